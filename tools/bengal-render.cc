// bengal-render: renders one shard's pages into finished HTML (a pages file for bengal-emit).
#include "cli/tool_main.h"
#include "format/envelope.h"
#include "format/ninja_dyndep.h"
#include "render/render.h"
#include "support/fs.h"
#include "support/paths.h"

using namespace bengal;

static const ToolSpec kSpec = {
    "bengal-render",
    "[OPTIONS] --site FILE [--meta FILE --body FILE] -o OUT SHARD.link",
    "Render a shard's pages into finished HTML",
    {
        {"output", 'o', "FILE", "write the pages file to FILE"},
        {"site", 0, "FILE", "the site file written by bengal-link"},
        {"meta", 0, "FILE", "the shard's meta file (omit for the generated-pages shard)"},
        {"body", 0, "FILE", "the shard's body file (omit for the generated-pages shard)"},
        {"dyndep", 0, "FILE", "also write a Ninja dyndep file naming every page file as an output of the emit edge"},
        {"dyndep-target", 0, "FILE", "the emit edge's output that the dyndep file extends (with --dyndep)"},
        {"output-dir", 'd', "DIR", "the output folder the dyndep file's paths start with (default: public)"},
    },
    1,
    1,
};

int main(int argc, char** argv) {
  return run_tool(kSpec, argc, argv, [](const Args& args, Diagnostics& diags) {
    const std::string output = args.required("output");
    const std::string dyndep_target = args.has("dyndep") ? args.required("dyndep-target") : std::string();
    if (args.has("meta") != args.has("body")) throw Failure(kExitUsage, "--meta and --body go together");
    Site site = read_intermediate<Site>(Kind::kSite, args.required("site"));
    LinkShard links = read_intermediate<LinkShard>(Kind::kLink, args.positional[0]);
    MetaShard meta;
    BodyShard body;
    if (args.has("meta")) {
      meta = read_intermediate<MetaShard>(Kind::kMeta, args.get("meta"));
      body = read_intermediate<BodyShard>(Kind::kBody, args.get("body"));
    }
    bool with_sources = args.has("meta");
    PagesShard pages = render_shard(site, links, with_sources ? &meta : nullptr, with_sources ? &body : nullptr, diags);
    if (diags.has_errors()) return;
    write_intermediate(Kind::kPages, producer_of(kSpec.name), pages, output);
    if (args.has("dyndep")) {
      std::vector<std::string> files;
      for (const OutputFile& f : pages.files) files.push_back(join_path(args.get("output-dir", "public"), f.path));
      write_file_if_changed(args.get("dyndep"), ninja_dyndep(dyndep_target, files));
    }
  });
}
