// Cascades: the path glob of `_target`, the rules of class Cascades (nearest ancestor wins, a
// page's own keys win, params merge key by key, targets, bad shapes), and what a cascade does
// once linked (drafts, terms, the section page itself).
#include "link/cascade.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <initializer_list>
#include <string>
#include <vector>

#include "link_test_util.h"

namespace bengal {
namespace {

using namespace bengal::testing;
using nlohmann::json;

// --- glob_match -------------------------------------------------------------------------

// Each case: a pattern, a path, and whether the one matches the other.
struct Glob {
  const char* pattern;
  const char* path;
  bool matches;
};

void expect_globs(std::initializer_list<Glob> cases) {
  for (const Glob& g : cases) EXPECT_EQ(glob_match(g.pattern, g.path), g.matches) << g.pattern << " ~ " << g.path;
}

TEST(GlobMatch, StarStaysWithinOneSegment) {
  expect_globs({
      {"/blog/*", "/blog/first-post", true},
      {"/blog/*-post", "/blog/first-post", true},
      {"/*/intro", "/docs/intro", true},
      {"/blog/*", "/blog/2024/post", false},
      {"/*", "/a/b", false},
      {"/blog/*", "/docs/x", false},
  });
}

TEST(GlobMatch, QuestionMarkIsOneCharacterButNeverASlash) {
  expect_globs({
      {"/v?/notes", "/v1/notes", true},
      {"/v?/notes", "/v10/notes", false},
      {"/a?b", "/a/b", false},
      {"/v?", "/v", false},
  });
}

TEST(GlobMatch, GlobstarCrossesSegments) {
  expect_globs({
      {"/blog/**", "/blog/a", true},
      {"/blog/**", "/blog/2024/05/post", true},
      {"**", "/anything/at/all", true},
      {"/**/intro", "/docs/guide/intro", true},
      {"/blog/**", "/docs/a", false},
      {"/blog/**", "/blog", false},  // the section itself is not below itself
  });
}

TEST(GlobMatch, GlobstarSlashAlsoMatchesNoSegmentAtAll) {
  expect_globs({
      {"a/**/b", "a/b", true},
      {"a/**/b", "a/x/b", true},
      {"a/**/b", "a/x/y/b", true},
      {"/docs/**/*.md", "/docs/a.md", true},
  });
}

TEST(GlobMatch, GlobstarSlashMatchesWholeSegmentsOnly) {
  expect_globs({
      {"a/**/b", "a/xb", false},
      {"/blog/**/intro", "/blog/myintro", false},
  });
}

TEST(GlobMatch, EmptyPatternMatchesOnlyTheEmptyPath) {
  expect_globs({
      {"", "", true},
      {"", "/a", false},
      {"*", "", true},
  });
}

// --- class Cascades ---------------------------------------------------------------------

// A section page with a cascade written at line 2, column 1.
PageMeta section_page(const std::string& rel, json cascade) { return P(rel).cascade(std::move(cascade), {2, 1}); }

Strings messages(const Diagnostics& diags) {
  Strings out;
  for (const Diagnostic& d : diags.items()) out.push_back(format_diagnostic(d, "bengal-link"));
  return out;
}

// The keys the cascades give a page with front matter `own`.
json cascaded(const Cascades& c, const std::string& section, const std::string& path, const std::string& kind = "page",
              const FrontMatter& own = {}) {
  return c.for_page(own, section, path, kind);
}

TEST(Cascades, NearestAncestorWinsKeyByKey) {
  Diagnostics diags;
  Cascades c;
  c.add("", section_page("_index.md", {{"layout", "plain"}, {"color", "red"}}), diags);
  c.add("blog", section_page("blog/_index.md", {{"color", "blue"}}), diags);
  EXPECT_EQ(messages(diags), Strings{});
  EXPECT_EQ(cascaded(c, "blog", "/blog/a"), (json{{"layout", "plain"}, {"color", "blue"}}));
  EXPECT_EQ(cascaded(c, "blog/2024", "/blog/2024/a"), (json{{"layout", "plain"}, {"color", "blue"}}));
  EXPECT_EQ(cascaded(c, "docs", "/docs/a"), (json{{"layout", "plain"}, {"color", "red"}}));
}

TEST(Cascades, ThePagesOwnKeysWin) {
  Diagnostics diags;
  Cascades c;
  c.add("blog", section_page("blog/_index.md", {{"layout", "post"}, {"color", "blue"}, {"weight", 3}}), diags);
  PageMeta own = P("blog/a.md").layout("mine").param("color", "green");
  EXPECT_EQ(cascaded(c, "blog", "/blog/a", "page", own.front), (json{{"weight", 3}}));
}

TEST(Cascades, CamelCaseKeysNameTheLowerCaseField) {
  Diagnostics diags;
  Cascades c;
  c.add("", section_page("_index.md", {{"publishDate", "2020-01-01"}}), diags);
  c.add("blog", section_page("blog/_index.md", {{"publishdate", "2021-01-01"}}), diags);
  EXPECT_EQ(cascaded(c, "blog", "/blog/a"), (json{{"publishdate", "2021-01-01"}}));
  PageMeta own = P("blog/a.md").publishdate("2019-01-01");
  EXPECT_EQ(cascaded(c, "blog", "/blog/a", "page", own.front), json::object());
}

TEST(Cascades, ParamsMergeKeyByKey) {
  Diagnostics diags;
  Cascades c;
  c.add("", section_page("_index.md", {{"params", {{"a", 1}, {"b", 1}, {"c", 1}}}}), diags);
  c.add("blog", section_page("blog/_index.md", {{"params", {{"a", 2}}}}), diags);
  PageMeta own = P("blog/x.md").param("c", 3);
  EXPECT_EQ(cascaded(c, "blog", "/blog/x", "page", own.front), (json{{"params", {{"a", 2}, {"b", 1}}}}));
}

TEST(Cascades, ListOfMapsWithTargetPathAndKind) {
  Diagnostics diags;
  Cascades c;
  c.add("", section_page("_index.md", json::array({{{"_target", {{"path", "/blog/**"}}}, {"layout", "post"}},
                                                   {{"_target", {{"kind", "section"}}}, {"layout", "list"}},
                                                   {{"color", "grey"}}})),
        diags);
  EXPECT_EQ(messages(diags), Strings{});
  EXPECT_EQ(cascaded(c, "blog", "/blog/a"), (json{{"layout", "post"}, {"color", "grey"}}));
  EXPECT_EQ(cascaded(c, "blog", "/blog/sub", "section"), (json{{"layout", "post"}, {"color", "grey"}}));
  EXPECT_EQ(cascaded(c, "docs", "/docs/sub", "section"), (json{{"layout", "list"}, {"color", "grey"}}));
  EXPECT_EQ(cascaded(c, "docs", "/docs/a"), (json{{"color", "grey"}}));
}

TEST(Cascades, TargetIsAlsoSpelledWithoutTheUnderscore) {
  Diagnostics diags;
  Cascades c;
  c.add("", section_page("_index.md", {{"target", {{"path", "/docs/*"}, {"kind", "page"}}}, {"layout", "doc"}}),
        diags);
  EXPECT_EQ(messages(diags), Strings{});
  EXPECT_EQ(cascaded(c, "docs", "/docs/a"), (json{{"layout", "doc"}}));
  EXPECT_EQ(cascaded(c, "docs", "/docs/sub", "section"), json::object());
  EXPECT_EQ(cascaded(c, "blog", "/blog/a"), json::object());
}

TEST(Cascades, BadShapesAreErrorsAtTheCascadeKey) {
  Diagnostics diags;
  Cascades c;
  c.add("a", section_page("a/_index.md", 42), diags);
  c.add("b", section_page("b/_index.md", json::array({{{"x", 1}}, "oops"})), diags);
  c.add("c", section_page("c/_index.md", {{"_target", "/c/**"}}), diags);
  c.add("d", section_page("d/_index.md", {{"_target", {{"path", 3}}}}), diags);
  c.add("e", section_page("e/_index.md", {{"_target", {{"lang", "en"}}}}), diags);
  EXPECT_EQ(messages(diags),
            (Strings{"content/a/_index.md:2:1: error: 'cascade' must be a map, or a list of maps",
                     "content/b/_index.md:2:1: error: 'cascade' must be a map, or a list of maps",
                     "content/c/_index.md:2:1: error: a cascade's '_target' must be a map with 'path' and/or 'kind'",
                     "content/d/_index.md:2:1: error: cascade '_target.path' must be a string",
                     "content/e/_index.md:2:1: warning: cascade '_target.lang' is not supported (only 'path' and "
                     "'kind' are)"}));
}

TEST(Cascades, ValuesAreCheckedAsFrontMatter) {
  Diagnostics diags;
  Cascades c;
  c.add("blog", section_page("blog/_index.md", {{"weight", "x"}, {"draft", "yes"}, {"date", "tomorrow"}}), diags);
  Strings m = messages(diags);
  std::sort(m.begin(), m.end());
  EXPECT_EQ(m, (Strings{"content/blog/_index.md:2:1: error: 'date' is not a valid date: 'tomorrow' (expected "
                        "YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS, optionally followed by Z or +HH:MM)",
                        "content/blog/_index.md:2:1: error: 'draft' must be true or false",
                        "content/blog/_index.md:2:1: error: 'weight' must be an integer"}));
}

TEST(Cascades, NoCascadeKeyOrANullOneAddsNothing) {
  Diagnostics diags;
  Cascades c;
  c.add("", P("_index.md"), diags);
  c.add("blog", P("blog/_index.md").cascade(nullptr), diags);
  EXPECT_TRUE(c.empty());
  EXPECT_EQ(cascaded(c, "blog", "/blog/a"), json::object());
}

// --- cascades once linked ---------------------------------------------------------------

TEST(LinkCascade, TheSectionPageItselfIsNotAffectedByItsOwnCascade) {
  Linked l = link({shard({P("blog/_index.md").cascade({{"layout", "post"}, {"params", {{"hue", 1}}}}),
                          P("blog/a.md"), P("blog/sub/_index.md"), P("blog/sub/b.md")})});
  EXPECT_EQ(l.messages(), Strings{});
  EXPECT_EQ(l.page("blog/_index.md").cascade, json::object());
  json expected = {{"layout", "post"}, {"params", {{"hue", 1}}}};
  EXPECT_EQ(l.page("blog/a.md").cascade, expected);
  EXPECT_EQ(l.page("blog/sub/_index.md").cascade, expected) << "a subsection's page is a descendant";
  EXPECT_EQ(l.page("blog/sub/b.md").cascade, expected);
}

TEST(LinkCascade, HomeCascadeReachesEveryPageButHome) {
  Linked l = link({shard({P("_index.md").cascade({{"description", "Shared"}}), P("about.md"), P("docs/x.md")})});
  EXPECT_EQ(l.page("_index.md").cascade, json::object());
  EXPECT_EQ(l.page("about.md").cascade, (json{{"description", "Shared"}}));
  EXPECT_EQ(l.page("docs/x.md").cascade, (json{{"description", "Shared"}}));
  EXPECT_EQ(l.section("docs").children.size(), 1u);
  EXPECT_EQ(l.section("docs").children[0].summary, "Shared") << "listings see the cascaded description";
}

TEST(LinkCascade, PutsNoPageInAMenu) {
  // bengal-link applies cascades to the front matter in place; menus still come from what
  // each page wrote itself, with its own weight.
  Linked l = link({shard({P("blog/_index.md").cascade({{"menu", "main"}, {"weight", 7}}), P("blog/a.md"),
                          P("blog/b.md").param("menu", "main").weight(2)})});
  EXPECT_EQ(l.messages(), Strings{});
  EXPECT_EQ(l.page("blog/a.md").cascade, (json{{"menu", "main"}, {"weight", 7}}));
  ASSERT_EQ(l.result.site.menus.at("main").size(), 1u);
  EXPECT_EQ(l.result.site.menus.at("main")[0].url, "/blog/b/");
  EXPECT_EQ(l.result.site.menus.at("main")[0].weight, 2);
}

TEST(LinkCascade, DraftExcludesEveryDescendant) {
  std::vector<MetaShard> in = {shard({P("blog/_index.md").cascade({{"draft", true}}), P("blog/a.md"),
                                      P("blog/sub/b.md"), P("docs/c.md").wiki("blog/a", 3, 4)})};
  Linked l = link(in);
  EXPECT_TRUE(l.has_page("blog/_index.md"));
  EXPECT_FALSE(l.has_page("blog/a.md"));
  EXPECT_FALSE(l.has_page("blog/sub/b.md"));
  EXPECT_EQ(l.messages(), Strings{"content/docs/c.md:3:4: error: broken reference 'blog/a': content/blog/a.md is a "
                                  "draft (build with --drafts to publish drafts)"});
  LinkOptions drafts;
  drafts.drafts = true;
  Linked with = link(in, config_with(), drafts);
  EXPECT_EQ(with.messages(), Strings{});
  EXPECT_TRUE(with.has_page("blog/a.md"));
  EXPECT_TRUE(with.has_page("blog/sub/b.md"));
}

TEST(LinkCascade, OwnDraftFalseWinsOverACascadedDraft) {
  PageMeta keep = P("blog/keep.md").at("draft", {});  // `draft: false` written on the page
  Linked l = link({shard({P("blog/_index.md").cascade({{"draft", true}}), keep, P("blog/gone.md")})});
  EXPECT_TRUE(l.has_page("blog/keep.md"));
  EXPECT_FALSE(l.has_page("blog/gone.md"));
}

TEST(LinkCascade, TagsFromACascadeMakeTerms) {
  Linked l = link({shard({P("blog/_index.md").cascade({{"tags", {"news"}}}), P("blog/a.md").title("A"),
                          P("blog/b.md").title("B").tags({"own"}), P("docs/c.md")})});
  EXPECT_EQ(l.messages(), Strings{});
  const PageLinks* news = l.by_url("/tags/news/");
  ASSERT_NE(news, nullptr);
  EXPECT_EQ(titles(news->children), Strings{"A"}) << "B sets its own tags";
  ASSERT_NE(l.by_url("/tags/own/"), nullptr);
  EXPECT_EQ(titles(l.by_url("/tags/own/")->children), Strings{"B"});
  ASSERT_EQ(l.page("blog/a.md").terms.size(), 1u);
  EXPECT_EQ(l.page("blog/a.md").terms[0].url, "/tags/news/");
}

TEST(LinkCascade, WeightFromACascadeOrdersTheSection) {
  Linked l = link({shard({P("s/_index.md").cascade(json::array({{{"_target", {{"path", "/s/b"}}}, {"weight", 1}}})),
                          P("s/a.md"), P("s/b.md")})});
  EXPECT_EQ(l.messages(), Strings{});
  EXPECT_EQ(titles(l.section("s").children), (Strings{"B", "A"}));
}

TEST(LinkCascade, ABadCascadeIsReportedWhenLinking) {
  Linked l = link({shard({P("blog/_index.md").cascade({{"weight", "heavy"}}, {4, 10}), P("blog/a.md")})});
  EXPECT_EQ(l.messages(), Strings{"content/blog/_index.md:4:10: error: 'weight' must be an integer"});
}

}  // namespace
}  // namespace bengal
