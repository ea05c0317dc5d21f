#include "render/render.h"

#include <algorithm>
#include <unordered_map>

#include "format/envelope.h"
#include "model/front_matter.h"
#include "render/asset_refs.h"
#include "render/context.h"
#include "render/feeds.h"
#include "render/page_outputs.h"
#include "template/error.h"
#include "support/failure.h"
#include "support/hash.h"
#include "support/paths.h"
#include "support/text.h"

namespace bengal {

std::string fill_slots(const PageBody& body, const std::vector<ResolvedLink>& links) {
  std::string out;
  size_t size = 0;
  for (const std::string& part : body.html) size += part.size();
  out.reserve(size + body.slots.size() * 48);
  for (size_t i = 0; i < body.html.size(); ++i) {
    out += body.html[i];
    if (i >= body.slots.size()) break;
    const Slot& slot = body.slots[i];
    if (slot.link >= links.size())
      throw Failure(kExitBadIntermediate, "the link file does not match the body file of '" + body.rel +
                                              "'; rebuild (run bengal-link again)");
    const ResolvedLink& l = links[slot.link];
    append_html_escaped(out, slot.field == static_cast<uint8_t>(SlotField::kTitle) ? l.title : l.href);
  }
  return out;
}

// The listings of the sections from the root down to `key`, for the navigation tree. Each
// listing becomes a template value once per shard: the pages of a section share it.
using ListingValues = std::unordered_map<const SectionListing*, tmpl::Value>;
static std::vector<tmpl::Value> nav_path(const LinkShard& links, const std::string& key, ListingValues& made) {
  std::vector<tmpl::Value> path;
  for (std::string k = key;; k = dirname(k)) {
    auto it = std::lower_bound(links.sections.begin(), links.sections.end(), k,
                               [](const SectionListing& s, const std::string& x) { return s.key < x; });
    if (it != links.sections.end() && it->key == k) {
      auto [value, fresh] = made.try_emplace(&*it);
      if (fresh) value->second = listing_context(*it);
      path.push_back(value->second);
    }
    if (k.empty()) break;
  }
  std::reverse(path.begin(), path.end());
  return path;
}

// List pages show `per_page` children per file (pager_count in site.h): the first at the
// page's URL, the others at <url>page/N/. A list that is not split gets one pager with all its
// children; a page that is not a list gets one with per_page 0 (no `paginator`).
static std::vector<Pager> paginate(const PageLinks& page, uint32_t per_page) {
  bool is_list = is_list_with_feed(page.kind) || page.kind == kKindTaxonomy;
  if (!is_list) return {Pager{}};
  size_t items = page.children.size();
  size_t total = pager_count(page.kind, page.output, items, per_page);
  size_t size = total > 1 ? per_page : std::max<size_t>(items, 1);
  std::vector<Pager> pagers;
  for (size_t n = 1; n <= total; ++n) {
    size_t first = (n - 1) * size;
    pagers.push_back(Pager{n, total, size, first, std::min(size, items - std::min(items, first)), page.url});
  }
  return pagers;
}

// What one shard's pages have in common while they are rendered.
struct ShardRenderer {
  const Site& site_record;
  tmpl::Value site;
  const LinkShard& links;
  Theme& theme;
  ListingValues listings;
  std::set<std::string>& templates_used;
  FeedsShard& feeds;  // [feeds] content = "full": the list pages' feeds, and the pages' content
  Diagnostics& diags;
  std::unordered_map<const tmpl::Template*, size_t> last_sizes;  // of the last file each rendered

  OutputFile render(const tmpl::Template& t, const tmpl::Value& context, std::string path) {
    tmpl::RenderInfo info;
    std::string bytes;
    // The pages a template renders are alike in size: room for the last one's saves growing
    // the buffer by doubling.
    size_t& last_size = last_sizes[&t];
    bytes.reserve(last_size + last_size / 8);
    t.render_to(bytes, context, &info);
    last_size = bytes.size();
    OutputFile f = file(std::move(path), std::move(bytes));
    for (std::string& used : info.templates_used)
      if (!starts_with(used, kBuiltinPrefix)) templates_used.insert(std::move(used));
    return f;
  }

  static OutputFile file(std::string path, std::string bytes) {
    OutputFile f;
    f.path = std::move(path);
    f.hash = hash_hex(bytes);
    f.bytes = std::move(bytes);
    return f;
  }

  static bool contains(const std::vector<std::string>& list, const std::string& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
  }

  // A page's files: the page (each pager of a paginated list) and its redirects.
  void render_page(const PageLinks& page, const PageMeta* meta, const PageBody* body, const FrontMatter& front,
                   std::string content, const std::string& text, std::vector<OutputFile>& out) {
    SourceLoc where{meta ? meta->source : std::string(), 0, 0};
    if (meta) {
      if (auto it = meta->front.positions.find("layout"); it != meta->front.positions.end())
        where = {meta->source, it->second.line, it->second.col};
    }
    auto layout = theme.layout_for(page.kind, page.section, front.layout, where);
    std::vector<tmpl::Value> nav = nav_path(links, page.section, listings);
    std::vector<Pager> pagers = paginate(page, site_record.per_page);
    // One context for every pager: only `paginator` differs, and rebuilding the rest (a term
    // page's children are every page with the term) would make a list's cost O(pagers x children).
    tmpl::Value context = page_context(site_record, site, page, meta, body, front, std::move(content), std::move(nav));
    for (size_t i = 0; i < pagers.size(); ++i) {
      set_paginator(context, page, pagers[i].per_page ? &pagers[i] : nullptr);
      out.push_back(render(*layout, context, i == 0 ? page.output : pager_output(page.output, i + 1)));
    }
    if (is_list_with_feed(page.kind) && has_own_folder(page.output)) {  // feeds beside the list
      context = feed_context(context);
      if (site_record.full_feeds) add_content_slots(context);
      for (const char* name : {"rss.xml", "atom.xml"}) {
        if (!(name[0] == 'r' ? site_record.rss : site_record.atom)) continue;
        OutputFile f = render(*theme.environment().get_template(name), context, beside_page(page.output, name));
        if (site_record.full_feeds) add_feed(page, meta, std::move(f));
        else out.push_back(std::move(f));
      }
    }
    if (has_own_folder(page.output)) {
      if (contains(site_record.json_kinds, page.kind))
        out.push_back(file(beside_page(page.output, "index.json"), page_json(site_record, page, meta, body, front, text)));
      if (contains(site_record.txt_kinds, page.kind))
        out.push_back(file(beside_page(page.output, "index.txt"), page_txt(site_record, page, front, text)));
    }
    std::vector<std::string> redirects = page.aliases;
    if (pagers.size() > 1) redirects.push_back(pager_output(page.output, 1));  // page/1/ is the list itself
    for (const std::string& from : redirects) out.push_back(render_redirect(from, page.url));
  }

  // Full feeds: each entry's item.content is a slot marker (feeds.h), filled site-wide. The
  // entries are copied: feed_context shares them with the page's HTML context.
  static void add_content_slots(tmpl::Value& context) {
    tmpl::Value* page = context.as_map().find("page");
    tmpl::Value* feed = page ? page->as_map().find("feed") : nullptr;
    if (!feed) return;
    std::vector<tmpl::Value> items;
    for (const tmpl::Value& entry : feed->as_list().items) {
      tmpl::Map item = entry.as_map();
      item.set("content", feed_slot_marker(items.size()));
      items.push_back(tmpl::Value(std::move(item)));
    }
    *feed = tmpl::Value::list(std::move(items));
  }

  void add_feed(const PageLinks& page, const PageMeta* meta, OutputFile f) {
    std::string error;
    std::optional<FeedFile> cut = cut_feed(f.path, f.bytes, page.feed, error);
    if (cut) feeds.feeds.push_back(std::move(*cut));
    else diags.error({meta ? meta->source : page.output, 0, 0}, error);
  }

  OutputFile render_redirect(const std::string& path, const std::string& to) {
    tmpl::Map m;
    m.set("site", site);
    m.set("url", to);
    m.set("permalink", absolute_url(site_record, to));
    return render(*theme.environment().get_template("alias.html"), tmpl::Value(std::move(m)), path);
  }
};


template <class Shard, class Page = typename decltype(Shard::pages)::value_type>
static std::unordered_map<std::string, const Page*> by_rel(const Shard* shard) {
  std::unordered_map<std::string, const Page*> map;
  if (shard)
    for (const Page& p : shard->pages) map[p.rel] = &p;
  return map;
}

// site.taxonomies: read from its file the first time a template asks. Most shards never do;
// those that do name the file in their depfile, so only they re-render when terms change.
class LazyTaxonomies : public tmpl::Object {
 public:
  LazyTaxonomies(std::string path, std::set<std::string>& used) : path_(std::move(path)), used_(used) {}
  std::string_view type_name() const override { return "dict"; }
  bool is_mapping() const override { return true; }
  tmpl::Value get_attr(std::string_view name) const override {
    const tmpl::Value* v = map().find(name);
    return v ? *v : tmpl::Value::undefined();
  }
  tmpl::Value get_item(const tmpl::Value& key) const override { return get_attr(key.str()); }
  std::optional<std::vector<tmpl::Value>> iterate() const override {
    std::vector<tmpl::Value> keys;
    for (const auto& [k, v] : map()) keys.push_back(k);
    return keys;
  }
  std::optional<size_t> length() const override { return map().size(); }
  bool truthy() const override { return !map().empty(); }
  std::optional<tmpl::Value> call_method(std::string_view name, const tmpl::Args&) override {
    std::vector<tmpl::Value> out;
    for (const auto& [k, v] : map()) {
      if (name == "items") out.push_back(tmpl::Value::tuple({k, v}));
      else if (name == "values") out.push_back(v);
      else if (name == "keys") out.push_back(k);
      else return std::nullopt;
    }
    return tmpl::Value::list(std::move(out));
  }

 private:
  const tmpl::Map& map() const {
    if (!loaded_) {
      if (path_.empty()) throw tmpl::EvalError("site.taxonomies needs the taxonomies file (bengal-render --taxonomies)");
      loaded_ = taxonomies_context(read_intermediate<Taxonomies>(Kind::kTaxonomies, path_));
      used_.insert(path_);
    }
    return loaded_->as_map();
  }
  std::string path_;
  std::set<std::string>& used_;
  mutable std::optional<tmpl::Value> loaded_;
};

// An HTML file's asset references, each at the Markdown line of the page's image that names
// it when there is one. The URL path of an output file is its site path.
static PageAssets page_assets(const std::string& source, const OutputFile& f, const std::string& base_path,
                              const PageBody* body) {
  PageAssets p{source, f.path, {}};
  std::string url = base_path + f.path;
  std::unordered_map<std::string, SourcePos> written_at;
  if (body)
    for (const ImageRef& image : body->images) written_at.try_emplace(local_asset_url(image.url, url), image.pos);
  for (std::string& u : local_asset_urls(f.bytes, url)) {
    auto it = written_at.find(u);
    p.assets.push_back({std::move(u), it == written_at.end() ? SourcePos{} : it->second});
  }
  return p;
}

static bool is_html(const std::string& path) {
  return path.size() >= 5 && path.compare(path.size() - 5, 5, ".html") == 0;
}

RenderedShard render_shard(const Site& site, const LinkShard& links, ShardSources sources, Theme& theme,
                           std::set<std::string>& templates_used, Diagnostics& diags,
                           const std::string& taxonomies_path) {
  auto metas = by_rel(sources.meta);
  auto bodies = by_rel(sources.body);
  auto texts = by_rel(sources.text);
  RenderedShard out;
  ShardRenderer renderer{site, site_context(site, tmpl::Value(std::make_shared<LazyTaxonomies>(taxonomies_path, templates_used))),
                         links, theme, {}, templates_used, out.feeds, diags, {}};
  const FrontMatter no_front_matter;
  for (const PageLinks& page : links.pages) {
    const PageMeta* m = nullptr;
    const PageBody* b = nullptr;
    std::string content;
    static const std::string no_text;
    auto ti = texts.find(page.rel);
    const std::string& text = page.rel.empty() || ti == texts.end() ? no_text : ti->second->text;
    if (!page.rel.empty()) {
      auto mi = metas.find(page.rel);
      auto bi = bodies.find(page.rel);
      if (mi == metas.end() || bi == bodies.end())
        throw Failure(kExitBadIntermediate, "the link file names page '" + page.rel +
                                                "' that the meta or body file lacks; rebuild (run bengal-link again)");
      m = mi->second;
      b = bi->second;
      content = fill_slots(*b, page.links);
      if (page.in_feed) out.feeds.items.push_back({page.url, absolute_urls_in(content, site, page.url)});
    }
    const std::string source = m ? m->source : std::string();
    auto safe = normalize_relative(page.output);
    if (!safe || *safe != page.output || page.output.empty()) {
      diags.error({source, 0, 0}, "refusing to write outside the output folder: '" + page.output + "'");
      continue;
    }
    FrontMatter cascaded;
    if (m && !page.cascade.empty()) {
      cascaded = m->front;
      apply_cascade(cascaded, page.cascade);
    }
    const FrontMatter& front = !m ? no_front_matter : page.cascade.empty() ? m->front : cascaded;
    size_t first = out.pages.files.size();
    try {
      renderer.render_page(page, m, b, front, std::move(content), text, out.pages.files);
    } catch (const tmpl::TemplateError& e) {
      diags.add(e.diagnostic());
    }
    const std::string& who = source.empty() ? page.output : source;
    for (size_t i = first; i < out.pages.files.size(); ++i)
      if (is_html(out.pages.files[i].path))
        out.asset_refs.pages.push_back(page_assets(who, out.pages.files[i], site.base_path, b));
  }
  std::sort(out.pages.files.begin(), out.pages.files.end(),
            [](const OutputFile& a, const OutputFile& b) { return a.path < b.path; });
  auto by_path = [](const FeedFile& a, const FeedFile& b) { return a.path < b.path; };
  std::sort(out.feeds.feeds.begin(), out.feeds.feeds.end(), by_path);
  std::sort(out.feeds.items.begin(), out.feeds.items.end(),
            [](const FeedItem& a, const FeedItem& b) { return a.url < b.url; });
  std::sort(out.asset_refs.pages.begin(), out.asset_refs.pages.end(),
            [](const PageAssets& a, const PageAssets& b) { return a.output < b.output; });
  return out;
}

}  // namespace bengal
