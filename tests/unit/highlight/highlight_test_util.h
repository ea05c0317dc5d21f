#pragma once
// Helpers shared by the highlight tests.
#include <string>
#include <string_view>

#include "highlight/highlight.h"

namespace bengal::highlight::testing {

// The code's tokens written out: each highlighted token as [class:text], plain text as is.
// "[k:def] [nf:f][p:():] [k:pass]\n"
inline std::string spans(std::string_view language, std::string_view code) {
  Tokens tokens;
  tokenize(find_language(language), code, tokens);
  std::string out;
  uint32_t begin = 0;
  for (const Token& token : tokens) {
    std::string_view text = code.substr(begin, token.end - begin);
    if (token.cls == Tok::kText) {
      out += text;
    } else {
      out += '[';
      out += css_class(token.cls);
      out += ':';
      out += text;
      out += ']';
    }
    begin = token.end;
  }
  return out;
}

// The class of the first token that holds `needle` entirely, or "?" when none does.
inline std::string class_of(std::string_view language, std::string_view code, std::string_view needle) {
  Tokens tokens;
  tokenize(find_language(language), code, tokens);
  size_t at = code.find(needle);
  uint32_t begin = 0;
  for (const Token& token : tokens) {
    if (begin <= at && at + needle.size() <= token.end) {
      std::string_view cls = css_class(token.cls);
      return cls.empty() ? "-" : std::string(cls);
    }
    begin = token.end;
  }
  return "?";
}

}  // namespace bengal::highlight::testing
