#include "template/unicode.h"


namespace bengal::tmpl {

char32_t next_code_point(std::string_view s, size_t& i) {
  size_t start = i;
  char32_t cp = decode_utf8(s, i);
  return cp == kInvalidCodePoint ? static_cast<unsigned char>(s[start]) : cp;  // a stray byte stands for itself
}

std::u32string to_u32(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) out += next_code_point(s, i);
  return out;
}

std::string to_utf8(std::u32string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char32_t cp : s) append_utf8(out, cp);
  return out;
}

size_t code_point_count(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

size_t byte_offset_of(std::string_view s, size_t index) {
  size_t i = 0;
  for (size_t n = 0; n < index && i < s.size(); ++n) next_code_point(s, i);
  return i;
}

// Pairs in Latin Extended-A alternate upper (even) / lower (odd), except in the two runs
// where the pairing is shifted by one.
static bool shifted_latin_a(char32_t cp) { return (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E); }

char32_t upper_case(char32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') ? cp - 32 : cp;
  if (cp >= 0xE0 && cp <= 0xFE && cp != 0xF7) return cp - 32;
  if (cp == 0xFF) return 0x178;
  if (cp >= 0x100 && cp <= 0x17E && cp != 0x130 && cp != 0x131 && cp != 0x138 && cp != 0x149) {
    bool lower = shifted_latin_a(cp) ? (cp % 2 == 0) : (cp % 2 == 1);
    return lower ? cp - 1 : cp;
  }
  if (cp >= 0x3B1 && cp <= 0x3C9 && cp != 0x3C2) return cp - 32;
  if (cp == 0x3C2) return 0x3A3;
  if (cp >= 0x430 && cp <= 0x44F) return cp - 32;
  if (cp >= 0x450 && cp <= 0x45F) return cp - 80;
  return cp;
}

char32_t lower_case(char32_t cp) {
  if (cp < 0x80) return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 32;
  if (cp == 0x178) return 0xFF;
  if (cp >= 0x100 && cp <= 0x17E && cp != 0x130 && cp != 0x131 && cp != 0x138 && cp != 0x149) {
    bool upper = shifted_latin_a(cp) ? (cp % 2 == 1) : (cp % 2 == 0);
    return upper ? cp + 1 : cp;
  }
  if (cp >= 0x391 && cp <= 0x3A9 && cp != 0x3A2) return cp + 32;
  if (cp >= 0x410 && cp <= 0x42F) return cp + 32;
  if (cp >= 0x400 && cp <= 0x40F) return cp + 80;
  return cp;
}

bool is_cased_upper(char32_t cp) { return lower_case(cp) != cp; }
bool is_cased_lower(char32_t cp) { return upper_case(cp) != cp || cp == 0xDF; }

template <char32_t (*Map)(char32_t)>
static std::string map_case(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {  // the common case, without decoding
      out += static_cast<char>(Map(c));
      ++i;
    } else {
      char32_t cp = next_code_point(s, i);
      if (cp == 0xDF && Map == upper_case) {
        out += "SS";  // the one common mapping that changes length
      } else {
        append_utf8(out, Map(cp));
      }
    }
  }
  return out;
}

std::string to_upper(std::string_view s) { return map_case<upper_case>(s); }
std::string to_lower(std::string_view s) { return map_case<lower_case>(s); }

bool is_space(char32_t cp) {
  if (cp < 0x80) return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x1F);
  return cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 ||
         cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

bool is_word(char32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') || cp == '_';
  if (cp >= 0xA0 && cp <= 0xBF) {  // Latin-1 punctuation, but a few letters and digits
    return cp == 0xAA || cp == 0xB2 || cp == 0xB3 || cp == 0xB5 || cp == 0xB9 || cp == 0xBA || cp >= 0xBC;
  }
  if (cp == 0xD7 || cp == 0xF7) return false;
  if (is_space(cp)) return false;
  if ((cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFF0F)) return false;
  if (cp >= 0x1F000 && cp <= 0x1FAFF) return false;  // emoji and symbols
  return true;
}

std::string_view strip_spaces(std::string_view s) {
  size_t b = 0;
  while (b < s.size()) {
    size_t next = b;
    if (!is_space(next_code_point(s, next))) break;
    b = next;
  }
  return rstrip_spaces(s.substr(b));
}

std::string_view rstrip_spaces(std::string_view s) {
  size_t e = s.size();
  while (e > 0) {
    size_t start = e - 1;
    while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
    size_t i = start;
    if (!is_space(next_code_point(s, i))) break;
    e = start;
  }
  return s.substr(0, e);
}

}  // namespace bengal::tmpl
