#include "link/link.h"

#include <algorithm>
#include <climits>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <unordered_map>

#include "link/cascade.h"
#include "link/menus.h"
#include "link/related.h"
#include "model/front_matter.h"
#include "support/hash.h"
#include "support/parallel.h"
#include "support/paths.h"
#include "support/slug.h"
#include "support/text.h"

namespace bengal {

std::string title_from_name(std::string_view name) {
  std::string out;
  for (char c : name) out += (c == '-' || c == '_') ? ' ' : c;
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

uint32_t term_shard_of(const std::string& path, uint32_t count) {
  return count == 0 ? 0 : static_cast<uint32_t>(hash64(path) % count);
}

namespace {

constexpr size_t kNone = static_cast<size_t>(-1);
// A term shared by more pages than this is only looked at through its newest pages when
// ranking related pages (see related_pages).
constexpr uint32_t kRelatedScanLimit = 200;
constexpr std::string_view kIdPrefix = "id:";  // [[id:name]] names a page by its front matter id

struct Section;

struct Node {
  const PageMeta* meta = nullptr;      // null for a generated page
  const FrontMatter* front = nullptr;  // the page's front matter with cascades applied
  size_t shard = kNone;                // output link file (Linker::shard_of_*)
  std::string kind;
  std::string section;  // section key: its own for section pages, the container for pages
  Section* sec = nullptr;
  std::string url;
  std::string output;
  std::string title;
  int64_t time = INT64_MIN;  // `date` as an instant, for "newest first"; undated pages last
  nlohmann::json cascade = nlohmann::json::object();  // the keys cascades gave it
  std::vector<std::string> aliases;                   // redirect files
  std::vector<std::string> alias_urls;                // ... and their URLs
  std::vector<TermRef> terms;
  std::vector<size_t> term_ids;  // index into Linker::terms_, one per `terms` entry
  std::vector<size_t> related;
  size_t taxonomy = kNone;  // taxonomy and term pages: index into config.taxonomies
  size_t term = kNone;      // term pages: index into Linker::terms_
};

struct Section {
  std::string key;
  size_t page = 0;  // index of the section's own page in Linker::nodes_
  std::vector<size_t> pages;        // leaf pages, in section order
  std::vector<std::string> children;  // subsection keys, in section order
  std::vector<size_t> feed;           // the newest pages below it, newest first
};

struct Term {
  size_t taxonomy = 0;
  std::string slug;
  std::string name;                       // the spelling most pages use
  std::map<std::string, uint32_t> spellings;
  std::vector<size_t> pages;              // in section order (Linker::before)
  size_t node = kNone;
};

// Who writes an output file: a page, or a page's alias redirect.
struct Owner {
  size_t node = kNone;
  std::string alias;  // as written in front matter, when the file is a redirect
  size_t pager = 0;   // N, when the file is page N of a list
};

std::string parent_key(const std::string& key) { return key.empty() ? std::string() : dirname(key); }

SourceLoc loc_of(const PageMeta& m, const char* key) {
  auto it = m.front.positions.find(key);
  if (it == m.front.positions.end()) return {m.source, 0, 0};
  return {m.source, it->second.line, it->second.col};
}

// Folders with pages are sections, and so are their ancestors.
std::set<std::string> section_keys(const std::vector<const PageMeta*>& pages) {
  std::set<std::string> keys = {""};
  for (const PageMeta* m : pages) {
    std::string dir = dirname(m->rel);
    std::string base = basename(m->rel);
    std::string key = base == "_index.md" ? dir : base == "index.md" && !dir.empty() ? parent_key(dir) : dir;
    while (keys.insert(key).second && !key.empty()) key = parent_key(key);
  }
  return keys;
}

// A folder's `_index.md` is its page; so is an `index.md` when the folder has other pages
// (otherwise `index.md` is a leaf bundle).
bool is_section_page(const std::string& rel, const std::set<std::string>& keys) {
  std::string base = basename(rel);
  return base == "_index.md" || (base == "index.md" && keys.count(dirname(rel)));
}

// The section a page lives in (its own, for a section page).
std::string section_of(const std::string& rel, bool section_page) {
  std::string dir = dirname(rel);
  return !section_page && basename(rel) == "index.md" ? parent_key(dir) : dir;
}

// The path cascade targets match: "/blog/first-post", "/blog" for a section, "/" for home.
std::string logical_path(const std::string& rel, bool section_page) {
  std::string base = basename(rel);
  std::string path = section_page || base == "index.md" ? dirname(rel) : strip_extension(rel);
  return "/" + path;
}

class Linker {
 public:
  Linker(const Config& config, std::vector<MetaShard>& shards, const LinkOptions& options, Diagnostics& diags)
      : config_(config), shards_(shards), options_(options), diags_(diags), base_(config.base_path()) {}

  LinkSummary run(const LinkSink& sink) {
    collect_pages();
    build_sections();
    assign_urls();
    order_sections();
    build_taxonomies();
    add_404_page();
    reserve_pagers();
    check_copied_files();
    find_related();
    collect_feeds();
    mark_feed_pages();
    index_ids();
    LinkSummary r;
    r.site = make_site();
    for (const TemplateRef& ref : options_.template_refs) resolve_template_ref(ref, r.site);
    r.site.menus = build_menus();
    make_link_files(sink, r);
    return r;
  }

 private:
  size_t generated_shard() const { return shards_.size(); }
  // Taxonomy and term pages have shards of their own, so a tag edit re-renders only them.
  size_t term_shard(const std::string& path) const {
    if (options_.term_shards == 0) return generated_shard();
    return generated_shard() + 1 + term_shard_of(path, options_.term_shards);
  }

  // Pages from every shard, with their cascades applied (to their front matter, in place);
  // excluded pages (drafts, future, expired) are set aside with the reason, for a clear
  // message when something links to one.
  void collect_pages() {
    std::vector<const PageMeta*> sections;
    for (const MetaShard& s : shards_)
      for (const PageMeta& m : s.pages) sections.push_back(&m);
    const std::set<std::string> keys = section_keys(sections);
    std::erase_if(sections, [&](const PageMeta* m) { return !is_section_page(m->rel, keys); });
    // Shallow sections first: whether a section page is published (and so whether its cascade
    // counts) may itself depend on its ancestors' cascades.
    auto depth = [](const PageMeta* m) { return std::count(m->rel.begin(), m->rel.end(), '/'); };
    std::stable_sort(sections.begin(), sections.end(),
                     [&](const PageMeta* a, const PageMeta* b) { return depth(a) < depth(b); });
    Cascades cascades;
    for (const PageMeta* m : sections) {
      FrontMatter cascaded = m->front;
      apply_cascade(cascaded, cascade_of(*m, true, cascades));
      if (exclusion(cascaded).empty()) cascades.add(dirname(m->rel), *m, diags_);
    }

    // Each page's cascade and whether it is published depend on that page alone: worked out on
    // every thread, then collected in order. Nothing reads a page's own front matter after
    // this (its `positions` still say which keys the page itself set).
    std::vector<std::pair<size_t, PageMeta*>> pages;
    for (size_t s = 0; s < shards_.size(); ++s)
      for (PageMeta& m : shards_[s].pages) pages.push_back({s, &m});
    std::vector<nlohmann::json> cascade(pages.size());
    std::vector<std::string> excluded(pages.size());
    parallel_for(pages.size(), options_.threads, [&](size_t k) {
      PageMeta& m = *pages[k].second;
      cascade[k] = cascade_of(m, is_section_page(m.rel, keys), cascades);
      apply_cascade(m.front, cascade[k]);
      excluded[k] = exclusion(m.front);
    });
    for (size_t k = 0; k < pages.size(); ++k) {
      const auto [s, meta] = pages[k];
      const PageMeta& m = *meta;
      if (!excluded[k].empty()) {
        excluded_[m.rel] = std::move(excluded[k]);
        continue;
      }
      Node n;
      n.meta = &m;
      n.front = &m.front;
      n.shard = s;
      n.cascade = std::move(cascade[k]);
      if (!n.front->date.empty()) n.time = unix_time_of(n.front->date);
      by_rel_[m.rel] = nodes_.size();
      nodes_.push_back(std::move(n));
    }
  }

  // The keys the cascades of a page's ancestors give it (an empty object when none do).
  nlohmann::json cascade_of(const PageMeta& m, bool section_page, const Cascades& cascades) const {
    std::string section = section_of(m.rel, section_page);
    if (cascades.empty() || (section_page && section.empty())) return nlohmann::json::object();  // home
    return cascades.for_page(m.front, section_page ? parent_key(section) : section, logical_path(m.rel, section_page),
                             section_page ? kKindSection : kKindPage);
  }

  // Why a page is not published, or "".
  std::string exclusion(const FrontMatter& f) const {
    if (f.draft && !options_.drafts) return "is a draft (build with --drafts to publish drafts)";
    const std::string& publish = f.publishdate.empty() ? f.date : f.publishdate;
    if (!options_.now) return "";
    if (!options_.future && !publish.empty() && unix_time_of(publish) > *options_.now)
      return "is dated " + publish + ", in the future (build with --future to publish it)";
    if (!options_.expired && !f.expirydate.empty() && unix_time_of(f.expirydate) <= *options_.now)
      return "expired on " + f.expirydate + " (build with --expired to publish expired pages)";
    return "";
  }

  // Sections without a page of their own get a generated one.
  void build_sections() {
    std::vector<const PageMeta*> published;
    for (const Node& n : nodes_) published.push_back(n.meta);
    const std::set<std::string> keys = section_keys(published);
    for (size_t i = 0; i < nodes_.size(); ++i) {
      Node& n = nodes_[i];
      bool section_page = is_section_page(n.meta->rel, keys);
      n.section = section_of(n.meta->rel, section_page);
      if (!section_page) {
        n.kind = kKindPage;
        continue;
      }
      const std::string& dir = n.section;
      if (sections_.count(dir)) {
        diags_.error({n.meta->source, 0, 0}, "section '" + (dir.empty() ? std::string("/") : dir) +
                                                "' has two pages: " + nodes_[sections_[dir].page].meta->source +
                                                " and " + n.meta->source);
        n.kind = kKindPage;  // keep going so every other problem is reported too
        continue;
      }
      n.kind = dir.empty() ? kKindHome : kKindSection;
      sections_[dir] = Section{dir, i, {}, {}};
    }
    for (const std::string& key : keys) {
      if (sections_.count(key)) continue;
      Node n;
      n.kind = key.empty() ? kKindHome : kKindSection;
      n.section = key;
      n.shard = generated_shard();
      sections_[key] = Section{key, nodes_.size(), {}, {}};
      nodes_.push_back(std::move(n));
    }
    for (size_t i = 0; i < nodes_.size(); ++i) {
      Node& n = nodes_[i];
      n.sec = &sections_.at(n.section);
      if (n.kind == kKindPage) n.sec->pages.push_back(i);
    }
    for (const std::string& key : keys)
      if (!key.empty()) sections_[parent_key(key)].children.push_back(key);
  }

  std::string default_path(const Node& n) const {
    if (n.kind != kKindPage) return n.section;
    std::string base = basename(n.meta->rel);
    return base == "index.md" ? dirname(n.meta->rel) : strip_extension(n.meta->rel);
  }

  // "a/b" -> URL "/base/a/b/" and file "a/b/index.html"; a path with a file name ("feed.xml")
  // is published as that file.
  std::pair<std::string, std::string> url_and_output(std::string path, bool may_be_file) const {
    bool is_file = may_be_file && !path.empty() && path.back() != '/' && basename(path).find('.') != std::string::npos;
    if (!path.empty() && path.back() == '/') path.pop_back();
    std::string url = base_ + percent_encode_path(path) + (path.empty() || is_file ? "" : "/");
    return {url, is_file ? path : join_path(path, "index.html")};
  }

  void assign_urls() {
    for (size_t i = 0; i < nodes_.size(); ++i) {
      Node& n = nodes_[i];
      std::string path = default_path(n);
      bool from_url = n.front && !n.front->url.empty();
      if (from_url) {
        path = n.front->url.substr(1);  // scan guarantees a leading '/' and no ".."
      } else if (n.front && !n.front->slug.empty() && !path.empty()) {
        path = join_path(dirname(path), n.front->slug);
      }
      std::tie(n.url, n.output) = url_and_output(path, from_url);
      n.title = page_title(n);
      claim(n.output, {i}, n.url);
    }
    for (size_t i = 0; i < nodes_.size(); ++i) {  // after every page: a page's own URL wins the message
      Node& n = nodes_[i];
      if (!n.front) continue;
      for (const std::string& alias : n.front->aliases) {
        auto [url, output] = url_and_output(alias[0] == '/' ? alias.substr(1) : alias, true);
        if (output == n.output) continue;  // an alias of itself redirects nowhere
        if (claim(output, {i, alias}, url)) {
          n.aliases.push_back(output);
          n.alias_urls.push_back(url);
        }
      }
    }
  }

  // Records who publishes `output`; false (after an error naming both) when it is taken.
  bool claim(const std::string& output, const Owner& owner, const std::string& url) {
    auto [it, fresh] = owners_.emplace(output, owner);
    if (fresh) return true;
    SourceLoc loc = location_of(owner);
    if (loc.file.empty()) loc = location_of(it->second);  // a generated page has no source
    diags_.error(loc, "duplicate URL '" + url + "': " + owner_name(it->second) + " and " + owner_name(owner) +
                          " both publish it");
    return false;
  }

  // Where the front matter key that made an owner's URL was written.
  SourceLoc location_of(const Owner& o) const {
    const Node& n = nodes_[o.node];
    if (!n.meta) return {};
    const char* key = !o.alias.empty() ? "aliases" : o.pager ? "" : n.front->url.empty() ? "slug" : "url";
    SourceLoc loc = loc_of(*n.meta, key);
    return loc.line ? loc : SourceLoc{n.meta->source, 0, 0};
  }

  // The files of list pages' later pagers (pager_count in site.h), so that a page written
  // there is an error here rather than a clash in the output folder.
  void reserve_pagers() {
    for (size_t i = 0; i < nodes_.size(); ++i) {
      const Node& n = nodes_[i];
      size_t items = n.kind == kKindTerm                               ? terms_[n.term].pages.size()
                     : n.kind == kKindHome || n.kind == kKindSection ? n.sec->children.size() + n.sec->pages.size()
                                                                       : 0;
      size_t total = pager_count(n.kind, n.output, items, config_.per_page);
      for (size_t k = 1; total > 1 && k <= total; ++k)
        claim(pager_output(n.output, k), {i, "", k}, n.url + "page/" + std::to_string(k) + "/");
    }
  }

  // A page and a copied file (static file or page resource) that publish one path: an error
  // here, before anything is written, rather than in the prune step after both were.
  void check_copied_files() {
    for (const std::string& path : options_.copied_files) {
      auto it = owners_.find(path);
      if (it == owners_.end()) continue;
      SourceLoc loc = location_of(it->second);
      diags_.error(loc, "'" + path + "' is published by both " + owner_name(it->second) +
                            " and a static file or page resource of that path");
    }
  }

  std::string owner_name(const Owner& o) const {
    const Node& n = nodes_[o.node];
    std::string name = n.meta                        ? n.meta->source
                       : n.kind == kKindTerm         ? "the page of " + config_.taxonomies[n.taxonomy].singular +
                                                   " '" + terms_[n.term].name + "'"
                       : n.kind == kKindTaxonomy ? "the page of taxonomy '" + config_.taxonomies[n.taxonomy].plural + "'"
                                                 : "the generated page of section '" + n.section + "'";
    if (o.pager) return "page " + std::to_string(o.pager) + " of the list " + name;
    return o.alias.empty() ? name : "the alias '" + o.alias + "' of " + name;
  }

  std::string page_title(const Node& n) const {
    if (n.meta) {
      if (!n.front->title.empty()) return n.front->title;
      for (const Heading& h : n.meta->headings)
        if (h.level == 1) return h.text;
    }
    if (n.kind == kKindHome) return config_.title;
    std::string name = n.kind == kKindPage ? basename(default_path(n)) : basename(n.section);
    return title_from_name(name);
  }

  // Weight first (unweighted last), then newest date, then title, then path: Hugo's order.
  bool before(size_t a, size_t b) const {
    const Node& x = nodes_[a];
    const Node& y = nodes_[b];
    auto weight = [](const Node& n) {
      int64_t w = n.front ? n.front->weight : 0;
      return w == 0 ? INT64_MAX : w;
    };
    if (weight(x) != weight(y)) return weight(x) < weight(y);
    if (x.time != y.time) return x.time > y.time;
    if (x.title != y.title) return x.title < y.title;
    return x.url < y.url;
  }

  void order_sections() {
    for (auto& [key, sec] : sections_) {
      std::stable_sort(sec.pages.begin(), sec.pages.end(), [&](size_t a, size_t b) { return before(a, b); });
      std::stable_sort(sec.children.begin(), sec.children.end(), [&](const std::string& a, const std::string& b) {
        return before(sections_[a].page, sections_[b].page);
      });
    }
  }

  // --- taxonomies -----------------------------------------------------------------------

  // The terms a page gives a taxonomy: `tags` and `categories` are typed; any other taxonomy
  // reads its key from the page's params (a string or a list of strings).
  std::vector<std::string> terms_of(const Node& n, const std::string& plural) {
    if (plural == "tags") return n.front->tags;
    if (plural == "categories") return n.front->categories;
    auto it = n.front->params.find(plural);
    if (it == n.front->params.end() || it->is_null()) return {};
    nlohmann::json list = it->is_array() ? *it : nlohmann::json::array({*it});
    std::vector<std::string> out;
    for (const nlohmann::json& item : list) {
      if (!item.is_string()) {
        diags_.error(loc_of(*n.meta, plural.c_str()), "'" + plural + "' must be a list of strings");
        return {};
      }
      out.push_back(item.get<std::string>());
    }
    return out;
  }

  void build_taxonomies() {
    const size_t source_nodes = nodes_.size();
    for (size_t t = 0; t < config_.taxonomies.size(); ++t) {
      const TaxonomyConfig& tax = config_.taxonomies[t];
      std::map<std::string, size_t> by_slug;
      size_t first_term = terms_.size();
      for (size_t i = 0; i < source_nodes; ++i) {
        Node& n = nodes_[i];
        if (!n.meta) continue;
        for (const std::string& written : terms_of(n, tax.plural)) {
          std::string name(trim(written));
          if (name.empty()) continue;
          std::string slug = term_slug(name);
          if (slug.empty()) {
            diags_.error(loc_of(*n.meta, tax.plural.c_str()),
                         tax.singular + " '" + name + "' has no letter or digit to make its URL from");
            continue;
          }
          auto [it, fresh] = by_slug.emplace(slug, terms_.size());
          if (fresh) terms_.push_back(Term{t, slug, "", {}, {}, kNone});
          Term& term = terms_[it->second];
          if (!term.pages.empty() && term.pages.back() == i) continue;  // the same term twice
          term.pages.push_back(i);
          ++term.spellings[name];
          n.terms.push_back({tax.plural, name, ""});
          n.term_ids.push_back(it->second);
        }
      }
      if (terms_.size() == first_term) continue;  // no page uses the taxonomy: no /tags/ page
      size_t tax_node = add_list_page(kKindTaxonomy, tax.plural, title_from_name(tax.plural), t, kNone);
      taxonomy_nodes_.push_back(tax_node);
      for (size_t k = first_term; k < terms_.size(); ++k) {
        Term& term = terms_[k];
        for (const auto& [spelling, count] : term.spellings)  // most used spelling; ties: first in order
          if (term.name.empty() || count > term.spellings[term.name]) term.name = spelling;
        std::sort(term.pages.begin(), term.pages.end(), [&](size_t a, size_t b) { return before(a, b); });
        term.node = add_list_page(kKindTerm, tax.plural + "/" + term.slug, term.name, t, k);
      }
    }
    for (Node& n : nodes_)
      for (size_t j = 0; j < n.terms.size(); ++j) n.terms[j].url = nodes_[terms_[n.term_ids[j]].node].url;
  }

  // A taxonomy or term page at `path`. A section page written for that folder
  // (content/tags/_index.md) becomes that page, with its own title and text.
  size_t add_list_page(const char* kind, const std::string& path, const std::string& title, size_t taxonomy,
                       size_t term) {
    auto [url, output] = url_and_output(path, false);
    size_t i = nodes_.size();
    if (auto it = owners_.find(output); it != owners_.end()) {
      Node& owner = nodes_[it->second.node];
      if (it->second.alias.empty() && owner.kind == kKindSection && owner.section == path) i = it->second.node;
    }
    if (i == nodes_.size()) {
      Node n;
      n.url = url;
      n.output = output;
      n.title = title;
      n.section = "";  // navigation as on the home page
      n.sec = &sections_.at("");
      nodes_.push_back(std::move(n));
    }
    Node& n = nodes_[i];
    n.kind = kind;
    n.taxonomy = taxonomy;
    n.term = term;
    n.shard = n.meta ? n.shard : term_shard(path);
    if (!n.meta || n.front->title.empty()) n.title = title;
    if (i == nodes_.size() - 1 && !n.meta) claim(output, {i}, url);
    return i;
  }

  // The page a server shows for a missing URL, at /404.html, unless the site has one there.
  void add_404_page() {
    auto [url, output] = url_and_output("404.html", true);
    auto it = owners_.find(output);
    if (it != owners_.end()) {
      if (it->second.alias.empty()) nodes_[it->second.node].kind = kKind404;
      return;
    }
    Node n;
    n.kind = kKind404;
    n.url = url;
    n.output = output;
    n.title = "Page not found";
    n.sec = &sections_.at("");
    n.shard = generated_shard();
    nodes_.push_back(std::move(n));
    claim(output, {nodes_.size() - 1}, url);
  }

  // Newest first (then title, then URL): the order of feeds and of related pages' ties.
  bool newer(size_t a, size_t b) const {
    const Node& x = nodes_[a];
    const Node& y = nodes_[b];
    if (x.time != y.time) return x.time > y.time;
    if (x.title != y.title) return x.title < y.title;
    return x.url < y.url;
  }

  // Each section's newest pages, from every page below it: one pass over the pages, newest
  // first, each offered to its sections until they are full. A term's come from its pages.
  void collect_feeds() {
    if (config_.feed_count == 0 || (!config_.rss && !config_.atom)) return;
    std::vector<size_t> pages;
    for (size_t i = 0; i < nodes_.size(); ++i)
      if (nodes_[i].kind == kKindPage) pages.push_back(i);
    std::stable_sort(pages.begin(), pages.end(), [&](size_t a, size_t b) { return newer(a, b); });
    for (size_t p : pages) {
      for (std::string key = nodes_[p].section;; key = parent_key(key)) {
        std::vector<size_t>& feed = sections_.at(key).feed;
        if (feed.size() < config_.feed_count) feed.push_back(p);
        if (key.empty()) break;
      }
    }
  }

  std::vector<size_t> feed_of(const Node& n) const {
    if (n.kind == kKindHome || n.kind == kKindSection) return n.sec->feed;
    if (n.kind != kKindTerm || config_.feed_count == 0 || (!config_.rss && !config_.atom)) return {};
    std::vector<size_t> feed = terms_[n.term].pages;
    std::stable_sort(feed.begin(), feed.end(), [&](size_t a, size_t b) { return newer(a, b); });
    if (feed.size() > config_.feed_count) feed.resize(config_.feed_count);
    return feed;
  }

  // [feeds] content = "full": the pages some feed carries, whose shards give their content.
  void mark_feed_pages() {
    if (!config_.full_feeds()) return;
    in_feed_.assign(nodes_.size(), false);
    for (const Node& n : nodes_)
      for (size_t p : feed_of(n)) in_feed_[p] = true;
  }

  void find_related() {
    if (config_.related_count == 0 || terms_.empty()) return;
    std::vector<size_t> pages;  // regular pages only: list pages are not "related reading"
    for (size_t i = 0; i < nodes_.size(); ++i)
      if (nodes_[i].kind == kKindPage && !nodes_[i].term_ids.empty()) pages.push_back(i);
    std::vector<size_t> order = pages;  // tie-break: newest first
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return newer(a, b); });
    std::unordered_map<size_t, uint32_t> index_of;
    for (size_t k = 0; k < pages.size(); ++k) index_of[pages[k]] = static_cast<uint32_t>(k);
    std::vector<uint32_t> rank(pages.size());
    for (size_t r = 0; r < order.size(); ++r) rank[index_of[order[r]]] = static_cast<uint32_t>(r);
    std::vector<std::vector<WeightedTerm>> weighted(pages.size());
    for (size_t k = 0; k < pages.size(); ++k)
      for (size_t term : nodes_[pages[k]].term_ids)
        weighted[k].push_back({static_cast<uint32_t>(term),
                               config_.related_weight(config_.taxonomies[terms_[term].taxonomy].plural)});
    auto related = related_pages(weighted, rank, static_cast<uint32_t>(terms_.size()), config_.related_count,
                                 kRelatedScanLimit, options_.threads);
    for (size_t k = 0; k < pages.size(); ++k)
      for (uint32_t other : related[k]) nodes_[pages[k]].related.push_back(pages[other]);
  }

  Taxonomies make_taxonomies() const {
    Taxonomies out;
    for (size_t tax_node : taxonomy_nodes_) {
      const Node& n = nodes_[tax_node];
      const TaxonomyConfig& tax = config_.taxonomies[n.taxonomy];
      TaxonomyEntry e{tax.plural, tax.singular, n.title, n.url, {}};
      for (size_t k : terms_in(n.taxonomy)) {
        const Term& term = terms_[k];
        e.terms.push_back({term.name, term.slug, nodes_[term.node].url, static_cast<uint32_t>(term.pages.size())});
      }
      out.taxonomies.push_back(std::move(e));
    }
    return out;
  }

  // A taxonomy's terms, by slug.
  std::vector<size_t> terms_in(size_t taxonomy) const {
    std::vector<size_t> out;
    for (size_t k = 0; k < terms_.size(); ++k)
      if (terms_[k].taxonomy == taxonomy) out.push_back(k);
    std::sort(out.begin(), out.end(), [&](size_t a, size_t b) { return terms_[a].slug < terms_[b].slug; });
    return out;
  }

  // --- output ---------------------------------------------------------------------------

  BasicPageRef<std::string_view> ref_to(size_t i) const { return {nodes_[i].title, nodes_[i].url}; }

  Site make_site() const {
    Site site;
    site.title = config_.title;
    site.baseurl = config_.baseurl;
    site.base_path = base_;
    site.language = config_.language;
    site.params = config_.params;
    site.per_page = config_.per_page;
    site.description = config_.description;
    site.rss = config_.rss && config_.feed_count > 0;
    site.atom = config_.atom && config_.feed_count > 0;
    site.full_feeds = config_.full_feeds();
    site.search = config_.outputs.search;
    site.json_kinds = config_.outputs.json;
    site.txt_kinds = config_.outputs.txt;
    std::vector<std::pair<std::string, uint32_t>> stack = {{"", 0}};
    while (!stack.empty()) {  // depth-first, in section order
      auto [key, depth] = stack.back();
      stack.pop_back();
      const Section& sec = sections_.at(key);
      site.sections.push_back({key, parent_key(key), nodes_[sec.page].title, nodes_[sec.page].url, depth});
      for (auto it = sec.children.rbegin(); it != sec.children.rend(); ++it) stack.push_back({*it, depth + 1});
    }
    return site;
  }

  // The link files, and the page table and taxonomies beside them, made on options_.threads
  // threads. Making one only reads the linker's tables; its broken references are kept and
  // reported afterwards, in file order, so the diagnostics do not depend on the threads' timing.
  void make_link_files(const LinkSink& sink, LinkSummary& summary) {
    std::vector<std::vector<size_t>> members(generated_shard() + 1 + options_.term_shards);
    for (size_t i = 0; i < nodes_.size(); ++i) members[nodes_[i].shard].push_back(i);
    std::vector<std::vector<BrokenRef>> broken(members.size());
    parallel_for(1 + members.size(), options_.threads, [&](size_t task) {
      if (task == 0) {  // the biggest task first, while the other threads start on the files
        sink.page_table(make_table());
        summary.taxonomies = make_taxonomies();
        return;
      }
      const size_t file = task - 1;
      sink.link_file(file, make_shard(members[file], broken[file]));
    });
    for (const std::vector<BrokenRef>& refs : broken)
      for (const BrokenRef& b : refs) report(*b.from, *b.link, b.message);
  }

  // A reference that resolves to nothing (or to a page without the heading), to report.
  struct BrokenRef {
    const PageMeta* from;
    const OutLink* link;
    std::string message;
  };

  LinkShardView make_shard(const std::vector<size_t>& members, std::vector<BrokenRef>& broken) const {
    LinkShardView out;
    std::set<std::string> listed;
    for (size_t i : members) {
      const Node& n = nodes_[i];
      out.pages.push_back(page_links(i, broken));
      for (std::string key = n.section;; key = parent_key(key)) {
        listed.insert(key);
        if (key.empty()) break;
      }
    }
    for (const std::string& key : listed) out.sections.push_back(listing(key));
    return out;
  }

  BasicSectionListing<std::string_view> listing(const std::string& key) const {
    const Section& sec = sections_.at(key);
    BasicSectionListing<std::string_view> l{sec.key, nodes_[sec.page].url, {}};
    for (const std::string& child : sec.children) {
      const Node& c = nodes_[sections_.at(child).page];
      l.items.push_back({c.title, c.url, true});
    }
    for (size_t p : sec.pages) l.items.push_back({nodes_[p].title, nodes_[p].url, false});
    return l;
  }

  BasicPageLinks<std::string_view> page_links(size_t i, std::vector<BrokenRef>& broken) const {
    const Node& n = nodes_[i];
    BasicPageLinks<std::string_view> pl;
    if (n.meta) pl.rel = n.meta->rel;
    pl.kind = n.kind;
    pl.url = n.url;
    pl.output = n.output;
    pl.section = n.section;
    pl.title = n.title;
    pl.cascade.value = &n.cascade;
    pl.aliases.assign(n.aliases.begin(), n.aliases.end());
    for (const TermRef& t : n.terms) pl.terms.push_back({t.taxonomy, t.name, t.url});
    for (size_t r : n.related) pl.related.push_back(ref_to(r));
    for (size_t f : feed_of(n)) pl.feed.push_back(child_entry(f, false));
    pl.in_feed = i < in_feed_.size() && in_feed_[i];
    if (n.kind == kKindTaxonomy || n.kind == kKindTerm) {
      pl.breadcrumbs.push_back(ref_to(sections_.at("").page));
      if (n.kind == kKindTerm) pl.breadcrumbs.push_back(ref_to(taxonomy_node(n.taxonomy)));
      if (n.kind == kKindTerm) {
        for (size_t p : terms_[n.term].pages) pl.children.push_back(child_entry(p, false));
      } else {
        for (size_t k : terms_in(n.taxonomy)) {
          BasicChildEntry<std::string_view> e = child_entry(terms_[k].node, false);
          e.count = static_cast<uint32_t>(terms_[k].pages.size());
          pl.children.push_back(std::move(e));
        }
      }
    } else if (n.kind != kKindHome) {
      std::string crumb = n.kind == kKindPage ? n.section : parent_key(n.section);
      for (std::string key = crumb;; key = parent_key(key)) {
        pl.breadcrumbs.push_back(ref_to(sections_.at(key).page));
        if (key.empty()) break;
      }
      std::reverse(pl.breadcrumbs.begin(), pl.breadcrumbs.end());
    }
    if (n.kind == kKindPage) {
      const std::vector<size_t>& siblings = n.sec->pages;
      auto it = std::find(siblings.begin(), siblings.end(), i);
      if (it != siblings.begin()) pl.prev = ref_to(*(it - 1));
      if (it + 1 != siblings.end()) pl.next = ref_to(*(it + 1));
    } else if (n.kind == kKindHome || n.kind == kKindSection) {
      const Section& sec = *n.sec;
      for (const std::string& child : sec.children) pl.children.push_back(child_entry(sections_.at(child).page, true));
      for (size_t p : sec.pages) pl.children.push_back(child_entry(p, false));
    }
    if (n.meta)
      for (const OutLink& l : n.meta->links) pl.links.push_back(resolve(*n.meta, l, broken));
    return pl;
  }

  size_t taxonomy_node(size_t taxonomy) const {
    for (size_t i : taxonomy_nodes_)
      if (nodes_[i].taxonomy == taxonomy) return i;
    return kNone;
  }

  BasicChildEntry<std::string_view> child_entry(size_t i, bool is_section) const {
    const Node& c = nodes_[i];
    BasicChildEntry<std::string_view> e;
    e.title = c.title;
    e.url = c.url;
    e.is_section = is_section;
    if (c.meta) {
      e.summary = c.front->description.empty() ? c.meta->summary : c.front->description;
      e.date = c.front->date;
    }
    return e;
  }

  // --- references ---------------------------------------------------------------------

  void report(const PageMeta& from, const OutLink& l, const std::string& message) {
    SourceLoc loc{from.source, 0, 0};
    if (SourcePos pos = link_position(from, l); pos.line) loc = {from.source, pos.line, pos.col};
    if (options_.strict_links) diags_.error(loc, message);
    else diags_.warning(loc, message);
  }

  // Only on the way to a diagnostic: find the input shard that holds `from`, ask for its positions.
  SourcePos link_position(const PageMeta& from, const OutLink& l) const {
    if (!options_.link_positions) return {};
    for (size_t s = 0; s < shards_.size(); ++s) {
      const std::vector<PageMeta>& pages = shards_[s].pages;
      if (pages.empty() || &from < pages.data() || &from >= pages.data() + pages.size()) continue;
      std::vector<SourcePos> positions = options_.link_positions(s, from.rel);
      size_t index = static_cast<size_t>(&l - from.links.data());
      return index < positions.size() ? positions[index] : SourcePos{};
    }
    return {};
  }

  const Node* find_page(const std::string& rel) const {
    auto it = by_rel_.find(rel);
    return it == by_rel_.end() ? nullptr : &nodes_[it->second];
  }

  // Offers `visit` the source files a reference path may name until it accepts one: the path
  // itself if it ends in .md, else the page file, then the folder's section page. Made one at
  // a time: the first is nearly always the page, and a site has a reference on every page.
  template <class Visit>
  static bool visit_candidates(const std::optional<std::string>& p, const Visit& visit) {
    if (!p) return false;
    if (ends_with(*p, ".md")) return visit(*p);
    return visit(*p + ".md") || visit(join_path(*p, "_index.md")) || visit(join_path(*p, "index.md"));
  }

  // The same for every reading of a reference path, most specific first.
  template <class Visit>
  static bool visit_candidates(const PageMeta& from, const OutLink& l, const std::string& path, const Visit& visit) {
    const std::string here = dirname(from.rel);
    if (l.kind == static_cast<uint8_t>(LinkKind::kMarkdown) || starts_with(path, "./") || starts_with(path, "../"))
      return visit_candidates(resolve_relative(here, path), visit);
    return visit_candidates(normalize_relative(path[0] == '/' ? path.substr(1) : path), visit) ||  // content root
           visit_candidates(resolve_relative(here, path), visit);                                  // beside the page
  }

  // Every candidate, for the message when none is a page.
  template <class... Reference>
  static std::vector<std::string> all_candidates(const Reference&... reference) {
    std::vector<std::string> tried;
    visit_candidates(reference..., [&](const std::string& c) {
      tried.push_back(c);
      return false;
    });
    return tried;
  }

  ResolvedLink resolve(const PageMeta& from, const OutLink& l, std::vector<BrokenRef>& broken) const {
    auto broken_ref = [&](std::string message) { broken.push_back({&from, &l, std::move(message)}); };
    std::string path = l.target;
    std::string anchor;
    size_t hash = path.find('#');
    if (hash != std::string::npos) {
      anchor = path.substr(hash + 1);
      path.resize(hash);
    }
    const Node* target = nullptr;
    if (path.empty()) {
      target = find_page(from.rel);  // [[#heading]]: this page
    } else if (starts_with(path, kIdPrefix)) {
      std::string why;
      if (!(target = find_by_id(path.substr(kIdPrefix.size()), why))) {
        broken_ref("broken reference '" + l.target + "': " + why);
        return {};
      }
    } else {
      if (!visit_candidates(from, l, path, [&](const std::string& c) { return (target = find_page(c)) != nullptr; })) {
        broken_ref("broken reference '" + l.target + "': " + missing_page(path, all_candidates(from, l, path)));
        return {};
      }
    }
    if (!target) return {};
    if (!anchor.empty() && !has_heading(*target, anchor)) {
      broken_ref(no_heading(*target, anchor));
      return {target->url, target->title};
    }
    // A reference within the page is just the fragment; an anchored one shows the heading.
    std::string href = path.empty() ? "#" + anchor : anchor.empty() ? target->url : target->url + "#" + anchor;
    return {href, anchor.empty() ? target->title : heading_text(*target, anchor)};
  }

  static std::string heading_text(const Node& n, const std::string& id) {
    for (const Heading& h : n.meta->headings)
      if (h.id == id) return h.text;
    return n.title;
  }

  // Front matter `id:` names, for [[id:name]]; an id given twice is an error.
  void index_ids() {
    std::map<std::string, const PageMeta*> excluded;
    for (const MetaShard& s : shards_)
      for (const PageMeta& m : s.pages)
        if (excluded_.count(m.rel) && !m.front.id.empty()) excluded.emplace(m.front.id, &m);
    for (size_t i = 0; i < nodes_.size(); ++i) {
      const Node& n = nodes_[i];
      if (!n.meta || n.front->id.empty()) continue;
      auto [it, fresh] = by_id_.emplace(n.front->id, i);
      if (!fresh)
        diags_.error(loc_of(*n.meta, "id"), "id '" + n.front->id + "' is already the id of " +
                                                nodes_[it->second].meta->source);
    }
    for (const auto& [id, m] : excluded)
      if (!by_id_.count(id)) excluded_ids_.emplace(id, m->rel);
  }

  // The page with front matter `id: name`; `why` says what went wrong when there is none.
  const Node* find_by_id(const std::string& id, std::string& why) const {
    if (auto it = by_id_.find(id); it != by_id_.end()) return &nodes_[it->second];
    if (auto it = excluded_ids_.find(id); it != excluded_ids_.end()) {
      why = config_.content_dir + "/" + it->second + " (id '" + id + "') " + excluded_.at(it->second);
      return nullptr;
    }
    std::vector<std::string> ids;
    for (const auto& [known, i] : by_id_) ids.push_back(known);
    why = "no page has id '" + id + "'" + did_you_mean(id, ids);
    return nullptr;
  }

  // A page named by its path from the content folder (or "id:name"), as [[path]] and
  // ref("path") name it. `why` receives the message when there is none.
  const Node* find_from_root(const std::string& path, std::string& why) const {
    if (starts_with(path, kIdPrefix)) return find_by_id(path.substr(kIdPrefix.size()), why);
    const std::optional<std::string> from_root = normalize_relative(!path.empty() && path[0] == '/' ? path.substr(1) : path);
    const Node* target = nullptr;
    if (visit_candidates(from_root, [&](const std::string& c) { return (target = find_page(c)) != nullptr; }))
      return target;
    why = missing_page(path, all_candidates(from_root));
    return nullptr;
  }

  // Menus from bengal.toml (a `page` resolved like [[page]]) and from front matter.
  std::map<std::string, std::vector<MenuEntry>> build_menus() {
    std::vector<MenuItem> items;
    for (const MenuItemConfig& c : config_.menu_items) {
      MenuItem item{c.menu, c.identifier, c.name, c.url, c.parent, c.weight, c.loc};
      if (!c.page.empty()) {
        std::string why;
        const Node* target = find_from_root(c.page, why);
        if (!target) {
          diags_.error(c.loc, "menu '" + c.menu + "': " + why);
          continue;
        }
        item.url = target->url;
        if (item.name.empty()) item.name = target->title;
      }
      items.push_back(std::move(item));
    }
    for (const Node& n : nodes_)
      if (n.meta)
        for (MenuItem& item : front_matter_menu_items(*n.meta, n.url, n.title, diags_)) items.push_back(std::move(item));
    return assemble_menus(std::move(items), diags_);
  }

  // ref("path") in a template: from the content root, like [[path]], with an optional anchor.
  void resolve_template_ref(const TemplateRef& ref, Site& site) {
    if (site.refs.count(ref.path)) return;
    std::string path = ref.path;
    std::string anchor;
    if (size_t hash = path.find('#'); hash != std::string::npos) {
      anchor = path.substr(hash + 1);
      path.resize(hash);
    }
    std::string why;
    const Node* target = find_from_root(path, why);
    if (!target) {
      diags_.error(ref.loc, "ref('" + ref.path + "'): " + why);
    } else if (!anchor.empty() && !has_heading(*target, anchor)) {
      diags_.error(ref.loc, "ref('" + ref.path + "'): " + no_heading(*target, anchor));
    } else {
      site.refs[ref.path] = {target->title, anchor.empty() ? target->url : target->url + "#" + anchor};
    }
  }

  // "no heading '#x' in content/a.md (did you mean 'y'?)"
  static std::string no_heading(const Node& target, const std::string& anchor) {
    std::vector<std::string> ids;
    if (target.meta)
      for (const Heading& h : target.meta->headings) ids.push_back(h.id);
    return "no heading '#" + anchor + "' in " + (target.meta ? target.meta->source : target.url) +
           did_you_mean(anchor, ids);
  }

  static bool has_heading(const Node& n, const std::string& id) {
    if (!n.meta) return false;
    for (const Heading& h : n.meta->headings)
      if (h.id == id) return true;
    return false;
  }

  // Why none of the files tried is a page: one of them is excluded, or none exists.
  std::string missing_page(const std::string& written, const std::vector<std::string>& tried) const {
    for (const std::string& c : tried)
      if (auto it = excluded_.find(c); it != excluded_.end()) return config_.content_dir + "/" + c + " " + it->second;
    return no_page(written, tried);
  }

  // "no page content/x.md (did you mean 'y'?)". A path written like a reference
  // (guide/intro) is matched against the pages' reference names; a .md link against their
  // source files.
  std::string no_page(const std::string& written, const std::vector<std::string>& tried) const {
    std::call_once(names_built_, [&] {  // on the first broken reference only
      for (const auto& [rel, i] : by_rel_) {
        all_rels_.push_back(rel);
        std::string name = basename(rel) == "_index.md" || basename(rel) == "index.md" ? dirname(rel)
                                                                                       : strip_extension(rel);
        if (!name.empty()) reference_names_.push_back(name);
      }
      std::sort(all_rels_.begin(), all_rels_.end());
      std::sort(reference_names_.begin(), reference_names_.end());
    });
    std::string want = tried.empty() ? written : tried.front();
    bool as_file = ends_with(written, ".md");
    std::string stripped = written[0] == '/' ? written.substr(1) : written;
    return "no page " + config_.content_dir + "/" + want +
           (as_file ? did_you_mean(want, all_rels_) : did_you_mean(stripped, reference_names_));
  }

  // `sitemap: false`, or Hugo's `sitemap: {disable: true}`, leaves a page out of sitemap.xml.
  static bool in_sitemap(const FrontMatter& f) {
    auto it = f.params.find("sitemap");
    if (it == f.params.end()) return true;
    if (it->is_boolean()) return it->get<bool>();
    if (it->is_object() && it->contains("disable") && (*it)["disable"].is_boolean()) return !(*it)["disable"].get<bool>();
    return true;
  }

  PageTableView make_table() const {
    std::vector<size_t> by_url(nodes_.size());  // sorting indices, not entries: fewer bytes moved
    for (size_t i = 0; i < by_url.size(); ++i) by_url[i] = i;
    std::sort(by_url.begin(), by_url.end(), [&](size_t a, size_t b) {
      return nodes_[a].url != nodes_[b].url ? nodes_[a].url < nodes_[b].url : a < b;
    });
    PageTableView t;
    t.pages.reserve(by_url.size());
    for (size_t i : by_url) {
      const Node& n = nodes_[i];
      BasicPageTableEntry<std::string_view> e;
      e.kind = n.kind;
      e.url = n.url;
      e.title = n.title;
      e.section = n.section;
      if (n.meta) {
        e.rel = n.meta->rel;
        e.source = n.meta->source;
        e.date = n.front->date;
        e.lastmod = n.front->lastmod;
        e.description = n.front->description.empty() ? n.meta->summary : n.front->description;
        e.sitemap = in_sitemap(*n.front);
      }
      if (n.kind == kKind404) e.sitemap = false;
      e.aliases.assign(n.alias_urls.begin(), n.alias_urls.end());
      t.pages.push_back(std::move(e));
    }
    return t;
  }

  const Config& config_;
  std::vector<MetaShard>& shards_;
  const LinkOptions& options_;
  Diagnostics& diags_;
  std::string base_;
  std::vector<Node> nodes_;
  std::unordered_map<std::string, size_t> by_rel_;
  std::map<std::string, std::string> excluded_;  // rel -> why it is not published
  std::map<std::string, size_t> by_id_;          // front matter id -> node
  std::map<std::string, std::string> excluded_ids_;  // id -> rel of an excluded page
  std::map<std::string, Section> sections_;          // node pointers into it stay valid
  std::map<std::string, Owner> owners_;              // output file -> who writes it
  std::vector<Term> terms_;
  std::vector<bool> in_feed_;  // by node: [feeds] content = "full" and some feed has the page
  std::vector<size_t> taxonomy_nodes_;
  // Built on the first broken reference, by whichever thread meets it.
  mutable std::once_flag names_built_;
  mutable std::vector<std::string> all_rels_;         // sorted
  mutable std::vector<std::string> reference_names_;  // the same as references name them: "guide/intro"
};

}  // namespace

LinkSummary link_site(const Config& config, std::vector<MetaShard>& shards, const LinkOptions& options,
                      Diagnostics& diags, const LinkSink& sink) {
  return Linker(config, shards, options, diags).run(sink);
}

namespace {
// A written form read back: what a later step would decode from the file.
template <class Owned, class View>
Owned decoded(const View& view) {
  msgpack::sbuffer buf;
  msgpack::pack(buf, view);
  msgpack::object_handle oh = msgpack::unpack(buf.data(), buf.size());
  Owned out;
  oh.get().convert(out);
  return out;
}
}  // namespace

LinkResult link_site(const Config& config, std::vector<MetaShard> shards, const LinkOptions& options,
                     Diagnostics& diags) {
  LinkResult r;
  r.shards.resize(shards.size());
  r.term_shards.resize(options.term_shards);
  // Each file is handed over once, into its own presized slot: threads never share one.
  LinkSink sink;
  sink.link_file = [&](size_t file, const LinkShardView& view) {
    LinkShard links = decoded<LinkShard>(view);
    if (file < shards.size()) r.shards[file] = std::move(links);
    else if (file == shards.size()) r.generated = std::move(links);
    else r.term_shards[file - shards.size() - 1] = std::move(links);
  };
  sink.page_table = [&](const PageTableView& view) { r.table = decoded<PageTable>(view); };
  static_cast<LinkSummary&>(r) = link_site(config, shards, options, diags, sink);
  return r;
}

}  // namespace bengal
