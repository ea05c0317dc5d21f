"""[feeds] content = "full" on real builds of examples/blog: every feed well-formed (xmllint),
RSS items and Atom entries carrying each page's content with absolute URLs, the rest of the
site unchanged from a summary build, and a body edit that rewrites the page's feeds and
nothing else beyond what a summary build rewrites."""
import html
import re
import shutil
import subprocess
import unittest
import xml.etree.ElementTree as ET

from bengal_e2e import SiteTest, changed, steps

ATOM = "{http://www.w3.org/2005/Atom}"
BASE = "https://notes.example.org/"
URL_ATTR = re.compile(r"""\s(?:href|src)=["']([^"']*)["']""")


def xmllint(*paths):
    """Checks that files are well-formed XML: (exit status, messages)."""
    tool = shutil.which("xmllint")
    if tool is None:
        raise AssertionError("xmllint is not installed (Debian: libxml2-utils, see scripts/install-deps.sh)")
    proc = subprocess.run([tool, "--noout", *paths], capture_output=True, text=True)
    return proc.returncode, proc.stderr


def feeds_of(tree):
    return sorted(p for p in tree if p.endswith(("rss.xml", "atom.xml")))


class FullFeeds(SiteTest):
    example = "blog"

    def full_site(self, build=True):
        site = self.site()
        site.write("bengal.toml", site.read("bengal.toml") + '\n[feeds]\ncontent = "full"\n')
        if build:
            site.build()
        return site

    def contents(self, site, rel):
        """The content of every entry of a feed, unescaped: [(page URL, HTML)]."""
        root = ET.parse(site.file("public/" + rel)).getroot()
        if rel.endswith("rss.xml"):
            return [(i.find("link").text, i.find("description").text) for i in root.find("channel").iter("item")]
        out = []
        for e in root.iter(ATOM + "entry"):
            content = e.find(ATOM + "content")
            self.assertIsNotNone(content, f"{rel}: an entry without content")
            self.assertEqual(content.get("type"), "html")
            out.append((e.find(ATOM + "link").get("href"), content.text))
        return out

    def test_every_feed_is_well_formed_and_carries_content_with_absolute_urls(self):
        site = self.full_site()
        feeds = feeds_of(site.tree())
        self.assertIn("rss.xml", feeds)
        self.assertIn("tags/walks/atom.xml", feeds)
        status, messages = xmllint(*[site.file("public/" + f) for f in feeds])
        self.assertEqual(status, 0, messages)
        entries = 0
        for rel in feeds:
            root = ET.parse(site.file("public/" + rel)).getroot()
            if rel.endswith("rss.xml"):
                self.assertEqual((root.tag, root.get("version")), ("rss", "2.0"))
                channel = root.find("channel")
                for tag in ("title", "link", "description"):
                    self.assertIsNotNone(channel.find(tag), f"{rel}: channel without {tag}")
                for item in channel.iter("item"):
                    for tag in ("title", "link", "guid", "description"):
                        self.assertIsNotNone(item.find(tag), f"{rel}: item without {tag}")
            else:
                self.assertEqual(root.tag, ATOM + "feed")
                for e in root.iter(ATOM + "entry"):
                    for tag in ("id", "title", "updated", "link", "content"):
                        self.assertIsNotNone(e.find(ATOM + tag), f"{rel}: entry without {tag}")
            for url, content in self.contents(site, rel):
                entries += 1
                # The entry's content is the page's own: the body of its index.html.
                page = site.read("public/" + url[len(BASE):] + "index.html")
                first_paragraph = re.search(r"<p>(.*?)</p>", content, re.S).group(1)
                self.assertIn(html.unescape(first_paragraph)[:30], html.unescape(page), f"{rel}: {url}")
                for link in URL_ATTR.findall(content):
                    self.assertRegex(link, r"^(https?:|mailto:)", f"{rel}: {url} has a relative URL")
        self.assertGreater(entries, 10)
        # A page's relative image and its wiki link, made absolute.
        coast = dict(self.contents(site, "posts/walks/rss.xml"))[BASE + "posts/walks/trip-to-the-coast/"]
        self.assertIn(f'src="{BASE}posts/walks/trip-to-the-coast/route.svg"', coast)
        hello = dict(self.contents(site, "atom.xml"))[BASE + "posts/hello-world/"]
        self.assertIn(f'href="{BASE}about/"', hello)

    def test_only_the_feeds_differ_from_a_summary_build(self):
        full = self.full_site().tree()
        summary = self.site()
        summary.build()
        summary = summary.tree()
        self.assertEqual(sorted(full), sorted(summary))
        differ = changed(summary, full)
        self.assertEqual(differ, feeds_of(full))

    def test_a_body_edit_rewrites_the_pages_feeds_and_nothing_else_new(self):
        site = self.full_site()
        self.assertIn("ninja: no work to do.", site.ninja().stdout)
        before = site.stamps()
        site.edit("content/posts/hello-world.md", "It has no pictures", "It has no pictures at all")
        ran = steps(site.ninja().stdout)
        self.assertIn("FEEDS .bengal/feeds.pages .bengal/feeds.dd", ran)
        rewritten = changed(before, site.stamps())
        feeds = [r for r in rewritten if r.endswith(("rss.xml", "atom.xml"))]
        # The feeds that list the page: home, posts, and its tag and category.
        self.assertEqual(feeds, ["atom.xml", "categories/site-news/atom.xml", "categories/site-news/rss.xml",
                                 "posts/atom.xml", "posts/rss.xml", "rss.xml", "tags/meta/atom.xml",
                                 "tags/meta/rss.xml"])
        for rel in feeds:
            self.assertIn("It has no pictures at all", dict(self.contents(site, rel))[BASE + "posts/hello-world/"])
        others = [r for r in rewritten if r not in feeds and not r.startswith("search/")]
        self.assertEqual(others, ["llms-full.txt", "posts/hello-world/index.html", "posts/hello-world/index.json",
                                  "posts/hello-world/index.txt"])
        self.assertIn("ninja: no work to do.", site.ninja().stdout)

    @unittest.skipIf(shutil.which("make") is None, "make is not installed")
    def test_make_builds_the_same_feeds_as_ninja(self):
        with_ninja = self.full_site().tree()
        site = self.full_site(build=False)
        site.configure("--format=make")
        site.run(shutil.which("make"), "-f", "bengal.mk", "-j2")
        self.assertEqual(sorted(site.tree()), sorted(with_ninja))
        self.assertEqual(changed(with_ninja, site.tree()), [])


if __name__ == "__main__":
    unittest.main()
