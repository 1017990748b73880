"""Speed of derive.kernels against scipy.special, hand-written NumPy, torch (one CPU thread) and np.exp.

Run: python3 benchmarks/bench_kernels.py
Prints one table: time per call of ours, then each peer as a ratio peer/ours (above 1: ours is
faster), float64. The np.exp column is one exponential over the same array: the floor any
kernel that must touch every entry once is measured against.
"""

from __future__ import annotations

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


def seconds(f, x, budget: float = 0.15) -> float:
    """Best time per call, with enough calls per run to fill about ``budget`` seconds."""
    f(x)
    once = timeit.timeit(lambda: f(x), number=1)
    number = max(1, int(budget / max(once, 1e-7) / 5))
    return min(timeit.repeat(lambda: f(x), number=number, repeat=5)) / number


def _fmt(t: float) -> str:
    return f"{t * 1e6:.1f} us" if t < 1e-3 else f"{t * 1e3:.2f} ms"


def main() -> None:
    np.seterr(all="ignore")
    print("float64; ratios are peer time / our time (above 1: ours is faster); exp/ours below 1 is the floor")
    head = "| function | shape | ours | scipy | numpy | torch | np.exp |"
    print(head)
    print("|---|---|---|---|---|---|---|")
    rng = np.random.default_rng(0)
    for shape in SHAPES:
        x = rng.standard_normal(shape) * 10
        t = torch.from_numpy(x) if torch else None
        floor = seconds(np.exp, x)
        for name, (ours, sp_f, np_f, torch_f) in PEERS.items():
            mine = seconds(ours, x)
            cells = [_fmt(mine), f"{seconds(sp_f, x) / mine:.2f}", f"{seconds(np_f, x) / mine:.2f}",
                     f"{seconds(torch_f, t) / mine:.2f}" if torch else "n/a", f"{floor / mine:.2f}"]
            print(f"| {name} | {shape} | " + " | ".join(cells) + " |", flush=True)


if __name__ == "__main__":
    main()
