#pragma once
// The toolkit every lexer is written with: character sets, a keyword table, and a scanner
// that walks the text and cuts it into tokens.
//
// A lexer moves the scanner forward and then emits what it passed over as one token:
//
//     s.skip(kIdentChars);            // "while"
//     s.emit(words.find(s.pending()));
//
// so tokens always tile the text, and adjacent tokens of one class merge as they are
// emitted. The scanner never allocates except to append tokens.
#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <vector>

#include "highlight/token.h"

namespace bengal::highlight {

// A set of bytes, usable in constant expressions.
class CharSet {
 public:
  constexpr CharSet() = default;
  constexpr CharSet(const char* chars) {  // NOLINT: implicit, so a literal reads as a set
    for (; *chars != '\0'; ++chars) add(*chars);
  }
  static constexpr CharSet range(unsigned char first, unsigned char last) {
    CharSet set;
    for (unsigned c = first; c <= last; ++c) set.add(static_cast<char>(c));
    return set;
  }
  constexpr CharSet operator|(CharSet other) const {
    CharSet set = *this;
    for (int i = 0; i < 4; ++i) set.bits_[i] |= other.bits_[i];
    return set;
  }
  constexpr bool has(char c) const {
    auto u = static_cast<unsigned char>(c);
    return (bits_[u >> 6] >> (u & 63)) & 1;
  }

 private:
  constexpr void add(char c) {
    auto u = static_cast<unsigned char>(c);
    bits_[u >> 6] |= uint64_t{1} << (u & 63);
  }
  uint64_t bits_[4] = {};
};

inline constexpr CharSet kDigits = CharSet::range('0', '9');
inline constexpr CharSet kHexDigits = kDigits | CharSet::range('a', 'f') | CharSet::range('A', 'F');
inline constexpr CharSet kLetters = CharSet::range('a', 'z') | CharSet::range('A', 'Z');
// Bytes of UTF-8 sequences count as letters: names in any script stay whole.
inline constexpr CharSet kNonAscii = CharSet::range(0x80, 0xFF);
inline constexpr CharSet kIdentStart = kLetters | kNonAscii | "_";
inline constexpr CharSet kIdentChars = kIdentStart | kDigits;
inline constexpr CharSet kBlanks = " \t\r\f\v";     // white space within a line
inline constexpr CharSet kSpaces = kBlanks | "\n";  // any white space

// Maps words (keywords, builtins, types) to their token class. Built once per language from
// space-separated lists; a lookup hashes the word and compares one or two entries.
class WordTable {
 public:
  struct Group {
    Tok cls;
    std::string_view words;  // space-separated; must outlive the table (a literal)
  };
  explicit WordTable(std::initializer_list<Group> groups, bool ignore_case = false);

  // The word's class, or kText when the word is not in the table.
  Tok find(std::string_view word) const;
  bool contains(std::string_view word) const { return find(word) != Tok::kText; }

 private:
  struct Entry {
    std::string_view word;
    Tok cls = Tok::kText;
  };
  uint32_t hash(std::string_view word) const;
  bool same(std::string_view a, std::string_view b) const;

  std::vector<Entry> entries_;  // open addressing; the size is a power of two
  uint32_t mask_ = 0;
  bool ignore_case_;
};

// Number literals in the common C-like shape: 0x/0o/0b prefixes, digit separators,
// fractions and exponents. Languages differ in these settings; suffixes (C's UL, Rust's
// u32) are left to the lexer.
struct NumberSyntax {
  CharSet separators = "_";   // allowed between digits
  bool octal_prefix = true;   // 0o17
  bool binary_prefix = true;  // 0b101
  bool leading_dot = true;    // .5 is a number
  bool trailing_dot = true;   // 1. is a float (not 1 followed by a member access)
  bool hex_prefix = true;     // 0xFF
};

// How a language writes a quoted string: its text and quotes in `body`, backslash escapes
// in `escape` (the same class as `body` where a language does not mark them).
struct StringSyntax {
  Tok body = Tok::kString;
  Tok escape = Tok::kStringEscape;
  bool multiline = false;  // a newline does not end the string
  bool escapes = true;     // backslash escapes exist at all (not in raw strings)
  CharSet special = "";    // bytes where string_body stops for the lexer (interpolation)
};

enum class StringEnd { kClosed, kSpecial, kUnclosed };

class Scanner {
 public:
  Scanner(std::string_view text, Tokens& out);

  // ----- where the scanner is -----
  bool done() const { return pos_ >= end_; }
  size_t pos() const { return pos_; }
  size_t end() const { return end_; }
  // The byte `ahead` bytes on, or '\0' past the end.
  char peek(size_t ahead = 0) const { return pos_ + ahead < end_ ? text_[pos_ + ahead] : '\0'; }
  // The byte before the scanner, or '\n' at the start (so the start counts as a line start).
  char before() const { return pos_ > 0 ? text_[pos_ - 1] : '\n'; }
  bool at(std::string_view s) const {
    // The first byte rules out most candidates without a call to memcmp.
    return !s.empty() && pos_ < end_ && text_[pos_] == s[0] && s.size() <= end_ - pos_ &&
           text_.compare(pos_ + 1, s.size() - 1, s.substr(1)) == 0;
  }
  bool at_any(CharSet set) const { return !done() && set.has(text_[pos_]); }
  // At `word` and not inside a longer word made of `word_chars`.
  bool at_word(std::string_view word, CharSet word_chars = kIdentChars) const;
  bool at_line_start() const { return before() == '\n'; }
  std::string_view rest() const { return text_.substr(pos_, end_ - pos_); }
  std::string_view text() const { return text_; }
  // What the scanner passed over since the last emit.
  std::string_view pending() const { return text_.substr(mark_, pos_ - mark_); }
  size_t pending_start() const { return mark_; }

  // ----- moving -----
  void advance(size_t n = 1) { pos_ = pos_ + n < end_ ? pos_ + n : end_; }
  void seek(size_t pos) { pos_ = pos < end_ ? pos : end_; }
  bool take(char c);
  bool take(std::string_view s);
  bool take_any(CharSet set);      // one byte of the set
  size_t skip(CharSet set);        // all bytes of the set; returns how many
  size_t skip_until(CharSet set);  // to the first byte of the set (or the end)
  void skip_line();                // to the line's '\n', not past it
  void advance_char();             // one character: all the bytes of a UTF-8 sequence
  // Past the first `delimiter`, or to the end when there is none. False at the end.
  bool skip_past(std::string_view delimiter);
  // A name: one byte of `first`, then any of `rest`. Empty (and no move) when none.
  std::string_view take_word(CharSet first = kIdentStart, CharSet rest = kIdentChars);
  // A number in the given syntax, if one starts here; returns its class (mi, mf, mh, mo, mb)
  // or kText when none does (and does not move).
  Tok take_number(const NumberSyntax& syntax);

  // The string whose opening `quote` is here, through its closing quote, for strings
  // without specials.
  void scan_string(std::string_view quote, const StringSyntax& syntax);
  // A string's text from here through the closing `quote`, emitted. Stops before a byte of
  // syntax.special, which the lexer then handles, and calls again. An unclosed string ends
  // at the line's end, or at the text's end when multiline.
  StringEnd string_body(std::string_view quote, const StringSyntax& syntax);
  // A character literal ('a', '\n', '\x41', '\u00e9', 'é') from its opening quote, emitted
  // as `cls`. False (not moving) when no closing quote follows the one character.
  bool take_char_literal(Tok cls);
  // A // line comment or a /* block comment */ (to the end when unclosed), emitted as c1 or
  // cm. False when neither starts here.
  bool take_c_comment();
  // How long the backslash escape here is (the backslash included): \n, \x41, \u{1F600},
  // \N{DASH}, \012; 1 when the backslash ends the text.
  size_t escape_length() const;

  // ----- emitting -----
  // What was passed over since the last emit becomes one token of `cls`.
  void emit(Tok cls);
  // Emits the pending text as kText, then `n` more bytes as `cls`.
  void emit_next(size_t n, Tok cls);
  // Emits pending text, then white space (newlines too) as kText.
  void skip_spaces();
  // Emits pending text, then blanks within the line as kText.
  void skip_blanks();

  // Runs another language's lexer over [pos, end): a script in HTML, a command in a
  // Dockerfile, a fenced block in Markdown.
  void embed(void (*lex)(Scanner& s), size_t end);

  // Limits the scanner to [pos, end) while a nested lexer runs, restoring the old end when
  // it goes out of scope.
  class Limit {
   public:
    Limit(Scanner& s, size_t end) : s_(s), old_end_(s.end_) { s.end_ = end < old_end_ ? end : old_end_; }
    ~Limit() { s_.end_ = old_end_; }
    Limit(const Limit&) = delete;
    Limit& operator=(const Limit&) = delete;

   private:
    Scanner& s_;
    size_t old_end_;
  };

 private:
  void push(Tok cls, size_t end);

  std::string_view text_;
  Tokens& out_;
  size_t pos_ = 0;
  size_t mark_ = 0;  // start of the pending text
  size_t end_;
};

}  // namespace bengal::highlight
