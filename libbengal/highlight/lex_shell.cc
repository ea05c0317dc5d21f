// Bash (and sh, zsh) scripts, and console sessions: prompts, the commands after them, and
// their output.
//
// Shell has no fixed tokens: a command word runs until white space or one of the few bytes
// the shell treats specially. So keywords, builtins, numbers and assignments are recognized
// only where such a word starts, and everything else in the word is plain text.
#include "highlight/lexers.h"

namespace bengal::highlight {
namespace {

const WordTable& bash_words() {
  static const WordTable table({
      {Tok::kKeyword,
       "if fi else elif then while until do done for in case esac select function return break continue"},
      {Tok::kNameBuiltin,
       "alias bg bind builtin caller cd command compgen complete declare dirs disown echo enable eval exec exit "
       "export false fc fg getopts hash help history jobs kill let local logout popd printf pushd pwd read "
       "readonly set shift shopt source suspend test time times trap true type typeset ulimit umask unalias "
       "unset wait"},
  });
  return table;
}

constexpr CharSet kWordChars = kLetters | kDigits | "_";
// What ends a plain word: white space and the bytes with a meaning of their own.
constexpr CharSet kWordEnd = kSpaces | "=[]{}()$\"'`\\<&|;";
constexpr CharSet kBrackets = "[]{}()=";

class BashLexer {
 public:
  explicit BashLexer(Scanner& s) : s_(s) {}

  void script() {
    if (s_.at("#!")) {
      s_.skip_line();
      s_.emit(Tok::kCommentHashbang);
    }
    code(Context::kTop);
  }

 private:
  enum class Context { kTop, kBackticks, kCommand, kArithmetic, kParameter };

  // Shell code up to the end of `context`: the closing backtick, ')' of $( ), '))' of
  // $(( )) or '}' of ${ } (left for the caller), or the end of the text.
  void code(Context context) {
    while (!s_.done()) {
      char c = s_.peek();
      if (ends(context, c)) return;
      if (kSpaces.has(c)) {
        s_.skip_spaces();
      } else if (c == '#') {
        s_.skip_line();
        s_.emit(Tok::kCommentSingle);
      } else if (c == '\\') {
        s_.emit_next(2, Tok::kStringEscape);
      } else if (c == '"') {
        double_quoted();
      } else if (c == '\'') {
        s_.advance();
        s_.skip_past("'");
        s_.emit(Tok::kStringSingle);
      } else if (c == '$') {
        dollar();
      } else if (c == '`') {
        s_.emit_next(1, Tok::kStringBacktick);
        code(Context::kBackticks);
        if (s_.take('`')) s_.emit(Tok::kStringBacktick);
      } else if ((c == '&' || c == '|') && s_.peek(1) == c) {
        s_.emit_next(2, Tok::kOperator);
      } else if (c == ';' || c == '&' || c == '|') {
        s_.emit_next(1, Tok::kPunctuation);
      } else if (c == '+' && s_.peek(1) == '=') {
        s_.emit_next(2, Tok::kOperator);
      } else if (kBrackets.has(c)) {
        s_.emit_next(1, Tok::kOperator);
      } else if (c == '<') {
        less_than();
      } else if (context == Context::kArithmetic && CharSet("-+*/%^").has(c)) {
        s_.emit_next(1, Tok::kOperator);
      } else if (kWordChars.has(c)) {
        word();
      } else {
        plain_word();
      }
    }
  }

  bool ends(Context context, char c) const {
    switch (context) {
      case Context::kTop: return false;
      case Context::kBackticks: return c == '`';
      case Context::kCommand: return c == ')';
      case Context::kArithmetic: return c == ')' && s_.peek(1) == ')';
      case Context::kParameter: return c == '}';
    }
    return false;
  }

  void plain_word() {
    s_.advance();
    s_.skip_until(kWordEnd);
    s_.emit(Tok::kText);
  }

  // At a word's start: a keyword, a builtin command, a number, or NAME= / NAME+=.
  void word() {
    size_t start = s_.pos();
    std::string_view name = s_.take_word(kWordChars, kWordChars);
    Tok cls = bash_words().find(name);
    char next = s_.peek();
    if (cls == Tok::kKeyword || (cls == Tok::kNameBuiltin && (kSpaces.has(next) || next == ')' || next == '`'))) {
      s_.emit(cls);
      return;
    }
    size_t blanks = 0;
    while (kBlanks.has(s_.peek(blanks))) ++blanks;
    char after = s_.peek(blanks);
    if (after == '=' || (after == '+' && s_.peek(blanks + 1) == '=')) {
      s_.emit(Tok::kNameVariable);
      return;
    }
    if (name.find_first_not_of("0123456789") == std::string_view::npos) {
      s_.emit(Tok::kNumber);
      return;
    }
    s_.seek(start);
    plain_word();
  }

  // $name, $1, $?, ${...}, $(...), $((...)), $'...', $"...".
  void dollar() {
    char next = s_.peek(1);
    if (next == '(' && s_.peek(2) == '(') {
      s_.emit_next(3, Tok::kKeyword);
      code(Context::kArithmetic);
      if (s_.take("))")) s_.emit(Tok::kKeyword);
    } else if (next == '(') {
      s_.emit_next(2, Tok::kKeyword);
      code(Context::kCommand);
      if (s_.take(')')) s_.emit(Tok::kKeyword);
    } else if (next == '{') {
      parameter();
    } else if (next == '\'') {
      s_.advance(2);
      while (!s_.done() && s_.peek() != '\'') s_.advance(s_.peek() == '\\' ? 2 : 1);
      s_.advance();
      s_.emit(Tok::kStringSingle);
    } else if (next == '"') {
      s_.emit(Tok::kText);
      s_.advance();
      double_quoted();
    } else if ((kLetters | "_").has(next)) {
      s_.advance();
      s_.take_word(kWordChars, kWordChars);
      s_.emit(Tok::kNameVariable);
    } else if (kDigits.has(next)) {
      s_.advance();
      s_.skip(kDigits);
      s_.emit(Tok::kNameVariable);
    } else if (CharSet("#$?!_*@-").has(next) && next != '\0') {
      s_.emit_next(2, Tok::kNameVariable);
    } else {
      s_.emit_next(1, Tok::kText);
    }
  }

  // ${name:-default}, ${#array[@]}, ${path/from/to}.
  void parameter() {
    s_.emit(Tok::kText);
    s_.advance(2);
    s_.take('#');
    s_.emit(Tok::kStringInterpol);
    while (!s_.done() && s_.peek() != '}') {
      char c = s_.peek();
      if (c == ':' && s_.peek(1) == '-') {
        s_.emit_next(2, Tok::kKeyword);
      } else if (kWordChars.has(c)) {
        s_.skip(kWordChars);
        s_.emit(Tok::kNameVariable);
      } else if (c == '"' || c == '\'' || c == '`' || c == '$' || c == '\\') {
        code_piece();
      } else {
        s_.advance();  // a name ends at the first other byte; what follows is punctuation
        s_.skip_until("}:\"'`$\\");
        s_.emit(Tok::kPunctuation);
      }
    }
    if (s_.take('}')) s_.emit(Tok::kStringInterpol);
  }

  // One construct of code inside ${ }: a quoted string, an expansion or an escape.
  void code_piece() {
    size_t before = s_.pos();
    char c = s_.peek();
    if (c == '"') double_quoted();
    else if (c == '$') dollar();
    else if (c == '\\') s_.emit_next(2, Tok::kStringEscape);
    else if (c == '\'') {
      s_.advance();
      s_.skip_past("'");
      s_.emit(Tok::kStringSingle);
    } else {
      s_.emit_next(1, Tok::kStringBacktick);
      code(Context::kBackticks);
      if (s_.take('`')) s_.emit(Tok::kStringBacktick);
    }
    if (s_.pos() == before) s_.emit_next(1, Tok::kText);
  }

  // "text $var ${x} $(cmd)": backslash escapes stay part of the string.
  void double_quoted() {
    static constexpr StringSyntax syntax{
        .body = Tok::kStringDouble, .escape = Tok::kStringDouble, .multiline = true, .special = "$"};
    s_.advance();
    while (s_.string_body("\"", syntax) == StringEnd::kSpecial) {
      char next = s_.peek(1);
      if (next == '(' || next == '{' || kWordChars.has(next) || CharSet("#$?!*@-").has(next)) {
        dollar();
      } else {
        s_.advance();
        s_.emit(Tok::kStringDouble);
      }
    }
  }

  // <<< (here string), << and <<- here documents, or a plain redirection.
  void less_than() {
    if (s_.at("<<<")) return s_.emit_next(3, Tok::kOperator);
    if (!s_.at("<<") || !here_document()) s_.emit_next(1, Tok::kText);
  }

  // <<EOF, <<-EOF, <<'EOF' and <<"EOF": the rest of the line, the body and the closing
  // line are one string. False when no delimiter follows.
  bool here_document() {
    size_t start = s_.pos();
    s_.advance(2);
    bool strip_tabs = s_.take('-');
    s_.skip(kBlanks);
    char quote = s_.peek() == '\'' || s_.peek() == '"' ? s_.peek() : 0;
    if (quote != 0) s_.advance();
    s_.take('\\');
    std::string_view delimiter = s_.take_word(kWordChars, kWordChars);
    if (delimiter.empty() || (quote != 0 && !s_.take(quote))) {
      s_.seek(start);
      return false;
    }
    s_.skip_line();
    while (!s_.done()) {
      s_.advance();  // the '\n'
      if (strip_tabs) s_.skip("\t");
      bool closing = s_.at(delimiter) && (s_.peek(delimiter.size()) == '\n' || s_.pos() + delimiter.size() == s_.end());
      s_.skip_line();
      if (closing) break;
    }
    s_.emit(Tok::kStringHeredoc);
    return true;
  }

  Scanner& s_;
};

// The prompt at the start of a console line ("$ ", "# ", "% ", "user@host:~/src$ ",
// "(venv) $ "): its length, or 0 when the line is output.
size_t prompt_length(std::string_view line) {
  size_t i = 0;
  if (!line.empty() && (line[0] == '(' || line[0] == '[')) {
    size_t close = line.find(line[0] == '(' ? ')' : ']');
    if (close == std::string_view::npos || line.substr(0, close).find(' ') != std::string_view::npos) return 0;
    i = close + 1;
    while (i < line.size() && line[i] == ' ') ++i;
  }
  size_t sign = line.find_first_of("$#%", i);
  if (sign == std::string_view::npos) return 0;
  std::string_view host = line.substr(i, sign - i);  // user@host:dir, or nothing
  bool plain_host = host.find_first_of(" \t") == std::string_view::npos;
  if (!host.empty() && !(plain_host && host.find_first_of("@:") != std::string_view::npos)) return 0;
  size_t end = sign + 1;
  if (end < line.size() && line[end] != ' ' && line[end] != '\n') return 0;  // "$HOME": output
  while (end < line.size() && line[end] == ' ') ++end;
  return end;
}

}  // namespace

void lex_bash(Scanner& s) { BashLexer(s).script(); }

// Each line is a command after a prompt, a continuation of a command that ended in '\'
// (with or without a "> " prompt), or output.
void lex_console(Scanner& s) {
  bool continued = false;
  while (!s.done()) {
    std::string_view rest = s.rest();
    std::string_view line = rest.substr(0, rest.find('\n'));
    size_t prompt = continued ? (line.substr(0, 2) == "> " ? 2 : 0) : prompt_length(line);
    if (prompt == 0 && !continued) {
      s.skip_line();
      s.advance();
      s.emit(Tok::kGenericOutput);
      continue;
    }
    s.advance(prompt);
    s.emit(Tok::kGenericPrompt);
    size_t line_end = s.pos() + line.size() - prompt + 1;
    {
      Scanner::Limit limit(s, line_end);
      BashLexer(s).script();
    }
    continued = !line.empty() && line.back() == '\\';
  }
}

}  // namespace bengal::highlight
