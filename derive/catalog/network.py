"""The gradient of a one-hidden-layer network's cross-entropy loss with respect to its input x."""

from __future__ import annotations

import sympy as sp
from sympy import MatrixSymbol

from ..matrix import BROADCASTING, DIAGONAL, as_diagonal, derivative, elementwise, hadamard, matmul, softmax_of, to_side
from ..notation import dsigmoid, index, sigmoid, size, vector
from .build import assume, derivation, step

Dx = size("D_x")
H = size("H")
Dy = size("D_y")

# Rows, as the document writes x W1: x is 1 x Dx, the layers map rows to rows.
x = MatrixSymbol("x", 1, Dx)
W1 = MatrixSymbol("W1", Dx, H)
b1 = MatrixSymbol("b1", 1, H)
W2 = MatrixSymbol("W2", H, Dy)
b2 = MatrixSymbol("b2", 1, Dy)
y = MatrixSymbol("y", 1, Dy)

# The intermediate quantities as variables of their own, for the factors of the chain rule.
z1_var = MatrixSymbol("z1", 1, H)
h_var = MatrixSymbol("h", 1, H)
z2_var = MatrixSymbol("z2", 1, Dy)

TITLE = "Gradient of a one-hidden-layer network with respect to its input"


def _cross_entropy(z2):
    """CE(y, yhat) = -sum_i y_i log yhat_i with yhat = softmax(z2), a 1 x 1 matrix."""
    return -matmul(y, elementwise(sp.log, softmax_of(z2)).T)


def _layers():
    z1 = x * W1 + b1
    h = elementwise(sigmoid, z1)
    z2 = h * W2 + b2
    return z1, h, z2


def _assignment():
    z1, h, z2 = _layers()
    t = index("t", Dy)
    ce = _cross_entropy(z2)
    den = dict(layout="denominator")
    chain = matmul(derivative(z1, x, **den),
                   derivative(elementwise(sigmoid, z1_var), z1_var, at=z1, **den),
                   derivative(h_var * W2 + b2, h_var, at=h, **den),
                   derivative(_cross_entropy(z2_var), z2_var, at=z2, **den))
    yhat = softmax_of(z2)
    result = matmul(hadamard(W1, elementwise(dsigmoid, z1)), W2, (yhat - y).T)
    return derivation(
        "network-gradient/002",
        topic="network",
        source="002_659694377acdb9c6.txt",
        title=TITLE,
        statement=r"\frac{\partial \mathrm{CE}(y, \hat y)}{\partial x}"
                  r" = W_1 \circ \sigma'(z_1) \cdot W_2 \cdot (\hat{y}-y)^t",
        assume=assume(onehot=[(vector("y"), t)],
                      text="y is one-hot: y_t = 1 for the correct class t"),
        note="$z_1 = x W_1 + b_1$, $h = \\sigma(z_1)$, $z_2 = h W_2 + b_2$ and $\\hat{y} = \\operatorname{softmax}(z_2)$ are "
             "definitions and are substituted, not checked; $x$, $b_1$, $b_2$, $h$, $y$ are rows.",
        steps=[
            step("2(c), chain rule",
                 r"\frac{\partial \mathrm{CE}}{\partial x} = \frac{\partial z_1}{\partial x}"
                 r" \cdot \frac{\partial h}{\partial z_1} \cdot \frac{\partial z_2}{\partial h}"
                 r" \cdot \frac{\partial \mathrm{CE}}{\partial z_2}",
                 to_side(derivative(ce, x, **den)), to_side(chain),
                 expect="proved under convention",
                 reading="Every derivative in denominator layout ($du/dv$ has $v$'s length rows), the only layout "
                         "in which the factors multiply in the order written; each factor is taken at the "
                         "network's values ($dh/dz_1$ at $z_1 = x W_1 + b_1$, and so on)."),
            step("2(c), dz1/dx", r"\frac{\partial z_1}{\partial x} = W_1",
                 to_side(derivative(z1, x, **den)), to_side(W1),
                 expect="proved under convention",
                 reading="Denominator layout: entry $(j, m)$ is $\\partial z_{1,m}/\\partial x_j$."),
            step("2(c), dz1/dx, numerator layout", r"\frac{\partial z_1}{\partial x} = W_1",
                 to_side(derivative(z1, x)), to_side(W1),
                 expect="proved under convention",
                 reading="The Jacobian in numerator layout (entry $(m, j)$ is $\\partial z_{1,m}/\\partial x_j$) is $H \\times D_x$: "
                         "it equals $W_1$ only up to transpose.",
                 note="Not a separate line of the document: the same equation read in the other layout."),
            step("2(c), dh/dz1", r"\frac{\partial h}{\partial z_1} = \sigma'(z_1)",
                 to_side(derivative(elementwise(sigmoid, z1_var), z1_var, **den)),
                 to_side(as_diagonal(elementwise(dsigmoid, z1_var)), allow=(DIAGONAL,)),
                 expect="proved under convention",
                 reading="The row $\\sigma'(z_1)$ stands for the $H \\times H$ diagonal matrix $\\operatorname{diag}(\\sigma'(z_1))$, "
                         "the Jacobian of $\\sigma$ taken entry by entry."),
            step("2(c), dz2/dh", r"\frac{\partial z_2}{\partial h} = W_2",
                 to_side(derivative(h_var * W2 + b2, h_var, **den)), to_side(W2),
                 expect="proved under convention",
                 reading="Denominator layout: entry $(m, k)$ is $\\partial z_{2,k}/\\partial h_m$."),
            step("2(c), dCE/dz2", r"\frac{\partial \mathrm{CE}(y, \hat y)}{\partial z_2} = \hat{y} - y",
                 to_side(derivative(_cross_entropy(z2_var), z2_var)), to_side(softmax_of(z2_var) - y),
                 reading="The gradient of a scalar has the variable's shape: a $1 \\times D_y$ row, as $\\hat{y} - y$ is."),
            step("2(c), result",
                 r"\frac{\partial \mathrm{CE}(y, \hat y)}{\partial x} = W_1 \circ \sigma'(z_1) \cdot W_2"
                 r" \cdot (\hat{y}-y)^t",
                 to_side(derivative(ce, x)), to_side(result, allow=(BROADCASTING,)),
                 expect="proved under convention",
                 reading="$\\circ$ is the entry-by-entry product with the $1 \\times H$ row $\\sigma'(z_1)$ broadcast over "
                         "the $D_x$ rows of $W_1$, as the document says; the left side has $x$'s shape ($1 \\times D_x$), "
                         "the right side is $D_x \\times 1$."),
        ],
    )


DERIVATIONS = (_assignment(),)
