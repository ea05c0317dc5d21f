#include "parse/markup_scan.h"

#include <algorithm>
#include <charconv>

#include "parse/html_slots.h"
#include "support/text.h"

namespace bengal {
namespace {

constexpr std::string_view kOpen = "<!--\x1A";  // ends in kMarkerByte

bool is_blank(std::string_view s) { return s.find_first_not_of(" \t\r") == std::string_view::npos; }

// Where a fence may start: after indentation and block quote markers.
size_t prefix_end(std::string_view line) {
  size_t p = line.find_first_not_of(" \t>");
  return p == std::string_view::npos ? line.size() : p;
}

size_t run_of(std::string_view s, char c) {
  size_t n = 0;
  while (n < s.size() && s[n] == c) ++n;
  return n;
}

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
         c == '.' || c == ':';
}

bool is_name(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!is_name_char(c)) return false;
  }
  return true;
}

// ":name: value" or ":flag:" (after the line's prefix).
bool read_option(std::string_view rest, DirectiveOption& option) {
  if (rest.size() < 3 || rest[0] != ':') return false;
  size_t close = rest.find(':', 1);
  if (close == std::string_view::npos || close == 1) return false;
  std::string_view name = rest.substr(1, close - 1);
  if (!is_name(name) || name.find(':') != std::string_view::npos) return false;
  std::string_view after = rest.substr(close + 1);
  if (!after.empty() && after[0] != ' ' && after[0] != '\t' && after[0] != '\r') return false;
  option.name.assign(name);
  option.value.assign(trim(after));
  return true;
}

// A line that cannot be a definition list's term: it starts a block of its own.
bool may_be_term(std::string_view line) {
  size_t indent = line.find_first_not_of(' ');
  if (indent == std::string_view::npos || indent > 3) return false;
  std::string_view rest = line.substr(indent);
  char c = rest[0];
  if (std::string_view("#|<>=`~:").find(c) != std::string_view::npos) return false;
  if ((c == '-' || c == '*' || c == '+') && (rest.size() == 1 || rest[1] == ' ' || rest[1] == '\t')) return false;
  size_t digits = rest.find_first_not_of("0123456789");
  if (digits > 0 && digits != std::string_view::npos && (rest[digits] == '.' || rest[digits] == ')')) return false;
  return true;
}

bool is_definition(std::string_view line) {
  size_t indent = line.find_first_not_of(' ');
  if (indent == std::string_view::npos || indent > 3 || line[indent] != ':') return false;
  std::string_view rest = line.substr(indent + 1);
  return !rest.empty() && (rest[0] == ' ' || rest[0] == '\t') && !is_blank(rest);
}

struct OpenFence {
  char ch;
  size_t count;
  bool directive;
  size_t index;  // into MarkupScan::directives
};

class Scanner {
 public:
  Scanner(std::string_view text, size_t first_index) : text_(text), first_index_(first_index) {
    for (size_t begin = 0; begin < text.size();) {
      size_t end = text.find('\n', begin);
      end = end == std::string_view::npos ? text.size() : end + 1;
      lines_.push_back(text.substr(begin, end - begin));
      begin = end;
    }
  }

  MarkupScan run() {
    out_.text.reserve(text_.size() + 64);
    for (size_t i = 0; i < lines_.size(); ++i) i = line(i);
    out_.changed = !out_.directives.empty() || !out_.definition_lines.empty();
    if (!out_.changed) out_.text.assign(text_);
    return std::move(out_);
  }

 private:
  static std::string_view content(std::string_view line) {
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
    return line;
  }

  void keep(size_t i) { out_.text.append(lines_[i]); }

  void replace(size_t i, size_t prefix, std::string_view with) {
    out_.text.append(lines_[i].substr(0, prefix));
    out_.text.append(with);
    if (!lines_[i].empty() && lines_[i].back() == '\n') out_.text += '\n';
  }

  // Handles line i (and a directive's option lines); returns the last line it used.
  size_t line(size_t i) {
    std::string_view text = content(lines_[i]);
    size_t p = prefix_end(text);
    std::string_view rest = text.substr(p);
    char c = rest.empty() ? '\0' : rest[0];
    size_t count = (c == '`' || c == '~' || c == ':') ? run_of(rest, c) : 0;
    if (!open_.empty() && !open_.back().directive) {  // inside ordinary fenced code
      const OpenFence& top = open_.back();
      if (c == top.ch && count >= top.count && is_blank(rest.substr(count))) open_.pop_back();
      keep(i);
      return i;
    }
    // A backtick in a backtick fence's info string makes the line text (```{x}``` is code).
    if (count >= 3 && !(c == '`' && rest.find('`', count) != std::string_view::npos)) {
      std::string_view after = rest.substr(count);
      if (is_blank(after)) {
        if (!open_.empty() && open_.back().ch == c && count >= open_.back().count) {
          close_directive(i, p);
          return i;
        }
        if (c != ':') open_.push_back({c, count, false, 0});
      } else if (after[0] == '{' && after.find('}') != std::string_view::npos && is_name(after.substr(1, after.find('}') - 1))) {
        return open_directive(i, p, c, count);
      } else if (c != ':') {
        open_.push_back({c, count, false, 0});
      }
      keep(i);
      term_ok_ = false;
      return i;
    }
    definition_line(i, text);
    return i;
  }

  void definition_line(size_t i, std::string_view text) {
    if (is_blank(text)) {
      keep(i);
      return;
    }
    if (term_ok_ && is_definition(text)) {
      std::string line(lines_[i]);
      line[text.find(':')] = '-';
      out_.text += line;
      out_.definition_lines.push_back(static_cast<uint32_t>(i + 1));
      in_definition_ = true;
      return;
    }
    bool indented = text[0] == '\t' || text.find_first_not_of(' ') >= 4;
    if (!(in_definition_ && indented)) in_definition_ = false;
    term_ok_ = in_definition_ || may_be_term(text);
    keep(i);
  }

  size_t open_directive(size_t i, size_t p, char c, size_t count) {
    std::string_view text = content(lines_[i]);
    std::string_view after = text.substr(p + count);
    size_t close = after.find('}');
    DirectiveFence fence;
    fence.name.assign(after.substr(1, close - 1));
    fence.argument.assign(trim(after.substr(close + 1)));
    fence.line = static_cast<uint32_t>(i + 1);
    fence.col = static_cast<uint32_t>(p + 1);
    size_t index = out_.directives.size();
    std::string marker(kOpen);
    marker += std::to_string(first_index_ + index);
    marker += kMarkerByte;
    size_t last = i;
    for (size_t j = i + 1; j < lines_.size(); ++j) {
      std::string_view option_line = content(lines_[j]);
      size_t q = prefix_end(option_line);
      DirectiveOption option;
      if (!read_option(option_line.substr(q), option)) break;
      option.line = static_cast<uint32_t>(j + 1);
      option.col = static_cast<uint32_t>(q + 1);
      fence.options.push_back(std::move(option));
      last = j;
    }
    out_.directives.push_back(std::move(fence));
    open_.push_back({c, count, true, index});
    replace(i, p, last == i ? marker + "-->" : marker);
    for (size_t j = i + 1; j <= last; ++j) {
      size_t q = prefix_end(content(lines_[j]));
      replace(j, q, j == last ? "-->" : "");
    }
    term_ok_ = false;
    in_definition_ = false;
    return last;
  }

  void close_directive(size_t i, size_t p) {
    size_t index = open_.back().index;
    open_.pop_back();
    out_.directives[index].closed = true;
    std::string marker(kOpen);
    marker += '/';
    marker += std::to_string(first_index_ + index);
    marker += kMarkerByte;
    marker += "-->";
    replace(i, p, marker);
    term_ok_ = false;
    in_definition_ = false;
  }

  std::string_view text_;
  size_t first_index_;
  std::vector<std::string_view> lines_;
  std::vector<OpenFence> open_;
  MarkupScan out_;
  bool term_ok_ = false;        // the last non-blank line may be a term
  bool in_definition_ = false;  // inside a definition (its indented paragraphs too)
};

}  // namespace

bool may_need_markup_scan(std::string_view text) {
  if (text.find("`{") != std::string_view::npos || text.find("~{") != std::string_view::npos) return true;
  for (size_t at = text.find(':'); at != std::string_view::npos; at = text.find(':', at + 1)) {
    if (text.compare(at, 3, ":::") == 0) return true;
    size_t k = at;
    while (k > 0 && at - k < 3 && text[k - 1] == ' ') --k;
    bool line_start = k == 0 || text[k - 1] == '\n';
    if (line_start && at + 1 < text.size() && (text[at + 1] == ' ' || text[at + 1] == '\t')) return true;
  }
  return false;
}

MarkupScan scan_markup(std::string_view text, size_t first_index) { return Scanner(text, first_index).run(); }

bool read_marker(std::string_view literal, size_t& index, bool& closing) {
  literal.remove_prefix(std::min(literal.find_first_not_of(" \t"), literal.size()));  // an indented HTML block keeps its indentation
  if (!starts_with(literal, kOpen)) return false;
  size_t at = kOpen.size();
  closing = at < literal.size() && literal[at] == '/';
  if (closing) ++at;
  size_t end = literal.find(kMarkerByte, at);
  if (end == std::string_view::npos || end == at) return false;
  auto [ptr, ec] = std::from_chars(literal.data() + at, literal.data() + end, index);
  return ec == std::errc() && ptr == literal.data() + end;
}

}  // namespace bengal
