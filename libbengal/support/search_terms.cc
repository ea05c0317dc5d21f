#include "support/search_terms.h"

#include <algorithm>
#include <unordered_map>
#include <vector>

#include "support/slug.h"

namespace bengal {

bool is_search_term(std::string_view word) { return word.size() >= 2 && word.size() <= 40; }

// English only, and short on purpose: a reader who types "the" still finds pages through the
// other words of the query.
bool is_search_stop_word(std::string_view w) {
  if (w.size() > 4) return false;  // called for every word of every page: most leave here
  static constexpr std::string_view kStop[] = {"an", "and", "are", "as", "at", "be", "by", "for", "from", "in",
                                               "is", "it", "of", "on", "or", "that", "the", "this", "to", "with"};
  return std::find(std::begin(kStop), std::end(kStop), w) != std::end(kStop);
}

std::string count_search_terms(std::string_view text, size_t max_words) {
  std::unordered_map<std::string, uint32_t> counts;
  counts.reserve(512);
  size_t words = 0;
  for_each_search_word(text, [&](const std::string& w) {
    if (++words > max_words || !is_search_term(w) || is_search_stop_word(w)) return;
    uint32_t& n = counts[w];
    n = std::min(n + 1, kSearchBodyMax);
  });
  std::vector<std::pair<const std::string*, uint32_t>> sorted;
  sorted.reserve(counts.size());
  size_t bytes = 0;
  for (const auto& [term, n] : counts) {
    sorted.emplace_back(&term, n);
    bytes += term.size() + 3;
  }
  std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return *a.first < *b.first; });
  std::string out;
  out.reserve(bytes);
  for (const auto& [term, n] : sorted) {
    out += *term;
    out += ' ';
    out += static_cast<char>('0' + n);
    out += '\n';
  }
  return out;
}

}  // namespace bengal
