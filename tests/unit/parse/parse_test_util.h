#pragma once
// Helpers shared by the parse tests.
#include <string>

#include "model/page.h"
#include "parse/markdown.h"

namespace bengal::testing {

inline ScannedPage make_page(std::string body, std::string rel = "docs/guide/page.md", uint32_t body_line = 1) {
  ScannedPage page;
  page.source = "content/" + rel;
  page.rel = std::move(rel);
  page.body = std::move(body);
  page.body_line = body_line;
  return page;
}

// The body with its slots written as {href N} / {title N}, for readable assertions.
inline std::string flatten(const PageBody& body) {
  std::string out = body.html.empty() ? std::string() : body.html[0];
  for (size_t i = 0; i < body.slots.size() && i + 1 < body.html.size(); ++i) {
    bool href = body.slots[i].field == static_cast<uint8_t>(SlotField::kHref);
    out += std::string(href ? "{href " : "{title ") + std::to_string(body.slots[i].link) + "}";
    out += body.html[i + 1];
  }
  return out;
}

// A page parsed from `body`, with its diagnostics and its flattened HTML.
struct Parsed {
  ParsedPage page;
  Diagnostics diags;
  std::string html;
};

inline Parsed parse(const std::string& body, ParseOptions options = {}, uint32_t body_line = 1,
                    std::string rel = "docs/guide/page.md") {
  Parsed p;
  p.page = parse_page(make_page(body, std::move(rel), body_line), options, p.diags);
  p.html = flatten(p.page.body);
  return p;
}

}  // namespace bengal::testing
