#pragma once
// File access for the tools. Every output is written to a temporary file in the same folder
// and renamed into place, so a reader never sees half a file. I/O problems throw a Failure
// with kExitIoError.
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace bengal {

// Reads a whole file; throws Failure(kExitIoError) naming the path on error.
std::string read_file(const std::string& path);
bool file_exists(const std::string& path);

// Writes bytes to path atomically (temp file + rename), creating parent folders.
void write_file_atomic(const std::string& path, std::string_view bytes);
// A part of a file being written: `bytes`, or when bytes.data() is null, `size` bytes of
// another file from `offset`.
struct FilePart {
  std::string_view bytes;
  uint64_t offset = 0, size = 0;
};
// Writes path atomically from parts, the ranges copied from `source` in the kernel
// (copy_file_range), so a big file made mostly of another one's bytes never passes through
// this process. With `spare` (a file of this function's own on path's file system), the bytes
// are written over the spare's, which is then renamed into place, and the file it replaces is
// kept as the next spare: a big file is then replaced without allocating or freeing its pages.
// A caller that knows the spare's first `spare_holds` bytes are already those the parts begin
// with (it wrote them) spares their copy too. Returns whether the replaced file is the spare now.
bool write_file_spliced(const std::string& path, const std::string& source, const std::vector<FilePart>& parts,
                        const std::string& spare = "", uint64_t spare_holds = 0);

// A file's bytes, mapped read-only instead of copied: for big files read once. A file renamed
// over or removed meanwhile keeps its bytes until the mapping goes. Throws like read_file.
class MappedFile {
 public:
  explicit MappedFile(const std::string& path);
  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  std::string_view bytes() const { return {data_, size_}; }

 private:
  const char* data_ = nullptr;
  size_t size_ = 0;
  bool mapped_ = false;
};

// Writes only when the bytes differ from what is on disk, so an unchanged output keeps its
// mtime and Ninja's restat prunes everything downstream. Returns true when it wrote.
bool write_file_if_changed(const std::string& path, std::string_view bytes);

// Files written as one set, so that a step that finds an error half-way writes none of them:
// each file whose bytes changed is written to a temporary file beside it (from any thread),
// commit() renames them all into place, and those not committed are removed on destruction.
class StagedWrites {
 public:
  StagedWrites() = default;
  StagedWrites(const StagedWrites&) = delete;
  StagedWrites& operator=(const StagedWrites&) = delete;
  ~StagedWrites();
  // Like write_file_if_changed, but the file appears only at commit(). Thread-safe.
  bool stage_if_changed(const std::string& path, std::string_view bytes);
  void commit();

 private:
  std::mutex mutex_;
  std::vector<std::pair<std::string, std::string>> staged_;  // temporary file, its path
};

// What stat says of a file, enough to tell that it changed without reading it (as git's index
// does): a rewrite through a rename gets a new inode, an edit in place a new mtime or ctime.
struct FileStamp {
  bool exists = false;
  uint64_t size = 0, inode = 0;
  int64_t mtime_ns = 0, ctime_ns = 0;
  bool operator==(const FileStamp& o) const {
    return exists == o.exists && size == o.size && inode == o.inode && mtime_ns == o.mtime_ns && ctime_ns == o.ctime_ns;
  }
};
FileStamp stamp_file(const std::string& path);

// The clock file times are taken from (the coarse real-time clock), in ns: a file whose mtime
// is older than a time read before it was read cannot have changed since without a new mtime.
int64_t file_clock_ns();

// Sets a file's modification time to now.
void touch_file(const std::string& path);

// Creates a folder and its parents; fine if it exists.
void make_dirs(const std::string& path);

// Removes a file if present, then any parent folders below `stop_at` that became empty.
void remove_file_and_empty_parents(const std::string& path, const std::string& stop_at);

// Lists regular files under root, recursively, as root-relative paths with '/' separators,
// sorted bytewise. Hidden entries (leading '.') are skipped.
std::vector<std::string> list_files_recursive(const std::string& root);

// Lists folders under root (root itself as ""), recursively, sorted; hidden ones skipped.
std::vector<std::string> list_dirs_recursive(const std::string& root);

}  // namespace bengal
