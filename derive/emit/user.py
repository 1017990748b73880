"""Kernels from users' derivations: the proved formulas a file asks for, printed as a NumPy module.

Which steps become functions:

* by default, every chain whose left side is a derivative (d/dw, a partial derivative, a
  gradient, sigma') or a name the derivation defines;
* a request (``--kernel LABEL[=NAME]`` on the command line, ``kernels=`` in derive.derivation,
  or the ``kernels`` argument here) chooses the steps by label instead, and may name them.

A chosen step is emitted only when every link of its chain (and its ends) is proved for every
size, under no convention and no case split; otherwise emission is refused with the reason, and
nothing is written. The function computes the chain's last side. Its arguments are the names the
formula reads: the variable the left side differentiates by first, then the others in
alphabetical order. The module imports numpy only: the helpers it calls are copied from
derive/kernels/_runtime.py.
"""

from __future__ import annotations

import importlib
import inspect
import keyword
from dataclasses import dataclass
from pathlib import Path

import sympy as sp
from sympy import Idx, Indexed, IndexedBase

from ..errors import DeriveError, EmitRefused
from ..files import write_atomic
from ..model import Assumptions, Derivation, Side, Step, Verdict, slug
from ..notation import Definition, dsigmoid, sigmoid, softmax, unfold
from ..numpy_printer import Context
from ..plaintext import PlainPrinter
from .backends import Backend
from .backends import backend as backend_named
from .printer import Form, Output, print_body

__all__ = ["KernelRequest", "Param", "UserKernel", "select_kernels", "render_module", "emit_module", "write_module",
           "Written"]

# The names the printed code calls for the project's functions (helpers of derive/kernels/_runtime.py).
CALLS = {"softmax": "_softmax", "log_softmax": "_log_softmax", "sigmoid": "_sigmoid", "sigmoid_grad": "_sigmoid_grad"}


@dataclass(frozen=True)
class KernelRequest:
    """A step asked for by its label (as the document writes it, or as its ID slug), and a name."""

    label: str
    name: str = ""

    @classmethod
    def parse(cls, text: str) -> "KernelRequest":
        """``LABEL`` or ``LABEL=NAME``."""
        label, _, name = text.partition("=")
        if not label.strip():
            raise EmitRefused(f"--kernel {text!r}: give a step label, as in --kernel 2 or --kernel 2=dL_dw")
        if name.strip():
            _check_name(name.strip(), f"--kernel {text!r}")
        return cls(label.strip(), name.strip())


@dataclass(frozen=True)
class Param:
    """An argument of an emitted function: a number (rank 0), a vector (1) or a matrix (2)."""

    name: str
    symbol: sp.Basic
    rank: int
    onehot: bool = False


@dataclass(frozen=True)
class UserKernel:
    """A proved step as a function: its name, arguments and output, and where it comes from."""

    name: str
    params: tuple[Param, ...]
    derivation: str
    source: str
    label: str
    line: int | None
    tier: str
    lhs: Side
    rhs: Side
    assume: Assumptions
    axes: tuple  # the output's free indices, one axis each, in this order
    variable: sp.Basic | None  # what the left side differentiates by (None if it is no derivative)
    function: sp.Expr | None  # what the left side differentiates, definitions unfolded
    checks: tuple[str, ...]
    latex: str = ""  # the step as the document writes it


# --- choosing the steps -----------------------------------------------------------------------

def _defined(name, assume: Assumptions) -> bool:
    return any(d.name == name for d in assume.definitions)


def _derivative(expr):
    """(function, variable) when expr is a derivative of a function by one variable, else None."""
    if isinstance(expr, sp.Derivative) and len(expr.variable_count) == 1 and expr.variable_count[0][1] == 1:
        return expr.expr, expr.variable_count[0][0]
    if isinstance(expr, dsigmoid) and isinstance(expr.args[0], (sp.Symbol, Indexed)):
        return sigmoid(expr.args[0]), expr.args[0]
    return None


def _asks(step: Step, assume: Assumptions) -> bool:
    """The default rule: the left side is a derivative or a defined name.

    A step that could not be read counts when its left side, as written, is a derivative: it is
    then refused with the reason, rather than left out without a word.
    """
    if step.problem:
        left = step.latex.split("=")[0]
        return any(word in left for word in ("\\partial", "\\nabla"))
    if not step.terms:
        return False
    first = step.terms[0].expr
    if _derivative(first) is not None:
        return True
    name = first.base if isinstance(first, Indexed) else first
    return isinstance(first, (sp.Symbol, Indexed)) and _defined(name, assume)


def _where(d: Derivation, step: Step) -> str:
    line = f", line {step.line}" if step.line else ""
    return f"{step.label} ({d.source}{line})"


def _check_ids(d: Derivation, step: Step) -> list[str]:
    base = f"{d.id}/{slug(step.label)}"
    links = len(step.terms) - 1
    return [f"{base}#{n + 1}" for n in range(links)] + ([f"{base}#ends"] if links > 1 else [])


def _refusals(d: Derivation, step: Step, by_id: dict) -> list[str]:
    """Why the step may not be emitted (empty when every link is proved for every size)."""
    where = _where(d, step)
    if step.problem:
        return [f"{where} could not be read: {step.problem}"]
    reasons = []
    for cid in _check_ids(d, step):
        r = by_id.get(cid)
        if r is None:
            reasons.append(f"{where}: {cid} has no verification result")
        elif r.verdict is not Verdict.PROVED:
            why = r.counterexample.describe() if r.counterexample is not None else r.detail
            reasons.append(f"{where}: {r.part} is {r.tier}: {why}")
        elif r.conventions:
            reasons.append(f"{where}: {r.part} is {r.tier}, not proved as written")
    assume = d.assume + step.assume
    for a, b in assume.equal:
        reasons.append(f"{where} holds only in the case {a} = {b}")
    for a, b in assume.distinct:
        reasons.append(f"{where} holds only in the case {a} != {b}")
    return reasons


def select_kernels(derivations, results, requests=()) -> tuple[UserKernel, ...]:
    """The kernels the derivations ask for, each proved; EmitRefused with every reason otherwise.

    ``results`` are the verifier's CheckResults on the derivations' checks (as derive.check or
    derive.runner.run_checks give them). ``requests`` (KernelRequest or "LABEL[=NAME]" strings)
    choose the steps in every derivation; without them each derivation's own ``kernels`` (from
    derive.derivation) do, and without those the default rule.
    """
    requests = tuple(r if isinstance(r, KernelRequest) else KernelRequest.parse(str(r)) for r in requests)
    by_id = {r.id: r for r in results}
    chosen: list[tuple[Derivation, Step, str]] = []
    matched: set[KernelRequest] = set()
    for d in derivations:
        wanted = requests or tuple(KernelRequest(label, name) for label, name in d.kernels)
        if not wanted:
            chosen += [(d, s, "") for s in d.steps if _asks(s, d.assume + s.assume)]
            continue
        by_label = {slug(s.label): s for s in d.steps}
        for r in wanted:
            key = slug(r.label.split("/")[-1]) if r.label.startswith(d.id + "/") else slug(r.label)
            if key in by_label:
                chosen.append((d, by_label[key], r.name))
                matched.add(r)
            elif not requests:
                raise EmitRefused(f"{d.source}: no step labelled {r.label!r} to emit "
                                  f"(labels: {', '.join(s.label for s in d.steps)})")
    unmatched = [r.label for r in requests if r not in matched]
    if unmatched:
        labels = ", ".join(s.label for d in derivations for s in d.steps)
        raise EmitRefused(f"no step labelled {unmatched[0]!r} to emit (labels: {labels})")
    if not chosen:
        raise EmitRefused("no step asks for a kernel: none has a derivative or a defined name on its left "
                          "side; choose steps with --kernel LABEL")
    reasons = [why for d, s, _ in chosen for why in _refusals(d, s, by_id)]
    if reasons:
        raise EmitRefused("refusing to emit what is not proved for all sizes: " + "; ".join(reasons))
    kernels = [_kernel(d, s, name, by_id) for d, s, name in chosen]
    seen: dict[str, UserKernel] = {}
    for k in kernels:
        if k.name in seen:
            other = seen[k.name]
            raise EmitRefused(f"two kernels would be named {k.name} ({other.label} in {other.source} and {k.label} "
                              f"in {k.source}): name them, as in --kernel LABEL=NAME")
        seen[k.name] = k
    return tuple(kernels)


# --- one kernel -------------------------------------------------------------------------------

def _identifier(text: str) -> str:
    out = "".join(ch if ch.isalnum() or ch == "_" else "_" for ch in text if ch.isascii()).strip("_")
    return out or "f"


def _label_name(expr) -> str:
    if isinstance(expr, Indexed):
        return str(expr.base.label)
    if isinstance(expr, (sp.Symbol, IndexedBase)):
        return str(expr)
    return ""


def _function_name(step: Step, function) -> str:
    """What the left side differentiates, as a name: a symbol's own, else the operator the document writes."""
    name = _label_name(function)
    if name:
        return name
    if isinstance(function, sp.Function) and not isinstance(function, sp.Derivative):
        return type(function).__name__
    # The document's own word for it, as in \operatorname{CE}(y, \hat{y}): read from the left side.
    left = step.latex.split("=")[0]
    for command in ("\\operatorname{", "\\mathrm{", "\\text{"):
        at = left.find(command)
        if at >= 0:
            end = left.find("}", at)
            word = _identifier(left[at + len(command):end])
            if end > 0 and word != "f":
                return word
    # A label that is a word (a Python derivation's "grad") names it; "(2)" or "line 7" does not.
    word = _identifier(slug(step.label).replace("-", "_"))
    return word if word[0].isalpha() and not step.label.startswith("line ") else "f"


def _default_name(step: Step, assume: Assumptions) -> str:
    first = step.terms[0]
    found = _derivative(first.expr)
    if found is None:
        return _identifier(_function_name(step, first.expr))
    function, variable = found
    f, v = _identifier(_function_name(step, function)), _identifier(_label_name(variable))
    if first.axes:
        return f"grad_{v}_{f}"
    return f"d{f}_d{v}"


def _check_name(name: str, where: str) -> str:
    if not name.isidentifier() or keyword.iskeyword(name) or name.startswith("_") or name == "numpy":
        raise EmitRefused(f"{where}: {name!r} cannot name a function (a Python identifier, not starting "
                          "with _, not a keyword)")
    return name


def _used_definitions(exprs, definitions) -> list[Definition]:
    """The definitions the expressions use, directly or through other definitions."""
    by_name = {d.name: d for d in definitions}
    used, todo = {}, list(exprs)
    while todo:
        e = todo.pop()
        names = {a.base for a in e.atoms(Indexed)} | e.free_symbols
        for n in names:
            if n in by_name and n not in used:
                used[n] = by_name[n]
                todo.append(by_name[n].body)
    return [d for d in definitions if d.name in used]


def _names(expr) -> tuple[dict, set, set]:
    """(arrays: base -> the ranges of its axes, scalars, free indices) that expr reads."""
    arrays: dict = {}
    for a in expr.atoms(Indexed):
        arrays.setdefault(a.base, tuple(getattr(i, "upper", None) for i in a.indices))
    labels = {b.label for b in arrays}
    scalars, indices = set(), set()
    free = set(expr.free_symbols)
    for dv in expr.atoms(sp.Derivative):
        for v, _ in dv.variable_count:
            free |= v.free_symbols
    for s in free:
        if isinstance(s, Idx):
            indices.add(s)
        elif isinstance(s, sp.Symbol) and s not in labels and not (s.is_integer and s.is_positive):
            scalars.add(s)
    return arrays, scalars, indices


def _kernel(d: Derivation, step: Step, name: str, by_id: dict) -> UserKernel:
    where = _where(d, step)
    assume = d.assume + step.assume
    lhs, rhs = step.terms[0], step.terms[-1]
    name = _check_name(name or _default_name(step, assume), where)
    found = _derivative(lhs.expr)
    function, variable = found if found is not None else (None, None)
    full_l = unfold(lhs.expr, assume.definitions)
    full_r = unfold(rhs.expr, assume.definitions)
    if full_r.has(sp.Derivative):
        raise EmitRefused(f"{where}: the last side still has a derivative in it; a kernel needs it worked out")
    arrays, scalars, indices = _names(full_l)
    more_arrays, more_scalars, more_indices = _names(full_r)
    for base, ranges in more_arrays.items():
        arrays.setdefault(base, ranges)
    scalars |= more_scalars
    onehot = dict(assume.onehot)
    classes = set(onehot.values())
    if more_indices & classes:
        t = sorted(more_indices & classes, key=str)[0]
        raise EmitRefused(f"{where}: the formula reads entry {t}, the class of a one-hot vector, which is not an "
                          "array argument")
    free = (indices | more_indices) - classes
    axes = tuple(rhs.indices) + tuple(sorted(free - set(rhs.indices), key=str))
    if set(rhs.indices) - free:
        raise EmitRefused(f"{where}: the last side's axes {rhs.indices} are not its free indices")
    constant = [a for a in axes if a not in more_indices]
    if constant:
        raise EmitRefused(f"{where}: the last side does not depend on {constant[0]}, so its array form would not "
                          f"have the axis of {constant[0]}; write it with an entry over {constant[0]}")
    order = []
    if variable is not None:
        var = variable.base if isinstance(variable, Indexed) else variable
        order.append(var)
    rest = sorted([*arrays, *scalars], key=lambda s: (str(s).lower(), str(s)))
    order += [s for s in rest if s not in order]
    params = []
    for s in order:
        rank = len(arrays[s]) if s in arrays else 0
        if rank > 2:
            raise EmitRefused(f"{where}: {s} has {rank} indices; arguments are numbers, vectors or matrices")
        pname = _identifier(str(s.label if isinstance(s, IndexedBase) else s))
        params.append(Param(_check_name(pname, where), s, rank, onehot=s in onehot))
    if len({p.name for p in params}) != len(params):
        raise EmitRefused(f"{where}: two arguments would have the same name ({', '.join(p.name for p in params)})")
    ids = _check_ids(d, step)
    tier = by_id[ids[-1]].tier
    return UserKernel(name, tuple(params), d.id, d.source, step.label, step.line, tier, lhs, rhs, assume, axes,
                      variable, unfold(function, assume.definitions) if function is not None else None, tuple(ids),
                      step.latex)


# --- printing ---------------------------------------------------------------------------------

def _size_map(kernel: UserKernel) -> dict:
    """Each size symbol -> [(argument position, axis within the argument)] of the arrays it is the length of."""
    sizes: dict = {}
    arrays = {}
    for e in (unfold(kernel.lhs.expr, kernel.assume.definitions), unfold(kernel.rhs.expr, kernel.assume.definitions)):
        for base, ranges in _names(e)[0].items():
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
        lines.append(f"    {p.name}: {what}")
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
    defs = _used_definitions([kernel.rhs.expr], kernel.assume.definitions)
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
        raise EmitRefused(f"{kernel.label} ({kernel.source}): cannot print the formula over arrays: {exc}") from None
    except (TypeError, KeyError, ValueError) as exc:
        raise EmitRefused(f"{kernel.label} ({kernel.source}): cannot print the formula over arrays "
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
           "", "Arguments, in this order:"] + [_doc(line) for line in _arg_doc(kernel, sizes)]
    doc += ["", f"Returns {returns}; float32 when every array argument is float32, else float64."]
    assumed = [f"{_formula(d.name[d.indices] if d.indices else d.name)} := {_formula(d.body)}"
               for d in _used_definitions([kernel.lhs.expr, kernel.rhs.expr], kernel.assume.definitions)]
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
    body_lines = body.split("\n")
    if not kernel.axes:
        if lib.name == "numpy":
            # Drop the axis a row value keeps; [()] makes a 0-d result a NumPy number.
            body_lines.append("    return (r[..., 0] if numpy.ndim(r) else r)[()]")
        else:
            body_lines.append("    return r[..., 0] if r.ndim else r  # the axis a row value keeps")
    return "\n".join(lines + body_lines) + "\n", _helpers_used(kernel, form)


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
