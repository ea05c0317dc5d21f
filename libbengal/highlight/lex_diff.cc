// Unified and context diffs: each line's first character gives its class.
#include "highlight/lexers.h"

namespace bengal::highlight {
namespace {

Tok diff_line_class(std::string_view line) {
  switch (line.empty() ? '\0' : line[0]) {
    case '+': return Tok::kGenericInserted;
    case '-': return Tok::kGenericDeleted;
    case '!': return Tok::kGenericStrong;
    case '@': return Tok::kGenericSubheading;
    case '=': return Tok::kGenericHeading;
    default:
      if (line.substr(0, 4) == "diff" || line.substr(0, 5) == "Index" || line.substr(0, 5) == "index") {
        return Tok::kGenericHeading;
      }
      return Tok::kText;
  }
}

}  // namespace

void lex_diff(Scanner& s) {
  while (!s.done()) {
    std::string_view rest = s.rest();
    s.skip_line();
    s.emit(diff_line_class(rest.substr(0, s.pos() - s.pending_start())));
    s.advance();
    s.emit(Tok::kText);
  }
}

}  // namespace bengal::highlight
