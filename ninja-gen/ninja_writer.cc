#include "ninja_writer.h"

namespace bengal {

std::string ninja_escape_value(std::string_view value) {
  std::string out;
  bool leading = true;  // Ninja drops leading spaces of a value unless they are "$ "
  for (char c : value) {
    leading = leading && c == ' ';
    if (c == '$' || c == '\n' || leading) out += '$';
    out += c;
  }
  return out;
}

void NinjaWriter::comment(std::string_view text) {
  out_ += "# ";
  out_.append(text);
  out_ += '\n';
}

void NinjaWriter::variable(std::string_view name, std::string_view value, int indent) {
  if (indent == 0) {
    graph_.set_variable(std::string(name), std::string(value));
    in_edge_ = false;
  } else if (in_edge_) {
    graph_.edges.back().bindings.push_back({std::string(name), std::string(value)});
  }
  out_.append(static_cast<size_t>(indent), ' ');
  out_.append(name);
  out_ += " = ";
  out_ += ninja_escape_value(value);
  out_ += '\n';
}

void NinjaWriter::rule(std::string_view name, const Bindings& bindings) {
  graph_.rules.push_back({std::string(name), bindings});
  in_edge_ = false;
  out_ += "rule ";
  out_.append(name);
  out_ += '\n';
  // Rule bindings are written verbatim: they hold $in, $out and other variable references.
  for (const auto& [k, v] : bindings) out_ += "  " + k + " = " + v + "\n";
  out_ += '\n';
}

void NinjaWriter::pool(std::string_view name, int depth) {
  in_edge_ = false;
  out_ += "pool ";
  out_.append(name);
  out_ += "\n  depth = " + std::to_string(depth) + "\n\n";
}

void NinjaWriter::paths(const std::vector<std::string>& list) {
  for (const std::string& p : list) {
    out_ += ' ';
    out_ += ninja_escape_path(p);
  }
}

void NinjaWriter::build(const std::vector<std::string>& outputs, std::string_view rule,
                        const std::vector<std::string>& inputs, const std::vector<std::string>& implicit,
                        const std::vector<std::string>& order_only, const Bindings& bindings,
                        const std::vector<std::string>& implicit_outputs) {
  graph_.edges.push_back({std::string(rule), outputs, implicit_outputs, inputs, implicit, order_only, {}});
  in_edge_ = true;
  out_ += "build";
  paths(outputs);
  if (!implicit_outputs.empty()) {
    out_ += " |";
    paths(implicit_outputs);
  }
  out_ += ": ";
  out_.append(rule);
  paths(inputs);
  if (!implicit.empty()) {
    out_ += " |";
    paths(implicit);
  }
  if (!order_only.empty()) {
    out_ += " ||";
    paths(order_only);
  }
  out_ += '\n';
  for (const auto& [k, v] : bindings) variable(k, v, 2);
}

void NinjaWriter::default_targets(const std::vector<std::string>& targets) {
  graph_.defaults.insert(graph_.defaults.end(), targets.begin(), targets.end());
  in_edge_ = false;
  out_ += "default";
  paths(targets);
  out_ += '\n';
}

}  // namespace bengal
