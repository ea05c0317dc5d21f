#include "cli/options.h"

#include <charconv>

#include "support/failure.h"
#include "support/fs.h"
#include "support/shell.h"
#include "support/text.h"

namespace bengal {

std::string Args::get(std::string_view name, std::string fallback) const {
  auto it = values.find(name);
  return it == values.end() || it->second.empty() ? fallback : it->second.back();
}

const std::vector<std::string>& Args::all(std::string_view name) const {
  static const std::vector<std::string> kNone;
  auto it = values.find(name);
  return it == values.end() ? kNone : it->second;
}

std::string Args::required(std::string_view name) const {
  if (!has(name)) throw Failure(kExitUsage, "missing required option '--" + std::string(name) + "'");
  return get(name);
}

unsigned Args::positive(std::string_view name, unsigned fallback) const {
  if (!has(name)) return fallback;
  const std::string text = get(name);
  unsigned value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value == 0)
    throw Failure(kExitUsage, "option '--" + std::string(name) + "' wants a whole number above 0, not '" + text + "'");
  return value;
}

static const OptionSpec* find_long(const ToolSpec& spec, std::string_view name) {
  for (const OptionSpec& o : spec.options)
    if (o.name == name) return &o;
  return nullptr;
}

static const OptionSpec* find_short(const ToolSpec& spec, char c) {
  for (const OptionSpec& o : spec.options)
    if (o.short_name != 0 && o.short_name == c) return &o;
  return nullptr;
}

std::vector<std::string> expand_response_files(int argc, const char* const* argv) {
  std::vector<std::string> out;
  for (int i = 0; i < argc; ++i) {
    std::string_view arg = argv[i];
    std::string path = i > 0 && arg.size() > 1 && arg[0] == '@' ? std::string(arg.substr(1)) : std::string();
    if (path.empty() || !file_exists(path)) {
      out.emplace_back(arg);
      continue;
    }
    for (ShellWord& w : split_shell_words(read_file(path))) out.push_back(std::move(w.value));
  }
  return out;
}

Args parse_args(const ToolSpec& spec, int argc, const char* const* argv, bool* wants_help, bool* wants_version) {
  Args args;
  *wants_help = *wants_version = false;
  bool options_done = false;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (options_done || arg == "-" || arg.size() < 2 || arg[0] != '-') {
      args.positional.emplace_back(arg);
      continue;
    }
    if (arg == "--") {
      options_done = true;
      continue;
    }
    const OptionSpec* opt = nullptr;
    std::string_view inline_value;
    bool has_inline = false;
    std::string shown(arg);
    if (arg[1] == '-') {
      std::string_view name = arg.substr(2);
      size_t eq = name.find('=');
      if (eq != std::string_view::npos) {
        inline_value = name.substr(eq + 1);
        has_inline = true;
        name = name.substr(0, eq);
        shown = "--" + std::string(name);
      }
      if (name == "help") {
        *wants_help = true;
        continue;
      }
      if (name == "version") {
        *wants_version = true;
        continue;
      }
      opt = find_long(spec, name);
      if (opt == nullptr) {
        std::vector<std::string> names = {"help", "version"};
        for (const OptionSpec& o : spec.options) names.emplace_back(o.name);
        std::string guess = closest_match(name, names);
        throw Failure(kExitUsage, "unknown option '" + shown + "'" +
                                    (guess.empty() ? "" : " (did you mean '--" + guess + "'?)"));
      }
    } else {
      if (arg == "-h") {
        *wants_help = true;
        continue;
      }
      opt = find_short(spec, arg[1]);
      if (opt == nullptr) throw Failure(kExitUsage, "unknown option '" + shown + "'");
      if (arg.size() > 2) {
        inline_value = arg.substr(2);
        has_inline = true;
      }
    }
    std::string value;
    if (opt->metavar.empty()) {
      if (has_inline) throw Failure(kExitUsage, "option '" + shown + "' takes no value");
    } else if (has_inline) {
      value = std::string(inline_value);
    } else if (i + 1 < argc) {
      value = argv[++i];
    } else {
      throw Failure(kExitUsage, "option '" + shown + "' needs a value (" + std::string(opt->metavar) + ")");
    }
    auto& slot = args.values[std::string(opt->name)];
    if (!slot.empty() && !opt->repeatable)
      throw Failure(kExitUsage, "option '--" + std::string(opt->name) + "' given more than once");
    slot.push_back(std::move(value));
  }
  if (*wants_help || *wants_version) return args;
  if (args.positional.size() < spec.min_positional) throw Failure(kExitUsage, "missing input file");
  if (args.positional.size() > spec.max_positional)
    throw Failure(kExitUsage, "unexpected argument '" + args.positional[spec.max_positional] + "'");
  return args;
}

std::string help_text(const ToolSpec& spec) {
  std::string out = "Usage: " + std::string(spec.name) + " " + std::string(spec.usage) + "\n";
  out += std::string(spec.summary) + "\n\nOptions:\n";
  std::vector<std::pair<std::string, std::string_view>> rows;
  for (const OptionSpec& o : spec.options) {
    std::string left = o.short_name ? std::string("-") + o.short_name + ", " : "    ";
    left += "--" + std::string(o.name);
    if (!o.metavar.empty()) left += " " + std::string(o.metavar);
    rows.emplace_back(left, o.help);
  }
  rows.emplace_back("-h, --help", "print this help and exit");
  rows.emplace_back("    --version", "print the version and exit");
  size_t width = 0;
  for (const auto& r : rows) width = std::max(width, r.first.size());
  for (const auto& r : rows) {
    out += "  " + r.first + std::string(width - r.first.size() + 2, ' ') + std::string(r.second) + "\n";
  }
  return out;
}

}  // namespace bengal
