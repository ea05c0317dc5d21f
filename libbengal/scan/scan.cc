#include "scan/scan.h"

#include <algorithm>
#include <cstdio>
#include <set>

#include "scan/front_matter.h"
#include "support/fs.h"
#include "support/hash.h"
#include "support/text.h"

namespace bengal {
namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
// bengal-parse uses SUB (0x1A) as an internal marker, so it must not reach it from a page.
constexpr char kSub = '\x1A';
constexpr std::string_view kReplacementChar = "\xEF\xBF\xBD";

bool looks_binary(std::string_view raw) {
  return raw.substr(0, kBinarySniffBytes).find('\0') != std::string_view::npos;
}

SourceLoc loc_at(const std::string& file, std::string_view text, size_t offset) {
  LineCol lc = line_col_at(text, offset);
  return {file, lc.line, lc.col};
}

std::string byte_hex(unsigned char byte) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%02x", byte);
  return buf;
}

// Replaces each SUB in the body with U+FFFD, warning once at the first.
std::string replace_sub(std::string_view text, size_t body_offset, const std::string& file, Diagnostics& diags) {
  std::string_view body = text.substr(body_offset);
  size_t first = body.find(kSub);
  if (first == std::string_view::npos) return std::string(body);
  std::string out;
  size_t count = 0;
  for (char c : body) {
    if (c == kSub) {
      out += kReplacementChar;
      ++count;
    } else {
      out += c;
    }
  }
  std::string times = count > 1 ? " (" + std::to_string(count) + " times)" : "";
  diags.warning(loc_at(file, text, body_offset + first),
                "control character 0x1a (SUB) replaced with U+FFFD" + times + "; it is reserved for internal use");
  return out;
}

// "./content/" -> "content": the same folder, spelled the way paths are compared.
std::string_view plain_path(std::string_view path) {
  while (starts_with(path, "./")) path.remove_prefix(2);
  while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  return path;
}

}  // namespace

std::string normalize_text(std::string_view raw) {
  if (starts_with(raw, kByteOrderMark)) raw.remove_prefix(kByteOrderMark.size());
  std::string out;
  out.reserve(raw.size());
  // Copied a line run at a time (memchr): most files have no '\r' at all.
  for (size_t cr; (cr = raw.find('\r')) != std::string_view::npos;) {
    out.append(raw.data(), cr);
    out += '\n';
    raw.remove_prefix(cr + (cr + 1 < raw.size() && raw[cr + 1] == '\n' ? 2 : 1));
  }
  out.append(raw);
  return out;
}

ScannedPage scan_source(std::string_view raw_bytes, const std::string& source_path, const std::string& rel,
                        Diagnostics& diags) {
  ScannedPage page;
  page.source = source_path;
  page.rel = rel;
  page.content_hash = hash_hex(raw_bytes);
  if (looks_binary(raw_bytes)) {
    diags.error({source_path}, "binary file, not Markdown");
    return page;
  }
  std::string text = normalize_text(raw_bytes);
  if (std::optional<size_t> bad = find_invalid_utf8(text)) {
    diags.error(loc_at(source_path, text, *bad),
                "invalid UTF-8 (byte " + byte_hex(static_cast<unsigned char>(text[*bad])) + ")");
    return page;
  }
  if (trim(text).empty()) {
    diags.warning({source_path}, "empty file");
    page.body = std::move(text);
    return page;
  }
  FrontMatterBlock front = parse_front_matter(text, source_path, diags);
  page.front = std::move(front.front);
  page.body = replace_sub(text, front.body_offset, source_path, diags);
  page.body_line = front.body_line;
  return page;
}

std::string content_relative_path(std::string_view path, std::string_view content_dir) {
  path = plain_path(path);
  std::string_view dir = plain_path(content_dir);
  if (dir.empty() || dir == ".") return std::string(path);
  std::string prefix = std::string(dir) + "/";
  if (starts_with(path, prefix) && path.size() > prefix.size()) return std::string(path.substr(prefix.size()));
  return std::string(path);
}

ScanShard scan_files(const std::vector<std::string>& paths, const std::string& content_dir, Diagnostics& diags) {
  ScanShard shard;
  std::set<std::string> seen;
  for (const std::string& path : paths) {
    if (!seen.insert(path).second) {
      diags.warning({path}, "file given more than once");
      continue;
    }
    std::string raw = read_file(path);
    size_t errors_before = diags.error_count();
    ScannedPage page = scan_source(raw, path, content_relative_path(path, content_dir), diags);
    if (diags.error_count() == errors_before) shard.pages.push_back(std::move(page));
  }
  std::sort(shard.pages.begin(), shard.pages.end(), [](const ScannedPage& a, const ScannedPage& b) {
    return a.rel != b.rel ? a.rel < b.rel : a.source < b.source;
  });
  return shard;
}

}  // namespace bengal
