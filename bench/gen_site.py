#!/usr/bin/env python3
"""Writes a deterministic synthetic documentation site for benchmarks.

    bench/gen_site.py OUT_DIR --pages N [--sections S] [--seed K] [--format bengal|hugo]

The same content is written for Bengal (bengal.toml, [[references]]) or for Hugo (config.toml,
a copy of bench/hugo-theme/, references as the theme's `bref` shortcode), so both generators
build the same pages. The same arguments always give the same bytes.

What a site holds:
- N docs-like pages of about 4.5 KB of Markdown: front matter (title, weight, date, tags,
  description), an intro, 4-6 level-2 headings (some with level-3 ones), paragraphs, lists,
  a table in a third of the pages, 1-3 fenced code blocks (python, bash, go, js, yaml, json),
  an image from static/ in about half of them, and 2-4 links to other pages: [[page]],
  [[page#heading]], [[page|text]] and relative `.md` links, half with `#anchor`s. Every link
  and anchor resolves, so both generators build without errors.
- `--sections` top-level sections, each split into nested sections (at most 10 subsections
  each, at most 50 pages in a leaf) so that the navigation a page shows stays small as N
  grows, like a real docs site. Every section has an _index.md; some set a `cascade:` map
  (`product`, or `type`).
- Tags from a pool of about N/20 with a Zipf-like distribution (a few tags on many pages,
  most on few), 1-4 per page.
- static/img/: small SVG and PNG images the pages reference.
- bench-site.json: what bench/scenarios.py needs to apply an edit (which page, which tag).

Pages are written from per-page random streams (seeded by seed and page number), so one
page's text does not depend on how many pages come before it.
"""
import argparse
import json
import math
import os
import random
import shutil
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)

WORDS = ("build graph shard page section render template link anchor index feed cache "
         "parallel incremental ninja restat hash content theme markdown heading table "
         "code block output folder tool pipeline config static asset site search "
         "deploy server client request token schema field record event queue worker").split()

# Two snippets per language, so code blocks are not all identical.
CODE = {
    "python": [
        "def handler(event, context):\n    items = [x * 2 for x in event['values'] if x > 0]\n"
        "    return {'count': len(items), 'items': items}\n",
        "import json\n\nwith open('config.json') as f:\n    config = json.load(f)\n"
        "for name, value in sorted(config.items()):\n    print(f'{name} = {value!r}')\n",
    ],
    "bash": [
        "for f in content/*.md; do\n  echo \"checking $f\"\n"
        "  grep -q '^title:' \"$f\" || echo \"missing title: $f\"\ndone\n",
        "set -euo pipefail\nexport SITE_DIR=\"${1:-site}\"\ncd \"$SITE_DIR\" && make -j\"$(nproc)\"\n",
    ],
    "go": [
        "func main() {\n\tfor i := 0; i < 10; i++ {\n\t\tfmt.Println(i)\n\t}\n}\n",
        "type Server struct {\n\tAddr string\n\tWorkers int\n}\n\n"
        "func (s *Server) Start() error {\n\treturn http.ListenAndServe(s.Addr, nil)\n}\n",
    ],
    "js": [
        "export async function fetchPages(url) {\n  const res = await fetch(url);\n"
        "  if (!res.ok) throw new Error(`HTTP ${res.status}`);\n  return res.json();\n}\n",
        "const total = items\n  .filter((x) => x.enabled)\n  .map((x) => x.size)\n"
        "  .reduce((a, b) => a + b, 0);\nconsole.log(`total: ${total}`);\n",
    ],
    "yaml": [
        "site:\n  title: Example\n  menus:\n    - name: Docs\n      url: /docs/\n",
        "workers: 4\nqueue:\n  name: render\n  retries: 3\n  timeout: 30s\n",
    ],
    "json": [
        "{\n  \"name\": \"bengal\",\n  \"pages\": 10000,\n  \"shards\": [1, 2, 3]\n}\n",
        "{\n  \"request\": {\"method\": \"GET\", \"path\": \"/api/v1/pages\"},\n  \"limit\": 50\n}\n",
    ],
}
LANGS = sorted(CODE)
LEVEL_NAMES = ("section", "chapter", "topic", "unit", "part")
LEAF_MAX = 50    # pages in a leaf section
FANOUT = 10      # subsections of a section
N_SVG, N_PNG = 16, 4
PRODUCTS = ("Atlas", "Beacon", "Comet", "Delta")


def sentence(rng, n=12):
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def paragraph(rng, sentences=4):
    return " ".join(sentence(rng, rng.randint(8, 16)) for _ in range(sentences))


def heading_id(text):
    """The id both Bengal and Hugo (GitHub style) give a heading of lower-case words and digits."""
    return text.lower().replace(" ", "-")


# --- The plan: which pages exist, where, with which title, headings and tags ---------------

def split_counts(count, parts):
    """Splits count into `parts` near-equal numbers, larger first."""
    base, extra = divmod(count, parts)
    return [base + (1 if k < extra else 0) for k in range(parts)]


def build_tree(prefix, depth, count, leaves):
    """Appends (dir, page count) leaves under prefix: at most LEAF_MAX pages in a leaf and
    at most FANOUT subsections in a section, so depth grows with log(N)."""
    if count <= LEAF_MAX:
        leaves.append((prefix, count))
        return
    parts = min(FANOUT, math.ceil(count / LEAF_MAX))
    name = LEVEL_NAMES[min(depth + 1, len(LEVEL_NAMES) - 1)]
    for k, n in enumerate(split_counts(count, parts)):
        build_tree(f"{prefix}/{name}-{k}", depth + 1, n, leaves)


def tag_names(count, seed):
    """Readable, unique tag names (word pairs, numbered once the pairs run out), shuffled so
    the most used tags are not all alike."""
    pairs = [f"{a}-{b}" for a in WORDS for b in WORDS if a != b]
    random.Random(f"{seed}/tags").shuffle(pairs)
    return [pairs[k % len(pairs)] + (f"-{k // len(pairs)}" if k >= len(pairs) else "") for k in range(count)]


class Plan:
    def __init__(self, pages, sections, seed):
        self.seed = seed
        self.leaves = []
        for s, n in enumerate(split_counts(pages, sections)):
            build_tree(f"{LEVEL_NAMES[0]}-{s}", 0, n, self.leaves)
        self.rel = []          # page number -> path under content/, e.g. section-0/chapter-1/page-7.md
        self.leaf_of = []      # page number -> index in self.leaves
        self.leaf_pages = []   # leaf index -> its page numbers
        for li, (d, n) in enumerate(self.leaves):
            first = len(self.rel)
            self.leaf_pages.append(range(first, first + n))
            for i in range(first, first + n):
                self.rel.append(f"{d}/page-{i}.md")
                self.leaf_of.append(li)
        self.tags = tag_names(max(10, pages // 20), seed)
        # Zipf-like: the k-th tag is chosen with weight 1/(k+1).
        self.tag_cum = []
        total = 0.0
        for k in range(len(self.tags)):
            total += 1.0 / (k + 1)
            self.tag_cum.append(total)
        self._skeletons = {}

    def rng(self, kind, i):
        # String seeds are hashed with SHA-512 by random.Random: stable across runs and Pythons.
        return random.Random(f"{self.seed}/{kind}/{i}")

    def skeleton(self, i):
        """Title, headings [(level, text)] and tags of page i, from its own random stream, so
        a page linking to page i knows which anchors exist there."""
        if i not in self._skeletons:
            rng = self.rng("skeleton", i)
            title = f"Page {i}: {sentence(rng, 3)[:-1]}"
            headings = []
            for h in range(rng.randint(4, 6)):
                headings.append((2, f"{sentence(rng, 3)[:-1]} {h}"))
                if rng.random() < 0.3:
                    headings.append((3, f"{sentence(rng, 2)[:-1]} {h} 1"))
            tags = set()
            for _ in range(rng.randint(1, 4)):
                tags.add(rng.choices(self.tags, cum_weights=self.tag_cum)[0])
            self._skeletons[i] = (title, headings, sorted(tags))
        return self._skeletons[i]


# --- Writing pages ------------------------------------------------------------------------

class Writer:
    """Formats the constructs that differ between the two generators."""

    def __init__(self, fmt):
        self.fmt = fmt

    def ref(self, target_rel, anchor=None, text=None):
        path = target_rel[:-3]
        if anchor:
            path += "#" + anchor
        if self.fmt == "bengal":
            return f"[[{path}|{text}]]" if text else f"[[{path}]]"
        # Hugo: the theme's shortcode (bench/hugo-theme/layouts/shortcodes/bref.html).
        return f'{{{{< bref "{path}" "{text}" >}}}}' if text else f'{{{{< bref "{path}" >}}}}'


def pick_target(plan, rng, i, leaf):
    """Another page: mostly from the same leaf section (docs link locally), sometimes anywhere."""
    pages = plan.leaf_pages[leaf]
    if rng.random() < 0.7 and len(pages) > 1:
        t = rng.choice(pages)
    else:
        t = rng.randrange(len(plan.rel))
    return t if t != i else (t + 1) % len(plan.rel)


def link_sentence(plan, writer, rng, i, leaf, here_dir):
    t = pick_target(plan, rng, i, leaf)
    target = plan.rel[t]
    _, headings, _ = plan.skeleton(t)
    anchor = heading_id(rng.choice(headings)[1]) if rng.random() < 0.5 else None
    kind = rng.randrange(4)
    if kind == 0:
        link = writer.ref(target, anchor)
    elif kind == 1:
        link = writer.ref(target, anchor, text=" ".join(rng.choice(WORDS) for _ in range(2)))
    else:
        rel = os.path.relpath(target, here_dir) + (f"#{anchor}" if anchor else "")
        link = f"[{' '.join(rng.choice(WORDS) for _ in range(3))}]({rel})"
    return f"See {link} for {rng.choice(WORDS)} {rng.choice(WORDS)} details."


def front_matter(title, weight, date, tags, description):
    return (f"---\ntitle: \"{title}\"\nweight: {weight}\ndate: {date}\n"
            f"tags: [{', '.join(tags)}]\ndescription: \"{description}\"\n---\n")


def page_text(plan, writer, i, rel, leaf):
    """The Markdown of page number i at content/rel in leaf section number leaf (i can be a
    number past the last page: bench/scenarios.py's added page)."""
    title, headings, tags = plan.skeleton(i)
    rng = plan.rng("body", i)
    here = os.path.dirname(rel)
    date = f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    out = [front_matter(title, rng.randint(1, 50), date, tags, sentence(rng, 8)[:-1])]
    out.append(paragraph(rng, 5))
    if rng.random() < 0.5:
        k = rng.randrange(N_SVG + N_PNG)
        img = f"diagram-{k}.svg" if k < N_SVG else f"photo-{k - N_SVG}.png"
        out.append(f"![{sentence(rng, 4)[:-1]}](/img/{img})")
    link_slots = set(rng.sample(range(len(headings)), min(len(headings), rng.randint(2, 4))))
    for h, (level, text) in enumerate(headings):
        out.append(f"{'#' * level} {text}")
        out.append(paragraph(rng, rng.randint(3, 6) if level == 2 else 3))
        if level == 2 and rng.random() < 0.6:
            out.append("\n".join(f"- {sentence(rng, 6)}" for _ in range(rng.randint(3, 5))))
        if h in link_slots:
            out.append(link_sentence(plan, writer, rng, i, leaf, here))
    if i % 3 == 0:
        rows = "\n".join(f"| `{rng.choice(WORDS)}` | {rng.randint(0, 99)} | {sentence(rng, 5)} |"
                         for _ in range(rng.randint(4, 7)))
        out.append("| Option | Default | Meaning |\n|---|---|---|\n" + rows)
    for _ in range(rng.randint(1, 3)):
        lang = rng.choice(LANGS)
        out.append(f"```{lang}\n{rng.choice(CODE[lang])}```")
    out.append(paragraph(rng, 4))
    return "\n\n".join(out) + "\n"


def section_text(plan, d, number):
    """The _index.md of section d: a title, a description, some text, and in some sections a
    cascade map that every page below inherits."""
    rng = plan.rng("section", d)
    name = d.split("/")[-1]
    title = name.replace("-", " ").title()
    fm = f"---\ntitle: \"{title}\"\nweight: {number + 1}\ndescription: \"{sentence(rng, 6)[:-1]}\"\n"
    if d.count("/") == 0 and number % 3 == 0:
        fm += f"cascade:\n  product: {PRODUCTS[number // 3 % len(PRODUCTS)]}\n"
    elif d.count("/") == 1 and number % 4 == 1:
        fm += "cascade:\n  type: docs\n"
    return fm + "---\n\n" + paragraph(rng, 2) + "\n"


# --- Static files -------------------------------------------------------------------------

def svg(k):
    bars = "".join(f'<rect x="{10 + 30 * b}" y="{100 - (k * 7 + b * 13) % 80}" width="20" '
                   f'height="{(k * 7 + b * 13) % 80}" fill="#{(k * 40 + b * 30) % 256:02x}6699"/>'
                   for b in range(8))
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="260" height="110" viewBox="0 0 260 110">'
            f'<title>Diagram {k}</title>{bars}</svg>\n')


def png(k, size=64):
    """A small gradient PNG, written with zlib so no imaging library is needed."""
    rows = b"".join(b"\0" + bytes(v for x in range(size) for v in ((x * 4 + k * 50) % 256, (y * 4) % 256, 128))
                    for y in range(size))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) +
            chunk(b"IEND", b""))


# --- Site files ---------------------------------------------------------------------------

def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    mode = "wb" if isinstance(text, bytes) else "w"
    with open(path, mode) as f:
        f.write(text)


# The per-page index.json and index.txt are off: the Hugo theme writes no such files, and
# they would be two of every three files Bengal writes.
BENGAL_TOML = """[site]
title = "Bench"
baseurl = "https://bench.example.org/"
language = "en"

[outputs]
json = []
txt = []
"""

HUGO_TOML = """baseURL = "https://bench.example.org/"
title = "Bench"
languageCode = "en"
theme = "bench"
disableHugoGeneratorInject = true

[taxonomies]
  tag = "tags"

# Like Bengal's index step, the home page also gets a search index (layouts/index.json).
[outputs]
  home = ["HTML", "RSS", "JSON"]

[services.rss]
  limit = 20

[markup.tableOfContents]
  startLevel = 2
  endLevel = 3

[markup.highlight]
  codeFences = true
  guessSyntax = false
"""


def write_config(out, fmt, theme_src):
    if fmt == "bengal":
        write(os.path.join(out, "bengal.toml"), BENGAL_TOML)
        # A site-level copy of the page layout, so the "template edited" scenario has a
        # template of the site's own to edit (the default theme is compiled into the tools).
        shutil.copyfile(os.path.join(theme_src, "page.html"), os.path.join(out, "templates", "page.html"))
    else:
        write(os.path.join(out, "config.toml"), HUGO_TOML)
        shutil.copytree(os.path.join(HERE, "hugo-theme"), os.path.join(out, "themes", "bench"))


def generate(out, pages, sections, seed, fmt, theme_src):
    if os.path.exists(out):
        raise SystemExit(f"gen_site.py: error: {out} exists; remove it first")
    plan = Plan(pages, sections, seed)
    writer = Writer(fmt)
    content = os.path.join(out, "content")
    os.makedirs(os.path.join(out, "templates"), exist_ok=True)
    write_config(out, fmt, theme_src)
    dirs = sorted({"/".join(d.split("/")[:k + 1]) for d, _ in plan.leaves for k in range(d.count("/") + 1)})
    for d in dirs:
        number = int(d.rsplit("-", 1)[1])
        write(os.path.join(content, d, "_index.md"), section_text(plan, d, number))
    home_rng = plan.rng("home", 0)
    write(os.path.join(content, "_index.md"), f"---\ntitle: Bench\n---\n\n{paragraph(home_rng, 2)}\n")
    for i, rel in enumerate(plan.rel):
        write(os.path.join(content, rel), page_text(plan, writer, i, rel, plan.leaf_of[i]))
    for k in range(N_SVG):
        write(os.path.join(out, "static", "img", f"diagram-{k}.svg"), svg(k))
    for k in range(N_PNG):
        write(os.path.join(out, "static", "img", f"photo-{k}.png"), png(k))
    write(os.path.join(out, "bench-site.json"), json.dumps(site_info(plan, fmt, pages, sections), indent=2) + "\n")


def site_info(plan, fmt, pages, sections):
    """What the edit scenarios touch: a page in the middle of the site, and a tag it lacks
    from the middle of the Zipf distribution (an existing term page that grows by one)."""
    target = len(plan.rel) // 2
    _, _, tags = plan.skeleton(target)
    tag = next(t for t in plan.tags[len(plan.tags) // 10:] if t not in tags)
    return {
        "format": fmt,
        "pages": pages,
        "sections": sections,
        "seed": plan.seed,
        "target_page": target,
        "target_rel": plan.rel[target],
        "added_tag": tag,
        "template": "templates/page.html" if fmt == "bengal" else "themes/bench/layouts/_default/single.html",
        "new_page_rel": os.path.dirname(plan.rel[target]) + "/added-page.md",
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out", help="folder to create (must not exist)")
    ap.add_argument("--pages", type=int, default=1000, help="content pages (default 1000)")
    ap.add_argument("--sections", type=int, default=10, help="top-level sections (default 10)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("--format", choices=("bengal", "hugo"), default="bengal", help="which generator's site")
    ap.add_argument("--theme-src", default=os.path.join(REPO, "themes", "default", "templates"),
                    help="Bengal theme folder whose page.html the site overrides (default: this repo's)")
    args = ap.parse_args()
    if args.pages < 2 or args.sections < 1:
        ap.error("need --pages >= 2 and --sections >= 1")
    generate(args.out, args.pages, args.sections, args.seed, args.format, args.theme_src)


if __name__ == "__main__":
    main()
