"""The gradient of the cross-entropy loss with respect to the logits: nabla CE = yhat - y."""

from __future__ import annotations

import sympy as sp

from ..notation import index, scalar, size, softmax, sum_except, summation, vector
from .build import assume, define, derivation, entry, side, step

TITLE = "Gradient of cross-entropy with respect to the logits"

e = sp.exp
log = sp.log
D = sp.Derivative


def _sm(v, i, j):
    """softmax(v)_i for the vector v, written with the dummy index j."""
    return softmax(sp.Lambda(j, v[j]), i)


def _q2b():
    """000, Q2 b): yhat = softmax(theta) = g(theta), J = CE, nabla_theta J via (9), (17), (18)."""
    K = size("K")
    i, j, c, k = (index(name, K) for name in ("i", "j", "c", "k"))
    theta, y, yhat, g = vector("theta"), vector("y"), vector("yhat"), vector("g")
    J, CE = scalar("J"), scalar("CE")
    S = summation(e(theta[c]), c)
    ce = -summation(y[i] * log(yhat[i]), i)
    # SymPy cancels 1/g(theta_i) * g(theta_i) at once; the LaTeX keeps the document's form.
    rhs17 = -summation(y[i] / g[i] * g[i] * (sp.KroneckerDelta(i, j) - g[i]), i)
    grad = "The gradient is taken entry by entry: entry $j$ of the vector $\\partial/\\partial\\theta$ is $\\partial/\\partial\\theta_j$."
    return derivation(
        "ce-grad/000",
        topic="cross_entropy",
        source="000_e316718807a0f1a9.txt",
        title=TITLE,
        statement=r"\nabla_{\theta} J = \hat{y} - y",
        assume=assume(
            onehot=[(y, k)],
            definitions=[define(yhat, _sm(theta, i, c), i), define(g, _sm(theta, i, c), i),
                         define(J, CE), define(CE, ce)],
            text="y is one-hot; the class it picks out is written k (the document does not name it)"),
        note="Q2 b). The Jacobian of softmax, (10)-(16), is checked with the Jacobian steps.",
        steps=[
            step("Q2 b), setup",
                 r"\hat{y} = \text{softmax}(\theta) = [\hat{y}_1, ..., \hat{y}_K]"
                 r" = [\text{softmax}(\theta_1), ..., \text{softmax}(\theta_K)] = g(\theta_i)"
                 r" = \frac{e^{\theta_i}}{\sum_{c} e^{\theta_c}}",
                 entry(yhat[i], i), entry(_sm(theta, i, c), i), entry(yhat[i], i),
                 entry(_sm(theta, i, c), i), entry(g[i], i), entry(e(theta[i]) / S, i),
                 reading="Every term is a vector of length $K$, given by its entry $i$: $\\operatorname{softmax}(\\theta_i)$ is "
                         "read as $\\operatorname{softmax}(\\theta)_i$, and $g(\\theta_i)$ as entry $i$ of "
                         "$g(\\theta) = \\operatorname{softmax}(\\theta)$, written $g_i$."),
            step("(8)", r"J = CE(y, \hat{y}) = -\sum_{i}^{K} y_i \log(\hat{y}_i)",
                 J, CE, ce,
                 note="(8) defines $J$; the chain holds by definition."),
            step("(9)",
                 r"\nabla_{\theta} J = -\sum_{i}^{K} \frac{\partial}{\partial \theta} y_{i} \log(\hat{y}_{i})"
                 r" = -\sum_{i}^{K} y_{i} \frac{\partial}{\partial \theta} \log(g(\theta_{i}))"
                 r" = -\sum_{i}^{K} y_{i} \frac{1}{g(\theta_{i})} \frac{\partial}{\partial \theta} g(\theta_{i})",
                 entry(D(J, theta[j]), j),
                 entry(-summation(D(y[i] * log(yhat[i]), theta[j]), i), j),
                 entry(-summation(y[i] * D(log(g[i]), theta[j]), i), j),
                 entry(-summation(y[i] / g[i] * D(g[i], theta[j]), i), j),
                 reading=grad),
            step("(17)",
                 r"\nabla_{\theta} J = -\sum_{i}^{K} y_{i} \frac{1}{g(\theta_{i})} g(\theta_{i}) (t_{ij} - g(\theta_{i}))",
                 entry(D(J, theta[j]), j), entry(rhs17, j),
                 expect="refuted",
                 correction=entry(-summation(y[i] * (sp.KroneckerDelta(i, j) - g[j]), i), j),
                 reading=grad + " $t_{ij}$ is 1 if $i = j$ and 0 otherwise, as the document defines it "
                                "(its '$i = 0$' read as $t_{ij} = 0$).",
                 note="(17) substitutes (16), which has $g(\\theta_i)$ where $\\partial g(\\theta_i)/\\partial\\theta_j$ needs $g(\\theta_j)$."),
            step("(18)", r"= -y - g(\theta) = -y - \hat{y} = \hat{y} - y",
                 entry(rhs17, j), entry(-y[j] - g[j], j), entry(-y[j] - yhat[j], j), entry(yhat[j] - y[j], j),
                 expect=("refuted", "proved", "refuted"), ends="refuted",
                 correction=entry(g[k] - y[j], j),
                 reading="(18) continues (17): its first term is (17)'s right side. $g(\\theta)$ is the vector "
                         "with entries $g(\\theta_j)$.",
                 note="With $y$ one-hot at $k$, $\\sum_i y_i g(\\theta_i)$ is the number $g(\\theta_k)$, not the vector "
                      "$g(\\theta)$: (17)'s right side is $-y + g(\\theta_k)$, the correction."),
            step("(18), conclusion", r"\nabla_{\theta} J = \hat{y} - y",
                 entry(D(J, theta[j]), j), entry(yhat[j] - y[j], j),
                 reading=grad,
                 note="The result (17)-(18) arrive at, against the gradient itself: the conclusion is "
                      "right although the steps to it are not."),
        ],
    )


def _assignment():
    """002, 2(b): CE = log(sum e^theta) - theta_k, then dCE/dtheta_k and dCE/dtheta_i, i != k."""
    n = size("n")
    i, j, k = (index(name, n) for name in ("i", "j", "k"))
    theta, y, yhat = vector("theta"), vector("y"), vector("yhat")
    CE = scalar("CE")
    S = summation(e(theta[j]), j)
    # The document's sum runs over i while its body is e^{theta_j}: j is unbound, the sum n e^{theta_j}.
    S_written = summation(e(theta[j]), i)
    loss = log(S) - theta[k]
    return derivation(
        "ce-grad/002",
        topic="cross_entropy",
        source="002_659694377acdb9c6.txt",
        title=TITLE,
        statement=r"\frac{\partial \text{CE}(y,\hat y)}{\partial \theta}=\hat y - y",
        assume=assume(
            onehot=[(y, k)],
            definitions=[define(yhat, _sm(theta, i, j), i), define(CE, -summation(y[i] * log(yhat[i]), i))],
            text="y is one-hot at k, the index of the correct class"),
        steps=[
            step("2(b)",
                 r"\text{CE}(y,\hat y) =-\sum _i{y_i}\log{\hat {y_i}} =-\log{\hat {y_k}}"
                 r" =-\log({\text{softmax}(\theta)}_k) =\log\left(\frac{\sum _{i=1}^n{e^{\theta _j}}}{e^{\theta _k}}\right)"
                 r" =\log\left(\sum _{i=1}^n{e^{\theta _j}}\right) - \theta _k",
                 CE, -summation(y[i] * log(yhat[i]), i), -log(yhat[k]), -log(_sm(theta, k, j)),
                 log(S_written / e(theta[k])), log(S_written) - theta[k],
                 expect=("proved", "proved", "proved", "refuted", "proved"), ends="refuted",
                 correction=log(S / e(theta[k])),
                 reading="As written, $\\sum_{i=1}^n e^{\\theta_j}$ sums over $i$ a term free of $i$, with $j$ unbound: "
                         "it is $n e^{\\theta_j}$, for every $j$."),
            step("2(b), dCE/dtheta_k",
                 r"\frac{\partial \text{CE}(y,\hat y)}{\partial \theta{_k}}"
                 r" =\frac{\partial}{\partial \theta{_k}} \left(\log\left(\sum _{j=1}^n{e^{\theta _j}}\right) - \theta _k \right)"
                 r" =\frac{e^{\theta _k}}{\sum _{j=1}^n{e^{\theta _j}}}-1 =\hat y_k - 1",
                 D(CE, theta[k]), D(loss, theta[k]), e(theta[k]) / S - 1, yhat[k] - 1),
            step("2(b), dCE/dtheta_i, i != k",
                 r"\frac{\partial \text{CE}(y,\hat y)}{\partial \theta_{i \neq k }}"
                 r" =\frac{\partial}{\partial \theta_{i \neq k}} \left(\log\left(\sum _{j=1}^n{e^{\theta _j}}\right) - \theta _k \right)"
                 r" =\frac{e^{\theta _i}}{\sum _{j=1}^n{e^{\theta _j}}} =\hat y_i",
                 D(CE, theta[i]), D(loss, theta[i]), e(theta[i]) / S, yhat[i],
                 assume=assume(distinct=[(i, k)])),
            step("2(b), dCE/dtheta", r"\frac{\partial \text{CE}(y,\hat y)}{\partial \theta}=\hat y - y",
                 entry(D(CE, theta[i]), i), entry(yhat[i] - y[i], i),
                 reading="The gradient is the vector with entries $\\partial\\mathrm{CE}/\\partial\\theta_i$."),
        ],
    )


def _detailed_solutions():
    """003, (b): CE = -ln f(theta_t, Theta), then the cases k = t and k != t."""
    C = size("c")
    i, j, k, t = (index(name, C) for name in ("i", "j", "k", "t"))
    theta, y, yhat, f = vector("theta"), vector("y"), vector("yhat"), vector("f")
    CE = scalar("CE")
    S = summation(e(theta[j]), j)
    return derivation(
        "ce-grad/003",
        topic="cross_entropy",
        source="003_3b09a87a2fbfafa4.txt",
        title=TITLE,
        statement=r"\frac{\partial CE(\mathbf{y}, \hat{\mathbf{y}})}{\partial \theta_k} = \hat{\mathbf{y}} - \mathbf{y}",
        assume=assume(
            onehot=[(y, t)],
            definitions=[define(f, _sm(theta, i, j), i), define(yhat, f[i], i),
                         define(CE, -summation(y[i] * log(yhat[i]), i))],
            text="y is one-hot at t; c is the number of classes"),
        note="The softmax derivative the document works out in between is checked with the Jacobian steps.",
        steps=[
            step("(b)", r"CE(\mathbf{y}, \hat{\mathbf{y}}) = - \ln \hat{y}_t = - \ln f(\theta_t, \Theta)",
                 CE, -log(yhat[t]), -log(f[t]),
                 reading="$f(\\theta_i; \\Theta)$ is written $f_i$: entry $i$ of $\\operatorname{softmax}(\\Theta)$, the case the document "
                         "works out ('in the case where $f = \\operatorname{softmax}$')."),
            step("(b), dCE/dtheta_k",
                 r"\frac{\partial CE(\mathbf{y}, \hat{\mathbf{y}})}{\partial \theta_k}"
                 r" = - \frac{\partial \ln f(\theta_t, \Theta)}{\partial \theta_k}"
                 r" = - \frac{\frac{\partial f(\theta_t, \Theta)}{\partial \theta_k}}{f(\theta_t, \Theta)}",
                 D(CE, theta[k]), -D(log(f[t]), theta[k]), -D(f[t], theta[k]) / f[t]),
            step("Case 1: k = t",
                 r"\frac{\partial CE}{\partial \theta_k} = -\frac{e^{\theta_k} \frac{\sum_j e^{\theta_j} - e^{\theta_k}}"
                 r"{(\sum_j e^{\theta_j})^2}}{\frac{e^{\theta_k}}{\sum_j e^{\theta_j}}}"
                 r" = -\frac{\sum_j e^{\theta_j} - e^{\theta_k}}{\sum_j e^{\theta_j}}"
                 r" = \text{softmax}(\theta_k; \Theta) - 1 = \hat{y}_k - 1",
                 D(CE, theta[k]),
                 -(e(theta[k]) * (S - e(theta[k])) / S**2) / (e(theta[k]) / S),
                 -(S - e(theta[k])) / S,
                 _sm(theta, k, j) - 1,
                 yhat[k] - 1,
                 assume=assume(equal=[(k, t)])),
            step("Case 2: k != t",
                 r"\frac{\partial CE}{\partial \theta_k} = -y_k \frac{-e^{\theta_t} \frac{e^{\theta_k}}"
                 r"{(\sum_j e^{\theta_j})^2}}{\frac{e^{\theta_t}}{\sum_j e^{\theta_j}}}"
                 r" = \frac{e^{\theta_k}}{\sum_j e^{\theta_j}} = \text{softmax}(\theta_k; \Theta) = \hat{y}_k",
                 D(CE, theta[k]),
                 -y[k] * (-e(theta[t]) * e(theta[k]) / S**2) / (e(theta[t]) / S),
                 e(theta[k]) / S,
                 _sm(theta, k, j),
                 yhat[k],
                 expect=("refuted", "refuted", "proved", "proved"), ends="proved",
                 correction=-y[t] * (-e(theta[t]) * e(theta[k]) / S**2) / (e(theta[t]) / S),
                 assume=assume(distinct=[(k, t)]),
                 note="The factor $-y_k$ is 0 when $k \\neq t$; the step before has no such factor (its $y_t$ is 1)."),
            step("(b), last line",
                 r"\frac{\partial CE(\mathbf{y}, \hat{\mathbf{y}})}{\partial \theta_k} = \hat{\mathbf{y}} - \mathbf{y}",
                 side(D(CE, theta[k])), entry(yhat[i] - y[i], i),
                 expect="refuted",
                 reading="As written: one entry, $\\partial\\mathrm{CE}/\\partial\\theta_k$, on the left; the vectors $\\hat{y} - y$ (bold) on the right."),
            step("(b), last line, componentwise",
                 r"\frac{\partial CE}{\partial \theta_k} = \hat{y}_k - y_k",
                 D(CE, theta[k]), yhat[k] - y[k],
                 reading="The last line read entry by entry: entry $k$ of $\\hat{y} - y$."),
        ],
    )


def _freilich():
    """004, 2. Derivation of Loss, (1)-(8): dL/df = y - y' through a split of the sum over classes."""
    N, K = size("N"), size("K")
    i, j, t, m, c = (index(name, K) for name in ("i", "j", "t", "m", "c"))
    image = index("j", N)
    f, y, yp = vector("f"), vector("y"), vector("y'")
    Y, Yp = vector("Y"), vector("Y'")
    L, L_batch = scalar("L"), scalar("L(X, Y; W, b)")
    hot = assume(onehot=[(yp, t)])
    # From (3) on the document sums over j and substitutes Y_ji = y_j, Y_ii = y_i (5): the class
    # is then the summation index j, and y_i outside the sum.
    r2 = -summation(yp[i] * D(log(y[i]), f[j]), i)
    r3 = -summation(yp[j] / y[j] * D(y[j], f[j]), j)
    r4 = -yp[i] / y[i] * D(y[i], f[i]) - sum_except(yp[j] / y[j] * D(y[j], f[i]), j, i)
    r6 = -yp[i] + yp[i] * y[i] + sum_except(yp[i] * y[j], j, i)
    r7 = -yp[i] + y[i] * summation(yp[j], j)
    dL = "The left side $\\partial L/\\partial f_j$ is read as $\\partial L/\\partial f_i$, the derivative by the logit of class $i$, " \
         "the index the right side leaves free ($j$ is summed there)."
    return derivation(
        "ce-grad/004",
        topic="cross_entropy",
        source="004_ed8d11caee23e51a.txt",
        title=TITLE,
        statement=r"\frac{\partial L}{\partial f_j} = y_i - y'_i",
        assume=assume(
            definitions=[define(y, _sm(f, i, m), i), define(L, -summation(yp[i] * log(y[i]), i)),
                         define(Y, softmax(sp.Lambda(m, f[image, m]), i), image, i),
                         define(L_batch, -summation(summation(Yp[image, i] * log(Y[image, i]), i), image) / N)],
            text=("one image from (2) on: L = -sum_i y'_i log y_i with y = softmax(f), the loss (1) at N = 1",
                  "y' is one-hot at the true class t (Y'_ji = 1 iff image j is in class i)")),
        note="2. Derivation of Loss. The image subscript of $Y'_{ji}$, $Y_{ji}$ is dropped for one image; the "
             "remaining subscript is the class: $i$, the summed index, in (2); from (3) on the document sums "
             "over $j$ and writes $Y_{ji} = y_j$, $Y_{ii} = y_i$, so there the class is $j$ inside the sum. Section 1 "
             "(the softmax derivative) is checked with the Jacobian steps.",
        steps=[
            step("(1)-(2)",
                 r"L = -\frac{1}{N} \sum_j \sum_i Y'_{ji} \log Y_{ji};\ "
                 r"\frac{\partial L}{\partial f_j} = - \sum_i Y'_{ji} \cdot \frac{\partial \log(Y_{ji})}{\partial f_j}",
                 D(L_batch, f[image, c]), -summation(Yp[image, i] * D(log(Y[image, i]), f[image, c]), i),
                 expect="refuted",
                 correction=-summation(Yp[image, i] * D(log(Y[image, i]), f[image, c]), i) / N,
                 reading="The batch loss (1) over $N$ images, $Y_{ji} = \\operatorname{softmax}(f_j)_i$ with $f_j$ the logits of image $j$; "
                         "the derivative by $f_j$ is taken entry by entry (entry $c$). $Y'$ is left general: the "
                         "factor $1/N$ does not depend on it.",
                 note="(2) drops the $1/N$ of (1): the two agree only for a batch of one image."),
            step("(2)",
                 r"\frac{\partial L}{\partial f_j} = - \sum_i \frac{\partial Y'_{ji} \cdot \log(Y_{ji})}{\partial x_i}"
                 r" = - \sum_i Y'_{ji} \cdot \frac{\partial \log(Y_{ji})}{\partial f_j}",
                 D(L, f[j]), -summation(D(yp[i] * log(y[i]), f[i]), i), r2,
                 expect=("refuted", "refuted"), ends="proved", assume=hot,
                 correction=-summation(D(yp[i] * log(y[i]), f[j]), i),
                 reading="One image. $x_i$ is read as the logit $f_i = f(x_i)$, the document's name for it in "
                         "section 1; it is the summation index's own logit."),
            step("(3)",
                 r"- \sum_j Y'_{ji} \cdot \frac{1}{Y_{ji}} \cdot \frac{\partial Y_{ji}}{\partial f_j}"
                 r" = - \left(\sum_j \frac{Y'_{ji}}{Y_{ji}} \cdot \frac{\partial Y_{ji}}{\partial f_j} \right)",
                 r2, -summation(yp[j] * (1 / y[j]) * D(y[j], f[j]), j), r3,
                 expect=("refuted", "proved"), ends="refuted", assume=hot,
                 correction=-summation(yp[i] * (1 / y[i]) * D(y[i], f[j]), i),
                 reading="(3) continues (2): its first term is (2)'s right side. The sum now runs over the "
                         "class $j$, and the derivative by $f_j$ falls inside it.",
                 note="Renaming the summation index from $i$ to $j$ captures the $j$ of $\\partial f_j$."),
            step("(4)",
                 r"- \frac{Y'_{ii}}{Y_{ii}} \frac{\partial Y_{ii}}{\partial f_i}"
                 r" - \sum_{j \neq i} \frac{Y'_{ji}}{Y_{ji}} \cdot \frac{\partial Y_{ji}}{\partial f_i}",
                 r3, r4,
                 expect="refuted", assume=hot,
                 reading="(4) continues (3). $Y_{ii}$ is $y_i$, $Y_{ji}$ under the sum over $j$ is $y_j$.",
                 note="The split is right for a sum of $\\partial y_j/\\partial f_i$, the derivative by $f_i$; (3)'s sum "
                      "differentiates by $f_j$."),
            step("(5)",
                 r"\frac{-Y'_{ii} \cdot y_i (1 - y_i)}{y_i} - \sum_{j \neq i} \frac{Y'_{ji}}{y_j} \cdot (-y_i y_j)",
                 r4, -yp[i] * y[i] * (1 - y[i]) / y[i] - sum_except(yp[j] / y[j] * (-y[i] * y[j]), j, i),
                 assume=hot,
                 reading="(5) continues (4). $Y'_{ii}$ is $y'_i$, $Y'_{ji}$ under the sum over $j$ is $y'_j$."),
            step("(6)",
                 r"\frac{\partial L}{\partial f_j} = \frac{-y'_i}{y_i} (y_i(1-y_i))"
                 r" - \sum_{j \neq i} \frac{y'_i}{y_i} (-y_i y_j) = -y'_i + y'_i y_i + \sum_{j \neq i} y'_i y_j",
                 D(L, f[i]),
                 -yp[i] / y[i] * (y[i] * (1 - y[i])) - sum_except(yp[i] / y[i] * (-y[i] * y[j]), j, i),
                 r6,
                 expect=("refuted", "proved"), ends="refuted", assume=hot,
                 correction=-yp[i] / y[i] * (y[i] * (1 - y[i])) - sum_except(yp[j] / y[j] * (-y[i] * y[j]), j, i),
                 reading=dL,
                 note="Under the sum over $j \\neq i$, (6) writes $y'_i / y_i$ where (5) has $y'_j / y_j$; "
                      "its right side is then 0 for every $y$, since the $y_j$ sum to 1."),
            step("(6)-(7)",
                 r"-y'_i + y'_i y_i + \sum_{j \neq i} y'_i y_j = -y'_i + \sum_{j=1} y'_i y_j",
                 r6, -yp[i] + summation(yp[i] * y[j], j),
                 assume=hot,
                 reading="The sum from $j = 1$ runs to the number of classes.",
                 note="(7)'s 'combine $j \\neq i$ with the summation', joining (6)'s last line to (7)."),
            step("(7)",
                 r"\frac{\partial L}{\partial f_j} = -y'_i + \sum_{j=1} y'_i y_j = -y'_i + y_i \sum_{j=1} y'_j",
                 D(L, f[i]), -yp[i] + summation(yp[i] * y[j], j), r7,
                 expect=("refuted", "refuted"), ends="proved", assume=hot,
                 correction=-yp[i] + summation(y[i] * yp[j], j),
                 reading=dL + " The sums from $j = 1$ run to the number of classes.",
                 note="The second link trades $y'_i y_j$ for $y_i y'_j$; it lands on the right gradient, "
                      "so the error of (6) and this one cancel."),
            step("(7)-(8)", r"-y'_i + y_i \sum_{j=1} y'_j = y_i - y'_i",
                 r7, y[i] - yp[i],
                 assume=hot,
                 note="(8)'s 'since $y'$ is one-hot, $\\sum y'_j = 1$', joining (7)'s last line to (8)."),
            step("(8)", r"\frac{\partial L}{\partial f_j} = y_i - y'_i",
                 D(L, f[i]), y[i] - yp[i],
                 assume=hot,
                 reading=dL),
        ],
    )


DERIVATIONS = (_q2b(), _assignment(), _detailed_solutions(), _freilich())
