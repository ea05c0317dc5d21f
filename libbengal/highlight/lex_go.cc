// Go: keywords, predeclared types and functions, runes, raw and interpreted strings.
#include "highlight/lexers.h"

namespace bengal::highlight {
namespace {

constexpr std::string_view kTypes =
    "uint uint8 uint16 uint32 uint64 int int8 int16 int32 int64 float float32 float64 complex64 complex128 "
    "byte rune string bool error uintptr any comparable";

const WordTable& go_words() {
  static const WordTable table({
      {Tok::kKeywordNamespace, "import package"},
      {Tok::kKeywordDeclaration, "var func struct map chan type interface const"},
      {Tok::kKeyword, "break default select case defer go else goto switch fallthrough if range continue for return"},
      {Tok::kKeywordConstant, "true false iota nil"},
      {Tok::kKeywordType, kTypes},
  });
  return table;
}

// Names that are builtins when called: the types (conversions) and the builtin functions.
const WordTable& go_callables() {
  static const WordTable table({
      {Tok::kNameBuiltin, kTypes},
      {Tok::kNameBuiltin, "print println panic recover close complex real imag len cap append copy delete new make"},
  });
  return table;
}

// Operators of two or three bytes, longest first; the other operator bytes stand alone.
constexpr std::string_view kLongOperators[] = {
    "<<=", ">>=", "&^=", "...", "<<", ">>", "<=", ">=", "&^", "+=", "-=", "*=",
    "/=",  "%=",  "&=",  "|=",  "&&", "||", "<-", "++", "--", "==", "!=", ":="};
constexpr CharSet kOperators = "+-*/%&~|";
constexpr CharSet kPunctuation = "^<>=!()[]{}.,;:";

class GoLexer {
 public:
  explicit GoLexer(Scanner& s) : s_(s) {}

  void run() {
    while (!s_.done()) token();
  }

 private:
  void token() {
    char c = s_.peek();
    if (kSpaces.has(c) || c == '\\') return s_.emit_next(1, Tok::kText);
    if (s_.take_c_comment()) return;
    if (kIdentStart.has(c)) return word();
    if (kDigits.has(c) || (c == '.' && kDigits.has(s_.peek(1)))) return number();
    if (c == '\'') {  // a rune
      if (!s_.take_char_literal(Tok::kStringChar)) s_.emit_next(1, Tok::kError);
    } else if (c == '`') {
      s_.advance();
      s_.skip_past("`");
      s_.emit(Tok::kString);
    } else if (c == '"') {
      static constexpr StringSyntax syntax{.escape = Tok::kString};  // escapes are not marked in Go
      s_.scan_string("\"", syntax);
    } else {
      operator_or_punctuation();
    }
  }

  void word() {
    std::string_view word = s_.take_word();
    Tok cls = s_.peek() == '(' ? go_callables().find(word) : Tok::kText;
    s_.emit(cls != Tok::kText ? cls : go_words().find(word));
  }

  // Go's literal forms, as Pygments reads them: no digit separators or 0b/0o prefixes
  // (1_000 is 1 and a name), a leading 0 makes an octal, a trailing i an imaginary number.
  void number() {
    static constexpr NumberSyntax kSyntax{.separators = "", .octal_prefix = false, .binary_prefix = false};
    Tok cls = s_.take_number(kSyntax);
    std::string_view digits = s_.pending();
    if (cls == Tok::kNumberInteger && digits.size() > 1 && digits[0] == '0') {
      size_t octal = 1;
      while (octal < digits.size() && digits[octal] >= '0' && digits[octal] <= '7') ++octal;
      s_.seek(s_.pending_start() + octal);
      cls = octal > 1 ? Tok::kNumberOct : Tok::kNumberInteger;
    }
    if (s_.take('i')) cls = Tok::kNumber;
    s_.emit(cls);
  }

  void operator_or_punctuation() {
    char c = s_.peek();
    if ((kOperators | kPunctuation).has(s_.peek(1))) {  // only then can a longer operator start here
      for (std::string_view op : kLongOperators) {
        if (s_.at(op)) return s_.emit_next(op.size(), Tok::kOperator);
      }
    }
    s_.emit_next(1, kOperators.has(c) ? Tok::kOperator : kPunctuation.has(c) ? Tok::kPunctuation : Tok::kText);
  }

  Scanner& s_;
};

}  // namespace

void lex_go(Scanner& s) { GoLexer(s).run(); }

}  // namespace bengal::highlight
