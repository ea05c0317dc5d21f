#pragma once
// Menus: entries from bengal.toml ([[menu.<name>]]) and from pages' front matter (`menu:`),
// nested by `parent` identifiers and sorted by weight, then name.
#include <map>
#include <string>
#include <vector>

#include "model/page.h"
#include "model/site.h"
#include "support/diagnostics.h"

namespace bengal {

struct MenuItem {
  std::string menu;
  std::string identifier;
  std::string name;
  std::string url;
  std::string parent;
  int64_t weight = 0;
  SourceLoc loc;  // for messages: the config entry or the page's `menu` key
};

// The items a page's front matter asks for. `menu` may be a menu name, a list of names, or a
// map from menu name to {name, weight, parent, identifier}. Defaults: the page's title, URL
// and weight; the identifier is the page's source path.
std::vector<MenuItem> front_matter_menu_items(const PageMeta& page, const std::string& url, const std::string& title,
                                              Diagnostics& diags);

// Nests and sorts every menu. A duplicate identifier, an unknown parent or a parent cycle is
// an error at the item.
std::map<std::string, std::vector<MenuEntry>> assemble_menus(std::vector<MenuItem> items, Diagnostics& diags);

}  // namespace bengal
