#include "parse/wiki.h"

#include <algorithm>

#include "support/text.h"

namespace bengal {
namespace {

class OpenerFinder {
 public:
  OpenerFinder(std::string_view text, std::span<const size_t> escaped) : text_(text), escaped_(escaped) {}

  bool plain(size_t offset) const { return !std::binary_search(escaped_.begin(), escaped_.end(), offset); }

  // The next "[[" at or after `from` made of plain brackets; for "[[[x]]" the last two.
  size_t next(size_t from) const {
    for (size_t at = text_.find("[[", from); at != std::string_view::npos; at = text_.find("[[", at + 1)) {
      if (!plain(at) || !plain(at + 1)) continue;
      while (at + 2 < text_.size() && text_[at + 2] == '[' && plain(at + 2)) ++at;
      return at;
    }
    return std::string_view::npos;
  }

 private:
  std::string_view text_;
  std::span<const size_t> escaped_;
};

WikiRef split_ref(std::string_view text, size_t open, size_t close) {
  std::string_view inner = text.substr(open + 2, close - open - 2);
  size_t bar = inner.find('|');
  WikiRef ref{open, close + 2, trim(inner.substr(0, bar)), {}};
  if (bar != std::string_view::npos) ref.text = trim(inner.substr(bar + 1));
  return ref;
}

}  // namespace

WikiScan scan_wiki_refs(std::string_view text, std::span<const size_t> escaped) {
  WikiScan scan;
  OpenerFinder openers(text, escaped);
  size_t open = openers.next(0);
  while (open != std::string_view::npos) {
    size_t close = text.find("]]", open + 2);
    size_t following = openers.next(open + 2);
    if (close == std::string_view::npos || following < close) {
      scan.problems.push_back({open, WikiProblemKind::kUnclosed});
      open = following;
      continue;
    }
    WikiRef ref = split_ref(text, open, close);
    if (ref.target.empty()) scan.problems.push_back({open, WikiProblemKind::kEmptyTarget});
    else scan.refs.push_back(ref);
    open = openers.next(close + 2);
  }
  return scan;
}

}  // namespace bengal
