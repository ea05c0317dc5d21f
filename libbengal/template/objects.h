#pragma once
// The engine's own objects that templates see as values: macros (and caller), the `loop`
// variable, namespace(), cycler() and joiner(). Internal to the template module.
#include <string>

#include "template/ast.h"
#include "template/value.h"

namespace bengal::tmpl {

class Renderer;
struct Scope;

// A {% macro %} or the caller of a {% call %}: a body rendered in a fresh scope whose parent
// is the scope the macro was defined in.
class MacroObject : public Object {
 public:
  MacroObject(Renderer& renderer, const MacroSignature& signature, const Body& body, const CompiledTemplate& tpl,
              Scope* closure)
      : renderer_(renderer), signature_(signature), body_(body), tpl_(tpl), closure_(closure) {}

  std::string_view type_name() const override { return "Macro"; }
  bool callable() const override { return true; }
  Value call(const Args& args) override;
  std::string str() const override { return "<Macro '" + *signature_.name + "'>"; }
  Value get_attr(std::string_view name) const override;

  const MacroSignature& signature() const { return signature_; }
  const Body& body() const { return body_; }
  const CompiledTemplate& tpl() const { return tpl_; }
  Scope* closure() const { return closure_; }
  bool belongs_to(const Renderer& renderer) const { return &renderer_ == &renderer; }

 private:
  Renderer& renderer_;
  const MacroSignature& signature_;
  const Body& body_;
  const CompiledTemplate& tpl_;
  Scope* closure_;
};

// `loop` inside {% for %}. The renderer advances index0 as it goes.
class LoopObject : public Object {
 public:
  LoopObject(Renderer& renderer, const ForStmt& stmt, Scope* outer, Value items, int depth0)
      : renderer_(renderer), stmt_(stmt), outer_(outer), items_(std::move(items)), depth0_(depth0) {}

  std::string_view type_name() const override { return "LoopContext"; }
  Value get_attr(std::string_view name) const override;
  std::optional<Value> call_method(std::string_view name, const Args& args) override;
  bool callable() const override { return stmt_.recursive; }
  Value call(const Args& args) override;  // loop(children) in a recursive loop
  std::string str() const override;

  size_t index0 = 0;
  const ForStmt& stmt() const { return stmt_; }
  Scope* outer() const { return outer_; }
  int depth0() const { return depth0_; }

 private:
  size_t count() const { return items_.as_list().items.size(); }

  Renderer& renderer_;
  const ForStmt& stmt_;
  Scope* outer_;
  Value items_;  // a list
  int depth0_;
  Value last_changed_ = Value::undefined();
};

// namespace(): the one object {% set ns.attr = ... %} may change, so values can leave a loop.
class NamespaceObject : public Object {
 public:
  explicit NamespaceObject(Map attrs) : attrs_(std::move(attrs)) {}
  std::string_view type_name() const override { return "Namespace"; }
  Value get_attr(std::string_view name) const override;
  bool set_attr(std::string_view name, Value value) override;
  std::string str() const override;

 private:
  Map attrs_;
};

}  // namespace bengal::tmpl
