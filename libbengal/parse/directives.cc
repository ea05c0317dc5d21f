#include "parse/directives.h"

#include <algorithm>
#include <charconv>
#include <climits>
#include <cstdint>

#include "support/text.h"

namespace bengal {
namespace {

using K = DirectiveKind;

const std::vector<DirectiveSpec>& specs() {
  static const std::vector<DirectiveSpec> table = [] {
    std::vector<DirectiveSpec> t;
    for (std::string_view kind : {"note", "tip", "info", "warning", "danger", "important", "caution", "seealso"}) {
      t.push_back({kind, K::kAdmonition, {"class"}, {}, false, true});
    }
    t.push_back({"dropdown", K::kDropdown, {"class"}, {"open"}, false, true});
    t.push_back({"tab-set", K::kTabSet, {}, {}, false, true});
    t.push_back({"tab-item", K::kTabItem, {"sync"}, {}, true, true});
    t.push_back({"code-tabs", K::kCodeTabs, {}, {}, false, true});
    t.push_back({"grid", K::kGrid, {"columns"}, {}, false, true});
    t.push_back({"cards", K::kGrid, {"columns"}, {}, false, true});
    t.push_back({"card", K::kCard, {"link"}, {}, false, true});
    t.push_back({"steps", K::kSteps, {}, {}, false, true});
    t.push_back({"step", K::kStep, {}, {}, true, true});
    t.push_back({"include", K::kInclude, {"start-after", "end-before"}, {}, true, false});
    t.push_back({"literalinclude", K::kLiteralInclude, {"language", "lines", "start-after", "end-before", "caption"},
                 {"linenos"}, true, false});
    t.push_back({"figure", K::kFigure, {"alt", "width", "class"}, {}, true, true});
    t.push_back({"badge", K::kBadge, {"variant"}, {}, true, false});
    for (std::string_view kind : {"versionadded", "versionchanged", "deprecated"}) {
      t.push_back({kind, K::kVersion, {}, {}, true, true});
    }
    return t;
  }();
  return table;
}

const std::vector<std::string> kVariants = {"primary", "secondary", "success", "info", "warning", "danger"};

bool contains(const std::vector<std::string_view>& list, std::string_view word) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

std::vector<std::string> option_names(const DirectiveSpec& spec) {
  std::vector<std::string> names(spec.options.begin(), spec.options.end());
  names.insert(names.end(), spec.flags.begin(), spec.flags.end());
  return names;
}

// A problem with one option's value, or "".
std::string value_problem(const DirectiveSpec& spec, const DirectiveOption& option) {
  std::string quoted = "option ':" + option.name + ":'";
  if (contains(spec.flags, option.name)) return option.value.empty() ? "" : quoted + " takes no value";
  if (option.value.empty()) return quoted + " needs a value";
  if (option.name == "columns") {
    uint32_t n = 0;
    auto [end, ec] = std::from_chars(option.value.data(), option.value.data() + option.value.size(), n);
    bool ok = ec == std::errc() && end == option.value.data() + option.value.size() && n >= 1 && n <= 12;
    return ok ? "" : quoted + " must be a number from 1 to 12, not '" + option.value + "'";
  }
  if (option.name == "variant" && std::find(kVariants.begin(), kVariants.end(), option.value) == kVariants.end()) {
    return "unknown badge variant '" + option.value + "'" + did_you_mean(option.value, kVariants) +
           "; use primary, secondary, success, info, warning or danger";
  }
  std::vector<LineSpan> spans;
  if (option.name == "lines" && !parse_line_spans(option.value, spans)) {
    return quoted + " must be line numbers and ranges such as '2-10' or '1,4-6', not '" + option.value + "'";
  }
  return "";
}

void append_attr(std::string& out, std::string_view name, std::string_view value) {
  out += ' ';
  out += name;
  out += "=\"";
  append_html_escaped(out, value);
  out += '"';
}

std::string escaped(std::string_view text) { return html_escape(text); }

bool parse_number(std::string_view s, uint32_t& n) {
  s = trim(s);
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
  return !s.empty() && ec == std::errc() && end == s.data() + s.size() && n >= 1;
}


// Keeps only the line breaks of lines [first, last).
void blank_lines(std::string& text, size_t first, size_t last) {
  std::string out;
  out.reserve(text.size());
  size_t line = 0;
  for (char c : text) {
    if (c == '\n') ++line;
    if (c == '\n' || line < first || line >= last) out += c;
  }
  text = std::move(out);
}

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  for (size_t begin = 0; begin < text.size();) {
    size_t end = std::min(text.find('\n', begin), text.size());
    lines.push_back(text.substr(begin, end - begin));
    begin = end + 1;
  }
  return lines;
}

// The lines [first, last) between start_after and end_before (see select_lines).
std::optional<std::string> find_between(const std::vector<std::string_view>& lines, std::string_view start_after,
                                        std::string_view end_before, size_t& first, size_t& last) {
  first = 0;
  last = lines.size();
  if (!start_after.empty()) {
    while (first < last && lines[first].find(start_after) == std::string_view::npos) ++first;
    if (first == last) return "':start-after:' text '" + std::string(start_after) + "' is not in the file";
    ++first;
  }
  if (!end_before.empty()) {
    size_t stop = first;
    while (stop < last && lines[stop].find(end_before) == std::string_view::npos) ++stop;
    if (stop == last) return "':end-before:' text '" + std::string(end_before) + "' is not in the file";
    last = stop;
  }
  return std::nullopt;
}

}  // namespace

const DirectiveSpec* find_directive(std::string_view name) {
  for (const DirectiveSpec& spec : specs()) {
    if (spec.name == name) return &spec;
  }
  return nullptr;
}

const std::vector<std::string>& directive_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> n;
    for (const DirectiveSpec& spec : specs()) n.emplace_back(spec.name);
    return n;
  }();
  return names;
}

std::vector<OptionProblem> check_options(const DirectiveSpec& spec, const DirectiveFence& fence) {
  std::vector<OptionProblem> problems;
  for (size_t i = 0; i < fence.options.size(); ++i) {
    const DirectiveOption& option = fence.options[i];
    std::string message;
    if (!contains(spec.options, option.name) && !contains(spec.flags, option.name)) {
      std::vector<std::string> names = option_names(spec);
      message = "unknown option ':" + option.name + ":' for directive '" + std::string(spec.name) + "'" +
                did_you_mean(option.name, names);
    } else {
      for (size_t j = 0; j < i && message.empty(); ++j) {
        if (fence.options[j].name == option.name) message = "option ':" + option.name + ":' is given twice";
      }
      if (message.empty()) message = value_problem(spec, option);
    }
    if (!message.empty()) problems.push_back({i, std::move(message)});
  }
  return problems;
}

std::optional<std::string_view> option_value(const DirectiveFence& fence, std::string_view name) {
  for (const DirectiveOption& option : fence.options) {
    if (option.name == name) return std::string_view(option.value);
  }
  return std::nullopt;
}

std::string extra_classes(const DirectiveFence& fence) {
  std::string out;
  std::string_view words = option_value(fence, "class").value_or("");
  size_t at = 0;
  while ((at = words.find_first_not_of(" \t", at)) != std::string_view::npos) {
    size_t end = std::min(words.find_first_of(" \t", at), words.size());
    out += ' ';
    append_html_escaped(out, words.substr(at, end - at));
    at = end;
  }
  return out;
}

std::string admonition_title(std::string_view kind) {
  if (kind == "seealso") return "See also";
  std::string title(kind);
  if (!title.empty() && title[0] >= 'a' && title[0] <= 'z') title[0] = static_cast<char>(title[0] - 'a' + 'A');
  return title;
}

Wrapper admonition_html(std::string_view kind, std::string_view title, std::string_view classes) {
  Wrapper w;
  w.open = "<div class=\"admonition " + escaped(kind) + std::string(classes) + "\"><p class=\"admonition-title\">" +
           escaped(title) + "</p>";
  w.close = "</div>";
  return w;
}

Wrapper dropdown_html(std::string_view title, bool open, std::string_view classes) {
  Wrapper w;
  w.open = "<details class=\"dropdown" + std::string(classes) + "\"" + (open ? " open" : "") + "><summary>" +
           escaped(title) + "</summary><div class=\"dropdown-body\">";
  w.close = "</div></details>";
  return w;
}

Wrapper version_html(std::string_view kind, std::string_view version) {
  std::string_view words = kind == "versionadded"     ? "Added in version "
                           : kind == "versionchanged" ? "Changed in version "
                                                      : "Deprecated since version ";
  Wrapper w;
  w.open = "<div class=\"version-note " + escaped(kind) + "\"><p class=\"version-title\">" + std::string(words) +
           escaped(version) + "</p>";
  w.close = "</div>";
  return w;
}

Wrapper badge_html(std::string_view text, std::string_view variant) {
  return {"<span class=\"badge badge-" + escaped(variant) + "\">" + escaped(text) + "</span>", ""};
}

Wrapper grid_html(uint32_t columns) {
  return {"<div class=\"card-grid columns-" + std::to_string(columns) + "\">", "</div>"};
}

Wrapper step_html(std::string_view title) {
  return {"<li class=\"step\"><p class=\"step-title\">" + escaped(title) + "</p>", "</li>"};
}

Wrapper card_html(std::string_view title, std::string_view href) {
  Wrapper w;
  w.open = href.empty() ? "<div class=\"card\">" : "<a class=\"card\" href=\"" + std::string(href) + "\">";
  if (!title.empty()) w.open += "<p class=\"card-title\">" + escaped(title) + "</p>";
  w.open += "<div class=\"card-body\">";
  w.close = href.empty() ? "</div></div>" : "</div></a>";
  return w;
}

Wrapper figure_html(std::string_view src, std::string_view alt, std::string_view width, std::string_view classes,
                    bool caption) {
  Wrapper w;
  w.open = "<figure class=\"figure" + std::string(classes) + "\"><img";
  append_attr(w.open, "src", src);
  append_attr(w.open, "alt", alt);
  if (!width.empty()) append_attr(w.open, "width", width);
  w.open += ">";
  if (caption) w.open += "<figcaption>";
  w.close = caption ? "</figcaption></figure>" : "</figure>";
  return w;
}

Wrapper tab_set_html(uint32_t set, const std::vector<TabLabel>& tabs) {
  std::string id = "tabs-" + std::to_string(set);
  Wrapper w;
  w.open = "<div class=\"tab-set\" id=\"" + id + "\"><div class=\"tab-list\" role=\"tablist\">";
  for (size_t i = 0; i < tabs.size(); ++i) {
    std::string tab = id + "-" + std::to_string(i);
    w.open += "<button type=\"button\" role=\"tab\" id=\"" + tab + "\" aria-controls=\"" + tab +
              "-panel\" aria-selected=\"" + (i == 0 ? "true\"" : "false\" tabindex=\"-1\"");
    if (!tabs[i].sync.empty()) append_attr(w.open, "data-sync", tabs[i].sync);
    w.open += ">" + escaped(tabs[i].label) + "</button>";
  }
  w.open += "</div>";
  w.close = "</div>";
  return w;
}

Wrapper tab_panel_html(uint32_t set, size_t index) {
  std::string tab = "tabs-" + std::to_string(set) + "-" + std::to_string(index);
  return {"<div class=\"tab-panel\" role=\"tabpanel\" id=\"" + tab + "-panel\" aria-labelledby=\"" + tab + "\"" +
              (index == 0 ? "" : " hidden") + ">",
          "</div>"};
}

bool parse_line_spans(std::string_view spec, std::vector<LineSpan>& spans) {
  spans.clear();
  size_t at = 0;
  while (at <= spec.size()) {
    size_t end = std::min(spec.find(',', at), spec.size());
    std::string_view part = trim(spec.substr(at, end - at));
    size_t dash = part.find('-');
    LineSpan span{0, 0};
    if (dash == std::string_view::npos) {
      if (!parse_number(part, span.first)) return false;
      span.last = span.first;
    } else {
      std::string_view first = part.substr(0, dash), last = part.substr(dash + 1);
      if (trim(first).empty()) span.first = 1;
      else if (!parse_number(first, span.first)) return false;
      if (trim(last).empty()) span.last = UINT32_MAX;
      else if (!parse_number(last, span.last) || span.last < span.first) return false;
      if (trim(first).empty() && trim(last).empty()) return false;
    }
    spans.push_back(span);
    at = end + 1;
  }
  return !spans.empty();
}

std::optional<std::string> select_lines(std::string& text, std::string_view start_after, std::string_view end_before,
                                        const std::vector<LineSpan>& spans) {
  std::vector<std::string_view> lines = split_lines(text);
  size_t first = 0, last = 0;
  if (auto problem = find_between(lines, start_after, end_before, first, last)) return problem;
  std::string out;
  for (size_t i = first; i < last; ++i) {
    auto n = static_cast<uint32_t>(i - first + 1);
    bool chosen = spans.empty();
    for (const LineSpan& span : spans) chosen = chosen || (n >= span.first && n <= span.last);
    if (!chosen) continue;
    out.append(lines[i]);
    out += '\n';
  }
  text = std::move(out);
  return std::nullopt;
}

void blank_front_matter(std::string& text) {
  std::string_view delimiter = starts_with(text, "---\n") ? "---" : starts_with(text, "+++\n") ? "+++" : "";
  if (delimiter.empty()) return;
  std::vector<std::string_view> lines = split_lines(text);
  for (size_t i = 1; i < lines.size(); ++i) {
    if (trim(lines[i]) == delimiter) {
      blank_lines(text, 0, i + 1);
      return;
    }
  }
}

std::optional<std::string> blank_outside(std::string& text, std::string_view start_after, std::string_view end_before) {
  size_t first = 0, last = 0;
  if (auto problem = find_between(split_lines(text), start_after, end_before, first, last)) return problem;
  blank_lines(text, last, SIZE_MAX);
  blank_lines(text, 0, first);
  return std::nullopt;
}

}  // namespace bengal
