// bengal-render: renders one shard's pages through the theme's templates (a pages file for
// bengal-emit), or one template against a JSON context for theme authors.
#include <algorithm>
#include <cstdio>

#include "cli/tool_main.h"
#include "format/envelope.h"
#include "format/ninja_dyndep.h"
#include "render/feeds.h"
#include "render/render.h"
#include "support/fs.h"
#include "support/memory.h"
#include "support/paths.h"
#include "support/text.h"
#include "template/error.h"
#include "template/value_json.h"

using namespace bengal;

static const ToolSpec kSpec = {
    "bengal-render",
    "[OPTIONS] --site FILE [--meta FILE --body FILE] -o OUT SHARD.link | --fill-feeds -o OUT SHARD.feeds... | "
    "--template FILE --context JSON",
    "Render a shard's pages into finished HTML through the theme's templates",
    {
        {"output", 'o', "FILE", "write the pages file to FILE"},
        {"site", 0, "FILE", "the site file written by bengal-link"},
        {"meta", 0, "FILE", "the shard's meta file (omit for the generated-pages shard)"},
        {"body", 0, "FILE", "the shard's body file (omit for the generated-pages shard)"},
        {"taxonomies", 0, "FILE", "the taxonomies file written by bengal-link, read if a template uses site.taxonomies"},
        {"templates", 't', "DIR", "look for templates in DIR before the built-in theme (repeatable, first wins; "
                                  "default: templates)", true},
        {"text", 0, "FILE", "the shard's text file, for index.json and index.txt (Site json_kinds, txt_kinds)"},
        {"assets", 0, "FILE", "the asset map of bengal-emit --hash-assets: asset_url() answers fingerprinted names"},
        {"asset-refs", 0, "FILE", "write the local assets each page references (for bengal-index)"},
        {"feeds", 0, "FILE", "write the shard's feeds with content slots and its pages' feed content "
                             "([feeds] content = \"full\"; required then)"},
        {"fill-feeds", 0, "", "fill the content slots of every feeds file given and write the feeds as a pages file"},
        {"strict", 0, "", "an undefined template variable is an error, not an empty string"},
        {"depfile", 0, "FILE", "write a Make-style depfile naming the template files and folders used"},
        {"dyndep", 0, "FILE", "also write a Ninja dyndep file naming every page file as an output of the emit edge"},
        {"dyndep-target", 0, "FILE", "the emit edge's output that the dyndep file extends (with --dyndep)"},
        {"output-dir", 'd', "DIR", "the output folder the dyndep file's paths start with (default: public)"},
        {"template", 0, "FILE", "render this one template file with --context and print the result"},
        {"context", 0, "JSON", "the variables for --template: a JSON object, or @FILE to read one"},
    },
    0,
    static_cast<size_t>(-1),  // one link file, or (--fill-feeds) every feeds file; main() checks
};

static ThemeOptions theme_options(const Args& args, const std::string& base_path) {
  ThemeOptions o;
  if (args.has("templates")) o.folders = args.all("templates");
  o.strict = args.has("strict");
  o.base_path = base_path;
  return o;
}

// --template FILE --context JSON: one template, no site, output on stdout.
static void render_one(const Args& args, Diagnostics& diags) {
  std::string context_text = args.get("context", "{}");
  if (starts_with(context_text, "@")) context_text = read_file(context_text.substr(1));
  nlohmann::ordered_json context = nlohmann::ordered_json::parse(context_text, nullptr, false);
  if (context.is_discarded() || !context.is_object())
    throw Failure(kExitUsage, "--context must be a JSON object");
  ThemeOptions o = theme_options(args, "/");
  std::string file = args.get("template");
  o.folders.insert(o.folders.begin(), dirname(file));
  Theme theme(o);
  try {
    std::string out = theme.environment().render(basename(file), tmpl::from_json(context));
    std::fwrite(out.data(), 1, out.size(), stdout);
  } catch (const tmpl::TemplateError& e) {
    diags.add(e.diagnostic());
  }
}

// Every folder the templates were looked up in: adding or removing a template there can change
// which file a lookup finds, so it must re-render the shard.
static std::set<std::string> template_deps(const ThemeOptions& o, std::set<std::string> used) {
  for (const std::string& folder : o.folders) {
    if (!file_exists(folder)) continue;
    used.insert(folder);
    for (const std::string& sub : list_dirs_recursive(folder))
      if (!sub.empty()) used.insert(join_path(folder, sub));
  }
  return used;
}

// The Ninja dyndep file for the emit edge that publishes a pages file: it names one of the
// files, the first by path, as the edge's output (ninja_dyndep.h says why only one).
static void write_dyndep(const Args& args, const PagesShard& pages, const std::string& target) {
  std::vector<std::string> sentinel;
  auto first = std::min_element(pages.files.begin(), pages.files.end(),
                                [](const OutputFile& a, const OutputFile& b) { return a.path < b.path; });
  if (first != pages.files.end()) sentinel.push_back(join_path(args.get("output-dir", "public"), first->path));
  write_file_if_changed(args.get("dyndep"), ninja_dyndep(target, sentinel));
}

// --fill-feeds: the site-wide step of full-content feeds (render/feeds.h).
static void fill_feeds_files(const Args& args) {
  if (args.positional.empty()) throw Failure(kExitUsage, "expected feeds files");
  const std::string output = args.required("output");
  const std::string dyndep_target = args.has("dyndep") ? args.required("dyndep-target") : std::string();
  std::vector<FeedsShard> shards;
  for (const std::string& path : args.positional) shards.push_back(read_intermediate<FeedsShard>(Kind::kFeeds, path));
  PagesShard pages = fill_feeds(shards);
  write_intermediate(Kind::kPages, producer_of(kSpec.name), pages, output);
  if (args.has("dyndep")) write_dyndep(args, pages, dyndep_target);
}

int main(int argc, char** argv) {
  // A shard's render allocates and frees tens of MB (decoded inputs, page contexts, the pages
  // and their encoding): page faults took a third of its CPU before.
  reserve_heap();
  return run_tool(kSpec, argc, argv, [](const Args& args, Diagnostics& diags) {
    if (args.has("template")) return render_one(args, diags);
    if (args.has("fill-feeds")) return fill_feeds_files(args);
    if (args.positional.size() != 1) throw Failure(kExitUsage, "expected one link file");
    const std::string output = args.required("output");
    const std::string dyndep_target = args.has("dyndep") ? args.required("dyndep-target") : std::string();
    if (args.has("meta") != args.has("body")) throw Failure(kExitUsage, "--meta and --body go together");
    Site site = read_intermediate<Site>(Kind::kSite, args.required("site"));
    if (site.full_feeds && !args.has("feeds"))
      throw Failure(kExitUsage, "the site's feeds carry full content ([feeds] content = \"full\"): give --feeds FILE");
    LinkShard links = read_intermediate<LinkShard>(Kind::kLink, args.positional[0]);
    MetaShard meta;
    BodyShard body;
    TextShard text;
    ShardSources sources;
    if (args.has("meta")) {
      meta = read_intermediate<MetaShard>(Kind::kMeta, args.get("meta"));
      body = read_intermediate<BodyShard>(Kind::kBody, args.get("body"));
      sources = {&meta, &body, nullptr};
    }
    if (args.has("text")) {
      text = read_intermediate<TextShard>(Kind::kText, args.get("text"));
      sources.text = &text;
    }
    ThemeOptions options = theme_options(args, site.base_path);
    options.refs = site.refs;
    if (args.has("assets"))
      options.assets = std::make_shared<AssetMap>(read_intermediate<AssetMap>(Kind::kAssets, args.get("assets")));
    Theme theme(options);
    std::set<std::string> used;
    RenderedShard rendered = render_shard(site, links, sources, theme, used, diags, args.get("taxonomies"));
    if (diags.has_errors()) return;
    const PagesShard& pages = rendered.pages;
    write_intermediate(Kind::kPages, producer_of(kSpec.name), pages, output);
    if (args.has("asset-refs"))
      write_intermediate(Kind::kAssetRefs, producer_of(kSpec.name), rendered.asset_refs, args.get("asset-refs"));
    if (args.has("depfile"))
      write_file_if_changed(args.get("depfile"), make_depfile(output, template_deps(options, std::move(used))));
    if (args.has("feeds")) write_intermediate(Kind::kFeeds, producer_of(kSpec.name), rendered.feeds, args.get("feeds"));
    if (args.has("dyndep")) write_dyndep(args, pages, dyndep_target);
  });
}
