"""Link integrity of whole built sites: every internal href and src of examples/docs and
examples/blog resolves to a published file (tests/tools/check_links.py), and the checker
itself finds a broken link, a missing image and a missing anchor."""
import os
import sys
import unittest

from bengal_e2e import ROOT, SiteTest

sys.path.insert(0, os.path.join(ROOT, "tests/tools"))
import check_links  # noqa: E402

ORIGIN = {"blog": "https://notes.example.org", "docs": "https://bengal.example.org"}


class LinkIntegrity(SiteTest):
    def test_every_internal_reference_of_the_examples_resolves(self):
        for example in ("docs", "blog"):
            with self.subTest(example=example):
                site = self.site(example)
                site.build()
                problems = check_links.check(site.file("public"), "/", ORIGIN[example])
                self.assertEqual(problems, [], "\n".join(problems))

    def test_the_checker_finds_what_is_broken(self):
        site = self.site("docs")
        site.build()
        page = site.file("public/guide/index.html")
        with open(page, "a", encoding="utf-8") as f:
            f.write('<a href="/no/such/page/">x</a><img src="../nope.png"><a href="/guide/#no-such-id">y</a>')
        problems = check_links.check(site.file("public"), "/", ORIGIN["docs"])
        self.assertEqual(len(problems), 3, problems)
        self.assertTrue(any("/no/such/page/: no such file" in p for p in problems))
        self.assertTrue(any("../nope.png: no such file" in p for p in problems))
        self.assertTrue(any("no id 'no-such-id'" in p for p in problems))


if __name__ == "__main__":
    unittest.main()
