"""The public kernels: dtypes, batch axes, special values, clear errors, gradients and accuracy in ULPs.

Every test runs twice: on the NumPy kernels alone, and with the compiled ufuncs of derive[fast]
taking the small arrays of the entrywise kernels (skipped without numba).
"""

import sys
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from derive import kernels as K
from derive.kernels import _generated as G
from derive.kernels.reference import reference, sample, ulp_error

RNG = np.random.default_rng(7)


@pytest.fixture(autouse=True, params=["numpy", "numba"])
def entrywise_backend(request, monkeypatch):
    if request.param == "numpy":
        monkeypatch.setattr(K, "_UFUNCS", {})
        monkeypatch.setattr(K, "_SMALL", 0)
    else:
        pytest.importorskip("numba")
        from derive.kernels import _compiled

        monkeypatch.setattr(K, "_UFUNCS", _compiled.UFUNCS)
        monkeypatch.setattr(K, "_SMALL", _compiled.SMALL)
    return request.param
VECTOR = ("softmax", "log_softmax", "softmax_jacobian", "log_softmax_jacobian")


def network(dtype=np.float64, d=4, h=5, k=3):
    r = np.random.default_rng(1)
    return [r.normal(size=s).astype(dtype) for s in ((d, h), (h,), (h, k), (k,))]


# --- dtypes, shapes, overflow ----------------------------------------------------------------

@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("name", VECTOR + ("sigmoid", "sigmoid_grad"))
def test_dtype_is_kept_and_batch_axes_pass_through(name, dtype):
    x = RNG.normal(size=(2, 3, 4)).astype(dtype)
    out = getattr(K, name)(x)
    assert out.dtype == dtype
    assert out.shape == ((2, 3, 4, 4) if name.endswith("jacobian") else (2, 3, 4))
    one = getattr(K, name)(x[1, 2])
    np.testing.assert_allclose(out[1, 2], one, rtol=1e-6)


ALL_ONE_ARGUMENT = VECTOR + ("sigmoid", "sigmoid_grad")


@pytest.mark.parametrize("name", ALL_ONE_ARGUMENT)
@pytest.mark.parametrize("scale", [1.0, 1000.0])
def test_kernels_never_write_into_their_arguments(name, scale):
    # The kernels write results into arrays they allocate; never into the caller's.
    x = RNG.normal(size=(3, 5)) * scale
    x[0, 0] = -800.0  # the sign-split form of sigmoid
    x[1, 1] = 5000.0  # the split shift of softmax and log-softmax
    for arg in (x, x[:, ::2], np.asfortranarray(x), x.astype(np.float32)):
        before = arg.copy()
        getattr(K, name)(arg)
        np.testing.assert_array_equal(arg, before)


def test_networks_never_write_into_their_arguments():
    x, y = RNG.normal(size=(3, 4)), np.array([0, 2, 1])
    params = network()
    args = [x, RNG.dirichlet(np.ones(3), size=3)] + params
    before = [a.copy() for a in args]
    K.mlp_forward(x, *params)
    K.mlp_input_grad(x, args[1], *params)
    K.mlp_input_grad(x, y, *params)
    K.softmax_cross_entropy(x[:, :3], args[1])
    K.softmax_cross_entropy_grad(x[:, :3], args[1])
    K.linear_softmax_grads(x, args[1], params[0].T[:3], params[3])
    for a, b in zip(args, before):
        np.testing.assert_array_equal(a, b)


@pytest.mark.parametrize("name", ["sigmoid", "sigmoid_grad"])
def test_entrywise_kernels_give_a_scalar_for_a_scalar(name):
    f = getattr(K, name)
    for value in (0.5, -800.0, np.float32(3.0), np.array(2.0)):
        out = f(value)
        assert np.ndim(out) == 0 and not isinstance(out, np.ndarray)
        assert out == f(np.array([value]))[0]
    assert f(np.float32(3.0)).dtype == np.float32


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_large_inputs_never_overflow(dtype):
    x = np.array([[1e4, -1e4, 0.0, 9999.0], [-1e4, -1e4, -1e4, -1e4], [1e30, -1e30, 1.0, 0.0]], dtype)
    with np.errstate(over="raise", invalid="raise"):
        s = K.softmax(x)
        ls = K.log_softmax(x)
        sg = K.sigmoid(x)
        dg = K.sigmoid_grad(x)
    with np.errstate(over="ignore"):  # x - max x is -inf here, and e^{-inf} = 0 is the right term
        extreme = K.softmax(np.array([3e38, -3e38], dtype))
    np.testing.assert_array_equal(extreme, [1, 0])
    assert np.all(np.isfinite(s)) and np.all(np.isfinite(ls)) and np.all(np.isfinite(sg)) and np.all(np.isfinite(dg))
    np.testing.assert_allclose(s.sum(-1), 1, rtol=1e-6)
    np.testing.assert_allclose(s[0], [1 / (1 + np.exp(dtype(-1))), 0, 0, np.exp(dtype(-1)) / (1 + np.exp(dtype(-1)))],
                               rtol=1e-6)
    assert ls[0, 1] == pytest.approx(-2e4 - np.log1p(np.exp(-1.0)), rel=1e-7)
    assert sg[0, 0] == 1 and sg[0, 1] == 0


def test_sigmoid_takes_the_sign_split_form_only_where_the_definition_overflows():
    x = sample(30, 10, 10, seed=8)
    low = np.append(x, -800.0)  # one entry below -700: the whole array takes the sign-split form
    for arr in (x, low):
        assert ulp_error(K.sigmoid(arr), reference("sigmoid", arr)).max() <= 4
    with np.errstate(over="raise"):
        K.sigmoid(low)
        K.sigmoid(np.float32([-85.0, 0.0]))


def test_sigmoid_below_minus_709_is_subnormal_not_zero():
    x = np.array([-720.0, -740.0])
    got = K.sigmoid(x)
    assert np.all(got > 0)
    np.testing.assert_allclose(got, np.exp(x), rtol=1e-6)
    assert K.sigmoid_grad(np.array([-720.0]))[0] > 0


# --- special values, as documented -----------------------------------------------------------

def test_softmax_special_values():
    assert np.all(np.isnan(K.softmax([np.inf, 0.0])))
    assert np.all(np.isnan(K.softmax([np.nan, 0.0])))
    np.testing.assert_array_equal(K.softmax([-np.inf, 0.0]), [0.0, 1.0])
    assert np.all(np.isnan(K.softmax([-np.inf, -np.inf])))
    rows = K.softmax(np.array([[np.nan, 1.0], [1.0, 1.0]]))
    assert np.all(np.isnan(rows[0])) and np.allclose(rows[1], 0.5)


def test_log_softmax_special_values():
    got = K.log_softmax([np.inf, 0.0])
    assert np.isnan(got[0]) and got[1] == -np.inf
    assert np.all(np.isnan(K.log_softmax([0.0, np.nan, 1.0])))
    np.testing.assert_array_equal(K.log_softmax([-np.inf, 0.0]), [-np.inf, 0.0])


def test_sigmoid_special_values():
    got = K.sigmoid([-np.inf, np.inf, np.nan, 0.0])
    assert got[0] == 0 and got[1] == 1 and np.isnan(got[2]) and got[3] == 0.5
    grad = K.sigmoid_grad([-np.inf, np.inf, np.nan])
    assert grad[0] == 0 and grad[1] == 0 and np.isnan(grad[2])
    assert float(K.sigmoid(2.0)) == pytest.approx(1 / (1 + np.exp(-2.0)), rel=1e-15)


# --- errors ------------------------------------------------------------------------------------

@pytest.mark.parametrize("bad, error, words", [
    ([], ValueError, "empty"),
    (np.zeros((3, 0)), ValueError, "empty"),
    ("abc", TypeError, "numbers"),
    (["a", "b"], TypeError, "real numbers"),
    ([1 + 2j], TypeError, "real numbers"),
    ([{}, 1], TypeError, "real numbers"),
])
def test_bad_input_is_named(bad, error, words):
    with pytest.raises(error, match=words):
        K.softmax(bad)


def test_vector_kernels_need_an_axis_and_shapes_must_fit():
    with pytest.raises(ValueError, match="at least one axis"):
        K.log_softmax(1.0)
    with pytest.raises(ValueError, match="shape of the logits"):
        K.softmax_cross_entropy(np.zeros((2, 3)), np.zeros((2, 4)))
    with pytest.raises(ValueError, match="class labels"):
        K.softmax_cross_entropy(np.zeros((2, 3)), np.array([0, 3]))
    W1, b1, W2, b2 = network()
    with pytest.raises(ValueError, match="W1 expects 4"):
        K.mlp_forward(np.zeros((2, 5)), W1, b1, W2, b2)
    with pytest.raises(ValueError, match="b2 must have shape"):
        K.mlp_forward(np.zeros(4), W1, b1, W2, np.zeros(2))
    with pytest.raises(ValueError, match="W must be a matrix"):
        K.linear_softmax_grads(np.zeros(3), 0, np.zeros(3), np.zeros(3))


# --- gradients against finite differences of the forward kernels ------------------------------

def central(f, x, h=1e-6):
    """d f(x) / d x by central differences: shape f(x).shape + x.shape."""
    x = np.array(x, dtype=np.float64)
    out = []
    for n in range(x.size):
        e = np.zeros(x.size)
        e[n] = h
        out.append((f(x + e.reshape(x.shape)) - f(x - e.reshape(x.shape))) / (2 * h))
    return np.moveaxis(np.array(out), 0, -1).reshape(np.shape(f(x)) + x.shape)


def test_sigmoid_grad_matches_finite_differences():
    x = RNG.normal(size=20) * 4
    np.testing.assert_allclose(K.sigmoid_grad(x), np.diagonal(central(K.sigmoid, x)), rtol=1e-7, atol=1e-10)


@pytest.mark.parametrize("jac, fwd", [(K.softmax_jacobian, K.softmax), (K.log_softmax_jacobian, K.log_softmax)])
def test_jacobians_match_finite_differences(jac, fwd):
    x = RNG.normal(size=5) * 3
    np.testing.assert_allclose(jac(x), central(fwd, x), rtol=1e-6, atol=1e-9)


@pytest.mark.parametrize("targets", ["probabilities", "labels", "weights"])
def test_cross_entropy_grad_matches_finite_differences(targets):
    x = RNG.normal(size=(3, 4)) * 2
    y = {"probabilities": K.softmax(RNG.normal(size=(3, 4))), "labels": np.array([0, 3, 1]),
         "weights": RNG.uniform(size=(3, 4))}[targets]
    g = K.softmax_cross_entropy_grad(x, y)
    for row in range(3):
        f = lambda v: K.softmax_cross_entropy(np.vstack([x[:row], v, x[row + 1:]]), y)[row]
        np.testing.assert_allclose(g[row], central(f, x[row]), rtol=1e-6, atol=1e-9)


def test_mlp_input_grad_matches_finite_differences():
    W1, b1, W2, b2 = network()
    x, y = RNG.normal(size=4), np.array([0.2, 0.5, 0.3])
    loss = lambda v: -np.sum(y * np.log(K.mlp_forward(v, W1, b1, W2, b2)))
    np.testing.assert_allclose(K.mlp_input_grad(x, y, W1, b1, W2, b2), central(loss, x), rtol=1e-6, atol=1e-9)
    batch = RNG.normal(size=(2, 3, 4))
    assert K.mlp_input_grad(batch, np.zeros((2, 3), int), W1, b1, W2, b2).shape == (2, 3, 4)


def test_linear_softmax_grads_match_finite_differences():
    r = np.random.default_rng(3)
    W, b, x, y = r.normal(size=(3, 4)), r.normal(size=3), r.normal(size=4), 2
    dW, db = K.linear_softmax_grads(x, y, W, b)
    loss_W = lambda w: K.softmax_cross_entropy(w @ x + b, y)
    loss_b = lambda c: K.softmax_cross_entropy(W @ x + c, y)
    np.testing.assert_allclose(dW, central(loss_W, W), rtol=1e-6, atol=1e-9)
    np.testing.assert_allclose(db, central(loss_b, b), rtol=1e-6, atol=1e-9)


def test_gradients_match_torch_autograd():
    torch = pytest.importorskip("torch")
    x = RNG.normal(size=(3, 5))
    t = torch.tensor(x, requires_grad=True)
    np.testing.assert_allclose(K.sigmoid_grad(x), torch.autograd.functional.jacobian(
        lambda v: torch.sigmoid(v).sum(), t).numpy(), rtol=1e-12)
    y = np.array([1, 0, 4])
    loss = torch.nn.functional.cross_entropy(t, torch.tensor(y), reduction="sum")
    (grad,) = torch.autograd.grad(loss, t)
    np.testing.assert_allclose(K.softmax_cross_entropy_grad(x, y), grad.numpy(), rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(K.softmax_jacobian(x[0]), torch.autograd.functional.jacobian(
        lambda v: torch.softmax(v, -1), t[0].detach()).numpy(), rtol=1e-10, atol=1e-15)


# --- accuracy in ULPs against mpmath ---------------------------------------------------------

@pytest.mark.parametrize("scale", [1, 10, 100, 1000])
@pytest.mark.parametrize("name", ["sigmoid", "sigmoid_grad"])
def test_elementwise_kernels_are_within_4_ulp(name, scale):
    x = sample(scale, 20, 10, seed=scale)
    assert ulp_error(getattr(K, name)(x), reference(name, x)).max() <= 4


@pytest.mark.parametrize("scale", [1, 10, 100, 1000])
@pytest.mark.parametrize("name", ["softmax", "log_softmax"])
def test_vector_kernels_are_within_4_ulp(name, scale):
    # Scale 1000 puts every row maximum out of [0, 669]: the shifted, split path.
    x = sample(scale, 20, 10, seed=scale)
    assert ulp_error(getattr(K, name)(x), reference(name, x)).max() <= 4


@pytest.mark.parametrize("name", ["softmax", "log_softmax"])
def test_rows_with_a_negative_or_mixed_maximum_are_within_4_ulp(name):
    x = sample(100, 12, 10, seed=4)
    x[:4] -= 800  # every entry negative: shifted by an integer near the maximum
    x[4:8] += 900  # beyond the range where no shift is needed
    exact = reference(name, x)
    got = getattr(K, name)(x)
    assert ulp_error(got, exact).max() <= 4
    np.testing.assert_array_equal(got[8], getattr(K, name)(x[8]))  # a row needing no shift is unaffected


@pytest.mark.parametrize("dtype, top", [(np.float64, 2.0 ** 40), (np.float64, 3.0), (np.float32, 2.0 ** 20), (np.float32, 3.0)])
def test_split_error_is_exact(dtype, top):
    from fractions import Fraction

    from derive.kernels._generated import _split

    r = np.random.default_rng(2)
    magnitudes = np.exp(r.uniform(-30, np.log(top), size=(50, 8)))
    x = (np.sign(r.standard_normal((50, 8))) * magnitudes).astype(dtype)
    c = np.rint(x.max(-1, keepdims=True)) + 1
    t, d = _split(x, c)
    for xv, cv, tv, dv in zip(x.ravel(), np.broadcast_to(c, x.shape).ravel(), t.ravel(), d.ravel()):
        if tv >= -745:  # where e^t does not underflow
            assert Fraction(float(tv)) + Fraction(float(dv)) == Fraction(float(xv)) - Fraction(float(cv))


def test_special_values_are_the_same_on_the_split_path():
    far = [2000.0, 1999.0, 1990.0]  # a row that sends the whole batch through the split path
    rows = [[np.inf, 0.0, 1.0], [np.nan, 0.0, 1.0], [-np.inf, 0.0, 1.0], [-np.inf, -np.inf, -np.inf]]
    for f in (K.softmax, K.log_softmax):
        batch = f(np.array(rows + [far]))
        for n, row in enumerate(rows):
            np.testing.assert_array_equal(batch[n], f(np.array(row)))
        assert np.all(np.isfinite(batch[-1]))


def test_far_better_than_the_textbook_formulas_where_they_fail():
    special = pytest.importorskip("scipy.special")
    x = sample(10, 20, 10, seed=10)
    exact = reference("log_softmax", x)
    assert ulp_error(special.log_softmax(x, axis=-1), exact).max() > 1e4 * ulp_error(K.log_softmax(x), exact).max()
    big = np.array([40.0, -40.0])
    naive = special.expit(big) * (1 - special.expit(big))
    assert naive[0] == 0 and K.sigmoid_grad(big)[0] == pytest.approx(np.exp(-40.0), rel=1e-14)


@pytest.mark.parametrize("dtype", [np.float32])
def test_float32_accuracy(dtype):
    x = sample(10, 20, 10, seed=5, dtype=dtype)
    for name, bound in (("sigmoid", 4), ("sigmoid_grad", 4), ("log_softmax", 4), ("softmax", 8)):
        assert ulp_error(getattr(K, name)(x), reference(name, x)).max() <= bound, name


# --- properties ----------------------------------------------------------------------------

finite_rows = arrays(np.float64, st.tuples(st.integers(1, 3), st.integers(1, 6)),
                     elements=st.floats(-1e4, 1e4, allow_nan=False))


@settings(max_examples=60, deadline=None)
@given(finite_rows, st.floats(-100, 100))
def test_softmax_is_a_distribution_and_shift_invariant(x, c):
    s = K.softmax(x)
    assert np.all(s >= 0) and np.allclose(s.sum(-1), 1)
    np.testing.assert_allclose(K.softmax(x + c), s, atol=1e-9)
    assert np.all(K.log_softmax(x) <= 0)


# --- the entrywise forms and their compiled ufuncs ---------------------------------------------

EDGES = [0.0, -0.0, 1e-300, -1e-300, 5e-324, 0.5, -0.5, 20.0, -20.0, 37.0, -37.0, 709.0, -709.0, 745.0,
         -745.0, 1e4, -1e4, 1e300, -1e300]


@pytest.mark.parametrize("name", ["sigmoid", "sigmoid_grad"])
def test_entry_forms_are_within_4_ulp_as_plain_python(name):
    # The loop bodies derive emit prints for the ufuncs, run here over math without numba.
    entry = getattr(G, f"{name}_entry")
    x = np.concatenate([EDGES, sample(30, 1, 200, seed=3).ravel()])
    got = np.array([entry(float(v)) for v in x])
    assert ulp_error(got, reference(name, x)).max() <= 4
    for v, want in ((np.inf, (1.0, 0.0)), (-np.inf, (0.0, 0.0))):
        assert entry(v) == want[name == "sigmoid_grad"]
    assert np.isnan(entry(np.nan))


@pytest.mark.parametrize("name", ["sigmoid", "sigmoid_grad"])
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_nan_and_inf_raise_no_floating_point_warning(name, dtype):
    x = np.array([np.nan, -np.nan, np.inf, -np.inf, 0.0, -0.0, -800.0], dtype)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        got = getattr(K, name)(x)
    assert np.isnan(got[:2]).all() and got.dtype == dtype


def test_the_entrywise_backend_is_chosen_once_and_can_be_forced(monkeypatch):
    monkeypatch.setattr(K, "_SMALL", -1)
    monkeypatch.setenv("DERIVE_KERNELS", "numpy")
    assert K.backend() == "numpy" and K._SMALL == 0
    assert K.sigmoid(np.array([0.0]))[0] == 0.5

    monkeypatch.setattr(K, "_SMALL", -1)
    monkeypatch.setenv("DERIVE_KERNELS", "fastest")
    with pytest.raises(ValueError, match="DERIVE_KERNELS must be 'auto' or 'numpy', got 'fastest'"):
        K.sigmoid([1.0])

    # Without numba, the NumPy kernels do everything and nothing is reported.
    monkeypatch.setattr(K, "_SMALL", -1)
    monkeypatch.delenv("DERIVE_KERNELS")
    monkeypatch.setitem(sys.modules, "numba", None)
    monkeypatch.delitem(sys.modules, "derive.kernels._compiled", raising=False)
    monkeypatch.delattr(K, "_compiled", raising=False)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert K.backend() == "numpy"


def test_with_numba_small_arrays_take_the_compiled_ufunc(monkeypatch, entrywise_backend):
    if entrywise_backend != "numba":
        pytest.skip("the compiled path")
    calls = []
    ufunc = K._UFUNCS["sigmoid"]
    monkeypatch.setitem(K._UFUNCS, "sigmoid", lambda a: calls.append(a.size) or ufunc(a))
    K.sigmoid(np.zeros(3))
    K.sigmoid([1.0, 2.0])
    K.sigmoid(np.zeros(K._SMALL + 1))
    assert calls == [3, 2]


@pytest.mark.parametrize("name", ["softmax", "log_softmax"])
def test_entries_whose_exponential_underflows_are_exact_on_the_split_path(name):
    # A row maximum above 669 takes the split path; there e^t below e^-746 is 0 without exp,
    # and the subnormal band above it is still computed.
    top = 1000.0
    x = np.array([[top, top - 720.0, top - 740.0, top - 745.5, top - 746.5, top - 5000.0, -np.inf]])
    got = getattr(K, name)(x)
    exact = reference(name, x[:, :-1])
    assert ulp_error(got[:, :-1], exact).max() <= 4
    assert got[0, -1] == (0.0 if name == "softmax" else -np.inf)
    if name == "softmax":
        assert 0 < got[0, 1] < 1e-300 and got[0, 4] == 0


# --- the runtime module: the helpers _generated.py imports and user modules copy ------------------

def test_generated_module_imports_its_helpers_from_the_runtime():
    from derive.kernels import _runtime

    for name in ("_take", "_sum_except", "_moderate", "_shift", "_split", "_exp_split"):
        assert getattr(G, name) is getattr(_runtime, name)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_runtime_activations_of_user_modules_match_the_kernels(dtype):
    from derive.kernels import _runtime

    rng = np.random.default_rng(4)
    x = (rng.normal(size=(5, 9)) * 4).astype(dtype)  # away from subnormal results, where float32 differs
    tol = dict(rtol=1e-5 if dtype == np.float32 else 1e-12, atol=0)
    np.testing.assert_allclose(_runtime._softmax(x), K.softmax(x), **tol)
    np.testing.assert_allclose(_runtime._log_softmax(x), K.log_softmax(x), **tol)
    np.testing.assert_allclose(_runtime._sigmoid(x), K.sigmoid(x), **tol)
    np.testing.assert_allclose(_runtime._sigmoid_grad(x), K.sigmoid_grad(x), **tol)
    assert _runtime._softmax(x).dtype == dtype and _runtime._sigmoid(x).dtype == dtype


def test_runtime_activations_do_not_overflow():
    from derive.kernels import _runtime

    x = np.array([-1000.0, 0.0, 1000.0])
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        np.testing.assert_array_equal(_runtime._softmax(x), [0.0, 0.0, 1.0])
        assert np.isfinite(_runtime._log_softmax(x)[:2]).all()
        np.testing.assert_array_equal(_runtime._sigmoid(np.array([-1000.0, 1000.0])), [0.0, 1.0])


def test_runtime_arguments_rule_on_dtype_and_shape():
    from derive.kernels import _runtime

    w, x = _runtime._arguments((0.5, np.ones((2, 3), np.float32)), ("w", "x"), (0, 1), (((1, 0),),))
    assert x.dtype == w.dtype == np.float32 and w.shape == ()
    w, x = _runtime._arguments(([0.5, 1.5], np.ones((2, 3))), ("w", "x"), (0, 1), (((1, 0),),))
    assert w.shape == (2, 1)  # a number per batch entry keeps a trailing axis, to meet the rows of x
    (w,) = _runtime._arguments((np.float32(2.0),), ("w",), (0,))
    assert w.dtype == np.float32
    (x,) = _runtime._arguments(([1, 2],), ("x",), (1,))
    assert x.dtype == np.float64
    with pytest.raises(ValueError, match="A must be a matrix with 2 axes"):
        _runtime._arguments(([1.0, 2.0],), ("A",), (2,))
    with pytest.raises(ValueError, match="y must be one-hot"):
        _runtime._onehot(np.array([[1.0, 1.0]]), "y")
    assert _runtime._onehot(np.array([[0.0, 1.0]]), "y") is not None
