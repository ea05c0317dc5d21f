#include <gtest/gtest.h>

#include "highlight_test_util.h"

namespace bengal::highlight {
namespace {

using testing::class_of;
using testing::spans;

TEST(CLexer, PreprocessorLines) {
  EXPECT_EQ(spans("c", "#include <stdio.h> // io\n#define MAX(a, b) \\\n  ((a) > (b))\nint x;\n"),
            "[cp:#include ][cpf:<stdio.h>][c1: // io][cp:\n#define MAX(a, b) \\\n  ((a) > (b))\n][kt:int] x[p:;]\n");
  EXPECT_EQ(spans("c", "#if 0\nnot code\n#endif\n"), "[cp:#if 0][c:\nnot code\n][cp:#endif\n]");
}

TEST(CLexer, FunctionNamesOnlyAtFileLevel) {
  EXPECT_EQ(spans("c", "static int add(int a, int b) {\n  return helper(a);\n}\n"),
            "[k:static] [kt:int] [nf:add][p:(][kt:int] a[p:,] [kt:int] b[p:)] [p:{]\n"
            "  [k:return] helper[p:(]a[p:);]\n[p:}]\n");
  EXPECT_EQ(class_of("c", "size_t *dup(const char *s);\n", "dup"), "nf");
}

TEST(CLexer, LiteralsAndEscapes) {
  EXPECT_EQ(spans("c", "x = 0x1FUL + 017 + 1.5e-3f + 'a' + '\\n' + L\"a\\tb\\q\";\n"),
            "x [o:=] [mh:0x1FUL] [o:+] [mo:017] [o:+] [mf:1.5e-3f] [o:+] [sc:'a'] [o:+] [sc:'\\n'] [o:+] "
            "[sa:L][s:\"a][se:\\t][s:b\\q\"][p:;]\n");
}

TEST(CLexer, StructsLabelsAndCases) {
  EXPECT_EQ(class_of("c", "struct node { int v; };\n", "node"), "nc");
  EXPECT_EQ(spans("c", "void f(void) {\nretry:\n  switch (x) { case RED: goto retry; }\n}\n"),
            "[kt:void] [nf:f][p:(][kt:void][p:)] [p:{]\n[nl:retry][p::]\n"
            "  [k:switch] [p:(]x[p:)] [p:{] [k:case] [no:RED][p::] [k:goto] retry[p:;] [p:}]\n[p:}]\n");
}

TEST(CppLexer, RawStringsTemplatesAndNamespaces) {
  EXPECT_EQ(spans("cpp", "auto s = R\"x(a)\"b)x\";\n"),
            "[k:auto] s [o:=] [sa:R][s:\"][dl:x(][s:a)\"b][dl:)x][s:\"][p:;]\n");
  EXPECT_EQ(spans("cpp", "template <typename T> class Box final {};\nnamespace app::v1 {}\n"),
            "[k:template] [o:<][k:typename] [nc:T][o:>] [k:class] [nc:Box] [k:final] [p:{};]\n"
            "[k:namespace] [nn:app][o:::][nn:v1] [p:{}]\n");
  EXPECT_EQ(class_of("cpp", "x = 1'000'000ull;\n", "1'000'000ull"), "mi");
  EXPECT_EQ(class_of("cpp", "if (p == nullptr) return;\n", "nullptr"), "k");
}

}  // namespace
}  // namespace bengal::highlight
