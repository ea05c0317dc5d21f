#pragma once
// bengal.toml (bengal.toml(5)).
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/diagnostics.h"

namespace bengal {

// One [[menu.<menu>]] entry of bengal.toml.
struct MenuItemConfig {
  std::string menu;        // "main"
  std::string name;        // shown text; defaults to the page's title
  std::string url;         // a URL as is ...
  std::string page;        // ... or a page, resolved like [[page]]
  int64_t weight = 0;      // lower first; 0 sorts last
  std::string parent;      // identifier of the parent entry
  std::string identifier;  // defaults to name
  SourceLoc loc;           // where the entry starts in bengal.toml
};

struct Config {
  std::string path;  // the config file, as given

  // [site]
  std::string title = "Untitled site";
  std::string baseurl = "/";  // e.g. "https://example.org/docs/"
  std::string language = "en";
  std::string theme;  // themes/<theme>/templates is searched after templates/
  nlohmann::json params = nlohmann::json::object();  // [params], free-form
  std::vector<MenuItemConfig> menu_items;            // [[menu.<name>]], in file order

  // [build]
  std::string content_dir = "content";
  std::string output_dir = "public";
  std::string static_dir = "static";
  std::string build_dir = ".bengal";  // intermediates
  uint32_t shard_size = 64;           // average pages per shard (ninja-gen)
  std::string templates_dir = "templates";

  // Where templates are looked up, first match wins (the built-in theme comes last).
  std::vector<std::string> template_folders() const;

  // The path part of baseurl, with leading and trailing '/': "/" or "/docs/".
  std::string base_path() const;
  // baseurl without its trailing '/', for absolute URLs: "https://example.org/docs".
  std::string base_origin() const;
};

// Parses TOML text. Problems are reported at the config's line and column; unknown keys
// are warnings with a suggestion. Never throws for content problems.
Config parse_config(const std::string& text, const std::string& path, Diagnostics& diags);

// Reads and parses the file; a missing or unreadable file throws Failure(kExitIoError).
Config load_config(const std::string& path, Diagnostics& diags);

// The same for pipeline steps: errors are reported, warnings are not (bengal-ninja-gen
// reports them once per configure, rather than every step once per shard).
Config load_step_config(const std::string& path, Diagnostics& diags);

}  // namespace bengal
