"""Wall time of `derive check` over the whole built-in catalog, cold (a new process each run), --jobs 1 and 2.

Usage: python benchmarks/bench_check.py [--repeat 3]
Prints one line per jobs setting with the best and median wall time, and the ratio between them.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time


def run(jobs: int) -> tuple[float, int]:
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "derive.cli", "check", "--jobs", str(jobs)],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    return time.perf_counter() - start, proc.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    times: dict[int, list[float]] = {1: [], 2: []}
    codes = set()
    for _ in range(args.repeat):
        for jobs in (1, 2):  # interleaved, so drift on a shared machine hits both alike
            seconds, code = run(jobs)
            times[jobs].append(seconds)
            codes.add(code)
    for jobs, ts in times.items():
        print(f"derive check --jobs {jobs}: best {min(ts):6.2f} s, median {statistics.median(ts):6.2f} s "
              f"over {len(ts)} cold runs")
    print(f"speed-up with 2 jobs: {statistics.median(times[1]) / statistics.median(times[2]):.2f}x "
          f"(target: under 15 s with --jobs 2 on 2 cores)")
    if codes != {0}:
        print(f"warning: exit codes {sorted(codes)} (1 means a verdict differs from the catalog's expectation)")


if __name__ == "__main__":
    main()
