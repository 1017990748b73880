"""The code printer of the emitter: a kernel's form (outputs, definitions, bindings) as a function body.

The expressions are printed over whole arrays by derive.numpy_printer; this module decides what
is computed once (definitions in dependency order, softmax vectors, common subexpressions) and
in which buffer. It never sees where a form comes from: the catalog (derive.emit.builtin) and
users' derivations (derive.emit.user) build forms alike.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import sympy as sp
from sympy import Idx, Indexed, IndexedBase, Sum

from ..errors import EmitRefused
from ..notation import Definition, softmax
from ..numpy_printer import Context, ExceptSum, to_entry, to_numpy, to_numpy_inplace

__all__ = ["Output", "Form", "print_body", "print_entry"]


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


def print_body(form: Form, result: str | None = None) -> str:
    """The body of a kernel function (indented, without its def line) that computes the form.

    The last line returns the outputs, or binds them to the name ``result`` when one is given.
    """
    final = "return " if result is None else f"{result} = "
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
        lines.add(f"{final}{code}")
    else:
        results = [to_numpy(e.xreplace(replaced), o.axes, form.context) for e, o in zip(reduced, form.outputs)]
        lines.add(final + ", ".join(results))
    return "\n".join(lines.body)


def print_entry(form: Form) -> str:
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
