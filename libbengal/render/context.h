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

// A section listing (for `nav` and `section`); made once per shard, shared by its pages.
tmpl::Value listing_context(const SectionListing& listing);

// One page's variables; `site` is the value site_context made for the shard, `nav` the
// listings from the home section down to the page's.
tmpl::Value page_context(const Site& site_record, const tmpl::Value& site, const PageLinks& page, const PageMeta* meta,
                         std::string content, std::vector<tmpl::Value> nav);

}  // namespace bengal
