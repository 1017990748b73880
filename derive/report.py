"""Reports of verified derivations: Markdown, LaTeX and PDF, rendered from results and written atomically.

Rendering sees only the catalog's Derivation objects and the CheckResult records (and, for the
kernels section, the kernel specifications); it never runs the verifier. The documents are built
by Jinja2 templates shipped in ``derive.templates``; Python prepares plain view records and
typesets expressions with :mod:`derive.latex`.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import sympy as sp

from .errors import ReportError
from .files import write_atomic, write_set
from .latex import counterexample_latex, side_to_latex, to_latex
from .model import Derivation, Reading, Side, Step, Verdict, slug
from .plaintext import GREEK_LETTERS, prose_text
from .results import CheckResult, Counterexample, tier_text

__all__ = [
    "FORMATS",
    "REPORT_NAME",
    "Written",
    "build_report",
    "render_report",
    "write_reports",
    "compile_pdf",
    "typeset_pdf",
    "find_latex_engine",
    "save_results",
    "load_results",
]

FORMATS = ("md", "tex", "html", "pdf")
REPORT_NAME = "derivations"
RESULTS_NAME = "results.json"

# The weakest link decides a step's mark; the same order the terminal uses.
_SEVERITY = (Verdict.ERROR, Verdict.REFUTED, Verdict.UNKNOWN, Verdict.NUMERIC, Verdict.BOUNDED, Verdict.PROVED)
_HOLDS = (Verdict.PROVED, Verdict.BOUNDED, Verdict.NUMERIC)


# --- view records: what the templates see -------------------------------------------------------

@dataclass(frozen=True)
class Outcome:
    """A verdict as a reader sees it: the verdict, its tier in words, and whether it was expected."""

    verdict: str
    tier: str
    convention: bool = False
    expected: str = ""
    matches: bool = True


@dataclass(frozen=True)
class Link:
    """One check of a chain: a link ``lhs = rhs`` or the chain's two ends."""

    id: str
    part: str
    number: int | None  # the link's position in the chain; None for the ends
    lhs: str
    rhs: str
    outcome: Outcome | None  # None when the check was not run for this report
    detail: str = ""
    notes: tuple[str, ...] = ()
    counterexample: Counterexample | None = None
    defaults: tuple[Reading, ...] = ()  # the defaults a refutation relies on, which the document never states


@dataclass(frozen=True)
class Correction:
    """What is true instead of a refuted link, as far as the catalog and the results say."""

    link: Link
    holds_lhs: str = ""  # the left side ...
    holds_rhs: str = ""  # ... and a later term of the chain the results show it equal to
    holds_outcome: Outcome | None = None
    holds_via: tuple[str, ...] = ()  # the checks that establish it


@dataclass(frozen=True)
class StepView:
    id: str
    label: str
    line: int | None
    latex: str  # the step as LaTeX to typeset: the catalog's own transcription; "" for a user's file
    terms: tuple[str, ...]
    links: tuple[Link, ...]
    ends: Link | None
    outcome: Outcome
    reading: str = ""
    note: str = ""
    problem: str = ""
    corrections: tuple[Correction, ...] = ()
    correction: Link | None = None  # what the step should have said, as the catalog gives it, verified
    source: str = ""  # the step as its author wrote it, shown verbatim (never typeset): a user's file
    wide_terms: tuple[str, ...] = ()  # the terms with breakable parentheses, for terms wider than the page
    readings: tuple[Reading, ...] = ()  # what the reading relies on, each with its line

    @property
    def where(self) -> str:
        """The step's label, with its line when the label does not already say it."""
        if self.line and "line" not in self.label:
            return f"{self.label} (line {self.line})"
        return self.label

    @property
    def unreadable(self) -> bool:
        return bool(self.problem)

    @property
    def read_as(self) -> str:
        """What a link not checked as expected was read as, "definition" (it gives a name its meaning) or
        "supposition" (what the words suppose, "let $a = 2$"); "" for any other link."""
        if self.problem.startswith("the definition of"):
            return "definition"
        return "supposition" if self.problem.startswith("read as a supposition") else ""

    @property
    def chain(self) -> tuple[Link, ...]:
        """The checks of the chain as the document writes it: its links, then its ends."""
        return self.links + ((self.ends,) if self.ends else ())

    @property
    def checks(self) -> tuple[Link, ...]:
        return self.chain + ((self.correction,) if self.correction else ())


@dataclass(frozen=True)
class Counts:
    """Steps by their weakest verdict, the way the summary tables count them."""

    steps: int = 0
    proved: int = 0
    convention: int = 0  # proved for all N, but only under a named convention
    bounded: int = 0
    numeric: int = 0
    refuted: int = 0
    unknown: int = 0
    error: int = 0
    unexpected: int = 0  # checks whose verdict differs from what the catalog expects

    def __add__(self, other: "Counts") -> "Counts":
        return Counts(*(a + b for a, b in zip(self._values(), other._values())))

    def _values(self):
        return (self.steps, self.proved, self.convention, self.bounded, self.numeric, self.refuted, self.unknown,
                self.error, self.unexpected)


@dataclass(frozen=True)
class Assumption:
    kind: str  # "definition", "equal", "distinct", "onehot", "text"
    math: str = ""
    text: str = ""


@dataclass(frozen=True)
class DerivationView:
    id: str
    topic: str
    source: str
    title: str
    statement: str  # LaTeX to typeset (the catalog's); "" for a user's file
    assumptions: tuple[Assumption, ...]
    steps: tuple[StepView, ...]
    note: str
    counts: Counts
    outcome: Outcome
    refuted: tuple[str, ...]  # labels of refuted steps
    undecided: tuple[str, ...]  # labels of steps with no decision (unknown or error)
    conventions: tuple[str, ...]
    catalog: bool = True  # from derive's own catalog: its LaTeX is derive's and may be typeset
    statement_source: str = ""  # a user's statement, shown verbatim


@dataclass(frozen=True)
class Document:
    source: str
    derivations: tuple[DerivationView, ...]
    counts: Counts
    outcome: Outcome | None = None  # the weakest verdict of its derivations
    first_wrong: str = ""  # the first link that is refuted or undecided, as "label, part"
    catalog: bool = True
    first_wrong_step: str = ""  # the ID of the step that link belongs to


@dataclass(frozen=True)
class KernelItem:
    id: str
    label: str  # "softmax-shift/000, step (1)" or the bare ID
    latex: str
    outcome: Outcome | None  # None: not in this report


@dataclass(frozen=True)
class Kernel:
    name: str
    summary: str
    claims: tuple[KernelItem, ...]
    rewrites: tuple[KernelItem, ...]


@dataclass(frozen=True)
class Report:
    documents: tuple[Document, ...]
    counts: Counts
    kernels: tuple[Kernel, ...] | None  # None: no kernels section
    checks: int
    as_expected: int
    catalog: bool = True  # some derivation comes from derive's own catalog (it states what it expects)
    verdicts: tuple[tuple[str, int], ...] = ()  # checks by verdict, strongest first
    under_default: int = 0  # refuted checks that rely on a default reading the document never states


# --- building the view ----------------------------------------------------------------------------

def _outcome(r: CheckResult, trusted: bool = True) -> Outcome:
    # Only the catalog states what it expects; a file of one's own claims that every link holds.
    if not trusted:  # (but a definition is not checked: the reader expects it unknown)
        return Outcome(r.verdict.value, r.tier, bool(r.conventions), "unknown" if r.expected == "unknown" else "")
    return Outcome(r.verdict.value, r.tier, bool(r.conventions), r.expected, r.matches)


def _link(r: CheckResult | None, check_id: str, part: str, number: int | None, lhs: Side, rhs: Side,
          trusted: bool = True) -> Link:
    if r is None:
        return Link(check_id, part, number, side_to_latex(lhs), side_to_latex(rhs), None)
    return Link(check_id, part, number, side_to_latex(lhs), side_to_latex(rhs), _outcome(r, trusted),
                r.detail, r.notes, r.counterexample, r.defaults if r.refuted_under_default else ())


def _weakest(results: Sequence[CheckResult], trusted: bool = True) -> Outcome:
    """The step's verdict: its weakest check; the bound is the smallest, conventions are pooled."""
    verdict = min((r.verdict for r in results), key=_SEVERITY.index)
    bounds = [r.bound for r in results if r.verdict is verdict and r.bound is not None]
    conventions = tuple(dict.fromkeys(c for r in results for c in r.conventions)) if verdict in _HOLDS else ()
    known = [r.sizes for r in results if r.sizes is not None]
    sizes = tuple(dict.fromkeys(s for found in known for s in found)) if known else None
    return Outcome(verdict.value, tier_text(verdict, min(bounds) if bounds else None, conventions, sizes),
                   bool(conventions), "", not trusted or all(r.matches for r in results))


def _holding_path(held: dict[tuple[int, int], CheckResult], start: int) -> dict[int, list[CheckResult]]:
    """Terms the results show equal to term ``start``, with the checks that show it (breadth first)."""
    paths = {start: []}
    frontier = [start]
    while frontier:
        nxt = []
        for a in frontier:
            for (p, q), r in sorted(held.items()):
                for u, v in ((p, q), (q, p)):
                    if u == a and v not in paths:
                        paths[v] = paths[a] + [r]
                        nxt.append(v)
        frontier = nxt
    return paths


def _corrections(step: Step, links: tuple[Link, ...], results: dict[tuple[int, int], CheckResult],
                 trusted: bool = True) -> tuple[Correction, ...]:
    held = {k: r for k, r in results.items() if r.verdict in _HOLDS}
    out = []
    for link in links:
        if link.outcome is None or link.outcome.verdict != Verdict.REFUTED.value:
            continue
        if link.number is None:
            a, b = 0, len(step.terms) - 1
        else:
            a, b = link.number - 1, link.number
        # The chain's own checks may say what the left side equals: a later term joined to it by
        # links or ends that hold (as in a chain whose ends agree although a middle link fails).
        paths = _holding_path(held, a)
        later = [t for t in paths if t > b] if link.number is not None else []
        if later:
            t = max(later)
            via = paths[t]
            out.append(Correction(link, side_to_latex(step.terms[a]), side_to_latex(step.terms[t]),
                                  _weakest(via, trusted), tuple(r.id for r in via)))
        else:
            out.append(Correction(link))
    return tuple(out)


def _step_view(derivation: Derivation, step: Step, by_id: dict[str, CheckResult], trusted: bool) -> StepView | None:
    sid = f"{derivation.id}/{slug(step.label)}"
    n_links = len(step.terms) - 1
    found: dict[tuple[int, int], CheckResult] = {}
    links = []
    for n in range(n_links):
        cid = f"{sid}#{n + 1}"
        r = by_id.get(cid)
        if r is not None:
            found[(n, n + 1)] = r
        part = "link" if n_links == 1 else f"link {n + 1} of {n_links}"
        links.append(_link(r, cid, part, n + 1, step.terms[n], step.terms[n + 1], trusted))
    ends = None
    if n_links > 1:
        r = by_id.get(f"{sid}#ends")
        if r is not None:
            found[(0, n_links)] = r
        ends = _link(r, f"{sid}#ends", "ends", None, step.terms[0], step.terms[-1], trusted)
    if not found:
        return None  # not selected for this report
    correction = None
    fix = getattr(step, "correction", None)
    if fix is not None:
        cid = f"{sid}#correction"
        correction = _link(by_id.get(cid), cid, "correction", None, step.terms[0], fix, trusted)
    links_t = tuple(links)
    readings = tuple(dict.fromkeys(reading for r in found.values() for reading in r.readings))
    # A document's reading is its readings' texts joined: shown once, as the list of readings.
    reading = "" if readings and step.reading == "; ".join(r.text for r in step.readings) else step.reading
    return StepView(
        id=sid, label=step.label, line=step.line, latex=step.latex if trusted else "",
        source="" if trusted else step.latex,
        terms=tuple(side_to_latex(t) for t in step.terms), links=links_t, ends=ends,
        wide_terms=tuple(side_to_latex(t, breakable=True) for t in step.terms),
        outcome=_weakest(list(found.values()), trusted), reading=reading, note=step.note, problem=step.problem,
        corrections=_corrections(step, links_t + ((ends,) if ends else ()), found, trusted), correction=correction,
        readings=readings,
    )


def _assumptions(derivation: Derivation, trusted: bool = True) -> tuple[Assumption, ...]:
    a = derivation.assume
    out = []
    for d in a.definitions:
        name, body = _readable_definition(d)
        out.append(Assumption("definition", rf"{to_latex(name)} := {to_latex(body)}"))
    out += [Assumption("equal", rf"{to_latex(p)} = {to_latex(q)}") for p, q in a.equal]
    out += [Assumption("distinct", rf"{to_latex(p)} \neq {to_latex(q)}") for p, q in a.distinct]
    out += [Assumption("onehot", to_latex(base), to_latex(hot)) for base, hot in a.onehot]
    # A file's notes come from its notation file: shown as written, never typeset.
    kind = "text" if trusted else "source"
    out += [Assumption(kind, text=t) for t in a.text]
    return tuple(out)


def _readable_definition(d) -> tuple[sp.Expr, sp.Expr]:
    """A definition's name and body with its indices named i, j, k, … (never an internal name)."""
    if not d.indices:
        return d.name, d.body
    used = {str(x) for x in d.body.free_symbols | d.body.atoms(sp.Idx)}
    letters = iter(c for c in "ijklmnpqrs" if c not in used)
    rename = {}
    for idx in d.indices:
        letter = next(letters, None)
        if letter is None or not isinstance(idx, sp.Idx):
            continue
        rename[idx] = sp.Idx(letter, (idx.lower, idx.upper)) if idx.lower is not None else sp.Idx(letter)
    return d.name[tuple(rename.get(i, i) for i in d.indices)], d.body.xreplace(rename)


def _count(steps: Sequence[StepView]) -> Counts:
    tally = {v.value: 0 for v in Verdict} | {"convention": 0}
    for s in steps:
        held_under_convention = s.outcome.verdict == Verdict.PROVED.value and s.outcome.convention
        tally["convention" if held_under_convention else s.outcome.verdict] += 1
    unexpected = sum(1 for s in steps for c in s.checks if c.outcome is not None and not c.outcome.matches)
    return Counts(len(steps), tally["proved"], tally["convention"], tally["bounded"], tally["numeric"],
                  tally["refuted"], tally["unknown"], tally["error"], unexpected)


def _from_catalog(d: Derivation) -> bool:
    """True for a derivation of derive's own catalog: the only LaTeX a report typesets as it stands.

    Everything else (Markdown, LaTeX and Python files) is shown verbatim where its text must appear,
    and its mathematics is typeset from what derive read, so no text of a file ever runs as TeX.
    """
    from .catalog import derivations

    return any(d is c for c in derivations())


def _derivation_view(d: Derivation, by_id: dict[str, CheckResult]) -> DerivationView | None:
    trusted = _from_catalog(d)
    steps = tuple(s for s in (_step_view(d, st, by_id, trusted) for st in d.steps) if s is not None)
    if not steps:
        return None
    # The derivation stands or falls by its own steps; a catalog correction is reported beside them.
    mine = [r for r in by_id.values() if r.derivation == d.id and r.part != "correction"]
    outcome = _weakest(mine, trusted)
    return DerivationView(
        id=d.id, topic=d.topic, source=d.source, title=d.title, statement=d.statement if trusted else "",
        catalog=trusted, statement_source="" if trusted else d.statement,
        assumptions=_assumptions(d, trusted), steps=steps, note=d.note, counts=_count(steps), outcome=outcome,
        refuted=tuple(s.label for s in steps if s.outcome.verdict == Verdict.REFUTED.value),
        # (a definition or a supposition is expected to be not checked: never "could not be decided")
        undecided=tuple(s.label for s in steps if s.outcome.verdict in (Verdict.UNKNOWN.value, Verdict.ERROR.value)
                        and not s.read_as),
        conventions=tuple(dict.fromkeys(c for r in mine if r.verdict in _HOLDS for c in r.conventions)),
    )


def _kernel_item(item_id: str, steps: dict[str, tuple[DerivationView, StepView]], by_id: dict[str, CheckResult]) -> KernelItem:
    if item_id in steps:
        d, s = steps[item_id]
        return KernelItem(item_id, f"{d.id}, step {s.label}", s.latex, s.outcome)
    if item_id in by_id and item_id.split("#")[0] in steps:
        r = by_id[item_id]
        d, s = steps[item_id.split("#")[0]]
        link = next(c for c in s.checks if c.id == item_id)
        return KernelItem(item_id, f"{d.id}, step {s.label}, {r.part}", rf"{link.lhs} = {link.rhs}", _outcome(r))
    return KernelItem(item_id, item_id, "", None)


def _kernels(specs, documents: Sequence[Document], by_id: dict[str, CheckResult]) -> tuple[Kernel, ...]:
    steps = {s.id: (d, s) for doc in documents for d in doc.derivations for s in d.steps}
    return tuple(
        Kernel(spec.name, spec.summary,
               tuple(_kernel_item(c, steps, by_id) for c in spec.claims),
               tuple(_kernel_item(c, steps, by_id) for c in spec.rewrites))
        for spec in specs
    )


_FAILING = (Verdict.REFUTED.value, Verdict.UNKNOWN.value, Verdict.ERROR.value)


def _first_wrong(derivations: Sequence[DerivationView]) -> tuple[str, str]:
    """The first link of a document, in its order, that is refuted or undecided ("(2), link 2 of 2"),
    and the ID of its step; empty strings when there is none."""
    for d in derivations:
        for s in d.steps:
            for link in s.chain:
                if link.outcome is not None and link.outcome.verdict in _FAILING \
                        and not (link.outcome.expected == "unknown" and link.outcome.verdict == "unknown"):
                    # (a definition is expected to be not checked: it is not a failing link)
                    part = "" if s.unreadable or link.part == "link" else f", {link.part}"
                    return f"{s.where}{part}", s.id
    return "", ""


def _document(source: str, views: Sequence[DerivationView]) -> Document:
    outcomes = [d.outcome for d in views]
    worst = min(outcomes, key=lambda o: (_SEVERITY.index(Verdict(o.verdict)), not o.convention))
    first, step = _first_wrong(views)
    return Document(source, tuple(views), sum((d.counts for d in views), Counts()), worst, first,
                    all(d.catalog for d in views), step)


def build_report(derivations: Sequence[Derivation], results: Iterable[CheckResult], kernels=None) -> Report:
    """The report's content as plain records: documents in the order they are first cited, derivations
    and steps in catalog order, only the steps some result speaks about. ``kernels``: the kernel
    specifications (objects with name, summary, claims, rewrites), or None for no kernels section."""
    results = list(results)
    by_id = {r.id: r for r in results}
    if len(by_id) != len(results):
        raise ReportError("two results carry the same check ID")
    grouped: dict[str, list[DerivationView]] = {}
    for d in derivations:
        view = _derivation_view(d, by_id)
        if view is not None:
            grouped.setdefault(d.source, []).append(view)
    documents = tuple(_document(src, ds) for src, ds in grouped.items())
    total = sum((doc.counts for doc in documents), Counts())
    catalog = any(doc.catalog for doc in documents)
    shown = [c for doc in documents for d in doc.derivations for s in d.steps for c in s.checks if c.outcome]
    tally = {v.value: 0 for v in Verdict}
    for c in shown:
        tally[c.outcome.verdict] += 1
    # The kernels are generated from the catalog: a report on one's own files has no such section.
    kernels = None if kernels is None or not catalog else _kernels(kernels, documents, by_id)
    under_default = sum(1 for c in shown if c.defaults)
    return Report(documents, total, kernels, len(shown), sum(1 for c in shown if c.outcome.matches), catalog,
                  tuple((k, n) for k, n in tally.items() if n), under_default)


# --- templates ------------------------------------------------------------------------------------

_TEX_SPECIAL = {
    "\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_", "{": r"\{",
    "}": r"\}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}", "<": r"\textless{}", ">": r"\textgreater{}",
}
# Characters the messages and readings use that the default LaTeX fonts lack as text.
_TEX_UNICODE = {
    "×": r"\ensuremath{\times}", "≈": r"\ensuremath{\approx}", "≠": r"\ensuremath{\neq}", "≤": r"\ensuremath{\leq}",
    "≥": r"\ensuremath{\geq}", "−": "-", "→": r"\ensuremath{\to}", "∑": r"\ensuremath{\sum}",
    "∂": r"\ensuremath{\partial}", "∈": r"\ensuremath{\in}", "·": r"\ensuremath{\cdot}", "…": r"\ldots{}",
    "‘": "`", "’": "'", "“": "``", "”": "''", "–": "--", "—": "---", "✓": r"\ensuremath{\checkmark}",
    "✗": r"\ensuremath{\times}", "σ": r"\ensuremath{\sigma}", "θ": r"\ensuremath{\theta}",
    "δ": r"\ensuremath{\delta}", "Σ": r"\ensuremath{\Sigma}", "∞": r"\ensuremath{\infty}",
    **{ch: rf"\ensuremath{{\{name}}}" for name, ch in GREEK_LETTERS.items()},
    "ϑ": r"\ensuremath{\vartheta}", "ℓ": r"\ensuremath{\ell}", "∉": r"\ensuremath{\notin}",
    "⋯": r"\ensuremath{\cdots}", "⋮": r"\ensuremath{\vdots}", "⋱": r"\ensuremath{\ddots}",
    "Π": r"\ensuremath{\Pi}", "↦": r"\ensuremath{\mapsto}", "±": r"\ensuremath{\pm}", "∇": r"\ensuremath{\nabla}",
    "∀": r"\ensuremath{\forall}", "∃": r"\ensuremath{\exists}", "⊤": r"\ensuremath{\top}", "‖": r"\ensuremath{\|}",
    "⟨": r"\ensuremath{\langle}", "⟩": r"\ensuremath{\rangle}", "⊂": r"\ensuremath{\subset}",
    "⊆": r"\ensuremath{\subseteq}", "∪": r"\ensuremath{\cup}", "∩": r"\ensuremath{\cap}", "≡": r"\ensuremath{\equiv}",
    "∝": r"\ensuremath{\propto}", "∘": r"\ensuremath{\circ}", "⊙": r"\ensuremath{\odot}",
    "⊗": r"\ensuremath{\otimes}", "⊕": r"\ensuremath{\oplus}", "∼": r"\ensuremath{\sim}", "√": r"\ensuremath{\surd}",
    "ℝ": r"\ensuremath{\mathbb{R}}", "ℕ": r"\ensuremath{\mathbb{N}}", "ℤ": r"\ensuremath{\mathbb{Z}}",
    "ℚ": r"\ensuremath{\mathbb{Q}}", "ℂ": r"\ensuremath{\mathbb{C}}", "⁽": "(", "⁾": ")",
    **{chr(0x2070 + n) if n not in (1, 2, 3) else "¹²³"[n - 1]: rf"\textsuperscript{{{n}}}" for n in range(10)},
}
# Accents a plain text puts on the letter before them (ŷ is y and U+0302), as LaTeX's text accents.
_TEX_ACCENTS = {"\u0302": r"\^", "\u0304": r"\=", "\u0305": r"\=", "\u0303": r"\~", "\u0307": r"\.", "\u0308": r'\"'}
_MD_SPECIAL = set("\\`*_{}[]<>#|$~")


def escape_tex(text) -> str:
    """Text (never mathematics) made safe for LaTeX; characters it cannot set are named, not dropped."""
    out = []
    for ch in str(text):
        if ch in _TEX_ACCENTS and out and len(out[-1]) == 1 and out[-1].isascii() and out[-1].isalpha():
            out[-1] = f"{_TEX_ACCENTS[ch]}{{{out[-1]}}}"
        elif ch in _TEX_SPECIAL:
            out.append(_TEX_SPECIAL[ch])
        elif ch in _TEX_UNICODE:
            out.append(_TEX_UNICODE[ch])
        elif ord(ch) > 0x17F:
            out.append(rf"\texttt{{[U+{ord(ch):04X}]}}")
        else:
            out.append(ch)
    return "".join(out)


def path_tex(text) -> str:
    """A file name for LaTeX, escaped, free to break after each separator (/ _ - .): a long name wraps inside
    its column instead of running into the next one."""
    return "".join(escape_tex(ch) + (r"\allowbreak{}" if ch in "/_-." else "") for ch in str(text))


def escape_md(text) -> str:
    """Text made literal in GitHub Markdown (a backslash before each character it would interpret)."""
    return "".join("\\" + ch if ch in _MD_SPECIAL else ch for ch in str(text))


def _prose(text, trusted: bool, escape, math) -> str:
    """Prose that may carry mathematics between single dollars ("the entries $x_i$ of x"). Only the
    catalog's own prose has its mathematics typeset; any other text is escaped as a whole."""
    text = str(text)
    if not trusted or text.count("$") % 2:
        return escape(text)
    parts = text.split("$")
    return "".join(escape(part) if n % 2 == 0 else math(part) for n, part in enumerate(parts))


def prose_tex(text, trusted: bool = True) -> str:
    return _prose(text, trusted, escape_tex, lambda m: f"${m}$")


def prose_md(text, trusted: bool = True) -> str:
    return _prose(text, trusted, escape_md, lambda m: f"${math_md(m)}$")


def reading_tex(text, trusted: bool = True) -> str:
    """A reading's text: the catalog's typeset; any other's mathematics as plain text, escaped."""
    return prose_tex(text) if trusted else escape_tex(prose_text(text))


def reading_md(text, trusted: bool = True) -> str:
    return prose_md(text) if trusted else escape_md(prose_text(text))


def reading_html(text, trusted: bool = True):
    from markupsafe import escape

    return prose_html(text) if trusted else escape(prose_text(text))


def prose_html(text, trusted: bool = True):
    """Prose for the HTML report: escaped, its catalog mathematics in elements KaTeX renders."""
    from markupsafe import Markup, escape

    return Markup(_prose(text, trusted, lambda t: str(escape(t)), lambda m: f'<span class="math">{escape(m)}</span>'))


def verbatim_tex(text) -> str:
    """The author's source as a verbatim-like block: every character escaped, lines kept, long lines
    free to break anywhere, so that no text of a file is ever read as TeX."""
    lines = []
    for line in str(text).splitlines() or [""]:
        out = []
        for n, ch in enumerate(line):
            if ch == " ":
                out.append(r"\ ")
            else:
                out.append(escape_tex(ch))
            if not ch.isalnum() or n % 12 == 11:
                out.append(r"\allowbreak{}")
        lines.append("".join(out) or r"\mbox{}")
    return "\\begin{source}\n" + "\\\\\n".join(lines) + "\n\\end{source}"


def code_md(text, info: str = "latex") -> str:
    """The author's source as a fenced code block whose fence no run of backticks in it can close."""
    text = str(text)
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}{info}\n{text}\n{fence}"


def span_md(text) -> str:
    """Text as an inline code span, delimited by more backticks than any run inside it."""
    text = " ".join(str(text).split())
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    tick = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{tick}{pad}{text}{pad}{tick}"


def anchor(text, kind: str = "doc") -> str:
    """A fragment identifier for a heading: letters, digits and dashes only, its kind ("doc" for a
    document, "d" for a derivation, "s" for a step) first so that no two kinds collide."""
    return f"{kind}-{slug(str(text))}"


def math_md(tex) -> str:
    """LaTeX from derive's printer for a Markdown math block: one line, no dollar that could close it."""
    return " ".join(str(tex).replace("$", r"\textdollar{}").split())


def _environment(html: bool = False):
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("derive", "templates"),
        # Delimiters that neither LaTeX braces nor Markdown use, so one syntax serves both formats.
        block_start_string="<%", block_end_string="%>",
        variable_start_string="<<", variable_end_string=">>",
        comment_start_string="<#", comment_end_string="#>",
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined, autoescape=html,
    )
    env.filters["tex"] = escape_tex
    env.filters["path"] = path_tex
    env.filters["md"] = escape_md
    env.filters["verbatim"] = verbatim_tex
    env.filters["code"] = code_md
    env.filters["math"] = math_md
    env.filters["span"] = span_md
    env.filters["cx"] = counterexample_latex
    env.filters["anchor"] = anchor
    env.filters["prose_tex"] = prose_tex
    env.filters["prose_md"] = prose_md
    env.filters["prose_html"] = prose_html
    env.filters["reading_tex"] = reading_tex
    env.filters["reading_md"] = reading_md
    env.filters["reading_html"] = reading_html
    return env


def render_report(derivations: Sequence[Derivation], results: Iterable[CheckResult], fmt: str, kernels=None) -> str:
    """The report as Markdown (``fmt="md"``), LaTeX (``"tex"``) or one self-contained HTML page
    (``"html"``, KaTeX and its fonts inside); deterministic."""
    if fmt not in ("md", "tex", "html"):
        raise ReportError(f"cannot render format {fmt!r}; expected 'md', 'tex' or 'html'")
    report = build_report(derivations, results, kernels)
    template = _environment(html=fmt == "html").get_template(f"{fmt}/report.j2")
    extra = {}
    if fmt == "html":
        from .html import katex_assets

        extra = dict(zip(("katex_css", "katex_js"), katex_assets()))
    # Loops over optional sections leave blank lines at the end; a file ends with one newline.
    return template.render(report=report, **extra).rstrip("\n") + "\n"


# --- files ----------------------------------------------------------------------------------------

def find_latex_engine() -> list[str] | None:
    """The command that turns the .tex into a PDF: pdflatex, rerun here until the cross-references
    settle (latexmk's own rerun rule left the table of contents a page off in some runs), else
    latexmk; None without either."""
    if shutil.which("pdflatex"):
        return ["pdflatex", *_PDFLATEX_OPTIONS]
    if shutil.which("latexmk"):
        # -norc: no latexmkrc of the machine or the user changes how the report is typeset.
        return ["latexmk", "-norc", "-pdf", f"-pdflatex=pdflatex {' '.join(_PDFLATEX_OPTIONS)} %O %S"]
    return None


_PDFLATEX_OPTIONS = ("-no-shell-escape", "-interaction=nonstopmode", "-halt-on-error", "-file-line-error")
# TeX may read and write only files below its working folder (kpathsea's paranoid setting), never run
# a program, and every date it prints is the fixed one, so the PDF is the same on every run.
_LATEX_ENV = {"openin_any": "p", "openout_any": "p", "shell_escape": "f", "SOURCE_DATE_EPOCH": "0",
              "FORCE_SOURCE_DATE": "1"}
LATEX_TIMEOUT = 300.0  # seconds for the whole PDF step
_MAX_PDFLATEX_RUNS = 6


def _first_error(log: str) -> str:
    """The first error line of a LaTeX log: '! message' or, with -file-line-error, 'file.tex:12: message'."""
    for line in log.splitlines():
        if line.startswith("! ") or _FILE_LINE_ERROR.match(line):
            return line.strip()
    return "no error line in the log"


_FILE_LINE_ERROR = re.compile(r"^\S+\.tex:\d+: ")


def _run_latex(command: list[str], work: str, env: dict, deadline: float) -> int:
    """Run one LaTeX command in its own process group; past the deadline the whole group is killed."""
    try:
        proc = subprocess.Popen(command, cwd=work, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, start_new_session=True)
    except OSError as exc:
        raise ReportError(f"LaTeX run failed: {exc.strerror or exc}") from None
    try:
        return proc.wait(timeout=max(0.0, deadline - time.monotonic()))
    except subprocess.TimeoutExpired:
        raise ReportError("LaTeX took longer than its time limit; the PDF was not written") from None
    finally:
        # latexmk starts pdflatex as a child: the group goes as a whole, whether it ended or not.
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


def compile_pdf(tex: str, dest: Path, engine: list[str] | None = None, timeout: float = LATEX_TIMEOUT) -> Path:
    """Typeset ``tex`` (see :func:`typeset_pdf`) and write the PDF to ``dest`` atomically."""
    dest = Path(dest)
    return write_atomic(dest, typeset_pdf(tex, dest.stem, engine, timeout))


def typeset_pdf(tex: str, stem: str = REPORT_NAME, engine: list[str] | None = None,
                timeout: float = LATEX_TIMEOUT) -> bytes:
    """The PDF of ``tex``, typeset in a scratch folder as ``stem``.tex.

    LaTeX runs without shell escape, may open files only below its scratch folder, and is killed with
    its whole process group after ``timeout`` seconds. The run is reproducible: fixed dates and PDF
    ID (SOURCE_DATE_EPOCH), and passes repeated until the cross-references settle.
    """
    engine = engine or find_latex_engine()
    if engine is None:
        raise ReportError("no LaTeX engine found: install latexmk or pdflatex to write PDF reports")
    env = {k: v for k, v in os.environ.items() if k not in ("TEXMFOUTPUT", "TEXINPUTS")} | _LATEX_ENV
    deadline = time.monotonic() + timeout
    with tempfile.TemporaryDirectory(prefix="derive-tex-") as work:
        src = Path(work) / f"{stem}.tex"
        src.write_text(tex, encoding="utf-8")
        written = [Path(work) / f"{stem}.{ext}" for ext in ("aux", "toc", "out")]
        # latexmk reruns until the references are stable; pdflatex alone is rerun here until what
        # one pass writes for the next (references, table of contents, bookmarks) no longer changes.
        runs = 1 if Path(engine[0]).name == "latexmk" else _MAX_PDFLATEX_RUNS
        before = None
        for _ in range(runs):
            if _run_latex([*engine, src.name], work, env, deadline) != 0:
                log = Path(work) / f"{stem}.log"
                text = log.read_text(errors="replace") if log.exists() else ""
                raise ReportError(f"LaTeX failed on {stem}.tex: {_first_error(text)}")
            after = tuple(p.read_bytes() if p.exists() else b"" for p in written)
            if after == before:
                break
            before = after
        pdf = Path(work) / f"{stem}.pdf"
        if not pdf.exists():
            raise ReportError(f"LaTeX wrote no PDF for {stem}.tex")
        return pdf.read_bytes()


# --- the results record ---------------------------------------------------------------------------

def save_results(results: Iterable[CheckResult], path: Path) -> Path:
    """The results a report was rendered from, as JSON without timings (so it is deterministic)."""
    records = []
    for r in results:
        d = r.to_dict()
        d.pop("seconds", None)
        records.append(d)
    return write_atomic(path, json.dumps({"results": records}, indent=2, ensure_ascii=False) + "\n")


def load_results(path: Path) -> list[CheckResult]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ReportError(f"cannot read results from {path}: {exc}") from None
    return [CheckResult.from_dict({"seconds": 0.0, **d}) for d in data["results"]]


@dataclass
class Written:
    """What write_reports did: the files it wrote and what it left out, with the reason."""

    paths: list[Path] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def write_reports(derivations: Sequence[Derivation], results: Sequence[CheckResult], out: Path,
                  formats: Sequence[str] = FORMATS, kernels=None, engine: list[str] | None = None,
                  require_pdf: bool = False) -> Written:
    """Render and write the reports to ``out``: derivations.md/.tex/.pdf and results.json.

    Without a LaTeX engine the PDF is skipped (and said so in ``skipped``) unless ``require_pdf``;
    a LaTeX error raises ReportError before any file is written, and the files replace the old ones
    together, once all are written.
    """
    bad = [f for f in formats if f not in FORMATS]
    if bad:
        raise ReportError(f"unknown report format {bad[0]!r}; expected one of {', '.join(FORMATS)}")
    out = Path(out)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ReportError(f"cannot create the output folder {out}: {exc.strerror or exc}") from None
    if not out.is_dir() or not os.access(out, os.W_OK | os.X_OK):
        raise ReportError(f"the output folder {out} is not writable")
    written = Written()
    texts = {fmt: render_report(derivations, results, fmt, kernels) for fmt in ("md", "tex", "html")
             if fmt in formats or (fmt == "tex" and "pdf" in formats)}
    # Everything is made before anything is written: a LaTeX failure (or a kill while LaTeX runs)
    # leaves the previous reports as they were, never new text beside an old PDF.
    pdf = None
    if "pdf" in formats:
        engine = engine or find_latex_engine()
        if engine is None:
            if require_pdf:
                raise ReportError("no LaTeX engine found (latexmk or pdflatex): cannot write the PDF report")
            written.skipped.append("PDF not written: no LaTeX engine on PATH (install latexmk or pdflatex)")
        else:
            pdf = typeset_pdf(texts["tex"], REPORT_NAME, engine)
    with write_set(out) as staged:  # the files replace the old ones together, once all are written
        written.paths.append(save_results(results, staged / RESULTS_NAME))
        for fmt in ("md", "tex", "html"):
            if fmt in formats:
                written.paths.append(write_atomic(staged / f"{REPORT_NAME}.{fmt}", texts[fmt]))
        if pdf is not None:
            written.paths.append(write_atomic(staged / f"{REPORT_NAME}.pdf", pdf))
    written.paths = [out / p.name for p in written.paths]
    return written


def load_kernel_specs():
    """The kernel specifications of ``derive.emit``, or None while it does not provide them."""
    try:
        from . import emit
    except ModuleNotFoundError as exc:
        if exc.name == f"{__package__}.emit":
            return None
        raise
    specs = getattr(emit, "kernel_specs", None)
    return None if specs is None else list(specs())
