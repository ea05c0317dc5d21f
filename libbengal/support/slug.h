#pragma once
// Heading ids, GitHub style: "Über Café!" -> "über-café"; duplicates get -1, -2, ...
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
// points slugify() drops). Calls `word` for each, in order; words may repeat.
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

// Appends one code point's search form to `word`, or returns false at a separator.
bool append_search_char(std::string_view text, size_t& i, std::string& word);

// ASCII letters and digits are handled inline, the rest by append_search_char: this runs over
// every word of every page (bengal-parse counts the search terms), and most text is ASCII.
template <class F>
void for_each_search_word(std::string_view text, F&& word) {
  std::string current;
  size_t i = 0;
  while (i < text.size()) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      ++i;
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        current += static_cast<char>(c);
        continue;
      }
      if (c >= 'A' && c <= 'Z') {
        current += static_cast<char>(c + 32);
        continue;
      }
    } else if (append_search_char(text, i, current)) {
      continue;
    }
    if (!current.empty()) word(current);
    current.clear();
  }
  if (!current.empty()) word(current);
}

}  // namespace bengal
