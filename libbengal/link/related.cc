#include "link/related.h"

#include <algorithm>
#include <cstddef>

#include "support/parallel.h"

namespace bengal {

std::vector<std::vector<uint32_t>> related_pages(const std::vector<std::vector<WeightedTerm>>& terms_of,
                                                 const std::vector<uint32_t>& rank, uint32_t term_count,
                                                 uint32_t count, uint32_t scan_limit, unsigned threads) {
  const size_t pages = terms_of.size();
  std::vector<std::vector<uint32_t>> postings(term_count);
  for (uint32_t p = 0; p < pages; ++p)
    for (const WeightedTerm& t : terms_of[p])
      if (t.weight > 0) postings[t.term].push_back(p);
  for (std::vector<uint32_t>& list : postings)
    std::sort(list.begin(), list.end(), [&](uint32_t a, uint32_t b) { return rank[a] < rank[b]; });

  // Pages are scored independently: contiguous ranges of them go to the threads, each with
  // its own scratch arrays.
  std::vector<std::vector<uint32_t>> out(pages);
  const size_t ranges = std::min<size_t>(std::max(1u, threads), pages);
  parallel_for(count > 0 ? ranges : 0, threads, [&](size_t r) {
    std::vector<int64_t> score(pages, 0);  // dense, reset through `touched`: no hashing per hit
    std::vector<uint32_t> touched;
    const uint32_t first = static_cast<uint32_t>(pages * r / ranges), end = static_cast<uint32_t>(pages * (r + 1) / ranges);
    for (uint32_t p = first; p < end; ++p) {
      for (const WeightedTerm& t : terms_of[p]) {
        if (t.weight <= 0) continue;
        const std::vector<uint32_t>& list = postings[t.term];
        size_t n = std::min<size_t>(list.size(), scan_limit);
        for (size_t i = 0; i < n; ++i) {
          uint32_t other = list[i];
          if (other == p) continue;
          if (score[other] == 0) touched.push_back(other);
          score[other] += t.weight;
        }
      }
      auto better = [&](uint32_t a, uint32_t b) { return score[a] != score[b] ? score[a] > score[b] : rank[a] < rank[b]; };
      size_t keep = std::min<size_t>(touched.size(), count);
      std::partial_sort(touched.begin(), touched.begin() + static_cast<std::ptrdiff_t>(keep), touched.end(), better);
      out[p].assign(touched.begin(), touched.begin() + static_cast<std::ptrdiff_t>(keep));
      for (uint32_t other : touched) score[other] = 0;
      touched.clear();
    }
  });
  return out;
}

}  // namespace bengal
