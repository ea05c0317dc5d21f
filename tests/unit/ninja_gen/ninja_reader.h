#pragma once
// A small Ninja reader for the build file tests: it parses the text bengal-ninja-gen writes back
// into variables, rules and edges. Variable references are kept, marked, in evaluated text.
// Also `Generated`, a small plan with the options the tests start from.
#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "build_plan.h"

namespace bengal::testing {

using Strings = std::vector<std::string>;

// --- a small Ninja reader ---------------------------------------------------------------

// Variable references are kept, marked, in evaluated text: "$in" reads as "\x01in\x02".
inline std::string var_ref(const std::string& name) { return "\x01" + name + "\x02"; }

inline bool is_varchar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

struct NinjaEdge {
  std::string rule;
  Strings outputs, implicit_outputs, inputs, implicit, order_only;
  std::map<std::string, std::string> vars;
};

struct NinjaFile {
  std::map<std::string, std::string> vars;
  std::map<std::string, std::map<std::string, std::string>> rules;
  std::vector<NinjaEdge> edges;
  Strings defaults;
  Strings errors;

  const NinjaEdge* producer(const std::string& path) const {
    for (const NinjaEdge& e : edges) {
      if (std::find(e.outputs.begin(), e.outputs.end(), path) != e.outputs.end()) return &e;
      if (std::find(e.implicit_outputs.begin(), e.implicit_outputs.end(), path) != e.implicit_outputs.end()) return &e;
    }
    return nullptr;
  }
  std::vector<const NinjaEdge*> edges_of(const std::string& rule) const {
    std::vector<const NinjaEdge*> out;
    for (const NinjaEdge& e : edges)
      if (e.rule == rule) out.push_back(&e);
    return out;
  }
};

// Evaluates escapes: "$$", "$ ", "$:" and references ("$name", "${name}").
inline std::string eval(const std::string& s, Strings& errors) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '$') {
      out += s[i];
      continue;
    }
    if (i + 1 >= s.size()) {
      errors.push_back("'$' at the end of '" + s + "'");
      break;
    }
    char n = s[++i];
    if (n == '$' || n == ' ' || n == ':') {
      out += n;
    } else if (n == '{') {
      size_t close = s.find('}', i);
      if (close == std::string::npos) {
        errors.push_back("unclosed ${ in '" + s + "'");
        break;
      }
      out += var_ref(s.substr(i + 1, close - i - 1));
      i = close;
    } else if (is_varchar(n)) {
      size_t j = i;
      while (j < s.size() && is_varchar(s[j])) ++j;
      out += var_ref(s.substr(i, j - i));
      i = j - 1;
    } else {
      errors.push_back(std::string("bad escape '$") + n + "' in '" + s + "'");
    }
  }
  return out;
}

// Joins "$\n" continuations; keeps other escapes for eval.
inline Strings logical_lines(const std::string& text) {
  Strings lines;
  std::string cur;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '$' && i + 1 < text.size()) {
      if (text[i + 1] == '\n') {
        ++i;
        while (i + 1 < text.size() && text[i + 1] == ' ') ++i;
      } else {
        cur += c;
        cur += text[++i];
      }
      continue;
    }
    if (c == '\n') {
      lines.push_back(cur);
      cur.clear();
      continue;
    }
    cur += c;
  }
  if (!cur.empty()) lines.push_back(cur);
  return lines;
}

// Splits a build line after "build " into raw tokens; an unescaped ':' is a token of its own.
inline Strings build_tokens(const std::string& s) {
  Strings out;
  std::string cur;
  auto flush = [&] {
    if (!cur.empty()) out.push_back(cur);
    cur.clear();
  };
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '$' && i + 1 < s.size()) {
      cur += s[i];
      cur += s[++i];
    } else if (s[i] == ' ') {
      flush();
    } else if (s[i] == ':') {
      flush();
      out.push_back(":");
    } else {
      cur += s[i];
    }
  }
  flush();
  return out;
}

inline void split_binding(const std::string& line, std::string& key, std::string& raw) {
  std::string l = line.substr(line.find_first_not_of(' '));
  size_t eq = l.find('=');
  key = std::string(l.substr(0, eq));
  while (!key.empty() && key.back() == ' ') key.pop_back();
  raw = eq == std::string::npos ? "" : l.substr(eq + 1);
  size_t start = raw.find_first_not_of(' ');
  raw = start == std::string::npos ? "" : raw.substr(start);
}

inline NinjaFile parse_ninja(const std::string& text) {
  NinjaFile f;
  enum { kNone, kRule, kEdge, kPool } scope = kNone;
  std::string rule_name;
  for (const std::string& line : logical_lines(text)) {
    if (line.empty() || line[0] == '#') {
      if (line.empty()) scope = kNone;
      continue;
    }
    if (line[0] == ' ') {
      std::string key, raw;
      split_binding(line, key, raw);
      if (scope == kRule) f.rules[rule_name][key] = eval(raw, f.errors);
      else if (scope == kEdge) f.edges.back().vars[key] = eval(raw, f.errors);
      else if (scope != kPool) f.errors.push_back("indented line outside a rule or edge: " + line);
      continue;
    }
    if (line.rfind("rule ", 0) == 0) {
      rule_name = line.substr(5);
      f.rules[rule_name];
      scope = kRule;
    } else if (line.rfind("pool ", 0) == 0) {
      scope = kPool;
    } else if (line.rfind("build ", 0) == 0) {
      NinjaEdge e;
      Strings tokens = build_tokens(line.substr(6));
      size_t i = 0;
      Strings* group = &e.outputs;
      for (; i < tokens.size() && tokens[i] != ":"; ++i) {
        if (tokens[i] == "|") group = &e.implicit_outputs;
        else group->push_back(eval(tokens[i], f.errors));
      }
      if (i + 1 >= tokens.size()) {
        f.errors.push_back("build line without a rule: " + line);
        continue;
      }
      e.rule = tokens[++i];
      group = &e.inputs;
      for (++i; i < tokens.size(); ++i) {
        if (tokens[i] == "|") group = &e.implicit;
        else if (tokens[i] == "||") group = &e.order_only;
        else group->push_back(eval(tokens[i], f.errors));
      }
      f.edges.push_back(std::move(e));
      scope = kEdge;
    } else if (line.rfind("default ", 0) == 0) {
      for (const std::string& t : build_tokens(line.substr(8))) f.defaults.push_back(eval(t, f.errors));
      scope = kNone;
    } else if (line.find('=') != std::string::npos) {
      std::string key, raw;
      split_binding(line, key, raw);
      f.vars[key] = eval(raw, f.errors);
      scope = kNone;
    } else {
      f.errors.push_back("unknown statement: " + line);
    }
  }
  return f;
}

// Evaluated text with its references shown as "${name}", for messages.
inline std::string shown(std::string s) {
  for (char& c : s) {
    if (c == '\x01') c = '{';
    if (c == '\x02') c = '}';
  }
  std::string out;
  for (char c : s) out += c == '{' ? std::string("${") : std::string(1, c);
  return out;
}

inline bool contains(const Strings& list, const std::string& s) { return std::find(list.begin(), list.end(), s) != list.end(); }

struct Generated {
  Config config;
  BuildPlan plan;
  GeneratorOptions options;

  Generated() {
    plan.shards = {{"root-11111111", {"_index.md", "about.md"}}, {"docs-22222222", {"docs/a.md", "docs/b/c.md"}}};
    plan.copies = {{"content/blog/trip/map.png", "blog/trip/map.png"}, {"static/css/site.css", "css/site.css"}};
    plan.watched_dirs = {"content", "content/docs", "static", "static/css"};
    options.bindir = "/opt/bengal/bin";
    options.config_path = "bengal.toml";
    options.ninja_file = "build.ninja";
  }
  std::string text() const { return write_build_ninja(config, plan, options); }
  NinjaFile parsed() const { return parse_ninja(text()); }
  std::string tool(const std::string& name) const { return options.bindir + "/" + name; }
  std::string built(const std::string& rel) const { return config.build_dir + "/" + rel; }
};

}  // namespace bengal::testing
