#include "index/search.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "support/hash.h"
#include "support/paths.h"
#include "support/slug.h"
#include "support/utf8.h"

namespace bengal {
namespace {

using Json = nlohmann::ordered_json;

constexpr uint32_t kTitleScore = 10, kHeadingScore = 5, kTagScore = 5, kBodyMax = 5;

bool indexable(const std::string& word) { return word.size() >= 2 && word.size() <= 40; }

// Words too common to help a search. English only, and short on purpose: a reader who types
// "the" still finds pages through the other words of the query.
bool is_stop_word(const std::string& w) {
  if (w.size() > 4) return false;  // called for every word of every page: most leave here
  static constexpr std::string_view kStop[] = {"an", "and", "are", "as", "at", "be", "by", "for", "from", "in",
                                               "is", "it", "of", "on", "or", "that", "the", "this", "to", "with"};
  for (std::string_view s : kStop)
    if (w == s) return true;
  return false;
}

// The first `n` code points of `word`: a fragment key.
std::string prefix_chars(const std::string& word, size_t n) {
  size_t i = 0;
  for (size_t k = 0; k < n && i < word.size(); ++k) decode_utf8(word, i);
  return word.substr(0, i);
}

size_t char_count(const std::string& word) {
  size_t i = 0, n = 0;
  for (; i < word.size(); ++n) decode_utf8(word, i);
  return n;
}

// At most `limit` bytes of text, cut at a word boundary, on a UTF-8 boundary.
std::string excerpt(const std::string& text, size_t limit) {
  if (text.size() <= limit) return text;
  size_t cut = text.rfind(' ', limit);
  if (cut == std::string::npos || cut < limit / 2) {
    cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  }
  return text.substr(0, cut) + "…";
}

using Postings = std::vector<std::pair<uint32_t, uint32_t>>;  // (doc, score), by doc
using TermMap = std::map<std::string, Postings>;               // sorted: fragments are ranges

void add_doc_terms(uint32_t doc, const std::string& title, const PageMeta* meta, const std::string& text,
                   const SearchOptions& options, TermMap& terms) {
  std::unordered_map<std::string, uint32_t> score;
  std::unordered_map<std::string, uint8_t> seen;  // bit 1 title, 2 heading, 4 tag: counted once each
  auto mark = [&](const std::string& w, uint8_t bit, uint32_t points) {
    if (!indexable(w)) return;
    uint8_t& s = seen[w];
    if (s & bit) return;
    s |= bit;
    score[w] += points;
  };
  for_each_search_word(title, [&](const std::string& w) { mark(w, 1, kTitleScore); });
  if (meta) {
    for (const Heading& h : meta->headings) for_each_search_word(h.text, [&](const std::string& w) { mark(w, 2, kHeadingScore); });
    for (const std::string& tag : meta->front.tags)
      for_each_search_word(tag, [&](const std::string& w) { mark(w, 4, kTagScore); });
  }
  std::unordered_map<std::string, uint32_t> body;
  size_t words = 0;
  for_each_search_word(text, [&](const std::string& w) {
    if (++words > options.max_body_words || !indexable(w) || is_stop_word(w)) return;
    uint32_t& n = body[w];
    if (n < kBodyMax) {
      ++n;
      ++score[w];
    }
  });
  for (auto& [w, s] : score) terms[w].emplace_back(doc, s);
}

// Files the terms of [first, last) under `key`, or splits them by one more character when
// the fragment would be too big. Terms no longer than the key stay under the key itself.
void file_fragments(TermMap::const_iterator first, TermMap::const_iterator last, const std::string& key,
                    size_t key_chars, const SearchOptions& options, std::vector<OutputFile>& files,
                    std::vector<std::string>& keys) {
  // A sorted map, not ordered_json (whose inserts search linearly): the terms come sorted
  // by bytes already, which is also the map's order, so the output is the same.
  nlohmann::json fragment = nlohmann::json::object();
  size_t bytes = 2;
  for (auto it = first; it != last; ++it) bytes += it->first.size() + 6 + it->second.size() * 8;
  bool split = bytes > options.max_fragment_bytes && key_chars < 8;
  auto it = first;
  while (it != last) {
    if (!split || char_count(it->first) <= key_chars) {
      nlohmann::json list = nlohmann::json::array();
      for (const auto& [doc, score] : it->second) {
        list.push_back(doc);
        list.push_back(score);
      }
      fragment[it->first] = std::move(list);
      ++it;
      continue;
    }
    std::string sub = prefix_chars(it->first, key_chars + 1);
    auto end = it;
    while (end != last && end->first.compare(0, sub.size(), sub) == 0) ++end;
    file_fragments(it, end, sub, key_chars + 1, options, files, keys);
    it = end;
  }
  if (fragment.empty()) return;
  std::string bytes_out = fragment.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  files.push_back({search_fragment_file(key), hash_hex(bytes_out), std::move(bytes_out)});
  keys.push_back(key);
}

}  // namespace

std::string search_fragment_file(const std::string& key) {
  static const char* const kHex = "0123456789abcdef";
  std::string name = "search/t-";
  for (unsigned char c : key) {
    name += kHex[c >> 4];
    name += kHex[c & 15];
  }
  return name + ".json";
}

std::vector<OutputFile> render_search(const PageTable& table, const std::vector<MetaShard>& metas,
                                      const std::vector<TextShard>& texts, const SearchOptions& options) {
  std::unordered_map<std::string, const PageMeta*> meta_of;
  for (const MetaShard& s : metas)
    for (const PageMeta& m : s.pages) meta_of[m.rel] = &m;
  std::unordered_map<std::string, const std::string*> text_of;
  for (const TextShard& s : texts)
    for (const PageText& t : s.pages) text_of[t.rel] = &t.text;
  std::unordered_map<std::string, std::string> section_title;
  for (const PageTableEntry& p : table.pages)
    if (p.kind == kKindSection || p.kind == kKindHome) section_title[p.section] = p.title;

  std::vector<OutputFile> files;
  auto add = [&](std::string path, const Json& j) {
    std::string bytes = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    files.push_back({std::move(path), hash_hex(bytes), std::move(bytes)});
  };
  TermMap terms;
  Json chunk = Json::array();
  uint32_t doc = 0;
  static const std::string kNoText;
  for (const PageTableEntry& p : table.pages) {
    if (p.rel.empty()) continue;  // generated list pages have no text of their own
    auto mi = meta_of.find(p.rel);
    const PageMeta* meta = mi == meta_of.end() ? nullptr : mi->second;
    auto ti = text_of.find(p.rel);
    const std::string& text = ti == text_of.end() ? kNoText : *ti->second;
    Json d;
    d["t"] = p.title;
    d["u"] = p.url;
    // The section a page is listed in: a section page's is its parent; the root shows none.
    std::string key = p.kind == kKindSection ? dirname(p.section) : p.section;
    auto si = section_title.find(key);
    d["s"] = key.empty() || p.kind == kKindHome || si == section_title.end() ? std::string() : si->second;
    Json headings = Json::array();
    Json tags = Json::array();
    if (meta) {
      for (const Heading& h : meta->headings) headings.push_back({h.text, h.id});
      for (const std::string& t : meta->front.tags) tags.push_back(t);
    }
    d["h"] = std::move(headings);
    d["g"] = std::move(tags);
    d["e"] = excerpt(meta && !meta->summary.empty() ? meta->summary : text, 200);
    chunk.push_back(std::move(d));
    add_doc_terms(doc, p.title, meta, text, options, terms);
    ++doc;
    if (chunk.size() == options.docs_per_chunk) {
      add("search/docs-" + std::to_string(doc / options.docs_per_chunk - 1) + ".json", chunk);
      chunk = Json::array();
    }
  }
  if (!chunk.empty()) add("search/docs-" + std::to_string(doc / options.docs_per_chunk) + ".json", chunk);

  std::vector<std::string> keys;
  for (auto it = terms.begin(); it != terms.end();) {
    std::string key = prefix_chars(it->first, 2);
    auto end = it;
    while (end != terms.end() && end->first.compare(0, key.size(), key) == 0) ++end;
    file_fragments(it, end, key, 2, options, files, keys);
    it = end;
  }
  std::sort(keys.begin(), keys.end());
  Json index;
  index["version"] = 1;
  index["doc_count"] = doc;
  index["docs_per_chunk"] = options.docs_per_chunk;
  index["fragments"] = keys;
  add("search/index.json", index);
  std::sort(files.begin(), files.end(), [](const OutputFile& a, const OutputFile& b) { return a.path < b.path; });
  return files;
}

}  // namespace bengal
