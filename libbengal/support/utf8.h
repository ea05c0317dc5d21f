#pragma once
// Decoding and encoding UTF-8 code points (slugs, word counts, template filters).
#include <string>
#include <string_view>

namespace bengal {

inline constexpr char32_t kInvalidCodePoint = 0xFFFFFFFF;

// Decodes the code point starting at text[i] and advances i past it. A byte that does not
// start a valid sequence yields kInvalidCodePoint and advances i by one.
char32_t decode_utf8(std::string_view text, size_t& i);

void append_utf8(std::string& out, char32_t cp);

}  // namespace bengal
