#include "parse/wiki.h"

#include <gtest/gtest.h>

namespace bengal {

TEST(ScanWikiRefs, FindsAllFourForms) {
  WikiScan scan = scan_wiki_refs("a [[p]] b [[d/p#h]] c [[p| the text ]] d [[#h]]");
  ASSERT_EQ(scan.refs.size(), 4u);
  EXPECT_TRUE(scan.problems.empty());
  EXPECT_EQ(scan.refs[0].target, "p");
  EXPECT_EQ(scan.refs[0].text, "");
  EXPECT_EQ(scan.refs[0].begin, 2u);
  EXPECT_EQ(scan.refs[0].end, 7u);
  EXPECT_EQ(scan.refs[1].target, "d/p#h");
  EXPECT_EQ(scan.refs[2].target, "p");
  EXPECT_EQ(scan.refs[2].text, "the text");
  EXPECT_EQ(scan.refs[3].target, "#h");
}

TEST(ScanWikiRefs, ReportsUnclosedAndCarriesOn) {
  WikiScan scan = scan_wiki_refs("[[a and [[b]] then [[c");
  ASSERT_EQ(scan.refs.size(), 1u);
  EXPECT_EQ(scan.refs[0].target, "b");
  ASSERT_EQ(scan.problems.size(), 2u);
  EXPECT_EQ(scan.problems[0].offset, 0u);
  EXPECT_EQ(scan.problems[0].kind, WikiProblemKind::kUnclosed);
  EXPECT_EQ(scan.problems[1].offset, 19u);
}

TEST(ScanWikiRefs, ReportsEmptyTargets) {
  WikiScan scan = scan_wiki_refs("[[]] [[ |text]] [[ok]]");
  ASSERT_EQ(scan.refs.size(), 1u);
  ASSERT_EQ(scan.problems.size(), 2u);
  EXPECT_EQ(scan.problems[0].kind, WikiProblemKind::kEmptyTarget);
  EXPECT_EQ(scan.problems[1].offset, 5u);
}

TEST(ScanWikiRefs, EscapedBracketsOpenNothing) {
  EXPECT_TRUE(scan_wiki_refs("[[x]]", std::vector<size_t>{0}).refs.empty());
  EXPECT_TRUE(scan_wiki_refs("[[x]]", std::vector<size_t>{1}).refs.empty());
  EXPECT_TRUE(scan_wiki_refs("[[x]]", std::vector<size_t>{0, 1}).problems.empty());
}

TEST(ScanWikiRefs, ExtraOpeningBracketStaysText) {
  WikiScan scan = scan_wiki_refs("[[[x]]]");
  ASSERT_EQ(scan.refs.size(), 1u);
  EXPECT_EQ(scan.refs[0].begin, 1u);
  EXPECT_EQ(scan.refs[0].target, "x");
}

TEST(ScanWikiRefs, PlainBracketsAreNotReferences) {
  WikiScan scan = scan_wiki_refs("a [b] c ]] d [");
  EXPECT_TRUE(scan.refs.empty());
  EXPECT_TRUE(scan.problems.empty());
}

}  // namespace bengal
