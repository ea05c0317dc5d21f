#include "index/search_state.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>
#include <optional>
#include <set>
#include <unordered_map>

#include "format/envelope.h"
#include "index/index.h"
#include "index/search_state_file.h"
#include "support/fs.h"
#include "support/hash.h"
#include "support/paths.h"
#include "support/text.h"

namespace bengal {
namespace {

using namespace search_state;

// What the outputs depend on besides the inputs: a state made with other values is not used.
// The running executable's stamp stands for its build: a rebuilt tool may make other records
// or postings from the same pages, even where a developer forgot to bump kStateSchema.
uint64_t state_key(const Config& config, const SearchStepArgs& args) {
  std::string k;
  auto add = [&](std::string_view s) { k.append(std::to_string(s.size())).append(":").append(s); };
  const FileStamp exe = stamp_file("/proc/self/exe");
  add(std::to_string(kStateSchema));
  add(std::to_string(exe.size) + " " + std::to_string(exe.inode) + " " + std::to_string(exe.mtime_ns));
  add(args.output_dir);
  add(config.title);
  add(config.description);
  add(config.baseurl);
  add(args.search ? "search" : "");
  add(args.llms_full ? "llms-full" : "");
  add(std::to_string(args.options.docs_per_chunk));
  add(std::to_string(args.options.max_fragment_bytes));
  add(std::to_string(args.options.max_body_words));
  return hash64(k);
}

// ---- The step ------------------------------------------------------------------------------

struct Input {
  std::string path;
  Kind kind;
  FileStamp stamp;
  std::unique_ptr<MappedFile> file;  // mapped, not copied: most bytes are decoded once and dropped
  std::string_view bytes;
  bool read = false;
  uint64_t hash = 0;
};

// A shard file, decoded: its meta or its text pages.
struct Decoded {
  MetaShard meta;
  TextShard text;
};

// Document numbers by rel.
using DocNumbers = std::unordered_map<std::string_view, uint32_t>;

std::optional<uint32_t> find_doc(const DocNumbers& numbers, std::string_view rel) {
  auto it = numbers.find(rel);
  return it == numbers.end() ? std::nullopt : std::optional<uint32_t>(it->second);
}

// Appends a page's section of llms-full.txt to `out`.
void append_llms_section(std::string& out, const Config& config, const SearchPage& page) {
  append_llms_full_section(out, config, page.title, page.url, page.text ? std::string_view(page.text->text) : "");
}

class SearchStep {
 public:
  SearchStep(const Config& config, const SearchStepArgs& args) : config_(config), args_(args) {
    inputs_.push_back({args.page_table, Kind::kPageTable, {}, nullptr, {}, false, 0});
    for (const std::string& path : args.shards)
      inputs_.push_back({path, ends_with(path, ".meta") ? Kind::kMeta : Kind::kText, {}, nullptr, {}, false, 0});
  }

  SearchStepReport run() {
    const uint64_t key = state_key(config_, args_);
    read_at_ = file_clock_ns();
    for (Input& in : inputs_) in.stamp = stamp_file(in.path);
    State old;
    if (args_.state.empty()) report_.full_reason = "no state";
    else if (read_state(args_.state, key, old, report_.full_reason) && incremental(old)) return std::move(report_);
    full(key);
    return std::move(report_);
  }

 private:
  void read(Input& in) {
    if (in.read) return;
    if (!in.stamp.exists) read_intermediate_bytes(in.kind, in.path);  // throws: missing, run ninja
    in.file = std::make_unique<MappedFile>(in.path);
    in.bytes = in.file->bytes();
    in.hash = hash64(in.bytes);
    in.read = true;
  }

  Decoded& decode(size_t i) {
    auto [it, fresh] = decoded_.try_emplace(i);
    if (fresh) {
      Input& in = inputs_[i];
      read(in);
      if (in.kind == Kind::kMeta) it->second.meta = decode_intermediate<MetaShard>(in.kind, in.bytes, in.path);
      else it->second.text = decode_intermediate<TextShard>(in.kind, in.bytes, in.path);
      ++report_.shards_decoded;
    }
    return it->second;
  }

  // The documents a decoded file lists, by the document of each rel.
  template <class Lookup>
  std::vector<uint32_t> docs_of(size_t i, const Lookup& doc_of) {
    std::vector<uint32_t> docs;
    auto add = [&](std::string_view rel) {
      if (auto d = doc_of(rel)) docs.push_back(*d);
    };
    const Decoded& dec = decode(i);
    for (const PageMeta& m : dec.meta.pages) add(m.rel);
    for (const PageText& t : dec.text.pages) add(t.rel);
    std::sort(docs.begin(), docs.end());
    docs.erase(std::unique(docs.begin(), docs.end()), docs.end());
    return docs;
  }

  // The page of document `doc` whose meta and text come from the last files (in argument order)
  // that list it, and in them from the last entry of its rel: as a full run reads them.
  SearchPage page_of(const DocEntry& doc, size_t meta_file, size_t text_file) {
    SearchPage page{doc.title, doc.url, doc.section_title, nullptr, nullptr};
    if (meta_file)
      for (const PageMeta& m : decode(meta_file).meta.pages)
        if (m.rel == doc.rel) page.meta = &m;
    if (text_file)
      for (const PageText& t : decode(text_file).text.pages)
        if (t.rel == doc.rel) page.text = &t;
    return page;
  }

  bool fall_back(const char* reason) {
    report_.full_reason = reason;
    return false;
  }

  bool incremental(State& old);
  bool llms_intact(const State& old);
  std::vector<char> read_chunks(State& old, std::vector<char>& affected);
  void splice_llms(State& old, const std::unordered_map<uint32_t, std::string>& sections);
  void update_search(State& old, std::vector<char>& chunk_dirty, const std::vector<uint32_t>& changed_terms,
                     std::vector<std::string>& files);
  void full(uint64_t key);
  void remove_state();
  void write(const std::string& rel, std::string_view bytes);
  void report_files(std::vector<std::string> files);
  void keep_state(State& state);

  const Config& config_;
  const SearchStepArgs& args_;
  SearchStepReport report_;
  std::vector<Input> inputs_;  // [0]: the page table, then the shard files
  std::unordered_map<size_t, Decoded> decoded_;
  int64_t read_at_ = 0;
  bool state_removed_ = false;
};

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
  if (!args_.state.empty()) write_file_atomic(args_.state, encode_state(state));
}

// ---- A full run ----------------------------------------------------------------------------

void SearchStep::full(uint64_t key) {
  for (Input& in : inputs_) read(in);
  const PageTable table = decode_intermediate<PageTable>(Kind::kPageTable, inputs_[0].bytes, inputs_[0].path);
  const std::vector<SearchDocument> documents = search_documents(table);
  State state;
  state.key = key;
  DocNumbers numbers;
  bool unique = true;
  for (const SearchDocument& d : documents) {
    unique = numbers.emplace(d.page->rel, static_cast<uint32_t>(state.docs.size())).second && unique;
    state.docs.push_back({d.page->rel, d.page->title, d.page->url, d.section_title, 0, 0});
  }
  // A page's meta and text are the last entries of its rel, in the files in argument order, as
  // render_search and render_llms_full find them.
  std::unordered_map<std::string_view, const PageMeta*> meta_of;
  std::unordered_map<std::string_view, const PageText*> text_of;
  state.inputs.resize(inputs_.size());
  for (size_t i = 1; i < inputs_.size(); ++i) {
    const Decoded& dec = decode(i);
    for (const PageMeta& m : dec.meta.pages) meta_of[m.rel] = &m;
    for (const PageText& t : dec.text.pages) text_of[t.rel] = &t;
    state.inputs[i].docs = docs_of(i, [&](std::string_view rel) { return find_doc(numbers, rel); });
  }
  std::vector<SearchPage> pages;
  for (const DocEntry& d : state.docs) {
    auto m = meta_of.find(d.rel);
    auto t = text_of.find(d.rel);
    pages.push_back({d.title, d.url, d.section_title, m == meta_of.end() ? nullptr : m->second,
                     t == text_of.end() ? nullptr : t->second});
  }

  std::vector<std::string> files;
  if (args_.search) {
    state.model = build_search_model(pages, args_.options);
    std::vector<std::string> keys;
    const std::vector<OutputFile> rendered = render_search_files(state.model, args_.options, keys);
    std::unordered_map<std::string_view, const OutputFile*> by_path;
    for (const OutputFile& f : rendered) {
      by_path.emplace(f.path, &f);
      files.push_back(f.path);
      write(f.path, f.bytes);
    }
    for (size_t k = 0; k < search_chunk_count(pages.size(), args_.options); ++k)
      state.chunks.push_back(entry_of(by_path.at(search_docs_file(k))->bytes));
    for (const std::string& k : keys) state.fragments.push_back({k, entry_of(by_path.at(search_fragment_file(k))->bytes)});
  }
  if (args_.llms_full) {
    std::string out = llms_header(config_, table);
    state.llms_header = out.size();
    state.llms_header_hash = hash64(out);
    for (size_t d = 0; d < documents.size(); ++d) {
      if (!in_llms_full(*documents[d].page)) continue;
      const size_t at = out.size();
      append_llms_section(out, config_, pages[d]);
      const std::string_view section = std::string_view(out).substr(at);
      state.docs[d].llms_bytes = static_cast<uint32_t>(section.size());
      state.docs[d].llms_hash = hash64(section);
    }
    state.llms = {state.llms_hash(), out.size()};
    files.push_back(kLlmsFullFile);
    write(kLlmsFullFile, out);
  }
  report_files(std::move(files));
  // A rel the table lists twice would be two documents of one page, which a state cannot
  // follow: none is kept, and the next run is a full one too.
  if (!unique) {
    remove_state();
    report_.full_reason += "; no state kept: the page table lists a page twice";
    return;
  }
  keep_state(state);
}

// ---- An incremental run --------------------------------------------------------------------

bool SearchStep::incremental(State& old) {
  const SearchOptions& options = args_.options;
  if (old.inputs.size() != inputs_.size()) return fall_back("the list of shard files changed");
  for (size_t i = 0; i < inputs_.size(); ++i)
    if (old.inputs[i].path != inputs_[i].path) return fall_back("the list of shard files changed");
  // A file whose stamp is the recorded one, and whose last change came before the last run
  // read it, still has the recorded bytes; any other is read and hashed.
  std::vector<size_t> changed;
  for (size_t i = 0; i < inputs_.size(); ++i) {
    Input& in = inputs_[i];
    const InputEntry& was = old.inputs[i];
    if (in.stamp == was.stamp && was.stamp.ctime_ns < old.read_at) in.hash = was.hash;
    else read(in);
    if (in.hash == was.hash) continue;
    if (i == 0) return fall_back("the page table changed");
    changed.push_back(i);
  }
  if (args_.llms_full && !llms_intact(old)) return false;

  // The documents the changed files list, before and after.
  const size_t doc_count = old.docs.size();
  std::vector<char> affected(doc_count, 0);
  DocNumbers doc_of_rel;  // made only for a rel new to its file
  for (size_t i : changed) {
    const std::vector<uint32_t> was = std::move(old.inputs[i].docs);
    auto doc_of = [&](std::string_view rel) -> std::optional<uint32_t> {
      for (uint32_t d : was)
        if (old.docs[d].rel == rel) return d;
      if (doc_of_rel.empty())
        for (uint32_t d = 0; d < doc_count; ++d) doc_of_rel.emplace(old.docs[d].rel, d);
      return find_doc(doc_of_rel, rel);
    };
    for (uint32_t d : was) affected[d] = 1;
    old.inputs[i].docs = docs_of(i, doc_of);
    for (uint32_t d : old.inputs[i].docs) affected[d] = 1;
  }
  std::vector<char> chunk_dirty;
  if (args_.search) chunk_dirty = read_chunks(old, affected);
  // Which files each affected document now comes from: the last that list it.
  std::vector<uint32_t> meta_file(doc_count, 0), text_file(doc_count, 0);
  for (size_t i = 1; i < inputs_.size(); ++i)
    for (uint32_t d : old.inputs[i].docs)
      if (affected[d]) (inputs_[i].kind == Kind::kMeta ? meta_file : text_file)[d] = static_cast<uint32_t>(i);

  // Recompute them; note the chunks, terms and llms-full.txt sections that changed.
  std::vector<uint32_t> changed_terms;
  std::unordered_map<uint32_t, std::string> sections;
  for (uint32_t d = 0; d < doc_count; ++d) {
    if (!affected[d]) continue;
    const SearchPage page = page_of(old.docs[d], meta_file[d], text_file[d]);
    bool changed_doc = false;
    if (args_.search) {
      const std::string_view was_record = old.model.records[d];
      const std::vector<uint32_t> was_terms = old.model.doc_terms[d].sorted();
      old.model.set_doc(d, page, options);
      if (old.model.records[d] != was_record) {
        chunk_dirty[d / options.docs_per_chunk] = 1;
        changed_doc = true;
      }
      const std::vector<uint32_t> now = old.model.doc_terms[d].sorted();
      std::vector<uint32_t> diff;
      std::set_symmetric_difference(was_terms.begin(), was_terms.end(), now.begin(), now.end(), std::back_inserter(diff));
      for (uint32_t p : diff) changed_terms.push_back(posting_term(p));
      changed_doc = changed_doc || !diff.empty();
    }
    if (old.docs[d].llms_bytes) {
      std::string section;
      append_llms_section(section, config_, page);
      if (hash64(section) != old.docs[d].llms_hash || section.size() != old.docs[d].llms_bytes) {
        sections.emplace(d, std::move(section));
        changed_doc = true;
      }
    }
    if (changed_doc) ++report_.docs_changed;
  }

  std::vector<std::string> files;
  if (args_.search) update_search(old, chunk_dirty, changed_terms, files);
  if (args_.llms_full) {
    files.push_back(kLlmsFullFile);
    if (!sections.empty()) splice_llms(old, sections);
  }
  report_.incremental = true;
  report_.full_reason.clear();
  report_files(std::move(files));
  keep_state(old);
  return true;
}

// Whether llms-full.txt is the file the state recorded: by its stamp when that is the recorded
// one and older than the state (so no later change could keep it), else by its hash.
bool SearchStep::llms_intact(const State& old) {
  const std::string path = join_path(args_.output_dir, kLlmsFullFile);
  const FileStamp st = stamp_file(path);
  if (!st.exists) return fall_back("llms-full.txt is missing");
  if (st == old.llms_stamp && old.llms_stamp.ctime_ns < old.written_at) return true;
  const MappedFile file(path);
  const std::string_view bytes = file.bytes();
  bool same = bytes.size() == old.llms.size && old.llms_header <= bytes.size() &&
              hash64(bytes.substr(0, old.llms_header)) == old.llms_header_hash;
  uint64_t at = old.llms_header;
  for (const DocEntry& d : old.docs) {
    if (!same) break;
    if (!d.llms_bytes) continue;
    same = at + d.llms_bytes <= bytes.size() && hash64(bytes.substr(at, d.llms_bytes)) == d.llms_hash;
    at += d.llms_bytes;
  }
  return same || fall_back("llms-full.txt is not the one the state recorded");
}

// The records of the chunks that hold an affected document, read from their files; a chunk
// that is missing or not the recorded one has all its documents recomputed instead. Returns
// the chunks to write.
std::vector<char> SearchStep::read_chunks(State& old, std::vector<char>& affected) {
  const size_t per = args_.options.docs_per_chunk, doc_count = old.docs.size();
  std::vector<char> dirty(old.chunks.size(), 0), wanted(old.chunks.size(), 0);
  for (size_t d = 0; d < doc_count; ++d)
    if (affected[d]) wanted[d / per] = 1;
  for (size_t k = 0; k < old.chunks.size(); ++k) {
    const std::string path = join_path(args_.output_dir, search_docs_file(k));
    const FileStamp st = stamp_file(path);
    bool good = st.exists && st.size == old.chunks[k].size;
    if (good && wanted[k]) {
      const std::string& bytes = old.strings.emplace_back(read_file(path));
      std::vector<std::string_view> records;
      good = entry_of(bytes) == old.chunks[k] && split_docs_chunk(bytes, records) &&
             records.size() == std::min(per, doc_count - k * per);
      if (good) std::copy(records.begin(), records.end(), old.model.records.begin() + static_cast<long>(k * per));
    }
    if (good) continue;
    dirty[k] = 1;
    for (size_t d = k * per; d < std::min(doc_count, (k + 1) * per); ++d) affected[d] = 1;
  }
  return dirty;
}

// Writes llms-full.txt anew: the header and unchanged sections copied from the old file in runs,
// the changed sections between them.
void SearchStep::splice_llms(State& old, const std::unordered_map<uint32_t, std::string>& sections) {
  std::vector<FilePart> parts;
  uint64_t at = old.llms_header, run_start = 0;  // a document's old section; the run to copy
  for (uint32_t d = 0; d < old.docs.size(); ++d) {
    DocEntry& doc = old.docs[d];
    const uint64_t was = doc.llms_bytes;
    auto it = sections.find(d);
    if (it != sections.end()) {
      if (at > run_start) parts.push_back({{}, run_start, at - run_start});
      parts.push_back({it->second, 0, 0});
      run_start = at + was;
      doc.llms_bytes = static_cast<uint32_t>(it->second.size());
      doc.llms_hash = hash64(it->second);
    }
    at += was;
  }
  if (at > run_start) parts.push_back({{}, run_start, at - run_start});
  remove_state();
  // The spare beside the state spares the allocation and freeing of the file's pages.
  const std::string path = join_path(args_.output_dir, kLlmsFullFile);
  write_file_spliced(path, path, parts, args_.state + ".spare");
  report_.written.push_back(kLlmsFullFile);
  uint64_t size = 0;
  for (const FilePart& p : parts) size += p.bytes.data() ? p.bytes.size() : p.size;
  old.llms = {old.llms_hash(), size};
}

// Rewrites the document chunks and the term fragments that changed, or that are missing or
// of another size than the state says, and search/index.json.
void SearchStep::update_search(State& old, std::vector<char>& chunk_dirty, const std::vector<uint32_t>& changed_terms,
                               std::vector<std::string>& files) {
  const SearchOptions& options = args_.options;
  SearchModel& model = old.model;
  auto damaged = [&](const std::string& rel, const FileEntry& e) {
    const FileStamp st = stamp_file(join_path(args_.output_dir, rel));
    return !st.exists || st.size != e.size;
  };
  for (size_t k = 0; k < old.chunks.size(); ++k) {
    const std::string rel = search_docs_file(k);
    files.push_back(rel);
    if (!chunk_dirty[k]) continue;
    std::string bytes = render_docs_chunk(model, k, options);
    old.chunks[k] = entry_of(bytes);
    write(rel, bytes);
  }

  // Fragments are re-rendered by region: the terms of one first character when a term is that
  // one character (its key then holds all of them), else the terms of one 2-character key.
  // Either is a whole set of key groups, so rendering it alone gives the full run's files.
  auto region = [&](std::string_view term) {
    std::string_view first = search_key_prefix(term, 1);
    return model.terms.find(first) ? first : search_key_prefix(term, 2);
  };
  std::set<std::string, std::less<>> dirty;
  for (uint32_t t : changed_terms) dirty.emplace(region(model.terms.at(t)));
  std::set<std::string, std::less<>> bad_keys;
  for (const FragmentEntry& f : old.fragments)
    if (damaged(search_fragment_file(f.key), f.file)) {
      bad_keys.insert(f.key);
      dirty.emplace(region(f.key));
    }
  std::vector<FragmentEntry> fragments;
  std::unordered_map<std::string_view, FileEntry> before;
  for (const FragmentEntry& f : old.fragments) {
    if (dirty.count(region(f.key))) before.emplace(f.key, f.file);
    else fragments.push_back(f);
  }
  if (!dirty.empty()) {
    std::vector<bool> selected(model.terms.size());
    for (uint32_t id = 0; id < selected.size(); ++id) selected[id] = dirty.count(region(model.terms.at(id))) > 0;
    std::vector<OutputFile> rendered;
    std::vector<std::string> keys;
    render_term_fragments(model, &selected, options, rendered, keys);
    for (size_t i = 0; i < rendered.size(); ++i) {
      FileEntry e = entry_of(rendered[i].bytes);
      auto was = before.find(keys[i]);
      if (was == before.end() || was->second != e || bad_keys.count(keys[i])) write(rendered[i].path, rendered[i].bytes);
      fragments.push_back({keys[i], e});
    }
    std::sort(fragments.begin(), fragments.end(),
              [](const FragmentEntry& a, const FragmentEntry& b) { return a.key < b.key; });
  }
  std::vector<std::string> keys;
  for (const FragmentEntry& f : fragments) {
    keys.push_back(f.key);
    files.push_back(search_fragment_file(f.key));
  }
  old.fragments = std::move(fragments);
  files.push_back(kSearchFile);
  write(kSearchFile, render_search_index(old.docs.size(), options, keys));
}

}  // namespace

SearchStepReport run_search_step(const Config& config, const SearchStepArgs& args) {
  return SearchStep(config, args).run();
}

std::string explain(const SearchStepReport& r) {
  std::string out = r.incremental ? "search step: incremental: " : "search step: full run (" + r.full_reason + "): ";
  out += std::to_string(r.shards_decoded) + " shard files decoded, ";
  if (r.incremental) out += std::to_string(r.docs_changed) + " documents changed, ";
  return out + std::to_string(r.written.size()) + " of " + std::to_string(r.files.size()) + " files written";
}

}  // namespace bengal
