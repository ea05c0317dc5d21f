#include "index/index.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "index/search.h"
#include "support/hash.h"
#include "support/text.h"

namespace bengal {

std::string absolute_url(const Config& config, const std::string& url_path) {
  size_t scheme = config.baseurl.find("://");
  if (scheme == std::string::npos) return url_path;  // no origin configured: stay root-relative
  size_t path_start = config.baseurl.find('/', scheme + 3);
  std::string origin = path_start == std::string::npos ? config.baseurl : config.baseurl.substr(0, path_start);
  return origin + url_path;
}

std::string render_redirects(const PageTable& table) {
  std::vector<std::pair<std::string, std::string>> lines;
  for (const PageTableEntry& p : table.pages)
    for (const std::string& from : p.aliases) lines.emplace_back(percent_encode_url(from), percent_encode_url(p.url));
  std::sort(lines.begin(), lines.end());
  std::string out;
  for (const auto& [from, to] : lines) out += from + " " + to + " 301\n";
  return out;
}

std::string render_robots(const Config& config, bool has_sitemap) {
  std::string out = "User-agent: *\nAllow: /\n";
  std::string sitemap = absolute_url(config, config.base_path() + kSitemapFile);
  // The robots.txt protocol wants the sitemap's full URL: without an origin there is none.
  if (has_sitemap && sitemap.find("://") != std::string::npos) out += "\nSitemap: " + percent_encode_url(sitemap) + "\n";
  return out;
}

std::vector<std::string> wanted_index_outputs(const Config& config, const Manifest& static_files,
                                              const std::vector<std::string>& only) {
  std::vector<std::string> names = index_output_files(config, static_files);
  if (only.empty()) return names;
  names.erase(std::remove_if(names.begin(), names.end(),
                             [&](const std::string& n) { return std::find(only.begin(), only.end(), n) == only.end(); }),
              names.end());
  return names;
}

std::vector<OutputFile> render_index_outputs(const Config& config, const IndexInput& in, size_t sitemap_max_urls,
                                             const std::vector<std::string>& only) {
  const std::vector<std::string> names = index_output_files(config, in.static_files);
  const std::vector<std::string> wanted_names = wanted_index_outputs(config, in.static_files, only);
  auto named = [](const std::vector<std::string>& list, const char* name) {
    return std::find(list.begin(), list.end(), name) != list.end();
  };
  auto wanted = [&](const char* name) { return named(wanted_names, name); };
  bool static_sitemap = std::any_of(in.static_files.files.begin(), in.static_files.files.end(),
                                    [](const ManifestEntry& e) { return e.path == kSitemapFile; });
  std::vector<OutputFile> files;
  auto add = [&](const char* path, std::string bytes) {
    std::string hash = hash_hex(bytes);
    files.push_back({path, std::move(hash), std::move(bytes)});
  };
  if (wanted(kSitemapFile))
    for (OutputFile& f : render_sitemaps(config, in.table, sitemap_max_urls)) files.push_back(std::move(f));
  if (wanted(kSearchFile))
    for (OutputFile& f : render_search(in.table, in.metas, in.texts)) files.push_back(std::move(f));
  if (wanted(kRedirectsFile)) add(kRedirectsFile, render_redirects(in.table));
  if (wanted(kRobotsFile)) add(kRobotsFile, render_robots(config, named(names, kSitemapFile) || static_sitemap));
  if (wanted(kLlmsFile)) add(kLlmsFile, render_llms(config, in.table));
  if (wanted(kLlmsFullFile)) add(kLlmsFullFile, render_llms_full(config, in.table, in.texts));
  std::sort(files.begin(), files.end(), [](const OutputFile& a, const OutputFile& b) { return a.path < b.path; });
  return files;
}

Manifest manifest_of(const std::vector<OutputFile>& files) {
  std::vector<std::string> paths;
  for (const OutputFile& f : files) paths.push_back(f.path);
  return manifest_of(std::move(paths));
}

Manifest manifest_of(std::vector<std::string> paths) {
  std::sort(paths.begin(), paths.end());
  Manifest m;
  for (std::string& p : paths) m.files.push_back({std::move(p), ""});
  return m;
}

}  // namespace bengal
