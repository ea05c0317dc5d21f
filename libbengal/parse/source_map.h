#pragma once
// Where the text of a cmark node was written in the page body. cmark-gfm's inline positions
// are only hints: on continuation and lazy lines of a paragraph they are off by the container
// prefix, and after a backslash hard break they stay on the previous line. The walker asks
// here only for text that holds a '[' (wiki references, link positions), so the search
// costs nothing on ordinary text.
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "support/text.h"

namespace bengal {

// A '[' of a text node: where it was written (body line and column, 1-based) and whether it
// was written as a plain '[' (not "\[" nor an entity such as "&#91;").
struct BracketSource {
  uint32_t line = 0;
  uint32_t col = 0;
  bool plain = true;
};

struct LocatedText {
  uint32_t line = 0;
  uint32_t col = 0;
  std::vector<BracketSource> brackets;  // one per '[' of the text, in order
};

class SourceMap {
 public:
  explicit SourceMap(std::string_view body);

  uint32_t line_count() const { return static_cast<uint32_t>(starts_.size()); }
  // Line 1-based, without its line break; "" past the end.
  std::string_view line(uint32_t line) const;
  // The byte at a 1-based line and column, or 0 when outside the text.
  char at(uint32_t line, uint32_t col) const;

  // cmark-gfm computes the column of an inline on a later line of a paragraph as if that
  // line were indented like the first one; this corrects it with the line's real prefix
  // (indentation and block quote markers).
  uint32_t continuation_col(uint32_t line, uint32_t hint_col, uint32_t block_col) const;

  // Finds the source of `literal`, the text of one text node (always on one line), trying
  // the hint first, then each line from the hint's line to last_line. With `after` set, the
  // text must follow that character ('[' for a link's text). nullopt when the literal cannot
  // be matched to the source.
  std::optional<LocatedText> locate(std::string_view literal, uint32_t hint_line, uint32_t hint_col,
                                    uint32_t last_line, char after = 0) const;

 private:
  std::optional<LocatedText> locate_on_line(std::string_view literal, uint32_t line, uint32_t hint_col,
                                            char after) const;

  std::string_view body_;
  std::vector<uint32_t> starts_;  // byte offset of each line
};

// The '[' characters of one text node's literal, and where each was written.
class TextBrackets {
 public:
  TextBrackets(const SourceMap& source, std::string_view literal, uint32_t hint_line, uint32_t hint_col,
               uint32_t last_line);

  // Offsets, sorted, of the '[' not written as plain brackets; none when the source was not found.
  std::vector<size_t> escaped() const;
  // Body line and column of the '[' at `offset`; from the hint when the source was not found
  // (column 0 when the hint has none).
  LineCol position(size_t offset) const;

 private:
  std::vector<size_t> offsets_;  // of each '[' in the literal
  std::optional<LocatedText> located_;
  uint32_t hint_line_, hint_col_;
};

// Matches a text node's literal against the source text that starts at `source`, undoing
// backslash escapes and entities; records each '[' of the literal. false on a mismatch.
bool match_literal(std::string_view literal, std::string_view source, std::vector<uint32_t>& bracket_offsets,
                   std::vector<bool>& bracket_plain);

}  // namespace bengal
