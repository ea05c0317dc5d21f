"""The site-wide files bengal-index writes, checked on real builds of examples/blog and
examples/docs: sitemap.xml against the sitemaps.org schema (xmllint), every JSON output parsed,
the structure of llms.txt and llms-full.txt, robots.txt (generated, or the site's own), the
[outputs] switches, and the sitemap index with the removal of its stale parts."""
import json
import os
import re
import shutil
import subprocess
import unittest
import xml.etree.ElementTree as ET
from urllib.parse import unquote, urlsplit

from bengal_e2e import ROOT, SiteTest, steps

SCHEMA = os.path.join(ROOT, "tests/e2e/schemas/sitemap.xsd")
NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
BASEURL = {"blog": "https://notes.example.org/", "docs": "https://bengal.example.org/"}
TITLE = {"blog": "Field Notes", "docs": "Bengal"}
LINK_LINE = re.compile(r"^- \[((?:[^\[\]\\]|\\.)+)\]\(([^\s()]+)\)(?:: (\S.*))?$")


def xmllint(*paths):
    """Validates files against the sitemap schema: (exit status, messages)."""
    tool = shutil.which("xmllint")
    if tool is None:
        raise AssertionError("xmllint is not installed (Debian: libxml2-utils, see scripts/install-deps.sh)")
    proc = subprocess.run([tool, "--noout", "--schema", SCHEMA, *paths], capture_output=True, text=True)
    return proc.returncode, proc.stderr


def search_docs(site):
    """Every document of the search index, in id order."""
    index = json.loads(site.read("public/search/index.json"))
    docs = []
    for k in range((index["doc_count"] + index["docs_per_chunk"] - 1) // index["docs_per_chunk"]):
        docs += json.loads(site.read(f"public/search/docs-{k}.json"))
    assert len(docs) == index["doc_count"]
    return docs


def locs(xml_text):
    return [e.text for e in ET.fromstring(xml_text.encode()).iter(NS + "loc")]


class Outputs(SiteTest):
    def built(self, example):
        site = self.site(example)
        site.build()
        return site

    def published(self, site, url, example):
        """The file an absolute URL of the site names, relative to public/."""
        self.assertTrue(url.startswith(BASEURL[example]), f"{url} is not under {BASEURL[example]}")
        path = unquote(urlsplit(url).path).lstrip("/")
        if path == "" or path.endswith("/"):
            path += "index.html"
        return path

    def assert_valid_sitemap(self, site, *rels):
        status, messages = xmllint(*[site.file(r) for r in rels])
        self.assertEqual(status, 0, f"{rels} do not validate against {SCHEMA}:\n{messages}")

    # --- sitemap.xml ------------------------------------------------------------------------

    def test_sitemap_is_valid_and_every_location_is_a_published_page(self):
        for example in ("blog", "docs"):
            with self.subTest(example=example):
                site = self.built(example)
                self.assert_valid_sitemap(site, "public/sitemap.xml")
                root = ET.parse(site.file("public/sitemap.xml")).getroot()
                self.assertEqual(root.tag, NS + "urlset")
                urls = locs(site.read("public/sitemap.xml"))
                self.assertGreater(len(urls), 5)
                self.assertEqual(urls, sorted(urls), "not in URL order")
                self.assertEqual(len(urls), len(set(urls)), "a URL is listed twice")
                for url in urls:
                    path = self.published(site, url, example)
                    self.assertTrue(os.path.isfile(site.file("public/" + path)), f"{url}: no {path}")
                # Neither the 404 page nor pager files (page/2/) are pages to index.
                self.assertFalse([u for u in urls if "404" in u or "/page/" in u], urls)

    def test_a_page_with_sitemap_false_is_left_out(self):
        site = self.site("blog")
        site.edit("content/about.md", "---\n", "---\nsitemap: false\n")
        site.build()
        self.assert_valid_sitemap(site, "public/sitemap.xml")
        urls = locs(site.read("public/sitemap.xml"))
        self.assertNotIn("https://notes.example.org/about/", urls)
        self.assertIn("https://notes.example.org/posts/", urls)
        self.assertTrue(os.path.isfile(site.file("public/about/index.html")), "the page itself is published")

    def test_a_sitemap_index_and_the_removal_of_its_stale_parts(self):
        # A sitemap index needs more than 50,000 pages; bengal-index's --sitemap-max-urls makes
        # one from a small site. Run the index edge's own command with a limit of 3.
        site = self.built("docs")
        before = locs(site.read("public/sitemap.xml"))
        command = site.run("ninja", "-t", "commands", "-s", "public/sitemap.xml").stdout.strip()
        self.assertIn("bengal-index", command)
        site.run("sh", "-c", command + " --sitemap-max-urls 3")
        parts = sorted(n for n in os.listdir(site.file("public")) if re.fullmatch(r"sitemap-\d+\.xml", n))
        expected = [f"sitemap-{n}.xml" for n in range(1, (len(before) + 2) // 3 + 1)]
        self.assertEqual(parts, sorted(expected))
        self.assert_valid_sitemap(site, "public/sitemap.xml", *["public/" + p for p in parts])
        index = ET.parse(site.file("public/sitemap.xml")).getroot()
        self.assertEqual(index.tag, NS + "sitemapindex")
        self.assertEqual(locs(site.read("public/sitemap.xml")), ["https://bengal.example.org/" + p for p in expected])
        split = []
        for p in expected:
            urls = locs(site.read("public/" + p))
            self.assertLessEqual(len(urls), 3)
            split += urls
        self.assertEqual(split, before, "the parts, in order, list the same URLs as one sitemap")
        # The prune step learns the parts from the index manifest ...
        site.ninja()
        self.assertTrue(os.path.exists(site.file("public/sitemap-1.xml")))
        # ... and removes them once the index edge runs again and the sitemap fits in one file.
        site.edit("content/guide/sections.md", "title: Sections and URLs", "title: Sections, folders and URLs")
        site.ninja()
        self.assertEqual(ET.parse(site.file("public/sitemap.xml")).getroot().tag, NS + "urlset")
        self.assertEqual([n for n in os.listdir(site.file("public")) if n.startswith("sitemap-")], [])
        self.assertIn("ninja: no work to do.", site.ninja().stdout)

    # --- JSON -------------------------------------------------------------------------------

    def test_every_json_output_parses(self):
        for example in ("blog", "docs"):
            with self.subTest(example=example):
                site = self.built(example)
                found = [rel for rel in site.tree() if rel.endswith(".json")]
                self.assertIn("search/index.json", found)
                for rel in found:
                    with open(site.file("public/" + rel), encoding="utf-8") as f:
                        try:
                            json.load(f)
                        except ValueError as e:
                            self.fail(f"public/{rel} is not JSON: {e}")
                for entry in search_docs(site):
                    self.assertEqual(sorted(entry), ["e", "g", "h", "s", "t", "u"])
                # Every page gets an index.json beside its index.html ([outputs] json = ["page"]).
                pages = [rel for rel in found if rel.endswith("/index.json") and not rel.startswith("search/")]
                self.assertGreater(len(pages), 2)
                for rel in pages:
                    page = json.loads(site.read("public/" + rel))
                    self.assertEqual(page["kind"], "page", rel)
                    self.assertTrue(os.path.isfile(site.file("public/" + rel[:-len("json")] + "html")), rel)
                    self.assertTrue(os.path.isfile(site.file("public/" + rel[:-len("json")] + "txt")), rel)
                    self.assertEqual(sorted(page), sorted(set(page) & {
                        "title", "kind", "url", "permalink", "section", "date", "lastmod", "description",
                        "summary", "terms", "headings", "word_count", "text"}))
                    self.assertTrue(site.read("public/" + rel[:-len("json")] + "txt").startswith(
                        "# " + page["title"] + "\n\nURL: " + page["permalink"] + "\n"))

    # --- llms.txt and llms-full.txt -----------------------------------------------------------

    def check_llms(self, site, example):
        text = site.read("public/llms.txt")
        self.assertTrue(text.endswith("\n") and not text.endswith("\n\n"), "one final newline")
        lines = text.split("\n")[:-1]
        # An H1 first, then a blockquote, then H2 sections whose lines are links.
        self.assertEqual(lines[0], "# " + TITLE[example])
        self.assertEqual(lines[1], "")
        self.assertRegex(lines[2], r"^> \S")
        self.assertEqual(lines[3], "")
        sections, current = [], None
        for n, line in enumerate(lines[4:], start=5):
            if line.startswith("## "):
                current = [line[3:]]
                sections.append(current)
            elif line:
                self.assertIsNotNone(current, f"llms.txt:{n}: text before the first section: {line}")
                self.assertNotRegex(line, r"^#", f"llms.txt:{n}: only H2 sections follow the H1")
                m = LINK_LINE.match(line)
                self.assertIsNotNone(m, f"llms.txt:{n}: not a link line: {line!r}")
                path = self.published(site, m.group(2), example)
                self.assertTrue(os.path.isfile(site.file("public/" + path)), f"llms.txt:{n}: {m.group(2)} is no page")
                current.append(m.group(1))
        self.assertGreaterEqual(len(sections), 1)
        for s in sections:
            self.assertGreater(len(s), 1, f"section {s[0]!r} lists no page")
        return sections

    def test_llms_txt_follows_the_llmstxt_format(self):
        blog = self.built("blog")
        sections = self.check_llms(blog, "blog")
        # One top-level section, then the pages at the root.
        self.assertEqual([s[0] for s in sections], ["Posts", "Pages"])
        self.assertIn("About", sections[1])
        # No [site] description: the home page's.
        docs = self.built("docs")
        sections = self.check_llms(docs, "docs")
        self.assertEqual(sorted(s[0] for s in sections), ["Getting started", "Guide", "Reference"])
        self.assertEqual(docs.read("public/llms.txt").split("\n")[2],
                         "> A static site generator built like a compiler toolchain.")

    def test_the_site_description_wins(self):
        site = self.site("docs")
        site.edit("bengal.toml", 'language = "en"', 'language = "en"\ndescription = "Docs for Bengal."')
        site.build()
        self.assertEqual(site.read("public/llms.txt").split("\n")[:3], ["# Bengal", "", "> Docs for Bengal."])

    def test_llms_full_has_every_page_in_url_order(self):
        for example in ("blog", "docs"):
            with self.subTest(example=example):
                site = self.built(example)
                full = site.read("public/llms-full.txt")
                self.assertTrue(full.startswith("# " + TITLE[example] + "\n\n> "))
                pages = full.split("\n\n---\n\n")[1:]
                search = search_docs(site)
                # Every page with a source, as in the search index, in the same (URL) order.
                self.assertEqual(len(pages), len(search))
                for page, entry in zip(pages, search):
                    head = page.split("\n")
                    self.assertEqual(head[0], "## " + entry["t"])
                    self.assertEqual(head[1], "")
                    self.assertEqual(head[2], "URL: " + BASEURL[example].rstrip("/") + entry["u"])

    # --- robots.txt -----------------------------------------------------------------------

    def test_robots_txt_is_generated_unless_the_site_has_one(self):
        docs = self.built("docs")
        self.assertEqual(docs.read("public/robots.txt"),
                         "User-agent: *\nAllow: /\n\nSitemap: https://bengal.example.org/sitemap.xml\n")
        blog = self.built("blog")
        self.assertEqual(blog.read("public/robots.txt"), blog.read("static/robots.txt"))
        self.assertNotIn("public/robots.txt", self.index_outputs(blog))
        # The site's own file goes away: the generated one takes its place, and back.
        os.remove(blog.file("static/robots.txt"))
        blog.ninja()
        self.assertIn("Sitemap: https://notes.example.org/sitemap.xml", blog.read("public/robots.txt"))
        blog.write("static/robots.txt", "User-agent: *\nDisallow: /private/\n")
        blog.ninja()
        self.assertEqual(blog.read("public/robots.txt"), "User-agent: *\nDisallow: /private/\n")
        self.assertIn("ninja: no work to do.", blog.ninja().stdout)

    # --- [outputs], the manifest, incremental builds --------------------------------------

    def index_outputs(self, site):
        """The explicit outputs of the index edges in build.ninja (not the search step's state)."""
        outputs = []
        for line in site.read("build.ninja").splitlines():
            m = re.match(r"build (.*?): index ", line)
            if m:
                outputs += m.group(1).split(" | ")[0].split()
        if not outputs:
            raise AssertionError("no index edge in build.ninja")
        return outputs

    def index_manifest(self, site):
        written = []
        for manifest in (".bengal/index.manifest", ".bengal/search.manifest", ".bengal/llms.manifest"):
            if os.path.exists(site.file(manifest)):
                dump = site.run("bengal-dump", "--body-only", manifest).stdout
                written += [f["path"] for f in json.loads(dump)["files"]]
        return sorted(written)

    def test_the_manifest_names_what_was_written(self):
        site = self.built("docs")
        written = self.index_manifest(site)
        self.assertEqual([p for p in written if not p.startswith("search/")],
                         ["llms-full.txt", "llms.txt", "robots.txt", "sitemap.xml"])
        # The search index's fragments and chunks vary with the content: only the manifest names them.
        search = sorted(os.listdir(site.file("public/search")))
        self.assertEqual([p for p in written if p.startswith("search/")], ["search/" + n for n in search])
        # Three edges: the files read from the page table, and two that read every page's text.
        self.assertEqual(self.index_outputs(site),
                         ["public/llms.txt", "public/robots.txt", "public/sitemap.xml", ".bengal/index.manifest",
                          "public/search/index.json", ".bengal/search.manifest",
                          "public/llms-full.txt", ".bengal/llms.manifest"])
        self.assertIn("ninja: no work to do.", site.ninja().stdout)

    def test_outputs_switched_off_are_not_written_and_are_removed(self):
        site = self.built("docs")
        with open(site.file("bengal.toml"), "a", encoding="utf-8") as f:
            f.write("\n[outputs]\nllms = false\nllms_full = false\nrobots = false\nsitemap = false\n")
        site.ninja()
        for rel in ("llms.txt", "llms-full.txt", "robots.txt", "sitemap.xml"):
            self.assertFalse(os.path.exists(site.file("public/" + rel)), rel)
        self.assertTrue(os.path.exists(site.file("public/search/index.json")))
        self.assertEqual(self.index_outputs(site),
                         ["public/search/index.json", ".bengal/search.manifest"])
        self.assertIn("ninja: no work to do.", site.ninja().stdout)
        fresh = self.site("docs")
        shutil.copy(site.file("bengal.toml"), fresh.file("bengal.toml"))
        fresh.build()
        for rel in ("llms.txt", "llms-full.txt", "robots.txt", "sitemap.xml"):
            self.assertFalse(os.path.exists(fresh.file("public/" + rel)), rel)
        self.assertTrue(os.path.exists(fresh.file("public/search/index.json")))

    def test_a_body_edit_rewrites_llms_full_but_not_the_index_manifest(self):
        site = self.built("docs")
        manifests = [os.stat(site.file(m)).st_mtime_ns for m in (".bengal/search.manifest", ".bengal/llms.manifest")]
        # Punctuation only: the text changes, the set of search terms (and fragment files) does not.
        site.edit("content/guide/writing/front-matter.md", "Other keys are kept as `params`",
                  "Other keys are kept; as `params`")
        ran = steps(site.ninja().stdout)
        # Only the index edges that read the text: the page table, and so the sitemap, did not change.
        self.assertIn("INDEX .bengal/search.manifest", ran)
        self.assertIn("INDEX .bengal/llms.manifest", ran)
        self.assertNotIn("INDEX .bengal/index.manifest", ran)
        self.assertNotIn("LINK", " ".join(ran))
        self.assertNotIn("PRUNE", " ".join(ran))  # the emit manifest lists paths: it did not change
        self.assertIn("kept; as", site.read("public/llms-full.txt"))
        # The same files: the manifests (paths only) keep their bytes and their times.
        self.assertEqual([os.stat(site.file(m)).st_mtime_ns for m in (".bengal/search.manifest", ".bengal/llms.manifest")],
                         manifests)

    def test_a_title_edit_does_not_check_the_assets_again(self):
        site = self.built("docs")
        site.edit("content/guide/writing/front-matter.md", "title: Front matter", "title: Front matter keys")
        ran = steps(site.ninja().stdout)
        # The page table changed: the files read from it are written again; the asset check
        # reads the pages' references and the published paths, which did not change.
        self.assertIn("INDEX .bengal/index.manifest", ran)
        self.assertNotIn("CHECK assets", ran)
        self.assertIn("Front matter keys", site.read("public/llms.txt"))
        # A page that references a missing file is reported by the check, and stops the build.
        site.edit("content/guide/writing/front-matter.md", "Front matter sits at the top",
                  "![gone](/no-such-image.png) Front matter sits at the top")
        result = site.ninja(check=False)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("'/no-such-image.png' is referenced by", result.stdout + result.stderr)


if __name__ == "__main__":
    unittest.main()
