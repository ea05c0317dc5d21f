#include "template/value_json.h"

#include <algorithm>
#include <cmath>

#include "template/pyformat.h"
#include "template/unicode.h"

namespace bengal::tmpl {

template <typename Json>
static Value convert(const Json& json) {
  switch (json.type()) {
    case nlohmann::json::value_t::null: return Value();
    case nlohmann::json::value_t::boolean: return Value(json.template get<bool>());
    case nlohmann::json::value_t::number_integer: return Value(json.template get<int64_t>());
    case nlohmann::json::value_t::number_unsigned: {
      uint64_t u = json.template get<uint64_t>();
      return u <= static_cast<uint64_t>(INT64_MAX) ? Value(static_cast<int64_t>(u)) : Value(static_cast<double>(u));
    }
    case nlohmann::json::value_t::number_float: return Value(json.template get<double>());
    case nlohmann::json::value_t::string: return Value(json.template get_ref<const std::string&>());
    case nlohmann::json::value_t::array: {
      std::vector<Value> items;
      items.reserve(json.size());
      for (const auto& item : json) items.push_back(convert(item));
      return Value::list(std::move(items));
    }
    case nlohmann::json::value_t::object: {
      Map map;
      for (auto it = json.begin(); it != json.end(); ++it) map.set(it.key(), convert(it.value()));
      return Value(std::move(map));
    }
    default: return Value();
  }
}

Value from_json(const nlohmann::json& json) { return convert(json); }
Value from_json(const nlohmann::ordered_json& json) { return convert(json); }

static void append_json_string(std::string& out, std::string_view s) {
  out += '"';
  for (size_t i = 0; i < s.size();) {
    char32_t cp = next_code_point(s, i);
    switch (cp) {
      case '"': out += "\\\""; continue;
      case '\\': out += "\\\\"; continue;
      case '\n': out += "\\n"; continue;
      case '\r': out += "\\r"; continue;
      case '\t': out += "\\t"; continue;
      case '\b': out += "\\b"; continue;
      case '\f': out += "\\f"; continue;
    }
    if (cp >= 0x20 && cp < 0x7F) {
      out += static_cast<char>(cp);
      continue;
    }
    char buf[16];
    if (cp >= 0x10000) {  // ensure_ascii writes a surrogate pair
      char32_t v = cp - 0x10000;
      std::snprintf(buf, sizeof buf, "\\u%04x\\u%04x", 0xD800 + (v >> 10), 0xDC00 + (v & 0x3FF));
    } else {
      std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(cp));
    }
    out += buf;
  }
  out += '"';
}

namespace {
struct JsonWriter {
  std::optional<int> indent;
  std::string out;

  void newline(int depth) {
    out += '\n';
    out.append(static_cast<size_t>(*indent) * depth, ' ');
  }

  template <typename Items, typename WriteItem>
  void container(char open, char close, const Items& items, int depth, WriteItem write_item) {
    out += open;
    if (items.empty()) {
      out += close;
      return;
    }
    bool first = true;
    for (const auto& item : items) {
      if (!first) out += indent ? "," : ", ";
      first = false;
      if (indent) newline(depth + 1);
      write_item(item);
    }
    if (indent) newline(depth);
    out += close;
  }

  void write(const Value& v, int depth) {
    switch (v.kind()) {
      case Kind::kNone: out += "null"; return;
      case Kind::kBool: out += v.as_bool() ? "true" : "false"; return;
      case Kind::kInt: append_int(out, v.as_int()); return;
      case Kind::kFloat: {
        double d = v.as_float();
        out += std::isnan(d) ? "NaN" : std::isinf(d) ? (d < 0 ? "-Infinity" : "Infinity") : float_repr(d);
        return;
      }
      case Kind::kString: append_json_string(out, v.as_string()); return;
      case Kind::kList:
        container('[', ']', v.as_list().items, depth, [&](const Value& item) { write(item, depth + 1); });
        return;
      case Kind::kMap: {
        std::vector<const Map::Entry*> entries;
        for (const auto& entry : v.as_map()) entries.push_back(&entry);
        std::sort(entries.begin(), entries.end(), [](auto* a, auto* b) { return a->first < b->first; });
        container('{', '}', entries, depth, [&](const Map::Entry* e) {
          append_json_string(out, e->first);
          out += ": ";
          write(e->second, depth + 1);
        });
        return;
      }
      default:
        throw EvalError("Object of type " + std::string(v.type_name()) + " is not JSON serializable");
    }
  }
};
}  // namespace

std::string to_python_json(const Value& value, std::optional<int> indent) {
  JsonWriter writer{indent, {}};
  writer.write(value, 0);
  return std::move(writer.out);
}

}  // namespace bengal::tmpl
