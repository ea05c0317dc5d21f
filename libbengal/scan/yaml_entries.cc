// YAML front matter (yaml-cpp) to neutral entries. yaml-cpp leaves every scalar untyped, so
// plain (unquoted) scalars are resolved here with the YAML 1.2 core schema: true/false,
// integers and floats; everything else, and every quoted scalar, is a string.
#include <yaml-cpp/yaml.h>

#include <charconv>

#include "scan/entries.h"

namespace bengal {
namespace {

// Aliases can make a tiny document expand into a huge one ("billion laughs").
constexpr size_t kMaxValues = 100000;

std::optional<int64_t> parse_yaml_int(std::string_view s) {
  int base = 10;
  bool negative = false;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    negative = s[0] == '-';
    s.remove_prefix(1);
  }
  if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'o')) {
    base = s[1] == 'x' ? 16 : 8;
    s.remove_prefix(2);
  }
  if (s.empty() || s[0] == '+' || s[0] == '-') return std::nullopt;
  int64_t v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v, base);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return negative ? -v : v;
}

std::optional<double> parse_yaml_float(std::string_view s) {
  if (!s.empty() && s[0] == '+') s.remove_prefix(1);
  if (s.find_first_not_of("0123456789.eE+-") != std::string_view::npos) return std::nullopt;
  if (s.find_first_of("0123456789") == std::string_view::npos) return std::nullopt;
  double v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

bool is_plain(const YAML::Node& node) { return node.Tag() == "?"; }

// Complex keys ("? [a, b]") are rare; keep them readable rather than refuse them.
std::string key_text(const YAML::Node& key) { return key.IsScalar() ? key.Scalar() : YAML::Dump(key); }

class YamlConverter {
 public:
  // Returns nullopt with `problem` set when the value is too large or too deep.
  std::optional<nlohmann::json> convert(const YAML::Node& node, int depth = 0) {
    if (++values_ > kMaxValues) return fail("front matter too large (more than 100000 values)");
    if (depth > kMaxFrontMatterNesting) return fail("front matter nested too deeply (more than 256 levels)");
    switch (node.Type()) {
      case YAML::NodeType::Scalar:
        return is_plain(node) ? resolve_yaml_plain_scalar(node.Scalar()) : nlohmann::json(node.Scalar());
      case YAML::NodeType::Sequence: return convert_sequence(node, depth);
      case YAML::NodeType::Map: return convert_map(node, depth);
      default: return nlohmann::json(nullptr);
    }
  }
  const std::string& problem() const { return problem_; }

 private:
  std::optional<nlohmann::json> convert_sequence(const YAML::Node& node, int depth) {
    nlohmann::json arr = nlohmann::json::array();
    for (const YAML::Node& item : node) {
      auto v = convert(item, depth + 1);
      if (!v) return std::nullopt;
      arr.push_back(std::move(*v));
    }
    return arr;
  }
  std::optional<nlohmann::json> convert_map(const YAML::Node& node, int depth) {
    nlohmann::json obj = nlohmann::json::object();
    for (auto it = node.begin(); it != node.end(); ++it) {
      auto v = convert(it->second, depth + 1);
      if (!v) return std::nullopt;
      obj[key_text(it->first)] = std::move(*v);
    }
    return obj;
  }
  std::nullopt_t fail(std::string message) {
    if (problem_.empty()) problem_ = std::move(message);
    return std::nullopt;
  }

  size_t values_ = 0;
  std::string problem_;
};

SourceLoc loc_of(const BlockOrigin& origin, const YAML::Mark& mark) {
  if (mark.is_null()) return {origin.file, origin.first_line, 1};
  return {origin.file, origin.first_line + static_cast<uint32_t>(mark.line), static_cast<uint32_t>(mark.column) + 1};
}

// An empty value has no mark of its own (yaml-cpp points past it), so use the key's.
SourcePos value_pos(const BlockOrigin& origin, const YAML::Node& key, const YAML::Node& value) {
  SourceLoc loc = loc_of(origin, value.IsNull() ? key.Mark() : value.Mark());
  return {loc.line, loc.col};
}

std::optional<YAML::Node> load_yaml(const BlockOrigin& origin, Diagnostics& diags) {
  try {
    return YAML::Load(std::string(origin.block));
  } catch (const YAML::ParserException& e) {
    diags.error(loc_of(origin, e.mark), "invalid YAML front matter: " + e.msg);
  } catch (const YAML::Exception& e) {
    diags.error({origin.file, origin.first_line, 1}, "invalid YAML front matter: " + e.msg);
  }
  return std::nullopt;
}

}  // namespace

nlohmann::json resolve_yaml_plain_scalar(const std::string& s) {
  if (s == "true" || s == "True" || s == "TRUE") return true;
  if (s == "false" || s == "False" || s == "FALSE") return false;
  if (auto i = parse_yaml_int(s)) return *i;
  if (auto f = parse_yaml_float(s)) return *f;
  return s;
}

bool read_yaml_with_yaml_cpp(const BlockOrigin& origin, FrontMatterEntries& out, Diagnostics& diags) {
  std::optional<YAML::Node> root = load_yaml(origin, diags);
  if (!root) return false;
  if (root->IsNull()) return true;  // "---\n---": no fields
  if (!root->IsMap()) {
    diags.error(loc_of(origin, root->Mark()), "front matter must be a map of keys to values");
    return false;
  }
  YamlConverter converter;
  for (auto it = root->begin(); it != root->end(); ++it) {
    std::optional<nlohmann::json> value = converter.convert(it->second, 1);
    if (!value) {
      diags.error(loc_of(origin, it->first.Mark()), converter.problem());
      return false;
    }
    FrontMatterEntry e;
    e.key = key_text(it->first);
    e.value = std::move(*value);
    if (it->second.IsScalar() && is_plain(it->second)) e.scalar_text = it->second.Scalar();
    e.pos = value_pos(origin, it->first, it->second);
    out.push_back(std::move(e));
  }
  return true;
}

bool read_yaml_entries(const BlockOrigin& origin, FrontMatterEntries& out, Diagnostics& diags) {
  return read_simple_yaml_entries(origin, out) || read_yaml_with_yaml_cpp(origin, out, diags);
}

}  // namespace bengal
