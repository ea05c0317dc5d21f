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
#include <string>
#include <vector>

#include "model/page.h"
#include "model/site.h"
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
std::vector<OutputFile> render_search(const PageTable& table, const std::vector<MetaShard>& metas,
                                      const std::vector<TextShard>& texts, const SearchOptions& options = {});

// "ab" -> "search/t-6162.json".
std::string search_fragment_file(const std::string& key);

}  // namespace bengal
