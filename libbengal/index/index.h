#pragma once
// bengal-index: the site-wide outputs built from intermediates, never from rendered HTML
// (bengal-index(1)): sitemap.xml, the search index, robots.txt, llms.txt, llms-full.txt and
// _redirects. Each
// renderer returns the file's bytes; the tool writes them and a manifest of what it wrote.
#include <cstdint>
#include <map>
#include <string>
#include <unordered_set>
#include <vector>

#include "model/assets.h"
#include "model/config.h"
#include "model/page.h"
#include "model/site.h"
#include "model/site_outputs.h"
#include "support/diagnostics.h"

namespace bengal {

// What bengal-index reads for the site-wide files.
struct IndexInput {
  PageTable table;
  std::vector<IndexMetaShard> metas;
  std::vector<TextShard> texts;
  Manifest static_files;  // the static manifest: files the site publishes as they are
};

// The asset check: every local asset a page references must be published by some step. Fed
// one file at a time, what was published first, then each shard's references, so that the
// references of a large site are never all in memory.
class AssetCheck {
 public:
  // `index_files` are the site-wide files (index_output_files), which a page may reference too.
  AssetCheck(const Config& config, const Manifest& static_files, const std::vector<std::string>& index_files);
  // What another step published (an emit or assets manifest).
  void add_published(const Manifest& published);
  // Reports each reference of the shard's pages that nothing published: at the Markdown line
  // that made it when the page's body did, else naming the page. Call after add_published.
  void check(const AssetRefsShard& shard, Diagnostics& diags);
  // The asset dependency map of the shards checked: {"/css/site.css": ["content/a.md", ...],
  // ...}, URLs sorted, each URL's pages sorted.
  std::string asset_map() const;

 private:
  std::string base_path_;
  std::unordered_set<std::string> published_;
  std::vector<std::string> pages_;                      // the pages' sources, as checked
  std::map<std::string, std::vector<uint32_t>> users_;  // asset URL -> pages_ that reference it
};

// The site-wide files to write: those index_output_files names for this config and static
// manifest, or only those of them that `only` names when it is not empty.
std::vector<std::string> wanted_index_outputs(const Config& config, const Manifest& static_files,
                                              const std::vector<std::string>& only);

// Every site-wide file that index_output_files names for this config and static manifest, or
// only those of them that `only` names when it is not empty, plus the sitemap-N.xml files of a
// sitemap index; sorted by path, each with its hash. `only` lets the search index and
// llms-full.txt, which read every page's text, be a build step of their own, so that a body
// edit re-runs that step and not the one that writes the sitemap.
std::vector<OutputFile> render_index_outputs(const Config& config, const IndexInput& in,
                                             size_t sitemap_max_urls = kSitemapMaxUrls,
                                             const std::vector<std::string>& only = {});

// The manifest of the files, for the prune step: their paths, sorted, and no hashes (as in the
// static manifest), so it changes only when the set of files does and an edit that changes
// only their bytes does not re-run the prune step.
Manifest manifest_of(const std::vector<OutputFile>& files);
Manifest manifest_of(std::vector<std::string> paths);

// sitemaps.org 0.9: one <url> per page whose `sitemap` is true, in URL order, with its
// absolute, percent-encoded <loc> and a <lastmod> from lastmod, else date (W3C datetime).
// Up to max_urls URLs, one file: sitemap.xml, a <urlset>. Past it, sitemap.xml is a
// <sitemapindex> of sitemap-1.xml, sitemap-2.xml, ..., each a <urlset> of the next max_urls
// URLs in URL order (the last fewer), each entry with the newest <lastmod> of its part.
// Sorted by path, with hashes.
std::vector<OutputFile> render_sitemaps(const Config& config, const PageTable& table,
                                        size_t max_urls = kSitemapMaxUrls);

// _redirects (Netlify, Cloudflare Pages): "/old/path/ /new/path/ 301" for every alias, in
// the order of the alias path. The alias pages themselves are written too, for other hosts.
std::string render_redirects(const PageTable& table);

// robots.txt: every user agent may fetch everything; with has_sitemap and an origin in
// baseurl, a Sitemap: line with sitemap.xml's absolute URL.
std::string render_robots(const Config& config, bool has_sitemap);

// llms.txt (llmstxt.org): "# site title", a "> description" blockquote ([site] description,
// else the home page's), then "## Section title" for each top-level section (in URL order)
// listing its section and content pages as "- [Title](absolute url): description", and
// "## Pages" for the content pages at the root. Taxonomy, term and 404 pages are left out.
std::string render_llms(const Config& config, const PageTable& table);

// llms-full.txt: the header of llms.txt, then every page with a source, in URL order, each
// after a "---" line: "## Title", "URL: absolute url" and its plain text.
std::string render_llms_full(const Config& config, const PageTable& table, const std::vector<TextShard>& texts);

// The parts of llms.txt and llms-full.txt, which the incremental search step
// (index/search_state.h) splices: the header, and one page's section of llms-full.txt.
// The header takes site.description, else the first home page's description that is not blank.
std::string llms_header(const Config& config, const std::vector<std::string_view>& home_descriptions);
template <class Table>  // a PageTable, or the search step's table of views
std::string llms_header(const Config& config, const Table& table) {
  std::vector<std::string_view> home;
  for (const auto& p : table.pages)
    if (p.kind == kKindHome) home.push_back(p.description);
  return llms_header(config, home);
}
void append_llms_full_section(std::string& out, const Config& config, std::string_view title, std::string_view url,
                              std::string_view text);
template <class Row>  // a PageTableEntry, or the search step's row of views
bool in_llms_full(const Row& p) { return !p.rel.empty() && p.kind != kKind404; }

// The absolute form of a site URL path ("/docs/a/" -> "https://example.org/docs/a/").
std::string absolute_url(const Config& config, const std::string& url_path);

}  // namespace bengal
