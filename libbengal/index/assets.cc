#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <unordered_set>

#include "index/index.h"

namespace bengal {

// "/docs/a/" -> "a/index.html" under base path "/docs/"; "" when outside the base path.
static std::string output_path_of(const std::string& url, const std::string& base_path) {
  if (url.compare(0, base_path.size(), base_path) != 0) return "";
  std::string rel = url.substr(base_path.size());
  if (rel.empty() || rel.back() == '/') rel += "index.html";
  return rel;
}

void check_assets(const Config& config, const IndexInput& in, const std::vector<std::string>& index_files,
                  Diagnostics& diags) {
  std::unordered_set<std::string> published;
  for (const Manifest& m : in.published)
    for (const ManifestEntry& e : m.files) published.insert(e.path);
  for (const ManifestEntry& e : in.static_files.files) published.insert(e.path);
  for (const std::string& path : index_files) published.insert(path);
  const std::string base = config.base_path();
  for (const AssetRefsShard& shard : in.asset_refs)
    for (const PageAssets& page : shard.pages)
      for (const AssetRef& ref : page.assets) {
        std::string path = output_path_of(ref.url, base);
        if (path.empty() || published.count(path)) continue;
        // A folder URL without a trailing slash ("/guide") is served as /guide/ by most hosts.
        if (published.count(path + "/index.html")) continue;
        diags.error({page.source, ref.pos.line, ref.pos.col},
                    "'" + ref.url + "' is referenced by " + page.output + " but no file is published there");
      }
}

std::string render_asset_map(const std::vector<AssetRefsShard>& refs) {
  std::map<std::string, std::vector<std::string>> users;
  for (const AssetRefsShard& shard : refs)
    for (const PageAssets& page : shard.pages)
      for (const AssetRef& ref : page.assets) {
        std::vector<std::string>& list = users[ref.url];
        if (list.empty() || list.back() != page.source) list.push_back(page.source);
      }
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  for (auto& [url, pages] : users) {
    std::sort(pages.begin(), pages.end());
    pages.erase(std::unique(pages.begin(), pages.end()), pages.end());
    j[url] = pages;
  }
  return j.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace bengal
