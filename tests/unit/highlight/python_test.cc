#include <gtest/gtest.h>

#include "highlight_test_util.h"

namespace bengal::highlight {
namespace {

using testing::class_of;
using testing::spans;

TEST(PythonLexer, DefinitionsAndDecorators) {
  EXPECT_EQ(spans("python", "@app.route('/')\nclass A(B):\n    def __init__(self): pass\n"),
            "[nd:@app][o:.]route[p:(][s1:'/'][p:)]\n"
            "[k:class] [nc:A][p:(]B[p:):]\n"
            "    [k:def] [fm:__init__][p:(][bp:self][p:):] [k:pass]\n");
}

TEST(PythonLexer, FStringsHaveCodeInside) {
  EXPECT_EQ(spans("python", "f\"{x!r:>{w}} {{lit}} {d['k']}\"\n"),
            "[sa:f][s2:\"][si:{]x[si:!r:][s2:>][si:{]w[si:}}][s2: ][se:{{][s2:lit][se:}}][s2: ][si:{]d[p:[]"
            "[s1:'k'][p:]][si:}][s2:\"]\n");
}

TEST(PythonLexer, EscapesFormatsAndRawStrings) {
  EXPECT_EQ(spans("python", "'%-5.2f\\n{0}' r'\\d%s' b'\\x00'\n"),
            "[s1:'][si:%-5.2f][se:\\n][si:{0}][s1:'] [sa:r][s1:'\\d][si:%s][s1:'] [sa:b][s1:'][se:\\x00][s1:']\n");
}

TEST(PythonLexer, TripleQuotedDocstringsOnlyAtStatementStart) {
  EXPECT_EQ(spans("python", "    \"\"\"Doc\n    more\"\"\"\nx = '''not doc'''\n"),
            "    [sd:\"\"\"Doc\n    more\"\"\"]\nx [o:=] [s1:'''not doc''']\n");
}

TEST(PythonLexer, NumbersAndOperatorWords) {
  EXPECT_EQ(spans("python", "0x_FF 0o17 0b1 1_000 3.5e-3 .5 x if not y is None\n"),
            "[mh:0x_FF] [mo:0o17] [mb:0b1] [mi:1_000] [mf:3.5e-3] [mf:.5] x [k:if] [ow:not] y [ow:is] [kc:None]\n");
}

TEST(PythonLexer, ImportsAndBuiltins) {
  EXPECT_EQ(spans("python", "from a.b import c as d\nimport os, sys\nprint(len(x), obj.print)\n"),
            "[kn:from] [nn:a.b] [kn:import] c [k:as] d\n"
            "[kn:import] [nn:os][o:,] [nn:sys]\n"
            "[nb:print][p:(][nb:len][p:(]x[p:),] obj[o:.]print[p:)]\n");
}

TEST(PythonLexer, SoftKeywordsAndHashbang) {
  EXPECT_EQ(class_of("python", "match command:\n", "match"), "k");
  EXPECT_EQ(class_of("python", "match = 3\n", "match"), "-");
  EXPECT_EQ(class_of("python", "#!/usr/bin/env python3\n", "#!"), "ch");
  EXPECT_EQ(class_of("python", "x = 1  # note\n", "# note"), "c1");
}

}  // namespace
}  // namespace bengal::highlight
