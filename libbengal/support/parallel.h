#pragma once
// Threads for the site-wide steps. Most tools handle one shard and Ninja runs many of them at
// once; bengal-link runs alone, with every other step waiting for it, so it spreads its
// per-shard work over the machine's cores itself.
#include <cstddef>
#include <functional>

namespace bengal {

// The thread count a tool uses when not told: the number of CPUs, at least 1.
unsigned default_thread_count();

// Calls work(i) for every i in [0, count), on up to `threads` threads (the caller's included),
// each index exactly once and in no set order. If calls throw, the exception of the lowest
// index is rethrown once all threads have stopped, so the error a user sees does not depend
// on timing; indexes not yet started when the first exception is caught are skipped.
void parallel_for(size_t count, unsigned threads, const std::function<void(size_t)>& work);

}  // namespace bengal
