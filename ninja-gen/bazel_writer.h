#pragma once
// Writes the build graph as a Bazel package (bengal-ninja-gen --format=bazel): a BUILD file
// with one action per edge of the Ninja file, each with declared inputs and outputs only, and
// the .bzl file that defines its two rules.
#include <map>
#include <string>
#include <vector>

#include "build_graph.h"

namespace bengal {

struct BazelOptions {
  std::string bindir;      // the tools' folder in the graph; actions take them from `tools`
  std::string build_dir;   // every path under it is generated (configure's files are imported)
  std::string output_dir;  // the published folder: `site` assembles it from per-step trees
  std::string source;      // the config path, for the header comment
  std::string tools = "@bengal_tools//";  // the package that exports the prebuilt tools
  std::string bzl = "bengal.bzl";
  // Inputs a step discovers through its depfile, declared up front for a rule: Bazel runs
  // an action with its declared inputs only.
  std::map<std::string, std::vector<std::string>> discovered_inputs;
  // The same for one edge, by its first output (a shard's parse: what its pages may include).
  std::map<std::string, std::vector<std::string>> edge_inputs;
};

struct BazelFiles {
  std::string build;  // BUILD.bazel
  std::string bzl;    // bengal.bzl
};

// The folder, inside the package's output folder, that mirrors the site folder's generated
// files: bazel-bin/PACKAGE/bengal-out/.bengal/shards/... Named so it never meets a source.
extern const char kBazelGenRoot[];

BazelFiles write_bazel(const BuildGraph& graph, const BazelOptions& options);

// A Starlark string literal.
std::string starlark_quote(const std::string& s);

}  // namespace bengal
