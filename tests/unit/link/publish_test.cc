// What is published: drafts, future and expired pages (with LinkOptions.now), and why a
// reference to a page left out fails; [[id:name]] references, ref("id:...") and menus by id;
// aliases and their collisions.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "link_test_util.h"

namespace bengal {
namespace {

using namespace bengal::testing;

constexpr int64_t kJune2024 = 1717200000;  // 2024-06-01T00:00:00Z

LinkOptions at_now(int64_t now = kJune2024) {
  LinkOptions o;
  o.now = now;
  return o;
}

// --- drafts, future, expired ------------------------------------------------------------

TEST(Publish, DraftsOnlyWithTheDraftsOption) {
  std::vector<MetaShard> in = {shard({P("a.md"), P("d.md").draft()})};
  EXPECT_FALSE(link(in, config_with(), at_now()).has_page("d.md"));
  LinkOptions o = at_now();
  o.drafts = true;
  EXPECT_TRUE(link(in, config_with(), o).has_page("d.md"));
}

TEST(Publish, PagesDatedAfterNowAreFuture) {
  std::vector<MetaShard> in = {shard({P("past.md").date("2024-05-31"), P("later.md").date("2024-06-02"),
                                      P("tonight.md").date("2024-06-01T20:00:00Z"),
                                      P("east.md").date("2024-06-01T01:00:00+02:00")})};
  Linked l = link(in, config_with(), at_now());
  EXPECT_TRUE(l.has_page("past.md"));
  EXPECT_FALSE(l.has_page("later.md"));
  EXPECT_FALSE(l.has_page("tonight.md"));
  EXPECT_TRUE(l.has_page("east.md")) << "01:00+02:00 is 23:00 the day before in UTC";
  LinkOptions future = at_now();
  future.future = true;
  Linked all = link(in, config_with(), future);
  EXPECT_TRUE(all.has_page("later.md"));
  EXPECT_TRUE(all.has_page("tonight.md"));
}

TEST(Publish, PublishdateWinsOverDate) {
  Linked l = link({shard({P("held.md").date("2024-01-01").publishdate("2024-07-01"),
                          P("released.md").date("2024-12-01").publishdate("2024-05-01")})},
                  config_with(), at_now());
  EXPECT_FALSE(l.has_page("held.md"));
  EXPECT_TRUE(l.has_page("released.md"));
}

TEST(Publish, PagesWhoseExpirydateIsNotAfterNowHaveExpired) {
  std::vector<MetaShard> in = {shard({P("gone.md").expirydate("2024-05-01"), P("today.md").expirydate("2024-06-01"),
                                      P("later.md").expirydate("2024-06-02")})};
  Linked l = link(in, config_with(), at_now());
  EXPECT_FALSE(l.has_page("gone.md"));
  EXPECT_FALSE(l.has_page("today.md")) << "expires at midnight: gone at that second";
  EXPECT_TRUE(l.has_page("later.md"));
  LinkOptions expired = at_now();
  expired.expired = true;
  EXPECT_TRUE(link(in, config_with(), expired).has_page("gone.md"));
}

TEST(Publish, WithoutNowNothingIsFutureOrExpired) {
  Linked l = link({shard({P("f.md").date("2999-01-01"), P("e.md").expirydate("1999-01-01")})});
  EXPECT_TRUE(l.has_page("f.md"));
  EXPECT_TRUE(l.has_page("e.md"));
}

TEST(Publish, ExcludedPagesAreLeftOutOfListingsAndTheTable) {
  Linked l = link({shard({P("s/a.md"), P("s/f.md").date("2030-01-01").tags({"t"})})}, config_with(), at_now());
  EXPECT_EQ(titles(l.section("s").children), Strings{"A"});
  for (const PageTableEntry& e : l.result.table.pages) EXPECT_NE(e.rel, "s/f.md");
  EXPECT_EQ(l.by_url("/tags/t/"), nullptr) << "an excluded page makes no term";
}

TEST(Publish, AReferenceToAnExcludedPageSaysWhy) {
  Linked l = link({shard({P("a.md").wiki("f", 2, 3).md("e.md", 4, 5).wiki("d", 6, 7),
                          P("f.md").date("2030-01-01"), P("e.md").expirydate("2020-01-01"), P("d.md").draft()})},
                  config_with(), at_now());
  EXPECT_EQ(l.messages(),
            (Strings{"content/a.md:2:3: error: broken reference 'f': content/f.md is dated 2030-01-01, in the future "
                     "(build with --future to publish it)",
                     "content/a.md:4:5: error: broken reference 'e.md': content/e.md expired on 2020-01-01 (build with "
                     "--expired to publish expired pages)",
                     "content/a.md:6:7: error: broken reference 'd': content/d.md is a draft (build with --drafts to "
                     "publish drafts)"}));
}

TEST(Publish, TheFutureMessageNamesThePublishdate) {
  Linked l = link({shard({P("a.md").wiki("f", 1, 1), P("f.md").date("2020-01-01").publishdate("2031-02-03")})},
                  config_with(), at_now());
  EXPECT_EQ(l.messages(), Strings{"content/a.md:1:1: error: broken reference 'f': content/f.md is dated 2031-02-03, in "
                                  "the future (build with --future to publish it)"});
}

// --- [[id:name]] ------------------------------------------------------------------------

TEST(IdReferences, ResolveToThePageWithThatId) {
  Linked l = link({shard({P("a.md").wiki("id:install", 1, 1).wiki("id:install#usage", 2, 1),
                          P("guide/setup.md").title("Set up").id("install").heading(2, "usage", "Usage")})});
  EXPECT_EQ(l.messages(), Strings{});
  EXPECT_EQ(resolved(l.page("a.md")), (Strings{"/guide/setup/ Set up", "/guide/setup/#usage Usage"}));
}

TEST(IdReferences, HeadingsAreChecked) {
  Linked l = link({shard({P("a.md").wiki("id:install#usge", 3, 4),
                          P("setup.md").title("Set up").id("install").heading(2, "usage", "Usage")})});
  EXPECT_EQ(l.messages(), Strings{"content/a.md:3:4: error: no heading '#usge' in content/setup.md (did you mean "
                                  "'usage'?)"});
  EXPECT_EQ(resolved(l.page("a.md")), Strings{"/setup/ Set up"}) << "the link still points at the page";
}

TEST(IdReferences, UnknownIdIsAnErrorWithASuggestion) {
  Linked l = link({shard({P("a.md").wiki("id:instal", 3, 4), P("setup.md").id("install")})});
  EXPECT_EQ(l.messages(), Strings{"content/a.md:3:4: error: broken reference 'id:instal': no page has id 'instal' "
                                  "(did you mean 'install'?)"});
  EXPECT_EQ(l.page("a.md").links[0].href, "");
}

TEST(IdReferences, AnIdOfAnExcludedPageSaysWhy) {
  Linked l = link({shard({P("a.md").wiki("id:soon", 3, 4).wiki("id:old", 5, 6),
                          P("news/soon.md").id("soon").date("2030-01-01"), P("old.md").id("old").draft()})},
                  config_with(), at_now());
  EXPECT_EQ(l.messages(),
            (Strings{"content/a.md:3:4: error: broken reference 'id:soon': content/news/soon.md (id 'soon') is dated "
                     "2030-01-01, in the future (build with --future to publish it)",
                     "content/a.md:5:6: error: broken reference 'id:old': content/old.md (id 'old') is a draft (build "
                     "with --drafts to publish drafts)"}));
}

TEST(IdReferences, TheSameIdOnTwoPagesIsAnErrorNamingBoth) {
  Linked l = link({shard({P("a.md").id("x", {2, 5}), P("b.md").id("x", {3, 5})})});
  EXPECT_EQ(l.messages(), Strings{"content/b.md:3:5: error: id 'x' is already the id of content/a.md"});
}

TEST(IdReferences, TemplateRefsAndMenusNameAPageById) {
  Config c = config_with();
  MenuItemConfig item;
  item.menu = "main";
  item.page = "id:install";
  c.menu_items.push_back(item);
  LinkOptions o;
  o.template_refs = {{"id:install", {"templates/page.html", 3, 9}}, {"id:install#usage", {"templates/page.html", 4, 9}}};
  Linked l = link({shard({P("setup.md").title("Set up").id("install").heading(2, "usage", "Usage")})}, c, o);
  EXPECT_EQ(l.messages(), Strings{});
  EXPECT_EQ(l.result.site.refs.at("id:install").url, "/setup/");
  EXPECT_EQ(l.result.site.refs.at("id:install").title, "Set up");
  EXPECT_EQ(l.result.site.refs.at("id:install#usage").url, "/setup/#usage");
  ASSERT_EQ(l.result.site.menus.at("main").size(), 1u);
  EXPECT_EQ(l.result.site.menus.at("main")[0].url, "/setup/");
  EXPECT_EQ(l.result.site.menus.at("main")[0].name, "Set up");
}

TEST(IdReferences, BrokenTemplateRefsAndMenusByIdAreErrors) {
  Config c = config_with();
  MenuItemConfig item;
  item.menu = "main";
  item.page = "id:gone";
  item.loc = {"bengal.toml", 7, 1};
  c.menu_items.push_back(item);
  LinkOptions o = at_now();
  o.template_refs = {{"id:nope", {"templates/page.html", 3, 9}}};
  Linked l = link({shard({P("setup.md").id("install"), P("old.md").id("gone").expirydate("2020-01-01")})}, c, o);
  EXPECT_EQ(l.messages(),
            (Strings{"templates/page.html:3:9: error: ref('id:nope'): no page has id 'nope'",
                     "bengal.toml:7:1: error: menu 'main': content/old.md (id 'gone') expired on 2020-01-01 (build "
                     "with --expired to publish expired pages)"}));
}

// --- aliases ----------------------------------------------------------------------------

TEST(Aliases, EachAliasIsARedirectFileUnderTheOutputFolder) {
  Linked l = link({shard({P("blog/post.md").aliases({"/old/", "legacy/page/", "/feed-old.xml"})})},
                  config_with("https://example.org/docs/"));
  EXPECT_EQ(l.messages(), Strings{});
  EXPECT_EQ(l.page("blog/post.md").aliases,
            (Strings{"old/index.html", "legacy/page/index.html", "feed-old.xml"}));
}

TEST(Aliases, AnAliasOfThePagesOwnUrlIsIgnored) {
  Linked l = link({shard({P("a.md").aliases({"/a/", "/b/"})})});
  EXPECT_EQ(l.messages(), Strings{});
  EXPECT_EQ(l.page("a.md").aliases, Strings{"b/index.html"});
}

TEST(Aliases, AnAliasOnAnotherPagesUrlIsAnErrorNamingBoth) {
  // The alias comes first in the input: the page's own URL still wins.
  Linked l = link({shard({P("b.md").aliases({"/c/"}, {4, 3}), P("c.md")})});
  EXPECT_EQ(l.messages(), Strings{"content/b.md:4:3: error: duplicate URL '/c/': content/c.md and the alias '/c/' of "
                                  "content/b.md both publish it"});
  EXPECT_TRUE(l.page("b.md").aliases.empty());
}

TEST(Aliases, TwoPagesWithTheSameAliasIsAnErrorNamingBoth) {
  Linked l = link({shard({P("a.md").aliases({"/old/"}), P("b.md").aliases({"/old/"}, {2, 10})})});
  EXPECT_EQ(l.messages(), Strings{"content/b.md:2:10: error: duplicate URL '/old/': the alias '/old/' of content/a.md "
                                  "and the alias '/old/' of content/b.md both publish it"});
  EXPECT_EQ(l.page("a.md").aliases, Strings{"old/index.html"});
  EXPECT_TRUE(l.page("b.md").aliases.empty());
}

TEST(CopiedFiles, APageOrAliasOnACopiedFilesPathIsAnErrorAtItsFrontMatter) {
  LinkOptions options;
  options.copied_files = {"img/logo.png", "guide/index.html", "old/index.html", "robots.txt"};
  Linked l = link({shard({P("guide.md").url("/guide/", {3, 6}), P("b.md").aliases({"/old/"}, {2, 10}), P("c.md")})},
                  config_with(), options);
  EXPECT_EQ(l.messages(),
            (Strings{"content/guide.md:3:6: error: 'guide/index.html' is published by both content/guide.md and a "
                     "static file or page resource of that path",
                     "content/b.md:2:10: error: 'old/index.html' is published by both the alias '/old/' of "
                     "content/b.md and a static file or page resource of that path"}));
}

TEST(Aliases, APageOnTheUrlOfAListsPagerIsADuplicate) {
  std::vector<PageMeta> pages = {P("x.md").url("/s/page/2/", {2, 6})};
  for (int i = 0; i < 11; ++i) pages.push_back(P("s/p" + std::to_string(i) + ".md"));
  Linked l = link({shard(pages)});
  ASSERT_EQ(l.diags.error_count(), 1u) << ::testing::PrintToString(l.messages());
  EXPECT_EQ(l.messages()[0].rfind("content/x.md:2:6: error: duplicate URL '/s/page/2/': ", 0), 0u) << l.messages()[0];
}

TEST(Aliases, AnExcludedPagesAliasesAreFree) {
  Linked l = link({shard({P("d.md").draft().aliases({"/old/"}), P("n.md").aliases({"/old/"})})});
  EXPECT_EQ(l.messages(), Strings{});
  EXPECT_EQ(l.page("n.md").aliases, Strings{"old/index.html"});
}

TEST(NotFoundPage, EverySiteGetsA404PageOutOfTheSitemap) {
  Linked l = link({shard({P("_index.md")})});
  ASSERT_EQ(l.not_found.size(), 1u);
  EXPECT_EQ(l.not_found[0].output, "404.html");
  EXPECT_EQ(l.not_found[0].url, "/404.html");
  for (const PageTableEntry& e : l.result.table.pages)
    if (e.kind == kKind404) EXPECT_FALSE(e.sitemap);
}

TEST(NotFoundPage, ASourcePageAt404HtmlIsThe404Page) {
  Linked l = link({shard({P("_index.md"), P("missing.md").url("/404.html")})});
  EXPECT_TRUE(l.not_found.empty());
  EXPECT_EQ(l.page("missing.md").kind, kKind404);
  EXPECT_EQ(l.messages(), Strings{});
}

}  // namespace
}  // namespace bengal
