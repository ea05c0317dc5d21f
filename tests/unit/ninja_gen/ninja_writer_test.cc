// The Ninja writer: path and value escaping, shell quoting and the statement syntax. Escaping
// is checked against the real readers: /bin/sh for shell_quote and, when it is installed,
// ninja itself (`ninja -t query` and `ninja -t commands`) for the Ninja syntax.
#include "ninja_writer.h"

#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "support/fs.h"

namespace bengal {
namespace {

namespace fs = std::filesystem;

struct Cmd {
  int status = -1;
  std::string out;  // stdout and stderr
};

Cmd run(const std::string& command) {
  Cmd r;
  FILE* p = ::popen((command + " 2>&1").c_str(), "r");
  if (!p) return r;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  int st = ::pclose(p);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return r;
}

// Quotes for the test's own shell commands (independent of the code under test).
std::string sh(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

bool have_ninja() { return run("ninja --version").status == 0; }

// A fresh folder holding a build.ninja, removed at the end of the test.
class NinjaDir {
 public:
  explicit NinjaDir(const std::string& text) {
    std::string tmpl = (fs::temp_directory_path() / "bengal-ninja-XXXXXX").string();
    if (::mkdtemp(tmpl.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    dir_ = tmpl;
    write_file_atomic(dir_ + "/build.ninja", text);
  }
  ~NinjaDir() {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  Cmd ninja(const std::string& args) const { return run("cd " + sh(dir_) + " && ninja " + args); }

 private:
  std::string dir_;
};

// --- shell_quote ------------------------------------------------------------------------

TEST(ShellQuote, LeavesSafeWordsAlone) {
  EXPECT_EQ(shell_quote("bengal.toml"), "bengal.toml");
  EXPECT_EQ(shell_quote("/usr/local/bin"), "/usr/local/bin");
  EXPECT_EQ(shell_quote("a-b_c+d=e,f@g%h"), "a-b_c+d=e,f@g%h");
}

TEST(ShellQuote, QuotesEverythingElse) {
  EXPECT_EQ(shell_quote(""), "''");
  EXPECT_EQ(shell_quote("my site"), "'my site'");
  EXPECT_EQ(shell_quote("it's"), "'it'\\''s'");
  EXPECT_EQ(shell_quote("$HOME"), "'$HOME'");
}

TEST(ShellQuote, SurvivesTheShell) {
  for (const std::string& word : {std::string("plain"), std::string("with space"), std::string("it's"),
                                  std::string("$HOME and `date`"), std::string("a\"b"), std::string("*"),
                                  std::string(""), std::string("semi;colon&amp|pipe"), std::string("back\\slash"),
                                  std::string("new\nline"), std::string("tab\there"), std::string("~user"),
                                  std::string("-n"), std::string("'''")}) {
    Cmd r = run("printf '%s' " + shell_quote(word));
    EXPECT_EQ(r.status, 0) << word;
    EXPECT_EQ(r.out, word) << "quoted as " << shell_quote(word);
  }
}

// --- ninja_escape_path and ninja_escape_value -------------------------------------------

TEST(NinjaEscape, PathsEscapeDollarSpaceAndColon) {
  EXPECT_EQ(ninja_escape_path("content/docs/a.md"), "content/docs/a.md");
  EXPECT_EQ(ninja_escape_path("my site/c:d/$x"), "my$ site/c$:d/$$x");
  EXPECT_EQ(ninja_escape_path(""), "");
}

TEST(NinjaEscape, ValuesEscapeDollarOnly) {
  EXPECT_EQ(ninja_escape_value("a b:c"), "a b:c");
  EXPECT_EQ(ninja_escape_value("$in"), "$$in");
}

TEST(NinjaEscape, PathsSurviveNinja) {
  if (!have_ninja()) GTEST_SKIP() << "ninja is not installed";
  const std::vector<std::string> inputs = {"plain.md", "with space.md", "c:colon.md", "dollar$sign.md",
                                           "all of $ : them.md", "trailing space "};
  NinjaWriter w;
  w.rule("r", {{"command", "true"}});
  w.build({"out file"}, "r", inputs);
  NinjaDir dir(w.str());
  Cmd r = dir.ninja("-t query " + sh("out file"));
  ASSERT_EQ(r.status, 0) << r.out << "\n" << w.str();
  std::string expected = "out file:\n  input: r\n";
  for (const std::string& in : inputs) expected += "    " + in + "\n";
  expected += "  outputs:\n";
  EXPECT_EQ(r.out, expected) << w.str();
}

// The value of the binding "v = <escaped>", as ninja reads it.
std::string ninja_evaluates(const std::string& escaped) {
  NinjaWriter w;
  w.rule("r", {{"command", "printf '[%s]' \"$v\""}});
  w.build({"out"}, "r", {});
  NinjaDir dir("v = " + escaped + "\n" + w.str());
  Cmd r = dir.ninja("-t commands out");
  if (r.status != 0) return "<ninja failed: " + r.out + ">";
  const std::string prefix = "printf '[%s]' \"";
  if (r.out.rfind(prefix, 0) != 0 || r.out.size() < prefix.size() + 2) return "<unexpected: " + r.out + ">";
  return r.out.substr(prefix.size(), r.out.size() - prefix.size() - 2);  // drop "\"\n"
}

TEST(NinjaEscape, ValuesSurviveNinja) {
  if (!have_ninja()) GTEST_SKIP() << "ninja is not installed";
  for (const std::string& v : {std::string("plain"), std::string("a b:c"), std::string("$in $$ ${out}"),
                               std::string("'quoted $HOME'"), std::string("trailing ")})
    EXPECT_EQ(ninja_evaluates(ninja_escape_value(v)), v) << ninja_escape_value(v);
}

TEST(NinjaEscape, ValuesKeepLeadingSpaces) {
  if (!have_ninja()) GTEST_SKIP() << "ninja is not installed";
  EXPECT_EQ(ninja_escape_value("  lead"), "$ $ lead");
  EXPECT_EQ(ninja_evaluates(ninja_escape_value("  lead")), "  lead");
}

// --- NinjaWriter ------------------------------------------------------------------------

TEST(NinjaWriter, WritesEachStatementKind) {
  NinjaWriter w;
  w.comment("Generated.");
  w.variable("builddir", ".bengal");
  w.variable("cost", "$5", 2);
  w.newline();
  w.pool("link_pool", 1);
  w.rule("scan", {{"command", "$bin/bengal-scan -o $out $in"}, {"restat", "1"}});
  w.build({"a out", "b"}, "scan", {"in:1", "in2"}, {"dep$"}, {"order"}, {{"prefix", "p q"}}, {"extra"});
  w.build({"c"}, "phony", {});
  w.default_targets({"site", "x y"});
  EXPECT_EQ(w.str(),
            "# Generated.\n"
            "builddir = .bengal\n"
            "  cost = $$5\n"
            "\n"
            "pool link_pool\n  depth = 1\n\n"
            "rule scan\n  command = $bin/bengal-scan -o $out $in\n  restat = 1\n\n"
            "build a$ out b | extra: scan in$:1 in2 | dep$$ || order\n  prefix = p q\n"
            "build c: phony\n"
            "default site x$ y\n");
}

TEST(NinjaWriter, OutputIsReadByNinja) {
  if (!have_ninja()) GTEST_SKIP() << "ninja is not installed";
  NinjaWriter w;
  w.variable("ninja_required_version", "1.10");
  w.pool("one", 1);
  w.rule("cp", {{"command", "cp $in $out"}, {"pool", "one"}});
  w.build({"my out"}, "cp", {"my in"}, {"tool bin"}, {"order:only"}, {{"extra", "$x"}});
  w.default_targets({"my out"});
  NinjaDir dir(w.str());
  Cmd r = dir.ninja("-t query " + sh("my out"));
  ASSERT_EQ(r.status, 0) << r.out;
  EXPECT_EQ(r.out, "my out:\n  input: cp\n    my in\n    | tool bin\n    || order:only\n  outputs:\n");
  Cmd t = dir.ninja("-t targets all");
  ASSERT_EQ(t.status, 0) << t.out;
  EXPECT_NE(t.out.find("my out: cp"), std::string::npos) << t.out;
}

}  // namespace
}  // namespace bengal
