#pragma once
// The build graph in a form every writer can serialise: the variables, rules and edges of the
// Ninja file, with values stored evaluated. The Ninja writer records it as it writes, so the
// Make and Bazel writers see exactly the edges Ninja runs: a new edge appears in all three.
#include <map>
#include <unordered_map>
#include <string>
#include <utility>
#include <vector>

#include "support/shell.h"  // split_shell_words, for the writers

namespace bengal {

struct GraphRule {
  std::string name;
  std::vector<std::pair<std::string, std::string>> bindings;  // Ninja syntax: "$in", "$bdir/site"
  const std::string* get(const std::string& key) const;
};

struct GraphEdge {
  std::string rule;  // "phony" for aliases
  std::vector<std::string> outputs, implicit_outputs, inputs, implicit, order_only;
  std::vector<std::pair<std::string, std::string>> bindings;  // evaluated values
  const std::string* get(const std::string& key) const;
  std::vector<std::string> all_outputs() const;
  std::vector<std::string> all_inputs() const;  // explicit and implicit, not order-only
};

struct BuildGraph {
  std::vector<std::pair<std::string, std::string>> variables;  // evaluated values
  std::vector<GraphRule> rules;
  std::vector<GraphEdge> edges;
  std::vector<std::string> defaults;

  const GraphRule* rule(const std::string& name) const;
  const std::string* variable(const std::string& name) const;
  void set_variable(const std::string& name, const std::string& value);  // a later value wins, as in Ninja
  // The edge that writes `path` (explicit or implicit output), or null for a source file.
  const GraphEdge* producer(const std::string& path) const;
  // The edge that regenerates the build file (the rule with generator = 1), or null.
  const GraphEdge* generator() const;
  bool is_generator(const GraphEdge& e) const;

 private:
  mutable std::unordered_map<std::string, size_t> producers_;  // built on first use
};

// A rule binding (usually "command") evaluated for an edge, the way Ninja does: `$in` and
// `$out` (the paths quoted for /bin/sh as needed, joined by spaces), the edge's bindings, the
// rule's, then the file's variables. Empty when the rule lacks the binding. A command's
// "@$rspfile" becomes the response file's content, for the writers that have no such file.
std::string evaluate(const BuildGraph& graph, const GraphEdge& edge, const std::string& key);

// Reads the subset of Ninja that NinjaWriter writes (variables, rules, build and default
// statements, "$" escapes). For tests, and for files written by another version.
BuildGraph parse_ninja_graph(const std::string& text, std::vector<std::string>* errors = nullptr);

}  // namespace bengal
