// Fenced code blocks through bengal-parse: highlighted HTML in the body, the raw code in the
// plain text, located errors for bad options.
#include <gtest/gtest.h>

#include "parse/markdown.h"
#include "parse_test_util.h"

namespace bengal {
namespace {

using testing::parse;
using testing::Parsed;

std::vector<std::string> messages(const Diagnostics& diags) {
  std::vector<std::string> out;
  for (const Diagnostic& d : diags.items()) out.push_back(format_diagnostic(d, "bengal-parse"));
  return out;
}

TEST(ParseCodeBlocks, LanguageBlocksAreHighlighted) {
  Parsed p = parse("Text\n\n```python\ndef f(): return [[x]]\n```\n");
  EXPECT_EQ(p.html,
            "<p>Text</p>\n<div class=\"highlight\" data-lang=\"python\"><pre><code class=\"language-python\">"
            "<span class=\"k\">def</span> <span class=\"nf\">f</span><span class=\"p\">():</span> "
            "<span class=\"k\">return</span> <span class=\"p\">[[</span>x<span class=\"p\">]]</span>\n"
            "</code></pre></div>\n");
  EXPECT_TRUE(p.page.body.slots.empty());  // [[x]] in code is not a reference
  EXPECT_TRUE(p.diags.items().empty());
}

TEST(ParseCodeBlocks, PlainTextKeepsTheRawCode) {
  Parsed p = parse("```js {2}\nlet a = 1 < 2;\nlet b;\n```\n");
  EXPECT_EQ(p.page.text.text, "let a = 1 < 2;\nlet b;");
}

TEST(ParseCodeBlocks, OptionsGiveTitleNumbersAndHighlightedLines) {
  Parsed p = parse("```text {hl_lines=\"2\" linenos=true title=\"a.txt\"}\none\ntwo\n```\n");
  EXPECT_EQ(p.html,
            "<div class=\"highlight\" data-lang=\"text\"><div class=\"code-title\">a.txt</div>"
            "<pre><code class=\"language-text\"><span class=\"ln\">1</span>one\n"
            "<span class=\"hll\"><span class=\"ln\">2</span>two\n</span></code></pre></div>\n");
}

TEST(ParseCodeBlocks, BlocksWithoutLanguageStayAsTheyWereAndDirectivesAreNotCode) {
  EXPECT_EQ(parse("```\na < b\n```\n").html, "<pre><code>a &lt; b\n</code></pre>\n");
  EXPECT_EQ(parse("    indented\n").html, "<pre><code>indented\n</code></pre>\n");
  EXPECT_EQ(parse("```{note}\nBody\n```\n").html,
            "<div class=\"admonition note\"><p class=\"admonition-title\">Note</p>\n<p>Body</p>\n</div>\n");
}

TEST(ParseCodeBlocks, BadOptionsAreErrorsWhereTheyAreWritten) {
  Parsed p = parse("# T\n\n- item\n\n  ```python {hl_lines=\"x\"}\n  pass\n  ```\n", {}, /*body_line=*/4);
  EXPECT_EQ(messages(p.diags),
            std::vector<std::string>{
                "content/docs/guide/page.md:8:24: error: hl_lines: 'x' is not a line number or range (like 3 or 2-4)"});
  EXPECT_NE(p.html.find("<span class=\"k\">pass</span>"), std::string::npos);  // still highlighted
}

TEST(ParseCodeBlocks, UnknownOptionSuggestsTheKnownOne) {
  Parsed p = parse("~~~  go {linenos=true titel=\"x\"}\nx\n~~~\n");
  EXPECT_EQ(messages(p.diags),
            std::vector<std::string>{
                "content/docs/guide/page.md:1:23: error: unknown code block option 'titel' (did you mean 'title'?)"});
}

TEST(ParseCodeBlocks, HighlightedLinesPastTheEndWarn) {
  Parsed p = parse("```sh {9}\nls\n```\n");
  EXPECT_EQ(messages(p.diags), std::vector<std::string>{"content/docs/guide/page.md:1:4: warning: hl_lines: line 9 "
                                                        "is past the end of the 1-line code block"});
}

TEST(ParseCodeBlocks, SlotsAroundCodeBlocksStayInPlace) {
  Parsed p = parse("[a](a.md)\n\n```c\nint x;\n```\n\n[[b]]\n");
  ASSERT_EQ(p.page.body.slots.size(), 3u);  // href of a; href and title of b
  EXPECT_EQ(p.page.body.html.size(), 4u);
  EXPECT_NE(p.html.find("</code></pre></div>\n<p><a href=\"{href 1}\">{title 1}</a></p>"), std::string::npos) << p.html;
}

}  // namespace
}  // namespace bengal
