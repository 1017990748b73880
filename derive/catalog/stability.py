"""The project's own identities behind the numeric kernels: every rewrite the kernel emitter applies.

Each claim states the textbook form on the left and the form a kernel evaluates on the right.
Forms that depend on the sign of x are stated twice, at x = p and at x = -p with p >= 0, so
that together they cover every real x without a case split the verifier would have to read.
"""

from __future__ import annotations

import sympy as sp
from sympy import Derivative, KroneckerDelta

from ..notation import Unfoldable, dsigmoid, fresh_index, index, sigmoid, size, softmax, summation, vector
from .build import assume, define, derivation, entry, matrix, side, step

__all__ = ["DERIVATIONS", "SumExcept", "sigmoid_form", "sigmoid_grad_form", "split_exp"]

N = size("N")
D = size("D")
H = size("H")
K = size("K")
x = vector("x")
y = vector("y")
theta = vector("theta")
W = vector("W")
b = vector("b")
W1 = vector("W1")
b1 = vector("b1")
W2 = vector("W2")
b2 = vector("b2")
z1 = vector("z1")
h = vector("h")
z2 = vector("z2")
v = vector("v")
t = vector("t")
m = sp.Symbol("m", real=True)
c = sp.Symbol("c", real=True)
u = sp.Symbol("u", real=True)
p = sp.Symbol("p", nonnegative=True)

SOURCE = "derive"
e = sp.exp


class SumExcept(Unfoldable):
    """sum over j != k of body: ``SumExcept(Lambda(j, body), k)``, k within j's range.

    Kept whole (SymPy would cancel the term at k against the full sum) so that a kernel can
    add the terms without ever forming the full sum: 1 + (sum - 1) loses the small terms.
    """

    nargs = 2

    def unfold(self) -> sp.Expr:
        vec, k = self.args
        (j,) = vec.variables
        f = fresh_index(j, j.lower, j.upper)
        return sp.Sum(vec(f), (f, j.lower, j.upper)) - vec(k)

    def _eval_is_real(self):
        return True


def sigmoid_form(v):
    """sigma(v) as a kernel evaluates it: e^{min(v, 0)} / (1 + e^{-|v|}), never overflowing."""
    return e(sp.Min(v, 0)) / (1 + e(-sp.Abs(v)))


def sigmoid_grad_form(v):
    """sigma'(v) as a kernel evaluates it: e^{-|v|} / (1 + e^{-|v|})^2, even in v."""
    return e(-sp.Abs(v)) / (1 + e(-sp.Abs(v))) ** 2


def split_exp(q, shift):
    """e^{x_q - shift} as a kernel evaluates it: e^{t_q} e^{(x_q - shift) - t_q}, t_q = fl(x_q - shift).

    The identity holds for every real t; the kernel's t_q is the rounded difference, whose error
    d_q = (x_q - shift) - t_q is exact in floating point, and e^{d_q} is evaluated as 1 + d_q.
    """
    return e(t[q]) * e((x[q] - shift) - t[q])


_SPLIT_NOTE = ("$t$ is any real vector. The kernel takes $t_j = \\mathrm{{fl}}(x_j - {s})$, the rounded difference, with ${s}$ an "
               "integer (or 0), so that its rounding error $d_j = (x_j - {s}) - t_j$ is exactly $x_j - (t_j + {s})$ in "
               "floating point; it then evaluates $e^{{d_j}}$ as $1 + d_j$. That last step is a floating-point "
               "approximation, not part of the claim: $|d_j| \\le 2^{{-53}} |t_j|$ and $e^{{t_j}}$ underflows for $t_j < -746$, "
               "so the neglected $d_j^2 / 2$ is below $2^{{-80}}$ relative (benchmarks/accuracy_kernels.py measures the result).")


def _sm(body, i, j):
    return softmax(sp.Lambda(j, body(j)), i)


def _softmax():
    i, j = index("i", N), index("j", N)
    return derivation(
        "stability/softmax",
        topic="stability",
        source=SOURCE,
        title="Softmax without overflow",
        statement=r"\operatorname{softmax}(x)_i = \frac{e^{x_i - m}}{\sum_j e^{x_j - m}},\ m = \max_j x_j",
        steps=[
            step("shift",
                 r"\operatorname{softmax}(x)_i = \operatorname{softmax}(x - m)_i = \frac{e^{x_i - m}}{\sum_j e^{x_j - m}}",
                 entry(_sm(lambda k: x[k], i, j), i),
                 entry(_sm(lambda k: x[k] - m, i, j), i),
                 entry(e(x[i] - m) / summation(e(x[j] - m), j), i),
                 reading="$m$ is any real constant; the kernel takes $m = 0$ while the row maximum lies in "
                         "$[0, \\log(\\text{largest float}) - 40]$, else the integer nearest the row maximum, so no "
                         "exponential overflows and the largest term is at least $e^{-1/2}$."),
            step("error-free shift", r"e^{x_i - m} = e^{t_i}\, e^{(x_i - m) - t_i}",
                 entry(e(x[i] - m), i), entry(split_exp(i, m), i),
                 note=_SPLIT_NOTE.format(s="m")),
            step("kernel",
                 r"\operatorname{softmax}(x)_i = \frac{e^{x_i - m}}{\sum_j e^{x_j - m}}"
                 r" = \frac{e^{t_i} e^{(x_i - m) - t_i}}{\sum_j e^{t_j} e^{(x_j - m) - t_j}}",
                 entry(_sm(lambda k: x[k], i, j), i),
                 entry(e(x[i] - m) / summation(e(x[j] - m), j), i),
                 entry(split_exp(i, m) / summation(split_exp(j, m), j), i),
                 reading="the form the kernel evaluates: the shift of the first step with each exponential "
                         "split as in the second, so that the rounding of $x_j - m$ costs no accuracy."),
        ],
    )


def _log_softmax():
    i, j, k = index("i", N), index("j", N), index("k", N)
    shifted = x[i] - x[k]
    return derivation(
        "stability/log-softmax",
        topic="stability",
        source=SOURCE,
        title="Log-softmax through the shifted log-sum-exp",
        statement=r"\log\operatorname{softmax}(x)_i = (x_i - x_k) - \log\bigl(1 + \sum_{j \ne k} e^{x_j - x_k}\bigr)",
        steps=[
            step("log-sum-exp",
                 r"\log\operatorname{softmax}(x)_i = (x_i - x_k) - \log\sum_j e^{x_j - x_k}"
                 r" = (x_i - x_k) - \log\bigl(1 + \sum_{j \ne k} e^{x_j - x_k}\bigr)",
                 entry(sp.log(_sm(lambda q: x[q], i, j)), i),
                 entry(shifted - sp.log(summation(e(x[j] - x[k]), j)), i),
                 entry(shifted - sp.log(1 + SumExcept(sp.Lambda(j, e(x[j] - x[k])), k)), i),
                 reading="$k$ is any index; the kernel takes $k = \\operatorname{argmax}_j x_j$, so the sum is 1 plus terms "
                         "at most 1 each, and $\\log(1 + s)$ is evaluated as $\\operatorname{log1p}(s)$ without forming $1 + s$."),
            step("kernel",
                 r"\log\operatorname{softmax}(x)_i = (x_i - x_k) - \log\bigl(1 + \sum_{j \ne k} e^{x_j - x_k}\bigr)"
                 r" = (x_i - x_k) - \log\bigl(1 + \sum_{j \ne k} e^{c - x_k} e^{t_j} e^{(x_j - c) - t_j}\bigr)",
                 entry(sp.log(_sm(lambda q: x[q], i, j)), i),
                 entry(shifted - sp.log(1 + SumExcept(sp.Lambda(j, e(x[j] - x[k])), k)), i),
                 entry(shifted - sp.log(1 + SumExcept(sp.Lambda(j, e(c - x[k]) * split_exp(j, c)), k)), i),
                 reading="$c$ is any real number: the kernel takes $c = 0$ while $x_k$ lies in $[0, \\log(\\text{largest "
                         "float}) - 40]$, else the integer nearest $x_k$, and multiplies the sum by $e^{c - x_k}$ once.",
                 note=_SPLIT_NOTE.format(s="c")),
        ],
    )


def _sigmoid():
    return derivation(
        "stability/sigmoid",
        topic="stability",
        source=SOURCE,
        title="The logistic function and its derivative without overflow",
        statement=r"\sigma(x) = \frac{e^{\min(x, 0)}}{1 + e^{-|x|}},\quad \sigma'(x) = \frac{e^{-|x|}}{(1 + e^{-|x|})^2}",
        steps=[
            step("complement", r"1 - \sigma(x) = \sigma(-x)", 1 - sigmoid(u), sigmoid(-u)),
            step("negative form", r"\sigma(x) = \frac{e^x}{1 + e^x}", sigmoid(u), e(u) / (1 + e(u)),
                 reading="the form that stays finite for $x < 0$: $e^x$ never overflows there."),
            step("kernel, moderate x", r"\sigma(x) = \frac{1}{1 + e^{-x}},\ x \ge -700\ (-80 \text{ in float32})",
                 sigmoid(u), 1 / (1 + e(-u)),
                 reading="the definition itself: while every $x \\ge -700$ ($-80$ in float32), $e^{-x}$ stays finite and "
                         "the kernel evaluates this form, four passes over the array; otherwise it takes "
                         "the sign-split form below, which never overflows."),
            step("kernel, nonnegative x", r"\sigma(x) = \frac{e^{\min(x,0)}}{1 + e^{-|x|}},\ x = p \ge 0",
                 sigmoid(p), sigmoid_form(p),
                 reading="with $x = p \\ge 0$ the kernel form reads $1 / (1 + e^{-p})$."),
            step("kernel, negative x", r"\sigma(x) = \frac{e^{\min(x,0)}}{1 + e^{-|x|}},\ x = -p \le 0",
                 sigmoid(-p), sigmoid_form(-p),
                 reading="with $x = -p \\le 0$ the kernel form reads $e^{-p} / (1 + e^{-p})$."),
            step("product", r"\sigma(x)(1 - \sigma(x)) = \sigma(x)\sigma(-x)",
                 sigmoid(u) * (1 - sigmoid(u)), sigmoid(u) * sigmoid(-u)),
            step("derivative", r"\sigma'(x) = \sigma(x)\sigma(-x)", dsigmoid(u), sigmoid(u) * sigmoid(-u)),
            step("derivative kernel, nonnegative x", r"\sigma'(x) = \frac{e^{-|x|}}{(1 + e^{-|x|})^2},\ x = p \ge 0",
                 dsigmoid(p), sigmoid_grad_form(p)),
            step("derivative kernel, negative x", r"\sigma'(x) = \frac{e^{-|x|}}{(1 + e^{-|x|})^2},\ x = -p \le 0",
                 dsigmoid(-p), sigmoid_grad_form(-p)),
        ],
    )


def _softmax_gradients():
    i, j, k, q = index("i", N), index("j", N), index("k", N), index("q", N)
    s_i, s_j = _sm(lambda a: x[a], i, q), _sm(lambda a: x[a], j, q)
    loss = -summation(y[k] * sp.log(_sm(lambda a: x[a], k, q)), k)
    return derivation(
        "stability/softmax-gradients",
        topic="stability",
        source=SOURCE,
        title="Jacobians of softmax and log-softmax, and the cross-entropy gradient",
        statement=r"\frac{\partial}{\partial x_j}\Bigl(-\sum_k y_k \log\operatorname{softmax}(x)_k\Bigr)"
                  r" = \operatorname{softmax}(x)_j \sum_k y_k - y_j",
        steps=[
            step("softmax jacobian",
                 r"\frac{\partial \operatorname{softmax}(x)_i}{\partial x_j} = s_i(\delta_{ij} - s_j)",
                 matrix(Derivative(s_i, x[j]), i, j), matrix(s_i * (KroneckerDelta(i, j) - s_j), i, j)),
            step("log-softmax jacobian",
                 r"\frac{\partial \log\operatorname{softmax}(x)_i}{\partial x_j} = \delta_{ij} - s_j",
                 matrix(Derivative(sp.log(s_i), x[j]), i, j), matrix(KroneckerDelta(i, j) - s_j, i, j)),
            step("cross-entropy",
                 r"-\sum_k y_k \log\operatorname{softmax}(x)_k = -\sum_k y_k \log\operatorname{softmax}(x)_k",
                 side(loss), side(loss),
                 reading="the loss as the kernels compute it, through log-softmax; $y$ is any vector of weights."),
            step("cross-entropy gradient",
                 r"\frac{\partial}{\partial x_j}\Bigl(-\sum_k y_k \log s_k\Bigr) = s_j \sum_k y_k - y_j",
                 entry(Derivative(loss, x[j]), j), entry(s_j * summation(y[k], k) - y[j], j),
                 reading="for any target vector $y$; it is $s - y$ when the targets sum to 1."),
            step("cross-entropy gradient, one-hot",
                 r"\frac{\partial}{\partial x_j}\Bigl(-\sum_k y_k \log s_k\Bigr) = s_j - y_j",
                 entry(Derivative(loss, x[j]), j), entry(s_j - y[j], j),
                 assume=assume(onehot=[(y, index("t", N))])),
        ],
    )


def _networks():
    d, d2 = index("d", D), index("d2", D)
    c, c2 = index("c", H), index("c2", H)
    k, k2, q = index("k", K), index("k2", K), index("q", K)
    first = assume(definitions=[define(z1, summation(x[d2] * W1[d2, c], d2) + b1[c], c)])
    output = assume(definitions=[define(z2, summation(h[c2] * W2[c2, k], c2) + b2[k], k)])
    hidden = assume(definitions=first.definitions[:1] + (define(h, sigmoid(z1[c]), c),) + output.definitions)
    loss_h = -summation(y[k2] * sp.log(_sm(lambda a: z2[a], k2, q)), k2)
    g2 = _sm(lambda a: z2[a], k, q) * summation(y[k2], k2) - y[k]
    logits = summation(x[d2] * W[k, d2], d2) + b[k]
    linear = assume(definitions=[define(theta, logits, k)])
    loss1 = -summation(y[k2] * sp.log(_sm(lambda a: theta[a], k2, q)), k2)
    g1 = _sm(lambda a: theta[a], k, q) * summation(y[k2], k2) - y[k]
    return derivation(
        "stability/networks",
        topic="stability",
        source=SOURCE,
        title="Forward and backward passes of a linear softmax classifier and a one-hidden-layer network",
        statement=r"\frac{\partial \mathrm{CE}}{\partial x} = \bigl(\sigma'(z_1) \circ (g W_2^T)\bigr) W_1^T,"
                  r"\ g = \hat y \textstyle\sum_k y_k - y",
        steps=[
            step("network forward",
                 r"\hat y_k = \operatorname{softmax}(z_2)_k,\ z_2 = \sigma(x W_1 + b_1) W_2 + b_2",
                 entry(_sm(lambda a: z2[a], k, q), k), entry(_sm(lambda a: z2[a], k, q), k),
                 assume=hidden,
                 reading="the network as defined: row vector $x$, $W_1$ is $D \\times H$, $W_2$ is $H \\times K$."),
            step("hidden-layer gradient",
                 r"\frac{\partial \mathrm{CE}}{\partial h_c} = \sum_k W_{2,ck}\, g_k,\ z_2 = h W_2 + b_2",
                 entry(Derivative(loss_h, h[c]), c), entry(summation(W2[c, k] * g2, k), c),
                 assume=output,
                 reading="$h$ is the hidden layer taken as the variable; $g$ is the cross-entropy gradient at $z_2$."),
            step("sigmoid-layer gradient",
                 r"\frac{\partial}{\partial x_d} \sum_c v_c\, \sigma(z_{1,c}) = \sum_c W_{1,dc}\, \sigma'(z_{1,c})\, v_c,"
                 r"\ z_1 = x W_1 + b_1",
                 entry(Derivative(summation(v[c2] * sigmoid(z1[c2]), c2), x[d]), d),
                 entry(summation(W1[d, c] * dsigmoid(z1[c]) * v[c], c), d),
                 assume=first,
                 reading="$v$ is any vector that does not depend on $x$; with $v = d\\mathrm{CE}/dh$ this is the chain rule "
                         "through the hidden layer, which gives the gradient with respect to the input."),
            step("linear weight gradient",
                 r"\frac{\partial \mathrm{CE}}{\partial W_{kd}} = g_k x_d,\ \theta = W x + b",
                 matrix(Derivative(loss1, W[k, d]), k, d), matrix(g1 * x[d], k, d),
                 assume=linear),
            step("linear bias gradient",
                 r"\frac{\partial \mathrm{CE}}{\partial b_k} = g_k,\ \theta = W x + b",
                 entry(Derivative(loss1, b[k]), k), entry(g1, k),
                 assume=linear),
        ],
    )


DERIVATIONS = (_softmax(), _log_softmax(), _sigmoid(), _softmax_gradients(), _networks())
