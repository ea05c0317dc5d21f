// bengal-ninja-gen: the configure step. Reads bengal.toml, lists the content tree, assigns
// pages to shards and writes build.ninja (or a Make fragment, or a Bazel package).
#include <unistd.h>

#include <climits>
#include <cstdlib>

#include "build_files.h"
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
        {"output", 'o', "FILE", "the build file to write (default: build.ninja, bengal.mk or BUILD.bazel)"},
        {"format", 0, "FORMAT", "ninja (default), make (a GNU Make fragment) or bazel (a Bazel package)"},
        {"command-prefix", 0, "CMD", "run every step but configure through CMD (srun, say)"},
        {"pool-depth", 0, "N", "run at most N steps at once (a Ninja pool; not configure)"},
        {"drafts", 0, "", "publish pages marked draft"},
        {"future", 0, "", "publish pages dated in the future"},
        {"expired", 0, "", "publish pages whose expirydate has passed"},
        {"strict", 0, "", "make undefined template variables errors"},
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

// --format, --command-prefix and --pool-depth, checked.
static void format_options(const Args& args, GeneratorOptions& options) {
  BuildFormat format;
  options.format = args.get("format", "ninja");
  if (!parse_build_format(options.format, format))
    throw Failure(kExitUsage, "unknown --format '" + options.format + "' (ninja, make or bazel)");
  options.ninja_file = args.get("output", default_build_file(format));
  options.command_prefix = args.get("command-prefix", "");
  std::string depth = args.get("pool-depth", "0");
  char* end = nullptr;
  long n = std::strtol(depth.c_str(), &end, 10);
  if (depth.empty() || *end || n < 0 || n > 1000000)
    throw Failure(kExitUsage, "--pool-depth wants a whole number, not '" + depth + "'");
  options.pool_depth = static_cast<int>(n);
  if (format == BuildFormat::kBazel && (!options.command_prefix.empty() || options.pool_depth))
    throw Failure(kExitUsage, "--command-prefix and --pool-depth do not apply to --format=bazel");
}

int main(int argc, char** argv) {
  return run_tool(kSpec, argc, argv, [](const Args& args, Diagnostics& diags) {
    GeneratorOptions options;
    options.config_path = args.get("config", "bengal.toml");
    format_options(args, options);
    options.drafts = args.has("drafts");
    options.future = args.has("future");
    options.expired = args.has("expired");
    options.strict = args.has("strict");
    options.bindir = own_bindir();
    Config config = load_config(options.config_path, diags);
    if (diags.has_errors()) return;

    // Create the folders the build writes into now, before the build file: when the site
    // folder itself is watched, the build must not change its listing afterwards.
    make_dirs(config.build_dir);
    make_dirs(config.output_dir);
    BuildPlan plan = make_plan(config, ".");
    write_intermediate(Kind::kManifest, producer_of(kSpec.name), copies_manifest(plan),
                       join_path(config.build_dir, "static.manifest"));
    // Which template folders exist: a folder that appears or goes changes every page's lookup,
    // so every render edge depends on this stamp.
    std::string folders;
    for (const std::string& f : plan.template_folders) folders += f + "\n";
    write_file_if_changed(join_path(config.build_dir, "templates.stamp"), folders);
    // The rename that replaces the build file changes the site folder after the file's own
    // mtime; touching it keeps it newer than every folder it watches.
    for (const BuildFile& file : write_build_files(config, plan, options))
      if (write_file_if_changed(file.path, file.text)) touch_file(file.path);
    after_build_files_written(config, options);
  });
}
