#pragma once
// The variables every template sees (bengal-render(1), TEMPLATE CONTEXT):
//   site       title, baseurl, base_path, language, params, sections (the whole section tree),
//              menus (name -> entries: identifier, name, url, weight, children), taxonomies
//              (read on first use: name, singular, title, url, terms: name, slug, url, count)
//   page       kind, title, url, permalink, content (safe HTML), toc, headings, date, lastmod,
//              tags, categories, terms (taxonomy -> name, url), params, summary, description,
//              word_count, reading_time, prev, next, ancestors, children, related, section,
//              layout, has_h1
//   section    the page's section listing: key, url, entries (title, url, is_section), and
//              the same split into pages and subsections
//   nav        the sidebar: the section listings from the home section down to the page's
//   menus      site.menus with each entry marked `active` (this page) and `in_trail` (leads to it)
//   paginator  list pages: pages (this page's share of page.children), page_number,
//              total_pages, per_page, total_items, url, first, last, prev, next, urls
// plus the functions url_for(path), asset_url(path) and ref(path) (theme.h).
#include <string>
#include <vector>

#include "model/page.h"
#include "model/site.h"
#include "template/value.h"

namespace bengal {

// The values made here borrow the strings of the records they show (tmpl::Value::
// borrowed_string): keep the Site and the shard's records alive and unchanged while they are
// used. taxonomies_context copies, so its records may go.

// `taxonomies` is site.taxonomies: a value the caller may make lazily (render.cc).
tmpl::Value site_context(const Site& site, tmpl::Value taxonomies = {});

tmpl::Value taxonomies_context(const Taxonomies& taxonomies);

// "https://example.org/docs/a/" for "/docs/a/" when baseurl names a host; else `url` itself.
std::string absolute_url(const Site& site, const std::string& url);

// One page of a paginated list: which entries it shows and where its neighbours are.
struct Pager {
  size_t number = 1;  // 1-based
  size_t total = 1;
  size_t per_page = 0;
  size_t first_item = 0;  // index into page.children
  size_t item_count = 0;
  std::string list_url;  // the list page's URL: pager 1's; pager n's is list_url + "page/n/"

  std::string url_of(size_t n) const { return n == 1 ? list_url : list_url + "page/" + std::to_string(n) + "/"; }
};

// How many pagers on each side of the current one `paginator.window` links to.
inline constexpr size_t kPagerWindow = 2;

// A section listing (for `nav` and `section`); made once per shard, shared by its pages.
tmpl::Value listing_context(const SectionListing& listing);

// One page's variables; `site` is the value site_context made for the shard, `nav` the
// listings from the home section down to the page's.
// `front` is the page's front matter with cascades applied; `meta` and `body` are null for a
// generated page; `pager` is null for a page that is not paginated.
tmpl::Value page_context(const Site& site_record, const tmpl::Value& site, const PageLinks& page, const PageMeta* meta,
                         const PageBody* body, const FrontMatter& front, std::string content, std::vector<tmpl::Value> nav,
                         const Pager* pager = nullptr);

// Replaces the `paginator` of a context page_context made (null: the page is not paginated).
void set_paginator(tmpl::Value& context, const PageLinks& page, const Pager* pager);

// The context of a list page's feeds (rss.xml, atom.xml), from the one page_context made for
// its HTML: the same values, without page.content and paginator.
tmpl::Value feed_context(const tmpl::Value& context);

}  // namespace bengal
