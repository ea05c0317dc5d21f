// bengal-dump: prints any Bengal intermediate file as JSON, for people and scripts.
#include <cstdio>

#include "cli/tool_main.h"
#include "format/envelope.h"
#include "support/fs.h"

using namespace bengal;

static const ToolSpec kSpec = {
    "bengal-dump",
    "[OPTIONS] FILE...",
    "Print Bengal intermediate files as JSON",
    {
        {"body-only", 0, "", "print only the body, without the envelope's kind, schema and producer"},
        {"compact", 0, "", "print each file's JSON on one line"},
    },
    1,
};

int main(int argc, char** argv) {
  return run_tool(kSpec, argc, argv, [](const Args& args, Diagnostics&) {
    for (const std::string& path : args.positional) {
      if (!file_exists(path)) throw Failure(kExitBadIntermediate, path + ": no such intermediate file");
      std::string bytes = read_file(path);
      Envelope env = open_envelope(bytes, path, nullptr);
      nlohmann::json body = msgpack_to_json(env.body);
      nlohmann::json out = args.has("body-only")
                               ? body
                               : nlohmann::json{{"kind", env.kind}, {"schema", env.schema},
                                                {"producer", env.producer}, {"body", body}};
      std::string text = out.dump(args.has("compact") ? -1 : 2, ' ', false, nlohmann::json::error_handler_t::replace);
      std::fwrite(text.data(), 1, text.size(), stdout);
      std::fputc('\n', stdout);
    }
  });
}
