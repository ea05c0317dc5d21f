// bengal-ninja-gen: the configure step. Reads bengal.toml, lists the content tree, assigns
// pages to shards and writes build.ninja.
#include <unistd.h>

#include <climits>
#include <cstdlib>

#include "build_plan.h"
#include "cli/tool_main.h"
#include "format/envelope.h"
#include "support/fs.h"
#include "support/paths.h"

using namespace bengal;

static const ToolSpec kSpec = {
    "bengal-ninja-gen",
    "[OPTIONS]",
    "Write the Ninja build file for the site in the current folder",
    {
        {"config", 'c', "FILE", "site configuration (default: bengal.toml)"},
        {"output", 'o', "FILE", "the build file to write (default: build.ninja)"},
        {"drafts", 0, "", "publish pages marked draft"},
    },
    0,
    0,
};

// The folder of this executable: the other tools are installed beside it.
static std::string own_bindir() {
  char buf[PATH_MAX];
  ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n <= 0) throw Failure(kExitInternal, "cannot find the folder of bengal-ninja-gen");
  return dirname(std::string(buf, static_cast<size_t>(n)));
}

int main(int argc, char** argv) {
  return run_tool(kSpec, argc, argv, [](const Args& args, Diagnostics& diags) {
    GeneratorOptions options;
    options.config_path = args.get("config", "bengal.toml");
    options.ninja_file = args.get("output", "build.ninja");
    options.drafts = args.has("drafts");
    options.bindir = own_bindir();
    Config config = load_config(options.config_path, diags);
    if (diags.has_errors()) return;

    BuildPlan plan = make_plan(config, ".");
    write_intermediate(Kind::kManifest, producer_of(kSpec.name), copies_manifest(plan),
                       join_path(config.build_dir, "static.manifest"));
    write_file_if_changed(options.ninja_file, write_build_ninja(config, plan, options));
  });
}
