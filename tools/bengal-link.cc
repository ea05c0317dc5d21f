// bengal-link: computes URLs, sections, navigation and references from every shard's metadata.
#include <cstdlib>
#include <map>
#include <ctime>

#include "cli/tool_main.h"
#include "format/envelope.h"
#include "link/link.h"
#include "support/fs.h"
#include "support/memory.h"
#include "support/parallel.h"
#include "support/text.h"

using namespace bengal;

static const ToolSpec kSpec = {
    "bengal-link",
    "[OPTIONS] --site FILE --page-table FILE --generated FILE [--term-shard FILE...] SHARD.meta...",
    "Link every page: URLs, sections, navigation and cross-references",
    {
        {"config", 'c', "FILE", "site configuration (default: bengal.toml)"},
        {"site", 0, "FILE", "write the site file (section tree, site settings) to FILE"},
        {"page-table", 0, "FILE", "write the page table (every page's URL, for site-wide outputs) to FILE"},
        {"generated", 0, "FILE", "write the link file of generated pages (sections without a page) to FILE"},
        {"term-shard", 0, "FILE", "write taxonomy and term pages to the link files given, by a hash of "
                                  "their path (repeatable; default: with the generated pages)", true},
        {"taxonomies", 0, "FILE", "write every taxonomy's terms and counts to FILE (for site.taxonomies)"},
        {"drafts", 0, "", "publish pages marked draft"},
        {"future", 0, "", "publish pages dated in the future"},
        {"expired", 0, "", "publish pages whose expirydate has passed"},
        {"no-strict-links", 0, "", "report broken references as warnings instead of errors"},
        {"templates", 't', "DIR", "resolve the ref(\"path\") calls of the templates in DIR (repeatable)", true},
        {"static-manifest", 0, "FILE", "the copied files' manifest: a page that publishes one of its paths is an error"},
        {"jobs", 'j', "N", "read and write the shards on N threads (default: the number of CPUs)"},
    },
    1,
};

// SHARD.meta -> SHARD.link, SHARD.body
static std::string beside_meta(const std::string& meta_path, const char* extension) {
  std::string base = ends_with(meta_path, ".meta") ? meta_path.substr(0, meta_path.size() - 5) : meta_path;
  return base + extension;
}

// The pages' link positions, from the SHARD.body that bengal-parse wrote beside SHARD.meta;
// read only for diagnostics, and not an input of the step (an edit that moves lines changes
// the body, not the meta, and must not re-run bengal-link). Each body file is read once, on
// the first diagnostic of its shard: a site with many broken references warns about each.
class LinkPositionFiles {
 public:
  explicit LinkPositionFiles(const std::vector<std::string>& meta_paths) : meta_paths_(meta_paths) {}
  std::vector<SourcePos> operator()(size_t shard, const std::string& rel) {
    auto [it, fresh] = by_shard_.try_emplace(shard);
    if (fresh) {
      std::string body_path = beside_meta(meta_paths_[shard], ".body");
      if (file_exists(body_path))
        for (PageBody& page : read_intermediate<BodyShard>(Kind::kBody, body_path).pages)
          it->second.emplace(std::move(page.rel), std::move(page.link_pos));
    }
    auto page = it->second.find(rel);
    return page == it->second.end() ? std::vector<SourcePos>{} : page->second;
  }

 private:
  const std::vector<std::string>& meta_paths_;
  std::map<size_t, std::map<std::string, std::vector<SourcePos>>> by_shard_;
};

// "Now", for future and expired pages: SOURCE_DATE_EPOCH when set (reproducible builds),
// else the clock.
static int64_t build_time() {
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) {
    char* end = nullptr;
    long long value = std::strtoll(epoch, &end, 10);
    if (*end != '\0')
      throw Failure(kExitContentError,
                    std::string("SOURCE_DATE_EPOCH must be a number of seconds since 1970, not '") + epoch + "'");
    return value;
  }
  return static_cast<int64_t>(std::time(nullptr));
}

int main(int argc, char** argv) {
  reserve_heap();  // it decodes the whole site's metadata: a heap that grows in huge pages
  return run_tool(kSpec, argc, argv, [](const Args& args, Diagnostics& diags) {
    const std::string site_path = args.required("site");
    const std::string table_path = args.required("page-table");
    const std::string generated_path = args.required("generated");
    Config config = load_step_config(args.get("config", "bengal.toml"), diags);
    if (diags.has_errors()) return;

    const unsigned threads = args.positive("jobs", default_thread_count());
    std::vector<MetaShard> shards(args.positional.size());
    parallel_for(shards.size(), threads, [&](size_t i) {
      shards[i] = read_intermediate<MetaShard>(Kind::kMeta, args.positional[i]);
    });
    LinkOptions options;
    options.drafts = args.has("drafts");
    options.future = args.has("future");
    options.expired = args.has("expired");
    options.now = build_time();
    const std::vector<std::string>& term_shards = args.all("term-shard");
    options.term_shards = static_cast<uint32_t>(term_shards.size());
    options.strict_links = !args.has("no-strict-links");
    options.template_refs = find_template_refs_in(args.all("templates"));
    options.link_positions = LinkPositionFiles(args.positional);
    options.threads = threads;
    if (args.has("static-manifest"))
      for (ManifestEntry& f : read_intermediate<Manifest>(Kind::kManifest, args.get("static-manifest")).files)
        options.copied_files.push_back(std::move(f.path));

    // Link files in LinkSink's order, written as they are made; none of them stays unless
    // the whole step succeeds (the staged files are removed otherwise).
    std::vector<std::string> link_paths;
    for (const std::string& meta : args.positional) link_paths.push_back(beside_meta(meta, ".link"));
    link_paths.push_back(generated_path);
    link_paths.insert(link_paths.end(), term_shards.begin(), term_shards.end());
    const std::string producer = producer_of(kSpec.name);
    StagedWrites outputs;
    LinkSink sink;
    auto stage = [&](const std::string& path, const PackBuffer& bytes) {
      outputs.stage_if_changed(path, std::string_view(bytes.data(), bytes.size()));
    };
    sink.link_file = [&](size_t file, const LinkShardView& links) {
      stage(link_paths[file], encode_intermediate_buffer(Kind::kLink, producer, links));
    };
    sink.page_table = [&](const PageTableView& table) {
      stage(table_path, encode_intermediate_buffer(Kind::kPageTable, producer, table));
    };
    LinkSummary result = link_site(config, shards, options, diags, sink);
    if (diags.has_errors()) return;
    if (args.has("taxonomies"))
      outputs.stage_if_changed(args.get("taxonomies"), encode_intermediate(Kind::kTaxonomies, producer, result.taxonomies));
    outputs.stage_if_changed(site_path, encode_intermediate(Kind::kSite, producer, result.site));
    outputs.commit();
    keep_until_exit(std::move(shards));
    keep_until_exit(std::move(result));
  });
}
