#include "parse/source_map.h"

#include <gtest/gtest.h>

namespace bengal {

TEST(MatchLiteral, PlainText) {
  std::vector<uint32_t> offsets;
  std::vector<bool> plain;
  EXPECT_TRUE(match_literal("a [[b]]", "a [[b]] tail", offsets, plain));
  EXPECT_EQ(offsets, (std::vector<uint32_t>{2, 3}));
  EXPECT_EQ(plain, (std::vector<bool>{true, true}));
  EXPECT_FALSE(match_literal("abc", "abd", offsets, plain));
  EXPECT_FALSE(match_literal("abc", "ab", offsets, plain));
}

TEST(MatchLiteral, UndoesEscapesAndEntities) {
  std::vector<uint32_t> offsets;
  std::vector<bool> plain;
  EXPECT_TRUE(match_literal("[[x]] [y", "\\[\\[x]] &#91;y", offsets, plain));
  EXPECT_EQ(offsets, (std::vector<uint32_t>{0, 2, 8}));  // where "\\[" and "&#91;" start
  EXPECT_EQ(plain, (std::vector<bool>{false, false, false}));
  EXPECT_TRUE(match_literal("a & b é [", "a &amp; b &eacute; &lbrack;", offsets, plain));
  EXPECT_TRUE(match_literal("&nope; \\a", "&nope; \\a", offsets, plain));  // kept as written
}

TEST(SourceMap, Lines) {
  SourceMap map("one\ntwo\r\n\nfour");
  EXPECT_EQ(map.line_count(), 4u);
  EXPECT_EQ(map.line(2), "two");
  EXPECT_EQ(map.line(3), "");
  EXPECT_EQ(map.line(4), "four");
  EXPECT_EQ(map.line(5), "");
  EXPECT_EQ(map.at(4, 1), 'f');
  EXPECT_EQ(map.at(4, 5), '\0');
}

TEST(SourceMap, LocateTrustsAGoodHint) {
  SourceMap map("x\n  see [[a]]\n");
  auto found = map.locate("see [[a]]", 2, 3, 2);
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->line, 2u);
  EXPECT_EQ(found->col, 3u);
  ASSERT_EQ(found->brackets.size(), 2u);
  EXPECT_EQ(found->brackets[0].col, 7u);
}

TEST(SourceMap, LocateCorrectsColumnAndLine) {
  SourceMap map("> a\nlazy [[y]]\n");
  auto found = map.locate("lazy [[y]]", 2, 3, 2);  // cmark's hint for a lazy line
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->col, 1u);
  SourceMap after_break("line\\\n[[after]]\n");
  found = after_break.locate("[[after]]", 1, 7, 2);  // cmark stays on line 1
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->line, 2u);
  EXPECT_EQ(found->col, 1u);
}

TEST(SourceMap, LocateFailsOnUnknownText) {
  SourceMap map("abc\n");
  EXPECT_FALSE(map.locate("xyz", 1, 1, 1).has_value());
  EXPECT_FALSE(map.locate("abc", 0, 0, 1).has_value());
}

}  // namespace bengal

namespace bengal {

TEST(TextBrackets, EscapesAndPositions) {
  SourceMap map("intro\n\\[\\[a]] [[b]]\n");
  TextBrackets brackets(map, "[[a]] [[b]]", 2, 1, 2);
  EXPECT_EQ(brackets.escaped(), (std::vector<size_t>{0, 1}));
  LineCol b = brackets.position(6);
  EXPECT_EQ(b.line, 2u);
  EXPECT_EQ(b.col, 9u);
}

TEST(TextBrackets, FallsBackToTheHint) {
  SourceMap map("something else\n");
  TextBrackets brackets(map, "x [[y]]", 1, 4, 1);
  EXPECT_TRUE(brackets.escaped().empty());
  EXPECT_EQ(brackets.position(2).col, 6u);
  TextBrackets no_column(map, "x [[y]]", 1, 0, 1);
  EXPECT_EQ(no_column.position(2).col, 0u);
}

}  // namespace bengal
