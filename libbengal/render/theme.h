#pragma once
// Templates and layout lookup. Templates are looked up in the site's templates/ folder, then
// the theme's, then the built-in default theme compiled into the tools; the first one found
// wins, so a site overrides any theme file by writing one of the same name.
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "model/assets.h"
#include "model/page.h"
#include "model/site.h"
#include "support/diagnostics.h"
#include "template/environment.h"

namespace bengal {

struct ThemeOptions {
  std::vector<std::string> folders = {"templates"};  // searched before the built-in theme
  bool strict = false;  // an undefined variable is an error
  std::string base_path = "/";  // for url_for and asset_url
  std::map<std::string, PageRef> refs;  // ref("path") answers, from the site file
  // With [assets] fingerprint: asset_url("css/site.css") answers the hashed name of an asset
  // in this map ("/css/site.3f9a….css"); other paths are answered as they are.
  std::shared_ptr<const AssetMap> assets;
};

// The template names tried for a page, most specific first (Hugo's order, Bengal's names):
//   front matter layout:  <layout>.html
//   page:     <top section>/page.html, page.html
//   section:  <top section>/section.html, section.html, list.html
//   home:     home.html, section.html, list.html
std::vector<std::string> layout_candidates(const std::string& kind, const std::string& section,
                                           const std::string& layout);

class Theme {
 public:
  explicit Theme(const ThemeOptions& options);

  // The template for a page. Throws a located TemplateError when none of the candidates
  // exists or the first one found does not parse.
  std::shared_ptr<const tmpl::Template> layout_for(const std::string& kind, const std::string& section,
                                                   const std::string& layout, const SourceLoc& where);
  tmpl::Environment& environment() { return *env_; }

 private:
  std::unique_ptr<tmpl::Environment> env_;
};

// The built-in default theme's files, by name ("base.html", "partials/toc.html"); their
// paths start with kBuiltinPrefix.
inline constexpr const char* kBuiltinPrefix = "(built-in theme)/";
std::shared_ptr<tmpl::Loader> builtin_theme_loader();

}  // namespace bengal
