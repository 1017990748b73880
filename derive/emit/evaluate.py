"""Emitted functions checked, not trusted: evaluated at random points against the formulas at high precision.

For each kernel, random arguments (a batch of two, at a few sizes) are passed to the emitted
function, and every entry of its output is compared with

* the right side it was printed from, with the sums written out and evaluated by mpmath at 50
  digits (definitions and softmax/sigmoid unfolded into exponentials);
* for a derivative, a central difference of the left side's function at 60 digits with a step
  of 1e-25, whose own error is far below any float's.

The error is reported in ULPs of the exact value and relatively; an entry is wrong when it is off
by more than 1e-9 of max(1, |exact value|), far above rounding and far below any wrong formula.
"""

from __future__ import annotations

import types
from dataclasses import dataclass

import numpy as np
import sympy as sp
from sympy import Indexed

from ..concrete import index_assignments, instantiate
from ..notation import unfold

__all__ = ["Evaluation", "load_module", "evaluate_kernels", "TOLERANCE"]

TOLERANCE = 1e-9
_DIGITS = 60
_STEP = sp.Rational(1, 10**25)


@dataclass(frozen=True)
class Evaluation:
    """How one emitted function compared with its formula at random points."""

    kernel: str
    entries: int
    max_ulp: float  # against the right side at high precision
    max_error: float  # |emitted - exact| / max(1, |exact|)
    derivative_error: float | None  # the same against the central difference of the left side; None if no derivative
    problem: str = ""  # the first disagreement, "" when there is none

    @property
    def ok(self) -> bool:
        return not self.problem

    def describe(self) -> str:
        text = f"{self.kernel}: {self.entries} entries, at most {self.max_ulp:.3g} ULP from the right side"
        if self.derivative_error is not None:
            text += f", {self.derivative_error:.2g} (relative) from a central difference of the left side"
        return text + (f"; WRONG: {self.problem}" if self.problem else "")


def load_module(text: str, name: str = "derive_emitted") -> types.ModuleType:
    """The emitted module's text as a module object (the text is derive's own output)."""
    module = types.ModuleType(name)
    exec(compile(text, f"<{name}>", "exec"), module.__dict__)  # noqa: S102 - code printed by derive
    return module


def _shape(kernel, param, sizes: dict) -> tuple:
    arrays = {}
    for e in (unfold(kernel.lhs.expr, kernel.assume.definitions), unfold(kernel.rhs.expr, kernel.assume.definitions)):
        for a in e.atoms(Indexed):
            arrays.setdefault(a.base, tuple(i.upper for i in a.indices))
    return tuple(int(sp.sympify(s).xreplace(sizes)) for s in arrays.get(param.symbol, ()))


def _arguments(kernel, sizes: dict, rng, batch: int) -> list[np.ndarray]:
    args = []
    for p in kernel.params:
        dims = _shape(kernel, p, sizes)
        if p.onehot:
            a = np.zeros((batch,) + dims)
            for b in range(batch):
                a[b, rng.integers(dims[-1])] = 1.0
        else:
            a = rng.uniform(-2.0, 2.0, size=(batch,) + dims)
        args.append(a)
    return args


def _values(kernel, args, b: int) -> dict:
    """Exact rationals for the entries of batch row b of the arguments, keyed by their symbols."""
    values = {}
    for p, a in zip(kernel.params, args):
        row = a[b]
        if p.rank == 0:
            values[p.symbol] = sp.Rational(float(row))
        else:
            for idx in np.ndindex(row.shape):
                values[p.symbol[tuple(i + 1 for i in idx)]] = sp.Rational(float(row[idx]))
    return values


def _number(expr, values: dict, digits: int = 50):
    value = sp.N(expr.xreplace(values), digits)
    return value if value.is_real else None


def _size_symbols(kernel) -> list:
    found = set()
    for e in (kernel.lhs.expr, kernel.rhs.expr, *[d.body for d in kernel.assume.definitions]):
        for idx in e.atoms(sp.Idx):
            if idx.upper is not None:
                found |= {s for s in sp.sympify(idx.upper).free_symbols if s.is_integer}
    return sorted(found, key=str)


def _derivative_at(kernel, values: dict, sizes: dict, where: dict):
    """d F / d v at the point by a central difference at high precision (F, v from the left side)."""
    v = kernel.variable
    target = v
    if isinstance(v, Indexed):
        at = {**{k: sp.Integer(n) for k, n in where.items()}, **{k: sp.Integer(n) for k, n in sizes.items()}}
        target = sp.Indexed(v.base, *[sp.sympify(i).xreplace(at) for i in v.indices])
    f = instantiate(kernel.function, sizes, where)
    base = dict(values)
    if target not in base:
        return None  # not an entry of an argument at this point: nothing to vary
    x0 = base.pop(target)
    f = f.xreplace(base)
    up = sp.N(f.xreplace({target: x0 + _STEP}), _DIGITS)
    down = sp.N(f.xreplace({target: x0 - _STEP}), _DIGITS)
    return (up - down) / (2 * _STEP)


def evaluate_kernels(kernels, module, seed: int = 0, sizes=(1, 2, 4), batch: int = 2) -> list[Evaluation]:
    """Each kernel's emitted function (an attribute of module) against its formula at random points."""
    rng = np.random.default_rng(seed)
    return [_evaluate(k, getattr(module, k.name), rng, sizes, batch) for k in kernels]


def _evaluate(kernel, fn, rng, size_values, batch: int) -> Evaluation:
    exact_expr = unfold(kernel.rhs.expr, kernel.assume.definitions)
    symbols = _size_symbols(kernel)
    entries, worst_ulp, worst, worst_d, problem = 0, 0.0, 0.0, None, ""
    if kernel.variable is not None:
        worst_d = 0.0
    for n in size_values:
        sizes = {s: n + m for m, s in enumerate(symbols)}
        args = _arguments(kernel, sizes, rng, batch)
        try:
            out = np.asarray(fn(*args))
        except Exception as exc:  # a failing emitted function is a finding, reported as such
            return Evaluation(kernel.name, entries, worst_ulp, worst, worst_d,
                              f"at sizes {_text(sizes)} it raised {type(exc).__name__}: {exc}")
        shape = (batch,) + tuple(int(sp.sympify(a.upper).xreplace(sizes)) for a in kernel.axes)
        if out.shape != shape:
            return Evaluation(kernel.name, entries, worst_ulp, worst, worst_d,
                              f"at sizes {_text(sizes)} it returned shape {out.shape}, not {shape}")
        for b in range(batch):
            values = _values(kernel, args, b)
            for where in index_assignments(kernel.axes, sizes):
                got = float(out[(b,) + tuple(where[a] - 1 for a in kernel.axes)])
                exact = _number(instantiate(exact_expr, sizes, where), values)
                entries += 1
                if exact is None:
                    problem = problem or f"the right side is not a real number at {where}"
                    continue
                error = abs(sp.Float(got, _DIGITS) - exact)
                scale = max(sp.Integer(1), abs(exact))
                worst = max(worst, float(error / scale))
                worst_ulp = max(worst_ulp, float(error) / float(np.spacing(abs(float(exact)))))
                if error > TOLERANCE * scale and not problem:
                    problem = f"at sizes {_text(sizes)}, {_text(where)}: emitted {got!r}, right side {float(exact)!r}"
                if kernel.variable is not None:
                    slope = _derivative_at(kernel, values, sizes, where)
                    if slope is None:
                        problem = problem or f"cannot vary {kernel.variable} at {_text(where)}"
                        continue
                    d_error = abs(sp.Float(got, _DIGITS) - slope) / max(sp.Integer(1), abs(slope))
                    worst_d = max(worst_d, float(d_error))
                    if d_error > TOLERANCE and not problem:
                        problem = (f"at sizes {_text(sizes)}, {_text(where)}: emitted {got!r}, central difference "
                                   f"of the left side {float(slope)!r}")
    return Evaluation(kernel.name, entries, worst_ulp, worst, worst_d, problem)


def _text(mapping: dict) -> str:
    return ", ".join(f"{k} = {v}" for k, v in mapping.items()) or "no index"
