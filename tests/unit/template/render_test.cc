// Statements and expressions, end to end through Environment::render.
#include <gtest/gtest.h>

#include "test_util.h"

namespace bengal::tmpl {
namespace {

using nlohmann::ordered_json;
using testing::render;

TEST(Render, TextAndVariables) {
  EXPECT_EQ(render("Hello {{ name }}!", {{"name", "Ann"}}), "Hello Ann!");
  EXPECT_EQ(render("[{{ missing }}][{{ page.missing.deeper }}]", {{"page", ordered_json::object()}}), "[][]");
  EXPECT_EQ(render("{{ 1 + 2 * 3 }} {{ 7 // 2 }} {{ 7 / 2 }} {{ 2 ** 10 }} {{ -7 % 3 }}"), "7 3 3.5 1024 2");
  EXPECT_EQ(render("{{ 'a' ~ 1 ~ none }} {{ [1, 'x'] }} {{ {'k': (1, 2)} }}"), "a1None [1, &#39;x&#39;] {&#39;k&#39;: (1, 2)}");
}

TEST(Render, AutoescapeEscapesLikeMarkupSafe) {
  EXPECT_EQ(render("{{ s }}", {{"s", "& < > \" '"}}), "&amp; &lt; &gt; &#34; &#39;");
  EXPECT_EQ(render("{{ s|safe }}", {{"s", "<b>"}}), "<b>");
  Options raw;
  raw.autoescape = false;
  EXPECT_EQ(render("{{ s }}{{ s|e }}", {{"s", "<b>"}}, {}, raw), "<b>&lt;b&gt;");
}

TEST(Render, HostSafeStringsPassThrough) {
  auto loader = std::make_shared<MemoryLoader>();
  loader->add("page.html", "<main>{{ content }}</main><p>{{ summary }}</p>");
  Environment env(loader);
  Map context;
  context.set("content", Value::safe_string("<p>From <em>Markdown</em></p>"));
  context.set("summary", Value("<unsafe>"));
  EXPECT_EQ(env.render("page.html", Value(std::move(context))),
            "<main><p>From <em>Markdown</em></p></main><p>&lt;unsafe&gt;</p>");
}

// Subscripts read in place (list[int], map[str]) must give what get_item gives, and fall back
// to it for everything else: misses, strings, slices, keys with effects.
TEST(Render, SubscriptsReadInPlace) {
  nlohmann::ordered_json ctx = {{"nav", {{{"url", "/a/"}}, {{"url", "/b/"}}}}, {"d", 0}, {"k", "url"}};
  EXPECT_EQ(render("{{ nav[d].url }} {{ nav[d + 1].url }} {{ nav[-1].url }} {{ nav[true].url }} {{ nav[0][k] }}", ctx),
            "/a/ /b/ /b/ /b/ /a/");
  EXPECT_EQ(render("[{{ nav[2] }}][{{ nav[-3] }}][{{ nav[0]['x'] }}][{{ nav['url'] }}][{{ nav[d + 0.0] }}]", ctx),
            "[][][][][]");
  EXPECT_EQ(render("{{ nav[0].url[1] }} {{ nav[1:] | length }} {% if nav[d].url == nav[d + 1].url %}same{% endif %}", ctx),
            "a 1 ");
  EXPECT_EQ(render("{% for e in nav[d:] %}{{ e.url }}{% endfor %}{% for e in [nav[d]] %}{{ e['url'] }}{% endfor %}", ctx),
            "/a//b//a/");
  // A key that appends to the list it indexes: evaluated the general way, after the object.
  EXPECT_EQ(render("{% set xs = [1] %}{{ xs[xs.append(2) or 1] }} {{ xs }}"), "2 [1, 2]");
  EXPECT_EQ(testing::error_of("{{ nav[missing] }}", ctx, {}, testing::strict()), "main.html:1:8: error: 'missing' is undefined");
}

TEST(Render, IfElifElse) {
  const char* t = "{% for n in [1, 2, 3] %}{% if n == 1 %}a{% elif n == 2 %}b{% else %}c{% endif %}{% endfor %}";
  EXPECT_EQ(render(t), "abc");
  EXPECT_EQ(render("{{ 'y' if x else 'n' }}{{ 'z' if x }}", {{"x", false}}), "n");
}

TEST(Render, ConditionsAndComparisons) {
  nlohmann::ordered_json ctx = {{"page", {{"url", "/b/"}, {"n", 2}}},
                                {"items", {{{"url", "/a/"}, {"n", 1}}, {{"url", "/b/"}, {"n", 2}}, {{"url", "/c/"}, {"n", 3}}}}};
  // Comparisons between places, and `and`, `or`, `not` in if, loop filters and `x if c else y`.
  EXPECT_EQ(render("{% for i in items %}{% if i.url == page.url %}[{{ i.n }}]{% else %}{{ i.n }}{% endif %}{% endfor %}", ctx),
            "1[2]3");
  EXPECT_EQ(render("{% for i in items if i.n != 2 and not i.url == '/z/' %}{{ i.n }}{% endfor %}", ctx), "13");
  EXPECT_EQ(render("{% for i in items if i.n < 2 or i.n > page.n %}{{ i.n }}/{{ loop.length }} {% endfor %}", ctx),
            "1/2 3/2 ");
  EXPECT_EQ(render("{% for i in items %}{{ 'y' if i.n >= page.n and i.missing is not defined else 'n' }}{% endfor %}", ctx),
            "nyy");
  EXPECT_EQ(render("{% if 1 < 2 < 3 and not (2 < 1 < 3) %}chain{% endif %}"), "chain");
  EXPECT_EQ(render("{% if page.missing == page.missing2 %}undefined equal{% endif %}", ctx), "undefined equal");
  // Substrings, as the theme tests page.content.
  EXPECT_EQ(render("{{ 'class=\"math' in s }} {{ 'class=\"mermaid\"' in s }} {{ '' in s }} {{ 'x' in '' }}",
                   {{"s", "<p class=\"x\">a</p><div class=\"math display\">"}}),
            "True False True False");
}

TEST(Render, LoopVariables) {
  EXPECT_EQ(render("{% for x in 'abc' %}{{ loop.index }}{{ loop.index0 }}{{ loop.revindex }}{{ loop.first }}"
                   "{{ loop.last }}{{ loop.length }};{% endfor %}"),
            "103TrueFalse3;212FalseFalse3;321FalseTrue3;");
  EXPECT_EQ(render("{% for x in range(4) %}{{ loop.cycle('a', 'b') }}{% endfor %}"), "abab");
  EXPECT_EQ(render("{% for x in [1, 2] %}{{ loop.previtem }}|{{ loop.nextitem }};{% endfor %}"), "|2;1|;");
}

TEST(Render, LoopElseFilterAndUnpacking) {
  EXPECT_EQ(render("{% for x in [] %}x{% else %}empty{% endfor %}"), "empty");
  EXPECT_EQ(render("{% for x in range(6) if x is even %}{{ x }}/{{ loop.length }} {% endfor %}"), "0/3 2/3 4/3 ");
  EXPECT_EQ(render("{% for k, v in d.items() %}{{ k }}={{ v }};{% endfor %}", {{"d", {{"b", 1}, {"a", 2}}}}),
            "b=1;a=2;");
  EXPECT_EQ(render("{% for a, (b, c) in [(1, (2, 3))] %}{{ a }}{{ b }}{{ c }}{% endfor %}"), "123");
}

TEST(Render, RecursiveLoop) {
  ordered_json tree = ordered_json::parse(R"([{"t": "a", "c": [{"t": "b", "c": [{"t": "c"}]}]}, {"t": "d"}])");
  EXPECT_EQ(render("{% for n in tree recursive %}{{ loop.depth }}{{ n.t }}{% if n.c %}({{ loop(n.c) }}){% endif %}{% endfor %}",
                   {{"tree", tree}}),
            "1a(2b(3c))1d");
}

TEST(Render, ScopingOfSet) {
  EXPECT_EQ(render("{% set x = 1 %}{% for i in [1, 2] %}{% set x = i %}{% endfor %}{{ x }}"), "1");
  EXPECT_EQ(render("{% set ns = namespace(n=0) %}{% for i in [1, 2, 3] %}{% set ns.n = ns.n + i %}{% endfor %}{{ ns.n }}"),
            "6");
  EXPECT_EQ(render("{% if true %}{% set x = 'leaks' %}{% endif %}{{ x }}"), "leaks");
  EXPECT_EQ(render("{% with a = 1 %}{{ a }}{% endwith %}[{{ a }}]"), "1[]");
  EXPECT_EQ(render("{% set a, b = 'xy' %}{{ b }}{{ a }}"), "yx");
}

TEST(Render, SetBlockAndFilterBlock) {
  EXPECT_EQ(render("{% set x %}<b>{{ v }}</b>{% endset %}{{ x }}", {{"v", "<"}}), "<b>&lt;</b>");
  EXPECT_EQ(render("{% set x | upper %}ab{% endset %}{{ x }}"), "AB");
  EXPECT_EQ(render("{% filter upper | replace('A', '4') %}abc{% endfilter %}"), "4BC");
}

TEST(Render, RawAndComments) {
  EXPECT_EQ(render("{% raw %}{{ x }}{% endraw %}{# gone #}!"), "{{ x }}!");
}

TEST(Render, WhitespaceControlDefaultsAndOptions) {
  const char* t = "<ul>\n  {% for x in [1] %}\n  <li>{{ x }}</li>\n  {% endfor %}\n</ul>\n";
  EXPECT_EQ(render(t), "<ul>\n  <li>1</li>\n</ul>");
  Options plain;
  plain.trim_blocks = false;
  plain.lstrip_blocks = false;
  plain.keep_trailing_newline = true;
  EXPECT_EQ(render(t, ordered_json::object(), {}, plain), "<ul>\n  \n  <li>1</li>\n  \n</ul>\n");
  EXPECT_EQ(render("a  {%- if true -%}  b  {%- endif %}"), "ab");
}

TEST(Render, ExtendsBlocksAndSuper) {
  std::map<std::string, std::string> files = {
      {"base.html", "<title>{% block title %}Site{% endblock %}</title>{% block body %}{% endblock %}"},
      {"mid.html", "{% extends 'base.html' %}{% block title %}Mid - {{ super() }}{% endblock %}"}};
  EXPECT_EQ(render("{% extends 'mid.html' %}{% block title %}Page | {{ super() }}{% endblock %}"
                   "{% block body %}<p>{{ text }}</p>{% endblock %}ignored",
                   {{"text", "hi"}}, files),
            "<title>Page | Mid - Site</title><p>hi</p>");
}

TEST(Render, ChildTopLevelSetReachesParent) {
  std::map<std::string, std::string> files = {{"base.html", "{{ title }}|{% block b %}{{ title }}{% endblock %}"}};
  EXPECT_EQ(render("{% extends 'base.html' %}{% set title = 'T' %}", ordered_json::object(), files), "T|T");
}

TEST(Render, IncludeSeesContextAndLocals) {
  std::map<std::string, std::string> files = {{"item.html", "<{{ item }}:{{ site }}>"}};
  EXPECT_EQ(render("{% for item in [1, 2] %}{% include 'item.html' %}{% endfor %}", {{"site", "S"}}, files),
            "<1:S><2:S>");
  EXPECT_EQ(render("{% set item = 3 %}{% include 'item.html' without context %}", {{"site", "S"}}, files), "<:>");
  EXPECT_EQ(render("[{% include 'nope.html' ignore missing %}]"), "[]");
  EXPECT_EQ(render("{% include ['nope.html', 'item.html'] %}", ordered_json::object(), files), "<:>");
}

TEST(Render, MacrosAndCaller) {
  EXPECT_EQ(render("{% macro link(url, text=url) %}<a href=\"{{ url }}\">{{ text }}</a>{% endmacro %}"
                   "{{ link('/a') }} {{ link('/b', text='<B>') }}"),
            "<a href=\"/a\">/a</a> <a href=\"/b\">&lt;B&gt;</a>");
  EXPECT_EQ(render("{% macro box() %}[{{ caller() }}]{% endmacro %}{% call box() %}in{% endcall %}"), "[in]");
  EXPECT_EQ(render("{% macro each(xs) %}{% for x in xs %}{{ caller(x) }}{% endfor %}{% endmacro %}"
                   "{% call(v) each([1, 2]) %}<{{ v }}>{% endcall %}"),
            "<1><2>");
  EXPECT_EQ(render("{% macro m(a) %}{{ a }}{{ varargs }}{{ kwargs }}{% endmacro %}{{ m(1, 2, k=3) }}"),
            "1(2,){&#39;k&#39;: 3}");
}

TEST(Render, ImportAndFromImport) {
  std::map<std::string, std::string> files = {
      {"forms.html", "{% set version = '1' %}{% macro field(n) %}<input name=\"{{ n }}\">{% endmacro %}"
                     "{% macro _private() %}{% endmacro %}"}};
  EXPECT_EQ(render("{% import 'forms.html' as f %}{{ f.field('q') }}{{ f.version }}", ordered_json::object(), files),
            "<input name=\"q\">1");
  EXPECT_EQ(render("{% from 'forms.html' import field as input %}{{ input('x') }}", ordered_json::object(), files),
            "<input name=\"x\">");
  EXPECT_NE(testing::error_of("{% from 'forms.html' import _private %}", ordered_json::object(), files), "");
}

TEST(Render, GlobalsAndMethods) {
  EXPECT_EQ(render("{{ range(3)|list }} {{ dict(a=1) }} {{ 'a,b'.split(',') }} {{ ' x '.strip() }}"),
            "[0, 1, 2] {&#39;a&#39;: 1} [&#39;a&#39;, &#39;b&#39;] x");
  EXPECT_EQ(render("{% set j = joiner('|') %}{% for x in 'ab' %}{{ j() }}{{ x }}{% endfor %}"), "a|b");
}

// A host object exposing attributes lazily, as the site renderer will expose pages.
class LazyPage : public Object {
 public:
  explicit LazyPage(int* reads) : reads_(reads) {}
  Value get_attr(std::string_view name) const override {
    ++*reads_;
    if (name == "title") return Value("Lazy <Title>");
    if (name == "tags") return Value::list({Value("a"), Value("b")});
    return Value::undefined();
  }

 private:
  int* reads_;
};

TEST(Render, HostObjectsAreReadLazily) {
  int reads = 0;
  auto loader = std::make_shared<MemoryLoader>();
  loader->add("p.html", "{{ page.title }} {{ page.tags|join(',') }} [{{ page.nothing }}]");
  Environment env(loader);
  Map context;
  context.set("page", Value(std::make_shared<LazyPage>(&reads)));
  EXPECT_EQ(env.render("p.html", Value(std::move(context))), "Lazy &lt;Title&gt; a,b []");
  EXPECT_EQ(reads, 3);
}

TEST(Render, HostObjectAsWholeContext) {
  int reads = 0;
  auto loader = std::make_shared<MemoryLoader>();
  loader->add("p.html", "{{ title }}");
  Environment env(loader);
  EXPECT_EQ(env.render("p.html", Value(std::make_shared<LazyPage>(&reads))), "Lazy &lt;Title&gt;");
}

TEST(Render, CustomFiltersTestsAndFunctions) {
  auto loader = std::make_shared<MemoryLoader>();
  loader->add("t.html", "{{ 'x'|twice }} {{ 4 is big }} {{ asset('site.css') }}");
  Environment env(loader);
  env.add_filter("twice", [](FilterContext&, const Value& v, const Args&) { return Value(v.str() + v.str()); });
  env.add_test("big", [](FilterContext&, const Value& v, const Args&) { return v.as_int() > 3; });
  env.add_global("asset", Value::function("asset", [](const Args& args) { return Value("/assets/" + args[0].str()); }));
  EXPECT_EQ(env.render("t.html", Value(Map())), "xx True /assets/site.css");
}

}  // namespace
}  // namespace bengal::tmpl
