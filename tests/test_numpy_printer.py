"""The NumPy printer maps index notation onto whole arrays, and the printed code computes the maths."""

import numpy
import pytest
import sympy as sp

from derive.errors import Unsupported
from derive.notation import index, sigmoid, size, softmax, summation, vector
from derive.numpy_printer import Context, ExceptSum, SignBit, to_entry, to_numpy, to_numpy_inplace

N, D = size("N"), size("D")
i, j, k = index("i", N), index("j", N), index("k", N)
d = index("d", D)
x, W = vector("x"), vector("W")
m = sp.Symbol("m", real=True)
CTX = Context(sizes={N: "x.shape[-1]"}, rows=frozenset({m}), gathers={k: "k"})


def run(code: str, **arrays):
    return eval(code, {"numpy": numpy, "softmax": lambda v: numpy.exp(v) / numpy.exp(v).sum(-1, keepdims=True),
                       "sigmoid": lambda v: 1 / (1 + numpy.exp(-v)), "_sum_except": _sum_except,
                       "_take": lambda a, k: numpy.take_along_axis(a, k, axis=-1), **arrays})


def _sum_except(a, k):
    numpy.put_along_axis(a, k, 0, axis=-1)
    return a.sum(-1, keepdims=True)


def test_free_index_is_the_last_axis_and_a_sum_reduces_with_keepdims():
    code = to_numpy(sp.exp(x[i] - m) / summation(sp.exp(x[j] - m), j), (i,), CTX)
    assert "keepdims=True" in code and "for " not in code
    a = numpy.random.default_rng(0).normal(size=(3, 4))
    got = run(code, x=a, m=a.max(-1, keepdims=True))
    numpy.testing.assert_allclose(got, numpy.exp(a) / numpy.exp(a).sum(-1, keepdims=True))


def test_two_free_indices_broadcast_to_a_matrix_with_an_identity_for_the_delta():
    code = to_numpy(x[i] * (sp.KroneckerDelta(i, j) - x[j]), (i, j), CTX)
    assert "[..., :, None]" in code and "[..., None, :]" in code and "numpy.eye" in code
    a = numpy.arange(6.0).reshape(2, 3)
    got = run(code, x=a)
    assert got.shape == (2, 3, 3)
    numpy.testing.assert_allclose(got[1], numpy.diag(a[1]) - numpy.outer(a[1], a[1]))


def test_sum_against_a_parameter_matrix_is_a_matrix_product():
    code = to_numpy(summation(W[d, i] * sigmoid(x[i]), i), (d,), CTX)
    assert "@" in code
    a, w = numpy.ones((5, 3)), numpy.arange(6.0).reshape(2, 3)
    numpy.testing.assert_allclose(run(code, x=a, W=w), (1 / (1 + numpy.exp(-a))) @ w.T)


def test_log_of_one_plus_is_log1p_and_except_sum_leaves_out_the_gathered_entry():
    code = to_numpy(sp.log(1 + ExceptSum(sp.exp(x[i] - x[k]), i, k)), (i,), CTX)
    assert code.startswith("numpy.log1p(") and "_take(x, k)" in code
    a = numpy.array([[0.0, -50.0, -60.0]])
    got = run(code, x=a, k=a.argmax(-1)[..., None])
    numpy.testing.assert_allclose(got, numpy.log1p(numpy.exp(-50.0) + numpy.exp(-60.0)), rtol=1e-15)


def test_functions_are_calls_and_a_scalar_context_reduces_without_keepdims():
    code = to_numpy(-summation(x[j] * sp.log(softmax(sp.Lambda(i, x[i]), j)), j), (), CTX)
    assert code == "-numpy.add.reduce(log_softmax(x)*x, axis=-1)"
    assert to_numpy(sp.exp(sp.Min(x[i], 0)) / (1 + sp.exp(-sp.Abs(x[i]))), (i,), CTX) == \
        "numpy.exp(numpy.minimum(x, 0))/(1 + numpy.exp(numpy.copysign(x, -1)))"


def test_an_index_without_an_axis_is_refused():
    with pytest.raises(Unsupported):
        to_numpy(x[j], (i,), CTX)


# --- evaluation in one buffer ----------------------------------------------------------------

ONE = Context(sizes={N: "x.shape[-1]"}, inplace=True)
t0 = vector("t0")


def run_inplace(expr, own=(), **arrays):
    alloc, code = to_numpy_inplace(expr, i, ONE, own)
    space = {"numpy": numpy, **arrays}
    if alloc:
        exec(alloc, space)
    return alloc, code, eval(code, space)


def test_the_spine_writes_into_the_buffer_its_first_operation_allocates():
    a = numpy.random.default_rng(0).normal(size=(3, 4))
    keep = a.copy()
    alloc, code, got = run_inplace(1 / (1 + sp.exp(-x[i])), x=a)
    assert alloc == "r = -x"
    assert code == "numpy.divide(1, numpy.add(numpy.exp(r, out=r), 1, out=r), out=r)"
    numpy.testing.assert_array_equal(got, 1 / (1 + numpy.exp(-a)))
    numpy.testing.assert_array_equal(a, keep)  # the argument is only read


def test_an_own_array_is_overwritten_and_may_be_read_before_the_first_write():
    a = numpy.exp(numpy.random.default_rng(1).normal(size=(2, 5)))
    expected = a / a.sum(-1, keepdims=True)
    alloc, code, got = run_inplace(t0[i] / summation(t0[i], i), own={t0}, t0=a)
    assert alloc is None and code.startswith("numpy.divide(t0, ") and code.endswith("out=t0)")
    assert got is a
    numpy.testing.assert_allclose(got, expected, rtol=1e-15)


def test_an_own_array_read_after_the_spine_wrote_it_is_not_overwritten():
    # (t0 + 1) is written into t0 before e^{t0} would be read: the printer allocates instead.
    a = numpy.random.default_rng(2).normal(size=(4,))
    keep = a.copy()
    alloc, code, got = run_inplace(sp.exp(t0[i]) / (t0[i] + 1), own={t0}, t0=a)
    numpy.testing.assert_allclose(got, numpy.exp(keep) / (keep + 1), rtol=1e-15)
    numpy.testing.assert_array_equal(a, keep)
    assert "out=t0" not in code


def test_an_array_not_owned_is_never_written():
    a = numpy.random.default_rng(3).normal(size=(4,))
    keep = a.copy()
    alloc, code, got = run_inplace(t0[i] * 2 + 1, t0=a)
    assert "out=t0" not in code and alloc is not None
    numpy.testing.assert_array_equal(a, keep)
    numpy.testing.assert_allclose(got, keep * 2 + 1)


def test_in_place_needs_a_context_that_allows_it():
    with pytest.raises(Unsupported, match="in-place"):
        to_numpy_inplace(sp.exp(x[i]), i, CTX)


# --- one entry ---------------------------------------------------------------------------------

def test_an_entry_is_scalar_python_over_math_and_the_sign_bit_is_no_comparison_with_nan():
    form = sp.Piecewise((sp.exp(-sp.Abs(x[i])), SignBit(x[i])), (1, True)) / (1 + sp.exp(-sp.Abs(x[i])))
    code = to_entry(form)
    assert "math.copysign(1.0, x) < 0" in code and "numpy" not in code
    import math

    f = eval(f"lambda x: {code}", {"math": math})
    assert f(0.0) == f(-0.0) == 0.5 and f(-800.0) == 0.0 and f(2.0) == pytest.approx(1 / (1 + math.exp(-2.0)))
    assert math.isnan(f(math.nan))
    assert to_numpy(form, (i,), CTX).startswith("numpy.where(numpy.signbit(x), ")


def test_an_entry_refuses_what_is_not_entrywise():
    with pytest.raises(Unsupported):
        to_entry(summation(x[j], j))
    with pytest.raises(Unsupported):
        to_entry(W[i, j])


# --- the options user kernels print under ---------------------------------------------------------

M = size("M")
a = index("a", M)
y = vector("y")
w = sp.Symbol("w", real=True)


def test_a_stack_of_matrices_is_multiplied_row_by_row():
    expr = summation(W[a, i] * y[a], a)  # sum_a y_a W_ai, a vector over i
    rng = numpy.random.default_rng(3)
    Ws, ys = rng.normal(size=(2, 3, 4)), rng.normal(size=(2, 3))
    stacked = to_numpy(expr, (i,), Context(stacked=True))
    numpy.testing.assert_allclose(run(stacked, W=Ws, y=ys), numpy.einsum("bai,ba->bi", Ws, ys))
    plain = to_numpy(expr, (i,), Context())
    assert run(plain, W=Ws, y=ys).shape == (2, 2, 4)  # why user kernels need stacked=True


def test_keep_gives_a_scalar_result_the_trailing_axis_a_row_value_has():
    expr = w * summation(x[j] ** 2, j)
    ctx = Context(rows=frozenset({w}), keep=True)
    code = to_numpy(expr, (), ctx)
    assert "keepdims=True" in code
    xs, ws = numpy.arange(6.0).reshape(2, 3), numpy.array([[2.0], [3.0]])
    numpy.testing.assert_allclose(run(code, x=xs, w=ws), ws * (xs ** 2).sum(-1, keepdims=True))
    assert "keepdims" not in to_numpy(expr, (), Context(rows=frozenset({w})))


def test_calls_rename_the_functions_a_module_supplies():
    code = to_numpy(sigmoid(x[i]) + softmax(sp.Lambda(j, x[j]), i), (i,), Context(calls={"sigmoid": "_s",
                                                                                         "softmax": "_sm"}))
    assert "_s(x)" in code and "_sm(x)" in code and "sigmoid(" not in code


def test_another_printer_class_prints_for_another_library():
    from derive.emit.backends import TorchPrinter

    code = to_numpy(sp.exp(x[i]) / summation(sp.exp(x[j]), j), (i,), Context(printer=TorchPrinter))
    assert code == "torch.exp(x)/torch.sum(torch.exp(x), dim=-1, keepdim=True)"
