"""The Reader's definite integrals, ``\\int_a^b f(x) \\, dx`` (a mixin: it uses the Reader's terms).

The integrand runs from the integral sign to its differential (``dx``, ``\\mathrm{d}x``, ``\\dd x``) in the
same product; nested integrals pair with their differentials from the inside out. The variable is bound: it
is a fresh symbol inside the integrand, whatever the letter means outside. The integral is taken by SymPy
within a time limit and confirmed by numerical quadrature before it is used (in 30 digits, at parameters
drawn on both sides of zero): an integral SymPy leaves unevaluated or gives by cases (a condition on its
parameters), one that is infinite, or one that quadrature does not confirm, is refused. An indefinite
integral is an antiderivative, kept unevaluated: a link that holds one is checked as equal derivatives (its
constant is the author's).
"""

from __future__ import annotations

import contextlib
import time

import mpmath
import sympy as sp
from lark import Tree

from ..errors import FormulaError
from ..model import Reading
from . import values as V
from .notation_file import default_notation
from .limit_of import _PARAMETERS, _Slow, _bounded, bind
from .syntax import item_base, item_scripts, node_kind, node_word

_SECONDS = 3.0  # for one integral
_PER_DOCUMENT = 12.0
_BUDGET = _PER_DOCUMENT
_DIGITS = 30
_TAKEN: dict = {}  # (the integrand in a canonical variable, the bounds) -> the value, or the reason it is refused


def new_document() -> None:
    """A document's integrals together take at most _PER_DOCUMENT seconds."""
    global _BUDGET
    _BUDGET = _PER_DOCUMENT


class IntegralReading:
    """``\\int_a^b f(x) \\, dx``: the value of the integral, confirmed numerically."""

    def _is_integral(self, entry) -> bool:
        base = item_base(entry.item)
        return node_kind(base) == "command" and str(base.children[0]) == "\\int"

    def _differential_at(self, entries, m: int) -> str | None:
        """The variable of a differential d x starting at entry m (d, \\mathrm{d} or \\dd, then one letter), or None."""
        if m + 1 >= len(entries):
            return None
        d, x = entries[m], entries[m + 1]
        if d.op is not None or d.negative or x.op is not None or x.negative or item_scripts(d.item) \
                or item_scripts(x.item):
            return None
        base = item_base(d.item)
        if not (node_word(base) == "d" and node_kind(base) in ("letter", "text")) \
                and not (node_kind(base) == "command" and str(base.children[0]) in ("\\dd", "\\d")):
            return None
        var = item_base(x.item)
        if node_kind(var) not in ("letter", "command"):
            return None
        return node_word(var)

    def _integral_at(self, entries, k: int, env) -> tuple[V.Value, int]:
        try:
            return self._integral_read(entries, k, env)
        except FormulaError as e:
            raise FormulaError(str(e) if "\\int" in str(e) else f"\\int: {e}") from None

    def _integral_read(self, entries, k: int, env) -> tuple[V.Value, int]:
        scripts = item_scripts(entries[k].item)
        subs = [s for s in scripts if s.data == "sub_script"]
        sups = [s for s in scripts if s.data == "sup_script"]
        if not scripts:
            return self._indefinite_integral(entries, k, env)
        if len(subs) != 1 or len(sups) != 1 or len(scripts) != 2:
            raise FormulaError("an integral is read only with both its limits, \\int_a^b, or with none")
        depth, end, word = 0, None, None
        for m in range(k + 1, len(entries)):
            if self._is_integral(entries[m]):
                depth += 1
            elif (found := self._differential_at(entries, m)) is not None:
                if depth == 0:
                    end, word = m, found
                    break
                depth -= 1
        if end is None or end == k + 1:
            raise FormulaError("an integral is read only with its integrand and then its differential in one product: "
                               "\\int_a^b f(x) \\, dx, with parentheses around a sum, \\int_a^b (f + g) \\, dx")
        lower = self._integral_bound(subs[0].children[1], env)
        upper = self._integral_bound(sups[0].children[1], env)
        x = sp.Dummy(word.lstrip("\\"), real=True)
        with V.domain_conditions():
            body = self._chain_in_order(entries[k + 1:end], {**env, word: x})
        if not isinstance(body, V.Value) or body.is_vector or body.is_matrix or body.row:
            raise FormulaError("an integral of a vector or matrix is not read")
        if body.expr.has(sp.Indexed, sp.Sum, sp.Product, sp.Derivative):
            raise FormulaError("an integral is read only of a formula in its variable and real parameters")
        value, positive = _integral(bind(body.expr, word, x), x, lower, upper)
        for p in positive:
            # (\int_0^\infty t e^{-st} dt: the integral converges where s > 0, and is read there only)
            V.requires(sp.Gt(p, 0))
        self.notes.append(Reading("inferred", f"the integral over ${word}$ is taken by SymPy and confirmed by "
                                              "numerical quadrature" + (
                                                  f", where it converges ({', '.join(f'${sp.latex(p)} > 0$' for p in positive)})"
                                                  if positive else "")))
        return V.Value(value), end + 2

    def _indefinite_integral(self, entries, k: int, env) -> tuple[V.Value, int]:
        """\\int f(x) \\, dx: an antiderivative of f, kept unevaluated (sp.Integral(f, x), x the variable as the
        formula outside reads it); a chain that holds one is checked as equal derivatives in x (see
        read.document, _antiderivatives): its sides may differ by a constant, the author's."""
        end, word = None, None
        for m in range(k + 1, len(entries)):
            if self._is_integral(entries[m]):
                raise FormulaError("an indefinite integral is read only of a formula without another integral in it")
            if (found := self._differential_at(entries, m)) is not None:
                end, word = m, found
                break
        if end is None or end == k + 1:
            raise FormulaError("an integral is read only with its integrand and then its differential in one product: "
                               "\\int f(x) \\, dx, with parentheses around a sum, \\int (f + g) \\, dx")
        if word in env:
            raise FormulaError(f"an indefinite integral over {word}, a letter bound here, is not read")
        variable = self._meaning_quiet(word, env)
        if not isinstance(variable, V.Value) or not isinstance(variable.expr, sp.Symbol) \
                or isinstance(variable.expr, (sp.Idx, sp.Dummy)) or variable.is_vector or variable.is_matrix:
            raise FormulaError(f"an indefinite integral over {word}, which is not a plain real number here, is not read")
        with V.domain_conditions():
            body = self._chain_in_order(entries[k + 1:end], env)
        if not isinstance(body, V.Value) or body.is_vector or body.is_matrix or body.row:
            raise FormulaError("an integral of a vector or matrix is not read")
        if body.expr.has(sp.Indexed, sp.Sum, sp.Product, sp.Derivative, sp.Integral):
            raise FormulaError("an indefinite integral is read only of a formula in its variable and real parameters")
        self.notes.append(Reading("inferred", f"an indefinite integral over ${word}$: the link is checked as equal "
                                              f"derivatives in ${word}$ (its sides may differ by a constant; a counterexample "
                                              "shows the derivatives)"))
        return V.Value(sp.Integral(body.expr, variable.expr)), end + 2

    def _integral_bound(self, arg, env) -> sp.Expr:
        node, sign = _bare(arg), 1
        if node_kind(node) == "neg" and len(node.children) == 2:
            node, sign = _bare(node.children[1]), -1
        if node_kind(node) == "command" and str(node.children[0]) == "\\infty":
            return sign * sp.oo
        value = self._arg_value(arg, env)
        if not isinstance(value, V.Value) or value.is_vector or value.is_matrix or value.row \
                or value.expr.has(sp.Indexed, sp.I, sp.oo, -sp.oo, sp.zoo):
            raise FormulaError("the limits of an integral must be numbers, real parameters or \\infty")
        return value.expr


def _bare(node):
    """The one item a script or group holds, without its braces: {\\infty} -> \\infty."""
    while node_kind(node) in ("group", "product") and len(node.children) == 1:
        node = node.children[0]
    if node_kind(node) == "item" and not item_scripts(node):
        node = item_base(node)
    return node


def _once(table: dict, key, compute):
    """compute(), once per key (a term is read more than once); a refusal is remembered as one."""
    if key not in table:
        if len(table) > 500:
            table.clear()
        try:
            table[key] = compute()
        except FormulaError as e:
            table[key] = e
    found = table[key]
    if isinstance(found, FormulaError):
        raise FormulaError(str(found))
    return found


def _integral(expr: sp.Expr, x: sp.Symbol, lower: sp.Expr, upper: sp.Expr) -> tuple[sp.Expr, tuple]:
    """The integral, once per integrand (in a canonical variable) and bounds; and the parameters it is taken
    for where they are positive only (where it converges, see _integral_once)."""
    t = sp.Symbol("_integration_variable", real=True)
    canonical = expr.xreplace({x: t})
    return _once(_TAKEN, (sp.srepr(canonical), sp.srepr(lower), sp.srepr(upper)),
                 lambda: _integral_once(canonical, t, lower, upper))


@contextlib.contextmanager
def _computing(what: str, done: str, in_time: str):
    """The block within a time limit and the document's budget (spent as it runs); its failures as refusals."""
    global _BUDGET
    started = time.monotonic()
    try:
        with _bounded(min(_SECONDS, _BUDGET)):
            yield
    except _Slow:
        raise FormulaError(f"{what} was not {in_time} in time") from None
    except (ValueError, TypeError, NotImplementedError, RecursionError, ZeroDivisionError, OverflowError,
            AttributeError):
        raise FormulaError(f"{what} could not be {done}") from None
    finally:
        _BUDGET -= time.monotonic() - started


def _integral_once(expr: sp.Expr, x: sp.Symbol, lower: sp.Expr, upper: sp.Expr) -> sp.Expr:
    if _BUDGET <= 0:
        raise FormulaError("the time for this document's integrals is spent")
    params = sorted((expr.free_symbols | lower.free_symbols | upper.free_symbols) - {x}, key=str)
    # (real parameters, or whole numbers >= 1: sin(n x) of a Fourier coefficient)
    if any(not isinstance(p, sp.Symbol) or p.is_integer and not p.is_positive for p in params) or len(params) > 3:
        raise FormulaError("an integral is read only of a formula in its variable and up to three real parameters")
    positive: tuple = ()
    with _computing("the integral", "taken", "found and confirmed"):
        value = sp.integrate(expr, (x, lower, upper))
        halves = _right_half_plane(value, params)
        if halves:
            # \int_0^\infty t e^{-st} dt = s^{-2} where |arg s| < pi/2: for a real s, where s > 0 (the integral diverges
            # for s <= 0): taken for a positive s, and read only there
            swap = {p: sp.Symbol(p.name, positive=True) for p in halves}
            back = {v: k for k, v in swap.items()}
            value = sp.integrate(expr.xreplace(swap), (x, lower.xreplace(swap), upper.xreplace(swap))).xreplace(back)
            positive = tuple(halves)
        if value.has(sp.Integral, sp.Piecewise, sp.nan, sp.zoo, sp.AccumBounds) or value.has(sp.oo) \
                or value.has(-sp.oo) or x in value.free_symbols or not value.free_symbols <= set(params):
            raise FormulaError("the integral was not found in closed form for every value of its parameters")
        _confirm(expr, x, lower, upper, value, params, positive)
    return value, positive


def _right_half_plane(value: sp.Expr, params: list) -> list:
    """The real parameters p of a value SymPy gives as Piecewise((v, |arg p| < pi/2 ...), (the integral, True)): the
    integral where p > 0; [] for any other value."""
    if not isinstance(value, sp.Piecewise) or len(value.args) != 2 or not value.args[1].expr.has(sp.Integral) \
            or value.args[1].cond is not sp.true:
        return []
    condition = value.args[0].cond
    found = []
    parts = condition.args if isinstance(condition, sp.And) else (condition,)
    for part in parts:
        arg = part.lhs if isinstance(part, sp.StrictLessThan) else None
        if not (isinstance(arg, sp.Abs) and isinstance(arg.args[0], sp.arg) and part.rhs == sp.pi / 2):
            return []
        p = arg.args[0].args[0]
        if p not in params or p.is_integer:
            return []
        found.append(p)
    return sorted(set(found), key=str)


def _confirm(expr, x, lower, upper, value, params, positive=()) -> None:
    """The closed form against quadrature in 30 digits, at parameters of both signs (where the integral is a
    real number at all points of the draw: an integrand undefined there, sqrt(a) at a < 0, is skipped); whole
    numbers at 1, 2, 3; the parameters it is taken for where they are positive only, at positive values."""
    confirmed = 0
    for n, points in enumerate(_PARAMETERS):
        at = {p: (sp.Integer(n + k + 1) if p.is_integer else abs(v) if p in positive else v)
              for k, (p, v) in enumerate(zip(params, points))}
        f = sp.lambdify(x, expr.xreplace(at), modules="mpmath")
        a, b = (lower.xreplace(at), upper.xreplace(at))
        want = value.xreplace(at)
        with mpmath.workdps(_DIGITS + 10):
            try:
                ends = [mpmath.inf if e is sp.oo else -mpmath.inf if e is -sp.oo else mpmath.mpf(str(sp.N(e, _DIGITS + 10)))
                        for e in (a, b)]
                got = mpmath.quad(f, ends)
                exact = sp.Float(want.evalf(_DIGITS + 10), _DIGITS + 10)
            except (ValueError, TypeError, ZeroDivisionError, OverflowError):
                continue
            if not (isinstance(got, mpmath.mpf) and mpmath.isfinite(got)) or not exact.is_real:
                continue
            if abs(got - mpmath.mpf(str(exact))) > mpmath.mpf(10) ** -15 * max(1, abs(got)):
                raise FormulaError("the integral could not be confirmed numerically")
            confirmed += 1
    if not confirmed:
        raise FormulaError("the integral could not be confirmed numerically (the integrand is not a real number on "
                           "the interval, at the values of its parameters tried)")


# --- series, \sum_{k=0}^{\infty} -------------------------------------------------------------------------------

class SeriesReading:
    """``\\sum_{k=a}^{\\infty} f(k)``: the value of the series where it converges, confirmed numerically. SymPy's sum
    is used where it is given for the parameters at which the series converges (|x| < 1): that condition becomes a
    condition of the term's domain, as log's positive argument is, so a claim is checked only where its series
    converges. A series SymPy leaves unevaluated is refused."""

    def _is_series(self, entry) -> bool:
        base = item_base(entry.item)
        if node_kind(base) != "command" or str(base.children[0]) != "\\sum":
            return False
        sups = [s for s in item_scripts(entry.item) if s.data == "sup_script"]
        if not sups:
            return _from_below(item_scripts(entry.item)) is not None  # \sum_{n \ge 0}: from 0 on, without end
        if len(sups) != 1:
            return False
        node = _bare(sups[0].children[1])
        return node_kind(node) == "command" and str(node.children[0]) == "\\infty"

    def _series_letter(self, node) -> str:
        """A series' index: a sum's index, or n (K), by default another name of the size, where the document never
        states it, nor writes it as a sum's limit: the series binds it."""
        try:
            return self._sum_letter(node)
        except FormulaError:
            letter = str(item_base(node.children[0]).children[0]) if node_kind(node) == "product" else None
            usage = getattr(self, "usage", None)
            default = default_notation().aliases.get(letter)
            if letter is None or self.notation.kind_of(letter) != "size" or default is None \
                    or self.notation.aliases.get(letter) != default \
                    or letter in self.stated or (usage is not None and letter in usage.limits):
                raise
            return letter

    def _series_at(self, entries, k: int, env) -> V.Value:
        try:
            return self._series_read(entries, k, env)
        except FormulaError as e:
            raise FormulaError(str(e) if "series" in str(e) else f"a series: {e}") from None

    def _series_read(self, entries, k: int, env) -> V.Value:
        scripts = item_scripts(entries[k].item)
        subs = [s for s in scripts if s.data == "sub_script"]
        below = _from_below(scripts)  # (\\sum_{n \\ge 0}, nothing above)
        if len(subs) != 1 or len(scripts) != 2 and below is None:
            raise FormulaError("a series is read only as \\sum_{k=a}^{\\infty} with its index and first value below it")
        sub = subs[0].children[1]
        if below is None and (node_kind(sub) != "group" or len(sub.children) != 3 or str(sub.children[1]) != "="):
            raise FormulaError("a series is read only as \\sum_{k=a}^{\\infty} with its index and first value below it")
        letter = self._series_letter(sub.children[0])
        first = self._arg_value(Tree("group", [sub.children[2]]), env)
        if not isinstance(first, V.Value) or first.is_vector or not first.expr.is_Integer:
            raise FormulaError("the first value of a series' index must be a whole number")
        if below == ">":
            first = V.Value(first.expr + 1)  # \sum_{n > 0}: from 1 on
        if k + 1 >= len(entries):
            raise FormulaError("a series with nothing after it")
        index = sp.Dummy(letter, integer=True)
        with V.domain_conditions() as inner:
            body = self._chain_in_order(entries[k + 1:], {**env, letter: index})
        if not isinstance(body, V.Value) or body.is_vector or body.is_matrix or body.row \
                or body.expr.has(sp.Indexed, sp.Sum, sp.Product, sp.Derivative, sp.Integral):
            raise FormulaError("a series is read only of a formula in its index and real parameters")
        for c in inner:
            if index not in getattr(c, "free_symbols", ()):
                V.requires(c)
            elif not _holds_from(c, index, first.expr):
                raise FormulaError("a series whose terms are defined only for some values of its index is not read")
        value, conditions = _series(body.expr, index, first.expr)
        for c in conditions:
            V.requires(c)
        self.notes.append(Reading("inferred", f"the series over ${letter}$ is summed by SymPy and confirmed numerically"
                                              + (", where it converges" if conditions else "")))
        return V.Value(value)


def _from_below(scripts) -> str | None:
    """\\sum_{n \\ge 0}, \\sum_{n > 0} with nothing above: a series from that value on; its relation (">=" or ">"),
    or None for any other subscript."""
    if len(scripts) != 1 or scripts[0].data != "sub_script":
        return None
    sub = scripts[0].children[1]
    if node_kind(sub) != "group" or len(sub.children) != 3:
        return None
    relation = str(sub.children[1]).strip()
    return {"\\ge": ">=", "\\geq": ">=", ">": ">"}.get(relation)


def _holds_from(condition, k: sp.Symbol, first: sp.Expr) -> bool:
    """u != 0 for every whole k >= first: a denominator in k alone with no whole root from the first value on;
    u >= 0 for u = a k + b, a > 0 (of (k - 1)!), already at the first value."""
    if isinstance(condition, sp.GreaterThan) and condition.rhs == 0 and condition.lhs.free_symbols == {k}:
        slope = sp.diff(condition.lhs, k)
        return bool(condition.lhs.is_polynomial(k) and slope.is_number and slope > 0
                    and condition.lhs.subs(k, first) >= 0)
    if not isinstance(condition, sp.Ne) or condition.rhs != 0 or condition.lhs.free_symbols != {k}:
        return False
    if all(isinstance(f, sp.factorial) or f.is_nonzero for f in sp.Mul.make_args(condition.lhs)):
        return True  # k! (2k)!: never 0 where it is defined
    try:
        poly = sp.Poly(condition.lhs, k)
    except sp.PolynomialError:
        return False
    roots = sp.roots(poly)
    if sum(roots.values()) != poly.degree():
        return False  # (roots not all found in closed form)
    return not any(r.is_integer and r >= first for r in roots)


_SERIES: dict = {}


def _series(expr: sp.Expr, k: sp.Symbol, first: sp.Expr) -> tuple[sp.Expr, tuple]:
    """The sum and the conditions on the parameters under which it is that (|x| < 1), once per series."""
    n = sp.Symbol("_series_index", integer=True)
    canonical = expr.xreplace({k: n})
    return _once(_SERIES, (sp.srepr(canonical), sp.srepr(first)), lambda: _series_once(canonical, n, first))


def _series_once(expr: sp.Expr, k: sp.Symbol, first: sp.Expr) -> tuple[sp.Expr, tuple]:
    if _BUDGET <= 0:
        raise FormulaError("the time for this document's integrals and series is spent")
    params = sorted(expr.free_symbols - {k}, key=str)
    if any(not isinstance(p, sp.Symbol) or p.is_integer for p in params) or len(params) > 3:
        raise FormulaError("a series is read only of a formula in its index and up to three real parameters")
    with _computing("the series", "summed", "summed and confirmed"):
        total = sp.summation(expr, (k, first, sp.oo))
        conditions = []
        for piece in sorted(total.atoms(sp.Piecewise), key=sp.srepr):
            branches = piece.args
            if len(branches) != 2 or branches[1].cond is not sp.true or not branches[1].expr.has(sp.Sum) \
                    or branches[0].expr.has(sp.Sum):
                raise FormulaError("the series was not summed in closed form")
            conditions.append(branches[0].cond)
            total = total.xreplace({piece: branches[0].expr})
        if total.has(sp.Sum, sp.Piecewise, sp.nan, sp.zoo, sp.AccumBounds) or total.has(sp.oo) \
                or total.has(-sp.oo) or k in total.free_symbols:
            raise FormulaError("the series was not summed in closed form, or diverges")
        conditions = tuple(_plain(c) for c in dict.fromkeys(conditions))
        conditions = tuple(c for group in conditions for c in group)
        _confirm_series(expr, k, first, total, params, conditions)
    return total, conditions


def _plain(condition) -> tuple:
    """A convergence condition as simple relations: |x| < 1 as -1 < x and x < 1; an And as its parts."""
    if isinstance(condition, sp.And):
        return tuple(c for part in condition.args for c in _plain(part))
    if isinstance(condition, (sp.StrictLessThan, sp.LessThan)) and isinstance(condition.lhs, sp.Abs):
        u, c = condition.lhs.args[0], condition.rhs
        op = sp.Lt if isinstance(condition, sp.StrictLessThan) else sp.Le
        return (op(u, c, evaluate=False), op(-c, u, evaluate=False))
    if isinstance(condition, (sp.StrictLessThan, sp.LessThan, sp.StrictGreaterThan, sp.GreaterThan, sp.Ne)):
        return (condition,)
    raise FormulaError("the series converges under a condition that is not read")


def _confirm_series(expr, k, first, total, params, conditions) -> None:
    """The closed form against mpmath's sum of the series in 30 digits, at parameters where it converges."""
    confirmed = 0
    for points in _PARAMETERS + tuple(tuple(v / 4 for v in p) for p in _PARAMETERS):
        at = {p: v for p, v in zip(params, points)}
        if not all(bool(c.xreplace(at)) for c in conditions):
            continue
        term = sp.lambdify(k, expr.xreplace(at), modules="mpmath")
        want = total.xreplace(at)
        with mpmath.workdps(_DIGITS + 10):
            try:
                got = mpmath.nsum(term, [int(first), mpmath.inf])
                exact = mpmath.mpf(str(sp.N(want, _DIGITS + 10)))
            except (ValueError, TypeError, ZeroDivisionError, OverflowError):
                continue
            if not mpmath.isfinite(got):
                continue
            if abs(got - exact) > mpmath.mpf(10) ** -15 * max(1, abs(got)):
                raise FormulaError("the series could not be confirmed numerically")
            confirmed += 1
    if not confirmed:
        raise FormulaError("the series could not be confirmed numerically")
