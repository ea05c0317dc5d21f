#include "support/paths.h"

#include <vector>

namespace bengal {

std::optional<std::string> normalize_relative(std::string_view path) {
  if (!path.empty() && path[0] == '/') return std::nullopt;
  std::string out;  // built in place: ".." cuts back to the last '/'
  out.reserve(path.size());
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    std::string_view part = path.substr(start, slash - start);
    if (part == "..") {
      if (out.empty()) return std::nullopt;
      size_t cut = out.rfind('/');
      out.resize(cut == std::string::npos ? 0 : cut);
    } else if (!part.empty() && part != ".") {
      if (!out.empty()) out += '/';
      out.append(part);
    }
    start = slash + 1;
  }
  return out;
}

std::optional<std::string> resolve_relative(std::string_view base_dir, std::string_view rel) {
  if (!rel.empty() && rel[0] == '/') return normalize_relative(rel.substr(1));
  return normalize_relative(join_path(base_dir, rel));
}

std::string dirname(std::string_view path) {
  size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? std::string() : std::string(path.substr(0, slash));
}

std::string basename(std::string_view path) {
  size_t slash = path.rfind('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

std::string strip_extension(std::string_view path) {
  size_t dot = path.rfind('.');
  size_t slash = path.rfind('/');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return std::string(path);
  return std::string(path.substr(0, dot));
}

std::string join_path(std::string_view a, std::string_view b) {
  if (a.empty()) return std::string(b);
  if (b.empty()) return std::string(a);
  std::string out(a);
  if (out.back() != '/') out += '/';
  out.append(b);
  return out;
}

}  // namespace bengal
