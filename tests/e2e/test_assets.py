"""Static and theme assets on real builds: the built-in theme's assets, a site file that
overrides one, fingerprinting with asset_url() and asset-manifest.json, the removal of stale
hashed copies, _redirects, and the asset check that names the Markdown line of a missing image."""
import json
import os
import re
import unittest

from bengal_e2e import SiteTest, steps


class Assets(SiteTest):
    def test_theme_assets_are_published_and_a_static_file_overrides_one(self):
        site = self.site("docs")
        site.build()
        theme_css = site.read("public/bengal/theme.css")
        self.assertGreater(len(theme_css), 100)
        site.write("static/bengal/theme.css", "/* mine */\n")
        site.ninja()
        self.assertEqual(site.read("public/bengal/theme.css"), "/* mine */\n")
        os.remove(site.file("static/bengal/theme.css"))
        site.ninja()
        self.assertEqual(site.read("public/bengal/theme.css"), theme_css)
        self.assertIn("ninja: no work to do.", site.ninja().stdout)

    def fingerprinted(self):
        site = self.site("docs")
        with open(site.file("bengal.toml"), "a", encoding="utf-8") as f:
            f.write("\n[assets]\nfingerprint = true\n")
        site.build()
        return site

    def test_fingerprinted_names_in_pages_and_the_manifest(self):
        site = self.fingerprinted()
        manifest = json.loads(site.read("public/asset-manifest.json"))
        self.assertIn("site.css", manifest)
        self.assertRegex(manifest["site.css"], r"^site\.[0-9a-f]{16}\.css$")
        for plain, hashed in manifest.items():
            self.assertTrue(os.path.isfile(site.file("public/" + hashed)), hashed)
            self.assertTrue(os.path.isfile(site.file("public/" + plain)), plain)  # direct links keep working
        page = site.read("public/guide/index.html")
        self.assertIn("/" + manifest["bengal/theme.css"], page)
        self.assertNotIn('"/bengal/theme.css"', page)
        self.assertIn("ninja: no work to do.", site.ninja().stdout)

    def test_an_asset_edit_gets_a_new_name_and_the_old_one_goes(self):
        site = self.fingerprinted()
        old = json.loads(site.read("public/asset-manifest.json"))["site.css"]
        site.write("static/site.css", site.read("static/site.css") + "\n/* edited */\n")
        ran = steps(site.ninja().stdout)
        new = json.loads(site.read("public/asset-manifest.json"))["site.css"]
        self.assertNotEqual(old, new)
        self.assertTrue(os.path.isfile(site.file("public/" + new)))
        self.assertFalse(os.path.exists(site.file("public/" + old)), "the stale hashed copy is pruned")
        self.assertIn("HASH .bengal/assets", ran)

    def test_redirects_file_lists_aliases(self):
        site = self.site("blog")
        with open(site.file("bengal.toml"), "a", encoding="utf-8") as f:
            f.write("\n[outputs]\nredirects = true\n")
        site.build()
        lines = site.read("public/_redirects").splitlines()
        self.assertTrue(lines, "the blog has aliases")
        for line in lines:
            src, dest, code = line.split(" ")
            self.assertEqual(code, "301")
            self.assertTrue(src.startswith("/") and dest.startswith("/"), line)
            self.assertTrue(os.path.isfile(site.file("public/" + dest.lstrip("/") + "index.html")), line)

    def test_a_missing_image_is_reported_at_its_markdown_line(self):
        site = self.site("docs")
        site.build()
        page = "content/guide/sections.md"
        lines = site.read(page).count("\n")
        site.write(page, site.read(page) + "\n![A chart](img/chart.png)\n")
        out = site.ninja(check=False)
        self.assertNotEqual(out.returncode, 0)
        self.assertRegex(out.stdout + out.stderr,
                         # A relative resource is resolved against the page's source folder (content/guide/).
                         re.escape(page) + r":" + str(lines + 2) + r":1: error: '/guide/img/chart.png'")
        # Adding the file fixes the build.
        site.write(page, site.read(page).replace("img/chart.png", "../logo.svg"))
        site.write("static/logo.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>")
        self.assertEqual(site.ninja(check=False).returncode, 0)


if __name__ == "__main__":
    unittest.main()
