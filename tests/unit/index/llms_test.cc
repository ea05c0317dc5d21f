// llms.txt and llms-full.txt: the llmstxt.org structure (H1, blockquote, H2 sections of link
// lines), which pages go where, escaping, and the plain text of every page in URL order.
#include <gtest/gtest.h>

#include <regex>
#include <string>
#include <vector>

#include "index_test_util.h"

namespace bengal {
namespace {

using namespace bengal::testing;

// A small blog: home, a root page, two top-level sections (one with a subsection), a
// taxonomy and a term, and a 404 page.
PageTable blog() {
  return table({
      entry_of_kind(kKindHome, "/", "", "Field Notes", "Notes on walks.\nAnd tools.", "_index.md"),
      entry_of_kind(kKind404, "/404.html", "", "Page not found"),
      entry_of_kind(kKindPage, "/about/", "", "About [me]", "Who writes this.", "about.md"),
      entry_of_kind(kKindSection, "/guide/", "guide", "Guide", "", ""),
      entry_of_kind(kKindPage, "/guide/install/", "guide", "Install", "Get it (fast).", "guide/install.md"),
      entry_of_kind(kKindSection, "/posts/", "posts", "Posts", "Every post.", "posts/_index.md"),
      entry_of_kind(kKindPage, "/posts/hello (world)/", "posts", "Hello", "", "posts/hello.md"),
      entry_of_kind(kKindSection, "/posts/walks/", "posts/walks", "Walks", "", "posts/walks/_index.md"),
      entry_of_kind(kKindPage, "/posts/walks/dune/", "posts/walks", "The dune path", "Sand.", "posts/walks/dune.md"),
      entry_of_kind(kKindTaxonomy, "/tags/", "", "Tags"),
      entry_of_kind(kKindTerm, "/tags/go/", "", "Go"),
  });
}

Config site() {
  Config c = config_with("https://example.org/");
  c.title = "Field Notes";
  return c;
}

TEST(IndexLlms, TitleDescriptionAndOneSectionPerTopLevelSection) {
  EXPECT_EQ(render_llms(site(), blog()),
            "# Field Notes\n"
            "\n"
            "> Notes on walks. And tools.\n"
            "\n"
            "## Guide\n"
            "\n"
            "- [Guide](https://example.org/guide/)\n"
            "- [Install](https://example.org/guide/install/): Get it (fast).\n"
            "\n"
            "## Posts\n"
            "\n"
            "- [Posts](https://example.org/posts/): Every post.\n"
            "- [Hello](https://example.org/posts/hello%20%28world%29/)\n"
            "- [Walks](https://example.org/posts/walks/)\n"
            "- [The dune path](https://example.org/posts/walks/dune/): Sand.\n"
            "\n"
            "## Pages\n"
            "\n"
            "- [About \\[me\\]](https://example.org/about/): Who writes this.\n");
}

TEST(IndexLlms, DescriptionsAreOneLine) {
  PageTable t = table({entry_of_kind(kKindHome, "/", "", "Home", "", "_index.md"),
                       entry_of_kind(kKindPage, "/a/", "", "A", " \t Lead\n\n and   trail\r\n ", "a.md")});
  EXPECT_NE(render_llms(site(), t).find("- [A](https://example.org/a/): Lead and trail\n"), std::string::npos)
      << render_llms(site(), t);
}

TEST(IndexLlms, TheSiteDescriptionWinsOverTheHomePages) {
  Config c = site();
  c.description = "  A blog\tabout  walking. ";
  std::string out = render_llms(c, blog());
  EXPECT_EQ(out.rfind("# Field Notes\n\n> A blog about walking.\n\n## Guide\n", 0), 0u) << out;
}

TEST(IndexLlms, NoDescriptionNoBlockquote) {
  PageTable t = blog();
  t.pages[0].description = "";
  EXPECT_EQ(render_llms(site(), t).rfind("# Field Notes\n\n## Guide\n", 0), 0u);
}

TEST(IndexLlms, ASiteWithOnlyAHomePageIsJustTheHeader) {
  EXPECT_EQ(render_llms(site(), table({blog().pages[0]})), "# Field Notes\n\n> Notes on walks. And tools.\n");
}

TEST(IndexLlms, EveryLinkLineParses) {
  Config c = site();
  c.baseurl = "https://example.org/docs/";
  std::string out = render_llms(c, blog());
  std::regex link(R"(^- \[((?:[^\[\]\\]|\\.)+)\]\((https://example\.org/[^\s()]*)\)(: .+)?$)");
  int lines = 0;
  size_t start = 0;
  while (start < out.size()) {
    size_t end = out.find('\n', start);
    std::string line = out.substr(start, end - start);
    start = end + 1;
    if (line.rfind("- ", 0) != 0) continue;
    ++lines;
    EXPECT_TRUE(std::regex_match(line, link)) << line;
  }
  EXPECT_EQ(lines, 7);
}

TEST(IndexLlms, RootRelativeWithoutAnOrigin) {
  std::string out = render_llms(config_with("/"), blog());
  EXPECT_NE(out.find("- [Install](/guide/install/): Get it (fast).\n"), std::string::npos) << out;
}

// --- llms-full.txt ----------------------------------------------------------------------

TEST(IndexLlmsFull, EveryPageWithASourceInUrlOrderWithItsText) {
  PageTable t = blog();
  TextShard a, b;
  a.pages = {{"guide/install.md", "Run the installer.\nThen check.\n"}, {"_index.md", "Welcome."}};
  b.pages = {{"about.md", "I walk."}};
  EXPECT_EQ(render_llms_full(site(), t, {a, b}),
            "# Field Notes\n"
            "\n"
            "> Notes on walks. And tools.\n"
            "\n---\n\n## Field Notes\n\nURL: https://example.org/\n\nWelcome.\n"
            "\n---\n\n## About [me]\n\nURL: https://example.org/about/\n\nI walk.\n"
            "\n---\n\n## Install\n\nURL: https://example.org/guide/install/\n\nRun the installer.\nThen check.\n"
            "\n---\n\n## Posts\n\nURL: https://example.org/posts/\n"
            "\n---\n\n## Hello\n\nURL: https://example.org/posts/hello%20%28world%29/\n"
            "\n---\n\n## Walks\n\nURL: https://example.org/posts/walks/\n"
            "\n---\n\n## The dune path\n\nURL: https://example.org/posts/walks/dune/\n");
}

TEST(IndexLlmsFull, BytesDoNotDependOnShardOrder) {
  TextShard a, b;
  a.pages = {{"guide/install.md", "Install text"}};
  b.pages = {{"about.md", "About text"}};
  EXPECT_EQ(render_llms_full(site(), blog(), {a, b}), render_llms_full(site(), blog(), {b, a}));
}

TEST(IndexLlmsFull, AnEmptyTableIsJustTheTitle) {
  EXPECT_EQ(render_llms_full(site(), {}, {}), "# Field Notes\n");
}

}  // namespace
}  // namespace bengal
