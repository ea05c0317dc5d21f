#include "model/site_outputs.h"

#include <algorithm>

namespace bengal {

std::string sitemap_part_file(size_t n) { return "sitemap-" + std::to_string(n) + ".xml"; }

std::vector<std::string> index_output_files(const Config& config, const Manifest& static_files) {
  auto is_static = [&](const char* name) {
    return std::any_of(static_files.files.begin(), static_files.files.end(),
                       [&](const ManifestEntry& e) { return e.path == name; });
  };
  std::vector<std::string> files;
  auto add = [&](bool on, const char* name) {
    if (on && !is_static(name)) files.push_back(name);
  };
  add(config.outputs.llms_full, kLlmsFullFile);
  add(config.outputs.llms, kLlmsFile);
  add(config.outputs.robots, kRobotsFile);
  add(config.outputs.search, kSearchFile);
  add(config.outputs.redirects, kRedirectsFile);
  add(config.outputs.sitemap, kSitemapFile);
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace bengal
