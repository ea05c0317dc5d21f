// The front matter most pages have, read without yaml-cpp: one `key: value` per line, where a
// value is a plain scalar, a quoted string without escapes, or a one-line [a, b] list of those.
// yaml-cpp costs about 50 µs for such a block, most of bengal-scan's time; this costs about 1.
// Anything else (nesting, block lists, comments, escapes, anchors, a duplicate key) returns
// false and is read by yaml-cpp, and the unit tests check that both readers give the same
// entries, types and positions for what this one accepts.
#include <algorithm>

#include "scan/entries.h"

namespace bengal {
namespace {

bool is_key_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

// Characters a plain scalar may hold here: no YAML indicator anywhere, so nothing in it can
// start a comment, a mapping, a flow collection, an alias or a tag. Bytes of UTF-8 letters
// are kept.
bool is_plain_char(char c) {
  auto u = static_cast<unsigned char>(c);
  if (u >= 0x80) return true;
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ' ' || c == '.' ||
         c == '_' || c == '/' || c == '+' || c == '(' || c == ')' || c == '=' || c == ';' || c == '~' ||
         c == '$' || c == '^' || c == '-' || c == '\'';
}

// Code points YAML treats as line breaks or marks (NEL, LS, PS, BOM): left to yaml-cpp.
bool has_yaml_special(std::string_view s) {
  for (std::string_view special : {"\xC2\x85", "\xE2\x80\xA8", "\xE2\x80\xA9", "\xEF\xBB\xBF"})
    if (s.find(special) != std::string_view::npos) return true;
  return false;
}

// A plain scalar: does not start with an indicator or a space ("-3" is fine), does not end
// with a space. Outside a list it may hold a ':' that no space follows (a time of day).
bool is_simple_plain(std::string_view s, bool in_list) {
  if (s.empty() || s.front() == ' ' || s.back() == ' ' || s.front() == '\'') return false;
  if (s.front() == '-' && (s.size() == 1 || s[1] == ' ')) return false;
  if (s.front() == '~' || s == "null" || s == "Null" || s == "NULL") return false;  // null: left to yaml-cpp
  for (size_t i = 0; i < s.size(); ++i) {
    if (is_plain_char(s[i])) continue;
    if (s[i] == ':' && !in_list && i > 0 && i + 1 < s.size() && s[i + 1] != ' ') continue;
    return false;
  }
  return !has_yaml_special(s);
}

// "text" or 'text' with nothing to unescape; the quotes' content, or nullopt.
std::optional<std::string_view> simple_quoted(std::string_view s) {
  if (s.size() < 2 || (s.front() != '"' && s.front() != '\'') || s.back() != s.front()) return std::nullopt;
  std::string_view inner = s.substr(1, s.size() - 2);
  if (inner.find_first_of("\"'\\") != std::string_view::npos) return std::nullopt;
  if (std::any_of(inner.begin(), inner.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; }) ||
      has_yaml_special(inner))
    return std::nullopt;
  return inner;
}

// One scalar: its JSON value (typed as yaml_entries.cc types plain scalars) and, when plain,
// its text. A list item has no `plain_text`.
std::optional<nlohmann::json> simple_scalar(std::string_view s, std::string* plain_text) {
  if (auto quoted = simple_quoted(s)) return nlohmann::json(std::string(*quoted));
  if (!is_simple_plain(s, plain_text == nullptr)) return std::nullopt;
  if (plain_text) *plain_text = std::string(s);
  return resolve_yaml_plain_scalar(std::string(s));
}

}  // namespace

bool read_simple_yaml_entries(const BlockOrigin& origin, FrontMatterEntries& out) {
  FrontMatterEntries entries;
  std::string_view block = origin.block;
  uint32_t line = origin.first_line;
  for (size_t start = 0; start < block.size(); ++line) {
    size_t end = std::min(block.find('\n', start), block.size());
    std::string_view text = block.substr(start, end - start);
    start = end + 1;
    if (!text.empty() && text.back() == '\r') return false;
    if (text.empty()) continue;
    size_t colon = 0;
    while (colon < text.size() && is_key_char(text[colon])) ++colon;
    // "key: value": a key at the start of the line, one space after the colon.
    if (colon == 0 || colon + 2 >= text.size() || text[colon] != ':' || text[colon + 1] != ' ' || text[colon + 2] == ' ')
      return false;
    FrontMatterEntry e;
    e.key = std::string(text.substr(0, colon));
    if (std::any_of(entries.begin(), entries.end(), [&](const FrontMatterEntry& x) { return x.key == e.key; }))
      return false;
    std::string_view value = text.substr(colon + 2);
    e.pos = {line, static_cast<uint32_t>(colon + 3)};
    if (value.front() == '[') {
      if (value.back() != ']') return false;
      nlohmann::json list = nlohmann::json::array();
      std::string_view items = value.substr(1, value.size() - 2);
      if (!items.empty()) {
        for (size_t i = 0; i <= items.size();) {
          size_t comma = std::min(items.find(',', i), items.size());
          std::string_view item = items.substr(i, comma - i);
          // "a, b": one space after each comma, none elsewhere around an item.
          if (i > 0) {
            if (item.empty() || item.front() != ' ') return false;
            item.remove_prefix(1);
          }
          auto v = simple_scalar(item, nullptr);
          if (!v) return false;
          list.push_back(std::move(*v));
          i = comma + 1;
        }
      }
      e.value = std::move(list);
    } else {
      std::string plain;
      auto v = simple_scalar(value, &plain);
      if (!v) return false;
      e.value = std::move(*v);
      if (!plain.empty()) e.scalar_text = std::move(plain);
    }
    entries.push_back(std::move(e));
  }
  for (FrontMatterEntry& e : entries) out.push_back(std::move(e));
  return true;
}

}  // namespace bengal
