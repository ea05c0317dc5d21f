// Markdown: headings, list markers, quotes, fenced code (highlighted in its own language
// when Bengal has a lexer for it), and inline code, emphasis, links and references.
//
// As in Pygments, inline markup is found only where a token starts: a word runs to the next
// white space, and an emphasis or code span may begin one character into it ("(**b**)").
#include "highlight/highlight.h"
#include "highlight/lexers.h"

namespace bengal::highlight {
namespace {

// An inline span between two markers ("**", "`", "~~", ...) on one line; its first
// character may not be white space nor the marker's character.
struct InlineSpan {
  std::string_view marker;
  Tok cls;
};
constexpr InlineSpan kSpans[] = {
    {"`", Tok::kStringBacktick}, {"**", Tok::kGenericStrong}, {"__", Tok::kGenericStrong},
    {"*", Tok::kGenericEmph},    {"_", Tok::kGenericEmph},    {"~~", Tok::kGenericDeleted},
};

constexpr CharSet kSpanMarkers = "`*_~";

class MarkdownLexer {
 public:
  explicit MarkdownLexer(Scanner& s) : s_(s) {}

  void run() {
    while (!s_.done()) {
      if (!(s_.at_line_start() && block())) inline_token();
    }
  }

 private:
  std::string_view line() const {
    std::string_view rest = s_.rest();
    return rest.substr(0, rest.find('\n'));
  }
  bool line_ends_with_newline() const { return s_.rest().size() > line().size(); }

  // The constructs that start a line. False when the line starts none.
  bool block() {
    std::string_view line = this->line();
    if (!line_ends_with_newline()) return false;
    size_t hashes = line.find_first_not_of('#');
    if (hashes >= 1 && hashes <= 6 && hashes + 1 < line.size()) {
      s_.emit_next(line.size(), hashes == 1 ? Tok::kGenericHeading : Tok::kGenericSubheading);
      return true;
    }
    if (setext_heading(line)) return true;
    size_t indent = line.find_first_not_of(" \t\r\f\v");
    if (indent == std::string_view::npos) return false;
    std::string_view rest = line.substr(indent);
    if (rest.substr(0, 3) == "```") return fenced_code(indent);
    if (rest.size() >= 3 && rest[0] == '>' && kSpaces.has(rest[1])) {
      s_.advance(indent + 2);
      s_.emit(Tok::kKeyword);
      s_.skip_line();
      s_.emit(Tok::kGenericEmph);
      return true;
    }
    return list_item(indent, rest);
  }

  // A line underlined with === or ---.
  bool setext_heading(std::string_view line) {
    if (line.empty()) return false;
    std::string_view after = s_.rest().substr(line.size() + 1);
    size_t underline_end = after.find('\n');
    if (underline_end == std::string_view::npos || underline_end == 0) return false;  // needs its '\n'
    std::string_view underline = after.substr(0, underline_end);
    char c = underline[0];
    if ((c != '=' && c != '-') || underline.find_first_not_of(c) != std::string_view::npos) return false;
    Tok cls = c == '=' ? Tok::kGenericHeading : Tok::kGenericSubheading;
    s_.emit_next(line.size(), cls);
    s_.emit_next(1, Tok::kText);
    s_.emit_next(underline.size(), cls);
    return true;
  }

  // "- item", "* item", "- [x] task", "1. item": the marker, then the item's inline text.
  bool list_item(size_t indent, std::string_view rest) {
    size_t marker = 0;
    if ((rest[0] == '-' || rest[0] == '*') && rest.size() >= 3 && kBlanks.has(rest[1])) {
      marker = 1;
      bool task = rest.size() > 6 && rest[1] == ' ' && rest[2] == '[' && CharSet(" xX").has(rest[3]) &&
                  rest[4] == ']' && rest[5] == ' ';
      if (task) marker = 5;
    } else {
      size_t digits = rest.find_first_not_of("0123456789");
      if (digits == 0 || digits == std::string_view::npos || rest[digits] != '.' || rest.size() < digits + 3 ||
          rest[digits + 1] != ' ') {
        return false;
      }
      marker = digits + 1;
    }
    s_.advance(indent);
    s_.emit(Tok::kText);
    s_.emit_next(marker, Tok::kKeyword);
    size_t end = s_.pos() + rest.size() - marker + 1;
    Scanner::Limit limit(s_, end);
    while (!s_.done()) inline_token();
    return true;
  }

  // ``` or ```lang, through the closing ``` line. Code in a language Bengal knows is
  // highlighted; in another language it is one string.
  bool fenced_code(size_t indent) {
    std::string_view rest = s_.rest();
    size_t info_start = indent + 3;
    size_t info_end = rest.find('\n');
    std::string_view info = rest.substr(info_start, info_end - info_start);
    for (char c : info) {
      if (!(kLetters | kDigits | "_").has(c)) return false;  // only ``` and ```word open a block
    }
    size_t close = closing_fence(rest, info_end + 1);
    if (close == std::string_view::npos) return false;
    size_t code_end = s_.pos() + close;
    if (info.empty()) {
      s_.seek(code_end);
      s_.skip_line();
      s_.emit(Tok::kStringBacktick);
      return true;
    }
    s_.advance(info_end);
    s_.emit(Tok::kStringBacktick);
    s_.emit_next(1, Tok::kText);
    const Language* language = find_language(info);
    if (language == nullptr) {
      s_.seek(code_end);
      s_.emit(Tok::kString);
    } else if (language->lex != nullptr) {
      s_.embed(language->lex, code_end);
    } else {
      s_.seek(code_end);
      s_.emit(Tok::kText);
    }
    s_.skip_line();
    s_.emit(Tok::kStringBacktick);
    return true;
  }

  // Where the line that closes a fence (blanks, ```, the line's end) starts, from `from`.
  static size_t closing_fence(std::string_view text, size_t from) {
    for (size_t at = from; at < text.size();) {
      size_t end = text.find('\n', at);
      if (end == std::string_view::npos) return std::string_view::npos;  // needs its '\n'
      std::string_view line = text.substr(at, end - at);
      size_t indent = line.find_first_not_of(" \t\r\f\v");
      if (indent != std::string_view::npos && line.substr(indent) == "```") return at;
      at = end + 1;
    }
    return std::string_view::npos;
  }

  void inline_token() {
    char c = s_.peek();
    if (c == '\\' && s_.peek(1) != '\n' && s_.peek(1) != '\0') return s_.emit_next(2, Tok::kText);
    if (span()) return;
    if ((c == '@' || c == '#') && (kIdentChars | "/:").has(s_.peek(1))) {
      s_.advance();
      s_.skip(kIdentChars | "/:");
      return s_.emit(Tok::kNameEntity);
    }
    if (link()) return;
    if (!kSpaces.has(c) && c != '\\') {
      s_.skip_until(kSpaces | "\\");
      return s_.emit(Tok::kText);
    }
    s_.emit_next(1, Tok::kText);
  }

  // An inline span here, or one character on ("(**bold**)").
  bool span() {
    char c = s_.peek(), next = s_.peek(1);
    if (!kSpanMarkers.has(c) && !kSpanMarkers.has(next)) return false;  // the common case, quickly
    for (const InlineSpan& span : kSpans) {
      char first = span.marker[0];
      if (c != first && next == first && span_length(span.marker, 1) > 0) {
        s_.emit_next(1, Tok::kText);
        s_.emit_next(span_length(span.marker, 0), span.cls);
        return true;
      }
      if (size_t n = c == first ? span_length(span.marker, 0) : 0; n > 0) {
        s_.emit_next(n, span.cls);
        return true;
      }
    }
    return false;
  }

  // The length of `marker` text `marker` starting `at` bytes on, or 0.
  size_t span_length(std::string_view marker, size_t at) const {
    std::string_view rest = s_.rest().substr(std::min(at, s_.rest().size()));
    if (rest.substr(0, marker.size()) != marker || rest.size() <= marker.size()) return 0;
    char c = marker[0];
    char first = rest[marker.size()];
    bool code = c == '`';
    if (first == '\n' || first == c || (!code && first == ' ')) return 0;
    size_t end = marker.size() + 1;
    while (end < rest.size() && rest[end] != c && rest[end] != '\n') ++end;
    if (rest.substr(end, marker.size()) != marker) return 0;
    return end + marker.size();
  }

  // [text](url), ![alt](src), [text][ref], and at a line's start "[ref]: url".
  bool link() {
    std::string_view rest = s_.rest();
    size_t open = rest[0] == '!' ? 1 : 0;
    if (open < rest.size() && rest[open] == '[') {
      size_t close = rest.find(']', open + 1);
      char kind = close == std::string_view::npos || close + 1 >= rest.size() ? '\0' : rest[close + 1];
      bool shaped = close != open + 1 && (kind == '(' || (kind == '[' && open == 0));
      if (shaped && inline_link(open, close, kind)) return true;
    }
    if (!s_.at_line_start()) return false;
    size_t indent = rest.find_first_not_of(" \t\r\f\v");
    return indent != std::string_view::npos && rest[indent] == '[' && reference_definition(indent);
  }

  // [text](url) or [text][ref]; `close` is the text's ']' and `kind` the byte after it.
  bool inline_link(size_t open, size_t close, char kind) {
    std::string_view rest = s_.rest();
    size_t end = rest.find(kind == '(' ? ')' : ']', close + 2);
    if (end == std::string_view::npos || (kind == '(' && end == close + 2)) return false;
    s_.emit_next(open + 1, Tok::kText);
    s_.emit_next(close - open - 1, Tok::kNameTag);
    s_.emit_next(2, Tok::kText);
    s_.emit_next(end - close - 2, kind == '(' ? Tok::kNameAttribute : Tok::kNameLabel);
    s_.emit_next(1, Tok::kText);
    return true;
  }

  bool reference_definition(size_t indent) {
    std::string_view rest = s_.rest();
    size_t close = rest.find("]:", indent);
    size_t nl = rest.find('\n');
    if (close == std::string_view::npos || close > nl ||
        rest.substr(indent + 1, close - indent - 1).find(']') != std::string_view::npos) {
      return false;
    }
    size_t url = rest.find_first_not_of(" \t\r\f\v", close + 2);
    if (url == std::string_view::npos || url >= nl) return false;
    s_.emit_next(indent + 1, Tok::kText);
    s_.emit_next(close - indent - 1, Tok::kNameLabel);
    s_.emit_next(url - close, Tok::kText);
    s_.skip_line();
    s_.emit(Tok::kNameAttribute);
    return true;
  }

  Scanner& s_;
};

}  // namespace

void lex_markdown(Scanner& s) { MarkdownLexer(s).run(); }

}  // namespace bengal::highlight
