// Built-in filters and tests. The differential test (tests/template_diff) checks them against
// Jinja2 at length; these pin the behaviour that matters most without needing Python.
#include <gtest/gtest.h>

#include "test_util.h"

namespace bengal::tmpl {
namespace {

using nlohmann::ordered_json;
using testing::error_of;
using testing::render;

TEST(Filters, EscapeAndSafe) {
  EXPECT_EQ(render("{{ s|e }}|{{ s|safe|e }}|{{ s|safe|forceescape }}", {{"s", "<&>"}}), "&lt;&amp;&gt;|<&>|&lt;&amp;&gt;");
  EXPECT_EQ(render("{{ '<b>'|safe|upper }} {{ '<b>'|safe|title }}"), "<B> &lt;B&gt;");
}

TEST(Filters, DefaultWithBoolean) {
  EXPECT_EQ(render("{{ x|default('a') }}{{ ''|default('b') }}{{ ''|d('c', true) }}{{ 0|default(1, boolean=true) }}"),
            "ac1");
}

TEST(Filters, Strings) {
  EXPECT_EQ(render("{{ 'hello WORLD'|title }}|{{ 'hELLO'|capitalize }}|{{ ' x '|trim }}|{{ 'aXa'|trim('a') }}"),
            "Hello World|Hello|x|X");
  EXPECT_EQ(render("{{ 'aaa'|replace('a', 'b', 2) }}|{{ 'Ünï'|upper }}|{{ 'ÀB'|lower }}"), "bba|ÜNÏ|àb");
  EXPECT_EQ(render("{{ '<p>a <b>b</b>\n c</p>'|striptags }}|{{ 'one two, three'|wordcount }}"), "a b c|3");
  EXPECT_EQ(render("{{ 'a b&c/d'|urlencode }}|{{ {'q': 'a b'}|urlencode }}"), "a%20b%26c/d|q=a+b");
  EXPECT_EQ(render("[{{ 'ab'|center(6) }}]|{{ '%s=%d'|format('x', 2) }}"), "[  ab  ]|x=2");
}

TEST(Filters, TruncateFollowsJinja) {
  std::string s = "foo bar baz qux quux";
  EXPECT_EQ(render("{{ s|truncate(9) }}", {{"s", s}}), "foo...");
  EXPECT_EQ(render("{{ s|truncate(9, true) }}", {{"s", s}}), "foo ba...");
  EXPECT_EQ(render("{{ s|truncate(18) }}", {{"s", s}}), s);  // within the leeway of 5
  EXPECT_EQ(render("{{ s|truncate(18, leeway=0) }}", {{"s", s}}), "foo bar baz...");
  EXPECT_EQ(render("{{ s|truncate(7, end='…') }}", {{"s", s}}), "foo…");
}

TEST(Filters, IndentAndWordwrap) {
  EXPECT_EQ(render("{{ 'a\nb\n\nc'|indent(2) }}"), "a\n  b\n\n  c");
  EXPECT_EQ(render("{{ 'a\nb'|indent(2, first=true, blank=true) }}"), "  a\n  b");
  EXPECT_EQ(render("{{ 'the quick brown fox'|wordwrap(10) }}"), "the quick\nbrown fox");
}

TEST(Filters, Sequences) {
  ordered_json users = ordered_json::parse(R"([{"n": "b", "age": 3}, {"n": "A", "age": 1}, {"n": "c", "age": 2}])");
  EXPECT_EQ(render("{{ users|sort(attribute='n')|map(attribute='n')|join(',') }}", {{"users", users}}), "A,b,c");
  EXPECT_EQ(render("{{ users|sort(attribute='age', reverse=true)|map(attribute='n')|join(',') }}", {{"users", users}}),
            "b,c,A");
  EXPECT_EQ(render("{{ users|selectattr('age', 'gt', 1)|map(attribute='n')|list }}", {{"users", users}}),
            "[&#39;b&#39;, &#39;c&#39;]");
  EXPECT_EQ(render("{{ range(6)|select('odd')|list }}{{ range(4)|reject('even')|list }}"), "[1, 3, 5][1, 3]");
  EXPECT_EQ(render("{{ [3, 1, 2]|sort|first }}{{ [3, 1, 2]|last }}{{ [1, 2]|sum }}{{ [4, 9]|max }}{{ [1, 1, 2]|unique|list }}"),
            "1239[1, 2]");
  EXPECT_EQ(render("{{ range(5)|batch(2)|list }}|{{ range(5)|slice(2)|list }}"), "[[0, 1], [2, 3], [4]]|[[0, 1, 2], [3, 4]]");
  EXPECT_EQ(render("{{ [1, 2, 3]|reverse|list }}{{ 'abc'|reverse }}{{ {'b': 1, 'a': 2}|dictsort }}"),
            "[3, 2, 1]cba[(&#39;a&#39;, 2), (&#39;b&#39;, 1)]");
  EXPECT_EQ(render("{{ ['a', 'b']|map('upper')|join }}{{ [1, 2]|length }}{{ 'héllo'|count }}"), "AB25");
}

TEST(Filters, Groupby) {
  ordered_json posts = ordered_json::parse(R"([{"y": 2024, "t": "a"}, {"y": 2023, "t": "b"}, {"y": 2024, "t": "c"}])");
  EXPECT_EQ(render("{% for g in posts|groupby('y') %}{{ g.grouper }}:{{ g.list|map(attribute='t')|join }};{% endfor %}",
                   {{"posts", posts}}),
            "2023:b;2024:ac;");
  EXPECT_EQ(render("{% for year, items in posts|groupby('y') %}{{ year }}={{ items|length }} {% endfor %}", {{"posts", posts}}),
            "2023=1 2024=2 ");
}

TEST(Filters, Numbers) {
  EXPECT_EQ(render("{{ '42'|int }} {{ '3.9'|int }} {{ 'x'|int(-1) }} {{ '2.5'|float }} {{ -3|abs }}"), "42 3 -1 2.5 3");
  EXPECT_EQ(render("{{ 2.5|round }} {{ 2.675|round(2) }} {{ 1.1|round(method='ceil') }} {{ 42|round }}"), "2.0 2.67 2.0 42");
  EXPECT_EQ(render("{{ 1234567|filesizeformat }}"), "1.2 MB");
}

TEST(Filters, TojsonIsHtmlSafe) {
  EXPECT_EQ(render("{{ d|tojson }}", {{"d", {{"b", "</script>"}, {"a", "it's & é"}}}}),
            R"({"a": "it\u0027s \u0026 \u00e9", "b": "\u003c/script\u003e"})");
  EXPECT_EQ(render("{{ [1]|tojson(indent=2) }}"), "[\n  1\n]");
}

TEST(Filters, ItemsAttrXmlattr) {
  EXPECT_EQ(render("{% for k, v in d|items %}{{ k }}{{ v }}{% endfor %}", {{"d", {{"x", 1}, {"y", 2}}}}), "x1y2");
  EXPECT_EQ(render("{{ d|attr('x') }}", {{"d", {{"x", 1}}}}), "1");
  EXPECT_EQ(render("<a{{ {'href': '/a&b', 'x': none}|xmlattr }}>"), "<a href=\"/a&amp;b\">");
}

TEST(Filters, DateIsABengalExtension) {
  EXPECT_EQ(render("{{ d|date }}|{{ d|date('%B %-d, %Y') }}|{{ d|date('%a %j') }}", {{"d", "2024-05-01"}}),
            "2024-05-01|May 1, 2024|Wed 122");
  EXPECT_EQ(render("{{ t|date('%Y-%m-%d %H:%M:%S %Z %z') }}", {{"t", "2024-05-01T10:00:00Z"}}),
            "2024-05-01 10:00:00 UTC +0000");
  EXPECT_EQ(render("{{ t|date('%I:%M %p %Z') }}", {{"t", "2024-12-31T23:59:00+02:00"}}), "11:59 PM UTC+02:00");
  EXPECT_EQ(render("[{{ missing|date }}]"), "[]");
  EXPECT_EQ(error_of("{{ 'May 1'|date }}"),
            "main.html:1:12: error: date: cannot read 'May 1' as an ISO 8601 date (like 2024-05-01 or 2024-05-01T10:00:00Z)");
  EXPECT_NE(error_of("{{ '2023-02-29'|date }}"), "");
}

TEST(Filters, ArgumentErrors) {
  EXPECT_EQ(error_of("{{ 'x'|truncate(1, bogus=2) }}"), "main.html:1:8: error: truncate() got an unexpected keyword argument 'bogus'");
  EXPECT_EQ(error_of("{{ 'x'|replace('a') }}"), "main.html:1:8: error: replace() missing required argument 'new'");
}

TEST(Tests, Builtins) {
  EXPECT_EQ(render("{{ x is defined }}{{ y is undefined }}{{ none is none }}{{ 1 is number }}{{ 1.0 is integer }}",
                   {{"x", 1}}),
            "TrueTrueTrueTrueFalse");
  EXPECT_EQ(render("{{ 4 is even }}{{ 3 is odd }}{{ 9 is divisibleby 3 }}{{ 'ab' is lower }}{{ 'AB' is upper }}"),
            "TrueTrueTrueTrueTrue");
  EXPECT_EQ(render("{{ {} is mapping }}{{ [] is sequence }}{{ 'x' is string }}{{ 3 is gt 2 }}{{ 2 is in [1, 2] }}"),
            "TrueTrueTrueTrueTrue");
  EXPECT_EQ(render("{{ x is not defined }}{{ true is sameas true }}{{ 'x'|safe is escaped }}"), "TrueTrueTrue");
}

}  // namespace
}  // namespace bengal::tmpl
