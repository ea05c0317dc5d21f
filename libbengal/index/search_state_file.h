#pragma once
// The state file of the incremental search step (index/search_state.h): what a run used and
// made, as it is held in memory, and its bytes (search_state_file.cc says the layout). Private
// to the search step.
#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "index/search.h"
#include "support/fs.h"
#include "support/hash.h"

namespace bengal::search_state {

// Bump when the layout, or what a record, a posting or an llms-full.txt section holds, changes.
inline constexpr uint32_t kStateSchema = 5;

struct InputEntry {
  std::string_view path;
  FileStamp stamp;
  uint64_t hash = 0;
  std::vector<uint32_t> docs;             // the documents the file lists, sorted
  std::vector<std::string_view> others;  // the other rels it lists (pages the table leaves out,
                                         // such as drafts), sorted: they may become documents
                                         // while the file stays as it is
};

struct DocEntry {
  std::string_view rel, title, url, section_title;
  uint32_t llms_bytes = 0;  // its section of llms-full.txt; 0: not listed
  uint64_t llms_hash = 0;
};

struct FileEntry {
  uint64_t hash = 0, size = 0;
  bool operator==(const FileEntry& o) const { return hash == o.hash && size == o.size; }
};

struct FragmentEntry {
  std::string key;
  FileEntry file;
};

// What a run used and made. Views point into `file` (a state read from disk), into the
// decoded page table and shard files, or into `strings`.
struct State {
  std::unique_ptr<MappedFile> file;
  int64_t written_at = 0;  // the state file's mtime
  std::deque<std::string> strings;
  uint64_t key = 0;        // state_key(): the config, options and tool build it was made with
  int64_t read_at = 0;     // the file clock before the run stamped its inputs
  std::vector<InputEntry> inputs;
  std::vector<DocEntry> docs;
  SearchModel model;  // records and postings: empty without search
  std::vector<FragmentEntry> fragments;
  std::vector<FileEntry> chunks;
  FileEntry llms;
  uint64_t llms_header = 0, llms_header_hash = 0;
  FileStamp llms_stamp;
  // The spare beside the state (the llms-full.txt before last) and how many of its first bytes
  // are llms-full.txt's: a run that changes nothing before them need not copy them again.
  FileStamp spare_stamp;
  uint64_t spare_same = 0;

  // llms-full.txt's hash: of its header's and sections' hashes, so that a run that copies most
  // sections from the old file need not read them.
  uint64_t llms_hash() const {
    std::vector<uint64_t> hashes = {llms_header_hash};
    for (const DocEntry& d : docs)
      if (d.llms_bytes) hashes.push_back(d.llms_hash);
    return hash64(std::string_view(reinterpret_cast<const char*>(hashes.data()), hashes.size() * 8));
  }
};

inline FileEntry entry_of(std::string_view bytes) { return {hash64(bytes), bytes.size()}; }

// Reads the state at `path` into `s`; false, with the reason, when it cannot be used.
bool read_state(const std::string& path, uint64_t key, State& s, std::string& reason);

// Writes the state to `path` (through a temporary file), never holding all its bytes: they go
// out `buffer_bytes` at a time.
void write_state(const std::string& path, const State& s, size_t buffer_bytes = 1 << 20);

}  // namespace bengal::search_state
