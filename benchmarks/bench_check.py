"""Wall time of `derive check` over the whole built-in catalog, cold (a new process each run).

Usage: python benchmarks/bench_check.py [--repeat 3] [--jobs 1 2] [--against REV]

Prints one line per jobs setting with the best and median wall time. With ``--against REV`` (a git
revision, e.g. the last release) the same runs are made with that revision's code, interleaved with
this one's so that a shared machine's drift hits both alike, and the ratio of the medians is printed.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(jobs: int, code_dir: Path) -> tuple[float, int]:
    env = {**os.environ, "PYTHONPATH": str(code_dir)}
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "derive.cli", "check", "--jobs", str(jobs)], cwd=code_dir,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    return time.perf_counter() - start, proc.returncode


def export(rev: str, into: Path) -> Path:
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev], check=True, stdout=subprocess.PIPE).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return into


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--against", metavar="REV", help="also time this git revision, interleaved")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        codes = {"this": ROOT}
        if args.against:
            codes[args.against] = export(args.against, Path(tmp))
        times = {(name, jobs): [] for name in codes for jobs in args.jobs}
        exits = set()
        for _ in range(args.repeat):
            for jobs in args.jobs:
                for name, where in codes.items():
                    seconds, code = run(jobs, where)
                    times[name, jobs].append(seconds)
                    exits.add(code)
    for (name, jobs), ts in times.items():
        print(f"{name:>10}: derive check --jobs {jobs}: best {min(ts):6.2f} s, median {statistics.median(ts):6.2f} s "
              f"over {len(ts)} cold runs")
    if args.against:
        for jobs in args.jobs:
            ratio = statistics.median(times["this", jobs]) / statistics.median(times[args.against, jobs])
            print(f"--jobs {jobs}: this / {args.against} = {ratio:.2f}")
    if exits != {0}:
        print(f"warning: exit codes {sorted(exits)} (1 means a verdict differs from the catalog's expectation)")


if __name__ == "__main__":
    main()
