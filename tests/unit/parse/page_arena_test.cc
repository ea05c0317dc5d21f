#include "parse/page_arena.h"

#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <thread>

#include "parse/markdown.h"
#include "parse_test_util.h"

namespace bengal {
namespace {

TEST(PageArena, CallocZeroesAndReallocKeepsContents) {
  PageArenaScope scope;
  cmark_mem* mem = page_arena();
  auto* a = static_cast<char*>(mem->calloc(10, 1));
  EXPECT_EQ(std::string(a, 10), std::string(10, '\0'));
  std::memcpy(a, "abcdefghij", 10);
  auto* b = static_cast<char*>(mem->calloc(1, 4));  // a is no longer the latest: it moves
  a = static_cast<char*>(mem->realloc(a, 3000));
  EXPECT_EQ(std::string(a, 10), "abcdefghij");
  EXPECT_EQ(reinterpret_cast<uintptr_t>(a) % 16, 0u);
  char* grown = static_cast<char*>(mem->realloc(a, 6000));  // latest: grows in place
  EXPECT_EQ(grown, a);
  EXPECT_EQ(std::string(grown, 10), "abcdefghij");
  EXPECT_EQ(std::string(b, 4), std::string(4, '\0'));
  mem->free(b);
}

TEST(PageArena, AllocationsLargerThanABlock) {
  PageArenaScope scope;
  cmark_mem* mem = page_arena();
  auto* big = static_cast<char*>(mem->calloc(3 << 20, 1));
  big[(3 << 20) - 1] = 'x';
  auto* more = static_cast<char*>(mem->realloc(big, 5 << 20));
  EXPECT_EQ(more[(3 << 20) - 1], 'x');
}

TEST(PageArena, BigPagesParseTheSameTwice) {
  std::string body;
  for (int i = 0; i < 20000; ++i) body += "## Part " + std::to_string(i) + "\n\nText [[p" + std::to_string(i) + "]] and [a](a.md).\n\n";
  ScannedPage page = testing::make_page(body);
  Diagnostics diags;
  ParsedPage first = parse_page(page, {}, diags);
  ParsedPage second = parse_page(page, {}, diags);
  ASSERT_EQ(first.meta.links.size(), 40000u);
  EXPECT_EQ(first.meta.headings.back().id, "part-19999");
  EXPECT_EQ(first.body.html, second.body.html);
  EXPECT_EQ(first.text.text, second.text.text);
}

TEST(PageArena, ThreadsParseIndependently) {
  auto run = [](int seed, std::vector<std::string>* out) {
    for (int i = 0; i < 200; ++i) {
      Diagnostics diags;
      std::string body = "# T" + std::to_string(seed) + "\n\n[[x" + std::to_string(i) + "]] *y*\n";
      out->push_back(testing::flatten(parse_page(testing::make_page(body), {}, diags).body));
    }
  };
  std::vector<std::string> a, b, expected_a, expected_b;
  std::thread ta(run, 1, &a), tb(run, 2, &b);
  ta.join();
  tb.join();
  run(1, &expected_a);
  run(2, &expected_b);
  EXPECT_EQ(a, expected_a);
  EXPECT_EQ(b, expected_b);
}

}  // namespace
}  // namespace bengal
