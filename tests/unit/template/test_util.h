#pragma once
// Helpers for the template engine's unit tests: render a source string with an in-memory
// loader and a JSON context, or capture the error it raises.
#include <map>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "template/environment.h"
#include "template/error.h"
#include "template/value_json.h"

namespace bengal::tmpl::testing {

inline std::string render(const std::string& source, const nlohmann::ordered_json& context = nlohmann::ordered_json::object(),
                          const std::map<std::string, std::string>& files = {}, Options options = {}) {
  auto loader = std::make_shared<MemoryLoader>(files);
  loader->add("main.html", source);
  Environment env(loader, options);
  return env.get_template("main.html")->render(from_json(context));
}

// The message of the TemplateError that rendering raises, or "" when it succeeds.
inline std::string error_of(const std::string& source, const nlohmann::ordered_json& context = nlohmann::ordered_json::object(),
                            const std::map<std::string, std::string>& files = {}, Options options = {}) {
  try {
    render(source, context, files, options);
  } catch (const TemplateError& e) {
    return e.what();
  }
  return "";
}

inline Options strict() {
  Options options;
  options.strict_undefined = true;
  return options;
}

}  // namespace bengal::tmpl::testing
