"""An emitted kernel from a user's derivation against the same formula written by hand in NumPy.

The kernel is dL/dw = 2 sum_i (w x_i + b - y_i) x_i, step (1) of examples/least_squares.md, as
`derive emit` prints it (verified first, as the command does). For N = 10, 10^4 and 10^6 the script
prints the best time per call of each (measured in alternation), their ratio, and the largest
error in ULPs of both against the exact value computed by mpmath at 40 digits.

    python benchmarks/bench_emitted.py [--rounds 5] [--seed 0]
"""

from __future__ import annotations

import argparse
import sys
import timeit
from pathlib import Path

import mpmath
import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import derive  # noqa: E402
from derive.emit.evaluate import load_module  # noqa: E402
from derive.read.sources import load_path  # noqa: E402

SIZES = (10, 10_000, 1_000_000)


def emitted_kernel():
    derivations = load_path(ROOT / "examples" / "least_squares.md", ROOT / "examples" / "least_squares.toml")
    results = [r for d in derivations for r in derive.check(d)]
    module = load_module(derive.emit_module(derivations, results, ["1"]))
    return module.dL_dw


def by_hand(w, b, x, y):
    return 2 * np.sum((w * x + b - y) * x, axis=-1)


def exact(w, b, x, y) -> mpmath.mpf:
    with mpmath.workdps(40):
        wm, bm = mpmath.mpf(w), mpmath.mpf(b)
        total = mpmath.fsum((wm * mpmath.mpf(xi) + bm - mpmath.mpf(yi)) * mpmath.mpf(xi)
                            for xi, yi in zip(x.tolist(), y.tolist()))
        return 2 * total


def ulps(got, want: mpmath.mpf) -> float:
    return float(abs(mpmath.mpf(float(got)) - want) / mpmath.mpf(float(np.spacing(abs(float(want))))))


def best_times(fns, args, rounds: int) -> list[float]:
    """The best time per call of each function, measured in alternation so that they share the load."""
    calls = min(20000, max(1, int(2e6 // max(args[2].size, 1))))
    timers = [timeit.Timer(lambda fn=fn: fn(*args)) for fn in fns]
    best = [float("inf")] * len(fns)
    for _ in range(rounds * 5):
        for n, timer in enumerate(timers):
            best[n] = min(best[n], timer.timeit(calls) / calls)
    return best


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seed", type=int, default=0)
    options = parser.parse_args(argv)
    kernel = emitted_kernel()
    rng = np.random.default_rng(options.seed)
    print(f"dL/dw = 2 sum_i (w x_i + b - y_i) x_i  (examples/least_squares.md (1)), float64, "
          f"numpy {np.__version__}")
    print(f"{'N':>9}  {'emitted':>11}  {'by hand':>11}  {'ratio':>6}  {'ULP emitted':>11}  {'ULP by hand':>11}")
    for n in SIZES:
        x, y = rng.uniform(0, 1, n), rng.uniform(0, 1, n)
        w, b = 0.7, 0.1
        args = (w, b, x, y)
        t_emit, t_hand = best_times((kernel, by_hand), args, options.rounds)
        want = exact(w, b, x, y)
        print(f"{n:>9}  {t_emit * 1e6:>9.2f}us  {t_hand * 1e6:>9.2f}us  {t_emit / t_hand:>6.2f}  "
              f"{ulps(kernel(*args), want):>11.2f}  {ulps(by_hand(*args), want):>11.2f}")


if __name__ == "__main__":
    main()
