#!/usr/bin/env python3
"""Re-measures scenarios and compares them with a committed results table; fails only on a
large regression, so a CI job that runs it does not fail on noise.

    bench/compare.py                                   # site-1k.md: cold, noop, body, title
    bench/compare.py --results bench/results/site-10k.md --scenarios cold,noop --runs 3
    bench/compare.py --threshold 1.3 --abs-threshold 0 # ratio only (another kind of machine)

It regenerates the same sites (pages, sections and seed from the table's embedded data), times
Bengal and Hugo side by side with hyperfine as bench/run.py does, and compares medians:
  - ratio change: (Bengal ÷ Hugo now) ÷ (Bengal ÷ Hugo then). Both generators ran under the same
    conditions, so a busy or slower machine mostly cancels out. A regression when above
    --threshold (default 1.5).
  - absolute change: Bengal's median now ÷ then. A regression when above --abs-threshold
    (default 2.0; 0 turns it off, for machines unlike the table's).
A change of less than --min-delta-ms (default 25) in Bengal's median is never a regression:
tens of milliseconds are within a loaded machine's noise.
Exit status: 0 no large regression, 1 a large regression, 2 usage.
"""
import argparse
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import run  # noqa: E402


def parse_args():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--results", default=os.path.join(HERE, "results", "site-1k.md"),
                    help="committed table to compare with (default bench/results/site-1k.md)")
    ap.add_argument("--scenarios", default="cold,noop,body,title", help="comma-separated (default cold,noop,body,title)")
    ap.add_argument("--runs", type=int, default=5, help="timed runs per command (default 5)")
    ap.add_argument("--warmup", type=int, default=1)
    ap.add_argument("--threshold", type=float, default=1.5, help="largest allowed ratio change (default 1.5)")
    ap.add_argument("--abs-threshold", type=float, default=2.0,
                    help="largest allowed change of Bengal's own median; 0: do not check (default 2.0)")
    ap.add_argument("--min-delta-ms", type=float, default=25.0,
                    help="a slowdown smaller than this is noise, whatever its ratio (default 25)")
    ap.add_argument("--bengal-bin", help="folder of the Bengal tools (default as bench/run.py)")
    ap.add_argument("--work-dir", help="where the sites are generated (default as bench/run.py)")
    args = ap.parse_args()
    if args.runs < 1 or args.threshold <= 1 or args.abs_threshold < 0:
        ap.error("need --runs >= 1, --threshold > 1 and --abs-threshold >= 0")
    return args


def verdict(old, new, args):
    """(ratio change, absolute change, verdict) of one scenario."""
    abs_change = new["bengal"] / old["bengal"]
    ratio_change = (new["bengal"] / new["hugo"]) / (old["bengal"] / old["hugo"])
    slower_ms = (new["bengal"] - old["bengal"]) * 1000
    if slower_ms < args.min_delta_ms:
        return ratio_change, abs_change, "ok"
    if ratio_change > args.threshold:
        return ratio_change, abs_change, f"REGRESSION (ratio ×{ratio_change:.2f} > {args.threshold})"
    if args.abs_threshold and abs_change > args.abs_threshold:
        return ratio_change, abs_change, f"REGRESSION (time ×{abs_change:.2f} > {args.abs_threshold})"
    if ratio_change > 1 + (args.threshold - 1) / 2:
        return ratio_change, abs_change, "slower, within the threshold"
    return ratio_change, abs_change, "ok"


def main():
    args = parse_args()
    committed = run.read_results(args.results)
    wanted = [s.strip() for s in args.scenarios.split(",") if s.strip()]
    missing = [s for s in wanted if s not in committed["scenarios"]]
    if missing:
        print(f"compare.py: error: {args.results} has no scenario {missing[0]!r}", file=sys.stderr)
        return 2
    run_argv = ["--sizes", str(committed["pages"]), "--seed", str(committed["seed"]),
                "--sections", str(committed["sections"]), "--scenarios", ",".join(wanted)]
    if args.bengal_bin:
        run_argv += ["--bengal-bin", args.bengal_bin]
    if args.work_dir:
        run_argv += ["--work-dir", args.work_dir]
    run_args = run.parse_args(run_argv)
    gens = run.make_sites(run_args, committed["pages"])

    print(f"Compared with {args.results} ({committed['machine']['bengal']}, {committed['machine']['date']}); "
          f"{args.runs} runs per command, load {os.getloadavg()[0]:.1f}")
    print("| scenario | Bengal then → now | ×time | Bengal ÷ Hugo then → now | ×ratio | verdict |")
    print("|---|---|---|---|---|---|")
    regressions = 0
    for s in wanted:
        for g in gens:
            g.settle()
        timing = run.hyperfine(gens, s, args.runs, args.warmup)
        old = {name: committed["scenarios"][s][name]["median_s"] for name in ("bengal", "hugo")}
        new = {name: timing[name]["median"] for name in ("bengal", "hugo")}
        ratio_change, abs_change, text = verdict(old, new, args)
        regressions += text.startswith("REGRESSION")
        print(f"| {s} | {run.fmt_time(old['bengal'])} → {run.fmt_time(new['bengal'])} | {abs_change:.2f} "
              f"| {old['bengal'] / old['hugo']:.3f} → {new['bengal'] / new['hugo']:.3f} | {ratio_change:.2f} | {text} |",
              flush=True)
    for g in gens:
        g.settle()
    print(f"compare.py: {regressions} large regression(s)" if regressions else "compare.py: no large regression")
    return 1 if regressions else 0


if __name__ == "__main__":
    sys.exit(main())
