"""Command-line entry point: bengal-lint checks front matter across a content tree."""
import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Iterable, NamedTuple

FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)
REQUIRED = frozenset({"title", "date"})
SEVERITIES = {"error": 2, "warning": 1}


class Problem(NamedTuple):
    path: Path
    line: int
    severity: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.severity}: {self.message}"


def parse_keys(text: str) -> dict[str, int]:
    """Top-level keys of a YAML front matter block, with their line numbers."""
    keys = {}
    for number, line in enumerate(text.splitlines(), start=2):
        if (match := re.match(r"^([A-Za-z_][\w-]*):", line)) is not None:
            keys[match.group(1)] = number
    return keys


def check(path: Path) -> Iterable[Problem]:
    text = path.read_text(encoding="utf-8", errors="replace")
    block = FRONT_MATTER.match(text)
    if block is None:
        yield Problem(path, 1, "error", "no front matter")
        return
    keys = parse_keys(block.group(1))
    for missing in sorted(REQUIRED - keys.keys()):
        yield Problem(path, 1, "error", f"missing key {missing!r}")
    if "draft" in keys and "publishdate" in keys:
        yield Problem(path, keys["draft"], "warning", "draft with a publish date")
    if len(text) > 200_000:
        yield Problem(path, 1, "warning", "page is larger than %d KB" % (200_000 // 1024))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bengal-lint", description=__doc__)
    parser.add_argument("content", type=Path, nargs="?", default=Path("content"))
    parser.add_argument("-q", "--quiet", action="store_true")
    args = parser.parse_args(argv)

    counts: Counter[str] = Counter()
    by_file = defaultdict(list)
    for path in sorted(args.content.rglob("*.md")):
        for problem in check(path):
            counts[problem.severity] += 1
            by_file[path].append(problem)
    for path, problems in by_file.items():
        for problem in problems:
            if not (args.quiet and problem.severity != "error"):
                print(problem, file=sys.stderr)
    worst = max((SEVERITIES[s] for s in counts), default=0)
    summary = ", ".join(f"{n} {s}{'s' if n != 1 else ''}" for s, n in counts.most_common())
    print(summary or "no problems", file=sys.stderr)
    return 1 if worst == 2 else 0


if __name__ == "__main__":
    sys.exit(main())
