#pragma once
// The token classes Bengal's lexers emit: a subset of Pygments' token types, so that the
// HTML carries Pygments' short CSS class names and any Pygments style sheet colours it.
#include <cstdint>
#include <string_view>
#include <vector>

namespace bengal::highlight {

enum class Tok : uint8_t {
  kText,  // not highlighted: white space, plain names, anything without a class
  kError,
  kKeyword,
  kKeywordConstant,
  kKeywordDeclaration,
  kKeywordNamespace,
  kKeywordPseudo,
  kKeywordReserved,
  kKeywordType,
  kNameAttribute,
  kNameBuiltin,
  kNameBuiltinPseudo,
  kNameClass,
  kNameConstant,
  kNameDecorator,
  kNameEntity,
  kNameException,
  kNameFunction,
  kNameFunctionMagic,
  kNameLabel,
  kNameNamespace,
  kNameProperty,
  kNameTag,
  kNameVariable,
  kNameVariableMagic,
  kLiteral,
  kLiteralDate,
  kString,
  kStringAffix,
  kStringBacktick,
  kStringChar,
  kStringDelimiter,
  kStringDoc,
  kStringDouble,
  kStringEscape,
  kStringHeredoc,
  kStringInterpol,
  kStringOther,
  kStringRegex,
  kStringSingle,
  kStringSymbol,
  kNumber,
  kNumberBin,
  kNumberFloat,
  kNumberHex,
  kNumberInteger,
  kNumberOct,
  kOperator,
  kOperatorWord,
  kPunctuation,
  kComment,
  kCommentHashbang,
  kCommentMultiline,
  kCommentPreproc,
  kCommentPreprocFile,
  kCommentSingle,
  kCommentSpecial,
  kGenericDeleted,
  kGenericEmph,
  kGenericHeading,
  kGenericInserted,
  kGenericOutput,
  kGenericPrompt,
  kGenericStrong,
  kGenericSubheading,
  kGenericTraceback,
  kCount
};

// Pygments' short CSS class ("k", "s2", "nf", ...); "" for kText.
std::string_view css_class(Tok cls);

// A token ends where the next begins: the first starts at offset 0 and the last ends at the
// end of the text, so only the end is stored. Adjacent tokens always differ in class.
struct Token {
  uint32_t end;
  Tok cls;
};
using Tokens = std::vector<Token>;

}  // namespace bengal::highlight
