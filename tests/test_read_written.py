"""Vectors and matrices written out with dots: the pattern the entries show, checked on every entry."""

from __future__ import annotations

import pytest
import sympy as sp
from sympy import KroneckerDelta

from derive.errors import FormulaError
from derive.model import Verdict, checks_of
from derive.notation import size, sigmoid, vector
from derive.read.document import read_document
from derive.read.notation_file import default_notation, parse_notation
from derive.read.reader import Reader
from derive.read.values import column_index, entry_index
from derive.verify import Settings, verify_check

N = size("N")
x, a, b, s, theta = (vector(n) for n in ("x", "a", "b", "s", "theta"))
P, Q = entry_index(N), column_index(N)
j = sp.Idx("j", (1, N))
S = sp.Sum(sp.exp(x[j]), (j, 1, N))


@pytest.fixture(scope="module")
def read():
    reader = Reader(default_notation())
    return reader.read


# --- vectors -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, row", [
    (r"[a_1, a_2, \dots, a_N]", True),
    (r"\left[a_1, a_2, \ldots, a_n\right]", True),
    (r"(a_1, a_2, \cdots, a_K)", True),
    (r"[a_1, a_2, ..., a_N]", True),
    (r"[a_{1}, a_{2}, \dotsc, a_{N}]", True),
    (r"(a_1, \ldots, a_n)^\top", False),
    (r"[a_1, a_2, \dots, a_N]^T", False),
    (r"\begin{bmatrix} a_1 \\ \vdots \\ a_N \end{bmatrix}", False),
    (r"\begin{pmatrix} a_1 \\ a_2 \\ \vdots \\ a_N \end{pmatrix}", False),
    (r"\begin{bmatrix} a_1 & a_2 & \cdots & a_N \end{bmatrix}", True),
    (r"\begin{bmatrix} a_1 \\ \vdots \\ a_N \end{bmatrix}^\top", True),
])
def test_a_list_of_entries_is_the_vector_they_show(read, text, row):
    v = read(text)
    assert (v.expr, v.size, v.row) == (a[P], N, row)


def test_the_pattern_is_what_the_entries_share_beyond_their_index(read):
    v = read(r"\left[\frac{e^{x_1}}{\sum_{j=1}^N e^{x_j}}, \frac{e^{x_2}}{\sum_{j=1}^N e^{x_j}}, \dots, "
             r"\frac{e^{x_N}}{\sum_{j=1}^N e^{x_j}}\right]")
    assert v.expr == sp.exp(x[P]) / S and v.size == N and v.row
    v = read(r"[\operatorname{sigmoid}(\theta_1), \operatorname{sigmoid}(\theta_2), ..., \operatorname{sigmoid}(\theta_K)]")
    assert v.expr == sigmoid(theta[P])
    # the index as a value, and a constant that is also the size
    assert read(r"[1, 2, \dots, N]").expr == P
    assert read(r"[\frac{x_1}{N}, \frac{x_2}{N}, \dots, \frac{x_N}{N}]").expr == x[P] / N


def test_a_list_by_its_entry(read):
    for text in (r"[e^{x_i}]_{i=1}^{N}", r"\left[e^{x_i}\right]_{i=1 \dots N}"):
        v = read(text)
        assert (v.expr, v.size, v.row) == (sp.exp(x[P]), N, False)


def test_the_length_is_the_last_index_declared_or_not():
    extra, _ = parse_notation('[sizes]\nM = ["m"]')
    reader = Reader(extra.over(default_notation()))
    assert reader.read(r"[a_1, a_2, \dots, a_M]").size == size("M")
    assert Reader(default_notation()).read(r"[a_1, a_2, \dots, a_D]").size == size("D")


def test_a_list_without_dots_is_a_vector_of_that_length(read):
    v = read(r"[u, w, z]")
    p = entry_index(3)
    u, w, z = (sp.Symbol(n, real=True) for n in "uwz")
    assert v.size == 3 and v.row
    assert v.expr == u * KroneckerDelta(p, 1) + w * KroneckerDelta(p, 2) + z * KroneckerDelta(p, 3)
    assert not read(r"(u, w)^\top").row


@pytest.mark.parametrize("text, reason", [
    (r"[x_1, x_3, \dots, x_N]", "steps of 1"),
    (r"[x_0, x_1, \dots, x_N]", "runs from 1"),
    (r"[x_1, x_2, \dots, y_N]", "the last entry shows y where the other entries show x"),
    (r"[x_1, x_2, x_4, \dots, x_N]", "the third entry shows 4"),
    (r"[e^{x_1}, e^{x_2}, \dots, x_N]", "the last entry"),
    (r"[x_1, x_2, \dots, x_2]", "the last entry shows 2"),
    (r"[1, \dots, N]", "one entry before the dots"),
    (r"[x_1, \dots, x_{N-1}, x_N]", "entries after the ellipsis"),
    (r"[\dots, x_N]", "opens with an ellipsis"),
    (r"[x_1, \dots, x_2, \dots, x_N]", "between the two ellipses"),
    (r"[x_1, \dots, x_2, \dots, x_3, \dots, x_N]", "3 ellipses"),
    (r"[c, c, \dots, c]", "do not show the index"),
    (r"[x_1, x_2, \dots, x_k]", "not a length"),
    (r"[\frac{a_1}{M}, \frac{a_2}{M}, \dots, \frac{a_M}{M}]", "declare M as a size"),
    (r"[x, x, \dots, x_N]", "does not fit"),
    (r"\begin{vmatrix} a_1 \\ \vdots \\ a_N \end{vmatrix}", "determinant"),
    (r"[a_1, a_2, \dots, a_N]^2", "no script but a transpose"),
    (r"\dots + a_N", "only between the entries"),  # (a_1 + \dots + a_N is a sum: see below)
    (r"[x_1 x, x_2 x, \dots, x_N x]", "itself a vector"),
    (r"[x_1, x_2, \dots, x_M]", "x runs to N"),
    (r"[e^{x_i}]_{i=1}^{M}", "x runs to N"),
    (r"[x_i]_{i=0}^{N}", "runs from 1"),
])
def test_entries_that_do_not_show_one_pattern_are_refused_with_the_reason(read, text, reason):
    with pytest.raises(FormulaError) as info:
        read(text)
    assert reason in str(info.value)


def test_a_single_entry_before_the_dots_is_read_only_for_entries_of_a_named_vector(read):
    assert read(r"[x_1, \dots, x_N]").expr == x[P]
    with pytest.raises(FormulaError, match="write two"):
        read(r"[\frac{1}{1}, \dots, \frac{1}{N}]")
    assert read(r"[\frac{1}{1}, \frac{1}{2}, \dots, \frac{1}{N}]").expr == 1 / P


# --- matrices ----------------------------------------------------------------------------------------

OUTER = r"\begin{bmatrix} a_1 b_1 & a_1 b_2 & \dots & a_1 b_N \\ a_2 b_1 & a_2 b_2 & \dots & a_2 b_N \\ " \
        r"\vdots & \vdots & \ddots & \vdots \\ a_N b_1 & a_N b_2 & \dots & a_N b_N \end{bmatrix}"
DIAGONAL = r"\begin{pmatrix} 1 - s_1 & -s_2 & \dots & -s_N \\ -s_1 & 1 - s_2 & \dots & -s_N \\ " \
           r"\vdots & \vdots & \ddots & \vdots \\ -s_1 & -s_2 & \dots & 1 - s_N \end{pmatrix}"


def test_a_matrix_is_read_by_its_entry_in_row_and_column(read):
    v = read(OUTER)
    assert (v.expr, v.size, v.cols) == (a[P] * b[Q], N, N)
    t = read(OUTER + r"^\top")
    assert t.expr == a[Q] * b[P]


def test_a_diagonal_and_an_off_diagonal_pattern_join_with_kroneckers_delta(read):
    v = read(DIAGONAL)
    delta = KroneckerDelta(P, Q)
    assert v.expr == delta * (1 - s[P]) + (1 - delta) * (-s[Q])
    assert v.size == v.cols == N


@pytest.mark.parametrize("text, reason", [
    (OUTER.replace("a_2 b_2", "a_2 b_3"), "row 2, column 2 shows 3"),
    (DIAGONAL.replace(r"-s_1 & -s_2 & \dots & 1 - s_N", r"-s_1 & -s_3 & \dots & 1 - s_N"),
     "the last row, column 2 shows 3"),
    (DIAGONAL.replace(r"1 - s_N \end", r"1 + s_N \end"), "the last row, the last column does not fit"),
    (r"\begin{pmatrix} x_1 & \dots & x_N \\ \vdots & \ddots & \vdots \\ x_1 & \dots & x_N \end{pmatrix}",
     "do not show the row index"),
    (r"\begin{bmatrix} a_1 & \dots & a_N \\ \vdots & \ddots & \vdots \end{bmatrix}", "last row"),
    (r"\begin{bmatrix} a_1 & a_2 \\ a_3 \end{bmatrix}", "different numbers of entries"),
    (r"x + " + OUTER, "a sum of N×1 and N×N"),  # (x a vector by default)
])
def test_a_matrix_entry_that_does_not_fit_is_named(read, text, reason):
    with pytest.raises(FormulaError) as info:
        read(text)
    assert reason in str(info.value)


def test_the_jacobian_d_x_is_a_matrix_or_a_row(read):
    v = read(r"D_x \log \sigma(x)")
    assert (v.expr, v.size, v.cols) == (sp.Derivative(sp.log(sigmoid(x[P])), x[Q]), N, N)
    g = read(r"D_{\mathbf{x}} \sum_{j=1}^N x_j^2")
    assert g.row and g.cols is None and g.size == N


# --- verdicts ----------------------------------------------------------------------------------------

SOFTMAX_ROW = r"\left[\frac{e^{x_1}}{\sum_{j=1}^N e^{x_j}}, \frac{e^{x_2}}{\sum_{j=1}^N e^{x_j}}, \dots, " \
              r"\frac{e^{x_N}}{\sum_{j=1}^N e^{x_j}}\right]"
JACOBIAN = r"\begin{bmatrix} 1 - \frac{e^{x_1}}{\sum_{j=1}^N e^{x_j}} & -\frac{e^{x_2}}{\sum_{j=1}^N e^{x_j}} & \dots & " \
           r"-\frac{e^{x_N}}{\sum_{j=1}^N e^{x_j}} \\ -\frac{e^{x_1}}{\sum_{j=1}^N e^{x_j}} & 1 - \frac{e^{x_2}}" \
           r"{\sum_{j=1}^N e^{x_j}} & \dots & -\frac{e^{x_N}}{\sum_{j=1}^N e^{x_j}} \\ \vdots & \vdots & \ddots & \vdots " \
           r"\\ -\frac{e^{x_1}}{\sum_{j=1}^N e^{x_j}} & -\frac{e^{x_2}}{\sum_{j=1}^N e^{x_j}} & \dots & 1 - " \
           r"\frac{e^{x_N}}{\sum_{j=1}^N e^{x_j}} \end{bmatrix}"
DIAGONAL_ROW = r"\left[\frac{\partial (x_1 - \log \sum_{j=1}^N e^{x_j})}{\partial x_1}, \frac{\partial (x_2 - \log " \
               r"\sum_{j=1}^N e^{x_j})}{\partial x_2}, \dots, \frac{\partial (x_N - \log \sum_{j=1}^N e^{x_j})}{\partial x_N}\right]"

DOC = rf"""# Written out

$$x^\top = [x_1, x_2, \dots, x_N] \tag{{1}}$$

$$\operatorname{{softmax}}(x)^\top = {SOFTMAX_ROW} \tag{{2}}$$

$$\operatorname{{softmax}}(x)^\top = [e^{{x_1}}, e^{{x_2}}, \dots, e^{{x_N}}] \tag{{3}}$$

$$D_x \log \operatorname{{softmax}}(x) = {JACOBIAN} \tag{{4}}$$

$$D_x \log \operatorname{{softmax}}(x) = {JACOBIAN.replace('1 - ', '')} \tag{{5}}$$

$$\begin{{aligned}}
D_x \log \operatorname{{softmax}}(x) &\in \mathbb{{R}}^{{N \times N}} = \\
&{DIAGONAL_ROW} \tag{{6}}
\end{{aligned}}$$

$$\operatorname{{softmax}}(x) = {SOFTMAX_ROW} \tag{{7}}$$

$$[u, w] + [y_1, y_2] = [u + y_1, w + y_2] = [u - y_1, w + y_2] \tag{{8}}$$

$${JACOBIAN} = \delta_{{ik}} - \frac{{e^{{x_k}}}}{{\sum_{{j=1}}^N e^{{x_j}}}} \tag{{9}}$$

$$\frac{{\partial(\log(e^{{x_1}})}}{{\partial x_1}} = 1 \tag{{10}}$$
"""


@pytest.fixture(scope="module")
def verdicts():
    notation, _ = parse_notation('scalars = ["u", "w"]\n[vectors]\ny = "N"\n[onehot]')
    d = read_document(DOC, "written.md", notation.over(default_notation()))
    return {c.id: verify_check(c, Settings(timeout=30)) for c in checks_of(d)}


def test_a_true_written_out_identity_is_proved(verdicts):
    assert verdicts["written/1#1"].verdict is Verdict.PROVED and not verdicts["written/1#1"].conventions
    assert verdicts["written/2#1"].verdict is Verdict.PROVED
    assert verdicts["written/4#1"].verdict is Verdict.PROVED


def test_a_false_written_out_identity_is_refuted(verdicts):
    assert verdicts["written/3#1"].verdict is Verdict.REFUTED
    assert verdicts["written/5#1"].verdict is Verdict.REFUTED
    assert verdicts["written/8#1"].verdict is Verdict.PROVED
    assert verdicts["written/8#2"].verdict is Verdict.REFUTED


def test_a_row_of_diagonal_entries_against_the_jacobian_is_refuted_by_shape(verdicts):
    r = verdicts["written/6#1"]
    assert r.verdict is Verdict.REFUTED
    assert r.counterexample.lhs_shape == "2×2" and r.counterexample.rhs_shape == "1×2"


def test_a_row_against_a_column_holds_only_up_to_transposition(verdicts):
    r = verdicts["written/7#1"]
    assert r.verdict is Verdict.PROVED and any("transposition" in c for c in r.conventions)


def test_a_matrix_against_a_formula_in_free_indices_is_not_checked(verdicts):
    r = verdicts["written/9#1"]
    assert r.verdict is Verdict.UNKNOWN and "free indices i, k" in r.detail


def test_a_parenthesis_left_open_in_a_fraction_is_read_under_a_named_convention(verdicts):
    r = verdicts["written/10#1"]
    assert r.verdict is Verdict.PROVED and any("left open" in c for c in r.conventions)


TRANSPOSED = r"\begin{bmatrix} a_1 b_1 & a_2 b_1 & \dots & a_N b_1 \\ a_1 b_2 & a_2 b_2 & \dots & a_N b_2 \\ " \
             r"\vdots & \vdots & \ddots & \vdots \\ a_1 b_N & a_2 b_N & \dots & a_N b_N \end{bmatrix}"

DEFINED = rf"""# Defined

$$A = {OUTER}$$

$$A^\top = {TRANSPOSED} = {OUTER}$$

$$z = [u_1, u_2, \dots, u_N]$$

$$z = [u_1, u_2, \dots, u_N] = [u_1^2, u_2^2, \dots, u_N^2]$$

Let $c$ be a real number.

$$c A = A$$
"""


def test_a_name_defined_by_a_written_out_array_keeps_its_shape():
    d = read_document(DEFINED, "defined.md", default_notation())
    steps = {s.label: s for s in d.steps}
    assert "definition of A" in steps["line 3"].problem and "definition of z" in steps["line 7"].problem
    results = {c.id: verify_check(c, Settings(timeout=30)) for c in checks_of(d)}
    assert results["defined/line-5#1"].verdict is Verdict.PROVED
    assert results["defined/line-5#2"].verdict is Verdict.REFUTED  # a_k b_i against a_i b_k
    assert results["defined/line-9#1"].verdict is Verdict.PROVED
    assert results["defined/line-9#2"].verdict is Verdict.REFUTED
    # a number times a written-out matrix is read as a matrix product reads it: c A = A only for c = 1
    assert results["defined/line-13#1"].verdict is Verdict.REFUTED


def test_a_list_that_does_not_show_its_indices_is_refused(read):
    with pytest.raises(FormulaError, match="show their indices"):
        read(r"[1, 0, \dots, 0]")


def test_an_undeclared_length_used_as_a_number_elsewhere_is_refused():
    text = "# m\n\n$$[a_1, a_2, \\dots, a_M] = [b_1, b_2, \\dots, b_M]$$\n\n$$M + 1 = 1 + M$$\n"
    first = read_document(text, "m.md", default_notation()).steps[0]
    assert "used as a number elsewhere" in first.problem
    alone = read_document(text.split("$$M")[0], "m.md", default_notation()).steps[0]
    assert not alone.problem and alone.terms[0].shape == (1, size("M"))


# --- sums written out --------------------------------------------------------------------------------

def _summed(value):
    """(body, bound index, upper limit) of a value that is one sum over an index."""
    assert isinstance(value.expr, sp.Sum) and len(value.expr.limits) == 1
    (k, lower, upper), = value.expr.limits
    assert lower == 1
    return value.expr.function, k, upper


@pytest.mark.parametrize("text, body", [
    (r"a_1 + a_2 + \dots + a_N", lambda k: a[k]),
    (r"e^{x_1} + \cdots + e^{x_N}", lambda k: sp.exp(x[k])),
    (r"a_1 b_1 + a_2 b_2 + \ldots + a_N b_N", lambda k: a[k] * b[k]),
    (r"a_1^2 + \dots + a_j^2 + \dots + a_N^2", lambda k: a[k] ** 2),  # a typical term between two ellipses
])
def test_a_sum_written_out_with_an_ellipsis_is_the_sum_over_the_index_its_terms_show(read, text, body):
    value = read(text)
    function, k, upper = _summed(value)
    assert upper == N and function == body(k) and not value.is_vector


@pytest.mark.parametrize("text, reason", [
    (r"a_1 - a_2 + \dots + a_N", "only with + between its terms"),
    (r"a_1 + a_3 + \dots + a_N", "steps of 1"),
    (r"1 + x + \frac{x^2}{2} + \dots", "after the ellipsis"),  # a series: no last term
    (r"a_1 + \dots + a_2 + \dots + a_N", "between the ellipses"),
    (r"a_1 + \dots + b_j + \dots + a_N", "between the ellipses"),
    (r"\frac{d}{dx_2} x_1 + \dots + x_N", "put the sum in parentheses"),  # operator on the first term, or all?
    (r"a_1 + \dots + a_N + \dots + a_M", "ellipses"),
])
def test_a_written_out_sum_without_one_clear_pattern_is_refused_with_how_to_write_it(read, text, reason):
    with pytest.raises(FormulaError, match=reason.replace("(", r"\(").replace("+", r"\+")):
        read(text)


def test_written_out_sums_are_checked_for_every_length():
    doc = r"""# Sums

$$x_1 + x_2 + \dots + x_N = \sum_{i=1}^{N} x_i$$

$$1 + 2 + \dots + n = \frac{n(n+1)}{2}$$

$$\frac{1}{e^{x_1} + \dots + e^{x_N}} = \frac{1}{\sum_j e^{x_j}}$$

$$x_1 + \dots + x_j + \dots + x_N = \sum_{m=1}^{N} x_m + 1$$

$$x_1^2 + x_2^2 + \dots + x_N^2 = \left(\sum_{i=1}^{N} x_i\right)^2$$
"""
    d = read_document(doc, "sums.md", default_notation())
    r = [verify_check(c, Settings(timeout=20)).verdict for c in checks_of(d)]
    assert r == [Verdict.PROVED, Verdict.PROVED, Verdict.PROVED, Verdict.REFUTED, Verdict.REFUTED]


def test_a_general_entry_between_two_ellipses_is_read_as_the_list(read):
    value = read(r"[x_1, \dots, x_j, \dots, x_N]")
    assert value == read(r"[x_1, x_2, \dots, x_N]")


def test_a_written_out_matrix_takes_part_in_products_and_sums(read):
    twice = read("2" + OUTER)
    assert twice.is_matrix and twice.size == twice.cols == N
    value = read(OUTER + " - " + OUTER)
    assert value.is_matrix and sp.simplify(value.expr) == 0
