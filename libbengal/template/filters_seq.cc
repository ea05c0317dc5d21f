// Sequence filters: length, first/last, join, sort, map/select, groupby, batch, ...
// Where Jinja returns a generator (map, select, reverse, ...) these return a list.
#include <algorithm>

#include "template/escape.h"
#include "template/filter_util.h"
#include "template/operators.h"
#include "template/unicode.h"

namespace bengal::tmpl {

namespace {

// An attribute= argument: a dotted path ("meta.date", "tags.0"), an integer index, or none.
Value attribute_of(const Value& item, const Value& attribute) {
  if (attribute.is_none() || attribute.is_undefined()) return item;
  if (attribute.is_int()) return get_item(item, attribute);
  return get_path(item, attribute.str());
}

Value fold_case(const Value& v, bool case_sensitive) {
  return !case_sensitive && v.is_string() ? Value(to_lower(v.as_string())) : v;
}

// (grouper, list) from groupby: a tuple that also answers .grouper and .list.
class GroupObject : public Object {
 public:
  GroupObject(Value grouper, Value list) : grouper_(std::move(grouper)), list_(std::move(list)) {}
  std::string_view type_name() const override { return "tuple"; }
  Value get_attr(std::string_view name) const override {
    return name == "grouper" ? grouper_ : name == "list" ? list_ : Value::undefined();
  }
  Value get_item(const Value& key) const override {
    if (key.is_int()) return key.as_int() == 0 || key.as_int() == -2 ? grouper_ : key.as_int() == 1 || key.as_int() == -1 ? list_ : Value::undefined();
    return Object::get_item(key);
  }
  std::optional<std::vector<Value>> iterate() const override { return std::vector<Value>{grouper_, list_}; }
  std::optional<size_t> length() const override { return 2; }
  std::string str() const override {
    std::string out = "(";
    out += grouper_.repr();
    out += ", ";
    out += list_.repr();
    return out + ")";
  }

 private:
  Value grouper_;
  Value list_;
};

Value length_filter(FilterContext&, const Value& v, const Args&) {
  std::optional<size_t> n = length_of(v);
  if (!n) throw EvalError("object of type '" + std::string(v.type_name()) + "' has no len()");
  return Value(static_cast<int64_t>(*n));
}

Value first_filter(FilterContext&, const Value& v, const Args&) {
  if (v.is_list()) return v.as_list().items.empty() ? Value::undefined() : v.as_list().items.front();
  std::vector<Value> items = iterate(v);
  return items.empty() ? Value::undefined() : items.front();
}

Value last_filter(FilterContext&, const Value& v, const Args&) {
  if (v.is_list()) return v.as_list().items.empty() ? Value::undefined() : v.as_list().items.back();
  std::vector<Value> items = iterate(v);
  return items.empty() ? Value::undefined() : items.back();
}

Value join_filter(FilterContext& ctx, const Value& v, const Args& args) {
  args.check("join", {"d", "attribute"});
  Value separator = arg_or(args, 0, "d", Value(""));
  Value attribute = arg_or(args, 1, "attribute", Value());
  std::vector<Value> items = iterate(v);
  for (Value& item : items) item = attribute_of(item, attribute);
  bool markup = false;
  if (ctx.autoescape()) {
    markup = separator.is_safe();
    for (const Value& item : items) markup |= item.is_string() && item.is_safe();
  }
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += markup && !separator.is_safe() ? markup_escape(separator.str()) : separator.str();
    if (markup && !items[i].is_safe()) {
      append_markup_escaped(out, items[i].str());
    } else {
      items[i].append_str(out);
    }
  }
  return Value::string(std::move(out), markup);
}

// sort's key: a list of the comma-separated attributes, case-folded unless asked not to.
Value sort_key(const Value& item, const std::vector<std::string>& attributes, bool case_sensitive) {
  std::vector<Value> key;
  if (attributes.empty()) key.push_back(fold_case(item, case_sensitive));
  for (const std::string& attribute : attributes) key.push_back(fold_case(get_path(item, attribute), case_sensitive));
  return Value::list(std::move(key));
}

Value sort_filter(FilterContext&, const Value& v, const Args& args) {
  args.check("sort", {"reverse", "case_sensitive", "attribute"});
  bool reverse = bool_arg(args, 0, "reverse", false);
  bool case_sensitive = bool_arg(args, 1, "case_sensitive", false);
  Value attribute = arg_or(args, 2, "attribute", Value());
  std::vector<std::string> attributes;
  if (attribute.is_string()) {
    for (std::string& part : split_list(attribute.as_string())) attributes.push_back(std::move(part));
  } else if (attribute.is_int()) {
    attributes.push_back(attribute.str());
  }
  std::vector<std::pair<Value, Value>> keyed;  // (key, item)
  for (Value& item : iterate(v)) keyed.emplace_back(sort_key(item, attributes, case_sensitive), std::move(item));
  std::stable_sort(keyed.begin(), keyed.end(), [reverse](const auto& a, const auto& b) {
    return reverse ? less_than(b.first, a.first) : less_than(a.first, b.first);
  });
  std::vector<Value> out;
  for (auto& entry : keyed) out.push_back(std::move(entry.second));
  return Value::list(std::move(out));
}

Value reverse_filter(FilterContext&, const Value& v, const Args&) {
  if (v.is_string()) {
    std::u32string chars = to_u32(v.as_string());
    std::reverse(chars.begin(), chars.end());
    return like(v, to_utf8(chars));
  }
  std::vector<Value> items = iterate(v);
  std::reverse(items.begin(), items.end());
  return Value::list(std::move(items));
}

// map(attribute='x', default=d) or map('filter', args...).
Value map_filter(FilterContext& ctx, const Value& v, const Args& args) {
  std::vector<Value> out;
  if (!v.truthy()) return Value::list({});
  const Value* attribute = args.keyword("attribute");
  if (args.size() == 0 && attribute) {
    const Value* given_default = args.keyword("default");
    Value fallback = given_default ? *given_default : Value();
    for (const Keyword& k : args.keywords()) {
      if (k.name != "attribute" && k.name != "default") throw EvalError("unexpected keyword argument '" + std::string(k.name) + "'");
    }
    for (const Value& item : iterate(v)) {
      Value got = attribute_of(item, *attribute);
      out.push_back(got.is_undefined() && !fallback.is_none() ? fallback : got);
    }
    return Value::list(std::move(out));
  }
  if (args.size() == 0) throw EvalError("map requires a filter argument");
  std::string name = args[0].str();
  Args rest(args.positional().subspan(1), args.keywords());
  for (const Value& item : iterate(v)) out.push_back(ctx.call_filter(name, item, rest));
  return Value::list(std::move(out));
}

// select/reject/selectattr/rejectattr share this: keep items whose (attribute's) test result
// equals `keep`; without a test name, truthiness decides.
Value select_items(FilterContext& ctx, const Value& v, const Args& args, bool keep, bool by_attribute) {
  std::vector<Value> out;
  if (!v.truthy()) return Value::list({});
  size_t offset = by_attribute ? 1 : 0;
  if (by_attribute && args.size() == 0) throw EvalError("missing parameter for attribute name");
  Value attribute = by_attribute ? args[0] : Value();
  bool has_test = args.size() > offset;
  std::string test = has_test ? args[offset].str() : "";
  Args rest = has_test ? Args(args.positional().subspan(offset + 1), args.keywords()) : Args();
  for (const Value& item : iterate(v)) {
    Value subject = attribute_of(item, attribute);
    bool passed = has_test ? ctx.call_test(test, subject, rest) : subject.truthy();
    if (passed == keep) out.push_back(item);
  }
  return Value::list(std::move(out));
}

Value groupby_filter(FilterContext&, const Value& v, const Args& args) {
  args.check("groupby", {"attribute", "default", "case_sensitive"});
  Value attribute = required(args, 0, "attribute", "groupby");
  Value fallback = arg_or(args, 1, "default", Value());
  bool case_sensitive = bool_arg(args, 2, "case_sensitive", false);
  auto key_of = [&](const Value& item) {
    Value k = attribute_of(item, attribute);
    return k.is_undefined() && !fallback.is_none() ? fallback : k;
  };
  std::vector<std::pair<Value, Value>> keyed;
  for (Value& item : iterate(v)) keyed.emplace_back(fold_case(key_of(item), case_sensitive), std::move(item));
  std::stable_sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) { return less_than(a.first, b.first); });
  std::vector<Value> groups;
  for (size_t i = 0; i < keyed.size();) {
    std::vector<Value> members;
    size_t j = i;
    for (; j < keyed.size() && equals(keyed[j].first, keyed[i].first); ++j) members.push_back(keyed[j].second);
    Value grouper = case_sensitive ? keyed[i].first : key_of(members.front());
    groups.emplace_back(std::make_shared<GroupObject>(std::move(grouper), Value::list(std::move(members))));
    i = j;
  }
  return Value::list(std::move(groups));
}

Value batch_filter(FilterContext&, const Value& v, const Args& args) {
  args.check("batch", {"linecount", "fill_with"});
  int64_t size = int_arg(args, 0, "linecount", 0);
  if (size <= 0) throw EvalError("batch size must be positive");
  Value fill = arg_or(args, 1, "fill_with", Value());
  std::vector<Value> batches, current;
  for (Value& item : iterate(v)) {
    if (static_cast<int64_t>(current.size()) == size) batches.push_back(Value::list(std::move(current))), current = {};
    current.push_back(std::move(item));
  }
  if (!current.empty()) {
    if (!fill.is_none()) current.resize(static_cast<size_t>(size), fill);
    batches.push_back(Value::list(std::move(current)));
  }
  return Value::list(std::move(batches));
}

Value slice_filter(FilterContext&, const Value& v, const Args& args) {
  args.check("slice", {"slices", "fill_with"});
  int64_t slices = int_arg(args, 0, "slices", 0);
  if (slices <= 0) throw EvalError("slice count must be positive");
  Value fill = arg_or(args, 1, "fill_with", Value());
  std::vector<Value> seq = iterate(v), out;
  int64_t per_slice = static_cast<int64_t>(seq.size()) / slices;
  int64_t with_extra = static_cast<int64_t>(seq.size()) % slices;
  int64_t offset = 0;
  for (int64_t n = 0; n < slices; ++n) {
    int64_t start = offset + n * per_slice;
    if (n < with_extra) ++offset;
    int64_t end = offset + (n + 1) * per_slice;
    std::vector<Value> part(seq.begin() + start, seq.begin() + end);
    if (!fill.is_none() && n >= with_extra) part.push_back(fill);
    out.push_back(Value::list(std::move(part)));
  }
  return Value::list(std::move(out));
}

Value unique_filter(FilterContext&, const Value& v, const Args& args) {
  args.check("unique", {"case_sensitive", "attribute"});
  bool case_sensitive = bool_arg(args, 0, "case_sensitive", false);
  Value attribute = arg_or(args, 1, "attribute", Value());
  std::vector<Value> seen, out;
  for (Value& item : iterate(v)) {
    Value key = fold_case(attribute_of(item, attribute), case_sensitive);
    if (std::any_of(seen.begin(), seen.end(), [&](const Value& s) { return equals(s, key); })) continue;
    seen.push_back(std::move(key));
    out.push_back(std::move(item));
  }
  return Value::list(std::move(out));
}

Value min_max(const Value& v, const Args& args, bool want_max) {
  args.check(want_max ? "max" : "min", {"case_sensitive", "attribute"});
  bool case_sensitive = bool_arg(args, 0, "case_sensitive", false);
  Value attribute = arg_or(args, 1, "attribute", Value());
  std::vector<Value> items = iterate(v);
  if (items.empty()) return Value::undefined();
  size_t best = 0;
  Value best_key = fold_case(attribute_of(items[0], attribute), case_sensitive);
  for (size_t i = 1; i < items.size(); ++i) {
    Value key = fold_case(attribute_of(items[i], attribute), case_sensitive);
    if (want_max ? less_than(best_key, key) : less_than(key, best_key)) {
      best = i;
      best_key = std::move(key);
    }
  }
  return items[best];
}

Value sum_filter(FilterContext&, const Value& v, const Args& args) {
  args.check("sum", {"attribute", "start"});
  Value attribute = arg_or(args, 0, "attribute", Value());
  Value total = arg_or(args, 1, "start", Value(int64_t{0}));
  for (const Value& item : iterate(v)) total = binary_op(BinOp::kAdd, total, attribute_of(item, attribute));
  return total;
}

Value dictsort_filter(FilterContext&, const Value& v, const Args& args) {
  args.check("dictsort", {"case_sensitive", "by", "reverse"});
  if (v.is_undefined()) throw_undefined(v);
  if (!v.is_map()) throw EvalError("dictsort expects a mapping, not " + std::string(v.type_name()));
  bool case_sensitive = bool_arg(args, 0, "case_sensitive", false);
  std::string by = arg_or(args, 1, "by", Value("key")).str();
  if (by != "key" && by != "value") throw EvalError("you can only sort by either \"key\" or \"value\"");
  bool reverse = bool_arg(args, 2, "reverse", false);
  std::vector<std::pair<Value, Value>> keyed;
  for (const auto& [key, value] : v.as_map()) {
    keyed.emplace_back(fold_case(by == "key" ? Value(key) : value, case_sensitive), Value::tuple({Value(key), value}));
  }
  std::stable_sort(keyed.begin(), keyed.end(), [reverse](const auto& a, const auto& b) {
    return reverse ? less_than(b.first, a.first) : less_than(a.first, b.first);
  });
  std::vector<Value> out;
  for (auto& entry : keyed) out.push_back(std::move(entry.second));
  return Value::list(std::move(out));
}

Value items_filter(FilterContext&, const Value& v, const Args&) {
  if (v.is_undefined()) return Value::list({});
  if (!v.is_map()) throw EvalError("can only get item pairs from a mapping");
  std::vector<Value> out;
  for (const auto& [key, value] : v.as_map()) out.push_back(Value::tuple({Value(key), value}));
  return Value::list(std::move(out));
}

}  // namespace

std::vector<std::string> split_list(std::string_view text) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (true) {
    size_t comma = text.find(',', start);
    parts.emplace_back(text.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start));
    if (comma == std::string_view::npos) return parts;
    start = comma + 1;
  }
}

void register_sequence_filters(Registry& r) {
  add_filter(r, {"length", "count"}, length_filter);
  r.filters["first"] = first_filter;
  r.filters["last"] = last_filter;
  r.filters["join"] = join_filter;
  r.filters["sort"] = sort_filter;
  r.filters["reverse"] = reverse_filter;
  r.filters["map"] = map_filter;
  r.filters["select"] = [](FilterContext& c, const Value& v, const Args& a) { return select_items(c, v, a, true, false); };
  r.filters["reject"] = [](FilterContext& c, const Value& v, const Args& a) { return select_items(c, v, a, false, false); };
  r.filters["selectattr"] = [](FilterContext& c, const Value& v, const Args& a) { return select_items(c, v, a, true, true); };
  r.filters["rejectattr"] = [](FilterContext& c, const Value& v, const Args& a) { return select_items(c, v, a, false, true); };
  r.filters["groupby"] = groupby_filter;
  r.filters["batch"] = batch_filter;
  r.filters["slice"] = slice_filter;
  r.filters["unique"] = unique_filter;
  r.filters["min"] = [](FilterContext&, const Value& v, const Args& a) { return min_max(v, a, false); };
  r.filters["max"] = [](FilterContext&, const Value& v, const Args& a) { return min_max(v, a, true); };
  r.filters["sum"] = sum_filter;
  r.filters["list"] = [](FilterContext&, const Value& v, const Args&) { return Value::list(iterate(v)); };
  r.filters["dictsort"] = dictsort_filter;
  r.filters["items"] = items_filter;
  r.filters["attr"] = [](FilterContext&, const Value& v, const Args& args) {
    if (v.is_undefined()) throw_undefined(v);
    return get_attr(v, required(args, 0, "name", "attr").str());
  };
  add_filter(r, {"default", "d"}, [](FilterContext&, const Value& v, const Args& args) {
    args.check("default", {"default_value", "boolean"});
    bool use_default = v.is_undefined() || (bool_arg(args, 1, "boolean", false) && !v.truthy());
    return use_default ? arg_or(args, 0, "default_value", Value("")) : v;
  });
}

}  // namespace bengal::tmpl
