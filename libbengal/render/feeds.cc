#include "render/feeds.h"

#include <algorithm>
#include <cctype>
#include <unordered_map>

#include "render/context.h"
#include "support/failure.h"
#include "support/hash.h"
#include "support/text.h"

namespace bengal {
namespace {

constexpr char kUnit = '\x1f';
constexpr std::string_view kOpen = "<", kClose = ">", kOpenEscaped = "&lt;", kCloseEscaped = "&gt;";

bool ends_at(std::string_view text, size_t end, std::string_view what) {
  return end >= what.size() && text.compare(end - what.size(), what.size(), what) == 0;
}

// "https:", "mailto:": a scheme before any '/', '?' or '#'.
bool has_scheme(std::string_view url) {
  if (url.empty() || !std::isalpha(static_cast<unsigned char>(url[0]))) return false;
  for (char c : url.substr(1)) {
    if (c == ':') return true;
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') return false;
  }
  return false;
}

// "/a/b/../c/./d" -> "/a/c/d": dot segments of a site-absolute path, query and fragment kept.
std::string remove_dot_segments(std::string_view url) {
  size_t end = std::min(url.find('?'), url.find('#'));
  std::string_view path = url.substr(0, end);
  std::vector<std::string_view> out;
  size_t start = 1;
  while (start <= path.size()) {
    size_t slash = std::min(path.find('/', start), path.size());
    std::string_view seg = path.substr(start, slash - start);
    bool last = slash == path.size();
    if (seg == "..") {
      if (!out.empty()) out.pop_back();
      if (last) out.push_back("");
    } else if (seg == ".") {
      if (last) out.push_back("");
    } else {
      out.push_back(seg);
    }
    start = slash + 1;
  }
  std::string result;
  for (std::string_view seg : out) result.append("/").append(seg);
  if (result.empty()) result = "/";
  if (end != std::string_view::npos) result.append(url.substr(end));
  return result;
}

std::string absolute_link(std::string_view url, const Site& site, const std::string& page_url) {
  if (url.empty() || has_scheme(url) || url.substr(0, 2) == "//") return std::string(url);
  if (url[0] == '/') return absolute_url(site, std::string(url));
  if (url[0] == '#' || url[0] == '?') return absolute_url(site, page_url) + std::string(url);
  std::string dir = page_url.substr(0, page_url.rfind('/') + 1);
  if (dir.empty()) dir = "/";
  return absolute_url(site, remove_dot_segments(dir + std::string(url)));
}

}  // namespace

std::string feed_slot_marker(size_t index) {
  return std::string(kOpen) + kUnit + std::to_string(index) + kUnit + std::string(kClose);
}

std::optional<FeedFile> cut_feed(std::string path, std::string_view text, const std::vector<ChildEntry>& feed,
                                 std::string& error) {
  FeedFile f;
  f.path = std::move(path);
  size_t done = 0;
  const std::string changed = "the feed template changed item.content (print it as is: {{ item.content }}, or "
                              "{{ item.content | safe }} inside CDATA)";
  for (size_t at = text.find(kUnit); at != std::string_view::npos; at = text.find(kUnit, done)) {
    size_t end = text.find(kUnit, at + 1);
    std::string_view digits = end == std::string_view::npos ? std::string_view() : text.substr(at + 1, end - at - 1);
    bool number = !digits.empty() && digits.size() < 10 &&
                  std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; });
    size_t index = number ? std::stoul(std::string(digits)) : feed.size();
    bool raw = ends_at(text, at, kOpen) && text.compare(end + 1, kClose.size(), kClose) == 0;
    bool escaped = ends_at(text, at, kOpenEscaped) && text.compare(end + 1, kCloseEscaped.size(), kCloseEscaped) == 0;
    if (index >= feed.size() || (!raw && !escaped)) {
      error = changed;
      return std::nullopt;
    }
    size_t open = at - (escaped ? kOpenEscaped : kOpen).size();
    if (open < done) {
      error = changed;
      return std::nullopt;
    }
    f.parts.emplace_back(text.substr(done, open - done));
    f.slots.push_back({feed[index].url, escaped});
    done = end + 1 + (escaped ? kCloseEscaped : kClose).size();
  }
  f.parts.emplace_back(text.substr(done));
  return f;
}

std::string absolute_urls_in(std::string_view html, const Site& site, const std::string& page_url) {
  std::string out;
  out.reserve(html.size() + html.size() / 8);
  size_t done = 0;
  for (size_t at = html.find('='); at != std::string_view::npos; at = html.find('=', at + 1)) {
    bool href = ends_at(html, at, "href"), src = !href && ends_at(html, at, "src");
    size_t name = at - (href ? 4 : 3);
    if ((!href && !src) || name == 0 || !std::isspace(static_cast<unsigned char>(html[name - 1])) ||
        at + 1 >= html.size() || (html[at + 1] != '"' && html[at + 1] != '\''))
      continue;
    size_t close = html.find(html[at + 1], at + 2);
    if (close == std::string_view::npos) break;
    out.append(html.substr(done, at + 2 - done));
    out += absolute_link(html.substr(at + 2, close - at - 2), site, page_url);
    done = close;
    at = close;
  }
  out.append(html.substr(done));
  return out;
}

PagesShard fill_feeds(const std::vector<FeedsShard>& shards) {
  std::unordered_map<std::string_view, const std::string*> content;
  for (const FeedsShard& s : shards)
    for (const FeedItem& item : s.items) content.emplace(item.url, &item.html);
  PagesShard out;
  for (const FeedsShard& s : shards) {
    for (const FeedFile& f : s.feeds) {
      if (f.parts.size() != f.slots.size() + 1)
        throw Failure(kExitBadIntermediate, "malformed feed '" + f.path + "' in a feeds file; rebuild");
      std::string bytes = f.parts[0];
      for (size_t i = 0; i < f.slots.size(); ++i) {
        auto it = content.find(f.slots[i].url);
        if (it == content.end())
          throw Failure(kExitBadIntermediate, "no feeds file gives the content of '" + f.slots[i].url + "' for '" +
                                                  f.path + "'; rebuild (run bengal-link and bengal-render again)");
        if (f.slots[i].escaped) append_html_escaped(bytes, *it->second);
        else bytes += *it->second;
        bytes += f.parts[i + 1];
      }
      OutputFile file;
      file.path = f.path;
      file.hash = hash_hex(bytes);
      file.bytes = std::move(bytes);
      out.files.push_back(std::move(file));
    }
  }
  std::sort(out.files.begin(), out.files.end(), [](const OutputFile& a, const OutputFile& b) { return a.path < b.path; });
  return out;
}

}  // namespace bengal
