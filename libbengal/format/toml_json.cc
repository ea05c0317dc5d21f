#include "format/toml_json.h"

#include <cstdio>
#include <string>

namespace bengal {
namespace {

std::string format_date(const toml::date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", int(d.year), int(d.month), int(d.day));
  return buf;
}

std::string format_time(const toml::time& t) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d:%02d:%02d", int(t.hour), int(t.minute), int(t.second));
  return buf;
}

std::string format_offset(const toml::time_offset& offset) {
  if (offset.minutes == 0) return "Z";
  int minutes = offset.minutes < 0 ? -offset.minutes : offset.minutes;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%c%02d:%02d", offset.minutes < 0 ? '-' : '+', minutes / 60, minutes % 60);
  return buf;
}

std::string format_date_time(const toml::date_time& dt) {
  std::string out = format_date(dt.date) + "T" + format_time(dt.time);
  if (dt.offset) out += format_offset(*dt.offset);
  return out;
}

}  // namespace

nlohmann::json toml_to_json(const toml::node& node) {
  if (const auto* table = node.as_table()) {
    nlohmann::json obj = nlohmann::json::object();
    for (const auto& [k, v] : *table) obj[std::string(k.str())] = toml_to_json(v);
    return obj;
  }
  if (const auto* array = node.as_array()) {
    nlohmann::json arr = nlohmann::json::array();
    for (const auto& v : *array) arr.push_back(toml_to_json(v));
    return arr;
  }
  if (const auto* s = node.as_string()) return s->get();
  if (const auto* i = node.as_integer()) return i->get();
  if (const auto* f = node.as_floating_point()) return f->get();
  if (const auto* b = node.as_boolean()) return b->get();
  if (const auto* d = node.as_date()) return format_date(d->get());
  if (const auto* t = node.as_time()) return format_time(t->get());
  if (const auto* dt = node.as_date_time()) return format_date_time(dt->get());
  return nullptr;
}

}  // namespace bengal
