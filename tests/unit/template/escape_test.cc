// HTML escaping: the vector scan must find a special character at any offset and length.
#include "template/escape.h"

#include <gtest/gtest.h>

namespace bengal::tmpl {
namespace {

std::string escape_one_by_one(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&#34;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

TEST(Escape, EverySpecialAtEveryOffsetOfEveryLength) {
  for (size_t length = 0; length <= 50; ++length) {
    EXPECT_EQ(markup_escape(std::string(length, 'a')), std::string(length, 'a'));
    for (size_t at = 0; at < length; ++at) {
      for (char special : {'&', '<', '>', '"', '\''}) {
        std::string text(length, 'x');
        text[at] = special;
        ASSERT_EQ(markup_escape(text), escape_one_by_one(text)) << "length " << length << " at " << at;
        text[length - 1 - (at % length)] = '<';  // and a second one
        ASSERT_EQ(markup_escape(text), escape_one_by_one(text)) << "length " << length << " at " << at;
      }
    }
  }
}

TEST(Escape, AppendsToWhatIsThere) {
  std::string out = "<p>";
  append_markup_escaped(out, "Tom & \"Jerry\" <3 'cheese' at 10 > 9 and more than sixteen bytes");
  EXPECT_EQ(out, "<p>Tom &amp; &#34;Jerry&#34; &lt;3 &#39;cheese&#39; at 10 &gt; 9 and more than sixteen bytes");
}

}  // namespace
}  // namespace bengal::tmpl
