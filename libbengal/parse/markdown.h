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
// No file access: problems go to `diags`, located in the page's source file.
#include <string>

#include "model/page.h"
#include "support/diagnostics.h"

namespace bengal {

struct ParseOptions {
  std::string base_path = "/";  // Config::base_path(): "/" or "/docs/"
};

struct ParsedPage {
  PageMeta meta;
  PageBody body;
  PageText text;
};

ParsedPage parse_page(const ScannedPage& page, const ParseOptions& options, Diagnostics& diags);

}  // namespace bengal
