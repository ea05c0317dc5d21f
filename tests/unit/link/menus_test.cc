#include "link/menus.h"

#include <gtest/gtest.h>

namespace bengal {
namespace {

PageMeta page_with_menu(nlohmann::json menu, int64_t weight = 0) {
  PageMeta m;
  m.rel = "about.md";
  m.source = "content/about.md";
  m.front.weight = weight;
  if (weight) m.front.positions["weight"] = {3, 9};
  m.front.params["menu"] = std::move(menu);
  m.front.positions["menu"] = {4, 7};
  return m;
}

std::vector<std::string> messages(const Diagnostics& d) {
  std::vector<std::string> out;
  for (const Diagnostic& x : d.items()) out.push_back(format_diagnostic(x, "bengal-link"));
  return out;
}

TEST(FrontMatterMenu, NameListOrMap) {
  Diagnostics diags;
  auto one = front_matter_menu_items(page_with_menu("main", 3), "/about/", "About", diags);
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(one[0].menu, "main");
  EXPECT_EQ(one[0].name, "About");
  EXPECT_EQ(one[0].url, "/about/");
  EXPECT_EQ(one[0].weight, 3);
  EXPECT_EQ(one[0].identifier, "about.md");
  auto two = front_matter_menu_items(page_with_menu({"main", "footer"}), "/about/", "About", diags);
  ASSERT_EQ(two.size(), 2u);
  EXPECT_EQ(two[1].menu, "footer");
  auto map = front_matter_menu_items(
      page_with_menu({{"main", {{"name", "Me"}, {"weight", 9}, {"parent", "docs"}, {"identifier", "me"}}}}), "/about/",
      "About", diags);
  ASSERT_EQ(map.size(), 1u);
  EXPECT_EQ(map[0].name, "Me");
  EXPECT_EQ(map[0].weight, 9);
  EXPECT_EQ(map[0].parent, "docs");
  EXPECT_EQ(map[0].identifier, "me");
  EXPECT_FALSE(diags.has_errors());
}

TEST(FrontMatterMenu, BadShapesAreErrorsAtTheKey) {
  Diagnostics diags;
  front_matter_menu_items(page_with_menu(42), "/a/", "A", diags);
  front_matter_menu_items(page_with_menu({{"main", {{"wieght", 2}}}}), "/a/", "A", diags);
  front_matter_menu_items(page_with_menu({{"main", {{"weight", "heavy"}}}}), "/a/", "A", diags);
  EXPECT_EQ(messages(diags),
            (std::vector<std::string>{
                "content/about.md:4:7: error: front matter 'menu' must be a menu name, a list of names, or a map",
                "content/about.md:4:7: error: unknown key 'menu.main.wieght' (did you mean 'weight'?)",
                "content/about.md:4:7: error: front matter 'menu.main.weight' must be an integer"}));
}

MenuItem item(std::string id, std::string parent = "", int64_t weight = 0, std::string name = "") {
  return MenuItem{"main", id, name.empty() ? id : name, "/" + id + "/", std::move(parent), weight,
                  {"bengal.toml", 1, 1}};
}

TEST(AssembleMenus, NestsByParentAndSortsByWeightThenName) {
  Diagnostics diags;
  auto menus = assemble_menus({item("b"), item("a"), item("docs", "", 1), item("guide", "docs", 2),
                               item("api", "docs", 1)},
                              diags);
  EXPECT_FALSE(diags.has_errors());
  const auto& main = menus.at("main");
  ASSERT_EQ(main.size(), 3u);
  EXPECT_EQ(main[0].identifier, "docs");  // weighted first
  EXPECT_EQ(main[1].identifier, "a");     // then unweighted by name
  EXPECT_EQ(main[2].identifier, "b");
  ASSERT_EQ(main[0].children.size(), 2u);
  EXPECT_EQ(main[0].children[0].identifier, "api");
  EXPECT_EQ(main[0].children[1].identifier, "guide");
}

TEST(AssembleMenus, DuplicatesUnknownParentsAndCyclesAreErrors) {
  Diagnostics diags;
  auto menus = assemble_menus({item("a"), item("a"), item("c", "dcos"), item("docs"), item("x", "y"), item("y", "x")},
                              diags);
  EXPECT_EQ(messages(diags),
            (std::vector<std::string>{
                "bengal.toml:1:1: error: menu 'main' already has an entry 'a' (give one an 'identifier')",
                "bengal.toml:1:1: error: menu 'main' has no entry 'dcos' to be the parent of 'c' (did you mean 'docs'?)",
                "bengal.toml:1:1: error: menu 'main': the parents of 'x' form a cycle",
                "bengal.toml:1:1: error: menu 'main': the parents of 'y' form a cycle"}));
  ASSERT_EQ(menus.at("main").size(), 2u);  // a and docs
}

}  // namespace
}  // namespace bengal
