#pragma once
// The lexers, one entry point each. A lexer reads from the scanner's position to its end and
// emits every byte (Scanner's class comment shows how); languages.cc maps names to them.
#include "highlight/scanner.h"

namespace bengal::highlight {

void lex_python(Scanner& s);
void lex_bash(Scanner& s);
void lex_console(Scanner& s);  // shell sessions: "$ " prompts, commands, output
void lex_c(Scanner& s);
void lex_cpp(Scanner& s);
void lex_rust(Scanner& s);
void lex_go(Scanner& s);
void lex_javascript(Scanner& s);
void lex_typescript(Scanner& s);
void lex_json(Scanner& s);
void lex_yaml(Scanner& s);
void lex_toml(Scanner& s);
void lex_ini(Scanner& s);
void lex_html(Scanner& s);
void lex_xml(Scanner& s);
void lex_css(Scanner& s);
void lex_sql(Scanner& s);
void lex_diff(Scanner& s);
void lex_markdown(Scanner& s);
void lex_dockerfile(Scanner& s);

}  // namespace bengal::highlight
