#pragma once
// The site-wide files bengal-index writes into the output folder, by name. bengal-ninja-gen
// declares them as the index edge's outputs and bengal-index writes them; both ask
// index_output_files, so the two always agree.
#include <string>
#include <vector>

#include "model/config.h"
#include "model/site.h"

namespace bengal {

inline constexpr const char* kSitemapFile = "sitemap.xml";
inline constexpr const char* kSearchFile = "search/index.json";  // and its fragments (index/search.h)
inline constexpr const char* kRedirectsFile = "_redirects";
inline constexpr const char* kRobotsFile = "robots.txt";
inline constexpr const char* kLlmsFile = "llms.txt";
inline constexpr const char* kLlmsFullFile = "llms-full.txt";

// The sitemaps.org limit of URLs in one sitemap file; past it, sitemap.xml becomes a sitemap
// index of sitemap-1.xml, sitemap-2.xml, ... (not named here: how many depends on the pages;
// nor are the search index's fragments).
inline constexpr size_t kSitemapMaxUrls = 50000;

// "sitemap-3.xml": the name of the n-th (1-based) sitemap file a sitemap index points at.
std::string sitemap_part_file(size_t n);

// The site-wide files to write, sorted: each file [outputs] turns on, unless
// `static_files` (the static manifest: files copied from static/ and page resources) has one
// of that name: the site's own robots.txt (or llms.txt...) wins over the generated one.
std::vector<std::string> index_output_files(const Config& config, const Manifest& static_files);

}  // namespace bengal
