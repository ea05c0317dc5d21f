// bengal-index: absolute URLs and search.json, built from the page table and the intermediates
// (sitemap_test.cc, llms_test.cc and outputs_test.cc test the other files).
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

// --- search index -----------------------------------------------------------------------

struct SearchInput {
  PageTable table;
  std::vector<MetaShard> metas;
  std::vector<TextShard> texts;
};

SearchInput sample() {
  SearchInput in;
  in.table = table({entry("/"), entry("/a/", "a.md"), entry("/b/", "b.md"), entry("/s/", ""), entry("/s/c/", "s/c.md")});
  in.table.pages[1].section = "";
  in.table.pages[4].section = "s";
  PageMeta a;
  a.rel = "a.md";
  a.headings = {{1, "title", "Title", {}}, {2, "install", "Install <fast>", {}}};
  PageMeta c;
  c.rel = "s/c.md";
  MetaShard m1, m2;
  m1.pages = {a};
  m2.pages = {c};
  in.metas = {m1, m2};
  TextShard t1, t2;
  t1.pages = {{"a.md", "Alpha text"}};
  t2.pages = {{"s/c.md", "Sea \"quoted\" text"}};
  in.texts = {t2, t1};
  return in;
}

TEST(IndexSearch, OneEntryPerSourcePageInTableOrder) {
  SearchInput in = sample();
  std::string out = render_search_index(in.table, in.metas, in.texts);
  ASSERT_FALSE(out.empty());
  EXPECT_EQ(out.back(), '\n');
  nlohmann::json j = nlohmann::json::parse(out);
  ASSERT_TRUE(j.is_array());
  ASSERT_EQ(j.size(), 3u);  // generated pages (/ and /s/) have no entry
  EXPECT_EQ(j[0]["url"], "/a/");
  EXPECT_EQ(j[1]["url"], "/b/");
  EXPECT_EQ(j[2]["url"], "/s/c/");
  EXPECT_EQ(j[0]["title"], "T /a/");
  EXPECT_EQ(j[0]["section"], "");
  EXPECT_EQ(j[2]["section"], "s");
  EXPECT_EQ(j[0]["text"], "Alpha text");
  EXPECT_EQ(j[2]["text"], "Sea \"quoted\" text");
  EXPECT_EQ(j[1]["text"], "");  // no text record: empty, not missing
  ASSERT_EQ(j[0]["headings"].size(), 2u);
  EXPECT_EQ(j[0]["headings"][1]["id"], "install");
  EXPECT_EQ(j[0]["headings"][1]["text"], "Install <fast>");
  EXPECT_TRUE(j[1]["headings"].is_array());
  EXPECT_TRUE(j[1]["headings"].empty());
}

TEST(IndexSearch, KeysComeInAFixedOrder) {
  SearchInput in = sample();
  std::string out = render_search_index(in.table, in.metas, in.texts);
  size_t title = out.find("\"title\"");
  size_t url = out.find("\"url\"");
  size_t section = out.find("\"section\"");
  size_t headings = out.find("\"headings\"");
  size_t text = out.find("\"text\":\"Alpha");
  EXPECT_LT(title, url);
  EXPECT_LT(url, section);
  EXPECT_LT(section, headings);
  EXPECT_LT(headings, text);
}

TEST(IndexSearch, BytesDoNotDependOnShardOrder) {
  SearchInput in = sample();
  std::string one = render_search_index(in.table, in.metas, in.texts);
  std::reverse(in.metas.begin(), in.metas.end());
  std::reverse(in.texts.begin(), in.texts.end());
  EXPECT_EQ(render_search_index(in.table, in.metas, in.texts), one);
}

TEST(IndexSearch, InvalidUtf8IsReplacedNotFatal) {
  SearchInput in = sample();
  in.texts[1].pages[0].text = "bad \xff byte";
  std::string out;
  ASSERT_NO_THROW(out = render_search_index(in.table, in.metas, in.texts));
  nlohmann::json j = nlohmann::json::parse(out);
  EXPECT_EQ(j[0]["text"], "bad \xEF\xBF\xBD byte");
}

TEST(IndexSearch, EmptyTableIsAnEmptyArray) { EXPECT_EQ(render_search_index({}, {}, {}), "[]\n"); }

}  // namespace
}  // namespace bengal
