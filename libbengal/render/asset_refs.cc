#include "render/asset_refs.h"

#include <algorithm>
#include <cstring>

namespace bengal {
namespace {

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  return true;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Which attributes of a tag name an asset.
bool is_asset_attribute(std::string_view tag, std::string_view attr) {
  if (iequals(tag, "img") || iequals(tag, "source")) return iequals(attr, "src") || iequals(attr, "srcset");
  if (iequals(tag, "script") || iequals(tag, "audio") || iequals(tag, "track")) return iequals(attr, "src");
  if (iequals(tag, "link")) return iequals(attr, "href");
  if (iequals(tag, "video")) return iequals(attr, "src") || iequals(attr, "poster");
  return false;
}

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

// "/a/b/" + "../c.png" -> "/a/c.png"; "" when the URL is not local.
std::string resolve(std::string_view url, std::string_view page_url) {
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

}  // namespace

std::string local_asset_url(std::string_view url, std::string_view page_url) {
  return resolve(url, page_url);
}

std::vector<std::string> local_asset_urls(std::string_view html, std::string_view page_url) {
  std::vector<std::string> urls;
  size_t i = 0;
  while ((i = html.find('<', i)) != std::string_view::npos) {
    ++i;
    if (html.compare(i, 3, "!--") == 0) {  // comments hold no references
      size_t end = html.find("-->", i);
      i = end == std::string_view::npos ? html.size() : end + 3;
      continue;
    }
    size_t name_end = i;
    while (name_end < html.size() && std::isalnum(static_cast<unsigned char>(html[name_end]))) ++name_end;
    std::string_view tag = html.substr(i, name_end - i);
    i = name_end;
    bool interesting = !tag.empty() && (iequals(tag, "img") || iequals(tag, "source") || iequals(tag, "script") ||
                                        iequals(tag, "link") || iequals(tag, "video") || iequals(tag, "audio") ||
                                        iequals(tag, "track"));
    // Attributes up to '>': name[=value], value quoted with " or ' or bare.
    bool raw_text = iequals(tag, "script") || iequals(tag, "style");
    while (i < html.size() && html[i] != '>') {
      while (i < html.size() && (is_space(html[i]) || html[i] == '/')) ++i;
      size_t a = i;
      while (i < html.size() && !is_space(html[i]) && html[i] != '=' && html[i] != '>') ++i;
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
        while (i < html.size() && !is_space(html[i]) && html[i] != '>') ++i;
        value = html.substr(v, i - v);
      }
      if (!interesting || !is_asset_attribute(tag, attr)) continue;
      if (iequals(attr, "srcset")) {  // "a.png 1x, b.png 2x": the URL is each candidate's first word
        size_t p = 0;
        while (p < value.size()) {
          while (p < value.size() && (is_space(value[p]) || value[p] == ',')) ++p;
          size_t u = p;
          while (p < value.size() && !is_space(value[p])) ++p;
          std::string_view candidate = value.substr(u, p - u);
          if (!candidate.empty() && candidate.back() == ',') candidate.remove_suffix(1);
          if (std::string r = resolve(candidate, page_url); !r.empty()) urls.push_back(std::move(r));
          while (p < value.size() && value[p] != ',') ++p;
        }
      } else if (std::string r = resolve(value, page_url); !r.empty()) {
        urls.push_back(std::move(r));
      }
    }
    if (raw_text) {  // a script's or style's text is not markup: skip to its end tag
      size_t end = html.find(iequals(tag, "script") ? "</script" : "</style", i);
      i = end == std::string_view::npos ? html.size() : end;
    }
  }
  std::sort(urls.begin(), urls.end());
  urls.erase(std::unique(urls.begin(), urls.end()), urls.end());
  return urls;
}

}  // namespace bengal
