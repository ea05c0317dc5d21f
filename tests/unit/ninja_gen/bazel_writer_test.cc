// The Bazel package: one action per step with declared inputs and outputs, generated files
// under bengal-out/, trees for the steps that write into the output folder, the templates
// declared for render, the configure step's files imported, and no absolute path anywhere.
#include "bazel_writer.h"

#include <gtest/gtest.h>

#include <regex>
#include <string>

#include "build_files.h"
#include "build_plan.h"
#include "ninja_reader.h"

namespace bengal {
namespace {

using namespace bengal::testing;

struct Package {
  std::string build, bzl;
};

Package package(Generated& g) {
  g.options.format = "bazel";
  g.options.ninja_file = "BUILD.bazel";
  g.plan.template_files = {"templates/page.html", "templates/partials/nav.html"};
  std::vector<BuildFile> files = write_build_files(g.config, g.plan, g.options);
  EXPECT_EQ(files.size(), 2u);
  EXPECT_EQ(files[0].path, "BUILD.bazel");
  EXPECT_EQ(files[1].path, "bengal.bzl");
  return {files[0].text, files[1].text};
}

// The text of the target named `name`, up to its closing parenthesis.
std::string target(const std::string& build, const std::string& name) {
  size_t at = build.find("    name = \"" + name + "\",\n");
  if (at == std::string::npos) return "";
  return build.substr(at, build.find("\n)\n", at) - at);
}

size_t count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

TEST(BazelWriter, OneActionPerStepPlusImports) {
  Generated g;
  Package p = package(g);
  BuildGraph graph = build_graph(g.config, g.plan, g.options);
  size_t steps = 0;
  for (const GraphEdge& e : graph.edges) steps += e.rule != "phony" && !graph.is_generator(e);
  EXPECT_EQ(count(p.build, "bengal_step("), steps + 2);  // static.manifest and templates.stamp
  EXPECT_EQ(count(p.build, "bengal_publish("), 1u);
  EXPECT_NE(target(p.build, "site"), "");
  EXPECT_NE(target(p.build, "trees"), "");
}

TEST(BazelWriter, NoAbsolutePathsAndGeneratedFilesUnderTheirOwnFolder) {
  Generated g;
  Package p = package(g);
  EXPECT_EQ(p.build.find(g.options.bindir), std::string::npos);
  std::regex outs(R"(outs = \[([^\]]*)\])");
  for (auto it = std::sregex_iterator(p.build.begin(), p.build.end(), outs); it != std::sregex_iterator(); ++it) {
    std::string list = (*it)[1];
    std::regex item("\"([^\"]+)\"");
    for (auto i = std::sregex_iterator(list.begin(), list.end(), item); i != std::sregex_iterator(); ++i)
      EXPECT_EQ((*i)[1].str().rfind(std::string(kBazelGenRoot) + "/", 0), 0u) << (*i)[1];
  }
}

TEST(BazelWriter, CommandsUseTheToolsAndGeneratedFilesThroughVariables) {
  Generated g;
  Package p = package(g);
  std::string scan = target(p.build, "scan/.bengal/shards/root-11111111.scan");
  EXPECT_NE(scan.find("cmd = \"\\\"$BENGAL_BIN\\\"/bengal-scan --content-dir content -o "
                      "\\\"$BENGAL_OUT\\\"/.bengal/shards/root-11111111.scan content/_index.md content/about.md\""),
            std::string::npos)
      << scan;
  EXPECT_NE(scan.find("\"@bengal_tools//:bengal-scan\""), std::string::npos);
  EXPECT_NE(scan.find("\"content/_index.md\""), std::string::npos);
}

TEST(BazelWriter, RenderDeclaresTheTemplatesAndWhatItsCommandNames) {
  Generated g;
  Package p = package(g);
  std::string render = target(p.build, "render/.bengal/shards/docs-22222222.pages");
  ASSERT_NE(render, "");
  EXPECT_NE(render.find("\"templates/page.html\""), std::string::npos);
  EXPECT_NE(render.find("\"templates/partials/nav.html\""), std::string::npos);
  EXPECT_NE(render.find("\":bengal-out/.bengal/taxonomies\""), std::string::npos);  // named, not a Ninja input
  EXPECT_EQ(render.find("docs-22222222.manifest\""), std::string::npos);  // its emit step's output: not an input
}

TEST(BazelWriter, StepsThatWriteIntoTheOutputFolderGetATree) {
  Generated g;
  Package p = package(g);
  std::string emit = target(p.build, "emit/.bengal/shards/docs-22222222.manifest");
  EXPECT_NE(emit.find("out_dirs = [\"trees/.bengal/shards/docs-22222222.manifest\"]"), std::string::npos) << emit;
  EXPECT_NE(emit.find("-d \\\"$BENGAL_OUT\\\"/trees/.bengal/shards/docs-22222222.manifest "), std::string::npos);
  std::string copy = target(p.build, "copy/public/css/site.css");
  EXPECT_NE(copy.find("-o \\\"$BENGAL_OUT\\\"/trees/public/css/site.css/css/site.css static/css/site.css"),
            std::string::npos)
      << copy;
  std::string site = target(p.build, "site");
  EXPECT_NE(site.find("\":emit/.bengal/shards/docs-22222222.manifest\""), std::string::npos);
  EXPECT_NE(site.find("\":bengal-out/.bengal/published.manifest\""), std::string::npos);  // the prune check
  EXPECT_NE(site.find("out = \"public\""), std::string::npos);
}

TEST(BazelWriter, TheConfigureStepsFilesAreImported) {
  Generated g;
  Package p = package(g);
  std::string imported = target(p.build, "import/.bengal/static.manifest");
  EXPECT_NE(imported.find("srcs = [\".bengal/static.manifest\"]"), std::string::npos) << imported;
  EXPECT_NE(imported.find("outs = [\"bengal-out/.bengal/static.manifest\"]"), std::string::npos);
  EXPECT_EQ(target(p.build, "configure/BUILD.bazel"), "");
}

TEST(BazelWriter, TheRulesFile) {
  Generated g;
  Package p = package(g);
  EXPECT_NE(p.bzl.find("bengal_step = rule("), std::string::npos);
  EXPECT_NE(p.bzl.find("bengal_publish = rule("), std::string::npos);
  EXPECT_NE(p.bzl.find("_GEN_ROOT = \"" + std::string(kBazelGenRoot) + "\""), std::string::npos);
  EXPECT_NE(p.build.find("load(\":bengal.bzl\", \"bengal_publish\", \"bengal_step\")"), std::string::npos);
}

TEST(BazelWriter, MnemonicsAreLettersAndDigitsOnly) {
  Generated g;
  g.config.feed_content = "full";  // the fill_feeds rule
  g.config.assets.fingerprint = true;  // hash_assets, publish_assets
  Package p = package(g);
  std::regex mnemonic("mnemonic = \"([^\"]*)\"");
  size_t count = 0;
  for (auto it = std::sregex_iterator(p.build.begin(), p.build.end(), mnemonic); it != std::sregex_iterator(); ++it) {
    EXPECT_TRUE(std::regex_match((*it)[1].str(), std::regex("[A-Za-z0-9]+"))) << (*it)[1];
    ++count;
  }
  EXPECT_GT(count, 0u);
  EXPECT_NE(p.build.find("mnemonic = \"BengalFillFeeds\""), std::string::npos);
  EXPECT_NE(p.build.find("mnemonic = \"BengalHashAssets\""), std::string::npos);
}

TEST(StarlarkQuote, EscapesQuotesBackslashesAndNewlines) {
  EXPECT_EQ(starlark_quote("a\"b\\c\nd"), "\"a\\\"b\\\\c\\nd\"");
}

}  // namespace
}  // namespace bengal
