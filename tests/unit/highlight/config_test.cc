// JSON, YAML, TOML and INI.
#include <gtest/gtest.h>

#include "highlight_test_util.h"

namespace bengal::highlight {
namespace {

using testing::class_of;
using testing::spans;

TEST(JsonLexer, KeysValuesAndNumbers) {
  EXPECT_EQ(
      spans("json", "{\"k\\\"ey\" : [1, -2.5e3, \"v\", true, null]}\n"),
      "[p:{][nt:\"k\\\"ey\"] [p::] [p:[][mi:1][p:,] [mf:-2.5e3][p:,] [s2:\"v\"][p:,] [kc:true][p:,] [kc:null][p:]}]\n");
}

TEST(YamlLexer, KeysScalarsAndFlowCollections) {
  EXPECT_EQ(spans("yaml", "key: value # c\nlist: [a, {b: c}]\n- item\n"),
            "[nt:key][p::] [l:value] [c1:# c]\n[nt:list][p::] [p:[][nv:a][p:,] [p:{][nt:b][p::] [nv:c][p:}]]\n"
            "[p:-] [l:item]\n");
}

TEST(YamlLexer, BlockScalarsAndContinuations) {
  EXPECT_EQ(spans("yaml", "run: |\n  make # not a comment\n\n  done\nnext: a\n  b\n"),
            "[nt:run][p::] [p:|]\n  [no:make # not a comment]\n\n  [no:done]\n[nt:next][p::] [l:a]\n  [l:b]\n");
}

TEST(YamlLexer, QuotedAnchorsAliasesAndTags) {
  EXPECT_EQ(spans("yaml", "a: &x 'it''s'\nb: *x\nc: !!str \"q\\\"\"\n---\n"),
            "[nt:a][p::] [nl:&x] [s:'it][se:''][s:s']\n[nt:b][p::] [nv:*x]\n[nt:c][p::] [kt:!!str] [s:\"q\\\"\"]\n"
            "[nn:---]\n");
}

TEST(TomlLexer, TablesKeysAndValues) {
  EXPECT_EQ(spans("toml", "[server]\nport = 8080 # c\nratio = 1.5\non = true\nlist = [true, 'a']\n"),
            "[k:[server]]\nport [o:=] [mi:8080] [c1:# c]\nratio [o:=] [mf:1.5]\non [o:=] [kc:true]\n"
            "list [o:=] [p:[]true[p:,] [s:'a'][p:]]\n");
  EXPECT_EQ(class_of("toml", "t = 2024-05-01T10:00:00Z\n", "2024-05-01T10:00:00Z"), "mi");
}

TEST(IniLexer, SectionsKeysAndComments) {
  EXPECT_EQ(spans("ini", "; top\n[core]\nname = Ana Lima ; inline\nbare\n"),
            "[c1:; top]\n[k:[core]]\n[na:name] [o:=] [s:Ana Lima] [c1:; inline]\n[na:bare]\n");
}

}  // namespace
}  // namespace bengal::highlight
