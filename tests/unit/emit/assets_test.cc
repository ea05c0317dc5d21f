// Fingerprinted assets (emit/assets.h, model/assets.h): names, hashing, publishing.
#include "emit/assets.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "support/failure.h"
#include "support/fs.h"
#include "support/hash.h"

namespace bengal {
namespace {

namespace fs = std::filesystem;

TEST(AssetNames, HashGoesBeforeTheExtension) {
  EXPECT_EQ(fingerprinted_name("css/site.css", "abc"), "css/site.abc.css");
  EXPECT_EQ(fingerprinted_name("a.b/c.min.js", "abc"), "a.b/c.min.abc.js");
  EXPECT_EQ(fingerprinted_name("LICENSE", "abc"), "LICENSE.abc");
  EXPECT_EQ(fingerprinted_name("x/.htaccess", "abc"), "x/.htaccess.abc");
}

TEST(AssetNames, OnlyConfiguredExtensionsWhenOn) {
  AssetsConfig c;
  EXPECT_FALSE(is_fingerprinted(c, "css/site.css"));  // off by default
  c.fingerprint = true;
  EXPECT_TRUE(is_fingerprinted(c, "css/site.css"));
  EXPECT_TRUE(is_fingerprinted(c, "img/A.PNG"));
  EXPECT_FALSE(is_fingerprinted(c, "docs/manual.pdf"));
  EXPECT_FALSE(is_fingerprinted(c, "CNAME"));
}

class AssetsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (fs::temp_directory_path() / "bengal-assets-XXXXXX").string();
    ASSERT_NE(::mkdtemp(tmpl.data()), nullptr);
    root_ = tmpl;
    old_cwd_ = fs::current_path();
    fs::current_path(root_);
    write_file_if_changed("static/css/site.css", "body{}");
    write_file_if_changed("static/js/app.js", "go()");
  }
  void TearDown() override {
    fs::current_path(old_cwd_);
    std::error_code ec;
    fs::remove_all(root_, ec);
  }
  std::string root_;
  fs::path old_cwd_;
};

TEST_F(AssetsTest, HashesStaticFilesSortedByOutputPath) {
  AssetMap map = hash_assets({"static/js/app.js", "static/css/site.css"}, "static", {});
  ASSERT_EQ(map.files.size(), 2u);
  EXPECT_EQ(map.files[0].path, "css/site.css");
  EXPECT_EQ(map.files[0].hash, hash_hex("body{}"));
  EXPECT_EQ(map.files[0].source, "static/css/site.css");
  ASSERT_NE(map.find("js/app.js"), nullptr);
  EXPECT_EQ(map.find("js/nope.js"), nullptr);
  EXPECT_THROW(hash_assets({"elsewhere/a.css"}, "static", {}), Failure);
  EXPECT_THROW(hash_assets({}, "static", {"no/such/builtin.css"}), Failure);
}

TEST_F(AssetsTest, PublishesHashedNamesAndTheManifestOnlyWhenMissing) {
  AssetMap map = hash_assets({"static/css/site.css", "static/js/app.js"}, "static", {});
  EmitStats stats;
  Manifest m = publish_assets(map, "public", stats);
  std::string css = fingerprinted_name("css/site.css", hash_hex("body{}"));
  EXPECT_EQ(read_file("public/" + css), "body{}");
  nlohmann::json j = nlohmann::json::parse(read_file("public/asset-manifest.json"));
  EXPECT_EQ(j["css/site.css"], css);
  ASSERT_EQ(m.files.size(), 3u);
  EXPECT_EQ(m.files[0].path, "asset-manifest.json");
  EXPECT_EQ(stats.written, 3u);
  // Again: a hashed name that exists has those bytes already; nothing is rewritten.
  EmitStats again;
  publish_assets(map, "public", again);
  EXPECT_EQ(again.written, 0u);
  EXPECT_EQ(again.unchanged, 3u);
}

}  // namespace
}  // namespace bengal
