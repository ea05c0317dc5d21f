// bengal-parse: renders one shard's Markdown to HTML with link slots, and extracts headings,
// links, summaries and plain text (bengal-parse(1)). All the work is in libbengal/parse.
#include <optional>
#include <set>
#include <string>

#include "cli/tool_main.h"
#include "format/depfile.h"
#include "format/envelope.h"
#include "model/config.h"
#include "parse/parse.h"
#include "support/fs.h"
#include "support/memory.h"
#include "support/paths.h"

namespace {

const bengal::ToolSpec kSpec = {
    "bengal-parse",
    "[OPTIONS] -o PREFIX SHARD.scan",
    "Render Markdown to HTML with link slots, headings and metadata",
    {
        {"output", 'o', "PREFIX", "write PREFIX.meta, PREFIX.body and PREFIX.text (required)"},
        {"config", 'c', "FILE", "site configuration (default: bengal.toml)"},
        {"depfile", 0, "FILE", "write a Make-style depfile of the files the pages include"},
    },
    1,
    1,
};

void parse(const bengal::Args& args, bengal::Diagnostics& diags) {
  std::string prefix = args.required("output");
  std::string config_path = args.get("config", "bengal.toml");
  bengal::Config config = bengal::load_step_config(config_path, diags);
  if (diags.has_errors()) return;
  auto shard = bengal::read_intermediate<bengal::ScanShard>(bengal::Kind::kScan, args.positional[0]);
  // Site-relative paths (include directives) are read from the folder of bengal.toml.
  std::string site_dir = bengal::dirname(config_path);
  bengal::ParseOptions options{config.base_path(), config.markdown.math, config.markdown.mermaid,
                               config.outputs.search, [&site_dir](const std::string& path) -> std::optional<std::string> {
                                 std::string file = bengal::join_path(site_dir, path);
                                 if (!bengal::file_exists(file)) return std::nullopt;
                                 return bengal::read_file(file);
                               }};
  bengal::ParsedShard parsed = bengal::parse_shard(shard, options, diags);
  if (diags.has_errors()) return;  // keep the previous outputs: the run fails anyway
  bengal::write_parsed_shard(parsed, prefix, bengal::producer_of(kSpec.name));
  if (args.has("depfile")) {
    std::set<std::string> deps;
    for (const std::string& dep : parsed.dependencies) deps.insert(bengal::join_path(site_dir, dep));
    bengal::write_file_if_changed(args.get("depfile"), bengal::make_depfile(prefix + ".meta", deps));
  }
}

}  // namespace

int main(int argc, char** argv) {
  bengal::reserve_heap();  // cmark's nodes and the shard's outputs: many MB allocated and freed
  return bengal::run_tool(kSpec, argc, argv, parse);
}
