// bengal-highlight-dump: prints the tokens Bengal's lexers give each file, for the
// differential test against Pygments (run_diff.py).
//
//   bengal-highlight-dump LANGUAGE FILE [LANGUAGE FILE ...]
//
// For each file: a line "== FILE", then one line per token, "BEGIN END CLASS" (byte offsets,
// the Pygments short class name, "-" for plain text).
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "highlight/highlight.h"

namespace hl = bengal::highlight;

int main(int argc, char** argv) {
  if (argc < 3 || argc % 2 == 0) {
    std::fprintf(stderr, "usage: bengal-highlight-dump LANGUAGE FILE [LANGUAGE FILE ...]\n");
    return 2;
  }
  hl::Tokens tokens;
  std::string out;
  for (int i = 1; i + 1 < argc; i += 2) {
    const hl::Language* language = hl::find_language(argv[i]);
    if (language == nullptr) {
      std::fprintf(stderr, "bengal-highlight-dump: error: no lexer for '%s'\n", argv[i]);
      return 2;
    }
    std::ifstream in(argv[i + 1], std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "bengal-highlight-dump: error: %s: cannot read\n", argv[i + 1]);
      return 4;
    }
    std::stringstream buffer;
    buffer << in.rdbuf();
    std::string code = buffer.str();
    hl::tokenize(language, code, tokens);
    out += "== ";
    out += argv[i + 1];
    out += '\n';
    uint32_t begin = 0;
    for (const hl::Token& token : tokens) {
      std::string_view cls = hl::css_class(token.cls);
      out +=
          std::to_string(begin) + ' ' + std::to_string(token.end) + ' ' + std::string(cls.empty() ? "-" : cls) + '\n';
      begin = token.end;
    }
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}
