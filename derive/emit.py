"""The kernel emitter: prints proved catalog claims as a NumPy module, derive/kernels/_generated.py.

Each kernel is the right side of a catalog claim (or a form the claims pin down exactly),
printed over whole arrays by derive.numpy_printer. Emission first runs the verifier on every
claim a kernel uses and refuses, naming the claim, unless each is proved for every size.
Rendering is deterministic: the same catalog always gives the same bytes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import sympy as sp
from sympy import Idx, Indexed, IndexedBase, Sum

from .errors import DeriveError
from .files import write_atomic
from .model import Verdict
from .notation import Definition, softmax
from .numpy_printer import Context, ExceptSum, SignBit, SplitExp, to_entry, to_numpy, to_numpy_inplace

__all__ = ["KERNELS", "EmitRefused", "Emitted", "claims_used", "render_kernels", "emit_kernels", "default_path",
           "kernel_specs"]


class EmitRefused(DeriveError):
    """A kernel rests on a claim the verifier has not proved for every size."""


@dataclass(frozen=True)
class Output:
    """One array a kernel returns: an expression over the axes of ``axes``."""

    expr: sp.Expr
    axes: tuple[Idx, ...]


@dataclass(frozen=True)
class Form:
    """What a kernel computes, before printing: bindings, definitions and outputs."""

    outputs: tuple[Output, ...]
    definitions: tuple[Definition, ...] = ()
    bindings: tuple[tuple[str, str], ...] = ()  # (name, NumPy code) computed first, in order
    context: Context = Context()
    fast: tuple[str, Output] | None = None  # (guard, output): returned at once when the guard holds
    # (symbol, expression) values per row, computed before the definitions: the arrays they
    # reduce are freed before the next full-size array is allocated.
    rows: tuple[tuple[sp.Symbol, sp.Expr], ...] = ()


@dataclass(frozen=True)
class Kernel:
    """A kernel to emit: its name, parameters, the claims it is printed from and how."""

    name: str
    params: tuple[str, ...]
    claims: tuple[str, ...]
    summary: str
    build: Callable[[dict], Form]
    entrywise: bool = False  # also printed as one entry, the loop body of a compiled ufunc


# --- the kernels -----------------------------------------------------------------------------

# The ufunc and method forms: the same results without numpy.max's and numpy.argmax's wrappers.
_MAX_ROW = "numpy.maximum.reduce(x, axis=-1, keepdims=True)"
_ARGMAX_ROW = "x.argmax(-1, keepdims=True)"
_SOFTMAX = "stability/softmax/kernel#ends"
_LOG_SOFTMAX = "stability/log-softmax/kernel#ends"
_SPLIT = "stability/softmax/error-free-shift#1"


def _side(checks: dict, cid: str):
    return checks[cid].rhs


def _split_exps(expr: sp.Expr, shift: sp.Symbol) -> sp.Expr:
    """Each e^{t_q} e^{(x_q - shift) - t_q} in expr as SplitExp(t[q]); refused if any t is left over.

    The kernel binds t = fl(x - shift) and its exact error d (derive.kernels._generated._split),
    so the second factor is e^{d_q}: only a factor of exactly that form may be read so.
    """
    from .catalog.stability import t, x

    def split(mul):
        factors = list(mul.args)
        for a in factors:
            if isinstance(a, sp.exp) and isinstance(a.args[0], Indexed) and a.args[0].base == t:
                q = a.args[0].indices[0]
                residue = sp.exp((x[q] - shift) - t[q])
                if residue in factors:
                    rest = [f for f in factors if f is not a and f != residue]
                    return split(sp.Mul(*rest)) * SplitExp(t[q]) if rest else SplitExp(t[q])
        return mul

    out = expr.replace(lambda a: isinstance(a, sp.Mul), split)
    rest = out.replace(lambda a: isinstance(a, SplitExp), lambda a: sp.S.One)
    if any(isinstance(a, Indexed) and a.base == t for a in rest.atoms(Indexed)):
        raise EmitRefused(f"the kernel form uses {t} other than as e^{{t}} e^{{(x - {shift}) - t}}: {out}")
    return out


def _softmax(checks):
    from .catalog.stability import m, t

    rhs = _side(checks, _SOFTMAX)
    ctx = Context(sizes={rhs.axes[0].size: "x.shape[-1]"}, rows=frozenset({m}), splits={t: "d"}, inplace=True)
    bindings = (("m", f"_shift({_MAX_ROW}, False)"), ("t, d", "_split(x, m)"))
    return Form((Output(_split_exps(rhs.expr, m), rhs.indices),), bindings=bindings, context=ctx)


def _log_softmax(checks):
    from .catalog.stability import c, t

    rhs = _side(checks, _LOG_SOFTMAX)
    (i,) = rhs.indices
    k = next(s for s in rhs.expr.free_symbols if isinstance(s, Idx) and s != i)
    lse = sp.Symbol("L")  # the log-sum-exp term, one value per row
    ctx = Context(sizes={i.upper: "x.shape[-1]"}, rows=frozenset({c, lse}), gathers={k: "k"}, splits={t: "d"},
                  inplace=True)
    bindings = (("k", _ARGMAX_ROW), ("c", "_shift(_take(x, k), True)"),
                ("t, d", "_split(x, c)"))
    # x_i - x_k first, in one rounding: SymPy's flat sum would otherwise add the log term to x_i.
    x = next(a.base for a in rhs.expr.atoms(Indexed) if str(a.base) == "x")
    z = IndexedBase("z", real=True)
    rest = rhs.expr - (x[i] - x[k])
    if i in rest.free_symbols:
        raise EmitRefused(f"{_LOG_SOFTMAX}: the term after x_i - x_k depends on i: {rest}")
    return Form((Output(z[i] - lse, (i,)),), definitions=(Definition(z, (i,), x[i] - x[k]),),
                bindings=bindings, context=ctx, rows=((lse, _split_exps(-rest, c)),))


def _sign_split(checks, ids, make):
    """The kernel form ``make(x)`` after checking that the claims state it at x = p and x = -p."""
    from .catalog.stability import p

    for cid, at in zip(ids, (p, -p)):
        if checks[cid].rhs.expr != make(at):
            raise EmitRefused(f"{cid} does not state the form the kernel prints at x = {at}")
    x = IndexedBase("x", real=True)
    i = Idx("i", (1, sp.Symbol("N", integer=True, positive=True)))
    # One argument x: every array over i has x's shape, so results may be written in place.
    return Form((Output(_one_exp(make(x[i])), (i,)),), context=Context(inplace=True))


def _one_exp(expr: sp.Expr) -> sp.Expr:
    """e^{min(v, 0)} as e^{-|v|} where v's sign bit is set and 1 elsewhere: one exponential.

    For v < 0, min(v, 0) and -|v| are the same number; at v = +-0 both pieces are e^0 = 1; for
    v > 0 it is e^0 = 1; a NaN makes the kernel's denominator NaN whichever piece it takes. So
    the kernel shares e^{-|v|} with the denominator instead of evaluating a second exponential.
    The sign bit, not v < 0, so that no NaN enters an ordered comparison (see SignBit).
    """
    def one(a):
        v = a.args[0].args[0] if a.args[0].args[1] == 0 else a.args[0].args[1]
        return sp.Piecewise((sp.exp(-sp.Abs(v)), SignBit(v)), (1, True))

    return expr.replace(lambda a: isinstance(a, sp.exp) and isinstance(a.args[0], sp.Min) and 0 in a.args[0].args, one)


_SIGMOID_FAST = "stability/sigmoid/kernel-moderate-x#1"


def _sigmoid(checks):
    from .catalog.stability import sigmoid_form, u

    form = _sign_split(checks, ("stability/sigmoid/kernel-nonnegative-x#1", "stability/sigmoid/kernel-negative-x#1"),
                       sigmoid_form)
    (out,) = form.outputs
    # The definition, where it cannot overflow: fewer passes than the sign-split form.
    fast = checks[_SIGMOID_FAST].rhs.expr.xreplace({u: out.expr.atoms(Indexed).pop()})
    return Form(form.outputs, fast=("_moderate(x)", Output(fast, out.axes)), context=form.context)


def _sigmoid_grad(checks):
    from .catalog.stability import sigmoid_grad_form

    return _sign_split(checks, ("stability/sigmoid/derivative-kernel-nonnegative-x#1",
                                "stability/sigmoid/derivative-kernel-negative-x#1"), sigmoid_grad_form)


def _one(cid: str, size_of: str = "x.shape[-1]"):
    def build(checks):
        check = checks[cid]
        sizes = {a.size: size_of for a in check.rhs.axes}
        return Form((Output(check.rhs.expr, check.rhs.indices),), definitions=check.assume.definitions,
                    context=Context(sizes=sizes, dtype="x.dtype"))
    return build


def _mlp_input_grad(checks):
    forward = checks["stability/networks/network-forward#1"]
    hidden = checks["stability/networks/hidden-layer-gradient#1"]
    layer = checks["stability/networks/sigmoid-layer-gradient#1"]
    v = next(s.base for s in layer.rhs.expr.atoms(Indexed) if str(s.base) == "v")
    # The chain rule: the sigmoid-layer gradient with v = dCE/dh, the hidden-layer gradient.
    dh = Definition(v, hidden.rhs.indices, hidden.rhs.expr)
    return Form((Output(layer.rhs.expr, layer.rhs.indices),), definitions=forward.assume.definitions + (dh,))


def _linear_grads(checks):
    weight = checks["stability/networks/linear-weight-gradient#1"]
    bias = checks["stability/networks/linear-bias-gradient#1"]
    return Form((Output(weight.rhs.expr, weight.rhs.indices), Output(bias.rhs.expr, bias.rhs.indices)),
                definitions=weight.assume.definitions)


KERNELS: tuple[Kernel, ...] = (
    Kernel("softmax", ("x",), (_SOFTMAX, _SPLIT),
           "softmax over the last axis, shifted into range and split so that the shift costs no accuracy", _softmax),
    Kernel("log_softmax", ("x",), (_LOG_SOFTMAX, _SPLIT),
           "log-softmax over the last axis through the shifted, split log-sum-exp", _log_softmax),
    Kernel("sigmoid", ("x",), (_SIGMOID_FAST, "stability/sigmoid/kernel-nonnegative-x#1",
                               "stability/sigmoid/kernel-negative-x#1"),
           "the logistic function, entry by entry, in the form that never overflows", _sigmoid, entrywise=True),
    Kernel("sigmoid_grad", ("x",), ("stability/sigmoid/derivative-kernel-nonnegative-x#1",
                                    "stability/sigmoid/derivative-kernel-negative-x#1"),
           "the derivative of the logistic function, entry by entry", _sigmoid_grad, entrywise=True),
    Kernel("softmax_jacobian", ("x",), ("stability/softmax-gradients/softmax-jacobian#1",
                                        _SOFTMAX),
           "the Jacobian of softmax over the last axis, N x N per row", _one("stability/softmax-gradients/softmax-jacobian#1")),
    Kernel("log_softmax_jacobian", ("x",), ("stability/softmax-gradients/log-softmax-jacobian#1",
                                            _SOFTMAX),
           "the Jacobian of log-softmax over the last axis, N x N per row",
           _one("stability/softmax-gradients/log-softmax-jacobian#1")),
    Kernel("softmax_cross_entropy", ("x", "y"), ("stability/softmax-gradients/cross-entropy#1",
                                                 _LOG_SOFTMAX),
           "the cross-entropy of targets y against softmax(x), one value per row",
           _one("stability/softmax-gradients/cross-entropy#1")),
    Kernel("softmax_cross_entropy_grad", ("x", "y"), ("stability/softmax-gradients/cross-entropy-gradient#1",
                                                      _SOFTMAX),
           "the gradient of softmax_cross_entropy with respect to x",
           _one("stability/softmax-gradients/cross-entropy-gradient#1")),
    Kernel("mlp_forward", ("x", "W1", "b1", "W2", "b2"), ("stability/networks/network-forward#1",
                                                           "stability/sigmoid/kernel-nonnegative-x#1",
                                                           "stability/sigmoid/kernel-negative-x#1",
                                                           _SOFTMAX),
           "softmax(sigmoid(x W1 + b1) W2 + b2), the class probabilities of a one-hidden-layer network",
           _one("stability/networks/network-forward#1", "W2.shape[-1]")),
    Kernel("mlp_input_grad", ("x", "y", "W1", "b1", "W2", "b2"),
           ("stability/networks/network-forward#1", "stability/networks/hidden-layer-gradient#1",
            "stability/networks/sigmoid-layer-gradient#1", "stability/sigmoid/derivative-kernel-nonnegative-x#1",
            "stability/sigmoid/derivative-kernel-negative-x#1", _SOFTMAX),
           "the gradient of the network's cross-entropy with respect to its input x", _mlp_input_grad),
    Kernel("linear_softmax_grads", ("x", "y", "W", "b"),
           ("stability/networks/linear-weight-gradient#1", "stability/networks/linear-bias-gradient#1",
            _SOFTMAX),
           "the gradients (dW, db) of the cross-entropy of softmax(W x + b), per example", _linear_grads),
)


def claims_used(kernels=KERNELS) -> tuple[str, ...]:
    """Every claim the kernels rest on, each once, in order of first use."""
    return tuple(dict.fromkeys(c for k in kernels for c in k.claims))


# --- preparing an expression for printing ----------------------------------------------------

def _unify(expr: sp.Expr, axes) -> sp.Expr:
    """With one axis a, give every sum over a's range that does not involve a the index a.

    The body of such a sum is then the same expression as its twin outside the sum (e^{x_j - m}
    and e^{x_i - m}), so common-subexpression elimination computes it once.
    """
    if len(axes) != 1:
        return expr
    (a,) = axes

    def walk(e):
        if isinstance(e, Sum) and len(e.limits) == 1:
            j, lo, hi = e.limits[0]
            body = walk(e.function)
            if (lo, hi) == (a.lower, a.upper) and a not in body.free_symbols:
                return Sum(body.xreplace({j: a}), (a, lo, hi))
            return Sum(body, *e.limits)
        if type(e).__name__ == "SumExcept":
            vec, k = e.args
            (j,) = vec.variables
            # A factor that does not depend on the summed index multiplies the sum once.
            factors = sp.Mul.make_args(walk(vec.expr).xreplace({j: a}))
            outside = [f for f in factors if a not in f.free_symbols]
            inside = [f for f in factors if a in f.free_symbols]
            return sp.Mul(*outside) * ExceptSum(sp.Mul(*inside), a, k)
        if not e.args or isinstance(e, (Indexed, Idx, sp.Lambda)):
            return e
        return e.func(*[walk(arg) for arg in e.args])

    return walk(expr)


def _softmax_vectors(exprs, definitions):
    """softmax(v)_i and log softmax(v)_i as entries of named vectors, each vector computed once."""
    found: dict = {}

    def name_for(kind, vec):
        key = (kind, sp.srepr(vec))
        if key not in found:
            (q,) = vec.variables
            stem = "s" if kind == "softmax" else "ls"
            n = sum(1 for k in found if k[0] == kind)
            base = IndexedBase(stem if n == 0 else f"{stem}{n}", real=True)
            body = softmax(vec, q) if kind == "softmax" else sp.log(softmax(vec, q))
            found[key] = (base, Definition(base, (q,), body))
        return found[key][0]

    def replace(e):
        e = e.replace(lambda a: isinstance(a, sp.log) and isinstance(a.args[0], softmax),
                      lambda a: name_for("log", a.args[0].args[0])[a.args[0].args[1]])
        return e.replace(lambda a: isinstance(a, softmax), lambda a: name_for("softmax", a.args[0])[a.args[1]])

    new_defs = [Definition(d.name, d.indices, replace(d.body)) for d in definitions]
    new_exprs = [replace(e) for e in exprs]
    return new_exprs, new_defs + [d for _, d in found.values()]


def _shared_terms(exprs):
    """Name a sum of terms that also occurs inside a longer sum: x - m in x - m - L and in e^{x - m}.

    SymPy flattens sums, which hides (x_i - x_k) inside (x_i - x_k) - log(...) from common-
    subexpression elimination; naming it first makes it one shared temporary.
    """
    temps = []
    exprs = list(exprs)
    while True:
        adds = sorted({a for e in exprs for a in sp.preorder_traversal(e) if isinstance(a, sp.Add)}, key=sp.srepr)
        common = next((b for b in adds for a in adds if a != b and set(b.args) < set(a.args)), None)
        if common is None:
            return temps, exprs
        name = sp.Symbol(f"t{len(temps)}")
        temps.append((name, common))
        inner = set(common.args)

        def regroup(e, name=name, inner=inner, common=common):
            if e == common:
                return name
            if isinstance(e, sp.Add) and inner < set(e.args):
                return sp.Add(name, *[regroup(a) for a in e.args if a not in inner])
            if not e.args or isinstance(e, (Indexed, Idx, sp.Lambda)):
                return e
            return e.func(*[regroup(a) for a in e.args])

        exprs = [regroup(e) for e in exprs]


def _order(defs):
    """Definitions in an order where each comes after the ones it uses."""
    done, out = set(), []
    pending = list(defs)
    while pending:
        for d in pending:
            uses = {a.base for a in d.body.atoms(Indexed)} | d.body.free_symbols
            if not any(o.name in uses for o in pending if o is not d):
                out.append(d)
                done.add(d.name)
                pending.remove(d)
                break
        else:
            raise EmitRefused("definitions refer to each other in a cycle")
    return out


def _axes_of(expr, preferred, gathers) -> tuple:
    free = [s for s in expr.free_symbols if isinstance(s, Idx) and s not in gathers]
    return tuple(sorted(free, key=lambda s: (preferred.index(s) if s in preferred else len(preferred), str(s))))


@dataclass
class _Lines:
    body: list = field(default_factory=list)

    def add(self, text: str) -> None:
        self.body.append("    " + text)


def _in_place(expr, axes, context: Context, own=(), name: str = "r") -> tuple[str | None, str]:
    """(allocation or None, code): in one buffer where the context allows it, else printed plainly."""
    if context.inplace and len(axes) == 1:
        return to_numpy_inplace(expr, axes[0], context, own, name)
    return None, to_numpy(expr, axes, context)


def _print_kernel(kernel: Kernel, form: Form) -> str:
    lines = _Lines()
    if form.fast is not None:
        guard, out = form.fast
        lines.add(f"if {guard}:")
        alloc, code = _in_place(out.expr, out.axes, form.context)
        if alloc:
            lines.add(f"    {alloc}")
        lines.add(f"    return {code}")
    for name, code in form.bindings:
        lines.add(f"{name} = {code}")
    for sym, value in form.rows:
        axes = form.outputs[0].axes
        lines.add(f"{sym} = {to_numpy(_unify(value, axes), axes, form.context)}")
    exprs, defs = _softmax_vectors([o.expr for o in form.outputs], form.definitions)
    own = set()  # arrays computed here (not aliases of an argument), which the output may overwrite
    for d in _order(defs):
        axes = tuple(d.indices)
        lines.add(f"{d.name} = {to_numpy(_unify(d.body, axes), axes, form.context)}")
        if not isinstance(d.body, (sp.Symbol, Indexed)):
            own.add(d.name)
    if len(exprs) == 1:
        # One output: sums may share their bodies with it. With several, the sums stay as
        # written, so that the outputs (over different axes) share whole subexpressions instead.
        exprs = [_unify(exprs[0], form.outputs[0].axes)]
    named, exprs = _shared_terms(exprs)
    temps, reduced = sp.cse(exprs, symbols=sp.numbered_symbols("t", start=len(named)), optimizations=None,
                            order="canonical")
    temps = named + temps
    preferred = tuple(a for o in form.outputs for a in o.axes)
    replaced: dict = {}
    for sym, sub in temps:
        sub = sub.xreplace(replaced)
        axes = _axes_of(sub, preferred, form.context.gathers)
        if not axes:
            replaced[sym] = sub  # a per-row value: printed where it is used
            continue
        base = IndexedBase(str(sym), real=True)
        replaced[sym] = base[axes]
        alloc, code = _in_place(sub, axes, form.context, name=str(sym))
        if alloc:
            lines.add(alloc)
        lines.add(f"{sym} = {code}")
        if not isinstance(sub, (sp.Symbol, Indexed)):
            own.add(base)
    if len(form.outputs) == 1:
        (out,) = form.outputs
        alloc, code = _in_place(reduced[0].xreplace(replaced), out.axes, form.context, own)
        if alloc:
            lines.add(alloc)
        lines.add(f"return {code}")
    else:
        results = [to_numpy(e.xreplace(replaced), o.axes, form.context) for e, o in zip(reduced, form.outputs)]
        lines.add("return " + ", ".join(results))
    return "\n".join(lines.body)


# --- the module ------------------------------------------------------------------------------

_HEADER = '''"""Numeric kernels printed from proved catalog claims by derive.emit; regenerate with `derive emit`.

Do not edit: a test regenerates this module and fails on any difference. Inputs are not checked
here; derive.kernels validates them and documents each kernel.
"""

import math

import numpy

__all__ = [{names}]


def _take(a, k):
    """The entries of a at the positions k (one per row, keepdims) along the last axis."""
    if a.ndim == 1:
        return a[k]
    return numpy.take_along_axis(a, k, axis=-1)


def _sum_except(a, k):
    """The sum over the last axis of a, leaving out the entry at position k (written into a)."""
    if a.ndim == 1:
        a[k[0]] = 0
    elif a.flags.c_contiguous:
        a.reshape(-1)[k.reshape(-1) + numpy.arange(0, a.size, a.shape[-1])] = 0
    else:
        numpy.put_along_axis(a, k, 0, axis=-1)
    return numpy.add.reduce(a, axis=-1, keepdims=True)


# log(largest float) - 40, rounded down: below exp(LIMIT) a row of up to e^40 entries sums to a finite number.
_LIMIT = {{numpy.dtype(numpy.float32): 48.0, numpy.dtype(numpy.float64): 669.0}}


# Above these, exp(-x) stays finite: e^700 and e^80 are below the largest float64 and float32.
_MODERATE = {{numpy.dtype(numpy.float32): -80.0, numpy.dtype(numpy.float64): -700.0}}


def _moderate(x):
    """Whether exp(-x) is finite at every entry of x (False when any is NaN)."""
    return bool(numpy.minimum.reduce(x, axis=None) >= _MODERATE[x.dtype])


def _shift(top, finite):
    """The shift c per row for exp(x - c), from the row maximum top (keepdims).

    0 while top lies in [0, LIMIT]: then x - 0 is exact and nothing overflows (the number 0.0
    when every row is so). Otherwise the integer nearest top, which keeps every exponent at
    most 1/2 and makes x - c splittable (see _split). A row whose maximum is not finite keeps
    it (finite=False) or gets 0.
    """
    limit = _LIMIT[top.dtype]
    if top.size == 1:
        v = top.item()
        if 0 <= v <= limit:
            return 0.0
        if v - v == 0:  # finite: the nearest integer, ties to even as numpy.rint
            return numpy.full_like(top, round(v))
        return numpy.full_like(top, 0 if finite else v)
    if 0 <= top.min() and top.max() <= limit:
        return 0.0
    c = numpy.rint(top)
    c[(top >= 0) & (top <= limit)] = 0
    if finite:
        c[~numpy.isfinite(c)] = 0
    return c


def _split(x, c):
    """x - c as (t, d): t = fl(x - c) and d = (x - c) - t exactly; (x, None) when c is the number 0.

    With c an integer, t + c is exact wherever exp(t) does not underflow, so x - (t + c) is the
    exact rounding error (the two-sum error term in two operations). Where that fails, x is
    -inf or exp(t) rounds to 0, which _exp_split drops (d is not read), or x is +inf or NaN,
    which makes the result NaN as it is anyway.
    """
    if isinstance(c, float):
        return x, None
    t = x - c
    d = t + c
    numpy.subtract(x, d, out=d)
    return t, d


# Below these, e^t is less than half the smallest subnormal (e^-745.13, e^-103.97): it rounds to 0.
_ZERO = {{numpy.dtype(numpy.float32): -104.0, numpy.dtype(numpy.float64): -746.0}}


def _exp_split(t, d):
    """exp(t) exp(d) as exp(t) + exp(t) d, the first-order term of exp(d): |d| < 2^-43, so within 2^-80.

    Written into t and d, which _split made for this call alone (t is x itself when d is None).
    Entries whose exponential rounds to 0 get 0 without calling exp, whose vectorised loop
    falls back to a slow scalar path on them (a shifted row of wide spread has many). At
    x = +inf, d is NaN and so is the result, as the row's is anyway.
    """
    if d is None:
        return numpy.exp(t)
    drop = t <= _ZERO[t.dtype]  # -inf among them; not NaN, which stays NaN through exp
    e = numpy.exp(t, out=t, where=~drop)
    p = numpy.multiply(e, d, out=d)
    p += e
    numpy.copyto(p, 0.0, where=drop)  # what the dropped entries held was never an exponential
    return p
'''


def _print_entry(kernel: Kernel, form: Form) -> str:
    """One entry of an entrywise kernel's output, with its common subexpressions named.

    A quotient num / (1 + t) with t = e^{-|v|}, so 0 <= t <= 1, is compensated: s = fl(1 + t)
    and 1 + t = s + ((1 - s) + t) exactly (Fast2Sum, as 1 >= t), so num / (1 + t) =
    q (1 - ((1 - s) + t) / s) to first order with q = num / s: the rounding of 1 + t no longer
    reaches the result (within 1.5 ULP where the plain quotient reaches 2.1; measured by
    benchmarks/accuracy_kernels.py).
    """
    (out,) = form.outputs
    temps, (expr,) = sp.cse(out.expr, symbols=sp.numbered_symbols("t"), optimizations=None, order="canonical")
    lines = [f"    {sym} = {to_entry(sub)}" for sym, sub in temps]
    num, den = sp.fraction(expr)
    t = den - 1
    bound = dict(temps).get(t)
    if isinstance(bound, sp.exp) and isinstance(-bound.args[0], sp.Abs):
        lines += [f"    s = {t} + 1", f"    q = {to_entry(num)}/s", f"    return q - q*(((1 - s) + {t})/s)"]
        return "\n".join(lines)
    return "\n".join(lines + [f"    return {to_entry(expr)}"])


def render_kernels(checks: dict | None = None, kernels=KERNELS) -> str:
    """The text of the generated module; checks by id (default: the built-in catalog)."""
    if checks is None:
        from .catalog import checks as catalog_checks

        checks = {c.id: c for c in catalog_checks()}
    missing = [c for c in claims_used(kernels) if c not in checks]
    if missing:
        raise EmitRefused(f"the catalog has no claim {missing[0]!r}")
    parts = [_HEADER.format(names=", ".join(f'"{k.name}"' for k in kernels))]
    for k in kernels:
        body = _print_kernel(k, k.build(checks))
        claims = "".join(f"\n# from {c}" for c in k.claims)
        parts.append(f"\n{claims}\ndef {k.name}({', '.join(k.params)}):\n    \"\"\"{k.summary[0].upper()}{k.summary[1:]}.\"\"\"\n{body}\n")
    for k in kernels:
        if k.entrywise:
            form = k.build(checks)
            claims = "".join(f"\n# from {c}" for c in k.claims if c != _SIGMOID_FAST)
            parts.append(f"\n{claims}\ndef {k.name}_entry({', '.join(k.params)}):\n"
                         f"    \"\"\"One entry of {k.name}, the loop body of its compiled ufunc "
                         f"(derive.kernels._compiled).\"\"\"\n{_print_entry(k, form)}\n")
    return "".join(parts)


def default_path() -> Path:
    return Path(__file__).parent / "kernels" / "_generated.py"


@dataclass(frozen=True)
class Emitted:
    """What emission did: where, whether the file changed (or would), and the claims it checked."""

    path: Path
    changed: bool
    verdicts: dict


def _verify(ids, checks: dict, verify) -> dict:
    if verify is not None:
        return {cid: verify(checks[cid]) for cid in ids}
    from .runner import default_jobs, run_checks
    from .verify import Settings

    results = run_checks([checks[cid] for cid in ids], Settings(timeout=60), default_jobs())
    return {r.id: r for r in results}


def emit_kernels(path=None, check: bool = False, verify=None) -> Emitted:
    """Verify the claims the kernels use, then write the module (or, with check, only compare).

    Raises EmitRefused naming every claim that is not proved for every size. ``verify`` maps a
    Check to a CheckResult (default: derive.verify.verify_check, in worker processes).
    """
    from .catalog import checks as catalog_checks

    checks = {c.id: c for c in catalog_checks()}
    ids = claims_used()
    missing = [c for c in ids if c not in checks]
    if missing:
        raise EmitRefused(f"the catalog has no claim {missing[0]!r}")
    verdicts = _verify(ids, checks, verify)
    weak = [(cid, r) for cid, r in verdicts.items() if r.verdict != Verdict.PROVED]
    if weak:
        text = "; ".join(f"{cid} is {r.tier} ({r.detail})" for cid, r in weak)
        raise EmitRefused(f"refusing to emit kernels from claims not proved for all N: {text}")
    target = Path(path) if path is not None else default_path()
    text = render_kernels(checks)
    old = target.read_text(encoding="utf-8") if target.exists() else None
    changed = old != text
    if changed and not check:
        write_atomic(target, text)
    return Emitted(target, changed, verdicts)


@dataclass(frozen=True)
class KernelSpec:
    """A kernel as a report shows it: the claims it is printed from and the rewrites it applies."""

    name: str
    summary: str
    claims: tuple[str, ...]
    rewrites: tuple[str, ...]


_REWRITES = ("stability/softmax/", "stability/log-softmax/", "stability/sigmoid/")


def kernel_specs(kernels=KERNELS) -> tuple[KernelSpec, ...]:
    """Each kernel with its claims split into what it computes and the stability rewrites it uses."""
    specs = []
    for k in kernels:
        rewrites = tuple(c for c in k.claims if c.startswith(_REWRITES))
        claims = tuple(c for c in k.claims if c not in rewrites) or rewrites
        specs.append(KernelSpec(k.name, k.summary, claims, tuple(c for c in rewrites if c not in claims)))
    return tuple(specs)
