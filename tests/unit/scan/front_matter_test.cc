#include "scan/front_matter.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace bengal {
namespace {

using testing::formatted;
using testing::pos_of;
using Strings = std::vector<std::string>;

const std::string kFile = "content/a.md";

FrontMatterBlock parse_ok(std::string_view text) {
  Diagnostics diags;
  FrontMatterBlock block = parse_front_matter(text, kFile, diags);
  EXPECT_EQ(formatted(diags), Strings{});
  return block;
}

// The diagnostics of a text, as printed.
Strings problems(std::string_view text) {
  Diagnostics diags;
  parse_front_matter(text, kFile, diags);
  return formatted(diags);
}

// The same page in the three formats: every typed field, one unknown key and a params map
// whose 'author' wins over the top-level one.
constexpr std::string_view kYamlPage =
    "---\n"
    "title: Hello World\n"
    "date: 2024-05-01T10:00:00+02:00\n"
    "lastmod: 2024-05-02\n"
    "draft: true\n"
    "weight: 10\n"
    "slug: hello\n"
    "url: /blog/hello\n"
    "aliases: [/old/hello, /older.html]\n"
    "tags: [c++, tools]\n"
    "categories: news\n"
    "description: \"A page\"\n"
    "summary: Short\n"
    "layout: post\n"
    "author: Ann\n"
    "params:\n"
    "  color: blue\n"
    "  author: Bob\n"
    "---\n"
    "# Body\n";

constexpr std::string_view kTomlPage =
    "+++\n"
    "title = \"Hello World\"\n"
    "date = 2024-05-01T10:00:00+02:00\n"
    "lastmod = 2024-05-02\n"
    "draft = true\n"
    "weight = 10\n"
    "slug = \"hello\"\n"
    "url = \"/blog/hello\"\n"
    "aliases = [\"/old/hello\", \"/older.html\"]\n"
    "tags = [\"c++\", \"tools\"]\n"
    "categories = \"news\"\n"
    "description = \"A page\"\n"
    "summary = \"Short\"\n"
    "layout = \"post\"\n"
    "author = \"Ann\"\n"
    "[params]\n"
    "color = \"blue\"\n"
    "author = \"Bob\"\n"
    "+++\n"
    "# Body\n";

constexpr std::string_view kJsonPage =
    "{\n"
    "  \"title\": \"Hello World\",\n"
    "  \"date\": \"2024-05-01T10:00:00+02:00\",\n"
    "  \"lastmod\": \"2024-05-02\",\n"
    "  \"draft\": true,\n"
    "  \"weight\": 10,\n"
    "  \"slug\": \"hello\",\n"
    "  \"url\": \"/blog/hello\",\n"
    "  \"aliases\": [\"/old/hello\", \"/older.html\"],\n"
    "  \"tags\": [\"c++\", \"tools\"],\n"
    "  \"categories\": \"news\",\n"
    "  \"description\": \"A page\",\n"
    "  \"summary\": \"Short\",\n"
    "  \"layout\": \"post\",\n"
    "  \"author\": \"Ann\",\n"
    "  \"params\": {\"color\": \"blue\", \"author\": \"Bob\"}\n"
    "}\n"
    "# Body\n";

void expect_every_field(const FrontMatterBlock& block, std::string_view text, uint32_t body_line) {
  const FrontMatter& f = block.front;
  EXPECT_EQ(f.title, "Hello World");
  EXPECT_EQ(f.date, "2024-05-01T10:00:00+02:00");
  EXPECT_EQ(f.lastmod, "2024-05-02");
  EXPECT_TRUE(f.draft);
  EXPECT_EQ(f.weight, 10);
  EXPECT_EQ(f.slug, "hello");
  EXPECT_EQ(f.url, "/blog/hello/");
  EXPECT_EQ(f.aliases, (Strings{"/old/hello/", "/older.html"}));
  EXPECT_EQ(f.tags, (Strings{"c++", "tools"}));
  EXPECT_EQ(f.categories, Strings{"news"});
  EXPECT_EQ(f.description, "A page");
  EXPECT_EQ(f.summary, "Short");
  EXPECT_EQ(f.layout, "post");
  EXPECT_EQ(f.params, (nlohmann::json{{"author", "Bob"}, {"color", "blue"}}));
  EXPECT_EQ(text.substr(block.body_offset), "# Body\n");
  EXPECT_EQ(block.body_line, body_line);
}

TEST(FrontMatter, YamlEveryField) {
  FrontMatterBlock block = parse_ok(kYamlPage);
  EXPECT_EQ(block.format, FrontMatterFormat::kYaml);
  expect_every_field(block, kYamlPage, 20);
}

TEST(FrontMatter, TomlEveryField) {
  FrontMatterBlock block = parse_ok(kTomlPage);
  EXPECT_EQ(block.format, FrontMatterFormat::kToml);
  expect_every_field(block, kTomlPage, 20);
}

TEST(FrontMatter, JsonEveryField) {
  FrontMatterBlock block = parse_ok(kJsonPage);
  EXPECT_EQ(block.format, FrontMatterFormat::kJson);
  expect_every_field(block, kJsonPage, 18);
}

TEST(FrontMatter, YamlPositionsAreFileLinesAndColumns) {
  FrontMatter f = parse_ok(kYamlPage).front;
  EXPECT_EQ(pos_of(f, "title"), "2:8");
  EXPECT_EQ(pos_of(f, "date"), "3:7");
  EXPECT_EQ(pos_of(f, "weight"), "6:9");
  EXPECT_EQ(pos_of(f, "aliases"), "9:10");
  EXPECT_EQ(pos_of(f, "layout"), "14:9");
  EXPECT_EQ(pos_of(f, "author"), "15:9");
  EXPECT_EQ(pos_of(f, "params"), "17:3");  // a block map starts at its first key
  EXPECT_EQ(f.positions.size(), 15u);
}

TEST(FrontMatter, TomlPositionsAreFileLinesAndColumns) {
  FrontMatter f = parse_ok(kTomlPage).front;
  EXPECT_EQ(pos_of(f, "title"), "2:9");
  EXPECT_EQ(pos_of(f, "date"), "3:8");
  EXPECT_EQ(pos_of(f, "weight"), "6:10");
  EXPECT_EQ(pos_of(f, "aliases"), "9:11");
  EXPECT_EQ(pos_of(f, "layout"), "14:10");
  EXPECT_EQ(pos_of(f, "author"), "15:10");
  EXPECT_EQ(pos_of(f, "params"), "16:1");  // the [params] header
  EXPECT_EQ(f.positions.size(), 15u);
}

TEST(FrontMatter, JsonPositionsAreFileLinesAndColumns) {
  FrontMatter f = parse_ok(kJsonPage).front;
  EXPECT_EQ(pos_of(f, "title"), "2:12");
  EXPECT_EQ(pos_of(f, "date"), "3:11");
  EXPECT_EQ(pos_of(f, "weight"), "6:13");
  EXPECT_EQ(pos_of(f, "aliases"), "9:14");
  EXPECT_EQ(pos_of(f, "layout"), "14:13");
  EXPECT_EQ(pos_of(f, "author"), "15:13");
  EXPECT_EQ(pos_of(f, "params"), "16:13");
  EXPECT_EQ(f.positions.size(), 15u);
}

TEST(FrontMatter, ColumnsCountBytesAfterMultibyteText) {
  // "é" is two bytes: columns count bytes, as editors' "go to line:column" for UTF-8 does.
  EXPECT_EQ(problems("---\n{é: 1, weight: x}\n---\n"),
            Strings{"content/a.md:2:17: error: 'weight' must be an integer"});
  EXPECT_EQ(problems("---\ntitle: ééé: x\n---\n"),
            Strings{"content/a.md:2:14: error: invalid YAML front matter: illegal map value"});
  EXPECT_EQ(problems("+++\nt = \"ééé\" x\n+++\n"),
            Strings{"content/a.md:2:14: error: invalid TOML front matter: error while parsing key-value pair: "
                    "expected a comment or whitespace, saw 'x'"});
  EXPECT_EQ(problems("{\"é\": 1, \"draft\": 0}\n"),
            Strings{"content/a.md:1:20: error: 'draft' must be true or false"});
}

TEST(FrontMatter, NoFrontMatter) {
  FrontMatterBlock block = parse_ok("# Title\n\ntext\n");
  EXPECT_EQ(block.format, FrontMatterFormat::kNone);
  EXPECT_EQ(block.front.title, "");
  EXPECT_EQ(block.body_offset, 0u);
  EXPECT_EQ(block.body_line, 1u);
}

TEST(FrontMatter, DelimiterMustBeAloneOnItsLine) {
  EXPECT_EQ(detect_front_matter("---  \ntitle: x\n---\n"), FrontMatterFormat::kYaml);
  EXPECT_EQ(detect_front_matter("--- title\n"), FrontMatterFormat::kNone);
  EXPECT_EQ(detect_front_matter("----\n"), FrontMatterFormat::kNone);
  EXPECT_EQ(detect_front_matter("+++\n"), FrontMatterFormat::kToml);
  EXPECT_EQ(detect_front_matter(" {\"a\": 1}\n"), FrontMatterFormat::kNone);
}

TEST(FrontMatter, EmptyBlocksHaveNoFields) {
  FrontMatterBlock yaml = parse_ok("---\n---\nbody");
  EXPECT_EQ(yaml.body_line, 3u);
  EXPECT_EQ(yaml.body_offset, 8u);
  FrontMatterBlock toml = parse_ok("+++\n+++\n");
  EXPECT_EQ(toml.body_offset, 8u);
  FrontMatterBlock json = parse_ok("{}\nbody");
  EXPECT_EQ(json.body_line, 2u);
  EXPECT_EQ(json.body_offset, 3u);
  EXPECT_EQ(json.front.params, nlohmann::json::object());
}

TEST(FrontMatter, ClosingDelimiterAtEndOfFile) {
  FrontMatterBlock block = parse_ok("---\ntitle: x\n---");
  EXPECT_EQ(block.front.title, "x");
  EXPECT_EQ(block.body_offset, 16u);
  EXPECT_EQ(block.body_line, 4u);
}

TEST(FrontMatter, JsonObjectEndsAtItsMatchingBrace) {
  std::string_view text = "{\"title\": \"a } b { c\", \"x\": {\"y\": [\"]\", \"\\\"}\"]}}\n# Body {not json}\n";
  FrontMatterBlock block = parse_ok(text);
  EXPECT_EQ(block.front.title, "a } b { c");
  EXPECT_EQ(block.front.params["x"]["y"], (nlohmann::json{"]", "\"}"}));
  EXPECT_EQ(text.substr(block.body_offset), "# Body {not json}\n");
  EXPECT_EQ(block.body_line, 2u);
}

TEST(FrontMatter, JsonEscapedKeysAreDecoded) {
  FrontMatter f = parse_ok("{\"\\u0074itle\": \"T\"}\n").front;
  EXPECT_EQ(f.title, "T");
  EXPECT_EQ(pos_of(f, "title"), "1:16");
}

TEST(FrontMatter, UnknownKeysAreUserParams) {
  FrontMatter f = parse_ok(
                      "---\n"
                      "author: Ann\n"
                      "count: 3\n"
                      "ratio: 0.5\n"
                      "flag: false\n"
                      "quoted: \"3\"\n"
                      "empty:\n"
                      "list: [1, two]\n"
                      "cascade: {layout: doc}\n"
                      "---\n")
                      .front;
  nlohmann::json expected = {{"author", "Ann"}, {"count", 3},          {"ratio", 0.5},
                             {"flag", false},   {"quoted", "3"},       {"empty", nullptr},
                             {"list", {1, "two"}}, {"cascade", {{"layout", "doc"}}}};
  EXPECT_EQ(f.params, expected);
  EXPECT_EQ(pos_of(f, "empty"), "7:1");  // an empty value is located at its key
}

TEST(FrontMatter, TomlDatesInParamsBecomeText) {
  FrontMatter f = parse_ok("+++\nat = 2024-05-01T10:00:00Z\nday = 2024-05-01\ntime = 10:30:00\n+++\n").front;
  EXPECT_EQ(f.params, (nlohmann::json{{"at", "2024-05-01T10:00:00Z"}, {"day", "2024-05-01"}, {"time", "10:30:00"}}));
}

TEST(FrontMatter, EmptyTypedFieldsAreNotSet) {
  FrontMatterBlock block = parse_ok("---\ntitle:\ndate: ~\ntags:\nweight: null\n---\n");
  EXPECT_EQ(block.front.title, "");
  EXPECT_EQ(block.front.date, "");
  EXPECT_TRUE(block.front.tags.empty());
  EXPECT_EQ(block.front.params, nlohmann::json::object());
  EXPECT_EQ(pos_of(block.front, "title"), "2:1");
}

TEST(FrontMatter, NumbersAreAcceptedAsText) {
  FrontMatter f = parse_ok("---\ntitle: 2024\ndescription: 1.10\ntags: [2024, x]\n---\n").front;
  EXPECT_EQ(f.title, "2024");
  EXPECT_EQ(f.description, "1.10");  // as written, not as the float 1.1
  EXPECT_EQ(f.tags, (Strings{"2024", "x"}));
}

TEST(FrontMatter, YamlCoreSchemaScalars) {
  FrontMatter f = parse_ok("---\na: 0x1F\nb: -7\nc: 1e3\nd: yes\ne: TRUE\nf: 2024-05-01\ng: 1.2.3\n---\n").front;
  EXPECT_EQ(f.params, (nlohmann::json{{"a", 31}, {"b", -7}, {"c", 1000.0}, {"d", "yes"}, {"e", true},
                                      {"f", "2024-05-01"}, {"g", "1.2.3"}}));
}

TEST(FrontMatter, DatesAreNormalized) {
  EXPECT_EQ(parse_ok("---\ndate: 2024-05-01 10:00:00\n---\n").front.date, "2024-05-01T10:00:00Z");
  EXPECT_EQ(parse_ok("---\ndate: \"2024-05-01T10:00:00.123-05:30\"\n---\n").front.date,
            "2024-05-01T10:00:00-05:30");
  EXPECT_EQ(parse_ok("+++\ndate = 2024-05-01T10:00:00\n+++\n").front.date, "2024-05-01T10:00:00Z");
  EXPECT_EQ(parse_ok("+++\nlastmod = 2024-05-01T10:00:00+00:00\n+++\n").front.lastmod, "2024-05-01T10:00:00Z");
  EXPECT_EQ(parse_ok("{\"date\": \"2024-02-29\"}\n").front.date, "2024-02-29");
}

TEST(FrontMatter, InvalidDatesAreErrorsAtTheValue) {
  EXPECT_EQ(problems("---\ntitle: x\ndate: 2023-02-29\n---\n"),
            Strings{"content/a.md:3:7: error: 'date' is not a valid date: '2023-02-29' (expected YYYY-MM-DD or "
                    "YYYY-MM-DDTHH:MM:SS, optionally followed by Z or +HH:MM)"});
  EXPECT_EQ(problems("+++\nlastmod = 10:00:00\n+++\n"),
            Strings{"content/a.md:2:11: error: 'lastmod' is not a valid date: '10:00:00' (expected YYYY-MM-DD or "
                    "YYYY-MM-DDTHH:MM:SS, optionally followed by Z or +HH:MM)"});
  EXPECT_EQ(problems("{\"date\": [1]}\n"),
            Strings{"content/a.md:1:10: error: 'date' must be a date (expected YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS, "
                    "optionally followed by Z or +HH:MM)"});
}

TEST(FrontMatter, WrongTypesAreErrorsNamingTheKey) {
  EXPECT_EQ(problems("---\ntitle: x\nweight: abc\n---\n"),
            Strings{"content/a.md:3:9: error: 'weight' must be an integer"});
  EXPECT_EQ(problems("---\nweight: 1.5\n---\n"), Strings{"content/a.md:2:9: error: 'weight' must be an integer"});
  EXPECT_EQ(problems("---\nweight: \"3\"\n---\n"), Strings{"content/a.md:2:9: error: 'weight' must be an integer"});
  EXPECT_EQ(problems("{\"weight\": 18446744073709551615}\n"),
            Strings{"content/a.md:1:12: error: 'weight' must be an integer"});
  EXPECT_EQ(problems("---\ndraft: yes\n---\n"), Strings{"content/a.md:2:8: error: 'draft' must be true or false"});
  EXPECT_EQ(problems("+++\ndraft = \"true\"\n+++\n"),
            Strings{"content/a.md:2:9: error: 'draft' must be true or false"});
  EXPECT_EQ(problems("---\ntitle: [a]\n---\n"), Strings{"content/a.md:2:8: error: 'title' must be a string"});
  EXPECT_EQ(problems("---\nlayout: true\n---\n"), Strings{"content/a.md:2:9: error: 'layout' must be a string"});
  EXPECT_EQ(problems("---\ntags: {a: 1}\n---\n"),
            Strings{"content/a.md:2:7: error: 'tags' must be a list of strings"});
  EXPECT_EQ(problems("{\"categories\": [\"a\", [\"b\"]]}\n"),
            Strings{"content/a.md:1:16: error: 'categories' must be a list of strings"});
  EXPECT_EQ(problems("+++\nparams = 3\n+++\n"), Strings{"content/a.md:2:10: error: 'params' must be a map"});
}

TEST(FrontMatter, EveryErrorOfAPageIsReported) {
  EXPECT_EQ(problems("---\nweight: x\ndraft: 1\nurl: a\n---\n"),
            (Strings{"content/a.md:2:9: error: 'weight' must be an integer",
                     "content/a.md:3:8: error: 'draft' must be true or false",
                     "content/a.md:4:6: error: front matter 'url' must start with '/'"}));
}

TEST(FrontMatter, DuplicateYamlKeyIsAWarning) {
  Diagnostics diags;
  FrontMatterBlock block = parse_front_matter("---\ntitle: a\ntitle: b\n---\n", kFile, diags);
  EXPECT_EQ(formatted(diags), Strings{"content/a.md:3:8: warning: duplicate key 'title' (the last one is used)"});
  EXPECT_EQ(block.front.title, "b");
}

TEST(FrontMatter, UnsafeUrlsAreRejected) {
  EXPECT_EQ(problems("---\nurl: /a/../../etc/\n---\n"),
            Strings{"content/a.md:2:6: error: front matter 'url' must not contain '..' segments"});
  EXPECT_EQ(problems("---\nurl: //evil.example/x\n---\n"),
            Strings{"content/a.md:2:6: error: front matter 'url' must not contain '//'"});
  EXPECT_EQ(problems("---\nurl: https://evil.example/\n---\n"),
            Strings{"content/a.md:2:6: error: front matter 'url' must start with '/'"});
  EXPECT_EQ(problems("---\nurl: '/a\\b/'\n---\n"),
            Strings{"content/a.md:2:6: error: front matter 'url' must not contain a backslash"});
  EXPECT_EQ(problems("---\nurl: \"/a\\tb/\"\n---\n"),
            Strings{"content/a.md:2:6: error: front matter 'url' must not contain control characters"});
  EXPECT_EQ(problems("{\"url\": \"/..\"}\n"),
            Strings{"content/a.md:1:9: error: front matter 'url' must not contain '..' segments"});
}

TEST(FrontMatter, UrlsGetATrailingSlashUnlessTheyNameAFile) {
  EXPECT_EQ(parse_ok("---\nurl: /a/b\n---\n").front.url, "/a/b/");
  EXPECT_EQ(parse_ok("---\nurl: /feed.xml\n---\n").front.url, "/feed.xml");
  EXPECT_EQ(parse_ok("---\nurl: /\n---\n").front.url, "/");
  EXPECT_EQ(parse_ok("---\nurl: /a..b/\n---\n").front.url, "/a..b/");  // '..' inside a name is fine
}

TEST(FrontMatter, UnsafeSlugsAreRejected) {
  EXPECT_EQ(problems("---\nslug: a/b\n---\n"),
            Strings{"content/a.md:2:7: error: front matter 'slug' must not contain '/'"});
  EXPECT_EQ(problems("---\nslug: 'a\\b'\n---\n"),
            Strings{"content/a.md:2:7: error: front matter 'slug' must not contain a backslash"});
  EXPECT_EQ(problems("---\nslug: ..\n---\n"),
            Strings{"content/a.md:2:7: error: front matter 'slug' must not be '.' or '..'"});
  EXPECT_EQ(problems("+++\nslug = \".\"\n+++\n"),
            Strings{"content/a.md:2:8: error: front matter 'slug' must not be '.' or '..'"});
}

TEST(FrontMatter, UnsafeAliasesAreRejected) {
  EXPECT_EQ(problems("---\naliases: [/ok/, ../../x]\n---\n"),
            Strings{"content/a.md:2:10: error: front matter alias '../../x' must not contain '..' segments"});
  EXPECT_EQ(parse_ok("---\naliases: old-name\n---\n").front.aliases, Strings{"old-name/"});
}

TEST(FrontMatter, MalformedYamlIsLocatedInTheFile) {
  EXPECT_EQ(problems("---\ntitle: x\nbad: [1, 2\n---\n"),
            Strings{"content/a.md:4:1: error: invalid YAML front matter: end of sequence flow not found"});
  EXPECT_EQ(problems("---\ntitle: a: b\n---\n"),
            Strings{"content/a.md:2:9: error: invalid YAML front matter: illegal map value"});
  EXPECT_EQ(problems("---\n- a\n- b\n---\n"),
            Strings{"content/a.md:2:1: error: front matter must be a map of keys to values"});
}

TEST(FrontMatter, MalformedTomlIsLocatedInTheFile) {
  EXPECT_EQ(problems("+++\ntitle = \"x\"\nweight =\n+++\n"),
            Strings{"content/a.md:3:9: error: invalid TOML front matter: error while parsing key-value pair: "
                    "expected value, saw '\\n'"});
  EXPECT_EQ(problems("+++\na = 1\na = 2\n+++\n"),
            Strings{"content/a.md:3:5: error: invalid TOML front matter: error while parsing key-value pair: "
                    "cannot redefine existing integer 'a'"});
}

TEST(FrontMatter, MalformedJsonIsLocatedInTheFile) {
  EXPECT_EQ(problems("{\n  \"title\": \"x\",\n}\nbody\n"),
            Strings{"content/a.md:3:1: error: invalid JSON front matter: syntax error while parsing object key - "
                    "unexpected '}'; expected string literal"});
  EXPECT_EQ(problems("{\"a\": 1} trailing\n"),
            Strings{"content/a.md:1:10: error: the body must start on a new line after the JSON front matter"});
}

TEST(FrontMatter, UnclosedFrontMatterPointsAtTheOpeningLine) {
  EXPECT_EQ(problems("---\ntitle: x\n\n# Body\n"),
            Strings{"content/a.md:1:1: error: front matter opened here is never closed (no closing '---' line)"});
  EXPECT_EQ(problems("+++\ntitle = \"x\"\n---\n"),
            Strings{"content/a.md:1:1: error: front matter opened here is never closed (no closing '+++' line)"});
  EXPECT_EQ(problems("---"),
            Strings{"content/a.md:1:1: error: front matter opened here is never closed (no closing '---' line)"});
  EXPECT_EQ(problems("{\"title\": \"x\"\n# Body\n"),
            Strings{"content/a.md:1:1: error: front matter opened here is never closed (no matching '}')"});
  EXPECT_EQ(problems("{\"title\": \"x}\n"),
            Strings{"content/a.md:1:1: error: front matter opened here is never closed (no matching '}')"});
}

TEST(FrontMatter, DeepNestingIsRefused) {
  std::string json = std::string(300, '[');
  EXPECT_EQ(problems("{\"a\": " + json),
            Strings{"content/a.md:1:262: error: front matter nested too deeply (more than 256 levels)"});
}

TEST(FrontMatter, YamlAliasBombIsRefused) {
  std::string yaml = "---\na: &a [x, x, x, x, x, x, x, x, x, x]\n";
  for (char c = 'b'; c <= 'h'; ++c) {
    std::string prev(1, static_cast<char>(c - 1));
    yaml += std::string(1, c) + ": &" + c + " [*" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev +
            ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + "]\n";
  }
  yaml += "---\n";
  Strings p = problems(yaml);
  ASSERT_EQ(p.size(), 1u);
  // a..e expand to 10, 100, ... values: 'e' on line 6 goes past the limit.
  EXPECT_EQ(p[0], "content/a.md:6:1: error: front matter too large (more than 100000 values)");
}

}  // namespace
}  // namespace bengal
