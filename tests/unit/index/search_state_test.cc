// The incremental search step (index/search_state.h): after any sequence of edits, a run with
// the state writes the same files, and the same list of files, as a full run without one.
#include "index/search_state.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "format/envelope.h"
#include "index/index.h"
#include "index/search_step.h"
#include "support/fs.h"
#include "support/paths.h"
#include "support/text.h"

namespace bengal {
namespace {

namespace fs = std::filesystem;

// Words that share prefixes (so fragments split under a small size limit), non-ASCII ones, and
// "é", a term of one character, whose presence merges every "é…" key group into one.
const std::vector<std::string> kWords = {
    "alpha", "alpine", "alps",   "altitude", "alto",  "also",  "build",  "builder", "building", "bulk",
    "cache", "cached", "caches", "config",   "core",  "delta", "docs",   "edit",    "edited",  "editor",
    "élan",  "été",    "étude",  "é",        "über",  "üben",  "αβγ",    "αλφα",    "zeta",    "zebra",
    "the",   "and",    "of",     "install",  "index", "inner", "input",  "inside",  "instant", "invalid"};

struct Page {
  std::string rel, title;
  std::string summary, text;
  std::vector<Heading> headings;
  std::vector<std::string> tags;
  size_t shard = 0;
  bool has_text = true;
  size_t extra_meta_shard = SIZE_MAX;  // a second shard that also lists the page's meta
  std::string slug;                    // the last part of its URL; empty: its file's name
  std::string date, description;       // in the table, read by neither output
  bool in_table = true;                // false: left out of the table (a draft), but in its shard files
};

class SearchStateTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (fs::temp_directory_path() / "bengal-search-state-XXXXXX").string();
    ASSERT_NE(::mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
    config_.title = "Site";
    config_.description = "A site.";
    config_.baseurl = "https://example.org/";
    options_.docs_per_chunk = 8;
    options_.max_fragment_bytes = 400;
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string words(size_t n) {
    std::string out;
    for (size_t i = 0; i < n; ++i) out += (i ? " " : "") + kWords[rng_() % kWords.size()];
    return out;
  }

  Page make_page() {
    Page p;
    p.rel = "s" + std::to_string(rng_() % 3) + "/p" + std::to_string(next_id_++) + ".md";
    p.title = words(1 + rng_() % 3);
    p.text = words(rng_() % 30);
    if (rng_() % 3 == 0) p.summary = words(3);
    for (size_t i = rng_() % 3; i > 0; --i) p.headings.push_back({2, "h" + std::to_string(i), words(2)});
    for (size_t i = rng_() % 3; i > 0; --i) p.tags.push_back(words(1));
    p.shard = rng_() % kShards;
    return p;
  }

  void make_site(size_t pages) {
    for (size_t i = 0; i < pages; ++i) pages_.push_back(make_page());
  }

  // The page table (home, three sections, the pages in it, a generated page and a 404 page, by
  // URL) and each shard's meta and text file.
  void write_inputs() {
    PageTable table;
    auto add = [&](const char* kind, std::string url, std::string section, std::string title, std::string rel) {
      PageTableEntry e;
      e.kind = kind;
      e.url = std::move(url);
      e.section = std::move(section);
      e.title = std::move(title);
      e.rel = std::move(rel);
      e.source = e.rel.empty() ? "" : "content/" + e.rel;
      table.pages.push_back(e);
    };
    add(kKindHome, "/", "", "Home", "_index.md");
    table.pages.back().description = home_description_;
    add(not_found_is_page_ ? kKindPage : kKind404, "/404.html", "", "Not found", "404.md");
    add(kKindSection, "/s0/", "s0", section_titles_[0], "s0/_index.md");
    add(kKindSection, "/s1/", "s1", section_titles_[1], "");
    add(kKindSection, "/s2/", "s2", section_titles_[2], "s2/_index.md");
    add(kKindTaxonomy, "/tags/", "", "Tags", "");
    for (const Page& p : pages_) {
      if (!p.in_table) continue;
      std::string section = p.rel.substr(0, 2);
      std::string slug = p.slug.empty() ? p.rel.substr(3, p.rel.size() - 6) : p.slug;
      add(kKindPage, "/" + section + "/" + slug + "/", section, p.title, p.rel);
      table.pages.back().date = p.date;
      table.pages.back().description = p.description;
    }
    if (listed_twice_) add(kKindPage, "/zz/", "", "Twice", pages_.front().rel);
    std::sort(table.pages.begin(), table.pages.end(),
              [](const PageTableEntry& a, const PageTableEntry& b) { return a.url < b.url; });
    write_intermediate(Kind::kPageTable, "test", table, path("pagetable"));
    std::vector<MetaShard> metas(kShards);
    std::vector<TextShard> texts(kShards);
    Page home;
    home.rel = "_index.md";
    metas[0].pages.push_back(meta_of(home));
    texts[0].pages.push_back({"_index.md", "Welcome home to the site.", count_search_terms("Welcome home to the site.")});
    texts[1].pages.push_back({"404.md", "Nothing here.", ""});  // counted here, not by parse
    for (const Page& p : pages_) {
      metas[p.shard].pages.push_back(meta_of(p));
      if (p.extra_meta_shard != SIZE_MAX) metas[p.extra_meta_shard].pages.push_back(meta_of(p));
      if (p.has_text) texts[p.shard].pages.push_back({p.rel, p.text, count_search_terms(p.text)});
    }
    for (size_t s = 0; s < kShards; ++s) {
      write_intermediate(Kind::kMeta, "test", metas[s], shard_file(s, ".meta"));
      write_intermediate(Kind::kText, "test", texts[s], shard_file(s, ".text"));
    }
  }

  static PageMeta meta_of(const Page& p) {
    PageMeta m;
    m.rel = p.rel;
    m.source = "content/" + p.rel;
    m.summary = p.summary;
    m.headings = p.headings;
    m.front.tags = p.tags;
    return m;
  }

  std::string path(const std::string& rel) const { return join_path(dir_, rel); }
  std::string shard_file(size_t s, const char* ext) const { return path("shard-" + std::to_string(s) + ext); }

  // The shards in argument order: 0, 1, ... or, reversed_, the other way (text before meta).
  std::vector<size_t> shard_order() const {
    std::vector<size_t> order;
    for (size_t s = 0; s < kShards; ++s) order.push_back(reversed_ ? kShards - 1 - s : s);
    return order;
  }

  SearchStepArgs args(const std::string& out, const std::string& state) const {
    SearchStepArgs a;
    a.page_table = path("pagetable");
    for (size_t s : shard_order()) {
      a.shards.push_back(shard_file(s, reversed_ ? ".text" : ".meta"));
      a.shards.push_back(shard_file(s, reversed_ ? ".meta" : ".text"));
    }
    a.output_dir = path(out);
    a.state = state.empty() ? "" : path(state);
    a.search = search_;
    a.llms_full = llms_;
    a.options = options_;
    return a;
  }

  // Runs the step with the state into "inc", and without into a fresh "full"; the files and
  // their list must be the same.
  SearchStepReport run_and_compare() {
    SearchStepReport inc = run_search_step(config_, args("inc", "search.state"));
    fs::remove_all(path("full"));
    SearchStepReport full = run_search_step(config_, args("full", ""));
    EXPECT_FALSE(full.incremental);
    EXPECT_EQ(inc.files, full.files);
    for (const std::string& f : full.files)
      EXPECT_EQ(read_file(join_path(path("inc"), f)), read_file(join_path(path("full"), f))) << f;
    EXPECT_TRUE(file_exists(path("search.state")));
    return inc;
  }

  // One random edit: of a page's files (0-8), of the page table (9-16), or a page added or
  // removed.
  void edit() {
    Page& p = pages_[rng_() % pages_.size()];
    switch (rng_() % 18) {
      case 0: p.text = words(rng_() % 30); break;
      case 1: p.text += " " + words(1); break;
      case 2: p.headings = {{2, "x", words(2)}}; break;
      case 3: p.tags = {words(1)}; break;
      case 4: p.text.clear(); break;
      case 5: p.shard = (p.shard + 1 + rng_() % (kShards - 1)) % kShards; break;
      case 6: p.summary = words(2); break;
      case 7: p.has_text = !p.has_text; break;
      case 8: p.extra_meta_shard = p.extra_meta_shard == SIZE_MAX ? rng_() % kShards : SIZE_MAX; break;
      case 9: p.title = words(2); break;
      case 10: p.slug = rng_() % 4 ? kWords[rng_() % kWords.size()] + "-" + std::to_string(next_id_++) : ""; break;
      case 11: p.date = "2024-01-" + std::to_string(10 + rng_() % 20); break;
      case 12: p.description = words(3); break;
      case 13: section_titles_[rng_() % 3] = words(2); break;
      case 14: home_description_ = rng_() % 3 ? words(3) : ""; break;
      case 15: p.in_table = !p.in_table; break;
      case 16: not_found_is_page_ = !not_found_is_page_; break;  // llms-full.txt lists it, or not
      default:
        if (rng_() % 2) pages_.push_back(make_page());
        else pages_.erase(pages_.begin() + static_cast<long>(rng_() % pages_.size()));
        break;
    }
  }

  // The documents' rels, in the table's (URL) order.
  std::vector<std::string> documents() const {
    std::vector<std::string> rels;
    for (const PageTableEntry& e : read_intermediate<PageTable>(Kind::kPageTable, path("pagetable")).pages)
      if (!e.rel.empty()) rels.push_back(e.rel);
    return rels;
  }
  size_t number_of(const std::string& rel) const {
    const std::vector<std::string> rels = documents();
    return static_cast<size_t>(std::find(rels.begin(), rels.end(), rel) - rels.begin());
  }
  size_t pages_in(const std::string& section) const {
    return static_cast<size_t>(std::count_if(pages_.begin(), pages_.end(), [&](const Page& p) {
      return p.in_table && starts_with(p.rel, section + "/");
    }));
  }

  // The step's files in "inc" are those render_index_outputs makes (with default options).
  void expect_files_of_render_index_outputs(const SearchStepReport& r) {
    IndexInput in;
    in.table = read_intermediate<PageTable>(Kind::kPageTable, path("pagetable"));
    for (size_t s : shard_order()) {
      in.metas.push_back(read_intermediate<IndexMetaShard>(Kind::kMeta, shard_file(s, ".meta")));
      in.texts.push_back(read_intermediate<TextShard>(Kind::kText, shard_file(s, ".text")));
    }
    std::vector<OutputFile> files = render_index_outputs(config_, in, kSitemapMaxUrls, {kSearchFile, kLlmsFullFile});
    ASSERT_EQ(r.files.size(), files.size());
    for (size_t i = 0; i < files.size(); ++i) {
      EXPECT_EQ(r.files[i], files[i].path);
      EXPECT_EQ(read_file(path("inc/" + files[i].path)), files[i].bytes) << files[i].path;
    }
  }

  static constexpr size_t kShards = 5;
  std::string dir_;
  Config config_;
  SearchOptions options_;
  bool search_ = true, llms_ = true;
  std::vector<Page> pages_;
  std::vector<std::string> section_titles_ = {"Section zero", "Section one", "Section two"};
  std::string home_description_ = "The home page.";
  bool listed_twice_ = false;       // the table lists the first page a second time
  bool reversed_ = false;           // the shard files are given in reverse order, text before meta
  bool not_found_is_page_ = false;  // 404.md is a page (which llms-full.txt lists), not the 404 page
  size_t next_id_ = 100;
  std::mt19937 rng_{7};
};

TEST_F(SearchStateTest, RandomEditsGiveTheFilesOfAFullRun) {
  config_.description = "";  // so that the home page's description is llms-full.txt's
  for (unsigned seed : {1u, 2u, 3u, 4u}) {
    rng_.seed(seed);
    pages_.clear();
    fs::remove_all(path("inc"));
    ::unlink(path("search.state").c_str());
    make_site(40);
    write_inputs();
    SearchStepReport first = run_and_compare();
    EXPECT_FALSE(first.incremental);
    EXPECT_EQ(first.full_reason, "no state");
    for (int step = 0; step < 60; ++step) {
      for (int edits = 1 + static_cast<int>(rng_() % 3); edits > 0; --edits) edit();
      write_inputs();
      SearchStepReport r = run_and_compare();
      EXPECT_TRUE(r.incremental) << "seed " << seed << " step " << step << ": " << r.full_reason;
      if (::testing::Test::HasFailure()) return;
    }
  }
}

TEST_F(SearchStateTest, ABodyEditRewritesOnlyItsChunkItsTermsAndLlmsFull) {
  make_site(60);
  write_inputs();
  run_and_compare();
  pages_[30].text += " zebra";  // one word more: the fragment of "ze" and one chunk change
  write_inputs();
  SearchStepReport r = run_and_compare();
  ASSERT_TRUE(r.incremental);
  EXPECT_EQ(r.shards_decoded, 2u);  // the page's text file, and its meta file for its headings
  EXPECT_EQ(r.docs_changed, 1u);
  std::vector<std::string> written = r.written;
  for (const std::string& f : written)
    EXPECT_TRUE(f == "llms-full.txt" || f == search_docs_file(0) || starts_with(f, "search/docs-") ||
                f == search_fragment_file("ze") || starts_with(f, "search/t-7a65"))
        << f;
  EXPECT_LE(written.size(), 3u);
  EXPECT_TRUE(std::find(written.begin(), written.end(), "llms-full.txt") != written.end());
  EXPECT_GT(r.files.size(), 20u);
}

TEST_F(SearchStateTest, TermsNoPageUsesAreDroppedFromTheState) {
  make_site(30);
  for (size_t i = 0; i < pages_.size(); ++i) pages_[i].text += " gone" + std::to_string(i) + "x word" + std::to_string(i) + "y";
  write_inputs();
  run_and_compare();
  EXPECT_NE(read_file(path("search.state")).find("gone0x"), std::string::npos);
  for (size_t i = 0; i < pages_.size(); ++i) pages_[i].text = words(5);  // 60 terms no page has now
  write_inputs();
  EXPECT_TRUE(run_and_compare().incremental);
  EXPECT_EQ(read_file(path("search.state")).find("gone0x"), std::string::npos);
  pages_[3].text += " zebra gone3x";  // and back, after the renumbering
  write_inputs();
  EXPECT_TRUE(run_and_compare().incremental);
}

TEST_F(SearchStateTest, AnUnchangedRunWritesNothing) {
  make_site(30);
  write_inputs();
  run_and_compare();
  SearchStepReport r = run_and_compare();
  EXPECT_TRUE(r.incremental);
  EXPECT_EQ(r.shards_decoded, 0u);
  EXPECT_TRUE(r.written.empty());
}

TEST_F(SearchStateTest, ABrokenStateOrOutputMeansAFullRunOrARepair) {
  make_site(40);
  write_inputs();
  run_and_compare();
  const std::string state = path("search.state");
  const std::string good = read_file(state);
  auto expect_after = [&](const char* what, bool incremental, const std::string& reason) {
    pages_[rng_() % pages_.size()].text += " " + words(2);
    write_inputs();
    SearchStepReport r = run_and_compare();
    EXPECT_EQ(r.incremental, incremental) << what;
    if (!incremental) {
      EXPECT_EQ(r.full_reason, reason) << what;
    }
  };
  write_file_atomic(state, good.substr(0, good.size() / 2));
  expect_after("truncated", false, "the state is truncated or corrupt");
  std::string flipped = read_file(state);
  flipped[flipped.size() - 100] ^= 1;
  write_file_atomic(state, flipped);
  expect_after("a flipped byte", false, "the state is truncated or corrupt");
  write_file_atomic(state, "bengal-ir: not a state at all, but long enough to have a header");
  expect_after("foreign", false, "the state is not a search state");
  write_file_atomic(state, "");
  expect_after("empty", false, "the state is not a search state");
  std::string other = read_file(state);
  other[8] ^= 1;  // the schema
  write_file_atomic(state, other);
  expect_after("another schema", false, "the state has another schema");

  ::unlink(path("inc/llms-full.txt").c_str());
  expect_after("llms-full.txt deleted", false, "llms-full.txt is missing");
  std::string llms = read_file(path("inc/llms-full.txt"));
  llms[llms.size() / 2] = llms[llms.size() / 2] == 'x' ? 'y' : 'x';  // same size, other bytes
  write_file_atomic(path("inc/llms-full.txt"), llms);
  expect_after("llms-full.txt edited", false, "llms-full.txt is not the one the state recorded");

  // A search file deleted, or of another size than the state says, is written again.
  ::unlink(path("inc/" + search_docs_file(1)).c_str());
  write_file_atomic(path("inc/search/index.json"), "{}");
  std::string fragment;
  for (const auto& e : fs::directory_iterator(path("inc/search")))
    if (starts_with(e.path().filename().string(), "t-")) fragment = e.path().string();
  ASSERT_FALSE(fragment.empty());
  write_file_atomic(fragment, read_file(fragment) + " ");
  expect_after("search files damaged", true, "");
}

TEST_F(SearchStateTest, AnotherConfigOrOptionsMeanAFullRun) {
  make_site(20);
  write_inputs();
  run_and_compare();
  config_.title = "Another title";
  SearchStepReport r = run_and_compare();
  EXPECT_FALSE(r.incremental);
  EXPECT_EQ(r.full_reason, "the state is of another config, options or tool build");
  options_.docs_per_chunk = 4;
  EXPECT_FALSE(run_and_compare().incremental);
  EXPECT_TRUE(run_and_compare().incremental);
}

TEST_F(SearchStateTest, SearchOrLlmsFullAlone) {
  for (bool search : {true, false}) {
    search_ = search;
    llms_ = !search;
    pages_.clear();
    fs::remove_all(path("inc"));
    ::unlink(path("search.state").c_str());
    make_site(30);
    write_inputs();
    run_and_compare();
    for (int step = 0; step < 20; ++step) {
      edit();
      write_inputs();
      EXPECT_TRUE(run_and_compare().incremental);
    }
  }
}

TEST_F(SearchStateTest, TheFullRunGivesTheFilesOfRenderIndexOutputs) {
  make_site(30);
  write_inputs();
  options_ = SearchOptions();
  expect_files_of_render_index_outputs(run_search_step(config_, args("inc", "search.state")));
}

// ---- Page table changes ----------------------------------------------------------------------

TEST_F(SearchStateTest, ATitleChangeRecomputesOnlyThatPage) {
  make_site(60);
  write_inputs();
  run_and_compare();
  pages_[30].title = "zebra zeta";
  write_inputs();  // only the page table changes: the test's meta files hold no titles
  SearchStepReport r = run_and_compare();
  ASSERT_TRUE(r.incremental) << r.full_reason;
  EXPECT_TRUE(r.page_table_changed);
  EXPECT_EQ(r.docs_renumbered, 0u);
  EXPECT_EQ(r.docs_changed, 1u);
  EXPECT_EQ(r.shards_decoded, 2u);  // the page's meta and text files
  const std::string chunk = search_docs_file(number_of(pages_[30].rel) / options_.docs_per_chunk);
  for (const std::string& f : r.written) EXPECT_TRUE(f == "llms-full.txt" || f == chunk || starts_with(f, "search/t-")) << f;
  EXPECT_NE(std::find(r.written.begin(), r.written.end(), chunk), r.written.end());
  EXPECT_NE(std::find(r.written.begin(), r.written.end(), "llms-full.txt"), r.written.end());
  EXPECT_EQ(explain(r).rfind("search step: incremental (new page table, 0 documents renumbered): 2 shard files decoded, "
                             "1 documents changed, ",
                             0),
            0u)
      << explain(r);
}

TEST_F(SearchStateTest, AChangeNeitherOutputReadsWritesNothing) {
  make_site(30);
  write_inputs();
  run_and_compare();
  pages_[5].date = "2024-02-02";
  pages_[6].description = "Another description.";
  write_inputs();
  SearchStepReport r = run_and_compare();
  ASSERT_TRUE(r.incremental) << r.full_reason;
  EXPECT_TRUE(r.page_table_changed);
  EXPECT_EQ(r.docs_changed, 0u);
  EXPECT_EQ(r.shards_decoded, 0u);
  EXPECT_TRUE(r.written.empty());
}

TEST_F(SearchStateTest, ASectionTitleChangeRecomputesThePagesItLists) {
  make_site(40);
  write_inputs();
  run_and_compare();
  section_titles_[1] = "Renamed section";  // s1 has no page of its own: only the table names it
  write_inputs();
  SearchStepReport r = run_and_compare();
  ASSERT_TRUE(r.incremental) << r.full_reason;
  ASSERT_GT(pages_in("s1"), 0u);
  EXPECT_EQ(r.docs_changed, pages_in("s1"));  // their records' "s"
  EXPECT_EQ(r.docs_renumbered, 0u);
}

TEST_F(SearchStateTest, APageAddedRemovedOrMovedRenumbersOnlyTheDocumentsItPasses) {
  make_site(40);
  write_inputs();
  run_and_compare();
  // Added last (no page sorts after /s2/zz/): only the last chunk changes.
  Page last = make_page();
  last.rel = "s2/zz.md";
  last.text = "zebra";
  pages_.push_back(last);
  write_inputs();
  SearchStepReport r = run_and_compare();
  ASSERT_TRUE(r.incremental) << r.full_reason;
  const size_t count = documents().size();
  ASSERT_EQ(number_of("s2/zz.md"), count - 1);
  EXPECT_EQ(r.docs_renumbered, 1u);
  for (const std::string& f : r.written)
    EXPECT_TRUE(f == "llms-full.txt" || f == "search/index.json" ||
                f == search_docs_file((count - 1) / options_.docs_per_chunk) || starts_with(f, "search/t-"))
        << f;

  // Added near the start: every document after it is renumbered.
  Page first = make_page();
  first.rel = "s0/a.md";
  pages_.push_back(first);
  write_inputs();
  r = run_and_compare();
  ASSERT_TRUE(r.incremental) << r.full_reason;
  EXPECT_EQ(r.docs_renumbered, documents().size() - number_of("s0/a.md"));

  // Removed again, and a page moved by its URL: the documents between its places.
  const size_t was = number_of("s0/a.md");
  pages_.pop_back();
  write_inputs();
  r = run_and_compare();
  ASSERT_TRUE(r.incremental) << r.full_reason;
  EXPECT_EQ(r.docs_renumbered, documents().size() - was);
  const std::vector<std::string> rels = documents();
  const std::string first_s0 = *std::find_if(rels.begin(), rels.end(), [](const std::string& rel) {
    return starts_with(rel, "s0/p");
  });
  Page& moved = *std::find_if(pages_.begin(), pages_.end(), [&](const Page& p) { return p.rel == first_s0; });
  const size_t from = number_of(moved.rel);
  moved.slug = "zz";  // the last of s0's pages now
  write_inputs();
  r = run_and_compare();
  ASSERT_TRUE(r.incremental) << r.full_reason;
  ASSERT_GT(number_of(moved.rel), from);
  EXPECT_EQ(r.docs_renumbered, number_of(moved.rel) - from + 1);
  EXPECT_EQ(r.docs_changed, 1u);
}

TEST_F(SearchStateTest, APageThatJoinsTheTableIsFoundInItsUnchangedFiles) {
  make_site(30);
  pages_[4].in_table = false;  // a draft: in its shard's files, not in the table
  pages_[4].text = "zebra zeta";
  write_inputs();
  run_and_compare();
  pages_[4].in_table = true;  // published: the table changes, its files do not
  write_inputs();
  SearchStepReport r = run_and_compare();
  ASSERT_TRUE(r.incremental) << r.full_reason;
  EXPECT_EQ(r.docs_changed, 1u);
  EXPECT_EQ(r.shards_decoded, 2u);
  pages_[4].in_table = false;
  write_inputs();
  r = run_and_compare();
  ASSERT_TRUE(r.incremental) << r.full_reason;
  EXPECT_EQ(r.shards_decoded, 0u);
  pages_[4].in_table = true;
  write_inputs();
  EXPECT_TRUE(run_and_compare().incremental);
}

TEST_F(SearchStateTest, TheHomePagesDescriptionIsInLlmsFullsHeader) {
  config_.description = "";  // else the site's description is
  make_site(20);
  write_inputs();
  run_and_compare();
  home_description_ = "Another home page.";
  write_inputs();
  SearchStepReport r = run_and_compare();
  ASSERT_TRUE(r.incremental) << r.full_reason;
  EXPECT_EQ(r.docs_changed, 0u);
  EXPECT_EQ(r.written, std::vector<std::string>{"llms-full.txt"});
  EXPECT_NE(read_file(path("inc/llms-full.txt")).find("\n> Another home page.\n"), std::string::npos);
}

TEST_F(SearchStateTest, APageTableThatListsAPageTwiceKeepsNoState) {
  options_ = SearchOptions();
  make_site(20);
  write_inputs();
  run_and_compare();
  listed_twice_ = true;
  write_inputs();
  SearchStepReport r = run_search_step(config_, args("inc", "search.state"));
  EXPECT_FALSE(r.incremental);
  EXPECT_EQ(r.full_reason, "the page table lists a page twice");
  EXPECT_FALSE(file_exists(path("search.state")));
  expect_files_of_render_index_outputs(r);  // both documents of the page have its text
  r = run_search_step(config_, args("inc", "search.state"));
  EXPECT_EQ(r.full_reason, "no state; no state kept: the page table lists a page twice");
  listed_twice_ = false;
  write_inputs();
  EXPECT_FALSE(run_and_compare().incremental);
  EXPECT_TRUE(run_and_compare().incremental);
}

// The full run reads each document's meta and text from the last files that list it, whatever
// the order of the files, and leaves nothing but its files in the output folder (the sections
// of llms-full.txt go through a scratch file there, which has no name).
TEST_F(SearchStateTest, TheFullRunReadsTheFilesInAnyOrder) {
  options_ = SearchOptions();
  make_site(40);
  for (size_t i = 0; i < pages_.size(); i += 3) pages_[i].extra_meta_shard = (pages_[i].shard + 2) % kShards;
  for (bool reversed : {false, true}) {
    reversed_ = reversed;
    write_inputs();
    ::unlink(path("search.state").c_str());
    SearchStepReport r = run_search_step(config_, args("inc", "search.state"));
    EXPECT_FALSE(r.incremental);
    EXPECT_EQ(r.shards_decoded, 2 * kShards);  // each file once
    expect_files_of_render_index_outputs(r);
    size_t files = 0;
    for (const auto& e : fs::recursive_directory_iterator(path("inc"))) files += e.is_regular_file();
    EXPECT_EQ(files, r.files.size());
    pages_[5].text += " zebra";
    write_inputs();
    EXPECT_TRUE(run_and_compare().incremental);
  }
}

// The state is written through a buffer: in pieces of any size, the same bytes, which read back.
TEST_F(SearchStateTest, AStateWrittenInPiecesIsTheSameBytes) {
  make_site(40);
  write_inputs();
  const SearchStepArgs a = args("inc", "search.state");
  run_search_step(config_, a);
  search_state::State s;
  std::string reason;
  ASSERT_TRUE(search_state::read_state(path("search.state"), search_state::state_key(config_, a), s, reason)) << reason;
  for (size_t buffer : {1, 7, 4096}) {
    search_state::write_state(path("copy.state"), s, buffer);
    EXPECT_EQ(read_file(path("copy.state")), read_file(path("search.state"))) << buffer;
  }
  search_state::State copy;
  EXPECT_TRUE(search_state::read_state(path("copy.state"), search_state::state_key(config_, a), copy, reason)) << reason;
  EXPECT_EQ(copy.docs.size(), s.docs.size());
}

TEST(SequentialReader, ReadsRangesThroughOneBuffer) {
  const std::string file = (fs::temp_directory_path() / "bengal-sequential-reader").string();
  std::string bytes;
  for (int i = 0; i < 3000000; ++i) bytes += static_cast<char>('a' + i % 26);
  write_file_atomic(file, bytes);
  search_state::SequentialReader reader(file);
  EXPECT_EQ(reader.read(0, 5), "abcde");
  EXPECT_EQ(reader.read(3, 4), "defg");
  EXPECT_EQ(reader.read(1 << 20, 10), std::string_view(bytes).substr(1 << 20, 10));  // past the buffer
  EXPECT_EQ(reader.read(100, 2500000), std::string_view(bytes).substr(100, 2500000));  // bigger than it
  EXPECT_EQ(reader.read(bytes.size() - 3, 10), std::string_view(bytes).substr(bytes.size() - 3));  // the end
  EXPECT_EQ(reader.read(bytes.size() + 5, 10), "");
  fs::remove(file);
}

}  // namespace
}  // namespace bengal
