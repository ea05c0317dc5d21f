#include <algorithm>
#include <nlohmann/json.hpp>
#include <string_view>

#include "index/index.h"

namespace bengal {

// "/docs/a/" -> "a/index.html" under base path "/docs/"; "" when outside the base path.
static std::string output_path_of(const std::string& url, const std::string& base_path) {
  if (url.compare(0, base_path.size(), base_path) != 0) return "";
  std::string rel = url.substr(base_path.size());
  if (rel.empty() || rel.back() == '/') rel += "index.html";
  return rel;
}

AssetCheck::AssetCheck(const Config& config, const Manifest& static_files, const std::vector<std::string>& index_files)
    : base_path_(config.base_path()) {
  add_published(static_files);
  published_.insert(index_files.begin(), index_files.end());
}

void AssetCheck::add_published(const Manifest& published) {
  for (const ManifestEntry& e : published.files) published_.insert(e.path);
}

void AssetCheck::check(const AssetRefsShard& shard, Diagnostics& diags) {
  for (const PageAssets& page : shard.pages) {
    // A list page's pagers share its source, one after the other: kept once.
    if (pages_.empty() || pages_.back() != page.source) pages_.push_back(page.source);
    const uint32_t page_index = static_cast<uint32_t>(pages_.size() - 1);
    for (const AssetRef& ref : page.assets) {
      std::vector<uint32_t>& users = users_[ref.url];
      if (users.empty() || users.back() != page_index) users.push_back(page_index);
      std::string path = output_path_of(ref.url, base_path_);
      if (path.empty() || published_.count(path)) continue;
      // A folder URL without a trailing slash ("/guide") is served as /guide/ by most hosts.
      if (published_.count(path + "/index.html")) continue;
      diags.error({page.source, ref.pos.line, ref.pos.col},
                  "'" + ref.url + "' is referenced by " + page.output + " but no file is published there");
    }
  }
}

// A JSON string, escaped as nlohmann::json escapes it (invalid UTF-8 replaced).
static std::string json_string(std::string_view text) {
  return nlohmann::json(std::string(text)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// Written out by hand in the layout of nlohmann's dump(1): at 100k pages the map lists half a
// million users, and a json tree of them cost more memory than the rest of the check.
std::string AssetCheck::asset_map() const {
  if (users_.empty()) return "{}\n";
  std::string out = "{";
  const char* separator = "\n";
  for (const auto& [url, users] : users_) {
    std::vector<std::string_view> sources;
    for (uint32_t page : users) sources.push_back(pages_[page]);
    std::sort(sources.begin(), sources.end());
    sources.erase(std::unique(sources.begin(), sources.end()), sources.end());
    out += separator;
    out += " " + json_string(url) + ": [";
    for (size_t i = 0; i < sources.size(); ++i) out += (i ? ",\n  " : "\n  ") + json_string(sources[i]);
    out += "\n ]";
    separator = ",\n";
  }
  return out + "\n}\n";
}

}  // namespace bengal
