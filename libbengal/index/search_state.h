#pragma once
// The search step made incremental (bengal-index --state): search/ and llms-full.txt, which
// read every page's meta and text, rebuilt from what the last run kept (a state file) and the
// few pages whose files changed. The outputs are the bytes a full run writes, always: where
// the state cannot tell what changed, the step does a full run and writes a new state.
//
// What falls back to a full run: no state, or one of another tool build, schema, config
// (title, description, baseurl, output folder, which of the two files are written) or
// options; a corrupt or truncated state; another page table (a page added, removed or moved,
// a title, URL, date or description changed) or another list of shard files; and an
// llms-full.txt that is not the one the state recorded (edited or deleted by hand).
#include <cstdint>
#include <string>
#include <vector>

#include "index/search.h"
#include "model/config.h"

namespace bengal {

struct SearchStepArgs {
  std::string page_table;           // the page table file
  std::vector<std::string> shards;  // every .meta and .text file, in argument order
  std::string output_dir;
  std::string state;                // the state file, read and rewritten; empty: a full run without one
  bool search = true;               // write search/
  bool llms_full = true;            // write llms-full.txt
  SearchOptions options;
};

struct SearchStepReport {
  bool incremental = false;
  std::string full_reason;          // why the run was a full one ("no state", ...)
  size_t shards_decoded = 0;        // meta and text files decoded
  size_t docs_changed = 0;          // documents recomputed whose record, postings or text changed
  std::vector<std::string> written; // files written (under the output folder), sorted
  std::vector<std::string> files;   // every file the step makes, sorted: the manifest's list
};

// Writes the search index and llms-full.txt under args.output_dir (only the files whose bytes
// changed), then the state. The state is removed before the first output is written and
// written anew after the last, so a run that stops half-way leaves no state, and the next run
// is a full one.
SearchStepReport run_search_step(const Config& config, const SearchStepArgs& args);

// One line for --explain: "incremental: 2 shard files decoded, 1 document changed, 4 files
// written" or "full run (the page table changed): ...".
std::string explain(const SearchStepReport& report);

}  // namespace bengal
