#pragma once
// The build plan: which source goes to which shard, which files are copied, and the Ninja
// file that runs it all (bengal-ninja-gen(1)).
#include <string>
#include <vector>

#include "build_graph.h"
#include "model/config.h"
#include "model/site.h"

namespace bengal {

struct Shard {
  std::string name;                  // file-name-safe and stable: "docs-3fa91c0b"
  std::vector<std::string> sources;  // content-relative Markdown paths, sorted
};

struct CopiedFile {
  std::string source;  // site-relative: "static/css/site.css" or "content/blog/a/photo.jpg"
  std::string output;  // relative to the output folder: "css/site.css"
};

struct BuildPlan {
  std::vector<Shard> shards;
  std::vector<CopiedFile> copies;
  // The built-in theme's assets the site publishes: those its static folder does not shadow.
  std::vector<std::string> builtin_assets;
  // With [assets] fingerprint: the static files and built-in assets that get hashed names.
  std::vector<std::string> fingerprinted_sources;  // site-relative: "static/css/site.css"
  std::vector<std::string> fingerprinted_builtins;
  std::vector<std::string> watched_dirs;  // folders whose listing changes regenerate build.ninja
  std::vector<std::string> template_folders;  // the template folders that exist
  std::vector<std::string> template_files;    // their files, site-relative (bengal-link reads their ref()s)
  uint32_t term_shards = 0;  // render shards for taxonomy and term pages
};

// How many shards taxonomy and term pages get: about one per shard of content pages, a
// power of two (so the count, and with it every term's shard, changes only when the site
// doubles), at most 64. `configured` (build.term_shards) wins when set.
uint32_t term_shard_count(size_t pages, uint32_t shard_size, uint32_t configured);

// The shard name of term shard `i`: "_terms-3".
std::string term_shard_name(uint32_t i);

// Splits content-relative Markdown paths (sorted) into shards of about `target` pages.
// Shards never span two top-level sections, and a page starts a new shard when its path's
// hash says so (content-defined chunking): adding or removing one page changes only the shard
// it lands in (or splits that shard in two, when the new page is itself a cut point), never
// the assignment of the rest of the site.
std::vector<Shard> assign_shards(const std::vector<std::string>& sources, uint32_t target);

// Lists the content and static folders under site_root.
BuildPlan make_plan(const Config& config, const std::string& site_root);

struct GeneratorOptions {
  std::string bindir;       // where the bengal-* tools live (absolute)
  std::string config_path;  // as given on the command line, relative to the site root
  std::string ninja_file;   // the build file being written
  bool drafts = false;
  bool future = false;
  bool expired = false;
  bool strict = false;  // undefined template variables are errors
  std::string format = "ninja";  // the build file's format: ninja, make or bazel (configure keeps it)
  std::string command_prefix;     // runs every step but configure through it (srun ...)
  int pool_depth = 0;             // when > 0, every step but configure is in a pool this deep
};

// The Ninja file for a plan; deterministic for the same inputs.
std::string write_build_ninja(const Config& config, const BuildPlan& plan, const GeneratorOptions& options);

// The same build as a graph (build_graph.h), recorded as the Ninja file is written: what the
// Make and Bazel writers serialise, so every edge of the Ninja file is in theirs.
BuildGraph build_graph(const Config& config, const BuildPlan& plan, const GeneratorOptions& options);

// The manifest of copied files, for the prune step (so a removed static file is removed).
Manifest copies_manifest(const BuildPlan& plan);

// Paths of the intermediates of a shard, under the build folder.
std::string shard_path(const Config& config, const std::string& shard, const char* extension);

}  // namespace bengal
