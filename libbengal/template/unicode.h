#pragma once
// UTF-8 helpers for the filters: Python counts, slices and changes case by code point, not
// by byte. Internal to the template module.
#include <cstdint>
#include <string>
#include <string_view>

#include "support/utf8.h"  // append_utf8

namespace bengal::tmpl {

// Decodes the code point at s[i] and advances i; invalid bytes decode as themselves.
char32_t next_code_point(std::string_view s, size_t& i);
std::u32string to_u32(std::string_view s);
std::string to_utf8(std::u32string_view s);

size_t code_point_count(std::string_view s);
// Byte offset of code point number `index` (clamped to the end).
size_t byte_offset_of(std::string_view s, size_t index);

// Simple case mapping: ASCII, Latin-1, Latin Extended-A, Greek and Cyrillic.
char32_t upper_case(char32_t cp);
char32_t lower_case(char32_t cp);
bool is_cased_upper(char32_t cp);
bool is_cased_lower(char32_t cp);
std::string to_upper(std::string_view s);
std::string to_lower(std::string_view s);

// Python's str.isspace() and the \w class of its re module (approximated outside ASCII).
bool is_space(char32_t cp);
bool is_word(char32_t cp);

// Python's str.strip() / split() with no arguments.
std::string_view strip_spaces(std::string_view s);
std::string_view rstrip_spaces(std::string_view s);

}  // namespace bengal::tmpl
