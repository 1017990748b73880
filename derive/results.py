"""Verification results as plain records that round-trip through JSON."""

from __future__ import annotations

import json
from collections import Counter
import math
from dataclasses import dataclass, field, fields, replace

import mpmath
import sympy as sp

from .model import BY_MATRIX_SHAPE, Check, Expect, Reading, Verdict

__all__ = ["Value", "Assignment", "Counterexample", "decimal_text", "CheckResult", "tier_text", "results_document",
           "in_one_layout", "SCHEMA_VERSION"]

SCHEMA_VERSION = 3


# The SymPy classes an exact value may be made of: what the JSON record can hold and rebuild.
_FUNCTIONS = ("Add", "Mul", "Pow", "exp", "log", "Abs", "sin", "cos", "tan", "tanh", "sinh", "cosh")
_CONSTANTS = {"E": sp.E, "pi": sp.pi}


def _encode(expr: sp.Basic):
    """An exact value as nested lists that JSON holds and :func:`_decode` rebuilds; None when it
    uses anything beyond rationals, e, pi and the elementary functions."""
    if expr.is_Integer:
        return ["Integer", str(expr)]
    if expr.is_Rational:
        return ["Rational", str(expr.p), str(expr.q)]
    for name, const in _CONSTANTS.items():
        if expr is const:
            return [name]
    name = type(expr).__name__
    if name not in _FUNCTIONS:
        return None
    args = [_encode(a) for a in expr.args]
    return None if any(a is None for a in args) else [name, *args]


def _decode(tree) -> sp.Expr:
    """The exact value :func:`_encode` wrote, rebuilt from the listed classes only (never parsed text)."""
    name, *args = tree
    if name == "Integer":
        return sp.Integer(int(args[0]))
    if name == "Rational":
        return sp.Rational(int(args[0]), int(args[1]))
    if name in _CONSTANTS:
        return _CONSTANTS[name]
    if name not in _FUNCTIONS:
        raise ValueError(f"unknown class {name!r} in an exact value")
    return getattr(sp, name)(*(_decode(a) for a in args), evaluate=False)


def decimal_text(value, digits: int = 10) -> str:
    """A number to ``digits`` significant digits; huge and tiny values keep their exponent, never inf or 0."""
    f = sp.N(sp.sympify(value), digits + 5)
    if not f.is_Float:
        f = sp.Float(f, digits + 5)
    if f == 0:
        return "0"
    m = f._to_mpmath(f._prec)
    if abs(m) < 10 ** digits and m == int(m):
        return str(int(m))
    return mpmath.nstr(f._to_mpmath(f._prec), digits, min_fixed=-4, max_fixed=digits)


@dataclass(frozen=True)
class Value:
    """One exact number of a counterexample, with its decimal value; ``exact`` None: not exact,
    or undefined when ``decimal`` is empty too."""

    exact: sp.Expr | None
    decimal: str = ""

    @classmethod
    def of(cls, exact, numeric=None) -> "Value":
        """The value of ``exact`` (a SymPy number); ``numeric``: its high-precision value when known."""
        if exact is None and numeric is None:
            return cls(None, "")
        exact = None if exact is None else sp.sympify(exact)
        return cls(exact, decimal_text(numeric if numeric is not None else exact))

    @property
    def defined(self) -> bool:
        return bool(self.decimal)

    @property
    def text(self) -> str:
        """The exact value as plain text (e, not E), or its decimal."""
        if not self.defined:
            return "undefined"
        if self.exact is None:
            return self.decimal
        from .plaintext import to_text

        return to_text(self.exact)

    @property
    def is_simple(self) -> bool:
        """True when the exact value says no more than its decimal (an integer)."""
        return self.exact is not None and self.exact.is_Integer and abs(self.exact) < 10 ** 12

    def to_dict(self) -> dict:
        approx = float(self.decimal) if self.defined else None
        return {
            "exact": self.text if self.exact is not None else None,
            "float": approx if approx is not None and math.isfinite(approx) and (approx != 0 or self.decimal == "0") else None,
            "decimal": self.decimal or None,
            "expr": None if self.exact is None else _encode(self.exact),
        }

    @classmethod
    def from_dict(cls, d: dict) -> "Value":
        tree = d.get("expr")
        return cls(_decode(tree) if tree else None, d.get("decimal") or "")


@dataclass(frozen=True)
class Assignment:
    """A variable's value in a counterexample: a scalar, or an array's entries row by row."""

    name: str  # the name the verifier knows it by: "theta", "W1", "u"
    shape: tuple[int, ...]  # () for a scalar, (n,) for a vector, (rows, cols) for a matrix
    entries: tuple[Value, ...]

    @property
    def rows(self) -> list[tuple[Value, ...]]:
        if len(self.shape) < 2:
            return [self.entries]
        cols = self.shape[1]
        return [self.entries[r * cols:(r + 1) * cols] for r in range(self.shape[0])]

    def to_dict(self) -> dict:
        return {"shape": list(self.shape), "entries": [v.to_dict() for v in self.entries]}

    @classmethod
    def from_dict(cls, name: str, d: dict) -> "Assignment":
        return cls(name, tuple(d["shape"]), tuple(Value.from_dict(v) for v in d["entries"]))


def _entry_text(v: Value) -> str:
    return v.text if v.exact is not None and len(v.text) <= 12 else v.decimal or "undefined"


def _side_text(v: Value | None) -> str:
    if v is None or not v.defined:
        return "undefined"
    if v.exact is None or v.is_simple:
        return v.text
    text = v.text
    if len(text) <= 32 and text != v.decimal:
        return f"{text} ≈ {v.decimal}"
    return v.decimal


@dataclass(frozen=True)
class Counterexample:
    """A small instance where the two sides differ (or do not even have the same shape).

    Everything is data: the sizes and index values, each variable's exact value, and both sides'
    exact and decimal values; renderers format them (:meth:`describe` is the plain-text form).
    """

    sizes: dict[str, int]
    indices: dict[str, int]
    values: dict[str, Assignment] = field(default_factory=dict)  # by the variable's name
    lhs: Value | None = None
    rhs: Value | None = None
    reason: str = ""  # set when the sides do not even have the same shape
    lhs_shape: str = ""
    rhs_shape: str = ""

    def value_text(self, a: Assignment) -> str:
        if not a.shape:
            return _entry_text(a.entries[0])
        if len(a.shape) == 1:
            return "(" + ", ".join(_entry_text(v) for v in a.entries) + ")"
        return "[" + "; ".join(", ".join(_entry_text(v) for v in row) for row in a.rows) + "]"

    def describe(self, name=str) -> str:
        """One line of plain text; ``name`` shows a variable's name (the terminal gives θ for theta)."""
        parts = [f"{k} = {v}" for k, v in {**self.sizes, **self.indices}.items()]
        parts += [f"{name(a.name)} = {self.value_text(a)}" for a in self.values.values()]
        where = ", ".join(parts)
        text = f"at {where}: " if where else ""
        if self.reason:
            return f"{text}{self.reason}"
        return f"{text}left = {_side_text(self.lhs)}, right = {_side_text(self.rhs)}"

    def to_dict(self) -> dict:
        return {
            "sizes": dict(self.sizes), "indices": dict(self.indices),
            "values": {name: a.to_dict() for name, a in self.values.items()},
            "lhs": None if self.lhs is None else self.lhs.to_dict(),
            "rhs": None if self.rhs is None else self.rhs.to_dict(),
            "reason": self.reason, "lhs_shape": self.lhs_shape, "rhs_shape": self.rhs_shape,
        }

    @classmethod
    def from_dict(cls, d: dict) -> "Counterexample":
        return cls(
            sizes=dict(d.get("sizes", {})), indices=dict(d.get("indices", {})),
            values={name: Assignment.from_dict(name, a) for name, a in d.get("values", {}).items()},
            lhs=Value.from_dict(d["lhs"]) if d.get("lhs") else None,
            rhs=Value.from_dict(d["rhs"]) if d.get("rhs") else None,
            reason=d.get("reason", ""), lhs_shape=d.get("lhs_shape", ""), rhs_shape=d.get("rhs_shape", ""),
        )


@dataclass(frozen=True)
class CheckResult:
    """The verdict on one check, with everything a renderer needs and nothing it must compute."""

    id: str
    derivation: str
    source: str
    label: str
    part: str
    verdict: Verdict
    detail: str
    expected: str
    seconds: float
    bound: int | None = None
    conventions: tuple[str, ...] = ()
    counterexample: Counterexample | None = None
    notes: tuple[str, ...] = field(default_factory=tuple)
    # The symbolic sizes the claim ranges over ("N", or "D_x", "H", "D_y"); () for scalars, None if not known.
    sizes: tuple[str, ...] | None = None
    # Where the claim stands: the file as named on the command line (the catalog: the derivation's
    # source), the line and column of the link's left term, the step's last line, the link's number
    # in its chain (None for the ends and a correction), and the link as written.
    file: str = ""
    line: int | None = None
    column: int | None = None
    end_line: int | None = None
    link: int | None = None
    latex: str = ""
    readings: tuple[Reading, ...] = ()  # what the step's reading relies on, each with its line

    @classmethod
    def of(cls, check: Check, verdict: Verdict, detail: str, seconds: float, **outcome) -> "CheckResult":
        """The result of ``check``: its identity and place from the check, the rest from ``outcome``."""
        return cls(
            id=check.id, derivation=check.derivation, source=check.source, label=check.label, part=check.part,
            verdict=verdict, detail=detail, expected=str(check.expect), seconds=seconds,
            file=check.file or check.source, line=check.line, column=check.column, end_line=check.end_line,
            link=check.link, latex=check.link_latex or check.latex, readings=tuple(check.readings), **outcome,
        )

    @property
    def defaults(self) -> tuple[Reading, ...]:
        """The built-in defaults the reading relied on (the document never states them)."""
        return tuple(r for r in self.readings if r.kind == "default")

    @property
    def refuted_under_default(self) -> bool:
        """Refuted, but under a default reading the document never states: the document may mean otherwise."""
        return self.verdict is Verdict.REFUTED and bool(self.defaults)

    @property
    def matches(self) -> bool:
        want = Expect.parse(self.expected)
        return want.verdict == self.verdict and want.convention == bool(self.conventions)

    @property
    def tier(self) -> str:
        return tier_text(self.verdict, self.bound, self.conventions, self.sizes)

    def to_dict(self) -> dict:
        d = {f.name: getattr(self, f.name) for f in fields(self)}
        d["counterexample"] = None if self.counterexample is None else self.counterexample.to_dict()
        d["verdict"] = self.verdict.value
        d["tier"] = self.tier
        d["matches"] = self.matches
        d["conventions"] = list(self.conventions)
        d["notes"] = list(self.notes)
        d["sizes"] = None if self.sizes is None else list(self.sizes)
        d["readings"] = [r.to_dict() for r in self.readings]
        return d

    @classmethod
    def from_dict(cls, d: dict) -> "CheckResult":
        d = dict(d)
        d.pop("tier", None)
        d.pop("matches", None)
        d["verdict"] = Verdict(d["verdict"])
        d["conventions"] = tuple(d.get("conventions", ()))
        d["notes"] = tuple(d.get("notes", ()))
        d["sizes"] = None if d.get("sizes") is None else tuple(d["sizes"])
        d["readings"] = tuple(Reading.from_dict(r) for r in d.get("readings", ()))
        if d.get("counterexample"):
            d["counterexample"] = Counterexample.from_dict(d["counterexample"])
        return cls(**d)


_HOLDS = (Verdict.PROVED, Verdict.BOUNDED, Verdict.NUMERIC)


def in_one_layout(results: list[CheckResult]) -> list[CheckResult]:
    """A document writes its derivatives of a number by a matrix in one layout.

    With none said, such a derivative has the matrix's shape, and a claim that holds only transposed is
    proved under transposition, a convention named. Where the same document has a claim of that kind that
    holds in the matrix's shape, it has said its layout by using it: a claim of it that holds only transposed
    is then not proved (which of the two layouts the document means is not read; ∂E/∂F = (G - A) F, then
    ∂E/∂F = F^T (G - A) copied from a source that stores F transposed)."""
    def by_matrix(r: CheckResult) -> bool:
        return r.verdict in _HOLDS and any(BY_MATRIX_SHAPE in c for c in r.conventions)

    def transposed(r: CheckResult) -> bool:
        return any(c.startswith("transposition") for c in r.conventions)

    in_shape: dict[str, CheckResult] = {}
    for r in results:
        if by_matrix(r) and not transposed(r):
            in_shape.setdefault(r.file or r.source, r)
    out = []
    for r in results:
        first = in_shape.get(r.file or r.source)
        if first is not None and by_matrix(r) and transposed(r):
            where = f"line {first.line}" if first.line is not None else first.label
            shapes = next(c for c in r.conventions if c.startswith("transposition"))[len("transposition "):]
            r = replace(r, verdict=Verdict.UNKNOWN, bound=None, conventions=(), detail=(
                f"holds only transposed {shapes}, where {where} writes a derivative by a matrix in the matrix's "
                "shape: which layout the document means is not read"))
        out.append(r)
    return out


def tier_text(verdict: Verdict, bound: int | None = None, conventions=(), sizes=None) -> str:
    """The verdict in words; ``sizes`` names what 'for all' ranges over (() for scalars, None: say N)."""
    sizes = ("N",) if sizes is None or (verdict is Verdict.BOUNDED and not sizes) else tuple(sizes)
    names = ", ".join(sizes)
    text = {
        Verdict.PROVED: f"proved for all {names}" if sizes else "proved",
        Verdict.BOUNDED: f"proved for {names} = 1..{bound}" if len(sizes) <= 1 else f"proved for {names} up to {bound}",
        Verdict.NUMERIC: "numerically consistent only",
        Verdict.REFUTED: "refuted",
        Verdict.UNKNOWN: "unknown",
        Verdict.ERROR: "INTERNAL ERROR",
    }[verdict]
    if conventions and verdict in (Verdict.PROVED, Verdict.BOUNDED, Verdict.NUMERIC):
        text += " under " + "; ".join(conventions)
    return text


def results_document(results, seconds: float) -> str:
    """The JSON document `derive check --format json` prints (schema in the README)."""
    counts = Counter(r.verdict.value for r in results)
    doc = {
        "schema": SCHEMA_VERSION,
        "summary": {
            "checks": len(results),
            "verdicts": dict(sorted(counts.items())),
            "as_expected": sum(r.matches for r in results),
            "differ": [r.id for r in results if not r.matches],
            "refuted_under_defaults": sum(r.refuted_under_default for r in results),
            "seconds": round(seconds, 3),
        },
        "results": [r.to_dict() for r in results],
    }
    return json.dumps(doc, indent=2, ensure_ascii=False)
