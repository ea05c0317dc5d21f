#include "cli/tool_main.h"

#include <cstdio>
#include <exception>
#include <string>
#include <vector>

#include "bengal/version.h"
#include "support/failure.h"

namespace bengal {

static void print_line(FILE* f, const std::string& s) {
  std::fwrite(s.data(), 1, s.size(), f);
  std::fputc('\n', f);
}

int run_tool(const ToolSpec& spec, int argc, char** argv, const ToolBody& body) {
  std::string tool(spec.name);
  Diagnostics diags;
  int code = kExitOk;
  try {
    bool help = false, version = false;
    std::vector<std::string> words = expand_response_files(argc, argv);
    std::vector<const char*> expanded;
    for (const std::string& w : words) expanded.push_back(w.c_str());
    Args args = parse_args(spec, static_cast<int>(expanded.size()), expanded.data(), &help, &version);
    if (help) {
      std::fputs(help_text(spec).c_str(), stdout);
      return kExitOk;
    }
    if (version) {
      std::printf("%s %s\n", tool.c_str(), kVersion);
      return kExitOk;
    }
    body(args, diags);
    if (diags.has_errors()) code = kExitContentError;
  } catch (const Failure& f) {
    code = f.code();
    for (const Diagnostic& d : diags.items()) print_line(stderr, format_diagnostic(d, tool));
    print_line(stderr, tool + ": error: " + f.what());
    if (code == kExitUsage) print_line(stderr, "Try '" + tool + " --help' for more information.");
    return code;
  } catch (const std::exception& e) {
    print_line(stderr, tool + ": internal error: " + e.what());
    return kExitInternal;
  }
  for (const Diagnostic& d : diags.items()) print_line(stderr, format_diagnostic(d, tool));
  if (diags.error_count() > 1) {
    print_line(stderr, tool + ": " + std::to_string(diags.error_count()) + " errors");
  }
  return code;
}

}  // namespace bengal
