#pragma once
// The compiled form of a template: a tree of expressions and statements, built once by the
// parser and walked by the renderer many times. Nodes are plain data; they point at each
// other with raw pointers and are owned by their Template's arena. Names are interned
// (pointer equality), filters and tests are resolved to their functions at parse time, and
// text is a view into the template's source. Internal to the template module.
#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "template/filters.h"
#include "template/value.h"

namespace bengal::tmpl {

using Name = const std::string*;  // interned: compare pointers

struct Node {
  virtual ~Node() = default;
  uint32_t offset = 0;  // into the template source, for messages
};

// ---- expressions ----

enum class ExprKind : uint8_t {
  kConst, kName, kGetAttr, kGetItem, kSlice, kCall, kSuper, kFilter, kTest, kHole,
  kNot, kNeg, kPos, kBinary, kAnd, kOr, kCompare, kConcat, kCond, kList, kTuple, kDict,
};

struct Expr : Node {
  ExprKind kind;
  explicit Expr(ExprKind k) : kind(k) {}
};

struct ConstExpr : Expr {
  ConstExpr() : Expr(ExprKind::kConst) {}
  Value value;
};

// Where a map lookup found its key last time (see Map::find with a hint). Shared by the
// threads rendering a template, hence atomic; a stale guess only costs a full lookup.
struct LookupHint {
  mutable std::atomic<uint32_t> position{0};
};

struct NameExpr : Expr {
  NameExpr() : Expr(ExprKind::kName) {}
  Name name = nullptr;
  LookupHint hint;  // into the context map
};

struct GetAttrExpr : Expr {
  GetAttrExpr() : Expr(ExprKind::kGetAttr) {}
  const Expr* object = nullptr;
  Name attr = nullptr;
  LookupHint hint;
};

struct GetItemExpr : Expr {
  GetItemExpr() : Expr(ExprKind::kGetItem) {}
  const Expr* object = nullptr;
  const Expr* key = nullptr;  // may be a SliceExpr
};

struct SliceExpr : Expr {
  SliceExpr() : Expr(ExprKind::kSlice) {}
  const Expr* start = nullptr;  // each optional
  const Expr* stop = nullptr;
  const Expr* step = nullptr;
};

struct CallArgs {
  std::vector<const Expr*> positional;
  std::vector<std::pair<Name, const Expr*>> keywords;
  const Expr* star_args = nullptr;    // *args
  const Expr* star_kwargs = nullptr;  // **kwargs
  bool empty() const { return positional.empty() && keywords.empty() && !star_args && !star_kwargs; }
};

struct CallExpr : Expr {
  CallExpr() : Expr(ExprKind::kCall) {}
  const Expr* callee = nullptr;
  CallArgs args;
};

struct SuperExpr : Expr {  // super() inside a block
  SuperExpr() : Expr(ExprKind::kSuper) {}
};

struct FilterExpr : Expr {
  FilterExpr() : Expr(ExprKind::kFilter) {}
  const Expr* input = nullptr;  // a HoleExpr in {% filter %} and {% set x | f %}
  const Filter* filter = nullptr;
  Name name = nullptr;
  bool lenient_input = false;  // `default` accepts undefined even in strict mode
  CallArgs args;
};

struct TestExpr : Expr {
  TestExpr() : Expr(ExprKind::kTest) {}
  const Expr* input = nullptr;
  const Test* test = nullptr;
  Name name = nullptr;
  CallArgs args;
};

struct HoleExpr : Expr {  // the value a filter block feeds into its filter chain
  HoleExpr() : Expr(ExprKind::kHole) {}
};

struct UnaryExpr : Expr {  // kNot, kNeg, kPos
  explicit UnaryExpr(ExprKind k) : Expr(k) {}
  const Expr* operand = nullptr;
};

enum class BinOp : uint8_t { kAdd, kSub, kMul, kDiv, kFloorDiv, kMod, kPow };

struct BinaryExpr : Expr {
  BinaryExpr() : Expr(ExprKind::kBinary) {}
  BinOp op = BinOp::kAdd;
  const Expr* left = nullptr;
  const Expr* right = nullptr;
};

struct LogicalExpr : Expr {  // kAnd, kOr
  explicit LogicalExpr(ExprKind k) : Expr(k) {}
  const Expr* left = nullptr;
  const Expr* right = nullptr;
};

enum class CmpOp : uint8_t { kEq, kNe, kLt, kLe, kGt, kGe, kIn, kNotIn };

struct CompareExpr : Expr {  // a < b <= c chains like Python
  CompareExpr() : Expr(ExprKind::kCompare) {}
  const Expr* first = nullptr;
  std::vector<std::pair<CmpOp, const Expr*>> rest;
};

struct ConcatExpr : Expr {  // a ~ b ~ c
  ConcatExpr() : Expr(ExprKind::kConcat) {}
  std::vector<const Expr*> parts;
};

struct CondExpr : Expr {  // then if test else otherwise
  CondExpr() : Expr(ExprKind::kCond) {}
  const Expr* test = nullptr;
  const Expr* then = nullptr;
  const Expr* otherwise = nullptr;  // undefined when absent
};

struct SeqExpr : Expr {  // kList, kTuple
  explicit SeqExpr(ExprKind k) : Expr(k) {}
  std::vector<const Expr*> items;
};

struct DictExpr : Expr {
  DictExpr() : Expr(ExprKind::kDict) {}
  std::vector<std::pair<const Expr*, const Expr*>> items;
};

// ---- statements ----

enum class StmtKind : uint8_t {
  kText, kPrint, kIf, kFor, kSet, kSetBlock, kBlock, kExtends, kInclude, kImport, kFromImport,
  kMacro, kCallBlock, kWith, kFilterBlock, kAutoescape,
};

struct Stmt : Node {
  StmtKind kind;
  explicit Stmt(StmtKind k) : kind(k) {}
};

using Body = std::vector<const Stmt*>;

// What {% set %}, {% for %} and {% with %} assign to: a name, a tuple of targets, or a
// namespace attribute (ns.count).
struct Target {
  enum class Kind : uint8_t { kName, kTuple, kAttr } kind = Kind::kName;
  Name name = nullptr;
  Name attr = nullptr;
  std::vector<Target> items;
  uint32_t offset = 0;
};

struct TextStmt : Stmt {
  TextStmt() : Stmt(StmtKind::kText) {}
  std::string_view text;
};

struct PrintStmt : Stmt {
  PrintStmt() : Stmt(StmtKind::kPrint) {}
  const Expr* expr = nullptr;
};

struct IfStmt : Stmt {
  IfStmt() : Stmt(StmtKind::kIf) {}
  std::vector<std::pair<const Expr*, Body>> branches;  // if, then each elif
  Body otherwise;
};

struct ForStmt : Stmt {
  ForStmt() : Stmt(StmtKind::kFor) {}
  Target target;
  const Expr* iter = nullptr;
  const Expr* filter = nullptr;  // {% for x in xs if cond %}
  bool recursive = false;
  bool uses_loop = false;  // the body mentions `loop`
  Body body;
  Body otherwise;  // {% else %}: no iteration happened
};

struct SetStmt : Stmt {
  SetStmt() : Stmt(StmtKind::kSet) {}
  Target target;
  const Expr* value = nullptr;
};

struct SetBlockStmt : Stmt {
  SetBlockStmt() : Stmt(StmtKind::kSetBlock) {}
  Target target;
  const Expr* filter = nullptr;  // optional chain over a HoleExpr
  Body body;
};

struct BlockStmt : Stmt {
  BlockStmt() : Stmt(StmtKind::kBlock) {}
  Name name = nullptr;
  bool scoped = false;
  bool required = false;
  Body body;
};

struct ExtendsStmt : Stmt {
  ExtendsStmt() : Stmt(StmtKind::kExtends) {}
  const Expr* parent = nullptr;
};

struct IncludeStmt : Stmt {
  IncludeStmt() : Stmt(StmtKind::kInclude) {}
  const Expr* name = nullptr;  // a name or a list of names (first found wins)
  bool ignore_missing = false;
  bool with_context = true;
};

struct ImportStmt : Stmt {
  ImportStmt() : Stmt(StmtKind::kImport) {}
  const Expr* name = nullptr;
  Name alias = nullptr;
  bool with_context = false;
};

struct FromImportStmt : Stmt {
  FromImportStmt() : Stmt(StmtKind::kFromImport) {}
  const Expr* name = nullptr;
  std::vector<std::pair<Name, Name>> names;  // (imported, bound as)
  bool with_context = false;
};

struct MacroParam {
  Name name = nullptr;
  const Expr* default_value = nullptr;
};

// Shared by {% macro %} and the caller of {% call %}.
struct MacroSignature {
  Name name = nullptr;  // "caller" for call blocks
  std::vector<MacroParam> params;
  bool uses_caller = false;
  bool uses_varargs = false;
  bool uses_kwargs = false;
};

struct MacroStmt : Stmt {
  MacroStmt() : Stmt(StmtKind::kMacro) {}
  MacroSignature signature;
  Body body;
};

struct CallBlockStmt : Stmt {
  CallBlockStmt() : Stmt(StmtKind::kCallBlock) {}
  const CallExpr* call = nullptr;
  MacroSignature signature;  // of caller()
  Body body;
};

struct WithStmt : Stmt {
  WithStmt() : Stmt(StmtKind::kWith) {}
  std::vector<std::pair<Target, const Expr*>> assignments;
  Body body;
};

struct FilterBlockStmt : Stmt {
  FilterBlockStmt() : Stmt(StmtKind::kFilterBlock) {}
  const Expr* filter = nullptr;  // chain over a HoleExpr
  Body body;
};

struct AutoescapeStmt : Stmt {
  AutoescapeStmt() : Stmt(StmtKind::kAutoescape) {}
  const Expr* enabled = nullptr;
  Body body;
};

// A parsed template: what the environment caches and the renderer walks.
struct CompiledTemplate {
  std::string name;    // as asked for: "page.html"
  std::string path;    // as the user knows the file: "templates/page.html"
  std::string source;  // normalized; text nodes and offsets point into it
  Body body;
  std::unordered_map<std::string_view, const BlockStmt*> blocks;  // every block, by name
  std::vector<std::unique_ptr<Node>> arena;
};

}  // namespace bengal::tmpl
