// bengal-index: absolute URLs and _redirects (search_test.cc, sitemap_test.cc, llms_test.cc
// and outputs_test.cc test the other files).
#include "index/index.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "index_test_util.h"

namespace bengal {
namespace {

using namespace bengal::testing;

// --- absolute_url -----------------------------------------------------------------------

TEST(IndexAbsoluteUrl, PrefixesTheOriginOfTheBaseUrl) {
  EXPECT_EQ(absolute_url(config_with("https://example.org/docs/"), "/docs/a/"), "https://example.org/docs/a/");
  EXPECT_EQ(absolute_url(config_with("https://example.org/"), "/a/"), "https://example.org/a/");
  EXPECT_EQ(absolute_url(config_with("https://example.org"), "/"), "https://example.org/");
  EXPECT_EQ(absolute_url(config_with("http://localhost:8080/x/"), "/x/feed.xml"), "http://localhost:8080/x/feed.xml");
}

TEST(IndexAbsoluteUrl, StaysRootRelativeWithoutAnOrigin) {
  EXPECT_EQ(absolute_url(config_with("/"), "/a/"), "/a/");
  EXPECT_EQ(absolute_url(config_with("/docs/"), "/docs/a/"), "/docs/a/");
}

// --- _redirects ---------------------------------------------------------------------------

TEST(IndexRedirects, OneLinePerAliasSortedAndEncoded) {
  PageTable t = table({entry("/a/", "a.md"), entry("/b c/", "b.md")});
  t.pages[0].aliases = {"/old/a/", "/older/"};
  t.pages[1].aliases = {"/0/"};
  EXPECT_EQ(render_redirects(t), "/0/ /b%20c/ 301\n/old/a/ /a/ 301\n/older/ /a/ 301\n");
  EXPECT_EQ(render_redirects(table({entry("/a/", "a.md")})), "");
}

}  // namespace
}  // namespace bengal
