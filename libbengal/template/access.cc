// Attribute and item lookup: how `a.b`, `a[b]` and attribute= arguments read values.
#include <string>

#include "template/filters.h"
#include "template/unicode.h"

namespace bengal::tmpl {

static Value list_index(const List& list, int64_t i) {
  int64_t n = static_cast<int64_t>(list.items.size());
  if (i < 0) i += n;
  if (i < 0 || i >= n) return Value::undefined();
  return list.items[static_cast<size_t>(i)];
}

static Value string_index(const Value& s, int64_t i) {
  std::u32string chars = to_u32(s.as_string());
  int64_t n = static_cast<int64_t>(chars.size());
  if (i < 0) i += n;
  if (i < 0 || i >= n) return Value::undefined();
  std::string out;
  append_utf8(out, chars[static_cast<size_t>(i)]);
  return Value::string(std::move(out), s.is_safe());
}

// Bengal reads map keys through '.', where Python would first find dict methods such as
// `items`; templates call those methods, which the renderer handles before reaching here.
Value get_attr(const Value& object, std::string_view name) {
  switch (object.kind()) {
    case Kind::kMap: {
      const Value* v = object.as_map().find(name);
      return v ? *v : Value::undefined();
    }
    case Kind::kObject: return object.as_object().get_attr(name);
    default: return Value::undefined();
  }
}

Value get_item(const Value& object, const Value& key) {
  switch (object.kind()) {
    case Kind::kMap: {
      if (!key.is_string()) return Value::undefined();
      const Value* v = object.as_map().find(key.as_string());
      return v ? *v : Value::undefined();
    }
    case Kind::kList:
      if (key.is_int() || key.is_bool()) return list_index(object.as_list(), key.as_int());
      return Value::undefined();
    case Kind::kString:
      if (key.is_int() || key.is_bool()) return string_index(object, key.as_int());
      return Value::undefined();
    case Kind::kObject: return object.as_object().get_item(key);
    default: return Value::undefined();
  }
}

Value get_path(const Value& object, std::string_view path) {
  Value current = object;
  size_t start = 0;
  while (true) {
    size_t dot = path.find('.', start);
    std::string_view part = path.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
    bool digits = !part.empty() && part.find_first_not_of("0123456789") == std::string_view::npos;
    current = digits ? get_item(current, Value(std::stoll(std::string(part)))) : get_item(current, Value(part));
    if (dot == std::string_view::npos) return current;
    start = dot + 1;
  }
}

}  // namespace bengal::tmpl
