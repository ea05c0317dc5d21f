#include <gtest/gtest.h>

#include "highlight_test_util.h"

namespace bengal::highlight {
namespace {

using testing::class_of;
using testing::spans;

TEST(RustLexer, FunctionsTypesAndLifetimes) {
  EXPECT_EQ(spans("rust", "pub fn first<'a>(xs: &'a [u8]) -> Option<&'a u8> {}\n"),
            "[k:pub] [k:fn] [nf:first][o:<'][na:a][o:>][p:(]xs: [kp:&][o:'][na:a] [p:[][kt:u8][p:])] -> "
            "[nb:Option][o:<&'][na:a] [kt:u8][o:>] [p:{}]\n");
}

TEST(RustLexer, RawStringsCharsAndEscapes) {
  EXPECT_EQ(spans("rust", "let s = r#\"a \"q\" b\"#; let c = '\\n'; let t = \"x\\ty\\z\";\n"),
            "[kd:let] s [o:=] [s:r#\"a \"q\" b\"#][p:;] [kd:let] c [o:=] [sc:'\\n'][p:;] [kd:let] t [o:=] "
            "[s:\"x][se:\\t][s:y\\z\"][p:;]\n");
}

TEST(RustLexer, NestedAndDocComments) {
  EXPECT_EQ(spans("rust", "/* a /* b */ c */ x\n/// doc\n//! inner\n//// plain\n"),
            "[cm:/* a /* b */ c */] x\n[sd:/// doc]\n[sd://! inner]\n[c1://// plain]\n");
}

TEST(RustLexer, MacrosAttributesAndSuffixes) {
  EXPECT_EQ(spans("rust", "#[derive(Debug)]\nprintln!(\"{}\", 1u32 + 2.5f64 + 0xff_u8);\n"),
            "[cp:#[derive(Debug)]]\n[fm:println!][p:(][s:\"{}\"][p:,] [mi:1][k:u32] [o:+] [mf:2.5][k:f64] [o:+] "
            "[mh:0xff_][k:u8][p:);]\n");
  EXPECT_EQ(class_of("rust", "'outer: loop { break 'outer; }\n", "'outer;"), "?");
  EXPECT_EQ(class_of("rust", "loop { break 'outer; }\n", "'outer"), "nl");
}

TEST(GoLexer, KeywordsTypesAndBuiltinCalls) {
  EXPECT_EQ(
      spans("go", "func f(s string) int { return len(s) + int(x) }\n"),
      "[kd:func] f[p:(]s [kt:string][p:)] [kt:int] [p:{] [k:return] [nb:len][p:(]s[p:)] [o:+] [nb:int][p:(]x[p:)] "
      "[p:}]\n");
}

TEST(GoLexer, LiteralsAndOperators) {
  EXPECT_EQ(spans("go", "x := 0755 + 0x1F + 1.5e3 + 2i + 'λ' + `raw\n\\n` + \"a\\n\"\nch <- v &^ m\n"),
            "x [o::=] [mo:0755] [o:+] [mh:0x1F] [o:+] [mf:1.5e3] [o:+] [m:2i] [o:+] [sc:'λ'] [o:+] [s:`raw\n\\n`] "
            "[o:+] [s:\"a\\n\"]\nch [o:<-] v [o:&^] m\n");
}

}  // namespace
}  // namespace bengal::highlight
