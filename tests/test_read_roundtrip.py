"""No misreading: expressions printed by SymPy's LaTeX printer read back as the same expression.

Random expressions over undeclared scalars (sums, products, quotients, small powers, exp, log, sin,
cos, tanh, square roots, absolute values) are printed with ``sympy.latex`` and read without a
notation file; whatever is read must equal the original at random points (a refusal is allowed,
a different value is not). A second property writes the same expressions the way people type
them (implicit products, \\frac12, \\left( \\right)) through a small printer of its own.
"""

from __future__ import annotations

import math
import random

import mpmath
import sympy as sp
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sympy.core.function import AppliedUndef

from derive.errors import FormulaError
from derive.read.notation_file import Notation
from derive.read.reader import Reader

a, b, c = (sp.Symbol(n, real=True) for n in "abc")
LEAVES = st.sampled_from([a, b, c, sp.Integer(2), sp.Integer(3), sp.Rational(1, 2)])


def _extend(children):
    binary = st.tuples(children, children)
    return st.one_of(
        binary.map(lambda t: t[0] + t[1]),
        binary.map(lambda t: t[0] - t[1]),
        binary.map(lambda t: t[0] * t[1]),
        binary.map(lambda t: t[0] / t[1]),
        st.tuples(children, st.integers(2, 3)).map(lambda t: t[0] ** t[1]),
        children.map(sp.exp), children.map(lambda e: sp.log(1 + e ** 2)), children.map(sp.sin),
        children.map(sp.cos), children.map(sp.tanh), children.map(lambda e: sp.sqrt(1 + e ** 2)),
        children.map(sp.Abs),
    )


EXPRESSIONS = st.recursive(LEAVES, _extend, max_leaves=6)


def _value(expr: sp.Expr, point: dict):
    """expr at the point, at 30 digits in mpmath (a fixed cost: SymPy's adaptive evaluation of an exp
    tower can raise its precision without end), or None where it is not a finite real number."""
    deltas = expr.atoms(sp.DiracDelta)
    if any(d.args[0].subs(point) == 0 for d in deltas):
        return None  # |x|'' at 0: not a number
    expr = expr.xreplace({d: sp.S.Zero for d in deltas})  # zero away from 0
    try:  # beyond a float's range (an exp tower) the point is skipped, before mpmath would take on it
        rough = sp.lambdify((a, b, c), expr, modules="math")(*(float(point[s]) for s in (a, b, c)))
        if not math.isfinite(abs(complex(rough))):
            return None
    except (TypeError, ZeroDivisionError, ValueError, OverflowError, NameError):
        return None
    f = sp.lambdify((a, b, c), expr, modules="mpmath")
    with mpmath.workdps(30):
        try:
            v = f(*(mpmath.mpf(point[s].p) / point[s].q for s in (a, b, c)))
        except (TypeError, ZeroDivisionError, ValueError, OverflowError):
            return None
        if isinstance(v, mpmath.mpc) or not mpmath.isfinite(v):
            return None
        return mpmath.mpf(v)


def _same(mine: sp.Expr, theirs: sp.Expr) -> bool:
    rng = random.Random(1)
    for _ in range(4):
        point = {s: sp.Rational(rng.randint(-30, 30), rng.randint(1, 7)) for s in (a, b, c)}
        x, y = _value(mine, point), _value(theirs, point)
        if x is None or y is None:
            continue
        with mpmath.workdps(30):
            if abs(x - y) > mpmath.mpf("1e-12") * (1 + abs(y)):
                return False
    return True


def _read(text: str) -> sp.Expr | None:
    reader = Reader(Notation())
    reader.learn([([(text, 1)], [])])
    try:
        expr = reader.read(text).expr
    except FormulaError:
        return None
    # a(b + c) of an a used nowhere else reads as a function applied; a document refuses a function it never
    # defines ("the function a is never defined"), so that reading is no answer here either
    return None if expr.atoms(AppliedUndef) else expr


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(EXPRESSIONS)
def test_sympy_latex_reads_back_as_the_same_expression(expr):
    text = sp.latex(expr)
    mine = _read(text)
    assert mine is None or _same(mine, expr), (text, mine)


def _typed(e: sp.Expr) -> str:
    """LaTeX as people type it: juxtaposed products, \\frac, \\left( \\right) only where needed."""
    if e.is_Symbol:
        return e.name
    if e.is_Rational and e.q != 1:
        return rf"\frac{{{e.p}}}{{{e.q}}}" if e.p > 0 else rf"\left(-\frac{{{-e.p}}}{{{e.q}}}\right)"
    if e.is_Integer:
        return str(e) if e >= 0 else rf"\left({e}\right)"
    if isinstance(e, sp.Add):
        return "\\left(" + " + ".join(_typed(t) for t in e.args) + "\\right)"
    if isinstance(e, sp.Mul):
        return " ".join(_typed(t) for t in e.args)
    if isinstance(e, sp.Pow):
        if e.exp == -1:
            return rf"\frac{{1}}{{{_typed(e.base)}}}"
        if e.exp == sp.Rational(1, 2):
            return rf"\sqrt{{{_typed(e.base)}}}"
        return rf"{{{_typed(e.base)}}}^{{{_typed(e.exp)}}}" if not e.base.is_Symbol else rf"{e.base.name}^{{{_typed(e.exp)}}}"
    names = {sp.exp: r"\exp", sp.log: r"\log", sp.sin: r"\sin", sp.cos: r"\cos", sp.tanh: r"\tanh"}
    if e.func in names:
        return rf"{names[e.func]}\left({_typed(e.args[0])}\right)"
    if isinstance(e, sp.Abs):
        return rf"\left|{_typed(e.args[0])}\right|"
    raise ValueError(e)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(EXPRESSIONS)
def test_typed_latex_reads_back_as_the_same_expression(expr):
    try:
        text = _typed(expr)
    except ValueError:
        return
    mine = _read(text)
    assert mine is None or _same(mine, expr), (text, mine)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(EXPRESSIONS, st.sampled_from([(r"\frac{d}{da}", (a,)), (r"\frac{\partial}{\partial b}", (b,)),
                                     (r"\frac{d^2}{da^2}", (a, a)), (r"\frac{\partial^2}{\partial a \partial c}", (a, c))]))
def test_derivatives_of_typed_latex_are_the_derivatives(expr, operator):
    text, variables = operator
    try:
        body = _typed(expr)
    except ValueError:
        return
    mine = _read(rf"{text} \left({body}\right)")
    assert mine is None or _same(mine.doit(), sp.diff(expr, *variables)), (text, body, mine)
