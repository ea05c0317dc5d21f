// [feeds] content = "full" (render/feeds.h): feeds rendered with content slots in their list
// page's shard, the content of the pages they list given by those pages' shards with absolute
// URLs, and the site-wide step that fills the slots. The feeds use the built-in templates.
#include "render/feeds.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "render/render.h"
#include "support/failure.h"

namespace bengal {
namespace {

using Strings = std::vector<std::string>;

Site site(const std::string& baseurl = "https://example.org/") {
  Site s;
  s.title = "Site";
  s.baseurl = baseurl;
  s.base_path = "/";
  s.rss = s.atom = true;
  s.full_feeds = true;
  s.sections = {{"", "", "Site", "/", 0}};
  return s;
}

// --- absolute URLs in a page's content --------------------------------------------------

TEST(FeedContent, RootRelativeRelativeAndFragmentUrlsBecomeAbsolute) {
  Site s = site("https://example.org/docs/");
  std::string html =
      "<p><a href=\"/docs/b/\">b</a> <img src=\"photo.jpg\" alt=\"x\"> <a href='../c/#x'>c</a> "
      "<a href=\"#part\">p</a> <a href=\"https://other.org/\">o</a> <a href=\"//cdn.org/x.js\">cdn</a> "
      "<a href=\"mailto:a@b.org\">m</a> <span data-src=\"/keep/\">k</span></p>";
  EXPECT_EQ(absolute_urls_in(html, s, "/docs/blog/a/"),
            "<p><a href=\"https://example.org/docs/b/\">b</a> <img src=\"https://example.org/docs/blog/a/photo.jpg\" "
            "alt=\"x\"> <a href='https://example.org/docs/blog/c/#x'>c</a> "
            "<a href=\"https://example.org/docs/blog/a/#part\">p</a> <a href=\"https://other.org/\">o</a> "
            "<a href=\"//cdn.org/x.js\">cdn</a> <a href=\"mailto:a@b.org\">m</a> <span data-src=\"/keep/\">k</span></p>");
}

TEST(FeedContent, WithoutAHostInBaseurlUrlsStaySiteAbsolute) {
  EXPECT_EQ(absolute_urls_in("<img src=\"./a/../b.png\">", site("/"), "/blog/x/"), "<img src=\"/blog/x/b.png\">");
}

// --- cutting a rendered feed at its slots ------------------------------------------------

TEST(CutFeed, FindsEscapedAndRawSlots) {
  std::vector<ChildEntry> feed = {{"A", "/a/", "", "", false, 0}, {"B", "/b/", "", "", false, 0}};
  std::string text = "<d>&lt;" + feed_slot_marker(1).substr(1, feed_slot_marker(1).size() - 2) + "&gt;</d><![CDATA[" +
                     feed_slot_marker(0) + "]]>end";
  std::string error;
  std::optional<FeedFile> f = cut_feed("rss.xml", text, feed, error);
  ASSERT_TRUE(f) << error;
  EXPECT_EQ(f->parts, (Strings{"<d>", "</d><![CDATA[", "]]>end"}));
  ASSERT_EQ(f->slots.size(), 2u);
  EXPECT_EQ(f->slots[0].url, "/b/");
  EXPECT_TRUE(f->slots[0].escaped);
  EXPECT_EQ(f->slots[1].url, "/a/");
  EXPECT_FALSE(f->slots[1].escaped);
}

TEST(CutFeed, AChangedMarkerIsAnError) {
  std::vector<ChildEntry> feed = {{"A", "/a/", "", "", false, 0}};
  std::string marker = feed_slot_marker(0);
  std::string error;
  EXPECT_FALSE(cut_feed("rss.xml", "x" + marker.substr(0, 4), feed, error));  // truncated
  EXPECT_NE(error.find("changed item.content"), std::string::npos) << error;
  EXPECT_FALSE(cut_feed("rss.xml", "<" + marker.substr(1), {}, error));  // no such entry
}

// --- filling ------------------------------------------------------------------------------

TEST(FillFeeds, SplicesEachPagesContentFromAnyShard) {
  FeedsShard list, members;
  list.feeds.push_back({"rss.xml", {"<d>", "</d><c>", "</c>"}, {{"/a/", true}, {"/a/", false}}});
  members.items.push_back({"/a/", "<p>A & B</p>"});
  PagesShard out = fill_feeds({list, members});
  ASSERT_EQ(out.files.size(), 1u);
  EXPECT_EQ(out.files[0].path, "rss.xml");
  EXPECT_EQ(out.files[0].bytes, "<d>&lt;p&gt;A &amp; B&lt;/p&gt;</d><c><p>A & B</p></c>");
  EXPECT_FALSE(out.files[0].hash.empty());
}

TEST(FillFeeds, MissingContentIsAStaleIntermediate) {
  FeedsShard list;
  list.feeds.push_back({"rss.xml", {"<d>", "</d>"}, {{"/gone/", true}}});
  try {
    fill_feeds({list});
    FAIL() << "no error";
  } catch (const Failure& f) {
    EXPECT_EQ(f.code(), kExitBadIntermediate);
    EXPECT_NE(std::string(f.what()).find("/gone/"), std::string::npos) << f.what();
  }
}

// --- render_shard with full feeds ---------------------------------------------------------

struct Rendered {
  RenderedShard shard;
  std::string messages;
};

// The home page (its feed lists /a/) and page /a/ in one shard, rendered with the built-in theme.
Rendered render_home_and_page(const Site& s, bool a_in_feed) {
  PageLinks home;
  home.kind = kKindHome;
  home.url = "/";
  home.output = "index.html";
  home.title = "Site";
  home.feed = {{"A <1>", "/a/", "Sum", "2024-05-01T00:00:00Z", false, 0}};
  PageLinks a;
  a.rel = "a.md";
  a.kind = kKindPage;
  a.url = "/a/";
  a.output = "a/index.html";
  a.title = "A <1>";
  a.in_feed = a_in_feed;
  LinkShard links;
  links.pages = {home, a};
  links.sections = {{"", "/", {}}};
  MetaShard meta;
  meta.pages.push_back({});
  meta.pages[0].rel = "a.md";
  meta.pages[0].source = "content/a.md";
  BodyShard body;
  body.pages.push_back({});
  body.pages[0].rel = "a.md";
  body.pages[0].html = {"<p>Hello &amp; <img src=\"/img/x.png\" alt=\"\"></p>\n"};
  ThemeOptions o;
  o.folders = {};  // the built-in theme only
  Theme theme(o);
  std::set<std::string> used;
  Diagnostics diags;
  Rendered r{render_shard(s, links, {&meta, &body, nullptr}, theme, used, diags), ""};
  for (const Diagnostic& d : diags.items()) r.messages += format_diagnostic(d, "bengal-render") + "\n";
  return r;
}

TEST(FullFeeds, ShardWritesSlottedFeedsAndItsPagesContentNotFeedFiles) {
  Rendered r = render_home_and_page(site(), true);
  EXPECT_EQ(r.messages, "");
  for (const OutputFile& f : r.shard.pages.files) EXPECT_EQ(f.path.find(".xml"), std::string::npos) << f.path;
  ASSERT_EQ(r.shard.feeds.feeds.size(), 2u);
  EXPECT_EQ(r.shard.feeds.feeds[0].path, "atom.xml");
  EXPECT_EQ(r.shard.feeds.feeds[1].path, "rss.xml");
  for (const FeedFile& f : r.shard.feeds.feeds) {
    ASSERT_EQ(f.slots.size(), 1u) << f.path;
    EXPECT_EQ(f.slots[0].url, "/a/");
    EXPECT_TRUE(f.slots[0].escaped);
  }
  ASSERT_EQ(r.shard.feeds.items.size(), 1u);
  EXPECT_EQ(r.shard.feeds.items[0].url, "/a/");
  EXPECT_EQ(r.shard.feeds.items[0].html, "<p>Hello &amp; <img src=\"https://example.org/img/x.png\" alt=\"\"></p>\n");

  PagesShard feeds = fill_feeds({r.shard.feeds});
  ASSERT_EQ(feeds.files.size(), 2u);
  const std::string& atom = feeds.files[0].bytes;
  const std::string& rss = feeds.files[1].bytes;
  EXPECT_NE(rss.find("<description>&lt;p&gt;Hello &amp;amp; &lt;img src=&quot;https://example.org/img/x.png&quot; "
                     "alt=&quot;&quot;&gt;&lt;/p&gt;\n</description>"),
            std::string::npos)
      << rss;
  EXPECT_EQ(rss.find("<description>Sum</description>"), std::string::npos) << rss;  // the content replaces it
  EXPECT_NE(atom.find("<summary>Sum</summary>\n<content type=\"html\">&lt;p&gt;Hello"), std::string::npos) << atom;
  EXPECT_NE(atom.find("<title>A &lt;1&gt;</title>"), std::string::npos) << atom;
}

TEST(FullFeeds, PagesNotInAnyFeedGiveNoContent) {
  Rendered r = render_home_and_page(site(), false);
  EXPECT_TRUE(r.shard.feeds.items.empty());
}

TEST(FullFeeds, SummaryModeWritesTheFeedsAsPagesWithoutContent) {
  Site s = site();
  s.full_feeds = false;
  Rendered r = render_home_and_page(s, false);
  EXPECT_TRUE(r.shard.feeds.feeds.empty());
  std::string rss;
  for (const OutputFile& f : r.shard.pages.files)
    if (f.path == "rss.xml") rss = f.bytes;
  EXPECT_NE(rss.find("<description>Sum</description>"), std::string::npos) << rss;
  EXPECT_EQ(rss.find("Hello"), std::string::npos) << rss;
}

}  // namespace
}  // namespace bengal
