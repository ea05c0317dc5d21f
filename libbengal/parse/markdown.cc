#include "parse/markdown.h"

#include "parse/cmark_document.h"
#include "parse/page_walker.h"
#include "parse/plain_text.h"
#include "support/search_terms.h"

namespace bengal {

ParsedPage parse_page(const ScannedPage& page, const ParseOptions& options, Diagnostics& diags) {
  ParsedPage out;
  out.meta.source = page.source;
  out.meta.rel = page.rel;
  out.meta.front = page.front;
  out.body.rel = page.rel;
  out.text.rel = page.rel;

  PageWalker walker(page, options, diags, out);
  std::string_view text = walker.prepare();
  // Without a '$' the math extension would only slow the inline parser down.
  CmarkDocument document(text, options.math && text.find('$') != std::string_view::npos);
  walker.walk(document);
  walker.markers().split(document.render_html(), out.body);

  out.text.text = walker.take_text();
  if (options.search_terms) out.text.terms = count_search_terms(out.text.text);
  out.body.word_count = count_words(out.text.text);
  out.meta.summary = page.front.summary.empty() ? walker.first_paragraph_summary() : page.front.summary;
  return out;
}

}  // namespace bengal
