#pragma once
// The line pre-pass for the Markdown that cmark-gfm does not know: MyST directive fences
// (```{name} args and :::{name} args, with :option: lines, nested) and definition lines
// (": definition" under a term). It runs only when may_need_markup_scan() finds a trigger,
// so pages without either cost one memchr-speed look.
//
// The pass never moves a line. A directive's opening fence (with its option lines) and its
// closing fence become one-line HTML comments holding a marker byte:
//     <!--\x1A<index>\x1A ... -->      opening, option lines blanked inside the comment
//     <!--\x1A/<index>\x1A-->          closing
// so cmark parses the body between them as ordinary Markdown at its own line numbers, and
// the walker wraps the blocks between the two comments into the directive's HTML. The scan
// step removes every 0x1A from pages, so a user cannot write such a comment. Whatever
// precedes a fence on its line (indentation, "> ") stays, so a directive in a list item or
// a block quote stays there.
//
// A definition line's ':' becomes '-': cmark makes it a list item after the term's
// paragraph, and the walker turns that pair into <dl>.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace bengal {

struct DirectiveOption {
  std::string name;   // without the colons
  std::string value;  // trimmed; "" for a flag
  uint32_t line = 0;  // of the option's first ':', 1-based in the scanned text
  uint32_t col = 0;
};

struct DirectiveFence {
  std::string name;      // "note", as written between the braces
  std::string argument;  // the rest of the fence line, trimmed
  std::vector<DirectiveOption> options;
  uint32_t line = 0;  // of the fence's first character, 1-based in the scanned text
  uint32_t col = 0;
  bool closed = false;  // false: it ran to the end of the text
};

struct MarkupScan {
  std::string text;  // what cmark parses; equal to the input when nothing was found
  bool changed = false;
  std::vector<DirectiveFence> directives;  // marker k names directives[k - first_index]
  std::vector<uint32_t> definition_lines;  // sorted 1-based lines whose ':' became '-'
};

// A cheap look for ":::", ":"-led lines and "`{" / "~{".
bool may_need_markup_scan(std::string_view text);

// Markers are numbered from first_index, so several texts of one page (a page and the files
// it includes) share one numbering.
MarkupScan scan_markup(std::string_view text, size_t first_index);

// Reads a marker comment (an HTML block's literal): the directive's index and whether it
// opens or closes. false when the literal is no marker.
bool read_marker(std::string_view literal, size_t& index, bool& closing);

}  // namespace bengal
