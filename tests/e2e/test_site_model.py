"""The site model on examples/blog, end to end: taxonomies, cascades, pagination, aliases,
future and expired pages, [[id:...]] references, related pages; and, on real Ninja runs,
which shards a body, title, tag, cascade and menu edit re-run."""
import glob
import json
import os
import re
import subprocess
import unittest
import xml.etree.ElementTree as ET

from bengal_e2e import BIN, SiteTest, changed, steps


def shards_that(step_list, verb):
    return sorted({re.search(r"shards/([^ .]+)", s).group(1) for s in step_list if s.startswith(verb + " ")})


def link_pages(site, shard):
    """The page records of a shard's link file, through bengal-dump."""
    proc = site.run(os.path.join(BIN, "bengal-dump"), f".bengal/shards/{shard}.link")
    return json.loads(proc.stdout)["body"]["pages"]


def shard_urls(site):
    """Which render shard each page URL is in."""
    out = {}
    for name in os.listdir(site.file(".bengal/shards")):
        if name.endswith(".link"):
            for page in link_pages(site, name[:-5]):
                out[page["url"]] = name[:-5]
    return out


class SiteModel(SiteTest):
    example = "blog"

    def built(self):
        site = self.site()
        site.build()
        return site

    def test_taxonomy_and_term_pages_with_counts(self):
        site = self.built()
        tags = site.read("public/tags/index.html")
        self.assertIn('<a href="/tags/weather/">weather</a> <span class="count">(3)</span>', tags)
        walks = site.read("public/tags/walks/index.html")
        self.assertIn("<h1>walks</h1>", walks)
        # Members newest first, two per page: the oldest one is on page 2.
        self.assertIn("The dune path", walks)
        self.assertIn("The harbour loop", walks)
        self.assertIn("A trip to the coast", site.read("public/tags/walks/page/2/index.html"))
        # A custom taxonomy from [taxonomies], its term slug from "Coastal walks".
        self.assertIn("The harbour loop", site.read("public/series/coastal-walks/index.html"))
        # Spelling kept as written ("Meta"), URL lower-cased.
        self.assertIn('<a href="/tags/meta/">Meta</a>', site.read("public/posts/hello-world/index.html"))

    def test_cascade_nearest_section_wins_and_own_front_matter_wins(self):
        site = self.built()
        categories = lambda page: re.findall(r'href="/categories/([^/]+)/"', site.read(page))
        self.assertEqual(categories("public/posts/winter-tools/index.html"), ["notes"])  # from posts/
        self.assertEqual(categories("public/posts/walks/dune-path/index.html"), ["travel"])  # walks/ is nearer
        self.assertEqual(categories("public/posts/hello-world/index.html"), ["site-news"])  # its own
        by_url = {p["url"]: p for shard in set(shard_urls(site).values()) for p in link_pages(site, shard)}
        # The _target entry (kind: page) reaches the walks' pages, not the walks' own page.
        self.assertEqual(by_url["/posts/walks/harbour-loop/"]["cascade"]["params"],
                         {"footnote": "Maps are sketches, not survey data."})
        self.assertNotIn("params", by_url["/posts/walks/"]["cascade"])

    def test_list_pages_are_paginated_with_a_redirect_from_page_1(self):
        site = self.built()
        second = site.read("public/posts/page/2/index.html")
        self.assertIn('<span aria-current="page">2</span>', second)
        self.assertIn('<a href="/posts/" rel="prev">', second)
        first = site.read("public/posts/page/1/index.html")
        self.assertIn('<link rel="canonical" href="https://notes.example.org/posts/">', first)

    def test_aliases_redirect_to_the_page(self):
        site = self.built()
        old = site.read("public/posts/trip-to-the-coast/index.html")
        self.assertIn('<meta http-equiv="refresh" content="0; url=/posts/walks/trip-to-the-coast/">', old)
        self.assertIn('<link rel="canonical" href="https://notes.example.org/posts/walks/trip-to-the-coast/">', old)
        self.assertIn("url=/posts/hello-world/", site.read("public/2026/01/hello/index.html"))
        self.assertNotIn("2026/01/hello", site.read("public/sitemap.xml"))

    def test_future_and_expired_pages_need_their_flags(self):
        site = self.built()
        for page in ("posts/next-year", "posts/spring-offer"):
            self.assertFalse(os.path.exists(site.file(f"public/{page}/index.html")), page)
        site.configure("--future", "--expired")
        site.ninja()
        self.assertIn("Plans for next year", site.read("public/posts/next-year/index.html"))
        self.assertIn("A spring offer on maps", site.read("public/posts/spring-offer/index.html"))
        site.configure()
        site.ninja()
        self.assertFalse(os.path.exists(site.file("public/posts/next-year/index.html")))

    def test_a_reference_to_an_excluded_page_says_why(self):
        site = self.built()
        site.edit("content/about.md", "see [the first post](posts/hello-world.md)",
                  "see [[posts/next-year]] and [[posts/spring-offer]]")
        proc = site.ninja(check=False)
        self.assertNotEqual(proc.returncode, 0)
        self.assertRegex(proc.stdout, r"content/about\.md:\d+:\d+: error: broken reference 'posts/next-year': "
                                      r"content/posts/next-year\.md is dated 2099-01-01, in the future "
                                      r"\(build with --future to publish it\)")
        self.assertIn("content/posts/spring-offer.md expired on 2020-06-01 (build with --expired to publish "
                      "expired pages)", proc.stdout)

    def test_id_references_and_related_pages(self):
        site = self.built()
        self.assertIn('<a href="/posts/walks/trip-to-the-coast/">A trip to the coast</a>',
                      site.read("public/posts/winter-tools/index.html"))
        self.assertIn('href="/posts/walks/trip-to-the-coast/#the-cliffs"',
                      site.read("public/posts/walks/harbour-loop/index.html"))
        self.assertIn('<a href="/about/">about me</a>', site.read("public/posts/hello-world/index.html"))
        related = re.search(r'<aside class="related".*?</aside>',
                            site.read("public/posts/walks/dune-path/index.html")).group(0)
        # Same series (weight 3) and tags first; winter-tools shares only "weather".
        self.assertLess(related.index("A trip to the coast"), related.index("Tools for a cold winter"))

    def test_feeds_beside_every_home_section_and_term_page(self):
        site = self.built()
        atom = "{http://www.w3.org/2005/Atom}"
        for folder in ("", "posts/", "posts/walks/", "tags/walks/", "series/coastal-walks/"):
            channel = ET.fromstring(site.read(f"public/{folder}rss.xml")).find("channel")
            self.assertEqual(channel.find("link").text, "https://notes.example.org/" + folder)
            feed = ET.fromstring(site.read(f"public/{folder}atom.xml"))
            self.assertEqual(feed.find(atom + "id").text, "https://notes.example.org/" + folder)
            for date in channel.iter("pubDate"):
                self.assertRegex(date.text, r"^[A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d \+0000$")
        # A section's feed holds the pages below it, newest first; the home feed every section's.
        walks = ET.fromstring(site.read("public/posts/walks/rss.xml")).find("channel")
        self.assertEqual([i.find("title").text for i in walks.iter("item")],
                         ["The dune path", "The harbour loop", "A trip to the coast"])
        home = [e.find(atom + "title").text for e in ET.fromstring(site.read("public/atom.xml")).iter(atom + "entry")]
        self.assertEqual(home[0], "The dune path")
        self.assertIn("Hello, world", home)
        self.assertEqual(ET.fromstring(site.read("public/atom.xml")).find(atom + "updated").text, "2026-05-03T00:00:00Z")
        self.assertIn('<link rel="alternate" type="application/rss+xml" title="Walks" href="/posts/walks/rss.xml">',
                      site.read("public/posts/walks/index.html"))
        xml_files = glob.glob(site.file("public/**/*.xml"), recursive=True)
        subprocess.run(["xmllint", "--noout", *xml_files], check=True)

    def test_404_page(self):
        site = self.built()
        page = site.read("public/404.html")
        self.assertIn("<h1>Page not found</h1>", page)
        self.assertNotIn("404", site.read("public/sitemap.xml"))

    # --- incremental --------------------------------------------------------------------

    def test_body_edit_reruns_only_its_shard(self):
        site = self.built()
        where = shard_urls(site)
        before = site.stamps()
        # Not the first paragraph: that one is the summary, which list and term pages show too.
        site.edit("content/posts/walks/dune-path.md", "The coast bus stops", "The coast bus (line 12) stops")
        ran = steps(site.ninja().stdout)
        own = where["/posts/walks/dune-path/"]
        for verb in ("SCAN", "PARSE", "RENDER", "EMIT"):
            self.assertEqual(shards_that(ran, verb), [own], f"{verb}: {ran}")
        rewritten = changed(before, site.stamps())
        # Of the search index, the fragments of the new words (and the list of fragments when one
        # is new); not the document chunks, since the page's excerpt is its unchanged summary.
        for r in rewritten:
            if r.startswith("search/"):
                self.assertRegex(r, r"^search/(index|t-[0-9a-f]+)\.json$")
        self.assertEqual([r for r in rewritten if not r.startswith("search/")],
                         ["llms-full.txt", "posts/walks/dune-path/index.html", "posts/walks/dune-path/index.json",
                          "posts/walks/dune-path/index.txt"])

    def test_title_edit_rerenders_the_pages_that_show_it(self):
        site = self.built()
        where = shard_urls(site)
        before = site.stamps()
        site.edit("content/posts/walks/harbour-loop.md", "title: The harbour loop", "title: Round the harbour")
        ran = steps(site.ninja().stdout)
        rendered = set(shards_that(ran, "RENDER"))
        # Its own shard, its terms' pages (walks, Coastal walks, travel), and the pages that list it
        # as related; never a term page it is not on.
        for url in ("/posts/walks/harbour-loop/", "/tags/walks/", "/series/coastal-walks/", "/categories/travel/"):
            self.assertIn(where[url], rendered, url)
        rewritten = changed(before, site.stamps())
        for rel in ("tags/weather/index.html", "tags/meta/index.html", "categories/notes/index.html",
                    "tags/index.html", "posts/hello-world/index.html"):
            self.assertNotIn(rel, rewritten)
        self.assertIn("Round the harbour", site.read("public/tags/walks/index.html"))

    def test_tag_edit_rerenders_only_the_terms_whose_members_changed(self):
        site = self.built()
        where = shard_urls(site)
        before = site.stamps()
        site.edit("content/posts/hello-world.md", "tags: [Meta]", "tags: [Meta, tools]")
        ran = steps(site.ninja().stdout)
        rendered = set(shards_that(ran, "RENDER"))
        # tools gained a member, the tags page a count; meta, walks and weather are unchanged.
        for url in ("/tags/tools/", "/tags/", "/posts/hello-world/"):
            self.assertIn(where[url], rendered, url)
        untouched_terms = {where[u] for u in ("/tags/walks/", "/tags/weather/", "/tags/meta/", "/series/")}
        touched_terms = {where[u] for u in ("/tags/tools/", "/tags/")}
        for shard in rendered:
            if shard.startswith("_terms-"):
                self.assertIn(shard, touched_terms, f"{shard} re-rendered: {ran}")
        self.assertTrue(untouched_terms - touched_terms, "the example should keep some term shards out of reach")
        rewritten = changed(before, site.stamps())
        self.assertIn("tags/tools/index.html", rewritten)
        self.assertIn("tags/index.html", rewritten)
        for rel in ("tags/walks/index.html", "tags/weather/index.html", "tags/meta/index.html"):
            self.assertNotIn(rel, rewritten)

    def test_cascade_edit_reaches_every_descendant_and_nothing_else(self):
        site = self.built()
        where = shard_urls(site)
        before = site.stamps()
        site.edit("content/posts/walks/_index.md", "series: [Coastal walks]", "series: [Shore walks]")
        ran = steps(site.ninja().stdout)
        rendered = set(shards_that(ran, "RENDER"))
        for url in ("/posts/walks/harbour-loop/", "/posts/walks/dune-path/", "/series/shore-walks/"):
            self.assertIn(where.get(url) or shard_urls(site)[url], rendered, url)
        self.assertIn("Shore walks", site.read("public/posts/walks/dune-path/index.html"))
        self.assertFalse(os.path.exists(site.file("public/series/coastal-walks/index.html")))
        rewritten = changed(before, site.stamps())
        for rel in ("posts/winter-tools/index.html", "posts/hello-world/index.html", "tags/meta/index.html"):
            self.assertNotIn(rel, rewritten)

    def test_menu_edit_rerenders_every_page(self):
        site = self.built()
        before = site.stamps()
        site.edit("content/about.md", "name: About me", "name: Who writes this")
        ran = steps(site.ninja().stdout)
        # Every page shows the main menu: every render shard runs, every page changes.
        all_shards = sorted(name[:-5] for name in os.listdir(site.file(".bengal/shards")) if name.endswith(".link"))
        self.assertEqual(shards_that(ran, "RENDER"), all_shards)
        rewritten = changed(before, site.stamps())
        self.assertIn("posts/walks/dune-path/index.html", rewritten)
        self.assertIn("tags/walks/index.html", rewritten)
        self.assertIn("Who writes this", site.read("public/tags/walks/index.html"))
        self.assertIn("ninja: no work to do.", site.ninja().stdout)

    def test_only_templates_that_read_site_taxonomies_depend_on_them(self):
        site = self.site()
        # A home page with a tag cloud: the home shard reads site.taxonomies, the others do not.
        site.write("templates/home.html", '{% extends "section.html" %}{% block article %}{{ super() }}'
                   '<p class="cloud">{% for t in site.taxonomies.tags.terms %}{{ t.name }}:{{ t.count }} '
                   '{% endfor %}</p>{% endblock %}\n')
        site.build()
        self.assertIn("weather:3", site.read("public/index.html"))
        where = shard_urls(site)
        site.edit("content/posts/hello-world.md", "tags: [Meta]", "tags: [Meta, weather]")
        ran = steps(site.ninja().stdout)
        self.assertIn(where["/"], shards_that(ran, "RENDER"))
        self.assertIn("weather:4", site.read("public/index.html"))
        if where["/about/"] != where["/"]:
            self.assertNotIn(where["/about/"], shards_that(ran, "RENDER"))


if __name__ == "__main__":
    unittest.main()
