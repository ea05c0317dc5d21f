#include "support/search_terms.h"

#include <algorithm>
#include <vector>

#include "support/hash.h"
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

namespace {

// The terms of one page and their counts: open addressing over one buffer of term bytes, so
// that a word costs a hash and, the first time, a copy (a node-based map allocated per term).
class TermCounts {
 public:
  TermCounts() : slots_(1024) { bytes_.reserve(8192); }

  void add(std::string_view term) {
    uint64_t h = hash64(term);
    size_t mask = slots_.size() - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
      Slot& s = slots_[i];
      if (s.count == 0) {
        s = {h, static_cast<uint32_t>(bytes_.size()), static_cast<uint32_t>(term.size()), 1};
        bytes_.append(term);
        if (++used_ * 2 > slots_.size()) grow();
        return;
      }
      if (s.hash == h && term_of(s) == term) {
        s.count = std::min(s.count + 1, kSearchBodyMax);
        return;
      }
    }
  }

  // "term count\n" per term, sorted by term.
  std::string lines() const {
    std::vector<const Slot*> sorted;
    sorted.reserve(used_);
    for (const Slot& s : slots_)
      if (s.count) sorted.push_back(&s);
    std::sort(sorted.begin(), sorted.end(), [&](const Slot* a, const Slot* b) { return term_of(*a) < term_of(*b); });
    std::string out;
    out.reserve(bytes_.size() + 3 * used_);
    for (const Slot* s : sorted) {
      out += term_of(*s);
      out += ' ';
      out += static_cast<char>('0' + s->count);
      out += '\n';
    }
    return out;
  }

 private:
  struct Slot {
    uint64_t hash = 0;
    uint32_t offset = 0, size = 0, count = 0;  // count 0: free
  };
  std::string_view term_of(const Slot& s) const { return std::string_view(bytes_).substr(s.offset, s.size); }
  void grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    size_t mask = slots_.size() - 1;
    for (const Slot& s : old) {
      if (!s.count) continue;
      size_t i = s.hash & mask;
      while (slots_[i].count) i = (i + 1) & mask;
      slots_[i] = s;
    }
  }

  std::vector<Slot> slots_;  // a power of two, at most half full
  std::string bytes_;
  size_t used_ = 0;
};

}  // namespace

std::string count_search_terms(std::string_view text, size_t max_words) {
  TermCounts counts;
  size_t words = 0;
  for_each_search_word(text, [&](const std::string& w) {
    if (++words > max_words || !is_search_term(w) || is_search_stop_word(w)) return;
    counts.add(w);
  });
  return counts.lines();
}

}  // namespace bengal
