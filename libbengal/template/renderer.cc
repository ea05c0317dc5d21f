// Statements: output, control flow, assignment, inheritance and includes.
#include "template/renderer.h"

#include <algorithm>

#include "template/error.h"
#include "template/escape.h"
#include "template/objects.h"
#include "template/pyformat.h"

namespace bengal::tmpl {

Renderer::Renderer(Environment& env, const Value& context, RenderInfo* info)
    : env_(env),
      registry_(env.registry()),
      options_(env.options()),
      context_(context),
      info_(info),
      autoescape_(env.options().autoescape) {}

void Renderer::render(const Template& tpl, std::string& out) {
  note_used(tpl.path());
  Scope& root = owned_scopes_.emplace_back();
  root.context = &context_;
  run_unit(&tpl.compiled(), &root, out);
}

// Runs a template and then each template it extends, in the same root scope: a child's
// top-level {% set %} is visible to its parent, and blocks resolve along the chain.
void Renderer::run_unit(const CompiledTemplate* tpl, Scope* root, std::string& out) {
  ++depth_;
  Unit unit;
  unit.chain.push_back(tpl);
  unit.root = root;
  Unit* saved_unit = unit_;
  Scope* saved_scope = scope_;
  const CompiledTemplate* saved_tpl = tpl_;
  std::string* saved_out = out_;
  unit_ = &unit;
  for (size_t i = 0; i < unit.chain.size(); ++i) {
    unit.extended = false;
    out_ = &out;
    tpl_ = unit.chain[i];
    scope_ = root;
    exec(tpl_->body);
  }
  discard_.clear();
  unit_ = saved_unit;
  scope_ = saved_scope;
  tpl_ = saved_tpl;
  out_ = saved_out;
  --depth_;
}

void Renderer::exec(const Body& body) {
  for (const Stmt* stmt : body) exec(stmt);
}

void Renderer::exec(const Stmt* stmt) {
  switch (stmt->kind) {
    case StmtKind::kText: out_->append(static_cast<const TextStmt*>(stmt)->text); return;
    case StmtKind::kPrint: exec_print(static_cast<const PrintStmt*>(stmt)); return;
    case StmtKind::kIf: exec_if(static_cast<const IfStmt*>(stmt)); return;
    case StmtKind::kFor: exec_for(static_cast<const ForStmt*>(stmt)); return;
    case StmtKind::kSet: exec_set(static_cast<const SetStmt*>(stmt)); return;
    case StmtKind::kSetBlock: exec_set_block(static_cast<const SetBlockStmt*>(stmt)); return;
    case StmtKind::kBlock: exec_block(static_cast<const BlockStmt*>(stmt)); return;
    case StmtKind::kExtends: exec_extends(static_cast<const ExtendsStmt*>(stmt)); return;
    case StmtKind::kInclude: exec_include(static_cast<const IncludeStmt*>(stmt)); return;
    case StmtKind::kImport: exec_import(static_cast<const ImportStmt*>(stmt)); return;
    case StmtKind::kFromImport: exec_from_import(static_cast<const FromImportStmt*>(stmt)); return;
    case StmtKind::kMacro: exec_macro(static_cast<const MacroStmt*>(stmt)); return;
    case StmtKind::kCallBlock: exec_call_block(static_cast<const CallBlockStmt*>(stmt)); return;
    case StmtKind::kWith: exec_with(static_cast<const WithStmt*>(stmt)); return;
    case StmtKind::kFilterBlock: exec_filter_block(static_cast<const FilterBlockStmt*>(stmt)); return;
    case StmtKind::kAutoescape: exec_autoescape(static_cast<const AutoescapeStmt*>(stmt)); return;
  }
}

// What {{ v }} writes: str(v), escaped unless it is safe or autoescape is off.
void Renderer::write(const Value& v) {
  switch (v.kind()) {
    case Kind::kUndefined: return;
    case Kind::kString:
      if (autoescape_ && !v.is_safe()) {
        append_markup_escaped(*out_, v.as_string());
      } else {
        out_->append(v.as_string());
      }
      return;
    case Kind::kInt: append_int(*out_, v.as_int()); return;
    default:
      if (autoescape_) {
        append_markup_escaped(*out_, v.str());
      } else {
        v.append_str(*out_);
      }
  }
}

void Renderer::exec_print(const PrintStmt* s) {
  if (s->expr->kind == ExprKind::kCall && print_macro_call(static_cast<const CallExpr*>(s->expr))) return;
  if (const Value* v = find_place(s->expr)) {
    write(*v);
  } else {
    write(eval(s->expr));
  }
}

// `and`, `or`, `not` and a comparison between places are decided here, without making the
// Values that eval() would return for them: conditions in loops run once per item.
bool Renderer::test(const Expr* e) {
  switch (e->kind) {
    case ExprKind::kNot: return !test(static_cast<const UnaryExpr*>(e)->operand);
    case ExprKind::kAnd: {
      auto* l = static_cast<const LogicalExpr*>(e);
      return test(l->left) && test(l->right);
    }
    case ExprKind::kOr: {
      auto* l = static_cast<const LogicalExpr*>(e);
      return test(l->left) || test(l->right);
    }
    case ExprKind::kCompare: {
      std::optional<bool> result;
      try {
        result = compare_in_place(static_cast<const CompareExpr*>(e));
      } catch (const EvalError& err) {
        fail(e->offset, err.what());
      }
      if (result) return *result;
      break;
    }
    default: break;
  }
  const Value* v = find_place(e);
  return v ? v->truthy() : eval(e).truthy();
}

void Renderer::exec_if(const IfStmt* s) {
  for (const auto& [test_expr, body] : s->branches) {
    if (test(test_expr)) {
      exec(body);
      return;
    }
  }
  exec(s->otherwise);
}

void Renderer::exec_for(const ForStmt* s) {
  if (const Value* items = find_place(s->iter)) {
    run_loop(s, scope_, *items, 0);
  } else {
    run_loop(s, scope_, eval(s->iter), 0);
  }
}

void Renderer::run_loop(const ForStmt* s, Scope* outer, const Value& iterable, int depth0) {
  if (options_.strict_undefined && iterable.is_undefined()) fail_undefined(s->iter->offset, iterable);
  Value items;
  try {
    items = iterable.is_list() ? iterable : Value::list(iterate(iterable));
  } catch (const EvalError& e) {
    fail(s->iter->offset, e.what());
  }
  Scope scope;
  scope.parent = outer;
  Scope* saved = scope_;
  scope_ = &scope;
  if (s->filter) {  // {% for x in xs if cond %}: filter first, so loop.length counts the kept
    std::vector<Value> kept;
    for (const Value& item : items.as_list().items) {
      assign(s->target, item);
      if (test(s->filter)) kept.push_back(item);
    }
    items = Value::list(std::move(kept));
    scope.vars.clear();
  }
  const std::vector<Value>& list = items.as_list().items;
  if (list.empty()) {
    scope_ = saved;
    exec(s->otherwise);
    return;
  }
  std::shared_ptr<LoopObject> loop;
  if (s->uses_loop) {
    loop = std::make_shared<LoopObject>(*this, *s, outer, items, depth0);
    scope.set(registry_.loop_name, Value(loop));
  }
  size_t fixed = scope.vars.size();
  for (size_t i = 0; i < list.size(); ++i) {
    scope.vars.resize(fixed);  // a {% set %} in the body lasts one iteration
    if (loop) loop->index0 = i;
    assign(s->target, list[i]);
    exec(s->body);
  }
  scope_ = saved;
}

void Renderer::assign(const Target& target, Value value) {
  switch (target.kind) {
    case Target::Kind::kName: scope_->set(target.name, std::move(value)); return;
    case Target::Kind::kAttr: {
      Value ns = lookup(target.name);
      if (!ns.is_object() || !ns.as_object().set_attr(*target.attr, std::move(value))) {
        fail(target.offset, "cannot assign attribute on non-namespace object '" + *target.name + "'");
      }
      return;
    }
    case Target::Kind::kTuple: {
      std::vector<Value> items;
      try {
        items = iterate(value);
      } catch (const EvalError& e) {
        fail(target.offset, "cannot unpack non-iterable " + std::string(value.type_name()) + " object");
      }
      size_t want = target.items.size();
      if (items.size() != want) {
        fail(target.offset, items.size() < want ? "not enough values to unpack (expected " + std::to_string(want) +
                                                      ", got " + std::to_string(items.size()) + ")"
                                                : "too many values to unpack (expected " + std::to_string(want) + ")");
      }
      for (size_t i = 0; i < want; ++i) assign(target.items[i], std::move(items[i]));
      return;
    }
  }
}

void Renderer::exec_set(const SetStmt* s) { assign(s->target, eval(s->value)); }

std::string Renderer::capture(const Body& body) {
  std::string buffer;
  std::string* saved = out_;
  out_ = &buffer;
  exec(body);
  out_ = saved;
  return buffer;
}

Value Renderer::markup_if_autoescape(std::string text) const {
  return Value::string(std::move(text), autoescape_);
}

// Applies a filter chain whose innermost input is a HoleExpr to `input`.
static Value apply_chain(Renderer& r, const Expr* chain, const Value& input, const Value*& hole) {
  const Value* saved = hole;
  hole = &input;
  Value result = r.eval(chain);
  hole = saved;
  return result;
}

void Renderer::exec_set_block(const SetBlockStmt* s) {
  Value value = markup_if_autoescape(capture(s->body));
  if (s->filter) value = apply_chain(*this, s->filter, value, hole_);
  assign(s->target, std::move(value));
}

void Renderer::exec_filter_block(const FilterBlockStmt* s) {
  Value body = markup_if_autoescape(capture(s->body));
  write(apply_chain(*this, s->filter, body, hole_));
}

void Renderer::exec_with(const WithStmt* s) {
  std::vector<Value> values;
  for (const auto& assignment : s->assignments) values.push_back(eval(assignment.second));
  Scope scope;
  scope.parent = scope_;
  Scope* saved = scope_;
  scope_ = &scope;
  for (size_t i = 0; i < values.size(); ++i) assign(s->assignments[i].first, std::move(values[i]));
  exec(s->body);
  scope_ = saved;
}

void Renderer::exec_autoescape(const AutoescapeStmt* s) {
  bool saved = autoescape_;
  autoescape_ = eval(s->enabled).truthy();
  exec(s->body);
  autoescape_ = saved;
}

// ---- inheritance ----

void Renderer::exec_extends(const ExtendsStmt* s) {
  if (unit_->extended) fail(s->offset, "a template can extend only one other template");
  const CompiledTemplate* parent = load(eval(s->parent), s->parent->offset, false);
  unit_->chain.push_back(parent);
  unit_->extended = true;
  out_ = &discard_;  // the parent renders the page; the child only supplies blocks
}

void Renderer::exec_block(const BlockStmt* s) {
  if (unit_->extended) return;
  for (size_t i = 0; i < unit_->chain.size(); ++i) {
    if (unit_->chain[i]->blocks.count(*s->name)) {
      render_block(s->name, i, s->scoped);
      return;
    }
  }
}

void Renderer::render_block(Name name, size_t chain_index, bool scoped) {
  const CompiledTemplate* owner = unit_->chain[chain_index];
  const BlockStmt* block = owner->blocks.at(*name);
  if (block->required) fail(block->offset, "required block '" + *name + "' is not overridden");
  Scope scope;
  scope.parent = scoped || block->scoped ? scope_ : unit_->root;
  Scope* saved_scope = scope_;
  const CompiledTemplate* saved_tpl = tpl_;
  scope_ = &scope;
  tpl_ = owner;
  block_stack_.emplace_back(name, chain_index);
  exec(block->body);
  block_stack_.pop_back();
  scope_ = saved_scope;
  tpl_ = saved_tpl;
}

Value Renderer::eval_super(const SuperExpr* e) {
  if (block_stack_.empty()) fail(e->offset, "super() is only available inside a block");
  auto [name, index] = block_stack_.back();
  for (size_t i = index + 1; i < unit_->chain.size(); ++i) {
    if (!unit_->chain[i]->blocks.count(*name)) continue;
    std::string buffer;
    std::string* saved = out_;
    out_ = &buffer;
    render_block(name, i, false);
    out_ = saved;
    return markup_if_autoescape(std::move(buffer));
  }
  fail(e->offset, "there is no parent block called '" + *name + "'");
}

// ---- includes ----

void Renderer::exec_include(const IncludeStmt* s) {
  if (depth_ >= kMaxDepth) fail(s->offset, "includes nest too deeply (does a template include itself?)");
  const CompiledTemplate* tpl = load(eval(s->name), s->name->offset, s->ignore_missing);
  if (!tpl) return;
  Scope& root = owned_scopes_.emplace_back();
  if (s->with_context) root.parent = scope_;  // an include sees the variables around it
  run_unit(tpl, &root, *out_);
}

void Renderer::note_used(const std::string& path) {
  if (!info_) return;
  auto& used = info_->templates_used;
  if (std::find(used.begin(), used.end(), path) == used.end()) used.push_back(path);
}

void Renderer::fail(uint32_t offset, const std::string& message) const {
  if (!tpl_) throw TemplateError(Diagnostic{Severity::kError, SourceLoc{}, message});
  throw error_at(tpl_->path, tpl_->source, offset, message);
}

void Renderer::fail_undefined(uint32_t offset, const Value& undefined) const {
  const std::string* name = undefined.undefined_name();
  fail(offset, name ? "'" + *name + "' is undefined" : "undefined value");
}

}  // namespace bengal::tmpl
