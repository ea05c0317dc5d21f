#pragma once
// The signatures of filters ({{ x | name(args) }}) and tests ({% if x is name %}), for the
// built-in ones and for those a host adds with Environment::add_filter / add_test.
// A filter or test reports bad input by throwing EvalError; the renderer adds the location.
#include <functional>
#include <string_view>

#include "template/value.h"

namespace bengal::tmpl {

struct Registry;

// What a filter may ask about the render it runs in.
class FilterContext {
 public:
  FilterContext(const Registry& registry, bool autoescape) : registry_(registry), autoescape_(autoescape) {}
  // Whether output is being HTML-escaped here (Jinja's eval_ctx.autoescape).
  bool autoescape() const { return autoescape_; }
  // Other filters and tests by name, for map('upper') and select('odd'); EvalError if unknown.
  Value call_filter(std::string_view name, const Value& input, const Args& args);
  bool call_test(std::string_view name, const Value& input, const Args& args);

 private:
  const Registry& registry_;
  bool autoescape_;
};

using Filter = std::function<Value(FilterContext& ctx, const Value& input, const Args& args)>;
using Test = std::function<bool(FilterContext& ctx, const Value& input, const Args& args)>;

// Jinja's attribute and item lookup rules, shared by templates and filters:
// get_attr prefers attributes, get_item prefers items; both return undefined when missing.
Value get_attr(const Value& object, std::string_view name);
Value get_item(const Value& object, const Value& key);
// A dotted path as the attribute= arguments of sort, map, groupby take it ("meta.date",
// "tags.0").
Value get_path(const Value& object, std::string_view path);

}  // namespace bengal::tmpl
