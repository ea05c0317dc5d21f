#include "link/template_refs.h"

#include <gtest/gtest.h>

#include "link/link.h"

namespace bengal {
namespace {

TEST(FindTemplateRefs, FindsLiteralCallsWithTheirPositions) {
  std::string text = "<a href=\"{{ ref('guide/install') }}\">\n  {{ ref( \"docs#top\" ) }} {{ ref(name) }}\n";
  std::vector<TemplateRef> refs = find_template_refs(text, "templates/page.html");
  ASSERT_EQ(refs.size(), 2u);
  EXPECT_EQ(refs[0].path, "guide/install");
  EXPECT_EQ(refs[0].loc.line, 1u);
  EXPECT_EQ(refs[0].loc.col, 17u);
  EXPECT_EQ(refs[1].path, "docs#top");
  EXPECT_EQ(refs[1].loc.line, 2u);
  EXPECT_EQ(refs[1].loc.col, 11u);
}

TEST(FindTemplateRefs, IgnoresOtherNamesEndingInRef) {
  EXPECT_TRUE(find_template_refs("{{ href('x') }} {{ page.ref('y') }} {{ xref(\"z\") }}", "t").empty());
}

PageMeta page(const std::string& rel, const std::string& title, std::vector<Heading> headings = {}) {
  PageMeta m;
  m.rel = rel;
  m.source = "content/" + rel;
  m.front.title = title;
  m.headings = std::move(headings);
  return m;
}

TEST(LinkTemplateRefs, ResolvesIntoTheSiteFile) {
  MetaShard shard;
  shard.pages = {page("guide/install.md", "Install", {{2, "steps", "Steps"}}), page("guide/_index.md", "Guide")};
  LinkOptions options;
  options.template_refs = {{"guide/install", {"templates/page.html", 3, 9}},
                           {"guide/install#steps", {"templates/page.html", 5, 9}}};
  Config config;
  Diagnostics diags;
  LinkResult r = link_site(config, {shard}, options, diags);
  EXPECT_FALSE(diags.has_errors());
  EXPECT_EQ(r.site.refs.at("guide/install").url, "/guide/install/");
  EXPECT_EQ(r.site.refs.at("guide/install").title, "Install");
  EXPECT_EQ(r.site.refs.at("guide/install#steps").url, "/guide/install/#steps");
}

TEST(LinkTemplateRefs, BrokenRefIsAnErrorAtTheTemplate) {
  MetaShard shard;
  shard.pages = {page("guide/install.md", "Install")};
  LinkOptions options;
  options.template_refs = {{"guide/instal", {"templates/page.html", 3, 9}},
                           {"guide/install#nope", {"templates/page.html", 4, 2}}};
  Config config;
  Diagnostics diags;
  link_site(config, {shard}, options, diags);
  ASSERT_EQ(diags.error_count(), 2u);
  EXPECT_EQ(format_diagnostic(diags.items()[0], "bengal-link"),
            "templates/page.html:3:9: error: ref('guide/instal'): no page content/guide/instal.md "
            "(did you mean 'guide/install'?)");
  EXPECT_EQ(format_diagnostic(diags.items()[1], "bengal-link"),
            "templates/page.html:4:2: error: ref('guide/install#nope'): no heading '#nope' in "
            "content/guide/install.md");
}

}  // namespace
}  // namespace bengal
