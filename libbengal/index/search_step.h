#pragma once
// The search step's run (index/search_state.h), private to it: search_state.cc matches the
// state to this run's inputs and plans what an incremental run redoes; search_step.cc reads
// the inputs and writes an incremental run's files; search_full.cc does the full run.
#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "format/envelope.h"
#include "index/search_state.h"
#include "index/search_state_file.h"
#include "index/search_table.h"
#include "support/fs.h"

namespace bengal::search_state {

struct Input {
  std::string path;
  Kind kind;
  FileStamp stamp;
  std::unique_ptr<MappedFile> file;  // mapped, not copied, while it is read; dropped after
  std::string_view bytes;
  bool hashed = false;
  uint64_t hash = 0;
};

// A shard file, decoded: its meta or its text pages.
struct Decoded {
  IndexMetaShard meta;
  TextShard text;
};

// Document numbers by rel.
using DocNumbers = std::unordered_map<std::string_view, uint32_t>;

inline std::optional<uint32_t> find_doc(const DocNumbers& numbers, std::string_view rel) {
  auto it = numbers.find(rel);
  return it == numbers.end() ? std::nullopt : std::optional<uint32_t>(it->second);
}

inline constexpr uint32_t kNoDoc = UINT32_MAX;
inline constexpr const char* kListedTwice = "the page table lists a page twice";

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
  SearchStep(const Config& config, const SearchStepArgs& args);
  SearchStepReport run();

 private:
  // Reading the inputs (search_step.cc).
  void read(Input& in);
  void release(Input& in);
  Decoded& decode(size_t i);
  template <class Lookup>
  void list_file(size_t i, const Lookup& doc_of, InputEntry& entry);
  SearchPage page_of(const DocEntry& doc, size_t meta_file, size_t text_file);
  bool fall_back(const char* reason) {
    report_.full_reason = reason;
    return false;
  }

  // Matching the state and planning an incremental run (search_state.cc).
  bool incremental(State& s);
  bool llms_intact(const State& s);
  Plan same_documents(const State& s);
  bool renumber(State& s, Plan& plan);
  std::optional<uint32_t> doc_number(const State& s, const std::vector<uint32_t>& likely, std::string_view rel);
  void plan_chunks(State& s, Plan& plan);
  std::unordered_map<uint32_t, std::string> recompute(State& s, Plan& plan);

  // Making and writing the files (search_step.cc; the full run: search_full.cc).
  void update_search(State& s, const Plan& plan, std::vector<std::string>& files);
  void splice_llms(State& s, const Plan& plan, const std::unordered_map<uint32_t, std::string>& sections);
  void full(uint64_t key);
  void list_sources(State& state, const DocNumbers& numbers, std::vector<uint32_t>& meta_file,
                    std::vector<uint32_t>& text_file);
  void remove_state();
  void write(const std::string& rel, std::string_view bytes);
  void report_files(std::vector<std::string> files);
  void keep_state(State& state);

  const Config& config_;
  const SearchStepArgs& args_;
  SearchStepReport report_;
  std::vector<Input> inputs_;  // [0]: the page table, then the shard files
  std::unordered_map<size_t, Decoded> decoded_;
  Table table_;         // the page table, when decoded (views into inputs_[0])
  DocNumbers numbers_;  // this run's documents by rel, made when first needed
  int64_t read_at_ = 0;
  bool state_removed_ = false;
};

// Sets what shard file `i` lists: the documents, by `doc_of` (rel -> optional number), and
// the other rels.
template <class Lookup>
void SearchStep::list_file(size_t i, const Lookup& doc_of, InputEntry& entry) {
  entry.docs.clear();
  entry.others.clear();
  auto add = [&](std::string_view rel) {
    if (auto d = doc_of(rel)) entry.docs.push_back(*d);
    else entry.others.push_back(rel);
  };
  const Decoded& dec = decode(i);
  for (const IndexPageMeta& m : dec.meta.pages) add(m.rel);
  for (const PageText& t : dec.text.pages) add(t.rel);
  std::sort(entry.docs.begin(), entry.docs.end());
  entry.docs.erase(std::unique(entry.docs.begin(), entry.docs.end()), entry.docs.end());
  std::sort(entry.others.begin(), entry.others.end());
  entry.others.erase(std::unique(entry.others.begin(), entry.others.end()), entry.others.end());
}

// Reads ranges of a file, at increasing offsets, through one buffer: for a file too big to map
// (its pages would count in this process's memory), such as llms-full.txt. Throws Failure.
class SequentialReader {
 public:
  explicit SequentialReader(const std::string& path);
  ~SequentialReader();
  SequentialReader(const SequentialReader&) = delete;
  SequentialReader& operator=(const SequentialReader&) = delete;
  // The bytes at [offset, offset + size), fewer past the end; valid until the next read.
  std::string_view read(uint64_t offset, uint64_t size);

 private:
  std::string path_;
  int fd_ = -1;
  uint64_t size_ = 0;
  std::string buffer_;  // the bytes from start_
  uint64_t start_ = 0;
};

// Appends a copy of `size` bytes of the source from `offset` to `parts`, merged with the last
// part when that copies the bytes just before.
inline void copy_part(std::vector<FilePart>& parts, uint64_t offset, uint64_t size) {
  FilePart* last = parts.empty() ? nullptr : &parts.back();
  if (last && !last->bytes.data() && last->offset + last->size == offset) last->size += size;
  else parts.push_back({{}, offset, size});
}

// What the outputs depend on besides the inputs (search_state.cc).
uint64_t state_key(const Config& config, const SearchStepArgs& args);

// Appends a page's section of llms-full.txt to `out`.
void append_llms_section(std::string& out, const Config& config, const SearchPage& page);

}  // namespace bengal::search_state
