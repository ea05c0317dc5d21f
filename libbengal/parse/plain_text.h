#pragma once
// The plain text of a page (for search, summaries and word counts), collected while walking
// the Markdown tree: inline text is appended, blocks end with a newline, soft breaks and
// table cells become spaces, and separators never repeat.
#include <cstdint>
#include <string>
#include <string_view>

namespace bengal {

class PlainText {
 public:
  void append(std::string_view s) { text_.append(s); }
  void space();    // between words: soft and hard breaks, table cells
  void newline();  // after a block

  size_t size() const { return text_.size(); }
  std::string_view since(size_t offset) const { return std::string_view(text_).substr(offset); }
  void truncate(size_t size) { text_.resize(size); }
  // The collected text with trailing whitespace removed; leaves this object empty.
  std::string take();

 private:
  std::string text_;
};

// Words separated by whitespace; each CJK ideograph or kana counts as a word of its own.
uint32_t count_words(std::string_view text);

// `text` (whitespace collapsed) cut at a word boundary to at most `max_chars` code points,
// with "…" appended when it was cut.
std::string make_summary(std::string_view text, size_t max_chars = 300);

}  // namespace bengal
