#pragma once
// Wiki references in the text of a paragraph: [[path]], [[path#heading]], [[path|text]],
// [[#heading]]. A reference lies within one run of text (cmark-gfm merges adjacent text
// nodes; emphasis, code or a line break end the run).
#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

namespace bengal {

struct WikiRef {
  size_t begin = 0;  // offset of "[[" in the text
  size_t end = 0;    // offset just past "]]"
  std::string_view target;  // trimmed, without the "|text" part
  std::string_view text;    // trimmed; empty when the page title is to be shown
};

enum class WikiProblemKind { kUnclosed, kEmptyTarget };

struct WikiProblem {
  size_t offset = 0;  // of the "[["
  WikiProblemKind kind = WikiProblemKind::kUnclosed;
};

struct WikiScan {
  std::vector<WikiRef> refs;
  std::vector<WikiProblem> problems;
};

// Finds the references in `text`. `escaped` lists, sorted, the offsets of the '[' that were
// not written as plain brackets ("\[", "&#91;"): they never open a reference.
WikiScan scan_wiki_refs(std::string_view text, std::span<const size_t> escaped = {});

}  // namespace bengal
