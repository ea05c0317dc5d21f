// SQL (ANSI, with the words PostgreSQL, MySQL and SQLite scripts commonly use): keywords
// and types in any case, strings with '' escapes, "quoted" identifiers, comments.
#include "highlight/lexers.h"

namespace bengal::highlight {
namespace {

const WordTable& sql_words() {
  static const WordTable table(
      {
          {Tok::kKeyword,
           "abort absolute action add admin after aggregate alias all allocate alter analyse analyze and any are "
           "as asc assertion at authorization avg backward before begin between bit_length both by cache call "
           "called cascade cascaded case cast catalog chain char_length character_length check checkpoint class "
           "close cluster coalesce collate collation column comment commit committed concurrently connect "
           "connection constraint constraints continue conversion convert copy count create cross cube current "
           "current_date current_role current_time current_timestamp current_user cursor cycle data database day "
           "deallocate declare default defaults deferrable deferred definer delete delimiter desc describe "
           "distinct do domain drop each else elsif encoding encrypted end escape every except exception "
           "exclusive exec execute exists explain extension external extract false fetch first for force "
           "foreign forward found from full function functions global go goto grant granted group grouping "
           "handler having hold hour identity if ilike immediate immutable in including increment index "
           "inherits initially inner inout input insensitive insert instead intersect into invoker is isnull "
           "isolation join key language large last lateral leading left length level like limit listen load "
           "local localtime localtimestamp location lock lower match max min minute minvalue mode month move "
           "names national natural next no none not nothing notify notnull null nullif nulls octet_length of "
           "off offset oids old on only operator option options or order out outer over overlaps overlay owner "
           "partial partition password placing position precision prepare preserve primary prior privileges "
           "procedural procedure public read recursive ref references referencing reindex relative rename "
           "repeatable replace reset restart restrict return returning returns revoke right role rollback "
           "rollup routine row rows rule savepoint schema scroll search second security select sequence "
           "serializable session session_user set setof share show similar simple some stable start statement "
           "statistics stdin stdout storage strict substring sum symmetric system table tablespace temp template "
           "temporary then time timestamp to trailing transaction treat trigger trim true truncate trusted type "
           "unbounded uncommitted union unique unknown unlisten until update upper usage user using vacuum valid "
           "validator value values variadic verbose version view volatile when where while window with within "
           "without work write year zone"},
          {Tok::kNameBuiltin,
           "array bigint binary bit blob boolean char character date dec decimal float int integer interval "
           "number numeric real serial smallint varchar varying int8 serial8 text"},
      },
      /*ignore_case=*/true);
  return table;
}

// 'it''s' is a string; "quoted identifier" a symbol. Both may span lines.
void quoted(Scanner& s, char quote) {
  size_t start = s.pos();
  s.advance();
  for (;;) {
    s.skip_until(CharSet(quote == '"' ? "\"" : "'"));
    if (s.done()) {
      s.seek(start);
      return s.emit_next(1, Tok::kError);
    }
    s.advance();
    if (s.peek() != quote) break;
    s.advance();  // a doubled quote
  }
  s.emit(quote == '"' ? Tok::kStringSymbol : Tok::kStringSingle);
}

void sql_token(Scanner& s) {
  char c = s.peek();
  if (kSpaces.has(c)) {
    s.skip_spaces();
  } else if (s.at("--")) {
    s.skip_line();
    s.emit(Tok::kCommentSingle);
  } else if (s.at("/*")) {
    s.advance(2);
    for (int depth = 1; depth > 0 && !s.done();) {  // comments nest
      if (s.take("/*")) ++depth;
      else if (s.take("*/")) --depth;
      else s.advance();
    }
    s.emit(Tok::kCommentMultiline);
  } else if (kLetters.has(c) || c == '_') {
    std::string_view word = s.take_word(kLetters | "_", kIdentChars | "$");
    s.emit(sql_words().find(word));
  } else if (kDigits.has(c)) {
    s.skip(kDigits);  // 1.5 is a number, a '.' and a number
    s.emit(Tok::kNumberInteger);
  } else if (c == '\'' || c == '"') {
    quoted(s, c);
  } else if (CharSet("+*/<>=~!@#%^&|`?-").has(c)) {
    s.emit_next(1, Tok::kOperator);
  } else {
    s.emit_next(1, CharSet(";:()[],.").has(c) ? Tok::kPunctuation : Tok::kError);
  }
}

}  // namespace

void lex_sql(Scanner& s) {
  while (!s.done()) sql_token(s);
}

}  // namespace bengal::highlight
