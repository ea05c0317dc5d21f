#pragma once
// TOML values as JSON, for bengal.toml's [params] and TOML front matter. Dates and times
// become ISO 8601 text ("2024-05-01", "2024-05-01T10:00:00Z"), which the typed fields then
// check and normalize like dates written as strings.
#include <nlohmann/json.hpp>
#include <toml++/toml.h>

namespace bengal {

nlohmann::json toml_to_json(const toml::node& node);

}  // namespace bengal
