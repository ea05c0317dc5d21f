#include <gtest/gtest.h>

#include "highlight_test_util.h"

namespace bengal::highlight {
namespace {

using testing::class_of;
using testing::spans;

TEST(SqlLexer, KeywordsInAnyCaseStringsAndComments) {
  EXPECT_EQ(spans("sql", "select Name, count(*) FROM t WHERE s = 'it''s' -- c\n/* a /* b */ */ \"Col\";\n"),
            "[k:select] Name[p:,] [k:count][p:(][o:*][p:)] [k:FROM] t [k:WHERE] s [o:=] [s1:'it''s'] [c1:-- c]\n"
            "[cm:/* a /* b */ */] [ss:\"Col\"][p:;]\n");
  EXPECT_EQ(spans("sql", "id INTEGER, v varchar(20), x = 1.5\n"),
            "id [nb:INTEGER][p:,] v [nb:varchar][p:(][mi:20][p:),] x [o:=] [mi:1][p:.][mi:5]\n");
}

TEST(DiffLexer, LineClasses) {
  EXPECT_EQ(spans("diff", "diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1 +1 @@\n-old\n+new\n same\n"),
            "[gh:diff --git a/x b/x]\n[gd:--- a/x]\n[gi:+++ b/x]\n[gu:@@ -1 +1 @@]\n[gd:-old]\n[gi:+new]\n same\n");
}

TEST(DockerfileLexer, InstructionsAndTheirArguments) {
  EXPECT_EQ(
      spans("dockerfile", "FROM debian:12 AS build\nRUN make \\\n  && echo ok\nCMD [\"a\", \"b\"]\nWORKDIR /src\n"),
      "[k:FROM] [s:debian:12] [k:AS] [s:build]\n[k:RUN] make [se:\\\n]  [o:&&] [nb:echo] ok\n"
      "[k:CMD] [p:[][s2:\"a\"][p:,] [s2:\"b\"][p:]]\n[k:WORKDIR] [s:/src]\n");
  EXPECT_EQ(class_of("dockerfile", "# syntax=docker/dockerfile:1\n", "# syntax"), "c");
  EXPECT_EQ(class_of("dockerfile", "run echo hi\n", "run"), "k");
}

}  // namespace
}  // namespace bengal::highlight
