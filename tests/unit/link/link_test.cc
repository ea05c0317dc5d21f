// bengal-link: URLs, sections, titles, order, navigation, per-shard listings and references.
// Every test builds its PageMeta records by hand and links them in memory.
#include "link/link.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "link_test_util.h"

namespace bengal {
namespace {

using namespace bengal::testing;  // P, shard, link, Linked, titles, crumbs (link_test_util.h)

// --- URLs and sections ------------------------------------------------------------------

TEST(LinkUrls, FollowTheContentTree) {
  Linked l = link({shard({P("_index.md").title("Home"), P("about.md"), P("blog/trip/index.md"),
                          P("guide/_index.md"), P("guide/sections.md")})});
  EXPECT_EQ(l.messages(), Strings{});
  EXPECT_EQ(l.page("_index.md").url, "/");
  EXPECT_EQ(l.page("_index.md").output, "index.html");
  EXPECT_EQ(l.page("_index.md").kind, kKindHome);
  EXPECT_EQ(l.page("about.md").url, "/about/");
  EXPECT_EQ(l.page("about.md").output, "about/index.html");
  EXPECT_EQ(l.page("about.md").section, "");
  EXPECT_EQ(l.page("guide/_index.md").url, "/guide/");
  EXPECT_EQ(l.page("guide/_index.md").output, "guide/index.html");
  EXPECT_EQ(l.page("guide/_index.md").kind, kKindSection);
  EXPECT_EQ(l.page("guide/sections.md").url, "/guide/sections/");
  EXPECT_EQ(l.page("guide/sections.md").output, "guide/sections/index.html");
  EXPECT_EQ(l.page("guide/sections.md").kind, kKindPage);
  EXPECT_EQ(l.page("guide/sections.md").section, "guide");
}

TEST(LinkUrls, BasePathStartsEveryUrlButNotTheOutputPath) {
  Linked l = link({shard({P("_index.md"), P("guide/intro.md")})}, config_with("https://example.org/docs/"));
  EXPECT_EQ(l.page("_index.md").url, "/docs/");
  EXPECT_EQ(l.page("_index.md").output, "index.html");
  EXPECT_EQ(l.page("guide/intro.md").url, "/docs/guide/intro/");
  EXPECT_EQ(l.page("guide/intro.md").output, "guide/intro/index.html");
  EXPECT_EQ(l.section("guide").url, "/docs/guide/");
  EXPECT_EQ(l.result.site.base_path, "/docs/");
  EXPECT_EQ(l.result.site.baseurl, "https://example.org/docs/");
}

TEST(LinkSections, IndexMdAloneIsAPageBundle) {
  Linked l = link({shard({P("blog/post.md"), P("blog/trip/index.md")})});
  EXPECT_EQ(l.messages(), Strings{});
  const PageLinks& trip = l.page("blog/trip/index.md");
  EXPECT_EQ(trip.kind, kKindPage);
  EXPECT_EQ(trip.section, "blog");
  EXPECT_EQ(trip.url, "/blog/trip/");
  EXPECT_EQ(trip.output, "blog/trip/index.html");
  EXPECT_EQ(trip.title, "Trip");  // named after its folder
  for (const SiteSection& s : l.result.site.sections) EXPECT_NE(s.key, "blog/trip");
  EXPECT_EQ(titles(l.section("blog").children), (Strings{"Post", "Trip"}));
}

TEST(LinkSections, IndexMdWithOtherPagesIsTheSectionPage) {
  Linked l = link({shard({P("docs/a.md"), P("docs/index.md").title("Docs home")})});
  EXPECT_EQ(l.messages(), Strings{});
  EXPECT_EQ(l.page("docs/index.md").kind, kKindSection);
  EXPECT_EQ(l.page("docs/index.md").url, "/docs/");
  EXPECT_EQ(l.page("docs/a.md").section, "docs");
  EXPECT_TRUE(l.result.generated.pages.size() == 1u && l.result.generated.pages[0].kind == kKindHome)
      << "only the home page should be generated";
}

TEST(LinkSections, IndexMdWithASubsectionIsTheSectionPage) {
  Linked l = link({shard({P("docs/index.md"), P("docs/sub/x.md")})});
  EXPECT_EQ(l.page("docs/index.md").kind, kKindSection);
  EXPECT_EQ(l.section("docs/sub").rel, "");  // generated
  EXPECT_EQ(l.section("docs/sub").url, "/docs/sub/");
}

TEST(LinkSections, RootIndexMdIsTheHomePage) {
  Linked l = link({shard({P("index.md").title("Welcome")})});
  EXPECT_EQ(l.page("index.md").kind, kKindHome);
  EXPECT_EQ(l.page("index.md").url, "/");
  EXPECT_TRUE(l.result.generated.pages.empty());
}

TEST(LinkSections, FoldersWithoutAPageGetGeneratedOnes) {
  Linked l = link({shard({P("getting-started/first_steps/install.md")})}, config_with("/", "My site"));
  EXPECT_EQ(l.messages(), Strings{});
  ASSERT_EQ(l.result.generated.pages.size(), 3u);
  const PageLinks& home = l.section("");
  EXPECT_EQ(home.kind, kKindHome);
  EXPECT_EQ(home.rel, "");
  EXPECT_EQ(home.title, "My site");
  EXPECT_EQ(home.url, "/");
  const PageLinks& gs = l.section("getting-started");
  EXPECT_EQ(gs.kind, kKindSection);
  EXPECT_EQ(gs.title, "Getting started");
  EXPECT_EQ(gs.url, "/getting-started/");
  EXPECT_EQ(gs.output, "getting-started/index.html");
  EXPECT_EQ(l.section("getting-started/first_steps").title, "First steps");
  EXPECT_EQ(titles(gs.children), Strings{"First steps"});
  EXPECT_TRUE(gs.children[0].is_section);
  // The generated shard holds the generated pages only; the source page stays in its shard.
  ASSERT_EQ(l.result.shards.size(), 1u);
  ASSERT_EQ(l.result.shards[0].pages.size(), 1u);
  EXPECT_EQ(l.result.shards[0].pages[0].rel, "getting-started/first_steps/install.md");
}

TEST(LinkSections, SiteSectionTreeIsDepthFirstInSectionOrder) {
  Linked l = link({shard({P("a/_index.md").weight(2), P("b/_index.md").weight(1), P("b/c/x.md"), P("a/y.md")})});
  Strings keys;
  for (const SiteSection& s : l.result.site.sections)
    keys.push_back("[" + s.key + "] parent=[" + s.parent + "] depth=" + std::to_string(s.depth) + " " + s.url);
  EXPECT_EQ(keys, (Strings{"[] parent=[] depth=0 /", "[b] parent=[] depth=1 /b/", "[b/c] parent=[b] depth=2 /b/c/",
                           "[a] parent=[] depth=1 /a/"}));
  EXPECT_EQ(l.result.site.title, "Test site");
  EXPECT_EQ(l.result.site.language, "en");
}

TEST(LinkSections, DraftSectionPageIsReplacedByAGeneratedOne) {
  Linked l = link({shard({P("docs/_index.md").draft().title("Secret"), P("docs/a.md")})});
  EXPECT_FALSE(l.has_page("docs/_index.md"));
  EXPECT_EQ(l.section("docs").rel, "");
  EXPECT_EQ(l.section("docs").title, "Docs");
}

// --- slug and url -----------------------------------------------------------------------

TEST(LinkUrls, SlugReplacesTheLastSegment) {
  Linked l = link({shard({P("_index.md").slug("ignored"), P("docs/a.md").slug("alpha"),
                          P("docs/_index.md").slug("manual"), P("docs/b.md")})});
  EXPECT_EQ(l.messages(), Strings{});
  EXPECT_EQ(l.page("docs/a.md").url, "/docs/alpha/");
  EXPECT_EQ(l.page("docs/a.md").output, "docs/alpha/index.html");
  EXPECT_EQ(l.page("docs/a.md").title, "A");  // the title still comes from the file name
  EXPECT_EQ(l.page("_index.md").url, "/");    // slug is ignored on the home page
  EXPECT_EQ(l.page("docs/_index.md").url, "/manual/");
  EXPECT_EQ(l.page("docs/b.md").url, "/docs/b/");  // only the page's own URL changes
}

TEST(LinkUrls, UrlReplacesTheWholePath) {
  Linked l = link({shard({P("docs/a.md").url("/about-us"), P("docs/b.md").url("/x/y/"),
                          P("docs/feed.md").url("/feed.xml")})},
                  config_with("/base/"));
  EXPECT_EQ(l.messages(), Strings{});
  EXPECT_EQ(l.page("docs/a.md").url, "/base/about-us/");
  EXPECT_EQ(l.page("docs/a.md").output, "about-us/index.html");
  EXPECT_EQ(l.page("docs/b.md").url, "/base/x/y/");
  EXPECT_EQ(l.page("docs/b.md").output, "x/y/index.html");
  EXPECT_EQ(l.page("docs/feed.md").url, "/base/feed.xml");
  EXPECT_EQ(l.page("docs/feed.md").output, "feed.xml");
}

TEST(LinkUrls, DotInAFileOrFolderNameStillGivesAPrettyUrl) {
  Linked l = link({shard({P("blog/v1.2-release.md"), P("v2.0/notes.md")})});
  EXPECT_EQ(l.messages(), Strings{});
  EXPECT_EQ(l.page("blog/v1.2-release.md").output, "blog/v1.2-release/index.html");
  EXPECT_EQ(l.page("blog/v1.2-release.md").url, "/blog/v1.2-release/");
  EXPECT_EQ(l.section("v2.0").url, "/v2.0/");
  EXPECT_EQ(l.section("v2.0").output, "v2.0/index.html");
  EXPECT_EQ(l.page("v2.0/notes.md").output, "v2.0/notes/index.html");
}

TEST(LinkUrls, DuplicateUrlIsAnErrorAtTheUrlKey) {
  Linked l = link({shard({P("links/duplicate-a.md").url("/same/", {3, 6}), P("links/duplicate-b.md").url("/same/", {3, 6})})});
  EXPECT_EQ(l.messages(), Strings{"content/links/duplicate-b.md:3:6: error: duplicate URL '/same/': "
                                  "content/links/duplicate-a.md and content/links/duplicate-b.md both publish it"});
  EXPECT_TRUE(l.diags.has_errors());
}

TEST(LinkUrls, DuplicateUrlBySlugIsReportedAtTheSlug) {
  Linked l = link({shard({P("docs/alpha.md"), P("docs/b.md").slug("alpha", {2, 7})})});
  EXPECT_EQ(l.messages(), Strings{"content/docs/b.md:2:7: error: duplicate URL '/docs/alpha/': content/docs/alpha.md "
                                  "and content/docs/b.md both publish it"});
}

TEST(LinkUrls, PageThatCollidesWithAGeneratedSectionPageIsAnError) {
  Linked l = link({shard({P("docs.md"), P("docs/x.md")})});
  ASSERT_EQ(l.diags.error_count(), 1u) << ::testing::PrintToString(l.messages());
  EXPECT_NE(l.messages()[0].find("duplicate URL '/docs/': content/docs.md and the generated page of section 'docs'"),
            std::string::npos)
      << l.messages()[0];
}

TEST(LinkSections, TwoPagesForOneSectionIsAnError) {
  Linked l = link({shard({P("docs/_index.md"), P("docs/a.md"), P("docs/index.md")})});
  Strings m = l.messages();
  EXPECT_TRUE(l.diags.has_errors());
  EXPECT_NE(std::find(m.begin(), m.end(),
                      "content/docs/index.md: error: section 'docs' has two pages: content/docs/_index.md and "
                      "content/docs/index.md"),
            m.end())
      << ::testing::PrintToString(m);
  EXPECT_EQ(l.page("docs/_index.md").kind, kKindSection);
}

// --- titles -----------------------------------------------------------------------------

TEST(LinkTitles, FrontMatterThenFirstH1ThenFileName) {
  Linked l = link({shard({P("a.md").title("Front").heading(1, "h", "Heading"),
                          P("b.md").heading(2, "sub", "Sub").heading(1, "h", "First H1").heading(1, "h2", "Second"),
                          P("getting-started.md").heading(2, "x", "Only h2"), P("my_page.md")})},
                  config_with("/", "Site title"));
  EXPECT_EQ(l.page("a.md").title, "Front");
  EXPECT_EQ(l.page("b.md").title, "First H1");
  EXPECT_EQ(l.page("getting-started.md").title, "Getting started");
  EXPECT_EQ(l.page("my_page.md").title, "My page");
  EXPECT_EQ(l.section("").title, "Site title");
}

TEST(LinkTitles, HomePageWithoutTitleUsesTheSiteTitle) {
  Linked l = link({shard({P("_index.md"), P("docs/_index.md")})}, config_with("/", "Bengal"));
  EXPECT_EQ(l.page("_index.md").title, "Bengal");
  EXPECT_EQ(l.page("docs/_index.md").title, "Docs");
}

TEST(LinkTitles, TitleFromName) {
  EXPECT_EQ(title_from_name("getting-started"), "Getting started");
  EXPECT_EQ(title_from_name("first_steps"), "First steps");
  EXPECT_EQ(title_from_name("API-reference"), "API reference");
  EXPECT_EQ(title_from_name("2024-review"), "2024 review");
  EXPECT_EQ(title_from_name(""), "");
}

// --- order ------------------------------------------------------------------------------

TEST(LinkOrder, WeightThenNewestDateThenTitleThenUrl) {
  Linked l = link({shard({
      P("s/a.md").title("W2").weight(2),
      P("s/b.md").title("W1").weight(1),
      P("s/c.md").title("Old").date("2024-01-01"),
      P("s/d.md").title("New").date("2024-05-01"),
      P("s/e.md").title("Alpha"),
      P("s/f.md").title("Beta"),
      P("s/g.md").title("Negative").weight(-3),
      P("s/h.md").title("Alpha").url("/zz/"),
      P("s/i.md").title("Alpha").url("/aa/"),
  })});
  EXPECT_EQ(l.messages(), Strings{});
  Strings expected = {"Negative", "W1", "W2", "New", "Old", "Alpha", "Alpha", "Alpha", "Beta"};
  EXPECT_EQ(titles(l.section("s").children), expected);
  // Equal titles: by URL.
  std::vector<ChildEntry> kids = l.section("s").children;
  EXPECT_EQ(kids[5].url, "/aa/");
  EXPECT_EQ(kids[6].url, "/s/e/");
  EXPECT_EQ(kids[7].url, "/zz/");
  // The listing uses the same order.
  for (const SectionListing& s : l.result.shards[0].sections)
    if (s.key == "s") {
      EXPECT_EQ(titles(s.items), expected);
    }
}

TEST(LinkOrder, OrderDoesNotDependOnInputOrderOrSharding) {
  std::vector<PageMeta> pages = {P("s/a.md").date("2024-03-01"), P("s/b.md").date("2024-03-02"),
                                 P("s/c.md").weight(5), P("s/d.md")};
  Linked one = link({shard(pages)});
  Linked two = link({shard({pages[3], pages[1]}), shard({pages[2], pages[0]})});
  EXPECT_EQ(titles(one.section("s").children), (Strings{"C", "B", "A", "D"}));
  EXPECT_EQ(titles(two.section("s").children), titles(one.section("s").children));
}

TEST(LinkOrder, SubsectionsAreOrderedByTheirPagesAndComeBeforePages) {
  Linked l = link({shard({P("_index.md"), P("zeta.md").weight(1), P("b/_index.md").title("Bee").weight(2),
                          P("a/_index.md").title("Ay").weight(3), P("c/x.md")})});
  const PageLinks& home = l.page("_index.md");
  EXPECT_EQ(titles(home.children), (Strings{"Bee", "Ay", "C", "Zeta"}));
  EXPECT_TRUE(home.children[0].is_section);
  EXPECT_TRUE(home.children[2].is_section);
  EXPECT_FALSE(home.children[3].is_section);
}

// --- navigation -------------------------------------------------------------------------

TEST(LinkNavigation, BreadcrumbsRunFromHomeToTheParent) {
  Linked l = link({shard({P("_index.md").title("Home"), P("docs/_index.md").title("Docs"),
                          P("docs/guide/install.md").title("Install"), P("about.md")})});
  EXPECT_EQ(crumbs(l.page("docs/guide/install.md")), (Strings{"Home /", "Docs /docs/", "Guide /docs/guide/"}));
  EXPECT_EQ(crumbs(l.section("docs/guide")), (Strings{"Home /", "Docs /docs/"}));
  EXPECT_EQ(crumbs(l.page("docs/_index.md")), (Strings{"Home /"}));
  EXPECT_EQ(crumbs(l.page("about.md")), (Strings{"Home /"}));
  EXPECT_EQ(crumbs(l.page("_index.md")), Strings{});
}

TEST(LinkNavigation, PrevAndNextFollowSectionOrder) {
  Linked l = link({shard({P("s/_index.md"), P("s/one.md").weight(1), P("s/two.md").weight(2),
                          P("s/three.md").weight(3), P("other/x.md")})});
  const PageLinks& one = l.page("s/one.md");
  const PageLinks& two = l.page("s/two.md");
  const PageLinks& three = l.page("s/three.md");
  EXPECT_EQ(one.prev.url, "");
  EXPECT_EQ(one.next.url, "/s/two/");
  EXPECT_EQ(one.next.title, "Two");
  EXPECT_EQ(two.prev.url, "/s/one/");
  EXPECT_EQ(two.next.url, "/s/three/");
  EXPECT_EQ(three.prev.title, "Two");
  EXPECT_EQ(three.next.url, "");
  // A lone page in its section has neither; section pages have neither.
  EXPECT_EQ(l.page("other/x.md").prev.url, "");
  EXPECT_EQ(l.page("other/x.md").next.url, "");
  EXPECT_EQ(l.page("s/_index.md").prev.url, "");
  EXPECT_EQ(l.page("s/_index.md").next.url, "");
}

TEST(LinkNavigation, SectionPagesListChildrenWithSummariesAndDates) {
  Linked l = link({shard({P("s/_index.md"), P("s/a.md").summary("First paragraph").date("2024-02-02"),
                          P("s/b.md").summary("Ignored").description("Described"), P("s/sub/c.md")})});
  const PageLinks& s = l.page("s/_index.md");
  ASSERT_EQ(s.children.size(), 3u);
  EXPECT_EQ(s.children[0].title, "Sub");
  EXPECT_TRUE(s.children[0].is_section);
  EXPECT_EQ(s.children[0].url, "/s/sub/");
  EXPECT_EQ(s.children[1].title, "A");
  EXPECT_EQ(s.children[1].summary, "First paragraph");
  EXPECT_EQ(s.children[1].date, "2024-02-02");
  EXPECT_EQ(s.children[2].summary, "Described");
  EXPECT_TRUE(l.page("s/a.md").children.empty());
}

TEST(LinkNavigation, EachShardCarriesTheListingsOfItsPagesPathsOnly) {
  Linked l = link({shard({P("docs/guide/a.md"), P("docs/b.md")}), shard({P("blog/post.md")})});
  ASSERT_EQ(l.result.shards.size(), 2u);
  auto keys = [](const LinkShard& s) {
    Strings out;
    for (const SectionListing& sl : s.sections) out.push_back(sl.key);
    return out;
  };
  EXPECT_EQ(keys(l.result.shards[0]), (Strings{"", "docs", "docs/guide"}));
  EXPECT_EQ(keys(l.result.shards[1]), (Strings{"", "blog"}));
  // Generated pages: home, docs, docs/guide, blog.
  EXPECT_EQ(keys(l.result.generated), (Strings{"", "blog", "docs", "docs/guide"}));

  const SectionListing& docs = l.result.shards[0].sections[1];
  EXPECT_EQ(docs.url, "/docs/");
  ASSERT_EQ(docs.items.size(), 2u);
  EXPECT_EQ(docs.items[0].title, "Guide");
  EXPECT_TRUE(docs.items[0].is_section);
  EXPECT_EQ(docs.items[0].url, "/docs/guide/");
  EXPECT_EQ(docs.items[1].title, "B");
  EXPECT_FALSE(docs.items[1].is_section);
  // Pages stay in the shard they came from, in input order.
  ASSERT_EQ(l.result.shards[0].pages.size(), 2u);
  EXPECT_EQ(l.result.shards[0].pages[0].rel, "docs/guide/a.md");
  EXPECT_EQ(l.result.shards[0].pages[1].rel, "docs/b.md");
  ASSERT_EQ(l.result.shards[1].pages.size(), 1u);
}

TEST(LinkNavigation, EmptyInputStillHasAHomePage) {
  Linked l = link({});
  EXPECT_TRUE(l.result.shards.empty());
  ASSERT_EQ(l.result.generated.pages.size(), 1u);
  EXPECT_EQ(l.result.generated.pages[0].kind, kKindHome);
  EXPECT_EQ(l.result.generated.pages[0].output, "index.html");
  ASSERT_EQ(l.result.site.sections.size(), 1u);
}

// --- page table -------------------------------------------------------------------------

TEST(LinkPageTable, EveryPublishedPageSortedByUrl) {
  Linked l = link({shard({P("z.md").date("2024-01-01").lastmod("2024-02-01").description("Zed"),
                          P("a.md").summary("Sum"), P("d.md").draft(), P("s/x.md")})});
  Strings rows;
  for (const PageTableEntry& e : l.result.table.pages)
    rows.push_back(e.url + " " + e.kind + " [" + e.rel + "] [" + e.section + "] " + e.date + " " + e.lastmod + " " +
                   e.description);
  EXPECT_EQ(rows, (Strings{"/ home [] []   ", "/404.html 404 [] []   ", "/a/ page [a.md] []   Sum",
                           "/s/ section [] [s]   ", "/s/x/ page [s/x.md] [s]   ",
                           "/z/ page [z.md] [] 2024-01-01 2024-02-01 Zed"}));
  EXPECT_EQ(l.result.table.pages[2].source, "content/a.md");
}

// --- drafts -----------------------------------------------------------------------------

TEST(LinkDrafts, LeftOutUnlessAsked) {
  std::vector<MetaShard> in = {shard({P("a.md"), P("b.md").draft()})};
  Linked without = link(in);
  EXPECT_FALSE(without.has_page("b.md"));
  EXPECT_EQ(titles(without.section("").children), Strings{"A"});
  LinkOptions with_drafts;
  with_drafts.drafts = true;
  Linked with = link(in, config_with(), with_drafts);
  EXPECT_TRUE(with.has_page("b.md"));
  EXPECT_EQ(with.page("b.md").url, "/b/");
}

TEST(LinkDrafts, ReferenceToADraftSaysSo) {
  std::vector<MetaShard> in = {shard({P("docs/a.md").wiki("sub/c#deep", 7, 19), P("docs/sub/c.md").draft()})};
  Linked l = link(in);
  EXPECT_EQ(l.messages(), Strings{"content/docs/a.md:7:19: error: broken reference 'sub/c#deep': content/docs/sub/c.md "
                                  "is a draft (build with --drafts to publish drafts)"});
  LinkOptions with_drafts;
  with_drafts.drafts = true;
  Linked published = link({shard({P("docs/a.md").wiki("sub/c"), P("docs/sub/c.md").draft()})}, config_with(),
                          with_drafts);
  EXPECT_EQ(published.messages(), Strings{});
  EXPECT_EQ(published.page("docs/a.md").links[0].href, "/docs/sub/c/");
}

// --- references -------------------------------------------------------------------------

TEST(LinkReferences, WikiPathsTryTheContentRootThenThePagesFolder) {
  Linked l = link({shard({
      P("guide/writing/links.md").wiki("guide/sections").wiki("front-matter").wiki("guide").wiki("/guide/sections"),
      P("guide/_index.md").title("Guide"),
      P("guide/sections.md").title("Sections"),
      P("guide/writing/front-matter.md").title("Front matter"),
  })});
  EXPECT_EQ(l.messages(), Strings{});
  const std::vector<ResolvedLink>& r = l.page("guide/writing/links.md").links;
  ASSERT_EQ(r.size(), 4u);
  EXPECT_EQ(r[0].href, "/guide/sections/");
  EXPECT_EQ(r[0].title, "Sections");
  EXPECT_EQ(r[1].href, "/guide/writing/front-matter/");
  EXPECT_EQ(r[1].title, "Front matter");
  EXPECT_EQ(r[2].href, "/guide/");
  EXPECT_EQ(r[2].title, "Guide");
  EXPECT_EQ(r[3].href, "/guide/sections/");
}

TEST(LinkReferences, ContentRootWinsOverTheFolderForPlainWikiPaths) {
  Linked l = link({shard({P("docs/a.md").wiki("x").wiki("./x").wiki("../x"), P("x.md").title("Root x"),
                          P("docs/x.md").title("Docs x")})});
  EXPECT_EQ(l.messages(), Strings{});
  const std::vector<ResolvedLink>& r = l.page("docs/a.md").links;
  EXPECT_EQ(r[0].href, "/x/");
  EXPECT_EQ(r[1].href, "/docs/x/");  // ./ is relative only
  EXPECT_EQ(r[2].href, "/x/");
}

TEST(LinkReferences, MarkdownLinksAreRelativeToThePage) {
  Linked l = link({shard({P("docs/guide/a.md").md("../intro.md").md("b.md#step-2").md("../ref/_index.md"),
                          P("docs/intro.md").title("Intro"), P("docs/guide/b.md").heading(2, "step-2", "Step 2"),
                          P("docs/ref/_index.md").title("Reference"), P("intro.md")})});
  EXPECT_EQ(l.messages(), Strings{});
  const std::vector<ResolvedLink>& r = l.page("docs/guide/a.md").links;
  ASSERT_EQ(r.size(), 3u);
  EXPECT_EQ(r[0].href, "/docs/intro/");
  EXPECT_EQ(r[0].title, "Intro");
  EXPECT_EQ(r[1].href, "/docs/guide/b/#step-2");
  EXPECT_EQ(r[1].title, "Step 2");  // an anchored reference shows the heading's text
  EXPECT_EQ(r[2].href, "/docs/ref/");
}

TEST(LinkReferences, IndexFilesAreTriedAfterTheMdFile) {
  Linked l = link({shard({P("a.md").wiki("blog/trip").wiki("docs"), P("blog/trip/index.md").title("Trip"),
                          P("blog/post.md"), P("docs/_index.md").title("D"), P("docs/index.md"), P("docs/p.md")})});
  const std::vector<ResolvedLink>& r = l.page("a.md").links;
  EXPECT_EQ(r[0].href, "/blog/trip/");
  EXPECT_EQ(r[0].title, "Trip");
  EXPECT_EQ(r[1].title, "D");  // _index.md before index.md
}

TEST(LinkReferences, AnchorWithinTheSamePageIsJustTheFragment) {
  Linked l = link({shard({P("a.md").heading(2, "usage", "Usage").wiki("#usage")})});
  EXPECT_EQ(l.messages(), Strings{});
  ASSERT_EQ(l.page("a.md").links.size(), 1u);
  EXPECT_EQ(l.page("a.md").links[0].href, "#usage");
  EXPECT_EQ(l.page("a.md").links[0].title, "Usage");
}

TEST(LinkReferences, TargetsInOtherShardsResolveWithTheBasePath) {
  Linked l = link({shard({P("a.md").wiki("b")}), shard({P("b.md").title("Bee")})}, config_with("/docs/"));
  EXPECT_EQ(l.page("a.md").links[0].href, "/docs/b/");
  EXPECT_EQ(l.page("a.md").links[0].title, "Bee");
}

TEST(LinkReferences, BrokenReferenceIsAnErrorWithASuggestion) {
  Linked l = link({shard({P("links/broken-links.md").wiki("links/no-such-page", 5, 44).md("missing.md", 7, 36)
                              .wiki("links/dupliate-a", 7, 71),
                          P("links/duplicate-a.md")})});
  EXPECT_EQ(l.messages(),
            (Strings{"content/links/broken-links.md:5:44: error: broken reference 'links/no-such-page': no page "
                     "content/links/no-such-page.md",
                     "content/links/broken-links.md:7:36: error: broken reference 'missing.md': no page "
                     "content/links/missing.md",
                     "content/links/broken-links.md:7:71: error: broken reference 'links/dupliate-a': no page "
                     "content/links/dupliate-a.md (did you mean 'links/duplicate-a'?)"}));
  // One resolved entry per reference, empty when broken.
  const std::vector<ResolvedLink>& r = l.page("links/broken-links.md").links;
  ASSERT_EQ(r.size(), 3u);
  for (const ResolvedLink& x : r) EXPECT_EQ(x.href, "");
}

TEST(LinkReferences, MissingHeadingIsAnErrorWithASuggestion) {
  Linked l = link({shard({P("a.md").wiki("b#instal", 9, 32).wiki("b#nothing-like-it", 10, 1).wiki("#nope", 11, 2),
                          P("b.md").title("B").heading(2, "install", "Install")})});
  EXPECT_EQ(l.messages(), (Strings{"content/a.md:9:32: error: no heading '#instal' in content/b.md (did you mean "
                                   "'install'?)",
                                   "content/a.md:10:1: error: no heading '#nothing-like-it' in content/b.md",
                                   "content/a.md:11:2: error: no heading '#nope' in content/a.md"}));
  // The link still points at the page.
  EXPECT_EQ(l.page("a.md").links[0].href, "/b/");
  EXPECT_EQ(l.page("a.md").links[0].title, "B");
}

TEST(LinkReferences, NonStrictModeReportsWarningsInstead) {
  LinkOptions lax;
  lax.strict_links = false;
  Linked l = link({shard({P("a.md").wiki("nowhere", 2, 3).wiki("b#x", 4, 5), P("b.md")})}, config_with(), lax);
  EXPECT_FALSE(l.diags.has_errors());
  EXPECT_EQ(l.messages(), (Strings{"content/a.md:2:3: warning: broken reference 'nowhere': no page content/nowhere.md",
                                   "content/a.md:4:5: warning: no heading '#x' in content/b.md"}));
}

TEST(LinkReferences, NonStrictModeKeepsDuplicateUrlsAsErrors) {
  LinkOptions lax;
  lax.strict_links = false;
  Linked l = link({shard({P("a.md").url("/x/"), P("b.md").url("/x/")})}, config_with(), lax);
  EXPECT_EQ(l.diags.error_count(), 1u);
}

TEST(LinkReferences, ReferenceClimbingOutOfTheContentFolderIsBroken) {
  Linked l = link({shard({P("a.md").md("../../etc/passwd.md", 3, 4)})});
  ASSERT_EQ(l.diags.error_count(), 1u);
  EXPECT_NE(l.messages()[0].find("content/a.md:3:4: error: broken reference '../../etc/passwd.md'"), std::string::npos)
      << l.messages()[0];
}

}  // namespace
}  // namespace bengal

namespace bengal {
namespace {

template <class T>
std::string packed(const T& value) {
  msgpack::sbuffer buffer;
  msgpack::pack(buffer, value);
  return std::string(buffer.data(), buffer.size());
}

// The same sample in either form: every member but `cascade`, which each form holds its way.
template <class Str>
BasicPageLinks<Str> sample_links() {
  BasicPageLinks<Str> l;
  l.rel = "docs/a.md";
  l.kind = kKindPage;
  l.url = "/docs/a/";
  l.title = "A";
  l.links = {{"/b/#x", "X"}};
  l.breadcrumbs = {{"Home", "/"}};
  l.next = {"B", "/docs/b/"};
  l.children = {{"C", "/c/", "Summary.", "2024-01-02", true, 3}};
  l.related = {{"R", "/r/"}};
  l.terms = {{"tags", "Go", "/tags/go/"}};
  l.aliases = {"old/index.html"};
  l.in_feed = true;
  return l;
}

template <class Str>
BasicPageTable<Str> sample_table() {
  BasicPageTable<Str> t;
  t.pages = {{"a.md", "content/a.md", kKindPage, "/a/", "A", "", "2024-01-02", "", "About A.", false, {"/old/"}}};
  return t;
}

// bengal-link packs the string_view form; every reader decodes the std::string form. The two
// must give the same bytes, cascade included.
TEST(LinkFileTypes, ViewAndOwnedFormsPackTheSameBytes) {
  PageLinks owned = sample_links<std::string>();
  owned.cascade = {{"product", "Atlas"}};
  BasicPageLinks<std::string_view> view = sample_links<std::string_view>();
  view.cascade.value = &owned.cascade;
  EXPECT_EQ(packed(view), packed(owned));
  EXPECT_EQ(packed(sample_table<std::string_view>()), packed(sample_table<std::string>()));
}

}  // namespace
}  // namespace bengal
