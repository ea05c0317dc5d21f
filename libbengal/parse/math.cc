#include "parse/math.h"

#include <cstdint>
#include <string>

#include "parse/page_arena.h"
#include "support/text.h"

namespace bengal {
namespace {

int kDisplayTag;  // its address marks display math nodes (cmark's user data)

// The inline parser's byte at `pos`, or 0 past the end (peek_char is the bounded accessor).
unsigned char byte_at(cmark_inline_parser* ip, int pos) {
  cmark_inline_parser_set_offset(ip, pos);
  return cmark_inline_parser_peek_char(ip);
}

bool is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

// Finds the closing delimiter; returns the offset just past it and fills `tex`, or -1.
int scan_math(cmark_inline_parser* ip, int start, bool display, std::string& tex) {
  int pos = start + (display ? 2 : 1);
  if (!display && is_space(byte_at(ip, pos))) return -1;
  for (unsigned char c = byte_at(ip, pos); c != 0; c = byte_at(ip, pos)) {
    if (c == '\\' && byte_at(ip, pos + 1) != 0) {
      tex += static_cast<char>(c);
      tex += static_cast<char>(byte_at(ip, pos + 1));
      pos += 2;
      continue;
    }
    if (c == '$') {
      if (display && byte_at(ip, pos + 1) == '$' && !tex.empty()) return pos + 2;
      if (!display && !tex.empty() && !is_space(static_cast<unsigned char>(tex.back())) &&
          !is_digit(byte_at(ip, pos + 1))) {
        return pos + 1;
      }
      if (!display) return -1;  // "$5 and $6": the second '$' cannot close, nor open here
    }
    tex += static_cast<char>(c);
    ++pos;
  }
  return -1;
}

// cmark-gfm offers every character that starts a text run to the extensions, not only '$'.
cmark_node* match_math(cmark_syntax_extension*, cmark_parser*, cmark_node*, unsigned char c,
                       cmark_inline_parser* ip) {
  if (c != '$') return nullptr;
  int start = cmark_inline_parser_get_offset(ip);
  bool display = byte_at(ip, start + 1) == '$';
  std::string tex;
  int end = scan_math(ip, start, display, tex);
  if (end < 0) {
    cmark_inline_parser_set_offset(ip, start);
    return nullptr;  // the '$' stays text
  }
  cmark_inline_parser_set_offset(ip, end);
  std::string html = display ? "<div class=\"math math-display\">\\[" : "<span class=\"math math-inline\">\\(";
  append_html_escaped(html, tex);
  html += display ? "\\]</div>" : "\\)</span>";
  cmark_node* node = cmark_node_new_with_mem(CMARK_NODE_HTML_INLINE, page_arena());
  cmark_node_set_literal(node, html.c_str());
  if (display) cmark_node_set_user_data(node, &kDisplayTag);
  return node;
}

}  // namespace

cmark_syntax_extension* math_extension() {
  static cmark_syntax_extension* ext = [] {
    cmark_syntax_extension* e = cmark_syntax_extension_new("bengal-math");
    cmark_mem* mem = cmark_get_default_mem_allocator();
    cmark_llist* chars = cmark_llist_append(mem, nullptr, reinterpret_cast<void*>(static_cast<uintptr_t>('$')));
    cmark_syntax_extension_set_special_inline_chars(e, chars);
    cmark_syntax_extension_set_match_inline_func(e, match_math);
    return e;
  }();
  return ext;
}

bool is_display_math(cmark_node* node) {
  return cmark_node_get_type(node) == CMARK_NODE_HTML_INLINE && cmark_node_get_user_data(node) == &kDisplayTag;
}

}  // namespace bengal
