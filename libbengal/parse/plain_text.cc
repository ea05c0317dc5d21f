#include "parse/plain_text.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "support/text.h"
#include "support/utf8.h"

namespace bengal {
namespace {

// Scripts written without spaces between words.
bool is_cjk(char32_t cp) {
  return (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
         (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x2FFFF);
}

}  // namespace

void PlainText::space() {
  if (!text_.empty() && !is_ascii_space(text_.back())) text_ += ' ';
}

void PlainText::newline() {
  if (text_.empty() || text_.back() == '\n') return;
  if (text_.back() == ' ') text_.back() = '\n';
  else text_ += '\n';
}

std::string PlainText::take() {
  while (!text_.empty() && is_ascii_space(text_.back())) text_.pop_back();
  return std::move(text_);
}

namespace {

#if defined(__SSE2__)
// Bit k set when byte k of the 16 at p is a space; -1 when one of them is not ASCII.
int space_mask(const char* p) {
  const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  if (_mm_movemask_epi8(chunk) != 0) return -1;
  // '\t' '\n' '\v' '\f' '\r' are 9 to 13; signed comparisons are right for ASCII.
  const __m128i control = _mm_and_si128(_mm_cmpgt_epi8(chunk, _mm_set1_epi8(8)), _mm_cmplt_epi8(chunk, _mm_set1_epi8(14)));
  return _mm_movemask_epi8(_mm_or_si128(control, _mm_cmpeq_epi8(chunk, _mm_set1_epi8(' '))));
}
#endif

}  // namespace

uint32_t count_words(std::string_view text) {
  uint32_t words = 0;
  bool in_word = false;
  size_t i = 0;
  while (i < text.size()) {
#if defined(__SSE2__)
    // Every byte of every page passes here: 16 ASCII bytes at a time, a word starting at
    // each byte that is not a space and follows one.
    if (text.size() - i >= 16) {
      if (int spaces = space_mask(text.data() + i); spaces >= 0) {
        unsigned follows_space = (static_cast<unsigned>(spaces) << 1 | (in_word ? 0u : 1u)) & 0xFFFF;
        words += static_cast<uint32_t>(__builtin_popcount(~static_cast<unsigned>(spaces) & follows_space));
        in_word = !(spaces & 0x8000);
        i += 16;
        continue;
      }
    }
#endif
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      bool space = is_ascii_space(text[i++]);
      if (!space && !in_word) ++words;
      in_word = !space;
      continue;
    }
    char32_t cp = decode_utf8(text, i);
    if (is_cjk(cp)) {
      ++words;
      in_word = false;
    } else if (!in_word) {
      ++words;
      in_word = true;
    }
  }
  return words;
}

std::string make_summary(std::string_view text, size_t max_chars) {
  std::string flat = collapse_whitespace(text);
  size_t i = 0, chars = 0;
  while (i < flat.size() && chars < max_chars) {
    decode_utf8(flat, i);
    ++chars;
  }
  if (i >= flat.size()) return flat;
  size_t cut = i;
  if (flat[cut] != ' ') {  // inside a word: go back to the space before it, unless the
    size_t space = flat.rfind(' ', cut);  // text has none nearby (CJK)
    if (space != std::string::npos && space > cut / 2) cut = space;
  }
  flat.resize(cut);
  while (!flat.empty() && flat.back() == ' ') flat.pop_back();
  flat += "\u2026";
  return flat;
}

}  // namespace bengal
