#pragma once
// The directives bengal-parse knows (MyST syntax, see markup_scan.h and bengal-markdown(7)),
// their options, and the HTML around their bodies. The walker (page_walker.h) decides
// where the pieces go; everything here is a pure function of the directive's text.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parse/markup_scan.h"

namespace bengal {

enum class DirectiveKind {
  kAdmonition,
  kDropdown,
  kTabSet,
  kTabItem,
  kCodeTabs,
  kGrid,
  kCard,
  kSteps,
  kStep,
  kInclude,
  kLiteralInclude,
  kFigure,
  kBadge,
  kVersion,
};

struct DirectiveSpec {
  std::string_view name;
  DirectiveKind kind;
  std::vector<std::string_view> options;  // options that take a value
  std::vector<std::string_view> flags;    // options written alone (":open:")
  bool needs_argument = false;
  bool takes_body = true;
};

// nullptr for an unknown name.
const DirectiveSpec* find_directive(std::string_view name);
// Every name, for did-you-mean suggestions.
const std::vector<std::string>& directive_names();

struct OptionProblem {
  size_t option;  // index into DirectiveFence::options
  std::string message;
};
// Unknown, repeated, missing or malformed options.
std::vector<OptionProblem> check_options(const DirectiveSpec& spec, const DirectiveFence& fence);
// The value of an option, or nullopt when it is not given.
std::optional<std::string_view> option_value(const DirectiveFence& fence, std::string_view name);

// " a b" from ":class: a b" (escaped, one space before each word); "" without the option.
std::string extra_classes(const DirectiveFence& fence);
// "Note", "See also": the title an admonition has without an argument.
std::string admonition_title(std::string_view kind);

// The HTML before and after each directive's body (bengal-markdown(7), DIRECTIVES).
struct Wrapper {
  std::string open;
  std::string close;
};
Wrapper admonition_html(std::string_view kind, std::string_view title, std::string_view classes);
Wrapper dropdown_html(std::string_view title, bool open, std::string_view classes);
Wrapper version_html(std::string_view kind, std::string_view version);
Wrapper badge_html(std::string_view text, std::string_view variant);
Wrapper grid_html(uint32_t columns);
Wrapper step_html(std::string_view title);
// href: the card's link as it goes in the attribute (may hold a slot marker), or "".
Wrapper card_html(std::string_view title, std::string_view href);
Wrapper figure_html(std::string_view src, std::string_view alt, std::string_view width, std::string_view classes,
                    bool caption);

// One tab of a tab-set or code-tabs.
struct TabLabel {
  std::string label;
  std::string sync;
};
// The set's opening (with every button) and closing; `set` is the page's tab-set counter.
Wrapper tab_set_html(uint32_t set, const std::vector<TabLabel>& tabs);
Wrapper tab_panel_html(uint32_t set, size_t index);

// literalinclude's :lines: "2-10", "3", "5-", "1,4-6"; false when malformed.
struct LineSpan {
  uint32_t first;
  uint32_t last;  // UINT32_MAX: to the end
};
bool parse_line_spans(std::string_view spec, std::vector<LineSpan>& spans);

// The part of `text` that literalinclude shows: after the first line holding start_after,
// before the first later line holding end_before, then the chosen lines. Every line ends
// with '\n'. An error message when a marker is not found.
std::optional<std::string> select_lines(std::string& text, std::string_view start_after, std::string_view end_before,
                                        const std::vector<LineSpan>& spans);

// For include: blanks (keeping every line break, so line numbers stay) a YAML or TOML front
// matter block at the top, and with start_after / end_before the lines outside the part
// between them. An error message when a marker is not found.
void blank_front_matter(std::string& text);
std::optional<std::string> blank_outside(std::string& text, std::string_view start_after, std::string_view end_before);

}  // namespace bengal
