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
// bengal-render writes one per shard so that Ninja knows every page file an emit edge
// writes: a page deleted from the output folder is written again, and two edges claiming
// one file is an error before anything is written.
std::string ninja_dyndep(const std::string& target, const std::vector<std::string>& outputs);

}  // namespace bengal
