#include "index/search_state_file.h"

#include <fcntl.h>
#include <unistd.h>
#define XXH_INLINE_ALL
#include <xxhash.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "support/failure.h"

namespace bengal::search_state {
namespace {

// One file, mapped and used in place (terms, names and postings are views into it). The
// documents' records are not kept: they are in the docs-K.json files, which a run reads,
// checked against their recorded hashes, only where a document changed.
//
//   header   "BGLSRCH\n", u32 schema, u32 byte-order mark, u64 body size, u64 XXH3 of the body
//   body     u64 key (state_key), i64 read_at (file clock before the inputs were statted)
//            inputs:    u32 n, then per file: str path, u64 size, u64 inode, i64 mtime, i64 ctime,
//                       u64 XXH3 of its bytes, u32s documents it lists, u32 n and n strs: the
//                       other rels it lists ([0] is the page table)
//            terms:     u32 n, then str per term (a posting's term id is its index)
//            documents: u32 n, then per document: str rel, title, URL, section title, u32 bytes
//                       and u64 hash of its llms-full.txt section (0: not listed), u32 n, zero
//                       bytes to a 4-byte boundary, n u32 postings (used in place)
//            fragments: u32 n, then per file: str key, u64 hash, u64 size (sorted by key)
//            chunks:    u32 n, then u64 hash, u64 size per docs-K.json
//            llms-full: u64 hash (of the header's and the sections' hashes), u64 size, u64 header
//                       size, u64 header hash, and its stamp: u64 size, u64 inode, i64 mtime, i64 ctime;
//                       the spare's stamp, and u64 bytes at its start that are llms-full.txt's
//
// Integers are little-endian (the byte-order mark refuses a state from another machine),
// strings are u32 size + bytes, u32s are u32 count + values. Anything unexpected, a body
// whose hash is not the recorded one included, makes the state unusable: a full run. The key
// is read first, so a state of another config is refused without parsing the rest.

constexpr char kMagic[8] = {'B', 'G', 'L', 'S', 'R', 'C', 'H', '\n'};
constexpr uint32_t kByteOrderMark = 0x01020304;
constexpr size_t kHeaderSize = 32;

struct BadState {};

class Reader {
 public:
  explicit Reader(std::string_view bytes) : p_(bytes.data()), end_(bytes.data() + bytes.size()) {}
  uint32_t u32() { return raw<uint32_t>(); }
  uint64_t u64() { return raw<uint64_t>(); }
  int64_t i64() { return raw<int64_t>(); }
  // A count of entries of at least `each` bytes, checked against the bytes left before anything
  // is allocated for them.
  size_t count(size_t each) {
    size_t n = u32();
    need(n * each);
    return n;
  }
  std::string_view str() {
    size_t n = u32();
    need(n);
    std::string_view s(p_, n);
    p_ += n;
    return s;
  }
  void u32s(std::vector<uint32_t>& out) {
    size_t n = count(4);
    out.resize(n);
    if (n) std::memcpy(out.data(), p_, n * 4);
    p_ += n * 4;
  }
  // A u32 array at a 4-byte boundary of the file (so of the mapping), used in place.
  DocTerms aligned_u32s() {
    size_t n = u32();
    size_t pad = (4 - reinterpret_cast<uintptr_t>(p_) % 4) % 4;
    need(pad);
    p_ += pad;
    need(n * 4);
    const uint32_t* data = reinterpret_cast<const uint32_t*>(p_);
    p_ += n * 4;
    return DocTerms::view(data, n);
  }
  void strs(std::vector<std::string_view>& out) {
    out.resize(count(4));
    for (std::string_view& s : out) s = str();
  }
  bool done() const { return p_ == end_; }

 private:
  void need(size_t n) const {
    if (static_cast<size_t>(end_ - p_) < n) throw BadState{};
  }
  template <class T>
  T raw() {
    need(sizeof(T));
    T v;
    std::memcpy(&v, p_, sizeof(T));
    p_ += sizeof(T);
    return v;
  }
  const char* p_;
  const char* end_;
};

// Writes the state to a file through a small buffer (the state is 46 MB at 100,000 pages, which
// a run need not hold a second time), hashing the body as it goes. Positions are the file's.
class Writer {
 public:
  Writer(int fd, const std::string& path, size_t buffer_bytes)
      : fd_(fd), path_(path), hash_(XXH3_createState()), buffer_bytes_(buffer_bytes) {
    XXH3_64bits_reset(hash_);
    out_.reserve(buffer_bytes + 4096);
  }
  ~Writer() { XXH3_freeState(hash_); }
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;

  void raw_byte(char c) { raw(&c, 1); }
  void u32(uint32_t v) { raw(&v, 4); }
  void u64(uint64_t v) { raw(&v, 8); }
  void i64(int64_t v) { raw(&v, 8); }
  void str(std::string_view s) {
    u32(static_cast<uint32_t>(s.size()));
    raw(s.data(), s.size());
  }
  void u32s(const std::vector<uint32_t>& v) {
    u32(static_cast<uint32_t>(v.size()));
    raw(v.data(), v.size() * 4);
  }
  void strs(const std::vector<std::string_view>& v) {
    u32(static_cast<uint32_t>(v.size()));
    for (std::string_view s : v) str(s);
  }
  void aligned_u32s(const uint32_t* data, size_t n) {
    u32(static_cast<uint32_t>(n));
    static const char kZeros[4] = {};
    raw(kZeros, (4 - position() % 4) % 4);
    raw(data, n * 4);
  }
  // Writes what is buffered; the header's size and hash of the body written after it.
  void finish() {
    flush();
    const uint64_t size = position() - kHeaderSize, hash = XXH3_64bits_digest(hash_);
    char fields[16];
    std::memcpy(fields, &size, 8);
    std::memcpy(fields + 8, &hash, 8);
    if (::pwrite(fd_, fields, 16, 16) != 16) fail();
  }

 private:
  uint64_t position() const { return flushed_ + out_.size(); }
  void raw(const void* data, size_t n) {
    out_.append(static_cast<const char*>(data), n);
    if (out_.size() >= buffer_bytes_) flush();
  }
  void flush() {
    std::string_view bytes = out_;
    // The header (the first kHeaderSize bytes, all in the first flush) is not hashed.
    const size_t skip = flushed_ < kHeaderSize ? std::min(bytes.size(), kHeaderSize - flushed_) : 0;
    XXH3_64bits_update(hash_, bytes.data() + skip, bytes.size() - skip);
    while (!bytes.empty()) {
      const ssize_t n = ::write(fd_, bytes.data(), bytes.size());
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) fail();
      bytes.remove_prefix(static_cast<size_t>(n));
    }
    flushed_ += out_.size();
    out_.clear();
  }
  [[noreturn]] void fail() { throw Failure(kExitIoError, path_ + ": cannot write: " + std::strerror(errno)); }

  int fd_;
  const std::string& path_;
  XXH3_state_t* hash_;
  size_t buffer_bytes_;
  std::string out_;
  uint64_t flushed_ = 0;
};

FileStamp read_stamp(Reader& r) {
  FileStamp st;
  st.exists = true;
  st.size = r.u64();
  st.inode = r.u64();
  st.mtime_ns = r.i64();
  st.ctime_ns = r.i64();
  return st;
}

void write_stamp(Writer& w, const FileStamp& st) {
  w.u64(st.size);
  w.u64(st.inode);
  w.i64(st.mtime_ns);
  w.i64(st.ctime_ns);
}

// The body after the key.
void parse_body(Reader& r, State& s) {
  s.read_at = r.i64();
  s.inputs.resize(r.count(52));  // a path, a stamp, a hash and two counts: 52 bytes at least
  for (InputEntry& in : s.inputs) {
    in.path = r.str();
    in.stamp = read_stamp(r);
    in.hash = r.u64();
    r.u32s(in.docs);
    r.strs(in.others);
  }
  const size_t terms = r.count(4);
  s.model.terms.reserve(terms);
  for (size_t i = 0; i < terms; ++i) s.model.terms.add_view(r.str());
  if (s.model.terms.size() != terms) throw BadState{};  // a term twice
  s.docs.resize(r.count(32));  // four strings, the section's size and hash, the postings' count
  s.model.records.resize(s.docs.size());
  s.model.doc_terms.resize(s.docs.size());
  for (size_t d = 0; d < s.docs.size(); ++d) {
    DocEntry& doc = s.docs[d];
    doc.rel = r.str();
    doc.title = r.str();
    doc.url = r.str();
    doc.section_title = r.str();
    doc.llms_bytes = r.u32();
    doc.llms_hash = r.u64();
    s.model.doc_terms[d] = r.aligned_u32s();
    for (uint32_t p : s.model.doc_terms[d])
      if (posting_term(p) >= terms) throw BadState{};
  }
  for (const InputEntry& in : s.inputs)
    for (uint32_t d : in.docs)
      if (d >= s.docs.size()) throw BadState{};
  s.fragments.resize(r.count(20));
  for (FragmentEntry& f : s.fragments) {
    f.key = r.str();
    f.file.hash = r.u64();
    f.file.size = r.u64();
  }
  s.chunks.resize(r.count(16));
  for (FileEntry& c : s.chunks) {
    c.hash = r.u64();
    c.size = r.u64();
  }
  s.llms.hash = r.u64();
  s.llms.size = r.u64();
  s.llms_header = r.u64();
  s.llms_header_hash = r.u64();
  s.llms_stamp = read_stamp(r);
  s.spare_stamp = read_stamp(r);
  s.spare_same = r.u64();
  if (!r.done()) throw BadState{};
}

}  // namespace

bool read_state(const std::string& path, uint64_t key, State& s, std::string& reason) {
  const FileStamp stamp = stamp_file(path);
  if (!stamp.exists) {
    reason = "no state";
    return false;
  }
  s.written_at = stamp.mtime_ns;
  try {
    s.file = std::make_unique<MappedFile>(path);
  } catch (const Failure&) {
    reason = "the state cannot be read";
    return false;
  }
  const std::string_view b = s.file->bytes();
  uint32_t schema = 0, mark = 0;
  uint64_t size = 0, hash = 0;
  if (b.size() >= kHeaderSize) {
    std::memcpy(&schema, b.data() + 8, 4);
    std::memcpy(&mark, b.data() + 12, 4);
    std::memcpy(&size, b.data() + 16, 8);
    std::memcpy(&hash, b.data() + 24, 8);
  }
  if (b.size() < kHeaderSize || std::memcmp(b.data(), kMagic, 8) != 0 || mark != kByteOrderMark) {
    reason = "the state is not a search state";
    return false;
  }
  if (schema != kStateSchema) {
    reason = "the state has another schema";
    return false;
  }
  std::string_view body(b.data() + kHeaderSize, b.size() - kHeaderSize);
  if (size != body.size() || hash != hash64(body)) {
    reason = "the state is truncated or corrupt";
    return false;
  }
  try {
    Reader r(body);
    s.key = r.u64();
    if (s.key != key) {
      reason = "the state is of another config, options or tool build";
      return false;
    }
    parse_body(r, s);
  } catch (const BadState&) {
    reason = "the state is corrupt";
    return false;
  }
  return true;
}

namespace {

void write_body(Writer& w, const State& s) {
  // Terms no posting uses any more are left out once they are an eighth of the table (until
  // then they cost a few bytes, and leaving them spares renumbering every posting).
  const SearchModel& m = s.model;
  std::vector<uint32_t> new_id(m.terms.size(), 0);
  for (const DocTerms& doc : m.doc_terms)
    for (uint32_t p : doc) new_id[posting_term(p)] = 1;
  uint32_t used = 0;
  for (uint32_t& id : new_id) id = id ? used++ : UINT32_MAX;
  const bool compact = m.terms.size() - used > m.terms.size() / 8;
  if (!compact) {
    used = static_cast<uint32_t>(m.terms.size());
    for (uint32_t id = 0; id < used; ++id) new_id[id] = id;
  }
  for (char c : kMagic) w.raw_byte(c);
  w.u32(kStateSchema);
  w.u32(kByteOrderMark);
  w.u64(0);  // the body's size and hash, set by finish()
  w.u64(0);
  w.u64(s.key);
  w.i64(s.read_at);
  w.u32(static_cast<uint32_t>(s.inputs.size()));
  for (const InputEntry& in : s.inputs) {
    w.str(in.path);
    write_stamp(w, in.stamp);
    w.u64(in.hash);
    w.u32s(in.docs);
    w.strs(in.others);
  }
  w.u32(used);
  for (uint32_t id = 0; id < m.terms.size(); ++id)
    if (new_id[id] != UINT32_MAX) w.str(m.terms.at(id));
  w.u32(static_cast<uint32_t>(s.docs.size()));
  std::vector<uint32_t> postings;
  for (size_t d = 0; d < s.docs.size(); ++d) {
    const DocEntry& doc = s.docs[d];
    w.str(doc.rel);
    w.str(doc.title);
    w.str(doc.url);
    w.str(doc.section_title);
    w.u32(doc.llms_bytes);
    w.u64(doc.llms_hash);
    static const DocTerms kNone;
    const DocTerms& doc_terms = d < m.doc_terms.size() ? m.doc_terms[d] : kNone;
    if (compact) {
      postings.clear();
      for (uint32_t p : doc_terms) postings.push_back(new_id[posting_term(p)] << kScoreBits | posting_score(p));
      w.aligned_u32s(postings.data(), postings.size());
    } else {
      w.aligned_u32s(doc_terms.begin(), doc_terms.size());
    }
  }
  w.u32(static_cast<uint32_t>(s.fragments.size()));
  for (const FragmentEntry& f : s.fragments) {
    w.str(f.key);
    w.u64(f.file.hash);
    w.u64(f.file.size);
  }
  w.u32(static_cast<uint32_t>(s.chunks.size()));
  for (const FileEntry& c : s.chunks) {
    w.u64(c.hash);
    w.u64(c.size);
  }
  w.u64(s.llms.hash);
  w.u64(s.llms.size);
  w.u64(s.llms_header);
  w.u64(s.llms_header_hash);
  write_stamp(w, s.llms_stamp);
  write_stamp(w, s.spare_stamp);
  w.u64(s.spare_same);
  w.finish();
}

}  // namespace

// Written beside the path and renamed into place: a run that stops half-way leaves no
// half-written state.
void write_state(const std::string& path, const State& s, size_t buffer_bytes) {
  const std::string tmp = path + ".tmp";
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) throw Failure(kExitIoError, tmp + ": cannot create: " + std::strerror(errno));
  try {
    Writer w(fd, tmp, buffer_bytes);
    write_body(w, s);
  } catch (...) {
    ::close(fd);
    ::unlink(tmp.c_str());
    throw;
  }
  if (::close(fd) != 0 || std::rename(tmp.c_str(), path.c_str()) != 0) {
    ::unlink(tmp.c_str());
    throw Failure(kExitIoError, path + ": cannot write: " + std::strerror(errno));
  }
}

}  // namespace bengal::search_state
