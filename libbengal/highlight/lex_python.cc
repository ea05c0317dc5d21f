// Python 3: keywords, builtins, decorators, imports, numbers, and strings with their
// prefixes, escapes, %-formats, {}-fields and f-string expressions.
#include "highlight/lexers.h"

namespace bengal::highlight {
namespace {

const WordTable& python_words() {
  static const WordTable table({
      {Tok::kKeyword,
       "assert async await break continue del elif else except finally for global if lambda nonlocal pass "
       "raise return try while with yield as def class"},
      {Tok::kKeywordNamespace, "import from"},
      {Tok::kKeywordConstant, "True False None"},
      {Tok::kOperatorWord, "and in is not or"},
      {Tok::kNameBuiltinPseudo, "self cls Ellipsis NotImplemented"},
      {Tok::kNameBuiltin,
       "__import__ abs aiter all anext any ascii bin bool breakpoint bytearray bytes callable chr classmethod "
       "compile complex delattr dict dir divmod enumerate eval exec filter float format frozenset getattr "
       "globals hasattr hash hex id input int isinstance issubclass iter len list locals map max memoryview "
       "min next object oct open ord pow print property range repr reversed round set setattr slice sorted "
       "staticmethod str sum super tuple type vars zip"},
      {Tok::kNameException,
       "ArithmeticError AssertionError AttributeError BaseException BaseExceptionGroup BlockingIOError "
       "BrokenPipeError BufferError BytesWarning ChildProcessError ConnectionAbortedError ConnectionError "
       "ConnectionRefusedError ConnectionResetError DeprecationWarning EncodingWarning EOFError "
       "EnvironmentError Exception ExceptionGroup FileExistsError FileNotFoundError FloatingPointError "
       "FutureWarning GeneratorExit IOError ImportError ImportWarning IndentationError IndexError "
       "InterruptedError IsADirectoryError KeyboardInterrupt KeyError LookupError MemoryError "
       "ModuleNotFoundError NameError NotADirectoryError NotImplementedError OSError OverflowError "
       "PendingDeprecationWarning PermissionError ProcessLookupError RecursionError ReferenceError "
       "ResourceWarning RuntimeError RuntimeWarning StopAsyncIteration StopIteration SyntaxError "
       "SyntaxWarning SystemError SystemExit TabError TimeoutError TypeError UnboundLocalError "
       "UnicodeDecodeError UnicodeEncodeError UnicodeError UnicodeTranslateError UnicodeWarning UserWarning "
       "ValueError Warning ZeroDivisionError"},
  });
  return table;
}

// Special ("dunder") names: methods of the data model, and attributes.
const WordTable& magic_words() {
  static const WordTable table({
      {Tok::kNameFunctionMagic,
       "__abs__ __add__ __aenter__ __aexit__ __aiter__ __and__ __anext__ __await__ __bool__ __bytes__ "
       "__call__ __class_getitem__ __complex__ __contains__ __del__ __delattr__ __delete__ __delitem__ "
       "__dir__ __divmod__ __enter__ __eq__ __exit__ __float__ __floordiv__ __format__ __ge__ __get__ "
       "__getattr__ __getattribute__ __getitem__ __gt__ __hash__ __iadd__ __iand__ __ifloordiv__ "
       "__ilshift__ __imatmul__ __imod__ __imul__ __index__ __init__ __init_subclass__ __instancecheck__ "
       "__int__ __invert__ __ior__ __ipow__ __irshift__ __isub__ __iter__ __itruediv__ __ixor__ __le__ "
       "__len__ __length_hint__ __lshift__ __lt__ __matmul__ __missing__ __mod__ __mul__ __ne__ __neg__ "
       "__new__ __next__ __or__ __pos__ __pow__ __prepare__ __radd__ __rand__ __rdivmod__ __repr__ "
       "__reversed__ __rfloordiv__ __rlshift__ __rmatmul__ __rmod__ __rmul__ __ror__ __round__ __rpow__ "
       "__rrshift__ __rshift__ __rsub__ __rtruediv__ __rxor__ __set__ __set_name__ __setattr__ "
       "__setitem__ __str__ __sub__ __subclasscheck__ __truediv__ __xor__"},
      {Tok::kNameVariableMagic,
       "__annotations__ __bases__ __class__ __closure__ __code__ __defaults__ __dict__ __doc__ __file__ "
       "__func__ __globals__ __kwdefaults__ __module__ __mro__ __name__ __objclass__ __qualname__ "
       "__self__ __slots__ __weakref__"},
  });
  return table;
}

constexpr NumberSyntax kPythonNumbers{};
constexpr CharSet kOperators = "-~+/*%=<>&^|.!";
constexpr CharSet kPunctuation = "()[]{},;:";
constexpr CharSet kQuotes = "'\"";

// r, b, u, f and their pairs, any case: the letters before a string's quote.
struct Prefix {
  bool raw = false;
  bool format = false;
};
bool parse_prefix(std::string_view word, Prefix& prefix) {
  if (word.size() > 2) return false;
  int bytes = 0;
  for (char c : word) {
    switch (c | 0x20) {  // lower case
      case 'r': prefix.raw = true; break;
      case 'f': prefix.format = true; break;
      case 'b': ++bytes; break;
      case 'u':
        if (word.size() != 1) return false;
        break;
      default: return false;
    }
  }
  return !(prefix.format && bytes > 0) && !(word.size() == 2 && !prefix.raw);
}

class PythonLexer {
 public:
  explicit PythonLexer(Scanner& s) : s_(s) {}

  void run() {
    if (s_.at("#!")) {
      s_.skip_line();
      s_.emit(Tok::kCommentHashbang);
    }
    code(0);
  }

 private:
  // Code up to the end, or (inside an f-string field, `field_quote` set) up to the field's
  // '}', '!' or ':' at bracket depth 0, or its string's quote.
  void code(char field_quote) {
    int depth = 0;
    while (!s_.done()) {
      char c = s_.peek();
      if (field_quote != 0) {
        if (c == field_quote || c == '\n') return;
        if (depth == 0 && (c == '}' || c == ':' || (c == '!' && s_.peek(1) != '='))) return;
        if (depth == 0 && c == '=' && s_.peek(1) == '}') return;  // f"{x=}"
      }
      if (kSpaces.has(c) || c == '\\') {
        s_.advance();
        s_.emit(Tok::kText);
      } else if (c == '#') {
        s_.skip_line();
        s_.emit(Tok::kCommentSingle);
      } else if (kQuotes.has(c)) {
        string(Prefix{}, s_.at_line_start() || only_blanks_before());
      } else if (kDigits.has(c) || (c == '.' && kDigits.has(s_.peek(1)))) {
        s_.emit(s_.take_number(kPythonNumbers));
      } else if (kIdentStart.has(c)) {
        word();
      } else if (c == '@') {
        s_.advance();
        s_.emit(s_.take_word().empty() ? Tok::kOperator : Tok::kNameDecorator);
      } else if (c == ':' && s_.peek(1) == '=') {
        s_.emit_next(2, Tok::kOperator);
      } else if (kPunctuation.has(c)) {
        depth += (c == '(' || c == '[' || c == '{') - (c == ')' || c == ']' || c == '}');
        s_.emit_next(1, Tok::kPunctuation);
      } else {
        s_.emit_next(1, kOperators.has(c) ? Tok::kOperator : Tok::kText);
      }
    }
  }

  bool only_blanks_before() const {
    std::string_view text = s_.text();
    size_t i = s_.pos();
    while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\t')) --i;
    return i == 0 || text[i - 1] == '\n';
  }

  void word() {
    bool after_dot = s_.before() == '.';
    bool line_start = only_blanks_before();
    std::string_view word = s_.take_word();
    Prefix prefix;
    if (kQuotes.has(s_.peek()) && parse_prefix(word, prefix)) {
      s_.emit(Tok::kStringAffix);
      return string(prefix, line_start && !prefix.format);
    }
    Tok cls = python_words().find(word);
    if (word.size() > 4 && word.substr(0, 2) == "__") {
      Tok magic = magic_words().find(word);
      if (magic != Tok::kText) cls = magic;
    } else if (after_dot &&
               (cls == Tok::kNameBuiltin || cls == Tok::kNameBuiltinPseudo || cls == Tok::kNameException)) {
      cls = Tok::kText;  // obj.print is an attribute, not the builtin
    }
    if (cls == Tok::kText && line_start && (word == "match" || word == "case") && starts_soft_keyword()) {
      cls = Tok::kKeyword;
    }
    s_.emit(cls);
    if (word == "def") named(Tok::kNameFunction);
    else if (word == "class") named(Tok::kNameClass);
    else if (word == "import") import_names();
    else if (word == "from") from_module();
    else if (word == "yield") yield_from();
  }

  // `match x:` is a statement; `match = 3` and `match.group()` are names.
  bool starts_soft_keyword() const {
    size_t i = 0;
    while (s_.peek(i) == ' ' || s_.peek(i) == '\t') ++i;
    char next = s_.peek(i);
    if (i == 0 && next != '(' && next != '[' && next != '{' && next != '-') return false;
    if (next == '=' && s_.peek(i + 1) != '=') return false;
    return next != '\0' && next != '\n' && next != '.' && next != ',' && next != ':' && next != ')' && next != ';' &&
           next != '#';
  }

  // The name after def or class.
  void named(Tok cls) {
    s_.skip_blanks();
    std::string_view name = s_.take_word();
    if (cls == Tok::kNameFunction && magic_words().find(name) == Tok::kNameFunctionMagic) cls = Tok::kNameFunctionMagic;
    s_.emit(cls);
  }

  // A dotted module name, leading dots included (from . import x).
  bool module_name() {
    s_.skip(kIdentChars | ".");
    if (s_.pending().empty()) return false;
    s_.emit(Tok::kNameNamespace);
    return true;
  }

  // import a.b as c, d
  void import_names() {
    for (;;) {
      s_.skip_blanks();
      if (s_.at_word("as")) {
        s_.emit_next(2, Tok::kKeyword);
        continue;
      }
      if (s_.take(',')) {
        s_.emit(Tok::kOperator);
        continue;
      }
      if (!module_name()) return;
    }
  }

  // from a.b import c: the module, then the import keyword, then ordinary names.
  void from_module() {
    s_.skip_blanks();
    if (!module_name()) return;
    s_.skip_blanks();
    if (s_.at_word("import")) s_.emit_next(6, Tok::kKeywordNamespace);
  }

  // "yield from" is one keyword.
  void yield_from() {
    size_t blanks = 0;
    while (s_.peek(blanks) == ' ' || s_.peek(blanks) == '\t') ++blanks;
    if (blanks == 0) return;
    s_.advance(blanks);
    if (s_.at_word("from")) {
      s_.advance(4);
      s_.emit(Tok::kKeyword);
    } else {
      s_.emit(Tok::kText);
    }
  }

  // From the opening quote. A triple-quoted string that starts a line is a docstring.
  void string(Prefix prefix, bool at_statement_start) {
    char q = s_.peek();
    bool triple = s_.peek(1) == q && s_.peek(2) == q;
    std::string_view quote = q == '"' ? (triple ? "\"\"\"" : "\"") : (triple ? "'''" : "'");
    if (triple && at_statement_start) {
      s_.advance(3);
      s_.skip_past(quote);
      s_.emit(Tok::kStringDoc);
      return;
    }
    StringSyntax syntax;
    syntax.body = q == '"' ? Tok::kStringDouble : Tok::kStringSingle;
    syntax.multiline = triple;
    syntax.escapes = !prefix.raw;
    syntax.special = prefix.format ? "{}" : "%{";
    s_.advance(quote.size());
    while (s_.string_body(quote, syntax) == StringEnd::kSpecial) {
      bool handled = prefix.format ? format_field(q) : interpolation();
      if (!handled) {
        s_.advance();
        s_.emit(syntax.body);
      }
    }
  }

  // f-string: {{ and }} are escapes; {expr!r:spec} is a field with code inside.
  bool format_field(char quote) {
    char c = s_.peek();
    if (s_.peek(1) == c) {
      s_.emit_next(2, Tok::kStringEscape);
      return true;
    }
    if (c == '}') return false;
    s_.emit_next(1, Tok::kStringInterpol);
    code(quote);
    if (s_.take('=')) s_.emit(Tok::kStringInterpol);
    if (s_.peek() == '!' && kLetters.has(s_.peek(1))) s_.emit_next(2, Tok::kStringInterpol);
    if (s_.take(':')) {
      s_.emit(Tok::kStringInterpol);
      format_spec(quote);
    }
    if (s_.take('}')) s_.emit(Tok::kStringInterpol);
    return true;
  }

  // After the ':' of an f-string field: text, with nested {fields}, up to the closing '}'.
  void format_spec(char quote) {
    Tok body = quote == '"' ? Tok::kStringDouble : Tok::kStringSingle;
    while (!s_.done() && s_.peek() != '}' && s_.peek() != quote && s_.peek() != '\n') {
      if (s_.peek() == '{') {
        s_.emit(body);
        s_.emit_next(1, Tok::kStringInterpol);
        code(quote);
        if (s_.take('}')) s_.emit(Tok::kStringInterpol);
      } else {
        s_.advance();
      }
    }
    s_.emit(body);
  }

  // %-formats (%s, %(name)-5.2f) and str.format fields ({}, {0}, {name.attr[0]!r:>10}).
  bool interpolation() {
    std::string_view rest = s_.rest();
    size_t n = rest[0] == '%' ? percent_format_length(rest) : format_field_length(rest);
    if (n == 0) return false;
    s_.emit_next(n, Tok::kStringInterpol);
    return true;
  }

  static size_t percent_format_length(std::string_view t) {
    size_t i = 1;
    if (i < t.size() && t[i] == '(') {
      size_t close = t.find(')', i);
      if (close == std::string_view::npos) return 0;
      i = close + 1;
    }
    while (i < t.size() && CharSet("-#0 +").has(t[i])) ++i;
    while (i < t.size() && (kDigits.has(t[i]) || t[i] == '*')) ++i;
    if (i < t.size() && t[i] == '.') {
      ++i;
      while (i < t.size() && (kDigits.has(t[i]) || t[i] == '*')) ++i;
    }
    if (i < t.size() && CharSet("hlL").has(t[i])) ++i;
    return i < t.size() && CharSet("diouxXeEfFgGcrsa%").has(t[i]) ? i + 1 : 0;
  }

  static size_t format_field_length(std::string_view t) {
    size_t i = 1;
    while (i < t.size() && (kIdentChars.has(t[i]) || t[i] == '.' || t[i] == '[' || t[i] == ']')) ++i;
    if (i + 1 < t.size() && t[i] == '!' && CharSet("sra").has(t[i + 1])) i += 2;
    if (i < t.size() && t[i] == ':') {
      while (i < t.size() && t[i] != '}' && t[i] != '{' && t[i] != '\n' && !kQuotes.has(t[i])) ++i;
    }
    return i < t.size() && t[i] == '}' ? i + 1 : 0;
  }

  Scanner& s_;
};

}  // namespace

void lex_python(Scanner& s) { PythonLexer(s).run(); }

}  // namespace bengal::highlight
