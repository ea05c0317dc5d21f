#pragma once
// Python's number formatting and parsing, so output matches Jinja byte for byte:
// repr(float), printf-style '%' formatting, int() and float() of strings. Internal.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace bengal::tmpl {

class Value;

// repr(float): the shortest string that reads back, "1.0", "1e+16", "1.5e-07", "inf".
std::string float_repr(double d);
void append_int(std::string& out, int64_t i);

// `format % args` as Python does it. `args` is a tuple/list (positional), a map (for
// %(name)s) or a single value. With `escape_args` (a Markup format string) %s and %r
// conversions of unsafe values are HTML-escaped. Throws EvalError on bad specs or types.
std::string percent_format(std::string_view format, const Value& args, bool escape_args);

// int(text, base) and float(text): nullopt when Python would raise ValueError.
std::optional<int64_t> parse_python_int(std::string_view text, int base);
std::optional<double> parse_python_float(std::string_view text);

// Python's round(x, ndigits) for floats: round-half-even on the exact binary value.
double python_round(double x, int64_t ndigits);

}  // namespace bengal::tmpl
