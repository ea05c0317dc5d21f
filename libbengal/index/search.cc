#include "index/search.h"

#include <algorithm>
#include <nlohmann/json.hpp>

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
static_assert(kTitleScore + kHeadingScore + kTagScore + kSearchBodyMax < (1u << kScoreBits),
              "a score must fit in a posting's score bits");

size_t char_count(std::string_view word) {
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

// Compact JSON, invalid UTF-8 replaced, into a string reserved for a document's record (dump()
// would grow its string from nothing, copying it at every step, for every document).
std::string dump(const Json& j) {
  std::string out;
  out.reserve(1024);
  nlohmann::detail::serializer<Json> s(nlohmann::detail::output_adapter<char>(out), ' ',
                                       nlohmann::json::error_handler_t::replace);
  s.dump(j, false, false, 0);
  return out;
}

// A term's postings: documents and scores, by document, in the arrays of render_term_fragments.
struct TermPostings {
  std::string_view term;
  const uint32_t* docs;
  const uint8_t* scores;
  uint32_t size;
};
using TermRange = std::vector<TermPostings>::const_iterator;

}  // namespace

// A page's terms: its counted body terms (PageText::terms), plus points for each term of its
// title, headings and tags (each kind once). Stop words count in those, not in the body.
// Both lists are sorted by term, so they are merged without a hash table.
DocTerms search_postings(const SearchPage& page, const SearchOptions& options, SearchTerms& terms) {
  struct Mark {
    std::string word;
    uint8_t kind;  // 0 title, 1 heading, 2 tag
    uint32_t points;
  };
  static thread_local std::vector<Mark> marks;  // the few words of the title, headings, tags
  marks.clear();
  auto mark = [&](uint8_t kind, uint32_t points) {
    return [&marks = marks, kind, points](std::string_view w) {
      if (is_search_term(w)) marks.push_back({std::string(w), kind, points});
    };
  };
  for_each_search_word(page.title, mark(0, kTitleScore));
  if (const IndexPageMeta* meta = page.meta) {
    for (const Heading& h : meta->headings) for_each_search_word(h.text, mark(1, kHeadingScore));
    for (const std::string& tag : meta->front.tags) for_each_search_word(tag, mark(2, kTagScore));
  }
  // By word, then kind: a word's points are those of each kind it has, once.
  std::sort(marks.begin(), marks.end(),
            [](const Mark& a, const Mark& b) { return a.word != b.word ? a.word < b.word : a.kind < b.kind; });
  std::vector<std::pair<std::string_view, uint32_t>> bonus;
  for (size_t i = 0; i < marks.size(); ++i) {
    if (i > 0 && marks[i].word == marks[i - 1].word) {
      if (marks[i].kind != marks[i - 1].kind) bonus.back().second += marks[i].points;
      continue;
    }
    bonus.emplace_back(marks[i].word, marks[i].points);
  }
  // Counted by bengal-parse; counted here only for a text file written without them.
  const PageText* text = page.text;
  std::string counted;
  std::string_view body;
  if (text && !text->text.empty()) {
    if (!text->terms.empty() && options.max_body_words == kSearchMaxBodyWords) body = text->terms;
    else body = counted = count_search_terms(text->text, options.max_body_words);
  }
  static thread_local std::vector<uint32_t> out;  // reused: the postings are copied once, at their size
  out.clear();
  auto add = [&](std::string_view term, uint32_t score) { out.push_back(terms.intern(term) << kScoreBits | score); };
  auto next_bonus = bonus.begin();
  for_each_counted_term(body, [&](std::string_view term, uint32_t count) {
    for (; next_bonus != bonus.end() && next_bonus->first < term; ++next_bonus) add(next_bonus->first, next_bonus->second);
    uint32_t score = count;
    if (next_bonus != bonus.end() && next_bonus->first == term) score += (next_bonus++)->second;
    add(term, score);
  });
  for (; next_bonus != bonus.end(); ++next_bonus) add(next_bonus->first, next_bonus->second);
  return DocTerms(std::vector<uint32_t>(out.begin(), out.end()));
}

// The record as nlohmann::ordered_json would dump it, replacing invalid UTF-8. Only for a
// page with such bytes: the common case below writes the same JSON by hand.
static std::string search_record_replacing(const SearchPage& page, std::string_view excerpt_text) {
  Json d;
  d["t"] = std::string(page.title);
  d["u"] = std::string(page.url);
  d["s"] = std::string(page.section_title);
  Json headings = Json::array();
  Json tags = Json::array();
  if (const IndexPageMeta* meta = page.meta) {
    for (const Heading& h : meta->headings) headings.push_back({h.text, h.id});
    for (const std::string& t : meta->front.tags) tags.push_back(t);
  }
  d["h"] = std::move(headings);
  d["g"] = std::move(tags);
  d["e"] = std::string(excerpt_text);
  return dump(d);
}

// Written by hand for every page (a json tree and its serializer cost 78,000 instructions a
// page): {"t":title,"u":url,"s":section,"h":[[text,id],...],"g":[tag,...],"e":excerpt}.
std::string search_record(const SearchPage& page) {
  static const std::string kNoText;
  const IndexPageMeta* meta = page.meta;
  const std::string& text = page.text ? page.text->text : kNoText;
  const std::string e = excerpt(meta && !meta->summary.empty() ? meta->summary : text, 200);
  std::string out;
  out.reserve(256 + e.size());
  bool valid = true;
  auto field = [&](std::string_view key_and_colon, std::string_view value) {
    out += key_and_colon;
    valid = append_json_string(out, value) && valid;
  };
  field("{\"t\":", page.title);
  field(",\"u\":", page.url);
  field(",\"s\":", page.section_title);
  out += ",\"h\":[";
  if (meta) {
    for (size_t i = 0; i < meta->headings.size(); ++i) {
      field(i ? ",[" : "[", meta->headings[i].text);
      field(",", meta->headings[i].id);
      out += ']';
    }
  }
  out += "],\"g\":[";
  if (meta)
    for (size_t i = 0; i < meta->front.tags.size(); ++i) field(i ? "," : "", meta->front.tags[i]);
  out += ']';
  field(",\"e\":", e);
  out += '}';
  return valid ? out : search_record_replacing(page, e);
}

namespace {

// Files the terms of [first, last) under `key`, or splits them by one more character when
// the fragment would be too big. Terms no longer than the key stay under the key itself.
// The JSON is written by hand: {"term":[doc,score,...],...}, terms sorted by bytes.
void file_fragments(TermRange first, TermRange last, std::string_view key, size_t key_chars,
                    const SearchOptions& options, const EmitFragment& emit) {
  size_t bytes = 2;
  for (auto it = first; it != last; ++it) bytes += it->term.size() + 6 + it->size * 8;
  bool split = bytes > options.max_fragment_bytes && key_chars < 8;
  std::string fragment = "{";
  if (!split) fragment.reserve(bytes + 2);
  auto it = first;
  while (it != last) {
    std::string_view term = it->term;
    if (!split || char_count(term) <= key_chars) {
      if (fragment.size() > 1) fragment += ',';
      append_json_string(fragment, term);  // valid UTF-8: made of decoded code points
      fragment += ":[";
      for (uint32_t i = 0; i < it->size; ++i) {
        if (i) fragment += ',';
        fragment += std::to_string(it->docs[i]);
        fragment += ',';
        fragment += std::to_string(it->scores[i]);
      }
      fragment += ']';
      ++it;
      continue;
    }
    std::string_view sub = search_key_prefix(term, key_chars + 1);
    auto end = it;
    while (end != last && end->term.substr(0, sub.size()) == sub) ++end;
    file_fragments(it, end, sub, key_chars + 1, options, emit);
    it = end;
  }
  if (fragment.size() == 1) return;
  fragment += "}\n";
  emit(key, std::move(fragment));
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

std::string_view search_key_prefix(std::string_view word, size_t n) {
  size_t i = 0;
  for (size_t k = 0; k < n && i < word.size(); ++k) decode_utf8(word, i);
  return word.substr(0, i);
}

size_t SearchTerms::slot_of(std::string_view term, uint64_t hash) const {
  const size_t mask = slots_.size() - 1;
  const auto top = static_cast<uint32_t>(hash >> 32);
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if (s.id_plus_one == 0 || (s.hash_top == top && terms_[s.id_plus_one - 1] == term)) return i;
  }
}

void SearchTerms::rehash(size_t slots) {
  slots_.assign(slots, Slot{});
  for (uint32_t id = 0; id < terms_.size(); ++id) {
    const uint64_t hash = hash64(terms_[id]);
    slots_[slot_of(terms_[id], hash)] = {id + 1, static_cast<uint32_t>(hash >> 32)};
  }
}

void SearchTerms::reserve(size_t n) {
  terms_.reserve(n);
  size_t slots = 1024;
  while (slots < 2 * n) slots *= 2;
  if (slots > slots_.size()) rehash(slots);
}

uint32_t SearchTerms::intern(std::string_view term) {
  if (slots_.empty()) rehash(1024);
  const uint64_t hash = hash64(term);
  Slot& s = slots_[slot_of(term, hash)];
  if (s.id_plus_one != 0) return s.id_plus_one - 1;
  add_view(owned_.emplace_back(term));
  return static_cast<uint32_t>(terms_.size() - 1);
}

std::optional<uint32_t> SearchTerms::find(std::string_view term) const {
  if (slots_.empty()) return std::nullopt;
  const Slot& s = slots_[slot_of(term, hash64(term))];
  if (s.id_plus_one == 0) return std::nullopt;
  return s.id_plus_one - 1;
}

void SearchTerms::add_view(std::string_view term) {
  if ((terms_.size() + 1) * 2 > slots_.size()) rehash(std::max<size_t>(1024, slots_.size() * 2));
  const uint64_t hash = hash64(term);
  terms_.push_back(term);
  slots_[slot_of(term, hash)] = {static_cast<uint32_t>(terms_.size()), static_cast<uint32_t>(hash >> 32)};
}

void SearchModel::set_doc(size_t doc, const SearchPage& page, const SearchOptions& options) {
  records[doc] = owned.emplace_back(search_record(page));
  doc_terms[doc] = search_postings(page, options, terms);
}

SearchModel build_search_model(const std::vector<SearchPage>& pages, const SearchOptions& options) {
  SearchModel model;
  model.records.resize(pages.size());
  model.doc_terms.resize(pages.size());
  for (size_t doc = 0; doc < pages.size(); ++doc) model.set_doc(doc, pages[doc], options);
  return model;
}

std::string search_docs_file(size_t chunk) { return "search/docs-" + std::to_string(chunk) + ".json"; }

size_t search_chunk_count(size_t doc_count, const SearchOptions& options) {
  return (doc_count + options.docs_per_chunk - 1) / options.docs_per_chunk;
}

std::string render_docs_chunk(const SearchModel& model, size_t chunk, const SearchOptions& options) {
  size_t first = chunk * options.docs_per_chunk;
  size_t last = std::min(first + options.docs_per_chunk, model.records.size());
  return join_docs_chunk(model.records.data() + first, last - first);
}

std::string join_docs_chunk(const std::string_view* records, size_t count) {
  std::string out = "[";
  for (size_t i = 0; i < count; ++i) {
    if (i) out += ',';
    out += records[i];
  }
  return out + "]\n";
}

bool split_docs_chunk(std::string_view chunk, std::vector<std::string_view>& records) {
  if (chunk.size() < 4 || chunk.front() != '[' || chunk.substr(chunk.size() - 2) != "]\n") return false;
  const std::string_view body = chunk.substr(1, chunk.size() - 3);
  size_t start = 0;
  int depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < body.size(); ++i) {
    char c = body[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if (c == '}' || c == ']') {
      --depth;
    } else if (c == ',' && depth == 0) {
      records.push_back(body.substr(start, i - start));
      start = i + 1;
    }
  }
  if (depth != 0 || in_string) return false;
  records.push_back(body.substr(start));
  return true;
}

// The postings are laid out by term in two flat arrays (documents, scores), 5 bytes a posting,
// instead of a vector of pairs per term: at 100,000 pages that is 35 MB instead of about 70.
// With a selection (an incremental run), the few selected postings are picked out in one pass
// first, so that the whole site's postings are read once, not twice.
void render_term_fragments(const SearchModel& model, const std::vector<bool>* selected, const SearchOptions& options,
                           const EmitFragment& emit) {
  std::vector<std::pair<uint32_t, uint32_t>> picked;  // (posting, document), by document
  if (selected)
    for (uint32_t doc = 0; doc < model.doc_terms.size(); ++doc)
      for (uint32_t p : model.doc_terms[doc])
        if ((*selected)[posting_term(p)]) picked.emplace_back(p, doc);
  auto for_each_posting = [&](const auto& f) {  // in document order
    if (selected) {
      for (const auto& [p, doc] : picked) f(p, doc);
      return;
    }
    for (uint32_t doc = 0; doc < model.doc_terms.size(); ++doc)
      for (uint32_t p : model.doc_terms[doc]) f(p, doc);
  };
  std::vector<uint32_t> start(model.terms.size() + 1, 0);
  for_each_posting([&](uint32_t p, uint32_t) { ++start[posting_term(p) + 1]; });
  for (size_t t = 1; t < start.size(); ++t) start[t] += start[t - 1];
  std::vector<uint32_t> docs(start.back());
  std::vector<uint8_t> scores(start.back());
  std::vector<uint32_t> fill(start.begin(), start.end() - 1);
  for_each_posting([&](uint32_t p, uint32_t doc) {
    const uint32_t t = posting_term(p);
    docs[fill[t]] = doc;
    scores[fill[t]++] = static_cast<uint8_t>(posting_score(p));
  });
  std::vector<TermPostings> sorted;
  for (uint32_t t = 0; t + 1 < start.size(); ++t)
    if (start[t + 1] > start[t])
      sorted.push_back({model.terms.at(t), docs.data() + start[t], scores.data() + start[t], start[t + 1] - start[t]});
  std::sort(sorted.begin(), sorted.end(), [](const TermPostings& a, const TermPostings& b) { return a.term < b.term; });
  for (auto it = sorted.cbegin(); it != sorted.cend();) {
    std::string_view key = search_key_prefix(it->term, 2);
    auto end = it;
    while (end != sorted.cend() && end->term.substr(0, key.size()) == key) ++end;
    file_fragments(it, end, key, 2, options, emit);
    it = end;
  }
}

std::string render_search_index(size_t doc_count, const SearchOptions& options, const std::vector<std::string>& keys) {
  Json index;
  index["version"] = 1;
  index["doc_count"] = doc_count;
  index["docs_per_chunk"] = options.docs_per_chunk;
  index["fragments"] = keys;
  return dump(index) + "\n";
}

std::vector<OutputFile> render_search(const PageTable& table, const std::vector<IndexMetaShard>& metas,
                                      const std::vector<TextShard>& texts, const SearchOptions& options) {
  std::unordered_map<std::string_view, const IndexPageMeta*> meta_of;
  for (const IndexMetaShard& s : metas)
    for (const IndexPageMeta& m : s.pages) meta_of[m.rel] = &m;
  std::unordered_map<std::string_view, const PageText*> text_of;
  for (const TextShard& s : texts)
    for (const PageText& t : s.pages) text_of[t.rel] = &t;
  const std::vector<SearchDocument> docs = search_documents(table);
  std::vector<SearchPage> pages;
  for (const SearchDocument& d : docs) {
    auto mi = meta_of.find(d.page->rel);
    auto ti = text_of.find(d.page->rel);
    pages.push_back({d.page->title, d.page->url, d.section_title, mi == meta_of.end() ? nullptr : mi->second,
                     ti == text_of.end() ? nullptr : ti->second});
  }
  std::vector<std::string> keys;
  return render_search_files(build_search_model(pages, options), options, keys);
}

std::vector<OutputFile> render_search_files(const SearchModel& model, const SearchOptions& options,
                                            std::vector<std::string>& keys) {
  std::vector<OutputFile> files;
  auto add = [&](std::string path, std::string bytes) {
    std::string hash = hash_hex(bytes);
    files.push_back({std::move(path), std::move(hash), std::move(bytes)});
  };
  const size_t doc_count = model.records.size();
  for (size_t k = 0; k < search_chunk_count(doc_count, options); ++k)
    add(search_docs_file(k), render_docs_chunk(model, k, options));
  render_term_fragments(model, nullptr, options, [&](std::string_view key, std::string bytes) {
    add(search_fragment_file(std::string(key)), std::move(bytes));
    keys.emplace_back(key);
  });
  std::sort(keys.begin(), keys.end());
  add("search/index.json", render_search_index(doc_count, options, keys));
  std::sort(files.begin(), files.end(), [](const OutputFile& a, const OutputFile& b) { return a.path < b.path; });
  return files;
}

}  // namespace bengal
