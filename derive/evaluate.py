"""Plain evaluation of a claim's two sides as they were read: the referee of every verdict.

It shares nothing with the rewriting the symbolic stage proves by. Sums are written out term by
term as they stand, with their bounds evaluated where they are (a sum over an empty range is 0,
never SymPy's signed convention); one-hot vectors and defined names are looked up, never
substituted; derivatives are carried out by Taylor arithmetic on truncated power series (jets),
never by SymPy's rules. Everything stays in the real numbers: the square root of a negative
number, the logarithm of a non-positive one, a division by zero, or a derivative that does not
exist (|x| at 0) makes the point *undefined*, never a value.

Two kinds of arithmetic: mpmath's ``mpf`` for quick agreement checks, and mpmath's interval
arithmetic for certificates. A refutation is certified when the two sides' intervals are
disjoint; intervals too wide to decide are recomputed at a higher precision.
"""

from __future__ import annotations

import hashlib
import itertools
import math
import random
from dataclasses import dataclass, field
from fractions import Fraction

import mpmath
import sympy as sp
from sympy import Idx, Indexed, IndexedBase
from sympy.core.function import AppliedUndef

from .errors import Unsupported
from .notation import Definition, DeterminantOf, FamilyTerm, InverseEntryOf, Unfoldable, Unrolled, softmax

__all__ = ["Undefined", "Uncertain", "Claim", "Values", "Evaluator", "Arith", "FAST", "interval", "array_extents",
           "test_function_text"]


class Undefined(Exception):
    """The expression has no real value at this point; the message says why."""


class Uncertain(Exception):
    """An interval straddles a point where the value or the branch changes: more precision needed."""


# --- arithmetic: mpf or intervals ---------------------------------------------------------------

class Arith:
    """Numbers of one kind: ``mpf`` at ``prec`` bits (quick), or intervals (certified)."""

    def __init__(self, prec: int, certified: bool):
        self.certified = certified
        self.prec = prec
        self.ctx = mpmath.iv if certified else mpmath.mp

    def __enter__(self):
        self._saved = self.ctx.prec
        self.ctx.prec = self.prec
        return self

    def __exit__(self, *exc):
        self.ctx.prec = self._saved

    def num(self, x) -> object:
        if isinstance(x, Fraction):
            return self.ctx.mpf(x.numerator) / x.denominator
        if isinstance(x, int):
            return self.ctx.mpf(x)
        return self.ctx.mpf(x)

    def sign(self, x) -> int:
        """-1, 0 or 1; raises Uncertain for an interval that contains 0 and other numbers."""
        if self.certified:
            if x.a > 0:
                return 1
            if x.b < 0:
                return -1
            if x.a == 0 and x.b == 0:
                return 0
            raise Uncertain("a sign is not decided at this precision")
        return (x > 0) - (x < 0)

    def finite(self, x) -> bool:
        if self.certified:
            return bool(mpmath.isfinite(x.a) and mpmath.isfinite(x.b))
        return bool(mpmath.isfinite(x))

    def exp(self, x):
        return self.ctx.exp(x)

    def log(self, x):
        return self.ctx.log(x)

    def sin(self, x):
        return self.ctx.sin(x)

    def cos(self, x):
        return self.ctx.cos(x)

    def pi(self):
        return self.ctx.pi

    def atan(self, x):
        if not self.certified:
            return mpmath.mp.atan(x)
        return self._monotone(mpmath.mp.atan, x)

    def erf(self, x):
        if not self.certified:
            return mpmath.mp.erf(x)
        return self._monotone(mpmath.mp.erf, x)

    def gamma(self, x):
        """The Gamma function, undefined at its poles 0, -1, -2, ... (an interval near one is not decided)."""
        if not self.certified:
            if x <= 0 and x == mpmath.floor(x):
                raise Undefined("the Gamma function at a pole (0, -1, -2, ...)")
            return mpmath.mp.gamma(x)
        if x.a <= 0 and mpmath.floor(x.b) >= mpmath.ceil(x.a) and mpmath.ceil(x.a) <= 0:
            if x.a == x.b:
                raise Undefined("the Gamma function at a pole (0, -1, -2, ...)")
            raise Uncertain("the Gamma function near a pole")
        return mpmath.iv.gamma(x)

    def _monotone(self, f, x):
        """An increasing function on an interval: its ends at more precision, widened by a margin."""
        with mpmath.workprec(self.prec + 30):
            lo, hi = f(x.a), f(x.b)
            pad = mpmath.mpf(2) ** (-(self.prec + 10)) * (1 + max(abs(lo), abs(hi)))
            lo, hi = lo - pad, hi + pad
        return mpmath.iv.mpf([lo, hi])

    def midpoint(self, x):
        if self.certified:
            return mpmath.mpf(x.mid)
        return x

    def width(self, x):
        return (x.b - x.a) if self.certified else 0


FAST = 128  # bits for quick agreement checks


def interval(prec: int) -> Arith:
    return Arith(prec, certified=True)


# --- truncated power series -------------------------------------------------------------------

class Jet:
    """A truncated multivariate power series in the directions of the derivatives being taken.

    ``terms`` maps a monomial (a sorted tuple of (direction, power)) to its coefficient; the
    constant term has the monomial ``()``. Powers of a direction above its order are dropped.
    """

    __slots__ = ("terms",)

    def __init__(self, terms: dict):
        self.terms = terms

    @property
    def const(self):
        return self.terms[()]

    def is_constant(self) -> bool:
        return len(self.terms) == 1


def _mono_mul(m1, m2, orders):
    out = dict(m1)
    for d, p in m2:
        out[d] = out.get(d, 0) + p
        if out[d] > orders[d]:
            return None
    return tuple(sorted(out.items()))


# --- the claim and its values -----------------------------------------------------------------

@dataclass(frozen=True)
class Claim:
    """The two sides as read, with what the document says about their names."""

    lhs: sp.Expr
    rhs: sp.Expr
    onehot: tuple = ()  # (IndexedBase, hot index symbol)
    definitions: tuple[Definition, ...] = ()
    equal: tuple = ()  # pairs of indices that are equal in this case
    domain: tuple = ()  # conditions the sides as written need (u >= 0 under a square root)


class Values:
    """Values of the variables: array entries and scalars. Entries not given are drawn by ``draw``
    (a random number) or are 0 when there is no ``draw``; each is drawn once and remembered."""

    def __init__(self, given: dict | None = None, draw=None, within: dict | None = None):
        self.given = dict(given or {})
        self.draw = draw
        self.within = within or {}  # key -> a draw of its own (inside the interval the claim gives it)

    def get(self, key):
        if key not in self.given:
            own = self.within.get(key)
            self.given[key] = own() if own else self.draw() if self.draw else Fraction(0)
        return self.given[key]


# --- the evaluator ----------------------------------------------------------------------------

_RELATIONS = {sp.StrictGreaterThan: lambda s: s > 0, sp.GreaterThan: lambda s: s >= 0,
              sp.StrictLessThan: lambda s: s < 0, sp.LessThan: lambda s: s <= 0,
              sp.Equality: lambda s: s == 0, sp.Unequality: lambda s: s != 0}


@dataclass
class _State:
    perturbed: dict = field(default_factory=dict)  # variable key -> tuple of directions
    orders: dict = field(default_factory=dict)  # direction -> highest power kept
    version: int = 0


class Evaluator:
    """Evaluates expressions at fixed sizes, index values and variable values, in one arithmetic."""

    def __init__(self, arith: Arith, labels: dict, values: Values, onehot=(), definitions=(),
                 max_terms: int = 2_000_000, unfolded: dict | None = None, extents: dict | None = None):
        self.unfolded = {} if unfolded is None else unfolded  # may be shared between evaluators
        self.extents = dict(extents or {})  # base -> the upper end of each axis, where the claim says it
        self.a = arith
        self.labels = dict(labels)  # sizes and free indices -> int
        self.values = values
        self.onehot = {base: hot for base, hot in onehot}
        self.defs_indexed = {d.name: d for d in definitions if d.indices}
        self.defs_plain = {d.name: d for d in definitions if not d.indices}
        self.state = _State()
        self._directions = itertools.count()
        self._memo: dict = {}
        self._free: dict = {}
        self._budget = max_terms
        self._keep: list = []

    # -- integers: sizes, indices, bounds

    def integer(self, e, env) -> int:
        if isinstance(e, (int,)):
            return e
        if e in env:
            return env[e]
        if isinstance(e, Idx):
            return self.integer(e.label, env) if e.label in env else self._label(e)
        if e.is_Integer:
            return int(e)
        if isinstance(e, sp.Symbol):
            return self._label(e)
        if isinstance(e, sp.Add):
            return sum(self.integer(t, env) for t in e.args)
        if isinstance(e, sp.Mul):
            return math.prod(self.integer(t, env) for t in e.args)
        raise Unsupported(f"an index or bound that is not an integer expression: {sp.sstr(e)[:60]}")

    def _label(self, s) -> int:
        if s in self.labels:
            return self.labels[s]
        raise Unsupported(f"no value for the index or size {s}")

    # -- values

    def value(self, expr: sp.Expr):
        """The value of expr (a number, or a Jet inside derivatives); raises Undefined."""
        return self._eval(sp.sympify(expr), {})

    def _free_labels(self, e) -> tuple:
        """The symbols e mentions (bound or not), in an order fixed for this evaluator."""
        found = self._free.get(e)
        if found is None:
            if isinstance(e, (Idx, sp.Symbol)):
                found = (e,)
            else:
                found = tuple(frozenset().union(*[self._free_labels(a) for a in e.args])) if e.args else ()
            self._free[e] = found
        return found

    def _eval(self, e, env):
        if not e.args and not isinstance(e, (sp.Symbol, Idx)):
            return self._atom(e)
        key = (e, self.state.version, tuple(_frozen(env.get(k)) for k in self._free_labels(e)))
        found = self._memo.get(key)
        if found is None:
            found = self._compute(e, env)
            self._memo[key] = found
        return found

    def _atom(self, e):
        a = self.a
        if e.is_Integer:
            return a.num(int(e))
        if e.is_Rational:
            return a.num(Fraction(int(e.p), int(e.q)))
        if isinstance(e, sp.Float):
            return a.num(str(e))
        if e is sp.pi:
            return a.pi()
        if e is sp.E:
            return a.exp(a.num(1))
        if e in (sp.nan, sp.zoo, sp.oo, -sp.oo) or e is sp.I:
            raise Undefined(f"{e} is not a real number")
        if isinstance(e, IndexedBase):
            raise Unsupported(f"the whole vector {e} where a number is needed")
        raise Unsupported(f"cannot evaluate {type(e).__name__} {sp.sstr(e)[:40]}")

    def _compute(self, e, env):
        a = self.a
        if isinstance(e, (sp.Symbol, Idx)):
            return self._symbol(e, env)
        if isinstance(e, Indexed):
            return self._indexed(e, env)
        if isinstance(e, sp.Add):
            self._spend(len(e.args))
            total = self._eval(e.args[0], env)
            for t in e.args[1:]:
                total = self.add(total, self._eval(t, env))
            return total
        if isinstance(e, sp.Mul):
            self._spend(len(e.args))
            prod = self._eval(e.args[0], env)
            for t in e.args[1:]:
                prod = self.mul(prod, self._eval(t, env))
            return prod
        if isinstance(e, sp.Pow):
            return self._pow(e, env)
        if isinstance(e, (sp.Sum, sp.Product)):
            return self._sum(e, env)
        if isinstance(e, (DeterminantOf, InverseEntryOf)):
            return self._square(e, env)
        if isinstance(e, sp.KroneckerDelta):
            i, j = (self.integer(x, env) for x in e.args)
            return a.num(1 if i == j else 0)
        if isinstance(e, sp.Derivative):
            return self._derivative(e, env)
        if isinstance(e, sp.Subs):
            inner = dict(env)
            for var, point in zip(e.variables, e.point):
                inner[var] = ("value", self._eval(point, env))
                self._keep.append(inner[var])  # memo keys name it by id: keep it alive
            return self._eval_bound(e.expr, inner)
        if isinstance(e, softmax):
            return self._softmax(e, env)
        if isinstance(e, (Unrolled, FamilyTerm)):
            _, step, values, *_ = e.args
            k = self.integer(step, env)
            if not 0 <= k < len(values):
                raise Unsupported(f"a term of a sequence at step {k}, past the steps unrolled")
            return self._eval(values[k], env)
        if isinstance(e, Unfoldable):
            return self._eval(self._unfold(e), env)
        if isinstance(e, sp.exp):
            return self.apply("exp", self._eval(e.args[0], env))
        if isinstance(e, sp.log):
            return self.apply("log", self._eval(e.args[0], env))
        if isinstance(e, (sp.sin, sp.cos)):
            return self.apply(type(e).__name__, self._eval(e.args[0], env))
        if isinstance(e, sp.tan):
            x = self._eval(e.args[0], env)
            return self.div(self.apply("sin", x), self.apply("cos", x))
        if isinstance(e, sp.atan):
            return self.apply("atan", self._eval(e.args[0], env))
        if isinstance(e, sp.erf):
            return self.apply("erf", self._eval(e.args[0], env))
        if isinstance(e, (sp.factorial, sp.binomial)):
            return self._combinatorial(e, env)
        if isinstance(e, sp.gamma):
            x = self._eval(e.args[0], env)
            if isinstance(x, Jet) and not x.is_constant():
                raise Unsupported("a derivative of the Gamma function")
            return self.apply("gamma", x.const if isinstance(x, Jet) else x)
        if isinstance(e, (sp.tanh, sp.sinh, sp.cosh)):
            x = self._eval(e.args[0], env)
            p, m = self.apply("exp", x), self.apply("exp", self.neg(x))
            if isinstance(e, sp.sinh):
                return self.mul(self.add(p, self.neg(m)), a.num(Fraction(1, 2)))
            if isinstance(e, sp.cosh):
                return self.mul(self.add(p, m), a.num(Fraction(1, 2)))
            return self.div(self.add(p, self.neg(m)), self.add(p, m))
        if isinstance(e, (sp.sec, sp.csc, sp.cot, sp.sech, sp.csch, sp.coth)):
            # the reciprocals, through the functions above: 1/cos, 1/sin, cos/sin, 1/cosh, 1/sinh, cosh/sinh
            x = e.args[0]
            num, den = {sp.sec: (1, sp.cos), sp.csc: (1, sp.sin), sp.cot: (sp.cos, sp.sin), sp.sech: (1, sp.cosh),
                        sp.csch: (1, sp.sinh), sp.coth: (sp.cosh, sp.sinh)}[type(e)]
            top = a.num(1) if num == 1 else self._eval(num(x, evaluate=False), env)
            return self.div(top, self._eval(den(x, evaluate=False), env))
        if isinstance(e, sp.Abs):
            return self._abs(self._eval(e.args[0], env))
        if isinstance(e, sp.sign):
            x = self._eval(e.args[0], env)
            s = self.branch_sign(x)
            return a.num(s)
        if isinstance(e, sp.Heaviside):
            x = self._eval(e.args[0], env)
            s = self.branch_sign(x)
            if s == 0:
                raise Undefined("the step function at 0")
            return a.num(1 if s > 0 else 0)
        if isinstance(e, (sp.floor, sp.ceiling)):
            x = self._eval(e.args[0], env)
            return self._floor(x) if isinstance(e, sp.floor) else self.neg(self._floor(self.neg(x)))
        if isinstance(e, (sp.Max, sp.Min)):
            return self._extremum(e, env)
        if isinstance(e, AppliedUndef):
            return self._perturb(("expr", e), self._test_function(e, env))
        if isinstance(e, sp.Piecewise):
            for piece, cond in e.args:
                if self._truth(cond, env):
                    return self._eval(piece, env)
            raise Undefined("no case of a piecewise definition applies")
        raise Unsupported(f"the independent evaluation cannot read {type(e).__name__}")

    def _combinatorial(self, e, env):
        """k! of a whole number k >= 0; binom(x, k) = x (x - 1) ... (x - k + 1) / k! of a number x and a whole number k
        (0 for k < 0), written out as that product."""
        if isinstance(e, sp.factorial):
            k = self._whole(e.args[0], env)
            if k < 0:
                raise Undefined("the factorial of a negative number")
            if k > 1000:
                raise Unsupported("a factorial past 1000!")
            return self.a.num(math.factorial(k))
        k = self._whole(e.args[1], env)
        if k < 0:
            return self.a.num(0)
        if k > 1000:
            raise Unsupported("a binomial coefficient past k = 1000")
        x = self._eval(e.args[0], env)
        out = self.a.num(1)
        for j in range(k):
            out = self.mul(out, self.add(x, self.a.num(-j)))
        return self.mul(out, self.a.num(Fraction(1, math.factorial(k))))

    def _whole(self, e, env) -> int:
        """The value of an expression that must be a whole number here (a factorial's, a binomial's lower entry)."""
        try:
            return self.integer(e, env)
        except Unsupported:
            pass
        v = self._eval(e, env)
        if isinstance(v, Jet):
            if not v.is_constant():
                raise Unsupported("a derivative through a factorial or a binomial coefficient's lower entry")
            v = v.const
        ends = (v.a, v.b) if self.a.certified else (v, v)
        if ends[0] != ends[1] or ends[0] != mpmath.floor(ends[0]):
            raise Unsupported("a factorial or a binomial coefficient's lower entry not known to be a whole number")
        return int(ends[0])

    def _softmax(self, e, env):
        """softmax(Lambda(j, body), i): e^{body(i)} / sum_k e^{body(k)}, the entry bound by env."""
        vec, i = e.args
        (j,) = vec.variables
        at = self.integer(i, env)
        lo, hi = self.integer(j.lower, env), self.integer(j.upper, env)
        if not lo <= at <= hi:
            raise Undefined(f"softmax entry {at} outside 1..{hi}")
        key = ("softmax", vec, self.state.version, lo, hi, tuple(_frozen(env.get(k)) for k in self._free_labels(vec)))
        found = self._memo.get(key)
        if found is None:
            terms = [self.apply("exp", self._eval(vec.expr, {**env, j: k, j.label: k})) for k in range(lo, hi + 1)]
            total = terms[0]
            for t in terms[1:]:
                total = self.add(total, t)
            found = self._memo[key] = (terms, self.reciprocal(total))
        terms, inverse = found
        return self.mul(terms[at - lo], inverse)

    def _unfold(self, e):
        found = self.unfolded.get(e)
        if found is None:
            for lam in e.atoms(sp.Lambda):
                outside = set().union(*[a.free_symbols for a in e.args if a is not lam])
                bound = {v for s in lam.expr.atoms(sp.Sum, sp.Product) for v in s.variables}
                if outside & bound:
                    raise Unsupported(f"{type(e).__name__} of a vector whose entries sum over an index "
                                      "named like its argument")
            found = self.unfolded[e] = e.unfold()
        return found

    def _spend(self, n):
        self._budget -= n
        if self._budget < 0:
            raise Unsupported("the expression is too large to evaluate term by term")

    def _symbol(self, s, env):
        if s in env:
            v = env[s]
            if isinstance(v, tuple) and v and v[0] == "value":
                return self._perturb(("s", s), v[1])
            return self.a.num(v)
        if s in self.labels:
            return self.a.num(self.labels[s])
        if s in self.defs_plain:
            base = self._eval_bound(self.defs_plain[s].body, {})
            return self._perturb(("s", s), base)
        if isinstance(s, Idx) or s.is_integer:
            raise Unsupported(f"no value for the index or size {s}")
        return self._perturb(("s", s), self.a.num(self.values.get(("s", s))))

    def _indexed(self, e, env):
        base = e.base
        idx = tuple(self.integer(i, env) for i in e.indices)
        key = ("a", base, idx)
        if base in self.onehot:
            # the class is a free index of the claim: never a dummy that happens to share its name
            self._check_extent(base, idx)
            hot = self._label(self.onehot[base])
            return self._perturb(key, self.a.num(1 if idx == (hot,) else 0))
        if base in self.defs_indexed:
            d = self.defs_indexed[base]
            if len(d.indices) != len(idx):
                raise Unsupported(f"{base} is defined with {len(d.indices)} indices, used with {len(idx)}")
            value = self._eval_bound(d.body, dict(zip(d.indices, idx)))
            return self._perturb(key, value)
        self._check_extent(base, idx)
        return self._perturb(key, self.a.num(self.values.get(key)))

    def _check_extent(self, base, idx):
        extent = self.extents.get(base)
        if not extent:
            return
        for at, upper in zip(idx, extent):
            if upper is None:
                continue
            if not 1 <= at <= self.integer(upper, {}):
                raise Undefined(f"{base} has no entry {at} at this size")

    def _eval_bound(self, body, bindings):
        # Definitions and substitutions are evaluated in their own scope: only their own parameters.
        return self._eval(body, bindings)

    def _perturb(self, key, value):
        dirs = self.state.perturbed.get(key)
        if not dirs:
            return value
        one = self.a.num(1)
        jet = self.lift(value)
        terms = dict(jet.terms)
        for d in dirs:
            m = ((d, 1),)
            terms[m] = terms[m] + one if m in terms else one
        return Jet(terms)

    # -- sums and products

    # -- determinants and inverses of matrices of any size, by elimination (not SymPy's Berkowitz)

    MAX_SQUARE = 12

    def _square(self, e, env):
        entry, n = e.args[:2]
        n = self.integer(n, env)
        if not 1 <= n <= self.MAX_SQUARE:
            raise Unsupported(f"a determinant or an inverse of size {n}")
        r, c = entry.variables
        rows = [[self._eval(entry.expr, {**env, r: i, r.label: i, c: j, c.label: j}) for j in range(1, n + 1)]
                for i in range(1, n + 1)]
        if isinstance(e, DeterminantOf):
            return self._eliminate(rows, None)
        i, j = (self.integer(x, env) for x in e.args[2:])
        if not (1 <= i <= n and 1 <= j <= n):
            raise Undefined(f"an inverse of size {n} has no entry ({i}, {j})")
        return self._eliminate(rows, (i, j))

    def _eliminate(self, rows, wanted):
        """Gaussian elimination with a pivot whose sign is decided: the determinant, or (wanted = (i, j)) entry
        (i, j) of the inverse, solving for column j of it."""
        a = self.a
        n = len(rows)
        m = [list(row) + ([a.num(1 if k == wanted[1] - 1 else 0)] if wanted else []) for k, row in enumerate(rows)]
        det = a.num(1)
        for k in range(n):
            pivot, unsure = None, False
            for p in range(k, n):
                c = m[p][k].const if isinstance(m[p][k], Jet) else m[p][k]
                try:
                    if a.sign(c) != 0:
                        pivot = p
                        break
                except Uncertain:
                    unsure = True
            if pivot is None:
                if unsure:
                    raise Uncertain("a pivot is not decided at this precision")
                if wanted:
                    raise Undefined("the inverse of a matrix whose determinant is 0")
                return a.num(0)
            if pivot != k:
                m[k], m[pivot] = m[pivot], m[k]
                det = self.neg(det)
            det = self.mul(det, m[k][k])
            inv = self.reciprocal(m[k][k])
            for p in range(k + 1, n):
                f = self.mul(m[p][k], inv)
                m[p] = [self.add(x, self.neg(self.mul(f, y))) for x, y in zip(m[p], m[k])]
        if not wanted:
            return det
        x = [None] * n
        for k in range(n - 1, -1, -1):
            total = m[k][n]
            for q in range(k + 1, n):
                total = self.add(total, self.neg(self.mul(m[k][q], x[q])))
            x[k] = self.div(total, m[k][k])
        return x[wanted[0] - 1]

    def _sum(self, e, env):
        is_sum = isinstance(e, sp.Sum)
        limits = list(e.limits)[::-1]  # SymPy lists the innermost first
        return self._sum_over(e.function, limits, env, is_sum)

    def _sum_over(self, body, limits, env, is_sum):
        (var, lo, hi), rest = limits[0], limits[1:]
        lo_v, hi_v = self.integer(lo, env), self.integer(hi, env)
        total = self.a.num(0 if is_sum else 1)
        if hi_v - lo_v + 1 > 100_000:
            raise Unsupported("a sum of more than 100000 terms")
        self._spend(max(0, hi_v - lo_v + 1))
        for v in range(lo_v, hi_v + 1):
            inner = {**env, var: v}
            if isinstance(var, Idx):
                inner[var.label] = v
            term = self._sum_over(body, rest, inner, is_sum) if rest else self._eval(body, inner)
            total = self.add(total, term) if is_sum else self.mul(total, term)
        return total

    # -- derivatives by Taylor arithmetic

    def _derivative(self, e, env):
        added = []
        saved = (dict(self.state.perturbed), dict(self.state.orders), self.state.version)
        try:
            for var, n in e.variable_count:
                n = int(n)
                d = next(self._directions)
                self.state.orders[d] = n
                key = self._variable_key(var, env)
                self.state.perturbed[key] = self.state.perturbed.get(key, ()) + (d,)
                added.append((d, n))
            self.state.version = next(_VERSIONS)
            jet = self.lift(self._eval(e.expr, env))
        finally:
            self.state.perturbed, self.state.orders, self.state.version = saved
        wanted = dict(added)
        out: dict = {}
        scale = math.prod(math.factorial(n) for _, n in added)
        for mono, c in jet.terms.items():
            powers = dict(mono)
            if any(powers.get(d, 0) != n for d, n in added):
                continue
            rest = tuple((d, p) for d, p in mono if d not in wanted)
            out[rest] = c * scale
        if () not in out:
            out[()] = self.a.num(0)
        result = Jet(out)
        return result.const if result.is_constant() else result

    def _test_function(self, e, env):
        """A function the document never defines: a claim about it must hold for every function,
        so it is evaluated as one fixed smooth function (a polynomial plus a sine, coefficients
        drawn from its name), the same wherever the name occurs."""
        args = [self._eval(a, env) for a in e.args]
        c = _function_coefficients(e.func.__name__, len(args))
        a = self.a
        total = a.num(c[0])
        phase = a.num(Fraction(1, 3))
        square = a.num(0)
        for n, z in enumerate(args):
            total = self.add(total, self.mul(a.num(c[1 + n]), z))
            square = self.add(square, z)
            phase = self.add(phase, self.mul(a.num(c[1 + len(args) + n]), z))
        total = self.add(total, self.mul(a.num(c[-2]), self.mul(square, square)))
        return self.add(total, self.mul(a.num(c[-1]), self.apply("sin", phase)))

    def _variable_key(self, var, env):
        if isinstance(var, AppliedUndef):
            return ("expr", var)
        if isinstance(var, Indexed):
            return ("a", var.base, tuple(self.integer(i, env) for i in var.indices))
        if isinstance(var, sp.Symbol) and not isinstance(var, Idx) and not var.is_integer:
            return ("s", var)
        raise Unsupported(f"a derivative with respect to {var}, which is not a real variable")

    # -- arithmetic on numbers and jets

    def lift(self, x) -> Jet:
        return x if isinstance(x, Jet) else Jet({(): x})

    def add(self, x, y):
        if not isinstance(x, Jet) and not isinstance(y, Jet):
            return x + y
        x, y = self.lift(x), self.lift(y)
        terms = dict(x.terms)
        for m, c in y.terms.items():
            terms[m] = terms[m] + c if m in terms else c
        return Jet(terms)

    def neg(self, x):
        if not isinstance(x, Jet):
            return -x
        return Jet({m: -c for m, c in x.terms.items()})

    def mul(self, x, y):
        if not isinstance(x, Jet) and not isinstance(y, Jet):
            return x * y
        if not isinstance(x, Jet):
            return Jet({m: x * c for m, c in y.terms.items()})
        if not isinstance(y, Jet):
            return Jet({m: y * c for m, c in x.terms.items()})
        orders = self.state.orders
        terms: dict = {}
        for m1, c1 in x.terms.items():
            for m2, c2 in y.terms.items():
                m = _mono_mul(m1, m2, orders) if m1 and m2 else (m1 or m2)
                if m is None:
                    continue
                terms[m] = terms[m] + c1 * c2 if m in terms else c1 * c2
        return Jet(terms)

    def reciprocal(self, x):
        c = x.const if isinstance(x, Jet) else x
        if self.a.sign(c) == 0:
            raise Undefined("division by zero")
        if not isinstance(x, Jet):
            return 1 / x
        # 1/(c + h) = sum (-h)^n / c^(n+1)
        return self._series(x, lambda n, c: (-1) ** n / c ** (n + 1))

    def div(self, x, y):
        return self.mul(x, self.reciprocal(y))

    def _series(self, x: Jet, coeff):
        """f(c + h) = sum_n coeff(n, c) h^n over the nilpotent part h, to the highest power needed."""
        c = x.const
        h = Jet({m: v for m, v in x.terms.items() if m})
        top = sum(self.state.orders[d] for d in {d for m in h.terms for d, _ in m})
        total = Jet({(): coeff(0, c)})
        power = Jet({(): self.a.num(1)})
        for n in range(1, top + 1):
            power = self.mul(power, h)
            if not power.terms:
                break
            total = self.add(total, self.mul(power, coeff(n, c)))
        if () not in total.terms:
            total.terms[()] = self.a.num(0)
        return total

    def apply(self, name: str, x):
        a = self.a
        c = x.const if isinstance(x, Jet) else x
        if name == "log" and a.sign(c) <= 0:
            raise Undefined("the logarithm of a number that is not positive")
        if name == "exp" and self._huge(c):
            raise Undefined("an exponential beyond e^(10^6)")
        if not isinstance(x, Jet):
            out = getattr(a, name)(x)
            if not a.finite(out):
                raise Undefined(f"{name} overflows")
            return out
        if name == "exp":
            ec = a.exp(c)
            return self._series(x, lambda n, c: ec / math.factorial(n))
        if name == "log":
            lc = a.log(c)
            return self._series(x, lambda n, c: lc if n == 0 else (-1) ** (n - 1) / (n * c ** n))
        if name in ("sin", "cos"):
            s, co = a.sin(c), a.cos(c)
            cycle = [s, co, -s, -co] if name == "sin" else [co, -s, -co, s]
            return self._series(x, lambda n, c: cycle[n % 4] / math.factorial(n))
        if name == "atan":
            t = a.atan(c)
            r = 1 / (1 + c * c)
            # d^n/dx^n atan(x) = (-1)^(n-1) (n-1)! sin(n (pi/2 - atan x)) (1 + x^2)^(-n/2)
            return self._series(x, lambda n, c: t if n == 0 else
                                (-1) ** (n - 1) * a.sin(n * (a.pi() / 2 - t)) * r ** (a.num(n) / 2) / n)
        if name == "erf":
            # d^n/dx^n erf(x) = 2/sqrt(pi) (-1)^(n-1) H_{n-1}(x) e^{-x^2}, H the physicists' Hermite polynomials
            ec, g = a.erf(c), 2 / a.ctx.sqrt(a.pi()) * a.exp(-c * c)
            hermite = [a.num(1), 2 * c]

            def coeff(n, c):
                if n == 0:
                    return ec
                while len(hermite) < n:
                    k = len(hermite) - 1
                    hermite.append(2 * c * hermite[k] - 2 * k * hermite[k - 1])
                return g * (-1) ** (n - 1) * hermite[n - 1] / math.factorial(n)
            return self._series(x, coeff)
        raise Unsupported(f"the function {name}")

    def _huge(self, c) -> bool:
        bound = 10 ** 6
        if self.a.certified:
            return bool(c.b > bound or c.a < -bound)
        return bool(abs(c) > bound)

    def branch_sign(self, x) -> int:
        """The sign of x where a function changes branch; a derivative across the change is undefined."""
        c = x.const if isinstance(x, Jet) else x
        s = self.a.sign(c)
        if s == 0 and isinstance(x, Jet) and not x.is_constant():
            raise Undefined("a derivative at a point where the function changes branch")
        return s

    def _abs(self, x):
        s = self.branch_sign(x)
        return self.neg(x) if s < 0 else (x if s > 0 else self.a.num(0))

    def _floor(self, x):
        """The whole number k with k <= x < k + 1, each order decided as a branch's sign is (certified, or uncertain);
        at a whole number the floor jumps, and a derivative there is undefined."""
        c = x.const if isinstance(x, Jet) else x
        near = getattr(c, "a", c)
        try:
            guess = math.floor(float(near))
        except (TypeError, ValueError, OverflowError):
            raise Unsupported("the floor of a value that is no finite number") from None
        for k in (guess - 1, guess, guess + 1):
            if self.branch_sign(self.add(x, self.neg(self.a.num(k)))) >= 0 \
                    and self.branch_sign(self.add(x, self.neg(self.a.num(k + 1)))) < 0:
                return self.a.num(k)
        raise Unsupported("the floor could not be placed between two whole numbers")

    def _extremum(self, e, env):
        args = [self._eval(t, env) for t in e.args]
        best = args[0]
        for other in args[1:]:
            s = self.branch_sign(self.add(other, self.neg(best)))
            if (s > 0) == isinstance(e, sp.Max) and s != 0:
                best = other
        return best

    def holds(self, cond) -> bool:
        """A condition of the claim's domain at this point (raises Undefined where it cannot be told)."""
        return self._truth(cond, {})

    def _truth(self, cond, env) -> bool:
        if cond is sp.true or cond == True:  # noqa: E712 - SymPy's true
            return True
        if cond is sp.false or cond == False:  # noqa: E712
            return False
        if isinstance(cond, sp.And):
            return all(self._truth(c, env) for c in cond.args)
        if isinstance(cond, sp.Or):
            return any(self._truth(c, env) for c in cond.args)
        if isinstance(cond, sp.Not):
            return not self._truth(cond.args[0], env)
        test = _RELATIONS.get(type(cond))
        if test is None:
            raise Unsupported(f"the condition {sp.sstr(cond)[:40]}")
        diff = self.add(self._eval(cond.lhs, env), self.neg(self._eval(cond.rhs, env)))
        return test(self.branch_sign(diff))

    def _pow(self, e, env):
        a = self.a
        base, expo = e.args
        x = self._eval(base, env)
        c = x.const if isinstance(x, Jet) else x
        if not expo.is_Number and expo.free_symbols and all(v.is_integer for v in expo.free_symbols):
            # an exponent made of indices and sizes ((-1)^k, 2^{n+1}) is an exact integer at each point
            expo = sp.Integer(self.integer(expo, env))
        if expo.is_Integer:
            n = int(expo)
            if n == 0:
                return a.num(1)
            if abs(n) > 4096:
                raise Unsupported(f"the power {n} is too large to evaluate")
            out = self._int_power(x, abs(n))
            return out if n > 0 else self.reciprocal(out)
        s = a.sign(c)
        if expo.is_Rational:
            p = Fraction(int(expo.p), int(expo.q))
            if s < 0:
                raise Undefined("a fractional power of a negative number")
            if s == 0:
                if p < 0:
                    raise Undefined("division by zero")
                if isinstance(x, Jet) and not x.is_constant():
                    raise Undefined("a derivative of a fractional power at 0")
                return a.num(0)
            pv = a.num(p)
            if not isinstance(x, Jet):
                return a.exp(pv * a.log(x))
            cp = a.exp(pv * a.log(c))

            def coeff(n, c):
                falling = math.prod((p - k) for k in range(n))
                return cp * a.num(Fraction(falling) / math.factorial(n)) / c ** n
            return self._series(x, coeff)
        # a power with a variable exponent: b^y = e^{y log b}, b > 0
        if s <= 0:
            raise Undefined("a variable power of a number that is not positive")
        y = self._eval(expo, env)
        return self.apply("exp", self.mul(y, self.apply("log", x)))

    def _int_power(self, x, n):
        result, base = None, x
        while n:
            if n & 1:
                result = base if result is None else self.mul(result, base)
            n >>= 1
            if n:
                base = self.mul(base, base)
        return result


_VERSIONS = itertools.count(1)


def _function_coefficients(name: str, arity: int) -> list[Fraction]:
    seed = int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big")
    rng = random.Random(seed)
    return [Fraction(rng.randint(-384, 384) or 1, 256) for _ in range(2 * arity + 3)]


def test_function_text(name: str, arity: int) -> str:
    """The fixed function the referee evaluates ``name`` as, in plain text: name(z) = ..."""
    c = _function_coefficients(name, arity)
    zs = ["z"] if arity == 1 else [f"z{n + 1}" for n in range(arity)]
    total = " + ".join(zs) if arity > 1 else "z"

    def num(q: Fraction) -> str:
        return str(q.numerator) if q.denominator == 1 else f"{q.numerator}/{q.denominator}"

    terms = [num(c[0])] + [f"({num(c[1 + n])}){z}" for n, z in enumerate(zs)]
    terms.append(f"({num(c[-2])})({total})^2")
    phase = " + ".join(f"({num(c[1 + arity + n])}){z}" for n, z in enumerate(zs))
    terms.append(f"({num(c[-1])}) sin({phase} + 1/3)")
    return f"{name}({', '.join(zs)}) = " + " + ".join(terms)


def array_extents(exprs, sizes) -> dict:
    """Each array's length along each axis, where every index that subscripts it there runs up to
    the same size expression (x_j with j in 1..N: x has N entries). An entry beyond it does not
    exist, and a point that needs one is undefined."""
    sizes = set(sizes)
    seen: dict = {}
    for e in exprs:
        for a in sp.sympify(e).atoms(Indexed):
            for pos, i in enumerate(a.indices):
                if isinstance(i, Idx) and i.upper is not None and i.upper.free_symbols <= sizes:
                    seen.setdefault((a.base, pos), set()).add(i.upper)
                elif not isinstance(i, Idx) and not i.is_number and (reach := _reach(i)) is not None \
                        and reach.free_symbols <= sizes:
                    # x_N, x_{j+1} with j in 1..N-1: entries up to N exist
                    seen.setdefault((a.base, pos), set()).add(reach)
    extents: dict = {}
    for (base, pos), uppers in seen.items():
        rank = max(p for b, p in seen if b == base) + 1
        axes = extents.setdefault(base, [None] * rank)
        if len(uppers) == 1:
            axes[pos] = next(iter(uppers))
    return {b: tuple(axes) for b, axes in extents.items()}


def _reach(index: sp.Expr) -> sp.Expr | None:
    """The largest value of an index written as a sum's index plus or minus sizes and numbers (j + 1 with j in
    1..N-1: N), or the index itself when it has no sum's index; None for anything else."""
    index = sp.expand(index)
    for _ in range(8):
        idxs = [s for s in index.free_symbols if isinstance(s, Idx)]
        if not idxs:
            return index
        for idx in idxs:
            c = index.coeff(idx)
            if c not in (1, -1) or idx.lower is None or idx.upper is None:
                return None
            index = sp.expand(index.subs(idx, idx.upper if c == 1 else idx.lower))
    return None


def _frozen(v):
    # env values are ints (indices) or ("value", number) for substituted variables; numbers of
    # either arithmetic hash by identity-safe repr where they do not hash.
    if isinstance(v, tuple):
        return ("value", id(v[1]))
    return v
