// The Make fragment: a stamp rule per step with the step's command, outputs that depend on
// their stamp, stamp names that change with the command, names that cannot clash with the
// including Makefile's, and a run by GNU Make when it is installed.
#include "make_writer.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <regex>
#include <string>

#include "build_files.h"
#include "build_plan.h"
#include "ninja_reader.h"
#include "support/fs.h"

namespace bengal {
namespace {

using namespace bengal::testing;

std::string fragment(Generated& g) {
  g.options.format = "make";
  g.options.ninja_file = "bengal.mk";
  return write_build_files(g.config, g.plan, g.options).front().text;
}

// The stamp rule whose recipe runs `tool` on `output`.
std::string stamp_of(const std::string& text, const std::string& output) {
  std::smatch m;
  std::regex rule("\n" + std::regex_replace(output, std::regex(R"([.])"), R"(\.)") + "[^\n]*: (\\S+\\.stamp) ;\n");
  return std::regex_search(text, m, rule) ? m[1].str() : "";
}

TEST(MakeWriter, EveryStepHasAStampAndItsOutputsDependOnIt) {
  Generated g;
  std::string text = fragment(g);
  BuildGraph graph = build_graph(g.config, g.plan, g.options);
  for (const GraphEdge& e : graph.edges) {
    if (e.rule == "phony") continue;
    std::string stamp = stamp_of(text, e.all_outputs().front());
    ASSERT_NE(stamp, "") << e.all_outputs().front();
    EXPECT_NE(text.find("\n" + stamp + ":"), std::string::npos) << stamp;
    EXPECT_NE(text.find("touch " + stamp + "\n"), std::string::npos) << stamp;
  }
  EXPECT_NE(text.find("\t$(BENGAL_BIN)/bengal-scan --content-dir content -o .bengal/shards/root-11111111.scan "
                      "content/_index.md content/about.md && \\\n"),
            std::string::npos);
}

TEST(MakeWriter, AStampNameChangesWithItsCommandOnly) {
  Generated a, b;
  b.plan.shards[0].sources.push_back("contact.md");  // the root shard gains a page
  std::string ta = fragment(a), tb = fragment(b);
  std::string root = ".bengal/shards/root-11111111.scan", docs = ".bengal/shards/docs-22222222.scan";
  EXPECT_NE(stamp_of(ta, root), stamp_of(tb, root));
  EXPECT_EQ(stamp_of(ta, docs), stamp_of(tb, docs));
  EXPECT_EQ(stamp_of(ta, "bengal.mk"), ".bengal/make/bengal.mk.stamp");  // bengal-ninja-gen touches it
}

TEST(MakeWriter, NamesItDefinesArePrefixed) {
  Generated g;
  std::string text = fragment(g);
  std::regex assignment(R"(^([A-Za-z_.][A-Za-z0-9_.-]*)\s*(:|\?|\+)?=)", std::regex::multiline);
  for (auto it = std::sregex_iterator(text.begin(), text.end(), assignment); it != std::sregex_iterator(); ++it) {
    std::string name = (*it)[1];
    EXPECT_TRUE(name.rfind("BENGAL_", 0) == 0 || name == ".DEFAULT_GOAL") << name;
  }
  std::regex phony(R"(^\.PHONY:(.*)$)", std::regex::multiline);
  for (auto it = std::sregex_iterator(text.begin(), text.end(), phony); it != std::sregex_iterator(); ++it) {
    std::string names = (*it)[1];
    std::regex word(R"(\S+)");
    for (auto w = std::sregex_iterator(names.begin(), names.end(), word); w != std::sregex_iterator(); ++w)
      EXPECT_EQ(w->str().rfind("bengal-", 0), 0u) << w->str();
  }
  // The tools are named through BENGAL_BIN only.
  EXPECT_EQ(text.find(g.options.bindir), text.find("BENGAL_BIN ?= " + g.options.bindir) + 14);
  EXPECT_EQ(text.find(g.options.bindir, text.find(g.options.bindir) + 1), std::string::npos);
}

TEST(MakeWriter, KeepsTheIncludersGoal) {
  Generated g;
  std::string text = fragment(g);
  EXPECT_NE(text.find("BENGAL_SAVED_GOAL := $(.DEFAULT_GOAL)"), std::string::npos);
  EXPECT_NE(text.find(".DEFAULT_GOAL := $(BENGAL_SAVED_GOAL)\nendif\n"), std::string::npos);
  // Nothing after the goal is restored defines a target.
  EXPECT_EQ(text.substr(text.rfind("endif\n")), "endif\n");
}

TEST(MakeEscape, PathsWithMakeSpecialCharacters) {
  EXPECT_EQ(make_escape_path("a b/c$d#e%f:g"), "a\\ b/c$$d\\#e\\%f\\:g");
  EXPECT_EQ(make_escape_path("plain/path.md"), "plain/path.md");
}

TEST(MakeWriter, GnuMakeReadsIt) {
  if (system("make --version >/dev/null 2>&1") != 0) GTEST_SKIP() << "make is not installed";
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("bengal-make-" + std::to_string(getpid()));
  fs::create_directories(dir / "bin");
  fs::create_directories(dir / ".bengal/make");
  Generated g;
  write_file_atomic((dir / "bengal.toml").string(), "");
  write_file_atomic((dir / "bin/bengal-ninja-gen").string(), "");
  // What the configure rule watches and writes, older than its stamp: nothing to configure.
  write_file_atomic((dir / ".bengal/static.manifest").string(), "");
  write_file_atomic((dir / ".bengal/templates.stamp").string(), "");
  for (const char* d : {"content/docs", "static/css"}) fs::create_directories(dir / d);
  write_file_atomic((dir / "bengal.mk").string(), fragment(g));
  write_file_atomic((dir / ".bengal/make/bengal.mk.stamp").string(), "");  // as bengal-ninja-gen leaves it
  // -n: what would run, without running it.
  std::string cmd = "cd '" + dir.string() + "' && make -n -f bengal.mk BENGAL_BIN=bin bengal-clean > out.txt 2>&1";
  EXPECT_EQ(system(cmd.c_str()), 0) << read_file((dir / "out.txt").string());
  EXPECT_EQ(read_file((dir / "out.txt").string()), "rm -rf .bengal public\n");
  fs::remove_all(dir);
}

}  // namespace
}  // namespace bengal
