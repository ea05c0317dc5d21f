#!/usr/bin/env python3
"""Applies or undoes one benchmark edit in a site made by bench/gen_site.py.

    bench/scenarios.py SITE SCENARIO apply|restore
    bench/scenarios.py SITE reset            # undo every edit

SCENARIO is one of the edit scenarios below; `cold` and `noop` edit nothing. The page, tag
and template come from SITE/bench-site.json, so the Bengal and the Hugo site get the same
edit. An edit always writes the same bytes, so every benchmark run measures the same thing.
Originals are kept in SITE/.bench-orig/ the first time a file is edited.
"""
import json
import os
import re
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_site  # noqa: E402  (the page writer, for the added page)

EDITS = ("body", "title", "tag", "template", "add")
SCENARIOS = ("cold", "noop") + EDITS
ORIG = ".bench-orig"


def info(site):
    with open(os.path.join(site, "bench-site.json")) as f:
        return json.load(f)


def read(path):
    with open(path) as f:
        return f.read()


def write_if_changed(path, text):
    """Leaves a file that already holds text untouched: a restore of an unedited file must
    not make Ninja rebuild anything."""
    if os.path.exists(path) and read(path) == text:
        return
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def original(site, rel):
    """The unedited text of SITE/rel, saved on first use."""
    saved = os.path.join(site, ORIG, rel)
    if not os.path.exists(saved):
        os.makedirs(os.path.dirname(saved), exist_ok=True)
        shutil.copyfile(os.path.join(site, rel), saved)
    return read(saved)


def edited_body(text, meta):
    # A new last paragraph: the summary (first paragraph), title and links stay the same.
    return text + "\nThis paragraph was added by the body-edit benchmark scenario.\n"


def edited_title(text, meta):
    return re.sub(r'^title: "(.*)"$', r'title: "\1 (edited)"', text, count=1, flags=re.M)


def edited_tags(text, meta):
    def add(m):
        tags = sorted({t.strip() for t in m.group(1).split(",") if t.strip()} | {meta["added_tag"]})
        return f"tags: [{', '.join(tags)}]"
    return re.sub(r"^tags: \[(.*)\]$", add, text, count=1, flags=re.M)


def edited_template(text, meta):
    """Adds a line inside the layout's last block, so every page it lays out changes (text
    after a child template's last block would never be printed, and prove nothing)."""
    end = "{% endblock %}" if meta["format"] == "bengal" else "{{ end }}"
    at = text.rindex(end)
    return text[:at] + '<p class="edited">Edited.</p>\n' + text[at:]


def added_page(meta):
    plan = gen_site.Plan(meta["pages"], meta["sections"], meta["seed"])
    writer = gen_site.Writer(meta["format"])
    leaf = plan.leaf_of[meta["target_page"]]
    return gen_site.page_text(plan, writer, meta["pages"], meta["new_page_rel"], leaf)


def edit_target(meta, scenario):
    """(file under SITE, function of its original text) for a scenario that edits a file."""
    page = os.path.join("content", meta["target_rel"])
    return {
        "body": (page, edited_body),
        "title": (page, edited_title),
        "tag": (page, edited_tags),
        "template": (meta["template"], edited_template),
    }[scenario]


def apply(site, scenario):
    meta = info(site)
    if scenario == "add":
        write_if_changed(os.path.join(site, "content", meta["new_page_rel"]), added_page(meta))
    elif scenario in EDITS:
        rel, edit = edit_target(meta, scenario)
        before = original(site, rel)
        after = edit(before, meta)
        if after == before:
            raise SystemExit(f"scenarios.py: error: the {scenario} edit changed nothing in {rel}")
        write_if_changed(os.path.join(site, rel), after)


def restore(site, scenario):
    meta = info(site)
    if scenario == "add":
        path = os.path.join(site, "content", meta["new_page_rel"])
        if os.path.exists(path):
            os.remove(path)
    elif scenario in EDITS:
        rel, _ = edit_target(meta, scenario)
        write_if_changed(os.path.join(site, rel), original(site, rel))


def main(argv):
    if len(argv) == 3 and argv[2] == "reset":
        for s in EDITS:
            restore(argv[1], s)
        return
    if len(argv) != 4 or argv[2] not in SCENARIOS or argv[3] not in ("apply", "restore"):
        print("usage:\n" + __doc__.strip().split("\n\n")[1] + f"\nscenarios: {', '.join(SCENARIOS)}", file=sys.stderr)
        sys.exit(2)
    (apply if argv[3] == "apply" else restore)(argv[1], argv[2])


if __name__ == "__main__":
    main(sys.argv)
