#include "parse/page_walker.h"

#include <algorithm>
#include <cstring>
#include <memory>
#include <optional>
#include <stdexcept>

#include "highlight/highlight.h"
#include "parse/cmark_document.h"
#include "parse/cmark_nodes.h"
#include "parse/page_arena.h"
#include "parse/urls.h"
#include "parse/wiki.h"
#include "support/paths.h"

namespace bengal {
namespace {

// cmark-gfm already merges adjacent text nodes; merging here too keeps wiki references
// whole whatever the version does.
void merge_following_text(cmark_node* node) {
  std::string merged(literal_of(node));
  while (is_text(cmark_node_next(node))) {
    cmark_node* next = cmark_node_next(node);
    merged += literal_of(next);
    cmark_node_free(next);
  }
  cmark_node_set_literal(node, merged.c_str());
}

// Entities can decode to 0x1A, the marker byte: replace it in a node's string.
template <class Get, class Set>
void sanitize(cmark_node* node, Get get, Set set) {
  const char* value = get(node);
  if (value == nullptr || std::strchr(value, kMarkerByte) == nullptr) return;
  std::string clean(value);
  replace_marker_bytes(clean);
  set(node, clean.c_str());
}

// The fence's first word, as the highlighter reads it.
bool is_mermaid(std::string_view info) {
  info = trim(info);
  std::string_view word = info.substr(0, std::min(info.find_first_of(" \t{,"), info.size()));
  return word == "mermaid";
}

void replace_leaf(cmark_node* node, cmark_node* with, cmark_iter* iter) {
  insert_before(node, with);
  cmark_node_free(node);
  cmark_iter_reset(iter, with, CMARK_EVENT_ENTER);  // the old node is gone
}

struct IterFree {
  void operator()(cmark_iter* iter) const { cmark_iter_free(iter); }
};

}  // namespace

PageWalker::PageWalker(const ScannedPage& page, const ParseOptions& options, Diagnostics& diags, ParsedPage& out)
    : page_(page), options_(options), diags_(diags), out_(out), page_dir_(dirname(page.rel)) {
  add_context(page.source, page.body, page.body_line);
}

void PageWalker::walk(const CmarkDocument& document) {
  document_ = &document;
  std::unique_ptr<cmark_iter, IterFree> iter(cmark_iter_new(document.root()));
  for (cmark_event_type ev = cmark_iter_next(iter.get()); ev != CMARK_EVENT_DONE; ev = cmark_iter_next(iter.get())) {
    cmark_node* node = cmark_iter_get_node(iter.get());
    if (ev == CMARK_EVENT_ENTER) enter(node, iter.get());
    else exit(node);
  }
  check_unopened_directives();
}

void PageWalker::enter(cmark_node* node, cmark_iter* iter) {
  cmark_node_type type = cmark_node_get_type(node);
  switch (type) {
    case CMARK_NODE_TEXT: enter_text(node, iter); break;
    case CMARK_NODE_CODE: text_.append(literal_of(node)); break;
    case CMARK_NODE_SOFTBREAK:
    case CMARK_NODE_LINEBREAK: text_.space(); break;
    case CMARK_NODE_CODE_BLOCK:
      restore_marked_code(node);
      sanitize(node, cmark_node_get_fence_info, cmark_node_set_fence_info);
      text_.append(literal_of(node));
      text_.newline();
      highlight_code_block(node, iter);
      break;
    case CMARK_NODE_PARAGRAPH:
    case CMARK_NODE_HEADING: enter_block(node); break;
    case CMARK_NODE_LINK:
    case CMARK_NODE_IMAGE: ++link_depth_; break;
    case CMARK_NODE_HTML_BLOCK: enter_html_block(node, iter); break;
    case CMARK_NODE_BLOCK_QUOTE: enter_alert(node, iter); break;
    default:
      if (type == extension_node_types().table_cell) enter_block(node);
  }
}

void PageWalker::exit(cmark_node* node) {
  cmark_node_type type = cmark_node_get_type(node);
  switch (type) {
    case CMARK_NODE_PARAGRAPH:
      exit_paragraph();
      exit_display_math(node);
      break;
    case CMARK_NODE_HEADING: exit_heading(node); break;
    case CMARK_NODE_LIST: exit_list(node); break;
    case CMARK_NODE_CUSTOM_BLOCK: close_directive(node); break;
    case CMARK_NODE_LINK:
    case CMARK_NODE_IMAGE:
      --link_depth_;
      exit_link(node);
      break;
    default:
      if (type == extension_node_types().table_cell) text_.space();
      else if (type == extension_node_types().table_row) text_.newline();
  }
}

void PageWalker::enter_block(cmark_node* node) {
  block_first_line_ = start_line(node);
  block_col_ = start_col(node);
  block_last_line_ = static_cast<uint32_t>(cmark_node_get_end_line(node));
  block_text_start_ = text_.size();
}

void PageWalker::enter_text(cmark_node* node, cmark_iter* iter) {
  bool merged = is_text(cmark_node_next(node));
  if (merged) merge_following_text(node);
  sanitize(node, cmark_node_get_literal, cmark_node_set_literal);
  if (link_depth_ == 0 && literal_of(node).find("[[") != std::string_view::npos && split_wiki_refs(node, iter)) {
    return;  // split_wiki_refs moved the iterator
  }
  text_.append(literal_of(node));
  if (merged) cmark_iter_reset(iter, node, CMARK_EVENT_ENTER);  // its old successor is gone
}

// Returns false when the text holds no reference (problems are still reported).
bool PageWalker::split_wiki_refs(cmark_node* node, cmark_iter* iter) {
  std::string literal(literal_of(node));  // the node's own copy is about to be replaced
  LineCol at = hint(node);
  TextBrackets brackets(src(), literal, at.line, at.col, search_last_line());
  WikiScan scan = scan_wiki_refs(literal, brackets.escaped());
  for (const WikiProblem& problem : scan.problems) {
    SourcePos pos = file_pos(brackets.position(problem.offset));
    if (problem.kind == WikiProblemKind::kUnclosed) warn(pos, "unclosed wiki reference");
    else error(pos, "empty wiki reference target");
  }
  if (scan.refs.empty()) return false;
  cmark_node* last = insert_wiki_refs(node, literal, scan.refs, brackets);
  cmark_iter_reset(iter, last, CMARK_EVENT_ENTER);  // the new nodes are done already
  return true;
}

// Cuts the text node into text, reference, text, ...; returns the last node.
cmark_node* PageWalker::insert_wiki_refs(cmark_node* node, std::string_view literal, const std::vector<WikiRef>& refs,
                                         const TextBrackets& brackets) {
  cmark_node* last = node;
  auto add = [&last](cmark_node* added) {
    insert_after(last, added);
    last = added;
  };
  size_t done = 0;
  for (const WikiRef& ref : refs) {
    std::string_view before = literal.substr(done, ref.begin - done);
    text_.append(before);
    if (done == 0) cmark_node_set_literal(node, std::string(before).c_str());
    else if (!before.empty()) add(new_node(CMARK_NODE_TEXT, before));
    add(make_wiki_node(ref.target, ref.text, file_pos(brackets.position(ref.begin))));
    text_.append(ref.text.empty() ? ref.target : ref.text);
    done = ref.end;
  }
  if (done < literal.size()) {
    add(new_node(CMARK_NODE_TEXT, literal.substr(done)));
    text_.append(literal.substr(done));
  }
  return last;
}

cmark_node* PageWalker::make_wiki_node(std::string_view target, std::string_view text, SourcePos pos) {
  auto index = static_cast<uint32_t>(out_.meta.links.size());
  out_.meta.links.push_back({std::string(target), static_cast<uint8_t>(LinkKind::kWiki), text.empty()});
  out_.body.link_pos.push_back(page_pos(pos));
  std::string html = "<a href=\"";
  markers_.append_slot(html, index, SlotField::kHref);
  html += "\">";
  if (text.empty()) markers_.append_slot(html, index, SlotField::kTitle);
  else append_html_escaped(html, text);
  html += "</a>";
  return new_node(CMARK_NODE_HTML_INLINE, html);
}

// A fenced block with a language (and options) becomes the highlighter's HTML, as raw HTML
// in place of the code block; blocks without an info string, and directives (```{note}),
// stay as cmark renders them.
void PageWalker::highlight_code_block(cmark_node* node, cmark_iter* iter) {
  std::string_view info = fence_info_of(node);
  if (trim(info).empty() || highlight::is_directive_info(info)) return;
  std::string_view code = literal_of(node);
  if (options_.mermaid && is_mermaid(info)) {
    std::string html = "<pre class=\"mermaid\">";
    append_html_escaped(html, code);
    html += "</pre>";
    replace_leaf(node, new_node(CMARK_NODE_HTML_BLOCK, html), iter);
    return;
  }
  highlight::CodeOptions options;
  if (std::optional<highlight::InfoError> problem = highlight::parse_info_string(info, options)) {
    error(info_pos(node, problem->offset), problem->message);
  }
  if (std::optional<std::string> problem = highlight::line_options_problem(options, code)) {
    warn(info_pos(node, 0), *problem);
  }
  std::string html;
  highlight::render_code_block(code, options, html);
  replace_leaf(node, new_node(CMARK_NODE_HTML_BLOCK, html), iter);
}

// Where byte `offset` of a code block's info string was written: on the fence line, after
// the fence's backticks or tildes and the blanks that follow them.
SourcePos PageWalker::info_pos(cmark_node* node, size_t offset) const {
  uint32_t line = start_line(node);
  std::string_view text = src().line(line);
  size_t at = std::min<size_t>(start_col(node) > 0 ? start_col(node) - 1 : 0, text.size());
  at = std::min(text.find_first_of("`~", at), text.size());
  if (at < text.size()) at = std::min(text.find_first_not_of(text[at], at), text.size());
  at = std::min(text.find_first_not_of(" \t", at), text.size());
  return file_pos({line, static_cast<uint32_t>(at + offset + 1)});
}

void PageWalker::exit_paragraph() {
  if (!summary_taken_) {
    std::string_view text = text_.since(block_text_start_);
    if (!trim(text).empty()) {
      summary_ = make_summary(text);
      summary_taken_ = true;
    }
  }
  text_.newline();
}

void PageWalker::exit_heading(cmark_node* node) {
  std::string id;
  bool explicit_id = take_explicit_id(node, id);
  std::string heading_text(trim(text_.since(block_text_start_)));
  SourcePos pos = file_pos({start_line(node), start_col(node)});
  if (!explicit_id) id = slugs_.unique(slugify(heading_text));
  else if (!slugs_.claim(id)) warn(pos, "duplicate heading id '" + id + "'");
  std::string marker;
  markers_.append_heading_id(marker, id);
  check_inserted(cmark_node_prepend_child(node, new_node(CMARK_NODE_HTML_INLINE, marker)));
  auto level = static_cast<uint32_t>(cmark_node_get_heading_level(node));
  out_.meta.headings.push_back({level, std::move(id), std::move(heading_text)});
  out_.body.heading_pos.push_back(page_pos(pos));
  text_.newline();
}

// "Title {#custom-id}": takes the id off the heading's last text node (and off the plain
// text, which ends with that node's literal).
bool PageWalker::take_explicit_id(cmark_node* heading, std::string& id) {
  cmark_node* last = cmark_node_last_child(heading);
  if (!is_text(last)) return false;
  std::string_view literal = literal_of(last);
  std::string_view body = literal.substr(0, literal.find_last_not_of(" \t") + 1);
  size_t open = body.rfind("{#");
  if (body.empty() || body.back() != '}' || open == std::string_view::npos) return false;
  std::string_view candidate = body.substr(open + 2, body.size() - open - 3);
  if (candidate.empty() || candidate.find_first_of(" \t{}") != std::string_view::npos) return false;
  if (!ends_with(text_.since(block_text_start_), literal)) return false;
  size_t keep = open == 0 ? std::string_view::npos : body.find_last_not_of(" \t", open - 1);
  std::string kept(literal.substr(0, keep == std::string_view::npos ? 0 : keep + 1));
  id.assign(candidate);
  text_.truncate(text_.size() - (literal.size() - kept.size()));
  cmark_node_set_literal(last, kept.c_str());
  return true;
}

void PageWalker::exit_link(cmark_node* node) {
  sanitize(node, cmark_node_get_title, cmark_node_set_title);
  const char* url = cmark_node_get_url(node);
  if (url == nullptr) return;
  bool is_link = cmark_node_get_type(node) == CMARK_NODE_LINK;
  switch (classify_url(url)) {
    case UrlKind::kPage:
      if (is_link) replace_with_slot_link(node, url);
      else rewrite_resource(node, url);
      break;
    case UrlKind::kResource: rewrite_resource(node, url); break;
    default: break;
  }
  // Where each image was written, so a missing file is reported at its line (bengal-index).
  if (!is_link) out_.body.images.push_back({cmark_node_get_url(node), page_pos(link_pos(node))});
}

// At the link's exit the iterator has already moved past it, so it can be replaced: by raw
// HTML for the tags, with its children moved in between.
void PageWalker::replace_with_slot_link(cmark_node* node, const char* url) {
  auto index = static_cast<uint32_t>(out_.meta.links.size());
  out_.meta.links.push_back({url, static_cast<uint8_t>(LinkKind::kMarkdown), false});
  out_.body.link_pos.push_back(page_pos(link_pos(node)));
  std::string html = "<a href=\"";
  markers_.append_slot(html, index, SlotField::kHref);
  html += '"';
  if (const char* title = cmark_node_get_title(node); title != nullptr && *title != '\0') {
    html += " title=\"";
    append_html_escaped(html, title);
    html += '"';
  }
  html += '>';
  insert_before(node, new_node(CMARK_NODE_HTML_INLINE, html));
  while (cmark_node* child = cmark_node_first_child(node)) insert_before(node, child);
  insert_before(node, new_node(CMARK_NODE_HTML_INLINE, "</a>"));
  cmark_node_free(node);
}

void PageWalker::rewrite_resource(cmark_node* node, const char* url) {
  std::optional<std::string> site_url = resource_site_url(url, page_dir_, options_.base_path);
  if (site_url) {
    cmark_node_set_url(node, site_url->c_str());
    return;
  }
  bool is_image = cmark_node_get_type(node) == CMARK_NODE_IMAGE;
  warn(link_pos(node), std::string(is_image ? "image" : "link") + " '" + url + "' points outside the content folder");
}

// cmark-gfm's position of an inline, corrected on the later lines of a paragraph. Some
// nodes have none (a paragraph cut short by a table): then the search starts at the block,
// or at the top of the page.
LineCol PageWalker::hint(cmark_node* node) const {
  uint32_t line = start_line(node), col = start_col(node);
  if (line == 0) return {std::max(block_first_line_, 1u), 0};
  if (line > block_first_line_) col = src().continuation_col(line, col, block_col_);
  return {line, col};
}

uint32_t PageWalker::search_last_line() const {
  return block_first_line_ == 0 ? src().line_count() : block_last_line_;
}

SourcePos PageWalker::file_pos(LineCol body_pos) const {
  if (body_pos.line == 0) return {};
  return {body_pos.line + contexts_[ctx_].first_line - 1, body_pos.col};
}

// The position of a link's '[' (an image's '!'). After a backslash hard break cmark-gfm's
// line is one short; the link's text, searched from there, finds the right one.
SourcePos PageWalker::link_pos(cmark_node* node) const {
  LineCol at = hint(node);
  bool is_image = cmark_node_get_type(node) == CMARK_NODE_IMAGE;
  if (src().at(at.line, at.col) == (is_image ? '!' : '[')) return file_pos(at);
  cmark_node* first = cmark_node_first_child(node);
  if (is_text(first)) {
    LineCol text_at = hint(first);
    auto found = src().locate(literal_of(first), text_at.line, text_at.col, search_last_line(), '[');
    uint32_t back = is_image ? 2 : 1;
    if (found && found->col > back) return file_pos({found->line, found->col - back});
  }
  return file_pos(at);
}

void PageWalker::warn(SourcePos pos, std::string message) {
  diags_.warning({contexts_[ctx_].file, pos.line, pos.col}, std::move(message));
}

void PageWalker::error(SourcePos pos, std::string message) {
  diags_.error({contexts_[ctx_].file, pos.line, pos.col}, std::move(message));
}

}  // namespace bengal
