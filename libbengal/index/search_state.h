#pragma once
// The search step made incremental (bengal-index --state): search/ and llms-full.txt, which
// read every page's meta and text, rebuilt from what the last run kept (a state file) and the
// few pages whose files changed. The outputs are the bytes a full run writes, always: where
// the state cannot tell what changed, the step does a full run and writes a new state.
//
// A document is recomputed when a meta or text file that lists it changed, or when the page
// table changed what the outputs read of it: its title, URL, section title (its section's
// title) or whether llms-full.txt lists it. A page added to or removed from the table, or
// moved in it (a new URL sorts it elsewhere), renumbers the documents between its old and new
// place: the chunks that hold them and the fragments of their terms are rendered again, and
// llms-full.txt's sections are spliced in the new order. A table change the outputs do not
// read (a date, a description other than the home page's) writes no output.
//
// What falls back to a full run: no state, or one of another tool build, schema, config
// (title, description, baseurl, output folder, which of the two files are written) or
// options; a corrupt or truncated state; a page table that lists a page twice; another list
// of shard files; and an llms-full.txt that is not the one the state recorded (edited or
// deleted by hand).
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
  bool page_table_changed = false;  // (incremental) the page table is not the state's
  size_t docs_renumbered = 0;       // (incremental) documents new to the state or at another number
  std::vector<std::string> written; // files written (under the output folder), sorted
  std::vector<std::string> files;   // every file the step makes, sorted: the manifest's list
};

// Writes the search index and llms-full.txt under args.output_dir (only the files whose bytes
// changed), then the state. The state is removed before the first output is written and
// written anew after the last, so a run that stops half-way leaves no state, and the next run
// is a full one.
SearchStepReport run_search_step(const Config& config, const SearchStepArgs& args);

// One line for --explain: "search step: incremental: 2 shard files decoded, 1 documents
// changed, 4 of 292 files written", "search step: incremental (new page table, 0 documents
// renumbered): ..." or "search step: full run (no state): ...".
std::string explain(const SearchStepReport& report);

}  // namespace bengal
