#include "template/html_entities.h"

#include <cstdlib>

#include "template/unicode.h"

namespace bengal::tmpl {

namespace {

struct Entity {
  std::string_view name;
  char32_t code_point;
};

constexpr Entity kEntities[] = {
    {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}, {"nbsp", 0xA0},
    {"copy", 0xA9}, {"reg", 0xAE}, {"trade", 0x2122}, {"hellip", 0x2026}, {"mdash", 0x2014},
    {"ndash", 0x2013}, {"lsquo", 0x2018}, {"rsquo", 0x2019}, {"ldquo", 0x201C}, {"rdquo", 0x201D},
    {"laquo", 0xAB}, {"raquo", 0xBB}, {"bull", 0x2022}, {"middot", 0xB7}, {"times", 0xD7},
    {"divide", 0xF7}, {"euro", 0x20AC}, {"pound", 0xA3}, {"yen", 0xA5}, {"cent", 0xA2},
    {"sect", 0xA7}, {"para", 0xB6}, {"deg", 0xB0}, {"plusmn", 0xB1}, {"frac12", 0xBD},
    {"frac14", 0xBC}, {"frac34", 0xBE}, {"iexcl", 0xA1}, {"iquest", 0xBF}, {"shy", 0xAD},
    {"larr", 0x2190}, {"rarr", 0x2192}, {"uarr", 0x2191}, {"darr", 0x2193}, {"harr", 0x2194},
    {"thinsp", 0x2009}, {"ensp", 0x2002}, {"emsp", 0x2003}, {"zwj", 0x200D}, {"zwnj", 0x200C},
    {"hearts", 0x2665}, {"check", 0x2713}, {"micro", 0xB5}, {"sup2", 0xB2}, {"sup3", 0xB3},
    {"eacute", 0xE9}, {"egrave", 0xE8}, {"aacute", 0xE1}, {"agrave", 0xE0}, {"ouml", 0xF6},
    {"uuml", 0xFC}, {"auml", 0xE4}, {"szlig", 0xDF}, {"ccedil", 0xE7}, {"ntilde", 0xF1},
};

// Named entities that html.unescape also accepts without the ';'.
constexpr std::string_view kWithoutSemicolon[] = {"amp", "lt", "gt", "quot", "nbsp", "copy", "reg"};

bool decode_numeric(std::string_view text, size_t& i, std::string& out) {
  size_t j = i + 2;
  bool hex = j < text.size() && (text[j] == 'x' || text[j] == 'X');
  if (hex) ++j;
  size_t digits_start = j;
  while (j < text.size() && (hex ? std::isxdigit(static_cast<unsigned char>(text[j])) : std::isdigit(static_cast<unsigned char>(text[j])))) ++j;
  if (j == digits_start) return false;
  long cp = std::strtol(std::string(text.substr(digits_start, j - digits_start)).c_str(), nullptr, hex ? 16 : 10);
  if (cp <= 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  append_utf8(out, static_cast<char32_t>(cp));
  i = j < text.size() && text[j] == ';' ? j + 1 : j;
  return true;
}

bool decode_named(std::string_view text, size_t& i, std::string& out) {
  size_t j = i + 1;
  while (j < text.size() && std::isalnum(static_cast<unsigned char>(text[j]))) ++j;
  std::string_view name = text.substr(i + 1, j - i - 1);
  bool semicolon = j < text.size() && text[j] == ';';
  for (const Entity& e : kEntities) {
    if (e.name != name) continue;
    bool loose = false;
    for (std::string_view w : kWithoutSemicolon) loose |= w == name;
    if (!semicolon && !loose) return false;
    append_utf8(out, e.code_point);
    i = semicolon ? j + 1 : j;
    return true;
  }
  return false;
}

}  // namespace

std::string html_unescape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    if (text[i] == '&') {
      bool numeric = i + 1 < text.size() && text[i + 1] == '#';
      if (numeric ? decode_numeric(text, i, out) : decode_named(text, i, out)) continue;
    }
    out += text[i++];
  }
  return out;
}

}  // namespace bengal::tmpl
