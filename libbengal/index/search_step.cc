// The search step's run (index/search_state.h): reading its inputs, and writing the files of
// an incremental run.
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <set>

#include "index/index.h"
#include "index/search_step.h"
#include "support/hash.h"
#include "support/paths.h"
#include "support/text.h"

namespace bengal::search_state {
namespace {

constexpr size_t kBufferBytes = 1 << 20;

void read_fully(int fd, char* out, uint64_t size, uint64_t offset, const std::string& path) {
  for (uint64_t done = 0; done < size;) {
    const ssize_t n = ::pread(fd, out + done, size - done, static_cast<off_t>(offset + done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) throw Failure(kExitIoError, path + ": cannot read: " + (n < 0 ? std::strerror(errno) : "file shrank"));
    done += static_cast<uint64_t>(n);
  }
}

}  // namespace

SequentialReader::SequentialReader(const std::string& path) : path_(path) {
  fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd_ < 0) throw Failure(kExitIoError, path + ": cannot open: " + std::strerror(errno));
  size_ = static_cast<uint64_t>(::lseek(fd_, 0, SEEK_END));
}

SequentialReader::~SequentialReader() { ::close(fd_); }

std::string_view SequentialReader::read(uint64_t offset, uint64_t size) {
  if (offset > size_) return {};
  size = std::min(size, size_ - offset);
  if (offset < start_ || offset + size > start_ + buffer_.size()) {
    start_ = offset;
    buffer_.resize(std::min(std::max<uint64_t>(size, kBufferBytes), size_ - offset));
    read_fully(fd_, buffer_.data(), buffer_.size(), offset, path_);
  }
  return std::string_view(buffer_).substr(offset - start_, size);
}

void append_llms_section(std::string& out, const Config& config, const SearchPage& page) {
  append_llms_full_section(out, config, page.title, page.url, page.text ? std::string_view(page.text->text) : "");
}

SearchStep::SearchStep(const Config& config, const SearchStepArgs& args) : config_(config), args_(args) {
  inputs_.push_back({args.page_table, Kind::kPageTable, {}, nullptr, {}, false, 0});
  for (const std::string& path : args.shards)
    inputs_.push_back({path, ends_with(path, ".meta") ? Kind::kMeta : Kind::kText, {}, nullptr, {}, false, 0});
}

SearchStepReport SearchStep::run() {
  const uint64_t key = state_key(config_, args_);
  read_at_ = file_clock_ns();
  for (Input& in : inputs_) in.stamp = stamp_file(in.path);
  {
    State old;
    if (args_.state.empty()) report_.full_reason = "no state";
    else if (read_state(args_.state, key, old, report_.full_reason) && incremental(old)) return std::move(report_);
  }  // the old state's memory goes before a full run
  decoded_.clear();
  full(key);
  return std::move(report_);
}

// Maps the file (again, after release) and hashes it the first time.
void SearchStep::read(Input& in) {
  if (in.file) return;
  if (!in.stamp.exists) read_intermediate_bytes(in.kind, in.path);  // throws: missing, run ninja
  in.file = std::make_unique<MappedFile>(in.path);
  in.bytes = in.file->bytes();
  if (!in.hashed) in.hash = hash64(in.bytes);
  in.hashed = true;
}

// Unmaps the file: its pages no longer count in this process's memory.
void SearchStep::release(Input& in) {
  in.file.reset();
  in.bytes = {};
}

// Decodes shard file `i` (its strings are copies: the mapping goes).
Decoded& SearchStep::decode(size_t i) {
  auto [it, fresh] = decoded_.try_emplace(i);
  if (fresh) {
    Input& in = inputs_[i];
    read(in);
    if (in.kind == Kind::kMeta) it->second.meta = decode_intermediate<IndexMetaShard>(in.kind, in.bytes, in.path);
    else it->second.text = decode_intermediate<TextShard>(in.kind, in.bytes, in.path);
    release(in);
    ++report_.shards_decoded;
  }
  return it->second;
}

// The page of document `doc` whose meta and text come from the last files (in argument order)
// that list it, and in them from the last entry of its rel: as a full run reads them.
SearchPage SearchStep::page_of(const DocEntry& doc, size_t meta_file, size_t text_file) {
  SearchPage page{doc.title, doc.url, doc.section_title, nullptr, nullptr};
  if (meta_file)
    for (const IndexPageMeta& m : decode(meta_file).meta.pages)
      if (m.rel == doc.rel) page.meta = &m;
  if (text_file)
    for (const PageText& t : decode(text_file).text.pages)
      if (t.rel == doc.rel) page.text = &t;
  return page;
}

void SearchStep::remove_state() {
  if (state_removed_ || args_.state.empty()) return;
  if (::unlink(args_.state.c_str()) != 0 && errno != ENOENT)
    throw Failure(kExitIoError, args_.state + ": cannot remove: " + std::strerror(errno));
  state_removed_ = true;
}

// The first write removes the state: from there until the new one is written, the outputs are
// neither the old state's nor the new one's, and a run that stops there must leave no state.
void SearchStep::write(const std::string& rel, std::string_view bytes) {
  remove_state();
  if (write_file_if_changed(join_path(args_.output_dir, rel), bytes)) report_.written.push_back(rel);
}

void SearchStep::report_files(std::vector<std::string> files) {
  std::sort(files.begin(), files.end());
  report_.files = std::move(files);
  std::sort(report_.written.begin(), report_.written.end());
}

void SearchStep::keep_state(State& state) {
  state.read_at = read_at_;
  if (args_.llms_full) state.llms_stamp = stamp_file(join_path(args_.output_dir, kLlmsFullFile));
  state.inputs.resize(inputs_.size());
  for (size_t i = 0; i < inputs_.size(); ++i) {
    state.inputs[i].path = inputs_[i].path;
    state.inputs[i].stamp = inputs_[i].stamp;
    state.inputs[i].hash = inputs_[i].hash;
  }
  if (!args_.state.empty()) write_state(args_.state, state);
}

// ---- Writing an incremental run's files ----------------------------------------------------

// Writes llms-full.txt anew when it changed: the header and the unchanged sections copied from
// the old file in runs, the new ones between them.
void SearchStep::splice_llms(State& s, const Plan& plan, const std::unordered_map<uint32_t, std::string>& sections) {
  std::vector<FilePart> parts;
  auto copy = [&](uint64_t offset, uint64_t size) { copy_part(parts, offset, size); };
  if (plan.header) parts.push_back({*plan.header, 0, 0});
  else copy(0, s.llms_header);
  for (uint32_t d = 0; d < s.docs.size(); ++d) {
    DocEntry& doc = s.docs[d];
    if (auto it = sections.find(d); it != sections.end()) {
      parts.push_back({it->second, 0, 0});
      doc.llms_bytes = static_cast<uint32_t>(it->second.size());
      doc.llms_hash = hash64(it->second);
    } else if (plan.listed[d]) {
      copy(plan.llms_at[plan.old_of[d]], doc.llms_bytes);
    } else {
      doc.llms_bytes = 0;
      doc.llms_hash = 0;
    }
  }
  if (plan.header) {
    s.llms_header = plan.header->size();
    s.llms_header_hash = hash64(*plan.header);
  }
  if (parts.size() == 1 && !parts[0].bytes.data() && parts[0].offset == 0 && parts[0].size == s.llms.size) return;
  uint64_t size = 0;
  for (const FilePart& p : parts) size += p.bytes.data() ? p.bytes.size() : p.size;
  remove_state();
  // The spare beside the state spares the allocation and freeing of the file's pages, and the
  // copy of what it already holds: the bytes before the first change of the run that made it
  // the spare, where they come before this run's first change too.
  uint64_t same = 0;  // the bytes the new file shares with the old from the start
  for (const FilePart& p : parts) {
    if (p.bytes.data() || p.offset != same) break;
    same += p.size;
  }
  const std::string path = join_path(args_.output_dir, kLlmsFullFile), spare = args_.state + ".spare";
  const uint64_t holds = stamp_file(spare) == s.spare_stamp ? std::min(s.spare_same, same) : 0;
  const bool kept = write_file_spliced(path, path, parts, spare, holds);
  s.spare_stamp = kept ? stamp_file(spare) : FileStamp{};
  s.spare_same = kept ? same : 0;
  report_.written.push_back(kLlmsFullFile);
  s.llms = {s.llms_hash(), size};
}

// Writes the document chunks as the plan says, the term fragments of the terms whose postings
// changed, or that are missing or of another size than the state says, and search/index.json.
void SearchStep::update_search(State& s, const Plan& plan, std::vector<std::string>& files) {
  const SearchOptions& options = args_.options;
  SearchModel& model = s.model;
  const std::vector<char>& chunks = plan.chunks;
  std::vector<FileEntry> chunk_entries(chunks.size());
  for (size_t k = 0; k < chunks.size(); ++k) {
    const std::string rel = search_docs_file(k);
    files.push_back(rel);
    if (chunks[k] == kKeep) {
      chunk_entries[k] = s.chunks[k];
      continue;
    }
    std::string bytes = render_docs_chunk(model, k, options);
    chunk_entries[k] = entry_of(bytes);
    if (chunks[k] == kRepair || k >= s.chunks.size() || chunk_entries[k] != s.chunks[k]) write(rel, bytes);
  }
  s.chunks = std::move(chunk_entries);

  // Fragments are re-rendered by region: the terms of one first character when a term is that
  // one character (its key then holds all of them), else the terms of one 2-character key.
  // Either is a whole set of key groups, so rendering it alone gives the full run's files.
  auto region = [&](std::string_view term) {
    std::string_view first = search_key_prefix(term, 1);
    return model.terms.find(first) ? first : search_key_prefix(term, 2);
  };
  std::set<std::string, std::less<>> dirty;
  for (uint32_t t = 0; t < plan.terms_changed.size(); ++t)
    if (plan.terms_changed[t]) dirty.emplace(region(model.terms.at(t)));
  std::set<std::string, std::less<>> damaged;
  for (const FragmentEntry& f : s.fragments) {
    const FileStamp st = stamp_file(join_path(args_.output_dir, search_fragment_file(f.key)));
    if (!st.exists || st.size != f.file.size) {
      damaged.insert(f.key);
      dirty.emplace(region(f.key));
    }
  }
  std::vector<FragmentEntry> fragments;
  std::unordered_map<std::string_view, FileEntry> before;
  for (const FragmentEntry& f : s.fragments) {
    if (dirty.count(region(f.key))) before.emplace(f.key, f.file);
    else fragments.push_back(f);
  }
  if (!dirty.empty()) {
    std::vector<bool> selected(model.terms.size());
    for (uint32_t id = 0; id < selected.size(); ++id) selected[id] = dirty.count(region(model.terms.at(id))) > 0;
    render_term_fragments(model, &selected, options, [&](std::string_view key, std::string bytes) {
      const FileEntry e = entry_of(bytes);
      auto was = before.find(key);
      if (was == before.end() || was->second != e || damaged.count(key)) write(search_fragment_file(std::string(key)), bytes);
      fragments.push_back({std::string(key), e});
    });
    std::sort(fragments.begin(), fragments.end(),
              [](const FragmentEntry& a, const FragmentEntry& b) { return a.key < b.key; });
  }
  std::vector<std::string> keys;
  for (const FragmentEntry& f : fragments) {
    keys.push_back(f.key);
    files.push_back(search_fragment_file(f.key));
  }
  s.fragments = std::move(fragments);
  files.push_back(kSearchFile);
  write(kSearchFile, render_search_index(s.docs.size(), options, keys));
}

}  // namespace bengal::search_state
