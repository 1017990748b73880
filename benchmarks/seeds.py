"""The seed documents read as they are, link by link, against the built-in catalog that encodes them.

Usage: python benchmarks/seeds.py [SEEDS_DIR] [--jobs N] [--timeout S] [--write FILE]

SEEDS_DIR defaults to $DERIVE_SEEDS, else ../shared/seeds beside the project. For every catalog
derivation whose source is a file of SEEDS_DIR, each link of each catalog step (two neighbouring terms
of its chain) is matched with a link `derive check FILE` reads from the document: first on the LaTeX
of the two terms (split with the document reader's own display splitter, then normalised: white
space, \\left/\\right, thin spaces, braces around one token), then on the equation label and the
link's place in its chain, then on what the link states: its two terms evaluated (every size 3,
every value of the free indices its cases allow, each variable at a value fixed by its name; see
``fingerprint``) equal to the catalog link's, preferring the same place in a chain as long (the
catalog may shorten a written-out vector to \\dots); a link whose term cannot be evaluated is taken
at its place in the document chain its neighbours matched; else as the neighbour (in the same chain)
of the link that matches the catalog step's next or previous link, where the shared term is written
alike and the other term too but for a function's arguments the catalog leaves out. Both sides are
verified the way `derive check` does (derive.runner, a time limit per check), and the document's
verdict is set beside the catalog's computed one:

  same       both hold (proved or bounded) or both are refuted
  CONTRARY   the document refutes what the catalog proves, or proves what the catalog refutes
  unknown    the document reading leaves the link undecided (unknown, numeric only, or unreadable)
  differs    decided, but the catalog itself is undecided
  unmatched  no document link found for the catalog link

Links the document has and the catalog does not encode are listed as extra. ``--write FILE`` writes
the document verdict of every matched link, with the catalog's beside it, as TOML (the pin that
tests/test_seeds.py checks).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path

import sympy

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from derive.model import Verdict, checks_of  # noqa: E402
from derive.read.display import _RELATIONS, chains_of  # noqa: E402

HOLDS = {Verdict.PROVED.value, Verdict.BOUNDED.value}
FAILS = {Verdict.REFUTED.value}
_LINK_SUFFIX = re.compile(r", link (\d+)$")
_UNIQUE_SUFFIX = re.compile(r"(, line \d+| \(\d+\))$")


def default_seeds() -> Path:
    return Path(os.environ.get("DERIVE_SEEDS") or ROOT.parent / "shared" / "seeds")


@dataclass
class Link:
    """One link of a chain: its two terms as written, where it stands, and the verdict its check got."""

    check: str  # the ID of the check that decides it
    step: str  # the step's label
    base: str  # the equation label the document gives the chain ("(12)"), without link or line suffixes
    position: int  # the link's number in its chain, from 1
    left: str
    right: str
    line: int | None = None
    chain: str = ""  # the chain it belongs to (its step's label without the link suffix), for neighbours
    verdict: str = ""
    detail: str = ""
    conventions: tuple[str, ...] = ()
    relation: str = "="  # as the document reader prints it ("=", "≠", "∈", ...)
    value: tuple | None = None  # what the two terms evaluate to (see fingerprint; None where one could not be)
    terms: int = 0  # the number of terms of its chain

    def key(self, loose: bool = False) -> tuple[str, str, str] | None:
        """The link as written, normalised (``loose``: with every brace dropped too); None when a
        term is not known."""
        if not self.left.strip() or not self.right.strip():
            return None
        side = loose_normal if loose else normal
        return side(self.left), self.relation, side(self.right)


@dataclass
class Row:
    catalog: Link
    expected: str
    document: Link | None = None
    how: str = ""  # "latex", "label" or "chain"

    @property
    def status(self) -> str:
        if self.document is None:
            return "unmatched"
        mine, theirs = self.document.verdict, self.catalog.verdict
        if mine not in HOLDS | FAILS:
            return "unknown"
        if (mine in HOLDS and theirs in HOLDS) or (mine in FAILS and theirs in FAILS):
            return "same"
        if theirs in HOLDS | FAILS:
            return "CONTRARY"
        return "differs"


@dataclass
class FileMeasure:
    name: str
    rows: list[Row] = field(default_factory=list)
    extra: list[Link] = field(default_factory=list)
    problem: str = ""  # the document could not be read at all

    def totals(self) -> Counter:
        count = Counter(r.status for r in self.rows)
        count["links"] = len(self.rows)
        count["matched"] = len(self.rows) - count["unmatched"]
        count["decided"] = count["same"] + count["CONTRARY"] + count["differs"]
        count["extra"] = len(self.extra)
        return count


# --- LaTeX as written, normalised --------------------------------------------------------------

_DELIMITER_SIZE = re.compile(r"\\(left|right|bigl|bigr|Bigl|Bigr|biggl|biggr|Biggl|Biggr|big|Big|bigg|Bigg)(?![A-Za-z])")
_SPACING = re.compile(r"\\(q?quad(?![A-Za-z])|[,;:! ])")
_ONE_TOKEN = re.compile(r"(?<!\\)\{(\\[A-Za-z]+|\\[^A-Za-z]|[^{}\\])\}")
_BRACE = re.compile(r"(?<!\\)[{}]")


def normal(tex: str) -> str:
    """LaTeX with what does not change its meaning taken out: spacing, delimiter sizes, braces
    around one token, white space (outer punctuation of a display too)."""
    t = _DELIMITER_SIZE.sub("", tex)
    t = _SPACING.sub("", t)
    t = "".join(t.split())
    while True:
        shorter = _ONE_TOKEN.sub(r"\1", t)
        if shorter == t:
            break
        t = shorter
    return t.rstrip(".,;")


_ARGUMENTS = re.compile(r"(?<![\\A-Za-z])([A-Za-z]{2,})\s*\((?:[^()]|\([^()]*\))*\)")  # CE(...), not \log(...)


def without_arguments(tex: str) -> str:
    """As :func:`loose_normal`, with the parenthesised arguments after a name of several letters left out: ``CE(y, \\hat{y})``
    and ``CE`` agree (a catalog step may abbreviate a term so)."""
    return loose_normal(_ARGUMENTS.sub(r"\1", tex))


def loose_normal(tex: str) -> str:
    """As :func:`normal`, and without braces: ``\\sum_{j} {e^{x_j}}`` and ``\\sum_j e^{x_j}`` agree."""
    return _BRACE.sub("", normal(tex))


# A display that opens with a relation continues the chain before it: its first term stands elsewhere.
_CONTINUED = "\\derivecontinued"
# Relations as the document reader prints them, back in LaTeX, so that a link it wrote out splits again.
_LATEX_RELATION = {}
for _tex, _sign in _RELATIONS.items():
    _LATEX_RELATION.setdefault(_sign, _tex)


def terms_of(latex: str) -> tuple[list[str], list[str]] | None:
    """The terms and relations of one chain, split as the document reader splits a display; None
    when the text is not one chain (several chains, no relation, brackets that do not balance). A
    chain that opens with a relation gets an empty first term."""
    for sign, tex in _LATEX_RELATION.items():
        latex = latex.replace(f" {sign} ", f" {tex} ")
    continued = latex.lstrip().startswith("=")
    chains = chains_of("\\[" + (_CONTINUED + " " if continued else "") + latex + "\\]", markdown=False)
    if len(chains) != 1 or chains[0].problem:
        return None
    terms = [t.text for t in chains[0].terms]
    if continued:
        terms[0] = ""
    return terms, list(chains[0].relations)


def short_latex(link: Link, width: int = 72) -> str:
    text = f"{' '.join(link.left.split())} {link.relation} {' '.join(link.right.split())}"
    return text if len(text) <= width else text[:width - 3] + "..."


# --- the two sides -----------------------------------------------------------------------------

def _catalog_links(derivation) -> list[tuple[Link, str]]:
    """(link, expected verdict) for every link of every step; the terms from the step's LaTeX, when
    it splits into as many terms as the step has (a step may shorten what the document writes)."""
    out = []
    for step, check_base in _steps_with_ids(derivation):
        split = terms_of(step.latex)
        terms = split[0] if split and len(split[0]) == len(step.terms) and set(split[1]) == {"="} else None
        assume = derivation.assume + step.assume
        for n in range(len(step.terms) - 1):
            left, right = (terms[n], terms[n + 1]) if terms else ("", "")
            link = Link(f"{check_base}#{n + 1}", step.label, step.label, n + 1, left, right,
                        value=_link_value(step.terms[n], step.terms[n + 1], assume), terms=len(step.terms))
            out.append((link, str(step.expect[n])))
    return out


def _steps_with_ids(derivation):
    ids = {c.id.rsplit("#", 1)[0]: None for c in checks_of(derivation)}
    return list(zip(derivation.steps, ids))


def _document_links(derivation) -> list[Link]:
    """Every link the document reader found, with the check that decides it.

    A chain derive reads whole is one step whose terms are as written; a chain with an unreadable
    link is cut into one step per link (labelled ', link k'); a chain that cannot be read at all is
    one step whose one check stands for all its links.
    """
    out = []
    for step, check_base in _steps_with_ids(derivation):
        m = _LINK_SUFFIX.search(step.label)
        first = int(m.group(1)) if m else 1
        base = _UNIQUE_SUFFIX.sub("", _LINK_SUFFIX.sub("", step.label))
        base = base if base.startswith("(") else ""
        if len(step.texts) == len(step.terms) and len(step.texts) > 1:
            terms, relations, own = list(step.texts), ["="] * (len(step.texts) - 1), True
        else:
            terms, relations = terms_of(step.latex) or ([step.latex, ""], [""])
            own = False
        assume = derivation.assume + step.assume
        for n in range(len(terms) - 1):
            check = f"{check_base}#{n + 1 if own else 1}"
            value = _link_value(step.terms[n], step.terms[n + 1], assume) if own and not step.problem else None
            out.append(Link(check, step.label, base, first + n, terms[n], terms[n + 1], step.line,
                            relation=relations[n], value=value, terms=len(terms) if own else 0,
                            chain=_LINK_SUFFIX.sub("", step.label)))
    return out


# --- what a link states: its two terms evaluated -------------------------------------------------

_FINGER_SIZE = 3  # every size is set to this
_FINGER_DIGITS = 9


class _KeyedValues:
    """Values of the variables drawn from their names, so that x_2 has one value in every term."""

    def __init__(self):
        self.given = {}
        self.names = set()  # of the variables looked up

    def get(self, key):
        self.names.add((key[0], str(key[1])))
        if key not in self.given:
            digest = hashlib.sha256(repr((key[0], str(key[1]), key[2:])).encode()).digest()
            self.given[key] = Fraction(int.from_bytes(digest[:4], "big") % 2000 - 1000, 1000)
        return self.given[key]


def fingerprint(side, assume) -> tuple | None:
    """The variables a term mentions and the values it takes, every size 3, at every value of its
    free indices the link's cases allow, each variable at a value fixed by its name; the values
    sorted, so that the names of the indices and the order of the axes do not count. None when the
    term cannot be evaluated. (The variables tell apart terms equal as functions, softmax(x) and
    softmax(x + c).)"""
    from sympy import Idx

    from derive import concrete as C
    from derive.errors import Unsupported
    from derive.evaluate import FAST, Arith, Evaluator, Uncertain, Undefined
    from derive.verify import _allowed

    if side.misfit is not None or side.problem:
        return None
    try:
        expr = sympy.sympify(side.expr)
        params = C.parameters_of(expr, extra_indices=[i for i in side.indices if isinstance(i, Idx)])
        sizes = {s: _FINGER_SIZE for s in params.sizes}
        values, arith, out = _KeyedValues(), Arith(FAST, certified=False), []
        aliases = {b: a for a, b in assume.equal}
        free = [i for i in params.indices if i not in aliases]
        for assignment in C.index_assignments(free, sizes):
            for b, a in aliases.items():
                if a in assignment:
                    assignment[b] = assignment[a]
            if not _allowed(assignment, assume):
                continue
            labels = {**sizes, **assignment, **{k.label: v for k, v in assignment.items()}}
            with arith:
                ev = Evaluator(arith, labels, values, assume.onehot, assume.definitions)
                v = ev.value(expr)
                if hasattr(v, "terms"):
                    return None
                out.append(float(v))
        if not out:
            return None
        return tuple(sorted(values.names)), tuple(sorted(float(f"{v:.{_FINGER_DIGITS}g}") + 0.0 for v in out))
    except (Unsupported, Undefined, Uncertain, ArithmeticError, ValueError, TypeError):
        return None  # a term the evaluator cannot take has no fingerprint, and is matched as written only


def _link_value(left, right, assume) -> tuple:
    return fingerprint(left, assume), fingerprint(right, assume)


def _same_value(a: Link, b: Link, partly: bool = False) -> bool:
    """The two links' terms take the same values (``partly``: where both terms could be evaluated)."""
    if a.value is None or b.value is None:
        return False
    pairs = list(zip(a.value, b.value))
    if partly:
        pairs = [(x, y) for x, y in pairs if x is not None and y is not None]
        return all(x == y for x, y in pairs)
    return all(x is not None and x == y for x, y in pairs)


def _chain(link: Link) -> str:
    return link.check.rsplit("#", 1)[0]


def _match(catalog: list[tuple[Link, str]], document: list[Link]) -> tuple[list[Row], list[Link]]:
    """Each catalog link's document link: the same two terms as written (normalised, then also
    without braces), else the same equation label and place in the chain. A document link goes to
    one catalog link, except that catalog links written alike (one link under two readings) share it."""
    rows = [Row(link, expected) for link, expected in catalog]
    taken: dict[int, Link] = {}

    def take(row: Row, hits: list[Link], how: str) -> None:
        free = [d for d in hits if id(d) not in taken]
        same_label = [d for d in free if d.base and d.base == row.catalog.base]
        if how != "label" and not free:  # written alike: share with the catalog link that has it
            free = [d for d in hits if taken[id(d)].key() == row.catalog.key()]
        if free:
            row.document, row.how = (same_label or free)[0], how
            taken[id(row.document)] = row.catalog

    for loose in (False, True):  # the two terms as written
        for row in rows:
            key = row.catalog.key(loose)
            if row.document is None and key is not None:
                take(row, [d for d in document if d.key(loose) == key], "latex")
    for row in rows:  # else the equation label and the link's place in the chain
        if row.document is None:
            take(row, [d for d in document if d.base and d.base == row.catalog.base
                       and d.position == row.catalog.position], "label")
    for row in rows:  # else the same two terms by value: the link states the same thing
        if row.document is None:
            cat = row.catalog
            hits = [d for d in document if id(d) not in taken and _same_value(d, cat) and d.relation == "="]
            # among links that state the same, the one at the same place of a chain as long
            hits.sort(key=lambda d: (d.terms != cat.terms, abs(d.position - cat.position)))
            if hits:
                row.document, row.how = hits[0], "value"
                taken[id(row.document)] = cat
    for row in rows:  # else the link at its place in the document chain its neighbours matched
        if row.document is None:
            cat = row.catalog
            chains = {_chain(r.document) for r in rows if r.document is not None and _chain(r.catalog) == _chain(cat)
                      and r.document.terms == cat.terms and r.document.position == r.catalog.position}
            hits = [d for d in document if id(d) not in taken and _chain(d) in chains and len(chains) == 1
                    and d.position == cat.position and d.relation == "=" and _same_value(d, cat, partly=True)]
            if hits:
                row.document, row.how = hits[0], "chain"
                taken[id(row.document)] = cat
    # else the neighbour, in the same chain, of the link that matches the catalog step's next (or previous)
    # link, when the term the two links share is written alike and the other term too, but for the
    # arguments of a function the catalog leaves out (\partial CE for \partial CE(\mathbf{y}, \hat{\mathbf{y}}))
    by_place = {(d.chain, d.position): d for d in document if d.chain}
    for n, row in enumerate(rows):
        if row.document is not None or row.catalog.key() is None:
            continue
        for other, step in ((n + 1, -1), (n - 1, 1)):
            if not 0 <= other < len(rows) or rows[other].catalog.step != row.catalog.step \
                    or rows[other].catalog.position != row.catalog.position - step or rows[other].how != "latex":
                continue
            matched = rows[other].document
            near = by_place.get((matched.chain, matched.position + step))
            if near is None or id(near) in taken or near.key() is None or near.relation != row.catalog.relation:
                continue
            shared = (row.catalog.right, near.right) if step == -1 else (row.catalog.left, near.left)
            other_terms = (row.catalog.left, near.left) if step == -1 else (row.catalog.right, near.right)
            if normal(shared[0]) == normal(shared[1]) \
                    and without_arguments(other_terms[0]) == without_arguments(other_terms[1]):
                row.document, row.how = near, "chain"
                taken[id(near)] = row.catalog
                break
    return rows, [d for d in document if id(d) not in taken]


def _verdict(link: Link, result) -> None:
    link.verdict = result.verdict.value
    link.detail = result.detail
    link.conventions = tuple(result.conventions)


def measure(seeds: Path, jobs: int | None = None, timeout: float = 30.0) -> list[FileMeasure]:
    """Read every seed document the catalog encodes, verify both, and match their links."""
    from derive.catalog import derivations
    from derive.errors import DeriveError
    from derive.runner import default_jobs, run_checks
    from derive.read.sources import load_path
    from derive.verify import Settings

    seeds = Path(seeds)
    encoded: dict[str, list] = {}
    for d in derivations():
        if (seeds / d.source).is_file():
            encoded.setdefault(d.source, []).append(d)
    measures, checks, links = [], [], {}
    for name in sorted(encoded):
        fm = FileMeasure(name)
        measures.append(fm)
        catalog = [pair for d in encoded[name] for pair in _catalog_links(d)]
        checks += [c for d in encoded[name] for c in checks_of(d) if c.link is not None]
        try:
            read = load_path(seeds / name, timeout=timeout)
        except DeriveError as exc:
            read, fm.problem = [], str(exc)
        document = [link for d in read for link in _document_links(d)]
        checks += [c for d in read for c in checks_of(d) if c.link is not None]
        fm.rows, fm.extra = _match(catalog, document)
        for link in [r.catalog for r in fm.rows] + document:
            links.setdefault(link.check, []).append(link)
    results = run_checks(checks, Settings(timeout=timeout), jobs or default_jobs())
    for result in results:
        for link in links.get(result.id, ()):
            _verdict(link, result)
    return measures


# --- output ------------------------------------------------------------------------------------

def _shown(link: Link) -> str:
    return link.verdict + (" (conv.)" if link.conventions else "")


def render(measures: list[FileMeasure], seconds: float | None = None) -> str:
    lines = []
    grand = Counter()
    for fm in measures:
        lines.append(fm.name)
        if fm.problem:
            lines.append(f"  the document could not be read: {fm.problem}")
        width = max([len(r.catalog.check) for r in fm.rows] + [10])
        dwidth = max([len(r.document.check) for r in fm.rows if r.document] + [8])
        lines.append(f"  {'catalog link':<{width}}  {'match':<5}  {'document check':<{dwidth}}  "
                     f"{'document':<10}  {'catalog':<16}  {'expected':<24}  status")
        for r in fm.rows:
            doc = r.document
            lines.append(f"  {r.catalog.check:<{width}}  {r.how or '-':<5}  {doc.check if doc else '-':<{dwidth}}  "
                         f"{doc.verdict if doc else '-':<10}  {_shown(r.catalog):<16}  {r.expected:<24}  {r.status}")
        if fm.extra:
            lines.append(f"  links of the document the catalog does not encode ({len(fm.extra)}):")
            for link in fm.extra:
                lines.append(f"    {link.check:<{dwidth}}  {link.verdict:<8}  line {link.line}: {short_latex(link, 60)}")
        t = fm.totals()
        grand.update(t)
        lines.append("  " + _totals(t))
        lines.append("")
    lines.append("all files: " + _totals(grand) + (f"  ({seconds:.1f} s)" if seconds is not None else ""))
    return "\n".join(lines) + "\n"


def _totals(t: Counter) -> str:
    share = f" ({100 * t['decided'] / t['links']:.0f} %)" if t["links"] else ""
    return (f"{t['links']} links, {t['matched']} matched, {t['decided']} decided{share}, {t['same']} same as the "
            f"catalog, {t['CONTRARY']} CONTRARY, {t['unknown']} unknown, {t['differs']} differ, "
            f"{t['unmatched']} unmatched; {t['extra']} extra")


def _toml_string(text: str) -> str:
    """A TOML literal string (LaTeX reads best without doubled backslashes) where one can hold the
    text, else a basic string (a JSON string is one)."""
    if text.isprintable() and "'" not in text:
        return f"'{text}'"
    return json.dumps(text, ensure_ascii=True)


def pins(measures: list[FileMeasure]) -> str:
    """The document verdict of every matched link, keyed by file and catalog check ID (TOML)."""
    out = ["# The verdict `derive check SEED` reaches on each catalog link it matches, with the catalog's",
           "# own verdict beside it. Regenerate: python benchmarks/seeds.py --write tests/seeds_verdicts.toml",
           ""]
    for fm in measures:
        out.append(f"[{_toml_string(fm.name)}]")
        for r in fm.rows:
            if r.document is None:
                continue
            out.append(f"{_toml_string(r.catalog.check)} = {{ document = {_toml_string(r.document.verdict)}, "
                       f"catalog = {_toml_string(r.catalog.verdict)}, check = {_toml_string(r.document.check)}, "
                       f"link = {_toml_string(short_latex(r.document, 60))} }}")
        out.append("")
    return "\n".join(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("seeds", nargs="?", type=Path, default=None,
                        help="folder of the seed documents (default: $DERIVE_SEEDS, else ../shared/seeds)")
    parser.add_argument("--jobs", type=int, default=None, help="worker processes (default: the number of CPUs)")
    parser.add_argument("--timeout", type=float, default=30.0, help="time limit per check, in seconds")
    parser.add_argument("--write", type=Path, metavar="FILE", help="write the verdict pins (TOML) to FILE")
    args = parser.parse_args()
    seeds = args.seeds or default_seeds()
    if not seeds.is_dir():
        print(f"seeds: error: no folder {str(seeds)!r} (give SEEDS_DIR or set DERIVE_SEEDS)", file=sys.stderr)
        return 2
    start = time.perf_counter()
    measures = measure(seeds, args.jobs, args.timeout)
    if not measures:
        print(f"seeds: error: no file in {str(seeds)!r} is a source of the catalog", file=sys.stderr)
        return 2
    sys.stdout.write(render(measures, time.perf_counter() - start))
    if args.write:
        args.write.write_text(pins(measures), encoding="utf-8")
        print(f"wrote {args.write}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
