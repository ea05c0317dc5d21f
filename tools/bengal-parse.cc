// bengal-parse: renders one shard's Markdown to HTML with link slots, and extracts headings,
// links, summaries and plain text (bengal-parse(1)). All the work is in libbengal/parse.
#include <string>

#include "cli/tool_main.h"
#include "format/depfile.h"
#include "format/envelope.h"
#include "model/config.h"
#include "parse/parse.h"
#include "support/fs.h"

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
  bengal::Config config = bengal::load_step_config(args.get("config", "bengal.toml"), diags);
  if (diags.has_errors()) return;
  auto shard = bengal::read_intermediate<bengal::ScanShard>(bengal::Kind::kScan, args.positional[0]);
  bengal::ParsedShard parsed = bengal::parse_shard(shard, {config.base_path()}, diags);
  if (diags.has_errors()) return;  // keep the previous outputs: the run fails anyway
  bengal::write_parsed_shard(parsed, prefix, bengal::producer_of(kSpec.name));
  if (args.has("depfile"))
    bengal::write_file_if_changed(args.get("depfile"), bengal::make_depfile(prefix + ".meta", parsed.dependencies));
}

}  // namespace

int main(int argc, char** argv) { return bengal::run_tool(kSpec, argc, argv, parse); }
