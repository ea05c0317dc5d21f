// Expressions, by precedence from loosest to tightest, as in Jinja's parser.
#include <algorithm>
#include <charconv>
#include <cstdlib>

#include "support/text.h"
#include "template/parser.h"
#include "template/parser_impl.h"

namespace bengal::tmpl {

const Expr* Parser::parse_expression(bool with_condexpr) {
  return with_condexpr ? parse_condexpr() : parse_or();
}

const Expr* Parser::parse_condexpr() {
  uint32_t offset = current().offset;
  const Expr* expr = parse_or();
  while (skip_if_name("if")) {
    auto* cond = make<CondExpr>(offset);
    cond->then = expr;
    cond->test = parse_or();
    if (skip_if_name("else")) cond->otherwise = parse_condexpr();
    expr = cond;
  }
  return expr;
}

const Expr* Parser::parse_or() {
  const Expr* left = parse_and();
  while (at_name("or")) {
    auto* node = make<LogicalExpr>(next().offset, ExprKind::kOr);
    node->left = left;
    node->right = parse_and();
    left = node;
  }
  return left;
}

const Expr* Parser::parse_and() {
  const Expr* left = parse_not();
  while (at_name("and")) {
    auto* node = make<LogicalExpr>(next().offset, ExprKind::kAnd);
    node->left = left;
    node->right = parse_not();
    left = node;
  }
  return left;
}

const Expr* Parser::parse_not() {
  if (at_name("not")) {
    auto* node = make<UnaryExpr>(next().offset, ExprKind::kNot);
    node->operand = parse_not();
    return node;
  }
  return parse_compare();
}

static bool comparison_op(Tok type, CmpOp& op) {
  switch (type) {
    case Tok::kEq: op = CmpOp::kEq; return true;
    case Tok::kNe: op = CmpOp::kNe; return true;
    case Tok::kLt: op = CmpOp::kLt; return true;
    case Tok::kLe: op = CmpOp::kLe; return true;
    case Tok::kGt: op = CmpOp::kGt; return true;
    case Tok::kGe: op = CmpOp::kGe; return true;
    default: return false;
  }
}

const Expr* Parser::parse_compare() {
  uint32_t offset = current().offset;
  const Expr* first = parse_math1();
  CompareExpr* node = nullptr;
  while (true) {
    CmpOp op;
    if (comparison_op(current().type, op)) {
      next();
    } else if (skip_if_name("in")) {
      op = CmpOp::kIn;
    } else if (at_name("not") && look().type == Tok::kName && look().text == "in") {
      next();
      next();
      op = CmpOp::kNotIn;
    } else {
      break;
    }
    if (!node) {
      node = make<CompareExpr>(offset);
      node->first = first;
    }
    node->rest.emplace_back(op, parse_math1());
  }
  return node ? node : first;
}

const Expr* Parser::parse_math1() {
  const Expr* left = parse_concat();
  while (at(Tok::kAdd) || at(Tok::kSub)) {
    auto* node = make<BinaryExpr>(current().offset);
    node->op = next().type == Tok::kAdd ? BinOp::kAdd : BinOp::kSub;
    node->left = left;
    node->right = parse_concat();
    left = node;
  }
  return left;
}

const Expr* Parser::parse_concat() {
  uint32_t offset = current().offset;
  const Expr* first = parse_math2();
  if (!at(Tok::kTilde)) return first;
  auto* node = make<ConcatExpr>(offset);
  node->parts.push_back(first);
  while (skip_if(Tok::kTilde)) node->parts.push_back(parse_math2());
  return node;
}

const Expr* Parser::parse_math2() {
  const Expr* left = parse_pow();
  while (true) {
    BinOp op;
    switch (current().type) {
      case Tok::kMul: op = BinOp::kMul; break;
      case Tok::kDiv: op = BinOp::kDiv; break;
      case Tok::kFloorDiv: op = BinOp::kFloorDiv; break;
      case Tok::kMod: op = BinOp::kMod; break;
      default: return left;
    }
    auto* node = make<BinaryExpr>(next().offset);
    node->op = op;
    node->left = left;
    node->right = parse_pow();
    left = node;
  }
}

const Expr* Parser::parse_pow() {
  const Expr* left = parse_unary();
  while (at(Tok::kPow)) {
    auto* node = make<BinaryExpr>(next().offset);
    node->op = BinOp::kPow;
    node->left = left;
    node->right = parse_unary();
    left = node;
  }
  return left;
}

const Expr* Parser::parse_unary(bool with_filter) {
  const Expr* node;
  if (at(Tok::kSub) || at(Tok::kAdd)) {
    uint32_t offset = current().offset;
    auto* unary = make<UnaryExpr>(offset, next().type == Tok::kSub ? ExprKind::kNeg : ExprKind::kPos);
    unary->operand = parse_unary(false);
    node = unary;
  } else {
    node = parse_primary();
  }
  node = parse_postfix(node);
  return with_filter ? parse_filter_expr(node) : node;
}

const Expr* Parser::make_const(uint32_t offset, Value value) {
  auto* node = make<ConstExpr>(offset);
  node->value = std::move(value);
  return node;
}

const Expr* Parser::make_name(const Token& token) {
  auto* node = make<NameExpr>(token.offset);
  node->name = intern(token.text);
  if (token.text == "loop") ++loop_refs_;
  for (MacroSignature* m : macro_stack_) {
    m->uses_caller |= token.text == "caller";
    m->uses_varargs |= token.text == "varargs";
    m->uses_kwargs |= token.text == "kwargs";
  }
  return node;
}

Value Parser::parse_number(const Token& token) const {
  std::string digits;
  for (char c : token.text) {
    if (c != '_') digits += c;
  }
  if (token.type == Tok::kFloat) return Value(std::strtod(digits.c_str(), nullptr));
  int base = 10;
  std::string_view body = digits;
  if (body.size() > 2 && body[0] == '0') {
    char p = static_cast<char>(body[1] | 0x20);
    base = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 10;
    if (base != 10) body.remove_prefix(2);
  }
  int64_t value = 0;
  auto [end, ec] = std::from_chars(body.data(), body.data() + body.size(), value, base);
  if (ec != std::errc()) fail(token.offset, "integer literal too large: " + std::string(token.text));
  return Value(value);
}

const Expr* Parser::parse_primary() {
  const Token& token = current();
  switch (token.type) {
    case Tok::kName: {
      next();
      std::string_view t = token.text;
      if (t == "true" || t == "True") return make_const(token.offset, Value(true));
      if (t == "false" || t == "False") return make_const(token.offset, Value(false));
      if (t == "none" || t == "None") return make_const(token.offset, Value());
      return make_name(token);
    }
    case Tok::kString: {
      std::string text;
      while (at(Tok::kString)) text += unescape_string_literal(next().text);  // "a" "b" joins
      return make_const(token.offset, Value(std::move(text)));
    }
    case Tok::kInteger: case Tok::kFloat:
      next();
      return make_const(token.offset, parse_number(token));
    case Tok::kLParen: {
      next();
      const Expr* node = parse_tuple(false, true, {}, true);
      expect(Tok::kRParen);
      return node;
    }
    case Tok::kLBracket: return parse_list();
    case Tok::kLBrace: return parse_dict();
    default: fail_expected("an expression");
  }
}

bool Parser::is_tuple_end(std::initializer_list<std::string_view> extra_end) const {
  if (at(Tok::kVariableEnd) || at(Tok::kBlockEnd) || at(Tok::kRParen)) return true;
  return at(Tok::kName) && std::find(extra_end.begin(), extra_end.end(), current().text) != extra_end.end();
}

const Expr* Parser::parse_tuple(bool simplified, bool with_condexpr, std::initializer_list<std::string_view> extra_end,
                                bool explicit_parens) {
  auto* tuple = make<SeqExpr>(current().offset, ExprKind::kTuple);
  bool is_tuple = false;
  while (true) {
    if (!tuple->items.empty()) expect(Tok::kComma);
    if (is_tuple_end(extra_end)) break;
    tuple->items.push_back(simplified ? parse_primary() : parse_expression(with_condexpr));
    if (!at(Tok::kComma)) break;
    is_tuple = true;
  }
  if (is_tuple) return tuple;
  if (!tuple->items.empty()) return tuple->items.front();
  if (!explicit_parens) fail_expected("an expression");
  return tuple;  // ()
}

const Expr* Parser::parse_list() {
  auto* node = make<SeqExpr>(expect(Tok::kLBracket).offset, ExprKind::kList);
  while (!at(Tok::kRBracket)) {
    if (!node->items.empty()) expect(Tok::kComma);
    if (at(Tok::kRBracket)) break;
    node->items.push_back(parse_expression());
  }
  expect(Tok::kRBracket);
  return node;
}

const Expr* Parser::parse_dict() {
  auto* node = make<DictExpr>(expect(Tok::kLBrace).offset);
  while (!at(Tok::kRBrace)) {
    if (!node->items.empty()) expect(Tok::kComma);
    if (at(Tok::kRBrace)) break;
    const Expr* key = parse_expression();
    expect(Tok::kColon);
    node->items.emplace_back(key, parse_expression());
  }
  expect(Tok::kRBrace);
  return node;
}

const Expr* Parser::parse_postfix(const Expr* node) {
  while (true) {
    if (at(Tok::kDot) || at(Tok::kLBracket)) {
      node = parse_subscript(node);
    } else if (at(Tok::kLParen)) {
      node = parse_call(node);
    } else {
      return node;
    }
  }
}

const Expr* Parser::parse_filter_expr(const Expr* node) {
  while (true) {
    if (at(Tok::kPipe)) {
      node = parse_filter(node);
    } else if (at_name("is")) {
      node = parse_test(node);
    } else if (at(Tok::kLParen)) {
      node = parse_call(node);
    } else {
      return node;
    }
  }
}

const Expr* Parser::parse_subscript(const Expr* node) {
  const Token& token = next();
  if (token.type == Tok::kDot) {
    const Token& attr = next();
    if (attr.type == Tok::kName) {
      auto* get = make<GetAttrExpr>(token.offset);
      get->object = node;
      get->attr = intern(attr.text);
      return get;
    }
    if (attr.type != Tok::kInteger) fail(attr.offset, "expected a name or number after '.', found " + describe_token(attr));
    auto* get = make<GetItemExpr>(token.offset);
    get->object = node;
    get->key = make_const(attr.offset, parse_number(attr));
    return get;
  }
  auto* get = make<GetItemExpr>(token.offset);
  get->object = node;
  auto* keys = make<SeqExpr>(token.offset, ExprKind::kTuple);
  while (!at(Tok::kRBracket)) {
    if (!keys->items.empty()) expect(Tok::kComma);
    keys->items.push_back(parse_subscribed());
  }
  expect(Tok::kRBracket);
  if (keys->items.empty()) fail(token.offset, "expected a subscript expression");
  get->key = keys->items.size() == 1 ? keys->items.front() : keys;
  return get;
}

const Expr* Parser::parse_subscribed() {
  uint32_t offset = current().offset;
  const Expr* start = nullptr;
  if (!at(Tok::kColon)) {
    start = parse_expression();
    if (!at(Tok::kColon)) return start;
  }
  next();  // ':'
  auto* slice = make<SliceExpr>(offset);
  slice->start = start;
  if (!at(Tok::kColon) && !at(Tok::kRBracket) && !at(Tok::kComma)) slice->stop = parse_expression();
  if (skip_if(Tok::kColon) && !at(Tok::kRBracket) && !at(Tok::kComma)) slice->step = parse_expression();
  return slice;
}

CallArgs Parser::parse_call_args() {
  const Token& open = expect(Tok::kLParen);
  CallArgs args;
  auto ensure = [&](bool ok) {
    if (!ok) fail(open.offset, "invalid syntax for function call expression");
  };
  bool require_comma = false;
  while (!at(Tok::kRParen)) {
    if (require_comma) {
      expect(Tok::kComma);
      if (at(Tok::kRParen)) break;  // trailing comma
    }
    if (skip_if(Tok::kMul)) {
      ensure(!args.star_args && !args.star_kwargs);
      args.star_args = parse_expression();
    } else if (skip_if(Tok::kPow)) {
      ensure(!args.star_kwargs);
      args.star_kwargs = parse_expression();
    } else if (at(Tok::kName) && look().type == Tok::kAssign) {
      ensure(!args.star_kwargs);
      Name key = intern(next().text);
      next();
      args.keywords.emplace_back(key, parse_expression());
    } else {
      ensure(!args.star_args && !args.star_kwargs && args.keywords.empty());
      args.positional.push_back(parse_expression());
    }
    require_comma = true;
  }
  expect(Tok::kRParen);
  return args;
}

// Where an expression starts in the source: calls are reported at their callee's start
// ("m(" rather than "(").
static uint32_t start_of(const Expr* e) {
  switch (e->kind) {
    case ExprKind::kGetAttr: return start_of(static_cast<const GetAttrExpr*>(e)->object);
    case ExprKind::kGetItem: return start_of(static_cast<const GetItemExpr*>(e)->object);
    case ExprKind::kCall: return start_of(static_cast<const CallExpr*>(e)->callee);
    default: return e->offset;
  }
}

const Expr* Parser::parse_call(const Expr* node) {
  uint32_t offset = start_of(node);
  CallArgs args = parse_call_args();
  if (node->kind == ExprKind::kName && *static_cast<const NameExpr*>(node)->name == "super" && args.empty()) {
    return make<SuperExpr>(node->offset);
  }
  auto* call = make<CallExpr>(offset);
  call->callee = node;
  call->args = std::move(args);
  return call;
}

const Expr* Parser::parse_filter(const Expr* node, bool start_inline) {
  while (at(Tok::kPipe) || start_inline) {
    if (!start_inline) next();
    start_inline = false;
    const Token& name = expect(Tok::kName);
    auto it = registry_.filters.find(std::string(name.text));
    if (it == registry_.filters.end()) {
      fail(name.offset, "unknown filter '" + std::string(name.text) + "'" +
                            did_you_mean(name.text, registry_.filter_names()));
    }
    auto* filter = make<FilterExpr>(name.offset);
    filter->input = node;
    filter->filter = &it->second;
    filter->name = intern(name.text);
    filter->lenient_input = name.text == "default" || name.text == "d";
    if (at(Tok::kLParen)) filter->args = parse_call_args();
    node = filter;
  }
  return node;
}

const Expr* Parser::parse_test(const Expr* node) {
  uint32_t offset = next().offset;  // 'is'
  bool negated = skip_if_name("not");
  const Token& name = expect(Tok::kName);
  auto it = registry_.tests.find(std::string(name.text));
  if (it == registry_.tests.end()) {
    fail(name.offset, "unknown test '" + std::string(name.text) + "'" + did_you_mean(name.text, registry_.test_names()));
  }
  auto* test = make<TestExpr>(name.offset);
  test->input = node;
  test->test = &it->second;
  test->name = intern(name.text);
  if (at(Tok::kLParen)) {
    test->args = parse_call_args();
  } else if ((at(Tok::kName) || at(Tok::kString) || at(Tok::kInteger) || at(Tok::kFloat) || at(Tok::kLBracket) ||
              at(Tok::kLBrace)) &&
             !at_name("else") && !at_name("or") && !at_name("and")) {
    if (at_name("is")) fail(current().offset, "tests cannot be chained with 'is'");
    test->args.positional.push_back(parse_postfix(parse_primary()));
  }
  if (!negated) return test;
  auto* negation = make<UnaryExpr>(offset, ExprKind::kNot);
  negation->operand = test;
  return negation;
}

}  // namespace bengal::tmpl
