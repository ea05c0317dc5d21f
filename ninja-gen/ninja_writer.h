#pragma once
// Writes Ninja build files: escaping of paths and values, one statement at a time.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "build_graph.h"
#include "format/ninja_dyndep.h"  // ninja_escape_path
#include "support/shell.h"        // shell_quote

namespace bengal {

// Escapes a value for a variable binding ('$' only; leading spaces are kept by "$ ").
std::string ninja_escape_value(std::string_view value);

class NinjaWriter {
 public:
  using Bindings = std::vector<std::pair<std::string, std::string>>;

  void comment(std::string_view text);
  void newline() { out_ += '\n'; }
  void variable(std::string_view name, std::string_view value, int indent = 0);
  void rule(std::string_view name, const Bindings& bindings);
  void pool(std::string_view name, int depth);
  // Paths are escaped here; pass them raw.
  void build(const std::vector<std::string>& outputs, std::string_view rule, const std::vector<std::string>& inputs,
             const std::vector<std::string>& implicit = {}, const std::vector<std::string>& order_only = {},
             const Bindings& bindings = {}, const std::vector<std::string>& implicit_outputs = {});
  void default_targets(const std::vector<std::string>& targets);

  const std::string& str() const { return out_; }
  // Every statement written so far, as a graph: what the Make and Bazel writers serialise.
  const BuildGraph& graph() const { return graph_; }

 private:
  void paths(const std::vector<std::string>& list);
  std::string out_;
  BuildGraph graph_;
  bool in_edge_ = false;  // an indented variable binds the last edge
};

}  // namespace bengal
