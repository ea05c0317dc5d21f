// Rust: keywords, primitive types, prelude names, macros, lifetimes, attributes, nested
// and doc comments, raw strings, and number suffixes.
#include <string>

#include "highlight/lexers.h"

namespace bengal::highlight {
namespace {

const WordTable& rust_words() {
  static const WordTable table({
      {Tok::kKeyword,
       "as async await box const crate dyn else extern for if impl in loop match move mut pub ref return static "
       "super trait unsafe use where while mod fn struct enum type union break continue"},
      {Tok::kKeywordReserved, "abstract become do final macro override priv typeof try unsized virtual yield"},
      {Tok::kKeywordConstant, "true false"},
      {Tok::kKeywordDeclaration, "let"},
      {Tok::kNameBuiltinPseudo, "self Self"},
      {Tok::kKeywordType, "u8 u16 u32 u64 u128 i8 i16 i32 i64 i128 usize isize f32 f64 char str bool"},
      {Tok::kNameBuiltin,
       "Copy Send Sized Sync Unpin Drop Fn FnMut FnOnce drop Box ToOwned Clone PartialEq PartialOrd Eq Ord AsRef "
       "AsMut Into From Default Iterator Extend IntoIterator DoubleEndedIterator ExactSizeIterator Option Some "
       "None Result Ok Err String ToString Vec"},
  });
  return table;
}

// The standard macros, highlighted with their '!'.
const WordTable& rust_macros() {
  static const WordTable table({
      {Tok::kNameFunctionMagic,
       "asm assert assert_eq assert_ne cfg column compile_error concat concat_idents dbg debug_assert "
       "debug_assert_eq debug_assert_ne env eprint eprintln file format format_args format_args_nl global_asm "
       "include include_bytes include_str is_aarch64_feature_detected is_arm_feature_detected "
       "is_mips64_feature_detected is_mips_feature_detected is_powerpc64_feature_detected "
       "is_powerpc_feature_detected is_x86_feature_detected line llvm_asm log_syntax macro_rules matches "
       "module_path option_env panic print println stringify thread_local todo trace_macros unimplemented "
       "unreachable vec write writeln"},
  });
  return table;
}

constexpr CharSet kWordStart = kLetters | "_";
constexpr CharSet kWordChars = kLetters | kDigits | "_";
constexpr CharSet kOperators = "+-*/%&|<>^!~@=?";
constexpr CharSet kPunctuation = "{}()[],.;";

class RustLexer {
 public:
  explicit RustLexer(Scanner& s) : s_(s) {}

  void run() {
    if (s_.at("#!") && s_.peek(2) != '[') {
      s_.skip_line();
      s_.emit(Tok::kCommentPreproc);
    }
    while (!s_.done()) token();
  }

 private:
  void token() {
    char c = s_.peek();
    if (kSpaces.has(c)) {
      s_.skip_spaces();
    } else if (c == '/' && s_.peek(1) == '/') {
      line_comment();
    } else if (c == '/' && s_.peek(1) == '*') {
      block_comment();
    } else if (c == '$') {
      macro_parameter();
    } else if (kWordStart.has(c)) {
      word();
    } else if (c == ':' && s_.peek(1) == ':' && kWordChars.has(s_.peek(2))) {
      s_.emit_next(2, Tok::kText);  // a path
    } else if (c == ':' || (c == '-' && s_.peek(1) == '>')) {
      s_.emit_next(c == ':' ? 1 : 2, Tok::kText);
      type_name();  // x: Type, -> Type
    } else if (c == '\'') {
      quote();
    } else if (kDigits.has(c)) {
      number();
    } else if (c == '"') {
      string();
    } else if (c == '.' && s_.peek(1) == '.') {
      s_.emit_next(s_.peek(2) == '=' ? 3 : 2, Tok::kOperator);
    } else if (kPunctuation.has(c)) {
      s_.emit_next(1, Tok::kPunctuation);
    } else if (kOperators.has(c)) {
      s_.emit_next(1, Tok::kOperator);
    } else if (c == '#' && (s_.peek(1) == '[' || (s_.peek(1) == '!' && s_.peek(2) == '['))) {
      attribute();
    } else {
      s_.emit_next(1, Tok::kText);
    }
  }

  // //! and /// (not ////) are documentation.
  void line_comment() {
    bool doc = s_.at("//!") || (s_.at("///") && s_.peek(3) != '/');
    s_.skip_line();
    s_.emit(doc ? Tok::kStringDoc : Tok::kCommentSingle);
  }

  // /* */ nests; /** and /*! are documentation.
  void block_comment() {
    bool doc = (s_.at("/**") && s_.peek(3) != '/' && s_.peek(3) != '*') || s_.at("/*!");
    s_.advance(2);
    for (int depth = 1; depth > 0 && !s_.done();) {
      if (s_.take("/*")) ++depth;
      else if (s_.take("*/")) --depth;
      else s_.advance();
    }
    s_.emit(doc ? Tok::kStringDoc : Tok::kCommentMultiline);
  }

  // $name, $( and $) in macro_rules!.
  void macro_parameter() {
    s_.advance();
    if (s_.take_word(kWordStart, kWordChars).empty()) {
      s_.take_any("()");
      s_.take(',');
    }
    s_.emit(Tok::kCommentPreproc);
  }

  void word() {
    std::string_view word = s_.take_word(kWordStart, kWordChars);
    if (word == "b" || word == "r" || word == "br") {
      if (s_.peek() == '"' || (word != "b" && s_.peek() == '#')) return prefixed_string(word);
      if (word == "b" && s_.peek() == '\'' && s_.take_char_literal(Tok::kStringChar)) return;  // b'x'
    }
    if (s_.peek() == '!' && rust_macros().contains(word)) {
      s_.advance();
      return s_.emit(Tok::kNameFunctionMagic);
    }
    Tok cls = rust_words().find(word);
    s_.emit(cls);
    if (word == "fn") name_after(Tok::kNameFunction);
    else if (word == "mod") name_after(Tok::kNameNamespace);
    else if (word == "struct" || word == "enum" || word == "type" || word == "union") type_name();
    else if (word == "break" || word == "continue") loop_label();
  }

  void name_after(Tok cls) {
    s_.skip_spaces();
    if (s_.at_any(kWordStart)) {
      s_.take_word(kWordStart, kWordChars);
      s_.emit(cls);
    }
  }

  // A type where one is expected (after ':', '->', struct ...): builtins keep their class,
  // other names are classes; '&' and a lifetime may come first.
  void type_name() {
    for (;;) {
      s_.skip_spaces();
      if (s_.take('&')) {
        s_.emit(Tok::kKeywordPseudo);
      } else if (s_.at("'")) {
        s_.emit_next(1, Tok::kOperator);
        lifetime();
      } else {
        break;
      }
    }
    if (!s_.at_any(kWordStart)) return;
    std::string_view word = s_.take_word(kWordStart, kWordChars);
    Tok cls = rust_words().find(word);
    s_.emit(cls == Tok::kNameBuiltin || cls == Tok::kKeywordType ? cls : Tok::kNameClass);
  }

  // break 'outer
  void loop_label() {
    size_t start = s_.pos();
    s_.skip(kSpaces);
    if (s_.peek() == '\'' && kWordStart.has(s_.peek(1))) {
      s_.emit(Tok::kText);
      s_.advance();
      s_.take_word(kWordStart, kWordChars);
      s_.emit(Tok::kNameLabel);
    } else {
      s_.seek(start);
    }
  }

  // A char literal, or the quote of a lifetime ('a, 'static).
  void quote() {
    if (s_.take_char_literal(Tok::kStringChar)) return;
    s_.emit_next(1, Tok::kOperator);
    lifetime();
  }

  void lifetime() {
    std::string_view name = s_.take_word(kWordStart, kWordChars);
    if (!name.empty()) s_.emit(name == "static" || name == "_" ? Tok::kNameBuiltin : Tok::kNameAttribute);
  }

  // The length of the escape here: \n \r \t \\ \' \" \0 \x7F \u{...}; 0 for others.
  size_t escape() const {
    char c = s_.peek(1);
    if (c != '\0' && CharSet("'\"\\nrt0").has(c)) return 2;
    if (c == 'x' && CharSet::range('0', '7').has(s_.peek(2)) && kHexDigits.has(s_.peek(3))) return 4;
    if (c == 'u' && s_.peek(2) == '{') return s_.escape_length();
    return 0;
  }

  // Integers and floats, then a type suffix (1u32, 2.5f64) as a keyword.
  void number() {
    static constexpr NumberSyntax kSyntax{.leading_dot = false, .trailing_dot = false};
    Tok cls = s_.take_number(kSyntax);
    s_.skip("_");  // Rust allows trailing separators: 0xff_u8
    if (cls == Tok::kNumberInteger && s_.peek() == '.' && s_.peek(1) != '.' && !kDigits.has(s_.peek(1))) {
      s_.advance();  // "1." is a float, even in 1.max(2)
      cls = Tok::kNumberFloat;
    }
    s_.emit(cls);
    std::string_view rest = s_.rest();
    for (std::string_view suffix :
         {"u8", "u16", "u32", "u64", "usize", "i8", "i16", "i32", "i64", "isize", "f32", "f64"}) {
      if (rest.substr(0, suffix.size()) == suffix) return s_.emit_next(suffix.size(), Tok::kKeyword);
    }
  }

  void string() {
    // Backslashes stop the string so that only the escapes Rust knows are marked.
    static constexpr StringSyntax syntax{.multiline = true, .escapes = false, .special = "\\"};
    s_.advance();
    while (s_.string_body("\"", syntax) == StringEnd::kSpecial) {
      size_t n = escape();
      s_.advance(n == 0 ? 1 : n);
      s_.emit(n == 0 ? Tok::kString : Tok::kStringEscape);
    }
  }

  // b"bytes", r"raw", r#"raw"#, br"raw".
  void prefixed_string(std::string_view prefix) {
    if (prefix == "b") return string();
    size_t hashes = s_.skip("#");
    if (s_.peek() != '"') return s_.emit(Tok::kText);
    s_.advance();
    std::string closing = "\"" + std::string(hashes, '#');
    s_.skip_past(closing);
    s_.emit(Tok::kString);
  }

  // #[derive(Debug)], #![allow(x)]: strings inside keep their class; brackets nest.
  void attribute() {
    s_.advance(s_.peek(1) == '!' ? 3 : 2);
    for (int depth = 1; depth > 0 && !s_.done();) {
      char c = s_.peek();
      if (c == '"') {
        s_.emit(Tok::kCommentPreproc);
        string();
        continue;
      }
      depth += (c == '[') - (c == ']');
      s_.advance();
    }
    s_.emit(Tok::kCommentPreproc);
  }

  Scanner& s_;
};

}  // namespace

void lex_rust(Scanner& s) { RustLexer(s).run(); }

}  // namespace bengal::highlight
