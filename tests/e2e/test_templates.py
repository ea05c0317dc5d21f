"""Templates and themes on real Ninja runs over examples/docs: lookup, overrides, what a
template edit re-renders, template errors."""
import os
import re
import unittest

from bengal_e2e import SiteTest, changed, steps


def rendered_shards(out):
    return sorted({re.search(r"shards/([^ .]+)", s).group(1) for s in steps(out) if s.startswith("RENDER ")})


class Templates(SiteTest):
    example = "docs"

    def built_site(self, *flags):
        site = self.site()
        site.configure(*flags)
        site.ninja()
        return site, site.stamps()

    def test_a_section_template_overrides_the_theme_for_its_section_only(self):
        site, _ = self.built_site()
        self.assertIn('<p class="note">This reference describes Bengal 0.1;',
                      site.read("public/reference/tools/pipeline/index.html"))
        self.assertNotIn('class="note"', site.read("public/guide/themes/index.html"))

    def test_editing_a_template_rerenders_only_the_pages_that_use_it(self):
        site, before = self.built_site()
        site.edit("templates/reference/page.html", "every tool also has a man page", "see also the man pages")
        out = site.ninja().stdout
        self.assertTrue(rendered_shards(out), out)
        for shard in rendered_shards(out):
            self.assertTrue(shard.startswith("reference-"), f"re-rendered {shard}: {steps(out)}")
        for rel in changed(before, site.stamps()):
            self.assertTrue(rel.startswith("reference/"), f"{rel} should not change")
        self.assertIn("see also the man pages", site.read("public/reference/tools/pipeline/index.html"))

    def test_a_new_site_template_takes_over_from_the_built_in_one(self):
        site, _ = self.built_site()
        site.write("templates/partials/pager.html", '<nav class="pager">custom pager</nav>\n')
        out = site.ninja().stdout
        self.assertIn("custom pager", site.read("public/guide/sections/index.html"))
        self.assertIn("custom pager", site.read("public/reference/tools/pipeline/index.html"))
        # The new file is newer than every input Ninja knew of when it scheduled the renders, so
        # with restat the next run renders once more (same bytes, so nothing further runs).
        after = site.stamps()
        out = site.ninja().stdout
        self.assertEqual([s for s in steps(out) if not s.startswith("RENDER ")], [], out)
        self.assertEqual(site.stamps(), after)
        self.assertIn("ninja: no work to do.", site.ninja().stdout)

    def test_a_template_error_is_located_and_leaves_the_site(self):
        site, before = self.built_site()
        site.edit("templates/reference/page.html", "{{ super() -}}", "{{ super() -}}\n{{ page.title | lenght }}")
        proc = site.ninja(check=False)
        self.assertNotEqual(proc.returncode, 0)
        self.assertIn("templates/reference/page.html:6:17: error: unknown filter 'lenght' (did you mean 'length'?)",
                      proc.stdout)
        self.assertEqual(site.stamps(), before)

    def test_unknown_layout_is_an_error_at_the_front_matter_key(self):
        site, _ = self.built_site()
        site.edit("content/guide/themes.md", "weight: 3", "weight: 3\nlayout: wdie")
        proc = site.ninja(check=False)
        self.assertNotEqual(proc.returncode, 0)
        self.assertIn("content/guide/themes.md:4:9: error: no template 'wdie.html' for layout 'wdie'", proc.stdout)

    def test_ref_in_a_template_is_resolved_and_checked_by_the_link_step(self):
        site, before = self.built_site()
        self.assertIn('<a href="/guide/themes/">their own template</a>',
                      site.read("public/reference/tools/pipeline/index.html"))
        site.edit("templates/reference/page.html", "ref('guide/themes')", "ref('guide/themse')")
        proc = site.ninja(check=False)
        self.assertNotEqual(proc.returncode, 0)
        self.assertIn("templates/reference/page.html:6:175: error: ref('guide/themse'): no page "
                      "content/guide/themse.md (did you mean 'guide/themes'?)", proc.stdout)
        self.assertEqual(site.stamps(), before)

    def test_strict_makes_undefined_variables_errors(self):
        site, _ = self.built_site()
        site.edit("templates/reference/page.html", "{{ super() -}}", "{{ super() -}}\n{{ page.no_such_field }}")
        site.ninja()  # lenient by default: renders empty
        site.configure("--strict")
        proc = site.ninja(check=False)
        self.assertNotEqual(proc.returncode, 0)
        self.assertIn("templates/reference/page.html:6:", proc.stdout)
        self.assertIn("no_such_field", proc.stdout)


if __name__ == "__main__":
    unittest.main()
