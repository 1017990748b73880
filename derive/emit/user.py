"""Kernels from users' derivations: which proved steps a file asks for, and what each function takes.

Which steps become functions:

* by default, every chain whose left side is a derivative (d/dw, a partial derivative, a
  gradient, sigma') or a name the derivation defines;
* a request (``--kernel LABEL[=NAME]`` on the command line, a ``[kernels]`` table in the notation
  file, ``kernels=`` in derive.derivation, or the ``kernels`` argument here) chooses the steps by
  label instead, and may name them.

A chosen step is emitted only when every link of its chain (and its ends) is proved for every
size, under no convention and no case split; otherwise emission is refused with the reason, and
nothing is written. The function computes the chain's last side. Its arguments are the names the
formula reads: the variable the left side differentiates by first, then the others in
alphabetical order. derive.emit.module prints the chosen kernels as a module.
"""

from __future__ import annotations

import keyword
from dataclasses import dataclass
from pathlib import Path

import sympy as sp
from sympy import Idx, Indexed, IndexedBase

from ..errors import EmitRefused
from ..model import Assumptions, Derivation, Side, Step, Verdict, slug
from ..notation import Definition, dsigmoid, sigmoid, unfold

__all__ = ["KernelRequest", "Param", "UserKernel", "select_kernels", "requests_in", "names_of", "used_definitions"]

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


def requests_in(notation) -> tuple[KernelRequest, ...]:
    """The steps a notation file's ``[kernels]`` table asks for: ``function_name = "step label"``."""
    import tomllib

    if notation is None:
        return ()
    try:
        data = tomllib.loads(Path(notation).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise EmitRefused(f"cannot read {str(notation)!r}: {exc}") from None
    table = data.get("kernels", {})
    if not isinstance(table, dict):
        raise EmitRefused(f"{Path(notation).name}: [kernels] must be a table of function name = \"step label\"")
    requests = []
    for name, label in table.items():
        if not isinstance(label, str) or not label.strip():
            raise EmitRefused(f"{Path(notation).name} [kernels] {name}: the step label must be a string, got {label!r}")
        requests.append(KernelRequest(label.strip(), _check_name(name, f"{Path(notation).name} [kernels]")))
    return tuple(requests)


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


def used_definitions(exprs, definitions) -> list[Definition]:
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


def names_of(expr) -> tuple[dict, set, set]:
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
    arrays, scalars, indices = names_of(full_l)
    more_arrays, more_scalars, more_indices = names_of(full_r)
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
