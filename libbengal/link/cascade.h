#pragma once
// Cascades: a section page's `cascade:` sets front matter on every page below it that does not
// set the key itself; the nearest ancestor wins. A cascade is a map, or a list of maps each
// limited by an optional `_target` (or `target`) map: `path`, a glob over the page's path
// ("/blog/**"), and `kind` ("page", "section", ...).
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/page.h"
#include "support/diagnostics.h"

namespace bengal {

// Glob over '/'-separated paths: '*' and '?' stay within a segment, "**" crosses segments.
bool glob_match(std::string_view pattern, std::string_view path);

class Cascades {
 public:
  // Reads the cascade of the section page of `section` (its front matter's `cascade` key),
  // checking its shape and values. Does nothing when the page has none.
  void add(const std::string& section, const PageMeta& page, Diagnostics& diags);

  bool empty() const { return by_section_.empty(); }

  // The keys the cascades of `section` and its ancestors give a page: `own` is the page's front
  // matter, `path` its logical path ("/blog/first-post") and `kind` its kind.
  nlohmann::json for_page(const FrontMatter& own, const std::string& section, const std::string& path,
                          const std::string& kind) const;

 private:
  struct Rule {
    std::string path_glob;  // "" matches every path
    std::string kind;       // "" matches every kind
    nlohmann::json values;
  };
  std::map<std::string, std::vector<Rule>> by_section_;
};

}  // namespace bengal
