#pragma once
// The typed front matter fields: their types, the date format, and the safety rules for
// `url`, `slug` and `aliases` (they become paths under public/, so they must not escape it).
#include <optional>
#include <string>
#include <string_view>

#include "model/page.h"
#include "scan/entries.h"
#include "support/diagnostics.h"

namespace bengal {

// Fills `front` from the entries: typed keys into their fields, `params` and every other key
// into front.params (a key under `params:` wins over the same key at the top level), and
// the position of every key. Wrong types and unsafe paths are errors at the value.
void apply_front_matter_entries(const FrontMatterEntries& entries, const std::string& file, FrontMatter& front,
                                Diagnostics& diags);

// "2024-05-01" stays; a date-time becomes "YYYY-MM-DDTHH:MM:SS" plus "Z" or "+HH:MM"/"-HH:MM".
// Accepts a 'T', 't' or ' ' separator, optional seconds and fraction (dropped), and offsets
// "Z", "+HH:MM", "+HHMM", "+HH". A date-time without offset is taken as UTC ("Z"), as is
// "+00:00". Returns nullopt for anything else, including impossible dates ("2023-02-29").
std::optional<std::string> normalize_date(std::string_view text);

// What is wrong with a site path from front matter, as the end of a message
// ("must not contain '..' segments"), or "" when it is safe. `rooted` requires a leading '/'.
std::string site_path_problem(std::string_view path, bool rooted);

// What is wrong with a slug (one path segment), or "".
std::string slug_problem(std::string_view slug);

// Adds the trailing '/' of a folder URL, unless the path ends in a file name with an
// extension: "/a/b" -> "/a/b/", "/feed.xml" stays.
std::string with_trailing_slash(std::string_view path);

}  // namespace bengal
