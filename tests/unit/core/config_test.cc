// bengal.toml: defaults, types, unknown keys, folders that must stay inside the site, and the
// base path and origin derived from baseurl.
#include "model/config.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "support/failure.h"
#include "support/fs.h"

namespace bengal {
namespace {

namespace fs = std::filesystem;
using Strings = std::vector<std::string>;

struct Parsed {
  Config config;
  Strings diags;
  bool has_errors = false;

  // The diagnostics sorted (TOML tables are read in key order, not in file order).
  Strings sorted_diags() const {
    Strings out = diags;
    std::sort(out.begin(), out.end());
    return out;
  }
};

Parsed parse(const std::string& text) {
  Diagnostics diags;
  Parsed p;
  p.config = parse_config(text, "bengal.toml", diags);
  for (const Diagnostic& d : diags.items()) p.diags.push_back(format_diagnostic(d, "bengal-test"));
  p.has_errors = diags.has_errors();
  return p;
}

Config with_baseurl(const std::string& baseurl) {
  Config c;
  c.baseurl = baseurl;
  return c;
}

// --- defaults and values ----------------------------------------------------------------

TEST(Config, EmptyFileGivesTheDefaults) {
  Parsed p = parse("");
  EXPECT_EQ(p.diags, Strings{});
  EXPECT_EQ(p.config.path, "bengal.toml");
  EXPECT_EQ(p.config.title, "Untitled site");
  EXPECT_EQ(p.config.baseurl, "/");
  EXPECT_EQ(p.config.language, "en");
  EXPECT_EQ(p.config.content_dir, "content");
  EXPECT_EQ(p.config.output_dir, "public");
  EXPECT_EQ(p.config.static_dir, "static");
  EXPECT_EQ(p.config.build_dir, ".bengal");
  EXPECT_EQ(p.config.shard_size, 64u);
  EXPECT_TRUE(p.config.params.is_object());
  EXPECT_TRUE(p.config.params.empty());
}

TEST(Config, ReadsEveryKey) {
  Parsed p = parse(
      "[site]\n"
      "title = \"Bengal\"\n"
      "baseurl = \"https://bengal.example.org/docs/\"\n"
      "language = \"de\"\n"
      "\n"
      "[build]\n"
      "content_dir = \"pages\"\n"
      "output_dir = \"out/site\"\n"
      "static_dir = \"assets\"\n"
      "build_dir = \"tmp\"\n"
      "shard_size = 4\n");
  EXPECT_EQ(p.diags, Strings{});
  EXPECT_EQ(p.config.title, "Bengal");
  EXPECT_EQ(p.config.baseurl, "https://bengal.example.org/docs/");
  EXPECT_EQ(p.config.language, "de");
  EXPECT_EQ(p.config.content_dir, "pages");
  EXPECT_EQ(p.config.output_dir, "out/site");
  EXPECT_EQ(p.config.static_dir, "assets");
  EXPECT_EQ(p.config.build_dir, "tmp");
  EXPECT_EQ(p.config.shard_size, 4u);
}

TEST(Config, ParamsAreFreeForm) {
  Parsed p = parse(
      "[params]\n"
      "repository = \"https://example.org/bengal\"\n"
      "answer = 42\n"
      "ratio = 0.5\n"
      "flag = true\n"
      "list = [1, \"two\"]\n"
      "released = 2024-05-01\n"
      "[params.nested]\n"
      "key = \"v\"\n");
  EXPECT_EQ(p.diags, Strings{}) << "unknown keys under [params] are not warned about";
  const nlohmann::json& j = p.config.params;
  EXPECT_EQ(j["repository"], "https://example.org/bengal");
  EXPECT_EQ(j["answer"], 42);
  EXPECT_EQ(j["ratio"], 0.5);
  EXPECT_EQ(j["flag"], true);
  EXPECT_EQ(j["list"], nlohmann::json::parse("[1, \"two\"]"));
  EXPECT_EQ(j["released"], "2024-05-01");
  EXPECT_EQ(j["nested"]["key"], "v");
}

// --- wrong types ------------------------------------------------------------------------

TEST(Config, WrongTypeIsAnErrorAtTheValue) {
  Parsed p = parse("[site]\ntitle = 3\nlanguage = [\"en\"]\n");
  EXPECT_TRUE(p.has_errors);
  EXPECT_EQ(p.diags, (Strings{"bengal.toml:2:9: error: 'site.title' must be a string",
                              "bengal.toml:3:12: error: 'site.language' must be a string"}));
  EXPECT_EQ(p.config.title, "Untitled site");
}

TEST(Config, ShardSizeMustBeAnIntegerInRange) {
  for (const char* bad : {"0", "-1", "1000001", "\"64\"", "6.4", "true"}) {
    Parsed p = parse(std::string("[build]\nshard_size = ") + bad + "\n");
    EXPECT_EQ(p.diags, Strings{"bengal.toml:2:14: error: 'build.shard_size' must be an integer from 1 to 1000000"})
        << bad;
    EXPECT_EQ(p.config.shard_size, 64u) << bad;
  }
  EXPECT_EQ(parse("[build]\nshard_size = 1\n").config.shard_size, 1u);
  EXPECT_EQ(parse("[build]\nshard_size = 1000000\n").config.shard_size, 1000000u);
}

TEST(Config, KnownTablesMustBeTables) {
  Parsed p = parse("site = \"My site\"\nbuild = 3\n");
  EXPECT_EQ(p.sorted_diags(), (Strings{"bengal.toml:1:8: error: 'site' must be a table ([site])",
                              "bengal.toml:2:9: error: 'build' must be a table ([build])"}));
  EXPECT_EQ(p.config.title, "Untitled site");
}

TEST(Config, InvalidTomlIsAnErrorAndLeavesTheDefaults) {
  Parsed p = parse("[site]\ntitle = \"unclosed\n");
  EXPECT_TRUE(p.has_errors);
  ASSERT_EQ(p.diags.size(), 1u);
  EXPECT_EQ(p.diags[0].rfind("bengal.toml:2:", 0), 0u) << p.diags[0];
  EXPECT_NE(p.diags[0].find(": error: "), std::string::npos) << p.diags[0];
  EXPECT_EQ(p.config.title, "Untitled site");
  EXPECT_EQ(p.config.path, "bengal.toml");
}

// --- unknown keys -----------------------------------------------------------------------

TEST(Config, UnknownKeysAreWarningsWithASuggestion) {
  Parsed p = parse("[site]\ntitle = \"x\"\n\n\n\nlangauge = \"en\"\n[build]\nshard_sise = 3\ncolour = 1\n");
  EXPECT_FALSE(p.has_errors);
  EXPECT_EQ(p.sorted_diags(), (Strings{"bengal.toml:6:1: warning: unknown key 'site.langauge' (did you mean 'language'?)",
                              "bengal.toml:8:1: warning: unknown key 'build.shard_sise' (did you mean 'shard_size'?)",
                              "bengal.toml:9:1: warning: unknown key 'build.colour'"}));
  EXPECT_EQ(p.config.language, "en");
  EXPECT_EQ(p.config.shard_size, 64u);
}

TEST(Config, UnknownTablesAreWarningsWithASuggestion) {
  Parsed p = parse("[biuld]\nshard_size = 3\n[theme]\nname = \"x\"\n");
  EXPECT_FALSE(p.has_errors);
  EXPECT_EQ(p.sorted_diags(), (Strings{"bengal.toml:1:2: warning: unknown key 'biuld' (did you mean 'build'?)",
                              "bengal.toml:3:2: warning: unknown key 'theme'"}));
  EXPECT_EQ(p.config.shard_size, 64u);
}

// --- folders ----------------------------------------------------------------------------

TEST(Config, FoldersAreNormalized) {
  Parsed p = parse("[build]\ncontent_dir = \"./content/\"\noutput_dir = \"out//site/\"\nbuild_dir = \"a/../b\"\n");
  EXPECT_EQ(p.diags, Strings{});
  EXPECT_EQ(p.config.content_dir, "content");
  EXPECT_EQ(p.config.output_dir, "out/site");
  EXPECT_EQ(p.config.build_dir, "b");
}

TEST(Config, FoldersThatLeaveTheSiteAreErrors) {
  Parsed p = parse(
      "[build]\n"
      "content_dir = \"/etc\"\n"
      "output_dir = \"../out\"\n"
      "static_dir = \"\"\n"
      "build_dir = \"a/../..\"\n");
  EXPECT_EQ(p.diags,
            (Strings{"bengal.toml:2:15: error: 'build.content_dir' must be a relative folder inside the site, not '/etc'",
                     "bengal.toml:3:14: error: 'build.output_dir' must be a relative folder inside the site, not '../out'",
                     "bengal.toml:4:14: error: 'build.static_dir' must be a relative folder inside the site, not ''",
                     "bengal.toml:5:13: error: 'build.build_dir' must be a relative folder inside the site, not "
                     "'a/../..'"}));
}

TEST(Config, TheSiteFolderItselfIsNotAnOutputFolder) {
  Parsed p = parse("[build]\noutput_dir = \".\"\n");
  EXPECT_EQ(p.diags,
            Strings{"bengal.toml:2:14: error: 'build.output_dir' must be a relative folder inside the site, not '.'"});
}

// --- base path and origin ---------------------------------------------------------------

TEST(Config, BasePathIsThePathOfTheBaseUrl) {
  EXPECT_EQ(with_baseurl("/").base_path(), "/");
  EXPECT_EQ(with_baseurl("").base_path(), "/");
  EXPECT_EQ(with_baseurl("/docs/").base_path(), "/docs/");
  EXPECT_EQ(with_baseurl("/docs").base_path(), "/docs/");
  EXPECT_EQ(with_baseurl("docs/").base_path(), "/docs/");
  EXPECT_EQ(with_baseurl("https://example.org").base_path(), "/");
  EXPECT_EQ(with_baseurl("https://example.org/").base_path(), "/");
  EXPECT_EQ(with_baseurl("https://example.org/docs/").base_path(), "/docs/");
  EXPECT_EQ(with_baseurl("https://example.org/a/b").base_path(), "/a/b/");
  EXPECT_EQ(with_baseurl("http://localhost:1313/x/").base_path(), "/x/");
}

TEST(Config, BaseOriginDropsTheTrailingSlash) {
  EXPECT_EQ(with_baseurl("https://example.org/docs/").base_origin(), "https://example.org/docs");
  EXPECT_EQ(with_baseurl("https://example.org/").base_origin(), "https://example.org");
  EXPECT_EQ(with_baseurl("https://example.org").base_origin(), "https://example.org");
  EXPECT_EQ(with_baseurl("/").base_origin(), "");
}

// --- loading from disk ------------------------------------------------------------------

class ConfigFile : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (fs::temp_directory_path() / "bengal-config-XXXXXX").string();
    ASSERT_NE(::mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  std::string dir_;
};

TEST_F(ConfigFile, LoadReadsTheFileAndKeepsItsPath) {
  write_file_atomic(dir_ + "/bengal.toml", "[site]\ntitle = \"On disk\"\n");
  Diagnostics diags;
  Config c = load_config(dir_ + "/bengal.toml", diags);
  EXPECT_FALSE(diags.has_errors());
  EXPECT_EQ(c.title, "On disk");
  EXPECT_EQ(c.path, dir_ + "/bengal.toml");
}

TEST_F(ConfigFile, MissingFileIsAnIoFailure) {
  Diagnostics diags;
  try {
    load_config(dir_ + "/none.toml", diags);
    ADD_FAILURE() << "no failure";
  } catch (const Failure& e) {
    EXPECT_EQ(e.code(), kExitIoError);
    EXPECT_EQ(std::string(e.what()), dir_ + "/none.toml: cannot open: no such file (is this a Bengal site?)");
  }
}

TEST_F(ConfigFile, StepsSeeErrorsButNotWarnings) {
  write_file_atomic(dir_ + "/bengal.toml", "[site]\ntitel = \"x\"\n[build]\nshard_size = 0\n");
  Diagnostics step;
  load_step_config(dir_ + "/bengal.toml", step);
  ASSERT_EQ(step.items().size(), 1u);
  EXPECT_EQ(step.items()[0].severity, Severity::kError);
  EXPECT_EQ(step.error_count(), 1u);
  Diagnostics full;
  load_config(dir_ + "/bengal.toml", full);
  EXPECT_EQ(full.items().size(), 2u);
}

}  // namespace
}  // namespace bengal

namespace bengal {
namespace {

TEST(ConfigMenus, ReadsEveryMenuAndEntry) {
  Diagnostics diags;
  Config c = parse_config(
      "[[menu.main]]\nname = \"Docs\"\npage = \"docs\"\nweight = 2\n\n"
      "[[menu.main]]\nname = \"Source\"\nurl = \"https://example.org\"\nparent = \"docs\"\nidentifier = \"src\"\n\n"
      "[[menu.footer]]\npage = \"about\"\n",
      "bengal.toml", diags);
  EXPECT_FALSE(diags.has_errors());
  ASSERT_EQ(c.menu_items.size(), 3u);
  EXPECT_EQ(c.menu_items[0].menu, "footer");  // tables come out in key order
  EXPECT_EQ(c.menu_items[1].name, "Docs");
  EXPECT_EQ(c.menu_items[1].page, "docs");
  EXPECT_EQ(c.menu_items[1].weight, 2);
  EXPECT_EQ(c.menu_items[2].url, "https://example.org");
  EXPECT_EQ(c.menu_items[2].parent, "docs");
  EXPECT_EQ(c.menu_items[2].identifier, "src");
  EXPECT_EQ(c.menu_items[2].loc.line, 6u);  // the entry's [[menu.main]] line
}

TEST(ConfigMenus, EntriesNeedAUrlOrAPage) {
  Diagnostics diags;
  Config c = parse_config("[[menu.main]]\nname = \"X\"\n\n[[menu.main]]\nurl = \"/x/\"\n\n[menu]\nfooter = 3\n",
                          "bengal.toml", diags);
  EXPECT_TRUE(c.menu_items.empty());
  std::vector<std::string> m;
  for (const Diagnostic& d : diags.items()) m.push_back(format_diagnostic(d, "t"));
  ASSERT_EQ(m.size(), 3u);
  EXPECT_NE(m[0].find("error: 'menu.footer' must be a list of tables ([[menu.footer]])"), std::string::npos) << m[0];
  EXPECT_NE(m[1].find("error: a [[menu.main]] entry needs either 'url' or 'page'"), std::string::npos) << m[1];
  EXPECT_NE(m[2].find("error: a [[menu.main]] entry with a 'url' needs a 'name'"), std::string::npos) << m[2];
}

}  // namespace
}  // namespace bengal

// --- [taxonomies], [pagination], [related], build.term_shards -----------------------------

namespace bengal {
namespace {

std::vector<std::string> taxonomy_names(const Config& c) {
  std::vector<std::string> out;
  for (const TaxonomyConfig& t : c.taxonomies) out.push_back(t.singular + "=" + t.plural);
  return out;
}

TEST(ConfigTaxonomies, TagsAndCategoriesByDefault) {
  Parsed p = parse("");
  EXPECT_EQ(taxonomy_names(p.config), (Strings{"category=categories", "tag=tags"}));
}

TEST(ConfigTaxonomies, AnEmptyTableMeansNone) {
  Parsed p = parse("[taxonomies]\n");
  EXPECT_EQ(p.diags, Strings{});
  EXPECT_TRUE(p.config.taxonomies.empty());
}

TEST(ConfigTaxonomies, TheTableReplacesTheDefaultsSortedByPlural) {
  Parsed p = parse("[taxonomies]\ntag = \"tags\"\nseries = \"series\"\nauthor = \"writers\"\n");
  EXPECT_EQ(p.diags, Strings{});
  EXPECT_EQ(taxonomy_names(p.config), (Strings{"series=series", "tag=tags", "author=writers"}));
}

TEST(ConfigTaxonomies, ABadValueIsAnErrorAtTheValue) {
  Parsed p = parse("[taxonomies]\ntag = 3\nx = \"a/b\"\ny = \"..\"\nz = \"\"\nok = \"oks\"\n");
  EXPECT_EQ(p.sorted_diags(), (Strings{"bengal.toml:2:7: error: 'taxonomies.tag' must be a folder name such as \"tags\"",
                                       "bengal.toml:3:5: error: 'taxonomies.x' must be a folder name such as \"xs\"",
                                       "bengal.toml:4:5: error: 'taxonomies.y' must be a folder name such as \"ys\"",
                                       "bengal.toml:5:5: error: 'taxonomies.z' must be a folder name such as \"zs\""}));
  EXPECT_EQ(taxonomy_names(p.config), Strings{"ok=oks"});
}

TEST(ConfigTaxonomies, TwoTaxonomiesInOneFolderAreAnError) {
  Parsed p = parse("[taxonomies]\nlabel = \"tags\"\ntag = \"tags\"\n");
  EXPECT_TRUE(p.has_errors) << ::testing::PrintToString(p.diags);
}

TEST(ConfigPagination, PerPage) {
  EXPECT_EQ(parse("").config.per_page, 10u);
  Parsed p = parse("[pagination]\nper_page = 5\n");
  EXPECT_EQ(p.diags, Strings{});
  EXPECT_EQ(p.config.per_page, 5u);
}

TEST(ConfigPagination, BadOrUnknownKeys) {
  Parsed p = parse("[pagination]\nper_page = 0\nperpage = 3\n");
  EXPECT_EQ(p.sorted_diags(),
            (Strings{"bengal.toml:2:12: error: 'pagination.per_page' must be an integer from 1 to 1000000",
                     "bengal.toml:3:1: warning: unknown key 'pagination.perpage' (did you mean 'per_page'?)"}));
  EXPECT_EQ(p.config.per_page, 10u);
  EXPECT_TRUE(parse("pagination = 3\n").has_errors);
}

TEST(ConfigRelated, CountAndWeights) {
  Parsed p = parse("[related]\ncount = 3\n[related.weights]\ntags = 2\ncategories = 0\n");
  EXPECT_EQ(p.diags, Strings{});
  EXPECT_EQ(p.config.related_count, 3u);
  EXPECT_EQ(p.config.related_weight("tags"), 2);
  EXPECT_EQ(p.config.related_weight("categories"), 0);
  EXPECT_EQ(parse("").config.related_count, 5u);
  EXPECT_EQ(parse("").config.related_weight("tags"), 1) << "every taxonomy counts 1 by default";
}

TEST(ConfigRelated, AWeightForAnUnknownTaxonomyIsAWarning) {
  Parsed p = parse("[related.weights]\ntagz = 2\n");
  EXPECT_FALSE(p.has_errors);
  EXPECT_EQ(p.diags, Strings{"bengal.toml:2:1: warning: 'related.weights.tagz' names no taxonomy (did you mean 'tags'?)"});
  Parsed custom = parse("[taxonomies]\nseries = \"series\"\n[related.weights]\ntags = 1\n");
  EXPECT_EQ(custom.diags, Strings{"bengal.toml:4:1: warning: 'related.weights.tags' names no taxonomy"});
}

TEST(ConfigRelated, ANegativeOrFractionalWeightIsAnError) {
  Parsed p = parse("[related.weights]\ntags = -1\ncategories = 1.5\n");
  EXPECT_EQ(p.sorted_diags(),
            (Strings{"bengal.toml:2:8: error: 'related.weights.tags' must be a whole number, 0 or more",
                     "bengal.toml:3:14: error: 'related.weights.categories' must be a whole number, 0 or more"}));
  EXPECT_EQ(p.config.related_weight("tags"), 1);
}

TEST(ConfigRelated, BadCountAndUnknownKeys) {
  Parsed p = parse("[related]\ncount = -2\nweigths = {}\n");
  ASSERT_EQ(p.sorted_diags().size(), 2u) << ::testing::PrintToString(p.diags);
  EXPECT_EQ(p.sorted_diags()[0].rfind("bengal.toml:2:9: error: 'related.count' must be an integer from ", 0), 0u)
      << p.sorted_diags()[0];
  EXPECT_EQ(p.sorted_diags()[1], "bengal.toml:3:1: warning: unknown key 'related.weigths' (did you mean 'weights'?)");
  EXPECT_EQ(p.config.related_count, 5u);
}

TEST(ConfigRelated, WeightsThatAreNotATableAreAnError) {
  Parsed p = parse("[related]\nweights = 3\n");
  EXPECT_TRUE(p.has_errors) << ::testing::PrintToString(p.diags);
}

TEST(ConfigBuild, TermShards) {
  EXPECT_EQ(parse("").config.term_shards, 0u) << "0: chosen from the page count";
  EXPECT_EQ(parse("[build]\nterm_shards = 8\n").config.term_shards, 8u);
  Parsed p = parse("[build]\nterm_shards = 0\n");
  EXPECT_EQ(p.diags, Strings{"bengal.toml:2:15: error: 'build.term_shards' must be an integer from 1 to 1000000"});
}

}  // namespace
}  // namespace bengal
