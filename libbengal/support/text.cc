#include "support/text.h"

#include <algorithm>
#include <array>
#include <cstring>

namespace bengal {

void append_html_escaped(std::string& out, std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
}

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  append_html_escaped(out, text);
  return out;
}

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default: out += c;
    }
  }
  return out;
}

namespace {

// The bytes a URL keeps as they are: ASCII letters, digits and `punctuation`.
struct UrlSafe {
  std::array<bool, 256> keep{};
  explicit constexpr UrlSafe(std::string_view punctuation) {
    for (int c = 0; c < 256; ++c)
      keep[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    for (char c : punctuation) keep[static_cast<unsigned char>(c)] = true;
  }
};

std::string percent_encode(std::string_view url, const UrlSafe& safe) {
  static const char kHex[] = "0123456789ABCDEF";
  size_t i = 0;  // most URLs need no escape: copied whole
  while (i < url.size() && safe.keep[static_cast<unsigned char>(url[i])]) ++i;
  std::string out(url.substr(0, i));
  if (i == url.size()) return out;
  out.reserve(url.size() + 16);
  for (; i < url.size(); ++i) {
    auto c = static_cast<unsigned char>(url[i]);
    if (safe.keep[c]) {
      out += url[i];
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

constexpr UrlSafe kUrlSafe("-._~:/?#[]@!$&'()*+,;=%");
constexpr UrlSafe kPathSafe("-._~:/[]@!$&'()*+,;=%");

}  // namespace

std::string percent_encode_url(std::string_view url) { return percent_encode(url, kUrlSafe); }

std::string percent_encode_path(std::string_view path) { return percent_encode(path, kPathSafe); }

std::optional<size_t> find_invalid_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    // ASCII eight bytes at a time: most of a Markdown file is.
    while (i + 8 <= n) {
      uint64_t word;
      std::memcpy(&word, p + i, 8);
      if (word & 0x8080808080808080ull) break;
      i += 8;
    }
    if (i >= n) break;
    unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len;
    uint32_t cp;
    if ((c & 0xE0) == 0xC0) {
      len = 2;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
      cp = c & 0x07;
    } else {
      return i;
    }
    if (i + len > n) return i;
    for (size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    bool overlong = (len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
    if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
    i += len;
  }
  return std::nullopt;
}

LineCol line_col_at(std::string_view text, size_t offset) {
  offset = std::min(offset, text.size());
  uint32_t line = 1;
  size_t line_start = 0;
  for (size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  return {line, static_cast<uint32_t>(offset - line_start + 1)};
}

size_t edit_distance(std::string_view a, std::string_view b, size_t max) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > max) return max + 1;
  std::vector<size_t> row(a.size() + 1);
  for (size_t i = 0; i <= a.size(); ++i) row[i] = i;
  for (size_t j = 1; j <= b.size(); ++j) {
    size_t diag = row[0];
    row[0] = j;
    size_t best = row[0];
    for (size_t i = 1; i <= a.size(); ++i) {
      size_t up = row[i];
      row[i] = std::min({row[i] + 1, row[i - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
      best = std::min(best, row[i]);
    }
    if (best > max) return max + 1;
  }
  return row[a.size()];
}

std::string closest_match(std::string_view word, const std::vector<std::string>& candidates) {
  size_t max = std::max<size_t>(2, word.size() / 3);
  std::string best;
  size_t best_distance = max + 1;
  for (const std::string& c : candidates) {
    size_t d = edit_distance(word, c, max);
    if (d < best_distance || (d == best_distance && !best.empty() && c < best)) {
      best_distance = d;
      best = c;
    }
  }
  return best_distance <= max ? best : std::string();
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  std::string m = closest_match(word, candidates);
  return m.empty() ? std::string() : " (did you mean '" + m + "'?)";
}

std::string_view trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\n' || s[b] == '\r')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\n' || s[e - 1] == '\r')) --e;
  return s.substr(b, e - b);
}

std::string collapse_whitespace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {  // a run of spaces, then a word, appended whole
    while (i < s.size() && is_ascii_space(s[i])) ++i;
    size_t word = i;
    while (i < s.size() && !is_ascii_space(s[i])) ++i;
    if (i == word) break;
    if (!out.empty()) out += ' ';
    out.append(s.data() + word, i - word);
  }
  return out;
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// The length of the valid UTF-8 sequence at s[i], or 0 when it is not one (RFC 3629: no
// overlong forms, no surrogates, nothing past U+10FFFF).
static size_t utf8_sequence(std::string_view s, size_t i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  auto cont = [&](size_t k) { return k < s.size() && (byte(k) & 0xC0) == 0x80; };
  unsigned char b = byte(i);
  if (b >= 0xC2 && b <= 0xDF) return cont(i + 1) ? 2 : 0;
  if (b >= 0xE0 && b <= 0xEF) {
    if (!cont(i + 1) || !cont(i + 2)) return 0;
    if ((b == 0xE0 && byte(i + 1) < 0xA0) || (b == 0xED && byte(i + 1) > 0x9F)) return 0;
    return 3;
  }
  if (b >= 0xF0 && b <= 0xF4) {
    if (!cont(i + 1) || !cont(i + 2) || !cont(i + 3)) return 0;
    if ((b == 0xF0 && byte(i + 1) < 0x90) || (b == 0xF4 && byte(i + 1) > 0x8F)) return 0;
    return 4;
  }
  return 0;
}

// A JSON string as nlohmann writes it without ensure_ascii: the two-letter escapes, \u00XX
// for the other control characters, everything else as is. False for invalid UTF-8.
bool append_json_string(std::string& out, std::string_view s) {
  // The ASCII bytes written as they are: the long runs of plain text.
  static constexpr auto kPlain = [] {
    std::array<bool, 256> plain{};
    for (int c = 0x20; c < 0x80; ++c) plain[c] = c != '"' && c != '\\';
    return plain;
  }();
  out += '"';
  size_t run = 0;  // start of the bytes not yet copied
  for (size_t i = 0; i < s.size();) {
    while (i < s.size() && kPlain[static_cast<unsigned char>(s[i])]) ++i;
    if (i == s.size()) break;
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      size_t n = utf8_sequence(s, i);
      if (n == 0) return false;
      i += n;
      continue;
    }
    out.append(s, run, i - run);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default: {
        static constexpr char kHex[] = "0123456789abcdef";
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 0xF];
      }
    }
    run = ++i;
  }
  out.append(s, run, std::string_view::npos);
  out += '"';
  return true;
}

}  // namespace bengal
