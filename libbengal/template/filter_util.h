#pragma once
// Argument helpers shared by the filter files. Internal to the template module.
#include <string>
#include <string_view>
#include <vector>

#include "template/filters.h"
#include "template/registry.h"
#include "template/value.h"

namespace bengal::tmpl {

// The argument at `index` or named `name`, or `fallback`.
inline Value arg_or(const Args& args, size_t index, std::string_view name, Value fallback) {
  const Value* v = args.find(index, name);
  return v ? *v : fallback;
}

inline bool bool_arg(const Args& args, size_t index, std::string_view name, bool fallback) {
  const Value* v = args.find(index, name);
  return v ? v->truthy() : fallback;
}

inline int64_t int_arg(const Args& args, size_t index, std::string_view name, int64_t fallback) {
  const Value* v = args.find(index, name);
  if (!v || v->is_none()) return fallback;
  if (v->is_float()) return static_cast<int64_t>(v->as_float());
  if (!v->is_int() && !v->is_bool()) {
    throw EvalError("argument '" + std::string(name) + "' must be an integer, not " + std::string(v->type_name()));
  }
  return v->as_int();
}

inline const Value& required(const Args& args, size_t index, std::string_view name, std::string_view filter) {
  const Value* v = args.find(index, name);
  if (!v) throw EvalError(std::string(filter) + "() missing required argument '" + std::string(name) + "'");
  return *v;
}

// A string result that keeps the safe flag of the filter's input (MarkupSafe's methods
// return Markup when called on Markup).
inline Value like(const Value& input, std::string text) { return Value::string(std::move(text), input.is_safe()); }

inline void throw_undefined(const Value& v) {
  const std::string* name = v.undefined_name();
  throw EvalError(name ? "'" + *name + "' is undefined" : "undefined value");
}

// "a,b" -> {"a", "b"}: the comma-separated attribute lists of sort.
std::vector<std::string> split_list(std::string_view text);
// str.splitlines(): \n, \r\n and \r end lines; a final line break adds no empty line.
std::vector<std::string_view> split_lines(std::string_view s);  // filters_text.cc

// Registers one filter under several names.
inline void add_filter(Registry& r, std::initializer_list<const char*> names, const Filter& f) {
  for (const char* name : names) r.filters[name] = f;
}

void register_text_filters(Registry& r);      // filters_text.cc
void register_sequence_filters(Registry& r);  // filters_seq.cc
void register_number_filters(Registry& r);    // filters_num.cc
void register_date_filter(Registry& r);       // filters_date.cc

}  // namespace bengal::tmpl
