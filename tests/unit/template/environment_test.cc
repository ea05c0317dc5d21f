// Loading, caching, dependency reporting and concurrency.
#include "template/environment.h"

#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

#include "template/error.h"
#include "template/value_json.h"

namespace bengal::tmpl {
namespace {

namespace fs = std::filesystem;

// A loader that counts how often the environment asks it for sources.
class CountingLoader : public MemoryLoader {
 public:
  std::optional<TemplateSource> get_source(std::string_view name) const override {
    ++calls;
    return MemoryLoader::get_source(name);
  }
  mutable std::atomic<int> calls{0};
};

class TempDir {
 public:
  TempDir() {
    char pattern[] = "/tmp/bengal-template-test-XXXXXX";
    path_ = mkdtemp(pattern);
  }
  ~TempDir() { fs::remove_all(path_); }
  void write(const std::string& relative, const std::string& text) const {
    fs::path p = fs::path(path_) / relative;
    fs::create_directories(p.parent_path());
    std::ofstream(p) << text;
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

TEST(Environment, ParsesEachTemplateOnce) {
  auto loader = std::make_shared<CountingLoader>();
  loader->add("page.html", "{% include 'nav.html' %}{{ x }}");
  loader->add("nav.html", "<nav/>");
  Environment env(loader);
  for (int i = 0; i < 5; ++i) EXPECT_EQ(env.render("page.html", from_json(nlohmann::json{{"x", i}})), "<nav/>" + std::to_string(i));
  EXPECT_EQ(loader->calls.load(), 2);
  EXPECT_EQ(env.get_template("page.html"), env.get_template("page.html"));
}

TEST(Environment, MissingTemplateIsATemplateError) {
  Environment env(std::make_shared<MemoryLoader>());
  EXPECT_EQ(env.find_template("nope.html"), nullptr);
  try {
    env.get_template("nope.html");
    FAIL();
  } catch (const TemplateError& e) {
    EXPECT_STREQ(e.what(), "bengal: error: template 'nope.html' not found");
  }
}

TEST(Environment, FromStringIsNotCachedAndNamesItself) {
  Environment env(std::make_shared<MemoryLoader>());
  EXPECT_EQ(env.from_string("{{ 1 + 1 }}")->render(Value(Map())), "2");
  try {
    env.from_string("{{ x|nope }}", "inline.html");
    FAIL();
  } catch (const TemplateError& e) {
    EXPECT_EQ(e.diagnostic().loc.file, "inline.html");
  }
}

TEST(Environment, ReportsTemplatesUsedForDepfiles) {
  auto loader = std::make_shared<MemoryLoader>();
  loader->add("page.html", "{% extends 'base.html' %}{% block b %}{% include 'part.html' %}{% include 'part.html' %}{% endblock %}");
  loader->add("base.html", "{% import 'macros.html' as m %}{% block b %}{% endblock %}");
  loader->add("macros.html", "");
  loader->add("part.html", "x");
  Environment env(loader);
  RenderInfo info;
  EXPECT_EQ(env.render("page.html", Value(Map()), &info), "xx");
  EXPECT_EQ(info.templates_used, (std::vector<std::string>{"page.html", "base.html", "macros.html", "part.html"}));
}

TEST(FileSystemLoader, FirstFolderWins) {
  TempDir dir;
  dir.write("site/page.html", "site page {% include 'partials/footer.html' %}");
  dir.write("theme/page.html", "theme page");
  dir.write("theme/partials/footer.html", "theme footer");
  auto loader = std::make_shared<FileSystemLoader>(std::vector<std::string>{dir.path() + "/site", dir.path() + "/theme"});
  Environment env(loader);
  RenderInfo info;
  EXPECT_EQ(env.render("page.html", Value(Map()), &info), "site page theme footer");
  EXPECT_EQ(info.templates_used,
            (std::vector<std::string>{dir.path() + "/site/page.html", dir.path() + "/theme/partials/footer.html"}));
  EXPECT_EQ(loader->list_templates(), (std::vector<std::string>{"page.html", "partials/footer.html"}));
}

TEST(FileSystemLoader, RejectsNamesThatClimbOut) {
  TempDir dir;
  dir.write("secret.html", "secret");
  dir.write("site/x.html", "x");
  FileSystemLoader loader({dir.path() + "/site"});
  EXPECT_FALSE(loader.get_source("../secret.html"));
  EXPECT_FALSE(loader.get_source("/etc/passwd"));
  EXPECT_TRUE(loader.get_source("./x.html"));
}

TEST(FileSystemLoader, ErrorsNameTheFileAsFound) {
  TempDir dir;
  dir.write("templates/page.html", "\n\n  {{ title|lenght }}");
  Environment env(std::make_shared<FileSystemLoader>(std::vector<std::string>{dir.path() + "/templates"}));
  try {
    env.get_template("page.html");
    FAIL();
  } catch (const TemplateError& e) {
    EXPECT_EQ(std::string(e.what()),
              dir.path() + "/templates/page.html:3:12: error: unknown filter 'lenght' (did you mean 'length'?)");
  }
}

TEST(Environment, RendersConcurrently) {
  auto loader = std::make_shared<MemoryLoader>();
  loader->add("page.html", "{% extends 'base.html' %}{% block b %}{% for i in range(n) %}{{ i }}{% endfor %}{% endblock %}");
  loader->add("base.html", "<{% block b %}{% endblock %}>");
  Environment env(loader);
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&env, &wrong, t] {
      for (int i = 0; i < 200; ++i) {
        std::string want = "<";
        for (int k = 0; k < t + 1; ++k) want += std::to_string(k);
        if (env.render("page.html", from_json(nlohmann::json{{"n", t + 1}})) != want + ">") ++wrong;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(wrong.load(), 0);
}

}  // namespace
}  // namespace bengal::tmpl
