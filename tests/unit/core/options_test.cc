// The option table: parsing (long and short forms, inline values, repeats, `--`) and the
// --help text that the same table drives.
#include "cli/options.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/failure.h"
#include "support/fs.h"

namespace bengal {
namespace {

using Strings = std::vector<std::string>;

const ToolSpec kSpec = {
    "bengal-test",
    "[OPTIONS] FILE...",
    "Test the option parser",
    {
        {"output", 'o', "FILE", "the file to write"},
        {"output-dir", 'd', "DIR", "the output folder"},
        {"drafts", 0, "", "publish drafts"},
        {"meta", 0, "FILE", "the meta file"},
        {"define", 'D', "KEY=VALUE", "define a value (repeatable)", true},
    },
    1,
    2,
};

struct Parsed {
  Args args;
  bool help = false;
  bool version = false;
};

Parsed parse(const Strings& words, const ToolSpec& spec = kSpec) {
  std::vector<const char*> argv = {"bengal-test"};
  for (const std::string& w : words) argv.push_back(w.c_str());
  Parsed p;
  p.args = parse_args(spec, static_cast<int>(argv.size()), argv.data(), &p.help, &p.version);
  return p;
}

// The usage error parse_args reports, or "" when it accepts the words.
std::string usage_error(const Strings& words, const ToolSpec& spec = kSpec) {
  try {
    parse(words, spec);
  } catch (const Failure& e) {
    EXPECT_EQ(e.code(), kExitUsage) << e.what();
    return e.what();
  }
  return "";
}

// --- values -----------------------------------------------------------------------------

TEST(ResponseFiles, AtFileBecomesItsShellWordsInPlace) {
  std::string path = ::testing::TempDir() + "/bengal-args.rsp";
  write_file_atomic(path, "a.meta 'b c.meta' \"d\\\"e\" f\\ g\n  h.meta\n");
  std::string at = "@" + path;
  const char* argv[] = {"bengal-link", "-o", "x", at.c_str(), "last", "@/nonexistent/file.rsp", "@"};
  EXPECT_EQ(expand_response_files(7, argv),
            (Strings{"bengal-link", "-o", "x", "a.meta", "b c.meta", "d\"e", "f g", "h.meta", "last",
                     "@/nonexistent/file.rsp", "@"}));
}

TEST(ParseArgs, LongAndShortForms) {
  EXPECT_EQ(parse({"--output", "a.out", "in"}).args.get("output"), "a.out");
  EXPECT_EQ(parse({"-o", "a.out", "in"}).args.get("output"), "a.out");
  EXPECT_EQ(parse({"-d", "pub", "in"}).args.get("output-dir"), "pub");
  EXPECT_EQ(parse({"--meta", "x.meta", "in"}).args.get("meta"), "x.meta");
}

TEST(ParseArgs, InlineValues) {
  EXPECT_EQ(parse({"--output=a.out", "in"}).args.get("output"), "a.out");
  EXPECT_EQ(parse({"--output=a=b", "in"}).args.get("output"), "a=b");
  EXPECT_EQ(parse({"-oa.out", "in"}).args.get("output"), "a.out");
  Parsed empty = parse({"--output=", "in"});
  EXPECT_TRUE(empty.args.has("output"));
  EXPECT_EQ(empty.args.get("output", "fallback"), "");
}

TEST(ParseArgs, ValueMayLookLikeAnOption) {
  Parsed p = parse({"-o", "--drafts", "in"});
  EXPECT_EQ(p.args.get("output"), "--drafts");
  EXPECT_FALSE(p.args.has("drafts"));
}

TEST(ParseArgs, FlagsHaveNoValue) {
  Parsed p = parse({"--drafts", "in"});
  EXPECT_TRUE(p.args.has("drafts"));
  EXPECT_EQ(p.args.all("drafts"), Strings{""});
  EXPECT_FALSE(p.args.has("meta"));
  EXPECT_EQ(usage_error({"--drafts=yes", "in"}), "option '--drafts' takes no value");
}

TEST(ParseArgs, PositiveCounts) {
  EXPECT_EQ(parse({"in"}).args.positive("meta", 4), 4u);  // absent: the fallback
  EXPECT_EQ(parse({"--meta=12", "in"}).args.positive("meta", 4), 12u);
  for (const char* bad : {"0", "-1", "2x", "", "99999999999"}) {
    Parsed p = parse({std::string("--meta=") + bad, "in"});
    try {
      p.args.positive("meta", 4);
      ADD_FAILURE() << "accepted '" << bad << "'";
    } catch (const Failure& e) {
      EXPECT_EQ(e.code(), kExitUsage);
      EXPECT_EQ(std::string(e.what()), std::string("option '--meta' wants a whole number above 0, not '") + bad + "'");
    }
  }
}

TEST(ParseArgs, PositionalArgumentsAnywhere) {
  Parsed p = parse({"a.scan", "-o", "x", "b.scan"});
  EXPECT_EQ(p.args.positional, (Strings{"a.scan", "b.scan"}));
  EXPECT_EQ(parse({"-", "-o", "x"}).args.positional, Strings{"-"}) << "a lone '-' is a file name (stdin)";
}

TEST(ParseArgs, DoubleDashEndsOptions) {
  Parsed p = parse({"-o", "x", "--", "--output", "-o"});
  EXPECT_EQ(p.args.get("output"), "x");
  EXPECT_EQ(p.args.positional, (Strings{"--output", "-o"}));
  EXPECT_EQ(parse({"--", "--help"}).help, false);
}

TEST(ParseArgs, RepeatableOptionsCollectEveryValue) {
  Parsed p = parse({"-D", "a=1", "--define", "b=2", "--define=c=3", "-Dd=4", "in"});
  EXPECT_EQ(p.args.all("define"), (Strings{"a=1", "b=2", "c=3", "d=4"}));
  EXPECT_EQ(p.args.get("define"), "d=4");
}

TEST(ParseArgs, OtherOptionsMayBeGivenOnce) {
  EXPECT_EQ(usage_error({"-o", "a", "--output", "b", "in"}), "option '--output' given more than once");
  EXPECT_EQ(usage_error({"--drafts", "--drafts", "in"}), "option '--drafts' given more than once");
}

TEST(ParseArgs, MissingValue) {
  EXPECT_EQ(usage_error({"in", "--output"}), "option '--output' needs a value (FILE)");
  EXPECT_EQ(usage_error({"in", "-o"}), "option '-o' needs a value (FILE)");
  EXPECT_EQ(usage_error({"in", "-D"}), "option '-D' needs a value (KEY=VALUE)");
}

TEST(ParseArgs, UnknownOptionsWithASuggestion) {
  EXPECT_EQ(usage_error({"--ouput", "x", "in"}), "unknown option '--ouput' (did you mean '--output'?)");
  EXPECT_EQ(usage_error({"--ouput=x", "in"}), "unknown option '--ouput' (did you mean '--output'?)");
  EXPECT_EQ(usage_error({"--draft", "in"}), "unknown option '--draft' (did you mean '--drafts'?)");
  EXPECT_EQ(usage_error({"--hepl"}), "unknown option '--hepl' (did you mean '--help'?)");
  EXPECT_EQ(usage_error({"--completely-different", "in"}), "unknown option '--completely-different'");
  EXPECT_EQ(usage_error({"-x", "in"}), "unknown option '-x'");
}

TEST(ParseArgs, PositionalCounts) {
  EXPECT_EQ(usage_error({"-o", "x"}), "missing input file");
  EXPECT_EQ(usage_error({"a", "b", "c"}), "unexpected argument 'c'");
  EXPECT_EQ(usage_error({"a", "b"}), "");
}

TEST(ParseArgs, HelpAndVersionSkipTheOtherChecks) {
  Parsed h = parse({"--help"});
  EXPECT_TRUE(h.help);
  EXPECT_FALSE(h.version);
  EXPECT_TRUE(parse({"-h"}).help);
  Parsed v = parse({"--version"});
  EXPECT_TRUE(v.version);
  EXPECT_FALSE(v.help);
  EXPECT_TRUE(parse({"a", "b", "c", "--help"}).help);
}

// --- Args -------------------------------------------------------------------------------

TEST(Args, RequiredGetAndAll) {
  Parsed p = parse({"-o", "x", "in"});
  EXPECT_EQ(p.args.required("output"), "x");
  EXPECT_EQ(p.args.get("output-dir", "public"), "public");
  EXPECT_TRUE(p.args.all("define").empty());
  try {
    p.args.required("meta");
    ADD_FAILURE() << "no failure";
  } catch (const Failure& e) {
    EXPECT_EQ(e.code(), kExitUsage);
    EXPECT_EQ(std::string(e.what()), "missing required option '--meta'");
  }
}

// --- help_text --------------------------------------------------------------------------

TEST(HelpText, ListsEveryOptionAligned) {
  EXPECT_EQ(help_text(kSpec),
            "Usage: bengal-test [OPTIONS] FILE...\n"
            "Test the option parser\n"
            "\n"
            "Options:\n"
            "  -o, --output FILE       the file to write\n"
            "  -d, --output-dir DIR    the output folder\n"
            "      --drafts            publish drafts\n"
            "      --meta FILE         the meta file\n"
            "  -D, --define KEY=VALUE  define a value (repeatable)\n"
            "  -h, --help              print this help and exit\n"
            "      --version           print the version and exit\n");
}

TEST(HelpText, EveryOptionTheParserAcceptsIsListed) {
  std::string help = help_text(kSpec);
  for (const OptionSpec& o : kSpec.options) {
    std::string left = (o.short_name ? std::string("-") + o.short_name + ", " : std::string("    ")) + "--" +
                       std::string(o.name) + (o.metavar.empty() ? "" : " " + std::string(o.metavar));
    EXPECT_NE(help.find("  " + left + " "), std::string::npos) << left;
    EXPECT_NE(help.find(std::string(o.help)), std::string::npos) << o.help;
    // And the parser accepts what the help shows.
    Strings words = {"--" + std::string(o.name)};
    if (!o.metavar.empty()) words.push_back("v");
    words.push_back("in");
    EXPECT_EQ(usage_error(words), "") << left;
  }
}

}  // namespace
}  // namespace bengal
