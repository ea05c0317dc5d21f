// HTML and XML: tags, attributes, entities, comments, declarations, CDATA; in HTML the
// content of <script> and <style> is JavaScript and CSS.
//
// The two differ as Pygments' lexers do: HTML gives the brackets of a tag their own class
// (punctuation) and the '=' of an attribute (operator), XML counts both as part of the tag
// and of the attribute name.
#include "highlight/lexers.h"

namespace bengal::highlight {
namespace {

constexpr CharSet kTagNameChars = kIdentChars | ":.-";
constexpr CharSet kAttributeChars = kIdentChars | ":-";

bool equals_ignoring_case(std::string_view text, std::string_view lower) {
  if (text.size() != lower.size()) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((text[i] | 0x20) != lower[i]) return false;
  }
  return true;
}

class MarkupLexer {
 public:
  MarkupLexer(Scanner& s, bool html) : s_(s), html_(html) {}

  void run() {
    while (!s_.done()) {
      char c = s_.peek();
      if (c == '&') entity();
      else if (c == '<') markup();
      else text();
    }
  }

 private:
  void text() {
    s_.skip_until("<&");
    s_.emit(Tok::kText);
  }

  // &amp; &#233; -- an '&' that starts none is an error.
  void entity() {
    std::string_view rest = s_.rest();
    size_t end = 1;
    while (end < rest.size() && !kSpaces.has(rest[end]) && rest[end] != ';') ++end;
    if (end < rest.size() && rest[end] == ';') return s_.emit_next(end + 1, Tok::kNameEntity);
    s_.emit_next(1, Tok::kError);
  }

  void markup() {
    if (s_.at("<![CDATA[")) return delimited("]]>", Tok::kCommentPreproc);
    if (s_.at("<!--")) return delimited("-->", Tok::kCommentMultiline);
    if (s_.at("<?")) return delimited("?>", Tok::kCommentPreproc);
    if (s_.at("<!")) return delimited(">", Tok::kCommentPreproc);
    if (close_tag()) return;
    if (!open_tag()) s_.emit_next(1, Tok::kError);
  }

  // A construct from its opening to `close`; unclosed, it is an error.
  void delimited(std::string_view close, Tok cls) {
    size_t end = s_.rest().find(close, 2);
    if (end == std::string_view::npos) return s_.emit_next(1, Tok::kError);
    s_.emit_next(end + close.size(), cls);
  }

  // </name>, blanks allowed inside.
  bool close_tag() {
    size_t start = s_.pos();
    s_.advance();
    s_.skip(kSpaces);
    bool slash = s_.take('/');
    s_.skip(kSpaces);
    size_t name_start = s_.pos();
    size_t name_length = s_.skip(kTagNameChars);
    size_t name_end = s_.pos();
    s_.skip(kSpaces);
    if (!slash || name_length == 0 || !s_.take('>')) {
      s_.seek(start);
      return false;
    }
    if (!html_) {
      s_.emit(Tok::kNameTag);
      return true;
    }
    s_.seek(name_start);
    s_.emit(Tok::kPunctuation);  // "</", blanks included
    s_.seek(name_end);
    s_.emit(Tok::kNameTag);
    s_.skip_spaces();
    s_.emit_next(1, Tok::kPunctuation);
    return true;
  }

  // <name attr="value" ...>; in HTML, the content of script and style is code.
  bool open_tag() {
    size_t start = s_.pos();
    s_.advance();
    size_t blanks = s_.skip(kSpaces);
    std::string_view name = s_.take_word(kTagNameChars, kTagNameChars);
    if (name.empty()) {
      s_.seek(start);
      return false;
    }
    if (html_) {
      s_.seek(start + 1);
      s_.emit(Tok::kPunctuation);
      s_.advance(blanks);
      s_.emit(Tok::kText);
      s_.advance(name.size());
    }
    s_.emit(Tok::kNameTag);
    attributes();
    if (html_ && equals_ignoring_case(name, "script")) embedded("script", lex_javascript);
    else if (html_ && equals_ignoring_case(name, "style")) embedded("style", lex_css);
    return true;
  }

  // Up to and through the tag's '>' (or '/>').
  void attributes() {
    while (!s_.done()) {
      char c = s_.peek();
      if (kSpaces.has(c)) {
        s_.skip_spaces();
      } else if (c == '>' || (c == '/' && tag_end_follows())) {
        s_.skip("/");
        s_.emit(html_ ? Tok::kPunctuation : Tok::kNameTag);
        s_.skip(kSpaces);
        s_.emit(html_ ? Tok::kText : Tok::kNameTag);
        s_.emit_next(1, html_ ? Tok::kPunctuation : Tok::kNameTag);
        return;
      } else if (kAttributeChars.has(c) || (!html_ && c == '.')) {
        attribute();
      } else {
        s_.emit_next(1, Tok::kError);
      }
    }
  }

  bool tag_end_follows() const {
    size_t i = 1;
    while (kSpaces.has(s_.peek(i))) ++i;
    return s_.peek(i) == '>';
  }

  // name, or name = value.
  void attribute() {
    s_.skip(html_ ? kAttributeChars : kAttributeChars | ".");
    size_t name_end = s_.pos();
    s_.skip(kSpaces);
    if (s_.peek() != '=') {
      s_.seek(name_end);
      s_.emit(html_ ? Tok::kNameAttribute : Tok::kError);  // XML has no bare attributes
      return;
    }
    if (html_) {
      s_.emit(Tok::kNameAttribute);
      s_.emit_next(1, Tok::kOperator);
    } else {
      s_.advance();
      s_.emit(Tok::kNameAttribute);
    }
    s_.skip_spaces();
    attribute_value();
  }

  void attribute_value() {
    char c = s_.peek();
    if (c == '"' || c == '\'') {
      size_t close = s_.rest().find(c, 1);
      if (close != std::string_view::npos) return s_.emit_next(close + 1, Tok::kString);
    }
    s_.skip_until(kSpaces | ">");
    s_.emit(Tok::kString);
  }

  // The content of <script> or <style>, up to its closing tag (or the line's end when
  // there is none), in the other language.
  void embedded(std::string_view tag, void (*lex)(Scanner& s)) {
    size_t end = closing_tag(tag);
    if (end == std::string_view::npos) {
      size_t nl = s_.rest().find('\n');
      end = nl == std::string_view::npos ? s_.end() : s_.pos() + nl + 1;
    }
    s_.embed(lex, end);
  }

  // Where "</tag>" (any case, blanks allowed) starts, or npos.
  size_t closing_tag(std::string_view tag) const {
    std::string_view rest = s_.rest();
    for (size_t at = rest.find('<'); at != std::string_view::npos; at = rest.find('<', at + 1)) {
      size_t i = at + 1;
      while (i < rest.size() && kSpaces.has(rest[i])) ++i;
      if (i >= rest.size() || rest[i] != '/') continue;
      ++i;
      while (i < rest.size() && kSpaces.has(rest[i])) ++i;
      if (!equals_ignoring_case(rest.substr(i, tag.size()), tag)) continue;
      i += tag.size();
      while (i < rest.size() && kSpaces.has(rest[i])) ++i;
      if (i < rest.size() && rest[i] == '>') return s_.pos() + at;
    }
    return std::string_view::npos;
  }

  Scanner& s_;
  bool html_;
};

}  // namespace

void lex_html(Scanner& s) { MarkupLexer(s, true).run(); }
void lex_xml(Scanner& s) { MarkupLexer(s, false).run(); }

}  // namespace bengal::highlight
