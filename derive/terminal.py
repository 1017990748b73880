"""Terminal rendering of check results: per document, derivation and step, a mark, the tier, one line."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from rich.console import Console
from rich.markup import escape

from .latex import readable_indices
from .model import Derivation, Step, Verdict, slug
from .plaintext import prose_text, to_unicode, unicode_name
from .results import CheckResult, tier_text

__all__ = ["MARKS", "link_text", "reading_text", "render_results", "render_summary", "render_catalog",
           "summary_counts", "UNDER_DEFAULT"]

MARKS = {
    Verdict.PROVED: ("✓", "green"),
    Verdict.BOUNDED: ("≤", "cyan"),
    Verdict.NUMERIC: ("≈", "yellow"),
    Verdict.REFUTED: ("✗", "red"),
    Verdict.UNKNOWN: ("?", "magenta"),
    Verdict.ERROR: ("!", "bold red"),
}
CONVENTION_MARK = ("~", "yellow")

# The order in which a chain's verdicts summarise: the weakest link decides the step's mark.
_SEVERITY = [Verdict.ERROR, Verdict.REFUTED, Verdict.UNKNOWN, Verdict.NUMERIC, Verdict.BOUNDED, Verdict.PROVED]


def _mark(r: CheckResult) -> tuple[str, str]:
    if r.conventions and r.verdict is Verdict.PROVED:
        return CONVENTION_MARK
    return MARKS[r.verdict]


def _styled(mark: tuple[str, str]) -> str:
    return f"[{mark[1]}]{mark[0]}[/]"


def _one_line(r: CheckResult) -> str:
    text = r.tier
    if r.verdict is Verdict.REFUTED and r.counterexample:
        text += ": " + r.counterexample.describe(unicode_name)
    elif r.verdict in (Verdict.UNKNOWN, Verdict.ERROR, Verdict.NUMERIC, Verdict.BOUNDED):
        text += ": " + r.detail
    return text


def _expectation(r: CheckResult, catalog: bool) -> str:
    """What the catalog expected, after a verdict that differs; a file of one's own states no
    expectation (every link of it claims to hold), so nothing is added for it."""
    return "" if r.matches or not catalog else f"  [bold red](expected {escape(r.expected)})[/]"


def render_results(console: Console, derivations: Sequence[Derivation], results: Sequence[CheckResult],
                   catalog: bool = True) -> None:
    """Print results grouped by document, derivation and step (derivations in catalog order).

    ``catalog``: the derivations are the built-in catalog's, which states the verdict it expects."""
    by_derivation: dict[str, list[CheckResult]] = {}
    for r in results:
        by_derivation.setdefault(r.derivation, []).append(r)
    current_source = None
    # Grouped by document first, the way a marker reads them; catalog order within a document.
    for d in sorted(derivations, key=lambda d: d.source):
        rs = by_derivation.get(d.id)
        if not rs:
            continue
        if d.source != current_source:
            current_source = d.source
            console.print(f"\n[bold]{escape(d.source)}[/]")
        console.print(f"  [bold]{escape(d.id)}[/]  {escape(d.title)}")
        by_step: dict[str, list[CheckResult]] = {}
        for r in rs:
            by_step.setdefault(r.label, []).append(r)
        width = min(28, max(len(step.label) for step in d.steps))
        for step in d.steps:
            srs = by_step.get(step.label)
            if srs:
                _render_step(console, step, srs, width, catalog)


_MAX_LINK_TEXT = 160


def link_text(step: Step, part_id: str) -> str:
    """The link a check is about, as its author wrote it when the step is that one link (or could not
    be read), else in Unicode from what derive read; ``part_id``: "1", "2", "ends" or "correction"."""
    if step.problem or (len(step.terms) == 2 and part_id != "correction" and step.latex):
        text = " ".join(step.latex.split())
    else:
        if part_id == "ends":
            pair = (step.terms[0], step.terms[-1])
        elif part_id == "correction" and step.correction is not None:
            pair = (step.terms[0], step.correction)
        else:
            n = int(part_id) if part_id.isdigit() else 1
            pair = step.terms[n - 1:n + 1]
        text = " = ".join(to_unicode(readable_indices(side.expr, side.indices)) for side in pair)
    return text if len(text) <= _MAX_LINK_TEXT else text[:_MAX_LINK_TEXT - 1] + "…"


UNDER_DEFAULT = "refuted under a default reading the document never states"


def reading_text(readings) -> str:
    """Readings on one line of plain text: each with the line of the document that says it."""
    return "; ".join(prose_text(r.text) + (f" (line {r.line})" if r.line else "") for r in readings)


def _render_readings(console: Console, rs: list[CheckResult]) -> None:
    """What the step's reading relies on, once per step: the readings, then the defaults the document
    never states, said loudly when a refutation relies on them."""
    readings = list(dict.fromkeys(reading for r in rs for reading in r.readings))
    stated = [r for r in readings if r.kind != "default"]
    defaults = [r for r in readings if r.kind == "default"]
    if stated:
        console.print(f"        [dim]reading: {escape(reading_text(stated))}[/]", soft_wrap=True)
    if not defaults:
        return
    refuted = [r for r in rs if r.refuted_under_default]
    if refuted:
        parts = "" if len(rs) == 1 else ", ".join(r.part for r in refuted) + ": "
        console.print(f"        {_styled(MARKS[Verdict.REFUTED])} [yellow]{escape(parts + UNDER_DEFAULT)}:[/] "
                      f"{escape(reading_text(defaults))}", soft_wrap=True)
    else:
        console.print(f"        [dim]default: {escape(reading_text(defaults))}[/]", soft_wrap=True)


def _render_step(console: Console, step: Step, rs: list[CheckResult], width: int, catalog: bool) -> None:
    _render_verdicts(console, step, rs, width, catalog)
    _render_readings(console, rs)


def _render_verdicts(console: Console, step: Step, rs: list[CheckResult], width: int, catalog: bool) -> None:
    label = step.label
    chain = [r for r in rs if r.part.startswith("link")]
    ends = next((r for r in rs if r.part == "ends"), None)
    correction = next((r for r in rs if r.part == "correction"), None)
    decided = chain + ([ends] if ends else [])
    worst = min(decided, key=lambda r: (_SEVERITY.index(r.verdict), not r.conventions))
    head = f"    {_styled(_mark(worst))} {escape(label):<{width}} "
    plain = [r for r in rs if r.verdict is Verdict.PROVED and not r.conventions]
    if len(plain) == len(rs):
        count = f" ({len(chain)} links and the ends)" if len(chain) > 1 else ""
        mismatch = "".join(_expectation(r, catalog) for r in rs if not r.matches)
        known = [r.sizes for r in rs if r.sizes is not None]
        sizes = tuple(dict.fromkeys(n for found in known for n in found)) if known else None
        console.print(f"{head}{escape(tier_text(Verdict.PROVED, sizes=sizes))}{count}{mismatch}")
        return
    if len(rs) == 1:
        if worst.verdict in _FAILED:
            # One link: the step's line shows it as written, the next line the verdict and why.
            console.print(f"{head}{escape(link_text(step, worst.id.rpartition('#')[2]))}", soft_wrap=True)
            console.print(f"        {_styled(_mark(worst))} {escape(_one_line(worst))}{_expectation(worst, catalog)}",
                          soft_wrap=True)
            return
        console.print(f"{head}{escape(_one_line(worst))}{_expectation(worst, catalog)}")
        return
    if len(chain) == 1:
        parts = [f"link {_styled(_mark(chain[0]))}"]
    else:
        parts = ["links " + ", ".join(f"{n + 1} {_styled(_mark(r))}" for n, r in enumerate(chain))]
    parts += [f"ends {_styled(_mark(ends))}"] if ends else []
    parts += [f"correction {_styled(_mark(correction))}"] if correction else []
    console.print(head + "; ".join(parts))
    for r in rs:
        if r.verdict is Verdict.PROVED and not r.conventions and r.matches:
            continue
        if r.verdict in _FAILED:
            _render_failed(console, step, r, "        " + f"{r.part:<14} ", catalog)
        else:
            console.print(f"        {escape(r.part):<14} {_styled(_mark(r))} {escape(_one_line(r))}{_expectation(r, catalog)}")


_FAILED = (Verdict.REFUTED, Verdict.UNKNOWN, Verdict.ERROR)


def _render_failed(console: Console, step: Step, r: CheckResult, head: str, catalog: bool) -> None:
    """A link that fails or is undecided: the link itself with its line, then the verdict and why."""
    line = r.line or step.line
    where = f"line {line}: " if line else ""
    console.print(f"{escape(head)}[dim]{escape(where)}[/]{escape(link_text(step, r.id.rpartition('#')[2]))}",
                  soft_wrap=True)
    console.print(f"{' ' * len(head)}{_styled(_mark(r))} {escape(_one_line(r))}{_expectation(r, catalog)}", soft_wrap=True)


def summary_counts(results: Sequence[CheckResult]) -> dict[str, int]:
    counts = Counter()
    for r in results:
        key = r.verdict.value
        if r.conventions and r.verdict is Verdict.PROVED:
            key = "proved under convention"
        counts[key] += 1
    order = ["proved", "proved under convention", "bounded", "numeric", "refuted", "unknown", "error"]
    return {k: counts[k] for k in order if counts[k]}


def render_summary(console: Console, results: Sequence[CheckResult], seconds: float, catalog: bool = True) -> None:
    """The counts, then the checks whose verdict is not the expected one. ``catalog``: the results are
    the built-in catalog's, which states what it expects; on one's own files every link claims to hold,
    so the summary names the links not proved as written."""
    counts = summary_counts(results)
    words = ", ".join(f"{n} {k}" for k, n in counts.items())
    unexpected = [r for r in results if not r.matches]
    console.print(f"\n[bold]{len(results)} checks[/]: {words}  ({seconds:.1f} s)")
    under_default = [r for r in results if r.refuted_under_default]
    if under_default:
        refuted = sum(r.verdict is Verdict.REFUTED for r in results)
        console.print(f"[yellow]{len(under_default)} of the {refuted} refuted checks "
                      f"{'rely' if len(under_default) > 1 else 'relies'} on a default reading the document never states[/]")
    if not catalog:
        if unexpected:
            console.print(f"[bold red]{len(unexpected)} link(s) not proved as written:[/]")
            for r in unexpected:
                console.print(f"  {escape(r.id)}: {escape(UNDER_DEFAULT if r.refuted_under_default else r.tier)}")
        else:
            console.print("[green]every link is proved[/]")
    elif unexpected:
        console.print(f"[bold red]{len(unexpected)} verdict(s) differ from the expected ones:[/]")
        for r in unexpected:
            console.print(f"  {escape(r.id)}: got {escape(r.tier)}, expected {escape(r.expected)}")
    else:
        console.print("[green]every verdict is as expected[/]")
    errors = [r for r in results if r.verdict is Verdict.ERROR]
    if errors:
        console.print(f"[bold red]INTERNAL ERROR in {len(errors)} check(s): a symbolic proof was contradicted "
                      "numerically. This is a bug in derive; please report it.[/]")


def render_catalog(console: Console, derivations: Sequence[Derivation]) -> None:
    """One line per step: its ID (what `derive check` takes), source, label, links, expected verdicts."""
    rows = []
    for d in derivations:
        for step in d.steps:
            expected = sorted({str(e) for e in step.expect} | ({str(step.ends)} if step.ends else set()))
            links = len(step.terms) - 1
            rows.append((f"{d.id}/{slug(step.label)}", d.source, step.label,
                         f"{links} link{'s' if links != 1 else ''}", ", ".join(expected)))
    if not rows:
        return
    widths = [max(len(r[n]) for r in rows) for n in range(4)]
    header = ("step ID", "source", "label", "links", "expected")
    widths = [max(w, len(h)) for w, h in zip(widths, header)]
    for n, row in enumerate((header, *rows)):
        text = "  ".join(cell.ljust(w) for cell, w in zip(row[:4], widths)) + "  " + row[4]
        console.print(f"[bold]{escape(text)}[/]" if n == 0 else escape(text), soft_wrap=True)
