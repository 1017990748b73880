"""Names typed from their use alone (derive.read.types): matrices and vectors nobody declared.

Each document is written as people write matrix identities and least-squares gradients, without a
notation file and without declarations; each verdict was decided by hand.
"""

from __future__ import annotations

import pytest

from derive.model import Verdict, checks_of
from derive.read.document import read_document
from derive.read.grammar import parser
from derive.read.notation_file import default_notation
from derive.read.types import infer
from derive.verify import Settings, verify_check

SETTINGS = Settings(timeout=30)
P, R, U = Verdict.PROVED, Verdict.REFUTED, Verdict.UNKNOWN


def _doc(*displays: str, prose: str = "") -> str:
    return "# Notes\n\n" + (prose + "\n\n" if prose else "") + "\n\n".join(f"$${d}$$" for d in displays) + "\n"


def _verdicts(text: str, name: str = "t.md"):
    d = read_document(text, name, default_notation())
    results = [verify_check(c, SETTINGS) for c in checks_of(d)]
    return d, results


def _readings(step) -> str:
    return " | ".join(r.text for r in step.readings)


@pytest.mark.parametrize("display, verdict", [
    (r"(AB)^\top = B^\top A^\top", P),
    (r"(AB)^\top = A^\top B^\top", R),  # A and B are transposed: matrices, and the order matters
    (r"(A^\top)^\top = A", P),
    (r"(A + B)^\top = A^\top + B^\top", P),
    (r"\operatorname{tr}(AB) = \operatorname{tr}(BA)", P),
    (r"\operatorname{tr}(A + B) = \operatorname{tr}(A) + \operatorname{tr}(B)", P),
    (r"\operatorname{tr}(AB) = \operatorname{tr}(A) \operatorname{tr}(B)", R),
    (r"\operatorname{tr}(A^\top B) = \operatorname{tr}(B A^\top)", P),
    (r"u^\top v = v^\top u", P),
    (r"\|u + v\|^2 = \|u\|^2 + 2 u^\top v + \|v\|^2", P),
    (r"\|u + v\|^2 = \|u\|^2 + \|v\|^2", R),
    (r"\langle u, v \rangle = u^\top v", P),
])
def test_matrix_cookbook_identities_without_declarations(display, verdict):
    d, results = _verdicts(_doc(display))
    assert [r.verdict for r in results] == [verdict], results[0].detail
    assert all(r.kind == "inferred" for r in d.steps[0].readings)
    assert "from" in _readings(d.steps[0]) and "use" in _readings(d.steps[0])


def test_least_squares_and_ridge_gradients_with_inferred_x_w_y():
    d, results = _verdicts(_doc(
        r"\frac{\partial}{\partial w} \|Xw - y\|^2 = 2X^\top(Xw - y)",
        r"\frac{\partial}{\partial w} \|Xw - y\|^2 = X^\top(Xw - y)",
        r"\nabla_w \left( \|Xw - y\|^2 + \lambda \|w\|^2 \right) = 2X^\top(Xw - y) + 2\lambda w",
        r"\nabla_w \left( \|Xw - y\|^2 + \lambda \|w\|^2 \right) = 2X^\top(Xw - y) + \lambda w",
        r"\nabla_w \frac{1}{2} \|Xw - y\|^2 = X^\top X w - X^\top y",
    ))
    assert [r.verdict for r in results] == [P, R, P, R, P]
    text = _readings(d.steps[0])
    # y has X's row count, w its column count: one size each, never a number
    assert "$X$ is read as an $m \\times p$ matrix" in text
    assert "$y$ is read as a vector of length $m$" in text and "$w$ is read as a vector of length $p$" in text


def test_sizes_are_one_meaning_for_the_whole_document():
    # X X^T w only fits a square X: the document's X is then square (and the claim still false)
    d, results = _verdicts(_doc(r"\nabla_w \frac{1}{2} \|Xw - y\|^2 = X^\top X w - X^\top y",
                                r"\nabla_w \frac{1}{2} \|Xw - y\|^2 = X X^\top w - X^\top y"))
    assert [r.verdict for r in results] == [P, R]
    assert "$X$ is read as an $m \\times m$ matrix" in _readings(d.steps[0])


def test_quadratic_form_gradient_with_an_inferred_matrix():
    d, results = _verdicts(_doc(
        r"\frac{\partial}{\partial x} x^\top A x = (A + A^\top) x",
        r"\frac{\partial}{\partial x} x^\top A x = 2 A x",
        r"\frac{\partial}{\partial x} a^\top x = a",
    ))
    assert [r.verdict for r in results] == [P, R, P]
    assert "$A$ is read as an $N \\times N$ matrix from its use" in _readings(d.steps[0])


@pytest.mark.parametrize("display, verdict, words", [
    (r"AB = BA", U, "\\mathbb{R}^{n \\times n}"),  # true for numbers, false for matrices
    (r"(A+B)^2 = A^2 + 2AB + B^2", U, "are scalars"),
    (r"(A+B)^2 = A^2 + AB + BA + B^2", P, "as numbers and as matrices of every size"),
    (r"A(B + C) = AB + AC", P, "as numbers and as matrices of every size"),
    (r"AB = 2BA", R, "1x1 matrix is a number"),  # false for numbers: refuted under both readings
    (r"AB + BA = 3AB", R, "1x1 matrix is a number"),
])
def test_capitals_only_multiplied_together_are_decided_where_both_readings_agree(display, verdict, words):
    d, results = _verdicts(_doc(display))
    (result,) = results
    assert result.verdict is verdict, result.detail
    assert words in result.detail + " ".join(result.notes)
    assert "read both as numbers and as" in _readings(d.steps[0])


@pytest.mark.parametrize("prose", [
    "Here $A$ and $B$ are scalars.",
    "Here $A, B$ are real numbers.",
    r"Let $A \in \mathbb{R}$ and $B \in \mathbb{R}$.",
])
def test_a_declaration_as_numbers_wins(prose):
    d, results = _verdicts(_doc("AB = BA", "(A+B)^2 = A^2 + 2AB + B^2", prose=prose))
    assert [r.verdict for r in results] == [P, P]
    assert "matri" not in _readings(d.steps[0])


def test_a_declaration_as_matrices_wins():
    d, results = _verdicts(_doc("AB = BA", "(A+B)^2 = A^2 + AB + BA + B^2",
                                prose=r"Let $A, B \in \mathbb{R}^{n \times n}$."))
    assert [r.verdict for r in results] == [R, P]


def test_a_capital_also_used_as_a_number_is_a_number():
    d, results = _verdicts(_doc("AB = BA", r"\frac{A}{B} B = A"))
    assert [r.verdict for r in results] == [P, P]
    assert "real numbers" in _readings(d.steps[0])


def test_uses_that_contradict_each_other_make_the_steps_unknown_citing_both_lines():
    text = _doc(r"\sum_{j} A_{ij} x_j = (Ax)_i", r"A_i = 2")
    d, results = _verdicts(text)
    assert [r.verdict for r in results] == [U, U]
    assert "line 3" in d.steps[0].problem and "line 5" in d.steps[0].problem
    d, results = _verdicts(_doc(r"\|Xw - y\|^2 = (Xw - y)^\top (Xw - y)", r"w X = X w"))
    assert [r.verdict for r in results] == [U, U]
    assert "column vector before a matrix" in d.steps[0].problem
    assert "line 3" in d.steps[0].problem and "line 5" in d.steps[1].problem


def test_a_name_a_display_defines_is_typed_by_its_definition():
    d, results = _verdicts(_doc(r"F = X^\top X", r"F^\top = F", r"(X^\top X)^\top = X X^\top"))
    assert [r.verdict for r in results] == [U, P, R]
    assert "definition" in results[0].detail


def test_infer_unifies_sizes_over_products_sums_and_sides():
    formulas = [([(r"\|Xw - y\|^2", 1), (r"2 X^\top (Xw - y)", 1)], ["="]),
                ([(r"Z X", 2), (r"Z X", 2)], ["="])]
    got = infer(formulas, {"Z": ("matrix", "K", "M")}, lambda s: s, {"n"}, set())
    assert got.matrices == {"X": ("M", "m")}
    assert got.vectors == {"w": "m", "y": "M"}
    assert not got.ambiguous and not got.conflicts


def test_a_name_added_to_a_vector_and_to_an_entry_is_left_untyped():
    """y - m with y a vector makes m a vector; y_i - m elsewhere adds it to a number: a number as much as a vector,
    so it is typed neither way (and refused where it meets the vector as a guess)."""
    both = [([(r"y - m", 1)], []), ([(r"\sum_{i=1}^{n} |y_i - m|", 2)], [])]
    assert infer(both, {"y": ("vector", "n")}, lambda s: s, set(), set(), indices={"i"}).vectors == {}
    alone = [([(r"y - m", 1)], [])]
    assert infer(alone, {"y": ("vector", "n")}, lambda s: s, set(), set(), indices={"i"}).vectors == {"m": "n"}
    text = ("Data $y_1, \\dots, y_n \\in \\mathbb{R}$, location $m$ and scale $b > 0$: $p(y) = e^{-|y - m|}$ and\n\n$$\n"
            "\\ell(m, b) = n \\ln(2b) + \\frac{1}{b} \\sum_{i=1}^{n} |y_i - m|\n$$\n\n$$\n\\frac{\\partial \\ell}{\\partial b} = "
            "\\frac{n}{b} - \\frac{1}{b^2} \\sum_{i=1}^{n} |y_i - m|\n$$\n")
    results = [verify_check(c, Settings(timeout=20)) for c in checks_of(read_document(text, "doc.md", default_notation()))]
    assert results[-1].verdict is Verdict.PROVED


def test_infer_never_types_a_name_from_a_formula_it_cannot_parse():
    got = infer([([(r"A^\top \frac{", 1)], [])], {}, lambda s: s, set(), set())
    assert not got.matrices and not got.vectors
    parser()  # the parser is shared and still usable


def test_capitals_that_would_type_other_names_as_matrices_are_never_read_as_numbers():
    # As matrices, A and B would make x a vector; as numbers AB = BA holds: the document must say which.
    d, results = _verdicts(_doc("AB = BA", "A x = x A"))
    assert [r.verdict for r in results] == [U, U]
    assert "may be numbers or matrices" in d.steps[0].problem and "x a vector (line 5" in d.steps[0].problem
