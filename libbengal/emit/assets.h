#pragma once
// Theme assets and fingerprinted assets (bengal-emit(1) --builtin, --hash-assets,
// --publish-assets).
#include <string>
#include <vector>

#include "emit/emit.h"
#include "model/assets.h"

namespace bengal {

// Writes the built-in theme asset `name` to dest, only when the bytes changed. An unknown
// name is a usage error (the build file names a theme asset this build of the tools lacks).
void write_builtin_asset(const std::string& name, const std::string& dest, EmitStats& stats);

// Hashes the site's static files (`sources`, site-relative, under `static_dir`) and the named
// built-in theme assets: the asset map that asset_url() reads. Sorted by output path; a
// static file and a built-in asset of one path is a usage error (the static file wins, so the
// build file should not name that built-in).
AssetMap hash_assets(const std::vector<std::string>& sources, const std::string& static_dir,
                     const std::vector<std::string>& builtins);

// Publishes every asset of the map under its fingerprinted name, and asset-manifest.json
// ({"css/site.css": "css/site.3f9a….css", …}) at the root of output_dir, each only when the
// bytes changed. Returns the manifest of what it wrote, for the prune step.
Manifest publish_assets(const AssetMap& map, const std::string& output_dir, EmitStats& stats);

// The JSON of asset-manifest.json for a map: keys and values are output paths.
std::string asset_manifest_json(const AssetMap& map);

}  // namespace bengal
