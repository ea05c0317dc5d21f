// TOML front matter (toml++) to neutral entries. Dates and times become ISO 8601 text, which
// the typed fields then check and normalize like dates written as strings.
#include <toml++/toml.h>

#include "format/toml_json.h"
#include "scan/entries.h"

namespace bengal {
namespace {

// toml++ counts columns in code points; diagnostics count bytes.
uint32_t byte_column(std::string_view block, uint32_t line, uint32_t column) {
  size_t start = 0;
  for (uint32_t l = 1; l < line && start != std::string_view::npos; ++l) {
    start = block.find('\n', start);
    if (start != std::string_view::npos) ++start;
  }
  if (start == std::string_view::npos) return column;
  size_t i = start;
  for (uint32_t c = 1; c < column && i < block.size() && block[i] != '\n'; ++c) {
    ++i;
    while (i < block.size() && (static_cast<unsigned char>(block[i]) & 0xC0) == 0x80) ++i;
  }
  return static_cast<uint32_t>(i - start + 1);
}

SourceLoc loc_of(const BlockOrigin& origin, const toml::source_position& p) {
  if (p.line == 0) return {origin.file, origin.first_line, 1};
  uint32_t line = static_cast<uint32_t>(p.line);
  return {origin.file, origin.first_line + line - 1, byte_column(origin.block, line, static_cast<uint32_t>(p.column))};
}

// "Error while parsing ..." -> "error while parsing ...": messages are lower-case.
std::string lower_first(std::string_view s) {
  std::string out(s);
  if (!out.empty() && out[0] >= 'A' && out[0] <= 'Z') out[0] = static_cast<char>(out[0] - 'A' + 'a');
  while (!out.empty() && out.back() == '.') out.pop_back();
  return out;
}

}  // namespace

bool read_toml_entries(const BlockOrigin& origin, FrontMatterEntries& out, Diagnostics& diags) {
  toml::table root;
  try {
    root = toml::parse(origin.block, std::string_view(origin.file));
  } catch (const toml::parse_error& e) {
    diags.error(loc_of(origin, e.source().begin), "invalid TOML front matter: " + lower_first(e.description()));
    return false;
  }
  for (const auto& [key, value] : root) {
    FrontMatterEntry e;
    e.key = std::string(key.str());
    e.value = toml_to_json(value);
    SourceLoc loc = loc_of(origin, value.source().begin);
    e.pos = {loc.line, loc.col};
    out.push_back(std::move(e));
  }
  return true;
}

}  // namespace bengal
