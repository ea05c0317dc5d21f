// Properties every lexer must have, whatever the input: tokens tile the text, adjacent
// tokens differ in class, lexing ends, and the HTML is well formed with all text escaped.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "highlight/highlight.h"

namespace bengal::highlight {
namespace {

const std::vector<std::string_view> kLanguages = {
    "python", "bash", "console", "c",   "cpp", "rust", "go",   "javascript", "typescript", "json", "yaml",
    "toml",   "ini",  "html",    "xml", "css", "sql",  "diff", "markdown",   "dockerfile", "text", "no-such-language"};

// Unclosed constructs and odd bytes that lexers must survive.
const std::vector<std::string> kNastyInputs = {
    "",
    "\n",
    "\"unclosed",
    "'unclosed\n",
    "/* unclosed comment",
    "`unclosed ${template",
    "<!-- unclosed",
    "<tag attr=",
    "r#\"raw",
    "R\"delim(raw",
    "f'{x!r:{y}'",
    "${a:-${b",
    "<<EOF\nbody",
    "#if 0\nnever closed",
    "[[table\n",
    "key: |\n",
    "```python\nprint(1)\n",
    "\\",
    "x = 0x",
    "1e",
    "'\\",
    std::string("nul\0byte", 8),
    "\xff\xfe invalid utf-8 \xc3",
    "<script>var a = 1 < 2;",
    "{\"a\": [1, {\"b\": tru",
};

// Checks that `html` is spans nested properly, with no raw '<', '>' or '&' outside markup.
void expect_well_formed(const std::string& html, const std::string& context) {
  int depth = 0;
  for (size_t i = 0; i < html.size(); ++i) {
    if (html.compare(i, 13, "<span class=\"") == 0) {
      size_t close = html.find("\">", i);
      ASSERT_NE(close, std::string::npos) << context;
      ++depth;
      i = close + 1;
    } else if (html.compare(i, 7, "</span>") == 0) {
      --depth;
      ASSERT_GE(depth, 0) << context;
      i += 6;
    } else if (html[i] == '&') {
      bool entity =
          html.compare(i, 5, "&amp;") == 0 || html.compare(i, 4, "&lt;") == 0 || html.compare(i, 4, "&gt;") == 0;
      ASSERT_TRUE(entity) << context << " at " << i;
    } else {
      ASSERT_TRUE(html[i] != '<' && html[i] != '>') << context << " at " << i;
    }
  }
  EXPECT_EQ(depth, 0) << context;
}

// Undoes the escaping and drops the markup: must give back the code.
std::string text_of(const std::string& html) {
  std::string out;
  for (size_t i = 0; i < html.size();) {
    if (html[i] == '<') {
      i = html.find('>', i) + 1;
    } else if (html.compare(i, 5, "&amp;") == 0) {
      out += '&';
      i += 5;
    } else if (html.compare(i, 4, "&lt;") == 0 || html.compare(i, 4, "&gt;") == 0) {
      out += html[i + 1] == 'l' ? '<' : '>';
      i += 4;
    } else {
      out += html[i++];
    }
  }
  return out;
}

void check(std::string_view language, const std::string& code) {
  std::string context = std::string(language) + ": " + code.substr(0, 40);
  Tokens tokens;
  tokenize(find_language(language), code, tokens);
  uint32_t previous_end = 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    ASSERT_GT(tokens[i].end, previous_end) << context;
    if (i > 0) {
      ASSERT_NE(tokens[i].cls, tokens[i - 1].cls) << context;
    }
    previous_end = tokens[i].end;
  }
  ASSERT_EQ(previous_end, code.size()) << context;

  std::string plain;
  append_token_html(code, tokens, plain);
  expect_well_formed(plain, context);
  EXPECT_EQ(text_of(plain), code) << context;

  CodeOptions options;
  options.language = std::string(language);
  options.linenos = true;
  options.hl_lines = {{1, 2}, {4, 4}};
  std::string lined;
  append_token_html_lines(code, tokens, options, lined);
  expect_well_formed(lined, context + " (lines)");
}

TEST(LexerInvariants, NastyInputs) {
  for (std::string_view language : kLanguages) {
    for (const std::string& code : kNastyInputs) check(language, code);
  }
}

TEST(LexerInvariants, RandomSyntax) {
  // Random mixes of the bytes that open and close constructs in some language.
  const std::string alphabet = "abcdefxyz019 _\t\n\"'`\\/*#-+=<>!?&|;:,.()[]{}$@%~^\xc3\xa9";
  std::mt19937 random(12345);
  std::uniform_int_distribution<size_t> pick(0, alphabet.size() - 1);
  std::uniform_int_distribution<size_t> length(0, 120);
  for (int round = 0; round < 300; ++round) {
    std::string code;
    for (size_t n = length(random); n > 0; --n) code += alphabet[pick(random)];
    for (std::string_view language : kLanguages) check(language, code);
  }
}

}  // namespace
}  // namespace bengal::highlight
