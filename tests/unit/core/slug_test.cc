#include "support/slug.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace bengal {

TEST(Slugify, LowerCasesAsciiAndTurnsSpacesIntoHyphens) {
  EXPECT_EQ(slugify("Getting Started"), "getting-started");
  EXPECT_EQ(slugify("API v2"), "api-v2");
  EXPECT_EQ(slugify("snake_case and kebab-case"), "snake_case-and-kebab-case");
}

TEST(Slugify, DropsPunctuationButKeepsEachSpace) {
  EXPECT_EQ(slugify("Hello, World!"), "hello-world");
  EXPECT_EQ(slugify("C++ & Rust"), "c--rust");  // as GitHub: one hyphen per space
  EXPECT_EQ(slugify("What's new? (2024)"), "whats-new-2024");
  EXPECT_EQ(slugify("a.b/c:d"), "abcd");
}

TEST(Slugify, LowerCasesLatinGreekAndCyrillic) {
  EXPECT_EQ(slugify("Über Café"), "über-café");
  EXPECT_EQ(slugify("ŁÓDŹ Ĳssel"), "łódź-ĳssel");
  EXPECT_EQ(slugify("İstanbul Ÿ"), "istanbul-ÿ");
  EXPECT_EQ(slugify("Καλημέρα Κόσμε ΆΈΉ"), "καλημέρα-κόσμε-άέή");
  EXPECT_EQ(slugify("Привет Мир ЁЖ"), "привет-мир-ёж");
}

TEST(Slugify, KeepsOtherScriptsAndDropsTheirPunctuation) {
  EXPECT_EQ(slugify("日本語の見出し"), "日本語の見出し");
  EXPECT_EQ(slugify("中文 标题。"), "中文-标题");
  EXPECT_EQ(slugify("한국어 제목"), "한국어-제목");
}

TEST(Slugify, DropsSymbolsEmojiAndTypographicPunctuation) {
  EXPECT_EQ(slugify("Party 🎉 time"), "party--time");
  EXPECT_EQ(slugify("“Quoted” — text…"), "quoted--text");
  EXPECT_EQ(slugify("Price: 5 € × 2"), "price-5---2");
}

TEST(Slugify, EmptyAndInvalidInput) {
  EXPECT_EQ(slugify(""), "");
  EXPECT_EQ(slugify("!!!"), "");
  EXPECT_EQ(slugify("ok\xff\xfe"), "ok");
}

std::vector<std::string> search_words(std::string_view text) {
  std::vector<std::string> words;
  for_each_search_word(text, [&](std::string_view w) { words.emplace_back(w); });
  return words;
}

// for_each_search_word reads ASCII inline: the same words as search_char gives, code point by
// code point.
TEST(SearchWords, TheAsciiFastPathSplitsAsSearchCharDoes) {
  const std::string text = "Ninja's re-stat (x86_64) — Größe, ÉCOLE; naïve 日本語 café\tTAB\nv2 3.14 \xff ok";
  std::vector<std::string> expected;
  std::string word;
  for (size_t i = 0; i < text.size();) {
    char bytes[4];
    SearchChar sc = search_char(text, i, bytes);
    i = sc.next;
    if (sc.size) {
      word.append(bytes, sc.size);
      continue;
    }
    if (!word.empty()) expected.push_back(word);
    word.clear();
  }
  if (!word.empty()) expected.push_back(word);
  EXPECT_EQ(search_words(text), expected);
  EXPECT_EQ(expected, (std::vector<std::string>{"ninja", "s", "re", "stat", "x86", "64", "größe", "école", "naïve",
                                                "日本語", "café", "tab", "v2", "3", "14", "ok"}));
}

TEST(SearchWords, AWordLongerThanItsStackBuffer) {
  std::string long_word = std::string(300, 'A') + "É" + std::string(100, 'b');
  std::string lower = std::string(300, 'a') + "é" + std::string(100, 'b');
  EXPECT_EQ(search_words("x " + long_word + " y " + long_word), (std::vector<std::string>{"x", lower, "y", lower}));
  EXPECT_EQ(search_words(std::string(127, 'c') + "Ω"), (std::vector<std::string>{std::string(127, 'c') + "ω"}));
  EXPECT_TRUE(search_words("").empty());
  EXPECT_TRUE(search_words(" ,.—").empty());
}

TEST(SlugRegistry, NumbersDuplicatesLikeGitHub) {
  SlugRegistry slugs;
  EXPECT_EQ(slugs.unique("intro"), "intro");
  EXPECT_EQ(slugs.unique("intro"), "intro-1");
  EXPECT_EQ(slugs.unique("intro"), "intro-2");
  EXPECT_EQ(slugs.unique("intro-1"), "intro-1-1");  // a written "Intro 1" after the above
}

TEST(SlugRegistry, EmptySlugBecomesSection) {
  SlugRegistry slugs;
  EXPECT_EQ(slugs.unique(""), "section");
  EXPECT_EQ(slugs.unique(""), "section-1");
}

TEST(SlugRegistry, ClaimedIdsAreAvoidedAndReportedWhenTaken) {
  SlugRegistry slugs;
  EXPECT_TRUE(slugs.claim("setup"));
  EXPECT_EQ(slugs.unique("setup"), "setup-1");
  EXPECT_FALSE(slugs.claim("setup"));
  EXPECT_FALSE(slugs.claim("setup-1"));
}

}  // namespace bengal
