#include "model/front_matter.h"

#include <gtest/gtest.h>

namespace bengal {
namespace {

TEST(NormalizeDate, AcceptsIsoForms) {
  EXPECT_EQ(normalize_date("2024-05-01"), "2024-05-01");
  EXPECT_EQ(normalize_date("2024-05-01T10:00:00Z"), "2024-05-01T10:00:00Z");
  EXPECT_EQ(normalize_date("2024-05-01t10:00:00z"), "2024-05-01T10:00:00Z");
  EXPECT_EQ(normalize_date("2024-05-01T10:00:00+02:00"), "2024-05-01T10:00:00+02:00");
  EXPECT_EQ(normalize_date("2024-05-01T10:00:00-07:30"), "2024-05-01T10:00:00-07:30");
  EXPECT_EQ(normalize_date("2024-05-01 10:00:00"), "2024-05-01T10:00:00Z");
  EXPECT_EQ(normalize_date("2024-05-01T10:00"), "2024-05-01T10:00:00Z");
  EXPECT_EQ(normalize_date("2024-05-01T10:00:00.999999+0200"), "2024-05-01T10:00:00+02:00");
  EXPECT_EQ(normalize_date("2024-05-01T10:00:00+02"), "2024-05-01T10:00:00+02:00");
  EXPECT_EQ(normalize_date("2024-05-01T10:00:00+00:00"), "2024-05-01T10:00:00Z");
  EXPECT_EQ(normalize_date("2024-05-01T10:00:00-00:00"), "2024-05-01T10:00:00Z");
  EXPECT_EQ(normalize_date("  2024-05-01 \n"), "2024-05-01");
  EXPECT_EQ(normalize_date("2024-02-29"), "2024-02-29");
  EXPECT_EQ(normalize_date("2000-02-29"), "2000-02-29");
}

TEST(NormalizeDate, RejectsEverythingElse) {
  for (const char* bad : {"", "2024", "2024-5-1", "2024/05/01", "01-05-2024", "2024-13-01", "2024-00-10",
                          "2024-04-31", "2023-02-29", "1900-02-29", "0000-01-01", "2024-05-01T", "2024-05-01T25:00:00",
                          "2024-05-01T10:60:00", "2024-05-01T10:00:61", "2024-05-01T10:00:00.", "2024-05-01T10",
                          "2024-05-01T10:00:00+24:00", "2024-05-01T10:00:00+02:60", "2024-05-01T10:00:00+2",
                          "2024-05-01T10:00:00Zjunk", "2024-05-01x", "May 1, 2024", "2024-05-01T10:00:00 +02:00"}) {
    EXPECT_EQ(normalize_date(bad), std::nullopt) << bad;
  }
}

TEST(SitePath, AcceptsSafePaths) {
  EXPECT_EQ(site_path_problem("/", true), "");
  EXPECT_EQ(site_path_problem("/a/b/", true), "");
  EXPECT_EQ(site_path_problem("/a.b/..c/d../", true), "");
  EXPECT_EQ(site_path_problem("/ünïcode/ space/", true), "");
  EXPECT_EQ(site_path_problem("relative/ok", false), "");
}

TEST(SitePath, RejectsEscapes) {
  EXPECT_EQ(site_path_problem("a/b/", true), "must start with '/'");
  EXPECT_EQ(site_path_problem("", true), "must start with '/'");
  EXPECT_EQ(site_path_problem("http://x.org/", true), "must start with '/'");
  EXPECT_EQ(site_path_problem("http://x.org/", false), "must not contain '//'");
  EXPECT_EQ(site_path_problem("//x.org/", true), "must not contain '//'");
  EXPECT_EQ(site_path_problem("/a//b", true), "must not contain '//'");
  EXPECT_EQ(site_path_problem("/..", true), "must not contain '..' segments");
  EXPECT_EQ(site_path_problem("/a/../b/", true), "must not contain '..' segments");
  EXPECT_EQ(site_path_problem("..", false), "must not contain '..' segments");
  EXPECT_EQ(site_path_problem("/a/..", true), "must not contain '..' segments");
  EXPECT_EQ(site_path_problem("/a\\..\\b", true), "must not contain a backslash");
  EXPECT_EQ(site_path_problem("/a\nb/", true), "must not contain control characters");
  EXPECT_EQ(site_path_problem(std::string_view("/a\0b/", 5), true), "must not contain control characters");
  EXPECT_EQ(site_path_problem("/a\x7f/", true), "must not contain control characters");
}

TEST(Slug, OneSegmentOnly) {
  EXPECT_EQ(slug_problem("hello-world"), "");
  EXPECT_EQ(slug_problem("v1.2"), "");
  EXPECT_EQ(slug_problem("..."), "");
  EXPECT_EQ(slug_problem("a/b"), "must not contain '/'");
  EXPECT_EQ(slug_problem("/"), "must not contain '/'");
  EXPECT_EQ(slug_problem("a\\b"), "must not contain a backslash");
  EXPECT_EQ(slug_problem("."), "must not be '.' or '..'");
  EXPECT_EQ(slug_problem(".."), "must not be '.' or '..'");
  EXPECT_EQ(slug_problem("a\tb"), "must not contain control characters");
}

TEST(TrailingSlash, AddedToFoldersOnly) {
  EXPECT_EQ(with_trailing_slash("/a/b"), "/a/b/");
  EXPECT_EQ(with_trailing_slash("/a/b/"), "/a/b/");
  EXPECT_EQ(with_trailing_slash("/"), "/");
  EXPECT_EQ(with_trailing_slash("/feed.xml"), "/feed.xml");
  EXPECT_EQ(with_trailing_slash("/docs/index.html"), "/docs/index.html");
  EXPECT_EQ(with_trailing_slash("/v1.2/x"), "/v1.2/x/");
  EXPECT_EQ(with_trailing_slash("/.well-known"), "/.well-known/");
  EXPECT_EQ(with_trailing_slash("/name."), "/name./");
  EXPECT_EQ(with_trailing_slash("old"), "old/");
}

}  // namespace
}  // namespace bengal

// --- publishdate, expirydate, id; cascades; unix_time_of ---------------------------------

namespace bengal {
namespace {

using Strings = std::vector<std::string>;
using nlohmann::json;

struct Applied {
  FrontMatter front;
  Strings messages;
};

Applied apply(const FrontMatterEntries& entries) {
  Applied a;
  Diagnostics diags;
  apply_front_matter_entries(entries, "content/a.md", a.front, diags);
  for (const Diagnostic& d : diags.items()) a.messages.push_back(format_diagnostic(d, "bengal-scan"));
  return a;
}

std::string pos_of(const FrontMatter& f, const std::string& key) {
  auto it = f.positions.find(key);
  return it == f.positions.end() ? "none" : std::to_string(it->second.line) + ":" + std::to_string(it->second.col);
}

TEST(FrontMatterFields, CamelCaseDatesFillTheLowerCaseFieldsAndPositions) {
  Applied a = apply({{"publishDate", "2024-05-01", "", {3, 14}}, {"expiryDate", "2025-01-01 10:00+02:00", "", {4, 13}}});
  EXPECT_EQ(a.messages, Strings{});
  EXPECT_EQ(a.front.publishdate, "2024-05-01");
  EXPECT_EQ(a.front.expirydate, "2025-01-01T10:00:00+02:00");
  EXPECT_EQ(pos_of(a.front, "publishdate"), "3:14");
  EXPECT_EQ(pos_of(a.front, "expirydate"), "4:13");
  EXPECT_EQ(pos_of(a.front, "publishDate"), "none");
  EXPECT_TRUE(a.front.params.empty()) << a.front.params.dump();
}

TEST(FrontMatterFields, LowerCaseDateSpellingsToo) {
  Applied a = apply({{"publishdate", "2024-05-01T08:00:00Z", "", {1, 1}}, {"expirydate", "2024-06-01", "", {2, 1}}});
  EXPECT_EQ(a.front.publishdate, "2024-05-01T08:00:00Z");
  EXPECT_EQ(a.front.expirydate, "2024-06-01");
}

TEST(FrontMatterFields, BothSpellingsOfOneFieldAreADuplicateKey) {
  Applied a = apply({{"publishDate", "2024-05-01", "", {2, 14}}, {"publishdate", "2024-06-01", "", {3, 14}}});
  EXPECT_EQ(a.front.publishdate, "2024-06-01");
  EXPECT_EQ(a.messages, Strings{"content/a.md:3:14: warning: duplicate key 'publishdate' (the last one is used)"});
}

TEST(FrontMatterFields, BadDatesAreErrorsAtTheValueNamingTheKeyAsWritten) {
  Applied a = apply({{"publishDate", "soon", "", {2, 14}}, {"expirydate", true, "", {3, 13}}});
  EXPECT_EQ(a.messages,
            (Strings{"content/a.md:2:14: error: 'publishDate' is not a valid date: 'soon' (expected YYYY-MM-DD or "
                     "YYYY-MM-DDTHH:MM:SS, optionally followed by Z or +HH:MM)",
                     "content/a.md:3:13: error: 'expirydate' must be a date (expected YYYY-MM-DD or "
                     "YYYY-MM-DDTHH:MM:SS, optionally followed by Z or +HH:MM)"}));
  EXPECT_EQ(a.front.publishdate, "");
}

TEST(FrontMatterFields, IdIsAString) {
  EXPECT_EQ(apply({{"id", "install", "", {1, 5}}}).front.id, "install");
  EXPECT_EQ(apply({{"id", 42, "", {1, 5}}}).front.id, "42");
  Applied bad = apply({{"id", json::array({"a"}), "", {1, 5}}});
  EXPECT_EQ(bad.messages, Strings{"content/a.md:1:5: error: 'id' must be a string"});
  EXPECT_EQ(bad.front.id, "");
  EXPECT_FALSE(apply({{"id", "x", "", {1, 5}}}).front.params.contains("id"));
}

// A page that writes `title`, and has the param `size`.
FrontMatter own_page() {
  FrontMatter f;
  f.title = "Own";
  f.positions["title"] = {2, 8};
  f.params["size"] = "S";
  f.positions["size"] = {3, 7};
  return f;
}

TEST(CollectCascade, SkipsWhatThePageSetsAndWhatANearerCascadeGave) {
  json into = {{"layout", "near"}};
  collect_cascade(own_page(), {{"title", "Far"}, {"layout", "far"}, {"weight", 2}, {"size", "L"}}, into);
  EXPECT_EQ(into, (json{{"layout", "near"}, {"weight", 2}}));
}

TEST(CollectCascade, ParamsMergeKeyByKey) {
  json into = json::object();
  collect_cascade(own_page(), {{"params", {{"size", "L"}, {"hue", "blue"}}}}, into);
  collect_cascade(own_page(), {{"params", {{"hue", "red"}, {"font", "serif"}}}}, into);
  EXPECT_EQ(into, (json{{"params", {{"hue", "blue"}, {"font", "serif"}}}}));
}

TEST(CollectCascade, LeavesOutTheTargetKeysAndNamesCamelCaseFieldsInLowerCase) {
  json into = json::object();
  collect_cascade(FrontMatter{}, {{"_target", {{"path", "/a/**"}}}, {"target", {}}, {"cascade", {}},
                                  {"expiryDate", "2020-01-01"}, {"color", "red"}},
                  into);
  EXPECT_EQ(into, (json{{"expirydate", "2020-01-01"}, {"color", "red"}}));
  FrontMatter expiring;
  expiring.positions["expirydate"] = {1, 1};
  json none = json::object();
  collect_cascade(expiring, {{"expiryDate", "2020-01-01"}}, none);
  EXPECT_EQ(none, json::object());
}

TEST(ApplyCascade, SetsTypedFieldsAndParamsButThePagesOwnParamsWin) {
  FrontMatter f = own_page();
  apply_cascade(f, {{"layout", "wide"}, {"weight", 3}, {"tags", {"a", "b"}}, {"draft", true},
                    {"date", "2024-01-01 10:00"}, {"color", "red"}, {"params", {{"size", "L"}, {"hue", "blue"}}}});
  EXPECT_EQ(f.title, "Own");
  EXPECT_EQ(f.layout, "wide");
  EXPECT_EQ(f.weight, 3);
  EXPECT_EQ(f.tags, (Strings{"a", "b"}));
  EXPECT_TRUE(f.draft);
  EXPECT_EQ(f.date, "2024-01-01T10:00:00Z");
  EXPECT_EQ(f.params, (json{{"size", "S"}, {"color", "red"}, {"hue", "blue"}}));
  EXPECT_EQ(f.positions.size(), 2u) << "cascaded keys were not written on the page";
}

TEST(ApplyCascade, AnEmptyCascadeChangesNothing) {
  FrontMatter f = own_page();
  apply_cascade(f, json::object());
  EXPECT_EQ(f.title, "Own");
  EXPECT_EQ(f.params, (json{{"size", "S"}}));
}

TEST(UnixTimeOf, DatesAreMidnightUtc) {
  EXPECT_EQ(unix_time_of("1970-01-01"), 0);
  EXPECT_EQ(unix_time_of("2024-05-01"), 1714521600);
  EXPECT_EQ(unix_time_of("1969-12-31"), -86400);
  EXPECT_EQ(unix_time_of("2100-03-01"), 4107542400);
}

TEST(UnixTimeOf, TimesAndOffsets) {
  EXPECT_EQ(unix_time_of("2024-05-01T10:00:00Z"), 1714521600 + 36000);
  EXPECT_EQ(unix_time_of("2024-05-01T10:00:00+02:00"), 1714521600 + 28800);
  EXPECT_EQ(unix_time_of("2024-05-01T10:00:00-07:30"), 1714521600 + 63000);
  EXPECT_EQ(unix_time_of("2024-05-01T00:30:15+01:00"), 1714521600 - 3600 + 1815);
}

TEST(UnixTimeOf, LeapYears) {
  const int64_t day = 86400;
  EXPECT_EQ(unix_time_of("2024-03-01") - unix_time_of("2024-02-28"), 2 * day);
  EXPECT_EQ(unix_time_of("2023-03-01") - unix_time_of("2023-02-28"), day);
  EXPECT_EQ(unix_time_of("2000-03-01") - unix_time_of("2000-02-28"), 2 * day);
  EXPECT_EQ(unix_time_of("1900-03-01") - unix_time_of("1900-02-28"), day);
  EXPECT_EQ(unix_time_of("2100-03-01") - unix_time_of("2100-02-28"), day);
  EXPECT_EQ(unix_time_of("2025-01-01") - unix_time_of("2024-01-01"), 366 * day);
  EXPECT_EQ(unix_time_of("2024-02-29"), 1709164800);
}

TEST(UnixTimeOf, AgreesWithTheOrderOfNormalizedDates) {
  // Later in time, though earlier as text: the offset counts.
  EXPECT_GT(unix_time_of("2024-05-01T09:00:00-03:00"), unix_time_of("2024-05-01T10:00:00Z"));
  EXPECT_EQ(unix_time_of(*normalize_date("2024-05-01 12:00+0200")), unix_time_of("2024-05-01T10:00:00Z"));
}

}  // namespace
}  // namespace bengal
