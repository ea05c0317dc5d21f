// bengal-index: writes the site-wide outputs (sitemap.xml, the search index).
#include "cli/tool_main.h"
#include "format/envelope.h"
#include "index/index.h"
#include "support/fs.h"
#include "support/paths.h"
#include "support/text.h"

using namespace bengal;

static const ToolSpec kSpec = {
    "bengal-index",
    "[OPTIONS] --page-table FILE SHARD.meta... SHARD.text...",
    "Write sitemap.xml and the search index from the intermediates",
    {
        {"config", 'c', "FILE", "site configuration (default: bengal.toml)"},
        {"page-table", 0, "FILE", "the page table written by bengal-link"},
        {"output-dir", 'd', "DIR", "the site's output folder (default: the config's build.output_dir)"},
    },
    1,
};

int main(int argc, char** argv) {
  return run_tool(kSpec, argc, argv, [](const Args& args, Diagnostics& diags) {
    Config config = load_step_config(args.get("config", "bengal.toml"), diags);
    if (diags.has_errors()) return;
    PageTable table = read_intermediate<PageTable>(Kind::kPageTable, args.required("page-table"));
    std::vector<MetaShard> metas;
    std::vector<TextShard> texts;
    for (const std::string& path : args.positional) {
      if (ends_with(path, ".meta")) metas.push_back(read_intermediate<MetaShard>(Kind::kMeta, path));
      else if (ends_with(path, ".text")) texts.push_back(read_intermediate<TextShard>(Kind::kText, path));
      else throw Failure(kExitUsage, "'" + path + "' is neither a .meta nor a .text file");
    }
    const std::string out = args.get("output-dir", config.output_dir);
    write_file_if_changed(join_path(out, "sitemap.xml"), render_sitemap(config, table));
    write_file_if_changed(join_path(out, "search.json"), render_search_index(table, metas, texts));
  });
}
