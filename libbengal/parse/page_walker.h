#pragma once
// The one walk over a page's cmark-gfm tree (see markdown.h). While walking it collects the
// plain text, headings and links, and edits the tree so that cmark's HTML renderer writes
// the markers that SlotMarkers::split turns into slots and heading ids:
//   - a link to a .md file becomes raw HTML <a href="SLOT"> around its children;
//   - a wiki reference is cut out of its text node into raw HTML <a href="SLOT">...</a>;
//   - a heading gets a first child whose output is the marker of its id;
//   - a fenced code block with a language is replaced by an HTML_BLOCK node holding its
//     highlighted HTML (highlight/highlight.h).
// The other inserted nodes are HTML_INLINE (rendered as is, since raw HTML is on): unlike
// custom inline nodes, table cells accept them.
#include <cmark-gfm.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "parse/html_slots.h"
#include "parse/markdown.h"
#include "parse/plain_text.h"
#include "support/slug.h"
#include "parse/source_map.h"
#include "parse/wiki.h"
#include "support/text.h"

namespace bengal {

class PageWalker {
 public:
  PageWalker(const ScannedPage& page, const ParseOptions& options, Diagnostics& diags, ParsedPage& out);

  void walk(cmark_node* root);
  const SlotMarkers& markers() const { return markers_; }
  // The first paragraph's text (whitespace collapsed, cut to length), or "".
  const std::string& first_paragraph_summary() const { return summary_; }
  std::string take_text() { return text_.take(); }

 private:
  void enter(cmark_node* node, cmark_iter* iter);
  void exit(cmark_node* node);

  void enter_text(cmark_node* node, cmark_iter* iter);
  bool split_wiki_refs(cmark_node* node, cmark_iter* iter);
  cmark_node* insert_wiki_refs(cmark_node* node, std::string_view literal, const std::vector<WikiRef>& refs,
                               const TextBrackets& brackets);
  cmark_node* make_wiki_node(std::string_view target, std::string_view text, SourcePos pos);
  void exit_paragraph();
  void exit_heading(cmark_node* node);
  bool take_explicit_id(cmark_node* heading, std::string& id);
  void exit_link(cmark_node* node);
  void replace_with_slot_link(cmark_node* node, const char* url);
  void rewrite_resource(cmark_node* node, const char* url);

  void highlight_code_block(cmark_node* node, cmark_iter* iter);
  SourcePos info_pos(cmark_node* node, size_t offset) const;
  void enter_block(cmark_node* node);
  LineCol hint(cmark_node* node) const;
  uint32_t search_last_line() const;
  SourcePos file_pos(LineCol body_pos) const;
  SourcePos link_pos(cmark_node* node) const;
  void warn(SourcePos pos, std::string message);
  void error(SourcePos pos, std::string message);

  const ScannedPage& page_;
  const ParseOptions& options_;
  Diagnostics& diags_;
  ParsedPage& out_;
  std::string page_dir_;
  SourceMap source_;
  SlotMarkers markers_;
  SlugRegistry slugs_;
  PlainText text_;
  std::string summary_;
  bool summary_taken_ = false;
  int link_depth_ = 0;  // inside a link or image: no wiki references there
  // The paragraph, heading or table cell being walked: its body lines, first column and
  // where its plain text starts.
  uint32_t block_first_line_ = 0;
  uint32_t block_col_ = 0;
  uint32_t block_last_line_ = 0;
  size_t block_text_start_ = 0;
};

}  // namespace bengal
