// MyST directives through bengal-parse: the HTML contract of bengal-markdown(7), bodies
// parsed as Markdown at their own lines, located errors, nesting.
#include <gtest/gtest.h>

#include <map>

#include "parse/markdown.h"
#include "parse/markup_scan.h"
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

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// ----- admonitions -----

TEST(Directives, BacktickAdmonitionBodyIsMarkdown) {
  Parsed p = parse("```{note}\nSome *body*.\n```\n");
  EXPECT_EQ(p.html,
            "<div class=\"admonition note\"><p class=\"admonition-title\">Note</p>\n"
            "<p>Some <em>body</em>.</p>\n</div>\n");
  EXPECT_TRUE(p.diags.items().empty());
}

TEST(Directives, ColonAdmonitionTakesTitleAndClasses) {
  Parsed p = parse(":::{warning} Mind <the> gap\n:class: wide  big\nText\n:::\n");
  EXPECT_EQ(p.html,
            "<div class=\"admonition warning wide big\"><p class=\"admonition-title\">Mind &lt;the&gt; gap</p>\n"
            "<p>Text</p>\n</div>\n");
  EXPECT_TRUE(p.diags.items().empty()) << messages(p.diags)[0];
}

TEST(Directives, EveryAdmonitionKindHasItsDefaultTitle) {
  const std::map<std::string, std::string> titles = {
      {"note", "Note"},       {"tip", "Tip"},         {"info", "Info"},       {"warning", "Warning"},
      {"danger", "Danger"},   {"important", "Important"}, {"caution", "Caution"}, {"seealso", "See also"}};
  for (const auto& [kind, title] : titles) {
    Parsed p = parse(":::{" + kind + "}\nx\n:::\n");
    EXPECT_TRUE(contains(p.html, "<div class=\"admonition " + kind + "\"><p class=\"admonition-title\">" + title +
                                     "</p>"))
        << p.html;
  }
}

TEST(Directives, NestingUsesLongerOuterFences) {
  Parsed p = parse("::::{note} Outer\n:::{tip} Inner\ninner text\n:::\nouter text\n::::\n");
  EXPECT_EQ(p.html,
            "<div class=\"admonition note\"><p class=\"admonition-title\">Outer</p>\n"
            "<div class=\"admonition tip\"><p class=\"admonition-title\">Inner</p>\n"
            "<p>inner text</p>\n</div>\n<p>outer text</p>\n</div>\n");
  Parsed q = parse("````{note}\n```{tip}\ninner\n```\n```python\nx = 1\n```\n````\n");
  EXPECT_TRUE(contains(q.html, "<div class=\"admonition tip\"><p class=\"admonition-title\">Tip</p>\n<p>inner</p>\n</div>"));
  EXPECT_TRUE(contains(q.html, "<div class=\"highlight\" data-lang=\"python\">"));
  EXPECT_TRUE(q.diags.items().empty());
}

TEST(Directives, BodyLinksHeadingsAndTextAreThePage) {
  Parsed p = parse("Intro\n\n:::{note}\n## Inside\n\nSee [install](install.md) and [[guide/x]].\n:::\n", {}, 5);
  ASSERT_EQ(p.page.meta.headings.size(), 1u);
  EXPECT_EQ(p.page.meta.headings[0].id, "inside");
  EXPECT_EQ(p.page.body.heading_pos.at(0).line, 8u);
  ASSERT_EQ(p.page.meta.links.size(), 2u);
  EXPECT_EQ(p.page.meta.links[0].target, "install.md");
  EXPECT_EQ(p.page.body.link_pos[0].line, 10u);
  EXPECT_EQ(p.page.body.link_pos[0].col, 5u);
  EXPECT_EQ(p.page.body.link_pos[1].line, 10u);
  EXPECT_EQ(p.page.body.link_pos[1].col, 31u);
  EXPECT_TRUE(contains(p.html, "<h2 id=\"inside\">Inside</h2>"));
  EXPECT_TRUE(contains(p.html, "<a href=\"{href 0}\">install</a>"));
  EXPECT_EQ(p.page.text.text, "Intro\nInside\nSee install and guide/x.");
}

TEST(Directives, DiagnosticsInsideABodyKeepTheirLine) {
  Parsed p = parse("# T\n\n```{tip}\ntext\n\n```python {bad=1}\nx\n```\n```\n", {}, 3);
  ASSERT_EQ(p.diags.items().size(), 1u);
  EXPECT_EQ(p.diags.items()[0].loc.line, 8u);
  EXPECT_EQ(p.diags.items()[0].loc.file, "content/docs/guide/page.md");
}

TEST(Directives, OtherFencesStayCode) {
  Parsed p = parse("```text\n:::{note}\n```{tip}\n```\n");
  EXPECT_TRUE(contains(p.html, ":::{note}\n```{tip}\n"));
  EXPECT_FALSE(contains(p.html, "admonition"));
  EXPECT_TRUE(p.diags.items().empty());
}

TEST(Directives, InlineCodeThatLooksLikeAFenceIsText) {
  Parsed p = parse("```{note}``` is how\n\nText\n");
  EXPECT_EQ(p.html, "<p><code>{note}</code> is how</p>\n<p>Text</p>\n");
  EXPECT_TRUE(p.diags.items().empty());
}

TEST(Directives, FencesInIndentedCodeStayCode) {
  Parsed p = parse("Text\n\n    :::{note}\n    :class: x\n\n    body\n    :::\n\nafter\n");
  EXPECT_EQ(p.html, "<p>Text</p>\n<pre><code>:::{note}\n:class: x\n\nbody\n:::\n</code></pre>\n<p>after</p>\n");
  EXPECT_TRUE(p.diags.items().empty());
}

TEST(Directives, UnknownDirectiveSuggestsAName) {
  Parsed p = parse("text\n\n:::{noet}\nx\n:::\n\n  ```{dropdwn}\n  y\n  ```\n", {}, 4);
  EXPECT_EQ(messages(p.diags),
            (std::vector<std::string>{
                "content/docs/guide/page.md:6:1: error: unknown directive 'noet' (did you mean 'note'?)",
                "content/docs/guide/page.md:10:3: error: unknown directive 'dropdwn' (did you mean 'dropdown'?)"}));
}

TEST(Directives, BadOptionsAreErrorsAtTheirLine) {
  Parsed p = parse(":::{note}\n:clas: x\n:::\n\n:::{dropdown}\n:open: yes\n:::\n\n:::{grid}\n:columns: many\n:::\n"
                   "\n:::{badge} New\n:variant: sucess\n:::\n\n:::{note}\n:class: a\n:class: b\n:::\n");
  EXPECT_EQ(messages(p.diags),
            (std::vector<std::string>{
                "content/docs/guide/page.md:2:1: error: unknown option ':clas:' for directive 'note' (did you mean 'class'?)",
                "content/docs/guide/page.md:6:1: error: option ':open:' takes no value",
                "content/docs/guide/page.md:10:1: error: option ':columns:' must be a number from 1 to 12, not 'many'",
                "content/docs/guide/page.md:14:1: error: unknown badge variant 'sucess' (did you mean 'success'?); use "
                "primary, secondary, success, info, warning or danger",
                "content/docs/guide/page.md:19:1: error: option ':class:' is given twice"}));
}

TEST(Directives, MissingArgumentAndStrayContentAreErrors) {
  Parsed p = parse(":::{versionadded}\n:::\n\n:::{badge} x\nbody\n:::\n");
  EXPECT_EQ(messages(p.diags),
            (std::vector<std::string>{"content/docs/guide/page.md:1:1: error: directive 'versionadded' needs an argument",
                                      "content/docs/guide/page.md:4:1: error: directive 'badge' takes no content"}));
}

TEST(Directives, DirectiveInAListItemStaysThere) {
  Parsed p = parse("- item\n\n  :::{note}\n  inside\n  :::\n- next\n");
  EXPECT_TRUE(contains(p.html, "<li>\n<p>item</p>\n<div class=\"admonition note\">")) << p.html;
  EXPECT_TRUE(p.diags.items().empty());
}

TEST(Directives, UnclosedDirectiveRunsToTheEndWithAWarning) {
  Parsed p = parse(":::{note}\ntext\n");
  EXPECT_TRUE(contains(p.html, "<p>text</p>\n</div>"));
  EXPECT_EQ(messages(p.diags),
            (std::vector<std::string>{"content/docs/guide/page.md:1:1: warning: directive 'note' is not closed"}));
}

// ----- dropdown, version, badge -----

TEST(Directives, Dropdown) {
  Parsed p = parse(":::{dropdown} More <info>\n:open:\n:class: x\nHidden\n:::\n\n:::{dropdown}\ny\n:::\n");
  EXPECT_TRUE(contains(p.html, "<details class=\"dropdown x\" open><summary>More &lt;info&gt;</summary>"
                               "<div class=\"dropdown-body\">\n<p>Hidden</p>\n</div></details>"));
  EXPECT_TRUE(contains(p.html, "<details class=\"dropdown\"><summary>Details</summary>"));
}

TEST(Directives, VersionMarkers) {
  Parsed p = parse(":::{versionadded} 1.2\n:::\n\n:::{versionchanged} 2.0\nNow *faster*.\n:::\n\n"
                   ":::{deprecated} 3.0\n:::\n");
  EXPECT_TRUE(contains(p.html, "<div class=\"version-note versionadded\"><p class=\"version-title\">Added in version "
                               "1.2</p>\n</div>"));
  EXPECT_TRUE(contains(p.html, "<div class=\"version-note versionchanged\"><p class=\"version-title\">Changed in "
                               "version 2.0</p>\n<p>Now <em>faster</em>.</p>\n</div>"));
  EXPECT_TRUE(contains(p.html, "<p class=\"version-title\">Deprecated since version 3.0</p>"));
}

TEST(Directives, Badge) {
  Parsed p = parse(":::{badge} Beta & more\n:::\n\n```{badge} Stable\n:variant: success\n```\n");
  EXPECT_EQ(p.html, "<span class=\"badge badge-secondary\">Beta &amp; more</span>\n"
                    "<span class=\"badge badge-success\">Stable</span>\n");
}

// ----- tabs -----

TEST(Directives, TabSetFollowsTheContract) {
  Parsed p = parse("::::{tab-set}\n:::{tab-item} Linux\n:sync: linux\nUse apt.\n:::\n:::{tab-item} Mac <OS>\n"
                   "Use brew.\n:::\n::::\n");
  EXPECT_EQ(p.html,
            "<div class=\"tab-set\" id=\"tabs-1\"><div class=\"tab-list\" role=\"tablist\">"
            "<button type=\"button\" role=\"tab\" id=\"tabs-1-0\" aria-controls=\"tabs-1-0-panel\" "
            "aria-selected=\"true\" data-sync=\"linux\">Linux</button>"
            "<button type=\"button\" role=\"tab\" id=\"tabs-1-1\" aria-controls=\"tabs-1-1-panel\" "
            "aria-selected=\"false\" tabindex=\"-1\">Mac &lt;OS&gt;</button></div>\n"
            "<div class=\"tab-panel\" role=\"tabpanel\" id=\"tabs-1-0-panel\" aria-labelledby=\"tabs-1-0\">\n"
            "<p>Use apt.</p>\n</div>\n"
            "<div class=\"tab-panel\" role=\"tabpanel\" id=\"tabs-1-1-panel\" aria-labelledby=\"tabs-1-1\" hidden>\n"
            "<p>Use brew.</p>\n</div>\n</div>\n");
  EXPECT_TRUE(p.diags.items().empty());
}

TEST(Directives, TabSetsAreNumberedPerPage) {
  Parsed p = parse("::::{tab-set}\n:::{tab-item} A\na\n:::\n::::\n\n::::{code-tabs}\n```sh\nls\n```\n::::\n");
  EXPECT_TRUE(contains(p.html, "id=\"tabs-1\""));
  EXPECT_TRUE(contains(p.html, "id=\"tabs-2\""));
}

TEST(Directives, TabItemOutsideATabSetAndStrayContentAreErrors) {
  Parsed p = parse(":::{tab-item} A\nx\n:::\n\n::::{tab-set}\ntext\n::::\n");
  EXPECT_EQ(messages(p.diags),
            (std::vector<std::string>{
                "content/docs/guide/page.md:1:1: error: directive 'tab-item' must be directly inside a 'tab-set'",
                "content/docs/guide/page.md:6:1: error: only 'tab-item' directives may be inside a 'tab-set'"}));
}

TEST(Directives, CodeTabsLabelEachBlock) {
  Parsed p = parse("````{code-tabs}\n```python title=\"app.py\"\nx = 1\n```\n```bash\nls\n```\n````\n");
  EXPECT_TRUE(contains(p.html, "aria-selected=\"true\">app.py</button>"));
  EXPECT_TRUE(contains(p.html, "aria-selected=\"false\" tabindex=\"-1\">bash</button>"));
  EXPECT_TRUE(contains(p.html, "<div class=\"tab-panel\" role=\"tabpanel\" id=\"tabs-1-0-panel\" "
                               "aria-labelledby=\"tabs-1-0\">\n<div class=\"highlight\" data-lang=\"python\">"));
  EXPECT_TRUE(contains(p.html, "id=\"tabs-1-1-panel\" aria-labelledby=\"tabs-1-1\" hidden>\n<div class=\"highlight\""));
  Parsed bad = parse("::::{code-tabs}\ntext\n::::\n");
  EXPECT_EQ(messages(bad.diags), (std::vector<std::string>{"content/docs/guide/page.md:2:1: error: only fenced code "
                                                           "blocks may be inside 'code-tabs'"}));
}

// ----- cards, steps -----

TEST(Directives, CardGridWithLinks) {
  Parsed p = parse("::::{grid}\n:columns: 3\n:::{card} Install\n:link: ../install.md#linux\nGet it.\n:::\n"
                   ":::{card} Ref\n:link: [[reference]]\n:::\n:::{card} Web\n:link: https://x.org/?a=1&b=2\n:::\n"
                   ":::{card} Plain\nNo link.\n:::\n::::\n");
  EXPECT_TRUE(contains(p.html, "<div class=\"card-grid columns-3\">\n<a class=\"card\" href=\"{href 0}\">"
                               "<p class=\"card-title\">Install</p><div class=\"card-body\">\n<p>Get it.</p>\n"
                               "</div></a>"));
  EXPECT_TRUE(contains(p.html, "<a class=\"card\" href=\"{href 1}\"><p class=\"card-title\">Ref</p>"));
  EXPECT_TRUE(contains(p.html, "<a class=\"card\" href=\"https://x.org/?a=1&amp;b=2\">"));
  EXPECT_TRUE(contains(p.html, "<div class=\"card\"><p class=\"card-title\">Plain</p><div class=\"card-body\">"));
  ASSERT_EQ(p.page.meta.links.size(), 2u);
  EXPECT_EQ(p.page.meta.links[0].target, "../install.md#linux");
  EXPECT_EQ(p.page.meta.links[0].kind, static_cast<uint8_t>(LinkKind::kMarkdown));
  EXPECT_EQ(p.page.body.link_pos[0].line, 4u);
  EXPECT_EQ(p.page.meta.links[1].target, "reference");
  EXPECT_EQ(p.page.meta.links[1].kind, static_cast<uint8_t>(LinkKind::kWiki));
  Parsed cards = parse(":::{cards}\n:::\n");
  EXPECT_TRUE(contains(cards.html, "<div class=\"card-grid columns-2\">"));
}

TEST(Directives, StepsFromStepDirectives) {
  Parsed p = parse("::::{steps}\n:::{step} Install\nRun it.\n:::\n:::{step} Use\n:::\n::::\n");
  EXPECT_EQ(p.html, "<ol class=\"steps\">\n<li class=\"step\"><p class=\"step-title\">Install</p>\n<p>Run it.</p>\n"
                    "</li>\n<li class=\"step\"><p class=\"step-title\">Use</p>\n</li>\n</ol>\n");
  Parsed bad = parse(":::{step} Alone\n:::\n");
  EXPECT_EQ(messages(bad.diags), (std::vector<std::string>{"content/docs/guide/page.md:1:1: error: directive 'step' "
                                                           "must be directly inside a 'steps'"}));
}

TEST(Directives, StepsFromAnOrderedList) {
  Parsed p = parse(":::{steps}\n1. Install *it*\n\n   Then more.\n2. Use it\n:::\n");
  EXPECT_EQ(p.html, "<ol class=\"steps\">\n<li class=\"step\">\n<p class=\"step-title\">Install <em>it</em></p>\n"
                    "<p>Then more.</p>\n</li>\n<li class=\"step\">\n<p class=\"step-title\">Use it</p>\n</li>\n</ol>\n");
}

// ----- figure -----

TEST(Directives, FigureRewritesItsImageLikeMarkdown) {
  Parsed p = parse(":::{figure} img/map.png\n:alt: A \"map\"\n:width: 300\n:class: wide\nThe *caption*.\n:::\n\n"
                   ":::{figure} https://x.org/a.png\n:::\n");
  EXPECT_TRUE(contains(p.html, "<figure class=\"figure wide\"><img src=\"/docs/guide/img/map.png\" alt=\"A "
                               "&quot;map&quot;\" width=\"300\"><figcaption>\nThe <em>caption</em>.\n"
                               "</figcaption></figure>"))
      << p.html;
  EXPECT_TRUE(contains(p.html, "<figure class=\"figure\"><img src=\"https://x.org/a.png\" alt=\"\">\n</figure>"));
}

// ----- include and literalinclude -----

ParseOptions with_files(std::map<std::string, std::string> files) {
  ParseOptions options;
  options.read_file = [files = std::move(files)](const std::string& path) -> std::optional<std::string> {
    auto it = files.find(path);
    if (it == files.end()) return std::nullopt;
    return it->second;
  };
  return options;
}

TEST(Directives, IncludeParsesTheFileInPlace) {
  ParseOptions options = with_files({
      {"content/docs/guide/part.md", "## From part\n\nSee [other](other.md).\n\n```{include} ../../snippets/s.md\n```\n"},
      {"content/snippets/s.md", "Snippet [[x]] text.\n\n```{zzz}\n```\n"},
  });
  Parsed p = parse("Top\n\n```{include} part.md\n```\n\nAfter\n", options, 3);
  EXPECT_TRUE(contains(p.html, "<h2 id=\"from-part\">From part</h2>"));
  EXPECT_TRUE(contains(p.html, "<p>See <a href=\"{href 0}\">other</a>.</p>"));
  EXPECT_TRUE(contains(p.html, "<p>Snippet <a href=\"{href 1}\">{title 1}</a> text.</p>"));
  EXPECT_TRUE(contains(p.html, "<p>After</p>"));
  ASSERT_EQ(p.page.meta.links.size(), 2u);
  EXPECT_EQ(p.page.body.link_pos[0].line, 5u);  // the include directive in the page
  EXPECT_EQ(p.page.body.link_pos[1].line, 5u);
  EXPECT_EQ(p.page.body.heading_pos.at(0).line, 5u);
  EXPECT_EQ(p.page.dependencies, (std::set<std::string>{"content/docs/guide/part.md", "content/snippets/s.md"}));
  // A problem inside an included file is reported in that file.
  EXPECT_EQ(messages(p.diags), (std::vector<std::string>{"content/snippets/s.md:3:1: error: unknown directive 'zzz'"}));
  EXPECT_EQ(p.page.text.text, "Top\nFrom part\nSee other.\nSnippet x text.\nAfter");
}

TEST(Directives, IncludeSkipsFrontMatterAndKeepsLineNumbers) {
  ParseOptions options = with_files(
      {{"content/docs/guide/p.md", "---\ntitle: P\n---\n\nIntro.\n<!-- start -->\nKept [[]]\n<!-- end -->\nDropped.\n"}});
  Parsed p = parse(":::{include} p.md\n:start-after: start\n:end-before: end\n:::\n", options);
  EXPECT_EQ(p.html, "<p>Kept [[]]</p>\n");
  EXPECT_EQ(messages(p.diags),
            (std::vector<std::string>{"content/docs/guide/p.md:7:6: error: empty wiki reference target"}));
  Parsed whole = parse(":::{include} p.md\n:::\n", options);
  EXPECT_EQ(whole.html, "<p>Intro.</p>\n<!-- start -->\n<p>Kept [[]]</p>\n<!-- end -->\n<p>Dropped.</p>\n");
}

TEST(Directives, IncludeMustStayInTheSiteAndExist) {
  ParseOptions options = with_files({{"content/a.md", "a"}});
  Parsed p = parse("x\n\n  ```{include} ../../../../etc/passwd\n  ```\n\n:::{include} /etc/passwd\n:::\n\n"
                   ":::{include} missing.md\n:::\n\n:::{include} ../../a.md\n:::\n", options, 2);
  EXPECT_EQ(messages(p.diags),
            (std::vector<std::string>{
                "content/docs/guide/page.md:4:3: error: include path '../../../../etc/passwd' leaves the site folder",
                "content/docs/guide/page.md:7:1: error: include path '/etc/passwd' leaves the site folder",
                "content/docs/guide/page.md:10:1: error: cannot include 'missing.md': no file "
                "content/docs/guide/missing.md"}));
  EXPECT_EQ(p.page.dependencies, (std::set<std::string>{"content/a.md"}));
}

TEST(Directives, IncludeCycleIsAnError) {
  ParseOptions options = with_files({{"content/docs/guide/a.md", ":::{include} b.md\n:::\n"},
                                     {"content/docs/guide/b.md", ":::{include} a.md\n:::\n"}});
  Parsed p = parse(":::{include} a.md\n:::\n", options);
  EXPECT_EQ(messages(p.diags),
            (std::vector<std::string>{"content/docs/guide/b.md:1:1: error: 'content/docs/guide/a.md' includes itself"}));
}

TEST(Directives, LiteralIncludeSelectsAndHighlights) {
  ParseOptions options = with_files({{"content/docs/guide/app.py", "import os\n# start\ndef f():\n    return 1\n"
                                                                   "x = 2\n# end\nprint(x)\n"}});
  Parsed p = parse(":::{literalinclude} app.py\n:start-after: # start\n:end-before: # end\n:lines: 1,3\n:::\n",
                   options);
  EXPECT_EQ(p.html, "<div class=\"highlight\" data-lang=\"python\"><pre><code class=\"language-py\">"
                    "<span class=\"k\">def</span> <span class=\"nf\">f</span><span class=\"p\">():</span>\n"
                    "x <span class=\"o\">=</span> <span class=\"mi\">2</span>\n</code></pre></div>\n");
  EXPECT_EQ(p.page.dependencies, (std::set<std::string>{"content/docs/guide/app.py"}));
  Parsed lang = parse(":::{literalinclude} app.py\n:language: text\n:lines: 7-\n:::\n", options);
  EXPECT_TRUE(contains(lang.html, "data-lang=\"text\"><pre><code class=\"language-text\">print(x)\n</code>"));
  Parsed bad = parse(":::{literalinclude} app.py\n:lines: 3-1\n:end-before: nowhere\n:::\n", options);
  EXPECT_EQ(messages(bad.diags),
            (std::vector<std::string>{
                "content/docs/guide/page.md:2:1: error: option ':lines:' must be line numbers and ranges such as "
                "'2-10' or '1,4-6', not '3-1'",
                "content/docs/guide/page.md:1:1: error: ':end-before:' text 'nowhere' is not in the file "
                "(content/docs/guide/app.py)"}));
}

// ----- the pre-pass -----

TEST(MarkupScan, KeepsEveryLineAndMarksFences) {
  std::string text = "a\n> :::{note} T\n> :class: x\n> body\n> :::\nb\n";
  MarkupScan scan = scan_markup(text, 4);
  ASSERT_EQ(scan.directives.size(), 1u);
  EXPECT_EQ(scan.directives[0].name, "note");
  EXPECT_EQ(scan.directives[0].argument, "T");
  EXPECT_EQ(scan.directives[0].line, 2u);
  EXPECT_EQ(scan.directives[0].col, 3u);
  ASSERT_EQ(scan.directives[0].options.size(), 1u);
  EXPECT_EQ(scan.directives[0].options[0].value, "x");
  EXPECT_EQ(scan.text, "a\n> <!--\x1A" "4\x1A\n> -->\n> body\n> <!--\x1A/4\x1A-->\nb\n");
  size_t index = 0;
  bool closing = false;
  EXPECT_TRUE(read_marker("<!--\x1A/4\x1A-->", index, closing));
  EXPECT_EQ(index, 4u);
  EXPECT_TRUE(closing);
}

TEST(MarkupScan, TriggersAreCheap) {
  EXPECT_FALSE(may_need_markup_scan("# Title\n\nText with a: colon and `code` {x}.\n"));
  EXPECT_TRUE(may_need_markup_scan(":::{note}\n"));
  EXPECT_TRUE(may_need_markup_scan("```{note}\n"));
  EXPECT_TRUE(may_need_markup_scan("Term\n: definition\n"));
}

}  // namespace
}  // namespace bengal
