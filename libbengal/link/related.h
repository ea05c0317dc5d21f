#pragma once
// Related pages: for each page, the pages that share the most taxonomy terms with it, each
// shared term counting its taxonomy's weight. An inverted index (term -> pages) keeps the cost
// at O(pages x terms per page x scan limit) instead of comparing every pair of pages.
#include <cstdint>
#include <utility>
#include <vector>

namespace bengal {

struct WeightedTerm {
  uint32_t term = 0;
  int64_t weight = 0;
};

// `terms_of[p]`: page p's terms (no duplicates). `rank[p]`: page p's place in the tie-break
// order (lower first). Each posting list is walked in rank order, at most `scan_limit`
// entries: a term that very many pages share says little about any two of them, and the
// cap keeps a site-wide tag from making the work quadratic. Returns, per page, up to `count`
// pages by score (highest first), ties by rank; pages without a shared term are never listed.
// The pages are shared out among `threads` threads; the result does not depend on how many.
std::vector<std::vector<uint32_t>> related_pages(const std::vector<std::vector<WeightedTerm>>& terms_of,
                                                 const std::vector<uint32_t>& rank, uint32_t term_count,
                                                 uint32_t count, uint32_t scan_limit, unsigned threads = 1);

}  // namespace bengal
