#include "highlight/fence_info.h"

#include <gtest/gtest.h>

namespace bengal::highlight {
namespace {

struct Parsed {
  CodeOptions options;
  std::optional<InfoError> error;
};

Parsed parse(std::string_view info) {
  Parsed p;
  p.error = parse_info_string(info, p.options);
  return p;
}

std::vector<std::pair<uint32_t, uint32_t>> ranges(const CodeOptions& options) {
  std::vector<std::pair<uint32_t, uint32_t>> out;
  for (LineRange r : options.hl_lines) out.emplace_back(r.first, r.last);
  return out;
}

using Ranges = std::vector<std::pair<uint32_t, uint32_t>>;

TEST(FenceInfo, LanguageAlone) {
  Parsed p = parse("python");
  ASSERT_FALSE(p.error);
  EXPECT_EQ(p.options.language, "python");
  EXPECT_FALSE(p.options.has_line_options());
  EXPECT_EQ(p.options.linenostart, 1u);
  EXPECT_EQ(p.options.title, "");
}

TEST(FenceInfo, BraceGroupOfLineNumbers) {
  Parsed p = parse("python {2,4-5}");
  ASSERT_FALSE(p.error);
  EXPECT_EQ(ranges(p.options), (Ranges{{2, 2}, {4, 5}}));
  Parsed glued = parse("python{7}");
  ASSERT_FALSE(glued.error);
  EXPECT_EQ(glued.options.language, "python");
  EXPECT_EQ(ranges(glued.options), (Ranges{{7, 7}}));
}

TEST(FenceInfo, KeyValueGroup) {
  Parsed p = parse("python {hl_lines=\"2-4\" linenos=true title=\"app.py\"}");
  ASSERT_FALSE(p.error) << p.error->message;
  EXPECT_EQ(ranges(p.options), (Ranges{{2, 4}}));
  EXPECT_TRUE(p.options.linenos);
  EXPECT_EQ(p.options.title, "app.py");
}

TEST(FenceInfo, BareOptionsCommasAndSingleQuotes) {
  Parsed p = parse("js title='a b.js', linenostart=10 linenos hl_lines=\"3 1\"");
  ASSERT_FALSE(p.error) << p.error->message;
  EXPECT_EQ(p.options.title, "a b.js");
  EXPECT_EQ(p.options.linenostart, 10u);
  EXPECT_TRUE(p.options.linenos);
  EXPECT_EQ(ranges(p.options), (Ranges{{1, 1}, {3, 3}}));  // sorted
}

TEST(FenceInfo, HugoLinenosValuesMeanTrue) {
  EXPECT_TRUE(parse("go {linenos=table}").options.linenos);
  EXPECT_TRUE(parse("go {linenos=inline}").options.linenos);
  EXPECT_FALSE(parse("go {linenos=false}").options.linenos);
}

TEST(FenceInfo, HighlightsCoversRanges) {
  Parsed p = parse("c {1,3-4,9}");
  std::vector<bool> lit;
  for (uint32_t line = 1; line <= 10; ++line) lit.push_back(p.options.highlights(line));
  EXPECT_EQ(lit, (std::vector<bool>{true, false, true, true, false, false, false, false, true, false}));
}

TEST(FenceInfo, ErrorsPointAtTheProblem) {
  struct Case {
    std::string_view info;
    size_t offset;
    std::string_view message;
  };
  const Case cases[] = {
      {"python {hl_lines=\"x\"}", 18, "hl_lines: 'x' is not a line number or range (like 3 or 2-4)"},
      {"python {hl_lines=\"2,5-3\"}", 20, "hl_lines: '5-3' is not a line number or range (like 3 or 2-4)"},
      {"python {2,0}", 10, "hl_lines: '0' is not a line number or range (like 3 or 2-4)"},
      {"python {hl_lines=\"\"}", 18, "hl_lines: no line numbers given"},
      {"python {linenos=yes}", 16, "linenos: expected true or false, found 'yes'"},
      {"python linenostart=-1", 19, "linenostart: expected a whole number from 1, found '-1'"},
      {"python {hl_line=\"2\"}", 8, "unknown code block option 'hl_line' (did you mean 'hl_lines'?)"},
      {"python {title=\"x}", 14, "unclosed \" in the code block's options"},
      {"python {2,4", 7, "unclosed '{' in the code block's options"},
      {"python app.py", 7, "expected key=value in the code block's options, found 'app.py'"},
  };
  for (const Case& c : cases) {
    Parsed p = parse(c.info);
    ASSERT_TRUE(p.error) << c.info;
    EXPECT_EQ(p.error->offset, c.offset) << c.info;
    EXPECT_EQ(p.error->message, c.message) << c.info;
  }
}

TEST(FenceInfo, DirectivesAreNotLanguages) {
  EXPECT_TRUE(is_directive_info("{note}"));
  EXPECT_TRUE(is_directive_info("  {code-block} python"));
  EXPECT_FALSE(is_directive_info("python {1}"));
  EXPECT_FALSE(is_directive_info(""));
}

TEST(FenceInfo, LineOptionsPastTheEndAreReported) {
  Parsed p = parse("py {2-5}");
  EXPECT_EQ(line_options_problem(p.options, "a\nb\nc\n"), "hl_lines: line 5 is past the end of the 3-line code block");
  EXPECT_EQ(line_options_problem(p.options, "1\n2\n3\n4\n5\n"), std::nullopt);
  EXPECT_EQ(line_options_problem(parse("py").options, ""), std::nullopt);
}

}  // namespace
}  // namespace bengal::highlight
