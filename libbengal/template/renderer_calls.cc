// Macros, {% call %}, recursive loops, imports and template loading.
#include <algorithm>
#include <span>

#include "support/text.h"
#include "template/error.h"
#include "template/objects.h"
#include "template/renderer.h"

namespace bengal::tmpl {

void Renderer::exec_macro(const MacroStmt* s) {
  // The closure is the scope the macro is defined in; at the top level that is the unit's
  // root scope, which lives for the whole render, so imported macros stay valid.
  auto macro = std::make_shared<MacroObject>(*this, s->signature, s->body, *tpl_, scope_);
  scope_->set(s->signature.name, Value(std::move(macro)));
}

void Renderer::exec_call_block(const CallBlockStmt* s) {
  auto caller = std::make_shared<MacroObject>(*this, s->signature, s->body, *tpl_, scope_);
  ArgValues args;
  eval_args(s->call->args, args);
  args.add("caller", Value(std::move(caller)));
  write(call_value(eval(s->call->callee), args.args(), s->call->callee));
}

Value Renderer::invoke_macro(const MacroObject& macro, const Args& args) {
  std::string output;
  run_macro(macro, args, output);
  return markup_if_autoescape(std::move(output));
}

// {{ macro(...) }}: the macro writes straight into the output, where printing the string
// invoke_macro returns would copy it (the string is safe, or autoescape is off: printed as is).
bool Renderer::print_macro_call(const CallExpr* e) {
  if (e->callee->kind != ExprKind::kName) return false;
  const Value* callee = find_place(e->callee);
  auto* macro = callee && callee->is_object() ? dynamic_cast<const MacroObject*>(&callee->as_object()) : nullptr;
  if (!macro || !macro->belongs_to(*this)) return false;
  Value keep_alive = *callee;  // the arguments may rebind the name `callee` points into
  ArgValues args;
  try {
    eval_args(e->args, args);
    run_macro(*macro, args.args(), *out_);
  } catch (const EvalError& err) {
    fail(e->offset, err.what());
  }
  return true;
}

void Renderer::run_macro(const MacroObject& macro, const Args& args, std::string& out) {
  const MacroSignature& sig = macro.signature();
  const std::string& name = *sig.name;
  if (args.size() > sig.params.size() && !sig.uses_varargs) {
    throw EvalError("macro '" + name + "' takes not more than " + std::to_string(sig.params.size()) + " argument(s)");
  }
  if (++depth_ > kMaxDepth) throw EvalError("macro '" + name + "' recurses too deeply");
  Scope scope;
  scope.parent = macro.closure();
  Scope* saved_scope = scope_;
  const CompiledTemplate* saved_tpl = tpl_;
  scope_ = &scope;
  tpl_ = &macro.tpl();
  std::vector<bool> used(args.keywords().size(), false);
  for (size_t i = 0; i < sig.params.size(); ++i) {
    const MacroParam& param = sig.params[i];
    const Value* given = i < args.size() ? &args[i] : nullptr;
    for (size_t k = 0; !given && k < args.keywords().size(); ++k) {
      if (args.keywords()[k].name == *param.name) {
        given = &args.keywords()[k].value;
        used[k] = true;
      }
    }
    scope.set(param.name, given ? *given : param.default_value ? eval(param.default_value) : Value::undefined(param.name));
  }
  Map extra_keywords;
  for (size_t k = 0; k < args.keywords().size(); ++k) {
    if (used[k]) continue;
    const Keyword& kw = args.keywords()[k];
    if (kw.name == "caller" && sig.uses_caller) {
      scope.set(registry_.caller_name, kw.value);
    } else if (sig.uses_kwargs) {
      extra_keywords.set(std::string(kw.name), kw.value);
    } else {
      scope_ = saved_scope;
      tpl_ = saved_tpl;
      --depth_;
      throw EvalError("macro '" + name + "' takes no keyword argument '" + std::string(kw.name) + "'");
    }
  }
  if (sig.uses_caller && !scope.find(registry_.caller_name)) {
    scope.set(registry_.caller_name, Value::undefined(registry_.caller_name));
  }
  if (sig.uses_kwargs) scope.set(registry_.kwargs_name, Value(std::move(extra_keywords)));
  if (sig.uses_varargs) {
    std::vector<Value> rest;
    for (size_t i = sig.params.size(); i < args.size(); ++i) rest.push_back(args[i]);
    scope.set(registry_.varargs_name, Value::tuple(std::move(rest)));
  }
  std::string* saved_out = out_;
  out_ = &out;
  exec(macro.body());
  out_ = saved_out;
  scope_ = saved_scope;
  tpl_ = saved_tpl;
  --depth_;
}

Value Renderer::render_loop_again(LoopObject& loop, const Value& iterable) {
  std::string buffer;
  std::string* saved_out = out_;
  Scope* saved_scope = scope_;
  out_ = &buffer;
  run_loop(&loop.stmt(), loop.outer(), iterable, loop.depth0() + 1);
  out_ = saved_out;
  scope_ = saved_scope;
  return markup_if_autoescape(std::move(buffer));
}

// ---- imports ----

// Runs a template as a module and returns its exports: top-level macros and variables whose
// names do not start with '_'. Modules imported without context are rendered once per render.
Value Renderer::import_module(const Expr* name_expr, bool with_context) {
  if (depth_ >= kMaxDepth) fail(name_expr->offset, "imports nest too deeply (does a template import itself?)");
  const CompiledTemplate* tpl = load(eval(name_expr), name_expr->offset, false);
  if (!with_context) {
    auto cached = modules_.find(tpl);
    if (cached != modules_.end()) return cached->second;
  }
  Scope& module_scope = owned_scopes_.emplace_back();
  if (with_context) module_scope.parent = scope_;
  std::string ignored;
  run_unit(tpl, &module_scope, ignored);
  Map exports;
  for (const auto& [name, value] : module_scope.vars) {
    if (name->front() != '_') exports.set(*name, value);
  }
  Value module(std::move(exports));
  if (!with_context) modules_.emplace(tpl, module);
  return module;
}

void Renderer::exec_import(const ImportStmt* s) { scope_->set(s->alias, import_module(s->name, s->with_context)); }

void Renderer::exec_from_import(const FromImportStmt* s) {
  Value module = import_module(s->name, s->with_context);
  for (const auto& [name, alias] : s->names) {
    const Value* value = module.as_map().find(*name);
    if (!value && options_.strict_undefined) {
      fail(s->offset, "the imported template does not export '" + *name + "'");
    }
    scope_->set(alias, value ? *value : Value::undefined(name));
  }
}

// Loads a template named by a value (a name, or a list of names where the first that exists
// wins). Returns null only when ignore_missing.
const CompiledTemplate* Renderer::load(const Value& name, uint32_t offset, bool ignore_missing) {
  std::span<const Value> candidates = name.is_list() ? std::span<const Value>(name.as_list().items) : std::span(&name, 1);
  for (const Value& candidate : candidates) {
    if (!candidate.is_string()) fail(offset, "a template name must be a string, not " + std::string(candidate.type_name()));
    std::shared_ptr<const Template> tpl = env_.find_template(candidate.as_string());
    if (!tpl) continue;
    note_used(tpl->path());
    return &tpl->compiled();  // the environment's cache keeps it alive
  }
  if (ignore_missing) return nullptr;
  std::string wanted = candidates.size() == 1 ? candidates[0].as_string() : name.str();
  std::string message = "template '" + wanted + "' not found";
  std::string where = env_.loader().describe();
  if (!where.empty()) message += " in " + where;
  if (candidates.size() == 1) message += did_you_mean(wanted, env_.loader().list_templates());
  fail(offset, message);
}

}  // namespace bengal::tmpl
