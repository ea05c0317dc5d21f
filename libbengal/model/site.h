#pragma once
// What bengal-link hands to the later steps (bengal-intermediate(5)):
//   site       — small, site-wide: what every page shows (title, base URL, section tree);
//   S.link     — per shard: each page's URL, resolved links, breadcrumbs, prev/next, and the
//                section listings its navigation needs (never a table of every page);
//   pagetable  — per page URL, title and dates, read only by site-wide steps (bengal-index);
//   taxonomies — every taxonomy's terms and counts, read by a render shard only when one of
//                its templates asks for site.taxonomies (its depfile then names the file).
#include <cstdint>
#include <map>
#include <msgpack.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "format/json_msgpack.h"
#include "format/msgpack_map.h"

namespace bengal {

// The closed set of page kinds (as in Hugo).
inline constexpr const char* kKindHome = "home";
inline constexpr const char* kKindSection = "section";
inline constexpr const char* kKindPage = "page";
inline constexpr const char* kKindTaxonomy = "taxonomy";  // /tags/: the list of a taxonomy's terms
inline constexpr const char* kKindTerm = "term";          // /tags/go/: the pages with one term
inline constexpr const char* kKind404 = "404";            // /404.html: what a server shows for a missing page

// The types bengal-link writes come in two forms with one wire format: Basic<T><std::string>,
// which every reader decodes into, and Basic<T><std::string_view>, which the linker packs
// from the strings it already holds instead of copying each title, URL and summary into
// every page that lists it (most of what it writes).
template <class Str>
struct BasicPageRef {
  Str title;
  Str url;  // empty: no such page (e.g. no `prev` for the first page)
  BENGAL_DEFINE_MAP(title, url);
};
using PageRef = BasicPageRef<std::string>;

// A child of a section, in section order, for navigation and list pages.
template <class Str>
struct BasicListItem {
  Str title;
  Str url;
  bool is_section = false;
  BENGAL_DEFINE_MAP(title, url, is_section);
};
using ListItem = BasicListItem<std::string>;

template <class Str>
struct BasicChildEntry {
  Str title;
  Str url;
  Str summary;
  Str date;
  bool is_section = false;
  uint32_t count = 0;  // on a taxonomy page: how many pages have the term
  BENGAL_DEFINE_MAP(title, url, summary, date, is_section, count);
};
using ChildEntry = BasicChildEntry<std::string>;

// One of a page's taxonomy terms, linked to its term page.
template <class Str>
struct BasicTermRef {
  Str taxonomy;  // "tags"
  Str name;      // "Go", as the pages spell it
  Str url;       // "/tags/go/"
  BENGAL_DEFINE_MAP(taxonomy, name, url);
};
using TermRef = BasicTermRef<std::string>;

struct ResolvedLink {
  std::string href;   // URL with "#anchor" when the reference named one
  std::string title;  // the target page's title, for [[path]] without text
  BENGAL_DEFINE_MAP(href, title);
};

// A JSON value packed from where it lives (the string_view form's `cascade`).
struct JsonRef {
  const nlohmann::json* value = nullptr;
  template <class Packer>
  void msgpack_pack(Packer& pk) const {
    pk.pack(*value);
  }
};

template <class Str>
struct BasicPageLinks {
  using Json = std::conditional_t<std::is_same_v<Str, std::string>, nlohmann::json, JsonRef>;
  static Json empty_object() {
    if constexpr (std::is_same_v<Json, nlohmann::json>) return nlohmann::json::object();
    else return {};
  }
  Str rel;      // content-relative source; "" for a generated page
  Str kind;     // home, section, page, taxonomy or term
  Str url;      // site URL path, base path included: "/docs/intro/"
  Str output;   // file under the output folder: "docs/intro/index.html"
  Str section;  // section key the page lives in ("" = root); a section page's own key
  Str title;
  std::vector<ResolvedLink> links;        // one per PageMeta::links entry
  std::vector<BasicPageRef<Str>> breadcrumbs;  // from the home page down to the parent, page excluded
  BasicPageRef<Str> prev;
  BasicPageRef<Str> next;
  std::vector<BasicChildEntry<Str>> children;  // list pages: the section's pages and subsections; term
                                               // pages: the term's pages; taxonomy pages: the terms
  std::vector<BasicPageRef<Str>> related;      // pages sharing the most taxonomy terms, best first
  std::vector<BasicChildEntry<Str>> feed;      // home, section and term pages: their newest pages
                                               // (below them, for home and sections), newest first
  std::vector<BasicTermRef<Str>> terms;  // the page's taxonomy terms, by taxonomy then as written
  std::vector<Str> aliases;              // redirect files to write, under the output folder
  Json cascade = empty_object();         // front matter keys set by ancestors' cascades
  bool in_feed = false;  // [feeds] content = "full": some feed carries this page's content
  BENGAL_DEFINE_MAP(rel, kind, url, output, section, title, links, breadcrumbs, prev, next, children, related,
                    feed, terms, aliases, cascade, in_feed);
};
using PageLinks = BasicPageLinks<std::string>;

// Home, section and term pages: the lists that are paginated and have feeds.
inline bool is_list_with_feed(const std::string& kind) {
  return kind == kKindHome || kind == kKindSection || kind == kKindTerm;
}

// A page published as ".../index.html" has a folder of its own, where its pagers and feeds
// go; one published as a single file ("feed.xml") has none.
inline bool has_own_folder(const std::string& output) {
  constexpr std::string_view kIndex = "index.html";
  return output.size() >= kIndex.size() && output.compare(output.size() - kIndex.size(), kIndex.size(), kIndex) == 0;
}

// A file in the folder of a page that has one: ".../index.html" -> ".../<name>".
inline std::string beside_page(const std::string& output, const std::string& name) {
  return output.substr(0, output.size() - std::string_view("index.html").size()) + name;
}

// Pagination, which bengal-link (to reserve the files) and bengal-render (to write them)
// must agree on: home, section and term pages show `per_page` children per file; a taxonomy
// page, and a list published as a single file ("feed.xml"), are never split.
inline size_t pager_count(const std::string& kind, const std::string& output, size_t items, uint32_t per_page) {
  bool split = is_list_with_feed(kind) && per_page > 0 && has_own_folder(output);
  return split && items > per_page ? (items + per_page - 1) / per_page : 1;
}

// ".../index.html" -> ".../page/N/index.html".
inline std::string pager_output(const std::string& output, size_t number) {
  return beside_page(output, "page/" + std::to_string(number) + "/index.html");
}

template <class Str>
struct BasicSectionListing {
  Str key;
  Str url;  // the section page's URL
  std::vector<BasicListItem<Str>> items;
  BENGAL_DEFINE_MAP(key, url, items);
};
using SectionListing = BasicSectionListing<std::string>;

template <class Str>
struct BasicLinkShard {
  std::vector<BasicPageLinks<Str>> pages;
  std::vector<BasicSectionListing<Str>> sections;  // listings for every section on these pages' paths
  BENGAL_DEFINE_MAP(pages, sections);
};
using LinkShard = BasicLinkShard<std::string>;
using LinkShardView = BasicLinkShard<std::string_view>;

struct SiteSection {
  std::string key;     // "docs/guide"; "" is the home section
  std::string parent;  // key of the parent section
  std::string title;
  std::string url;
  uint32_t depth = 0;  // 0 for home, 1 for top-level sections
  BENGAL_DEFINE_MAP(key, parent, title, url, depth);
};

// A menu entry, with its sub-entries (bengal.toml [[menu.<name>]] and front matter `menu:`).
struct MenuEntry {
  std::string identifier;
  std::string name;
  std::string url;
  int64_t weight = 0;
  std::vector<MenuEntry> children;  // sorted like the top level: weight, then name
  BENGAL_DEFINE_MAP(identifier, name, url, weight, children);
};

struct Site {
  std::string title;
  std::string baseurl;
  std::string base_path;
  std::string language;
  std::vector<SiteSection> sections;  // sorted: parents before children, in section order
  nlohmann::json params = nlohmann::json::object();  // bengal.toml [params]
  std::map<std::string, PageRef> refs;  // the templates' ref("path") calls, resolved
  std::map<std::string, std::vector<MenuEntry>> menus;  // by menu name
  uint32_t per_page = 10;  // entries per page of a paginated list
  std::string description;
  bool rss = true;   // write rss.xml beside every home, section and term page
  bool atom = true;  // write atom.xml likewise
  bool full_feeds = false;  // feed entries carry the pages' content (a feeds file per shard)
  bool search = true;  // bengal-index writes search/ (the theme shows its search box)
  std::vector<std::string> json_kinds;  // page kinds that get index.json beside index.html
  std::vector<std::string> txt_kinds;   // ... and index.txt
  BENGAL_DEFINE_MAP(title, baseurl, base_path, language, sections, params, refs, menus, per_page, description, rss,
                    atom, search, json_kinds, txt_kinds, full_feeds);
};

struct TermEntry {
  std::string name;
  std::string slug;
  std::string url;
  uint32_t count = 0;
  BENGAL_DEFINE_MAP(name, slug, url, count);
};

struct TaxonomyEntry {
  std::string name;      // plural: "tags"
  std::string singular;  // "tag"
  std::string title;     // "Tags"
  std::string url;       // "/tags/"
  std::vector<TermEntry> terms;  // by slug
  BENGAL_DEFINE_MAP(name, singular, title, url, terms);
};

struct Taxonomies {
  std::vector<TaxonomyEntry> taxonomies;  // by name
  BENGAL_DEFINE_MAP(taxonomies);
};

template <class Str>
struct BasicPageTableEntry {
  Str rel;
  Str source;
  Str kind;
  Str url;
  Str title;
  Str section;
  Str date;
  Str lastmod;
  Str description;
  bool sitemap = true;  // false: front matter `sitemap: false` (or `sitemap: {disable: true}`)
  std::vector<Str> aliases;  // URL paths that redirect here
  BENGAL_DEFINE_MAP(rel, source, kind, url, title, section, date, lastmod, description, sitemap, aliases);
};
using PageTableEntry = BasicPageTableEntry<std::string>;

template <class Str>
struct BasicPageTable {
  std::vector<BasicPageTableEntry<Str>> pages;  // sorted by url
  BENGAL_DEFINE_MAP(pages);
};
using PageTable = BasicPageTable<std::string>;
using PageTableView = BasicPageTable<std::string_view>;

// bengal-render's output: every file of the shard's pages, under the output folder.
struct OutputFile {
  std::string path;  // relative to the output folder, never escaping it
  std::string hash;  // xxh3-64 hex of bytes
  std::string bytes;
  BENGAL_DEFINE_MAP(path, hash, bytes);
};

struct PagesShard {
  std::vector<OutputFile> files;  // sorted by path
  BENGAL_DEFINE_MAP(files);
};

// [feeds] content = "full" (bengal-render --feeds, --fill-feeds). A list page's shard renders
// its feeds with a slot where each entry's content goes; the shards of the pages in feeds
// give that content; one site-wide step fills the slots. So no shard reads another's bodies.
struct FeedSlot {
  std::string url;       // the page whose content goes here
  bool escaped = false;  // the template escaped it (RSS <description>); else it goes in as is
  BENGAL_DEFINE_MAP(url, escaped);
};

struct FeedFile {
  std::string path;                // rss.xml or atom.xml beside a list page
  std::vector<std::string> parts;  // the rendered text around the slots: slots.size() + 1 parts
  std::vector<FeedSlot> slots;
  BENGAL_DEFINE_MAP(path, parts, slots);
};

struct FeedItem {
  std::string url;   // the page's URL
  std::string html;  // its content, with URLs in href and src made absolute
  BENGAL_DEFINE_MAP(url, html);
};

struct FeedsShard {
  std::vector<FeedFile> feeds;  // the shard's list pages' feeds, by path
  std::vector<FeedItem> items;  // the content of the shard's pages that are in some feed, by URL
  BENGAL_DEFINE_MAP(feeds, items);
};

struct ManifestEntry {
  std::string path;
  std::string hash;
  BENGAL_DEFINE_MAP(path, hash);
};

// What bengal-emit published for one shard (or, for the prune step, for the whole site).
struct Manifest {
  std::vector<ManifestEntry> files;  // sorted by path
  BENGAL_DEFINE_MAP(files);
};

}  // namespace bengal
