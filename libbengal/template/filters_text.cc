// String filters. Whether a result stays safe (Markup) follows MarkupSafe: methods of a
// Markup string return Markup, while re-based filters (title, striptags, wordwrap) return
// plain strings that get escaped on output.
#include <algorithm>

#include "template/escape.h"
#include "template/filter_util.h"
#include "template/html_entities.h"
#include "template/operators.h"
#include "template/pyformat.h"
#include "template/unicode.h"

namespace bengal::tmpl {

// str.splitlines(): \n, \r\n and \r end lines; a final line break adds no empty line.
std::vector<std::string_view> split_lines(std::string_view s) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\n' && s[i] != '\r') continue;
    lines.push_back(s.substr(start, i - start));
    if (s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
    start = i + 1;
  }
  if (start < s.size()) lines.push_back(s.substr(start));
  return lines;
}

namespace {

Value escape_filter(FilterContext&, const Value& v, const Args&) {
  if (v.is_string() && v.is_safe()) return v;
  return Value::safe_string(markup_escape(v.str()));
}

// Jinja's title: split at runs of whitespace, '-', '(', '{', '[', '<'; each piece starts
// upper-case and continues lower-case.
std::string title_case(std::string_view s) {
  std::string out;
  bool word_start = true;
  for (size_t i = 0; i < s.size();) {
    char32_t cp = next_code_point(s, i);
    bool separator = is_space(cp) || cp == '-' || cp == '(' || cp == '{' || cp == '[' || cp == '<';
    append_utf8(out, separator ? cp : word_start ? upper_case(cp) : lower_case(cp));
    word_start = separator;
  }
  return out;
}

std::string capitalize(std::string_view s) {
  std::string lower = to_lower(s);
  if (lower.empty()) return lower;
  size_t i = 0;
  std::string out;
  append_utf8(out, upper_case(next_code_point(lower, i)));
  return out + lower.substr(i);
}

Value replace_filter(FilterContext& ctx, const Value& s, const Args& args) {
  args.check("replace", {"old", "new", "count"});
  const Value& old_v = required(args, 0, "old", "replace");
  const Value& new_v = required(args, 1, "new", "replace");
  int64_t count = int_arg(args, 2, "count", -1);
  if (!ctx.autoescape()) return Value(replace_text(s.str(), old_v.str(), new_v.str(), count));
  bool escape_input = (old_v.is_string() && old_v.is_safe()) || (new_v.is_string() && new_v.is_safe() && !s.is_safe());
  bool markup = s.is_safe() || escape_input;
  std::string text = escape_input && !s.is_safe() ? markup_escape(s.str()) : s.str();
  if (!markup) return Value(replace_text(text, old_v.str(), new_v.str(), count));
  // Markup.replace escapes plain arguments.
  auto soft = [](const Value& v) { return v.is_string() && v.is_safe() ? v.as_string() : markup_escape(v.str()); };
  return Value::safe_string(replace_text(text, soft(old_v), soft(new_v), count));
}

Value truncate_filter(FilterContext&, const Value& s, const Args& args) {
  args.check("truncate", {"length", "killwords", "end", "leeway"});
  if (s.is_undefined()) return s;
  if (!s.is_string()) throw EvalError("object of type '" + std::string(s.type_name()) + "' has no len()");
  int64_t length = int_arg(args, 0, "length", 255);
  bool killwords = bool_arg(args, 1, "killwords", false);
  Value end = arg_or(args, 2, "end", Value("..."));
  int64_t leeway = int_arg(args, 3, "leeway", 5);
  int64_t end_len = static_cast<int64_t>(code_point_count(end.str()));
  if (length < end_len) throw EvalError("expected length >= " + std::to_string(end_len) + ", got " + std::to_string(length));
  if (leeway < 0) throw EvalError("expected leeway >= 0, got " + std::to_string(leeway));
  const std::string& text = s.as_string();
  if (static_cast<int64_t>(code_point_count(text)) <= length + leeway) return s;
  std::string kept = text.substr(0, byte_offset_of(text, static_cast<size_t>(length - end_len)));
  if (!killwords) {
    size_t space = kept.rfind(' ');
    if (space != std::string::npos) kept.resize(space);
  }
  if (!s.is_safe()) return Value(kept + end.str());
  return Value::safe_string(kept + (end.is_safe() ? end.as_string() : markup_escape(end.str())));
}

Value wordcount_filter(FilterContext&, const Value& v, const Args&) {
  std::string s = v.str();
  int64_t words = 0;
  bool in_word = false;
  for (size_t i = 0; i < s.size();) {
    bool word = is_word(next_code_point(s, i));
    words += word && !in_word;
    in_word = word;
  }
  return Value(words);
}

// Collapses whitespace runs to single spaces and trims, like " ".join(s.split()).
std::string collapse_spaces(std::string_view s) {
  std::string out;
  bool pending_space = false;
  for (size_t i = 0; i < s.size();) {
    size_t start = i;
    char32_t cp = next_code_point(s, i);
    if (is_space(cp)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out.append(s.substr(start, i - start));
  }
  return out;
}

// Removes `open`...`close` spans (non-greedy, like re.sub(r"open.*?close", "")).
std::string remove_spans(std::string_view s, std::string_view open, std::string_view close) {
  std::string out;
  size_t i = 0;
  while (i < s.size()) {
    size_t start = s.find(open, i);
    size_t end = start == std::string_view::npos ? start : s.find(close, start + open.size());
    if (end == std::string_view::npos) break;
    out.append(s.substr(i, start - i));
    i = end + close.size();
  }
  out.append(s.substr(std::min(i, s.size())));
  return out;
}

Value striptags_filter(FilterContext&, const Value& v, const Args&) {
  std::string text = remove_spans(remove_spans(v.str(), "<!--", "-->"), "<", ">");
  return Value(html_unescape(collapse_spaces(text)));
}

// urllib.parse.quote with `safe` extra characters; for_query uses '+' for spaces.
std::string url_quote(std::string_view s, bool for_query) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    bool unreserved = std::isalnum(c) || c == '_' || c == '.' || c == '-' || c == '~' || (!for_query && c == '/');
    if (unreserved) {
      out += static_cast<char>(c);
    } else if (for_query && c == ' ') {
      out += '+';
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

Value urlencode_filter(FilterContext&, const Value& v, const Args&) {
  if (v.is_string() || v.is_number() || v.is_none()) return Value(url_quote(v.str(), false));
  std::vector<Value> pairs;
  if (v.is_map()) {
    for (const auto& [key, value] : v.as_map()) pairs.push_back(Value::tuple({Value(key), value}));
  } else {
    pairs = iterate(v);
  }
  std::string out;
  for (const Value& pair : pairs) {
    std::vector<Value> kv = iterate(pair);
    if (kv.size() != 2) throw EvalError("urlencode expects a mapping or (key, value) pairs");
    if (!out.empty()) out += '&';
    out += url_quote(kv[0].str(), true) + "=" + url_quote(kv[1].str(), true);
  }
  return Value(std::move(out));
}

Value indent_filter(FilterContext&, const Value& s, const Args& args) {
  args.check("indent", {"width", "first", "blank"});
  if (s.is_undefined()) throw_undefined(s);
  Value width = arg_or(args, 0, "width", Value(int64_t{4}));
  std::string indention = width.is_string() ? width.as_string() : std::string(static_cast<size_t>(std::max<int64_t>(0, width.as_int())), ' ');
  bool first = bool_arg(args, 1, "first", false);
  bool blank = bool_arg(args, 2, "blank", false);
  std::string text = s.str() + "\n";
  std::vector<std::string_view> lines = split_lines(text);
  std::string out;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) {
      out += '\n';
      if (blank || !lines[i].empty()) out += indention;
    }
    out.append(lines[i]);
  }
  if (first) out = indention + out;
  return like(s, std::move(out));
}

Value center_filter(FilterContext&, const Value& s, const Args& args) {
  args.check("center", {"width"});
  std::string text = s.str();
  int64_t width = int_arg(args, 0, "width", 80);
  int64_t margin = width - static_cast<int64_t>(code_point_count(text));
  if (margin <= 0) return like(s, text);
  int64_t left = margin / 2 + (margin & width & 1);  // CPython's str.center
  return like(s, std::string(left, ' ') + text + std::string(margin - left, ' '));
}

Value format_filter(FilterContext&, const Value& s, const Args& args) {
  if (args.size() > 0 && !args.keywords().empty()) {
    throw EvalError("can't handle positional and keyword arguments at the same time");
  }
  Value operands;
  if (!args.keywords().empty()) {
    Map map;
    for (const Keyword& k : args.keywords()) map.set(std::string(k.name), k.value);
    operands = Value(std::move(map));
  } else {
    operands = Value::tuple(std::vector<Value>(args.positional().begin(), args.positional().end()));
  }
  return like(s, percent_format(s.str(), operands, s.is_safe()));
}

Value filesizeformat_filter(FilterContext&, const Value& v, const Args& args) {
  args.check("filesizeformat", {"binary"});
  bool binary = bool_arg(args, 0, "binary", false);
  std::optional<double> parsed = v.is_number() ? std::optional<double>(v.as_float())
                                 : v.is_string() ? parse_python_float(v.as_string()) : std::nullopt;
  if (!parsed) throw EvalError("filesizeformat expects a number, not " + std::string(v.type_name()));
  double bytes = *parsed;
  double base = binary ? 1024 : 1000;
  static const char* decimal[] = {"kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"};
  static const char* binary_units[] = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"};
  if (bytes == 1) return Value("1 Byte");
  if (bytes < base) return Value(std::to_string(static_cast<int64_t>(bytes)) + " Bytes");
  double unit = base;
  for (int i = 0; i < 8; ++i) {
    unit *= base;
    if (bytes < unit || i == 7) {
      char buf[64];
      std::snprintf(buf, sizeof buf, "%.1f %s", base * bytes / unit, binary ? binary_units[i] : decimal[i]);
      return Value(buf);
    }
  }
  return Value();
}

Value xmlattr_filter(FilterContext& ctx, const Value& d, const Args& args) {
  args.check("xmlattr", {"autospace"});
  if (!d.is_map()) throw EvalError("xmlattr expects a mapping, not " + std::string(d.type_name()));
  std::string out;
  for (const auto& [key, value] : d.as_map()) {
    if (value.is_none() || value.is_undefined()) continue;
    if (key.find_first_of(" \t\n\r\f\v/>=") != std::string::npos) {
      throw EvalError("invalid character in attribute name: " + Value(key).repr());
    }
    if (!out.empty()) out += ' ';
    out += markup_escape(key) + "=\"" + (value.is_safe() ? value.as_string() : markup_escape(value.str())) + "\"";
  }
  if (bool_arg(args, 0, "autospace", true) && !out.empty()) out = " " + out;
  return Value::string(std::move(out), ctx.autoescape());
}

}  // namespace

Value wordwrap_filter(FilterContext& ctx, const Value& s, const Args& args);  // filters_wrap.cc

void register_text_filters(Registry& r) {
  add_filter(r, {"escape", "e"}, escape_filter);
  r.filters["forceescape"] = [](FilterContext&, const Value& v, const Args&) {
    return Value::safe_string(markup_escape(v.str()));
  };
  r.filters["safe"] = [](FilterContext&, const Value& v, const Args&) { return v.as_safe(); };
  r.filters["string"] = [](FilterContext&, const Value& v, const Args&) { return v.is_string() ? v : Value(v.str()); };
  r.filters["lower"] = [](FilterContext&, const Value& v, const Args&) { return like(v, to_lower(v.str())); };
  r.filters["upper"] = [](FilterContext&, const Value& v, const Args&) { return like(v, to_upper(v.str())); };
  r.filters["title"] = [](FilterContext&, const Value& v, const Args&) { return Value(title_case(v.str())); };
  r.filters["capitalize"] = [](FilterContext&, const Value& v, const Args&) { return like(v, capitalize(v.str())); };
  r.filters["trim"] = [](FilterContext&, const Value& v, const Args& args) {
    args.check("trim", {"chars"});
    return like(v, strip_chars(v.str(), args.find(0, "chars"), true, true));
  };
  r.filters["replace"] = replace_filter;
  r.filters["truncate"] = truncate_filter;
  r.filters["wordcount"] = wordcount_filter;
  r.filters["striptags"] = striptags_filter;
  r.filters["urlencode"] = urlencode_filter;
  r.filters["indent"] = indent_filter;
  r.filters["center"] = center_filter;
  r.filters["format"] = format_filter;
  r.filters["filesizeformat"] = filesizeformat_filter;
  r.filters["xmlattr"] = xmlattr_filter;
  r.filters["wordwrap"] = wordwrap_filter;
}

}  // namespace bengal::tmpl
