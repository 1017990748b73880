"""Speed of derive.kernels against scipy.special, hand-written NumPy, torch (one CPU thread) and np.exp.

Run: python3 benchmarks/bench_kernels.py [--rounds 5] [--scale 10] [--entrywise]
Prints one table: time per call of ours, then each peer as a ratio peer/ours (above 1: ours is
faster), float64. The np.exp column is one exponential over the same array: the floor any
kernel that must touch every entry once is measured against. Each round times ours and every
peer back to back; the table shows the median over rounds of each ratio, so that load from
other processes, which changes between rounds, cancels out of the ratios.

The header says which backend ran: "numpy", or "numpy+numba" when derive[fast] is installed
(DERIVE_KERNELS=numpy forces the first). --entrywise adds a table of sigmoid over sizes 10 to
1e6: the NumPy kernel, the compiled ufunc (with numba), expit, numexpr (one thread, if
installed) and np.exp, as time per entry; it shows where the ufunc stops paying (derive's
SMALL) and that a scalar compiled exp stays far above NumPy's vectorised one on large arrays.
"""

from __future__ import annotations

import argparse
import statistics
import timeit

import numpy as np
from scipy import special

from derive import kernels

SHAPES = ((10,), (1000,), (1000, 1000), (64, 32000))

try:
    import torch

    torch.set_num_threads(1)
except ImportError:  # torch is optional
    torch = None


def _numpy_softmax(x):
    e = np.exp(x - x.max(-1, keepdims=True))
    return e / e.sum(-1, keepdims=True)


def _numpy_log_softmax(x):
    t = x - x.max(-1, keepdims=True)
    return t - np.log(np.exp(t).sum(-1, keepdims=True))


def _numpy_sigmoid(x):
    return 1 / (1 + np.exp(-x))


PEERS = {
    "softmax": (kernels.softmax, lambda x: special.softmax(x, axis=-1), _numpy_softmax,
                (lambda t: torch.softmax(t, -1)) if torch else None),
    "log_softmax": (kernels.log_softmax, lambda x: special.log_softmax(x, axis=-1), _numpy_log_softmax,
                    (lambda t: torch.log_softmax(t, -1)) if torch else None),
    "sigmoid": (kernels.sigmoid, special.expit, _numpy_sigmoid, (lambda t: torch.sigmoid(t)) if torch else None),
}


def seconds(f, x, budget: float = 0.1) -> float:
    """Best time per call, with enough calls per run to fill about ``budget`` seconds."""
    f(x)
    once = timeit.timeit(lambda: f(x), number=1)
    number = max(1, int(budget / max(once, 1e-7) / 5))
    return min(timeit.repeat(lambda: f(x), number=number, repeat=5)) / number


def _fmt(t: float) -> str:
    return f"{t * 1e6:.1f} us" if t < 1e-3 else f"{t * 1e3:.2f} ms"


def measure(name: str, x: np.ndarray, rounds: int) -> tuple[float, list]:
    """Our median time and the median ratios peer/ours (scipy, numpy, torch, np.exp) over rounds."""
    ours, sp_f, np_f, torch_f = PEERS[name]
    t = torch.from_numpy(x) if torch else None
    mine, ratios = [], []
    for _ in range(rounds):
        m = seconds(ours, x)
        peers = [seconds(sp_f, x), seconds(np_f, x), seconds(torch_f, t) if torch else None, seconds(np.exp, x)]
        mine.append(m)
        ratios.append([p / m if p is not None else None for p in peers])
    cols = [None if col[0] is None else statistics.median(col) for col in zip(*ratios)]
    return statistics.median(mine), cols


def entrywise_table(scale: float) -> None:
    """sigmoid's implementations over sizes 10 to 1e6, in nanoseconds per entry (best of 5 runs)."""
    from derive.kernels import _generated

    try:
        from derive.kernels._compiled import UFUNCS
        ufunc = UFUNCS["sigmoid"]
    except ImportError:
        ufunc = None
    try:
        import numexpr

        numexpr.set_num_threads(1)
    except ImportError:
        numexpr = None
    columns = {"derive": kernels.sigmoid, "numpy kernel": lambda x: _generated.sigmoid(x), "ufunc": ufunc,
               "expit": special.expit,
               "numexpr": (lambda x: numexpr.evaluate("1 / (1 + exp(-x))")) if numexpr else None, "np.exp": np.exp}
    print("\nsigmoid, ns per entry (best of 5); ufunc: derive[fast]'s compiled ufunc; n/a: not installed")
    print("| size | " + " | ".join(columns) + " |")
    print("|---|" + "---|" * len(columns))
    rng = np.random.default_rng(1)
    for size in (10, 100, 1000, 10_000, 100_000, 1_000_000):
        x = rng.standard_normal(size) * scale
        cells = ["n/a" if f is None else f"{seconds(f, x) / size * 1e9:.2f}" for f in columns.values()]
        print(f"| {size} | " + " | ".join(cells) + " |", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--scale", type=float, default=10.0,
                        help="standard deviation of the inputs (1000 takes the split path of the vector kernels)")
    parser.add_argument("--only", choices=sorted(PEERS), action="append")
    parser.add_argument("--entrywise", action="store_true",
                        help="also time sigmoid's implementations over sizes 10 to 1e6")
    args = parser.parse_args()
    np.seterr(all="ignore")
    print(f"backend: {kernels.backend()}; float64, normal inputs with standard deviation {args.scale:g}; "
          f"medians over {args.rounds} rounds; "
          "ratios are peer time / our time (above 1: ours is faster); exp/ours below 1 is the floor")
    print("| function | shape | ours | scipy | numpy | torch | np.exp |")
    print("|---|---|---|---|---|---|---|")
    rng = np.random.default_rng(0)
    for shape in SHAPES:
        x = rng.standard_normal(shape) * args.scale
        for name in args.only or PEERS:
            mine, cols = measure(name, x, args.rounds)
            cells = [_fmt(mine)] + ["n/a" if c is None else f"{c:.2f}" for c in cols]
            print(f"| {name} | {shape} | " + " | ".join(cells) + " |", flush=True)
    if args.entrywise:
        entrywise_table(args.scale)


if __name__ == "__main__":
    main()
