#include "template/escape.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace bengal::tmpl {

namespace {

const char* entity_for(char c) {
  switch (c) {
    case '&': return "&amp;";
    case '<': return "&lt;";
    case '>': return "&gt;";
    case '"': return "&#34;";
    case '\'': return "&#39;";
    default: return nullptr;
  }
}

// Offset of the first character that needs escaping at or after `from`, or text.size().
// Printed values are mostly plain text, so this scan is the hot loop of a render.
#if defined(__SSE2__)
int special_mask(const char* p) {
  const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  __m128i hits = _mm_or_si128(_mm_cmpeq_epi8(chunk, _mm_set1_epi8('&')), _mm_cmpeq_epi8(chunk, _mm_set1_epi8('<')));
  hits = _mm_or_si128(hits, _mm_cmpeq_epi8(chunk, _mm_set1_epi8('>')));
  hits = _mm_or_si128(hits, _mm_cmpeq_epi8(chunk, _mm_set1_epi8('"')));
  hits = _mm_or_si128(hits, _mm_cmpeq_epi8(chunk, _mm_set1_epi8('\'')));
  return _mm_movemask_epi8(hits);
}
#endif

// Scalar scan for strings shorter than one vector: most printed values (titles, URLs) are.
size_t next_special_scalar(std::string_view text, size_t from) {
  for (size_t i = from; i < text.size(); ++i) {
    if (entity_for(text[i])) return i;
  }
  return text.size();
}

size_t next_special(std::string_view text, size_t from) {
#if defined(__SSE2__)
  size_t n = text.size();
  if (n < 16) return next_special_scalar(text, from);
  size_t i = from;
  for (; i + 16 <= n; i += 16) {
    if (int mask = special_mask(text.data() + i)) return i + static_cast<size_t>(__builtin_ctz(mask));
  }
  if (i < n) {  // the tail: the last 16 bytes again, without the ones already scanned
    size_t start = n - 16;
    int mask = special_mask(text.data() + start) & ~((1 << (i - start)) - 1);
    if (mask) return start + static_cast<size_t>(__builtin_ctz(mask));
  }
  return n;
#else
  return next_special_scalar(text, from);
#endif
}

}  // namespace

void append_markup_escaped(std::string& out, std::string_view text) {
  size_t run = 0;  // start of the bytes not yet copied: plain text is appended in runs
  for (size_t i = next_special(text, 0); i < text.size(); i = next_special(text, i + 1)) {
    out.append(text.data() + run, i - run);
    out.append(entity_for(text[i]));
    run = i + 1;
  }
  out.append(text.data() + run, text.size() - run);
}

std::string markup_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  append_markup_escaped(out, text);
  return out;
}

}  // namespace bengal::tmpl
