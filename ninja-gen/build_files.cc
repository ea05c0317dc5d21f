#include "build_files.h"

#include <map>

#include "bazel_writer.h"
#include "build_graph.h"
#include "make_writer.h"
#include "support/fs.h"
#include "support/paths.h"
#include "support/text.h"

namespace bengal {

namespace {
struct FormatName {
  BuildFormat format;
  const char* name;
  const char* file;
};
constexpr FormatName kFormats[] = {
    {BuildFormat::kNinja, "ninja", "build.ninja"},
    {BuildFormat::kMake, "make", "bengal.mk"},
    {BuildFormat::kBazel, "bazel", "BUILD.bazel"},
};
}  // namespace

bool parse_build_format(const std::string& name, BuildFormat& format) {
  for (const FormatName& f : kFormats)
    if (name == f.name) {
      format = f.format;
      return true;
    }
  return false;
}

const char* build_format_name(BuildFormat format) {
  for (const FormatName& f : kFormats)
    if (f.format == format) return f.name;
  return "ninja";
}

const char* default_build_file(BuildFormat format) {
  for (const FormatName& f : kFormats)
    if (f.format == format) return f.file;
  return "build.ninja";
}

static std::string top_folder(const std::string& rel) {
  size_t slash = rel.find('/');
  return slash == std::string::npos ? std::string() : rel.substr(0, slash);
}

// What Bazel must declare that Ninja learns from depfiles: the templates a render may read,
// and for each shard's parse the files its pages may include. Those are taken from the
// shard's own top-level section (Markdown pages too), so a page added elsewhere leaves the
// parse actions of other sections cached; an include from another section fails in the
// sandbox, loudly, rather than reading an undeclared file.
static BazelOptions bazel_options(const Config& config, const BuildPlan& plan, const GeneratorOptions& options) {
  BazelOptions o;
  o.bindir = options.bindir;
  o.build_dir = config.build_dir;
  o.output_dir = config.output_dir;
  o.source = options.config_path;
  o.discovered_inputs["render"] = plan.template_files;
  std::map<std::string, std::vector<std::string>> by_section;
  for (const Shard& shard : plan.shards)
    for (const std::string& page : shard.sources) by_section[top_folder(page)].push_back(join_path(config.content_dir, page));
  for (const CopiedFile& f : plan.copies)
    if (starts_with(f.source, config.content_dir + "/"))
      by_section[top_folder(f.source.substr(config.content_dir.size() + 1))].push_back(f.source);
  for (const Shard& shard : plan.shards)
    o.edge_inputs[shard_path(config, shard.name, ".meta")] = by_section[top_folder(shard.sources.front())];
  return o;
}

std::vector<BuildFile> write_build_files(const Config& config, const BuildPlan& plan, const GeneratorOptions& options) {
  BuildFormat format = BuildFormat::kNinja;
  parse_build_format(options.format, format);
  if (format == BuildFormat::kNinja) return {{options.ninja_file, write_build_ninja(config, plan, options)}};
  BuildGraph graph = build_graph(config, plan, options);
  if (format == BuildFormat::kMake) {
    MakeOptions mo{options.bindir, config.build_dir, config.output_dir, options.ninja_file, options.config_path};
    return {{options.ninja_file, write_makefile(graph, mo)}};
  }
  BazelOptions bo = bazel_options(config, plan, options);
  bo.bzl = "bengal.bzl";
  BazelFiles files = write_bazel(graph, bo);
  return {{options.ninja_file, files.build}, {join_path(dirname(options.ninja_file), bo.bzl), files.bzl}};
}

void after_build_files_written(const Config& config, const GeneratorOptions& options) {
  if (options.format != "make") return;
  std::string stamp = make_stamp_path(config.build_dir, options.ninja_file);
  make_dirs(dirname(stamp));
  if (!write_file_if_changed(stamp, "")) touch_file(stamp);
}

}  // namespace bengal
