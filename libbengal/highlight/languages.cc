// The language names a fence may use, and tokenizing with the language's lexer.
#include <algorithm>
#include <limits>
#include <stdexcept>

#include "highlight/highlight.h"
#include "highlight/lexers.h"

namespace bengal::highlight {
namespace {

// Each language with the names a fence may give it, the canonical name first.
struct Names {
  Language language;
  std::string_view names;  // space-separated, lower case
};

constexpr Names kLanguages[] = {
    {{"python", lex_python}, "python py python3 py3"},
    {{"bash", lex_bash}, "bash sh shell zsh ksh"},
    {{"console", lex_console}, "console shell-session"},
    {{"c", lex_c}, "c h"},
    {{"cpp", lex_cpp}, "cpp c++ cxx cc hpp"},
    {{"rust", lex_rust}, "rust rs"},
    {{"go", lex_go}, "go golang"},
    {{"javascript", lex_javascript}, "javascript js mjs cjs"},
    {{"typescript", lex_typescript}, "typescript ts"},
    {{"json", lex_json}, "json"},
    {{"yaml", lex_yaml}, "yaml yml"},
    {{"toml", lex_toml}, "toml"},
    {{"ini", lex_ini}, "ini cfg conf dosini"},
    {{"html", lex_html}, "html htm xhtml"},
    {{"xml", lex_xml}, "xml svg"},
    {{"css", lex_css}, "css"},
    {{"sql", lex_sql}, "sql"},
    {{"diff", lex_diff}, "diff patch udiff"},
    {{"markdown", lex_markdown}, "markdown md"},
    {{"dockerfile", lex_dockerfile}, "dockerfile docker"},
    {{"text", nullptr}, "text txt plain plaintext none"},
};

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char c = a[i] >= 'A' && a[i] <= 'Z' ? static_cast<char>(a[i] + ('a' - 'A')) : a[i];
    if (c != b[i]) return false;
  }
  return true;
}

}  // namespace

const Language* find_language(std::string_view name) {
  for (const Names& entry : kLanguages) {
    for (std::string_view names = entry.names; !names.empty();) {
      size_t space = std::min(names.find(' '), names.size());
      if (equals_ignoring_case(name, names.substr(0, space))) return &entry.language;
      names.remove_prefix(std::min(space + 1, names.size()));
    }
  }
  return nullptr;
}

void tokenize(const Language* language, std::string_view code, Tokens& out) {
  if (code.size() >= std::numeric_limits<uint32_t>::max()) throw std::length_error("code block of 4 GiB or more");
  out.clear();
  Scanner s(code, out);
  if (language != nullptr && language->lex != nullptr) language->lex(s);
  s.seek(code.size());
  s.emit(Tok::kText);  // whatever a lexer left: tokens must cover the whole text
}

}  // namespace bengal::highlight
