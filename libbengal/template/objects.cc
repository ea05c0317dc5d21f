#include "template/objects.h"

#include "template/renderer.h"

namespace bengal::tmpl {

Value MacroObject::call(const Args& args) { return renderer_.invoke_macro(*this, args); }

Value MacroObject::get_attr(std::string_view name) const {
  if (name == "name") return Value(*signature_.name);
  if (name == "arguments") {
    std::vector<Value> names;
    for (const MacroParam& p : signature_.params) names.emplace_back(*p.name);
    return Value::tuple(std::move(names));
  }
  if (name == "caller") return Value(signature_.uses_caller);
  if (name == "catch_kwargs") return Value(signature_.uses_kwargs);
  if (name == "catch_varargs") return Value(signature_.uses_varargs);
  return Value::undefined();
}

Value LoopObject::get_attr(std::string_view name) const {
  const auto& items = items_.as_list().items;
  size_t n = items.size();
  switch (name.size()) {  // the hot attributes first, by length
    case 5:
      if (name == "index") return Value(static_cast<int64_t>(index0 + 1));
      if (name == "first") return Value(index0 == 0);
      if (name == "depth") return Value(static_cast<int64_t>(depth0_ + 1));
      break;
    case 4:
      if (name == "last") return Value(index0 + 1 == n);
      break;
    case 6:
      if (name == "index0") return Value(static_cast<int64_t>(index0));
      if (name == "length") return Value(static_cast<int64_t>(n));
      if (name == "depth0") return Value(static_cast<int64_t>(depth0_));
      break;
    case 8:
      if (name == "revindex") return Value(static_cast<int64_t>(n - index0));
      if (name == "previtem") return index0 > 0 ? items[index0 - 1] : Value::undefined();
      if (name == "nextitem") return index0 + 1 < n ? items[index0 + 1] : Value::undefined();
      break;
    case 9:
      if (name == "revindex0") return Value(static_cast<int64_t>(n - index0 - 1));
      break;
  }
  return Value::undefined();
}

std::optional<Value> LoopObject::call_method(std::string_view name, const Args& args) {
  if (name == "cycle") {
    if (args.size() == 0) throw EvalError("no items for cycling given");
    return args[index0 % args.size()];
  }
  if (name == "changed") {
    Value current = Value::tuple(std::vector<Value>(args.positional().begin(), args.positional().end()));
    if (!last_changed_.is_undefined() && equals(last_changed_, current)) return Value(false);
    last_changed_ = std::move(current);
    return Value(true);
  }
  return std::nullopt;
}

Value LoopObject::call(const Args& args) {
  if (!stmt_.recursive) throw EvalError("the loop must be marked 'recursive' to call it");
  if (args.size() != 1) throw EvalError("loop() takes exactly one argument: the items to loop over");
  return renderer_.render_loop_again(*this, args[0]);
}

std::string LoopObject::str() const {
  return "<LoopContext " + std::to_string(index0 + 1) + "/" + std::to_string(count()) + ">";
}

Value NamespaceObject::get_attr(std::string_view name) const {
  const Value* v = attrs_.find(name);
  return v ? *v : Value::undefined();
}

bool NamespaceObject::set_attr(std::string_view name, Value value) {
  attrs_.set(std::string(name), std::move(value));
  return true;
}

std::string NamespaceObject::str() const { return "<Namespace " + Value(attrs_).str() + ">"; }

}  // namespace bengal::tmpl
