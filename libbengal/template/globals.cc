// Jinja's global functions: range(), dict(), namespace(), cycler(), joiner().
#include "template/objects.h"
#include "template/registry.h"

namespace bengal::tmpl {

namespace {

constexpr int64_t kMaxRange = 1'000'000;  // a typo like range(10**9) should fail, not eat memory

int64_t int_arg(const Value& v, std::string_view fn) {
  if (!v.is_int() && !v.is_bool()) {
    throw EvalError("'" + std::string(v.type_name()) + "' object cannot be interpreted as an integer in " + std::string(fn) + "()");
  }
  return v.as_int();
}

Value range(const Args& args) {
  args.check("range", {"start", "stop", "step"});
  if (args.size() == 0) throw EvalError("range expected at least 1 argument, got 0");
  int64_t start = 0, stop, step = 1;
  if (args.size() == 1) {
    stop = int_arg(args[0], "range");
  } else {
    start = int_arg(args[0], "range");
    stop = int_arg(args[1], "range");
    if (args.size() == 3) step = int_arg(args[2], "range");
  }
  if (step == 0) throw EvalError("range() arg 3 must not be zero");
  std::vector<Value> items;
  for (int64_t i = start; step > 0 ? i < stop : i > stop; i += step) {
    if (static_cast<int64_t>(items.size()) >= kMaxRange) throw EvalError("range() is too large");
    items.emplace_back(i);
  }
  return Value::list(std::move(items));
}

Map keywords_as_map(const Args& args) {
  Map map;
  for (const Keyword& k : args.keywords()) map.set(std::string(k.name), k.value);
  return map;
}

Value dict(const Args& args) {
  Map map;
  if (args.size() > 1) throw EvalError("dict expected at most 1 argument, got " + std::to_string(args.size()));
  if (args.size() == 1) {
    if (args[0].is_map()) {
      map = args[0].as_map();
    } else {
      for (const Value& pair : iterate(args[0])) {
        std::vector<Value> kv = iterate(pair);
        if (kv.size() != 2 || !kv[0].is_string()) throw EvalError("dict() needs (string key, value) pairs");
        map.set(kv[0].as_string(), kv[1]);
      }
    }
  }
  for (const Keyword& k : args.keywords()) map.set(std::string(k.name), k.value);
  return Value(std::move(map));
}

class CyclerObject : public Object {
 public:
  explicit CyclerObject(std::vector<Value> items) : items_(std::move(items)) {}
  std::string_view type_name() const override { return "Cycler"; }
  Value get_attr(std::string_view name) const override {
    return name == "current" ? items_[position_] : Value::undefined();
  }
  std::optional<Value> call_method(std::string_view name, const Args&) override {
    if (name == "next") {
      Value v = items_[position_];
      position_ = (position_ + 1) % items_.size();
      return v;
    }
    if (name == "reset") {
      position_ = 0;
      return Value();
    }
    return std::nullopt;
  }

 private:
  std::vector<Value> items_;
  size_t position_ = 0;
};

class JoinerObject : public Object {
 public:
  explicit JoinerObject(Value separator) : separator_(std::move(separator)) {}
  std::string_view type_name() const override { return "Joiner"; }
  bool callable() const override { return true; }
  Value call(const Args&) override {
    if (!used_) {
      used_ = true;
      return Value("");
    }
    return separator_;
  }

 private:
  Value separator_;
  bool used_ = false;
};

}  // namespace

void register_builtin_globals(Registry& registry) {
  registry.globals["range"] = Value::function("range", range);
  registry.globals["dict"] = Value::function("dict", dict);
  registry.globals["namespace"] = Value::function("namespace", [](const Args& args) {
    Map attrs;
    if (args.size() > 0 && args[0].is_map()) attrs = args[0].as_map();
    for (const auto& [key, value] : keywords_as_map(args)) attrs.set(key, value);
    return Value(std::make_shared<NamespaceObject>(std::move(attrs)));
  });
  registry.globals["cycler"] = Value::function("cycler", [](const Args& args) {
    if (args.size() == 0) throw EvalError("at least one item has to be provided");
    std::vector<Value> items(args.positional().begin(), args.positional().end());
    return Value(std::make_shared<CyclerObject>(std::move(items)));
  });
  registry.globals["joiner"] = Value::function("joiner", [](const Args& args) {
    const Value* sep = args.find(0, "sep");
    return Value(std::make_shared<JoinerObject>(sep ? *sep : Value(", ")));
  });
}

}  // namespace bengal::tmpl
