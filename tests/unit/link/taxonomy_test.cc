// Taxonomies: term and taxonomy pages, term slugs, counts and order, term shards, collisions,
// a page's terms, and related pages (through link_site and through related_pages itself).
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "link/related.h"
#include "link_test_util.h"

namespace bengal {
namespace {

using namespace bengal::testing;

// Tags and categories (the defaults) plus `series`, read from params.
Config with_series() {
  Config c = config_with();
  c.taxonomies.push_back({"series", "series"});
  std::sort(c.taxonomies.begin(), c.taxonomies.end(),
            [](const TaxonomyConfig& a, const TaxonomyConfig& b) { return a.plural < b.plural; });
  return c;
}

const PageLinks& at_url(const Linked& l, const std::string& url) {
  const PageLinks* p = l.by_url(url);
  if (!p) throw std::runtime_error("no page at " + url);
  return *p;
}

// "name count" for each term of a taxonomy page, in its order.
Strings term_counts(const PageLinks& taxonomy_page) {
  Strings out;
  for (const ChildEntry& c : taxonomy_page.children) out.push_back(c.title + " " + std::to_string(c.count));
  return out;
}

// --- term and taxonomy pages ------------------------------------------------------------

TEST(Taxonomies, TagsAndCategoriesGetATaxonomyPageAndATermPageEach) {
  Linked l = link({shard({P("a.md").tags({"Go", "Rust"}).categories({"Dev"}), P("b.md").tags({"Go"})})});
  EXPECT_EQ(l.messages(), Strings{});
  Strings taxonomies = l.urls_of_kind(kKindTaxonomy), terms = l.urls_of_kind(kKindTerm);
  std::sort(taxonomies.begin(), taxonomies.end());
  std::sort(terms.begin(), terms.end());
  EXPECT_EQ(taxonomies, (Strings{"/categories/", "/tags/"}));
  EXPECT_EQ(terms, (Strings{"/categories/dev/", "/tags/go/", "/tags/rust/"}));
  const PageLinks& go = at_url(l, "/tags/go/");
  EXPECT_EQ(go.output, "tags/go/index.html");
  EXPECT_EQ(go.title, "Go");
  EXPECT_EQ(go.rel, "");
  EXPECT_EQ(crumbs(go), (Strings{"Test site /", "Tags /tags/"}));
  const PageLinks& tags = at_url(l, "/tags/");
  EXPECT_EQ(tags.output, "tags/index.html");
  EXPECT_EQ(tags.title, "Tags");
  EXPECT_EQ(crumbs(tags), Strings{"Test site /"});
}

TEST(Taxonomies, TermPagesFollowTheBasePath) {
  Linked l = link({shard({P("a.md").tags({"Go"})})}, config_with("https://example.org/docs/"));
  EXPECT_EQ(at_url(l, "/docs/tags/go/").output, "tags/go/index.html");
  EXPECT_NE(l.by_url("/docs/tags/"), nullptr);
}

TEST(Taxonomies, CustomTaxonomyReadsItsKeyFromParams) {
  Linked l = link({shard({P("a.md").param("series", "Intro to C"), P("b.md").param("series", {"Intro to C", "Ops"}),
                          P("c.md").tags({"x"})})},
                  with_series());
  EXPECT_EQ(l.messages(), Strings{});
  EXPECT_EQ(at_url(l, "/series/").title, "Series");
  EXPECT_EQ(titles(at_url(l, "/series/intro-to-c/").children), (Strings{"A", "B"}));
  EXPECT_EQ(titles(at_url(l, "/series/ops/").children), Strings{"B"});
  EXPECT_EQ(l.by_url("/categories/"), nullptr);
}

TEST(Taxonomies, CustomTaxonomyValueMustBeStrings) {
  Linked l = link({shard({P("a.md").param("series", {1, 2}, {6, 9})})}, with_series());
  EXPECT_EQ(l.messages(), Strings{"content/a.md:6:9: error: 'series' must be a list of strings"});
  EXPECT_EQ(l.by_url("/series/"), nullptr);
}

TEST(Taxonomies, NoTaxonomyPageWhenNoPageHasTheTaxonomy) {
  Linked l = link({shard({P("a.md"), P("b.md").categories({"Dev"})})});
  EXPECT_EQ(l.by_url("/tags/"), nullptr);
  EXPECT_NE(l.by_url("/categories/"), nullptr);
  EXPECT_EQ(l.result.taxonomies.taxonomies.size(), 1u);
  Linked none = link({shard({P("a.md")})});
  EXPECT_TRUE(none.urls_of_kind(kKindTaxonomy).empty());
  EXPECT_TRUE(none.result.taxonomies.taxonomies.empty());
}

TEST(Taxonomies, NoTaxonomiesConfiguredMeansNoTermPages) {
  Config c = config_with();
  c.taxonomies.clear();
  Linked l = link({shard({P("a.md").tags({"Go"})})}, c);
  EXPECT_TRUE(l.urls_of_kind(kKindTerm).empty());
  EXPECT_TRUE(l.page("a.md").terms.empty());
}

// --- slugs ------------------------------------------------------------------------------

TEST(TermSlugs, CaseSpacesAndUnicodeAreNormalized) {
  Linked l = link({shard({P("a.md").tags({"Go Lang", "Über", "  Padded  "})})});
  EXPECT_EQ(l.messages(), Strings{});
  EXPECT_NE(l.by_url("/tags/go-lang/"), nullptr);
  EXPECT_NE(l.by_url("/tags/padded/"), nullptr);
  const PageLinks& uber = at_url(l, "/tags/%C3%BCber/");
  EXPECT_EQ(uber.output, "tags/über/index.html");
  EXPECT_EQ(uber.title, "Über");
}

TEST(TermSlugs, CAndCPlusPlusAndCSharpAreThreeTerms) {
  Linked l = link({shard({P("a.md").tags({"C", "C++", "C#"})})});
  EXPECT_EQ(l.messages(), Strings{});
  std::vector<std::string> slugs;
  for (const TermEntry& t : l.result.taxonomies.taxonomies.at(0).terms) slugs.push_back(t.slug);
  EXPECT_EQ(slugs, (Strings{"c", "c#", "c++"}));
  EXPECT_EQ(at_url(l, "/tags/c++/").output, "tags/c++/index.html");
  EXPECT_EQ(at_url(l, "/tags/c/").title, "C");
}

TEST(TermSlugs, HashInATermIsEscapedInItsUrl) {
  Linked l = link({shard({P("a.md").tags({"C#"})})});
  ASSERT_EQ(l.page("a.md").terms.size(), 1u);
  EXPECT_EQ(l.page("a.md").terms[0].url, "/tags/c%23/");
  EXPECT_EQ(l.page("a.md").terms[0].url.find('#'), std::string::npos);
}

TEST(TermSlugs, SpellingsOfOneSlugMergeUnderTheMostCommonOne) {
  Linked l = link({shard({P("a.md").tags({"JavaScript"}), P("b.md").tags({"javascript"}),
                          P("c.md").tags({"javascript"}), P("d.md").tags({"JAVASCRIPT", "javaScript"})})});
  EXPECT_EQ(l.urls_of_kind(kKindTerm), Strings{"/tags/javascript/"});
  const PageLinks& term = at_url(l, "/tags/javascript/");
  EXPECT_EQ(term.title, "javascript");
  EXPECT_EQ(term.children.size(), 4u) << "d.md counts once";
  EXPECT_EQ(l.result.taxonomies.taxonomies[0].terms[0].name, "javascript");
  EXPECT_EQ(l.result.taxonomies.taxonomies[0].terms[0].count, 4u);
}

TEST(TermSlugs, ATermWithoutLettersOrDigitsIsAnErrorAtTheTags) {
  Linked l = link({shard({P("a.md").tags({"!!!", "ok"}, {5, 7}), P("b.md").categories({"..."}, {2, 13})})});
  EXPECT_EQ(l.messages(),
            (Strings{"content/b.md:2:13: error: category '...' has no letter or digit to make its URL from",
                     "content/a.md:5:7: error: tag '!!!' has no letter or digit to make its URL from"}));
  EXPECT_NE(l.by_url("/tags/ok/"), nullptr);
}

// --- counts and order -------------------------------------------------------------------

TEST(TermPages, MembersAreOrderedByWeightThenNewestDateThenTitle) {
  Linked l = link({shard({P("s/old.md").title("Old").date("2023-01-01").tags({"t"}),
                          P("s/new.md").title("New").date("2024-01-01").tags({"t"}),
                          P("s/heavy.md").title("Heavy").weight(2).tags({"t"}),
                          P("s/light.md").title("Light").weight(1).tags({"t"}),
                          P("s/bee.md").title("Bee").tags({"t"}), P("s/ant.md").title("Ant").tags({"t"})})});
  EXPECT_EQ(titles(at_url(l, "/tags/t/").children), (Strings{"Light", "Heavy", "New", "Old", "Ant", "Bee"}));
  EXPECT_EQ(at_url(l, "/tags/t/").children[2].date, "2024-01-01");
}

TEST(TaxonomyPage, ListsItsTermsBySlugWithCounts) {
  Linked l = link({shard({P("a.md").tags({"zebra", "Apple"}), P("b.md").tags({"apple"}), P("c.md").tags({"mango"}),
                          P("d.md").tags({"Apple"})})});
  EXPECT_EQ(term_counts(at_url(l, "/tags/")), (Strings{"Apple 3", "mango 1", "zebra 1"}));
  EXPECT_EQ(at_url(l, "/tags/").children[0].url, "/tags/apple/");
  const TaxonomyEntry& tags = l.result.taxonomies.taxonomies.at(0);
  EXPECT_EQ(tags.name, "tags");
  EXPECT_EQ(tags.singular, "tag");
  EXPECT_EQ(tags.title, "Tags");
  EXPECT_EQ(tags.url, "/tags/");
  Strings rows;
  for (const TermEntry& t : tags.terms) rows.push_back(t.name + " " + t.slug + " " + t.url + " " + std::to_string(t.count));
  EXPECT_EQ(rows, (Strings{"Apple apple /tags/apple/ 3", "mango mango /tags/mango/ 1", "zebra zebra /tags/zebra/ 1"}));
}

TEST(TaxonomyPage, TaxonomiesAreSortedByName) {
  Linked l = link({shard({P("a.md").tags({"x"}).categories({"y"}).param("series", "z")})}, with_series());
  Strings names;
  for (const TaxonomyEntry& t : l.result.taxonomies.taxonomies) names.push_back(t.name);
  EXPECT_EQ(names, (Strings{"categories", "series", "tags"}));
}

TEST(PageTerms, ByTaxonomyThenAsWrittenWithTheirUrls) {
  Linked l = link({shard({P("a.md").tags({"Zeta", "alpha", "zeta"}).categories({"Dev"}), P("b.md").tags({"ZETA"})})});
  Strings terms;
  for (const TermRef& t : l.page("a.md").terms) terms.push_back(t.taxonomy + " " + t.name + " " + t.url);
  EXPECT_EQ(terms, (Strings{"categories Dev /categories/dev/", "tags Zeta /tags/zeta/", "tags alpha /tags/alpha/"}));
  ASSERT_EQ(l.page("b.md").terms.size(), 1u);
  EXPECT_EQ(l.page("b.md").terms[0].name, "ZETA") << "a page shows the term as it spells it";
}

// --- term shards ------------------------------------------------------------------------

TEST(TermShards, TermPagesAreSpreadByTheHashOfTheirPath) {
  LinkOptions o;
  o.term_shards = 4;
  Linked l = link({shard({P("a.md").tags({"go", "rust", "zig", "c"}).categories({"dev"})})}, config_with(), o);
  ASSERT_EQ(l.result.term_shards.size(), 4u);
  size_t placed = 0;
  for (uint32_t k = 0; k < 4; ++k)
    for (const PageLinks& p : l.result.term_shards[k].pages) {
      std::string path = p.url.substr(1, p.url.size() - 2);  // "/tags/go/" -> "tags/go"
      EXPECT_EQ(term_shard_of(path, 4), k) << p.url;
      ++placed;
    }
  EXPECT_EQ(placed, 7u);  // 2 taxonomy pages, 5 term pages
  for (const PageLinks& p : l.result.generated.pages) EXPECT_TRUE(p.kind == kKindHome || p.kind == kKindSection);
}

TEST(TermShards, ANewTermMovesNoOtherTermPage) {
  LinkOptions o;
  o.term_shards = 8;
  auto shard_of_url = [](const Linked& l) {
    std::map<std::string, size_t> out;
    for (size_t k = 0; k < l.result.term_shards.size(); ++k)
      for (const PageLinks& p : l.result.term_shards[k].pages) out[p.url] = k;
    return out;
  };
  auto before = shard_of_url(link({shard({P("a.md").tags({"go", "rust"}), P("b.md").tags({"zig"})})}, config_with(), o));
  auto after = shard_of_url(
      link({shard({P("a.md").tags({"go", "rust"}), P("b.md").tags({"zig", "new"}), P("c.md").tags({"odd"})})},
           config_with(), o));
  for (const auto& [url, k] : before) EXPECT_EQ(after.at(url), k) << url;
  EXPECT_EQ(term_shard_of("tags/go", 0), 0u);
}

TEST(TermShards, WithoutTermShardsTermPagesGoWithTheGeneratedPages) {
  Linked l = link({shard({P("a.md").tags({"go"})})});
  EXPECT_TRUE(l.result.term_shards.empty());
  Strings kinds;
  for (const PageLinks& p : l.result.generated.pages) kinds.push_back(p.kind);
  std::sort(kinds.begin(), kinds.end());
  EXPECT_EQ(kinds, (Strings{kKindHome, kKindTaxonomy, kKindTerm}));
}

// --- pages written for /tags/, and collisions -------------------------------------------

TEST(TaxonomyPage, ContentTagsIndexBecomesTheTaxonomyPageKeepingItsTitle) {
  Linked l = link({shard({P("tags/_index.md").title("All topics"), P("a.md").tags({"go"})})});
  EXPECT_EQ(l.messages(), Strings{});
  const PageLinks& tags = l.page("tags/_index.md");
  EXPECT_EQ(tags.kind, kKindTaxonomy);
  EXPECT_EQ(tags.url, "/tags/");
  EXPECT_EQ(tags.title, "All topics");
  EXPECT_EQ(term_counts(tags), Strings{"go 1"});
  EXPECT_EQ(l.result.taxonomies.taxonomies.at(0).title, "All topics");
  EXPECT_EQ(l.urls_of_kind(kKindTaxonomy), Strings{"/tags/"}) << "one page for /tags/";
  ASSERT_EQ(l.result.shards[0].pages.size(), 2u) << "it stays in its source shard, with its body";
}

TEST(TaxonomyPage, APageWithTheTaxonomysUrlIsADuplicateNamingBoth) {
  Linked l = link({shard({P("x.md").url("/tags/", {3, 6}), P("a.md").tags({"go"})})});
  ASSERT_EQ(l.diags.error_count(), 1u) << ::testing::PrintToString(l.messages());
  EXPECT_NE(l.messages()[0].find("duplicate URL '/tags/': content/x.md and the page of taxonomy 'tags' both publish it"),
            std::string::npos)
      << l.messages()[0];
}

TEST(TaxonomyPage, ADuplicateOfAGeneratedPageIsLocatedAtTheKeyThatCausedIt) {
  Linked l = link({shard({P("x.md").url("/tags/", {3, 6}), P("b.md").aliases({"/tags/go/"}, {2, 4}),
                          P("a.md").tags({"go"})})});
  EXPECT_EQ(l.messages(),
            (Strings{"content/x.md:3:6: error: duplicate URL '/tags/': content/x.md and the page of taxonomy 'tags' "
                     "both publish it",
                     "content/b.md:2:4: error: duplicate URL '/tags/go/': the alias '/tags/go/' of content/b.md and "
                     "the page of tag 'go' both publish it"}));
}

TEST(TermPage, APageWithATermsUrlIsADuplicateNamingBoth) {
  Linked l = link({shard({P("x.md").url("/tags/go/"), P("a.md").tags({"Go"})})});
  ASSERT_EQ(l.diags.error_count(), 1u) << ::testing::PrintToString(l.messages());
  EXPECT_NE(l.messages()[0].find("duplicate URL '/tags/go/': content/x.md and the page of tag 'Go' both publish it"),
            std::string::npos)
      << l.messages()[0];
}

TEST(SiteFile, CarriesPerPageForRender) {
  Config c = config_with();
  c.per_page = 7;
  EXPECT_EQ(link({}, c).result.site.per_page, 7u);
}

// --- related pages ----------------------------------------------------------------------

Strings related_titles(const Linked& l, const std::string& rel) { return titles(l.page(rel).related); }

TEST(Related, SharedTermsCountTheirTaxonomysWeight) {
  Config c = config_with();
  c.related_weights = {{"categories", 3}, {"tags", 1}};
  Linked l = link({shard({P("x.md").title("X").tags({"a", "b"}).categories({"c"}),
                          P("y.md").title("Y").tags({"a", "b"}), P("z.md").title("Z").categories({"c"}),
                          P("w.md").title("W").tags({"a"}), P("v.md").title("V").tags({"other"})})},
                  c);
  EXPECT_EQ(related_titles(l, "x.md"), (Strings{"Z", "Y", "W"}));
  EXPECT_EQ(related_titles(l, "v.md"), Strings{}) << "no shared term, no related page";
  EXPECT_EQ(l.page("x.md").related[0].url, "/z/");
}

TEST(Related, TiesGoToTheNewestThenByTitleThenByUrl) {
  Linked l = link({shard({P("s/x.md").title("X").tags({"t"}), P("s/a.md").title("Zed").date("2024-01-01").tags({"t"}),
                          P("s/b.md").title("Beta").date("2024-02-01").tags({"t"}),
                          P("s/c.md").title("Alpha").tags({"t"}),
                          P("s/d.md").title("Alpha").date("2024-01-01").tags({"t"}),
                          P("s/e.md").title("Alpha").url("/aa/").tags({"t"})})});
  Strings urls;
  for (const PageRef& r : l.page("s/x.md").related) urls.push_back(r.url);
  EXPECT_EQ(urls, (Strings{"/s/b/", "/s/d/", "/s/a/", "/aa/", "/s/c/"}));
}

TEST(Related, NewestMeansTheLaterInstantWhateverTheOffset) {
  Linked l = link({shard({P("x.md").title("X").tags({"t"}), P("a.md").title("A").date("2024-05-01T10:00:00+02:00").tags({"t"}),
                          P("b.md").title("B").date("2024-05-01T09:00:00Z").tags({"t"})})});
  EXPECT_EQ(related_titles(l, "x.md"), (Strings{"B", "A"}));
  EXPECT_EQ(titles(at_url(l, "/tags/t/").children), (Strings{"B", "A", "X"}));
}

TEST(Related, WeightZeroLeavesATaxonomyOut) {
  Config c = config_with();
  c.related_weights = {{"categories", 0}};
  Linked l = link({shard({P("x.md").tags({"a"}).categories({"c"}), P("y.md").categories({"c"}),
                          P("z.md").tags({"a"})})},
                  c);
  EXPECT_EQ(related_titles(l, "x.md"), Strings{"Z"});
  EXPECT_EQ(related_titles(l, "y.md"), Strings{});
}

TEST(Related, CountLimitsTheList) {
  Config c = config_with();
  c.related_count = 2;
  Linked l = link({shard({P("x.md").tags({"t"}), P("a.md").tags({"t"}), P("b.md").tags({"t"}), P("d.md").tags({"t"})})}, c);
  EXPECT_EQ(related_titles(l, "x.md"), (Strings{"A", "B"}));
}

TEST(Related, ListPagesAreNeverRelated) {
  Linked l = link({shard({P("s/_index.md").tags({"t"}), P("s/a.md").tags({"t"}), P("s/b.md").tags({"t"})})});
  EXPECT_EQ(related_titles(l, "s/a.md"), Strings{"B"});
  EXPECT_EQ(related_titles(l, "s/_index.md"), Strings{});
}

// related_pages with every page on one term: `rank` orders the posting list, `cap` cuts it.
std::vector<std::vector<uint32_t>> one_term(const std::vector<uint32_t>& rank, uint32_t count, uint32_t cap) {
  std::vector<std::vector<WeightedTerm>> terms(rank.size(), {WeightedTerm{0, 1}});
  return related_pages(terms, rank, 1, count, cap);
}

TEST(RelatedPages, ACappedScanReadsTheBestRankedPagesOfALongPostingList) {
  auto r = one_term({0, 1, 2, 3, 4, 5}, 5, 3);
  EXPECT_EQ(r[5], (std::vector<uint32_t>{0, 1, 2}));
  EXPECT_EQ(r[4], (std::vector<uint32_t>{0, 1, 2}));
  for (const auto& list : r) EXPECT_LE(list.size(), 3u);
}

TEST(RelatedPages, TheCappedResultDoesNotDependOnTheInputOrder) {
  const std::vector<uint32_t> rank = {4, 0, 5, 2, 1, 3, 6};
  auto r = one_term(rank, 4, 3);
  // The same pages in another order: page i of the first run is page perm[i] of the second.
  const std::vector<uint32_t> perm = {6, 2, 0, 5, 1, 4, 3};
  std::vector<uint32_t> rank2(rank.size());
  for (size_t i = 0; i < rank.size(); ++i) rank2[perm[i]] = rank[i];
  auto r2 = one_term(rank2, 4, 3);
  for (size_t i = 0; i < rank.size(); ++i) {
    std::vector<uint32_t> mapped;
    for (uint32_t other : r[i]) mapped.push_back(perm[other]);
    EXPECT_EQ(r2[perm[i]], mapped) << "page " << i;
  }
}

TEST(RelatedPages, ScoreFirstThenRankAndNoSelf) {
  // Page 0 has terms 0 and 1; page 1 shares both, pages 2 and 3 one each.
  std::vector<std::vector<WeightedTerm>> terms = {
      {{0, 1}, {1, 1}}, {{0, 1}, {1, 1}}, {{0, 1}}, {{1, 1}}, {}};
  auto r = related_pages(terms, {4, 3, 0, 1, 2}, 2, 10, 100);
  EXPECT_EQ(r[0], (std::vector<uint32_t>{1, 2, 3}));
  EXPECT_EQ(r[4], std::vector<uint32_t>{});
  EXPECT_EQ(related_pages(terms, {4, 3, 0, 1, 2}, 2, 0, 100)[0], std::vector<uint32_t>{}) << "count 0";
}

TEST(RelatedPages, TheThreadCountChangesNothing) {
  // 500 pages with 1-4 of 40 terms each, weights 1-3, a shuffled rank.
  std::vector<std::vector<WeightedTerm>> terms(500);
  std::vector<uint32_t> rank(500);
  uint32_t x = 12345;
  auto next = [&] { return x = x * 1103515245u + 12345u, (x >> 8) & 0xffff; };
  for (uint32_t p = 0; p < 500; ++p) {
    rank[p] = p;
    for (uint32_t k = 0, n = 1 + next() % 4; k < n; ++k) {
      uint32_t term = next() % 40;
      bool seen = false;
      for (const WeightedTerm& t : terms[p]) seen = seen || t.term == term;
      if (!seen) terms[p].push_back({term, static_cast<int64_t>(1 + next() % 3)});
    }
  }
  for (uint32_t p = 499; p > 0; --p) std::swap(rank[p], rank[next() % (p + 1)]);
  const auto one = related_pages(terms, rank, 40, 5, 50, 1);
  for (unsigned threads : {2u, 3u, 7u}) EXPECT_EQ(related_pages(terms, rank, 40, 5, 50, threads), one) << threads;
  size_t listed = 0;
  for (const auto& list : one) listed += list.size();
  EXPECT_GT(listed, 2000u);  // the input does relate pages
}

// --- [feeds] content = "full": the pages some feed carries --------------------------------

TEST(FeedPages, FullContentMarksEveryPageOfSomeFeedAndOnlyThose) {
  Config c = config_with("https://example.org/");
  c.feed_count = 1;
  c.feed_content = "full";
  std::vector<MetaShard> shards = {shard({P("blog/new.md").date("2024-02-01"), P("blog/old.md").date("2024-01-01").tags({"Go"}),
                                          P("blog/older.md").date("2022-01-01")}),
                                   shard({P("docs/x.md").date("2023-01-01")})};
  Linked l = link(shards, c);
  EXPECT_EQ(l.messages(), Strings{});
  EXPECT_TRUE(l.result.site.full_feeds);
  EXPECT_TRUE(l.page("blog/new.md").in_feed);   // home and blog feeds
  EXPECT_TRUE(l.page("blog/old.md").in_feed);   // only the feed of /tags/go/
  EXPECT_TRUE(l.page("docs/x.md").in_feed);     // the docs feed
  EXPECT_FALSE(l.page("blog/older.md").in_feed);  // too old for any feed of one entry
  for (const PageLinks* p : l.all()) {
    if (p->kind != kKindPage) EXPECT_FALSE(p->in_feed) << p->url;
  }
}

TEST(FeedPages, SummariesOrNoFeedsMarkNothing) {
  for (int variant = 0; variant < 3; ++variant) {
    Config c = config_with();
    if (variant > 0) c.feed_content = "full";
    if (variant == 1) c.feed_count = 0;
    if (variant == 2) c.rss = c.atom = false;
    Linked l = link({shard({P("blog/a.md").date("2024-01-01").tags({"Go"})})}, c);
    EXPECT_FALSE(l.result.site.full_feeds) << variant;
    EXPECT_FALSE(l.page("blog/a.md").in_feed) << variant;
  }
}

}  // namespace
}  // namespace bengal
