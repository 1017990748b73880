"""The Jacobians of softmax and log-softmax: d softmax(x)_i / dx_j = softmax_i (delta_ij - softmax_j)."""

from __future__ import annotations

import sympy as sp
from sympy import Derivative, KroneckerDelta

from ..notation import index, size, softmax, summation, vector
from .build import assume, define, derivation, matrix, row, step

K = size("K")
N = size("N")
theta = vector("theta")
x = vector("x")
f = vector("f")
g = vector("g")
t = vector("t")
sm = vector("sm")
y = vector("y")

SOFTMAX_TITLE = "Jacobian of softmax"


def _frydenlund():
    i, j, c = index("i", K), index("j", K), index("c", K)
    e = sp.exp
    S = summation(e(theta[c]), c)
    case_equal = assume(equal=[(i, j)])
    case_distinct = assume(distinct=[(i, j)])
    quotient = (Derivative(e(theta[i]), theta[j]) * S - Derivative(S, theta[j]) * e(theta[i])) / S ** 2
    split = g[i] * (S / S - e(theta[i]) / S)
    chain_14 = -e(theta[i]) * S ** -2 * e(theta[j])
    return derivation(
        "softmax-jacobian/000",
        topic="jacobians",
        source="000_e316718807a0f1a9.txt",
        title=SOFTMAX_TITLE,
        statement=r"\frac{dg(\theta_i)}{d\theta_j} = g(\theta_i)(t_{ij} - g(\theta_i))",
        assume=assume(definitions=[define(g, e(theta[i]) / S, i), define(t, KroneckerDelta(i, j), i, j)]),
        note="$g(\\theta_i)$ is entry $i$ of $\\operatorname{softmax}(\\theta)$, written $g[i]$; $t_{ij}$ is defined before (16).",
        steps=[
            step("(10)", r"\frac{\partial}{\partial \theta_j} g(\theta_i) = \frac{\partial}{\partial \theta_j} g(\theta_j)"
                         r" = \frac{\partial}{\partial \theta_i} g(\theta_i)",
                 Derivative(g[i], theta[j]), Derivative(g[j], theta[j]), Derivative(g[i], theta[i]),
                 assume=case_equal),
            step("(11)", r"\frac{dg(\theta_i)}{d\theta_i} = \frac{d}{d\theta_i} \frac{e^{\theta_i}}{\sum_{c} e^{\theta_c}}"
                         r" = \frac{\left(\frac{d}{d\theta_j} e^{\theta_i}\right) \left(\sum_{c} e^{\theta_c}\right)"
                         r" - \left(\frac{d}{d\theta_j} \sum_{c} e^{\theta_c}\right) (e^{\theta_i})}"
                         r"{\left(\sum_{c} e^{\theta_c}\right)^2}",
                 Derivative(g[i], theta[i]), Derivative(e(theta[i]) / S, theta[i]), quotient,
                 assume=case_equal),
            step("where, after (11)",
                 r"\left(\frac{d}{d\theta_j}\sum_c e^{\theta_c}\right)(e^{\theta_i}) = \frac{d}{d\theta_j}e^{\theta_1} + \dots"
                 r" + e^{\theta_j} + \dots + e^{\theta_K} = e^{\theta_j} = e^{\theta_i}",
                 Derivative(S, theta[j]) * e(theta[i]),
                 summation(Derivative(e(theta[c]), theta[j]), c),
                 e(theta[j]),
                 e(theta[i]),
                 expect=("refuted", "proved", "proved"), ends="refuted",
                 correction=e(theta[j]) * e(theta[i]),
                 assume=case_equal,
                 reading="the middle term is the sum over $c$ of $\\partial e^{\\theta_c} / \\partial\\theta_j$, written out term by term.",
                 note="The left side is the product of the derivative with $e^{\\theta_i}$, as it stands in (11); "
                      "the factor $e^{\\theta_i}$ is dropped in the next term."),
            step("(12)", r"\frac{\ldots}{(\sum_{c} e^{\theta_c})^2}"
                         r" = \frac{(e^{\theta_i})(\sum_c e^{\theta_c}) - (e^{\theta_i})(e^{\theta_i})}"
                         r"{(\sum_c e^{\theta_c})(\sum_c e^{\theta_c})} = \frac{(e^{\theta_i})}{(\sum_c e^{\theta_c})}"
                         r" \frac{(\sum_c e^{\theta_c} - e^{\theta_i})}{(\sum_c e^{\theta_c})}"
                         r" = g(\theta_i) \left(\frac{\sum_c e^{\theta_c}}{\sum_c e^{\theta_c}}"
                         r" - \frac{e^{\theta_i}}{\sum_c e^{\theta_c}}\right)",
                 quotient,
                 (e(theta[i]) * S - e(theta[i]) * e(theta[i])) / (S * S),
                 e(theta[i]) / S * ((S - e(theta[i])) / S),
                 split,
                 assume=case_equal,
                 reading="(12) opens with '=': it continues (11), whose last term is its first."),
            step("(13)", r"g(\theta_i) \left(\ldots\right) = g(\theta_i)(1 - g(\theta_i)) = g(\theta_i)(1 - g(\theta_i))",
                 split, g[i] * (1 - g[i]), g[i] * (1 - g[i]),
                 assume=case_equal,
                 reading="(13) opens with '=': it continues (12), whose last term is its first."),
            step("(14)", r"\frac{dg(\theta_i)}{d\theta_j} = \frac{d}{d\theta_j} \frac{e^{\theta_i}}{\sum_c e^{\theta_c}}"
                         r" = \frac{d}{d\theta_j} e^{\theta_i} \left(\sum_c e^{\theta_c}\right)^{-1}"
                         r" = -e^{\theta_i} \left(\sum_c e^{\theta_c}\right)^{-2} e^{\theta_j}",
                 Derivative(g[i], theta[j]),
                 Derivative(e(theta[i]) / S, theta[j]),
                 Derivative(e(theta[i]) * S ** -1, theta[j]),
                 chain_14,
                 assume=case_distinct,
                 reading="$\\partial/\\partial\\theta_j$ applies to the whole product $e^{\\theta_i} (\\sum_c e^{\\theta_c})^{-1}$."),
            step("(15)", r"-e^{\theta_i} \left(\sum_c e^{\theta_c}\right)^{-2} e^{\theta_j}"
                         r" = \frac{-(e^{\theta_i})}{(\sum_c e^{\theta_c})} \frac{(e^{\theta_j})}{(\sum_c e^{\theta_c})}"
                         r" = -g(\theta_i)g(\theta_j)",
                 chain_14, -e(theta[i]) / S * (e(theta[j]) / S), -g[i] * g[j],
                 assume=case_distinct,
                 reading="(15) opens with '=': it continues (14), whose last term is its first."),
            step("(16)", r"\frac{dg(\theta_i)}{d\theta_j} = g(\theta_i)(t_{ij} - g(\theta_i))",
                 Derivative(g[i], theta[j]), g[i] * (t[i, j] - g[i]),
                 expect="refuted",
                 correction=g[i] * (t[i, j] - g[j]),
                 reading="$t_{ij} = 1$ if $i = j$ and 0 if $i \\neq j$ (the document's '$i = 0$' stands for $t_{ij} = 0$): "
                         "$t_{ij}$ is the Kronecker delta.",
                 note="The second factor has $g(\\theta_i)$ where $g(\\theta_j)$ belongs: for $j \\neq i$ the right side is "
                      "$-g(\\theta_i)^2$ instead of $-g(\\theta_i) g(\\theta_j)$."),
            step("confirmed, i = j", r"g(\theta_i)(1 - g(\theta_i)) = g(\theta_i)(1 - g(\theta_j))",
                 g[i] * (1 - g[i]), g[i] * (1 - g[j]),
                 assume=case_equal,
                 note="True, but it confirms $g(\\theta_i)(t_{ij} - g(\\theta_j))$, not (16) as written."),
            step("confirmed, j != i", r"g(\theta_i)(0 - g(\theta_j)) = g(\theta_i)(-g(\theta_j)) = -g(\theta_i)(g(\theta_j))",
                 g[i] * (0 - g[j]), g[i] * (-g[j]), -g[i] * g[j],
                 assume=case_distinct,
                 note="True, but it uses $g(\\theta_j)$ where (16) has $g(\\theta_i)$: (16) with $t_{ij} = 0$ gives "
                      "$g(\\theta_i)(0 - g(\\theta_i))$."),
        ],
    )


def _cs224n_solutions():
    i, j, k = index("i", N), index("j", N), index("k", N)
    e = sp.exp
    S = summation(e(x[j]), j)
    return derivation(
        "softmax-jacobian/003",
        topic="jacobians",
        source="003_3b09a87a2fbfafa4.txt",
        title=SOFTMAX_TITLE,
        statement=r"\frac{\partial \text{sm}_i}{\partial x_k} = \frac{\frac{\partial e^{x_i}}{\partial x_k} \sum_j e^{x_j}"
                  r" - e^{x_i} \frac{\partial \sum_j e^{x_j}}{\partial x_k}}{(\sum_j e^{x_j})^2}",
        assume=assume(definitions=[define(sm, e(x[i]) / S, i)]),
        note="$\\mathrm{sm}_i$ is entry $i$ of $\\operatorname{softmax}(x)$; the sums over $j$ run over $1, \\dots, N$, a length the document leaves unnamed.",
        steps=[
            step("denominator", r"\frac{\partial \sum_j e^{x_j}}{\partial x_k} = \sum_j \frac{\partial e^{x_j}}{\partial x_k}",
                 Derivative(S, x[k]), summation(Derivative(e(x[j]), x[k]), j)),
            step("denominator, k = j", r"\frac{\partial e^{x_j}}{\partial x_k} = e^{x_j}",
                 Derivative(e(x[j]), x[k]), e(x[j]), assume=assume(equal=[(j, k)])),
            step("denominator, otherwise", r"\frac{\partial e^{x_j}}{\partial x_k} = 0",
                 Derivative(e(x[j]), x[k]), 0, assume=assume(distinct=[(j, k)])),
            step("denominator, so", r"\frac{\partial \sum_j e^{x_j}}{\partial x_k} = e^{x_k}",
                 Derivative(S, x[k]), e(x[k])),
            step("derivative of the whole",
                 r"\frac{\partial \text{sm}_i}{\partial x_k} = \frac{\frac{\partial e^{x_i}}{\partial x_k} \sum_j e^{x_j}"
                 r" - e^{x_i} \frac{\partial \sum_j e^{x_j}}{\partial x_k}}{(\sum_j e^{x_j})^2}",
                 Derivative(sm[i], x[k]),
                 (Derivative(e(x[i]), x[k]) * S - e(x[i]) * Derivative(S, x[k])) / S ** 2),
            step("Case 1: k = i",
                 r"\frac{\partial \text{sm}_i}{\partial x_k} = e^{x_k} \frac{\sum_j e^{x_j} - e^{x_k}}{(\sum_j e^{x_j})^2}",
                 Derivative(sm[i], x[k]), e(x[k]) * (S - e(x[k])) / S ** 2,
                 assume=assume(equal=[(i, k)])),
            step("Case 2: k != i", r"\frac{\partial \text{sm}_i}{\partial x_k} = -e^{x_i} \frac{e^{x_k}}{(\sum_j e^{x_j})^2}",
                 Derivative(sm[i], x[k]), -e(x[i]) * e(x[k]) / S ** 2,
                 assume=assume(distinct=[(i, k)])),
        ],
    )


def _freilich():
    i, j, k = index("i", K), index("j", K), index("k", K)
    e = sp.exp
    S = summation(e(f[k]), k)
    dy = Derivative(y[i], f[j])
    value = "'get:' gives the value of the derivative in (1), $\\partial y_i / \\partial f_j$."
    return derivation(
        "softmax-jacobian/004",
        topic="jacobians",
        source="004_ed8d11caee23e51a.txt",
        title=SOFTMAX_TITLE,
        statement=r"\frac{\partial y_i}{\partial f_j} = y_i (1 - y_i)\ (i = j),\quad -y_i y_j\ (i \neq j)",
        assume=assume(definitions=[define(y, softmax(sp.Lambda(k, f[k]), i), i)]),
        note="$f_j$ and $f(x_j)$ both name entry $j$ of the logits $f = Wx + b$; the number of classes, "
             "unnamed in the document, is written $K$.",
        steps=[
            step("y_j(x)", r"y_j(x) = \text{softmax}(f(x)) = \frac{e^{f(x_j)}}{\sum_k e^{f(x_k)}}",
                 y[j], softmax(sp.Lambda(k, f[k]), j), e(f[j]) / S,
                 reading="$\\operatorname{softmax}(f(x))$ is read at entry $j$: $y_j = \\operatorname{softmax}(f)_j$."),
            step("(1)", r"\frac{\partial y_i}{\partial f_j} = \frac{\partial e^{f(x_i)}}{\sum_k e^{f(x_k)}}",
                 dy, Derivative(e(f[i]) / S, f[j]),
                 reading="the partial on the right names no variable: it is read as the derivative of "
                         "$e^{f_i} / \\sum_k e^{f_k}$ with respect to $f_j$."),
            step("(2)", r"\frac{e^{f(x_i)} \sum_k e^{f(x_k)} - e^{f(x_i)} e^{f(x_j)}}{(\sum_k e^{f(x_k)})^2}",
                 dy, (e(f[i]) * S - e(f[i]) * e(f[j])) / S ** 2,
                 expect="refuted", reading=value,
                 correction=(KroneckerDelta(i, j) * e(f[i]) * S - e(f[i]) * e(f[j])) / S ** 2,
                 note="The first term of the quotient rule lacks the factor $\\delta_{ij}$ ($\\partial e^{f_i} / \\partial f_j$); "
                      "the formula holds only when $i = j$."),
            step("(3)", r"\frac{e^{f(x_i)} \cdot \sum_k e^{f(x_k)} - e^{f(x_i)} e^{f(x_i)}}{\sum_k e^{f(x_k)}} = y_i \cdot (1 - y_i)",
                 dy, (e(f[i]) * S - e(f[i]) * e(f[i])) / S, y[i] * (1 - y[i]),
                 expect=("refuted", "refuted"), ends="proved",
                 correction=(e(f[i]) * S - e(f[i]) * e(f[i])) / S ** 2,
                 assume=assume(equal=[(i, j)]), reading=value,
                 note="The denominator should be $(\\sum_k e^{f_k})^2$: the square is dropped; the result $y_i (1 - y_i)$ is right."),
            step("(4), if i != j", r"\frac{\partial e^{f(x_i)}}{\partial f_j} = 0",
                 Derivative(e(f[i]), f[j]), 0,
                 assume=assume(distinct=[(i, j)])),
            step("(4)", r"\frac{0 \cdot \sum_k e^{f(x_k)} - e^{f(x_i)} e^{f(x_j)}}{(\sum_k e^{f(x_k)})^2}"
                        r" = \frac{-e^{f(x_i)} e^{f(x_j)}}{\sum_k e^{f(x_k)}} = -y_i \cdot y_j",
                 dy, (0 * S - e(f[i]) * e(f[j])) / S ** 2, -e(f[i]) * e(f[j]) / S, -y[i] * y[j],
                 expect=("proved", "refuted", "refuted"), ends="proved",
                 correction=-e(f[i]) * e(f[j]) / S ** 2,
                 assume=assume(distinct=[(i, j)]), reading=value,
                 note="The middle term drops the square of the denominator; the result $-y_i y_j$ is right."),
        ],
    )


def _exercise_sheet():
    i, j, k = index("i", N), index("j", N), index("k", N)
    e = sp.exp
    S = summation(e(x[j]), j)
    sigma = softmax(sp.Lambda(j, x[j]), i)
    log_e = sp.log(e(x[i]), evaluate=False)
    jacobian = matrix(Derivative(sp.log(sigma), x[k]), i, k)
    entry = Derivative(log_e, x[k]) - Derivative(sp.log(S), x[k])
    softmax_reading = "$\\sigma$ is softmax, as the document defines it in 4-a, not the logistic function."
    return derivation(
        "log-softmax-jacobian/001",
        topic="jacobians",
        source="001_b330cdde1d10fb3a.txt",
        title="Jacobian of log-softmax",
        statement=r"D_{\mathbf{x}} \log(\sigma(\mathbf{x})) = \left[\delta_{ik} - \frac{e^{x_k}}{\sum_{j=1}^N e^{x_j}}\right]_{i,k}",
        note="$x$ is a $1 \\times N$ row; the Jacobian has rows for the entries of $\\log \\sigma(x)$ and columns for $x$.",
        steps=[
            step("4-b, sigma(x)",
                 r"\sigma(\mathbf{x}) = \left[\frac{e^{x_1}}{\sum_{j=1}^N e^{x_j}}, \dots, \frac{e^{x_N}}{\sum_{j=1}^N e^{x_j}} \right]",
                 row(sigma, i), row(e(x[i]) / S, i),
                 reading=softmax_reading),
            step("4-b, log sigma(x)",
                 r"\log(\sigma(\mathbf{x})) = \left[\log\left(\frac{e^{x_1}}{\sum_{j=1}^N e^{x_j}}\right), \dots\right]"
                 r" = [\log(e^{x_1}) - \log(\sum_{j=1}^N e^{x_j}), \dots]",
                 row(sp.log(sigma), i),
                 row(sp.log(e(x[i]) / S, evaluate=False), i),
                 row(log_e - sp.log(S), i),
                 reading=softmax_reading + " The log is taken entry by entry."),
            step("4-b, D_x log sigma(x)",
                 r"D_{\mathbf{x}} \log(\sigma(\mathbf{x})) \in \mathbb{R}^{N \times N} ="
                 r" \left[\frac{\partial(\log(e^{x_1}) - \log(\sum_{j} e^{x_j}))}{\partial x_1}, \dots\right]"
                 r" = \left[\frac{\partial \log(e^{x_1})}{\partial x_1}"
                 r" - \frac{\partial \log(\sum_{j} e^{x_j})}{\partial x_1}, \dots\right]"
                 r" = \begin{bmatrix} \frac{\partial \log(e^{x_i})}{\partial x_k} - \frac{\partial \log(\sum_{j} e^{x_j})}{\partial x_k}"
                 r" \end{bmatrix}_{i,k}",
                 jacobian,
                 row(Derivative(log_e - sp.log(S), x[i]), i),
                 row(Derivative(log_e, x[i]) - Derivative(sp.log(S), x[i]), i),
                 matrix(entry, i, k),
                 expect=("refuted", "proved", "refuted"), ends="proved",
                 correction=matrix(KroneckerDelta(i, k) - e(x[k]) / S, i, k),
                 reading=softmax_reading + " The two bracketed rows hold only the derivatives of entry $i$ "
                                           "with respect to $x_i$, one per entry: they are $1 \\times N$.",
                 note="The rows cannot equal an $N \\times N$ matrix: the off-diagonal derivatives are missing. "
                      "The bmatrix that follows has them."),
            step("(1), i = k",
                 r"\frac{\partial(\log(e^{x_i})}{\partial x_k} - \frac{\partial \log(\sum_{j=1}^N e^{x_j})}{\partial x_k}"
                 r" = 1 - \frac{e^{x_k}}{\sum_{j=1}^N e^{x_j}}",
                 entry, 1 - e(x[k]) / S, assume=assume(equal=[(i, k)])),
            step("(1), otherwise",
                 r"\frac{\partial(\log(e^{x_i})}{\partial x_k} - \frac{\partial \log(\sum_{j=1}^N e^{x_j})}{\partial x_k}"
                 r" = -\frac{e^{x_k}}{\sum_{j=1}^N e^{x_j}}",
                 entry, -e(x[k]) / S, assume=assume(distinct=[(i, k)])),
            step("Thus", r"D_{\mathbf{x}} \log(\sigma(\mathbf{x})) = \begin{bmatrix} 1 - \frac{e^{x_1}}{\sum_{j} e^{x_j}}"
                         r" & -\frac{e^{x_2}}{\sum_{j} e^{x_j}} & \dots \\ \vdots & \ddots \end{bmatrix}",
                 jacobian, matrix(KroneckerDelta(i, k) - e(x[k]) / S, i, k),
                 reading="'Thus' gives $D_x \\log \\sigma(x)$; entry $(i, k)$ of the matrix is $\\delta_{ik} - e^{x_k} / \\sum_j e^{x_j}$."),
        ],
    )


DERIVATIONS = (_frydenlund(), _cs224n_solutions(), _freilich(), _exercise_sheet())
