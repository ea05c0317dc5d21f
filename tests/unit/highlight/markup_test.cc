// HTML, XML, CSS and Markdown.
#include <gtest/gtest.h>

#include "highlight_test_util.h"

namespace bengal::highlight {
namespace {

using testing::class_of;
using testing::spans;

TEST(HtmlLexer, TagsAttributesAndEntities) {
  EXPECT_EQ(spans("html", "<a href=\"/x?a=1&b\" hidden>T &amp; U</a>\n"),
            "[p:<][nt:a] [na:href][o:=][s:\"/x?a=1&b\"] [na:hidden][p:>]T [ni:&amp;] U[p:</][nt:a][p:>]\n");
  EXPECT_EQ(spans("html", "<!DOCTYPE html><!-- c --><br/>\n"),
            "[cp:<!DOCTYPE html>][cm:<!-- c -->][p:<][nt:br][p:/>]\n");
}

TEST(HtmlLexer, ScriptAndStyleContentIsCode) {
  EXPECT_EQ(spans("html", "<script>let a = 1 < 2;</script><style>p { color: red }</style>\n"),
            "[p:<][nt:script][p:>][kd:let] a [o:=] [mf:1] [o:<] [mf:2][p:;</][nt:script][p:><][nt:style][p:>]"
            "[nt:p] [p:{] [k:color][p::] [kc:red] [p:}</][nt:style][p:>]\n");
}

TEST(XmlLexer, TagsIncludeTheirBrackets) {
  EXPECT_EQ(spans("xml", "<?xml version=\"1.0\"?>\n<a x=\"1\">t<![CDATA[<b>]]></a>\n"),
            "[cp:<?xml version=\"1.0\"?>]\n[nt:<a] [na:x=][s:\"1\"][nt:>]t[cp:<![CDATA[<b>]]>][nt:</a>]\n");
}

TEST(CssLexer, SelectorsDeclarationsAndValues) {
  EXPECT_EQ(spans("css", "a.x:hover, #id { margin: 0 auto -2px; --gap: 1.5rem; }\n"),
            "[nt:a][p:.][nc:x][p::][nd:hover][o:,] [p:#][nn:id] [p:{] [k:margin][p::] [mi:0] [kc:auto] [mi:-2][kt:px]"
            "[p:;] [nv:--gap][p::] [mf:1.5][kt:rem][p:;] [p:}]\n");
  EXPECT_EQ(spans("css", "b { color: rgb(0 0 0 / .5); width: calc(100% - var(--w)); }\n"),
            "[nt:b] [p:{] [k:color][p::] [nb:rgb][p:(][mi:0] [mi:0] [mi:0] [o:/] [mf:.5][p:);] [k:width][p::] "
            "[nb:calc][p:(][mi:100][kt:%] [o:-] [nf:var][p:(][nv:--w][p:));] [p:}]\n");
}

TEST(CssLexer, AtRulesNestRules) {
  EXPECT_EQ(spans("css", "@media (max-width: 600px) { .a { display: none !important } }\n"),
            "[p:@][k:media] [o:(][nt:max-width][o::] [nt:600px][o:)] [p:{] [p:.][nc:a] [p:{] [k:display][p::] "
            "[kc:none] [cp:!important] [p:}] [p:}]\n");
}

TEST(MarkdownLexer, HeadingsListsAndInlineMarkup) {
  EXPECT_EQ(spans("md", "# Title\n\n- item with `code` and **bold**\n1. [link](http://x) *em*\n"),
            "[gh:# Title]\n\n[k:-] item with [sb:`code`] and [gs:**bold**]\n[k:1.] [[nt:link]]([na:http://x]) "
            "[ge:*em*]\n");
}

TEST(MarkdownLexer, FencedCodeIsHighlightedInItsLanguage) {
  EXPECT_EQ(spans("md", "```python\nx = 1\n```\n```\nplain\n```\n"),
            "[sb:```python]\nx [o:=] [mi:1]\n[sb:```]\n[sb:```\nplain\n```]\n");
  EXPECT_EQ(class_of("md", "```cobol\nMOVE A TO B\n```\n", "MOVE A TO B"), "s");
}

}  // namespace
}  // namespace bengal::highlight
