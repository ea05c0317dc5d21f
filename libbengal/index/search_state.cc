#include "index/search_state.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>
#include <numeric>
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

template <class T>
void sort_unique(std::vector<T>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

// Marks the terms of `postings` in `terms` (by term id; grown as needed).
template <class Postings>
void mark_terms(const Postings& postings, std::vector<char>& terms) {
  for (uint32_t p : postings) {
    if (posting_term(p) >= terms.size()) terms.resize(posting_term(p) + 1);
    terms[posting_term(p)] = 1;
  }
}

// Appends a page's section of llms-full.txt to `out`.
void append_llms_section(std::string& out, const Config& config, const SearchPage& page) {
  append_llms_full_section(out, config, page.title, page.url, page.text ? std::string_view(page.text->text) : "");
}

constexpr uint32_t kNoDoc = UINT32_MAX;
constexpr const char* kListedTwice = "the page table lists a page twice";

// What the incremental run does with a document chunk.
enum ChunkPlan : char {
  kKeep,    // nothing: none of its documents changed
  kRender,  // render it, and write it when its bytes are not the recorded ones
  kRepair,  // render and write it: its file is missing or damaged
};

// What an incremental run redoes. Its documents are the state's, in its order, unless the page
// table changed; then they are the new table's, matched to the state's by rel.
struct Plan {
  size_t old_count = 0;               // the state's documents
  std::vector<uint32_t> old_of;       // each document's number in the state; kNoDoc: new to it
  std::vector<uint64_t> llms_at;      // by number in the state: where its llms-full.txt section is
  std::vector<char> listed;           // the document has a section in llms-full.txt
  std::vector<char> affected;         // recomputed from its meta and text
  std::vector<char> terms_changed;    // by term id: the term's postings changed
  std::vector<char> chunks;           // by document chunk: a ChunkPlan (with search/ only)
  std::optional<std::string> header;  // llms-full.txt's header, when it changed
  size_t renumbered = 0;              // documents that are new or at another number
  bool moved(size_t d) const { return old_of[d] != d; }
};

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

  // Sets what shard file `i` lists: the documents, by `doc_of` (rel -> optional number), and
  // the other rels.
  template <class Lookup>
  void list_file(size_t i, const Lookup& doc_of, InputEntry& entry) {
    entry.docs.clear();
    entry.others.clear();
    auto add = [&](std::string_view rel) {
      if (auto d = doc_of(rel)) entry.docs.push_back(*d);
      else entry.others.push_back(rel);
    };
    const Decoded& dec = decode(i);
    for (const PageMeta& m : dec.meta.pages) add(m.rel);
    for (const PageText& t : dec.text.pages) add(t.rel);
    sort_unique(entry.docs);
    sort_unique(entry.others);
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

  bool incremental(State& s);
  bool llms_intact(const State& s);
  Plan same_documents(const State& s);
  bool renumber(State& s, Plan& plan);
  std::optional<uint32_t> doc_number(const State& s, const std::vector<uint32_t>& likely, std::string_view rel);
  void plan_chunks(State& s, Plan& plan);
  std::unordered_map<uint32_t, std::string> recompute(State& s, Plan& plan);
  void update_search(State& s, const Plan& plan, std::vector<std::string>& files);
  void splice_llms(State& s, const Plan& plan, const std::unordered_map<uint32_t, std::string>& sections);
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
  PageTable table_;     // the page table, when an incremental run decoded it
  DocNumbers numbers_;  // this run's documents by rel, made when first needed
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
    list_file(i, [&](std::string_view rel) { return find_doc(numbers, rel); }, state.inputs[i]);
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
    if (report_.full_reason != kListedTwice) report_.full_reason += std::string("; no state kept: ") + kListedTwice;
    return;
  }
  keep_state(state);
}

// ---- An incremental run --------------------------------------------------------------------

bool SearchStep::incremental(State& s) {
  if (s.inputs.size() != inputs_.size()) return fall_back("the list of shard files changed");
  for (size_t i = 0; i < inputs_.size(); ++i)
    if (s.inputs[i].path != inputs_[i].path) return fall_back("the list of shard files changed");
  if (args_.search && s.chunks.size() != search_chunk_count(s.docs.size(), args_.options))
    return fall_back("the state is corrupt");
  // A file whose stamp is the recorded one, and whose last change came before the last run
  // read it, still has the recorded bytes; any other is read and hashed.
  std::vector<size_t> changed;  // the shard files whose bytes changed
  for (size_t i = 0; i < inputs_.size(); ++i) {
    Input& in = inputs_[i];
    const InputEntry& was = s.inputs[i];
    if (in.stamp == was.stamp && was.stamp.ctime_ns < s.read_at) in.hash = was.hash;
    else read(in);
    if (i > 0 && in.hash != was.hash) changed.push_back(i);
  }
  if (args_.llms_full && !llms_intact(s)) return false;
  Plan plan = same_documents(s);
  const bool table_changed = inputs_[0].hash != s.inputs[0].hash;
  if (table_changed && !renumber(s, plan)) return false;
  report_.page_table_changed = table_changed;
  report_.docs_renumbered = plan.renumbered;

  // The documents the changed files list, before and after.
  for (size_t i : changed) {
    InputEntry& entry = s.inputs[i];
    const std::vector<uint32_t> was = entry.docs;
    for (uint32_t d : was) plan.affected[d] = 1;
    list_file(i, [&](std::string_view rel) { return doc_number(s, was, rel); }, entry);
    for (uint32_t d : entry.docs) plan.affected[d] = 1;
  }
  if (args_.search) plan_chunks(s, plan);
  const std::unordered_map<uint32_t, std::string> sections = recompute(s, plan);

  std::vector<std::string> files;
  if (args_.search) update_search(s, plan, files);
  if (args_.llms_full) {
    files.push_back(kLlmsFullFile);
    splice_llms(s, plan, sections);
  }
  report_.incremental = true;
  report_.full_reason.clear();
  report_files(std::move(files));
  keep_state(s);
  return true;
}

// Recomputes the affected documents from their files (the last that list them, as a full run
// reads them): their records and postings, noting the terms whose postings changed, and their
// llms-full.txt sections, returning those that changed.
std::unordered_map<uint32_t, std::string> SearchStep::recompute(State& s, Plan& plan) {
  const size_t doc_count = s.docs.size();
  std::vector<uint32_t> meta_file(doc_count, 0), text_file(doc_count, 0);
  for (size_t i = 1; i < inputs_.size(); ++i)
    for (uint32_t d : s.inputs[i].docs)
      if (plan.affected[d]) (inputs_[i].kind == Kind::kMeta ? meta_file : text_file)[d] = static_cast<uint32_t>(i);
  std::unordered_map<uint32_t, std::string> sections;
  for (uint32_t d = 0; d < doc_count; ++d) {
    if (!plan.affected[d]) continue;
    const SearchPage page = page_of(s.docs[d], meta_file[d], text_file[d]);
    bool changed = false;
    if (args_.search) {
      const std::string_view was_record = s.model.records[d];
      const std::vector<uint32_t> was_terms = s.model.doc_terms[d].sorted();
      s.model.set_doc(d, page, args_.options);
      const std::vector<uint32_t> now = s.model.doc_terms[d].sorted();
      std::vector<uint32_t> diff;
      std::set_symmetric_difference(was_terms.begin(), was_terms.end(), now.begin(), now.end(), std::back_inserter(diff));
      mark_terms(diff, plan.terms_changed);
      changed = s.model.records[d] != was_record || !diff.empty();
    }
    const DocEntry& doc = s.docs[d];
    if (plan.listed[d]) {
      std::string section;
      append_llms_section(section, config_, page);
      if (!doc.llms_bytes || section.size() != doc.llms_bytes || hash64(section) != doc.llms_hash) {
        sections.emplace(d, std::move(section));
        changed = true;
      }
    } else if (doc.llms_bytes) {
      changed = true;  // its section goes
    }
    if (changed) ++report_.docs_changed;
  }
  return sections;
}

// Whether llms-full.txt is the file the state recorded: by its stamp when that is the recorded
// one and older than the state (so no later change could keep it), else by its hash.
bool SearchStep::llms_intact(const State& s) {
  const std::string path = join_path(args_.output_dir, kLlmsFullFile);
  const FileStamp st = stamp_file(path);
  if (!st.exists) return fall_back("llms-full.txt is missing");
  if (st == s.llms_stamp && s.llms_stamp.ctime_ns < s.written_at) return true;
  const MappedFile file(path);
  const std::string_view bytes = file.bytes();
  bool same = bytes.size() == s.llms.size && s.llms_header <= bytes.size() &&
              hash64(bytes.substr(0, s.llms_header)) == s.llms_header_hash;
  uint64_t at = s.llms_header;
  for (const DocEntry& d : s.docs) {
    if (!same) break;
    if (!d.llms_bytes) continue;
    same = at + d.llms_bytes <= bytes.size() && hash64(bytes.substr(at, d.llms_bytes)) == d.llms_hash;
    at += d.llms_bytes;
  }
  return same || fall_back("llms-full.txt is not the one the state recorded");
}

// The plan of a run whose page table is the state's: the same documents, none affected yet.
Plan SearchStep::same_documents(const State& s) {
  Plan plan;
  const size_t n = s.docs.size();
  plan.old_count = n;
  plan.old_of.resize(n);
  std::iota(plan.old_of.begin(), plan.old_of.end(), 0u);
  plan.llms_at.resize(n);
  plan.listed.resize(n);
  plan.affected.assign(n, 0);
  uint64_t at = s.llms_header;
  for (size_t d = 0; d < n; ++d) {
    plan.llms_at[d] = at;
    at += s.docs[d].llms_bytes;
    plan.listed[d] = s.docs[d].llms_bytes != 0;
  }
  return plan;
}

// Takes the documents of the new page table: each is matched to the state's document of its
// rel, if any, and the state's documents, postings and file lists are renumbered to the new
// order. Documents that are new, whose title, URL or section title changed, or that
// llms-full.txt now lists or no longer lists, are affected; the terms of documents that left
// or moved change their postings (which hold document numbers).
// False (a full run) when the table lists a rel twice.
bool SearchStep::renumber(State& s, Plan& plan) {
  table_ = decode_intermediate<PageTable>(Kind::kPageTable, inputs_[0].bytes, inputs_[0].path);
  const std::vector<SearchDocument> documents = search_documents(table_);
  const size_t n = documents.size();
  numbers_.clear();
  for (size_t d = 0; d < n; ++d)
    if (!numbers_.emplace(documents[d].page->rel, static_cast<uint32_t>(d)).second)
      return fall_back(kListedTwice);
  DocNumbers old_numbers;
  for (size_t o = 0; o < s.docs.size(); ++o) old_numbers.emplace(s.docs[o].rel, static_cast<uint32_t>(o));

  std::vector<DocEntry> docs(n);
  std::vector<uint32_t> new_of(s.docs.size(), kNoDoc);
  plan.old_of.assign(n, kNoDoc);
  plan.listed.assign(n, 0);
  plan.affected.assign(n, 0);
  for (size_t d = 0; d < n; ++d) {
    const PageTableEntry& p = *documents[d].page;
    const std::string& section_title = documents[d].section_title;
    DocEntry& doc = docs[d];
    doc.rel = p.rel;
    doc.title = p.title;
    doc.url = p.url;
    plan.listed[d] = args_.llms_full && in_llms_full(p);
    const std::optional<uint32_t> o = find_doc(old_numbers, p.rel);
    const DocEntry* was = o ? &s.docs[*o] : nullptr;
    doc.section_title = was && was->section_title == section_title ? was->section_title
                                                                  : std::string_view(s.strings.emplace_back(section_title));
    if (!was) {
      plan.affected[d] = 1;
      continue;
    }
    plan.old_of[d] = *o;
    new_of[*o] = static_cast<uint32_t>(d);
    doc.llms_bytes = was->llms_bytes;
    doc.llms_hash = was->llms_hash;
    plan.affected[d] = doc.title != was->title || doc.url != was->url || doc.section_title != was->section_title ||
                       plan.listed[d] != (was->llms_bytes != 0);
  }

  // The postings: a document's number is in each of its terms' fragments.
  std::vector<DocTerms> doc_terms(n);
  for (size_t o = 0; o < s.docs.size(); ++o)
    if (new_of[o] != o) mark_terms(s.model.doc_terms[o], plan.terms_changed);
  for (size_t d = 0; d < n; ++d) {
    if (plan.old_of[d] != kNoDoc) doc_terms[d] = std::move(s.model.doc_terms[plan.old_of[d]]);
    if (plan.moved(d)) ++plan.renumbered;
  }
  s.model.doc_terms = std::move(doc_terms);
  s.model.records.assign(n, {});  // read from the chunk files where needed (plan_chunks)

  // The files' lists: a page that left the table stays listed by its files, as another rel,
  // and one that joined it may be listed by files that did not change.
  for (size_t i = 1; i < s.inputs.size(); ++i) {
    InputEntry& in = s.inputs[i];
    std::vector<uint32_t> was_docs = std::move(in.docs);
    std::vector<std::string_view> was_others = std::move(in.others);
    in.docs.clear();
    in.others.clear();
    for (uint32_t o : was_docs) {
      if (new_of[o] != kNoDoc) in.docs.push_back(new_of[o]);
      else in.others.push_back(s.docs[o].rel);
    }
    for (std::string_view rel : was_others) {
      if (auto d = find_doc(numbers_, rel)) in.docs.push_back(*d);
      else in.others.push_back(rel);
    }
    sort_unique(in.docs);
    sort_unique(in.others);
  }

  if (args_.llms_full) {
    std::string header = llms_header(config_, table_);
    if (header.size() != s.llms_header || hash64(header) != s.llms_header_hash) plan.header = std::move(header);
  }
  s.docs = std::move(docs);
  return true;
}

// The number of the document of `rel`, looked up first among `likely` (a file's documents
// before it changed: a page usually stays in its file).
std::optional<uint32_t> SearchStep::doc_number(const State& s, const std::vector<uint32_t>& likely,
                                               std::string_view rel) {
  for (uint32_t d : likely)
    if (s.docs[d].rel == rel) return d;
  if (numbers_.empty())
    for (size_t d = 0; d < s.docs.size(); ++d) numbers_.emplace(s.docs[d].rel, static_cast<uint32_t>(d));
  return find_doc(numbers_, rel);
}

// Plans the document chunks (ChunkPlan): those that hold an affected or renumbered document,
// that are new or hold another number of documents, or whose file is missing or of another size
// than recorded, are rendered. Loads the records they need from the old chunk files, checked
// against their recorded hashes; where one is not the recorded file, the documents it held are
// recomputed instead, and its own chunk is repaired.
void SearchStep::plan_chunks(State& s, Plan& plan) {
  const size_t per = args_.options.docs_per_chunk;
  const size_t old_chunks = s.chunks.size();
  std::vector<char>& chunks = plan.chunks;
  chunks.assign(search_chunk_count(s.docs.size(), args_.options), kKeep);
  auto docs_in = [&](size_t k, size_t doc_count) { return std::min(per, doc_count - k * per); };
  auto chunk_path = [&](size_t k) { return join_path(args_.output_dir, search_docs_file(k)); };
  std::vector<size_t> todo;  // chunks whose records are to load
  auto render = [&](size_t k, ChunkPlan how) {
    if (k >= chunks.size()) return;  // a chunk no longer made: left to the prune step
    if (chunks[k] == kKeep) todo.push_back(k);
    chunks[k] = std::max<char>(chunks[k], how);
  };
  for (size_t k = 0; k < chunks.size(); ++k) {
    if (k >= old_chunks || docs_in(k, s.docs.size()) != docs_in(k, plan.old_count)) {
      render(k, kRender);
    } else {
      const FileStamp st = stamp_file(chunk_path(k));
      if (!st.exists || st.size != s.chunks[k].size) render(k, kRepair);
    }
    for (size_t d = k * per; d < k * per + docs_in(k, s.docs.size()) && chunks[k] == kKeep; ++d)
      if (plan.affected[d] || plan.moved(d)) render(k, kRender);
  }

  enum Loaded : char { kNotYet, kGood, kBad };
  std::vector<char> loaded(old_chunks, kNotYet);
  std::vector<std::vector<std::string_view>> records(old_chunks);
  auto load = [&](size_t k) {
    if (loaded[k] != kNotYet) return loaded[k] == kGood;
    const std::string path = chunk_path(k);
    const FileStamp st = stamp_file(path);
    bool good = st.exists && st.size == s.chunks[k].size;
    if (good) {
      const std::string& bytes = s.strings.emplace_back(read_file(path));
      good = entry_of(bytes) == s.chunks[k] && split_docs_chunk(bytes, records[k]) &&
             records[k].size() == docs_in(k, plan.old_count);
    }
    loaded[k] = good ? kGood : kBad;
    return good;
  };
  while (!todo.empty()) {
    const size_t k = todo.back();
    todo.pop_back();
    for (size_t d = k * per; d < k * per + docs_in(k, s.docs.size()); ++d) {
      const uint32_t o = plan.old_of[d];
      if (o == kNoDoc) continue;
      if (load(o / per)) {
        s.model.records[d] = records[o / per][o % per];
      } else {
        plan.affected[d] = 1;
        render(o / per, kRepair);
      }
    }
  }
}

// Writes llms-full.txt anew when it changed: the header and the unchanged sections copied from
// the old file in runs, the new ones between them.
void SearchStep::splice_llms(State& s, const Plan& plan, const std::unordered_map<uint32_t, std::string>& sections) {
  std::vector<FilePart> parts;
  auto copy = [&](uint64_t offset, uint64_t size) {
    FilePart* last = parts.empty() ? nullptr : &parts.back();
    if (last && !last->bytes.data() && last->offset + last->size == offset) last->size += size;
    else parts.push_back({{}, offset, size});
  };
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
  // The spare beside the state spares the allocation and freeing of the file's pages.
  const std::string path = join_path(args_.output_dir, kLlmsFullFile);
  write_file_spliced(path, path, parts, args_.state + ".spare");
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
    std::vector<OutputFile> rendered;
    std::vector<std::string> keys;
    render_term_fragments(model, &selected, options, rendered, keys);
    for (size_t i = 0; i < rendered.size(); ++i) {
      FileEntry e = entry_of(rendered[i].bytes);
      auto was = before.find(keys[i]);
      if (was == before.end() || was->second != e || damaged.count(keys[i])) write(rendered[i].path, rendered[i].bytes);
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
  s.fragments = std::move(fragments);
  files.push_back(kSearchFile);
  write(kSearchFile, render_search_index(s.docs.size(), options, keys));
}

}  // namespace

SearchStepReport run_search_step(const Config& config, const SearchStepArgs& args) {
  return SearchStep(config, args).run();
}

std::string explain(const SearchStepReport& r) {
  std::string out = "search step: ";
  if (!r.incremental) out += "full run (" + r.full_reason + "): ";
  else if (r.page_table_changed) out += "incremental (new page table, " + std::to_string(r.docs_renumbered) + " documents renumbered): ";
  else out += "incremental: ";
  out += std::to_string(r.shards_decoded) + " shard files decoded, ";
  if (r.incremental) out += std::to_string(r.docs_changed) + " documents changed, ";
  return out + std::to_string(r.written.size()) + " of " + std::to_string(r.files.size()) + " files written";
}

}  // namespace bengal
