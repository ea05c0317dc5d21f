// YAML, read line by line as Pygments reads it: keys are tags (nt), plain values in block
// context are literals (l) and in flow context ([...], {...}) variables (nv), block scalars
// (| and >) are constants (no), anchors labels, aliases variables, tags types.
#include "highlight/lexers.h"

namespace bengal::highlight {
namespace {

constexpr CharSet kFlowIndicators = ",[]{}";

class YamlLexer {
 public:
  explicit YamlLexer(Scanner& s) : s_(s) {}

  void run() {
    while (!s_.done()) {
      size_t before = s_.pos();
      line();
      if (s_.pos() == before) s_.emit_next(1, Tok::kError);  // never stall on odd input
    }
  }

 private:
  // What the previous lines leave open: a block scalar or a plain scalar that may continue.
  enum class Open { kNothing, kBlockScalar, kPlainScalar };

  void line() {
    size_t line_start = s_.pos();
    s_.skip_blanks();
    size_t indent = s_.pos() - line_start;
    bool blank = s_.done() || s_.peek() == '\n';
    if (open_ == Open::kBlockScalar && (blank || indent > open_indent_)) {
      s_.skip_line();
      s_.emit(Tok::kNameConstant);
      return end_line();
    }
    if (open_ == Open::kPlainScalar && !blank && indent > open_indent_ && s_.peek() != '#') {
      skip_plain(false);
      s_.emit(Tok::kLiteral);
      return end_line();
    }
    if (!blank) open_ = Open::kNothing;
    if (indent == 0 && (s_.at("---") || s_.at("...")) && (kSpaces.has(s_.peek(3)) || s_.peek(3) == '\0')) {
      s_.emit_next(3, Tok::kNameNamespace);
    } else if (indent == 0 && s_.peek() == '%') {
      directive();
    }
    block_node(indent);
    end_line();
  }

  // %YAML 1.2, %TAG ! tag:example.org,2024: -- a version is a number, a tag's handle and
  // prefix are types.
  void directive() {
    s_.skip_until(kSpaces);
    s_.emit(Tok::kNameTag);
    for (;;) {
      s_.skip_blanks();
      if (s_.done() || s_.peek() == '\n' || s_.peek() == '#') return;
      bool number =
          s_.skip_until(kSpaces) > 0 && s_.pending().find_first_not_of("0123456789.") == std::string_view::npos;
      s_.emit(number ? Tok::kNumber : Tok::kKeywordType);
    }
  }

  void end_line() {
    s_.skip_blanks();
    if (s_.at("#")) comment();
    s_.take('\n');
    s_.emit(Tok::kText);
  }

  void comment() {
    s_.skip_line();
    s_.emit(Tok::kCommentSingle);
  }

  // The rest of a line in block context: sequence dashes, a key, then a value. Lines more
  // indented than the node's column (its key's, or its dash's) continue its value.
  void block_node(size_t column) {
    for (;;) {
      s_.skip_blanks();
      char c = s_.peek();
      bool indicator = (c == '-' || c == '?' || c == ':') && (kSpaces.has(s_.peek(1)) || s_.peek(1) == '\0');
      if (!indicator) break;
      column = s_.pos() - line_begin();
      s_.emit_next(1, Tok::kPunctuation);
    }
    if (s_.done() || s_.peek() == '\n' || s_.peek() == '#') return;
    size_t node_column = s_.pos() - line_begin();
    if (key()) {
      column = node_column;
      s_.skip_blanks();
    }
    value(column);
  }

  size_t line_begin() const {
    std::string_view text = s_.text();
    size_t i = s_.pos();
    while (i > 0 && text[i - 1] != '\n') --i;
    return i;
  }

  // `key:` (plain or quoted) followed by a blank or the line's end.
  bool key() {
    std::string_view rest = s_.rest();
    std::string_view line = rest.substr(0, rest.find('\n'));
    char c = line[0];
    size_t colon = 0;
    if (c == '"' || c == '\'') {
      size_t close = closing_quote(line, c);
      if (close == std::string_view::npos) return false;
      colon = close + 1;
      while (colon < line.size() && kBlanks.has(line[colon])) ++colon;
      if (colon >= line.size() || line[colon] != ':') return false;
    } else {
      if (CharSet("[{&*|>#").has(c)) return false;
      colon = key_colon(line);
      if (colon == std::string_view::npos) return false;
    }
    if (colon + 1 < line.size() && !kBlanks.has(line[colon + 1])) return false;
    if (c == '"' || c == '\'') {
      quoted();
    } else {
      size_t end = colon;
      while (end > 0 && kBlanks.has(line[end - 1])) --end;
      s_.emit_next(end, Tok::kNameTag);
    }
    s_.skip_blanks();
    s_.emit_next(1, Tok::kPunctuation);
    return true;
  }

  // The ':' that ends a plain key: followed by a blank or the end, before any " #".
  static size_t key_colon(std::string_view line) {
    for (size_t i = 0; i < line.size(); ++i) {
      if (line[i] == '#' && i > 0 && kBlanks.has(line[i - 1])) return std::string_view::npos;
      if (line[i] == ':' && (i + 1 == line.size() || kBlanks.has(line[i + 1]))) return i;
    }
    return std::string_view::npos;
  }

  static size_t closing_quote(std::string_view line, char quote) {
    for (size_t i = 1; i < line.size(); ++i) {
      if (quote == '"' && line[i] == '\\') ++i;
      else if (quote == '\'' && line[i] == '\'' && i + 1 < line.size() && line[i + 1] == '\'') ++i;
      else if (line[i] == quote) return i;
    }
    return std::string_view::npos;
  }

  // A value after "key:" or "- ": properties (&anchor, *alias, !tag), then a scalar, a
  // block scalar header or a flow collection.
  void value(size_t column) {
    while (properties()) {
    }
    char c = s_.peek();
    if (s_.done() || c == '\n' || c == '#') return;
    if (c == '|' || c == '>') return block_scalar_header(column);
    if (c == '"' || c == '\'') return quoted();
    if (c == '[' || c == '{') return flow();
    skip_plain(false);
    s_.emit(Tok::kLiteral);
    open_ = Open::kPlainScalar;
    open_indent_ = column;
  }

  bool properties() {
    s_.skip_blanks();
    char c = s_.peek();
    Tok cls = c == '&' ? Tok::kNameLabel : c == '*' ? Tok::kNameVariable : c == '!' ? Tok::kKeywordType : Tok::kText;
    if (cls == Tok::kText) return false;
    s_.advance();
    s_.skip_until(kSpaces | kFlowIndicators);
    s_.emit(cls);
    return true;
  }

  // | or > with its indicators (|-, >+2); the following, more indented lines are its text.
  void block_scalar_header(size_t column) {
    s_.advance();
    s_.emit(Tok::kPunctuation);
    while (s_.at_any(CharSet("+-") | kDigits)) s_.emit_next(1, Tok::kPunctuation);
    open_ = Open::kBlockScalar;
    open_indent_ = column;
  }

  // Moves over a plain scalar: to the line's end or a " #" comment (in flow context, also
  // to a flow indicator or ": "), leaving trailing blanks out.
  void skip_plain(bool in_flow) {
    while (!s_.done() && s_.peek() != '\n') {
      char c = s_.peek();
      if (c == '#' && kBlanks.has(s_.before())) break;
      bool ends_key = c == ':' && (kSpaces.has(s_.peek(1)) || kFlowIndicators.has(s_.peek(1)));
      if (in_flow && (kFlowIndicators.has(c) || ends_key)) break;
      s_.advance();
    }
    while (s_.pos() > s_.pending_start() && kBlanks.has(s_.before())) s_.seek(s_.pos() - 1);
  }

  // "double" (backslash escapes stay string) or 'single' ('' is an escape); may span lines.
  void quoted() {
    char quote = s_.peek();
    s_.advance();
    while (!s_.done()) {
      char c = s_.peek();
      if (quote == '"' && c == '\\') {
        s_.advance(2);
      } else if (quote == '\'' && c == '\'' && s_.peek(1) == '\'') {
        s_.emit(Tok::kString);
        s_.emit_next(2, Tok::kStringEscape);
      } else if (c == quote) {
        s_.advance();
        break;
      } else {
        s_.advance();
      }
    }
    s_.emit(Tok::kString);
  }

  // [a, b] and {k: v}, nested, over any number of lines.
  void flow() {
    int depth = 0;
    while (!s_.done()) {
      char c = s_.peek();
      if (kSpaces.has(c)) {
        s_.skip_spaces();
      } else if (c == '#' && kSpaces.has(s_.before())) {
        comment();
      } else if (c == '[' || c == '{') {
        ++depth;
        s_.emit_next(1, Tok::kPunctuation);
      } else if (c == ']' || c == '}') {
        s_.emit_next(1, Tok::kPunctuation);
        if (--depth == 0) return;
      } else if (c == ',' || c == ':') {
        s_.emit_next(1, Tok::kPunctuation);
      } else if (c == '"' || c == '\'') {
        quoted();
      } else if (!properties()) {
        flow_scalar();
      }
    }
  }

  // A plain scalar in a flow collection: a key when a ':' follows.
  void flow_scalar() {
    skip_plain(true);
    if (s_.pending().empty()) return s_.emit_next(1, Tok::kError);
    size_t end = s_.pos();
    s_.skip(kBlanks);
    bool is_key = s_.peek() == ':';
    s_.seek(end);
    s_.emit(is_key ? Tok::kNameTag : Tok::kNameVariable);
  }

  Scanner& s_;
  Open open_ = Open::kNothing;
  size_t open_indent_ = 0;  // lines indented more than this continue what is open
};

}  // namespace

void lex_yaml(Scanner& s) { YamlLexer(s).run(); }

}  // namespace bengal::highlight
