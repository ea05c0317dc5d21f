// Number filters (int, float, abs, round), tojson, and the registration of all filters.
#include <cmath>

#include "template/filter_util.h"
#include "template/pyformat.h"
#include "template/value_json.h"

namespace bengal::tmpl {

namespace {

// int(value) with Jinja's fallbacks: strings may hold floats ("3.7" -> 3); anything
// unconvertible gives `default`.
Value int_filter(FilterContext&, const Value& v, const Args& args) {
  args.check("int", {"default", "base"});
  Value fallback = arg_or(args, 0, "default", Value(int64_t{0}));
  int64_t base = int_arg(args, 1, "base", 10);
  if (v.is_undefined()) throw_undefined(v);
  if (v.is_int() || v.is_bool()) return Value(v.as_int());
  if (v.is_float()) {
    if (!std::isfinite(v.as_float())) throw EvalError("cannot convert float infinity or NaN to integer");
    return Value(static_cast<int64_t>(std::trunc(v.as_float())));
  }
  if (v.is_string()) {
    if (auto i = parse_python_int(v.as_string(), static_cast<int>(base))) return Value(*i);
    if (auto d = parse_python_float(v.as_string()); d && std::isfinite(*d)) return Value(static_cast<int64_t>(std::trunc(*d)));
  }
  return fallback;
}

Value float_filter(FilterContext&, const Value& v, const Args& args) {
  args.check("float", {"default"});
  if (v.is_undefined()) throw_undefined(v);
  if (v.is_number()) return Value(v.as_float());
  if (v.is_string()) {
    if (auto d = parse_python_float(v.as_string())) return Value(*d);
  }
  return arg_or(args, 0, "default", Value(0.0));
}

Value abs_filter(FilterContext&, const Value& v, const Args&) {
  if (v.is_float()) return Value(std::fabs(v.as_float()));
  if (v.is_int() || v.is_bool()) {
    if (v.as_int() == INT64_MIN) throw EvalError("integer overflow");
    return Value(v.as_int() < 0 ? -v.as_int() : v.as_int());
  }
  throw EvalError("bad operand type for abs(): '" + std::string(v.type_name()) + "'");
}

Value round_filter(FilterContext&, const Value& v, const Args& args) {
  args.check("round", {"precision", "method"});
  int64_t precision = int_arg(args, 0, "precision", 0);
  std::string method = arg_or(args, 1, "method", Value("common")).str();
  if (method != "common" && method != "ceil" && method != "floor") throw EvalError("method must be common, ceil or floor");
  if (!v.is_number()) throw EvalError("type " + std::string(v.type_name()) + " doesn't define __round__ method");
  if (method == "common") {
    if (!v.is_float()) {  // round(int, n) stays an int; negative n rounds to tens, hundreds...
      if (precision >= 0) return Value(v.as_int());
      double scale = std::pow(10.0, static_cast<double>(-precision));
      return Value(static_cast<int64_t>(std::nearbyint(static_cast<double>(v.as_int()) / scale) * scale));
    }
    return Value(python_round(v.as_float(), precision));
  }
  double scale = std::pow(10.0, static_cast<double>(precision));
  double scaled = v.as_float() * scale;
  return Value((method == "ceil" ? std::ceil(scaled) : std::floor(scaled)) / scale);
}

// json.dumps then the four characters that could end a <script> or an attribute escaped,
// as Jinja's htmlsafe_json_dumps does.
Value tojson_filter(FilterContext&, const Value& v, const Args& args) {
  args.check("tojson", {"indent"});
  const Value* indent = args.find(0, "indent");
  std::optional<int> spaces;
  if (indent && !indent->is_none()) spaces = static_cast<int>(indent->as_int());
  std::string json = to_python_json(v, spaces);
  std::string out;
  out.reserve(json.size());
  for (char c : json) {
    switch (c) {
      case '<': out += "\\u003c"; break;
      case '>': out += "\\u003e"; break;
      case '&': out += "\\u0026"; break;
      case '\'': out += "\\u0027"; break;
      default: out += c;
    }
  }
  return Value::safe_string(std::move(out));
}

}  // namespace

void register_number_filters(Registry& r) {
  r.filters["int"] = int_filter;
  r.filters["float"] = float_filter;
  r.filters["abs"] = abs_filter;
  r.filters["round"] = round_filter;
  r.filters["tojson"] = tojson_filter;
}

void register_builtin_filters(Registry& r) {
  register_text_filters(r);
  register_sequence_filters(r);
  register_number_filters(r);
  register_date_filter(r);
}

}  // namespace bengal::tmpl
