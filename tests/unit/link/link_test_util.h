#pragma once
// Helpers shared by the bengal-link tests: a PageMeta builder, a linked result with lookups,
// and short views of listings. Pages are built by hand and linked in memory.
#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "link/link.h"

namespace bengal::testing {

using Strings = std::vector<std::string>;

// A PageMeta under construction: P("docs/a.md").title("A").weight(2). Every key set is
// recorded in front.positions, as bengal-scan records every key written (cascades rely on it);
// `pos` gives it a line and column for located messages.
// Where each test page's links were written, by source path: S.meta has no positions
// (PageBody::link_pos has them), so link() answers LinkOptions::link_positions from here.
inline std::map<std::string, std::vector<SourcePos>>& test_link_positions() {
  static std::map<std::string, std::vector<SourcePos>> positions;
  return positions;
}

struct P {
  PageMeta m;
  explicit P(const std::string& rel) {
    m.rel = rel;
    m.source = "content/" + rel;
    test_link_positions().erase(m.source);  // a page of an earlier test may have had this path
  }
  P& at(const std::string& key, SourcePos pos) {
    m.front.positions[key] = pos;
    return *this;
  }
  P& title(const std::string& t) {
    m.front.title = t;
    return at("title", {});
  }
  P& weight(int64_t w) {
    m.front.weight = w;
    return at("weight", {});
  }
  P& date(const std::string& d) {
    m.front.date = d;
    return at("date", {});
  }
  P& lastmod(const std::string& d) {
    m.front.lastmod = d;
    return at("lastmod", {});
  }
  P& publishdate(const std::string& d) {
    m.front.publishdate = d;
    return at("publishdate", {});
  }
  P& expirydate(const std::string& d) {
    m.front.expirydate = d;
    return at("expirydate", {});
  }
  P& draft() {
    m.front.draft = true;
    return at("draft", {});
  }
  P& slug(const std::string& s, SourcePos pos = {}) {
    m.front.slug = s;
    return at("slug", pos);
  }
  P& url(const std::string& u, SourcePos pos = {}) {
    m.front.url = u;
    return at("url", pos);
  }
  P& id(const std::string& i, SourcePos pos = {}) {
    m.front.id = i;
    return at("id", pos);
  }
  P& aliases(const Strings& a, SourcePos pos = {}) {
    m.front.aliases = a;
    return at("aliases", pos);
  }
  P& tags(const Strings& t, SourcePos pos = {}) {
    m.front.tags = t;
    return at("tags", pos);
  }
  P& categories(const Strings& c, SourcePos pos = {}) {
    m.front.categories = c;
    return at("categories", pos);
  }
  P& layout(const std::string& l) {
    m.front.layout = l;
    return at("layout", {});
  }
  // Any other key, kept in params (custom taxonomies, `cascade`, user data).
  P& param(const std::string& key, nlohmann::json value, SourcePos pos = {}) {
    m.front.params[key] = std::move(value);
    return at(key, pos);
  }
  P& cascade(nlohmann::json value, SourcePos pos = {}) { return param("cascade", std::move(value), pos); }
  P& description(const std::string& d) {
    m.front.description = d;
    return at("description", {});
  }
  P& summary(const std::string& s) {
    m.summary = s;
    return *this;
  }
  P& heading(uint32_t level, const std::string& id, const std::string& text) {
    m.headings.push_back({level, id, text});
    return *this;
  }
  P& wiki(const std::string& target, uint32_t line = 1, uint32_t col = 1, bool auto_text = false) {
    m.links.push_back({target, static_cast<uint8_t>(LinkKind::kWiki), auto_text});
    test_link_positions()[m.source].push_back({line, col});
    return *this;
  }
  P& md(const std::string& target, uint32_t line = 1, uint32_t col = 1) {
    m.links.push_back({target, static_cast<uint8_t>(LinkKind::kMarkdown), false});
    test_link_positions()[m.source].push_back({line, col});
    return *this;
  }
  operator PageMeta() const { return m; }  // NOLINT: builder
};

inline MetaShard shard(std::vector<PageMeta> pages) {
  MetaShard s;
  s.pages = std::move(pages);
  return s;
}

inline Config config_with(const std::string& baseurl = "/", const std::string& title = "Test site") {
  Config c;
  c.baseurl = baseurl;
  c.title = title;
  return c;
}

struct Linked {
  LinkResult result;
  Diagnostics diags;
  // Every site gets a generated 404 page; link() takes it out of result.generated, so tests
  // about generated section pages see only those.
  std::vector<PageLinks> not_found;

  // Every page: source shards, generated pages, then term shards.
  std::vector<const PageLinks*> all() const {
    std::vector<const PageLinks*> out;
    for (const LinkShard& s : result.shards)
      for (const PageLinks& p : s.pages) out.push_back(&p);
    for (const PageLinks& p : result.generated.pages) out.push_back(&p);
    for (const LinkShard& s : result.term_shards)
      for (const PageLinks& p : s.pages) out.push_back(&p);
    return out;
  }
  const PageLinks& page(const std::string& rel) const {
    for (const PageLinks* p : all())
      if (!rel.empty() && p->rel == rel) return *p;
    throw std::runtime_error("no linked page " + rel);
  }
  bool has_page(const std::string& rel) const {
    for (const PageLinks* p : all())
      if (p->rel == rel) return true;
    return false;
  }
  // A section's own page (generated or not), by section key.
  const PageLinks& section(const std::string& key) const {
    for (const PageLinks* p : all())
      if ((p->kind == kKindHome || p->kind == kKindSection) && p->section == key) return *p;
    throw std::runtime_error("no section page " + key);
  }
  const PageLinks* by_url(const std::string& url) const {
    for (const PageLinks* p : all())
      if (p->url == url) return p;
    return nullptr;
  }
  Strings urls_of_kind(const std::string& kind) const {
    Strings out;
    for (const PageLinks* p : all())
      if (p->kind == kind) out.push_back(p->url);
    return out;
  }
  Strings messages() const {
    Strings out;
    for (const Diagnostic& d : diags.items()) out.push_back(format_diagnostic(d, "bengal-link"));
    return out;
  }
};

// Every link file's bytes, as bengal-link writes them.
inline Strings packed_files(const LinkResult& r) {
  Strings out;
  auto pack = [&](const LinkShard& s) {
    msgpack::sbuffer buffer;
    msgpack::pack(buffer, s);
    out.emplace_back(buffer.data(), buffer.size());
  };
  for (const LinkShard& s : r.shards) pack(s);
  pack(r.generated);
  for (const LinkShard& s : r.term_shards) pack(s);
  return out;
}

inline Linked link(const std::vector<MetaShard>& shards, const Config& config = config_with(),
                   LinkOptions options = {}) {
  Linked l;
  if (!options.link_positions)
    options.link_positions = [](size_t, const std::string& rel) { return test_link_positions()["content/" + rel]; };
  l.result = link_site(config, shards, options, l.diags);
  // Every test also checks that threads change nothing: the same files, the same diagnostics
  // in the same order.
  Linked threaded;
  options.threads = 4;
  threaded.result = link_site(config, shards, options, threaded.diags);
  EXPECT_EQ(packed_files(threaded.result), packed_files(l.result));
  EXPECT_EQ(threaded.messages(), l.messages());
  auto& generated = l.result.generated.pages;
  for (auto it = generated.begin(); it != generated.end();) {
    if (it->kind == kKind404) {
      l.not_found.push_back(std::move(*it));
      it = generated.erase(it);
    } else {
      ++it;
    }
  }
  return l;
}

inline Strings titles(const std::vector<ListItem>& items) {
  Strings out;
  for (const ListItem& i : items) out.push_back(i.title);
  return out;
}

inline Strings titles(const std::vector<ChildEntry>& items) {
  Strings out;
  for (const ChildEntry& i : items) out.push_back(i.title);
  return out;
}

inline Strings titles(const std::vector<PageRef>& refs) {
  Strings out;
  for (const PageRef& r : refs) out.push_back(r.title);
  return out;
}

// "href title" for each of a page's resolved links.
inline Strings resolved(const PageLinks& p) {
  Strings out;
  for (const ResolvedLink& r : p.links) out.push_back(r.href + " " + r.title);
  return out;
}

inline Strings crumbs(const PageLinks& p) {
  Strings out;
  for (const PageRef& r : p.breadcrumbs) out.push_back(r.title + " " + r.url);
  return out;
}

}  // namespace bengal::testing
