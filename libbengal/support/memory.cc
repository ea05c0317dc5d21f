#include "support/memory.h"

#include <mutex>
#include <vector>

namespace bengal::detail {

void keep_reachable(void* p) {
  static std::mutex mutex;
  static auto* kept = new std::vector<void*>;  // never destroyed: destroying it is what we avoid
  std::lock_guard<std::mutex> lock(mutex);
  kept->push_back(p);
}

}  // namespace bengal::detail
