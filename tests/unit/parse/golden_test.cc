// Golden cases: tests/testdata/parse/NAME.md is parsed as content/docs/guide/NAME.md and the
// result, printed as text, must equal NAME.out. BENGAL_BLESS=1 rewrites the .out files.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "parse/markdown.h"
#include "parse_test_util.h"
#include "support/fs.h"

namespace bengal {
namespace {

std::string pos_text(SourcePos pos) { return std::to_string(pos.line) + ":" + std::to_string(pos.col); }

std::string describe(const ParsedPage& page, const Diagnostics& diags) {
  std::string out = "== html\n" + testing::flatten(page.body) + "== links\n";
  for (size_t i = 0; i < page.meta.links.size(); ++i) {
    const OutLink& link = page.meta.links[i];
    out += std::string(link.kind == 0 ? "markdown " : "wiki ") + link.target + " " + pos_text(page.body.link_pos.at(i)) +
           (link.auto_text ? " auto" : "") + "\n";
  }
  out += "== headings\n";
  for (size_t i = 0; i < page.meta.headings.size(); ++i) {
    const Heading& h = page.meta.headings[i];
    out += std::to_string(h.level) + " " + h.id + " \"" + h.text + "\" " + pos_text(page.body.heading_pos.at(i)) + "\n";
  }
  out += "== summary\n" + page.meta.summary + "\n== words " + std::to_string(page.body.word_count) + "\n";
  out += "== text\n" + page.text.text + "\n== diagnostics\n";
  for (const Diagnostic& d : diags.items()) out += format_diagnostic(d, "bengal-parse") + "\n";
  return out;
}

TEST(Golden, CasesMatch) {
  std::filesystem::path dir = std::filesystem::path(BENGAL_TESTDATA) / "parse";
  bool bless = std::getenv("BENGAL_BLESS") != nullptr;
  int cases = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".md") continue;
    ++cases;
    std::string name = entry.path().stem().string();
    Diagnostics diags;
    ParseOptions options;
    options.base_path = "/docs/";
    ParsedPage page =
        parse_page(testing::make_page(read_file(entry.path().string()), "docs/guide/" + name + ".md", 1), options, diags);
    std::string actual = describe(page, diags);
    std::string expected_path = (dir / (name + ".out")).string();
    if (bless) write_file_atomic(expected_path, actual);
    EXPECT_EQ(actual, read_file(expected_path)) << "golden case " << name;
  }
  EXPECT_GT(cases, 0);
}

}  // namespace
}  // namespace bengal
