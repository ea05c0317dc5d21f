// Shard keys as a site grows: a shard that no new page lands in keeps its name and its pages,
// so its scan and parse (and their cache entries) stay; a folder per version or language is a
// key of its own.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "build_plan.h"

namespace bengal {
namespace {

std::vector<std::string> random_pages(std::mt19937& rng, const std::vector<std::string>& sections, size_t n) {
  std::vector<std::string> pages;
  std::uniform_int_distribution<size_t> pick(0, sections.size() - 1);
  for (size_t i = 0; i < n; ++i)
    pages.push_back(sections[pick(rng)] + "/p" + std::to_string(rng()) + ".md");
  return pages;
}

std::string section_of(const std::string& path) { return path.substr(0, path.find('/')); }

// The shards of `before` that no page of `added` falls into: within its section, between
// the shard's first page (or the section's start) and the next shard's first page.
std::vector<Shard> untouched(const std::vector<Shard>& before, const std::vector<std::string>& added) {
  std::vector<Shard> out;
  for (size_t i = 0; i < before.size(); ++i) {
    const std::string& first = before[i].sources.front();
    bool section_start = i == 0 || section_of(before[i - 1].sources.front()) != section_of(first);
    bool last = i + 1 == before.size() || section_of(before[i + 1].sources.front()) != section_of(first);
    bool hit = false;
    for (const std::string& p : added) {
      if (section_of(p) != section_of(first)) continue;
      bool above = section_start || p >= first;
      bool below = last || p < before[i + 1].sources.front();
      hit = hit || (above && below);
    }
    if (!hit) out.push_back(before[i]);
  }
  return out;
}

void check_growth(const std::vector<std::string>& sections, size_t start, size_t added_count, uint32_t target) {
  std::mt19937 rng(42);
  std::vector<std::string> pages = random_pages(rng, sections, start);
  std::vector<std::string> added = random_pages(rng, sections, added_count);
  std::sort(pages.begin(), pages.end());
  std::vector<Shard> before = assign_shards(pages, target);
  pages.insert(pages.end(), added.begin(), added.end());
  std::sort(pages.begin(), pages.end());
  std::vector<Shard> after = assign_shards(pages, target);
  std::map<std::string, std::vector<std::string>> now;
  for (const Shard& s : after) now[s.name] = s.sources;
  std::vector<Shard> kept = untouched(before, added);
  for (const Shard& s : kept) EXPECT_EQ(now[s.name], s.sources) << s.name;
  // Most of the site keeps its keys: a new page touches one shard.
  EXPECT_GE(kept.size() + added_count, before.size()) << kept.size() << " of " << before.size();
}

TEST(ShardGrowth, ASiteTenPercentLargerKeepsEveryUntouchedShard) {
  check_growth({"docs", "blog", "api", "guide"}, 5000, 500, 64);
}

TEST(ShardGrowth, DoublingKeepsEveryUntouchedShard) { check_growth({"docs", "blog"}, 2000, 2000, 32); }

TEST(ShardGrowth, VersionAndLanguageFoldersAreKeys) {
  std::mt19937 rng(7);
  std::vector<std::string> v1 = random_pages(rng, {"v1", "fr"}, 3000);
  std::vector<std::string> v2 = random_pages(rng, {"v2"}, 3000);
  std::vector<std::string> pages = v1;
  std::sort(pages.begin(), pages.end());
  std::vector<Shard> before = assign_shards(pages, 64);
  pages.insert(pages.end(), v2.begin(), v2.end());  // a new version appears
  std::sort(pages.begin(), pages.end());
  std::vector<Shard> after = assign_shards(pages, 64);
  std::set<std::string> names;
  for (const Shard& s : after) {
    names.insert(s.name);
    EXPECT_EQ(std::set<std::string>({section_of(s.sources.front()), section_of(s.sources.back())}).size(), 1u);
  }
  for (const Shard& s : before) EXPECT_TRUE(names.count(s.name)) << s.name;
}

}  // namespace
}  // namespace bengal
