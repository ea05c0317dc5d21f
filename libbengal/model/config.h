#pragma once
// bengal.toml (bengal.toml(5)).
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/diagnostics.h"

namespace bengal {

// One [[menu.<menu>]] entry of bengal.toml.
struct MenuItemConfig {
  std::string menu;        // "main"
  std::string name;        // shown text; defaults to the page's title
  std::string url;         // a URL as is ...
  std::string page;        // ... or a page, resolved like [[page]]
  int64_t weight = 0;      // lower first; 0 sorts last
  std::string parent;      // identifier of the parent entry
  std::string identifier;  // defaults to name
  SourceLoc loc;           // where the entry starts in bengal.toml
};

// A taxonomy: `[taxonomies] tag = "tags"` (singular = plural, as in Hugo).
struct TaxonomyConfig {
  std::string singular;  // "tag": what one term is called
  std::string plural;    // "tags": the front matter key and the URL folder (/tags/)
};

// [outputs]: which files besides the pages' HTML are written (bengal-index(1), bengal-render(1)).
struct OutputsConfig {
  bool sitemap = true;    // sitemap.xml (a sitemap index and sitemap-N.xml past 50,000 URLs)
  bool robots = true;     // robots.txt, unless the site publishes its own
  bool llms = true;       // llms.txt (llmstxt.org)
  bool llms_full = true;  // llms-full.txt: every page's plain text
  bool search = true;     // search/: the fragmented search index the theme's search box reads
  bool redirects = false;  // _redirects (Netlify, Cloudflare Pages): one line per alias
  // Page kinds ("home", "section", "page", "taxonomy", "term") that get an index.json
  // (metadata, headings, plain text) and an index.txt (clean text) beside their index.html.
  std::vector<std::string> json = {"page"};
  std::vector<std::string> txt = {"page"};

  static bool has(const std::vector<std::string>& kinds, const std::string& kind) {
    for (const std::string& k : kinds)
      if (k == kind) return true;
    return false;
  }
};

// [markdown]: extensions that need the theme's help in the browser, off by default.
struct MarkdownConfig {
  bool math = false;     // $…$ and $$…$$ kept verbatim in math spans for KaTeX
  bool mermaid = false;  // ```mermaid blocks become <pre class="mermaid"> for mermaid.js
};

// [assets]: static files and the theme's own assets.
struct AssetsConfig {
  // Published under content-hashed names (css/site.3f9a1c2b.css) for far-future caching;
  // asset_url() answers the hashed name and asset-manifest.json maps both.
  bool fingerprint = false;
  // Which files are fingerprinted, by extension.
  std::vector<std::string> fingerprint_extensions = {"css", "js", "mjs", "png", "jpg", "jpeg", "gif", "svg",
                                                     "webp", "avif", "ico", "woff", "woff2"};
};

struct Config {
  std::string path;  // the config file, as given

  // [site]
  std::string title = "Untitled site";
  std::string baseurl = "/";  // e.g. "https://example.org/docs/"
  std::string language = "en";
  std::string description;  // one line about the site (feeds, llms.txt)
  std::string theme;  // themes/<theme>/templates is searched after templates/
  nlohmann::json params = nlohmann::json::object();  // [params], free-form
  std::vector<MenuItemConfig> menu_items;            // [[menu.<name>]], in file order
  // [taxonomies]; without the table, tags and categories. Sorted by plural.
  std::vector<TaxonomyConfig> taxonomies = {{"category", "categories"}, {"tag", "tags"}};
  uint32_t per_page = 10;  // [pagination] per_page: entries per page of a list or term page
  // [feeds]: RSS 2.0 and Atom beside each home, section and term page, of its newest pages.
  bool rss = true;
  bool atom = true;
  uint32_t feed_count = 20;  // pages per feed; 0: no feeds
  std::string feed_content = "summary";  // "summary" or "full": what each entry carries
  // Whether feeds are written at all, and whether they carry each page's full content.
  bool feeds_on() const { return feed_count > 0 && (rss || atom); }
  bool full_feeds() const { return feeds_on() && feed_content == "full"; }
  // [related] count (0 turns related pages off), and [related.weights]: how much one shared
  // term of a taxonomy counts (default 1 for every taxonomy; 0 leaves a taxonomy out).
  uint32_t related_count = 5;
  std::map<std::string, int64_t> related_weights;

  // [build]
  std::string content_dir = "content";
  std::string output_dir = "public";
  std::string static_dir = "static";
  std::string build_dir = ".bengal";  // intermediates
  uint32_t shard_size = 64;           // average pages per shard (ninja-gen)
  uint32_t term_shards = 0;           // shards for taxonomy pages; 0: chosen from the page count
  std::string templates_dir = "templates";

  OutputsConfig outputs;    // [outputs]
  MarkdownConfig markdown;  // [markdown]
  AssetsConfig assets;      // [assets]

  // Where templates are looked up, first match wins (the built-in theme comes last).
  std::vector<std::string> template_folders() const;

  // How much a shared term of the taxonomy counts for related pages.
  int64_t related_weight(const std::string& plural) const;

  // The path part of baseurl, with leading and trailing '/': "/" or "/docs/".
  std::string base_path() const;
  // baseurl without its trailing '/', for absolute URLs: "https://example.org/docs".
  std::string base_origin() const;
};

// Parses TOML text. Problems are reported at the config's line and column; unknown keys
// are warnings with a suggestion. Never throws for content problems.
Config parse_config(const std::string& text, const std::string& path, Diagnostics& diags);

// Reads and parses the file; a missing or unreadable file throws Failure(kExitIoError).
Config load_config(const std::string& path, Diagnostics& diags);

// The same for pipeline steps: errors are reported, warnings are not (bengal-ninja-gen
// reports them once per configure, rather than every step once per shard).
Config load_step_config(const std::string& path, Diagnostics& diags);

}  // namespace bengal
