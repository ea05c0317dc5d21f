#include "render/asset_refs.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace bengal {
namespace {

// HTML names are ASCII: compared without the locale.
char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c; }

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  return true;
}

// Character classes for the per-character loops, looked up in one table.
enum CharClass : uint8_t { kSpace = 1, kAlnum = 2, kEndsName = 4 /* space, '=' or '>' */, kEndsBare = 8 /* space or '>' */ };

constexpr std::array<uint8_t, 256> make_char_classes() {
  std::array<uint8_t, 256> classes{};
  for (char c : {' ', '\t', '\n', '\r', '\f'}) classes[static_cast<unsigned char>(c)] = kSpace | kEndsName | kEndsBare;
  for (int c = '0'; c <= '9'; ++c) classes[c] = kAlnum;
  for (int c = 'a'; c <= 'z'; ++c) classes[c] = classes[c - 'a' + 'A'] = kAlnum;
  classes['='] = kEndsName;
  classes['>'] = kEndsName | kEndsBare;
  return classes;
}
constexpr std::array<uint8_t, 256> kCharClasses = make_char_classes();

bool has_class(char c, CharClass k) { return kCharClasses[static_cast<unsigned char>(c)] & k; }

// Offset of the first `a` or `b` at or after i, or html.size(). Inline, 16 bytes at a time:
// most of a page's tags are a few bytes apart (</a></li><li>), where memchr's call costs
// more than the search.
size_t find_either(std::string_view html, size_t i, char a, char b) {
#if defined(__SSE2__)
  const __m128i va = _mm_set1_epi8(a), vb = _mm_set1_epi8(b);
  for (; i + 16 <= html.size(); i += 16) {
    const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(html.data() + i));
    if (int mask = _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(chunk, va), _mm_cmpeq_epi8(chunk, vb))))
      return i + static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
  }
#endif
  while (i < html.size() && html[i] != a && html[i] != b) ++i;
  return i;
}
bool is_space(char c) { return has_class(c, kSpace); }

// The tags the scanner treats specially: those with asset attributes, and those whose text
// is not markup. Found once per tag, so the attributes are not compared with names again.
enum class Tag { kOther, kImg, kSource, kScript, kLink, kVideo, kAudio, kTrack, kStyle };

Tag classify(std::string_view name) {
  // Most tags (a, li, div, span) have no name of their length: one switch rules them out.
  auto is = [&](std::string_view tag_name, Tag tag) { return iequals(name, tag_name) ? tag : Tag::kOther; };
  switch (name.size()) {
    case 3: return is("img", Tag::kImg);
    case 4: return is("link", Tag::kLink);
    case 5:
      if (iequals(name, "video")) return Tag::kVideo;
      if (iequals(name, "audio")) return Tag::kAudio;
      if (iequals(name, "track")) return Tag::kTrack;
      return is("style", Tag::kStyle);
    case 6: return iequals(name, "source") ? Tag::kSource : is("script", Tag::kScript);
    default: return Tag::kOther;
  }
}

// Which attributes of a tag name an asset.
bool is_asset_attribute(Tag tag, std::string_view attr) {
  switch (tag) {
    case Tag::kImg: case Tag::kSource: return iequals(attr, "src") || iequals(attr, "srcset");
    case Tag::kScript: case Tag::kAudio: case Tag::kTrack: return iequals(attr, "src");
    case Tag::kLink: return iequals(attr, "href");
    case Tag::kVideo: return iequals(attr, "src") || iequals(attr, "poster");
    case Tag::kOther: case Tag::kStyle: return false;
  }
  return false;
}

bool has_asset_attributes(Tag tag) { return tag != Tag::kOther && tag != Tag::kStyle; }

std::string decode_entities_and_percent(std::string_view v) {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) {
    if (v[i] == '&') {
      static const std::pair<std::string_view, char> kEntities[] = {
          {"&amp;", '&'}, {"&quot;", '"'}, {"&#39;", '\''}, {"&lt;", '<'}, {"&gt;", '>'}};
      bool done = false;
      for (const auto& [name, c] : kEntities)
        if (v.substr(i, name.size()) == name) {
          out += c;
          i += name.size() - 1;
          done = true;
          break;
        }
      if (done) continue;
    }
    auto hex = [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; };
    if (v[i] == '%' && i + 2 < v.size() && hex(v[i + 1]) && hex(v[i + 2])) {
      out += static_cast<char>(std::stoi(std::string(v.substr(i + 1, 2)), nullptr, 16));
      i += 2;
      continue;
    }
    out += v[i];
  }
  return out;
}

// Is `url` a path from the root that resolve() returns as it is: no dot or empty segments, no
// query, fragment, entity, percent escape or space? What themes and Markdown images mostly
// write, so the general path (a vector of segments) is the exception.
bool is_plain_path(std::string_view url) {
  if (url.empty() || url[0] != '/') return false;
  size_t segment = 1;  // start of the current segment
  for (size_t i = 1; i <= url.size(); ++i) {
    if (i < url.size() && url[i] != '/') {
      char c = url[i];
      if (c == '?' || c == '#' || c == '%' || c == '&' || is_space(c)) return false;
      continue;
    }
    std::string_view seg = url.substr(segment, i - segment);
    if (seg == "." || seg == ".." || (seg.empty() && i < url.size())) return false;
    segment = i + 1;
  }
  return true;
}

// "/a/b/" + "../c.png" -> "/a/c.png"; "" when the URL is not local.
std::string resolve(std::string_view url, std::string_view page_url) {
  if (is_plain_path(url)) return std::string(url);
  while (!url.empty() && is_space(url.front())) url.remove_prefix(1);
  while (!url.empty() && is_space(url.back())) url.remove_suffix(1);
  if (url.empty() || url[0] == '#' || url.substr(0, 2) == "//") return "";
  size_t colon = url.find(':');
  if (colon != std::string_view::npos && url.find_first_of("/?#") > colon) return "";  // a scheme
  url = url.substr(0, url.find_first_of("?#"));
  if (url.empty()) return "";
  std::string path = url[0] == '/' ? std::string(url)
                                   : std::string(page_url.substr(0, page_url.rfind('/') + 1)) + std::string(url);
  // Resolve "." and ".." segments.
  std::vector<std::string> parts;
  size_t start = 1;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    std::string seg = path.substr(start, end - start);
    if (seg == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (seg != "." && !(seg.empty() && end != path.size())) {
      parts.push_back(seg);
    }
    start = end + 1;
  }
  std::string out;
  for (const std::string& p : parts) out += "/" + p;
  return out.empty() ? "/" : decode_entities_and_percent(out);
}

// The end of a tag whose attributes name no asset: the first '>' outside a quoted value. A
// value is quoted when a quote follows its '=' (and spaces), as read_asset_attributes reads
// it; the names need no look.
size_t skip_attributes(std::string_view html, size_t i) {
  while (i < html.size()) {
    i = find_either(html, i, '=', '>');
    if (i >= html.size() || html[i] == '>') return i;
    ++i;
    while (i < html.size() && is_space(html[i])) ++i;
    if (i < html.size() && (html[i] == '"' || html[i] == '\'')) {
      size_t end = html.find(html[i], i + 1);
      i = end == std::string_view::npos ? html.size() : end + 1;
    } else {
      while (i < html.size() && !has_class(html[i], kEndsBare)) ++i;
    }
  }
  return i;
}

// The attributes of an asset tag up to its '>' (returned): name[=value], value quoted with "
// or ' or bare. `add` gets the URLs of its asset attributes.
template <class Add>
size_t read_asset_attributes(std::string_view html, size_t i, Tag tag, Add add) {
  while (i < html.size() && html[i] != '>') {
    while (i < html.size() && (is_space(html[i]) || html[i] == '/')) ++i;
    size_t a = i;
    while (i < html.size() && !has_class(html[i], kEndsName)) ++i;
    std::string_view attr = html.substr(a, i - a);
    while (i < html.size() && is_space(html[i])) ++i;
    if (i >= html.size() || html[i] != '=') continue;
    ++i;
    while (i < html.size() && is_space(html[i])) ++i;
    std::string_view value;
    if (i < html.size() && (html[i] == '"' || html[i] == '\'')) {
      char q = html[i++];
      size_t end = html.find(q, i);
      if (end == std::string_view::npos) end = html.size();
      value = html.substr(i, end - i);
      i = std::min(end + 1, html.size());
    } else {
      size_t v = i;
      while (i < html.size() && !has_class(html[i], kEndsBare)) ++i;
      value = html.substr(v, i - v);
    }
    if (!is_asset_attribute(tag, attr)) continue;
    if (iequals(attr, "srcset")) {  // "a.png 1x, b.png 2x": the URL is each candidate's first word
      size_t p = 0;
      while (p < value.size()) {
        while (p < value.size() && (is_space(value[p]) || value[p] == ',')) ++p;
        size_t u = p;
        while (p < value.size() && !is_space(value[p])) ++p;
        std::string_view candidate = value.substr(u, p - u);
        if (!candidate.empty() && candidate.back() == ',') candidate.remove_suffix(1);
        add(candidate);
        while (p < value.size() && value[p] != ',') ++p;
      }
    } else {
      add(value);
    }
  }
  return i;
}

}  // namespace

std::string local_asset_url(std::string_view url, std::string_view page_url) {
  return resolve(url, page_url);
}

std::vector<std::string> local_asset_urls(std::string_view html, std::string_view page_url) {
  std::vector<std::string> urls;
  auto add = [&](std::string_view url) {
    if (std::string r = resolve(url, page_url); !r.empty()) urls.push_back(std::move(r));
  };
  size_t i = 0;
  while ((i = find_either(html, i, '<', '<')) < html.size()) {
    ++i;
    if (html.size() - i >= 3 && html[i] == '!' && html[i + 1] == '-' && html[i + 2] == '-') {  // comments hold no references
      size_t end = html.find("-->", i);
      i = end == std::string_view::npos ? html.size() : end + 3;
      continue;
    }
    size_t name_end = i;
    while (name_end < html.size() && has_class(html[name_end], kAlnum)) ++name_end;
    Tag tag = classify(html.substr(i, name_end - i));
    // Most tags (a, li, span, end tags) have no asset attribute: they are only skipped.
    i = has_asset_attributes(tag) ? read_asset_attributes(html, name_end, tag, add) : skip_attributes(html, name_end);
    if (tag == Tag::kScript || tag == Tag::kStyle) {  // their text is not markup: skip to the end tag
      size_t end = html.find(tag == Tag::kScript ? "</script" : "</style", i);
      i = end == std::string_view::npos ? html.size() : end;
    }
  }
  std::sort(urls.begin(), urls.end());
  urls.erase(std::unique(urls.begin(), urls.end()), urls.end());
  return urls;
}

}  // namespace bengal
