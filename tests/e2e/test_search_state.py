"""The incremental search step (bengal-index --state) on real Ninja runs over examples/docs:
after edits, search/ and llms-full.txt are the bytes of a clean build of the same content, and
the step rewrites only the files the edit concerns."""
import json
import os
import re
import shlex
import shutil
import unittest

from bengal_e2e import BIN, SiteTest, changed

STATE = ".bengal/search.state"
PAGE = "content/guide/writing/front-matter.md"


class SearchState(SiteTest):
    example = "docs"

    def clean_build_of(self, site):
        """A fresh copy of the example with site's content, built from nothing."""
        fresh = self.site()
        shutil.rmtree(fresh.file("content"))
        shutil.copytree(site.file("content"), fresh.file("content"))
        fresh.build()
        return fresh

    def assert_search_files_equal(self, site, fresh):
        ours, theirs = site.tree("public/search"), fresh.tree("public/search")
        listed = {e[len("search/"):] for e in self.manifest_paths(site) if e.startswith("search/")}
        # The prune step removes what the manifest no longer lists; the rest must match.
        self.assertEqual(sorted(listed), sorted(theirs))
        for rel in theirs:
            self.assertEqual(ours[rel], theirs[rel], f"search/{rel}")
        self.assertEqual(sorted(ours), sorted(theirs))
        self.assertEqual(site.read("public/llms-full.txt"), fresh.read("public/llms-full.txt"))
        with open(site.file(".bengal/search.manifest"), "rb") as a, open(fresh.file(".bengal/search.manifest"), "rb") as b:
            self.assertEqual(a.read(), b.read())

    def text_step_commands(self, site):
        """The commands of the search edge and of the llms-full.txt edge."""
        return [site.run("ninja", "-t", "commands", m).stdout.strip().splitlines()[-1]
                for m in (".bengal/search.manifest", ".bengal/llms.manifest")]

    def manifest_paths(self, site):
        out = site.run(os.path.join(BIN, "bengal-dump"), "--body-only", ".bengal/search.manifest").stdout
        return [f["path"] for f in json.loads(out)["files"]]

    def test_edits_give_the_bytes_of_a_clean_build(self):
        site = self.site()
        site.build()
        self.assertTrue(os.path.exists(site.file(STATE)))
        edits = [
            lambda text: text.replace("Other keys are kept as", "Other keys are kept, very safely, as"),  # body
            lambda text: text + "\n## Zanzibar notes\n\nA heading and a paragraph more.\n",  # a heading
            lambda text: text.replace("very safely", "").replace("Zanzibar notes", "Zebra notes"),
        ]
        for edit in edits:
            before = site.stamps()
            state_before = os.stat(site.file(STATE)).st_mtime_ns
            old_text = site.read(PAGE)
            site.write(PAGE, edit(old_text))
            site.ninja()
            self.assertNotEqual(os.stat(site.file(STATE)).st_mtime_ns, state_before)
            words = set(re.findall(r"\w+", old_text.lower())) ^ set(re.findall(r"\w+", site.read(PAGE).lower()))
            rewritten = [r for r in changed(before, site.stamps()) if r.startswith("search/")]
            fragments = [r for r in before if r.startswith("search/t-")]
            # Of the fragments, only those of the words that came or went were rewritten.
            for rel in rewritten:
                if rel.startswith("search/t-"):
                    key = bytes.fromhex(rel[len("search/t-"):-len(".json")]).decode()
                    self.assertTrue(any(w.startswith(key) for w in words), f"{rel} ({key}) rewritten for {words}")
                else:
                    self.assertTrue(rel == "search/index.json" or rel.startswith("search/docs-"), rel)
            self.assertGreater(len(fragments) - len(rewritten), 50)
            self.assert_search_files_equal(site, self.clean_build_of(site))

    def test_the_step_runs_incrementally_and_says_so(self):
        site = self.site()
        site.build()
        # Two edges, each with its state: the search index, and llms-full.txt.
        command, llms_command = self.text_step_commands(site)
        self.assertIn("--state .bengal/search.state --outputs search/index.json", command)
        self.assertIn("--state .bengal/llms.state --outputs llms-full.txt", llms_command)
        site.edit(PAGE, "Other keys are kept as `params`", "Other keys are kept, very safely, as `params`")
        inputs = [l.strip() for l in site.run("ninja", "-t", "query", ".bengal/search.manifest").stdout.splitlines()
                  if l.strip().endswith((".meta", ".text"))]
        site.ninja(*inputs)  # the edited page's shard is parsed again; the text steps wait
        for step in (command, llms_command):
            out = site.run(*shlex.split(step), "--explain")
            self.assertIn("search step: incremental: 2 shard files decoded, 1 documents changed", out.stderr)
        self.assert_search_files_equal(site, self.clean_build_of(site))
        # A state that is not one is a full run, never an error.
        site.write(STATE, "not a state")
        out = site.run(*shlex.split(command), "--explain")
        self.assertIn("search step: full run (the state is not a search state)", out.stderr)
        self.assertEqual(out.returncode, 0)

    def test_page_table_edits_stay_incremental(self):
        """A title edit, a page added and the page removed change the page table: the step stays
        incremental, and writes the bytes of a clean build."""
        site = self.site()
        site.build()
        commands = self.text_step_commands(site)
        site.edit(PAGE, "title: Front matter", "title: Front matter and its keys")
        inputs = [l.strip() for l in site.run("ninja", "-t", "query", ".bengal/search.manifest").stdout.splitlines()
                  if l.strip().endswith((".meta", ".text"))]
        site.ninja(".bengal/pagetable", *inputs)  # the page table and the shard files, not the text steps
        for command in commands:
            out = site.run(*shlex.split(command), "--explain")
            self.assertIn("search step: incremental (new page table, 0 documents renumbered): ", out.stderr)
        self.assert_search_files_equal(site, self.clean_build_of(site))
        added = "content/guide/writing/aardvark.md"  # sorts before its section's other pages
        site.write(added, "---\ntitle: Aardvark notes\n---\n\nAn aardvark page, zygote.\n")
        site.ninja()
        self.assert_search_files_equal(site, self.clean_build_of(site))
        os.remove(site.file(added))
        site.ninja()
        self.assert_search_files_equal(site, self.clean_build_of(site))


if __name__ == "__main__":
    unittest.main()
