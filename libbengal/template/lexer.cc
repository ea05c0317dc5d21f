#include "template/lexer.h"

#include <algorithm>

#include "template/error.h"
#include "template/unicode.h"

namespace bengal::tmpl {

std::string normalize_source(std::string_view source, bool keep_trailing_newline) {
  std::string out;
  out.reserve(source.size());
  for (size_t i = 0; i < source.size();) {  // the text between line ends is copied in runs
    size_t cr = std::min(source.find('\r', i), source.size());
    out.append(source, i, cr - i);
    if (cr == source.size()) break;
    out += '\n';
    i = cr + 1 < source.size() && source[cr + 1] == '\n' ? cr + 2 : cr + 1;
  }
  if (!keep_trailing_newline && !out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_name_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (c & 0x80); }
bool is_name_char(char c) { return is_name_start(c) || is_digit(c); }

struct OperatorSpelling {
  std::string_view text;
  Tok type;
};
constexpr OperatorSpelling kOperators[] = {
    {"//", Tok::kFloorDiv}, {"**", Tok::kPow}, {"==", Tok::kEq}, {"!=", Tok::kNe}, {">=", Tok::kGe},
    {"<=", Tok::kLe}, {"+", Tok::kAdd}, {"-", Tok::kSub}, {"/", Tok::kDiv}, {"*", Tok::kMul},
    {"%", Tok::kMod}, {"~", Tok::kTilde}, {"[", Tok::kLBracket}, {"]", Tok::kRBracket},
    {"(", Tok::kLParen}, {")", Tok::kRParen}, {"{", Tok::kLBrace}, {"}", Tok::kRBrace},
    {">", Tok::kGt}, {"<", Tok::kLt}, {"=", Tok::kAssign}, {".", Tok::kDot}, {":", Tok::kColon},
    {"|", Tok::kPipe}, {",", Tok::kComma}, {";", Tok::kSemicolon},
};

class Lexer {
 public:
  Lexer(std::string_view src, const LexOptions& options) : src_(src), options_(options) {}

  std::vector<Token> run() {
    while (pos_ < src_.size()) {
      size_t tag = find_tag_start(pos_);
      if (tag == std::string_view::npos) {
        emit_data(pos_, src_.size());
        break;
      }
      lex_tag(tag);
    }
    tokens_.push_back({Tok::kEof, static_cast<uint32_t>(src_.size()), {}});
    return std::move(tokens_);
  }

 private:
  [[noreturn]] void fail(size_t offset, std::string message) {
    throw SyntaxError{static_cast<uint32_t>(offset), std::move(message)};
  }

  size_t find_tag_start(size_t from) const {
    for (size_t i = src_.find('{', from); i != std::string_view::npos; i = src_.find('{', i + 1)) {
      if (i + 1 < src_.size() && (src_[i + 1] == '{' || src_[i + 1] == '%' || src_[i + 1] == '#')) return i;
    }
    return std::string_view::npos;
  }

  void emit_data(size_t begin, size_t end) {
    if (end > begin) tokens_.push_back({Tok::kData, static_cast<uint32_t>(begin), src_.substr(begin, end - begin)});
  }

  // Whitespace control for the text before a tag: '-' strips all of it, and lstrip_blocks
  // strips the indentation before a block or comment tag that starts its line.
  void emit_text_before(size_t begin, size_t end, char sign, bool is_variable) {
    std::string_view text = src_.substr(begin, end - begin);
    if (sign == '-') {
      text = rstrip_spaces(text);
    } else if (sign != '+' && options_.lstrip_blocks && !is_variable) {
      size_t line_start = text.rfind('\n');
      line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
      if ((line_start > 0 || line_starting_) && line_start < text.size() &&
          strip_spaces(text.substr(line_start)).empty()) {
        text = text.substr(0, line_start);
      }
    }
    emit_data(begin, begin + text.size());
  }

  size_t skip_spaces(size_t i) const {
    while (i < src_.size()) {
      size_t next = i;
      if (!is_space(next_code_point(src_, next))) break;
      i = next;
    }
    return i;
  }

  bool word_at(size_t i, std::string_view word) const {
    return src_.substr(i, word.size()) == word && (i + word.size() >= src_.size() || !is_name_char(src_[i + word.size()]));
  }

  // The end of a block tag at i ("+%}", "-%}" plus whitespace, "%}" plus one newline with
  // trim_blocks), or npos.
  size_t block_end_at(size_t i) const {
    if ((src_[i] == '+' || src_[i] == '-') && src_.substr(i + 1, 2) == "%}") {
      return src_[i] == '-' ? skip_spaces(i + 3) : i + 3;
    }
    if (src_.substr(i, 2) == "%}") return trim_newline(i + 2);
    return std::string_view::npos;
  }

  size_t trim_newline(size_t i) const {
    return options_.trim_blocks && i < src_.size() && src_[i] == '\n' ? i + 1 : i;
  }

  // Sets line_starting_ as Jinja does: whether the last match ended with a newline.
  void finish_match(size_t end) {
    line_starting_ = end > 0 && src_[end - 1] == '\n';
    pos_ = end;
  }

  void lex_tag(size_t tag) {
    char kind = src_[tag + 1];
    char sign = tag + 2 < src_.size() && (src_[tag + 2] == '-' || src_[tag + 2] == '+') ? src_[tag + 2] : 0;
    size_t body = tag + 2 + (sign ? 1 : 0);
    if (kind == '%') {
      size_t raw_end = raw_begin_end(body);
      if (raw_end != std::string_view::npos) {
        emit_text_before(pos_, tag, sign, false);
        finish_match(raw_end);
        lex_raw(tag);
        return;
      }
    }
    emit_text_before(pos_, tag, sign, kind == '{');
    if (kind == '#') {
      lex_comment(tag, body);
    } else {
      lex_expression_tag(tag, body, kind == '{');
    }
  }

  size_t raw_begin_end(size_t body) const {
    size_t i = skip_spaces(body);
    if (!word_at(i, "raw")) return std::string_view::npos;
    i = skip_spaces(i + 3);
    if (src_.substr(i, 3) == "-%}") return skip_spaces(i + 3);
    if (src_.substr(i, 2) == "%}") return i + 2;  // no trim_blocks after {% raw %}, as in Jinja
    return std::string_view::npos;
  }

  void lex_raw(size_t raw_tag) {
    for (size_t i = src_.find("{%", pos_); i != std::string_view::npos; i = src_.find("{%", i + 1)) {
      char sign = i + 2 < src_.size() && (src_[i + 2] == '-' || src_[i + 2] == '+') ? src_[i + 2] : 0;
      size_t j = skip_spaces(i + 2 + (sign ? 1 : 0));
      if (!word_at(j, "endraw")) continue;
      j = skip_spaces(j + 6);
      size_t end = j < src_.size() ? block_end_at(j) : std::string_view::npos;
      if (end == std::string_view::npos) continue;
      emit_text_before(pos_, i, sign, false);
      finish_match(end);
      return;
    }
    fail(raw_tag, "missing end of raw directive: expected '{% endraw %}' before the end of the template");
  }

  void lex_comment(size_t tag, size_t body) {
    for (size_t j = src_.find("#}", body); j != std::string_view::npos; j = src_.find("#}", j + 1)) {
      char before = j > body ? src_[j - 1] : 0;
      size_t end = before == '-' ? skip_spaces(j + 2) : before == '+' ? j + 2 : trim_newline(j + 2);
      finish_match(end);
      return;
    }
    fail(tag, "missing end of comment tag: expected '#}' before the end of the template");
  }

  void lex_expression_tag(size_t tag, size_t body, bool is_variable) {
    tokens_.push_back({is_variable ? Tok::kVariableBegin : Tok::kBlockBegin, static_cast<uint32_t>(tag),
                       src_.substr(tag, body - tag)});
    std::vector<char> balance;  // closing brackets expected; tag ends only when empty
    size_t i = body;
    while (i < src_.size()) {
      if (balance.empty()) {
        size_t end = is_variable ? variable_end_at(i) : block_end_at(i);
        if (end != std::string_view::npos) {
          tokens_.push_back({is_variable ? Tok::kVariableEnd : Tok::kBlockEnd, static_cast<uint32_t>(i),
                             src_.substr(i, end - i)});
          finish_match(end);
          return;
        }
      }
      size_t after_space = skip_spaces(i);
      if (after_space != i) {
        i = after_space;
        continue;
      }
      i = lex_token(i, balance);
    }
    fail(tag, std::string("unclosed '") + (is_variable ? "{{" : "{%") + "': expected '" +
                  (is_variable ? "}}" : "%}") + "' before the end of the template");
  }

  size_t variable_end_at(size_t i) const {
    if (src_[i] == '-' && src_.substr(i + 1, 2) == "}}") return skip_spaces(i + 3);
    if (src_.substr(i, 2) == "}}") return i + 2;
    return std::string_view::npos;
  }

  size_t lex_token(size_t i, std::vector<char>& balance) {
    if (size_t end = number_end(i); end != i) return end;
    char c = src_[i];
    if (is_name_start(c)) {
      size_t end = i + 1;
      while (end < src_.size() && is_name_char(src_[end])) ++end;
      return push(Tok::kName, i, end);
    }
    if (c == '\'' || c == '"') return push(Tok::kString, i, string_end(i));
    for (const auto& op : kOperators) {
      if (src_.substr(i, op.text.size()) == op.text) {
        track_balance(op.type, i, balance);
        return push(op.type, i, i + op.text.size());
      }
    }
    fail(i, "unexpected character '" + std::string(1, c) + "'");
  }

  size_t push(Tok type, size_t begin, size_t end) {
    tokens_.push_back({type, static_cast<uint32_t>(begin), src_.substr(begin, end - begin)});
    return end;
  }

  void track_balance(Tok type, size_t i, std::vector<char>& balance) {
    char close = type == Tok::kLParen ? ')' : type == Tok::kLBracket ? ']' : type == Tok::kLBrace ? '}' : 0;
    if (close) {
      balance.push_back(close);
      return;
    }
    if (type != Tok::kRParen && type != Tok::kRBracket && type != Tok::kRBrace) return;
    if (balance.empty()) fail(i, "unexpected '" + std::string(1, src_[i]) + "'");
    if (balance.back() != src_[i]) {
      fail(i, "unexpected '" + std::string(1, src_[i]) + "', expected '" + std::string(1, balance.back()) + "'");
    }
    balance.pop_back();
  }

  // Digits with single underscores between them, from i; returns the end.
  size_t digits_end(size_t i, bool (*digit)(char)) const {
    size_t end = i;
    while (end < src_.size() && digit(src_[end])) {
      ++end;
      if (end + 1 < src_.size() && src_[end] == '_' && digit(src_[end + 1])) ++end;
    }
    return end;
  }

  // A float or integer literal at i: pushes it and returns its end, or returns i.
  size_t number_end(size_t i) {
    if (!is_digit(src_[i])) return i;
    if (i > 0 && src_[i - 1] == '.') return push(Tok::kInteger, i, digits_end(i, is_digit));  // x.0.1
    if (src_[i] == '0' && i + 1 < src_.size()) {
      char p = static_cast<char>(src_[i + 1] | 0x20);
      auto radix_digit = p == 'x' ? +[](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; }
                       : p == 'o' ? +[](char c) { return c >= '0' && c <= '7'; }
                       : p == 'b' ? +[](char c) { return c == '0' || c == '1'; }
                                  : nullptr;
      if (radix_digit) {
        size_t start = i + 2 + (i + 2 < src_.size() && src_[i + 2] == '_' ? 1 : 0);
        size_t end = digits_end(start, radix_digit);
        if (end > start) return push(Tok::kInteger, i, end);
      }
    }
    size_t end = digits_end(i, is_digit);
    bool is_float = false;
    if (end + 1 < src_.size() && src_[end] == '.' && is_digit(src_[end + 1])) {
      end = digits_end(end + 1, is_digit);
      is_float = true;
    }
    if (end < src_.size() && (src_[end] | 0x20) == 'e') {
      size_t e = end + 1;
      if (e < src_.size() && (src_[e] == '+' || src_[e] == '-')) ++e;
      if (e < src_.size() && is_digit(src_[e])) {
        end = digits_end(e, is_digit);
        is_float = true;
      }
    }
    return push(is_float ? Tok::kFloat : Tok::kInteger, i, end);
  }

  size_t string_end(size_t i) {
    char quote = src_[i];
    for (size_t j = i + 1; j < src_.size(); ++j) {
      if (src_[j] == '\\') {
        ++j;
      } else if (src_[j] == quote) {
        return j + 1;
      }
    }
    fail(i, "unterminated string literal");
  }

  std::string_view src_;
  LexOptions options_;
  std::vector<Token> tokens_;
  size_t pos_ = 0;
  bool line_starting_ = true;
};

}  // namespace

std::vector<Token> tokenize(std::string_view source, const LexOptions& options) {
  return Lexer(source, options).run();
}

std::string describe_tok(Tok type) {
  switch (type) {
    case Tok::kData: return "template data";
    case Tok::kVariableBegin: return "'{{'";
    case Tok::kVariableEnd: return "'}}'";
    case Tok::kBlockBegin: return "'{%'";
    case Tok::kBlockEnd: return "'%}'";
    case Tok::kName: return "name";
    case Tok::kString: return "string";
    case Tok::kInteger: return "integer";
    case Tok::kFloat: return "float";
    case Tok::kEof: return "end of template";
    default: break;
  }
  for (const auto& op : kOperators) {
    if (op.type == type) return quoted(op.text);
  }
  return "token";
}

std::string describe_token(const Token& token) {
  switch (token.type) {
    case Tok::kName: case Tok::kString: case Tok::kInteger: case Tok::kFloat:
      return quoted(token.text);
    case Tok::kVariableEnd: case Tok::kBlockEnd: return quoted(token.text);
    default: return describe_tok(token.type);
  }
}

}  // namespace bengal::tmpl
