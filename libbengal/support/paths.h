#pragma once
// Site paths: always '/'-separated and relative. Anything that comes from a user's file goes
// through normalize_relative before it touches the disk, so it cannot leave its folder.
#include <optional>
#include <string>
#include <string_view>

namespace bengal {

// Resolves "." and ".." in a relative '/' path. Returns nullopt when the path would climb
// above its root, or is absolute. "a/./b/../c" -> "a/c"; "" -> "".
std::optional<std::string> normalize_relative(std::string_view path);

// Joins a folder and a relative path ("a/b" + "../c" -> "a/c"); nullopt if it escapes.
std::optional<std::string> resolve_relative(std::string_view base_dir, std::string_view rel);

std::string dirname(std::string_view path);   // "a/b/c.md" -> "a/b"; "c.md" -> ""
std::string basename(std::string_view path);  // "a/b/c.md" -> "c.md"
std::string strip_extension(std::string_view path);  // "a/b.md" -> "a/b"
std::string join_path(std::string_view a, std::string_view b);  // skips empty parts

}  // namespace bengal
