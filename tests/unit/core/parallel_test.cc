// support/parallel.h: every index once, on any thread count, and the lowest index's
// exception, whatever the timing.
#include "support/parallel.h"

#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <string>
#include <vector>

namespace bengal {
namespace {

TEST(ParallelFor, RunsEveryIndexOnce) {
  for (unsigned threads : {1u, 2u, 3u, 8u}) {
    for (size_t count : {0u, 1u, 2u, 7u, 1000u}) {
      std::vector<std::atomic<int>> seen(count);
      parallel_for(count, threads, [&](size_t i) { seen[i]++; });
      for (size_t i = 0; i < count; ++i) EXPECT_EQ(seen[i].load(), 1) << threads << " threads, index " << i;
    }
  }
}

TEST(ParallelFor, ZeroThreadsMeansTheCallerAlone) {
  size_t sum = 0;  // not atomic: only one thread may touch it
  parallel_for(100, 0, [&](size_t i) { sum += i; });
  EXPECT_EQ(sum, 4950u);
}

TEST(ParallelFor, RethrowsTheLowestFailingIndex) {
  for (unsigned threads : {1u, 2u, 4u}) {
    for (int round = 0; round < 20; ++round) {
      try {
        parallel_for(200, threads, [&](size_t i) {
          if (i % 50 == 17) throw std::runtime_error("index " + std::to_string(i));
        });
        ADD_FAILURE() << "nothing thrown";
      } catch (const std::runtime_error& e) {
        EXPECT_EQ(std::string(e.what()), "index 17") << threads << " threads";
      }
    }
  }
}

TEST(ParallelFor, DefaultThreadCountIsAtLeastOne) { EXPECT_GE(default_thread_count(), 1u); }

}  // namespace
}  // namespace bengal
