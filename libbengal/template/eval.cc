// Expressions. Values and operators do the Python semantics; this file walks the tree,
// resolves names through the scopes, and turns EvalErrors into located TemplateErrors.
#include "template/error.h"
#include "template/escape.h"
#include "template/operators.h"
#include "template/renderer.h"

namespace bengal::tmpl {

// An EvalError surfaces at the innermost expression that raised it; that node's position
// goes into the message and the error continues as a TemplateError.
Value Renderer::eval(const Expr* e) {
  try {
    return eval_node(e);
  } catch (const EvalError& err) {
    fail(e->offset, err.what());
  }
}

Value Renderer::eval_node(const Expr* e) {
  switch (e->kind) {
    case ExprKind::kConst: return static_cast<const ConstExpr*>(e)->value;
    case ExprKind::kName: case ExprKind::kGetAttr: case ExprKind::kGetItem:
      if (const Value* v = find_place(e)) return *v;
      if (e->kind == ExprKind::kName) return eval_name(static_cast<const NameExpr*>(e));
      if (e->kind == ExprKind::kGetAttr) return eval_getattr(static_cast<const GetAttrExpr*>(e), false);
      return eval_getitem(static_cast<const GetItemExpr*>(e), false);
    case ExprKind::kSlice: throw EvalError("a slice is only valid inside []");
    case ExprKind::kCall: return eval_call(static_cast<const CallExpr*>(e));
    case ExprKind::kSuper: return eval_super(static_cast<const SuperExpr*>(e));
    case ExprKind::kFilter: return eval_filter(static_cast<const FilterExpr*>(e));
    case ExprKind::kTest: return eval_test(static_cast<const TestExpr*>(e));
    case ExprKind::kHole: return *hole_;
    case ExprKind::kNot: return Value(!eval(static_cast<const UnaryExpr*>(e)->operand).truthy());
    case ExprKind::kNeg: return negate(eval(static_cast<const UnaryExpr*>(e)->operand));
    case ExprKind::kPos: return unary_plus(eval(static_cast<const UnaryExpr*>(e)->operand));
    case ExprKind::kBinary: {
      auto* b = static_cast<const BinaryExpr*>(e);
      Value left = eval(b->left);
      return binary_op(b->op, left, eval(b->right));
    }
    case ExprKind::kAnd: {  // Python returns the deciding operand, not a bool
      auto* l = static_cast<const LogicalExpr*>(e);
      Value left = eval(l->left);
      return left.truthy() ? eval(l->right) : left;
    }
    case ExprKind::kOr: {
      auto* l = static_cast<const LogicalExpr*>(e);
      Value left = eval(l->left);
      return left.truthy() ? left : eval(l->right);
    }
    case ExprKind::kCompare: return eval_compare(static_cast<const CompareExpr*>(e));
    case ExprKind::kConcat: return eval_concat(static_cast<const ConcatExpr*>(e));
    case ExprKind::kCond: {
      auto* c = static_cast<const CondExpr*>(e);
      if (test(c->test)) return eval(c->then);
      return c->otherwise ? eval(c->otherwise) : Value::undefined();
    }
    case ExprKind::kList: case ExprKind::kTuple: {
      std::vector<Value> items;
      for (const Expr* item : static_cast<const SeqExpr*>(e)->items) items.push_back(eval(item));
      return Value(List{std::move(items), e->kind == ExprKind::kTuple});
    }
    case ExprKind::kDict: return eval_dict(static_cast<const DictExpr*>(e));
  }
  return Value();
}

Value Renderer::eval_lenient(const Expr* e) {
  switch (e->kind) {
    case ExprKind::kName: return lookup(static_cast<const NameExpr*>(e)->name);
    case ExprKind::kGetAttr: return eval_getattr(static_cast<const GetAttrExpr*>(e), true);
    case ExprKind::kGetItem: return eval_getitem(static_cast<const GetItemExpr*>(e), true);
    default: return eval(e);
  }
}

static const Value* find_hinted(const Map& map, std::string_view key, const LookupHint* hint) {
  if (!hint) return map.find(key);
  uint32_t position = hint->position.load(std::memory_order_relaxed);
  const Value* found = map.find(key, position);
  hint->position.store(position, std::memory_order_relaxed);
  return found;
}

// Whether evaluating `e` can change nothing: no calls (list.append), filters or tests, so a
// place found before it is still valid after it.
static bool has_no_effects(const Expr* e) {
  switch (e->kind) {
    case ExprKind::kConst: case ExprKind::kName: return true;
    case ExprKind::kGetAttr: return has_no_effects(static_cast<const GetAttrExpr*>(e)->object);
    case ExprKind::kGetItem: {
      auto* get = static_cast<const GetItemExpr*>(e);
      return get->key->kind != ExprKind::kSlice && has_no_effects(get->object) && has_no_effects(get->key);
    }
    case ExprKind::kNeg: case ExprKind::kPos: case ExprKind::kNot:
      return has_no_effects(static_cast<const UnaryExpr*>(e)->operand);
    case ExprKind::kBinary: {
      auto* b = static_cast<const BinaryExpr*>(e);
      return has_no_effects(b->left) && has_no_effects(b->right);
    }
    default: return false;
  }
}

// list[int] or map[str] read in place: nav[depth + 1].url. Only for a key that changes
// nothing, so the object's place is still valid once the key is computed. Null when
// get_item() would do more than index.
const Value* Renderer::find_item_place(const GetItemExpr* e) {
  if (!has_no_effects(e->key)) return nullptr;
  const Value* object = find_place(e->object);
  if (!object || !(object->is_list() || object->is_map())) return nullptr;
  Value computed;
  const Value* key = find_place(e->key);
  if (!key) {
    computed = eval(e->key);
    key = &computed;
  }
  if (object->is_map()) return key->is_string() ? object->as_map().find(key->as_string()) : nullptr;
  if (!key->is_int() && !key->is_bool()) return nullptr;
  const std::vector<Value>& items = object->as_list().items;
  int64_t n = static_cast<int64_t>(items.size());
  int64_t i = key->as_int() < 0 ? key->as_int() + n : key->as_int();
  return i >= 0 && i < n ? &items[static_cast<size_t>(i)] : nullptr;
}

// Where an expression's value already lives (a variable, a constant, a key of a map reached
// through them), or null when it must be computed. Reading in place saves the copies (and
// reference-count traffic) of the general eval() on the hottest paths: {{ item.title }},
// {% if item.url == page.url %}. Callers use the pointer before anything else runs.
const Value* Renderer::find_place(const Expr* e) {
  switch (e->kind) {
    case ExprKind::kConst: return &static_cast<const ConstExpr*>(e)->value;
    case ExprKind::kName: {
      auto* name = static_cast<const NameExpr*>(e);
      return lookup_place(name->name, &name->hint);
    }
    case ExprKind::kGetAttr: {
      auto* get = static_cast<const GetAttrExpr*>(e);
      const Value* object = find_place(get->object);
      if (!object || !object->is_map()) return nullptr;
      return find_hinted(object->as_map(), *get->attr, &get->hint);
    }
    case ExprKind::kGetItem: return find_item_place(static_cast<const GetItemExpr*>(e));
    default: return nullptr;
  }
}

// Scopes from the innermost out, then the host's context (when it is a map), then globals.
const Value* Renderer::lookup_place(Name name, const LookupHint* hint) {
  for (Scope* s = scope_; s; s = s->parent) {
    if (Value* v = s->find(name)) return v;
    if (s->context && s->context->is_map()) {
      if (const Value* v = find_hinted(s->context->as_map(), *name, hint)) return v;
    }
  }
  auto global = registry_.globals.find(*name);
  return global == registry_.globals.end() ? nullptr : &global->second;
}

Value Renderer::lookup(Name name) {
  if (const Value* v = lookup_place(name, nullptr)) return *v;
  for (Scope* s = scope_; s; s = s->parent) {  // host objects as context, looked up lazily
    if (s->context && s->context->is_object()) {
      Value v = s->context->as_object().get_attr(*name);
      if (!v.is_undefined()) return v;
    }
  }
  return Value::undefined(name);
}

Value Renderer::eval_name(const NameExpr* e) {
  Value v = lookup(e->name);
  if (v.is_undefined() && options_.strict_undefined) fail_undefined(e->offset, v);
  return v;
}

static std::string no_attribute(const Value& object, std::string_view attr) {
  if (object.is_undefined()) {
    const std::string* name = object.undefined_name();
    return name ? "'" + *name + "' is undefined" : "undefined value has no attribute '" + std::string(attr) + "'";
  }
  return quoted(std::string(object.type_name()) + " object") + " has no attribute " + quoted(attr);
}

Value Renderer::eval_getattr(const GetAttrExpr* e, bool lenient) {
  Value object = lenient ? eval_lenient(e->object) : eval(e->object);
  Value v = get_attr(object, *e->attr);
  if (v.is_undefined()) {
    if (options_.strict_undefined && !lenient) fail(e->offset, no_attribute(object, *e->attr));
    return Value::undefined(e->attr);
  }
  return v;
}

Value Renderer::eval_getitem(const GetItemExpr* e, bool lenient) {
  Value object = lenient ? eval_lenient(e->object) : eval(e->object);
  if (e->key->kind == ExprKind::kSlice) return eval_slice(object, static_cast<const SliceExpr*>(e->key));
  Value key = eval(e->key);
  Value v = get_item(object, key);
  if (v.is_undefined() && key.is_string() && !object.is_map()) v = get_attr(object, key.as_string());
  if (v.is_undefined() && options_.strict_undefined && !lenient) {
    fail(e->offset, object.is_undefined() ? no_attribute(object, key.str())
                                          : quoted(std::string(object.type_name()) + " object") + " has no item " + key.repr());
  }
  return v;
}

Value Renderer::eval_slice(const Value& object, const SliceExpr* slice) {
  auto bound = [&](const Expr* e) { return e ? eval(e) : Value(); };
  return slice_value(object, bound(slice->start), bound(slice->stop), bound(slice->step));
}

void Renderer::eval_args(const CallArgs& call, ArgValues& out) {
  for (const Expr* e : call.positional) out.add(eval(e));
  if (call.star_args) {
    for (Value& v : iterate(eval(call.star_args))) out.add(std::move(v));
  }
  for (const auto& [name, e] : call.keywords) out.add(*name, eval(e));
  if (call.star_kwargs) {
    Value kwargs = eval(call.star_kwargs);
    if (!kwargs.is_map()) throw EvalError("argument after ** must be a mapping, not " + std::string(kwargs.type_name()));
    out.keep_alive(kwargs);  // the keyword names point into its keys
    for (const auto& [key, value] : kwargs.as_map()) out.add(key, value);
  }
}

Value Renderer::eval_call(const CallExpr* e) {
  ArgValues args;
  if (e->callee->kind == ExprKind::kGetAttr) {  // obj.method(...): built-in methods first
    auto* get = static_cast<const GetAttrExpr*>(e->callee);
    Value object = eval(get->object);
    eval_args(e->args, args);
    if (std::optional<Value> result = call_builtin_method(object, *get->attr, args.args())) return std::move(*result);
    Value callee = get_attr(object, *get->attr);
    if (callee.is_undefined()) callee = Value::undefined(get->attr);
    return call_value(callee, args.args(), e->callee);
  }
  Value callee = eval(e->callee);
  eval_args(e->args, args);
  return call_value(callee, args.args(), e->callee);
}

Value Renderer::call_value(const Value& callee, const Args& args, const Expr* callee_expr) {
  if (callee.is_object() && callee.as_object().callable()) return callee.as_object().call(args);
  if (callee.is_undefined()) fail_undefined(callee_expr->offset, callee);
  throw EvalError("'" + std::string(callee.type_name()) + "' object is not callable");
}

Value Renderer::eval_filter(const FilterExpr* e) {
  ArgValues args;
  FilterContext ctx(registry_, autoescape_);
  if (e->args.empty()) {  // the common `x | e`, `x | length`: read x in place
    if (const Value* input = find_place(e->input)) return (*e->filter)(ctx, *input, args.args());
  }
  Value input = e->lenient_input ? eval_lenient(e->input) : eval(e->input);
  eval_args(e->args, args);
  return (*e->filter)(ctx, input, args.args());
}

Value Renderer::eval_test(const TestExpr* e) {
  Value input = eval_lenient(e->input);
  ArgValues args;
  eval_args(e->args, args);
  FilterContext ctx(registry_, autoescape_);
  return Value((*e->test)(ctx, input, args.args()));
}

static bool compare(CmpOp op, const Value& a, const Value& b) {
  switch (op) {
    case CmpOp::kEq: return equals(a, b);
    case CmpOp::kNe: return !equals(a, b);
    case CmpOp::kLt: return less_than(a, b);
    case CmpOp::kLe: return less_than(a, b) || equals(a, b);
    case CmpOp::kGt: return less_than(b, a);
    case CmpOp::kGe: return less_than(b, a) || equals(a, b);
    case CmpOp::kIn: return contains(b, a);
    case CmpOp::kNotIn: return !contains(b, a);
  }
  return false;
}

std::optional<bool> Renderer::compare_in_place(const CompareExpr* e) {
  if (e->rest.size() != 1) return std::nullopt;
  const Value* left = find_place(e->first);
  const Value* right = left ? find_place(e->rest[0].second) : nullptr;
  if (!left || !right || left->is_undefined() || right->is_undefined()) return std::nullopt;
  return compare(e->rest[0].first, *left, *right);
}

Value Renderer::eval_compare(const CompareExpr* e) {
  if (std::optional<bool> result = compare_in_place(e)) return Value(*result);
  Value left = eval(e->first);
  for (const auto& [op, right_expr] : e->rest) {
    Value right = eval(right_expr);
    bool ordering = op == CmpOp::kLt || op == CmpOp::kLe || op == CmpOp::kGt || op == CmpOp::kGe;
    if (ordering && (left.is_undefined() || right.is_undefined())) {
      fail_undefined(e->offset, left.is_undefined() ? left : right);
    }
    if (!compare(op, left, right)) return Value(false);
    left = std::move(right);
  }
  return Value(true);
}

// a ~ b: strings joined; with autoescape, one safe part makes the result safe and the rest
// escaped (MarkupSafe's markup_join).
Value Renderer::eval_concat(const ConcatExpr* e) {
  std::vector<Value> parts;
  bool any_safe = false;
  for (const Expr* part : e->parts) {
    parts.push_back(eval(part));
    any_safe |= parts.back().is_string() && parts.back().is_safe();
  }
  std::string out;
  bool markup = any_safe && autoescape_;
  for (const Value& part : parts) {
    if (markup && !(part.is_string() && part.is_safe())) {
      append_markup_escaped(out, part.str());
    } else {
      part.append_str(out);
    }
  }
  return Value::string(std::move(out), markup);
}

Value Renderer::eval_dict(const DictExpr* e) {
  Map map;
  for (const auto& [key_expr, value_expr] : e->items) {
    Value key = eval(key_expr);
    if (!key.is_string()) fail(key_expr->offset, "dict keys must be strings in Bengal templates, not " + std::string(key.type_name()));
    map.set(key.as_string(), eval(value_expr));
  }
  return Value(std::move(map));
}

}  // namespace bengal::tmpl
