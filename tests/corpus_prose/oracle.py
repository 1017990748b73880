"""An independent numeric oracle for the truths recorded in tests/corpus_prose.

Every claim of the corpus (definitions aside) is restated here in NumPy, in the context its document
sets up (its definitions in the prose, its declarations, the case it stands under), and evaluated at
random points that satisfy that context; derivatives are central differences. A claim holds when both
sides agree at every point (relative tolerance 1e-5), and is false when they differ at some point.
Nothing here uses derive: it is a second opinion on each recorded truth, not on derive's verdicts.

    python tests/corpus_prose/oracle.py      # prints every disagreement with the truth files
"""

from __future__ import annotations

import math
import tomllib
from pathlib import Path

import numpy as np

HERE = Path(__file__).parent
SAMPLES = 24
CLAIMS: dict[tuple[str, str], object] = {}


def claim(doc: str, *keys: str):
    """Register a sampler ``f(rng) -> (lhs, rhs)`` for the checks ``keys`` of document ``doc``."""
    def register(f):
        for key in keys:
            CLAIMS[(doc, key)] = f
        return f
    return register


# --- helpers ---------------------------------------------------------------------------------------

H = 1e-5


def sig(t):
    return 1.0 / (1.0 + np.exp(-t))


def softmax(v):
    e = np.exp(v - np.max(v))
    return e / e.sum()


def lse(v):
    return float(np.log(np.sum(np.exp(v))))


def d(f, t, h=H):
    """f'(t) by a central difference."""
    return (f(t + h) - f(t - h)) / (2 * h)


def d2(f, t, h=1e-4):
    return (f(t + h) - 2 * f(t) + f(t - h)) / h**2


def partial(f, v, j, h=H):
    """The partial derivative of f at the array v with respect to the entry j (an int or a tuple)."""
    up, down = np.array(v, dtype=float), np.array(v, dtype=float)
    up[j] += h
    down[j] -= h
    return (f(up) - f(down)) / (2 * h)


def grad(f, v):
    return np.array([partial(f, v, j) for j in range(len(v))])


def jacobian(f, v):
    """J[i, j] = d f(v)_i / d v_j."""
    return np.array([partial(f, v, j) for j in range(len(v))]).T


def onehot(n, k):
    y = np.zeros(n)
    y[k] = 1.0
    return y


def pair(rng, n, relation):
    """Two indices in range(n): equal, distinct, or any."""
    i = int(rng.integers(n))
    if relation == "=":
        return i, i
    if relation == "!=":
        return i, int((i + rng.integers(1, n)) % n)
    return i, int(rng.integers(n))


# --- 21: sigmoid, with z = 1 + e^{-x} defined in the prose ---------------------------------------------

D21 = "21_sigmoid_substitution"


def _21(rng):
    x = rng.uniform(-3, 3)
    z = 1 + math.exp(-x)
    return x, z, sig(x), d(sig, x), d(lambda t: 1 + math.exp(-t), x)


@claim(D21, "line-6#1")  # sigma(x) = z^{-1}, z = 1 + e^{-x} (the "where" of the same sentence)
def _(rng):
    x, z, s, ds, dz = _21(rng)
    return s, 1 / z


@claim(D21, "line-3#1")  # sigma(x) = 1/(1 + e^{-x}), said in the prose (the logistic function)
def _(rng):
    x, z, s, ds, dz = _21(rng)
    return s, 1 / (1 + math.exp(-x))


@claim(D21, "line-6-3#1")
def _(rng):
    x, z, s, ds, dz = _21(rng)
    return dz, -math.exp(-x)


@claim(D21, "line-13#1")
def _(rng):
    x, z, s, ds, dz = _21(rng)
    return math.exp(-x), z - 1


@claim(D21, "line-10#1")
def _(rng):
    x, z, s, ds, dz = _21(rng)
    return ds, -z**-2 * dz


@claim(D21, "line-10#2")
def _(rng):
    x, z, s, ds, dz = _21(rng)
    return -z**-2 * dz, math.exp(-x) / z**2


@claim(D21, "line-10#ends")
def _(rng):
    x, z, s, ds, dz = _21(rng)
    return ds, math.exp(-x) / z**2


@claim(D21, "line-16#1")
def _(rng):
    x, z, s, ds, dz = _21(rng)
    return math.exp(-x) / z**2, (1 / z) * ((z - 1) / z)


@claim(D21, "line-16#2")
def _(rng):
    x, z, s, ds, dz = _21(rng)
    return (1 / z) * ((z - 1) / z), s * (1 - s)


@claim(D21, "line-16#ends")
def _(rng):
    x, z, s, ds, dz = _21(rng)
    return math.exp(-x) / z**2, s * (1 - s)


@claim(D21, "line-22#1")
def _(rng):
    x, z, s, ds, dz = _21(rng)
    return s * (1 - s), s - s**2


@claim(D21, "line-28#1")
def _(rng):
    x, z, s, ds, dz = _21(rng)
    return ds, -math.exp(-x) / z**2


@claim(D21, "line-34#1")
def _(rng):
    x, z, s, ds, dz = _21(rng)
    return ds, math.exp(-x) / z


@claim(D21, "line-34#2")
def _(rng):
    x, z, s, ds, dz = _21(rng)
    return math.exp(-x) / z, 1 - s


@claim(D21, "line-34#ends")
def _(rng):
    x, z, s, ds, dz = _21(rng)
    return ds, 1 - s


@claim(D21, "line-40#1")
def _(rng):
    x, z, s, ds, dz = _21(rng)
    return d2(sig, x), s * (1 - s) * (1 - 2 * s)


@claim(D21, "line-46#1")
def _(rng):
    return d(sig, 0.0), 0.5


@claim(D21, "line-52#1")
def _(rng):
    x = rng.uniform(-3, 3)
    return sig(-x), 1 - sig(x)


# --- 22: softmax Jacobian by cases; g(theta_i), S and t_ij defined in the prose ------------------------

D22 = "22_softmax_jacobian_cases"


def _22(rng, relation):
    k = int(rng.integers(2, 6))
    th = rng.normal(size=k)
    i, j = pair(rng, k, relation)
    e = np.exp(th)
    S = e.sum()
    g = softmax(th)
    J = jacobian(softmax, th)
    de = partial(lambda v: math.exp(v[i]), th, j)
    t = 1.0 if i == j else 0.0
    return k, th, i, j, e, S, g, J, de, t


@claim(D22, "line-6#1")  # dS/dtheta_j = e^{theta_j}, in the prose
def _(rng):
    k, th, i, j, e, S, g, J, de, t = _22(rng, "any")
    return partial(lambda v: float(np.exp(v).sum()), th, j), e[j]


@claim(D22, "line-11#1")
def _(rng):
    k, th, i, j, e, S, g, J, de, t = _22(rng, "any")
    return J[i, j], (de * S - e[i] * e[j]) / S**2


@claim(D22, "line-17#1")
def _(rng):
    k, th, i, j, e, S, g, J, de, t = _22(rng, "=")
    return J[i, j], (e[i] * S - e[i] * e[i]) / S**2


@claim(D22, "line-17#2")
def _(rng):
    k, th, i, j, e, S, g, J, de, t = _22(rng, "=")
    return (e[i] * S - e[i] * e[i]) / S**2, e[i] / S * (S - e[i]) / S


@claim(D22, "line-17#3")
def _(rng):
    k, th, i, j, e, S, g, J, de, t = _22(rng, "=")
    return e[i] / S * (S - e[i]) / S, g[i] * (1 - g[i])


@claim(D22, "line-17#ends")
def _(rng):
    k, th, i, j, e, S, g, J, de, t = _22(rng, "=")
    return J[i, j], g[i] * (1 - g[i])


@claim(D22, "line-23#1")
def _(rng):
    k, th, i, j, e, S, g, J, de, t = _22(rng, "!=")
    return J[i, j], (0 - e[i] * e[j]) / S**2


@claim(D22, "line-23#2")
def _(rng):
    k, th, i, j, e, S, g, J, de, t = _22(rng, "!=")
    return (0 - e[i] * e[j]) / S**2, -g[i] * g[j]


@claim(D22, "line-23#ends")
def _(rng):
    k, th, i, j, e, S, g, J, de, t = _22(rng, "!=")
    return J[i, j], -g[i] * g[j]


@claim(D22, "line-29#1")
def _(rng):
    k, th, i, j, e, S, g, J, de, t = _22(rng, "!=")
    return J[i, j], g[i] * g[j]


@claim(D22, "line-37#1")
def _(rng):
    k, th, i, j, e, S, g, J, de, t = _22(rng, "any")
    return J[i, j], g[i] * (t - g[j])


@claim(D22, "line-43#1")
def _(rng):
    k, th, i, j, e, S, g, J, de, t = _22(rng, "any")
    return J[i, j], g[i] * (t - g[i])


def _22_row(rng):
    k, th, i, j, e, S, g, J, de, t = _22(rng, "any")
    row = sum(g[i] * ((1.0 if i == jj else 0.0) - g[jj]) for jj in range(k))
    return row, g[i] - g[i] * g.sum()


@claim(D22, "line-49#1")
def _(rng):
    return _22_row(rng)


@claim(D22, "line-49#2")
def _(rng):
    return _22_row(rng)[1], 0.0


@claim(D22, "line-49#ends")
def _(rng):
    return _22_row(rng)[0], 0.0


@claim(D22, "line-55#1")
def _(rng):
    k, th, i, j, e, S, g, J, de, t = _22(rng, "any")
    return J[i].sum(), k * g[i] * (1 - g[i])


# --- 23: sigma is the softmax here; c a constant -------------------------------------------------------

D23 = "23_sigma_is_softmax"


def _23(rng):
    n = int(rng.integers(2, 6))
    x = rng.normal(size=n)
    c = rng.uniform(-3, 3)
    i, j = pair(rng, n, "any")
    return n, x, c, i, j


@claim(D23, "line-4-2#1")  # sigma(x)_i = e^{x_i} / sum_j e^{x_j}, sigma the softmax
def _(rng):
    n, x, c, i, j = _23(rng)
    return softmax(x)[i], math.exp(x[i]) / sum(math.exp(t) for t in x)


@claim(D23, "line-31#1")  # log sigma(x)_i = x_i - log sum_j e^{x_j}
def _(rng):
    n, x, c, i, j = _23(rng)
    return math.log(softmax(x)[i]), x[i] - math.log(sum(math.exp(t) for t in x))


@claim(D23, "line-10#1")
def _(rng):
    n, x, c, i, j = _23(rng)
    return softmax(x + c)[i], math.exp(x[i] + c) / np.exp(x + c).sum()


@claim(D23, "line-10#2")
def _(rng):
    n, x, c, i, j = _23(rng)
    return math.exp(x[i] + c) / np.exp(x + c).sum(), math.exp(c) * math.exp(x[i]) / (math.exp(c) * np.exp(x).sum())


@claim(D23, "line-10#3")
def _(rng):
    n, x, c, i, j = _23(rng)
    return math.exp(c) * math.exp(x[i]) / (math.exp(c) * np.exp(x).sum()), softmax(x)[i]


@claim(D23, "line-10#ends")
def _(rng):
    n, x, c, i, j = _23(rng)
    return softmax(x + c)[i], softmax(x)[i]


@claim(D23, "line-16#1")
def _(rng):
    n, x, c, i, j = _23(rng)
    return softmax(x + c), softmax(x)


@claim(D23, "line-22#1")
def _(rng):
    n, x, c, i, j = _23(rng)
    return softmax(x + c)[i], softmax(x)[i] + c


@claim(D23, "line-28#1")
def _(rng):
    n, x, c, i, j = _23(rng)
    return softmax(x).sum(), 1.0


@claim(D23, "line-34#1")
def _(rng):
    n, x, c, i, j = _23(rng)
    return partial(lambda v: math.log(softmax(v)[i]), x, j), (i == j) - softmax(x)[j]


@claim(D23, "line-40#1")
def _(rng):
    n, x, c, i, j = _23(rng)
    return partial(lambda v: math.log(softmax(v)[i]), x, j), 1 - softmax(x)[j]


@claim(D23, "line-46#1")
def _(rng):
    n, x, c, i, j = _23(rng)
    return partial(lambda v: math.log(softmax(v)[i]), x, i), 1 - softmax(x)[i]


@claim(D23, "line-52#1")
def _(rng):
    n, x, c, i, j = _23(rng)
    return softmax(c * x)[i], softmax(x)[i]


# --- 24: cross-entropy, y one-hot at k, "where k is the index of the correct class" --------------------

D24 = "24_cross_entropy_correct_class"


def _24(rng, relation):
    n = int(rng.integers(2, 6))
    th = rng.normal(size=n)
    i, k = pair(rng, n, relation)
    y = onehot(n, k)
    yh = softmax(th)

    def loss(v):
        return -float(np.sum(y * np.log(softmax(v))))

    return n, th, i, k, y, yh, loss, grad(loss, th)


@claim(D24, "line-14#1")
def _(rng):
    n, th, i, k, y, yh, loss, g = _24(rng, "any")
    return loss(th), -math.log(yh[k])


@claim(D24, "line-14#2")
def _(rng):
    n, th, i, k, y, yh, loss, g = _24(rng, "any")
    return -math.log(yh[k]), -th[k] + lse(th)


@claim(D24, "line-14#ends")
def _(rng):
    n, th, i, k, y, yh, loss, g = _24(rng, "any")
    return loss(th), -th[k] + lse(th)


def _24_middle(th, i, k):
    return -partial(lambda v: v[k], th, i) + math.exp(th[i]) / np.exp(th).sum()


@claim(D24, "line-20#1")
def _(rng):
    n, th, i, k, y, yh, loss, g = _24(rng, "any")
    return g[i], _24_middle(th, i, k)


@claim(D24, "line-20#2")
def _(rng):
    n, th, i, k, y, yh, loss, g = _24(rng, "any")
    return _24_middle(th, i, k), yh[i] - y[i]


@claim(D24, "line-20#ends")
def _(rng):
    n, th, i, k, y, yh, loss, g = _24(rng, "any")
    return g[i], yh[i] - y[i]


@claim(D24, "line-26#1")
def _(rng):
    n, th, i, k, y, yh, loss, g = _24(rng, "=")
    return g[i], yh[i] - 1


@claim(D24, "line-32#1")
def _(rng):
    n, th, i, k, y, yh, loss, g = _24(rng, "!=")
    return g[i], yh[i]


@claim(D24, "line-40#1")
def _(rng):
    n, th, i, k, y, yh, loss, g = _24(rng, "any")
    return g[i], yh[i] - 1


@claim(D24, "line-46#1")
def _(rng):
    n, th, i, k, y, yh, loss, g = _24(rng, "any")
    return g[i], y[i] - yh[i]


@claim(D24, "line-52#1")
def _(rng):
    n, th, i, k, y, yh, loss, g = _24(rng, "any")
    return g[i], yh[k] - y[i]


@claim(D24, "line-58#1")
def _(rng):
    n, th, i, k, y, yh, loss, g = _24(rng, "any")
    return g.sum(), yh.sum() - y.sum()


@claim(D24, "line-58#2")
def _(rng):
    n, th, i, k, y, yh, loss, g = _24(rng, "any")
    return yh.sum() - y.sum(), 0.0


@claim(D24, "line-58#ends")
def _(rng):
    n, th, i, k, y, yh, loss, g = _24(rng, "any")
    return g.sum(), 0.0


# --- 25: log-sum-exp; x in R^n, c a constant ---------------------------------------------------------

D25 = "25_log_sum_exp_appendix"


def _25(rng, n=None):
    n = int(rng.integers(2, 6)) if n is None else n
    x = rng.normal(size=n)
    c = rng.uniform(-3, 3)
    a, b = rng.uniform(-4, 4, size=2)
    k, l = pair(rng, n, "any")
    return n, x, c, a, b, k, l


@claim(D25, "line-9#1")
def _(rng):
    n, x, c, a, b, k, l = _25(rng)
    return lse(x), math.log(math.exp(c) * np.exp(x - c).sum())


@claim(D25, "line-9#2")
def _(rng):
    n, x, c, a, b, k, l = _25(rng)
    return math.log(math.exp(c) * np.exp(x - c).sum()), c + lse(x - c)


@claim(D25, "line-9#ends")
def _(rng):
    n, x, c, a, b, k, l = _25(rng)
    return lse(x), c + lse(x - c)


@claim(D25, "line-17#1")
def _(rng):
    n, x, c, a, b, k, l = _25(rng)
    return math.log(math.exp(a) + math.exp(b)), a + math.log(1 + math.exp(b - a))


@claim(D25, "line-17#2")
def _(rng):
    n, x, c, a, b, k, l = _25(rng)
    return a + math.log(1 + math.exp(b - a)), max(a, b) + math.log(1 + math.exp(-abs(a - b)))


@claim(D25, "line-17#ends")
def _(rng):
    n, x, c, a, b, k, l = _25(rng)
    return math.log(math.exp(a) + math.exp(b)), max(a, b) + math.log(1 + math.exp(-abs(a - b)))


@claim(D25, "line-24#1")
def _(rng):
    n, x, c, a, b, k, l = _25(rng)
    return partial(lse, x, k), math.exp(x[k]) / np.exp(x).sum()


@claim(D25, "line-24#2")
def _(rng):
    n, x, c, a, b, k, l = _25(rng)
    return math.exp(x[k]) / np.exp(x).sum(), softmax(x)[k]


@claim(D25, "line-24#ends")
def _(rng):
    n, x, c, a, b, k, l = _25(rng)
    return partial(lse, x, k), softmax(x)[k]


def _25_hessian(x, k, l):
    return partial(lambda v: partial(lse, v, l, 1e-4), x, k, 1e-4)


@claim(D25, "line-31#1")
def _(rng):
    n, x, c, a, b, k, l = _25(rng)
    s = softmax(x)
    return _25_hessian(x, k, l), s[k] * (k == l) - s[k] * s[l]


@claim(D25, "line-37#1")
def _(rng):
    n, x, c, a, b, k, l = _25(rng)
    s = softmax(x)
    return _25_hessian(x, k, l), s[k] * (1 - s[l])


@claim(D25, "line-43#1")
def _(rng):
    n, x, c, a, b, k, l = _25(rng)
    return lse(x), x.sum()


@claim(D25, "line-49#1")
def _(rng):
    n, x, c, a, b, k, l = _25(rng, n=1)  # "When n = 1"
    return lse(x), x[0]


# --- 26: least squares; X in R^{m x n}, y in R^m, w in R^n, r = Xw - y, lambda a constant ---------------

D26 = "26_least_squares_normal_equations"


def _26(rng):
    m, n = (int(v) for v in rng.integers(1, 5, size=2))
    X = rng.normal(size=(m, n))
    y = rng.normal(size=m)
    w = rng.normal(size=n)
    lam = rng.uniform(0.1, 3)
    u = rng.normal(size=m)
    a = rng.normal()
    j = int(rng.integers(n))

    def loss(v):
        return 0.5 * float(np.sum((X @ v - y) ** 2))

    return m, n, X, y, w, lam, u, a, j, loss


def _26_chain(X, y, w, j):
    r = X @ w - y
    return sum(r[i] * partial(lambda v: (X @ v - y)[i], w, j) for i in range(len(y)))


@claim(D26, "line-10-2#1")
def _(rng):
    # r_i = sum_k X_ik w_k - y_i, with r = Xw - y: entry i of the residual, at a random i
    m, n, X, y, w, lam, u, a, j, loss = _26(rng)
    i = int(rng.integers(m))
    return (X @ w - y)[i], sum(X[i, k] * w[k] for k in range(n)) - y[i]


@claim(D26, "line-13#1")
def _(rng):
    m, n, X, y, w, lam, u, a, j, loss = _26(rng)
    return partial(loss, w, j), _26_chain(X, y, w, j)


@claim(D26, "line-13#2")
def _(rng):
    m, n, X, y, w, lam, u, a, j, loss = _26(rng)
    written = sum((sum(X[i, k] * w[k] for k in range(n)) - y[i]) * X[i, j] for i in range(m))
    return _26_chain(X, y, w, j), written


@claim(D26, "line-13#ends")
def _(rng):
    m, n, X, y, w, lam, u, a, j, loss = _26(rng)
    written = sum((sum(X[i, k] * w[k] for k in range(n)) - y[i]) * X[i, j] for i in range(m))
    return partial(loss, w, j), written


@claim(D26, "line-20#1")
def _(rng):
    m, n, X, y, w, lam, u, a, j, loss = _26(rng)
    return grad(loss, w), X.T @ (X @ w - y)


@claim(D26, "line-20#2")
def _(rng):
    m, n, X, y, w, lam, u, a, j, loss = _26(rng)
    return X.T @ (X @ w - y), X.T @ X @ w - X.T @ y


@claim(D26, "line-20#ends")
def _(rng):
    m, n, X, y, w, lam, u, a, j, loss = _26(rng)
    return grad(loss, w), X.T @ X @ w - X.T @ y


@claim(D26, "line-27#1")
def _(rng):
    m, n, X, y, w, lam, u, a, j, loss = _26(rng)
    return grad(loss, w), X.T @ (y - X @ w)


@claim(D26, "line-33#1")
def _(rng):
    m, n, X, y, w, lam, u, a, j, loss = _26(rng)
    return grad(lambda v: loss(v) + lam / 2 * float(v @ v), w), X.T @ (X @ w - y) + lam * w


@claim(D26, "line-39#1")
def _(rng):
    m, n, X, y, w, lam, u, a, j, loss = _26(rng)
    return grad(lambda v: float(np.sum((X @ v - y) ** 2)), w), X.T @ (X @ w - y)


def _26_slope(u, y, a):
    return d(lambda t: 0.5 * float(np.sum((t * u - y) ** 2)), a)


@claim(D26, "line-45#1")
def _(rng):
    m, n, X, y, w, lam, u, a, j, loss = _26(rng)
    return _26_slope(u, y, a), float(np.sum((a * u - y) * u))


@claim(D26, "line-51#1")
def _(rng):
    m, n, X, y, w, lam, u, a, j, loss = _26(rng)
    return _26_slope(u, y, a), float(np.sum(a * u - y))


# --- 27: logistic regression; p = sigma(z), z = w^T x + b, y in {0, 1} -----------------------------------

D27 = "27_logistic_regression_one_example"


def _27(rng, label=None):
    n = int(rng.integers(1, 5))
    x, w = rng.normal(size=n), rng.normal(size=n)
    b = rng.normal()
    y = float(rng.integers(2)) if label is None else float(label)
    j = int(rng.integers(n))

    def nll_p(p):
        return -y * math.log(p) - (1 - y) * math.log(1 - p)

    def nll(wv, bv):
        return nll_p(sig(float(wv @ x) + bv))

    z = float(w @ x) + b
    return x, w, b, y, j, z, sig(z), nll_p, nll


@claim(D27, "line-29#1")  # dz/dw_j = x_j, z = w^T x + b
def _(rng):
    x, w, b, y, j, z, p, nll_p, nll = _27(rng)
    return partial(lambda wv: float(wv @ x) + b, w, j), x[j]


@claim(D27, "line-29-2#1")  # dz/db = 1
def _(rng):
    x, w, b, y, j, z, p, nll_p, nll = _27(rng)
    return d(lambda bv: float(w @ x) + bv, b), 1.0


@claim(D27, "line-14#1")
def _(rng):
    x, w, b, y, j, z, p, nll_p, nll = _27(rng)
    return d(nll_p, p), -y / p + (1 - y) / (1 - p)


@claim(D27, "line-14#2")
def _(rng):
    x, w, b, y, j, z, p, nll_p, nll = _27(rng)
    return -y / p + (1 - y) / (1 - p), (p - y) / (p * (1 - p))


@claim(D27, "line-14#ends")
def _(rng):
    x, w, b, y, j, z, p, nll_p, nll = _27(rng)
    return d(nll_p, p), (p - y) / (p * (1 - p))


@claim(D27, "line-20#1")
def _(rng):
    x, w, b, y, j, z, p, nll_p, nll = _27(rng)
    return d(sig, z), p * (1 - p)


def _27_dz(nll_p, z):
    return d(lambda t: nll_p(sig(t)), z)


@claim(D27, "line-26#1")
def _(rng):
    x, w, b, y, j, z, p, nll_p, nll = _27(rng)
    return _27_dz(nll_p, z), p - y


@claim(D27, "line-32#1")
def _(rng):
    x, w, b, y, j, z, p, nll_p, nll = _27(rng)
    return partial(lambda v: nll(v, b), w, j), (p - y) * x[j]


@claim(D27, "line-36#1")
def _(rng):
    x, w, b, y, j, z, p, nll_p, nll = _27(rng)
    return d(lambda t: nll(w, t), b), p - y


@claim(D27, "line-42#1")
def _(rng):
    x, w, b, y, j, z, p, nll_p, nll = _27(rng)
    return math.log(p), -math.log(1 + math.exp(-z))


@claim(D27, "line-48#1")
def _(rng):
    x, w, b, y, j, z, p, nll_p, nll = _27(rng, label=1)
    return nll_p(p), -math.log(p)


@claim(D27, "line-52#1")
def _(rng):
    x, w, b, y, j, z, p, nll_p, nll = _27(rng, label=1)
    return _27_dz(nll_p, z), p - 1


@claim(D27, "line-58#1")
def _(rng):
    x, w, b, y, j, z, p, nll_p, nll = _27(rng, label=0)
    return nll_p(p), -math.log(1 - p)


@claim(D27, "line-62#1")
def _(rng):
    x, w, b, y, j, z, p, nll_p, nll = _27(rng, label=0)
    return _27_dz(nll_p, z), 1 - p


@claim(D27, "line-68#1")
def _(rng):
    x, w, b, y, j, z, p, nll_p, nll = _27(rng)
    return d(nll_p, p), -y / p - (1 - y) / (1 - p)


@claim(D27, "line-72#1")
def _(rng):
    x, w, b, y, j, z, p, nll_p, nll = _27(rng)
    return _27_dz(nll_p, z), y - p


# --- 28: skip-gram; s = Uv, yhat = softmax(s), o the true word ----------------------------------------------

D28 = "28_word2vec_naive_softmax"


def _28(rng, relation):
    V, D = int(rng.integers(2, 6)), int(rng.integers(1, 5))
    U, v = rng.normal(size=(V, D)), rng.normal(size=D)
    w, o = pair(rng, V, relation)
    k = int(rng.integers(D))

    def J(Um, vv):
        return -math.log(softmax(Um @ vv)[o])

    return V, D, U, v, w, o, k, J, softmax(U @ v), onehot(V, o)


@claim(D28, "line-9#2")
def _(rng):
    V, D, U, v, w, o, k, J, yh, y = _28(rng, "any")
    s = U @ v
    return -math.log(yh[o]), -s[o] + lse(s)


@claim(D28, "line-15#1")
def _(rng):
    V, D, U, v, w, o, k, J, yh, y = _28(rng, "any")
    return partial(lambda vv: J(U, vv), v, k), -U[o, k] + float(yh @ U[:, k])


@claim(D28, "line-21#1")
def _(rng):
    V, D, U, v, w, o, k, J, yh, y = _28(rng, "any")
    return partial(lambda vv: J(U, vv), v, k), -U[o, k] + float(U[:, k].sum())


def _28_dU(U, v, w, k, J):
    return partial(lambda Um: J(Um, v), U, (w, k))


@claim(D28, "line-30#1")
def _(rng):
    V, D, U, v, w, o, k, J, yh, y = _28(rng, "=")
    return _28_dU(U, v, w, k, J), (yh[w] - 1) * v[k]


@claim(D28, "line-36#1")
def _(rng):
    V, D, U, v, w, o, k, J, yh, y = _28(rng, "!=")
    return _28_dU(U, v, w, k, J), yh[w] * v[k]


@claim(D28, "line-44#1")
def _(rng):
    V, D, U, v, w, o, k, J, yh, y = _28(rng, "any")
    return _28_dU(U, v, w, k, J), (yh[w] - y[w]) * v[k]


@claim(D28, "line-50#1")
def _(rng):
    V, D, U, v, w, o, k, J, yh, y = _28(rng, "any")
    return _28_dU(U, v, w, k, J), (yh[w] - 1) * v[k]


@claim(D28, "line-56#1")
def _(rng):
    V, D, U, v, w, o, k, J, yh, y = _28(rng, "any")
    return _28_dU(U, v, w, k, J), (yh[o] - y[w]) * v[k]


def _28_neg(a, b):
    return -math.log(sig(a)) - math.log(sig(-b))


@claim(D28, "line-69#1")
def _(rng):
    a, b = rng.uniform(-4, 4, size=2)
    return d(lambda t: _28_neg(t, b), a), sig(a) - 1


@claim(D28, "line-73#1")
def _(rng):
    a, b = rng.uniform(-4, 4, size=2)
    return d(lambda t: _28_neg(a, t), b), -sig(b)


# --- 29: one-hidden-layer network; h = tanh(Wx + b), s = v^T h, L = (s - y)^2 / 2 --------------------------

D29 = "29_mlp_backprop_align"


def _29(rng):
    Hn = int(rng.integers(1, 5))
    Dn = int(rng.integers(Hn, 6))  # D >= H, so that the mistaken x_i of line 29 exists
    W, x = rng.normal(size=(Hn, Dn)), rng.normal(size=Dn)
    b, v = rng.normal(size=Hn), rng.normal(size=Hn)
    y = rng.normal()
    i, j = int(rng.integers(Hn)), int(rng.integers(Dn))

    def L(Wm, xv, bv, vv):
        return 0.5 * (float(vv @ np.tanh(Wm @ xv + bv)) - y) ** 2

    h = np.tanh(W @ x + b)
    s = float(v @ h)
    return W, x, b, v, y, i, j, L, h, s


@claim(D29, "line-13#1")  # h_i = tanh(sum_j W_ij x_j + b_i), h = tanh(Wx + b) entry by entry
def _(rng):
    W, x, b, v, y, i, j, L, h, s = _29(rng)
    return h[i], math.tanh(sum(W[i, m] * x[m] for m in range(len(x))) + b[i])


@claim(D29, "line-13-2#1")  # s = sum_i v_i h_i, the s defined as v^T h
def _(rng):
    W, x, b, v, y, i, j, L, h, s = _29(rng)
    return s, sum(v[m] * h[m] for m in range(len(v)))


@claim(D29, "line-17#1")
def _(rng):
    W, x, b, v, y, i, j, L, h, s = _29(rng)
    return d(lambda t: 0.5 * (t - y) ** 2, s), s - y


@claim(D29, "line-18#1")
def _(rng):
    W, x, b, v, y, i, j, L, h, s = _29(rng)
    return partial(lambda vv: L(W, x, b, vv), v, i), (s - y) * h[i]


@claim(D29, "line-19#1")
def _(rng):
    W, x, b, v, y, i, j, L, h, s = _29(rng)
    return partial(lambda hv: 0.5 * (float(v @ hv) - y) ** 2, h, i), (s - y) * v[i]


@claim(D29, "line-20#1")
def _(rng):
    W, x, b, v, y, i, j, L, h, s = _29(rng)
    return partial(lambda bv: L(W, x, bv, v), b, i), (s - y) * v[i] * (1 - h[i] ** 2)


@claim(D29, "line-21#1")
def _(rng):
    W, x, b, v, y, i, j, L, h, s = _29(rng)
    return partial(lambda Wm: L(Wm, x, b, v), W, (i, j)), (s - y) * v[i] * (1 - h[i] ** 2) * x[j]


@claim(D29, "line-22#1")
def _(rng):
    W, x, b, v, y, i, j, L, h, s = _29(rng)
    return partial(lambda xv: L(W, xv, b, v), x, j), (s - y) * float(np.sum(v * (1 - h**2) * W[:, j]))


@claim(D29, "line-28#1")
def _(rng):
    W, x, b, v, y, i, j, L, h, s = _29(rng)
    return partial(lambda bv: L(W, x, bv, v), b, i), (s - y) * v[i] * (1 - h[i]) ** 2


@claim(D29, "line-29#1")
def _(rng):
    W, x, b, v, y, i, j, L, h, s = _29(rng)
    return partial(lambda Wm: L(Wm, x, b, v), W, (i, j)), (s - y) * v[i] * (1 - h[i] ** 2) * x[i]


@claim(D29, "line-30#1")
def _(rng):
    W, x, b, v, y, i, j, L, h, s = _29(rng)
    return partial(lambda xv: L(W, xv, b, v), x, j), (s - y) * float(np.sum(v * W[:, j]))


@claim(D29, "line-36#1")
def _(rng):
    W, x, b, v, y, i, j, L, h, s = _29(rng)
    return grad(lambda bv: L(W, x, bv, v), b), (s - y) * v * (1 - h * h)


# --- 30: KL divergence; p, q positive with sum_i p_i = 1; sigma > 0 a standard deviation -------------------

D30 = "30_kl_divergence"


def _30(rng):
    n = int(rng.integers(1, 6))
    p = rng.uniform(0.1, 1, size=n)
    p /= p.sum()
    q = rng.uniform(0.1, 1, size=n)
    q /= q.sum()
    th = rng.normal(size=n)
    j = int(rng.integers(n))

    def D(pv, qv):
        return float(np.sum(pv * np.log(pv / qv)))

    return n, p, q, th, j, D


@claim(D30, "line-9#2")
def _(rng):
    n, p, q, th, j, D = _30(rng)
    return D(p, q), float(np.sum(p * np.log(p)) - np.sum(p * np.log(q)))


@claim(D30, "line-15#1")
def _(rng):
    n, p, q, th, j, D = _30(rng)
    return partial(lambda qv: D(p, qv), q, j), -p[j] / q[j]


@claim(D30, "line-19#1")
def _(rng):
    n, p, q, th, j, D = _30(rng)
    return partial(lambda pv: D(pv, q), p, j), math.log(p[j] / q[j]) + 1


@claim(D30, "line-25#1")
def _(rng):
    n, p, q, th, j, D = _30(rng)
    return partial(lambda pv: D(pv, q), p, j), math.log(p[j] / q[j])


def _30_theta(p, th, j):
    return partial(lambda t: float(np.sum(p * np.log(p / softmax(t)))), th, j)


@claim(D30, "line-32#1")
def _(rng):
    n, p, q, th, j, D = _30(rng)
    return _30_theta(p, th, j), softmax(th)[j] - p[j]


@claim(D30, "line-38#1")
def _(rng):
    n, p, q, th, j, D = _30(rng)
    return _30_theta(p, th, j), p[j] - softmax(th)[j]


def _30_gauss(mu, s):
    return 0.5 * (s**2 + mu**2 - 1 - math.log(s**2))


@claim(D30, "line-48#1")
def _(rng):
    mu, s = rng.normal(), rng.uniform(0.2, 3)
    return d(lambda t: _30_gauss(t, s), mu), mu


@claim(D30, "line-52#1")
def _(rng):
    mu, s = rng.normal(), rng.uniform(0.2, 3)
    return d(lambda t: _30_gauss(mu, t), s), s - 1 / s


@claim(D30, "line-58#1")
def _(rng):
    mu, s = rng.normal(), rng.uniform(0.2, 3)
    return d(lambda t: _30_gauss(mu, t), s), s - 1 / (2 * s)


# --- 31: r defined by cases; t_ij = 1 if i = j, 0 otherwise ------------------------------------------------

D31 = "31_relu_and_indicator_cases"


def relu(t):
    return t if t > 0 else 0.0


@claim(D31, "line-14#1")
def _(rng):
    x = rng.uniform(0.01, 4)  # "For x > 0"
    return d(relu, x, 1e-3), 1.0


@claim(D31, "line-20#1")
def _(rng):
    x = -rng.uniform(0.01, 4)  # "For x < 0"
    return d(relu, x, 1e-3), 0.0


@claim(D31, "line-26#1")
def _(rng):
    x = rng.uniform(-4, 4)
    return relu(x), (x + abs(x)) / 2


@claim(D31, "line-26#2")
def _(rng):
    x = rng.uniform(-4, 4)
    return (x + abs(x)) / 2, max(x, 0.0)


@claim(D31, "line-26#ends")
def _(rng):
    x = rng.uniform(-4, 4)
    return relu(x), max(x, 0.0)


@claim(D31, "line-30#1")
def _(rng):
    x = rng.uniform(-4, 4)
    return relu(x) - relu(-x), x


@claim(D31, "line-34#1")
def _(rng):
    x = rng.uniform(-4, 4)
    return relu(x) + relu(-x), abs(x)


@claim(D31, "line-38#1")
def _(rng):
    x = rng.uniform(-4, 4)
    return relu(x) ** 2, x * relu(x)


@claim(D31, "line-44#1")
def _(rng):
    x = rng.uniform(-4, 4)
    return relu(x) * relu(-x), x


def _31(rng):
    n = int(rng.integers(1, 6))
    t = np.array([[1.0 if a == b else 0.0 for b in range(n)] for a in range(n)])
    i, k = pair(rng, n, "any")
    return n, t, rng.normal(size=n), i, k


@claim(D31, "line-53#1")
def _(rng):
    n, t, x, i, k = _31(rng)
    return float(t[i] @ x), x[i]


@claim(D31, "line-57#1")
def _(rng):
    n, t, x, i, k = _31(rng)
    return t.sum(), float(n)


@claim(D31, "line-61#1")
def _(rng):
    n, t, x, i, k = _31(rng)
    return float(t[i] @ t[:, k]), t[i, k]


@claim(D31, "line-67#1")
def _(rng):
    n, t, x, i, k = _31(rng)
    return t[i].sum(), float(n)


# --- 32: completing the square; a != 0, b, c constants ---------------------------------------------------

D32 = "32_completing_the_square"


def _32(rng):
    a = rng.choice([-1, 1]) * rng.uniform(0.2, 3)
    b, c, x = rng.uniform(-3, 3, size=3)
    return a, b, c, x


@claim(D32, "line-6#1")
def _(rng):
    a, b, c, x = _32(rng)
    return a * x**2 + b * x + c, a * (x**2 + b / a * x) + c


@claim(D32, "line-10#1")
def _(rng):
    a, b, c, x = _32(rng)
    return a * (x**2 + b / a * x) + c, a * (x + b / (2 * a)) ** 2 - b**2 / (4 * a) + c


@claim(D32, "line-14#1")
def _(rng):
    a, b, c, x = _32(rng)
    return a * (x + b / (2 * a)) ** 2 - b**2 / (4 * a) + c, a * (x + b / (2 * a)) ** 2 + (4 * a * c - b**2) / (4 * a)


@claim(D32, "line-20#1")
def _(rng):
    a, b, c, x = _32(rng)
    return a * x**2 + b * x + c, a * (x + b / (2 * a)) ** 2 - b**2 / (2 * a) + c


@claim(D32, "line-26-equation-1#1")
def _(rng):
    a, b, c, x = _32(rng)
    return (x + c) ** 2, x**2 + 2 * c * x + c**2


@claim(D32, "line-26-equation-2#1")
def _(rng):
    a, b, c, x = _32(rng)
    return (x - c) ** 2, x**2 - 2 * c * x - c**2


@claim(D32, "line-30#1")
def _(rng):
    a, b, c, x = _32(rng)
    return (x + c) * (x - c), x**2 - c**2


@claim(D32, "line-36#1")
def _(rng):
    a, b, c, x = _32(rng)
    return d(lambda t: c * t**3 + c, x), 3 * c * x**2


@claim(D32, "line-40#1")
def _(rng):
    a, b, c, x = _32(rng)
    return d(lambda t: t / c, x), 1 / c


@claim(D32, "line-46#1")
def _(rng):
    a, b, c, x = _32(rng)
    return d(lambda t: math.exp(c * t), x), math.exp(c * x)


# --- 33: softmax written out; yhat = softmax(theta), k a fixed class --------------------------------------

D33 = "33_softmax_written_out"


def _33(rng, relation):
    n = int(rng.integers(2, 6))
    th = rng.normal(size=n)
    i, k = pair(rng, n, relation)
    return n, th, i, k, softmax(th), jacobian(softmax, th)


@claim(D33, "line-10#1")
def _(rng):
    n, th, i, k, yh, J = _33(rng, "any")
    return softmax(th), np.exp(th) / np.exp(th).sum()


@claim(D33, "line-16#1")
def _(rng):
    n, th, i, k, yh, J = _33(rng, "any")
    return softmax(th), np.exp(th)


@claim(D33, "line-22#1")
def _(rng):
    n, th, i, k, yh, J = _33(rng, "any")
    return J[k, k], yh[k] * (1 - yh[k])


@claim(D33, "line-26#1")
def _(rng):
    n, th, i, k, yh, J = _33(rng, "!=")  # theta_{i != k}
    return J[k, i], -yh[k] * yh[i]


@claim(D33, "line-32#1")
def _(rng):
    n, th, i, k, yh, J = _33(rng, "!=")  # yhat_{i != k}
    return J[i, k], yh[i] * (1 - yh[k])


@claim(D33, "line-38#1")
def _(rng):
    n, th, i, k, yh, J = _33(rng, "any")
    return grad(lse, th), yh


@claim(D33, "line-42#1")
def _(rng):
    n, th, i, k, yh, J = _33(rng, "any")
    return grad(lambda t: float(np.sum(t**2)), th), 2 * th


@claim(D33, "line-46#1")
def _(rng):
    n, th, i, k, yh, J = _33(rng, "any")
    return grad(lambda t: float(np.sum(t**2)), th), th


def _33_corners(J):
    return np.array([J[0, 0], J[0, -1], J[-1, 0], J[-1, -1]])


@claim(D33, "line-52#1")
def _(rng):
    n, th, i, k, yh, J = _33(rng, "any")
    return _33_corners(J), np.array([yh[0] * (1 - yh[0]), -yh[0] * yh[-1], -yh[-1] * yh[0], yh[-1] * (1 - yh[-1])])


@claim(D33, "line-56#1")
def _(rng):
    n, th, i, k, yh, J = _33(rng, "any")
    return _33_corners(J), np.array([yh[0] * (1 - yh[0]), 0.0, 0.0, yh[-1] * (1 - yh[-1])])


# --- 34: tanh from u = e^x, v = e^{-x} ---------------------------------------------------------------

D34 = "34_tanh_from_exponentials"


def _34(rng):
    x = rng.uniform(-3, 3)
    return x, math.exp(x), math.exp(-x)


@claim(D34, "line-3-3#1")  # tanh(x) = (u - v)/(u + v), in the prose
def _(rng):
    x, u, v = _34(rng)
    return math.tanh(x), (u - v) / (u + v)


@claim(D34, "line-16#1")  # uv = 1
def _(rng):
    x, u, v = _34(rng)
    return u * v, 1.0


@claim(D34, "line-9#1")
def _(rng):
    x, u, v = _34(rng)
    return d(math.tanh, x), ((u + v) * (u + v) - (u - v) * (u - v)) / (u + v) ** 2


@claim(D34, "line-13#1")
def _(rng):
    x, u, v = _34(rng)
    return ((u + v) * (u + v) - (u - v) * (u - v)) / (u + v) ** 2, 1 - ((u - v) / (u + v)) ** 2


@claim(D34, "line-13#2")
def _(rng):
    x, u, v = _34(rng)
    return 1 - ((u - v) / (u + v)) ** 2, 1 - math.tanh(x) ** 2


@claim(D34, "line-13#ends")
def _(rng):
    x, u, v = _34(rng)
    return ((u + v) * (u + v) - (u - v) * (u - v)) / (u + v) ** 2, 1 - math.tanh(x) ** 2


@claim(D34, "line-19#1")
def _(rng):
    x, u, v = _34(rng)
    return ((u + v) ** 2 - (u - v) ** 2) / (u + v) ** 2, 4 / (u + v) ** 2


@claim(D34, "line-19#2")
def _(rng):
    x, u, v = _34(rng)
    return 4 / (u + v) ** 2, 1 / math.cosh(x) ** 2


@claim(D34, "line-19#ends")
def _(rng):
    x, u, v = _34(rng)
    return ((u + v) ** 2 - (u - v) ** 2) / (u + v) ** 2, 1 / math.cosh(x) ** 2


@claim(D34, "line-25#1")
def _(rng):
    x, u, v = _34(rng)
    return d(math.tanh, x), ((u - v) ** 2 - (u + v) ** 2) / (u + v) ** 2


@claim(D34, "line-31#1")
def _(rng):
    x, u, v = _34(rng)
    return math.tanh(x), 2 * sig(2 * x) - 1


@claim(D34, "line-37#1")
def _(rng):
    x, u, v = _34(rng)
    return d(math.tanh, x), 4 * d(sig, 2 * x)


@claim(D34, "line-43#1")
def _(rng):
    x, u, v = _34(rng)
    return math.tanh(x), 2 * sig(x) - 1


@claim(D34, "line-47#1")
def _(rng):
    x, u, v = _34(rng)
    return d(math.tanh, x), 2 * d(sig, 2 * x)


# --- 35: the elementwise sigmoid, conditions written inside the displays ----------------------------------

D35 = "35_elementwise_sigmoid_if"


def _35(rng, relation):
    n = int(rng.integers(2, 6))
    x = rng.normal(size=n)
    i, j = pair(rng, n, relation)
    return x, i, j, sig(x)


@claim(D35, "line-7#1")
def _(rng):
    x, i, j, s = _35(rng, "=")
    return partial(lambda v: sig(v[i]), x, j), s[i] * (1 - s[i])


@claim(D35, "line-11#1")
def _(rng):
    x, i, j, s = _35(rng, "!=")
    return partial(lambda v: sig(v[i]), x, j), 0.0


@claim(D35, "line-17#1")
def _(rng):
    x, i, j, s = _35(rng, "any")
    return partial(lambda v: sig(v[i]), x, j), (i == j) * s[i] * (1 - s[i])


@claim(D35, "line-23#1")
def _(rng):
    x, i, j, s = _35(rng, "any")
    return partial(lambda v: sig(v[i]), x, j), s[i] * (1 - s[j])


@claim(D35, "line-29#1")
def _(rng):
    x, i, j, s = _35(rng, "=")
    return partial(lambda v: math.log(sig(v[i])), x, j), 1 - s[i]


@claim(D35, "line-35#1")
def _(rng):
    x, i, j, s = _35(rng, "=")
    return partial(lambda v: math.log(sig(v[i])), x, j), s[i]


@claim(D35, "line-41#1")
def _(rng):
    x, i, j, s = _35(rng, "any")
    return partial(lambda v: float(np.sum(sig(v))), x, j), s[j] * (1 - s[j])


@claim(D35, "line-45#1")
def _(rng):
    x, i, j, s = _35(rng, "any")
    return float(np.sum(s)), 1.0


# --- mistakes appended at the ends of the documents ------------------------------------------------------


@claim(D21, "line-58#1")
def _(rng):
    x, z, s, ds, dz = _21(rng)
    return d2(sig, x), s * (1 - s) ** 2


@claim(D23, "line-58#1")
def _(rng):
    n, x, c, i, j = _23(rng)
    return partial(lambda v: softmax(v)[i], x, j), softmax(x)[i] * (1 - softmax(x)[i])


@claim(D24, "line-64#1")
def _(rng):
    n, th, i, k, y, yh, loss, g = _24(rng, "any")
    return g[i], yh[i] - y[k]


@claim(D25, "line-55#1")
def _(rng):
    n, x, c, a, b, k, l = _25(rng)
    return lse(x - c), lse(x) - n * c


@claim(D26, "line-57#1")
def _(rng):
    n = int(rng.integers(2, 5))  # a square X, so that the transposed index X_ji exists
    X, y, w = rng.normal(size=(n, n)), rng.normal(size=n), rng.normal(size=n)
    j = int(rng.integers(n))
    written = sum((float(X[i] @ w) - y[i]) * X[j, i] for i in range(n))
    return partial(lambda v: 0.5 * float(np.sum((X @ v - y) ** 2)), w, j), written


@claim(D27, "line-76#1")
def _(rng):
    x, w, b, y, j, z, p, nll_p, nll = _27(rng)
    return partial(lambda v: nll(v, b), w, j), (p - y) * w[j]


@claim(D28, "line-79#1")
def _(rng):
    V, D, U, v, w, o, k, J, yh, y = _28(rng, "any")
    return partial(lambda vv: J(U, vv), v, k), float((y - yh) @ U[:, k])


@claim(D30, "line-64#1")
def _(rng):
    n, p, q, th, j, D = _30(rng)
    return partial(lambda qv: D(p, qv), q, j), p[j] / q[j]


@claim(D31, "line-75#1")
def _(rng):
    x = rng.choice([-1, 1]) * rng.uniform(0.01, 4)  # "Away from 0"
    return d(relu, x, 1e-3), x / abs(x)


@claim(D32, "line-50#1")
def _(rng):
    c, x = rng.uniform(0.2, 3), rng.uniform(-2, 2)  # c^x is real for c > 0
    return d(lambda t: c**t, x), x * c ** (x - 1)


@claim(D33, "line-62#1")
def _(rng):
    n, th, i, k, yh, J = _33(rng, "any")
    return grad(lse, th), np.exp(th)


@claim(D34, "line-53#1")
def _(rng):
    x, u, v = _34(rng)
    return math.tanh(-x), math.tanh(x)


@claim(D35, "line-51#1")
def _(rng):
    x, i, j, s = _35(rng, "any")
    return partial(lambda v: float(np.sum(np.log(sig(v)))), x, j), float(np.sum(1 - s))


# --- 36: linear softmax classifier; theta = Wx, k the correct class, y one-hot at k ---------------------

D36 = "36_linear_softmax_classifier"


def _36(rng, relation):
    K, Dn = int(rng.integers(2, 5)), int(rng.integers(2, 5))
    W, x = rng.normal(size=(K, Dn)), rng.normal(size=Dn)
    i, k = pair(rng, K, relation)
    j, l = int(rng.integers(Dn)), int(rng.integers(Dn))

    def L(Wm, xv):
        return -math.log(softmax(Wm @ xv)[k])

    yh = softmax(W @ x)
    dW = partial(lambda Wm: L(Wm, x), W, (i, j))
    return K, Dn, W, x, i, k, j, l, L, yh, onehot(K, k), dW


@claim(D36, "line-4#1")  # theta_i = sum_l W_il x_l, theta = Wx
def _(rng):
    K, Dn, W, x, i, k, j, l, L, yh, y, dW = _36(rng, "any")
    return (W @ x)[i], sum(W[i, m] * x[m] for m in range(Dn))


@claim(D36, "line-17#1")  # d theta_i / dW_ij = x_j
def _(rng):
    K, Dn, W, x, i, k, j, l, L, yh, y, dW = _36(rng, "any")
    return partial(lambda Wm: (Wm @ x)[i], W, (i, j)), x[j]


@claim(D36, "line-14#1")
def _(rng):
    K, Dn, W, x, i, k, j, l, L, yh, y, dW = _36(rng, "any")
    th = W @ x
    return L(W, x), -th[k] + lse(th)


@claim(D36, "line-21#1")
def _(rng):
    K, Dn, W, x, i, k, j, l, L, yh, y, dW = _36(rng, "any")
    return dW, -partial(lambda Wm: (Wm @ x)[k], W, (i, j)) + yh[i] * x[j]


@claim(D36, "line-27#1")
def _(rng):
    K, Dn, W, x, i, k, j, l, L, yh, y, dW = _36(rng, "=")
    return dW, -x[j] + yh[i] * x[j]


@claim(D36, "line-31#1")
def _(rng):
    K, Dn, W, x, i, k, j, l, L, yh, y, dW = _36(rng, "=")
    return -x[j] + yh[i] * x[j], (yh[k] - 1) * x[j]


@claim(D36, "line-37#1")
def _(rng):
    K, Dn, W, x, i, k, j, l, L, yh, y, dW = _36(rng, "!=")
    return dW, yh[i] * x[j]


@claim(D36, "line-41#1")
def _(rng):
    K, Dn, W, x, i, k, j, l, L, yh, y, dW = _36(rng, "!=")
    return yh[i] * x[j], yh[i]


@claim(D36, "line-49#1")
def _(rng):
    K, Dn, W, x, i, k, j, l, L, yh, y, dW = _36(rng, "any")
    return dW, (yh[i] - y[i]) * x[j]


@claim(D36, "line-55#1")
def _(rng):
    K, Dn, W, x, i, k, j, l, L, yh, y, dW = _36(rng, "any")
    if j >= K or i >= Dn:  # yhat_j or x_i does not exist: the claim cannot be right
        return 0.0, 1.0
    return dW, (yh[j] - y[j]) * x[i]


@claim(D36, "line-61#1")
def _(rng):
    K, Dn, W, x, i, k, j, l, L, yh, y, dW = _36(rng, "any")
    return partial(lambda xv: L(W, xv), x, l), float((yh - y) @ W[:, l])


@claim(D36, "line-67#1")
def _(rng):
    K, Dn, W, x, i, k, j, l, L, yh, y, dW = _36(rng, "any")
    return partial(lambda xv: L(W, xv), x, l), float(yh @ W[:, l])


# --- 37: answers by cases; 0 < alpha < 1 ------------------------------------------------------------------

D37 = "37_piecewise_answers"


@claim(D37, "line-12#1")  # branch i = j
def _(rng):
    n, th, i, j, yh, J = _33(rng, "=")
    return J[i, j], yh[i] * (1 - yh[i])


@claim(D37, "line-12-2#1")  # branch i != j
def _(rng):
    n, th, i, j, yh, J = _33(rng, "!=")
    return J[i, j], -yh[i] * yh[j]


@claim(D37, "line-18#1")
def _(rng):
    n, th, i, j, yh, J = _33(rng, "any")
    return J[i, j], yh[i] * (i == j) - yh[i] * yh[j]


@claim(D37, "line-24#1")  # branch i = j
def _(rng):
    n, th, i, j, yh, J = _33(rng, "=")
    return J[i, j], yh[i] * (1 - yh[i])


@claim(D37, "line-24-2#1")  # branch i != j, its sign lost
def _(rng):
    n, th, i, j, yh, J = _33(rng, "!=")
    return J[i, j], yh[i] * yh[j]


@claim(D37, "line-30#1")  # branch x > 0
def _(rng):
    x = rng.uniform(0.01, 4)
    return d(abs, x, 1e-3), 1.0


@claim(D37, "line-30-2#1")  # branch x < 0
def _(rng):
    x = -rng.uniform(0.01, 4)
    return d(abs, x, 1e-3), -1.0


def _37(rng):
    alpha, x = rng.uniform(0.01, 0.99), rng.uniform(-4, 4)
    return alpha, x, lambda t: t if t >= 0 else alpha * t


@claim(D37, "line-42#1")
def _(rng):
    alpha, x, f = _37(rng)
    return f(x), max(x, alpha * x)


@claim(D37, "line-46#1")
def _(rng):
    alpha, x, f = _37(rng)
    return f(x), alpha * x + (1 - alpha) * max(x, 0.0)


@claim(D37, "line-52#1")
def _(rng):
    alpha, x, f = _37(rng)
    return f(-x), -f(x)


# --- running it ------------------------------------------------------------------------------------------


def holds(doc: str, key: str, seed: int = 0) -> bool:
    """Whether the claim agrees at every one of SAMPLES random points of its context."""
    rng = np.random.default_rng(seed)
    f = CLAIMS[(doc, key)]
    for _ in range(SAMPLES):
        lhs, rhs = (np.asarray(side, dtype=float) for side in f(rng))
        if lhs.shape != rhs.shape or not np.allclose(lhs, rhs, rtol=1e-5, atol=1e-6):
            return False
    return True


def disagreements() -> list[str]:
    """Every recorded truth (definitions and suppositions aside) the oracle does not share, and every claim it lacks."""
    out = []
    for path in sorted(HERE.glob("*.truth.toml")):
        doc = path.name.removesuffix(".truth.toml")
        for key, truth in tomllib.loads(path.read_text(encoding="utf-8")).items():
            if truth in ("definition", "supposition"):
                continue
            if (doc, key) not in CLAIMS:
                out.append(f"{doc} {key}: no oracle")
            elif holds(doc, key) is not truth:
                out.append(f"{doc} {key}: recorded {truth}, oracle {not truth}")
    return out


if __name__ == "__main__":
    found = disagreements()
    print("\n".join(found) or f"the oracle agrees with every recorded truth ({len(CLAIMS)} claims)")
