"""Numeric kernels printed from proved claims: softmax, sigmoid, their gradients, two small networks.

The arithmetic lives in ``_generated.py``, printed by ``derive emit`` from catalog claims proved
for every size (topic "stability"); this module checks the arguments and documents each kernel.

Conventions shared by every kernel:

* float32 in, float32 out; float64 in, float64 out; other numbers (integers, bools, float16)
  are computed in float64. Mixed float32/float64 arguments are computed in float64.
* vector kernels act on the last axis; any leading (batch) axes pass through.
* nothing overflows for any finite input: every exponent is at most 0.
* NaN in an entry gives NaN in that entry (elementwise kernels) or in its whole row (vector kernels).
* empty arrays, non-numeric input and shapes that do not fit raise ValueError or TypeError naming
  the argument.

With the optional extra derive[fast] (numba), sigmoid and sigmoid_grad send arrays of up to 1024
entries to NumPy ufuncs compiled from the same claims (derive.kernels._compiled); backend() says
whether they are in use, and DERIVE_KERNELS=numpy turns them off.
"""

from __future__ import annotations

import os
import warnings

import numpy as np

from . import _generated as _g

__all__ = [
    "softmax",
    "log_softmax",
    "sigmoid",
    "sigmoid_grad",
    "softmax_jacobian",
    "log_softmax_jacobian",
    "softmax_cross_entropy",
    "softmax_cross_entropy_grad",
    "mlp_forward",
    "mlp_input_grad",
    "linear_softmax_grads",
    "backend",
]

_FLOATS = (np.dtype(np.float32), np.dtype(np.float64))


def _array(value, name: str, *, vector: bool = False) -> np.ndarray:
    """``value`` as a float32/float64 array, or a clear error naming ``name``."""
    if type(value) is np.ndarray and value.dtype.char in "fd" and value.size and (value.ndim or not vector):
        return value  # already fit: skip the checks below, which dominate the time on small arrays
    if isinstance(value, (str, bytes)):
        raise TypeError(f"{name} must be an array of numbers, got a {type(value).__name__}")
    try:
        a = np.asarray(value)
    except (ValueError, TypeError) as exc:
        raise TypeError(f"{name} must be an array of numbers: {exc}") from None
    if a.dtype.kind not in "biuf":
        raise TypeError(f"{name} must be an array of real numbers, got dtype {a.dtype}")
    if a.dtype not in _FLOATS:
        a = a.astype(np.float64)
    if vector and a.ndim == 0:
        raise ValueError(f"{name} must have at least one axis (the vector axis), got a scalar")
    if a.size == 0:
        raise ValueError(f"{name} is empty (shape {a.shape}); the kernels need at least one entry")
    return a


def _common(*arrays: np.ndarray) -> list[np.ndarray]:
    """The arrays in one dtype: float32 only when every one is float32."""
    dtype = np.result_type(*arrays)
    return [a if a.dtype == dtype else a.astype(dtype) for a in arrays]


def _targets(y, x: np.ndarray, name: str = "y") -> np.ndarray:
    """Targets as weights over the classes: an array shaped like x, or integer class labels."""
    if isinstance(y, (str, bytes)):
        raise TypeError(f"{name} must be an array of numbers, got a {type(y).__name__}")
    raw = np.asarray(y)
    n = x.shape[-1]
    if raw.dtype.kind in "iu" and raw.shape == x.shape[:-1]:
        if raw.size and (raw.min() < 0 or raw.max() >= n):
            raise ValueError(f"{name}: class labels must lie in 0..{n - 1}, got {raw.min()}..{raw.max()}")
        return (raw[..., None] == np.arange(n)).astype(x.dtype)
    t = _array(raw, name)
    if t.shape != x.shape:
        raise ValueError(f"{name} must have the shape of the logits {x.shape} (or be integer labels of shape "
                         f"{x.shape[:-1]}), got {t.shape}")
    return t.astype(x.dtype, copy=False)


# The compiled ufuncs of derive[fast] by kernel name, and the largest array size they take
# (-1 until first looked up; 0 when there are none).
_UFUNCS: dict = {}
_SMALL = -1


def _load_compiled() -> None:
    """Look up the compiled ufuncs once: none without numba, or with DERIVE_KERNELS=numpy."""
    global _UFUNCS, _SMALL
    choice = os.environ.get("DERIVE_KERNELS", "auto")
    if choice not in ("auto", "numpy"):
        raise ValueError(f"DERIVE_KERNELS must be 'auto' or 'numpy', got {choice!r}")
    _UFUNCS, _SMALL = {}, 0
    if choice == "numpy":
        return
    try:
        from . import _compiled
    except ModuleNotFoundError as exc:
        if exc.name == "numba":
            return  # the extra is not installed: the NumPy kernels do everything
        raise
    except Exception as exc:  # numba present but unusable (say, built for another NumPy)
        warnings.warn(f"derive.kernels: numba is installed but the compiled kernels failed to load "
                      f"({type(exc).__name__}: {exc}); using the NumPy kernels", RuntimeWarning, stacklevel=4)
        return
    _UFUNCS, _SMALL = _compiled.UFUNCS, _compiled.SMALL


def backend() -> str:
    """What runs the entrywise kernels: "numpy", or "numpy+numba" (small arrays in compiled ufuncs)."""
    if _SMALL < 0:
        _load_compiled()
    return "numpy+numba" if _UFUNCS else "numpy"


def _entrywise(name: str, kernel, a: np.ndarray):
    """An entrywise kernel on a: its compiled ufunc for a small array when derive[fast] is installed.

    A 0-d array gives a NumPy scalar, as ufuncs do (the array kernels write into arrays they
    allocate, which a 0-d operation would give as a scalar).
    """
    if _SMALL < 0:
        _load_compiled()
    if a.size <= _SMALL:
        return _UFUNCS[name](a)
    if a.ndim == 0:
        return kernel(a.reshape(1))[0]
    return kernel(a)


def _shape(a: np.ndarray, name: str, shape: tuple) -> None:
    if a.shape != shape:
        raise ValueError(f"{name} must have shape {shape}, got {a.shape}")


def softmax(x):
    """softmax over the last axis: e^{x_i} / sum_j e^{x_j}, computed as e^{x_i - c} / sum_j e^{x_j - c}.

    c is 0 while the row maximum lies in [0, 669] ([0, 48] in float32), so x - c is exact; else
    the integer nearest the maximum, so no exponential overflows (claim stability/softmax/shift).
    Then t = fl(x - c) is rounded, but its error d = (x - c) - t is exactly x - (t + c), and
    e^{x - c} = e^t e^d (claim stability/softmax/error-free-shift) is evaluated as e^t + e^t d:
    dropping d^2/2 is a floating-point approximation (|d| < 2^-43), measured to stay within
    4 ULP by benchmarks/accuracy_kernels.py.
    A row with NaN or +inf is NaN throughout (no shift makes +inf finite); -inf entries get 0.

    >>> softmax([1.0, 2.0, 3.0]).round(4)
    array([0.09  , 0.2447, 0.6652])
    """
    a = _array(x, "x", vector=True)
    with np.errstate(invalid="ignore"):
        return _g.softmax(a)


def log_softmax(x):
    """log softmax(x) over the last axis: (x_i - x_k) - log1p(sum_{j != k} e^{x_j - x_k}), k = argmax.

    Accurate to a few ULP even for the dominant entry, where log(sum) would lose the small
    terms (claim stability/log-softmax/kernel). Each e^{x_j - x_k} is e^{c - x_k} e^{x_j - c}
    with c chosen as for softmax, and e^{x_j - c} is split into e^t (1 + d) the same way (a
    first-order floating-point step, |d| < 2^-43; within 4 ULP as measured). A row with NaN is
    NaN throughout; a row with +inf is NaN at the +inf entries and -inf elsewhere; -inf
    entries give -inf.

    >>> log_softmax([0.0, 0.0]).round(6)
    array([-0.693147, -0.693147])
    """
    a = _array(x, "x", vector=True)
    with np.errstate(invalid="ignore"):
        return _g.log_softmax(a)


def sigmoid(x):
    """The logistic function 1 / (1 + e^{-x}), entry by entry.

    Evaluated as 1 / (1 + e^{-x}) when every entry is at least -700 (-80 in float32), where
    e^{-x} cannot overflow; otherwise as e^{min(x,0)} / (1 + e^{-|x|}) with one exponential.
    Never overflows, and below x = -709 returns the true (subnormal) value instead of 0.
    sigmoid(inf) = 1, sigmoid(-inf) = 0, sigmoid(nan) = nan. Any shape, scalars included.
    With derive[fast], small arrays go to a compiled ufunc of the second form, its division
    compensated for the rounding of 1 + e^{-|x|}.

    >>> float(sigmoid(0.0))
    0.5
    """
    if type(x) is np.ndarray and 0 < x.size <= _SMALL and x.dtype.char in "fd":
        return _UFUNCS["sigmoid"](x)  # the first test of _entrywise, without its calls
    return _entrywise("sigmoid", _g.sigmoid, _array(x, "x"))


def sigmoid_grad(x):
    """sigma'(x) = sigma(x) sigma(-x), entry by entry, as e^{-|x|} / (1 + e^{-|x|})^2.

    Keeps its digits for large |x| (about e^{-|x|}, where sigma(x)(1 - sigma(x)) gives 0).
    sigmoid_grad(+-inf) = 0, sigmoid_grad(nan) = nan. Any shape, scalars included.

    >>> float(sigmoid_grad(0.0))
    0.25
    """
    if type(x) is np.ndarray and 0 < x.size <= _SMALL and x.dtype.char in "fd":
        return _UFUNCS["sigmoid_grad"](x)  # the first test of _entrywise, without its calls
    return _entrywise("sigmoid_grad", _g.sigmoid_grad, _array(x, "x"))


def softmax_jacobian(x):
    """d softmax(x)_i / d x_j = s_i (delta_ij - s_j): shape (..., N, N) for x of shape (..., N).

    NaN or +inf in a row makes that row's Jacobian NaN.

    >>> softmax_jacobian([0.0, 0.0])
    array([[ 0.25, -0.25],
           [-0.25,  0.25]])
    """
    a = _array(x, "x", vector=True)
    with np.errstate(invalid="ignore"):
        return _g.softmax_jacobian(a)


def log_softmax_jacobian(x):
    """d log softmax(x)_i / d x_j = delta_ij - s_j: shape (..., N, N) for x of shape (..., N).

    >>> log_softmax_jacobian([0.0, 0.0])
    array([[ 0.5, -0.5],
           [-0.5,  0.5]])
    """
    a = _array(x, "x", vector=True)
    with np.errstate(invalid="ignore"):
        return _g.log_softmax_jacobian(a)


def softmax_cross_entropy(x, y):
    """-sum_k y_k log softmax(x)_k per row: logits x (..., N); y of the same shape, or integer labels (...).

    Evaluated through log_softmax, so a confident wrong answer costs its true (large) value
    instead of inf. A row with NaN gives NaN.

    >>> round(float(softmax_cross_entropy([0.0, 0.0], 1)), 6)
    0.693147
    """
    a = _array(x, "x", vector=True)
    t = _targets(y, a)
    a, t = _common(a, t)
    with np.errstate(invalid="ignore"):
        return _g.softmax_cross_entropy(a, t)


def softmax_cross_entropy_grad(x, y):
    """The gradient of softmax_cross_entropy in x: softmax(x) * sum(y) - y (softmax(x) - y for one-hot y).

    >>> softmax_cross_entropy_grad([0.0, 0.0], 1)
    array([ 0.5, -0.5])
    """
    a = _array(x, "x", vector=True)
    t = _targets(y, a)
    a, t = _common(a, t)
    with np.errstate(invalid="ignore"):
        return _g.softmax_cross_entropy_grad(a, t)


def _network(x, W1, b1, W2, b2):
    a = _array(x, "x", vector=True)
    W1, b1, W2, b2 = (_array(v, n) for v, n in ((W1, "W1"), (b1, "b1"), (W2, "W2"), (b2, "b2")))
    if W1.ndim != 2 or W2.ndim != 2:
        bad, arr = ("W1", W1) if W1.ndim != 2 else ("W2", W2)
        raise ValueError(f"{bad} must be a matrix, got shape {arr.shape}")
    d, h = W1.shape
    k = W2.shape[1]
    if a.shape[-1] != d:
        raise ValueError(f"x has {a.shape[-1]} features on its last axis but W1 expects {d} (W1 is {W1.shape})")
    _shape(b1, "b1", (h,))
    _shape(W2, "W2", (h, k))
    _shape(b2, "b2", (k,))
    return _common(a, W1, b1, W2, b2)


def mlp_forward(x, W1, b1, W2, b2):
    """Class probabilities softmax(sigmoid(x W1 + b1) W2 + b2) of a one-hidden-layer network.

    x is (..., D) (row vectors, as in the document), W1 (D, H), b1 (H,), W2 (H, K), b2 (K,);
    the result is (..., K).

    >>> mlp_forward([1.0], [[0.0]], [0.0], [[1.0, -1.0]], [0.0, 0.0]).round(4)
    array([0.7311, 0.2689])
    """
    a, W1, b1, W2, b2 = _network(x, W1, b1, W2, b2)
    with np.errstate(invalid="ignore"):
        return _g.mlp_forward(a, W1, b1, W2, b2)


def mlp_input_grad(x, y, W1, b1, W2, b2):
    """d CE(y, mlp_forward(x)) / dx = ((sigma'(z1) * (g W2^T)) W1^T, g = yhat sum(y) - y; shape of x.

    y is (..., K) targets or integer labels (...); the parameters as for mlp_forward.

    >>> mlp_input_grad([0.0], 0, [[1.0]], [0.0], [[1.0, -1.0]], [0.0, 0.0]).round(4)
    array([-0.1345])
    """
    a, W1, b1, W2, b2 = _network(x, W1, b1, W2, b2)
    t = _targets(y, np.empty(a.shape[:-1] + (W2.shape[1],), a.dtype))
    with np.errstate(invalid="ignore"):
        return _g.mlp_input_grad(a, t.astype(a.dtype, copy=False), W1, b1, W2, b2)


def linear_softmax_grads(x, y, W, b):
    """Per-example gradients (dW, db) of CE(y, softmax(W x + b)): dW = g x^T (..., K, D), db = g (..., K).

    g = softmax(theta) sum(y) - y. W is (K, D), b (K,), x (..., D), y (..., K) or integer labels
    (...). Sum dW and db over the batch axes for the gradient of a summed loss.

    >>> dW, db = linear_softmax_grads([1.0, 2.0], 0, [[0.0, 0.0], [0.0, 0.0]], [0.0, 0.0])
    >>> dW
    array([[-0.5, -1. ],
           [ 0.5,  1. ]])
    """
    a = _array(x, "x", vector=True)
    W, b = _array(W, "W"), _array(b, "b")
    if W.ndim != 2:
        raise ValueError(f"W must be a matrix, got shape {W.shape}")
    k, d = W.shape
    if a.shape[-1] != d:
        raise ValueError(f"x has {a.shape[-1]} features on its last axis but W expects {d} (W is {W.shape})")
    _shape(b, "b", (k,))
    a, W, b = _common(a, W, b)
    t = _targets(y, np.empty(a.shape[:-1] + (k,), a.dtype))
    with np.errstate(invalid="ignore"):
        return _g.linear_softmax_grads(a, t.astype(a.dtype, copy=False), W, b)
