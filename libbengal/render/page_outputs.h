#pragma once
// A page's machine-readable outputs beside its index.html ([outputs] json and txt):
// index.json (metadata, headings, plain text) for programs, index.txt (clean text) for
// language models. Both come from the intermediates, never from the rendered HTML.
#include <string>

#include "model/page.h"
#include "model/site.h"

namespace bengal {

// `meta` and `body` are null for a generated page; `text` is the page's plain text ("" without one).
std::string page_json(const Site& site, const PageLinks& page, const PageMeta* meta, const PageBody* body,
                      const FrontMatter& front,
                      const std::string& text);
// The same document built with nlohmann::json, which replaces invalid UTF-8 with U+FFFD:
// what page_json falls back to then, and what the tests compare page_json with.
std::string page_json_via_nlohmann(const Site& site, const PageLinks& page, const PageMeta* meta, const PageBody* body,
                                   const FrontMatter& front, const std::string& text);
std::string page_txt(const Site& site, const PageLinks& page, const FrontMatter& front, const std::string& text);

}  // namespace bengal
