#include "parse/parse.h"

#include "format/envelope.h"

namespace bengal {

ParsedShard parse_shard(const ScanShard& shard, const ParseOptions& options, Diagnostics& diags) {
  ParsedShard out;
  out.meta.pages.reserve(shard.pages.size());
  out.body.pages.reserve(shard.pages.size());
  out.text.pages.reserve(shard.pages.size());
  for (const ScannedPage& page : shard.pages) {
    ParsedPage parsed = parse_page(page, options, diags);
    out.meta.pages.push_back(std::move(parsed.meta));
    out.body.pages.push_back(std::move(parsed.body));
    out.text.pages.push_back(std::move(parsed.text));
    out.dependencies.insert(parsed.dependencies.begin(), parsed.dependencies.end());
  }
  return out;
}

void write_parsed_shard(const ParsedShard& shard, const std::string& prefix, std::string_view producer) {
  write_intermediate(Kind::kMeta, producer, shard.meta, prefix + ".meta");
  write_intermediate(Kind::kBody, producer, shard.body, prefix + ".body");
  write_intermediate(Kind::kText, producer, shard.text, prefix + ".text");
}

}  // namespace bengal
