#include "template/pyformat.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "support/text.h"
#include "template/escape.h"
#include "template/unicode.h"
#include "template/value.h"

namespace bengal::tmpl {

std::string float_repr(double d) {
  if (std::isnan(d)) return "nan";
  if (std::isinf(d)) return d < 0 ? "-inf" : "inf";
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
  std::string_view sci(buf, end - buf);  // "-1.2345e+02": shortest digits that read back
  bool negative = sci[0] == '-';
  if (negative) sci.remove_prefix(1);
  size_t e = sci.find('e');
  std::string digits(1, sci[0]);
  if (e > 1) digits.append(sci.substr(2, e - 2));
  int exponent = std::atoi(std::string(sci.substr(e + 1)).c_str());
  std::string out = negative ? "-" : "";
  if (exponent < -4 || exponent >= 16) {  // Python switches to exponent notation here
    out += digits[0];
    if (digits.size() > 1) out += '.' + digits.substr(1);
    out += exponent < 0 ? "e-" : "e+";
    int mag = std::abs(exponent);
    if (mag < 10) out += '0';
    out += std::to_string(mag);
    return out;
  }
  if (exponent < 0) {
    out += "0." + std::string(-exponent - 1, '0') + digits;
  } else if (static_cast<size_t>(exponent) + 1 >= digits.size()) {
    out += digits + std::string(exponent + 1 - digits.size(), '0') + ".0";
  } else {
    out += digits.substr(0, exponent + 1) + '.' + digits.substr(exponent + 1);
  }
  return out;
}

void append_int(std::string& out, int64_t i) {
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, i);
  out.append(buf, end);
}

namespace {

struct Spec {
  std::string flags;
  int width = -1;
  int precision = -1;
  char type = 's';
};

std::string pad(std::string body, const Spec& spec, bool numeric) {
  int len = static_cast<int>(code_point_count(body));
  if (spec.width <= len) return body;
  size_t fill = spec.width - len;
  if (spec.flags.find('-') != std::string::npos) return body + std::string(fill, ' ');
  if (numeric && spec.flags.find('0') != std::string::npos) {
    size_t sign = (!body.empty() && (body[0] == '-' || body[0] == '+' || body[0] == ' ')) ? 1 : 0;
    return body.substr(0, sign) + std::string(fill, '0') + body.substr(sign);
  }
  return std::string(fill, ' ') + body;
}

std::string sign_prefix(bool negative, const Spec& spec) {
  if (negative) return "-";
  if (spec.flags.find('+') != std::string::npos) return "+";
  if (spec.flags.find(' ') != std::string::npos) return " ";
  return "";
}

double number_arg(const Value& v, char type) {
  if (!v.is_number()) {
    throw EvalError(std::string("%") + type + " format: a real number is required, not " + std::string(v.type_name()));
  }
  return v.as_float();
}

std::string format_integer(const Value& v, const Spec& spec) {
  if (!v.is_number()) {
    throw EvalError(std::string("%") + spec.type + " format: a number is required, not " + std::string(v.type_name()));
  }
  int64_t n = v.is_float() ? static_cast<int64_t>(std::trunc(v.as_float())) : v.as_int();
  uint64_t mag = n < 0 ? 0 - static_cast<uint64_t>(n) : static_cast<uint64_t>(n);
  int base = spec.type == 'o' ? 8 : (spec.type == 'x' || spec.type == 'X') ? 16 : 10;
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, mag, base);
  std::string digits(buf, end);
  if (spec.type == 'X') digits = to_upper(digits);
  if (spec.precision > static_cast<int>(digits.size())) digits.insert(0, spec.precision - digits.size(), '0');
  if (spec.flags.find('#') != std::string::npos && base != 10) {
    digits.insert(0, base == 8 ? "0o" : spec.type == 'X' ? "0X" : "0x");
  }
  return pad(sign_prefix(n < 0, spec) + digits, spec, true);
}

std::string format_float(double d, const Spec& spec) {
  std::string fmt = "%";
  for (char f : spec.flags) {
    if (f != '-' && f != '0') fmt += f;  // padding is done by pad()
  }
  fmt += '.' + std::to_string(spec.precision < 0 ? 6 : spec.precision) + spec.type;
  if (std::isinf(d) || std::isnan(d)) {
    std::string body = std::isnan(d) ? "nan" : "inf";
    if (std::isupper(static_cast<unsigned char>(spec.type))) body = to_upper(body);
    return pad(sign_prefix(d < 0, spec) + body, spec, false);
  }
  char buf[512];
  std::snprintf(buf, sizeof buf, fmt.c_str(), d);
  return pad(buf, spec, true);
}

std::string format_text(const Value& v, const Spec& spec, bool escape_args) {
  std::string body = spec.type == 's' ? v.str() : v.repr();
  if (escape_args && !(spec.type == 's' && v.is_safe())) body = markup_escape(body);
  if (spec.precision >= 0) body = body.substr(0, byte_offset_of(body, spec.precision));
  return pad(std::move(body), spec, false);
}

std::string format_char(const Value& v, const Spec& spec) {
  std::string body;
  if (v.is_int()) {
    append_utf8(body, static_cast<char32_t>(v.as_int()));
  } else if (v.is_string() && code_point_count(v.as_string()) == 1) {
    body = v.as_string();
  } else {
    throw EvalError("%c requires an int or a unicode character");
  }
  return pad(body, spec, false);
}

std::string format_one(const Value& v, const Spec& spec, bool escape_args) {
  switch (spec.type) {
    case 's': case 'r': case 'a': return format_text(v, spec, escape_args);
    case 'd': case 'i': case 'u': case 'o': case 'x': case 'X': return format_integer(v, spec);
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': return format_float(number_arg(v, spec.type), spec);
    case 'c': return format_char(v, spec);
  }
  throw EvalError(std::string("unsupported format character '") + spec.type + "'");
}

// Reads the spec after '%' (and after any "(name)"); `i` ends past the type character.
Spec read_spec(std::string_view format, size_t& i, const std::function<int()>& star) {
  Spec spec;
  while (i < format.size() && std::string_view("-+ #0").find(format[i]) != std::string_view::npos) spec.flags += format[i++];
  auto read_number = [&]() {
    if (i < format.size() && format[i] == '*') {
      ++i;
      return star();
    }
    int n = 0;
    while (i < format.size() && std::isdigit(static_cast<unsigned char>(format[i]))) n = n * 10 + (format[i++] - '0');
    return n;
  };
  if (i < format.size() && (format[i] == '*' || std::isdigit(static_cast<unsigned char>(format[i])))) spec.width = read_number();
  if (i < format.size() && format[i] == '.') {
    ++i;
    spec.precision = read_number();
  }
  while (i < format.size() && (format[i] == 'h' || format[i] == 'l' || format[i] == 'L')) ++i;
  if (i >= format.size()) throw EvalError("incomplete format");
  spec.type = format[i++];
  return spec;
}

}  // namespace

std::string percent_format(std::string_view format, const Value& args, bool escape_args) {
  std::vector<Value> positional;
  if (args.is_list() && args.as_list().is_tuple) {
    positional = args.as_list().items;
  } else if (!args.is_map()) {
    positional.push_back(args);
  }
  size_t next = 0;
  auto take = [&]() -> const Value& {
    if (next >= positional.size()) throw EvalError("not enough arguments for format string");
    return positional[next++];
  };
  auto star = [&]() {
    const Value& v = take();
    if (!v.is_int()) throw EvalError("* wants int");
    return static_cast<int>(v.as_int());
  };
  std::string out;
  bool used_mapping = false;
  for (size_t i = 0; i < format.size();) {
    size_t pct = format.find('%', i);
    if (pct == std::string_view::npos) pct = format.size();
    out.append(format.substr(i, pct - i));
    if (pct == format.size()) break;
    i = pct + 1;
    if (i < format.size() && format[i] == '%') {
      out += '%';
      ++i;
      continue;
    }
    const Value* arg = nullptr;
    if (i < format.size() && format[i] == '(') {
      size_t close = format.find(')', i);
      if (close == std::string_view::npos) throw EvalError("incomplete format key");
      if (!args.is_map()) throw EvalError("format requires a mapping");
      arg = args.as_map().find(format.substr(i + 1, close - i - 1));
      if (!arg) throw EvalError("format key '" + std::string(format.substr(i + 1, close - i - 1)) + "' not found");
      used_mapping = true;
      i = close + 1;
    }
    Spec spec = read_spec(format, i, star);
    if (spec.type == '%') {
      out += '%';
      continue;
    }
    out += format_one(arg ? *arg : take(), spec, escape_args);
  }
  if (!used_mapping && !args.is_map() && next < positional.size()) {
    throw EvalError("not all arguments converted during string formatting");
  }
  return out;
}

static std::optional<std::string> without_underscores(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '_') {
      out += s[i];
      continue;
    }
    bool between = i > 0 && i + 1 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i - 1])) &&
                   std::isxdigit(static_cast<unsigned char>(s[i + 1]));
    if (!between) return std::nullopt;
  }
  return out;
}

std::optional<int64_t> parse_python_int(std::string_view text, int base) {
  std::string_view s = strip_spaces(text);
  bool negative = false;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    negative = s[0] == '-';
    s.remove_prefix(1);
  }
  if (s.size() > 2 && s[0] == '0') {
    char p = static_cast<char>(std::tolower(static_cast<unsigned char>(s[1])));
    if ((p == 'x' && base == 16) || (p == 'o' && base == 8) || (p == 'b' && base == 2)) s.remove_prefix(2);
  }
  auto digits = without_underscores(s);
  if (!digits || digits->empty()) return std::nullopt;
  uint64_t value = 0;
  auto [end, ec] = std::from_chars(digits->data(), digits->data() + digits->size(), value, base);
  if (ec != std::errc() || end != digits->data() + digits->size()) return std::nullopt;
  if (value > static_cast<uint64_t>(INT64_MAX) + (negative ? 1 : 0)) return std::nullopt;
  return negative ? static_cast<int64_t>(0 - value) : static_cast<int64_t>(value);
}

std::optional<double> parse_python_float(std::string_view text) {
  std::string_view s = strip_spaces(text);
  std::string lower = to_lower(s);
  std::string_view body = lower;
  double sign = 1;
  if (!body.empty() && (body[0] == '+' || body[0] == '-')) {
    sign = body[0] == '-' ? -1 : 1;
    body.remove_prefix(1);
  }
  if (body == "inf" || body == "infinity") return sign * INFINITY;
  if (body == "nan") return NAN;
  auto cleaned = without_underscores(body);
  if (!cleaned || cleaned->empty()) return std::nullopt;
  for (char c : *cleaned) {
    if (!std::isdigit(static_cast<unsigned char>(c)) && c != '.' && c != 'e' && c != '+' && c != '-') return std::nullopt;
  }
  char* end = nullptr;
  double d = std::strtod(cleaned->c_str(), &end);
  if (end != cleaned->c_str() + cleaned->size()) return std::nullopt;
  return sign * d;
}

double python_round(double x, int64_t ndigits) {
  if (std::isnan(x) || std::isinf(x) || x == 0) return x;
  if (ndigits > 300) return x;
  if (ndigits < -300) return 0.0 * x;
  if (ndigits < 0) {
    double scale = std::pow(10.0, static_cast<double>(-ndigits));
    return std::nearbyint(x / scale) * scale;
  }
  // printf rounds the exact binary value half-to-even, as Python's round() does.
  char buf[512];
  std::snprintf(buf, sizeof buf, "%.*f", static_cast<int>(ndigits), x);
  return std::strtod(buf, nullptr);
}

}  // namespace bengal::tmpl
