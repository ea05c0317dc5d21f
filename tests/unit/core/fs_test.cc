// support/fs.h: stamps, mapped files and files spliced from another file's ranges.
#include "support/fs.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "support/failure.h"

namespace bengal {
namespace {

namespace fs = std::filesystem;

class FsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (fs::temp_directory_path() / "bengal-fs-XXXXXX").string();
    ASSERT_NE(::mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string path(const std::string& rel) const { return dir_ + "/" + rel; }
  // f must throw a Failure whose message contains `message`.
  template <class F>
  static void expect_failure(F f, const std::string& message) {
    try {
      f();
      ADD_FAILURE() << "no error";
    } catch (const Failure& e) {
      EXPECT_NE(std::string(e.what()).find(message), std::string::npos) << e.what();
    }
  }
  static ino_t inode(const std::string& p) {
    struct stat st;
    return ::stat(p.c_str(), &st) == 0 ? st.st_ino : 0;
  }
  std::string dir_;
};

TEST_F(FsTest, AStampChangesWithARewriteAndNotWithoutOne) {
  EXPECT_FALSE(stamp_file(path("none")).exists);
  write_file_atomic(path("a"), "one");
  FileStamp first = stamp_file(path("a"));
  EXPECT_TRUE(first.exists);
  EXPECT_EQ(first.size, 3u);
  EXPECT_EQ(stamp_file(path("a")), first);
  write_file_atomic(path("a"), "two");  // same size, a new inode
  EXPECT_FALSE(stamp_file(path("a")) == first);
  EXPECT_LE(first.ctime_ns, file_clock_ns() + 1000000000);
}

TEST_F(FsTest, AMappedFileHasTheBytesEvenAfterItIsReplaced) {
  write_file_atomic(path("a"), "mapped bytes");
  MappedFile m(path("a"));
  write_file_atomic(path("a"), "other");
  EXPECT_EQ(m.bytes(), "mapped bytes");
  write_file_atomic(path("empty"), "");
  EXPECT_EQ(MappedFile(path("empty")).bytes(), "");
  EXPECT_THROW(MappedFile(path("none")), Failure);
}

// A file's folders are made as needed: one level, several, or none (they exist); a file in
// the way is an error that names the folder.
// In a folder it makes, the file is new: written without a look; elsewhere only new bytes are.
TEST_F(FsTest, AWriteIfChangedMakesItsFoldersAndKeepsTheSameBytes) {
  EXPECT_TRUE(write_file_if_changed(path("a/b/index.html"), "one"));
  EXPECT_EQ(read_file(path("a/b/index.html")), "one");
  FileStamp first = stamp_file(path("a/b/index.html"));
  EXPECT_FALSE(write_file_if_changed(path("a/b/index.html"), "one"));
  EXPECT_EQ(stamp_file(path("a/b/index.html")), first);
  EXPECT_TRUE(write_file_if_changed(path("a/b/index.html"), "two"));
  EXPECT_EQ(read_file(path("a/b/index.html")), "two");
  EXPECT_TRUE(write_file_if_changed(path("a/c/d/e.html"), "deep"));
  EXPECT_EQ(read_file(path("a/c/d/e.html")), "deep");
  write_file_atomic(path("file"), "in the way");
  expect_failure([&] { write_file_if_changed(path("file/index.html"), "x"); }, path("file") + ": cannot create folder");
}

TEST_F(FsTest, AnAtomicWriteMakesItsFolders) {
  write_file_atomic(path("one/index.html"), "1");
  write_file_atomic(path("a/b/c/index.html"), "2");
  write_file_atomic(path("a/b/c/other.html"), "3");
  EXPECT_EQ(read_file(path("one/index.html")), "1");
  EXPECT_EQ(read_file(path("a/b/c/index.html")), "2");
  EXPECT_EQ(read_file(path("a/b/c/other.html")), "3");
  write_file_atomic(path("file"), "in the way");
  expect_failure([&] { write_file_atomic(path("file/index.html"), "x"); }, path("file") + ": cannot create folder");
  expect_failure([&] { write_file_atomic(path("file/deeper/index.html"), "x"); }, "cannot create folder");
  // No temporary file is left behind.
  std::vector<std::string> names;
  for (const auto& e : fs::recursive_directory_iterator(dir_)) names.push_back(e.path().filename().string());
  for (const std::string& n : names) EXPECT_EQ(n.find(".tmp."), std::string::npos) << n;
}

TEST_F(FsTest, ASplicedFileIsItsPartsInOrder) {
  write_file_atomic(path("old"), "0123456789");
  std::vector<FilePart> parts = {{{}, 0, 3}, {"abc", 0, 0}, {{}, 7, 3}, {"", 0, 0}};
  write_file_spliced(path("new"), path("old"), parts);
  EXPECT_EQ(read_file(path("new")), "012abc789");
  // The source may be the file being replaced.
  write_file_spliced(path("old"), path("old"), {{{}, 5, 5}, {"!", 0, 0}});
  EXPECT_EQ(read_file(path("old")), "56789!");
  EXPECT_THROW(write_file_spliced(path("x"), path("none"), {}), Failure);
}

TEST_F(FsTest, ASplicedFileWrittenOverTheSpareKeepsTheOldOneAsTheNext) {
  const std::string file = path("big.txt"), spare = path("big.spare");
  write_file_atomic(file, "version one, a long line");
  const ino_t one = inode(file);
  write_file_spliced(file, file, {{"version two", 0, 0}, {{}, 11, 13}}, spare);
  EXPECT_EQ(read_file(file), "version two, a long line");
  EXPECT_EQ(inode(spare), one);  // the replaced file is the spare now
  const ino_t two = inode(file);
  write_file_spliced(file, file, {{"v3", 0, 0}}, spare);  // shorter than the spare's bytes
  EXPECT_EQ(read_file(file), "v3");
  EXPECT_EQ(inode(file), one);  // written over the old spare, renamed into place
  EXPECT_EQ(inode(spare), two);
  EXPECT_FALSE(file_exists(spare + ".next"));
  // A spare that is the file itself (a hard link) is not used.
  ::unlink(spare.c_str());
  ASSERT_EQ(::link(file.c_str(), spare.c_str()), 0);
  write_file_spliced(file, file, {{"v4", 0, 0}}, spare);
  EXPECT_EQ(read_file(file), "v4");
}

// What the caller says the spare already holds is not written again: here the spare's first
// bytes are made to differ, so that they show whether they were.
TEST_F(FsTest, ASplicedFileSkipsWhatTheSpareHolds) {
  const std::string file = path("big.txt"), spare = path("big.spare");
  write_file_atomic(file, "0123456789abcdef");
  write_file_atomic(spare, "XXXXXX-old-spare-bytes-beyond");
  EXPECT_TRUE(write_file_spliced(file, file, {{{}, 0, 8}, {"!", 0, 0}, {{}, 8, 8}}, spare, 6));
  EXPECT_EQ(read_file(file), "XXXXXX67!89abcdef");  // 6 bytes kept, the rest written, truncated
  EXPECT_EQ(read_file(spare), "0123456789abcdef");   // the replaced file is the spare
  // A part the held bytes end inside, of written bytes.
  write_file_atomic(spare, "YYYYYYYYYYYYYYYYYYYYYYYY");
  EXPECT_TRUE(write_file_spliced(file, file, {{"abc", 0, 0}, {"defgh", 0, 0}}, spare, 5));
  EXPECT_EQ(read_file(file), "YYYYYfgh");
  // Without a spare the bytes are all written, whatever the caller says.
  write_file_spliced(path("other"), file, {{{}, 0, 3}}, "", 3);
  EXPECT_EQ(read_file(path("other")), "YYY");
}

// Staged files appear together at commit(); without a commit none of them does, and an
// unchanged file is not staged at all (it keeps its inode).
TEST_F(FsTest, StagedWritesAppearOnlyAtCommit) {
  write_file_atomic(path("same"), "kept");
  write_file_atomic(path("old"), "old bytes");
  const ino_t same = inode(path("same"));
  {
    StagedWrites w;
    EXPECT_FALSE(w.stage_if_changed(path("same"), "kept"));
    EXPECT_TRUE(w.stage_if_changed(path("old"), "new bytes"));
    EXPECT_TRUE(w.stage_if_changed(path("sub/new"), "fresh"));
    EXPECT_EQ(read_file(path("old")), "old bytes");
    EXPECT_FALSE(file_exists(path("sub/new")));
    w.commit();
  }
  EXPECT_EQ(read_file(path("old")), "new bytes");
  EXPECT_EQ(read_file(path("sub/new")), "fresh");
  EXPECT_EQ(inode(path("same")), same);
  {
    StagedWrites w;  // an error before commit(): nothing changes, no temporary file stays
    EXPECT_TRUE(w.stage_if_changed(path("old"), "third"));
    EXPECT_TRUE(w.stage_if_changed(path("other"), "x"));
  }
  EXPECT_EQ(read_file(path("old")), "new bytes");
  EXPECT_FALSE(file_exists(path("other")));
  std::vector<std::string> left;
  for (const auto& e : fs::recursive_directory_iterator(dir_)) left.push_back(e.path().filename().string());
  std::sort(left.begin(), left.end());
  EXPECT_EQ(left, (std::vector<std::string>{"new", "old", "same", "sub"}));
}

}  // namespace
}  // namespace bengal
