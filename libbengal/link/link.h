#pragma once
// bengal-link: the linker. From every page's metadata it computes URLs, the section tree,
// navigation and resolved references, and splits the result so that no later per-shard step
// needs a table of the whole site (bengal-link(1)).
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "model/config.h"
#include "model/page.h"
#include "model/site.h"
#include "link/template_refs.h"
#include "support/diagnostics.h"

namespace bengal {

// Where the links of page `rel` of input shard `shard` were written (PageBody::link_pos), for
// diagnostics only: S.meta leaves positions out so that edits which only move lines do not
// re-run the linker. Returns an empty vector when they are not available.
using LinkPositions = std::function<std::vector<SourcePos>(size_t shard, const std::string& rel)>;

struct LinkOptions {
  bool drafts = false;        // publish pages with `draft: true`
  bool future = false;        // publish pages whose publishdate (or date) is after `now`
  bool expired = false;       // publish pages whose expirydate is not after `now`
  std::optional<int64_t> now;  // seconds since 1970 (UTC); unset: no page is future or expired
  bool strict_links = true;   // a broken reference is an error (else a warning)
  uint32_t term_shards = 0;   // link files for taxonomy and term pages; 0: with the generated pages
  std::vector<TemplateRef> template_refs;  // ref("...") calls found in the site's templates
  LinkPositions link_positions;            // unset: diagnostics name the file without a line
  std::vector<std::string> copied_files;   // output paths of static files and page resources
  unsigned threads = 1;                    // threads that make the link files
};

// What bengal-link writes that is small enough to hand back whole.
struct LinkSummary {
  Site site;
  Taxonomies taxonomies;
};

// Receives the large outputs as they are made, so that those of a large site are never all in
// memory. Their strings are views into the linker's tables, valid only during the call.
struct LinkSink {
  // Each link file, numbered as LinkResult orders them: one per input MetaShard, then the
  // generated pages' (sections and home without a source file), then options.term_shards term
  // shards (taxonomy and term pages). Called once per file, from up to options.threads threads
  // at once, errors or not: the caller decides what to keep.
  std::function<void(size_t file, const LinkShardView& links)> link_file;
  // The page table, once, from any of those threads.
  std::function<void(const PageTableView& table)> page_table;
};

struct LinkResult : LinkSummary {
  std::vector<LinkShard> shards;       // one per input MetaShard, same order
  LinkShard generated;                 // section and home pages that have no source file
  std::vector<LinkShard> term_shards;  // options.term_shards of them: taxonomy and term pages
  PageTable table;
};

// Which of `count` term shards a taxonomy page ("tags") or term page ("tags/go") goes to:
// by a hash of its path, so a term stays in its shard as the site changes.
uint32_t term_shard_of(const std::string& path, uint32_t count);

// Links the site, handing the link files and the page table to `sink` as they are made.
// Diagnostics come out in the same order whatever the thread count: by link file, then page,
// then reference. Cascades are applied to the pages' front matter in place, so that a large
// site's is not held twice.
LinkSummary link_site(const Config& config, std::vector<MetaShard>& shards, const LinkOptions& options,
                      Diagnostics& diags, const LinkSink& sink);

// The same, with every output kept in the result (decoded from the bytes bengal-link writes).
LinkResult link_site(const Config& config, std::vector<MetaShard> shards, const LinkOptions& options,
                     Diagnostics& diags);

// "getting-started" -> "Getting started": the title of a page or section that sets none.
std::string title_from_name(std::string_view name);

}  // namespace bengal
