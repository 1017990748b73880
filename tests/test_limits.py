"""Limits: \\lim_{x \\to a} taken by SymPy and confirmed numerically, or refused with the reason."""

from __future__ import annotations

import pytest
import sympy as sp

from derive.errors import FormulaError
from derive.model import Verdict, checks_of
from derive.read import limit_of
from derive.read.document import read_document
from derive.read.notation_file import default_notation
from derive.verify import Settings, verify_check

SETTINGS = Settings(timeout=20)


def _verdict(claim: str):
    d = read_document(f"$$\n{claim}\n$$\n", "doc.md", default_notation())
    (check,) = checks_of(d)
    return verify_check(check, SETTINGS)


@pytest.mark.parametrize("claim,verdict", [
    ("\\lim_{x \\to 0} \\frac{\\sin x}{x} = 1", Verdict.PROVED),
    ("\\lim_{x \\to 0} \\frac{1 - \\cos x}{x^2} = \\frac{1}{2}", Verdict.PROVED),
    ("\\lim_{x \\to 0} \\frac{1 - \\cos x}{x^2} = 1", Verdict.REFUTED),
    ("\\lim_{x \\to 0} \\frac{\\tan x - x}{x^3} = \\frac16", Verdict.REFUTED),
    ("\\lim_{n \\to \\infty} \\left(1 + \\frac{\\lambda t}{n}\\right)^n = e^{\\lambda t}", Verdict.PROVED),
    ("\\lim_{x \\to \\infty} \\left(1 + \\frac{a}{x}\\right)^{x} = e^{1/a}", Verdict.REFUTED),
    ("\\lim_{x \\to -\\infty} e^{x} = 0", Verdict.PROVED),
    ("\\lim_{x \\to 1} \\frac{x^2 - 1}{x - 1} = 2", Verdict.PROVED),
    ("\\lim_{x \\to 0^+} x \\log x = 0", Verdict.PROVED),
    ("\\lim_{x \\to 0^{-}} \\frac{|x|}{x} = -1", Verdict.PROVED),
    ("\\lim_{x \\to 0^+} \\frac{|x|}{x} = -1", Verdict.REFUTED),
    ("\\lim_{x \\downarrow 0} x^x = 1", Verdict.PROVED),
])
def test_limits_are_taken_and_checked(claim, verdict):
    assert _verdict(claim).verdict is verdict


@pytest.mark.parametrize("claim,why", [
    ("\\lim_{x \\to \\infty} \\sin x = 0", "does not exist"),
    ("\\lim_{x \\to 0} \\frac{|x|}{x} = 1", "limit"),  # the two sides differ
    ("\\lim_{x \\to 0} x \\log x = 0", "not a real number near the point"),  # no left side in the reals
    ("\\lim_{x \\to 0} \\frac{1}{x^2} = 0", "infinite"),
    ("\\lim x = 0", "\\lim_{x \\to a}"),
    ("\\lim_{x \\to \\infty^+} x = 1", "one-sided limit at infinity"),
])
def test_limits_that_are_not_sure_are_refused(claim, why):
    result = _verdict(claim)
    assert result.verdict is Verdict.UNKNOWN and why in result.detail


def test_a_limit_sympy_gets_wrong_is_refused_by_the_numeric_check(monkeypatch):
    monkeypatch.setattr(sp, "limit", lambda *args, **kwargs: sp.Integer(2))
    limit_of._TAKEN.clear()
    with pytest.raises(FormulaError, match="confirmed numerically"):
        x = sp.Symbol("x", real=True)
        limit_of._limit(sp.sin(x) / x, x, sp.Integer(0))
    limit_of._TAKEN.clear()


def test_the_reading_names_the_limit_and_its_side():
    result = _verdict("\\lim_{x \\to 0^+} x \\log x = 0")
    assert any("x \\to 0^+" in r.text for r in result.readings)


def test_a_document_s_limits_share_a_time_budget(monkeypatch):
    monkeypatch.setattr(limit_of, "_PER_DOCUMENT", 0.0)
    limit_of._TAKEN.clear()
    result = _verdict("\\lim_{x \\to 0} \\frac{\\sin(3x)}{x} = 3")
    limit_of._TAKEN.clear()
    assert result.verdict is Verdict.UNKNOWN and "time for this document's limits is spent" in result.detail
