#include "emit/emit.h"

#include <algorithm>
#include <unordered_map>

#include "format/envelope.h"
#include "support/fs.h"
#include "support/paths.h"

namespace bengal {

bool is_safe_output_path(const std::string& rel) {
  auto norm = normalize_relative(rel);
  return norm && *norm == rel && !rel.empty() && rel.find('\\') == std::string::npos;
}

Manifest emit_pages(const PagesShard& pages, const std::string& output_dir, const Manifest& previous,
                    EmitStats& stats, Diagnostics& diags) {
  std::unordered_map<std::string, const std::string*> old_hash;
  for (const ManifestEntry& e : previous.files) old_hash[e.path] = &e.hash;
  Manifest manifest;
  for (const OutputFile& f : pages.files) {
    if (!is_safe_output_path(f.path)) {
      diags.error({}, "refusing to write outside the output folder: '" + f.path + "'");
      continue;
    }
    std::string dest = join_path(output_dir, f.path);
    auto it = old_hash.find(f.path);
    bool same_as_last = it != old_hash.end() && *it->second == f.hash && file_exists(dest);
    if (!same_as_last && write_file_if_changed(dest, f.bytes)) ++stats.written;
    else ++stats.unchanged;
    manifest.files.push_back({f.path, f.hash});
  }
  return manifest;
}

Manifest without_hashes(Manifest m) {
  for (ManifestEntry& e : m.files) e.hash.clear();
  return m;
}

// Reads a manifest this step wrote before into `bytes`, as a cache: a missing, foreign or
// stale file is an empty manifest (everything is checked afresh), never an error.
template <class M>
static M read_cached_manifest(const std::string& path, std::string& bytes) {
  if (!file_exists(path)) return {};
  try {
    bytes = read_intermediate_bytes(Kind::kManifest, path);
    return decode_intermediate<M>(Kind::kManifest, bytes, path);
  } catch (const Failure&) {
    return {};
  }
}

ManifestRefs merge_manifests(const std::vector<ManifestRefs>& manifests, Diagnostics& diags) {
  ManifestRefs all;
  size_t total = 0;
  for (const ManifestRefs& m : manifests) total += m.files.size();
  all.files.reserve(total);
  for (const ManifestRefs& m : manifests) all.files.insert(all.files.end(), m.files.begin(), m.files.end());
  std::stable_sort(all.files.begin(), all.files.end(),
                   [](const ManifestEntryRef& a, const ManifestEntryRef& b) { return a.path < b.path; });
  for (size_t i = 1; i < all.files.size(); ++i)
    if (all.files[i].path == all.files[i - 1].path)
      diags.error({}, "two outputs claim '" + std::string(all.files[i].path) +
                          "' (a page and a static file of one name?)");
  all.files.erase(std::unique(all.files.begin(), all.files.end(),
                              [](const ManifestEntryRef& a, const ManifestEntryRef& b) { return a.path == b.path; }),
                  all.files.end());
  return all;
}

void prune_outputs(const ManifestRefs& previous, const ManifestRefs& current, const std::string& output_dir,
                   EmitStats& stats) {
  size_t j = 0;  // both lists are sorted by path: one merge pass
  for (const ManifestEntryRef& old : previous.files) {
    while (j < current.files.size() && current.files[j].path < old.path) ++j;
    if (j < current.files.size() && current.files[j].path == old.path) continue;
    std::string path(old.path);
    if (!is_safe_output_path(path)) continue;
    remove_file_and_empty_parents(join_path(output_dir, path), output_dir);
    ++stats.removed;
  }
}

void prune_site(const std::vector<std::string>& inputs, const std::string& output, const std::string& output_dir,
                std::string_view producer, EmitStats& stats, Diagnostics& diags) {
  // The refs point into these strings: reserved up front, so that no push_back moves one.
  std::vector<std::string> bytes;
  bytes.reserve(inputs.size() + 1);
  std::vector<ManifestRefs> manifests;
  manifests.reserve(inputs.size());
  for (const std::string& path : inputs) {
    bytes.push_back(read_intermediate_bytes(Kind::kManifest, path));
    manifests.push_back(decode_intermediate<ManifestRefs>(Kind::kManifest, bytes.back(), path));
  }
  ManifestRefs current = merge_manifests(manifests, diags);
  if (diags.has_errors()) return;
  ManifestRefs previous = read_cached_manifest<ManifestRefs>(output, bytes.emplace_back());
  prune_outputs(previous, current, output_dir, stats);
  write_intermediate(Kind::kManifest, producer, current, output);
}

void copy_asset(const std::string& source, const std::string& dest, EmitStats& stats) {
  if (write_file_if_changed(dest, read_file(source))) ++stats.written;
  else ++stats.unchanged;
}

Manifest read_previous_manifest(const std::string& path) {
  std::string bytes;
  return read_cached_manifest<Manifest>(path, bytes);
}

}  // namespace bengal
