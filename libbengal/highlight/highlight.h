#pragma once
// Server-side syntax highlighting of fenced code blocks: hand-written lexers (no regular
// expressions) that emit Pygments' token classes, and the HTML for a highlighted block.
//
// LANGUAGES (names are case-insensitive; aliases after the slash; the table is in languages.cc)
//   python/py/python3/py3  bash/sh/shell/zsh/ksh  console/shell-session  c/h  cpp/c++/cxx/cc/hpp
//   rust/rs  go/golang  javascript/js/mjs/cjs  typescript/ts  json  yaml/yml  toml
//   ini/cfg/conf/dosini  html/htm/xhtml  xml/svg  css  sql  diff/patch/udiff  markdown/md
//   dockerfile/docker  text/txt/plain/plaintext/none (plain text)
// Any other language is shown as escaped plain text, in the same markup. In a console
// session, lines after a "$ ", "# " or "user@host:dir$ " prompt are shell commands and the
// other lines output. Markdown highlights its fenced blocks in their own language.
//
// The lexers follow Pygments' rules closely enough that Pygments' style sheets colour their
// output as they colour Pygments' own (tests/highlight_diff checks this token by token).
//
// OUTPUT
//   <div class="highlight" data-lang="python">          data-lang: the canonical name, or the word as written
//   <div class="code-title">app.py</div>                 only with a title
//   <pre><code class="language-py">…</code></pre>        language-: the word as written (as cmark writes it)
//   </div>
// Inside <code>, a highlighted token is <span class="CLASS">text</span> with Pygments' short
// class names (k, kt, nf, s2, c1, mi, o, p, gp, ...: see token.h); plain names and white space
// are bare text. All text is HTML-escaped (& < >). Without line options the tokens follow one
// another with no per-line markup. With line numbers or highlighted lines, each line is
// complete on its own (a token that spans lines is closed and reopened) and:
//   - a highlighted line is    <span class="hll">…\n</span>
//   - a line number is         <span class="ln">N</span>, first inside the line (inside hll)
// Line numbers start at linenostart; hl_lines count from the block's first line, whatever
// linenostart says (as Pygments does).
//
// Names (identifiers) that Pygments marks as Name or Name.Other carry no span: every stock
// Pygments style leaves them in the text colour, and they are the most common token.
#include <string>
#include <string_view>

#include "highlight/fence_info.h"
#include "highlight/token.h"

namespace bengal::highlight {

class Scanner;

struct Language {
  std::string_view name;    // canonical: "python", "cpp", "text"
  void (*lex)(Scanner& s);  // nullptr for plain text
};

// The language a fence names, or nullptr when Bengal has no lexer for it.
const Language* find_language(std::string_view name);

// The tokens of `code` (which must be shorter than 4 GiB). Plain text when `language` is null.
void tokenize(const Language* language, std::string_view code, Tokens& out);

// Appends the highlighted block (see OUTPUT) for `code`, the block's text as cmark gives it
// (every line ending in '\n').
void render_code_block(std::string_view code, const CodeOptions& options, std::string& out);

// The tokens as HTML spans, for callers that write their own wrapper.
void append_token_html(std::string_view code, const Tokens& tokens, std::string& out);
void append_token_html_lines(std::string_view code, const Tokens& tokens, const CodeOptions& options, std::string& out);

// Appends `text` with & < > escaped: enough for text content, not for attribute values.
void append_escaped_text(std::string& out, std::string_view text);

}  // namespace bengal::highlight
