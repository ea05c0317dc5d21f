// The HTML of highlighted code: spans named by Pygments' classes, and the block around them.
#include <array>
#include <charconv>

#include "highlight/highlight.h"
#include "support/text.h"

namespace bengal::highlight {
namespace {

constexpr std::array<bool, 256> kNeedsEscape = [] {
  std::array<bool, 256> table{};
  table['&'] = table['<'] = table['>'] = true;
  return table;
}();

void open_span(std::string& out, std::string_view cls) {
  out += "<span class=\"";
  out += cls;
  out += "\">";
}

void append_token(std::string& out, Tok cls, std::string_view text) {
  if (cls == Tok::kText) return append_escaped_text(out, text);
  open_span(out, css_class(cls));
  append_escaped_text(out, text);
  out += "</span>";
}

// Writes the tokens line by line, so each line can carry its number and highlight.
class LineWriter {
 public:
  LineWriter(const CodeOptions& options, std::string& out) : options_(options), out_(out) {}

  void token(Tok cls, std::string_view text) {
    while (!text.empty()) {
      if (!in_line_) open_line();
      size_t nl = text.find('\n');
      append_token(out_, cls, text.substr(0, nl));
      if (nl == std::string_view::npos) return;
      close_line();
      text.remove_prefix(nl + 1);
    }
  }
  void finish() {
    if (in_line_ && highlighted_) out_ += "</span>";
  }

 private:
  void open_line() {
    ++line_;
    in_line_ = true;
    highlighted_ = options_.highlights(line_);
    if (highlighted_) open_span(out_, "hll");
    if (!options_.linenos) return;
    char digits[12];
    auto [end, ec] = std::to_chars(digits, digits + sizeof digits, options_.linenostart + line_ - 1);
    open_span(out_, "ln");
    out_.append(digits, end);
    out_ += "</span>";
  }
  void close_line() {
    out_ += '\n';
    if (highlighted_) out_ += "</span>";
    in_line_ = false;
  }

  const CodeOptions& options_;
  std::string& out_;
  uint32_t line_ = 0;
  bool in_line_ = false;
  bool highlighted_ = false;
};

}  // namespace

void append_escaped_text(std::string& out, std::string_view text) {
  size_t run = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (!kNeedsEscape[static_cast<unsigned char>(c)]) continue;
    out.append(text.data() + run, i - run);
    out += c == '&' ? "&amp;" : c == '<' ? "&lt;" : "&gt;";
    run = i + 1;
  }
  out.append(text.data() + run, text.size() - run);
}

void append_token_html(std::string_view code, const Tokens& tokens, std::string& out) {
  uint32_t begin = 0;
  for (const Token& token : tokens) {
    append_token(out, token.cls, code.substr(begin, token.end - begin));
    begin = token.end;
  }
}

void append_token_html_lines(std::string_view code, const Tokens& tokens, const CodeOptions& options,
                             std::string& out) {
  LineWriter writer(options, out);
  uint32_t begin = 0;
  for (const Token& token : tokens) {
    writer.token(token.cls, code.substr(begin, token.end - begin));
    begin = token.end;
  }
  writer.finish();
}

void render_code_block(std::string_view code, const CodeOptions& options, std::string& out) {
  const Language* language = find_language(options.language);
  out += "<div class=\"highlight\" data-lang=\"";
  append_html_escaped(out, language != nullptr ? language->name : std::string_view(options.language));
  out += "\">";
  if (!options.title.empty()) {
    out += "<div class=\"code-title\">";
    append_html_escaped(out, options.title);
    out += "</div>";
  }
  out += "<pre><code class=\"language-";
  append_html_escaped(out, options.language);
  out += "\">";
  thread_local Tokens tokens;  // reused: a page has many blocks, a shard many pages
  tokenize(language, code, tokens);
  out.reserve(out.size() + code.size() * 2);
  if (options.has_line_options()) append_token_html_lines(code, tokens, options, out);
  else append_token_html(code, tokens, out);
  out += "</code></pre></div>\n";
}

}  // namespace bengal::highlight
