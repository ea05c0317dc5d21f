#include "format/ninja_dyndep.h"

namespace bengal {

std::string ninja_escape_path(std::string_view path) {
  std::string out;
  out.reserve(path.size());
  for (char c : path) {
    if (c == '$' || c == ' ' || c == ':' || c == '\n') out += '$';
    out += c;
  }
  return out;
}

std::string ninja_dyndep(const std::string& target, const std::vector<std::string>& outputs) {
  std::string out = "ninja_dyndep_version = 1\nbuild " + ninja_escape_path(target);
  if (!outputs.empty()) out += " |";
  for (const std::string& o : outputs) {
    out += ' ';
    out += ninja_escape_path(o);
  }
  out += ": dyndep\n  restat = 1\n";
  return out;
}

}  // namespace bengal
