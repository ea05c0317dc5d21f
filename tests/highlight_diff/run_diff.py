#!/usr/bin/python3
"""Differential test of Bengal's lexers against Pygments (Debian's python3-pygments).

Every sample corpus/<language>/<name>.* is tokenized by Pygments and by Bengal (through the
bengal-highlight-dump driver). Each token class is mapped to a coarse category (keyword,
keyword.type, name.function, string, comment, number, operator, punctuation, plain, ...: see
CATEGORIES), and for every byte that is not white space the two categories must agree. A
disagreement is allowed only when a rule in allowed_differences.txt covers it; README.md
explains each rule.

Usage: run_diff.py --dump build/.../bengal-highlight-dump --corpus tests/highlight_diff/corpus
         [--lang python] [--verbose] [--show-allowed]
Prints a table of per-language agreement; exits 1 when a disagreement is not allowed.
"""
import argparse
import os
import re
import subprocess
import sys

from pygments.lexers import get_lexer_by_name
from pygments.token import STANDARD_TYPES, Token

# Bengal's language name (the corpus folder) -> Pygments' lexer name.
PYGMENTS_LEXERS = {
    "python": "python", "bash": "bash", "console": "console", "c": "c", "cpp": "cpp",
    "rust": "rust", "go": "go", "javascript": "javascript", "typescript": "typescript",
    "json": "json", "yaml": "yaml", "toml": "toml", "html": "html", "xml": "xml", "css": "css",
    "sql": "sql", "diff": "diff", "markdown": "markdown", "dockerfile": "docker", "ini": "ini",
}

# Most specific first: a token type takes the category of its nearest listed ancestor.
CATEGORIES = [
    (Token.Keyword.Type, "keyword.type"),
    (Token.Keyword, "keyword"),
    (Token.Name.Builtin, "name.builtin"),
    (Token.Name.Function, "name.function"),
    (Token.Name.Class, "name.class"),
    (Token.Name.Decorator, "name.decorator"),
    (Token.Name.Namespace, "name.namespace"),
    (Token.Name.Exception, "name.exception"),
    (Token.Name.Tag, "name.tag"),
    (Token.Name.Attribute, "name.attribute"),
    (Token.Name.Variable, "name.variable"),
    (Token.Name.Constant, "name.constant"),
    (Token.Name.Label, "name.label"),
    (Token.Name.Entity, "name.entity"),
    (Token.Name, "plain"),  # Name, Name.Other, Name.Property: text colour in every stock style
    (Token.Literal.String.Doc, "string.doc"),
    (Token.Literal.String.Escape, "string.escape"),
    (Token.Literal.String.Interpol, "string.interpol"),
    (Token.Literal.String.Regex, "string.regex"),
    (Token.Literal.String, "string"),
    (Token.Literal.Number, "number"),
    (Token.Literal, "literal"),
    (Token.Operator.Word, "operator.word"),
    (Token.Operator, "operator"),
    (Token.Punctuation, "punctuation"),
    (Token.Comment.Preproc, "comment.preproc"),
    (Token.Comment.PreprocFile, "comment.preprocfile"),
    (Token.Comment, "comment"),
    (Token.Generic.Deleted, "generic.deleted"),
    (Token.Generic.Inserted, "generic.inserted"),
    (Token.Generic.Heading, "generic.heading"),
    (Token.Generic.Subheading, "generic.subheading"),
    (Token.Generic.Prompt, "generic.prompt"),
    (Token.Generic.Output, "generic.output"),
    (Token.Generic.Emph, "generic.emph"),
    (Token.Generic.Strong, "generic.strong"),
    (Token.Generic.Traceback, "generic.traceback"),
    (Token.Generic, "generic"),
    (Token.Error, "error"),
]
BLANKS = b" \t\r\n"
SHORT_NAMES = {short: ttype for ttype, short in STANDARD_TYPES.items()}


def category(ttype):
    for ancestor, name in CATEGORIES:
        if ttype in ancestor:
            return name
    return "plain"


def load_rules(path):
    """allowed_differences.txt: `language pygments-category bengal-category regex` per line.
    A rule allows a run of bytes where Pygments and Bengal disagree in those two categories
    (language `*` for any) when the regex matches the whole run's text."""
    rules = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            lang, pyg, bengal, pattern = line.split(None, 3)
            rules.append({"lang": lang, "pygments": pyg, "bengal": bengal,
                          "regex": re.compile(pattern, re.S), "line": number, "used": 0})
    return rules


def pygments_categories(lang, text):
    """One category per byte of the UTF-8 text. Tokens are placed one after the other, except
    that a token whose offset lies ahead skips the gap: a few Pygments rules drop the text of
    a group they give no token type (counted as plain). Offsets that lie behind are ignored:
    the console lexer reports some wrong ones though its tokens come in order."""
    lexer = get_lexer_by_name(PYGMENTS_LEXERS[lang], stripnl=False, ensurenl=False)
    byte_at = [0]
    for ch in text:
        byte_at.append(byte_at[-1] + len(ch.encode("utf-8")))
    cats = ["plain"] * byte_at[-1]
    pos = 0
    for index, ttype, value in lexer.get_tokens_unprocessed(text):
        pos = max(pos, index)
        cat = category(ttype)
        for i in range(byte_at[pos], byte_at[pos + len(value)]):
            cats[i] = cat
        pos += len(value)
    return cats


def run_dump(dump, samples):
    args = [dump]
    for lang, path in samples:
        args += [lang, path]
    out = subprocess.run(args, check=True, capture_output=True, text=True).stdout
    tokens, current = {}, None
    for line in out.splitlines():
        if line.startswith("== "):
            current = tokens.setdefault(line[3:], [])
            continue
        begin, end, short = line.split()
        cat = "plain" if short == "-" else category(SHORT_NAMES[short])
        current.extend([cat] * (int(end) - int(begin)))
    return tokens


def mismatch_runs(data, pyg, bengal):
    """Maximal runs of bytes with the same (pygments, bengal) disagreement; white space
    inside a run does not break it."""
    runs, pair, start, last = [], None, 0, 0
    for i, byte in enumerate(data):
        if byte in BLANKS:
            continue
        here = (pyg[i], bengal[i]) if pyg[i] != bengal[i] else None
        if here is not None and here == pair:
            last = i
            continue
        if pair is not None:
            runs.append((start, last + 1))
        pair, start, last = here, i, i
    if pair is not None:
        runs.append((start, last + 1))
    return runs


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dump", required=True)
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--lang")
    parser.add_argument("--verbose", action="store_true", help="print every disagreement")
    parser.add_argument("--show-allowed", action="store_true", help="print allowed disagreements too")
    args = parser.parse_args()

    here = os.path.dirname(os.path.abspath(__file__))
    rules = load_rules(os.path.join(here, "allowed_differences.txt"))
    samples = []
    for lang in sorted(os.listdir(args.corpus)):
        if args.lang and lang != args.lang:
            continue
        folder = os.path.join(args.corpus, lang)
        for name in sorted(os.listdir(folder)):
            samples.append((lang, os.path.join(folder, name)))
    bengal_tokens = run_dump(args.dump, samples)

    stats, failures = {}, 0
    for lang, path in samples:
        with open(path, "rb") as f:
            data = f.read()
        text = data.decode("utf-8")
        pyg = pygments_categories(lang, text)
        bengal = bengal_tokens[path]
        assert len(pyg) == len(data) == len(bengal), path
        st = stats.setdefault(lang, {"files": 0, "bytes": 0, "agree": 0, "allowed": 0})
        st["files"] += 1
        for i, byte in enumerate(data):
            if byte not in BLANKS:
                st["bytes"] += 1
                st["agree"] += pyg[i] == bengal[i]
        for begin, end in mismatch_runs(data, pyg, bengal):
            run_text = data[begin:end].decode("utf-8", "replace")
            rule = next((r for r in rules if r["lang"] in (lang, "*") and r["pygments"] == pyg[begin]
                         and r["bengal"] == bengal[begin] and r["regex"].fullmatch(run_text)), None)
            count = sum(1 for b in data[begin:end] if b not in BLANKS)
            line = data.count(b"\n", 0, begin) + 1
            col = begin - (data.rfind(b"\n", 0, begin) + 1) + 1
            where = f"{os.path.relpath(path, args.corpus)}:{line}:{col}"
            if rule:
                rule["used"] += 1
                st["allowed"] += count
                if args.show_allowed:
                    print(f"allowed (rule {rule['line']}) {where}: {run_text!r} pygments={pyg[begin]} bengal={bengal[begin]}")
                continue
            failures += 1
            if args.verbose or failures <= 40:
                print(f"DIFFER {where}: {run_text!r} pygments={pyg[begin]} bengal={bengal[begin]}")

    print(f"\n{'language':<12} {'files':>5} {'bytes':>7} {'agree':>8} {'with allowed':>13}")
    total = {"files": 0, "bytes": 0, "agree": 0, "allowed": 0}
    for lang, st in sorted(stats.items()):
        for key in total:
            total[key] += st[key]
        print(f"{lang:<12} {st['files']:>5} {st['bytes']:>7} {100 * st['agree'] / st['bytes']:>7.2f}% "
              f"{100 * (st['agree'] + st['allowed']) / st['bytes']:>12.2f}%")
    if total["bytes"]:
        print(f"{'total':<12} {total['files']:>5} {total['bytes']:>7} {100 * total['agree'] / total['bytes']:>7.2f}% "
              f"{100 * (total['agree'] + total['allowed']) / total['bytes']:>12.2f}%")
    unused = [r for r in rules if not r["used"] and (not args.lang or r["lang"] in (args.lang, "*"))]
    for r in unused:
        print(f"note: rule {r['line']} ({r['lang']} {r['pygments']} {r['bengal']}) allowed nothing")
    if failures:
        print(f"\n{failures} disagreement(s) not covered by allowed_differences.txt")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
