#pragma once
// Memory for short-lived tools that allocate a lot: a heap that is not handed back to the
// kernel, and big structures left to the process's exit.
#include <type_traits>
#include <utility>

namespace bengal {

// Sets up the heap for a tool that allocates and frees tens of MB: freed memory stays in the
// heap for reuse instead of going back to the kernel (which would fault it in again), and
// the heap is backed by huge pages where the system allows it (transparent_hugepage
// "madvise"): one fault per 2 MB instead of per 4 KB. Call it first thing in main().
void reserve_heap();

// Leaving big structures to the process's exit. A tool that decoded a whole site holds
// millions of small allocations; freeing them one by one took bengal-link 60 ms of its 460 at
// 10,000 pages, while the kernel takes the whole heap back at exit at once (compilers do the
// same with their syntax trees: clang's -disable-free).
namespace detail {
void keep_reachable(void* p);  // remembers p in a list that is never freed
}

// Moves `value` somewhere it stays, unfreed, until the process exits. It stays reachable, so
// leak checkers do not report it.
template <class T>
void keep_until_exit(T&& value) {
  detail::keep_reachable(new std::decay_t<T>(std::forward<T>(value)));
}

}  // namespace bengal
