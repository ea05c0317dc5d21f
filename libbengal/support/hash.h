#pragma once
// Content hashes: xxh3-64, printed as 16 lower-case hex digits.
#include <cstdint>
#include <string>
#include <string_view>

namespace bengal {

uint64_t hash64(std::string_view bytes);
std::string hash_hex(std::string_view bytes);  // 16 hex digits of hash64
std::string to_hex64(uint64_t value);

}  // namespace bengal
