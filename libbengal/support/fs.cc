#include "support/fs.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

#include "support/failure.h"

namespace bengal {
namespace fs = std::filesystem;

static Failure io_failure(const std::string& path, const char* what) {
  return Failure(kExitIoError, path + ": " + what + ": " + std::strerror(errno));
}

std::string read_file(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw io_failure(path, "cannot open");
  std::string out;
  struct stat st;
  if (::fstat(fd, &st) == 0 && st.st_size > 0) out.reserve(static_cast<size_t>(st.st_size));
  char buf[65536];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      int saved = errno;
      ::close(fd);
      errno = saved;
      throw io_failure(path, "cannot read");
    }
    if (n == 0) break;
    out.append(buf, static_cast<size_t>(n));
  }
  ::close(fd);
  return out;
}

bool file_exists(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0;
}

FileStamp stamp_file(const std::string& path) {
  struct stat st;
  FileStamp s;
  if (::stat(path.c_str(), &st) != 0) return s;
  s.exists = true;
  s.size = static_cast<uint64_t>(st.st_size);
  s.inode = static_cast<uint64_t>(st.st_ino);
  s.mtime_ns = static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
  s.ctime_ns = static_cast<int64_t>(st.st_ctim.tv_sec) * 1000000000 + st.st_ctim.tv_nsec;
  return s;
}

int64_t file_clock_ns() {
  struct timespec ts;
  ::clock_gettime(CLOCK_REALTIME_COARSE, &ts);
  return static_cast<int64_t>(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

void touch_file(const std::string& path) {
  if (::utimensat(AT_FDCWD, path.c_str(), nullptr, 0) != 0) throw io_failure(path, "cannot touch");
}

void make_dirs(const std::string& path) {
  if (path.empty()) return;
  std::error_code ec;
  fs::create_directories(path, ec);
  if (ec) throw Failure(kExitIoError, path + ": cannot create folder: " + ec.message());
}

static std::string parent_of(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? std::string() : path.substr(0, slash);
}

// ".tmp.PID.TID": the thread id too, as bengal-link stages several files from several threads.
static const std::string& temp_suffix() {
  thread_local const std::string suffix = ".tmp." + std::to_string(::getpid()) + "." + std::to_string(::gettid());
  return suffix;
}

// Makes path's folder; true when it did not exist before. One mkdir of the parent, not a stat
// of every level: bengal-emit writes each page into a folder of its own, which is new in a
// clean build and there in any other.
static bool make_parent(const std::string& path) {
  const std::string parent = parent_of(path);
  if (parent.empty() || ::mkdir(parent.c_str(), 0777) == 0) return !parent.empty();
  if (errno == EEXIST) return false;
  make_dirs(parent);
  return true;
}

enum class Parent { kMake, kMade };

// Writes through `fill` into a temporary file beside path; returns the temporary file's path.
template <class Fill>
static std::string write_temp(const std::string& path, const Fill& fill, Parent parent = Parent::kMake) {
  if (parent == Parent::kMake) make_parent(path);
  std::string tmp = path + temp_suffix();
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0 && errno == ENOTDIR) make_dirs(parent_of(path));  // a file where the folder goes: says so
  if (fd < 0) throw io_failure(tmp, "cannot create");
  auto fail = [&](const std::string& what_path, const char* what) {
    int saved = errno;
    if (fd >= 0) ::close(fd);
    ::unlink(tmp.c_str());
    errno = saved;
    throw io_failure(what_path, what);
  };
  fill(fd, fail);
  int closed = ::close(fd);
  fd = -1;
  if (closed != 0) fail(path, "cannot write");
  return tmp;
}

static void rename_into_place(const std::string& tmp, const std::string& path) {
  if (::rename(tmp.c_str(), path.c_str()) == 0) return;
  int saved = errno;
  ::unlink(tmp.c_str());
  errno = saved;
  throw io_failure(path, "cannot rename into place");
}

// Writes through `fill` into a temporary file beside path, then renames it into place.
template <class Fill>
static void write_through_temp(const std::string& path, const Fill& fill) {
  rename_into_place(write_temp(path, fill), path);
}

template <class Fail>
static void write_all(int fd, std::string_view bytes, const std::string& path, const Fail& fail) {
  const char* p = bytes.data();
  size_t left = bytes.size();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      fail(path, "cannot write");
    }
    p += n;
    left -= static_cast<size_t>(n);
  }
}

void write_file_atomic(const std::string& path, std::string_view bytes) {
  write_through_temp(path, [&](int fd, const auto& fail) { write_all(fd, bytes, path, fail); });
}

// Writes the parts into fd from offset 0 (ranges from `in`), except the first `holds` bytes,
// which fd already has; the file's size is the total.
template <class Fail>
static void write_parts(int fd, int in, const std::vector<FilePart>& parts, const std::string& path,
                        const std::string& source, const Fail& fail, uint64_t holds = 0) {
  std::string buffer;
  loff_t out = 0;
  for (const FilePart& whole : parts) {
    FilePart part = whole;
    const uint64_t size = part.bytes.data() ? part.bytes.size() : part.size;
    if (static_cast<uint64_t>(out) + size <= holds) {  // already there
      out += static_cast<loff_t>(size);
      continue;
    }
    if (static_cast<uint64_t>(out) < holds) {  // its first bytes are
      const uint64_t skip = holds - static_cast<uint64_t>(out);
      if (part.bytes.data()) part.bytes.remove_prefix(skip);
      else part.offset += skip, part.size -= skip;
      out += static_cast<loff_t>(skip);
    }
    if (part.bytes.data()) {
      for (size_t done = 0; done < part.bytes.size();) {
        ssize_t n = ::pwrite(fd, part.bytes.data() + done, part.bytes.size() - done, out);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) fail(path, "cannot write");
        done += static_cast<size_t>(n);
        out += n;
      }
      continue;
    }
    loff_t from = static_cast<loff_t>(part.offset);
    for (uint64_t left = part.size; left > 0;) {
      ssize_t n = ::copy_file_range(in, &from, fd, &out, left, 0);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0 && errno != ENOSYS && errno != EXDEV && errno != EINVAL && errno != EOPNOTSUPP)
        fail(path, "cannot write");
      if (n <= 0) {  // no kernel copy here (or the source ended early): read and write
        buffer.resize(static_cast<size_t>(std::min<uint64_t>(left, 1 << 20)));
        n = ::pread(in, buffer.data(), buffer.size(), from);
        if (n <= 0) fail(source, "cannot read");
        if (::pwrite(fd, buffer.data(), static_cast<size_t>(n), out) != n) fail(path, "cannot write");
        from += n;
        out += n;
      }
      left -= static_cast<uint64_t>(n);
    }
  }
  if (::ftruncate(fd, out) != 0) fail(path, "cannot write");
}

static bool same_device(const std::string& a, const std::string& b) {
  struct stat sa, sb;
  std::string da = parent_of(a), db = parent_of(b);
  return ::stat(da.empty() ? "." : da.c_str(), &sa) == 0 && ::stat(db.empty() ? "." : db.c_str(), &sb) == 0 &&
         sa.st_dev == sb.st_dev;
}

// Replaces path by the spare, written over; the replaced file becomes the spare. A crash at
// any point leaves path old or new, whole: the spare is only ever renamed into place.
static bool write_over_spare(const std::string& path, int in, const std::string& source,
                             const std::vector<FilePart>& parts, const std::string& spare, uint64_t holds,
                             bool& kept) {
  if (!same_device(path, spare)) return false;
  int fd = ::open(spare.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return false;
  struct stat sp, sv;
  if (::fstat(fd, &sp) != 0 || (::stat(path.c_str(), &sv) == 0 && sp.st_ino == sv.st_ino && sp.st_dev == sv.st_dev)) {
    ::close(fd);  // the spare is the file itself (hard-linked by hand): not a spare
    ::unlink(spare.c_str());
    return false;
  }
  auto fail = [&](const std::string& what_path, const char* what) {
    int saved = errno;
    ::close(fd);
    ::unlink(spare.c_str());
    errno = saved;
    throw io_failure(what_path, what);
  };
  write_parts(fd, in, parts, path, source, fail, holds);
  if (::close(fd) != 0) {
    int saved = errno;
    ::unlink(spare.c_str());
    errno = saved;
    throw io_failure(path, "cannot write");
  }
  const std::string next = spare + ".next";
  ::unlink(next.c_str());
  kept = ::link(path.c_str(), next.c_str()) == 0;
  if (::rename(spare.c_str(), path.c_str()) != 0) throw io_failure(path, "cannot rename into place");
  kept = kept && ::rename(next.c_str(), spare.c_str()) == 0;
  return true;
}

bool write_file_spliced(const std::string& path, const std::string& source, const std::vector<FilePart>& parts,
                        const std::string& spare, uint64_t spare_holds) {
  int in = ::open(source.c_str(), O_RDONLY | O_CLOEXEC);
  if (in < 0) throw io_failure(source, "cannot open");
  bool kept = false;
  try {
    if (spare.empty() || !write_over_spare(path, in, source, parts, spare, spare_holds, kept))
      write_through_temp(path, [&](int fd, const auto& fail) { write_parts(fd, in, parts, path, source, fail); });
  } catch (...) {
    ::close(in);
    throw;
  }
  ::close(in);
  return kept;
}

MappedFile::MappedFile(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw io_failure(path, "cannot open");
  struct stat st;
  if (::fstat(fd, &st) != 0) {
    int saved = errno;
    ::close(fd);
    errno = saved;
    throw io_failure(path, "cannot read");
  }
  size_ = static_cast<size_t>(st.st_size);
  if (size_ > 0) {
    void* p = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
    if (p == MAP_FAILED) {
      int saved = errno;
      ::close(fd);
      errno = saved;
      throw io_failure(path, "cannot read");
    }
    data_ = static_cast<const char*>(p);
    mapped_ = true;
  }
  ::close(fd);
}

MappedFile::~MappedFile() {
  if (mapped_) ::munmap(const_cast<char*>(data_), size_);
}

// Whether path holds exactly these bytes.
static bool same_bytes_on_disk(const std::string& path, std::string_view bytes) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0 || static_cast<size_t>(st.st_size) != bytes.size()) return false;
  // Same size: compare contents. Reading is cheaper than a rewrite that would wake up
  // everything downstream. In pieces, so that a big file is never held twice.
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  std::string chunk(std::min<size_t>(bytes.size(), size_t{1} << 20), '\0');
  size_t done = 0;
  bool same = true;
  while (same && done < bytes.size()) {
    ssize_t n = ::pread(fd, chunk.data(), std::min(chunk.size(), bytes.size() - done), static_cast<off_t>(done));
    if (n < 0 && errno == EINTR) continue;
    same = n > 0 && bytes.substr(done, static_cast<size_t>(n)) == std::string_view(chunk.data(), static_cast<size_t>(n));
    done += n > 0 ? static_cast<size_t>(n) : 0;
  }
  ::close(fd);
  return same;
}

// A folder made just now holds no file to compare with: a clean build's pages (a folder each)
// skip the stat.
bool write_file_if_changed(const std::string& path, std::string_view bytes) {
  if (!make_parent(path) && same_bytes_on_disk(path, bytes)) return false;
  auto fill = [&](int fd, const auto& fail) { write_all(fd, bytes, path, fail); };
  rename_into_place(write_temp(path, fill, Parent::kMade), path);
  return true;
}

bool StagedWrites::stage_if_changed(const std::string& path, std::string_view bytes) {
  if (!make_parent(path) && same_bytes_on_disk(path, bytes)) return false;
  std::string tmp = write_temp(path, [&](int fd, const auto& fail) { write_all(fd, bytes, path, fail); }, Parent::kMade);
  std::lock_guard<std::mutex> lock(mutex_);
  staged_.emplace_back(std::move(tmp), path);
  return true;
}

void StagedWrites::commit() {
  std::lock_guard<std::mutex> lock(mutex_);
  // Sorted: the files appear in the same order whatever order the threads staged them in.
  std::sort(staged_.begin(), staged_.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
  for (size_t i = 0; i < staged_.size(); ++i) {
    try {
      rename_into_place(staged_[i].first, staged_[i].second);
    } catch (...) {
      staged_.erase(staged_.begin(), staged_.begin() + static_cast<std::ptrdiff_t>(i) + 1);
      throw;  // the destructor removes the rest
    }
  }
  staged_.clear();
}

StagedWrites::~StagedWrites() {
  for (const auto& [tmp, path] : staged_) ::unlink(tmp.c_str());
}

void remove_file_and_empty_parents(const std::string& path, const std::string& stop_at) {
  if (::unlink(path.c_str()) != 0 && errno != ENOENT) throw io_failure(path, "cannot remove");
  std::string dir = parent_of(path);
  while (!dir.empty() && dir != stop_at && dir.size() > stop_at.size()) {
    if (::rmdir(dir.c_str()) != 0) break;  // not empty (or not ours): stop climbing
    dir = parent_of(dir);
  }
}

template <class Keep>
static std::vector<std::string> walk(const std::string& root, Keep keep) {
  std::vector<std::string> out;
  std::error_code ec;
  if (!fs::is_directory(root, ec)) return out;
  fs::recursive_directory_iterator it(root, fs::directory_options::none, ec), end;
  if (ec) throw Failure(kExitIoError, root + ": cannot list: " + ec.message());
  for (; it != end; it.increment(ec)) {
    if (ec) throw Failure(kExitIoError, root + ": cannot list: " + ec.message());
    const fs::path& p = it->path();
    std::string name = p.filename().string();
    if (!name.empty() && name[0] == '.') {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (keep(*it)) out.push_back(p.lexically_relative(root).generic_string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> list_files_recursive(const std::string& root) {
  return walk(root, [](const fs::directory_entry& e) {
    std::error_code ec;
    return e.is_regular_file(ec);
  });
}

std::vector<std::string> list_dirs_recursive(const std::string& root) {
  std::vector<std::string> out = walk(root, [](const fs::directory_entry& e) {
    std::error_code ec;
    return e.is_directory(ec);
  });
  std::error_code ec;
  if (fs::is_directory(root, ec)) out.insert(out.begin(), std::string());
  return out;
}

}  // namespace bengal
