#!/usr/bin/python3
"""Differential test of Bengal's template engine against Jinja2.

Each case in cases/*.txt is rendered by Jinja2 (Debian's python3-jinja2, configured as Bengal
configures its engine: autoescape, trim_blocks, lstrip_blocks) and by Bengal through the
bengal-template-diff driver; the outputs must be byte-identical. When both raise an error the
case passes (messages differ by design). Cases marked `--- differs` document a deliberate
difference: Bengal's output is checked against the case's `--- bengal` section instead.

Case file format (sections end at the next marker; trailing blank lines are dropped):

    === name
    --- template
    {{ greeting }}, {{ name | upper }}
    --- context
    {"greeting": "Hi", "name": "ann"}
    --- file base.html            (more templates, for include/extends/import)
    ...
    --- options                   (JSON: autoescape, trim_blocks, lstrip_blocks, strict, ...)
    {"strict": true}
    --- differs why Bengal differs here
    --- bengal                    (Bengal's expected output, or ERROR)
    ...

Usage: run_diff.py --driver build/.../bengal-template-diff --cases tests/template_diff/cases
"""
import argparse
import datetime
import glob
import json
import os
import subprocess
import sys

import jinja2


def parse_cases(path):
    cases, case, section = [], None, None
    name = os.path.basename(path)
    with open(path, encoding="utf-8", newline="") as f:  # keep \r for the CRLF cases
        lines = f.read().split("\n")
    for line in lines:
        if line.startswith("=== "):
            case = {"id": f"{name}:{line[4:].strip()}", "files": {}, "context": {}, "options": {}}
            cases.append(case)
            section = None
        elif line.startswith("--- ") and case is not None:
            kind, _, arg = line[4:].partition(" ")
            section = [kind, arg.strip(), []]
            case.setdefault("_sections", []).append(section)
        elif section is not None:
            section[2].append(line)
    for case in cases:
        for kind, arg, body_lines in case.pop("_sections", []):
            while body_lines and body_lines[-1] == "":
                body_lines.pop()
            body = "\n".join(body_lines)
            if kind == "template":
                case["template"] = body
            elif kind == "context":
                case["context"] = json.loads(body or "{}")
            elif kind == "file":
                case["files"][arg] = body
            elif kind == "options":
                case["options"] = json.loads(body)
            elif kind == "differs":
                case["differs"] = arg or "deliberate difference"
            elif kind == "bengal":
                case["bengal"] = body
            else:
                raise SystemExit(f"{path}: unknown section '--- {kind}' in case {case['id']}")
        if "template" not in case:
            raise SystemExit(f"{path}: case {case['id']} has no template")
    return cases


def date_filter(value, fmt="%Y-%m-%d"):
    """Bengal's `date` extension, as Python would do it."""
    if isinstance(value, jinja2.Undefined):
        return value
    return datetime.datetime.fromisoformat(value).strftime(fmt)


def render_with_jinja(case):
    opts = case["options"]
    env = jinja2.Environment(
        autoescape=opts.get("autoescape", True),
        trim_blocks=opts.get("trim_blocks", True),
        lstrip_blocks=opts.get("lstrip_blocks", True),
        keep_trailing_newline=opts.get("keep_trailing_newline", False),
        undefined=jinja2.StrictUndefined if opts.get("strict") else jinja2.Undefined,
        loader=jinja2.DictLoader({**case["files"], "main": case["template"]}),
    )
    env.filters["date"] = date_filter
    try:
        return {"output": env.get_template("main").render(**case["context"])}
    except Exception as e:  # any Jinja error: Bengal must fail too
        return {"error": f"{type(e).__name__}: {e}"}


def render_with_bengal(driver, cases):
    batch = {"cases": [{k: c[k] for k in ("id", "template", "context", "files", "options")} for c in cases]}
    run = subprocess.run([driver], input=json.dumps(batch), capture_output=True, text=True)
    if run.returncode != 0:
        raise SystemExit(f"driver failed ({run.returncode}):\n{run.stderr}")
    return {r["id"]: r for r in json.loads(run.stdout)}


def describe(result):
    return "ERROR " + result["error"] if "error" in result else repr(result["output"])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--driver", required=True)
    parser.add_argument("--cases", required=True)
    parser.add_argument("--filter", default="", help="only cases whose id contains this")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()

    cases = []
    for path in sorted(glob.glob(os.path.join(args.cases, "*.txt"))):
        cases += [c for c in parse_cases(path) if args.filter in c["id"]]
    ids = [c["id"] for c in cases]
    if len(ids) != len(set(ids)):
        raise SystemExit("duplicate case names: " + ", ".join(sorted({i for i in ids if ids.count(i) > 1})))
    bengal = render_with_bengal(args.driver, cases)

    failures, differs = [], 0
    for case in cases:
        ours = bengal[case["id"]]
        if "differs" in case:
            differs += 1
            want = case.get("bengal")
            got = "ERROR" if "error" in ours else ours["output"]
            if want is None or got != want:
                failures.append(f"{case['id']} (deliberate difference: {case['differs']})\n"
                                f"  expected Bengal: {want!r}\n  bengal:          {describe(ours)}")
            elif args.verbose:
                print(f"{case['id']}: differs as documented; jinja: {describe(render_with_jinja(case))}")
            continue
        jinja = render_with_jinja(case)
        same = ("error" in jinja and "error" in ours) or (
            "output" in jinja and "output" in ours and jinja["output"] == ours["output"])
        if not same:
            failures.append(f"{case['id']}\n  jinja:  {describe(jinja)}\n  bengal: {describe(ours)}")

    for failure in failures:
        print("FAIL " + failure)
    passed = len(cases) - len(failures)
    print(f"template_diff: {len(cases)} cases, {passed} passed, {len(failures)} failed "
          f"({differs} marked as deliberate differences, checked against Bengal's expected output)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
