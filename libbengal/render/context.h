#pragma once
// The variables every template sees (bengal-render(1), TEMPLATE CONTEXT):
//   site     title, baseurl, base_path, language, params, sections (the whole section tree),
//            menus (name -> entries: identifier, name, url, weight, children)
//   page     kind, title, url, content (safe HTML), toc, headings, date, lastmod, tags,
//            categories, params, summary, description, word_count, reading_time, prev,
//            next, ancestors, children, section, layout, has_h1
//   section  the page's section listing: key, url, entries (title, url, is_section)
//   nav      the sidebar: the section listings from the home section down to the page's
//   menus    site.menus with each entry marked `active` (this page) and `in_trail` (leads to it)
// plus the functions url_for(path), asset_url(path) and ref(path) (theme.h).
#include <string>
#include <vector>

#include "model/page.h"
#include "model/site.h"
#include "template/value.h"

namespace bengal {

tmpl::Value site_context(const Site& site);

// One page's variables; `site` is the value site_context made for the shard.
tmpl::Value page_context(const Site& site_record, const tmpl::Value& site, const PageLinks& page, const PageMeta* meta,
                         std::string content, const std::vector<const SectionListing*>& nav);

}  // namespace bengal
