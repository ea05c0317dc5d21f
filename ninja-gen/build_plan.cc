#include "build_plan.h"

#include <algorithm>
#include <set>

#include "bengal/version.h"
#include "model/assets.h"
#include "model/site_outputs.h"
#include "ninja_writer.h"
#include "support/fs.h"
#include "support/hash.h"
#include "support/paths.h"
#include "support/text.h"

namespace bengal {

static std::string top_section(const std::string& rel) {
  size_t slash = rel.find('/');
  return slash == std::string::npos ? std::string() : rel.substr(0, slash);
}

// Keeps shard names readable and safe in file names and Ninja files.
static std::string name_part(const std::string& section) {
  if (section.empty()) return "root";
  std::string out;
  for (char c : section) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    out += ok ? c : '_';
    if (out.size() == 24) break;
  }
  return out;
}

std::vector<Shard> assign_shards(const std::vector<std::string>& sources, uint32_t target) {
  std::vector<Shard> shards;
  // A hard cap keeps an unlucky run without cut points from making one giant shard. A cut by
  // count moves later pages when one is added, so the cap is set where it is almost never hit
  // (a run of 16 x target pages without a cut has probability about e^-16).
  const size_t cap = static_cast<size_t>(target) * 16;
  std::string group;
  for (const std::string& rel : sources) {
    std::string section = top_section(rel);
    bool boundary = shards.empty() || section != group || shards.back().sources.size() >= cap ||
                    hash64(rel) % target == 0;
    if (boundary) {
      shards.push_back({name_part(section) + "-" + hash_hex(rel).substr(0, 8), {}});
      group = section;
    }
    shards.back().sources.push_back(rel);
  }
  return shards;
}

uint32_t term_shard_count(size_t pages, uint32_t shard_size, uint32_t configured) {
  if (configured) return configured;
  size_t wanted = (pages + shard_size - 1) / shard_size;
  uint32_t count = 1;
  while (count < wanted && count < 64) count *= 2;
  return count;
}

std::string term_shard_name(uint32_t i) { return "_terms-" + std::to_string(i); }

BuildPlan make_plan(const Config& config, const std::string& site_root) {
  BuildPlan plan;
  const std::string content_root = join_path(site_root, config.content_dir);
  std::vector<std::string> markdown;
  for (const std::string& rel : list_files_recursive(content_root)) {
    if (ends_with(rel, ".md")) markdown.push_back(rel);
    else plan.copies.push_back({join_path(config.content_dir, rel), rel});  // page resources
  }
  std::set<std::string> static_files;
  for (const std::string& rel : list_files_recursive(join_path(site_root, config.static_dir))) {
    plan.copies.push_back({join_path(config.static_dir, rel), rel});
    static_files.insert(rel);
    if (is_fingerprinted(config.assets, rel)) plan.fingerprinted_sources.push_back(join_path(config.static_dir, rel));
  }
  for (std::string_view name : builtin_asset_names()) {
    if (static_files.count(std::string(name))) continue;  // the site's own file wins
    plan.builtin_assets.emplace_back(name);
    if (is_fingerprinted(config.assets, name)) plan.fingerprinted_builtins.emplace_back(name);
  }
  plan.shards = assign_shards(markdown, config.shard_size);
  if (!config.taxonomies.empty()) plan.term_shards = term_shard_count(markdown.size(), config.shard_size, config.term_shards);
  for (const std::string& dir : list_dirs_recursive(content_root))
    plan.watched_dirs.push_back(join_path(config.content_dir, dir));
  bool missing_folder = false;
  std::vector<std::string> optional_folders = config.template_folders();
  optional_folders.push_back(config.static_dir);
  for (const std::string& folder : optional_folders) {
    std::vector<std::string> dirs = list_dirs_recursive(join_path(site_root, folder));
    for (const std::string& dir : dirs) plan.watched_dirs.push_back(join_path(folder, dir));
    missing_folder = missing_folder || dirs.empty();
    if (!dirs.empty() && folder != config.static_dir) {
      plan.template_folders.push_back(folder);
      for (const std::string& rel : list_files_recursive(join_path(site_root, folder)))
        plan.template_files.push_back(join_path(folder, rel));
    }
  }
  // A static or template folder that does not exist yet: watch the site folder, so creating
  // one regenerates the build file.
  if (missing_folder) plan.watched_dirs.push_back(".");
  return plan;
}

Manifest copies_manifest(const BuildPlan& plan) {
  Manifest m;
  for (const CopiedFile& f : plan.copies) m.files.push_back({f.output, ""});
  for (const std::string& name : plan.builtin_assets) m.files.push_back({name, ""});
  std::sort(m.files.begin(), m.files.end(), [](const ManifestEntry& a, const ManifestEntry& b) { return a.path < b.path; });
  return m;
}

std::string shard_path(const Config& config, const std::string& shard, const char* extension) {
  return join_path(config.build_dir, "shards/" + shard + extension);
}

namespace {

class NinjaFileBuilder {
 public:
  NinjaFileBuilder(const Config& config, const BuildPlan& plan, const GeneratorOptions& options)
      : c_(config), plan_(plan), o_(options) {}

  const BuildGraph& graph() const { return w_.graph(); }

  std::string build() {
    preamble();
    rules();
    configure_edge();
    shard_edges();
    site_edges();
    return w_.str();
  }

 private:
  std::string tool(const char* name) const { return join_path(o_.bindir, name); }
  std::string built(const std::string& rel) const { return join_path(c_.build_dir, rel); }
  // Which pages are published: passed to bengal-link, and kept when build.ninja regenerates.
  std::string publish_flags() const {
    return std::string(o_.drafts ? " --drafts" : "") + (o_.future ? " --future" : "") + (o_.expired ? " --expired" : "");
  }
  // The format and the cluster options, kept when the build file regenerates itself.
  std::string format_flags() const {
    std::string flags = o_.format != "ninja" ? " --format=" + o_.format : "";
    if (!o_.command_prefix.empty()) flags += " --command-prefix=" + ninja_escape_value(shell_quote(o_.command_prefix));
    if (o_.pool_depth > 0) flags += " --pool-depth=" + std::to_string(o_.pool_depth);
    return flags;
  }
  // A step's rule: with --command-prefix it runs through the prefix (srun, say), and with
  // --pool-depth in the pool `cluster`. The configure step always runs here.
  void step_rule(const char* name, NinjaWriter::Bindings bindings) {
    for (auto& [key, value] : bindings)
      if (key == "command" && !o_.command_prefix.empty()) value = ninja_escape_value(o_.command_prefix) + " " + value;
    if (o_.pool_depth > 0) bindings.push_back({"pool", "cluster"});
    w_.rule(name, bindings);
  }
  // A step whose inputs can be a shard's pages or every shard's files gets a second rule,
  // NAME_rsp, that reads them from a response file (@FILE, cli/options.h). At 100,000 pages
  // their lists passed the 128 KiB that Linux allows one argument (Ninja runs a command as one
  // argument of sh -c). Edges use it only when their list is long (rule_for), so the commands
  // of smaller sites stay whole, to copy from `ninja -t commands`.
  // `file` names the response file as Ninja writes it (no shell quoting: Ninja expands $out
  // there unquoted), `arg` as the command passes it through the shell ($out, $bdir quoted).
  void step_rule_with_response_file(const char* name, const NinjaWriter::Bindings& bindings,
                                    const std::string& file, const std::string& arg) {
    step_rule(name, bindings);
    NinjaWriter::Bindings rsp = bindings;
    for (auto& [key, value] : rsp)
      if (key == "command" && ends_with(value, " $in")) value.replace(value.size() - 3, 3, "@" + arg);
    rsp.push_back({"rspfile", file});
    rsp.push_back({"rspfile_content", "$in"});
    step_rule((std::string(name) + "_rsp").c_str(), rsp);
  }
  static std::string rule_for(const char* name, const std::vector<std::string>& inputs) {
    constexpr size_t kLongInputList = 64 * 1024;  // half the limit: the rest of the command is room
    size_t bytes = 0;
    for (const std::string& in : inputs) bytes += in.size() + 3;  // a space, and quotes maybe
    return bytes > kLongInputList ? std::string(name) + "_rsp" : std::string(name);
  }
  std::string strict_flag() const { return o_.strict ? " --strict" : ""; }
  bool fingerprinting() const { return c_.assets.fingerprint; }
  std::string templates_flags() const {
    std::string flags;
    for (const std::string& folder : c_.template_folders()) flags += " -t " + ninja_escape_value(shell_quote(folder));
    return flags;
  }

  void preamble() {
    w_.comment("Generated by bengal-ninja-gen " + std::string(kVersion) + " from " + o_.config_path + ".");
    w_.comment("Do not edit: it regenerates itself when the config or the content tree changes.");
    w_.variable("ninja_required_version", "1.10");
    w_.variable("bin", shell_quote(o_.bindir));
    w_.variable("config", shell_quote(o_.config_path));
    w_.variable("builddir", c_.build_dir);  // Ninja's own: it keeps .ninja_log there
    w_.variable("bdir", shell_quote(c_.build_dir));
    w_.variable("outdir", shell_quote(c_.output_dir));
    w_.newline();
  }

  void rules() {
    if (o_.pool_depth > 0) w_.pool("cluster", o_.pool_depth);
    w_.rule("configure", {{"command", "$bin/bengal-ninja-gen -c $config -o " + ninja_escape_value(shell_quote(o_.ninja_file)) + publish_flags() +
                              strict_flag() + format_flags()},
                          {"description", "CONFIGURE " + o_.ninja_file},
                          {"generator", "1"},
                          {"restat", "1"}});
    step_rule_with_response_file("scan",
                                 {{"command", "$bin/bengal-scan --content-dir " +
                                                  ninja_escape_value(shell_quote(c_.content_dir)) + " -o $out $in"},
                                  {"description", "SCAN $out"},
                                  {"restat", "1"}},
                                 "$out.rsp", "$out.rsp");
    step_rule("parse", {{"command", "$bin/bengal-parse -c $config -o $prefix --depfile $prefix.d $in"},
                      {"deps", "gcc"},
                      {"description", "PARSE $prefix"},
                      {"restat", "1"}});
    std::string term_flags;
    for (uint32_t i = 0; i < plan_.term_shards; ++i)
      term_flags += " --term-shard $bdir/shards/" + term_shard_name(i) + ".link";
    step_rule_with_response_file("link",
                                 {{"command", "$bin/bengal-link -c $config --site $bdir/site --page-table $bdir/pagetable "
                                              "--taxonomies $bdir/taxonomies --generated $bdir/shards/_generated.link "
                                              "--static-manifest $bdir/static.manifest" +
                                                  term_flags + publish_flags() + templates_flags() + " $in"},
                                  {"description", "LINK $bdir/site"},
                                  {"restat", "1"}},
                                 "$builddir/site.rsp", "$bdir/site.rsp");
    step_rule("render", {{"command", "$bin/bengal-render --site $bdir/site --taxonomies $bdir/taxonomies $sources" +
                                   templates_flags() + strict_flag() +
                                   (fingerprinting() ? " --assets $bdir/assets" : "") +
                                   " --asset-refs $asset_refs" + (c_.full_feeds() ? " --feeds $feeds" : "") +
                                   " -o $pages --depfile $pages_d --dyndep $dd --dyndep-target $manifest -d $outdir $in"},
                       {"deps", "gcc"},
                       {"description", "RENDER $out"},
                       {"restat", "1"}});
    if (c_.full_feeds())
      step_rule_with_response_file("fill_feeds",
                                   {{"command", "$bin/bengal-render --fill-feeds -o $pages --dyndep $dd "
                                                "--dyndep-target $manifest -d $outdir $in"},
                                    {"description", "FEEDS $out"},
                                    {"restat", "1"}},
                                   "$builddir/feeds.pages.rsp", "$bdir/feeds.pages.rsp");
    step_rule("emit", {{"command", "$bin/bengal-emit -d $outdir --hashes $hashes -o $out $in"},
                     {"description", "EMIT $out"},
                     {"restat", "1"}});
    step_rule_with_response_file("prune",
                                 {{"command", "$bin/bengal-emit --prune -d $outdir -o $out $in"},
                                  {"description", "PRUNE $outdir"},
                                  {"restat", "1"}},
                                 "$out.rsp", "$out.rsp");
    step_rule("copy", {{"command", "$bin/bengal-emit --copy -o $out $in"},
                     {"description", "COPY $out"},
                     {"restat", "1"}});
    step_rule("builtin", {{"command", "$bin/bengal-emit --builtin $name -o $out"},
                        {"description", "COPY $out"},
                        {"restat", "1"}});
    step_rule("hash_assets", {{"command", "$bin/bengal-emit -c $config --hash-assets -o $out $builtins $in"},
                            {"description", "HASH $out"},
                            {"restat", "1"}});
    step_rule("publish_assets", {{"command", "$bin/bengal-emit --publish-assets -d $outdir -o $manifest $in"},
                               {"description", "PUBLISH $manifest"},
                               {"restat", "1"}});
    step_rule_with_response_file("index",
                                 {{"command", "$bin/bengal-index -c $config --page-table $bdir/pagetable "
                                              "--static-manifest $bdir/static.manifest --manifest $manifest "
                                              "$flags -d $outdir $in"},
                                  {"description", "INDEX $manifest"},
                                  {"restat", "1"}},
                                 "$builddir/$manifest_name.rsp", "$bdir/$manifest_name.rsp");
    step_rule_with_response_file("check_assets",
                                 {{"command", "$bin/bengal-index -c $config --check-assets "
                                              "--static-manifest $bdir/static.manifest --asset-map $out -d $outdir $in"},
                                  {"description", "CHECK assets"},
                                  {"restat", "1"}},
                                 "$out.rsp", "$out.rsp");
  }

  void configure_edge() {
    std::vector<std::string> watched = {o_.config_path, tool("bengal-ninja-gen")};
    watched.insert(watched.end(), plan_.watched_dirs.begin(), plan_.watched_dirs.end());
    // bengal-ninja-gen also writes the static manifest and the template-folder stamp: declared
    // here, so Ninja knows who makes them (and regenerates when one is deleted).
    w_.build({o_.ninja_file}, "configure", {}, watched, {}, {},
             {built("static.manifest"), built("templates.stamp")});
    // A watched folder that is deleted must trigger a regeneration, not stop Ninja with
    // "missing and no known rule to make it": a phony edge without inputs covers that.
    for (const std::string& dir : plan_.watched_dirs) w_.build({dir}, "phony", {});
    w_.newline();
  }

  // scan -> parse -> render -> emit, per shard.
  void shard_edges() {
    for (const Shard& s : plan_.shards) {
      std::vector<std::string> sources;
      for (const std::string& rel : s.sources) sources.push_back(join_path(c_.content_dir, rel));
      std::string scan = shard_path(c_, s.name, ".scan");
      std::string prefix = shard_path(c_, s.name, "");
      w_.build({scan}, rule_for("scan", sources), sources, {tool("bengal-scan"), o_.config_path});
      w_.build({prefix + ".meta", prefix + ".body", prefix + ".text"}, "parse", {scan},
               {tool("bengal-parse"), o_.config_path}, {},
               {{"prefix", shell_quote(prefix)}, {"depfile", prefix + ".d"}});
      std::string flags = "--meta " + shell_quote(prefix + ".meta") + " --body " + shell_quote(prefix + ".body");
      std::vector<std::string> inputs = {prefix + ".meta", prefix + ".body"};
      if (!c_.outputs.json.empty() || !c_.outputs.txt.empty()) {  // index.json and index.txt need the text
        flags += " --text " + shell_quote(prefix + ".text");
        inputs.push_back(prefix + ".text");
      }
      render_and_emit(s.name, flags, inputs);
      w_.newline();
    }
    render_and_emit("_generated", "", {});
    for (uint32_t i = 0; i < plan_.term_shards; ++i) render_and_emit(term_shard_name(i), "", {});
    w_.newline();
    if (c_.full_feeds()) feed_edges();
  }

  // [feeds] content = "full": each render edge also writes S.feeds (its list pages' feeds with
  // content slots, and the content of its pages that feeds list); one site-wide edge fills the
  // slots from all of them, and an emit edge publishes the feeds like a shard's pages. A body
  // edit to a page in a feed re-runs that page's shard, this edge, and writes only the feeds
  // whose bytes changed.
  void feed_edges() {
    const std::string pages = built("feeds.pages"), dyndep = built("feeds.dd"), manifest = built("feeds.manifest");
    w_.build({pages, dyndep}, rule_for("fill_feeds", feeds_), feeds_, {tool("bengal-render"), o_.config_path}, {},
             {{"pages", shell_quote(pages)}, {"dd", shell_quote(dyndep)}, {"manifest", shell_quote(manifest)}});
    emit_edge(pages, dyndep, manifest, built("feeds.hashes"));
    w_.newline();
  }

  void emit_edge(const std::string& pages, const std::string& dyndep, const std::string& manifest,
                 const std::string& hashes) {
    w_.build({manifest}, "emit", {pages}, {tool("bengal-emit"), o_.config_path}, {dyndep, "renders"},
             {{"dyndep", dyndep}, {"hashes", shell_quote(hashes)}}, {hashes});
    pages_.push_back(pages);
    manifests_.push_back(manifest);
  }

  void render_and_emit(const std::string& shard, const std::string& sources_flags,
                       const std::vector<std::string>& sources) {
    std::string prefix = shard_path(c_, shard, "");
    std::vector<std::string> deps = sources;
    deps.push_back(built("site"));
    deps.push_back(built("templates.stamp"));
    if (fingerprinting()) deps.push_back(built("assets"));
    deps.push_back(tool("bengal-render"));
    deps.push_back(o_.config_path);
    const std::string pages = prefix + ".pages", dyndep = prefix + ".dd", manifest = prefix + ".manifest";
    // The pages' asset references (an implicit output) feed bengal-index's asset check.
    NinjaWriter::Bindings bindings = {{"sources", sources_flags},
                                      {"pages", shell_quote(pages)},
                                      {"pages_d", shell_quote(pages + ".d")},
                                      {"depfile", pages + ".d"},
                                      {"dd", shell_quote(dyndep)},  // not "dyndep": that name means something to Ninja
                                      {"manifest", shell_quote(manifest)},
                                      {"asset_refs", shell_quote(prefix + ".assetrefs")}};
    std::vector<std::string> implicit_outputs = {prefix + ".assetrefs"};
    if (c_.full_feeds()) {
      bindings.push_back({"feeds", shell_quote(prefix + ".feeds")});
      implicit_outputs.push_back(prefix + ".feeds");
      feeds_.push_back(prefix + ".feeds");
    }
    w_.build({pages, dyndep}, "render", {prefix + ".link"}, deps, {}, bindings, implicit_outputs);
    // The dyndep file tells Ninja every page file the emit edge writes, so a deleted page file
    // is written again. Order-only on every render: a content error anywhere stops the build
    // before any file in the output folder changes, so a failed build leaves the last good site.
    // The manifest lists paths only, so that the index and prune steps that read it do not run
    // again when a page's bytes change; the hashes that spare unchanged files a write are the
    // emit step's own (an implicit output).
    emit_edge(pages, dyndep, manifest, prefix + ".hashes");
    asset_refs_.push_back(prefix + ".assetrefs");
  }

  void site_edges() {
    std::vector<std::string> metas, links = {built("site"), built("pagetable"), built("taxonomies"),
                                             shard_path(c_, "_generated", ".link")};
    for (uint32_t i = 0; i < plan_.term_shards; ++i) links.push_back(shard_path(c_, term_shard_name(i), ".link"));
    std::vector<std::string> asset_check_inputs, search_inputs, bodies;
    for (const Shard& s : plan_.shards) {
      metas.push_back(shard_path(c_, s.name, ".meta"));
      bodies.push_back(shard_path(c_, s.name, ".body"));
      links.push_back(shard_path(c_, s.name, ".link"));
      search_inputs.push_back(shard_path(c_, s.name, ".meta"));
      search_inputs.push_back(shard_path(c_, s.name, ".text"));
    }
    // The asset check needs what the pages reference and what every step published.
    for (const std::string& refs : asset_refs_) asset_check_inputs.push_back(refs);
    for (const std::string& manifest : manifests_) asset_check_inputs.push_back(manifest);
    if (fingerprinting()) asset_check_inputs.push_back(built("assets.manifest"));
    // Link reads the templates' ref() calls: a template edit re-links (restat stops it there
    // when the answers did not change).
    // It also checks the pages' paths against the copied files' (the static manifest).
    std::vector<std::string> link_deps = {tool("bengal-link"), o_.config_path, built("static.manifest")};
    link_deps.insert(link_deps.end(), plan_.template_files.begin(), plan_.template_files.end());
    // Link reads a body only for the position of a diagnostic: order-only, so that an edit
    // which leaves S.meta alone does not re-link (Bazel declares them as inputs of its sandbox).
    w_.build(links, rule_for("link", metas), metas, link_deps, bodies);
    w_.build({"renders"}, "phony", pages_);
    w_.newline();

    std::vector<std::string> outputs;
    for (const CopiedFile& f : plan_.copies) {
      std::string out = join_path(c_.output_dir, f.output);
      w_.build({out}, "copy", {f.source}, {tool("bengal-emit"), o_.config_path}, {"renders"});
      outputs.push_back(out);
    }
    for (const std::string& name : plan_.builtin_assets) {
      std::string out = join_path(c_.output_dir, name);
      w_.build({out}, "builtin", {}, {tool("bengal-emit")}, {"renders"}, {{"name", shell_quote(name)}});
      outputs.push_back(out);
    }
    std::vector<std::string> prune_inputs = manifests_;
    if (fingerprinting()) {
      // Hashed before rendering (asset_url() answers from the map), published after it.
      std::string builtins;
      for (const std::string& name : plan_.fingerprinted_builtins) builtins += " --builtin " + shell_quote(name);
      w_.build({built("assets")}, "hash_assets", plan_.fingerprinted_sources, {tool("bengal-emit"), o_.config_path}, {},
               {{"builtins", builtins}});
      std::string asset_manifest = join_path(c_.output_dir, "asset-manifest.json");
      std::vector<std::string> publish_deps = plan_.fingerprinted_sources;
      publish_deps.push_back(tool("bengal-emit"));
      w_.build({built("assets.manifest"), asset_manifest}, "publish_assets", {built("assets")}, publish_deps, {"renders"},
               {{"manifest", shell_quote(built("assets.manifest"))}});
      outputs.push_back(asset_manifest);
      prune_inputs.push_back(built("assets.manifest"));
    }
    // Three index edges declare the site-wide files [outputs] turns on (a static file of one
    // of those names wins and is copied instead), each with its manifest: the sitemap-N.xml
    // files of a sitemap index vary with the page count, so only the manifest names them, and
    // the prune step reads it to remove the ones a smaller site no longer has. The search index
    // and llms-full.txt read every page's text, each in an edge of its own; the other files
    // read only the page table. A fourth edge checks the pages' asset references against what
    // every step published. Apart, a body edit re-runs only the two text edges, side by side,
    // and a title edit does not run the asset check.
    const std::vector<std::string> names = index_output_files(c_, copies_manifest(plan_));
    auto index_edge = [&](const char* manifest, const std::vector<const char*>& only,
                          const std::vector<std::string>& inputs,
                          std::string flags, const std::vector<std::string>& implicit_outputs = {}) {
      std::string list;
      for (const char* name : only) list += (list.empty() ? "" : ",") + std::string(name);
      std::vector<std::string> edge_outputs;
      for (const std::string& name : names)
        if (std::find(only.begin(), only.end(), name) != only.end()) edge_outputs.push_back(join_path(c_.output_dir, name));
      if (edge_outputs.empty()) return;  // nothing to write
      edge_outputs.push_back(built(manifest));
      flags += (flags.empty() ? "" : " ") + std::string("--outputs ") + shell_quote(list);
      const std::string rule = rule_for("index", inputs);
      NinjaWriter::Bindings bindings = {{"manifest", shell_quote(built(manifest))}, {"flags", flags}};
      if (rule != "index") bindings.push_back({"manifest_name", manifest});  // names the response file
      w_.build(edge_outputs, rule, inputs,
               {built("pagetable"), built("static.manifest"), tool("bengal-index"), o_.config_path}, {"renders"},
               bindings, implicit_outputs);
      prune_inputs.push_back(built(manifest));
      outputs.insert(outputs.end(), edge_outputs.begin(), edge_outputs.end());
    };
    index_edge("index.manifest", {kSitemapFile, kRobotsFile, kLlmsFile, kRedirectsFile}, {}, "");
    // The asset check reads neither the page table nor any text: a title or body edit leaves
    // its inputs as they were, unless the edit changes what the page references.
    w_.build({built("assetmap.json")}, rule_for("check_assets", asset_check_inputs), asset_check_inputs,
             {built("static.manifest"), tool("bengal-index"), o_.config_path}, {"renders"});
    outputs.push_back(built("assetmap.json"));
    // The text edges keep a state that makes them incremental (bengal-index --state), read and
    // rewritten by the edge: not in Bazel, whose actions are functions of their declared inputs.
    // Apart because llms-full.txt is copied whole on every change (tens of MB at 10,000 pages):
    // in one edge the search index waited for that copy.
    auto text_edge = [&](const char* manifest, const char* output, const std::string& state) {
      const bool keeps_state = o_.format != "bazel";
      index_edge(manifest, {output}, search_inputs, keeps_state ? "--state " + shell_quote(built(state)) : "",
                 keeps_state ? std::vector<std::string>{built(state)} : std::vector<std::string>{});
    };
    text_edge("search.manifest", kSearchFile, "search.state");
    text_edge("llms.manifest", kLlmsFullFile, "llms.state");
    prune_inputs.push_back(built("static.manifest"));
    w_.build({built("published.manifest")}, rule_for("prune", prune_inputs), prune_inputs, {tool("bengal-emit"), o_.config_path});
    w_.newline();

    outputs.push_back(built("published.manifest"));
    w_.build({"site"}, "phony", outputs);
    w_.default_targets({"site"});
  }

  const Config& c_;
  const BuildPlan& plan_;
  const GeneratorOptions& o_;
  NinjaWriter w_;
  std::vector<std::string> pages_;
  std::vector<std::string> manifests_;
  std::vector<std::string> asset_refs_;
  std::vector<std::string> feeds_;  // every render edge's S.feeds, with full-content feeds
};

}  // namespace

std::string write_build_ninja(const Config& config, const BuildPlan& plan, const GeneratorOptions& options) {
  return NinjaFileBuilder(config, plan, options).build();
}

BuildGraph build_graph(const Config& config, const BuildPlan& plan, const GeneratorOptions& options) {
  NinjaFileBuilder builder(config, plan, options);
  builder.build();
  return builder.graph();
}

}  // namespace bengal
