#pragma once
// Turns template source into a CompiledTemplate. Internal to the template module: the
// Environment calls it once per template and caches the result.
#include <memory>
#include <string>
#include <string_view>

#include "template/ast.h"
#include "template/lexer.h"
#include "template/registry.h"

namespace bengal::tmpl {

// Parses `source` (raw file contents). Unknown filters and tests are errors here, with
// suggestions. Throws TemplateError located in `path`.
std::unique_ptr<CompiledTemplate> parse_template(std::string name, std::string path, std::string_view source,
                                                 const LexOptions& lex, bool keep_trailing_newline,
                                                 Registry& registry);

// Python string literal escapes (\n, \t, \xNN, \uNNNN, \\, quotes) of a quoted token.
std::string unescape_string_literal(std::string_view quoted);

}  // namespace bengal::tmpl
