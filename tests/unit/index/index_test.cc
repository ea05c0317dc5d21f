// bengal-index: sitemap.xml and search.json, built from the page table and the intermediates.
#include "index/index.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace bengal {
namespace {

Config config_with(const std::string& baseurl) {
  Config c;
  c.baseurl = baseurl;
  return c;
}

PageTableEntry entry(const std::string& url, const std::string& rel = "", const std::string& date = "",
                     const std::string& lastmod = "") {
  PageTableEntry e;
  e.url = url;
  e.rel = rel;
  e.source = rel.empty() ? "" : "content/" + rel;
  e.kind = rel.empty() ? kKindSection : kKindPage;
  e.title = "T " + url;
  e.date = date;
  e.lastmod = lastmod;
  return e;
}

PageTable table(std::vector<PageTableEntry> entries) {
  PageTable t;
  t.pages = std::move(entries);
  return t;
}

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

// --- sitemap ----------------------------------------------------------------------------

TEST(IndexSitemap, ListsEveryPageWithAbsoluteUrlsAndLastmod) {
  std::string xml = render_sitemap(config_with("https://example.org/docs/"),
                                   table({entry("/docs/"), entry("/docs/a/", "a.md", "2024-05-01"),
                                          entry("/docs/b/", "b.md", "2024-05-01", "2024-06-02T10:00:00Z")}));
  EXPECT_EQ(xml,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
            "  <url>\n    <loc>https://example.org/docs/</loc>\n  </url>\n"
            "  <url>\n    <loc>https://example.org/docs/a/</loc>\n    <lastmod>2024-05-01</lastmod>\n  </url>\n"
            "  <url>\n    <loc>https://example.org/docs/b/</loc>\n    <lastmod>2024-06-02T10:00:00Z</lastmod>\n"
            "  </url>\n"
            "</urlset>\n");
}

TEST(IndexSitemap, EscapesUrls) {
  std::string xml = render_sitemap(config_with("https://example.org/"), table({entry("/a&b/<c>/'\"/")}));
  // '<', '>' and '"' are not URL characters: percent-encoded; '&' and '\'' are: XML-escaped.
  EXPECT_NE(xml.find("<loc>https://example.org/a&amp;b/%3Cc%3E/&apos;%22/</loc>"), std::string::npos) << xml;
  EXPECT_EQ(xml.find("a&b"), std::string::npos);
}

TEST(IndexSitemap, LocationsArePercentEncoded) {
  std::string xml = render_sitemap(config_with("https://example.org/"), table({entry("/my page/caf\xC3\xA9/")}));
  EXPECT_NE(xml.find("<loc>https://example.org/my%20page/caf%C3%A9/</loc>"), std::string::npos) << xml;
}

TEST(IndexSitemap, RootRelativeWithoutAnOrigin) {
  std::string xml = render_sitemap(config_with("/"), table({entry("/"), entry("/x/", "x.md")}));
  EXPECT_NE(xml.find("<loc>/</loc>"), std::string::npos) << xml;
  EXPECT_NE(xml.find("<loc>/x/</loc>"), std::string::npos) << xml;
}

TEST(IndexSitemap, EmptyTableIsAnEmptyUrlset) {
  EXPECT_EQ(render_sitemap(config_with("/"), {}),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
            "</urlset>\n");
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
