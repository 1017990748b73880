"""The seed documents read as they are, link by link, against the catalog that encodes them (benchmarks/seeds.py).

The measurement needs the seed documents (``$DERIVE_SEEDS``, else ``../shared/seeds`` beside the
project); without them those tests are skipped. The pins in tests/seeds_verdicts.toml are regenerated
by ``python benchmarks/seeds.py --write tests/seeds_verdicts.toml``.
"""

from __future__ import annotations

import importlib.util
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PINS = ROOT / "tests" / "seeds_verdicts.toml"


def _load_benchmark():
    spec = importlib.util.spec_from_file_location("seeds_benchmark", ROOT / "benchmarks" / "seeds.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


seeds = _load_benchmark()
SEEDS = seeds.default_seeds()

# Links the document reading refutes although the catalog proves them (or the reverse), each with
# why. They shrink as derive reads more of what the prose says; a link that stops being contrary
# must leave this list (the test says which).
KNOWN_CONTRARY: dict[str, str] = {}  # none: every matched link agrees with the catalog or is unknown


# --- matching, on links made here -----------------------------------------------------------------

def link(check, left, right, base="", position=1, relation="="):
    return seeds.Link(check, base or check, base, position, left, right, relation=relation)


def test_normal_ignores_spacing_delimiter_sizes_and_braces_around_one_token():
    assert seeds.normal(r"\left( \frac{1}{x} \right) \, + \; y_{i}") == seeds.normal(r"(\frac1x)+y_i")
    assert seeds.normal(r"e^{x + c}") != seeds.normal(r"e^x + c")  # a group of several tokens stays
    assert seeds.normal(r"\rightarrow") == r"\rightarrow"  # a longer command is not \right
    assert seeds.loose_normal(r"\sum _{j=1}^n{e^{x_j}}") == seeds.loose_normal(r"\sum_{j=1}^n e^{x_j}")


def test_terms_are_split_as_the_document_reader_splits_them():
    terms, relations = seeds.terms_of(r"a = \frac{b}{c} = d_{i=1}")
    assert [t.strip() for t in terms] == ["a", r"\frac{b}{c}", "d_{i=1}"] and relations == ["=", "="]
    terms, _ = seeds.terms_of(r"= x = y")  # continues a chain: the first term stands elsewhere
    assert terms[0] == "" and [t.strip() for t in terms[1:]] == ["x", "y"]
    terms, relations = seeds.terms_of(r"a ≠ b")  # a link as the reader writes it out
    assert [t.strip() for t in terms] == ["a", "b"] and relations == ["≠"]


def test_links_match_on_latex_then_on_label_and_place():
    catalog = [(link("c/1#1", r"\left(x\right)", "y", "(1)"), "proved"),
               (link("c/1#2", "y", "z", "(1)", 2), "proved"),
               (link("c/2#1", "", "", "(2)"), "proved"),  # its LaTeX does not split as its terms
               (link("c/3#1", "p", "q", "(3)"), "proved"),
               (link("c/3b#1", "p", "q", "(3b)"), "proved")]  # written alike: one link, two readings
    document = [link("d/1#1", "(x)", "y", "(1)"), link("d/1#2", "y", r"z\,", "(1)", 2),
                link("d/2#1", "u", "v", "(2)"), link("d/7#1", "p", "q"), link("d/9#1", "s", "t", "(9)")]
    rows, extra = seeds._match(catalog, document)
    assert [(r.document.check, r.how) for r in rows] == [("d/1#1", "latex"), ("d/1#2", "latex"), ("d/2#1", "label"),
                                                         ("d/7#1", "latex"), ("d/7#1", "latex")]
    assert [d.check for d in extra] == ["d/9#1"]


def test_a_fingerprint_is_the_values_a_term_takes_whatever_its_index_names():
    import sympy as sp

    from derive.model import Assumptions, Axis, Side
    from derive.notation import index, scalar, size, softmax, summation, vector

    N, x, c = size("N"), vector("x"), scalar("c")
    i, j, k, m = (index(name, N) for name in "ijkm")

    def value(expr, *indices, assume=Assumptions()):
        return seeds.fingerprint(Side(expr, tuple(Axis(N, a) for a in indices)), assume)

    ratio = value(sp.exp(x[i]) / summation(sp.exp(x[j]), j), i)
    assert ratio == value(sp.exp(x[k]) / summation(sp.exp(x[m]), m), k)  # other index names
    assert ratio == value(softmax(sp.Lambda(j, x[j]), i), i)  # the same values, written otherwise
    assert ratio != value(sp.exp(x[i]) / summation(sp.exp(x[j]) ** 2, j), i)
    # equal as functions, but one mentions c: not the same statement
    assert value(softmax(sp.Lambda(j, x[j] + c), i), i) != ratio
    # the cases of the link count: with i = k the matrix is its diagonal
    both = value(x[i] * x[k], i, k)
    assert both != value(x[i] * x[k], i, k, assume=Assumptions(equal=((i, k),)))
    assert seeds.fingerprint(Side(x[i], (Axis(N, i),), problem="unreadable"), Assumptions()) is None
    assert value(sp.log(-x[i] ** 2 - 1), i) is None  # no real value anywhere


def test_links_written_otherwise_match_on_the_values_of_their_terms_then_on_their_chain():
    a, b, unknown = (("x",), (1.0, 2.0)), (("x",), (3.0,)), None

    def valued(check, position, terms, left, right, base=""):
        made = link(check, f"L{check}", f"R{check}", base, position)
        made.value, made.terms = (left, right), terms
        return made

    catalog = [(valued("c/1#1", 1, 3, a, a), "proved"), (valued("c/1#2", 2, 3, unknown, b), "proved"),
               (valued("c/2#1", 1, 2, b, a), "proved")]
    document = [valued("d/5#1", 1, 2, a, a), valued("d/6#1", 1, 3, a, a), valued("d/6#2", 2, 3, unknown, b),
                valued("d/7#1", 1, 2, a, b)]
    rows, extra = seeds._match(catalog, document)
    # the same values at the same place of a chain as long; its neighbour by its place; no pair for c/2
    assert [(r.document.check if r.document else None, r.how) for r in rows] == [
        ("d/6#1", "value"), ("d/6#2", "chain"), (None, "")]
    assert sorted(d.check for d in extra) == ["d/5#1", "d/7#1"]


def test_a_link_whose_term_the_catalog_abbreviates_matches_its_neighbour_in_the_chain():
    def chained(check, left, right, chain, position):
        made = link(check, left, right, position=position)
        made.chain = chain
        return made

    catalog = [(link("c/5#1", r"\frac{\partial CE}{\partial t}", "a", "c5", 1), "proved"),
               (link("c/5#2", "a", "b", "c5", 2), "proved"),
               (link("c/6#1", r"\frac{\partial CE}{\partial t}", "p", "c6", 1), "proved"),
               (link("c/6#2", "p", "q", "c6", 2), "proved")]
    for row in catalog:
        row[0].step = row[0].base
    document = [chained("d/5#1", r"\frac{\partial CE(y, \hat{y})}{\partial t}", "a", "line 5", 1),
                chained("d/5#2", "a", "b", "line 5", 2),
                chained("d/6#1", r"\frac{\partial \log(y)}{\partial t}", "p", "line 6", 1),  # not CE
                chained("d/6#2", "p", "q", "line 6", 2)]
    rows, extra = seeds._match(catalog, document)
    assert [(r.document.check if r.document else None, r.how) for r in rows] == [
        ("d/5#1", "chain"), ("d/5#2", "latex"), (None, ""), ("d/6#2", "latex")]
    assert [d.check for d in extra] == ["d/6#1"]


def test_status_compares_the_document_verdict_with_the_catalog_verdict():
    def status(document, catalog):
        row = seeds.Row(link("c#1", "a", "b"), "proved", link("d#1", "a", "b"))
        row.document.verdict, row.catalog.verdict = document, catalog
        return row.status

    assert status("refuted", "proved") == status("proved", "refuted") == status("bounded", "refuted") == "CONTRARY"
    assert status("bounded", "proved") == status("refuted", "refuted") == "same"
    assert status("unknown", "proved") == status("numeric", "refuted") == "unknown"
    assert status("proved", "unknown") == "differs"
    assert seeds.Row(link("c#1", "a", "b"), "proved").status == "unmatched"


# --- the seeds themselves -------------------------------------------------------------------------

@pytest.fixture(scope="module")
def measured():
    if not SEEDS.is_dir():
        pytest.skip(f"no seed documents at {SEEDS} (set DERIVE_SEEDS to their folder)")
    return seeds.measure(SEEDS, timeout=60.0)


def test_every_seed_document_the_catalog_cites_is_read(measured):
    from derive.catalog import derivations

    cited = sorted({d.source for d in derivations() if (SEEDS / d.source).is_file()})
    assert [m.name for m in measured] == cited and cited
    assert {m.name: m.problem for m in measured if m.problem} == {}
    links = sum(len(s.terms) - 1 for d in derivations() if d.source in cited for s in d.steps)
    assert sum(len(m.rows) for m in measured) == links


def test_no_link_is_contrary_to_the_catalog_beyond_the_known(measured):
    contrary = {r.catalog.check: f"document {r.document.verdict}, catalog {r.catalog.verdict}: "
                                 f"{seeds.short_latex(r.document, 60)}"
                for m in measured for r in m.rows if r.status == "CONTRARY"}
    new = {k: v for k, v in contrary.items() if k not in KNOWN_CONTRARY}
    assert new == {}, "the document reading contradicts the catalog"
    fixed = sorted(set(KNOWN_CONTRARY) - set(contrary))
    assert fixed == [], "no longer contrary: take these out of KNOWN_CONTRARY (and regenerate the pins)"


def test_document_verdicts_are_the_pinned_ones(measured):
    pinned = tomllib.loads(PINS.read_text(encoding="utf-8"))
    now = tomllib.loads(seeds.pins(measured))
    changed = {f"{name}: {check}": (pinned.get(name, {}).get(check), now.get(name, {}).get(check))
               for name in sorted(set(pinned) | set(now))
               for check in sorted(set(pinned.get(name, {})) | set(now.get(name, {})))
               if pinned.get(name, {}).get(check) != now.get(name, {}).get(check)}
    assert changed == {}, ("(pinned, now) differ; if the change is right, regenerate with "
                           "python benchmarks/seeds.py --write tests/seeds_verdicts.toml")


def test_the_pins_agree_with_the_catalog_where_the_document_decides():
    """Read from the file alone: every decided pin beside the catalog's verdict is the same or a known contrary."""
    pinned = tomllib.loads(PINS.read_text(encoding="utf-8"))
    decided = {"proved", "bounded", "refuted"}
    for name, links in pinned.items():
        for check, pin in links.items():
            if pin["document"] in decided and pin["catalog"] in decided:
                agree = (pin["document"] == "refuted") == (pin["catalog"] == "refuted")
                assert agree or check in KNOWN_CONTRARY, f"{name}: {check} {pin}"
