// bengal-emit: publishes rendered pages into the output folder, prunes what no page produces
// any more, and copies static files — each only when the bytes changed.
#include "cli/tool_main.h"
#include "emit/emit.h"
#include "format/envelope.h"

using namespace bengal;

static const ToolSpec kSpec = {
    "bengal-emit",
    "[OPTIONS] -o MANIFEST SHARD.pages | --prune -o MANIFEST MANIFEST... | --copy -o DEST SRC",
    "Write rendered pages into the output folder, only where bytes changed",
    {
        {"output", 'o', "FILE", "the manifest to write (with --copy: the destination file)"},
        {"output-dir", 'd', "DIR", "the site's output folder (default: public)"},
        {"prune", 0, "", "merge the given manifests into one and remove files no manifest names any more"},
        {"copy", 0, "", "copy one static file SRC to the destination given by -o"},
    },
    1,
};

int main(int argc, char** argv) {
  return run_tool(kSpec, argc, argv, [](const Args& args, Diagnostics& diags) {
    const std::string output = args.required("output");
    const std::string output_dir = args.get("output-dir", "public");
    EmitStats stats;
    if (args.has("copy")) {
      if (args.positional.size() != 1) throw Failure(kExitUsage, "--copy takes exactly one source file");
      copy_asset(args.positional[0], output, stats);
      return;
    }
    if (args.has("prune")) {
      std::vector<Manifest> manifests;
      for (const std::string& path : args.positional)
        manifests.push_back(read_intermediate<Manifest>(Kind::kManifest, path));
      Manifest current = merge_manifests(manifests, diags);
      if (diags.has_errors()) return;
      prune_outputs(read_previous_manifest(output), current, output_dir, stats);
      write_intermediate(Kind::kManifest, producer_of(kSpec.name), current, output);
      return;
    }
    if (args.positional.size() != 1) throw Failure(kExitUsage, "expected one pages file");
    PagesShard pages = read_intermediate<PagesShard>(Kind::kPages, args.positional[0]);
    Manifest manifest = emit_pages(pages, output_dir, read_previous_manifest(output), stats, diags);
    if (diags.has_errors()) return;
    write_intermediate(Kind::kManifest, producer_of(kSpec.name), manifest, output);
  });
}
