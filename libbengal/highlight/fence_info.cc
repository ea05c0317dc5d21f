#include "highlight/fence_info.h"

#include <algorithm>
#include <charconv>

#include "support/text.h"

namespace bengal::highlight {
namespace {

constexpr uint32_t kMaxLine = 1'000'000'000;

bool is_blank(char c) { return c == ' ' || c == '\t'; }

std::optional<uint32_t> parse_line_number(std::string_view text) {
  uint32_t n = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc() || end != text.data() + text.size() || n == 0 || n > kMaxLine) return std::nullopt;
  return n;
}

// "4" or "4-6".
std::optional<LineRange> parse_line_range(std::string_view item) {
  size_t dash = item.find('-');
  auto first = parse_line_number(item.substr(0, dash));
  if (!first) return std::nullopt;
  if (dash == std::string_view::npos) return LineRange{*first, *first};
  auto last = parse_line_number(item.substr(dash + 1));
  if (!last || *last < *first) return std::nullopt;
  return LineRange{*first, *last};
}

bool is_line_spec(std::string_view word) {
  return !word.empty() && word.find_first_not_of("0123456789-") == std::string_view::npos;
}

// Reads the info string left to right; `at` is the offset of what comes next.
class InfoParser {
 public:
  InfoParser(std::string_view info, CodeOptions& options) : info_(info), options_(options) {}

  std::optional<InfoError> parse() {
    skip_blanks();
    size_t start = at_;
    while (at_ < info_.size() && !is_blank(info_[at_]) && info_[at_] != '{') ++at_;
    options_.language.assign(info_.substr(start, at_ - start));
    while (!error_) {
      skip_separators();
      if (at_ >= info_.size()) break;
      if (info_[at_] == '{') group();
      else option(/*in_group=*/false);
    }
    if (error_) return error_;
    std::sort(options_.hl_lines.begin(), options_.hl_lines.end(),
              [](LineRange a, LineRange b) { return a.first < b.first; });
    return std::nullopt;
  }

 private:
  void skip_blanks() {
    while (at_ < info_.size() && is_blank(info_[at_])) ++at_;
  }
  void skip_separators() {
    while (at_ < info_.size() && (is_blank(info_[at_]) || info_[at_] == ',')) ++at_;
  }
  void fail(size_t offset, std::string message) {
    if (!error_) error_ = InfoError{offset, std::move(message)};
  }

  // A bare word: up to a blank, ',', '=', '{' or '}'.
  std::string_view word() {
    size_t start = at_;
    while (at_ < info_.size() && !is_blank(info_[at_]) &&
           std::string_view(",={}").find(info_[at_]) == std::string_view::npos) {
      ++at_;
    }
    return info_.substr(start, at_ - start);
  }

  void group() {
    size_t open = at_++;
    for (skip_separators(); !error_; skip_separators()) {
      if (at_ >= info_.size()) return fail(open, "unclosed '{' in the code block's options");
      if (info_[at_] == '}') {
        ++at_;
        return;
      }
      option(/*in_group=*/true);
    }
  }

  void option(bool in_group) {
    size_t key_at = at_;
    std::string_view key = word();
    if (in_group && is_line_spec(key)) return add_line_ranges(key, key_at);
    if (key.empty()) return fail(key_at, std::string("unexpected '") + info_[at_] + "' in the code block's options");
    if (at_ >= info_.size() || info_[at_] != '=') {
      if (key == "linenos") {
        options_.linenos = true;
        return;
      }
      return fail(key_at, "expected key=value in the code block's options, found '" + std::string(key) + "'");
    }
    ++at_;
    size_t value_at = at_;
    std::optional<std::string_view> value = this->value();
    if (!value) return;
    if (key == "hl_lines") add_line_ranges(*value, value_at);
    else if (key == "linenos") set_linenos(*value, value_at);
    else if (key == "linenostart") set_linenostart(*value, value_at);
    else if (key == "title") options_.title.assign(*value);
    else
      fail(key_at, "unknown code block option '" + std::string(key) + "'" +
                       did_you_mean(key, {"hl_lines", "linenos", "linenostart", "title"}));
  }

  // A quoted or bare value. Leaves value_at pointing at its first character.
  std::optional<std::string_view> value() {
    if (at_ < info_.size() && (info_[at_] == '"' || info_[at_] == '\'')) {
      char quote = info_[at_];
      size_t close = info_.find(quote, at_ + 1);
      if (close == std::string_view::npos) {
        fail(at_, std::string("unclosed ") + quote + " in the code block's options");
        return std::nullopt;
      }
      std::string_view quoted = info_.substr(at_ + 1, close - at_ - 1);
      at_ = close + 1;
      return quoted;
    }
    return word();
  }

  // "2,4-5" or "2 4-5"; `offset` is where `list` starts in the info string.
  void add_line_ranges(std::string_view list, size_t offset) {
    if (offset < info_.size() && (info_[offset] == '"' || info_[offset] == '\'')) ++offset;
    size_t i = 0;
    while (i < list.size()) {
      if (list[i] == ',' || is_blank(list[i])) {
        ++i;
        continue;
      }
      size_t end = std::min(list.find_first_of(", \t", i), list.size());
      std::string_view item = list.substr(i, end - i);
      std::optional<LineRange> range = parse_line_range(item);
      if (!range) {
        return fail(offset + i, "hl_lines: '" + std::string(item) + "' is not a line number or range (like 3 or 2-4)");
      }
      options_.hl_lines.push_back(*range);
      i = end;
    }
    if (list.empty()) fail(offset, "hl_lines: no line numbers given");
  }

  void set_linenos(std::string_view value, size_t offset) {
    if (value == "true" || value == "inline" || value == "table") options_.linenos = true;
    else if (value == "false") options_.linenos = false;
    else fail(offset, "linenos: expected true or false, found '" + std::string(value) + "'");
  }

  void set_linenostart(std::string_view value, size_t offset) {
    std::optional<uint32_t> n = parse_line_number(value);
    if (n) options_.linenostart = *n;
    else fail(offset, "linenostart: expected a whole number from 1, found '" + std::string(value) + "'");
  }

  std::string_view info_;
  CodeOptions& options_;
  size_t at_ = 0;
  std::optional<InfoError> error_;
};

}  // namespace

bool CodeOptions::highlights(uint32_t line) const {
  for (LineRange range : hl_lines) {
    if (range.first > line) break;
    if (line <= range.last) return true;
  }
  return false;
}

bool is_directive_info(std::string_view info) {
  size_t start = info.find_first_not_of(" \t");
  return start != std::string_view::npos && info[start] == '{';
}

std::optional<InfoError> parse_info_string(std::string_view info, CodeOptions& options) {
  return InfoParser(info, options).parse();
}

std::optional<std::string> line_options_problem(const CodeOptions& options, std::string_view code) {
  if (options.hl_lines.empty()) return std::nullopt;
  auto lines = static_cast<uint32_t>(std::count(code.begin(), code.end(), '\n'));
  if (!code.empty() && code.back() != '\n') ++lines;
  uint32_t last = 0;
  for (LineRange range : options.hl_lines) last = std::max(last, range.last);
  if (last <= lines) return std::nullopt;
  return "hl_lines: line " + std::to_string(last) + " is past the end of the " + std::to_string(lines) +
         "-line code block";
}

}  // namespace bengal::highlight
