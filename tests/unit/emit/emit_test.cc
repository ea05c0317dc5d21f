// bengal-emit: write-if-changed publishing, the previous-manifest shortcut, merging, pruning
// and the output-folder safety checks. Every test works in its own temporary folder.
#include "emit/emit.h"

#include <gtest/gtest.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <string>
#include <vector>

#include "format/envelope.h"
#include "support/fs.h"
#include "support/hash.h"

namespace bengal {
namespace {

namespace fs = std::filesystem;
using Strings = std::vector<std::string>;

// A manifest as the prune step sees it: views into `m`, which must outlive them.
ManifestRefs refs(const Manifest& m) {
  ManifestRefs r;
  for (const ManifestEntry& e : m.files) r.files.push_back({e.path, e.hash});
  return r;
}

class EmitTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (fs::temp_directory_path() / "bengal-emit-XXXXXX").string();
    ASSERT_NE(::mkdtemp(tmpl.data()), nullptr);
    root_ = tmpl;
    out_ = root_ + "/public";
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(root_, ec);
  }

  static OutputFile file(const std::string& path, const std::string& bytes) { return {path, hash_hex(bytes), bytes}; }

  static PagesShard pages(std::vector<OutputFile> files) {
    PagesShard p;
    p.files = std::move(files);
    return p;
  }

  static Manifest manifest(const std::vector<std::pair<std::string, std::string>>& entries) {
    Manifest m;
    for (const auto& [path, bytes] : entries) m.files.push_back({path, hash_hex(bytes)});
    return m;
  }

  static Strings paths(const Manifest& m) {
    Strings out;
    for (const ManifestEntry& e : m.files) out.push_back(e.path);
    return out;
  }

  // Gives a file an old modification time, so a rewrite shows.
  static void age(const std::string& path) {
    struct timespec times[2] = {{1000000000, 0}, {1000000000, 0}};
    ASSERT_EQ(::utimensat(AT_FDCWD, path.c_str(), times, 0), 0) << path;
  }
  static time_t mtime(const std::string& path) {
    struct stat st;
    EXPECT_EQ(::stat(path.c_str(), &st), 0) << path;
    return st.st_mtim.tv_sec;
  }

  void put(const std::string& path, const std::string& bytes) { write_file_atomic(path, bytes); }

  std::string root_;
  std::string out_;
};

// --- is_safe_output_path ----------------------------------------------------------------

TEST(EmitSafePath, AcceptsPlainRelativePaths) {
  EXPECT_TRUE(is_safe_output_path("index.html"));
  EXPECT_TRUE(is_safe_output_path("docs/intro/index.html"));
  EXPECT_TRUE(is_safe_output_path("feed.xml"));
  EXPECT_TRUE(is_safe_output_path(".well-known/x"));
}

TEST(EmitSafePath, RefusesEverythingElse) {
  for (const char* bad : {"", "/etc/passwd", "../x.html", "a/../../x", "a/../b", "./a", "a/./b", "a//b", "a/",
                          ".", "..", "a\\b", "..\\x"})
    EXPECT_FALSE(is_safe_output_path(bad)) << "'" << bad << "'";
}

// --- emit_pages -------------------------------------------------------------------------

TEST_F(EmitTest, WritesEveryFileAndReturnsTheManifest) {
  EmitStats stats;
  Diagnostics diags;
  Manifest m = emit_pages(pages({file("a/index.html", "A"), file("b/c/index.html", "BC"), file("feed.xml", "F")}),
                          out_, {}, stats, diags);
  EXPECT_FALSE(diags.has_errors());
  EXPECT_EQ(stats.written, 3u);
  EXPECT_EQ(stats.unchanged, 0u);
  EXPECT_EQ(read_file(out_ + "/a/index.html"), "A");
  EXPECT_EQ(read_file(out_ + "/b/c/index.html"), "BC");
  EXPECT_EQ(read_file(out_ + "/feed.xml"), "F");
  ASSERT_EQ(m.files.size(), 3u);
  EXPECT_EQ(paths(m), (Strings{"a/index.html", "b/c/index.html", "feed.xml"}));
  EXPECT_EQ(m.files[1].hash, hash_hex("BC"));
  EXPECT_EQ(list_files_recursive(out_), (Strings{"a/index.html", "b/c/index.html", "feed.xml"}))
      << "no temporary files may be left behind";
}

TEST_F(EmitTest, SameBytesAreNotRewritten) {
  EmitStats first, second;
  Diagnostics diags;
  emit_pages(pages({file("a/index.html", "same")}), out_, {}, first, diags);
  age(out_ + "/a/index.html");
  // No previous manifest: the bytes on disk are compared.
  emit_pages(pages({file("a/index.html", "same")}), out_, {}, second, diags);
  EXPECT_EQ(second.written, 0u);
  EXPECT_EQ(second.unchanged, 1u);
  EXPECT_EQ(mtime(out_ + "/a/index.html"), 1000000000);
}

TEST_F(EmitTest, ChangedBytesAreRewritten) {
  EmitStats first, second;
  Diagnostics diags;
  Manifest m = emit_pages(pages({file("a/index.html", "old")}), out_, {}, first, diags);
  age(out_ + "/a/index.html");
  emit_pages(pages({file("a/index.html", "new")}), out_, m, second, diags);
  EXPECT_EQ(second.written, 1u);
  EXPECT_EQ(read_file(out_ + "/a/index.html"), "new");
  EXPECT_NE(mtime(out_ + "/a/index.html"), 1000000000);
  // Same size, other bytes: still rewritten.
  EmitStats third;
  emit_pages(pages({file("a/index.html", "NEW")}), out_, {}, third, diags);
  EXPECT_EQ(third.written, 1u);
  EXPECT_EQ(read_file(out_ + "/a/index.html"), "NEW");
}

TEST_F(EmitTest, PreviousManifestWithTheSameHashSkipsTheComparison) {
  EmitStats stats;
  Diagnostics diags;
  Manifest previous = emit_pages(pages({file("a/index.html", "page")}), out_, {}, stats, diags);
  // The shortcut trusts the manifest: it only checks the file exists, never reads it.
  put(out_ + "/a/index.html", "edited by hand");
  EmitStats again;
  Manifest m = emit_pages(pages({file("a/index.html", "page")}), out_, previous, again, diags);
  EXPECT_EQ(again.written, 0u);
  EXPECT_EQ(again.unchanged, 1u);
  EXPECT_EQ(read_file(out_ + "/a/index.html"), "edited by hand");
  EXPECT_EQ(paths(m), Strings{"a/index.html"});
}

TEST_F(EmitTest, PreviousManifestDoesNotHideAMissingFile) {
  EmitStats stats;
  Diagnostics diags;
  Manifest previous = emit_pages(pages({file("a/index.html", "page")}), out_, {}, stats, diags);
  fs::remove_all(out_);
  EmitStats again;
  emit_pages(pages({file("a/index.html", "page")}), out_, previous, again, diags);
  EXPECT_EQ(again.written, 1u);
  EXPECT_EQ(read_file(out_ + "/a/index.html"), "page");
}

TEST_F(EmitTest, PreviousManifestWithAnotherHashChecksTheBytes) {
  EmitStats stats;
  Diagnostics diags;
  emit_pages(pages({file("a/index.html", "page")}), out_, {}, stats, diags);
  age(out_ + "/a/index.html");
  EmitStats again;
  emit_pages(pages({file("a/index.html", "page")}), out_, manifest({{"a/index.html", "something else"}}), again,
             diags);
  EXPECT_EQ(again.written, 0u);
  EXPECT_EQ(again.unchanged, 1u);
  EXPECT_EQ(mtime(out_ + "/a/index.html"), 1000000000);
}

TEST_F(EmitTest, RefusesToWriteOutsideTheOutputFolder) {
  EmitStats stats;
  Diagnostics diags;
  Manifest m = emit_pages(pages({file("../escaped.html", "x"), file("/tmp/abs.html", "x"), file("ok/index.html", "ok")}),
                          out_, {}, stats, diags);
  EXPECT_EQ(diags.error_count(), 2u);
  ASSERT_FALSE(diags.items().empty());
  EXPECT_EQ(diags.items()[0].message, "refusing to write outside the output folder: '../escaped.html'");
  EXPECT_FALSE(file_exists(root_ + "/escaped.html"));
  EXPECT_EQ(paths(m), Strings{"ok/index.html"});
  EXPECT_EQ(read_file(out_ + "/ok/index.html"), "ok");
  EXPECT_EQ(stats.written, 1u);
}

// --- merge_manifests --------------------------------------------------------------------

TEST(EmitMerge, UnionSortedByPath) {
  Diagnostics diags;
  Manifest a, b, c;
  a.files = {{"b/index.html", "1"}, {"d/index.html", "2"}};
  b.files = {{"a/index.html", "3"}, {"c/index.html", "4"}};
  ManifestRefs all = merge_manifests({refs(a), refs(b), refs(c)}, diags);
  EXPECT_FALSE(diags.has_errors());
  Strings rows;
  for (const ManifestEntryRef& e : all.files) rows.push_back(std::string(e.path) + "=" + std::string(e.hash));
  EXPECT_EQ(rows, (Strings{"a/index.html=3", "b/index.html=1", "c/index.html=4", "d/index.html=2"}));
}

TEST(EmitMerge, TwoClaimsOnOnePathAreAnErrorAndListedOnce) {
  Diagnostics diags;
  Manifest pages_m, static_m;
  pages_m.files = {{"about/index.html", "p"}, {"x.css", "page"}};
  static_m.files = {{"x.css", ""}};
  ManifestRefs all = merge_manifests({refs(pages_m), refs(static_m)}, diags);
  ASSERT_EQ(diags.error_count(), 1u);
  EXPECT_EQ(diags.items()[0].message, "two outputs claim 'x.css' (a page and a static file of one name?)");
  Strings rows;
  for (const ManifestEntryRef& e : all.files) rows.push_back(std::string(e.path));
  EXPECT_EQ(rows, (Strings{"about/index.html", "x.css"}));
}

TEST(EmitMerge, NoManifestsIsEmpty) {
  Diagnostics diags;
  EXPECT_TRUE(merge_manifests({}, diags).files.empty());
  EXPECT_FALSE(diags.has_errors());
}

// --- prune_outputs ----------------------------------------------------------------------

TEST_F(EmitTest, PruneRemovesWhatTheCurrentManifestLacksAndTheFoldersLeftEmpty) {
  put(out_ + "/keep/index.html", "k");
  put(out_ + "/old/deep/page/index.html", "o");
  put(out_ + "/shared/gone/index.html", "g");
  put(out_ + "/shared/stays.css", "s");
  Manifest previous = manifest({{"keep/index.html", "k"},
                                {"old/deep/page/index.html", "o"},
                                {"shared/gone/index.html", "g"},
                                {"shared/stays.css", "s"}});
  Manifest current = manifest({{"keep/index.html", "k"}, {"shared/stays.css", "s"}});
  EmitStats stats;
  prune_outputs(refs(previous), refs(current), out_, stats);
  EXPECT_EQ(stats.removed, 2u);
  EXPECT_EQ(list_files_recursive(out_), (Strings{"keep/index.html", "shared/stays.css"}));
  EXPECT_EQ(list_dirs_recursive(out_), (Strings{"", "keep", "shared"}));
}

TEST_F(EmitTest, PruneNeverRemovesTheOutputFolderItself) {
  put(out_ + "/only/index.html", "x");
  EmitStats stats;
  Manifest previous = manifest({{"only/index.html", "x"}});
  prune_outputs(refs(previous), {}, out_, stats);
  EXPECT_EQ(stats.removed, 1u);
  EXPECT_TRUE(fs::is_directory(out_));
  EXPECT_TRUE(fs::is_empty(out_));
}

TEST_F(EmitTest, PruneKeepsFilesItDidNotPublish) {
  put(out_ + "/docs/gone/index.html", "g");
  put(out_ + "/docs/gone/notes.txt", "user file");
  EmitStats stats;
  Manifest previous = manifest({{"docs/gone/index.html", "g"}});
  prune_outputs(refs(previous), {}, out_, stats);
  EXPECT_EQ(list_files_recursive(out_), Strings{"docs/gone/notes.txt"});
}

TEST_F(EmitTest, PruneIgnoresUnsafePathsInAManifest) {
  put(root_ + "/victim.txt", "precious");
  put(out_ + "/a.html", "a");
  EmitStats stats;
  Manifest previous;
  previous.files = {{"../victim.txt", "x"}, {"a.html", hash_hex("a")}};
  prune_outputs(refs(previous), {}, out_, stats);
  EXPECT_EQ(read_file(root_ + "/victim.txt"), "precious");
  EXPECT_FALSE(file_exists(out_ + "/a.html"));
  EXPECT_EQ(stats.removed, 1u);
}

TEST_F(EmitTest, PruneWithNothingRemovedTouchesNothing) {
  put(out_ + "/a/index.html", "a");
  Manifest m = manifest({{"a/index.html", "a"}});
  EmitStats stats;
  prune_outputs(refs(m), refs(m), out_, stats);
  EXPECT_EQ(stats.removed, 0u);
  EXPECT_EQ(list_files_recursive(out_), Strings{"a/index.html"});
}

// --- prune_site -------------------------------------------------------------------------

TEST_F(EmitTest, PruneSiteMergesTheManifestsAndRemovesWhatLeftThem) {
  put(out_ + "/a/index.html", "a");
  put(out_ + "/gone/index.html", "g");
  Manifest shard = manifest({{"a/index.html", ""}}), assets = manifest({{"site.css", ""}});
  write_intermediate(Kind::kManifest, "bengal-emit test", shard, root_ + "/s.manifest");
  write_intermediate(Kind::kManifest, "bengal-emit test", assets, root_ + "/static.manifest");
  write_intermediate(Kind::kManifest, "bengal-emit test", manifest({{"a/index.html", ""}, {"gone/index.html", ""}}),
                     root_ + "/published.manifest");
  Diagnostics diags;
  EmitStats stats;
  prune_site({root_ + "/s.manifest", root_ + "/static.manifest"}, root_ + "/published.manifest", out_,
             "bengal-emit test", stats, diags);
  EXPECT_FALSE(diags.has_errors());
  EXPECT_EQ(stats.removed, 1u);
  EXPECT_EQ(list_files_recursive(out_), Strings{"a/index.html"});
  // The same bytes as the merged Manifest would pack to.
  EXPECT_EQ(read_file(root_ + "/published.manifest"),
            encode_intermediate(Kind::kManifest, "bengal-emit test", manifest({{"a/index.html", ""}, {"site.css", ""}})));
}

TEST_F(EmitTest, PruneSiteTakesAForeignPreviousManifestAsEmpty) {
  put(out_ + "/a/index.html", "a");
  write_intermediate(Kind::kManifest, "bengal-emit test", manifest({{"a/index.html", ""}}), root_ + "/s.manifest");
  put(root_ + "/published.manifest", "not a manifest");
  Diagnostics diags;
  EmitStats stats;
  prune_site({root_ + "/s.manifest"}, root_ + "/published.manifest", out_, "bengal-emit test", stats, diags);
  EXPECT_FALSE(diags.has_errors());
  EXPECT_EQ(stats.removed, 0u);
  EXPECT_EQ(paths(read_previous_manifest(root_ + "/published.manifest")), Strings{"a/index.html"});
}

TEST_F(EmitTest, PruneSiteWithTwoClaimsWritesAndRemovesNothing) {
  put(out_ + "/x.css", "x");
  write_intermediate(Kind::kManifest, "bengal-emit test", manifest({{"x.css", ""}}), root_ + "/a.manifest");
  write_intermediate(Kind::kManifest, "bengal-emit test", manifest({{"x.css", ""}}), root_ + "/b.manifest");
  write_intermediate(Kind::kManifest, "bengal-emit test", manifest({{"old.html", ""}}), root_ + "/published.manifest");
  put(out_ + "/old.html", "o");
  const std::string before = read_file(root_ + "/published.manifest");
  Diagnostics diags;
  EmitStats stats;
  prune_site({root_ + "/a.manifest", root_ + "/b.manifest"}, root_ + "/published.manifest", out_, "bengal-emit test",
             stats, diags);
  EXPECT_EQ(diags.error_count(), 1u);
  EXPECT_EQ(stats.removed, 0u);
  EXPECT_TRUE(file_exists(out_ + "/old.html"));
  EXPECT_EQ(read_file(root_ + "/published.manifest"), before);
}

// --- copy_asset -------------------------------------------------------------------------

TEST_F(EmitTest, CopyAssetWritesOnlyWhenTheBytesChanged) {
  put(root_ + "/static/site.css", "body{}");
  EmitStats stats;
  copy_asset(root_ + "/static/site.css", out_ + "/css/site.css", stats);
  EXPECT_EQ(stats.written, 1u);
  EXPECT_EQ(read_file(out_ + "/css/site.css"), "body{}");
  age(out_ + "/css/site.css");
  copy_asset(root_ + "/static/site.css", out_ + "/css/site.css", stats);
  EXPECT_EQ(stats.unchanged, 1u);
  EXPECT_EQ(mtime(out_ + "/css/site.css"), 1000000000);
}

// --- read_previous_manifest -------------------------------------------------------------

TEST_F(EmitTest, ReadPreviousManifestRoundTrips) {
  Manifest m = manifest({{"a/index.html", "a"}, {"b.css", "b"}});
  write_intermediate(Kind::kManifest, "bengal-emit test", m, root_ + "/shard.manifest");
  Manifest back = read_previous_manifest(root_ + "/shard.manifest");
  EXPECT_EQ(paths(back), (Strings{"a/index.html", "b.css"}));
  EXPECT_EQ(back.files[1].hash, hash_hex("b"));
}

TEST_F(EmitTest, ReadPreviousManifestTreatsAMissingFileAsEmpty) {
  EXPECT_TRUE(read_previous_manifest(root_ + "/none.manifest").files.empty());
}

TEST_F(EmitTest, ReadPreviousManifestTreatsAForeignFileAsEmpty) {
  put(root_ + "/text.manifest", "this is not a manifest\n");
  EXPECT_TRUE(read_previous_manifest(root_ + "/text.manifest").files.empty());
  put(root_ + "/empty.manifest", "");
  EXPECT_TRUE(read_previous_manifest(root_ + "/empty.manifest").files.empty());
  // Another kind of intermediate.
  PagesShard p;
  p.files.push_back({"a.html", "h", "bytes"});
  write_intermediate(Kind::kPages, "bengal-render test", p, root_ + "/pages.manifest");
  EXPECT_TRUE(read_previous_manifest(root_ + "/pages.manifest").files.empty());
  // A truncated manifest.
  std::string bytes = encode_intermediate(Kind::kManifest, "bengal-emit test", manifest({{"a.html", "a"}}));
  put(root_ + "/cut.manifest", bytes.substr(0, bytes.size() - 3));
  EXPECT_TRUE(read_previous_manifest(root_ + "/cut.manifest").files.empty());
  // A folder where the file should be.
  make_dirs(root_ + "/dir.manifest");
  EXPECT_TRUE(read_previous_manifest(root_ + "/dir.manifest").files.empty());
}

}  // namespace
}  // namespace bengal
