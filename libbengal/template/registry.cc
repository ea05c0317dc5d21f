#include "template/registry.h"

namespace bengal::tmpl {

// ---- FilterContext ----

Value FilterContext::call_filter(std::string_view name, const Value& input, const Args& args) {
  auto it = registry_.filters.find(std::string(name));
  if (it == registry_.filters.end()) throw EvalError("no filter named '" + std::string(name) + "'");
  return it->second(*this, input, args);
}

bool FilterContext::call_test(std::string_view name, const Value& input, const Args& args) {
  auto it = registry_.tests.find(std::string(name));
  if (it == registry_.tests.end()) throw EvalError("no test named '" + std::string(name) + "'");
  return it->second(*this, input, args);
}

// ---- Registry ----

const std::string* Interner::intern(std::string_view name) {
  std::lock_guard<std::mutex> lock(mutex_);
  return &*names_.emplace(name).first;
}

Registry::Registry()
    : loop_name(names.intern("loop")),
      caller_name(names.intern("caller")),
      varargs_name(names.intern("varargs")),
      kwargs_name(names.intern("kwargs")) {}

std::vector<std::string> Registry::filter_names() const {
  std::vector<std::string> names;
  for (const auto& entry : filters) names.push_back(entry.first);
  return names;
}

std::vector<std::string> Registry::test_names() const {
  std::vector<std::string> names;
  for (const auto& entry : tests) names.push_back(entry.first);
  return names;
}

}  // namespace bengal::tmpl
