#pragma once
// Static assets: the built-in theme's files, fingerprinted names, and the per-page record of
// which assets a page references (bengal-emit(1), bengal-render(1), bengal-index(1)).
#include <msgpack.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "format/msgpack_map.h"
#include "model/config.h"
#include "model/page.h"
#include "model/site.h"

namespace bengal {

// The built-in theme's assets (themes/default/static/), compiled into the tools and published
// at the same path unless the site's static folder has a file of that path.
std::vector<std::string_view> builtin_asset_names();  // sorted
std::optional<std::string_view> builtin_asset(std::string_view name);

// Whether `path` ("css/site.css") is fingerprinted under [assets].
bool is_fingerprinted(const AssetsConfig& config, std::string_view path);

// "css/site.css" with hash "3f9a…" -> "css/site.3f9a….css"; no extension: "LICENSE.3f9a…".
std::string fingerprinted_name(std::string_view path, std::string_view hash);

// The asset map (kind "assets"), written by `bengal-emit --hash-assets`: each fingerprinted
// asset's output path and content hash (xxh3), sorted by path. `source` is the site-relative
// file, empty for a built-in theme asset.
struct AssetEntry {
  std::string path;
  std::string hash;
  std::string source;
  BENGAL_DEFINE_MAP(path, hash, source);
};

struct AssetMap {
  std::vector<AssetEntry> files;
  BENGAL_DEFINE_MAP(files);

  // The entry for an output path, or nullptr (binary search: files are sorted).
  const AssetEntry* find(std::string_view path) const;
};

// One local asset a rendered page references (img, srcset, script, link, source, poster),
// as a site-absolute URL path without query or fragment: "/css/site.css".
struct AssetRef {
  std::string url;
  SourcePos pos;  // in the page's Markdown source when the body referenced it; else 0:0
  BENGAL_DEFINE_MAP(url, pos);
};

struct PageAssets {
  std::string source;  // the page's content file, or its output path for a generated page
  std::string output;  // "guide/index.html"
  std::vector<AssetRef> assets;  // sorted by url, unique
  BENGAL_DEFINE_MAP(source, output, assets);
};

// What one render shard's pages reference (kind "assetrefs"), merged by bengal-index.
struct AssetRefsShard {
  std::vector<PageAssets> pages;
  BENGAL_DEFINE_MAP(pages);
};

}  // namespace bengal
