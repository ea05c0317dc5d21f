#include "support/search_terms.h"

#include <algorithm>
#include <cstring>
#include <vector>

#include "support/hash.h"
#include "support/slug.h"

namespace bengal {

bool is_search_term(std::string_view word) { return word.size() >= 2 && word.size() <= 40; }

namespace {

// A term's first 8 bytes as a big-endian number, zero-padded: "the" -> 0x746865'0000000000.
// Terms hold no NUL, so for terms of at most 8 bytes it is the term itself.
constexpr uint64_t leading_bytes(std::string_view term) {
  uint64_t v = 0;
  for (size_t i = 0; i < 8 && i < term.size(); ++i) v |= uint64_t{static_cast<unsigned char>(term[i])} << (56 - 8 * i);
  return v;
}

// A word of at most 4 bytes as one number, its length in the low byte (which its bytes leave
// zero), so that "an" and "an\0" differ too.
constexpr uint64_t packed(std::string_view w) { return leading_bytes(w) | w.size(); }

}  // namespace

// English only, and short on purpose: a reader who types "the" still finds pages through the
// other words of the query. Called for every word of every page: one switch on the word
// packed into a number, which the compiler turns into a few comparisons.
bool is_search_stop_word(std::string_view w) {
  if (w.size() > 4) return false;
  switch (packed(w)) {
    case packed("an"): case packed("and"): case packed("are"): case packed("as"): case packed("at"):
    case packed("be"): case packed("by"): case packed("for"): case packed("from"): case packed("in"):
    case packed("is"): case packed("it"): case packed("of"): case packed("on"): case packed("or"):
    case packed("that"): case packed("the"): case packed("this"): case packed("to"): case packed("with"):
      return true;
    default:
      return false;
  }
}

namespace {

// The terms of one page and their counts: open addressing over one buffer of term bytes, so
// that a word costs a hash and, the first time, a copy (a node-based map allocated per term).
// Each slot keeps the term's first 8 bytes as a big-endian number (zero-padded: terms hold
// no NUL): most terms are that short, so that number alone finds, compares and sorts them,
// without a hash or a memcmp of the bytes.
class TermCounts {
 public:
  TermCounts() : slots_(256) { bytes_.reserve(8192); }

  void add(std::string_view term) {
    const uint64_t head = leading_bytes(term);
    const uint64_t key = term.size() <= 8 ? head ^ term.size() : head ^ hash64(term.substr(8));
    size_t mask = slots_.size() - 1;
    for (size_t i = index_of(key); ; i = (i + 1) & mask) {
      Slot& s = slots_[i];
      if (s.count == 0) {
        s = {head, key, static_cast<uint32_t>(bytes_.size()), static_cast<uint32_t>(term.size()), 1};
        bytes_.append(term);
        if (++used_ * 2 > slots_.size()) grow();
        return;
      }
      if (s.key == key && s.head == head && s.size == term.size() &&
          (term.size() <= 8 || std::memcmp(bytes_.data() + s.offset + 8, term.data() + 8, term.size() - 8) == 0)) {
        s.count = std::min(s.count + 1, kSearchBodyMax);
        return;
      }
    }
  }

  // "term count\n" per term, sorted by term (bytes).
  std::string lines() const {
    std::vector<const Slot*> sorted;
    sorted.reserve(used_);
    for (const Slot& s : slots_)
      if (s.count) sorted.push_back(&s);
    std::sort(sorted.begin(), sorted.end(), [&](const Slot* a, const Slot* b) {
      if (a->head != b->head) return a->head < b->head;  // the first 8 bytes decide
      return term_of(*a).substr(std::min<size_t>(a->size, 8)) < term_of(*b).substr(std::min<size_t>(b->size, 8));
    });
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
    uint64_t head = 0;  // the first 8 bytes, big-endian
    uint64_t key = 0;   // head, mixed with the length or (longer terms) the rest's hash
    uint32_t offset = 0, size = 0, count = 0;  // count 0: free
  };
  size_t index_of(uint64_t key) const { return (key * 0x9E3779B97F4A7C15ull) >> (64 - shift_); }
  std::string_view term_of(const Slot& s) const { return std::string_view(bytes_.data() + s.offset, s.size); }
  void grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    ++shift_;
    size_t mask = slots_.size() - 1;
    for (const Slot& s : old) {
      if (!s.count) continue;
      size_t i = index_of(s.key);
      while (slots_[i].count) i = (i + 1) & mask;
      slots_[i] = s;
    }
  }

  std::vector<Slot> slots_;  // a power of two (1 << shift_), at most half full
  unsigned shift_ = 8;
  std::string bytes_;
  size_t used_ = 0;
};

}  // namespace

std::string count_search_terms(std::string_view text, size_t max_words) {
  TermCounts counts;
  size_t words = 0;
  for_each_search_word(text, [&](std::string_view w) {
    if (++words > max_words || !is_search_term(w) || is_search_stop_word(w)) return;
    counts.add(w);
  });
  return counts.lines();
}

}  // namespace bengal
