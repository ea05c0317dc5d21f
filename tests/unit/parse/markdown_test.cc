#include "parse/markdown.h"

#include <gtest/gtest.h>

#include "format/envelope.h"
#include "parse_test_util.h"

namespace bengal {
namespace {

using testing::flatten;
using testing::make_page;
using testing::parse;
using testing::Parsed;

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// ----- headings and the table of contents -----

TEST(ParseHeadings, TocKeepsLevelsOrderAndUniqueIds) {
  Parsed p = parse("# Guide\n\n## Install\n\ntext\n\n### On Linux\n\n## Install\n\nSetext\n------\n");
  const auto& h = p.page.meta.headings;
  ASSERT_EQ(h.size(), 5u);
  EXPECT_EQ(h[0].level, 1u);
  EXPECT_EQ(h[0].id, "guide");
  EXPECT_EQ(h[0].text, "Guide");
  EXPECT_EQ(h[1].level, 2u);
  EXPECT_EQ(h[2].level, 3u);
  EXPECT_EQ(h[2].id, "on-linux");
  EXPECT_EQ(h[3].id, "install-1");
  EXPECT_EQ(h[4].level, 2u);
  EXPECT_EQ(h[4].id, "setext");
  EXPECT_EQ(p.page.body.heading_pos[3].line, 9u);
  EXPECT_EQ(p.page.body.heading_pos[3].col, 1u);
  EXPECT_TRUE(contains(p.html, "<h1 id=\"guide\">Guide</h1>"));
  EXPECT_TRUE(contains(p.html, "<h2 id=\"install\">Install</h2>"));
  EXPECT_TRUE(contains(p.html, "<h2 id=\"install-1\">Install</h2>"));
  EXPECT_TRUE(contains(p.html, "<h3 id=\"on-linux\">On Linux</h3>"));
}

TEST(ParseHeadings, TextIsPlainAndIdComesFromIt) {
  Parsed p = parse("## The `parse` *step*, über\n");
  ASSERT_EQ(p.page.meta.headings.size(), 1u);
  EXPECT_EQ(p.page.meta.headings[0].text, "The parse step, über");
  EXPECT_EQ(p.page.meta.headings[0].id, "the-parse-step-über");
  EXPECT_EQ(p.html, "<h2 id=\"the-parse-step-über\">The <code>parse</code> <em>step</em>, über</h2>\n");
}

TEST(ParseHeadings, ExplicitIdIsTakenOffTheText) {
  Parsed p = parse("## Install it {#setup_1}\n\n## Other   {#x} ##\n\n## Not {#an id}\n");
  const auto& h = p.page.meta.headings;
  ASSERT_EQ(h.size(), 3u);
  EXPECT_EQ(h[0].id, "setup_1");
  EXPECT_EQ(h[0].text, "Install it");
  EXPECT_EQ(h[1].id, "x");
  EXPECT_EQ(h[1].text, "Other");
  EXPECT_EQ(h[2].id, "not-an-id");
  EXPECT_TRUE(contains(p.html, "<h2 id=\"setup_1\">Install it</h2>"));
  EXPECT_TRUE(contains(p.html, "<h2 id=\"x\">Other</h2>"));
  EXPECT_EQ(p.page.text.text, "Install it\nOther\nNot {#an id}");
}

TEST(ParseHeadings, DuplicateExplicitIdIsAWarning) {
  Parsed p = parse("# A\n\n## B {#a}\n", {}, 3);
  ASSERT_EQ(p.diags.items().size(), 1u);
  const Diagnostic& d = p.diags.items()[0];
  EXPECT_EQ(d.severity, Severity::kWarning);
  EXPECT_EQ(d.message, "duplicate heading id 'a'");
  EXPECT_EQ(d.loc.file, "content/docs/guide/page.md");
  EXPECT_EQ(d.loc.line, 5u);
}

TEST(ParseHeadings, EmptyHeadingIsASection) {
  Parsed p = parse("#\n\n## !!!\n");
  ASSERT_EQ(p.page.meta.headings.size(), 2u);
  EXPECT_EQ(p.page.meta.headings[0].id, "section");
  EXPECT_EQ(p.page.meta.headings[1].id, "section-1");
  EXPECT_TRUE(contains(p.html, "<h1 id=\"section\"></h1>"));
}

// ----- GitHub extensions and raw HTML -----

TEST(ParseExtensions, RenderThrough) {
  Parsed p = parse(
      "| a | b |\n|:--|--:|\n| c | ~~d~~ |\n\n- [x] done\n- [ ] todo\n\n"
      "Note[^1] and https://example.com here.\n\n[^1]: The note.\n");
  EXPECT_TRUE(contains(p.html, "<th align=\"left\">a</th>"));
  EXPECT_TRUE(contains(p.html, "<td align=\"right\"><del>d</del></td>"));
  EXPECT_TRUE(contains(p.html, "<li><input type=\"checkbox\" checked=\"\" disabled=\"\" /> done</li>"));
  EXPECT_TRUE(contains(p.html, "<li><input type=\"checkbox\" disabled=\"\" /> todo</li>"));
  EXPECT_TRUE(contains(p.html, "<a href=\"#fn-1\" id=\"fnref-1\" data-footnote-ref>1</a>"));
  EXPECT_TRUE(contains(p.html, "<section class=\"footnotes\" data-footnotes>"));
  EXPECT_TRUE(contains(p.html, "<a href=\"https://example.com\">https://example.com</a>"));
  EXPECT_TRUE(p.page.meta.links.empty());
}

TEST(ParseExtensions, RawHtmlPassesThroughAndSmartPunctuationIsOff) {
  Parsed p = parse("<div class=\"note\">\n\n**hi** \"quoted\" -- x\n\n</div>\n\n<span>in</span> line\n");
  EXPECT_TRUE(contains(p.html, "<div class=\"note\">\n<p><strong>hi</strong> &quot;quoted&quot; -- x</p>\n</div>"));
  EXPECT_TRUE(contains(p.html, "<p><span>in</span> line</p>"));
  EXPECT_EQ(p.page.text.text, "hi \"quoted\" -- x\nin line");
}

// ----- Markdown links to pages -----

TEST(ParseLinks, MarkdownLinkToPageBecomesSlot) {
  Parsed p = parse("Read [the *guide*](../setup/install.md#step-2 \"Go <there>\") now.\n");
  ASSERT_EQ(p.page.meta.links.size(), 1u);
  const OutLink& link = p.page.meta.links[0];
  EXPECT_EQ(link.target, "../setup/install.md#step-2");
  EXPECT_EQ(link.kind, static_cast<uint8_t>(LinkKind::kMarkdown));
  EXPECT_FALSE(link.auto_text);
  EXPECT_EQ(p.page.body.link_pos[0].line, 1u);
  EXPECT_EQ(p.page.body.link_pos[0].col, 6u);
  EXPECT_EQ(p.html, "<p>Read <a href=\"{href 0}\" title=\"Go &lt;there&gt;\">the <em>guide</em></a> now.</p>\n");
}

TEST(ParseLinks, PositionsCountFrontMatterLines) {
  Parsed p = parse("intro\n\nsee [a](a.md) and [b](b.md)\n", {}, 6);
  ASSERT_EQ(p.page.meta.links.size(), 2u);
  EXPECT_EQ(p.page.body.link_pos[0].line, 8u);
  EXPECT_EQ(p.page.body.link_pos[0].col, 5u);
  EXPECT_EQ(p.page.body.link_pos[1].line, 8u);
  EXPECT_EQ(p.page.body.link_pos[1].col, 19u);
  EXPECT_EQ(p.html, "<p>intro</p>\n<p>see <a href=\"{href 0}\">a</a> and <a href=\"{href 1}\">b</a></p>\n");
}

TEST(ParseLinks, PositionsOnContinuationAndLazyLines) {
  Parsed p = parse("- item\n    more [x](x.md)\n\n> quote\nlazy [y](y.md)\n\nline\\\n[z](z.md)\n");
  ASSERT_EQ(p.page.meta.links.size(), 3u);
  EXPECT_EQ(p.page.body.link_pos[0].line, 2u);
  EXPECT_EQ(p.page.body.link_pos[0].col, 10u);
  EXPECT_EQ(p.page.body.link_pos[1].line, 5u);
  EXPECT_EQ(p.page.body.link_pos[1].col, 6u);
  EXPECT_EQ(p.page.body.link_pos[2].line, 8u);
  EXPECT_EQ(p.page.body.link_pos[2].col, 1u);
}

TEST(ParseLinks, OtherLinksAreNotSlots) {
  Parsed p = parse("[a](https://x.org/a.md) [b](/abs/b.md) [c](#usage) [d](mailto:me@x.org)\n");
  EXPECT_TRUE(p.page.meta.links.empty());
  EXPECT_EQ(p.page.body.html.size(), 1u);
  EXPECT_TRUE(contains(p.html, "<a href=\"https://x.org/a.md\">a</a>"));
  EXPECT_TRUE(contains(p.html, "<a href=\"/abs/b.md\">b</a>"));
  EXPECT_TRUE(contains(p.html, "<a href=\"#usage\">c</a>"));
}

TEST(ParseLinks, LinksInCodeAreNotLinks) {
  Parsed p = parse("`[a](a.md)` and `[[b]]`\n\n```\n[[c]] [d](d.md)\n```\n\n    [[e]]\n");
  EXPECT_TRUE(p.page.meta.links.empty());
  EXPECT_TRUE(p.diags.items().empty());
  EXPECT_TRUE(contains(p.html, "<code>[[b]]</code>"));
  EXPECT_TRUE(contains(p.html, "<pre><code>[[c]] [d](d.md)\n</code></pre>"));
}

TEST(ParseLinks, LinkInsideHeadingAndFootnote) {
  Parsed p = parse("## See [setup](setup.md)\n\nText[^n].\n\n[^n]: Also [[faq]].\n");
  ASSERT_EQ(p.page.meta.links.size(), 2u);
  EXPECT_EQ(p.page.meta.headings[0].text, "See setup");
  EXPECT_EQ(p.page.meta.headings[0].id, "see-setup");
  EXPECT_TRUE(contains(p.html, "<h2 id=\"see-setup\">See <a href=\"{href 0}\">setup</a></h2>"));
  EXPECT_TRUE(contains(p.html, "Also <a href=\"{href 1}\">{title 1}</a>."));
  EXPECT_EQ(p.page.body.link_pos[1].line, 5u);
  EXPECT_EQ(p.page.body.link_pos[1].col, 12u);
}

// ----- wiki references -----

TEST(ParseWiki, AllFourForms) {
  Parsed p = parse("See [[install]], [[guide/setup#step-2]], [[faq|the \"FAQ\" & more]] and [[#usage]].\n", {}, 4);
  const auto& links = p.page.meta.links;
  const auto& at = p.page.body.link_pos;
  ASSERT_EQ(links.size(), 4u);
  EXPECT_EQ(links[0].target, "install");
  EXPECT_TRUE(links[0].auto_text);
  EXPECT_EQ(links[0].kind, static_cast<uint8_t>(LinkKind::kWiki));
  EXPECT_EQ(at[0].line, 4u);
  EXPECT_EQ(at[0].col, 5u);
  EXPECT_EQ(links[1].target, "guide/setup#step-2");
  EXPECT_TRUE(links[1].auto_text);
  EXPECT_EQ(at[1].col, 18u);
  EXPECT_EQ(links[2].target, "faq");
  EXPECT_FALSE(links[2].auto_text);
  EXPECT_EQ(links[3].target, "#usage");
  EXPECT_TRUE(links[3].auto_text);
  EXPECT_EQ(p.html,
            "<p>See <a href=\"{href 0}\">{title 0}</a>, <a href=\"{href 1}\">{title 1}</a>, "
            "<a href=\"{href 2}\">the &quot;FAQ&quot; &amp; more</a> and <a href=\"{href 3}\">{title 3}</a>.</p>\n");
  EXPECT_TRUE(p.diags.items().empty());
}

TEST(ParseWiki, InsideEmphasisTablesAndAcrossTextNodes) {
  Parsed p = parse("*see [[a_b_c]]* **[[x*y]]**\n\n| h |\n|---|\n| [[t\\|text]] |\n");
  const auto& links = p.page.meta.links;
  const auto& at = p.page.body.link_pos;
  ASSERT_EQ(links.size(), 3u);
  EXPECT_EQ(links[0].target, "a_b_c");
  EXPECT_EQ(at[0].col, 6u);
  EXPECT_EQ(links[1].target, "x*y");
  EXPECT_EQ(at[1].col, 19u);
  EXPECT_EQ(links[2].target, "t");
  EXPECT_EQ(at[2].line, 5u);
  EXPECT_EQ(at[2].col, 3u);
  EXPECT_TRUE(contains(p.html, "<em>see <a href=\"{href 0}\">{title 0}</a></em>"));
  EXPECT_TRUE(contains(p.html, "<td><a href=\"{href 2}\">text</a></td>"));
}

TEST(ParseWiki, PositionsInListsAndQuotes) {
  Parsed p = parse("- one\n  two [[a]]\n\n> q\n> > deep [[b]]\nlazy [[c]]\n");
  const auto& links = p.page.meta.links;
  const auto& at = p.page.body.link_pos;
  ASSERT_EQ(links.size(), 3u);
  EXPECT_EQ(at[0].line, 2u);
  EXPECT_EQ(at[0].col, 7u);
  EXPECT_EQ(at[1].line, 5u);
  EXPECT_EQ(at[1].col, 10u);
  EXPECT_EQ(at[2].line, 6u);
  EXPECT_EQ(at[2].col, 6u);
}

TEST(ParseWiki, EscapedBracketsAreText) {
  Parsed p = parse("\\[\\[not]] and &#91;&#91;nor]] but [[yes]]\n");
  ASSERT_EQ(p.page.meta.links.size(), 1u);
  EXPECT_EQ(p.page.meta.links[0].target, "yes");
  EXPECT_EQ(p.page.body.link_pos[0].col, 35u);
  EXPECT_TRUE(contains(p.html, "<p>[[not]] and [[nor]] but <a href=\"{href 0}\">"));
}

TEST(ParseWiki, NotInsideLinkText) {
  Parsed p = parse("[see [[x]]](https://example.org)\n");
  EXPECT_TRUE(p.page.meta.links.empty());
  EXPECT_TRUE(p.diags.items().empty());
}

TEST(ParseWiki, UnclosedIsAWarningEmptyTargetAnError) {
  Parsed p = parse("text\n\nsee [[broken and [[]] too\n", {}, 3);
  ASSERT_EQ(p.diags.items().size(), 2u);
  const Diagnostic& unclosed = p.diags.items()[0];
  EXPECT_EQ(unclosed.severity, Severity::kWarning);
  EXPECT_EQ(unclosed.message, "unclosed wiki reference");
  EXPECT_EQ(unclosed.loc.line, 5u);
  EXPECT_EQ(unclosed.loc.col, 5u);
  const Diagnostic& empty = p.diags.items()[1];
  EXPECT_EQ(empty.severity, Severity::kError);
  EXPECT_EQ(empty.message, "empty wiki reference target");
  EXPECT_EQ(empty.loc.col, 18u);
  EXPECT_TRUE(p.page.meta.links.empty());
  EXPECT_TRUE(contains(p.html, "see [[broken and [[]] too"));
}

// ----- relative links and images -----

TEST(ParseResources, RewrittenAgainstThePageFolder) {
  Parsed p = parse("![x](img/x.png \"T\") [pdf](../files/a.pdf?dl=1#p2) [up](../) [ext](https://x.org/y.png)\n");
  EXPECT_TRUE(contains(p.html, "<img src=\"/docs/guide/img/x.png\" alt=\"x\" title=\"T\" />"));
  EXPECT_TRUE(contains(p.html, "<a href=\"/docs/files/a.pdf?dl=1#p2\">pdf</a>"));
  EXPECT_TRUE(contains(p.html, "<a href=\"/docs/\">up</a>"));
  EXPECT_TRUE(contains(p.html, "<a href=\"https://x.org/y.png\">ext</a>"));
  EXPECT_TRUE(p.page.meta.links.empty());
}

TEST(ParseResources, BasePathIsPrefixed) {
  Parsed p = parse("![x](img/x.png) [a](a.md)\n", {"/docs/"}, 1, "index.md");
  EXPECT_TRUE(contains(p.html, "<img src=\"/docs/img/x.png\" alt=\"x\" />"));
  ASSERT_EQ(p.page.meta.links.size(), 1u);  // pages are linked by bengal-link, not here
}

TEST(ParseResources, PathClimbingOutIsLeftAndWarned) {
  Parsed p = parse("para\n\n  ![x](../../../x.png) [y](../../../y.txt)\n", {}, 2);
  EXPECT_TRUE(contains(p.html, "<img src=\"../../../x.png\" alt=\"x\" />"));
  ASSERT_EQ(p.diags.items().size(), 2u);
  EXPECT_EQ(p.diags.items()[0].severity, Severity::kWarning);
  EXPECT_EQ(p.diags.items()[0].message, "image '../../../x.png' points outside the content folder");
  EXPECT_EQ(p.diags.items()[0].loc.line, 4u);
  EXPECT_EQ(p.diags.items()[0].loc.col, 3u);
  EXPECT_EQ(p.diags.items()[1].message, "link '../../../y.txt' points outside the content folder");
  EXPECT_EQ(p.diags.items()[1].loc.col, 24u);
  EXPECT_FALSE(p.diags.has_errors());
}

// ----- summary, words, plain text -----

TEST(ParseSummary, FirstParagraphOrFrontMatter) {
  Parsed p = parse("# Title\n\n![](logo.png)\n\nFirst *para*\ngraph.\n\nSecond.\n");
  EXPECT_EQ(p.page.meta.summary, "First para graph.");
  Diagnostics d;
  ScannedPage page = make_page("First.\n");
  page.front.summary = "Given.";
  EXPECT_EQ(parse_page(page, {}, d).meta.summary, "Given.");
}

TEST(ParseSummary, LongParagraphIsCutOnAWord) {
  std::string para;
  for (int i = 0; i < 100; ++i) para += "word" + std::to_string(i) + " ";
  Parsed p = parse(para + "\n");
  const std::string& s = p.page.meta.summary;
  // word0..word9 take 60 characters, word10.. 7 each: the 300th falls inside "word44"
  EXPECT_EQ(s.size(), 60u + 34 * 7 - 1 + 3);
  EXPECT_EQ(s.substr(s.size() - 9), "word43…");
}

TEST(ParseText, PlainTextOfThePage) {
  Parsed p = parse(
      "# Title\n\nOne *two* `three`\nfour.\n\n- item [[ref]]\n- [x](a.md) y\n\n| a | b |\n|---|---|\n| c | d |\n\n"
      "```sh\nmake all\n```\n\n<div>html</div>\n\n> quoted\n");
  EXPECT_EQ(p.page.text.text, "Title\nOne two three four.\nitem ref\nx y\na b\nc d\nmake all\nquoted");
  EXPECT_EQ(p.page.body.word_count, 16u);
  EXPECT_EQ(p.page.text.rel, "docs/guide/page.md");
}

TEST(ParseText, CopiesPageIdentity) {
  Diagnostics d;
  ScannedPage page = make_page("x\n", "a/b.md");
  page.front.title = "B";
  page.front.tags = {"t"};
  ParsedPage parsed = parse_page(page, {}, d);
  EXPECT_EQ(parsed.meta.source, "content/a/b.md");
  EXPECT_EQ(parsed.meta.rel, "a/b.md");
  EXPECT_EQ(parsed.meta.front.title, "B");
  EXPECT_EQ(parsed.meta.front.tags, std::vector<std::string>{"t"});
  EXPECT_EQ(parsed.body.rel, "a/b.md");
}

// ----- invariants -----

TEST(ParseInvariants, PartsAreSlotsPlusOneAndSlotsNameLinks) {
  const char* bodies[] = {
      "",
      "plain\n",
      "[[a]] [b](b.md) [[c|d]]\n",
      "# [[h]]\n\n[x](x.md)[[y]][[z]]\n",
      "a &#26; b [t](t.md \"&#26;\") ```&#26;```\n\n```&#26;\ncode\n```\n",
      "[[a]\n\n]] [[ [[b]] ]]\n",
  };
  for (const char* body : bodies) {
    Parsed p = parse(body);
    EXPECT_EQ(p.page.body.html.size(), p.page.body.slots.size() + 1) << body;
    for (const Slot& slot : p.page.body.slots) EXPECT_LT(slot.link, p.page.meta.links.size()) << body;
    for (const std::string& part : p.page.body.html) EXPECT_EQ(part.find('\x1A'), std::string::npos) << body;
  }
}

TEST(ParseInvariants, EntityForTheMarkerByteIsReplaced) {
  Parsed p = parse("a &#26; b [t](t.md \"x&#26;\")\n\n```&#26;\ncode\n```\n");
  ASSERT_EQ(p.page.body.slots.size(), 1u);
  EXPECT_TRUE(contains(p.html, "a \xEF\xBF\xBD b"));
  EXPECT_TRUE(contains(p.html, "title=\"x\xEF\xBF\xBD\""));
  EXPECT_TRUE(contains(p.html, "class=\"language-\xEF\xBF\xBD\""));
}

TEST(ParseInvariants, OutputIsDeterministic) {
  std::string body = "# A\n\n## A\n\n[[x]] [y](y.md) ![i](i.png) text[^1]\n\n[^1]: note\n";
  Parsed first = parse(body);
  Parsed second = parse(body);
  EXPECT_EQ(encode_intermediate(Kind::kMeta, "t", first.page.meta),
            encode_intermediate(Kind::kMeta, "t", second.page.meta));
  EXPECT_EQ(encode_intermediate(Kind::kBody, "t", first.page.body),
            encode_intermediate(Kind::kBody, "t", second.page.body));
  EXPECT_EQ(first.page.text.text, second.page.text.text);
}

}  // namespace
}  // namespace bengal
