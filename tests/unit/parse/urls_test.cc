#include "parse/urls.h"

#include <gtest/gtest.h>

namespace bengal {

TEST(ClassifyUrl, SchemesAndAbsolutePathsAreExternal) {
  EXPECT_EQ(classify_url("https://example.org/a.md"), UrlKind::kExternal);
  EXPECT_EQ(classify_url("mailto:me@example.org"), UrlKind::kExternal);
  EXPECT_EQ(classify_url("/docs/a.md"), UrlKind::kExternal);
  EXPECT_EQ(classify_url("//cdn.example.org/x.js"), UrlKind::kExternal);
}

TEST(ClassifyUrl, LocalAnchorsAndQueries) {
  EXPECT_EQ(classify_url(""), UrlKind::kLocal);
  EXPECT_EQ(classify_url("#usage"), UrlKind::kLocal);
  EXPECT_EQ(classify_url("?page=2"), UrlKind::kLocal);
}

TEST(ClassifyUrl, MarkdownFilesArePages) {
  EXPECT_EQ(classify_url("install.md"), UrlKind::kPage);
  EXPECT_EQ(classify_url("../guide/install.md#step-2"), UrlKind::kPage);
  EXPECT_EQ(classify_url("./README.MD"), UrlKind::kResource);  // only lower-case .md files are pages
  EXPECT_EQ(classify_url("a.md?x=1"), UrlKind::kPage);
}

TEST(ClassifyUrl, OtherRelativePathsAreResources) {
  EXPECT_EQ(classify_url("img/x.png"), UrlKind::kResource);
  EXPECT_EQ(classify_url("files/"), UrlKind::kResource);
  EXPECT_EQ(classify_url("notes.md.txt"), UrlKind::kResource);
  EXPECT_EQ(classify_url("a:b/c.png"), UrlKind::kExternal);  // looks like a scheme
  EXPECT_EQ(classify_url("a/b:c.png"), UrlKind::kResource);
}

TEST(ResourceSiteUrl, ResolvesAgainstThePageFolder) {
  EXPECT_EQ(resource_site_url("img/x.png", "docs/guide", "/").value(), "/docs/guide/img/x.png");
  EXPECT_EQ(resource_site_url("img/x.png", "docs/guide", "/docs/").value(), "/docs/docs/guide/img/x.png");
  EXPECT_EQ(resource_site_url("../shared/x.png", "docs/guide", "/").value(), "/docs/shared/x.png");
  EXPECT_EQ(resource_site_url("./x.png", "", "/").value(), "/x.png");
}

TEST(ResourceSiteUrl, KeepsQueryFragmentAndFolderSlash) {
  EXPECT_EQ(resource_site_url("x.png?v=2#top", "a", "/").value(), "/a/x.png?v=2#top");
  EXPECT_EQ(resource_site_url("../other/", "docs/guide", "/").value(), "/docs/other/");
  EXPECT_EQ(resource_site_url("..", "docs/guide", "/").value(), "/docs/");
  EXPECT_EQ(resource_site_url("../..", "docs/guide", "/b/").value(), "/b/");
}

TEST(ResourceSiteUrl, RefusesPathsThatClimbOut) {
  EXPECT_FALSE(resource_site_url("../../x.png", "docs", "/").has_value());
  EXPECT_FALSE(resource_site_url("../x.png", "", "/").has_value());
}

}  // namespace bengal
