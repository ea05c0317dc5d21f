#include "parse/source_map.h"

#include <algorithm>

namespace bengal {
namespace {

bool is_ascii_punct(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool is_alnum(char c) { return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Length of the entity reference at s[0] ("&amp;", "&#91;", "&#x5B;"), or 0.
size_t entity_length(std::string_view s) {
  size_t i = 1, first = 1, max = 32;
  bool (*accept)(char) = is_alnum;
  if (s.size() > 1 && s[1] == '#') {
    bool hex = s.size() > 2 && (s[2] == 'x' || s[2] == 'X');
    first = i = hex ? 3 : 2;
    accept = hex ? is_hex : is_digit;
    max = hex ? 6 : 7;
  }
  while (i < s.size() && i - first < max && accept(s[i])) ++i;
  bool ok = i > first && i < s.size() && s[i] == ';';
  return ok ? i + 1 : 0;
}

// Bytes of the character starting at s[0]: the lead byte and the continuation bytes after it.
size_t char_length(std::string_view s) {
  size_t n = 1;
  while (n < s.size() && n < 4 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) ++n;
  return n;
}

// Where a paragraph's text starts on a continuation or lazy line: after the indentation and
// the block quote markers.
uint32_t content_start(std::string_view line) {
  uint32_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '>')) ++i;
  return i;
}

}  // namespace

bool match_literal(std::string_view literal, std::string_view source, std::vector<uint32_t>& bracket_offsets,
                   std::vector<bool>& bracket_plain) {
  bracket_offsets.clear();
  bracket_plain.clear();
  size_t i = 0, j = 0;
  while (i < literal.size()) {
    if (j >= source.size()) return false;
    char want = literal[i];
    size_t consumed = 1, produced = 1;
    bool plain = true;
    if (source[j] == '\\' && j + 1 < source.size() && is_ascii_punct(source[j + 1]) && source[j + 1] == want) {
      consumed = 2;
      plain = false;
    } else if (size_t len = source[j] == '&' ? entity_length(source.substr(j)) : 0;
               len > 0 && literal.substr(i, len) != source.substr(j, len)) {
      consumed = len;  // a decoded entity: one character of the literal
      produced = char_length(literal.substr(i));
      plain = false;
    } else if (source[j] != want) {
      return false;
    }
    if (want == '[') {
      bracket_offsets.push_back(static_cast<uint32_t>(j));
      bracket_plain.push_back(plain);
    }
    i += produced;
    j += consumed;
  }
  return true;
}

SourceMap::SourceMap(std::string_view body) : body_(body) {
  starts_.push_back(0);
  if (body.find('\r') == std::string_view::npos) {  // the usual case: scan turns CRLF into LF
    for (size_t i = body.find('\n'); i != std::string_view::npos; i = body.find('\n', i + 1)) {
      starts_.push_back(static_cast<uint32_t>(i + 1));
    }
    return;
  }
  for (size_t i = 0; i < body.size(); ++i) {
    bool cr_alone = body[i] == '\r' && (i + 1 == body.size() || body[i + 1] != '\n');
    if (body[i] == '\n' || cr_alone) starts_.push_back(static_cast<uint32_t>(i + 1));
  }
}

std::string_view SourceMap::line(uint32_t line) const {
  if (line == 0 || line > starts_.size()) return {};
  size_t begin = starts_[line - 1];
  size_t end = line < starts_.size() ? starts_[line] : body_.size();
  while (end > begin && (body_[end - 1] == '\n' || body_[end - 1] == '\r')) --end;
  return body_.substr(begin, end - begin);
}

char SourceMap::at(uint32_t line_no, uint32_t col) const {
  std::string_view text = line(line_no);
  return col >= 1 && col <= text.size() ? text[col - 1] : '\0';
}

uint32_t SourceMap::continuation_col(uint32_t line_no, uint32_t hint_col, uint32_t block_col) const {
  if (block_col == 0 || hint_col < block_col) return hint_col;
  return hint_col - (block_col - 1) + content_start(line(line_no));
}

std::optional<LocatedText> SourceMap::locate_on_line(std::string_view literal, uint32_t line_no, uint32_t hint_col,
                                                     char after) const {
  std::string_view text = line(line_no);
  std::vector<uint32_t> offsets;
  std::vector<bool> plain;
  auto try_at = [&](uint32_t start) -> std::optional<LocatedText> {
    if (start >= text.size() || (after != 0 && (start == 0 || text[start - 1] != after))) return std::nullopt;
    if (!match_literal(literal, text.substr(start), offsets, plain)) return std::nullopt;
    LocatedText found{line_no, start + 1, {}};
    for (size_t k = 0; k < offsets.size(); ++k) found.brackets.push_back({line_no, start + offsets[k] + 1, plain[k]});
    return found;
  };
  if (hint_col >= 1) {
    if (auto found = try_at(hint_col - 1)) return found;
  }
  if (auto found = try_at(content_start(text))) return found;
  for (uint32_t start = 0; start < text.size(); ++start) {
    if (auto found = try_at(start)) return found;
  }
  return std::nullopt;
}

std::optional<LocatedText> SourceMap::locate(std::string_view literal, uint32_t hint_line, uint32_t hint_col,
                                             uint32_t last_line, char after) const {
  if (literal.empty() || hint_line == 0) return std::nullopt;
  for (uint32_t line_no = hint_line; line_no <= last_line && line_no <= line_count(); ++line_no) {
    if (auto found = locate_on_line(literal, line_no, line_no == hint_line ? hint_col : 0, after)) return found;
  }
  return std::nullopt;
}

TextBrackets::TextBrackets(const SourceMap& source, std::string_view literal, uint32_t hint_line, uint32_t hint_col,
                           uint32_t last_line)
    : located_(source.locate(literal, hint_line, hint_col, last_line)), hint_line_(hint_line), hint_col_(hint_col) {
  for (size_t i = literal.find('['); i != std::string_view::npos; i = literal.find('[', i + 1)) offsets_.push_back(i);
  if (located_ && located_->brackets.size() != offsets_.size()) located_.reset();
}

std::vector<size_t> TextBrackets::escaped() const {
  std::vector<size_t> out;
  for (size_t k = 0; located_ && k < offsets_.size(); ++k) {
    if (!located_->brackets[k].plain) out.push_back(offsets_[k]);
  }
  return out;
}

LineCol TextBrackets::position(size_t offset) const {
  if (!located_) return {hint_line_, hint_col_ == 0 ? 0 : hint_col_ + static_cast<uint32_t>(offset)};
  size_t k = std::lower_bound(offsets_.begin(), offsets_.end(), offset) - offsets_.begin();
  if (k == offsets_.size()) return {located_->line, located_->col};
  return {located_->brackets[k].line, located_->brackets[k].col};
}

}  // namespace bengal
