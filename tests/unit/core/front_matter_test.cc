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
