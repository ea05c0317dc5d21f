// Python string literal escapes, as Jinja's lexer decodes them ("unicode-escape").
#include "template/parser.h"
#include "template/unicode.h"

namespace bengal::tmpl {

static int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = static_cast<char>(c | 0x20);
  return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

// Reads `count` hex digits at s[i]; returns -1 when they are not there.
static long read_hex(std::string_view s, size_t i, size_t count) {
  if (i + count > s.size()) return -1;
  long v = 0;
  for (size_t k = 0; k < count; ++k) {
    int d = hex_value(s[i + k]);
    if (d < 0) return -1;
    v = v * 16 + d;
  }
  return v;
}

std::string unescape_string_literal(std::string_view quoted) {
  std::string_view s = quoted.substr(1, quoted.size() - 2);
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\' || i + 1 >= s.size()) {
      out += s[i];
      continue;
    }
    char c = s[++i];
    switch (c) {
      case 'n': out += '\n'; break;
      case 't': out += '\t'; break;
      case 'r': out += '\r'; break;
      case 'a': out += '\a'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'v': out += '\v'; break;
      case '\\': case '\'': case '"': out += c; break;
      case '\n': break;  // line continuation
      case 'x': case 'u': case 'U': {
        size_t count = c == 'x' ? 2 : c == 'u' ? 4 : 8;
        long cp = read_hex(s, i + 1, count);
        if (cp < 0) {
          out += '\\';
          out += c;
          break;
        }
        append_utf8(out, static_cast<char32_t>(cp));
        i += count;
        break;
      }
      default:
        if (c >= '0' && c <= '7') {
          int v = 0;
          size_t k = 0;
          for (; k < 3 && i + k < s.size() && s[i + k] >= '0' && s[i + k] <= '7'; ++k) v = v * 8 + (s[i + k] - '0');
          append_utf8(out, static_cast<char32_t>(v));
          i += k - 1;
        } else {
          out += '\\';
          out += c;
        }
    }
  }
  return out;
}

}  // namespace bengal::tmpl
