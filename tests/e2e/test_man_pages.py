"""Checks the man pages against the tools: every tool in BENGAL_BIN has a man1 page that names
it and mentions every long option its --help prints, and every page under man/ formats
without groff warnings."""
import os
import re
import shutil
import subprocess
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.environ.get("BENGAL_ROOT", os.path.join(HERE, "..", "..")))
BIN = os.path.abspath(os.environ.get("BENGAL_BIN", os.path.join(ROOT, "build", "bin")))
MAN = os.path.join(ROOT, "man")

LONG_OPTION = re.compile(r"--[a-z][a-z-]*")
# Sections every man1 page holds (CONVENTIONS.md, "Documentation").
MAN1_SECTIONS = ["NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "INPUT AND OUTPUT", "DIAGNOSTICS",
                 "EXIT STATUS", "EXAMPLES", "SEE ALSO"]
# Dashes a formatter may print for "-" or "\-".
DASHES = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2212": "-"})


def tools():
    """The bengal-* executables in BIN, sorted."""
    if not os.path.isdir(BIN):
        return []
    return sorted(name for name in os.listdir(BIN)
                  if name.startswith("bengal-") and os.access(os.path.join(BIN, name), os.X_OK)
                  and os.path.isfile(os.path.join(BIN, name)))


def man_pages():
    """Every man page source under man/: man/manN/NAME.N."""
    pages = []
    for dirpath, _, files in os.walk(MAN):
        for name in files:
            if re.search(r"\.[1-9]$", name):
                pages.append(os.path.join(dirpath, name))
    return sorted(pages)


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def plain_source(roff):
    """The roff source with its escaped dashes written as plain '-', so "\\-\\-name" and
    "--name" read the same."""
    return roff.replace("\\-", "-").replace("\\(hy", "-").replace("\\(mi", "-")


def has_option(text, option):
    """True when `option` ("--output") occurs in text as a whole option, not as the start of a
    longer one ("--output-dir")."""
    return re.search(re.escape(option) + r"(?![a-z0-9-])", text) is not None


def render(path):
    """The page as man(1) shows it, or None when man is not installed."""
    if shutil.which("man") is None:
        return None
    env = dict(os.environ, MANWIDTH="250", MANPAGER="cat", PAGER="cat", MAN_KEEP_FORMATTING="")
    proc = subprocess.run(["man", "-l", path], capture_output=True, text=True, env=env, timeout=60)
    if proc.returncode != 0:
        return None
    text = re.sub(r".\x08", "", proc.stdout)  # overstrike bold and underline, if any
    return text.translate(DASHES)


def sections(roff):
    """Section name -> its source lines, in order."""
    out, current = {}, None
    for line in roff.split("\n"):
        m = re.match(r'\.SH\s+"?([^"]*?)"?\s*$', line)
        if m:
            current = m.group(1).strip()
            out[current] = []
        elif current is not None:
            out[current].append(line)
    return out


class ManPages(unittest.TestCase):
    def test_tools_are_built(self):
        self.assertTrue(tools(), f"no bengal-* executables in {BIN} (set BENGAL_BIN to the bin folder)")

    def test_every_tool_has_a_man1_page_naming_it(self):
        for tool in tools():
            with self.subTest(tool=tool):
                page = os.path.join(MAN, "man1", tool + ".1")
                self.assertTrue(os.path.isfile(page), f"{tool} has no man page: {page}")
                name_lines = [l for l in sections(read(page)).get("NAME", []) if l and not l.startswith(".")]
                self.assertTrue(name_lines, f"{page}: empty NAME section")
                first = plain_source(name_lines[0])
                self.assertRegex(first, r"^" + re.escape(tool) + r"(,| ) *- \S",
                                 f"{page}: the NAME section must read '{tool} \\- what it does'")

    def test_every_help_option_is_in_the_man_page(self):
        for tool in tools():
            with self.subTest(tool=tool):
                proc = subprocess.run([os.path.join(BIN, tool), "--help"], capture_output=True, text=True,
                                      timeout=60)
                self.assertEqual(proc.returncode, 0, f"{tool} --help exited {proc.returncode}: {proc.stderr}")
                options = sorted(set(LONG_OPTION.findall(proc.stdout)))
                self.assertIn("--help", options, f"{tool} --help lists no --help: {proc.stdout}")
                page = os.path.join(MAN, "man1", tool + ".1")
                if not os.path.isfile(page):
                    self.fail(f"{tool} has no man page: {page}")
                source = plain_source(read(page))
                rendered = None
                missing = [o for o in options if not has_option(source, o)]
                if missing:
                    rendered = render(page)
                    if rendered is not None:
                        missing = [o for o in missing if not has_option(rendered, o)]
                self.assertEqual(missing, [], f"{page} does not mention {', '.join(missing)} "
                                              f"(write each as \\fB\\-\\-name\\fR)")

    def test_man1_pages_have_the_conventional_sections(self):
        for tool in tools():
            page = os.path.join(MAN, "man1", tool + ".1")
            if not os.path.isfile(page):
                continue  # reported by test_every_tool_has_a_man1_page_naming_it
            with self.subTest(tool=tool):
                found = list(sections(read(page)))
                self.assertEqual([s for s in MAN1_SECTIONS if s not in found], [],
                                 f"{page} lacks sections; it has {found}")
                order = [found.index(s) for s in MAN1_SECTIONS]
                self.assertEqual(order, sorted(order), f"{page}: sections out of order: {found}")

    def test_pages_are_ascii(self):
        # Non-ASCII bytes depend on the reader's locale and preconv; roff has escapes for them.
        pages = man_pages()
        self.assertTrue(pages, f"no man pages under {MAN}")
        for page in pages:
            with self.subTest(page=os.path.relpath(page, ROOT)):
                with open(page, "rb") as f:
                    data = f.read()
                bad = [i for i, b in enumerate(data) if b > 0x7f]
                line = data[:bad[0]].count(b"\n") + 1 if bad else 0
                self.assertEqual(bad, [], f"{page}:{line}: non-ASCII byte; use a groff escape such as \\['e]")

    def test_groff_prints_no_warnings(self):
        groff = shutil.which("groff")
        if groff is None:
            self.skipTest("groff is not installed (apt-get install groff-base): formatting not checked")
        pages = man_pages()
        self.assertTrue(pages, f"no man pages under {MAN}")
        for page in pages:
            with self.subTest(page=os.path.relpath(page, ROOT)):
                proc = subprocess.run([groff, "-man", "-Tutf8", "-ww", "-z", page], capture_output=True,
                                      text=True, timeout=60)
                self.assertEqual(proc.returncode, 0, f"groff failed on {page}: {proc.stderr}")
                self.assertEqual(proc.stderr, "", f"groff warnings for {page}")


if __name__ == "__main__":
    unittest.main()
