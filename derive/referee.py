"""The independent referee: a claim's two sides, as read, evaluated at concrete sizes and points.

Every proof is cross-checked here and every counterexample is certified here, by plain evaluation
(derive.evaluate) that shares no code with the rewriting the symbolic stage proves by. A proof is
checked at every size 1..K, in every case of equal and distinct free indices, at random points; a
counterexample stands only if interval arithmetic separates the two sides with certainty.
"""

from __future__ import annotations

import functools
import itertools
import random
from dataclasses import dataclass
from fractions import Fraction

import mpmath
import sympy as sp
from sympy import Idx, Indexed

from .errors import Unsupported
from .evaluate import FAST, Arith, Claim, Evaluator, Uncertain, Undefined, Values, array_extents, interval

__all__ = ["Referee", "Separation", "point_values", "random_value", "AGREEMENT_DIGITS"]

_PRECISIONS = (128, 320, 1024)  # bits for certificates, tried in turn
_DEEP = 4096  # and, when the exact difference is known not to be 0, this many
AGREEMENT_DIGITS = int((FAST - 40) * 0.30103)  # the sides agree when they match to this many digits


@dataclass(frozen=True)
class Separation:
    """Two sides certified different: their enclosures, which do not overlap."""

    lhs: object  # mpmath interval
    rhs: object

    def lhs_value(self):
        return mpmath.mpf(self.lhs.mid)

    def rhs_value(self):
        return mpmath.mpf(self.rhs.mid)


def point_values(point: dict) -> dict:
    """Values keyed as the evaluator looks them up, from {Indexed or Symbol: number}."""
    out = {}
    for var, val in point.items():
        v = Fraction(int(val.p), int(val.q)) if isinstance(val, sp.Rational) else Fraction(val)
        if isinstance(var, Indexed):
            out[("a", var.base, tuple(int(i) for i in var.indices))] = v
        else:
            out[("s", var)] = v
    return out


class Referee:
    """Evaluates one claim; ``sizes`` and ``indices`` are the symbols it is quantified over."""

    def __init__(self, claim: Claim, sizes, indices, distinct=()):
        self.claim = claim
        self.sizes = tuple(sizes)
        equal_to = {b: a for a, b in claim.equal}
        self.aliases = equal_to
        self.indices = tuple(i for i in indices if i not in equal_to)
        self.distinct = tuple(distinct)
        self.size_bounds: dict = {}  # str(size) -> (least, most): the sizes the document allows (K = 2)
        self.size_orders: tuple = ()  # (size, relation, size): orders the document states between sizes (k <= n)
        self.unfolded: dict = {}
        bodies = [d.body for d in claim.definitions]
        self.extents = array_extents([claim.lhs, claim.rhs, *bodies], sizes)
        # A symbol that carries a sign (a > 0 said in the prose) holds only values of that sign: its sign
        # is a condition of the domain, whatever became of the written condition (a > 0 with a positive
        # a evaluates to True, and so is lost when a check is sent to a worker).
        held = set().union(sp.sympify(claim.lhs).free_symbols, sp.sympify(claim.rhs).free_symbols,
                           *(sp.sympify(c).free_symbols for c in claim.domain))
        signed = sorted((x for x in held
                         if isinstance(x, sp.Symbol) and not isinstance(x, Idx) and not x.is_integer
                         and (x.is_positive or x.is_negative or x.is_nonnegative or x.is_nonpositive)), key=str)
        self.signs = tuple(cond for x in signed for cond in (
            sp.StrictGreaterThan(x, 0, evaluate=False) if x.is_positive else
            sp.StrictLessThan(x, 0, evaluate=False) if x.is_negative else
            sp.GreaterThan(x, 0, evaluate=False) if x.is_nonnegative else
            sp.LessThan(x, 0, evaluate=False),))

        self.intervals = _intervals(claim.domain + self.signs)

    def values(self, rng: random.Random, draw=None) -> Values:
        """Values to draw at a random point: a number the claim bounds (0 < p < 1) drawn inside its bounds,
        so that a narrow domain is reached; every other number anywhere (random_value)."""
        within = {("s", x): functools.partial(_draw_between, rng, lo, hi) for x, (lo, hi) in self.intervals.items()}
        return Values(draw=draw or (lambda: random_value(rng)), within=within)

    # -- one evaluation

    def _labels(self, sizes: dict, indices: dict) -> dict:
        labels = {**sizes, **indices}
        for b, a in self.aliases.items():
            labels[b] = labels[a] if a in labels else labels.get(b)
        for k in list(labels):
            if isinstance(k, Idx):
                labels[k.label] = labels[k]
        return labels

    def sides(self, arith: Arith, sizes: dict, indices: dict, values: Values, strict: bool = False):
        """Both sides' values; raises Undefined where either is not a real number. ``strict`` (for a
        counterexample): a domain condition that cannot be evaluated makes the point unusable."""
        with arith:
            ev = Evaluator(arith, self._labels(sizes, indices), values, self.claim.onehot,
                           self.claim.definitions, unfolded=self.unfolded, extents=self.extents)
            for cond in self.claim.domain + self.signs:
                if cond is sp.true:
                    continue
                try:
                    inside = ev.holds(cond)
                except Unsupported:
                    if strict:
                        raise Undefined(f"the domain condition {cond} cannot be told at this point") from None
                    continue  # in a cross-check, a condition it cannot evaluate restricts nothing
                if not inside:
                    raise Undefined(f"outside the domain the sides are written on: {cond}")
            a = ev.value(self.claim.lhs)
            b = ev.value(self.claim.rhs)
            if hasattr(a, "terms") or hasattr(b, "terms"):
                raise Unsupported("a derivative left over outside any derivative")
            if not (arith.finite(a) and arith.finite(b)):
                raise Undefined("a side is not finite")
            return a, b

    def certify(self, sizes: dict, indices: dict, given: dict, deep: bool = False) -> Separation | None:
        """The two sides separated with certainty at this point, or None (equal, undefined, unsure).

        ``deep`` when the sides are known to differ somewhere (their exact difference is not 0): the
        precision is then raised as far as 4096 bits even when the enclosures look tight, so that a
        difference of 10^-1000 is still seen."""
        found = self._certified(sizes, indices, given, deep)
        return found if isinstance(found, Separation) else None

    def _certified(self, sizes: dict, indices: dict, given: dict, deep: bool = False) -> "Separation | bool | None":
        """A Separation where the sides certainly differ; True where both are known to many digits and overlap
        (equal as far as can be seen); None where either is undefined or unsure at every precision tried."""
        for prec in _PRECISIONS + ((_DEEP,) if deep else ()):
            try:
                a, b = self.sides(interval(prec), sizes, indices, Values(given), strict=True)
            except Uncertain:
                continue
            except Undefined:
                return None
            if a.b < b.a or b.b < a.a:
                return Separation(a, b)
            if _narrow(a) and _narrow(b) and not deep:
                return True  # they overlap and are both known to many digits: no difference to show
        return None

    def agree(self, sizes: dict, indices: dict, values: Values) -> bool | None:
        """True if the sides agree at this point, False if they certainly differ, None if undefined."""
        try:
            a, b = self.sides(Arith(FAST, certified=False), sizes, indices, values)
        except (Undefined, Uncertain):
            return None
        scale = max(mpmath.mpf(1), abs(a), abs(b))
        if abs(a - b) <= scale * mpmath.mpf(2) ** (-(FAST - 40)):
            return True
        # (apart at working precision: they agree only where the certified evaluation sees them equal; where it
        # cannot evaluate them (undefined under the strict domain, unsure), the point says nothing)
        found = self._certified(sizes, indices, values.given)
        return None if found is None else found is True

    # -- where to evaluate

    def instances(self, largest: int, rng: random.Random, limit: int = 10):
        """(sizes, indices) at every size 1..largest (combinations sampled beyond ``limit``), each
        with one assignment of the free indices per pattern of equalities among them."""
        for sizes in _size_grid(self.sizes, largest, limit, rng):
            if not self.allowed(sizes):
                continue
            for indices in self._cases(sizes, rng):
                yield sizes, indices

    def allowed(self, sizes: dict) -> bool:
        """Whether the document's bounds on its sizes (K >= 2, K = 2) admit these sizes."""
        named = {str(s): int(v) for s, v in sizes.items()}
        return all(least <= sizes.get(s, least) <= most for s, (least, most) in
                   ((s, self.size_bounds[str(s)]) for s in self.sizes if str(s) in self.size_bounds)) \
            and all(ORDERS[rel](named[a], named[b]) for a, rel, b in self.size_orders
                    if a in named and b in named and rel in ORDERS)

    def _cases(self, sizes: dict, rng: random.Random, per_size: int = 4):
        ranges = []
        for idx in self.indices:
            lo = int(sp.sympify(idx.lower).xreplace(sizes))
            hi = int(sp.sympify(idx.upper).xreplace(sizes))
            ranges.append(range(lo, hi + 1))
        if any(len(r) == 0 for r in ranges):
            return
        total = 1
        for r in ranges:
            total *= len(r)
        if total <= 64:
            pool = list(itertools.product(*ranges))
            rng.shuffle(pool)
        else:
            pool = [tuple(rng.choice(r) for r in ranges) for _ in range(400)]
        first, then = [], []
        patterns, variants = set(), set()
        for values in pool:
            assignment = dict(zip(self.indices, values))
            if not all(assignment.get(a) != assignment.get(b) for a, b in self.distinct
                       if a in assignment and b in assignment):
                continue
            # every pattern of equalities among the free indices first; then, while there is
            # room, the same patterns at the ends of the ranges, where sums and deltas change
            pattern = tuple(tuple(n for n, w in enumerate(values) if w == v) for v in values)
            ends = tuple((w == r.start, w == r.stop - 1) for w, r in zip(values, ranges))
            if pattern not in patterns:
                patterns.add(pattern)
                first.append(assignment)
            elif (pattern, ends) not in variants:
                then.append(assignment)
            variants.add((pattern, ends))
        yield from first
        yield from then[:max(0, per_size - len(first))]

    # -- the cross-check of a proof

    def cross_check(self, largest: int, rng: random.Random, deadline, minimum_points: int = 6) -> "CrossCheck":
        """Every instance at one random point each; the first certified disagreement, if any."""
        agreed, skipped, unsupported = 0, 0, ""
        todo = list(self.instances(largest, rng))
        # a claim with few instances (one, for scalars) is tried at several points each
        per_instance = max(1, -(-minimum_points // max(1, len(todo))))
        for sizes, indices in todo:
            # a point where a side is undefined (log of a negative draw) does not count: draw again,
            # a bounded number of times, so a domain of a quarter of the draws is still reached
            here = agreed
            for _ in range(per_instance * 8):
                if agreed - here >= per_instance:
                    break
                if deadline():
                    return CrossCheck(agreed, skipped, None, "ran out of time")
                values = self.values(rng)
                try:
                    verdict = self.agree(sizes, indices, values)
                except Unsupported as exc:
                    return CrossCheck(agreed, skipped, None, str(exc))
                if verdict is None:
                    skipped += 1
                elif verdict:
                    agreed += 1
                else:
                    return CrossCheck(agreed, skipped, (sizes, indices, dict(values.given)), "")
        return CrossCheck(agreed, skipped, None, unsupported)


@dataclass(frozen=True)
class CrossCheck:
    agreed: int
    undefined: int
    contradiction: tuple | None  # (sizes, indices, values) where the sides certainly differ
    incomplete: str  # why it stopped early, if it did

    def text(self) -> str:
        parts = [f"cross-checked as read at {self.agreed} point{'s' if self.agreed != 1 else ''}"]
        if self.undefined:
            parts.append(f"{self.undefined} where a side is undefined")
        if self.incomplete:
            parts.append(f"incomplete: {self.incomplete}")
        return ", ".join(parts)


def _intervals(conditions) -> dict:
    """symbol -> (least, most) of every number the conditions bound by a number (p > 0, p < 1, x >= -2),
    None for a side left open; a bound is an exact rational, strict or not alike (draws stay inside)."""
    found: dict = {}
    for cond in conditions:
        if not isinstance(cond, (sp.StrictGreaterThan, sp.GreaterThan, sp.StrictLessThan, sp.LessThan)):
            continue
        lhs, rhs, above = cond.lhs, cond.rhs, isinstance(cond, (sp.StrictGreaterThan, sp.GreaterThan))
        if isinstance(rhs, sp.Symbol) and lhs.is_Rational:
            lhs, rhs, above = rhs, lhs, not above
        if not (isinstance(lhs, sp.Symbol) and not isinstance(lhs, Idx) and not lhs.is_integer and rhs.is_Rational):
            continue
        least, most = found.get(lhs, (None, None))
        bound = Fraction(int(rhs.p), int(rhs.q))
        if above:
            least = bound if least is None else max(least, bound)
        else:
            most = bound if most is None else min(most, bound)
        found[lhs] = (least, most)
    return {x: (lo, hi) for x, (lo, hi) in found.items() if lo is None or hi is None or lo < hi}


def _draw_between(rng: random.Random, least, most) -> Fraction:
    """A number strictly inside (least, most), either end possibly open: exact in binary where the ends are."""
    if least is not None and most is not None:
        return least + (most - least) * Fraction(rng.randint(1, 255), 256)
    away = abs(random_value(rng)) or Fraction(1, 256)
    return least + away if least is not None else most - away


def random_value(rng: random.Random) -> Fraction:
    """A random real to evaluate at: exact in binary, mostly in [-3, 3], one time in four far out
    (up to about 2000), where a kink of |u|, max or ReLU past the usual range shows."""
    if rng.random() < 0.75:
        return Fraction(rng.randint(-768, 768), 256)
    magnitude = Fraction(2) ** rng.randint(2, 10) * Fraction(rng.randint(256, 511), 256)
    return magnitude if rng.random() < 0.5 else -magnitude


def _narrow(x) -> bool:
    scale = max(abs(x.a), abs(x.b), mpmath.mpf(1))
    return (x.b - x.a) <= scale * mpmath.mpf(2) ** -60


ORDERS = {"<": lambda a, b: a < b, "<=": lambda a, b: a <= b, ">": lambda a, b: a > b, ">=": lambda a, b: a >= b}


def _size_grid(sizes, largest: int, limit: int, rng: random.Random):
    if not sizes:
        yield {}
        return
    every = list(itertools.product(range(1, largest + 1), repeat=len(sizes)))
    if len(every) <= limit:
        chosen = every
    else:
        # The diagonal (every size n), each size alone at 1 and at the largest, then random ones.
        chosen = [tuple([n] * len(sizes)) for n in range(1, largest + 1)]
        for k in range(len(sizes)):
            for low, high in ((1, largest), (largest, 1), (2, largest)):
                c = [high] * len(sizes)
                c[k] = low
                chosen.append(tuple(c))
        rest = [c for c in every if c not in chosen]
        chosen += rng.sample(rest, min(len(rest), max(0, limit - len(chosen))))
        chosen = list(dict.fromkeys(chosen))
    for c in chosen:
        yield dict(zip(sizes, c))
