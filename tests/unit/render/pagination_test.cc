// bengal-render and the site model: pagination of list pages (files, redirects, the paginator
// variable), alias redirects, cascaded front matter, the layouts of taxonomy and term pages,
// site.taxonomies read lazily, and page.terms / page.related / section.pages. Templates are
// written to a temporary folder searched before the built-in theme.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "format/envelope.h"
#include "render/render.h"
#include "support/fs.h"

namespace bengal {
namespace {

namespace fs = std::filesystem;
using Strings = std::vector<std::string>;

// The paginator in one line; "none" for a page without one.
constexpr const char* kPagerLine =
    "{{ page.kind }} {% if paginator %}{{ paginator.page_number }}/{{ paginator.total_pages }} "
    "per={{ paginator.per_page }} items={{ paginator.total_items }} url={{ paginator.url }} "
    "first={{ paginator.first }} last={{ paginator.last }} prev={{ paginator.prev or '-' }} "
    "next={{ paginator.next or '-' }} window={% for w in paginator.window %}{{ '..' if w.gap else w.number }}"
    "{{ '*' if w.is_current }},{% endfor %} "
    "pages={% for p in paginator.pages %}{{ p.title }},{% endfor %}{% else %}none{% endif %}";

// A list page with `n` children titled P01, P02, ...
PageLinks list_page(const char* kind, const std::string& url, const std::string& output, size_t n) {
  PageLinks p;
  p.kind = kind;
  p.url = url;
  p.output = output;
  p.title = "List";
  for (size_t i = 1; i <= n; ++i) {
    std::string t = (i < 10 ? "P0" : "P") + std::to_string(i);
    p.children.push_back({t, url + t + "/", "", "", false, 0});
  }
  return p;
}

// "P01,P02,...," for children `first` to `last`.
std::string titles_from(size_t first, size_t last) {
  std::string out;
  for (size_t i = first; i <= last; ++i) out += (i < 10 ? "P0" : "P") + std::to_string(i) + ",";
  return out;
}

class RenderModel : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (fs::temp_directory_path() / "bengal-render-XXXXXX").string();
    ASSERT_NE(::mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
    site_.title = "Site";
    site_.baseurl = "https://example.org/";
    site_.base_path = "/";
    site_.per_page = 10;
    site_.rss = site_.atom = false;  // feeds have tests of their own (FeedsBesideListPages)
    site_.sections = {{"", "", "Site", "/", 0}, {"s", "", "S", "/s/", 1}};
    for (const char* name : {"home.html", "section.html", "taxonomy.html", "term.html", "page.html"})
      put(name, kPagerLine);
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  void put(const std::string& name, const std::string& text) { write_file_atomic(dir_ + "/" + name, text); }

  PagesShard render(const LinkShard& links, const MetaShard* meta = nullptr, const BodyShard* body = nullptr,
                    const std::string& taxonomies = "") {
    ThemeOptions o;
    o.folders = {dir_};
    Theme theme(o);
    used_.clear();
    return render_shard(site_, links, {meta, body, nullptr}, theme, used_, diags_, taxonomies).pages;
  }
  PagesShard render_one(const PageLinks& page) {
    LinkShard links;
    links.pages.push_back(page);
    return render(links);
  }
  std::string messages() const {
    std::string out;
    for (const Diagnostic& d : diags_.items()) out += format_diagnostic(d, "bengal-render") + "\n";
    return out;
  }

  Site site_;
  std::string dir_;
  std::set<std::string> used_;
  Diagnostics diags_;
};

Strings paths(const PagesShard& out) {
  Strings p;
  for (const OutputFile& f : out.files) p.push_back(f.path);
  return p;
}

std::string bytes_of(const PagesShard& out, const std::string& path) {
  for (const OutputFile& f : out.files)
    if (f.path == path) return f.bytes;
  ADD_FAILURE() << "no file " << path << " among " << ::testing::PrintToString(paths(out));
  return "";
}

// --- pagination -------------------------------------------------------------------------

TEST_F(RenderModel, ASectionOf25With10PerPageIsThreeFilesAndARedirect) {
  PagesShard out = render_one(list_page(kKindSection, "/s/", "s/index.html", 25));
  EXPECT_EQ(messages(), "");
  EXPECT_EQ(paths(out),
            (Strings{"s/index.html", "s/page/1/index.html", "s/page/2/index.html", "s/page/3/index.html"}));
  EXPECT_EQ(bytes_of(out, "s/index.html"), "section 1/3 per=10 items=25 url=/s/ first=/s/ last=/s/page/3/ prev=- "
                                           "next=/s/page/2/ window=1*,2,3, pages=" + titles_from(1, 10));
  EXPECT_EQ(bytes_of(out, "s/page/2/index.html"),
            "section 2/3 per=10 items=25 url=/s/page/2/ first=/s/ last=/s/page/3/ prev=/s/ next=/s/page/3/ "
            "window=1,2*,3, pages=" + titles_from(11, 20));
  EXPECT_EQ(bytes_of(out, "s/page/3/index.html"),
            "section 3/3 per=10 items=25 url=/s/page/3/ first=/s/ last=/s/page/3/ prev=/s/page/2/ next=- "
            "window=1,2,3*, pages=" + titles_from(21, 25));
}

TEST_F(RenderModel, TheWindowLinksTheEndsAndTwoPagersEachSideWithGaps) {
  PagesShard out = render_one(list_page(kKindSection, "/s/", "s/index.html", 400));  // 40 pagers
  auto window = [&](const std::string& path) {
    std::string bytes = bytes_of(out, path);
    size_t start = bytes.find("window=");
    return bytes.substr(start, bytes.find(' ', start) - start);
  };
  EXPECT_EQ(window("s/index.html"), "window=1*,2,3,..,40,");
  EXPECT_EQ(window("s/page/4/index.html"), "window=1,2,3,4*,5,6,..,40,");
  EXPECT_EQ(window("s/page/6/index.html"), "window=1,..,4,5,6*,7,8,..,40,");
  EXPECT_EQ(window("s/page/37/index.html"), "window=1,..,35,36,37*,38,39,40,");
  EXPECT_EQ(window("s/page/40/index.html"), "window=1,..,38,39,40*,");
  EXPECT_NE(bytes_of(out, "s/page/6/index.html").find("pages=" + titles_from(51, 60)), std::string::npos);
}

TEST_F(RenderModel, PageOneRedirectsToTheListsCanonicalUrl) {
  PagesShard out = render_one(list_page(kKindSection, "/s/", "s/index.html", 11));
  std::string redirect = bytes_of(out, "s/page/1/index.html");
  EXPECT_NE(redirect.find("<link rel=\"canonical\" href=\"https://example.org/s/\">"), std::string::npos) << redirect;
  EXPECT_NE(redirect.find("url=/s/\">"), std::string::npos) << redirect;
  EXPECT_EQ(redirect.find("section "), std::string::npos) << "a redirect, not the list";
}

TEST_F(RenderModel, AListThatFitsOnOnePageIsOneFile) {
  PagesShard out = render_one(list_page(kKindSection, "/s/", "s/index.html", 10));
  EXPECT_EQ(paths(out), Strings{"s/index.html"});
  EXPECT_EQ(bytes_of(out, "s/index.html"), "section 1/1 per=10 items=10 url=/s/ first=/s/ last=/s/ prev=- next=- "
                                           "window=1*, pages=" + titles_from(1, 10));
  PagesShard empty = render_one(list_page(kKindSection, "/s/", "s/index.html", 0));
  EXPECT_EQ(paths(empty), Strings{"s/index.html"});
}

TEST_F(RenderModel, TheHomePagePaginatesAtTheRoot) {
  PagesShard out = render_one(list_page(kKindHome, "/", "index.html", 11));
  EXPECT_EQ(paths(out), (Strings{"index.html", "page/1/index.html", "page/2/index.html"}));
  EXPECT_NE(bytes_of(out, "page/2/index.html").find("home 2/2 per=10 items=11 url=/page/2/ first=/ "), std::string::npos)
      << bytes_of(out, "page/2/index.html");
}

TEST_F(RenderModel, TermPagesPaginateWithTheirOwnLayout) {
  put("term.html", std::string("TERM ") + kPagerLine);
  PagesShard out = render_one(list_page(kKindTerm, "/tags/go/", "tags/go/index.html", 12));
  EXPECT_EQ(paths(out), (Strings{"tags/go/index.html", "tags/go/page/1/index.html", "tags/go/page/2/index.html"}));
  EXPECT_EQ(bytes_of(out, "tags/go/page/2/index.html").rfind("TERM term 2/2 ", 0), 0u);
}

TEST_F(RenderModel, ATaxonomyPageIsNeverSplit) {
  put("taxonomy.html", std::string("TAXONOMY ") + kPagerLine);
  PagesShard out = render_one(list_page(kKindTaxonomy, "/tags/", "tags/index.html", 25));
  EXPECT_EQ(paths(out), Strings{"tags/index.html"});
  EXPECT_NE(bytes_of(out, "tags/index.html").find("TAXONOMY taxonomy 1/1 per=25 items=25 "), std::string::npos)
      << bytes_of(out, "tags/index.html");
  EXPECT_NE(bytes_of(out, "tags/index.html").find("pages=" + titles_from(1, 25)), std::string::npos);
}

TEST_F(RenderModel, AListPublishedAsOneFileIsNotSplit) {
  PagesShard out = render_one(list_page(kKindSection, "/feed.xml", "feed.xml", 25));
  EXPECT_EQ(paths(out), Strings{"feed.xml"});
  EXPECT_NE(bytes_of(out, "feed.xml").find("1/1 per=25 items=25 "), std::string::npos) << bytes_of(out, "feed.xml");
}

TEST_F(RenderModel, RegularPagesHaveNoPaginator) {
  PageLinks p = list_page(kKindPage, "/s/a/", "s/a/index.html", 0);
  EXPECT_EQ(bytes_of(render_one(p), "s/a/index.html"), "page none");
}

TEST_F(RenderModel, TheBuiltInThemeLinksThePagers) {
  for (const char* name : {"section.html", "page.html"}) fs::remove(dir_ + "/" + name);  // built-in ones extend them
  PagesShard out = render_one(list_page(kKindSection, "/s/", "s/index.html", 25));
  std::string middle = bytes_of(out, "s/page/2/index.html");
  EXPECT_NE(middle.find("<a href=\"/s/\" rel=\"prev\">"), std::string::npos) << middle;
  EXPECT_NE(middle.find("<a href=\"/s/page/3/\" rel=\"next\">"), std::string::npos) << middle;
  EXPECT_NE(middle.find("<a href=\"/s/P11/\">P11</a>"), std::string::npos);
  EXPECT_EQ(middle.find("<a href=\"/s/P10/\">P10</a>"), std::string::npos) << "P10 is on the first pager";
}

// --- layouts and aliases ----------------------------------------------------------------

TEST(LayoutCandidates, TaxonomyAndTermPagesHaveTheirOwnThenList) {
  EXPECT_EQ(layout_candidates(kKindTaxonomy, "", ""), (Strings{"taxonomy.html", "list.html"}));
  EXPECT_EQ(layout_candidates(kKindTerm, "", ""), (Strings{"term.html", "list.html"}));
  EXPECT_EQ(layout_candidates(kKindTerm, "", "cloud"), (Strings{"cloud.html", "term.html", "list.html"}));
}

TEST_F(RenderModel, AliasesAreRedirectFilesToThePage) {
  PageLinks p = list_page(kKindPage, "/blog/post/", "blog/post/index.html", 0);
  p.aliases = {"old/index.html", "older.html"};
  PagesShard out = render_one(p);
  EXPECT_EQ(paths(out), (Strings{"blog/post/index.html", "old/index.html", "older.html"}));
  for (const char* alias : {"old/index.html", "older.html"}) {
    std::string bytes = bytes_of(out, alias);
    EXPECT_NE(bytes.find("<meta http-equiv=\"refresh\" content=\"0; url=/blog/post/\">"), std::string::npos) << bytes;
    EXPECT_NE(bytes.find("href=\"https://example.org/blog/post/\""), std::string::npos) << bytes;
  }
}

// --- front matter from cascades ---------------------------------------------------------

TEST_F(RenderModel, CascadedKeysReachParamsAndTheLayout) {
  put("wide.html", "WIDE {{ page.layout }} {{ page.params.hue }} {{ page.params.size }} {{ page.params.color }}");
  PageLinks p = list_page(kKindPage, "/blog/a/", "blog/a/index.html", 0);
  p.rel = "blog/a.md";
  p.section = "blog";
  p.cascade = {{"layout", "wide"}, {"color", "red"}, {"params", {{"hue", "blue"}, {"size", "L"}}}};
  MetaShard meta;
  meta.pages.push_back({});
  meta.pages[0].rel = "blog/a.md";
  meta.pages[0].source = "content/blog/a.md";
  meta.pages[0].front.params["size"] = "S";  // the page's own value wins
  BodyShard body;
  body.pages.push_back({});
  body.pages[0].rel = "blog/a.md";
  LinkShard links;
  links.pages.push_back(p);
  PagesShard out = render(links, &meta, &body);
  EXPECT_EQ(messages(), "");
  EXPECT_EQ(bytes_of(out, "blog/a/index.html"), "WIDE wide blue S red");
}

// --- feeds ------------------------------------------------------------------------------

TEST_F(RenderModel, FeedsBesideListPages) {
  site_.rss = site_.atom = true;
  put("section.html", "list");
  PageLinks section = list_page(kKindSection, "/s/", "s/index.html", 2);
  section.feed = {{"New", "/s/new/", "Sum & more", "2024-05-01T10:00:00+02:00", false, 0}};
  PageLinks single = list_page(kKindSection, "/t/feed.xml", "t/feed.xml", 1);  // a list published as one file
  LinkShard links;
  links.pages = {section, single};
  Strings paths;
  std::string rss, atom;
  for (const OutputFile& f : render(links).files) {
    paths.push_back(f.path);
    if (f.path == "s/rss.xml") rss = f.bytes;
    if (f.path == "s/atom.xml") atom = f.bytes;
  }
  EXPECT_EQ(paths, (Strings{"s/atom.xml", "s/index.html", "s/rss.xml", "t/feed.xml"}));
  EXPECT_NE(rss.find("<link>https://example.org/s/new/</link>"), std::string::npos) << rss;
  EXPECT_NE(rss.find("<pubDate>Wed, 01 May 2024 08:00:00 +0000</pubDate>"), std::string::npos) << rss;
  EXPECT_NE(rss.find("<description>Sum &amp; more</description>"), std::string::npos) << rss;
  EXPECT_NE(atom.find("<updated>2024-05-01T08:00:00Z</updated>"), std::string::npos) << atom;
}

TEST_F(RenderModel, NoFeedsWhenTheSiteTurnsThemOff) {
  put("section.html", "list");
  for (const OutputFile& f : render_one(list_page(kKindSection, "/s/", "s/index.html", 2)).files)
    EXPECT_EQ(f.path.find(".xml"), std::string::npos) << f.path;
}

// --- site.taxonomies, page.terms, page.related, section.pages ---------------------------

class SiteTaxonomies : public RenderModel {
 protected:
  void SetUp() override {
    RenderModel::SetUp();
    Taxonomies t;
    t.taxonomies.push_back({"tags", "tag", "Tags", "/tags/", {{"Go", "go", "/tags/go/", 3}, {"Rust", "rust", "/tags/rust/", 1}}});
    path_ = dir_ + "/taxonomies";
    write_intermediate(Kind::kTaxonomies, "bengal-test", t, path_);
  }
  static LinkShard one_page() {
    LinkShard links;
    links.pages.push_back(list_page(kKindPage, "/a/", "a/index.html", 0));
    return links;
  }
  std::string path_;
};

TEST_F(SiteTaxonomies, ATemplateThatReadsThemNamesTheFile) {
  put("page.html", "{% for t in site.taxonomies.tags.terms %}{{ t.name }}:{{ t.count }}:{{ t.url }};{% endfor %}"
                   "{{ site.taxonomies.tags.title }}");
  PagesShard out = render(one_page(), nullptr, nullptr, path_);
  EXPECT_EQ(messages(), "");
  EXPECT_EQ(bytes_of(out, "a/index.html"), "Go:3:/tags/go/;Rust:1:/tags/rust/;Tags");
  EXPECT_TRUE(used_.count(path_)) << ::testing::PrintToString(used_);
  EXPECT_TRUE(used_.count(dir_ + "/page.html"));
}

TEST_F(SiteTaxonomies, ATemplateThatDoesNotLeavesTheFileOut) {
  put("page.html", "{{ site.title }}");
  fs::remove(path_);  // not even opened
  PagesShard out = render(one_page(), nullptr, nullptr, path_);
  EXPECT_EQ(messages(), "");
  EXPECT_EQ(bytes_of(out, "a/index.html"), "Site");
  EXPECT_FALSE(used_.count(path_));
}

TEST_F(SiteTaxonomies, WithoutTheFileUsingThemIsATemplateError) {
  put("page.html", "{{ site.taxonomies.tags }}");
  PagesShard out = render(one_page());
  EXPECT_TRUE(out.files.empty());
  EXPECT_NE(messages().find("site.taxonomies needs the taxonomies file"), std::string::npos) << messages();
}

TEST_F(RenderModel, PageTermsRelatedPermalinkAndSectionPages) {
  put("page.html",
      "{% for name, list in page.terms.items() %}{{ name }}:{% for t in list %}{{ t.name }}={{ t.url }};{% endfor %}"
      "{% endfor %}|{% for r in page.related %}{{ r.title }}={{ r.url }};{% endfor %}|{{ page.permalink }}|"
      "{% for e in section.pages %}{{ e.title }},{% endfor %}|{% for e in section.subsections %}{{ e.title }},"
      "{% endfor %}");
  PageLinks p = list_page(kKindPage, "/s/a/", "s/a/index.html", 0);
  p.section = "s";
  p.terms = {{"categories", "Dev", "/categories/dev/"}, {"tags", "Go", "/tags/go/"}, {"tags", "C#", "/tags/c%23/"}};
  p.related = {{"Other", "/s/b/"}, {"Third", "/c/"}};
  LinkShard links;
  links.pages.push_back(p);
  links.sections = {{"", "/", {{"S", "/s/", true}}},
                    {"s", "/s/", {{"Sub", "/s/sub/", true}, {"A", "/s/a/", false}, {"B", "/s/b/", false}}}};
  PagesShard out = render(links);
  EXPECT_EQ(messages(), "");
  EXPECT_EQ(bytes_of(out, "s/a/index.html"), "categories:Dev=/categories/dev/;tags:Go=/tags/go/;C#=/tags/c%23/;|"
                                             "Other=/s/b/;Third=/c/;|https://example.org/s/a/|A,B,|Sub,");
}

}  // namespace
}  // namespace bengal
