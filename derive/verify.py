"""The verifier: decides one check at a time and says how strong its decision is.

Stages, strongest first, each under its share of the time limit:

1. symbolic, for every size: the difference of the two sides, derivatives carried out, is brought
   to the sum normal form in every case of equalities among the free indices; zero in every
   case is a proof. A proof is then cross-checked numerically; disagreement is an internal error.
2. concrete, N = 1..K: sums expanded at each size and each index value, exact zero test; a
   nonzero instance is searched for a counterexample with simple values.
3. numeric: agreement at random points to 50 digits, reported as evidence only.

The verifier never prints; anything a stage raises becomes an 'unknown' result with the reason.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import random
import signal
import threading
import time
from dataclasses import dataclass, field

import sympy as sp
from sympy import Idx, Indexed, KroneckerDelta

from . import concrete as C
from .errors import StageTimeout, Unsupported
from .model import Assumptions, Check, Side, Verdict
from .normal import evaluate_derivatives, is_zero, normalize, rename_dummies
from .notation import unfold
from .plaintext import to_text
from .results import CheckResult, Counterexample

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

@contextlib.contextmanager
def time_limit(seconds: float):
    """Raise StageTimeout in the block after ``seconds`` (main thread only; elsewhere no limit)."""
    if seconds <= 0:
        raise StageTimeout("no time left")
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def on_alarm(signum, frame):
        raise StageTimeout(f"stage exceeded {seconds:.1f} s")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
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
    """Unfold definitions, write one-hot vectors as Kronecker deltas, give dummies fresh names."""
    e = unfold(sp.sympify(expr), assume.definitions)
    for base, hot in assume.onehot:
        e = e.replace(lambda a, b=base: isinstance(a, Indexed) and a.base == b,
                      lambda a, h=hot: KroneckerDelta(a.indices[0], h))
    for a, b in assume.equal:
        e = e.xreplace({b: a})
    return rename_dummies(e)


@dataclass
class _Aligned:
    lhs: sp.Expr
    rhs: sp.Expr
    conventions: list[str] = field(default_factory=list)
    mismatch: str = ""


def _shape_text(shape) -> str:
    if not shape:
        return "a scalar"
    if len(shape) == 1:
        return f"a vector of length {shape[0]}"
    return "×".join(str(s) for s in shape)


def _align(lhs: Side, rhs: Side, lhs_e: sp.Expr, rhs_e: sp.Expr) -> _Aligned:
    """Match the axes of the two sides; rename the right side's axis indices to the left's."""
    conventions = list(dict.fromkeys(lhs.conventions + rhs.conventions))
    if lhs.shape == rhs.shape:
        pairs = list(zip(lhs.axes, rhs.axes))
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
    mapping = {r.index: l.index for l, r in pairs if r.index is not None and l.index is not None and r.index != l.index}
    return _Aligned(lhs_e, rhs_e.xreplace(mapping), conventions)


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

def _symbolic(diff: sp.Expr, indices, assume: Assumptions) -> tuple[bool, str]:
    d = evaluate_derivatives(diff)
    n_cases = 0
    for merge, distinct in _cases(indices, assume.distinct):
        n_cases += 1
        normal = normalize(d.xreplace(merge), list(distinct) + list(assume.distinct))
        if not is_zero(normal):
            where = f" in the case {_case_text(merge)}" if merge else ""
            return False, f"the difference does not reduce to 0{where}"
    return True, f"{n_cases} case{'s' if n_cases != 1 else ''} of equal/distinct indices" if n_cases > 1 else ""


def _allowed(assignment: dict, assume: Assumptions) -> bool:
    return all(assignment.get(a) != assignment.get(b) for a, b in assume.distinct
               if a in assignment and b in assignment)


def _format_value(v) -> str:
    if v is None:
        return "undefined"
    f = sp.Float(v, 12)
    if f == int(f) and abs(f) < 1e12:
        return str(int(f))
    return f"{float(f):.10g}"


def _format_side(exact: sp.Expr, value) -> str:
    text = to_text(exact)
    num = _format_value(value)
    if len(text) <= 32 and text != num:
        return f"{text} ≈ {num}" if not exact.is_Integer else text
    return num


def _format_point(point: dict) -> dict[str, str]:
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
        if rank == 1:
            n = max(k[0] for k in entries)
            out[name] = "(" + ", ".join(_format_value(entries.get((m,), 0)) for m in range(1, n + 1)) + ")"
        elif rank == 2:
            rows = max(k[0] for k in entries)
            cols = max(k[1] for k in entries)
            out[name] = "[" + "; ".join(", ".join(_format_value(entries.get((r, c), 0)) for c in range(1, cols + 1))
                                       for r in range(1, rows + 1)) + "]"
        else:
            out[name] = ", ".join(f"{k}: {_format_value(v)}" for k, v in sorted(entries.items()))
    for name in sorted(scalars):
        out[name] = _format_value(scalars[name])
    return out


def _search(L: sp.Expr, R: sp.Expr, rng: random.Random, tries: int = 24):
    """Simple values where L and R differ, minimised towards zeros and ones; or None."""
    names = C.variables(L, R)
    for candidate in C.simple_points(names, rng, tries):
        point = dict(zip(names, map(sp.Integer, candidate)))
        found = _differs_at(L, R, point)
        if found:
            return _minimise(L, R, point)
    return None


def _differs_at(L, R, point):
    p = C.Point(point)
    a, b = C.evaluate(L, p), C.evaluate(R, p)
    if a is None or b is None:
        return None
    return (a, b) if C.differ(a, b) else None


def _minimise(L, R, point):
    for var in list(point):
        for simpler in (sp.Integer(0), sp.Integer(1)):
            if point[var] == simpler or abs(point[var]) < abs(simpler):
                continue
            trial = {**point, var: simpler}
            if _differs_at(L, R, trial):
                point = trial
                break
    a, b = _differs_at(L, R, point)
    return point, a, b


def _counterexample(L, R, sizes, indices, point, a, b) -> Counterexample:
    p = C.Point(point)
    return Counterexample(
        sizes={str(k): int(v) for k, v in sizes.items()},
        indices={str(k): int(v) for k, v in indices.items()},
        values=_format_point(point),
        lhs=_format_side(p.apply(L), a),
        rhs=_format_side(p.apply(R), b),
    )


def _shape_counterexample(check: Check, params, settings: Settings) -> Counterexample:
    sizes_all = params.sizes or tuple(sorted({s for a in check.lhs.axes + check.rhs.axes
                                              for s in sp.sympify(a.size).free_symbols}, key=str))
    for sizes in C.size_combinations(sizes_all, settings.max_size, 1000):
        ls = tuple(int(sp.sympify(s).xreplace(sizes)) for s in check.lhs.shape)
        rs = tuple(int(sp.sympify(s).xreplace(sizes)) for s in check.rhs.shape)
        if not _shapes_fit(ls, rs):
            return Counterexample(sizes={str(k): v for k, v in sizes.items()}, indices={}, values={},
                                  lhs=_shape_text(ls), rhs=_shape_text(rs),
                                  reason=f"the left side is {_shape_text(ls)}, the right side is {_shape_text(rs)}")
    return Counterexample({}, {}, {}, _shape_text(check.lhs.shape), _shape_text(check.rhs.shape),
                          reason="the shapes differ")


@dataclass
class _Outcome:
    verdict: Verdict
    detail: str
    bound: int | None = None
    counterexample: Counterexample | None = None
    notes: list[str] = field(default_factory=list)
    conventions: list[str] = field(default_factory=list)
    sizes: tuple[str, ...] = ()


def _numeric(lhs_e, rhs_e, params, assume, settings, rng, sizes_tried: int = 8):
    """Random high-precision points at small sizes: (agreeing points, first disagreement or None).

    The largest sizes up to 3 come first, each with two random index assignments (then one) and
    ``settings.random_points`` points spread over them; ``sizes_tried`` bounds how many sizes.
    """
    agreed = 0
    combos = C.size_combinations(params.sizes, min(3, settings.max_size), 8)[::-1][:sizes_tried]
    for n, sizes in enumerate(combos):
        assignments = [a for a in C.index_assignments(params.indices, sizes) if _allowed(a, assume)]
        if not assignments:
            continue
        for assignment in rng.sample(assignments, min(2 if n == 0 else 1, len(assignments))):
            L = C.instantiate(lhs_e, sizes, assignment)
            R = C.instantiate(rhs_e, sizes, assignment)
            names = C.variables(L, R)
            per_instance = settings.random_points // 3 if params.sizes else settings.random_points
            for values in C.random_points(names, rng, max(1, per_instance)):
                point = dict(zip(names, values))
                p = C.Point(point)
                a, b = C.evaluate(L, p), C.evaluate(R, p)
                if a is None or b is None:
                    continue
                if C.differ(a, b):
                    return agreed, (L, R, sizes, assignment, point, a, b)
                agreed += 1
    return agreed, None


def _run(check: Check, settings: Settings, clock: _Clock) -> _Outcome:
    if check.problem:
        return _Outcome(Verdict.UNKNOWN, f"not checked: {check.problem}")
    assume = check.assume
    lhs_e = prepare(check.lhs.expr, assume)
    rhs_e = prepare(check.rhs.expr, assume)
    aligned = _align(check.lhs, check.rhs, lhs_e, rhs_e)
    hot = [t for _, t in assume.onehot]
    params = C.parameters_of(aligned.lhs, aligned.rhs, extra_indices=hot)
    notes = []
    free_l = {s for s in C.free_symbols(aligned.lhs) if isinstance(s, Idx)}
    free_r = {s for s in C.free_symbols(aligned.rhs) if isinstance(s, Idx)}
    for side, only in (("right", free_r - free_l), ("left", free_l - free_r)):
        for idx in sorted(only - set(hot), key=str):
            notes.append(f"index {idx} is free on the {side} side only: the claim must hold for every {idx}")
    extra = dict(notes=notes, conventions=aligned.conventions, sizes=tuple(str(s) for s in params.sizes))
    if aligned.mismatch:
        return _Outcome(Verdict.REFUTED, aligned.mismatch,
                        counterexample=_shape_counterexample(check, params, settings), **extra)
    rng = random.Random(int(hashlib.sha256(check.id.encode()).hexdigest()[:12], 16))

    # 1. symbolic, for every size
    reason = ""
    try:
        with time_limit(min(clock.left(), settings.timeout * settings.symbolic_share)):
            proved, how = _symbolic(aligned.lhs - aligned.rhs, params.indices, assume)
        reason = "" if proved else how
    except StageTimeout:
        proved, reason = False, "the symbolic stage ran out of time"
    except Unsupported as exc:
        proved, reason = False, f"unsupported in the symbolic stage: {exc}"
    def cross_checked(detail: str) -> _Outcome:
        # The cross-check of a proof: two sizes, three instances, enough to catch a wrong proof.
        try:
            with time_limit(max(0.5, clock.left())):
                agreed, bad = _numeric(aligned.lhs, aligned.rhs, params, assume, settings, rng, sizes_tried=2)
        except StageTimeout:
            return _Outcome(Verdict.PROVED, detail + "; the numeric cross-check ran out of time", **extra)
        if bad:
            L, R, sizes, assignment, point, a, b = bad
            return _Outcome(Verdict.ERROR, "symbolic proof contradicted by a numeric evaluation",
                            counterexample=_counterexample(L, R, sizes, assignment, point, a, b), **extra)
        return _Outcome(Verdict.PROVED, detail + (f"; agrees numerically at {agreed} points" if agreed else ""),
                        **extra)

    if proved:
        return cross_checked("difference reduces to 0 for every size" + (f" ({how})" if how else ""))

    # 2. concrete sizes 1..K, exact
    combos = C.size_combinations(params.sizes, settings.max_size, settings.max_instances)
    done_sizes: list[dict] = []
    undecided = ""
    try:
        with time_limit(min(clock.left() - 0.5, settings.timeout * settings.concrete_share)):
            for sizes in combos:
                for assignment in C.index_assignments(params.indices, sizes):
                    if not _allowed(assignment, assume):
                        continue
                    L = C.instantiate(aligned.lhs, sizes, assignment)
                    R = C.instantiate(aligned.rhs, sizes, assignment)
                    try:
                        if C.exactly_equal(L, R):
                            continue
                    except Unsupported as exc:
                        undecided = f"the exact test cannot read this instance: {exc}"
                        raise StageTimeout(undecided) from None
                    found = _search(L, R, rng)
                    if found:
                        point, a, b = found
                        cx = _counterexample(L, R, sizes, assignment, point, a, b)
                        size_text = ", ".join(f"{k} = {v}" for k, v in cx.sizes.items())
                        return _Outcome(Verdict.REFUTED, f"fails at {size_text}" if size_text else "fails",
                                        counterexample=cx, **extra)
                    undecided = "an exact instance did not reduce to 0, yet no counterexample was found"
                    raise StageTimeout(undecided)
                done_sizes.append(sizes)
    except StageTimeout:
        pass
    bound = _complete_bound(done_sizes, params.sizes)
    if not params.sizes and done_sizes and not undecided:
        # Nothing varies in size: the one exact instance is the claim itself.
        return cross_checked("difference reduces to 0 (no size to vary)")
    if bound and not undecided:
        return _Outcome(Verdict.BOUNDED, f"exact at every size up to {bound}; not proved in general: {reason}",
                        bound=bound, **extra)

    # 3. numeric evidence
    try:
        with time_limit(max(0.5, clock.left())):
            agreed, bad = _numeric(aligned.lhs, aligned.rhs, params, assume, settings, rng)
    except StageTimeout:
        return _Outcome(Verdict.UNKNOWN, f"time limit of {settings.timeout:g} s reached; {reason}", **extra)
    if bad:
        L, R, sizes, assignment, point, a, b = bad
        return _Outcome(Verdict.REFUTED, "fails at a random point",
                        counterexample=_counterexample(L, R, sizes, assignment, point, a, b), **extra)
    if agreed:
        return _Outcome(Verdict.NUMERIC, f"agrees at {agreed} random points to {C.PRECISION} digits; "
                        f"no proof: {undecided or reason}", **extra)
    return _Outcome(Verdict.UNKNOWN, f"no point could be evaluated; {reason}", **extra)


def _complete_bound(done: list[dict], sizes) -> int | None:
    """The largest K such that every assignment of 1..K to the sizes was checked."""
    if not sizes:
        return None
    seen = {tuple(d[s] for s in sizes) for d in done}
    k = 0
    while all(c in seen for c in itertools.product(range(1, k + 2), repeat=len(sizes))):
        k += 1
    return k or None


def verify_check(check: Check, settings: Settings = Settings()) -> CheckResult:
    """Verify one check; never raises for a problem in the check itself."""
    clock = _Clock(settings.timeout)
    try:
        outcome = _run(check, settings, clock)
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
    holds = outcome.verdict in (Verdict.PROVED, Verdict.BOUNDED, Verdict.NUMERIC)
    conventions = tuple(outcome.conventions) if holds else ()
    return CheckResult(
        id=check.id, derivation=check.derivation, source=check.source, label=check.label, part=check.part,
        verdict=outcome.verdict, detail=outcome.detail, expected=str(check.expect),
        seconds=round(clock.elapsed(), 3), bound=outcome.bound, conventions=conventions,
        counterexample=outcome.counterexample, notes=tuple(outcome.notes), sizes=outcome.sizes,
    )


def _shapes_fit(ls: tuple, rs: tuple) -> bool:
    """Concrete shapes that _align would match: equal, a 2-D shape and its transpose, or equal once
    size-1 axes are dropped. A shape counterexample must be a size where they do not fit."""
    if ls == rs or (len(ls) == len(rs) == 2 and ls == rs[::-1]):
        return True
    return [s for s in ls if s != 1] == [s for s in rs if s != 1]
