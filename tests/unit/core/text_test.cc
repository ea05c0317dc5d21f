#include "support/text.h"

#include <gtest/gtest.h>

#include <cctype>

namespace bengal {

TEST(HtmlEscape, EscapesMarkupAndQuotes) {
  EXPECT_EQ(html_escape("<a href=\"x\">Tom & 'Jerry'</a>"),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;");
  EXPECT_EQ(html_escape("plain"), "plain");
}

TEST(Utf8, AcceptsValidText) {
  EXPECT_FALSE(find_invalid_utf8("héllo wörld — 日本語 🐯").has_value());
}

TEST(Utf8, FindsFirstBadByte) {
  EXPECT_EQ(find_invalid_utf8("ab\xff"), 2u);
  EXPECT_EQ(find_invalid_utf8("ab\xc3"), 2u);           // truncated sequence
  EXPECT_EQ(find_invalid_utf8("\xc0\xaf"), 0u);         // overlong '/'
  EXPECT_EQ(find_invalid_utf8("x\xed\xa0\x80"), 1u);    // UTF-16 surrogate
  EXPECT_EQ(find_invalid_utf8("\xf4\x90\x80\x80"), 0u); // past U+10FFFF
}

// The ASCII fast path reads eight bytes at a time: a bad byte or a valid sequence at every
// offset of a long line, and at its end, is found as byte by byte.
TEST(Utf8, EveryOffsetOfALongLine) {
  for (size_t at = 0; at < 40; ++at) {
    std::string text(40, 'a');
    text[at] = '\xff';
    EXPECT_EQ(find_invalid_utf8(text), at);
    std::string good = std::string(at, 'a') + "\xc3\xa9" + std::string(40 - at, 'b');
    EXPECT_FALSE(find_invalid_utf8(good).has_value()) << at;
    EXPECT_EQ(find_invalid_utf8(std::string(at, 'a') + "\xc3"), at);  // cut at the end
  }
}

// Every byte, kept or escaped, as the RFC 3986 sets say: letters, digits and the listed
// punctuation stay.
TEST(PercentEncode, EveryByte) {
  auto reference = [](std::string_view url, std::string_view punctuation) {
    std::string out;
    for (char ch : url) {
      auto c = static_cast<unsigned char>(ch);
      if (std::isalnum(c) && c < 0x80) out += ch;
      else if (punctuation.find(ch) != std::string_view::npos) out += ch;
      else out += "%" + std::string(1, "0123456789ABCDEF"[c >> 4]) + "0123456789ABCDEF"[c & 15];
    }
    return out;
  };
  std::string all;
  for (int c = 0; c < 256; ++c) all += static_cast<char>(c);
  EXPECT_EQ(percent_encode_url(all), reference(all, "-._~:/?#[]@!$&'()*+,;=%"));
  EXPECT_EQ(percent_encode_path(all), reference(all, "-._~:/[]@!$&'()*+,;=%"));
  EXPECT_EQ(percent_encode_url("/docs/intro/"), "/docs/intro/");
  EXPECT_EQ(percent_encode_path("/a b/c?d"), "/a%20b/c%3Fd");
  EXPECT_EQ(percent_encode_url(""), "");
}

TEST(CollapseWhitespace, RunsBecomeOneSpaceAndTheEndsGo) {
  EXPECT_EQ(collapse_whitespace(" \t Lead\n\n and   trail\r\n\f\v"), "Lead and trail");
  EXPECT_EQ(collapse_whitespace("one"), "one");
  EXPECT_EQ(collapse_whitespace(" \n "), "");
  EXPECT_EQ(collapse_whitespace(""), "");
  EXPECT_EQ(collapse_whitespace("caf\xc3\xa9\u00a0x"), "caf\xc3\xa9\u00a0x");  // only ASCII whitespace
}

TEST(LineCol, CountsFromOne) {
  std::string_view t = "ab\ncd\nef";
  EXPECT_EQ(line_col_at(t, 0).line, 1u);
  EXPECT_EQ(line_col_at(t, 4).line, 2u);
  EXPECT_EQ(line_col_at(t, 4).col, 2u);
  EXPECT_EQ(line_col_at(t, 6).col, 1u);
}

TEST(EditDistance, ClassicCases) {
  EXPECT_EQ(edit_distance("kitten", "sitting", 10), 3u);
  EXPECT_EQ(edit_distance("", "abc", 10), 3u);
  EXPECT_EQ(edit_distance("abc", "abc", 0), 0u);
  EXPECT_GT(edit_distance("abcdef", "zzzzzz", 2), 2u);
}

TEST(ClosestMatch, SuggestsNearbyNamesOnly) {
  std::vector<std::string> names = {"title", "baseurl", "language"};
  EXPECT_EQ(closest_match("titel", names), "title");
  EXPECT_EQ(closest_match("base_url", names), "baseurl");
  EXPECT_EQ(closest_match("zzzzzzzz", names), "");
  EXPECT_EQ(did_you_mean("langauge", names), " (did you mean 'language'?)");
}

}  // namespace bengal
