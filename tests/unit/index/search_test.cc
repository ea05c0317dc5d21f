// The fragmented search index (index/search.h): documents, term fragments, scores, splitting.
#include "index/search.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "index_test_util.h"

namespace bengal {
namespace {

using namespace bengal::testing;
using nlohmann::json;

struct Site {
  PageTable table;
  std::vector<IndexMetaShard> metas;
  std::vector<TextShard> texts;
};

Site sample() {
  Site in;
  in.table = table({entry_of_kind(kKindHome, "/", "", "Home"), entry("/a/", "a.md"), entry("/b/", "b.md"),
                    entry_of_kind(kKindSection, "/s/", "s", "Guides", "", "s/_index.md"), entry("/s/c/", "s/c.md")});
  in.table.pages[1].title = "Install Bengal";
  in.table.pages[4].section = "s";
  IndexPageMeta a;
  a.rel = "a.md";
  a.headings = {{2, "quick-start", "Quick start"}};
  a.front.tags = {"Setup"};
  IndexPageMeta c;
  c.rel = "s/c.md";
  c.summary = "About installing.";
  IndexMetaShard m1, m2;
  m1.pages = {a};
  m2.pages = {c};
  in.metas = {m1, m2};
  TextShard t1, t2;
  t1.pages = {{"a.md", "Install it with apt. Install install install install install."}};
  t2.pages = {{"s/c.md", "Über straße, the ÉCOLE of installers."}};
  in.texts = {t2, t1};
  return in;
}

std::map<std::string, json> by_path(const std::vector<OutputFile>& files) {
  std::map<std::string, json> out;
  for (const OutputFile& f : files) out[f.path] = json::parse(f.bytes);
  return out;
}

// Every (doc, score) pair of a term, from whichever fragment holds it.
std::map<int, int> postings(const std::map<std::string, json>& files, const std::string& term) {
  std::map<int, int> out;
  for (const auto& [path, j] : files) {
    if (path.rfind("search/t-", 0) != 0 || !j.contains(term)) continue;
    const json& list = j[term];
    for (size_t i = 0; i + 1 < list.size(); i += 2) out[list[i].get<int>()] = list[i + 1].get<int>();
  }
  return out;
}

// What search_record writes by hand: nlohmann's compact dump of the record's fields, with
// invalid UTF-8 replaced.
std::string record_by_nlohmann(const SearchPage& page) {
  nlohmann::ordered_json d;
  d["t"] = std::string(page.title);
  d["u"] = std::string(page.url);
  d["s"] = std::string(page.section_title);
  d["h"] = nlohmann::ordered_json::array();
  d["g"] = nlohmann::ordered_json::array();
  if (page.meta) {
    for (const Heading& h : page.meta->headings) d["h"].push_back({h.text, h.id});
    for (const std::string& t : page.meta->front.tags) d["g"].push_back(t);
  }
  // The excerpt: texts of at most 200 bytes are whole.
  d["e"] = page.meta && !page.meta->summary.empty() ? page.meta->summary : page.text ? page.text->text : "";
  return d.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

TEST(Search, ARecordIsTheCompactJsonOfItsFields) {
  IndexPageMeta meta;
  meta.headings = {{2, "quick-start", "Quick \"start\" \\ now"}, {3, "über", "Über\tstraße\x01"}};
  meta.front.tags = {"Setup", "C++ & \"quotes\""};
  PageText text{"a.md", "Plain text of the page: \"quoted\", a\\b, tab\t, é, 日本."};
  IndexPageMeta bad = meta;
  bad.headings[1].text = "broken \xff byte";
  IndexPageMeta summary = meta;
  summary.summary = "A summary\nwith a newline.";
  const SearchPage pages[] = {
      {"Title", "/a/", "Guides", &meta, &text},
      {"No meta \"quoted\"", "/b/", "", nullptr, &text},
      {"Nothing", "/c/", "Home", nullptr, nullptr},
      {"Summary", "/d/", "S", &summary, &text},
      {"Invalid \xc3(", "/e/", "S", &bad, nullptr},
  };
  for (const SearchPage& page : pages) EXPECT_EQ(search_record(page), record_by_nlohmann(page)) << page.title;
  EXPECT_EQ(search_record(pages[2]), R"({"t":"Nothing","u":"/c/","s":"Home","h":[],"g":[],"e":""})");
}

TEST(Search, DocumentsArePagesWithASourceInUrlOrder) {
  Site in = sample();
  auto files = by_path(render_search(in.table, in.metas, in.texts));
  const json& index = files.at("search/index.json");
  EXPECT_EQ(index["version"], 1);
  EXPECT_EQ(index["doc_count"], 4);  // the generated home page has no source
  const json& docs = files.at("search/docs-0.json");
  ASSERT_EQ(docs.size(), 4u);
  EXPECT_EQ(docs[0]["u"], "/a/");
  EXPECT_EQ(docs[0]["t"], "Install Bengal");
  EXPECT_EQ(docs[0]["h"], json::parse(R"([["Quick start", "quick-start"]])"));
  EXPECT_EQ(docs[0]["g"], json::parse(R"(["Setup"])"));
  EXPECT_EQ(docs[2]["u"], "/s/");
  EXPECT_EQ(docs[2]["s"], "");        // a top-level section is listed at the root
  EXPECT_EQ(docs[3]["s"], "Guides");  // a page shows its section's title
  EXPECT_EQ(docs[3]["e"], "About installing.");
}

TEST(Search, ScoresWeighTitleHeadingTagsAndCappedBody) {
  Site in = sample();
  auto files = by_path(render_search(in.table, in.metas, in.texts));
  // "install": title 10 + body min(6, 5) = 15 in doc 0.
  EXPECT_EQ(postings(files, "install"), (std::map<int, int>{{0, 15}}));
  EXPECT_EQ(postings(files, "quick"), (std::map<int, int>{{0, 5}}));
  EXPECT_EQ(postings(files, "setup"), (std::map<int, int>{{0, 5}}));
  EXPECT_EQ(postings(files, "installers"), (std::map<int, int>{{3, 1}}));
  // Lower-cased beyond ASCII; stop words and 1-letter words are left out.
  EXPECT_EQ(postings(files, "über"), (std::map<int, int>{{3, 1}}));
  EXPECT_EQ(postings(files, "école"), (std::map<int, int>{{3, 1}}));
  EXPECT_TRUE(postings(files, "the").empty());
}

// A word scores each kind it appears in once: the title 10, a heading 5, a tag 5.
TEST(Search, AWordScoresEachKindOnce) {
  Site in;
  in.table = table({entry("/a/", "a.md")});
  in.table.pages[0].title = "Deploy deploy guide";
  IndexPageMeta a;
  a.rel = "a.md";
  a.headings = {{2, "deploy", "Deploy"}, {2, "deploy-again", "Deploy again"}, {2, "zebra", "Zebra notes"}};
  a.front.tags = {"deploy", "zebra", "aardvark"};
  in.metas = {IndexMetaShard{{a}}};
  in.texts = {TextShard{{{"a.md", "deploy body words zebra"}}}};
  auto files = by_path(render_search(in.table, in.metas, in.texts));
  EXPECT_EQ(postings(files, "deploy"), (std::map<int, int>{{0, 10 + 5 + 5 + 1}}));
  EXPECT_EQ(postings(files, "guide"), (std::map<int, int>{{0, 10}}));
  EXPECT_EQ(postings(files, "zebra"), (std::map<int, int>{{0, 5 + 5 + 1}}));
  EXPECT_EQ(postings(files, "aardvark"), (std::map<int, int>{{0, 5}}));  // before every body term
  EXPECT_EQ(postings(files, "again"), (std::map<int, int>{{0, 5}}));
  EXPECT_EQ(postings(files, "notes"), (std::map<int, int>{{0, 5}}));
  EXPECT_EQ(postings(files, "body"), (std::map<int, int>{{0, 1}}));
}

TEST(Search, FragmentsAreListedAndNamedByTheirKeysBytes) {
  Site in = sample();
  auto files = by_path(render_search(in.table, in.metas, in.texts));
  const json& keys = files.at("search/index.json")["fragments"];
  EXPECT_TRUE(std::is_sorted(keys.begin(), keys.end()));
  for (const json& k : keys) EXPECT_TRUE(files.count(search_fragment_file(k.get<std::string>()))) << k;
  EXPECT_EQ(search_fragment_file("in"), "search/t-696e.json");
  EXPECT_EQ(search_fragment_file("üb"), "search/t-c3bc62.json");
  ASSERT_TRUE(files.count("search/t-696e.json"));
  EXPECT_TRUE(files.at("search/t-696e.json").contains("installers"));
}

TEST(Search, ABigFragmentIsSplitByOneMoreCharacter) {
  Site in;
  std::vector<PageTableEntry> entries;
  TextShard t;
  for (int i = 0; i < 200; ++i) {
    std::string rel = "p" + std::to_string(1000 + i) + ".md";
    entries.push_back(entry("/p" + std::to_string(1000 + i) + "/", rel));
    t.pages.push_back({rel, "pa pb pc pca pcb pcc pcd " + std::string(i % 2 ? "pcaz" : "pcby")});
  }
  in.table = table(entries);
  in.texts = {t};
  SearchOptions small;
  small.max_fragment_bytes = 2000;
  small.docs_per_chunk = 64;
  auto files = by_path(render_search(in.table, in.metas, in.texts, small));
  std::vector<std::string> keys = files.at("search/index.json")["fragments"];
  // "pa", "pb" and "pc" hold 200 postings each: too big, so "p?" fragments split further.
  EXPECT_TRUE(std::find(keys.begin(), keys.end(), "pc") != keys.end() ||
              std::find(keys.begin(), keys.end(), "pca") != keys.end());
  EXPECT_GT(keys.size(), 3u);
  // Every term is still found, whichever fragment holds it.
  EXPECT_EQ(postings(files, "pcaz").size(), 100u);
  EXPECT_EQ(postings(files, "pc").size(), 200u);
  EXPECT_EQ(files.at("search/index.json")["doc_count"], 200);
  EXPECT_TRUE(files.count("search/docs-3.json"));  // 200 docs in chunks of 64
  EXPECT_FALSE(files.count("search/docs-4.json"));
}

TEST(Search, BytesDoNotDependOnShardOrder) {
  Site in = sample();
  auto one = render_search(in.table, in.metas, in.texts);
  std::reverse(in.metas.begin(), in.metas.end());
  std::reverse(in.texts.begin(), in.texts.end());
  auto two = render_search(in.table, in.metas, in.texts);
  ASSERT_EQ(one.size(), two.size());
  for (size_t i = 0; i < one.size(); ++i) EXPECT_EQ(one[i].bytes, two[i].bytes) << one[i].path;
}

TEST(Search, TermsCountedByParseGiveTheSameFilesAsTheText) {
  Site in = sample();
  auto counted_here = render_search(in.table, in.metas, in.texts);
  for (TextShard& s : in.texts)
    for (PageText& t : s.pages) t.terms = count_search_terms(t.text);
  auto counted_by_parse = render_search(in.table, in.metas, in.texts);
  ASSERT_EQ(counted_here.size(), counted_by_parse.size());
  for (size_t i = 0; i < counted_here.size(); ++i)
    EXPECT_EQ(counted_here[i].bytes, counted_by_parse[i].bytes) << counted_here[i].path;
  // The counts are what is read: a page whose text says otherwise is indexed by its counts.
  in.texts[1].pages[0].terms = "apt 1\nzebra 3\n";
  auto files = by_path(render_search(in.table, in.metas, in.texts));
  EXPECT_EQ(postings(files, "zebra"), (std::map<int, int>{{0, 3}}));
  EXPECT_EQ(postings(files, "install"), (std::map<int, int>{{0, 10}}));  // the title only
}

TEST(Search, FragmentsAreCompactJsonWithTermsInByteOrder) {
  Site in = sample();
  for (const OutputFile& f : render_search(in.table, in.metas, in.texts)) {
    if (f.path.rfind("search/t-", 0) != 0) continue;
    EXPECT_EQ(f.bytes, json::parse(f.bytes).dump() + "\n") << f.path;
  }
}

TEST(Search, AnEmptySiteHasAnIndexOfNothing) {
  auto files = by_path(render_search({}, {}, {}));
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files.at("search/index.json")["doc_count"], 0);
}

}  // namespace
}  // namespace bengal
