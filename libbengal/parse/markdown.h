#pragma once
// The parse step for one page: Markdown (CommonMark + GitHub extensions, through cmark-gfm)
// to HTML in which every internal link is a slot, plus the page's metadata and plain text,
// all from one walk over the tree and one HTML rendering.
//
// - Headings get GitHub-style ids (or the `{#id}` written at the end of the heading) and
//   make up PageMeta::headings, the table of contents.
// - Links to relative `.md` paths and wiki references ([[path]], [[path#heading]],
//   [[path|text]], [[#heading]]) become PageMeta::links with their source positions and
//   slots in PageBody; bengal-link resolves them.
// - Other relative links and images are rewritten to site URLs (base_path + the path
//   resolved against the page's folder in the content tree).
// - Fenced code blocks with an info string (```python {2,4} title="app.py") are highlighted
//   (highlight/highlight.h); a bad option is an error at its place in the info string. The
//   plain text keeps the raw code.
// - Summary (front matter `summary`, else the first paragraph), word count and plain text.
//
// - Directives (```{note} and :::{note}), GitHub alerts, definition lists, math and mermaid:
//   see markup_scan.h, directives.h and bengal-markdown(7).
//
// Files are read only through ParseOptions::read_file; problems go to `diags`, located in
// the page's source file (or the included file they are in).
#include <functional>
#include <optional>
#include <set>
#include <string>

#include "model/page.h"
#include "support/diagnostics.h"

namespace bengal {

struct ParseOptions {
  std::string base_path = "/";  // Config::base_path(): "/" or "/docs/"
  bool math = false;            // [markdown] math: $…$ and $$…$$
  bool mermaid = false;         // [markdown] mermaid: ```mermaid as <pre class="mermaid">
  bool search_terms = false;    // [outputs] search: count the text's search terms (PageText::terms)
  // Reads a site-relative file for the include and literalinclude directives; nullopt when
  // there is none. Unset: every include is missing. (The library itself never opens files.)
  std::function<std::optional<std::string>(const std::string& site_path)> read_file = nullptr;
};

struct ParsedPage {
  PageMeta meta;
  PageBody body;
  PageText text;
  std::set<std::string> dependencies;  // site-relative files the page included
};

ParsedPage parse_page(const ScannedPage& page, const ParseOptions& options, Diagnostics& diags);

}  // namespace bengal
