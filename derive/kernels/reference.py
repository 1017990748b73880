"""High-precision references for the kernels (mpmath, 50 digits) and errors measured in ULPs."""

from __future__ import annotations

import mpmath
import numpy as np

__all__ = ["REFERENCES", "reference", "ulp_error", "sample"]

_DIGITS = 50


def _sigmoid(v):
    return 1 / (1 + mpmath.exp(-v))


def _sigmoid_grad(v):
    e = mpmath.exp(-v)
    return e / (1 + e) ** 2


def _softmax(row):
    exps = [mpmath.exp(v) for v in row]
    total = mpmath.fsum(exps)
    return [e / total for e in exps]


def _log_softmax(row):
    # log(1 + rest) with rest summed apart: for the dominant entry the result is about -rest,
    # far below the 50 digits a plain log-sum-exp would keep.
    k = max(range(len(row)), key=lambda n: row[n])
    top = row[k]
    rest = mpmath.fsum(mpmath.exp(v - top) for n, v in enumerate(row) if n != k)
    tail = mpmath.log1p(rest)
    return [(v - top) - tail for v in row]


# name -> (reference, acts on rows?)
REFERENCES = {
    "sigmoid": (_sigmoid, False),
    "sigmoid_grad": (_sigmoid_grad, False),
    "softmax": (_softmax, True),
    "log_softmax": (_log_softmax, True),
}


def reference(name: str, x: np.ndarray) -> list:
    """The exact values (as mpf, 50 digits) of kernel ``name`` at x, flattened row by row."""
    f, rows = REFERENCES[name]
    with mpmath.workdps(_DIGITS):
        if rows:
            out = []
            for row in x.reshape(-1, x.shape[-1]):
                out.extend(f([mpmath.mpf(float(v)) for v in row]))
            return out
        return [f(mpmath.mpf(float(v))) for v in x.reshape(-1)]


def ulp_error(computed: np.ndarray, exact: list) -> np.ndarray:
    """|computed - exact| in units of the spacing of floats (of computed's dtype) at exact."""
    dtype = computed.dtype
    got = computed.reshape(-1)
    out = np.empty(got.size)
    with mpmath.workdps(_DIGITS):
        for n, (g, e) in enumerate(zip(got, exact)):
            nearest = dtype.type(float(e))
            spacing = float(np.spacing(np.abs(nearest)))
            out[n] = float(abs(mpmath.mpf(float(g)) - e) / spacing) if np.isfinite(g) else np.inf
    return out


def sample(scale: float, rows: int, width: int, seed: int = 0, dtype=np.float64) -> np.ndarray:
    """Random vectors with entries of size about ``scale`` (normal, standard deviation scale)."""
    rng = np.random.default_rng(seed)
    return (rng.standard_normal((rows, width)) * scale).astype(dtype)
