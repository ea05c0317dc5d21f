#include "template/loader.h"

#include <algorithm>
#include <set>

#include "support/fs.h"
#include "support/paths.h"

namespace bengal::tmpl {

std::optional<TemplateSource> FileSystemLoader::get_source(std::string_view name) const {
  std::optional<std::string> relative = normalize_relative(name);
  if (!relative || relative->empty()) return std::nullopt;
  for (const std::string& folder : folders_) {
    std::string path = join_path(folder, *relative);
    if (file_exists(path)) return TemplateSource{read_file(path), path};
  }
  return std::nullopt;
}

std::vector<std::string> FileSystemLoader::list_templates() const {
  std::set<std::string> names;
  for (const std::string& folder : folders_) {
    try {  // suggestions only: an unreadable folder just offers none
      for (std::string& name : list_files_recursive(folder)) names.insert(std::move(name));
    } catch (const std::exception&) {
      continue;
    }
  }
  return {names.begin(), names.end()};
}

std::string FileSystemLoader::describe() const {
  std::string out;
  for (const std::string& folder : folders_) {
    if (!out.empty()) out += ", ";
    out += folder + "/";
  }
  return out;
}

std::optional<TemplateSource> MemoryLoader::get_source(std::string_view name) const {
  auto it = templates_.find(name);
  if (it == templates_.end()) return std::nullopt;
  return TemplateSource{it->second, it->first};
}

std::vector<std::string> MemoryLoader::list_templates() const {
  std::vector<std::string> names;
  for (const auto& entry : templates_) names.push_back(entry.first);
  return names;
}

}  // namespace bengal::tmpl
