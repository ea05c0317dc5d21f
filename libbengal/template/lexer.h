#pragma once
// Splits template source into tokens: text, the delimiters of {{ }} and {% %}, and the
// names, literals and operators inside them. Comments vanish here, raw blocks become text,
// and whitespace control ({%- -%}, trim_blocks, lstrip_blocks) is applied, all following
// Jinja's lexer rule for rule. Internal to the template module.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace bengal::tmpl {

enum class Tok : uint8_t {
  kData, kVariableBegin, kVariableEnd, kBlockBegin, kBlockEnd,
  kName, kString, kInteger, kFloat,
  kAdd, kSub, kMul, kDiv, kFloorDiv, kMod, kPow, kTilde,
  kLBracket, kRBracket, kLParen, kRParen, kLBrace, kRBrace,
  kEq, kNe, kGt, kGe, kLt, kLe, kAssign, kDot, kColon, kPipe, kComma, kSemicolon,
  kEof,
};

struct Token {
  Tok type;
  uint32_t offset;        // into the normalized source
  std::string_view text;  // data as it will print; the raw spelling for everything else
};

struct LexOptions {
  bool trim_blocks = true;
  bool lstrip_blocks = true;
};

// Jinja's newline handling before lexing: \r\n and \r become \n, and unless
// keep_trailing_newline one final newline is dropped.
std::string normalize_source(std::string_view source, bool keep_trailing_newline);

// Tokenizes normalized source (views point into it). Throws SyntaxError.
std::vector<Token> tokenize(std::string_view source, const LexOptions& options);

// How a token is named in "expected X, found Y" messages.
std::string describe_token(const Token& token);
std::string describe_tok(Tok type);

}  // namespace bengal::tmpl
