#pragma once
// The parser's class, split over parser.cc (statements) and parser_expr.cc (expressions).
// It follows the grammar of Jinja's parser.py function for function, so precedence and the
// odd corners (tests binding tighter than arithmetic, `-2 ** 2` being 4) match.
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "template/ast.h"
#include "template/error.h"
#include "template/lexer.h"
#include "template/registry.h"

namespace bengal::tmpl {

class Parser {
 public:
  Parser(CompiledTemplate& tpl, std::vector<Token> tokens, Registry& registry)
      : tpl_(tpl), tokens_(std::move(tokens)), registry_(registry) {}

  void parse();

 private:
  // ---- token stream ----
  const Token& current() const { return tokens_[pos_]; }
  const Token& look(size_t ahead = 1) const { return tokens_[std::min(pos_ + ahead, tokens_.size() - 1)]; }
  const Token& next() { return tokens_[pos_ < tokens_.size() - 1 ? pos_++ : pos_]; }
  bool at(Tok type) const { return current().type == type; }
  bool at_name(std::string_view name) const { return at(Tok::kName) && current().text == name; }
  bool skip_if(Tok type);
  bool skip_if_name(std::string_view name);
  const Token& expect(Tok type);
  const Token& expect_name(std::string_view name);
  [[noreturn]] void fail(uint32_t offset, std::string message) const;
  [[noreturn]] void fail_expected(std::string_view what) const;

  template <typename T, typename... A>
  T* make(uint32_t offset, A&&... args) {
    auto node = std::make_unique<T>(std::forward<A>(args)...);
    node->offset = offset;
    T* raw = node.get();
    tpl_.arena.push_back(std::move(node));
    return raw;
  }
  Name intern(std::string_view name) { return registry_.names.intern(name); }

  // ---- statements (parser.cc) ----
  struct OpenTag {
    std::string_view name;
    uint32_t offset;
  };
  Body subparse(std::initializer_list<std::string_view> end_tags);
  Body parse_body(std::initializer_list<std::string_view> end_tags);
  void end_tag(std::string_view name);
  [[noreturn]] void fail_unknown_tag(const Token& tag);
  [[noreturn]] void fail_end_of_template();
  const Stmt* parse_statement();
  const Stmt* parse_for();
  const Stmt* parse_if();
  const Stmt* parse_set();
  const Stmt* parse_block();
  const Stmt* parse_extends();
  const Stmt* parse_include();
  const Stmt* parse_import();
  const Stmt* parse_from();
  const Stmt* parse_macro();
  const Stmt* parse_call_block();
  const Stmt* parse_with();
  const Stmt* parse_filter_block();
  const Stmt* parse_autoescape();
  const Stmt* parse_print();
  bool parse_context_modifier(bool fallback);
  void parse_signature(MacroSignature& signature);
  Target parse_target(std::initializer_list<std::string_view> extra_end, bool with_namespace);
  Target parse_target_item();
  Target parse_name_target();

  // ---- expressions (parser_expr.cc) ----
  const Expr* parse_expression(bool with_condexpr = true);
  const Expr* parse_condexpr();
  const Expr* parse_or();
  const Expr* parse_and();
  const Expr* parse_not();
  const Expr* parse_compare();
  const Expr* parse_math1();
  const Expr* parse_concat();
  const Expr* parse_math2();
  const Expr* parse_pow();
  const Expr* parse_unary(bool with_filter = true);
  const Expr* parse_primary();
  const Expr* parse_tuple(bool simplified = false, bool with_condexpr = true,
                          std::initializer_list<std::string_view> extra_end = {}, bool explicit_parens = false);
  bool is_tuple_end(std::initializer_list<std::string_view> extra_end) const;
  const Expr* parse_list();
  const Expr* parse_dict();
  const Expr* parse_postfix(const Expr* node);
  const Expr* parse_filter_expr(const Expr* node);
  const Expr* parse_subscript(const Expr* node);
  const Expr* parse_subscribed();
  CallArgs parse_call_args();
  const Expr* parse_call(const Expr* node);
  const Expr* parse_filter(const Expr* node, bool start_inline = false);
  const Expr* parse_test(const Expr* node);
  const Expr* make_const(uint32_t offset, Value value);
  const Expr* make_name(const Token& token);
  Value parse_number(const Token& token) const;

  CompiledTemplate& tpl_;
  std::vector<Token> tokens_;
  Registry& registry_;
  size_t pos_ = 0;
  std::vector<OpenTag> open_tags_;
  std::vector<std::vector<std::string_view>> end_tag_stack_;
  std::vector<MacroSignature*> macro_stack_;  // to note caller/varargs/kwargs use
  size_t loop_refs_ = 0;                      // how many times `loop` was mentioned
};

}  // namespace bengal::tmpl
