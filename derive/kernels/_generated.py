"""Numeric kernels printed from proved catalog claims by derive.emit; regenerate with `derive emit`.

Do not edit: a test regenerates this module and fails on any difference. Inputs are not checked
here; derive.kernels validates them and documents each kernel.
"""

import numpy

__all__ = ["softmax", "log_softmax", "sigmoid", "sigmoid_grad", "softmax_jacobian", "log_softmax_jacobian", "softmax_cross_entropy", "softmax_cross_entropy_grad", "mlp_forward", "mlp_input_grad", "linear_softmax_grads"]


def _sum_except(a, k):
    """The sum over the last axis of a, leaving out the entry at position k (written into a)."""
    numpy.put_along_axis(a, k, 0, axis=-1)
    return numpy.sum(a, axis=-1, keepdims=True)


# from stability/softmax/shift#ends
def softmax(x):
    """Softmax over the last axis, shifted by the row maximum."""
    m = numpy.max(x, axis=-1, keepdims=True)
    t0 = numpy.exp(-m + x)
    return t0/numpy.sum(t0, axis=-1, keepdims=True)


# from stability/log-softmax/log-sum-exp#ends
def log_softmax(x):
    """Log-softmax over the last axis through the shifted log-sum-exp."""
    k = numpy.argmax(x, axis=-1, keepdims=True)
    t0 = x - numpy.take_along_axis(x, k, axis=-1)
    return -numpy.log1p(_sum_except(numpy.exp(t0), k)) + t0


# from stability/sigmoid/kernel-nonnegative-x#1
# from stability/sigmoid/kernel-negative-x#1
def sigmoid(x):
    """The logistic function, entry by entry, in the form that never overflows."""
    return numpy.exp(numpy.minimum(x, 0))/(1 + numpy.exp(-numpy.abs(x)))


# from stability/sigmoid/derivative-kernel-nonnegative-x#1
# from stability/sigmoid/derivative-kernel-negative-x#1
def sigmoid_grad(x):
    """The derivative of the logistic function, entry by entry."""
    t0 = numpy.exp(-numpy.abs(x))
    return t0/(t0 + 1)**2


# from stability/softmax-gradients/softmax-jacobian#1
# from stability/softmax/shift#ends
def softmax_jacobian(x):
    """The Jacobian of softmax over the last axis, N x N per row."""
    s = softmax(x)
    return (numpy.eye(x.shape[-1], dtype=x.dtype) - s[..., None, :])*s[..., :, None]


# from stability/softmax-gradients/log-softmax-jacobian#1
# from stability/softmax/shift#ends
def log_softmax_jacobian(x):
    """The Jacobian of log-softmax over the last axis, N x N per row."""
    s = softmax(x)
    return numpy.eye(x.shape[-1], dtype=x.dtype) - s[..., None, :]


# from stability/softmax-gradients/cross-entropy#1
# from stability/log-softmax/log-sum-exp#ends
def softmax_cross_entropy(x, y):
    """The cross-entropy of targets y against softmax(x), one value per row."""
    ls = log_softmax(x)
    return -numpy.sum(ls*y, axis=-1)


# from stability/softmax-gradients/cross-entropy-gradient#1
# from stability/softmax/shift#ends
def softmax_cross_entropy_grad(x, y):
    """The gradient of softmax_cross_entropy with respect to x."""
    s = softmax(x)
    return s*numpy.sum(y, axis=-1, keepdims=True) - y


# from stability/networks/network-forward#1
# from stability/sigmoid/kernel-nonnegative-x#1
# from stability/sigmoid/kernel-negative-x#1
# from stability/softmax/shift#ends
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
# from stability/softmax/shift#ends
def mlp_input_grad(x, y, W1, b1, W2, b2):
    """The gradient of the network's cross-entropy with respect to its input x."""
    z1 = b1 + (x @ W1)
    h = sigmoid(z1)
    z2 = b2 + (h @ W2)
    s = softmax(z2)
    v = ((s*numpy.sum(y, axis=-1, keepdims=True) - y) @ numpy.swapaxes(W2, -1, -2))
    return ((sigmoid_grad(z1)*v) @ numpy.swapaxes(W1, -1, -2))


# from stability/networks/linear-weight-gradient#1
# from stability/networks/linear-bias-gradient#1
# from stability/softmax/shift#ends
def linear_softmax_grads(x, y, W, b):
    """The gradients (dW, db) of the cross-entropy of softmax(W x + b), per example."""
    theta = b + (x @ numpy.swapaxes(W, -1, -2))
    s = softmax(theta)
    t0 = s*numpy.sum(y, axis=-1, keepdims=True) - y
    return t0[..., :, None]*x[..., None, :], t0
