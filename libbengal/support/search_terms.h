#pragma once
// A page's search terms, counted by bengal-parse, which already holds the page's text, so that
// bengal-index merges counts instead of reading every word of the site again (index/search.h
// says how the index scores them).
#include <cstdint>
#include <string>
#include <string_view>

namespace bengal {

inline constexpr size_t kSearchMaxBodyWords = 20000;  // words of a page's text that are indexed
inline constexpr uint32_t kSearchBodyMax = 5;         // a body term counts once per occurrence, up to this

// Terms are the words of for_each_search_word() of 2 to 40 bytes.
bool is_search_term(std::string_view word);

// Words too common to help a search, left out of body text (not of titles, headings, tags).
bool is_search_stop_word(std::string_view word);

// "term count\n" for each term of the first `max_words` words of `text` that is not a stop
// word, sorted by term (bytes); count is its occurrences, at most kSearchBodyMax.
std::string count_search_terms(std::string_view text, size_t max_words = kSearchMaxBodyWords);

// Calls f(term, count) for each line of count_search_terms' result.
template <class F>
void for_each_counted_term(std::string_view terms, F&& f) {
  size_t start = 0;
  while (start < terms.size()) {
    size_t end = terms.find('\n', start);
    if (end == std::string_view::npos) end = terms.size();
    size_t space = terms.rfind(' ', end);
    if (space != std::string_view::npos && space > start && space + 1 < end)
      f(terms.substr(start, space - start), static_cast<uint32_t>(terms[space + 1] - '0'));
    start = end + 1;
  }
}

}  // namespace bengal
