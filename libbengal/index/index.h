#pragma once
// bengal-index: the site-wide outputs built from intermediates, never from rendered HTML.
#include <string>
#include <vector>

#include "model/config.h"
#include "model/page.h"
#include "model/site.h"

namespace bengal {

// sitemaps.org 0.9 XML: every published page, absolute URLs, lastmod (or date) when known.
std::string render_sitemap(const Config& config, const PageTable& table);

// A JSON array, one entry per page with a source: title, url, section, headings (id, text)
// and plain text. Sorted by URL, so the bytes are stable.
std::string render_search_index(const PageTable& table, const std::vector<MetaShard>& metas,
                                const std::vector<TextShard>& texts);

// The absolute form of a site URL path ("/docs/a/" -> "https://example.org/docs/a/").
std::string absolute_url(const Config& config, const std::string& url_path);

}  // namespace bengal
