#pragma once
// bengal-emit: publishes rendered files into the output folder. A file is written only when
// its bytes changed (checked against the shard's previous manifest first, so an unchanged
// page costs a stat, not a read), always through a temporary file and a rename, and never
// outside the output folder.
#include <string>
#include <string_view>
#include <vector>

#include "model/site.h"
#include "support/diagnostics.h"

namespace bengal {

struct EmitStats {
  size_t written = 0;
  size_t unchanged = 0;
  size_t removed = 0;
};

// Writes a shard's files under output_dir. `previous` holds the hashes of the files the shard
// wrote last time (empty on the first build: every file is checked on disk). Returns the
// paths and hashes of the files it has now.
Manifest emit_pages(const PagesShard& pages, const std::string& output_dir, const Manifest& previous,
                    EmitStats& stats, Diagnostics& diags);

// The paths of `m` without their hashes: the manifest later steps read (the index step's asset
// check, the prune step), which changes only when the set of files does.
Manifest without_hashes(Manifest m);

// A manifest whose strings point into bytes kept elsewhere (the file it was read from), for
// the prune step: it merges every manifest of the site (16,000 paths at 10,000 pages) and
// copies no path. Packs to the same bytes as a Manifest.
struct ManifestEntryRef {
  std::string_view path;
  std::string_view hash;
  BENGAL_DEFINE_MAP(path, hash);
};
struct ManifestRefs {
  std::vector<ManifestEntryRef> files;  // sorted by path
  BENGAL_DEFINE_MAP(files);
};

// The union of every shard's manifest, sorted by path. Two shards claiming one path is an
// error (a page and a static file with one name, say).
ManifestRefs merge_manifests(const std::vector<ManifestRefs>& manifests, Diagnostics& diags);

// Removes the files of `previous` that `current` no longer has (pages deleted, renamed or
// moved), and folders left empty. Run once per build, after every shard was emitted, so a
// page that moved to another shard is never deleted by a race.
void prune_outputs(const ManifestRefs& previous, const ManifestRefs& current, const std::string& output_dir,
                   EmitStats& stats);

// The prune step: merges the manifests at `inputs` into the one at `output`, and removes from
// output_dir the files that the previous `output` named and the merged one does not.
void prune_site(const std::vector<std::string>& inputs, const std::string& output, const std::string& output_dir,
                std::string_view producer, EmitStats& stats, Diagnostics& diags);

// Copies a static file to dest, writing only when the bytes changed.
void copy_asset(const std::string& source, const std::string& dest, EmitStats& stats);

// Reads a manifest this step wrote before, as a cache: a missing, foreign or stale file is an
// empty manifest (everything is checked afresh), never an error.
Manifest read_previous_manifest(const std::string& path);

// True when `rel` is a plain relative path that stays inside its folder.
bool is_safe_output_path(const std::string& rel);

}  // namespace bengal
