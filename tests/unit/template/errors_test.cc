// Located diagnostics: every template problem names the file, line and column in the house
// format, says what was expected, and suggests near names.
#include <gtest/gtest.h>

#include "test_util.h"

namespace bengal::tmpl {
namespace {

using testing::error_of;

TEST(TemplateErrors, UnknownFilterIsAParseErrorWithSuggestion) {
  EXPECT_EQ(error_of("<p>\n  {{ items|lenght }}</p>"),
            "main.html:2:12: error: unknown filter 'lenght' (did you mean 'length'?)");
}

TEST(TemplateErrors, UnknownFilterInBranchNeverTakenStillFails) {
  EXPECT_NE(error_of("{% if false %}{{ x|nope }}{% endif %}"), "");
}

TEST(TemplateErrors, UnknownTest) {
  EXPECT_EQ(error_of("{{ x is defind }}"), "main.html:1:9: error: unknown test 'defind' (did you mean 'defined'?)");
}

TEST(TemplateErrors, UnclosedTagNamesTheOpener) {
  EXPECT_EQ(error_of("a\nb\n{% for x in xs %}\n{{ x }}"),
            "main.html:4:8: error: expected 'endfor', found end of template (the 'for' at 3:1 is not closed)");
}

TEST(TemplateErrors, WrongEndTag) {
  EXPECT_EQ(error_of("{% if x %}\n{% endfor %}"),
            "main.html:2:4: error: expected 'endif', found 'endfor' (the 'if' at 1:1 is not closed)");
}

TEST(TemplateErrors, UnknownTagSuggests) {
  EXPECT_EQ(error_of("{% for x in y %}{% endfro %}"), "main.html:1:20: error: unknown tag 'endfro' (did you mean 'endfor'?)");
  EXPECT_EQ(error_of("{% incldue 'x' %}"), "main.html:1:4: error: unknown tag 'incldue' (did you mean 'include'?)");
  EXPECT_EQ(error_of("{% endif %}"), "main.html:1:4: error: unexpected 'endif': no tag is open here");
}

TEST(TemplateErrors, ExpectedTokenMessages) {
  EXPECT_EQ(error_of("{{ 1 + }}"), "main.html:1:8: error: expected an expression, found '}}'");
  EXPECT_EQ(error_of("{% for x y %}{% endfor %}"), "main.html:1:10: error: expected 'in', found 'y'");
  EXPECT_EQ(error_of("{% set 1 = 2 %}"), "main.html:1:8: error: expected a name, found '1'");
}

TEST(TemplateErrors, RuntimeErrorsPointAtTheExpression) {
  EXPECT_EQ(error_of("x\n{{ 1 / 0 }}"), "main.html:2:6: error: division by zero");
  EXPECT_EQ(error_of("{{ 'a' + 1 }}"), "main.html:1:8: error: unsupported operand type(s) for +: 'str' and 'int'");
  EXPECT_EQ(error_of("{{ [1, 'a']|sort }}"), "main.html:1:13: error: '<' not supported between instances of 'str' and 'int'");
  // A comparison that fails in a condition points at the comparison, as it does in {{ }}.
  EXPECT_EQ(error_of("{{ n < 'a' }}", {{"n", 1}}), "main.html:1:4: error: '<' not supported between instances of 'int' and 'str'");
  EXPECT_EQ(error_of("{% if n < 'a' %}{% endif %}", {{"n", 1}}),
            "main.html:1:7: error: '<' not supported between instances of 'int' and 'str'");
  EXPECT_EQ(error_of("{% for x in [1] if x < 'a' and x %}{% endfor %}"),
            "main.html:1:20: error: '<' not supported between instances of 'int' and 'str'");
}

TEST(TemplateErrors, ErrorsInIncludedTemplatesNameThatFile) {
  std::map<std::string, std::string> files = {{"partials/nav.html", "<nav>\n{{ x|round(method='up') }}</nav>"}};
  EXPECT_EQ(error_of("{% include 'partials/nav.html' %}", {{"x", 1.5}}, files),
            "partials/nav.html:2:6: error: method must be common, ceil or floor");
}

TEST(TemplateErrors, MissingTemplateSuggests) {
  std::map<std::string, std::string> files = {{"header.html", ""}};
  EXPECT_EQ(error_of("\n{% include 'heder.html' %}", {}, files),
            "main.html:2:12: error: template 'heder.html' not found (did you mean 'header.html'?)");
}

TEST(TemplateErrors, StrictUndefinedNamesTheVariable) {
  EXPECT_EQ(error_of("Hi {{ nmae }}", {{"name", "x"}}, {}, testing::strict()),
            "main.html:1:7: error: 'nmae' is undefined");
  EXPECT_EQ(error_of("{{ page.titel }}", {{"page", {{"title", "x"}}}}, {}, testing::strict()),
            "main.html:1:8: error: 'dict object' has no attribute 'titel'");
  EXPECT_EQ(error_of("{% for x in itmes %}{% endfor %}", {}, {}, testing::strict()),
            "main.html:1:13: error: 'itmes' is undefined");
}

TEST(TemplateErrors, StrictAllowsDefinedTestsAndDefaults) {
  EXPECT_EQ(testing::render("{{ x is defined }}{{ x|default('d') }}{{ p.q is defined }}", {{"p", nlohmann::json::object()}}, {},
                            testing::strict()),
            "FalsedFalse");
}

TEST(TemplateErrors, TemplateErrorCarriesDiagnosticAndExitCode) {
  try {
    testing::render("{{ x|nope }}");
    FAIL();
  } catch (const TemplateError& e) {
    EXPECT_EQ(e.code(), kExitContentError);
    EXPECT_EQ(e.diagnostic().loc.file, "main.html");
    EXPECT_EQ(e.diagnostic().loc.line, 1u);
    EXPECT_EQ(e.diagnostic().loc.col, 6u);
    EXPECT_EQ(e.diagnostic().message, "unknown filter 'nope'");
  }
}

TEST(TemplateErrors, MacroArgumentErrorsPointAtTheCall) {
  EXPECT_EQ(error_of("{% macro m(a) %}{% endmacro %}\n{{ m(1, 2) }}"),
            "main.html:2:4: error: macro 'm' takes not more than 1 argument(s)");
  EXPECT_EQ(error_of("{% macro m(a) %}{% endmacro %}{{ m(b=1) }}"),
            "main.html:1:34: error: macro 'm' takes no keyword argument 'b'");
}

TEST(TemplateErrors, RecursionIsStopped) {
  std::map<std::string, std::string> files = {{"loop.html", "{% include 'loop.html' %}"}};
  EXPECT_EQ(error_of("{% include 'loop.html' %}", {}, files),
            "loop.html:1:1: error: includes nest too deeply (does a template include itself?)");
  EXPECT_EQ(error_of("{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}"),
            "main.html:1:19: error: macro 'm' recurses too deeply");
}

}  // namespace
}  // namespace bengal::tmpl
