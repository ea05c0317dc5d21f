// The part of the page walk that handles the Markdown cmark-gfm does not know: directives
// (markup_scan.h marks them, directives.h has their HTML), included files, GitHub alerts,
// definition lists and display math. See page_walker.h.
#include <algorithm>
#include <charconv>
#include <optional>

#include "highlight/highlight.h"
#include "parse/cmark_nodes.h"
#include "parse/math.h"
#include "parse/page_walker.h"
#include "parse/urls.h"
#include "support/paths.h"

namespace bengal {
namespace {

constexpr size_t kMaxIncludeDepth = 8;
int kDefinitionListTag;  // its address marks the <dl> blocks the walker made

// Included files get what the scan step does to pages: no BOM, LF line ends, no marker byte.
std::string normalized_text(std::string text) {
  if (starts_with(text, "\xEF\xBB\xBF")) text.erase(0, 3);
  if (text.find('\r') != std::string::npos) {
    std::string lf;
    lf.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
      lf += text[i] == '\r' ? '\n' : text[i];
    }
    text = std::move(lf);
  }
  replace_marker_bytes(text);
  return text;
}

bool has_children(cmark_node* node) { return cmark_node_first_child(node) != nullptr; }

// A block holding `inlines`' children between two raw HTML tags, so that no <p> is written.
cmark_node* inline_block(cmark_node* inlines, const std::string& open, const std::string& close,
                         cmark_node* stop = nullptr) {
  cmark_node* block = new_custom_block("", "");
  append_child(block, new_node(CMARK_NODE_HTML_INLINE, open));
  while (cmark_node* child = cmark_node_first_child(inlines)) {
    if (child == stop) break;
    append_child(block, child);
  }
  append_child(block, new_node(CMARK_NODE_HTML_INLINE, close));
  return block;
}

std::string extension_of(std::string_view path) {
  std::string name = basename(path);
  size_t dot = name.rfind('.');
  return dot == std::string::npos ? std::string() : name.substr(dot + 1);
}

}  // namespace

PageWalker::Context& PageWalker::add_context(std::string file, std::string_view text, uint32_t first_line) {
  Context& ctx = contexts_.emplace_back();
  ctx.file = std::move(file);
  ctx.map = std::make_unique<SourceMap>(text);
  ctx.first_line = first_line;
  return ctx;
}

std::string_view PageWalker::prepare() {
  if (!may_need_markup_scan(page_.body)) return page_.body;
  MarkupScan scan = scan_markup(page_.body, 0);
  if (!scan.changed) return page_.body;
  add_directives(scan, 0);
  scanned_ = std::move(scan.text);
  return scanned_;
}

void PageWalker::add_directives(MarkupScan& scan, size_t context) {
  contexts_[context].definition_lines = std::move(scan.definition_lines);
  for (DirectiveFence& fence : scan.directives) directives_.push_back({std::move(fence), context, false});
}

SourcePos PageWalker::directive_pos(uint32_t line, uint32_t col) const { return file_pos({line, col}); }

SourcePos PageWalker::page_pos(SourcePos pos) const {
  const Context& ctx = contexts_[ctx_];
  return ctx.included ? ctx.include_pos : pos;
}

// An opening marker: its directive's blocks are wrapped and walked; a closing marker left
// over (its opening was in another block) is dropped, the opening reports it.
void PageWalker::enter_html_block(cmark_node* node, cmark_iter* iter) {
  size_t index = 0;
  bool closing = false;
  if (!read_marker(literal_of(node), index, closing) || index >= directives_.size()) return;
  if (closing) {
    cmark_node_unlink(node);  // the iterator has moved past this leaf already
    return;
  }
  cmark_node* block = wrap_directive(node, index);
  open_directive(block, index);
  cmark_iter_reset(iter, block, CMARK_EVENT_ENTER);
}

// Moves the siblings between the opening marker and its closing one into a new block.
cmark_node* PageWalker::wrap_directive(cmark_node* marker, size_t index) {
  cmark_node* block = new_custom_block("", "");
  insert_before(marker, block);
  cmark_node* next = cmark_node_next(marker);
  cmark_node_unlink(marker);
  size_t found = 0;
  bool closing = false;
  while (next != nullptr) {
    if (is_type(next, CMARK_NODE_HTML_BLOCK) && read_marker(literal_of(next), found, closing) && closing &&
        found == index) {
      cmark_node_unlink(next);
      return block;
    }
    cmark_node* after = cmark_node_next(next);
    append_child(block, next);
    next = after;
  }
  const Directive& d = directives_[index];
  if (d.fence.closed) {
    error(directive_pos(d.fence.line, d.fence.col),
          "directive '" + d.fence.name + "' must be closed in the block it opens in (same indentation and quote level)");
  } else {
    warn(directive_pos(d.fence.line, d.fence.col), "directive '" + d.fence.name + "' is not closed");
  }
  return block;
}

void PageWalker::open_directive(cmark_node* block, size_t index) {
  Directive& d = directives_[index];
  d.opened = true;
  const DirectiveFence& fence = d.fence;
  SourcePos at = directive_pos(fence.line, fence.col);
  Frame frame;
  frame.node = block;
  frame.directive = index;
  frame.saved_context = ctx_;
  frame.spec = find_directive(fence.name);
  if (frame.spec == nullptr) {
    error(at, "unknown directive '" + fence.name + "'" + did_you_mean(fence.name, directive_names()));
  } else {
    for (const OptionProblem& problem : check_options(*frame.spec, fence)) {
      const DirectiveOption& option = fence.options[problem.option];
      error(directive_pos(option.line, option.col), problem.message);
    }
    if (frame.spec->needs_argument && fence.argument.empty()) {
      error(at, "directive '" + fence.name + "' needs an argument");
    }
    if (!frame.spec->takes_body && has_children(block)) error(at, "directive '" + fence.name + "' takes no content");
    open_known_directive(frame, fence, at);
  }
  frames_.push_back(std::move(frame));
}

void PageWalker::open_known_directive(Frame& frame, const DirectiveFence& fence, SourcePos at) {
  cmark_node* block = frame.node;
  std::string_view arg = fence.argument;
  auto set = [block](const Wrapper& w) {
    cmark_node_set_on_enter(block, w.open.c_str());
    cmark_node_set_on_exit(block, w.close.c_str());
  };
  auto title_text = [this](std::string_view title) {
    text_.append(title);
    text_.newline();
  };
  switch (frame.spec->kind) {
    case DirectiveKind::kAdmonition:
      set(admonition_html(fence.name, arg.empty() ? admonition_title(fence.name) : std::string(arg),
                          extra_classes(fence)));
      title_text(arg);
      break;
    case DirectiveKind::kDropdown:
      set(dropdown_html(arg.empty() ? std::string_view("Details") : arg, option_value(fence, "open").has_value(), extra_classes(fence)));
      title_text(arg);
      break;
    case DirectiveKind::kVersion: set(version_html(fence.name, arg)); break;
    case DirectiveKind::kBadge:
      set(badge_html(arg, option_value(fence, "variant").value_or("secondary")));
      title_text(arg);
      break;
    case DirectiveKind::kGrid: {
      std::string_view value = option_value(fence, "columns").value_or("2");
      uint32_t columns = 2;
      std::from_chars(value.data(), value.data() + value.size(), columns);  // checked with the options
      set(grid_html(std::clamp(columns, 1u, 12u)));
      break;
    }
    case DirectiveKind::kCard:
      set(card_html(arg, card_href(fence, at)));
      title_text(arg);
      break;
    case DirectiveKind::kSteps: set({"<ol class=\"steps\">", "</ol>"}); break;
    case DirectiveKind::kStep:
      check_parent(frame, DirectiveKind::kSteps, at);
      set(step_html(arg));
      title_text(arg);
      break;
    case DirectiveKind::kTabSet: frame.tab_set = ++tab_sets_; break;
    case DirectiveKind::kTabItem:
      check_parent(frame, DirectiveKind::kTabSet, at);
      open_tab_item(frame, fence);
      break;
    case DirectiveKind::kCodeTabs: open_code_tabs(frame); break;
    case DirectiveKind::kFigure: {
      bool caption = has_children(block);
      set(figure_html(figure_src(arg, at), option_value(fence, "alt").value_or(""),
                      option_value(fence, "width").value_or(""), extra_classes(fence), caption));
      break;
    }
    case DirectiveKind::kInclude: include_markdown(frame, fence, at); break;
    case DirectiveKind::kLiteralInclude: include_literal(block, fence, at); break;
  }
}

// A tab-item belongs right inside a tab-set, a step right inside steps.
void PageWalker::check_parent(const Frame& frame, DirectiveKind parent_kind, SourcePos at) {
  bool ok = !frames_.empty() && frames_.back().spec != nullptr && frames_.back().spec->kind == parent_kind &&
            frames_.back().node == cmark_node_parent(frame.node);
  if (ok) return;
  std::string_view name = parent_kind == DirectiveKind::kSteps ? "steps" : "tab-set";
  error(at, "directive '" + std::string(frame.spec->name) + "' must be directly inside a '" + std::string(name) + "'");
}

void PageWalker::open_tab_item(Frame& frame, const DirectiveFence& fence) {
  text_.append(fence.argument);
  text_.newline();
  if (frames_.empty() || frames_.back().spec == nullptr || frames_.back().spec->kind != DirectiveKind::kTabSet) return;
  Frame& set = frames_.back();
  size_t index = set.tabs.size();
  set.tabs.push_back({fence.argument, std::string(option_value(fence, "sync").value_or(""))});
  set.tab_nodes.push_back(frame.node);
  Wrapper w = tab_panel_html(set.tab_set, index);
  cmark_node_set_on_enter(frame.node, w.open.c_str());
  cmark_node_set_on_exit(frame.node, w.close.c_str());
}

// Each fenced code block is a tab, labelled by its title or its language.
void PageWalker::open_code_tabs(Frame& frame) {
  uint32_t set = ++tab_sets_;
  std::vector<TabLabel> tabs;
  for (cmark_node* child = cmark_node_first_child(frame.node); child != nullptr;) {
    cmark_node* next = cmark_node_next(child);
    int length = 0, offset = 0;
    char fence_char = 0;
    if (!is_type(child, CMARK_NODE_CODE_BLOCK) || !cmark_node_get_fenced(child, &length, &offset, &fence_char)) {
      error(file_pos({start_line(child), start_col(child)}), "only fenced code blocks may be inside 'code-tabs'");
      child = next;
      continue;
    }
    highlight::CodeOptions options;
    highlight::parse_info_string(fence_info_of(child), options);  // problems: reported when highlighted
    std::string label = !options.title.empty() ? options.title : !options.language.empty() ? options.language : "Code";
    Wrapper w = tab_panel_html(set, tabs.size());
    tabs.push_back({std::move(label), ""});
    cmark_node* panel = new_custom_block(w.open, w.close);
    insert_before(child, panel);
    append_child(panel, child);
    child = next;
  }
  Wrapper w = tab_set_html(set, tabs);
  cmark_node_set_on_enter(frame.node, w.open.c_str());
  cmark_node_set_on_exit(frame.node, w.close.c_str());
}

// A card's :link: goes where a Markdown link would: a page (.md or [[reference]]) becomes a
// slot that bengal-link fills, a file a site URL, anything else stays as written.
std::string PageWalker::card_href(const DirectiveFence& fence, SourcePos at) {
  std::optional<std::string_view> link = option_value(fence, "link");
  if (!link || link->empty()) return "";
  std::string target(*link);
  LinkKind kind = LinkKind::kMarkdown;
  if (starts_with(target, "[[") && ends_with(target, "]]") && target.size() > 4) {
    target = target.substr(2, target.size() - 4);
    kind = LinkKind::kWiki;
  } else if (classify_url(target) != UrlKind::kPage) {
    return html_escape(percent_encode_url(figure_src(target, at)));
  }
  SourcePos pos = at;
  for (const DirectiveOption& option : fence.options) {
    if (option.name == "link") pos = directive_pos(option.line, option.col);
  }
  auto index = static_cast<uint32_t>(out_.meta.links.size());
  out_.meta.links.push_back({target, static_cast<uint8_t>(kind), false});
  out_.body.link_pos.push_back(page_pos(pos));
  std::string href;
  markers_.append_slot(href, index, SlotField::kHref);
  return href;
}

// A relative path becomes a site URL, as an image's does.
std::string PageWalker::figure_src(std::string_view path, SourcePos at) {
  UrlKind kind = classify_url(path);
  if (kind != UrlKind::kResource && kind != UrlKind::kPage) return std::string(path);
  std::optional<std::string> url = resource_site_url(path, page_dir_, options_.base_path);
  if (url) return *url;
  warn(at, "'" + std::string(path) + "' points outside the content folder");
  return std::string(path);
}

// The text of an included file, or nullopt after reporting why not. Paths are relative to
// the file that holds the directive and must stay in the site folder.
std::optional<std::string> PageWalker::read_included(std::string_view path, SourcePos at, std::string& site_path) {
  if (path.empty()) return std::nullopt;  // reported as a missing argument
  std::optional<std::string> resolved = resolve_relative(dirname(contexts_[ctx_].file), path);
  if (!resolved || resolved->empty() || path[0] == '/') {
    error(at, "include path '" + std::string(path) + "' leaves the site folder");
    return std::nullopt;
  }
  site_path = *resolved;
  std::optional<std::string> text = options_.read_file ? options_.read_file(site_path) : std::nullopt;
  if (!text) {
    error(at, "cannot include '" + std::string(path) + "': no file " + site_path);
    return std::nullopt;
  }
  out_.dependencies.insert(site_path);
  return normalized_text(std::move(*text));
}

// The included file is parsed like the page and its tree grafted into the directive's
// block; its nodes are walked with its own source (see Context).
void PageWalker::include_markdown(Frame& frame, const DirectiveFence& fence, SourcePos at) {
  std::string site_path;
  std::optional<std::string> text = read_included(fence.argument, at, site_path);
  if (!text) return;
  blank_front_matter(*text);
  if (std::optional<std::string> problem = blank_outside(*text, option_value(fence, "start-after").value_or(""),
                                                         option_value(fence, "end-before").value_or(""))) {
    error(at, *problem + " (" + site_path + ")");
    return;
  }
  size_t depth = 0;
  for (size_t c = ctx_;; c = contexts_[c].parent, ++depth) {
    if (contexts_[c].file == site_path) {
      error(at, "'" + site_path + "' includes itself");
      return;
    }
    if (depth >= kMaxIncludeDepth) {
      error(at, "includes nest deeper than " + std::to_string(kMaxIncludeDepth) + " files");
      return;
    }
    if (c == 0) break;
  }
  size_t index = contexts_.size();
  Context& ctx = add_context(site_path, {}, 1);
  ctx.text = std::move(*text);  // the context owns the text its map points into
  ctx.map = std::make_unique<SourceMap>(ctx.text);
  ctx.included = true;
  ctx.parent = ctx_;
  ctx.include_pos = page_pos(at);
  std::string_view markdown = ctx.text;
  MarkupScan scan;
  if (may_need_markup_scan(ctx.text)) {
    scan = scan_markup(ctx.text, directives_.size());
    if (scan.changed) {
      add_directives(scan, index);
      markdown = scan.text;
    }
  }
  cmark_node* root = document_->parse_fragment(markdown);
  move_children(root, frame.node);
  ctx_ = index;
}

void PageWalker::include_literal(cmark_node* block, const DirectiveFence& fence, SourcePos at) {
  std::string site_path;
  std::optional<std::string> text = read_included(fence.argument, at, site_path);
  if (!text) return;
  std::vector<LineSpan> spans;
  if (std::optional<std::string_view> lines = option_value(fence, "lines")) parse_line_spans(*lines, spans);
  if (std::optional<std::string> problem = select_lines(*text, option_value(fence, "start-after").value_or(""),
                                                        option_value(fence, "end-before").value_or(""), spans)) {
    error(at, *problem + " (" + site_path + ")");
    return;
  }
  highlight::CodeOptions options;
  options.language = std::string(option_value(fence, "language").value_or(extension_of(site_path)));
  options.linenos = option_value(fence, "linenos").has_value();
  options.title = std::string(option_value(fence, "caption").value_or(""));
  std::string html;
  highlight::render_code_block(*text, options, html);
  append_child(block, new_node(CMARK_NODE_HTML_BLOCK, html));
  text_.append(*text);
  text_.newline();
}

void PageWalker::close_directive(cmark_node* block) {
  if (frames_.empty() || frames_.back().node != block) return;  // a block the walker made for other reasons
  Frame frame = std::move(frames_.back());
  frames_.pop_back();
  ctx_ = frame.saved_context;
  if (frame.spec == nullptr) return;
  switch (frame.spec->kind) {
    case DirectiveKind::kTabSet: {
      for (cmark_node* child = cmark_node_first_child(block); child != nullptr; child = cmark_node_next(child)) {
        if (std::find(frame.tab_nodes.begin(), frame.tab_nodes.end(), child) != frame.tab_nodes.end()) continue;
        const DirectiveFence& fence = directives_[frame.directive].fence;
        SourcePos at = start_line(child) == 0 ? directive_pos(fence.line, fence.col)
                                              : file_pos({start_line(child), start_col(child)});
        error(at, "only 'tab-item' directives may be inside a 'tab-set'");
      }
      Wrapper w = tab_set_html(frame.tab_set, frame.tabs);
      cmark_node_set_on_enter(block, w.open.c_str());
      cmark_node_set_on_exit(block, w.close.c_str());
      break;
    }
    case DirectiveKind::kSteps: convert_step_lists(block); break;
    case DirectiveKind::kFigure: {
      cmark_node* only = cmark_node_first_child(block);
      if (is_type(only, CMARK_NODE_PARAGRAPH) && cmark_node_next(only) == nullptr) {
        insert_before(only, inline_block(only, "", ""));  // a one-paragraph caption needs no <p>
        cmark_node_unlink(only);
      }
      break;
    }
    default: break;
  }
}

// Inside steps, an ordered list's items are the steps; an item's first paragraph is its title.
void PageWalker::convert_step_lists(cmark_node* steps) {
  for (cmark_node* child = cmark_node_first_child(steps); child != nullptr;) {
    cmark_node* next = cmark_node_next(child);
    if (is_type(child, CMARK_NODE_LIST) && cmark_node_get_list_type(child) == CMARK_ORDERED_LIST) {
      while (cmark_node* item = cmark_node_first_child(child)) {
        cmark_node* step = new_custom_block("<li class=\"step\">", "</li>");
        cmark_node* first = cmark_node_first_child(item);
        if (is_type(first, CMARK_NODE_PARAGRAPH)) {
          append_child(step, inline_block(first, "<p class=\"step-title\">", "</p>"));
          cmark_node_unlink(first);
        }
        move_children(item, step);
        insert_before(child, step);
        cmark_node_unlink(item);
      }
      cmark_node_unlink(child);
    }
    child = next;
  }
}

// > [!NOTE] (any case, alone on the quote's first line) makes the quote an admonition.
bool PageWalker::enter_alert(cmark_node* quote, cmark_iter* iter) {
  cmark_node* paragraph = cmark_node_first_child(quote);
  if (!is_type(paragraph, CMARK_NODE_PARAGRAPH)) return false;
  cmark_node* first = cmark_node_first_child(paragraph);
  std::string marker;
  cmark_node* after = first;
  while (is_text(after)) {
    marker += literal_of(after);
    after = cmark_node_next(after);
  }
  std::string_view word = trim(marker);
  if (word.size() < 4 || word.substr(0, 2) != "[!" || word.back() != ']') return false;
  std::string kind(word.substr(2, word.size() - 3));
  for (char& c : kind) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  if (kind != "note" && kind != "tip" && kind != "important" && kind != "warning" && kind != "caution") return false;
  if (after != nullptr && !is_type(after, CMARK_NODE_SOFTBREAK) && !is_type(after, CMARK_NODE_LINEBREAK)) return false;
  while (cmark_node_first_child(paragraph) != after) cmark_node_unlink(cmark_node_first_child(paragraph));
  if (after != nullptr) cmark_node_unlink(after);
  if (!has_children(paragraph)) cmark_node_unlink(paragraph);
  Wrapper w = admonition_html(kind, admonition_title(kind), "");
  cmark_node* block = new_custom_block(w.open, w.close);
  insert_before(quote, block);
  move_children(quote, block);
  cmark_node_unlink(quote);
  cmark_iter_reset(iter, block, CMARK_EVENT_ENTER);
  return true;
}

// A list whose first item was a definition line (": text", see markup_scan.h), with the
// paragraph before it as the terms: one group of a <dl>. Consecutive groups share the <dl>.
void PageWalker::exit_list(cmark_node* list) {
  const std::vector<uint32_t>& lines = contexts_[ctx_].definition_lines;
  if (lines.empty() || !std::binary_search(lines.begin(), lines.end(), start_line(list))) return;
  cmark_node* terms = cmark_node_previous(list);
  if (!is_type(terms, CMARK_NODE_PARAGRAPH)) terms = nullptr;
  cmark_node* before = terms != nullptr ? cmark_node_previous(terms) : cmark_node_previous(list);
  cmark_node* dl = before;
  if (!is_type(dl, CMARK_NODE_CUSTOM_BLOCK) || cmark_node_get_user_data(dl) != &kDefinitionListTag) {
    dl = new_custom_block("<dl>", "</dl>");
    cmark_node_set_user_data(dl, &kDefinitionListTag);
    insert_before(terms != nullptr ? terms : list, dl);
  }
  bool loose = !cmark_node_get_list_tight(list) || (terms != nullptr && end_line(terms) + 1 < start_line(list));
  if (terms != nullptr) {  // each line of the paragraph is a term
    while (has_children(terms)) {
      cmark_node* stop = cmark_node_first_child(terms);
      while (stop != nullptr && !is_type(stop, CMARK_NODE_SOFTBREAK) && !is_type(stop, CMARK_NODE_LINEBREAK)) {
        stop = cmark_node_next(stop);
      }
      append_child(dl, inline_block(terms, "<dt>", "</dt>", stop));
      if (stop != nullptr) cmark_node_unlink(stop);
    }
    cmark_node_unlink(terms);
  }
  while (cmark_node* item = cmark_node_first_child(list)) {
    cmark_node* only = cmark_node_first_child(item);
    if (!loose && is_type(only, CMARK_NODE_PARAGRAPH) && cmark_node_next(only) == nullptr) {
      append_child(dl, inline_block(only, "<dd>", "</dd>"));
    } else {
      cmark_node* dd = new_custom_block("<dd>", "</dd>");
      move_children(item, dd);
      append_child(dl, dd);
    }
    cmark_node_unlink(item);
  }
  cmark_node_unlink(list);
}

// A paragraph that holds only display math is the math's <div>, not a <p> around it.
void PageWalker::exit_display_math(cmark_node* paragraph) {
  cmark_node* only = cmark_node_first_child(paragraph);
  if (only == nullptr || cmark_node_next(only) != nullptr || !is_display_math(only)) return;
  cmark_node* block = new_custom_block("", "");
  insert_before(paragraph, block);
  append_child(block, only);
  cmark_node_unlink(paragraph);
}

// A directive fence in an indented code block is code: its lines come back from the source
// (without the block's indentation) and the directive is dropped.
void PageWalker::restore_marked_code(cmark_node* node) {
  std::string_view literal = literal_of(node);
  if (literal.find(kMarkerByte) == std::string_view::npos) return;
  for (size_t at = literal.find("<!--"); at != std::string_view::npos; at = literal.find("<!--", at + 1)) {
    size_t index = 0;
    bool closing = false;
    if (read_marker(literal.substr(at), index, closing) && index < directives_.size()) directives_[index].opened = true;
  }
  size_t indent = start_col(node) > 0 ? start_col(node) - 1 : 0;
  std::string code;
  for (uint32_t line = start_line(node); line <= end_line(node); ++line) {
    std::string_view text = src().line(line);
    size_t strip = 0;
    while (strip < indent && strip < text.size() && text[strip] == ' ') ++strip;
    code.append(text.substr(strip));
    code += '\n';
  }
  while (ends_with(code, "\n\n")) code.pop_back();
  cmark_node_set_literal(node, code.c_str());
}

// A fence that cmark did not see as the start of a block (inside an indented code block,
// say) was never opened: its marker would show as garbage, so it is an error.
void PageWalker::check_unopened_directives() {
  for (const Directive& d : directives_) {
    if (d.opened) continue;
    size_t saved = ctx_;
    ctx_ = d.context;
    error(directive_pos(d.fence.line, d.fence.col),
          "directive '" + d.fence.name + "' does not start a block");
    ctx_ = saved;
  }
}

}  // namespace bengal
