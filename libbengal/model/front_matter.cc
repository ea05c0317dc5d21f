#include "model/front_matter.h"

#include <cstdio>
#include <limits>
#include <set>

#include "support/text.h"

namespace bengal {
namespace {

constexpr const char* kExpectedDate = "expected YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS, optionally followed by Z or +HH:MM";

// Reads a fixed number of digits, and single characters, from the front of a string.
class Cursor {
 public:
  explicit Cursor(std::string_view s) : s_(s) {}
  bool digits(int count, int& out) {
    out = 0;
    for (int k = 0; k < count; ++k, ++i_) {
      if (i_ >= s_.size() || s_[i_] < '0' || s_[i_] > '9') return false;
      out = out * 10 + (s_[i_] - '0');
    }
    return true;
  }
  bool skip_digits() {
    size_t start = i_;
    while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') ++i_;
    return i_ > start;
  }
  bool eat(char c) {
    if (i_ >= s_.size() || s_[i_] != c) return false;
    ++i_;
    return true;
  }
  bool eat_any(std::string_view chars) {
    for (char c : chars)
      if (eat(c)) return true;
    return false;
  }
  char peek() const { return i_ < s_.size() ? s_[i_] : '\0'; }
  bool done() const { return i_ == s_.size(); }

 private:
  std::string_view s_;
  size_t i_ = 0;
};

bool is_leap_year(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

bool valid_calendar_date(int y, int m, int d) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1 || m < 1 || m > 12 || d < 1) return false;
  int days = kDays[m - 1] + (m == 2 && is_leap_year(y) ? 1 : 0);
  return d <= days;
}

// "+HH:MM", "+HHMM" or "+HH" after a time; "Z" when the offset is zero.
std::optional<std::string> read_offset(Cursor& c) {
  char sign = c.peek();
  if (!c.eat_any("+-")) return std::nullopt;
  int hours = 0, minutes = 0;
  if (!c.digits(2, hours)) return std::nullopt;
  if (c.eat(':') || !c.done()) {
    if (!c.digits(2, minutes)) return std::nullopt;
  }
  if (hours > 23 || minutes > 59) return std::nullopt;
  if (hours == 0 && minutes == 0) return "Z";
  char buf[8];
  std::snprintf(buf, sizeof buf, "%c%02d:%02d", sign, hours, minutes);
  return std::string(buf);
}

// "Z", "+HH:MM"...; no zone at all is taken as UTC too.
std::optional<std::string> read_zone(Cursor& c) {
  if (c.done() || c.eat_any("Zz")) return std::string("Z");
  return read_offset(c);
}

// The "THH:MM[:SS[.frac]][zone]" part, normalized to "THH:MM:SS" + zone.
std::optional<std::string> read_time(Cursor& c) {
  int hour = 0, minute = 0, second = 0;
  if (!c.digits(2, hour) || !c.eat(':') || !c.digits(2, minute)) return std::nullopt;
  if (c.eat(':')) {
    if (!c.digits(2, second)) return std::nullopt;
    if (c.eat('.') && !c.skip_digits()) return std::nullopt;
  }
  if (hour > 23 || minute > 59 || second > 59) return std::nullopt;
  std::optional<std::string> zone = read_zone(c);
  if (!zone || !c.done()) return std::nullopt;
  char buf[32];
  std::snprintf(buf, sizeof buf, "T%02d:%02d:%02d%s", hour, minute, second, zone->c_str());
  return std::string(buf);
}

bool has_control_char(std::string_view s) {
  for (unsigned char c : s)
    if (c < 0x20 || c == 0x7f) return true;
  return false;
}

bool has_dot_dot_segment(std::string_view path) {
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    size_t end = slash == std::string_view::npos ? path.size() : slash;
    if (path.substr(start, end - start) == "..") return true;
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return false;
}

// The text of a string or a number (a title may well be 2024); nullopt for other types.
std::optional<std::string> scalar_text(const nlohmann::json& value, const std::string& as_written) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number()) return as_written.empty() ? value.dump() : as_written;
  return std::nullopt;
}

// Sets the typed fields, reporting type errors at the value's position.
class FieldSetter {
 public:
  FieldSetter(const std::string& file, Diagnostics& diags) : file_(file), diags_(diags) {}

  void string(const FrontMatterEntry& e, std::string& out) {
    if (auto text = scalar_text(e.value, e.scalar_text)) out = *text;
    else error(e, "'" + e.key + "' must be a string");
  }

  void date(const FrontMatterEntry& e, std::string& out) {
    std::optional<std::string> text = scalar_text(e.value, e.scalar_text);
    if (!text) return error(e, "'" + e.key + "' must be a date (" + kExpectedDate + ")");
    if (auto normalized = normalize_date(*text)) out = *normalized;
    else error(e, "'" + e.key + "' is not a valid date: '" + *text + "' (" + kExpectedDate + ")");
  }

  void boolean(const FrontMatterEntry& e, bool& out) {
    if (e.value.is_boolean()) out = e.value.get<bool>();
    else error(e, "'" + e.key + "' must be true or false");
  }

  void integer(const FrontMatterEntry& e, int64_t& out) {
    bool fits = e.value.is_number_integer() &&
                (!e.value.is_number_unsigned() ||
                 e.value.get<uint64_t>() <= static_cast<uint64_t>(std::numeric_limits<int64_t>::max()));
    if (fits) out = e.value.get<int64_t>();
    else error(e, "'" + e.key + "' must be an integer");
  }

  // A list of strings; a single string counts as a list of one.
  void string_list(const FrontMatterEntry& e, std::vector<std::string>& out) {
    nlohmann::json items = e.value.is_string() ? nlohmann::json::array({e.value}) : e.value;
    if (!items.is_array() || !append_list_items(items, out)) error(e, "'" + e.key + "' must be a list of strings");
  }

  void url(const FrontMatterEntry& e, std::string& out) {
    std::string text;
    string(e, text);
    if (text.empty()) return;
    std::string problem = site_path_problem(text, /*rooted=*/true);
    if (!problem.empty()) return error(e, "front matter 'url' " + problem);
    out = with_trailing_slash(text);
  }

  void slug(const FrontMatterEntry& e, std::string& out) {
    std::string text;
    string(e, text);
    std::string problem = slug_problem(text);
    if (!problem.empty()) return error(e, "front matter 'slug' " + problem);
    out = text;
  }

  void aliases(const FrontMatterEntry& e, std::vector<std::string>& out) {
    std::vector<std::string> items;
    string_list(e, items);
    for (const std::string& alias : items) {
      std::string problem = site_path_problem(alias, /*rooted=*/false);
      if (!problem.empty()) error(e, "front matter alias '" + alias + "' " + problem);
      else out.push_back(with_trailing_slash(alias));
    }
  }

  void error(const FrontMatterEntry& e, std::string message) {
    diags_.error({file_, e.pos.line, e.pos.col}, std::move(message));
  }

 private:
  // Empty items are dropped: an empty tag names nothing.
  static bool append_list_items(const nlohmann::json& list, std::vector<std::string>& out) {
    for (const nlohmann::json& item : list) {
      std::optional<std::string> text = scalar_text(item, "");
      if (!text) return false;
      if (!text->empty()) out.push_back(*text);
    }
    return true;
  }

  const std::string& file_;
  Diagnostics& diags_;
};

using S = FieldSetter&;
using E = const FrontMatterEntry&;
using F = FrontMatter&;

struct TypedField {
  std::string_view key;
  void (*set)(S, E, F);
  std::string_view alias_of = {};  // Hugo's camelCase spellings name the lower-case key
  std::string_view name() const { return alias_of.empty() ? key : alias_of; }
};

constexpr TypedField kTypedFields[] = {
    {"title", [](S s, E e, F f) { s.string(e, f.title); }},
    {"date", [](S s, E e, F f) { s.date(e, f.date); }},
    {"lastmod", [](S s, E e, F f) { s.date(e, f.lastmod); }},
    {"draft", [](S s, E e, F f) { s.boolean(e, f.draft); }},
    {"weight", [](S s, E e, F f) { s.integer(e, f.weight); }},
    {"slug", [](S s, E e, F f) { s.slug(e, f.slug); }},
    {"url", [](S s, E e, F f) { s.url(e, f.url); }},
    {"aliases", [](S s, E e, F f) { s.aliases(e, f.aliases); }},
    {"tags", [](S s, E e, F f) { s.string_list(e, f.tags); }},
    {"categories", [](S s, E e, F f) { s.string_list(e, f.categories); }},
    {"description", [](S s, E e, F f) { s.string(e, f.description); }},
    {"summary", [](S s, E e, F f) { s.string(e, f.summary); }},
    {"layout", [](S s, E e, F f) { s.string(e, f.layout); }},
    {"id", [](S s, E e, F f) { s.string(e, f.id); }},
    {"publishdate", [](S s, E e, F f) { s.date(e, f.publishdate); }},
    {"publishDate", [](S s, E e, F f) { s.date(e, f.publishdate); }, "publishdate"},
    {"expirydate", [](S s, E e, F f) { s.date(e, f.expirydate); }},
    {"expiryDate", [](S s, E e, F f) { s.date(e, f.expirydate); }, "expirydate"},
};

// nullptr when Bengal does not type the key: it is then user data, in params.
const TypedField* find_typed_field(std::string_view key) {
  for (const TypedField& field : kTypedFields)
    if (field.key == key) return &field;
  return nullptr;
}

}  // namespace

void apply_front_matter_entries(const FrontMatterEntries& entries, const std::string& file, FrontMatter& front,
                                Diagnostics& diags) {
  FieldSetter set(file, diags);
  std::set<std::string> seen;
  nlohmann::json explicit_params = nlohmann::json::object();
  for (const FrontMatterEntry& e : entries) {
    const TypedField* field = find_typed_field(e.key);
    if (!seen.insert(field ? std::string(field->name()) : e.key).second)  // publishDate and publishdate too
      diags.warning({file, e.pos.line, e.pos.col}, "duplicate key '" + e.key + "' (the last one is used)");
    front.positions[field ? std::string(field->name()) : e.key] = e.pos;
    if (e.key == "params") {
      if (e.value.is_object()) explicit_params = e.value;
      else if (!e.value.is_null()) set.error(e, "'params' must be a map");
    } else if (field) {
      if (!e.value.is_null()) field->set(set, e, front);  // an empty typed field means "not set"
    } else {
      front.params[e.key] = e.value;
    }
  }
  for (const auto& [key, value] : explicit_params.items()) front.params[key] = value;
}

// Keys of a cascade entry that say where it applies, not what it sets.
static bool is_cascade_control_key(const std::string& key) {
  return key == "_target" || key == "target" || key == "cascade";
}

static FrontMatterEntries cascade_entries(const nlohmann::json& cascade, SourcePos pos) {
  FrontMatterEntries entries;
  for (const auto& [key, value] : cascade.items())
    if (!is_cascade_control_key(key)) entries.push_back({key, value, "", pos});
  return entries;
}

void check_cascade(const nlohmann::json& cascade, const SourceLoc& where, Diagnostics& diags) {
  FrontMatter scratch;
  apply_front_matter_entries(cascade_entries(cascade, {where.line, where.col}), where.file, scratch, diags);
}

void collect_cascade(const FrontMatter& own, const nlohmann::json& cascade, nlohmann::json& into) {
  for (const auto& [key, value] : cascade.items()) {
    if (is_cascade_control_key(key)) continue;
    if (key == "params" && value.is_object()) {
      for (const auto& [name, v] : value.items()) {
        nlohmann::json& params = into["params"];
        if (!own.params.contains(name) && !params.contains(name)) params[name] = v;
      }
      continue;
    }
    const TypedField* field = find_typed_field(key);
    std::string name = field ? std::string(field->name()) : key;
    bool own_sets = own.positions.count(name) || (!field && own.params.contains(name));
    if (!own_sets && !into.contains(name)) into[name] = value;
  }
}

void apply_cascade(FrontMatter& front, const nlohmann::json& cascade) {
  if (cascade.empty()) return;
  Diagnostics checked_in_link;  // the values were checked where the cascade was written
  const nlohmann::json own_params = front.params;
  auto own_positions = front.positions;  // positions say which keys the page itself set
  apply_front_matter_entries(cascade_entries(cascade, {}), "", front, checked_in_link);
  for (const auto& [key, value] : own_params.items()) front.params[key] = value;  // the page's own win
  front.positions = std::move(own_positions);
}

// Days from 1970-01-01 to a date of the proleptic Gregorian calendar.
static int64_t days_from_civil(int64_t y, int64_t m, int64_t d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

int64_t unix_time_of(std::string_view date) {
  Cursor c(date);
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, oh = 0, om = 0;
  if (!c.digits(4, year) || !c.eat('-') || !c.digits(2, month) || !c.eat('-') || !c.digits(2, day)) return 0;
  int64_t t = days_from_civil(year, month, day) * 86400;
  if (!c.eat('T')) return t;
  c.digits(2, hour), c.eat(':'), c.digits(2, minute), c.eat(':'), c.digits(2, second);
  t += hour * 3600 + minute * 60 + second;
  char sign = c.peek();
  if (c.eat_any("+-") && c.digits(2, oh) && c.eat(':') && c.digits(2, om))
    t -= (sign == '-' ? -1 : 1) * (oh * 3600 + om * 60);
  return t;
}

std::optional<std::string> normalize_date(std::string_view text) {
  text = trim(text);
  Cursor c(text);
  int year = 0, month = 0, day = 0;
  if (!c.digits(4, year) || !c.eat('-') || !c.digits(2, month) || !c.eat('-') || !c.digits(2, day))
    return std::nullopt;
  if (!valid_calendar_date(year, month, day)) return std::nullopt;
  std::string date(text.substr(0, 10));
  if (c.done()) return date;
  if (!c.eat_any("Tt ")) return std::nullopt;
  std::optional<std::string> time = read_time(c);
  if (!time) return std::nullopt;
  return date + *time;
}

std::string site_path_problem(std::string_view path, bool rooted) {
  if (has_control_char(path)) return "must not contain control characters";
  if (path.find('\\') != std::string_view::npos) return "must not contain a backslash";
  if (rooted && (path.empty() || path[0] != '/')) return "must start with '/'";
  if (path.find("//") != std::string_view::npos) return "must not contain '//'";
  if (has_dot_dot_segment(path)) return "must not contain '..' segments";
  return "";
}

std::string slug_problem(std::string_view slug) {
  if (has_control_char(slug)) return "must not contain control characters";
  if (slug.find('/') != std::string_view::npos) return "must not contain '/'";
  if (slug.find('\\') != std::string_view::npos) return "must not contain a backslash";
  if (slug == "." || slug == "..") return "must not be '.' or '..'";
  return "";
}

std::string with_trailing_slash(std::string_view path) {
  std::string out(path);
  if (out.empty() || out.back() == '/') return out;
  std::string_view last = path.substr(path.rfind('/') + 1);  // npos + 1 == 0: the whole path
  size_t dot = last.rfind('.');
  bool has_extension = dot != std::string_view::npos && dot > 0 && dot + 1 < last.size();
  if (!has_extension) out += '/';
  return out;
}

}  // namespace bengal
