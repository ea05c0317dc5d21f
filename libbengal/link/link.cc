#include "link/link.h"

#include <algorithm>
#include <climits>
#include <map>
#include <set>
#include <unordered_map>

#include "link/menus.h"
#include "support/paths.h"
#include "support/text.h"

namespace bengal {

std::string title_from_name(std::string_view name) {
  std::string out;
  for (char c : name) out += (c == '-' || c == '_') ? ' ' : c;
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

namespace {

constexpr size_t kGenerated = static_cast<size_t>(-1);

struct Node {
  const PageMeta* meta = nullptr;  // null for a generated section page
  size_t shard = kGenerated;
  std::string kind;
  std::string section;  // section key: its own for section pages, the container for pages
  std::string url;
  std::string output;
  std::string title;
};

struct Section {
  std::string key;
  size_t page = 0;  // index of the section's own page in Linker::nodes_
  std::vector<size_t> pages;        // leaf pages, in section order
  std::vector<std::string> children;  // subsection keys, in section order
};

std::string parent_key(const std::string& key) { return key.empty() ? std::string() : dirname(key); }

SourceLoc loc_of(const PageMeta& m, const char* key) {
  auto it = m.front.positions.find(key);
  if (it == m.front.positions.end()) return {m.source, 0, 0};
  return {m.source, it->second.line, it->second.col};
}

class Linker {
 public:
  Linker(const Config& config, const std::vector<MetaShard>& shards, const LinkOptions& options, Diagnostics& diags)
      : config_(config), shards_(shards), options_(options), diags_(diags), base_(config.base_path()) {}

  LinkResult run() {
    collect_pages();
    build_sections();
    assign_urls();
    order_sections();
    LinkResult r;
    r.site = make_site();
    for (const TemplateRef& ref : options_.template_refs) resolve_template_ref(ref, r.site);
    r.site.menus = build_menus();
    for (size_t s = 0; s < shards_.size(); ++s) r.shards.push_back(make_shard(s));
    r.generated = make_shard(kGenerated);
    r.table = make_table();
    return r;
  }

 private:
  // Pages from every shard; drafts are set aside (and remembered, for a clear link error).
  void collect_pages() {
    for (size_t s = 0; s < shards_.size(); ++s) {
      for (const PageMeta& m : shards_[s].pages) {
        if (m.front.draft && !options_.drafts) {
          drafts_.insert(m.rel);
          continue;
        }
        Node n;
        n.meta = &m;
        n.shard = s;
        by_rel_[m.rel] = nodes_.size();
        nodes_.push_back(std::move(n));
      }
    }
  }

  // Folders are sections. A folder's `_index.md` is its page; so is an `index.md` when the
  // folder has other pages (otherwise `index.md` is a leaf bundle). Sections without a page of
  // their own get a generated one.
  void build_sections() {
    std::set<std::string> keys = {""};
    auto add_with_ancestors = [&](std::string key) {
      for (;;) {
        if (!keys.insert(key).second || key.empty()) break;
        key = parent_key(key);
      }
    };
    for (const Node& n : nodes_) {
      std::string dir = dirname(n.meta->rel);
      std::string base = basename(n.meta->rel);
      if (base == "_index.md") add_with_ancestors(dir);
      else add_with_ancestors(base == "index.md" && !dir.empty() ? parent_key(dir) : dir);
    }
    for (size_t i = 0; i < nodes_.size(); ++i) {
      Node& n = nodes_[i];
      std::string dir = dirname(n.meta->rel);
      std::string base = basename(n.meta->rel);
      bool section_page = base == "_index.md" || (base == "index.md" && keys.count(dir));
      if (section_page) {
        if (sections_.count(dir)) {
          diags_.error({n.meta->source, 0, 0}, "section '" + (dir.empty() ? std::string("/") : dir) +
                                                  "' has two pages: " + nodes_[sections_[dir].page].meta->source +
                                                  " and " + n.meta->source);
          n.kind = kKindPage;  // keep going so every other problem is reported too
          n.section = dir;
          continue;
        }
        n.kind = dir.empty() ? kKindHome : kKindSection;
        n.section = dir;
        sections_[dir] = Section{dir, i, {}, {}};
      } else {
        n.kind = kKindPage;
        n.section = base == "index.md" ? parent_key(dir) : dir;
      }
    }
    for (const std::string& key : keys) {
      if (sections_.count(key)) continue;
      Node n;
      n.kind = key.empty() ? kKindHome : kKindSection;
      n.section = key;
      sections_[key] = Section{key, nodes_.size(), {}, {}};
      nodes_.push_back(std::move(n));
    }
    for (size_t i = 0; i < nodes_.size(); ++i) {
      const Node& n = nodes_[i];
      if (n.kind == kKindPage) sections_[n.section].pages.push_back(i);
    }
    for (const std::string& key : keys)
      if (!key.empty()) sections_[parent_key(key)].children.push_back(key);
  }

  std::string default_path(const Node& n) const {
    if (n.kind != kKindPage) return n.section;
    std::string base = basename(n.meta->rel);
    return base == "index.md" ? dirname(n.meta->rel) : strip_extension(n.meta->rel);
  }

  void assign_urls() {
    std::map<std::string, size_t> owners;  // output file -> node
    for (size_t i = 0; i < nodes_.size(); ++i) {
      Node& n = nodes_[i];
      std::string path = default_path(n);
      bool is_file = false;  // only a front matter url may name a file ("/feed.xml")
      if (n.meta && !n.meta->front.url.empty()) {
        path = n.meta->front.url.substr(1);  // scan guarantees a leading '/' and no ".."
        is_file = !path.empty() && path.back() != '/' && basename(path).find('.') != std::string::npos;
      } else if (n.meta && !n.meta->front.slug.empty() && !path.empty()) {
        path = join_path(dirname(path), n.meta->front.slug);
      }
      if (!path.empty() && path.back() == '/') path.pop_back();
      n.url = base_ + percent_encode_url(path) + (path.empty() || is_file ? "" : "/");
      n.output = is_file ? path : join_path(path, "index.html");
      n.title = page_title(n);
      auto [it, fresh] = owners.emplace(n.output, i);
      if (!fresh) report_collision(nodes_[it->second], n);
    }
  }

  void report_collision(const Node& first, const Node& second) {
    auto name = [](const Node& n) { return n.meta ? n.meta->source : "the generated page of section '" + n.section + "'"; };
    SourceLoc loc = second.meta ? loc_of(*second.meta, second.meta->front.url.empty() ? "slug" : "url")
                                : SourceLoc{first.meta ? first.meta->source : std::string(), 0, 0};
    if (second.meta && loc.line == 0) loc = {second.meta->source, 0, 0};
    diags_.error(loc, "duplicate URL '" + second.url + "': " + name(first) + " and " + name(second) +
                          " both publish it");
  }

  std::string page_title(const Node& n) const {
    if (n.meta) {
      if (!n.meta->front.title.empty()) return n.meta->front.title;
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
      int64_t w = n.meta ? n.meta->front.weight : 0;
      return w == 0 ? INT64_MAX : w;
    };
    auto date = [](const Node& n) { return n.meta ? n.meta->front.date : std::string(); };
    if (weight(x) != weight(y)) return weight(x) < weight(y);
    if (date(x) != date(y)) return date(x) > date(y);
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

  PageRef ref_to(size_t i) const { return {nodes_[i].title, nodes_[i].url}; }

  Site make_site() const {
    Site site;
    site.title = config_.title;
    site.baseurl = config_.baseurl;
    site.base_path = base_;
    site.language = config_.language;
    site.params = config_.params;
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

  LinkShard make_shard(size_t shard) {
    LinkShard out;
    std::set<std::string> listed;
    for (size_t i = 0; i < nodes_.size(); ++i) {
      const Node& n = nodes_[i];
      if (n.shard != shard) continue;
      out.pages.push_back(page_links(i));
      for (std::string key = n.section;; key = parent_key(key)) {
        listed.insert(key);
        if (key.empty()) break;
      }
    }
    for (const std::string& key : listed) out.sections.push_back(listing(key));
    return out;
  }

  SectionListing listing(const std::string& key) const {
    const Section& sec = sections_.at(key);
    SectionListing l{key, nodes_[sec.page].url, {}};
    for (const std::string& child : sec.children) {
      const Node& c = nodes_[sections_.at(child).page];
      l.items.push_back({c.title, c.url, true});
    }
    for (size_t p : sec.pages) l.items.push_back({nodes_[p].title, nodes_[p].url, false});
    return l;
  }

  PageLinks page_links(size_t i) {
    const Node& n = nodes_[i];
    PageLinks pl;
    pl.rel = n.meta ? n.meta->rel : std::string();
    pl.kind = n.kind;
    pl.url = n.url;
    pl.output = n.output;
    pl.section = n.section;
    pl.title = n.title;
    std::string crumb = n.kind == kKindPage ? n.section : parent_key(n.section);
    if (n.kind != kKindHome) {
      for (std::string key = crumb;; key = parent_key(key)) {
        pl.breadcrumbs.push_back(ref_to(sections_.at(key).page));
        if (key.empty()) break;
      }
      std::reverse(pl.breadcrumbs.begin(), pl.breadcrumbs.end());
    }
    if (n.kind == kKindPage) {
      const std::vector<size_t>& siblings = sections_.at(n.section).pages;
      auto it = std::find(siblings.begin(), siblings.end(), i);
      if (it != siblings.begin()) pl.prev = ref_to(*(it - 1));
      if (it + 1 != siblings.end()) pl.next = ref_to(*(it + 1));
    } else {
      const Section& sec = sections_.at(n.section);
      for (const std::string& child : sec.children) pl.children.push_back(child_entry(sections_.at(child).page, true));
      for (size_t p : sec.pages) pl.children.push_back(child_entry(p, false));
    }
    if (n.meta)
      for (const OutLink& l : n.meta->links) pl.links.push_back(resolve(*n.meta, l));
    return pl;
  }

  ChildEntry child_entry(size_t i, bool is_section) const {
    const Node& c = nodes_[i];
    ChildEntry e;
    e.title = c.title;
    e.url = c.url;
    e.is_section = is_section;
    if (c.meta) {
      e.summary = c.meta->front.description.empty() ? c.meta->summary : c.meta->front.description;
      e.date = c.meta->front.date;
    }
    return e;
  }

  // --- references ---------------------------------------------------------------------

  void report(const PageMeta& from, const OutLink& l, const std::string& message) {
    SourceLoc loc{from.source, l.pos.line, l.pos.col};
    if (options_.strict_links) diags_.error(loc, message);
    else diags_.warning(loc, message);
  }

  const Node* find_page(const std::string& rel) const {
    auto it = by_rel_.find(rel);
    return it == by_rel_.end() ? nullptr : &nodes_[it->second];
  }

  // The source files a reference path may name: itself if it ends in .md, else the page
  // file, or the folder's section page.
  static void add_candidates(std::vector<std::string>& out, const std::optional<std::string>& p) {
    if (!p) return;
    if (ends_with(*p, ".md")) {
      out.push_back(*p);
      return;
    }
    out.push_back(*p + ".md");
    out.push_back(join_path(*p, "_index.md"));
    out.push_back(join_path(*p, "index.md"));
  }

  // Candidate source files for a reference path, most specific first.
  std::vector<std::string> candidates(const PageMeta& from, const OutLink& l, const std::string& path) const {
    std::vector<std::string> out;
    std::string here = dirname(from.rel);
    auto add = [&](const std::optional<std::string>& p) { add_candidates(out, p); };
    if (l.kind == static_cast<uint8_t>(LinkKind::kMarkdown)) {
      add(resolve_relative(here, path));
    } else if (starts_with(path, "./") || starts_with(path, "../")) {
      add(resolve_relative(here, path));
    } else {
      add(normalize_relative(path[0] == '/' ? path.substr(1) : path));  // from the content root
      add(resolve_relative(here, path));                                 // then beside the page
    }
    return out;
  }

  ResolvedLink resolve(const PageMeta& from, const OutLink& l) {
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
    } else {
      std::vector<std::string> tried = candidates(from, l, path);
      for (const std::string& c : tried) {
        if ((target = find_page(c))) break;
      }
      if (!target) {
        report_missing_page(from, l, path, tried);
        return {};
      }
    }
    if (!target) return {};
    if (!anchor.empty() && !has_heading(*target, anchor)) {
      report(from, l, no_heading(*target, anchor));
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

  // A page named by its path from the content folder, as [[path]] and ref("path") name it.
  // `tried` receives the source files looked for, for messages.
  const Node* find_from_root(const std::string& path, std::vector<std::string>& tried) const {
    add_candidates(tried, normalize_relative(!path.empty() && path[0] == '/' ? path.substr(1) : path));
    for (const std::string& c : tried)
      if (const Node* n = find_page(c)) return n;
    return nullptr;
  }

  // Menus from bengal.toml (a `page` resolved like [[page]]) and from front matter.
  std::map<std::string, std::vector<MenuEntry>> build_menus() {
    std::vector<MenuItem> items;
    for (const MenuItemConfig& c : config_.menu_items) {
      MenuItem item{c.menu, c.identifier, c.name, c.url, c.parent, c.weight, c.loc};
      if (!c.page.empty()) {
        std::vector<std::string> tried;
        const Node* target = find_from_root(c.page, tried);
        if (!target) {
          diags_.error(c.loc, "menu '" + c.menu + "': " + no_page(c.page, tried));
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
    std::vector<std::string> tried;
    const Node* target = find_from_root(path, tried);
    if (!target) {
      diags_.error(ref.loc, "ref('" + ref.path + "'): " + no_page(path, tried));
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

  void report_missing_page(const PageMeta& from, const OutLink& l, const std::string& path,
                           const std::vector<std::string>& tried) {
    for (const std::string& c : tried) {
      if (drafts_.count(c)) {
        report(from, l, "broken reference '" + l.target + "': " + config_.content_dir + "/" + c +
                            " is a draft (build with --drafts to publish drafts)");
        return;
      }
    }
    report(from, l, "broken reference '" + l.target + "': " + no_page(path, tried));
  }

  // "no page content/x.md (did you mean 'y'?)". A path written like a reference
  // (guide/intro) is matched against the pages' reference names; a .md link against their
  // source files.
  std::string no_page(const std::string& written, const std::vector<std::string>& tried) {
    if (all_rels_.empty()) {  // built on the first broken reference only
      for (const auto& [rel, i] : by_rel_) {
        all_rels_.push_back(rel);
        std::string name = basename(rel) == "_index.md" || basename(rel) == "index.md" ? dirname(rel)
                                                                                       : strip_extension(rel);
        if (!name.empty()) reference_names_.push_back(name);
      }
      std::sort(all_rels_.begin(), all_rels_.end());
      std::sort(reference_names_.begin(), reference_names_.end());
    }
    std::string want = tried.empty() ? written : tried.front();
    bool as_file = ends_with(written, ".md");
    std::string stripped = written[0] == '/' ? written.substr(1) : written;
    return "no page " + config_.content_dir + "/" + want +
           (as_file ? did_you_mean(want, all_rels_) : did_you_mean(stripped, reference_names_));
  }

  PageTable make_table() const {
    PageTable t;
    for (const Node& n : nodes_) {
      PageTableEntry e;
      e.kind = n.kind;
      e.url = n.url;
      e.title = n.title;
      e.section = n.section;
      if (n.meta) {
        e.rel = n.meta->rel;
        e.source = n.meta->source;
        e.date = n.meta->front.date;
        e.lastmod = n.meta->front.lastmod;
        e.description = n.meta->front.description.empty() ? n.meta->summary : n.meta->front.description;
      }
      t.pages.push_back(std::move(e));
    }
    std::sort(t.pages.begin(), t.pages.end(),
              [](const PageTableEntry& a, const PageTableEntry& b) { return a.url < b.url; });
    return t;
  }

  const Config& config_;
  const std::vector<MetaShard>& shards_;
  const LinkOptions& options_;
  Diagnostics& diags_;
  std::string base_;
  std::vector<Node> nodes_;
  std::unordered_map<std::string, size_t> by_rel_;
  std::set<std::string> drafts_;
  std::map<std::string, Section> sections_;
  std::vector<std::string> all_rels_;         // sorted, built on the first broken reference
  std::vector<std::string> reference_names_;  // the same as references name them: "guide/intro"
};

}  // namespace

LinkResult link_site(const Config& config, const std::vector<MetaShard>& shards, const LinkOptions& options,
                     Diagnostics& diags) {
  return Linker(config, shards, options, diags).run();
}

}  // namespace bengal
