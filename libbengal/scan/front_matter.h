#pragma once
// Front matter: the block of metadata at the top of a Markdown page, in one of three formats
// (bengal-scan(1)):
//
//   YAML   a "---" line, YAML, a "---" line
//   TOML   a "+++" line, TOML, a "+++" line
//   JSON   the page starts with '{': one JSON object, then the body on the next line
//
// No front matter is fine: every field keeps its default and the body is the whole page.
#include <cstdint>
#include <string>
#include <string_view>

#include "model/page.h"
#include "support/diagnostics.h"

namespace bengal {

enum class FrontMatterFormat { kNone, kYaml, kToml, kJson };

struct FrontMatterBlock {
  FrontMatter front;
  FrontMatterFormat format = FrontMatterFormat::kNone;
  size_t body_offset = 0;  // where the body starts in the text
  uint32_t body_line = 1;  // the line of the text on which it starts
};

// Which format the text's first line opens, if any.
FrontMatterFormat detect_front_matter(std::string_view text);

// Parses the front matter at the top of `text`, which must already be normalized: no
// byte-order mark, '\n' line ends (see scan.h). Problems are reported into diags at
// file:line:col of the text; after an error the fields read so far are returned, and the
// caller should not use the page.
FrontMatterBlock parse_front_matter(std::string_view text, const std::string& file, Diagnostics& diags);

}  // namespace bengal
