#include "support/paths.h"

#include <gtest/gtest.h>

namespace bengal {

TEST(NormalizeRelative, ResolvesDots) {
  EXPECT_EQ(normalize_relative("a/./b/../c").value(), "a/c");
  EXPECT_EQ(normalize_relative("a//b/").value(), "a/b");
  EXPECT_EQ(normalize_relative("").value(), "");
}

TEST(NormalizeRelative, RefusesEscapes) {
  EXPECT_FALSE(normalize_relative("../x").has_value());
  EXPECT_FALSE(normalize_relative("a/../../x").has_value());
  EXPECT_FALSE(normalize_relative("/etc/passwd").has_value());
}

TEST(ResolveRelative, JoinsAgainstFolder) {
  EXPECT_EQ(resolve_relative("docs/guide", "../intro.md").value(), "docs/intro.md");
  EXPECT_EQ(resolve_relative("docs", "/blog/a.md").value(), "blog/a.md");
  EXPECT_FALSE(resolve_relative("docs", "../../x.md").has_value());
}

TEST(PathParts, SplitNames) {
  EXPECT_EQ(dirname("a/b/c.md"), "a/b");
  EXPECT_EQ(dirname("c.md"), "");
  EXPECT_EQ(basename("a/b/c.md"), "c.md");
  EXPECT_EQ(strip_extension("a.b/c"), "a.b/c");
  EXPECT_EQ(strip_extension("a/c.md"), "a/c");
}

}  // namespace bengal
