// Which site-wide files bengal-index writes ([outputs], a static file of the same name),
// robots.txt, and the manifest of what was written.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "index_test_util.h"
#include "support/hash.h"

namespace bengal {
namespace {

// The files' paths without the search index's fragments and chunks (search_test.cc tests those).
std::vector<std::string> index_paths(const std::vector<OutputFile>& files) {
  std::vector<std::string> out;
  for (const std::string& p : bengal::testing::paths_of(files))
    if (p.rfind("search/", 0) != 0 || p == "search/index.json") out.push_back(p);
  return out;
}


using namespace bengal::testing;
using Strings = std::vector<std::string>;

Manifest statics(Strings paths) {
  Manifest m;
  for (const std::string& p : paths) m.files.push_back({p, ""});
  return m;
}

// --- index_output_files -----------------------------------------------------------------

TEST(IndexOutputFiles, EveryFileByDefaultSorted) {
  EXPECT_EQ(index_output_files(Config{}, {}),
            (Strings{"llms-full.txt", "llms.txt", "robots.txt", "search/index.json", "sitemap.xml"}));
}

TEST(IndexOutputFiles, EachSwitchTurnsItsFileOff) {
  Config c;
  c.outputs.sitemap = false;
  EXPECT_EQ(index_output_files(c, {}), (Strings{"llms-full.txt", "llms.txt", "robots.txt", "search/index.json"}));
  c = Config{};
  c.outputs.robots = false;
  EXPECT_EQ(index_output_files(c, {}), (Strings{"llms-full.txt", "llms.txt", "search/index.json", "sitemap.xml"}));
  c = Config{};
  c.outputs.llms = false;
  EXPECT_EQ(index_output_files(c, {}), (Strings{"llms-full.txt", "robots.txt", "search/index.json", "sitemap.xml"}));
  c = Config{};
  c.outputs.llms_full = false;
  EXPECT_EQ(index_output_files(c, {}), (Strings{"llms.txt", "robots.txt", "search/index.json", "sitemap.xml"}));
  c.outputs = {false, false, false, false};
  EXPECT_EQ(index_output_files(c, {}), Strings{"search/index.json"});
}

TEST(IndexOutputFiles, AStaticFileOfTheSameNameWins) {
  EXPECT_EQ(index_output_files(Config{}, statics({"css/robots.txt", "robots.txt", "site.css"})),
            (Strings{"llms-full.txt", "llms.txt", "search/index.json", "sitemap.xml"}));
  EXPECT_EQ(index_output_files(Config{}, statics({"llms.txt", "sitemap.xml"})),
            (Strings{"llms-full.txt", "robots.txt", "search/index.json"}));
}

// --- robots.txt -------------------------------------------------------------------------

TEST(IndexRobots, AllowsEverythingAndNamesTheSitemap) {
  EXPECT_EQ(render_robots(config_with("https://example.org/"), true),
            "User-agent: *\nAllow: /\n\nSitemap: https://example.org/sitemap.xml\n");
  // The sitemap is at the root of the output folder, which is served at the base path.
  EXPECT_EQ(render_robots(config_with("https://example.org/my docs/"), true),
            "User-agent: *\nAllow: /\n\nSitemap: https://example.org/my%20docs/sitemap.xml\n");
}

TEST(IndexRobots, NoSitemapLineWithoutASitemapOrAnOrigin) {
  EXPECT_EQ(render_robots(config_with("https://example.org/"), false), "User-agent: *\nAllow: /\n");
  EXPECT_EQ(render_robots(config_with("/docs/"), true), "User-agent: *\nAllow: /\n");
}

// --- render_index_outputs ---------------------------------------------------------------

IndexInput input() {
  IndexInput in;
  in.table = table({entry_of_kind(kKindHome, "/", "", "Home", "The home.", "_index.md"),
                    entry_of_kind(kKindPage, "/a/", "", "A", "", "a.md"),
                    entry_of_kind(kKindPage, "/b/", "", "B", "", "b.md")});
  TextShard t;
  t.pages = {{"a.md", "Text of a."}};
  in.texts = {t};
  return in;
}

TEST(IndexOutputs, EveryFileSortedByPathWithItsHash) {
  std::vector<OutputFile> files = render_index_outputs(config_with("https://example.org/"), input());
  EXPECT_EQ(index_paths(files), (Strings{"llms-full.txt", "llms.txt", "robots.txt", "search/index.json", "sitemap.xml"}));
  for (const OutputFile& f : files) EXPECT_EQ(f.hash, hash_hex(f.bytes)) << f.path;
  EXPECT_EQ(files[2].bytes, "User-agent: *\nAllow: /\n\nSitemap: https://example.org/sitemap.xml\n");
  EXPECT_NE(files[0].bytes.find("Text of a."), std::string::npos);
}

TEST(IndexOutputs, TheSitemapIndexAndItsPartsAreWrittenPastTheLimit) {
  std::vector<OutputFile> files = render_index_outputs(config_with("https://example.org/"), input(), 2);
  EXPECT_EQ(index_paths(files), (Strings{"llms-full.txt", "llms.txt", "robots.txt", "search/index.json", "sitemap-1.xml",
                                      "sitemap-2.xml", "sitemap.xml"}));
  // robots.txt names the index.
  EXPECT_EQ(files[2].bytes, "User-agent: *\nAllow: /\n\nSitemap: https://example.org/sitemap.xml\n");
}

TEST(IndexOutputs, AStaticRobotsTxtIsNotOverwritten) {
  IndexInput in = input();
  in.static_files = statics({"robots.txt"});
  EXPECT_EQ(index_paths(render_index_outputs(config_with("https://example.org/"), in)),
            (Strings{"llms-full.txt", "llms.txt", "search/index.json", "sitemap.xml"}));
}

TEST(IndexOutputs, RobotsTxtNamesAStaticSitemapButNotAMissingOne) {
  Config c = config_with("https://example.org/");
  c.outputs.sitemap = false;
  IndexInput in = input();
  std::vector<OutputFile> files = render_index_outputs(c, in);
  ASSERT_EQ(index_paths(files), (Strings{"llms-full.txt", "llms.txt", "robots.txt", "search/index.json"}));
  EXPECT_EQ(files[2].bytes, "User-agent: *\nAllow: /\n");
  in.static_files = statics({"sitemap.xml"});
  files = render_index_outputs(c, in);
  ASSERT_EQ(index_paths(files), (Strings{"llms-full.txt", "llms.txt", "robots.txt", "search/index.json"}));
  EXPECT_EQ(files[2].bytes, "User-agent: *\nAllow: /\n\nSitemap: https://example.org/sitemap.xml\n");
}

TEST(IndexOutputs, SwitchedOffFilesAreNotWritten) {
  Config c = config_with("https://example.org/");
  c.outputs = {false, false, false, false};
  EXPECT_EQ(index_paths(render_index_outputs(c, input())), Strings{"search/index.json"});
}

TEST(IndexManifest, PathsSortedWithoutHashes) {
  std::vector<OutputFile> files = render_index_outputs(config_with("https://example.org/"), input(), 1);
  Manifest m = manifest_of(files);
  Strings paths;
  for (const ManifestEntry& e : m.files) {
    paths.push_back(e.path);
    EXPECT_EQ(e.hash, "") << e.path;  // so a change of bytes alone leaves the manifest as it is
  }
  EXPECT_EQ(paths, (Strings{"llms-full.txt", "llms.txt", "robots.txt", "search/docs-0.json", "search/index.json",
                            "search/t-686f.json", "search/t-7465.json", "sitemap-1.xml", "sitemap-2.xml",
                            "sitemap-3.xml", "sitemap.xml"}));
  // Another text with words of the same fragments: the same manifest.
  IndexInput in = input();
  in.texts[0].pages[0].text = "Texts of a.";
  Manifest again = manifest_of(render_index_outputs(config_with("https://example.org/"), in, 1));
  ASSERT_EQ(again.files.size(), m.files.size());
  for (size_t i = 0; i < m.files.size(); ++i) EXPECT_EQ(again.files[i].path, m.files[i].path);
}

}  // namespace
}  // namespace bengal
