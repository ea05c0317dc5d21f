#include "build_graph.h"

#include <algorithm>
#include <functional>

#include "ninja_writer.h"

namespace bengal {

static const std::string* find_binding(const std::vector<std::pair<std::string, std::string>>& list,
                                       const std::string& key) {
  for (const auto& [k, v] : list)
    if (k == key) return &v;
  return nullptr;
}

const std::string* GraphRule::get(const std::string& key) const { return find_binding(bindings, key); }
const std::string* GraphEdge::get(const std::string& key) const { return find_binding(bindings, key); }

std::vector<std::string> GraphEdge::all_outputs() const {
  std::vector<std::string> out = outputs;
  out.insert(out.end(), implicit_outputs.begin(), implicit_outputs.end());
  return out;
}

std::vector<std::string> GraphEdge::all_inputs() const {
  std::vector<std::string> in = inputs;
  in.insert(in.end(), implicit.begin(), implicit.end());
  return in;
}

const GraphRule* BuildGraph::rule(const std::string& name) const {
  for (const GraphRule& r : rules)
    if (r.name == name) return &r;
  return nullptr;
}

const std::string* BuildGraph::variable(const std::string& name) const { return find_binding(variables, name); }

void BuildGraph::set_variable(const std::string& name, const std::string& value) {
  for (auto& [k, v] : variables)
    if (k == name) {
      v = value;
      return;
    }
  variables.push_back({name, value});
}

const GraphEdge* BuildGraph::producer(const std::string& path) const {
  if (producers_.empty())
    for (size_t i = 0; i < edges.size(); ++i)
      for (const std::string& o : edges[i].all_outputs()) producers_.emplace(o, i);
  auto it = producers_.find(path);
  return it == producers_.end() ? nullptr : &edges[it->second];
}

bool BuildGraph::is_generator(const GraphEdge& e) const {
  const GraphRule* r = rule(e.rule);
  const std::string* g = r ? r->get("generator") : nullptr;
  return g && *g == "1";
}

const GraphEdge* BuildGraph::generator() const {
  for (const GraphEdge& e : edges)
    if (is_generator(e)) return &e;
  return nullptr;
}

static bool is_varchar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

namespace {

// Expands "$name", "${name}" and the escapes "$$", "$ ", "$:" with a lookup function.
template <typename Lookup>
std::string expand(const std::string& s, const Lookup& lookup, std::vector<std::string>* errors) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '$' || i + 1 >= s.size()) {
      out += s[i];
      continue;
    }
    char n = s[++i];
    if (n == '$' || n == ' ' || n == ':' || n == '\n') {
      out += n;
    } else if (n == '{') {
      size_t close = s.find('}', i);
      if (close == std::string::npos) close = s.size();
      out += lookup(s.substr(i + 1, close - i - 1));
      i = close;
    } else if (is_varchar(n)) {
      size_t j = i;
      while (j < s.size() && is_varchar(s[j])) ++j;
      out += lookup(s.substr(i, j - i));
      i = j - 1;
    } else if (errors) {
      errors->push_back(std::string("bad escape '$") + n + "'");
    }
  }
  return out;
}

std::string join_words(const std::vector<std::string>& paths) {
  std::string out;
  for (const std::string& p : paths) out += (out.empty() ? "" : " ") + shell_quote(p);
  return out;
}

}  // namespace

std::string evaluate(const BuildGraph& graph, const GraphEdge& edge, const std::string& key) {
  const GraphRule* rule = graph.rule(edge.rule);
  const std::string* text = rule ? rule->get(key) : nullptr;
  if (!text) return "";
  int depth = 0;  // a rule binding that names itself must not recurse forever
  std::function<std::string(const std::string&)> lookup = [&](const std::string& name) -> std::string {
    if (name == "in") return join_words(edge.inputs);
    if (name == "out") return join_words(edge.outputs);
    if (const std::string* v = edge.get(name)) return *v;
    if (const std::string* v = rule->get(name); v && depth < 8) {
      ++depth;
      std::string r = expand(*v, lookup, nullptr);
      --depth;
      return r;
    }
    if (const std::string* v = graph.variable(name)) return *v;
    return "";
  };
  std::string value = expand(*text, lookup, nullptr);
  // Make and Bazel get the response file's words in the command itself: the file is Ninja's.
  // The @FILE argument ends the command (step_rule_with_response_file puts it there).
  if (key == "command" && rule->get("rspfile")) {
    if (size_t pos = value.rfind(" @"); pos != std::string::npos)
      value.replace(pos + 1, std::string::npos, evaluate(graph, edge, "rspfile_content"));
  }
  return value;
}

// --- reading a Ninja file ----------------------------------------------------------------

namespace {

// Joins "$\n" continuations, keeping every other escape for later.
std::vector<std::string> logical_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::string cur;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '$' && i + 1 < text.size()) {
      if (text[i + 1] == '\n') {
        for (++i; i + 1 < text.size() && text[i + 1] == ' ';) ++i;
      } else {
        cur += text[i];
        cur += text[++i];
      }
    } else if (text[i] == '\n') {
      lines.push_back(cur);
      cur.clear();
    } else {
      cur += text[i];
    }
  }
  if (!cur.empty()) lines.push_back(cur);
  return lines;
}

// Splits a build line into raw tokens; an unescaped ':' is a token of its own.
std::vector<std::string> tokens(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    if (!cur.empty()) out.push_back(cur);
    cur.clear();
  };
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '$' && i + 1 < s.size()) {
      cur += s[i];
      cur += s[++i];
    } else if (s[i] == ' ' || s[i] == ':') {
      flush();
      if (s[i] == ':') out.push_back(":");
    } else {
      cur += s[i];
    }
  }
  flush();
  return out;
}

std::pair<std::string, std::string> binding(const std::string& line) {
  size_t start = line.find_first_not_of(' ');
  size_t eq = line.find('=', start);
  std::string key = line.substr(start, eq == std::string::npos ? std::string::npos : eq - start);
  while (!key.empty() && key.back() == ' ') key.pop_back();
  std::string raw = eq == std::string::npos ? "" : line.substr(eq + 1);
  size_t v = raw.find_first_not_of(' ');
  return {key, v == std::string::npos ? "" : raw.substr(v)};
}

}  // namespace

BuildGraph parse_ninja_graph(const std::string& text, std::vector<std::string>* errors) {
  BuildGraph g;
  enum { kNone, kRule, kEdge, kOther } scope = kNone;
  // File-level values are evaluated against the variables read so far, as Ninja does.
  auto file_value = [&](const std::string& raw) {
    return expand(raw, [&](const std::string& n) { const std::string* v = g.variable(n); return v ? *v : std::string(); },
                  errors);
  };
  for (const std::string& line : logical_lines(text)) {
    if (line.empty() || line[0] == '#') {
      if (line.empty()) scope = kNone;
      continue;
    }
    if (line[0] == ' ') {
      auto [key, raw] = binding(line);
      if (scope == kRule) g.rules.back().bindings.push_back({key, raw});
      else if (scope == kEdge) g.edges.back().bindings.push_back({key, file_value(raw)});
      else if (scope == kNone && errors) errors->push_back("indented line outside a rule or edge: " + line);
      continue;
    }
    if (line.rfind("rule ", 0) == 0) {
      g.rules.push_back({line.substr(5), {}});
      scope = kRule;
    } else if (line.rfind("build ", 0) == 0) {
      GraphEdge e;
      std::vector<std::string> t = tokens(line.substr(6));
      size_t i = 0;
      std::vector<std::string>* group = &e.outputs;
      for (; i < t.size() && t[i] != ":"; ++i) {
        if (t[i] == "|") group = &e.implicit_outputs;
        else group->push_back(file_value(t[i]));
      }
      if (i + 1 >= t.size()) {
        if (errors) errors->push_back("build line without a rule: " + line);
        continue;
      }
      e.rule = t[++i];
      group = &e.inputs;
      for (++i; i < t.size(); ++i) {
        if (t[i] == "|") group = &e.implicit;
        else if (t[i] == "||") group = &e.order_only;
        else group->push_back(file_value(t[i]));
      }
      g.edges.push_back(std::move(e));
      scope = kEdge;
    } else if (line.rfind("default ", 0) == 0) {
      for (const std::string& t : tokens(line.substr(8))) g.defaults.push_back(file_value(t));
      scope = kNone;
    } else if (line.rfind("pool ", 0) == 0) {
      scope = kOther;
    } else if (line.find('=') != std::string::npos) {
      auto [key, raw] = binding(line);
      g.set_variable(key, file_value(raw));
      scope = kNone;
    } else if (errors) {
      errors->push_back("unknown statement: " + line);
    }
  }
  return g;
}

}  // namespace bengal
