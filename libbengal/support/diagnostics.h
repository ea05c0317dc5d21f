#pragma once
// Located diagnostics. Problems in the user's files are collected here as
// "path:line:col: error: message" and reported by the tool; the library never prints.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace bengal {

struct SourceLoc {
  std::string file;  // path as the user knows it, relative to the site root
  uint32_t line = 0;  // 1-based; 0 when unknown
  uint32_t col = 0;   // 1-based, in bytes; 0 when unknown
};

enum class Severity { kError, kWarning, kNote };

struct Diagnostic {
  Severity severity = Severity::kError;
  SourceLoc loc;
  std::string message;
};

class Diagnostics {
 public:
  void error(SourceLoc loc, std::string message);
  void warning(SourceLoc loc, std::string message);
  void note(SourceLoc loc, std::string message);
  void add(Diagnostic d);

  bool has_errors() const { return errors_ > 0; }
  size_t error_count() const { return errors_; }
  const std::vector<Diagnostic>& items() const { return items_; }
  void append(const Diagnostics& other);

 private:
  std::vector<Diagnostic> items_;
  size_t errors_ = 0;
};

// "file:line:col: error: message" (dropping what is unknown), or "tool: error: message" when
// the diagnostic has no file.
std::string format_diagnostic(const Diagnostic& d, std::string_view tool);

}  // namespace bengal
