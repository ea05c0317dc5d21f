// bengal-index: writes the site-wide outputs (sitemap.xml, the search index, robots.txt,
// llms.txt, llms-full.txt, _redirects), checks the pages' asset references, and writes a
// manifest of the files it wrote.
#include <algorithm>
#include <charconv>

#include "cli/tool_main.h"
#include "format/envelope.h"
#include "index/index.h"
#include "index/search_state.h"
#include "support/fs.h"
#include "support/paths.h"
#include "support/text.h"

using namespace bengal;

static const ToolSpec kSpec = {
    "bengal-index",
    "[OPTIONS] --page-table FILE [SHARD.meta... SHARD.text...] [SHARD.assetrefs... SHARD.manifest...]\n"
    "   or: bengal-index [OPTIONS] --check-assets SHARD.assetrefs... SHARD.manifest...",
    "Write sitemap.xml, the search index, robots.txt, llms.txt and _redirects from the intermediates",
    {
        {"config", 'c', "FILE", "site configuration (default: bengal.toml)"},
        {"page-table", 0, "FILE", "the page table written by bengal-link"},
        {"output-dir", 'd', "DIR", "the site's output folder (default: the config's build.output_dir)"},
        {"manifest", 0, "FILE", "write the manifest of the files written to FILE (for bengal-emit --prune)"},
        {"static-manifest", 0, "FILE", "the static files' manifest: a file it names is not generated"},
        {"asset-map", 0, "FILE", "write the asset dependency map (asset URL -> pages) as JSON to FILE"},
        {"sitemap-max-urls", 0, "N", "URLs per sitemap file before sitemap.xml becomes an index (default: 50000)"},
        {"outputs", 0, "LIST", "write only these site-wide files (comma-separated, e.g. search/index.json,llms-full.txt)"},
        {"state", 0, "FILE", "with --outputs search/index.json, llms-full.txt or both: keep what this run made in FILE, and redo only the changed pages next time"},
        {"explain", 0, "", "with --state: say whether the run was incremental (or why not) and what it wrote"},
        {"check-assets", 0, "", "only check the asset references (and write --asset-map): no page table, no site-wide file"},
    },
};

static size_t sitemap_max_urls(const Args& args) {
  if (!args.has("sitemap-max-urls")) return kSitemapMaxUrls;
  std::string text = args.get("sitemap-max-urls");
  size_t n = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc() || end != text.data() + text.size() || n < 1 || n > kSitemapMaxUrls)
    throw Failure(kExitUsage, "--sitemap-max-urls must be an integer from 1 to " + std::to_string(kSitemapMaxUrls));
  return n;
}

// --outputs: names of site-wide files; empty: every one the config turns on.
static std::vector<std::string> only_outputs(const Args& args) {
  static const std::vector<std::string> known = {kSitemapFile, kSearchFile, kRedirectsFile,
                                                 kRobotsFile,  kLlmsFile,   kLlmsFullFile};
  std::vector<std::string> names;
  if (!args.has("outputs")) return names;
  std::string list = args.get("outputs");
  for (size_t start = 0; start <= list.size();) {
    size_t comma = std::min(list.find(',', start), list.size());
    std::string name = list.substr(start, comma - start);
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      std::string list;
      for (const std::string& k : known) list += (list.empty() ? "" : ", ") + k;
      throw Failure(kExitUsage, "--outputs: '" + name + "' is not a site-wide file (" + list + ")");
    }
    names.push_back(std::move(name));
    start = comma + 1;
  }
  return names;
}

// --state: the search step alone (search/ and llms-full.txt from meta and text files) runs
// incrementally; any other run is a full one and leaves the state alone. False: not that step.
static bool run_with_state(const Args& args, const Config& config, const Manifest& static_files,
                           const std::vector<std::string>& only, const std::string& out, Diagnostics& diags) {
  SearchStepArgs step;
  step.search = step.llms_full = false;
  for (const std::string& name : wanted_index_outputs(config, static_files, only)) {
    if (name == kSearchFile) step.search = true;
    else if (name == kLlmsFullFile) step.llms_full = true;
    else return false;
  }
  for (const std::string& path : args.positional) {
    if (!ends_with(path, ".meta") && !ends_with(path, ".text")) return false;
    step.shards.push_back(path);
  }
  step.page_table = args.required("page-table");
  step.output_dir = out;
  step.state = args.get("state");
  SearchStepReport report = run_search_step(config, step);
  if (args.has("explain")) diags.note({}, explain(report));
  if (args.has("manifest"))
    write_intermediate(Kind::kManifest, producer_of(kSpec.name), manifest_of(report.files), args.get("manifest"));
  return true;
}

int main(int argc, char** argv) {
  return run_tool(kSpec, argc, argv, [](const Args& args, Diagnostics& diags) {
    const size_t max_urls = sitemap_max_urls(args);
    const std::vector<std::string> only = only_outputs(args);
    Config config = load_step_config(args.get("config", "bengal.toml"), diags);
    if (diags.has_errors()) return;
    IndexInput in;
    if (args.has("static-manifest"))
      in.static_files = read_intermediate<Manifest>(Kind::kManifest, args.get("static-manifest"));
    const std::string out = args.get("output-dir", config.output_dir);
    if (args.has("state") && run_with_state(args, config, in.static_files, only, out, diags)) return;
    const bool assets_only = args.has("check-assets");
    if (!assets_only) in.table = read_intermediate<PageTable>(Kind::kPageTable, args.required("page-table"));
    // The asset check reads its files one at a time: the manifests first, then the references.
    std::vector<std::string> asset_refs, published;
    for (const std::string& path : args.positional) {
      if (assets_only && !ends_with(path, ".assetrefs") && !ends_with(path, ".manifest"))
        throw Failure(kExitUsage, "--check-assets reads .assetrefs and .manifest files, not '" + path + "'");
      if (ends_with(path, ".meta")) in.metas.push_back(read_intermediate<IndexMetaShard>(Kind::kMeta, path));
      else if (ends_with(path, ".text")) in.texts.push_back(read_intermediate<TextShard>(Kind::kText, path));
      else if (ends_with(path, ".assetrefs")) asset_refs.push_back(path);
      else if (ends_with(path, ".manifest")) published.push_back(path);
      else throw Failure(kExitUsage, "'" + path + "' is not a .meta, .text, .assetrefs or .manifest file");
    }
    std::vector<OutputFile> files;
    if (!assets_only) files = render_index_outputs(config, in, max_urls, only);
    if (!asset_refs.empty()) {
      AssetCheck check(config, in.static_files, index_output_files(config, in.static_files));
      for (const std::string& path : published) check.add_published(read_intermediate<Manifest>(Kind::kManifest, path));
      for (const std::string& path : asset_refs)
        check.check(read_intermediate<AssetRefsShard>(Kind::kAssetRefs, path), diags);
      if (args.has("asset-map")) write_file_if_changed(args.get("asset-map"), check.asset_map());
    }
    for (const OutputFile& f : files) write_file_if_changed(join_path(out, f.path), f.bytes);
    if (args.has("manifest"))
      write_intermediate(Kind::kManifest, producer_of(kSpec.name), manifest_of(files), args.get("manifest"));
  });
}
