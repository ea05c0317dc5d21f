#pragma once
// Small helpers for reading and editing cmark-gfm nodes, shared by the walker's files.
#include <cmark-gfm.h>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

#include "parse/page_arena.h"

namespace bengal {

inline std::string_view literal_of(cmark_node* node) {
  const char* s = cmark_node_get_literal(node);
  return s == nullptr ? std::string_view() : std::string_view(s);
}

inline std::string_view fence_info_of(cmark_node* node) {
  const char* s = cmark_node_get_fence_info(node);
  return s == nullptr ? std::string_view() : std::string_view(s);
}

inline bool is_type(cmark_node* node, cmark_node_type type) {
  return node != nullptr && cmark_node_get_type(node) == type;
}
inline bool is_text(cmark_node* node) { return is_type(node, CMARK_NODE_TEXT); }

inline uint32_t start_line(cmark_node* node) { return static_cast<uint32_t>(cmark_node_get_start_line(node)); }
inline uint32_t start_col(cmark_node* node) { return static_cast<uint32_t>(cmark_node_get_start_column(node)); }
inline uint32_t end_line(cmark_node* node) { return static_cast<uint32_t>(cmark_node_get_end_line(node)); }

// Nodes added to a page's tree come from the page arena, like the tree's own.
inline cmark_node* new_node(cmark_node_type type, std::string_view literal) {
  cmark_node* node = cmark_node_new_with_mem(type, page_arena());
  cmark_node_set_literal(node, std::string(literal).c_str());
  return node;
}

// A CUSTOM_BLOCK: HTML before and after its children.
inline cmark_node* new_custom_block(const std::string& on_enter, const std::string& on_exit) {
  cmark_node* node = cmark_node_new_with_mem(CMARK_NODE_CUSTOM_BLOCK, page_arena());
  cmark_node_set_on_enter(node, on_enter.c_str());
  cmark_node_set_on_exit(node, on_exit.c_str());
  return node;
}

inline void check_inserted(int ok) {
  if (!ok) throw std::logic_error("cmark-gfm refused a node that bengal-parse inserted");
}

inline void insert_before(cmark_node* node, cmark_node* sibling) {
  check_inserted(cmark_node_insert_before(node, sibling));
}
inline void insert_after(cmark_node* node, cmark_node* sibling) {
  check_inserted(cmark_node_insert_after(node, sibling));
}
inline void append_child(cmark_node* parent, cmark_node* child) {
  check_inserted(cmark_node_append_child(parent, child));
}
// Moves every child of `from` to the end of `to`.
inline void move_children(cmark_node* from, cmark_node* to) {
  while (cmark_node* child = cmark_node_first_child(from)) append_child(to, child);
}

}  // namespace bengal
