// The markup around highlighted code: the block, the title, line numbers and highlighted
// lines, escaping.
#include <gtest/gtest.h>

#include "highlight/highlight.h"

namespace bengal::highlight {
namespace {

std::string render(std::string_view code, std::string_view info) {
  CodeOptions options;
  EXPECT_FALSE(parse_info_string(info, options));
  std::string html;
  render_code_block(code, options, html);
  return html;
}

TEST(CodeBlockHtml, PlainPathHasNoPerLineMarkup) {
  EXPECT_EQ(render("x = 1\ny = 'a'\n", "py"),
            "<div class=\"highlight\" data-lang=\"python\"><pre><code class=\"language-py\">"
            "x <span class=\"o\">=</span> <span class=\"mi\">1</span>\n"
            "y <span class=\"o\">=</span> <span class=\"s1\">'a'</span>\n"
            "</code></pre></div>\n");
}

TEST(CodeBlockHtml, TitleAndLanguageAreEscapedAttributes) {
  std::string html = render("x\n", "Py title=\"<a & \'b\'>\"");
  EXPECT_EQ(html,
            "<div class=\"highlight\" data-lang=\"python\"><div class=\"code-title\">&lt;a &amp; &#39;b&#39;&gt;</div>"
            "<pre><code class=\"language-Py\">x\n</code></pre></div>\n");
}

TEST(CodeBlockHtml, UnknownLanguageIsEscapedPlainText) {
  EXPECT_EQ(render("if a < b && c > d:\n", "klingon"),
            "<div class=\"highlight\" data-lang=\"klingon\"><pre><code class=\"language-klingon\">"
            "if a &lt; b &amp;&amp; c &gt; d:\n</code></pre></div>\n");
}

TEST(CodeBlockHtml, HighlightedLinesAndNumbers) {
  EXPECT_EQ(render("a\nb\nc\n", "text {hl_lines=\"2\" linenos=true linenostart=9}"),
            "<div class=\"highlight\" data-lang=\"text\"><pre><code class=\"language-text\">"
            "<span class=\"ln\">9</span>a\n"
            "<span class=\"hll\"><span class=\"ln\">10</span>b\n</span>"
            "<span class=\"ln\">11</span>c\n"
            "</code></pre></div>\n");
}

TEST(CodeBlockHtml, TokenSpanningLinesIsClosedAndReopened) {
  std::string html = render("x = \"\"\"one\ntwo\"\"\"\n", "python {2}");
  EXPECT_NE(html.find("<span class=\"s2\">\"\"\"one</span>\n"
                      "<span class=\"hll\"><span class=\"s2\">two\"\"\"</span>\n</span>"),
            std::string::npos)
      << html;
}

TEST(CodeBlockHtml, LastLineWithoutNewline) {
  EXPECT_EQ(render("a\nb", "text {2}"),
            "<div class=\"highlight\" data-lang=\"text\"><pre><code class=\"language-text\">a\n"
            "<span class=\"hll\">b</span></code></pre></div>\n");
}

TEST(CodeBlockHtml, AdjacentTokensOfOneClassMerge) {
  Tokens tokens;
  tokenize(find_language("c"), "a->b;", tokens);  // '-' and '>' are two operators
  std::string html;
  append_token_html("a->b;", tokens, html);
  EXPECT_EQ(html, "a<span class=\"o\">-&gt;</span>b<span class=\"p\">;</span>");
}

TEST(Languages, NamesAndAliasesIgnoreCase) {
  EXPECT_EQ(find_language("PY")->name, "python");
  EXPECT_EQ(find_language("Shell")->name, "bash");
  EXPECT_EQ(find_language("c++")->name, "cpp");
  EXPECT_EQ(find_language("yml")->name, "yaml");
  EXPECT_EQ(find_language("Dockerfile")->name, "dockerfile");
  EXPECT_EQ(find_language("plaintext")->lex, nullptr);
  EXPECT_EQ(find_language("cobol"), nullptr);
  EXPECT_EQ(find_language(""), nullptr);
}

}  // namespace
}  // namespace bengal::highlight
