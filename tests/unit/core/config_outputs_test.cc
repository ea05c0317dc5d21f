// bengal.toml [outputs]: the site-wide files bengal-index writes, each switchable.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "model/config.h"
#include "model/site_outputs.h"

namespace bengal {
namespace {

using Strings = std::vector<std::string>;

struct Parsed {
  Config config;
  Strings diags;  // sorted
  bool has_errors = false;
};

Parsed parse(const std::string& text) {
  Diagnostics diags;
  Parsed p;
  p.config = parse_config(text, "bengal.toml", diags);
  for (const Diagnostic& d : diags.items()) p.diags.push_back(format_diagnostic(d, "bengal-test"));
  std::sort(p.diags.begin(), p.diags.end());
  p.has_errors = diags.has_errors();
  return p;
}

TEST(ConfigOutputs, EveryOutputIsOnByDefault) {
  Parsed p = parse("");
  EXPECT_TRUE(p.config.outputs.sitemap);
  EXPECT_TRUE(p.config.outputs.robots);
  EXPECT_TRUE(p.config.outputs.llms);
  EXPECT_TRUE(p.config.outputs.llms_full);
  EXPECT_EQ(parse("[outputs]\n").diags, Strings{});
}

TEST(ConfigOutputs, ReadsEverySwitch) {
  Parsed p = parse("[outputs]\nsitemap = false\nrobots = false\nllms = false\nllms_full = false\n");
  EXPECT_EQ(p.diags, Strings{});
  EXPECT_FALSE(p.config.outputs.sitemap);
  EXPECT_FALSE(p.config.outputs.robots);
  EXPECT_FALSE(p.config.outputs.llms);
  EXPECT_FALSE(p.config.outputs.llms_full);
  p = parse("[outputs]\nllms_full = false\n");
  EXPECT_TRUE(p.config.outputs.sitemap);
  EXPECT_TRUE(p.config.outputs.llms);
  EXPECT_FALSE(p.config.outputs.llms_full);
}

TEST(ConfigOutputs, UnknownKeysAreWarningsWithASuggestion) {
  Parsed p = parse("[outputs]\nllms_ful = false\nrss = true\n");
  EXPECT_EQ(p.diags,
            (Strings{"bengal.toml:2:1: warning: unknown key 'outputs.llms_ful' (did you mean 'llms_full'?)",
                     "bengal.toml:3:1: warning: unknown key 'outputs.rss'"}));
  EXPECT_FALSE(p.has_errors);
  EXPECT_TRUE(p.config.outputs.llms_full);
}

TEST(ConfigOutputs, ASwitchMustBeABoolean) {
  Parsed p = parse("[outputs]\nsitemap = \"no\"\n");
  EXPECT_EQ(p.diags, Strings{"bengal.toml:2:11: error: 'outputs.sitemap' must be true or false"});
  EXPECT_TRUE(p.config.outputs.sitemap);
}

TEST(ConfigOutputs, TheTableMustBeATable) {
  Parsed p = parse("outputs = false\n");
  EXPECT_TRUE(p.has_errors);
  EXPECT_EQ(p.diags, Strings{"bengal.toml:1:11: error: 'outputs' must be a table ([outputs])"});
  EXPECT_EQ(parse("[output]\n").diags,
            Strings{"bengal.toml:1:2: warning: unknown key 'output' (did you mean 'outputs'?)"});
}

TEST(ConfigOutputs, TheFilesBengalIndexWrites) {
  Parsed p = parse("[outputs]\nrobots = false\nllms = false\n");
  EXPECT_EQ(index_output_files(p.config, {}), (Strings{"llms-full.txt", "search/index.json", "sitemap.xml"}));
}

// --- [feeds] content ---------------------------------------------------------------------

TEST(ConfigFeeds, ContentIsSummaryByDefaultOrFull) {
  Parsed p = parse("");
  EXPECT_EQ(p.config.feed_content, "summary");
  EXPECT_FALSE(p.config.full_feeds());
  p = parse("[feeds]\ncontent = \"full\"\n");
  EXPECT_EQ(p.diags, Strings{});
  EXPECT_EQ(p.config.feed_content, "full");
  EXPECT_TRUE(p.config.full_feeds());
  EXPECT_FALSE(parse("[feeds]\ncontent = \"full\"\ncount = 0\n").config.full_feeds()) << "no feeds at all";
  EXPECT_FALSE(parse("[feeds]\ncontent = \"full\"\nrss = false\natom = false\n").config.full_feeds());
}

TEST(ConfigFeeds, ContentMustBeSummaryOrFull) {
  Parsed p = parse("[feeds]\ncontent = \"ful\"\n");
  EXPECT_TRUE(p.has_errors);
  EXPECT_EQ(p.diags, Strings{"bengal.toml:2:11: error: 'feeds.content' is 'ful', which is not one of: summary, full "
                             "(did you mean 'full'?)"});
  EXPECT_EQ(p.config.feed_content, "summary");
  EXPECT_TRUE(parse("[feeds]\ncontent = true\n").has_errors);
}

}  // namespace
}  // namespace bengal
