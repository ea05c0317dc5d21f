// JSON front matter: a JSON object at the very start of the page, then the body. A small
// scanner finds where the object ends (skipping strings, so braces inside them do not count)
// and where each top-level value starts; nlohmann::json then parses exactly that object.
#include <string>

#include "scan/entries.h"
#include "support/text.h"

namespace bengal {
namespace {

struct TopLevelKey {
  size_t key_begin = 0;  // the opening quote
  size_t key_end = 0;    // just past the closing quote
  size_t value_begin = std::string_view::npos;
};

struct ObjectExtent {
  size_t end = std::string_view::npos;  // just past the matching '}', npos when never closed
  size_t too_deep_at = std::string_view::npos;
  std::vector<TopLevelKey> keys;
};

// Index of the quote that closes the string opening at `open`, or npos.
size_t skip_string(std::string_view text, size_t open) {
  for (size_t i = open + 1; i < text.size(); ++i) {
    if (text[i] == '\\') ++i;
    else if (text[i] == '"') return i;
  }
  return std::string_view::npos;
}

class ObjectScanner {
 public:
  explicit ObjectScanner(std::string_view text) : text_(text) {}

  ObjectExtent scan() {
    for (size_t i = 0; i < text_.size(); ++i) {
      char c = text_[i];
      if (c == ' ' || c == '\t' || c == '\n') continue;
      if (c == '"') {
        size_t close = skip_string(text_, i);
        if (close == std::string_view::npos) break;
        on_string(i, close + 1);
        i = close;
        continue;
      }
      if (depth_ == 1 && expect_ == Expect::kValue) note_value(i);
      if (!on_punctuation(c, i)) break;
    }
    return std::move(extent_);
  }

 private:
  enum class Expect { kKey, kColon, kValue, kNothing };

  void on_string(size_t begin, size_t end) {
    if (depth_ != 1) return;
    if (expect_ == Expect::kKey) {
      extent_.keys.push_back({begin, end});
      expect_ = Expect::kColon;
    } else if (expect_ == Expect::kValue) {
      note_value(begin);
    }
  }

  void note_value(size_t at) {
    if (!extent_.keys.empty()) extent_.keys.back().value_begin = at;
    expect_ = Expect::kNothing;
  }

  // Returns false once the scan is over (object closed, or nested too deeply).
  bool on_punctuation(char c, size_t i) {
    switch (c) {
      case '{':
      case '[':
        if (++depth_ > kMaxFrontMatterNesting) {
          extent_.too_deep_at = i;
          return false;
        }
        break;
      case '}':
      case ']':
        if (--depth_ == 0) {
          extent_.end = i + 1;
          return false;
        }
        break;
      case ':':
        if (depth_ == 1 && expect_ == Expect::kColon) expect_ = Expect::kValue;
        break;
      case ',':
        if (depth_ == 1) expect_ = Expect::kKey;
        break;
    }
    return true;
  }

  std::string_view text_;
  ObjectExtent extent_;
  int depth_ = 0;
  Expect expect_ = Expect::kKey;
};

SourceLoc loc_at(std::string_view text, const std::string& file, size_t offset) {
  LineCol lc = line_col_at(text, offset);
  return {file, lc.line, lc.col};
}

// nlohmann's what() starts "[json.exception.parse_error.101] parse error at line 1, column 9: ";
// the position is reported separately, so keep what follows.
std::string parser_message(const nlohmann::json::parse_error& e) {
  std::string what = e.what();
  size_t colon = what.find(": ", what.find("column"));
  return colon == std::string::npos ? what : what.substr(colon + 2);
}

std::optional<nlohmann::json> parse_object(std::string_view text, size_t end, const std::string& file,
                                           Diagnostics& diags) {
  try {
    return nlohmann::json::parse(text.substr(0, end));
  } catch (const nlohmann::json::parse_error& e) {
    size_t offset = e.byte > 0 ? std::min<size_t>(e.byte - 1, end) : 0;
    diags.error(loc_at(text, file, offset), "invalid JSON front matter: " + parser_message(e));
  }
  return std::nullopt;
}

}  // namespace

std::optional<size_t> read_json_entries(std::string_view text, const std::string& file, FrontMatterEntries& out,
                                        Diagnostics& diags) {
  ObjectExtent extent = ObjectScanner(text).scan();
  if (extent.too_deep_at != std::string_view::npos) {
    diags.error(loc_at(text, file, extent.too_deep_at), "front matter nested too deeply (more than 256 levels)");
    return std::nullopt;
  }
  if (extent.end == std::string_view::npos) {
    diags.error({file, 1, 1}, "front matter opened here is never closed (no matching '}')");
    return std::nullopt;
  }
  std::optional<nlohmann::json> object = parse_object(text, extent.end, file, diags);
  if (!object) return std::nullopt;
  for (const TopLevelKey& k : extent.keys) {
    FrontMatterEntry e;
    // The parse above succeeded, so each key token is a valid JSON string.
    e.key = nlohmann::json::parse(text.substr(k.key_begin, k.key_end - k.key_begin)).get<std::string>();
    e.value = (*object)[e.key];
    LineCol lc = line_col_at(text, k.value_begin == std::string_view::npos ? k.key_begin : k.value_begin);
    e.pos = {lc.line, lc.col};
    out.push_back(std::move(e));
  }
  return extent.end;
}

}  // namespace bengal
