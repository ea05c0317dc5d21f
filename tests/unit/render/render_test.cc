// bengal-render: slot filling and the built-in layout (navigation, breadcrumbs, table of
// contents, escaping), and the safety checks of render_shard. Records are built by hand.
#include "render/render.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "support/failure.h"
#include "support/hash.h"

namespace bengal {
namespace {

using Strings = std::vector<std::string>;

size_t count(const std::string& s, const std::string& needle) {
  size_t n = 0;
  for (size_t at = s.find(needle); at != std::string::npos; at = s.find(needle, at + needle.size())) ++n;
  return n;
}

// The text from the first `start` up to and including the next `end` after it, or "".
std::string between(const std::string& s, const std::string& start, const std::string& end) {
  size_t a = s.find(start);
  if (a == std::string::npos) return "";
  size_t b = s.find(end, a + start.size());
  if (b == std::string::npos) return "";
  return s.substr(a, b + end.size() - a);
}

// --- fill_slots -------------------------------------------------------------------------

PageBody body(std::vector<std::string> html, std::vector<Slot> slots) {
  PageBody b;
  b.rel = "a.md";
  b.html = std::move(html);
  b.slots = std::move(slots);
  return b;
}

constexpr uint8_t kHref = static_cast<uint8_t>(SlotField::kHref);
constexpr uint8_t kTitle = static_cast<uint8_t>(SlotField::kTitle);

TEST(FillSlots, InterleavesHtmlAndResolvedLinks) {
  PageBody b = body({"<p><a href=\"", "\">", "</a> and <a href=\"", "\">text</a></p>\n"},
                    {{0, kHref}, {0, kTitle}, {1, kHref}});
  std::vector<ResolvedLink> links = {{"/docs/a/", "Page A"}, {"/b/#part", "B"}};
  EXPECT_EQ(fill_slots(b, links), "<p><a href=\"/docs/a/\">Page A</a> and <a href=\"/b/#part\">text</a></p>\n");
}

TEST(FillSlots, EscapesHrefsAndTitles) {
  PageBody b = body({"<a href=\"", "\">", "</a>"}, {{0, kHref}, {0, kTitle}});
  std::vector<ResolvedLink> links = {{"/q/?a=1&b=\"2\"", "<Tom & 'Jerry'>"}};
  EXPECT_EQ(fill_slots(b, links),
            "<a href=\"/q/?a=1&amp;b=&quot;2&quot;\">&lt;Tom &amp; &#39;Jerry&#39;&gt;</a>");
}

TEST(FillSlots, NoSlotsIsTheHtmlAsItIs) {
  EXPECT_EQ(fill_slots(body({"<p>plain</p>\n"}, {}), {}), "<p>plain</p>\n");
  EXPECT_EQ(fill_slots(body({}, {}), {}), "");
}

TEST(FillSlots, SlotNamingAMissingLinkIsAStaleIntermediate) {
  PageBody b = body({"[", "|", "]"}, {{0, kHref}, {5, kHref}});
  try {
    fill_slots(b, {{"/x/", "X"}});
    ADD_FAILURE() << "a slot naming link 5 of 1 was filled";
  } catch (const Failure& e) {
    EXPECT_EQ(e.code(), kExitBadIntermediate);
    EXPECT_EQ(std::string(e.what()), "the link file does not match the body file of 'a.md'; rebuild (run bengal-link again)");
  }
}

TEST(FillSlots, BrokenLinkFillsEmpty) {
  PageBody b = body({"<a href=\"", "\">", "</a>"}, {{0, kHref}, {0, kTitle}});
  EXPECT_EQ(fill_slots(b, {ResolvedLink{}}), "<a href=\"\"></a>");
}

// --- render_shard -----------------------------------------------------------------------

// A small site: home, two top-level sections (guide with a subsection adv, and blog), and the
// page guide/install.md being rendered.
struct Fixture {
  Site site;
  LinkShard links;
  MetaShard meta;
  BodyShard bodies;

  Fixture() {
    site.title = "Docs & More";
    site.baseurl = "/";
    site.base_path = "/";
    site.language = "en-GB";
    site.rss = site.atom = false;  // feeds: see pagination_test.cc
    site.sections = {{"", "", "Docs & More", "/", 0},
                     {"guide", "", "Guide", "/guide/", 1},
                     {"guide/adv", "guide", "Adv", "/guide/adv/", 2},
                     {"blog", "", "Blog", "/blog/", 1}};

    PageLinks p;
    p.rel = "guide/install.md";
    p.kind = kKindPage;
    p.url = "/guide/install/";
    p.output = "guide/install/index.html";
    p.section = "guide";
    p.title = "Install <now>";
    p.links = {{"/guide/intro/#x&y", "Intro & co"}};
    p.breadcrumbs = {{"Docs & More", "/"}, {"Guide", "/guide/"}};
    p.prev = {"Intro", "/guide/intro/"};
    links.pages.push_back(p);
    links.sections = {
        {"", "/", {{"Guide", "/guide/", true}, {"Blog", "/blog/", true}, {"About", "/about/", false}}},
        {"guide",
         "/guide/",
         {{"Adv", "/guide/adv/", true}, {"Intro", "/guide/intro/", false}, {"Install <now>", "/guide/install/", false}}},
    };

    PageMeta m;
    m.rel = "guide/install.md";
    m.source = "content/guide/install.md";
    m.front.description = "How to \"install\"";
    meta.pages.push_back(m);

    PageBody b;
    b.rel = "guide/install.md";
    b.html = {"<p>See <a href=\"", "\">", "</a>.</p>\n"};
    b.slots = {{0, kHref}, {0, kTitle}};
    bodies.pages.push_back(b);
  }

  PageLinks& page() { return links.pages[0]; }
  PageMeta& page_meta() { return meta.pages[0]; }

  // The built-in theme only: no templates/ folder in the test's working directory.
  PagesShard render(Diagnostics& diags) const {
    Theme theme(builtin_only());
    std::set<std::string> used;
    return render_shard(site, links, {&meta, &bodies, nullptr}, theme, used, diags).pages;
  }
  static ThemeOptions builtin_only() {
    ThemeOptions o;
    o.folders.clear();
    return o;
  }

  std::string html() const {
    Diagnostics diags;
    PagesShard out = render(diags);
    EXPECT_FALSE(diags.has_errors());
    if (out.files.size() != 1) {
      ADD_FAILURE() << "expected one file, got " << out.files.size();
      return "";
    }
    return out.files[0].bytes;
  }
};

TEST(RenderShard, OneFilePerPageAtItsOutputPathWithItsHash) {
  Fixture f;
  Diagnostics diags;
  PagesShard out = f.render(diags);
  EXPECT_FALSE(diags.has_errors());
  ASSERT_EQ(out.files.size(), 1u);
  EXPECT_EQ(out.files[0].path, "guide/install/index.html");
  EXPECT_EQ(out.files[0].hash, hash_hex(out.files[0].bytes));
  EXPECT_EQ(out.files[0].bytes.rfind("<!DOCTYPE html>\n<html lang=\"en-GB\">", 0), 0u);
  EXPECT_EQ(out.files[0].bytes.substr(out.files[0].bytes.size() - 8), "</html>\n");
}

TEST(RenderShard, SameInputSameBytes) {
  Fixture f;
  EXPECT_EQ(f.html(), f.html());
}

TEST(RenderShard, FillsTheBodySlots) {
  Fixture f;
  EXPECT_NE(f.html().find("<p>See <a href=\"/guide/intro/#x&amp;y\">Intro &amp; co</a>.</p>\n"), std::string::npos)
      << f.html();
}

TEST(RenderShard, EscapesTitlesEverywhere) {
  Fixture f;
  std::string html = f.html();
  EXPECT_EQ(html.find("<now>"), std::string::npos) << "an unescaped title leaked into the page";
  EXPECT_EQ(html.find("Docs & More"), std::string::npos) << "an unescaped site title leaked into the page";
  EXPECT_NE(html.find("<title>Install &lt;now&gt; · Docs &amp; More</title>"), std::string::npos) << html;
  EXPECT_NE(html.find("<h1>Install &lt;now&gt;</h1>"), std::string::npos) << html;
  EXPECT_NE(html.find("<meta name=\"description\" content=\"How to &#34;install&#34;\">"), std::string::npos);
}

TEST(RenderShard, WithoutAMainMenuTheHeaderListsTheTopLevelSections) {
  Fixture f;
  EXPECT_NE(f.html().find("<nav aria-label=\"Main\"><ul><li><a href=\"/guide/\">Guide</a></li>"
                          "<li><a href=\"/blog/\">Blog</a></li></ul></nav>"),
            std::string::npos)
      << f.html();
}

TEST(RenderShard, HomePageTitleIsTheSiteTitle) {
  Fixture f;
  f.page().kind = kKindHome;
  f.page().breadcrumbs.clear();
  EXPECT_NE(f.html().find("<title>Docs &amp; More</title>"), std::string::npos);
  EXPECT_EQ(f.html().find("class=\"breadcrumbs\""), std::string::npos) << "the home page has no breadcrumbs";
}

TEST(RenderShard, BreadcrumbsFromHomeToTheCurrentPage) {
  Fixture f;
  EXPECT_EQ(between(f.html(), "<nav class=\"breadcrumbs\"", "</nav>"),
            "<nav class=\"breadcrumbs\" aria-label=\"Breadcrumbs\"><ol><li><a href=\"/\">Docs &amp; More</a></li>"
            "<li><a href=\"/guide/\">Guide</a></li><li aria-current=\"page\">Install &lt;now&gt;</li></ol></nav>");
}

TEST(RenderShard, HeaderListsTheTopLevelSections) {
  Fixture f;
  EXPECT_EQ(between(f.html(), "<nav aria-label=\"Main\">", "</nav>"),
            "<nav aria-label=\"Main\"><ul><li><a href=\"/guide/\">Guide</a></li>"
            "<li><a href=\"/blog/\">Blog</a></li></ul></nav>");
  EXPECT_NE(f.html().find("<a class=\"brand\" href=\"/\">Docs &amp; More</a>"), std::string::npos);
}

TEST(RenderShard, NavigationTreeOpensTheCurrentBranchOnly) {
  Fixture f;
  EXPECT_EQ(between(f.html(), "<nav class=\"tree\"", "</nav>"),
            "<nav class=\"tree\" aria-label=\"Site\"><ul>"
            "<li><a href=\"/guide/\">Guide</a><ul>"
            "<li><a href=\"/guide/adv/\">Adv</a></li>"
            "<li><a href=\"/guide/intro/\">Intro</a></li>"
            "<li><a href=\"/guide/install/\" aria-current=\"page\">Install &lt;now&gt;</a></li>"
            "</ul></li>"
            "<li><a href=\"/blog/\">Blog</a></li>"
            "<li><a href=\"/about/\">About</a></li>"
            "</ul></nav>");
}

TEST(RenderShard, PagerShowsPreviousAndNext) {
  Fixture f;
  EXPECT_EQ(between(f.html(), "<nav class=\"pager\"", "</nav>"),
            "<nav class=\"pager\" aria-label=\"Previous and next\"><span>← <a href=\"/guide/intro/\">Intro</a>"
            "</span><span></span></nav>");
  f.page().next = {"Next <one>", "/guide/z/"};
  EXPECT_NE(f.html().find("<a href=\"/guide/z/\">Next &lt;one&gt;</a> →"), std::string::npos);
  f.page().prev = {};
  f.page().next = {};
  EXPECT_EQ(f.html().find("class=\"pager\""), std::string::npos);
}

TEST(RenderShard, TableOfContentsNeedsTwoHeadings) {
  Fixture f;
  f.page_meta().headings = {{2, "only", "Only"}};
  EXPECT_EQ(f.html().find("class=\"toc\""), std::string::npos);
  f.page_meta().headings = {{1, "t", "Title"}, {2, "a", "A & a"}, {4, "deep", "Deep"}, {2, "b", "B"}};
  EXPECT_EQ(between(f.html(), "<nav class=\"toc\"", "</nav>"),
            "<nav class=\"toc\" aria-label=\"On this page\"><strong>On this page</strong>\n"
            "<ul><li><a href=\"#a\">A &amp; a</a></li><li><a href=\"#b\">B</a></li></ul></nav>");
}

TEST(RenderShard, TableOfContentsNestsLevelThreeUnderLevelTwo) {
  Fixture f;
  f.page_meta().headings = {{2, "a", "A"}, {3, "a1", "A1"}, {3, "a2", "A2"}, {2, "b", "B"},
                            {3, "b1", "B1"}};
  EXPECT_EQ(between(f.html(), "<nav class=\"toc\"", "</nav>"),
            "<nav class=\"toc\" aria-label=\"On this page\"><strong>On this page</strong>\n"
            "<ul><li><a href=\"#a\">A</a><ul><li><a href=\"#a1\">A1</a></li><li><a href=\"#a2\">A2</a></li></ul></li>"
            "<li><a href=\"#b\">B</a><ul><li><a href=\"#b1\">B1</a></li></ul></li></ul></nav>");
}

TEST(RenderShard, TableOfContentsStartingAtLevelThreeIsBalanced) {
  Fixture f;
  for (std::vector<Heading> hs : {std::vector<Heading>{{3, "a", "A"}, {2, "b", "B"}},
                                  std::vector<Heading>{{3, "a", "A"}, {3, "b", "B"}},
                                  std::vector<Heading>{{3, "a", "A"}, {2, "b", "B"}, {3, "c", "C"}}}) {
    f.page_meta().headings = hs;
    std::string toc = between(f.html(), "<nav class=\"toc\"", "</nav>");
    ASSERT_FALSE(toc.empty());
    EXPECT_EQ(count(toc, "<ul>"), count(toc, "</ul>")) << toc;
    EXPECT_EQ(count(toc, "<li>"), count(toc, "</li>")) << toc;
  }
}

TEST(RenderShard, BodyWithItsOwnH1GetsNoSecondOne) {
  Fixture f;
  f.page_meta().headings = {{1, "t", "Own title"}};
  std::vector<PageBody>& b = f.bodies.pages;
  b[0].html = {"<h1 id=\"t\">Own title</h1>\n"};
  b[0].slots.clear();
  f.page().links.clear();
  std::string html = f.html();
  EXPECT_EQ(count(html, "<h1"), 1u) << html;
}

TEST(RenderShard, GeneratedPagesListTheirChildren) {
  Fixture f;
  LinkShard gen;
  PageLinks s;
  s.kind = kKindSection;
  s.url = "/blog/";
  s.output = "blog/index.html";
  s.section = "blog";
  s.title = "Blog";
  s.breadcrumbs = {{"Docs & More", "/"}};
  s.children = {{"Trip & back", "/blog/trip/", "A <long> trip", "2024-01-01", false},
                {"Quiet", "/blog/quiet/", "", "", false}};
  gen.pages.push_back(s);
  gen.sections = {f.links.sections[0], {"blog", "/blog/", {{"Trip & back", "/blog/trip/", false}}}};
  Diagnostics diags;
  Theme theme(Fixture::builtin_only());
  std::set<std::string> used;
  PagesShard out = render_shard(f.site, gen, {}, theme, used, diags).pages;
  EXPECT_FALSE(diags.has_errors());
  ASSERT_EQ(out.files.size(), 1u);
  EXPECT_EQ(out.files[0].path, "blog/index.html");
  EXPECT_EQ(between(out.files[0].bytes, "<dl class=\"children\">", "</dl>"),
            "<dl class=\"children\"><dt><a href=\"/blog/trip/\">Trip &amp; back</a></dt><dd>A &lt;long&gt; trip</dd>"
            "<dt><a href=\"/blog/quiet/\">Quiet</a></dt></dl>");
  EXPECT_NE(out.files[0].bytes.find("<h1>Blog</h1>"), std::string::npos);
  EXPECT_EQ(out.files[0].bytes.find("class=\"toc\""), std::string::npos);
}

TEST(RenderShard, FilesAreSortedByPath) {
  Fixture f;
  PageLinks a = f.page();
  a.rel = "";
  a.kind = kKindSection;
  a.output = "a/index.html";
  PageLinks z = a;
  z.output = "z/index.html";
  f.links.pages.insert(f.links.pages.begin(), z);
  f.links.pages.push_back(a);
  Diagnostics diags;
  PagesShard out = f.render(diags);
  Strings paths;
  for (const OutputFile& file : out.files) paths.push_back(file.path);
  EXPECT_EQ(paths, (Strings{"a/index.html", "guide/install/index.html", "z/index.html"}));
}

TEST(RenderShard, RefusesOutputPathsOutsideTheOutputFolder) {
  for (const char* bad : {"../evil/index.html", "/etc/evil.html", "", "a/../../evil.html", "a/./b.html"}) {
    Fixture f;
    f.page().output = bad;
    Diagnostics diags;
    PagesShard out = f.render(diags);
    EXPECT_TRUE(out.files.empty()) << bad;
    ASSERT_EQ(diags.error_count(), 1u) << bad;
    EXPECT_EQ(format_diagnostic(diags.items()[0], "bengal-render"),
              "content/guide/install.md: error: refusing to write outside the output folder: '" + std::string(bad) +
                  "'");
  }
}

TEST(RenderShard, PageMissingFromTheMetaOrBodyFileIsAStaleIntermediate) {
  Fixture f;
  MetaShard no_meta;
  BodyShard no_body;
  for (auto [m, b] : {std::pair<const MetaShard*, const BodyShard*>{&f.meta, nullptr}, {&f.meta, &no_body},
                      {&no_meta, &f.bodies}}) {
    Diagnostics diags;
    Theme theme(Fixture::builtin_only());
    std::set<std::string> used;
    try {
      render_shard(f.site, f.links, {m, b, nullptr}, theme, used, diags);
      ADD_FAILURE() << "rendered a page without its meta or body";
    } catch (const Failure& e) {
      EXPECT_EQ(e.code(), kExitBadIntermediate);
      EXPECT_EQ(std::string(e.what()), "the link file names page 'guide/install.md' that the meta or body file lacks; "
                                       "rebuild (run bengal-link again)");
    }
  }
}

}  // namespace
}  // namespace bengal
