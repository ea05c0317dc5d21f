#include "support/slug.h"

#include <cstring>

#include "support/utf8.h"

namespace bengal {
namespace {

struct Range {
  char32_t first, last;
};

// Punctuation, symbols and format characters outside ASCII that GitHub drops from ids.
// Sorted, so a binary search finds a code point.
constexpr Range kDropped[] = {
    {0x00A0, 0x00A9}, {0x00AB, 0x00B4}, {0x00B6, 0x00B9}, {0x00BB, 0x00BF}, {0x00D7, 0x00D7},
    {0x00F7, 0x00F7}, {0x02C2, 0x02C5}, {0x02D2, 0x02DF}, {0x02E5, 0x02EB}, {0x02ED, 0x02ED},
    {0x02EF, 0x02FF}, {0x0375, 0x0375}, {0x037E, 0x037E}, {0x0384, 0x0385}, {0x0387, 0x0387},
    {0x03F6, 0x03F6}, {0x0482, 0x0482}, {0x055A, 0x055F}, {0x0589, 0x058A}, {0x2000, 0x203E},
    {0x2041, 0x2053}, {0x2055, 0x206F}, {0x20A0, 0x20CF}, {0x2190, 0x2BFF}, {0x2E00, 0x2E7F},
    {0x3000, 0x3004}, {0x3008, 0x3020}, {0x3030, 0x3030}, {0x303D, 0x303F}, {0x30FB, 0x30FB},
    {0xFE00, 0xFE1F}, {0xFE30, 0xFE32}, {0xFE35, 0xFE4C}, {0xFE50, 0xFE6F}, {0xFEFF, 0xFEFF},
    {0xFF01, 0xFF0F}, {0xFF1A, 0xFF20}, {0xFF3B, 0xFF3E}, {0xFF40, 0xFF40}, {0xFF5B, 0xFF65},
    {0xFFE0, 0xFFEE}, {0xFFF9, 0xFFFD}, {0x1F000, 0x1FAFF}, {0xE0000, 0xE007F},
};

bool is_dropped(char32_t cp) {
  size_t lo = 0, hi = std::size(kDropped);
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (cp < kDropped[mid].first) hi = mid;
    else if (cp > kDropped[mid].last) lo = mid + 1;
    else return true;
  }
  return false;
}

// Upper-case letters that come in (upper, lower) pairs at (even, odd) or (odd, even) code
// points, as most of Latin Extended-A and the extended Cyrillic letters do.
char32_t lower_pair(char32_t cp, bool upper_is_even) { return (cp % 2 == 0) == upper_is_even ? cp + 1 : cp; }

char32_t lower_latin(char32_t cp) {
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 0x20;
  if (cp == 0x130) return U'i';
  if (cp == 0x178) return 0xFF;
  if ((cp >= 0x100 && cp <= 0x12F) || (cp >= 0x132 && cp <= 0x137) || (cp >= 0x14A && cp <= 0x177)) {
    return lower_pair(cp, true);
  }
  if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E)) return lower_pair(cp, false);
  return cp;
}

char32_t lower_greek(char32_t cp) {
  if (cp == 0x386) return 0x3AC;
  if (cp >= 0x388 && cp <= 0x38A) return cp + 0x25;
  if (cp == 0x38C) return 0x3CC;
  if (cp == 0x38E || cp == 0x38F) return cp + 0x3F;
  if (cp >= 0x391 && cp <= 0x3AB && cp != 0x3A2) return cp + 0x20;
  if (cp >= 0x3D8 && cp <= 0x3EF) return lower_pair(cp, true);
  return cp;
}

char32_t lower_cyrillic(char32_t cp) {
  if (cp >= 0x400 && cp <= 0x40F) return cp + 0x50;
  if (cp >= 0x410 && cp <= 0x42F) return cp + 0x20;
  if (cp == 0x4C0) return 0x4CF;
  if ((cp >= 0x460 && cp <= 0x481) || (cp >= 0x48A && cp <= 0x4BF) || (cp >= 0x4D0 && cp <= 0x52F)) {
    return lower_pair(cp, true);
  }
  if (cp >= 0x4C1 && cp <= 0x4CE) return lower_pair(cp, false);
  return cp;
}

char32_t to_lower(char32_t cp) {
  if (cp < 0x80) return (cp >= 'A' && cp <= 'Z') ? cp + 0x20 : cp;
  if (cp < 0x180) return lower_latin(cp);
  if (cp >= 0x370 && cp < 0x400) return lower_greek(cp);
  if (cp >= 0x400 && cp < 0x530) return lower_cyrillic(cp);
  return cp;
}

void append_slug_ascii(std::string& out, char c) {
  bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  if (alnum || c == '-' || c == '_') out += static_cast<char>(to_lower(static_cast<unsigned char>(c)));
  else if (c == ' ') out += '-';
}

}  // namespace

std::string slugify(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      append_slug_ascii(out, text[i++]);
      continue;
    }
    char32_t cp = decode_utf8(text, i);  // advances i; kInvalidCodePoint for bad bytes
    if (cp != kInvalidCodePoint && !is_dropped(cp)) append_utf8(out, to_lower(cp));
  }
  return out;
}

SearchChar search_char(std::string_view text, size_t i, char* out) {
  auto c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) {
    char folded = detail::kSearchFold[c];
    if (folded) *out = folded;
    return {i + 1, folded ? 1u : 0u};
  }
  char32_t cp = decode_utf8(text, i);  // advances i
  if (cp == kInvalidCodePoint || is_dropped(cp)) return {i, 0};
  std::string bytes;
  append_utf8(bytes, to_lower(cp));
  std::memcpy(out, bytes.data(), bytes.size());
  return {i, bytes.size()};
}

namespace detail {

WordBuffer grow_search_word(std::string& heap, const char* data, size_t size, size_t capacity) {
  if (data != heap.data()) heap.assign(data, size);
  heap.resize(capacity * 2);
  return {heap.data(), heap.size()};
}

}  // namespace detail

std::string SlugRegistry::unique(std::string slug) {
  if (slug.empty()) slug = "section";
  std::string result = slug;
  while (occurrences_.count(result) != 0) {
    uint32_t n = ++occurrences_[slug];
    result = slug + '-' + std::to_string(n);
  }
  occurrences_.emplace(result, 0);
  return result;
}

bool SlugRegistry::claim(const std::string& id) { return occurrences_.emplace(id, 0).second; }

std::string term_slug(std::string_view term) {
  auto kept = [](char c) { return c == '+' || c == '#' || c == '.'; };
  std::string out;
  size_t start = 0;
  for (size_t i = 0; i <= term.size(); ++i) {
    if (i < term.size() && !kept(term[i])) continue;
    out += slugify(term.substr(start, i - start));
    if (i < term.size()) out += term[i];
    start = i + 1;
  }
  if (out.find_first_not_of("+#.-_") == std::string::npos) return "";  // no letter or digit
  return out;
}

}  // namespace bengal
