"""Reports of verified derivations: Markdown, LaTeX and PDF, rendered from results and written atomically.

Rendering sees only the catalog's Derivation objects and the CheckResult records (and, for the
kernels section, the kernel specifications); it never runs the verifier. The documents are built
by Jinja2 templates shipped in ``derive.templates``; Python prepares plain view records and
typesets expressions with :mod:`derive.latex`.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ReportError
from .files import write_atomic, write_set
from .latex import side_to_latex, to_latex
from .model import Derivation, Side, Step, Verdict, slug
from .results import CheckResult, Counterexample, tier_text

__all__ = [
    "FORMATS",
    "REPORT_NAME",
    "Written",
    "build_report",
    "render_report",
    "write_reports",
    "compile_pdf",
    "find_latex_engine",
    "save_results",
    "load_results",
]

FORMATS = ("md", "tex", "pdf")
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
    latex: str
    terms: tuple[str, ...]
    links: tuple[Link, ...]
    ends: Link | None
    outcome: Outcome
    reading: str = ""
    note: str = ""
    problem: str = ""
    corrections: tuple[Correction, ...] = ()
    correction: Link | None = None  # what the step should have said, as the catalog gives it, verified

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
    statement: str
    assumptions: tuple[Assumption, ...]
    steps: tuple[StepView, ...]
    note: str
    counts: Counts
    outcome: Outcome
    refuted: tuple[str, ...]  # labels of refuted steps
    undecided: tuple[str, ...]  # labels of steps with no decision (unknown or error)
    conventions: tuple[str, ...]


@dataclass(frozen=True)
class Document:
    source: str
    derivations: tuple[DerivationView, ...]
    counts: Counts


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


# --- building the view ----------------------------------------------------------------------------

def _outcome(r: CheckResult) -> Outcome:
    return Outcome(r.verdict.value, r.tier, bool(r.conventions), r.expected, r.matches)


def _link(r: CheckResult | None, check_id: str, part: str, number: int | None, lhs: Side, rhs: Side) -> Link:
    if r is None:
        return Link(check_id, part, number, side_to_latex(lhs), side_to_latex(rhs), None)
    return Link(check_id, part, number, side_to_latex(lhs), side_to_latex(rhs), _outcome(r),
                r.detail, r.notes, r.counterexample)


def _weakest(results: Sequence[CheckResult]) -> Outcome:
    """The step's verdict: its weakest check; the bound is the smallest, conventions are pooled."""
    verdict = min((r.verdict for r in results), key=_SEVERITY.index)
    bounds = [r.bound for r in results if r.verdict is verdict and r.bound is not None]
    conventions = tuple(dict.fromkeys(c for r in results for c in r.conventions)) if verdict in _HOLDS else ()
    known = [r.sizes for r in results if r.sizes is not None]
    sizes = tuple(dict.fromkeys(s for found in known for s in found)) if known else None
    return Outcome(verdict.value, tier_text(verdict, min(bounds) if bounds else None, conventions, sizes),
                   bool(conventions), "", all(r.matches for r in results))


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


def _corrections(step: Step, links: tuple[Link, ...], results: dict[tuple[int, int], CheckResult]) -> tuple[Correction, ...]:
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
                                  _weakest(via), tuple(r.id for r in via)))
        else:
            out.append(Correction(link))
    return tuple(out)


def _step_view(derivation: Derivation, step: Step, by_id: dict[str, CheckResult]) -> StepView | None:
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
        links.append(_link(r, cid, part, n + 1, step.terms[n], step.terms[n + 1]))
    ends = None
    if n_links > 1:
        r = by_id.get(f"{sid}#ends")
        if r is not None:
            found[(0, n_links)] = r
        ends = _link(r, f"{sid}#ends", "ends", None, step.terms[0], step.terms[-1])
    if not found:
        return None  # not selected for this report
    correction = None
    fix = getattr(step, "correction", None)
    if fix is not None:
        cid = f"{sid}#correction"
        correction = _link(by_id.get(cid), cid, "correction", None, step.terms[0], fix)
    links_t = tuple(links)
    return StepView(
        id=sid, label=step.label, line=step.line, latex=step.latex,
        terms=tuple(side_to_latex(t) for t in step.terms), links=links_t, ends=ends,
        outcome=_weakest(list(found.values())), reading=step.reading, note=step.note, problem=step.problem,
        corrections=_corrections(step, links_t + ((ends,) if ends else ()), found), correction=correction,
    )


def _assumptions(derivation: Derivation) -> tuple[Assumption, ...]:
    a = derivation.assume
    out = []
    for d in a.definitions:
        name = to_latex(d.name[d.indices] if d.indices else d.name)
        out.append(Assumption("definition", rf"{name} := {to_latex(d.body)}"))
    out += [Assumption("equal", rf"{to_latex(p)} = {to_latex(q)}") for p, q in a.equal]
    out += [Assumption("distinct", rf"{to_latex(p)} \neq {to_latex(q)}") for p, q in a.distinct]
    out += [Assumption("onehot", to_latex(base), to_latex(hot)) for base, hot in a.onehot]
    out += [Assumption("text", text=t) for t in a.text]
    return tuple(out)


def _count(steps: Sequence[StepView]) -> Counts:
    tally = {v.value: 0 for v in Verdict} | {"convention": 0}
    for s in steps:
        held_under_convention = s.outcome.verdict == Verdict.PROVED.value and s.outcome.convention
        tally["convention" if held_under_convention else s.outcome.verdict] += 1
    unexpected = sum(1 for s in steps for c in s.checks if c.outcome is not None and not c.outcome.matches)
    return Counts(len(steps), tally["proved"], tally["convention"], tally["bounded"], tally["numeric"],
                  tally["refuted"], tally["unknown"], tally["error"], unexpected)


def _derivation_view(d: Derivation, by_id: dict[str, CheckResult]) -> DerivationView | None:
    steps = tuple(s for s in (_step_view(d, st, by_id) for st in d.steps) if s is not None)
    if not steps:
        return None
    # The derivation stands or falls by its own steps; a catalog correction is reported beside them.
    mine = [r for r in by_id.values() if r.derivation == d.id and r.part != "correction"]
    outcome = _weakest(mine)
    return DerivationView(
        id=d.id, topic=d.topic, source=d.source, title=d.title, statement=d.statement,
        assumptions=_assumptions(d), steps=steps, note=d.note, counts=_count(steps), outcome=outcome,
        refuted=tuple(s.label for s in steps if s.outcome.verdict == Verdict.REFUTED.value),
        undecided=tuple(s.label for s in steps if s.outcome.verdict in (Verdict.UNKNOWN.value, Verdict.ERROR.value)),
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
    documents = tuple(Document(src, tuple(ds), sum((d.counts for d in ds), Counts()))
                      for src, ds in grouped.items())
    total = sum((doc.counts for doc in documents), Counts())
    shown = [c for doc in documents for d in doc.derivations for s in d.steps for c in s.checks if c.outcome]
    return Report(documents, total, None if kernels is None else _kernels(kernels, documents, by_id),
                  len(shown), sum(1 for c in shown if c.outcome.matches))


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
}
_MD_SPECIAL = set("\\`*_{}[]<>#|$~")


def escape_tex(text) -> str:
    """Text (never mathematics) made safe for LaTeX; characters it cannot set are named, not dropped."""
    out = []
    for ch in str(text):
        if ch in _TEX_SPECIAL:
            out.append(_TEX_SPECIAL[ch])
        elif ch in _TEX_UNICODE:
            out.append(_TEX_UNICODE[ch])
        elif ord(ch) > 0x17F:
            out.append(rf"\texttt{{[U+{ord(ch):04X}]}}")
        else:
            out.append(ch)
    return "".join(out)


def escape_md(text) -> str:
    """Text made literal in GitHub Markdown (a backslash before each character it would interpret)."""
    return "".join("\\" + ch if ch in _MD_SPECIAL else ch for ch in str(text))


def _environment():
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("derive", "templates"),
        # Delimiters that neither LaTeX braces nor Markdown use, so one syntax serves both formats.
        block_start_string="<%", block_end_string="%>",
        variable_start_string="<<", variable_end_string=">>",
        comment_start_string="<#", comment_end_string="#>",
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined, autoescape=False,
    )
    env.filters["tex"] = escape_tex
    env.filters["md"] = escape_md
    return env


def render_report(derivations: Sequence[Derivation], results: Iterable[CheckResult], fmt: str, kernels=None) -> str:
    """The report as Markdown (``fmt="md"``) or LaTeX (``fmt="tex"``) text; deterministic."""
    if fmt not in ("md", "tex"):
        raise ReportError(f"cannot render format {fmt!r}; expected 'md' or 'tex'")
    report = build_report(derivations, results, kernels)
    template = _environment().get_template(f"{fmt}/report.j2")
    # Loops over optional sections leave blank lines at the end; a file ends with one newline.
    return template.render(report=report).rstrip("\n") + "\n"


# --- files ----------------------------------------------------------------------------------------

def find_latex_engine() -> list[str] | None:
    """The command that turns the .tex into a PDF: latexmk when present, else pdflatex; None without."""
    if shutil.which("latexmk"):
        return ["latexmk", "-pdf", "-interaction=nonstopmode", "-halt-on-error", "-file-line-error"]
    if shutil.which("pdflatex"):
        return ["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "-file-line-error"]
    return None


def _first_error(log: str) -> str:
    """The first error line of a LaTeX log: '! message' or, with -file-line-error, 'file.tex:12: message'."""
    for line in log.splitlines():
        if line.startswith("! ") or _FILE_LINE_ERROR.match(line):
            return line.strip()
    return "no error line in the log"


_FILE_LINE_ERROR = re.compile(r"^\S+\.tex:\d+: ")


def compile_pdf(tex: str, dest: Path, engine: list[str] | None = None) -> Path:
    """Typeset ``tex`` in a scratch folder and move the PDF to ``dest`` atomically.

    The LaTeX run is made reproducible (SOURCE_DATE_EPOCH fixes the dates and the PDF ID), so the
    same report gives the same PDF on the same TeX installation.
    """
    engine = engine or find_latex_engine()
    if engine is None:
        raise ReportError("no LaTeX engine found: install latexmk or pdflatex to write PDF reports")
    dest = Path(dest)
    env = {**os.environ, "SOURCE_DATE_EPOCH": "0", "FORCE_SOURCE_DATE": "1"}
    with tempfile.TemporaryDirectory(prefix="derive-tex-") as work:
        src = Path(work) / f"{dest.stem}.tex"
        src.write_text(tex, encoding="utf-8")
        # pdflatex needs a second pass for the table of contents; latexmk decides by itself.
        runs = 1 if engine[0] == "latexmk" else 2
        for _ in range(runs):
            try:
                done = subprocess.run([*engine, src.name], cwd=work, env=env, capture_output=True,
                                      text=True, errors="replace", timeout=300, stdin=subprocess.DEVNULL)
            except (OSError, subprocess.TimeoutExpired) as exc:
                raise ReportError(f"LaTeX run failed: {exc}") from None
            if done.returncode != 0:
                log = Path(work) / f"{dest.stem}.log"
                text = log.read_text(errors="replace") if log.exists() else done.stdout
                raise ReportError(f"LaTeX failed on {dest.stem}.tex: {_first_error(text)}")
        pdf = Path(work) / f"{dest.stem}.pdf"
        if not pdf.exists():
            raise ReportError(f"LaTeX wrote no PDF for {dest.stem}.tex")
        return write_atomic(dest, pdf.read_bytes())


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
    a LaTeX error raises ReportError and leaves the previous set of files as it was.
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
    texts = {fmt: render_report(derivations, results, fmt, kernels) for fmt in ("md", "tex")
             if fmt in formats or (fmt == "tex" and "pdf" in formats)}
    with write_set(out) as staged:  # the files replace the old ones together, once all are written
        written.paths.append(save_results(results, staged / RESULTS_NAME))
        for fmt in ("md", "tex"):
            if fmt in formats:
                written.paths.append(write_atomic(staged / f"{REPORT_NAME}.{fmt}", texts[fmt]))
        if "pdf" in formats:
            engine = engine or find_latex_engine()
            if engine is None:
                if require_pdf:
                    raise ReportError("no LaTeX engine found (latexmk or pdflatex): cannot write the PDF report")
                written.skipped.append("PDF not written: no LaTeX engine on PATH (install latexmk or pdflatex)")
            else:
                written.paths.append(compile_pdf(texts["tex"], staged / f"{REPORT_NAME}.pdf", engine))
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
