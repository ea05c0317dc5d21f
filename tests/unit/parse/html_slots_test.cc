#include "parse/html_slots.h"

#include <gtest/gtest.h>

namespace bengal {

TEST(SlotMarkers, SplitsHtmlIntoPartsAndSlots) {
  SlotMarkers markers;
  std::string html = "<p><a href=\"";
  markers.append_slot(html, 0, SlotField::kHref);
  html += "\">";
  markers.append_slot(html, 0, SlotField::kTitle);
  html += "</a></p>\n";
  PageBody body;
  markers.split(html, body);
  ASSERT_EQ(body.html.size(), 3u);
  ASSERT_EQ(body.slots.size(), 2u);
  EXPECT_EQ(body.html[0], "<p><a href=\"");
  EXPECT_EQ(body.html[1], "\">");
  EXPECT_EQ(body.html[2], "</a></p>\n");
  EXPECT_EQ(body.slots[0].link, 0u);
  EXPECT_EQ(body.slots[0].field, static_cast<uint8_t>(SlotField::kHref));
  EXPECT_EQ(body.slots[1].field, static_cast<uint8_t>(SlotField::kTitle));
}

TEST(SlotMarkers, HeadingMarkerBecomesAnIdAttribute) {
  SlotMarkers markers;
  std::string html = "<h2>";
  markers.append_heading_id(html, "a\"b");
  html += "Title</h2>\n";
  PageBody body;
  markers.split(html, body);
  ASSERT_EQ(body.html.size(), 1u);
  EXPECT_EQ(body.html[0], "<h2 id=\"a&quot;b\">Title</h2>\n");
}

TEST(SlotMarkers, MalformedAndRepeatedMarkersBecomeReplacementCharacters) {
  SlotMarkers markers;
  std::string first;
  markers.append_slot(first, 0, SlotField::kHref);
  std::string html = "a\x1A" "b" + first + first + "\x1A" "7\x1A";
  PageBody body;
  markers.split(html, body);
  ASSERT_EQ(body.slots.size(), 1u);
  ASSERT_EQ(body.html.size(), 2u);
  EXPECT_EQ(body.html[0], "a\xEF\xBF\xBD" "b");
  EXPECT_EQ(body.html[1], "\xEF\xBF\xBD" "0\xEF\xBF\xBD\xEF\xBF\xBD" "7\xEF\xBF\xBD");
}

TEST(SlotMarkers, NoMarkersGiveOnePart) {
  SlotMarkers markers;
  PageBody body;
  markers.split("<p>x</p>\n", body);
  ASSERT_EQ(body.html.size(), 1u);
  EXPECT_TRUE(body.slots.empty());
}

TEST(ReplaceMarkerBytes, ReplacesEveryOne) {
  std::string s = "a\x1A" "b\x1A";
  EXPECT_TRUE(replace_marker_bytes(s));
  EXPECT_EQ(s, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD");
  std::string clean = "abc";
  EXPECT_FALSE(replace_marker_bytes(clean));
}

}  // namespace bengal
