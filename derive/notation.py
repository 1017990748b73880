"""The symbolic vocabulary derivations are written in: sizes, indices, vectors and defined functions.

Everything here is an ordinary SymPy object. Sizes are positive integer symbols, indices are
``sympy.Idx`` objects that carry their range (1..N), vectors and matrices are real
``IndexedBase`` objects, and the functions the documents name (sigma, softmax, sigma') are
SymPy functions that know how to unfold themselves into their definitions, so that the verifier
proves facts about them from first principles instead of from built-in rules.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

import sympy as sp
from sympy import Idx, IndexedBase, Sum

from .errors import Unsupported

__all__ = [
    "size",
    "index",
    "vector",
    "scalar",
    "sigmoid",
    "dsigmoid",
    "softmax",
    "Definition",
    "unfold",
    "summation",
    "sum_except",
    "fresh_index",
]


def size(name: str) -> sp.Symbol:
    """A symbolic size (vector length, layer width): a positive integer."""
    return sp.Symbol(name, integer=True, positive=True)


def index(name: str, dim: sp.Expr, lower: int = 1) -> Idx:
    """An index that runs over lower..dim (1-based, as the documents write)."""
    return Idx(name, (lower, dim))


def vector(name: str) -> IndexedBase:
    """A real vector or matrix, addressed by index: ``x[i]``, ``W[i, j]``."""
    return IndexedBase(name, real=True)


def scalar(name: str) -> sp.Symbol:
    """A real scalar."""
    return sp.Symbol(name, real=True)


_fresh = itertools.count()


def fresh_index(like: Idx | sp.Symbol, lower: sp.Expr, upper: sp.Expr, stem: str = "_f") -> Idx:
    """A new index over lower..upper whose name nothing else uses."""
    return Idx(f"{stem}{next(_fresh)}", (lower, upper))


def summation(body: sp.Expr, j: Idx) -> Sum:
    """sum over j of body, with the limits j carries."""
    return Sum(body, (j, j.lower, j.upper))


class Unfoldable(sp.Function):
    """A function with a definition: ``unfold`` returns that definition."""

    def unfold(self) -> sp.Expr:  # pragma: no cover - abstract
        raise NotImplementedError


class Unrolled(sp.Function):
    """Term ``step`` of a sequence a recurrence defines, from its values at steps 0, 1, ..., K (a Tuple, each
    unrolled down to the start value): at a number it is that value; at a letter (t, T) it stays as written,
    so a claim about it is checked at the steps its sizes and indices take (never beyond K)."""

    nargs = 3  # (the sequence's name, a Symbol; the step; the values)

    @classmethod
    def eval(cls, name, step, values):
        if step.is_Integer and 0 <= int(step) < len(values):
            return values[int(step)]
        return None

    def as_written(self) -> sp.Indexed:
        """The term as the document writes it, m_t: for printing."""
        name, step, _ = self.args
        return sp.IndexedBase(str(name))[step]

    def _sympystr(self, printer) -> str:
        return printer._print(self.as_written())

    def _eval_is_real(self):
        return True

    def _eval_derivative(self, s):
        return sp.Derivative(self, s, evaluate=False)


class FamilyTerm(sp.Function):
    """A function of a family a recurrence defines (T_{n+1}(x) = 2x T_n(x) - T_{n-1}(x) from T_0, T_1), at step
    ``step`` and argument ``arg``, from its values there at steps 0, 1, ..., K (a Tuple): at a whole number step it
    is that value; at a letter it stays as written, so a claim about it is checked at the steps its sizes take."""

    nargs = 4  # (the family's name, a Str; the step; the values at arg; arg, for printing)

    @classmethod
    def eval(cls, name, step, values, arg):
        if step.is_Integer and 0 <= int(step) < len(values):
            return values[int(step)]
        return None

    def _sympystr(self, printer) -> str:
        name, step, _, arg = self.args
        return f"{name.name}_{printer._print(step)}({printer._print(arg)})"

    def _latex(self, printer, exp=None) -> str:
        name, step, _, arg = self.args
        text = rf"{name.name}_{{{printer._print(step)}}}\left({printer._print(arg)}\right)"
        return rf"{text}^{{{exp}}}" if exp else text

    def _eval_is_real(self):
        return True

    def _eval_derivative(self, s):
        return sp.Derivative(self, s, evaluate=False)


class sigmoid(Unfoldable):
    """The logistic function sigma(x) = 1 / (1 + e^{-x})."""

    nargs = 1

    def unfold(self) -> sp.Expr:
        (u,) = self.args
        return 1 / (1 + sp.exp(-u))

    def fdiff(self, argindex=1):
        # Differentiate the definition, never a remembered rule: sigma' is derived, not assumed.
        u = sp.Dummy("u", real=True)
        return sp.diff(1 / (1 + sp.exp(-u)), u).subs(u, self.args[0])

    def _eval_is_real(self):
        return self.args[0].is_real


class dsigmoid(Unfoldable):
    """sigma'(x), the derivative of the logistic function, as the documents write it."""

    nargs = 1

    def unfold(self) -> sp.Expr:
        (u,) = self.args
        v = sp.Dummy("v", real=True)
        return sp.diff(1 / (1 + sp.exp(-v)), v).subs(v, u)

    def _eval_is_real(self):
        return self.args[0].is_real


class softmax(Unfoldable):
    """softmax(v)_i, entry i of the softmax of the vector v.

    Written ``softmax(Lambda(j, body), i)``: the vector's entry j is ``body`` (for example
    ``x[j] + c`` for softmax(x + c)), j carries the range of the vector.
    """

    nargs = 2

    def unfold(self) -> sp.Expr:
        vec, i = self.args
        (j,) = vec.variables
        k = fresh_index(j, j.lower, j.upper)
        return sp.exp(vec(i)) / Sum(sp.exp(vec(k)), (k, j.lower, j.upper))

    def _eval_is_real(self):
        return True

    def _eval_is_positive(self):
        return True


MAX_WRITTEN_OUT = 6  # the largest size at which a determinant or an inverse of any size is written out
MAX_WRITTEN_TERMS = 2000  # and the most terms its expansion may have (n! products of n entries' terms)


class TooLargeToWriteOut(Unsupported):
    """A determinant or an inverse at a size where writing it out exactly would take too long: its expansion
    has more than MAX_WRITTEN_TERMS terms. The sizes checked exactly end before it."""


class _Square(sp.Function):
    """A function of a square matrix of any size n, given as ``Lambda((r, c), entry)`` (its entry at row r
    and column c, r and c running over 1..n) and n. While n is a letter it stays as written: no rule about
    it is assumed, so a claim with it is proved only where n is a number, where it is written out
    exactly (up to MAX_WRITTEN_OUT); the independent evaluator computes it its own way (elimination)."""

    def _eval_is_real(self):
        return True

    def _eval_derivative(self, s):
        return sp.Derivative(self, s, evaluate=False)

    @staticmethod
    def written_out(entry: sp.Lambda, n: sp.Expr) -> "sp.Matrix | None":
        if not (n.is_Integer and 1 <= int(n) <= MAX_WRITTEN_OUT):
            return None
        m = sp.Matrix(int(n), int(n), lambda r, c: entry(sp.Integer(r + 1), sp.Integer(c + 1)))
        # (the product of two n x n matrices has entries of n terms: its determinant, n! n^n products)
        terms = max(len(sp.Add.make_args(sp.expand(e))) for e in m)
        if math.factorial(int(n)) * terms ** int(n) > MAX_WRITTEN_TERMS:
            raise TooLargeToWriteOut(f"a determinant or an inverse of size {n} with entries of {terms} terms")
        return m

    def as_written(self) -> str:
        entry, n = self.args[:2]
        return f"[{sp.sstr(entry.expr)}]_({','.join(map(str, entry.variables))}=1..{n})"


class DeterminantOf(_Square):
    """det of the n x n matrix ``entry``: ``DeterminantOf(Lambda((r, c), a_rc), n)``."""

    nargs = 2

    @classmethod
    def eval(cls, entry, n):
        m = cls.written_out(entry, n)
        return None if m is None else _adjugate_and_det(m)[1]

    def _sympystr(self, printer) -> str:
        return f"det{self.as_written()}"

    def _latex(self, printer) -> str:
        entry, n = self.args
        r, c = entry.variables
        return (f"\\det\\left[{printer._print(entry.expr)}\\right]_{{{printer._print(r)}, {printer._print(c)} = 1}}"
                f"^{{{printer._print(n)}}}")


class InverseEntryOf(_Square):
    """Entry (i, j) of the inverse of the n x n matrix ``entry``: ``InverseEntryOf(Lambda((r, c), a_rc), n, i, j)``;
    defined where the determinant is not 0 (the reader requires it)."""

    nargs = 4

    @classmethod
    def eval(cls, entry, n, i, j):
        if not (i.is_Integer and j.is_Integer):
            return None
        m = cls.written_out(entry, n)
        if m is None:
            return None
        adjugate, det = _adjugate_and_det(m)
        if det == 0:
            return None  # (no inverse anywhere: left as written, never read as a number)
        return sp.together(adjugate[int(i) - 1, int(j) - 1] / det)

    def _sympystr(self, printer) -> str:
        return f"inverse{self.as_written()}[{self.args[2]}, {self.args[3]}]"

    def _latex(self, printer) -> str:
        entry, n, i, j = self.args
        r, c = entry.variables
        return (f"\\left(\\left[{printer._print(entry.expr)}\\right]_{{{printer._print(r)}, {printer._print(c)} = 1}}"
                f"^{{{printer._print(n)}}}\\right)^{{-1}}_{{{printer._print(i)} {printer._print(j)}}}")


_SQUARES: dict = {}


def _adjugate_and_det(m: sp.Matrix) -> tuple:
    key = sp.ImmutableMatrix(m)
    found = _SQUARES.get(key)
    if found is None:
        det = sp.expand(m.det(method="berkowitz"))
        found = _SQUARES[key] = (m.adjugate(method="berkowitz"), det)
        if len(_SQUARES) > 256:
            _SQUARES.pop(next(iter(_SQUARES)))
    return found


def sum_except(body: sp.Expr, j: Idx, i: sp.Expr) -> sp.Expr:
    """sum over j != i of body: the full sum less the term j = i (i within j's range).

    The term at i is the body with its free j replaced; the sums inside the body get fresh
    dummies first, so a body that sums over i itself keeps its own i.
    """
    from .normal import rename_dummies

    return summation(body, j) - rename_dummies(body, stem=f"_x{next(_fresh)}_").xreplace({j: i})


@dataclass(frozen=True)
class Definition:
    """A name the derivation defines: ``base[index] := body`` (for example yhat[k] := softmax(theta)_k).

    With no index the definition is of a plain symbol: ``symbol := body``.
    """

    name: sp.Basic
    indices: tuple = ()
    body: sp.Expr = sp.S.Zero

    def apply(self, expr: sp.Expr) -> sp.Expr:
        if not self.indices:
            return expr.xreplace({self.name: self.body}) if expr.has(self.name) else expr

        def is_use(e):
            return isinstance(e, sp.Indexed) and e.base == self.name

        def expand(e):
            # Fresh dummies first: substituting an index into the body must never capture it.
            from .normal import rename_dummies

            body = rename_dummies(self.body, stem=f"_d{next(_fresh)}_")
            return body.xreplace(dict(zip(self.indices, e.indices)))

        if not any(is_use(a) for a in expr.atoms(sp.Indexed)):
            return expr
        return expr.replace(is_use, expand)


def unfold(expr: sp.Expr, definitions: tuple[Definition, ...] = ()) -> sp.Expr:
    """Replace defined names and defined functions by what they stand for, to a fixed point."""
    for _ in range(20):
        before = expr
        for d in definitions:
            expr = d.apply(expr)
        expr = _unfold_functions(expr)
        if expr == before:
            return expr
    raise RecursionError("definitions do not unfold to a fixed point (a definition refers to itself?)")


def _unfold_functions(expr: sp.Expr) -> sp.Expr:
    if not expr.atoms(Unfoldable):
        return expr
    return expr.replace(lambda e: isinstance(e, Unfoldable), lambda e: e.unfold())
