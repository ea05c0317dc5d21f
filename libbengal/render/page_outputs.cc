#include "render/page_outputs.h"

#include <algorithm>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "render/context.h"
#include "support/text.h"

namespace bengal {

namespace {

// ---- index.json by hand ----
// The document nlohmann::json's dump(2) would write, byte for byte (the unit tests compare
// the two), without building the JSON tree first: several times faster on long page text.

// Members of an object `depth` levels deep: `"key": value`, separated by ",\n".
class JsonObject {
 public:
  JsonObject(std::string& out, int depth) : out_(out), depth_(depth) { out_ += "{\n"; }
  void key(std::string_view name) {
    if (count_++) out_ += ",\n";
    out_.append(2 * depth_ + 2, ' ');
    out_ += '"';
    out_ += name;  // the keys are plain ASCII names (taxonomy names go through append_json_string)
    out_ += "\": ";
  }
  bool string(std::string_view name, std::string_view value) {
    key(name);
    return append_json_string(out_, value);
  }
  void number(std::string_view name, uint64_t value) {
    key(name);
    out_ += std::to_string(value);
  }
  void close() {
    out_ += '\n';
    out_.append(2 * depth_, ' ');
    out_ += '}';
  }

 private:
  std::string& out_;
  int depth_;
  size_t count_ = 0;
};

// `"name": [ ... ]` of objects `depth` levels deep, each written by `item`; "[]" when empty.
template <class T, class WriteItem>
bool json_array(std::string& out, int depth, const std::vector<T>& items, WriteItem item) {
  if (items.empty()) {
    out += "[]";
    return true;
  }
  out += "[\n";
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += ",\n";
    out.append(2 * depth + 2, ' ');
    JsonObject o(out, depth + 1);
    if (!item(o, items[i])) return false;
    o.close();
  }
  out += '\n';
  out.append(2 * depth, ' ');
  out += ']';
  return true;
}

std::optional<std::string> write_page_json(const Site& site, const PageLinks& page, const PageMeta* meta,
                                           const PageBody* body, const FrontMatter& front, const std::string& text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8 + 1024);
  JsonObject j(out, 0);
  bool ok = j.string("title", page.title) && j.string("kind", page.kind) && j.string("url", page.url) &&
            j.string("permalink", absolute_url(site, page.url)) && j.string("section", page.section);
  if (ok && !front.date.empty()) ok = j.string("date", front.date);
  if (ok && !front.lastmod.empty()) ok = j.string("lastmod", front.lastmod);
  if (ok && !front.description.empty()) ok = j.string("description", front.description);
  if (ok && meta && !meta->summary.empty()) ok = j.string("summary", meta->summary);
  if (!ok) return std::nullopt;

  // terms: taxonomy -> [{name, url}], the taxonomies in the order the page first names them.
  std::vector<std::pair<std::string_view, std::vector<const TermRef*>>> terms;
  for (const TermRef& t : page.terms) {
    auto it = std::find_if(terms.begin(), terms.end(), [&](const auto& e) { return e.first == t.taxonomy; });
    if (it == terms.end()) it = terms.insert(terms.end(), {t.taxonomy, {}});
    it->second.push_back(&t);
  }
  j.key("terms");
  if (terms.empty()) {
    out += "{}";
  } else {
    out += "{\n";
    for (size_t i = 0; i < terms.size(); ++i) {
      if (i) out += ",\n";
      out.append(4, ' ');
      if (!append_json_string(out, terms[i].first)) return std::nullopt;
      out += ": ";
      auto term = [](JsonObject& o, const TermRef* t) { return o.string("name", t->name) && o.string("url", t->url); };
      if (!json_array(out, 2, terms[i].second, term)) return std::nullopt;
    }
    out += "\n  }";
  }

  j.key("headings");
  static const std::vector<Heading> no_headings;
  auto heading = [](JsonObject& o, const Heading& h) {
    o.number("level", h.level);
    return o.string("id", h.id) && o.string("text", h.text);
  };
  if (!json_array(out, 1, meta ? meta->headings : no_headings, heading)) return std::nullopt;
  j.number("word_count", body ? body->word_count : 0);
  if (!j.string("text", text)) return std::nullopt;
  j.close();
  out += '\n';
  return out;
}

}  // namespace

std::string page_json(const Site& site, const PageLinks& page, const PageMeta* meta, const PageBody* body,
                      const FrontMatter& front, const std::string& text) {
  if (std::optional<std::string> json = write_page_json(site, page, meta, body, front, text)) return std::move(*json);
  // Invalid UTF-8 in a source: let nlohmann::json replace it with U+FFFD, as it always has,
  // rather than fail the page.
  return page_json_via_nlohmann(site, page, meta, body, front, text);
}

std::string page_json_via_nlohmann(const Site& site, const PageLinks& page, const PageMeta* meta, const PageBody* body,
                                   const FrontMatter& front, const std::string& text) {
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
