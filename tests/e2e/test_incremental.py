"""Incremental behaviour on real Ninja runs over examples/docs: what an edit re-runs and
rewrites, and nothing more."""
import os
import re
import shutil
import unittest

from bengal_e2e import SiteTest, changed, steps


def shard_of(site, source):
    """The shard whose scan edge lists `source`, read from build.ninja."""
    for line in site.read("build.ninja").splitlines():
        m = re.match(r"build (\S+)\.scan: scan (.*)", line)
        if m and source in m.group(2).split():
            return os.path.basename(m.group(1))
    raise AssertionError(f"{source} is in no shard")


def shards_in(step_list, verb):
    return sorted({re.search(r"shards/([^ .]+)", s).group(1) for s in step_list if s.startswith(verb + " ")})


class Incremental(SiteTest):
    example = "docs"

    def built_site(self):
        site = self.site()
        site.build()
        return site, site.stamps()

    def test_body_edit_reruns_only_its_shard_and_rewrites_only_its_page(self):
        site, before = self.built_site()
        page = "content/guide/writing/front-matter.md"
        shard = shard_of(site, page)
        # Not the first paragraph: that one is the summary, which the section page shows too.
        site.edit(page, "Other keys are kept as `params`", "Other keys are kept, very safely, as `params`")
        ran = steps(site.ninja().stdout)
        for verb in ("SCAN", "PARSE", "RENDER", "EMIT"):
            self.assertEqual(shards_in(ran, verb), [shard], f"{verb} steps: {ran}")
        rewritten = changed(before, site.stamps())
        self.assertEqual([r for r in rewritten if not r.startswith("search/")],
                         ["guide/writing/front-matter/index.html", "guide/writing/front-matter/index.json",
                          "guide/writing/front-matter/index.txt", "llms-full.txt"])
        # Of the search index, only the fragments of the two new words ("ve…", "sa…").
        self.assertEqual([r for r in rewritten if r.startswith("search/")],
                         ["search/t-7361.json", "search/t-7665.json"])
        self.assertIn("very safely", site.read("public/guide/writing/front-matter/index.html"))

    def test_title_edit_rerenders_only_pages_that_show_it(self):
        site, before = self.built_site()
        site.edit("content/guide/sections.md", "title: Sections and URLs", "title: Sections, folders and URLs")
        ran = steps(site.ninja().stdout)
        rewritten = changed(before, site.stamps())
        # Shown by: the page itself, its section's navigation (the guide branch), the page that
        # references it with [[guide/sections]], the search index and llms.txt and llms-full.txt.
        self.assertIn("guide/sections/index.html", rewritten)
        self.assertIn("guide/writing/links/index.html", rewritten)
        self.assertIn("guide/index.html", rewritten)
        # The feeds of its sections list it too, the home page's included (undated pages go by title).
        site_wide = ("llms.txt", "llms-full.txt", "rss.xml", "atom.xml")
        for rel in rewritten:
            self.assertTrue(rel.startswith(("guide/", "search/")) or rel in site_wide,
                            f"{rel} should not change: {rewritten}")
        home = shard_of(site, "content/_index.md")  # for the home page's feeds
        for shard in shards_in(ran, "RENDER"):
            self.assertTrue(shard.startswith("guide-") or shard == home, f"re-rendered unrelated shard {shard}: {ran}")
        self.assertIn("Sections, folders and URLs", site.read("public/guide/writing/links/index.html"))

    def test_adding_a_page_regenerates_the_build_file(self):
        site, _ = self.built_site()
        site.write("content/guide/faq.md", "---\ntitle: FAQ\n---\n\nQuestions.\n")
        out = site.ninja().stdout
        self.assertIn("CONFIGURE build.ninja", out)
        self.assertIn("content/guide/faq.md", site.read("build.ninja"))
        self.assertTrue(os.path.exists(site.file("public/guide/faq/index.html")))
        self.assertIn("FAQ", site.read("public/guide/index.html"))
        self.assertIn("ninja: no work to do.", site.ninja().stdout)

    def test_removing_a_page_removes_its_output(self):
        site, _ = self.built_site()
        os.remove(site.file("content/reference/formats/intermediates.md"))
        site.edit("content/getting-started/first-site.md",
                  "[shard](../reference/formats/intermediates.md#shards)", "shard")
        site.ninja()
        self.assertFalse(os.path.exists(site.file("public/reference/formats/intermediates")))
        self.assertTrue(os.path.exists(site.file("public/reference/tools/pipeline/index.html")))

    # Each breakage, together with a good edit elsewhere: the build must fail with a located
    # message and leave public/ exactly as the last good build wrote it.
    BREAKAGES = [
        (b"Every folder", b"See [[guide/no-such-page]]. Every folder",
         "content/guide/sections.md:6:5: error: broken reference 'guide/no-such-page'"),
        (b"weight: 2", b"weight: [2", "content/guide/sections.md:"),
        (b"Every folder", b"Every \xff folder", "content/guide/sections.md:6:7: error: invalid UTF-8 (byte 0xff)"),
        (b"weight: 2", b"weight: 2\nurl: /getting-started/install/", "error: duplicate URL '/getting-started/install/'"),
        (b"weight: 2", b"weight: 2\nurl: /../../../tmp/x/",
         "content/guide/sections.md:4:6: error: front matter 'url' must not contain '..' segments"),
    ]

    def test_failed_build_leaves_the_last_good_site(self):
        for old, new, message in self.BREAKAGES:
            with self.subTest(message=message):
                site, before = self.built_site()
                tree = site.tree()
                path = site.file("content/guide/sections.md")
                data = open(path, "rb").read()
                open(path, "wb").write(data.replace(old, new, 1))
                site.edit("content/getting-started/install.md", "Bengal builds on", "Bengal now builds on")
                proc = site.ninja(check=False)
                self.assertNotEqual(proc.returncode, 0)
                self.assertIn(message, proc.stdout)
                self.assertEqual(site.tree(), tree)
                self.assertEqual(site.stamps(), before)

    def test_a_deleted_output_folder_is_published_again_without_rendering(self):
        # Ninja tracks one page file per shard (bengal-ninja-gen(1), OUTPUT FILES): deleting a
        # section's folder, or the whole output folder, runs the emit steps of the shards that
        # wrote there, and nothing else.
        site, _ = self.built_site()
        tree = site.tree()
        shutil.rmtree(site.file("public/guide"))
        ran = steps(site.ninja().stdout)
        self.assertTrue(ran and all(s.startswith("EMIT ") for s in ran), ran)
        self.assertIn("EMIT .bengal/shards/%s.manifest" % shard_of(site, "content/guide/sections.md"), ran)
        self.assertEqual(site.tree(), tree)
        shutil.rmtree(site.file("public"))
        ran = steps(site.ninja().stdout)
        self.assertFalse([s for s in ran if s.split()[0] in ("SCAN", "PARSE", "LINK", "RENDER")], ran)
        self.assertEqual(site.tree(), tree)
        self.assertIn("ninja: no work to do.", site.ninja().stdout)

    def test_a_page_and_a_static_file_of_one_name_stop_the_build_before_writing(self):
        site, before = self.built_site()
        site.write("static/guide/sections/index.html", "<p>static</p>")
        proc = site.ninja(check=False)
        self.assertNotEqual(proc.returncode, 0)
        self.assertIn("content/guide/sections.md: error: 'guide/sections/index.html' is published by both "
                      "content/guide/sections.md and a static file or page resource of that path", proc.stdout)
        self.assertEqual(site.stamps(), before)


class LongInputLists(SiteTest):
    example = "blog"

    def test_a_step_with_a_long_input_list_reads_it_from_a_response_file(self):
        # One shard of 400 pages with long names: its scan edge's list of sources (about
        # 80 KB) goes in a response file, which Ninja writes and bengal-scan reads.
        site = self.site()
        site.edit("bengal.toml", "shard_size = 2", "shard_size = 100000")
        name = "a-page-whose-file-name-is-long-enough-to-make-the-list-of-sources-of-its-shard-long-" * 2
        for i in range(400):
            site.write(f"content/long/{name}{i:03}.md", f"---\ntitle: Long {i}\n---\nText {i}.\n")
        site.configure()
        self.assertRegex(site.read("build.ninja"), r"build \S+\.scan: scan_rsp ")
        self.assertIn("@$out.rsp", site.read("build.ninja"))
        site.ninja()
        self.assertIn("Long 399", site.read(f"public/long/{name}399/index.html"))
        tree = site.tree()
        self.assertTrue(all(f"long/{name}{i:03}/index.html" in tree for i in range(400)))
        self.assertIn("ninja: no work to do.", site.ninja().stdout)

    def test_response_files_in_a_build_folder_that_needs_quoting(self):
        # Every site-wide step's list is a file per shard: 180 shards in a long build folder
        # with spaces pass the limit, so each of those steps reads a response file that Ninja
        # writes under the folder's real name and the command names through the shell.
        site = self.site()
        long = "a build folder with spaces in its long name " * 4
        site.edit("bengal.toml", "shard_size = 2", f'shard_size = 1\nbuild_dir = "my build/{long}/{long}"')
        for i in range(180):
            site.write(f"content/many/page-{i:03}.md", f"---\ntitle: Many {i}\ntags: [many]\n---\nText {i}.\n")
        site.configure()
        text = site.read("build.ninja")
        for rule in ("link_rsp", "index_rsp", "check_assets_rsp", "prune_rsp"):
            self.assertRegex(text, rf": {rule} ", rule)
        site.ninja()
        self.assertIn("Many 179", site.read("public/many/page-179/index.html"))
        self.assertIn("/many/page-000/", site.read("public/sitemap.xml"))
        self.assertIn("ninja: no work to do.", site.ninja().stdout)


if __name__ == "__main__":
    unittest.main()
