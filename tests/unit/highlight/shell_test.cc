#include <gtest/gtest.h>

#include "highlight_test_util.h"

namespace bengal::highlight {
namespace {

using testing::class_of;
using testing::spans;

TEST(BashLexer, VariablesExpansionsAndQuotes) {
  EXPECT_EQ(spans("bash", "NAME=\"x ${USER:-me} $(id -u)\" 'raw $y'\n"),
            "[nv:NAME][o:=][s2:\"x ][si:${][nv:USER][k::-][nv:me][si:}][s2: ][k:$(]id -u[k:)][s2:\"] [s1:'raw $y']\n");
}

TEST(BashLexer, KeywordsBuiltinsAndNumbersOnlyStartWords) {
  EXPECT_EQ(spans("bash", "if [ $# -eq 2 ]; then echo done_file x2 2>&1; fi\n"),
            "[k:if] [o:[] [nv:$#] -eq [m:2] [o:]][p:;] [k:then] [nb:echo] done_file x2 [m:2]>[p:&][m:1][p:;] [k:fi]\n");
}

TEST(BashLexer, HereDocumentsAreOneString) {
  EXPECT_EQ(spans("bash", "cat <<-EOF > out\n\tline $x\n\tEOF\necho\n"),
            "cat [sh:<<-EOF > out\n\tline $x\n\tEOF]\n[nb:echo]\n");
  EXPECT_EQ(class_of("bash", "cat <<'END'\n$(not run)\nEND\n", "$(not run)"), "sh");
}

TEST(BashLexer, ArithmeticBackticksAndComments) {
  EXPECT_EQ(spans("bash", "n=$((n + 1)) # inc\nd=`date`\n"),
            "[nv:n][o:=][k:$((]n [o:+] [m:1][k:))] [c1:# inc]\n[nv:d][o:=][sb:`]date[sb:`]\n");
  EXPECT_EQ(class_of("bash", "echo a#b\n", "a#b"), "-");  // '#' inside a word is not a comment
}

TEST(ConsoleLexer, PromptsCommandsAndOutput) {
  EXPECT_EQ(spans("console", "$ ls -l\ntotal 0\nuser@host:~$ echo $HOME\n/home/me\n"),
            "[gp:$ ]ls -l\n[go:total 0\n][gp:user@host:~$ ][nb:echo] [nv:$HOME]\n[go:/home/me\n]");
}

TEST(ConsoleLexer, ContinuationLinesAndEnvironmentPrefix) {
  EXPECT_EQ(spans("console", "(venv) $ make \\\n> all\ndone\n"), "[gp:(venv) $ ]make [se:\\\n][gp:> ]all\n[go:done\n]");
  EXPECT_EQ(class_of("console", "$HOME is set\n", "$HOME"), "go");  // not a prompt: no blank after '$'
}

}  // namespace
}  // namespace bengal::highlight
