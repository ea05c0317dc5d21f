#pragma once
// /bin/sh words: quoting a word for a command line, and splitting a simple command (or a
// response file) back into words.
#include <string>
#include <string_view>
#include <vector>

namespace bengal {

// Quotes a word for /bin/sh when it holds anything but safe characters.
std::string shell_quote(std::string_view word);

// One word of a /bin/sh command line: its text as written and its value once unquoted.
struct ShellWord {
  std::string raw;
  std::string value;
};
// Splits a simple command (words, single and double quotes, backslashes) into words. A writer
// that must move paths maps the words whose value is a path and keeps the others as written.
std::vector<ShellWord> split_shell_words(std::string_view command);

}  // namespace bengal
