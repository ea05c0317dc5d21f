#include "template/operators.h"

#include <cmath>

#include "template/escape.h"
#include "template/pyformat.h"
#include "template/unicode.h"

namespace bengal::tmpl {

namespace {

const char* symbol(BinOp op) {
  switch (op) {
    case BinOp::kAdd: return "+";
    case BinOp::kSub: return "-";
    case BinOp::kMul: return "*";
    case BinOp::kDiv: return "/";
    case BinOp::kFloorDiv: return "//";
    case BinOp::kMod: return "%";
    case BinOp::kPow: return "** or pow()";
  }
  return "?";
}

[[noreturn]] void unsupported(BinOp op, const Value& a, const Value& b) {
  throw EvalError("unsupported operand type(s) for " + std::string(symbol(op)) + ": '" + std::string(a.type_name()) +
                  "' and '" + std::string(b.type_name()) + "'");
}

void check_defined(const Value& v) {
  if (!v.is_undefined()) return;
  const std::string* name = v.undefined_name();
  throw EvalError(name ? "'" + *name + "' is undefined" : "undefined value used in an expression");
}

int64_t checked(bool overflow, int64_t result) {
  if (overflow) throw EvalError("integer overflow");
  return result;
}

Value add_strings(const Value& a, const Value& b) {
  if (!a.is_safe() && !b.is_safe()) return Value(a.as_string() + b.as_string());
  // Markup + str escapes the plain side, as MarkupSafe does.
  std::string out = a.is_safe() ? a.as_string() : markup_escape(a.as_string());
  if (b.is_safe()) {
    out += b.as_string();
  } else {
    append_markup_escaped(out, b.as_string());
  }
  return Value::safe_string(std::move(out));
}

Value repeat(const Value& seq, int64_t times) {
  if (seq.is_string()) {
    std::string out;
    for (int64_t i = 0; i < times; ++i) out += seq.as_string();
    return Value::string(std::move(out), seq.is_safe());
  }
  std::vector<Value> items;
  for (int64_t i = 0; i < times; ++i) items.insert(items.end(), seq.as_list().items.begin(), seq.as_list().items.end());
  return Value(List{std::move(items), seq.as_list().is_tuple});
}

Value arithmetic(BinOp op, const Value& a, const Value& b) {
  bool floats = a.is_float() || b.is_float();
  if (op == BinOp::kDiv) {
    if (b.as_float() == 0) throw EvalError("division by zero");
    return Value(a.as_float() / b.as_float());
  }
  if (floats) {
    double x = a.as_float(), y = b.as_float();
    switch (op) {
      case BinOp::kAdd: return Value(x + y);
      case BinOp::kSub: return Value(x - y);
      case BinOp::kMul: return Value(x * y);
      case BinOp::kFloorDiv:
        if (y == 0) throw EvalError("float floor division by zero");
        return Value(std::floor(x / y));
      case BinOp::kMod: {
        if (y == 0) throw EvalError("float modulo");
        double r = std::fmod(x, y);
        if (r != 0 && ((r < 0) != (y < 0))) r += y;
        return Value(r);
      }
      case BinOp::kPow: return Value(std::pow(x, y));
      default: break;
    }
  }
  int64_t x = a.as_int(), y = b.as_int(), r = 0;
  bool overflow = false;
  switch (op) {
    case BinOp::kAdd: overflow = __builtin_add_overflow(x, y, &r); return Value(checked(overflow, r));
    case BinOp::kSub: overflow = __builtin_sub_overflow(x, y, &r); return Value(checked(overflow, r));
    case BinOp::kMul: overflow = __builtin_mul_overflow(x, y, &r); return Value(checked(overflow, r));
    case BinOp::kFloorDiv: case BinOp::kMod: {
      if (y == 0) throw EvalError("integer division or modulo by zero");
      int64_t q = x / y, m = x % y;
      if (m != 0 && ((m < 0) != (y < 0))) {
        --q;
        m += y;
      }
      return Value(op == BinOp::kFloorDiv ? q : m);
    }
    case BinOp::kPow: {
      if (y < 0) return Value(std::pow(static_cast<double>(x), static_cast<double>(y)));
      int64_t result = 1;
      for (int64_t i = 0; i < y; ++i) {
        if (__builtin_mul_overflow(result, x, &result)) throw EvalError("integer overflow");
      }
      return Value(result);
    }
    default: break;
  }
  return Value();
}

}  // namespace

Value binary_op(BinOp op, const Value& a, const Value& b) {
  check_defined(a);
  check_defined(b);
  if (a.is_number() && b.is_number()) return arithmetic(op, a, b);
  switch (op) {
    case BinOp::kAdd:
      if (a.is_string() && b.is_string()) return add_strings(a, b);
      if (a.is_list() && b.is_list() && a.as_list().is_tuple == b.as_list().is_tuple) {
        std::vector<Value> items = a.as_list().items;
        items.insert(items.end(), b.as_list().items.begin(), b.as_list().items.end());
        return Value(List{std::move(items), a.as_list().is_tuple});
      }
      break;
    case BinOp::kMul:
      if ((a.is_string() || a.is_list()) && (b.is_int() || b.is_bool())) return repeat(a, b.as_int());
      if ((b.is_string() || b.is_list()) && (a.is_int() || a.is_bool())) return repeat(b, a.as_int());
      break;
    case BinOp::kMod:
      if (a.is_string()) return Value::string(percent_format(a.as_string(), b, a.is_safe()), a.is_safe());
      break;
    default: break;
  }
  unsupported(op, a, b);
}

Value negate(const Value& v) {
  check_defined(v);
  if (v.is_float()) return Value(-v.as_float());
  if (v.is_int() || v.is_bool()) {
    if (v.as_int() == INT64_MIN) throw EvalError("integer overflow");
    return Value(-v.as_int());
  }
  throw EvalError("bad operand type for unary -: '" + std::string(v.type_name()) + "'");
}

Value unary_plus(const Value& v) {
  check_defined(v);
  if (v.is_float()) return v;
  if (v.is_int() || v.is_bool()) return Value(v.as_int());
  throw EvalError("bad operand type for unary +: '" + std::string(v.type_name()) + "'");
}

// Python's slice.indices(): clamps the bounds and returns the positions to take.
static std::vector<size_t> slice_positions(size_t size, const Value& start, const Value& stop, const Value& step) {
  auto is_missing = [](const Value& v) { return v.is_none() || v.is_undefined(); };
  auto as_index = [](const Value& v) {
    if (!v.is_int() && !v.is_bool()) throw EvalError("slice indices must be integers or None");
    return v.as_int();
  };
  int64_t n = static_cast<int64_t>(size);
  int64_t s = is_missing(step) ? 1 : as_index(step);
  if (s == 0) throw EvalError("slice step cannot be zero");
  auto clamp = [&](const Value& v, int64_t fallback) {
    if (is_missing(v)) return fallback;
    int64_t i = as_index(v);
    if (i < 0) {
      i += n;
      if (i < 0) i = s < 0 ? -1 : 0;
    } else if (i >= n) {
      i = s < 0 ? n - 1 : n;
    }
    return i;
  };
  int64_t first = clamp(start, s < 0 ? n - 1 : 0);
  int64_t last = clamp(stop, s < 0 ? -1 : n);
  std::vector<size_t> positions;
  for (int64_t i = first; s > 0 ? i < last : i > last; i += s) positions.push_back(static_cast<size_t>(i));
  return positions;
}

Value slice_value(const Value& object, const Value& start, const Value& stop, const Value& step) {
  if (object.is_list()) {
    const auto& items = object.as_list().items;
    std::vector<Value> out;
    for (size_t i : slice_positions(items.size(), start, stop, step)) out.push_back(items[i]);
    return Value(List{std::move(out), object.as_list().is_tuple});
  }
  if (object.is_string()) {
    std::u32string chars = to_u32(object.as_string());
    std::u32string out;
    for (size_t i : slice_positions(chars.size(), start, stop, step)) out += chars[i];
    return Value::string(to_utf8(out), object.is_safe());
  }
  if (object.is_undefined()) return object;
  throw EvalError("'" + std::string(object.type_name()) + "' object is not subscriptable");
}

}  // namespace bengal::tmpl
