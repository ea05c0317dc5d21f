#include "model/config.h"

#include <toml++/toml.h>

#include <algorithm>
#include <optional>
#include <vector>

#include "format/toml_json.h"
#include "support/failure.h"
#include "support/fs.h"
#include "support/paths.h"
#include "support/text.h"

namespace bengal {

std::string Config::base_path() const {
  std::string p = baseurl;
  size_t scheme = p.find("://");
  if (scheme != std::string::npos) {
    size_t slash = p.find('/', scheme + 3);
    p = slash == std::string::npos ? "/" : p.substr(slash);
  }
  if (p.empty() || p[0] != '/') p.insert(p.begin(), '/');
  if (p.back() != '/') p += '/';
  return p;
}

int64_t Config::related_weight(const std::string& plural) const {
  auto it = related_weights.find(plural);
  return it == related_weights.end() ? 1 : it->second;
}

std::string Config::base_origin() const {
  std::string b = baseurl;
  while (!b.empty() && b.back() == '/') b.pop_back();
  return b;
}

static SourceLoc loc_of(const std::string& path, const toml::source_region& r) {
  return {path, static_cast<uint32_t>(r.begin.line), static_cast<uint32_t>(r.begin.column)};
}

namespace {

std::string one_of(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : ", ") + w;
  return out;
}

// Reads the keys of one table, reporting wrong types and unknown keys.
class TableReader {
 public:
  TableReader(const toml::table& table, std::string name, const std::string& path, Diagnostics& diags)
      : table_(table), name_(std::move(name)), path_(path), diags_(diags) {}

  void string(const char* key, std::string& out) {
    known_.push_back(key);
    const toml::node* n = table_.get(key);
    if (n == nullptr) return;
    if (auto v = n->value<std::string>(); v && n->is_string()) {
      out = *v;
    } else {
      diags_.error(loc_of(path_, n->source()), "'" + name_ + "." + key + "' must be a string");
    }
  }

  // A string that must be one of `allowed`.
  void word(const char* key, std::string& out, const std::vector<std::string>& allowed) {
    std::string v = out;
    string(key, v);
    if (v == out) return;
    if (std::find(allowed.begin(), allowed.end(), v) == allowed.end()) {
      diags_.error(loc_of(path_, table_.get(key)->source()), "'" + name_ + "." + key + "' is '" + v +
                                                                 "', which is not one of: " + one_of(allowed) +
                                                                 did_you_mean(v, allowed));
      return;
    }
    out = std::move(v);
  }

  void count(const char* key, uint32_t& out, int64_t min = 1) {
    known_.push_back(key);
    const toml::node* n = table_.get(key);
    if (n == nullptr) return;
    auto v = n->value<int64_t>();
    if (!n->is_integer() || !v || *v < min || *v > 1000000) {
      diags_.error(loc_of(path_, n->source()), "'" + name_ + "." + key + "' must be an integer from " +
                                                   std::to_string(min) + " to 1000000");
      return;
    }
    out = static_cast<uint32_t>(*v);
  }

  void boolean(const char* key, bool& out) {
    known_.push_back(key);
    const toml::node* n = table_.get(key);
    if (n == nullptr) return;
    if (!n->is_boolean()) {
      diags_.error(loc_of(path_, n->source()), "'" + name_ + "." + key + "' must be true or false");
      return;
    }
    out = *n->value<bool>();
  }

  void integer(const char* key, int64_t& out) {
    known_.push_back(key);
    const toml::node* n = table_.get(key);
    if (n == nullptr) return;
    if (!n->is_integer()) {
      diags_.error(loc_of(path_, n->source()), "'" + name_ + "." + key + "' must be an integer");
      return;
    }
    out = *n->value<int64_t>();
  }

  // A list of strings, each one of `allowed` when that is not empty.
  void strings(const char* key, std::vector<std::string>& out, const std::vector<std::string>& allowed = {}) {
    known_.push_back(key);
    const toml::node* n = table_.get(key);
    if (n == nullptr) return;
    const toml::array* list = n->as_array();
    std::vector<std::string> values;
    for (size_t i = 0; list != nullptr && i < list->size(); ++i) {
      const toml::node& e = *list->get(i);
      if (!e.is_string()) {
        list = nullptr;
        break;
      }
      std::string v = *e.value<std::string>();
      bool ok = allowed.empty();
      for (const std::string& a : allowed) ok = ok || a == v;
      if (!ok) {
        diags_.error(loc_of(path_, e.source()),
                     "'" + name_ + "." + key + "' has '" + v + "', which is not one of: " + one_of(allowed) +
                         did_you_mean(v, allowed));
        return;
      }
      values.push_back(std::move(v));
    }
    if (list == nullptr) {
      diags_.error(loc_of(path_, n->source()), "'" + name_ + "." + key + "' must be a list of strings");
      return;
    }
    out = std::move(values);
  }

  // A sub-table read by the caller: only marked as known.
  void table(const char* key) { known_.push_back(key); }

  void warn_unknown() {
    for (const auto& [k, v] : table_) {
      std::string key(k.str());
      bool known = false;
      for (const std::string& kk : known_) known = known || kk == key;
      if (!known)
        diags_.warning(loc_of(path_, k.source()),
                       "unknown key '" + name_ + "." + key + "'" + did_you_mean(key, known_));
    }
  }

 private:
  const toml::table& table_;
  std::string name_;
  const std::string& path_;
  Diagnostics& diags_;
  std::vector<std::string> known_;
};

// [[menu.main]] name = "Docs", page = "docs" ... : one array of tables per menu.
void read_menus(const toml::table& menus, const std::string& path, Config& cfg, Diagnostics& diags) {
  for (const auto& [k, v] : menus) {
    std::string menu(k.str());
    const toml::array* entries = v.as_array();
    if (entries == nullptr || !entries->is_array_of_tables()) {
      diags.error(loc_of(path, v.source()), "'menu." + menu + "' must be a list of tables ([[menu." + menu + "]])");
      continue;
    }
    for (const toml::node& e : *entries) {
      const toml::table& table = *e.as_table();
      MenuItemConfig item;
      item.menu = menu;
      item.loc = loc_of(path, table.source());
      TableReader r(table, "menu." + menu, path, diags);
      r.string("name", item.name);
      r.string("url", item.url);
      r.string("page", item.page);
      r.integer("weight", item.weight);
      r.string("parent", item.parent);
      r.string("identifier", item.identifier);
      r.warn_unknown();
      if (item.url.empty() == item.page.empty())
        diags.error(item.loc, "a [[menu." + menu + "]] entry needs either 'url' or 'page'");
      else if (item.name.empty() && item.page.empty())
        diags.error(item.loc, "a [[menu." + menu + "]] entry with a 'url' needs a 'name'");
      else
        cfg.menu_items.push_back(std::move(item));
    }
  }
}

// [taxonomies] tag = "tags": each key names one term, its value the front matter key and URL
// folder. An empty table turns taxonomies off.
void read_taxonomies(const toml::table& table, const std::string& path, Config& cfg, Diagnostics& diags) {
  cfg.taxonomies.clear();
  for (const auto& [k, v] : table) {
    std::string singular(k.str());
    std::optional<std::string> plural = v.value<std::string>();
    if (!v.is_string() || !plural || plural->empty() || plural->find('/') != std::string::npos ||
        *plural == "." || *plural == "..") {
      diags.error(loc_of(path, v.source()), "'taxonomies." + singular + "' must be a folder name such as \"" +
                                                singular + "s\"");
      continue;
    }
    bool taken = false;
    for (const TaxonomyConfig& t : cfg.taxonomies) taken = taken || t.plural == *plural;
    if (taken) {
      diags.error(loc_of(path, v.source()), "'taxonomies." + singular + "': another taxonomy already uses \"" +
                                                *plural + "\"");
      continue;
    }
    cfg.taxonomies.push_back({singular, *plural});
  }
  std::sort(cfg.taxonomies.begin(), cfg.taxonomies.end(),
            [](const TaxonomyConfig& a, const TaxonomyConfig& b) { return a.plural < b.plural; });
}

void read_related(const toml::table& table, const std::string& path, Config& cfg, Diagnostics& diags) {
  TableReader r(table, "related", path, diags);
  r.count("count", cfg.related_count, 0);  // 0: no related pages
  r.table("weights");
  r.warn_unknown();
  if (const toml::node* n = table.get("weights"); n && !n->is_table())
    diags.error(loc_of(path, n->source()), "'related.weights' must be a table ([related.weights])");
  if (const toml::table* weights = table["weights"].as_table()) {
    for (const auto& [k, v] : *weights) {
      std::string taxonomy(k.str());
      if (!v.is_integer() || *v.value<int64_t>() < 0) {
        diags.error(loc_of(path, v.source()), "'related.weights." + taxonomy + "' must be a whole number, 0 or more");
        continue;
      }
      bool known = false;
      std::vector<std::string> names;
      for (const TaxonomyConfig& t : cfg.taxonomies) {
        known = known || t.plural == taxonomy;
        names.push_back(t.plural);
      }
      if (!known)
        diags.warning(loc_of(path, k.source()),
                      "'related.weights." + taxonomy + "' names no taxonomy" + did_you_mean(taxonomy, names));
      cfg.related_weights[taxonomy] = *v.value<int64_t>();
    }
  }
}

}  // namespace

Config parse_config(const std::string& text, const std::string& path, Diagnostics& diags) {
  Config cfg;
  cfg.path = path;
  toml::table root;
  try {
    root = toml::parse(text, path);
  } catch (const toml::parse_error& e) {
    diags.error(loc_of(path, e.source()), std::string(e.description()));
    return cfg;
  }

  static const std::vector<std::string> kTables = {"site", "build", "params", "menu", "taxonomies", "pagination",
                                                   "related", "feeds", "outputs", "markdown", "assets"};
  for (const auto& [k, v] : root) {
    std::string key(k.str());
    bool known = false;
    for (const std::string& t : kTables) known = known || t == key;
    if (!known) {
      diags.warning(loc_of(path, k.source()), "unknown key '" + key + "'" + did_you_mean(key, kTables));
    } else if (!v.is_table()) {
      diags.error(loc_of(path, v.source()), "'" + key + "' must be a table ([" + key + "])");
    }
  }

  if (const toml::table* site = root["site"].as_table()) {
    TableReader r(*site, "site", path, diags);
    r.string("title", cfg.title);
    r.string("baseurl", cfg.baseurl);
    r.string("language", cfg.language);
    r.string("description", cfg.description);
    r.string("theme", cfg.theme);
    r.warn_unknown();
  }
  if (const toml::table* build = root["build"].as_table()) {
    TableReader r(*build, "build", path, diags);
    r.string("content_dir", cfg.content_dir);
    r.string("output_dir", cfg.output_dir);
    r.string("static_dir", cfg.static_dir);
    r.string("build_dir", cfg.build_dir);
    r.string("templates_dir", cfg.templates_dir);
    r.count("shard_size", cfg.shard_size);
    r.count("term_shards", cfg.term_shards);
    r.warn_unknown();
  }
  if (const toml::table* params = root["params"].as_table()) cfg.params = toml_to_json(*params);
  if (const toml::table* menus = root["menu"].as_table()) read_menus(*menus, path, cfg, diags);
  if (const toml::table* taxonomies = root["taxonomies"].as_table()) read_taxonomies(*taxonomies, path, cfg, diags);
  if (const toml::table* pagination = root["pagination"].as_table()) {
    TableReader r(*pagination, "pagination", path, diags);
    r.count("per_page", cfg.per_page);
    r.warn_unknown();
  }
  if (const toml::table* related = root["related"].as_table()) read_related(*related, path, cfg, diags);
  if (const toml::table* feeds = root["feeds"].as_table()) {
    TableReader r(*feeds, "feeds", path, diags);
    r.count("count", cfg.feed_count, 0);
    r.boolean("rss", cfg.rss);
    r.boolean("atom", cfg.atom);
    r.word("content", cfg.feed_content, {"summary", "full"});
    r.warn_unknown();
  }
  if (const toml::table* outputs = root["outputs"].as_table()) {
    TableReader r(*outputs, "outputs", path, diags);
    r.boolean("sitemap", cfg.outputs.sitemap);
    r.boolean("robots", cfg.outputs.robots);
    r.boolean("llms", cfg.outputs.llms);
    r.boolean("llms_full", cfg.outputs.llms_full);
    r.boolean("search", cfg.outputs.search);
    r.boolean("redirects", cfg.outputs.redirects);
    static const std::vector<std::string> kKinds = {"home", "section", "page", "taxonomy", "term"};
    r.strings("json", cfg.outputs.json, kKinds);
    r.strings("txt", cfg.outputs.txt, kKinds);
    r.warn_unknown();
  }
  if (const toml::table* markdown = root["markdown"].as_table()) {
    TableReader r(*markdown, "markdown", path, diags);
    r.boolean("math", cfg.markdown.math);
    r.boolean("mermaid", cfg.markdown.mermaid);
    r.warn_unknown();
  }
  if (const toml::table* assets = root["assets"].as_table()) {
    TableReader r(*assets, "assets", path, diags);
    r.boolean("fingerprint", cfg.assets.fingerprint);
    r.strings("fingerprint_extensions", cfg.assets.fingerprint_extensions);
    r.warn_unknown();
  }

  // Folders must stay inside the site: the output folder is written and pruned by Bengal.
  auto check_folder = [&](const char* key, std::string& dir) {
    auto norm = normalize_relative(dir);
    if (!norm || norm->empty()) {
      const toml::node* n = root["build"][key].node();
      SourceLoc loc = n ? loc_of(path, n->source()) : SourceLoc{path, 0, 0};
      diags.error(loc, std::string("'build.") + key + "' must be a relative folder inside the site, not '" + dir + "'");
      return;
    }
    dir = *norm;
  };
  check_folder("content_dir", cfg.content_dir);
  check_folder("output_dir", cfg.output_dir);
  check_folder("static_dir", cfg.static_dir);
  check_folder("build_dir", cfg.build_dir);
  check_folder("templates_dir", cfg.templates_dir);
  if (!cfg.theme.empty() && (cfg.theme.find('/') != std::string::npos || cfg.theme == "." || cfg.theme == ".."))
    diags.error(loc_of(path, root["site"]["theme"].node()->source()), "'site.theme' must be a theme name, not a path");
  return cfg;
}

Config load_config(const std::string& path, Diagnostics& diags) {
  if (!file_exists(path)) throw Failure(kExitIoError, path + ": cannot open: no such file (is this a Bengal site?)");
  return parse_config(read_file(path), path, diags);
}

std::vector<std::string> Config::template_folders() const {
  std::vector<std::string> folders = {templates_dir};
  if (!theme.empty()) folders.push_back("themes/" + theme + "/templates");
  return folders;
}

Config load_step_config(const std::string& path, Diagnostics& diags) {
  Diagnostics all;
  Config cfg = load_config(path, all);
  for (const Diagnostic& d : all.items())
    if (d.severity == Severity::kError) diags.add(d);
  return cfg;
}

}  // namespace bengal
