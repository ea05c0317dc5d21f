// JavaScript and TypeScript: keywords, builtins, numbers (BigInt too), strings, template
// literals with ${} code, and regular expression literals.
//
// A '/' starts a regular expression only where an operand is expected: after an operator,
// an opening bracket, ',' or ';', a keyword, or at the start of an indented line. Elsewhere
// it divides.
#include "highlight/lexers.h"

namespace bengal::highlight {
namespace {

const WordTable& javascript_words() {
  static const WordTable table({
      {Tok::kOperatorWord, "typeof instanceof in void delete new"},
      {Tok::kKeyword,
       "for while do break return continue switch case default if else throw try catch finally yield await "
       "async this of static export import debugger extends super"},
      {Tok::kKeywordDeclaration, "var let const with function class"},
      {Tok::kKeywordReserved,
       "constructor from as abstract boolean byte char double enum final float goto implements int interface "
       "long native package private protected public short synchronized throws transient volatile"},
      {Tok::kKeywordConstant, "true false null NaN Infinity undefined"},
      {Tok::kNameBuiltin,
       "Array Boolean Date BigInt Function Math ArrayBuffer Number Object RegExp String Promise Proxy "
       "decodeURI decodeURIComponent encodeURI encodeURIComponent eval isFinite isNaN parseFloat parseInt "
       "DataView document window globalThis global Symbol Intl WeakSet WeakMap Set Map Reflect JSON Atomics "
       "Int8Array Int16Array Int32Array BigInt64Array Float32Array Float64Array Uint8ClampedArray Uint8Array "
       "Uint16Array Uint32Array BigUint64Array"},
      {Tok::kNameException, "Error EvalError InternalError RangeError ReferenceError SyntaxError TypeError URIError"},
  });
  return table;
}

// The words TypeScript adds or reads otherwise; looked up before JavaScript's, and their
// rules come before TypeScript's `name: Type`.
const WordTable& typescript_words() {
  static const WordTable table({
      {Tok::kKeyword, "abstract implements private protected public readonly"},
      {Tok::kKeywordDeclaration, "enum interface override"},
      {Tok::kKeywordReserved, "declare type"},
      {Tok::kKeywordType, "string boolean number"},
  });
  return table;
}

// After these word classes an operand is expected.
bool opens_operand(Tok cls) {
  return cls == Tok::kKeyword || cls == Tok::kKeywordDeclaration || cls == Tok::kOperatorWord;
}

constexpr CharSet kNameStart = kIdentStart | "$";
constexpr CharSet kNameChars = kIdentChars | "$";
// Operators as Pygments groups them: these (and their '=' forms) all take an operand next.
constexpr CharSet kOperatorChars = "-<>+*%&|^/=!~?:";

class JavaScriptLexer {
 public:
  JavaScriptLexer(Scanner& s, bool typescript) : s_(s), typescript_(typescript) {}

  void run() {
    if (s_.at("#!")) {
      s_.skip_line();
      s_.emit(Tok::kCommentHashbang);
    }
    code(false);
  }

 private:
  // Code to the end, or (inside a template literal's ${}) to the first '}'.
  void code(bool in_interpolation) {
    while (!s_.done()) {
      if (in_interpolation && s_.peek() == '}') return;
      token();
    }
  }

  void token() {
    char c = s_.peek();
    if (s_.at_line_start() && (kSpaces.has(c) || c == '/' || s_.at("<!--"))) operand_next_ = true;
    if (typescript_ && typescript_token()) return;
    if (kSpaces.has(c)) return s_.skip_spaces();
    if (s_.at("<!--")) return s_.emit_next(4, Tok::kComment);
    if (s_.take_c_comment()) return;
    bool operand_expected = operand_next_;
    operand_next_ = false;
    if (c == '/' && operand_expected) return regex();
    if (kDigits.has(c) || (c == '.' && kDigits.has(s_.peek(1)))) return number();
    if (s_.at("...") || s_.at("=>")) return s_.emit_next(s_.peek() == '.' ? 3 : 2, Tok::kPunctuation);
    if (kOperatorChars.has(c) || (c == '\\' && s_.peek(1) == '\n')) return operator_token();
    if (c == '{' || c == '(' || c == '[' || c == ';' || c == ',') {
      operand_next_ = true;
      return s_.emit_next(1, Tok::kPunctuation);
    }
    if (c == '}' || c == ')' || c == ']' || c == '.') return s_.emit_next(1, Tok::kPunctuation);
    if (kNameStart.has(c)) return word();
    if (c == '"' || c == '\'') return string(c);
    if (c == '`') return template_literal();
    s_.emit_next(1, Tok::kError);
  }

  void word() {
    std::string_view word = s_.take_word(kNameStart, kNameChars);
    Tok cls = typescript_ ? typescript_words().find(word) : Tok::kText;
    if (cls == Tok::kText) cls = javascript_words().find(word);
    operand_next_ = opens_operand(cls);
    s_.emit(cls);
  }

  // TypeScript's own forms: `module name`, `name: Type` and `@decorator`.
  bool typescript_token() {
    char c = s_.peek();
    if (c == '@' && kNameStart.has(s_.peek(1))) {
      s_.advance();
      s_.take_word(kNameStart, kNameChars);
      s_.emit(Tok::kKeywordDeclaration);
      operand_next_ = false;
      return true;
    }
    constexpr CharSet kPathChars = kIdentChars | "?.$";
    if (!kPathChars.has(c)) return false;
    if (c == 'm' && s_.at_word("module")) {
      s_.emit_next(6, Tok::kKeywordReserved);
      s_.skip_spaces();
      s_.skip(kPathChars);
      s_.skip_spaces();
      operand_next_ = true;
      return true;
    }
    // name: Type -- the word after the colon reads as a type, wherever the pattern occurs,
    // unless the name is one of TypeScript's own words, whose rules come first.
    size_t start = s_.pos();
    s_.skip(kPathChars);
    size_t name_end = s_.pos();
    s_.skip(kSpaces);
    bool pattern = s_.take(':') && (s_.skip(kSpaces), s_.at_any(kPathChars));
    s_.seek(start);
    if (!pattern || typescript_words().contains(s_.take_word(kNameStart, kNameChars))) {
      s_.seek(start);
      return false;
    }
    s_.seek(name_end);
    s_.emit(Tok::kText);
    s_.skip_spaces();
    s_.emit_next(1, Tok::kOperator);
    s_.skip_spaces();
    s_.skip(kPathChars);
    s_.emit(Tok::kKeywordType);
    operand_next_ = false;
    return true;
  }

  // /pattern/flags; a '/' that starts none marks the rest of the line as an error.
  void regex() {
    size_t start = s_.pos();
    s_.advance();
    bool in_class = false;
    for (char c = s_.peek(); !s_.done() && c != '\n'; c = s_.peek()) {
      if (c == '\\') {
        s_.advance(2);
        continue;
      }
      if (c == '/' && !in_class) break;
      if (c == '[') in_class = true;
      else if (c == ']') in_class = false;
      s_.advance();
    }
    bool closed = s_.pos() > start + 1 && s_.take('/');
    s_.skip("gimuysd");
    if (closed && !s_.at_any(kIdentChars)) return s_.emit(Tok::kStringRegex);
    s_.seek(start);
    s_.skip_line();
    s_.emit(Tok::kError);
  }

  // 0b101, 0o17, 017, 0xFF, 10n (BigInt); every other number is a float to JavaScript.
  void number() {
    static constexpr NumberSyntax kSyntax{.separators = ""};
    bool octal = s_.peek() == '0' && CharSet::range('0', '7').has(s_.peek(1));
    Tok cls = s_.take_number(kSyntax);
    if (octal) {
      s_.seek(s_.pending_start() + 1);
      s_.skip(CharSet::range('0', '7'));
      cls = Tok::kNumberOct;
    } else if (cls == Tok::kNumberInteger && !s_.at("n")) {
      cls = Tok::kNumberFloat;
    }
    s_.take('n');
    s_.emit(cls);
  }

  void operator_token() {
    if (s_.take('\\')) return s_.emit(Tok::kOperator);
    char c = s_.peek();
    s_.advance();
    if ((c == '+' || c == '-') && s_.peek() == c) {
      s_.advance();  // ++ --
    } else if (c == '?' && s_.peek() == '?') {
      s_.advance();
      s_.take('=');
    } else if (c == '>' && s_.peek() == '>') {
      s_.advance();
      s_.take('>');
      s_.take('=');
    } else if ((c == '*' || c == '&' || c == '|' || c == '<') && s_.peek() == c) {
      s_.advance();
      s_.take('=');
    } else if (c == '=' || c == '!') {
      s_.take('=');
      s_.take('=');
    } else if (c != '~' && c != '?' && c != ':') {
      s_.take('=');
    }
    s_.emit(Tok::kOperator);
    operand_next_ = true;
  }

  // A quoted string, newlines and all; escapes are not marked. An unclosed quote is an error.
  void string(char quote) {
    size_t start = s_.pos();
    s_.advance();
    while (!s_.done() && s_.peek() != quote) s_.advance(s_.peek() == '\\' ? 2 : 1);
    if (s_.take(quote)) return s_.emit(quote == '"' ? Tok::kStringDouble : Tok::kStringSingle);
    s_.seek(start);
    s_.emit_next(1, Tok::kError);
  }

  // `text ${code} text`
  void template_literal() {
    static constexpr StringSyntax syntax{
        .body = Tok::kStringBacktick, .escape = Tok::kStringBacktick, .multiline = true, .special = "$"};
    s_.advance();
    while (s_.string_body("`", syntax) == StringEnd::kSpecial) {
      if (s_.peek(1) != '{') {
        s_.advance();
        s_.emit(Tok::kStringBacktick);
        continue;
      }
      s_.emit_next(2, Tok::kStringInterpol);
      code(true);
      if (s_.take('}')) s_.emit(Tok::kStringInterpol);
    }
  }

  Scanner& s_;
  bool typescript_;
  bool operand_next_ = false;  // a '/' here would start a regular expression
};

}  // namespace

void lex_javascript(Scanner& s) { JavaScriptLexer(s, false).run(); }
void lex_typescript(Scanner& s) { JavaScriptLexer(s, true).run(); }

}  // namespace bengal::highlight
