// C and C++: preprocessor lines, comments, keywords and types, literals, and the names of
// functions where they are defined or declared at file level.
//
// Like Pygments, the lexer keeps a small stack of contexts: at file level (kRoot) a
// declaration that looks like `type name(params) {` or `... ;` marks `name` as a function;
// any other statement (kStatement) runs to its ';' or '{'; a function body (kFunction) runs
// to its matching '}'. Names inside bodies are never marked as functions.
#include <algorithm>
#include <string>
#include <vector>

#include "highlight/lexers.h"

namespace bengal::highlight {
namespace {

constexpr std::string_view kCKeywords =
    "asm auto break case const continue default do else enum extern for goto if register restricted return sizeof "
    "struct static switch typedef volatile while union thread_local alignas alignof static_assert _Pragma "
    "_Alignas _Alignof _Noreturn _Generic _Thread_local _Static_assert _Imaginary noreturn imaginary complex";
constexpr std::string_view kCppKeywords =
    "catch const_cast delete dynamic_cast explicit export friend mutable new operator private protected public "
    "reinterpret_cast class restrict static_cast template this throw throws try typeid using virtual constexpr "
    "nullptr concept decltype noexcept override final constinit consteval co_await co_return co_yield requires "
    "import module typename namespace";
constexpr std::string_view kReserved =
    "inline _inline __inline naked restrict thread __m128i __m128d __m128 __m64 __asm __based __except "
    "__stdcall __cdecl __fastcall __declspec __finally __try __leave __w64 __unaligned __raise __noop "
    "__identifier __forceinline __assume __int8 __int16 __int32 __int64 __wchar_t";
constexpr std::string_view kBasicTypes = "bool int long float short double char unsigned signed void";
// Typedefs of the C library, C99, C11 and POSIX that read as types.
constexpr std::string_view kLibraryTypes =
    "size_t ssize_t off_t wchar_t ptrdiff_t sig_atomic_t fpos_t clock_t time_t va_list jmp_buf FILE DIR div_t "
    "ldiv_t mbstate_t wctrans_t wint_t wctype_t int8_t int16_t int32_t int64_t uint8_t uint16_t uint32_t "
    "uint64_t int_least8_t int_least16_t int_least32_t int_least64_t uint_least8_t uint_least16_t "
    "uint_least32_t uint_least64_t int_fast8_t int_fast16_t int_fast32_t int_fast64_t uint_fast8_t "
    "uint_fast16_t uint_fast32_t uint_fast64_t intptr_t uintptr_t intmax_t uintmax_t clockid_t cpu_set_t "
    "cpumask_t dev_t gid_t id_t ino_t key_t mode_t nfds_t pid_t rlim_t sig_t sighandler_t siginfo_t sigset_t "
    "sigval_t socklen_t timer_t uid_t atomic_bool atomic_char atomic_schar atomic_uchar atomic_short "
    "atomic_ushort atomic_int atomic_uint atomic_long atomic_ulong atomic_llong atomic_ullong atomic_size_t "
    "atomic_ptrdiff_t atomic_intmax_t atomic_uintmax_t atomic_intptr_t atomic_uintptr_t";

// Library typedefs are types everywhere, but unlike the basic types they do not keep the
// lexer at file level (`size_t n;` is a statement; `unsigned long f()` is still a function
// after `unsigned`), so the table marks them apart and they are emitted as kKeywordType.
constexpr Tok kLibraryType = Tok::kKeywordPseudo;

const WordTable& c_words() {
  static const WordTable table({
      {Tok::kKeyword, kCKeywords},
      {Tok::kKeywordReserved, kReserved},
      {Tok::kKeywordType, kBasicTypes},
      {Tok::kKeywordType, "_Bool _Complex _Atomic"},
      {kLibraryType, kLibraryTypes},
      {Tok::kNameBuiltin, "true false NULL"},
  });
  return table;
}

const WordTable& cpp_words() {
  static const WordTable table({
      {Tok::kKeyword, kCppKeywords},
      {Tok::kKeyword, kCKeywords},
      {Tok::kKeywordReserved, kReserved},
      {Tok::kKeywordType, kBasicTypes},
      {Tok::kKeywordType, "char8_t char16_t char32_t"},
      {kLibraryType, kLibraryTypes},
      {Tok::kNameBuiltin, "true false NULL"},
  });
  return table;
}

constexpr CharSet kNameStart = kIdentStart | "$";
constexpr CharSet kNameChars = kIdentChars | "$";
constexpr CharSet kOperators = "~!%^&*+=|?:<>/-";
constexpr CharSet kPunctuation = "()[],.";

class CFamilyLexer {
 public:
  CFamilyLexer(Scanner& s, bool cpp) : s_(s), cpp_(cpp), words_(cpp ? cpp_words() : c_words()) {}

  void run() {
    while (!s_.done()) {
      if (layout()) continue;
      switch (stack_.back()) {
        case Mode::kRoot: root(); break;
        case Mode::kStatement: statement(); break;
        case Mode::kFunction: function_body(); break;
        case Mode::kNamespace: namespace_name(); break;
      }
    }
  }

 private:
  enum class Mode { kRoot, kStatement, kFunction, kNamespace };

  // ----- what every context shares: white space, comments, preprocessor lines, labels -----

  bool layout() {
    char c = s_.peek();
    if (s_.at_line_start() || (kBlanks.has(s_.before()) && line_is_blank_before())) {
      if (preprocessor()) return true;
      if (c != '\n' && label()) return true;
    }
    if (kSpaces.has(c)) {
      s_.skip_spaces();
    } else if (c == '\\' && s_.peek(1) == '\n') {
      s_.emit_next(2, Tok::kText);
    } else if (c == '/' && s_.peek(1) == '/') {
      line_comment();
    } else if (c == '/' && s_.peek(1) == '*') {
      s_.advance(2);
      s_.skip_past("*/");
      s_.emit(Tok::kCommentMultiline);
    } else {
      return false;
    }
    return true;
  }

  bool line_is_blank_before() const {
    std::string_view text = s_.text();
    size_t i = s_.pos();
    while (i > 0 && kBlanks.has(text[i - 1])) --i;
    return i == 0 || text[i - 1] == '\n';
  }

  // A // comment, continued onto the next line by a trailing backslash.
  void line_comment() {
    do {
      s_.skip_line();
    } while (s_.before() == '\\' && (s_.advance(), !s_.done()));
    s_.emit(Tok::kCommentSingle);
  }

  // A line starting with '#' (after blanks). #if 0 blocks are comments.
  bool preprocessor() {
    size_t start = s_.pos();
    s_.skip(kBlanks);
    if (!s_.at("#")) {
      s_.seek(start);
      return false;
    }
    s_.emit(Tok::kText);
    if (s_.take("#if") && s_.skip(kBlanks) > 0 && s_.take('0')) {
      s_.emit(Tok::kCommentPreproc);
      if_zero();
      return true;
    }
    s_.seek(s_.pending_start() + 1);  // back to just after the '#'
    s_.emit(Tok::kCommentPreproc);
    if (!include()) directive_body();
    return true;
  }

  // #include "file" or <file>: the file in its own class, anything after it a comment.
  bool include() {
    size_t start = s_.pos();
    s_.skip(kBlanks);
    bool directive = s_.take("include") && (s_.skip(kBlanks), s_.at_any("\"<"));
    std::string_view line = s_.rest().substr(0, s_.rest().find('\n'));
    size_t end = directive ? line.find(line[0] == '<' ? '>' : '"', 1) : std::string_view::npos;
    if (end == std::string_view::npos) {
      s_.seek(start);
      return false;
    }
    s_.emit(Tok::kCommentPreproc);
    s_.emit_next(end + 1, Tok::kCommentPreprocFile);
    s_.skip_line();
    s_.emit(Tok::kCommentSingle);
    s_.emit_next(1, Tok::kCommentPreproc);
    return true;
  }

  // The rest of a directive, through its last line (lines ending in '\' continue it).
  void directive_body() {
    while (!s_.done()) {
      s_.skip_until("/\n");
      s_.emit(Tok::kCommentPreproc);
      if (s_.at("/*")) {
        s_.advance(2);
        s_.skip_past("*/");
        s_.emit(Tok::kCommentMultiline);
      } else if (s_.at("//")) {
        s_.skip_line();
        s_.advance();
        s_.emit(Tok::kCommentSingle);
        return;
      } else if (s_.take('/')) {
        s_.emit(Tok::kCommentPreproc);
      } else {
        bool continued = s_.before() == '\\';
        s_.advance();
        s_.emit(Tok::kCommentPreproc);
        if (!continued) return;
      }
    }
  }

  // After "#if 0": comment lines up to the matching #else, #elif or #endif.
  void if_zero() {
    int depth = 1;
    while (!s_.done()) {
      size_t start = s_.pos();
      s_.skip(kSpaces);
      bool directive = s_.take('#');
      if (directive && s_.at("if")) {
        ++depth;
      } else if (directive && (s_.at("else") || s_.at("elif") || s_.at("endif"))) {
        --depth;
      } else {
        s_.seek(start);
        s_.skip_line();
        s_.advance();
        s_.emit(Tok::kComment);
        continue;
      }
      s_.skip_line();
      s_.advance();
      s_.emit(Tok::kCommentPreproc);
      if (depth == 0) return;
    }
  }

  // "name:" at a line's start (not "public:", not "std::").
  bool label() {
    size_t start = s_.pos();
    s_.skip(kBlanks);
    std::string_view name = s_.take_word(kNameStart, kNameChars);
    size_t name_end = s_.pos();
    s_.skip(kSpaces);
    bool is_label = !name.empty() && s_.peek() == ':' && s_.peek(1) != ':' && name != "public" && name != "private" &&
                    name != "protected" && name != "default";
    s_.seek(start);
    if (!is_label) return false;
    s_.skip_blanks();
    s_.seek(name_end);
    s_.emit(Tok::kNameLabel);
    s_.skip_spaces();
    s_.emit_next(1, Tok::kPunctuation);
    return true;
  }

  // ----- contexts -----

  void root() {
    if (s_.at_any(kNameStart)) {
      std::string_view word = peek_word();
      Tok cls = words_.find(word);
      if (cls == Tok::kKeyword || cls == Tok::kKeywordReserved) return keyword(word, cls);
      if (function_declaration()) return;
      if (cls == Tok::kKeywordType) {
        s_.advance(word.size());
        return s_.emit(Tok::kKeywordType);
      }
    }
    stack_.push_back(Mode::kStatement);
  }

  void statement() {
    char c = s_.peek();
    if (c == '}') return s_.emit_next(1, Tok::kPunctuation);
    if (c == '{' || c == ';') {
      s_.emit_next(1, Tok::kPunctuation);
      return pop();
    }
    token();
  }

  void function_body() {
    char c = s_.peek();
    if (c == ';') return s_.emit_next(1, Tok::kPunctuation);
    if (c == '{') {
      s_.emit_next(1, Tok::kPunctuation);
      return stack_.push_back(Mode::kFunction);
    }
    if (c == '}') {
      s_.emit_next(1, Tok::kPunctuation);
      return pop();
    }
    token();
  }

  // After `namespace`: names up to the ';' or '{', then file level again.
  void namespace_name() {
    char c = s_.peek();
    if (c == ';' || c == '{') {
      s_.emit_next(1, Tok::kPunctuation);
      stack_.back() = Mode::kRoot;
    } else if (s_.at_word("inline", kNameChars)) {
      s_.emit_next(6, Tok::kKeywordReserved);
    } else if (s_.at_any(kNameStart)) {
      s_.take_word(kNameStart, kNameChars);
      s_.emit(Tok::kNameNamespace);
    } else {
      statement();
    }
  }

  void pop() {
    if (stack_.size() > 1) stack_.pop_back();
  }

  // ----- file-level functions -----

  // `type name(params) ... {` or `... ;` at file level: the name is a function. The parts
  // around it are ordinary tokens.
  bool function_declaration() {
    size_t name_begin = 0, name_end = 0, end = 0;
    if (!match_function(name_begin, name_end, end)) return false;
    tokens_until(name_begin);
    s_.seek(name_end);
    s_.emit(Tok::kNameFunction);
    tokens_until(end);
    bool body = s_.peek() == '{';
    s_.emit_next(1, Tok::kPunctuation);
    if (body) stack_.push_back(Mode::kFunction);
    return true;
  }

  void tokens_until(size_t end) {
    Scanner::Limit limit(s_, end);
    while (!s_.done()) {
      if (!layout()) token();
    }
  }

  // Scans without emitting; on a match sets the name's bounds and where the final '{' or
  // ';' is.
  bool match_function(size_t& name_begin, size_t& name_end, size_t& end) const {
    std::string_view t = s_.rest();
    size_t base = s_.pos();
    size_t i = qualified_name(t, 0);
    if (i == 0) return false;
    size_t after_type = i;
    while (i < t.size() && CharSet("&* \t\r\n").has(t[i])) ++i;
    if (i == after_type) return false;
    i = skip_comments(t, i);
    size_t name = i;
    i = qualified_name(t, i);
    if (i == name) return false;
    size_t after_name = i;
    i = skip_comments(t, i);
    if (i >= t.size() || t[i] != '(') return false;
    size_t close = t.find_first_of(";\"')", i + 1);
    if (close == std::string_view::npos || t[close] != ')') return false;
    i = skip_comments(t, close + 1);
    size_t stop = t.find_first_of(";{/\"'", i);
    if (stop == std::string_view::npos || t[stop] == '/' || t[stop] == '"' || t[stop] == '\'') return false;
    name_begin = base + name;
    name_end = base + after_name;
    end = base + stop;
    return true;
  }

  static size_t qualified_name(std::string_view t, size_t i) {
    if (i >= t.size() || kDigits.has(t[i])) return i;
    while (i < t.size()) {
      if (kNameChars.has(t[i])) ++i;
      else if (t[i] == ':' && i + 1 < t.size() && t[i + 1] == ':') i += 2;
      else break;
    }
    return i;
  }

  static size_t skip_comments(std::string_view t, size_t i) {
    for (;;) {
      while (i < t.size() && kSpaces.has(t[i])) ++i;
      if (t.substr(i, 2) == "//") {
        i = std::min(t.find('\n', i), t.size());
      } else if (t.substr(i, 2) == "/*") {
        size_t close = t.find("*/", i + 2);
        i = close == std::string_view::npos ? t.size() : close + 2;
      } else {
        return i;
      }
    }
  }

  // ----- one token of a statement -----

  std::string_view peek_word() const {
    std::string_view rest = s_.rest();
    size_t n = 0;
    while (n < rest.size() && kNameChars.has(rest[n])) ++n;
    return rest.substr(0, n);
  }

  void token() {
    char c = s_.peek();
    if (kNameStart.has(c)) return name();
    if (c == '"' || c == '\'') return quoted();
    if (kDigits.has(c) || ((c == '.' || c == '-') && starts_number(c == '-' ? 1 : 0))) return number();
    if (kOperators.has(c)) return s_.emit_next(1, Tok::kOperator);
    if (kPunctuation.has(c)) return s_.emit_next(1, Tok::kPunctuation);
    if (c == '{' || c == '}' || c == ';') return s_.emit_next(1, Tok::kPunctuation);
    s_.emit_next(1, Tok::kText);
  }

  bool starts_number(size_t at) const {
    char c = s_.peek(at);
    return kDigits.has(c) || (c == '.' && kDigits.has(s_.peek(at + 1)));
  }

  void name() {
    std::string_view word = peek_word();
    if (string_prefix(word)) return;
    Tok cls = words_.find(word);
    if (cls == Tok::kKeyword || cls == Tok::kKeywordReserved) return keyword(word, cls);
    s_.advance(word.size());
    s_.emit(cls == kLibraryType ? Tok::kKeywordType : cls);
  }

  // L"...", u8'x', R"delim(...)delim" (C++).
  bool string_prefix(std::string_view word) {
    char next = s_.peek(word.size());
    if (next != '"' && next != '\'') return false;
    bool raw = cpp_ && next == '"' && !word.empty() && word.back() == 'R';
    std::string_view affix = raw ? word.substr(0, word.size() - 1) : word;
    if (!(affix.empty() || affix == "L" || affix == "u" || affix == "U" || affix == "u8")) return false;
    size_t open = s_.rest().find('(', word.size());
    std::string_view delimiter = raw && open != std::string_view::npos
                                     ? s_.rest().substr(word.size() + 1, open - word.size() - 1)
                                     : std::string_view();
    if (raw && (open == std::string_view::npos || delimiter.size() > 16 ||
                delimiter.find_first_of("\\() \t\n") != std::string_view::npos)) {
      return false;
    }
    s_.emit_next(word.size(), Tok::kStringAffix);
    if (raw) raw_string(delimiter);
    else quoted();
    return true;
  }

  // "delim(text)delim": the delimiters in their own class.
  void raw_string(std::string_view delimiter) {
    std::string closing = ")" + std::string(delimiter) + "\"";
    s_.emit_next(1, Tok::kString);
    s_.advance(delimiter.size() + 1);
    s_.emit(Tok::kStringDelimiter);
    size_t close = s_.rest().find(closing);
    s_.advance(close == std::string_view::npos ? s_.rest().size() : close);
    s_.emit(Tok::kString);
    s_.advance(closing.size() - 1);
    s_.emit(Tok::kStringDelimiter);
    s_.emit_next(1, Tok::kString);
  }

  void quoted() {
    if (s_.peek() == '\'') return character();
    // Backslashes stop the string so that only the escapes C knows are marked.
    static constexpr StringSyntax syntax{.body = Tok::kString, .escapes = false, .special = "\\"};
    s_.advance();
    while (s_.string_body("\"", syntax) == StringEnd::kSpecial) {
      size_t n = known_escape();
      s_.advance(n == 0 ? 2 : n);
      s_.emit(n == 0 ? Tok::kString : Tok::kStringEscape);
    }
  }

  // The length of the escape sequence here, or 0 when the backslash starts none C knows.
  size_t known_escape() const {
    char c = s_.peek(1);
    if (c != '\0' && CharSet("\\abfnrtv\"'").has(c)) return 2;
    if (c >= '0' && c <= '7') return s_.escape_length();
    if (c == 'x') {
      size_t hex = 0;
      while (hex < 4 && kHexDigits.has(s_.peek(2 + hex))) ++hex;
      return hex >= 2 ? 2 + hex : 0;
    }
    if ((c == 'u' || c == 'U') && s_.escape_length() == (c == 'u' ? 6u : 10u)) return s_.escape_length();
    return 0;
  }

  // 'a', '\n', '\x41': a char literal; a quote that starts none is an error.
  void character() {
    if (!s_.take_char_literal(Tok::kStringChar)) s_.emit_next(1, Tok::kError);
  }

  // Integers (with their u/l suffixes), floats (f/l), 0x, 0b, leading-zero octal, an
  // optional leading minus sign, ' digit separators.
  void number() {
    s_.emit(Tok::kText);
    s_.take('-');
    static constexpr NumberSyntax kSyntax{.separators = "'", .octal_prefix = false};
    Tok cls = s_.take_number(kSyntax);
    std::string_view digits = s_.pending();
    if (digits[0] == '-') digits.remove_prefix(1);
    if (cls == Tok::kNumberInteger && digits.size() > 1 && digits[0] == '0' &&
        digits.find_first_not_of("01234567'") == std::string_view::npos) {
      cls = Tok::kNumberOct;
    }
    if (cls == Tok::kNumberFloat || (cls == Tok::kNumberInteger && s_.at_any("fF"))) {
      cls = Tok::kNumberFloat;
      s_.take_any("fFlL");
    } else {
      s_.skip("uUlL");
    }
    s_.emit(cls);
  }

  // A keyword, and the name it introduces: struct/union/class NAME, enum [class] NAME,
  // namespace NAME, case VALUE:.
  void keyword(std::string_view word, Tok cls) {
    s_.advance(word.size());
    s_.emit(cls);
    bool blank_follows = s_.at_any(kSpaces);
    if (word == "struct" || word == "union" || (cpp_ && (word == "class" || word == "concept" || word == "typename"))) {
      if (blank_follows) class_name(false);
    } else if (cpp_ && word == "enum") {
      if (blank_follows) class_name(true);
    } else if (cpp_ && word == "namespace") {
      stack_.push_back(Mode::kNamespace);
    } else if (word == "case") {
      case_value();
    }
  }

  void class_name(bool after_enum) {
    s_.skip_spaces();
    if (after_enum) {
      while (layout()) {
      }
      if (s_.at_word("class", kNameChars) || s_.at_word("struct", kNameChars)) {
        s_.advance(s_.peek() == 'c' ? 5 : 6);
        s_.emit(Tok::kKeyword);
        while (layout()) {
        }
      }
    }
    if (!s_.at_any(kNameStart) || kDigits.has(s_.peek())) return;
    s_.take_word(kNameStart, kNameChars);
    s_.emit(Tok::kNameClass);
  }

  // case X: -- names up to the ':' are constants.
  void case_value() {
    while (!s_.done()) {
      if (layout()) continue;
      char c = s_.peek();
      if (c == ':' && s_.peek(1) != ':') return s_.emit_next(1, Tok::kPunctuation);
      if (c == ':') {
        s_.emit_next(2, Tok::kOperator);
      } else if (c == '{' || c == '}' || c == ';') {
        return;
      } else if (kNameStart.has(c)) {
        s_.take_word(kNameStart, kNameChars);
        s_.emit(Tok::kNameConstant);
      } else {
        token();
      }
    }
  }

  Scanner& s_;
  bool cpp_;
  const WordTable& words_;
  std::vector<Mode> stack_{Mode::kRoot};
};

}  // namespace

void lex_c(Scanner& s) { CFamilyLexer(s, false).run(); }
void lex_cpp(Scanner& s) { CFamilyLexer(s, true).run(); }

}  // namespace bengal::highlight
