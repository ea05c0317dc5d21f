#pragma once
// Small text helpers shared by every step: escaping, UTF-8 checks, suggestions.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bengal {

// Escapes & < > " ' for HTML text and attribute values.
std::string html_escape(std::string_view text);
void append_html_escaped(std::string& out, std::string_view text);
// Escapes & < > " ' for XML (sitemap, feeds).
std::string xml_escape(std::string_view text);

// Appends `s` as a JSON string the way nlohmann::json::dump writes it without ensure_ascii:
// the two-letter escapes, \u00XX for the other control characters, UTF-8 as it is. Returns
// false, having written part of it, when `s` is not valid UTF-8 (nlohmann replaces those).
bool append_json_string(std::string& out, std::string_view s);

// Percent-encodes every byte outside RFC 3986's URL characters (spaces, non-ASCII, quotes,
// angle brackets...); '%' is kept, so an already encoded URL stays as it is.
std::string percent_encode_url(std::string_view url);
// The same for a path made from file names or front matter: '?' and '#' are encoded too, so
// a page "c#.md" or a tag "C#" gets a URL that names it ("c%23/"), not a fragment.
std::string percent_encode_path(std::string_view path);

// Offset of the first byte that breaks UTF-8 validity (overlong forms, surrogates and code
// points past U+10FFFF included), or nullopt when the text is valid.
std::optional<size_t> find_invalid_utf8(std::string_view text);

// 1-based line and byte column of offset within text.
struct LineCol {
  uint32_t line;
  uint32_t col;
};
LineCol line_col_at(std::string_view text, size_t offset);

// Levenshtein distance, capped: returns max+1 once the distance exceeds max.
size_t edit_distance(std::string_view a, std::string_view b, size_t max);

// The candidate closest to `word` within a distance that scales with its length, or "".
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

// ", did you mean 'x'?" or "" — for appending to a message.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

std::string_view trim(std::string_view s);
// ASCII whitespace: space, tab, newline, CR, FF, VT.
inline bool is_ascii_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
// Runs of is_ascii_space() become one space; the ends go.
std::string collapse_whitespace(std::string_view s);
bool starts_with(std::string_view s, std::string_view prefix);
bool ends_with(std::string_view s, std::string_view suffix);

}  // namespace bengal
