// GitHub alerts, definition lists, math and mermaid through bengal-parse.
#include <gtest/gtest.h>

#include "parse/markdown.h"
#include "parse_test_util.h"

namespace bengal {
namespace {

using testing::parse;
using testing::Parsed;

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// ----- alerts -----

TEST(Alerts, BlockQuoteBecomesAnAdmonition) {
  Parsed p = parse("> [!NOTE]\n> Useful *thing*.\n>\n> More.\n");
  EXPECT_EQ(p.html, "<div class=\"admonition note\"><p class=\"admonition-title\">Note</p>\n"
                    "<p>Useful <em>thing</em>.</p>\n<p>More.</p>\n</div>\n");
  EXPECT_EQ(p.page.text.text, "Useful thing.\nMore.");
}

TEST(Alerts, EveryKindAnyCase) {
  for (const char* kind : {"note", "TIP", "Important", "warning", "CAUTION"}) {
    Parsed p = parse(std::string("> [!") + kind + "]\n> x\n");
    EXPECT_TRUE(contains(p.html, "<div class=\"admonition ")) << kind;
  }
  Parsed p = parse("> [!caution]\n> x\n");
  EXPECT_TRUE(contains(p.html, "<div class=\"admonition caution\"><p class=\"admonition-title\">Caution</p>"));
  Parsed alone = parse("> [!TIP]\n\npara\n");
  EXPECT_EQ(alone.html, "<div class=\"admonition tip\"><p class=\"admonition-title\">Tip</p>\n</div>\n<p>para</p>\n");
}

TEST(Alerts, OtherQuotesStayQuotes) {
  for (const char* body : {"> [!FOO]\n> x\n", "> [!NOTE] same line\n", "> text [!NOTE]\n", "> [NOTE]\n> x\n"}) {
    Parsed p = parse(body);
    EXPECT_TRUE(contains(p.html, "<blockquote>")) << body;
    EXPECT_FALSE(contains(p.html, "admonition")) << body;
  }
}

// ----- definition lists -----

TEST(DefinitionLists, TightTermsAndDefinitions) {
  Parsed p = parse("Apple\n: A *fruit*.\n: A company.\n\nOrange\nTangerine\n: Citrus.\n");
  EXPECT_EQ(p.html, "<dl>\n<dt>Apple</dt>\n<dd>A <em>fruit</em>.</dd>\n<dd>A company.</dd>\n"
                    "<dt>Orange</dt>\n<dt>Tangerine</dt>\n<dd>Citrus.</dd>\n</dl>\n");
  EXPECT_EQ(p.page.text.text, "Apple\nA fruit.\nA company.\nOrange Tangerine\nCitrus.");
}

TEST(DefinitionLists, IndentedParagraphsMakeALooseDefinition) {
  Parsed p = parse("Term\n\n: First para.\n\n    Second [link](a.md).\n\nAfter.\n");
  EXPECT_EQ(p.html, "<dl>\n<dt>Term</dt>\n<dd>\n<p>First para.</p>\n<p>Second <a href=\"{href 0}\">link</a>.</p>\n"
                    "</dd>\n</dl>\n<p>After.</p>\n");
  ASSERT_EQ(p.page.meta.links.size(), 1u);
  EXPECT_EQ(p.page.body.link_pos[0].line, 5u);
  EXPECT_EQ(p.page.body.link_pos[0].col, 12u);
}

TEST(DefinitionLists, ColonsElsewhereStayText) {
  Parsed p = parse("# Heading\n: not a definition\n\n- item\n: nor this\n\n```\nTerm\n: code\n```\n");
  EXPECT_FALSE(contains(p.html, "<dl>"));
  EXPECT_TRUE(contains(p.html, "Term\n: code\n"));
}

TEST(DefinitionLists, InsideADirective) {
  Parsed p = parse(":::{note}\nTerm\n: Def\n:::\n");
  EXPECT_TRUE(contains(p.html, "<dl>\n<dt>Term</dt>\n<dd>Def</dd>\n</dl>"));
}

// ----- math -----

ParseOptions math_on() {
  ParseOptions options;
  options.math = true;
  return options;
}

TEST(Math, InlineAndDisplayAreVerbatim) {
  Parsed p = parse("Euler: $e^{i\\pi} + 1 = 0$ and $a*b*c < d_1_2$.\n\n$$\n\\sum_{i=1}^n *i* < x\n$$\n", math_on());
  EXPECT_EQ(p.html, "<p>Euler: <span class=\"math math-inline\">\\(e^{i\\pi} + 1 = 0\\)</span> and "
                    "<span class=\"math math-inline\">\\(a*b*c &lt; d_1_2\\)</span>.</p>\n"
                    "<div class=\"math math-display\">\\[\n\\sum_{i=1}^n *i* &lt; x\n\\]</div>\n");
}

TEST(Math, DollarsThatAreNotMath) {
  Parsed p = parse("It costs $5 and \\$7. $ y$ too, $z $ and $2$3.\n", math_on());
  EXPECT_EQ(p.html, "<p>It costs $5 and $7. $ y$ too, $z $ and $2$3.</p>\n");
  Parsed code = parse("`$x$` and $y$\n", math_on());
  EXPECT_EQ(code.html, "<p><code>$x$</code> and <span class=\"math math-inline\">\\(y\\)</span></p>\n");
  Parsed pandoc = parse("$6, or \\$7$ x\n", math_on());  // Pandoc's rules: this one is math
  EXPECT_EQ(pandoc.html, "<p><span class=\"math math-inline\">\\(6, or \\$7\\)</span> x</p>\n");
}

TEST(Math, OffMeansDollarsAreText) {
  Parsed p = parse("$a*b*c$\n");
  EXPECT_EQ(p.html, "<p>$a<em>b</em>c$</p>\n");
}

// ----- mermaid -----

TEST(Mermaid, OnlyWhenEnabled) {
  std::string body = "```mermaid\ngraph TD; A-->B & C\n```\n";
  ParseOptions options;
  options.mermaid = true;
  Parsed on = parse(body, options);
  EXPECT_EQ(on.html, "<pre class=\"mermaid\">graph TD; A--&gt;B &amp; C\n</pre>\n");
  EXPECT_EQ(on.page.text.text, "graph TD; A-->B & C");
  Parsed off = parse(body);
  EXPECT_TRUE(contains(off.html, "<div class=\"highlight\" data-lang=\"mermaid\">"));
}

}  // namespace
}  // namespace bengal
