#pragma once
// Heading ids, GitHub style: "Über Café!" -> "über-café"; duplicates get -1, -2, ...
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

namespace bengal {

// Lower-cases ASCII, Latin-1, Latin Extended-A, Greek and Cyrillic letters (other scripts,
// such as CJK, are kept as they are), keeps letters, digits, '-' and '_', turns each space
// into '-' and drops punctuation, symbols and emoji. Returns "" when nothing is left.
std::string slugify(std::string_view text);

// The URL folder of a taxonomy term: slugify()'s rules, except that '+', '#' and '.' are kept
// so that "C", "C++" and "C#" stay three terms ("c", "c++", "c#"). "" when no letter or digit
// is left (the term is then an error); so never "." or "..".
std::string term_slug(std::string_view term);

// The words of a text for the search index: lower-cased as slugify() does, split at
// everything that is not a letter or a digit (ASCII punctuation and spaces, and the code
// points slugify() drops). Calls `word` with each (a std::string_view valid until it
// returns), in order; words may repeat.
template <class F>
void for_each_search_word(std::string_view text, F&& word);

// Makes ids unique within one page, the way GitHub does: "a", "a-1", "a-2", ... and a later
// "a-1" written by hand does not collide with a generated one.
class SlugRegistry {
 public:
  // Returns `slug` (or "section" when empty), suffixed when already taken.
  std::string unique(std::string slug);
  // Claims an id written by the author; false when it is already taken.
  bool claim(const std::string& id);

 private:
  std::unordered_map<std::string, uint32_t> occurrences_;
};

// The search form of the code point that starts at text[i]: its UTF-8 bytes written to `out`
// (room for 4), and where the next one starts. size 0: a separator. for_each_search_word
// calls it for the bytes above 0x7F only.
struct SearchChar {
  size_t next;
  size_t size;
};
SearchChar search_char(std::string_view text, size_t i, char* out);

namespace detail {

// ASCII letters and digits in their search form (lower case); 0 for every other byte.
inline constexpr auto kSearchFold = [] {
  std::array<char, 256> fold{};
  for (int c = '0'; c <= '9'; ++c) fold[c] = static_cast<char>(c);
  for (int c = 'a'; c <= 'z'; ++c) fold[c] = fold[c - 'a' + 'A'] = static_cast<char>(c);
  return fold;
}();

struct WordBuffer {
  char* data;
  size_t capacity;
};
// Doubles the room of a word that outgrew its stack buffer, moving it into `heap`.
WordBuffer grow_search_word(std::string& heap, const char* data, size_t size, size_t capacity);

}  // namespace detail

// This runs over every word of every page (bengal-parse counts the search terms), and most
// text is ASCII: one table lookup per byte. The word is built through local variables only:
// had their address escaped, each byte stored (a char may alias anything) would reload them.
template <class F>
void for_each_search_word(std::string_view text, F&& word) {
  char stack[128];
  std::string heap;  // a longer word
  char* buf = stack;
  size_t capacity = sizeof stack, size = 0;
  size_t i = 0;
  while (i < text.size()) {
    if (size + 4 > capacity) {  // room for one more code point
      detail::WordBuffer grown = detail::grow_search_word(heap, buf, size, capacity);
      buf = grown.data;
      capacity = grown.capacity;
    }
    auto c = static_cast<unsigned char>(text[i]);
    if (char folded = detail::kSearchFold[c]) {
      buf[size++] = folded;
      ++i;
      continue;
    }
    if (c >= 0x80) {
      SearchChar sc = search_char(text, i, buf + size);
      i = sc.next;
      if (sc.size) {
        size += sc.size;
        continue;
      }
    } else {
      ++i;
    }
    if (size) word(std::string_view(buf, size));
    size = 0;
  }
  if (size) word(std::string_view(buf, size));
}

}  // namespace bengal
