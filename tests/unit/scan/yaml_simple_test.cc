// The front matter reader without yaml-cpp (scan/yaml_simple.cc): what it accepts it must read
// exactly as yaml-cpp does (keys, typed values, plain text, positions); the rest it leaves to
// yaml-cpp.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "scan/entries.h"

namespace bengal {
namespace {

std::string describe(const FrontMatterEntries& entries) {
  std::string out;
  for (const FrontMatterEntry& e : entries)
    out += e.key + "=" + e.value.dump() + " plain[" + e.scalar_text + "] at " + std::to_string(e.pos.line) + ":" +
           std::to_string(e.pos.col) + "\n";
  return out;
}

const std::string kFile = "content/a.md";

// The block must be read by the simple reader, and as yaml-cpp reads it.
void expect_same_as_yaml_cpp(const std::string& block) {
  BlockOrigin origin{kFile, block, 2};
  FrontMatterEntries simple, full;
  ASSERT_TRUE(read_simple_yaml_entries(origin, simple)) << block;
  Diagnostics diags;
  ASSERT_TRUE(read_yaml_with_yaml_cpp(origin, full, diags)) << block;
  EXPECT_EQ(describe(simple), describe(full)) << block;
}

void expect_left_to_yaml_cpp(const std::string& block) {
  BlockOrigin origin{kFile, block, 2};
  FrontMatterEntries simple;
  EXPECT_FALSE(read_simple_yaml_entries(origin, simple)) << block;
  EXPECT_TRUE(simple.empty());
}

TEST(SimpleYaml, ReadsTheCommonFormsAsYamlCppDoes) {
  for (const std::string& block : std::vector<std::string>{
           "",
           "title: Install\n",
           "title: \"Page 2000: Shard record tool\"\nweight: 41\ndate: 2025-11-27\n"
           "tags: [incremental-field, page-theme, request-build]\ndescription: \"Config token\"\n",
           "title: 'Single: quoted'\ndraft: true\nweight: -3\nratio: 1.10\nhex: 0x1F\n",
           "title: It's fine\nslug: a-b_c.d\nurl: /docs/a/b/\n",
           "title: Über straße\ntags: [Go, \"C++\", 'x y', 10, 1.5, true]\n",
           "empty: []\nflag: False\nword: yes\ninf: .inf\nversion: 1.2.3\n",
           "title: a\n\nweight: 2\n",
           "date: 2024-05-01T10:00:00Z\nat: 12:30\nnegative: -0.5e3\n",
           "-x: 1\n1: one\n",
       })
    expect_same_as_yaml_cpp(block);
}

TEST(SimpleYaml, LeavesEverythingElseToYamlCpp) {
  for (const std::string& block : std::vector<std::string>{
           "title: a # comment\n",
           "title: a: b\n",
           "tags:\n  - a\n  - b\n",
           "params:\n  x: 1\n",
           "title: \"with \\\"escape\\\"\"\n",
           "title: 'it''s'\n",
           "title:\n",
           "title: ~\n",
           "title: null\n",
           "title:  two spaces\n",
           "title: trailing \n",
           "tags: [ a, b ]\n",
           "tags: [a,b]\n",
           "tags: [a, [b]]\n",
           "tags: [a:b]\n",
           "title: ends:\n",
           "title: - a\n",
           "title: -\n",
           "title: &anchor x\nother: *anchor\n",
           "title: !tag x\n",
           "title: |\n  block\n",
           "title: a\ntitle: b\n",
           "  title: indented\n",
           "title: a\r\n",
           "title: - a\n",
           "title: {a: 1}\n",
           "title: x\xC2\x85y\n",
           "---\n",
       })
    expect_left_to_yaml_cpp(block);
}

TEST(SimpleYaml, ReadYamlEntriesUsesItAndFallsBack) {
  std::string block = "title: Install\ntags:\n  - a\n";
  BlockOrigin origin{kFile, block, 2};
  FrontMatterEntries entries;
  Diagnostics diags;
  ASSERT_TRUE(read_yaml_entries(origin, entries, diags));
  EXPECT_EQ(describe(entries), "title=\"Install\" plain[Install] at 2:8\ntags=[\"a\"] plain[] at 4:3\n");
}

}  // namespace
}  // namespace bengal
