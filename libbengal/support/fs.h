#pragma once
// File access for the tools. Every output is written to a temporary file in the same folder
// and renamed into place, so a reader never sees half a file. I/O problems throw a Failure
// with kExitIoError.
#include <string>
#include <string_view>
#include <vector>

namespace bengal {

// Reads a whole file; throws Failure(kExitIoError) naming the path on error.
std::string read_file(const std::string& path);
bool file_exists(const std::string& path);

// Writes bytes to path atomically (temp file + rename), creating parent folders.
void write_file_atomic(const std::string& path, std::string_view bytes);

// Writes only when the bytes differ from what is on disk, so an unchanged output keeps its
// mtime and Ninja's restat prunes everything downstream. Returns true when it wrote.
bool write_file_if_changed(const std::string& path, std::string_view bytes);

// Sets a file's modification time to now.
void touch_file(const std::string& path);

// Creates a folder and its parents; fine if it exists.
void make_dirs(const std::string& path);

// Removes a file if present, then any parent folders below `stop_at` that became empty.
void remove_file_and_empty_parents(const std::string& path, const std::string& stop_at);

// Lists regular files under root, recursively, as root-relative paths with '/' separators,
// sorted bytewise. Hidden entries (leading '.') are skipped.
std::vector<std::string> list_files_recursive(const std::string& root);

// Lists folders under root (root itself as ""), recursively, sorted; hidden ones skipped.
std::vector<std::string> list_dirs_recursive(const std::string& root);

}  // namespace bengal
