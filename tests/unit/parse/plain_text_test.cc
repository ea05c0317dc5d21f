#include "parse/plain_text.h"
#include "support/utf8.h"

#include <gtest/gtest.h>

namespace bengal {

TEST(PlainText, SeparatorsNeverRepeat) {
  PlainText text;
  text.newline();
  text.append("one");
  text.space();
  text.space();
  text.append("two");
  text.space();
  text.newline();
  text.newline();
  text.append("three");
  text.newline();
  EXPECT_EQ(text.take(), "one two\nthree");
}

TEST(CountWords, SplitsOnWhitespace) {
  EXPECT_EQ(count_words(""), 0u);
  EXPECT_EQ(count_words("  one two\tthree\nfour  "), 4u);
  EXPECT_EQ(count_words("Über café — naïve"), 4u);
}

TEST(CountWords, EachIdeographIsAWord) {
  EXPECT_EQ(count_words("日本語"), 3u);
  EXPECT_EQ(count_words("see 日本 now"), 4u);
}

// count_words reads 16 ASCII bytes at a time: the same count as one code point at a time,
// with words, every kind of space (and the bytes next to them that are not), non-ASCII letters
// and ideographs falling on each side of every 16-byte boundary.
uint32_t count_words_one_at_a_time(std::string_view text) {
  uint32_t words = 0;
  bool in_word = false;
  for (size_t i = 0; i < text.size();) {
    auto c = static_cast<unsigned char>(text[i]);
    char32_t cp = c < 0x80 ? text[i++] : decode_utf8(text, i);
    bool space = cp == ' ' || (cp >= '\t' && cp <= '\r');
    bool ideograph = cp >= 0x4E00 && cp <= 0x9FFF;
    if (ideograph) ++words;
    else if (!space && !in_word) ++words;
    in_word = !space && !ideograph;
  }
  return words;
}

TEST(CountWords, SixteenBytesAtATimeCountsAsOneAtATime) {
  const std::string_view pieces[] = {"a", "word", " ", "\t", "\n", "\r", "\v", "\f", "\x08", "\x0e", "é", "日", "—", "  ", "x."};
  uint64_t state = 1;
  for (int n = 0; n < 2000; ++n) {
    std::string text;
    for (int k = n % 60; k > 0; --k) {
      state = state * 6364136223846793005ull + 1442695040888963407ull;
      text += pieces[(state >> 33) % std::size(pieces)];
    }
    ASSERT_EQ(count_words(text), count_words_one_at_a_time(text)) << text;
  }
}

TEST(MakeSummary, KeepsShortTextWhole) {
  EXPECT_EQ(make_summary("One  two\nthree."), "One two three.");
}

TEST(MakeSummary, CutsAtAWordBoundary) {
  EXPECT_EQ(make_summary("alpha beta gamma", 8), "alpha…");
  EXPECT_EQ(make_summary("alpha beta gamma", 11), "alpha beta…");
  EXPECT_EQ(make_summary("alpha beta gamma", 10), "alpha beta…");
}

TEST(MakeSummary, CountsCodePointsAndCutsTextWithoutSpaces) {
  EXPECT_EQ(make_summary("日本語のテキスト", 3), "日本語…");
  EXPECT_EQ(make_summary("ééé ééé", 5), "ééé…");
}

}  // namespace bengal
