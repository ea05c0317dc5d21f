#pragma once
// cmark-gfm set up the way Bengal uses it: GitHub extensions (table, strikethrough, autolink,
// tasklist), footnotes, raw HTML kept, no smart punctuation.
#include <cmark-gfm.h>

#include <string_view>

#include "parse/page_arena.h"

namespace bengal {

// Node types that the table extension registers at run time.
struct ExtensionNodeTypes {
  cmark_node_type table_row;
  cmark_node_type table_cell;
};
const ExtensionNodeTypes& extension_node_types();

// One parsed page. Its tree, its parser and the HTML rendered from it live in the thread's
// page arena until the document is destroyed; nodes added to the tree must come from
// page_arena() too.
class CmarkDocument {
 public:
  // math: with the $…$ extension (math.h).
  CmarkDocument(std::string_view markdown, bool math);
  ~CmarkDocument();
  CmarkDocument(const CmarkDocument&) = delete;
  CmarkDocument& operator=(const CmarkDocument&) = delete;

  cmark_node* root() const { return root_; }

  // Another text (an included file) parsed the same way; its nodes live as long as this
  // document and may be moved into its tree.
  cmark_node* parse_fragment(std::string_view markdown) const;

  // The tree as HTML; valid while the document lives.
  std::string_view render_html() const;

 private:
  PageArenaScope arena_scope_;
  cmark_parser* parser_ = nullptr;
  cmark_node* root_ = nullptr;
  bool math_ = false;
};

}  // namespace bengal
