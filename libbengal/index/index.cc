#include "index/index.h"

#include <nlohmann/json.hpp>
#include <unordered_map>

#include "support/text.h"

namespace bengal {

std::string absolute_url(const Config& config, const std::string& url_path) {
  size_t scheme = config.baseurl.find("://");
  if (scheme == std::string::npos) return url_path;  // no origin configured: stay root-relative
  size_t path_start = config.baseurl.find('/', scheme + 3);
  std::string origin = path_start == std::string::npos ? config.baseurl : config.baseurl.substr(0, path_start);
  return origin + url_path;
}

std::string render_sitemap(const Config& config, const PageTable& table) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  for (const PageTableEntry& p : table.pages) {
    out += "  <url>\n    <loc>" + xml_escape(percent_encode_url(absolute_url(config, p.url))) + "</loc>\n";
    const std::string& modified = p.lastmod.empty() ? p.date : p.lastmod;
    if (!modified.empty()) out += "    <lastmod>" + xml_escape(modified) + "</lastmod>\n";
    out += "  </url>\n";
  }
  out += "</urlset>\n";
  return out;
}

std::string render_search_index(const PageTable& table, const std::vector<MetaShard>& metas,
                                const std::vector<TextShard>& texts) {
  std::unordered_map<std::string, const PageMeta*> meta_of;
  for (const MetaShard& s : metas)
    for (const PageMeta& m : s.pages) meta_of[m.rel] = &m;
  std::unordered_map<std::string, const std::string*> text_of;
  for (const TextShard& s : texts)
    for (const PageText& t : s.pages) text_of[t.rel] = &t.text;

  nlohmann::ordered_json pages = nlohmann::ordered_json::array();
  for (const PageTableEntry& p : table.pages) {
    if (p.rel.empty()) continue;  // generated list pages have no text of their own
    nlohmann::ordered_json entry;
    entry["title"] = p.title;
    entry["url"] = p.url;
    entry["section"] = p.section;
    nlohmann::ordered_json headings = nlohmann::ordered_json::array();
    if (auto m = meta_of.find(p.rel); m != meta_of.end())
      for (const Heading& h : m->second->headings) headings.push_back({{"id", h.id}, {"text", h.text}});
    entry["headings"] = std::move(headings);
    auto t = text_of.find(p.rel);
    entry["text"] = t == text_of.end() ? std::string() : *t->second;
    pages.push_back(std::move(entry));
  }
  return pages.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace bengal
