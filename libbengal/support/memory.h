#pragma once
// Leaving big structures to the process's exit. A tool that decoded a whole site holds
// millions of small allocations; freeing them one by one took bengal-link 60 ms of its 460 at
// 10,000 pages, while the kernel takes the whole heap back at exit at once (compilers do the
// same with their syntax trees: clang's -disable-free).
#include <type_traits>
#include <utility>

namespace bengal {

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
