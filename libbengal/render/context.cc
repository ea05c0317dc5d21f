#include "render/context.h"

#include "support/paths.h"
#include "template/value_json.h"

namespace bengal {
namespace {

using tmpl::Map;
using tmpl::Value;

Value strings(const std::vector<std::string>& items) {
  std::vector<Value> out(items.begin(), items.end());
  return Value::list(std::move(out));
}

Value ref(const PageRef& r) {
  if (r.url.empty()) return Value();
  Map m;
  m.set("title", r.title);
  m.set("url", r.url);
  return Value(std::move(m));
}

Value heading(const Heading& h, std::vector<Value> children = {}) {
  Map m;
  m.set("level", static_cast<int64_t>(h.level));
  m.set("id", h.id);
  m.set("text", h.text);
  m.set("children", Value::list(std::move(children)));
  return Value(std::move(m));
}

// The level-2 headings with their level-3 headings as children; a level-3 heading before any
// level-2 one stands at the top. Empty below two entries: a one-line TOC only adds noise.
Value toc(const PageMeta* meta) {
  std::vector<Value> top;
  std::vector<const Heading*> pending_parent;
  std::vector<std::vector<Value>> children;
  size_t count = 0;
  if (meta) {
    for (const Heading& h : meta->headings) {
      if (h.level == 2 || (h.level == 3 && pending_parent.empty())) {
        pending_parent.push_back(&h);
        children.emplace_back();
        ++count;
      } else if (h.level == 3) {
        children.back().push_back(heading(h));
        ++count;
      }
    }
  }
  if (count < 2) return Value::list({});
  for (size_t i = 0; i < pending_parent.size(); ++i) top.push_back(heading(*pending_parent[i], std::move(children[i])));
  return Value::list(std::move(top));
}


Value children(const std::vector<ChildEntry>& list) {
  std::vector<Value> out;
  for (const ChildEntry& c : list) {
    Map m;
    m.set("title", c.title);
    m.set("url", c.url);
    m.set("summary", c.summary);
    m.set("date", c.date);
    m.set("is_section", c.is_section);
    out.push_back(Value(std::move(m)));
  }
  return Value::list(std::move(out));
}

// Does `url` name a section the page at `page_url` lives in? (The home page leads to every
// page, so it is left out.)
bool leads_to(const std::string& url, const std::string& page_url, const std::string& base_path) {
  return url != base_path && !url.empty() && url.back() == '/' && url.size() < page_url.size() &&
         page_url.compare(0, url.size(), url) == 0;
}

// Menu entries as template values; with a page URL, each entry also says whether it is that
// page (active) or leads to it (in_trail: a sub-entry is active, or it is one of the page's
// sections).
Value menu_entries(const std::vector<MenuEntry>& entries, const std::string* page_url, const std::string& base_path,
                   bool* any_active = nullptr) {
  std::vector<Value> out;
  for (const MenuEntry& e : entries) {
    bool child_active = false;
    Map m;
    m.set("identifier", e.identifier);
    m.set("name", e.name);
    m.set("url", e.url);
    m.set("weight", e.weight);
    m.set("children", menu_entries(e.children, page_url, base_path, &child_active));
    bool active = page_url && e.url == *page_url;
    if (page_url) {
      m.set("active", active);
      m.set("in_trail", child_active || leads_to(e.url, *page_url, base_path));
    }
    if (any_active) *any_active = *any_active || active || child_active;
    out.push_back(Value(std::move(m)));
  }
  return Value::list(std::move(out));
}

Value menus(const Site& site, const std::string* page_url) {
  Map m;
  for (const auto& [name, entries] : site.menus) m.set(name, menu_entries(entries, page_url, site.base_path));
  return Value(std::move(m));
}

}  // namespace

Value listing_context(const SectionListing& l) {
  std::vector<Value> entries;
  for (const ListItem& item : l.items) {
    Map e;
    e.set("title", item.title);
    e.set("url", item.url);
    e.set("is_section", item.is_section);
    entries.push_back(Value(std::move(e)));
  }
  Map m;
  m.set("key", l.key);
  m.set("url", l.url);
  m.set("entries", Value::list(std::move(entries)));
  return Value(std::move(m));
}

Value site_context(const Site& site) {
  std::vector<Value> sections;
  for (const SiteSection& s : site.sections) {
    Map m;
    m.set("key", s.key);
    m.set("parent", s.parent);
    m.set("title", s.title);
    m.set("url", s.url);
    m.set("depth", static_cast<int64_t>(s.depth));
    sections.push_back(Value(std::move(m)));
  }
  Map m;
  m.set("title", site.title);
  m.set("baseurl", site.baseurl);
  m.set("base_path", site.base_path);
  m.set("language", site.language);
  m.set("params", tmpl::from_json(site.params));
  m.set("sections", Value::list(std::move(sections)));
  m.set("menus", menus(site, nullptr));
  return Value(std::move(m));
}

Value page_context(const Site& site_record, const Value& site, const PageLinks& page, const PageMeta* meta, std::string content,
                   std::vector<Value> nav) {
  Map p;
  p.set("kind", page.kind);
  p.set("title", page.title);
  p.set("url", page.url);
  p.set("section", page.section);
  p.set("content", Value::safe_string(std::move(content)));
  p.set("toc", toc(meta));
  std::vector<Value> headings;
  bool has_h1 = false;
  if (meta) {
    for (const Heading& h : meta->headings) {
      headings.push_back(heading(h));
      has_h1 = has_h1 || h.level == 1;
    }
  }
  p.set("headings", Value::list(std::move(headings)));
  p.set("has_h1", has_h1);
  const FrontMatter empty;
  const FrontMatter& fm = meta ? meta->front : empty;
  p.set("date", fm.date);
  p.set("lastmod", fm.lastmod);
  p.set("tags", strings(fm.tags));
  p.set("categories", strings(fm.categories));
  p.set("description", fm.description);
  p.set("layout", fm.layout);
  p.set("params", tmpl::from_json(fm.params));
  p.set("summary", meta ? meta->summary : std::string());
  uint32_t words = meta ? meta->word_count : 0;
  p.set("word_count", static_cast<int64_t>(words));
  p.set("reading_time", static_cast<int64_t>((words + 199) / 200));  // minutes at 200 words a minute
  p.set("prev", ref(page.prev));
  p.set("next", ref(page.next));
  std::vector<Value> ancestors;
  for (const PageRef& a : page.breadcrumbs) ancestors.push_back(ref(a));
  p.set("ancestors", Value::list(std::move(ancestors)));
  p.set("children", children(page.children));

  Map ctx;
  ctx.set("site", site);
  ctx.set("menus", menus(site_record, &page.url));
  ctx.set("section", nav.empty() ? Value() : nav.back());
  ctx.set("nav", Value::list(std::move(nav)));
  ctx.set("page", Value(std::move(p)));
  return Value(std::move(ctx));
}

}  // namespace bengal
