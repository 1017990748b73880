"""The built-in kernels: proved catalog claims printed as derive/kernels/_generated.py.

Each kernel is the right side of a catalog claim (or a form the claims pin down exactly),
printed over whole arrays by derive.emit.printer. Emission takes the verifier's results on
every claim a kernel uses and refuses, naming the claim, unless each is proved for every size.
Rendering is deterministic: the same catalog always gives the same bytes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import sympy as sp
from sympy import Idx, Indexed, IndexedBase

from ..errors import EmitRefused
from ..files import write_atomic
from ..model import Verdict
from ..notation import Definition
from ..numpy_printer import Context, SignBit, SplitExp
from .printer import Form, Output, print_body, print_entry

__all__ = ["KERNELS", "Kernel", "Emitted", "claims_used", "render_kernels", "emit_kernels", "default_path",
           "kernel_specs", "KernelSpec"]


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
    from ..catalog.stability import t, x

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
    from ..catalog.stability import m, t

    rhs = _side(checks, _SOFTMAX)
    ctx = Context(sizes={rhs.axes[0].size: "x.shape[-1]"}, rows=frozenset({m}), splits={t: "d"}, inplace=True)
    bindings = (("m", f"_shift({_MAX_ROW}, False)"), ("t, d", "_split(x, m)"))
    return Form((Output(_split_exps(rhs.expr, m), rhs.indices),), bindings=bindings, context=ctx)


def _log_softmax(checks):
    from ..catalog.stability import c, t

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
    from ..catalog.stability import p

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
    from ..catalog.stability import sigmoid_form, u

    form = _sign_split(checks, ("stability/sigmoid/kernel-nonnegative-x#1", "stability/sigmoid/kernel-negative-x#1"),
                       sigmoid_form)
    (out,) = form.outputs
    # The definition, where it cannot overflow: fewer passes than the sign-split form.
    fast = checks[_SIGMOID_FAST].rhs.expr.xreplace({u: out.expr.atoms(Indexed).pop()})
    return Form(form.outputs, fast=("_moderate(x)", Output(fast, out.axes)), context=form.context)


def _sigmoid_grad(checks):
    from ..catalog.stability import sigmoid_grad_form

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


# --- the module ------------------------------------------------------------------------------

_HEADER = '''"""Numeric kernels printed from proved catalog claims by derive.emit; regenerate with `derive emit`.

Do not edit: a test regenerates this module and fails on any difference. Inputs are not checked
here; derive.kernels validates them and documents each kernel. The helpers the code calls around
the proved formulas are written by hand in derive/kernels/_runtime.py.
"""

import math

import numpy

from ._runtime import _exp_split, _moderate, _shift, _split, _sum_except, _take

__all__ = [{names}]
'''


def render_kernels(checks: dict | None = None, kernels=KERNELS) -> str:
    """The text of the generated module; checks by id (default: the built-in catalog)."""
    if checks is None:
        from ..catalog import checks as catalog_checks

        checks = {c.id: c for c in catalog_checks()}
    missing = [c for c in claims_used(kernels) if c not in checks]
    if missing:
        raise EmitRefused(f"the catalog has no claim {missing[0]!r}")
    parts = [_HEADER.format(names=", ".join(f'"{k.name}"' for k in kernels))]
    for k in kernels:
        body = print_body(k.build(checks))
        claims = "".join(f"\n# from {c}" for c in k.claims)
        parts.append(f"\n{claims}\ndef {k.name}({', '.join(k.params)}):\n    \"\"\"{k.summary[0].upper()}{k.summary[1:]}.\"\"\"\n{body}\n")
    for k in kernels:
        if k.entrywise:
            form = k.build(checks)
            claims = "".join(f"\n# from {c}" for c in k.claims if c != _SIGMOID_FAST)
            parts.append(f"\n{claims}\ndef {k.name}_entry({', '.join(k.params)}):\n"
                         f"    \"\"\"One entry of {k.name}, the loop body of its compiled ufunc "
                         f"(derive.kernels._compiled).\"\"\"\n{print_entry(form)}\n")
    return "".join(parts)


def default_path() -> Path:
    return Path(__file__).parent.parent / "kernels" / "_generated.py"


@dataclass(frozen=True)
class Emitted:
    """What emission did: where, whether the file changed (or would), and the claims it checked."""

    path: Path
    changed: bool
    verdicts: dict


def emit_kernels(results, path=None, check: bool = False) -> Emitted:
    """Write the module (or, with check, only compare) from the verifier's results on the claims.

    ``results`` are CheckResults, as derive.runner gives them, covering at least claims_used().
    Raises EmitRefused naming every claim that is missing from them or not proved for every size.
    """
    from ..catalog import checks as catalog_checks

    checks = {c.id: c for c in catalog_checks()}
    ids = claims_used()
    missing = [c for c in ids if c not in checks]
    if missing:
        raise EmitRefused(f"the catalog has no claim {missing[0]!r}")
    by_id = {r.id: r for r in results}
    unchecked = [c for c in ids if c not in by_id]
    if unchecked:
        raise EmitRefused(f"no verification result for {', '.join(unchecked)}")
    verdicts = {cid: by_id[cid] for cid in ids}
    weak = [(cid, r) for cid, r in verdicts.items() if r.verdict != Verdict.PROVED or r.conventions]
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
