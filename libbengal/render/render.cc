#include "render/render.h"

#include <algorithm>
#include <unordered_map>

#include "render/context.h"
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

static OutputFile render_page(const Site& site_record, const tmpl::Value& site, const LinkShard& links, const PageLinks& page,
                              const PageMeta* meta, std::string content, Theme& theme, ListingValues& listings,
                              std::set<std::string>& templates_used) {
  SourceLoc where{meta ? meta->source : std::string(), 0, 0};
  std::string layout = meta ? meta->front.layout : std::string();
  if (meta) {
    if (auto it = meta->front.positions.find("layout"); it != meta->front.positions.end())
      where = {meta->source, it->second.line, it->second.col};
  }
  auto tmpl = theme.layout_for(page.kind, page.section, layout, where);
  tmpl::RenderInfo info;
  OutputFile file;
  file.path = page.output;
  file.bytes = tmpl->render(page_context(site_record, site, page, meta, std::move(content), nav_path(links, page.section, listings)),
                           &info);
  file.hash = hash_hex(file.bytes);
  for (std::string& used : info.templates_used)
    if (!starts_with(used, kBuiltinPrefix)) templates_used.insert(std::move(used));
  return file;
}

template <class Shard, class Page = typename decltype(Shard::pages)::value_type>
static std::unordered_map<std::string, const Page*> by_rel(const Shard* shard) {
  std::unordered_map<std::string, const Page*> map;
  if (shard)
    for (const Page& p : shard->pages) map[p.rel] = &p;
  return map;
}

PagesShard render_shard(const Site& site, const LinkShard& links, const MetaShard* meta, const BodyShard* body,
                        Theme& theme, std::set<std::string>& templates_used, Diagnostics& diags) {
  auto metas = by_rel(meta);
  auto bodies = by_rel(body);
  const tmpl::Value site_value = site_context(site);
  ListingValues listings;
  PagesShard out;
  for (const PageLinks& page : links.pages) {
    const PageMeta* m = nullptr;
    std::string content;
    if (!page.rel.empty()) {
      auto mi = metas.find(page.rel);
      auto bi = bodies.find(page.rel);
      if (mi == metas.end() || bi == bodies.end())
        throw Failure(kExitBadIntermediate, "the link file names page '" + page.rel +
                                                "' that the meta or body file lacks; rebuild (run bengal-link again)");
      m = mi->second;
      content = fill_slots(*bi->second, page.links);
    }
    const std::string source = m ? m->source : std::string();
    auto safe = normalize_relative(page.output);
    if (!safe || *safe != page.output || page.output.empty()) {
      diags.error({source, 0, 0}, "refusing to write outside the output folder: '" + page.output + "'");
      continue;
    }
    try {
      out.files.push_back(render_page(site, site_value, links, page, m, std::move(content), theme, listings, templates_used));
    } catch (const tmpl::TemplateError& e) {
      diags.add(e.diagnostic());
    }
  }
  std::sort(out.files.begin(), out.files.end(),
            [](const OutputFile& a, const OutputFile& b) { return a.path < b.path; });
  return out;
}

std::string make_depfile(const std::string& target, const std::set<std::string>& deps) {
  auto escape = [](const std::string& path) {
    std::string out;
    for (char c : path) {
      if (c == ' ' || c == '#' || c == '\\') out += '\\';
      if (c == '$') out += '$';
      out += c;
    }
    return out;
  };
  std::string out = escape(target) + ":";
  for (const std::string& d : deps) out += " \\\n  " + escape(d);
  return out + "\n";
}

}  // namespace bengal
