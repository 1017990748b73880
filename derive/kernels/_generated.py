"""Numeric kernels printed from proved catalog claims by derive.emit; regenerate with `derive emit`.

Do not edit: a test regenerates this module and fails on any difference. Inputs are not checked
here; derive.kernels validates them and documents each kernel.
"""

import math

import numpy

__all__ = ["softmax", "log_softmax", "sigmoid", "sigmoid_grad", "softmax_jacobian", "log_softmax_jacobian", "softmax_cross_entropy", "softmax_cross_entropy_grad", "mlp_forward", "mlp_input_grad", "linear_softmax_grads"]


def _take(a, k):
    """The entries of a at the positions k (one per row, keepdims) along the last axis."""
    if a.ndim == 1:
        return a[k]
    return numpy.take_along_axis(a, k, axis=-1)


def _sum_except(a, k):
    """The sum over the last axis of a, leaving out the entry at position k (written into a)."""
    if a.ndim == 1:
        a[k[0]] = 0
    elif a.flags.c_contiguous:
        a.reshape(-1)[k.reshape(-1) + numpy.arange(0, a.size, a.shape[-1])] = 0
    else:
        numpy.put_along_axis(a, k, 0, axis=-1)
    return numpy.add.reduce(a, axis=-1, keepdims=True)


# log(largest float) - 40, rounded down: below exp(LIMIT) a row of up to e^40 entries sums to a finite number.
_LIMIT = {numpy.dtype(numpy.float32): 48.0, numpy.dtype(numpy.float64): 669.0}


# Above these, exp(-x) stays finite: e^700 and e^80 are below the largest float64 and float32.
_MODERATE = {numpy.dtype(numpy.float32): -80.0, numpy.dtype(numpy.float64): -700.0}


def _moderate(x):
    """Whether exp(-x) is finite at every entry of x (False when any is NaN)."""
    return bool(numpy.minimum.reduce(x, axis=None) >= _MODERATE[x.dtype])


def _shift(top, finite):
    """The shift c per row for exp(x - c), from the row maximum top (keepdims).

    0 while top lies in [0, LIMIT]: then x - 0 is exact and nothing overflows (the number 0.0
    when every row is so). Otherwise the integer nearest top, which keeps every exponent at
    most 1/2 and makes x - c splittable (see _split). A row whose maximum is not finite keeps
    it (finite=False) or gets 0.
    """
    limit = _LIMIT[top.dtype]
    if top.size == 1:
        v = top.item()
        if 0 <= v <= limit:
            return 0.0
        if v - v == 0:  # finite: the nearest integer, ties to even as numpy.rint
            return numpy.full_like(top, round(v))
        return numpy.full_like(top, 0 if finite else v)
    if 0 <= top.min() and top.max() <= limit:
        return 0.0
    c = numpy.rint(top)
    c[(top >= 0) & (top <= limit)] = 0
    if finite:
        c[~numpy.isfinite(c)] = 0
    return c


def _split(x, c):
    """x - c as (t, d): t = fl(x - c) and d = (x - c) - t exactly; (x, None) when c is the number 0.

    With c an integer, t + c is exact wherever exp(t) does not underflow, so x - (t + c) is the
    exact rounding error (the two-sum error term in two operations). Where that fails, x is
    -inf or exp(t) rounds to 0, which _exp_split drops (d is not read), or x is +inf or NaN,
    which makes the result NaN as it is anyway.
    """
    if isinstance(c, float):
        return x, None
    t = x - c
    d = t + c
    numpy.subtract(x, d, out=d)
    return t, d


# Below these, e^t is less than half the smallest subnormal (e^-745.13, e^-103.97): it rounds to 0.
_ZERO = {numpy.dtype(numpy.float32): -104.0, numpy.dtype(numpy.float64): -746.0}


def _exp_split(t, d):
    """exp(t) exp(d) as exp(t) + exp(t) d, the first-order term of exp(d): |d| < 2^-43, so within 2^-80.

    Written into t and d, which _split made for this call alone (t is x itself when d is None).
    Entries whose exponential rounds to 0 get 0 without calling exp, whose vectorised loop
    falls back to a slow scalar path on them (a shifted row of wide spread has many). At
    x = +inf, d is NaN and so is the result, as the row's is anyway.
    """
    if d is None:
        return numpy.exp(t)
    drop = t <= _ZERO[t.dtype]  # -inf among them; not NaN, which stays NaN through exp
    e = numpy.exp(t, out=t, where=~drop)
    p = numpy.multiply(e, d, out=d)
    p += e
    numpy.copyto(p, 0.0, where=drop)  # what the dropped entries held was never an exponential
    return p


# from stability/softmax/kernel#ends
# from stability/softmax/error-free-shift#1
def softmax(x):
    """Softmax over the last axis, shifted into range and split so that the shift costs no accuracy."""
    m = _shift(numpy.maximum.reduce(x, axis=-1, keepdims=True), False)
    t, d = _split(x, m)
    t0 = _exp_split(t, d)
    return numpy.divide(t0, numpy.add.reduce(t0, axis=-1, keepdims=True), out=t0)


# from stability/log-softmax/kernel#ends
# from stability/softmax/error-free-shift#1
def log_softmax(x):
    """Log-softmax over the last axis through the shifted, split log-sum-exp."""
    k = x.argmax(-1, keepdims=True)
    c = _shift(_take(x, k), True)
    t, d = _split(x, c)
    L = numpy.log1p(numpy.exp(c - _take(x, k))*_sum_except(_exp_split(t, d), k))
    z = x - _take(x, k)
    return numpy.subtract(z, L, out=z)


# from stability/sigmoid/kernel-moderate-x#1
# from stability/sigmoid/kernel-nonnegative-x#1
# from stability/sigmoid/kernel-negative-x#1
def sigmoid(x):
    """The logistic function, entry by entry, in the form that never overflows."""
    if _moderate(x):
        r = -x
        return numpy.divide(1, numpy.add(numpy.exp(r, out=r), 1, out=r), out=r)
    t0 = numpy.copysign(x, -1)
    t0 = numpy.exp(t0, out=t0)
    return numpy.where(numpy.signbit(x), t0, 1)/(t0 + 1)


# from stability/sigmoid/derivative-kernel-nonnegative-x#1
# from stability/sigmoid/derivative-kernel-negative-x#1
def sigmoid_grad(x):
    """The derivative of the logistic function, entry by entry."""
    t0 = numpy.copysign(x, -1)
    t0 = numpy.exp(t0, out=t0)
    return numpy.divide(t0, (t0 + 1)**2, out=t0)


# from stability/softmax-gradients/softmax-jacobian#1
# from stability/softmax/kernel#ends
def softmax_jacobian(x):
    """The Jacobian of softmax over the last axis, N x N per row."""
    s = softmax(x)
    return (numpy.eye(x.shape[-1], dtype=x.dtype) - s[..., None, :])*s[..., :, None]


# from stability/softmax-gradients/log-softmax-jacobian#1
# from stability/softmax/kernel#ends
def log_softmax_jacobian(x):
    """The Jacobian of log-softmax over the last axis, N x N per row."""
    s = softmax(x)
    return numpy.eye(x.shape[-1], dtype=x.dtype) - s[..., None, :]


# from stability/softmax-gradients/cross-entropy#1
# from stability/log-softmax/kernel#ends
def softmax_cross_entropy(x, y):
    """The cross-entropy of targets y against softmax(x), one value per row."""
    ls = log_softmax(x)
    return -numpy.add.reduce(ls*y, axis=-1)


# from stability/softmax-gradients/cross-entropy-gradient#1
# from stability/softmax/kernel#ends
def softmax_cross_entropy_grad(x, y):
    """The gradient of softmax_cross_entropy with respect to x."""
    s = softmax(x)
    return s*numpy.add.reduce(y, axis=-1, keepdims=True) - y


# from stability/networks/network-forward#1
# from stability/sigmoid/kernel-nonnegative-x#1
# from stability/sigmoid/kernel-negative-x#1
# from stability/softmax/kernel#ends
def mlp_forward(x, W1, b1, W2, b2):
    """Softmax(sigmoid(x W1 + b1) W2 + b2), the class probabilities of a one-hidden-layer network."""
    z1 = b1 + (x @ W1)
    h = sigmoid(z1)
    z2 = b2 + (h @ W2)
    s = softmax(z2)
    return s


# from stability/networks/network-forward#1
# from stability/networks/hidden-layer-gradient#1
# from stability/networks/sigmoid-layer-gradient#1
# from stability/sigmoid/derivative-kernel-nonnegative-x#1
# from stability/sigmoid/derivative-kernel-negative-x#1
# from stability/softmax/kernel#ends
def mlp_input_grad(x, y, W1, b1, W2, b2):
    """The gradient of the network's cross-entropy with respect to its input x."""
    z1 = b1 + (x @ W1)
    h = sigmoid(z1)
    z2 = b2 + (h @ W2)
    s = softmax(z2)
    v = ((s*numpy.add.reduce(y, axis=-1, keepdims=True) - y) @ numpy.swapaxes(W2, -1, -2))
    return ((sigmoid_grad(z1)*v) @ numpy.swapaxes(W1, -1, -2))


# from stability/networks/linear-weight-gradient#1
# from stability/networks/linear-bias-gradient#1
# from stability/softmax/kernel#ends
def linear_softmax_grads(x, y, W, b):
    """The gradients (dW, db) of the cross-entropy of softmax(W x + b), per example."""
    theta = b + (x @ numpy.swapaxes(W, -1, -2))
    s = softmax(theta)
    t0 = s*numpy.add.reduce(y, axis=-1, keepdims=True) - y
    return t0[..., :, None]*x[..., None, :], t0


# from stability/sigmoid/kernel-nonnegative-x#1
# from stability/sigmoid/kernel-negative-x#1
def sigmoid_entry(x):
    """One entry of sigmoid, the loop body of its compiled ufunc (derive.kernels._compiled)."""
    t0 = math.exp(-abs(x))
    s = t0 + 1
    q = ((t0) if math.copysign(1.0, x) < 0 else (1))/s
    return q - q*(((1 - s) + t0)/s)


# from stability/sigmoid/derivative-kernel-nonnegative-x#1
# from stability/sigmoid/derivative-kernel-negative-x#1
def sigmoid_grad_entry(x):
    """One entry of sigmoid_grad, the loop body of its compiled ufunc (derive.kernels._compiled)."""
    t0 = math.exp(-abs(x))
    return t0/(t0 + 1)**2
