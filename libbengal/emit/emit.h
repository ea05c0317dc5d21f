#pragma once
// bengal-emit: publishes rendered files into the output folder. A file is written only when
// its bytes changed (checked against the shard's previous manifest first, so an unchanged
// page costs a stat, not a read), always through a temporary file and a rename, and never
// outside the output folder.
#include <string>
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

// The union of every shard's manifest, sorted by path. Two shards claiming one path is an
// error (a page and a static file with one name, say).
Manifest merge_manifests(const std::vector<Manifest>& manifests, Diagnostics& diags);

// Removes the files of `previous` that `current` no longer has (pages deleted, renamed or
// moved), and folders left empty. Run once per build, after every shard was emitted, so a
// page that moved to another shard is never deleted by a race.
void prune_outputs(const Manifest& previous, const Manifest& current, const std::string& output_dir,
                   EmitStats& stats);

// Copies a static file to dest, writing only when the bytes changed.
void copy_asset(const std::string& source, const std::string& dest, EmitStats& stats);

// Reads a manifest this step wrote before, as a cache: a missing, foreign or stale file is an
// empty manifest (everything is checked afresh), never an error.
Manifest read_previous_manifest(const std::string& path);

// True when `rel` is a plain relative path that stays inside its folder.
bool is_safe_output_path(const std::string& rel);

}  // namespace bengal
