"""The verifier: decides one check at a time and says how strong its decision is.

Stages, strongest first, each under its share of the time limit:

1. symbolic, for every size: the difference of the two sides, derivatives carried out, is brought
   to the sum normal form in every case of equalities among the free indices; zero in every
   case is a proof. Sizes at which a sum's range could be reversed are split off as cases.
2. concrete, N = 1..K: sums expanded at each size and each index value, exact zero test; a
   nonzero instance is searched for a counterexample with simple values.
3. numeric: agreement at random points, reported as evidence only.

Every proof is cross-checked, and every counterexample certified, by the referee
(derive.referee), which evaluates the claim as it was read with none of the rewriting above; a
proof it contradicts is an internal error. The verifier never prints; anything a stage raises
becomes an 'unknown' result with the reason.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import itertools
import math
import random
import signal
import threading
import time
from fractions import Fraction
from dataclasses import dataclass, field

import mpmath
import re

import sympy as sp
from sympy import Idx, Indexed, KroneckerDelta
from sympy.core.function import AppliedUndef

from . import concrete as C
from .errors import StageTimeout, Unsupported
from .model import BY_MATRIX_SHAPE, Assumptions, Axis, Check, Side, Verdict
from .normal import evaluate_derivatives, exp_form, is_zero, lowest, normalize, rename_dummies
from .notation import TooLargeToWriteOut, fresh_index, unfold
from .evaluate import Claim, Values, test_function_text
from .referee import AGREEMENT_DIGITS, ORDERS, Referee, Separation, point_values, random_value
from .results import Assignment, CheckResult, Counterexample, Value

__all__ = ["verify_check", "Settings", "prepare"]


@dataclass(frozen=True)
class Settings:
    """How hard the verifier tries: time limit per check, largest size K, sample counts."""

    timeout: float = 30.0
    max_size: int = 4
    max_instances: int = 48
    random_points: int = 6
    symbolic_share: float = 0.5
    concrete_share: float = 0.35


# --- time limits -----------------------------------------------------------------------------

_ALARM_REPEAT = 0.2  # seconds between the alarms after the first, until the limited block ends
_ENDS: list = []  # the end of every time limit in force, innermost last (never later than the one around it)


@contextlib.contextmanager
def time_limit(seconds: float):
    """Raise StageTimeout in the block after ``seconds``, or sooner where a limit around it ends first (main
    thread only; elsewhere no limit). The alarm repeats until the block ends: one raised where Python cannot
    pass it on (inside a finaliser or weak-reference callback the garbage collector runs, where it is printed
    and dropped) or caught by code that catches every exception would otherwise leave the stage running
    without a limit."""
    if seconds <= 0:
        raise StageTimeout("no time left")
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    now = time.perf_counter()
    end = min([now + seconds] + _ENDS[-1:])
    if math.isinf(end):
        yield  # (no limit: an endless time limit)
        return

    def on_alarm(signum, frame):
        if _ENDS and time.perf_counter() >= _ENDS[-1] - 1e-3:
            raise StageTimeout("the time limit was reached")

    previous = signal.signal(signal.SIGALRM, on_alarm) if not _ENDS else None
    _ENDS.append(end)
    signal.setitimer(signal.ITIMER_REAL, max(end - now, 1e-3), _ALARM_REPEAT)
    try:
        yield
    finally:
        _ENDS.pop()
        if _ENDS:  # (the limit around this one goes on: its alarm, at its own end)
            signal.setitimer(signal.ITIMER_REAL, max(_ENDS[-1] - time.perf_counter(), 1e-3), _ALARM_REPEAT)
        else:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


class _Clock:
    def __init__(self, total: float):
        self.start = time.perf_counter()
        self.total = total

    def left(self) -> float:
        return self.total - (time.perf_counter() - self.start)

    def elapsed(self) -> float:
        return time.perf_counter() - self.start


# --- preparing the two sides -----------------------------------------------------------------

def prepare(expr: sp.Expr, assume: Assumptions) -> sp.Expr:
    """Unfold definitions, give every dummy a fresh name, then write one-hot vectors as Kronecker
    deltas and identify indices assumed equal.

    The dummies are renamed before anything is substituted, so that no rewrite can capture a
    bound index: in sum_t y_t with y one-hot at t, the dummy t is not the class t.
    """
    # Before unfolding too: a definition's free names must not be captured by the sums around its use.
    # A number's value (z = 0, under "at z = 0") is put in after the derivatives are taken: d/dz at z = 0.
    # (and an example's numbers for a vector's entries, x = (1, 3): d/dx_1 at that x)
    values = tuple(d for d in assume.definitions if not d.indices and isinstance(d.name, sp.Symbol)
                   and sp.sympify(d.body).is_number
                   or d.indices and not sp.sympify(d.body).free_symbols - set(d.indices))
    others = tuple(d for d in assume.definitions if d not in values)
    e = unfold(rename_dummies(sp.sympify(expr), stem="_p"), others)
    if values and e.has(sp.Derivative):
        e = evaluate_derivatives(e)
    e = rename_dummies(unfold(e, values))
    for base, hot in assume.onehot:
        e = e.replace(lambda a, b=base: isinstance(a, Indexed) and a.base == b,
                      lambda a, h=hot: KroneckerDelta(a.indices[0], h))
    for a, b in assume.equal:
        e = e.xreplace({b: a})
    return e


@dataclass
class _Aligned:
    lhs: sp.Expr
    rhs: sp.Expr
    conventions: list[str] = field(default_factory=list)
    mismatch: str = ""
    mapping_l: dict = field(default_factory=dict)
    mapping_r: dict = field(default_factory=dict)


def _shape_text(shape) -> str:
    if not shape:
        return "a scalar"
    if len(shape) == 1:
        return f"a vector of length {shape[0]}"
    return "×".join(str(s) for s in shape)


_AXIS_LETTERS = ("i", "j", "k", "l", "m", "n", "p", "q", "r", "s")


def _row_against_column(ls, rs) -> bool:
    """One shape a row (1 x n, n not 1), the other that column (n or n x 1)."""
    def row(s):
        return len(s) == 2 and s[0] == 1 and s[1] != 1

    def column(s, n):
        return tuple(s) in ((n,), (n, 1))
    return (row(ls) and column(rs, ls[1])) or (row(rs) and column(ls, rs[1]))


def _align(lhs: Side, rhs: Side, lhs_e: sp.Expr, rhs_e: sp.Expr, also=(), as_written: bool = False,
           columns: bool = False, transposable: bool = True) -> _Aligned:
    """Match the axes of the two sides; both sides' axis indices become one fresh index per axis.

    The fresh index is a name no expression uses, so comparing entry by entry can never identify
    an axis with an index that already means something (a hot class, a free index of one side).
    Matrices of transposed shapes are compared under transposition only where ``transposable`` (a derivative's
    layout is a convention; u v^T against v u^T written out is no convention but a different matrix; a row
    against a column stays one).
    """
    conventions = list(dict.fromkeys(lhs.conventions + rhs.conventions))
    for zero, other in ((lhs, rhs), (rhs, lhs)):
        if not zero.axes and other.axes and sp.sympify(zero.expr) == 0:
            # Ax - Ax = 0, \nabla f = 0: the 0 is the zero of the other side's shape, compared entry by entry
            return _Aligned(lhs_e, rhs_e, conventions)
    if lhs.shape == rhs.shape:
        pairs = list(zip(lhs.axes, rhs.axes))
    elif as_written and len(lhs.axes) == len(rhs.axes) == 2 and lhs.shape != rhs.shape:
        # the document says its layout: a Jacobian's shape is what it says, and a transposed one differs
        return _Aligned(lhs_e, rhs_e, conventions, mismatch=f"shapes differ in the layout the document says: left is "
                        f"{_shape_text(lhs.shape)}, right is {_shape_text(rhs.shape)}")
    elif columns and len(lhs.axes) == len(rhs.axes) == 2 and lhs.shape != rhs.shape \
            and any(BY_MATRIX_SHAPE in c for c in conventions):
        # the document says a gradient has its variable's shape: d f / d X of X's shape, never transposed
        return _Aligned(lhs_e, rhs_e, conventions, mismatch=f"shapes differ, where the document says a gradient has "
                        f"its variable's shape: left is {_shape_text(lhs.shape)}, right is {_shape_text(rhs.shape)}")
    elif columns and _row_against_column(tuple(lhs.shape), tuple(rhs.shape)):
        # the document says a gradient is a column vector: a row is not one
        return _Aligned(lhs_e, rhs_e, conventions, mismatch=f"a row against a column, where the document says a "
                        f"gradient is a column vector: left is {_shape_text(lhs.shape)}, right is {_shape_text(rhs.shape)}")
    elif not transposable and len(lhs.axes) == len(rhs.axes) == 2 and 1 not in lhs.shape and 1 not in rhs.shape:
        return _Aligned(lhs_e, rhs_e, conventions,
                        mismatch=f"shapes differ: left is {_shape_text(lhs.shape)}, right is {_shape_text(rhs.shape)}")
    elif len(lhs.axes) == len(rhs.axes) == 2 and lhs.shape == rhs.shape[::-1]:
        conventions.append(f"transposition (left {_shape_text(lhs.shape)}, right {_shape_text(rhs.shape)})")
        pairs = list(zip(lhs.axes, rhs.axes[::-1]))
    else:
        squeeze_l = [a for a in lhs.axes if a.size != 1]
        squeeze_r = [a for a in rhs.axes if a.size != 1]
        if [a.size for a in squeeze_l] != [a.size for a in squeeze_r]:
            return _Aligned(lhs_e, rhs_e, conventions,
                            mismatch=f"shapes differ: left is {_shape_text(lhs.shape)}, right is {_shape_text(rhs.shape)}")
        conventions.append(f"transposition (left {_shape_text(lhs.shape)}, right {_shape_text(rhs.shape)})")
        pairs = list(zip(squeeze_l, squeeze_r))
    in_l = {str(s) for s in lhs_e.atoms(sp.Symbol)}
    in_r = {str(s) for s in rhs_e.atoms(sp.Symbol)}
    taken = in_l | in_r | {str(s) for e in also for s in e.atoms(sp.Symbol)}
    in_r |= {str(s) for s in also[1].atoms(sp.Symbol)} if also else set()
    map_l, map_r = {}, {}
    for l, r in pairs:
        if l.index is None or r.index is None:
            continue
        if r.index == l.index:
            continue  # the same index on both sides: nothing to identify
        name = str(l.index)
        if name in in_r:
            # the left axis's letter means something else on the right: a fresh one for both
            name = next(c for c in itertools.chain(_AXIS_LETTERS, (f"i_{n}" for n in itertools.count()))
                        if c not in taken)
        taken.add(name)
        axis = Idx(name, (l.index.lower, l.index.upper))
        if axis != l.index:
            map_l[l.index] = axis
        map_r[r.index] = axis
    return _Aligned(lhs_e.xreplace(map_l), rhs_e.xreplace(map_r), conventions, mapping_l=map_l, mapping_r=map_r)


# --- case splits over free indices -----------------------------------------------------------

def _partitions(items):
    if not items:
        yield []
        return
    first, rest = items[0], items[1:]
    for part in _partitions(rest):
        for n in range(len(part)):
            yield part[:n] + [[first] + part[n]] + part[n + 1:]
        yield [[first]] + part


def _cases(indices, distinct_pairs):
    """Every pattern of equalities among free indices of the same range, minus excluded ones."""
    groups: dict = {}
    for idx in indices:
        groups.setdefault((idx.lower, idx.upper), []).append(idx)
    forbidden = {frozenset(p) for p in distinct_pairs}
    per_group = [list(_partitions(g)) for g in groups.values()]
    for combo in itertools.product(*per_group):
        blocks = [b for part in combo for b in part]
        if any(any(frozenset((a, b)) in forbidden for a, b in itertools.combinations(block, 2)) for block in blocks):
            continue
        merge = {m: block[0] for block in blocks for m in block[1:]}
        distinct = [(x[0], y[0]) for x, y in itertools.combinations(blocks, 2)]
        yield merge, distinct


def _case_text(merge) -> str:
    return ", ".join(f"{b} = {a}" for b, a in merge.items())


# --- the stages ------------------------------------------------------------------------------

def _sum_ranges(expr: sp.Expr, context: dict | None = None):
    """Every sum's (lower, upper) bounds, with the ranges of the sums around it: {dummy: (lo, hi)}."""
    context = context or {}
    if isinstance(expr, (sp.Sum, sp.Product)):
        inner = dict(context)
        for var, lo, hi in reversed(expr.limits):  # outermost first
            yield lo, hi, dict(inner)
            inner[var] = (lo, hi)
        yield from _sum_ranges(expr.function, inner)
        return
    for arg in expr.args:
        if isinstance(arg, sp.Basic) and not isinstance(arg, (Idx, Indexed)):
            yield from _sum_ranges(arg, context)


def _range_plan(expr: sp.Expr, indices, sizes):
    """Where every sum of expr has hi >= lo - 1, so that its term count hi - lo + 1 is right.

    Returns ({}, "") when that holds at every size >= 1; ({size: m}, "") when it holds once that
    size is at least m (the smaller sizes are then split off as cases); (None, reason) otherwise.
    """
    thresholds: dict = {}
    for lo, hi, context in _sum_ranges(expr):
        if lo.is_Integer and hi.is_Integer:
            continue  # a fixed range, empty or not, is summed as it stands
        low = lowest(sp.expand(hi - lo + 1), context, indices)
        if low is None:
            return None, f"cannot tell whether the range {lo}..{hi} can be reversed"
        coeffs = {s: low.coeff(s) for s in low.free_symbols}
        if set(coeffs) - set(sizes) or (coeffs and sp.Poly(low, *coeffs).total_degree() > 1):
            return None, f"cannot tell whether the range {lo}..{hi} can be reversed"
        const = low.xreplace({s: 0 for s in coeffs})
        if any(c < 0 for c in coeffs.values()):
            return None, f"the range {lo}..{hi} can be reversed for some sizes"
        at_one = const + sum(coeffs.values())
        if at_one >= 0:
            continue
        growing = [s for s, c in coeffs.items() if c > 0]
        if len(growing) != 1:
            return None, f"the range {lo}..{hi} is reversed at small sizes"
        s = growing[0]
        need = int(sp.ceiling(-(at_one - coeffs[s]) / coeffs[s]))
        thresholds[s] = max(thresholds.get(s, 1), need)
    return thresholds, ""


def _symbolic(diff: sp.Expr, indices, distinct, sizes, depth: int = 0) -> tuple[bool, str]:
    """The difference is 0 for every size and every case of equal free indices."""
    d = evaluate_derivatives(diff)
    thresholds, why = _range_plan(d, indices, sizes)
    if thresholds is None:
        return False, why
    if thresholds:
        if depth > 3:
            return False, "too many small sizes to split off"
        size, m = sorted(thresholds.items(), key=lambda kv: str(kv[0]))[0]
        big = sp.Dummy(str(size), integer=True, positive=True)
        cases = [(size + 0, {size: big + (m - 1)}, f"{size} ≥ {m}")]
        cases += [(v, {size: sp.Integer(v)}, f"{size} = {v}") for v in range(1, m)]
        for _, sub, text in cases:
            sub_indices = [i.xreplace(sub) for i in indices]
            sub_distinct = [(a.xreplace(sub), b.xreplace(sub)) for a, b in distinct]
            sub_sizes = [s for s in sizes if s != size] + ([big] if big in sub[size].free_symbols else [])
            ok, how = _symbolic(d.xreplace(sub), sub_indices, sub_distinct, sub_sizes, depth + 1)
            if not ok:
                return False, f"{how} (where {text})"
        return True, f"split at {size} < {m}, where a range is empty"
    if d.has(sp.Piecewise):
        return _split_at_kinks(d, indices, distinct, sizes, depth)
    n_cases = 0
    for merge, distinct_here in _cases(indices, distinct):
        n_cases += 1
        normal = normalize(d.xreplace(merge), list(distinct_here) + list(distinct))
        if not is_zero(normal) and not _zero_in_exp_form(d.xreplace(merge), list(distinct_here) + list(distinct)):
            where = f" in the case {_case_text(merge)}" if merge else ""
            if d.has(*_KINKS) and depth == 0:
                # |x|, max(x, 0): on each side of the kink the function is one formula
                ok, how = _split_at_kinks(d, indices, distinct, sizes, depth)
                if ok:
                    return ok, how
            return False, f"the difference does not reduce to 0{where}"
    return True, f"{n_cases} case{'s' if n_cases != 1 else ''} of equal/distinct indices" if n_cases > 1 else ""


_KINKS = (sp.Piecewise, sp.Abs, sp.Max, sp.Min, sp.Heaviside, sp.sign)


def _split_at_kinks(d: sp.Expr, indices, distinct, sizes, depth: int) -> tuple[bool, str]:
    """The difference is 0 on each side of the one point where its cases change, and at that point."""
    split = _branch_split(d)
    if split is None:
        return False, "a function defined by cases (or |x|, max) whose cases are not split on one number"
    if depth > 3:
        return False, "too many cases to split"
    for sub, text in split:
        part = d.xreplace(sub)
        if part.has(sp.nan, sp.zoo) and not any(isinstance(v, sp.Dummy) for v in sub.values()):
            continue  # at the point itself a side is undefined (x / |x| at x = 0): nothing is claimed there
        if part.has(*_KINKS):
            return False, f"a function defined by cases (or |x|, max) whose case is not decided where {text}"
        ok, how = _symbolic(part, indices, distinct, sizes, depth + 1)
        if not ok:
            return False, f"{how} (where {text})"
    return True, "split where the cases change: " + ", ".join(text for _, text in split)


def _branch_split(d: sp.Expr):
    """The regions the kinks of d split the line into, when each kink (a condition of a function
    defined by cases, |u|, max(u, v)) is where one real symbol s equals one number p, the same for all:
    [(substitution, text)] for s < p, s = p, s > p (s = p - t, p, p + t with t > 0, so that every case
    is decided); None otherwise."""
    if d.has(sp.Derivative, sp.Subs):
        return None  # a substitution must not reach a derivative's variable
    gaps = []
    for piecewise in d.atoms(sp.Piecewise):
        for _, cond in piecewise.args:
            if cond not in (sp.true, True):
                gaps += [rel.lhs - rel.rhs for rel in sp.sympify(cond).atoms(sp.core.relational.Relational)]
    gaps += [a.args[0] for a in d.atoms(sp.Abs, sp.Heaviside, sp.sign)]
    gaps += [a - b for m in d.atoms(sp.Max, sp.Min) for a, b in itertools.combinations(m.args, 2)]
    symbols, points = set(), set()
    for gap in gaps:
        if len(gap.free_symbols) != 1:
            return None
        (x,) = gap.free_symbols
        slope = sp.diff(gap, x)
        if not (isinstance(x, sp.Symbol) and x.is_real and slope.is_number and slope != 0):
            return None
        symbols.add(x)
        points.add(sp.nsimplify(-gap.subs(x, 0) / slope))
    if len(symbols) != 1 or len(points) != 1 or not all(p.is_Rational for p in points):
        return None
    (x,), (p,) = symbols, points
    t = sp.Dummy(x.name, positive=True)
    return [({x: p - t}, f"{x} < {p}"), ({x: p}, f"{x} = {p}"), ({x: p + t}, f"{x} > {p}")]


def _zero_in_exp_form(d: sp.Expr, distinct) -> bool:
    """The difference is 0 once sinh, cosh and tanh are written with exponentials (tanh' = 1 - tanh^2), or then
    sin, cos and tan with complex ones (sin 2t = 2 sin t cos t).

    Tried second: in a sum over j, tanh(w_j) is best left an atom.
    """
    e = exp_form(d)
    if e != d and is_zero(normalize(e, distinct)):
        return True
    if not e.has(*_TRIGONOMETRIC):
        return False
    # sin, cos, tan with complex exponentials: 1 + cos t = 2 cos^2(t/2) is then a rational identity in e^{it/2}
    e = e.replace(lambda a: isinstance(a, _TRIGONOMETRIC), lambda a: a.rewrite(sp.exp))
    return is_zero(normalize(e, distinct))


_TRIGONOMETRIC = (sp.sin, sp.cos, sp.tan, sp.cot, sp.sec, sp.csc)


def _allowed(assignment: dict, assume: Assumptions) -> bool:
    return all(assignment.get(a) != assignment.get(b) for a, b in assume.distinct
               if a in assignment and b in assignment)


def _format_value(v) -> Value:
    """A variable's value (an exact number the search chose), or undefined."""
    return Value.of(v) if v is not None else Value(None)


def _format_point(point: dict) -> dict[str, Assignment]:
    arrays: dict = {}
    scalars: dict = {}
    for var, val in point.items():
        if isinstance(var, Indexed):
            arrays.setdefault(str(var.base), {})[tuple(int(i) for i in var.indices)] = val
        else:
            scalars[str(var)] = val
    out = {}
    for name in sorted(arrays):
        entries = arrays[name]
        rank = len(next(iter(entries)))
        shape = tuple(max(k[axis] for k in entries) for axis in range(rank))
        cells = itertools.product(*(range(1, n + 1) for n in shape))
        out[name] = Assignment(name, shape, tuple(_format_value(entries.get(c, sp.Integer(0))) for c in cells))
    for name in sorted(scalars):
        out[name] = Assignment(name, (), (_format_value(scalars[name]),))
    return out


@dataclass(frozen=True)
class EntrySet:
    """The numbers an array's entries lie in, as the document says: a finite set ("{-1, 1}") or an interval
    ("(0, 1)", "[0, 1)"). ``candidates`` are simple members a search draws from, ``holds`` tests one value."""

    members: tuple[sp.Rational, ...] = ()
    low: sp.Rational | None = None
    high: sp.Rational | None = None
    closed: tuple[bool, bool] = (False, False)

    @classmethod
    def read(cls, spec: str) -> "EntrySet":
        spec = spec.strip()
        if spec.startswith("{"):
            return cls(members=tuple(sp.Rational(v.strip()) for v in spec[1:-1].split(",")))
        low, high = (sp.Rational(v.strip()) for v in spec[1:-1].split(","))
        return cls(low=low, high=high, closed=(spec[0] == "[", spec[-1] == "]"))

    def holds(self, value) -> bool:
        if value is None or not isinstance(value, sp.Basic) or not value.is_Rational:
            return False
        if self.members:
            return value in self.members
        return (self.low < value or self.closed[0] and value == self.low) \
            and (value < self.high or self.closed[1] and value == self.high)

    @property
    def candidates(self) -> tuple:
        if self.members:
            return tuple(Fraction(int(m.p), int(m.q)) if m.q != 1 else int(m) for m in self.members)
        span = self.high - self.low
        inner = [self.low + span * sp.Rational(k, d) for k, d in ((1, 2), (1, 3), (2, 3), (1, 4), (3, 4))]
        ends = [e for e, c in zip((self.low, self.high), self.closed) if c]
        return tuple(Fraction(int(v.p), int(v.q)) if v.q != 1 else int(v) for v in ends + inner)


def _search(referee: Referee, L: sp.Expr, R: sp.Expr, sizes, assignment, rng: random.Random, tries: int = 24,
            domains: "dict[str, EntrySet] | None" = None):
    """Simple values where the sides as read certainly differ, minimised towards zeros and ones.

    Candidates range over the variables of the prepared instance; the referee evaluates the
    sides as read and certifies the difference with interval arithmetic. Returns (point,
    separation) or None. ``domains`` (an array's name -> the values its entries take) keeps those
    entries in their set: a candidate's value outside it is replaced by one of the set's.
    """
    names = C.variables(L, R)
    domains = domains or {}
    allowed = [domains[str(n.base)].candidates if isinstance(n, Indexed) and str(n.base) in domains else None
               for n in names]
    for count, candidate in enumerate(C.simple_points(names, rng, tries)):
        candidate = [c if vals is None or c in vals else vals[(m + count) % len(vals)] if count < 4 else rng.choice(vals)
                     for m, (c, vals) in enumerate(zip(candidate, allowed))]
        point = {name: sp.Rational(c.numerator, c.denominator) if isinstance(c, Fraction) else sp.Integer(c)
                 for name, c in zip(names, candidate)}
        found = referee.certify(sizes, assignment, point_values(point), deep=True)
        if found:
            return _minimise(referee, sizes, assignment, point, found, domains)
    return None


def _off_the_jumps(referee: Referee, L, R, sizes, assignment, point, found):
    """The counterexample, or one beside it, where no sign or step function is at its jump: sign(0) and H(0) are
    conventions (sign(w) of a binarisation is +1 or -1), so a claim that fails only there is not refuted. None
    when every point tried beside it satisfies the claim."""
    jumps = [a.args[0] for e in (L, R) if isinstance(e, sp.Basic) for a in e.atoms(sp.sign, sp.Heaviside)]
    if not jumps:
        return point, found

    def at_a_jump(p) -> bool:
        return any(sp.sympify(j).xreplace(p) == 0 for j in jumps)

    if not at_a_jump(point):
        return point, found
    for shift in (sp.Rational(1, 3), sp.Rational(-1, 3), sp.Rational(2, 7)):
        trial = {var: (value + shift if value == 0 else value) for var, value in point.items()}
        if at_a_jump(trial):
            continue
        better = referee.certify(sizes, assignment, point_values(trial), deep=True)
        if better:
            return trial, better
    return None


def _minimise(referee: Referee, sizes, assignment, point, found, domains: dict | None = None):
    for var in list(point):
        for simpler in (sp.Integer(0), sp.Integer(1)):
            if point[var] == simpler or abs(point[var]) < abs(simpler):
                continue
            if isinstance(var, Indexed) and str(var.base) in (domains or {}) and not domains[str(var.base)].holds(simpler):
                continue
            trial = {**point, var: simpler}
            better = referee.certify(sizes, assignment, point_values(trial), deep=True)
            if better:
                point, found = trial, better
                break
    return point, found


def _exact_value(exact: sp.Expr | None, enclosure) -> sp.Expr | None:
    """The prepared instance's exact value, when it is a small elementary number and SymPy's value
    of it lies in the certified enclosure (else only the certified decimal is shown)."""
    if exact is None or not exact.is_number or exact.has(sp.Sum, sp.Derivative, sp.Integral, sp.Product):
        return None
    if sp.count_ops(exact) > 40:
        return None
    try:
        value = sp.N(exact, C.PRECISION)
        if not value.is_real:
            return None
        v = mpmath.mpf(str(value))
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    slack = mpmath.mpf(10) ** (-(C.PRECISION // 2)) * max(1, abs(v))
    if not (enclosure.a - slack <= v <= enclosure.b + slack):
        return None
    return exact


def _side_value(exact: sp.Expr | None, enclosure) -> Value:
    middle = sp.Float(mpmath.nstr(mpmath.mpf(enclosure.mid), 40), 40)
    return Value.of(_exact_value(exact, enclosure), middle)


def _counterexample(L, R, sizes, indices, point, found: Separation) -> Counterexample:
    p = C.Point(point)
    return Counterexample(
        sizes={str(k): int(v) for k, v in sizes.items()},
        indices={str(k): int(v) for k, v in indices.items()},
        values=_format_point(point),
        lhs=_side_value(p.apply(L) if L is not None else None, found.lhs),
        rhs=_side_value(p.apply(R) if R is not None else None, found.rhs),
    )


def _point_of(given: dict) -> dict:
    """{('a', base, (i,)) or ('s', x): Fraction} back to {Indexed or Symbol: Rational}."""
    out = {}
    for key, v in given.items():
        value = sp.Rational(v.numerator, v.denominator)
        out[sp.Indexed(key[1], *key[2]) if key[0] == "a" else key[1]] = value
    return out


def _example_shapes(left: tuple, right: tuple) -> bool:
    """Two shapes of which one is all numbers (a written-out 2 x 2 matrix) and the other has sizes that may take
    those numbers (W of m x n): the comparison of a general name with an example of it."""
    for concrete, general in ((left, right), (right, left)):
        numbers = [sp.sympify(s) for s in concrete]
        sizes = [sp.sympify(s) for s in general]
        if all(n.is_Integer for n in numbers) and any(n > 1 for n in numbers) and len(numbers) == len(sizes) \
                and any(s.free_symbols for s in sizes) \
                and all(s == n or (s.free_symbols and not s.is_Integer) for s, n in zip(sizes, numbers)):
            return True
    return False


def _a_number_against_sizes(check: Check) -> bool:
    """dy/dx = \\frac12 \\cdot 1 + \\frac12 = 1 "for a one-dimensional layer": a side written in numbers alone against
    one whose shape is sizes only (n x n), which fit where every size is 1."""
    terms = (check.link_latex or "").split("=")
    if len(terms) != 2:
        return False
    for written, shape, other in ((terms[1], tuple(check.rhs.shape), tuple(check.lhs.shape)),
                                  (terms[0], tuple(check.lhs.shape), tuple(check.rhs.shape))):
        plain = _ARITHMETIC_COMMANDS.sub(" ", written)
        if shape or not plain.strip() or re.search(r"[A-Za-z\\]", plain) or not other:
            continue
        if all(sp.sympify(n).free_symbols and not sp.sympify(n).is_Integer for n in other):
            return True
    return False


def _at_fixed_sizes(check: Check) -> Check:
    """A claim whose sides' shapes are numbers on one side and sizes on the other (dL/dw of w in R^n against a
    written-out vector of 2 entries), where the document fixes those sizes for it (an example's "n = 2"): the
    sides at the sizes it fixes, so that the shapes are compared there."""
    shapes = (tuple(check.lhs.shape), tuple(check.rhs.shape))
    if shapes[0] == shapes[1] or not _example_shapes(*shapes):
        return check
    most = dict(check.most_sizes)
    fixed = {name: least for name, least in check.least_sizes if most.get(name) == least}
    symbols = {s for shape in shapes for n in shape for s in sp.sympify(n).free_symbols if str(s) in fixed}
    if not symbols:
        return check
    at = {s: sp.Integer(fixed[str(s)]) for s in symbols}

    def side(one: Side) -> Side:
        return dataclasses.replace(one, expr=sp.sympify(one.expr).xreplace(at),
                                   axes=tuple(Axis(sp.sympify(a.size).xreplace(at),
                                                   None if a.index is None else a.index.xreplace(at)) for a in one.axes),
                                   domain=tuple(c.xreplace(at) for c in one.domain))
    return dataclasses.replace(check, lhs=side(check.lhs), rhs=side(check.rhs))


def _scalar_at_fixed_sizes(check: Check) -> tuple[Check, str]:
    """A claim of numbers in sizes only (H^2 + HD + H = 16384 + 8192 + 128 "with (D, H) = (64, 128)"), where the
    document fixes those sizes for it: the sides at those sizes, which no search over small sizes would reach.
    Only where the sizes stand as numbers in the sides (no sum, entry or definition runs over them). With the
    sizes it fixed, as words for the verdict ("" where none)."""
    if (tuple(check.lhs.shape), tuple(check.rhs.shape)) != ((), ()):
        return check, ""
    most = dict(check.most_sizes)
    fixed = {name: least for name, least in check.least_sizes if most.get(name) == least}
    sides = [sp.sympify(check.lhs.expr), sp.sympify(check.rhs.expr)]
    symbols = {s for e in sides for s in e.free_symbols if str(s) in fixed}
    defined = {str(getattr(d.name, "label", d.name)) for d in check.assume.definitions}
    if not symbols or any(str(s) in defined for e in sides for s in e.free_symbols) or any(
            e.has(sp.Indexed, sp.Sum, sp.Product, sp.Derivative, sp.Integral, sp.Function) or any(
                isinstance(s, Idx) for s in e.free_symbols) for e in sides):
        return check, ""
    at = {s: sp.Integer(fixed[str(s)]) for s in symbols}
    words = "at the sizes the document gives (" + ", ".join(f"{k} = {v}" for k, v in sorted(at.items(), key=str)) + ")"
    return dataclasses.replace(check, lhs=dataclasses.replace(check.lhs, expr=sides[0].xreplace(at),
                                                              domain=tuple(c.xreplace(at) for c in check.lhs.domain)),
                               rhs=dataclasses.replace(check.rhs, expr=sides[1].xreplace(at),
                                                       domain=tuple(c.xreplace(at) for c in check.rhs.domain))), words


def _number_of_unfixed_sizes(check: Check) -> str:
    """Why a claim that a formula in sizes only is a number (r (d + k) = 65536, "for a 4096 x 4096 projection") is
    not checked: the sizes it is meant at are the document's, which it does not give where derive reads them, and a
    search over small sizes says nothing of them. "" where the claim is no such one, or the difference of its sides
    is free of the sizes (holds at every size or at none)."""
    if (tuple(check.lhs.shape), tuple(check.rhs.shape)) != ((), ()):
        return ""
    sides = [sp.sympify(check.lhs.expr), sp.sympify(check.rhs.expr)]
    if any(e.has(sp.Indexed, sp.Sum, sp.Product, sp.Derivative, sp.Integral, sp.Function) for e in sides):
        return ""
    if not any(not e.free_symbols for e in sides):
        return ""
    free = {x for e in sides for x in e.free_symbols}
    if not free or not all(C._is_size(x) for x in free) or not all(e.is_polynomial(*free) for e in sides):
        return ""  # ((-1)^n = 1 "for every n": a claim about every n, not a count at sizes)
    if not (sp.expand(sides[0] - sides[1]).free_symbols & free):
        return ""
    written = check.link_latex or check.latex
    if not all(re.search(r"(?<![A-Za-z\\])" + re.escape(str(x)) + r"(?![A-Za-z])", written) for x in free):
        return ""  # (Var(s) = 1 of an s whose variance is d: a claim about every d, which the sides do not write)
    shown = ", ".join(sorted(str(x) for x in free))
    return (f"not checked: a formula in the sizes {shown} said to be a number: the sizes it is meant at are not read; "
            f"say them (\"with $({shown}) = (...)$\")")


def _shape_counterexample(check: Check, params, settings: Settings) -> Counterexample:
    sizes_all = tuple(sorted(set(params.sizes) | {s for a in check.lhs.axes + check.rhs.axes
                                                   for s in sp.sympify(a.size).free_symbols}
                             | {s for n in tuple(check.lhs.shape) + tuple(check.rhs.shape)
                                for s in sp.sympify(n).free_symbols}, key=str))
    for sizes in C.size_combinations(sizes_all, settings.max_size, 1000):
        ls = tuple(int(sp.sympify(s).xreplace(sizes)) for s in check.lhs.shape)
        rs = tuple(int(sp.sympify(s).xreplace(sizes)) for s in check.rhs.shape)
        if not _shapes_fit(ls, rs) or (check.layout_declared and len(ls) == len(rs) == 2 and ls != rs) \
                or (check.gradient_columns and _row_against_column(ls, rs)):
            return Counterexample(sizes={str(k): int(v) for k, v in sizes.items()}, indices={},
                                  lhs_shape=_shape_text(ls), rhs_shape=_shape_text(rs),
                                  reason=f"the left side is {_shape_text(ls)}, the right side is {_shape_text(rs)}")
    return Counterexample({}, {}, lhs_shape=_shape_text(check.lhs.shape), rhs_shape=_shape_text(check.rhs.shape),
                          reason="the shapes differ")


def _misfit_outcome(check: Check, settings: Settings) -> "_Outcome | None":
    """A side whose operands' shapes do not fit: refuted at the smallest sizes where they do not,
    unknown when a side could not be translated (or no such sizes are found)."""
    for name, side in (("left", check.lhs), ("right", check.rhs)):
        if side.misfit is None:
            continue
        sizes_all = tuple(sorted({s for shape in side.misfit.shapes for n in shape
                                  for s in sp.sympify(n).free_symbols}, key=str))
        for sizes in C.size_combinations(sizes_all, settings.max_size, 1000):
            if not side.misfit.fits(sizes):
                reason = f"the {name} side is not defined: {side.misfit.describe(sizes)}"
                return _Outcome(Verdict.REFUTED, f"the {name} side is not defined: {side.misfit.describe()}",
                                counterexample=Counterexample(sizes={str(k): int(v) for k, v in sizes.items()},
                                                              indices={}, reason=reason),
                                sizes=tuple(str(s) for s in sizes_all))
        return _Outcome(Verdict.UNKNOWN, f"the shapes of the {name} side may not fit: {side.misfit.describe()}")
    for name, side in (("left", check.lhs), ("right", check.rhs)):
        if side.problem:
            return _Outcome(Verdict.UNKNOWN, f"not checked: the {name} side: {side.problem}")
    return None


@dataclass
class _Outcome:
    verdict: Verdict
    detail: str
    bound: int | None = None
    counterexample: Counterexample | None = None
    notes: list[str] = field(default_factory=list)
    conventions: list[str] = field(default_factory=list)
    sizes: tuple[str, ...] = ()


# numeric evidence is at least this many random points that agree (a single one may be a degenerate point)
MIN_AGREEING_POINTS = 2


def _numeric(referee: Referee, params, assume, settings, rng, deadline, fallback: bool = False):
    """Random points at small sizes, evaluated as read: (agreeing points, certified failure or None)."""
    agreed = 0
    beyond_one = False  # a size above 1 was tried: agreement at size 1 alone is then no evidence
    agreed_beyond_one = 0
    combos = C.size_combinations(params.sizes, min(3, settings.max_size), 8)[::-1]
    for n, sizes in enumerate(c for c in combos if referee.allowed(c)):
        big = any(v > 1 for v in sizes.values())
        beyond_one = beyond_one or big
        assignments = [a for a in referee._cases(sizes, rng) if _allowed(a, assume)]
        for assignment in assignments[:2 if n == 0 else 1]:
            per_instance = settings.random_points // 3 if params.sizes else settings.random_points
            for _ in range(max(1, per_instance) * (4 if fallback else 1)):
                if deadline():
                    return (agreed_beyond_one if beyond_one else agreed), None
                values = referee.values(rng, lambda: Fraction(rng.randint(-255, 255), 256)) if fallback \
                    else Values(draw=lambda: random_value(rng))
                verdict = referee.agree(sizes, assignment, values)
                if verdict is None:
                    continue
                if not verdict:
                    given = dict(values.given)
                    found = referee.certify(sizes, assignment, given)
                    if found:
                        return agreed, (sizes, assignment, _point_of(given), found)
                    continue
                agreed += 1
                agreed_beyond_one += big
    if beyond_one:
        # (sum_i y_i log y_i = -sum_i y_i log y_i holds at N = 1 only, where y_1 = 1: points of larger sizes that
        # could not be evaluated leave no evidence)
        agreed = agreed_beyond_one
    if agreed < MIN_AGREEING_POINTS and not fallback:
        # (almost) no point of the domain drawn: it may be narrow (0 < p < 1); draw again, within (-1, 1)
        more, bad = _numeric(referee, params, assume, settings, rng, deadline, fallback=True)
        return agreed + more, bad
    return agreed, None


def _positive_where_it_sums(check: Check, outcome: _Outcome, settings: Settings, clock: _Clock) -> _Outcome:
    """A refutation under a supposition sum_i p_i = c with c > 0: its counterexample shows p, and stands only
    where every entry of p is positive, so that it is one whether the document means any real vector or
    a probability vector (which it may not say). Where it is not, a counterexample is searched again with
    p_i = c (1 + u_i^2) / sum_j (1 + u_j^2), positive for every u; else unknown."""
    outcome.counterexample = _with_constrained_values(check, outcome.counterexample)
    wanted = [(d, _constant_of(d)) for d in check.assume.constraints]
    wanted = [(d, c) for d, c in wanted if c is not None and c.is_number and c.is_positive is True]
    if all(_positive_entries(outcome.counterexample, d) for d, _ in wanted):
        return outcome
    positive = tuple(_positive_form(d, c) for d, c in wanted) + tuple(
        d for d in check.assume.constraints if all(d is not w for w, _ in wanted))
    again = dataclasses.replace(check, assume=dataclasses.replace(check.assume, constraints=positive))
    try:
        retry = _run_supposing(again, settings, clock)
    except (StageTimeout, Unsupported):
        retry = None
    if retry is not None and retry.verdict is Verdict.REFUTED and retry.counterexample is not None:
        retry.counterexample = _with_constrained_values(again, retry.counterexample)
        if all(_positive_entries(retry.counterexample, d) for d, _ in wanted):
            names = ", ".join(sorted({str(d.name) for d, _ in wanted}))
            retry.notes = list(retry.notes) + [
                f"the counterexample writes {names} with positive entries, as (c (1 + u_i^2) / sum_j (1 + u_j^2)) "
                "for the u named *_free"]
            return retry
    names = ", ".join(sorted({str(d.name) for d, _ in wanted}))
    return _Outcome(Verdict.UNKNOWN, f"refuted only where {names} has an entry that is not positive "
                    f"({outcome.counterexample.describe()}); the entries sum to a positive number, as a probability "
                    "vector's do, and no counterexample with positive entries was found", sizes=outcome.sizes)


def _positive_guesses(check: Check, outcome: _Outcome, settings: Settings, clock: _Clock) -> _Outcome:
    """A refutation at a value 0 or below of a name the document never declares (read as any real number): it
    stands where the check is refuted again with those names positive (a standard deviation, a rate, a
    length are); else unknown, naming them."""
    cx = outcome.counterexample
    below = []
    for name in check.guessed_scalars:
        given = cx.values.get(name)
        if given is not None and not given.shape and given.entries[0].exact is not None \
                and not given.entries[0].exact.is_positive:
            below.append(name)
    if not below:
        return outcome
    symbols = {s for side in (check.lhs, check.rhs) for s in side.expr.free_symbols
               if isinstance(s, sp.Symbol) and not isinstance(s, Idx) and s.name in below}
    if any(s.is_nonpositive for s in symbols):
        # t < 0 said beside the claim: a value below 0 is where the document means it, and the refutation there
        # stands (making t positive would check the claim where the document says nothing of it)
        return outcome
    positive = {s: sp.Symbol(s.name, positive=True) for s in symbols}
    if not positive:
        return outcome

    def restricted(side):
        return dataclasses.replace(side, expr=side.expr.xreplace(positive),
                                   domain=tuple(d.xreplace(positive) for d in side.domain)
                                   + tuple(sp.Gt(p, 0) for p in positive.values()))

    again = dataclasses.replace(check, lhs=restricted(check.lhs), rhs=restricted(check.rhs), guessed_scalars=(),
                                id=f"{check.id}/positive")
    try:
        retry = _run_supposing(again, settings, clock)
    except (StageTimeout, Unsupported):
        retry = None
    if retry is not None and retry.verdict is Verdict.REFUTED:
        return retry
    names = ", ".join(sorted(below))
    return _Outcome(Verdict.UNKNOWN, f"refuted only where {names} is 0 or negative ({cx.describe()}), and {names} "
                    f"{'is' if len(below) == 1 else 'are'} never declared (read as any real number); no counterexample with "
                    f"{names} positive was found: say which the document means, \"${below[0]} \\in \\mathbb{{R}}$\" or "
                    f"\"${below[0]} > 0$\"", sizes=outcome.sizes)


def _positive_entries(cx, d) -> bool:
    given = cx.values.get(str(d.name))
    return given is not None and all(e.exact is not None and e.exact.is_positive for e in given.entries)


def _positive_form(d, c):
    """p_i = c (1 + u_i^2) / sum_j (1 + u_j^2): every vector of positive entries that sum to c, u free."""
    from .notation import Definition

    at = d.indices[0]
    (free,) = [b for b in d.body.atoms(sp.IndexedBase)]
    j = Idx("_pos", (at.lower, at.upper))
    return Definition(d.name, (at,), c * (1 + free[at] ** 2) / sp.Sum(1 + free[j] ** 2, (j, at.lower, at.upper)))


def _constant_of(d) -> "sp.Expr | None":
    """c of a constraint p_i = u_i + (c - sum_j u_j)/n."""
    at = d.indices[0]
    free = [b for b in d.body.atoms(sp.IndexedBase)]
    if len(free) != 1:
        return None
    n = sp.sympify(at.upper)
    body = d.body.replace(lambda e: isinstance(e, sp.Sum), lambda e: sp.S.Zero).xreplace({free[0][at]: 0})
    return sp.simplify(body * n)


def _with_constrained_values(check: Check, cx) -> object:
    """The counterexample with each constrained vector's entries (p from the free u it is written in)."""
    values = dict(cx.values)
    for d in check.assume.constraints:
        if str(d.name) in values or len(d.indices) != 1:
            continue
        at = d.indices[0]
        sizes = {s: sp.Integer(cx.sizes[str(s)]) for s in sp.sympify(at.upper).free_symbols if str(s) in cx.sizes}
        n = sp.sympify(at.upper).xreplace(sizes)
        if not n.is_Integer:
            continue
        point = {}
        for base in d.body.atoms(sp.IndexedBase):
            given = values.get(str(base.label))
            for k in range(1, int(n) + 1):
                entry = given.entries[k - 1].exact if given is not None and k <= len(given.entries) else sp.Integer(0)
                if entry is None:
                    break
                point[base[k]] = entry
        entries = []
        for k in range(1, int(n) + 1):
            v = C.expand_sums(d.body.xreplace({at: sp.Integer(k), **sizes}), {}).xreplace(point)
            entries.append(_format_value(v if v.is_Rational else None))
        if all(e.defined for e in entries):
            values[str(d.name)] = Assignment(str(d.name), (int(n),), tuple(entries))
    return dataclasses.replace(cx, values=dict(sorted(values.items())))


def _constrained(check: Check) -> "Check | str":
    """The check with what the document supposes of its free names applied (see Assumptions.constraints):
    definitions unfolded, derivatives taken, and then the constrained names written in free ones; the
    reason it cannot be, when a derivative is left that the rewriting would change."""
    assume = check.assume

    def rewrite(e):
        e = evaluate_derivatives(unfold(rename_dummies(sp.sympify(e), stem="_k"), assume.definitions))
        if e.has(sp.Derivative, sp.Subs):
            raise Unsupported("a derivative is left that the supposition would rewrite")
        return unfold(e, assume.constraints)

    try:
        sides = [dataclasses.replace(side, expr=rewrite(side.expr), domain=tuple(rewrite(c) for c in side.domain))
                 for side in (check.lhs, check.rhs)]
    except Unsupported as exc:
        return str(exc)
    return dataclasses.replace(check, lhs=sides[0], rhs=sides[1],
                               assume=dataclasses.replace(assume, constraints=()))


def _run(check: Check, settings: Settings, clock: _Clock, domains: "dict[str, EntrySet] | None" = None) -> _Outcome:
    """The check as read: proved, bounded, numeric, refuted or unknown. With ``domains`` (see _search), only
    a search for a counterexample whose arrays keep their entries in their sets."""
    if check.problem:
        return _Outcome(Verdict.UNKNOWN, f"not checked: {check.problem}")
    misfit = _misfit_outcome(check, settings)
    if misfit is not None:
        return misfit
    if check.assume.constraints:
        check = _constrained(check)
        if isinstance(check, str):
            return _Outcome(Verdict.UNKNOWN, f"not checked under what the document supposes: {check}")
    check = _at_fixed_sizes(check)
    check, pinned = _scalar_at_fixed_sizes(check)
    assume = check.assume
    read_l, read_r = sp.sympify(check.lhs.expr), sp.sympify(check.rhs.expr)
    lhs_e = prepare(read_l, assume)
    rhs_e = prepare(read_r, assume)
    aligned = _align(check.lhs, check.rhs, lhs_e, rhs_e, also=(read_l, read_r), as_written=check.layout_declared,
                     columns=check.gradient_columns,
                     transposable=read_l.has(sp.Derivative) or read_r.has(sp.Derivative))
    hot = [t for _, t in assume.onehot]
    domain = tuple(c.xreplace(aligned.mapping_l) for c in check.lhs.domain)
    domain += tuple(c.xreplace(aligned.mapping_r) for c in check.rhs.domain)
    if read_l.has(sp.Derivative) or read_r.has(sp.Derivative):
        # a derivative does not exist on the boundary of the domain (sqrt u at u = 0): keep off it
        domain = tuple(sp.Gt(c.lhs, c.rhs, evaluate=False) if isinstance(c, sp.GreaterThan) else c for c in domain)
    claim = Claim(read_l.xreplace(aligned.mapping_l), read_r.xreplace(aligned.mapping_r),
                  onehot=assume.onehot, definitions=assume.definitions, equal=assume.equal, domain=domain)
    params = C.parameters_of(aligned.lhs, aligned.rhs, claim.lhs, claim.rhs, extra_indices=hot)
    referee = Referee(claim, params.sizes, params.indices, assume.distinct)
    referee.size_bounds = {name: (least, dict(check.most_sizes).get(name, 10 ** 9)) for name, least in check.least_sizes}
    referee.size_bounds.update({name: (dict(check.least_sizes).get(name, 1), most) for name, most in check.most_sizes})
    referee.size_orders = check.size_orders
    notes = []
    free_l = {s for s in C.free_symbols(aligned.lhs) if isinstance(s, Idx)}
    free_r = {s for s in C.free_symbols(aligned.rhs) if isinstance(s, Idx)}
    for side, only in (("right", free_r - free_l), ("left", free_l - free_r)):
        for idx in sorted(only - set(hot), key=str):
            notes.append(f"index {idx} is free on the {side} side only: the claim must hold for every {idx}")
    extra = dict(notes=notes, conventions=aligned.conventions, sizes=tuple(str(s) for s in params.sizes))
    if aligned.mismatch and _example_shapes(tuple(check.lhs.shape), tuple(check.rhs.shape)):
        return _Outcome(Verdict.UNKNOWN, f"not checked: {aligned.mismatch}, where the sizes of one side are numbers and "
                        "those of the other are not: a general claim, or an example of some sizes? write the example "
                        "with its own names", **extra)
    if aligned.mismatch and _a_number_against_sizes(check):
        return _Outcome(Verdict.UNKNOWN, f"not checked: {aligned.mismatch}, where one side is a number written in "
                        "numbers and the other's sizes may all be 1 (an example of one dimension, which the words may "
                        "give): write the example with its own names", **extra)
    if aligned.mismatch:
        return _Outcome(Verdict.REFUTED, aligned.mismatch,
                        counterexample=_shape_counterexample(check, params, settings), **extra)
    rng = random.Random(int(hashlib.sha256(check.id.encode()).hexdigest()[:12], 16))

    # 1. symbolic, for every size
    reason = ""
    try:
        with time_limit(min(clock.left(), settings.timeout * settings.symbolic_share)):
            proved, how = _symbolic(aligned.lhs - aligned.rhs, params.indices, list(assume.distinct), params.sizes)
        reason = "" if proved else how
    except StageTimeout:
        proved, reason = False, "the symbolic stage ran out of time"
    except Unsupported as exc:
        proved, reason = False, f"unsupported in the symbolic stage: {exc}"

    def cross_checked(verdict: Verdict, detail: str, bound: int | None = None) -> _Outcome:
        # Every proof is checked against the sides as read, evaluated independently.
        deadline = _deadline(clock, minimum=2.0)
        try:
            with time_limit(max(0.5, clock.left() + 2.0)):
                result = referee.cross_check(bound or settings.max_size, rng, deadline)
        except StageTimeout:
            result = None
        if result is not None and result.contradiction:
            sizes, indices, given = result.contradiction
            point = _point_of(given)
            found = referee.certify(sizes, indices, given)
            L = C.instantiate(aligned.lhs, sizes, indices)
            R = C.instantiate(aligned.rhs, sizes, indices)
            return _Outcome(Verdict.ERROR, f"{verdict.value} symbolically, but the sides as read differ "
                            "at a point (a bug in derive)",
                            counterexample=_counterexample(L, R, sizes, indices, point, found), **extra)
        if result is None or not result.agreed:
            why = (result.incomplete if result and result.incomplete else
                   "no point where both sides are defined" if result else "ran out of time")
            return _Outcome(Verdict.UNKNOWN, f"{detail}, but the independent cross-check could not run: {why}",
                            **extra)
        return _Outcome(verdict, f"{detail}; {result.text()}", bound=bound, **extra)

    if proved:
        return cross_checked(Verdict.PROVED, f"difference reduces to 0 {pinned or 'for every size'}"
                             + (f" ({how})" if how else "")
                             + "; real domain, where both sides are defined")

    # 2. concrete sizes 1..K, exact
    combos = C.size_combinations(params.sizes, settings.max_size, settings.max_instances)
    done_sizes: list[dict] = []
    undecided = ""
    least = dict(check.least_sizes)  # (n >= 2: a size the document excludes is no counterexample's)
    most = dict(check.most_sizes)  # (K = 2, n <= 3)
    try:
        with time_limit(min(clock.left() - 0.5, settings.timeout * settings.concrete_share)):
            for sizes in combos:
                if not _meets_orders({str(k): v for k, v in sizes.items()}, check.size_orders):
                    done_sizes.append(sizes)  # (k > n where the document says k <= n: nothing is claimed there)
                    continue
                excluded = any(not least.get(str(size), 1) <= value <= most.get(str(size), value)
                               for size, value in sizes.items())
                failed = False
                for assignment in C.index_assignments(params.indices, sizes):
                    if not _allowed(assignment, assume):
                        continue
                    try:
                        L = C.instantiate(aligned.lhs, sizes, assignment)
                        R = C.instantiate(aligned.rhs, sizes, assignment)
                    except TooLargeToWriteOut:
                        raise StageTimeout("too large to write out at these sizes") from None  # (they end here)
                    try:
                        if C.exactly_equal(L, R):
                            continue
                    except Unsupported as exc:
                        undecided = f"the exact test cannot read this instance: {exc}"
                        raise StageTimeout(undecided) from None
                    if excluded:
                        failed = True  # (no bound "up to K" counts this size as done)
                        break
                    found = _search(referee, L, R, sizes, assignment, rng, domains=domains)
                    if found:
                        found = _off_the_jumps(referee, L, R, sizes, assignment, *found)
                        if found is None:
                            undecided = ("it fails as read only where a sign or step function is at its jump (0), a "
                                         "value conventions differ on")
                            raise StageTimeout(undecided)
                        point, separation = found
                        cx = _counterexample(L, R, sizes, assignment, point, separation)
                        size_text = ", ".join(f"{k} = {v}" for k, v in cx.sizes.items())
                        return _Outcome(Verdict.REFUTED, f"fails at {size_text}" if size_text else "fails",
                                        counterexample=cx, **extra)
                    undecided = ("an exact instance did not reduce to 0, yet no certified counterexample "
                                 "was found")
                    raise StageTimeout(undecided)
                if not failed:
                    done_sizes.append(sizes)
    except StageTimeout:
        pass
    bound = _complete_bound(done_sizes, params.sizes)
    if params.sizes and not undecided and all(str(s) in most for s in params.sizes):
        allowed = [dict(zip(params.sizes, c)) for c in itertools.product(
            *(range(least.get(str(s), 1), most[str(s)] + 1) for s in params.sizes))]
        if allowed and all(a in done_sizes for a in allowed):
            sizes_text = ", ".join(f"{s} = {least.get(str(s), 1)}" if least.get(str(s), 1) == most[str(s)]
                                   else f"{s} from {least.get(str(s), 1)} to {most[str(s)]}" for s in params.sizes)
            out = cross_checked(Verdict.PROVED, f"difference reduces to 0 at every size the document allows "
                                f"({sizes_text}); real domain, where both sides are defined")
            out.sizes = ()  # (proved at the sizes named, not "for all N")
            return out
    if not params.sizes and done_sizes and not undecided:
        # Nothing varies in size: the one exact instance is the claim itself.
        return cross_checked(Verdict.PROVED, "difference reduces to 0 (no size to vary); real domain, "
                             "where both sides are defined")
    if bound and not undecided:
        # Before settling for "up to K", look beyond it: a claim can fail first at K + 1.
        try:
            with time_limit(max(0.5, min(clock.left(), settings.timeout * 0.1))):
                beyond = _beyond(referee, params, bound, rng)
        except (StageTimeout, Unsupported):
            beyond = None
        if beyond:
            sizes, assignment, point, found = beyond
            cx = _counterexample(None, None, sizes, assignment, point, found)
            return _Outcome(Verdict.REFUTED, "holds up to " + str(bound) + ", fails at "
                            + ", ".join(f"{k} = {v}" for k, v in cx.sizes.items()), counterexample=cx, **extra)
        return cross_checked(Verdict.BOUNDED, f"exact at every size up to {bound}; not proved in general: {reason}",
                             bound=bound)

    # 3. numeric evidence, evaluated as read
    try:
        with time_limit(max(0.5, clock.left())):
            agreed, bad = _numeric(referee, params, assume, settings, rng, _deadline(clock, minimum=0.5))
    except StageTimeout:
        return _Outcome(Verdict.UNKNOWN, f"time limit of {settings.timeout:g} s reached; {reason}", **extra)
    except Unsupported as exc:
        return _Outcome(Verdict.UNKNOWN, f"cannot evaluate: {exc}; {undecided or reason}", **extra)
    if bad:
        sizes, assignment, point, found = bad
        return _Outcome(Verdict.REFUTED, "fails at a random point",
                        counterexample=_counterexample(None, None, sizes, assignment, point, found), **extra)
    if agreed >= MIN_AGREEING_POINTS:
        return _Outcome(Verdict.NUMERIC, f"agrees as read at {agreed} random points to {AGREEMENT_DIGITS} digits; "
                        f"no proof: {undecided or reason}", **extra)
    if agreed:
        # (one point is no evidence: a softmax at a far-out value holds all its weight on one entry, where
        # y_1 (1 - y_1) and y_1 y_2 agree to any number of digits whatever the number of entries)
        return _Outcome(Verdict.UNKNOWN, f"agrees as read at only {agreed} random point, the others could not be "
                        f"evaluated: too little to go on; {undecided or reason}", **extra)
    return _Outcome(Verdict.UNKNOWN, f"no point could be evaluated; {undecided or reason}", **extra)


def _beyond(referee: Referee, params, bound: int, rng: random.Random):
    """A certified failure at the sizes just past the bound (every size at bound + 1 .. bound + 4)."""
    for n in range(bound + 1, bound + 5):
        sizes = {s: n for s in params.sizes}
        if not referee.allowed(sizes):
            continue
        for assignment in referee._cases(sizes, rng):
            for _ in range(2):
                values = Values(draw=lambda: random_value(rng))
                if referee.agree(sizes, assignment, values) is False:
                    given = dict(values.given)
                    found = referee.certify(sizes, assignment, given)
                    if found:
                        return sizes, assignment, _point_of(given), found
    return None


def _deadline(clock: _Clock, minimum: float):
    end = time.perf_counter() + max(minimum, clock.left())
    return lambda: time.perf_counter() > end


def _complete_bound(done: list[dict], sizes) -> int | None:
    """The largest K such that every assignment of 1..K to the sizes was checked."""
    if not sizes:
        return None
    seen = {tuple(d[s] for s in sizes) for d in done}
    k = 0
    while all(c in seen for c in itertools.product(range(1, k + 2), repeat=len(sizes))):
        k += 1
    return k or None


def _test_function_notes(check: Check) -> list[str]:
    """For a refutation that relies on functions the document never defines: which ones it took."""
    calls = {}
    for side in (check.lhs, check.rhs):
        for f in sp.sympify(side.expr).atoms(AppliedUndef):
            calls.setdefault(f.func.__name__, len(f.args))
    if not calls:
        return []
    names = ", ".join(sorted(calls))
    return [f"{names} {'is a function' if len(calls) == 1 else 'are functions'} the document never defines; "
            "the claim must hold for every function, and this counterexample takes "
            + "; ".join(test_function_text(n, calls[n]) for n in sorted(calls))]


_MAX_VALUE_CASES = 16


def _values_fixed_by_conditions(check: Check) -> bool:
    """Every supposition of the check is a finite set of values (y in {0, 1}) and a condition of the step
    fixes each of those names to one of its values (y = 1): a counterexample under the conditions meets them."""
    fixed = {str(d.name): d.body for d in check.assume.definitions if not d.indices}
    covered = {text for _, _, text in check.values}
    return bool(check.values) and all(h in covered for h in check.hypotheses) \
        and all(name in fixed and fixed[name] in [sp.Integer(v) for v in vals] for name, vals, _ in check.values)


def _refuted_at_examples(check: Check, settings: Settings, clock) -> "_Outcome | None":
    """A check refuted as read, whose paragraph gave some of its names values earlier (lambda = 2) that it may
    still mean: the refutation stands where it is one at those values too (then it is one either way); None
    otherwise (held there: unknown which the step means)."""
    at = dataclasses.replace(check, values=check.values + check.refute_at, refute_at=())
    found = _at_the_values(at, settings, clock)
    return found if found is not None and found.verdict is Verdict.REFUTED else None


def _at_the_values(check: Check, settings: Settings, clock) -> "_Outcome | None":
    """A check refuted as read, whose names the document puts in finite sets (y in {0, 1}): refuted
    at one of those values, the refutation stands (with the value named), where nothing else the document supposes
    stands in its way; held at every value, it is proved there; else None."""
    from .notation import Definition, scalar

    # (a name a condition already fixes, y = 1 in "if y = 1", keeps that value: never tried at the others)
    fixed_by_condition = {str(d.name) for d in check.assume.definitions if not d.indices}
    allowed: dict = {}  # (a name the document puts in two sets is in both)
    for name, vals, _ in check.values:
        if name not in fixed_by_condition:
            allowed[name] = tuple(v for v in allowed.get(name, vals) if v in vals)
    names = list(allowed.items())
    if not names:
        return None
    cases = list(itertools.islice(itertools.product(*(vals for _, vals in names)), _MAX_VALUE_CASES + 1))
    if len(cases) > _MAX_VALUE_CASES:
        return None
    covered = {text for _, _, text in check.values}
    # in words, as a renderer shows them: "y in {0, 1}"
    sets = "; ".join(f"{name} in {{{', '.join(str(v) for v in vals)}}}" for name, vals in names)
    # (another supposition, which a counterexample would have to satisfy: no refutation, but a proof at every value
    # the set allows still stands, as any proof does under what the document supposes)
    refutable = all(h in covered for h in check.hypotheses)
    held = []
    # (the name's symbol as the sides hold it: a range said of it, lambda > 0, gives it assumptions of its own)
    symbols = {}
    for side in (check.lhs, check.rhs):
        expr = getattr(side, "expr", side)
        if isinstance(expr, sp.Basic):
            symbols.update({s.name: s for s in expr.free_symbols if isinstance(s, sp.Symbol)})
    for case in cases:
        fixed = tuple(Definition(symbols.get(name, scalar(name)), (), sp.Integer(v)) for (name, _), v in zip(names, case))
        at = Check(**{**check.__dict__, "assume": check.assume + Assumptions(definitions=fixed),
                      "values": (), "hypotheses": ()})
        try:
            outcome = _run(at, settings, clock)
        except (StageTimeout, Unsupported):
            return None
        if outcome.verdict is Verdict.REFUTED:
            if not refutable:
                return None
            where = ", ".join(f"{name} = {v}" for (name, _), v in zip(names, case))
            outcome.detail = f"{outcome.detail} (at {where}, one of the values the document allows)"
            outcome.notes = list(outcome.notes) + [f"checked at {where}, one of the values of {sets}"]
            cx = outcome.counterexample
            if cx is not None:  # the values the case fixed belong to the counterexample
                if any(name in cx.values for name, _ in names):
                    return None  # the name was not fixed by the case (still a variable): no refutation at a value
                given = {name: Assignment(name, (), (_format_value(sp.Integer(v)),)) for (name, _), v in zip(names, case)}
                outcome.counterexample = dataclasses.replace(cx, values=dict(sorted({**cx.values, **given}.items())))
            return outcome
        held.append(outcome)
    order = (Verdict.PROVED, Verdict.BOUNDED, Verdict.NUMERIC)
    if held and all(o.verdict in order for o in held):
        # true at every value the document allows (and false elsewhere): it holds as the document means it
        weakest = max(held, key=lambda o: (order.index(o.verdict), -(o.bound or 0)))
        return _Outcome(weakest.verdict, f"at each value of {sets}: {weakest.detail}", bound=weakest.bound,
                        notes=[f"checked at each value of {sets}"], sizes=weakest.sizes)
    return None


def _refuted_in_the_sets(check: Check, settings: Settings, clock) -> "_Outcome | None":
    """A check refuted as read, whose only suppositions put the entries of arrays in finite sets (y_i in {-1, 1}):
    a counterexample sought with those entries drawn from their sets stands when each of its entries lies in its
    set, checked on the counterexample itself; None otherwise."""
    covered = {text for _, _, text in check.entry_values}
    if any(h not in covered for h in check.hypotheses):
        return None  # another supposition the counterexample would have to satisfy
    domains = {name: EntrySet.read(spec) for name, spec, _ in check.entry_values}
    plain = Check(**{**check.__dict__, "hypotheses": (), "values": (), "entry_values": (), "refute_at": ()})
    try:
        outcome = _run(plain, settings, clock, domains=domains)
    except (StageTimeout, Unsupported):
        return None
    cx = outcome.counterexample
    if outcome.verdict is not Verdict.REFUTED or cx is None or cx.reason:
        return None
    for name, entries in domains.items():
        given = cx.values.get(name)  # (an array the counterexample leaves out may take any value of its set)
        if given is not None and not all(entries.holds(v.exact) for v in given.entries):
            return None  # (a value drawn outside the search: a random point, or past the sizes searched)
    sets = "; ".join(f"the entries of {name} in {spec}" for name, spec, _ in check.entry_values)
    outcome.detail = f"{outcome.detail} (with {sets}, as the document says)"
    outcome.notes = list(outcome.notes) + [f"the counterexample keeps {sets}"]
    return outcome


def verify_check(check: Check, settings: Settings = Settings()) -> CheckResult:
    """Verify one check; never raises for a problem in the check itself."""
    clock = _Clock(settings.timeout)
    try:
        # (each stage has its share of the time; this limit ends what runs between the stages too)
        with time_limit(settings.timeout * 1.5 + 2.0):
            outcome = _verify(check, settings, clock)
    except StageTimeout:
        outcome = _Outcome(Verdict.UNKNOWN, f"time limit of {settings.timeout:g} s reached")
    except Unsupported as exc:
        outcome = _Outcome(Verdict.UNKNOWN, f"unsupported: {exc}")
    except RecursionError:
        outcome = _Outcome(Verdict.UNKNOWN, "expression too deeply nested")
    except MemoryError:
        raise  # the worker that runs the check reports its memory limit
    except Exception as exc:  # the one boundary where any failure becomes data
        outcome = _Outcome(Verdict.UNKNOWN, f"verifier failed: {type(exc).__name__}: {exc}")
    if outcome.verdict is Verdict.REFUTED:
        rounded = _rounded_decimal(check) or _within_rounding(check)
        if rounded:
            outcome = _Outcome(Verdict.UNKNOWN, rounded)
    holds = outcome.verdict in (Verdict.PROVED, Verdict.BOUNDED, Verdict.NUMERIC)
    conventions = tuple(outcome.conventions) if holds else ()
    return CheckResult.of(
        check, outcome.verdict, outcome.detail, round(clock.elapsed(), 3), bound=outcome.bound,
        conventions=conventions, counterexample=outcome.counterexample, notes=tuple(outcome.notes),
        sizes=outcome.sizes,
    )


def _entries_replaced(check: Check, bases: set, entry, **cleared) -> "Check | None":
    """The check with every entry A_ij of the matrices ``bases`` replaced by ``entry(A_ij)`` (in its sides, their
    domains and its definitions), ``cleared`` set on it; None where such a matrix is used otherwise than by its
    entries (a trace or inverse kept whole)."""

    def entries(e):
        e = sp.sympify(e)
        if any(str(m.name) in bases for m in e.atoms(sp.MatrixSymbol)):
            raise Unsupported("a matrix kept whole")
        found = {a for a in e.atoms(Indexed) if str(a.base.label) in bases}
        if any(len(a.indices) != 2 for a in found):
            raise Unsupported("a matrix with one index")
        return e.xreplace({a: entry(a) for a in found})

    try:
        sides = [dataclasses.replace(side, expr=entries(side.expr), domain=tuple(entries(c) for c in side.domain))
                 for side in (check.lhs, check.rhs)]
        definitions = tuple(dataclasses.replace(d, body=entries(d.body)) for d in check.assume.definitions)
    except Unsupported:
        return None
    return dataclasses.replace(check, lhs=sides[0], rhs=sides[1], **cleared,
                               assume=dataclasses.replace(check.assume, definitions=definitions))


def _symmetric(check: Check) -> "Check | None":
    """The check with every entry A_ij of a matrix said symmetric read as (A_ij + A_ji)/2: as A ranges over all
    matrices this ranges over exactly the symmetric ones, so the claim holds for every symmetric A iff this holds
    for every A, and a point where this fails, A symmetrised there, is a symmetric counterexample. None where A
    is used otherwise than by its entries (a trace or inverse kept whole)."""
    return _entries_replaced(check, set(check.symmetric), lambda a: (a + a.base[a.indices[1], a.indices[0]]) / 2,
                             symmetric=())


def _definite(check: Check) -> "tuple[Check, list] | None":
    """The check with every entry A_ij of a matrix said positive definite read as sum_k B_ik B_jk + t^2 delta_ij,
    t != 0 (semidefinite: without the t term): as B and t range over all matrices and numbers, this ranges over
    exactly the symmetric positive (semi)definite matrices (P - t^2 I is semidefinite for t small, and a
    semidefinite matrix is B B^T), so the claim holds for all of them iff this holds for all B and t, and a
    point where it fails gives one of them where the claim fails. None where A is used otherwise than by its
    entries (a MatrixSymbol kept whole) or its size is not told by its indices."""
    exprs = [check.lhs.expr, check.rhs.expr, *check.lhs.domain, *check.rhs.domain,
             *(d.body for d in check.assume.definitions)]
    table, factors, domain = {}, [], []
    for name, strict in check.definite:
        found = set().union(*(sp.sympify(e).atoms(Indexed) for e in exprs))
        found = {a for a in found if str(a.base.label) == name}
        if any(str(m.name) == name for e in exprs for m in sp.sympify(e).atoms(sp.MatrixSymbol)) \
                or any(len(a.indices) != 2 for a in found):
            return None
        sizes = {i.upper for a in found for i in a.indices if isinstance(i, Idx) and i.upper is not None}
        if not found:
            continue
        if len(sizes) != 1:
            return None
        (n,) = sizes
        factor = sp.IndexedBase(f"{name}__factor", real=True)
        shift = sp.Symbol(f"{name}__shift", real=True)
        for a in found:
            i, j = a.indices
            k = fresh_index(None, 1, n, "_k")
            table[a] = sp.Sum(factor[i, k] * factor[j, k], (k, 1, n)) + (shift ** 2 * KroneckerDelta(i, j) if strict else 0)
        factors.append((name, str(factor.label), str(shift) if strict else None))
        if strict:
            domain.append(sp.Ne(shift, 0, evaluate=False))
    if not table:
        return dataclasses.replace(check, definite=()), []  # (a claim that does not use the matrix: nothing to read)
    sides = [dataclasses.replace(side, expr=sp.sympify(side.expr).xreplace(table),
                                 domain=tuple(sp.sympify(c).xreplace(table) for c in side.domain))
             for side in (check.lhs, check.rhs)]
    sides[0] = dataclasses.replace(sides[0], domain=sides[0].domain + tuple(domain))
    definitions = tuple(dataclasses.replace(d, body=sp.sympify(d.body).xreplace(table)) for d in check.assume.definitions)
    return dataclasses.replace(check, lhs=sides[0], rhs=sides[1], definite=(),
                               assume=dataclasses.replace(check.assume, definitions=definitions)), factors


def _definite_shown(counterexample, factors) -> "Counterexample":
    """The counterexample with each matrix said positive definite shown as B B^T + t^2 I at the point found."""
    values = dict(counterexample.values)
    for name, factor, shift in factors:
        b = values.get(factor)
        t = values.get(shift) if shift else None
        if b is None or len(b.shape) != 2 or any(v.exact is None for v in b.entries) \
                or (shift and (t is None or t.entries[0].exact is None)):
            continue
        rows, cols = b.shape
        B = sp.Matrix(rows, cols, [v.exact for v in b.entries])
        A = B * B.T + (t.entries[0].exact ** 2 if shift else 0) * sp.eye(rows)
        values.pop(factor)
        if shift:
            values.pop(shift)
        values[name] = Assignment(name, (rows, rows), tuple(Value.of(A[r, c]) for r in range(rows) for c in range(rows)))
    return dataclasses.replace(counterexample, values=values)


def _hollow(check: Check) -> "Check | None":
    """The check with every entry A_ij of a matrix said to have zero diagonal read as A_ij (1 - delta_ij): as A
    ranges over all matrices this ranges over exactly those with zero diagonal, so the claim holds for every such A
    iff this holds for every A, and a point where this fails, A's diagonal set to 0, is a counterexample. None where
    A is used otherwise than by its entries."""
    return _entries_replaced(check, set(check.hollow), lambda a: a * (1 - sp.KroneckerDelta(*a.indices)), hollow=())


def _hollowed(counterexample, bases) -> "Counterexample":
    """The counterexample with each matrix said to have zero diagonal shown with its diagonal 0."""
    values = dict(counterexample.values)
    for name in bases:
        a = values.get(name)
        if a is None or len(a.shape) != 2 or a.shape[0] != a.shape[1]:
            continue
        n = a.shape[0]
        values[name] = Assignment(name, a.shape, tuple(Value.of(sp.Integer(0)) if i == j else a.rows[i][j]
                                                       for i in range(n) for j in range(n)))
    return dataclasses.replace(counterexample, values=values)


def _symmetrised(counterexample, bases) -> "Counterexample":
    """The counterexample with each matrix said symmetric shown as (A + A^T)/2 at the point found."""
    values = dict(counterexample.values)
    for name in bases:
        a = values.get(name)
        if a is None or len(a.shape) != 2 or a.shape[0] != a.shape[1] or any(v.exact is None for v in a.entries):
            continue
        n = a.shape[0]
        rows = a.rows
        values[name] = Assignment(name, a.shape, tuple(Value.of((rows[i][j].exact + rows[j][i].exact) / 2)
                                                       for i in range(n) for j in range(n)))
    return dataclasses.replace(counterexample, values=values)


_ARITHMETIC_COMMANDS = re.compile(r"\\(?:[dt]?frac|cdot|times|div|left|right|[bB]ig[lr]?|sqrt|quad|qquad|[,;:! ])"
                                  r"(?![A-Za-z])")


_DECIMAL_WRITTEN = re.compile(r"\s*(-?)\s*(\d+)\.(\d+)\s*")


def _rounded_decimal(check: Check) -> str:
    """"P(X \\ge 16) = 0.005909" of a value 0.0059089...: a decimal of two significant digits or more that the
    other side, a number, rounds to at the decimals written: a rounded value written with "=" (or a slip that
    happens to round so), never refuted; the reason, or "" where that is not so."""
    terms = [t for t in (check.link_latex or "").split("=")]
    if len(terms) != 2:
        return ""
    sides = [getattr(side, "expr", side) for side in (check.lhs, check.rhs)]
    for written, other in ((terms[1], sides[0]), (terms[0], sides[1])):
        m = _DECIMAL_WRITTEN.fullmatch(written)
        if m is None or not isinstance(other, sp.Basic) or other.free_symbols or not other.is_number:
            continue
        digits = len((m.group(2) + m.group(3)).lstrip("0"))
        if digits < 2:
            continue
        places = len(m.group(3))
        decimal = sp.Rational(f"{m.group(1)}{m.group(2)}.{m.group(3)}")
        try:
            gap = abs(sp.N(other - decimal, 30))
        except (TypeError, ValueError):
            return ""
        if gap.is_number and gap <= sp.Rational(1, 2) * sp.Rational(10) ** -places:
            return (f"the decimal {m.group(0).strip()} is the value to the {places} decimal places written (a rounded value "
                    "written with \"=\"; write \\approx for it): not refuted")
    return ""


def _within_rounding(check: Check) -> str:
    """"1 - P(X \\le 15) = 1 - 0.99409" of a P(X <= 15) = 0.9940889...: a link between numbers that holds for some
    value each of its decimals of three significant digits or more may round (Side.rounded) is a rounded value
    worked with, never refuted; the reason, or "" where no such value makes it hold (or where that is not known)."""
    sides = [side for side in (check.lhs, check.rhs) if side is not None]
    if len(sides) != 2 or all(side.rounded is None for side in sides) or any(side.axes for side in sides):
        return ""
    try:
        gap = unfold(sp.sympify(sides[0].rounded if sides[0].rounded is not None else sides[0].expr)
                     - sp.sympify(sides[1].rounded if sides[1].rounded is not None else sides[1].expr),
                     check.assume.definitions)
    except Exception:  # (an unfolding SymPy cannot do: nothing is said, the refutation stands as found)
        return ""
    slack = sorted((s for s in gap.free_symbols if s.name.startswith("_rounded")), key=str)
    if not slack or len(slack) > 6 or gap.free_symbols - set(slack) or gap.atoms(sp.Indexed, AppliedUndef, sp.Sum) \
            or gap.has(sp.Derivative, sp.Integral, sp.Limit):
        return ""
    # (a few operations on decimals each within half a unit of its last place: over so small a box the gap is as
    # good as linear, and its extremes lie at the box's corners)
    values = []
    for corner in itertools.product((-1, 1), repeat=len(slack)):
        try:
            value = sp.N(gap.xreplace(dict(zip(slack, map(sp.Integer, corner)))), 30)
        except (TypeError, ValueError, ZeroDivisionError):
            return ""
        if not value.is_real:
            return ""
        values.append(value)
    if min(values) <= 0 <= max(values):
        return ("every decimal of three significant digits or more in it is read as a rounded value (within half a "
                "unit of its last place), and for some such values the link holds: not refuted (write \\approx for "
                "a rounded value)")
    return ""


def _numbers_only(check: Check) -> bool:
    """Both sides written with numbers alone, no name in them (3/0.09 = 30, not T(1.1) read through a definition):
    what the document supposes of its names, and what it defines, cannot change them, so a refutation stands
    whatever it supposes."""
    written = _ARITHMETIC_COMMANDS.sub(" ", check.link_latex or "")
    if not written.strip() or re.search(r"[A-Za-z\\]", written):
        return False
    sides = [getattr(side, "expr", side) for side in (check.lhs, check.rhs)]
    return all(isinstance(e, sp.Basic) and not e.free_symbols and not e.atoms(sp.Indexed, AppliedUndef, sp.Sum)
               and e.is_number for e in sides)


def _coinciding(check: Check, counterexample: Counterexample) -> tuple[tuple[Idx, Idx], ...]:
    """The pairs of the check's free indices, of one range, that the counterexample gives one value (i = j = 1 of
    a claim about a pair i, j) and that nothing says may coincide or must differ."""
    sides = [side for side in (check.lhs, check.rhs) if side is not None]
    # (never the indices along a side's axes: the entries of a vector or matrix claim, each pair of which is claimed)
    axes = {axis.index for side in sides for axis in getattr(side, "axes", ())}
    free = sorted({s for side in sides for s in getattr(side, "expr", sp.S.Zero).free_symbols
                   if isinstance(s, Idx) and s not in axes}, key=str)
    said = {frozenset(p) for p in check.assume.equal + check.assume.distinct}
    # (only where the claim does not write one of them: dL/ds_i of an L = -log sigma(s_i - s_j) the document defines
    # for a pair i, j; a claim writing both, ds_i/dz_j = -s_i s_j, is about every i and j, i = j too)
    written = check.link_latex or ""

    def writes(index: Idx) -> bool:
        letter = re.escape(str(index))
        return re.search(r"_\s*(?:\{[^{}]*(?<![A-Za-z\\])" + letter + r"(?![A-Za-z])[^{}]*\}|" + letter + r"(?![A-Za-z]))",
                         written) is not None

    return tuple((a, b) for a, b in itertools.combinations(free, 2)
                 if a.lower == b.lower and a.upper == b.upper and frozenset((a, b)) not in said
                 and written and not (writes(a) and writes(b))
                 and str(a) in counterexample.indices and counterexample.indices.get(str(a)) == counterexample.indices.get(str(b)))


def _run_supposing(check: Check, settings: Settings, clock: "_Clock") -> "_Outcome":
    """The check as read (_run), where a refutation stands only with a counterexample that satisfies what the
    document supposes and derive does not use (its hypotheses): each search again for a refutation, of the check
    as read or of a narrower reading of it (names positive, indices apart), goes through here."""
    outcome = _run(check, settings, clock)
    if outcome.verdict is Verdict.REFUTED and check.hypotheses and not _values_fixed_by_conditions(check) \
            and not _numbers_only(check):
        # the counterexample need not satisfy what the document assumes and derive cannot use, unless
        # what it assumes is a finite set of values, tried one by one
        outcome = (_at_the_values(check, settings, clock) if check.values else None) \
            or (_refuted_at_examples(check, settings, clock) if check.refute_at else None) \
            or (_refuted_in_the_sets(check, settings, clock) if check.entry_values else None) or _Outcome(
            Verdict.UNKNOWN, "refuted as read, but the document assumes " + "; ".join(check.hypotheses)
            + ", which is not used: a counterexample must satisfy it")
    return outcome


def _apart(check: Check, outcome: "_Outcome", settings: Settings, clock: "_Clock") -> "_Outcome":
    """A refutation whose counterexample gives two free indices one value (i = j): checked again with the indices
    apart. A counterexample there is shown instead (a pair of distinct indices is what such a claim is about); where
    none is found, the claim fails only where they coincide, which the document may not mean: unknown, saying so."""
    pairs = _coinciding(check, outcome.counterexample)
    if not pairs:
        return outcome
    apart = dataclasses.replace(check, assume=check.assume + Assumptions(distinct=pairs))
    again = _run_supposing(apart, settings, clock)
    if again.verdict is Verdict.REFUTED:
        return again
    said = ", ".join(f"{a} = {b}" for a, b in pairs)
    a, b = pairs[0]
    where = outcome.counterexample.describe()
    return _Outcome(Verdict.UNKNOWN, f"refuted only where {said} ({where}), a case the claim may not be about; "
                    f"{'proved' if again.verdict is Verdict.PROVED else 'not refuted'} where they differ: say which "
                    f"(\"for ${a} \\neq {b}$\", or \"for every ${a}$, ${b}$\")")


def _verify(check: Check, settings: Settings, clock: _Clock) -> _Outcome:
    """The check's outcome: as read, then under what the document supposes, defaults it relies on and the
    links it takes for granted (a failure anywhere is verify_check's unknown)."""
    if check.definite and not check.problem:
        said = ", ".join(name for name, _ in check.definite)
        definite = _definite(check)
        if definite is None:
            return _Outcome(Verdict.UNKNOWN, f"not checked: {said} is said to be positive (semi)definite, and is used "
                            "here otherwise than by its entries")
        substituted, factors = definite
        outcome = _verify(substituted, settings, clock)
        if outcome.counterexample is not None and not outcome.counterexample.reason:
            outcome.counterexample = _definite_shown(outcome.counterexample, factors)
        return outcome
    if check.hollow:
        hollow = _hollow(check)
        if hollow is None:
            return _Outcome(Verdict.UNKNOWN, f"not checked: {', '.join(check.hollow)} is said to have zero diagonal, and "
                            "is used here otherwise than by its entries (kept whole, as in a trace or an inverse)")
        outcome = _verify(hollow, settings, clock)
        if outcome.counterexample is not None and not outcome.counterexample.reason:
            outcome.counterexample = _hollowed(outcome.counterexample, check.hollow)
        return outcome
    if check.symmetric:
        said = ", ".join(check.symmetric)
        symmetric = _symmetric(check)
        if symmetric is None:
            return _Outcome(Verdict.UNKNOWN, f"not checked: {said} is said to be symmetric, and is used here otherwise "
                            "than by its entries (kept whole, as in a trace or an inverse)")
        outcome = _verify(symmetric, settings, clock)
        if outcome.counterexample is not None and not outcome.counterexample.reason:
            outcome.counterexample = _symmetrised(outcome.counterexample, check.symmetric)
        return outcome
    outcome = _run_supposing(check, settings, clock)
    if outcome.verdict is Verdict.REFUTED:
        unpinned = _number_of_unfixed_sizes(_scalar_at_fixed_sizes(_at_fixed_sizes(check))[0])
        if unpinned:
            outcome = _Outcome(Verdict.UNKNOWN, unpinned)
    if outcome.verdict is Verdict.REFUTED and outcome.counterexample is not None and not outcome.counterexample.reason:
        outcome = _apart(check, outcome, settings, clock)
    if check.families and outcome.verdict is Verdict.REFUTED and outcome.counterexample is not None \
            and outcome.counterexample.reason:
        said = "; ".join(f"{name} is declared by its entries only (line {line}): {name} alone may be a number of "
                         f"its own here" for name, line in check.families)
        return _Outcome(Verdict.UNKNOWN, f"refuted on shape as read ({outcome.counterexample.reason}), but {said}; "
                        f"write the vector as a whole ({check.families[0][0]} \\in \\mathbb{{R}}^n) or give the "
                        "number another name", sizes=outcome.sizes)
    if check.plain_bold and outcome.verdict is Verdict.REFUTED and outcome.counterexample is not None \
            and outcome.counterexample.reason and "scalar" in outcome.counterexample.reason:
        said = "; ".join(f"{name} is declared in bold (line {line}) and written plain here: it may be a number of its own"
                         for name, line in check.plain_bold)
        return _Outcome(Verdict.UNKNOWN, f"refuted on shape as read ({outcome.counterexample.reason}), but {said}; "
                        "give the number another name", sizes=outcome.sizes)
    if check.either:
        outcome = _either(check, outcome)
    if check.guessed_scalars and outcome.verdict is Verdict.REFUTED and outcome.counterexample is not None:
        outcome = _positive_guesses(check, outcome, settings, clock)
    if (check.least_sizes or check.most_sizes) and outcome.verdict is Verdict.REFUTED \
            and outcome.counterexample is not None:
        at = outcome.counterexample.sizes
        below = [f"{name} = {at[name]}" for name, least in check.least_sizes if at.get(name, least) < least] \
            + [f"{name} = {at[name]}" for name, most in check.most_sizes if at.get(name, most) > most]
        if below:
            bounds = ", ".join([f"{name} >= {least}" for name, least in check.least_sizes]
                               + [f"{name} <= {most}" for name, most in check.most_sizes])
            return _Outcome(Verdict.UNKNOWN, f"refuted only at {', '.join(below)} ({outcome.counterexample.describe()}), "
                            f"a size the document excludes ({bounds}); no counterexample at the sizes it allows was "
                            "found", sizes=outcome.sizes)
    if check.size_orders and outcome.verdict is Verdict.REFUTED and outcome.counterexample is not None \
            and not _meets_orders(outcome.counterexample.sizes, check.size_orders):
        said = ", ".join(f"{a} {rel} {b}" for a, rel, b in check.size_orders)
        return _Outcome(Verdict.UNKNOWN, f"refuted only at sizes the document excludes ({said}): "
                        f"{outcome.counterexample.describe()}; no counterexample at the sizes it allows was found",
                        sizes=outcome.sizes)
    if outcome.verdict is Verdict.REFUTED and outcome.counterexample is not None and not check.most_sizes:
        outcome = _at_the_entries_written(check, outcome, settings, clock)
    if check.assume.constraints and outcome.verdict is Verdict.REFUTED and outcome.counterexample is not None:
        outcome = _positive_where_it_sums(check, outcome, settings, clock)
    if check.hot_guessed and outcome.verdict in (Verdict.PROVED, Verdict.BOUNDED, Verdict.NUMERIC, Verdict.REFUTED):
        outcome = _any_vector_too(check, outcome, settings, clock)
    if check.premises and outcome.verdict in (Verdict.PROVED, Verdict.BOUNDED, Verdict.NUMERIC, Verdict.REFUTED):
        outcome = _given_premises(check, outcome, settings, clock)
    if outcome.verdict is Verdict.REFUTED and outcome.counterexample and not outcome.counterexample.reason:
        outcome.notes = list(outcome.notes) + _test_function_notes(check)
    return outcome


def _meets_orders(sizes: dict, orders) -> bool:
    """Whether sizes (name -> value) meet every stated order between two sizes (a size they do not fix meets it)."""
    for a, rel, b in orders:
        if a in sizes and b in sizes and rel in ORDERS and not ORDERS[rel](int(sizes[a]), int(sizes[b])):
            return False
    return True


def _entries_written(check: Check) -> dict[str, int]:
    """The largest entry written by number (a_2) of each vector whose length is a size the claim also runs over
    (\\prod_{i=1}^{n} (x - a_i)): size name -> that entry."""
    exprs = [e for e in (check.lhs.expr, check.rhs.expr) if isinstance(e, sp.Basic)]
    size_of: dict = {}
    for e in exprs:
        for a in e.atoms(sp.Indexed):
            for pos, ix in enumerate(a.indices):
                if isinstance(ix, sp.Idx) and isinstance(ix.upper, sp.Symbol):
                    size_of[(a.base, pos)] = ix.upper
    written: dict[str, int] = {}
    for e in exprs:
        for a in e.atoms(sp.Indexed):
            for pos, ix in enumerate(a.indices):
                if ix.is_Integer and (a.base, pos) in size_of:
                    name = str(size_of[(a.base, pos)])
                    written[name] = max(written.get(name, 0), int(ix))
    return written


def _at_the_entries_written(check: Check, outcome: _Outcome, settings: Settings, clock: _Clock) -> _Outcome:
    """A claim that writes the entries a_1, a_2 of a vector whose length n it also runs over (g = prod (x - a_i),
    g' = 2x - a_1 - a_2) may be about n = 2 only ("for two factors"): refuted at a larger n, it is checked again
    at the n its entries show. It stands refuted if it fails there too (n = 2 is a size the claim allows whatever
    it means); otherwise it is unknown, as its size is not said."""
    at = outcome.counterexample.sizes
    over = {name: m for name, m in _entries_written(check).items() if at.get(name, 0) > m >= 2}  # (a_1 alone: no size)
    if not over:
        return outcome
    pinned = dataclasses.replace(check, least_sizes=tuple(sorted(over.items())), most_sizes=tuple(sorted(over.items())))
    again = _run_supposing(pinned, settings, clock)
    if again.verdict is Verdict.REFUTED and again.counterexample is not None \
            and all(again.counterexample.sizes.get(name, m) == m for name, m in over.items()):
        return again
    sizes = ", ".join(f"{name} = {m}" for name, m in sorted(over.items()))
    return _Outcome(Verdict.UNKNOWN, f"refuted only at a size larger than the entries it writes ({outcome.counterexample.describe()}); "
                    f"at {sizes}, the size its entries suggest, no counterexample was found: say which size the claim is about",
                    sizes=outcome.sizes)


def _any_vector_too(check: Check, outcome: _Outcome, settings: Settings, clock: _Clock) -> _Outcome:
    """A verdict with a declared vector read as one-hot by default, checked again with it any vector: it stands
    where both readings agree; else unknown, naming the reading it depends on."""
    onehot = tuple((b, t) for b, t in check.assume.onehot if str(b) not in check.hot_guessed)
    general = dataclasses.replace(check, assume=dataclasses.replace(check.assume, onehot=onehot), hot_guessed=(),
                                  premises=(), id=f"{check.id}/any")
    try:
        other = _run_supposing(general, settings, clock)
    except (StageTimeout, Unsupported):
        other = _Outcome(Verdict.UNKNOWN, "not decided in time")
    except Exception as exc:  # the second reading's failure is this check's data, as any check's is
        other = _Outcome(Verdict.UNKNOWN, f"verifier failed: {type(exc).__name__}")
    holds = (Verdict.PROVED, Verdict.BOUNDED, Verdict.NUMERIC)
    names = ", ".join(check.hot_guessed)
    both = f"with {names} read as one-hot (the default for a label) and as any vector alike"
    if outcome.verdict is other.verdict is Verdict.REFUTED:
        other.notes = list(other.notes) + [f"fails {both}; the counterexample reads {names} as any vector"]
        return other
    if outcome.verdict in holds and other.verdict in holds:
        outcome.notes = list(outcome.notes) + [f"holds {both}"]
        return outcome
    if outcome.verdict in holds and other.verdict is Verdict.REFUTED:
        how = f"true with {names} one-hot (the default), false for {names} any vector"
    elif outcome.verdict is Verdict.REFUTED and other.verdict in holds:
        how = f"false with {names} one-hot (the default), true for {names} any vector"
    else:
        how = f"{outcome.verdict.value} with {names} one-hot (the default), {other.verdict.value} for {names} any vector"
    return _Outcome(Verdict.UNKNOWN, f"{how}; the document declares {names} without saying whether "
                    f"{'it is' if len(check.hot_guessed) == 1 else 'they are'} one-hot: say \"${names}$ is one-hot\" "
                    "or give its entries", sizes=outcome.sizes)


def _given_premises(check: Check, outcome: _Outcome, settings: Settings, clock: _Clock) -> _Outcome:
    """A verdict that reads a function with its usual meaning, where the document defines the function by
    its own formula, stands only where that formula is proved to be the usual one; else unknown."""
    for lhs, rhs, what in check.premises:
        premise = dataclasses.replace(check, lhs=lhs, rhs=rhs, premises=(), hypotheses=(), values=(), either=(),
                                      id=f"{check.id}/premise")
        try:
            held = _run(premise, settings, clock)
        except (StageTimeout, Unsupported):
            held = _Outcome(Verdict.UNKNOWN, "not decided in time")
        except Exception as exc:  # the premise's failure is this check's data, as any check's is
            held = _Outcome(Verdict.UNKNOWN, f"verifier failed: {type(exc).__name__}")
        if held.verdict is Verdict.PROVED:
            continue
        how = ("it differs from it" + (f" ({held.counterexample.describe()})" if held.counterexample else "")
               if held.verdict is Verdict.REFUTED else f"derive could not prove it is the same ({held.detail})")
        return _Outcome(Verdict.UNKNOWN, f"{what} by its own formula, and derive reads the name only with its usual "
                        f"meaning: {how}; give the document's function a name of its own (f, g, h)",
                        sizes=outcome.sizes)
    return outcome


def _either(check: Check, outcome: _Outcome) -> _Outcome:
    """Capitals that may be numbers or matrices (AB = BA), checked as matrices of every size: a size of 1
    is the reading as numbers. A refutation where they are all 1x1 refutes both readings; one at larger
    sizes only refutes the reading as matrices, and the claim is then unknown until the document says
    which it means."""
    names = sorted({n for n, _ in check.either})
    listed = ", ".join(names)
    both = "numbers" if len(names) > 1 else "a number"
    if outcome.verdict is Verdict.PROVED:
        outcome.notes = list(outcome.notes) + [f"holds with {listed} read as {both} and as matrices of every size"]
        return outcome
    if outcome.verdict is not Verdict.REFUTED or outcome.counterexample is None:
        return outcome
    sizes = outcome.counterexample.sizes
    if all(sizes.get(size) == 1 for _, size in check.either):
        outcome.notes = list(outcome.notes) + [f"false with {listed} read as {both} too: a 1x1 matrix is a number"]
        return outcome
    declare = f"${listed} \\in \\mathbb{{R}}^{{n \\times n}}$"
    scalars = " and ".join(f"${n}$" for n in names) + (" are scalars" if len(names) > 1 else " is a scalar")
    return _Outcome(Verdict.UNKNOWN, f"refuted with {listed} read as matrices ({outcome.counterexample.describe()}); "
                    f"no counterexample with {listed} read as {both} (1x1) was found, and the document does not say "
                    f"which {listed} {'are' if len(names) > 1 else 'is'}: declare {declare}, or say \"{scalars}\"")


def _shapes_fit(ls: tuple, rs: tuple) -> bool:
    """Concrete shapes that _align would match: equal, a 2-D shape and its transpose, or equal once
    size-1 axes are dropped. A shape counterexample must be a size where they do not fit."""
    if ls == rs or (len(ls) == len(rs) == 2 and ls == rs[::-1]):
        return True
    return [s for s in ls if s != 1] == [s for s in rs if s != 1]
