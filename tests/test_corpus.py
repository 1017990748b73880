"""A corpus of realistic derivations (tests/corpus): derive never contradicts the truth recorded by hand.

Each ``NAME.md`` is a derivation as people write them, without a notation file, mistakes included;
``NAME.truth.toml`` records the truth of each of its checks, decided by hand: true, false, or
"definition". A check whose truth is true must never be refuted, one whose truth is false never
proved (nor bounded, nor numerically consistent), and a definition is never a verdict either way.
The fraction of claims decided (proved or refuted) is printed and must not fall below a floor.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from derive.model import Verdict, checks_of
from derive.read.document import read_document
from derive.read.notation_file import default_notation
from derive.verify import Settings, verify_check

CORPUS = Path(__file__).parent / "corpus"
DOCUMENTS = sorted(CORPUS.glob("*.md"))
SETTINGS = Settings(timeout=30)
HOLDS = (Verdict.PROVED, Verdict.BOUNDED, Verdict.NUMERIC)
DECIDED = (Verdict.PROVED, Verdict.BOUNDED, Verdict.REFUTED)
DECIDED_FLOOR = 0.85  # of the claims (definitions excluded); measured 0.9 and more


def _verdicts(path: Path) -> dict[str, Verdict]:
    d = read_document(path.read_text(encoding="utf-8"), path.name, default_notation())
    return {c.id.split("/", 1)[1]: verify_check(c, SETTINGS).verdict for c in checks_of(d)}


@pytest.fixture(scope="module")
def outcomes():
    return {p.stem: (tomllib.loads(p.with_suffix(".truth.toml").read_text()), _verdicts(p)) for p in DOCUMENTS}


def test_the_corpus_is_large_enough_and_a_fair_share_of_its_links_is_wrong(outcomes):
    truths = [t for truth, _ in outcomes.values() for t in truth.values()]
    assert len(DOCUMENTS) >= 15
    claims = [t for t in truths if t != "definition"]
    assert 0.2 <= claims.count(False) / len(claims) <= 0.45


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.stem)
def test_every_check_has_its_truth_recorded(path, outcomes):
    truth, verdicts = outcomes[path.stem]
    assert set(truth) == set(verdicts)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.stem)
def test_derive_never_contradicts_the_recorded_truth(path, outcomes):
    truth, verdicts = outcomes[path.stem]
    wrong = {}
    for key, verdict in verdicts.items():
        t = truth.get(key)
        if (t is True and verdict is Verdict.REFUTED) or (t is False and verdict in HOLDS) \
                or (t == "definition" and verdict in (*HOLDS, Verdict.REFUTED)):
            wrong[key] = (t, verdict.value)
    assert not wrong


def test_most_claims_are_decided(outcomes, capsys):
    decided = total = 0
    for truth, verdicts in outcomes.values():
        for key, verdict in verdicts.items():
            if truth.get(key) == "definition":
                continue
            total += 1
            decided += verdict in DECIDED
    with capsys.disabled():
        print(f"\ncorpus: {decided} of {total} claims decided ({100 * decided / total:.0f} %)")
    assert decided / total >= DECIDED_FLOOR
