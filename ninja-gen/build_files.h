#pragma once
// The build files bengal-ninja-gen writes for each --format, from one build graph.
#include <string>
#include <utility>
#include <vector>

#include "build_plan.h"

namespace bengal {

enum class BuildFormat { kNinja, kMake, kBazel };

// "ninja", "make", "bazel"; false for anything else.
bool parse_build_format(const std::string& name, BuildFormat& format);
const char* build_format_name(BuildFormat format);
// build.ninja, bengal.mk, BUILD.bazel.
const char* default_build_file(BuildFormat format);

struct BuildFile {
  std::string path;
  std::string text;
};

// The files to write for options.format: the build file (options.ninja_file) and, for Bazel,
// the rules beside it.
std::vector<BuildFile> write_build_files(const Config& config, const BuildPlan& plan, const GeneratorOptions& options);

// After the build file is written: the Make fragment's configure stamp is made current, so the
// first make after bengal-ninja-gen does not configure again.
void after_build_files_written(const Config& config, const GeneratorOptions& options);

}  // namespace bengal
