"""The Reader's limits, ``\\lim_{x \\to a} f(x)`` (a mixin: it uses the Reader's terms).

The limit is taken by SymPy, within a time limit, and confirmed numerically before it is used: at
parameters drawn on both sides of zero, f is evaluated at points approaching a (from both sides of a
finite a, at 10^8, 10^12, 10^16 for infinity) in 60-digit arithmetic, and must approach the value. A limit
that SymPy leaves unevaluated, that is infinite or depends on the side, or that the evaluation does
not confirm, is refused: never a value derive is unsure of.
"""

from __future__ import annotations

import contextlib
import re
import signal
import threading
import time

import sympy as sp
from lark import Token, Tree

from ..errors import FormulaError
from ..model import Reading
from . import values as V
from .syntax import item_base, item_scripts, node_kind, node_word

_ARROWS = ("\\to", "\\rightarrow", "\\longrightarrow")
_FROM_ABOVE = ("\\downarrow", "\\searrow")
_FROM_BELOW = ("\\uparrow", "\\nearrow")
# \lim_{x \to a^+}, \lim_{x \to a^{-}}: the side written as an arrow the grammar reads (x \downarrow a)
_ONE_SIDED = re.compile(r"(\\lim\s*_\s*\{[^{}]*?)\\(?:to|rightarrow)(?![A-Za-z])\s*([^{}^]+?)\s*\^\s*(?:\{\s*([+-])\s*\}|([+-]))\s*\}")




def one_sided(text: str) -> str:
    def arrow(m) -> str:
        side = "\\downarrow" if (m.group(3) or m.group(4)) == "+" else "\\uparrow"
        return f"{m.group(1)}{side} {m.group(2)}}}"
    return _ONE_SIDED.sub(arrow, text)


_STEPS = (sp.Rational(1, 10 ** 8), sp.Rational(1, 10 ** 12), sp.Rational(1, 10 ** 16))
_PARAMETERS = ((sp.Rational(7, 5), sp.Rational(3, 4), sp.Rational(9, 7)), (sp.Rational(-5, 4), sp.Rational(2, 3),
                                                                           sp.Rational(-3, 7)))
_SECONDS = 2.0  # for one limit
_PER_DOCUMENT = 10.0
_BUDGET = _PER_DOCUMENT  # seconds left for all the limits of the document being read


class _Slow(Exception):
    pass


@contextlib.contextmanager
def _bounded(seconds: float):
    """At most ``seconds`` for the block (main thread only), keeping any time limit set around it."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    outer, _ = signal.getitimer(signal.ITIMER_REAL)
    if outer and outer < seconds:
        seconds = outer  # (the outer limit comes first; it is left to fire as it would have)
        yield
        return

    def on_alarm(signum, frame):
        raise _Slow()

    previous = signal.signal(signal.SIGALRM, on_alarm)
    started = time.monotonic()
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer:
            signal.setitimer(signal.ITIMER_REAL, max(outer - (time.monotonic() - started), 1e-3))


def _flat(node):
    while isinstance(node, Tree) and node.data in ("group",) and len(node.children) == 1:
        node = node.children[0]
    return node


class LimitReading:
    """``\\lim_{x \\to a}``: the value of the limit, confirmed numerically."""

    def _is_limit(self, entry) -> bool:
        base = item_base(entry.item)
        return node_kind(base) == "command" and str(base.children[0]) == "\\lim"

    def _limit_at(self, entries, k: int, env) -> V.Value:
        try:
            return self._limit_read(entries, k, env)
        except FormulaError as e:
            raise FormulaError(str(e) if "\\lim" in str(e) else f"\\lim: {e}") from None

    def _limit_read(self, entries, k: int, env) -> V.Value:
        entry = entries[k]
        scripts = item_scripts(entry.item)
        subs = [s for s in scripts if s.data == "sub_script"]
        if len(subs) != 1 or len(scripts) != 1:
            raise FormulaError("\\lim is read only with its variable and point below it: \\lim_{x \\to a}")
        under = _flat(subs[0].children[1])
        if isinstance(under, Tree) and under.data == "sub" and len(under.children) == 3 \
                and isinstance(under.children[0], Tree) and under.children[0].data == "product" \
                and isinstance(under.children[2], Tree) and under.children[2].data == "product":
            # x \to -\infty: parsed as (x \to) - \infty
            parts = list(under.children[0].children) + [under.children[1]] + list(under.children[2].children)
        else:
            parts = under.children if isinstance(under, Tree) and under.data == "product" else [under]
        arrow = [n for n, p in enumerate(parts) if isinstance(p, Tree) and node_kind(item_base(p)) == "command"
                 and str(item_base(p).children[0]) in _ARROWS + _FROM_ABOVE + _FROM_BELOW]
        if len(arrow) != 1 or arrow[0] != 1:
            raise FormulaError("\\lim is read only as \\lim_{x \\to a}, with one variable and one point")
        variable = parts[0]
        if item_scripts(variable) or node_kind(item_base(variable)) not in ("letter", "command"):
            raise FormulaError("the variable of a limit must be one letter")
        word = node_word(item_base(variable))
        rest = parts[2:]
        target = self._limit_point(rest, env)
        arrow_word = str(item_base(parts[1]).children[0])
        side = "+" if arrow_word in _FROM_ABOVE else "-" if arrow_word in _FROM_BELOW else "+-"
        if side != "+-" and target in (sp.oo, -sp.oo):
            raise FormulaError("\\lim: a one-sided limit at infinity")
        if k + 1 >= len(entries):
            raise FormulaError("\\lim with nothing after it")
        x = sp.Dummy(word.lstrip("\\"), real=True)
        inner_env = dict(env)
        inner_env[word] = x
        with V.domain_conditions():
            value = self._chain_in_order(entries[k + 1:], inner_env)
        if not isinstance(value, V.Value) or value.is_vector or value.is_matrix or value.row:
            raise FormulaError("a limit of a vector or matrix is not read")
        result = _limit(bind(value.expr, word, x), x, target, side)
        shown = "\\infty" if target is sp.oo else "-\\infty" if target is -sp.oo else sp.latex(target)
        shown += {"+": "^+", "-": "^-"}.get(side, "")
        self.notes.append(Reading("inferred", f"the limit as ${word} \\to {shown}$ is taken by SymPy and confirmed by "
                                              f"evaluating at points approaching ${shown}$"))
        return V.Value(result)

    def _limit_point(self, parts, env) -> sp.Expr:
        tokens = [p for p in parts]
        negative = False
        if tokens and isinstance(tokens[0], Token) and tokens[0].type == "MINUS":
            negative, tokens = True, tokens[1:]
        if len(tokens) == 1 and isinstance(tokens[0], Tree) and node_kind(item_base(tokens[0])) == "command" \
                and str(item_base(tokens[0]).children[0]) == "\\infty" and not item_scripts(tokens[0]):
            return -sp.oo if negative else sp.oo
        if any(isinstance(t, Tree) and item_scripts(t) for t in tokens if node_kind(t) == "item"):
            raise FormulaError("a limit is read only at a number or at \\infty (a side as 0^+ or 0^-)")
        point = self._chain_in_order(self._entries(Tree("product", list(parts))), env)
        if not isinstance(point, V.Value) or point.is_vector or point.is_matrix or not point.expr.is_number \
                or not point.expr.is_real:
            raise FormulaError("a limit is read only at a number or at \\infty")
        return point.expr


def bind(expr: sp.Expr, word: str, x: sp.Symbol) -> sp.Expr:
    """The body of a binder (a limit, an integral) over the variable ``word``, read as ``x``, with the variable
    also where a definition brought it in: s_\\beta(x) defined with \\beta, then \\lim_{\\beta \\to \\infty}
    s_\\beta(x), is the limit in \\beta of that formula, never a formula left holding a free \\beta."""
    name = word.lstrip("\\")
    leaked = {s: x for s in expr.free_symbols if type(s) is sp.Symbol and s.name == name}
    return expr.xreplace(leaked) if leaked else expr


_TAKEN: dict = {}  # (the formula in a canonical variable, the point) -> the value, or the reason it is refused


def new_document() -> None:
    """A document's limits together take at most _PER_DOCUMENT seconds (one slow limit each is two)."""
    global _BUDGET
    _BUDGET = _PER_DOCUMENT


def _limit(expr: sp.Expr, x: sp.Symbol, target: sp.Expr, side: str = "+-") -> sp.Expr:
    """The limit, once per formula, point and side (a term is read more than once)."""
    t = sp.Symbol("_limit_variable", real=True)
    key = (sp.srepr(expr.xreplace({x: t})), sp.srepr(target), side)
    if key not in _TAKEN:
        if len(_TAKEN) > 500:
            _TAKEN.clear()
        try:
            _TAKEN[key] = _limit_once(expr.xreplace({x: t}), t, target, side)
        except FormulaError as e:
            _TAKEN[key] = e
    found = _TAKEN[key]
    if isinstance(found, FormulaError):
        raise FormulaError(str(found))
    return found


def _limit_once(expr: sp.Expr, x: sp.Symbol, target: sp.Expr, side: str) -> sp.Expr:
    """The limit and its confirmation, together within the time a limit may take (and within what is left
    of the time all of a run's limits may take: a document of many slow limits is not stopped by them)."""
    global _BUDGET
    if _BUDGET <= 0:
        raise FormulaError("the time for this document's limits is spent")
    started = time.monotonic()
    try:
        with _bounded(min(_SECONDS, _BUDGET)):
            value = sp.limit(expr, x, target) if target in (sp.oo, -sp.oo) else sp.limit(expr, x, target, dir=side)
            if value.has(sp.Limit, sp.AccumBounds, sp.nan, sp.zoo) or value.has(sp.oo) or value.has(-sp.oo) \
                    or value.atoms(sp.Piecewise):
                raise FormulaError("the limit is infinite, does not exist, or was not found")
            _confirm(expr, x, target, value, side)
    except _Slow:
        raise FormulaError("the limit was not found and confirmed in time") from None
    except (ValueError, TypeError, NotImplementedError, RecursionError, ZeroDivisionError, OverflowError):
        raise FormulaError("the limit could not be taken") from None
    finally:
        _BUDGET -= time.monotonic() - started
    return value


def _confirm(expr: sp.Expr, x: sp.Symbol, target: sp.Expr, value: sp.Expr, side: str = "+-") -> None:
    """f near the point, in 60 digits, at parameters of both signs: it must approach ``value``."""
    params = sorted((expr.free_symbols | value.free_symbols) - {x}, key=str)
    if any(not isinstance(p, sp.Symbol) or p.is_integer for p in params) or len(params) > 3:
        raise FormulaError("a limit is read only of a formula in its variable and up to three real parameters")
    for points in _PARAMETERS:
        at = {p: abs(v) if p.is_positive or p.is_nonnegative else v for p, v in zip(params, points)}
        f = expr.xreplace(at)
        want = value.xreplace(at)
        sides = (1,) if target is sp.oo else (-1,) if target is -sp.oo else \
            {"+": (1,), "-": (-1,), "+-": (1, -1)}[side]
        for sign in sides:
            errors = []
            for h in _STEPS:
                point = sp.Float(sign / h if target in (sp.oo, -sp.oo) else target + sign * h, 60)
                try:
                    got = f.evalf(60, subs={x: point})
                    limit = want.evalf(60)
                except (ValueError, TypeError, ZeroDivisionError, OverflowError):
                    raise FormulaError("the limit could not be confirmed numerically") from None
                if not (got.is_real and got.is_finite and limit.is_real and limit.is_finite):
                    raise FormulaError("the limit could not be confirmed numerically (the formula is not a real "
                                       "number near the point, at some values of its parameters)")
                errors.append(abs(got - limit) / max(1, abs(limit)))
            if not errors[-1] < sp.Float("1e-6") or errors[-1] > errors[0] + sp.Float("1e-30"):
                raise FormulaError("the limit could not be confirmed numerically")
