"""An oracle for the soundness corpus that shares nothing with derive: plain evaluation with mpmath.

A claim's two sides are written as Python functions of an environment ``e`` (sizes, index values,
vectors and scalars as mpmath numbers), never derived from the claim's LaTeX or SymPy form, so the
truth they decide does not depend on how derive reads or rewrites the claim. Neither derive nor
SymPy is imported here.

Semantics, the ones a user means:

* indices run from 1; a vector of length N has the entries 1..N, an entry outside that is undefined;
* a sum over an empty range (upper limit below the lower) is 0, whatever the limits are;
* the real domain: log of a non-positive number, the square root of a negative one, a division by
  zero, a non-real power are undefined;
* a derivative exists where the one-sided derivatives agree (both computed with mpmath.diff);
* a point where either side is undefined is skipped, not counted.

A claim is true when the two sides agree to far more digits than the evaluation loses, at every
size N = 1..6 (the claim's sizes; one pass when it has none), every value of its free indices in
1..N, and several random points for its vectors and scalars; it is false as soon as one evaluable
point separates them.
"""

from __future__ import annotations

import itertools
import random
from dataclasses import dataclass, field
from typing import Callable

import mpmath
from mpmath import mpf

__all__ = ["Undefined", "Env", "Vec", "Verdict", "decide", "S", "delta", "exp", "log", "sqrt", "absolute",
           "power", "div", "sigmoid", "softmax", "lse", "d", "DPS", "SIZES"]

DPS = 50
SIZES = tuple(range(1, 7))
# Two values agree when they differ by less than this, relative to max(1, |a|, |b|). Exact arithmetic
# at 50 digits loses a few; numerical derivatives lose more, but stay far below this.
TOLERANCE = mpf(10) ** -25
mpmath.mp.dps = DPS


class Undefined(ArithmeticError):
    """The side has no real value at this point (out-of-range entry, log of 0, a missing derivative)."""


# --- values -------------------------------------------------------------------------------------

class Vec:
    """A vector with entries 1..n; any other entry is undefined."""

    __slots__ = ("values",)

    def __init__(self, values):
        self.values = tuple(values)

    def __len__(self):
        return len(self.values)

    def __getitem__(self, j):
        j = int(j)
        if not 1 <= j <= len(self.values):
            raise Undefined(f"entry {j} of a vector of length {len(self.values)}")
        return self.values[j - 1]

    def replaced(self, j, value) -> "Vec":
        v = list(self.values)
        v[int(j) - 1] = value
        return Vec(v)


class Env:
    """What a claim's functions see: e.N, e.i, e.x[j], e.c, ... and the derived e.y, e.yhat.

    ``y`` is one-hot at the index ``t`` (or the letter ``_hot`` names; it must be a free index of the
    claim), ``yhat`` is
    the softmax of ``theta``; both are recomputed from the current values, so derivatives see them.
    """

    def __init__(self, values: dict):
        object.__setattr__(self, "_values", dict(values))
        object.__setattr__(self, "_derived", {})

    def __getattr__(self, name):
        values = object.__getattribute__(self, "_values")
        if name in values:
            return values[name]
        derived = object.__getattribute__(self, "_derived")
        if name not in derived:
            if name == "y":
                n, t = values["N"], values[values.get("_hot", "t")]
                derived[name] = Vec(mpf(1) if m == t else mpf(0) for m in range(1, n + 1))
            elif name == "yhat":
                derived[name] = softmax(self.theta)
            else:
                raise KeyError(f"the claim uses {name!r}, which its declaration does not give")
        return derived[name]

    def with_value(self, name, value, entry=None) -> "Env":
        values = dict(object.__getattribute__(self, "_values"))
        values[name] = values[name].replaced(entry, value) if entry is not None else value
        return Env(values)


# --- the operations a claim is written with (real domain) --------------------------------------

def _real(v):
    if isinstance(v, mpmath.mpc):
        if v.imag != 0:
            raise Undefined("a non-real value")
        return v.real
    if isinstance(v, (int, float)):
        return mpf(v)
    return v


def S(lo, hi, body: Callable) -> mpf:
    """sum_{j=lo}^{hi} body(j); 0 when hi < lo (never Karr's negative convention)."""
    lo, hi = int(lo), int(hi)
    total = mpf(0)
    for j in range(lo, hi + 1):
        total += body(j)
    return total


def delta(a, b) -> mpf:
    return mpf(1) if int(a) == int(b) else mpf(0)


def exp(u):
    return mpmath.exp(_real(u))


def log(u):
    u = _real(u)
    if u <= 0:
        raise Undefined("log of a non-positive number")
    return mpmath.log(u)


def sqrt(u):
    u = _real(u)
    if u < 0:
        raise Undefined("square root of a negative number")
    return mpmath.sqrt(u)


def absolute(u):
    return abs(_real(u))


def div(a, b):
    b = _real(b)
    if b == 0:
        raise Undefined("division by zero")
    return _real(a) / b


def power(a, b):
    a, b = _real(a), _real(b)
    if a == 0 and b <= 0:
        raise Undefined("0 to a non-positive power")
    if a < 0 and b != int(b):
        raise Undefined("a negative number to a non-integer power")
    return _real(a ** b)


def sigmoid(u):
    return 1 / (1 + mpmath.exp(-_real(u)))


def lse(v: Vec):
    return mpmath.log(S(1, len(v), lambda j: mpmath.exp(v[j])))


def softmax(v: Vec) -> Vec:
    total = S(1, len(v), lambda j: mpmath.exp(v[j]))
    return Vec(mpmath.exp(v[j]) / total for j in range(1, len(v) + 1))


def d(f: Callable, e: Env, name: str, entry=None):
    """The derivative of f(e) with respect to the scalar e.<name>, or the entry e.<name>[entry].

    Computed with mpmath.diff from both sides; where the one-sided derivatives differ (or the
    function is undefined nearby) the derivative does not exist and the point is Undefined.
    """
    at = getattr(e, name) if entry is None else getattr(e, name)[entry]

    def g(u):
        return _real(f(e.with_value(name, u, entry)))

    try:
        right = mpmath.diff(g, at, direction=1)
        left = mpmath.diff(g, at, direction=-1)
    except (ZeroDivisionError, ValueError) as exc:
        raise Undefined(f"derivative: {exc}") from None
    if abs(right - left) > mpf(10) ** -20 * max(1, abs(right), abs(left)):
        raise Undefined("the derivative does not exist here (one-sided derivatives differ)")
    return (right + left) / 2


# --- deciding a claim ---------------------------------------------------------------------------

@dataclass
class Verdict:
    """The oracle's decision: ``holds``, how many points were compared and skipped, and the first
    point that separates the sides (for a false claim)."""

    holds: bool
    compared: int = 0
    skipped: int = 0
    witness: dict | None = None
    values: tuple = ()
    notes: list = field(default_factory=list)


def _agree(a, b, tolerance=TOLERANCE) -> bool:
    return abs(a - b) <= tolerance * max(1, abs(a), abs(b))


def _evaluate(lhs, rhs, env: dict, dps: int):
    """(lhs, rhs) at the point to ``dps`` digits, or None where either side is undefined."""
    with mpmath.workdps(dps):
        e = Env(env)
        try:
            a = _real(lhs(e))
            b = _real(rhs(e))
        except (Undefined, ZeroDivisionError):
            return None
        if not (mpmath.isfinite(a) and mpmath.isfinite(b)):
            return None
        return mpf(a), mpf(b)


def decide(lhs: Callable[[Env], object], rhs: Callable[[Env], object], *, indices: str | tuple = (),
           vectors: tuple = ("x", "theta"), scalars: tuple = (), sized: bool = True, points: int | None = None,
           seed: str = "", low: float = -2.0, high: float = 2.0, sizes=SIZES, hot: str = "t",
           dps: int = DPS, matrices: tuple = (), tolerance=None) -> Verdict:
    """Evaluate lhs and rhs everywhere the semantics ask for and say whether they always agree.

    ``indices`` are the free index letters (each runs over 1..N), ``vectors`` the vectors of
    length N, ``scalars`` the real scalars; ``sized`` is False for a claim with no size N.
    ``points`` random points per size, spread over the index assignments (at least one each),
    drawn uniformly in [low, high] (default: 8 per size, 24 for a claim with no size);
    ``matrices`` the N x N matrices (e.A[i][j]); ``tolerance`` the relative difference below which two
    values agree (default 10^-25; a claim whose sides differ by 10^-400 needs a smaller one, and the
    digits to see it);
    ``hot`` the letter of the one-hot vector's class; ``dps`` the working precision in digits (a
    claim whose values reach 10^700 needs more than 50 to see 1 added to them).
    """
    rng = random.Random(f"oracle:{seed}")
    points = points or (8 if sized else 24)
    indices = tuple(indices)
    compared = skipped = 0
    for n in (sizes if sized else (1,)):
        assignments = list(itertools.product(range(1, n + 1), repeat=len(indices)))
        per_assignment = max(1, -(-points // len(assignments)))
        for values in assignments:
            for _ in range(per_assignment):
                env = {"N": n, "_hot": hot, **dict(zip(indices, values))}
                if sized:
                    for v in vectors:
                        env[v] = Vec(mpf(rng.uniform(low, high)) for _ in range(n))
                    for m in matrices:
                        env[m] = Vec(Vec(mpf(rng.uniform(low, high)) for _ in range(n)) for _ in range(n))
                for s in scalars:
                    env[s] = mpf(rng.uniform(low, high))
                found = _evaluate(lhs, rhs, env, dps)
                if found is None:
                    skipped += 1
                    continue
                compared += 1
                a, b = found
                # A disagreement must survive a second evaluation at a higher precision (the point is
                # the same: its values are exact binary numbers), so cancellation cannot fake one.
                tol = TOLERANCE if tolerance is None else mpf(tolerance)
                if not _agree(a, b, tol) and not _agree(*(_evaluate(lhs, rhs, env, 3 * dps) or (a, a)), tol):
                    witness = {k: (v.values if isinstance(v, Vec) else v) for k, v in env.items() if k != "_hot"}
                    return Verdict(False, compared, skipped, witness, (a, b))
    if compared == 0:
        raise Undefined("no point could be evaluated: the claim's truth is not decided")
    return Verdict(True, compared, skipped)
