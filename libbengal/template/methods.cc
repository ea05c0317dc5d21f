// Methods of dicts, strings and lists that Jinja templates commonly call, since Jinja exposes
// Python's: d.items(), d.get(k), s.split(','), s.startswith('x'), xs.append(x), ...
#include <algorithm>

#include "template/operators.h"
#include "template/unicode.h"

namespace bengal::tmpl {

namespace {

const Value* arg(const Args& args, size_t i) { return i < args.size() ? &args[i] : nullptr; }

std::string string_arg(const Args& args, size_t i, std::string_view method) {
  const Value* v = arg(args, i);
  if (!v || !v->is_string()) throw EvalError(std::string(method) + "() expects a string argument");
  return v->as_string();
}

Value same_safety(const Value& original, std::string text) { return Value::string(std::move(text), original.is_safe()); }

std::optional<Value> map_method(const Value& object, std::string_view name, const Args& args) {
  const Map& map = object.as_map();
  if (name == "items" || name == "keys" || name == "values") {
    std::vector<Value> out;
    for (const auto& [key, value] : map) {
      if (name == "items") out.push_back(Value::tuple({Value(key), value}));
      if (name == "keys") out.emplace_back(key);
      if (name == "values") out.push_back(value);
    }
    return Value::list(std::move(out));
  }
  if (name == "get") {
    const Value* key = arg(args, 0);
    const Value* found = key && key->is_string() ? map.find(key->as_string()) : nullptr;
    if (found) return *found;
    return arg(args, 1) ? *arg(args, 1) : Value();
  }
  return std::nullopt;
}

// Python's str.split(): on runs of whitespace without a separator, else exactly.
std::vector<std::string> split(std::string_view s, const Value* sep, int64_t max_split) {
  std::vector<std::string> parts;
  if (!sep || sep->is_none()) {
    size_t i = 0;
    while (true) {
      while (i < s.size() && is_space(static_cast<unsigned char>(s[i]))) ++i;
      if (i >= s.size()) break;
      if (max_split >= 0 && static_cast<int64_t>(parts.size()) == max_split) {
        parts.emplace_back(rstrip_spaces(s.substr(i)));
        break;
      }
      size_t end = i;
      while (end < s.size() && !is_space(static_cast<unsigned char>(s[end]))) ++end;
      parts.emplace_back(s.substr(i, end - i));
      i = end;
    }
    return parts;
  }
  if (!sep->is_string() || sep->as_string().empty()) throw EvalError("split() needs a non-empty string separator");
  const std::string& d = sep->as_string();
  size_t start = 0;
  while (max_split < 0 || static_cast<int64_t>(parts.size()) < max_split) {
    size_t at = s.find(d, start);
    if (at == std::string_view::npos) break;
    parts.emplace_back(s.substr(start, at - start));
    start = at + d.size();
  }
  parts.emplace_back(s.substr(start));
  return parts;
}

bool affix_match(const std::string& s, const Value& affix, bool prefix) {
  auto test = [&](const Value& a) {
    if (!a.is_string()) throw EvalError("startswith/endswith expects a string or a tuple of strings");
    const std::string& x = a.as_string();
    return prefix ? s.compare(0, x.size(), x) == 0 : s.size() >= x.size() && s.compare(s.size() - x.size(), x.size(), x) == 0;
  };
  if (affix.is_list()) return std::any_of(affix.as_list().items.begin(), affix.as_list().items.end(), test);
  return test(affix);
}

// Python's str.title(): a letter after a letter is lower-cased, any other letter upper-cased.
std::string python_title(std::string_view s) {
  std::string out;
  bool previous_cased = false;
  for (size_t i = 0; i < s.size();) {
    char32_t cp = next_code_point(s, i);
    bool cased = is_cased_upper(cp) || is_cased_lower(cp);
    append_utf8(out, cased ? (previous_cased ? lower_case(cp) : upper_case(cp)) : cp);
    previous_cased = cased;
  }
  return out;
}

}  // namespace

std::string strip_chars(std::string_view s, const Value* chars, bool left, bool right) {
  if (!chars || chars->is_none()) {
    std::string_view out = s;
    if (left) {
      std::string_view both = strip_spaces(out);
      out = right ? both : out.substr(both.data() - out.data());
    } else if (right) {
      out = rstrip_spaces(out);
    }
    return std::string(out);
  }
  std::u32string set = to_u32(chars->str());
  std::u32string text = to_u32(s);
  size_t b = 0, e = text.size();
  while (left && b < e && set.find(text[b]) != std::u32string::npos) ++b;
  while (right && e > b && set.find(text[e - 1]) != std::u32string::npos) --e;
  return to_utf8(text.substr(b, e - b));
}

std::string replace_text(std::string_view s, std::string_view from, std::string_view to, int64_t count) {
  std::string out;
  int64_t n = 0;
  if (from.empty()) {
    for (size_t i = 0; i <= s.size();) {
      if (count < 0 || n++ < count) out += to;
      if (i == s.size()) break;
      size_t next = i;
      next_code_point(s, next);
      out.append(s.substr(i, next - i));
      i = next;
    }
    return out;
  }
  size_t start = 0;
  for (size_t at = s.find(from); at != std::string_view::npos && (count < 0 || n < count); at = s.find(from, start), ++n) {
    out.append(s.substr(start, at - start));
    out.append(to);
    start = at + from.size();
  }
  out.append(s.substr(start));
  return out;
}

namespace {

std::optional<Value> string_method(const Value& object, std::string_view name, const Args& args) {
  const std::string& s = object.as_string();
  if (name == "upper") return same_safety(object, to_upper(s));
  if (name == "lower") return same_safety(object, to_lower(s));
  if (name == "strip") return same_safety(object, strip_chars(s, arg(args, 0), true, true));
  if (name == "lstrip") return same_safety(object, strip_chars(s, arg(args, 0), true, false));
  if (name == "rstrip") return same_safety(object, strip_chars(s, arg(args, 0), false, true));
  if (name == "title") return same_safety(object, python_title(s));
  if (name == "capitalize") {
    std::string lower = to_lower(s);
    size_t i = 0;
    std::string out;
    if (!lower.empty()) append_utf8(out, upper_case(next_code_point(lower, i)));
    return same_safety(object, out + lower.substr(i));
  }
  if (name == "startswith" || name == "endswith") {
    if (!arg(args, 0)) throw EvalError(std::string(name) + "() takes at least 1 argument");
    return Value(affix_match(s, *arg(args, 0), name == "startswith"));
  }
  if (name == "split") {
    const Value* limit = args.find(1, "maxsplit");
    std::vector<Value> parts;
    for (std::string& part : split(s, args.find(0, "sep"), limit ? limit->as_int() : -1)) {
      parts.push_back(same_safety(object, std::move(part)));
    }
    return Value::list(std::move(parts));
  }
  if (name == "replace") {
    std::string from = string_arg(args, 0, name), to = string_arg(args, 1, name);
    int64_t count = arg(args, 2) ? arg(args, 2)->as_int() : -1;
    return same_safety(object, replace_text(s, from, to, count));
  }
  if (name == "find" || name == "count") {
    std::string needle = string_arg(args, 0, name);
    if (name == "find") {
      size_t at = s.find(needle);
      return Value(at == std::string::npos ? int64_t{-1} : static_cast<int64_t>(code_point_count(s.substr(0, at))));
    }
    int64_t n = 0;
    if (needle.empty()) return Value(static_cast<int64_t>(code_point_count(s) + 1));
    for (size_t at = s.find(needle); at != std::string::npos; at = s.find(needle, at + needle.size())) ++n;
    return Value(n);
  }
  if (name == "join") {
    const Value* items = arg(args, 0);
    if (!items) throw EvalError("join() takes exactly one argument");
    std::string out;
    bool first = true;
    for (const Value& item : iterate(*items)) {
      if (!item.is_string()) throw EvalError("sequence item: expected str instance, " + std::string(item.type_name()) + " found");
      if (!first) out += s;
      first = false;
      out += item.as_string();
    }
    return Value(std::move(out));
  }
  return std::nullopt;
}

std::optional<Value> list_method(const Value& object, std::string_view name, const Args& args) {
  if (name == "append" && !object.as_list().is_tuple) {
    if (args.size() != 1) throw EvalError("append() takes exactly one argument");
    const_cast<Value&>(object).as_list().items.push_back(args[0]);
    return Value();
  }
  const auto& items = object.as_list().items;
  if (name == "index" || name == "count") {
    if (args.size() != 1) throw EvalError(std::string(name) + "() takes exactly one argument");
    int64_t count = 0;
    for (size_t i = 0; i < items.size(); ++i) {
      if (!equals(items[i], args[0])) continue;
      if (name == "index") return Value(static_cast<int64_t>(i));
      ++count;
    }
    if (name == "index") throw EvalError(args[0].repr() + " is not in list");
    return Value(count);
  }
  return std::nullopt;
}

}  // namespace

std::optional<Value> call_builtin_method(const Value& object, std::string_view name, const Args& args) {
  switch (object.kind()) {
    case Kind::kMap: return map_method(object, name, args);
    case Kind::kString: return string_method(object, name, args);
    case Kind::kList: return list_method(object, name, args);
    case Kind::kObject: return object.as_object().call_method(name, args);
    default: return std::nullopt;
  }
}

}  // namespace bengal::tmpl
