#include "render/page_outputs.h"

#include <nlohmann/json.hpp>

#include "render/context.h"

namespace bengal {

std::string page_json(const Site& site, const PageLinks& page, const PageMeta* meta, const PageBody* body,
                      const FrontMatter& front,
                      const std::string& text) {
  nlohmann::ordered_json j;
  j["title"] = page.title;
  j["kind"] = page.kind;
  j["url"] = page.url;
  j["permalink"] = absolute_url(site, page.url);
  j["section"] = page.section;
  if (!front.date.empty()) j["date"] = front.date;
  if (!front.lastmod.empty()) j["lastmod"] = front.lastmod;
  if (!front.description.empty()) j["description"] = front.description;
  if (meta && !meta->summary.empty()) j["summary"] = meta->summary;
  nlohmann::ordered_json terms = nlohmann::ordered_json::object();
  for (const TermRef& t : page.terms) terms[t.taxonomy].push_back({{"name", t.name}, {"url", t.url}});
  j["terms"] = std::move(terms);
  nlohmann::ordered_json headings = nlohmann::ordered_json::array();
  if (meta)
    for (const Heading& h : meta->headings) headings.push_back({{"level", h.level}, {"id", h.id}, {"text", h.text}});
  j["headings"] = std::move(headings);
  j["word_count"] = body ? body->word_count : 0;
  j["text"] = text;
  // Invalid UTF-8 in a source becomes U+FFFD rather than failing the page.
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string page_txt(const Site& site, const PageLinks& page, const FrontMatter& front, const std::string& text) {
  std::string out = "# " + page.title + "\n\n";
  out += "URL: " + absolute_url(site, page.url) + "\n";
  if (!front.date.empty()) out += "Date: " + front.date + "\n";
  if (!front.description.empty()) out += "\n" + front.description + "\n";
  if (!text.empty()) {
    out += "\n" + text;
    if (out.back() != '\n') out += '\n';
  }
  return out;
}

}  // namespace bengal
