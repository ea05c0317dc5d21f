"""The other drivers of the tools. bengal-ninja-gen --format=make on real make runs over
examples/docs: the same bytes as Ninja, no work on a second run, the incremental behaviour the
stamps give, and a fragment that an including Makefile keeps its own names and default goal
with. And examples/scripted/build.sh, the tools called one by one: the same bytes as Ninja."""
import os
import re
import shutil
import subprocess
import time
import unittest

from bengal_e2e import BIN, ROOT, SiteTest, changed

MAKE = shutil.which("make")


def has_format_option():
    """bengal-ninja-gen --help lists --format once the Make and Bazel writers are built in."""
    tool = os.path.join(BIN, "bengal-ninja-gen")
    if not os.path.exists(tool):
        return False
    return "--format" in subprocess.run([tool, "--help"], capture_output=True, text=True).stdout


NO_FORMAT = "bengal-ninja-gen has no --format option: the Make and Bazel writers are not built into it"


def make_steps(output):
    """The step descriptions make printed ("SCAN .bengal/shards/x.scan", ...)."""
    return re.findall(r"^((?:CONFIGURE|SCAN|PARSE|LINK|RENDER|EMIT|COPY|INDEX|PRUNE|HASH|PUBLISH) .*)$",
                      output, re.M)


@unittest.skipIf(MAKE is None, "make is not installed")
@unittest.skipUnless(has_format_option(), NO_FORMAT)
class MakeFragment(SiteTest):
    example = "docs"

    def make(self, site, *args, makefile="bengal.mk", check=True):
        time.sleep(0.02)  # the file clock is coarse: see Site.ninja
        flags = ["-f", makefile] if makefile else []
        return site.run(MAKE, *flags, *args, check=check)

    def make_site(self):
        site = self.site()
        site.configure("--format=make")
        self.assertTrue(os.path.exists(site.file("bengal.mk")))
        self.make(site, "-j4")
        return site

    def test_same_bytes_as_ninja_and_no_work_on_a_second_run(self):
        ninja_site = self.site()
        ninja_site.build()
        site = self.make_site()
        self.assertEqual(site.tree(), ninja_site.tree())
        again = self.make(site, "-j4")
        self.assertEqual(make_steps(again.stdout), [])
        self.assertIn("Nothing to be done", again.stdout)

    def test_j1_gives_the_same_bytes(self):
        a = self.make_site()
        b = self.site()
        b.configure("--format=make")
        self.make(b, "-j1")
        self.assertEqual(a.tree(), b.tree())

    def test_unchanged_output_stops_the_rebuild(self):
        # Make's stand-in for restat: a step whose outputs keep their bytes touches only its
        # stamp, so the steps after it do not run, now or on the next make.
        site = self.make_site()
        time.sleep(0.02)
        os.utime(site.file("content/guide/sections.md"))
        ran = make_steps(self.make(site).stdout)
        self.assertEqual(len(ran), 1, ran)
        self.assertTrue(ran[0].startswith("SCAN "), ran)
        self.assertEqual(make_steps(self.make(site).stdout), [])

    def test_body_edit_reruns_its_shard_and_rewrites_what_ninja_rewrites(self):
        ninja_site = self.site()
        ninja_site.build()
        site = self.make_site()
        before, ninja_before = site.stamps(), ninja_site.stamps()
        page = "content/guide/writing/front-matter.md"
        for s in (site, ninja_site):
            s.edit(page, "Other keys are kept as `params`", "Other keys are kept, very safely, as `params`")
        ran = make_steps(self.make(site).stdout)
        ninja_site.ninja()
        verbs = sorted({s.split()[0] for s in ran})
        self.assertIn("RENDER", verbs)
        self.assertEqual(len([s for s in ran if s.startswith("RENDER ")]), 1, ran)
        # Site.edit writes in place: no folder listing changes, so no configure either.
        self.assertNotIn("CONFIGURE", verbs)
        rewritten = changed(before, site.stamps())
        self.assertIn("guide/writing/front-matter/index.html", rewritten)
        self.assertEqual(rewritten, changed(ninja_before, ninja_site.stamps()))
        self.assertEqual(site.tree(), ninja_site.tree())
        self.assertEqual(make_steps(self.make(site).stdout), [])

    def test_template_edit_renders_only_shards_that_used_it(self):
        # The render depfiles reach Make through the stamps' converted depfiles.
        site = self.make_site()
        site.edit("templates/reference/page.html", "also has a man page", "also has a manual page")
        ran = make_steps(self.make(site).stdout)
        renders = [s for s in ran if s.startswith("RENDER ")]
        self.assertTrue(renders, ran)
        self.assertTrue(all("reference-" in s for s in renders), renders)
        self.assertIn("also has a manual page", site.read("public/reference/tools/pipeline/index.html"))

    def test_added_page_regenerates_the_fragment_and_matches_ninja(self):
        ninja_site = self.site()
        ninja_site.build()
        site = self.make_site()
        for s in (site, ninja_site):
            s.write("content/guide/added.md", "---\ntitle: Added\n---\n\nA new page.\n")
        ran = make_steps(self.make(site).stdout)
        self.assertIn("CONFIGURE bengal.mk", ran)
        ninja_site.ninja()
        self.assertEqual(site.tree(), ninja_site.tree())
        self.assertIn("guide/added/index.html", site.tree())
        self.assertEqual(make_steps(self.make(site).stdout), [])

    def test_included_fragment_keeps_the_includers_names_and_goal(self):
        site = self.site()
        site.configure("--format=make")
        site.write("Makefile", "\n".join([
            "BIN := mine", "OUT := mine", "all: site-done",
            "include bengal.mk",
            "site-done: bengal-site",
            "\t@echo built $(BIN) $(OUT) > $@",
            "other:",
            "\t@echo other", ""]))
        self.make(site, "-j4", makefile=None)
        self.assertEqual(site.read("site-done"), "built mine mine\n")
        ninja_site = self.site()
        ninja_site.build()
        self.assertEqual(site.tree(), ninja_site.tree())
        # A Makefile that includes the fragment first keeps its own first target as the goal.
        site.write("Makefile", "include bengal.mk\nfirst:\n\t@echo first goal\n")
        self.assertEqual(self.make(site, makefile=None).stdout.strip(), "first goal")
        for line in site.read("bengal.mk").splitlines():
            m = re.match(r"^([A-Za-z_][A-Za-z0-9_.-]*)\s*[:?]?=", line)
            if m:
                self.assertTrue(m.group(1).startswith("BENGAL_"), line)

    def test_deleted_output_folders_are_published_again(self):
        # The dyndep files, turned into variables, name one page file of each emit step.
        site = self.make_site()
        full = site.tree()
        shutil.rmtree(site.file("public/guide"))
        ran = make_steps(self.make(site).stdout)
        self.assertTrue(ran and all(s.split()[0] == "EMIT" for s in ran), ran)
        self.assertEqual(site.tree(), full)
        shutil.rmtree(site.file("public"))
        self.make(site, "-j4")
        self.assertEqual(site.tree(), full)
        self.assertEqual(make_steps(self.make(site).stdout), [])

    def test_clean_removes_the_build_and_output_folders(self):
        site = self.make_site()
        self.make(site, "bengal-clean")
        self.assertFalse(os.path.exists(site.file("public")))
        self.assertFalse(os.path.exists(site.file(".bengal")))


class ScriptedPipeline(SiteTest):
    """examples/scripted/build.sh puts a section into one shard, and all terms into one."""

    def check(self, example):
        ninja_site = self.site(example)
        ninja_site.build()
        site = self.site(example)
        script = os.path.join(ROOT, "examples", "scripted", "build.sh")
        out = site.run("sh", script, site.path).stdout
        self.assertIn("built " + site.path, out)
        self.assertEqual(sorted(site.tree()), sorted(ninja_site.tree()))
        self.assertEqual(site.tree(), ninja_site.tree())

    def test_docs_same_bytes_as_ninja(self):
        self.check("docs")

    def test_blog_same_bytes_as_ninja(self):
        self.check("blog")  # taxonomies, and a static robots.txt that wins over bengal-index's


if __name__ == "__main__":
    unittest.main()
