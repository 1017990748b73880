"""A user's kernels as a module: one NumPy (or PyTorch, or JAX) function per proved step, with its docstring.

The functions compute the chain's last side over whole arrays (derive.emit.printer), after
checking their arguments; the helpers they call are copied from the backend's hand-written
runtime (derive/kernels/_runtime.py for NumPy), so the module imports one array library only.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import textwrap
from dataclasses import dataclass
from pathlib import Path

import sympy as sp
from sympy import Idx, Indexed

from ..errors import DeriveError, EmitRefused
from ..files import write_atomic
from ..notation import dsigmoid, sigmoid, softmax, unfold
from ..numpy_printer import Context
from ..plaintext import PlainPrinter
from .backends import Backend
from .backends import backend as backend_named
from .printer import Form, Output, print_body
from .user import UserKernel, names_of, select_kernels, used_definitions

__all__ = ["render_module", "emit_module", "write_module", "Written", "CALLS"]

# The names the printed code calls for the project's functions (helpers of the backend's runtime).
CALLS = {"softmax": "_softmax", "log_softmax": "_log_softmax", "sigmoid": "_sigmoid", "sigmoid_grad": "_sigmoid_grad"}


def _size_map(kernel: UserKernel) -> dict:
    """Each size symbol -> [(argument position, axis within the argument)] of the arrays it is the length of."""
    sizes: dict = {}
    arrays = {}
    for e in (unfold(kernel.lhs.expr, kernel.assume.definitions), unfold(kernel.rhs.expr, kernel.assume.definitions)):
        for base, ranges in names_of(e)[0].items():
            arrays.setdefault(base, ranges)
    for n, p in enumerate(kernel.params):
        for axis, size in enumerate(arrays.get(p.symbol, ())):
            if size is not None and not size.is_number:
                sizes.setdefault(size, []).append((n, axis))
    return sizes


class _FormulaPrinter(PlainPrinter):
    """Plain text as in derive's messages, with derivatives written d f/d v."""

    def _print_Derivative(self, expr):
        (v, _), = expr.variable_count
        f = expr.expr
        inner = self._print(f) if f.is_Atom or isinstance(f, (Indexed, sp.Function)) else f"({self._print(f)})"
        return f"d{inner}/d{self._print(v)}" if isinstance(f, (sp.Symbol, Indexed)) else f"d/d{self._print(v)} {inner}"

    def _print_Sum(self, expr):
        body = self._print(expr.function)
        names = ", ".join(self._print(v) for v, _, _ in expr.limits)
        return f"sum_{names}({body})"

    def _print_softmax(self, expr):
        vec, idx = expr.args
        (j,) = vec.variables
        body = vec.expr
        whole = body.base.label if isinstance(body, Indexed) and tuple(body.indices) == (j,) else vec
        return f"softmax({self._print(whole)})[{self._print(idx)}]"

    def _print_Lambda(self, expr):
        return f"({', '.join(self._print(v) for v in expr.variables)} -> {self._print(expr.expr)})"


def _formula(expr) -> str:
    # derive's own dummy indices (_c1, _entry) read as c1, entry.
    plain = {i: Idx(str(i.label).lstrip("_"), (i.lower, i.upper)) for i in expr.atoms(Idx)
             if str(i.label).startswith("_") and i.upper is not None}
    return _FormulaPrinter({"order": "none"}).doprint(expr.xreplace(plain))


def _doc(text: str) -> str:
    """Text safe inside a triple-quoted docstring: one line, backslashes and quotes escaped."""
    line = " ".join(text.split())
    return "".join(ch for ch in line if ch.isprintable()).replace("\\", "\\\\").replace('"', '\\"')


def _arg_doc(kernel: UserKernel, sizes: dict) -> list[str]:
    lines = []
    for n, p in enumerate(kernel.params):
        if p.rank == 0:
            what = "a number (or an array over the batch axes)"
        else:
            dims = []
            for axis in range(p.rank):
                dims += [str(s) for s, pairs in sizes.items() if (n, axis) in pairs] or ["?"]
            what = f"{'a vector' if p.rank == 1 else 'a matrix'} (..., {', '.join(dims)})"
        if p.onehot:
            what += ", one-hot along its last axis"
        lines.append(f"{p.name}: {what}")
    return lines


def _helpers_used(kernel: UserKernel, form: Form) -> list[str]:
    names = ["_arguments"]
    if any(p.onehot for p in kernel.params):
        names.append("_onehot")
    exprs = [o.expr for o in form.outputs] + [d.body for d in form.definitions]
    if any(e.has(softmax) for e in exprs):
        names.append("_softmax")
        if any(a.has(softmax) for e in exprs for a in e.atoms(sp.log)):
            names.append("_log_softmax")
    if any(e.has(dsigmoid) for e in exprs):
        names += ["_sigmoid", "_sigmoid_grad"]
    elif any(e.has(sigmoid) for e in exprs):
        names.append("_sigmoid")
    return names


def _form(kernel: UserKernel, sizes: dict, lib: Backend) -> Form:
    defs = used_definitions([kernel.rhs.expr], kernel.assume.definitions)
    rows = frozenset({p.symbol for p in kernel.params if p.rank == 0} |
                     {d.name for d in defs if not d.indices})
    size_code = {}
    for size, pairs in sizes.items():
        n, axis = pairs[0]
        p = kernel.params[n]
        size_code[size] = f"{p.name}.shape[{axis - p.rank}]"
    arrays = [p for p in kernel.params if p.rank > 0]
    dtype = f"{arrays[0].name}.dtype" if arrays else f"{kernel.params[0].name}.dtype" if kernel.params else "float"
    ctx = Context(sizes=size_code, dtype=dtype, rows=rows, calls=CALLS, keep=True, stacked=True, printer=lib.printer)
    return Form((Output(kernel.rhs.expr, kernel.axes),), definitions=tuple(defs), context=ctx)


def _function(kernel: UserKernel, lib: Backend) -> tuple[str, list[str]]:
    """The source of the kernel's function, and the runtime helpers it calls."""
    sizes = _size_map(kernel)
    form = _form(kernel, sizes, lib)
    try:
        body = print_body(form, result=None if kernel.axes else "r")
    except DeriveError as exc:
        raise EmitRefused(f"{_place(kernel)}: cannot print the formula over arrays: {exc}") from None
    except (TypeError, KeyError, ValueError) as exc:
        raise EmitRefused(f"{_place(kernel)}: cannot print the formula over arrays "
                          f"({type(exc).__name__}: {exc})") from None
    names = [p.name for p in kernel.params]
    where = f"{kernel.source}, line {kernel.line}" if kernel.line else kernel.source
    if kernel.label != f"line {kernel.line}":
        where += f", step {kernel.label}"
    if kernel.axes:
        shape = ", ".join(str(a.upper) for a in kernel.axes)
        returns = f"an array (..., {shape}): entry ({', '.join(map(str, kernel.axes))}) of the right side"
    else:
        returns = "one number per batch entry"
    doc = [f"{_doc(_formula(kernel.lhs.expr))} = {_doc(_formula(kernel.rhs.expr))}", "",
           f"From {_doc(where)}: {_doc(kernel.tier)} (derive emit prints only proved steps).",
           f"As written there: {_doc(kernel.latex)}",
           "", "Arguments, in this order:"] + ["    " + _doc(line) for line in _arg_doc(kernel, sizes)]
    doc += ["", f"Returns {returns}; float32 when every array argument is float32, else float64"
            + (" (with jax_enable_x64; JAX's default is float32)." if lib.name == "jax" else ".")]
    assumed = [f"{_formula(d.name[d.indices] if d.indices else d.name)} := {_formula(d.body)}"
               for d in used_definitions([kernel.lhs.expr, kernel.rhs.expr], kernel.assume.definitions)]
    assumed += [f"{p.name} is one-hot (at class {dict(kernel.assume.onehot)[p.symbol]})" for p in kernel.params
                if p.onehot]
    if assumed:
        doc += ["", "Where " + "; ".join(_doc(t) for t in assumed) + "."]
    lines = [f"def {kernel.name}({', '.join(names)}):", f'    """{doc[0]}']
    lines += [f"    {text}".rstrip() for text in doc[1:]]
    lines.append('    """')
    sizes_arg = tuple(tuple(v) for v in sizes.values())
    target = f"({names[0]},)" if len(names) == 1 else ", ".join(names)
    values = f"({names[0]},)" if len(names) == 1 else f"({', '.join(names)})"
    call = (f"{target} = _arguments({values}, {tuple(names)!r}, {tuple(p.rank for p in kernel.params)!r}, "
            f"{sizes_arg!r})")
    guard = _fast_guard(kernel, sizes) if lib.fast_path else []
    if not guard:
        lines.append(f"    {call}")
    elif len(guard) == 1:
        lines += [f"    if not {guard[0]}:", f"        {call}"]
    else:
        lines.append(f"    if not ({guard[0]}")
        lines += [f"            {g}" for g in guard[1:]]
        lines[-1] += "):"
        lines.append(f"        {call}")
    for p in kernel.params:
        if p.onehot:
            lines.append(f"    {p.name} = _onehot({p.name}, {p.name!r})")
    bound = {t.id for n in ast.walk(ast.parse(textwrap.dedent(body))) if isinstance(n, ast.Assign)
             for t in ast.walk(n.targets[0]) if isinstance(t, ast.Name)} | {"r"}
    clash = sorted(bound & set(names))
    if clash:
        raise EmitRefused(f"{_place(kernel)}: the argument {clash[0]} has the name of a value the "
                          "function computes; rename it in the derivation")
    body_lines = body.split("\n")
    if not kernel.axes:
        if lib.name == "numpy":
            # Drop the axis a row value keeps; [()] makes a 0-d result a NumPy number.
            body_lines.append("    return (r[..., 0] if numpy.ndim(r) else r)[()]")
        else:
            body_lines.append("    return r[..., 0] if r.ndim else r  # the axis a row value keeps")
    return "\n".join(lines + body_lines) + "\n", _helpers_used(kernel, form)


def _place(kernel: UserKernel) -> str:
    return f"{kernel.label} ({kernel.source}{f', line {kernel.line}' if kernel.line else ''})"


def _fast_guard(kernel: UserKernel, sizes: dict) -> list[str]:
    """The condition under which the arguments need no conversion, as lines joined by ``and``.

    Python floats for numbers and float arrays of one dtype, without batch axes, whose lengths
    agree: _arguments would return them as they are (NumPy keeps the arrays' dtype against a
    Python float), and on small arrays its checks cost more than the formula.
    """
    arrays = [p for p in kernel.params if p.rank]
    parts = [f"type({p.name}) is {'float' if p.rank == 0 else 'numpy.ndarray'}" for p in kernel.params]
    if arrays:
        first = arrays[0].name
        parts.append(f'{first}.dtype.char in "fd"')
        parts += [f"{p.name}.dtype == {first}.dtype" for p in arrays[1:]]
        parts += [f"{p.name}.ndim == {p.rank}" for p in arrays]
        for pairs in sizes.values():
            shown = [f"{kernel.params[n].name}.shape[{axis}]" for n, axis in pairs]
            parts.append(" == ".join(shown) + " > 0")
    joined, line = [], ""
    for part in parts:
        if line and len(line) + len(part) > 80:
            joined.append(line + " and")
            line = ""
        line = f"{line} and {part}" if line else part
    return joined + [line]


def _helper_source(names, lib: Backend) -> str:
    runtime = importlib.import_module(lib.runtime)
    wanted = []
    for n in names:
        for m in (*runtime.USER_HELPERS[n], n):
            if m not in wanted:
                wanted.append(m)
    order = list(runtime.USER_HELPERS)
    return "\n\n".join(inspect.getsource(getattr(runtime, n)) for n in sorted(wanted, key=order.index))


def render_module(kernels, backend: str = "numpy") -> str:
    """The text of a module with one function per kernel, for NumPy or PyTorch; deterministic."""
    lib = backend_named(backend)
    functions, helpers = [], []
    for k in kernels:
        text, used = _function(k, lib)
        functions.append(text)
        helpers += [h for h in used if h not in helpers]
    sources = ", ".join(dict.fromkeys(k.source for k in kernels))
    names = ", ".join(f'"{k.name}"' for k in kernels)
    head = (f'"""Kernels printed by derive emit from proved steps of {_doc(sources)}.\n\n'
            "Do not edit: regenerate with `derive emit`; `derive emit ... --check` fails when this module is\n"
            "out of date. Each function computes the last side of a chain every link of which derive proved for\n"
            "every size; its docstring gives the formula, the file and line, and the tier of the proof.\n"
            f'"""\n\nimport {lib.module}\n\n'
            f"__all__ = [{names}]\n")
    return head + "\n\n" + _helper_source(helpers, lib) + "\n\n" + "\n\n".join(functions)


def emit_module(derivations, results, kernels=(), backend: str = "numpy") -> str:
    """The module text for the proved steps the derivations ask for (see select_kernels).

    ``backend`` is "numpy" (the default; the module imports numpy only) or "torch" (tensors in
    and out; the module imports torch only).
    """
    return render_module(select_kernels(derivations, results, kernels), backend)


@dataclass(frozen=True)
class Written:
    """Where the module went, and whether it changed (or, when only checked, would change)."""

    path: Path
    changed: bool


def write_module(text: str, path, check: bool = False) -> Written:
    """Write the module text to path atomically; with check, only compare with what is there."""
    target = Path(path)
    try:
        old = target.read_text(encoding="utf-8") if target.exists() else None
    except (OSError, UnicodeDecodeError):
        old = None
    changed = old != text
    if changed and not check:
        write_atomic(target, text)
    return Written(target, changed)
