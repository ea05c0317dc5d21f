// The `date` filter, a Bengal extension (Jinja has no date filter): formats an ISO 8601
// date or date-time string with strftime directives, the way Python's
// datetime.fromisoformat(value).strftime(format) does in the C locale.
//
//   {{ "2024-05-01" | date("%B %-d, %Y") }}          -> May 1, 2024
//   {{ "2024-05-01T10:00:00Z" | date("%H:%M %Z") }}  -> 10:00 UTC
//
// Supported: %a %A %b %B %d %e %f %H %I %j %m %M %p %S %u %w %y %Y %z %Z %% and the '-'
// flag (%-d: no padding). The default format is "%Y-%m-%d". Undefined input stays undefined.
#include <optional>

#include "template/filter_util.h"

namespace bengal::tmpl {

namespace {

struct DateTime {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, micros = 0;
  std::optional<int> offset_minutes;  // nullopt: a naive time without zone
};

// Reads exactly `n` digits at s[i].
std::optional<int> digits(std::string_view s, size_t& i, size_t n) {
  if (i + n > s.size()) return std::nullopt;
  int v = 0;
  for (size_t k = 0; k < n; ++k) {
    char c = s[i + k];
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  i += n;
  return v;
}

bool skip(std::string_view s, size_t& i, char c) {
  if (i < s.size() && s[i] == c) {
    ++i;
    return true;
  }
  return false;
}

bool parse_zone(std::string_view s, size_t& i, DateTime& dt) {
  if (skip(s, i, 'Z')) {
    dt.offset_minutes = 0;
    return true;
  }
  if (i >= s.size() || (s[i] != '+' && s[i] != '-')) return false;
  int sign = s[i++] == '-' ? -1 : 1;
  auto hours = digits(s, i, 2);
  skip(s, i, ':');
  auto minutes = digits(s, i, 2);
  if (!hours || !minutes) return false;
  dt.offset_minutes = sign * (*hours * 60 + *minutes);
  return true;
}

bool parse_time(std::string_view s, size_t& i, DateTime& dt) {
  auto hour = digits(s, i, 2);
  if (!hour || !skip(s, i, ':')) return false;
  auto minute = digits(s, i, 2);
  if (!minute) return false;
  dt.hour = *hour;
  dt.minute = *minute;
  if (skip(s, i, ':')) {
    auto second = digits(s, i, 2);
    if (!second) return false;
    dt.second = *second;
    if (skip(s, i, '.') || skip(s, i, ',')) {
      size_t start = i;
      while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
      std::string fraction(s.substr(start, std::min<size_t>(i - start, 6)));
      fraction.resize(6, '0');
      dt.micros = std::stoi(fraction);
    }
  }
  return i == s.size() || parse_zone(s, i, dt);
}

std::optional<DateTime> parse_iso(std::string_view s) {
  DateTime dt;
  size_t i = 0;
  auto year = digits(s, i, 4);
  if (!year || !skip(s, i, '-')) return std::nullopt;
  auto month = digits(s, i, 2);
  if (!month || !skip(s, i, '-')) return std::nullopt;
  auto day = digits(s, i, 2);
  if (!day) return std::nullopt;
  dt.year = *year;
  dt.month = *month;
  dt.day = *day;
  static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (dt.month < 1 || dt.month > 12 || dt.day < 1 || dt.day > kDays[dt.month - 1]) return std::nullopt;
  bool leap = (dt.year % 4 == 0 && dt.year % 100 != 0) || dt.year % 400 == 0;
  if (dt.month == 2 && dt.day == 29 && !leap) return std::nullopt;
  if (i < s.size() && !((skip(s, i, 'T') || skip(s, i, ' ')) && parse_time(s, i, dt))) return std::nullopt;
  if (i != s.size() || dt.hour > 23 || dt.minute > 59 || dt.second > 59) return std::nullopt;
  return dt;
}

// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
int64_t days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t yoe = y - era * 400;
  int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

const char* const kWeekdays[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
const char* const kMonths[] = {"January", "February", "March", "April", "May", "June",
                               "July", "August", "September", "October", "November", "December"};

void number(std::string& out, int value, int width, bool pad, char fill = '0') {
  std::string digits_text = std::to_string(value);
  if (pad && static_cast<int>(digits_text.size()) < width) out.append(width - digits_text.size(), fill);
  out += digits_text;
}

std::string zone_text(const DateTime& dt, bool name) {
  if (!dt.offset_minutes) return "";
  int offset = *dt.offset_minutes;
  if (name && offset == 0) return "UTC";
  char buf[16];
  int mag = offset < 0 ? -offset : offset;
  std::snprintf(buf, sizeof buf, name ? "UTC%c%02d:%02d" : "%c%02d%02d", offset < 0 ? '-' : '+', mag / 60, mag % 60);
  return buf;
}

std::string format_date(const DateTime& dt, std::string_view format) {
  int weekday = static_cast<int>(((days_from_civil(dt.year, dt.month, dt.day) % 7) + 10) % 7);  // 0 = Monday
  int yday = static_cast<int>(days_from_civil(dt.year, dt.month, dt.day) - days_from_civil(dt.year, 1, 1)) + 1;
  int hour12 = dt.hour % 12 == 0 ? 12 : dt.hour % 12;
  std::string out;
  for (size_t i = 0; i < format.size(); ++i) {
    if (format[i] != '%' || i + 1 >= format.size()) {
      out += format[i];
      continue;
    }
    bool pad = true;
    size_t d = i + 1;
    if (format[d] == '-' && d + 1 < format.size()) {
      pad = false;
      ++d;
    }
    switch (format[d]) {
      case 'Y': number(out, dt.year, 4, pad); break;
      case 'y': number(out, dt.year % 100, 2, pad); break;
      case 'm': number(out, dt.month, 2, pad); break;
      case 'd': number(out, dt.day, 2, pad); break;
      case 'e': number(out, dt.day, 2, pad, ' '); break;
      case 'H': number(out, dt.hour, 2, pad); break;
      case 'I': number(out, hour12, 2, pad); break;
      case 'M': number(out, dt.minute, 2, pad); break;
      case 'S': number(out, dt.second, 2, pad); break;
      case 'f': number(out, dt.micros, 6, pad); break;
      case 'j': number(out, yday, 3, pad); break;
      case 'u': number(out, weekday + 1, 1, pad); break;
      case 'w': number(out, (weekday + 1) % 7, 1, pad); break;
      case 'p': out += dt.hour < 12 ? "AM" : "PM"; break;
      case 'A': out += kWeekdays[weekday]; break;
      case 'a': out += std::string(kWeekdays[weekday]).substr(0, 3); break;
      case 'B': out += kMonths[dt.month - 1]; break;
      case 'b': case 'h': out += std::string(kMonths[dt.month - 1]).substr(0, 3); break;
      case 'z': out += zone_text(dt, false); break;
      case 'Z': out += zone_text(dt, true); break;
      case '%': out += '%'; break;
      default: out.append(format.substr(i, d - i + 1)); break;
    }
    i = d;
  }
  return out;
}

Value date_filter(FilterContext&, const Value& v, const Args& args) {
  args.check("date", {"format"});
  if (v.is_undefined()) return v;
  if (!v.is_string()) throw EvalError("date expects an ISO 8601 string, not " + std::string(v.type_name()));
  std::optional<DateTime> dt = parse_iso(v.as_string());
  if (!dt) throw EvalError("date: cannot read '" + v.as_string() + "' as an ISO 8601 date (like 2024-05-01 or 2024-05-01T10:00:00Z)");
  return Value(format_date(*dt, arg_or(args, 0, "format", Value("%Y-%m-%d")).str()));
}

}  // namespace

void register_date_filter(Registry& r) { r.filters["date"] = date_filter; }

}  // namespace bengal::tmpl
