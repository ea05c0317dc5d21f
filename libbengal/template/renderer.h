#pragma once
// Walks a CompiledTemplate and writes its output. One Renderer serves one render call,
// including every template it extends, includes and imports. Statements are in
// renderer.cc, expressions in eval.cc, macros/loop/imports in renderer_calls.cc.
// Internal to the template module.
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "template/ast.h"
#include "template/environment.h"
#include "template/registry.h"

namespace bengal::tmpl {

// Variables visible at one level: a loop body, a macro call, a block, a template. Lookups
// walk `parent` links; a root scope may carry the host's context, searched after it.
struct Scope {
  Scope* parent = nullptr;
  const Value* context = nullptr;
  std::vector<std::pair<Name, Value>> vars;

  Value* find(Name name) {
    for (auto& var : vars) {
      if (var.first == name) return &var.second;
    }
    return nullptr;
  }
  void set(Name name, Value value) {
    if (Value* existing = find(name)) {
      *existing = std::move(value);
    } else {
      vars.emplace_back(name, std::move(value));
    }
  }
};

// Evaluated call arguments, kept inline for the common case of a few.
class ArgValues {
 public:
  void add(Value v) { positional_.push_back(std::move(v)); }
  void add(std::string_view name, Value v) { keywords_.push_back({name, std::move(v)}); }
  Args args() const { return Args(positional_, keywords_); }
  std::vector<Value>& positional() { return positional_; }
  std::vector<Keyword>& keywords() { return keywords_; }
  void keep_alive(Value v) { owners_.push_back(std::move(v)); }

 private:
  std::vector<Value> positional_;
  std::vector<Keyword> keywords_;
  std::vector<Value> owners_;
};

class MacroObject;
class LoopObject;

class Renderer {
 public:
  Renderer(Environment& env, const Value& context, RenderInfo* info);
  void render(const Template& tpl, std::string& out);

  // Entry points for the engine's objects (renderer_calls.cc).
  Value invoke_macro(const MacroObject& macro, const Args& args);
  Value render_loop_again(LoopObject& loop, const Value& iterable);

 private:
  // One template render with its inheritance chain: the main template, an include, or an
  // imported module.
  struct Unit {
    std::vector<const CompiledTemplate*> chain;  // most derived first; extends appends
    Scope* root = nullptr;
    bool extended = false;  // the template being run has executed {% extends %}
  };

  // ---- statements (renderer.cc) ----
  void run_unit(const CompiledTemplate* tpl, Scope* root, std::string& out);
  void exec(const Body& body);
  void exec(const Stmt* stmt);
  void exec_print(const PrintStmt* s);
  void exec_if(const IfStmt* s);
  bool test(const Expr* e);  // truthiness, without copying what can be read in place
  void exec_for(const ForStmt* s);
  void run_loop(const ForStmt* s, Scope* outer, const Value& iterable, int depth0);
  void exec_set(const SetStmt* s);
  void exec_set_block(const SetBlockStmt* s);
  void exec_block(const BlockStmt* s);
  void render_block(Name name, size_t chain_index, bool scoped);
  void exec_extends(const ExtendsStmt* s);
  void exec_include(const IncludeStmt* s);
  void exec_with(const WithStmt* s);
  void exec_filter_block(const FilterBlockStmt* s);
  void exec_autoescape(const AutoescapeStmt* s);
  void assign(const Target& target, Value value);
  std::string capture(const Body& body);
  Value markup_if_autoescape(std::string text) const;
  void write(const Value& v);

  // ---- macros, calls, imports (renderer_calls.cc) ----
  void exec_macro(const MacroStmt* s);
  void run_macro(const MacroObject& macro, const Args& args, std::string& out);
  bool print_macro_call(const CallExpr* e);  // false when the callee is not a macro
  void exec_call_block(const CallBlockStmt* s);
  void exec_import(const ImportStmt* s);
  void exec_from_import(const FromImportStmt* s);
  Value import_module(const Expr* name_expr, bool with_context);
  Value eval_super(const SuperExpr* e);
  const CompiledTemplate* load(const Value& name, uint32_t offset, bool ignore_missing);

  // ---- expressions (eval.cc) ----
 public:
  Value eval(const Expr* e);

 private:
  Value eval_node(const Expr* e);
  Value eval_lenient(const Expr* e);  // no strict-undefined error: `is defined`, `default`
  const Value* find_place(const Expr* e);
  const Value* find_item_place(const GetItemExpr* e);
  const Value* lookup_place(Name name, const LookupHint* hint);
  Value lookup(Name name);
  Value eval_name(const NameExpr* e);
  Value eval_getattr(const GetAttrExpr* e, bool lenient);
  Value eval_getitem(const GetItemExpr* e, bool lenient);
  Value eval_slice(const Value& object, const SliceExpr* slice);
  Value eval_call(const CallExpr* e);
  Value call_value(const Value& callee, const Args& args, const Expr* callee_expr);
  Value eval_filter(const FilterExpr* e);
  Value eval_test(const TestExpr* e);
  Value eval_compare(const CompareExpr* e);
  // a == b between places (item.url == page.url), without copies; nullopt when either side
  // must be evaluated, or for a chain (a < b < c).
  std::optional<bool> compare_in_place(const CompareExpr* e);
  Value eval_concat(const ConcatExpr* e);
  Value eval_dict(const DictExpr* e);
  void eval_args(const CallArgs& call, ArgValues& out);
  void note_used(const std::string& path);  // for RenderInfo
  [[noreturn]] void fail(uint32_t offset, const std::string& message) const;
  [[noreturn]] void fail_undefined(uint32_t offset, const Value& undefined) const;

  Environment& env_;
  const Registry& registry_;
  const Options& options_;
  const Value& context_;
  RenderInfo* info_;

  std::string* out_ = nullptr;
  std::string discard_;  // output of a child template after {% extends %}
  bool autoescape_;
  const CompiledTemplate* tpl_ = nullptr;  // the template whose nodes run now (for messages)
  Scope* scope_ = nullptr;
  Unit* unit_ = nullptr;
  std::vector<std::pair<Name, size_t>> block_stack_;  // blocks being rendered, for super()
  const Value* hole_ = nullptr;                        // input of a {% filter %} chain
  std::deque<Scope> owned_scopes_;  // roots that macros may point into: a deque never moves them
  std::unordered_map<const CompiledTemplate*, Value> modules_;  // imports without context
  static constexpr int kMaxDepth = 200;
  int depth_ = 0;  // nesting of includes, imports and macro calls, to stop runaway recursion
};

}  // namespace bengal::tmpl
