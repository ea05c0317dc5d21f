#include "highlight/scanner.h"

#include <algorithm>
#include <cstring>

namespace bengal::highlight {
namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c; }

}  // namespace

// ----- WordTable -----

WordTable::WordTable(std::initializer_list<Group> groups, bool ignore_case) : ignore_case_(ignore_case) {
  std::vector<Entry> words;
  for (const Group& group : groups) {
    std::string_view list = group.words;
    while (!list.empty()) {
      size_t space = std::min(list.find(' '), list.size());
      if (space > 0) words.push_back({list.substr(0, space), group.cls});
      list.remove_prefix(std::min(space + 1, list.size()));
    }
  }
  size_t size = 16;
  while (size < words.size() * 3) size *= 2;  // at most a third full: probes stay short
  entries_.resize(size);
  mask_ = static_cast<uint32_t>(size - 1);
  for (const Entry& word : words) {
    uint32_t slot = hash(word.word) & mask_;
    while (!entries_[slot].word.empty() && !same(entries_[slot].word, word.word)) slot = (slot + 1) & mask_;
    if (entries_[slot].word.empty()) entries_[slot] = word;  // the first group that lists a word wins
  }
}

// FNV-1a; keywords are short, so hashing every byte is cheap.
uint32_t WordTable::hash(std::string_view word) const {
  uint32_t h = 2166136261u;
  for (char c : word) h = (h ^ static_cast<unsigned char>(ignore_case_ ? lower(c) : c)) * 16777619u;
  return h;
}

bool WordTable::same(std::string_view a, std::string_view b) const {
  if (a.size() != b.size()) return false;
  if (!ignore_case_) return a == b;
  for (size_t i = 0; i < a.size(); ++i) {
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

Tok WordTable::find(std::string_view word) const {
  if (word.empty()) return Tok::kText;
  for (uint32_t slot = hash(word) & mask_;; slot = (slot + 1) & mask_) {
    const Entry& entry = entries_[slot];
    if (entry.word.empty()) return Tok::kText;
    if (same(entry.word, word)) return entry.cls;
  }
}

// ----- Scanner -----

Scanner::Scanner(std::string_view text, Tokens& out) : text_(text), out_(out), end_(text.size()) {}

bool Scanner::at_word(std::string_view word, CharSet word_chars) const {
  if (!at(word)) return false;
  if (pos_ > 0 && word_chars.has(text_[pos_ - 1])) return false;
  return pos_ + word.size() >= end_ || !word_chars.has(text_[pos_ + word.size()]);
}

bool Scanner::take(char c) {
  if (done() || text_[pos_] != c) return false;
  ++pos_;
  return true;
}

bool Scanner::take(std::string_view s) {
  if (!at(s)) return false;
  pos_ += s.size();
  return true;
}

bool Scanner::take_any(CharSet set) {
  if (!at_any(set)) return false;
  ++pos_;
  return true;
}

size_t Scanner::skip(CharSet set) {
  size_t start = pos_;
  while (pos_ < end_ && set.has(text_[pos_])) ++pos_;
  return pos_ - start;
}

size_t Scanner::skip_until(CharSet set) {
  size_t start = pos_;
  while (pos_ < end_ && !set.has(text_[pos_])) ++pos_;
  return pos_ - start;
}

void Scanner::skip_line() {
  const void* nl = std::memchr(text_.data() + pos_, '\n', end_ - pos_);
  pos_ = nl == nullptr ? end_ : static_cast<size_t>(static_cast<const char*>(nl) - text_.data());
}

void Scanner::advance_char() {
  if (pos_ >= end_) return;
  ++pos_;
  while (pos_ < end_ && (static_cast<unsigned char>(text_[pos_]) & 0xC0) == 0x80) ++pos_;
}

bool Scanner::skip_past(std::string_view delimiter) {
  size_t at = rest().find(delimiter);
  if (at == std::string_view::npos) {
    pos_ = end_;
    return false;
  }
  pos_ += at + delimiter.size();
  return true;
}

std::string_view Scanner::take_word(CharSet first, CharSet rest) {
  size_t start = pos_;
  if (!take_any(first)) return {};
  skip(rest);
  return text_.substr(start, pos_ - start);
}

Tok Scanner::take_number(const NumberSyntax& syntax) {
  size_t start = pos_;
  // Digits of `set`, a separator allowed before each (0x_FF, 1_000).
  auto digits = [&](CharSet set) {
    size_t n = 0;
    for (;;) {
      if (set.has(peek())) {
        ++n;
        advance();
      } else if (syntax.separators.has(peek()) && set.has(peek(1))) {
        advance();
      } else {
        return n;
      }
    }
  };
  // 0x, 0b or 0o, then digits of `set`.
  auto prefixed = [&](char letter, CharSet set) {
    if (peek() != '0' || (peek(1) | 0x20) != letter) return false;
    size_t start = pos_;
    advance(2);
    if (digits(set) > 0) return true;
    pos_ = start;
    return false;
  };
  char c = peek();
  if (syntax.hex_prefix && prefixed('x', kHexDigits)) return Tok::kNumberHex;
  if (syntax.binary_prefix && prefixed('b', "01")) return Tok::kNumberBin;
  if (syntax.octal_prefix && prefixed('o', CharSet::range('0', '7'))) return Tok::kNumberOct;
  bool is_float = false;
  if (c == '.') {
    if (!syntax.leading_dot || !kDigits.has(peek(1))) return Tok::kText;
  } else if (!kDigits.has(c)) {
    return Tok::kText;
  } else {
    digits(kDigits);
  }
  if (peek() == '.' && (kDigits.has(peek(1)) || (syntax.trailing_dot && !kIdentStart.has(peek(1)) && peek(1) != '.'))) {
    advance();
    digits(kDigits);
    is_float = true;
  }
  if ((peek() == 'e' || peek() == 'E') &&
      (kDigits.has(peek(1)) || ((peek(1) == '+' || peek(1) == '-') && kDigits.has(peek(2))))) {
    advance(2);
    digits(kDigits);
    is_float = true;
  }
  if (pos_ == start) return Tok::kText;
  return is_float ? Tok::kNumberFloat : Tok::kNumberInteger;
}

size_t Scanner::escape_length() const {
  auto run = [&](size_t from, CharSet set, size_t max) {
    size_t n = 0;
    while (n < max && set.has(peek(from + n))) ++n;
    return n;
  };
  char c = peek(1);
  if (c == '\0' && pos_ + 1 >= end_) return 1;
  switch (c) {
    case 'x': return 2 + run(2, kHexDigits, 2);
    case 'u':
    case 'N':
      if (peek(2) == '{') {
        size_t close = rest().find('}', 3);
        size_t line = rest().find('\n');
        if (close != std::string_view::npos && close < line) return close + 1;
      }
      return c == 'u' ? 2 + run(2, kHexDigits, 4) : 2;
    case 'U': return 2 + run(2, kHexDigits, 8);
    default:
      if (c >= '0' && c <= '7') return 1 + run(1, CharSet::range('0', '7'), 3);
      // One character, all of it when it is a UTF-8 sequence.
      size_t n = 2;
      while (kNonAscii.has(peek(n)) && (static_cast<unsigned char>(peek(n)) & 0xC0) == 0x80) ++n;
      return n;
  }
}

bool Scanner::take_char_literal(Tok cls) {
  size_t start = pos_;
  advance();
  if (peek() == '\\') advance(escape_length());
  else if (peek() != '\'' && peek() != '\n') advance_char();
  if (take('\'')) {
    emit(cls);
    return true;
  }
  pos_ = start;
  return false;
}

bool Scanner::take_c_comment() {
  if (at("//")) {
    skip_line();
    emit(Tok::kCommentSingle);
    return true;
  }
  if (!at("/*")) return false;
  advance(2);
  skip_past("*/");
  emit(Tok::kCommentMultiline);
  return true;
}

void Scanner::scan_string(std::string_view quote, const StringSyntax& syntax) {
  advance(quote.size());
  string_body(quote, syntax);
}

StringEnd Scanner::string_body(std::string_view quote, const StringSyntax& syntax) {
  StringEnd result = StringEnd::kUnclosed;
  while (pos_ < end_) {
    char c = text_[pos_];
    if (c == quote[0] && at(quote)) {
      pos_ += quote.size();
      result = StringEnd::kClosed;
      break;
    }
    if (c == '\n' && !syntax.multiline) break;
    if (c == '\\' && syntax.escapes) {
      emit(syntax.body);
      advance(escape_length());
      emit(syntax.escape);
      continue;
    }
    if (syntax.special.has(c)) {
      result = StringEnd::kSpecial;
      break;
    }
    ++pos_;
  }
  emit(syntax.body);
  return result;
}

void Scanner::embed(void (*lex)(Scanner& s), size_t end) {
  emit(Tok::kText);
  {
    Limit limit(*this, end);
    lex(*this);
    seek(end);
    emit(Tok::kText);  // what the nested lexer left
  }
}

void Scanner::push(Tok cls, size_t end) {
  if (!out_.empty() && out_.back().cls == cls) {
    out_.back().end = static_cast<uint32_t>(end);
  } else {
    out_.push_back({static_cast<uint32_t>(end), cls});
  }
}

void Scanner::emit(Tok cls) {
  if (pos_ > mark_) push(cls, pos_);
  mark_ = pos_;
}

void Scanner::emit_next(size_t n, Tok cls) {
  emit(Tok::kText);
  advance(n);
  emit(cls);
}

void Scanner::skip_spaces() {
  emit(Tok::kText);
  skip(kSpaces);
  emit(Tok::kText);
}

void Scanner::skip_blanks() {
  emit(Tok::kText);
  skip(kBlanks);
  emit(Tok::kText);
}

}  // namespace bengal::highlight
