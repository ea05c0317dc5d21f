#pragma once
// bengal-parse over a whole shard: S.scan -> S.meta, S.body, S.text (bengal-parse(1)).
#include <set>
#include <string>
#include <string_view>

#include "model/page.h"
#include "parse/markdown.h"
#include "support/diagnostics.h"

namespace bengal {

struct ParsedShard {
  MetaShard meta;
  BodyShard body;
  TextShard text;
  // Files other than the shard's sources that the pages read (an include directive's file),
  // site-relative: the depfile names them so that an edit of one re-parses the shard.
  std::set<std::string> dependencies;
};

// Parses every page, in the shard's order.
ParsedShard parse_shard(const ScanShard& shard, const ParseOptions& options, Diagnostics& diags);

// Writes PREFIX.meta, PREFIX.body and PREFIX.text, each only when its bytes changed.
void write_parsed_shard(const ParsedShard& shard, const std::string& prefix, std::string_view producer);

}  // namespace bengal
