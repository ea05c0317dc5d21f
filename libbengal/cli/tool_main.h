#pragma once
// The shared main() of every tool: parses options from the tool's table, handles --help and
// --version, runs the tool, prints its diagnostics in one format and maps failures to the
// exit codes of bengal(7).
#include <functional>

#include "cli/options.h"
#include "support/diagnostics.h"

namespace bengal {

// The body of a tool. Reports content problems into `diags`; throws Failure for the rest.
// Returns normally even with errors in diags: the runner turns them into kExitContentError.
using ToolBody = std::function<void(const Args& args, Diagnostics& diags)>;

int run_tool(const ToolSpec& spec, int argc, char** argv, const ToolBody& body);

}  // namespace bengal
