// The toolkit the lexers share.
#include "highlight/scanner.h"

#include <gtest/gtest.h>

namespace bengal::highlight {
namespace {

TEST(CharSet, MembersRangesAndUnion) {
  constexpr CharSet set = CharSet("ab") | CharSet::range('0', '2');
  static_assert(set.has('a') && set.has('1') && !set.has('c') && !set.has('3'));
  EXPECT_TRUE(kNonAscii.has('\xc3'));
  EXPECT_FALSE(kNonAscii.has('z'));
  EXPECT_TRUE(kIdentChars.has('\xe9'));  // UTF-8 bytes keep names whole
}

TEST(WordTable, FindsClassesAndFirstGroupWins) {
  WordTable table({{Tok::kKeyword, "if else  while"}, {Tok::kNameBuiltin, "len while"}});
  EXPECT_EQ(table.find("if"), Tok::kKeyword);
  EXPECT_EQ(table.find("len"), Tok::kNameBuiltin);
  EXPECT_EQ(table.find("while"), Tok::kKeyword);
  EXPECT_EQ(table.find("If"), Tok::kText);
  EXPECT_EQ(table.find(""), Tok::kText);
  EXPECT_FALSE(table.contains("els"));
}

TEST(WordTable, IgnoringCase) {
  WordTable table({{Tok::kKeyword, "select from"}}, /*ignore_case=*/true);
  EXPECT_EQ(table.find("SELECT"), Tok::kKeyword);
  EXPECT_EQ(table.find("From"), Tok::kKeyword);
  EXPECT_EQ(table.find("where"), Tok::kText);
}

TEST(WordTable, ManyWordsStayFindable) {
  std::string words;
  for (int i = 0; i < 500; ++i) words += "w" + std::to_string(i) + " ";
  WordTable table({{Tok::kKeyword, words}});
  for (int i = 0; i < 500; ++i) EXPECT_EQ(table.find("w" + std::to_string(i)), Tok::kKeyword) << i;
  EXPECT_EQ(table.find("w500"), Tok::kText);
}

Tok number_class(std::string_view text, const NumberSyntax& syntax, size_t* length) {
  Tokens tokens;
  Scanner s(text, tokens);
  Tok cls = s.take_number(syntax);
  *length = s.pos();
  return cls;
}

TEST(Scanner, NumbersInTheirSyntax) {
  struct Case {
    std::string_view text;
    Tok cls;
    size_t length;
  };
  const NumberSyntax c_like{.separators = "'", .octal_prefix = false};
  const Case cases[] = {
      {"42;", Tok::kNumberInteger, 2},  {"1_000 ", Tok::kNumberInteger, 5}, {"0x1F)", Tok::kNumberHex, 4},
      {"0b101", Tok::kNumberBin, 5},    {"0o17", Tok::kNumberOct, 4},       {"3.25e-3", Tok::kNumberFloat, 7},
      {".5", Tok::kNumberFloat, 2},     {"5.", Tok::kNumberFloat, 2},       {"1.max", Tok::kNumberInteger, 1},
      {"1..2", Tok::kNumberInteger, 1}, {"1e", Tok::kNumberInteger, 1},     {"x", Tok::kText, 0},
  };
  for (const Case& c : cases) {
    size_t length = 0;
    EXPECT_EQ(number_class(c.text, NumberSyntax{}, &length), c.cls) << c.text;
    EXPECT_EQ(length, c.length) << c.text;
  }
  size_t length = 0;
  EXPECT_EQ(number_class("1'000'000ull", c_like, &length), Tok::kNumberInteger);
  EXPECT_EQ(length, 9u);
  EXPECT_EQ(number_class("0o17", c_like, &length), Tok::kNumberInteger);
  EXPECT_EQ(length, 1u);
}

TEST(Scanner, EscapeLengths) {
  struct Case {
    std::string_view text;
    size_t length;
  };
  const Case cases[] = {{"\\n", 2},          {"\\x41z", 4},     {"\\u00e9z", 6},
                        {"\\U0001F600", 10}, {"\\u{1F600}", 9}, {"\\N{DASH}", 8},
                        {"\\012x", 4},       {"\\\xc3\xa9", 3}, {"\\", 1}};
  for (const Case& c : cases) {
    Tokens tokens;
    Scanner s(c.text, tokens);
    EXPECT_EQ(s.escape_length(), c.length) << c.text;
  }
}

TEST(Scanner, StringBodyStopsAtSpecialsAndLineEnds) {
  Tokens tokens;
  std::string_view text = "'a\\'b$x' 'open\nnext";
  Scanner s(text, tokens);
  StringSyntax syntax{.body = Tok::kStringSingle, .special = "$"};
  s.advance();
  EXPECT_EQ(s.string_body("'", syntax), StringEnd::kSpecial);
  EXPECT_EQ(s.peek(), '$');
  s.advance();
  EXPECT_EQ(s.string_body("'", syntax), StringEnd::kClosed);
  s.skip_spaces();
  s.advance();
  EXPECT_EQ(s.string_body("'", syntax), StringEnd::kUnclosed);
  EXPECT_EQ(s.peek(), '\n');
  // 'a, \', b$x' (the '$' passed over as string text), blank, 'open
  ASSERT_EQ(tokens.size(), 5u);
  EXPECT_EQ(tokens[0].end, 2u);
  EXPECT_EQ(tokens[1].cls, Tok::kStringEscape);
  EXPECT_EQ(tokens[1].end, 4u);
  EXPECT_EQ(tokens[2].cls, Tok::kStringSingle);
  EXPECT_EQ(tokens[2].end, 8u);
}

TEST(Scanner, EmitsMergeAndLimitsNest) {
  Tokens tokens;
  Scanner s("abcdef", tokens);
  s.advance(2);
  s.emit(Tok::kKeyword);
  s.advance();
  s.emit(Tok::kKeyword);  // merges with the one before
  {
    Scanner::Limit limit(s, 4);
    s.advance(5);
    EXPECT_TRUE(s.done());
    EXPECT_EQ(s.pos(), 4u);
    s.emit(Tok::kString);
  }
  EXPECT_FALSE(s.done());
  s.advance(2);
  s.emit(Tok::kText);
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(tokens[0].end, 3u);
  EXPECT_EQ(tokens[1].end, 4u);
  EXPECT_EQ(tokens[2].end, 6u);
}

TEST(Scanner, AtWordNeedsWordBoundaries) {
  Tokens tokens;
  Scanner s("format for", tokens);
  EXPECT_FALSE(s.at_word("for"));
  s.advance(7);
  EXPECT_TRUE(s.at_word("for"));
}

}  // namespace
}  // namespace bengal::highlight
