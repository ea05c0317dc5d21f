#pragma once
// The scan step (bengal-scan(1)): Markdown source files in, one ScanShard out. Each file is
// checked (not binary, valid UTF-8), normalized (byte-order mark dropped, CRLF and lone CR
// turned into LF) and split into typed front matter and a raw Markdown body.
#include <string>
#include <string_view>
#include <vector>

#include "model/page.h"
#include "support/diagnostics.h"

namespace bengal {

// A NUL byte within this many leading bytes marks a binary file (as git and grep do).
inline constexpr size_t kBinarySniffBytes = 8000;

// Drops a UTF-8 byte-order mark and turns "\r\n" and lone "\r" into "\n".
std::string normalize_text(std::string_view raw);

// Scans one file's bytes. Problems go into diags at source_path:line:col; when any error was
// reported for this file, the returned page must not be used.
ScannedPage scan_source(std::string_view raw_bytes, const std::string& source_path, const std::string& rel,
                        Diagnostics& diags);

// The path relative to the content folder: "content/docs/a.md" with "content" -> "docs/a.md";
// a path outside the folder is returned as is.
std::string content_relative_path(std::string_view path, std::string_view content_dir);

// Reads and scans every file (via support/fs.h; an unreadable file throws Failure). Pages
// with errors are left out; all files are scanned so every error is reported. Pages are
// sorted by rel.
ScanShard scan_files(const std::vector<std::string>& paths, const std::string& content_dir, Diagnostics& diags);

}  // namespace bengal
