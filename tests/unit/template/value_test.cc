#include "template/value.h"

#include <gtest/gtest.h>

#include "template/pyformat.h"
#include "template/value_json.h"

namespace bengal::tmpl {
namespace {

TEST(Value, KindsAndTruthiness) {
  EXPECT_TRUE(Value().is_none());
  EXPECT_TRUE(Value::undefined().is_undefined());
  EXPECT_FALSE(Value::undefined().truthy());
  EXPECT_FALSE(Value(0).truthy());
  EXPECT_TRUE(Value(0.5).truthy());
  EXPECT_FALSE(Value("").truthy());
  EXPECT_TRUE(Value::list({Value(0)}).truthy());
  EXPECT_FALSE(Value(Map()).truthy());
  EXPECT_TRUE(Value(int64_t{7}).is_int());
  EXPECT_TRUE(Value(true).is_bool());
}

TEST(Value, StrMatchesPython) {
  EXPECT_EQ(Value().str(), "None");
  EXPECT_EQ(Value(true).str(), "True");
  EXPECT_EQ(Value::undefined().str(), "");
  EXPECT_EQ(Value(2.0).str(), "2.0");
  EXPECT_EQ(Value::list({Value(1), Value("a'b"), Value()}).str(), "[1, \"a'b\", None]");
  EXPECT_EQ(Value::tuple({Value(1)}).str(), "(1,)");
  EXPECT_EQ(Value::safe_string("<b>").repr(), "Markup('<b>')");
  EXPECT_EQ(Value("tab\there\n").repr(), "'tab\\there\\n'");
}

TEST(FloatRepr, ShortestRoundTrip) {
  EXPECT_EQ(float_repr(0.1 + 0.2), "0.30000000000000004");
  EXPECT_EQ(float_repr(1e16), "1e+16");
  EXPECT_EQ(float_repr(1e15), "1000000000000000.0");
  EXPECT_EQ(float_repr(1.5e-7), "1.5e-07");
  EXPECT_EQ(float_repr(0.0001), "0.0001");
  EXPECT_EQ(float_repr(-0.0), "-0.0");
  EXPECT_EQ(float_repr(1.0 / 0.0), "inf");
  EXPECT_EQ(float_repr(123.456), "123.456");
}

TEST(PercentFormat, CommonSpecs) {
  EXPECT_EQ(percent_format("%s-%d-%.2f-%5s-%-3d|%x", Value::tuple({Value("a"), Value(3.9), Value(2.345), Value("b"), Value(7), Value(255)}), false),
            "a-3-2.35-    b-7  |ff");
  Map named;
  named.set("n", Value("ann"));
  EXPECT_EQ(percent_format("%(n)s!", Value(std::move(named)), false), "ann!");
  EXPECT_EQ(percent_format("<%s>", Value::tuple({Value("<")}), true), "<&lt;>");
  EXPECT_THROW(percent_format("%s %s", Value::tuple({Value(1)}), false), EvalError);
  EXPECT_THROW(percent_format("%s", Value::tuple({Value(1), Value(2)}), false), EvalError);
}

TEST(PythonParsing, IntAndFloat) {
  EXPECT_EQ(parse_python_int(" 42 ", 10), 42);
  EXPECT_EQ(parse_python_int("-1_000", 10), -1000);
  EXPECT_EQ(parse_python_int("0x1f", 16), 31);
  EXPECT_FALSE(parse_python_int("4.2", 10));
  EXPECT_FALSE(parse_python_int("_1", 10));
  EXPECT_EQ(parse_python_float("1e3"), 1000.0);
  EXPECT_FALSE(parse_python_float("0x10"));
  EXPECT_EQ(python_round(2.675, 2), 2.67);
  EXPECT_EQ(python_round(2.5, 0), 2.0);
}

TEST(Map, KeepsInsertionOrderAndReplacesInPlace) {
  Map m;
  m.set("b", Value(1));
  m.set("a", Value(2));
  m.set("b", Value(3));
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m.entries()[0].first, "b");
  EXPECT_EQ(m.entries()[0].second.as_int(), 3);
  EXPECT_EQ(m.find("a")->as_int(), 2);
  EXPECT_EQ(m.find("zz"), nullptr);
}

// Keys of 1 to 3 bytes are compared without a loop: each byte position must count.
TEST(Map, TellsApartShortKeysByEveryByte) {
  Map m;
  for (std::string key : {"a", "b", "ab", "ba", "aa", "abc", "xbc", "axc", "abx", ""}) m.set(key, Value(key));
  EXPECT_EQ(m.size(), 10u);
  for (std::string key : {"a", "b", "ab", "ba", "aa", "abc", "xbc", "axc", "abx", ""}) {
    ASSERT_NE(m.find(key), nullptr) << key;
    EXPECT_EQ(m.find(key)->as_string(), key);
  }
  EXPECT_EQ(m.find("bb"), nullptr);
  EXPECT_EQ(m.find("aaa"), nullptr);
  EXPECT_EQ(m.find("c"), nullptr);
}

TEST(Map, LargeMapsStayCorrectWithTheIndex) {
  Map m;
  for (int i = 0; i < 100; ++i) m.set(std::string("k").append(std::to_string(i)), Value(i));
  m.set("k50", Value(-1));
  EXPECT_EQ(m.size(), 100u);
  EXPECT_EQ(m.find("k99")->as_int(), 99);
  EXPECT_EQ(m.find("k50")->as_int(), -1);
  uint32_t hint = 0;
  EXPECT_EQ(m.find("k7", hint)->as_int(), 7);
  EXPECT_EQ(hint, 7u);
  EXPECT_EQ(m.find("k7", hint)->as_int(), 7);
}

TEST(Map, IndexGrowsAndTellsApartKeysThatDifferLate) {
  Map m;
  m.reserve(4);
  std::vector<std::string> keys;
  for (int i = 0; i < 300; ++i) keys.push_back("a_long_shared_prefix_" + std::to_string(i));
  keys.push_back("");
  keys.push_back("a_long_shared_prefix_");
  for (size_t i = 0; i < keys.size(); ++i) {
    m.set(keys[i], Value(static_cast<int64_t>(i)));
    ASSERT_EQ(m.find(keys[i])->as_int(), static_cast<int64_t>(i)) << keys[i];  // across every rebuild of the index
  }
  ASSERT_EQ(m.size(), keys.size());
  for (size_t i = 0; i < keys.size(); ++i) {
    EXPECT_EQ(m.find(keys[i])->as_int(), static_cast<int64_t>(i)) << keys[i];
    EXPECT_EQ(m.entries()[i].first, keys[i]);
  }
  EXPECT_EQ(m.find("a_long_shared_prefix_300"), nullptr);
  EXPECT_EQ(m.find("a_long_shared_prefix_1x"), nullptr);
  Map copy = m;  // a copy keeps a working index
  copy.set("a_long_shared_prefix_7", Value("seven"));
  EXPECT_EQ(copy.find("a_long_shared_prefix_7")->as_string(), "seven");
  EXPECT_EQ(m.find("a_long_shared_prefix_7")->as_int(), 7);
  EXPECT_EQ(copy.size(), m.size());
}

TEST(Operators, PythonEqualityAndOrder) {
  EXPECT_TRUE(equals(Value(1), Value(1.0)));
  EXPECT_TRUE(equals(Value(true), Value(1)));
  EXPECT_FALSE(equals(Value(1), Value("1")));
  EXPECT_FALSE(equals(Value::tuple({Value(1)}), Value::list({Value(1)})));
  EXPECT_TRUE(equals(Value("x"), Value::safe_string("x")));
  EXPECT_TRUE(less_than(Value("abc"), Value("abd")));
  EXPECT_TRUE(less_than(Value::list({Value(1), Value(2)}), Value::list({Value(1), Value(3)})));
  EXPECT_THROW(less_than(Value(1), Value("a")), EvalError);
  EXPECT_TRUE(contains(Value("hello"), Value("ell")));
  EXPECT_FALSE(contains(Value::undefined(), Value(1)));
  EXPECT_THROW(contains(Value(5), Value(1)), EvalError);
}

TEST(FromJson, ConvertsEveryType) {
  Value v = from_json(nlohmann::json::parse(R"({"s": "x", "i": 3, "f": 1.5, "b": true, "n": null, "l": [1], "m": {"k": "v"}})"));
  ASSERT_TRUE(v.is_map());
  EXPECT_EQ(v.as_map().find("s")->as_string(), "x");
  EXPECT_TRUE(v.as_map().find("i")->is_int());
  EXPECT_TRUE(v.as_map().find("f")->is_float());
  EXPECT_TRUE(v.as_map().find("b")->as_bool());
  EXPECT_TRUE(v.as_map().find("n")->is_none());
  EXPECT_EQ(v.as_map().find("l")->as_list().items.size(), 1u);
  EXPECT_EQ(v.as_map().find("m")->as_map().find("k")->as_string(), "v");
}

TEST(FromJson, OrderedJsonKeepsKeyOrder) {
  Value v = from_json(nlohmann::ordered_json::parse(R"({"z": 1, "a": 2})"));
  EXPECT_EQ(v.as_map().entries()[0].first, "z");
  Value sorted = from_json(nlohmann::json::parse(R"({"z": 1, "a": 2})"));
  EXPECT_EQ(sorted.as_map().entries()[0].first, "a");
}

TEST(ToPythonJson, MatchesJsonDumps) {
  Value v = from_json(nlohmann::ordered_json::parse(R"({"b": [1, 2.0, null], "a": "é<"})"));
  EXPECT_EQ(to_python_json(v, std::nullopt), R"({"a": "\u00e9<", "b": [1, 2.0, null]})");
  EXPECT_EQ(to_python_json(Value::list({Value(1)}), 2), "[\n  1\n]");
  EXPECT_THROW(to_python_json(Value::undefined(), std::nullopt), EvalError);
}

class Page : public Object {
 public:
  std::string_view type_name() const override { return "Page"; }
  Value get_attr(std::string_view name) const override {
    if (name == "title") return Value("Lazy");
    return Value::undefined();
  }
};

TEST(Object, DefaultsAreHarmless) {
  Value page(std::make_shared<Page>());
  EXPECT_TRUE(page.is_object());
  EXPECT_EQ(page.as_object().get_attr("title").as_string(), "Lazy");
  EXPECT_TRUE(page.as_object().get_item(Value("missing")).is_undefined());
  EXPECT_FALSE(page.as_object().callable());
  EXPECT_THROW(page.as_object().call(Args()), EvalError);
  EXPECT_EQ(page.str(), "<Page object>");
  EXPECT_THROW(iterate(page), EvalError);
}

TEST(Args, FindsPositionalThenKeyword) {
  std::vector<Value> positional = {Value(1)};
  std::vector<Keyword> keywords = {{"b", Value(2)}};
  Args args(positional, keywords);
  EXPECT_EQ(args.find(0, "a")->as_int(), 1);
  EXPECT_EQ(args.find(1, "b")->as_int(), 2);
  EXPECT_EQ(args.find(2, "c"), nullptr);
  EXPECT_NO_THROW(args.check("f", {"a", "b"}));
  EXPECT_THROW(args.check("f", {"a"}), EvalError);
  EXPECT_THROW(args.check("f", {}), EvalError);
}

}  // namespace
}  // namespace bengal::tmpl
