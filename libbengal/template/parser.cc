// Statements: the template body, tags and their bodies.
#include "template/parser.h"

#include <algorithm>

#include "support/text.h"
#include "template/parser_impl.h"
#include "template/unicode.h"

namespace bengal::tmpl {

namespace {
const std::vector<std::string> kStatementTags = {
    "for", "if", "block", "extends", "print", "macro", "include", "from", "import",
    "set", "with", "autoescape", "call", "filter", "raw",
};
const std::vector<std::string> kEndTags = {
    "endfor", "endif", "endblock", "endmacro", "endset", "endwith", "endautoescape",
    "endcall", "endfilter", "endraw", "else", "elif",
};
}  // namespace

std::unique_ptr<CompiledTemplate> parse_template(std::string name, std::string path, std::string_view source,
                                                 const LexOptions& lex, bool keep_trailing_newline,
                                                 Registry& registry) {
  auto tpl = std::make_unique<CompiledTemplate>();
  tpl->name = std::move(name);
  tpl->path = std::move(path);
  tpl->source = normalize_source(source, keep_trailing_newline);
  try {
    Parser(*tpl, tokenize(tpl->source, lex), registry).parse();
  } catch (const SyntaxError& e) {
    throw error_at(tpl->path, tpl->source, e.offset, e.message);
  }
  return tpl;
}

// ---- token stream ----

bool Parser::skip_if(Tok type) {
  if (!at(type)) return false;
  next();
  return true;
}

bool Parser::skip_if_name(std::string_view name) {
  if (!at_name(name)) return false;
  next();
  return true;
}

const Token& Parser::expect(Tok type) {
  if (!at(type)) fail_expected(describe_tok(type));
  return next();
}

const Token& Parser::expect_name(std::string_view name) {
  if (!at_name(name)) fail_expected("'" + std::string(name) + "'");
  return next();
}

void Parser::fail(uint32_t offset, std::string message) const { throw SyntaxError{offset, std::move(message)}; }

void Parser::fail_expected(std::string_view what) const {
  fail(current().offset, "expected " + std::string(what) + ", found " + describe_token(current()));
}

// ---- bodies ----

void Parser::parse() { tpl_.body = subparse({}); }

Body Parser::subparse(std::initializer_list<std::string_view> end_tags) {
  Body body;
  end_tag_stack_.emplace_back(end_tags);
  while (true) {
    const Token& token = current();
    if (token.type == Tok::kData) {
      auto* text = make<TextStmt>(token.offset);
      text->text = token.text;
      body.push_back(text);
      next();
    } else if (token.type == Tok::kVariableBegin) {
      next();
      auto* print = make<PrintStmt>(token.offset);
      print->expr = parse_tuple();
      expect(Tok::kVariableEnd);
      body.push_back(print);
    } else if (token.type == Tok::kBlockBegin) {
      next();
      if (at(Tok::kName) && std::find(end_tags.begin(), end_tags.end(), current().text) != end_tags.end()) break;
      body.push_back(parse_statement());
      expect(Tok::kBlockEnd);
    } else {  // end of template
      if (end_tags.size() > 0) fail_end_of_template();
      break;
    }
  }
  end_tag_stack_.pop_back();
  return body;
}

// The body of a tag, after its arguments: stops at one of end_tags (the current token).
Body Parser::parse_body(std::initializer_list<std::string_view> end_tags) {
  skip_if(Tok::kColon);
  expect(Tok::kBlockEnd);
  return subparse(end_tags);
}

// Consumes an end tag such as {% endfor %} up to its '%}' (left to subparse).
void Parser::end_tag(std::string_view name) { expect_name(name); }

void Parser::fail_end_of_template() {
  std::string message = "expected '" + std::string(end_tag_stack_.back().front()) + "', found end of template";
  if (!open_tags_.empty()) {
    message += " (the '" + std::string(open_tags_.back().name) + "' at " +
               line_col_string(tpl_.source, open_tags_.back().offset) + " is not closed)";
  }
  fail(current().offset, message);
}

void Parser::fail_unknown_tag(const Token& tag) {
  bool expected_somewhere = false;
  for (const auto& tags : end_tag_stack_) {
    expected_somewhere |= std::find(tags.begin(), tags.end(), tag.text) != tags.end();
  }
  bool is_end_tag = std::find(kEndTags.begin(), kEndTags.end(), tag.text) != kEndTags.end();
  if ((expected_somewhere || is_end_tag) && !open_tags_.empty()) {
    fail(tag.offset, "expected '" + std::string(end_tag_stack_.back().front()) + "', found '" +
                         std::string(tag.text) + "' (the '" + std::string(open_tags_.back().name) + "' at " +
                         line_col_string(tpl_.source, open_tags_.back().offset) + " is not closed)");
  }
  if (is_end_tag) fail(tag.offset, "unexpected '" + std::string(tag.text) + "': no tag is open here");
  std::vector<std::string> known = kStatementTags;
  for (const auto& tags : end_tag_stack_) known.insert(known.end(), tags.begin(), tags.end());
  fail(tag.offset, "unknown tag '" + std::string(tag.text) + "'" + did_you_mean(tag.text, known));
}

// ---- statements ----

const Stmt* Parser::parse_statement() {
  uint32_t begin = tokens_[pos_ - 1].offset;  // the '{%'
  if (!at(Tok::kName)) fail_expected("a tag name");
  const Token& tag = current();
  open_tags_.push_back({tag.text, begin});
  const Stmt* stmt = nullptr;
  std::string_view t = tag.text;
  if (t == "for") stmt = parse_for();
  else if (t == "if") stmt = parse_if();
  else if (t == "set") stmt = parse_set();
  else if (t == "block") stmt = parse_block();
  else if (t == "extends") stmt = parse_extends();
  else if (t == "include") stmt = parse_include();
  else if (t == "import") stmt = parse_import();
  else if (t == "from") stmt = parse_from();
  else if (t == "macro") stmt = parse_macro();
  else if (t == "call") stmt = parse_call_block();
  else if (t == "with") stmt = parse_with();
  else if (t == "filter") stmt = parse_filter_block();
  else if (t == "autoescape") stmt = parse_autoescape();
  else if (t == "print") stmt = parse_print();
  else {
    open_tags_.pop_back();
    fail_unknown_tag(tag);
  }
  const_cast<Stmt*>(stmt)->offset = begin;
  open_tags_.pop_back();
  return stmt;
}

const Stmt* Parser::parse_for() {
  auto* node = make<ForStmt>(next().offset);
  node->target = parse_target({"in"}, false);
  expect_name("in");
  node->iter = parse_tuple(false, false, {"recursive"});
  if (skip_if_name("if")) node->filter = parse_expression();
  node->recursive = skip_if_name("recursive");
  size_t loop_refs = loop_refs_;
  node->body = parse_body({"endfor", "else"});
  node->uses_loop = loop_refs_ != loop_refs;
  if (next().text == "else") {
    node->otherwise = parse_body({"endfor"});
    end_tag("endfor");
  }
  return node;
}

const Stmt* Parser::parse_if() {
  auto* node = make<IfStmt>(next().offset);
  while (true) {
    const Expr* test = parse_tuple(false, false);
    node->branches.emplace_back(test, parse_body({"endif", "elif", "else"}));
    std::string_view tag = next().text;
    if (tag == "elif") continue;
    if (tag == "else") {
      node->otherwise = parse_body({"endif"});
      end_tag("endif");
    }
    return node;
  }
}

const Stmt* Parser::parse_set() {
  uint32_t offset = next().offset;
  Target target = parse_target({}, true);
  if (skip_if(Tok::kAssign)) {
    auto* node = make<SetStmt>(offset);
    node->target = std::move(target);
    node->value = parse_tuple();
    return node;
  }
  auto* node = make<SetBlockStmt>(offset);
  node->target = std::move(target);
  if (at(Tok::kPipe)) node->filter = parse_filter(make<HoleExpr>(current().offset));
  node->body = parse_body({"endset"});
  end_tag("endset");
  return node;
}

static bool only_whitespace(const Body& body) {
  return std::all_of(body.begin(), body.end(), [](const Stmt* s) {
    return s->kind == StmtKind::kText && strip_spaces(static_cast<const TextStmt*>(s)->text).empty();
  });
}

const Stmt* Parser::parse_block() {
  auto* node = make<BlockStmt>(next().offset);
  const Token& name = expect(Tok::kName);
  node->name = intern(name.text);
  node->scoped = skip_if_name("scoped");
  node->required = skip_if_name("required");
  if (at(Tok::kSub)) fail(current().offset, "block names must be identifiers: use '_' instead of '-'");
  if (!tpl_.blocks.emplace(*node->name, node).second) {
    fail(name.offset, "block '" + *node->name + "' is defined twice");
  }
  node->body = parse_body({"endblock"});
  if (node->required && !only_whitespace(node->body)) {
    fail(name.offset, "required blocks can only contain comments or whitespace");
  }
  end_tag("endblock");
  skip_if_name(*node->name);
  return node;
}

const Stmt* Parser::parse_extends() {
  auto* node = make<ExtendsStmt>(next().offset);
  node->parent = parse_expression();
  return node;
}

bool Parser::parse_context_modifier(bool fallback) {
  if ((at_name("with") || at_name("without")) && look().type == Tok::kName && look().text == "context") {
    bool with = next().text == "with";
    next();
    return with;
  }
  return fallback;
}

const Stmt* Parser::parse_include() {
  auto* node = make<IncludeStmt>(next().offset);
  node->name = parse_expression();
  if (at_name("ignore") && look().type == Tok::kName && look().text == "missing") {
    next();
    next();
    node->ignore_missing = true;
  }
  node->with_context = parse_context_modifier(true);
  return node;
}

const Stmt* Parser::parse_import() {
  auto* node = make<ImportStmt>(next().offset);
  node->name = parse_expression();
  expect_name("as");
  node->alias = parse_name_target().name;
  node->with_context = parse_context_modifier(false);
  return node;
}

const Stmt* Parser::parse_from() {
  auto* node = make<FromImportStmt>(next().offset);
  node->name = parse_expression();
  expect_name("import");
  auto context_modifier = [&]() {
    if ((at_name("with") || at_name("without")) && look().type == Tok::kName && look().text == "context") {
      node->with_context = parse_context_modifier(false);
      return true;
    }
    return false;
  };
  while (true) {
    if (!node->names.empty()) expect(Tok::kComma);
    if (!at(Tok::kName)) fail_expected("a name to import");
    if (context_modifier()) break;
    const Token& imported = current();
    Name name = parse_name_target().name;
    if (name->front() == '_') fail(imported.offset, "names starting with an underscore cannot be imported");
    Name alias = skip_if_name("as") ? parse_name_target().name : name;
    node->names.emplace_back(name, alias);
    if (context_modifier() || !at(Tok::kComma)) break;
  }
  return node;
}

void Parser::parse_signature(MacroSignature& signature) {
  expect(Tok::kLParen);
  bool has_default = false;
  while (!at(Tok::kRParen)) {
    if (!signature.params.empty()) expect(Tok::kComma);
    if (at(Tok::kRParen)) break;
    MacroParam param;
    uint32_t offset = current().offset;
    param.name = parse_name_target().name;
    if (skip_if(Tok::kAssign)) {
      param.default_value = parse_expression();
      has_default = true;
    } else if (has_default) {
      fail(offset, "non-default argument follows default argument");
    }
    signature.params.push_back(param);
  }
  expect(Tok::kRParen);
}

const Stmt* Parser::parse_macro() {
  auto* node = make<MacroStmt>(next().offset);
  node->signature.name = parse_name_target().name;
  parse_signature(node->signature);
  macro_stack_.push_back(&node->signature);
  node->body = parse_body({"endmacro"});
  macro_stack_.pop_back();
  end_tag("endmacro");
  return node;
}

const Stmt* Parser::parse_call_block() {
  auto* node = make<CallBlockStmt>(next().offset);
  node->signature.name = intern("caller");
  if (at(Tok::kLParen)) parse_signature(node->signature);
  uint32_t offset = current().offset;
  const Expr* call = parse_expression();
  if (call->kind != ExprKind::kCall) fail(offset, "expected a macro call after 'call'");
  node->call = static_cast<const CallExpr*>(call);
  macro_stack_.push_back(&node->signature);
  node->body = parse_body({"endcall"});
  macro_stack_.pop_back();
  end_tag("endcall");
  return node;
}

const Stmt* Parser::parse_with() {
  auto* node = make<WithStmt>(next().offset);
  while (!at(Tok::kBlockEnd)) {
    if (!node->assignments.empty()) expect(Tok::kComma);
    Target target = parse_target({}, false);
    expect(Tok::kAssign);
    node->assignments.emplace_back(std::move(target), parse_expression());
  }
  node->body = parse_body({"endwith"});
  end_tag("endwith");
  return node;
}

const Stmt* Parser::parse_filter_block() {
  auto* node = make<FilterBlockStmt>(next().offset);
  node->filter = parse_filter(make<HoleExpr>(current().offset), true);
  node->body = parse_body({"endfilter"});
  end_tag("endfilter");
  return node;
}

const Stmt* Parser::parse_autoescape() {
  auto* node = make<AutoescapeStmt>(next().offset);
  node->enabled = parse_expression();
  node->body = parse_body({"endautoescape"});
  end_tag("endautoescape");
  return node;
}

const Stmt* Parser::parse_print() {
  auto* node = make<PrintStmt>(next().offset);
  node->expr = parse_expression();
  return node;
}

// ---- assignment targets ----

Target Parser::parse_name_target() {
  if (!at(Tok::kName)) fail_expected("a name");
  const Token& token = next();
  Target target;
  target.name = intern(token.text);
  target.offset = token.offset;
  return target;
}

Target Parser::parse_target_item() {
  if (at(Tok::kLParen)) {
    next();
    Target inner = parse_target({}, false);
    expect(Tok::kRParen);
    return inner;
  }
  static const std::vector<std::string_view> constants = {"true", "false", "none", "True", "False", "None"};
  if (at(Tok::kName) && std::find(constants.begin(), constants.end(), current().text) != constants.end()) {
    fail(current().offset, "cannot assign to the constant '" + std::string(current().text) + "'");
  }
  return parse_name_target();
}

Target Parser::parse_target(std::initializer_list<std::string_view> extra_end, bool with_namespace) {
  if (with_namespace && at(Tok::kName) && look().type == Tok::kDot) {
    Target target = parse_name_target();
    next();
    target.attr = intern(expect(Tok::kName).text);
    target.kind = Target::Kind::kAttr;
    return target;
  }
  Target tuple;
  tuple.kind = Target::Kind::kTuple;
  tuple.offset = current().offset;
  bool is_tuple = false;
  while (true) {
    if (!tuple.items.empty()) expect(Tok::kComma);
    if (is_tuple_end(extra_end)) break;
    tuple.items.push_back(parse_target_item());
    if (!at(Tok::kComma)) break;
    is_tuple = true;
  }
  if (is_tuple) return tuple;
  if (tuple.items.empty()) fail_expected("a name to assign to");
  return std::move(tuple.items.front());
}

}  // namespace bengal::tmpl
