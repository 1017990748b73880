"""Derivations as data: documents, derivations, steps (chains a = b = c) and the checks they imply."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

import sympy as sp

from .errors import CatalogError
from .notation import Definition

__all__ = [
    "Verdict",
    "Expect",
    "Axis",
    "Misfit",
    "UNDEFINED",
    "UNTRANSLATED",
    "Side",
    "Assumptions",
    "Reading",
    "READING_KINDS",
    "BY_MATRIX_SHAPE",
    "Step",
    "Derivation",
    "Check",
    "checks_of",
    "slug",
]

# The convention a derivative of a number by a matrix is read in (named in the verdict; where the document says a
# gradient has its variable's shape, a side of the transposed shape is a mismatch, never the same under transposition).
BY_MATRIX_SHAPE = ("the derivative of a number by a matrix has the matrix's shape: entry (i, j) is the derivative by "
                   "its entry (i, j)")


class Verdict(str, Enum):
    """How strong a verdict is, strongest first."""

    PROVED = "proved"  # the difference reduces to zero for every size
    BOUNDED = "bounded"  # exact check, sums expanded, at every size up to K
    NUMERIC = "numeric"  # agreement at random points at high precision: evidence only
    REFUTED = "refuted"  # a counterexample, evaluated exactly enough to be certain
    UNKNOWN = "unknown"  # no decision: the reason says why
    ERROR = "error"  # the verifier contradicts itself: a bug in derive, reported loudly


@dataclass(frozen=True)
class Expect:
    """The verdict a check is expected to get; ``convention`` when it holds only under one."""

    verdict: Verdict
    convention: bool = False

    @classmethod
    def parse(cls, text: "str | Expect") -> "Expect":
        if isinstance(text, Expect):
            return text
        word, _, rest = text.partition(" ")
        try:
            verdict = Verdict(word)
        except ValueError:
            raise CatalogError(f"unknown expected verdict {text!r}; use one of {[v.value for v in Verdict]}") from None
        if rest not in ("", "under convention"):
            raise CatalogError(f"expected verdict {text!r}: only 'under convention' may follow the verdict")
        return cls(verdict, bool(rest))

    def __str__(self) -> str:
        return self.verdict.value + (" under convention" if self.convention else "")


@dataclass(frozen=True)
class Axis:
    """One axis of a side: its size, and the index that runs along it (None for a size-1 axis)."""

    size: sp.Expr
    index: sp.Idx | None = None


def shape_text(shape) -> str:
    """A shape as people write it: 2×3, Dx×H."""
    return "×".join(sp.sstr(s) for s in shape)


# What a side whose shapes do not fit prints as (it has no entries to show), and one that could not
# be translated to index form at all.
UNDEFINED = sp.Symbol("undefined")
UNTRANSLATED = sp.Symbol("untranslated")


@dataclass(frozen=True)
class Misfit:
    """Operands whose shapes do not fit, found while a side was translated to index form.

    ``rule`` says what fitting means: "product" (the first operand's columns are the second's rows),
    "same" (every operand has one shape) or "square" (rows = columns). ``shapes`` are the operands'
    shapes, (rows, columns) each, in symbolic sizes; ``what`` names the operation ("a product").
    """

    what: str
    rule: str
    shapes: tuple[tuple[sp.Expr, sp.Expr], ...]

    def fits(self, sizes: dict) -> bool:
        """Whether the shapes fit once the sizes take these values."""
        shapes = [tuple(sp.sympify(s).xreplace(sizes) for s in shape) for shape in self.shapes]
        if self.rule == "product":
            return all(sp.expand(a[1] - b[0]) == 0 for a, b in zip(shapes, shapes[1:]))
        if self.rule == "square":
            return all(sp.expand(r - c) == 0 for r, c in shapes)
        return all(sp.expand(a - b) == 0 for s in shapes[1:] for a, b in zip(shapes[0], s))

    def describe(self, sizes: dict | None = None) -> str:
        """The misfit in words, at the given sizes: 'a product of a 2×3 matrix by a 2×3 one'."""
        shapes = [tuple(sp.sympify(s).xreplace(sizes or {}) for s in shape) for shape in self.shapes]
        texts = [shape_text(s) for s in shapes]
        if self.rule == "product":
            a, b = shapes[0], shapes[1]
            cols = f"{sp.sstr(a[1])} column{'' if a[1] == 1 else 's'}"
            rows = f"{sp.sstr(b[0])} row{'' if b[0] == 1 else 's'}"
            return f"{self.what} of a {texts[0]} matrix by a {texts[1]} one: {cols} against {rows}"
        if self.rule == "square":
            return f"{self.what} of a {texts[0]} matrix, which is not square"
        return f"{self.what} of {' and '.join(texts)}: the shapes differ"


@dataclass(frozen=True)
class Side:
    """One side of an equation: the expression of a generic entry, and the axes it ranges over.

    A scalar has no axes. A vector x_i, i = 1..N, has one axis (N, i); a row vector 1 x N has
    axes (1, None), (N, i); an N x N matrix has two. ``conventions`` names the readings the
    side's notation needs (broadcasting, denominator layout), which the verdict must carry.
    """

    expr: sp.Expr
    axes: tuple[Axis, ...] = ()
    conventions: tuple[str, ...] = ()
    # Conditions the side as written needs to have a real value (sqrt(u): u >= 0, log(u): u > 0),
    # kept apart because SymPy's automatic simplification can erase them ((sqrt u)^2 becomes u).
    domain: tuple = ()
    # A side written with operands whose shapes do not fit (its expr is then meaningless): the claim
    # is refuted by shape. ``problem``: why the side could not be translated at all (unknown).
    misfit: Misfit | None = None
    problem: str = ""
    # The side with each decimal written to three significant digits or more as the value it may round
    # (0.99409 as 0.99409 + 0.000005 e, with a symbol e in [-1, 1] per decimal); None where it writes none.
    rounded: sp.Expr | None = None

    def __post_init__(self):
        if isinstance(self.expr, str):  # SymPy would run it as Python code when it meets it
            raise CatalogError(f"a side must be a SymPy expression, not the string {self.expr!r:.60}")

    @property
    def shape(self) -> tuple:
        return tuple(a.size for a in self.axes)

    @property
    def indices(self) -> tuple:
        return tuple(a.index for a in self.axes if a.index is not None)


@dataclass(frozen=True)
class Assumptions:
    """Side conditions a derivation states: case splits, one-hot vectors, defined names."""

    equal: tuple[tuple[sp.Idx, sp.Idx], ...] = ()
    distinct: tuple[tuple[sp.Idx, sp.Idx], ...] = ()
    onehot: tuple[tuple[sp.IndexedBase, sp.Idx], ...] = ()
    definitions: tuple[Definition, ...] = ()
    text: tuple[str, ...] = ()
    # What a supposition makes of a free name (sum_i p_i = 1: p_i = q_i + (1 - sum_j q_j)/n for a free q),
    # applied after the derivatives are taken: d/dp_j is by p_j, the supposition holds at the point.
    constraints: tuple[Definition, ...] = ()

    def __add__(self, other: "Assumptions") -> "Assumptions":
        return Assumptions(
            self.equal + other.equal,
            self.distinct + other.distinct,
            self.onehot + other.onehot,
            self.definitions + other.definitions,
            self.text + other.text,
            self.constraints + other.constraints,
        )


@dataclass(frozen=True)
class Reading:
    """One interpretation a step's reading relies on, in words, with the line of the document that says it.

    ``kind`` is one of READING_KINDS: a definition the document makes, a declaration it states, a
    condition (a case) the step is checked under, a name typed from its use, a guess where the
    document says nothing (an undeclared name read as a real number), or a default (a built-in
    convention such as y one-hot, used because the document never said otherwise; line None).
    ``text`` writes its mathematics between dollars, as the catalog's notes do.
    """

    kind: str
    text: str
    line: int | None = None

    def __post_init__(self):
        if self.kind not in READING_KINDS:
            raise CatalogError(f"unknown kind of reading {self.kind!r}")

    def to_dict(self) -> dict:
        return {"kind": self.kind, "text": self.text, "line": self.line}

    @classmethod
    def from_dict(cls, d: dict) -> "Reading":
        return cls(d["kind"], d["text"], d.get("line"))


READING_KINDS = ("definition", "declaration", "condition", "inferred", "guess", "default")


@dataclass(frozen=True)
class Step:
    """One labelled chain of the document, ``terms[0] = terms[1] = ...``.

    ``expect`` gives the expected verdict of each link (one value for all, or one per link);
    ``ends`` the expected verdict of first = last when the chain has more than two terms.
    """

    label: str
    latex: str
    terms: tuple[Side, ...]
    expect: tuple[Expect, ...]
    ends: Expect | None = None
    assume: Assumptions = Assumptions()
    reading: str = ""
    note: str = ""
    line: int | None = None  # where the step stands in its source file, when it has one
    problem: str = ""  # why the step could not be read (it is then reported, never guessed)
    readings: tuple[Reading, ...] = ()  # what the reading relies on, each with its line
    # Each term as written and where it starts (line, column; both 1-based), when read from a file.
    texts: tuple[str, ...] = ()
    positions: tuple[tuple[int, int], ...] = ()
    end_line: int | None = None  # the last line of the step in its file
    # What the document assumes of the step's names and derive cannot use ("$\sum_i p_i = 1$", line 6):
    # a counterexample would have to satisfy it, so a refutation becomes unknown, naming it.
    hypotheses: tuple[str, ...] = ()
    # Suppositions about one array ("the mean of r is (n + 1)/2"), (its name, the supposition): only the links
    # whose sides hold the array rely on it, and take it as one of their hypotheses.
    array_hypotheses: tuple[tuple[str, str], ...] = ()
    # Names the document says lie in a finite set (y \in \{0, 1\}): (name, values, the hypothesis saying so).
    # A refutation as read is tried again at each of the values.
    values: tuple[tuple[str, tuple[int, ...], str], ...] = ()
    # Values an earlier sentence of the paragraph gives a name the step holds ("with $\\lambda = 2$: ..."), which
    # the step may still mean, each as in ``values``: a refutation as read stands only where it is one at them too.
    refute_at: tuple[tuple[str, tuple[int, ...], str], ...] = ()
    # Arrays whose every entry the document puts in a set of numbers (y_i \in \{-1, +1\}, y \in \{0, 1\}^n,
    # p \in (0, 1)^n): (array name, the set as derive.verify.EntrySet reads it, "{-1, 1}" or "(0, 1]", the
    # hypothesis saying so). A refutation as read is sought again with those entries drawn from the set only, and
    # stands when its counterexample's entries all lie in it.
    entry_values: tuple[tuple[str, str, str], ...] = ()
    # Undeclared capitals read as matrices that may be numbers (AB = BA), each with the size it depends
    # on, (name, size): the verdict stands only where the readings as numbers (1x1) and as matrices agree.
    either: tuple[tuple[str, str], ...] = ()
    # Links the step's reading takes for granted, each (left, right, what it is in words): where the document
    # defines a built-in function by its own formula (LSE(x) = ...), every step using the function reads it
    # with its usual meaning, and a verdict stands only where that definition is proved to be it.
    premises: tuple[tuple[Side, Side, str], ...] = ()
    # Vectors read as one-hot by default although the document declares them (y \in R^N) without saying
    # so: a verdict stands only where it is the same with them read as any vector.
    hot_guessed: tuple[str, ...] = ()
    # Names the document never declares, read as real numbers (a guess): a refutation that needs one of them
    # negative or zero stands only where it is refuted with them positive too (a standard deviation, a rate).
    guessed_scalars: tuple[str, ...] = ()
    # Sizes the document bounds below (n >= 2), (size, least): a refutation stands only at such sizes.
    least_sizes: tuple[tuple[str, int], ...] = ()
    # Sizes the document bounds above or fixes (K = 2, n <= 3), (size, most): a refutation stands only at such
    # sizes, and a claim exact at every size the bounds allow is proved under them.
    most_sizes: tuple[tuple[str, int], ...] = ()
    # Orders the document states between two sizes (k <= n), (size, relation, size): a refutation stands only at
    # sizes that meet them.
    size_orders: tuple[tuple[str, str, str], ...] = ()
    # Vectors the document declares only by their entries (x_1, ..., x_T in R) whose bare name the step writes,
    # (name, line of the declaration): the bare name may be a number of its own (x_t = x for all t), so a
    # refutation on shape stands not.
    families: tuple[tuple[str, int], ...] = ()
    # Names the document declares in bold (\\boldsymbol{\\mu}_k) that the step writes plain (\\mu_1), (name, line of the
    # declaration): the plain name may be a number of its own, so a refutation on shape stands not.
    plain_bold: tuple[tuple[str, int], ...] = ()
    # Square matrices the document says are symmetric ("let A be symmetric"): each entry A_ij is read as
    # (A_ij + A_ji)/2, which ranges over exactly the symmetric matrices as A ranges over all.
    symmetric: tuple[str, ...] = ()
    # Square matrices the document says have zero diagonal ("W with zero diagonal"): each entry A_ij is read as
    # A_ij (1 - delta_ij), which ranges over exactly those matrices as A ranges over all.
    hollow: tuple[str, ...] = ()
    # Square matrices the document says are (symmetric) positive definite, (name, strict): each entry A_ij is
    # read as sum_k B_ik B_jk + t^2 delta_ij with t != 0 (strict) or as sum_k B_ik B_jk (semidefinite), which range
    # over exactly those matrices as B and t range over all.
    definite: tuple[tuple[str, bool], ...] = ()
    # The document says its layout: a matrix side is compared with the other as written, never transposed.
    layout_declared: bool = False
    # The document says a gradient is a column vector: a row is never compared with a column as its transpose.
    gradient_columns: bool = False
    # What a refuted step should have said: the right side that makes terms[0] = correction true.
    # It is verified like any other claim (check '#correction'), never taken on trust.
    correction: Side | None = None


@dataclass(frozen=True)
class Derivation:
    """A derivation of one document: the statement it sets out to show and its steps."""

    id: str
    topic: str
    source: str
    title: str
    statement: str
    steps: tuple[Step, ...]
    assume: Assumptions = Assumptions()
    note: str = ""
    # The steps to emit as kernels (derive emit): (step label, function name or "" for the default name).
    kernels: tuple[tuple[str, str], ...] = ()
    file: str = ""  # the file it was read from, as the command line named it; "" for the built-in catalog


@dataclass(frozen=True)
class Check:
    """One equation to verify: a link of a chain, or the chain's two ends."""

    id: str
    derivation: str
    source: str
    label: str
    part: str  # "link", "link 2 of 3", "ends" or "correction"
    lhs: Side
    rhs: Side
    assume: Assumptions
    expect: Expect
    latex: str = ""
    reading: str = ""
    note: str = ""
    line: int | None = None
    problem: str = ""
    readings: tuple[Reading, ...] = ()
    column: int | None = None  # of the link's left term (1-based), when read from a file
    end_line: int | None = None
    link: int | None = None  # the link's number in its chain (None for the ends and a correction)
    link_latex: str = ""  # the link's two terms as written, "left = right"
    hypotheses: tuple[str, ...] = ()
    values: tuple[tuple[str, tuple[int, ...], str], ...] = ()  # see Step.values
    refute_at: tuple[tuple[str, tuple[int, ...], str], ...] = ()  # see Step.refute_at
    entry_values: tuple[tuple[str, str, str], ...] = ()  # see Step.entry_values
    file: str = ""  # the file the derivation was read from, as named on the command line; else its source
    either: tuple[tuple[str, str], ...] = ()  # as Step.either
    premises: tuple[tuple[Side, Side, str], ...] = ()  # as Step.premises
    hot_guessed: tuple[str, ...] = ()  # as Step.hot_guessed
    guessed_scalars: tuple[str, ...] = ()  # as Step.guessed_scalars
    least_sizes: tuple[tuple[str, int], ...] = ()  # as Step.least_sizes
    most_sizes: tuple[tuple[str, int], ...] = ()  # as Step.most_sizes
    size_orders: tuple[tuple[str, str, str], ...] = ()  # as Step.size_orders
    families: tuple[tuple[str, int], ...] = ()  # as Step.families
    plain_bold: tuple[tuple[str, int], ...] = ()  # as Step.plain_bold
    symmetric: tuple[str, ...] = ()  # as Step.symmetric
    hollow: tuple[str, ...] = ()  # as Step.hollow
    definite: tuple[tuple[str, bool], ...] = ()  # as Step.definite
    layout_declared: bool = False  # as Step.layout_declared
    gradient_columns: bool = False  # as Step.gradient_columns


def slug(label: str) -> str:
    """A step label as it can be typed on a command line: '(16)' -> '16', '4-a, line 1' -> '4-a-line-1'."""
    out, dash = [], False
    for ch in label.lower():
        if ch.isalnum():
            out.append(ch)
            dash = False
        elif not dash and out:
            out.append("-")
            dash = True
    return "".join(out).strip("-") or "step"


def _written_relation(latex: str, texts) -> str:
    """The relation a one-link step's latex writes between its two terms ("=" when it cannot be told)."""
    left, right = (" ".join(t.split()) for t in texts)
    if latex.startswith(left) and latex.endswith(right):
        between = latex[len(left):len(latex) - len(right)].strip()
        if between and len(between) <= 12 and " " not in between:
            return between
    return "="


def checks_of(derivation: Derivation) -> list[Check]:
    """The checks of a derivation, in document order: every link, then each chain's ends."""
    checks = []
    seen = set()
    for step in derivation.steps:
        base = f"{derivation.id}/{slug(step.label)}"
        if base in seen:
            raise CatalogError(f"{derivation.id}: step label {step.label!r} is used twice (as {base})")
        seen.add(base)
        n_links = len(step.terms) - 1
        if n_links < 1:
            raise CatalogError(f"{base}: a step needs at least two terms")
        if len(step.expect) != n_links:
            raise CatalogError(f"{base}: {len(step.expect)} expected verdicts for {n_links} links")
        assume = derivation.assume + step.assume
        common = dict(derivation=derivation.id, source=derivation.source, label=step.label,
                      assume=assume, latex=step.latex, reading=step.reading, note=step.note,
                      line=step.line, problem=step.problem, readings=step.readings, end_line=step.end_line,
                      hypotheses=step.hypotheses, values=step.values, refute_at=step.refute_at,
                      entry_values=step.entry_values, either=step.either, premises=step.premises,
                      hot_guessed=step.hot_guessed, guessed_scalars=step.guessed_scalars, least_sizes=step.least_sizes, most_sizes=step.most_sizes,
                      size_orders=step.size_orders,
                      families=step.families, plain_bold=step.plain_bold, symmetric=step.symmetric, hollow=step.hollow,
                      definite=step.definite,
                      layout_declared=step.layout_declared, gradient_columns=step.gradient_columns,
                      file=derivation.file or derivation.source)
        for n in range(n_links):
            part = "link" if n_links == 1 else f"link {n + 1} of {n_links}"
            where = dict(common)
            if len(step.positions) == len(step.terms):
                where["line"], where["column"] = step.positions[n]
            if len(step.texts) == len(step.terms):
                # (a link not checked keeps the relation it is written with, a \le b, in its latex)
                relation = "=" if not step.problem or n_links != 1 else _written_relation(step.latex, step.texts)
                where["link_latex"] = (f"{' '.join(step.texts[n].split())} {relation} "
                                       f"{' '.join(step.texts[n + 1].split())}")
            where["hypotheses"] = step.hypotheses + _held_hypotheses(step, step.terms[n], step.terms[n + 1])
            checks.append(Check(id=f"{base}#{n + 1}", part=part, lhs=step.terms[n], rhs=step.terms[n + 1],
                                expect=step.expect[n], link=n + 1, **where))
        if step.correction is not None:
            checks.append(Check(id=f"{base}#correction", part="correction", lhs=step.terms[0], rhs=step.correction,
                                expect=Expect(Verdict.PROVED), **common))
        if n_links > 1:
            if step.ends is None:
                raise CatalogError(f"{base}: a chain of {n_links} links needs an expected verdict for its ends")
            where = dict(common)
            if len(step.positions) == len(step.terms):
                where["line"], where["column"] = step.positions[0]
            if len(step.texts) == len(step.terms):
                where["link_latex"] = f"{' '.join(step.texts[0].split())} = {' '.join(step.texts[-1].split())}"
            where["hypotheses"] = step.hypotheses + _held_hypotheses(step, step.terms[0], step.terms[-1])
            checks.append(Check(id=f"{base}#ends", part="ends", lhs=step.terms[0], rhs=step.terms[-1],
                                expect=step.ends, **where))
    return checks


def _held_hypotheses(step: Step, *sides) -> tuple[str, ...]:
    """The step's suppositions about arrays that the sides hold (see Step.array_hypotheses)."""
    held = {str(b.label) for side in sides if side is not None and isinstance(side.expr, sp.Basic)
            for b in side.expr.atoms(sp.IndexedBase)}
    return tuple(text for name, text in step.array_hypotheses if name in held)
