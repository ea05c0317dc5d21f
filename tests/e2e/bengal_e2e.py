"""Helpers for the end-to-end tests: copy an example site to a temporary folder, run the real
bengal-ninja-gen and ninja there, and look at what happened."""
import hashlib
import os
import re
import shutil
import subprocess
import tempfile
import time
import unittest

BIN = os.environ.get("BENGAL_BIN", os.path.join(os.path.dirname(__file__), "../../build/bin"))
ROOT = os.environ.get("BENGAL_ROOT", os.path.join(os.path.dirname(__file__), "../.."))
BLESS = os.environ.get("BENGAL_BLESS") == "1"


class Site:
    """A copy of an example site in a temporary folder."""

    def __init__(self, example, tmp):
        self.path = os.path.join(tmp, example)
        n = 1
        while os.path.exists(self.path):  # several copies in one test: docs, docs-2, ...
            n += 1
            self.path = os.path.join(tmp, f"{example}-{n}")
        shutil.copytree(os.path.join(ROOT, "examples", example), self.path,
                        ignore=shutil.ignore_patterns("public", ".bengal", "build.ninja", ".ninja_*"))

    def run(self, *args, check=True):
        env = dict(os.environ, PATH=BIN + os.pathsep + os.environ["PATH"], NINJA_STATUS="[%f/%t] ")
        proc = subprocess.run(list(args), cwd=self.path, env=env, capture_output=True, text=True)
        if check and proc.returncode != 0:
            raise AssertionError(f"{' '.join(args)} exited {proc.returncode}\n{proc.stdout}\n{proc.stderr}")
        return proc

    def configure(self, *flags):
        return self.run(os.path.join(BIN, "bengal-ninja-gen"), *flags)

    def ninja(self, *flags, check=True):
        # File times come from a clock that ticks every few milliseconds, and on this kernel a
        # file written just before a command can get a later time than the files the command
        # writes. Ninja compares those times, so an edit made within a tick of a build could
        # look newer than the build's outputs. People do not edit that fast; tests do: wait out
        # a tick before every run.
        time.sleep(0.02)
        return self.run("ninja", *flags, check=check)

    def build(self, *flags):
        self.configure()
        return self.ninja(*flags)

    def file(self, rel):
        return os.path.join(self.path, rel)

    def read(self, rel):
        with open(self.file(rel), encoding="utf-8") as f:
            return f.read()

    def write(self, rel, text):
        path = self.file(rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)

    def edit(self, rel, old, new):
        text = self.read(rel)
        assert old in text, f"{old!r} not in {rel}"
        self.write(rel, text.replace(old, new, 1))

    def tree(self, folder="public"):
        """Every file under folder: relative path -> bytes."""
        out = {}
        base = self.file(folder)
        for dirpath, _, files in os.walk(base):
            for name in files:
                full = os.path.join(dirpath, name)
                with open(full, "rb") as f:
                    out[os.path.relpath(full, base)] = f.read()
        return out

    def stamps(self, folder="public"):
        """Every file under folder: relative path -> (mtime_ns, inode), to see what was rewritten."""
        out = {}
        base = self.file(folder)
        for dirpath, _, files in os.walk(base):
            for name in files:
                st = os.stat(os.path.join(dirpath, name))
                out[os.path.relpath(os.path.join(dirpath, name), base)] = (st.st_mtime_ns, st.st_ino)
        return out


def steps(ninja_output):
    """The step descriptions ninja printed ("SCAN .bengal/shards/x.scan", ...)."""
    return [m.group(1) for m in re.finditer(r"^\[\d+/\d+\] (.*)$", ninja_output, re.M)]


def changed(before, after):
    return sorted(k for k in after if before.get(k) != after[k])


def digest(tree):
    h = hashlib.sha256()
    for k in sorted(tree):
        h.update(k.encode() + b"\0" + tree[k] + b"\0")
    return h.hexdigest()


THEME_STATIC = os.path.join(ROOT, "themes/default/static")


def without_theme_assets(test, tree):
    """The tree without the built-in theme's assets, after checking that each was published
    byte for byte (the golden trees need no copy of them)."""
    out = {}
    for rel, data in tree.items():
        source = os.path.join(THEME_STATIC, rel)
        if os.path.isfile(source):
            with open(source, "rb") as f:
                test.assertEqual(data, f.read(), f"{rel} is not the theme's {source}")
            continue
        out[rel] = data
    return out


def compare_with_golden(test, tree, golden_dir):
    """Compares a built tree with the blessed copy; BENGAL_BLESS=1 rewrites the blessed copy.
    The built-in theme's assets are compared with their sources instead."""
    tree = without_theme_assets(test, tree)
    if BLESS:
        shutil.rmtree(golden_dir, ignore_errors=True)
        for rel, data in tree.items():
            path = os.path.join(golden_dir, rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as f:
                f.write(data)
        return
    golden = {}
    for dirpath, _, files in os.walk(golden_dir):
        for name in files:
            full = os.path.join(dirpath, name)
            with open(full, "rb") as f:
                golden[os.path.relpath(full, golden_dir)] = f.read()
    test.assertTrue(golden, f"no golden output in {golden_dir}; run with BENGAL_BLESS=1")
    test.assertEqual(sorted(tree), sorted(golden), "the set of output files differs from the golden tree")
    for rel in sorted(tree):
        test.assertEqual(tree[rel].decode("utf-8", "replace"), golden[rel].decode("utf-8", "replace"),
                         f"{rel} differs from {golden_dir}/{rel} (BENGAL_BLESS=1 to accept)")


class SiteTest(unittest.TestCase):
    example = None

    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory(prefix="bengal-e2e-")
        self.tmp = self._tmp.name

    def tearDown(self):
        self._tmp.cleanup()

    def site(self, example=None):
        return Site(example or self.example, self.tmp)
