#pragma once
// The three front matter formats are read into one neutral form, a list of top-level entries
// (key, JSON value, position in the file), so the typed fields are checked by one piece of
// code whatever the format. Internal to the scan step.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/front_matter.h"
#include "model/page.h"
#include "support/diagnostics.h"

namespace bengal {

// Where a front matter block sits in its file, to map a parser's positions back.
struct BlockOrigin {
  const std::string& file;
  std::string_view block;  // the text between the delimiter lines
  uint32_t first_line;     // line of the file on which `block` starts
};

// Deeper nesting is refused: later steps walk values recursively.
inline constexpr int kMaxFrontMatterNesting = 256;

// Each reader appends the top-level entries of its block and returns true, or reports the
// problem into diags (at the file's line and column) and returns false.
bool read_yaml_entries(const BlockOrigin& origin, FrontMatterEntries& out, Diagnostics& diags);

// yaml-cpp alone, for the tests that compare the two readers.
bool read_yaml_with_yaml_cpp(const BlockOrigin& origin, FrontMatterEntries& out, Diagnostics& diags);

// The common case without yaml-cpp (yaml_simple.cc): true, with the entries appended, when the
// block is only one-line `key: value` entries of the simple forms; false, with nothing
// appended, for anything else. read_yaml_entries tries it first.
bool read_simple_yaml_entries(const BlockOrigin& origin, FrontMatterEntries& out);

// A YAML plain scalar typed by the YAML 1.2 core schema: true/false, integers, floats, else
// the string itself.
nlohmann::json resolve_yaml_plain_scalar(const std::string& s);
bool read_toml_entries(const BlockOrigin& origin, FrontMatterEntries& out, Diagnostics& diags);

// `text` is the whole page and starts with '{'. Returns the offset just past the object's
// closing '}', or nullopt after reporting.
std::optional<size_t> read_json_entries(std::string_view text, const std::string& file, FrontMatterEntries& out,
                                        Diagnostics& diags);

}  // namespace bengal
