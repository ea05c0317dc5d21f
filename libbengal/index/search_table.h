#pragma once
// What the search step reads of the page table and of the shard files before it decodes them,
// as views into the files' bytes (which must outlive them; msgpack strings are referenced, not
// copied). A 100,000-page table decoded as a PageTable costs over 100 MB; this costs its rows.
// Private to the search step.
#include <string_view>
#include <vector>

#include "format/msgpack_map.h"

namespace bengal::search_state {

// A page of the page table: the fields search/ and llms-full.txt read.
struct TableRow {
  std::string_view rel, kind, url, title, section, description;
  BENGAL_DEFINE_MAP(rel, kind, url, title, section, description);
};

struct Table {
  std::vector<TableRow> pages;  // sorted by url
  BENGAL_DEFINE_MAP(pages);
};

// The rels a meta or text file lists, in order: which pages it holds, without decoding them.
struct ShardRel {
  std::string_view rel;
  BENGAL_DEFINE_MAP(rel);
};

struct ShardRels {
  std::vector<ShardRel> pages;
  BENGAL_DEFINE_MAP(pages);
};

}  // namespace bengal::search_state
