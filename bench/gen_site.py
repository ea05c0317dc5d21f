#!/usr/bin/env python3
"""Writes a deterministic synthetic documentation site for benchmarks.

    bench/gen_site.py OUT_DIR --pages N [--sections S]

Pages are docs-like, about 4.5 KB of Markdown each: headings, paragraphs, lists, a table in a
third of the pages, one to three fenced code blocks in several languages, [[references]] and
relative links to other pages, tags. Sections nest two levels, each with an _index.md that
sets a cascade-like param. The same arguments always give the same bytes.
"""
import argparse
import os
import random

WORDS = ("build graph shard page section render template link anchor index feed cache "
         "parallel incremental ninja restat hash content theme markdown heading table "
         "code block output folder tool pipeline config static asset site search").split()
LANGS = {
    "python": "def handler(event, context):\n    items = [x * 2 for x in event['values'] if x > 0]\n    return {'count': len(items), 'items': items}\n",
    "bash": "for f in content/*.md; do\n  echo \"checking $f\"\n  grep -q '^title:' \"$f\" || echo \"missing title: $f\"\ndone\n",
    "cpp": "#include <vector>\nint sum(const std::vector<int>& v) {\n  int total = 0;\n  for (int x : v) total += x;\n  return total;\n}\n",
    "json": "{\n  \"name\": \"bengal\",\n  \"pages\": 10000,\n  \"shards\": [1, 2, 3]\n}\n",
    "yaml": "site:\n  title: Example\n  menus:\n    - name: Docs\n      url: /docs/\n",
    "go": "func main() {\n\tfor i := 0; i < 10; i++ {\n\t\tfmt.Println(i)\n\t}\n}\n",
}


def sentence(rng, n=12):
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def paragraph(rng, sentences=4):
    return " ".join(sentence(rng, rng.randint(8, 16)) for _ in range(sentences))


def page_text(rng, i, title, all_pages, here_dir):
    tags = sorted(set(rng.choice(WORDS) for _ in range(rng.randint(1, 3))))
    out = [f"---\ntitle: \"{title}\"\nweight: {rng.randint(1, 50)}\ndate: 2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}\n"
           f"tags: [{', '.join(tags)}]\ndescription: \"{sentence(rng, 8)}\"\n---\n"]
    out.append(paragraph(rng, 3))
    for h in range(rng.randint(3, 5)):
        out.append(f"## {sentence(rng, 3)[:-1]} {h}")
        out.append(paragraph(rng, rng.randint(3, 5)))
        if rng.random() < 0.5:
            out.append("\n".join(f"- {sentence(rng, 6)}" for _ in range(rng.randint(3, 5))))
        if h == 1:
            target = all_pages[rng.randrange(len(all_pages))]
            rel = os.path.relpath(target, here_dir)
            out.append(f"See [[{target[:-3]}]] and [this page]({rel}) for more.")
    if i % 3 == 0:
        out.append("| Option | Default | Meaning |\n|---|---|---|\n" +
                   "\n".join(f"| `{rng.choice(WORDS)}` | {rng.randint(0, 99)} | {sentence(rng, 5)} |" for _ in range(5)))
    for _ in range(rng.randint(1, 3)):
        lang = rng.choice(sorted(LANGS))
        out.append(f"```{lang}\n{LANGS[lang]}```")
    out.append(paragraph(rng, 3))
    return "\n\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--pages", type=int, default=1000)
    ap.add_argument("--sections", type=int, default=10)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    content = os.path.join(args.out, "content")
    os.makedirs(content, exist_ok=True)
    with open(os.path.join(args.out, "bengal.toml"), "w") as f:
        f.write('[site]\ntitle = "Bench"\nbaseurl = "https://bench.example.org/"\n')
    pages = []
    for i in range(args.pages):
        s = i % args.sections
        sub = (i // args.sections) % 5
        pages.append(f"section-{s}/topic-{sub}/page-{i}.md")
    dirs = sorted({os.path.dirname(p) for p in pages} | {p.split("/")[0] for p in pages})
    for d in dirs:
        os.makedirs(os.path.join(content, d), exist_ok=True)
        with open(os.path.join(content, d, "_index.md"), "w") as f:
            f.write(f"---\ntitle: \"{d.split('/')[-1].replace('-', ' ').title()}\"\n---\n\n{paragraph(rng, 2)}\n")
    with open(os.path.join(content, "_index.md"), "w") as f:
        f.write(f"---\ntitle: Bench\n---\n\n{paragraph(rng, 2)}\n")
    for i, p in enumerate(pages):
        with open(os.path.join(content, p), "w") as f:
            f.write(page_text(rng, i, f"Page {i}: {sentence(rng, 3)[:-1]}", pages, os.path.dirname(p)))


if __name__ == "__main__":
    main()
