#pragma once
// Python's arithmetic on template values: + - * / // % ** and unary minus, with int/float
// promotion, string and list concatenation and repetition, and '%' formatting. Errors are
// EvalErrors worded like Python's. Internal to the template module.
#include "template/ast.h"
#include "template/value.h"

namespace bengal::tmpl {

Value binary_op(BinOp op, const Value& left, const Value& right);
Value negate(const Value& v);
Value unary_plus(const Value& v);

// Python's slicing (negative and missing bounds, steps) of lists, tuples and strings.
Value slice_value(const Value& object, const Value& start, const Value& stop, const Value& step);

// Methods of built-in types that templates call: dict.items(), str.split(), list.append(),
// ... nullopt when `object` has no such method.
// Python's str.strip(chars) / lstrip / rstrip; without chars (or with None), whitespace.
std::string strip_chars(std::string_view s, const Value* chars, bool left, bool right);
// Python's str.replace(old, new, count); an empty `old` inserts between characters.
std::string replace_text(std::string_view s, std::string_view from, std::string_view to, int64_t count);

std::optional<Value> call_builtin_method(const Value& object, std::string_view name, const Args& args);

}  // namespace bengal::tmpl
