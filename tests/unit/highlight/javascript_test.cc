#include <gtest/gtest.h>

#include "highlight_test_util.h"

namespace bengal::highlight {
namespace {

using testing::class_of;
using testing::spans;

TEST(JavaScriptLexer, TemplateLiteralsHaveCodeInside) {
  EXPECT_EQ(spans("js", "const s = `a ${b + \"c\"} \\` $d`;\n"),
            "[kd:const] s [o:=] [sb:`a ][si:${]b [o:+] [s2:\"c\"][si:}][sb: \\` $d`][p:;]\n");
}

TEST(JavaScriptLexer, RegexOnlyWhereAnOperandIsExpected) {
  EXPECT_EQ(spans("js", "x = a / b / c;\ny = s.replace(/[/\\]]+/g, '');\n"),
            "x [o:=] a [o:/] b [o:/] c[p:;]\ny [o:=] s[p:.]replace[p:(][sr:/[/\\]]+/g][p:,] [s1:''][p:);]\n");
  EXPECT_EQ(class_of("js", "return /ab+c/i.test(s);\n", "/ab+c/i"), "sr");
}

TEST(JavaScriptLexer, NumbersKeywordsAndBuiltins) {
  EXPECT_EQ(
      spans("js", "let n = 10n + 0b11 + 0o7 + 0xFF + 1.5e3 + 42;\n"),
      "[kd:let] n [o:=] [mi:10n] [o:+] [mb:0b11] [o:+] [mo:0o7] [o:+] [mh:0xFF] [o:+] [mf:1.5e3] [o:+] [mf:42][p:;]\n");
  EXPECT_EQ(spans("js", "if (x instanceof Error) throw new TypeError(JSON.stringify(null));\n"),
            "[k:if] [p:(]x [ow:instanceof] [ne:Error][p:)] [k:throw] [ow:new] [ne:TypeError][p:(][nb:JSON][p:.]"
            "stringify[p:(][kc:null][p:));]\n");
}

TEST(TypeScriptLexer, TypesDecoratorsAndOwnKeywords) {
  EXPECT_EQ(spans("ts", "@Component\nclass A implements B {\n  private name: string;\n}\n"),
            "[kd:@Component]\n[kd:class] A [k:implements] B [p:{]\n  [k:private] name[o::] [kt:string][p:;]\n[p:}]\n");
  EXPECT_EQ(spans("ts", "type Id = number | string;\ninterface P { id: Id }\n"),
            "[kr:type] Id [o:=] [kt:number] [o:|] [kt:string][p:;]\n[kd:interface] P [p:{] id[o::] [kt:Id] [p:}]\n");
}

}  // namespace
}  // namespace bengal::highlight
