// Jinja's tests: {% if x is defined %}, {{ n is divisibleby 3 }}, selectattr('a', 'eq', 1).
#include <cmath>

#include "template/operators.h"
#include "template/registry.h"
#include "template/unicode.h"

namespace bengal::tmpl {

namespace {

const Value& required_arg(const Args& args, std::string_view test) {
  if (args.size() == 0) throw EvalError(std::string(test) + "() takes exactly one argument");
  return args[0];
}

bool is_odd_or_even(const Value& v, int64_t remainder) {
  Value r = binary_op(BinOp::kMod, v, Value(int64_t{2}));
  return equals(r, Value(remainder));
}

// Python's str.islower()/isupper(): at least one cased character, all in the one case.
bool all_cased(const Value& v, bool upper) {
  std::string s = v.str();
  bool any = false;
  for (size_t i = 0; i < s.size();) {
    char32_t cp = next_code_point(s, i);
    bool is_upper = is_cased_upper(cp), is_lower = is_cased_lower(cp);
    if (upper ? is_lower : is_upper) return false;
    any |= upper ? is_upper : is_lower;
  }
  return any;
}

// `is sameas`: Python identity. Small ints, None and booleans are singletons in CPython.
bool same_object(const Value& a, const Value& b) {
  if (a.kind() != b.kind()) return false;
  switch (a.kind()) {
    case Kind::kNone: case Kind::kUndefined: return true;
    case Kind::kBool: return a.as_bool() == b.as_bool();
    case Kind::kInt: return a.as_int() == b.as_int() && a.as_int() >= -5 && a.as_int() <= 256;
    case Kind::kFloat: return false;
    default: return a.shared() == b.shared();
  }
}

using Predicate = bool (*)(const Value&);

void add_simple(Registry& r, const std::string& name, Predicate p) {
  r.tests[name] = [p](FilterContext&, const Value& v, const Args&) { return p(v); };
}

void add_comparison(Registry& r, std::initializer_list<std::string> names, CmpOp op) {
  for (const std::string& name : names) {
    r.tests[name] = [op](FilterContext&, const Value& v, const Args& args) {
      const Value& other = required_arg(args, "comparison");
      switch (op) {
        case CmpOp::kEq: return equals(v, other);
        case CmpOp::kNe: return !equals(v, other);
        case CmpOp::kLt: return less_than(v, other);
        case CmpOp::kLe: return less_than(v, other) || equals(v, other);
        case CmpOp::kGt: return less_than(other, v);
        case CmpOp::kGe: return less_than(other, v) || equals(v, other);
        default: return false;
      }
    };
  }
}

}  // namespace

void register_builtin_tests(Registry& r) {
  add_simple(r, "defined", [](const Value& v) { return !v.is_undefined(); });
  add_simple(r, "undefined", [](const Value& v) { return v.is_undefined(); });
  add_simple(r, "none", [](const Value& v) { return v.is_none(); });
  add_simple(r, "boolean", [](const Value& v) { return v.is_bool(); });
  add_simple(r, "true", [](const Value& v) { return v.is_bool() && v.as_bool(); });
  add_simple(r, "false", [](const Value& v) { return v.is_bool() && !v.as_bool(); });
  add_simple(r, "integer", [](const Value& v) { return v.is_int(); });
  add_simple(r, "float", [](const Value& v) { return v.is_float(); });
  add_simple(r, "number", [](const Value& v) { return v.is_number(); });
  add_simple(r, "string", [](const Value& v) { return v.is_string(); });
  add_simple(r, "mapping", [](const Value& v) { return v.is_map() || (v.is_object() && v.as_object().is_mapping()); });
  add_simple(r, "sequence", [](const Value& v) {
    return v.is_string() || v.is_list() || v.is_map() || v.is_undefined() ||
           (v.is_object() && v.as_object().length().has_value());
  });
  add_simple(r, "iterable", [](const Value& v) {
    return v.is_string() || v.is_list() || v.is_map() || v.is_undefined() ||
           (v.is_object() && v.as_object().iterate().has_value());
  });
  add_simple(r, "callable", [](const Value& v) { return v.is_object() && v.as_object().callable(); });
  add_simple(r, "escaped", [](const Value& v) { return v.is_string() && v.is_safe(); });
  add_simple(r, "lower", [](const Value& v) { return all_cased(v, false); });
  add_simple(r, "upper", [](const Value& v) { return all_cased(v, true); });
  add_simple(r, "odd", [](const Value& v) { return is_odd_or_even(v, 1); });
  add_simple(r, "even", [](const Value& v) { return is_odd_or_even(v, 0); });
  r.tests["divisibleby"] = [](FilterContext&, const Value& v, const Args& args) {
    Value r = binary_op(BinOp::kMod, v, required_arg(args, "divisibleby"));
    return equals(r, Value(int64_t{0}));
  };
  r.tests["sameas"] = [](FilterContext&, const Value& v, const Args& args) {
    return same_object(v, required_arg(args, "sameas"));
  };
  r.tests["in"] = [](FilterContext&, const Value& v, const Args& args) { return contains(required_arg(args, "in"), v); };
  r.tests["filter"] = [&r](FilterContext&, const Value& v, const Args&) {
    return v.is_string() && r.filters.count(v.as_string()) > 0;
  };
  r.tests["test"] = [&r](FilterContext&, const Value& v, const Args&) {
    return v.is_string() && r.tests.count(v.as_string()) > 0;
  };
  add_comparison(r, {"==", "eq", "equalto"}, CmpOp::kEq);
  add_comparison(r, {"!=", "ne"}, CmpOp::kNe);
  add_comparison(r, {">", "gt", "greaterthan"}, CmpOp::kGt);
  add_comparison(r, {">=", "ge"}, CmpOp::kGe);
  add_comparison(r, {"<", "lt", "lessthan"}, CmpOp::kLt);
  add_comparison(r, {"<=", "le"}, CmpOp::kLe);
}

}  // namespace bengal::tmpl
