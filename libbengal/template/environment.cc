#include "template/environment.h"

#include "support/text.h"
#include "template/ast.h"
#include "template/error.h"
#include "template/parser.h"
#include "template/registry.h"
#include "template/renderer.h"

namespace bengal::tmpl {

Template::Template(Environment& env, std::unique_ptr<CompiledTemplate> compiled)
    : env_(env), compiled_(std::move(compiled)) {}
Template::~Template() = default;

const std::string& Template::name() const { return compiled_->name; }
const std::string& Template::path() const { return compiled_->path; }

std::string Template::render(const Value& context, RenderInfo* info) const {
  std::string out;
  render_to(out, context, info);
  return out;
}

void Template::render_to(std::string& out, const Value& context, RenderInfo* info) const {
  Renderer renderer(env_, context, info);
  renderer.render(*this, out);
}

Environment::Environment(std::shared_ptr<const Loader> loader, Options options)
    : loader_(std::move(loader)), options_(options), registry_(std::make_unique<Registry>()) {
  register_builtin_filters(*registry_);
  register_builtin_tests(*registry_);
  register_builtin_globals(*registry_);
}

Environment::~Environment() = default;

void Environment::add_filter(std::string name, Filter filter) { registry_->filters[std::move(name)] = std::move(filter); }
void Environment::add_test(std::string name, Test test) { registry_->tests[std::move(name)] = std::move(test); }
void Environment::add_global(std::string name, Value value) { registry_->globals[std::move(name)] = std::move(value); }

std::shared_ptr<const Template> Environment::parse(std::string name, std::string path, std::string_view source) {
  LexOptions lex{options_.trim_blocks, options_.lstrip_blocks};
  auto compiled = parse_template(std::move(name), std::move(path), source, lex, options_.keep_trailing_newline, *registry_);
  return std::make_shared<const Template>(*this, std::move(compiled));
}

std::shared_ptr<const Template> Environment::find_template(std::string_view name) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = cache_.find(name);
  if (it != cache_.end()) return it->second;
  std::optional<TemplateSource> source = loader_->get_source(name);
  if (!source) return nullptr;
  auto tpl = parse(std::string(name), std::move(source->path), source->text);
  cache_.emplace(std::string(name), tpl);
  return tpl;
}

std::shared_ptr<const Template> Environment::get_template(std::string_view name) {
  if (auto tpl = find_template(name)) return tpl;
  std::string message = "template '" + std::string(name) + "' not found";
  std::string where = loader_->describe();
  if (!where.empty()) message += " in " + where;
  message += did_you_mean(name, loader_->list_templates());
  throw TemplateError(Diagnostic{Severity::kError, SourceLoc{}, message});
}

std::shared_ptr<const Template> Environment::from_string(std::string_view source, std::string name) {
  std::string path = name;
  return parse(std::move(name), std::move(path), source);
}

std::string Environment::render(std::string_view name, const Value& context, RenderInfo* info) {
  return get_template(name)->render(context, info);
}

}  // namespace bengal::tmpl
