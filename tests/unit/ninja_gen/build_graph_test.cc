// The format-neutral build graph: recorded while the Ninja file is written, it holds exactly
// the Ninja file's statements (checked against the file read back), and evaluates commands
// the way Ninja does. Also the command prefix and pool for a cluster.
#include "build_graph.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "build_plan.h"
#include "ninja_reader.h"

namespace bengal {
namespace {

using namespace bengal::testing;

TEST(BuildGraph, RecordsWhatTheNinjaFileSays) {
  Generated g;
  BuildGraph recorded = build_graph(g.config, g.plan, g.options);
  std::vector<std::string> errors;
  BuildGraph read = parse_ninja_graph(g.text(), &errors);
  EXPECT_EQ(errors, std::vector<std::string>{});
  ASSERT_EQ(recorded.edges.size(), read.edges.size());
  for (size_t i = 0; i < read.edges.size(); ++i) {
    const GraphEdge &a = recorded.edges[i], &b = read.edges[i];
    EXPECT_EQ(a.rule, b.rule);
    EXPECT_EQ(a.outputs, b.outputs);
    EXPECT_EQ(a.implicit_outputs, b.implicit_outputs);
    EXPECT_EQ(a.inputs, b.inputs);
    EXPECT_EQ(a.implicit, b.implicit);
    EXPECT_EQ(a.order_only, b.order_only);
    EXPECT_EQ(a.bindings, b.bindings) << a.outputs.front();
    EXPECT_EQ(evaluate(recorded, a, "command"), evaluate(read, b, "command"));
  }
  EXPECT_EQ(recorded.variables, read.variables);
  EXPECT_EQ(recorded.defaults, read.defaults);
  ASSERT_EQ(recorded.rules.size(), read.rules.size());
  for (size_t i = 0; i < read.rules.size(); ++i) EXPECT_EQ(recorded.rules[i].bindings, read.rules[i].bindings);
}

TEST(BuildGraph, EvaluatesCommandsLikeNinja) {
  Generated g;
  BuildGraph graph = build_graph(g.config, g.plan, g.options);
  const GraphEdge* scan = graph.producer(".bengal/shards/root-11111111.scan");
  ASSERT_NE(scan, nullptr);
  EXPECT_EQ(evaluate(graph, *scan, "command"),
            "/opt/bengal/bin/bengal-scan --content-dir content -o .bengal/shards/root-11111111.scan "
            "content/_index.md content/about.md");
  EXPECT_EQ(evaluate(graph, *scan, "description"), "SCAN .bengal/shards/root-11111111.scan");
  const GraphEdge* parse = graph.producer(".bengal/shards/root-11111111.meta");
  ASSERT_NE(parse, nullptr);
  EXPECT_EQ(evaluate(graph, *parse, "command"),
            "/opt/bengal/bin/bengal-parse -c bengal.toml -o .bengal/shards/root-11111111 --depfile "
            ".bengal/shards/root-11111111.d .bengal/shards/root-11111111.scan");
  EXPECT_EQ(evaluate(graph, *parse, "no-such-binding"), "");
}

TEST(BuildGraph, KnowsProducersAndTheGenerator) {
  Generated g;
  BuildGraph graph = build_graph(g.config, g.plan, g.options);
  ASSERT_NE(graph.generator(), nullptr);
  EXPECT_EQ(graph.generator()->outputs, (std::vector<std::string>{"build.ninja"}));
  EXPECT_EQ(graph.producer("content/_index.md"), nullptr);
  EXPECT_EQ(graph.producer(".bengal/static.manifest"), graph.generator());
}

TEST(BuildGraph, ReadsEscapesAndContinuations) {
  std::vector<std::string> errors;
  BuildGraph g = parse_ninja_graph(
      "v = a$$b\nrule r\n  command = run $in > $out $extra\n\n"
      "build o$ 1 o$:2: r i$ 1 | imp || ord\n  extra = x$\n    y\ndefault o$ 1\n",
      &errors);
  EXPECT_EQ(errors, std::vector<std::string>{});
  EXPECT_EQ(*g.variable("v"), "a$b");
  ASSERT_EQ(g.edges.size(), 1u);
  EXPECT_EQ(g.edges[0].outputs, (std::vector<std::string>{"o 1", "o:2"}));
  EXPECT_EQ(g.edges[0].inputs, (std::vector<std::string>{"i 1"}));
  EXPECT_EQ(g.edges[0].implicit, (std::vector<std::string>{"imp"}));
  EXPECT_EQ(g.edges[0].order_only, (std::vector<std::string>{"ord"}));
  EXPECT_EQ(evaluate(g, g.edges[0], "command"), "run 'i 1' > 'o 1' 'o:2' xy");
  EXPECT_EQ(g.defaults, (std::vector<std::string>{"o 1"}));
}

TEST(SplitShellWords, KeepsRawTextAndValues) {
  std::vector<ShellWord> w = split_shell_words("a 'b c' \"d\\\"e\" f\\ g  'it'\\''s'");
  ASSERT_EQ(w.size(), 5u);
  EXPECT_EQ(w[0].value, "a");
  EXPECT_EQ(w[1].value, "b c");
  EXPECT_EQ(w[1].raw, "'b c'");
  EXPECT_EQ(w[2].value, "d\"e");
  EXPECT_EQ(w[3].value, "f g");
  EXPECT_EQ(w[4].value, "it's");
}

TEST(CommandPrefix, WrapsEveryStepButConfigureAndPoolsThem) {
  Generated g;
  g.options.command_prefix = "srun -N1 --quiet";
  g.options.pool_depth = 16;
  BuildGraph graph = build_graph(g.config, g.plan, g.options);
  for (const GraphRule& r : graph.rules) {
    const std::string* command = r.get("command");
    ASSERT_NE(command, nullptr) << r.name;
    if (r.name == "configure") {
      EXPECT_EQ(command->rfind("srun", 0), std::string::npos);
      EXPECT_NE(command->find("--command-prefix='srun -N1 --quiet' --pool-depth=16"), std::string::npos) << *command;
      EXPECT_EQ(r.get("pool"), nullptr);
    } else {
      EXPECT_EQ(command->rfind("srun -N1 --quiet ", 0), 0u) << r.name << ": " << *command;
      ASSERT_NE(r.get("pool"), nullptr) << r.name;
      EXPECT_EQ(*r.get("pool"), "cluster");
    }
  }
  EXPECT_NE(g.text().find("pool cluster\n  depth = 16\n"), std::string::npos);
}

TEST(CommandPrefix, NoneByDefault) {
  Generated g;
  EXPECT_EQ(g.text().find("pool "), std::string::npos);
  EXPECT_EQ(g.text().find("--command-prefix"), std::string::npos);
}

TEST(Format, ReachesTheConfigureCommand) {
  Generated g;
  g.options.format = "make";
  g.options.ninja_file = "bengal.mk";
  BuildGraph graph = build_graph(g.config, g.plan, g.options);
  ASSERT_NE(graph.generator(), nullptr);
  EXPECT_EQ(evaluate(graph, *graph.generator(), "command"),
            "/opt/bengal/bin/bengal-ninja-gen -c bengal.toml -o bengal.mk --format=make");
}

}  // namespace
}  // namespace bengal
