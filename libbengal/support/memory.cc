#include "support/memory.h"

#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <mutex>
#include <vector>

namespace bengal {

void reserve_heap() {
  constexpr size_t kHeap = size_t{64} << 20;
  constexpr uintptr_t kHugePage = uintptr_t{2} << 20;
  mallopt(M_MMAP_THRESHOLD, 32 << 20);  // glibc's maximum: larger blocks are mapped on their own
  mallopt(M_TRIM_THRESHOLD, INT32_MAX);
  mallopt(M_TOP_PAD, kHeap);
  uintptr_t start = reinterpret_cast<uintptr_t>(sbrk(0));
  void* volatile block = std::malloc(1 << 20);  // grows the heap by kHeap (volatile: not elided)
  std::free(block);
  uintptr_t end = reinterpret_cast<uintptr_t>(sbrk(0));
  uintptr_t aligned = (start + kHugePage - 1) & ~(kHugePage - 1);
  if (end > aligned) madvise(reinterpret_cast<void*>(aligned), end - aligned, MADV_HUGEPAGE);
}

namespace detail {

void keep_reachable(void* p) {
  static std::mutex mutex;
  static auto* kept = new std::vector<void*>;  // never destroyed: destroying it is what we avoid
  std::lock_guard<std::mutex> lock(mutex);
  kept->push_back(p);
}

}  // namespace detail
}  // namespace bengal
