// bengal-emit: publishes rendered pages into the output folder, prunes what no page produces
// any more, and copies static files — each only when the bytes changed.
#include "cli/tool_main.h"
#include "emit/assets.h"
#include "emit/emit.h"
#include "format/envelope.h"
#include "support/memory.h"

using namespace bengal;

static const ToolSpec kSpec = {
    "bengal-emit",
    "[OPTIONS] [--hashes FILE] -o MANIFEST SHARD.pages | --prune -o MANIFEST MANIFEST... | --copy -o DEST SRC | --builtin NAME -o DEST\n"
    "       | --hash-assets -o MAP [--builtin NAME]... SRC... | --publish-assets -o MANIFEST MAP",
    "Write rendered pages into the output folder, only where bytes changed",
    {
        {"output", 'o', "FILE", "the manifest to write (with --copy: the destination file)"},
        {"hashes", 0, "FILE", "the hashes of the files written last time: read, then written (unchanged files are not rewritten)"},
        {"output-dir", 'd', "DIR", "the site's output folder (default: public)"},
        {"prune", 0, "", "merge the given manifests into one and remove files no manifest names any more"},
        {"copy", 0, "", "copy one static file SRC to the destination given by -o"},
        {"builtin", 0, "NAME", "a built-in theme asset: write it to -o, or with --hash-assets, hash it", true},
        {"hash-assets", 0, "", "hash the static files SRC... and the --builtin assets into the asset map -o"},
        {"publish-assets", 0, "", "publish the assets of MAP under fingerprinted names, and asset-manifest.json"},
        {"config", 'c', "FILE", "site configuration, for the static folder (default: bengal.toml)"},
    },
    0,
};

int main(int argc, char** argv) {
  reserve_heap();  // a shard's pages file is decoded whole: tens of MB for a big one
  return run_tool(kSpec, argc, argv, [](const Args& args, Diagnostics& diags) {
    const std::string output = args.required("output");
    const std::string output_dir = args.get("output-dir", "public");
    EmitStats stats;
    if (args.positional.empty() && !args.has("builtin") && !args.has("hash-assets"))
      throw Failure(kExitUsage, "expected an input file");
    if (args.has("copy")) {
      if (args.positional.size() != 1) throw Failure(kExitUsage, "--copy takes exactly one source file");
      copy_asset(args.positional[0], output, stats);
      return;
    }
    if (args.has("hash-assets")) {
      Config config = load_step_config(args.get("config", "bengal.toml"), diags);
      if (diags.has_errors()) return;
      AssetMap map = hash_assets(args.positional, config.static_dir, args.all("builtin"));
      write_intermediate(Kind::kAssets, producer_of(kSpec.name), map, output);
      return;
    }
    if (args.has("publish-assets")) {
      if (args.positional.size() != 1) throw Failure(kExitUsage, "--publish-assets takes exactly one asset map");
      AssetMap map = read_intermediate<AssetMap>(Kind::kAssets, args.positional[0]);
      write_intermediate(Kind::kManifest, producer_of(kSpec.name), publish_assets(map, output_dir, stats), output);
      return;
    }
    if (args.has("builtin")) {
      if (!args.positional.empty()) throw Failure(kExitUsage, "--builtin NAME writes one built-in asset to -o; no other input");
      write_builtin_asset(args.get("builtin"), output, stats);
      return;
    }
    if (args.has("prune")) {
      prune_site(args.positional, output, output_dir, producer_of(kSpec.name), stats, diags);
      return;
    }
    if (args.positional.size() != 1) throw Failure(kExitUsage, "expected one pages file");
    PagesShard pages = read_intermediate<PagesShard>(Kind::kPages, args.positional[0]);
    const std::string hashes = args.get("hashes", "");
    Manifest written = emit_pages(pages, output_dir, hashes.empty() ? Manifest{} : read_previous_manifest(hashes),
                                  stats, diags);
    if (diags.has_errors()) return;
    if (!hashes.empty()) write_intermediate(Kind::kManifest, producer_of(kSpec.name), written, hashes);
    write_intermediate(Kind::kManifest, producer_of(kSpec.name), without_hashes(std::move(written)), output);
  });
}
