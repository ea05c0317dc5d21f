#pragma once
// Ninja syntax shared by bengal-ninja-gen and the steps that talk to Ninja: path escaping and
// dyndep files (https://ninja-build.org/manual.html#ref_dyndep).
#include <string>
#include <string_view>
#include <vector>

namespace bengal {

// Escapes a path for a build statement: '$', ' ', ':' and newlines get a '$'.
std::string ninja_escape_path(std::string_view path);

// A dyndep file declaring `outputs` as implicit outputs of the edge that builds `target`.
// bengal-render writes one per shard naming one page file, the first by path, as its emit
// edge's output: deleting the output folder, or the folder of a section, publishes the
// shards again. Naming every page file would also restore a single page deleted by hand,
// but Ninja would then read and stat every page file on each run: at 10,000 pages that
// doubled the time of a no-op build (bengal-ninja-gen(1), OUTPUT FILES).
std::string ninja_dyndep(const std::string& target, const std::vector<std::string>& outputs);

}  // namespace bengal
