#pragma once
// A fenced code block's info string: the language word, then options.
//
//     ```python
//     ```python {2,4-5}                                   highlighted lines
//     ```python {hl_lines="2-4" linenos=true title="app.py"}
//     ```python title="app.py" linenostart=10
//
// Options are `key=value` pairs, inside one `{...}` group or bare after the language, separated
// by spaces or commas; values are "double-quoted", 'single-quoted' or bare words. A group
// that holds only line numbers and ranges (`{2,4-5}`) is hl_lines. The keys:
//
//     hl_lines     lines to highlight, 1-based within the block: "2", "2-4", "1,3-5" or "1 3-5"
//     linenos      true or false: print line numbers
//     linenostart  the number of the block's first line (default 1); implies nothing else
//     title        a caption shown above the block
//
// An info string that starts with '{' is a directive (MyST's ```{note}), not a language:
// is_directive_info() says so and the caller leaves that block alone.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bengal::highlight {

struct LineRange {
  uint32_t first;  // 1-based, inclusive
  uint32_t last;
};

struct CodeOptions {
  std::string language;             // the language word as written ("" when none)
  std::vector<LineRange> hl_lines;  // sorted by first line
  bool linenos = false;
  uint32_t linenostart = 1;
  std::string title;

  bool has_line_options() const { return linenos || !hl_lines.empty(); }
  bool highlights(uint32_t line) const;  // line is 1-based within the block
};

struct InfoError {
  size_t offset = 0;  // byte offset in the info string where the problem is
  std::string message;
};

bool is_directive_info(std::string_view info);

// Parses `info` into options, or returns the first problem (an unknown key, a bad value).
std::optional<InfoError> parse_info_string(std::string_view info, CodeOptions& options);

// A warning when hl_lines names lines past the end of `code`, else nullopt.
std::optional<std::string> line_options_problem(const CodeOptions& options, std::string_view code);

}  // namespace bengal::highlight
