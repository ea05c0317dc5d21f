#include "parse/urls.h"

#include "support/paths.h"
#include "support/text.h"

namespace bengal {
namespace {

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// RFC 3986: ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"
bool has_scheme(std::string_view url) {
  if (url.empty() || !is_alpha(url[0])) return false;
  for (size_t i = 1; i < url.size(); ++i) {
    char c = url[i];
    if (c == ':') return true;
    if (!is_alpha(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') return false;
  }
  return false;
}

// The path part: everything before '?' or '#'.
std::string_view path_part(std::string_view url) { return url.substr(0, url.find_first_of("?#")); }

// Pages are the files named *.md (lower case), everywhere in Bengal: ninja-gen builds them
// and bengal-link resolves them; a "X.MD" file is a resource like any other.
bool ends_with_md(std::string_view path) { return path.size() >= 3 && path.substr(path.size() - 3) == ".md"; }

}  // namespace

UrlKind classify_url(std::string_view url) {
  if ((!url.empty() && url[0] == '/') || has_scheme(url)) return UrlKind::kExternal;
  std::string_view path = path_part(url);
  if (path.empty()) return UrlKind::kLocal;
  return ends_with_md(path) ? UrlKind::kPage : UrlKind::kResource;
}

std::optional<std::string> resource_site_url(std::string_view url, std::string_view page_dir,
                                             std::string_view base_path) {
  std::string_view path = path_part(url);
  std::optional<std::string> resolved = resolve_relative(page_dir, path);
  if (!resolved) return std::nullopt;
  std::string out(base_path);
  if (out.empty() || out.back() != '/') out += '/';
  out += *resolved;
  bool names_folder = path.back() == '/' || path == "." || path == ".." || ends_with(path, "/.") ||
                      ends_with(path, "/..");
  if (names_folder && !resolved->empty()) out += '/';
  out += url.substr(path.size());  // query and fragment
  return out;
}

}  // namespace bengal
