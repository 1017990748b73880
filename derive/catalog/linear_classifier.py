"""The weight and bias gradients of a softmax linear classifier f(x) = Wx + b under cross-entropy."""

from __future__ import annotations

import sympy as sp
from sympy import MatrixSymbol

from ..matrix import derivative, elementwise, matmul, softmax_of, to_side
from ..notation import index, size, vector
from .build import assume, column, derivation, row, side, step

C = size("C")
D = size("D")

# Columns, as the document writes Wx + b: x is D x 1, W is C x D, one row of W per class.
x = MatrixSymbol("x", D, 1)
W = MatrixSymbol("W", C, D)
b = MatrixSymbol("b", C, 1)
y_true = MatrixSymbol("y'", C, 1)
f_var = MatrixSymbol("f", C, 1)

TITLE = "Weight and bias gradients of a softmax linear classifier"


def _loss(f):
    """L = -sum_i y'_i log y_i with y = softmax(f), a 1 x 1 matrix."""
    return -matmul(y_true.T, elementwise(sp.log, softmax_of(f)))


def _freilich():
    i, j, t, c = (index(name, C) for name in ("i", "j", "t", "c"))
    d = index("d", D)
    f = W * x + b
    loss = _loss(f)
    W_e, x_e, b_e, yp_e = vector("W"), vector("x"), vector("b"), vector("y'")
    # dL/df_j, section 2's result, carried out from L and taken at f = Wx + b.
    dL_df_j = to_side(derivative(_loss(f_var), f_var, at=f), indices=(j,)).expr
    f_j = to_side(f, indices=(j,)).expr
    y_i = to_side(softmax_of(f), indices=(i,)).expr
    y_minus = y_i - yp_e[i]
    df_j_dW_j = sp.Derivative(f_j, W_e[j, d])
    df_j_db_j = sp.Derivative(f_j, b_e[j])
    unbound = ("The document leaves $i$ unbound: it is read as a free index, so the claim must hold for "
               "every class $i$, whatever $j$ is.")
    return derivation(
        "linear-classifier/004",
        topic="linear_classifier",
        source="004_ed8d11caee23e51a.txt",
        title=TITLE,
        statement=r"\frac{\partial L}{\partial W} = (y_i - y'_i)(x),\quad \frac{\partial L}{\partial b_j} = y_i - y'_i",
        assume=assume(onehot=[(yp_e, t)],
                      text=("L = -sum_i y'_i log y_i with y = softmax(f) and f = Wx + b, one image",
                            "y' is one-hot at the true class t")),
        note="3. Derive weight gradients. $x$, $b$, $f$, $y$ and $y'$ are columns, $W$ is $C \\times D$; $dL/df_j$ is carried "
             "out from $L$ rather than taken from section 2, whose steps are checked with the cross-entropy "
             "gradient.",
        steps=[
            step("3, dL/dW",
                 r"\frac{\partial L}{\partial W} = \frac{\partial L}{\partial f_j} \cdot \frac{\partial f_j}{\partial W_j}"
                 r" = (y_i - y'_i) \cdot \frac{\partial (Wx+b)}{\partial W} = (y_i - y'_i) (x)",
                 to_side(derivative(loss, W), indices=(c, d)),
                 row(dL_df_j * df_j_dW_j, d),
                 row(y_minus * df_j_dW_j, d),
                 column(y_minus * x_e[d], d),
                 expect=("refuted", "refuted", "proved under convention"), ends="refuted",
                 correction=to_side(matmul(softmax_of(f) - y_true, x.T), indices=(c, d)),
                 reading="$dL/dW$ is the $C \\times D$ matrix of $dL/dW_{cd}$. $W_j$ is row $j$ of $W$, so the second term is "
                         "the $1 \\times D$ row of $dL/df_j \\cdot df_j/dW_{jd}$. $d(Wx+b)/dW$ is read as the factor it "
                         "replaces, $df_j/dW_j$. $(x)$ is the column $x$. " + unbound,
                 note="The middle terms are about row $j$ only, and $(y_i - y'_i)(x)$ is a $D$-vector with an "
                      "unbound $i$; read as vectors, $(y - y')(x)$ multiplies a $C \\times 1$ by a $D \\times 1$, which does "
                      "not fit. The gradient is the outer product $(y - y') x^T$."),
            step("3, dL/db",
                 r"\frac{\partial L}{\partial b_j} = \frac{\partial L}{\partial f_j} \cdot \frac{\partial f_j}{\partial b_j}"
                 r" = (y_i - y'_i) \cdot \frac{\partial (Wx+b)}{\partial b} = (y_i - y'_i)",
                 side(to_side(derivative(loss, b), indices=(j,)).expr),
                 side(dL_df_j * df_j_db_j),
                 side(y_minus * df_j_db_j),
                 side(y_minus),
                 expect=("proved", "refuted", "proved"), ends="refuted",
                 correction=side(to_side(softmax_of(f) - y_true, indices=(j,)).expr),
                 reading="Each term is one entry, of class $j$ on the left. $d(Wx+b)/db$ is read as the factor "
                         "it replaces, $df_j/db_j$. " + unbound,
                 note="The left side has index $j$, the right side index $i$: they agree only when $i = j$."),
        ],
    )


DERIVATIONS = (_freilich(),)
