#include "link/cascade.h"

#include "model/front_matter.h"
#include "support/paths.h"

namespace bengal {

bool glob_match(std::string_view pattern, std::string_view path) {
  // Recursive: patterns and paths are short, and each star tries each split once.
  if (pattern.empty()) return path.empty();
  if (pattern.substr(0, 3) == "**/") {  // zero or more whole segments
    std::string_view rest = pattern.substr(3);
    if (glob_match(rest, path)) return true;
    for (size_t i = 0; i < path.size(); ++i)
      if (path[i] == '/' && glob_match(rest, path.substr(i + 1))) return true;
    return false;
  }
  if (pattern.substr(0, 2) == "**") {  // anything, across segments
    std::string_view rest = pattern.substr(2);
    for (size_t i = 0; i <= path.size(); ++i)
      if (glob_match(rest, path.substr(i))) return true;
    return false;
  }
  if (pattern[0] == '*') {  // anything within this segment
    std::string_view rest = pattern.substr(1);
    for (size_t i = 0; i <= path.size(); ++i) {
      if (glob_match(rest, path.substr(i))) return true;
      if (i < path.size() && path[i] == '/') break;
    }
    return false;
  }
  if (path.empty()) return false;
  bool one = pattern[0] == '?' ? path[0] != '/' : pattern[0] == path[0];
  return one && glob_match(pattern.substr(1), path.substr(1));
}

static SourceLoc cascade_loc(const PageMeta& page) {
  auto it = page.front.positions.find("cascade");
  if (it == page.front.positions.end()) return {page.source, 0, 0};
  return {page.source, it->second.line, it->second.col};
}

void Cascades::add(const std::string& section, const PageMeta& page, Diagnostics& diags) {
  auto it = page.front.params.find("cascade");
  if (it == page.front.params.end() || it->is_null()) return;
  const SourceLoc loc = cascade_loc(page);
  nlohmann::json entries = it->is_array() ? *it : nlohmann::json::array({*it});
  std::vector<Rule>& rules = by_section_[section];
  for (const nlohmann::json& entry : entries) {
    if (!entry.is_object()) {
      diags.error(loc, "'cascade' must be a map, or a list of maps");
      return;
    }
    Rule rule;
    const nlohmann::json* target = entry.contains("_target") ? &entry["_target"]
                                   : entry.contains("target") ? &entry["target"]
                                                              : nullptr;
    if (target) {
      if (!target->is_object()) {
        diags.error(loc, "a cascade's '_target' must be a map with 'path' and/or 'kind'");
        return;
      }
      for (const auto& [key, value] : target->items()) {
        if (!value.is_string()) {
          diags.error(loc, "cascade '_target." + key + "' must be a string");
          return;
        }
        if (key == "path") rule.path_glob = value.get<std::string>();
        else if (key == "kind") rule.kind = value.get<std::string>();
        else diags.warning(loc, "cascade '_target." + key + "' is not supported (only 'path' and 'kind' are)");
      }
    }
    check_cascade(entry, loc, diags);
    rule.values = entry;
    rules.push_back(std::move(rule));
  }
}

nlohmann::json Cascades::for_page(const FrontMatter& own, const std::string& section, const std::string& path,
                                  const std::string& kind) const {
  nlohmann::json into = nlohmann::json::object();
  if (by_section_.empty()) return into;
  for (std::string key = section;; key = key.empty() ? std::string() : dirname(key)) {
    auto it = by_section_.find(key);
    if (it != by_section_.end()) {
      for (const Rule& rule : it->second) {
        if (!rule.kind.empty() && rule.kind != kind) continue;
        if (!rule.path_glob.empty() && !glob_match(rule.path_glob, path)) continue;
        collect_cascade(own, rule.values, into);
      }
    }
    if (key.empty()) break;
  }
  return into;
}

}  // namespace bengal
