// bengal-template-diff: renders a batch of template cases with Bengal's engine, for the
// differential test against Jinja2 (run_diff.py).
//
//   stdin:  {"cases": [{"id": "...", "template": "...", "context": {...},
//                       "files": {"base.html": "..."}, "options": {"strict": true, ...}}]}
//   stdout: [{"id": "...", "output": "..."} or {"id": "...", "error": "..."}]
//
// Contexts are read with their key order kept, as Python's json.loads keeps it.
#include <iostream>
#include <iterator>
#include <map>

#include "template/environment.h"
#include "template/error.h"
#include "template/value_json.h"

namespace tmpl = bengal::tmpl;
using nlohmann::ordered_json;

static tmpl::Options options_from(const ordered_json& o) {
  tmpl::Options options;
  options.autoescape = o.value("autoescape", true);
  options.trim_blocks = o.value("trim_blocks", true);
  options.lstrip_blocks = o.value("lstrip_blocks", true);
  options.keep_trailing_newline = o.value("keep_trailing_newline", false);
  options.strict_undefined = o.value("strict", false);
  return options;
}

static ordered_json render_case(const ordered_json& c) {
  std::map<std::string, std::string> files;
  ordered_json extra = c.value("files", ordered_json::object());
  for (const auto& [name, source] : extra.items()) files[name] = source;
  files["main"] = c.at("template").get<std::string>();
  tmpl::Environment env(std::make_shared<tmpl::MemoryLoader>(files), options_from(c.value("options", ordered_json::object())));
  ordered_json result = {{"id", c.at("id")}};
  try {
    result["output"] = env.get_template("main")->render(tmpl::from_json(c.value("context", ordered_json::object())));
  } catch (const tmpl::TemplateError& e) {
    result["error"] = e.what();
  }
  return result;
}

int main() {
  std::string input((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
  ordered_json batch = ordered_json::parse(input);
  ordered_json results = ordered_json::array();
  for (const auto& c : batch.at("cases")) results.push_back(render_case(c));
  std::cout << results.dump(1, ' ', false, ordered_json::error_handler_t::replace) << "\n";
  return 0;
}
