#include "render/context.h"

#include <algorithm>
#include <ctime>

#include "model/front_matter.h"
#include "support/paths.h"
#include "template/value_json.h"

namespace bengal {
namespace {

using tmpl::Map;
using tmpl::Value;

// The values made here borrow the strings of the records they show (context.h): the shard's
// records outlive its renders, and a page's context holds hundreds of strings.
Value text(const std::string& s) { return Value::borrowed_string(s); }

Value strings(const std::vector<std::string>& items) {
  std::vector<Value> out;
  out.reserve(items.size());
  for (const std::string& item : items) out.push_back(text(item));
  return Value::list(std::move(out));
}

Value ref(const PageRef& r) {
  if (r.url.empty()) return Value();
  Map m;
  m.reserve(2);
  m.set("title", text(r.title));
  m.set("url", text(r.url));
  return Value(std::move(m));
}

Value heading(const Heading& h, std::vector<Value> children = {}) {
  Map m;
  m.reserve(4);
  m.set("level", static_cast<int64_t>(h.level));
  m.set("id", text(h.id));
  m.set("text", text(h.text));
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


// `room` is how many entries the caller adds after these.
Value child(const ChildEntry& c, size_t room = 0) {
  Map m;
  m.reserve(6 + room);
  m.set("title", text(c.title));
  m.set("url", text(c.url));
  m.set("summary", text(c.summary));
  m.set("date", text(c.date));
  m.set("is_section", c.is_section);
  m.set("count", static_cast<int64_t>(c.count));
  return Value(std::move(m));
}

Value children(const std::vector<ChildEntry>& list, size_t first = 0, size_t count = static_cast<size_t>(-1)) {
  std::vector<Value> out;
  out.reserve(std::min(count, list.size() - std::min(first, list.size())));
  for (size_t i = first; i < list.size() && i - first < count; ++i) out.push_back(child(list[i]));
  return Value::list(std::move(out));
}

// "Mon, 05 Jan 2026 00:00:00 +0000" (RFC 822, as RSS wants) and "2026-01-05T00:00:00Z"
// (RFC 3339, as Atom wants), in UTC.
std::string format_utc(int64_t t, const char* format) {
  std::time_t time = static_cast<std::time_t>(t);
  std::tm tm{};
  gmtime_r(&time, &tm);
  char buf[64];
  size_t n = std::strftime(buf, sizeof buf, format, &tm);
  return std::string(buf, n);
}

// A feed entry: a child entry with its absolute URL and its date in the feeds' formats.
Value feed_entry(const Site& site, const ChildEntry& c) {
  Value v = child(c, 3);
  Map& m = v.as_map();
  m.set("permalink", absolute_url(site, c.url));
  int64_t t = c.date.empty() ? 0 : unix_time_of(c.date);
  m.set("date_rfc822", format_utc(t, "%a, %d %b %Y %H:%M:%S +0000"));
  m.set("date_rfc3339", format_utc(t, "%Y-%m-%dT%H:%M:%SZ"));
  return v;
}

Value refs(const std::vector<PageRef>& list) {
  std::vector<Value> out;
  out.reserve(list.size());
  for (const PageRef& r : list) out.push_back(ref(r));
  return Value::list(std::move(out));
}

// page.terms: taxonomy -> [{name, url}], in the page's order.
Value terms(const std::vector<TermRef>& list) {
  Map by_taxonomy;
  for (const TermRef& t : list) {
    Map term;
    term.reserve(2);
    term.set("name", text(t.name));
    term.set("url", text(t.url));
    Value* entries = by_taxonomy.find(t.taxonomy);
    if (!entries) {
      by_taxonomy.set(t.taxonomy, Value::list({}));
      entries = by_taxonomy.find(t.taxonomy);
    }
    entries->as_list().items.push_back(Value(std::move(term)));
  }
  return Value(std::move(by_taxonomy));
}

Value optional_url(const std::string& url) { return url.empty() ? Value() : Value(url); }

// The pagers a page's navigation links to: the first, the last, and kPagerWindow on each side
// of this one, with a {gap: true} entry where numbers are skipped. Its size does not grow with
// the list: a list of every pager would make each of P pager files O(P), the list O(P^2)
// (a tag on 25,000 pages wrote 360 MB).
Value pager_window(const Pager& p) {
  std::vector<Value> entries;
  size_t low = p.number > kPagerWindow ? p.number - kPagerWindow : 1;
  size_t high = std::min(p.total, p.number + kPagerWindow);
  auto entry = [&](size_t n) {
    Map e;
    e.set("number", static_cast<int64_t>(n));
    e.set("url", p.url_of(n));
    e.set("is_current", n == p.number);
    entries.push_back(Value(std::move(e)));
  };
  auto gap = [&] {
    Map e;
    e.set("gap", true);
    entries.push_back(Value(std::move(e)));
  };
  if (low > 1) entry(1);
  if (low > 2) gap();
  for (size_t n = low; n <= high; ++n) entry(n);
  if (high + 1 < p.total) gap();
  if (high < p.total) entry(p.total);
  return Value::list(std::move(entries));
}

Value paginator(const PageLinks& page, const Pager& p) {
  Map m;
  m.set("pages", children(page.children, p.first_item, p.item_count));
  m.set("page_number", static_cast<int64_t>(p.number));
  m.set("total_pages", static_cast<int64_t>(p.total));
  m.set("per_page", static_cast<int64_t>(p.per_page));
  m.set("total_items", static_cast<int64_t>(page.children.size()));
  m.set("url", p.url_of(p.number));
  m.set("first", p.list_url);
  m.set("last", p.url_of(p.total));
  m.set("prev", optional_url(p.number > 1 ? p.url_of(p.number - 1) : std::string()));
  m.set("next", optional_url(p.number < p.total ? p.url_of(p.number + 1) : std::string()));
  m.set("window", pager_window(p));
  return Value(std::move(m));
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
    m.set("identifier", text(e.identifier));
    m.set("name", text(e.name));
    m.set("url", text(e.url));
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
  std::vector<Value> entries, pages, subsections;
  entries.reserve(l.items.size());
  for (const ListItem& item : l.items) {
    Map e;
    e.reserve(3);
    e.set("title", text(item.title));
    e.set("url", text(item.url));
    e.set("is_section", item.is_section);
    Value v(std::move(e));
    (item.is_section ? subsections : pages).push_back(v);
    entries.push_back(std::move(v));
  }
  Map m;
  m.set("key", text(l.key));
  m.set("url", text(l.url));
  m.set("entries", Value::list(std::move(entries)));
  m.set("pages", Value::list(std::move(pages)));
  m.set("subsections", Value::list(std::move(subsections)));
  return Value(std::move(m));
}

Value taxonomies_context(const Taxonomies& taxonomies) {
  Map by_name;
  for (const TaxonomyEntry& t : taxonomies.taxonomies) {
    std::vector<Value> terms;
    for (const TermEntry& term : t.terms) {
      Map e;
      e.set("name", term.name);
      e.set("slug", term.slug);
      e.set("url", term.url);
      e.set("count", static_cast<int64_t>(term.count));
      terms.push_back(Value(std::move(e)));
    }
    Map m;
    m.set("name", t.name);
    m.set("singular", t.singular);
    m.set("title", t.title);
    m.set("url", t.url);
    m.set("terms", Value::list(std::move(terms)));
    by_name.set(t.name, Value(std::move(m)));
  }
  return Value(std::move(by_name));
}

std::string absolute_url(const Site& site, const std::string& url) {
  size_t scheme = site.baseurl.find("://");
  if (scheme == std::string::npos || url.empty() || url[0] != '/') return url;
  size_t path = site.baseurl.find('/', scheme + 3);
  return site.baseurl.substr(0, path) + url;
}

Value site_context(const Site& site, Value taxonomies) {
  // top_sections: what a header shows, without a loop over every section on every page.
  std::vector<Value> sections, top_sections;
  sections.reserve(site.sections.size());
  for (const SiteSection& s : site.sections) {
    Map m;
    m.reserve(5);
    m.set("key", text(s.key));
    m.set("parent", text(s.parent));
    m.set("title", text(s.title));
    m.set("url", text(s.url));
    m.set("depth", static_cast<int64_t>(s.depth));
    sections.push_back(Value(std::move(m)));
    if (s.depth == 1) top_sections.push_back(sections.back());
  }
  Map m;
  m.set("title", text(site.title));
  m.set("baseurl", text(site.baseurl));
  m.set("base_path", text(site.base_path));
  m.set("language", text(site.language));
  m.set("description", text(site.description));
  m.set("rss", site.rss);
  m.set("atom", site.atom);
  m.set("search", site.search);
  m.set("params", tmpl::from_json(site.params));
  m.set("sections", Value::list(std::move(sections)));
  m.set("top_sections", Value::list(std::move(top_sections)));
  m.set("menus", menus(site, nullptr));
  m.set("taxonomies", std::move(taxonomies));
  return Value(std::move(m));
}

Value page_context(const Site& site_record, const Value& site, const PageLinks& page, const PageMeta* meta,
                   const PageBody* body, const FrontMatter& fm, std::string content, std::vector<Value> nav,
                   const Pager* pager) {
  Map p;
  p.reserve(32);  // room for the keys below
  p.set("kind", text(page.kind));
  p.set("title", text(page.title));
  p.set("url", text(page.url));
  p.set("permalink", absolute_url(site_record, page.url));
  p.set("section", text(page.section));
  p.set("content", Value::safe_string(std::move(content)));
  p.set("toc", toc(meta));
  std::vector<Value> headings;
  bool has_h1 = false;
  if (meta) {
    headings.reserve(meta->headings.size());
    for (const Heading& h : meta->headings) {
      headings.push_back(heading(h));
      has_h1 = has_h1 || h.level == 1;
    }
  }
  p.set("headings", Value::list(std::move(headings)));
  p.set("has_h1", has_h1);
  p.set("date", text(fm.date));
  p.set("lastmod", text(fm.lastmod));
  p.set("tags", strings(fm.tags));
  p.set("categories", strings(fm.categories));
  p.set("terms", terms(page.terms));
  p.set("description", text(fm.description));
  p.set("layout", text(fm.layout));
  p.set("params", tmpl::from_json(fm.params));
  p.set("summary", meta ? text(meta->summary) : Value(std::string()));
  uint32_t words = body ? body->word_count : 0;
  p.set("word_count", static_cast<int64_t>(words));
  p.set("reading_time", static_cast<int64_t>((words + 199) / 200));  // minutes at 200 words a minute
  p.set("prev", ref(page.prev));
  p.set("next", ref(page.next));
  p.set("ancestors", refs(page.breadcrumbs));
  p.set("children", children(page.children));
  p.set("related", refs(page.related));
  std::vector<Value> feed;
  feed.reserve(page.feed.size());
  for (const ChildEntry& c : page.feed) feed.push_back(feed_entry(site_record, c));
  p.set("feed", Value::list(std::move(feed)));

  Map ctx;
  ctx.reserve(6);
  ctx.set("site", site);
  ctx.set("menus", menus(site_record, &page.url));
  ctx.set("section", nav.empty() ? Value() : nav.back());
  ctx.set("nav", Value::list(std::move(nav)));
  ctx.set("page", Value(std::move(p)));
  Value context(std::move(ctx));
  set_paginator(context, page, pager);
  return context;
}

void set_paginator(Value& context, const PageLinks& page, const Pager* pager) {
  context.as_map().set("paginator", pager ? paginator(page, *pager) : Value());
}

}  // namespace bengal
