#pragma once
// What the search step reads of the page table and of the shard files before it decodes them,
// as views into the files' bytes (which must outlive them; msgpack strings are referenced, not
// copied). A 100,000-page table decoded as a PageTable costs over 100 MB; this costs its rows.
// Private to the search step.
#include <optional>
#include <string>
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

// The page table of `bytes`, as decode_intermediate<Table> reads it but without its object
// tree (read_table_events), which for a 100,000-page table is 57 MB; throws like it.
Table read_table(std::string_view bytes, const std::string& path);
// The table read from msgpack's events alone; none when the bytes are anything but a page
// table of a schema this build reads whose rows' fields are strings, each given once.
std::optional<Table> read_table_events(std::string_view bytes);

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
