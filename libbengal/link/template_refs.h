#pragma once
// ref("path") calls in templates. A render shard cannot look pages up (it never reads a
// table of the whole site), so bengal-link finds every literal ref("...") in the site's
// templates, resolves it like a [[reference]], and hands the answers to every shard in the
// small site file. A broken one is an error at the template's line and column.
#include <string>
#include <string_view>
#include <vector>

#include "support/diagnostics.h"

namespace bengal {

struct TemplateRef {
  std::string path;  // as written in the template
  SourceLoc loc;     // the template file, line and column of the path's opening quote
};

// Every ref("...") or ref('...') with a literal argument in `text`.
std::vector<TemplateRef> find_template_refs(std::string_view text, const std::string& file);

// The refs of every file under the given template folders (missing folders are skipped).
std::vector<TemplateRef> find_template_refs_in(const std::vector<std::string>& folders);

}  // namespace bengal
