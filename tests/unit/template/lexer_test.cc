#include "template/lexer.h"

#include <gtest/gtest.h>

#include "template/error.h"

namespace bengal::tmpl {
namespace {

LexOptions no_trim() { return LexOptions{false, false}; }

std::vector<Tok> types(const std::vector<Token>& tokens) {
  std::vector<Tok> out;
  for (const Token& t : tokens) out.push_back(t.type);
  return out;
}

// The text of all data tokens, concatenated: what the template prints around its tags.
std::string data_of(std::string_view source, LexOptions options = {}) {
  std::string out;
  for (const Token& t : tokenize(source, options)) {
    if (t.type == Tok::kData) out += std::string(t.text) + "|";
  }
  return out;
}

TEST(NormalizeSource, ConvertsNewlinesAndDropsOneTrailingNewline) {
  EXPECT_EQ(normalize_source("a\r\nb\rc\n", false), "a\nb\nc");
  EXPECT_EQ(normalize_source("a\n\n", false), "a\n");
  EXPECT_EQ(normalize_source("a\n", true), "a\n");
  EXPECT_EQ(normalize_source("", false), "");
  EXPECT_EQ(normalize_source("\r\r\nx\r", true), "\n\nx\n");
}

TEST(Lexer, SplitsTextAndTags) {
  auto tokens = tokenize("Hi {{ name }}!{% if x %}y{% endif %}", {});
  EXPECT_EQ(types(tokens), (std::vector<Tok>{Tok::kData, Tok::kVariableBegin, Tok::kName, Tok::kVariableEnd,
                                             Tok::kData, Tok::kBlockBegin, Tok::kName, Tok::kName, Tok::kBlockEnd,
                                             Tok::kData, Tok::kBlockBegin, Tok::kName, Tok::kBlockEnd, Tok::kEof}));
  EXPECT_EQ(tokens[0].text, "Hi ");
  EXPECT_EQ(tokens[2].text, "name");
  EXPECT_EQ(tokens[2].offset, 6u);
}

TEST(Lexer, ReadsOperatorsLongestFirst) {
  auto tokens = tokenize("{{ a // b ** c == d != e <= f >= g ~ h }}", {});
  std::vector<Tok> ops;
  for (const Token& t : tokens) {
    if (t.type != Tok::kName && t.type != Tok::kVariableBegin && t.type != Tok::kVariableEnd && t.type != Tok::kEof) {
      ops.push_back(t.type);
    }
  }
  EXPECT_EQ(ops, (std::vector<Tok>{Tok::kFloorDiv, Tok::kPow, Tok::kEq, Tok::kNe, Tok::kLe, Tok::kGe, Tok::kTilde}));
}

TEST(Lexer, ReadsNumbers) {
  auto tokens = tokenize("{{ 42 1.5 1e3 0x1F 1_000 x.0 }}", {});
  EXPECT_EQ(tokens[1].type, Tok::kInteger);
  EXPECT_EQ(tokens[2].type, Tok::kFloat);
  EXPECT_EQ(tokens[3].type, Tok::kFloat);
  EXPECT_EQ(tokens[4].type, Tok::kInteger);
  EXPECT_EQ(tokens[4].text, "0x1F");
  EXPECT_EQ(tokens[5].text, "1_000");
  EXPECT_EQ(tokens[8].type, Tok::kInteger);  // x.0 is an item access, not a float
}

TEST(Lexer, BracketsKeepTagsOpen) {
  auto tokens = tokenize("{{ {'a': {'b': 1}} }}", {});
  EXPECT_EQ(tokens.back().type, Tok::kEof);
  EXPECT_EQ(tokens[tokens.size() - 2].type, Tok::kVariableEnd);
}

TEST(Lexer, CommentsVanish) {
  EXPECT_EQ(data_of("a{# x {{ y }} #}b"), "a|b|");
}

TEST(Lexer, RawBlocksBecomeText) {
  EXPECT_EQ(data_of("{% raw %}{{ x }}{% endraw %}"), "{{ x }}|");
}

TEST(Lexer, MinusStripsWhitespaceOnEitherSide) {
  EXPECT_EQ(data_of("a \n {%- if x -%} \n b", no_trim()), "a|b|");
  EXPECT_EQ(data_of("a  {{- x -}}  b", no_trim()), "a|b|");
}

TEST(Lexer, TrimBlocksDropsOneNewlineAfterBlockTags) {
  EXPECT_EQ(data_of("{% if x %}\n\nA", LexOptions{true, false}), "\nA|");
  EXPECT_EQ(data_of("{{ x }}\nA", LexOptions{true, false}), "\nA|");  // not after variables
}

TEST(Lexer, LstripBlocksDropsIndentationBeforeBlockTags) {
  EXPECT_EQ(data_of("x\n   {% if y %}", LexOptions{false, true}), "x\n|");
  EXPECT_EQ(data_of("x\n   {{ y }}", LexOptions{false, true}), "x\n   |");  // not before variables
  EXPECT_EQ(data_of("x  {% if y %}", LexOptions{false, true}), "x  |");     // not after text
  EXPECT_EQ(data_of("x\n   {%+ if y %}", LexOptions{false, true}), "x\n   |");
}

TEST(Lexer, ReportsUnclosedTagsAtTheirStart) {
  try {
    tokenize("ab\n{{ x", {});
    FAIL();
  } catch (const SyntaxError& e) {
    EXPECT_EQ(e.offset, 3u);
    EXPECT_EQ(e.message, "unclosed '{{': expected '}}' before the end of the template");
  }
  EXPECT_THROW(tokenize("{# x", {}), SyntaxError);
  EXPECT_THROW(tokenize("{% raw %}x", {}), SyntaxError);
  EXPECT_THROW(tokenize("{{ 'abc }}", {}), SyntaxError);
}

TEST(Lexer, ReportsUnbalancedBrackets) {
  try {
    tokenize("{{ (1] }}", {});
    FAIL();
  } catch (const SyntaxError& e) {
    EXPECT_EQ(e.message, "unexpected ']', expected ')'");
  }
  EXPECT_THROW(tokenize("{{ 1) }}", {}), SyntaxError);
  EXPECT_THROW(tokenize("{{ a ! b }}", {}), SyntaxError);
}

}  // namespace
}  // namespace bengal::tmpl
