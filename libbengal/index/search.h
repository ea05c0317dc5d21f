#pragma once
// The search index under search/ (bengal-index(1), SEARCH INDEX), sized for the browser: the
// theme's search box loads index.json, then only the term fragments a query's words need,
// then only the document chunks of the best results. A 100,000-page site never makes a
// reader download one giant file.
//
//   search/index.json   {"version": 1, "doc_count": N, "docs_per_chunk": C, "fragments": [keys]}
//   search/t-HEX.json   {"term": [doc, score, doc, score, ...], ...} for the terms filed under
//                       the key (HEX: the key's UTF-8 bytes in hex); a term is filed under the
//                       longest key that starts it
//   search/docs-K.json  [{"t": title, "u": url, "s": section title, "h": [[text, id], ...],
//                         "g": [tags], "e": excerpt}, ...] for docs K*C ... K*C+C-1
//
// Scores: a term in the title counts 10, in a heading 5, in the tags 5, in the body 1 per
// occurrence up to 5. Terms are the words of for_each_search_word() of 2 to 40 bytes. The body
// terms come counted from bengal-parse (PageText::terms), so this step merges, never tokenizes,
// the site's text.
//
// The index is built from a SearchModel: each document's record (its docs-K.json object) and
// its postings. Every file is a function of the model alone, so the incremental step
// (index/search_state.h) keeps the model, replaces the edited pages' parts and renders only
// the files those parts are in.
#include <algorithm>
#include <cstdint>
#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/page.h"
#include "model/site.h"
#include "support/paths.h"
#include "support/search_terms.h"

namespace bengal {

struct SearchOptions {
  size_t docs_per_chunk = 128;
  // A fragment whose JSON would pass this is split by one more character of its terms.
  size_t max_fragment_bytes = 48 * 1024;
  // Words of a page's text that are indexed (the rest are not). bengal-parse counts the terms
  // of kSearchMaxBodyWords words (PageText::terms); another value counts them again here.
  size_t max_body_words = kSearchMaxBodyWords;
};

// The files, paths starting with "search/", sorted by path, with hashes. Documents are the
// pages with a source, in the table's (URL) order.
std::vector<OutputFile> render_search(const PageTable& table, const std::vector<IndexMetaShard>& metas,
                                      const std::vector<TextShard>& texts, const SearchOptions& options = {});

// "ab" -> "search/t-6162.json".
std::string search_fragment_file(const std::string& key);

// --- the model the files are rendered from ---------------------------------------------------

// Terms by number. The bytes of a term live in the table or, for add_view, in a buffer that
// outlives it (the state file's), so a table read from the state copies no term.
class SearchTerms {
 public:
  SearchTerms() = default;
  SearchTerms(const SearchTerms&) = delete;
  SearchTerms& operator=(const SearchTerms&) = delete;
  SearchTerms(SearchTerms&&) = default;
  SearchTerms& operator=(SearchTerms&&) = default;

  uint32_t intern(std::string_view term);
  std::optional<uint32_t> find(std::string_view term) const;
  void add_view(std::string_view term);  // a term not in the table yet
  void reserve(size_t n);
  std::string_view at(uint32_t id) const { return terms_[id]; }
  size_t size() const { return terms_.size(); }

 private:
  // Open addressing over the ids, each slot with the top of its term's hash, so that a probe
  // rarely compares bytes: interned for every term of every page.
  struct Slot {
    uint32_t id_plus_one = 0;  // 0: free
    uint32_t hash_top = 0;
  };
  size_t slot_of(std::string_view term, uint64_t hash) const;  // its slot, or the free one it would take
  void rehash(size_t slots);

  std::deque<std::string> owned_;
  std::vector<std::string_view> terms_;
  std::vector<Slot> slots_;  // a power of two, at most half full
};

// A document's postings: term id << kScoreBits | score, one per term. Its own, or a view of
// a buffer that outlives it (the state file's), so a state is read without a copy.
class DocTerms {
 public:
  DocTerms() = default;
  explicit DocTerms(std::vector<uint32_t> own) : own_(std::move(own)), data_(own_.data()), size_(own_.size()) {}
  static DocTerms view(const uint32_t* data, size_t size) {
    DocTerms t;
    t.data_ = data;
    t.size_ = size;
    return t;
  }
  DocTerms(const DocTerms& o) { *this = o; }
  DocTerms& operator=(const DocTerms& o) {
    own_ = o.own_;
    data_ = o.owns() ? own_.data() : o.data_;
    size_ = o.size_;
    return *this;
  }
  DocTerms(DocTerms&&) = default;  // a moved vector keeps its buffer, so data_ stays right
  DocTerms& operator=(DocTerms&&) = default;

  const uint32_t* begin() const { return data_; }
  const uint32_t* end() const { return data_ + size_; }
  size_t size() const { return size_; }
  std::vector<uint32_t> sorted() const {
    std::vector<uint32_t> out(begin(), end());
    std::sort(out.begin(), out.end());
    return out;
  }

 private:
  bool owns() const { return data_ && data_ == own_.data(); }
  std::vector<uint32_t> own_;
  const uint32_t* data_ = nullptr;
  size_t size_ = 0;
};
inline constexpr uint32_t kScoreBits = 5;
inline uint32_t posting_term(uint32_t p) { return p >> kScoreBits; }
inline uint32_t posting_score(uint32_t p) { return p & ((1u << kScoreBits) - 1); }

// A document as the table, its meta and its text file describe it.
struct SearchPage {
  std::string_view title, url;
  std::string_view section_title;  // "s": the section that lists the page
  const IndexPageMeta* meta = nullptr;  // none: no headings, tags or summary
  const PageText* text = nullptr;  // none: no text
};

// The documents of a table: its pages with a source, in order, with their section titles. A
// template over the table's rows, so that the search step reads a page table of views into its
// file (index/search_table.h) and the other outputs the decoded PageTable.
template <class Row>
struct BasicSearchDocument {
  const Row* page;
  std::string section_title;
};
using SearchDocument = BasicSearchDocument<PageTableEntry>;

template <class Table>
auto search_documents(const Table& table) {
  using Row = typename decltype(table.pages)::value_type;
  std::unordered_map<std::string_view, std::string_view> section_title;
  for (const Row& p : table.pages)
    if (p.kind == kKindSection || p.kind == kKindHome) section_title[p.section] = p.title;
  std::vector<BasicSearchDocument<Row>> docs;
  for (const Row& p : table.pages) {
    if (p.rel.empty()) continue;  // generated list pages have no text of their own
    // The section a page is listed in: a section page's is its parent; the root shows none.
    std::string key = p.kind == kKindSection ? dirname(p.section) : std::string(p.section);
    auto si = section_title.find(key);
    bool none = key.empty() || p.kind == kKindHome || si == section_title.end();
    docs.push_back({&p, none ? std::string() : std::string(si->second)});
  }
  return docs;
}

// A document's record (its docs-K.json object, compact JSON) and its postings, which intern
// its terms in `terms`.
std::string search_record(const SearchPage& page);
DocTerms search_postings(const SearchPage& page, const SearchOptions& options, SearchTerms& terms);

struct SearchModel {
  SearchTerms terms;
  std::vector<std::string_view> records;  // each document's docs-K.json object, compact JSON (or
                                          // empty, when a state left the chunk unread)
  std::vector<DocTerms> doc_terms;
  std::deque<std::string> owned;  // the records this run made (others are in the state's buffer)

  // Sets document `doc`'s record and postings from its page.
  void set_doc(size_t doc, const SearchPage& page, const SearchOptions& options);
};

// The model of the documents `pages`: meta and text by rel, as render_search finds them.
SearchModel build_search_model(const std::vector<SearchPage>& pages, const SearchOptions& options);

// search/docs-K.json for chunk K of the model's records.
std::string search_docs_file(size_t chunk);
size_t search_chunk_count(size_t doc_count, const SearchOptions& options);
std::string render_docs_chunk(const SearchModel& model, size_t chunk, const SearchOptions& options);
// A docs-K.json file of `records`, in order.
std::string join_docs_chunk(const std::string_view* records, size_t count);
// The records of a docs-K.json file, as views into it; false when it is not one.
bool split_docs_chunk(std::string_view chunk, std::vector<std::string_view>& records);

// The fragments of the terms that `selected` marks (by term id; null: every term), which must
// be whole key groups, each given to `emit` (key, file bytes) as it is made, so that they are
// never all in memory.
using EmitFragment = std::function<void(std::string_view key, std::string bytes)>;
void render_term_fragments(const SearchModel& model, const std::vector<bool>* selected, const SearchOptions& options,
                           const EmitFragment& emit);

// Every file of the model, sorted by path, with hashes; `keys` gets the fragments' keys, sorted.
std::vector<OutputFile> render_search_files(const SearchModel& model, const SearchOptions& options,
                                            std::vector<std::string>& keys);

// search/index.json for `keys` (sorted).
std::string render_search_index(size_t doc_count, const SearchOptions& options, const std::vector<std::string>& keys);

// The first `n` code points of `word`: the key a term is filed under when n is 2.
std::string_view search_key_prefix(std::string_view word, size_t n);

}  // namespace bengal
