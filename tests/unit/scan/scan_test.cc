#include "scan/scan.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "format/envelope.h"
#include "support/failure.h"
#include "support/fs.h"
#include "support/hash.h"
#include "test_util.h"

namespace bengal {
namespace {

using testing::formatted;
using testing::pos_of;
using Strings = std::vector<std::string>;

struct Scanned {
  ScannedPage page;
  Strings diags;
  bool has_errors = false;
};

Scanned scan(std::string_view raw) {
  Diagnostics diags;
  Scanned out;
  out.page = scan_source(raw, "content/docs/a.md", "docs/a.md", diags);
  out.diags = formatted(diags);
  out.has_errors = diags.has_errors();
  return out;
}

TEST(Scan, FillsTheRecord) {
  std::string raw = "---\ntitle: Hi\n---\n# Body\n";
  Scanned s = scan(raw);
  EXPECT_EQ(s.diags, Strings{});
  EXPECT_EQ(s.page.source, "content/docs/a.md");
  EXPECT_EQ(s.page.rel, "docs/a.md");
  EXPECT_EQ(s.page.content_hash, hash_hex(raw));
  EXPECT_EQ(s.page.front.title, "Hi");
  EXPECT_EQ(s.page.body, "# Body\n");
  EXPECT_EQ(s.page.body_line, 4u);
}

TEST(Scan, NoFrontMatterKeepsTheWholeText) {
  Scanned s = scan("# Title\n\nText.\n");
  EXPECT_EQ(s.diags, Strings{});
  EXPECT_EQ(s.page.front.title, "");
  EXPECT_EQ(s.page.body, "# Title\n\nText.\n");
  EXPECT_EQ(s.page.body_line, 1u);
}

TEST(Scan, NormalizesByteOrderMarkAndLineEnds) {
  EXPECT_EQ(normalize_text("\xEF\xBB\xBF" "a\r\nb\rc\n\r\n"), "a\nb\nc\n\n");
  EXPECT_EQ(normalize_text("a\xEF\xBB\xBF"), "a\xEF\xBB\xBF");  // only a leading mark is dropped
  EXPECT_EQ(normalize_text("\r\r\na\r"), "\n\na\n");
  EXPECT_EQ(normalize_text("a\r\n"), "a\n");
  EXPECT_EQ(normalize_text("no carriage returns"), "no carriage returns");
  std::string raw = "\xEF\xBB\xBF---\r\ntitle: Hi\r\nweight: 2\r\n---\r\n# Body\r\nline\rend\r\n";
  Scanned s = scan(raw);
  EXPECT_EQ(s.diags, Strings{});
  EXPECT_EQ(s.page.front.title, "Hi");
  EXPECT_EQ(s.page.front.weight, 2);
  EXPECT_EQ(pos_of(s.page.front, "weight"), "3:9");
  EXPECT_EQ(s.page.body, "# Body\nline\nend\n");
  EXPECT_EQ(s.page.body_line, 5u);
  EXPECT_EQ(s.page.content_hash, hash_hex(raw));  // of the bytes on disk, not the normalized text
}

TEST(Scan, CrlfInEveryFormat) {
  Scanned toml = scan("+++\r\ntitle = \"T\"\r\n+++\r\nbody\r\n");
  EXPECT_EQ(toml.page.front.title, "T");
  EXPECT_EQ(toml.page.body, "body\n");
  Scanned json = scan("\xEF\xBB\xBF{\"title\": \"J\",\r\n \"draft\": true}\r\nbody\r\n");
  EXPECT_EQ(json.diags, Strings{});
  EXPECT_EQ(json.page.front.title, "J");
  EXPECT_TRUE(json.page.front.draft);
  EXPECT_EQ(pos_of(json.page.front, "draft"), "2:11");
  EXPECT_EQ(json.page.body, "body\n");
  EXPECT_EQ(json.page.body_line, 3u);
}

TEST(Scan, ErrorsAfterCrlfAreOnTheRightLine) {
  EXPECT_EQ(scan("---\r\ntitle: x\r\n\r\nweight: no\r\n---\r\n").diags,
            Strings{"content/docs/a.md:4:9: error: 'weight' must be an integer"});
}

TEST(Scan, BinaryFileIsAnError) {
  Scanned s = scan(std::string("PNG\0\x01\x02", 6));
  EXPECT_EQ(s.diags, Strings{"content/docs/a.md: error: binary file, not Markdown"});
  EXPECT_TRUE(s.has_errors);
}

TEST(Scan, NulPastTheSniffedBytesIsNotBinary) {
  std::string raw(kBinarySniffBytes, 'a');
  raw += '\0';
  Scanned s = scan(raw);
  EXPECT_FALSE(s.has_errors);
  std::string near(kBinarySniffBytes - 1, 'a');
  near += '\0';
  EXPECT_TRUE(scan(near).has_errors);
}

TEST(Scan, InvalidUtf8IsLocatedAtTheFirstBadByte) {
  EXPECT_EQ(scan("---\ntitle: ok\n---\nab\xff\n").diags,
            Strings{"content/docs/a.md:4:3: error: invalid UTF-8 (byte 0xff)"});
  EXPECT_EQ(scan("a\r\nbc\xc3(\n").diags, Strings{"content/docs/a.md:2:3: error: invalid UTF-8 (byte 0xc3)"});
  EXPECT_EQ(scan("\xEF\xBB\xBFx\xc0\xaf").diags, Strings{"content/docs/a.md:1:2: error: invalid UTF-8 (byte 0xc0)"});
}

TEST(Scan, EmptyFileIsAWarningAndStillAPage) {
  for (std::string_view raw : {std::string_view(""), std::string_view(" \n\t\r\n"), std::string_view("\xEF\xBB\xBF")}) {
    Scanned s = scan(raw);
    EXPECT_EQ(s.diags, Strings{"content/docs/a.md: warning: empty file"});
    EXPECT_FALSE(s.has_errors);
    EXPECT_EQ(s.page.front.title, "");
    EXPECT_EQ(s.page.rel, "docs/a.md");
    EXPECT_EQ(s.page.content_hash, hash_hex(raw));
  }
}

TEST(Scan, SubInTheBodyIsReplacedWithAWarning) {
  Scanned s = scan("---\ntitle: x\n---\nab\x1a" "c\n\x1a\n");
  EXPECT_EQ(s.diags, Strings{"content/docs/a.md:4:3: warning: control character 0x1a (SUB) replaced with U+FFFD "
                             "(2 times); it is reserved for internal use"});
  EXPECT_FALSE(s.has_errors);
  EXPECT_EQ(s.page.body, "ab\xEF\xBF\xBD" "c\n\xEF\xBF\xBD\n");
  Scanned one = scan("\x1a");
  EXPECT_EQ(one.diags, Strings{"content/docs/a.md:1:1: warning: control character 0x1a (SUB) replaced with U+FFFD; "
                               "it is reserved for internal use"});
}

TEST(Scan, FrontMatterErrorsCarryTheSourcePath) {
  Scanned s = scan("---\ntitle: x\n");
  EXPECT_TRUE(s.has_errors);
  EXPECT_EQ(s.diags, Strings{"content/docs/a.md:1:1: error: front matter opened here is never closed (no closing "
                             "'---' line)"});
}

TEST(ContentRelativePath, StripsTheContentFolder) {
  EXPECT_EQ(content_relative_path("content/docs/a.md", "content"), "docs/a.md");
  EXPECT_EQ(content_relative_path("content/a.md", "content/"), "a.md");
  EXPECT_EQ(content_relative_path("./content/a.md", "./content"), "a.md");
  EXPECT_EQ(content_relative_path("site/pages/a.md", "site/pages"), "a.md");
  EXPECT_EQ(content_relative_path("contents/a.md", "content"), "contents/a.md");
  EXPECT_EQ(content_relative_path("other/a.md", "content"), "other/a.md");
  EXPECT_EQ(content_relative_path("a.md", "."), "a.md");
  EXPECT_EQ(content_relative_path("a.md", ""), "a.md");
}

// A scratch folder, removed at the end of the test.
class ScanFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = (std::filesystem::temp_directory_path() / ("bengal-scan-test-" + std::to_string(::getpid()))).string();
    std::filesystem::remove_all(root_);
  }
  void TearDown() override { std::filesystem::remove_all(root_); }
  std::string put(const std::string& rel, std::string_view bytes) {
    std::string path = root_ + "/" + rel;
    write_file_atomic(path, bytes);
    return path;
  }
  std::string root_;
};

TEST_F(ScanFiles, SortsByRelAndLeavesOutPagesWithErrors) {
  std::vector<std::string> paths = {put("content/z.md", "# Z\n"), put("content/bad.md", "---\nweight: x\n---\n"),
                                    put("content/a/b.md", "---\ntitle: B\n---\n"),
                                    put("content/worse.md", "{\"url\": \"/../\"}\n"), put("content/empty.md", "")};
  Diagnostics diags;
  ScanShard shard = scan_files(paths, root_ + "/content", diags);
  ASSERT_EQ(shard.pages.size(), 3u);
  EXPECT_EQ(shard.pages[0].rel, "a/b.md");
  EXPECT_EQ(shard.pages[0].front.title, "B");
  EXPECT_EQ(shard.pages[1].rel, "empty.md");
  EXPECT_EQ(shard.pages[2].rel, "z.md");
  EXPECT_EQ(shard.pages[2].source, root_ + "/content/z.md");
  EXPECT_EQ(formatted(diags), (Strings{root_ + "/content/bad.md:2:9: error: 'weight' must be an integer",
                                       root_ + "/content/worse.md:1:9: error: front matter 'url' must not contain '..' "
                                               "segments",
                                       root_ + "/content/empty.md: warning: empty file"}));
}

TEST_F(ScanFiles, FileGivenTwiceIsScannedOnce) {
  std::string path = put("content/a.md", "x\n");
  Diagnostics diags;
  ScanShard shard = scan_files({path, path}, "content", diags);
  EXPECT_EQ(shard.pages.size(), 1u);
  EXPECT_EQ(formatted(diags), Strings{path + ": warning: file given more than once"});
}

TEST_F(ScanFiles, MissingFileIsAnIoFailure) {
  Diagnostics diags;
  try {
    scan_files({root_ + "/nope.md"}, "content", diags);
    FAIL() << "expected a Failure";
  } catch (const Failure& f) {
    EXPECT_EQ(f.code(), kExitIoError);
  }
}

TEST_F(ScanFiles, ShardSurvivesTheIntermediateFormat) {
  std::string path = put("content/p.md", "---\ntitle: P\ntags: [a]\nextra: {n: 1}\ndate: 2024-01-02\n---\nbody\n");
  Diagnostics diags;
  ScanShard shard = scan_files({path}, root_ + "/content", diags);
  std::string bytes = encode_intermediate(Kind::kScan, "bengal-scan test", shard);
  ScanShard back = decode_intermediate<ScanShard>(Kind::kScan, bytes, "p.scan");
  ASSERT_EQ(back.pages.size(), 1u);
  const ScannedPage& p = back.pages[0];
  EXPECT_EQ(p.rel, "p.md");
  EXPECT_EQ(p.front.title, "P");
  EXPECT_EQ(p.front.tags, Strings{"a"});
  EXPECT_EQ(p.front.date, "2024-01-02");
  EXPECT_EQ(p.front.params, (nlohmann::json{{"extra", {{"n", 1}}}}));
  EXPECT_EQ(pos_of(p.front, "extra"), "4:8");
  EXPECT_EQ(p.body, "body\n");
  EXPECT_EQ(p.body_line, 7u);
  EXPECT_EQ(encode_intermediate(Kind::kScan, "bengal-scan test", back), bytes);  // deterministic bytes
}

}  // namespace
}  // namespace bengal
