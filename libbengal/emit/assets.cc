#include "emit/assets.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "support/failure.h"
#include "support/fs.h"
#include "support/hash.h"
#include "support/paths.h"

namespace bengal {

static std::string_view builtin_or_fail(const std::string& name) {
  std::optional<std::string_view> bytes = builtin_asset(name);
  if (!bytes)
    throw Failure(kExitUsage, "no built-in theme asset '" + name +
                                  "' in this build of bengal-emit; run bengal-ninja-gen again to regenerate build.ninja");
  return *bytes;
}

void write_builtin_asset(const std::string& name, const std::string& dest, EmitStats& stats) {
  if (write_file_if_changed(dest, builtin_or_fail(name))) ++stats.written;
  else ++stats.unchanged;
}

AssetMap hash_assets(const std::vector<std::string>& sources, const std::string& static_dir,
                     const std::vector<std::string>& builtins) {
  AssetMap map;
  const std::string prefix = static_dir + "/";
  for (const std::string& source : sources) {
    if (source.compare(0, prefix.size(), prefix) != 0)
      throw Failure(kExitUsage, source + ": not in the static folder '" + static_dir + "'");
    map.files.push_back({source.substr(prefix.size()), hash_hex(read_file(source)), source});
  }
  for (const std::string& name : builtins) map.files.push_back({name, hash_hex(builtin_or_fail(name)), ""});
  std::sort(map.files.begin(), map.files.end(), [](const AssetEntry& a, const AssetEntry& b) { return a.path < b.path; });
  for (size_t i = 1; i < map.files.size(); ++i)
    if (map.files[i].path == map.files[i - 1].path)
      throw Failure(kExitUsage, "asset '" + map.files[i].path + "' is both a static file and a built-in theme asset");
  return map;
}

std::string asset_manifest_json(const AssetMap& map) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  for (const AssetEntry& e : map.files) j[e.path] = fingerprinted_name(e.path, e.hash);
  return j.dump(2) + "\n";
}

Manifest publish_assets(const AssetMap& map, const std::string& output_dir, EmitStats& stats) {
  Manifest manifest;
  auto write = [&](const std::string& rel, std::string_view bytes) {
    if (write_file_if_changed(join_path(output_dir, rel), bytes)) ++stats.written;
    else ++stats.unchanged;
    manifest.files.push_back({rel, ""});
  };
  for (const AssetEntry& e : map.files) {
    std::string name = fingerprinted_name(e.path, e.hash);
    if (!is_safe_output_path(name)) throw Failure(kExitUsage, "asset path '" + e.path + "' leaves the output folder");
    if (file_exists(join_path(output_dir, name))) {
      // The name carries the content hash: a file of that name already has these bytes.
      ++stats.unchanged;
      manifest.files.push_back({name, ""});
    } else if (e.source.empty()) {
      write(name, builtin_or_fail(e.path));
    } else {
      write(name, read_file(e.source));
    }
  }
  write("asset-manifest.json", asset_manifest_json(map));
  std::sort(manifest.files.begin(), manifest.files.end(),
            [](const ManifestEntry& a, const ManifestEntry& b) { return a.path < b.path; });
  return manifest;
}

}  // namespace bengal
