#pragma once
// The tables an Environment owns: filters, tests, globals and the interned names. The parser
// resolves filter and test names against them once; the renderer reads globals. Internal.
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "template/filters.h"
#include "template/value.h"

namespace bengal::tmpl {

// Interned names: one stable std::string per distinct name, so nodes and scopes compare
// names by pointer.
class Interner {
 public:
  const std::string* intern(std::string_view name);

 private:
  std::mutex mutex_;
  std::unordered_set<std::string> names_;
};

struct Registry {
  Registry();

  std::unordered_map<std::string, Filter> filters;  // node-based: pointers stay valid
  std::unordered_map<std::string, Test> tests;
  std::unordered_map<std::string, Value> globals;
  mutable Interner names;
  // Names the renderer binds itself, interned once.
  const std::string* loop_name;
  const std::string* caller_name;
  const std::string* varargs_name;
  const std::string* kwargs_name;

  std::vector<std::string> filter_names() const;
  std::vector<std::string> test_names() const;
};

void register_builtin_filters(Registry& registry);  // filters_*.cc
void register_builtin_tests(Registry& registry);    // tests.cc
void register_builtin_globals(Registry& registry);  // globals.cc

}  // namespace bengal::tmpl
