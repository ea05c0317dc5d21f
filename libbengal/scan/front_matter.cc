#include "scan/front_matter.h"

#include "scan/entries.h"
#include "model/front_matter.h"
#include "support/text.h"

namespace bengal {
namespace {

std::string_view first_line(std::string_view text) { return text.substr(0, text.find('\n')); }

// A delimiter line is the marker alone, trailing blanks allowed.
bool is_delimiter_line(std::string_view line, std::string_view marker) {
  if (!starts_with(line, marker)) return false;
  return line.substr(marker.size()).find_first_not_of(" \t") == std::string_view::npos;
}

struct DelimitedBlock {
  std::string_view block;  // between the delimiter lines
  size_t body_offset = 0;
  uint32_t body_line = 1;
};

// Finds the closing delimiter line; nullopt when there is none.
std::optional<DelimitedBlock> find_delimited_block(std::string_view text, std::string_view marker) {
  size_t block_start = text.find('\n');
  if (block_start == std::string_view::npos) return std::nullopt;
  ++block_start;
  uint32_t line = 2;
  for (size_t start = block_start; start < text.size(); ++line) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    if (is_delimiter_line(text.substr(start, end - start), marker)) {
      size_t body = end < text.size() ? end + 1 : end;
      return DelimitedBlock{text.substr(block_start, start - block_start), body, line + 1};
    }
    start = end + 1;
  }
  return std::nullopt;
}

void parse_delimited(std::string_view text, const std::string& file, FrontMatterBlock& out, Diagnostics& diags) {
  std::string_view marker = out.format == FrontMatterFormat::kYaml ? "---" : "+++";
  std::optional<DelimitedBlock> found = find_delimited_block(text, marker);
  if (!found) {
    diags.error({file, 1, 1}, "front matter opened here is never closed (no closing '" + std::string(marker) + "' line)");
    return;
  }
  out.body_offset = found->body_offset;
  out.body_line = found->body_line;
  BlockOrigin origin{file, found->block, 2};
  FrontMatterEntries entries;
  bool ok = out.format == FrontMatterFormat::kYaml ? read_yaml_entries(origin, entries, diags)
                                                   : read_toml_entries(origin, entries, diags);
  if (ok) apply_front_matter_entries(entries, file, out.front, diags);
}

// After the JSON object, only blanks may follow on its last line: the body starts on the next.
void parse_json(std::string_view text, const std::string& file, FrontMatterBlock& out, Diagnostics& diags) {
  FrontMatterEntries entries;
  std::optional<size_t> end = read_json_entries(text, file, entries, diags);
  if (!end) return;
  size_t line_end = std::min(text.find('\n', *end), text.size());
  size_t stray = text.substr(*end, line_end - *end).find_first_not_of(" \t");
  if (stray != std::string_view::npos) {
    LineCol lc = line_col_at(text, *end + stray);
    diags.error({file, lc.line, lc.col}, "the body must start on a new line after the JSON front matter");
    return;
  }
  out.body_offset = line_end < text.size() ? line_end + 1 : line_end;
  out.body_line = line_col_at(text, *end).line + 1;
  apply_front_matter_entries(entries, file, out.front, diags);
}

}  // namespace

FrontMatterFormat detect_front_matter(std::string_view text) {
  if (!text.empty() && text[0] == '{') return FrontMatterFormat::kJson;
  std::string_view line = first_line(text);
  if (is_delimiter_line(line, "---")) return FrontMatterFormat::kYaml;
  if (is_delimiter_line(line, "+++")) return FrontMatterFormat::kToml;
  return FrontMatterFormat::kNone;
}

FrontMatterBlock parse_front_matter(std::string_view text, const std::string& file, Diagnostics& diags) {
  FrontMatterBlock out;
  out.format = detect_front_matter(text);
  switch (out.format) {
    case FrontMatterFormat::kNone: break;
    case FrontMatterFormat::kJson: parse_json(text, file, out, diags); break;
    case FrontMatterFormat::kYaml:
    case FrontMatterFormat::kToml: parse_delimited(text, file, out, diags); break;
  }
  return out;
}

}  // namespace bengal
