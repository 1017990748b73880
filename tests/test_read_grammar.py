"""The grammar's token rules: digits are taken as arguments the way TeX takes them, or refused."""

from __future__ import annotations

import time

import pytest
import sympy as sp

from derive.errors import FormulaError
from derive.notation import vector
from derive.read.notation_file import default_notation
from derive.read.reader import Reader

N = sp.Symbol("N", integer=True, positive=True)
x = vector("x")
k = sp.Idx("k", (1, N))
c = sp.Symbol("c", real=True)


@pytest.fixture(scope="module")
def read():
    reader = Reader(default_notation())
    return lambda text: reader.read(text).expr


@pytest.mark.parametrize("text, expected", [
    (r"\frac12 x_k", x[k] / 2),
    (r"\frac12x_k", x[k] / 2),
    (r"\frac12", sp.Rational(1, 2)),
    (r"\frac 1 2", sp.Rational(1, 2)),
    (r"\frac1{2}", sp.Rational(1, 2)),
    (r"\frac{12}{x_k}", 12 / x[k]),
    (r"\frac c2", c / 2),
    (r"\sqrt{12}", 2 * sp.sqrt(3)),
    (r"\sqrt 4 c", 2 * c),
    (r"c^{23}", c ** 23),
])
def test_digits_are_arguments_as_tex_sets_them(read, text, expected):
    assert read(text) == expected


def test_frac_of_two_digits_is_not_twelve_over_the_next_factor(read):
    assert read(r"\frac12 x_k") != read(r"\frac{12}{x_k}")


@pytest.mark.parametrize("text, advice", [
    (r"\sqrt12", r"\sqrt{12}"),
    (r"x_12", "_{12}"),
    (r"\sum_{j=1}^10 x_j", "^{10}"),
    (r"c^23", "^{23}"),
    (r"c^2.5", "^{2.5}"),
    (r"\frac123", "braces"),
    (r"\frac12 3", "braces"),
    (r"\frac{1}23", "{23}"),
    (r"\frac c12", "{12}"),
])
def test_digits_tex_would_cut_are_refused_with_the_braces_to_write(read, text, advice):
    with pytest.raises(FormulaError) as info:
        read(text)
    assert advice in str(info.value)
    assert "TeX" in str(info.value)


def test_roots_of_any_degree(read):
    assert read(r"\sqrt[3]{8}") == 2
    assert read(r"\sqrt[3]{-8}") == -2  # the real cube root
    assert read(r"\sqrt[4]{c}") == c ** sp.Rational(1, 4)
    assert read(r"\sqrt[c]{8}") == 8 ** (1 / c)
    for degree in ("0", "1", "1.5"):
        with pytest.raises(FormulaError, match="degree of a root"):
            read(rf"\sqrt[{degree}]{{8}}")


@pytest.mark.parametrize("text", [
    r"((((((2^{64})^{64})^{64})^{64})^{64})^{64})",
    r"((((c+1)^{64})^{64})^{64})^{64}",
    r"(((c^{64})^{64})^{64})^{64}",
])
def test_towers_of_powers_are_refused_before_they_are_built(read, text):
    start = time.perf_counter()
    with pytest.raises(FormulaError, match="beyond the limit"):
        read(text)
    assert time.perf_counter() - start < 2


def test_powers_within_the_limits_are_read_and_not_expanded(read):
    assert read(r"(2^{64})^{2}") == sp.Integer(2) ** 128
    assert read(r"((c+1)^{4})^{4}") == (c + 1) ** 16


def test_a_lone_name_has_one_key_however_its_accent_is_braced():
    from derive.read.syntax import lone_name_key, shown_name
    assert lone_name_key("\\hat\\theta") == lone_name_key("\\hat{\\theta}") == "thetahat"
    assert lone_name_key(" \\bar x ") == "xbar" and lone_name_key("\\theta") == "theta"
    assert lone_name_key("x_1") is None and lone_name_key("\\hat\\theta^2") is None
    # (and the name is shown as written, its Greek letter kept)
    assert shown_name("thetahat") == "\\hat{\\theta}" and shown_name("yhat") == "\\hat{y}"
