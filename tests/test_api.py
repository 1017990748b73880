"""The public API: what `from derive import ...` gives, and that importing derive stays cheap."""

from __future__ import annotations

import subprocess
import sys

import pytest
import sympy as sp

import derive
from derive.errors import FormulaError
from derive.model import Verdict


def test_import_does_not_load_sympy():
    code = "import sys, derive; print('sympy' in sys.modules, 'lark' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


@pytest.mark.parametrize("name", derive.__all__)
def test_every_exported_name_resolves(name):
    assert getattr(derive, name) is not None


def test_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError, match="no attribute 'nonsense'"):
        derive.nonsense  # noqa: B018


def test_a_derivation_written_with_the_api_checks():
    N = derive.size("N")
    x = derive.vector("x")
    i, j = derive.index("i", N), derive.index("j", N)
    S = derive.summation(sp.exp(x[j]), j)
    d = derive.derivation("api/1", topic="t", source="test", title="T", statement="", steps=[
        derive.step("ok", "", derive.entry(derive.softmax(sp.Lambda(j, x[j]), i), i), derive.entry(sp.exp(x[i]) / S, i)),
        derive.step("bad", "", sp.exp(x[i]) / S, sp.exp(x[i]) / S + 1, expect="refuted"),
    ])
    results = derive.check(d, derive.Settings(timeout=20))
    assert [r.verdict for r in results] == [Verdict.PROVED, Verdict.REFUTED]
    assert all(r.matches for r in results)


def test_read_latex():
    x = derive.vector("x")
    N = derive.size("N")
    assert derive.read_latex(r"\sum_{j=1}^N x_j") == sp.Sum(x[derive.index("j", N)], (derive.index("j", N), 1, N))
    with pytest.raises(FormulaError):
        derive.read_latex(r"\frac{1}{")


@pytest.mark.parametrize("make", [
    lambda text: derive.step("s", "", text, sp.Symbol("a")),
    lambda text: derive.entry(text, derive.index("i", derive.size("N"))),
    lambda text: derive.side(text),
    lambda text: derive.define(sp.Symbol("z"), text),
    lambda text: derive.Side(text),
])
def test_strings_are_refused_never_evaluated(make, tmp_path):
    marker = tmp_path / "ran"
    text = f"__import__('pathlib').Path({str(marker)!r}).touch() or 1"
    with pytest.raises(derive.DeriveError, match="string"):
        make(text)
    assert not marker.exists()


def test_numbers_are_still_accepted():
    assert derive.side(2).expr == 2 and derive.side(0.5).expr == sp.Float(0.5)
