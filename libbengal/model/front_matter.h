#pragma once
// The typed front matter fields: their types, the date format, and the safety rules for
// `url`, `slug` and `aliases` (they become paths under public/, so they must not escape it).
// Shared by bengal-scan (a page's own front matter) and bengal-link (cascades).
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/page.h"
#include "support/diagnostics.h"

namespace bengal {

// One top-level front matter key as read from YAML, TOML or JSON (or from a cascade).
struct FrontMatterEntry {
  std::string key;
  nlohmann::json value;
  // A YAML plain scalar exactly as written ("1.10"), so a string field given an unquoted
  // number keeps its spelling; empty for everything else.
  std::string scalar_text;
  SourcePos pos;  // of the value (of the key when the value is empty)
};

using FrontMatterEntries = std::vector<FrontMatterEntry>;

// Fills `front` from the entries: typed keys into their fields, `params` and every other key
// into front.params (a key under `params:` wins over the same key at the top level), and
// the position of every key. Wrong types and unsafe paths are errors at the value.
void apply_front_matter_entries(const FrontMatterEntries& entries, const std::string& file, FrontMatter& front,
                                Diagnostics& diags);

// --- cascade ---------------------------------------------------------------------------
// A section page's `cascade:` map gives its descendants the keys they do not set themselves.

// Checks one cascade map's values as front matter (errors at `where`, the `cascade` key).
void check_cascade(const nlohmann::json& cascade, const SourceLoc& where, Diagnostics& diags);

// Adds to `into` the keys of `cascade` that the page (`own`) does not set and that `into`
// does not have yet: call it for the nearest ancestor first. `params` merges key by key.
void collect_cascade(const FrontMatter& own, const nlohmann::json& cascade, nlohmann::json& into);

// Sets the keys collect_cascade gathered (already checked) on a page's front matter.
void apply_cascade(FrontMatter& front, const nlohmann::json& cascade);

// Seconds since 1970-01-01T00:00:00Z of a date as normalize_date writes it; a date without a
// time is midnight UTC.
int64_t unix_time_of(std::string_view normalized_date);

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
