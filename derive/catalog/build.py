"""A small vocabulary for writing catalog entries that read like the documents."""

from __future__ import annotations

from fractions import Fraction

import sympy as sp

from ..errors import CatalogError
from ..model import Assumptions, Axis, Derivation, Expect, Side, Step
from ..notation import Definition

__all__ = ["step", "derivation", "side", "entry", "row", "column", "matrix", "assume", "define", "expression"]


def expression(value, what: str = "an expression") -> sp.Basic:
    """``value`` as a SymPy object: SymPy objects and Python numbers only.

    A string is refused, never parsed: SymPy would evaluate it as Python code.
    """
    if isinstance(value, sp.Basic):
        return value
    if isinstance(value, (int, float, Fraction)) and not isinstance(value, bool):
        return sp.sympify(value)  # a number, never text
    kind = "a string" if isinstance(value, str) else f"a {type(value).__name__}"
    raise CatalogError(f"{what} must be built from SymPy objects (derive.vector, derive.scalar, sympy), "
                       f"got {kind}: {value!r:.60}")


def side(expr, *axes: Axis, conventions: tuple[str, ...] = ()) -> Side:
    """A side of an equation; ``axes`` as built by entry/row/column/matrix. A matrix expression
    (``sp.Trace(A)``, ``A*B``) without axes is translated to index form (derive.matrix.to_side)."""
    value = expression(expr, "a side")
    if not axes and _has_matrix(value):
        from ..matrix import to_side

        translated = to_side(value)
        return Side(translated.expr, translated.axes, translated.conventions + tuple(conventions),
                    translated.domain, translated.misfit, translated.problem)
    return Side(value, tuple(axes), tuple(conventions))


def entry(expr, index: sp.Idx, conventions: tuple[str, ...] = ()) -> Side:
    """A vector given by its entry ``expr`` at ``index`` (length: the index's range)."""
    return Side(expression(expr, "a side"), (Axis(index.upper, index),), tuple(conventions))


def row(expr, index: sp.Idx, conventions: tuple[str, ...] = ()) -> Side:
    """A 1 x N row vector given by its entry at ``index``."""
    return Side(expression(expr, "a side"), (Axis(sp.S.One), Axis(index.upper, index)), tuple(conventions))


def column(expr, index: sp.Idx, conventions: tuple[str, ...] = ()) -> Side:
    """An N x 1 column vector given by its entry at ``index``."""
    return Side(expression(expr, "a side"), (Axis(index.upper, index), Axis(sp.S.One)), tuple(conventions))


def matrix(expr, rows: sp.Idx, cols: sp.Idx, conventions: tuple[str, ...] = ()) -> Side:
    """A matrix given by its entry at (rows, cols)."""
    return Side(expression(expr, "a side"), (Axis(rows.upper, rows), Axis(cols.upper, cols)), tuple(conventions))


def _as_side(term) -> Side:
    if isinstance(term, Side):
        return term
    # A matrix expression (A*B, sp.Trace(A*B)) is translated, with its shapes checked, by the
    # translator every front-end uses; a misfit or an unreadable construct stays with the side.
    return side(term)


def _has_matrix(term: sp.Basic) -> bool:
    from sympy.matrices.expressions import MatrixExpr, Trace

    return any(isinstance(a, (MatrixExpr, Trace)) for a in sp.preorder_traversal(term))


def assume(*, equal=(), distinct=(), onehot=(), definitions=(), text=()) -> Assumptions:
    """Side conditions: ``equal=[(i, j)]`` (case i = j), ``distinct=[(i, j)]``, ``onehot=[(y, t)]``
    (y is the one-hot vector of class t), ``definitions=[define(...)]``, ``text`` as stated."""
    return Assumptions(tuple(equal), tuple(distinct), tuple(onehot), tuple(definitions),
                       (text,) if isinstance(text, str) else tuple(text))


def define(name, body, *indices) -> Definition:
    """``name[indices] := body`` (or ``name := body`` with no indices)."""
    return Definition(expression(name, "a defined name"), tuple(indices), expression(body, "a definition"))


def step(label: str, latex: str, *terms, expect="proved", ends=None, assume: Assumptions | None = None,
         reading: str = "", note: str = "", correction=None) -> Step:
    """A chain terms[0] = terms[1] = ... as the document writes it, labelled as the document does.

    ``expect`` is one expected verdict for every link or a tuple with one per link; ``ends`` the
    expected verdict of the first term against the last (defaults to 'proved' when every link is).
    ``correction`` is what a refuted step should have said (a side equal to the first term); it is
    verified as its own check. A term may be a matrix expression (``A*B``, ``sp.Trace(A*B)``): it is
    translated to index form as ``derive.matrix.to_side`` does.
    """
    sides = tuple(_as_side(t) for t in terms)
    n = len(sides) - 1
    if isinstance(expect, (str, Expect)):
        links = (Expect.parse(expect),) * n
    else:
        links = tuple(Expect.parse(e) for e in expect)
    if ends is None and n > 1:
        if all(e == links[0] for e in links):
            ends = links[0]
        else:
            raise CatalogError(f"step {label}: links expect different verdicts; say what the ends expect")
    return Step(label=label, latex=latex, terms=sides, expect=links,
                ends=Expect.parse(ends) if ends is not None else None,
                assume=assume or Assumptions(), reading=reading, note=note,
                correction=_as_side(correction) if correction is not None else None)


def derivation(id: str, *, topic: str, source: str, title: str, statement: str, steps,
               assume: Assumptions | None = None, note: str = "", kernels=()) -> Derivation:
    """A derivation; ``kernels`` names the steps `derive emit` prints as functions: a sequence of
    step labels (each function named from what it computes), or a dict {function name: step label}."""
    if isinstance(kernels, dict):
        chosen = tuple((str(label), str(name)) for name, label in kernels.items())
    elif isinstance(kernels, str):
        chosen = ((kernels, ""),)
    else:
        chosen = tuple((str(label), "") for label in kernels)
    return Derivation(id=id, topic=topic, source=source, title=title, statement=statement,
                      steps=tuple(steps), assume=assume or Assumptions(), note=note, kernels=chosen)
