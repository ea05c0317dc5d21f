#include "format/depfile.h"

namespace bengal {

std::string make_depfile(const std::string& target, const std::set<std::string>& deps) {
  auto escape = [](const std::string& path) {
    std::string out;
    for (char c : path) {
      if (c == ' ' || c == '#' || c == '\\') out += '\\';
      if (c == '$') out += '$';
      out += c;
    }
    return out;
  };
  std::string out = escape(target) + ":";
  for (const std::string& d : deps) out += " \\\n  " + escape(d);
  return out + "\n";
}

}  // namespace bengal
