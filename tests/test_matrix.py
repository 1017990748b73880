"""Matrix notation to index form: each construct, shape errors, conventions recorded."""

import pytest
import sympy as sp
from sympy import Identity, KroneckerDelta, MatrixSymbol, ZeroMatrix

from derive.errors import ShapeMismatch, Unsupported
from derive.matrix import (BROADCASTING, DENOMINATOR_LAYOUT, DIAGONAL, as_diagonal, derivative, diag, diagonal,
                           elementwise, hadamard, identity, matmul, ones, plus, shape_of, softmax_of, to_side, trace)
from derive.model import Assumptions, Axis, Check, Expect
from derive.normal import evaluate_derivatives, is_zero, normalize, rename_dummies
from derive.notation import dsigmoid, index, sigmoid, size, softmax, summation, unfold, vector
from derive.verify import Settings, verify_check

Dx, H, Dy = size("Dx"), size("H"), size("Dy")
x = MatrixSymbol("x", 1, Dx)
W1 = MatrixSymbol("W1", Dx, H)
b1 = MatrixSymbol("b1", 1, H)
W2 = MatrixSymbol("W2", H, Dy)
S = MatrixSymbol("S", H, H)
c = MatrixSymbol("c", 1, 1)
xv, Wv, bv, Sv = vector("x"), vector("W1"), vector("b1"), vector("S")
i, j = index("i", Dx), index("j", H)


def same(a, b) -> bool:
    """a and b are equal entries: their difference reduces to 0 in the sum normal form."""
    return is_zero(normalize(rename_dummies(unfold(sp.sympify(a) - sp.sympify(b)))))


# --- leaves and algebra ----------------------------------------------------------------------------

def test_symbols_become_indexed_entries_with_their_axes():
    row = to_side(x, indices=(i,))
    assert row.expr == xv[i] and row.axes == (Axis(1), Axis(Dx, i))
    mat = to_side(W1, indices=(i, j))
    assert mat.expr == Wv[i, j] and mat.shape == (Dx, H)
    scalar = to_side(c)
    assert scalar.axes == () and scalar.expr == sp.Symbol("c", real=True)


def test_product_sums_over_the_inner_index():
    side = to_side(x * W1, indices=(j,))
    assert side.shape == (1, H) and side.conventions == ()
    k = index("k", Dx)
    assert same(side.expr, summation(xv[k] * Wv[k, j], k))
    assert not same(side.expr, summation(Wv[k, j], k))


def test_outer_product_has_no_sum_and_a_product_of_three_nests_two_sums():
    outer = to_side(x.T * b1, indices=(i, j))
    assert outer.shape == (Dx, H) and outer.expr == xv[i] * bv[j]
    chain = to_side(x * W1 * S, indices=(j,))
    assert len(list(chain.expr.atoms(sp.Sum))) == 2


def test_sum_transpose_scalar_multiple_and_power():
    assert same(to_side(x * W1 + b1, indices=(j,)).expr, bv[j] + to_side(x * W1, indices=(j,)).expr)
    assert to_side(W1.T, indices=(j, i)).expr == Wv[i, j]
    assert to_side(3 * W1, indices=(i, j)).expr == 3 * Wv[i, j]
    k = index("k", H)
    j2 = index("j2", H)
    assert same(to_side(S ** 2, indices=(j, j2)).expr, summation(Sv[j, k] * Sv[k, j2], k))


def test_entrywise_functions_softmax_and_diagonals():
    z = x * W1 + b1
    entry = to_side(z, indices=(j,)).expr
    assert to_side(elementwise(sigmoid, z), indices=(j,)).expr == sigmoid(entry)
    assert to_side(sigmoid(z), indices=(j,)).expr == sigmoid(entry)
    assert to_side(sp.exp(z), indices=(j,)).expr == sp.exp(entry)
    assert to_side(hadamard(b1, b1), indices=(j,)).expr == bv[j] ** 2
    sm = to_side(softmax_of(b1), indices=(j,)).expr
    assert isinstance(sm, softmax) and sm.args[1] == j
    k = index("k", H)
    assert same(sm, sp.exp(bv[j]) / summation(sp.exp(bv[k]), k))
    j2 = index("j2", H)
    assert to_side(diag(b1), indices=(j, j2)).expr == KroneckerDelta(j, j2) * bv[j]


# --- shapes ----------------------------------------------------------------------------------------

def test_misfits_name_both_shapes():
    with pytest.raises(ShapeMismatch, match=r"1×Dx by H×Dy"):
        shape_of(matmul(x, W2))
    with pytest.raises(ShapeMismatch, match=r"Dx×H and H×Dy"):
        shape_of(plus(W1, W2))
    with pytest.raises(ShapeMismatch, match=r"2×3 by 2×3"):
        shape_of(matmul(MatrixSymbol("A", 2, 3), MatrixSymbol("B", 2, 3)))


def test_a_side_that_does_not_fit_carries_the_misfit_instead_of_raising():
    side = to_side(matmul(x, W2))
    assert side.misfit is not None and side.misfit.rule == "product"
    assert side.misfit.shapes == ((1, Dx), (H, Dy))
    assert not side.misfit.fits({Dx: 2, H: 3, Dy: 1}) and side.misfit.fits({Dx: 2, H: 2, Dy: 1})
    assert "1×2 matrix by a 3×1 one: 2 columns against 3 rows" in side.misfit.describe({Dx: 2, H: 3, Dy: 1})
    summed = to_side(plus(W1, W2))
    assert summed.misfit.rule == "same" and not summed.misfit.fits({Dx: 1, H: 2, Dy: 3})
    # a misfit that a convention resolves is a problem, not a misfit: the convention was not asked for
    wide = to_side(hadamard(W1, b1))
    assert wide.misfit is None and "broadcasting" in wide.problem


def test_broadcasting_only_when_asked_and_then_recorded():
    wide = hadamard(W1, elementwise(dsigmoid, b1))
    with pytest.raises(ShapeMismatch, match="broadcasting"):
        shape_of(wide)
    side = to_side(wide, indices=(i, j), allow=(BROADCASTING,))
    assert side.shape == (Dx, H) and side.conventions == (BROADCASTING,)
    assert side.expr == Wv[i, j] * dsigmoid(bv[j])
    assert to_side(plus(W1, b1), indices=(i, j), allow=(BROADCASTING,)).expr == Wv[i, j] + bv[j]
    assert to_side(W1 + W1, allow=(BROADCASTING,)).conventions == ()


def test_diagonal_reading_is_a_convention():
    with pytest.raises(ShapeMismatch, match="diagonal"):
        shape_of(as_diagonal(b1))
    side = to_side(as_diagonal(b1), allow=(DIAGONAL,))
    assert side.shape == (H, H) and side.conventions == (DIAGONAL,)
    assert "row or column vector" in to_side(softmax_of(W1)).problem


def test_indices_must_run_over_their_axis():
    with pytest.raises(ShapeMismatch, match="does not run over"):
        to_side(x, indices=(j,))
    with pytest.raises(ShapeMismatch, match="needs 2 indices"):
        to_side(W1, indices=(i,))


# --- derivatives -----------------------------------------------------------------------------------

def test_jacobian_layouts_and_gradient_shapes():
    z = x * W1 + b1
    assert shape_of(derivative(z, x)) == (H, Dx)
    den = to_side(derivative(z, x, layout="denominator"))
    assert den.shape == (Dx, H) and den.conventions == (DENOMINATOR_LAYOUT,)
    scalar = matmul(z, b1.T)
    assert shape_of(derivative(scalar, x)) == (1, Dx)
    assert shape_of(derivative(scalar, x, layout="denominator")) == (Dx, 1)
    assert shape_of(derivative(scalar, W1)) == (Dx, H)
    with pytest.raises(Unsupported, match="more than two axes"):
        shape_of(derivative(z, W1))
    with pytest.raises(ValueError, match="layout"):
        derivative(z, x, layout="mixed")


def test_jacobian_entries_are_derivatives_of_entries():
    side = to_side(derivative(x * W1 + b1, x, layout="denominator"), indices=(i, j))
    assert isinstance(side.expr, sp.Derivative) and side.expr.variables == (xv[i],)
    assert same(evaluate_derivatives(side.expr), Wv[i, j])


def test_derivative_at_a_value_is_carried_out_and_substituted():
    z1 = MatrixSymbol("z1", 1, H)
    j2 = index("j2", H)
    side = to_side(derivative(elementwise(sigmoid, z1), z1, at=x * W1 + b1), indices=(j, j2))
    assert not side.expr.has(sp.Derivative)
    assert not any(a.base == vector("z1") for a in side.expr.atoms(sp.Indexed))
    value = to_side(x * W1 + b1, indices=(j,)).expr
    assert same(side.expr, KroneckerDelta(j, j2) * dsigmoid(value))
    assert "value" in to_side(derivative(elementwise(sigmoid, z1), z1, at=x)).problem


def _check(lhs, rhs):
    return Check(id="t/matrix/1#1", derivation="t/matrix", source="tests", label="(1)", part="link",
                 lhs=lhs, rhs=rhs, assume=Assumptions(),
                 expect=Expect.parse("proved under convention"))


def test_verdicts_carry_the_conventions_of_the_notation():
    proved = verify_check(_check(to_side(derivative(x * W1 + b1, x, layout="denominator")), to_side(W1)),
                          Settings(timeout=10))
    assert proved.matches and proved.conventions == (DENOMINATOR_LAYOUT,)
    transposed = verify_check(_check(to_side(derivative(x * W1 + b1, x)), to_side(W1)), Settings(timeout=10))
    assert transposed.verdict.value == "proved" and "transposition" in transposed.conventions[0]
    wrong = verify_check(_check(to_side(derivative(x * W1, x, layout="denominator")), to_side(2 * W1)),
                         Settings(timeout=10))
    assert wrong.verdict.value == "refuted"


def test_identity_zero_and_unknown_constructs():
    j2 = index("j2", H)
    assert to_side(Identity(H), indices=(j, j2)).expr == KroneckerDelta(j, j2)
    assert to_side(ZeroMatrix(1, H)).expr == 0
    assert "positive integer powers" in to_side(sp.Inverse(S)).problem
    with pytest.raises(Unsupported, match="positive integer powers"):
        shape_of(sp.Inverse(S))


def test_a_class_vector_times_a_feature_vector_does_not_fit():
    C, D = size("C"), size("D")
    y, y_true, xc = MatrixSymbol("y", C, 1), MatrixSymbol("y'", C, 1), MatrixSymbol("x", D, 1)
    with pytest.raises(ShapeMismatch, match=r"C×1 by D×1"):
        shape_of(matmul(y - y_true, xc))
    assert shape_of(matmul(y - y_true, xc.T)) == (C, D)


# --- traces, diagonals, identity and ones; claims that do not fit ----------------------------------

m, n, p = size("m"), size("n"), size("p")
A, B, C = MatrixSymbol("A", m, n), MatrixSymbol("B", n, p), MatrixSymbol("C", n, m)
Q, v = MatrixSymbol("Q", n, n), MatrixSymbol("v", n, 1)


def test_trace_diagonal_identity_and_ones_have_index_forms():
    a, b = index("a", n), index("b", n)
    k = index("k", n)
    assert same(to_side(sp.Trace(Q)).expr, summation(vector("Q")[k, k], k))
    assert to_side(sp.Trace(Q)).axes == ()
    assert to_side(diagonal(Q), indices=(a,)).expr == vector("Q")[a, a]
    assert same(to_side(matmul(ones().T, v)).expr, summation(vector("v")[k], k))
    assert to_side(matmul(identity(), v), indices=(a,)).shape == (n, 1)
    assert same(to_side(plus(Q, identity()), indices=(a, b)).expr, vector("Q")[a, b] + KroneckerDelta(a, b))
    # a size nothing gives: refused, never guessed
    assert "write its size" in to_side(matmul(ones().T, ones())).problem
    assert "not square" in str(pytest.raises(ShapeMismatch, shape_of, trace(A)).value)
    assert "may not be square" in to_side(diagonal(A)).problem


def _verdicts(*pairs):
    from derive import check
    from derive.catalog.build import derivation, step

    d = derivation("t", topic="t", source="tests", title="t", statement="",
                   steps=[step(str(k), "", a, b) for k, (a, b) in enumerate(pairs)])
    return check(d, Settings(timeout=20))


def test_true_matrix_identities_are_proved_for_all_sizes():
    results = _verdicts(((A * B).T, B.T * A.T), (sp.Trace(A * C), sp.Trace(C * A)),
                        (sp.trace(Q + Q.T), 2 * sp.Trace(Q)), (matmul(v.T, Q, v), matmul(v.T, Q.T, v)),
                        (derivative(matmul(v.T, Q, v), v, layout="denominator"), matmul(Q + Q.T, v)))
    assert [r.verdict.value for r in results] == ["proved"] * 5, [r.detail for r in results]
    assert results[0].sizes == ("m", "n", "p")


def test_false_identities_and_claims_that_do_not_fit_are_refuted():
    wrong, shapes, square = _verdicts((matmul(Q, v), matmul(Q.T, v)), ((A * B).T, matmul(A.T, B.T)),
                                      (trace(matmul(A, A)), 0))
    assert wrong.verdict.value == "refuted" and not wrong.counterexample.reason
    assert shapes.verdict.value == "refuted"
    cx = shapes.counterexample
    assert cx.sizes == {"m": 1, "n": 1, "p": 2} and "1×1 matrix by a 2×1 one" in cx.reason
    assert "right side" in cx.reason
    assert square.verdict.value == "refuted" and "left side" in square.counterexample.reason


def test_a_construct_without_index_form_makes_its_step_unknown_not_the_file_fail():
    (result,) = _verdicts((sp.Inverse(Q) * v, v))
    assert result.verdict.value == "unknown" and "positive integer powers" in result.detail


def test_a_python_file_with_traces_and_a_misfit_loads_and_each_step_gets_its_verdict(tmp_path):
    from derive.read.sources import load_path

    path = tmp_path / "matrix_derivation.py"
    path.write_text(
        "import sympy as sp\n"
        "from sympy import MatrixSymbol\n"
        "from derive import derivation, side, size, step\n"
        "from derive.matrix import matmul\n"
        "m, n = size('m'), size('n')\n"
        "A, B, Q = MatrixSymbol('A', m, n), MatrixSymbol('B', n, m), MatrixSymbol('Q', n, n)\n"
        "D = derivation('traces', topic='matrix', source='f.py', title='Traces', statement='', steps=[\n"
        "    step('cyclic', '', sp.Trace(A * B), sp.trace(B * A)),\n"
        "    step('misfit', '', matmul(A, A), A * B),\n"
        "    step('power', '', sp.Inverse(Q) * A.T, A.T),\n"
        "    step('side', '', side(sp.Trace(Q)), side(sp.Trace(Q.T))),\n"
        "])\n")
    (d,) = load_path(path)
    verdicts = [r.verdict.value for r in _check_all(d)]
    assert verdicts == ["proved", "refuted", "unknown", "proved"]


def _check_all(d):
    from derive import check

    return check(d, Settings(timeout=20))
