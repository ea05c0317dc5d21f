#include "index/search.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "support/hash.h"
#include "support/paths.h"
#include "support/search_terms.h"
#include "support/slug.h"
#include "support/text.h"
#include "support/utf8.h"

namespace bengal {
namespace {

using Json = nlohmann::ordered_json;

constexpr uint32_t kTitleScore = 10, kHeadingScore = 5, kTagScore = 5;

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

// Every term's postings, in the order terms first appear; sorted() lists them by term.
class TermIndex {
 public:
  void add(std::string_view term, uint32_t doc, uint32_t score) {
    auto [it, fresh] = ids_.try_emplace(std::string(term), static_cast<uint32_t>(postings_.size()));
    if (fresh) postings_.emplace_back();
    postings_[it->second].emplace_back(doc, score);
  }
  using Entry = std::pair<const std::string*, const Postings*>;
  std::vector<Entry> sorted() const {
    std::vector<Entry> out;
    out.reserve(ids_.size());
    for (const auto& [term, id] : ids_) out.emplace_back(&term, &postings_[id]);
    std::sort(out.begin(), out.end(), [](const Entry& a, const Entry& b) { return *a.first < *b.first; });
    return out;
  }

 private:
  std::unordered_map<std::string, uint32_t> ids_;
  std::vector<Postings> postings_;
};
using TermRange = std::vector<TermIndex::Entry>::const_iterator;

// A page's terms: its counted body terms (PageText::terms), plus points for each term of its
// title, headings and tags (each kind once). Stop words count in those, not in the body.
void add_doc_terms(uint32_t doc, const std::string& title, const PageMeta* meta, const PageText* text,
                   const SearchOptions& options, TermIndex& terms) {
  std::unordered_map<std::string, uint32_t> bonus;  // the few words of the title, headings, tags
  std::unordered_map<std::string, uint8_t> seen;    // bit 1 title, 2 heading, 4 tag: counted once each
  auto mark = [&](const std::string& w, uint8_t bit, uint32_t points) {
    if (!is_search_term(w)) return;
    uint8_t& s = seen[w];
    if (s & bit) return;
    s |= bit;
    bonus[w] += points;
  };
  for_each_search_word(title, [&](const std::string& w) { mark(w, 1, kTitleScore); });
  if (meta) {
    for (const Heading& h : meta->headings) for_each_search_word(h.text, [&](const std::string& w) { mark(w, 2, kHeadingScore); });
    for (const std::string& tag : meta->front.tags)
      for_each_search_word(tag, [&](const std::string& w) { mark(w, 4, kTagScore); });
  }
  // Counted by bengal-parse; counted here only for a text file written without them.
  std::string counted;
  std::string_view body;
  if (text && !text->text.empty()) {
    if (!text->terms.empty() && options.max_body_words == kSearchMaxBodyWords) body = text->terms;
    else body = counted = count_search_terms(text->text, options.max_body_words);
  }
  std::string key;
  for_each_counted_term(body, [&](std::string_view term, uint32_t count) {
    uint32_t score = count;
    if (!bonus.empty()) {
      key.assign(term);
      if (auto it = bonus.find(key); it != bonus.end()) {
        score += it->second;
        bonus.erase(it);
      }
    }
    terms.add(term, doc, score);
  });
  for (const auto& [w, points] : bonus) terms.add(w, doc, points);
}

// Files the terms of [first, last) under `key`, or splits them by one more character when
// the fragment would be too big. Terms no longer than the key stay under the key itself.
// The JSON is written by hand: {"term":[doc,score,...],...}, terms sorted by bytes.
void file_fragments(TermRange first, TermRange last, const std::string& key, size_t key_chars,
                    const SearchOptions& options, std::vector<OutputFile>& files, std::vector<std::string>& keys) {
  size_t bytes = 2;
  for (auto it = first; it != last; ++it) bytes += it->first->size() + 6 + it->second->size() * 8;
  bool split = bytes > options.max_fragment_bytes && key_chars < 8;
  std::string fragment = "{";
  if (!split) fragment.reserve(bytes + 2);
  auto it = first;
  while (it != last) {
    const std::string& term = *it->first;
    if (!split || char_count(term) <= key_chars) {
      if (fragment.size() > 1) fragment += ',';
      append_json_string(fragment, term);  // valid UTF-8: made of decoded code points
      fragment += ":[";
      bool first_number = true;
      for (const auto& [doc, score] : *it->second) {
        if (!first_number) fragment += ',';
        first_number = false;
        fragment += std::to_string(doc);
        fragment += ',';
        fragment += std::to_string(score);
      }
      fragment += ']';
      ++it;
      continue;
    }
    std::string sub = prefix_chars(term, key_chars + 1);
    auto end = it;
    while (end != last && end->first->compare(0, sub.size(), sub) == 0) ++end;
    file_fragments(it, end, sub, key_chars + 1, options, files, keys);
    it = end;
  }
  if (fragment.size() == 1) return;
  fragment += "}\n";
  std::string hash = hash_hex(fragment);
  files.push_back({search_fragment_file(key), std::move(hash), std::move(fragment)});
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
  std::unordered_map<std::string, const PageText*> text_of;
  for (const TextShard& s : texts)
    for (const PageText& t : s.pages) text_of[t.rel] = &t;
  std::unordered_map<std::string, std::string> section_title;
  for (const PageTableEntry& p : table.pages)
    if (p.kind == kKindSection || p.kind == kKindHome) section_title[p.section] = p.title;

  std::vector<OutputFile> files;
  auto add = [&](std::string path, const Json& j) {
    std::string bytes = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    files.push_back({std::move(path), hash_hex(bytes), std::move(bytes)});
  };
  TermIndex terms;
  Json chunk = Json::array();
  uint32_t doc = 0;
  static const std::string kNoText;
  for (const PageTableEntry& p : table.pages) {
    if (p.rel.empty()) continue;  // generated list pages have no text of their own
    auto mi = meta_of.find(p.rel);
    const PageMeta* meta = mi == meta_of.end() ? nullptr : mi->second;
    auto ti = text_of.find(p.rel);
    const PageText* page_text = ti == text_of.end() ? nullptr : ti->second;
    const std::string& text = page_text ? page_text->text : kNoText;
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
    add_doc_terms(doc, p.title, meta, page_text, options, terms);
    ++doc;
    if (chunk.size() == options.docs_per_chunk) {
      add("search/docs-" + std::to_string(doc / options.docs_per_chunk - 1) + ".json", chunk);
      chunk = Json::array();
    }
  }
  if (!chunk.empty()) add("search/docs-" + std::to_string(doc / options.docs_per_chunk) + ".json", chunk);

  std::vector<std::string> keys;
  const std::vector<TermIndex::Entry> sorted = terms.sorted();
  for (auto it = sorted.begin(); it != sorted.end();) {
    std::string key = prefix_chars(*it->first, 2);
    auto end = it;
    while (end != sorted.end() && end->first->compare(0, key.size(), key) == 0) ++end;
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
