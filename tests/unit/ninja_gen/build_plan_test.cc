// The build plan: shard assignment (stability, section boundaries, sizes, names), the plan of
// a site folder, and the generated build.ninja, checked by parsing the text back (a small Ninja
// reader below) and, when it is installed, by ninja itself.
#include "build_plan.h"

#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "ninja_reader.h"
#include "support/fs.h"
#include "support/text.h"
#include "support/hash.h"

namespace bengal {
namespace {

namespace fs = std::filesystem;
using namespace bengal::testing;  // the Ninja reader and Generated (ninja_reader.h)

// --- helpers ----------------------------------------------------------------------------

std::string top_section(const std::string& rel) {
  size_t slash = rel.find('/');
  return slash == std::string::npos ? std::string() : rel.substr(0, slash);
}

std::map<std::string, std::string> shard_of(const std::vector<Shard>& shards) {
  std::map<std::string, std::string> out;
  for (const Shard& s : shards)
    for (const std::string& rel : s.sources) out[rel] = s.name;
  return out;
}

std::set<std::string> names(const std::vector<Shard>& shards) {
  std::set<std::string> out;
  for (const Shard& s : shards) out.insert(s.name);
  return out;
}

// A sorted list of `n` pages: a few at the root, the rest in two sections with subfolders.
Strings site_pages(size_t n) {
  Strings out;
  for (size_t i = 0; out.size() < n; ++i) {
    char buf[64];
    if (i % 50 == 0) snprintf(buf, sizeof buf, "page-%04zu.md", i);
    else if (i % 2 == 0) snprintf(buf, sizeof buf, "docs/sub%02zu/p%04zu.md", i % 7, i);
    else snprintf(buf, sizeof buf, "blog/%zu/post-%04zu.md", 2000 + i % 5, i);
    out.push_back(buf);
  }
  std::sort(out.begin(), out.end());
  return out;
}

// `with` is `without` plus the page `extra`. Checks that only the shard `extra` lands in (or
// is removed from) changes: every other page either keeps its shard, or is in extra's shard.
void expect_one_page_change(const Strings& without, const Strings& with, const std::string& extra, uint32_t target) {
  std::vector<Shard> a = assign_shards(without, target);
  std::vector<Shard> b = assign_shards(with, target);
  std::map<std::string, std::string> sa = shard_of(a), sb = shard_of(b);
  const std::string& home = sb.at(extra);
  for (const auto& [rel, name] : sa) {
    if (sb.at(rel) != name && sb.at(rel) != home) {
      ADD_FAILURE() << "adding/removing " << extra << " (target " << target << ") moved " << rel << " from shard "
                    << name << " to " << sb.at(rel);
      return;
    }
  }
  std::set<std::string> na = names(a), nb = names(b);
  std::vector<std::string> changed;
  std::set_symmetric_difference(na.begin(), na.end(), nb.begin(), nb.end(), std::back_inserter(changed));
  EXPECT_LE(changed.size(), 2u) << "adding/removing " << extra << " changed " << ::testing::PrintToString(changed);
}

// --- assign_shards ----------------------------------------------------------------------

TEST(AssignShards, EmptyInputHasNoShards) { EXPECT_TRUE(assign_shards({}, 64).empty()); }

TEST(AssignShards, EveryPageOnceInOrder) {
  Strings pages = site_pages(1000);
  std::vector<Shard> shards = assign_shards(pages, 16);
  Strings flat;
  for (const Shard& s : shards) {
    EXPECT_FALSE(s.sources.empty()) << s.name;
    flat.insert(flat.end(), s.sources.begin(), s.sources.end());
  }
  EXPECT_EQ(flat, pages);
}

TEST(AssignShards, IsDeterministic) {
  Strings pages = site_pages(500);
  std::vector<Shard> a = assign_shards(pages, 10), b = assign_shards(pages, 10);
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].name, b[i].name);
    EXPECT_EQ(a[i].sources, b[i].sources);
  }
}

TEST(AssignShards, ShardsNeverSpanTwoTopLevelSections) {
  for (uint32_t target : {1u, 4u, 64u, 100000u}) {
    for (const Shard& s : assign_shards(site_pages(1000), target))
      for (const std::string& rel : s.sources)
        EXPECT_EQ(top_section(rel), top_section(s.sources.front())) << "target " << target << ", shard " << s.name;
  }
  // Even a huge target splits at each section change.
  std::vector<Shard> shards = assign_shards({"a.md", "docs/b.md", "docs/c/d.md", "guide/e.md"}, 1000);
  ASSERT_EQ(shards.size(), 3u);
  EXPECT_EQ(shards[1].sources, (Strings{"docs/b.md", "docs/c/d.md"}));
}

TEST(AssignShards, NamesAreTheSectionAndAHashOfTheFirstPage) {
  std::vector<Shard> shards = assign_shards({"a.md", "docs/b.md", "my docs!/c.md", "ünïcode/d.md"}, 1000);
  ASSERT_EQ(shards.size(), 4u);
  EXPECT_EQ(shards[0].name, "root-" + hash_hex("a.md").substr(0, 8));
  EXPECT_EQ(shards[1].name, "docs-" + hash_hex("docs/b.md").substr(0, 8));
  EXPECT_EQ(shards[2].name, "my_docs_-" + hash_hex("my docs!/c.md").substr(0, 8));
  for (const Shard& s : shards)
    for (char c : s.name)
      EXPECT_TRUE((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_')
          << "unsafe character in shard name '" << s.name << "'";
  std::vector<Shard> long_name = assign_shards({std::string(100, 'x') + "/a.md"}, 10);
  EXPECT_LE(long_name[0].name.size(), 24u + 9u) << long_name[0].name;
}

TEST(AssignShards, NamesAreUnique) {
  std::vector<Shard> shards = assign_shards(site_pages(3000), 4);
  EXPECT_EQ(names(shards).size(), shards.size());
}

TEST(AssignShards, SizesAverageNearTheTarget) {
  for (uint32_t target : {2u, 8u, 64u, 200u}) {
    Strings pages;
    for (int i = 0; i < 40000; ++i) pages.push_back("docs/page-" + std::to_string(i) + ".md");
    std::sort(pages.begin(), pages.end());
    std::vector<Shard> shards = assign_shards(pages, target);
    double mean = static_cast<double>(pages.size()) / static_cast<double>(shards.size());
    EXPECT_GT(mean, 0.7 * target) << "target " << target;
    EXPECT_LT(mean, 1.3 * target) << "target " << target;
    size_t biggest = 0;
    for (const Shard& s : shards) biggest = std::max(biggest, s.sources.size());
    EXPECT_LE(biggest, 16u * target) << "target " << target;
  }
}

TEST(AssignShards, TargetOneIsOnePagePerShard) {
  std::vector<Shard> shards = assign_shards(site_pages(200), 1);
  ASSERT_EQ(shards.size(), 200u);
  for (const Shard& s : shards) EXPECT_EQ(s.sources.size(), 1u);
}

// Inserts a page after every position of `pages` in turn (and before the first).
void expect_stable_under_insertions(const Strings& pages, uint32_t target) {
  for (size_t at = 0; at <= pages.size(); ++at) {
    // A new page that sorts right after pages[at - 1].
    std::string extra = at == 0 ? "0-first.md" : pages[at - 1].substr(0, pages[at - 1].size() - 3) + "~new.md";
    Strings with = pages;
    with.insert(with.begin() + static_cast<std::ptrdiff_t>(at), extra);
    ASSERT_TRUE(std::is_sorted(with.begin(), with.end())) << extra;
    expect_one_page_change(pages, with, extra, target);
    if (::testing::Test::HasFailure()) return;
  }
}

void expect_stable_under_removals(const Strings& pages, uint32_t target) {
  for (size_t at = 0; at < pages.size(); ++at) {
    Strings without = pages;
    without.erase(without.begin() + static_cast<std::ptrdiff_t>(at));
    expect_one_page_change(without, pages, pages[at], target);
    if (::testing::Test::HasFailure()) return;
  }
}

TEST(AssignShards, AddingOnePageOnlyChangesItsOwnShard) {
  const Strings pages = site_pages(1000);
  for (uint32_t target : {32u, 64u}) expect_stable_under_insertions(pages, target);
}

TEST(AssignShards, RemovingOnePageOnlyChangesItsOwnShard) {
  const Strings pages = site_pages(1000);
  for (uint32_t target : {32u, 64u}) expect_stable_under_removals(pages, target);
}

TEST(AssignShards, SizeCapBoundsARunWithoutCutPoints) {
  // Pages named so that none is a cut point for this target: only the cap (16 x target) cuts
  // them. Such a run is where stability gives way (a cut by count moves later pages); the cap
  // is set where ordinary sites practically never reach it.
  const uint32_t target = 4;
  Strings run;
  for (int i = 0; run.size() < 200; ++i) {
    std::string rel = "docs/p" + std::to_string(100000 + i) + ".md";
    if (hash64(rel) % target != 0) run.push_back(rel);
  }
  std::sort(run.begin(), run.end());
  std::vector<Shard> shards = assign_shards(run, target);
  ASSERT_EQ(shards.size(), 4u);
  for (const Shard& s : shards) EXPECT_LE(s.sources.size(), 16u * target);
  // On an ordinary site with a small target no run reaches the cap, so stability holds.
  expect_stable_under_insertions(site_pages(1000), 8);
  expect_stable_under_removals(site_pages(1000), 8);
}

// --- make_plan, copies_manifest, shard_path ---------------------------------------------

class PlanTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (fs::temp_directory_path() / "bengal-plan-XXXXXX").string();
    ASSERT_NE(::mkdtemp(tmpl.data()), nullptr);
    root_ = tmpl;
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(root_, ec);
  }
  void put(const std::string& rel) { write_file_atomic(root_ + "/" + rel, "x"); }
  std::string root_;
};

TEST_F(PlanTest, ListsPagesResourcesStaticFilesAndFolders) {
  for (const char* f : {"content/_index.md", "content/docs/a.md", "content/docs/b.md", "content/blog/trip/index.md",
                        "content/blog/trip/map.png", "content/.hidden.md", "content/.git/x.md",
                        "static/css/site.css", "static/.DS_Store", "other/ignored.md", "templates/page.html"})
    put(f);
  Config config;
  config.shard_size = 1000;
  BuildPlan plan = make_plan(config, root_);
  Strings pages;
  for (const Shard& s : plan.shards) pages.insert(pages.end(), s.sources.begin(), s.sources.end());
  EXPECT_EQ(pages, (Strings{"_index.md", "blog/trip/index.md", "docs/a.md", "docs/b.md"}));
  EXPECT_EQ(plan.shards.size(), 3u);
  Strings copies;
  for (const CopiedFile& c : plan.copies) copies.push_back(c.source + " -> " + c.output);
  EXPECT_EQ(copies, (Strings{"content/blog/trip/map.png -> blog/trip/map.png", "static/css/site.css -> css/site.css"}));
  EXPECT_EQ(plan.watched_dirs,
            (Strings{"content", "content/blog", "content/blog/trip", "content/docs", "templates", "static",
                     "static/css"}));
  EXPECT_EQ(plan.template_folders, Strings{"templates"});
}

TEST_F(PlanTest, MissingStaticFolderIsFine) {
  put("content/a.md");
  Config config;
  BuildPlan plan = make_plan(config, root_);
  EXPECT_TRUE(plan.copies.empty());
  // Without a static folder the site folder is watched, so creating one regenerates the build file.
  EXPECT_EQ(plan.watched_dirs, (Strings{"content", "."}));
  ASSERT_EQ(plan.shards.size(), 1u);
}

TEST_F(PlanTest, UsesTheConfiguredFolders) {
  put("pages/x.md");
  put("assets/logo.svg");
  put("content/not-this.md");
  Config config;
  config.content_dir = "pages";
  config.static_dir = "assets";
  BuildPlan plan = make_plan(config, root_);
  ASSERT_EQ(plan.shards.size(), 1u);
  EXPECT_EQ(plan.shards[0].sources, Strings{"x.md"});
  ASSERT_EQ(plan.copies.size(), 1u);
  EXPECT_EQ(plan.copies[0].source, "assets/logo.svg");
  EXPECT_EQ(plan.copies[0].output, "logo.svg");
}

TEST(CopiesManifest, SortedByOutputPath) {
  BuildPlan plan;
  plan.copies = {{"static/z.css", "z.css"}, {"content/a/b.png", "a/b.png"}, {"static/m.js", "m.js"}};
  Manifest m = copies_manifest(plan);
  Strings paths;
  for (const ManifestEntry& e : m.files) paths.push_back(e.path);
  EXPECT_EQ(paths, (Strings{"a/b.png", "m.js", "z.css"}));
}

TEST(ShardPath, UnderTheBuildFolder) {
  Config config;
  EXPECT_EQ(shard_path(config, "docs-1234abcd", ".meta"), ".bengal/shards/docs-1234abcd.meta");
  config.build_dir = "build/tmp";
  EXPECT_EQ(shard_path(config, "_generated", ".link"), "build/tmp/shards/_generated.link");
}

// --- write_build_ninja (the reader and Generated are in ninja_reader.h) ------------------

const std::map<std::string, std::string> kToolOfRule = {
    {"configure", "bengal-ninja-gen"}, {"scan", "bengal-scan"},   {"parse", "bengal-parse"},
    {"link", "bengal-link"},           {"render", "bengal-render"}, {"emit", "bengal-emit"},
    {"prune", "bengal-emit"},          {"copy", "bengal-emit"},   {"index", "bengal-index"},
    {"builtin", "bengal-emit"},        {"hash_assets", "bengal-emit"}, {"publish_assets", "bengal-emit"},
    {"scan_rsp", "bengal-scan"},       {"link_rsp", "bengal-link"},  {"prune_rsp", "bengal-emit"},
    {"index_rsp", "bengal-index"},     {"check_assets", "bengal-index"}, {"check_assets_rsp", "bengal-index"},
};

TEST(WriteBuildNinja, IsDeterministic) {
  Generated g;
  EXPECT_EQ(g.text(), g.text());
  Generated h;
  EXPECT_EQ(g.text(), h.text());
}

TEST(WriteBuildNinja, ParsesCleanly) {
  Generated g;
  NinjaFile f = g.parsed();
  EXPECT_EQ(f.errors, Strings{});
  EXPECT_EQ(f.vars["ninja_required_version"], "1.10");
  EXPECT_EQ(f.vars["bin"], "/opt/bengal/bin");
  EXPECT_EQ(f.vars["config"], "bengal.toml");
  EXPECT_EQ(f.vars["builddir"], ".bengal");
  EXPECT_EQ(f.vars["outdir"], "public");
  for (const NinjaEdge& e : f.edges)
    EXPECT_TRUE(e.rule == "phony" || f.rules.count(e.rule)) << "edge uses undeclared rule " << e.rule;
  Strings rules;
  for (const auto& [name, bindings] : f.rules) rules.push_back(name);
  Strings expected;
  for (const auto& [name, tool] : kToolOfRule) expected.push_back(name);
  EXPECT_EQ(rules, expected);
}

// Ninja writes a response file under its path as is, and the command passes that path
// through the shell: a build folder with a space in it must be quoted in the one, not the other.
TEST(WriteBuildNinja, AResponseFileIsWrittenUnquotedAndNamedQuoted) {
  Generated g;
  NinjaFile f = g.parsed();
  const std::pair<const char*, std::string> kFiles[] = {{"link_rsp", "/site.rsp"},
                                                         {"index_rsp", "/" + var_ref("manifest_name") + ".rsp"}};
  for (const auto& [rule, file] : kFiles) {
    EXPECT_EQ(f.rules[rule]["rspfile"], var_ref("builddir") + file) << rule;
    EXPECT_TRUE(ends_with(f.rules[rule]["command"], " @" + var_ref("bdir") + file)) << f.rules[rule]["command"];
  }
}

TEST(WriteBuildNinja, ALongInputListGoesInAResponseFile) {
  Generated g;
  std::string name(200, 'x');
  for (int i = 0; i < 400; ++i) g.plan.shards[0].sources.push_back(name + std::to_string(i) + ".md");
  NinjaFile f = g.parsed();
  const NinjaEdge* long_scan = f.producer(".bengal/shards/root-11111111.scan");
  const NinjaEdge* short_scan = f.producer(".bengal/shards/docs-22222222.scan");
  ASSERT_TRUE(long_scan && short_scan);
  EXPECT_EQ(long_scan->rule, "scan_rsp");
  EXPECT_EQ(short_scan->rule, "scan");
  EXPECT_EQ(f.rules["scan_rsp"]["rspfile"], var_ref("out") + ".rsp");
  EXPECT_EQ(f.rules["scan_rsp"]["rspfile_content"], var_ref("in"));
  EXPECT_NE(f.rules["scan_rsp"]["command"].find(" @" + var_ref("out") + ".rsp"), std::string::npos)
      << f.rules["scan_rsp"]["command"];
  // Make and Bazel have no response files: their commands list the sources.
  BuildGraph graph = parse_ninja_graph(g.text());
  const GraphEdge* edge = graph.producer(".bengal/shards/root-11111111.scan");
  ASSERT_TRUE(edge);
  std::string command = evaluate(graph, *edge, "command");
  EXPECT_EQ(command.find('@'), std::string::npos) << command.substr(0, 200);
  EXPECT_NE(command.find("content/" + name + "399.md"), std::string::npos);
}

TEST(WriteBuildNinja, EveryRuleRestats) {
  NinjaFile f = Generated().parsed();
  ASSERT_FALSE(f.rules.empty());
  for (const auto& [name, bindings] : f.rules) {
    auto it = bindings.find("restat");
    ASSERT_NE(it, bindings.end()) << "rule " << name << " has no restat";
    EXPECT_EQ(it->second, "1") << "rule " << name;
    EXPECT_TRUE(bindings.count("command")) << "rule " << name;
    EXPECT_TRUE(bindings.count("description")) << "rule " << name;
  }
}

TEST(WriteBuildNinja, OnlyTheConfigureRuleIsAGenerator) {
  NinjaFile f = Generated().parsed();
  EXPECT_EQ(f.rules["configure"]["generator"], "1");
  for (const auto& [name, bindings] : f.rules)
    if (name != "configure") {
      EXPECT_FALSE(bindings.count("generator")) << name;
    }
  // And its one edge rebuilds the build file itself.
  std::vector<const NinjaEdge*> configure = f.edges_of("configure");
  ASSERT_EQ(configure.size(), 1u);
  EXPECT_EQ(configure[0]->outputs, Strings{"build.ninja"});
}

TEST(WriteBuildNinja, EveryEdgeListsItsToolAsAnImplicitInput) {
  Generated g;
  NinjaFile f = g.parsed();
  for (const NinjaEdge& e : f.edges) {
    if (e.rule == "phony") continue;
    ASSERT_TRUE(kToolOfRule.count(e.rule)) << e.rule;
    EXPECT_TRUE(contains(e.implicit, g.tool(kToolOfRule.at(e.rule))))
        << e.rule << " edge for " << e.outputs[0] << " does not depend on its tool";
  }
}

TEST(WriteBuildNinja, EveryEdgeListsTheConfigAsAnImplicitInput) {
  Generated g;
  NinjaFile f = g.parsed();
  Strings missing;
  for (const NinjaEdge& e : f.edges)
    if (e.rule != "phony" && e.rule != "copy" && !contains(e.implicit, "bengal.toml"))
      missing.push_back(e.rule + " " + e.outputs[0]);
  EXPECT_EQ(missing, Strings{});
}

TEST(WriteBuildNinja, CopyEdgesListTheConfigAsAnImplicitInput) {
  Generated g;
  NinjaFile f = g.parsed();
  ASSERT_EQ(f.edges_of("copy").size(), 2u);
  for (const NinjaEdge* e : f.edges_of("copy")) EXPECT_TRUE(contains(e->implicit, "bengal.toml")) << e->outputs[0];
}

TEST(WriteBuildNinja, EachOutputHasOneEdgeAndEveryBuiltInputHasAProducer) {
  Generated g;
  NinjaFile f = g.parsed();
  std::set<std::string> outputs;
  for (const NinjaEdge& e : f.edges) {
    for (const std::string& o : e.outputs) EXPECT_TRUE(outputs.insert(o).second) << o << " is built by two edges";
    for (const std::string& o : e.implicit_outputs) EXPECT_TRUE(outputs.insert(o).second) << o;
  }
  for (const NinjaEdge& e : f.edges) {
    Strings all = e.inputs;
    all.insert(all.end(), e.implicit.begin(), e.implicit.end());
    all.insert(all.end(), e.order_only.begin(), e.order_only.end());
    for (const std::string& in : all) {
      // Intermediates are built by some edge (the static manifest and the template stamp by the
      // configure edge).
      if (in.rfind(".bengal/", 0) == 0) {
        EXPECT_TRUE(outputs.count(in)) << e.rule << " reads " << in << " that no edge builds";
      }
    }
  }
  EXPECT_EQ(f.defaults, Strings{"site"});
  ASSERT_NE(f.producer("site"), nullptr);
  const NinjaEdge& site = *f.producer("site");
  EXPECT_EQ(site.rule, "phony");
  for (const char* o : {"public/blog/trip/map.png", "public/css/site.css", ".bengal/published.manifest",
                        "public/sitemap.xml", "public/search/index.json"})
    EXPECT_TRUE(contains(site.inputs, o)) << "the default target does not build " << o;
}

TEST(WriteBuildNinja, ShardEdgesChainScanParseRenderEmit) {
  Generated g;
  NinjaFile f = g.parsed();
  for (const Shard& s : g.plan.shards) {
    std::string prefix = g.built("shards/" + s.name);
    const NinjaEdge* scan = f.producer(prefix + ".scan");
    ASSERT_NE(scan, nullptr) << s.name;
    EXPECT_EQ(scan->rule, "scan");
    Strings sources;
    for (const std::string& rel : s.sources) sources.push_back("content/" + rel);
    EXPECT_EQ(scan->inputs, sources);

    const NinjaEdge* parse = f.producer(prefix + ".meta");
    ASSERT_NE(parse, nullptr);
    EXPECT_EQ(parse->rule, "parse");
    EXPECT_EQ(parse->outputs, (Strings{prefix + ".meta", prefix + ".body", prefix + ".text"}));
    EXPECT_EQ(parse->inputs, Strings{prefix + ".scan"});

    const NinjaEdge* render = f.producer(prefix + ".pages");
    ASSERT_NE(render, nullptr);
    EXPECT_EQ(render->rule, "render");
    EXPECT_EQ(render->inputs, Strings{prefix + ".link"});
    EXPECT_TRUE(contains(render->implicit, prefix + ".meta"));
    EXPECT_TRUE(contains(render->implicit, prefix + ".body"));
    EXPECT_TRUE(contains(render->implicit, ".bengal/site"));

    const NinjaEdge* emit = f.producer(prefix + ".manifest");
    ASSERT_NE(emit, nullptr);
    EXPECT_EQ(emit->rule, "emit");
    EXPECT_EQ(emit->inputs, Strings{prefix + ".pages"});
  }
  // The generated pages have a render and emit edge of their own.
  ASSERT_NE(f.producer(".bengal/shards/_generated.pages"), nullptr);
  ASSERT_NE(f.producer(".bengal/shards/_generated.manifest"), nullptr);
  const NinjaEdge* link = f.producer(".bengal/site");
  ASSERT_NE(link, nullptr);
  EXPECT_EQ(link->rule, "link");
  EXPECT_EQ(link->inputs, (Strings{".bengal/shards/root-11111111.meta", ".bengal/shards/docs-22222222.meta"}));
  for (const char* o : {".bengal/pagetable", ".bengal/shards/_generated.link", ".bengal/shards/root-11111111.link",
                        ".bengal/shards/docs-22222222.link"})
    EXPECT_TRUE(contains(link->outputs, o)) << o;
}

TEST(WriteBuildNinja, NothingInTheOutputFolderChangesBeforeEveryRenderSucceeded) {
  NinjaFile f = Generated().parsed();
  ASSERT_NE(f.producer("renders"), nullptr);
  EXPECT_EQ(f.producer("renders")->rule, "phony");
  EXPECT_EQ(f.producer("renders")->inputs.size(), 3u);  // two shards and the generated pages
  for (const char* rule : {"emit", "copy", "index"}) {
    ASSERT_FALSE(f.edges_of(rule).empty()) << rule;
    for (const NinjaEdge* e : f.edges_of(rule)) EXPECT_TRUE(contains(e->order_only, "renders")) << rule;
  }
}

TEST(WriteBuildNinja, ConfigureWatchesTheConfigTheGeneratorAndTheContentFolders) {
  Generated g;
  NinjaFile f = g.parsed();
  const NinjaEdge* configure = f.producer("build.ninja");
  ASSERT_NE(configure, nullptr);
  Strings expected = {"bengal.toml", g.tool("bengal-ninja-gen")};
  expected.insert(expected.end(), g.plan.watched_dirs.begin(), g.plan.watched_dirs.end());
  EXPECT_EQ(configure->implicit, expected);
  EXPECT_TRUE(configure->inputs.empty());
}

TEST(WriteBuildNinja, DraftsReachConfigureAndLink) {
  Generated g;
  NinjaFile without = g.parsed();
  EXPECT_EQ(without.rules["configure"]["command"].find("--drafts"), std::string::npos);
  EXPECT_EQ(without.rules["link"]["command"].find("--drafts"), std::string::npos);
  g.options.drafts = true;
  NinjaFile with = g.parsed();
  EXPECT_NE(with.rules["configure"]["command"].find("--drafts"), std::string::npos);
  EXPECT_NE(with.rules["link"]["command"].find("--drafts"), std::string::npos);
  EXPECT_EQ(with.rules["scan"], without.rules["scan"]);
}

// Folders and files with spaces, colons and dollars in their names.
Generated awkward() {
  Generated g;
  g.config.content_dir = "my content";
  g.config.output_dir = "pub:lic";
  g.config.build_dir = ".bengal dir";
  g.plan.shards = {{"root-11111111", {"a b.md", "c$d.md"}}};
  g.plan.copies = {{"static/x y.css", "x y.css"}};
  g.plan.watched_dirs = {"my content"};
  g.options.bindir = "/opt/bengal tools/bin";
  g.options.config_path = "my site.toml";
  return g;
}

TEST(WriteBuildNinja, AwkwardPathsRoundTrip) {
  Generated g = awkward();
  NinjaFile f = g.parsed();
  EXPECT_EQ(f.errors, Strings{});
  const NinjaEdge* scan = f.producer(".bengal dir/shards/root-11111111.scan");
  ASSERT_NE(scan, nullptr) << g.text();
  EXPECT_EQ(scan->inputs, (Strings{"my content/a b.md", "my content/c$d.md"}));
  EXPECT_TRUE(contains(scan->implicit, "/opt/bengal tools/bin/bengal-scan"));
  EXPECT_TRUE(contains(scan->implicit, "my site.toml"));
  EXPECT_NE(f.producer("pub:lic/x y.css"), nullptr);
  EXPECT_NE(f.producer("pub:lic/sitemap.xml"), nullptr);
  // Variables hold shell words.
  EXPECT_EQ(f.vars["bin"], "'/opt/bengal tools/bin'");
  EXPECT_EQ(f.vars["config"], "'my site.toml'");
  EXPECT_EQ(f.vars["outdir"], "'pub:lic'");
  // Edge bindings too.
  const NinjaEdge* parse = f.producer(".bengal dir/shards/root-11111111.meta");
  ASSERT_NE(parse, nullptr);
  EXPECT_EQ(parse->vars.at("prefix"), "'.bengal dir/shards/root-11111111'");
}

TEST(WriteBuildNinja, DollarsInConfiguredNamesReachTheCommandsIntact) {
  Generated g;
  g.config.content_dir = "c$ontent";
  g.options.ninja_file = "b$uild.ninja";
  NinjaFile f = g.parsed();
  EXPECT_EQ(f.errors, Strings{});
  EXPECT_NE(f.rules["scan"]["command"].find("--content-dir 'c$ontent'"), std::string::npos)
      << shown(f.rules["scan"]["command"]);
  EXPECT_NE(f.rules["configure"]["command"].find("-o 'b$uild.ninja'"), std::string::npos)
      << shown(f.rules["configure"]["command"]);
}

// --- checked by ninja itself ------------------------------------------------------------

struct Cmd {
  int status = -1;
  std::string out;
};

Cmd run(const std::string& command) {
  Cmd r;
  FILE* p = ::popen((command + " 2>&1").c_str(), "r");
  if (!p) return r;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  int st = ::pclose(p);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return r;
}

class NinjaReads : public PlanTest {
 protected:
  Cmd ninja(const std::string& text, const std::string& args) {
    write_file_atomic(root_ + "/build.ninja", text);
    return run("cd '" + root_ + "' && ninja " + args);
  }
  void SetUp() override {
    PlanTest::SetUp();
    if (run("ninja --version").status != 0) GTEST_SKIP() << "ninja is not installed";
  }
};

TEST_F(NinjaReads, TheGeneratedFile) {
  Generated g;
  Cmd r = ninja(g.text(), "-t targets all");
  ASSERT_EQ(r.status, 0) << r.out;
  EXPECT_NE(r.out.find(".bengal/shards/docs-22222222.scan: scan"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("public/sitemap.xml: index"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("site: phony"), std::string::npos) << r.out;
}

TEST_F(NinjaReads, TheLogGoesIntoTheBuildFolder) {
  Generated g = awkward();
  Cmd r = ninja(g.text(), "-t recompact");
  ASSERT_EQ(r.status, 0) << r.out;
  EXPECT_TRUE(fs::is_directory(root_ + "/.bengal dir"));
  EXPECT_FALSE(fs::exists(root_ + "/'.bengal dir'"));
}

TEST_F(NinjaReads, AwkwardNamesAsWritten) {
  Generated g = awkward();
  Cmd r = ninja(g.text(), "-t commands " + std::string("'.bengal dir/shards/root-11111111.scan'"));
  ASSERT_EQ(r.status, 0) << r.out;
  EXPECT_EQ(r.out,
            "'/opt/bengal tools/bin'/bengal-scan --content-dir 'my content' -o '.bengal dir/shards/root-11111111.scan' "
            "'my content/a b.md' 'my content/c$d.md'\n");
}

}  // namespace
}  // namespace bengal
