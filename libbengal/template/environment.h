#pragma once
// Bengal's Jinja2-compatible template engine: the entry point.
//
//   auto loader = std::make_shared<tmpl::FileSystemLoader>(
//       std::vector<std::string>{"templates", "themes/docs/templates"});
//   tmpl::Environment env(loader);
//   tmpl::RenderInfo info;
//   std::string html = env.get_template("page.html")->render(context, &info);
//   // info.templates_used lists every file the render read, for the depfile
//
// A template is parsed once per Environment into a tree (see ast.h) and rendered any number
// of times. Errors are TemplateErrors (a Failure with kExitContentError) whose message is
// "templates/page.html:12:8: error: ...". The language is Jinja2's; the differences are
// listed in tests/template_diff/README.md. Bengal adds one filter, `date`.
//
// Thread safety: configure (add_filter/add_test/add_global) before the first parse; after
// that get_template and render may be called from several threads. Templates point back at
// their Environment: keep it alive while they are used.
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "template/filters.h"
#include "template/loader.h"
#include "template/value.h"

namespace bengal::tmpl {

struct CompiledTemplate;
struct Registry;
class Environment;

struct Options {
  bool autoescape = true;       // HTML-escape every printed value that is not marked safe
  bool trim_blocks = true;      // drop the first newline after a block tag
  bool lstrip_blocks = true;    // drop the indentation before a block tag on its own line
  bool keep_trailing_newline = false;  // Jinja drops one final newline of each template
  bool strict_undefined = false;       // using an undefined variable or attribute is an error
};

// What a render touched, for depfiles.
struct RenderInfo {
  std::vector<std::string> templates_used;  // file paths, in the order first used, no repeats
};

class Template {
 public:
  Template(Environment& env, std::unique_ptr<CompiledTemplate> compiled);
  ~Template();

  const std::string& name() const;
  const std::string& path() const;
  // Renders with `context` (a map, or a host Object) as the template's variables; throws
  // TemplateError. render_to appends to `out`, so a caller can reuse one buffer.
  std::string render(const Value& context, RenderInfo* info = nullptr) const;
  void render_to(std::string& out, const Value& context, RenderInfo* info = nullptr) const;

  const CompiledTemplate& compiled() const { return *compiled_; }

 private:
  Environment& env_;
  std::unique_ptr<CompiledTemplate> compiled_;
};

class Environment {
 public:
  explicit Environment(std::shared_ptr<const Loader> loader, Options options = {});
  ~Environment();
  Environment(const Environment&) = delete;
  Environment& operator=(const Environment&) = delete;

  const Options& options() const { return options_; }
  const Loader& loader() const { return *loader_; }

  // Extensions; add them before parsing templates that use them (unknown names are parse
  // errors). A global may be any value, including Value::function(...).
  void add_filter(std::string name, Filter filter);
  void add_test(std::string name, Test test);
  void add_global(std::string name, Value value);

  // The parsed template, from the cache or the loader. Throws TemplateError when it does not
  // exist or does not parse.
  std::shared_ptr<const Template> get_template(std::string_view name);
  // Like get_template but returns null when the loader has no such template.
  std::shared_ptr<const Template> find_template(std::string_view name);
  // A template from a string, not cached; `name` is used in messages.
  std::shared_ptr<const Template> from_string(std::string_view source, std::string name = "<string>");

  std::string render(std::string_view name, const Value& context, RenderInfo* info = nullptr);

  Registry& registry() { return *registry_; }
  const Registry& registry() const { return *registry_; }

 private:
  std::shared_ptr<const Template> parse(std::string name, std::string path, std::string_view source);

  std::shared_ptr<const Loader> loader_;
  Options options_;
  std::unique_ptr<Registry> registry_;
  // Hashes string_view too, so a lookup by name (every {% include %}) allocates no key.
  struct NameHash {
    using is_transparent = void;
    size_t operator()(std::string_view name) const { return std::hash<std::string_view>{}(name); }
  };
  std::mutex mutex_;
  std::unordered_map<std::string, std::shared_ptr<const Template>, NameHash, std::equal_to<>> cache_;
};

}  // namespace bengal::tmpl
