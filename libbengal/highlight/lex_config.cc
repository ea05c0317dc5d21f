// Data and configuration formats that read token by token: JSON, TOML and INI.
#include "highlight/lexers.h"

namespace bengal::highlight {
namespace {

// A string that may hold escaped quotes; it may run over lines. Returns false, not moving,
// when it is not closed.
bool skip_quoted(Scanner& s, char quote) {
  size_t start = s.pos();
  s.advance();
  while (!s.done() && s.peek() != quote) s.advance(s.peek() == '\\' ? 2 : 1);
  if (s.take(quote)) return true;
  s.seek(start);
  return false;
}

// An optionally signed decimal number; its class, or kText (not moving) when none is here.
Tok signed_number(Scanner& s, const NumberSyntax& syntax) {
  size_t start = s.pos();
  s.take_any("+-");
  Tok cls = s.take_number(syntax);
  if (cls == Tok::kText) s.seek(start);
  return cls;
}

constexpr NumberSyntax kDecimal{.separators = "",
                                .octal_prefix = false,
                                .binary_prefix = false,
                                .leading_dot = false,
                                .trailing_dot = false,
                                .hex_prefix = false};

// 2024-05-01T10:00:00Z or 2024-05-01 10:00:00+02:00.
bool is_zoned_date_time(std::string_view t) {
  auto digits = [&](size_t at, size_t n) {
    for (size_t i = at; i < at + n; ++i) {
      if (i >= t.size() || !kDigits.has(t[i])) return false;
    }
    return true;
  };
  if (t.size() < 20) return false;
  if (!(digits(0, 4) && t[4] == '-' && digits(5, 2) && t[7] == '-' && digits(8, 2))) return false;
  if (t[10] != 'T' && t[10] != ' ') return false;
  if (!(digits(11, 2) && t[13] == ':' && digits(14, 2) && t[16] == ':' && digits(17, 2))) return false;
  if (t[19] == 'Z') return true;
  return (t[19] == '+' || t[19] == '-') && digits(20, 2) && t.size() > 22 && t[22] == ':' && digits(23, 2);
}

void json_token(Scanner& s) {
  char c = s.peek();
  if (kSpaces.has(c)) return s.skip_spaces();
  if (s.take_c_comment()) return;
  if (c == '"' && skip_quoted(s, '"')) {
    size_t end = s.pos();
    s.skip(kSpaces);
    bool key = s.peek() == ':';  // an object key
    s.seek(end);
    return s.emit(key ? Tok::kNameTag : Tok::kStringDouble);
  }
  if (CharSet("{}[],:").has(c)) return s.emit_next(1, Tok::kPunctuation);
  if (Tok number = signed_number(s, kDecimal); number != Tok::kText) return s.emit(number);
  if (kLetters.has(c)) {
    s.skip(kLetters);
    return s.emit(Tok::kKeywordConstant);  // true, false, null
  }
  s.emit_next(1, Tok::kError);
}

// A full date-time with its zone is one number; anything else is read as numbers, names
// and punctuation (2024-05-01 is three numbers), and 1_000 and 0xFF are a number and a name.
void toml_number(Scanner& s) {
  std::string_view rest = s.rest();
  if (is_zoned_date_time(rest)) {
    s.advance(rest.find_first_of(" \t\n,]}#"));
    return s.emit(Tok::kNumberInteger);
  }
  size_t start = s.pos();
  s.take_any("+-");
  if (s.take("infinity") || s.take("inf") || s.take("nan")) return s.emit(Tok::kNumberFloat);
  s.seek(start);
  static constexpr NumberSyntax kSyntax{
      .separators = "", .octal_prefix = false, .binary_prefix = false, .hex_prefix = false};
  Tok cls = signed_number(s, kSyntax);
  if (cls == Tok::kText) return s.emit_next(1, s.peek() == '.' ? Tok::kPunctuation : Tok::kError);
  s.emit(cls == Tok::kNumberFloat ? cls : Tok::kNumberInteger);
}

bool only_blanks_before(const Scanner& s) {
  std::string_view text = s.text();
  size_t i = s.pos();
  while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\t')) --i;
  return i == 0 || text[i - 1] == '\n';
}

// TOML as Pygments reads it: a table header line is a keyword, keys are plain names, and
// true/false count only at a line's end.
void toml_token(Scanner& s) {
  char c = s.peek();
  if (c == '[' && only_blanks_before(s)) {
    std::string_view line = s.rest().substr(0, s.rest().find('\n'));
    if (line.back() == ']') return s.emit_next(line.size(), Tok::kKeyword);
  }
  if (kSpaces.has(c)) {
    s.skip_spaces();
  } else if (c == '#') {
    s.skip_line();
    s.emit(Tok::kCommentSingle);
  } else if (c == '"') {
    if (!skip_quoted(s, '"')) return s.emit_next(1, Tok::kError);
    s.emit(Tok::kString);
  } else if (c == '\'') {
    std::string_view line = s.rest().substr(0, s.rest().find('\n'));
    size_t last_triple = line.rfind("'''");
    if (s.at("'''") && last_triple != std::string_view::npos && last_triple >= 3) {
      s.advance(last_triple + 3);  // '''...''' on one line, to the line's last '''
    } else if (!skip_quoted(s, '\'')) {
      return s.emit_next(1, Tok::kError);
    }
    s.emit(Tok::kString);
  } else if (kLetters.has(c) || c == '_') {
    std::string_view word = s.take_word(kLetters | "_", kIdentChars | "-");
    bool constant = (word == "true" || word == "false") && (s.done() || s.peek() == '\n');
    bool special = word == "inf" || word == "infinity" || word == "nan";
    s.emit(constant ? Tok::kKeywordConstant : special ? Tok::kNumberFloat : Tok::kText);
  } else if (kDigits.has(c) || c == '+' || c == '-' || c == '.') {
    toml_number(s);
  } else if (CharSet("[]{}:(),;.").has(c)) {
    s.emit_next(1, Tok::kPunctuation);
  } else {
    s.emit_next(1, c == '=' ? Tok::kOperator : Tok::kError);
  }
}

// One INI line: a comment, a [section], key = value (a trailing '\' continues the value), or
// a bare key.
void ini_line(Scanner& s) {
  s.skip_spaces();
  if (s.done()) return;
  std::string_view line = s.rest().substr(0, s.rest().find('\n'));
  if (line[0] == ';' || line[0] == '#') {
    s.skip_line();
    return s.emit(Tok::kCommentSingle);
  }
  size_t trimmed = line.find_last_not_of(" \t") + 1;
  if (line[0] == '[' && line[trimmed - 1] == ']') return s.emit_next(trimmed, Tok::kKeyword);
  size_t op = line.find_first_of("=:");
  if (op == std::string_view::npos) return s.emit_next(line.size(), Tok::kNameAttribute);
  size_t key_length = op;
  while (key_length > 0 && kBlanks.has(line[key_length - 1])) --key_length;
  s.advance(key_length);
  s.emit(Tok::kNameAttribute);
  s.skip(kBlanks);
  s.emit_next(1, Tok::kOperator);
  s.skip_blanks();
  for (;;) {  // the value, up to a comment; each line of it while lines end in '\'
    std::string_view value = s.rest().substr(0, s.rest().find('\n'));
    size_t end = std::min(value.find_first_of(";#"), value.size());
    bool continued = end == value.size() && !value.empty() && value.back() == '\\';
    size_t text_end = continued ? end - 1 : end;
    while (text_end > 0 && (value[text_end - 1] == ' ' || value[text_end - 1] == '\t')) --text_end;
    s.emit_next(text_end, Tok::kString);
    if (!continued) break;
    s.skip_line();
    s.advance();
    s.emit(Tok::kText);
    s.skip_blanks();
  }
  s.skip_blanks();
  if (s.at_any(";#")) {
    s.skip_line();
    s.emit(Tok::kCommentSingle);
  }
}

}  // namespace

void lex_json(Scanner& s) {
  while (!s.done()) json_token(s);
}

void lex_toml(Scanner& s) {
  while (!s.done()) toml_token(s);
}

void lex_ini(Scanner& s) {
  while (!s.done()) ini_line(s);
}

}  // namespace bengal::highlight
