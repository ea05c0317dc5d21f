#include "support/hash.h"

#define XXH_INLINE_ALL
#include <xxhash.h>

namespace bengal {

uint64_t hash64(std::string_view bytes) { return XXH3_64bits(bytes.data(), bytes.size()); }

std::string to_hex64(uint64_t value) {
  static const char kDigits[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, value >>= 4) out[static_cast<size_t>(i)] = kDigits[value & 15];
  return out;
}

std::string hash_hex(std::string_view bytes) { return to_hex64(hash64(bytes)); }

}  // namespace bengal
