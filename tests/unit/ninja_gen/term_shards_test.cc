// Term shards in the build plan and the build file: how many there are, their render and emit
// edges, and the flags bengal-link and bengal-render get (term shards, taxonomies, --future,
// --expired).
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <string>

#include "build_plan.h"
#include "ninja_reader.h"
#include "support/fs.h"

namespace bengal {
namespace {

namespace fs = std::filesystem;
using namespace bengal::testing;

TEST(TermShardCount, AboutOnePerContentShardRoundedUpToAPowerOfTwo) {
  EXPECT_EQ(term_shard_count(0, 64, 0), 1u);
  EXPECT_EQ(term_shard_count(1, 64, 0), 1u);
  EXPECT_EQ(term_shard_count(64, 64, 0), 1u);
  EXPECT_EQ(term_shard_count(65, 64, 0), 2u);
  EXPECT_EQ(term_shard_count(129, 64, 0), 4u);
  EXPECT_EQ(term_shard_count(256, 64, 0), 4u);
  EXPECT_EQ(term_shard_count(257, 64, 0), 8u);
  EXPECT_EQ(term_shard_count(1000, 10, 0), 64u);
}

TEST(TermShardCount, AtMost64) {
  EXPECT_EQ(term_shard_count(64 * 64, 64, 0), 64u);
  EXPECT_EQ(term_shard_count(64 * 64 + 1, 64, 0), 64u);
  EXPECT_EQ(term_shard_count(1000000, 1, 0), 64u);
}

TEST(TermShardCount, TheConfiguredCountWins) {
  EXPECT_EQ(term_shard_count(10, 64, 3), 3u);
  EXPECT_EQ(term_shard_count(1000000, 1, 100), 100u) << "even above the cap";
  EXPECT_EQ(term_shard_count(0, 64, 1), 1u);
}

TEST(TermShardName, IsUnderscoreTermsAndTheIndex) {
  EXPECT_EQ(term_shard_name(0), "_terms-0");
  EXPECT_EQ(term_shard_name(17), "_terms-17");
}

class TermShardPlan : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (fs::temp_directory_path() / "bengal-terms-XXXXXX").string();
    ASSERT_NE(::mkdtemp(tmpl.data()), nullptr);
    root_ = tmpl;
    for (int i = 0; i < 5; ++i) write_file_atomic(root_ + "/content/p" + std::to_string(i) + ".md", "x");
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(root_, ec);
  }
  std::string root_;
};

TEST_F(TermShardPlan, ChosenFromThePageCountUnlessConfigured) {
  Config config;
  config.shard_size = 2;
  EXPECT_EQ(make_plan(config, root_).term_shards, 4u);  // 5 pages / 2 -> 3 -> 4
  config.term_shards = 3;
  EXPECT_EQ(make_plan(config, root_).term_shards, 3u);
}

TEST_F(TermShardPlan, NoneWithoutTaxonomies) {
  Config config;
  config.taxonomies.clear();
  config.term_shards = 3;
  EXPECT_EQ(make_plan(config, root_).term_shards, 0u);
}

// --- the build file ---------------------------------------------------------------------

Generated with_term_shards(uint32_t n) {
  Generated g;
  g.plan.term_shards = n;
  return g;
}

TEST(TermShardEdges, EachTermShardIsRenderedAndEmitted) {
  Generated g = with_term_shards(3);
  NinjaFile f = g.parsed();
  EXPECT_EQ(f.errors, Strings{});
  for (int i = 0; i < 3; ++i) {
    std::string prefix = ".bengal/shards/_terms-" + std::to_string(i);
    const NinjaEdge* render = f.producer(prefix + ".pages");
    ASSERT_NE(render, nullptr) << prefix;
    EXPECT_EQ(render->rule, "render");
    EXPECT_EQ(render->inputs, Strings{prefix + ".link"});
    EXPECT_TRUE(contains(render->implicit, ".bengal/site"));
    auto sources = render->vars.find("sources");
    EXPECT_TRUE(sources == render->vars.end() || sources->second.empty()) << "no meta or body: generated pages only";
    const NinjaEdge* emit = f.producer(prefix + ".manifest");
    ASSERT_NE(emit, nullptr) << prefix;
    EXPECT_EQ(emit->rule, "emit");
    EXPECT_EQ(emit->inputs, Strings{prefix + ".pages"});
    EXPECT_TRUE(contains(f.producer("renders")->inputs, prefix + ".pages"));
    EXPECT_TRUE(contains(f.producer(".bengal/published.manifest")->inputs, prefix + ".manifest"));
  }
  EXPECT_EQ(f.producer(".bengal/shards/_terms-3.pages"), nullptr);
  EXPECT_EQ(f.producer("renders")->inputs.size(), 6u);  // two shards, the generated pages, three term shards
}

TEST(TermShardEdges, LinkWritesEveryTermShardAndTheTaxonomies) {
  NinjaFile f = with_term_shards(2).parsed();
  const NinjaEdge* link = f.producer(".bengal/site");
  ASSERT_NE(link, nullptr);
  for (const char* o : {".bengal/taxonomies", ".bengal/shards/_terms-0.link", ".bengal/shards/_terms-1.link"})
    EXPECT_TRUE(contains(link->outputs, o)) << o;
  const std::string bdir = var_ref("bdir");
  const std::string& command = f.rules["link"]["command"];
  EXPECT_NE(command.find(" --taxonomies " + bdir + "/taxonomies "), std::string::npos) << shown(command);
  EXPECT_NE(command.find(" --term-shard " + bdir + "/shards/_terms-0.link --term-shard " + bdir +
                         "/shards/_terms-1.link"),
            std::string::npos)
      << shown(command);
  EXPECT_NE(f.rules["render"]["command"].find(" --taxonomies " + bdir + "/taxonomies "), std::string::npos)
      << shown(f.rules["render"]["command"]);
}

TEST(TermShardEdges, WithoutTermShardsNoTermFlagsOrEdges) {
  NinjaFile f = with_term_shards(0).parsed();
  EXPECT_EQ(f.rules["link"]["command"].find("--term-shard"), std::string::npos);
  for (const NinjaEdge& e : f.edges)
    for (const std::string& o : e.outputs) EXPECT_EQ(o.find("_terms-"), std::string::npos) << o;
}

TEST(PublishFlags, FutureAndExpiredReachConfigureAndLink) {
  Generated g;
  NinjaFile without = g.parsed();
  for (const char* rule : {"configure", "link"})
    for (const char* flag : {"--future", "--expired"})
      EXPECT_EQ(without.rules[rule]["command"].find(flag), std::string::npos) << rule << " " << flag;
  g.options.future = true;
  NinjaFile future = g.parsed();
  EXPECT_NE(future.rules["configure"]["command"].find(" --future"), std::string::npos);
  EXPECT_NE(future.rules["link"]["command"].find(" --future"), std::string::npos);
  EXPECT_EQ(future.rules["link"]["command"].find("--expired"), std::string::npos);
  g.options.expired = true;
  NinjaFile both = g.parsed();
  EXPECT_NE(both.rules["configure"]["command"].find(" --future --expired"), std::string::npos)
      << shown(both.rules["configure"]["command"]);
  EXPECT_NE(both.rules["link"]["command"].find(" --future --expired"), std::string::npos);
  EXPECT_EQ(both.rules["render"], without.rules["render"]) << "render does not choose pages";
}

}  // namespace
}  // namespace bengal
