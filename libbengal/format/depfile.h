#pragma once
// Make-style depfiles, as Ninja's `deps = gcc` reads them.
#include <set>
#include <string>

namespace bengal {

// "target: dep dep ..." with spaces, '#', '\' and '$' escaped.
std::string make_depfile(const std::string& target, const std::set<std::string>& deps);

}  // namespace bengal
