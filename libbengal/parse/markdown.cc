#include "parse/markdown.h"

#include "parse/cmark_document.h"
#include "parse/page_walker.h"
#include "parse/plain_text.h"

namespace bengal {

ParsedPage parse_page(const ScannedPage& page, const ParseOptions& options, Diagnostics& diags) {
  ParsedPage out;
  out.meta.source = page.source;
  out.meta.rel = page.rel;
  out.meta.front = page.front;
  out.body.rel = page.rel;
  out.text.rel = page.rel;

  CmarkDocument document(page.body);
  PageWalker walker(page, options, diags, out);
  walker.walk(document.root());
  walker.markers().split(document.render_html(), out.body);

  out.text.text = walker.take_text();
  out.meta.word_count = count_words(out.text.text);
  out.meta.summary = page.front.summary.empty() ? walker.first_paragraph_summary() : page.front.summary;
  return out;
}

}  // namespace bengal
