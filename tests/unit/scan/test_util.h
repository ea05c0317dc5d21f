#pragma once
// Helpers shared by the scan tests.
#include <string>
#include <vector>

#include "model/page.h"
#include "support/diagnostics.h"

namespace bengal::testing {

// Every diagnostic as the tool prints it.
inline std::vector<std::string> formatted(const Diagnostics& diags) {
  std::vector<std::string> out;
  for (const Diagnostic& d : diags.items()) out.push_back(format_diagnostic(d, "bengal-scan"));
  return out;
}

// "line:col" of a key, or "missing".
inline std::string pos_of(const FrontMatter& front, const std::string& key) {
  auto it = front.positions.find(key);
  if (it == front.positions.end()) return "missing";
  return std::to_string(it->second.line) + ":" + std::to_string(it->second.col);
}

}  // namespace bengal::testing
