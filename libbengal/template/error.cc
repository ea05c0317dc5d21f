#include "template/error.h"

#include "support/text.h"

namespace bengal::tmpl {

TemplateError::TemplateError(Diagnostic diagnostic)
    : Failure(kExitContentError, format_diagnostic(diagnostic, "bengal")), diagnostic_(std::move(diagnostic)) {}

TemplateError error_at(std::string_view path, std::string_view source, uint32_t offset, std::string message) {
  LineCol lc = line_col_at(source, offset);
  return TemplateError(Diagnostic{Severity::kError, SourceLoc{std::string(path), lc.line, lc.col}, std::move(message)});
}

std::string quoted(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  out += '\'';
  out += text;
  out += '\'';
  return out;
}

std::string line_col_string(std::string_view source, uint32_t offset) {
  LineCol lc = line_col_at(source, offset);
  return std::to_string(lc.line) + ":" + std::to_string(lc.col);
}

}  // namespace bengal::tmpl
