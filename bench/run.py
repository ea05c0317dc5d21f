#!/usr/bin/env python3
"""Benchmarks Bengal against Hugo on the same generated content, side by side in one run.

    bench/run.py                      # 1,000 and 10,000 pages -> bench/results/site-1k.md, site-10k.md
    bench/run.py --with-100k          # also 100,000 pages (long: about an hour)
    bench/run.py --sizes 1000 --scenarios cold,noop --runs 3 --results-dir /tmp/r

For each size it generates a Bengal and a Hugo site with bench/gen_site.py (kept in
--work-dir and reused while their parameters match), then for each scenario:
  1. hyperfine times both generators' commands (--prepare resets the edit before every run),
     which gives the median wall time;
  2. one more run of each, under this script's wait4() and /proc/self/io, gives CPU time,
     peak RSS of the largest process, bytes written and the output files changed;
  3. one more run under `strace -f -e trace=execve` counts the processes that ran a program.
Results are written as Markdown tables with the data embedded for bench/compare.py.
bench/README.md says what every column means.
"""
import argparse
import collections
import datetime
import json
import os
import platform
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import scenarios as scen  # noqa: E402

SCENARIOS = scen.SCENARIOS
TITLES = {
    "cold": "cold build (clean tree)",
    "noop": "no-op rebuild",
    "body": "one page's body edited",
    "title": "one page's title edited",
    "tag": "one tag added to a page",
    "template": "one template edited",
    "add": "one page added",
}
# The targets on this kind of machine, for 10,000 pages.
TARGETS_10K = {"cold": "≥ 7,500 pages/s and ≥ 15× Hugo", "noop": "≤ 50 ms", "body": "≤ 100 ms",
               "title": "≤ 500 ms"}
DEFAULT_RUNS = {1000: 10, 10000: 5, 100000: 3}
SCENARIO_PY = os.path.join(HERE, "scenarios.py")


def sh(cmd, cwd=None, env=None, quiet=True):
    """Runs a shell command that is not measured; fails loudly."""
    out = subprocess.DEVNULL if quiet else None
    r = subprocess.run(["sh", "-c", cmd], cwd=cwd, env=env, stdout=out, stderr=subprocess.PIPE, text=True)
    if r.returncode != 0:
        raise SystemExit(f"run.py: error: `{cmd}` in {cwd} failed ({r.returncode}):\n{r.stderr[-3000:]}")


def capture(argv):
    try:
        return subprocess.run(argv, capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


# --- The two generators ---------------------------------------------------------------------

class Generator:
    """How one static site generator builds its site in each scenario."""

    def __init__(self, name, site, env):
        self.name, self.site, self.env = name, site, env

    def edit(self, scenario, action):
        return f"python3 {shlex.quote(SCENARIO_PY)} . {scenario} {action}"

    def in_site(self, cmd):
        return f"cd {shlex.quote(self.site)} && {cmd}"


class Bengal(Generator):
    build = "ninja"
    output = "public"

    def command(self, scenario):
        return "bengal-ninja-gen && ninja" if scenario == "cold" else "ninja"

    def prepare(self, scenario):
        if scenario == "cold":
            return "rm -rf public .bengal build.ninja"
        if scenario == "noop":
            return "true"
        # Undo the last run's edit and rebuild, so every run starts from the same built tree.
        return f"{self.edit(scenario, 'restore')} && ninja >/dev/null && {self.edit(scenario, 'apply')}"

    def settle(self):
        """Undoes every edit and brings the build up to date; checks that a no-op is one."""
        first = not os.path.exists(os.path.join(self.site, "build.ninja"))
        sh(f"python3 {shlex.quote(SCENARIO_PY)} . reset && " +
           ("bengal-ninja-gen && ninja" if first else "ninja"), cwd=self.site, env=self.env)
        r = subprocess.run(["ninja", "-n"], cwd=self.site, env=self.env, capture_output=True, text=True)
        if "no work to do" not in r.stdout:
            raise SystemExit(f"run.py: error: a second ninja in {self.site} is not a no-op:\n{r.stdout[-2000:]}")


    def log_lines(self):
        """The lines of Ninja's log (.ninja_log: start end mtime output hash, one line per
        output of an edge), as a multiset: Ninja may compact the file between runs."""
        log = os.path.join(self.site, ".bengal", ".ninja_log")
        if not os.path.exists(log):
            return collections.Counter()
        with open(log) as f:
            return collections.Counter(line for line in f.read().splitlines() if not line.startswith("#"))

    def step_ms(self, before):
        """Milliseconds per step, summed over the edges Ninja ran since the log held `before`."""
        edges = {}  # (start, end, command hash) -> the steps its outputs belong to
        for line in (self.log_lines() - before).elements():
            fields = line.split("\t")
            if len(fields) == 5:
                start, end, _, output, command = fields
                edges.setdefault((start, end, command), set()).add(step_of(output))
        totals = {}
        for (start, end, _), steps in edges.items():
            steps.discard(None)
            step = min(steps, key=STEPS.index) if steps else "copy"  # only files in public/: a copy edge
            totals[step] = totals.get(step, 0) + int(end) - int(start)
        return totals


def step_of(output):
    """The Bengal step whose edge wrote this output (see ninja-gen/build_plan.cc), or None for
    a file in the output folder, which emit, index and copy edges all write: an edge is told
    by its other outputs (one line per output in .ninja_log, all with the edge's times)."""
    name = os.path.basename(output)
    if name in ("build.ninja", "static.manifest", "templates.stamp"):
        return "configure"
    if not output.startswith(".bengal"):
        return None
    if name == "published.manifest":
        return "prune"
    if name in ("index.manifest", "search.manifest", "search.state", "llms.manifest", "llms.state", "assetmap.json"):
        return "index"
    if name in ("site", "pagetable", "taxonomies"):
        return "link"
    ext = os.path.splitext(name)[1]
    return {".scan": "scan", ".meta": "parse", ".body": "parse", ".text": "parse", ".link": "link",
            ".pages": "render", ".dd": "render", ".assetrefs": "render", ".feeds": "render",
            ".manifest": "emit", ".hashes": "emit"}.get(ext, "emit")  # .bengal/assets*: the asset steps


STEPS = ("configure", "scan", "parse", "link", "render", "emit", "prune", "index", "copy")


class Hugo(Generator):
    output = "public"

    def command(self, scenario):
        return "hugo --quiet"

    def prepare(self, scenario):
        if scenario == "cold":
            return "rm -rf public resources"
        if scenario == "noop":
            return "true"
        # Hugo rebuilds everything every time: resetting the edit's file is enough.
        return f"{self.edit(scenario, 'restore')} && {self.edit(scenario, 'apply')}"

    def settle(self):
        built = os.path.isdir(os.path.join(self.site, "public"))
        sh(f"python3 {shlex.quote(SCENARIO_PY)} . reset" + ("" if built else " && hugo --quiet"),
           cwd=self.site, env=self.env)


def make_sites(args, pages):
    """Generates (or reuses) the Bengal and the Hugo site of one size."""
    gens = []
    env = dict(os.environ, PATH=os.path.abspath(args.bengal_bin) + os.pathsep + os.environ["PATH"])
    for fmt, cls in (("bengal", Bengal), ("hugo", Hugo)):
        site = os.path.join(os.path.abspath(args.work_dir), f"site-{pages}-{fmt}")
        want = {"format": fmt, "pages": pages, "sections": args.sections, "seed": args.seed}
        meta = scen.info(site) if os.path.exists(os.path.join(site, "bench-site.json")) else {}
        if args.regenerate or any(meta.get(k) != v for k, v in want.items()):
            shutil.rmtree(site, ignore_errors=True)
            print(f"run.py: generating {site}", file=sys.stderr)
            sh(f"python3 {shlex.quote(os.path.join(HERE, 'gen_site.py'))} {shlex.quote(site)} --pages {pages} "
               f"--sections {args.sections} --seed {args.seed} --format {fmt} "
               f"--theme-src {shlex.quote(args.theme_src)}")
        gens.append(cls(fmt, site, env))
    return gens


# --- Measuring ------------------------------------------------------------------------------

def proc_io():
    with open("/proc/self/io") as f:
        return {k: int(v) for k, v in (line.split(":") for line in f)}


def cpu_busy_seconds():
    """Seconds of CPU time the whole machine spent busy since boot (from /proc/stat)."""
    with open("/proc/stat") as f:
        fields = [int(x) for x in f.readline().split()[1:]]
    idle = fields[3] + fields[4]
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def tree_state(folder):
    """(inode, mtime) of every file under folder: a file written again, even with the same
    bytes, or replaced by a rename, shows up as changed."""
    state = {}
    for root, _, files in os.walk(folder):
        for name in files:
            st = os.lstat(os.path.join(root, name))
            state[os.path.join(root, name)] = (st.st_ino, st.st_mtime_ns)
    return state


def measure(gen, scenario):
    """One run of the scenario's command under wait4(): the rusage of a reaped child includes
    every descendant it reaped (ru_maxrss is the largest single process, not a sum), and the
    kernel adds a reaped child's I/O counters into its parent's /proc/PID/io."""
    sh(gen.prepare(scenario), cwd=gen.site, env=gen.env)
    out_dir = os.path.join(gen.site, gen.output)
    before_files = tree_state(out_dir)
    log_before = gen.log_lines() if hasattr(gen, "log_lines") else None
    io0, busy0 = proc_io(), cpu_busy_seconds()
    t0 = time.perf_counter()
    p = subprocess.Popen(["sh", "-c", gen.command(scenario)], cwd=gen.site, env=gen.env,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    io1, busy1 = proc_io(), cpu_busy_seconds()
    if p.returncode != 0:
        raise SystemExit(f"run.py: error: {gen.name} {scenario}: `{gen.command(scenario)}` exited {p.returncode}")
    after_files = tree_state(out_dir)
    changed = sum(1 for k, v in after_files.items() if before_files.get(k) != v)
    removed = sum(1 for k in before_files if k not in after_files)
    cpu = ru.ru_utime + ru.ru_stime
    steps = gen.step_ms(log_before) if log_before is not None else None
    return {
        "step_ms": steps,
        "wall_s": wall,
        "cpu_s": cpu,
        "user_s": ru.ru_utime,
        "sys_s": ru.ru_stime,
        "max_rss_kib": ru.ru_maxrss,
        "wchar": io1["wchar"] - io0["wchar"],
        "write_bytes": io1["write_bytes"] - io0["write_bytes"],
        "files_changed": changed,
        "files_removed": removed,
        "output_files": len(after_files),
        # CPU time the rest of the machine used meanwhile: how much other work competed.
        "other_cpu_s": max(0.0, busy1 - busy0 - cpu),
    }


def count_processes(gen, scenario):
    """Processes that ran a program (distinct pids with a successful execve), less the shell
    that runs the command line. Counted in a separate run: strace slows what it traces."""
    sh(gen.prepare(scenario), cwd=gen.site, env=gen.env)
    with tempfile.NamedTemporaryFile("r", suffix=".strace") as log:
        r = subprocess.run(["strace", "-f", "-qq", "--seccomp-bpf", "-e", "trace=execve", "-e", "signal=none",
                            "-o", log.name, "sh", "-c", gen.command(scenario)],
                           cwd=gen.site, env=gen.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if r.returncode != 0:
            raise SystemExit(f"run.py: error: {gen.name} {scenario} failed under strace")
        pids = {line.split()[0] for line in log if "execve(" in line and re.search(r"\) = 0$", line.rstrip())}
    return max(0, len(pids) - 1)


def hyperfine(gens, scenario, runs, warmup):
    """Median wall times of every generator's command, one hyperfine invocation for all."""
    with tempfile.NamedTemporaryFile("r", suffix=".json") as out:
        argv = ["hyperfine", "--style", "basic", "--runs", str(runs), "--warmup", str(warmup),
                "--export-json", out.name]
        for g in gens:
            argv += ["--prepare", g.in_site(g.prepare(scenario))]
        for g in gens:
            argv += ["--command-name", g.name, g.in_site(g.command(scenario))]
        print(f"run.py: {scenario}: {' '.join(shlex.quote(a) for a in argv)}", file=sys.stderr)
        subprocess.run(argv, env=gens[0].env, check=True, stdout=sys.stderr)
        results = json.load(out)["results"]
    return {g.name: r for g, r in zip(gens, results)}


def run_scenario(gens, scenario, runs, warmup, count_procs=True):
    """Everything measured for one scenario: {generator name: numbers}."""
    load_before = os.getloadavg()[0]
    for g in gens:
        g.settle()
    timing = hyperfine(gens, scenario, runs, warmup)
    rows = {}
    for g in gens:
        t = timing[g.name]
        row = {
            "command": g.command(scenario),
            "prepare": g.prepare(scenario),
            "median_s": t["median"],
            "min_s": t["min"],
            "max_s": t["max"],
            "mean_s": t["mean"],
            "times_s": t["times"],
            "hyperfine_user_s": t["user"],
            "hyperfine_system_s": t["system"],
        }
        row.update(measure(g, scenario))
        row["processes"] = count_processes(g, scenario) if count_procs else None
        rows[g.name] = row
    load_after = os.getloadavg()[0]
    for r in rows.values():
        r["load_before"], r["load_after"] = load_before, load_after
    return rows


# --- The machine ----------------------------------------------------------------------------

def bengal_commit(args):
    if args.bengal_commit:
        return args.bengal_commit
    snapshot = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(args.bengal_bin))), "commit")
    if os.path.exists(snapshot):
        with open(snapshot) as f:
            return f.read().strip() + " (snapshot built by bench/build-bengal.sh)"
    return capture(["git", "-C", REPO, "describe", "--always", "--dirty", "--abbrev=12"]) + " (working tree)"


def machine_info(args):
    cpu = "unknown"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as f:
        mem_gib = int(f.readline().split()[1]) / 1024 / 1024
    debian = capture(["cat", "/etc/debian_version"])
    return {
        "cpu": f"{os.cpu_count()} × {cpu}",
        "memory": f"{mem_gib:.0f} GiB",
        "os": f"Debian {debian}, Linux {platform.release()}",
        "g++": capture(["g++", "-dumpfullversion"]),
        "ninja": capture(["ninja", "--version"]),
        "hugo": capture(["hugo", "version"]),
        "hyperfine": capture(["hyperfine", "--version"]),
        "python": platform.python_version(),
        "bengal": bengal_commit(args),
        "bengal_build": "Release (-O3), CMAKE_BUILD_TYPE=Release",
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
    }


# --- Results as Markdown --------------------------------------------------------------------

def size_label(pages):
    return f"{pages // 1000}k" if pages % 1000 == 0 else str(pages)


def fmt_time(s):
    return f"{s * 1000:.0f} ms" if s < 1 else f"{s:.2f} s"


def fmt_bytes(n):
    for unit, size in (("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if n >= size:
            return f"{n / size:.1f} {unit}"
    return f"{n} B"


def summary_table(data, pages):
    lines = ["| scenario | Bengal | Hugo | Bengal ÷ Hugo | Hugo ÷ Bengal (speed-up) |" +
             (" target (issue 7) |" if pages == 10000 else ""),
             "|---|---|---|---|---|" + ("---|" if pages == 10000 else "")]
    for s, rows in data["scenarios"].items():
        b, h = rows["bengal"]["median_s"], rows["hugo"]["median_s"]
        line = f"| {TITLES[s]} | {fmt_time(b)} | {fmt_time(h)} | {b / h:.3f} | {h / b:.1f}× |"
        if pages == 10000:
            line += f" {TARGETS_10K.get(s, '—')} |"
        lines.append(line)
    return "\n".join(lines)


def detail_table(data, pages):
    lines = ["| scenario | tool | median | min – max | pages/s | CPU user+sys | peak RSS | processes "
             "| write() bytes | disk write bytes | output files written | load before → after |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for s, rows in data["scenarios"].items():
        for name in ("bengal", "hugo"):
            r = rows[name]
            pps = f"{pages / r['median_s']:,.0f}" if s == "cold" or name == "hugo" else "—"
            procs = "—" if r["processes"] is None else f"{r['processes']:,}"
            written = f"{r['files_changed']:,}" + (f" (−{r['files_removed']})" if r["files_removed"] else "")
            lines.append(
                f"| {s} | {name} | {fmt_time(r['median_s'])} | {fmt_time(r['min_s'])} – {fmt_time(r['max_s'])} "
                f"| {pps} | {r['cpu_s']:.2f} s | {r['max_rss_kib'] / 1024:.0f} MiB | {procs} "
                f"| {fmt_bytes(r['wchar'])} | {fmt_bytes(r['write_bytes'])} | {written} "
                f"| {r['load_before']:.1f} → {r['load_after']:.1f} |")
    return "\n".join(lines)


def steps_table(data):
    """Bengal's time per step in the measured run: where an edit's time goes."""
    steps = [st for st in STEPS if any((rows["bengal"].get("step_ms") or {}).get(st)
                                       for rows in data["scenarios"].values())]
    lines = ["| scenario | " + " | ".join(steps) + " | sum of edges | wall |",
             "|---|" + "---|" * (len(steps) + 2)]
    for s, rows in data["scenarios"].items():
        r = rows["bengal"]
        ms = r.get("step_ms") or {}
        cells = " | ".join(f"{ms[st]:,}" if st in ms else "—" for st in steps)
        lines.append(f"| {s} | {cells} | {sum(ms.values()):,} | {r['wall_s'] * 1000:,.0f} |")
    return "\n".join(lines)


def commands_section(data):
    b, h = data["sites"]["bengal"], data["sites"]["hugo"]
    out = ["Sites (`bench/gen_site.py`, then built once before timing):", "",
           f"    python3 bench/gen_site.py {b} --pages {data['pages']} --sections {data['sections']} "
           f"--seed {data['seed']} --format bengal",
           f"    python3 bench/gen_site.py {h} --pages {data['pages']} --sections {data['sections']} "
           f"--seed {data['seed']} --format hugo", "",
           f"Bengal's commands run in the Bengal site with `{data['bengal_bin']}` first on PATH, Hugo's in "
           "the Hugo site. `S` is `bench/scenarios.py`. Each scenario is one hyperfine invocation with both "
           f"commands (`--runs {data['runs']} --warmup {data['warmup']}`, one `--prepare` per command, run "
           "before every timed run):", "",
           "| scenario | tool | --prepare | timed command |", "|---|---|---|---|"]
    for s, rows in data["scenarios"].items():
        for name in ("bengal", "hugo"):
            prep = rows[name]["prepare"].replace(f"python3 {SCENARIO_PY}", "S")
            out.append(f"| {s} | {name} | `{prep}` | `{rows[name]['command']}` |")
    return "\n".join(out)


def write_results(path, data):
    pages = data["pages"]
    m = data["machine"]
    other = max(r["other_cpu_s"] / max(r["wall_s"], 1e-9) for rows in data["scenarios"].values()
                for r in rows.values())
    text = f"""# Site benchmark: {pages:,} pages, Bengal and Hugo side by side

Made by `bench/run.py` on {m['date']}; see `bench/README.md` for what each column means and how
to run it again. Each scenario timed both generators in the same hyperfine invocation, so the
ratios compare runs made under the same conditions.

## Machine

| | |
|---|---|
| CPU | {m['cpu']}, {m['memory']} |
| OS | {m['os']} |
| compiler | g++ {m['g++']} |
| Bengal | {m['bengal']}, {m['bengal_build']} |
| Ninja | {m['ninja']} (default parallelism: {(os.cpu_count() or 1) + 2} jobs) |
| Hugo | {m['hugo']} |
| hyperfine | {m['hyperfine']} |
| load average (1 min) | {data['load_start']:.2f} at the start, {data['load_end']:.2f} at the end |

{data['note']}
The busiest measured run saw other processes use {other:.2f} CPU-seconds per second of its wall
time (from /proc/stat), out of 2 cores.

## Wall time (median of {data['runs']} runs)

{summary_table(data, pages)}

Bengal ÷ Hugo below 1 means Bengal is faster. Hugo has no incremental command-line build: each
of its edit scenarios is a full rebuild with the edit applied.

## Details

{detail_table(data, pages)}

Pages/s is the {pages:,} content pages divided by the median wall time: shown for cold builds,
and for Hugo, whose every build is a full one. CPU, peak RSS, bytes and files come from one
extra run of each command, processes from another (under strace); see `bench/README.md`.

Where Bengal's time went in that extra run: milliseconds per step, summed over the Ninja
edges that ran (from `.bengal/.ninja_log`; edges run in parallel, so the sum can exceed the
wall time, also in milliseconds):

{steps_table(data)}

## Commands

{commands_section(data)}

<!-- bench-data
{json.dumps(data, indent=1)}
-->
"""
    with open(path, "w") as f:
        f.write(text)


def read_results(path):
    """The data embedded in a results file by write_results."""
    with open(path) as f:
        text = f.read()
    m = re.search(r"<!-- bench-data\n(.*)\n-->", text, re.S)
    if not m:
        raise SystemExit(f"run.py: error: {path} holds no bench-data block")
    return json.loads(m.group(1))


# --- Main -----------------------------------------------------------------------------------

def parse_args(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="1000,10000", help="page counts, comma-separated (default 1000,10000)")
    ap.add_argument("--with-100k", action="store_true", help="also run 100,000 pages")
    ap.add_argument("--scenarios", default=",".join(SCENARIOS), help="comma-separated, from: " + ", ".join(SCENARIOS))
    ap.add_argument("--runs", type=int, help="timed runs per command (default: 10 at 1k, 5 at 10k, 3 at 100k)")
    ap.add_argument("--warmup", type=int, default=1, help="untimed runs first (default 1)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--sections", type=int, default=10)
    default_bin = os.path.join(REPO, "build-bench", "obj", "bin")
    ap.add_argument("--bengal-bin", default=default_bin,
                    help="folder of the Bengal tools (default: build-bench/obj/bin, from bench/build-bengal.sh)")
    ap.add_argument("--bengal-commit", help="what to call the Bengal build in the results")
    ap.add_argument("--theme-src", help="Bengal's default theme templates, for the site's page.html "
                    "(default: the snapshot's beside --bengal-bin, else this checkout's)")
    ap.add_argument("--work-dir", default=os.path.join(HERE, "work"), help="where the sites are generated")
    ap.add_argument("--results-dir", default=os.path.join(HERE, "results"))
    ap.add_argument("--regenerate", action="store_true", help="generate the sites again even if they match")
    ap.add_argument("--no-process-count", action="store_true", help="skip the strace run")
    ap.add_argument("--note", default="", help="a sentence for the results file (e.g. what else was running)")
    args = ap.parse_args(argv)
    if not args.theme_src:
        snap = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(args.bengal_bin))), "src")
        args.theme_src = os.path.join(snap if os.path.isdir(snap) else REPO, "themes", "default", "templates")
    for tool in ("bengal-ninja-gen", "bengal-render"):
        if not os.access(os.path.join(args.bengal_bin, tool), os.X_OK):
            ap.error(f"no {tool} in {args.bengal_bin}: run bench/build-bengal.sh or pass --bengal-bin")
    for tool in ("hyperfine", "hugo", "ninja", "strace"):
        if not shutil.which(tool):
            ap.error(f"{tool} is not installed (scripts/install-deps.sh installs it)")
    args.scenario_list = [s.strip() for s in args.scenarios.split(",") if s.strip()]
    unknown = [s for s in args.scenario_list if s not in SCENARIOS]
    if unknown:
        ap.error(f"unknown scenario {unknown[0]!r}; known: {', '.join(SCENARIOS)}")
    args.size_list = [int(s) for s in args.sizes.split(",") if s.strip()]
    if args.with_100k and 100000 not in args.size_list:
        args.size_list.append(100000)
    return args


def run_size(args, pages, machine):
    gens = make_sites(args, pages)
    runs = args.runs or DEFAULT_RUNS.get(pages, 5)
    data = {
        "pages": pages, "sections": args.sections, "seed": args.seed, "runs": runs, "warmup": args.warmup,
        "bengal_bin": os.path.abspath(args.bengal_bin), "machine": machine,
        "sites": {g.name: os.path.relpath(g.site, REPO) for g in gens},
        "load_start": os.getloadavg()[0], "scenarios": {},
        "note": args.note,
    }
    for s in args.scenario_list:
        data["scenarios"][s] = run_scenario(gens, s, runs, args.warmup, not args.no_process_count)
    for g in gens:
        g.settle()  # leave the sites unedited and built
    data["load_end"] = os.getloadavg()[0]
    return data


def main():
    args = parse_args()
    machine = machine_info(args)
    os.makedirs(args.results_dir, exist_ok=True)
    for pages in args.size_list:
        data = run_size(args, pages, machine)
        path = os.path.join(args.results_dir, f"site-{size_label(pages)}.md")
        write_results(path, data)
        print(f"run.py: wrote {path}", file=sys.stderr)
        print(summary_table(data, pages))


if __name__ == "__main__":
    main()
