"""Result records round-trip through JSON, and the JSON document keeps its documented schema."""

import json

from derive.model import Verdict
from derive.results import CheckResult, Counterexample, results_document

RESULT = CheckResult(
    id="d/1#1", derivation="d", source="doc.txt", label="(1)", part="link", verdict=Verdict.REFUTED,
    detail="fails at N = 2", expected="refuted", seconds=0.5,
    counterexample=Counterexample(sizes={"N": 2}, indices={"i": 1}, values={"x": "(0, 1)"}, lhs="1", rhs="2"),
    notes=("index j is free on the right side only",),
)

FIELDS = {"id": str, "derivation": str, "source": str, "label": str, "part": str, "verdict": str, "tier": str,
          "detail": str, "expected": str, "matches": bool, "seconds": float, "bound": (int, type(None)),
          "conventions": list, "counterexample": (dict, type(None)), "notes": list, "sizes": (list, type(None))}


def test_round_trip():
    assert CheckResult.from_dict(json.loads(json.dumps(RESULT.to_dict()))) == RESULT


def test_document_schema():
    doc = json.loads(results_document([RESULT], 1.25))
    assert doc["schema"] == 1
    assert doc["summary"] == {"checks": 1, "verdicts": {"refuted": 1}, "as_expected": 1, "differ": [],
                              "seconds": 1.25}
    (r,) = doc["results"]
    assert set(r) == set(FIELDS)
    for key, kind in FIELDS.items():
        assert isinstance(r[key], kind), key
    assert set(r["counterexample"]) == {"sizes", "indices", "values", "lhs", "rhs", "reason"}


def test_matches_needs_the_convention_too():
    proved = CheckResult(id="d/1#1", derivation="d", source="s", label="l", part="link", verdict=Verdict.PROVED,
                         detail="", expected="proved under convention", seconds=0.1)
    assert not proved.matches
    assert CheckResult(**{**proved.__dict__, "conventions": ("broadcasting",)}).matches


def test_tier_names_the_sizes_of_the_claim():
    from derive.results import tier_text

    assert tier_text(Verdict.PROVED, sizes=("K",)) == "proved for all K"
    assert tier_text(Verdict.PROVED, sizes=("D_x", "H")) == "proved for all D_x, H"
    assert tier_text(Verdict.PROVED, sizes=()) == "proved"
    assert tier_text(Verdict.PROVED) == "proved for all N"
    assert tier_text(Verdict.BOUNDED, 4, sizes=("n",)) == "proved for n = 1..4"
    assert tier_text(Verdict.BOUNDED, 2, sizes=("D", "H")) == "proved for D, H up to 2"
