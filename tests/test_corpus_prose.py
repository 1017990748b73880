"""Derivations whose prose matters (tests/corpus_prose): derive against the truth in context.

Each ``NAME.md`` is written as students, teaching assistants and paper appendices write: definitions,
declarations and cases in the prose or inside the displays, chains continued across displays, mistakes
included. ``NAME.truth.toml`` records the truth of each link in the context the document sets up
(true, false, "definition" or "supposition"), decided by hand and checked by an independent numeric oracle
(``corpus_prose/oracle.py``). Where derive does not read the context yet it may contradict that truth;
every such contradiction must be listed in ``KNOWN_CONTRADICTIONS`` with its reason, so the gap stays
visible and the list can only shrink: a listed contradiction that no longer occurs fails the test
until it is removed from the list.

Checking the corpus takes about 15 s of CPU (30 s and more on a busy machine): the tests that run derive
are marked slow; the oracle's test is quick.

Truth keys are ``line-L#K``: link K (or ``ends``) of the display labelled by line L. derive names a
link of a display it reads one link at a time ``line-L-link-K#1``; both spellings name the same link.
"""

from __future__ import annotations

import importlib.util
import re
import tomllib
from pathlib import Path

import pytest

from derive.model import Verdict, checks_of
from derive.read.document import read_document
from derive.read.notation_file import default_notation
from derive.verify import Settings, verify_check

CORPUS = Path(__file__).parent / "corpus_prose"
DOCUMENTS = sorted(p for p in CORPUS.glob("*.md") if p.name != "README.md")
SETTINGS = Settings(timeout=30)
HOLDS = (Verdict.PROVED, Verdict.BOUNDED, Verdict.NUMERIC)
DECIDED = (Verdict.PROVED, Verdict.BOUNDED, Verdict.REFUTED)

# "<document stem> <key>": why derive contradicts the truth in context today.
KNOWN_CONTRADICTIONS: dict[str, str] = {}  # none today


def _key(check_id: str) -> str:
    """The truth key of a check: ``line-10-link-2#1`` and ``line-10#2`` are the same link."""
    local = check_id.split("/", 1)[1]
    return re.sub(r"^(line-\d+)-link-(\d+)#1$", r"\1#\2", local)


def _verdicts(path: Path) -> dict[str, Verdict]:
    d = read_document(path.read_text(encoding="utf-8"), path.name, default_notation())
    return {_key(c.id): verify_check(c, SETTINGS).verdict for c in checks_of(d)}


def _contradicts(truth, verdict: Verdict) -> bool:
    return (truth is True and verdict is Verdict.REFUTED) or (truth is False and verdict in HOLDS) \
        or (truth in ("definition", "supposition") and verdict in (*HOLDS, Verdict.REFUTED))


@pytest.fixture(scope="module")
def outcomes():
    return {p.stem: (tomllib.loads(p.with_suffix(".truth.toml").read_text(encoding="utf-8")), _verdicts(p))
            for p in DOCUMENTS}


@pytest.mark.slow
def test_the_corpus_is_large_enough_and_about_a_third_of_its_links_is_wrong(outcomes):
    assert len(DOCUMENTS) >= 12
    claims = [truth[key] for truth, verdicts in outcomes.values() for key in verdicts
              if truth.get(key, "definition") not in ("definition", "supposition")]
    assert 0.25 <= claims.count(False) / len(claims) <= 0.45


@pytest.mark.slow
@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.stem)
def test_every_check_has_its_truth_recorded(path, outcomes):
    truth, verdicts = outcomes[path.stem]
    assert set(verdicts) - set(truth) == set()
    assert all(value in (True, False, "definition", "supposition") for value in truth.values())


def test_an_independent_numeric_oracle_agrees_with_every_recorded_truth():
    spec = importlib.util.spec_from_file_location("corpus_prose_oracle", CORPUS / "oracle.py")
    oracle = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(oracle)
    assert oracle.disagreements() == []


@pytest.mark.slow
def test_derive_contradicts_the_truth_only_where_it_is_known_to(outcomes, capsys):
    decided = total = 0
    contradictions = {}
    for stem, (truth, verdicts) in outcomes.items():
        for key, verdict in verdicts.items():
            t = truth.get(key)
            if _contradicts(t, verdict):
                contradictions[f"{stem} {key}"] = f"truth {t}, derive {verdict.value}"
            if t in ("definition", "supposition"):
                continue
            total += 1
            decided += verdict in DECIDED
    with capsys.disabled():
        print(f"\ncorpus_prose: {len(DOCUMENTS)} documents, {decided} of {total} claims decided "
              f"({100 * decided / total:.0f} %), {len(contradictions)} contradictions")
        for name, what in sorted(contradictions.items()):
            print(f"  {name}: {what}" + ("" if name in KNOWN_CONTRADICTIONS else "  (NEW)"))
    new = sorted(set(contradictions) - set(KNOWN_CONTRADICTIONS))
    gone = sorted(set(KNOWN_CONTRADICTIONS) - set(contradictions))
    assert not new, f"derive contradicts the truth in context: {new}"
    assert not gone, f"no longer contradictions (remove them from KNOWN_CONTRADICTIONS): {gone}"
