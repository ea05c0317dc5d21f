#!/usr/bin/env python3
"""Checks the link integrity of a built site: every internal href and src in every HTML file
under the output folder (and every URL of sitemap.xml and the feeds) resolves to a published
file, and every #fragment of a link to a page names an id on that page.

    check_links.py [--base-path /docs/] [--origin https://example.org] PUBLIC_DIR

Prints one line per broken reference ("FILE: URL: why") and exits 1 if there is any."""
import argparse
import os
import re
import sys
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

URL_ATTRS = {("a", "href"), ("link", "href"), ("img", "src"), ("script", "src"), ("source", "src"),
             ("video", "src"), ("video", "poster"), ("audio", "src"), ("track", "src"), ("iframe", "src"),
             ("area", "href"), ("form", "action")}
SRCSET_TAGS = {"img", "source"}


class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.urls = []
        self.ids = set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value is None:
                continue
            if name in ("id", "name") and (name == "id" or tag == "a"):
                self.ids.add(value)
            if (tag, name) in URL_ATTRS:
                self.urls.append(value)
            elif name == "srcset" and tag in SRCSET_TAGS:
                self.urls += [c.strip().split()[0] for c in value.split(",") if c.strip()]


def published_path(public, path):
    """The file a URL path names under public/, or None."""
    rel = unquote(path).lstrip("/")
    candidates = [rel] if rel and not rel.endswith("/") else [rel + "index.html"]
    if rel and not rel.endswith("/"):
        candidates.append(rel + "/index.html")  # hosts serve /guide as /guide/
    for c in candidates:
        full = os.path.normpath(os.path.join(public, c))
        if full.startswith(os.path.normpath(public)) and os.path.isfile(full):
            return full
    return None


def check(public, base_path="/", origin=""):
    problems = []
    pages = {}  # file -> Page, parsed once

    def parsed(path):
        if path not in pages:
            p = Page()
            with open(path, encoding="utf-8", errors="replace") as f:
                p.feed(f.read())
            pages[path] = p
        return pages[path]

    def check_url(where, url, page_dir):
        if origin and url.startswith(origin):
            url = url[len(origin):] or "/"
        parts = urlsplit(url)
        if parts.scheme or parts.netloc or url.startswith(("data:", "mailto:", "javascript:")):
            return
        if not parts.path:  # "#anchor" on the page itself
            target = where
        else:
            path = parts.path if parts.path.startswith("/") else page_dir + parts.path
            if not path.startswith(base_path):
                problems.append(f"{where}: {url}: outside the site's base path {base_path}")
                return
            target = published_path(public, "/" + path[len(base_path):])
            if target is None:
                problems.append(f"{where}: {url}: no such file")
                return
        if parts.fragment and target.endswith(".html"):
            if unquote(parts.fragment) not in parsed(target).ids:
                problems.append(f"{where}: {url}: no id '{unquote(parts.fragment)}' on the page")

    for dirpath, _, files in os.walk(public):
        for name in sorted(files):
            full = os.path.join(dirpath, name)
            rel = os.path.relpath(full, public)
            url_dir = base_path + (os.path.dirname(rel) + "/" if os.path.dirname(rel) else "")
            if name.endswith(".html"):
                for url in parsed(full).urls:
                    check_url(full, url.strip(), url_dir)
            elif name in ("sitemap.xml", "rss.xml", "atom.xml") or re.match(r"sitemap-\d+\.xml$", name):
                with open(full, encoding="utf-8") as f:
                    text = f.read()
                for url in re.findall(r"<(?:loc|link)>([^<]+)</|<link[^>]* href=\"([^\"]+)\"", text):
                    u = url[0] or url[1]
                    check_url(full, u.replace("&amp;", "&"), url_dir)
    return problems


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("public")
    ap.add_argument("--base-path", default="/")
    ap.add_argument("--origin", default="", help="the baseurl's scheme and host: absolute URLs under it are checked")
    args = ap.parse_args()
    problems = check(args.public, args.base_path, args.origin.rstrip("/"))
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
