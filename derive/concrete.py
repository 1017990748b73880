"""Concrete instances of symbolic claims: fixed sizes and indices, sums expanded, values plugged in."""

from __future__ import annotations

import itertools
import random
from fractions import Fraction
from dataclasses import dataclass

import sympy as sp
from sympy import Idx, Indexed

from .errors import Unsupported
from .normal import exp_form, is_zero, normalize

__all__ = ["Parameters", "parameters_of", "instantiate", "size_combinations", "index_assignments",
           "exactly_equal", "Point"]

PRECISION = 50


@dataclass(frozen=True)
class Parameters:
    """What a claim is quantified over: sizes, free indices, scalars and arrays."""

    sizes: tuple[sp.Symbol, ...]
    indices: tuple[Idx, ...]
    scalars: tuple[sp.Symbol, ...]


def _sort(items):
    return tuple(sorted(items, key=lambda s: (str(s), sp.srepr(s))))


def parameters_of(*exprs: sp.Expr, extra_indices=(), extra_sizes=()) -> Parameters:
    sizes, indices, scalars = set(extra_sizes), set(extra_indices), set()
    for e in exprs:
        for s in free_symbols(e):
            if isinstance(s, Idx):
                indices.add(s)
            elif isinstance(s, sp.Symbol) and s.is_integer and s.is_positive:
                sizes.add(s)
            elif isinstance(s, sp.Symbol):
                scalars.add(s)
        for idx in e.atoms(Idx):
            if idx.upper is not None:
                sizes |= {s for s in idx.upper.free_symbols if _is_size(s)}
    for idx in indices:
        sizes |= {s for s in idx.upper.free_symbols if _is_size(s)}
    return Parameters(_sort(sizes), _sort(indices), _sort(scalars))


def _is_size(s) -> bool:
    # a bound may also be another sum's index (sum_{k=1}^{j}): that is no size
    return isinstance(s, sp.Symbol) and not isinstance(s, Idx) and s.is_integer is True and s.is_positive is True


def size_combinations(sizes, largest: int, limit: int):
    """Assignments of 1..largest to the sizes, smallest total first, at most ``limit`` of them."""
    combos = sorted(itertools.product(range(1, largest + 1), repeat=len(sizes)), key=lambda c: (sum(c), c))
    return [dict(zip(sizes, c)) for c in combos[:limit]]


def index_assignments(indices, sizes: dict):
    """Every assignment of values to the free indices within their ranges at these sizes."""
    ranges = []
    for idx in indices:
        lo = int(sp.sympify(idx.lower).xreplace(sizes))
        hi = int(sp.sympify(idx.upper).xreplace(sizes))
        ranges.append(range(lo, hi + 1))
    for values in itertools.product(*ranges):
        yield dict(zip(indices, values))


def instantiate(expr: sp.Expr, sizes: dict, indices: dict) -> sp.Expr:
    """expr at these sizes and index values, with every sum and derivative carried out."""
    values = {k: sp.Integer(v) for k, v in indices.items()}
    values.update({k: sp.Integer(v) for k, v in sizes.items()})
    return expand_sums(expr, values).doit()


def _real_symbols(expr: sp.Expr) -> tuple[sp.Expr, dict]:
    table = {a: sp.Symbol(f"v{n}", real=True) for n, a in enumerate(sorted(expr.atoms(Indexed), key=sp.srepr))}
    return expr.xreplace(table), table


def exactly_equal(lhs: sp.Expr, rhs: sp.Expr) -> bool:
    """Concrete (sum-free) sides are identical as functions of their real variables."""
    diff, _ = _real_symbols(lhs - rhs)
    if is_zero(normalize(exp_form(diff))):
        return True
    if diff.has(sp.sin, sp.cos, sp.tan) and not diff.has(sp.asin, sp.acos, sp.atan, sp.Sum, sp.Integral, sp.Derivative):
        # cos 3t = 4 cos^3 t - 3 cos t: sines and cosines as exponentials of i t, where such identities are rational
        return is_zero(normalize(diff.rewrite(sp.exp)))
    return False


@dataclass(frozen=True)
class Point:
    """Values for the variables of a concrete instance: Indexed entries and scalars."""

    values: dict

    def apply(self, expr: sp.Expr) -> sp.Expr:
        if expr.has(sp.Derivative):
            # a derivative with respect to a variable given a value becomes Subs(d/dx ..., x, value):
            # xreplace would ask for a derivative with respect to a number
            return expr.subs(self.values)
        return expr.xreplace(self.values)


def variables(*exprs: sp.Expr) -> list:
    found = set()
    for e in exprs:
        # (an entry at indices that are not numbers is bound, inside an inverse left as written)
        entries = {a for a in e.atoms(Indexed) if all(i.is_Integer for i in a.indices)}
        labels = {a.base.label for a in e.atoms(Indexed)}
        found |= entries
        found |= {s for s in e.free_symbols
                  if isinstance(s, sp.Symbol) and not isinstance(s, Idx) and s not in labels}
    return sorted(found, key=lambda a: (str(a.base) if isinstance(a, Indexed) else str(a), sp.srepr(a)))


def simple_points(names: list, rng: random.Random, tries: int):
    """Candidate points, simplest first: zeros, ones, 0,1,2,..., small random integers, then fractions."""
    n = len(names)
    yield [0] * n
    yield [1] * n
    yield list(range(n))
    yield [(-1) ** m * (m + 1) for m in range(n)]
    for _ in range(tries):
        yield [rng.randint(-2, 3) for _ in range(n)]
    # far out, past the kinks of |u|, max and ReLU that small values never cross
    for far in (10, -10, 1000, -1000):
        yield [far * (1 if m % 2 == 0 else -1) for m in range(n)]
        yield [far] * n
    # fractions, for a domain no integer lies in (0 < p < 1)
    halves = [Fraction(1, 2), Fraction(1, 3), Fraction(2, 3), Fraction(1, 4), Fraction(3, 4),
              Fraction(-1, 2), Fraction(3, 2)]
    yield [Fraction(1, 2)] * n
    yield [Fraction(m + 1, n + 2) for m in range(n)]
    for _ in range(tries // 2):
        yield [rng.choice(halves) for _ in range(n)]


def free_symbols(expr: sp.Expr) -> set:
    """The free symbols of expr, counting the variables of unevaluated derivatives.

    SymPy leaves a derivative's variables out of its free symbols, so in d e^{x_j} / d x_k the
    index k would not be a parameter of the claim and would never be given a value. Each
    derivative is stood in for by an opaque function of its expression and variables: an opaque
    term cannot cancel against another, and sums around it still bind their indices.
    """
    if not expr.has(sp.Derivative):
        return set(expr.free_symbols)
    spelled = expr.replace(lambda a: isinstance(a, sp.Derivative),
                           lambda a: _Spelled(a.expr, *(v for v, _ in a.variable_count)))
    return set(spelled.free_symbols)


_Spelled = sp.Function("derivative")


def expand_sums(expr: sp.Expr, values: dict) -> sp.Expr:
    """expr with ``values`` (sizes, index values) put in and every sum of integer range written out.

    Equivalent to ``expr.xreplace(values)`` followed by ``Sum.doit``, but each sum is written out
    once, term by term, and a subexpression met again under the same index values is reused:
    SymPy's ``xreplace`` and ``Sum.doit`` rebuild nested sums over and over, which on a network's
    gradient makes the numeric cross-check take over a minute instead of about a second.
    """
    done: dict = {}
    labels: dict = {}

    def labels_of(e):
        if e not in labels:
            if isinstance(e, (Idx, sp.Symbol)):  # whatever a sum may bind
                labels[e] = frozenset((e,))
            else:
                labels[e] = frozenset().union(*[labels_of(a) for a in e.args])
        return labels[e]

    def walk(e, env):
        if e in env:
            return env[e]
        if isinstance(e, Idx):
            return e.xreplace(env)
        if not e.args:
            return e
        key = (e, tuple(sorted(((k, env[k]) for k in labels_of(e) if k in env), key=lambda kv: str(kv[0]))))
        if key not in done:
            done[key] = (write_out(e, env) if isinstance(e, (sp.Sum, sp.Product))
                         else e.func(*[walk(a, env) for a in e.args]))
        return done[key]

    def write_out(e, env):
        # The last limit is the outermost sum; inner limits may depend on its variable.
        (var, lo, hi), rest = e.limits[-1], e.limits[:-1]
        body = e.func(e.function, *rest) if rest else e.function
        lo, hi = walk(lo, env), walk(hi, env)
        if not (lo.is_Integer and hi.is_Integer):
            raise Unsupported(f"a sum whose bounds are not integers at these sizes: {lo}..{hi}")
        # range() is empty when hi < lo: a sum over an empty range is 0, whatever SymPy's
        # convention for reversed limits says.
        terms = [walk(body, {**env, var: sp.Integer(v)}) for v in range(int(lo), int(hi) + 1)]
        return sp.Add(*terms) if isinstance(e, sp.Sum) else sp.Mul(*terms)

    return walk(expr, dict(values))
