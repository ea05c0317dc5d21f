#include <algorithm>
#include <nlohmann/json.hpp>

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
  for (const PageAssets& page : shard.pages)
    for (const AssetRef& ref : page.assets) {
      std::vector<std::string>& users = users_[ref.url];
      if (users.empty() || users.back() != page.source) users.push_back(page.source);
      std::string path = output_path_of(ref.url, base_path_);
      if (path.empty() || published_.count(path)) continue;
      // A folder URL without a trailing slash ("/guide") is served as /guide/ by most hosts.
      if (published_.count(path + "/index.html")) continue;
      diags.error({page.source, ref.pos.line, ref.pos.col},
                  "'" + ref.url + "' is referenced by " + page.output + " but no file is published there");
    }
}

std::string AssetCheck::asset_map() const {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  for (const auto& [url, users] : users_) {
    std::vector<std::string> pages = users;
    std::sort(pages.begin(), pages.end());
    pages.erase(std::unique(pages.begin(), pages.end()), pages.end());
    j[url] = std::move(pages);
  }
  return j.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace bengal
