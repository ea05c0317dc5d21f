// The search step's full run (index/search_state.h). It holds what the state keeps (every
// document's names and postings, and the terms) and little else: it finds which files list
// which pages from their rels alone, then decodes the shard files a pair at a time, writes each
// document chunk as soon as its documents are made, and writes llms-full.txt's sections to a
// scratch file in the order they are made, from which the kernel copies them in page order.
// At 100,000 pages: 166 MB, against 2.6 GB when every page's text and every file were held.
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <numeric>
#include <tuple>

#include "index/index.h"
#include "index/search_step.h"
#include "support/hash.h"
#include "support/paths.h"

namespace bengal::search_state {
namespace {

constexpr size_t kBufferBytes = 1 << 20;

template <class T>
void sort_unique(std::vector<T>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

void write_fully(int fd, std::string_view bytes, const std::string& path) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw Failure(kExitIoError, path + ": cannot write: " + std::strerror(errno));
    bytes.remove_prefix(static_cast<size_t>(n));
  }
}

// A nameless file beside llms-full.txt that takes its sections in the order they are made;
// open_path() names it for write_file_spliced, which copies them from it in page order.
class ScratchFile {
 public:
  explicit ScratchFile(const std::string& dir) : path_(join_path(dir, ".llms-full.txt.XXXXXX")) {
    std::filesystem::create_directories(dir);
    fd_ = ::mkstemp(path_.data());
    if (fd_ < 0) throw Failure(kExitIoError, path_ + ": cannot create: " + std::strerror(errno));
    ::unlink(path_.c_str());  // gone when this process is, however it ends
  }
  ~ScratchFile() { ::close(fd_); }
  ScratchFile(const ScratchFile&) = delete;
  ScratchFile& operator=(const ScratchFile&) = delete;

  uint64_t append(std::string_view bytes) {
    const uint64_t at = size_;
    buffer_.append(bytes);
    size_ += bytes.size();
    if (buffer_.size() >= kBufferBytes) flush();
    return at;
  }
  void flush() {
    write_fully(fd_, buffer_, path_);
    buffer_.clear();
  }
  std::string open_path() const { return "/proc/self/fd/" + std::to_string(fd_); }

 private:
  std::string path_;
  int fd_ = -1;
  std::string buffer_;
  uint64_t size_ = 0;
};

// Whether the file at `path` holds the bytes of `parts` (ranges of `source`).
bool same_as_parts(const std::string& path, const std::string& source, const std::vector<FilePart>& parts,
                   uint64_t size) {
  const FileStamp st = stamp_file(path);
  if (!st.exists || st.size != size) return false;
  SequentialReader file(path), from(source);
  uint64_t at = 0;
  for (const FilePart& p : parts) {
    if (p.bytes.data()) {
      if (file.read(at, p.bytes.size()) != p.bytes) return false;
      at += p.bytes.size();
      continue;
    }
    for (uint64_t done = 0; done < p.size;) {
      const uint64_t n = std::min<uint64_t>(kBufferBytes, p.size - done);
      if (file.read(at, n) != from.read(p.offset + done, n)) return false;
      at += n;
      done += n;
    }
  }
  return true;
}

// Numbers the terms in the order documents first use them, as a run that made the documents
// in their order would (this one makes them in the order of their files), so that the state
// is the same bytes whatever order the documents were made in.
void number_terms_in_document_order(SearchModel& model) {
  constexpr uint32_t kUnseen = UINT32_MAX;
  std::vector<uint32_t> new_id(model.terms.size(), kUnseen);
  SearchTerms terms;
  terms.reserve(model.terms.size());
  for (DocTerms& doc : model.doc_terms) {
    std::vector<uint32_t> postings(doc.begin(), doc.end());
    for (uint32_t& p : postings) {
      uint32_t& id = new_id[posting_term(p)];
      if (id == kUnseen) id = terms.intern(model.terms.at(posting_term(p)));
      p = id << kScoreBits | posting_score(p);
    }
    doc = DocTerms(std::move(postings));
  }
  model.terms = std::move(terms);
}

}  // namespace

// ---- A full run ----------------------------------------------------------------------------

// Which files list which pages, from their rels alone, each file mapped, hashed and dropped in
// turn: the state's lists, and for each document the last meta and text file that list it
// (0: none), whose entries a full run reads.
void SearchStep::list_sources(State& state, const DocNumbers& numbers, std::vector<uint32_t>& meta_file,
                              std::vector<uint32_t>& text_file) {
  state.inputs.resize(inputs_.size());
  for (size_t i = 1; i < inputs_.size(); ++i) {
    Input& in = inputs_[i];
    read(in);
    const ShardRels rels = decode_intermediate<ShardRels>(in.kind, in.bytes, in.path);
    InputEntry& entry = state.inputs[i];
    std::vector<uint32_t>& source = in.kind == Kind::kMeta ? meta_file : text_file;
    for (const ShardRel& p : rels.pages) {
      if (auto d = find_doc(numbers, p.rel)) {
        entry.docs.push_back(*d);
        source[*d] = static_cast<uint32_t>(i);
      } else {
        entry.others.push_back(p.rel);
      }
    }
    sort_unique(entry.docs);
    sort_unique(entry.others);
    for (std::string_view& rel : entry.others) rel = state.strings.emplace_back(rel);  // the mapping goes
    release(in);
  }
}

void SearchStep::full(uint64_t key) {
  read(inputs_[0]);
  table_ = read_table(inputs_[0].bytes, inputs_[0].path);
  const auto documents = search_documents(table_);
  const size_t n = documents.size();
  State state;
  state.key = key;
  bool unique = true;
  std::vector<uint32_t> meta_file(n, 0), text_file(n, 0);
  {
    DocNumbers numbers;
    for (const auto& d : documents) {
      unique = numbers.emplace(d.page->rel, static_cast<uint32_t>(state.docs.size())).second && unique;
      state.docs.push_back({d.page->rel, d.page->title, d.page->url, d.section_title, 0, 0});
    }
    list_sources(state, numbers, meta_file, text_file);
    // A page the table lists twice is two documents with its meta and text (and no state).
    for (size_t d = 0; d < n && !unique; ++d) {
      const uint32_t first = numbers.at(state.docs[d].rel);
      meta_file[d] = meta_file[first];
      text_file[d] = text_file[first];
    }
  }

  // The documents in the order of their files (a shard's meta and text file are neighbours in
  // the arguments), so that each file is decoded once and dropped after its last document.
  std::vector<uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0u);
  auto files_of = [&](uint32_t d) { return std::make_tuple(std::max(meta_file[d], text_file[d]), meta_file[d], text_file[d]); };
  std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return files_of(a) < files_of(b); });
  std::vector<size_t> last_use(inputs_.size(), SIZE_MAX);
  for (size_t at = 0; at < n; ++at) last_use[meta_file[order[at]]] = last_use[text_file[order[at]]] = at;

  // A document chunk is written as soon as its documents are made: only the unfinished ones
  // are held. llms-full.txt's sections go to a scratch file as they are made.
  const SearchOptions& options = args_.options;
  const size_t per = options.docs_per_chunk;
  const size_t chunk_count = args_.search ? search_chunk_count(n, options) : 0;
  state.chunks.resize(chunk_count);
  state.model.doc_terms.resize(args_.search ? n : 0);
  std::vector<std::vector<std::string>> pending(chunk_count);
  std::vector<size_t> missing(chunk_count);
  for (size_t k = 0; k < chunk_count; ++k) missing[k] = std::min(per, n - k * per);
  std::optional<ScratchFile> sections;
  if (args_.llms_full) sections.emplace(args_.output_dir);
  std::vector<uint64_t> section_at(args_.llms_full ? n : 0);
  std::string section;
  for (size_t at = 0; at < n; ++at) {
    const uint32_t d = order[at];
    DocEntry& doc = state.docs[d];
    const SearchPage page = page_of(doc, meta_file[d], text_file[d]);
    if (args_.search) {
      state.model.doc_terms[d] = search_postings(page, options, state.model.terms);
      const size_t k = d / per;
      if (pending[k].empty()) pending[k].resize(missing[k]);
      pending[k][d % per] = search_record(page);
      if (--missing[k] == 0) {
        const std::vector<std::string_view> records(pending[k].begin(), pending[k].end());
        const std::string bytes = join_docs_chunk(records.data(), records.size());
        state.chunks[k] = entry_of(bytes);
        write(search_docs_file(k), bytes);
        std::vector<std::string>().swap(pending[k]);
      }
    }
    if (args_.llms_full && in_llms_full(*documents[d].page)) {
      section.clear();
      append_llms_section(section, config_, page);
      section_at[d] = sections->append(section);
      doc.llms_bytes = static_cast<uint32_t>(section.size());
      doc.llms_hash = hash64(section);
    }
    for (uint32_t f : {meta_file[d], text_file[d]})
      if (f && last_use[f] == at) decoded_.erase(f);
  }
  // A file that none of the documents is read from is decoded all the same: a broken one is
  // an error whatever it lists.
  for (size_t i = 1; i < inputs_.size(); ++i)
    if (last_use[i] == SIZE_MAX) {
      decode(i);
      decoded_.erase(i);
    }

  std::vector<std::string> files;
  if (args_.search) {
    number_terms_in_document_order(state.model);
    for (size_t k = 0; k < chunk_count; ++k) files.push_back(search_docs_file(k));
    render_term_fragments(state.model, nullptr, options, [&](std::string_view key, std::string bytes) {
      const std::string path = search_fragment_file(std::string(key));
      state.fragments.push_back({std::string(key), entry_of(bytes)});
      files.push_back(path);
      write(path, bytes);
    });
    std::sort(state.fragments.begin(), state.fragments.end(),
              [](const FragmentEntry& a, const FragmentEntry& b) { return a.key < b.key; });
    std::vector<std::string> keys;
    for (const FragmentEntry& f : state.fragments) keys.push_back(f.key);
    files.push_back(kSearchFile);
    write(kSearchFile, render_search_index(n, options, keys));
  }
  if (args_.llms_full) {
    const std::string header = llms_header(config_, table_);
    state.llms_header = header.size();
    state.llms_header_hash = hash64(header);
    std::vector<FilePart> parts = {{header, 0, 0}};
    uint64_t size = header.size();
    for (size_t d = 0; d < n; ++d) {
      if (!state.docs[d].llms_bytes) continue;
      copy_part(parts, section_at[d], state.docs[d].llms_bytes);
      size += state.docs[d].llms_bytes;
    }
    sections->flush();
    state.llms = {state.llms_hash(), size};
    files.push_back(kLlmsFullFile);
    const std::string path = join_path(args_.output_dir, kLlmsFullFile);
    if (!same_as_parts(path, sections->open_path(), parts, size)) {
      remove_state();
      write_file_spliced(path, sections->open_path(), parts, args_.state.empty() ? "" : args_.state + ".spare");
      report_.written.push_back(kLlmsFullFile);
    }
  }
  report_files(std::move(files));
  // A rel the table lists twice would be two documents of one page, which a state cannot
  // follow: none is kept, and the next run is a full one too.
  if (!unique) {
    remove_state();
    if (report_.full_reason != kListedTwice) report_.full_reason += std::string("; no state kept: ") + kListedTwice;
    return;
  }
  keep_state(state);
}

}  // namespace bengal::search_state
