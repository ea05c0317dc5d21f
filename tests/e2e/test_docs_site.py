"""Builds examples/docs with real Ninja runs: golden output, no-op rebuilds, determinism."""
import os
import unittest

from bengal_e2e import ROOT, SiteTest, compare_with_golden, digest, steps

GOLDEN = os.path.join(ROOT, "tests/e2e/golden")


class DocsSite(SiteTest):
    example = "docs"

    def test_matches_golden_output(self):
        site = self.site()
        site.build()
        compare_with_golden(self, site.tree(), os.path.join(GOLDEN, "docs"))

    def test_second_build_does_nothing(self):
        site = self.site()
        site.build()
        out = site.ninja().stdout
        self.assertEqual(steps(out), [], out)
        self.assertIn("ninja: no work to do.", out)
        site.configure()  # the user's `bengal-ninja-gen && ninja` again
        out = site.ninja().stdout
        self.assertEqual(steps(out), [], out)
        self.assertIn("ninja: no work to do.", out)

    def build_fresh(self, *flags):
        """A clean build in a new copy; returns the digests of public/ and the intermediates."""
        site = self.site()
        site.build(*flags)
        # The text steps' states record file stamps (inodes, times): caches, read by no other step.
        intermediates = {k: v for k, v in site.tree(".bengal").items()
                         if not k.startswith((".ninja_", "search.state", "llms.state"))}
        return digest(site.tree()), digest(intermediates)

    def test_clean_builds_are_identical_whatever_the_parallelism(self):
        serial = self.build_fresh("-j1")
        parallel = self.build_fresh("-j2")
        again = self.build_fresh("-j2")
        self.assertEqual(serial[0], parallel[0], "public/ differs between -j1 and -j2")
        # The intermediates too: identical bytes are what lets restat prune a rebuild.
        self.assertEqual(parallel[1], again[1], "intermediates differ between two clean builds")
        self.assertEqual(serial[1], parallel[1])

    def test_published_files(self):
        site = self.site()
        site.build()
        tree = site.tree()
        for rel in ["index.html", "getting-started/index.html", "getting-started/install/index.html",
                    "guide/writing/links/index.html", "reference/tools/index.html", "reference/formats/index.html",
                    "sitemap.xml", "search/index.json", "site.css"]:
            self.assertIn(rel, tree)
        links = tree["guide/writing/links/index.html"].decode()
        # Wiki references show the target's title; relative .md links become page URLs.
        self.assertIn('<a href="/guide/sections/">Sections and URLs</a>', links)
        self.assertIn('<a href="/guide/sections/#page-urls">Page URLs</a>', links)
        self.assertIn('<a href="/guide/writing/front-matter/#yaml">', links)
        self.assertIn('<a href="/getting-started/install/">how to install</a>', links)
        self.assertIn('<a href="#relative-links">Relative links</a>', links)


if __name__ == "__main__":
    unittest.main()
