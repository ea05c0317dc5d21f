// The asset check, fed one shard at a time: what is published (emit manifests, the static
// manifest, the site-wide files), then each shard's references.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "index/index.h"
#include "index_test_util.h"

namespace bengal {
namespace {

using testing::config_with;

Manifest manifest(const std::vector<std::string>& paths) {
  Manifest m;
  for (const std::string& p : paths) m.files.push_back({p, ""});
  return m;
}

AssetRefsShard refs(const std::string& source, const std::string& output, const std::vector<std::string>& urls) {
  PageAssets page{source, output, {}};
  for (size_t i = 0; i < urls.size(); ++i) page.assets.push_back({urls[i], {static_cast<uint32_t>(i + 1), 3}});
  return AssetRefsShard{{page}};
}

std::vector<std::string> messages(const Diagnostics& d) {
  std::vector<std::string> out;
  for (const Diagnostic& x : d.items()) out.push_back(format_diagnostic(x, "bengal-index"));
  return out;
}

TEST(AssetCheck, ReportsWhatNoStepPublishes) {
  AssetCheck check(config_with("https://example.org/docs/"), manifest({"img/logo.png"}), {"sitemap.xml"});
  check.add_published(manifest({"guide/index.html", "css/site.css"}));
  Diagnostics d;
  check.check(refs("content/a.md", "a/index.html",
                   {"/docs/css/site.css", "/docs/img/logo.png", "/docs/sitemap.xml", "/docs/guide", "/docs/gone.png",
                    "/elsewhere/x.png"}),
              d);
  // "/docs/guide" is served as /docs/guide/; a URL outside the base path is not the site's.
  EXPECT_EQ(messages(d), std::vector<std::string>{"content/a.md:5:3: error: '/docs/gone.png' is referenced by "
                                                  "a/index.html but no file is published there"});
}

TEST(AssetCheck, TheMapListsEachAssetsPagesSortedOnce) {
  AssetCheck check(config_with("/"), {}, {});
  check.add_published(manifest({"a.css", "b.js"}));
  Diagnostics d;
  check.check(refs("content/z.md", "z/index.html", {"/a.css", "/b.js"}), d);
  check.check(refs("content/b.md", "b/index.html", {"/a.css"}), d);
  check.check(refs("content/z.md", "z/1/index.html", {"/a.css"}), d);  // a pager of z.md
  EXPECT_FALSE(d.has_errors());
  EXPECT_EQ(check.asset_map(), "{\n \"/a.css\": [\n  \"content/b.md\",\n  \"content/z.md\"\n ],\n"
                               " \"/b.js\": [\n  \"content/z.md\"\n ]\n}\n");
}

// The map is written by hand: the same bytes as nlohmann's dump(1), escapes included.
TEST(AssetCheck, TheMapIsTheJsonOfTheUsers) {
  AssetCheck none(config_with("/"), {}, {});
  Diagnostics d;
  none.check(refs("content/a.md", "a/index.html", {}), d);
  EXPECT_EQ(none.asset_map(), "{}\n");
  AssetCheck check(config_with("/"), manifest({"a \"b\".png", "c\\d.png"}), {});
  check.check(refs("content/q\"x.md", "q/index.html", {"/a \"b\".png", "/c\\d.png"}), d);
  check.check(refs("content/bad\xff.md", "b/index.html", {"/c\\d.png"}), d);
  EXPECT_FALSE(d.has_errors());
  nlohmann::ordered_json j = {{"/a \"b\".png", {"content/q\"x.md"}}, {"/c\\d.png", {"content/bad\xff.md", "content/q\"x.md"}}};
  EXPECT_EQ(check.asset_map(), j.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
}

}  // namespace
}  // namespace bengal
