#include "support/shell.h"

namespace bengal {

std::string shell_quote(std::string_view word) {
  bool safe = !word.empty();
  for (char c : word) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '/' || c == '.' ||
              c == '_' || c == '-' || c == '+' || c == '=' || c == ',' || c == '@' || c == '%';
    safe = safe && ok;
  }
  if (safe) return std::string(word);
  std::string out = "'";
  for (char c : word) {
    if (c == '\'') out += "'\\''";
    else out += c;
  }
  return out + "'";
}

std::vector<ShellWord> split_shell_words(std::string_view command) {
  std::vector<ShellWord> words;
  ShellWord cur;
  bool in_word = false;
  for (size_t i = 0; i < command.size(); ++i) {
    char c = command[i];
    if (c == ' ' || c == '\t' || c == '\n') {
      if (in_word) words.push_back(cur);
      cur = {};
      in_word = false;
      continue;
    }
    in_word = true;
    if (c == '\'') {
      size_t close = command.find('\'', i + 1);
      if (close == std::string::npos) close = command.size();
      cur.raw.append(command.substr(i, close - i + 1));
      cur.value.append(command.substr(i + 1, close - i - 1));
      i = close;
    } else if (c == '"') {
      cur.raw += c;
      for (++i; i < command.size() && command[i] != '"'; ++i) {
        cur.raw += command[i];
        if (command[i] == '\\' && i + 1 < command.size()) cur.raw += command[++i];
        cur.value += command[i];
      }
      cur.raw += '"';
    } else if (c == '\\' && i + 1 < command.size()) {
      cur.raw += c;
      cur.raw += command[++i];
      cur.value += command[i];
    } else {
      cur.raw += c;
      cur.value += c;
    }
  }
  if (in_word) words.push_back(cur);
  return words;
}

}  // namespace bengal
