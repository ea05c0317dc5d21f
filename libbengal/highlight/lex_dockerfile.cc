// Dockerfiles: instructions are keywords; their arguments are shell commands (RUN, ENV,
// ...), JSON arrays (CMD ["a", "b"]) or plain strings (WORKDIR, EXPOSE, ...).
#include "highlight/lexers.h"

namespace bengal::highlight {
namespace {

// How an instruction's arguments read.
enum class Arguments { kNone, kShell, kString, kImage, kPrefix, kHealthcheck };

struct Instruction {
  std::string_view name;  // upper case; matched in any case
  Arguments arguments;
  bool json_form;  // CMD ["a", "b"]
};

constexpr Instruction kInstructions[] = {
    {"FROM", Arguments::kImage, false},
    {"ONBUILD", Arguments::kPrefix, false},
    {"HEALTHCHECK", Arguments::kHealthcheck, false},
    {"VOLUME", Arguments::kString, true},
    {"ENTRYPOINT", Arguments::kShell, true},
    {"CMD", Arguments::kShell, true},
    {"SHELL", Arguments::kNone, true},
    {"LABEL", Arguments::kShell, false},
    {"ENV", Arguments::kShell, false},
    {"ARG", Arguments::kShell, false},
    {"MAINTAINER", Arguments::kString, false},
    {"EXPOSE", Arguments::kString, false},
    {"WORKDIR", Arguments::kString, false},
    {"USER", Arguments::kString, false},
    {"STOPSIGNAL", Arguments::kString, false},
    {"RUN", Arguments::kShell, false},
    {"ADD", Arguments::kShell, false},
    {"COPY", Arguments::kShell, false},
};

bool starts_with_ignoring_case(std::string_view text, std::string_view upper) {
  if (text.size() < upper.size()) return false;
  for (size_t i = 0; i < upper.size(); ++i) {
    char c = text[i] >= 'a' && text[i] <= 'z' ? static_cast<char>(text[i] - ('a' - 'A')) : text[i];
    if (c != upper[i]) return false;
  }
  return true;
}

class DockerfileLexer {
 public:
  explicit DockerfileLexer(Scanner& s) : s_(s) {}

  void run() {
    while (!s_.done()) {
      if (s_.at_any(kSpaces)) {
        s_.skip_spaces();
      } else if (s_.at("#")) {
        s_.skip_line();
        s_.emit(Tok::kComment);
      } else if (!instruction()) {
        shell_command();
      }
    }
  }

 private:
  const Instruction* find_instruction() const {
    std::string_view rest = s_.rest();
    for (const Instruction& instruction : kInstructions) {
      if (!starts_with_ignoring_case(rest, instruction.name)) continue;
      char after = rest.size() > instruction.name.size() ? rest[instruction.name.size()] : '\0';
      if (kSpaces.has(after) && after != '\0') return &instruction;
    }
    return nullptr;
  }

  bool instruction() {
    const Instruction* instruction = find_instruction();
    if (instruction == nullptr) return false;
    bool json = instruction->json_form && json_array_follows(instruction->name.size());
    if (instruction->arguments == Arguments::kNone && !json) return false;  // a bare SHELL is a command
    s_.emit_next(instruction->name.size(), Tok::kKeyword);
    s_.skip_blanks();
    if (json) {
      s_.embed(lex_json, s_.pos() + s_.rest().find(']') + 1);
      return true;
    }
    switch (instruction->arguments) {
      case Arguments::kImage: image(); break;
      case Arguments::kString:
        s_.skip_line();
        s_.emit(Tok::kString);
        break;
      case Arguments::kHealthcheck: options(); break;
      case Arguments::kShell: shell_command(); break;
      case Arguments::kPrefix:  // another instruction follows
      case Arguments::kNone: break;
    }
    return true;
  }

  // ["executable", "argument"] on one line, after the instruction's name and blanks.
  bool json_array_follows(size_t name_length) const {
    std::string_view rest = s_.rest().substr(name_length);
    std::string_view line = rest.substr(0, rest.find('\n'));
    size_t open = line.find_first_not_of(" \t");
    return open != std::string_view::npos && line[open] == '[' && line.find(']', open) != std::string_view::npos;
  }

  // FROM image [AS name]
  void image() {
    s_.skip_until(kSpaces);
    s_.emit(Tok::kString);
    s_.skip_blanks();
    if (!starts_with_ignoring_case(s_.rest(), "AS") || !kBlanks.has(s_.peek(2))) return;
    s_.emit_next(2, Tok::kKeyword);
    s_.skip_blanks();
    s_.skip_until(kSpaces);
    s_.emit(Tok::kString);
  }

  // HEALTHCHECK --interval=30s --timeout=3s CMD ...: the options as shell words.
  void options() {
    size_t start = s_.pos();
    for (;;) {
      size_t at = s_.pos();
      s_.skip(kBlanks);
      if (!s_.take("--") || s_.skip(kIdentChars) == 0 || !s_.take('=') || s_.skip(kIdentChars) == 0) {
        s_.seek(at);
        break;
      }
    }
    size_t end = s_.pos();
    s_.seek(start);
    if (end > start) s_.embed(lex_bash, end);
  }

  // A shell command, through the lines that a trailing '\' continues.
  void shell_command() {
    size_t end = s_.pos();
    std::string_view text = s_.text();
    for (;;) {
      size_t nl = text.find('\n', end);
      if (nl == std::string_view::npos || nl >= s_.end()) {
        end = s_.end();
        break;
      }
      end = nl;
      if (nl == 0 || text[nl - 1] != '\\') break;
      ++end;
    }
    s_.embed(lex_bash, end);
  }

  Scanner& s_;
};

}  // namespace

void lex_dockerfile(Scanner& s) { DockerfileLexer(s).run(); }

}  // namespace bengal::highlight
