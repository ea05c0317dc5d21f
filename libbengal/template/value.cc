#include "template/value.h"

#include <algorithm>
#include <cassert>
#include <cstring>

#include "template/escape.h"
#include "template/pyformat.h"
#include "template/unicode.h"

namespace bengal::tmpl {

Value::Value(std::string s) : kind_(Kind::kString), ptr_(std::make_shared<std::string>(std::move(s))) {}
Value::Value(List list) : kind_(Kind::kList), ptr_(std::make_shared<List>(std::move(list))) {}
Value::Value(Map map) : kind_(Kind::kMap), ptr_(std::make_shared<Map>(std::move(map))) {}
Value::Value(std::shared_ptr<Object> object) : kind_(Kind::kObject), ptr_(std::move(object)) {
  if (!ptr_) kind_ = Kind::kNone;
}

Value Value::undefined(const std::string* name) {
  Value v;
  v.kind_ = Kind::kUndefined;
  v.scalar_.name = name;
  return v;
}

Value Value::safe_string(std::string html) {
  Value v(std::move(html));
  v.safe_ = true;
  return v;
}

Value Value::borrowed_string(const std::string& s) {
  Value v;
  v.kind_ = Kind::kString;
  // The aliasing constructor over an empty owner: a pointer without a count to update.
  v.ptr_ = std::shared_ptr<void>(std::shared_ptr<void>(), const_cast<std::string*>(&s));
  return v;
}

namespace {
class FunctionObject : public Object {
 public:
  FunctionObject(std::string name, std::function<Value(const Args&)> fn) : name_(std::move(name)), fn_(std::move(fn)) {}
  std::string_view type_name() const override { return "function"; }
  bool callable() const override { return true; }
  Value call(const Args& args) override { return fn_(args); }
  std::string str() const override { return "<function " + name_ + ">"; }

 private:
  std::string name_;
  std::function<Value(const Args&)> fn_;
};
}  // namespace

Value Value::function(std::string name, std::function<Value(const Args&)> fn) {
  return Value(std::make_shared<FunctionObject>(std::move(name), std::move(fn)));
}

double Value::as_float() const {
  switch (kind_) {
    case Kind::kFloat: return scalar_.d;
    case Kind::kInt: return static_cast<double>(scalar_.i);
    case Kind::kBool: return scalar_.b ? 1.0 : 0.0;
    default: return 0.0;
  }
}

bool Value::truthy() const {
  switch (kind_) {
    case Kind::kUndefined: case Kind::kNone: return false;
    case Kind::kBool: return scalar_.b;
    case Kind::kInt: return scalar_.i != 0;
    case Kind::kFloat: return scalar_.d != 0.0;
    case Kind::kString: return !as_string().empty();
    case Kind::kList: return !as_list().items.empty();
    case Kind::kMap: return !as_map().empty();
    case Kind::kObject: return as_object().truthy();
  }
  return false;
}

static void append_sequence(std::string& out, const List& list) {
  out += list.is_tuple ? '(' : '[';
  for (size_t i = 0; i < list.items.size(); ++i) {
    if (i) out += ", ";
    out += list.items[i].repr();
  }
  if (list.is_tuple && list.items.size() == 1) out += ',';
  out += list.is_tuple ? ')' : ']';
}

void Value::append_str(std::string& out) const {
  switch (kind_) {
    case Kind::kUndefined: return;
    case Kind::kNone: out += "None"; return;
    case Kind::kBool: out += scalar_.b ? "True" : "False"; return;
    case Kind::kInt: append_int(out, scalar_.i); return;
    case Kind::kFloat: out += float_repr(scalar_.d); return;
    case Kind::kString: out += as_string(); return;
    case Kind::kList: append_sequence(out, as_list()); return;
    case Kind::kMap: {
      out += '{';
      bool first = true;
      for (const auto& [key, value] : as_map()) {
        if (!first) out += ", ";
        first = false;
        out += Value(key).repr() + ": " + value.repr();
      }
      out += '}';
      return;
    }
    case Kind::kObject: out += as_object().str(); return;
  }
}

std::string Value::str() const {
  if (kind_ == Kind::kString) return as_string();
  std::string out;
  append_str(out);
  return out;
}

static bool printable(char32_t cp) {
  if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0xA0) || cp == 0xAD) return false;
  if ((cp >= 0x200B && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202E) || cp == 0xFEFF) return false;
  return !(is_space(cp) && cp != ' ');
}

static std::string string_repr(std::string_view s) {
  bool has_single = s.find('\'') != std::string_view::npos;
  char quote = has_single && s.find('"') == std::string_view::npos ? '"' : '\'';
  std::string out(1, quote);
  for (size_t i = 0; i < s.size();) {
    char32_t cp = next_code_point(s, i);
    if (cp == static_cast<char32_t>(quote) || cp == '\\') {
      out += '\\';
      out += static_cast<char>(cp);
    } else if (cp == '\n') {
      out += "\\n";
    } else if (cp == '\r') {
      out += "\\r";
    } else if (cp == '\t') {
      out += "\\t";
    } else if (!printable(cp)) {
      char buf[16];
      std::snprintf(buf, sizeof buf, cp < 0x100 ? "\\x%02x" : "\\u%04x", static_cast<unsigned>(cp));
      out += buf;
    } else {
      append_utf8(out, cp);
    }
  }
  out += quote;
  return out;
}

std::string Value::repr() const {
  switch (kind_) {
    case Kind::kUndefined: return "Undefined";
    case Kind::kString: return safe_ ? "Markup(" + string_repr(as_string()) + ")" : string_repr(as_string());
    default: return str();
  }
}

std::string_view Value::type_name() const {
  switch (kind_) {
    case Kind::kUndefined: return "Undefined";
    case Kind::kNone: return "NoneType";
    case Kind::kBool: return "bool";
    case Kind::kInt: return "int";
    case Kind::kFloat: return "float";
    case Kind::kString: return safe_ ? "Markup" : "str";
    case Kind::kList: return as_list().is_tuple ? "tuple" : "list";
    case Kind::kMap: return "dict";
    case Kind::kObject: return as_object().type_name();
  }
  return "object";
}

Value Value::as_safe() const {
  if (kind_ == Kind::kString) {
    if (safe_) return *this;
    Value v = *this;
    v.safe_ = true;
    return v;
  }
  return safe_string(str());
}

// ---- Map ----

// Map keys are short names: comparing them inline, a few overlapping loads of 8 or 4 bytes,
// beats a call to memcmp and a loop over the bytes.
static bool same_key(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  size_t n = a.size();
  const char* x = a.data();
  const char* y = b.data();
  auto load8 = [](const char* p) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    return w;
  };
  auto load4 = [](const char* p) {
    uint32_t w;
    std::memcpy(&w, p, 4);
    return w;
  };
  if (n >= 8) {
    for (size_t i = 0; i + 8 < n; i += 8) {
      if (load8(x + i) != load8(y + i)) return false;
    }
    return load8(x + n - 8) == load8(y + n - 8);
  }
  if (n >= 4) return load4(x) == load4(y) && load4(x + n - 4) == load4(y + n - 4);
  // 1 to 3 bytes ("url"): the first, middle and last cover them all, without a loop.
  return n == 0 || (x[0] == y[0] && x[n / 2] == y[n / 2] && x[n - 1] == y[n - 1]);
}

static size_t hash_key(std::string_view key) { return std::hash<std::string_view>{}(key); }

size_t Map::index_of(std::string_view key) const {
  if (!index_.empty()) {
    size_t mask = index_.size() - 1;
    for (size_t slot = hash_key(key) & mask;; slot = (slot + 1) & mask) {
      uint32_t entry = index_[slot];
      if (entry == 0) return kNotFound;
      if (same_key(entries_[entry - 1].first, key)) return entry - 1;
    }
  }
  for (size_t i = 0; i < entries_.size(); ++i) {
    const std::string& k = entries_[i].first;
    if (same_key(k, key)) return i;
  }
  return kNotFound;
}

const Value* Map::find(std::string_view key) const {
  size_t i = index_of(key);
  return i == kNotFound ? nullptr : &entries_[i].second;
}

Value* Map::find(std::string_view key) {
  size_t i = index_of(key);
  return i == kNotFound ? nullptr : &entries_[i].second;
}

const Value* Map::find(std::string_view key, uint32_t& hint) const {
  if (hint < entries_.size() && same_key(entries_[hint].first, key)) return &entries_[hint].second;
  size_t i = index_of(key);
  if (i == kNotFound) return nullptr;
  hint = static_cast<uint32_t>(i);
  return &entries_[i].second;
}

void Map::set(std::string key, Value value) {
  if (Value* existing = find(key)) {
    *existing = std::move(value);
    return;
  }
  entries_.emplace_back(std::move(key), std::move(value));
  index_last();
}

void Map::add(std::string_view key, Value value) {
  assert(!find(key));
  entries_.emplace_back(std::string(key), std::move(value));
  index_last();
}

void Map::index_last() {
  if (!index_.empty() && entries_.size() * 2 <= index_.size()) {
    add_to_index(static_cast<uint32_t>(entries_.size() - 1));
  } else if (entries_.size() >= kIndexFrom) {
    build_index(std::max<size_t>(index_.size() * 2, 32));
  }
}

void Map::add_to_index(uint32_t position) {
  size_t mask = index_.size() - 1;
  size_t slot = hash_key(entries_[position].first) & mask;
  while (index_[slot] != 0) slot = (slot + 1) & mask;
  index_[slot] = position + 1;
}

void Map::build_index(size_t slots) {
  index_.assign(slots, 0);
  for (size_t i = 0; i < entries_.size(); ++i) add_to_index(static_cast<uint32_t>(i));
}

// ---- Args ----

const Value* Args::keyword(std::string_view name) const {
  for (const Keyword& k : keywords_) {
    if (k.name == name) return &k.value;
  }
  return nullptr;
}

const Value* Args::find(size_t index, std::string_view name) const {
  if (index < positional_.size()) return &positional_[index];
  return keyword(name);
}

void Args::check(std::string_view callee, std::initializer_list<std::string_view> names) const {
  if (positional_.size() > names.size()) {
    throw EvalError(std::string(callee) + "() takes at most " + std::to_string(names.size()) + " argument(s), " +
                    std::to_string(positional_.size()) + " given");
  }
  for (const Keyword& k : keywords_) {
    if (std::find(names.begin(), names.end(), k.name) == names.end()) {
      throw EvalError(std::string(callee) + "() got an unexpected keyword argument '" + std::string(k.name) + "'");
    }
  }
}

// ---- Object defaults ----

Value Object::get_attr(std::string_view) const { return Value::undefined(); }

Value Object::get_item(const Value& key) const {
  return key.is_string() ? get_attr(key.as_string()) : Value::undefined();
}

std::string Object::str() const {
  std::string out = "<";
  out += type_name();
  return out + " object>";
}

Value Object::call(const Args&) { throw EvalError("'" + std::string(type_name()) + "' object is not callable"); }

// ---- Python operators ----

static bool is_sequence(const Value& v) { return v.is_list(); }

bool equals(const Value& a, const Value& b) {
  if (a.is_number() && b.is_number()) {
    if (a.is_float() || b.is_float()) return a.as_float() == b.as_float();
    return a.as_int() == b.as_int();
  }
  if (a.kind() != b.kind()) return false;
  switch (a.kind()) {
    case Kind::kUndefined: case Kind::kNone: return true;
    case Kind::kString: return a.as_string() == b.as_string();
    case Kind::kList: {
      const List& x = a.as_list();
      const List& y = b.as_list();
      if (x.is_tuple != y.is_tuple || x.items.size() != y.items.size()) return false;
      for (size_t i = 0; i < x.items.size(); ++i) {
        if (!equals(x.items[i], y.items[i])) return false;
      }
      return true;
    }
    case Kind::kMap: {
      if (a.as_map().size() != b.as_map().size()) return false;
      for (const auto& [key, value] : a.as_map()) {
        const Value* other = b.as_map().find(key);
        if (!other || !equals(value, *other)) return false;
      }
      return true;
    }
    case Kind::kObject: return a.shared() == b.shared();
    default: return false;
  }
}

bool less_than(const Value& a, const Value& b) {
  if (a.is_number() && b.is_number()) {
    if (a.is_float() || b.is_float()) return a.as_float() < b.as_float();
    return a.as_int() < b.as_int();
  }
  if (a.is_string() && b.is_string()) return a.as_string() < b.as_string();  // UTF-8 keeps code point order
  if (is_sequence(a) && is_sequence(b)) {
    const auto& x = a.as_list().items;
    const auto& y = b.as_list().items;
    for (size_t i = 0; i < x.size() && i < y.size(); ++i) {
      if (!equals(x[i], y[i])) return less_than(x[i], y[i]);
    }
    return x.size() < y.size();
  }
  throw EvalError("'<' not supported between instances of '" + std::string(a.type_name()) + "' and '" +
                  std::string(b.type_name()) + "'");
}

// glibc's memmem is several times faster than std::string::find, which stops at every
// occurrence of the needle's first character ('<' or 'c' in HTML): `'class="math' in page.content`.
static bool contains_substring(std::string_view haystack, std::string_view needle) {
  return needle.empty() || memmem(haystack.data(), haystack.size(), needle.data(), needle.size()) != nullptr;
}

bool contains(const Value& haystack, const Value& needle) {
  switch (haystack.kind()) {
    case Kind::kUndefined: return false;
    case Kind::kString:
      if (!needle.is_string()) {
        throw EvalError("'in <string>' requires string as left operand, not " + std::string(needle.type_name()));
      }
      return contains_substring(haystack.as_string(), needle.as_string());
    case Kind::kList:
      for (const Value& item : haystack.as_list().items) {
        if (equals(item, needle)) return true;
      }
      return false;
    case Kind::kMap: return needle.is_string() && haystack.as_map().contains(needle.as_string());
    case Kind::kObject: {
      if (haystack.as_object().is_mapping() && needle.is_string()) {
        return !haystack.as_object().get_attr(needle.as_string()).is_undefined();
      }
      for (const Value& item : iterate(haystack)) {
        if (equals(item, needle)) return true;
      }
      return false;
    }
    default:
      throw EvalError("argument of type '" + std::string(haystack.type_name()) + "' is not iterable");
  }
}

std::vector<Value> iterate(const Value& v) {
  switch (v.kind()) {
    case Kind::kUndefined: return {};
    case Kind::kList: return v.as_list().items;
    case Kind::kMap: {
      std::vector<Value> keys;
      keys.reserve(v.as_map().size());
      for (const auto& entry : v.as_map()) keys.emplace_back(entry.first);
      return keys;
    }
    case Kind::kString: {
      std::vector<Value> chars;
      const std::string& s = v.as_string();
      for (size_t i = 0; i < s.size();) {
        size_t start = i;
        next_code_point(s, i);
        chars.emplace_back(s.substr(start, i - start));
      }
      return chars;
    }
    case Kind::kObject:
      if (auto items = v.as_object().iterate()) return std::move(*items);
      [[fallthrough]];
    default:
      throw EvalError("'" + std::string(v.type_name()) + "' object is not iterable");
  }
}

std::optional<size_t> length_of(const Value& v) {
  switch (v.kind()) {
    case Kind::kUndefined: return 0;
    case Kind::kString: return code_point_count(v.as_string());
    case Kind::kList: return v.as_list().items.size();
    case Kind::kMap: return v.as_map().size();
    case Kind::kObject: {
      if (auto n = v.as_object().length()) return n;
      if (auto items = v.as_object().iterate()) return items->size();
      return std::nullopt;
    }
    default: return std::nullopt;
  }
}

}  // namespace bengal::tmpl
