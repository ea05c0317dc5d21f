#pragma once
// Template errors. Everything wrong with a template — syntax, an unknown filter, a strict
// undefined, a failing filter — surfaces as a TemplateError: a Failure with
// kExitContentError whose message is the located diagnostic
// "templates/page.html:12:8: error: unknown filter 'lenght' (did you mean 'length'?)".
#include <cstdint>
#include <string>
#include <string_view>

#include "support/diagnostics.h"
#include "support/failure.h"

namespace bengal::tmpl {

class TemplateError : public Failure {
 public:
  explicit TemplateError(Diagnostic diagnostic);
  const Diagnostic& diagnostic() const { return diagnostic_; }

 private:
  Diagnostic diagnostic_;
};

// A located error at a byte offset of a template's (normalized) source. `path` is the file
// as the user knows it.
TemplateError error_at(std::string_view path, std::string_view source, uint32_t offset, std::string message);

// Internal: thrown by the lexer and parser, which know offsets but not the file.
struct SyntaxError {
  uint32_t offset;
  std::string message;
};

// 'text' in single quotes, for messages.
std::string quoted(std::string_view text);

// "3:1", for messages that point at another place in the same file.
std::string line_col_string(std::string_view source, uint32_t offset);

}  // namespace bengal::tmpl
