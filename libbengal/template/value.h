#pragma once
// The values a template computes with: Python's data model cut down to what Jinja templates
// use. A Value is small and cheap to copy (scalars inline, everything else behind a
// shared_ptr), so the renderer passes them by value.
//
//   undefined  a missing variable or attribute; prints as "" (Jinja's Undefined)
//   none bool int float
//   string     UTF-8, with a `safe` flag: already HTML, never escaped again (MarkupSafe)
//   list       also tuples (a flag), which only changes how they print
//   map        string keys, iterated in insertion order (Python 3.7+ dicts)
//   object     anything the host or the engine implements: lazy host objects, macros,
//              functions, namespace(), loop
#include <concepts>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace bengal::tmpl {

// A problem found while evaluating (bad operand types, a failing filter). The renderer adds
// the template location and rethrows it as a TemplateError.
class EvalError : public std::runtime_error {
 public:
  explicit EvalError(const std::string& message) : std::runtime_error(message) {}
};

class Value;
class Map;
class Object;

struct List {
  std::vector<Value> items;
  bool is_tuple = false;
};

enum class Kind : uint8_t { kUndefined, kNone, kBool, kInt, kFloat, kString, kList, kMap, kObject };

class Value {
 public:
  Value() = default;  // none
  Value(std::nullptr_t) {}
  Value(bool b) : kind_(Kind::kBool) { scalar_.b = b; }
  template <std::integral T>
    requires(!std::same_as<T, bool>)
  Value(T i) : kind_(Kind::kInt) { scalar_.i = static_cast<int64_t>(i); }
  Value(double d) : kind_(Kind::kFloat) { scalar_.d = d; }
  Value(std::string s);
  Value(std::string_view s) : Value(std::string(s)) {}
  Value(const char* s) : Value(std::string(s)) {}
  Value(List list);
  Value(Map map);
  Value(std::shared_ptr<Object> object);

  // `name` (an interned variable or attribute name, or null) is only used in messages.
  static Value undefined(const std::string* name = nullptr);
  // A string that is already HTML (Jinja's Markup): printed as is.
  static Value safe_string(std::string html);
  // A string the host keeps alive and unchanged for as long as this value and its copies are
  // used (a shard's records while its pages render): neither copied nor reference-counted.
  static Value borrowed_string(const std::string& s);
  static Value string(std::string text, bool safe) { return safe ? safe_string(std::move(text)) : Value(std::move(text)); }
  static Value list(std::vector<Value> items) { return Value(List{std::move(items), false}); }
  static Value tuple(std::vector<Value> items) { return Value(List{std::move(items), true}); }
  // A host function callable from templates, e.g. `{{ asset_url("site.css") }}`.
  static Value function(std::string name, std::function<Value(const class Args&)> fn);

  Kind kind() const { return kind_; }
  bool is_undefined() const { return kind_ == Kind::kUndefined; }
  bool is_none() const { return kind_ == Kind::kNone; }
  bool is_bool() const { return kind_ == Kind::kBool; }
  bool is_int() const { return kind_ == Kind::kInt; }
  bool is_float() const { return kind_ == Kind::kFloat; }
  bool is_number() const { return kind_ == Kind::kInt || kind_ == Kind::kFloat || kind_ == Kind::kBool; }
  bool is_string() const { return kind_ == Kind::kString; }
  bool is_list() const { return kind_ == Kind::kList; }
  bool is_map() const { return kind_ == Kind::kMap; }
  bool is_object() const { return kind_ == Kind::kObject; }
  bool is_safe() const { return safe_; }  // strings only

  bool as_bool() const { return scalar_.b; }
  int64_t as_int() const {
    return kind_ == Kind::kInt ? scalar_.i : kind_ == Kind::kBool ? scalar_.b : kind_ == Kind::kFloat ? static_cast<int64_t>(scalar_.d) : 0;
  }
  double as_float() const;  // int, bool or float
  const std::string& as_string() const { return *static_cast<const std::string*>(ptr_.get()); }
  const List& as_list() const { return *static_cast<const List*>(ptr_.get()); }
  List& as_list() { return *static_cast<List*>(ptr_.get()); }
  const Map& as_map() const { return *static_cast<const Map*>(ptr_.get()); }
  Map& as_map() { return *static_cast<Map*>(ptr_.get()); }
  Object& as_object() const { return *static_cast<Object*>(ptr_.get()); }
  const std::shared_ptr<void>& shared() const { return ptr_; }
  const std::string* undefined_name() const { return kind_ == Kind::kUndefined ? scalar_.name : nullptr; }

  // Python's truth value; undefined is false.
  bool truthy() const;
  // Python's str(): what {{ value }} prints before escaping.
  std::string str() const;
  void append_str(std::string& out) const;
  // Python's repr(), used inside printed lists and maps.
  std::string repr() const;
  // Jinja's name for the type in messages: "str", "int", "list", "dict", "NoneType", ...
  std::string_view type_name() const;
  // The same string with the safe flag set (for strings) or str() marked safe.
  Value as_safe() const;

 private:
  Kind kind_ = Kind::kNone;
  bool safe_ = false;
  union {
    bool b;
    int64_t i;
    double d;
    const std::string* name;
  } scalar_{.i = 0};
  std::shared_ptr<void> ptr_;
};

// A dict with string keys that remembers insertion order.
class Map {
 public:
  using Entry = std::pair<std::string, Value>;

  const Value* find(std::string_view key) const;
  Value* find(std::string_view key);
  // find() that first tries position `hint` and updates it: templates read the same keys
  // of same-shaped maps over and over (item.title in a loop), so the guess is usually right.
  const Value* find(std::string_view key, uint32_t& hint) const;
  // Replaces the value of an existing key in place (keeping its position) or appends.
  void set(std::string key, Value value);
  // Appends a key the caller knows is not in the map yet (a host building a fresh map): set()
  // without the lookup.
  void add(std::string_view key, Value value);
  // Room for `n` entries, for a caller that knows how many it will set.
  void reserve(size_t n) { entries_.reserve(n); }
  bool contains(std::string_view key) const { return find(key) != nullptr; }
  size_t size() const { return entries_.size(); }
  bool empty() const { return entries_.empty(); }
  const std::vector<Entry>& entries() const { return entries_; }
  std::vector<Entry>::const_iterator begin() const { return entries_.begin(); }
  std::vector<Entry>::const_iterator end() const { return entries_.end(); }

 private:
  static constexpr size_t kIndexFrom = 12;  // small maps are scanned; big ones hashed
  static constexpr size_t kNotFound = static_cast<size_t>(-1);
  size_t index_of(std::string_view key) const;
  void index_last();  // adds the last entry to the index, building it when the map grows big
  void add_to_index(uint32_t position);
  void build_index(size_t slots);
  std::vector<Entry> entries_;
  // Open addressing over the entries' own keys, so a key is stored once: each slot holds an
  // entry's position + 1, or 0 when empty. Empty for small maps; at most half full.
  std::vector<uint32_t> index_;
};

// Call arguments: positional values then keyword values, as written.
struct Keyword {
  std::string_view name;
  Value value;
};

class Args {
 public:
  Args() = default;
  Args(std::span<const Value> positional, std::span<const Keyword> keywords)
      : positional_(positional), keywords_(keywords) {}

  std::span<const Value> positional() const { return positional_; }
  std::span<const Keyword> keywords() const { return keywords_; }
  size_t size() const { return positional_.size(); }
  const Value& operator[](size_t i) const { return positional_[i]; }
  // The argument at positional `index` or named `name`; null when not passed.
  const Value* find(size_t index, std::string_view name) const;
  const Value* keyword(std::string_view name) const;
  // Throws EvalError naming `callee` when more than the allowed positional arguments or an
  // unknown keyword is passed.
  void check(std::string_view callee, std::initializer_list<std::string_view> names) const;

 private:
  std::span<const Value> positional_;
  std::span<const Keyword> keywords_;
};

// Implemented by the host for values it exposes lazily (a page, the site), and by the engine
// for macros, loop, namespace() and functions. Every method has a harmless default.
class Object {
 public:
  virtual ~Object() = default;
  virtual std::string_view type_name() const { return "object"; }
  // An attribute, or Value::undefined() when there is none.
  virtual Value get_attr(std::string_view name) const;
  // obj[key]; by default a string key reads the attribute.
  virtual Value get_item(const Value& key) const;
  // Only namespace() objects accept {% set ns.x = ... %}.
  virtual bool set_attr(std::string_view name, Value value) { return false; }
  virtual bool is_mapping() const { return false; }
  // Iteration: nullopt when the object is not iterable.
  virtual std::optional<std::vector<Value>> iterate() const { return std::nullopt; }
  virtual std::optional<size_t> length() const { return std::nullopt; }
  virtual bool truthy() const { return true; }
  virtual std::string str() const;
  virtual bool callable() const { return false; }
  virtual Value call(const Args& args);
  // obj.name(args) for methods that are not values (loop.cycle); nullopt when unknown.
  virtual std::optional<Value> call_method(std::string_view name, const Args& args) { return std::nullopt; }
};

// Python's == between values (1 == 1.0 == True; strings ignore the safe flag).
bool equals(const Value& a, const Value& b);
// Python's <; throws EvalError for values that do not order ("'<' not supported ...").
bool less_than(const Value& a, const Value& b);
// Python's `needle in haystack`.
bool contains(const Value& haystack, const Value& needle);
// The items a for loop visits: list items, map keys, the characters of a string. Throws
// EvalError for values that are not iterable; undefined iterates as empty.
std::vector<Value> iterate(const Value& v);
// len(); nullopt when the value has no length.
std::optional<size_t> length_of(const Value& v);

}  // namespace bengal::tmpl
