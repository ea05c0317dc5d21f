#pragma once
// Between template Values and JSON: contexts come in as JSON (tests, `--context`), and the
// tojson filter writes JSON the way Python's json.dumps does.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "template/value.h"

namespace bengal::tmpl {

// Objects become maps in the JSON's key order (sorted for nlohmann::json, as written for
// nlohmann::ordered_json); integers that fit stay integers.
Value from_json(const nlohmann::json& json);
Value from_json(const nlohmann::ordered_json& json);

// json.dumps(value, sort_keys=True[, indent=n]) with Python's separators and ASCII-only
// output. Throws EvalError for values JSON cannot hold (macros, host objects).
std::string to_python_json(const Value& value, std::optional<int> indent);

}  // namespace bengal::tmpl
