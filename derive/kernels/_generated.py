"""Numeric kernels printed from proved catalog claims by derive.emit; regenerate with `derive emit`.

Do not edit: a test regenerates this module and fails on any difference. Inputs are not checked
here; derive.kernels validates them and documents each kernel. The helpers the code calls around
the proved formulas are written by hand in derive/kernels/_runtime.py.
"""

import math

import numpy

from ._runtime import _exp_split, _moderate, _shift, _split, _sum_except, _take

__all__ = ["softmax", "log_softmax", "sigmoid", "sigmoid_grad", "softmax_jacobian", "log_softmax_jacobian", "softmax_cross_entropy", "softmax_cross_entropy_grad", "mlp_forward", "mlp_input_grad", "linear_softmax_grads"]


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
