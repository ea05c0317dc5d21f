// A page's counted search terms (support/search_terms.h), as bengal-parse writes them.
#include "support/search_terms.h"

#include <gtest/gtest.h>

#include <map>

#include "support/slug.h"

#include <utility>
#include <vector>

namespace bengal {
namespace {

TEST(CountSearchTerms, SortedLinesOfTermAndCount) {
  EXPECT_EQ(count_search_terms("Ninja builds; ninja restats. Builds!"), "builds 2\nninja 2\nrestats 1\n");
}

TEST(CountSearchTerms, CountsStopAtTheBodyMaximum) {
  EXPECT_EQ(count_search_terms("go go go go go go go go"), "go 5\n");
}

TEST(SearchStopWords, TheListAndNothingElse) {
  for (const char* w : {"an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "is", "it", "of", "on", "or",
                        "that", "the", "this", "to", "with"})
    EXPECT_TRUE(is_search_stop_word(w)) << w;
  for (const char* w : {"", "a", "th", "thes", "them", "ann", "The", "withs", "tha"})
    EXPECT_FALSE(is_search_stop_word(w)) << w;
  EXPECT_FALSE(is_search_stop_word(std::string_view("\0an", 3)));
  EXPECT_FALSE(is_search_stop_word(std::string_view("an\0", 3)));
}

TEST(CountSearchTerms, LeavesOutStopWordsAndWordsOfOtherLengths) {
  EXPECT_EQ(count_search_terms("the a of x zz " + std::string(41, 'w') + " " + std::string(40, 'v')),
            std::string(40, 'v') + " 1\nzz 1\n");
}

TEST(CountSearchTerms, LowercasesAndKeepsLettersOfOtherScripts) {
  EXPECT_EQ(count_search_terms("Über STRASSE über"), "strasse 1\nüber 2\n");
}

TEST(CountSearchTerms, OnlyTheFirstWordsAreCounted) {
  // Every word counts toward the limit, indexed or not.
  EXPECT_EQ(count_search_terms("alpha the beta gamma", 3), "alpha 1\nbeta 1\n");
  EXPECT_EQ(count_search_terms("", 3), "");
}

// What count_search_terms() must give, from a std::map.
std::string reference_counts(const std::string& text) {
  std::map<std::string, uint32_t> expected;
  for_each_search_word(text, [&](std::string_view word) {
    std::string w(word);
    if (is_search_term(w) && !is_search_stop_word(w)) expected[w] = std::min<uint32_t>(expected[w] + 1, kSearchBodyMax);
  });
  std::string lines;
  for (const auto& [w, n] : expected) lines += w + " " + std::to_string(n) + "\n";
  return lines;
}

TEST(CountSearchTerms, SameWordsAsForEachSearchWord) {
  const std::string text = "Ninja's re-stat (x86_64) — Größe, ÉCOLE; naïve ñandú 日本語 café\tTAB\nnew-line 3.14 v2";
  EXPECT_EQ(count_search_terms(text), reference_counts(text));
}

// Thousands of distinct terms, some repeated: the table grows several times on the way.
TEST(CountSearchTerms, ManyTermsAsAMapCountsThem) {
  std::string text;
  for (int i = 0; i < 6000; ++i) text += "w" + std::to_string(i * 7919 % 5000) + (i % 3 ? " " : ", ");
  EXPECT_EQ(count_search_terms(text), reference_counts(text));
}

// Terms are found and sorted by their first 8 bytes first: terms that share them, longer
// and shorter ones, and non-ASCII bytes (above 0x7F, sorted after the ASCII ones).
TEST(CountSearchTerms, TermsThatShareTheirFirstEightBytes) {
  std::string text;
  const char* words[] = {"international", "internationally", "internat", "internationalization", "internal",
                         "interna", "intern", "internationalé", "internatiônal", "internationalz", "internatio",
                         "zz", "z9", "éé", "日本語日本語", "日本語日本", "a1234567", "a12345678", "a1234567z"};
  for (int round = 0; round < 7; ++round)
    for (size_t i = 0; i < std::size(words); ++i)
      if ((i + round) % 3 != 0) text += std::string(words[i]) + " ";
  EXPECT_EQ(count_search_terms(text), reference_counts(text));
}

TEST(ForEachCountedTerm, ReadsBackWhatWasCounted) {
  std::vector<std::pair<std::string, uint32_t>> read;
  for_each_counted_term(count_search_terms("b a b c b"),
                        [&](std::string_view term, uint32_t n) { read.emplace_back(std::string(term), n); });
  // "a" is one letter: not a term.
  EXPECT_EQ(read, (std::vector<std::pair<std::string, uint32_t>>{}));
  read.clear();
  for_each_counted_term(count_search_terms("bb aa bb cc bb"),
                        [&](std::string_view term, uint32_t n) { read.emplace_back(std::string(term), n); });
  EXPECT_EQ(read, (std::vector<std::pair<std::string, uint32_t>>{{"aa", 1}, {"bb", 3}, {"cc", 1}}));
}

}  // namespace
}  // namespace bengal
