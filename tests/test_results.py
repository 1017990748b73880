"""Result records round-trip through JSON, and the JSON document keeps its documented schema."""

import json

from derive.model import Reading, Verdict
import sympy as sp

from derive.results import Assignment, CheckResult, Counterexample, Value, decimal_text, results_document

RESULT = CheckResult(
    id="d/1#1", derivation="d", source="doc.txt", label="(1)", part="link", verdict=Verdict.REFUTED,
    detail="fails at N = 2", expected="refuted", seconds=0.5,
    counterexample=Counterexample(sizes={"N": 2}, indices={"i": 1},
                                  values={"x": Assignment("x", (2,), (Value.of(0), Value.of(1)))},
                                  lhs=Value.of(-sp.E / (1 + sp.E) ** 2), rhs=Value.of(sp.Rational(1, 2))),
    notes=("index j is free on the right side only",),
    file="notes/doc.txt", line=12, column=4, end_line=13, link=1, latex=r"\sigma(x) = \frac{1}{1 + e^{-x}}",
    readings=(Reading("condition", "case $i = j$", 10), Reading("guess", "$x$ is read as a real number (not declared)")),
)

FIELDS = {"id": str, "derivation": str, "source": str, "label": str, "part": str, "verdict": str, "tier": str,
          "detail": str, "expected": str, "matches": bool, "seconds": float, "bound": (int, type(None)),
          "conventions": list, "counterexample": (dict, type(None)), "notes": list, "sizes": (list, type(None)),
          "file": str, "line": (int, type(None)), "column": (int, type(None)), "end_line": (int, type(None)),
          "link": (int, type(None)), "latex": str, "readings": list}


def test_round_trip():
    assert CheckResult.from_dict(json.loads(json.dumps(RESULT.to_dict()))) == RESULT


def test_document_schema():
    doc = json.loads(results_document([RESULT], 1.25))
    assert doc["schema"] == 3
    assert doc["summary"] == {"checks": 1, "verdicts": {"refuted": 1}, "as_expected": 1, "differ": [],
                              "refuted_under_defaults": 0, "seconds": 1.25}
    (r,) = doc["results"]
    assert set(r) == set(FIELDS)
    for key, kind in FIELDS.items():
        assert isinstance(r[key], kind), key
    assert (r["file"], r["line"], r["column"], r["end_line"], r["link"]) == ("notes/doc.txt", 12, 4, 13, 1)
    assert r["latex"] == r"\sigma(x) = \frac{1}{1 + e^{-x}}"
    assert r["readings"] == [{"kind": "condition", "text": "case $i = j$", "line": 10},
                             {"kind": "guess", "text": "$x$ is read as a real number (not declared)", "line": None}]
    cx = r["counterexample"]
    assert set(cx) == {"sizes", "indices", "values", "lhs", "rhs", "reason", "lhs_shape", "rhs_shape"}
    # Values are data: exact text, a float, and the exact value as a tree that rebuilds it.
    assert cx["values"]["x"] == {"shape": [2], "entries": [
        {"exact": "0", "float": 0.0, "decimal": "0", "expr": ["Integer", "0"]},
        {"exact": "1", "float": 1.0, "decimal": "1", "expr": ["Integer", "1"]}]}
    assert cx["lhs"]["exact"] == "-e/(1 + e)^2" and abs(cx["lhs"]["float"] + 0.19661193324) < 1e-10
    assert cx["rhs"] == {"exact": "1/2", "float": 0.5, "decimal": "0.5", "expr": ["Rational", "1", "2"]}


def test_counterexample_reads_as_one_line_of_text():
    assert RESULT.counterexample.describe() == "at N = 2, i = 1, x = (0, 1): left = -e/(1 + e)^2 ≈ -0.1966119332, right = 1/2 ≈ 0.5"


def test_huge_and_tiny_values_keep_their_exponent():
    assert decimal_text(sp.Integer(10) ** 400) == "1.0e+400"
    assert decimal_text(sp.Integer(10) ** -400) == "1.0e-400"
    big = Value.of(sp.Integer(3) ** 1000).to_dict()
    assert big["float"] is None and big["decimal"].startswith("1.32207081") and "e+477" in big["decimal"]


def test_an_exact_value_outside_the_known_classes_keeps_its_decimal_only():
    v = Value.from_dict(Value.of(sp.Integer(2), sp.Integer(2)).to_dict())
    assert v.exact == 2
    tree = Value.of(sp.gamma(sp.Rational(1, 3))).to_dict()
    assert tree["expr"] is None and tree["decimal"].startswith("2.67893853")


def test_decoding_refuses_classes_it_does_not_list():
    import pytest

    with pytest.raises(ValueError):
        Value.from_dict({"decimal": "1", "expr": ["Function", ["Integer", "1"]]})


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


def test_a_schema_2_record_still_loads_with_no_place_and_no_readings():
    old = RESULT.to_dict()
    for key in ("file", "line", "column", "end_line", "link", "latex", "readings"):
        del old[key]
    r = CheckResult.from_dict(old)
    assert r.readings == () and r.line is None and r.file == "" and r.counterexample == RESULT.counterexample


def test_a_refutation_under_a_default_is_counted_apart():
    from dataclasses import replace

    default = Reading("default", "$y$ is read as one-hot at class $t$")
    under = replace(RESULT, id="d/1#2", readings=RESULT.readings + (default,))
    proved = replace(under, id="d/1#3", verdict=Verdict.PROVED, counterexample=None)
    assert under.refuted_under_default and under.defaults == (default,)
    assert not RESULT.refuted_under_default  # refuted, but under no default
    assert not proved.refuted_under_default  # relies on the default, but holds
    doc = json.loads(results_document([RESULT, under, proved], 1.0))
    assert doc["summary"]["refuted_under_defaults"] == 1
    assert doc["results"][1]["readings"][-1] == {"kind": "default", "text": "$y$ is read as one-hot at class $t$",
                                                 "line": None}


def test_a_result_takes_its_place_and_readings_from_its_check(tmp_path):
    from derive.model import checks_of
    from derive.read.sources import load_path
    from derive.verify import Settings, verify_check

    (tmp_path / "a.md").write_text("# A\n\nText.\n\n$$ (x + 1)^2\n  = x^2 + 1 = x $$\n")
    (d,) = load_path(str(tmp_path / "a.md"))
    first, second, ends = (verify_check(c, Settings(timeout=10.0)) for c in checks_of(d))
    assert first.file == str(tmp_path / "a.md") and first.source == "a.md"
    assert (first.line, first.column, first.end_line, first.link) == (5, 4, 6, 1)
    assert first.latex == "(x + 1)^2 = x^2 + 1"  # the link as written, on one line
    assert (second.line, second.column, second.link, second.latex) == (6, 5, 2, "x^2 + 1 = x")
    assert (ends.link, ends.latex) == (None, "(x + 1)^2 = x")
    assert [r.kind for r in first.readings] == ["guess"] and "$x$" in first.readings[0].text
    assert CheckResult.from_dict(json.loads(json.dumps(second.to_dict()))) == second
