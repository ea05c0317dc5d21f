#pragma once
// Where template sources come from. An Environment asks its Loader for a template by name
// ("partials/nav.html") and parses what it gets once.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bengal::tmpl {

struct TemplateSource {
  std::string text;
  std::string path;  // the file as the user knows it, for messages and depfiles
};

class Loader {
 public:
  virtual ~Loader() = default;
  // The source of template `name`, or nullopt when there is none. Throws Failure for I/O
  // errors other than "not found".
  virtual std::optional<TemplateSource> get_source(std::string_view name) const = 0;
  // Every template name, for "did you mean" suggestions; may be empty.
  virtual std::vector<std::string> list_templates() const { return {}; }
  // Where templates are looked for, for "not found" messages ("templates/, themes/x/").
  virtual std::string describe() const { return ""; }
};

// Looks in an ordered list of folders; the first folder holding the name wins (site
// templates, then the theme, then the built-in ones). Names are '/'-separated and may not
// climb out of their folder.
class FileSystemLoader : public Loader {
 public:
  explicit FileSystemLoader(std::vector<std::string> folders) : folders_(std::move(folders)) {}
  std::optional<TemplateSource> get_source(std::string_view name) const override;
  std::vector<std::string> list_templates() const override;
  std::string describe() const override;

 private:
  std::vector<std::string> folders_;
};

// Templates held in memory, by name: for tests and for sources the host builds itself.
class MemoryLoader : public Loader {
 public:
  MemoryLoader() = default;
  explicit MemoryLoader(const std::map<std::string, std::string>& templates)
      : templates_(templates.begin(), templates.end()) {}
  void add(std::string name, std::string source) { templates_[std::move(name)] = std::move(source); }
  std::optional<TemplateSource> get_source(std::string_view name) const override;
  std::vector<std::string> list_templates() const override;

 private:
  std::map<std::string, std::string, std::less<>> templates_;
};

}  // namespace bengal::tmpl
