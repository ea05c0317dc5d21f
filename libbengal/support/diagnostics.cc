#include "support/diagnostics.h"

namespace bengal {

void Diagnostics::error(SourceLoc loc, std::string message) {
  items_.push_back({Severity::kError, std::move(loc), std::move(message)});
  ++errors_;
}

void Diagnostics::warning(SourceLoc loc, std::string message) {
  items_.push_back({Severity::kWarning, std::move(loc), std::move(message)});
}

void Diagnostics::note(SourceLoc loc, std::string message) {
  items_.push_back({Severity::kNote, std::move(loc), std::move(message)});
}

void Diagnostics::add(Diagnostic d) {
  if (d.severity == Severity::kError) ++errors_;
  items_.push_back(std::move(d));
}

void Diagnostics::append(const Diagnostics& other) {
  for (const Diagnostic& d : other.items_) {
    items_.push_back(d);
    if (d.severity == Severity::kError) ++errors_;
  }
}

static const char* severity_name(Severity s) {
  switch (s) {
    case Severity::kError: return "error";
    case Severity::kWarning: return "warning";
    case Severity::kNote: return "note";
  }
  return "error";
}

std::string format_diagnostic(const Diagnostic& d, std::string_view tool) {
  std::string out;
  if (d.loc.file.empty()) {
    out.append(tool);
  } else {
    out.append(d.loc.file);
    if (d.loc.line > 0) {
      out += ':' + std::to_string(d.loc.line);
      if (d.loc.col > 0) out += ':' + std::to_string(d.loc.col);
    }
  }
  out += ": ";
  out += severity_name(d.severity);
  out += ": ";
  out += d.message;
  return out;
}

}  // namespace bengal
