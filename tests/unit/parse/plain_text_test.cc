#include "parse/plain_text.h"

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
