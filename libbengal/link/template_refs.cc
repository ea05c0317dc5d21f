#include "link/template_refs.h"

#include "support/fs.h"
#include "support/paths.h"
#include "support/text.h"

namespace bengal {

static bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
}

std::vector<TemplateRef> find_template_refs(std::string_view text, const std::string& file) {
  std::vector<TemplateRef> refs;
  for (size_t at = text.find("ref("); at != std::string_view::npos; at = text.find("ref(", at + 4)) {
    if (at > 0 && is_name_char(text[at - 1])) continue;  // href(, page.ref(: not the function
    size_t i = at + 4;
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
    if (i >= text.size() || (text[i] != '"' && text[i] != '\'')) continue;  // not a literal
    size_t close = text.find(text[i], i + 1);
    if (close == std::string_view::npos) continue;
    LineCol lc = line_col_at(text, i);
    refs.push_back({std::string(text.substr(i + 1, close - i - 1)), {file, lc.line, lc.col}});
  }
  return refs;
}

std::vector<TemplateRef> find_template_refs_in(const std::vector<std::string>& folders) {
  std::vector<TemplateRef> refs;
  for (const std::string& folder : folders) {
    for (const std::string& rel : list_files_recursive(folder)) {
      std::string path = join_path(folder, rel);
      for (TemplateRef& r : find_template_refs(read_file(path), path)) refs.push_back(std::move(r));
    }
  }
  return refs;
}

}  // namespace bengal
