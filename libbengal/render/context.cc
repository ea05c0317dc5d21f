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
  m.add("title", text(r.title));
  m.add("url", text(r.url));
  return Value(std::move(m));
}

Value heading(const Heading& h, std::vector<Value> children = {}) {
  Map m;
  m.reserve(4);
  m.add("level", static_cast<int64_t>(h.level));
  m.add("id", text(h.id));
  m.add("text", text(h.text));
  m.add("children", Value::list(std::move(children)));
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
  m.add("title", text(c.title));
  m.add("url", text(c.url));
  m.add("summary", text(c.summary));
  m.add("date", text(c.date));
  m.add("is_section", c.is_section);
  m.add("count", static_cast<int64_t>(c.count));
  return Value(std::move(m));
}

Value children(const std::vector<ChildEntry>& list) {
  std::vector<Value> out;
  out.reserve(list.size());
  for (const ChildEntry& c : list) out.push_back(child(c));
  return Value::list(std::move(out));
}

// Entries [first, first + count) of a list value: the same values, not copies of them.
Value slice(const tmpl::List& list, size_t first, size_t count) {
  size_t begin = std::min(first, list.items.size());
  size_t end = begin + std::min(count, list.items.size() - begin);
  return Value::list(std::vector<Value>(list.items.begin() + static_cast<std::ptrdiff_t>(begin),
                                        list.items.begin() + static_cast<std::ptrdiff_t>(end)));
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
  m.add("permalink", absolute_url(site, c.url));
  int64_t t = c.date.empty() ? 0 : unix_time_of(c.date);
  m.add("date_rfc822", format_utc(t, "%a, %d %b %Y %H:%M:%S +0000"));
  m.add("date_rfc3339", format_utc(t, "%Y-%m-%dT%H:%M:%SZ"));
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
    term.add("name", text(t.name));
    term.add("url", text(t.url));
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
    e.add("number", static_cast<int64_t>(n));
    e.add("url", p.url_of(n));
    e.add("is_current", n == p.number);
    entries.push_back(Value(std::move(e)));
  };
  auto gap = [&] {
    Map e;
    e.add("gap", true);
    entries.push_back(Value(std::move(e)));
  };
  if (low > 1) entry(1);
  if (low > 2) gap();
  for (size_t n = low; n <= high; ++n) entry(n);
  if (high + 1 < p.total) gap();
  if (high < p.total) entry(p.total);
  return Value::list(std::move(entries));
}

// `children` is the page's page.children value, of which the pager shows a share.
Value paginator(const PageLinks& page, const Pager& p, const tmpl::List& children) {
  Map m;
  m.reserve(11);
  m.add("pages", slice(children, p.first_item, p.item_count));
  m.add("page_number", static_cast<int64_t>(p.number));
  m.add("total_pages", static_cast<int64_t>(p.total));
  m.add("per_page", static_cast<int64_t>(p.per_page));
  m.add("total_items", static_cast<int64_t>(page.children.size()));
  m.add("url", p.url_of(p.number));
  m.add("first", p.list_url);
  m.add("last", p.url_of(p.total));
  m.add("prev", optional_url(p.number > 1 ? p.url_of(p.number - 1) : std::string()));
  m.add("next", optional_url(p.number < p.total ? p.url_of(p.number + 1) : std::string()));
  m.add("window", pager_window(p));
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
    m.add("identifier", text(e.identifier));
    m.add("name", text(e.name));
    m.add("url", text(e.url));
    m.add("weight", e.weight);
    m.add("children", menu_entries(e.children, page_url, base_path, &child_active));
    bool active = page_url && e.url == *page_url;
    if (page_url) {
      m.add("active", active);
      m.add("in_trail", child_active || leads_to(e.url, *page_url, base_path));
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
    e.add("title", text(item.title));
    e.add("url", text(item.url));
    e.add("is_section", item.is_section);
    Value v(std::move(e));
    (item.is_section ? subsections : pages).push_back(v);
    entries.push_back(std::move(v));
  }
  Map m;
  m.add("key", text(l.key));
  m.add("url", text(l.url));
  m.add("entries", Value::list(std::move(entries)));
  m.add("pages", Value::list(std::move(pages)));
  m.add("subsections", Value::list(std::move(subsections)));
  return Value(std::move(m));
}

Value taxonomies_context(const Taxonomies& taxonomies) {
  Map by_name;
  for (const TaxonomyEntry& t : taxonomies.taxonomies) {
    std::vector<Value> terms;
    for (const TermEntry& term : t.terms) {
      Map e;
      e.add("name", term.name);
      e.add("slug", term.slug);
      e.add("url", term.url);
      e.add("count", static_cast<int64_t>(term.count));
      terms.push_back(Value(std::move(e)));
    }
    Map m;
    m.add("name", t.name);
    m.add("singular", t.singular);
    m.add("title", t.title);
    m.add("url", t.url);
    m.add("terms", Value::list(std::move(terms)));
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
    m.add("key", text(s.key));
    m.add("parent", text(s.parent));
    m.add("title", text(s.title));
    m.add("url", text(s.url));
    m.add("depth", static_cast<int64_t>(s.depth));
    sections.push_back(Value(std::move(m)));
    if (s.depth == 1) top_sections.push_back(sections.back());
  }
  Map m;
  m.add("title", text(site.title));
  m.add("baseurl", text(site.baseurl));
  m.add("base_path", text(site.base_path));
  m.add("language", text(site.language));
  m.add("description", text(site.description));
  m.add("rss", site.rss);
  m.add("atom", site.atom);
  m.add("search", site.search);
  m.add("params", tmpl::from_json(site.params));
  m.add("sections", Value::list(std::move(sections)));
  m.add("top_sections", Value::list(std::move(top_sections)));
  m.add("menus", menus(site, nullptr));
  m.add("taxonomies", std::move(taxonomies));
  return Value(std::move(m));
}

Value page_context(const Site& site_record, const Value& site, const PageLinks& page, const PageMeta* meta,
                   const PageBody* body, const FrontMatter& fm, std::string content, std::vector<Value> nav,
                   const Pager* pager) {
  Map p;
  p.reserve(32);  // room for the keys below
  p.add("kind", text(page.kind));
  p.add("title", text(page.title));
  p.add("url", text(page.url));
  p.add("permalink", absolute_url(site_record, page.url));
  p.add("section", text(page.section));
  p.add("content", Value::safe_string(std::move(content)));
  p.add("toc", toc(meta));
  std::vector<Value> headings;
  bool has_h1 = false;
  if (meta) {
    headings.reserve(meta->headings.size());
    for (const Heading& h : meta->headings) {
      headings.push_back(heading(h));
      has_h1 = has_h1 || h.level == 1;
    }
  }
  p.add("headings", Value::list(std::move(headings)));
  p.add("has_h1", has_h1);
  p.add("date", text(fm.date));
  p.add("lastmod", text(fm.lastmod));
  p.add("tags", strings(fm.tags));
  p.add("categories", strings(fm.categories));
  p.add("terms", terms(page.terms));
  p.add("description", text(fm.description));
  p.add("layout", text(fm.layout));
  p.add("params", tmpl::from_json(fm.params));
  p.add("summary", meta ? text(meta->summary) : Value(std::string()));
  uint32_t words = body ? body->word_count : 0;
  p.add("word_count", static_cast<int64_t>(words));
  p.add("reading_time", static_cast<int64_t>((words + 199) / 200));  // minutes at 200 words a minute
  p.add("prev", ref(page.prev));
  p.add("next", ref(page.next));
  p.add("ancestors", refs(page.breadcrumbs));
  p.add("children", children(page.children));
  p.add("related", refs(page.related));
  std::vector<Value> feed;
  feed.reserve(page.feed.size());
  for (const ChildEntry& c : page.feed) feed.push_back(feed_entry(site_record, c));
  p.add("feed", Value::list(std::move(feed)));

  Map ctx;
  ctx.reserve(6);
  ctx.add("site", site);
  ctx.add("menus", menus(site_record, &page.url));
  ctx.add("section", nav.empty() ? Value() : nav.back());
  ctx.add("nav", Value::list(std::move(nav)));
  ctx.add("page", Value(std::move(p)));
  Value context(std::move(ctx));
  set_paginator(context, page, pager);
  return context;
}

void set_paginator(Value& context, const PageLinks& page, const Pager* pager) {
  Value value;
  if (pager) value = paginator(page, *pager, context.as_map().find("page")->as_map().find("children")->as_list());
  context.as_map().set("paginator", std::move(value));
}

Value feed_context(const Value& context) {
  Map ctx = context.as_map();  // a copy of the values: shared with the page's, not made again
  Map page = ctx.find("page")->as_map();
  page.set("content", Value::safe_string(std::string()));
  ctx.set("page", Value(std::move(page)));
  ctx.set("paginator", Value());
  return Value(std::move(ctx));
}

}  // namespace bengal
