#include "model/assets.h"

#include <algorithm>
#include <utility>

namespace bengal {

extern const std::pair<std::string_view, std::string_view> kDefaultThemeAssets[];
extern const size_t kDefaultThemeAssets_count;

std::vector<std::string_view> builtin_asset_names() {
  std::vector<std::string_view> names;
  for (size_t i = 0; i < kDefaultThemeAssets_count; ++i) names.push_back(kDefaultThemeAssets[i].first);
  std::sort(names.begin(), names.end());
  return names;
}

std::optional<std::string_view> builtin_asset(std::string_view name) {
  for (size_t i = 0; i < kDefaultThemeAssets_count; ++i)
    if (kDefaultThemeAssets[i].first == name) return kDefaultThemeAssets[i].second;
  return std::nullopt;
}

static std::string_view extension_of(std::string_view path) {
  size_t slash = path.rfind('/');
  size_t dot = path.rfind('.');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash) ||
      dot == (slash == std::string_view::npos ? 0 : slash + 1))  // ".htaccess" has no extension
    return {};
  return path.substr(dot + 1);
}

bool is_fingerprinted(const AssetsConfig& config, std::string_view path) {
  if (!config.fingerprint) return false;
  std::string ext(extension_of(path));
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  if (ext.empty()) return false;
  for (std::string e : config.fingerprint_extensions) {  // "CSS" and ".css" mean css too
    if (!e.empty() && e[0] == '.') e.erase(0, 1);
    std::transform(e.begin(), e.end(), e.begin(), [](unsigned char c) { return std::tolower(c); });
    if (e == ext) return true;
  }
  return false;
}

std::string fingerprinted_name(std::string_view path, std::string_view hash) {
  std::string_view ext = extension_of(path);
  if (ext.empty()) return std::string(path) + "." + std::string(hash);
  std::string_view stem = path.substr(0, path.size() - ext.size() - 1);
  return std::string(stem) + "." + std::string(hash) + "." + std::string(ext);
}

const AssetEntry* AssetMap::find(std::string_view path) const {
  auto it = std::lower_bound(files.begin(), files.end(), path,
                             [](const AssetEntry& e, std::string_view p) { return e.path < p; });
  return it != files.end() && it->path == path ? &*it : nullptr;
}

}  // namespace bengal
