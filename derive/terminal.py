"""Terminal rendering of check results: per document, derivation and step, a mark, the tier, one line."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from rich.console import Console
from rich.markup import escape

from .model import Derivation, Verdict, slug
from .results import CheckResult, tier_text

__all__ = ["MARKS", "render_results", "render_summary", "render_catalog", "summary_counts"]

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
        text += ": " + r.counterexample.describe()
    elif r.verdict in (Verdict.UNKNOWN, Verdict.ERROR, Verdict.NUMERIC, Verdict.BOUNDED):
        text += ": " + r.detail
    return text


def _expectation(r: CheckResult) -> str:
    return "" if r.matches else f"  [bold red](expected {escape(r.expected)})[/]"


def render_results(console: Console, derivations: Sequence[Derivation], results: Sequence[CheckResult]) -> None:
    """Print results grouped by document, derivation and step (derivations in catalog order)."""
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
                _render_step(console, step.label, srs, width)


def _render_step(console: Console, label: str, rs: list[CheckResult], width: int) -> None:
    chain = [r for r in rs if r.part.startswith("link")]
    ends = next((r for r in rs if r.part == "ends"), None)
    correction = next((r for r in rs if r.part == "correction"), None)
    decided = chain + ([ends] if ends else [])
    worst = min(decided, key=lambda r: (_SEVERITY.index(r.verdict), not r.conventions))
    head = f"    {_styled(_mark(worst))} {escape(label):<{width}} "
    plain = [r for r in rs if r.verdict is Verdict.PROVED and not r.conventions]
    if len(plain) == len(rs):
        count = f" ({len(chain)} links and the ends)" if len(chain) > 1 else ""
        mismatch = "".join(_expectation(r) for r in rs if not r.matches)
        known = [r.sizes for r in rs if r.sizes is not None]
        sizes = tuple(dict.fromkeys(n for found in known for n in found)) if known else None
        console.print(f"{head}{escape(tier_text(Verdict.PROVED, sizes=sizes))}{count}{mismatch}")
        return
    if len(rs) == 1:
        console.print(f"{head}{escape(_one_line(worst))}{_expectation(worst)}")
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
        console.print(f"        {escape(r.part):<14} {_styled(_mark(r))} {escape(_one_line(r))}{_expectation(r)}")


def summary_counts(results: Sequence[CheckResult]) -> dict[str, int]:
    counts = Counter()
    for r in results:
        key = r.verdict.value
        if r.conventions and r.verdict is Verdict.PROVED:
            key = "proved under convention"
        counts[key] += 1
    order = ["proved", "proved under convention", "bounded", "numeric", "refuted", "unknown", "error"]
    return {k: counts[k] for k in order if counts[k]}


def render_summary(console: Console, results: Sequence[CheckResult], seconds: float) -> None:
    counts = summary_counts(results)
    words = ", ".join(f"{n} {k}" for k, n in counts.items())
    unexpected = [r for r in results if not r.matches]
    console.print(f"\n[bold]{len(results)} checks[/]: {words}  ({seconds:.1f} s)")
    if unexpected:
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
