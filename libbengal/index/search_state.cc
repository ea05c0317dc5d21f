// The incremental search step's matching (index/search_state.h): which of the state's records
// still hold, which documents this run recomputes, and which files it renders again.
#include <algorithm>
#include <numeric>
#include <set>

#include "index/index.h"
#include "index/search_step.h"
#include "support/hash.h"
#include "support/paths.h"

namespace bengal {
namespace search_state {
namespace {

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

}  // namespace

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
    if (in.stamp == was.stamp && was.stamp.ctime_ns < s.read_at) {
      in.hash = was.hash;
      in.hashed = true;
    } else {
      read(in);
      release(in);  // mapped again if it is decoded
    }
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
// one and older than the state (so no later change could keep it), else by its hash, read in
// pieces (mapping it would count its 400 MB, at 100,000 pages, in this process's memory).
bool SearchStep::llms_intact(const State& s) {
  const std::string path = join_path(args_.output_dir, kLlmsFullFile);
  const FileStamp st = stamp_file(path);
  if (!st.exists) return fall_back("llms-full.txt is missing");
  if (st == s.llms_stamp && s.llms_stamp.ctime_ns < s.written_at) return true;
  bool same = st.size == s.llms.size && s.llms_header <= st.size;
  if (same) {
    SequentialReader file(path);
    same = hash64(file.read(0, s.llms_header)) == s.llms_header_hash;
    uint64_t at = s.llms_header;
    for (const DocEntry& d : s.docs) {
      if (!same) break;
      if (!d.llms_bytes) continue;
      same = at + d.llms_bytes <= st.size && hash64(file.read(at, d.llms_bytes)) == d.llms_hash;
      at += d.llms_bytes;
    }
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
  read(inputs_[0]);
  table_ = read_table(inputs_[0].bytes, inputs_[0].path);
  const auto documents = search_documents(table_);
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
    const TableRow& p = *documents[d].page;
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

}  // namespace search_state

SearchStepReport run_search_step(const Config& config, const SearchStepArgs& args) {
  return search_state::SearchStep(config, args).run();
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
