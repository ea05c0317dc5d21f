#pragma once
// One option table per tool drives both argument parsing and --help, so the two never drift
// apart (and a test checks every option also appears in the tool's man page).
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace bengal {

struct OptionSpec {
  std::string_view name;     // long name without dashes: "output"
  char short_name;           // 'o', or 0
  std::string_view metavar;  // "FILE" when the option takes a value, "" for a flag
  std::string_view help;
  bool repeatable = false;
};

struct ToolSpec {
  std::string_view name;      // "bengal-scan"
  std::string_view usage;     // "[OPTIONS] -o OUT FILE..."
  std::string_view summary;   // one line
  std::vector<OptionSpec> options;  // --help and --version are added by the parser
  size_t min_positional = 0;
  size_t max_positional = static_cast<size_t>(-1);
};

struct Args {
  std::map<std::string, std::vector<std::string>, std::less<>> values;  // flags map to {""}
  std::vector<std::string> positional;

  bool has(std::string_view name) const { return values.find(name) != values.end(); }
  // The last value given for an option, or `fallback`.
  std::string get(std::string_view name, std::string fallback = "") const;
  const std::vector<std::string>& all(std::string_view name) const;
  // The value of an option the command cannot do without; a usage error when absent.
  std::string required(std::string_view name) const;
  // A count such as --jobs: `fallback` when absent; a usage error unless a whole number > 0.
  unsigned positive(std::string_view name, unsigned fallback) const;
};

// argv with each argument "@FILE" replaced by the words of FILE, split like /bin/sh words
// (a response file: Ninja writes one for the steps whose input lists outgrow a command line,
// which Linux caps at 128 KiB). An "@FILE" that cannot be read stays as it is, as in GCC.
std::vector<std::string> expand_response_files(int argc, const char* const* argv);

// Parses argv; throws Failure(kExitUsage) with a message for the tool to print.
// Sets *wants_help / *wants_version when those flags are seen.
Args parse_args(const ToolSpec& spec, int argc, const char* const* argv, bool* wants_help, bool* wants_version);

std::string help_text(const ToolSpec& spec);

}  // namespace bengal
