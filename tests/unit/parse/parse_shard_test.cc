#include "parse/parse.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "format/envelope.h"
#include "parse_test_util.h"

namespace bengal {
namespace {

ScanShard two_pages() {
  ScanShard shard;
  shard.pages.push_back(testing::make_page("# A\n\n[[b]]\n", "a.md"));
  shard.pages.push_back(testing::make_page("Bee [[a|back]] [[]]\n", "b.md"));
  return shard;
}

TEST(ParseShard, KeepsPageOrderAndCollectsDiagnostics) {
  Diagnostics diags;
  ParsedShard out = parse_shard(two_pages(), {}, diags);
  ASSERT_EQ(out.meta.pages.size(), 2u);
  ASSERT_EQ(out.body.pages.size(), 2u);
  ASSERT_EQ(out.text.pages.size(), 2u);
  EXPECT_EQ(out.meta.pages[1].rel, "b.md");
  EXPECT_EQ(out.body.pages[0].rel, "a.md");
  EXPECT_EQ(out.text.pages[1].text, "Bee back [[]]");
  ASSERT_EQ(diags.items().size(), 1u);
  EXPECT_EQ(diags.items()[0].loc.file, "content/b.md");
}

TEST(ParseShard, WritesThreeIntermediatesThatReadBack) {
  auto dir = std::filesystem::temp_directory_path() / ("bengal-parse-test-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::string prefix = (dir / "s0").string();
  Diagnostics diags;
  ParsedShard out = parse_shard(two_pages(), {}, diags);
  write_parsed_shard(out, prefix, "bengal-parse test");

  auto meta = read_intermediate<MetaShard>(Kind::kMeta, prefix + ".meta");
  auto body = read_intermediate<BodyShard>(Kind::kBody, prefix + ".body");
  auto text = read_intermediate<TextShard>(Kind::kText, prefix + ".text");
  ASSERT_EQ(meta.pages.size(), 2u);
  EXPECT_EQ(meta.pages[0].headings.at(0).id, "a");
  EXPECT_EQ(meta.pages[1].links.at(0).target, "a");
  EXPECT_EQ(body.pages[1].html.size(), body.pages[1].slots.size() + 1);
  EXPECT_EQ(text.pages[0].text, "A\nb");

  auto before = std::filesystem::last_write_time(prefix + ".meta");
  std::filesystem::last_write_time(prefix + ".meta", before - std::chrono::hours(1));
  write_parsed_shard(out, prefix, "bengal-parse test");  // same bytes: the file is left alone
  EXPECT_EQ(std::filesystem::last_write_time(prefix + ".meta"), before - std::chrono::hours(1));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace bengal
