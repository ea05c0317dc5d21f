#include "parse/cmark_document.h"

#include <cmark-gfm-core-extensions.h>

#include <iterator>
#include <new>
#include <stdexcept>
#include <string>

#include "parse/math.h"

// Exported by libcmark-gfm-extensions (declared in its table.h, which Debian does not install);
// set when the core extensions are registered.
extern "C" {
extern cmark_node_type CMARK_NODE_TABLE_ROW;
extern cmark_node_type CMARK_NODE_TABLE_CELL;
}

namespace bengal {
namespace {

constexpr int kOptions = CMARK_OPT_UNSAFE | CMARK_OPT_FOOTNOTES;
static_assert((kOptions & CMARK_OPT_UNSAFE) != 0, "slots and heading ids are written as raw HTML nodes");
constexpr const char* kExtensionNames[] = {"table", "strikethrough", "autolink", "tasklist"};

// Registered once per process; looking an extension up walks a list, so keep the pointers.
struct Extensions {
  cmark_syntax_extension* list[std::size(kExtensionNames)];
  ExtensionNodeTypes types;
};

const Extensions& extensions() {
  static const Extensions loaded = [] {
    cmark_gfm_core_extensions_ensure_registered();
    Extensions e{};
    for (size_t i = 0; i < std::size(kExtensionNames); ++i) {
      e.list[i] = cmark_find_syntax_extension(kExtensionNames[i]);
      if (e.list[i] == nullptr) throw std::runtime_error(std::string("cmark-gfm lacks the extension ") + kExtensionNames[i]);
    }
    e.types = {CMARK_NODE_TABLE_ROW, CMARK_NODE_TABLE_CELL};
    return e;
  }();
  return loaded;
}

}  // namespace

const ExtensionNodeTypes& extension_node_types() { return extensions().types; }

namespace {

cmark_parser* new_parser(bool math) {
  cmark_parser* parser = cmark_parser_new_with_mem(kOptions, page_arena());
  if (parser == nullptr) throw std::bad_alloc();
  for (cmark_syntax_extension* ext : extensions().list) cmark_parser_attach_syntax_extension(parser, ext);
  if (math) cmark_parser_attach_syntax_extension(parser, math_extension());
  return parser;
}

cmark_node* parse_with(cmark_parser* parser, std::string_view markdown) {
  cmark_parser_feed(parser, markdown.data(), markdown.size());
  cmark_node* root = cmark_parser_finish(parser);
  if (root == nullptr) throw std::bad_alloc();
  return root;
}

}  // namespace

CmarkDocument::CmarkDocument(std::string_view markdown, bool math) : math_(math) {
  parser_ = new_parser(math);
  root_ = parse_with(parser_, markdown);
}

cmark_node* CmarkDocument::parse_fragment(std::string_view markdown) const {
  return parse_with(new_parser(math_), markdown);  // the arena frees the parser with the page
}

// Nothing to free one by one: the arena scope drops the page's memory.
CmarkDocument::~CmarkDocument() = default;

std::string_view CmarkDocument::render_html() const {
  const char* html = cmark_render_html_with_mem(root_, kOptions, cmark_parser_get_syntax_extensions(parser_), page_arena());
  if (html == nullptr) throw std::bad_alloc();
  return html;
}

}  // namespace bengal
