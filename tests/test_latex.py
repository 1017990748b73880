"""The LaTeX printer: the documents' notation, and every catalog expression printable."""

from __future__ import annotations

import pytest
import sympy as sp

from derive.catalog import derivations
from derive.catalog.build import entry, matrix
from derive.latex import side_to_latex, to_latex
from derive.notation import dsigmoid, index, scalar, sigmoid, size, softmax, sum_except, summation, vector

N = size("N")
i, j, k = index("i", N), index("j", N), index("k", N)
x = vector("x")


@pytest.mark.parametrize("expr, tex", [
    (vector("theta")[k], r"\theta_{k}"),
    (vector("yhat")[k], r"\hat{y}_{k}"),
    (vector("y'")[i], r"y'_{i}"),
    (vector("W")[i, j], r"W_{ij}"),
    (vector("W1")[i, j], r"W^{(1)}_{ij}"),
    (sp.exp(x[j]), r"e^{x_{j}}"),
    (summation(sp.exp(x[j]), j), r"\sum_{j=1}^{N} e^{x_{j}}"),
    (sigmoid(scalar("u")), r"\sigma\left(u\right)"),
    (dsigmoid(scalar("u")), r"\sigma'\left(u\right)"),
    (softmax(sp.Lambda(j, x[j]), i), r"\operatorname{softmax}\left(\mathbf{x}\right)_{i}"),
    (softmax(sp.Lambda(j, vector("theta")[j]), k), r"\operatorname{softmax}\left(\boldsymbol{\theta}\right)_{k}"),
    (softmax(sp.Lambda(j, vector("W")[i, j] * x[j]), k),
     r"\operatorname{softmax}\left(\left(W_{ij} x_{j}\right)_{j}\right)_{k}"),
    (sp.Derivative(sigmoid(x[i]), x[k]), r"\frac{\partial \sigma\left(x_{i}\right)}{\partial x_{k}}"),
    (sp.Derivative(summation(sp.exp(x[j]), j), x[k]), r"\frac{\partial}{\partial x_{k}} \sum_{j=1}^{N} e^{x_{j}}"),
    (sp.Derivative(sigmoid(scalar("u")), scalar("u")), r"\frac{d \sigma\left(u\right)}{d u}"),
    (sp.KroneckerDelta(i, k), r"\delta_{i k}"),
    (sp.sqrt(2 * sp.pi), r"\sqrt{2} \sqrt{\pi}"),
])
def test_prints_the_documents_notation(expr, tex):
    assert to_latex(expr) == tex


def test_softmax_of_a_shifted_vector_prints_the_vector():
    assert to_latex(softmax(sp.Lambda(j, x[j] + scalar("c")), i)) == r"\operatorname{softmax}\left(c + \mathbf{x}\right)_{i}"


def test_negative_body_of_a_derivative_is_parenthesised():
    tex = to_latex(sp.Derivative(-sp.log(x[i]), x[k]))
    assert tex.startswith(r"\frac{\partial}{\partial x_{k}} \left(-")


def test_sum_except_prints_as_the_full_sum_less_one_term():
    assert to_latex(sum_except(x[j], j, i)) == r"- x_{i} + \sum_{j=1}^{N} x_{j}"


def test_sides_show_their_free_indices():
    assert side_to_latex(entry(x[i], i)) == r"\left[x_{i}\right]_{i}"
    assert side_to_latex(matrix(sp.Derivative(x[i], x[j]), i, j)) == r"\left[\frac{\partial x_{i}}{\partial x_{j}}\right]_{ij}"


def _sides():
    return [(f"{d.id}/{s.label}", t) for d in derivations() for s in d.steps for t in s.terms]


@pytest.mark.parametrize("name, side", _sides(), ids=[n for n, _ in _sides()])
def test_every_catalog_side_prints_without_sympy_internals(name, side):
    tex = side_to_latex(side)
    # An index range, a Lambda arrow or a raw function name means a missing printer method.
    for leak in (r"\mathrel{..}", r"\mapsto", r"\operatorname{sigmoid}", r"\operatorname{dsigmoid}", "_{_"):
        assert leak not in tex, f"{name}: {tex}"
    assert tex.count("{") == tex.count("}")


@pytest.mark.parametrize("name", [r"\input{/etc/passwd}", "a$$b", "x}\\def", "%comment", "θ#1"])
def test_a_name_that_is_not_letters_and_digits_is_shown_never_interpreted(name):
    for expr in (sp.Symbol(name), sp.Function(name)(sp.Symbol("x")), sp.IndexedBase(name)[i]):
        tex = to_latex(expr)
        assert "\\input" not in tex and "$" not in tex and "%" not in tex.replace(r"\%", "")
        assert r"\text{\texttt{" in tex
        # Braces stay balanced once the escaped ones are set aside.
        bare = tex.replace(r"\{", "").replace(r"\}", "")
        assert bare.count("{") == bare.count("}")


def test_generated_summation_indices_get_letters_a_person_would_write():
    from derive.latex import readable_indices

    k13, c2 = index("k13", N), index("c_2", N)
    expr = summation(x[k13] * summation(sp.exp(x[c2]), c2), k13) + x[j]
    tex = to_latex(readable_indices(expr))
    assert "k_{13}" not in tex and "c_{2}" not in tex
    assert r"\sum_{k=1}^{N}" in tex and r"\sum_{l=1}^{N}" in tex and "x_{j}" in tex  # j is taken
    # Renaming is one-to-one onto unused names: as many distinct indices as before, the free one kept.
    renamed = readable_indices(expr)
    assert len(renamed.atoms(sp.Idx)) == len(expr.atoms(sp.Idx)) and j in renamed.atoms(sp.Idx)


def test_names_of_several_letters_are_upright_words():
    assert to_latex(sp.Symbol("CE")) == r"\mathrm{CE}"
    assert to_latex(vector("sm")[i]) == r"\mathrm{sm}_{i}"
    assert to_latex(sp.Symbol("theta")) == r"\theta" and to_latex(vector("yhat")[k]) == r"\hat{y}_{k}"


def test_breakable_form_has_no_unbreakable_groups_of_its_own():
    side = entry(sp.Derivative(-sp.log(x[i]) * (1 + x[j]), x[k]), i)
    wide = side_to_latex(side, breakable=True)
    assert wide.startswith(r"\Bigl[") and r"\bigl(" in wide
    assert r"\left[" not in wide


def test_breakable_form_opens_function_arguments_and_products():
    # softmax, sigma and log print their own \left( ... \right); a log's argument comes in braces.
    from derive.notation import sigmoid

    expr = sp.log(sigmoid(x[i] + 1) * (x[j] + sp.log(x[k] + 2))) * x[k]
    narrow, wide = to_latex(expr), to_latex(expr, breakable=True)
    assert r"\left(" in narrow and r"\log{\left(" in narrow
    assert r"\left" not in wide and r"\right" not in wide and r"\log{" not in wide
    assert wide.count(r"\bigl(") == wide.count(r"\bigr)") == narrow.count(r"\left(")
    assert wide.count("{") == wide.count("}")
    # A line may break between the factors of a product, with the penalty of a break at a binary operator.
    assert r"\penalty700\relax" in wide and r"\penalty" not in narrow
