"""bengal-ninja-gen --format=bazel on real, offline Bazel builds of examples/docs: sandboxed
actions (so every input is declared), the same bytes as Ninja and Make, nothing run on a second
build, and a remote cache (nginx with WebDAV PUT on loopback) that answers every action of a
clean rebuild and of a second checkout at another path.

Skipped, with a message, only when bazel is not installed. One Bazel output root per run; the
servers are shut down and nginx stopped at the end."""
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import unittest

from bengal_e2e import BIN, ROOT, Site

BAZEL = shutil.which("bazel")
NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if os.path.exists("/usr/sbin/nginx") else None)
MAKE = shutil.which("make")
FIXTURES = os.path.join(ROOT, "tests", "bazel")


def has_format_option():
    """bengal-ninja-gen --help lists --format once the Make and Bazel writers are built in."""
    tool = os.path.join(BIN, "bengal-ninja-gen")
    if not os.path.exists(tool):
        return False
    return "--format" in subprocess.run([tool, "--help"], capture_output=True, text=True).stdout


NO_FORMAT = "bengal-ninja-gen has no --format option: the Make and Bazel writers are not built into it"

WORKSPACE = """\
# The Bengal tools, prebuilt: Bazel takes them as files, no compiler needed.
new_local_repository(
    name = "bengal_tools",
    path = {bin!r},
    build_file_content = 'exports_files(glob(["bengal-*"]), visibility = ["//visibility:public"])',
)
"""


def tree(base):
    out = {}
    for dirpath, _, files in os.walk(base):
        for name in files:
            full = os.path.join(dirpath, name)
            with open(full, "rb") as f:
                out[os.path.relpath(full, base)] = f.read()
    return out


def processes(output):
    """Bazel's summary line as counts: {"linux-sandbox": 40, "internal": 1, ...}."""
    m = re.search(r"INFO: (\d+) process(?:es)?(?:: (.*?))?\.\s*$", output, re.M)
    if not m:
        raise AssertionError("no process summary in Bazel's output:\n" + output)
    counts = {"total": int(m.group(1))}
    for part in (m.group(2) or "").split(", "):
        if part:
            n, kind = part.split(" ", 1)
            counts[kind] = int(n)
    return counts


def execution_log(path):
    """The spawns of --execution_log_json_file: a stream of JSON objects."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    decoder, i, spawns = json.JSONDecoder(), 0, []
    while True:
        while i < len(text) and text[i].isspace():
            i += 1
        if i >= len(text):
            return spawns
        obj, i = decoder.raw_decode(text, i)
        spawns.append(obj)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Nginx:
    """A WebDAV remote cache on 127.0.0.1, with its own prefix, in the foreground."""

    def __init__(self, prefix):
        self.prefix = prefix
        self.port = free_port()
        os.makedirs(os.path.join(prefix, "cache"))
        with open(os.path.join(FIXTURES, "nginx.conf.in"), encoding="utf-8") as f:
            conf = f.read().replace("@PREFIX@", prefix).replace("@PORT@", str(self.port))
        self.conf = os.path.join(prefix, "nginx.conf")
        with open(self.conf, "w", encoding="utf-8") as f:
            f.write(conf)
        self.proc = subprocess.Popen([NGINX, "-p", prefix, "-c", self.conf, "-e", os.path.join(prefix, "error.log")],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.time() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                break
            except OSError:
                if self.proc.poll() is not None or time.time() > deadline:
                    raise AssertionError("nginx did not start: " + self.proc.stderr.read().decode())
                time.sleep(0.05)
        self.url = f"http://127.0.0.1:{self.port}"

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


@unittest.skipIf(BAZEL is None, "bazel not found on PATH: install bazel-bootstrap to run the Bazel tests")
@unittest.skipUnless(has_format_option(), NO_FORMAT)
class BazelBuild(unittest.TestCase):
    """The builds run once, in setUpClass; each test checks one property of them."""

    @classmethod
    def bazel(cls, workspace, *args, check=True):
        cmd = [BAZEL, "--nohome_rc", "--bazelrc=" + os.path.join(FIXTURES, "bazelrc"),
               "--output_user_root=" + cls.user_root, "--max_idle_secs=600", *args]
        start = time.monotonic()
        proc = subprocess.run(cmd, cwd=workspace, capture_output=True, text=True)
        elapsed = time.monotonic() - start
        if check and proc.returncode != 0:
            raise AssertionError(f"{' '.join(cmd)} exited {proc.returncode}\n{proc.stdout}\n{proc.stderr[-6000:]}")
        return proc.stdout + proc.stderr, elapsed

    @classmethod
    def build(cls, workspace, *flags):
        out, elapsed = cls.bazel(workspace, "build", *flags, "//site")
        return processes(out), elapsed

    @classmethod
    def setUpClass(cls):
        cls._tmp = tempfile.TemporaryDirectory(prefix="bengal-bazel-")
        cls.addClassCleanup(cls._tmp.cleanup)
        tmp = cls._tmp.name
        cls.user_root = os.path.join(tmp, "bazel-root")
        cls.workspaces = []
        cls.addClassCleanup(cls.shutdown)

        # Ninja and Make build the same checkout's example, now.
        cls.ninja_site = Site("docs", tmp)
        cls.ninja_site.configure()
        start = time.monotonic()
        cls.ninja_site.ninja()
        cls.ninja_cold = time.monotonic() - start
        start = time.monotonic()
        cls.ninja_site.ninja()
        cls.ninja_noop = time.monotonic() - start
        cls.make_tree = None
        if MAKE:
            make_site = Site("docs", tmp)
            make_site.configure("--format=make")
            make_site.run(MAKE, "-f", "bengal.mk", "-j2")
            cls.make_tree = make_site.tree()

        # The site as the package //site of a workspace.
        ws = os.path.join(tmp, "ws1")
        os.makedirs(ws)
        site = Site("docs", ws)
        os.rename(site.path, os.path.join(ws, "site"))
        site.path = os.path.join(ws, "site")
        site.configure("--format=bazel")
        with open(os.path.join(ws, "WORKSPACE"), "w", encoding="utf-8") as f:
            f.write(WORKSPACE.format(bin=os.path.abspath(BIN)))
        cls.ws1 = ws
        cls.workspaces.append(ws)
        with open(os.path.join(site.path, "BUILD.bazel"), encoding="utf-8") as f:
            cls.build_file = f.read()

        cls.nginx = None
        cache = []
        if NGINX:
            cls.nginx = Nginx(os.path.join(tmp, "nginx"))
            cache = ["--remote_cache=" + cls.nginx.url]

        cls.cold, cls.cold_time = cls.build(ws, *cache)
        cls.bazel_tree = tree(os.path.join(ws, "bazel-bin", "site", "public"))
        cls.noop, cls.noop_time = cls.build(ws, *cache)
        if NGINX:
            cls.bazel(ws, "clean")
            cls.rebuild, cls.rebuild_time = cls.build(ws, *cache)
            # A second checkout at another path: another workspace, another output base.
            ws2 = os.path.join(tmp, "elsewhere", "checkout")
            shutil.copytree(ws, ws2, symlinks=True, ignore=shutil.ignore_patterns("bazel-*"))
            cls.workspaces.append(ws2)
            cls.second, cls.second_time = cls.build(ws2, *cache)
            cls.second_tree = tree(os.path.join(ws2, "bazel-bin", "site", "public"))
            # The site grows by a page: only its shard's scan and parse miss the cache.
            grown = Site("docs", tmp)
            shutil.rmtree(grown.path)
            grown.path = os.path.join(ws2, "site")
            grown.write("content/guide/writing/added.md", "---\ntitle: Added\n---\n\nA page more.\n")
            grown.configure("--format=bazel")
            log = os.path.join(tmp, "grown.log")
            cls.grown, _ = cls.build(ws2, *cache, "--execution_log_json_file=" + log)
            cls.grown_spawns = execution_log(log)
            missed = {}
            for spawn in cls.grown_spawns:
                if not spawn.get("remoteCacheHit"):
                    missed[spawn["mnemonic"]] = missed.get(spawn["mnemonic"], 0) + 1
            sys.stderr.write(f"\nbazel, a page added: {len(cls.grown_spawns)} actions, run (not cached): {missed}")
        sys.stderr.write(
            f"\nbazel: {cls.cold['total']} actions; cold {cls.cold_time:.2f}s (server start included), "
            f"no-op {cls.noop_time:.2f}s" +
            (f", clean rebuild from the cache {cls.rebuild_time:.2f}s, second checkout {cls.second_time:.2f}s"
             if NGINX else "") +
            f"; ninja: cold {cls.ninja_cold:.2f}s, no-op {cls.ninja_noop:.2f}s\n")

    @classmethod
    def shutdown(cls):
        for ws in cls.workspaces:
            cls.bazel(ws, "shutdown", check=False)
        if getattr(cls, "nginx", None):
            cls.nginx.stop()

    def executed(self, counts):
        return {k: v for k, v in counts.items() if k not in ("total", "internal")}

    def test_every_action_ran_in_the_sandbox(self):
        ran = self.executed(self.cold)
        self.assertEqual(set(ran), {"linux-sandbox"}, self.cold)
        # One action per step: scan, parse, render and emit per shard, the link, copies, index,
        # prune, the imported configure files and the publish step.
        steps = self.build_file.count("bengal_step(") + self.build_file.count("bengal_publish(")
        self.assertEqual(ran["linux-sandbox"], steps)

    def test_same_bytes_as_ninja(self):
        ninja = self.ninja_site.tree()
        self.assertEqual(sorted(self.bazel_tree), sorted(ninja))
        for rel in sorted(ninja):
            self.assertEqual(self.bazel_tree[rel], ninja[rel], rel)

    @unittest.skipIf(MAKE is None, "make is not installed")
    def test_same_bytes_as_make(self):
        self.assertEqual(self.bazel_tree, self.make_tree)

    def test_second_build_runs_nothing(self):
        self.assertEqual(self.executed(self.noop), {}, self.noop)

    @unittest.skipIf(NGINX is None, "nginx not found: the remote cache tests need it")
    def test_clean_rebuild_is_all_cache_hits(self):
        self.assertEqual(self.executed(self.rebuild), {"remote cache hit": self.cold["linux-sandbox"]}, self.rebuild)

    @unittest.skipIf(NGINX is None, "nginx not found: the remote cache tests need it")
    def test_second_checkout_is_all_cache_hits(self):
        self.assertEqual(self.executed(self.second), {"remote cache hit": self.cold["linux-sandbox"]}, self.second)
        self.assertEqual(self.second_tree, self.bazel_tree)

    @unittest.skipIf(NGINX is None, "nginx not found: the remote cache tests need it")
    def test_an_added_page_misses_the_cache_only_in_its_own_shard(self):
        ran = {}
        for spawn in self.grown_spawns:
            if not spawn.get("remoteCacheHit"):
                ran.setdefault(spawn["mnemonic"], []).append(spawn.get("progressMessage", ""))
        scans = [s for s in self.grown_spawns if s["mnemonic"] == "BengalScan"]
        # The new page's shard is scanned again (or split in two at the new page). Parse
        # actions declare what their pages may include from their own section, so only the
        # guide's parse actions run again; every other section's come from the cache.
        self.assertLessEqual(len(ran.get("BengalScan", [])), 2, ran)
        self.assertGreaterEqual(len(scans) - len(ran.get("BengalScan", [])), len(scans) - 2)
        self.assertTrue(ran.get("BengalParse"), ran)
        for step in ran.get("BengalParse", []):
            self.assertIn("shards/guide-", step)
        self.assertEqual(len(ran.get("BengalLink", [])), 1, ran)

    def test_render_declares_the_templates(self):
        # The sandbox holds declared inputs only: the template a reference page uses must be one.
        render = re.search(r'name = "render/[^"]*reference-[^"]*",\n    srcs = \[(.*?)\]', self.build_file, re.S)
        self.assertIsNotNone(render)
        self.assertIn('"templates/reference/page.html"', render.group(1))


if __name__ == "__main__":
    unittest.main()
