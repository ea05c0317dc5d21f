// The wordwrap filter: Python's textwrap.wrap (no tab expansion, whitespace kept), applied
// to each line, as Jinja does it.
#include "template/filter_util.h"
#include "template/unicode.h"

namespace bengal::tmpl {

namespace {

using Text = std::u32string;

bool wrap_space(char32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'; }
bool letter(char32_t c) { return is_word(c) && !(c >= '0' && c <= '9'); }
bool word_punct(char32_t c) { return is_word(c) || c == '!' || c == '"' || c == '\'' || c == '&' || c == '.' || c == ',' || c == '?'; }

struct Splitter {
  const Text& s;
  bool on_hyphens;

  char32_t at(size_t i) const { return i < s.size() ? s[i] : 0; }

  // An em-dash run ("--" and more) at p, preceded by word punctuation, followed by \w.
  bool em_dash_at(size_t p) const {
    if (p == 0 || !word_punct(s[p - 1])) return false;
    size_t q = p;
    while (q < s.size() && s[q] == '-') ++q;
    return q - p >= 2 && q < s.size() && is_word(s[q]);
  }

  // A hyphen at p that may end a chunk: "foo-bar" splits as "foo-" "bar".
  bool break_hyphen_at(size_t p) const {
    if (at(p) != '-') return false;
    bool before = (p >= 2 && letter(s[p - 2]) && letter(s[p - 1])) ||
                  (p >= 3 && letter(s[p - 3]) && s[p - 2] == '-' && letter(s[p - 1]));
    size_t q = p + 1;
    if (!letter(at(q))) return false;
    ++q;
    if (at(q) == '-') ++q;
    return before && letter(at(q));
  }

  std::vector<Text> split() const {
    std::vector<Text> chunks;
    size_t i = 0;
    while (i < s.size()) {
      size_t j = i;
      if (wrap_space(s[i])) {
        while (j < s.size() && wrap_space(s[j])) ++j;
      } else if (!on_hyphens) {
        while (j < s.size() && !wrap_space(s[j])) ++j;
      } else if (em_dash_at(i)) {
        while (j < s.size() && s[j] == '-') ++j;
      } else {
        j = word_end(i);
      }
      chunks.push_back(s.substr(i, j - i));
      i = j;
    }
    return chunks;
  }

  size_t word_end(size_t i) const {
    for (size_t p = i + 1;; ++p) {
      if (p >= s.size() || wrap_space(s[p])) return p;
      if (on_hyphens && break_hyphen_at(p)) return p + 1;
      if (em_dash_at(p)) return p;
    }
  }
};

bool blank(const Text& chunk) {
  for (char32_t c : chunk) {
    if (!is_space(c)) return false;
  }
  return true;
}

size_t total(const std::vector<Text>& line) {
  size_t n = 0;
  for (const Text& t : line) n += t.size();
  return n;
}

std::vector<Text> wrap_line(const Text& text, size_t width, bool break_long_words, bool on_hyphens) {
  std::vector<Text> chunks = Splitter{text, on_hyphens}.split();
  std::reverse(chunks.begin(), chunks.end());
  std::vector<Text> lines;
  while (!chunks.empty()) {
    std::vector<Text> line;
    size_t length = 0;
    if (blank(chunks.back()) && !lines.empty()) chunks.pop_back();
    while (!chunks.empty() && length + chunks.back().size() <= width) {
      length += chunks.back().size();
      line.push_back(std::move(chunks.back()));
      chunks.pop_back();
    }
    if (!chunks.empty() && chunks.back().size() > width) {  // a word longer than a line
      size_t space_left = width - length;
      if (break_long_words) {
        Text& chunk = chunks.back();
        size_t end = space_left;
        if (on_hyphens && chunk.size() > space_left && space_left > 0) {
          size_t hyphen = chunk.rfind('-', space_left - 1);
          if (hyphen != Text::npos && hyphen > 0 && chunk.find_first_not_of(U'-') < hyphen) end = hyphen + 1;
        }
        line.push_back(chunk.substr(0, end));
        chunk = chunk.substr(end);
      } else if (line.empty()) {
        line.push_back(std::move(chunks.back()));
        chunks.pop_back();
      }
      length = total(line);
    }
    if (!line.empty() && blank(line.back())) line.pop_back();
    if (!line.empty()) {
      Text joined;
      for (const Text& t : line) joined += t;
      lines.push_back(std::move(joined));
    }
  }
  return lines;
}

}  // namespace

Value wordwrap_filter(FilterContext&, const Value& s, const Args& args) {
  args.check("wordwrap", {"width", "break_long_words", "wrapstring", "break_on_hyphens"});
  int64_t width = int_arg(args, 0, "width", 79);
  if (width <= 0) throw EvalError("invalid width " + std::to_string(width) + " (must be > 0)");
  bool break_long_words = bool_arg(args, 1, "break_long_words", true);
  Value wrapstring = arg_or(args, 2, "wrapstring", Value());
  std::string separator = wrapstring.is_none() ? "\n" : wrapstring.str();
  bool on_hyphens = bool_arg(args, 3, "break_on_hyphens", true);
  std::string out;
  std::string text = s.str();
  std::vector<std::string_view> lines = split_lines(text);
  for (size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) out += separator;
    std::vector<Text> wrapped = wrap_line(to_u32(lines[i]), static_cast<size_t>(width), break_long_words, on_hyphens);
    for (size_t k = 0; k < wrapped.size(); ++k) {
      if (k > 0) out += separator;
      out += to_utf8(wrapped[k]);
    }
  }
  return Value(std::move(out));
}

}  // namespace bengal::tmpl
