"""Builds examples/blog: golden output, page bundles, dates and drafts."""
import os
import unittest

from bengal_e2e import ROOT, SiteTest, compare_with_golden


class BlogSite(SiteTest):
    example = "blog"

    def test_matches_golden_output(self):
        site = self.site()
        site.build()
        compare_with_golden(self, site.tree(), os.path.join(ROOT, "tests/e2e/golden/blog"))

    def test_bundle_resources_are_published_beside_the_page(self):
        site = self.site()
        site.build()
        self.assertTrue(os.path.exists(site.file("public/posts/walks/trip-to-the-coast/route.svg")))
        page = site.read("public/posts/walks/trip-to-the-coast/index.html")
        self.assertIn('<img src="/posts/walks/trip-to-the-coast/route.svg"', page)

    def test_posts_are_listed_newest_first(self):
        site = self.site()
        site.build()
        # Two per page ([pagination] per_page = 2), so the oldest walk is on page 2.
        listing = site.read("public/posts/walks/index.html") + site.read("public/posts/walks/page/2/index.html")
        order = [listing.index(t) for t in ("The dune path", "The harbour loop", "A trip to the coast")]
        self.assertEqual(order, sorted(order))

    def test_drafts_are_left_out_unless_asked_for(self):
        site = self.site()
        site.build()
        self.assertFalse(os.path.exists(site.file("public/posts/draft-post")))
        self.assertNotIn("Not ready yet", site.read("public/posts/index.html"))
        site.configure("--drafts")
        site.ninja()
        self.assertIn("Not ready yet", site.read("public/posts/draft-post/index.html"))
        # And back: the draft's page is removed again.
        site.configure()
        site.ninja()
        self.assertFalse(os.path.exists(site.file("public/posts/draft-post/index.html")))

    def test_main_menu_from_config_and_front_matter_marks_the_current_page(self):
        site = self.site()
        site.build()
        about = site.read("public/about/index.html")
        self.assertIn('<nav aria-label="Main"><ul><li><a href="/posts/">Posts</a></li>'
                      '<li><a href="/about/" aria-current="page">About me</a></li>'
                      '<li><a href="https://example.org/notes">Source</a></li></ul></nav>', about)
        post = site.read("public/posts/winter-tools/index.html")
        self.assertIn('<li><a href="/posts/" class="in-trail">Posts</a></li>', post)

    def test_a_menu_entry_naming_a_missing_page_is_an_error_in_the_config(self):
        site = self.site()
        site.edit("bengal.toml", 'page = "posts"', 'page = "psots"')
        site.configure()
        proc = site.ninja(check=False)
        self.assertNotEqual(proc.returncode, 0)
        self.assertIn("bengal.toml:6:1: error: menu 'main': no page content/psots.md (did you mean 'posts'?)",
                      proc.stdout)

    def test_sitemap_lists_dates(self):
        site = self.site()
        site.build()
        sitemap = site.read("public/sitemap.xml")
        self.assertIn("<loc>https://notes.example.org/posts/winter-tools/</loc>", sitemap)
        self.assertIn("<lastmod>2026-02-11</lastmod>", sitemap)
        self.assertNotIn("draft-post", sitemap)


if __name__ == "__main__":
    unittest.main()
