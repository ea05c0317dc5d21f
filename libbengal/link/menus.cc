#include "link/menus.h"

#include <algorithm>
#include <cstdint>
#include <set>

#include "support/text.h"

namespace bengal {

namespace {

SourceLoc menu_key_loc(const PageMeta& page) {
  auto it = page.front.positions.find("menu");
  return it == page.front.positions.end() ? SourceLoc{page.source, 0, 0}
                                          : SourceLoc{page.source, it->second.line, it->second.col};
}

// Reads {name, weight, parent, identifier} over the defaults in `item`.
bool read_item_options(const nlohmann::json& options, MenuItem& item, Diagnostics& diags) {
  if (options.is_null()) return true;
  if (!options.is_object()) {
    diags.error(item.loc, "front matter 'menu." + item.menu + "' must be a map of name, weight, parent, identifier");
    return false;
  }
  static const std::vector<std::string> kKeys = {"name", "weight", "parent", "identifier"};
  for (const auto& [key, value] : options.items()) {
    bool ok = key == "weight" ? value.is_number_integer() : value.is_string();
    if (std::find(kKeys.begin(), kKeys.end(), key) == kKeys.end()) {
      diags.error(item.loc, "unknown key 'menu." + item.menu + "." + key + "'" + did_you_mean(key, kKeys));
      return false;
    }
    if (!ok) {
      diags.error(item.loc, "front matter 'menu." + item.menu + "." + key + "' must be " +
                                (key == "weight" ? "an integer" : "a string"));
      return false;
    }
    if (key == "weight") item.weight = value.get<int64_t>();
    else if (key == "name") item.name = value.get<std::string>();
    else if (key == "parent") item.parent = value.get<std::string>();
    else item.identifier = value.get<std::string>();
  }
  return true;
}

bool before(const MenuEntry& a, const MenuEntry& b) {
  auto w = [](const MenuEntry& e) { return e.weight == 0 ? INT64_MAX : e.weight; };
  if (w(a) != w(b)) return w(a) < w(b);
  if (a.name != b.name) return a.name < b.name;
  return a.identifier < b.identifier;
}

void sort_tree(std::vector<MenuEntry>& entries) {
  std::sort(entries.begin(), entries.end(), before);
  for (MenuEntry& e : entries) sort_tree(e.children);
}

}  // namespace

std::vector<MenuItem> front_matter_menu_items(const PageMeta& page, const std::string& url, const std::string& title,
                                              Diagnostics& diags) {
  std::vector<MenuItem> items;
  // Only what the page wrote itself (`positions` says which keys): bengal-link applies
  // cascades to the front matter in place, and a cascade puts no page in a menu.
  const auto& own = page.front.positions;
  auto it = page.front.params.find("menu");
  if (it == page.front.params.end() || !own.count("menu")) return items;
  const int64_t weight = own.count("weight") ? page.front.weight : 0;
  auto item_for = [&](const std::string& menu) {
    return MenuItem{menu, page.rel, title, url, "", weight, menu_key_loc(page)};
  };
  const nlohmann::json& menu = *it;
  if (menu.is_string()) {
    items.push_back(item_for(menu.get<std::string>()));
  } else if (menu.is_array() && std::all_of(menu.begin(), menu.end(), [](const auto& m) { return m.is_string(); })) {
    for (const auto& m : menu) items.push_back(item_for(m.get<std::string>()));
  } else if (menu.is_object()) {
    for (const auto& [name, options] : menu.items()) {
      MenuItem item = item_for(name);
      if (read_item_options(options, item, diags)) items.push_back(std::move(item));
    }
  } else {
    diags.error(menu_key_loc(page), "front matter 'menu' must be a menu name, a list of names, or a map");
  }
  return items;
}

std::map<std::string, std::vector<MenuEntry>> assemble_menus(std::vector<MenuItem> items, Diagnostics& diags) {
  std::map<std::string, std::vector<MenuItem>> by_menu;
  for (MenuItem& item : items) {
    if (item.identifier.empty()) item.identifier = item.name;
    by_menu[item.menu].push_back(std::move(item));
  }
  std::map<std::string, std::vector<MenuEntry>> menus;
  for (auto& [menu, list] : by_menu) {
    std::map<std::string, size_t> index;  // identifier -> item
    std::vector<std::string> identifiers;
    for (size_t i = 0; i < list.size(); ++i) {
      if (!index.emplace(list[i].identifier, i).second) {
        diags.error(list[i].loc, "menu '" + menu + "' already has an entry '" + list[i].identifier +
                                     "' (give one an 'identifier')");
        continue;
      }
      identifiers.push_back(list[i].identifier);
    }
    // Build each entry once its children are known: depth-first from the roots, so an entry
    // that cannot reach a root (a parent cycle) is never built and is reported.
    std::map<std::string, std::vector<size_t>> children;
    std::vector<size_t> roots;
    for (const auto& [id, i] : index) {
      const MenuItem& item = list[i];
      if (item.parent.empty()) {
        roots.push_back(i);
      } else if (!index.count(item.parent)) {
        diags.error(item.loc, "menu '" + menu + "' has no entry '" + item.parent + "' to be the parent of '" +
                                  item.identifier + "'" + did_you_mean(item.parent, identifiers));
      } else {
        children[item.parent].push_back(i);
      }
    }
    std::set<size_t> built;
    auto build = [&](auto&& self, size_t i) -> MenuEntry {
      built.insert(i);
      const MenuItem& item = list[i];
      MenuEntry e{item.identifier, item.name, item.url, item.weight, {}};
      for (size_t c : children[item.identifier]) e.children.push_back(self(self, c));
      return e;
    };
    std::vector<MenuEntry>& entries = menus[menu];
    for (size_t r : roots) entries.push_back(build(build, r));
    for (const auto& [id, i] : index)
      if (!built.count(i) && !list[i].parent.empty() && index.count(list[i].parent))
        diags.error(list[i].loc, "menu '" + menu + "': the parents of '" + id + "' form a cycle");
    sort_tree(entries);
  }
  return menus;
}

}  // namespace bengal
