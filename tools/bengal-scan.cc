// bengal-scan: reads Markdown sources and their front matter into one scan file
// (bengal-scan(1)). All the work is in libbengal/scan.
#include <string>

#include "cli/tool_main.h"
#include "format/envelope.h"
#include "scan/scan.h"
#include "support/memory.h"

namespace {

const bengal::ToolSpec kSpec = {
    "bengal-scan",
    "[OPTIONS] -o OUT FILE...",
    "Read Markdown sources and their front matter into a scan file",
    {
        {"output", 'o', "FILE", "write the scan file to FILE (required)"},
        {"content-dir", 0, "DIR", "content folder that page paths are relative to (default: content)"},
    },
    1,
};

void scan(const bengal::Args& args, bengal::Diagnostics& diags) {
  std::string output = args.required("output");
  bengal::ScanShard shard = bengal::scan_files(args.positional, args.get("content-dir", "content"), diags);
  if (diags.has_errors()) return;  // keep the previous output: the run fails anyway
  bengal::write_intermediate(bengal::Kind::kScan, bengal::producer_of(kSpec.name), shard, output);
}

}  // namespace

int main(int argc, char** argv) {
  bengal::reserve_heap();
  return bengal::run_tool(kSpec, argc, argv, scan);
}
