// The index edges of the build file: the site-wide files they declare ([outputs], a static
// file of the same name), the static manifest they read, the manifests they write, and the
// prune step that reads those manifests. One edge writes what the page table gives, two what
// every page's text gives (search, llms-full.txt); a fourth checks the asset references.
#include <gtest/gtest.h>

#include <string>

#include "build_plan.h"
#include "ninja_reader.h"

namespace bengal {
namespace {

using namespace bengal::testing;

// The edge that writes `manifest`.
const NinjaEdge* index_edge(const NinjaFile& f, const std::string& manifest = ".bengal/index.manifest") {
  const NinjaEdge* e = f.producer(manifest);
  EXPECT_NE(e, nullptr) << manifest;
  if (e) EXPECT_EQ(e->rule, "index");
  return e;
}
const NinjaEdge* search_edge(const NinjaFile& f) { return index_edge(f, ".bengal/search.manifest"); }
const NinjaEdge* llms_edge(const NinjaFile& f) { return index_edge(f, ".bengal/llms.manifest"); }

TEST(IndexEdge, DeclaresEveryOutputAndItsManifest) {
  Generated g;
  NinjaFile f = g.parsed();
  EXPECT_EQ(f.edges_of("index").size(), 3u);
  const NinjaEdge* e = index_edge(f);
  const NinjaEdge* search = search_edge(f);
  const NinjaEdge* llms = llms_edge(f);
  ASSERT_NE(e, nullptr);
  ASSERT_NE(search, nullptr);
  ASSERT_NE(llms, nullptr);
  EXPECT_EQ(e->outputs, (Strings{"public/llms.txt", "public/robots.txt", "public/sitemap.xml", ".bengal/index.manifest"}));
  EXPECT_EQ(search->outputs, (Strings{"public/search/index.json", ".bengal/search.manifest"}));
  EXPECT_EQ(llms->outputs, (Strings{"public/llms-full.txt", ".bengal/llms.manifest"}));
  // Both read every page's meta and text, each beside the other.
  EXPECT_EQ(search->inputs, llms->inputs);
  EXPECT_FALSE(search->inputs.empty());
  // The default target builds them all.
  const NinjaEdge* site = f.producer("site");
  ASSERT_NE(site, nullptr);
  for (const NinjaEdge* edge : {e, search, llms})
    for (const std::string& o : edge->outputs) EXPECT_TRUE(contains(site->inputs, o)) << o;
  EXPECT_TRUE(contains(site->inputs, ".bengal/assetmap.json"));
}

// The asset check reads what the pages reference and what every step published, and neither
// the page table nor the text: a title or body edit does not run it again.
TEST(IndexEdge, TheAssetCheckIsAnEdgeOfItsOwn) {
  Generated g;
  NinjaFile f = g.parsed();
  const NinjaEdge* check = f.producer(".bengal/assetmap.json");
  ASSERT_NE(check, nullptr);
  EXPECT_EQ(check->rule, "check_assets");
  EXPECT_EQ(check->outputs, Strings{".bengal/assetmap.json"});
  EXPECT_TRUE(contains(check->inputs, ".bengal/shards/_generated.assetrefs"));
  EXPECT_TRUE(contains(check->inputs, ".bengal/shards/_generated.manifest"));
  EXPECT_TRUE(contains(check->implicit, ".bengal/static.manifest"));
  EXPECT_FALSE(contains(check->implicit, ".bengal/pagetable"));
  for (const std::string& in : check->inputs) EXPECT_TRUE(in.find(".meta") == std::string::npos && in.find(".text") == std::string::npos) << in;
  EXPECT_EQ(check->order_only, Strings{"renders"});
  const std::string& command = f.rules["check_assets"]["command"];
  EXPECT_NE(command.find("--check-assets"), std::string::npos) << shown(command);
  EXPECT_NE(command.find("--asset-map " + var_ref("out")), std::string::npos) << shown(command);
}

TEST(IndexEdge, OnlyTheSearchEdgeReadsTheText) {
  Generated g;
  NinjaFile f = g.parsed();
  const NinjaEdge* e = index_edge(f);
  const NinjaEdge* search = search_edge(f);
  ASSERT_NE(e, nullptr);
  ASSERT_NE(search, nullptr);
  auto any_ending = [](const Strings& list, const std::string& suffix) {
    for (const std::string& s : list)
      if (s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0) return true;
    return false;
  };
  EXPECT_TRUE(any_ending(search->inputs, ".text"));
  EXPECT_TRUE(any_ending(search->inputs, ".meta"));
  EXPECT_FALSE(any_ending(search->inputs, ".assetrefs"));
  EXPECT_FALSE(any_ending(e->inputs, ".text"));
  EXPECT_FALSE(any_ending(e->inputs, ".meta"));
  EXPECT_EQ(e->inputs, Strings{});  // the page table alone (an implicit input)
  EXPECT_EQ(e->vars.at("flags"), "--outputs sitemap.xml,robots.txt,llms.txt,_redirects");
  EXPECT_EQ(search->vars.at("flags"), "--state .bengal/search.state --outputs search/index.json");
  EXPECT_EQ(llms_edge(f)->vars.at("flags"), "--state .bengal/llms.state --outputs llms-full.txt");
}

TEST(IndexEdge, TheTextEdgesKeepAStateExceptInBazel) {
  Generated g;
  NinjaFile f = g.parsed();
  ASSERT_NE(search_edge(f), nullptr);
  ASSERT_NE(llms_edge(f), nullptr);
  EXPECT_EQ(search_edge(f)->implicit_outputs, (Strings{".bengal/search.state"}));
  EXPECT_EQ(llms_edge(f)->implicit_outputs, (Strings{".bengal/llms.state"}));
  for (const char* format : {"make", "bazel"}) {
    g.options.format = format;
    const BuildGraph graph = build_graph(g.config, g.plan, g.options);
    const bool bazel = std::string(format) == "bazel";
    for (const char* name : {"search", "llms"}) {
      const GraphEdge* e = graph.producer(".bengal/" + std::string(name) + ".manifest");
      ASSERT_NE(e, nullptr) << format << " " << name;
      EXPECT_EQ(e->get("flags")->find("--state") != std::string::npos, !bazel) << format << " " << name;
      EXPECT_EQ(graph.producer(".bengal/" + std::string(name) + ".state") != nullptr, !bazel) << format << " " << name;
    }
  }
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
  EXPECT_NE(command.find("--manifest " + var_ref("manifest")), std::string::npos) << shown(command);
  EXPECT_EQ(e->vars.at("manifest"), ".bengal/index.manifest");
}

TEST(IndexEdge, ThePruneStepReadsTheIndexManifest) {
  Generated g;
  NinjaFile f = g.parsed();
  const NinjaEdge* prune = f.producer(".bengal/published.manifest");
  ASSERT_NE(prune, nullptr);
  EXPECT_EQ(prune->rule, "prune");
  EXPECT_TRUE(contains(prune->inputs, ".bengal/index.manifest"));
  EXPECT_TRUE(contains(prune->inputs, ".bengal/search.manifest"));
  EXPECT_TRUE(contains(prune->inputs, ".bengal/llms.manifest"));
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
  EXPECT_EQ(e->outputs, (Strings{"public/robots.txt", ".bengal/index.manifest"}));
  g.config.outputs = {false, false, false, false};
  f = g.parsed();
  EXPECT_EQ(f.producer(".bengal/index.manifest"), nullptr);  // nothing to write: no edge
  EXPECT_NE(f.producer(".bengal/assetmap.json"), nullptr);    // the assets are still checked
  EXPECT_EQ(search_edge(f)->outputs, (Strings{"public/search/index.json", ".bengal/search.manifest"}));
  EXPECT_EQ(f.producer(".bengal/llms.manifest"), nullptr);  // llms-full.txt is off
  // With search off too there is no text edge.
  g.config.outputs.search = false;
  EXPECT_EQ(g.parsed().producer(".bengal/search.manifest"), nullptr);
  EXPECT_EQ(g.parsed().edges_of("index").size(), 0u);
}

TEST(IndexEdge, AwkwardOutputFolder) {
  Generated g;
  g.config.output_dir = "pub:lic dir";
  NinjaFile f = g.parsed();
  EXPECT_EQ(f.errors, Strings{});
  ASSERT_NE(f.producer("pub:lic dir/llms-full.txt"), nullptr);
  EXPECT_EQ(f.producer("pub:lic dir/llms-full.txt")->rule, "index");
  ASSERT_NE(f.producer("pub:lic dir/sitemap.xml"), nullptr);
}

}  // namespace
}  // namespace bengal
