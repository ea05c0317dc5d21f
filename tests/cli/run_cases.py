#!/usr/bin/env python3
"""Runs the CLI cases: each tests/cli/cases/NAME.case holds a command, its expected exit status
and, optionally, its exact stdout and stderr.

    # a comment saying what the case checks
    site: broken              (optional: run in a fresh copy of examples/broken)
    setup: shell command      (optional, repeatable: runs before, must succeed)
    run: bengal-scan --bogus  (one shell command; the tools are on PATH)
    exit: 2
    --- stdout
    expected text
    --- stderr
    expected text

A section that is absent is not checked. Set BENGAL_BLESS=1 to rewrite the expected outputs.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile


def parse_case(text):
    case = {"setup": [], "sections": {}}
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("--- "):
            name = line[4:].strip()
            body = []
            i += 1
            while i < len(lines) and not lines[i].startswith("--- "):
                body.append(lines[i])
                i += 1
            case["sections"][name] = "\n".join(body).rstrip("\n") + "\n" if any(body) else ""
            continue
        if line.startswith("#") or not line.strip():
            i += 1
            continue
        key, _, value = line.partition(":")
        key, value = key.strip(), value.strip()
        if key == "setup":
            case["setup"].append(value)
        else:
            case[key] = value
        i += 1
    return case


def write_case(path, case, stdout, stderr):
    with open(path, encoding="utf-8") as f:
        head = f.read().split("\n--- ")[0].rstrip("\n")
    out = head + "\n"
    for name, text in (("stdout", stdout), ("stderr", stderr)):
        if name in case["sections"]:
            out += f"--- {name}\n{text}"
    with open(path, "w", encoding="utf-8") as f:
        f.write(out)


def run_case(path, args):
    case = parse_case(open(path, encoding="utf-8").read())
    env = dict(os.environ, PATH=args.bin + os.pathsep + os.environ["PATH"], LC_ALL="C.UTF-8")
    with tempfile.TemporaryDirectory(prefix="bengal-cli-") as tmp:
        cwd = tmp
        if "site" in case:
            cwd = os.path.join(tmp, case["site"])
            shutil.copytree(os.path.join(args.root, "examples", case["site"]), cwd,
                            ignore=shutil.ignore_patterns("public", ".bengal", "build.ninja", ".ninja_*"))
        for cmd in case["setup"]:
            subprocess.run(cmd, shell=True, cwd=cwd, env=env, check=True, capture_output=True)
        proc = subprocess.run(case["run"], shell=True, cwd=cwd, env=env, capture_output=True, text=True)
    problems = []
    if "exit" in case and proc.returncode != int(case["exit"]):
        problems.append(f"exit status {proc.returncode}, expected {case['exit']}")
    for name, actual in (("stdout", proc.stdout), ("stderr", proc.stderr)):
        expected = case["sections"].get(name)
        if expected is not None and actual != expected and os.environ.get("BENGAL_BLESS") != "1":
            problems.append(f"{name} differs:\n--- expected\n{expected}--- actual\n{actual}")
    if os.environ.get("BENGAL_BLESS") == "1":
        write_case(path, case, proc.stdout, proc.stderr)
    return problems


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--bin", required=True)
    p.add_argument("--cases", required=True)
    p.add_argument("--root", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "../.."))
    p.add_argument("only", nargs="*", help="run only these case names")
    args = p.parse_args()
    args.bin = os.path.abspath(args.bin)
    args.root = os.path.abspath(args.root)
    names = sorted(n for n in os.listdir(args.cases) if n.endswith(".case"))
    if args.only:
        names = [n for n in names if n[:-5] in args.only]
    passed = failed = 0
    for name in names:
        problems = run_case(os.path.join(args.cases, name), args)
        if problems:
            failed += 1
            print(f"FAIL {name}")
            for pr in problems:
                print("  " + pr.replace("\n", "\n  "))
        else:
            passed += 1
    print(f"{passed} passed, {failed} failed")
    return 1 if failed or not names else 0


if __name__ == "__main__":
    sys.exit(main())
