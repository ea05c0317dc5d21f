// [feeds] content = "full" in the build file: every render edge also writes its S.feeds, one
// site-wide edge fills the feeds from all of them, and an emit edge publishes the result like
// a shard's pages. With summaries (the default) the build file has none of it.
#include <gtest/gtest.h>

#include <string>

#include "build_plan.h"
#include "build_graph.h"
#include "ninja_reader.h"

namespace bengal {
namespace {

using namespace bengal::testing;

Generated full_feeds() {
  Generated g;
  g.config.feed_content = "full";
  g.plan.term_shards = 2;
  return g;
}

TEST(FeedsEdge, EveryRenderEdgeWritesItsFeedsFile) {
  NinjaFile f = full_feeds().parsed();
  EXPECT_EQ(f.errors, Strings{});
  std::vector<const NinjaEdge*> renders = f.edges_of("render");
  ASSERT_EQ(renders.size(), 5u);  // two content shards, the generated pages, two term shards
  Strings feeds;
  for (const NinjaEdge* e : renders) {
    ASSERT_EQ(e->implicit_outputs.size(), 2u);
    EXPECT_EQ(e->implicit_outputs[1], e->vars.at("feeds"));
    feeds.push_back(e->implicit_outputs[1]);
  }
  EXPECT_EQ(feeds, (Strings{".bengal/shards/root-11111111.feeds", ".bengal/shards/docs-22222222.feeds",
                            ".bengal/shards/_generated.feeds", ".bengal/shards/_terms-0.feeds",
                            ".bengal/shards/_terms-1.feeds"}));
  EXPECT_NE(f.rules.at("render").at("command").find(" --feeds "), std::string::npos);

  const NinjaEdge* fill = f.producer(".bengal/feeds.pages");
  ASSERT_NE(fill, nullptr);
  EXPECT_EQ(fill->rule, "fill_feeds");
  EXPECT_EQ(fill->inputs, feeds);
  EXPECT_EQ(fill->outputs, (Strings{".bengal/feeds.pages", ".bengal/feeds.dd"}));
  EXPECT_NE(f.rules.at("fill_feeds").at("command").find("bengal-render --fill-feeds"), std::string::npos);
}

TEST(FeedsEdge, AnEmitEdgePublishesTheFeedsAndThePruneStepKnowsThem) {
  NinjaFile f = full_feeds().parsed();
  const NinjaEdge* emit = f.producer(".bengal/feeds.manifest");
  ASSERT_NE(emit, nullptr);
  EXPECT_EQ(emit->rule, "emit");
  EXPECT_EQ(emit->inputs, Strings{".bengal/feeds.pages"});
  EXPECT_EQ(emit->vars.at("dyndep"), ".bengal/feeds.dd");
  EXPECT_TRUE(contains(emit->order_only, "renders"));
  const NinjaEdge* renders = f.producer("renders");
  ASSERT_NE(renders, nullptr);
  EXPECT_TRUE(contains(renders->inputs, ".bengal/feeds.pages")) << "a failed fill publishes nothing";
  const NinjaEdge* prune = f.producer(".bengal/published.manifest");
  ASSERT_NE(prune, nullptr);
  EXPECT_TRUE(contains(prune->inputs, ".bengal/feeds.manifest"));
}

TEST(FeedsEdge, SummariesOrNoFeedsAddNothing) {
  Generated summary;
  Generated full = full_feeds();
  full.plan.term_shards = 0;
  full.config.feed_count = 0;
  EXPECT_EQ(summary.text(), full.text());
  NinjaFile f = summary.parsed();
  EXPECT_EQ(f.producer(".bengal/feeds.pages"), nullptr);
  EXPECT_EQ(f.rules.count("fill_feeds"), 0u);
  EXPECT_EQ(f.rules.at("render").at("command").find("--feeds"), std::string::npos);
}

TEST(FeedsEdge, MakeAndBazelGetTheSameSteps) {
  Generated g = full_feeds();
  BuildGraph graph = build_graph(g.config, g.plan, g.options);
  bool fill = false;
  for (const GraphEdge& e : graph.edges) fill = fill || e.rule == "fill_feeds";
  EXPECT_TRUE(fill);
}

}  // namespace
}  // namespace bengal
