// sitemap.xml: one <urlset> up to the URL limit, a <sitemapindex> of sitemap-N.xml past it;
// absolute, encoded URLs; lastmod; pages left out with `sitemap: false`. When xmllint is
// installed, every form is also checked against tests/e2e/schemas/sitemap.xsd.
#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "index_test_util.h"
#include "support/fs.h"
#include "support/hash.h"

namespace bengal {
namespace {

using namespace bengal::testing;
using Strings = std::vector<std::string>;

constexpr const char* kHead =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";

// The one file of a sitemap below the limit.
std::string sitemap(const Config& config, const PageTable& t) {
  std::vector<OutputFile> files = render_sitemaps(config, t);
  EXPECT_EQ(paths_of(files), Strings{"sitemap.xml"});
  return files.empty() ? "" : files[0].bytes;
}

// --- one file ---------------------------------------------------------------------------

TEST(IndexSitemap, ListsEveryPageWithAbsoluteUrlsAndLastmod) {
  std::string xml = sitemap(config_with("https://example.org/docs/"),
                            table({entry("/docs/"), entry("/docs/a/", "a.md", "2024-05-01"),
                                   entry("/docs/b/", "b.md", "2024-05-01", "2024-06-02T10:00:00Z")}));
  EXPECT_EQ(xml,
            std::string(kHead) +
                "  <url>\n    <loc>https://example.org/docs/</loc>\n  </url>\n"
                "  <url>\n    <loc>https://example.org/docs/a/</loc>\n    <lastmod>2024-05-01</lastmod>\n  </url>\n"
                "  <url>\n    <loc>https://example.org/docs/b/</loc>\n    <lastmod>2024-06-02T10:00:00Z</lastmod>\n"
                "  </url>\n"
                "</urlset>\n");
}

TEST(IndexSitemap, PagesOutOfTheSitemapAreLeftOut) {
  PageTable t = table({entry("/"), entry("/a/", "a.md"), entry("/hidden/", "hidden.md"), entry("/z/", "z.md")});
  t.pages[2].sitemap = false;
  std::string xml = sitemap(config_with("https://example.org/"), t);
  EXPECT_EQ(xml.find("hidden"), std::string::npos) << xml;
  EXPECT_NE(xml.find("<loc>https://example.org/z/</loc>"), std::string::npos) << xml;
}

TEST(IndexSitemap, EscapesUrls) {
  std::string xml = sitemap(config_with("https://example.org/"), table({entry("/a&b/<c>/'\"/")}));
  // '<', '>' and '"' are not URL characters: percent-encoded; '&' and '\'' are: XML-escaped.
  EXPECT_NE(xml.find("<loc>https://example.org/a&amp;b/%3Cc%3E/&apos;%22/</loc>"), std::string::npos) << xml;
  EXPECT_EQ(xml.find("a&b"), std::string::npos);
}

TEST(IndexSitemap, LocationsArePercentEncoded) {
  std::string xml = sitemap(config_with("https://example.org/"), table({entry("/my page/caf\xC3\xA9/")}));
  EXPECT_NE(xml.find("<loc>https://example.org/my%20page/caf%C3%A9/</loc>"), std::string::npos) << xml;
}

TEST(IndexSitemap, RootRelativeWithoutAnOrigin) {
  std::string xml = sitemap(config_with("/"), table({entry("/"), entry("/x/", "x.md")}));
  EXPECT_NE(xml.find("<loc>/</loc>"), std::string::npos) << xml;
  EXPECT_NE(xml.find("<loc>/x/</loc>"), std::string::npos) << xml;
}

TEST(IndexSitemap, EmptyTableIsAnEmptyUrlset) {
  EXPECT_EQ(sitemap(config_with("/"), {}), std::string(kHead) + "</urlset>\n");
}

TEST(IndexSitemap, TheFileCarriesItsHash) {
  std::vector<OutputFile> files = render_sitemaps(config_with("https://example.org/"), table({entry("/")}));
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0].hash, hash_hex(files[0].bytes));
}

// --- past the limit: a sitemap index ----------------------------------------------------

// Five pages, one of them out of the sitemap: four URLs.
PageTable five_pages() {
  PageTable t = table({entry("/docs/", "", ""), entry("/docs/a/", "a.md", "2024-01-05"),
                       entry("/docs/b/", "b.md", "2024-03-01", "2024-03-02T23:30:00-05:00"),
                       entry("/docs/c/", "c.md", "2024-03-03T01:00:00Z"), entry("/docs/d/", "d.md", "2023-12-31")});
  t.pages[1].sitemap = false;
  return t;
}

TEST(IndexSitemapSplit, AtTheLimitItIsStillOneFile) {
  std::vector<OutputFile> files = render_sitemaps(config_with("https://example.org/docs/"), five_pages(), 4);
  ASSERT_EQ(paths_of(files), Strings{"sitemap.xml"});
  EXPECT_NE(files[0].bytes.find("<urlset"), std::string::npos);
}

TEST(IndexSitemapSplit, PastTheLimitSitemapXmlIndexesTheParts) {
  std::vector<OutputFile> files = render_sitemaps(config_with("https://example.org/docs/"), five_pages(), 3);
  ASSERT_EQ(paths_of(files), (Strings{"sitemap-1.xml", "sitemap-2.xml", "sitemap.xml"}));
  // Parts in URL order, limit URLs each, the last fewer; the page out of the sitemap counts
  // for nothing.
  EXPECT_EQ(files[0].bytes,
            std::string(kHead) +
                "  <url>\n    <loc>https://example.org/docs/</loc>\n  </url>\n"
                "  <url>\n    <loc>https://example.org/docs/b/</loc>\n"
                "    <lastmod>2024-03-02T23:30:00-05:00</lastmod>\n  </url>\n"
                "  <url>\n    <loc>https://example.org/docs/c/</loc>\n"
                "    <lastmod>2024-03-03T01:00:00Z</lastmod>\n  </url>\n"
                "</urlset>\n");
  EXPECT_EQ(files[1].bytes, std::string(kHead) +
                                "  <url>\n    <loc>https://example.org/docs/d/</loc>\n"
                                "    <lastmod>2023-12-31</lastmod>\n  </url>\n"
                                "</urlset>\n");
  // The index: absolute URLs under the base path, each part's newest date (by time, not by
  // spelling: 23:30 at -05:00 is 04:30Z on the 3rd, after 01:00Z).
  EXPECT_EQ(files[2].bytes,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
            "  <sitemap>\n    <loc>https://example.org/docs/sitemap-1.xml</loc>\n"
            "    <lastmod>2024-03-02T23:30:00-05:00</lastmod>\n  </sitemap>\n"
            "  <sitemap>\n    <loc>https://example.org/docs/sitemap-2.xml</loc>\n"
            "    <lastmod>2023-12-31</lastmod>\n  </sitemap>\n"
            "</sitemapindex>\n");
  for (const OutputFile& f : files) EXPECT_EQ(f.hash, hash_hex(f.bytes)) << f.path;
}

TEST(IndexSitemapSplit, APartWithoutDatesHasNoLastmod) {
  std::vector<OutputFile> files =
      render_sitemaps(config_with("https://example.org/"), table({entry("/"), entry("/a/", "a.md", "2024-01-01")}), 1);
  ASSERT_EQ(paths_of(files), (Strings{"sitemap-1.xml", "sitemap-2.xml", "sitemap.xml"}));
  EXPECT_NE(files[2].bytes.find("<loc>https://example.org/sitemap-1.xml</loc>\n  </sitemap>"), std::string::npos)
      << files[2].bytes;
  EXPECT_NE(files[2].bytes.find("<loc>https://example.org/sitemap-2.xml</loc>\n    <lastmod>2024-01-01</lastmod>"),
            std::string::npos)
      << files[2].bytes;
}

TEST(IndexSitemapSplit, PartsAreNumberedInUrlOrderAndEveryUrlIsInExactlyOnePart) {
  std::vector<PageTableEntry> entries;
  for (int i = 0; i < 23; ++i) {
    char url[16];
    std::snprintf(url, sizeof url, "/p%02d/", i);
    entries.push_back(entry(url, std::string(url + 1, 3) + ".md"));
  }
  std::vector<OutputFile> files = render_sitemaps(config_with("https://example.org/"), table(entries), 2);
  ASSERT_EQ(files.size(), 13u);  // 12 parts and the index
  EXPECT_EQ(files.back().path, "sitemap.xml");
  std::string index = files.back().bytes;
  std::string all;
  for (int n = 1; n <= 12; ++n) {
    std::string name = "sitemap-" + std::to_string(n) + ".xml";
    // Numeric order in the index (sitemap-2.xml before sitemap-10.xml).
    size_t at = index.find("/" + name + "<");
    ASSERT_NE(at, std::string::npos) << name;
    if (n > 1) {
      EXPECT_LT(index.find("/sitemap-" + std::to_string(n - 1) + ".xml<"), at);
    }
    const OutputFile* part = nullptr;
    for (const OutputFile& f : files)
      if (f.path == name) part = &f;
    ASSERT_NE(part, nullptr) << name;
    all += part->bytes;
  }
  size_t last = 0;
  for (int i = 0; i < 23; ++i) {
    char loc[64];
    std::snprintf(loc, sizeof loc, "<loc>https://example.org/p%02d/</loc>", i);
    size_t at = all.find(loc);
    ASSERT_NE(at, std::string::npos) << loc;
    EXPECT_EQ(all.find(loc, at + 1), std::string::npos) << loc << " is in two parts";
    EXPECT_GE(at, last) << loc << " out of order";
    last = at;
  }
}

TEST(IndexSitemapSplit, IsDeterministic) {
  PageTable t = five_pages();
  auto a = render_sitemaps(config_with("https://example.org/docs/"), t, 2);
  auto b = render_sitemaps(config_with("https://example.org/docs/"), t, 2);
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) EXPECT_EQ(a[i].bytes, b[i].bytes);
}

TEST(IndexSitemapSplit, TheDefaultLimitIsTheProtocols) {
  EXPECT_EQ(kSitemapMaxUrls, 50000u);
  EXPECT_EQ(sitemap_part_file(1), "sitemap-1.xml");
  EXPECT_EQ(sitemap_part_file(12), "sitemap-12.xml");
}

// --- the schema (when xmllint is installed) ----------------------------------------------

class SitemapSchema : public ::testing::Test {
 protected:
  void SetUp() override {
    if (std::system("xmllint --version >/dev/null 2>&1") != 0) GTEST_SKIP() << "xmllint is not installed";
    schema_ = std::string(BENGAL_TESTDATA) + "/../e2e/schemas/sitemap.xsd";
    ASSERT_TRUE(file_exists(schema_)) << schema_;
    char tmpl[] = "/tmp/bengal-sitemap-XXXXXX";
    ASSERT_NE(::mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override {
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }
  // xmllint's verdict on the bytes: its exit status and what it printed.
  std::pair<int, std::string> validate(const std::string& bytes) {
    std::string path = dir_ + "/sitemap.xml";
    write_file_atomic(path, bytes);
    std::string out;
    FILE* p = ::popen(("xmllint --noout --schema '" + schema_ + "' '" + path + "' 2>&1").c_str(), "r");
    if (p == nullptr) return {-1, "popen failed"};
    char buf[4096];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
    int st = ::pclose(p);
    return {WIFEXITED(st) ? WEXITSTATUS(st) : -1, out};
  }
  std::string schema_, dir_;
};

TEST_F(SitemapSchema, EveryFileOfASplitSitemapIsValid) {
  PageTable t = five_pages();
  t.pages.push_back(entry("/docs/e&f/caf\xC3\xA9 au lait/", "e.md", "2024-02-29T12:00:00+01:00"));
  for (size_t limit : {size_t{50000}, size_t{1}, size_t{3}})
    for (const OutputFile& f : render_sitemaps(config_with("https://example.org/docs/"), t, limit)) {
      auto [status, out] = validate(f.bytes);
      EXPECT_EQ(status, 0) << "limit " << limit << ", " << f.path << ":\n" << out << f.bytes;
    }
}

TEST_F(SitemapSchema, TheSchemaRejectsWhatTheProtocolForbids) {
  // The schema must be able to fail: relative locations, dates without a time zone, a
  // wrong namespace.
  auto [relative, out1] = validate(sitemap(config_with("/"), table({entry("/a/", "a.md")})));
  EXPECT_NE(relative, 0) << out1;
  auto [no_zone, out2] = validate(std::string(kHead) +
                                  "<url><loc>https://example.org/</loc><lastmod>2024-01-01T10:00:00</lastmod></url>"
                                  "</urlset>\n");
  EXPECT_NE(no_zone, 0) << out2;
  auto [foreign, out3] = validate("<urlset xmlns=\"http://example.org/\"><url><loc>https://example.org/</loc></url></urlset>");
  EXPECT_NE(foreign, 0) << out3;
}

}  // namespace
}  // namespace bengal
