"""Accuracy table: max error in ULPs against mpmath (50 digits), derive.kernels vs scipy.special.

Run: python3 benchmarks/accuracy_kernels.py [--rows 400] [--width 16]
With numba installed (derive[fast]), the compiled ufuncs that take small arrays of the entrywise
kernels get rows of their own ("sigmoid, ufunc"): the samples are larger than the size they take.
"""

from __future__ import annotations

import argparse

import numpy as np
from scipy import special

from derive import kernels
from derive.kernels.reference import reference, sample, ulp_error

SCALES = (1, 10, 100, 1000)


def _scipy(name):
    if name == "sigmoid":
        return special.expit
    if name == "sigmoid_grad":
        return lambda x: special.expit(x) * (1 - special.expit(x))
    if name == "softmax":
        return lambda x: special.softmax(x, axis=-1)
    return lambda x: special.log_softmax(x, axis=-1)


def _ufuncs() -> dict:
    try:
        from derive.kernels._compiled import UFUNCS
    except ImportError:
        return {}
    return UFUNCS


def measure(name: str, scale: float, rows: int, width: int, dtype=np.float64, ours=None) -> tuple[float, float]:
    """Max ULP error of (ours, scipy) for kernel ``name`` on random vectors at ``scale``."""
    x = sample(scale, rows, width, seed=scale, dtype=dtype)
    exact = reference(name, x)
    with np.errstate(all="ignore"):
        ours = (ours or getattr(kernels, name))(x)
        theirs = _scipy(name)(x).astype(dtype)
    return float(ulp_error(ours, exact).max()), float(ulp_error(theirs, exact).max())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=400)
    parser.add_argument("--width", type=int, default=16)
    args = parser.parse_args()
    print(f"max error in ULPs, float64, {args.rows} x {args.width} normal samples per scale (ours / scipy)")
    print("| function | " + " | ".join(f"scale {s}" for s in SCALES) + " |")
    print("|---|" + "---|" * len(SCALES))
    rows = [(name, name, None) for name in ("sigmoid", "sigmoid_grad", "softmax", "log_softmax")]
    rows += [(f"{name}, ufunc", name, f) for name, f in _ufuncs().items()]
    for label, name, f in rows:
        cells = []
        for s in SCALES:
            ours, theirs = measure(name, s, args.rows, args.width, ours=f)
            cells.append(f"{ours:.3g} / {theirs:.3g}")
        print(f"| {label} | " + " | ".join(cells) + " |", flush=True)


if __name__ == "__main__":
    main()
