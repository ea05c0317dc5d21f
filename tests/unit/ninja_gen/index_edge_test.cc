// The index edge of the build file: the site-wide files it declares ([outputs], a static file
// of the same name), the static manifest it reads, the manifest it writes, and the prune step
// that reads that manifest.
#include <gtest/gtest.h>

#include <string>

#include "build_plan.h"
#include "ninja_reader.h"

namespace bengal {
namespace {

using namespace bengal::testing;

const NinjaEdge* index_edge(const NinjaFile& f) {
  std::vector<const NinjaEdge*> edges = f.edges_of("index");
  EXPECT_EQ(edges.size(), 1u);
  return edges.empty() ? nullptr : edges[0];
}

TEST(IndexEdge, DeclaresEveryOutputAndItsManifest) {
  Generated g;
  NinjaFile f = g.parsed();
  const NinjaEdge* e = index_edge(f);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->outputs, (Strings{"public/llms-full.txt", "public/llms.txt", "public/robots.txt", "public/search/index.json",
                                 "public/sitemap.xml", ".bengal/index.manifest", ".bengal/assetmap.json"}));
  // The default target builds them all.
  const NinjaEdge* site = f.producer("site");
  ASSERT_NE(site, nullptr);
  for (const std::string& o : e->outputs) EXPECT_TRUE(contains(site->inputs, o)) << o;
}

TEST(IndexEdge, ReadsTheStaticManifestAndWritesItsOwn) {
  Generated g;
  NinjaFile f = g.parsed();
  const NinjaEdge* e = index_edge(f);
  ASSERT_NE(e, nullptr);
  EXPECT_TRUE(contains(e->implicit, ".bengal/static.manifest"));
  EXPECT_TRUE(contains(e->implicit, ".bengal/pagetable"));
  const std::string& command = f.rules["index"]["command"];
  EXPECT_NE(command.find("--static-manifest " + var_ref("bdir") + "/static.manifest"), std::string::npos)
      << shown(command);
  EXPECT_NE(command.find("--manifest " + var_ref("bdir") + "/index.manifest"), std::string::npos) << shown(command);
}

TEST(IndexEdge, ThePruneStepReadsTheIndexManifest) {
  Generated g;
  NinjaFile f = g.parsed();
  const NinjaEdge* prune = f.producer(".bengal/published.manifest");
  ASSERT_NE(prune, nullptr);
  EXPECT_EQ(prune->rule, "prune");
  EXPECT_TRUE(contains(prune->inputs, ".bengal/index.manifest"));
  EXPECT_TRUE(contains(prune->inputs, ".bengal/static.manifest"));
  // Every shard's manifest too: the prune step merges them all.
  EXPECT_TRUE(contains(prune->inputs, ".bengal/shards/_generated.manifest"));
}

TEST(IndexEdge, ASiteWithItsOwnRobotsTxtGetsNoGeneratedOne) {
  Generated g;
  g.plan.copies.push_back({"static/robots.txt", "robots.txt"});
  NinjaFile f = g.parsed();
  const NinjaEdge* e = index_edge(f);
  ASSERT_NE(e, nullptr);
  EXPECT_FALSE(contains(e->outputs, "public/robots.txt"));
  ASSERT_NE(f.producer("public/robots.txt"), nullptr);
  EXPECT_EQ(f.producer("public/robots.txt")->rule, "copy");
  // A robots.txt in a subfolder is not the site's.
  Generated h;
  h.plan.copies.push_back({"static/old/robots.txt", "old/robots.txt"});
  EXPECT_TRUE(contains(index_edge(h.parsed())->outputs, "public/robots.txt"));
}

TEST(IndexEdge, DeclaresOnlyTheEnabledOutputs) {
  Generated g;
  g.config.outputs.sitemap = false;
  g.config.outputs.llms = false;
  NinjaFile f = g.parsed();
  const NinjaEdge* e = index_edge(f);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->outputs, (Strings{"public/llms-full.txt", "public/robots.txt", "public/search/index.json",
                                 ".bengal/index.manifest", ".bengal/assetmap.json"}));
  g.config.outputs = {false, false, false, false};
  EXPECT_EQ(index_edge(g.parsed())->outputs, (Strings{"public/search/index.json", ".bengal/index.manifest", ".bengal/assetmap.json"}));
}

TEST(IndexEdge, AwkwardOutputFolder) {
  Generated g;
  g.config.output_dir = "pub:lic dir";
  NinjaFile f = g.parsed();
  EXPECT_EQ(f.errors, Strings{});
  ASSERT_NE(f.producer("pub:lic dir/llms-full.txt"), nullptr);
  EXPECT_EQ(f.producer("pub:lic dir/llms-full.txt")->rule, "index");
}

}  // namespace
}  // namespace bengal
