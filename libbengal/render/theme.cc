#include "render/theme.h"

#include <string_view>
#include <utility>

#include "support/paths.h"
#include "support/text.h"
#include "template/error.h"

namespace bengal {

// Generated from themes/default/templates by cmake/embed_files.cmake.
extern const std::pair<std::string_view, std::string_view> kDefaultTheme[];
extern const size_t kDefaultTheme_count;

namespace {

// Asks each loader in turn; the first that has the name wins.
class ChainLoader : public tmpl::Loader {
 public:
  explicit ChainLoader(std::vector<std::shared_ptr<tmpl::Loader>> loaders) : loaders_(std::move(loaders)) {}

  std::optional<tmpl::TemplateSource> get_source(std::string_view name) const override {
    for (const auto& l : loaders_)
      if (auto source = l->get_source(name)) return source;
    return std::nullopt;
  }
  std::vector<std::string> list_templates() const override {
    std::vector<std::string> all;
    for (const auto& l : loaders_)
      for (std::string& name : l->list_templates()) all.push_back(std::move(name));
    return all;
  }
  std::string describe() const override {
    std::string out;
    for (const auto& l : loaders_) {
      std::string d = l->describe();
      if (d.empty()) continue;
      if (!out.empty()) out += ", ";
      out += d;
    }
    return out.empty() ? "the built-in theme" : out + " and the built-in theme";
  }

 private:
  std::vector<std::shared_ptr<tmpl::Loader>> loaders_;
};

std::string top_section(const std::string& section) {
  size_t slash = section.find('/');
  return slash == std::string::npos ? section : section.substr(0, slash);
}

tmpl::Value path_function(const char* name, std::string base_path) {
  return tmpl::Value::function(name, [base_path](const tmpl::Args& args) {
    const tmpl::Value* path = args.find(0, "path");
    std::string p = path ? path->str() : std::string();
    while (!p.empty() && p[0] == '/') p.erase(p.begin());
    return tmpl::Value(base_path + percent_encode_url(p));
  });
}

tmpl::Value asset_url_function(std::string base_path, std::shared_ptr<const AssetMap> assets) {
  if (!assets) return path_function("asset_url", std::move(base_path));
  return tmpl::Value::function("asset_url", [base_path, assets](const tmpl::Args& args) {
    const tmpl::Value* path = args.find(0, "path");
    std::string p = path ? path->str() : std::string();
    while (!p.empty() && p[0] == '/') p.erase(p.begin());
    if (const AssetEntry* e = assets->find(p)) p = fingerprinted_name(e->path, e->hash);
    return tmpl::Value(base_path + percent_encode_url(p));
  });
}

// The default theme compiled into the tools. Its paths start with kBuiltinPrefix, so messages
// say where a template came from and depfiles can leave these out (they are part of the binary).
class BuiltinLoader : public tmpl::Loader {
 public:
  std::optional<tmpl::TemplateSource> get_source(std::string_view name) const override {
    for (size_t i = 0; i < kDefaultTheme_count; ++i)
      if (kDefaultTheme[i].first == name)
        return tmpl::TemplateSource{std::string(kDefaultTheme[i].second), kBuiltinPrefix + std::string(name)};
    return std::nullopt;
  }
  std::vector<std::string> list_templates() const override {
    std::vector<std::string> names;
    for (size_t i = 0; i < kDefaultTheme_count; ++i) names.emplace_back(kDefaultTheme[i].first);
    return names;
  }
};

}  // namespace

std::shared_ptr<tmpl::Loader> builtin_theme_loader() { return std::make_shared<BuiltinLoader>(); }

std::vector<std::string> layout_candidates(const std::string& kind, const std::string& section,
                                           const std::string& layout) {
  std::vector<std::string> names;
  if (!layout.empty()) names.push_back(layout + ".html");
  std::string top = top_section(section);
  if (kind == kKindHome) {
    names.insert(names.end(), {"home.html", "section.html", "list.html"});
  } else if (kind == kKindSection) {
    if (!top.empty()) names.push_back(top + "/section.html");
    names.insert(names.end(), {"section.html", "list.html"});
  } else if (kind == kKind404) {
    names.push_back("404.html");
  } else if (kind == kKindTaxonomy || kind == kKindTerm) {
    names.insert(names.end(), {std::string(kind) + ".html", "list.html"});
  } else {
    if (!top.empty()) names.push_back(top + "/page.html");
    names.push_back("page.html");
  }
  return names;
}

Theme::Theme(const ThemeOptions& options) {
  std::vector<std::shared_ptr<tmpl::Loader>> loaders;
  for (const std::string& folder : options.folders)
    loaders.push_back(std::make_shared<tmpl::FileSystemLoader>(std::vector<std::string>{folder}));
  loaders.push_back(builtin_theme_loader());
  tmpl::Options o;
  o.strict_undefined = options.strict;
  o.keep_trailing_newline = true;  // a page's last line ends with a newline, as text files do
  env_ = std::make_unique<tmpl::Environment>(std::make_shared<ChainLoader>(std::move(loaders)), o);
  env_->add_global("url_for", path_function("url_for", options.base_path));
  env_->add_global("asset_url", asset_url_function(options.base_path, options.assets));
  env_->add_global("ref", tmpl::Value::function("ref", [refs = options.refs](const tmpl::Args& args) {
    const tmpl::Value* path = args.find(0, "path");
    std::string p = path ? path->str() : std::string();
    auto it = refs.find(p);
    if (it == refs.end())
      throw tmpl::EvalError("ref('" + p + "') was not resolved by bengal-link: ref() takes a literal page path "
                            "written in a template of the site, so the link step can check it");
    return tmpl::Value(it->second.url);
  }));
}

std::shared_ptr<const tmpl::Template> Theme::layout_for(const std::string& kind, const std::string& section,
                                                        const std::string& layout, const SourceLoc& where) {
  std::vector<std::string> names = layout_candidates(kind, section, layout);
  if (!layout.empty() && !env_->find_template(names.front())) {
    std::vector<std::string> known;
    for (const std::string& n : env_->loader().list_templates())
      if (ends_with(n, ".html")) known.push_back(n.substr(0, n.size() - 5));
    throw tmpl::TemplateError(Diagnostic{Severity::kError, where,
                                         "no template '" + names.front() + "' for layout '" + layout + "'" +
                                             did_you_mean(layout, known)});
  }
  for (const std::string& name : names)
    if (auto t = env_->find_template(name)) return t;
  std::string tried;
  for (const std::string& n : names) tried += (tried.empty() ? "" : ", ") + n;
  throw tmpl::TemplateError(Diagnostic{Severity::kError, where,
                                       "no template for this page (tried " + tried + " in " +
                                           env_->loader().describe() + ")"});
}

}  // namespace bengal
