#pragma once
// The one walk over a page's cmark-gfm tree (see markdown.h). While walking it collects the
// plain text, headings and links, and edits the tree so that cmark's HTML renderer writes
// the markers that SlotMarkers::split turns into slots and heading ids:
//   - a link to a .md file becomes raw HTML <a href="SLOT"> around its children;
//   - a wiki reference is cut out of its text node into raw HTML <a href="SLOT">...</a>;
//   - a heading gets a first child whose output is the marker of its id;
//   - a fenced code block with a language is replaced by an HTML_BLOCK node holding its
//     highlighted HTML (highlight/highlight.h);
//   - the blocks between a directive's two marker comments (markup_scan.h) are moved into a
//     CUSTOM_BLOCK whose on_enter/on_exit are the directive's HTML (directives.h); an
//     include directive's file is parsed and its tree grafted there; alert block quotes and
//     definition lists become CUSTOM_BLOCKs too.
// The other inserted nodes are HTML_INLINE (rendered as is, since raw HTML is on): unlike
// custom inline nodes, table cells accept them.
//
// The walk knows which text its nodes came from (the page or an included file), so a
// diagnostic names the file and line the user must fix. Links and headings of an included
// file are recorded at the include directive: PageMeta positions are in the page's file.
#include <cmark-gfm.h>

#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "parse/cmark_document.h"
#include "parse/directives.h"
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

  // The text to hand to cmark: the page's body, or what the directive pre-pass made of it.
  std::string_view prepare();
  void walk(const CmarkDocument& document);
  const SlotMarkers& markers() const { return markers_; }
  // The first paragraph's text (whitespace collapsed, cut to length), or "".
  const std::string& first_paragraph_summary() const { return summary_; }
  std::string take_text() { return text_.take(); }

 private:
  // Where the nodes being walked were written: the page, or a file it includes.
  struct Context {
    std::string file;  // site-relative, for diagnostics
    std::string text;  // an included file's text (the page's is page_.body)
    std::unique_ptr<SourceMap> map;
    uint32_t first_line = 1;                 // file line of the text's first line
    std::vector<uint32_t> definition_lines;  // from markup_scan.h
    bool included = false;
    size_t parent = 0;  // the context that included this one
    SourcePos include_pos;  // in the page: where links and headings of an included text are reported
  };
  struct Directive {
    DirectiveFence fence;
    size_t context = 0;
    bool opened = false;
  };
  // A directive whose CUSTOM_BLOCK is being walked.
  struct Frame {
    cmark_node* node = nullptr;
    size_t directive = 0;
    const DirectiveSpec* spec = nullptr;
    uint32_t tab_set = 0;
    std::vector<TabLabel> tabs;
    std::vector<cmark_node*> tab_nodes;
    size_t saved_context = 0;  // restored when an include's block ends
  };

  void enter(cmark_node* node, cmark_iter* iter);
  void exit(cmark_node* node);

  const SourceMap& src() const { return *contexts_[ctx_].map; }
  Context& add_context(std::string file, std::string_view text, uint32_t first_line);
  void add_directives(MarkupScan& scan, size_t context);
  void enter_html_block(cmark_node* node, cmark_iter* iter);
  cmark_node* wrap_directive(cmark_node* marker, size_t index);
  void open_directive(cmark_node* block, size_t index);
  void open_known_directive(Frame& frame, const DirectiveFence& fence, SourcePos at);
  void close_directive(cmark_node* block);
  void check_parent(const Frame& frame, DirectiveKind parent_kind, SourcePos at);
  void open_tab_item(Frame& frame, const DirectiveFence& fence);
  void open_code_tabs(Frame& frame);
  std::string card_href(const DirectiveFence& fence, SourcePos at);
  std::string figure_src(std::string_view path, SourcePos at);
  std::optional<std::string> read_included(std::string_view path, SourcePos at, std::string& site_path);
  void include_markdown(Frame& frame, const DirectiveFence& fence, SourcePos at);
  void include_literal(cmark_node* block, const DirectiveFence& fence, SourcePos at);
  void convert_step_lists(cmark_node* steps);
  bool enter_alert(cmark_node* quote, cmark_iter* iter);
  void exit_list(cmark_node* list);
  void exit_display_math(cmark_node* paragraph);
  void restore_marked_code(cmark_node* node);
  void check_unopened_directives();
  SourcePos directive_pos(uint32_t line, uint32_t col) const;
  SourcePos page_pos(SourcePos pos) const;

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
  const CmarkDocument* document_ = nullptr;
  std::deque<Context> contexts_;
  size_t ctx_ = 0;
  std::string scanned_;  // the page's text after the pre-pass
  std::vector<Directive> directives_;
  std::vector<Frame> frames_;
  uint32_t tab_sets_ = 0;
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
