"""Markdown extensions end to end, on real bengal-ninja-gen and ninja runs in a small site
written here: directives (include and literalinclude read files beside the content), alerts,
definition lists, math and mermaid from [markdown] in bengal.toml; an edit of an included
file re-parses only the shard of the page that includes it; a missing include fails the
build at the directive and leaves public/ as it was."""
import glob
import os
import re
import unittest

from bengal_e2e import BIN, Site, SiteTest, changed, steps

CONFIG = """[site]
title = "Directives"
baseurl = "https://example.org/"

[markdown]
math = true
mermaid = true
"""

PAGES = {
    "content/_index.md": "---\ntitle: Home\n---\n\nHome.\n",
    "content/guide/_index.md": "---\ntitle: Guide\n---\n\nGuide.\n",
    "content/guide/install.md": """---
title: Install
---

Intro.

:::{note} Read first
See [[guide/usage]].
:::

```{include} ../../snippets/part.md
```

:::{literalinclude} ../../snippets/app.py
:lines: 2
:::

::::{grid}
:columns: 2
:::{card} Usage
:link: usage.md
Next.
:::
::::

> [!TIP]
> An alert.

Term
: Definition.

Euler: $e^{i\\pi}+1=0$.

```mermaid
graph TD; A-->B
```
""",
    "content/guide/usage.md": "---\ntitle: Usage\n---\n\nUse it.\n",
    "content/blog/_index.md": "---\ntitle: Blog\n---\n\nBlog.\n",
    "content/blog/post.md": "---\ntitle: Post\n---\n\n:::{tip}\nA post.\n:::\n",
    "snippets/part.md": "## Included part\n\nShared *text* v1.\n",
    "snippets/app.py": "import os\nprint('hi')\n",
}


def make_site(tmp):
    site = Site.__new__(Site)
    site.path = os.path.join(tmp, "directives")
    os.makedirs(site.path)
    site.write("bengal.toml", CONFIG)
    for rel, text in PAGES.items():
        site.write(rel, text)
    return site


def parse_shards(ninja_output):
    return sorted({re.search(r"shards/([^ .]+)", s).group(1) for s in steps(ninja_output) if s.startswith("PARSE ")})


class Directives(SiteTest):
    def built(self):
        site = make_site(self.tmp)
        site.build()
        return site

    def test_extensions_reach_the_page(self):
        site = self.built()
        html = site.read("public/guide/install/index.html")
        self.assertIn('<div class="admonition note"><p class="admonition-title">Read first</p>', html)
        self.assertIn('<a href="/guide/usage/">Usage</a>', html)  # a wiki reference in a body
        self.assertIn('<h2 id="included-part">Included part</h2>', html)
        self.assertIn("Shared <em>text</em> v1.", html)
        self.assertIn('<span class="nb">print</span>', html)
        self.assertNotIn("import", html)
        self.assertIn('<a class="card" href="/guide/usage/"><p class="card-title">Usage</p>', html)
        self.assertIn('<div class="admonition tip"><p class="admonition-title">Tip</p>', html)
        self.assertIn("<dt>Term</dt>", html)
        self.assertIn('<span class="math math-inline">\\(e^{i\\pi}+1=0\\)</span>', html)
        self.assertIn('<pre class="mermaid">graph TD; A--&gt;B\n</pre>', html)
        text = site.run(os.path.join(BIN, "bengal-dump"), *glob.glob(site.file(".bengal/shards/guide-*.text"))).stdout
        self.assertIn("Shared text v1.", text)  # the included text is in the page's plain text
        self.assertEqual(site.ninja().stdout.strip().splitlines()[-1], "ninja: no work to do.")

    def test_include_edit_reparses_only_its_shard(self):
        site = self.built()
        before = site.stamps()
        site.edit("snippets/part.md", "v1", "v2")
        out = site.ninja().stdout
        parsed = parse_shards(out)
        self.assertEqual(len(parsed), 1, out)
        self.assertTrue(parsed[0].startswith("guide"), out)
        self.assertIn("Shared <em>text</em> v2.", site.read("public/guide/install/index.html"))
        rewritten = changed(before, site.stamps())
        self.assertIn("guide/install/index.html", rewritten)
        # That page's outputs and site-wide indexes (search, llms-full.txt); no other page.
        others = [f for f in rewritten if not f.startswith("guide/install/")]
        self.assertEqual([f for f in others if f.endswith(".html")], [], rewritten)
        self.assertEqual(site.ninja().stdout.strip().splitlines()[-1], "ninja: no work to do.")

    def test_missing_include_fails_at_the_directive_and_keeps_public(self):
        site = self.built()
        before = site.tree()
        site.edit("content/guide/install.md", "../../snippets/part.md", "../../snippets/gone.md")
        proc = site.ninja(check=False)
        self.assertNotEqual(proc.returncode, 0)
        self.assertIn("content/guide/install.md:11:1: error: cannot include '../../snippets/gone.md': "
                      "no file snippets/gone.md", proc.stdout + proc.stderr)
        self.assertEqual(site.tree(), before)
        # Putting the file there mends the build.
        site.write("snippets/gone.md", "Back again.\n")
        site.ninja()
        self.assertIn("Back again.", site.read("public/guide/install/index.html"))

    def test_include_leaving_the_site_is_refused(self):
        site = self.built()
        site.edit("content/blog/post.md", ":::{tip}", ":::{include} ../../../outside.md\n:::\n\n:::{tip}")
        proc = site.ninja(check=False)
        self.assertNotEqual(proc.returncode, 0)
        self.assertIn("content/blog/post.md:5:1: error: include path '../../../outside.md' leaves the site folder",
                      proc.stdout + proc.stderr)


if __name__ == "__main__":
    unittest.main()
