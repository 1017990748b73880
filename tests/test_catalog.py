"""Every catalog check gets the verdict the catalog expects: the catalog is the verifier's regression suite."""

import pytest

from derive.catalog import checks, derivations
from derive.model import Verdict
from derive.runner import run_checks
from derive.verify import Settings

CHECKS = checks()
SEEDS = {"000_e316718807a0f1a9.txt", "001_b330cdde1d10fb3a.txt", "002_659694377acdb9c6.txt",
         "003_3b09a87a2fbfafa4.txt", "004_ed8d11caee23e51a.txt"}


@pytest.fixture(scope="module")
def results():
    return {r.id: r for r in run_checks(CHECKS, Settings(timeout=30), jobs=2)}


@pytest.mark.parametrize("check", CHECKS, ids=[c.id for c in CHECKS])
def test_expected_verdict(check, results):
    r = results[check.id]
    assert r.verdict is not Verdict.ERROR, r.detail
    assert r.matches, f"{check.id}: got {r.tier} ({r.detail}), expected {check.expect}"


@pytest.mark.parametrize("check", [c for c in CHECKS if c.expect.verdict is Verdict.REFUTED],
                         ids=lambda c: c.id)
def test_refutations_carry_a_small_counterexample(check, results):
    cx = results[check.id].counterexample
    assert cx is not None
    assert all(v <= 4 for v in cx.sizes.values())


def test_ids_are_unique_and_sources_are_the_seeds():
    assert len({c.id for c in CHECKS}) == len(CHECKS)
    assert {d.source for d in derivations()} <= SEEDS | {"derive"}


def test_every_step_cites_a_label_and_latex():
    for d in derivations():
        for step in d.steps:
            assert step.label.strip() and step.latex.strip(), f"{d.id}: step without label or LaTeX"


def _catalog_prose():
    from derive.catalog import derivations

    for d in derivations():
        yield d.id, d.note
        for s in d.steps:
            yield f"{d.id} {s.label}", s.reading
            yield f"{d.id} {s.label}", s.note


def test_catalog_prose_marks_its_mathematics():
    # Notes and readings are typeset: their mathematics stands between dollars, as LaTeX, and the
    # text outside reads as words (no ASCII stand-ins for subscripts, powers, relations or Greek).
    import re

    for where, text in _catalog_prose():
        if not text:
            continue
        assert text.count("$") % 2 == 0, where
        words = re.sub(r"\S+\.py\b", "", " ".join(text.split("$")[0::2]))  # a file name may have "_"
        assert not re.search(r"[_^\\]|!=|<=|>=|\b(theta|sigma|yhat|sum_)", words), (where, words)
        for math in text.split("$")[1::2]:
            assert math.strip() and math.count("{") == math.count("}"), (where, math)
