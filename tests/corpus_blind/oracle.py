"""An independent numeric oracle for the truths recorded in tests/corpus_blind.

Every chain of every document is restated here in NumPy, in the context its document sets up (its
declarations, definitions and cases), as the list of the values of its written terms at one random
point; derivatives are central differences. A link holds when its two terms agree at every sampled
point and size (relative tolerance 1e-5), and is false when they differ at some point, or when one
of them is not defined there (shapes that do not fit, an index beyond a vector's length). Nothing
here uses derive: it is a second opinion on each recorded truth, not on derive's verdicts.

    python tests/corpus_blind/oracle.py      # prints every disagreement with the truth files
"""

from __future__ import annotations

import math
import sys
import tomllib
from pathlib import Path

import numpy as np

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
from links import links  # noqa: E402

SAMPLES = 24
DOCUMENTS: dict[str, object] = {}
UNDEFINED = object()  # a term with no value at the point (shapes that do not fit, an index out of range)


def document(stem: str):
    """Register ``f(rng) -> {chain: [value of each term]}`` for the document ``stem``."""
    def register(f):
        DOCUMENTS[stem] = f
        return f
    return register


# --- numerical calculus -------------------------------------------------------------------------------

H1, H2 = 1e-6, 1e-4


def d(f, x):
    return (f(x + H1) - f(x - H1)) / (2 * H1)


def d2(f, x):
    return (f(x + H2) - 2 * f(x) + f(x - H2)) / H2**2


def d2r(f, x, h=1e-3):
    """f''(x) by Richardson extrapolation of two central differences: for f computed with rounding."""
    central = lambda h: (f(x + h) - 2 * f(x) + f(x - h)) / h**2  # noqa: E731
    return (4 * central(h / 2) - central(h)) / 3


def _shift(x, index, h):
    y = np.array(x, dtype=float, copy=True)
    y[index] += h
    return y


def partial(f, x, index):
    """∂f/∂x[index] for a scalar (or array) valued f of the array x."""
    return (np.asarray(f(_shift(x, index, H1))) - np.asarray(f(_shift(x, index, -H1)))) / (2 * H1)


def partial2(f, x, i, k):
    """∂²f/∂x[i]∂x[k]."""
    h = H2
    return (f(_shift(_shift(x, i, h), k, h)) - f(_shift(_shift(x, i, h), k, -h))
            - f(_shift(_shift(x, i, -h), k, h)) + f(_shift(_shift(x, i, -h), k, -h))) / (4 * h * h)


def grad(f, x):
    """The gradient of a scalar f, shaped as x."""
    x = np.asarray(x, dtype=float)
    return np.array([partial(f, x, index) for index in np.ndindex(x.shape)]).reshape(x.shape)


def jac(f, x):
    """The Jacobian of a vector f of a vector x, numerator layout: row a, column b is ∂f_a/∂x_b."""
    return np.stack([partial(f, x, b) for b in range(len(x))], axis=1)


def mat(a, b):
    """a @ b, or UNDEFINED where the shapes do not fit."""
    a, b = np.asarray(a), np.asarray(b)
    if a.shape[-1] != b.shape[0]:
        return UNDEFINED
    return a @ b


def at(a, *index):
    """a[index] (0-based), or UNDEFINED beyond its shape."""
    a = np.asarray(a)
    if any(i >= n for i, n in zip(index, a.shape)):
        return UNDEFINED
    return a[index]


def same(a, b) -> bool:
    if a is UNDEFINED or b is UNDEFINED:
        return False
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    if a.shape != b.shape or not (np.all(np.isfinite(a)) and np.all(np.isfinite(b))):
        return False
    return bool(np.allclose(a, b, rtol=1e-5, atol=1e-7))


sig = lambda t: 1 / (1 + np.exp(-t))  # noqa: E731
relu = lambda t: max(0.0, t)  # noqa: E731
delta = lambda i, j: 1.0 if i == j else 0.0  # noqa: E731


def lse(v):
    m = np.max(v)
    return m + math.log(np.sum(np.exp(v - m)))


def softmax(v):
    e = np.exp(v - np.max(v))
    return e / e.sum()


# --- the documents -------------------------------------------------------------------------------------

@document("01_relu_leaky_relu")
def _(rng):
    x, a, al = rng.uniform(-3, 3), rng.uniform(0.1, 3), rng.uniform(0.05, 0.95)
    xp, xn = rng.uniform(0.1, 3), -rng.uniform(0.1, 3)
    lrelu = lambda t: max(al * t, t)  # noqa: E731
    return {
        "13": [d(relu, xp), 1], "19": [d(relu, xn), 0],
        "25": [relu(x), (x + abs(x)) / 2],
        "31": [lrelu(x), al * x + (1 - al) * relu(x)],
        "37": [lrelu(x), ((1 + al) * x + (1 - al) * abs(x)) / 2],
        "43": [d(lrelu, xn), 1 - al],
        "49": [relu(a * x), a * relu(x)], "55": [relu(-x), -relu(x)],
        "61": [relu(x) - relu(-x), x], "65": [relu(x) + relu(-x), abs(x)],
    }


@document("02_softplus")
def _(rng):
    x, b = rng.uniform(-3, 3), rng.uniform(0.2, 3)
    e = math.exp
    sp = lambda t: math.log(1 + e(t))  # noqa: E731
    return {
        "9": [d(sp, x), 1 / (1 + e(x)) * e(x), e(x) / (1 + e(x)), 1 / (1 + e(-x))],
        "15": [d(sp, x), 1 / (1 + e(x))],
        "21": [sp(x), x + math.log(1 + e(-x))],
        "27": [sp(x) - sp(-x), x], "33": [sp(x) + sp(-x), 0],
        "39": [d2(sp, x), e(x) / (1 + e(x)) ** 2, sig(x) * (1 - sig(x))],
        "45": [d(lambda t: sp(b * t) / b, x), (1 / b) * e(b * x) / (1 + e(b * x))],
    }


@document("03_elu")
def _(rng):
    al, lam = rng.uniform(0.1, 3), rng.uniform(0.1, 3)
    x, xn = rng.choice([-1, 1]) * rng.uniform(0.1, 2), -rng.uniform(0.1, 3)
    e = math.exp
    g = lambda t: al * (e(t) - 1)  # noqa: E731
    f = lambda t: t if t > 0 else g(t)  # noqa: E731
    return {
        "12": [d(g, xn), al * e(xn), al * (e(xn) - 1) + al],
        "15": [d(f, xn), f(xn) + al],
        "19": [d(g, x), al * (e(x) - 1)],
        "25": [d(lambda t: lam * g(t), x), lam * al * e(x)],
        "31": [(e(2 * x) - 1) / (e(x) - 1), e(x) + 1],
        "37": [d2(g, x), al * e(x)], "43": [d2(g, x), al * e(x) - al],
    }


@document("04_mse_linear_regression")
def _(rng):
    n, dd = rng.integers(2, 6, size=2)
    X, y, w = rng.normal(size=(n, dd)), rng.normal(size=n), rng.normal(size=dd)
    j = rng.integers(dd)
    sq = lambda w: np.sum((X @ w - y) ** 2)  # noqa: E731
    rows = lambda w: sum((X[i] @ w - y[i]) ** 2 for i in range(n))  # noqa: E731
    r = X @ w - y
    return {
        "7": [rows(w) / n, rows(w) / n, sq(w) / n],
        "13": [sq(w), r @ r, w @ X.T @ X @ w - 2 * y @ X @ w + y @ y],
        "16": [grad(lambda w: w @ X.T @ X @ w, w), 2 * X.T @ X @ w],
        "17": [grad(lambda w: y @ X @ w, w), X.T @ y],
        "20": [grad(lambda w: sq(w) / n, w), 2 / n * X.T @ r],
        "26": [grad(lambda w: sq(w) / n, w), 1 / n * X.T @ r],
        "32": [grad(sq, w), mat(2 * r, X.T)],
        "38": [partial(rows, w, j), 2 * sum(r[i] * X[i, j] for i in range(n))],
        "44": [grad(lambda w: sq(w) / 2, w), X.T @ X @ w - X.T @ y],
    }


@document("05_mae_huber")
def _(rng):
    dl = rng.uniform(0.2, 2)
    r = rng.choice([-1, 1]) * rng.uniform(0.1, 3)
    rbig, rpos = dl + rng.uniform(0.1, 2), rng.uniform(0.1, 3)
    m = rng.integers(2, 6)
    p, t, k = rng.normal(size=m), rng.normal(size=m), rng.integers(m)
    mae = lambda p: np.mean(np.abs(p - t))  # noqa: E731
    ph = lambda s: dl**2 * (math.sqrt(1 + (s / dl) ** 2) - 1)  # noqa: E731
    return {
        "13": [d(abs, r), r / abs(r)], "16": [d(abs, r), abs(r) / r**2],
        "21": [d(lambda s: dl * (abs(s) - dl / 2), rbig), dl],
        "27": [dl**2 / 2, dl * (dl - dl / 2)],
        "34": [partial(mae, p, k), (p[k] - t[k]) / abs(p[k] - t[k]) / m],
        "40": [partial(mae, p, k), np.sum((p - t) / np.abs(p - t)) / m],
        "46": [d(ph, r), r / math.sqrt(1 + (r / dl) ** 2)],
        "52": [rpos / math.sqrt(1 + (rpos / dl) ** 2), rpos * dl / math.sqrt(dl**2 + rpos)],
    }


@document("06_logistic_regression")
def _(rng):
    dd, n = rng.integers(2, 6), rng.integers(1, 5)
    x, w, y = rng.normal(size=dd), rng.normal(size=dd), float(rng.integers(2))
    X, Y = rng.normal(size=(n, dd)), rng.integers(2, size=n).astype(float)
    z = w @ x
    loss = lambda w, x, y: -y * math.log(sig(w @ x)) - (1 - y) * math.log(1 - sig(w @ x))  # noqa: E731
    dsig = d(sig, z)
    s = sig(z)
    return {
        "11": [dsig, s * (1 - s)],
        "14": [d(lambda t: math.log(sig(t)), z), dsig / s, 1 - s],
        "20": [d(lambda t: math.log(1 - sig(t)), z), -dsig / (1 - s), -s],
        "23": [grad(lambda w: w @ x, w), x],
        "26": [grad(lambda w: loss(w, x, y), w), -y * (1 - s) * x + (1 - y) * s * x, (s - y) * x],
        "32": [grad(lambda w: loss(w, x, y), w), (y - s) * x],
        "39": [grad(lambda w: sum(loss(w, X[i], Y[i]) for i in range(n)) / n, w),
               sum((sig(w @ X[i]) - Y[i]) * X[i] for i in range(n)) / n],
        "42": [math.log(1 - s), math.log(s) - z],
        "45": [-y * math.log(s) - (1 - y) * math.log(1 - s), math.log(1 + math.exp(z)) - y * z],
        "51": [d(lambda t: math.log(1 + math.exp(t)) - y * t, z), 1 / (1 + math.exp(z)) - y],
    }


@document("07_ridge")
def _(rng):
    m, n = rng.integers(2, 6, size=2)
    A, b, x, lam = rng.normal(size=(m, n)), rng.normal(size=m), rng.normal(size=n), rng.uniform(0.1, 3)
    k = rng.integers(n)
    J = lambda x: np.sum((A @ x - b) ** 2) + lam * x @ x  # noqa: E731
    r = A @ x - b
    wrong = UNDEFINED if m != n else 2 * sum(A[k, i] * r[i] for i in range(m)) + 2 * lam * x[k]
    return {
        "10": [grad(lambda x: lam * x @ x, x), 2 * lam * x],
        "13": [grad(J, x), 2 * A.T @ r + 2 * lam * x, 2 * (A.T @ A + lam * np.eye(n)) @ x - 2 * A.T @ b],
        "21": [grad(J, x), 2 * A.T @ r + lam * x],
        "27": [J(x), sum((sum(A[i, j] * x[j] for j in range(n)) - b[i]) ** 2 for i in range(m))
               + lam * sum(x[j] ** 2 for j in range(n))],
        "33": [partial(J, x, k), 2 * sum(A[i, k] * r[i] for i in range(m)) + 2 * lam * x[k]],
        "39": [partial(J, x, k), wrong],
        "45": [grad(lambda x: lam * x @ x, x), 2 * lam * np.linalg.norm(x)],
    }


@document("08_log_sum_exp")
def _(rng):
    n = rng.integers(2, 6)
    x, c, a, b = rng.normal(size=n), rng.normal() * 3, rng.normal(), rng.normal()
    i, k = rng.integers(n, size=2)
    S = np.sum(np.exp(x))
    s = np.exp(x) / S
    return {
        "7": [partial(lse, x, i), 1 / S * partial(lambda x: np.sum(np.exp(x)), x, i), np.exp(x[i]) / S],
        "14": [partial(lse, x, i), np.exp(x[i]) / np.exp(x[i])],
        "20": [lse(x), c + lse(x - c)], "26": [lse(x), -c + lse(x - c)],
        "32": [np.sum(np.exp(x) / S), 1],
        "38": [partial2(lse, x, i, k), s[i] * delta(i, k) - s[i] * s[k]],
        "44": [math.log(math.exp(a) + math.exp(b)), a + math.log(1 + math.exp(b - a))],
        "50": [math.log(math.exp(a) + math.exp(b)), a + b],
    }


@document("09_softmax_temperature")
def _(rng):
    K = rng.integers(2, 6)
    z, T, c = rng.normal(size=K), rng.uniform(0.3, 3), rng.normal() * 2
    i, j = rng.integers(K, size=2)
    p = softmax(z / T)
    return {
        "9": [softmax((z + c) / T)[i], p[i]], "15": [softmax(2 * z / T)[i], p[i]],
        "23": [partial(lambda z: softmax(z / T)[i], z, j), p[i] * (delta(i, j) - p[j]) / T],
        "29": [partial(lambda z: softmax(z / T)[i], z, j), p[i] * (delta(i, j) - p[j])],
        "35": [math.log(p[i]), z[i] / T - lse(z / T)],
        "41": [partial(lambda z: math.log(softmax(z / T)[i]), z, j), (delta(i, j) - p[j]) / T,
               (delta(i, j) - p[j]) / T],
        "47": [partial(lambda z: math.log(softmax(z / T)[i]), z, j), (delta(i, j) - p[i]) / T],
        "53": [sum(p[a] * (delta(a, j) - p[j]) / T for a in range(K)), 0],
        "60": [d(lambda t: z[i] / t, T), z[i] / T**2],
    }


@document("10_cross_entropy_labels")
def _(rng):
    K = rng.integers(2, 6)
    z, p = rng.normal(size=K), rng.dirichlet(np.ones(K))
    i, c, k = rng.integers(K, size=3)
    eps = rng.uniform(0, 0.5)
    q = softmax(z)
    S = np.sum(np.exp(z))
    onehot = lambda z: -z[c] + lse(z)  # noqa: E731
    return {
        "13.2": [math.log(q[k]), z[k] - lse(z)],
        "16": [-p @ np.log(q), -p @ z + lse(z)],
        "22": [partial(lambda z: -p @ z + lse(z), z, i), -p[i] + np.exp(z[i]) / S, q[i] - p[i]],
        "28": [partial(lambda z: -p @ np.log(softmax(z)), z, i), -p[i] * (1 - q[i])],
        "36": [-sum(delta(a, c) * math.log(q[a]) for a in range(K)), -math.log(q[c]), -z[c] + lse(z)],
        "42": [partial(onehot, z, i), q[i] - delta(i, c)],
        "48": [partial(onehot, z, i), q[c] - delta(i, c)],
        "52": [partial(onehot, z, i), delta(i, c) - q[i]],
        "61": [q[i] - (1 - eps) * delta(i, c) - eps / K, q[i] - delta(i, c) + eps * (delta(i, c) - 1 / K)],
    }


@document("11_kl_categorical")
def _(rng):
    n = rng.integers(2, 6)
    p, q = rng.dirichlet(np.ones(n)), rng.dirichlet(np.ones(n))
    j = rng.integers(n)
    a, b = rng.uniform(0.05, 0.95, size=2)
    kl = lambda p, q: np.sum(p * np.log(p / q))  # noqa: E731
    L = math.log
    return {
        "7": [kl(p, q), kl(p, q), p @ np.log(p) - p @ np.log(q)],
        "13": [partial(lambda q: kl(p, q), q, j), -p[j] / q[j]],
        "17": [partial(lambda p: kl(p, q), p, j), L(p[j] / q[j]) + 1],
        "23": [partial(lambda p: kl(p, q), p, j), L(p[j] / q[j])],
        "29": [kl(p, q), kl(q, p)],
        "35": [np.sum(p * np.log(p * n)), L(n) + p @ np.log(p)],
        "41": [np.sum(p * np.log(p * n)), n * L(n) + p @ np.log(p)],
        "47": [a * L(a / b) + (1 - a) * L((1 - a) / (1 - b)),
               a * L(a) + (1 - a) * L(1 - a) - a * L(b) - (1 - a) * L(1 - b)],
    }


@document("12_cosine_similarity")
def _(rng):
    dd = rng.integers(2, 6)
    u, v, c = rng.normal(size=dd), rng.normal(size=dd), rng.uniform(0.1, 3)
    k = rng.integers(dd)
    N = np.linalg.norm
    cos = lambda u: u @ v / (N(u) * N(v))  # noqa: E731
    nu, nv, uv = N(u), N(v), u @ v
    return {
        "9": [grad(lambda u: u @ v, u), v], "9.2": [grad(N, u), u / nu],
        "13": [grad(cos, u), v / (nu * nv) - uv / (nu**2 * nv) * u / nu,
               1 / nu * (v / nv - uv / (nu * nv) * u / nu)],
        "19": [u @ (v / (nu * nv) - uv / (nu**3 * nv) * u), 0],
        "25": [grad(cos, u), v / (nu * nv)],
        "31": [grad(cos, u), v / (nu * nv) - uv / (nu**2 * nv) * u],
        "37": [partial(cos, u, k), v[k] / (nu * nv) - u[k] * uv / (nu**3 * nv)],
        "43": [cos(c * u), cos(u)],
    }


@document("13_attention_scores")
def _(rng):
    dd, n = rng.integers(2, 6, size=2)
    q, K = rng.normal(size=dd), rng.normal(size=(n, dd))
    s1, s2 = rng.normal(size=2) * 2
    j, m = rng.integers(n), rng.integers(dd)
    r = math.sqrt(dd)
    score = lambda q: q @ K[j] / r  # noqa: E731
    e = math.exp
    return {
        "14": [score(q), sum(q[l] * K[j, l] for l in range(dd)) / r],
        "20": [grad(score, q), K[j] / r], "26": [grad(score, q), K[j] / dd],
        "32": [jac(lambda q: K @ q / r, q), K / r],
        "38": [partial(lambda K: sum(q[l] * K[j, l] for l in range(dd)) / r, K, (j, m)), q[m] / r],
        "46": [e(s1) / (e(s1) + e(s2)), 1 / (1 + e(s2 - s1))],
        "52": [e(s1) / (e(s1) + e(s2)), 1 / (1 + e(s1 - s2))],
        "58": [(r * q) @ K[j] / r, q @ K[j]],
        "64": [score(q), np.outer(K[j], q) / r],
        "70": [grad(lambda q: q @ q / r, q), q / r],
    }


@document("14_mlp_backprop")
def _(rng):
    n, h, m = rng.integers(2, 5, size=3)
    x, W1, W2, y = rng.normal(size=n), rng.normal(size=(h, n)), rng.normal(size=(m, h)), rng.normal(size=m)
    i, j, k = rng.integers(m), rng.integers(h), rng.integers(n)
    z = W1 @ x
    a = np.tanh(z)
    yh = W2 @ a
    g = yh - y
    L_yh = lambda yh: 0.5 * np.sum((yh - y) ** 2)  # noqa: E731
    L_a = lambda a: L_yh(W2 @ a)  # noqa: E731
    L_z = lambda z: L_a(np.tanh(z))  # noqa: E731
    L_W2 = lambda W2: L_yh(W2 @ a)  # noqa: E731
    L_W1 = lambda W1: L_z(W1 @ x)  # noqa: E731
    wrong = UNDEFINED if m != h else (1 - a[j] ** 2) * sum(W2[j, b] * g[b] for b in range(m)) * x[k]
    return {
        "15": [grad(L_yh, yh), g],
        "21": [partial(L_W2, W2, (i, j)), g[i] * a[j]],
        "24": [grad(L_W2, W2), np.outer(g, a)],
        "27": [np.array([d(np.tanh, t) for t in z]), 1 - np.tanh(z) ** 2],
        "30": [grad(L_a, a), W2.T @ g],
        "34": [grad(L_z, z), (1 - a * a) * (W2.T @ g)],
        "40": [grad(L_z, z), W2.T @ g],
        "46": [grad(L_a, a), mat(W2, g)],
        "52": [partial(L_W1, W1, (j, k)), (1 - a[j] ** 2) * sum(W2[b, j] * g[b] for b in range(m)) * x[k]],
        "58": [partial(L_W1, W1, (j, k)), wrong],
    }


@document("15_trace_identities")
def _(rng):
    n, m = rng.integers(2, 5, size=2)
    A, B, C, D = (rng.normal(size=s) for s in [(n, n), (n, n), (n, m), (m, n)])
    k, l = rng.integers(n, size=2)
    tr = np.trace
    return {
        "9": [(A @ B).T, B.T @ A.T], "13": [(C @ D).T, D.T @ C.T], "19": [(A @ B).T, A.T @ B.T],
        "25": [tr(A + B), tr(A) + tr(B)],
        "29": [tr(C @ D), tr(D @ C), sum(C[i, j] * D[j, i] for i in range(n) for j in range(m))],
        "33": [tr(A.T), tr(A)], "39": [tr(A @ B), tr(A) * tr(B)],
        "45": [tr(A.T @ B), np.sum(A * B)], "51": [tr(A @ B), np.sum(A * B)],
        "57": [partial(lambda A: tr(A @ B), A, (k, l)), B[l, k]],
        "63": [partial(lambda A: tr(A @ B), A, (k, l)), B[k, l]],
        "67": [partial(lambda A: tr(A.T @ A), A, (k, l)), 2 * A[k, l]],
    }


@document("16_quadratic_form")
def _(rng):
    n = rng.integers(2, 6)
    A, b, x = rng.normal(size=(n, n)), rng.normal(size=n), rng.normal(size=n)
    k, l = rng.integers(n, size=2)
    f = lambda x: x @ A @ x  # noqa: E731
    return {
        "9": [f(x), sum(x[i] * A[i, j] * x[j] for i in range(n) for j in range(n))],
        "15": [partial(f, x, k), (A @ x)[k] + (x @ A)[k]],
        "21": [grad(f, x), A @ x + A.T @ x, (A + A.T) @ x],
        "27": [grad(f, x), 2 * A @ x], "33": [grad(lambda x: b @ x, x), b],
        "39": [partial2(f, x, k, l), A[k, l] + A[l, k]],
        "45": [partial(f, x, k), (A @ x)[k]],
        "51": [grad(lambda x: f(x) / 2 - b @ x, x), (A + A.T) @ x / 2 - b],
        "57": [f(x), x @ ((A + A.T) / 2) @ x], "61": [f(x), x @ A.T @ x],
    }


@document("17_calculus_rules")
def _(rng):
    x, xp = rng.choice([-1, 1]) * rng.uniform(0.2, 2), rng.uniform(0.2, 3)
    a, b = rng.normal(size=2)
    e, s, c = np.exp, np.sin, np.cos
    return {
        "8": [d(lambda t: t**2 * e(t), x), 2 * x * e(x) + x**2 * e(x), x * (x + 2) * e(x)],
        "14": [d(lambda t: t**3 * s(t), x), 3 * x**2 * c(x)],
        "20": [d(lambda t: t / (1 + t**2), x), ((1 + x**2) - x * 2 * x) / (1 + x**2) ** 2,
               (1 - x**2) / (1 + x**2) ** 2],
        "26": [d(lambda t: s(t) / t, x), (s(x) - x * c(x)) / x**2],
        "32": [d(lambda t: s(a * t**2 + b), x), 2 * a * x * c(a * x**2 + b)],
        "36": [d(lambda t: e(-t**2 / 2), x), -x * e(-x**2 / 2)],
        "42": [d(lambda t: np.log(1 + t**2), x), 1 / (1 + x**2)],
        "48": [d(lambda t: np.sqrt(1 + e(2 * t)), x), e(2 * x) / np.sqrt(1 + e(2 * x))],
        "54": [d(lambda t: t**t, xp), xp**xp * (np.log(xp) + 1)],
        "60": [d(lambda t: t**t, xp), xp * xp ** (xp - 1)],
        "66": [d2(lambda t: 1 / t, x), 2 / x**3],
        "72": [d(np.tanh, x), 1 - np.tanh(x) ** 2, 1 / np.cosh(x) ** 2],
        "78": [d(lambda t: e(s(t)), x), e(s(x)) * c(x), c(x) * e(c(x))],
    }


@document("18_sums_products")
def _(rng):
    n = int(rng.integers(1, 7))
    x, y, c = rng.normal(size=n), rng.normal(size=n), rng.normal() * 2
    xp = rng.uniform(0.1, 3, size=n)
    I = np.arange(1, n + 1)
    upper = sum(x[i] * x[j] for i in range(n) for j in range(i + 1, n))
    mean = x.sum() / n
    return {
        "7": [np.sum(c * x + y), c * x.sum() + y.sum()],
        "11": [sum(c for _ in range(n)), n * c], "17": [sum(c for _ in range(n)), c],
        "23": [x @ y, x.sum() * y.sum()],
        "29": [x.sum() ** 2, np.sum(np.outer(x, x)), x @ x + 2 * upper],
        "35": [np.sum(np.outer(x, x)), x @ x + upper],
        "41": [I.sum(), n * (n + 1) / 2], "45": [np.sum(I**2), n * (n + 1) * (2 * n + 1) / 6],
        "51": [np.sum(1 / I - 1 / (I + 1)), 1 - 1 / (n + 1)],
        "57": [math.log(np.prod(xp)), np.sum(np.log(xp))],
        "61": [np.prod(c * x), c * np.prod(x)],
        "67": [np.sum(x - mean), 0],
        "71": [np.sum((x - mean) ** 2), x @ x - x.sum() ** 2 / n],
        "77": [np.sum((x + 1) ** 2), x @ x + 2 * x.sum() + 1],
    }


@document("19_norms_gradients")
def _(rng):
    n, m = rng.integers(2, 6, size=2)
    x, a, M, c = rng.normal(size=n), rng.normal(size=n), rng.normal(size=(m, n)), rng.normal(size=m)
    k = rng.integers(n)
    N = np.linalg.norm
    return {
        "9": [N(x) ** 2, x @ x, np.sum(x**2)],
        "15": [grad(lambda x: N(x) ** 2, x), 2 * x],
        "21": [grad(N, x), 1 / (2 * N(x)) * 2 * x, x / N(x)],
        "27": [grad(N, x), 1 / (2 * N(x))],
        "33": [grad(lambda x: N(x - a) ** 2, x), 2 * (x - a)],
        "39": [grad(lambda x: N(x - a) ** 2, x), 2 * (a - x)],
        "42": [jac(lambda x: M @ x, x), M],
        "45": [grad(lambda x: N(M @ x - c) ** 2, x), 2 * M.T @ (M @ x - c)],
        "51": [N(x / N(x)), 1],
        "57": [N(x + a) ** 2, N(x) ** 2 + N(a) ** 2],
        "63": [N(x + a) ** 2, N(x) ** 2 + 2 * a @ x + N(a) ** 2],
        "69": [partial(lambda x: np.sum(np.abs(x)), x, k), x[k] / abs(x[k])],
        "75": [grad(lambda x: 1 / N(x), x), -x / N(x) ** 2],
    }


@document("20_kronecker_delta")
def _(rng):
    n = rng.integers(2, 6)
    x, W = rng.normal(size=n), rng.normal(size=(n, n))
    i, j, k = rng.integers(n, size=3)
    s = softmax(x)
    return {
        "7": [partial(lambda x: x[i], x, k), delta(i, k)],
        "13": [sum(W[i, b] * delta(b, k) for b in range(n)), W[i, k]],
        "17": [sum(delta(i, b) * delta(b, k) for b in range(n)), delta(i, k)],
        "21": [sum(delta(b, b) for b in range(n)), n],
        "27": [partial(lambda x: W[i] @ x, x, k), sum(W[i, b] * delta(b, k) for b in range(n)), W[i, k]],
        "33": [partial(lambda x: W[i] @ x, x, k), W[k, i]],
        "39": [sum(x[b] for b in range(n) if b != i), x.sum() - x[i]],
        "45": [sum(x[b] for b in range(n) if b != i), x.sum()],
        "51": [partial(lambda x: np.sum(x**3), x, k), 3 * x[k] ** 2],
        "55": [partial(lambda x: x.sum() ** 2, x, k), 2 * x.sum()],
        "61": [partial(lambda x: x.sum() ** 2, x, k), 2 * x[k]],
        "67": [partial(lambda x: softmax(x)[i], x, k), s[i] * (delta(i, k) - s[k])],
        "73": [partial(lambda x: softmax(x)[i], x, k), s[i] * (delta(i, i) - s[k])],
        "79": [sum(delta(a, b) * x[a] * x[b] for a in range(n) for b in range(n)), x @ x, x.sum() ** 2],
    }


@document("21_appendix_softmax_regression")
def _(rng):
    dd, K = rng.integers(2, 6, size=2)
    x, W = rng.normal(size=dd), rng.normal(size=(K, dd))
    c, k, m = rng.integers(K), rng.integers(K), rng.integers(dd)
    z1, z2, lam = rng.normal() * 2, rng.normal() * 2, rng.uniform(0.1, 3)
    z = W @ x
    p = softmax(z)
    loss_z = lambda z: -z[c] + lse(z)  # noqa: E731
    e, L = math.exp, math.log
    return {
        "14": [-L(p[c]), -L(p[c]), -z[c] + lse(z)],
        "21": [partial(loss_z, z, k), -delta(k, c) + e(z[k]) / np.sum(np.exp(z)), p[k] - delta(k, c)],
        "27": [z[k], sum(W[k, b] * x[b] for b in range(dd))],
        "29": [partial(lambda W: W[k] @ x, W, (k, m)), x[m]],
        "33": [partial(lambda W: loss_z(W @ x), W, (k, m)), (p[k] - delta(k, c)) * x[m]],
        "37": [partial(lambda W: W[k] @ x, W, (k, m)), at(x, k)],
        "44": [-L(e(z1) / (e(z1) + e(z2))), L(1 + e(z2 - z1))],
        "48": [d(lambda t: L(1 + e(z2 - t)), z1), -e(z2 - z1) / (1 + e(z2 - z1)), e(z1) / (e(z1) + e(z2)) - 1],
        "53": [L(1 + e(z2 - z1)), L(1 + e(z2)) - z1],
        "59": [partial(lambda W: lam / 2 * np.sum(W**2), W, (k, m)), lam * W[k, m]],
    }


@document("22_lecture_matrix_calculus")
def _(rng):
    n = rng.integers(2, 6)
    x, y, A, B = rng.normal(size=n), rng.normal(size=n), rng.normal(size=(n, n)), rng.normal(size=(n, n))
    i, j = rng.integers(n, size=2)
    AB = A @ B
    return {
        "16": [grad(lambda x: x @ A @ y, x), A @ y],
        "17": [grad(lambda y: x @ A @ y, y), A.T @ x],
        "21": [grad(lambda y: x @ A @ y, y), A @ x],
        "28": [np.trace(AB), sum(A[a, b] * B[b, a] for a in range(n) for b in range(n)), np.trace(B @ A)],
        "32": [np.trace(np.outer(x, y)), y @ x, sum(x[a] * y[a] for a in range(n))],
        "36": [np.trace(np.outer(x, y)), np.linalg.norm(x) * np.linalg.norm(y)],
        "42": [AB.T[i, j], AB[j, i], sum(A[j, k] * B[k, i] for k in range(n)),
               sum(B.T[i, k] * A.T[k, j] for k in range(n))],
        "46": [AB.T[i, j], sum(A[i, k] * B[k, j] for k in range(n))],
        "53": [jac(lambda x: A @ x, x), A], "53.2": [jac(lambda x: x * y, x), np.diag(y)],
        "57": [partial(lambda x: x[i] ** 2, x, j), 2 * x[i] * delta(i, j)],
        "61": [partial(lambda x: x[i] ** 2, x, j), 2 * x[j]],
    }


@document("23_appendix_gaussian_likelihood")
def _(rng):
    n = int(rng.integers(1, 7))
    x, mu, s = rng.normal(size=n) * 2, rng.normal(), rng.uniform(0.3, 3)
    S = np.sum((x - mu) ** 2)
    L = np.log
    part = lambda m: -np.sum((x - m) ** 2) / (2 * s**2)  # noqa: E731
    in_s = lambda s: -n * L(s) - S / (2 * s**2)  # noqa: E731
    pdf = np.exp(-((x - mu) ** 2) / (2 * s**2)) / (np.sqrt(2 * np.pi) * s)
    return {
        "10": [L(np.prod(pdf)), np.sum(-L(np.sqrt(2 * np.pi) * s) - (x - mu) ** 2 / (2 * s**2)),
               -n * L(s) - n / 2 * L(2 * np.pi) - S / (2 * s**2)],
        "17": [d(part, mu), np.sum(x - mu) / s**2, (x.sum() - n * mu) / s**2],
        "23": [d(part, mu), np.sum(mu - x) / s**2],
        "29": [d(in_s, s), -n / s + S / s**3], "34": [d(in_s, s), -n / s + S / s**2],
        "40": [d2(part, mu), -n / s**2],
        "44": [S, x @ x - 2 * mu * x.sum() + n * mu**2], "48": [S, x @ x - n * mu**2],
    }


@document("24_graded_quiz")
def _(rng):
    x, x1 = rng.uniform(0.2, 3), rng.uniform(1.1, 4)
    xr = rng.choice([-1, 1]) * rng.uniform(0.2, 2)
    n = int(rng.integers(1, 8))
    e, L, E = math.exp, math.log, math.exp(xr) + math.exp(-xr)
    return {
        "9": [d(lambda t: e(3 * t) * L(t), x), 3 * e(3 * x) * L(x) + e(3 * x) / x, e(3 * x) * (3 * L(x) + 1 / x)],
        "15": [d(lambda t: (1 + t**2) ** -3, xr), -3 / (1 + xr**2) ** 4, -3 / (1 + xr**2) ** 4 * 2 * xr],
        "21": [L(e(xr) / (1 + e(xr))), xr - L(1 + e(xr)), -L(1 + e(-xr))],
        "27": [(xr - 2) ** 3, xr**3 - 6 * xr**2 + 12 * xr - 8, xr**3 - 8],
        "33": [d(lambda t: L(L(t)), x1), 1 / L(x1)],
        "39": [d(np.tanh, xr), (E**2 - (e(xr) - e(-xr)) ** 2) / E**2, 2 / E**2],
        "45": [(xr**2 - 1) / (xr - 1), xr - 1],
        "51": [d(lambda t: math.sqrt(t) * e(-t), x), e(-x) / (2 * math.sqrt(x)) + math.sqrt(x) * e(-x)],
        "54": [d(math.atan, xr), 1 / (1 + xr**2)],
        "57": [d(lambda t: math.atan(2 * t), xr), 1 / (1 + 4 * xr**2)],
        "63": [sum(2**k for k in range(n)), 2**n - 1],
        "67": [sum(2 * k - 1 for k in range(1, n + 1)), n**2 + 1],
    }


@document("25_peer_review_backprop")
def _(rng):
    n, m = rng.integers(2, 5, size=2)
    x, W, b, t = rng.normal(size=n), rng.normal(size=(m, n)), rng.normal(size=m), rng.normal(size=m)
    i, j = rng.integers(m), rng.integers(n)
    u0 = rng.normal() * 2
    h = sig(W @ x + b)
    g = 2 * (h - t) * h * (1 - h)
    E_h = lambda h: np.sum((h - t) ** 2)  # noqa: E731
    E_b = lambda b: E_h(sig(W @ x + b))  # noqa: E731
    E_W = lambda W: E_h(sig(W @ x + b))  # noqa: E731
    E_x = lambda x: E_h(sig(W @ x + b))  # noqa: E731
    u = (W @ x + b)[i]
    e = math.exp
    wrong_x = UNDEFINED if m != n else sum(g[a] * W[j, a] for a in range(m))
    return {
        "11": [partial(E_h, h, i), 2 * (h[i] - t[i])],
        "15": [d(sig, u), sig(u) * (1 - sig(u)), h[i] * (1 - h[i])],
        "19": [partial(E_b, b, i), g[i]],
        "25": [partial(E_W, W, (i, j)), UNDEFINED if i >= n else g[i] * x[i]],
        "31": [partial(E_x, x, j), wrong_x],
        "37": [grad(E_b, b), 2 * (h - t) * h * (1 - h), 2 * (h - t) * h],
        "43": [d(sig, u0), e(-u0) / (1 + e(-u0)), 1 / (1 + e(u0))],
        "49": [d(sig, u0), e(-u0) / (1 + e(-u0)) ** 2, sig(u0) - sig(u0) ** 2],
        "55": [partial(E_b, b, i), sum(partial(E_W, W, (i, a)) for a in range(n))],
    }


@document("26_two_variable_calculus")
def _(rng):
    x, y = rng.normal(size=2)
    u = rng.normal(size=2)
    g = lambda v: v[0] ** 2 * v[1] + np.sin(v[0] * v[1])  # noqa: E731
    M = np.array([[1.0, 2.0], [3.0, 4.0]])
    F = lambda u: np.array([u[0] * u[1], u[0] + u[1]])  # noqa: E731
    c, s = np.cos(x * y), np.sin(x * y)
    v = np.array([x, y])
    return {
        "8": [partial(g, v, 0), 2 * x * y + y * c], "12": [partial(g, v, 1), x**2 + y * c],
        "19": [partial2(g, v, 0, 1), 2 * x + c - x * y * s], "25": [partial2(g, v, 0, 1), 2 * x - y**2 * s],
        "31": [jac(F, u), np.array([[u[1], u[0]], [1, 1]])], "37": [jac(F, u), np.array([[u[1], 1], [u[0], 1]])],
        "43": [M @ u, np.array([u[0] + 2 * u[1], 3 * u[0] + 4 * u[1]])],
        "47": [M.T, np.array([[1, 3], [2, 4]])],
        "51": [M @ u, np.array([u[0] + 3 * u[1], 2 * u[0] + 4 * u[1]])],
    }


@document("27_sums_with_conditions")
def _(rng):
    n = int(rng.integers(2, 7))
    x, A, k = rng.normal(size=n), rng.normal(size=(n, n)), rng.integers(n)
    pairs = sum(1 for i in range(n) for j in range(i + 1, n))
    upper = sum(A[i, j] for i in range(n) for j in range(i, n))
    return {
        "8": [pairs, n * (n - 1) / 2], "14": [pairs, n * (n + 1) / 2],
        "20": [sum(x[i] * x[j] for i in range(n) for j in range(n) if i != j), x.sum() ** 2 - x @ x],
        "26": [upper, sum(A[i, j] for j in range(n) for i in range(j + 1))],
        "32": [upper, sum(A[i, j] for j in range(n) for i in range(j, n))],
        "38": [sum(A[k, j] * x[j] for j in range(n) if j != k), A[k] @ x - A[k, k] * x[k]],
        "44": [np.prod(np.exp(x)), np.exp(x.sum())],
        "50": [np.prod(1 + x), 1 + x.sum()],
        "56": [partial(np.prod, x, k), np.prod(x) / x[k], np.prod(np.delete(x, k))],
    }


@document("28_softmax_jacobian_matrix")
def _(rng):
    K = rng.integers(2, 6)
    z, y = rng.normal(size=K), rng.dirichlet(np.ones(K))
    i, j = rng.integers(K, size=2)
    p = softmax(z)
    J = jac(softmax, z)
    return {
        "6": [partial(lambda z: softmax(z)[i], z, j), p[i] * (delta(i, j) - p[j])],
        "9": [J, np.diag(p) - np.outer(p, p)], "15": [J, np.diag(p) - p @ p],
        "21": [p.sum(), 1], "27": [sum(p[i] * (delta(i, b) - p[b]) for b in range(K)), 0],
        "33": [grad(lambda z: y @ np.log(softmax(z)), z), y - p],
        "39": [grad(lambda z: y @ np.log(softmax(z)), z), y - K * p],
        "45": [p[i] * (delta(i, j) - p[j]), p[j] * (delta(j, i) - p[i])],
    }


@document("29_notes_normalisation")
def _(rng):
    n = int(rng.integers(2, 7))
    x, k = rng.normal(size=n), rng.integers(n)
    c, a = rng.normal(size=2) * 2
    var = lambda x: np.mean((x - x.mean()) ** 2)  # noqa: E731
    mu = x.mean()
    return {
        "11": [partial(np.mean, x, k), 1 / n],
        "12": [partial(var, x, k), 2 / n * sum((x[i] - mu) * (delta(i, k) - 1 / n) for i in range(n)),
               2 / n * (x[k] - mu)],
        "18": [partial(var, x, k), 2 / n * (x[k] - mu) * (1 - 1 / n)],
        "24": [(x[k] + c) - np.mean(x + c), x[k] - mu],
        "28": [var(a * x), a * var(x)],
    }


@document("30_bce_with_logits")
def _(rng):
    z, y = rng.uniform(-4, 4), float(rng.integers(2))
    e, L = math.exp, math.log
    ell = lambda t: -y * L(sig(t)) - (1 - y) * L(1 - sig(t))  # noqa: E731
    return {
        "15": [1 - sig(z), e(-z) / (1 + e(-z)), 1 / (1 + e(z)), sig(-z)],
        "21": [L(sig(z)) - L(sig(-z)), L((1 + e(z)) / (1 + e(-z))), z],
        "24": [L(sig(z)), -L(1 + e(-z))],
        "27": [ell(z), y * L(1 + e(-z)) + (1 - y) * L(1 + e(z)), L(1 + e(z)) - y * z],
        "33": [d(ell, z), e(z) / (1 + e(z)) - y, sig(z) - y],
        "36": [d(ell, z), y - sig(z)],
        "40": [d2r(ell, z), sig(z) * (1 - sig(z))],
        "49": [L(1 + e(z)), z + L(1 + e(-z))],
        "55": [L(1 + e(z)), max(z, 0) + L(1 + e(-abs(z)))],
        "61": [ell(z), max(z, 0) - y * z + L(1 + e(-abs(z)))],
        "67": [L(1 + e(z)), max(z, 0) + L(1 + e(-z))],
        "71": [ell(0.0), L(2)],
        "74": [ell(z), L(1 + e(-z)) + (1 - y) * z], "75": [ell(z), L(1 + e(-z)) - y * z],
        "76": [d(ell, z), sig(z) - y * sig(z)],
    }


@document("31_hinge_solution_key")
def _(rng):
    dd = rng.integers(1, 6)
    w, x, y = rng.normal(size=dd), rng.normal(size=dd), float(rng.choice([-1, 1]))
    m = rng.normal() * 3
    mlow, mhigh = 1 - rng.uniform(0.1, 3), 1 + rng.uniform(0.1, 3)
    hinge = lambda t: max(0.0, 1 - t)  # noqa: E731
    return {
        "12": [d(hinge, mlow), -1], "18": [d(hinge, mhigh), 0], "24": [d(hinge, mhigh), -1],
        "28": [grad(lambda w: y * (w @ x), w), y * x],
        "31": [grad(lambda w: 1 - y * (w @ x), w), -y * x],
        "37": [grad(lambda w: 1 - y * (w @ x), w), -x],
        "43": [hinge(m), (1 - m + abs(1 - m)) / 2], "49": [hinge(m), (1 - m - abs(1 - m)) / 2],
        "55": [d(lambda t: (1 - t) ** 2, mlow), -2 * (1 - mlow), 2 * mlow - 2],
        "61": [d(lambda t: (1 - t) ** 2, mlow), mlow - 1],
        "64": [y**2, 1],
        "67": [y * (1 - y * (w @ x)), y - w @ x], "70": [y * (1 - y * (w @ x)), y - y * (w @ x)],
        "75": [d(lambda t: hinge(t) ** 2, m), -2 * hinge(m) ** 2],
    }


@document("32_appendix_focal_loss")
def _(rng):
    g, al, z = rng.uniform(0.2, 3), rng.uniform(0.05, 0.95), rng.uniform(-4, 4)
    p, L = sig(z), math.log
    fl = lambda t: -((1 - t) ** g) * L(t)  # noqa: E731
    fz = lambda t: fl(sig(t))  # noqa: E731
    s = sig(z)
    return {
        "15": [d(fl, p), g * (1 - p) ** (g - 1) * L(p) - (1 - p) ** g / p],
        "18": [d(sig, z), s * (1 - s)],
        "20": [d(fz, z), g * s * (1 - s) ** g * L(s) - (1 - s) ** (g + 1), (1 - s) ** g * (g * s * L(s) + s - 1)],
        "27": [d(fl, p), -g * (1 - p) ** (g - 1) * L(p) - (1 - p) ** g / p],
        "32": [d(fz, z), g * (1 - s) ** (g - 1) * L(s) - (1 - s) ** g / s],
        "37": [d(lambda t: al * fl(t), p), al * g * (1 - p) ** (g - 1) * L(p) - al * (1 - p) ** g / p],
        "40": [1 - s, sig(-z)],
        "42": [fz(z), sig(-z) ** g * L(1 + math.exp(-z)), s**g * L(1 + math.exp(-z))],
        "48": [(1 - s) ** g * (g * s * L(s) + s - 1), (1 - s) ** g * (g * L(s) + s - 1)],
    }


@document("33_lecture_layer_norm")
def _(rng):
    D, N = int(rng.integers(2, 7)), int(rng.integers(1, 7))
    x, a, eps = rng.normal(size=D), rng.normal(size=N), rng.uniform(0.1, 2)
    i, k, p = rng.integers(D), rng.integers(D), rng.integers(N)
    mu, am = x.mean(), a.mean()
    v = np.mean((x - mu) ** 2)
    S = np.sum((a - am) ** 2)
    var = lambda a: np.mean((a - a.mean()) ** 2)  # noqa: E731
    norm = lambda x: (x[i] - x.mean()) / math.sqrt(np.mean((x - x.mean()) ** 2) + eps)  # noqa: E731
    return {
        "14": [partial(lambda x: x[i] - x.mean(), x, k), delta(i, k) - sum(delta(j, k) for j in range(D)) / D,
               delta(i, k) - 1 / D],
        "19": [delta(i, k) - 1 / D, delta(k, i) - 1 / D],
        "22": [partial(lambda x: x[i] - x.mean(), x, k), delta(i, k) - 1],
        "27": [np.sum(x - mu), x.sum() - D / D * x.sum(), 0],
        "37": [S, a @ a - 2 / N * a.sum() ** 2 + 1 / N * a.sum() ** 2, a @ a - a.sum() ** 2 / N],
        "44": [S, a @ a - am**2],
        "49": [partial(var, a, p), 2 / N * (a[p] - am)],
        "51": [UNDEFINED if N == 1 else partial(lambda a: math.sqrt(var(a)), a, p), 2 / N * (a[p] - am)],
        "60": [partial(norm, x, k), (delta(i, k) - 1 / D) / math.sqrt(v + eps)
               - (x[i] - mu) * (x[k] - mu) / (D * (v + eps) ** 1.5), (delta(i, k) - 1 / D) / math.sqrt(v + eps)],
        "69": [partial(lambda x: np.mean((x - x.mean()) ** 2), x, k), 2 * (x[k] - mu)],
    }


@document("34_forum_infonce")
def _(rng):
    K = int(rng.integers(2, 7))
    s, tau, c = rng.normal(size=K) * 2, rng.uniform(0.2, 3), rng.normal() * 2
    j = rng.integers(K)
    L = lambda s: -s[0] / tau + lse(s / tau)  # noqa: E731
    p = softmax(s / tau)
    s2 = s[:2]
    return {
        "6": [-math.log(softmax(s / tau)[0]), -s[0] / tau + lse(s / tau)],
        "9": [partial(L, s, j), (p[j] - delta(j, 0)) / tau],
        "12": [partial(L, s, j), p[j] - delta(j, 0)],
        "16": [p.sum() - 1, 0],
        "17": [L(s + c), L(s)], "18": [L(2 * s), L(s)],
        "21": [partial(L, s, 0), (p[0] - 1) / tau, -np.sum(np.exp(s[1:] / tau)) / np.sum(np.exp(s / tau)) / tau],
        "24": [L(s2), math.log(1 + math.exp((s2[1] - s2[0]) / tau))],
        "27": [partial(L, s, 0), (1 - p[0]) / tau],
    }


@document("35_triplet_loss_notes")
def _(rng):
    D = rng.integers(1, 6)
    a, p, q, al = rng.normal(size=D), rng.normal(size=D), rng.normal(size=D), rng.uniform(0.1, 2)
    N = np.linalg.norm
    f = lambda a, p, q: N(a - p) ** 2 - N(a - q) ** 2 + al  # noqa: E731
    g = lambda a: N(a - p) - N(a - q)  # noqa: E731
    return {
        "12": [N(a - p) ** 2 - N(a - q) ** 2, a @ a - 2 * a @ p + p @ p - a @ a + 2 * a @ q - q @ q,
               2 * a @ (q - p) + N(p) ** 2 - N(q) ** 2],
        "21": [N(a - p) ** 2 - N(a - q) ** 2, 2 * a @ (p - q) + N(p) ** 2 - N(q) ** 2],
        "28": [grad(lambda a: f(a, p, q), a), 2 * (a - p) - 2 * (a - q), 2 * (q - p)],
        "35": [grad(lambda p: f(a, p, q), p), 2 * (p - a)],
        "39": [grad(lambda q: f(a, p, q), q), 2 * (q - a)],
        "45": [grad(lambda q: f(a, p, q), q), 2 * (a - q)],
        "51": [2 * (q - p) + 2 * (p - a) + 2 * (a - q), np.zeros(D)],
        "57": [grad(g, a), (a - p) / N(a - p) - (a - q) / N(a - q)],
        "64": [grad(g, a), q - p],
        "71": [grad(lambda a: f(a, p, q), a), 2 * (p - q)],
    }


@document("36_poisson_gaussian_nll")
def _(rng):
    y, lam, eta = rng.uniform(0, 5), rng.uniform(0.1, 5), rng.normal()
    mu, v, s = rng.normal(), rng.uniform(0.1, 3), rng.uniform(0.1, 3)
    yg = rng.normal()
    e, L = math.exp, math.log
    nll = lambda mu, v: 0.5 * L(2 * math.pi * v) + (yg - mu) ** 2 / (2 * v)  # noqa: E731
    pdf = e(-((yg - mu) ** 2) / (2 * v)) / math.sqrt(2 * math.pi * v)
    fs = lambda s: L(s) + (yg - mu) ** 2 / (2 * s**2)  # noqa: E731
    return {
        "9": [d(lambda t: t - y * L(t), lam), 1 - y / lam],
        "15": [d(lambda t: e(t) - y * t, eta), e(eta) - y],
        "21": [d(lambda t: e(t) - y * t, eta), 1 - y / e(eta)],
        "27": [d2(lambda t: e(t) - y * t, eta), e(eta)],
        "35": [-L(pdf), nll(mu, v), 0.5 * L(2 * math.pi) + 0.5 * L(v) + (yg - mu) ** 2 / (2 * v)],
        "43": [d(lambda m: nll(m, v), mu), (mu - yg) / v],
        "47": [d(lambda t: nll(mu, t), v), 1 / (2 * v) - (yg - mu) ** 2 / (2 * v**2)],
        "54": [d(fs, s), 1 / s - (yg - mu) ** 2 / s**2],
        "60": [d(fs, s), 1 / s - (yg - mu) ** 2 / s**3],
        "68": [d(lambda m: (yg - m) ** 2 / (2 * v), mu), (yg - mu) / v],
    }


@document("37_l1_soft_threshold")
def _(rng):
    z, lam = rng.normal() * 3, rng.uniform(0.1, 2)
    wp, wn = rng.uniform(0.1, 3), -rng.uniform(0.1, 3)
    w = rng.choice([-1, 1]) * rng.uniform(0.1, 3)
    dd = rng.integers(1, 6)
    v = rng.choice([-1, 1], size=dd) * rng.uniform(0.1, 3, size=dd)
    j = rng.integers(dd)
    f = lambda t: 0.5 * (t - z) ** 2 + lam * abs(t)  # noqa: E731
    sgn = np.sign
    st = sgn(z) * max(abs(z) - lam, 0)
    return {
        "10": [abs(wp), wp], "13": [d(f, wp), wp - z + lam], "16": [abs(wn), -wn], "19": [d(f, wn), wn - z - lam],
        "25": [d(lambda t: lam * abs(t), w), lam * sgn(w), lam * w / abs(w)],
        "28": [d(lambda t: lam * abs(t), w), lam],
        "39": [st, max(z - lam, 0) - max(-z - lam, 0)], "45": [st, max(z - lam, 0)],
        "51": [math.sqrt(wp**2), wp], "57": [math.sqrt(w**2), abs(w)],
        "60": [np.sum(np.abs(v)), sum(abs(v[i]) for i in range(dd))],
        "64": [partial(lambda v: np.sum(np.abs(v)), v, j), sgn(v[j])],
        "70": [partial(lambda v: np.sum(np.abs(v)), v, j), np.sum(sgn(v))],
        "76": [d(lambda t: 0.5 * (t - z) ** 2, w), z - w],
    }


@document("38_residual_dropout")
def _(rng):
    x, w, a, b, h = rng.normal(size=5)
    p = rng.uniform(0.05, 0.95)
    n = rng.integers(1, 5)
    X, W = rng.normal(size=n), rng.normal(size=(n, n))
    return {
        "8": [d(lambda t: t + np.tanh(w * t), x), 1 + w * (1 - np.tanh(w * x) ** 2)],
        "15": [d(lambda t: t + np.tanh(w * t), x), 1 + 1 - np.tanh(w * x) ** 2],
        "21": [jac(lambda v: v + W @ v, X), np.eye(n) + W], "27": [jac(lambda v: v + W @ v, X), W],
        "33": [d(lambda t: (t + a * t) + b * (t + a * t), x), (1 + a) * (1 + b), 1 + a + b + a * b],
        "42": [(1 - p) * h / (1 - p) + p * 0, h], "48": [(1 - p) * h + p * 0, h],
        "54": [(1 - p) * (h / (1 - p)) ** 2 - h**2, h**2 / (1 - p) - h**2, p / (1 - p) * h**2],
        "60": [(1 - p) * (h / (1 - p)) ** 2 - h**2, p * (1 - p) * h**2],
        "63": [(1 - p) - (1 - p) ** 2, p * (1 - p)], "67": [(1 - p) - (1 - p) ** 2, (1 - p) ** 2],
    }


@document("39_word2vec_negative_sampling")
def _(rng):
    D, K = rng.integers(1, 5), rng.integers(1, 5)
    v, uo, U = rng.normal(size=D), rng.normal(size=D), rng.normal(size=(K, D))
    x, k = rng.normal() * 2, rng.integers(K)
    L = np.log
    J = lambda v, uo, U: -L(sig(uo @ v)) - sum(L(sig(-U[m] @ v)) for m in range(K))  # noqa: E731
    so = sig(uo @ v)
    def in_uk(row):
        W = U.copy()
        W[k] = row
        return J(v, uo, W)
    return {
        "11": [d(sig, x), sig(x) * (1 - sig(x))],
        "14": [d(lambda t: L(sig(t)), x), 1 - sig(x), sig(-x)],
        "17": [d(lambda t: L(sig(-t)), x), -sig(x)],
        "23": [grad(lambda v: J(v, uo, U), v), -(1 - so) * uo + sum((1 - sig(-U[m] @ v)) * U[m] for m in range(K)),
               (so - 1) * uo + sum(sig(U[m] @ v) * U[m] for m in range(K))],
        "27": [grad(lambda v: J(v, uo, U), v), (so - 1) * uo - sum(sig(U[m] @ v) * U[m] for m in range(K))],
        "33": [grad(lambda uo: J(v, uo, U), uo), (so - 1) * v],
        "39": [grad(in_uk, U[k]), sig(U[k] @ v) * v],
        "47": [(so - 1) * uo + so * uo, (2 * so - 1) * uo],
        "50": [grad(lambda uo: J(v, uo, U), uo), (1 - so) * v],
    }


@document("40_lse_hessian")
def _(rng):
    C = int(rng.integers(1, 6))
    x, v = rng.normal(size=C), rng.normal(size=C)
    i, j = rng.integers(C, size=2)
    p = softmax(x)
    H = np.diag(p) - np.outer(p, p)
    return {
        "8": [partial(lse, x, i), np.exp(x[i]) / np.sum(np.exp(x))], "8.2": [p.sum(), 1],
        "14": [partial2(lse, x, i, j), p[i] * delta(i, j) - p[i] * p[j]],
        "20": [partial2(lse, x, i, j), p[i] * delta(i, j) - p[j] ** 2],
        "26": [partial(lambda x: softmax(x)[i], x, j), p[j] * (delta(i, j) - p[i])],
        "32": [H[i].sum(), p[i] - p[i] * p.sum(), 0],
        "38": [v @ H @ v, p @ v**2 - (p @ v) ** 2], "44": [v @ H @ v, p @ v**2 - p**2 @ v**2],
        "50": [d2r(lambda t: lse(x + t * v), 0.0), p @ v**2 - (p @ v) ** 2],
        "56": [p @ v**2 - (p @ v) ** 2, np.sum(p * (v - p * v) ** 2)],
    }


@document("41_newton_logistic")
def _(rng):
    n, dd = rng.integers(1, 6, size=2)
    X, y, w = rng.normal(size=(n, dd)), rng.integers(2, size=n).astype(float), rng.normal(size=dd)
    j, k = rng.integers(dd, size=2)
    x1, w1 = X[:, 0], w[0]
    p = sig(X @ w)
    S = np.diag(p * (1 - p))
    s = rng.normal()
    ell = lambda w: -np.sum(y * np.log(sig(X @ w)) + (1 - y) * np.log(1 - sig(X @ w)))  # noqa: E731
    p1 = sig(x1 * w1)
    return {
        "11": [d(sig, s), sig(s) * (1 - sig(s))],
        "11.2": [partial(lambda w: sig(X @ w), w, j), p * (1 - p) * X[:, j]],
        "14": [partial(ell, w, j), np.sum((p - y) * X[:, j])],
        "17": [grad(ell, w), X.T @ (p - y)],
        "22": [partial2(ell, w, j, k), np.sum(p * (1 - p) * X[:, j] * X[:, k])],
        "30": [(X.T @ S @ X)[j, k], np.sum(X[:, j] * p * (1 - p) * X[:, k])],
        "38": [(X.T @ S @ X).T, X.T @ S.T @ X, X.T @ S @ X],
        "44": [(X.T @ S @ X).T, UNDEFINED if n != dd else X @ S.T @ X.T],
        "51": [w1 - np.sum((p1 - y) * x1) / np.sum(p1 * (1 - p1) * x1**2),
               w1 + np.sum((y - p1) * x1) / np.sum(p1 * (1 - p1) * x1**2)],
        "56": [partial(ell, w, j), np.sum((y - p) * X[:, j])],
    }


@document("42_rnn_one_step")
def _(rng):
    w, u, h0, x1, x2, s = rng.normal(size=6)
    T = np.tanh
    h1 = T(w * h0 + u * x1)
    h2 = T(w * h1 + u * x2)
    H, D = rng.integers(1, 5, size=2)
    b, x, W, U = rng.normal(size=H), rng.normal(size=D), rng.normal(size=(H, H)), rng.normal(size=(H, D))
    i, j, k = rng.integers(H), rng.integers(H), rng.integers(D)
    a = T(W @ b + U @ x)
    in_h0 = lambda t: T(w * T(w * t + u * x1) + u * x2)  # noqa: E731
    in_w = lambda t: T(t * T(t * h0 + u * x1) + u * x2)  # noqa: E731
    return {
        "14": [d(T, s), 1 - T(s) ** 2],
        "17": [d(lambda t: T(w * t + u * x2), h1), w * (1 - h2**2)],
        "23": [d(in_h0, h0), w**2 * (1 - h2**2) * (1 - h1**2)],
        "29": [d(in_h0, h0), w * (1 - h2**2) * (1 - h1**2)],
        "35": [d(in_w, w), (1 - h2**2) * (h1 + w * (1 - h1**2) * h0)],
        "41": [d(in_w, w), (1 - h2**2) * h1],
        "50": [partial(lambda b: T(W @ b + U @ x)[i], b, j), (1 - a[i] ** 2) * W[i, j]],
        "57": [partial(lambda b: T(W @ b + U @ x)[i], b, j), (1 - a[j] ** 2) * W[i, j]],
        "61": [partial(lambda b: T(W @ b + U @ x)[i], b, j), (1 - a[i] ** 2) * W[j, i]],
        "67": [partial(lambda U: T(W @ b + U @ x)[i], U, (j, k)), delta(i, j) * (1 - a[i] ** 2) * x[k]],
        "70": [d(lambda t: T(w * t + u * x2), h1), w],
    }


@document("43_conv1d_sums")
def _(rng):
    K = int(rng.integers(1, 5))
    N = K + int(rng.integers(1, 5))   # lines 50 and 54 need i + K <= N
    M = N - K + 1
    x, w, g = rng.normal(size=N + 1), rng.normal(size=K), rng.normal(size=M)
    i, k = rng.integers(M), rng.integers(K)
    i2 = rng.integers(N - K)
    xs = x[:N]
    y = lambda w: np.array([sum(w[l] * xs[a + l] for l in range(K)) for a in range(M)])  # noqa: E731
    x3, w2 = rng.normal(size=3), rng.normal(size=2)
    window = lambda a, shift: sum(xs[a + l + shift] for l in range(K))  # noqa: E731
    return {
        "13": [w2 @ x3[:2], w2[0] * x3[0] + w2[1] * x3[1]], "19": [w2 @ x3[:2], w2[0] * x3[1] + w2[1] * x3[2]],
        "25": [partial(lambda w: y(w)[i], w, k), xs[i + k]],
        "31": [partial(lambda w: g @ y(w), w, k), sum(g[a] * xs[a + k] for a in range(M))],
        "37": [partial(lambda w: g @ y(w), w, k), UNDEFINED if k >= M else g[k] * xs[k]],
        "43": [y(w).sum(), sum(w[l] * sum(xs[a + l] for a in range(M)) for l in range(K))],
        "50": [window(i2, 1) - window(i2, 0), xs[i2 + K] - xs[i2]],
        "54": [window(i2, 1) - window(i2, 0), xs[i2 + K - 1] - xs[i2]],
        "62": [y(w).sum(), sum(w[l] * xs.sum() for l in range(K))],
    }


@document("44_drills_tanh")
def _(rng):
    x = rng.uniform(-2.5, 2.5)
    e, L, T, ch, sh = np.exp, np.log, np.tanh, np.cosh, np.sinh
    return {
        "5": [d(lambda t: e(t**2), x), 2 * x * e(x**2)],
        "7": [d(lambda t: t * e(-t), x), e(-x) * (1 - x)],
        "9": [d(lambda t: 2.0**t, x), x * 2.0 ** (x - 1)], "11": [d(lambda t: 2.0**t, x), 2.0**x * L(2)],
        "13": [d(lambda t: L(t**2 + 1), x), 2 * x / (x**2 + 1)],
        "15": [d(lambda t: (t**3 - t) ** 2, x), 2 * (x**3 - x)],
        "17": [d(lambda t: (t**3 - t) ** 2, x), 2 * (x**3 - x) * (3 * x**2 - 1)],
        "19": [d2(lambda t: t**5, x), 20 * x**3],
        "21": [d(lambda t: 1 / np.sqrt(t**2 + 1), x), -x / (x**2 + 1) ** 1.5],
        "23": [d(lambda t: e(np.sin(t)), x), np.cos(x) * e(np.cos(x))],
        "28": [d(T, x), 1 - T(x) ** 2, 1 / ch(x) ** 2],
        "32": [T(x), 2 * sig(2 * x) - 1], "36": [T(x), 2 * sig(x) - 1],
        "42": [T(-x), -T(x)], "42.2": [ch(x) ** 2 - sh(x) ** 2, 1], "42.3": [sh(2 * x), 2 * sh(x) * ch(x)],
        "46": [ch(2 * x), ch(x) ** 2 - sh(x) ** 2],
        "52": [d(lambda t: L(ch(t)), x), T(x)], "52.2": [d(sig, x), (1 - T(x / 2) ** 2) / 4],
        "57": [d(lambda t: T(3 * t), x), 1 - T(3 * x) ** 2], "59": [d(lambda t: L(t**4), x), 1 / x**4],
    }


@document("45_series_lecture")
def _(rng):
    n = int(rng.integers(1, 9))
    r = rng.uniform(-2, 2)
    a, b, c, k0 = rng.normal(size=4) * 2
    K = np.arange(1, n + 1)
    return {
        "10": [np.sum(r ** np.arange(n)), (1 - r**n) / (1 - r)],
        "16": [np.sum(r**K), r * np.sum(r ** np.arange(n)), (r - r ** (n + 1)) / (1 - r)],
        "22": [np.sum(r**K), (1 - r ** (n + 1)) / (1 - r)],
        "28": [np.sum(a + (K - 1) * c), n * a + c * np.sum(K - 1), n * a + n * (n - 1) / 2 * c],
        "34": [np.sum(a + (K - 1) * c), n * a + n * (n + 1) / 2 * c],
        "40": [k0 + K.sum(), k0 + n * (n + 1) / 2],
        "46": [np.sum(1 / (K * (K + 1))), np.sum(1 / K - 1 / (K + 1)), 1 - 1 / (n + 1), n / (n + 1)],
        "50": [np.prod((K + 1) / K), n + 1], "54": [np.prod((K + 1) / K), n],
        "60": [(a + b) ** 3, a**3 + 3 * a**2 * b + 3 * a * b**2 + b**3],
        "64": [(a + b) ** 2 + (a - b) ** 2, 2 * (a**2 + b**2)],
        "70": [2 * (a**2 + b**2) - (a + b) ** 2, (a - b) ** 2], "76": [2 * (a**2 + b**2) - (a + b) ** 2, (a + b) ** 2],
        "84": [np.sum(2 * K + 1), n**2 + 2 * n], "88": [np.sum(3.0**K), (3 ** (n + 1) - 1) / 2],
    }


@document("46_nb_batchnorm_backward")
def _(rng):
    m = int(rng.integers(2, 8))
    x, g, eps = rng.normal(size=m), rng.normal(size=m), rng.uniform(0.01, 1)
    j = rng.integers(m)
    mu, v = x.mean(), x.var()
    z = (x - mu) / math.sqrt(v + eps)
    var = lambda x: np.mean((x - x.mean()) ** 2)  # noqa: E731
    return {
        "3:6": [partial(np.mean, x, j), 1 / m],
        "3:12": [partial(var, x, j), 2 / m * (x[j] - mu)],
        "3:18": [partial(var, x, j), 2 / m * (x[j] - mu) - 2 / m**2 * np.sum(x - mu)],
        "3:24": [partial(var, x, j), 2 * (x[j] - mu)],
        "5:6": [z.sum(), 0], "5:10": [np.mean(z**2), v / (v + eps)], "5:16": [np.mean(z**2), 1],
        "5:22": [partial(lambda x: g @ (x - x.mean()), x, j), g[j] - g.sum() / m],
        "5:28": [partial(lambda x: g @ (x - x.mean()), x, j), g[j] - 1 / m],
        "5:34": [sum(partial(var, x, a) for a in range(m)), 2 / m],
    }


@document("47_nb_sigmoid_cheatsheet")
def _(rng):
    t, a, b = rng.uniform(-4, 4, size=3)
    e, L = math.exp, math.log
    s = sig(t)
    return {
        "2:4": [sig(-t), 1 - s], "2:8": [s * sig(-t), s - s**2], "2:12": [d(sig, t), s * (1 + s)],
        "4:4": [d(lambda u: L(1 + e(u)), t), s], "4:8": [L(1 + e(t)) - L(1 + e(-t)), t],
        "4:12": [L(s / (1 - s)), t], "4:16": [L((1 - s) / s), t],
        "5:4": [e(a) / (e(a) + e(b)), sig(a - b)], "5:8": [e(a) / (e(a) + e(b)), sig(b - a)],
        "5:11": [math.tanh(t), 2 * sig(2 * t) - 1], "5:12": [math.tanh(t), sig(2 * t) - sig(-2 * t)],
        "5:19": [sig(a) + sig(b), sig(a + b)],
    }


@document("48_econometrics_primes")
def _(rng):
    n, k = rng.integers(1, 6, size=2)
    X, y, b = rng.normal(size=(n, k)), rng.normal(size=n), rng.normal(size=k)
    A, B, x = rng.normal(size=(k, k)), rng.normal(size=(k, k)), rng.normal(size=k)
    ssr = lambda b: (y - X @ b) @ (y - X @ b)  # noqa: E731
    q = lambda x: x @ A @ x  # noqa: E731
    return {
        "9": [ssr(b), y @ y - y @ X @ b - b @ X.T @ y + b @ X.T @ X @ b, y @ y - 2 * b @ X.T @ y + b @ X.T @ X @ b],
        "15": [grad(ssr, b), -2 * X.T @ y + 2 * X.T @ X @ b],
        "21": [grad(ssr, b), UNDEFINED if n != k else -2 * X.T @ y + 2 * X @ X.T @ b],
        "27": [(X.T @ X).T, X.T @ X], "33": [(A @ B).T, B.T @ A.T], "40": [(A @ B).T, A.T @ B.T],
        "46": [q(x), x @ A.T @ x, 0.5 * x @ (A + A.T) @ x],
        "52": [A @ x, A.T @ x],
        "58": [grad(q, x), (A + A.T) @ x], "64": [grad(q, x), 2 * A @ x],
        "70": [ssr(b), y @ y - b @ X.T @ X @ b],
    }


@document("49_information_in_bits")
def _(rng):
    p, q = rng.uniform(0.05, 0.95, size=2)
    x, k = rng.uniform(0.1, 5), int(rng.integers(1, 6))
    lg, ln = math.log2, math.log
    H = lambda p: -p * lg(p) - (1 - p) * lg(1 - p)  # noqa: E731
    kl = p * lg(p / q) + (1 - p) * lg((1 - p) / (1 - q))
    return {
        "11": [-lg(p / 2), -lg(p) + 1],
        "18": [H(0.5), 1], "24": [H(0.25), 0.5],
        "30": [d(H, p), lg((1 - p) / p)],
        "34": [d(lg, p), 1 / (p * ln(2))], "40": [d(lg, p), 1 / p],
        "50": [-sum(2.0**-k * lg(2.0**-k) for _ in range(2**k)), k],
        "56": [lg(x), ln(x) / ln(2)], "62": [lg(x), ln(x) * ln(2)],
        "70": [-p * lg(q) - (1 - p) * lg(1 - q) - H(p), kl],
        "76": [kl, (p * ln(p / q) + (1 - p) * ln((1 - p) / (1 - q))) / ln(2)],
    }


@document("50_bayes_by_backprop")
def _(rng):
    rho, mu, eps = rng.normal(size=3) * 2
    ln, e = math.log, math.exp
    sp = lambda r: ln(1 + e(r))  # noqa: E731
    s = sp(rho)
    kl = lambda mu, s: 0.5 * (s**2 + mu**2 - 1) - ln(s)  # noqa: E731
    return {
        "10": [d(sp, rho), e(rho) / (1 + e(rho)), 1 / (1 + e(-rho))],
        "16": [d(lambda r: mu + sp(r) * eps, rho), eps / (1 + e(-rho))],
        "22": [d(sp, rho), e(rho)],
        "25": [s - ln(1 + e(-rho)), rho], "29": [rho, ln(e(s) - 1)], "32": [rho, ln(e(s) + 1)],
        "38": [d(lambda m: kl(m, s), mu), mu],
        "42": [d(lambda t: kl(mu, t), s), s - 1 / s], "48": [d(lambda t: kl(mu, t), s), s - 1],
    }


@document("51_appendix_l1_norm")
def _(rng):
    dd = int(rng.integers(2, 6))
    x, y, c = rng.normal(size=dd), rng.normal(size=dd), rng.normal()
    j = rng.integers(dd)
    l1 = lambda v: np.sum(np.abs(v))  # noqa: E731
    return {
        "14": [l1(x - y), sum(abs(x[i] - y[i]) for i in range(dd))],
        "16": [l1(c * x), abs(c) * l1(x)],
        "18": [l1(x) ** 2, x @ x], "22": [np.linalg.norm(x) ** 2, x @ x],
        "27": [partial(l1, x, j), np.sign(x[j])], "31": [partial(l1, x, j), x[j] / np.linalg.norm(x)],
        "35": [l1(x + y), l1(x) + l1(y)],
    }


@document("52_denominator_layout_notes")
def _(rng):
    n, m = rng.integers(1, 6, size=2)
    x, a, W, A = rng.normal(size=n), rng.normal(size=n), rng.normal(size=(m, n)), rng.normal(size=(n, n))
    den = lambda f, x: jac(f, x).T  # noqa: E731  (denominator layout: the transpose of the Jacobian)
    return {
        "12": [den(lambda x: W @ x, x), W.T], "18": [den(lambda x: W @ x, x), W],
        "24": [den(lambda x: A @ x, x), A.T],
        "32": [grad(lambda x: a @ x, x), a],
        "36": [grad(lambda x: x @ A @ x, x), (A + A.T) @ x], "42": [grad(lambda x: x @ A @ x, x), 2 * A.T @ x],
        "51": [grad(lambda x: 0.5 * np.sum((W @ x) ** 2), x), W.T @ W @ x],
        "55": [grad(lambda x: 0.5 * np.sum((W @ x) ** 2), x), UNDEFINED if m != n else W @ W.T @ x],
    }


@document("53_einstein_index_notation")
def _(rng):
    n, m = rng.integers(2, 6, size=2)
    a, b, x, g = rng.normal(size=n), rng.normal(size=n), rng.normal(size=n), rng.normal(size=m)
    W, A = rng.normal(size=(m, n)), rng.normal(size=(n, n))
    i, p, k, l = rng.integers(m), rng.integers(m), rng.integers(n), rng.integers(n)
    k2 = (l + 1) % n   # a k other than l: the free k of line 47 ranges over every value
    return {
        "11": [a @ b, a @ b], "15": [W[i] @ x, (W @ x)[i]], "18": [np.trace(A), np.trace(A)],
        "20": [partial(lambda x: x[k], x, l), delta(k, l)],
        "23": [partial(lambda x: x @ x, x, l), 2 * x[l]],
        "27": [partial(lambda x: x @ A @ x, x, l), A[l] @ x + x @ A[:, l]],
        "33": [partial(lambda x: g @ W @ x, x, l), g @ W[:, l]],
        "37": [partial(lambda W: g @ W @ x, W, (p, l)), g[p] * x[l]],
        "43": [partial(lambda x: g @ W @ x, x, l), UNDEFINED if l >= m else g[l] * W[:, l].sum()],
        "47": [partial(lambda x: x @ x, x, l), 2 * x[k2]],
    }


@document("54_nb_setup_cell")
def _(rng):
    x, s, y = rng.uniform(0.1, 4), rng.uniform(0.1, 3), float(rng.integers(2))
    ln = math.log
    return {
        "3:6": [math.sqrt(x**2), x], "3:10": [abs(x), x], "3:14": [ln(x**2), 2 * ln(x)],
        "3:20": [y**2, y], "3:24": [y * (1 - y), 0], "3:30": [math.sqrt(x**2 + 1), x + 1],
        "5:4": [d(lambda t: ln(abs(t)), x), 1 / abs(x)],
        "5:8": [d(lambda t: ln(t) + x**2 / (2 * t**2), s), 1 / s - x**2 / s**3],
        "5:12": [d(lambda t: t * ln(t), x), ln(x)],
    }


@document("55_sigma_is_tanh")
def _(rng):
    z, w, x, b, t = rng.normal(size=5)
    T = np.tanh
    E = lambda w, b: 0.5 * (T(w * x + b) - t) ** 2  # noqa: E731
    a = T(w * x + b)
    return {
        "10": [d(T, z), 1 - T(z) ** 2], "16": [d(T, z), T(z) * (1 - T(z))],
        "24": [T(-z), -T(z)], "27": [T(-z), 1 - T(z)],
        "32": [d(lambda u: E(u, b), w), (a - t) * (1 - a**2) * x],
        "36": [d(lambda u: E(w, u), b), (a - t) * (1 - a**2)],
        "42": [d(lambda u: E(w, u), b), (a - t) * a * (1 - a)],
        "45": [T(0.0), 0],
    }


@document("56_backprop_entrywise")
def _(rng):
    n, m = rng.integers(1, 5, size=2)
    x, W, b, y = rng.normal(size=n), rng.normal(size=(m, n)), rng.normal(size=m), rng.normal(size=m)
    k, j = rng.integers(m), rng.integers(n)
    loss_a = lambda a: 0.5 * np.sum((a - y) ** 2)  # noqa: E731
    loss_z = lambda z: loss_a(sig(z))  # noqa: E731
    loss_W = lambda W: loss_z(W @ x + b)  # noqa: E731
    z = W @ x + b
    a = sig(z)
    g = (a[k] - y[k]) * a[k] * (1 - a[k])
    return {
        "20": [partial(loss_a, a, k), a[k] - y[k]], "24": [partial(loss_z, z, k), g],
        "30": [partial(loss_W, W, (k, j)), g * x[j]],
        "36": [partial(loss_W, W, (k, j)), UNDEFINED if k >= n else g * x[k]],
        "42": [partial(lambda b: loss_z(W @ x + b), b, k), g],
        "45": [partial(lambda b: loss_z(W @ x + b), b, k), a[k] - y[k]],
    }


@document("57_two_layer_backprop")
def _(rng):
    n, m, p = rng.integers(1, 5, size=3)
    x, W1, b1 = rng.normal(size=n), rng.normal(size=(m, n)), rng.normal(size=m)
    W2, b2, y = rng.normal(size=(p, m)), rng.normal(size=p), rng.normal(size=p)
    i, j, k = rng.integers(p), rng.integers(m), rng.integers(n)
    loss_yhat = lambda yh: 0.5 * np.sum((yh - y) ** 2)  # noqa: E731
    loss_h = lambda h: loss_yhat(W2 @ h + b2)  # noqa: E731
    forward = lambda W1, b1, W2, b2: loss_yhat(W2 @ sig(W1 @ x + b1) + b2)  # noqa: E731
    h = sig(W1 @ x + b1)
    yh = W2 @ h + b2
    t = rng.normal()
    e = yh - y
    back = sum(e[r] * W2[r, j] for r in range(p)) * h[j] * (1 - h[j])
    return {
        "17": [grad(loss_yhat, yh), e], "21": [grad(lambda b2: forward(W1, b1, W2, b2), b2), e],
        "27": [grad(loss_h, h), W2.T @ e], "30": [grad(loss_h, h), mat(W2, e)],
        "34": [partial(lambda W2: forward(W1, b1, W2, b2), W2, (i, j)), e[i] * h[j]],
        "37": [d(sig, t), sig(t) * (1 - sig(t))],
        "40": [partial(lambda b1: forward(W1, b1, W2, b2), b1, j), back],
        "44": [partial(lambda W1: forward(W1, b1, W2, b2), W1, (j, k)), UNDEFINED if j >= n else back * x[j]],
    }


@document("58_probability_vectors")
def _(rng):
    n = int(rng.integers(2, 6))
    p, q = rng.uniform(0.05, 1, size=n), rng.uniform(0.05, 1, size=n)
    p, q = p / p.sum(), q / q.sum()
    x, z = rng.normal(size=n), rng.normal(size=n)
    mu = p @ x
    ce = lambda z: -np.sum(p * (z - lse(z)))  # noqa: E731
    soft = np.exp(z) / np.exp(z).sum()
    return {
        "10": [np.sum(p * (1 - p)), 1 - np.sum(p**2)], "13": [np.sum(p - q), 0], "14": [np.sum(p**2), 1],
        "19": [np.sum(p * (x - mu)), 0], "22": [np.sum(x - mu), 0],
        "25": [np.sum(p * (x - mu) ** 2), np.sum(p * x**2) - mu**2],
        "31": [grad(ce, z), soft - p], "37": [grad(ce, z), soft - 1],
    }


@document("59_conditions_in_prose")
def _(rng):
    x, xp = rng.normal() * 2, rng.uniform(0.1, 3)
    r = lambda t: t if t > 0 else 0.0  # noqa: E731
    n = int(rng.integers(2, 6))
    z = rng.normal(size=n)
    i, j = rng.choice(n, size=2, replace=False)
    soft = lambda z: np.exp(z) / np.exp(z).sum()  # noqa: E731
    s = soft(z)
    yh = rng.uniform(0.05, 0.95)
    bce = lambda y: -y * math.log(yh) - (1 - y) * math.log(1 - yh)  # noqa: E731
    return {
        "12": [r(x), (x + abs(x)) / 2], "15": [r(x) - r(-x), x], "15.2": [r(x) + r(-x), abs(x)],
        "16": [r(2 * x - 1), 2 * r(x) - 1],
        "19": [d(r, xp), 1],
        "25": [partial(lambda z: soft(z)[i], z, j), -s[i] * s[j]],
        "28": [partial(lambda z: soft(z)[i], z, i), s[i] * (1 - s[i])],
        "31": [partial(lambda z: soft(z)[i], z, j), s[i] * (1 - s[j])],
        "37": [bce(1), -math.log(yh)], "43": [bce(0), -math.log(yh)],
    }


@document("60_softmax_with_temperature")
def _(rng):
    n = int(rng.integers(1, 6))
    T, c = rng.uniform(0.2, 3), rng.normal()
    z = rng.normal(size=n)
    i = rng.integers(n)
    soft = lambda z: np.exp(z / T) / np.exp(z / T).sum()  # noqa: E731
    s = soft(z)[i]
    return {
        "13": [math.log(s), z[i] / T - lse(z / T)], "16": [math.log(s), z[i] - lse(z)],
        "21": [partial(lambda z: soft(z)[i], z, i), s * (1 - s) / T],
        "27": [partial(lambda z: soft(z)[i], z, i), s * (1 - s)],
        "31": [soft(z + c)[i], s], "31.2": [soft(2 * z)[i], s], "35": [soft(z).sum(), 1],
    }


@document("61_sigmoid_with_slope")
def _(rng):
    k, x = rng.uniform(0.2, 3), rng.normal() * 2
    S = lambda t: 1 / (1 + np.exp(-k * t))  # noqa: E731
    return {
        "14": [d(S, x), k * S(x) * (1 - S(x))], "17": [d(S, x), S(x) * (1 - S(x))],
        "19": [S(-x), 1 - S(x)], "19.2": [S(0.0), 0.5],
        "24": [math.log(S(x)) - math.log(S(-x)), k * x], "28": [math.log(S(x)) - math.log(S(-x)), x],
        "36": [d(lambda t: -math.log(S(t)), x), -k * (1 - S(x))],
    }


@document("62_spot_checks_mislead")
def _(rng):
    x, n = rng.normal() * 2, int(rng.integers(1, 9))
    ks = np.arange(1, n + 1, dtype=float)
    return {
        "10": [x**3, x], "14": [2.0**x, x + 1], "18": [sig(x) * (1 - sig(x)), 0.25],
        "24": [ks.sum(), n * n - n + 1], "30": [np.tanh(x), 2 * sig(2 * x) - 1],
        "34": [math.log(1 + math.exp(x)) - math.log(1 + math.exp(-x)), x],
        "38": [np.sum(ks**3), ks.sum() ** 2], "42": [np.sum(2.0**ks), 2.0 ** (n + 1) - 2],
        "46": [sig(x), math.exp(x) / (1 + math.exp(x))], "49": [sig(2 * x), 2 * sig(x) - 0.5],
    }


@document("65_hinge_and_logistic_losses")
def _(rng):
    y = float(rng.choice([-1, 1]))
    s = rng.normal() * 2
    sl = (1 - rng.uniform(0.05, 3)) / y          # a score with y s < 1
    u = float(rng.integers(2))
    g = lambda t: math.log(1 + math.exp(-y * t))  # noqa: E731
    bce = lambda u, t: -u * math.log(sig(t)) - (1 - u) * math.log(1 - sig(t))  # noqa: E731
    return {
        "9": [d(lambda t: 1 - y * t if y * t < 1 else 0.0, sl), -y], "13": [d(lambda t: 1 - y * t, s), -s],
        "19": [d(g, s), -y / (1 + math.exp(y * s))],
        "25": [bce(1, s), math.log(1 + math.exp(-s))], "31": [bce(0, s), math.log(1 + math.exp(-s))],
        "37": [d(lambda t: bce(u, t), s), sig(s) - u], "40": [d(lambda t: bce(u, t), s), u - sig(s)],
    }


@document("63_rectangular_shapes")
def _(rng):
    m, n = int(rng.integers(1, 5)), int(rng.integers(2, 6))
    A, x, u = rng.normal(size=(m, n)), rng.normal(size=n), rng.normal(size=m)
    Au = mat(A, u)
    return {
        "14": [u @ A @ x, x @ A.T @ u], "18": [u @ A @ x, UNDEFINED if Au is UNDEFINED else x @ Au],
        "24": [grad(lambda x: u @ A @ x, x), A.T @ u], "25": [grad(lambda u: u @ A @ x, u), A @ x],
        "30": [np.trace(A.T @ A), np.sum(A**2), np.trace(A @ A.T)],
        "32": [np.sum((A @ x) ** 2), x @ A.T @ A @ x],
        "34": [x @ x, UNDEFINED if m > n else np.sum(x[:m] ** 2)],
        "39": [x.sum(), x[0] + x[1] + x[2:].sum()],
    }


@document("64_softmax_regression_appendix")
def _(rng):
    K, dd = int(rng.integers(2, 6)), int(rng.integers(1, 5))
    x, W, b = rng.normal(size=dd), rng.normal(size=(K, dd)), rng.normal(size=K)
    y = rng.uniform(0, 1, size=K)
    y = y / y.sum()
    k, j = int(rng.integers(K)), int(rng.integers(dd))
    loss_z = lambda z: -np.sum(y * (z - lse(z)))  # noqa: E731
    loss = lambda W, b, x: loss_z(W @ x + b)  # noqa: E731
    z = W @ x + b
    p = np.exp(z - lse(z))
    return {
        "17": [partial(loss_z, z, k), p[k] - y[k]],
        "19": [partial(lambda W: (W @ x + b)[k], W, (k, j)), x[j]],
        "19.2": [partial(lambda b: (W @ x + b)[k], b, k), 1],
        "21": [partial(lambda W: loss(W, b, x), W, (k, j)), (p[k] - y[k]) * x[j]],
        "22": [partial(lambda b: loss(W, b, x), b, k), p[k] - y[k]],
        "26": [partial(lambda W: loss(W, b, x), W, (k, j)), UNDEFINED if k >= dd else (p[k] - y[k]) * x[k]],
        "27": [partial(lambda b: loss(W, b, x), b, k), -y[k] / p[k]],
        "29": [grad(loss_z, z).sum(), 0],
        "32": [partial(lambda x: loss(W, b, x), x, j), np.sum((p - y) * W[:, j])],
    }


@document("66_bptt_two_steps")
def _(rng):
    w, u, h0, x1, x2, y = rng.normal(size=6)
    T = np.tanh
    a1 = w * h0 + u * x1
    h1 = T(a1)
    a2 = w * h1 + u * x2
    h2 = T(a2)
    dl = h2 - y
    from_a2 = lambda a2: 0.5 * (T(a2) - y) ** 2  # noqa: E731
    from_h1 = lambda h1: from_a2(w * h1 + u * x2)  # noqa: E731
    from_a1 = lambda a1: from_h1(T(a1))  # noqa: E731
    loss = lambda w, u, h0: from_a2(w * T(w * h0 + u * x1) + u * x2)  # noqa: E731
    g2, g1 = d(from_a2, a2), d(from_a1, a1)
    return {
        "21": [g2, dl * (1 - h2**2)],
        "27": [d(from_h1, h1), g2 * w, dl * (1 - h2**2) * w],
        "33": [g1, dl * (1 - h2**2) * w],
        "39": [g1, d(from_h1, h1) * (1 - h1**2), dl * w * (1 - h2**2) * (1 - h1**2)],
        "47": [d(lambda t: loss(t, u, h0), w), g2 * h1 + g1 * h0],
        "51": [d(lambda t: loss(w, t, h0), u), g2 * x2 + g1 * x2],
        "57": [d(lambda t: loss(t, u, h0), w), dl * (1 - h2**2) * (h1 + w * (1 - h1**2) * h0)],
        "61": [d(lambda t: loss(w, t, h0), u), dl * (1 - h2**2) * (x2 + w * (1 - h1**2) * x1)],
        "64": [d(lambda t: loss(t, u, h0), w), g1 * h0 + g2 * h1],
        "65": [d(lambda t: loss(t, u, h0), w), g1 * h1 + g2 * h2],
        "70": [d(lambda t: loss(w, u, t), h0), dl * (1 - h2**2) * (1 - h1**2) * w],
        "73.2": [d(lambda t: loss(0.0, u, t), h0), 0],
    }


@document("67_lstm_gates_solution_key")
def _(rng):
    af, ai, ao, ag, c0, t = rng.normal(size=6) * 1.5
    T = np.tanh

    def cell(af, ai, ag, c0):
        return sig(af) * c0 + sig(ai) * T(ag)

    def hidden(af, ai, ao, ag, c0):
        return sig(ao) * T(cell(af, ai, ag, c0))

    f, i, o, g = sig(af), sig(ai), sig(ao), T(ag)
    c1 = cell(af, ai, ag, c0)
    th = 1 - T(c1) ** 2
    dsig = lambda t: d(sig, t)  # noqa: E731
    return {
        "21": [dsig(t), sig(t) * (1 - sig(t))], "21.2": [d(T, t), 1 - T(t) ** 2],
        "26": [d(lambda c: o * T(c), c1), o * th], "29": [d(lambda c: o * T(c), c1), th],
        "34": [d(lambda a: cell(a, ai, ag, c0), af), d(lambda q: q * c0 + i * g, f) * dsig(af), c0 * f * (1 - f)],
        "40": [d(lambda a: cell(a, ai, ag, c0), af), c0 * f * (1 + f)],
        "49": [d(lambda a: cell(af, ai, a, c0), ag), i * (1 - g**2)],
        "50": [d(lambda a: cell(af, a, ag, c0), ai), g * i * (1 - i)],
        "54": [d(lambda a: cell(af, a, ag, c0), ai), i * (1 - i)],
        "59": [d(lambda a: hidden(af, ai, a, ag, c0), ao), T(c1) * o * (1 - o)],
        "62": [d(lambda a: hidden(af, ai, a, ag, c0), ao), o * (1 - o)],
        "67": [d(lambda a: hidden(af, ai, ao, a, c0), ag), o * th * i * (1 - g**2)],
        "70": [d(lambda a: hidden(af, ai, ao, a, c0), ag), o * i * (1 - g**2)],
        "74": [d(lambda a: hidden(af, ai, ao, a, c0), ag), o * (1 - T(c1)) ** 2 * i * (1 - g**2)],
        "80": [d(lambda c: hidden(af, ai, ao, ag, c), c0), o * th * f],
        "83": [d(lambda c: cell(af, ai, ag, c), c0), f], "84": [d(lambda c: cell(af, ai, ag, c), c0), f * (1 - f)],
        "86.3": [sig(0.0), sig(0.0), sig(0.0), 0.5], "86.4": [T(0.0), 0],
        "87": [cell(0.0, 0.0, 0.0, 1.0), 0.5], "87.2": [d(lambda a: cell(a, 0.0, 0.0, 1.0), 0.0), 0.25],
    }


@document("68_appendix_batchnorm_backward")
def _(rng):
    m = int(rng.integers(2, 7))
    x, g = rng.normal(size=m) * 2, rng.normal(size=m)
    gam, bet, eps = rng.normal(), rng.normal(), rng.uniform(0.05, 1)
    i, j = rng.integers(m), rng.integers(m)
    a, b = rng.choice(m, size=2, replace=False)
    mean = lambda x: x.mean()  # noqa: E731
    var = lambda x: np.mean((x - x.mean()) ** 2)  # noqa: E731
    norm = lambda x: (x - x.mean()) / math.sqrt(var(x) + eps)  # noqa: E731
    loss = lambda x, gam, bet: g @ (gam * norm(x) + bet)  # noqa: E731  (linear in y: dL/dy = g)
    mu, s2, xh, r = mean(x), var(x), norm(x), math.sqrt(var(x) + eps)
    dxh = lambda i, j: partial(lambda x: norm(x)[i], x, j)  # noqa: E731
    dx = np.array([partial(lambda x: loss(x, gam, bet), x, k) for k in range(m)])
    inner = g @ xh
    right = gam / (m * r) * (m * g[j] - g.sum() - xh[j] * inner)
    return {
        "21": [partial(mean, x, j), 1 / m],
        "24": [partial(var, x, j), 2 / m * (x[j] - mu) - 2 / m**2 * np.sum(x - mu), 2 / m * (x[j] - mu)],
        "29": [partial(var, x, j), 2 / (m - 1) * (x[j] - mu)],
        "34": [xh.sum(), 0], "34.2": [np.mean(xh**2), s2 / (s2 + eps)],
        "38": [dxh(i, j), (delta(i, j) - 1 / m - xh[i] * xh[j] / m) / r],
        "41": [dxh(a, b), -(1 + xh[a] * xh[b]) / (m * r)],
        "45": [d(lambda t: loss(x, gam, t), bet), g.sum()], "46": [d(lambda t: loss(x, t, bet), gam), inner],
        "49": [d(lambda t: gam * t + bet, xh[i]), gam],
        "51": [dx[j], sum(g[k] * gam * dxh(k, j) for k in range(m)),
               gam / r * (g[j] - g.sum() / m - xh[j] * inner), right],
        "57": [dx.sum(), 0], "58": [xh @ dx, gam * eps / (s2 + eps) ** 1.5 * inner],
        "61": [dx[j], gam / r * (g[j] - g.sum() / m)],
        "65": [dx[j], gam / (m * r) * (m * g[j] - g.sum() + xh[j] * inner)],
    }


@document("69_forum_gaussian_mle")
def _(rng):
    n = int(rng.integers(2, 8))
    x = rng.normal(size=n) * 2 + rng.normal()
    mu, v, lam = rng.normal(), rng.uniform(0.2, 3), rng.uniform(0.2, 3)
    xp = rng.uniform(0.1, 3, size=n)
    xb = x.mean()
    ll = lambda mu, v: -n / 2 * math.log(2 * math.pi * v) - np.sum((x - mu) ** 2) / (2 * v)  # noqa: E731
    le = lambda lam: n * math.log(lam) - lam * xp.sum()  # noqa: E731
    S2 = np.sum((x - mu) ** 2)
    return {
        "14": [d(lambda t: ll(t, v), mu), np.sum(x - mu) / v, (x.sum() - n * mu) / v],
        "17": [d(lambda t: ll(t, v), mu), -np.sum(x - mu) / v],
        "24": [d(lambda t: ll(mu, t), v), -n / (2 * v) + S2 / (2 * v)],
        "27": [d(lambda t: 1 / t, v), -1 / v**2],
        "30": [d(lambda t: ll(mu, t), v), -n / (2 * v) + S2 / (2 * v**2)],
        "39": [np.sum(x - xb), x.sum() - n * xb, 0],
        "43": [np.sum((x - xb) ** 2), np.sum(x**2) - n * xb**2],
        "46": [np.sum((x - xb) ** 2), np.sum(x**2) - xb**2],
        "51": [d2(lambda t: ll(t, v), mu), -n / v],
        "51.2": [partial2(lambda p: ll(p[0], p[1]), np.array([mu, v]), 0, 1), -np.sum(x - mu) / v**2],
        "54": [d2(lambda t: ll(t, v), mu), -n / v**2],
        "57.2": [d(le, lam), n / lam - xp.sum()],
        "58": [d2(le, lam), n / lam**2],
    }


@document("70_momentum_unrolled_notes")
def _(rng):
    t = int(rng.integers(1, 8))
    beta, eta, th0, c = rng.uniform(0.05, 0.95), rng.uniform(0.1, 2), rng.normal(), rng.normal()
    g = rng.normal(size=max(t, 3))          # g[k - 1] is g_k

    def velocities(g, steps):
        v, out = 0.0, []
        for k in range(steps):
            v = beta * v + g[k]
            out.append(v)
        return out

    v1, v2, v3 = velocities(g, 3)
    vt = velocities(g, t)[-1]
    ks = np.arange(1, t + 1)
    th3 = th0 - eta * (v1 + v2 + v3)
    vc = velocities(np.full(t, c), t)[-1]                 # a constant gradient c
    m = lambda g, steps: velocities((1 - beta) * g, steps)[-1]  # noqa: E731  (m_t = beta m_(t-1) + (1 - beta) g_t)
    return {
        "16": [v1, g[0]], "17": [v2, beta * g[0] + g[1]],
        "18": [v3, beta * v2 + g[2], beta**2 * g[0] + beta * g[1] + g[2]],
        "26": [th3, th0 - eta * (v1 + v2 + v3), th0 - eta * ((1 + beta + beta**2) * g[0] + (1 + beta) * g[1] + g[2])],
        "29": [th3, th0 - eta * ((1 + beta + beta**2) * g[2] + (1 + beta) * g[1] + g[0])],
        "37": [vt, np.sum(beta ** (t - ks) * g[:t])], "40": [beta**0, 1],
        "43": [vt, np.sum(beta ** (t - ks + 1) * g[:t])],
        "49": [vt, sum(beta**j * g[t - j - 1] for j in range(t))],
        "57": [vc, c * np.sum(beta ** (t - ks)), c * (1 - beta**t) / (1 - beta)],
        "61": [vc, c / (1 - beta)],
        "65.3": [m(g, 1), (1 - beta) * g[0]], "66": [m(g, 2), (1 - beta) * (beta * g[0] + g[1])],
        "67": [m(g, 2), (1 - beta) * beta * g[0] + g[1]],
        "70": [(1 - beta) * np.sum(beta ** (t - ks)), 1 - beta**t],
        "77": [(1 - beta) * sum(beta ** (t - k) for k in range(0, t + 1)), 1 - beta**t],
    }


@document("71_matrix_calculus_handout")
def _(rng):
    n, m, p, N, dd = (int(v) for v in rng.integers(1, 5, size=5))
    A, X, B = rng.normal(size=(n, m)), rng.normal(size=(m, n)), rng.normal(size=(m, n))
    P, Q, R = rng.normal(size=(3, n, n))
    k, i = rng.integers(m), rng.integers(n)
    Y, C, D = rng.normal(size=(m, n)), rng.normal(size=(p, m)), rng.normal(size=(p, n))
    M, x = rng.normal(size=(n, n)), rng.normal(size=(n, 1))
    F, w, y = rng.normal(size=(N, dd)), rng.normal(size=(dd, 1)), rng.normal(size=(N, 1))
    tAX = lambda X: np.trace(A @ X)  # noqa: E731
    fro = lambda Y: np.sum(Y**2)  # noqa: E731
    res = lambda X: fro(C @ X - D)  # noqa: E731
    quad = lambda x: (x.T @ M @ x).item()  # noqa: E731
    ls = lambda w: fro(F @ w - y)  # noqa: E731
    gw = grad(ls, w)
    return {
        "16": [tAX(X), sum(A[a, b] * X[b, a] for a in range(n) for b in range(m))],
        "18": [partial(tAX, X, (k, i)), A[i, k]],
        "20": [grad(tAX, X), A.T], "22": [grad(tAX, X), A],
        "25": [grad(lambda X: np.trace(X.T @ B), X), B],
        "27": [grad(lambda X: np.trace(X.T @ B), X), B.T],
        "30": [np.trace(P @ Q @ R), np.trace(R @ P @ Q), np.trace(Q @ R @ P)],
        "34": [np.trace(P @ Q @ R), np.trace(Q @ P @ R)],
        "41": [fro(Y), np.trace(Y.T @ Y), np.sum(Y**2)], "42": [grad(fro, Y), 2 * Y],
        "46": [grad(res, Y), 2 * C.T @ (C @ Y - D)],
        "48": [grad(res, Y), mat(C @ Y - D, C.T) if mat(C @ Y - D, C.T) is UNDEFINED else 2 * mat(C @ Y - D, C.T)],
        "53": [grad(quad, x), (M + M.T) @ x], "55.2": [grad(quad, x), 2 * M @ x],
        "56": [quad(x), (x.T @ M.T @ x).item(), 0.5 * (x.T @ (M + M.T) @ x).item()],
        "61": [gw, grad(lambda w: (w.T @ F.T @ F @ w - 2 * y.T @ F @ w + y.T @ y).item(), w),
               2 * F.T @ F @ w - 2 * F.T @ y, 2 * F.T @ (F @ w - y)],
        "66": [gw, F.T @ (F @ w - y)], "67": [gw, 2 * (F @ w - y).T @ F],
    }


@document("72_calc1_homework_scratch")
def _(rng):
    x = rng.normal() * 1.5
    xg = rng.uniform(1.05, 4)                     # x > 1
    xp = rng.uniform(0.1, 4)                      # x > 0
    xh = rng.choice([-1, 1]) * rng.uniform(0.2, 3) + 1    # x != 1
    f = lambda t: t / (1 + t**2)  # noqa: E731
    g = lambda t: math.exp(-t * t / 2)  # noqa: E731
    h = lambda t: t**2 / (t - 1)  # noqa: E731
    return {
        "4": [d(f, x), (x * 2 * x - (1 + x**2)) / (1 + x**2) ** 2, (x**2 - 1) / (1 + x**2) ** 2],
        "9": [d(lambda t: (3 * t + 1) ** 5, x), 5 * (3 * x + 1) ** 4],
        "15": [d(lambda t: (3 * t + 1) ** 5, x), 5 * (3 * x + 1) ** 4 * 3, 15 * (3 * x + 1) ** 4],
        "21": [d(lambda t: math.log(math.log(t)), xg), 1 / math.log(xg) / xg, 1 / (xg * math.log(xg))],
        "24": [d(lambda t: math.log(t * t + 1), x), 1 / (x * x + 1)],
        "26": [d(lambda t: math.sqrt(1 + t * t), x), 1 / (2 * math.sqrt(1 + x * x))],
        "26.2": [d(lambda t: math.sqrt(1 + t * t), x), x / math.sqrt(1 + x * x)],
        "31": [d(g, x), -x * g(x)], "31.2": [d2r(g, x), (1 - x**2) * g(x)],
        "37": [d(h, xh), (2 * xh * (xh - 1) - xh**2) / (xh - 1) ** 2, (xh**2 - 2 * xh) / (xh - 1) ** 2,
               xh * (xh - 2) / (xh - 1) ** 2],
        "40": [math.log(xp**3 * (xp + 2)), 3 * math.log(xp) + math.log(xp + 2)],
        "43": [d(lambda t: math.log(t**3 * (t + 2)), xp), 3 / xp + 1 / (xp + 2)],
        "46": [d(lambda t: t**t, xp), xp * xp ** (xp - 1)], "47": [xp**xp, math.exp(xp * math.log(xp))],
        "50": [d(lambda t: t**t, xp), math.exp(xp * math.log(xp)) * (math.log(xp) + 1), xp**xp * (math.log(xp) + 1)],
        "53": [d(sig, x), math.exp(-x) / (1 + math.exp(-x)) ** 2],
        "54": [d(lambda t: math.log(1 + math.exp(t)), x), 1 / (1 + math.exp(-x))],
        "54.2": [d(lambda t: math.log(t) / t, xp), (1 + math.log(xp)) / xp**2],
    }


@document("73_lecture_exponential_family")
def _(rng):
    p = rng.uniform(0.02, 0.98)
    y = float(rng.integers(2))
    eta = rng.normal() * 2                          # the Bernoulli and the Poisson natural parameter
    A = lambda t: math.log(1 + math.exp(t))  # noqa: E731
    s_ = 1 / (1 + math.exp(-eta))
    n = int(rng.integers(1, 6))
    ys = rng.integers(0, 8, size=n).astype(float)
    ll = lambda t: t * ys.sum() - n * math.exp(t) - sum(math.lgamma(k + 1) for k in ys)  # noqa: E731
    mu, s2 = rng.normal(), rng.uniform(0.2, 3)
    e1, e2 = mu / s2, -1 / (2 * s2)
    AG = lambda a, b: -a * a / (4 * b) - 0.5 * math.log(-2 * b)  # noqa: E731
    return {
        "18": [d(A, eta), math.exp(eta) / (1 + math.exp(eta)), s_],
        "19": [d2r(A, eta), math.exp(eta) / (1 + math.exp(eta)) ** 2, s_ * (1 - s_)],
        "21": [d(A, eta), 1 / (1 + math.exp(eta))],
        "24": [d2r(A, eta), s_ * (1 + s_)],
        "29": [y * math.log(p) + (1 - y) * math.log(1 - p), y * math.log(p / (1 - p)) + math.log(1 - p)],
        "31": [math.log(p / (1 - p)), math.log(p) + math.log(1 - p)],
        "36": [d(math.exp, eta), d2r(math.exp, eta), math.exp(eta), math.exp(eta)],
        "42": [d(ll, eta), ys.sum() - n * math.exp(eta)], "42.2": [d2r(ll, eta), -n * math.exp(eta)],
        "44": [d(ll, eta), ys.sum() - math.exp(eta)],
        "54": [d(lambda a: AG(a, e2), e1), -e1 / (2 * e2)],
        "55": [d(lambda b: AG(e1, b), e2), e1**2 / (4 * e2**2) + 1 / (2 * e2)],
        "57": [-e1 / (2 * e2), mu], "57.2": [e1**2 / (4 * e2**2) - 1 / (2 * e2), mu**2 + s2],
    }


@document("74_nb_weight_decay_adam")
def _(rng):
    dd = int(rng.integers(1, 6))
    w, w0, c = rng.normal(size=dd), rng.normal(size=dd), rng.normal(size=dd)
    eta, lam, eps = rng.uniform(0.01, 1), rng.uniform(0.01, 1), rng.uniform(0, 0.1)
    b1, b2 = rng.uniform(0.05, 0.95, size=2)
    loss = lambda w: np.sum(np.sin(w) * c)  # noqa: E731  (any smooth L)
    g = grad(loss, w)
    w2 = w0
    for _ in range(2):
        w2 = w2 - eta * (g + lam * w2)
    g1, g2, gc = rng.normal(size=3)
    g1 = g1 if abs(g1) > 0.05 else 0.5
    m1, v1 = (1 - b1) * g1, (1 - b2) * g1**2
    v2 = b2 * v1 + (1 - b2) * g2**2
    v2c = b2 * (1 - b2) * gc**2 + (1 - b2) * gc**2        # g_1 = g_2 = g
    mh, vh = rng.normal(size=dd), rng.uniform(0, 3, size=dd)
    return {
        "3:6": [grad(lambda w: loss(w) + lam / 2 * np.sum(w**2), w), g + lam * w],
        "3:9": [grad(lambda w: lam * np.sum(w**2), w), lam * w],
        "3:13": [w - eta * (g + lam * w), (1 - eta * lam) * w - eta * g],
        "3:19": [w - eta * (g + lam * w), (1 - lam) * w - eta * g],
        "3:28": [w2, (1 - eta * lam) * ((1 - eta * lam) * w0 - eta * g) - eta * g, (1 - eta * lam) ** 2 * w0 - 2 * eta * g],
        "5:9": [m1, (1 - b1) * g1], "5:9.2": [v1, (1 - b2) * g1**2],
        "5:12": [m1 / (1 - b1), g1], "5:12.2": [v1 / (1 - b2), g1**2],
        "5:18": [(m1 / (1 - b1)) / math.sqrt(v1 / (1 - b2)), g1 / abs(g1)],
        "5:21": [m1 / math.sqrt(v1), (1 - b1) / (1 - b2) * g1 / abs(g1)],
        "5:26": [v2, b2 * (1 - b2) * g1**2 + (1 - b2) * g2**2],
        "5:32": [v2c / (1 - b2**2), gc**2], "5:32.2": [v2c / (1 - b2) ** 2, gc**2],
        "5:41": [w - eta * (mh / (np.sqrt(vh) + eps) + lam * w), (1 - eta * lam) * w - eta * mh / (np.sqrt(vh) + eps)],
    }


@document("75_forum_gru_gradient")
def _(rng):
    x, h0, w, u, wz, uz, wr, ur, t = rng.normal(size=9)
    T = np.tanh

    def step(h0, w=w, uz=uz, ur=ur):
        z, r = sig(wz * x + uz * h0), sig(wr * x + ur * h0)
        return (1 - z) * h0 + z * T(w * x + u * r * h0)

    z, r = sig(wz * x + uz * h0), sig(wr * x + ur * h0)
    ht = T(w * x + u * r * h0)
    dz, dr = z * (1 - z) * uz, r * (1 - r) * ur
    dht = (1 - ht**2) * u * (r + h0 * r * (1 - r) * ur)
    H = int(rng.integers(2, 5))
    zv, htv, h0v, g = rng.normal(size=(4, H))
    rv, xv = sig(rng.normal(size=H)), rng.normal(size=H)
    W, U = rng.normal(size=(H, H)), rng.normal(size=(H, H))
    i, j = rng.integers(H), rng.integers(H)
    a, b = rng.choice(H, size=2, replace=False)
    cand = lambda h0: T(W @ xv + U @ (rv * h0))  # noqa: E731
    loss = lambda h0: g @ cand(h0)  # noqa: E731  (dL/dhtilde = g)
    hv = lambda z: (1 - z) * h0v + z * htv  # noqa: E731
    c = cand(h0v)
    return {
        "8": [d(step, h0), (1 - z) + z * (1 - ht**2) * u * r],
        "11": [d(lambda q: (1 - q) * h0 + q * ht, z), h0 - ht],
        "20": [d(lambda q: (1 - q) * h0 + q * ht, z), ht - h0],
        "27": [d(sig, t), sig(t) * (1 - sig(t))],
        "30": [d(lambda h: sig(wz * x + uz * h), h0), dz], "30.2": [d(lambda h: sig(wr * x + ur * h), h0), dr],
        "33": [d(lambda h: T(w * x + u * sig(wr * x + ur * h) * h), h0), (1 - ht**2) * u * r],
        "36": [d(lambda h: T(w * x + u * sig(wr * x + ur * h) * h), h0), dht],
        "43": [d(step, h0), (1 - z) + (ht - h0) * dz + z * dht,
               (1 - z) + (ht - h0) * z * (1 - z) * uz + z * (1 - ht**2) * u * (r + h0 * r * (1 - r) * ur)],
        "54": [d(lambda q: step(h0, w=q), w), z * (1 - ht**2) * x],
        "55": [d(lambda q: step(h0, uz=q), uz), (ht - h0) * z * (1 - z) * h0],
        "56": [d(lambda q: step(h0, ur=q), ur), z * (1 - ht**2) * u * r * (1 - r) * h0],
        "60": [d(lambda q: step(h0, ur=q), ur), z * (1 - ht**2) * u * r * (1 - r) * h0**2],
        "64": [partial(lambda z: hv(z)[a], zv, b), 0],
        "64.2": [partial(lambda z: hv(z)[i], zv, i), htv[i] - h0v[i]],
        "69": [partial(loss, h0v, j), np.sum(g * (1 - c**2) * U[:, j]) * rv[j]],
        "72": [partial(loss, h0v, j), np.sum(g[i] * (1 - c[i] ** 2) * U[i, :] * rv)],
    }


@document("76_ridge_objective_notes")
def _(rng):
    n, dd = (int(v) for v in rng.integers(1, 5, size=2))
    X, y, w, v = rng.normal(size=(n, dd)), rng.normal(size=n), rng.normal(size=dd), rng.normal(size=dd)
    lam = rng.uniform(0.1, 3)
    fit = lambda w: 0.5 * np.sum((X @ w - y) ** 2)  # noqa: E731
    pen = lambda w: lam / 2 * np.sum(w**2)  # noqa: E731
    J = lambda w: fit(w) + pen(w)  # noqa: E731
    gJ = grad(J, w)
    H = X.T @ X + lam * np.eye(dd)
    return {
        "19": [grad(pen, w), lam * w], "22": [grad(fit, w), X.T @ (X @ w - y)],
        "28": [gJ, X.T @ (X @ w - y) + lam * w, H @ w - X.T @ y],
        "34": [gJ, ((X @ w - y) @ X + lam * w).reshape(1, -1)],
        "40": [gJ, (X @ w - y) + lam * w if n == dd else UNDEFINED],
        "45": [J(np.zeros(dd)), 0.5 * y @ y], "50": [J(2 * w), 4 * J(w)],
        "56": [J(2 * w) - 2 * J(w), np.sum((X @ w) ** 2) + lam * w @ w - 0.5 * y @ y],
        "62": [J(w + v), J(w) + v @ gJ + 0.5 * v @ H @ v],
        "68": [J(w + v), J(w) + v @ gJ + v @ H @ v],
        "71": [J(v) - fit(v), pen(v)], "72": [J(-w), J(w)],
    }


@document("77_activation_quiz")
def _(rng):
    x, zz, T = rng.normal(), rng.normal(), rng.uniform(0.2, 3)
    T = T if abs(T - 1) > 0.05 else 2.0
    f1 = lambda t: t * math.exp(t)  # noqa: E731
    f2 = lambda t: t**2 * math.exp(-t)  # noqa: E731
    sg = lambda t: 1 / (1 + math.exp(-t / T))  # noqa: E731
    s = np.tanh
    return {
        "10": [d(f1, x), (1 + x) * math.exp(x)], "15": [d2(f1, x), (2 + x) * math.exp(x)],
        "18": [f1(2), 2 * math.exp(2)], "18.2": [f1(2), math.exp(2)],
        "27": [d(f2, x), (2 * x - x**2) * math.exp(-x)], "33": [d(f2, x), (1 + x) * math.exp(x)],
        "36": [f2(5), 25 * math.exp(-5)], "36.2": [5**2, 4],
        "49": [d(sg, x), sg(x) * (1 - sg(x)) / T], "55": [d(sg, x), sg(x) * (1 - sg(x))],
        "58.2": [sg(0), 0.5],
        "65": [d(s, zz), 1 - s(zz) ** 2], "69": [s(-zz), -s(zz)], "75": [d(s, zz), s(zz) * (1 - s(zz))],
        "81": [s(zz), 2 / (1 + math.exp(-2 * zz)) - 1],
        "84.2": [s(0.0), 0], "84.3": [d(s, 0.0), 1],
    }


@document("78_office_hours_conditions")
def _(rng):
    r = rng.choice([-1, 1]) * rng.uniform(0.1, 3)
    x = rng.uniform(-3, 3)
    x = x if abs(x - 1) > 0.05 else 2.0
    a, u = rng.normal(size=2)
    e = math.exp
    sg = lambda t: 1 / (1 + e(-t))  # noqa: E731
    return {
        "11": [d(abs, r), r / abs(r), abs(r) / r], "17": [r / abs(r), 1],
        "20": [d(lambda t: math.log(abs(t)), r), 1 / r],
        "23": [d(lambda t: abs(t) ** 3, r), 3 * r * abs(r)], "26": [d(lambda t: abs(t) ** 3, r), 3 * r**2],
        "33": [(x**2 - 1) / (x - 1), x + 1], "33.2": [(x**3 - 1) / (x - 1), x**2 + 1],
        "40.2": [sg(0.0), 0.5], "40.3": [d(sg, 0.0), 0.25], "40.4": [d(np.tanh, 0.0), 0],
        "45": [d(sg, a), sg(a) ** 2], "51": [d(sg, a), sg(a) * (1 - sg(a))],
        "59": [sg(u), 0.5 + 0.5 * np.tanh(u)], "65": [sg(u), 0.5 + 0.5 * np.tanh(u / 2)],
        "71": [d(sg, u), 0.25 * (1 - np.tanh(u / 2) ** 2)], "74": [d(sg, u), 0.5 * (1 - np.tanh(u) ** 2)],
    }


@document("79_regression_handout_primes")
def _(rng):
    # k is the document's p, at least 2 so that A is not symmetric
    n, k, m = int(rng.integers(1, 5)), int(rng.integers(2, 5)), int(rng.integers(2, 6))
    X, y, b, c = rng.normal(size=(n, k)), rng.normal(size=n), rng.normal(size=k), rng.normal(size=k)
    A = rng.normal(size=(k, k))
    S = lambda b: np.sum((y - X @ b) ** 2)  # noqa: E731
    gS = grad(S, b)
    t = rng.normal()
    g = lambda t: math.log(1 + t**2)  # noqa: E731
    xs, j = rng.normal(size=m), int(rng.integers(m))
    var = lambda x: np.mean((x - np.mean(x)) ** 2)  # noqa: E731
    mu = np.mean(xs)
    return {
        "17": [S(b), (y - X @ b) @ (y - X @ b), y @ y - 2 * b @ X.T @ y + b @ X.T @ X @ b],
        "21": [gS, -2 * X.T @ (y - X @ b), 2 * X.T @ X @ b - 2 * X.T @ y],
        "25": [gS, 2 * X.T @ (y - X @ b)],
        "29": [grad(lambda b: c @ b, b), c], "30": [grad(lambda b: b @ A @ b, b), (A + A.T) @ b],
        "34": [grad(lambda b: b @ A @ b, b), 2 * A @ b],
        "36": [(X @ b.reshape(-1, 1)).T, b.reshape(1, -1) @ X.T],
        "43": [d(g, t), 2 * t / (1 + t**2)], "43.2": [d(g, t), 2 * t / (1 + t) ** 2],
        "55": [var(xs), np.mean(xs**2) - mu**2],
        "60": [partial(var, xs, j), 2 / m * (xs[j] - mu)],
        "64": [partial(var, xs, j), 2 / m * (1 - 1 / m) * (xs[j] - mu)],
        "68": [partial(lambda x: math.sqrt(var(x)), xs, j), (xs[j] - mu) / (m * math.sqrt(var(xs)))],
    }


@document("80_nb_bptt_running_sums")
def _(rng):
    w, u, x1, x2, h0, y = rng.normal(size=6)
    w = w if abs(w - 1) > 0.05 else 0.5                 # w = 1 would make w and w^2 agree

    def run(w=w, u=u, h0=h0):
        h1 = math.tanh(w * h0 + u * x1)
        return h1, math.tanh(w * h1 + u * x2)

    h1, h2 = run()
    loss = lambda h2: 0.5 * (h2 - y) ** 2  # noqa: E731
    step2 = lambda h1: math.tanh(w * h1 + u * x2)  # noqa: E731
    f, q, c0, z1, z2 = rng.normal(size=5)
    f = f if abs(f - 2) > 0.05 else 0.5                 # f = 2 would make f^2 and 2f agree
    c2 = lambda f=f, c0=c0, z1=z1: f * (f * c0 + q * z1) + q * z2  # noqa: E731
    c1 = f * c0 + q * z1
    t = int(rng.integers(1, 8))
    beta, gamma = rng.uniform(0.05, 0.95, size=2)
    g = rng.normal(size=max(t, 3))                      # g[k - 1] is g_k

    def accumulate(coefficient, start, steps):
        value = start
        for k in range(steps):
            value = coefficient * value + g[k]
        return value

    ks = np.arange(1, t + 1)
    v = lambda steps: accumulate(beta, 0.0, steps)  # noqa: E731
    m = lambda steps: accumulate(gamma, 1.0, steps)  # noqa: E731

    def p(start, steps, c=None, g1=None):             # cell 7: p_t = gamma p_(t-1) + g_t from p_0 = start
        c = gamma if c is None else c
        gs = [g[0] if g1 is None else g1, g[1]]
        value = start
        for k in range(steps):
            value = c * value + gs[k]
        return value

    tt = max(t, 2)                                       # the reversed weights differ from t = 2 on
    kk = np.arange(1, tt + 1)
    return {
        "3:12": [d(step2, h1), w * (1 - h2**2)],
        "3:18": [d(lambda h: run(h0=h)[1], h0), w**2 * (1 - h2**2) * (1 - h1**2)],
        "3:21": [d(lambda h: run(h0=h)[1], h0), w * (1 - h2**2) * (1 - h1**2)],
        "3:24": [d(lambda h: loss(step2(h)), h1), (h2 - y) * (1 - h2**2) * w],
        "3:30": [d(lambda p: loss(run(w=p)[1]), w), (h2 - y) * (1 - h2**2) * (h1 + w * (1 - h1**2) * h0)],
        "3:34": [d(lambda p: loss(run(u=p)[1]), u), (h2 - y) * (1 - h2**2) * (x2 + w * (1 - h1**2) * x1)],
        "3:37": [d(lambda p: loss(run(w=p)[1]), w), (h2 - y) * (1 - h2**2) * h1],
        "5:13": [c2(), f**2 * c0 + f * q * z1 + q * z2],
        "5:19": [d(lambda p: c2(c0=p), c0), f**2], "5:19.2": [d(lambda p: c2(z1=p), z1), f * q],
        "5:22": [d(lambda p: c2(c0=p), c0), 2 * f],
        "5:25": [d(lambda p: c2(f=p), f), c1 + f * c0], "5:28": [d(lambda p: c2(f=p), f), c1],
        "6:12": [v(2), beta * g[0] + g[1]], "6:12.2": [v(3), beta**2 * g[0] + beta * g[1] + g[2]],
        "6:12.3": [v(3), beta**3 * g[0] + beta**2 * g[1] + beta * g[2]],
        "6:18": [v(t), np.sum(beta ** (t - ks) * g[:t])],
        "6:21": [v(tt), np.sum(beta ** (kk - 1) * g[:tt])],
        "6:32": [m(2), gamma**2 + gamma * g[0] + g[1]], "6:35": [m(2), gamma * g[0] + g[1]],
        "6:38": [m(t), gamma**t + np.sum(gamma ** (t - ks) * g[:t])],
        "6:41": [m(t), np.sum(gamma ** (t - ks) * g[:t])],
        "7:3.3": [p(2.0, 1), 2 * gamma + g[0]],
        "7:6": [p(2.0, 2), 2 * gamma**2 + gamma * g[0] + g[1]], "7:6.2": [p(2.0, 2), gamma * g[0] + g[1]],
        "7:12": [d(lambda s: p(s, 2), 2.0), gamma**2], "7:12.2": [d(lambda s: p(2.0, 2, g1=s), g[0]), gamma],
        "7:12.3": [d(lambda c: p(2.0, 2, c=c), gamma), 4 * gamma + g[0]],
        "7:12.4": [d(lambda c: p(2.0, 2, c=c), gamma), 2 * gamma + g[0]],
        "7:20": [p(5.0, 2), 5 * gamma**2 + gamma * g[0] + g[1]],
        "7:20.2": [p(5.0, 2), 2 * gamma**2 + gamma * g[0] + g[1]],
        "7:23": [d(lambda s: p(s, 2), 5.0), gamma**2],
    }


@document("81_forum_loss_of_a_vector")
def _(rng):
    dd = int(rng.integers(1, 5))
    w, a, c, v = rng.normal(size=(4, dd))
    b, t = rng.normal(size=2)
    j = int(rng.integers(dd))
    loss = lambda w: math.log(1 + math.exp(-a @ w))  # noqa: E731
    sq = lambda w: 0.5 * (a @ w - b) ** 2  # noqa: E731
    R = lambda w: np.sum((w - c) ** 2)  # noqa: E731
    tmin = b / (a @ a)
    return {
        "13": [grad(loss, w), -sig(a @ w) * a], "16": [loss(2 * w), 2 * loss(w)],
        "21": [grad(loss, w), -sig(-a @ w) * a, -a / (1 + math.exp(a @ w))],
        "24": [loss(np.zeros(dd)), math.log(2)], "28": [loss(-w) - loss(w), a @ w],
        "40": [partial(R, w, j), 2 * (w[j] - c[j])],
        "46": [R(w) - R(v), np.sum((w - v) * (w + v - 2 * c))], "49": [R(2 * w), 4 * R(w)],
        "62": [grad(sq, w), (a @ w - b) * a], "65": [grad(sq, w), -sig(-a @ w) * a],
        "69": [sq(t * a), 0.5 * (t * (a @ a) - b) ** 2], "72.2": [sq(tmin * a), 0],
    }


@document("82_gelu_swish_mish")
def _(rng):
    x = rng.uniform(-3, 3)
    beta = rng.uniform(1.3, 3) if rng.random() < 0.5 else rng.uniform(0.2, 0.8)
    Phi = lambda t: 0.5 * (1 + math.erf(t / math.sqrt(2)))  # noqa: E731
    phi = lambda t: math.exp(-t * t / 2) / math.sqrt(2 * math.pi)  # noqa: E731
    swish = lambda t: t * sig(beta * t)  # noqa: E731
    gelu = lambda t: t * Phi(t)  # noqa: E731
    zeta = lambda t: math.log(1 + math.exp(t))  # noqa: E731
    mish = lambda t: t * math.tanh(zeta(t))  # noqa: E731
    sb, e = sig(beta * x), math.exp(x)
    sech2 = 1 / math.cosh(zeta(x)) ** 2
    return {
        "5.2": [d(Phi, x), phi(x)], "9.2": [d(sig, x), sig(x) * (1 - sig(x))],
        "13": [d(swish, x), sb + x * sb * (1 - sb), sb * (1 + x - x * sb)],
        "21": [d(swish, x), sb + beta * x * sb * (1 - sb)],
        "24.2": [x * sig(x), x - x * sig(-x)],
        "31": [d(gelu, x), Phi(x) + x * phi(x)], "31.2": [d(phi, x), -x * phi(x)],
        "37": [d2r(gelu, x), 2 * phi(x) - x**2 * phi(x), (1 - x**2) * phi(x)],
        "40": [d(gelu, 0.0), 0.5], "40.2": [d2r(gelu, 0.0), phi(0.0)],
        "41": [d(gelu, x), Phi(x) + phi(x)], "41.2": [Phi(-x), 1 - Phi(x)],
        "44": [gelu(x) - gelu(-x), x], "44.2": [gelu(x) + gelu(-x), x * math.erf(x)],
        "52": [math.tanh(zeta(x)), ((1 + e) ** 2 - 1) / ((1 + e) ** 2 + 1), (e * e + 2 * e) / (e * e + 2 * e + 2)],
        "55": [d(zeta, x), sig(x)],
        "58": [d(mish, x), math.tanh(zeta(x)) + x * sech2 * sig(x)],
        "61": [d(mish, x), math.tanh(zeta(x)) + x * sech2],
        "62": [d(mish, 0.0), math.tanh(math.log(2)), 3 / 5],
    }


@document("83_kl_two_gaussians")
def _(rng):
    m1, m2, mu = rng.normal(size=3)
    s1, s2, s = rng.uniform(0.5, 2, size=3)
    while abs(s1 - s2) < 0.1:
        s2 = rng.uniform(0.5, 2)
    v = math.log(s * s)
    k = int(rng.integers(1, 5))
    mus, vs = rng.normal(size=(2, k))
    j = int(rng.integers(k))

    def kl_numeric(a1, b1, a2, b2):                   # KL(N(a1, b1^2) || N(a2, b2^2)) by quadrature
        t = np.linspace(a1 - 12 * b1, a1 + 12 * b1, 200001)
        logp = -0.5 * ((t - a1) / b1) ** 2 - math.log(b1 * math.sqrt(2 * math.pi))
        logq = -0.5 * ((t - a2) / b2) ** 2 - math.log(b2 * math.sqrt(2 * math.pi))
        return np.trapezoid(np.exp(logp) * (logp - logq), t)

    KL = lambda a1, b1, a2, b2: math.log(b2 / b1) + (b1**2 + (a1 - a2) ** 2) / (2 * b2**2) - 0.5  # noqa: E731
    K = lambda mu, v: 0.5 * (mu**2 + math.exp(v) - 1 - v)  # noqa: E731
    return {
        "6": [kl_numeric(m1, s1, m2, s2), KL(m1, s1, m2, s2)],
        "13": [d(lambda a: KL(a, s1, m2, s2), m1), (m1 - m2) / s2**2],
        "14": [d(lambda b: KL(m1, b, m2, s2), s1), 1 / s1 + s1 / s2**2],
        "15": [d(lambda b: KL(m1, s1, m2, b), s2), 1 / s2 - (s1**2 + (m1 - m2) ** 2) / (2 * s2**3)],
        "19": [KL(m1, s1, m2, s2), KL(m2, s2, m1, s1)],
        "21": [KL(m1, s, m2, s), (m1 - m2) ** 2 / (2 * s**2)],
        "29": [KL(mu, s, 0, 1), 0.5 * (mu**2 + s**2 - 1 - math.log(s**2)), 0.5 * (mu**2 + math.exp(v) - 1 - v)],
        "33": [KL(mu, s, 0, 1), 0.5 * (mu**2 + s**2 - 1 - math.log(s))],
        "37": [d(lambda a: K(a, v), mu), mu], "37.2": [d(lambda w: K(mu, w), v), 0.5 * math.exp(v)],
        "37.3": [d(lambda b: K(mu, math.log(b * b)), s), s - 1 / s],
        "40": [s, math.exp(v / 2)],
        "44": [partial(lambda w: sum(K(mus[i], w[i]) for i in range(k)), vs, j), 0.5 * (math.exp(vs[j]) - 1)],
    }


@document("84_rmsnorm_backward")
def _(rng):
    n = int(rng.integers(2, 6))
    x, g, a = rng.normal(size=(3, n))
    eps = rng.uniform(0.01, 1)
    c = rng.uniform(0.2, 3)
    i, j = int(rng.integers(n)), int(rng.integers(n))
    rr = lambda x, eps=eps: math.sqrt(np.mean(x**2) + eps)  # noqa: E731
    y = lambda x, g=g, eps=eps: g * x / rr(x, eps)  # noqa: E731
    L = lambda y: a @ y + 0.25 * np.sum(y**4)  # noqa: E731
    r = rr(x)
    yb = a + y(x) ** 3                                   # dL/dy at y(x)
    J = jac(y, x)
    I = np.eye(n)
    dLx = grad(lambda x: L(y(x)), x)
    y0 = lambda x: y(x, eps=0.0)  # noqa: E731
    return {
        "13": [partial(rr, x, j), 1 / (2 * r) * 2 * x[j] / n, x[j] / (n * r)],
        "16": [partial(rr, x, j), x[j] / r],
        "21": [J[i, j], g[i] * delta(i, j) / r - g[i] * x[i] / r**2 * x[j] / (n * r),
               g[i] / r * (delta(i, j) - x[i] * x[j] / (n * r**2))],
        "24": [J, np.diag(g) @ (I - np.outer(x, x) / (n * r**2)) / r],
        "25": [J, (I - np.outer(x, x) / (n * r**2)) @ np.diag(g) / r],
        "31": [dLx[j], sum(yb[k] * J[k, j] for k in range(n)),
               (g[j] * yb[j] - x[j] / (n * r**2) * np.sum(g * yb * x)) / r],
        "36": [partial(lambda g: L(y(x, g=g)), g, i), np.sum(yb * x) / r],
        "37": [dLx[j], g[j] * yb[j] / r],
        "40": [y0(c * x), y0(x)], "40.2": [y0(-x), y0(x)],
        "41": [np.mean(x**2 / rr(x, 0.0) ** 2), 1],
        "45": [d(lambda t: L(y0(x * (1 + t))), 0.0), 0],     # sum_j x_j dL/dx_j: the derivative along x
    }


@document("85_label_smoothing")
def _(rng):
    K = int(rng.integers(2, 7))
    z = rng.normal(size=K) * 2
    c, j = int(rng.integers(K)), int(rng.integers(K))
    k = int((c + rng.integers(1, K)) % K)                # k != c
    eps = rng.uniform(0.05, 0.95)
    one = lambda a, b: 1.0 if a == b else 0.0  # noqa: E731
    q = np.array([(1 - eps) * one(m, c) + eps / K for m in range(K)])
    p = softmax(z)
    L = lambda z: -np.sum(q * np.log(softmax(z)))  # noqa: E731
    zo = np.log(q) + rng.normal()                       # logits at the optimum, p = q
    others = [m for m in range(K) if m != c]
    return {
        "8.2": [np.sum(q), 1],
        "15": [L(z), -(1 - eps) * math.log(p[c]) - eps / K * np.sum(np.log(p)),
               lse(z) - (1 - eps) * z[c] - eps / K * np.sum(z)],
        "20": [math.log(p[k]), z[k] - lse(z)],
        "23": [partial(L, z, j), p[j] - (1 - eps) * one(j, c) - eps / K, p[j] - q[j]],
        "26": [partial(L, z, j), p[j] - (1 - eps) * one(j, c)],
        "32": [zo[c] - zo[k], math.log(q[c] / q[k]), math.log((1 - eps + eps / K) / (eps / K))],
        "35": [zo[c] - zo[k], math.log((1 - eps) / eps)],
        "38": [sum(q[m] for m in others), (K - 1) * eps / K], "38.2": [sum(q[m] for m in others), eps],
        "42": [L(z), -np.sum(q * np.log(q)) + np.sum(q * np.log(q / p))],
        "43": [L(z), -math.log(p[c]) + eps * np.sum(np.log(p))],
    }


@document("86_pooling_gradients")
def _(rng):
    n = int(rng.integers(2, 7))
    x = rng.normal(size=n) * 2
    j = int(rng.integers(n))
    istar = int(np.argmax(x))
    jo = int((istar + rng.integers(1, n)) % n)           # j != i*
    tau, s = rng.uniform(0.2, 3), rng.normal()
    xp = rng.uniform(0.2, 3, size=n)
    p = rng.uniform(1.5, 4)
    mt = lambda x: tau * lse(x / tau)  # noqa: E731
    gp = lambda x: np.mean(x**p) ** (1 / p)  # noqa: E731
    soft = softmax(x / tau)
    S = np.mean(xp**p)
    x1, x2 = x[0], x[1]
    return {
        "5.2": [partial(np.mean, x, j), 1 / n],
        "8.2": [partial(np.max, x, istar), 1], "9": [partial(np.max, x, jo), 0],
        "9.2": [partial(np.max, x, j), 1 / n],
        "13": [max(x1, x2), (x1 + x2 + abs(x1 - x2)) / 2],
        "13.2": [d(lambda t: max(t, x2), x1), (1 + np.sign(x1 - x2)) / 2],
        "17": [min(x1, x2), (x1 + x2 + abs(x1 - x2)) / 2],
        "23": [partial(mt, x, j), soft[j]], "26": [np.sum(grad(mt, x)), 1],
        "27": [partial(mt, x, j), soft[j] / tau],
        "28": [mt(x + s), mt(x) + s], "29": [mt(np.zeros(n)), tau * math.log(n)],
        "34": [partial(gp, xp, j), S ** (1 / p - 1) / p * p * xp[j] ** (p - 1) / n,
               xp[j] ** (p - 1) * gp(xp) ** (1 - p) / n],
        "37.2": [partial(gp, xp, j), xp[j] ** (p - 1) * gp(xp) ** (1 - p)],
        "38": [partial(gp, xp, j), xp[j] ** (p - 1) * gp(xp) ** (p - 1) / n],
    }


@document("87_appendix_power_iteration")
def _(rng):
    n = int(rng.integers(2, 5))
    M = rng.normal(size=(n, n))
    A = M + M.T
    B = rng.normal(size=(n, n))
    x = rng.normal(size=n)
    c = rng.choice([-1, 1]) * rng.uniform(0.2, 3)
    lam, V = np.linalg.eigh(A)
    iv = int(rng.integers(n))
    v = V[:, iv] * rng.uniform(0.5, 2)
    R = lambda x: (x @ A @ x) / (x @ x)  # noqa: E731
    gR = lambda x: grad(R, x)  # noqa: E731
    k = int(rng.integers(1, 7))
    A2 = np.array([[2.0, 1.0], [1.0, 2.0]])
    x0 = np.array([1.0, 0.0])
    Ak = np.linalg.matrix_power(A2, k) @ x0
    xk = Ak / np.linalg.norm(Ak)
    u1, u2 = np.array([1, 1]) / math.sqrt(2), np.array([1, -1]) / math.sqrt(2)
    tan = abs(xk @ u2) / abs(xk @ u1)
    R2 = lambda x: (x @ A2 @ x) / (x @ x)  # noqa: E731
    a, b, cc = rng.normal(size=3)
    l2, l1 = np.linalg.eigvalsh(np.array([[a, b], [b, cc]]))
    return {
        "12": [grad(lambda x: x @ A @ x, x), 2 * A @ x],
        "12.2": [grad(lambda x: x @ B @ x, x), (B + B.T) @ x], "13": [grad(lambda x: x @ B @ x, x), 2 * B @ x],
        "13.2": [grad(lambda x: x @ x, x), 2 * x],
        "15": [gR(x), (2 * A @ x * (x @ x) - (x @ A @ x) * 2 * x) / (x @ x) ** 2, 2 / (x @ x) * (A @ x - R(x) * x)],
        "20": [gR(x), 2 * A @ x - 2 * R(x) * x],
        "22": [R(c * x), R(x)], "23": [x @ gR(x), 0],
        "23.3": [R(v), lam[iv]], "23.4": [gR(v), np.zeros(n)],
        "33": [Ak, 3**k / 2 * np.array([1, 1]) + 0.5 * np.array([1, -1]), 0.5 * np.array([3**k + 1, 3**k - 1])],
        "37": [tan, 3.0**-k], "37.2": [R2(xk), 3 - 2 / (9**k + 1)],
        "38": [tan, 9.0**-k], "38.2": [R2(xk), 3 - 2 / (3**k + 1)],
        "43": [l1 + l2, a + cc], "43.2": [l1 * l2, a * cc - b * b],
        "44": [l1, (a + cc + math.sqrt((a - cc) ** 2 + 4 * b * b)) / 2],
        "44.2": [(a - cc) ** 2 + 4 * b * b, (a + cc) ** 2 - 4 * (a * cc - b * b)],
        "46": [l1 * l2, a * cc + b * b], "46.2": [l1, (a + cc + math.sqrt((a + cc) ** 2 + 4 * b * b)) / 2],
    }


@document("88_det_2x2_cheatsheet")
def _(rng):
    a, b, c, dd = rng.normal(size=4)
    X = np.array([[a, b], [c, dd]])
    Y = rng.normal(size=(2, 2))
    y11, y12, y21, y22 = Y.ravel()
    t = rng.normal()
    I = np.eye(2)
    det = np.linalg.det
    Xi = np.linalg.inv(X)
    D = det(X)
    mixed = a * y22 + dd * y11 - b * y21 - c * y12
    Xp = X if D > 0 else X[::-1]                        # a matrix of positive determinant for line 41
    return {
        "9": [Xi, np.array([[dd, -b], [-c, a]]) / (a * dd - b * c)],
        "12": [Xi, np.array([[dd, b], [c, a]]) / (a * dd - b * c)],
        "17": [det(2 * X), 4 * D], "17.2": [det(2 * X), 2 * D], "17.3": [det(X.T), D],
        "23": [det(X + Y), D + det(Y) + mixed], "26": [det(X + Y), D + det(Y)],
        "27": [det(X + t * I), t * t + t * np.trace(X) + D],
        "27.2": [X @ X - np.trace(X) * X + D * I, np.zeros((2, 2))],
        "29": [partial(det, X, (0, 0)), dd], "29.2": [partial(det, X, (0, 1)), -c],
        "32": [grad(det, X), np.array([[dd, -c], [-b, a]]), D * Xi.T],
        "35": [grad(det, X), D * Xi],
        "38": [d(lambda s: det(X + s * Y), 0.0), D * np.trace(Xi @ Y), mixed],
        "41": [grad(lambda M: math.log(det(M)), Xp), np.linalg.inv(Xp).T],
        "42": [d(lambda s: det(X + s * Y), 0.0), np.trace(Y) * D],
    }


@document("89_linear_rnn_geometric")
def _(rng):
    T = int(rng.integers(2, 8))
    w = rng.choice([-1, 1]) * rng.uniform(0.2, 0.9) if rng.random() < 0.7 else rng.uniform(1.1, 1.5)
    u, x, y = rng.normal(size=3)
    xs = rng.normal(size=T + 1)                         # xs[t] is x_t; xs[0] unused
    t = int(rng.integers(0, T + 1))

    def run(w=w, u=u, xs=xs, start=0, h=0.0):            # the states h_start..h_T from h_start = h
        hs = {start: h}
        for s in range(start + 1, T + 1):
            h = w * h + u * xs[s]
            hs[s] = h
        return hs

    H = run()
    hT = H[T]
    ks = np.arange(1, T + 1)
    L = lambda hT: 0.5 * (hT - y) ** 2  # noqa: E731
    cx = np.full(T + 1, x)
    hc = lambda w: run(w=w, xs=cx)[T]  # noqa: E731
    geo = lambda w: (1 - w**T) / (1 - w)  # noqa: E731
    js = np.arange(1, T)
    return {
        "12": [hT, np.sum(w ** (T - ks) * u * xs[1:])],
        "12.2": [d(lambda h: run(start=t, h=h)[T], H[t]), w ** (T - t)],
        "15": [hT, np.sum(w ** (T - ks + 1) * u * xs[1:])],
        "20": [hc(w), u * x * sum(w**j for j in range(T)), u * x * geo(w)],
        "25": [hc(w), u * x * (1 - w ** (T + 1)) / (1 - w)],
        "31": [d(lambda p: L(run(w=p)[T]), w), sum((hT - y) * w ** (T - s) * H[s - 1] for s in ks),
               (hT - y) * sum(w ** (T - s) * H[s - 1] for s in ks)],
        "35": [d(lambda p: L(run(w=p)[T]), w), (hT - y) * sum(w ** (T - s) * H[s] for s in ks)],
        "36": [d(lambda p: L(run(u=p)[T]), u), (hT - y) * np.sum(w ** (T - ks) * xs[1:])],
        "41": [d(hc, w), u * x * np.sum(js * w ** (js - 1.0)), u * x * d(geo, w)],
        "42": [d(hc, w), u * x * np.sum(js * w ** (js * 1.0))],
    }


@document("90_nb_logistic_hessian_irls")
def _(rng):
    N, dd = int(rng.integers(4, 9)), int(rng.integers(2, 4))
    X = rng.normal(size=(N, dd))
    y = (rng.random(N) < 0.5).astype(float)
    w, v = rng.normal(size=(2, dd))
    lam = rng.uniform(0.1, 2)
    i, j, k = int(rng.integers(N)), int(rng.integers(dd)), int(rng.integers(dd))
    nll_i = lambda w, i: -(y[i] * math.log(sig(X[i] @ w)) + (1 - y[i]) * math.log(1 - sig(X[i] @ w)))  # noqa: E731
    nll = lambda w: sum(nll_i(w, m) for m in range(N))  # noqa: E731
    p = sig(X @ w)
    S = np.diag(p * (1 - p))
    gnll = lambda w: X.T @ (sig(X @ w) - y)  # noqa: E731  (the gradient, itself checked against nll on cell 3, line 6)
    H = jac(gnll, w)
    Hl = H + np.array([[partial2(lambda w: lam / 2 * w @ w, w, a, b) for b in range(dd)] for a in range(dd)])
    A = X.T @ S @ X
    Ai = np.linalg.inv(A)
    z = X @ w - np.linalg.inv(S) @ (p - y)
    z2 = X @ w + np.linalg.inv(S) @ (p - y)
    wnew = w - Ai @ X.T @ (p - y)
    terms = [at(X, j, m) if at(X, j, m) is UNDEFINED else p[m] * (1 - p[m]) * X[j, m] * at(X, k, m) for m in range(N)]
    swapped = UNDEFINED if any(t is UNDEFINED for t in terms) else sum(terms)
    return {
        "3:3": [grad(lambda w: nll_i(w, i), w), (p[i] - y[i]) * X[i]],
        "3:6": [grad(nll, w), sum((p[m] - y[m]) * X[m] for m in range(N)), X.T @ (p - y)],
        "3:9": [grad(nll, w), X.T @ (y - p)],
        "3:10": [d(sig, w[0]), sig(w[0]) * (1 - sig(w[0]))],
        "3:14": [H, sum(p[m] * (1 - p[m]) * np.outer(X[m], X[m]) for m in range(N)), A],
        "3:19": [H[j, k], swapped], "3:20": [H, UNDEFINED if mat(X, S) is UNDEFINED else mat(mat(X, S), X.T)],
        "3:24": [v @ H @ v, np.sum(p * (1 - p) * (X @ v) ** 2)],
        "3:28": [Hl, A + lam * np.eye(dd)], "3:28.2": [Hl, A + lam / 2 * np.eye(dd)],
        "5:7": [wnew, Ai @ X.T @ S @ (X @ w - np.linalg.inv(S) @ (p - y)), Ai @ X.T @ S @ z],
        "5:10.2": [Ai @ X.T @ S @ z2, w + Ai @ X.T @ (p - y)],
        "5:11": [wnew, Ai @ X.T @ S @ z2],
    }


@document("91_policy_gradient_softmax")
def _(rng):
    K = int(rng.integers(2, 6))
    th, r = rng.normal(size=(2, K))
    a, c = int(rng.integers(K)), int(rng.integers(K))
    beta = rng.normal()
    x, mu = rng.normal(size=2)
    s = rng.uniform(0.3, 2)
    while abs(s - 1) < 0.05:
        s = rng.uniform(0.3, 2)
    pi = softmax(th)
    E = np.eye(K)
    score = lambda b: grad(lambda t: math.log(softmax(t)[b]), th)  # noqa: E731
    J = lambda t: softmax(t) @ r  # noqa: E731
    H = lambda t: -np.sum(softmax(t) * np.log(softmax(t)))  # noqa: E731
    gJ = grad(J, th)
    logp = lambda x, mu, s: -(x - mu) ** 2 / (2 * s * s) - math.log(s) - 0.5 * math.log(2 * math.pi)  # noqa: E731
    dens = lambda x, mu, s: math.exp(-(x - mu) ** 2 / (2 * s * s)) / (s * math.sqrt(2 * math.pi))  # noqa: E731
    return {
        "7": [math.log(pi[a]), th[a] - lse(th)],
        "10": [score(a), E[a] - pi], "13": [score(a), (1 - pi[a]) * E[a]],
        "18": [gJ, sum(pi[b] * r[b] * score(b) for b in range(K)), sum(pi[b] * r[b] * (E[b] - pi) for b in range(K))],
        "21": [gJ[c], pi[c] * (r[c] - J(th))], "22": [gJ[c], pi[c] * r[c]],
        "23": [sum(pi[b] * score(b) for b in range(K)), np.zeros(K)],
        "26": [sum(pi[b] * (r[b] - beta) * score(b) for b in range(K)), gJ],
        "32": [partial(H, th, c), -sum((math.log(pi[b]) + 1) * pi[b] * (delta(b, c) - pi[c]) for b in range(K)),
               -pi[c] * (math.log(pi[c]) + H(th))],
        "35": [partial(H, th, c), -pi[c] * math.log(pi[c])],
        "39": [math.log(dens(x, mu, s)), logp(x, mu, s)],
        "42": [d(lambda m: logp(x, m, s), mu), (x - mu) / s**2],
        "42.2": [d(lambda q: logp(x, mu, q), s), (x - mu) ** 2 / (2 * s**3) - 1 / s],
        "42.3": [d(lambda m: logp(x, m, s), mu), (x - mu) / s],
    }


@document("92_notes_kernels")
def _(rng):
    m = int(rng.integers(1, 3))
    x, x2 = rng.uniform(-1.5, 1.5, size=(2, m))
    ell = rng.uniform(0.7, 2)
    k = lambda a, b, ell=ell: math.exp(-np.sum((a - b) ** 2) / (2 * ell**2))  # noqa: E731

    def phi(a, terms=40):                                # the explicit RBF feature map, truncated
        one = [np.array([math.exp(-t * t / (2 * ell**2)) * (t / ell) ** n / math.sqrt(math.factorial(n))
                         for n in range(terms)]) for t in a]
        out = one[0]
        for f in one[1:]:
            out = np.outer(out, f).ravel()
        return out

    u, v = rng.normal(size=(2, 2))
    psi = lambda a: np.array([a[0] ** 2, a[1] ** 2, math.sqrt(2) * a[0] * a[1],  # noqa: E731
                              math.sqrt(2) * a[0], math.sqrt(2) * a[1], 1.0])
    u1, u2, v1, v2 = u[0], u[1], v[0], v[1]
    N = int(rng.integers(2, 6))
    xs = rng.normal(size=(N, m))
    y = rng.normal(size=N)
    lam = rng.uniform(0.1, 2)
    K = np.array([[k(a, b) for b in xs] for a in xs])
    I = np.eye(N)
    alpha = np.linalg.solve(K + lam * I, y)
    f = K @ alpha
    dist = np.sum((phi(x) - phi(x2)) ** 2)
    return {
        "15": [grad(lambda a: k(a, x2), x), -(x - x2) / ell**2 * k(x, x2)],
        "16": [d(lambda l: k(x, x2, l), ell), np.sum((x - x2) ** 2) / (2 * ell**3) * k(x, x2)],
        "19.2": [k(x, x), 1],
        "22": [dist, k(x, x) + k(x2, x2) - 2 * k(x, x2), 2 - 2 * k(x, x2)],
        "24": [dist, 2 - k(x, x2)],
        "29": [psi(u) @ psi(v), u1**2 * v1**2 + u2**2 * v2**2 + 2 * u1 * u2 * v1 * v2 + 2 * u1 * v1 + 2 * u2 * v2 + 1,
               (u @ v + 1) ** 2],
        "31": [u1**2 * v1**2 + u2**2 * v2**2 + u1 * u2 * v1 * v2 + u1 * v1 + u2 * v2 + 1, (u @ v + 1) ** 2],
        "37": [y - f, y - K @ np.linalg.inv(K + lam * I) @ y, lam * np.linalg.inv(K + lam * I) @ y, lam * alpha],
        "39": [y - f, lam * np.linalg.solve(K, y)],
    }


@document("93_nb_mixture_responsibilities")
def _(rng):
    K = int(rng.integers(2, 5))
    a = rng.normal(size=K)
    pis = softmax(a)
    mu = rng.normal(size=K)
    s = rng.uniform(0.5, 2, size=K)
    x = rng.normal()
    k = int(rng.integers(K))
    dens = lambda x, m, s: np.exp(-(x - m) ** 2 / (2 * s * s)) / (s * math.sqrt(2 * math.pi))  # noqa: E731
    N = dens(x, mu, s)
    p = pis @ N
    gam = pis * N / p
    logp = lambda a=a, mu=mu, s=s: math.log(softmax(a) @ dens(x, mu, s))  # noqa: E731
    # cell 5: two components with a shared standard deviation
    sh = rng.uniform(0.5, 2)
    m1, m2 = rng.normal(size=2)
    w1 = rng.uniform(0.1, 0.9)
    n1, n2 = w1 * dens(x, m1, sh), (1 - w1) * dens(x, m2, sh)
    g1, g2 = n1 / (n1 + n2), n2 / (n1 + n2)
    lo = math.log(w1 / (1 - w1))
    return {
        "1:10": [np.sum(gam), 1],
        "3:3": [partial(lambda m: dens(x, m, s), mu, k)[k], N[k] * (x - mu[k]) / s[k] ** 2],
        "3:7": [partial(lambda m: logp(mu=m), mu, k), pis[k] / p * N[k] * (x - mu[k]) / s[k] ** 2,
                gam[k] * (x - mu[k]) / s[k] ** 2],
        "3:9": [partial(lambda q: logp(s=q), s, k), gam[k] * (x - mu[k]) ** 2 / s[k] ** 3],
        "3:13": [partial(lambda m: logp(mu=m), mu, k), pis[k] * (x - mu[k]) / s[k] ** 2],
        "3:17": [partial(lambda b: logp(a=b), a, k), gam[k] - pis[k]],
        "3:17.2": [partial(lambda b: logp(a=b), a, k), gam[k]],
        "5:6": [math.log(g1 / g2), lo + ((x - m2) ** 2 - (x - m1) ** 2) / (2 * sh**2),
                lo + (m1 - m2) * x / sh**2 - (m1**2 - m2**2) / (2 * sh**2)],
        "5:9": [g1, sig(math.log(g1 / g2))],
        "5:10": [math.log(g1 / g2), lo + (m1 - m2) * x / (2 * sh**2) - (m1**2 - m2**2) / (2 * sh**2)],
    }


@document("94_robust_losses_logcosh_cauchy")
def _(rng):
    r = rng.choice([-1, 1]) * rng.uniform(0.1, 4)
    x, y, th = rng.normal(size=3)
    dl, c = rng.uniform(0.3, 3, size=2)
    L = lambda r: math.log(math.cosh(r))  # noqa: E731
    Hd = lambda r: dl**2 * (math.sqrt(1 + (r / dl) ** 2) - 1)  # noqa: E731
    rho = lambda r: c**2 / 2 * math.log(1 + (r / c) ** 2)  # noqa: E731
    q = 1 + (r / dl) ** 2
    return {
        "11": [d(L, r), math.sinh(r) / math.cosh(r), math.tanh(r)],
        "11.2": [d2r(L, r), 1 - math.tanh(r) ** 2, 1 / math.cosh(r) ** 2],
        "17": [L(r), abs(r) + math.log(1 + math.exp(-2 * abs(r))) - math.log(2)],
        "20": [L(r), abs(r) - math.log(2)], "21": [d(L, r), 1 / math.cosh(r)],
        "25": [d(lambda t: L(y - t * x), th), -x * math.tanh(y - th * x)],
        "28": [d(lambda t: L(y - t * x), th), x * math.tanh(y - th * x)],
        "35": [d(Hd, r), dl**2 * (2 * r / dl**2) / (2 * math.sqrt(q)), r / math.sqrt(q)],
        "36": [d2r(Hd, r), q**-0.5],
        "44": [d(rho, r), r / (1 + (r / c) ** 2)],
        "44.2": [d(rho, r) / r, 1 / (1 + (r / c) ** 2), c**2 / (c**2 + r**2)],
        "47": [d(rho, r) / r, c**2 / (c**2 + r**2) ** 2],
    }


@document("95_soft_dice_loss")
def _(rng):
    n = int(rng.integers(2, 7))
    z = rng.normal(size=n) * 2
    p = sig(z)
    y = (rng.random(n) < 0.5).astype(float)
    y[int(rng.integers(n))] = 1.0                         # at least one foreground pixel
    j = int(rng.integers(n))
    j0 = int(rng.integers(n))
    y[j0] = 0.0 if y.sum() > 1 else y[j0]
    if y[j0] != 0.0:                                      # a background pixel for line 18
        j0 = (j0 + 1) % n
        y[j0] = 0.0
    Af = lambda p: np.sum(p * y)  # noqa: E731
    Bf = lambda p: np.sum(p) + np.sum(y)  # noqa: E731
    D = lambda p: 2 * Af(p) / Bf(p)  # noqa: E731
    D2 = lambda p: 2 * Af(p) / (np.sum(p**2) + np.sum(y**2))  # noqa: E731
    A, B = Af(p), Bf(p)
    B2 = np.sum(p**2) + np.sum(y**2)
    J = A / (B - A)
    Dv = D(p)
    return {
        "11": [partial(Af, p, j), y[j]], "11.2": [partial(Bf, p, j), 1],
        "14": [partial(D, p, j), (2 * y[j] * B - 2 * A) / B**2, 2 * (y[j] * B - A) / B**2],
        "14.2": [partial(lambda p: 1 - D(p), p, j), 2 * (y[j] * B - A) / B**2],
        "17": [partial(D, p, j), 2 * y[j] / B], "18.2": [partial(D, p, j0), -2 * A / B**2],
        "21": [partial(lambda z: D(sig(z)), z, j), 2 * (y[j] * B - A) / B**2 * p[j] * (1 - p[j])],
        "28": [partial(D2, p, j), (2 * y[j] * B2 - 2 * A * 2 * p[j]) / B2**2, 2 * (y[j] * B2 - A) / B2**2],
        "33.2": [J, A / B],
        "37": [Dv, 2 * J / (1 + J)], "37.2": [J, Dv / (2 - Dv)], "37.3": [Dv, J / (1 + J)],
        "40.2": [Af(y), np.sum(y)], "40.3": [D(y), 1],
    }


@document("96_ema_bias_correction")
def _(rng):
    beta = rng.uniform(0.1, 0.95)
    t = int(rng.integers(1, 8))
    g = rng.normal(size=t + 1)                          # g[i] is g_i; g[0] unused
    i = int(rng.integers(1, t + 1))

    def ema(g, upto=t):
        m = 0.0
        for s in range(1, upto + 1):
            m = beta * m + (1 - beta) * g[s]
        return m

    m, mp = ema(g), ema(g, t - 1)
    ii = np.arange(1, t + 1)
    c = rng.normal()                                    # lines 32-34: constant gradients g_i = c
    mc = ema(np.full(t + 1, c))
    ks = np.arange(0, 4000)
    return {
        "14": [m, (1 - beta) * np.sum(beta ** (t - ii) * g[1:]),
               (1 - beta) * g[t] + beta * (1 - beta) * sum(beta ** (t - 1 - j) * g[j] for j in range(1, t))],
        "19": [m, (1 - beta) * np.sum(beta ** (ii - 1) * g[1:])],
        "23": [m - mp, (1 - beta) * (g[t] - mp)], "23.2": [m - mp, (1 - beta) * (g[t] - m)],
        "29": [(1 - beta) * np.sum(beta ** (t - ii)), 1 - beta**t],
        "29.2": [(1 - beta) * np.sum(beta ** (t - ii)), 1 - beta ** (t + 1)],
        "32.2": [mc, (1 - beta**t) * c], "33.2": [mc / (1 - beta**t), c], "34": [mc / (1 - beta), c],
        "37": [partial(ema, g, i), (1 - beta) * beta ** (t - i)], "37.2": [partial(ema, g, i), beta ** (t - i)],
        "40": [np.sum(ks * (1 - beta) * beta**ks), beta / (1 - beta)],
        "40.2": [np.sum(ks * (1 - beta) * beta**ks), 1 / (1 - beta)],
    }


@document("97_gradient_clipping_norm")
def _(rng):
    n = int(rng.integers(1, 6))
    g = rng.normal(size=n)
    N = np.linalg.norm(g)
    c = N * (rng.uniform(0.2, 0.9) if rng.random() < 0.5 else rng.uniform(1.1, 3))
    clip = lambda v: v if np.linalg.norm(v) <= c else c / np.linalg.norm(v) * v  # noqa: E731
    norm = lambda v: np.linalg.norm(v)  # noqa: E731
    u = lambda v: c * v / np.linalg.norm(v)  # noqa: E731
    J = jac(u, g)
    I = np.eye(n)
    cb = N / rng.uniform(1.1, 3)                         # line 33: a threshold below ||g||
    clipb = cb / N * g
    return {
        "12": [clip(g), min(1, c / N) * g], "12.2": [norm(clip(g)), min(N, c)],
        "15": [clip(g), min(1, N / c) * g],
        "20": [grad(norm, g), g / N], "20.2": [grad(lambda v: v @ v, g), 2 * g], "20.3": [grad(norm, g), 2 * g / N],
        "26": [J, c / N * (I - np.outer(g, g) / N**2), c / N * I - c / N**3 * np.outer(g, g)],
        "29": [J @ g, np.zeros(n)], "30": [J, c / N * (I - np.outer(g, g))],
        "33": [g @ clipb / (N * norm(clipb)), 1], "33.2": [g @ clipb, cb * N], "35": [norm(clip(g)), c],
    }


@document("98_xavier_variance")
def _(rng):
    n, m = int(rng.integers(1, 4)), int(rng.integers(1, 4))
    while m == n:
        m = int(rng.integers(1, 4))
    vx, vw, vd = rng.uniform(0.2, 2, size=3)

    def law(v):                                          # a zero-mean three-point law with variance v: (values, probabilities)
        s, p = rng.normal(size=3), rng.dirichlet(np.ones(3))
        s = s - p @ s
        return s * math.sqrt(v / (p @ s**2)), p

    def var(laws, f):                                    # the exact variance of f(values) for independent laws
        import itertools
        e1 = e2 = 0.0
        for pick in itertools.product(range(3), repeat=len(laws)):
            pr = math.prod(l[1][k] for l, k in zip(laws, pick))
            val = f([l[0][k] for l, k in zip(laws, pick)])
            e1, e2 = e1 + pr * val, e2 + pr * val * val
        return e2 - e1 * e1

    xs = [law(vx) for _ in range(n)]
    ws = [law(vw) for _ in range(n)]
    wunit = [(s / math.sqrt(vw), p) for s, p in ws]
    dot = lambda v: sum(v[k] * v[k + len(v) // 2] for k in range(len(v) // 2))  # noqa: E731
    Vy = var(ws + xs, dot)
    j = int(rng.integers(n))
    Vwx = var([ws[j], xs[j]], lambda v: v[0] * v[1])
    moment = lambda l: l[1] @ l[0] ** 2  # noqa: E731
    ds = [law(vd) for _ in range(m)]
    wm = [law(vw) for _ in range(m)]
    Vb = var(wm + ds, dot)
    wmunit = [(s / math.sqrt(vw), p) for s, p in wm]
    a = rng.uniform(0.2, 2)
    nodes, weights = np.polynomial.legendre.leggauss(8)
    integral = lambda f, lo, hi: (hi - lo) / 2 * np.sum(weights * f((hi - lo) / 2 * nodes + (hi + lo) / 2))  # noqa: E731
    uvar = lambda a: integral(lambda w: w**2 / (2 * a), -a, a) - integral(lambda w: w / (2 * a), -a, a) ** 2  # noqa: E731
    lo, hi = 1e-6, 10.0                                  # line 31: the bound a with Var(U(-a, a)) = 2 / (n + m)
    for _ in range(200):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if uvar(mid) < 2 / (n + m) else (lo, mid)
    ab = (lo + hi) / 2
    zs, zp = rng.uniform(0.1, 2, size=3), rng.dirichlet(np.ones(3)) / 2   # z = +-zs with probabilities zp each
    relu2 = np.sum(zp * zs**2)
    z2 = 2 * np.sum(zp * zs**2)
    return {
        "10": [Vy, sum(var([ws[k], xs[k]], lambda v: v[0] * v[1]) for k in range(n)),
               sum(moment(ws[k]) * moment(xs[k]) for k in range(n)), n * vw * vx],
        "13": [Vy, m * vw * vx], "13.2": [Vwx, vw + vx],
        "14.2": [vx / var(wunit + xs, dot), 1 / n],
        "20": [Vb, sum(var([wm[k], ds[k]], lambda v: v[0] * v[1]) for k in range(m)), m * vw * vd],
        "23": [vd / var(wmunit + ds, dot), 1 / m],
        "28": [uvar(a), integral(lambda w: w**2, -a, a) / (2 * a), a**2 / 3],
        "31.2": [ab, math.sqrt(6 / (n + m))], "31.3": [ab, math.sqrt(2 / (n + m))],
        "35": [relu2, z2 / 2], "36": [uvar(a), a**2 / 12], "35.2": [relu2, z2 / 4],
    }


@document("99_notes_log1p_series")
def _(rng):
    x = rng.uniform(-0.9, 0.9)
    n = int(rng.integers(1, 7))
    k = np.arange(0, 3000)
    k1 = k[1:]
    L = lambda t: math.log(1 + t)  # noqa: E731
    nodes, weights = np.polynomial.legendre.leggauss(40)
    integral = lambda f, lo, hi: (hi - lo) / 2 * np.sum(weights * f((hi - lo) / 2 * nodes + (hi + lo) / 2))  # noqa: E731
    head = sum((-1) ** (j + 1) * x**j / j for j in range(1, n + 1))
    odd = lambda x: 2 * np.sum(x ** (2 * k + 1) / (2 * k + 1))  # noqa: E731
    return {
        "10": [d(L, x), 1 / (1 + x), np.sum((-x) ** k)],
        "11": [d2(L, x), -1 / (1 + x) ** 2], "19": [d2(L, x), 1 / (1 + x) ** 2],
        "15": [L(x), np.sum((-1.0) ** k * x ** (k + 1) / (k + 1)), np.sum((-1.0) ** (k1 + 1) * x**k1 / k1)],
        "21": [L(x), np.sum((-1.0) ** k1 * x**k1 / k1)], "21.2": [d(L, x), np.sum((-x) ** k1)],
        "25": [math.log((1 + x) / (1 - x)), odd(x), 2 * math.atanh(x)],
        "27": [math.log((1 + x) / (1 - x)), 2 * np.sum(x ** (2 * k1 + 1) / (2 * k1 + 1))],
        "30": [math.log(2), odd(1 / 3)],
        "30.2": [math.log(1.5), np.sum((-1.0) ** (k1[:200] + 1) / (k1[:200] * 2.0 ** k1[:200]))],
        "35": [L(x) - head, (-1) ** n * integral(lambda t: t**n / (1 + t), 0, x)],
        "37": [L(x) - head, (-1) ** n * integral(lambda t: t ** (n + 1) / (1 + t), 0, x)],
    }


@document("100_bernoulli_kl_elbo")
def _(rng):
    q, p, pi = rng.uniform(0.05, 0.95, size=3)
    l1, l0 = rng.normal(size=2) * 2
    logit = lambda u: math.log(u / (1 - u))  # noqa: E731
    D = lambda q, p: q * math.log(q / p) + (1 - q) * math.log((1 - q) / (1 - p))  # noqa: E731
    KL = lambda a, b: sum(a_ * math.log(a_ / b_) for a_, b_ in ((a, b), (1 - a, 1 - b)))  # noqa: E731
    H = lambda q: -q * math.log(q) - (1 - q) * math.log(1 - q)  # noqa: E731
    dq = d(lambda t: D(t, p), q)
    dp = d(lambda t: D(q, t), p)
    ELBO = lambda q: q * l1 + (1 - q) * l0 - D(q, pi)  # noqa: E731
    logP = math.log(pi * math.exp(l1) + (1 - pi) * math.exp(l0))
    post = pi * math.exp(l1) / (pi * math.exp(l1) + (1 - pi) * math.exp(l0))
    lo, hi = 1e-12, 1 - 1e-12                             # q*: where dL/dq vanishes (L is concave)
    for _ in range(200):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if d(ELBO, mid) > 0 else (lo, mid)
    qs = (lo + hi) / 2
    return {
        "6": [KL(q, p), KL(q, p), D(q, p)],
        "12": [dq, math.log(q / p) - math.log((1 - q) / (1 - p)), logit(q) - logit(p)],
        "14": [d2(lambda t: D(t, p), q), 1 / q + 1 / (1 - q), 1 / (q * (1 - q))],
        "19": [dp, -q / p + (1 - q) / (1 - p), (p - q) / (p * (1 - p))],
        "22": [dq, math.log(q / p) + math.log((1 - q) / (1 - p))], "23": [dp, (q - p) / (p * (1 - p))],
        "23.2": [d2(lambda t: D(t, p), q), 1 / q - 1 / (1 - q)],
        "24": [D(q, 0.5), math.log(2) - H(q)], "24.3": [D(q, 0.5), H(q) - math.log(2)],
        "32": [logP - ELBO(q), KL(q, post)],
        "36": [logP, math.log(sum(prior * math.exp(l) for prior, l in ((pi, l1), (1 - pi, l0))))],
        "38": [logit(qs), l1 - l0 + logit(pi)], "38.2": [logit(qs), l1 - l0 - logit(pi)],
    }


@document("101_gumbel_logistic")
def _(rng):
    mu, x = rng.normal(size=2)
    beta = rng.uniform(0.3, 3)
    while abs(beta - 1) < 0.05:
        beta = rng.uniform(0.3, 3)
    s = rng.uniform(0.3, 3)
    while abs(s - 1) < 0.05:
        s = rng.uniform(0.3, 3)
    u = rng.uniform(0.02, 0.98)
    t = rng.normal() * 2
    K = int(rng.integers(2, 6))
    th = rng.normal(size=K)
    j = int(rng.integers(K))
    zf = lambda x: (x - mu) / beta  # noqa: E731
    F = lambda x: math.exp(-math.exp(-zf(x)))  # noqa: E731
    z = zf(x)
    G = lambda x: 1 / (1 + math.exp(-(x - mu) / s))  # noqa: E731
    lo, hi = mu - 50 * beta, mu + 50 * beta               # F^{-1}(u) by bisection
    for _ in range(200):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if F(mid) < u else (lo, mid)
    v = np.linspace(-10, 45, 400001)
    F0 = lambda v: np.exp(-np.exp(-v))  # noqa: E731
    f0 = lambda v: np.exp(-(v + np.exp(-v)))  # noqa: E731
    trap = lambda y: float(np.sum((y[1:] + y[:-1]) / 2 * np.diff(v)))  # noqa: E731
    others = [k for k in range(K) if k != j]
    pmax = trap(f0(v) * np.prod([F0(th[j] + v - th[k]) for k in others], axis=0))
    g = v + th.max()
    gmax = float(np.sum((lambda y: (y[1:] + y[:-1]) / 2 * np.diff(g))(
        f0(g - th[j]) * np.prod([F0(g - th[k]) for k in others], axis=0))))
    return {
        "6.2": [d(F, x), d(F, x), math.exp(-(z + math.exp(-z))) / beta],
        "9": [d(zf, x), 1 / beta], "9.2": [d(F, x), math.exp(-(z + math.exp(-z)))],
        "12": [(lo + hi) / 2, mu - beta * math.log(-math.log(u))], "12.2": [(lo + hi) / 2, mu + beta * math.log(-math.log(u))],
        "17.2": [d(G, x), G(x) * (1 - G(x)) / s], "17.3": [d(G, x), G(x) * (1 - G(x))],
        "22": [trap(f0(v) * (1 - F0(v - t))), trap(f0(v) * F0(v + t)), 1 / (1 + math.exp(-t))],
        "28": [pmax, gmax, softmax(th)[j]], "30": [pmax, th[j] / th.sum()],
    }


@document("102_gamma_tweedie_deviance")
def _(rng):
    y, mu = rng.uniform(0.2, 4, size=2)
    while abs(mu - 1) < 0.05:
        mu = rng.uniform(0.2, 4)
    eta = math.log(mu)
    p = rng.uniform(1.05, 1.95)
    dev = lambda y, m: 2 * ((y - m) / m - math.log(y / m))  # noqa: E731
    dp = lambda m: 2 * (y ** (2 - p) / ((1 - p) * (2 - p)) - y * m ** (1 - p) / (1 - p) + m ** (2 - p) / (2 - p))  # noqa: E731
    Vf = lambda m: m**p  # noqa: E731
    dmu = d(lambda m: dev(y, m), mu)
    deta = d(lambda e: dev(y, math.exp(e)), eta)
    dpm = d(dp, mu)
    return {
        "13": [dev(y, y), 0],
        "15": [dmu, 2 * (-y / mu**2 + 1 / mu), 2 * (mu - y) / mu**2],
        "17": [d(math.exp, eta), mu],
        "19": [deta, dmu * mu, 2 * (1 - y / mu), 2 * (1 - y * math.exp(-eta))],
        "21": [deta, 2 * (mu - y) / mu**2], "22": [dmu, 2 * (y - mu) / mu**2],
        "35": [dpm, 2 * (-y * mu**-p + mu ** (1 - p)), 2 * (mu - y) / Vf(mu)],
        "36": [dpm, 2 * (mu - y) / mu ** (p - 1)],
        "39": [d2r(dp, y), 2 / Vf(y), 2 * y**-p], "40": [d2r(dp, y), 2 / y],
    }


@document("103_squared_hinge_l2svm")
def _(rng):
    N, dd = int(rng.integers(2, 7)), int(rng.integers(1, 4))
    X = rng.normal(size=(N, dd))
    y = rng.choice([-1.0, 1.0], size=N)
    w = rng.normal(size=dd) * 1.5
    lam = rng.uniform(0.1, 2)
    J = lambda w: lam / 2 * w @ w + np.sum(np.maximum(0, 1 - y * (X @ w)) ** 2)  # noqa: E731
    gJ = grad(J, w)
    s = X @ w
    inside = y * s < 1
    h = lambda m: max(0.0, 1 - m) ** 2  # noqa: E731
    m = rng.normal() * 2
    ml = 1 - rng.uniform(0.1, 3)
    x1, y1 = X[0], y[0]
    one = lambda w: max(0.0, 1 - y1 * (w @ x1)) ** 2  # noqa: E731
    hinge1 = max(0.0, 1 - y1 * (w @ x1))
    return {
        "8": [gJ, lam * w - 2 * np.sum((y * (1 - y * s))[:, None] * X, axis=0)],
        "8.2": [gJ, lam * w - 2 * sum(y[i] * X[i] for i in range(N) if inside[i])],
        "14": [d(h, m), -2 * max(0.0, 1 - m)], "14.2": [d2(h, ml), 2],
        "17": [grad(lambda w: y1 * (w @ x1), w), y1 * x1],
        "20": [grad(one, w), -2 * y1 * hinge1 * x1],
        "27": [gJ, lam * w - 2 * sum(y[i] * (1 - y[i] * s[i]) * X[i] for i in range(N) if inside[i]),
               lam * w + 2 * sum((s[i] - y[i]) * X[i] for i in range(N) if inside[i]),
               lam * w - 2 * np.sum((y * np.maximum(0, 1 - y * s))[:, None] * X, axis=0)],
        "33": [y[0] ** 2, 1],
        "35": [grad(one, w), -2 * hinge1 * x1],
        "36": [gJ, lam * w - np.sum((y * np.maximum(0, 1 - y * s))[:, None] * X, axis=0)],
    }


@document("104_nb_noise_contrastive")
def _(rng):
    m, k = int(rng.integers(1, 5)), int(rng.integers(1, 6))
    th, c = rng.normal(size=m), rng.normal()
    phx, phy = rng.normal(size=m), rng.normal(size=(k, m))
    qx, qy = rng.uniform(0.1, 2), rng.uniform(0.1, 2, size=k)
    a = rng.normal() * 2
    s = lambda ph, th=th, c=c: th @ ph + c  # noqa: E731
    p = math.exp(s(phx))
    G = lambda ph, q, th=th, c=c: s(ph, th, c) - math.log(k * q)  # noqa: E731
    post = p / (k + 1) / (p / (k + 1) + qx * k / (k + 1))
    J = lambda th, c: -math.log(sig(G(phx, qx, th, c))) - sum(math.log(1 - sig(G(phy[j], qy[j], th, c))) for j in range(k))  # noqa: E731
    sy = np.array([sig(G(phy[j], qy[j])) for j in range(k)])
    gx = sig(G(phx, qx))
    return {
        "3:6": [post, p / (p + k * qx), 1 / (1 + k * qx * math.exp(-s(phx))), sig(G(phx, qx))],
        "3:10": [post, sig(s(phx) - k * math.log(qx))], "3:10.2": [post, p / (p + qx)],
        "3:11": [1 - sig(G(phx, qx)), k * qx / (p + k * qx)],
        "4:7": [d(lambda t: -math.log(sig(t)), a), sig(a) - 1],
        "4:7.2": [d(lambda t: -math.log(1 - sig(t)), a), sig(a)],
        "4:8": [d(lambda t: -math.log(1 - sig(t)), a), -sig(a)],
        "4:8.3": [d(lambda cc: G(phx, qx, th, cc), c), 1], "4:8.4": [grad(lambda t: G(phx, qx, t, c), th), phx],
        "4:8.2": [d(lambda cc: J(th, cc), c), 1 - gx + sy.sum()],
        "4:12": [d(lambda cc: J(th, cc), c), gx - 1 + sy.sum()],
        "4:13": [grad(lambda t: J(t, c), th), (gx - 1) * phx + sy @ phy],
        "4:17": [grad(lambda t: J(t, c), th), (gx - 1) * phx + sy @ phy / k],
    }


@document("105_lipschitz_constants")
def _(rng):
    xs = np.linspace(-40, 40, 800001)
    ds = sig(xs) * (1 - sig(xs))
    num = (sig(xs + H1) - sig(xs - H1)) / (2 * H1)
    R = rng.uniform(0.2, 3)
    while abs(R - 2) < 0.05:
        R = rng.uniform(0.2, 3)
    rs = np.linspace(-R, R, 10001)
    m, n = int(rng.integers(1, 5)), int(rng.integers(1, 5))
    W = rng.normal(size=(m, n)) * rng.uniform(0.3, 3)
    sv = np.linalg.svd(W, compute_uv=False)
    lmax = np.max(np.linalg.eigvalsh(W.T @ W))
    E = np.array([[1.0, 2.0], [2.0, 1.0]])
    return {
        "7": [np.max(num), np.max(ds), d(sig, 0.0), 1 / 4],
        "9": [np.max(1 - np.tanh(xs) ** 2), 1],
        "12": [np.max(num), 1 / 2], "13": [np.max(sig(xs)), 1],
        "14": [np.max(np.abs(2 * rs)), 2 * R], "14.2": [np.max(np.abs(2 * rs)), R**2],
        "19": [np.linalg.norm(W, 2), math.sqrt(lmax), sv[0]],
        "22": [np.linalg.norm(W, 2), lmax],
        "25.2": [E.T @ E, np.array([[5.0, 4.0], [4.0, 5.0]])], "25.3": [np.linalg.norm(E, 2), 3],
        "25.4": [np.linalg.norm(E, "fro"), math.sqrt(10)],
        "28": [np.linalg.norm(E, 2), math.sqrt(10)], "30": [np.linalg.norm(E, 2), 9],
    }


@document("106_score_function_bernoulli_poisson")
def _(rng):
    th, b = rng.normal(size=2) * 1.5
    f0, f1 = rng.normal(size=2)
    while abs(f1 - f0) < 0.1:
        f1 = rng.normal()
    b = b if abs(b) > 0.1 else 0.5
    p = sig(th)
    z = float(rng.integers(2))
    fz = f1 if z else f0
    logP = lambda z, p: z * math.log(p) + (1 - z) * math.log(1 - p)  # noqa: E731
    Ef = lambda t: sig(t) * f1 + (1 - sig(t)) * f0  # noqa: E731
    E = lambda g: sum(pz * g(zz) for zz, pz in ((1.0, p), (0.0, 1 - p)))  # noqa: E731
    f = lambda zz: f1 if zz else f0  # noqa: E731
    lam = rng.uniform(0.2, 5)
    while abs(lam - 1) < 0.05:
        lam = rng.uniform(0.2, 5)
    ks = np.arange(0, 200)
    lgam = np.array([math.lgamma(k + 1) for k in ks])
    pmf = lambda l: np.exp(ks * math.log(l) - l - lgam)  # noqa: E731
    amp, freq, off = rng.normal(size=3)
    fk = amp * np.cos(freq * ks) + off
    kk = int(rng.integers(0, 8))
    EP = lambda g, l=lam: float(np.sum(pmf(l) * g))  # noqa: E731
    return {
        "4": [d(Ef, th), E(lambda zz: f(zz) * d(lambda t: logP(zz, sig(t)), th))],
        "8.2": [math.log(p if z else 1 - p), logP(z, p)],
        "11": [d(lambda q: logP(z, q), p), z / p - (1 - z) / (1 - p), (z - p) / (p * (1 - p))],
        "12": [d(lambda t: logP(z, sig(t)), th), (z - p) / (p * (1 - p)) * p * (1 - p), z - p],
        "15": [d(lambda t: logP(z, sig(t)), th), (z - p) / (p * (1 - p))],
        "15.2": [E(f), p * f1 + (1 - p) * f0],
        "18": [d(Ef, th), p * (1 - p) * (f1 - f0), E(lambda zz: f(zz) * (zz - p))],
        "21": [E(lambda zz: zz - p), 0],
        "22": [E(lambda zz: (f(zz) - b) * (zz - p)), p * (1 - p) * (f1 - f0)],
        "22.2": [E(lambda zz: (f(zz) - b) * (zz - p)), p * (1 - p) * (f1 - f0 - b)],
        "29": [d(lambda l: kk * math.log(l) - l - math.lgamma(kk + 1), lam), kk / lam - 1],
        "30": [d(lambda l: float(np.sum(pmf(l) * fk)), lam), EP(fk * (ks / lam - 1))],
        "33.2": [EP(ks**2.0), lam + lam**2], "33.3": [EP(ks**2.0), lam**2],
        "34": [d(lambda l: EP(ks**2.0, l), lam), 1 + 2 * lam],
        "36": [EP((ks / lam - 1) ** 2), EP((ks - EP(ks * 1.0)) ** 2) / lam**2, 1 / lam],
        "37": [EP((ks / lam - 1) ** 2), lam],
        "39": [d(lambda l: kk * math.log(l) - l - math.lgamma(kk + 1), lam), kk / lam],
    }


@document("107_nb_orthogonal_matrices")
def _(rng):
    n = int(rng.integers(2, 6))
    Q, _ = np.linalg.qr(rng.normal(size=(n, n)))
    x, y, v = rng.normal(size=(3, n))
    i, j = int(rng.integers(n)), int(rng.integers(n))
    I = np.eye(n)
    R = lambda a: np.array([[math.cos(a), -math.sin(a)], [math.sin(a), math.cos(a)]])  # noqa: E731
    a, b = rng.uniform(-3, 3, size=2)
    while min(abs(a), abs(abs(a) - math.pi / 2), abs(abs(a) - math.pi)) < 0.05:
        a = rng.uniform(-3, 3)
    vv = v @ v
    H = I - 2 * np.outer(v, v) / vv
    Hp = I - 2 * np.outer(v, v)
    return {
        "1:7": [(Q @ x) @ (Q @ y), x @ Q.T @ Q @ y, x @ y], "1:7.2": [np.linalg.norm(Q @ x), np.linalg.norm(x)],
        "1:10": [sum(Q[k, i] * Q[k, j] for k in range(n)), delta(i, j)],
        "1:10.2": [(Q @ Q)[i, j], delta(i, j)],
        "3:5": [R(a) @ R(b), R(a + b)], "3:5.2": [R(a).T, R(-a)], "3:5.3": [np.linalg.det(R(a)), 1],
        "3:8": [np.linalg.inv(R(a)), R(-a)], "3:8.2": [np.linalg.inv(R(a)), R(a)],
        "3:9": [np.linalg.det(R(a)), math.cos(a) ** 2 - math.sin(a) ** 2],
        "3:17": [H @ v, v - 2 * v, -v],
        "3:18": [H.T @ H, H @ H, I - 4 * np.outer(v, v) / vv + 4 * np.outer(v, v) * vv / vv**2, I],
        "3:22": [np.linalg.det(H), -1],
        "3:23": [Hp.T @ Hp, I - 4 * np.outer(v, v) + 4 * vv * np.outer(v, v)],
        "3:24": [Hp @ v, -v],
    }


@document("108_newton_iterations_sqrt_reciprocal")
def _(rng):
    a = rng.uniform(0.2, 5)
    x, y = rng.uniform(0.05, 4, size=2)
    newton = lambda g, x: x - g(x) / d(g, x)  # noqa: E731
    g1 = lambda t: t * t - a  # noqa: E731
    g2 = lambda t: 1 / t - a  # noqa: E731
    g3 = lambda t: t**-2 - a  # noqa: E731
    x1 = newton(g1, x)
    r = a**0.5
    e = x - r
    x2 = newton(g2, x)
    y1 = newton(g3, y)
    return {
        "11": [x1, x - (x * x - a) / (2 * x), (x + a / x) / 2],
        "15": [x1 - r, (x * x - 2 * r * x + a) / (2 * x), e**2 / (2 * x)], "18": [x1 - r, e**2 / (2 * r)], "18.2": [x1, (x + x / a) / 2],
        "21.2": [d(g2, x), -1 / x**2],
        "23": [x2, x - (1 / x - a) / (-1 / x**2), x + x - a * x * x, x * (2 - a * x)],
        "25": [1 - a * x2, (1 - a * x) ** 2], "25.2": [x2, x * (2 + a * x)],
        "28.2": [d(g3, y), -2 * y**-3],
        "30": [y1, y - (y**-2 - a) / (-2 * y**-3), y / 2 * (3 - a * y * y)], "34": [y1, y * (2 - a * y * y)],
    }


@document("109_warmup_cosine_schedule")
def _(rng):
    lo = rng.uniform(0, 0.5) if rng.random() < 0.7 else 0.0
    hi = lo + rng.uniform(0.1, 2)
    W, T = int(rng.integers(1, 12)), int(rng.integers(1, 50))
    tau = rng.uniform(0, T)
    th = rng.uniform(-6, 6)
    eta = lambda s: lo + 0.5 * (hi - lo) * (1 + math.cos(math.pi * s / T))  # noqa: E731
    ts = np.arange(1, W + 1)
    warm = hi * ts / W
    nodes, weights = np.polynomial.legendre.leggauss(60)
    mean = T / 2 * np.sum(weights * np.array([eta(T / 2 * u + T / 2) for u in nodes])) / T
    return {
        "11": [eta(0), hi], "11.2": [eta(T), lo], "11.3": [1 + math.cos(th), 2 * math.cos(th / 2) ** 2],
        "14": [eta(tau), lo + (hi - lo) * math.cos(math.pi * tau / (2 * T)) ** 2],
        "16": [eta(tau), lo + (hi - lo) * math.cos(math.pi * tau / T) ** 2],
        "22": [d(eta, tau), -math.pi / (2 * T) * (hi - lo) * math.sin(math.pi * tau / T)],
        "25": [d(eta, tau), -0.5 * (hi - lo) * math.sin(math.pi * tau / T)],
        "30": [mean, lo + (hi - lo) / 2, (hi + lo) / 2],
        "36": [np.sum(warm), hi / W * np.sum(ts), hi * (W + 1) / 2], "37": [np.sum(warm), hi * W / 2],
        "39": [eta(T / 2), (hi + lo) / 2], "39.2": [eta(T / 2), hi / 2],
    }


@document("110_weight_norm_gradient")
def _(rng):
    n = int(rng.integers(2, 6))
    v, t, a = rng.normal(size=(3, n))
    M = rng.normal(size=(n, n))
    g = rng.normal() * 2
    while abs(abs(g) - 1) < 0.05:
        g = rng.normal() * 2
    nv = np.linalg.norm(v)
    W = lambda g, v: g * v / np.linalg.norm(v)  # noqa: E731
    w = W(g, v)
    L = lambda w: float(np.sum(np.tanh(M @ w)) + 0.3 * w @ w + a @ w)  # noqa: E731
    c = grad(L, w)
    gv = grad(lambda v: L(W(g, v)), v)
    dg = d(lambda g: L(W(g, v)), g)
    P = np.eye(n) - np.outer(v, v) / nv**2
    L2 = lambda w: 0.5 * float((w - t) @ (w - t))  # noqa: E731
    dg2 = d(lambda g: L2(W(g, v)), g)
    return {
        "9": [np.linalg.norm(w), abs(g)], "11": [d(lambda g: W(g, v), g), v / nv],
        "14": [dg, c @ d(lambda g: W(g, v), g), c @ v / nv],
        "17": [grad(np.linalg.norm, v), v / nv], "17.2": [grad(lambda v: 1 / np.linalg.norm(v), v), v / nv**3],
        "20": [jac(lambda v: v / np.linalg.norm(v), v), P / nv],
        "27": [gv, g / nv * P @ c, g / nv * c - g * (v @ c) / nv**3 * v, g / nv * c - g / nv**2 * dg * v],
        "32": [gv, P @ c / nv], "32.2": [gv, g / nv * c], "34": [v @ gv, 0],
        "37": [gv @ gv, g**2 / nv**2 * (c @ c - dg**2)], "39": [np.linalg.norm(gv), abs(g) / nv * np.linalg.norm(c)],
        "41.2": [grad(L2, w), w - t],
        "44": [dg2, (w - t) @ v / nv, g - t @ v / nv], "44.2": [dg2, g - t @ v],
    }


@document("111_appendix_sherman_morrison")
def _(rng):
    n = int(rng.integers(2, 6))
    while True:
        A = rng.normal(size=(n, n)) + 2 * np.eye(n)
        u, v = rng.normal(size=(2, n))
        Ai = np.linalg.inv(A)
        al = 1 + v @ Ai @ u
        if abs(al) > 0.2 and abs(np.linalg.det(A)) > 0.1:
            break
    S = np.linalg.inv(A + np.outer(u, v))
    b = v @ Ai @ u
    m = n + int(rng.integers(0, 4))
    X = rng.normal(size=(m, n))
    x = rng.normal(size=n)
    while abs(np.linalg.norm(x) - 1) < 0.05:
        x = rng.normal(size=n)
    P = np.linalg.inv(X.T @ X)
    I = np.eye(n)
    return {
        "13": [S, Ai - np.outer(Ai @ u, v @ Ai) / al],
        "20": [(A + np.outer(u, v)) @ (Ai - np.outer(Ai @ u, v @ Ai) / al),
               I + np.outer(u, v @ Ai) - (np.outer(u, v @ Ai) + b * np.outer(u, v @ Ai)) / al,
               I + np.outer(u, v @ Ai) - al * np.outer(u, v @ Ai) / al, I],
        "29": [S, Ai - np.outer(Ai @ u, v @ Ai) / (1 - b)],
        "31": [S, Ai - np.outer(Ai @ v, u @ Ai) / al],
        "34": [v @ S @ u, b - b**2 / al, b / (1 + b)],
        "36": [np.linalg.det(A + np.outer(u, v)), (1 + b) * np.linalg.det(A)],
        "36.2": [np.linalg.det(A + np.outer(u, v)), (1 + v @ u) * np.linalg.det(A)],
        "41": [np.linalg.inv(X.T @ X + np.outer(x, x)), P - np.outer(P @ x, x @ P) / (1 + x @ P @ x)],
        "42": [np.linalg.inv(I + np.outer(x, x)), I - np.outer(x, x) / (1 + np.linalg.norm(x))],
    }


@document("112_discounted_returns_td0")
def _(rng):
    g = rng.uniform(0.05, 0.95)
    N = 1200
    r = np.concatenate([[0.0], rng.normal(size=N)])                  # r[1], ..., r[N]; zero beyond
    t = int(rng.integers(0, 20))
    G = lambda t, g=g: sum(g**k * r[t + k + 1] for k in range(N - t))  # noqa: E731
    tail = g * sum(g**k * r[t + k + 2] for k in range(N - t - 1))
    c = rng.normal() * 3
    while abs(c) < 0.1:
        c = rng.normal() * 3
    Gc = c * np.sum(g ** np.arange(N))                                 # constant rewards, truncated far out
    T = int(rng.integers(1, 30))
    ex = [0.0, 1.0, 0.0, 2.0]                                          # the worked example: r_1, r_2, r_3
    Gx = lambda t: sum(0.9**k * ex[t + k + 1] for k in range(3 - t))  # noqa: E731
    V0, V1, rr = rng.normal(size=3)
    a = rng.uniform(0.05, 1)
    dl = rr + g * V1 - V0
    n = int(rng.integers(1, 5))
    w, p0, p1 = rng.normal(size=(3, n))
    D = lambda w: rr + g * w @ p1 - w @ p0  # noqa: E731
    return {
        "8": [G(t), r[t + 1] + tail, r[t + 1] + g * G(t + 1)],
        "10.2": [Gc, c / (1 - g)], "11": [Gc, g * c / (1 - g)],
        "12": [np.sum(g ** np.arange(T)), (1 - g**T) / (1 - g)], "12.2": [np.sum(g ** np.arange(T)), (1 - g ** (T - 1)) / (1 - g)],
        "13": [d(lambda q: c / (1 - q), g), c / (1 - g) ** 2], "13.2": [d(lambda q: c / (1 - q), g), -c / (1 - g) ** 2],
        "18": [Gx(1), 0 + 0.9 * 2, 1.8], "19": [Gx(0), 1 + 0.9 * 0 + 0.81 * 2, 2.62],
        "22": [Gx(0), 1 + 0.9 * Gx(1)], "22.2": [Gx(1), 0.81 * 2, 1.62],
        "26": [V0 + a * dl, (1 - a) * V0 + a * (rr + g * V1)], "27": [V0 + a * dl, (1 - a) * V0 + a * rr + g * V1],
        "31": [grad(lambda w: 0.5 * D(w) ** 2, w), D(w) * (g * p1 - p0)], "32": [grad(lambda w: 0.5 * D(w) ** 2, w), -D(w) * p0],
    }


@document("113_forum_kmeans_objective")
def _(rng):
    K = int(rng.integers(2, 5))
    N = K + int(rng.integers(1, 6))
    dd = int(rng.integers(1, 4))
    X, M = rng.normal(size=(N, dd)), rng.normal(size=(K, dd))
    labels = rng.permutation(np.concatenate([np.arange(K), rng.integers(0, K, size=N - K)]))
    while np.all(np.bincount(labels, minlength=K) == 1):               # some cluster of two points or more
        labels = rng.permutation(np.concatenate([np.arange(K), rng.integers(0, K, size=N - K)]))
    R = np.eye(K)[labels]
    k = int(rng.choice([c for c in range(K) if R[:, c].sum() > 1]))
    Nk = R[:, k].sum()
    J = lambda mu: sum(R[n, c] * np.sum((X[n] - (mu if c == k else M[c])) ** 2) for n in range(N) for c in range(K))  # noqa: E731
    mu = M[k]
    gk = grad(J, mu)
    xb = R[:, k] @ X / Nk
    E = np.eye(dd) * 0.5                                               # J is quadratic in mu: wide differences are exact
    hess = np.array([[(J(mu + E[i] + E[j]) - J(mu + E[i] - E[j]) - J(mu - E[i] + E[j]) + J(mu - E[i] - E[j])) / 1.0
                      for j in range(dd)] for i in range(dd)])
    eta = rng.uniform(0.01, 1)
    m, x = rng.normal(size=(2, dd))
    part = lambda m: sum(R[n, k] * np.sum((X[n] - m) ** 2) for n in range(N))  # noqa: E731
    return {
        "11": [gk, -2 * sum(R[n, k] * (X[n] - mu) for n in range(N)), 2 * Nk * mu - 2 * R[:, k] @ X],
        "13": [gk, 2 * sum(R[n, k] * (X[n] - mu) for n in range(N))],
        "15": [hess, 2 * Nk * np.eye(dd)], "15.2": [hess, 2 * N * np.eye(dd)],
        "19": [mu - np.linalg.inv(2 * Nk * np.eye(dd)) @ gk, mu - mu + R[:, k] @ X / Nk, xb],
        "21": [mu - eta * gk, (1 - 2 * eta * Nk) * mu + 2 * eta * Nk * xb],
        "21.3": [mu - eta * gk, (1 - eta * Nk) * mu + eta * Nk * xb],
        "23": [part(m), part(xb) + Nk * np.sum((xb - m) ** 2)], "25": [part(m), part(xb) + np.sum((xb - m) ** 2)],
        "27": [np.sum((x - mu) ** 2), x @ x - 2 * x @ mu + mu @ mu], "27.2": [np.sum((x - mu) ** 2), x @ x - x @ mu + mu @ mu],
    }


@document("114_nb_gp_posterior_two_points")
def _(rng):
    sf2, ell, sn2 = rng.uniform(0.2, 3), rng.uniform(0.3, 3), rng.uniform(0.05, 2)
    x1, x2, xs, xa, xb = rng.normal(size=5) * 1.5
    while abs(x1 - x2) < 0.1:
        x2 = rng.normal() * 1.5
    y1, y2 = rng.normal(size=2)
    k = lambda a, b: sf2 * math.exp(-(a - b) ** 2 / (2 * ell**2))  # noqa: E731
    xv = np.array([x1, x2])
    C = np.array([[k(a, b) for b in xv] for a in xv]) + sn2 * np.eye(2)
    rho, s = math.exp(-(x1 - x2) ** 2 / (2 * ell**2)), sf2 + sn2
    M = np.array([[s, -sf2 * rho], [-sf2 * rho, s]])
    y = rng.normal()
    Y = np.array([y, y])
    ks = lambda t: np.array([k(t, x1), k(t, x2)])  # noqa: E731
    m = lambda t, Y=Y: ks(t) @ np.linalg.solve(C, Y)  # noqa: E731
    v1 = k(x1, x1) - k(x1, x1) ** 2 / (k(x1, x1) + sn2)                 # one training point x_1, at x_* = x_1
    al = np.linalg.solve(C, np.array([y1, y2]))
    return {
        "1:8": [C, np.array([[s, sf2 * rho], [sf2 * rho, s]])], "1:8.2": [np.linalg.det(C), s**2 - sf2**2 * rho**2],
        "3:5": [np.linalg.inv(C), M / (s**2 - sf2**2 * rho**2)], "3:7": [np.linalg.det(C), s**2 + sf2**2 * rho**2],
        "3:13": [np.linalg.solve(C, Y), y / (s + sf2 * rho) * np.ones(2)],
        "3:14": [m(xs), y * (k(xs, x1) + k(xs, x2)) / (s + sf2 * rho)],
        "3:15": [m(x1), sf2 * (1 + rho) / (sf2 * (1 + rho) + sn2) * y],
        "3:18": [m(x1), y], "3:18.2": [np.linalg.solve(C, Y), y / (s - sf2 * rho) * np.ones(2)],
        "5:4": [v1, sf2 - sf2**2 / (sf2 + sn2), sf2 * sn2 / (sf2 + sn2)], "5:4.2": [v1, sn2 / (sf2 + sn2)],
        "5:7": [d(lambda t: k(t, xb), xa), -(xa - xb) / ell**2 * k(xa, xb)],
        "5:7.2": [d(lambda t: k(t, xb), xa), -(xa - xb) / (2 * ell**2) * k(xa, xb)],
        "5:8.2": [d(lambda t: ks(t) @ al, xs), -sum(al[i] * (xs - xv[i]) / ell**2 * k(xs, xv[i]) for i in range(2))],
    }


@document("115_cofactor_det_3x3")
def _(rng):
    A = np.array([[2.0, -1, 0], [1, 3, 2], [0, 1, 4]])
    minor = lambda X, i, j: np.linalg.det(np.delete(np.delete(X, i, axis=0), j, axis=1))  # noqa: E731
    cof = lambda X, i, j: (-1) ** (i + j) * minor(X, i, j)  # noqa: E731
    dA = np.linalg.det(A)
    Ai = np.linalg.inv(A)
    B = rng.normal(size=(3, 3))
    b = lambda i, j: B[i - 1, j - 1]  # noqa: E731
    i, j = (int(t) for t in rng.integers(0, 3, size=2))
    return {
        "11": [dA, 2 * np.linalg.det(np.array([[3.0, 2], [1, 4]])) + np.linalg.det(np.array([[1.0, 2], [0, 4]])) + 0,
               2 * 10 + 4, 24],
        "16": [dA, 1 * 4 + 3 * 8 - 1 * 4, 24], "18": [dA, 2 * 10 + (-1) * 4 + 0, 16],
        "20": [Ai[0, 0], cof(A, 0, 0) / dA, 10 / 24],
        "22": [Ai[0, 1], cof(A, 1, 0) / dA, 1 / 6], "22.2": [Ai[0, 1], cof(A, 0, 1) / dA, -1 / 6],
        "28": [np.linalg.det(B), b(1, 1) * b(2, 2) * b(3, 3) + b(1, 2) * b(2, 3) * b(3, 1) + b(1, 3) * b(2, 1) * b(3, 2)
               - b(1, 3) * b(2, 2) * b(3, 1) - b(1, 1) * b(2, 3) * b(3, 2) - b(1, 2) * b(2, 1) * b(3, 3)],
        "30": [np.linalg.det(-B), -np.linalg.det(B)], "30.2": [np.linalg.det(2 * B), 2 * np.linalg.det(B)],
        "32": [partial(np.linalg.det, B, (i, j)), cof(B, i, j)], "32.2": [partial(np.linalg.det, B, (i, j)), minor(B, i, j)],
        "33": [partial(np.linalg.det, B, (i, j)), cof(B, j, i)],
    }


@document("116_lecture_taylor_sigmoid_tanh")
def _(rng):
    x = rng.uniform(-2, 2)
    sp = lambda t: math.log1p(math.exp(t))  # noqa: E731

    def d3(f, t, h=1e-2):
        """f'''(t) by Richardson extrapolation of two central differences."""
        c = lambda h: (f(t + 2 * h) - 2 * f(t + h) + 2 * f(t - h) - f(t - 2 * h)) / (2 * h**3)  # noqa: E731
        return (4 * c(h / 2) - c(h)) / 3

    s1 = lambda t: sig(t) * (1 - sig(t))  # noqa: E731
    s2 = lambda t: s1(t) * (1 - 2 * sig(t))  # noqa: E731
    T3 = sig(0) + d(sig, 0.0) * x + d2(sig, 0.0) / 2 * x**2 + d3(sig, 0.0) / 6 * x**3
    T3t = np.tanh(0) + d(np.tanh, 0.0) * x + d2(np.tanh, 0.0) / 2 * x**2 + d3(np.tanh, 0.0) / 6 * x**3
    T2 = sp(0) + d(sp, 0.0) * x + d2(sp, 0.0) / 2 * x**2
    return {
        "11": [d(sig, x), s1(x)], "13": [d2(sig, x), s1(x) * (1 - 2 * sig(x))],
        "14": [d(s2, x), s2(x) * (1 - 2 * sig(x)) - 2 * s1(x) ** 2],
        "16": [sig(0), 0.5], "16.2": [d(sig, 0.0), 0.25], "16.3": [d2(sig, 0.0), 0],
        "16.4": [d3(sig, 0.0), -2 * d(sig, 0.0) ** 2, -1 / 8],
        "16.5": [d(sig, 0.0), 0.5],
        "18": [T3, 1 / 2 + x / 4 - x**3 / 48], "20": [T3, 1 / 2 + x / 4 - x**3 / 8],
        "21": [sig(-x), 1 - sig(x)], "21.2": [sig(-x), -sig(x)],
        "23": [d(np.tanh, x), 1 - np.tanh(x) ** 2], "23.2": [d3(np.tanh, 0.0), -2],
        "25": [T3t, x - x**3 / 3], "25.2": [T3t, x - x**3 / 6],
        "28": [sig(x), 0.5 * (1 + np.tanh(x / 2))],
        "30": [0.5 + 0.5 * (x / 2 - x**3 / 24), 0.5 + x / 4 - x**3 / 48],
        "32": [0.5 + x / 2 - x**3 / 6, T3],
        "36": [T2, math.log(2) + x / 2 + x**2 / 8], "37": [T2, math.log(2) + x / 2 + x**2 / 4],
        "39": [d2(sp, 0.0) / 2, 1 / 8],
    }


@document("117_recitation_perceptron")
def _(rng):
    dd = int(rng.integers(1, 5))
    x = rng.normal(size=dd)
    y = float(rng.choice([-1.0, 1.0]))
    w = rng.normal(size=dd)
    if y * w @ x > 0:                                                  # a strict mistake
        w = w - 2 * (w @ x) / (x @ x) * x
    eta = rng.uniform(0.1, 2)
    while abs(eta - 0.5) < 0.05:
        eta = rng.uniform(0.1, 2)
    wn = w + eta * y * x
    loss = lambda w: max(0.0, -y * w @ x)  # noqa: E731
    yh = np.sign(w @ x)
    n = int(rng.integers(2, 7))
    X, Y = rng.normal(size=(n, dd)), rng.choice([-1.0, 1.0], size=n)
    Y[:2] = [-1.0, 1.0]
    v, alpha = np.zeros(dd), np.zeros(n)
    for _ in range(5):
        for j in range(n):
            if Y[j] * v @ X[j] <= 0:
                v, alpha[j] = v + eta * Y[j] * X[j], alpha[j] + 1
    z = rng.normal(size=dd)
    w0, x1, y1, x2, y2 = np.zeros(2), np.array([1.0, 2]), -1.0, np.array([2.0, -1]), 1.0
    w1 = w0 + y1 * x1
    w2 = w1 + y2 * x2
    return {
        "8": [y * wn @ x, y * w @ x + eta * y**2 * x @ x, y * w @ x + eta * x @ x],
        "9": [y * wn @ x, y * w @ x + eta * y * x @ x],
        "12": [wn @ wn, w @ w + 2 * eta * y * w @ x + eta**2 * x @ x], "13.4": [wn @ wn, w @ w + eta**2 * x @ x],
        "13.2": [np.linalg.norm(eta * y * x), eta * np.linalg.norm(x)], "13.3": [np.linalg.norm(eta * y * x), eta],
        "15.2": [grad(loss, w), -y * x], "15.3": [grad(loss, w), -x],
        "16": [yh, -y], "16.2": [w + eta * (y - yh) * x, w + 2 * eta * y * x], "16.3": [w + eta * (y - yh) * x, w + eta * y * x],
        "20.3": [w0 @ x1, 0], "20.4": [w0 + (-1) * x1, np.array([-1.0, -2])],
        "21.3": [w1 @ x2, -2 + 2, 0], "21.4": [w1 + x2, np.array([1.0, -3])],
        "22": [y1 * w2 @ x1, -(1 - 6), 5], "22.2": [y2 * w2 @ x2, 5],
        "25": [v, eta * sum(alpha[j] * Y[j] * X[j] for j in range(n))],
        "25.2": [v @ z, eta * sum(alpha[j] * Y[j] * X[j] @ z for j in range(n))],
        "26": [v @ z, eta * sum(alpha[j] * X[j] @ z for j in range(n))],
    }


@document("118_masked_softmax")
def _(rng):
    n = int(rng.integers(3, 7))
    z = rng.normal(size=n) * 2
    M = np.sort(rng.choice(n, size=int(rng.integers(2, n)), replace=False))
    out = np.array([k for k in range(n) if k not in M])
    mask = np.isin(np.arange(n), M)
    P = lambda z: np.where(mask, np.exp(z) / np.sum(np.exp(z[M])), 0.0)  # noqa: E731
    p = P(z)
    c = rng.uniform(0.5, 10)
    b = np.where(mask, 0.0, -c)
    i, j, t = (int(rng.choice(M)) for _ in range(3))
    jo = int(rng.choice(out))
    q = softmax(z) * mask
    zero = softmax(z * mask)
    L = lambda z: -math.log(P(z)[t])  # noqa: E731
    zx = np.array([0.0, math.log(3), 5.0])
    px = np.array([math.exp(zx[0]), math.exp(zx[1])]) / (math.exp(zx[0]) + math.exp(zx[1]))
    N = int(rng.integers(1, 30))
    return {
        "7": [np.sum(p), 1], "7.2": [p[i], math.exp(z[i]) / np.sum(np.exp(z))],
        "10": [softmax(z + b)[i], math.exp(z[i]) / (np.sum(np.exp(z[M])) + math.exp(-c) * np.sum(np.exp(z[out])))],
        "11": [softmax(z + b)[i], p[i]],
        "14": [np.sum(q), 1 - np.sum(softmax(z)[out])], "14.2": [np.sum(q), 1],
        "15": [q[i] / np.sum(q), p[i]], "15.2": [math.exp(0), 1],
        "16": [zero[i], math.exp(z[i]) / (np.sum(np.exp(z[M])) + n - len(M))], "16.2": [zero[i], p[i]],
        "19": [partial(P, z, j)[i], p[i] * (delta(i, j) - p[j])], "19.2": [partial(P, z, jo)[i], 0],
        "19.3": [partial(P, z, j)[i], p[i] * (1 - p[j])],
        "20.2": [partial(L, z, j), p[j] - delta(j, t)], "20.3": [partial(L, z, j), p[t] - delta(j, t)],
        "22.4": [px[0], 1 / (1 + 3), 1 / 4], "22.5": [px[1], 3 / 4], "22.6": [px[0], 1 / (1 + 3 + math.exp(5))],
        "24": [sum(range(1, N + 1)), N * (N + 1) / 2], "24.2": [sum(range(1, N + 1)), N * (N - 1) / 2],
    }


@document("119_categorical_counts_mle")
def _(rng):
    K = int(rng.integers(2, 6))
    n = rng.integers(1, 11, size=K).astype(float)
    N = n.sum()
    while True:
        pi = rng.dirichlet(np.ones(K))
        if pi.min() > 0.01:
            break
    lam0 = rng.uniform(0.5, 30)
    k, i, j = (int(t) for t in rng.integers(0, K, size=3))
    ell = lambda p: float(n @ np.log(p))  # noqa: E731
    Lag = lambda p, lam: ell(p) + lam * (1 - p.sum())  # noqa: E731

    def stationary(c):
        """The multiplier and the point where c_k / p_k = lambda and sum_k p_k = 1, by bisection on lambda."""
        lo, hi = 1e-9, 1e6
        for _ in range(200):
            mid = (lo + hi) / 2
            lo, hi = (mid, hi) if np.sum(c / mid) > 1 else (lo, mid)
        lam = (lo + hi) / 2
        return lam, c / lam

    lam, ph = stationary(n)
    H = lambda p: -float(p @ np.log(p))  # noqa: E731
    th = rng.normal(size=K)
    lt = lambda t: ell(softmax(t))  # noqa: E731
    pt = softmax(th)
    al = rng.uniform(1.05, 4)
    _, mode = stationary(n + al - 1)
    _, mode2 = stationary(n + 1)
    M = int(N)
    var = sum(math.comb(M, m) * pi[k] ** m * (1 - pi[k]) ** (M - m) * (m / M - pi[k]) ** 2 for m in range(M + 1))
    return {
        "8": [partial(lambda p: Lag(p, lam0), pi, k), n[k] / pi[k] - lam0, 0],
        "8.2": [ph[k], n[k] / lam],
        "9": [1, np.sum(n / lam), N / lam], "9.2": [lam, N], "9.3": [ph[k], n[k] / N], "9.4": [lam, K],
        "14": [ell(ph), np.sum(n * np.log(n / N)), np.sum(n * np.log(n)) - N * math.log(N), -N * H(ph)],
        "18.2": [ell(ph), np.sum(n * np.log(n)) - math.log(N)],
        "20.2": [math.log(pt[k]), th[k] - math.log(np.sum(np.exp(th)))],
        "21": [partial(lt, th, j), n[j] - N * pt[j]],
        "21.2": [partial2(lt, th, i, j), -N * pt[i] * (delta(i, j) - pt[j])],
        "22": [partial(lt, th, j), n[j] - pt[j]], "22.2": [partial(lt, th, j), n[j] * (1 - pt[j])],
        "24": [mode[k], (n[k] + al - 1) / (N + K * (al - 1))],
        "24.3": [mode2[k], (n[k] + 1) / (N + K)], "24.4": [mode2[k], (n[k] + 1) / (N + 1)],
        "26": [var, pi[k] * (1 - pi[k]) / N], "26.2": [var, pi[k] * (1 - pi[k]) / N**2],
    }


@document("120_appendix_linear_attention")
def _(rng):
    N, dd = int(rng.integers(2, 6)), int(rng.integers(1, 4))
    m = int(rng.integers(1, 4))
    r = int(rng.choice([t for t in range(1, 5) if t != m]))
    Q, Kk, V = rng.normal(size=(N, dd)), rng.normal(size=(N, dd)), rng.normal(size=(N, m))
    W = rng.normal(size=(r, dd))
    elu = lambda t: np.where(t > 0, t, np.exp(np.minimum(t, 0)) - 1)  # noqa: E731
    phi = lambda x: elu(W @ x) + 1  # noqa: E731
    i = int(rng.integers(N))
    j = int(rng.integers(N))
    pq = phi(Q[i])
    Y = lambda V: sum(pq @ phi(Kk[l]) * V[l] for l in range(N)) / sum(pq @ phi(Kk[l]) for l in range(N))  # noqa: E731
    S = sum(np.outer(V[l], phi(Kk[l])) for l in range(N))
    z = sum(phi(Kk[l]) for l in range(N))
    St = mat(S.T, pq)
    Si = lambda t: sum((np.outer(V[l], phi(Kk[l])) for l in range(t)), np.zeros((m, r)))  # noqa: E731
    zi = lambda t: sum((phi(Kk[l]) for l in range(t)), np.zeros(r))  # noqa: E731
    t = i + 1
    ycausal = Si(t) @ pq / (zi(t) @ pq)
    a = np.array([pq @ phi(Kk[l]) for l in range(N)])
    a = a / a.sum()
    Jv = np.stack([partial(lambda v: Y(np.vstack([V[:j], v, V[j + 1:]])), V[j], b) for b in range(m)], axis=1)
    x = -rng.uniform(0.05, 3)
    q, k = rng.normal(size=(2, dd)) * 0.6
    nodes, weights = np.polynomial.hermite_e.hermegauss(60)
    weights = weights / math.sqrt(2 * math.pi)
    mgf = lambda a: math.prod(float(np.sum(weights * np.exp(c * nodes))) for c in a)  # noqa: E731
    return {
        "18": [sum(pq @ phi(Kk[l]) * V[l] for l in range(N)), sum(V[l] * (phi(Kk[l]) @ pq) for l in range(N)), S @ pq],
        "19": [Y(V), S @ pq / (z @ pq)],
        "21": [Y(V), St if St is UNDEFINED else St / (z @ pq)],
        "25": [Si(t), Si(t - 1) + np.outer(V[i], phi(Kk[i]))], "25.2": [zi(t), zi(t - 1) + phi(Kk[i])],
        "28": [ycausal, Si(t) @ pq / (z @ pq)],
        "28.2": [Si(t), (Si(t - 1) + np.outer(V[i - 1], phi(Kk[i - 1]))) if i >= 1 else UNDEFINED],
        "30.2": [a.sum(), 1],
        "32": [Jv, a[j] * np.eye(m)], "32.2": [Jv, (pq @ phi(Kk[j])) * np.eye(m)],
        "35": [d(lambda t: float(elu(np.array(t))) + 1, x), math.exp(x)],
        "35.2": [d(lambda t: float(elu(np.array(t))) + 1, x), math.exp(x) - 1],
        "39": [mgf(q + k) * math.exp(-q @ q / 2 - k @ k / 2),
               math.exp((q + k) @ (q + k) / 2 - q @ q / 2 - k @ k / 2), math.exp(q @ k)],
        "42": [mgf(q + k), math.exp((q + k) @ (q + k))],
    }


@document("121_nb_logit_adjustment")
def _(rng):
    K = int(rng.integers(2, 6))
    while True:
        pi = rng.dirichlet(np.ones(K))
        if pi.min() > 0.02 and np.ptp(pi) > 0.05:
            break
    f = rng.normal(size=K) * 2
    tau = rng.uniform(0.2, 2)
    y, j = (int(t) for t in rng.integers(0, K, size=2))
    ell = lambda f: -math.log(softmax(f + tau * np.log(pi))[y])  # noqa: E731
    q = softmax(f + tau * np.log(pi))
    c = rng.normal() * 3
    uni = np.full(K, 1 / K)
    p = softmax(f)
    f2 = rng.normal(size=2) * 2
    pp = float(rng.uniform(0.05, 0.95))
    while abs(pp - 0.5) < 0.05:
        pp = float(rng.uniform(0.05, 0.95))
    pi2 = np.array([pp, 1 - pp])
    return {
        "1:6": [ell(f), -math.log(math.exp(f[y] + tau * math.log(pi[y])) / np.sum(np.exp(f + tau * np.log(pi)))),
                -math.log(pi[y] ** tau * math.exp(f[y]) / np.sum(pi**tau * np.exp(f)))],
        "3:3.2": [partial(ell, f, j), q[j] - delta(j, y)], "3:4": [partial(ell, f, j), softmax(f)[j] - delta(j, y)],
        "3:8": [ell(f), -math.log(softmax(f)[y]) - tau * math.log(pi[y])],
        "3:10": [ell(f), -f[y] - tau * math.log(pi[y]) + math.log(np.sum(pi**tau * np.exp(f)))],
        "3:12": [softmax(f + c), softmax(f)], "3:12.2": [softmax(c * f), softmax(f)],
        "3:12.4": [softmax(f + tau * np.log(uni)), softmax(f)],
        "5:4": [(p[y] / pi[y]) / np.sum(p / pi), softmax(f - np.log(pi))[y]],
        "5:5": [(p[y] / pi[y]) / np.sum(p / pi), softmax(f + np.log(pi))[y]],
        "5:7.3": [pi2[1], pi2[1], 1 - pi2[0]],
        "5:8": [softmax(f2 - tau * np.log(pi2))[0], sig(f2[0] - f2[1] - tau * math.log(pp / (1 - pp)))],
        "5:9": [softmax(f2 - tau * np.log(pi2))[0], sig(f2[0] - f2[1] - tau * math.log(pp))],
    }


@document("122_forum_bessel_correction")
def _(rng):
    import itertools
    n = int(rng.integers(2, 5))
    atoms, law = rng.normal(size=3) * 2, rng.dirichlet(np.ones(3))
    mu = float(law @ atoms)
    s2 = float(law @ (atoms - mu) ** 2)
    E = lambda f: sum(math.prod(law[k] for k in ks) * f(atoms[list(ks)]) for ks in itertools.product(range(3), repeat=n))  # noqa: E731
    mean = lambda x: float(np.mean(x))  # noqa: E731
    ss = lambda x: float(np.sum((x - np.mean(x)) ** 2))  # noqa: E731
    var_mean = E(lambda x: (mean(x) - E(mean)) ** 2)
    x = rng.normal(size=n) * 2 + rng.normal()
    m = rng.normal()
    data = np.array([2.0, 4, 9])
    return {
        "4": [E(mean), mu],
        "6": [var_mean, 1 / n**2 * n * s2, s2 / n], "8": [var_mean, 1 / n * n * s2],
        "10": [np.sum(x - x.mean()), 0],
        "12": [np.sum((x - m) ** 2), ss(x) + n * (x.mean() - m) ** 2],
        "14": [E(lambda x: mean(x) ** 2), mu**2], "14.2": [E(lambda x: (mean(x) - mu) ** 2), var_mean],
        "16": [E(ss), n * s2 - n * s2 / n, (n - 1) * s2],
        "18.2": [E(ss) / (n - 1), s2], "18.4": [E(ss) / n, (n - 1) / n * s2],
        "18.5": [E(ss) / n - s2, -s2 / n], "18.6": [E(ss) / n, s2],
        "18.7": [E(lambda x: math.sqrt(ss(x) / (n - 1))), math.sqrt(s2)],
        "20": [ss(x), np.sum(x**2) - n * x.mean() ** 2], "20.2": [ss(x), np.sum(x**2) - x.mean() ** 2],
        "20.3": [np.sum((x - m) ** 2), ss(x) + (x.mean() - m) ** 2], "20.4": [math.sqrt(var_mean), math.sqrt(s2) / n],
        "22": [data.mean(), 5], "22.2": [ss(data), 9 + 1 + 16, 26], "22.3": [ss(data) / 2, 26 / 3],
        "24": [ss(data) / 3, 26 / 3], "24.2": [ss(data) / 2, 26 / 2, 13],
    }


@document("123_welford_running_variance")
def _(rng):
    k = int(rng.integers(2, 10))
    x = rng.normal(size=k) * 3 + rng.normal() * 5
    mk, mk1 = x.mean(), x[:-1].mean()
    Mk, Mk1 = np.sum((x - mk) ** 2), np.sum((x[:-1] - mk1) ** 2)
    xk = x[-1]
    nA, nB = int(rng.integers(1, 6)), int(rng.integers(1, 6))
    while nA == nB:
        nB = int(rng.integers(1, 6))
    A, B = rng.normal(size=nA) * 2, rng.normal(size=nB) * 2 + rng.normal() * 3
    U = np.concatenate([A, B])
    n = nA + nB
    mA, mB, m = A.mean(), B.mean(), U.mean()
    MA, MB, M = np.sum((A - mA) ** 2), np.sum((B - mB) ** 2), np.sum((U - m) ** 2)
    dl = mB - mA
    return {
        "4": [Mk, np.sum(x**2) - k * mk**2],
        "11": [mk, ((k - 1) * mk1 + xk) / k, mk1 + (xk - mk1) / k], "12": [mk, mk1 + (xk - mk1) / (k - 1)],
        "13": [xk - mk, (k - 1) / k * (xk - mk1)],
        "18": [Mk, Mk1 + (xk - mk1) * (xk - mk), Mk1 + (k - 1) / k * (xk - mk1) ** 2],
        "22": [Mk, Mk1 + (xk - mk) ** 2], "22.2": [Mk, Mk1 + (xk - mk1) ** 2],
        "23": [np.sum((x[:2] - x[:2].mean()) ** 2), (x[1] - x[0]) ** 2 / 2], "24": [np.sum((x[:2] - x[:2].mean()) ** 2), (x[1] - x[0]) ** 2 / 4],
        "30": [m, mA + dl * nB / n, (nA * mA + nB * mB) / n], "30.2": [M, MA + MB + dl**2 * nA * nB / n],
        "31": [m, (mA + mB) / 2], "32": [M, MA + MB],
    }


@document("124_forum_pinball_loss")
def _(rng):
    tau = rng.uniform(0.05, 0.95)
    rho = lambda u, tau=tau: tau * u if u >= 0 else (tau - 1) * u  # noqa: E731
    ind = lambda b: 1.0 if b else 0.0  # noqa: E731
    u = rng.choice([-1, 1]) * rng.uniform(0.1, 3)
    y = rng.normal() * 2
    yh = y - u
    n = int(rng.integers(2, 8))
    ys = rng.normal(size=n) * 2
    q = rng.normal() * 2
    while np.min(np.abs(ys - q)) < 1e-3:
        q = rng.normal() * 2
    R = lambda q, ys=ys, tau=tau: np.mean([rho(v - q, tau) for v in ys])  # noqa: E731
    below, above = np.sum(ys < q), np.sum(ys > q)
    data = np.array([1.0, 2, 4, 7])
    R4 = lambda q: R(q, data, 0.25)  # noqa: E731
    qm = rng.uniform(1.01, 1.99)
    dyh = d(lambda t: rho(y - t), yh)
    drho = d(rho, u)
    return {
        "9": [rho(u), u * (tau - ind(u < 0))],
        "10": [rho(u, 0.5), abs(u) / 2], "10.2": [rho(u, 0.5), abs(u)],
        "15": [dyh, -drho, ind(y < yh) - tau], "18": [dyh, tau - ind(u < 0)],
        "25": [d(R, q), np.mean([ind(v < q) - tau for v in ys]), below / n - tau],
        "29": [d(R, q), 1 - tau - above / n], "29.2": [d(R, q), above / n - tau],
        "34": [R4(3), (0.75 * 2 + 0.75 * 1 + 0.25 * 1 + 0.25 * 4) / 4, 0.875],
        "40": [R4(3), (0.25 * 2 + 0.25 * 1 + 0.75 * 1 + 0.75 * 4) / 4, 1.125],
        "43": [d(R4, 3.0), 2 / 4 - 0.25, 0.25], "43.2": [d(R4, 3.0), 0.25 - 2 / 4], "44": [R4(qm), 0.75],
        "45": [R4(1.5), (0.75 * 0.5 + 0.25 * (0.5 + 2.5 + 5.5)) / 4, 0.625],
    }


@document("125_lecture_gan_optimal_discriminator")
def _(rng):
    a, b = rng.uniform(0.05, 3, size=2)
    t = rng.uniform(0.02, 0.98)
    h = lambda t: a * math.log(t) + b * math.log(1 - t)  # noqa: E731
    hp = lambda t: d(h, t)  # noqa: E731

    def root(a, b):                                     # the zero of a / t - b / (1 - t), by bisection
        lo, hi = 1e-12, 1 - 1e-12
        for _ in range(200):
            mid = (lo + hi) / 2
            lo, hi = (mid, hi) if a / mid - b / (1 - mid) > 0 else (lo, mid)
        return (lo + hi) / 2
    ts = root(a, b)
    K = int(rng.integers(2, 7))
    p, q = rng.dirichlet(np.ones(K)), rng.dirichlet(np.ones(K))
    m = (p + q) / 2
    kl = lambda u, v: float(np.sum(u * np.log(u / v)))  # noqa: E731
    V = lambda D, p=p, q=q: float(np.sum(p * np.log(D)) + np.sum(q * np.log(1 - D)))  # noqa: E731
    Ds = np.array([root(p[k], q[k]) for k in range(K)])
    js = kl(p, m) / 2 + kl(q, m) / 2
    i = int(rng.integers(K))
    l = rng.normal() * 3
    return {
        "13": [hp(t), a / t - b / (1 - t), (a * (1 - t) - b * t) / (t * (1 - t)), (a - (a - b) * t) / (t * (1 - t))],
        "16": [ts, a / (a + b)], "16.2": [ts, b / (a + b)],
        "17": [d2(h, t), -a / t**2 - b / (1 - t) ** 2], "18": [d2(h, t), -a / t**2 + b / (1 - t) ** 2],
        "21": [root(p[i], q[i]), p[i] / (p[i] + q[i])],
        "28": [V(Ds), float(np.sum(p * np.log(p / (p + q))) + np.sum(q * np.log(q / (p + q)))),
               kl(p, m) + kl(q, m) - math.log(4), 2 * js - math.log(4)],
        "34": [math.log(p[i] / (p[i] + q[i])), math.log(p[i] / m[i]) - math.log(2)],
        "35": [V(Ds), js - math.log(2)],
        "36": [root(p[i], p[i]), 0.5], "36.2": [V(np.array([root(v, v) for v in p]), p, p), -math.log(4)],
        "41": [d(lambda l: math.log(1 - sig(l)), l), -sig(l)],
        "41.2": [d(lambda l: -math.log(sig(l)), l), -(1 - sig(l)), sig(l) - 1],
        "44": [d(lambda l: math.log(sig(l)), l), sig(l) * (1 - sig(l))],
    }


@document("126_hw_ppo_clipped_objective")
def _(rng):
    eps = rng.uniform(0.05, 0.6)
    L = lambda r, A: min(r * A, min(max(r, 1 - eps), 1 + eps) * A)  # noqa: E731
    Ap, An = rng.uniform(0.1, 3), -rng.uniform(0.1, 3)
    r = rng.uniform(0.01, 3)
    rhi = 1 + eps + rng.uniform(0.01, 2)
    rlo = (1 - eps) * rng.uniform(0.01, 0.99)
    n = int(rng.integers(2, 6))
    a = int(rng.integers(n))
    th_old = rng.normal(size=n)
    th = th_old + rng.normal(size=n)
    pi = lambda th: softmax(th)[a]  # noqa: E731
    ratio = lambda th: pi(th) / pi(th_old)  # noqa: E731
    A = rng.choice([-1, 1]) * rng.uniform(0.1, 3)
    Hf = lambda pr: -float(np.sum(pr * np.log(pr)))  # noqa: E731
    pr = rng.dirichlet(np.ones(n))
    bb = int(rng.integers(n))
    pb, dHp = pr[bb], partial(Hf, pr, bb)                 # the probabilities as free variables
    dHt = partial(lambda t: Hf(softmax(t)), th, bb)
    pb2 = softmax(th)[bb]
    Hs = Hf(softmax(th))
    glog = lambda th: grad(lambda t: math.log(pi(t)), th)  # noqa: E731
    return {
        "8": [L(r, Ap), Ap * min(r, 1 + eps)],
        "10": [d(lambda r: L(r, Ap), rlo), Ap], "11": [d(lambda r: L(r, Ap), rlo), 0],
        "14": [L(r, An), An * max(r, 1 - eps)], "15": [L(r, An), An * min(r, 1 + eps)],
        "16": [L(rhi, An), (1 + eps) * An],
        "19": [grad(ratio, th), grad(pi, th) / pi(th_old), ratio(th) * glog(th)],
        "21": [grad(lambda t: L(ratio(t), A), th_old), A * glog(th_old)],
        "22": [grad(ratio, th), glog(th) / pi(th_old)],
        "25": [min(1.5 * 2, min(max(1.5, 0.8), 1.2) * 2), min(1.5 * 2, 1.2 * 2), min(3, 2.4), 2.4],
        "26.2": [min(1.5 * -2, min(max(1.5, 0.8), 1.2) * -2), min(-3, -2.4), -2.4],
        "26.3": [min(1.5 * -2, min(max(1.5, 0.8), 1.2) * -2), -3],
        "30": [dHp, -math.log(pb) - 1], "30.2": [dHp, -math.log(pb)],
        "31.2": [dHt, -pb2 * (math.log(pb2) + Hs)], "31.3": [dHt, -pb2 * math.log(pb2)],
    }


@document("127_appendix_affine_coupling_flow")
def _(rng):
    D = int(rng.integers(2, 6))
    dd = int(rng.integers(1, D))
    k = D - dd

    def layer(dd, scale=1.0):
        W1, b1 = rng.normal(size=(D - dd, dd)), rng.normal(size=D - dd)
        W2, b2 = rng.normal(size=(D - dd, dd)), rng.normal(size=D - dd)
        s = lambda xa: scale * np.tanh(W1 @ xa + b1) * 1.5  # noqa: E731
        t = lambda xa: W2 @ xa + b2  # noqa: E731
        f = lambda x: np.concatenate([x[:dd], x[dd:] * np.exp(s(x[:dd])) + t(x[:dd])])  # noqa: E731
        return s, t, f

    s, t, f = layer(dd)
    x = rng.normal(size=D)
    xa, xb = x[:dd], x[dd:]
    y = f(x)
    ya, yb = y[:dd], y[dd:]
    J = jac(f, x)
    block = np.block([[np.eye(dd), np.zeros((dd, k))],
                      [jac(lambda u: f(np.concatenate([u, xb]))[dd:], xa), np.diag(np.exp(s(xa)))]])
    logdet = math.log(abs(np.linalg.det(J)))
    _, _, f0 = layer(dd, scale=0.0)
    logpy = lambda y: -D / 2 * math.log(2 * math.pi) - 0.5 * float(y @ y)  # noqa: E731
    logpx = logpy(f(x)) + logdet                               # the density of x = f^{-1}(y), y standard normal
    d2_ = int(rng.integers(1, D))
    _, _, g = layer(d2_)
    J1, J2 = jac(f, x), jac(g, f(x))
    return {
        "15": [J, block],
        "19": [logdet, math.log(np.prod(np.exp(s(xa)))), np.sum(s(xa))],
        "22": [np.linalg.det(J), np.sum(np.exp(s(xa)))],
        "24": [logdet, np.sum(s(xa) + t(xa))],
        "25": [np.linalg.det(jac(f0, x)), 1],
        "29": [xa, ya], "29.2": [xb, (yb - t(ya)) * np.exp(-s(ya))], "31": [xb, yb * np.exp(-s(ya)) - t(ya)],
        "35": [logpx, logpy(f(x)) + logdet, -D / 2 * math.log(2 * math.pi) - 0.5 * float(y @ y) + np.sum(s(xa))],
        "38": [logpx, logpy(f(x)) - logdet],
        "40": [logpx, -D / 2 * math.log(2 * math.pi) - 0.5 * float(x @ x) + np.sum(s(xa))],
        "43": [math.log(abs(np.linalg.det(jac(lambda u: g(f(u)), x)))),
               math.log(abs(np.linalg.det(J2))) + math.log(abs(np.linalg.det(J1)))],
    }


@document("128_blog_positional_encodings_rope")
def _(rng):
    dm = 2 * int(rng.integers(2, 9))
    i = int(rng.integers(dm // 2))
    om = 10000.0 ** (-2 * i / dm)
    oms = 10000.0 ** (-2 * np.arange(dm // 2) / dm)
    p, p2, k = (float(v) for v in rng.integers(0, 200, size=3))
    k = k + 1
    S, C = math.sin, math.cos

    def PE(p):
        v = np.zeros(dm)
        v[0::2], v[1::2] = np.sin(p * oms), np.cos(p * oms)
        return v
    R = lambda a: np.array([[C(a), -S(a)], [S(a), C(a)]])  # noqa: E731
    al, th = rng.uniform(-3, 3, size=2)
    m, n = (float(v) for v in rng.integers(0, 50, size=2))
    while math.sin((m - n) * th) ** 2 < 1e-3:
        n += 1
    q, kk = rng.normal(size=2), rng.normal(size=2)
    i1 = int(rng.integers(1, dm // 2))                  # line 12 holds at i = 0 only
    om_i = 10000.0 ** (-2 * i1 / dm)
    return {
        "11": [om, math.exp(2 * i * (-math.log(10000) / dm))], "11.2": [2 * math.pi / om, 2 * math.pi * 10000 ** (2 * i / dm)],
        "12": [2 * math.pi / om_i, 2 * math.pi * 10000 ** (-2 * i1 / dm)],
        "17": [S((p + k) * om), S(p * om) * C(k * om) + C(p * om) * S(k * om)],
        "21": [C((p + k) * om), C(p * om) * C(k * om) - S(p * om) * S(k * om)],
        "24": [C((p + k) * om), C(p * om) * C(k * om) + S(p * om) * S(k * om)],
        "29": [PE(p) @ PE(p2), np.sum(np.sin(p * oms) * np.sin(p2 * oms) + np.cos(p * oms) * np.cos(p2 * oms)),
               np.sum(np.cos((p - p2) * oms))],
        "32": [PE(p) @ PE(p), dm / 2], "32.2": [PE(p) @ PE(p), dm],
        "36": [R(al).T, R(-al)],
        "39": [(R(m * th) @ q) @ (R(n * th) @ kk), q @ R(m * th).T @ R(n * th) @ kk, q @ R((n - m) * th) @ kk],
        "42": [q @ R(m * th).T @ R(n * th) @ kk, q @ R((m - n) * th) @ kk],
        "43": [np.linalg.norm(R(al) @ q), np.linalg.norm(q)],
        "43.2": [np.linalg.inv(R(al)), R(al).T], "43.3": [R(al).T, R(al)],
        "44": [R(al) + R(-al), 2 * C(al) * np.eye(2)], "45": [R(al) - R(-al), 2 * S(al) * R(math.pi / 2)],
        "45.2": [R(al) - R(-al), 2 * S(al) * np.eye(2)],
    }


@document("129_lr_schedule_sums")
def _(rng):
    n, W, T, s, k = (int(v) for v in rng.integers(2, 30, size=5))
    em, e0, gam, lam, dm = rng.uniform(0.1, 3), rng.uniform(0.1, 3), rng.uniform(0.1, 0.95), rng.uniform(0.1, 3), rng.uniform(1, 500)
    tt = np.arange(1, n + 1)
    warm = [em * t / W for t in range(1, W + 1)]
    decay = lambda upto: sum(em * (1 - t / T) for t in range(0, upto + 1))  # noqa: E731
    noam = lambda t: dm**-0.5 * min(t**-0.5, t * W**-1.5)  # noqa: E731
    t1 = rng.uniform(0.5, W)
    step = sum(e0 * gam ** (t // s) for t in range(k * s))
    lo, hi = 0.0, 100 / lam                                 # the half-life, by bisection
    for _ in range(200):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if e0 * math.exp(-lam * mid) > e0 / 2 else (lo, mid)
    grid = np.linspace(0, 60 / lam, 400001)
    vals = e0 * np.exp(-lam * grid)
    integral = float(np.sum((vals[1:] + vals[:-1]) / 2 * np.diff(grid)))
    return {
        "7": [np.sum(tt), n * (n + 1) / 2],
        "8": [np.sum(tt), n * (n - 1) / 2],
        "13": [sum(warm), em / W * sum(range(1, W + 1)), em * (W + 1) / 2], "16": [sum(warm), em * W / 2],
        "21": [decay(T - 1), em * (T - (T - 1) * T / 2 / T), em * (T + 1) / 2],
        "24": [decay(T), em * (T + 2) / 2], "25": [decay(T), em * (T + 1) / 2],
        "28.2": [noam(W), dm**-0.5 * W**-0.5], "29": [noam(W), dm**-0.5 * W**-1.5],
        "29.2": [noam(t1), dm**-0.5 * t1 * W**-1.5],
        "35": [step, s * e0 * sum(gam**j for j in range(k)), s * e0 * (1 - gam**k) / (1 - gam)],
        "38": [step, e0 * (1 - gam**k) / (1 - gam)],
        "39.2": [(lo + hi) / 2, math.log(2) / lam], "39.3": [(lo + hi) / 2, 1 / (2 * lam)],
        "39.4": [integral, e0 / lam],
        "40": [decay(T - 1) / T, em * (T + 1) / (2 * T)], "41": [decay(T - 1) / T, em / 2],
    }


@document("130_nb_beta_bernoulli_posterior")
def _(rng):
    nodes, weights = np.polynomial.legendre.leggauss(80)
    nodes, weights = (nodes + 1) / 2, weights / 2               # Gauss-Legendre on (0, 1): exact for these polynomials
    integral = lambda f: float(np.sum(weights * f(nodes)))  # noqa: E731
    Bq = lambda a, b: integral(lambda u: u ** (a - 1) * (1 - u) ** (b - 1))  # noqa: E731
    Bg = lambda a, b: math.exp(math.lgamma(a) + math.lgamma(b) - math.lgamma(a + b))  # noqa: E731

    def posterior(al, be, n, k):
        lik = lambda u: u**k * (1 - u) ** (n - k) * u ** (al - 1) * (1 - u) ** (be - 1) / Bq(al, be)  # noqa: E731
        z = integral(lik)
        mean = integral(lambda u: u * lik(u)) / z
        var = integral(lambda u: (u - mean) ** 2 * lik(u)) / z
        a, b = al + k, be + n - k
        lo, hi = 1e-12, 1 - 1e-12                                # the mode: the zero of (a - 1)/u - (b - 1)/(1 - u)
        for _ in range(200):
            mid = (lo + hi) / 2
            lo, hi = (mid, hi) if (a - 1) / mid - (b - 1) / (1 - mid) > 0 else (lo, mid)
        return z, mean, var, (lo + hi) / 2

    def sequence(al, be, xs):                                    # p(x_1, ..., x_n) by the predictive rule, flip by flip
        p, heads = 1.0, 0
        for i, x in enumerate(xs):
            h = (al + heads) / (al + be + i)
            p *= h if x else 1 - h
            heads += x
        return p

    al, be = (float(v) for v in rng.integers(2, 6, size=2))
    n = int(rng.integers(2, 13))
    xs = [0] * n
    while not 0 < sum(xs) < n:                                   # both outcomes seen, as in the lab's data
        xs = [int(v) for v in rng.integers(0, 2, size=n)]
    k = sum(xs)
    a, b = al + k, be + n - k
    z, mean, var, mode = posterior(al, be, n, k)
    th = rng.uniform(0.01, 0.99)
    w = (al + be) / (al + be + n)
    _, mean1, _, _ = posterior(1.0, 1.0, n, k)
    _, mean2, _, mode2 = posterior(2.0, 2.0, 10, 7)
    _, mean3, _, mode3 = posterior(1.0, 1.0, 10, 7)
    return {
        "3:4": [th**k * (1 - th) ** (n - k) * th ** (al - 1) * (1 - th) ** (be - 1), th ** (al + k - 1) * (1 - th) ** (be + n - k - 1)],
        "3:6": [mean, (al + k) / (al + be + n)], "3:6.2": [mode, (al + k - 1) / (al + be + n - 2)],
        "3:7": [mode, (al + k) / (al + be + n - 2)],
        "3:10": [(al + k) / (al + be + n), w * al / (al + be) + (1 - w) * k / n],
        "3:11": [w, n / (al + be + n)], "3:11.3": [mean1, (k + 1) / (n + 2)],
        "3:13": [var, a * b / ((a + b) ** 2 * (a + b + 1))], "3:13.2": [var, a * b / ((a + b) * (a + b + 1))],
        "5:4": [sequence(al, be, xs), z, Bg(al + k, be + n - k) / Bg(al, be)],
        "5:5": [sequence(al, be, xs), math.comb(n, k) * Bg(al + k, be + n - k) / Bg(al, be)],
        "5:6": [sequence(al, be, xs + [1]) / sequence(al, be, xs), mean],
        "5:8.2": [mean2, 9 / 14], "5:8.3": [mode2, 8 / 12, 2 / 3], "5:9": [mean2, 9 / 12],
        "5:10": [mean3, 8 / 12], "5:10.2": [mode3, 0.7], "5:11": [mode3, 8 / 12],
    }


@document("131_handout_matrix_factorisation")
def _(rng):
    m, n, r = (int(v) for v in rng.integers(1, 5, size=3))
    R, U, V = rng.normal(size=(m, n)), rng.normal(size=(m, r)), rng.normal(size=(n, r))
    lam = rng.uniform(0.1, 2)
    fro2 = lambda A: float(np.sum(A * A))  # noqa: E731
    L = lambda U, V: 0.5 * fro2(R - U @ V.T) + lam / 2 * (fro2(U) + fro2(V))  # noqa: E731
    E = U @ V.T - R
    gU, gV = grad(lambda X: L(X, V), U), grad(lambda X: L(U, X), V)
    i, k = int(rng.integers(m)), int(rng.integers(r))
    terms = [at(V, k, j) for j in range(n)]
    swapped = UNDEFINED if any(t is UNDEFINED for t in terms) else sum(E[i, j] * terms[j] for j in range(n)) + lam * U[i, k]
    A = rng.normal(size=tuple(int(v) for v in rng.integers(1, 5, size=2)))
    B = rng.normal(size=(A.shape[1], int(rng.integers(1, 5))))
    gA = grad(lambda X: fro2(X @ B), A)
    AtB = mat(A, mat(B.T, B))
    # the minimiser in U for V fixed, row by row a ridge least-squares problem, solved by lstsq
    Us = np.stack([np.linalg.lstsq(np.vstack([V, math.sqrt(lam) * np.eye(r)]), np.concatenate([R[row], np.zeros(r)]),
                                   rcond=None)[0] for row in range(m)])
    M = np.linalg.inv(V.T @ V + lam * np.eye(r))
    left = mat(mat(M, V.T), R)
    G = rng.normal(size=(r, r)) + 2 * np.eye(r)
    return {
        "16": [fro2(R), sum(R[a, b] ** 2 for a in range(m) for b in range(n)), np.trace(R.T @ R)],
        "18": [fro2(R - U @ V.T), np.trace((R - U @ V.T).T @ (R - U @ V.T)),
               fro2(R) - 2 * np.trace(R.T @ U @ V.T) + np.trace(V @ U.T @ U @ V.T)],
        "26": [gU[i, k], sum(E[i, j] * V[j, k] for j in range(n)) + lam * U[i, k]],
        "28": [gU, E @ V + lam * U], "28.2": [V @ U.T, (U @ V.T).T],
        "30": [gV, E.T @ U + lam * V],
        "32": [gV, UNDEFINED if mat(E, U) is UNDEFINED else E @ U + lam * V], "32.2": [gU[i, k], swapped],
        "33": [gA, 2 * A @ B @ B.T], "33.2": [gA, UNDEFINED if AtB is UNDEFINED else 2 * AtB],
        "36.2": [Us @ (V.T @ V + lam * np.eye(r)), R @ V], "38": [Us, R @ V @ M], "40": [Us, left],
        "43": [(U @ G) @ (V @ np.linalg.inv(G).T).T, U @ V.T], "44": [(U @ G) @ (V @ G).T, U @ V.T],
    }


@document("132_softsign_hardtanh_cheatsheet")
def _(rng):
    ss = lambda t: t / (1 + abs(t))  # noqa: E731
    ht = lambda t: max(-1.0, min(1.0, t))  # noqa: E731
    hs = lambda t: max(0.0, min(1.0, (t + 1) / 2))  # noqa: E731
    pos = lambda t: max(t, 0.0)  # noqa: E731
    x = rng.choice([-1, 1]) * rng.uniform(0.05, 4)         # x != 0
    xp = rng.uniform(0.05, 4)
    y = rng.uniform(-0.95, 0.95)
    lo, hi = -1e6, 1e6                                      # ss^{-1}(y), by bisection (ss increases)
    for _ in range(200):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if ss(mid) < y else (lo, mid)
    inside = rng.uniform(-0.95, 0.95)
    outside = rng.choice([-1, 1]) * rng.uniform(1.05, 4)
    z = rng.uniform(-4, 4)
    return {
        "7.2": [1 - ss(xp), 1 / (1 + xp)],
        "11": [d(ss, x), ((1 + abs(x)) - x * np.sign(x)) / (1 + abs(x)) ** 2, 1 / (1 + abs(x)) ** 2],
        "14": [d(ss, x), 1 / (1 + abs(x))],
        "15": [d2(ss, xp), -2 / (1 + xp) ** 3], "15.2": [d2(ss, xp), 2 / (1 + xp) ** 3],
        "17.2": [(lo + hi) / 2, y / (1 - abs(y))], "17.3": [(lo + hi) / 2, y / (1 + abs(y))],
        "24": [ht(z), (abs(z + 1) - abs(z - 1)) / 2, pos(z + 1) - pos(z - 1) - 1],
        "27": [ht(z), pos(z + 1) - pos(z - 1)], "27.2": [ht(z), (abs(z + 1) + abs(z - 1)) / 2],
        "29": [d(ht, inside), 1], "29.2": [d(ht, outside), 0], "29.3": [d(ht, outside), np.sign(outside)],
        "33.2": [ht(z), 2 * hs(z) - 1],
        "34": [math.tanh(z), 2 * sig(2 * z) - 1], "35": [ht(z), 2 * hs(2 * z) - 1],
        "36": [d(hs, inside), 0.5], "36.2": [d(hs, inside), 1],
    }


@document("133_binary_entropy_information_gain")
def _(rng):
    p = rng.uniform(0.02, 0.98)
    H = lambda p: -p * math.log(p) - (1 - p) * math.log(1 - p)  # noqa: E731
    H2 = lambda p: H(p) / math.log(2)  # noqa: E731
    kl = p * math.log(p / 0.5) + (1 - p) * math.log((1 - p) / 0.5)
    l2 = math.log2
    labels = np.array([1] * 8 + [0] * 8)                   # the node of (c): 8 positive of 16
    left = np.array([1] * 6 + [0] * 2)
    right = np.array([1] * 2 + [0] * 6)
    ent = lambda y: H2(float(np.mean(y)))  # noqa: E731
    IG = ent(labels) - len(left) / len(labels) * ent(left) - len(right) / len(labels) * ent(right)
    return {
        "4": [H2(p), H(p) * math.log(2)],
        "5": [H(0.5), math.log(2)],
        "10": [d(H, p), -math.log(p) - 1 + math.log(1 - p) + 1, math.log((1 - p) / p)],
        "13.2": [d(H, p), -math.log(p / (1 - p))], "14": [d(H, p), -math.log(p) - 1 - math.log(1 - p) - 1],
        "17": [d2(H, p), -1 / p - 1 / (1 - p), -1 / (p * (1 - p))], "20": [d2(H, p), -1 / p + 1 / (1 - p)],
        "23": [H(p), math.log(2) - kl], "24": [H(p), math.log(2) + kl],
        "30": [H2(3 / 4), 3 / 4 * l2(4 / 3) + 1 / 4 * l2(4), 2 - 3 / 4 * l2(3)],
        "33": [H2(3 / 4), 3 / 4 * l2(3 / 4) + 1 / 4 * l2(1 / 4)], "33.2": [H2(1 / 4), H2(3 / 4)],
        "34": [H2(1 / 4), 1 - H2(3 / 4)],
        "37": [IG, 1 - H2(3 / 4) / 2 - H2(1 / 4) / 2, 1 - H2(3 / 4), 3 / 4 * l2(3) - 1],
        "42": [IG, 1 - 2 * H2(3 / 4)],
    }


@document("134_reading_group_mixup_loss")
def _(rng):
    K, dd = int(rng.integers(2, 6)), int(rng.integers(1, 5))
    ci, cj = (int(c) for c in rng.choice(K, size=2, replace=False))
    yi, yj = np.eye(K)[ci], np.eye(K)[cj]
    lam = rng.uniform(0.05, 0.95)
    xi, xj = rng.normal(size=(2, dd))
    xt, yt = lam * xi + (1 - lam) * xj, lam * yi + (1 - lam) * yj
    z = rng.normal(size=K) * 2
    p = softmax(z)
    CE = lambda y, p: -float(np.sum(y * np.log(p)))  # noqa: E731
    k = int(rng.integers(K))
    gz = partial(lambda z: CE(yt, softmax(z)), z, k)
    dl = d(lambda l: -float(np.sum((l * yi + (1 - l) * yj) * np.log(p))), lam)
    W, b = rng.normal(size=(K, dd)), rng.normal(size=K)
    f = lambda x: W @ x + b  # noqa: E731
    relu_ = lambda v: np.maximum(v, 0)  # noqa: E731
    return {
        "10": [np.sum(yt), 1],
        "14": [CE(yt, p), lam * CE(yi, p) + (1 - lam) * CE(yj, p), -lam * math.log(p[ci]) - (1 - lam) * math.log(p[cj])],
        "18": [CE(yt, p), -math.log(lam * p[ci] + (1 - lam) * p[cj])],
        "21": [gz, p[k] - yt[k]], "21.2": [gz, p[k] - lam * yi[k]],
        "26": [dl, CE(yi, p) - CE(yj, p), math.log(p[cj]) - math.log(p[ci])],
        "29": [dl, math.log(p[ci]) - math.log(p[cj])], "29.2": [CE(yi, p), -math.log(p[ci])],
        "30": [np.sum(p - yt), 0],
        "33": [f(xt), lam * f(xi) + (1 - lam) * f(xj)], "33.2": [b, lam * b + (1 - lam) * b],
        "34": [CE(yt, softmax(f(xt))), lam * CE(yi, softmax(f(xi))) + (1 - lam) * CE(yj, softmax(f(xj)))],
        "35": [relu_(W @ xt), lam * relu_(W @ xi) + (1 - lam) * relu_(W @ xj)],
    }


@document("135_notes_mahalanobis_2d")
def _(rng):
    while True:
        a, c = rng.uniform(0.2, 3, size=2)
        b = rng.uniform(-2, 2)
        if a * c - b * b > 0.05 and abs(a - c) > 0.05:
            break
    S = np.array([[a, b], [b, c]])
    Si = np.linalg.inv(S)
    mu, x = rng.normal(size=(2, 2))
    de = x - mu
    d1, d2_ = de
    dsq = lambda x, mu=mu, S=S: float((x - mu) @ np.linalg.inv(S) @ (x - mu))  # noqa: E731
    det = a * c - b * b
    logN = lambda x: -0.5 * dsq(x) - 0.5 * math.log(np.linalg.det(2 * math.pi * S))  # noqa: E731
    # the log-density, from the density integrating to one: the constant found by quadrature of exp(-d^2/2)
    nodes, weights = np.polynomial.hermite_e.hermegauss(40)
    L = np.linalg.cholesky(S)
    mass = sum(wi * wj for wi in weights for wj in weights) * abs(np.linalg.det(L))   # integral of exp(-d^2/2) dx
    logdens = -0.5 * dsq(x) - math.log(mass)
    Ed = sum(wi * wj * float((L @ [u, v]) @ Si @ (L @ [u, v])) for u, wi in zip(nodes, weights) for v, wj in zip(nodes, weights)) \
        / sum(wi * wj for wi in weights for wj in weights)
    S0 = np.array([[a, 0.0], [0.0, c]])
    z = np.linalg.solve(L, de)
    rho = rng.uniform(-0.95, 0.95)
    while abs(rho) < 0.05:
        rho = rng.uniform(-0.95, 0.95)
    Sr = np.array([[1.0, rho], [rho, 1.0]])
    return {
        "16": [Si, np.array([[c, -b], [-b, a]]) / det], "20": [dsq(x), (c * d1**2 - 2 * b * d1 * d2_ + a * d2_**2) / det],
        "22": [Si, np.array([[a, -b], [-b, c]]) / det], "23": [dsq(x), (c * d1**2 + 2 * b * d1 * d2_ + a * d2_**2) / det],
        "23.3": [dsq(x, mu, S0), d1**2 / a + d2_**2 / c],
        "27": [grad(dsq, x), (Si + Si.T) @ de, 2 * Si @ (x - mu)],
        "30": [grad(lambda m: dsq(x, m), mu), -2 * Si @ (x - mu)], "30.2": [grad(dsq, x), 2 * S @ (x - mu)],
        "32": [np.linalg.det(2 * math.pi * S), (2 * math.pi) ** 2 * det],
        "34": [logdens, logN(x), -0.5 * dsq(x) - math.log(2 * math.pi) - 0.5 * math.log(det)],
        "36": [logdens, -0.5 * dsq(x) - 0.5 * math.log(2 * math.pi) - 0.5 * math.log(det)],
        "39": [L, np.array([[math.sqrt(a), 0], [b / math.sqrt(a), math.sqrt(c - b * b / a)]])],
        "39.3": [float(z @ z), dsq(x)],
        "40": [Ed, 2], "40.2": [Ed, 1],
        "41.3": [np.linalg.det(Sr), 1 - rho**2], "41.4": [dsq(x, mu, Sr), (d1**2 - 2 * rho * d1 * d2_ + d2_**2) / (1 - rho**2)],
        "42": [np.linalg.inv(Sr), np.array([[1, rho], [rho, 1]]) / (1 - rho**2)],
    }


@document("136_solution_key_contrastive_pair_loss")
def _(rng):
    dd = int(rng.integers(1, 5))
    u, v = rng.normal(size=(2, dd))
    D = float(np.linalg.norm(u - v))
    dist = lambda u, v=v: float(np.linalg.norm(u - v))  # noqa: E731
    loss = lambda u, v, s, m: s / 2 * dist(u, v) ** 2 + (1 - s) / 2 * max(0.0, m - dist(u, v)) ** 2  # noqa: E731
    m_in = D + rng.uniform(0.1, 3)                          # (c): D < m
    g1 = grad(lambda x: loss(x, v, 1, 1.0), u)
    gc = grad(lambda x: loss(x, v, 0, m_in), u)
    m2 = D**2 + rng.uniform(0.1, 3)                      # (f): inside the margin, D^2 < m
    g2 = grad(lambda x: 0.5 * max(0.0, m2 - dist(x) ** 2) ** 2, u)
    U, V = np.array([1.0, 2]), np.array([1.0, 0])
    ge = grad(lambda x: loss(x, V, 0, 3.0), U)
    return {
        "12": [grad(dist, u), (u - v) / np.linalg.norm(u - v), (u - v) / D], "12.2": [grad(dist, u), u - v],
        "14.2": [g1, u - v], "14.3": [g1, D * (u - v)],
        "19": [gc, (m_in - D) * -grad(dist, u), -(m_in - D) * (u - v) / D],
        "22": [np.linalg.norm(gc), m_in - D],
        "23": [gc, (m_in - D) * (u - v) / D], "23.2": [np.linalg.norm(gc), (m_in - D) / D],
        "30": [loss(U, V, 0, 3.0), 0.5 * (3 - 2) ** 2, 0.5],
        "30.2": [ge, -(3 - 2) * np.array([0.0, 2]) / 2, np.array([0.0, -1])],
        "33": [loss(U, V, 0, 3.0), (3 - 2) ** 2, 1], "33.2": [ge, np.array([0.0, 1])],
        "36": [g2, -2 * (m2 - D**2) * (u - v)], "36.2": [grad(lambda x: dist(x) ** 2, u), 2 * (u - v)],
        "36.3": [g2, -(m2 - D**2) * (u - v)],
    }


@document("137_nb_importance_sampling")
def _(rng):
    K = int(rng.integers(2, 7))
    while True:
        p, q = rng.dirichlet(np.ones(K)), rng.dirichlet(np.ones(K))
        if np.max(np.abs(p - q)) > 0.05:
            break
    f = rng.normal(size=K)
    w = p / q
    Ep = float(p @ f)
    var = float(q @ (w * f) ** 2 - (q @ (w * f)) ** 2)
    fpos = rng.uniform(0.1, 3, size=K)
    qs = p * fpos / np.sum(p * fpos)
    ws = p / qs
    var_s = float(qs @ (ws * fpos) ** 2 - (qs @ (ws * fpos)) ** 2)
    N = int(rng.integers(2, 30))
    xs = rng.choice(K, size=N, p=q)
    wi = w[xs]
    Z = rng.uniform(0.1, 5)
    while abs(Z - 1) < 0.05:
        Z = rng.uniform(0.1, 5)
    wt = (Z * p)[xs] / q[xs]
    mu = float(np.sum(wi * f[xs]) / np.sum(wi))
    c = rng.uniform(0.1, 5)
    while abs(c - 1) < 0.05:
        c = rng.uniform(0.1, 5)
    eq = np.full(N, c)
    one = np.zeros(N)
    one[int(rng.integers(N))] = c
    ess = lambda w: float(np.sum(w) ** 2 / np.sum(w**2))  # noqa: E731
    return {
        "3:4": [Ep, float(np.sum(p * f)), float(np.sum(q * w * f)), float(q @ (w * f))],
        "3:5": [float(q @ w), 1], "3:5.2": [float(p @ w), float(np.sum(p**2 / q))], "3:5.3": [float(p @ w), 1],
        "3:6": [float(q @ np.log(w)), -float(np.sum(q * np.log(q / p)))],
        "3:6.2": [float(q @ np.log(w)), float(np.sum(q * np.log(q / p)))],
        "5:4": [var, float(np.sum(q * w**2 * f**2)) - Ep**2, float(np.sum(p**2 * f**2 / q)) - Ep**2],
        "5:5": [var, float(np.sum(p**2 * f**2 / q**2)) - Ep**2],
        "5:6.2": [var_s, 0],
        "5:12": [float(np.sum(wt * f[xs]) / np.sum(wt)), float(np.sum(Z * wi * f[xs]) / np.sum(Z * wi)), mu],
        "5:13": [float(np.mean(wt * f[xs])), float(np.mean(wi * f[xs]))],
        "5:15.2": [ess(eq), N], "5:16": [ess(eq), c * N],
        "5:17": [ess(one), 1], "5:17.2": [ess(one), 0],
    }


def _sparsemax(z):
    """The Euclidean projection of z onto the probability simplex, and its threshold."""
    z = np.asarray(z, dtype=float)
    s = np.sort(z)[::-1]
    cs = np.cumsum(s)
    k = max(j for j in range(1, len(z) + 1) if 1 + j * s[j - 1] > cs[j - 1])
    tau = (cs[k - 1] - 1) / k
    return np.maximum(z - tau, 0.0), tau


@document("138_recitation_sparsemax_two_classes")
def _(rng):
    sm = lambda z: _sparsemax(z)[0]  # noqa: E731
    z1 = rng.normal()
    z = np.array([z1, z1 - rng.uniform(-0.95, 0.95)])            # lines 12-27: |delta| < 1
    dl = z[0] - z[1]
    p, tau = _sparsemax(z)
    zs = np.array([z1, z1 - rng.uniform(1.05, 4)])               # lines 29-30: delta >= 1
    zg = rng.normal(scale=2, size=2)                              # lines 33-36: any scores
    dg = zg[0] - zg[1]
    c = rng.normal(scale=3)
    e = sm(np.array([2, 0.5]))[0]
    return {
        "12": [(z[0] - tau) + (z[1] - tau), 1], "15": [tau, (z[0] + z[1] - 1) / 2],
        "15.2": [p[0], z[0] - tau, (1 + dl) / 2], "18": [tau, (z[0] + z[1]) / 2 - 1],
        "19": [partial(lambda z: sm(z)[0], z, 1), -0.5], "20": [partial(lambda z: sm(z)[0], z, 1), 0.5],
        "24": [jac(sm, z), np.eye(2) - np.ones((2, 2)) / 2, np.array([[1, -1], [-1, 1]]) / 2],
        "27": [jac(sm, z), np.eye(2) - np.ones((2, 2))],
        "29": [sm(zs)[0], 1], "30": [partial(lambda z: sm(z)[0], zs, 0), 0],
        "31": [e, 1], "31.2": [e, (1 + 1.5) / 2, 1.25],
        "33": [softmax(zg)[0], sig(zg[0] - zg[1])], "34": [softmax(zg)[0], sig(zg[1] - zg[0])],
        "35": [sm(zg)[0], min(max((1 + dg) / 2, 0), 1)], "36": [sm(zg + c), sm(zg)],
        "37": [sm(2 * z), sm(z)],
    }


def _hessian(f, x):
    """The matrix of second partial derivatives of a scalar f of the vector x."""
    n = len(x)
    return np.array([[partial2(f, x, i, k) for k in range(n)] for i in range(n)])


@document("139_appendix_gauss_newton_decay_fit")
def _(rng):
    m = int(rng.integers(3, 7))
    t, y = rng.uniform(0, 2, size=m), rng.normal(size=m)
    th = np.array([rng.uniform(0.5, 2) * rng.choice([-1, 1]), rng.uniform(-1, 1)])
    a, b = th
    i = int(rng.integers(m))
    res = lambda th, y=y: th[0] * np.exp(th[1] * t) - y  # noqa: E731
    f = lambda th, y=y: 0.5 * float(np.sum(res(th, y) ** 2))  # noqa: E731
    r, J = res(th), jac(res, th)
    ri = lambda th: float(res(th)[i])  # noqa: E731
    H = _hessian(f, th)
    e = np.exp(b * t)
    ys = a * np.exp(b * t)                                   # line 31: an exact fit at theta
    step = -np.linalg.solve(J.T @ J, J.T @ r)
    A, yl, th0 = rng.normal(size=(m, 2)), rng.normal(size=m), rng.normal(size=2)
    lin = lambda th: A @ th - yl  # noqa: E731
    JA = jac(lin, th0)
    stepA = -np.linalg.solve(JA.T @ JA, JA.T @ lin(th0))
    ay = mat(A, yl)
    return {
        "11": [f(th), 0.5 * sum(r[k] ** 2 for k in range(m)), 0.5 * float(np.linalg.norm(r)) ** 2],
        "15": [partial(ri, th, 0), e[i]], "15.2": [partial(ri, th, 1), a * t[i] * e[i]], "17": [partial(ri, th, 1), t[i] * e[i]],
        "19": [grad(f, th), sum(r[k] * J[k] for k in range(m)), J.T @ r],
        "21": [H, J.T @ J + sum(r[k] * _hessian(lambda th, k=k: float(res(th)[k]), th) for k in range(m))],
        "25": [_hessian(ri, th), np.array([[0, t[i] * e[i]], [t[i] * e[i], a * t[i] ** 2 * e[i]]])],
        "27": [grad(f, th), mat(J, r)],
        "28": [(J.T @ J)[0, 1], np.sum(a * t * np.exp(2 * b * t))], "28.2": [(J.T @ J)[1, 1], np.sum(a * t**2 * np.exp(2 * b * t))],
        "30": [H, J.T @ J], "31.2": [_hessian(lambda th: f(th, ys), th), J.T @ J],
        "36": [step, np.linalg.solve(J.T @ J, J.T @ r)],
        "37": [-np.linalg.solve(2 * J.T @ J, 2 * J.T @ r), step],
        "39.2": [JA, A],
        "42": [th0 + stepA, th0 - np.linalg.solve(A.T @ A, A.T @ (A @ th0 - yl)), np.linalg.solve(A.T @ A, A.T @ yl)],
        "44": [th0 + stepA, UNDEFINED if ay is UNDEFINED else np.linalg.inv(A @ A.T) @ ay],
    }


@document("140_hw_huberised_hinge")
def _(rng):
    ell = lambda m: 0.5 - m if m <= 0 else (0.5 * (1 - m) ** 2 if m < 1 else 0.0)  # noqa: E731
    hub = lambda u: 0.5 * u * u if abs(u) <= 1 else abs(u) - 0.5  # noqa: E731
    mn, mm, mp, ma = -rng.uniform(0.01, 3), rng.uniform(0.01, 0.99), rng.uniform(1.01, 3), rng.uniform(-3, 3)
    dd = int(rng.integers(1, 5))
    x, w, y = rng.normal(size=dd), rng.normal(size=dd), rng.choice([-1.0, 1.0])
    w = w * rng.uniform(0.05, 0.95) / (y * w @ x)                # lines 28-31: the margin in the quadratic zone
    mq = y * w @ x
    L = lambda w: ell(y * w @ x)  # noqa: E731
    x2, w2 = rng.normal(size=(2, dd))                          # line 25: any margin
    L2 = lambda w: ell(y * w @ x2)  # noqa: E731
    g, gq = grad(L2, w2), grad(L, w)
    return {
        "15": [d(ell, mn), -1], "15.2": [d(ell, mm), -(1 - mm), mm - 1], "18": [d(ell, mp), 0], "19": [d(ell, mm), 1 - mm],
        "20": [d2(ell, mm), 1], "20.2": [d2(ell, mm), -1],
        "25": [g, d(ell, y * w2 @ x2) * y * x2],
        "29": [gq, (y * w @ x - 1) * y * x, (w @ x - y) * x],
        "30": [gq, d(ell, mq) * x], "31": [gq, (w @ x - 1) * x],
        "33": [ell(0.4), 0.5 * 0.6**2, 0.18], "33.2": [ell(-2), 0.5 + 2, 2.5], "33.3": [ell(0.4), 0.36], "34": [ell(-2), 0.5 - 2],
        "37": [ell(ma), hub(max(0, 1 - ma))], "37.2": [ell(ma), hub(1 - ma)],
        "38": [max(0, 1 - mn) - ell(mn), 0.5],
    }


def _nesterov(g, theta, eta, mu, steps):
    """Sutskever's Nesterov momentum from v_0 = 0: the lists theta_0.., v_0.."""
    th, v = [theta], [0.0]
    for _ in range(steps):
        v.append(mu * v[-1] - eta * g(th[-1] + mu * v[-1]))
        th.append(th[-1] + v[-1])
    return th, v


@document("141_nb_nesterov_two_steps")
def _(rng):
    eta, mu, lam, t0 = rng.uniform(0.01, 1), rng.uniform(0.05, 0.95), rng.uniform(0.1, 3), rng.normal()
    a = eta * lam
    f = lambda th: 0.5 * lam * th * th  # noqa: E731
    g = lambda th: d(f, th)  # noqa: E731
    (th0, th1, th2), (_, v1, v2) = _nesterov(g, t0, eta, mu, 2)
    c = rng.uniform(0.2, 2)
    fg = lambda th: math.log(math.cosh(c * th)) + 0.1 * th**4  # noqa: E731   cell 3 line 4: any f
    gth1 = _nesterov(lambda th: d(fg, th), t0, eta, mu, 1)[0][1]
    v1h = -eta * g(t0)                                             # heavy ball: gradient at theta_t
    v2h = mu * v1h - eta * g(t0 + v1h)
    hb2 = t0 + v1h + v2h
    (_, e1, _), (_, _, w2) = _nesterov(g, t0, 1 / lam, mu, 2)      # cell 6 lines 9-10: eta = 1 / lambda
    w1 = -t0
    return {
        "1:8": [d(f, t0), lam * t0],
        "3:4": [gth1, t0 - eta * d(fg, t0)],
        "3:6": [v1, -eta * lam * t0, -a * t0], "3:6.2": [th1, (1 - a) * t0], "3:8": [v1, -mu * a * t0],
        "4:6": [th1 + mu * v1, (1 - a) * t0 - mu * a * t0, (1 - a - mu * a) * t0],
        "4:10": [th1 + mu * v1, (1 - a + mu * a) * t0],
        "4:13": [v2, mu * v1 - a * (1 - a - mu * a) * t0],
        "4:14": [th2, th1 + v2, (1 - a) * t0 - mu * a * t0 - a * (1 - a - mu * a) * t0, (1 - a) * (1 - a - mu * a) * t0],
        "4:18": [v2, mu * v1 - a * th1], "4:19": [th2, (1 - a) ** 2 * t0],
        "6:3": [hb2, ((1 - a) ** 2 - mu * a) * t0],
        "6:5": [th2 - hb2, mu * a * a * t0], "6:7": [th2 - hb2, mu * a * t0],
        "6:8": [th2, t0 + v1 + v2], "6:8.2": [th2, th1 + v1 + v2],
        "6:9.2": [e1, 0], "6:10": [w2, 0], "6:10.2": [w2, mu * w1],
    }


@document("142_forum_logit_inverse_sigmoid")
def _(rng):
    p = rng.uniform(0.02, 0.98)
    while abs(p - 0.5) < 0.02:
        p = rng.uniform(0.02, 0.98)
    logit = lambda p: math.log(p / (1 - p))  # noqa: E731
    x = logit(p)
    n = int(rng.integers(1, 40))
    ks = np.arange(n + 1)
    pmf = np.array([math.comb(n, int(k)) * p**k * (1 - p) ** (n - k) for k in ks])
    var = float(pmf @ (ks / n) ** 2 - (pmf @ (ks / n)) ** 2)
    return {
        "2": [d(logit, p), 1 / p - 1 / (1 - p)],
        "7": [logit(p), math.log(p / (1 - p)), math.log(p) - math.log(1 - p)],
        "14": [d(logit, p), 1 / p + 1 / (1 - p), 1 / (p * (1 - p))],
        "18": [d(lambda p: p / (1 - p), p), 1 / (1 - p) ** 2],
        "21": [d(logit, p), (1 - p) / p / (1 - p) ** 2, 1 / (p * (1 - p))],
        "24": [d(lambda p: p / (1 - p), p), (1 - 2 * p) / (1 - p) ** 2],
        "25": [logit(p), math.log(p) / math.log(1 - p)],
        "28": [d(sig, x), sig(x) * (1 - sig(x))], "28.3": [sig(x), p],
        "31": [d(logit, p), 1 / d(sig, x), 1 / (p * (1 - p))], "34": [d(logit, p), p * (1 - p)],
        "36": [logit(1 - p), -logit(p)],
        "39": [d2r(logit, p), -1 / p**2 + 1 / (1 - p) ** 2, (2 * p - 1) / (p**2 * (1 - p) ** 2)],
        "42": [d2r(logit, p), (1 - 2 * p) / (p**2 * (1 - p) ** 2)],
        "44": [var, p * (1 - p) / n],
        "45": [d(logit, p) ** 2 * var, 1 / (p**2 * (1 - p) ** 2) * p * (1 - p) / n, 1 / (n * p * (1 - p))],
    }


@document("143_lecture_tanh_two_unit_net")
def _(rng):
    P = rng.normal(size=8)                                        # w1, w2, b1, b2, v1, v2, c, x
    y = rng.normal()
    hid = lambda P: np.tanh(P[0:2] * P[7] + P[2:4])  # noqa: E731
    out = lambda P: float(P[4:6] @ hid(P) + P[6])  # noqa: E731
    L = lambda P: 0.5 * (out(P) - y) ** 2  # noqa: E731
    h, yh = hid(P), out(P)
    dl = yh - y
    v, w, x = P[4:6], P[0:2], P[7]
    j = int(rng.integers(2))
    u = rng.normal()
    P0 = P.copy()
    P0[0:2] = 0.0                                                 # line 37: w_1 = w_2 = 0
    dx = dl * np.sum(v * (1 - h**2) * w)
    return {
        "9": [d(np.tanh, u), 1 - np.tanh(u) ** 2, 1 / np.cosh(u) ** 2],
        "11": [partial(lambda P: hid(P)[j], P, j), (1 - h[j] ** 2) * x],
        "12": [partial(lambda P: hid(P)[j], P, 1 - j), 0], "12.2": [partial(lambda P: hid(P)[j], P, 1 - j), (1 - h[j] ** 2) * x],
        "17": [d(lambda t: 0.5 * (t - y) ** 2, yh), yh - y, dl],
        "18": [partial(L, P, 4 + j), dl * h[j]], "19": [partial(L, P, 6), dl],
        "24": [partial(L, P, 0), dl * partial(lambda hh: float(v @ hh + P[6]), h, 0) * partial(lambda P: hid(P)[0], P, 0),
               dl * v[0] * (1 - h[0] ** 2) * x],
        "26": [partial(L, P, 3), dl * v[1] * (1 - h[1] ** 2)],
        "28": [partial(L, P, 0), dl * v[0] * (1 - h[0] ** 2)], "29": [partial(L, P, 0), dl * v[0] * (1 - h[0]) ** 2 * x],
        "30": [partial(L, P, 3), dl * v[1] * h[1] * (1 - h[1])],
        "34": [partial(L, P, 7), dx, dl * (v[0] * w[0] * (1 - h[0] ** 2) + v[1] * w[1] * (1 - h[1] ** 2))],
        "36": [partial(L, P, 7), dl * np.sum(v * (1 - h**2))],
        "37.2": [partial(L, P0, 7), 0],
        "38": [d2(lambda t: L(np.r_[P[:4], t, P[5:]]), P[4]), h[0] ** 2],
        "39": [d2(lambda t: L(np.r_[P[:4], t, P[5:]]), P[4]), h[0]],
    }


def _d3(f, x, h=1e-2):
    """f'''(x) by the five-point central difference: exact for cubics up to rounding."""
    return (f(x + 2 * h) - 2 * f(x + h) + 2 * f(x - h) - f(x - 2 * h)) / (2 * h**3)


def _root(g, lo, hi):
    """A zero of g between lo and hi, where g changes sign, by bisection."""
    for _ in range(200):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if (g(lo) < 0) == (g(mid) < 0) else (lo, mid)
    return (lo + hi) / 2


@document("144_central_difference_error")
def _(rng):
    x, h = rng.uniform(-2, 2), rng.uniform(0.05, 2)
    D = lambda f, x, h=h: (f(x + h) - f(x - h)) / (2 * h)  # noqa: E731
    f = lambda t: t**3  # noqa: E731
    a, b, c = rng.normal(size=3)
    q = lambda t: a * t * t + b * t + c  # noqa: E731
    M, eps = rng.uniform(0.5, 5), rng.uniform(0.01, 1)
    E = lambda h: M * h * h / 6 + eps / h  # noqa: E731
    hs = _root(lambda h: d(E, h), 1e-3, 100)
    return {
        "12": [D(f, x), ((x + h) ** 3 - (x - h) ** 3) / (2 * h), (6 * x * x * h + 2 * h**3) / (2 * h), 3 * x * x + h * h],
        "18": [D(f, x) - d(f, x), h * h], "18.2": [_d3(f, x), 6],
        "19": [(x + h) ** 3 - (x - h) ** 3, 6 * x * x * h + h**3],
        "20": [D(f, x) - d(f, x), h * h / 3 * _d3(f, x)],
        "22.2": [D(q, x), 2 * a * x + b],
        "27": [(f(x + h) - f(x)) / h, 3 * x * x + 3 * x * h + h * h], "27.2": [(f(x + h) - f(x)) / h, 3 * x * x + 3 * x * h],
        "30.2": [D(np.exp, x), np.exp(x) * np.sinh(h) / h], "31": [D(np.exp, x), np.exp(x) * np.sinh(2 * h) / (2 * h)],
        "34": [(4 * D(f, x, h / 2) - D(f, x)) / 3, 3 * x * x], "35": [2 * D(f, x, h / 2) - D(f, x), 3 * x * x],
        "38.2": [d(E, h), M * h / 3 - eps / h**2], "39": [hs, (3 * eps / M) ** (1 / 3)],
        "40": [d(E, h), M * h / 3 + eps / h**2],
    }


@document("145_forum_variance_of_a_sum")
def _(rng):
    K = int(rng.integers(2, 7))
    p = rng.dirichlet(np.ones(K))
    X, Y = rng.normal(size=(2, K))                          # the joint law: (X, Y) = (X[k], Y[k]) with probability p[k]
    E = lambda Z: float(p @ Z)  # noqa: E731
    var = lambda Z: E((Z - E(Z)) ** 2)  # noqa: E731
    cov = lambda Z, W: E((Z - E(Z)) * (W - E(W)))  # noqa: E731
    mx, my = E(X), E(Y)
    a, b = rng.normal(size=2)
    sx, sy = math.sqrt(var(X)), math.sqrt(var(Y))
    rho = cov(X, Y) / (sx * sy)
    Yl = rng.uniform(0.1, 3) * X + rng.normal()             # line 31: an increasing linear function of X
    Yc = rng.normal() - X                                  # line 31: Y = c - X
    n = int(rng.integers(2, 11))
    s2, r = rng.uniform(0.1, 4), rng.uniform(-1 / (n - 1) + 0.01, 0.95)
    while abs(r) < 0.01:
        r = rng.uniform(-1 / (n - 1) + 0.01, 0.95)
    S = s2 * ((1 - r) * np.eye(n) + r * np.ones((n, n)))
    vbar = float(np.ones(n) @ S @ np.ones(n)) / n**2
    return {
        "8": [var(X + Y), E((X - mx + Y - my) ** 2), var(X) + var(Y) + 2 * cov(X, Y)],
        "14": [var(X + Y), var(X) + var(Y) + cov(X, Y)],
        "18": [var(X - Y), var(X) + var(Y) - 2 * cov(X, Y)], "21": [var(X - Y), var(X) - var(Y)],
        "24": [var(a * X + b * Y), a * a * var(X) + b * b * var(Y) + 2 * a * b * cov(X, Y)],
        "27": [var(a * X + b * Y), a * var(X) + b * var(Y) + 2 * a * b * cov(X, Y)],
        "30": [var(X + Y), sx**2 + sy**2 + 2 * rho * sx * sy],
        "31": [var(X + Yl), (sx + math.sqrt(var(Yl))) ** 2], "31.3": [var(X + Yc), 0],
        "37": [vbar, (n * s2 + n * (n - 1) * r * s2) / n**2, s2 / n + (n - 1) / n * r * s2],
        "40": [vbar, s2 / n + (n - 1) / (2 * n) * r * s2],
    }


@document("146_poisson_regression_offset")
def _(rng):
    n, p = int(rng.integers(2, 9)), int(rng.integers(1, 4))
    X, beta = 0.5 * rng.normal(size=(n, p)), 0.5 * rng.normal(size=p)
    t = rng.uniform(0.2, 5, size=n)
    y = rng.poisson(t * np.exp(X @ beta)).astype(float)
    y[0] = max(y[0], 1.0)
    mu = lambda b: t * np.exp(X @ b)  # noqa: E731
    ell = lambda b: float(np.sum(y * np.log(mu(b)) - mu(b)))  # noqa: E731
    m = mu(beta)
    i, j = int(rng.integers(n)), int(rng.integers(p))
    ell1 = lambda b: float(np.sum(y * np.log(t * math.exp(b)) - t * math.exp(b)))  # noqa: E731   intercept only
    bh = _root(lambda b: d(ell1, b), -20, 20)
    return {
        "7.2": [m, t * np.exp(X @ beta)],
        "13": [ell(beta), float(np.sum(y * np.log(m) - m)), float(np.sum(y * (np.log(t) + X @ beta) - t * np.exp(X @ beta)))],
        "16": [partial(lambda b: mu(b)[i], beta, j), m[i] * X[i, j]],
        "19": [partial(ell, beta, j), float(np.sum((y - m) * X[:, j]))], "19.2": [grad(ell, beta), X.T @ (y - m)],
        "22": [grad(ell, beta), sum((y[k] - math.exp(X[k] @ beta)) * X[k] for k in range(n))],
        "23": [partial(lambda b: mu(b)[i], beta, j), math.exp(X[i] @ beta) * X[i, j]],
        "28": [_hessian(ell, beta), -sum(m[k] * np.outer(X[k], X[k]) for k in range(n)), -X.T @ np.diag(m) @ X],
        "31": [_hessian(ell, beta), -sum(m[k] ** 2 * np.outer(X[k], X[k]) for k in range(n))],
        "37": [math.exp(bh), np.sum(y) / np.sum(t)], "41": [math.exp(bh), np.mean(y / t)],
        "42": [np.sum(t * math.exp(bh)), np.sum(y)],
    }


@document("147_appendix_nt_xent_temperature")
def _(rng):
    N, dd, tau = int(rng.integers(2, 5)), int(rng.integers(2, 6)), rng.uniform(0.05, 2)
    Z = rng.normal(size=(2 * N, dd))
    Z /= np.linalg.norm(Z, axis=1, keepdims=True)
    i = int(rng.integers(2 * N))
    pi = (i + N) % (2 * N)                                       # the positive partner of anchor i
    others = [k for k in range(2 * N) if k != i]
    negs = [k for k in others if k != pi]
    k = negs[int(rng.integers(len(negs)))]

    def loss_row(s):                                             # ell_i from the similarities s[k] of anchor i, k != i
        return -s[pi] / tau + lse(np.array([s[m] / tau for m in others]))

    s = Z @ Z[i]
    P = {m: math.exp(s[m] / tau) / sum(math.exp(s[q] / tau) for q in others) for m in others}
    lz = lambda zi: loss_row(Z @ zi)  # noqa: E731   s_{ik} = z_i^T z_k for the other views k
    g = grad(lz, Z[i])
    c = rng.uniform(-1, 1)
    Z1 = rng.normal(size=(2, dd))
    Z1 /= np.linalg.norm(Z1, axis=1, keepdims=True)
    s1 = float(Z1[0] @ Z1[1])
    return {
        "8": [loss_row(s), -math.log(math.exp(s[pi] / tau) / sum(math.exp(s[m] / tau) for m in others)),
              -s[pi] / tau + math.log(sum(math.exp(s[m] / tau) for m in others))],
        "15": [sum(P.values()), 1], "15.2": [sum(P[m] for m in negs), 1],
        "19": [partial(loss_row, s, pi), (P[pi] - 1) / tau], "22": [partial(loss_row, s, k), P[k] / tau],
        "23": [partial(loss_row, s, pi), P[pi] - 1], "24": [partial(loss_row, s, k), (P[k] - 1) / tau],
        "26": [grad(lambda zi: float(zi @ Z[k]), Z[i]), Z[k]],
        "29": [g, (sum(P[m] * Z[m] for m in others) - Z[pi]) / tau],
        "32": [g, (Z[pi] - sum(P[m] * Z[m] for m in others)) / tau],
        "36": [loss_row(np.full(2 * N, c)), math.log(2 * N - 1)], "36.2": [loss_row(np.full(2 * N, c)), math.log(2 * N)],
        "37.2": [-math.log(math.exp(s1 / tau) / math.exp(s1 / tau)), 0],
    }


@document("148_exam_rosenbrock_hessian")
def _(rng):
    a, b = rng.normal(), rng.uniform(0.5, 5)
    x, y = rng.uniform(-1.5, 1.5, size=2)
    f = lambda v, a=a, b=b: (a - v[0]) ** 2 + b * (v[1] - v[0] ** 2) ** 2  # noqa: E731
    P = np.array([x, y])
    g = grad(f, P)
    H = _hessian(f, P)
    Hm = _hessian(f, np.array([a, a * a]))
    H1 = _hessian(lambda v: f(v, 1.0, 100.0), np.array([1.0, 1.0]))
    g0 = grad(f, np.zeros(2))
    return {
        "6": [d(lambda t: y - t * t, x), -2 * x],
        "10": [g[0], -2 * (a - x) + 2 * b * (y - x * x) * (-2 * x), -2 * (a - x) - 4 * b * x * (y - x * x)],
        "12": [g[1], 2 * b * (y - x * x)],
        "16": [g[0], -2 * (a - x) - 2 * b * x * (y - x * x)], "17": [g[1], 2 * b * (y - x * x) * (-2 * x)],
        "18": [g0, np.array([-2 * a, 0])], "18.2": [g0, np.array([2 * a, 0])],
        "23": [H[0, 0], 2 - 4 * b * y + 12 * b * x * x], "23.2": [H[0, 1], -4 * b * x], "23.3": [H[1, 1], 2 * b],
        "26": [H[0, 0], 2 - 4 * b * y + 4 * b * x * x], "27": [H[0, 1], -4 * b * y],
        "32": [Hm, np.array([[2 + 8 * b * a * a, -4 * a * b], [-4 * a * b, 2 * b]])], "32.2": [np.linalg.det(Hm), 4 * b],
        "35.3": [802 * 200 - 400**2, 400],
        "36": [np.trace(H1), 1002], "36.2": [np.linalg.det(H1), 802 * 200 + 400**2],
    }


@document("149_notes_ridge_lagrangian_1d")
def _(rng):
    n = int(rng.integers(1, 7))
    x, y = rng.normal(size=(2, n))
    while abs(x @ y) < 0.05:
        y = rng.normal(size=n)
    if x @ y < 0:
        y = -y                                                    # lines 31-35: S_xy > 0
    lam, w = rng.uniform(0.01, 5), rng.normal()
    Sxx, Sxy = float(x @ x), float(x @ y)
    rss = lambda w: float(np.sum((y - w * x) ** 2))  # noqa: E731
    J = lambda w: rss(w) + lam * w * w  # noqa: E731
    wl = _root(lambda w: d(J, w), -1e5, 1e5)
    w0 = _root(lambda w: d(rss, w), -1e5, 1e5)
    nu_at = lambda ws: -d(rss, ws) / (2 * ws)  # noqa: E731   the multiplier from stationarity of the Lagrangian in w
    t_in, t_act = w0**2 * rng.uniform(1.1, 3), w0**2 * rng.uniform(0.1, 0.9)
    ws_in = float(np.clip(w0, -math.sqrt(t_in), math.sqrt(t_in)))
    ws_act = float(np.clip(w0, -math.sqrt(t_act), math.sqrt(t_act)))
    t = rng.uniform(0.1, 3)
    nu = rng.uniform(0, 3)
    Lag = lambda w, nu: rss(w) + nu * (w * w - t)  # noqa: E731
    H = np.outer(x, x) / (Sxx + lam)
    return {
        "14": [d(J, w), -2 * np.sum(x * (y - w * x)) + 2 * lam * w, 2 * (Sxx + lam) * w - 2 * Sxy],
        "19": [wl, Sxy / (Sxx + lam), Sxx / (Sxx + lam) * w0],
        "22": [d(rss, w), 2 * np.sum(x * (y - w * x))], "23": [wl, (Sxy - lam) / Sxx],
        "29": [d(lambda v: Lag(w, v), nu), w * w - t],
        "31": [nu_at(ws_in), 0], "31.2": [ws_act**2, t_act], "31.3": [ws_act, math.sqrt(t_act)],
        "33": [nu_at(ws_act), Sxy / math.sqrt(t_act) - Sxx],
        "35.2": [ws_act, t_act], "35.3": [nu_at(ws_act), Sxy / t_act - Sxx],
        "37": [np.trace(H), Sxx / (Sxx + lam)], "37.2": [np.trace(H), 1],
    }


@document("150_blog_ema_of_geometric_sequence")
def _(rng):
    beta, r = rng.uniform(0.05, 0.95), rng.uniform(0.1, 3)
    while abs(r - beta) < 0.05 or abs(r - 1) < 0.05:
        r = rng.uniform(0.1, 3)
    t = int(rng.integers(2, 11))

    def ema(beta, r, upto):
        m = [1.0]                                               # m_0 = x_0 = r^0
        for s in range(1, upto + 1):
            m.append(beta * m[-1] + (1 - beta) * r**s)
        return m

    m = ema(beta, r, t)
    S = sum(beta ** (t - k) * r**k for k in range(1, t + 1))
    c = (1 - beta) * r / (r - beta)
    return {
        "11": [m[1], beta + (1 - beta) * r], "11.2": [m[1], (1 - beta) * r],
        "12": [m[t], beta**2 * m[t - 2] + (1 - beta) * (beta * r ** (t - 1) + r**t)],
        "13": [m[t], beta**2 * m[t - 2] + (1 - beta) * (r ** (t - 1) + r**t)],
        "15": [m[0], 1], "18": [m[t], beta**t + (1 - beta) * S],
        "24": [S, beta**t * sum((r / beta) ** k for k in range(1, t + 1)), r * (r**t - beta**t) / (r - beta)],
        "27": [S, r * (r**t - beta**t) / (beta - r)], "28": [S, (r ** (t + 1) - beta ** (t + 1)) / (r - beta)],
        "32": [m[t], beta**t + c * (r**t - beta**t), c * r**t + (1 - c) * beta**t],
        "35.2": [(1 - beta) * 1 / (1 - beta), 1], "35.3": [ema(beta, 1.0, t)[t], 1],
        "37": [d(lambda b: ema(b, r, 1)[1], beta), 1 - r], "38": [d(lambda b: ema(b, r, 1)[1], beta), r - 1],
    }


@document("151_nb_box_cox_transform")
def _(rng):
    lam = rng.choice([-1, 1]) * rng.uniform(0.1, 2.5)
    y = rng.uniform(0.1, 5)
    bc = lambda y, lam: math.log(y) if lam == 0 else (y**lam - 1) / lam  # noqa: E731
    n = int(rng.integers(1, 6))
    ys = rng.uniform(0.1, 5, size=n)
    logjac = sum(math.log(d(lambda v: bc(v, lam), yi)) for yi in ys)
    dl = d(lambda l: bc(y, l), lam)
    z = bc(y, lam)
    y2 = rng.uniform(0.1, 5)                                     # cell 6 line 4: lambda = 2
    z2 = bc(y2, 2.0)
    return {
        "1:7.3": [bc(y, 1.0), y - 1], "1:8.2": [bc(y, -1.0), 1 - 1 / y], "1:8.3": [bc(y, -1.0), 1 / y - 1],
        "3:5": [d(lambda v: bc(v, lam), y), lam * y ** (lam - 1) / lam, y ** (lam - 1)],
        "3:7": [d(lambda v: bc(v, lam), y), lam * y ** (lam - 1)],
        "3:10": [logjac, (lam - 1) * float(np.sum(np.log(ys)))], "3:12": [logjac, lam * float(np.sum(np.log(ys)))],
        "4:3": [d(lambda l: y**l, lam), y**lam * math.log(y)],
        "4:5": [dl, (lam * y**lam * math.log(y) - (y**lam - 1)) / lam**2, y**lam * math.log(y) / lam - z / lam],
        "4:8": [dl, y**lam * math.log(y) / lam],
        "6:3.2": [y, (1 + lam * z) ** (1 / lam)], "6:4": [y, (1 + lam * z) ** lam],
        "6:4.3": [z2, (y2**2 - 1) / 2], "6:4.4": [1 + 2 * z2, y2**2],
    }


@document("152_reading_group_hard_swish")
def _(rng):
    relu6 = lambda t: min(max(t, 0.0), 6.0)  # noqa: E731
    hsig = lambda t: relu6(t + 3) / 6  # noqa: E731
    hswish = lambda t: t * hsig(t)  # noqa: E731
    cases = lambda t: 0.0 if t <= -3 else ((t + 3) / 6 if t < 3 else 1.0)  # noqa: E731
    x = rng.uniform(-8, 8)
    xl, xr, xm = rng.uniform(-8, -3.1), rng.uniform(3.1, 8), rng.uniform(-2.9, 2.9)
    x6, xo = rng.uniform(0.1, 5.9), rng.uniform(6.1, 10)
    dm = d(hswish, xm)
    return {
        "10": [hsig(x), relu6(x + 3) / 6, cases(x)],
        "14": [hsig(0), 0.5, sig(0)],
        "15": [hswish(3), 1], "15.2": [hswish(3), 3 * 1, 3], "16": [hswish(-3), 0], "16.2": [hswish(1), 4 / 6, 2 / 3],
        "18": [d(hswish, xl), 0], "19": [d(hswish, xr), 1],
        "21": [dm, (xm + 3) / 6 + xm / 6, (2 * xm + 3) / 6, xm / 3 + 0.5], "24": [dm, xm / 6],
        "26": [(2 * (-3) + 3) / 6, -0.5], "27": [(2 * 3 + 3) / 6, 1.5], "29": [(2 * 3 + 3) / 6, 1],
        "31": [hswish(xm), (xm**2 + 3 * xm) / 6],
        "32.2": [hswish(-1.5), -3 / 8], "32.3": [hswish(-1.5), -3 / 4], "33": [-1.5 * (1.5 / 6), -9 / 24],
        "35": [relu6(xo), 6],
        "37": [relu6(x), relu(x) - relu(x - 6)], "39": [relu6(x), relu(x) - relu(6 - x)],
        "16.3": [hswish(-1), -2 / 3], "35.2": [relu6(xo), xo - 6],
    }


@document("153_notes_newton_cube_root")
def _(rng):
    a, x = rng.uniform(0.2, 20), rng.uniform(0.2, 5)
    c = a ** (1 / 3)
    f = lambda t: t**3 - a  # noqa: E731
    newton = x - f(x) / d(f, x)
    e, e1 = x - c, newton - c
    halley = x - 2 * f(x) * d(f, x) / (2 * d(f, x) ** 2 - f(x) * d2(f, x))
    x1 = 2 / 3 * 2 + 10 / 12
    f10 = lambda t: t**3 - 10  # noqa: E731
    halley10 = 2 - 2 * f10(2.0) * d(f10, 2.0) / (2 * d(f10, 2.0) ** 2 - f10(2.0) * d2(f10, 2.0))
    return {
        "7.2": [d(f, x), 3 * x**2],
        "10": [newton, x - (x**3 - a) / (3 * x**2), (3 * x**3 - x**3 + a) / (3 * x**2), 2 / 3 * x + a / (3 * x**2)],
        "14": [newton, 2 / 3 * x + a / (3 * x)], "16.3": [a, c**3],
        "14.2": [newton, 2 / 3 * x - a / (3 * x**2)], "26": [e1, e**2 / (3 * x**2)],
        "38.4": [halley10, 2 * (8 + 20) / (16 + 10), 56 / 13],
        "18": [e1, (2 * x**3 + c**3 - 3 * c * x**2) / (3 * x**2), (x - c) ** 2 * (2 * x + c) / (3 * x**2),
               e**2 * (2 * x + c) / (3 * x**2)],
        "21": [1 / c, 3 * c / (3 * c**2), 1 / c],
        "24": [2 * x**3 - 3 * c * x**2 + c**3, (x - c) ** 2 * (2 * x - c)],
        "30": [x1, 2 / 3 * 2 + 10 / (3 * 4), 4 / 3 + 5 / 6, 13 / 6],
        "32": [x1**3 - 10, 2197 / 216 - 10, 197 / 216],
        "34": [d2(f, x), 6 * x], "36": [halley, x * (x**3 + 2 * a) / (2 * x**3 + a)],
        "38": [(c**3 + 2 * c**3) / (2 * c**3 + c**3), 1],
    }


@document("154_hw_weighted_least_squares_1d")
def _(rng):
    n = int(rng.integers(2, 8))
    x, y, c = rng.normal(size=n), rng.normal(size=n), rng.uniform(0.1, 3, size=n)
    w = rng.normal()
    L = lambda w, x=x, y=y, c=c: 0.5 * float(np.sum(c * (y - w * x) ** 2))  # noqa: E731
    ws = _root(lambda t: d(L, t), -1e4, 1e4)
    ones = np.ones(n)
    w1 = _root(lambda t: d(lambda u: L(u, c=ones), t), -1e4, 1e4)
    s = rng.choice([-1, 1]) * rng.uniform(0.2, 3)
    xs = np.full(n, s)
    wsc = _root(lambda t: d(lambda u: L(u, x=xs), t), -1e4, 1e4)
    C = float(c.sum())
    J = lambda p: 0.5 * float(np.sum(c * (y - p[0] - p[1] * x) ** 2))  # noqa: E731
    A = np.array([[C, c @ x], [c @ x, c @ x**2]])
    bw = np.linalg.solve(A, np.array([c @ y, c @ (x * y)]))
    xb, yb = c @ x / C, c @ y / C
    return {
        "14": [d(L, w), np.sum(c * (y - w * x) * (-x)), w * np.sum(c * x**2) - np.sum(c * x * y)],
        "22": [ws, np.sum(c * x * y) / np.sum(c * x**2)], "25": [ws, np.sum(c * x * y) / np.sum(c**2 * x**2)],
        "26": [d2(L, w), np.sum(c * x**2)],
        "28.2": [w1, np.sum(x * y) / np.sum(x**2)],
        "29.2": [wsc, 1 / s * np.sum(c * y) / np.sum(c)], "30": [wsc, np.sum(c * y) / (s * n)],
        "34": [np.sum(c * (y - bw[0] - bw[1] * x)), 0], "34.2": [bw[0], yb - bw[1] * xb],
        "37": [bw[1], np.sum(c * (x - xb) * (y - yb)) / np.sum(c * (x - xb) ** 2),
               (np.sum(c * x * y) - C * xb * yb) / (np.sum(c * x**2) - C * xb**2)],
        "40": [np.sum(c * (x - xb) ** 2), np.sum(c * x**2) - C * xb**2],
        "41": [np.sum(c * (x - xb) ** 2), np.sum(c * x**2) - xb**2],
        "42": [np.sum(c * (x - xb) * (y - yb)), np.sum(c * x * y) - xb * np.sum(c * y) - yb * np.sum(c * x)],
    }


@document("155_lecture_logdet_diagonal_covariance")
def _(rng):
    n = int(rng.integers(2, 7))
    s, x, mu = rng.uniform(0.1, 4, size=n), rng.normal(size=n), rng.normal(size=n)
    j = int(rng.integers(n))
    mu[j] = x[j] + rng.choice([-1, 1]) * rng.uniform(0.3, 2)
    u, sd = np.log(s), np.sqrt(s)
    ld = lambda s: float(np.sum(np.log(s)))  # noqa: E731
    ell = lambda s: 0.5 * float(np.sum(np.log(s) + (x - mu) ** 2 / s)) + n / 2 * math.log(2 * math.pi)  # noqa: E731
    S = np.diag(s)
    r2 = (x[j] - mu[j]) ** 2
    dls = partial(ell, s, j)
    return {
        "8": [math.log(np.linalg.det(S)), math.log(np.prod(s)), ld(s)],
        "13": [partial(ld, s, j), 1 / s[j]], "13.2": [partial(ld, s, j), 1 / np.sum(s)],
        "15": [grad(lambda M: math.log(np.linalg.det(M)), S), np.linalg.inv(S).T], "15.2": [np.linalg.inv(S)[j, j], 1 / s[j]],
        "17.2": [s[j], math.exp(u[j])],
        "18": [ld(s), np.sum(u)], "18.2": [partial(lambda u: ld(np.exp(u)), u, j), 1],
        "19.2": [ld(s), 2 * np.sum(np.log(sd))],
        "19.3": [partial(lambda q: ld(q**2), sd, j), 2 / sd[j]], "20": [partial(lambda q: ld(q**2), sd, j), 1 / sd[j]],
        "20.2": [partial(lambda q: ld(q**2), sd, j), 2 / s[j]],
        "28": [dls, 1 / (2 * s[j]) - r2 / (2 * s[j] ** 2), (s[j] - r2) / (2 * s[j] ** 2)],
        "30": [_root(lambda t: partial(ell, _shift(s, j, t - s[j]), j), r2 / 10, r2 * 10), r2],
        "32": [dls, 1 / (2 * s[j]) - r2 / (2 * s[j])],
        "34": [partial(lambda u: np.exp(u), u, j)[j], s[j]],
        "36": [partial(lambda u: ell(np.exp(u)), u, j), s[j] * dls, 0.5 - r2 / (2 * s[j]), 0.5 * (1 - r2 * math.exp(-u[j]))],
        "39": [np.trace(S), np.sum(s)], "40": [np.trace(np.linalg.inv(S)), np.sum(1 / s)],
        "40.2": [np.trace(np.linalg.inv(S)), 1 / np.trace(S)],
        "41.2": [partial(lambda u: ld(np.exp(u)), u, j), math.exp(u[j])],
        "41.3": [partial(lambda u: float(np.sum(np.exp(u))), u, j), 1],
        "42": [partial(lambda u: float(np.sum(np.exp(u))), u, j), math.exp(u[j]), s[j]],
    }


@document("156_forum_bernoulli_variance")
def _(rng):
    p, t = rng.uniform(0.02, 0.98), rng.uniform(-2, 2)
    n = int(rng.integers(2, 9))
    E = lambda f, p=p: (1 - p) * f(0) + p * f(1)  # noqa: E731   expectation over X in {0, 1}
    var = lambda p: E(lambda v: v * v, p) - E(lambda v: v, p) ** 2  # noqa: E731
    X = float(rng.integers(2))
    k = np.arange(n + 1)
    pmf = np.array([math.comb(n, int(i)) * p**i * (1 - p) ** (n - i) for i in k])
    varS = float(pmf @ k**2 - (pmf @ k) ** 2)
    varP = float(pmf @ (k / n) ** 2 - (pmf @ (k / n)) ** 2)
    M = lambda t: E(lambda v: math.exp(t * v))  # noqa: E731
    MS = float(pmf @ np.exp(t * k))
    EX, EX2 = E(lambda v: v), E(lambda v: v * v)
    return {
        "4.2": [X**2, X],
        "7": [EX, 0 * (1 - p) + 1 * p, p], "7.2": [EX2, EX, p],
        "13": [var(p), EX2 - EX**2, p - p**2, p * (1 - p)],
        "16": [var(p), EX**2], "17": [var(p), p * (1 - p) ** 2], "18": [var(p), (1 - p) * p**2 + p * (1 - p) ** 2],
        "20": [d(lambda q: q * (1 - q), p), 1 - 2 * p], "20.2": [_root(lambda q: d(var, q), 0.01, 0.99), 0.5],
        "20.3": [var(0.5), 0.25],
        "23": [varS, n * p * (1 - p)],
        "26": [varP, varS / n**2, p * (1 - p) / n], "29": [varP, p * (1 - p) / n**2],
        "32": [M(t), E(lambda v: math.exp(t * v)), 1 - p + p * math.exp(t)],
        "32.2": [d(M, t), d2(M, t), p * math.exp(t)],
        "33": [var(p), d2(M, 0.0) - d(M, 0.0) ** 2, p - p**2],
        "30.2": [math.sqrt(0.25 / 100), 0.5],
        "34": [MS, (1 - p + p * math.exp(t)) ** n], "34.2": [MS, n * (1 - p + p * math.exp(t))],
        "36": [E(lambda v: (2 * v) ** 2) - E(lambda v: 2 * v) ** 2, 2 * p * (1 - p)],
        "36.2": [sum(pa * pb * ((va - vb) - (p - p)) ** 2 for va, pa in ((0, 1 - p), (1, p)) for vb, pb in ((0, 1 - p), (1, p))), 0],
    }


@document("157_appendix_lda_two_class_1d")
def _(rng):
    m0 = rng.normal()
    m1, s, p1, x = m0 + rng.uniform(0.2, 3), rng.uniform(0.3, 2), rng.uniform(0.05, 0.95), rng.normal() * 2
    p0 = 1 - p1
    phi = lambda x, m: math.exp(-(x - m) ** 2 / (2 * s * s)) / math.sqrt(2 * math.pi * s * s)  # noqa: E731
    lphi = lambda x, m: -(x - m) ** 2 / (2 * s * s) - 0.5 * math.log(2 * math.pi * s * s)  # noqa: E731   log phi
    delta = lambda x: math.log(p1) + lphi(x, m1) - math.log(p0) - lphi(x, m0)  # noqa: E731
    post = p1 * phi(x, m1) / (p0 * phi(x, m0) + p1 * phi(x, m1))
    xs = _root(delta, -200, 200)
    xe = _root(lambda x: lphi(x, m1) - lphi(x, m0), -200, 200)
    L = math.log(p1 / p0)
    return {
        "12": [delta(x), math.log(p1 * phi(x, m1) / (p0 * phi(x, m0))),
               L - ((x - m1) ** 2 - (x - m0) ** 2) / (2 * s * s), L + (m1 - m0) * x / s**2 - (m1**2 - m0**2) / (2 * s * s)],
        "17": [d(delta, x), (m1 - m0) / s**2], "17.2": [d(delta, x), (m1 - m0) / (2 * s**2)],
        "22": [post, post, 1 / (1 + math.exp(-delta(x)))],
        "28": [xs, (m0 + m1) / 2 - s * s / (m1 - m0) * L], "30": [xe, (m0 + m1) / 2],
        "33": [xs, (m0 + m1) / 2 + s * s / (m1 - m0) * L], "35": [xs, (m0 + m1) / 2 - L],
        "38.4": [(2 - 0) / 1, 2],
    }


@document("158_worksheet_product_rule")
def _(rng):
    x = rng.uniform(0.1, 3)
    a, b = rng.uniform(-2, 2, size=2)
    u = lambda t: math.sin(a * t) + t * t  # noqa: E731   any differentiable u and v for the rules of lines 3 and 25
    v = lambda t: math.exp(b * t)  # noqa: E731
    uv = lambda t: u(t) * v(t)  # noqa: E731
    e, s, c = math.exp(x), math.sin(x), math.cos(x)
    D = lambda f: d(f, x)  # noqa: E731
    return {
        "3": [D(uv), D(u) * v(x) + u(x) * D(v)], "3.2": [D(uv), D(u) * D(v)],
        "7": [D(lambda t: t * t * math.sin(t)), 2 * x * s + x * x * c],
        "8": [D(lambda t: math.exp(t) * math.cos(t)), e * c - e * s, e * (c + s)],
        "9": [D(lambda t: t * math.log(t)), math.log(x) + 1],
        "10": [(x * x + 1) * (x**3 - x), x**5 - x],
        "12": [D(lambda t: (t * t + 1) * (t**3 - t)), 2 * x * (x**3 - x) + (x * x + 1) * (3 * x * x - 1), 5 * x**4 - 1],
        "16": [D(lambda t: t * math.exp(t) * math.sin(t)), e * s + x * e * s + x * e * c],
        "18": [D(lambda t: math.sqrt(t) * math.exp(-t)), math.exp(-x) / (2 * math.sqrt(x)) + math.sqrt(x) * math.exp(-x)],
        "19": [D(lambda t: t * math.exp(t)), (x + 1) * e], "19.2": [d2(lambda t: t * math.exp(t), x), (x + 1) * e],
        "20": [D(lambda t: t * t * math.tan(t)) if abs(math.cos(x)) > 0.05 else UNDEFINED, 2 * x / c**2],
        "21.2": [D(lambda t: 1 / t), -1 / x**2],
        "23": [D(lambda t: math.sin(t) / t), c / x - s / x**2, (x * c - s) / x**2],
        "25.2": [d2(uv, x), d2(u, x) * v(x) + 2 * D(u) * D(v) + u(x) * d2(v, x)],
        "27": [d2(lambda t: t * t * math.exp(t), x), 2 * e + 4 * x * e + x * x * e, (x * x + 4 * x + 2) * e],
        "29": [D(lambda t: math.log(t) * math.log(t)), 2 * math.log(x) / x],
        "30": [D(lambda t: t**3 * math.exp(2 * t)), 3 * x * x * math.exp(2 * x) + x**3 * math.exp(2 * x)],
    }


@document("159_exam_chain_rule_drills")
def _(rng):
    x, w, b, t = rng.uniform(-2, 2), rng.normal(), rng.normal(), rng.uniform(-3, 3)
    xg, xj = rng.uniform(1.05, 5), rng.uniform(-1.5, 1.5)
    g = lambda x: (1 + x * x) ** -0.5  # noqa: E731
    f = lambda x, y: x * x * y  # noqa: E731
    h = lambda t: f(math.cos(t), math.sin(t))  # noqa: E731
    fx, fy = d(lambda u: f(u, math.sin(t)), math.cos(t)), d(lambda u: f(math.cos(t), u), math.sin(t))
    ct, st = math.cos(t), math.sin(t)
    z = w * x + b
    return {
        "5": [d(lambda u: math.sin(u * u), x), 2 * x * math.cos(x * x)],
        "7": [d(lambda u: math.exp(3 * u * u + 1), x), 6 * x * math.exp(3 * x * x + 1)],
        "9": [d(lambda u: math.log(1 + math.exp(u)), x), 1 / (1 + math.exp(x))],
        "10": [d(lambda u: math.log(1 + math.exp(u)), x), math.exp(x) / (1 + math.exp(x)), sig(x)],
        "14": [d(g, x), -0.5 * (1 + x * x) ** -1.5],
        "16": [d(g, x), -0.5 * (1 + x * x) ** -1.5 * 2 * x, -x * (1 + x * x) ** -1.5],
        "18": [d(lambda u: math.tanh(2 * u), x), 2 * (1 - math.tanh(2 * x) ** 2)],
        "20": [d(lambda u: math.cos(u) ** 3, x), 3 * math.cos(x) ** 2 * math.sin(x)],
        "25": [d(h, t), fx * d(math.cos, t) + fy * d(math.sin, t), 2 * ct * st * (-st) + ct**2 * ct, ct**3 - 2 * ct * st**2],
        "30": [d(h, t), 2 * ct * st + ct**2],
        "32": [d(lambda u: math.sqrt(math.log(u)), xg), 1 / (2 * math.sqrt(math.log(xg)))],
        "34": [d(lambda u: sig(w * u + b), x), w * sig(z) * (1 - sig(z))],
        "35": [d(lambda u: sig(w * u + b), x), sig(z) * (1 - sig(z))],
        "37": [d(lambda u: math.log(math.cos(u)), xj), -math.tan(xj)],
    }


@document("160_nb_selu_derivatives")
def _(rng):
    lam, al = 1.0507009873554805, 1.6732632423543772
    selu = lambda t: lam * (t if t > 0 else al * (math.exp(t) - 1))  # noqa: E731
    xp, xn = rng.uniform(0.05, 4), rng.uniform(-6, -0.05)
    w, un, up = rng.uniform(0.1, 3), rng.uniform(-3, -0.05), rng.uniform(0.05, 3)
    limit = selu(-60.0)
    return {
        "1:7": [selu(0.0), 0],
        "3:3": [d(selu, xp), lam],
        "3:6": [d(selu, xn), lam * al * math.exp(xn), selu(xn) + lam * al],
        "3:9": [d(selu, xn), selu(xn) + lam],
        "3:10": [d2(selu, xn), lam * al * math.exp(xn)],
        "5:5": [limit, -lam * al], "5:7": [limit, -al],
        "5:10": [d(lambda v: selu(v * un), w), lam * al * un * math.exp(w * un)],
        "5:11": [d(lambda v: selu(w * v), un), lam * al * math.exp(w * un)],
        "5:12": [d(lambda v: selu(w * v), un), lam * al * w * math.exp(w * un)],
        "5:14": [d(lambda v: selu(v * up), w), lam * up],
    }


@document("161_handout_lagrange_three_nodes")
def _(rng):
    t = rng.uniform(-2, 2)
    fm, f0, fp = rng.normal(size=3)
    nodes = np.array([-1.0, 0.0, 1.0])
    basis = [np.polyfit(nodes, np.eye(3)[k], 2) for k in range(3)]     # L_{-1}, L_0, L_1: one at their node, zero at the others
    L = [lambda s, c=c: float(np.polyval(c, s)) for c in basis]
    P = np.polyfit(nodes, [fm, f0, fp], 2)
    p = lambda s: float(np.polyval(P, s))  # noqa: E731
    integral = lambda c: float(np.polyval(np.polyint(c), 1) - np.polyval(np.polyint(c), -1))  # noqa: E731
    a, x0, h, x = rng.normal(), rng.normal(), rng.uniform(0.1, 2), rng.normal()
    f = lambda x: math.sin(a * x) + x * x * a  # noqa: E731   any function sampled at x_0 - h, x_0, x_0 + h
    Q = np.polyfit([-1.0, 0.0, 1.0], [f(x0 - h), f(x0), f(x0 + h)], 2)
    q = lambda x: float(np.polyval(Q, (x - x0) / h))  # noqa: E731
    Iq = h * integral(Q)                                             # dx = h dt
    return {
        "9": [L[0](t), t * (t - 1) / 2], "10": [L[1](t), (1 - t) * (1 + t)], "11": [L[2](t), t * (t + 1) / 2],
        "13": [L[1](t), 1 - t * t], "13.2": [L[0](t), t * (t + 1) / 2],
        "16": [p(t), fm * L[0](t) + f0 * L[1](t) + fp * L[2](t)],
        "18": [L[0](t) + L[1](t) + L[2](t), 1], "18.2": [-L[0](t) + L[2](t), t],
        "20": [d(L[0], t), t - 0.5], "20.2": [d(L[1], t), -2 * t], "20.3": [d(L[2], t), t + 0.5],
        "22": [d(p, 0.0), -0.5 * fm + 0.5 * fp, (fp - fm) / 2],
        "26": [d2(p, t), fm - 2 * f0 + fp], "28": [d2(p, t), (fm - 2 * f0 + fp) / 2],
        "33": [d(q, x0), (f(x0 + h) - f(x0 - h)) / (2 * h)],
        "34": [d2(q, x), (f(x0 + h) - 2 * f(x0) + f(x0 - h)) / h],
        "38": [integral(basis[1]), 4 / 3], "38.2": [integral(basis[2]), 1 / 3],
        "40": [integral(P), (fm + 4 * f0 + fp) / 3],
        "42": [Iq, h / 6 * (f(x0 - h) + 4 * f(x0) + f(x0 + h))],
        "44": [integral(basis[0]), -1 / 3],
    }


@document("162_recitation_implicit_differentiation")
def _(rng):
    r = rng.uniform(0.5, 4)
    x = r * rng.uniform(-0.9, 0.9)
    Y = lambda x: math.sqrt(r * r - x * x)  # noqa: E731   the upper half of the circle
    y, y1 = Y(x), d(Y, x)
    C5 = lambda x: math.sqrt(25 - x * x)  # noqa: E731
    a, b = rng.uniform(0.5, 3, size=2)
    xe = a * rng.uniform(-0.9, 0.9)
    E = lambda x: b * math.sqrt(1 - x * x / (a * a))  # noqa: E731   the upper half of the ellipse
    ye, ye1 = E(xe), d(E, xe)
    xm = rng.uniform(0.05, 3)
    M = lambda x: _root(lambda y: math.exp(y) + x * y - math.e, -8, 3)  # noqa: E731   e^y + x y = e, increasing in y
    ym, ym1 = M(xm), d(M, xm)
    xp = rng.uniform(0.1, 3)
    P = lambda x: x**x  # noqa: E731
    return {
        "7": [2 * x + 2 * y * y1, 0], "10": [y1, -x / y, -x / math.sqrt(r * r - x * x)],
        "13": [x * x + y * y, r * r],
        "16": [d2r(Y, x), -(y - x * y1) / y**2, -(y * y + x * x) / y**3, -r * r / y**3],
        "19.2": [d(C5, 3.0), -3 / 4], "19.3": [d(C5, 3.0), -4 / 3],
        "25": [2 * xe / a**2 + 2 * ye * ye1 / b**2, 0], "25.2": [ye1, -a * a * xe / (b * b * ye)],
        "28": [ye1, -b * b * xe / (a * a * ye)],
        "33": [math.exp(ym) * ym1 + ym + xm * ym1, 0], "33.2": [ym1, -ym / (math.exp(ym) + xm)],
        "36": [d(M, 0.0), -1 / math.e], "36.2": [ym1, -ym / math.exp(ym)],
        "38.2": [math.log(P(xp)), xp * math.log(xp)], "38.3": [d(P, xp) / P(xp), math.log(xp) + 1],
        "39": [d(P, xp), xp**xp * (math.log(xp) + 1)], "39.2": [d(P, xp), xp * xp ** (xp - 1)],
        "39.3": [d2r(P, xp), xp**xp * ((math.log(xp) + 1) ** 2 + 1 / xp)], "39.4": [d2r(P, xp), xp**xp / xp],
        "41.2": [d2r(Y, 0.0), -r * r / r**3, -1 / r], "41.3": [d2r(Y, 0.0), -1 / r**2],
    }


def _integral(f, a, b, n=20000):
    """∫_a^b f by Simpson's rule on n (even) intervals; f takes arrays."""
    u = np.linspace(a, b, n + 1)
    w = np.ones(n + 1)
    w[1:-1:2], w[2:-1:2] = 4, 2
    return float((b - a) / (3 * n) * np.sum(w * f(u)))


@document("163_nb_exponential_waiting_times")
def _(rng):
    lam = rng.uniform(0.2, 5)
    dens = lambda u: lam * np.exp(-lam * u)  # noqa: E731
    F = lambda x: _integral(dens, 0.0, x)  # noqa: E731
    S = lambda x: 1 - F(x)  # noqa: E731
    top = 60 / lam
    mean = _integral(lambda u: u * dens(u), 0.0, top)
    var = _integral(lambda u: u * u * dens(u), 0.0, top) - mean**2
    x = rng.uniform(0, 4 / lam)
    s, t = rng.uniform(0, 3 / lam, size=2)
    n = int(rng.integers(1, 10))
    xs = rng.exponential(1 / lam, size=n)
    ell = lambda l: float(np.sum(np.log(l) - l * xs))  # noqa: E731   the log of each density lambda e^{-lambda x_i}
    lh = _root(lambda l: d(ell, l), 1e-2 / xs.mean(), 1e2 / xs.mean())
    th = 1 / lam
    ellt = lambda th: ell(1 / th)  # noqa: E731
    return {
        "1:5": [F(x), 1 - math.exp(-lam * x)], "1:5.2": [mean, 1 / lam], "1:5.3": [var, 1 / lam**2],
        "1:6.2": [_root(lambda m: F(m) - 0.5, 0.0, top), math.log(2) / lam], "1:6.3": [var, 1 / lam],
        "3:5": [S(s + t) / S(s), math.exp(-lam * (s + t)) / math.exp(-lam * s), math.exp(-lam * t), S(t)],
        "3:7": [S(s + t) / S(s), math.exp(-lam * (s + t))],
        "4:5": [ell(lam), float(np.sum(np.log(lam * np.exp(-lam * xs)))), n * math.log(lam) - lam * xs.sum()],
        "4:7": [d(ell, lam), n / lam - xs.sum()], "4:7.2": [d2(ell, lam), -n / lam**2],
        "4:9": [lh, n / xs.sum(), 1 / xs.mean()], "4:11": [lh, xs.mean()],
        "4:12": [-d2(ell, lam), -d2(ell, lam), n / lam**2],
        "4:12.2": [1 / math.sqrt(-d2(ell, lam)), lam / math.sqrt(n)], "4:12.3": [1 / math.sqrt(-d2(ell, lam)), lam**2 / n],
        "6:3.2": [ellt(th), -n * math.log(th) - xs.sum() / th],
        "6:4": [d(ellt, th), -n / th - xs.sum() / th**2], "6:4.2": [d(ellt, th), -n / th + xs.sum() / th**2],
        "6:5": [_root(lambda u: d(ellt, u), 1e-2 * xs.mean(), 1e2 * xs.mean()), xs.mean()],
        "6:5.2": [_root(lambda u: d(ellt, u), 1e-2 * xs.mean(), 1e2 * xs.mean()), 1 / lh],
        "6:5.3": [1 / math.sqrt(-d2(lambda u: -n * math.log(u) - n * th / u, th)), 1 / (1 / math.sqrt(-d2(ell, lam)))],
    }


@document("164_forum_polar_jacobian")
def _(rng):
    r, th = rng.uniform(0.1, 3), rng.uniform(-3.1, 3.1)
    P = lambda v: np.array([v[0] * math.cos(v[1]), v[0] * math.sin(v[1])])  # noqa: E731   (r, theta) -> (x, y)
    Pinv = lambda v: np.array([math.hypot(v[0], v[1]), math.atan2(v[1], v[0])])  # noqa: E731
    x, y = P([r, th])
    J = jac(P, np.array([r, th]))
    Ji = jac(Pinv, np.array([x, y]))
    c, s = math.cos(th), math.sin(th)
    a, b = rng.normal(size=2)
    f = lambda x, y: math.sin(a * x) + x * y * y + b * y  # noqa: E731   any differentiable f
    g = lambda r, th: f(r * math.cos(th), r * math.sin(th))  # noqa: E731
    fx, fy = d(lambda u: f(u, y), x), d(lambda u: f(x, u), y)
    q = lambda r, th: (r * math.cos(th)) ** 2 + (r * math.sin(th)) ** 2  # noqa: E731   g for f = x^2 + y^2
    plane = _integral(lambda u: np.exp(-u * u), -12.0, 12.0) ** 2
    polar = 2 * math.pi * _integral(lambda u: np.exp(-u * u) * u, 0.0, 12.0)
    nojac = 2 * math.pi * _integral(lambda u: np.exp(-u * u), 0.0, 12.0)
    R = rng.uniform(0.1, 5)
    disc = 2 * math.pi * _integral(lambda u: u, 0.0, R)
    return {
        "6": [J, J, np.array([[c, -r * s], [s, r * c]])],
        "12": [np.linalg.det(J), r * c * c + r * s * s, r], "15": [abs(np.linalg.det(J)), r], "15.2": [np.linalg.det(J), r * r],
        "15.3": [np.linalg.det(J), -r],
        "20": [Ji[0, 0], x / math.sqrt(x * x + y * y), c], "20.2": [Ji[1, 0], -y / (x * x + y * y), -s / r],
        "23": [Ji[1, 0], -1 / (r * s)], "24.3": [J[0, 0], c], "24.4": [J[0, 0], 1 / c], "24": [Ji, np.linalg.inv(J)], "24.2": [np.linalg.det(np.linalg.inv(J)), 1 / r],
        "29": [d(lambda u: g(u, th), r), fx * c + fy * s], "29.2": [d(lambda u: g(r, u), th), -fx * r * s + fy * r * c],
        "32": [d(lambda u: P([r, u])[0], th), -r * s],
        "32.2": [d(lambda u: g(r, u), th), -fx * s + fy * c],
        "33.2": [q(r, th), r * r], "33.3": [d(lambda u: q(u, th), r), 2 * x * c + 2 * y * s, 2 * r],
        "33.4": [d(lambda u: q(r, u), th), 0],
        "38": [plane, polar, 2 * math.pi * 0.5, math.pi], "41": [nojac, 2 * math.pi],
        "42": [disc, math.pi * R * R], "43": [disc, 2 * math.pi * R * R],
    }


@document("165_notes_partial_fractions_telescoping")
def _(rng):
    x = rng.choice([-1, 1]) * rng.uniform(0.1, 4)
    while min(abs(x - p) for p in (0, -1, -2, 1)) < 0.05:
        x = rng.uniform(-4, 4)
    n = int(rng.integers(2, 30))
    k = np.arange(1, n + 1)
    k2 = np.arange(2, n + 1)
    A, B = np.linalg.solve(np.array([[1.0, 1.0], [2.0, 1.0]]), np.array([3.0, 5.0]))   # A(x + 2) + B(x + 1) = 3x + 5
    xp, x1 = rng.uniform(0.1, 4), rng.uniform(1.05, 4)
    return {
        "5": [(x + 1) - x, 1],
        "8": [1 / (x * (x + 1)), ((x + 1) - x) / (x * (x + 1)), 1 / x - 1 / (x + 1)],
        "14": [np.sum(1 / (k * (k + 1))), np.sum(1 / k - 1 / (k + 1)), 1 - 1 / (n + 1), n / (n + 1)],
        "17": [np.sum(1 / (k * (k + 1))), 1 - 1 / n], "17.3": [0.5 + 1 / 6, 2 / 3],
        "17.4": [float(np.sum(1 / (np.arange(1, 10**6 + 1) * (np.arange(1, 10**6 + 1) + 1.0)))), 2],
        "19.3": [A, (-3 + 5) / (-1 + 2), 2], "20.2": [B, (-6 + 5) / (-2 + 1), 1],
        "23": [(3 * x + 5) / ((x + 1) * (x + 2)), 2 / (x + 1) + 1 / (x + 2)],
        "29": [1 / (x * x - 1), 0.5 * (1 / (x - 1) - 1 / (x + 1))], "29.2": [1 / (x * x - 1), 1 / (x - 1) - 1 / (x + 1)],
        "35": [np.sum(1 / (k2 * k2 - 1.0)), 0.5 * (1 + 0.5 - 1 / n - 1 / (n + 1)), 0.75 - (2 * n + 1) / (2 * n * (n + 1))],
        "38": [1 / (x * x * (x + 1)), -1 / x + 1 / x**2 + 1 / (x + 1)],
        "38.2": [1 / (x * x * (x + 1)), 1 / x**2 + 1 / (x + 1)],
        "40": [(x * x + 1) / (x - 1), x + 1 + 1 / (x - 1)], "41": [(x * x + 1) / (x - 1), x + 1 + 2 / (x - 1)],
        "43": [d(lambda t: math.log(t / (t + 1)), xp), 1 / xp - 1 / (xp + 1)],
        "44": [d(lambda t: math.log((t - 1) / (t + 1)), x1), 1 / (x1 * x1 - 1)],
    }


@document("166_hw_log_barrier_interval")
def _(rng):
    a = rng.uniform(-3, 3)
    b = a + rng.uniform(0.5, 4)
    x = rng.uniform(a + 0.2 * (b - a), b - 0.2 * (b - a))
    phi = lambda u: -math.log(u - a) - math.log(b - u)  # noqa: E731
    xc = (a + b) / 2
    t = rng.uniform(0.05, 30)
    s = math.sqrt(t * t + 4)
    xs = _root(lambda u: t - 1 / u + 1 / (1 - u), 1e-12, 1 - 1e-12)     # the minimiser of t x + phi(x) on (0, 1)
    n, m = int(rng.integers(1, 5)), int(rng.integers(1, 5))
    A = rng.normal(size=(m, n))
    z = rng.normal(size=n)
    bb = A @ z + rng.uniform(0.2, 3, size=m)                             # a_i^T z < b_i
    Phi = lambda v: -np.sum(np.log(bb - A @ v))  # noqa: E731
    r = bb - A @ z
    H = np.array([[partial2(Phi, z, i, k) for k in range(n)] for i in range(n)])
    return {
        "9": [math.exp(-phi(x)), (x - a) * (b - x)],
        "13": [d(phi, x), -1 / (x - a) + 1 / (b - x), (2 * x - a - b) / ((x - a) * (b - x))],
        "15": [d(phi, x), -1 / (x - a) - 1 / (b - x)],
        "18": [d2(phi, x), 1 / (x - a) ** 2 + 1 / (b - x) ** 2],
        "20": [d2(phi, x), 1 / (x - a) ** 2 - 1 / (b - x) ** 2],
        "24": [phi(xc), -2 * math.log((b - a) / 2)], "26": [phi(xc), -2 * math.log(b - a)],
        "35": [xs, (t + 2 - s) / (2 * t), 2 / (t + 2 + s)], "37": [xs, 1 / (t + 2)],
        "41": [grad(Phi, z), A.T @ (1 / r)], "41.2": [H, sum(np.outer(A[i], A[i]) / r[i] ** 2 for i in range(m))],
        "43": [grad(Phi, z), -A.T @ (1 / r)],
    }


@document("167_notes_cubic_hermite_spline")
def _(rng):
    h00 = lambda t: 2 * t**3 - 3 * t**2 + 1  # noqa: E731
    h10 = lambda t: t**3 - 2 * t**2 + t  # noqa: E731
    h01 = lambda t: -2 * t**3 + 3 * t**2  # noqa: E731
    h11 = lambda t: t**3 - t**2  # noqa: E731
    t = rng.uniform(0, 1)
    p0, p1, m0, m1 = rng.normal(size=4)
    p = lambda t: h00(t) * p0 + h10(t) * m0 + h01(t) * p1 + h11(t) * m1  # noqa: E731
    h = rng.uniform(0.2, 3)
    xs = rng.normal() + h * np.arange(3)                                  # x_{k-1}, x_k, x_{k+1}
    y, m = rng.normal(size=3), rng.normal(size=3)

    def piece(j):                                                         # s on [x_j, x_{j+1}], as a cubic in x
        return lambda x: (h00((x - xs[j]) / h) * y[j] + h * h10((x - xs[j]) / h) * m[j]
                          + h01((x - xs[j]) / h) * y[j + 1] + h * h11((x - xs[j]) / h) * m[j + 1])
    left, right = piece(0), piece(1)                                      # [x_{k-1}, x_k] and [x_k, x_{k+1}]
    yk1, yk, yk2 = y                                                      # y_{k-1}, y_k, y_{k+1}
    mk1, mk, mk2 = m
    plus, minus = d2r(right, xs[1]), d2r(left, xs[1])                     # s''(x_k^+), s''(x_k^-)
    end = d2r(right, xs[2])                                               # s''(x_{k+1}^-)
    return {
        "14": [h00(t) + h01(t), 1], "15": [h00(t) + h10(t) + h01(t) + h11(t), 1], "15.2": [d(h00, t), 6 * t * (t - 1)],
        "17": [p(0.5), (p0 + p1) / 2 + (m0 - m1) / 8], "19": [p(0.5), (p0 + p1) / 2 + (m0 + m1) / 8], "19.2": [h11(0.5), -1 / 8],
        "26": [d(right, xs[1]), mk],
        "29": [end, (6 * yk + 2 * h * mk - 6 * yk2 + 4 * h * mk2) / h**2, 6 * (yk - yk2) / h**2 + (2 * mk + 4 * mk2) / h],
        "32": [plus, 6 * (yk2 - yk) / h**2 - (4 * mk + 2 * mk2) / h],
        "36": [plus - minus, 6 * (yk2 - yk1) / h**2 - 2 * (mk1 + 4 * mk + mk2) / h],
        "40": [plus - minus, 6 * (yk2 - 2 * yk + yk1) / h**2 - 2 * (mk1 + 4 * mk + mk2) / h],
        "42": [plus, 6 * (yk2 - yk) / h - (4 * mk + 2 * mk2) / h],
    }


@document("168_forum_screening_test_bayes")
def _(rng):
    def posterior(prev, sens, spec, results):
        """P(D | results) by enumerating the joint table; results a string of '+' and '-'."""
        joint = {}
        for ill, prior in ((True, prev), (False, 1 - prev)):
            like = 1.0
            for r in results:
                pos = sens if ill else 1 - spec
                like *= pos if r == "+" else 1 - pos
            joint[ill] = prior * like
        return joint[True] / (joint[True] + joint[False]), joint[True] + joint[False]
    post, evidence = posterior(0.01, 0.9, 0.95, "+")
    neg, _ = posterior(0.01, 0.9, 0.95, "-")
    two, _ = posterior(0.01, 0.9, 0.95, "++")
    p, s, c = rng.uniform(0.01, 0.99, size=3)
    q, _ = posterior(p, s, c, "+")
    return {
        "6.2": [1 - 0.95, 0.05],
        "10": [evidence, 0.9 * 0.01 + 0.05 * 0.99, 0.9 * 0.01 + 0.05 * 0.99, 0.0585],
        "14": [post, 0.9 * 0.01 / evidence, 0.009 / 0.0585], "16": [post, 0.9], "17": [post, 0.9 * 0.01],
        "21": [neg, 0.1 * 0.01 / (0.1 * 0.01 + 0.95 * 0.99)], "23": [neg, 1 - post],
        "28": [q / (1 - q), s / (1 - c) * p / (1 - p)], "30": [q / (1 - q), s / c * p / (1 - p)],
        "31": [0.9 / 0.05, 18], "31.2": [18 / 99, 2 / 11],
        "36": [18**2 / 99, 36 / 11], "36.2": [two, 36 / 47], "38": [two, 2 * 0.154],
    }


@document("169_nb_two_state_markov_chain")
def _(rng):
    a, b = rng.uniform(0.05, 0.95, size=2)
    P = np.array([[1 - a, a], [b, 1 - b]])
    w, V = np.linalg.eig(P.T)                                   # the stationary row vector: left eigenvector for 1
    pi = np.real(V[:, np.argmin(abs(w - 1))])
    pi = pi / pi.sum()
    n = int(rng.integers(0, 12))
    Pn = np.linalg.matrix_power(P, n)
    lam = 1 - a - b
    ks = np.arange(1, 4000)
    # T_1 from state 1: back at once with probability 1 - a, else k - 2 rainy days after the first and a switch back
    ET = (1 - a) * 1 + np.sum(ks[1:] * a * (1 - b) ** (ks[1:] - 2) * b)
    return {
        "1:7.2": [a * pi[0], b * pi[1]],
        "1:9": [pi, np.array([b, a]) / (a + b)], "1:11": [pi, np.array([a, b]) / (a + b)],
        "3:3": [np.trace(P), 2 - a - b], "3:3.2": [np.linalg.det(P), (1 - a) * (1 - b) - a * b, 1 - a - b],
        "3:5": [Pn, np.array([[b, a], [b, a]]) / (a + b) + lam**n / (a + b) * np.array([[a, -a], [-b, b]])],
        "3:7": [Pn[0, 0], (b + a * lam**n) / (a + b)], "3:7.2": [Pn[1, 0], (b - b * lam**n) / (a + b)],
        "3:8": [Pn[0, 0], (b + a * lam ** (n - 1)) / (a + b)], "3:8.2": [Pn[1, 0], (b + b * lam**n) / (a + b)],
        "5:3": [np.sum(ks * a * (1 - a) ** (ks - 1)), 1 / a], "5:3.2": [np.sum(ks * a * (1 - a) ** (ks - 1)), (1 - a) / a],
        "5:6": [ET, 1 / pi[0], (a + b) / b], "5:8": [ET, (a + b) / a],
    }


@document("170_lecture_mixture_moments")
def _(rng):
    normal = lambda x, m, s2: np.exp(-(x - m) ** 2 / (2 * s2)) / np.sqrt(2 * np.pi * s2)  # noqa: E731
    Phi = lambda z: 0.5 * (1 + math.erf(z / math.sqrt(2)))  # noqa: E731
    w = rng.uniform(0.05, 0.95)
    mu0, mu1 = rng.normal(scale=2, size=2)
    s0, s1 = rng.uniform(0.3, 2, size=2)

    def moments(w, mu0, mu1, s0, s1):
        """E X, E X^2, E X^4 and the density of the mixture, by sampling Z and then X: integrals of the two components."""
        lo, hi = min(mu0, mu1) - 12 * max(s0, s1), max(mu0, mu1) + 12 * max(s0, s1)
        dens = lambda x: w * normal(x, mu1, s1**2) + (1 - w) * normal(x, mu0, s0**2)  # noqa: E731
        return [_integral(lambda x: x**k * dens(x), lo, hi) for k in (1, 2, 4)], dens, lo
    (m1, m2, _), dens, lo = moments(w, mu0, mu1, s0, s1)
    var = m2 - m1 * m1
    x = rng.uniform(lo / 2, -lo / 2)
    F = _integral(dens, lo, x)
    mz = w * mu1 + (1 - w) * mu0                         # E[X | Z] is mu_Z
    mu, s = rng.normal(), rng.uniform(0.3, 2)
    (n1, n2, n4), _, _ = moments(0.5, -mu, mu, s, s)
    # the density of line 6 against a histogram-free check: P(X in [x, x + eps]) / eps by sampling Z first
    eps = 1e-6
    cdf = lambda t: w * Phi((t - mu1) / s1) + (1 - w) * Phi((t - mu0) / s0)  # noqa: E731
    return {
        "6": [(cdf(x + eps) - cdf(x - eps)) / (2 * eps), w * normal(x, mu1, s1**2) + (1 - w) * normal(x, mu0, s0**2)],
        "9": [m1, mz, w * mu1 + (1 - w) * mu0],
        "13": [m2, w * (s1**2 + mu1**2) + (1 - w) * (s0**2 + mu0**2)],
        "19": [var, (w * s1**2 + (1 - w) * s0**2) + (w * (mu1 - mz) ** 2 + (1 - w) * (mu0 - mz) ** 2),
               w * s1**2 + (1 - w) * s0**2 + w * (1 - w) * (mu1 - mu0) ** 2],
        "23": [w * (mu1 - mz) ** 2 + (1 - w) * (mu0 - mz) ** 2, w * (1 - w) * (mu1 - mu0) ** 2],
        "27": [var, w * s1**2 + (1 - w) * s0**2], "28": [var, w**2 * s1**2 + (1 - w) ** 2 * s0**2],
        "32": [F, cdf(x)], "34": [F, Phi((x - m1) / math.sqrt(var))],
        "36.2": [n1, 0], "38": [n2 - n1 * n1, s * s + mu * mu], "38.2": [n4, 3 * s**4 + 6 * s * s * mu * mu + mu**4],
        "41": [n2 - n1 * n1, s * s + 2 * mu * mu],
    }


@document("171_worksheet_integration_by_parts")
def _(rng):
    e, pi = math.e, math.pi
    x = rng.uniform(-3, 3)
    n = int(rng.integers(1, 9))
    I1 = _integral(lambda t: t * np.exp(t), 0, 1)
    I2 = _integral(lambda t: t * np.sin(t), 0, pi)
    I3 = _integral(lambda t: t * np.cos(t), 0, pi / 2)
    I4 = _integral(lambda t: t * t * np.exp(t), 0, 1)
    gamma = lambda k: _integral(lambda t: t**k * np.exp(-t), 0, 80)  # noqa: E731
    I6 = _integral(lambda t: np.exp(t) * np.sin(t), 0, pi)
    return {
        "8": [I1, (1 * e - 0) - _integral(np.exp, 0, 1), 1],
        "10": [d(lambda t: (t - 1) * math.exp(t), x), x * math.exp(x)],
        "14": [I2, (-pi * math.cos(pi) + 0) + _integral(np.cos, 0, pi), pi], "16": [I2, -pi],
        "18": [I3, pi / 2 + 1], "19": [I3, pi / 2 - 1],
        "23": [I4, e - 2 * I1, e - 2], "25": [I4, e - 1],
        "29": [gamma(n), n * gamma(n - 1)], "31": [gamma(n), math.factorial(n)], "31.2": [gamma(n), math.factorial(n - 1)],
        "34": [I6, e**pi + 1 - I6], "36": [I6, (e**pi + 1) / 2], "38": [I6, (e**pi - 1) / 2],
    }


@document("172_appendix_symmetric_2x2_eigen")
def _(rng):
    a, c = rng.normal(scale=2, size=2)
    b = rng.choice([-1, 1]) * rng.uniform(0.1, 3)
    lam = rng.normal(scale=3)
    sym = lambda a, b, c: np.array([[a, b], [b, c]])  # noqa: E731
    A = sym(a, b, c)
    top = lambda a, b, c: np.linalg.eigvalsh(sym(a, b, c))[1]  # noqa: E731
    lo, hi = np.linalg.eigvalsh(A)
    pm = np.array([hi, lo])                                      # (lambda_+, lambda_-)
    r = math.sqrt((a - c) ** 2 + 4 * b * b)
    v = np.array([b, hi - a])
    w = np.array([hi - a, b])
    tr, det = np.trace(A), np.linalg.det(A)
    db = d(lambda t: top(a, t, c), b)
    return {
        "14": [np.linalg.det(A - lam * np.eye(2)), (a - lam) * (c - lam) - b * b, lam**2 - (a + c) * lam + (a * c - b * b)],
        "18": [pm, np.array([a + c + r, a + c - r]) / 2],
        "20": [hi + lo, tr], "20.2": [hi * lo, det], "22": [hi - lo, r], "24": [hi - lo, math.sqrt(tr * tr + 4 * det) if tr * tr + 4 * det >= 0 else UNDEFINED],
        "25": [pm, np.array([a + c + r / 2, a + c - r / 2])],
        "29": [A @ v, hi * v], "31.2": [A @ w, hi * w],
        "36": [d(lambda t: top(t, b, c), a), 0.5 + (a - c) / (2 * r)],
        "37": [db, 2 * b / r, 2 * v[0] * v[1] / (v @ v)], "40": [db, b / r],
    }


@document("173_hw_euler_methods_test_equation")
def _(rng):
    lam, h = rng.uniform(-5, 2), rng.uniform(0.01, 0.4)
    y0 = rng.choice([-1, 1]) * rng.uniform(0.2, 3)
    t = rng.uniform(0.1, 1.5)
    n = int(rng.integers(0, 12))
    f = lambda y: lam * y  # noqa: E731

    def rk4(y, T, steps=2000):                               # the exact solution at T, numerically
        k = T / steps
        for _ in range(steps):
            a1 = f(y); a2 = f(y + k / 2 * a1); a3 = f(y + k / 2 * a2); a4 = f(y + k * a3)  # noqa: E702
            y = y + k / 6 * (a1 + 2 * a2 + 2 * a3 + a4)
        return y

    yn = rng.normal()                                        # a current iterate y_n
    fwd = yn + h * f(yn)
    bwd = _root(lambda z: z - yn - h * f(z), -1e4, 1e4)     # z = y_n + h f(z)
    trap = _root(lambda z: z - yn - h / 2 * (f(yn) + f(z)), -1e4, 1e4)
    heun = yn + h / 2 * (f(yn) + f(yn + h * f(yn)))
    euler = y0
    for _ in range(n):
        euler = euler + h * f(euler)
    N = 10**9
    L, H = -10, 0.25
    return {
        "4": [rk4(y0, t), y0 * math.exp(lam * t)],
        "8": [fwd, (1 + h * lam) * yn], "8.2": [euler, (1 + h * lam) ** n * y0], "10": [euler, (1 + h * lam) ** (n + 1) * y0],
        "11": [math.exp(N * math.log1p(lam * t / N)), math.exp(lam * t)],
        "15": [bwd, yn / (1 - h * lam)], "17": [bwd, (1 - h * lam) * yn],
        "21": [trap, (1 + h * lam / 2) / (1 - h * lam / 2) * yn],
        "25": [heun, (1 + h * lam + (h * lam) ** 2 / 2) * yn], "27": [heun, (1 + h * lam + (h * lam) ** 2) * yn],
        "29.3": [1 + H * L, -1.5], "30": [1 / (1 - H * L), 1 / 3.5], "31": [1 + H * L, -2.5],
    }


def _limit(g, x0=0.0, h=0.05, at_infinity=False):
    """lim g(x) as x -> x0 (from the right), or as x -> infinity, for g analytic in x - x0 (in 1/x at infinity) after
    removing the singularity: Neville's extrapolation to 0 of g at x0 + h, h/2, ..., h/16."""
    us = [h / 2**k for k in range(5)]
    vs = [g(1 / u) if at_infinity else g(x0 + u) for u in us]
    table = list(vs)
    for m in range(1, len(us)):
        for i in range(len(us) - m):
            table[i] = (us[i + m] * table[i] - us[i] * table[i + 1]) / (us[i + m] - us[i])
    return table[0]


@document("174_exam_limits_lhopital")
def _(rng):
    a = rng.choice([-1, 1]) * rng.uniform(0.2, 3)
    b = rng.choice([-1, 1]) * rng.uniform(0.2, 3)
    while abs(abs(a) - 1) < 0.05 or abs(a - b) < 0.05:
        a = rng.choice([-1, 1]) * rng.uniform(0.2, 3)
    L1 = _limit(lambda x: math.sin(a * x) / (b * x))
    L2 = _limit(lambda x: (1 - math.cos(x)) / x**2)
    L2b = _limit(lambda x: math.sin(x) / (2 * x))
    L2c = _limit(lambda x: math.cos(x) / 2)
    tan3 = _limit(lambda x: (math.tan(x) - x) / x**3)
    Le = _limit(lambda x: math.exp(x * math.log1p(a / x)), at_infinity=True, h=0.01)
    Lln = _limit(lambda x: math.log(x) / (x - 1), x0=1.0)
    Lq = _limit(lambda x: (x + 1) / (x + 2))
    return {
        "6": [L1, a / b], "6.2": [L1, 1],
        "10": [L2, L2b, L2c, 0.5],
        "15": [_limit(lambda x: (math.expm1(x) - x) / x**2), 0.5],
        "20": [_limit(lambda x: (x - math.sin(x)) / x**3), 1 / 6], "20.2": [tan3, 1 / 3], "22": [tan3, 1 / 6],
        "24": [Le, math.exp(a)], "25": [Le, math.exp(1 / a)],
        "27": [Lln, 1], "28": [Lln, 0],
        "32": [Lq, 0.5], "34": [Lq, _limit(lambda x: 1 / 1), 1],
        "36": [400.0**2 * math.exp(-400.0), 0],
    }


@document("175_blog_logit_normal_density")
def _(rng):
    mu, s = rng.uniform(-3, 3), rng.uniform(0.3, 3)
    while abs(mu) < 0.2:
        mu = rng.uniform(-3, 3)
    x, z, y = rng.uniform(0.02, 0.98), rng.normal(scale=3), math.exp(rng.normal())
    Phi = lambda t: 0.5 * (1 + math.erf(t / math.sqrt(2)))  # noqa: E731
    logit = lambda u: math.log(u / (1 - u))  # noqa: E731
    pZ = lambda t, m=mu: math.exp(-(t - m) ** 2 / (2 * s * s)) / (s * math.sqrt(2 * math.pi))  # noqa: E731
    FX = lambda u: Phi((logit(u) - mu) / s)  # noqa: E731   P(X <= u) = P(Z <= logit u)
    pX = d(FX, x)
    sg = lambda t: 1 / (1 + math.exp(-t))  # noqa: E731
    mean = lambda m: _integral(lambda t: sig(m + s * t) * np.exp(-t * t / 2) / math.sqrt(2 * math.pi), -12, 12)  # noqa: E731
    med = _root(lambda u: FX(u) - 0.5, 1e-12, 1 - 1e-12)
    FY = lambda u: Phi((math.log(u) - mu) / s)  # noqa: E731
    return {
        "10": [d(logit, x), 1 / x + 1 / (1 - x), 1 / (x * (1 - x))], "10.2": [d(sg, z), sg(z) * (1 - sg(z))],
        "17": [pX, pZ(logit(x)) / (x * (1 - x)),
               1 / (s * math.sqrt(2 * math.pi)) / (x * (1 - x)) * math.exp(-(logit(x) - mu) ** 2 / (2 * s * s))],
        "21": [pX, pZ(logit(x))], "22": [pX, pZ(logit(x)) * x * (1 - x)],
        "26": [math.log(pX), -math.log(x) - math.log(1 - x) - (logit(x) - mu) ** 2 / (2 * s * s) - math.log(s * math.sqrt(2 * math.pi))],
        "31": [med, sg(mu)], "32": [mean(mu), sg(mu)], "33": [mean(0.0), 0.5], "33.2": [sg(-z), 1 - sg(z)],
        "37.2": [d(FY, y), pZ(math.log(y)) / y], "38": [d(FY, y), y * pZ(math.log(y))],
    }


@document("176_nb_gaussian_mgf_moments")
def _(rng):
    mu, s = rng.uniform(-1.5, 1.5), rng.uniform(0.3, 1.5)
    while abs(s - 1) < 0.05:
        s = rng.uniform(0.3, 1.5)
    nu, tau = rng.uniform(-1.5, 1.5), rng.uniform(0.3, 1.5)
    t = rng.uniform(-1.5, 1.5)
    phi = lambda z: np.exp(-z * z / 2) / math.sqrt(2 * math.pi)  # noqa: E731
    E = lambda g, m=mu, sd=s: _integral(lambda z: g(m + sd * z) * phi(z), -14, 14)  # noqa: E731   E[g(X)]
    M = lambda u: math.exp(mu * u + s * s * u * u / 2)  # noqa: E731
    K = lambda u: math.log(M(u))  # noqa: E731
    m1, m2 = d(M, 0.0), d2(M, 0.0)
    z = np.linspace(-14, 14, 801)
    wts = np.ones(801)
    wts[1:-1:2], wts[2:-1:2] = 4, 2
    wts *= (z[1] - z[0]) / 3
    X, Y = np.meshgrid(mu + s * z, nu + tau * z, indexing="ij")
    joint = np.outer(wts * phi(z), wts * phi(z))                      # X and Y independent
    Msum = float(np.sum(joint * np.exp(t * (X + Y))))
    MX, MY = E(lambda v: np.exp(t * v)), E(lambda v: np.exp(t * v), nu, tau)
    a = mu + rng.uniform(0.1, 3)
    expo = lambda u: -u * a + mu * u + s * s * u * u / 2  # noqa: E731
    ts = _root(lambda u: d(expo, u), 0.0, 100.0)
    return {
        "1:5": [E(lambda v: np.exp(t * v)), E(lambda v: np.exp(t * v)), M(t)],
        "1:7": [d(M, t), (mu + s * s * t) * M(t)], "1:7.2": [m1, mu],
        "1:9": [d2(M, t), (s * s + (mu + s * s * t) ** 2) * M(t)], "1:11": [m2, s * s + mu * mu],
        "1:13": [E(lambda v: (v - mu) ** 2), m2 - m1 * m1, s * s], "1:15": [d2(M, t), s * s * M(t)],
        "3:3.2": [K(t), mu * t + s * s * t * t / 2], "3:3.3": [_d3(K, t), 0],
        "3:4": [E(lambda v: v**3), mu**3 + 3 * mu * s * s], "3:5": [E(lambda v: v**3), mu**3 + s**3],
        "3:7": [Msum, MX * MY], "3:8": [Msum, MX + MY],
        "5:3": [ts, (a - mu) / s**2], "5:3.2": [ts, (a - mu) / s],
    }


@document("177_recitation_lagrange_multipliers")
def _(rng):
    s = rng.uniform(0.1, 5)
    x, y, lam = rng.normal(size=3)
    L = lambda v: v[0] * v[1] - v[2] * (v[0] + v[1] - s)  # noqa: E731
    xs = _root(lambda u: d(lambda w: w * (s - w), u), 0.0, s)            # the maximiser of x (s - x)
    ys = s - xs
    n = int(rng.integers(1, 6))
    a = rng.normal(size=n)
    b = rng.normal(scale=2)
    xstar = np.linalg.lstsq(a.reshape(1, -1), np.array([b]), rcond=None)[0]   # the least-norm solution of a^T x = b
    na = np.linalg.norm(a)
    while abs(na - 1) < 0.05:
        a = rng.normal(size=n)
        na = np.linalg.norm(a)
        xstar = np.linalg.lstsq(a.reshape(1, -1), np.array([b]), rcond=None)[0]

    def best(c):                                                           # argmin of x^2 + 2 y^2 on x + y = c
        yy = _root(lambda u: d(lambda w: (c - w) ** 2 + 2 * w * w, u), -10.0, 10.0)
        return np.array([c - yy, yy])
    p = best(1.0)
    v = lambda c: (lambda q: q[0] ** 2 + 2 * q[1] ** 2)(best(c))  # noqa: E731   x^2 + 2 y^2 at the minimiser
    lstar = 2 * p[0]                                                       # d/dx f = lambda d/dx g at the optimum
    c = rng.uniform(0.2, 3)
    while abs(c - 1) < 0.05:
        c = rng.uniform(0.2, 3)
    return {
        "7.2": [partial(L, np.array([x, y, lam]), 0), y - lam],
        "10": [xs, ys, s / 2], "10.2": [xs * ys, s * s / 4], "12": [xs * ys, s * s / 2],
        "17": [xstar, b / na**2 * a], "17.2": [np.linalg.norm(xstar), abs(b) / na], "19": [xstar, b / na * a],
        "23": [p, np.array([2 / 3, 1 / 3])], "23.2": [lstar, 4 / 3], "23.3": [p[0] ** 2 + 2 * p[1] ** 2, 2 / 3],
        "25": [p, np.array([1 / 3, 2 / 3])],
        "29": [v(c), 2 * c * c / 3], "29.2": [(v(1 + 1e-4) - v(1 - 1e-4)) / 2e-4, lstar], "31": [v(c), 2 * c / 3],
    }


@document("178_notes_roots_of_unity")
def _(rng):
    C = lambda z: np.array([complex(z).real, complex(z).imag])  # noqa: E731   a complex number as the pair (re, im)
    th, ph, al = rng.uniform(-4, 4, size=3)
    m = int(rng.integers(-6, 7))
    n = int(rng.integers(2, 13))
    w = complex(math.cos(2 * math.pi / n), math.sin(2 * math.pi / n))
    cis = lambda t: complex(math.cos(t), math.sin(t))  # noqa: E731   e^{i t} as the point (cos t, sin t), from the series
    expo = lambda t: sum((1j * t) ** k / math.factorial(k) for k in range(80))  # noqa: E731   e^{i t} by its power series
    prod = 1 + 0j
    for k in range(n):
        prod *= w**k
    return {
        "8": [C(expo(th)), C(cis(th))],
        "12": [C(expo(th) * expo(ph)), C(expo(th + ph))],
        "15": [math.cos(th + ph), math.cos(th) * math.cos(ph) - math.sin(th) * math.sin(ph)],
        "16": [math.sin(th + ph), math.sin(th) * math.cos(ph) + math.cos(th) * math.sin(ph)],
        "18": [math.cos(th + ph), math.cos(th) * math.cos(ph) + math.sin(th) * math.sin(ph)],
        "19": [C(cis(th) ** m), C(cis(m * th))],
        "25": [C(sum(w**k for k in range(n))), C((1 - w**n) / (1 - w)), C(0)],
        "29": [C(prod), C(w ** (n * (n - 1) // 2)), C((-1) ** (n - 1))], "31": [C(prod), C(1)],
        "32": [abs(1 - w), 2 * math.sin(math.pi / n)], "32.2": [abs(1 - w), 2 * math.sin(2 * math.pi / n)],
        "35": [1 + 2 * math.cos(2 * math.pi / 3), 0], "36": [math.cos(2 * al), 2 * math.cos(al) ** 2 - 1],
        "38": [math.cos(2 * math.pi / 5), (math.sqrt(5) - 1) / 4], "40": [math.cos(2 * math.pi / 5), (math.sqrt(5) + 1) / 4],
    }


@document("179_forum_bilinear_interpolation_gradients")
def _(rng):
    F = rng.normal(size=4)                                   # f_00, f_10, f_01, f_11
    f00, f10, f01, f11 = F

    def B(u, v, F=F):
        return float(sum(F[k] * w for k, w in enumerate(((1 - u) * (1 - v), u * (1 - v), (1 - u) * v, u * v))))
    u, v, t = rng.uniform(0, 1, size=3)
    h, xi = rng.uniform(0.1, 4), rng.normal()
    x = xi + h * u
    Bx = lambda s: B((s - xi) / h, v)  # noqa: E731
    Bu = d(lambda s: B(s, v), u)
    dF = grad(lambda G: B(u, v, G), F)
    return {
        "9": [B(u, v, np.ones(4)), 1], "10": [B(0.5, 0.5), (f00 + f10 + f01 + f11) / 4],
        "12": [B(u, v), f00 + (f10 - f00) * u + (f01 - f00) * v + (f11 - f10 - f01 + f00) * u * v],
        "17": [Bu, (1 - v) * (f10 - f00) + v * (f11 - f01)], "17.2": [d2(lambda s: B(s, v), u), 0],
        "19": [partial2(lambda w: B(w[0], w[1]), np.array([u, v]), 0, 1), f11 - f10 - f01 + f00],
        "20": [Bu, (1 - v) * (f10 - f00) + v * (f11 - f10)],
        "23": [d(Bx, x), Bu / h], "23.2": [d(Bx, x), h * Bu],
        "27": [dF[3], u * v], "27.2": [dF[1], u * (1 - v)], "29": [dF[1], (1 - u) * v],
        "33": [B(t, t), f00 + (f10 + f01 - 2 * f00) * t + (f11 - f10 - f01 + f00) * t * t],
        "35": [B(t, t), (1 - t) * f00 + t * f11],
    }


@document("180_hw_logarithmic_differentiation")
def _(rng):
    x = rng.uniform(0.2, 3)
    while abs(x - 1) < 0.05:
        x = rng.uniform(0.2, 3)
    y = lambda t: t**t  # noqa: E731
    f = lambda t: t**2 * (t + 1) ** 3 * math.exp(-t)  # noqa: E731
    n = int(rng.integers(1, 6))
    a = rng.normal(size=n)
    xg = a.max() + rng.uniform(0.3, 2)
    g = lambda t: float(np.prod(t - a))  # noqa: E731
    a2 = rng.normal(size=2)                                          # two factors on line 34
    g2 = lambda t: (t - a2[0]) * (t - a2[1])  # noqa: E731
    s = rng.uniform(0.1, 3.0)
    while abs(s - math.pi / 2) < 0.05:
        s = rng.uniform(0.1, 3.0)
    h = lambda t: math.sin(t) ** math.cos(t)  # noqa: E731
    L = math.log
    return {
        "8": [d(y, x) / y(x), L(x) + 1], "12": [d(y, x), x**x * (L(x) + 1)],
        "14": [d(y, math.e), 2 * math.e**math.e], 
        "16": [d(y, x), x * x ** (x - 1)], "17": [d(y, x), x**x * L(x)],
        "21": [d2(y, x), x**x * (L(x) + 1) ** 2 + x ** (x - 1)],
        "26": [d(f, x) / f(x), 2 / x + 3 / (x + 1) + 1],
        "30": [d(f, x), x * (x + 1) ** 2 * math.exp(-x) * (2 + 4 * x - x * x)],
        "34": [d(g2, xg), 2 * xg - a2[0] - a2[1]], "34.2": [d(g2, xg), 2 * xg + a2[0] + a2[1]],
        "36": [d(g, xg) / g(xg), np.sum(1 / (xg - a))],
        "41": [d(h, s), h(s) * (-math.sin(s) * L(math.sin(s)) + math.cos(s) / math.sin(s))],
        "44": [d(lambda t: L(math.sin(t)), s), 1 / math.sin(s)],
        "45": [d(h, s), h(s) * (math.cos(s) ** 2 / math.sin(s) - math.sin(s) * L(math.sin(s)))],
        "45.2": [d2(y, x), x**x * (L(x) + 1) ** 2],
    }


@document("181_forum_inverse_function_derivatives")
def _(rng):
    f = lambda t: t**3 + t  # noqa: E731
    fp = lambda t: 3 * t * t + 1  # noqa: E731
    finv = lambda v: _root(lambda t: f(t) - v, -50.0, 50.0)  # noqa: E731
    y = f(rng.uniform(0.3, 3) * rng.choice([-1, 1]))
    u = rng.uniform(-0.95, 0.95)                                   # |y| < 1 for arcsin, arccos, artanh
    th = math.asin(u)
    r = rng.normal(scale=2)                                        # a real y for arctan, arsinh
    ph = rng.normal(scale=1.5)
    uh = rng.uniform(-0.45, 0.45)                                  # |y| < 1/2 for arcsin(2y)
    return {
        "7": [d(finv, y), 1 / fp(finv(y))], "9": [d(finv, y), 1 / fp(y)],
        "10.2": [d(finv, 2.0), 0.25], 
        "14": [d(math.asin, u), 1 / math.cos(th), 1 / math.sqrt(1 - u * u)],
        "16": [d(math.acos, u), -1 / math.sqrt(1 - u * u)],
        "20": [d(math.atan, r), 1 / (1 + r * r)],
        "22": [d(lambda v: math.atan(v * v), r), 2 * r / (1 + r**4)], "22.2": [d(lambda v: math.atan(v * v), r), 2 * r / (1 + r * r)],
        "26": [d(math.atanh, u), 1 / (1 - u * u)],
        "31": [d(math.asinh, r), 1 / math.sqrt(1 - r * r) if abs(r) < 1 else UNDEFINED],
        "32": [d(math.acos, u), 1 / math.sqrt(1 - u * u)],
        "34": [d(math.asinh, r), 1 / math.sqrt(1 + r * r)],
        "35": [math.cosh(ph) ** 2 - math.sinh(ph) ** 2, math.cosh(2 * ph)],
        "37": [d(lambda v: math.asin(2 * v), uh), 1 / math.sqrt(1 - 4 * uh * uh)], "37.2": [d(math.atanh, u), 1 / (1 + u * u)],
        "39": [d(lambda v: math.asin(2 * v), uh), 2 / math.sqrt(1 - 4 * uh * uh)],
    }


@document("182_notes_gaussian_differential_entropy")
def _(rng):
    mu, s = rng.normal(scale=2), rng.uniform(0.2, 3)
    a = rng.choice([-1, 1]) * rng.uniform(0.2, 3)
    while abs(abs(a) - 1) < 0.05:
        a = rng.choice([-1, 1]) * rng.uniform(0.2, 3)
    b = rng.normal()
    x = mu + s * rng.normal()
    p = lambda t, m=mu, sd=s: np.exp(-(t - m) ** 2 / (2 * sd * sd)) / np.sqrt(2 * np.pi * sd * sd)  # noqa: E731

    def H(m, sd):                                                     # -E ln p(X) = -integral of p ln p
        return _integral(lambda t: -p(t, m, sd) * np.log(p(t, m, sd)), m - 14 * sd, m + 14 * sd)
    h = H(mu, s)
    hY = H(a * mu + b, abs(a) * s)                                    # Y = aX + b is normal
    h1 = H(0.0, 1.0)
    L, tp = math.log, 2 * math.pi
    hs = lambda sd: H(mu, sd)  # noqa: E731
    hv = lambda v: H(mu, math.sqrt(v)) if v > 0 else UNDEFINED  # noqa: E731
    v = s * s
    nu, tau = rng.normal(), rng.uniform(0.2, 3)
    # the density of X + Y by convolving the two normal densities numerically, then its entropy
    def simpson(a, b, n):                                            # nodes and weights of Simpson's rule, n even
        u = np.linspace(a, b, n + 1)
        w = np.ones(n + 1)
        w[1:-1:2], w[2:-1:2] = 4, 2
        return u, w * (b - a) / (3 * n)
    zs, wz = simpson(mu + nu - 14 * (s + tau), mu + nu + 14 * (s + tau), 2000)
    us, wu = simpson(mu - 14 * s, mu + 14 * s, 2000)
    conv = (p(zs[:, None] - us[None, :], nu, tau) * p(us)[None, :]) @ wu
    hXY = float(-np.sum(wz * conv * np.log(np.maximum(conv, 1e-300))))
    au = math.sqrt(12 * v)
    hU = _integral(lambda u: -np.full_like(u, 1 / au) * np.log(1 / au), 0, au)    # -integral of p ln p for the uniform
    return {
        "10": [-math.log(p(x)), 0.5 * L(tp * v) + (x - mu) ** 2 / (2 * v)],
        "12": [-math.log(p(x)), L(tp * v) + (x - mu) ** 2 / (2 * v)],
        "15": [h, 0.5 * L(tp * v) + 0.5, 0.5 * L(tp * math.e * v)],
        "20": [h, 0.5 * L(tp * v)],
        "27": [hY, h + L(abs(a))],
        "29": [hY, h + L(a * a)], "29.2": [hY, a * h],
        "32": [h1 / L(2), 0.5 * math.log2(tp * math.e)], 
        "36": [d(hs, s), 1 / s], "36.2": [d(hv, v), 1 / v],
        "38": [d(hv, v), 1 / (2 * v)],
        "39": [hXY, 0.5 * L(tp * math.e * (v + tau**2))], "39.2": [hXY, h + H(nu, tau)],
        "40": [hU, 0.5 * L(12 * v)], "41": [hU, L(12 * v)],
    }


@document("183_hw_laplace_nll_by_cases")
def _(rng):
    n = int(rng.integers(2, 8))
    y = rng.normal(scale=2, size=n)
    m = rng.normal(scale=2)
    while np.min(np.abs(y - m)) < 1e-3:
        m = rng.normal(scale=2)
    b = rng.uniform(0.2, 3)
    logp = lambda v, m, b: -abs(v - m) / b - math.log(2 * b)  # noqa: E731   ln of e^{-|v - m|/b} / (2b)
    ell = lambda m, b, y=y: -sum(logp(v, m, b) for v in y)  # noqa: E731
    S = float(np.sum(np.abs(y - m)))
    yi = y[0]
    rp = lambda mm: abs(yi - mm) / b  # noqa: E731
    up, dn = yi - rng.uniform(0.1, 2), yi + rng.uniform(0.1, 2)     # m with r_i > 0, and with r_i < 0
    u = rng.choice([-1, 1]) * rng.uniform(0.1, 3)
    y3 = np.array([0.0, 1, 5])
    mh3 = _root(lambda mm: d(lambda t: ell(t, 1.0, y3), mm) if abs(mm - 1) > 1e-9 else 0.0, 0.5, 4.5)  # the sign change of the score
    mh = float(np.median(y)) if n % 2 else float(np.sort(y)[n // 2 - 1])  # a median of the sample
    bh = _root(lambda t: d(lambda s: ell(mh, s), t), 1e-3, 1e3)
    bh3 = _root(lambda t: d(lambda s: ell(1.0, s, y3), t), 1e-3, 1e3)
    dd = lambda f, x: (f(x + 1e-4) - 2 * f(x) + f(x - 1e-4)) / 1e-8  # noqa: E731
    s3 = d(lambda t: ell(t, 1.0, y3), 3.0)
    var = _integral(lambda v: (v - m) ** 2 * np.exp(-np.abs(v - m) / b) / (2 * b), m - 60 * b, m + 60 * b, 40000)   # the density of line 4
    return {
        "21.2": [y3.mean(), 2],
        "7": [-sum(math.log(math.exp(-abs(v - m) / b) / (2 * b)) for v in y), n * math.log(2 * b) + S / b],
        "12": [d(lambda t: ell(t, b), m), -np.sum(np.sign(y - m)) / b, (np.sum(y > m) - np.sum(y < m)) / b],
        "16": [d(rp, up), -1 / b], "16.2": [d(rp, dn), 1 / b], "18": [d(lambda t: abs(yi - t), up), 1],
        "21": [round(mh3, 6), 1],
        "25": [d(lambda t: ell(m, t), b), n / b - S / b**2],
        "27": [bh, np.mean(np.abs(y - mh))], "27.2": [bh3, 5 / 3],
        "29": [d(lambda t: ell(m, t), b), n / (2 * b) - S / b**2],
        "30": [bh, np.mean((y - mh) ** 2)],
        "32": [dd(lambda t: ell(m, t), b), -n / b**2 + 2 * S / b**3],
        "33": [dd(lambda t: ell(m, t), b), n / b**2],
        "35": [s3, 1], 
        "36": [var, 2 * b * b], "36.2": [var, b * b],
    }


@document("184_nb_geometric_moments_series")
def _(rng):
    p = rng.uniform(0.05, 0.95)
    q = 1 - p
    ks = np.arange(0, 3000, dtype=float)
    pmf = np.where(ks >= 1, q ** (ks - 1) * p, 0.0)                     # P(X = k), k = 0, 1, ...
    EX = float(np.sum(ks * pmf))
    EXX = float(np.sum(ks * (ks - 1) * pmf))
    VX = float(np.sum((ks - EX) ** 2 * pmf))
    f = lambda u: 1 / (1 - u)  # noqa: E731
    s, t = (int(v) for v in rng.integers(0, 7, size=2))
    tail = lambda m: float(np.sum(pmf[ks > m]))  # noqa: E731
    k1 = int(rng.integers(0, 9))
    cond = float(np.sum((ks * pmf)[ks > s]) / np.sum(pmf[ks > s]))       # E[X | X > s]
    return {
        "1:7": [np.sum(ks[1:] * q ** (ks[1:] - 1)), 1 / (1 - q) ** 2], "1:9": [d(f, q), -1 / (1 - q) ** 2],
        "1:12": [EX, 1 / p], 
        "3:5": [np.sum(ks[2:] * (ks[2:] - 1) * q ** (ks[2:] - 2)), 2 / (1 - q) ** 3], "3:7": [d2(f, q), 1 / (1 - q) ** 3],
        "3:7.2": [EXX, 2 * q / p**2],
        "3:10": [VX, EXX + EX - EX**2, q / p**2], "3:12": [VX, EXX - EX**2],
        "5:7": [EX, np.sum(ks * q**ks * p)], "5:8": [np.sum(ks[1:] * q ** ks[1:]), 1 / (1 - q) ** 2],
        "5:9": [tail(s + t) / tail(s), tail(t)], 
        "5:10": [float(np.sum(pmf[ks <= k1])), 1 - q**k1], "5:10.2": [float(np.sum(pmf[ks <= k1])), 1 - q ** (k1 + 1)],
        "5:11": [cond, s + 1 / p], "5:11.2": [cond, 1 / p],
    }


@document("185_lecture_gradient_descent_quadratic_rate")
def _(rng):
    a, eta, x0 = rng.uniform(0.2, 3), rng.uniform(0.05, 1.5), rng.choice([-1, 1]) * rng.uniform(0.2, 3)
    eta = eta / a                                                    # eta a in (0.05, 1.5)
    t = int(rng.integers(1, 11))
    f1 = lambda x: a / 2 * x * x  # noqa: E731
    xs = [x0]
    for _ in range(t + 1):
        xs.append(xs[-1] - eta * d(f1, xs[-1]))
    xt, xt1 = xs[t], xs[t + 1]
    l1 = rng.uniform(0.2, 3)
    l2 = l1 * rng.uniform(1.2, 10)
    A = np.diag([l1, l2])
    f = lambda x: 0.5 * x @ A @ x  # noqa: E731
    e2 = rng.uniform(0.05, 1.9) / l2
    v = rng.normal(size=2)
    v1 = v - e2 * grad(f, v)
    rho = lambda e: max(abs(1 - e * l1), abs(1 - e * l2))  # noqa: E731
    lo, hi = 0.0, 2 / l1
    for _ in range(200):                                             # the minimiser of the convex rho, by ternary search
        m1, m2 = lo + (hi - lo) / 3, hi - (hi - lo) / 3
        lo, hi = (lo, m2) if rho(m1) < rho(m2) else (m1, hi)
    es, k = (lo + hi) / 2, l2 / l1
    g = grad(f, v)
    return {
        "7": [xt1, xt - eta * d(f1, xt), (1 - eta * a) * xt],
        "9": [xt, (1 - eta * a) ** t * x0],
        "10": [f1(xt), (1 - eta * a) ** t * f1(x0)], "11": [f1(xt), (1 - eta * a) ** (2 * t) * f1(x0)],
        "15": [v1, (np.eye(2) - e2 * A) @ v],
        "23": [es, 2 / (l1 + l2)], "23.2": [rho(es), (k - 1) / (k + 1)], "27": [rho(es), (k - 1) / k],
        "30": [f(v1) - f(v), -e2 * g @ g], "31": [f(v1) - f(v), -e2 * g @ g + e2**2 / 2 * g @ A @ g],
        "33": [es, 1 / (l1 + l2)], "33.2": [v1, (np.eye(2) - e2 * A.T @ A) @ v], 
        "35": [rho(e2), max(1 - e2 * l1, 1 - e2 * l2)],
    }


@document("186_recitation_armijo_backtracking")
def _(rng):
    f = lambda v: v[0] ** 2 + 4 * v[1] ** 2  # noqa: E731
    p0 = np.array([2.0, 1.0])
    g = grad(f, p0)
    dd = -g
    c, al = 0.1, rng.uniform(0, 1)
    phi = lambda a: f(p0 + a * dd)  # noqa: E731
    ast = _root(lambda a: d(phi, a), 0.0, 1.0)
    amax = _root(lambda a: phi(a) - (f(p0) + c * a * g @ dd), 1e-3, 1.0)   # the Armijo boundary, beyond alpha = 0
    B, C = 80.0, 272.0
    p1 = p0 + 0.25 * dd
    return {
        "10": [g, np.array([4, 8])], "12": [g @ dd, -np.linalg.norm(g) ** 2, -80],
        "14": [g, np.array([4, 4])], "14.2": [g @ dd, -np.linalg.norm(g)],
        "17": [phi(al), f(p0 + al * dd), 8 - 80 * al + 272 * al**2],
        "28": [phi(0.25), 5], "28.2": [p1, np.array([1, -1])], "29": [phi(0.5), 104],
        "31": [ast, 5 / 34], "32": [phi(ast), 8 - 200 / 17],
        "34": [amax, (1 - c) * B / C], "35": [amax, (1 - c) * B / (2 * C)],
        "37": [grad(f, p1), np.array([2, -8])], "37.2": [grad(f, p1), np.array([2, 8])],
    }


@document("187_appendix_frobenius_loss_entrywise")
def _(rng):
    X, W, Y = (rng.normal(size=(2, 2)) for _ in range(3))
    L = lambda W, X=X, Y=Y: float(np.sum((X @ W - Y) ** 2))  # noqa: E731
    R = X @ W - Y
    k, j, i = (int(v) for v in rng.integers(0, 2, size=3))
    G = grad(L, W)
    dR = partial(lambda V: (X @ V - Y)[i, j], W, (k, j))
    X0, I = np.array([[1.0, 2], [0, 1]]), np.eye(2)
    L0 = lambda V: L(V, X0, I)  # noqa: E731
    R0, G0 = X0 @ I - I, grad(L0, I)

    def H(f, V, a, b, h=1e-2):                                       # a mixed second difference, exact for a quadratic
        return (f(_shift(_shift(V, a, h), b, h)) - f(_shift(_shift(V, a, h), b, -h))
                - f(_shift(_shift(V, a, -h), b, h)) + f(_shift(_shift(V, a, -h), b, -h))) / (4 * h * h)
    return {
        "12": [L(W), np.trace(R.T @ R)], "14": [L(W), np.trace(R) ** 2],
        "15": [dR, X[i, k]], 
        "17": [G[k, j], 2 * sum(X[m, k] * R[m, j] for m in range(2)), 2 * (X.T @ R)[k, j]],
        "20": [G, 2 * X.T @ (X @ W - Y)], "20.2": [G, 2 * X.T @ X @ W - Y],
        "21": [G[k, j], 2 * sum(X[k, m] * R[m, j] for m in range(2))], "21.2": [G, 2 * (X @ W - Y) @ X.T],
        "26": [G[0, 0], 2 * (X[0, 0] * R[0, 0] + X[1, 0] * R[1, 0])], "28": [G[0, 0], 2 * (X[0, 0] * R[0, 0] + X[0, 1] * R[1, 0])],
        "32": [L0(I), 4], "32.2": [G0, np.array([[0, 4], [0, 8]])], "34": [G0, X0.T @ R0],
        "37": [H(L, W, (0, 0), (0, 1)), 2 * (X.T @ X)[0, 0]],
    }


@document("188_blog_student_t_score")
def _(rng):
    nu, s = rng.uniform(0.3, 8), rng.uniform(0.3, 3)
    while abs(s - 1) < 0.05:
        s = rng.uniform(0.3, 3)
    mu = rng.normal()
    x = mu + rng.choice([-1, 1]) * rng.uniform(0.1, 4)
    lg = math.lgamma

    def logp(x, mu, s, nu=nu):
        z = (x - mu) / s
        return lg((nu + 1) / 2) - lg(nu / 2) - 0.5 * math.log(nu * math.pi) - math.log(s) - (nu + 1) / 2 * math.log(1 + z * z / nu)

    def mixture(x):                                                  # the t density as a Gaussian scale mixture, lambda = e^v
        lam = np.exp(np.linspace(-60, 12, 40001))
        gam = np.exp((nu / 2) * math.log(nu / 2) + (nu / 2) * np.log(lam) - nu * lam / 2 - lg(nu / 2))   # Gamma(nu/2, rate nu/2) * lambda
        gauss = np.sqrt(lam / (2 * math.pi * s * s)) * np.exp(-lam * (x - mu) ** 2 / (2 * s * s))
        return _integral(lambda v: np.interp(v, np.linspace(-60, 12, 40001), gauss * gam), -60, 12, 40000)
    z = (x - mu) / s
    t = x - mu
    dm = d(lambda m: logp(x, m, s), mu)
    ds = d(lambda v: logp(x, mu, v), s)
    w = (nu + 1) / (nu + z * z)
    score = lambda u: (nu + 1) * (u - mu) / (nu * s * s + (u - mu) ** 2)  # noqa: E731   the score of line 14
    lo, hi = mu, mu + 50 * s * math.sqrt(nu)
    for _ in range(200):                                             # the maximiser of the score in x, by ternary search
        m1, m2 = lo + (hi - lo) / 3, hi - (hi - lo) / 3
        lo, hi = (m1, hi) if score(m1) < score(m2) else (lo, m2)
    xm = (lo + hi) / 2
    c = lambda u: d(lambda m: logp(u, m, s, 1.0), mu)  # noqa: E731   nu = 1
    hc = d2(lambda m: logp(mu, m, s), mu)                            # the curvature in mu at x = mu
    return {
        "8": [math.log(mixture(x)), logp(x, mu, s)],
        "14": [dm, (nu + 1) / s * z / (nu + z * z), (nu + 1) * t / (nu * s * s + t * t)],
        "17": [dm, (nu + 1) * z / (nu + z * z)],
        "21": [ds, -1 / s + (nu + 1) / s * z * z / (nu + z * z), (z * z - 1) / s * nu / (nu + z * z)],
        "24": [ds, -1 / s + (nu + 1) / s * z * z / nu],
        "28.2": [dm, w * t / s**2], "30": [c(x), 2 * t / (s * s + t * t)], "32": [w, nu / (nu + z * z)],
        "33": [score(xm), (nu + 1) / (2 * s * math.sqrt(nu))], "34": [score(xm), (nu + 1) / (s * math.sqrt(nu))],
        "36": [d(lambda u: logp(u, mu, s), x), dm], "36.2": [d(lambda u: logp(u, mu, s), x), -dm],
        "38": [hc, -(nu + 1) / (nu * s * s)], "38.2": [hc, -1 / (s * s)],
    }


@document("189_nb_em_two_coins")
def _(rng):
    n, m = 10, int(rng.integers(1, 7))
    h = rng.integers(1, n, size=m).astype(float)
    pi, ta, tb = rng.uniform(0.05, 0.95, size=3)
    binom = lambda k, t: math.comb(n, int(k)) * t**k * (1 - t) ** (n - k)  # noqa: E731

    def post(k, pi=pi, ta=ta, tb=tb):                                # P(A | k heads) by Bayes, with the binomial pmfs
        a, b = pi * binom(k, ta), (1 - pi) * binom(k, tb)
        return a / (a + b)
    g = np.array([post(k) for k in h])
    i = int(rng.integers(0, m))
    k = h[i]
    num = pi * ta**k * (1 - ta) ** (n - k)

    def Q(pi, ta, tb):
        return float(np.sum(g * (math.log(pi) + h * math.log(ta) + (n - h) * math.log(1 - ta))
                            + (1 - g) * (math.log(1 - pi) + h * math.log(tb) + (n - h) * math.log(1 - tb))))
    dQa = d(lambda t: Q(pi, t, tb), ta)

    def argmax(f, lo=1e-15, hi=1 - 1e-15):                           # the maximiser of a concave f on (0, 1), ternary search
        for _ in range(300):
            m1, m2 = lo + (hi - lo) / 3, hi - (hi - lo) / 3
            lo, hi = (m1, hi) if f(m1) < f(m2) else (lo, m2)
        return (lo + hi) / 2
    # Q in each parameter alone (the other terms are constants there, and would drown a small sum of gamma_i in rounding)
    new_a = argmax(lambda u: float(np.sum(g * (h * math.log(u) + (n - h) * math.log(1 - u)))))
    new_b = argmax(lambda u: float(np.sum((1 - g) * (h * math.log(u) + (n - h) * math.log(1 - u)))))
    new_pi = argmax(lambda u: float(np.sum(g * math.log(u) + (1 - g) * math.log(1 - u))))
    g1, g2 = post(5, 0.5, 0.6, 0.5), post(9, 0.5, 0.6, 0.5)
    return {
        "3:3": [0.6 * 0.4, 0.24],
        "1:7": [g[i], num / (num + (1 - pi) * tb**k * (1 - tb) ** (n - k))],
        "1:11": [math.log(g[i] / (1 - g[i])), math.log(pi / (1 - pi)) + k * math.log(ta / tb) + (n - k) * math.log((1 - ta) / (1 - tb))],
        "1:13": [g[i], num / (ta**k * (1 - ta) ** (n - k) + tb**k * (1 - tb) ** (n - k))],
        "3:5": [g1, 0.24**5 / (0.24**5 + 0.25**5), 1 / (1 + (25 / 24) ** 5)],
        "3:7": [g2, 1 / (1 + (5 / 6) ** 9 * (5 / 4))], "3:7.2": [g2, 1 / (1 + (5 / 6) ** 9 * (4 / 5))],
        "4:7": [dQa, np.sum(g * (h / ta - (n - h) / (1 - ta)))],
        "4:9": [new_a, np.sum(g * h) / (n * np.sum(g))], "4:9.2": [new_b, np.sum((1 - g) * h) / (n * np.sum(1 - g))],
        "4:9.3": [new_pi, np.mean(g)],
        "4:13": [dQa, np.sum(g * (h / ta + (n - h) / (1 - ta)))],
        "4:14": [new_a, np.sum(g * h) / np.sum(g)], "4:15": [new_pi, np.sum(g * h) / np.sum(h)],
        "4:16": [new_b, np.sum((1 - g) * h) / (n * np.sum(g))],
        "4:17": [math.log(g[i] / (1 - g[i])), math.log(pi / (1 - pi)) + k * math.log(ta / tb)],
        "4:19": [post(k, pi, ta, ta), pi],
    }


@document("190_worksheet_induction_binomial")
def _(rng):
    n = int(rng.integers(1, 30))
    x = rng.normal(scale=2)
    S = lambda f, lo, hi: sum(f(k) for k in range(lo, hi + 1))  # noqa: E731
    c = lambda k: math.comb(4, k)  # noqa: E731
    p = lambda t: (1 + t) ** 4  # noqa: E731
    return {
        "20": [1 + 4 + 9, 14], "20.2": [3 * 4 * 7 / 6, 14],
        "5": [S(lambda k: k * k, 1, n), n * (n + 1) * (2 * n + 1) / 6],
        "12": [S(lambda k: k * k, 1, n + 1), n * (n + 1) * (2 * n + 1) / 6 + (n + 1) ** 2, (n + 1) * (n + 2) * (2 * n + 3) / 6],
        "18": [S(lambda k: k * k, 1, n + 1), n * (n + 1) * (2 * n + 1) / 6 + n * n],
        "19": [2 * x * x + 7 * x + 6, (x + 2) * (2 * x + 1)],
        "26": [p(x), 1 + 4 * x + 6 * x**2 + 4 * x**3 + x**4], "28": [d(p, x), 4 + 12 * x + 12 * x**2 + 4 * x**3],
        "29": [S(c, 0, 4), 16], "29.2": [S(lambda k: k * c(k), 0, 4), 32],
        "31": [p(x), 1 + 4 * x + 4 * x**2 + 4 * x**3 + x**4], "32": [d(p, x), 4 * (1 + x) ** 4],
        "32.2": [S(lambda k: (-1) ** k * c(k), 0, 4), 0], 
        "35": [S(lambda k: k * (k + 1), 1, n), n * (n + 1) * (n + 2) / 3],
        "36": [S(lambda k: k * (k + 1), 1, n), S(lambda k: k, 1, n) * S(lambda k: k + 1, 1, n)],
        "37": [S(lambda k: k * (k + 1), 1, n), n * (n + 1) * (2 * n + 1) / 6 + n],
        "39": [S(lambda k: k**3, 1, n), n * n * (n + 1) ** 2 / 2],
    }


@document("191_handout_attention_query_gradient")
def _(rng):
    dim, T, m = (int(v) for v in rng.integers(2, 6, size=3))
    q, K, V, g = rng.normal(size=dim), rng.normal(size=(T, dim)), rng.normal(size=(T, m)), rng.normal(size=m)
    rt = math.sqrt(dim)
    S = lambda q: K @ q / rt  # noqa: E731
    A = lambda q: softmax(S(q))  # noqa: E731
    O = lambda q, V=V: A(q) @ V  # noqa: E731
    s, a = S(q), A(q)
    i, j = int(rng.integers(0, dim)), int(rng.integers(0, T))
    l = int(rng.integers(0, T - 1))
    l = l + (l >= j)                                                  # l != j
    Jq = jac(A, q)                                                    # d a_j / d q_i
    Js = jac(softmax, s)                                              # d a_j / d s_l
    kb = a @ K
    u = V @ g
    ub = a @ u
    L = lambda q, V=V: g @ O(q, V)  # noqa: E731
    gL = grad(L, q)
    c = rng.normal(size=m)
    gc = grad(lambda q: L(q, np.tile(c, (T, 1))), q)
    return {
        "15": [jac(S, q)[j, i], K[j, i] / rt], "16": [jac(S, q)[j, i], K[j, i] / dim],
        "18": [Js[j, l], a[j] * (delta(j, l) - a[l])], "19": [Js[j, l], -a[j] * a[l]], "19.2": [Js[j, l], a[l] * (1 - a[l])],
        "23": [Jq[j, i], sum(a[j] * (delta(j, t) - a[t]) * K[t, i] / rt for t in range(T)), a[j] / rt * (K[j, i] - kb[i])],
        "27": [Jq[j, i], a[j] * (1 - a[j]) * K[j, i] / rt], "28": [kb[i], K[:, i].mean()],
        "32": [gL[i], sum(a[t] * (u[t] - ub) * K[t, i] for t in range(T)) / rt],
        "34": [gL, sum(a[t] * (u[t] - ub) * K[t] for t in range(T)) / rt],
        "35": [gL, sum(a[t] * u[t] * K[t] for t in range(T)) / rt],
        "37": [gc, np.zeros(dim)], "37.2": [gc, (g @ c) / rt * K[0]],
    }


@document("192_office_hours_jensen_log_two_points")
def _(rng):
    L = math.log

    def law(xs, ps):                                                 # E[X] and E[log X] of a discrete law
        return sum(p * x for x, p in zip(xs, ps)), sum(p * L(x) for x, p in zip(xs, ps))
    m1, l1 = law((1, 9), (0.5, 0.5))
    m2, l2 = law((1, 9), (0.25, 0.75))
    x1, x2 = np.exp(rng.normal(size=2))
    w = rng.uniform(0.05, 0.95)
    g = lambda w: L(w * x1 + (1 - w) * x2) - w * L(x1) - (1 - w) * L(x2)  # noqa: E731
    mu, eps = math.exp(rng.normal()), rng.uniform(0.05, 0.95)
    gh = (lambda a, b: L((a + b) / 2) - 0.5 * L(a) - 0.5 * L(b))(mu * (1 + eps), mu * (1 - eps))
    mm = w * x1 + (1 - w) * x2
    return {
        "15": [math.sqrt(1 * 9), 3], "27.2": [g(0.0), 0],
        "8": [m1, 5], "12": [l1, L(9) / 2, L(3)],
        "14": [L(m1) - l1, L(5 / 3)], "17": [l1, L(1 * 9 / 2)], "18": [L(m1) - l1, L(2)],
        "22": [m2, 7], "22.2": [l2, 1.5 * L(3)],
        "24": [L(7) - 1.5 * L(3), L(7 / (3 * math.sqrt(3)))], "24.2": [l2, L(9) / 4],
        "29": [d2(g, w), -(x1 - x2) ** 2 / mm**2], "31": [d2(g, w), -(x1 - x2) ** 2 / mm],
        "33": [d(g, w), (x1 - x2) / mm - L(x1) + L(x2)], "33.2": [d(g, w), (x1 - x2) / mm - L(x1) - L(x2)],
        "34": [gh, -0.5 * L(1 - eps * eps)], "35": [gh, 0.5 * L(1 + eps * eps)],
    }


@document("193_reading_group_pnorm_smooth_max")
def _(rng):
    n = int(rng.integers(2, 6))
    x = np.exp(rng.normal(size=n))
    p, beta = rng.uniform(1.2, 6), rng.uniform(0.2, 4)
    i = int(rng.integers(0, n))
    M = lambda v, p=p: float(np.sum(v**p) ** (1 / p))  # noqa: E731
    P = lambda v: float(np.mean(v**p) ** (1 / p))  # noqa: E731
    S = lambda v, b=beta: lse(b * v) / b  # noqa: E731
    gM, gP, gS = grad(M, x), grad(P, x), grad(S, x)
    x0 = np.array([3.0, 4.0])
    g2 = grad(lambda v: M(v, 2.0), x0)
    g3 = grad(lambda v: M(v, 3.0), x0)
    return {
        "10": [gM[i], (1 / p) * np.sum(x**p) ** (1 / p - 1) * p * x[i] ** (p - 1), (x[i] / M(x)) ** (p - 1)],
        "12": [gM[i], (x[i] / M(x)) ** p], "13": [gM[i], p * (x[i] / M(x)) ** (p - 1)],
        "15": [x @ gM, M(x)], "16": [np.sum(gM), 1],
        "18": [M(x0, 2.0), 5], "18.2": [g2, np.array([3 / 5, 4 / 5])], "19": [g2, np.array([9 / 25, 16 / 25])],
        "20": [g3[1], 16 / 91 ** (2 / 3)],
        "23": [gP[i], (x[i] / P(x)) ** (p - 1) / n], "23.2": [gP[i], (x[i] / P(x)) ** (p - 1)],
        "27": [gS[i], np.exp(beta * x[i]) / np.sum(np.exp(beta * x))],
        "29": [gS[i], beta * np.exp(beta * x[i]) / np.sum(np.exp(beta * x))],
        "30": [math.log(M(x)), S(np.log(x), p)], 
    }


@document("194_hw_batch_softmax_cross_entropy")
def _(rng):
    B, dim, K = (int(v) for v in rng.integers(2, 6, size=3))
    X, W, b = rng.normal(size=(B, dim)), rng.normal(size=(dim, K)), rng.normal(size=K)
    Y = np.eye(K)[rng.integers(0, K, size=B)]
    rows = lambda Z: np.array([softmax(z) for z in Z])  # noqa: E731
    LZ = lambda Z: -float(np.sum(Y * np.log(rows(Z)))) / B  # noqa: E731
    Z = X @ W + np.outer(np.ones(B), b)
    P = rows(Z)
    gZ = grad(LZ, Z)
    gW = grad(lambda W: LZ(X @ W + np.outer(np.ones(B), b)), W)
    gb = grad(lambda b: LZ(X @ W + np.outer(np.ones(B), b)), b)
    i, j, k, a = int(rng.integers(0, B)), int(rng.integers(0, K)), int(rng.integers(0, K)), int(rng.integers(0, dim))
    wrong = np.sum(X[:, j] * (P[:, a] - Y[:, a])) / B if j < dim and a < K else UNDEFINED
    # part (c): B = 1, K = 2, zero logits, class 1, x = (2, -1)
    y1 = np.array([[1.0, 0.0]])
    L1 = lambda Z: -float(np.sum(y1 * np.log(rows(Z))))  # noqa: E731
    g1 = grad(L1, np.zeros((1, 2)))
    x1 = np.array([[2.0, -1.0]])
    gW1 = grad(lambda W: L1(x1 @ W), np.zeros((2, 2)))
    return {
        "13": [math.log(P[i, k]), Z[i, k] - lse(Z[i])], "13.2": [np.sum(Y[i]), 1],
        "16": [gZ[i, j], -(Y[i, j] - np.sum(Y[i] * P[i, j])) / B, (P[i, j] - Y[i, j]) / B],
        "20": [gZ[i, j], (Y[i, j] - P[i, j]) / B], "21": [np.sum(gZ[i]), 0],
        "23": [Z[i, j], np.sum(X[i] * W[:, j]) + b[j]],
        "25": [gW[a, j], np.sum(gZ[:, j] * X[:, a]), np.sum(X[:, a] * (P[:, j] - Y[:, j])) / B],
        "27": [gW[a, j], wrong],
        "29": [gW, X.T @ (P - Y) / B], "29.2": [gb, (P - Y).T @ np.ones(B) / B],
        "31": [gW, mat(P - Y, X.T)], "32": [gW, X.T @ (P - Y)],
        "33": [gb[j], np.sum(P[:, j] - Y[:, j]) / B], "33.2": [gb[j], np.sum(P[:, j] - Y[:, j])],
        "36": [L1(np.zeros((1, 2))), math.log(2)], "36.2": [g1[0, 0], -0.5], "36.3": [g1[0, 1], 0.5], "36.4": [g1[0, 1], 0],
        "37.2": [gW1, 0.5 * np.array([[-2, 2], [1, -1]])], "38": [gW1, np.array([[-1, 1], [-0.5, 0.5]])],
    }


@document("195_notes_adam_first_steps")
def _(rng):
    T = int(rng.integers(1, 9))
    g = rng.normal(size=max(T, 2)) * 3
    b1, b2 = rng.uniform(0.05, 0.95, size=2)
    alpha, th0 = rng.uniform(0.01, 1), rng.normal()

    def adam(g, b1, b2):
        m = v = 0.0
        th, out = th0, [(0.0, 0.0, 0.0, 0.0, th0)]
        for t, gt in enumerate(g, start=1):
            m, v = b1 * m + (1 - b1) * gt, b2 * v + (1 - b2) * gt * gt
            mh, vh = m / (1 - b1**t), v / (1 - b2**t)
            th = th - alpha * mh / math.sqrt(vh)
            out.append((m, v, mh, vh, th))
        return out
    s = adam(g, b1, b2)
    (m1, v1, mh1, vh1, th1), (m2, v2, mh2, vh2, th2) = s[1], s[2]
    mT = s[T][0]
    ex = adam([1.0, -1.0], 0.9, 0.999)
    return {
        "13": [m1, (1 - b1) * g[0]], "13.2": [v1, (1 - b2) * g[0] ** 2],
        "14": [mh1, g[0]], "14.2": [vh1, g[0] ** 2], "14.3": [th1 - th0, -alpha * np.sign(g[0])],
        "15": [math.sqrt(vh1), g[0]], "15.2": [mh1, (1 - b1) * g[0]],
        "18": [-alpha * m1 / math.sqrt(v1), -alpha * (1 - b1) / math.sqrt(1 - b2) * np.sign(g[0])],
        "20": [0.1 / math.sqrt(0.001), math.sqrt(10)], "21": [0.1 / math.sqrt(0.001), 1 / math.sqrt(10)],
        "26": [m2, b1 * (1 - b1) * g[0] + (1 - b1) * g[1], (1 - b1) * (b1 * g[0] + g[1])],
        "30": [1 - b1**2, (1 - b1) * (1 + b1)], "30.3": [1 - b1**2, (1 - b1) ** 2], "30.2": [mh2, (b1 * g[0] + g[1]) / (1 + b1)],
        "31": [vh2, (b2 * g[0] ** 2 + g[1] ** 2) / (1 + b2)], "31.2": [m2, (1 - b1) * (g[0] + b1 * g[1])],
        "32": [vh2, (b2 * g[0] ** 2 + g[1] ** 2) / (1 - b2**2)],
        "34": [mT, (1 - b1) * sum(b1 ** (T - s) * g[s - 1] for s in range(1, T + 1))],
        "34.2": [mT, (1 - b1) * sum(b1 ** (T - s + 1) * g[s - 1] for s in range(1, T + 1))],
        "35": [sum((1 - b1) * b1 ** (T - s) for s in range(1, T + 1)), 1 - b1**T],
        "36": [sum(b1 ** (T - s) for s in range(1, T + 1)), (1 - b1**T) / (1 - b1)],
        "36.2": [sum(b1 ** (T - s) for s in range(1, T + 1)), (1 - b1 ** (T + 1)) / (1 - b1)],
        "40": [ex[2][2], (0.9 - 1) / 1.9, -1 / 19], "40.2": [ex[2][3], (0.999 + 1) / 1.999, 1],
        "42": [ex[2][4] - ex[1][4], alpha / 19], "43": [ex[2][4] - ex[1][4], -alpha / 19],
    }


@document("196_lecture_kl_diagonal_gaussians")
def _(rng):
    n = int(rng.integers(1, 5))
    mu, m = rng.normal(size=n), rng.normal(size=n)
    sg, s = np.exp(rng.normal(scale=0.4, size=n)), np.exp(rng.normal(scale=0.4, size=n))
    i = int(rng.integers(0, n))

    def E(f, a, b):                                                  # E f(x) for x ~ N(a, b^2), by quadrature
        x = np.linspace(a - 14 * b, a + 14 * b, 40001)
        w = np.exp(-((x - a) ** 2) / (2 * b * b)) / (b * math.sqrt(2 * math.pi))
        return float(np.trapezoid(f(x) * w, x))
    logn = lambda x, a, b: -((x - a) ** 2) / (2 * b * b) - math.log(b * math.sqrt(2 * math.pi))  # noqa: E731
    kl1 = lambda a, b, c, e: E(lambda x: logn(x, a, b) - logn(x, c, e), a, b)  # noqa: E731
    KL = sum(kl1(mu[k], sg[k], m[k], s[k]) for k in range(n))
    closed = lambda mu, sg, m, s: float(np.sum(np.log(s / sg) + (sg**2 + (mu - m) ** 2) / (2 * s**2) - 0.5))  # noqa: E731
    D = lambda mu, sg: closed(mu, sg, np.zeros(n), np.ones(n))  # noqa: E731
    Dq = sum(kl1(mu[k], sg[k], 0.0, 1.0) for k in range(n))
    ell = np.log(sg**2)
    dmu, dsg = grad(lambda v: D(v, sg), mu)[i], grad(lambda v: D(mu, v), sg)[i]
    dl = grad(lambda v: D(mu, np.exp(v / 2)), ell)[i]
    dm, ds = grad(lambda v: closed(mu, sg, v, s), m)[i], grad(lambda v: closed(mu, sg, m, v), s)[i]
    return {
        "7": [KL, sum(kl1(mu[k], sg[k], m[k], s[k]) for k in range(n)), closed(mu, sg, m, s)],
        "9": [kl1(mu[i], sg[i], m[i], s[i]), E(lambda x: logn(x, mu[i], sg[i]) - logn(x, m[i], s[i]), mu[i], sg[i])],
        "10": [E(lambda x: (x - mu[i]) ** 2, mu[i], sg[i]), sg[i] ** 2],
        "10.2": [E(lambda x: (x - m[i]) ** 2, mu[i], sg[i]), sg[i] ** 2 + (mu[i] - m[i]) ** 2],
        "11": [E(lambda x: (x - m[i]) ** 2, mu[i], sg[i]), sg[i] ** 2 + mu[i] ** 2 - m[i] ** 2],
        "15": [Dq, 0.5 * np.sum(sg**2 + mu**2 - 1 - np.log(sg**2))],
        "18": [Dq, 0.5 * np.sum(sg**2 + mu**2 - 1 - np.log(sg))],
        "19": [Dq, 0.5 * np.sum(sg**2 + mu**2 + 1 - np.log(sg**2))],
        "23": [dmu, mu[i]], "23.2": [dsg, sg[i] - 1 / sg[i]], "25": [dsg, sg[i] - 2 / sg[i]],
        "25.3": [sg[i] ** 2, math.exp(ell[i])],
        "27": [dl, dsg * d(lambda v: math.exp(v / 2), ell[i]), (sg[i] - 1 / sg[i]) * sg[i] / 2, 0.5 * (math.exp(ell[i]) - 1)],
        "29": [dl, sg[i] - 1 / sg[i]],
        "30": [dm, (m[i] - mu[i]) / s[i] ** 2], "31": [ds, 1 / s[i] - (sg[i] ** 2 + (mu[i] - m[i]) ** 2) / s[i] ** 3],
        "32": [dm, (mu[i] - m[i]) / s[i] ** 2],
        "35": [kl1(0, 2, 0, 1), 0.5 * (4 - 1 - math.log(4)), 1.5 - math.log(2)],
        "36": [kl1(0, 1, 0, 2), math.log(2) + 1 / 8 - 0.5, math.log(2) - 3 / 8],
        "36.2": [kl1(0, 1, 0, 2), 1.5 - math.log(2)], "36.3": [kl1(0, 2, 0, 1), 0.5 * (2 - 1 - math.log(2))],
    }


@document("197_forum_bce_with_logits_stability")
def _(rng):
    z, y, w = rng.normal(scale=3), rng.uniform(0, 1), math.exp(rng.normal())
    L = lambda z, y=y: -(y * math.log(sig(z)) + (1 - y) * math.log(1 - sig(z)))  # noqa: E731
    Lw = lambda z: -(w * y * math.log(sig(z)) + (1 - y) * math.log(1 - sig(z)))  # noqa: E731
    sp = lambda t: math.log(1 + math.exp(t))  # noqa: E731
    Ls = lambda z: y * np.logaddexp(0, -z) + (1 - y) * np.logaddexp(0, z)  # noqa: E731   L without rounding, for d2
    s = sig(z)
    return {
        "7": [-math.log(1 - s), sp(-z)],
        "13": [-math.log(s), sp(-z)], "13.2": [-math.log(1 - s), sp(z), z + sp(-z)],
        "15": [1 - s, math.exp(-z) / (1 + math.exp(-z))],
        "18": [L(z), y * sp(-z) + (1 - y) * (z + sp(-z)), (1 - y) * z + sp(-z)],
        "24": [L(z), max(z, 0) - y * z + sp(-abs(z))], "26": [sp(-z), -z + sp(z)],
        "27": [L(z), max(z, 0) - y * z + sp(-z)],
        "29": [d(sig, z), s * (1 - s)], "29.2": [d(lambda t: sp(-t), z), s - 1],
        "31": [d(L, z), (1 - y) + s - 1, s - y], "34": [d(L, z), y - s], "35": [d(L, z), (s - y) * s * (1 - s)],
        "36": [d(lambda t: 0.5 * (sig(t) - y) ** 2, z), (s - y) * s * (1 - s)],
        "37": [d2r(Ls, z), s * (1 - s)], "37.2": [d2r(Ls, z), s * (1 - s) * (1 - 2 * s)], "38": [d(lambda t: sp(-t), z), 1 / (1 + math.exp(-z))],
        "41": [d(Lw, z), (1 - y) * s - w * y * (1 - s)], "41.2": [d(Lw, z), w * (s - y)],
        "43.3": [-math.log(1 / (1 + math.exp(100.0))), 100 + math.log(1 + math.exp(-100.0))],
        "43.4": [-math.log(1 / (1 + math.exp(100.0))), math.log(1 + math.exp(-100.0))],
    }


@document("198_appendix_scaled_dot_product_variance")
def _(rng):
    import itertools
    dim = int(rng.integers(1, 4))

    def law(shift=0.0, scale=1.0):                                   # a random three-point law, standardised, then moved
        v, p = rng.normal(size=3), rng.dirichlet(np.ones(3))
        v = (v - p @ v) / math.sqrt(p @ (v - p @ v) ** 2)
        return scale * v + shift, p
    gauss = (np.array([-math.sqrt(3), 0, math.sqrt(3)]), np.array([1 / 6, 2 / 3, 1 / 6]))  # Gaussian moments to degree 5

    outcomes = {}

    def E(f, laws):                                                  # E f(coordinates), by enumeration
        if id(laws) not in outcomes:
            picks = np.array(list(itertools.product(range(3), repeat=len(laws))))
            xs = np.stack([laws[c][0][picks[:, c]] for c in range(len(laws))], axis=1)
            ps = np.prod(np.stack([laws[c][1][picks[:, c]] for c in range(len(laws))], axis=1), axis=1)
            outcomes[id(laws)] = (laws, xs, ps)                      # (laws kept alive, so that its id stays its own)
        _, xs, ps = outcomes[id(laws)]
        return float(sum(p * f(x[:dim], x[dim:]) for x, p in zip(xs, ps)))
    V = lambda f, laws: E(lambda q, k: f(q, k) ** 2, laws) - E(f, laws) ** 2  # noqa: E731
    i = int(rng.integers(0, dim))
    laws = [law() for _ in range(2 * dim)]
    s = lambda q, k: q @ k / math.sqrt(dim)  # noqa: E731
    qk = lambda q, k: q[i] * k[i]  # noqa: E731
    Vqk = V(qk, laws)
    tau = math.exp(rng.normal(scale=0.5))
    Vtau = V(lambda q, k: q @ k, [law(scale=tau) for _ in range(2 * dim)])
    G = [gauss] * (2 * dim)
    mu, nu = rng.normal(size=2)
    M = [law(mu) for _ in range(dim)] + [law(nu) for _ in range(dim)]
    Vdot = V(lambda q, k: q @ k, laws)
    return {
        "13": [E(qk, laws), E(lambda q, k: q[i], laws) * E(lambda q, k: k[i], laws), 0],
        "14": [Vqk, E(lambda q, k: qk(q, k) ** 2, laws) - E(qk, laws) ** 2,
               E(lambda q, k: q[i] ** 2, laws) * E(lambda q, k: k[i] ** 2, laws), 1],
        "17": [Vqk, V(lambda q, k: q[i], laws) + V(lambda q, k: k[i], laws), 2],
        "21": [Vdot, sum(V(lambda q, k, j=j: q[j] * k[j], laws) for j in range(dim)), dim],
        "21.2": [V(s, laws), Vdot / dim, 1], "23": [math.sqrt(Vdot), math.sqrt(dim)],
        "24": [V(s, laws), Vdot / math.sqrt(dim)], "25": [Vdot, dim**2],
        "26": [Vtau, dim * tau**4], "26.2": [Vtau, dim * tau**2],
        "28": [E(lambda q, k: q[i] ** 4, G), 3], "28.2": [E(lambda q, k: qk(q, k) ** 4, G), 9],
        "31": [E(lambda q, k: s(q, k) ** 4, G), (9 * dim + 3 * dim * (dim - 1)) / dim**2, 3 + 6 / dim],
        "33": [E(lambda q, k: qk(q, k) ** 4, G), 3],
        "37": [E(qk, M), mu * nu],
        "37.2": [V(qk, M), (1 + mu**2) * (1 + nu**2) - mu**2 * nu**2, 1 + mu**2 + nu**2],
        "39": [E(s, M), math.sqrt(dim) * mu * nu], "39.2": [V(s, M), 1 + mu**2 + nu**2], "39.3": [V(s, M), 1],
        "40": [V(qk, M), 1 + mu**2 * nu**2], "40.2": [E(s, M), mu * nu],
    }


@document("199_exam_gradients_linear_quadratic")
def _(rng):
    n, m = (int(v) for v in rng.integers(2, 5, size=2))
    a, x, A = rng.normal(size=n), rng.normal(size=n), rng.normal(size=(n, n))
    M, b = rng.normal(size=(m, n)), rng.normal(size=m)
    k = int(rng.integers(0, n))
    f = lambda x: a @ x  # noqa: E731
    g = lambda x, A=A: x @ A @ x  # noqa: E731
    h = lambda x, M=M, b=b: float(np.sum((M @ x - b) ** 2))  # noqa: E731
    gg, gh = grad(g, x), grad(h, x)
    r = M @ x - b
    A0 = np.array([[0.0, 1.0], [0.0, 0.0]])
    x2 = rng.normal(size=2)
    g0 = grad(lambda v: g(v, A0), x2)
    M1, b1, x1 = np.array([[1.0, 2.0], [0.0, 1.0]]), np.array([1.0, 1.0]), np.array([1.0, 0.0])
    r1 = M1 @ x1 - b1
    gh1 = grad(lambda v: h(v, M1, b1), x1)
    def hess(f, x, e=0.1):                                           # exact for a quadratic f, whatever the step
        E = np.eye(len(x)) * e
        return np.array([[(f(x + E[p] + E[q]) - f(x + E[p] - E[q]) - f(x - E[p] + E[q]) + f(x - E[p] - E[q])) / (4 * e * e)
                          for q in range(len(x))] for p in range(len(x))])
    Hh, Hg = hess(h, x), hess(g, x)
    return {
        "6.2": [partial(f, x, k), a[k]], "6.3": [grad(f, x), a], "7": [grad(f, x), a.reshape(1, -1)],
        "9": [g(x), x @ A @ x, sum(A[i, j] * x[i] * x[j] for i in range(n) for j in range(n))],
        "11": [gg[k], sum(A[k, j] * x[j] for j in range(n)) + sum(A[i, k] * x[i] for i in range(n)), (A @ x)[k] + (A.T @ x)[k]],
        "13": [gg, (A + A.T) @ x], "13.2": [Hg, A + A.T], "14": [gg, 2 * A @ x], "15": [gg, A.T @ x],
        "15.2": [gg, (x @ (A + A.T)).reshape(1, -1)],
        "16.2": [g(x2, A0), x2[0] * x2[1]], "16.3": [g0, np.array([x2[1], x2[0]])],
        "17": [(A0 + A0.T) @ x2, np.array([x2[1], x2[0]])], "17.2": [2 * A0 @ x2, np.array([2 * x2[1], 0])],
        "22": [h(x), x @ M.T @ M @ x - 2 * b @ M @ x + b @ b],
        "23": [gh, 2 * M.T @ M @ x - 2 * M.T @ b, 2 * M.T @ r],
        "28": [gh, 2 * mat(M, r) if m == n else UNDEFINED], "29": [gh, M.T @ r], "29.2": [gh, 2 * M.T @ M @ x - M.T @ b],
        "30": [Hh, 2 * M.T @ M],
        "33": [r1, np.array([0, -1])], "33.4": [r1, np.array([0, 1])], "33.2": [h(x1, M1, b1), 1], "33.3": [gh1, 2 * M1.T @ r1, np.array([0, -2])],
        "34": [gh1, np.array([-4, -2])],
    }


@document("200_nb_newton_step_logistic_regression")
def _(rng):
    X, y = np.array([[1.0, -1.0], [1.0, 0.0], [1.0, 1.0]]), np.array([0.0, 0.0, 1.0])

    def L(t):
        p = sig(X @ t)
        return -float(np.sum(y * np.log(p) + (1 - y) * np.log(1 - p)))
    hess = lambda t: np.array([[partial2(L, t, a, c) for c in range(2)] for a in range(2)])  # noqa: E731
    t = rng.normal(size=2)
    p = sig(X @ t)
    S = np.diag(p * (1 - p))
    t0 = np.zeros(2)
    g0, H0 = grad(L, t0), hess(t0)
    t1 = t0 - np.linalg.solve(H0, g0)
    p1 = sig(X @ t1)
    return {
        "1:11": [grad(L, t), X.T @ (p - y)], "1:11.2": [hess(t), X.T @ S @ X], "1:13.2": [hess(t), mat(X, S)],
        "3:3": [L(t0), 3 * math.log(2)], "3:3.2": [L(t0), math.log(2)],
        "3:5": [g0, np.array([0.5 + 0.5 - 0.5, -0.5 + 0 - 0.5]), np.array([0.5, -1])],
        "3:9": [H0, X.T @ X / 4, np.array([[3, 0], [0, 2]]) / 4], "3:11": [H0, np.array([[3, 0], [0, 2]])],
        "3:12": [g0, X.T @ (y - sig(X @ t0))],
        "5:5": [t1, -np.array([0.5 / 0.75, -1 / 0.5]), np.array([-2 / 3, 2])],
        "5:7": [p1[2], sig(4 / 3)], "5:7.2": [p1[0], sig(-8 / 3)],
        "5:8": [t1, np.array([2 / 3, -2])], "5:9": [t1, np.array([-3 / 8, 1 / 2])],
        "5:10": [p1[1], sig(-2 / 3)], "5:10.2": [y[1], 0], "5:11": [p1[1], sig(2 / 3)],
    }


@document("201_worksheet_geometric_discounted_sums")
def _(rng):
    r, g = rng.uniform(-0.95, 0.95), rng.uniform(0.05, 0.95)
    n, T, t = int(rng.integers(1, 12)), int(rng.integers(1, 12)), int(rng.integers(0, 5))
    R = rng.normal()
    S = lambda f, lo, hi: sum(f(k) for k in range(lo, hi + 1))  # noqa: E731
    N = 3000                                                         # the infinite sums, truncated: g^N is below 1e-60
    rew = rng.normal(size=N + 10)
    G = lambda t: sum(g**k * rew[t + k] for k in range(N))  # noqa: E731
    inv = lambda u: 1 / (1 - u)  # noqa: E731
    return {
        "7": [S(lambda k: r**k, 0, n - 1), (1 - r**n) / (1 - r)],
        "9": [S(lambda k: r**k, 1, n), r * (1 - r**n) / (1 - r)], "9.2": [S(lambda k: r**k, 1, n), (1 - r**n) / (1 - r)],
        "11": [S(lambda k: g**k, 0, N), 1 / (1 - g)],
        "12": [S(lambda k: (-0.5) ** k, 0, N), 2 / 3], "12.2": [S(lambda k: (-0.5) ** k, 0, N), 2],
        "14": [S(lambda k: g ** (2 * k), 0, N), 1 / (1 - g * g), 1 / ((1 - g) * (1 + g))],
        "16": [S(lambda k: g ** (2 * k), 0, N), 1 / (1 - g) ** 2],
        "21": [G(t), rew[t] + S(lambda k: g**k * rew[t + k], 1, N), rew[t] + g * G(t + 1)],
        "23": [G(t), g * rew[t] + g * G(t + 1)],
        "24": [S(lambda k: g**k * R, 0, N), R / (1 - g)],
        "24.2": [S(lambda k: g**k * R, 0, T - 1), R * (1 - g**T) / (1 - g)],
        "25": [S(lambda k: 0.9**k, 0, N), 10], "25.2": [S(lambda k: 0.9**k, 1, N), 10],
        "26": [S(lambda k: 0.99**k, 0, 10 * N), 100], "26.2": [1 / (1 - 0.99), 99],
        "30": [S(lambda k: k * g ** (k - 1), 1, N), d(inv, g), 1 / (1 - g) ** 2],
        "32": [S(lambda k: k * g**k, 0, N), g / (1 - g) ** 2], "33": [S(lambda k: k * g**k, 0, N), 1 / (1 - g) ** 2],
        "33.2": [d(inv, g), -1 / (1 - g) ** 2],
        "35": [S(lambda k: k * g ** (k - 1) * (1 - g), 1, N), 1 / (1 - g)],
    }


@document("202_recitation_layernorm_backward")
def _(rng):
    n = int(rng.integers(2, 7))
    x, gam, bet, g = rng.normal(size=n), rng.normal(size=n), rng.normal(size=n), rng.normal(size=n)
    eps = float(rng.choice([0.0, rng.uniform(0, 1)]))
    mu_ = lambda x: np.mean(x)  # noqa: E731
    v_ = lambda x: np.mean((x - np.mean(x)) ** 2)  # noqa: E731
    s_ = lambda x, eps=eps: math.sqrt(v_(x) + eps)  # noqa: E731
    xh_ = lambda x, eps=eps: (x - np.mean(x)) / s_(x, eps)  # noqa: E731
    L = lambda x, gam=gam, bet=bet: float(g @ (gam * xh_(x) + bet))  # noqa: E731   L with dL/dy = g
    mu, s, xh = mu_(x), s_(x), xh_(x)
    i, j = int(rng.integers(0, n)), int(rng.integers(0, n))
    dv, ds, J = grad(v_, x)[j], grad(s_, x)[j], jac(xh_, x)
    h = gam * g
    gx = grad(L, x)
    gg, gb = grad(lambda c: L(x, c, bet), gam)[i], grad(lambda c: L(x, gam, c), bet)[i]
    x2 = np.array([1.0, 3.0])
    J2 = jac(lambda x: xh_(x, 0.0), x2)
    return {
        "9": [grad(mu_, x)[j], 1 / n],
        "11": [dv, 2 / n * sum((x[k] - mu) * (delta(k, j) - 1 / n) for k in range(n)), 2 / n * (x[j] - mu)],
        "13": [ds, dv / (2 * s), xh[j] / n], "14": [dv, 2 / n * (x[j] - mu) * (1 - 1 / n)], "15": [ds, (x[j] - mu) / n],
        "19": [J[i, j], (delta(i, j) - 1 / n) / s - (x[i] - mu) / s**2 * xh[j] / n,
               (delta(i, j) - 1 / n - xh[i] * xh[j] / n) / s],
        "21": [J[i, j], delta(i, j) / s],
        "23": [gg, g[i] * xh[i]], "23.2": [gb, g[i]],
        "26": [gx[j], sum(h[k] * J[k, j] for k in range(n)), (h[j] - np.sum(h) / n - xh[j] / n * np.sum(h * xh)) / s],
        "28": [np.sum(gx), 0], "29": [gx[j], gam[j] * g[j] / s], "30": [gg, g[i]], "30.2": [gb, gam[i] * g[i]],
        "32.4": [mu_(x2), 2], "32.5": [v_(x2), 1], "32.6": [s_(x2, 0.0), 1], "32.7": [xh_(x2, 0.0), np.array([-1, 1])],
        "33": [v_(x2), 2],
        "35": [J2[0, 0], 1 - 0.5 - 0.5, 0], "35.2": [J2[0, 0], 0.5],
    }


@document("203_handout_conv1d_gradients")
def _(rng):
    n = int(rng.integers(3, 8))
    k = int(rng.integers(1, n + 1))
    x, w = rng.normal(size=n), rng.normal(size=k)
    m = len(np.correlate(x, w, mode="valid"))
    g = rng.normal(size=m)
    Y = lambda x, w: np.correlate(x, w, mode="valid")  # noqa: E731
    L = lambda x, w, g=g: float(g @ Y(x, w))  # noqa: E731   dL/dy = g
    G = lambda i: g[i - 1] if 1 <= i <= m else 0.0  # noqa: E731   (1-based, zero outside)
    Wk = lambda j: w[j - 1] if 1 <= j <= k else 0.0  # noqa: E731
    X = lambda i: x[i - 1] if 1 <= i <= n else UNDEFINED  # noqa: E731
    mul = lambda a, b: UNDEFINED if b is UNDEFINED else a * b  # noqa: E731

    def S(terms):
        terms = list(terms)
        return UNDEFINED if any(t is UNDEFINED for t in terms) else sum(terms)
    j, p = int(rng.integers(1, k + 1)), int(rng.integers(1, n + 1))
    gw, gx = grad(lambda v: L(x, v), w), grad(lambda v: L(v, w), x)
    Jw = jac(lambda v: Y(x, v), w)
    x0, w0 = np.array([1.0, 2.0, 3.0, 4.0]), np.array([1.0, -1.0])
    y0 = Y(x0, w0)
    L0 = lambda x, w: float(np.sum(Y(x, w)))  # noqa: E731
    gw0, gx0 = grad(lambda v: L0(x0, v), w0), grad(lambda v: L0(v, w0), x0)
    return {
        "13.2": [m, n - k],
        "18": [gw[j - 1], sum(g[i - 1] * Jw[i - 1, j - 1] for i in range(1, m + 1)), S(mul(g[i - 1], X(i + j - 1)) for i in range(1, m + 1))],
        "21": [gw[j - 1], S(mul(g[i - 1], X(i + j)) for i in range(1, m + 1))],
        "25": [gx[p - 1], sum(G(i) * Wk(p - i + 1) for i in range(1, m + 1)), sum(Wk(jj) * G(p - jj + 1) for jj in range(1, k + 1))],
        "28": [gx[p - 1], sum(Wk(jj) * G(p + jj - 1) for jj in range(1, k + 1))],
        "28.2": [gx[p - 1], sum(G(i) * Wk(i - p + 1) for i in range(1, m + 1))],
        "29": [np.sum(gx), np.sum(g) * np.sum(w)],
        "31.3": [len(y0), 3],
        "33": [y0[0], 1 * 1 + (-1) * 2, -1], "33.2": [y0[1], -1], "33.3": [y0[2], -1],
        "35": [y0[0], 1 * 2 + (-1) * 1, 1],
        "38": [gw0[0], 1 + 2 + 3, 6], "38.2": [gw0[1], 2 + 3 + 4, 9],
        "38.3": [gx0[0], 1], "38.4": [gx0[1], 0], "38.5": [gx0[3], -1],
        "40": [np.sum(gx0), 3 * 0, 0], "40.2": [gx0[3], 1], "40.3": [gw0[0], 9],
    }


@document("204_blog_glu_swiglu_derivatives")
def _(rng):
    a, u, beta = rng.normal(scale=2), rng.normal(scale=2), rng.normal(scale=2)
    s = sig(u)
    glu = lambda a, u: a * sig(u)  # noqa: E731
    sw = lambda u: u * sig(u)  # noqa: E731
    swb = lambda u: u * sig(beta * u)  # noqa: E731
    sg = lambda a, u: a * sw(u)  # noqa: E731
    ds, dsb = d(sw, u), d(swb, u)
    sb = sig(beta * u)
    dim, h = (int(v) for v in rng.integers(2, 5, size=2))
    x, W, V, g = rng.normal(size=dim), rng.normal(size=(dim, h)), rng.normal(size=(dim, h)), rng.normal(size=h)
    Y = lambda x, W=W: (W.T @ x) * sw(V.T @ x)  # noqa: E731
    L = lambda x, W=W: float(g @ Y(x, W))  # noqa: E731   grad_y L = g
    A, U = W.T @ x, V.T @ x
    swp = np.array([d(sw, t) for t in U])
    gx, gW = grad(L, x), grad(lambda M: L(x, M), W)
    return {
        "5": [d(sig, u), s * (1 - s)], "8.2": [sw(u), u * s, u / (1 + math.exp(-u))], "26": [sg(a, u), a * u * s],
        "11": [d(lambda t: glu(t, u), a), s], "11.2": [d(lambda t: glu(a, t), u), a * s * (1 - s)],
        "15": [ds, s + u * s * (1 - s), s * (1 + u * (1 - s))], "17": [ds, s * (1 - s)], "18": [ds, s + u * s],
        "19": [d(sw, 0.0), 0.5], "19.2": [d(sw, 0.0), 0.25],
        "22": [dsb, sb + beta * u * sb * (1 - sb)], "24": [dsb, sb + u * sb * (1 - sb)],
        "28": [d(lambda t: sg(t, u), a), u * s], "28.2": [d(lambda t: sg(a, t), u), a * s * (1 + u * (1 - s))],
        "30": [d(lambda t: sg(a, t), u), a * s * (1 - s)], "30.2": [d(lambda t: sg(t, u), a), s],
        "31.2": [d(lambda t: sg(2.0, t), 0.0), 2 * 0.5, 1], "31.3": [d(lambda t: sg(t, 0.0), 2.0), 0],
        "36": [gx, W @ (g * sw(U)) + V @ (g * A * swp)], "38": [gx, W @ (g * sw(U))],
        "39": [gx, (W.T @ (g * sw(U)) + V.T @ (g * A * swp)) if h == dim else UNDEFINED],
        "40": [gW, np.outer(x, g * sw(U))],
    }


@document("205_office_hours_cauchy_schwarz_jensen")
def _(rng):
    u, v = np.array([1.0, 2.0, 3.0]), np.array([4.0, 5.0, 6.0])
    w = 2 * u
    E = lambda f, support: float(np.mean([f(t) for t in support]))  # noqa: E731   a uniform law
    X, Z = (0.0, 2.0), (1.0, 9.0)
    EX = lambda f: E(f, X)  # noqa: E731
    EZ = lambda f: E(f, Z)  # noqa: E731
    VarX = EX(lambda t: (t - EX(lambda s: s)) ** 2)
    VarZ = EZ(lambda t: (t - EZ(lambda s: s)) ** 2)
    return {
        "7": [u @ v, 32], "7.2": [u @ u, 14], "7.3": [v @ v, 77], "9": [(u @ u) * (v @ v), 1078], "9.2": [v @ v, 15],
        "10.2": [u @ w, 2 * (u @ u), 28], "11": [np.linalg.norm(u) * np.linalg.norm(w), 28],
        "11.2": [u @ v, np.linalg.norm(u) * np.linalg.norm(v)],
        "13.2": [EX(lambda t: t**2), 2], "13.3": [EX(lambda t: (t**2) ** 2), EX(lambda t: t**4), 8], "14": [EX(lambda t: (t**2) ** 2), 4],
        "16": [EX(lambda t: t * t**2) ** 2, 16, EX(lambda t: t**2) * EX(lambda t: (t**2) ** 2)],
        "19": [EX(lambda t: t**3), 1],
        "23": [EX(lambda t: t**2) - EX(lambda t: t) ** 2, VarX, 1],
        "24": [EX(math.exp), (1 + math.e**2) / 2], "24.2": [math.exp(EX(lambda t: t)), math.e],
        "24.3": [EX(math.exp), math.exp(EX(lambda t: t))], "25": [EX(math.exp), math.e**2 / 2],
        "27": [EZ(lambda t: t), 5], "29": [EZ(math.sqrt), 2], "29.2": [math.sqrt(EZ(lambda t: t)), math.sqrt(5)],
        "29.3": [EZ(math.sqrt), math.sqrt(5)],
        "30": [EZ(lambda t: 1 / t), 0.5 * (1 + 1 / 9), 5 / 9], "30.2": [1 / EZ(lambda t: t), 1 / 5],
        "31": [EZ(lambda t: 1 / t), 1 / 5], "31.2": [EZ(lambda t: 1 / t), 10 / 18, 1 / 2],
        "33": [VarZ, EZ(lambda t: t * t) - EZ(lambda t: t) ** 2, 41 - 25], "33.2": [VarZ, 41 - 5],
    }


@document("206_hw_inverted_dropout_moments")
def _(rng):
    import itertools
    n = int(rng.integers(1, 5))
    x, w = rng.normal(scale=2, size=n), rng.normal(size=n)
    p = rng.uniform(0.05, 0.95)
    i = int(rng.integers(0, n))

    def E(f, p=p, x=x):                                              # E f(masks), by enumeration of the 2^n masks
        total = 0.0
        for m in itertools.product((0.0, 1.0), repeat=len(x)):
            m = np.array(m)
            total += np.prod(np.where(m == 1, p, 1 - p)) * f(m)
        return total
    Y = lambda m, x=x, p=p: m * x / p  # noqa: E731
    V = lambda f, p=p, x=x: E(lambda m: f(m) ** 2, p, x) - E(f, p, x) ** 2  # noqa: E731
    Ey, Ey2, Vy = E(lambda m: Y(m)[i]), E(lambda m: Y(m)[i] ** 2), V(lambda m: Y(m)[i])
    Vz = V(lambda m: w @ Y(m))
    m = (rng.uniform(size=n) < p).astype(float)                      # one draw of the masks, for the derivatives
    J = jac(lambda v: Y(m, v), x)
    j = int(rng.integers(0, n - 1)) if n > 1 else 0
    j = j + (j >= i)                                                 # j != i
    x5 = np.array([5.0])
    E5 = lambda f: E(f, 0.8, x5)  # noqa: E731
    V5 = V(lambda m: Y(m, x5, 0.8)[0], 0.8, x5)
    return {
        "6": [E(lambda m: m[i]), p], "6.2": [m[i] ** 2, m[i]],
        "8": [Ey, x[i] / p * E(lambda m: m[i]), x[i]], "8.2": [Ey2, x[i] ** 2 / p**2 * E(lambda m: m[i] ** 2), x[i] ** 2 / p],
        "10": [Ey2, x[i] ** 2],
        "12": [Vy, x[i] ** 2 / p - x[i] ** 2, (1 - p) / p * x[i] ** 2], "14": [Vy, p * (1 - p) * x[i] ** 2],
        "16.2": [E(lambda m: m[i] * x[i]), p * x[i]], "17": [Ey, p * x[i]],
        "19.2": [E(lambda m: w @ Y(m)), w @ x], "19.3": [E(lambda m: w @ Y(m)), p * (w @ x)],
        "22": [Vz, sum(w[k] ** 2 * V(lambda m, k=k: Y(m)[k]) for k in range(n)), (1 - p) / p * np.sum(w**2 * x**2)],
        "24": [Vz, (1 - p) / p * (w @ x) ** 2],
        "26": [J[i, i], m[i] / p], "26.2": [J[i, j] if n > 1 else 0.0, 0], "26.3": [J[i, i], m[i]],
        "27": [E(lambda m: m[i] / p), 1], "27.2": [E(lambda m: m[i] / p), p],
        "29.3": [E5(lambda m: Y(m, x5, 0.8)[0]), 5], "29.4": [E5(lambda m: Y(m, x5, 0.8)[0] ** 2), 31.25],
        "31": [V5, 31.25 - 25, 6.25], "33": [V5, 4],
        "35": [E(lambda m: float(np.all(m == 0))), (1 - p) ** n], "35.2": [E(lambda m: float(np.all(m == 0))), 1 - p**n],
        "36": [E(lambda m: np.sum(m)), n * p],
    }


@document("207_reading_group_dpo_gradient")
def _(rng):
    K = int(rng.integers(2, 7))
    yw, yl = rng.choice(K, size=2, replace=False)
    th, ref = rng.normal(size=K), rng.normal(size=K)
    beta = math.exp(rng.normal())
    logpi = lambda t, y: t[y] - lse(t)  # noqa: E731
    H = lambda t, b=beta: b * ((logpi(t, yw) - logpi(ref, yw)) - (logpi(t, yl) - logpi(ref, yl)))  # noqa: E731
    L = lambda t, b=beta: -math.log(sig(H(t, b)))  # noqa: E731
    h = H(th)
    lsig = lambda u: -math.log(1 + math.exp(-u))  # noqa: E731   log sigma
    dLdh = d(lambda u: -lsig(u), h)
    gw, gl = grad(lambda t: logpi(t, yw), th), grad(lambda t: logpi(t, yl), th)
    gL = grad(L, th)
    e = np.eye(K)
    y = int(rng.integers(0, K))
    gy = grad(lambda t: logpi(t, y), th)
    # at theta = theta_ref
    h0 = H(ref)
    g0 = grad(lambda t: L(t, 0.1), ref)
    return {
        "7": [L(th), -math.log(sig(h)), math.log(1 + math.exp(-h))],
        "11": [d(lsig, h), 1 - sig(h)], "11.2": [1 - sig(h), sig(-h)],
        "13": [dLdh, -(1 - sig(h)), -sig(-h)], "15": [dLdh, -sig(h)],
        "18": [grad(H, th), beta * (gw - gl)],
        "20": [gL, -beta * sig(-h) * (gw - gl)], "22": [gL, -sig(-h) * (gw - gl)], "23": [gL, -beta * sig(h) * (gw - gl)],
        "26": [gy, e[y] - softmax(th)], "29": [gL, -beta * sig(-h) * (e[yw] - e[yl])], "31": [gy, e[y]],
        "33.2": [L(ref), math.log(2)], "33.3": [d(lambda u: -lsig(u), h0), -0.5],
        "34": [g0, -0.05 * (e[yw] - e[yl])], "34.2": [g0, -0.1 * (e[yw] - e[yl])],
        "36": [d(lambda b: L(th, b), beta), -sig(-h) * h / beta], "36.2": [d(lambda b: L(th, b), beta), -sig(-h) * h],
        "37": [-math.log(sig(-h)), math.log(1 + math.exp(h))], "37.2": [-math.log(sig(-h)), math.log(1 + math.exp(-h))],
    }


@document("208_hw_two_layer_relu_backprop")
def _(rng):
    dim, h = (int(v) for v in rng.integers(2, 5, size=2))
    x, W1, b1 = rng.normal(size=dim), rng.normal(size=(h, dim)), rng.normal(size=h)
    w2, b2, y = rng.normal(size=h), rng.normal(), rng.normal()
    k, j = int(rng.integers(0, h)), int(rng.integers(0, dim))
    R = lambda z: np.maximum(z, 0.0)  # noqa: E731
    out = lambda a, w2=w2, b2=b2: float(w2 @ a + b2)  # noqa: E731
    L = lambda x=x, W1=W1, b1=b1, w2=w2, b2=b2, y=y: 0.5 * (out(R(W1 @ x + b1), w2, b2) - y) ** 2  # noqa: E731
    z = W1 @ x + b1
    a, e = R(z), out(R(z)) - y
    gz = grad(lambda v: 0.5 * (out(R(v)) - y) ** 2, z)
    ga = grad(lambda v: 0.5 * (out(v) - y) ** 2, a)
    gW, gx = grad(lambda M: L(W1=M), W1), grad(lambda v: L(x=v), x)
    gb1, gw2 = grad(lambda v: L(b1=v), b1), grad(lambda v: L(w2=v), w2)
    gate = (z > 0).astype(float)
    # the numbers
    X0, W0, v0 = np.array([1.0, 2.0]), np.array([[1.0, -1.0], [2.0, 1.0]]), np.array([1.0, -2.0])
    L0 = lambda x=X0, W1=W0, w2=v0, b2=0.0: L(x, W1, np.zeros(2), w2, b2, 1.0)  # noqa: E731
    z0 = W0 @ X0
    a0 = R(z0)
    y0 = out(a0, v0, 0.0)
    e0 = y0 - 1
    gz0 = grad(lambda v: 0.5 * (out(R(v), v0, 0.0) - 1) ** 2, z0)
    gW0, gx0 = grad(lambda M: L0(W1=M), W0), grad(lambda v: L0(x=v), X0)
    gw20, gb20 = grad(lambda v: L0(w2=v), v0), d(lambda t: L0(b2=t), 0.0)
    return {
        "9": [d(lambda t: 0.5 * (t - y) ** 2, out(a)), e], "9.2": [d(lambda t: L(b2=t), b2), e],
        "9.3": [gw2[k], e * a[k]], "9.4": [gw2[k], e * z[k]],
        "11": [d(R, z[k]), gate[k]],
        "13": [gz[k], ga[k] * d(R, z[k]), e * w2[k] * gate[k]], "13.2": [gW[k, j], e * w2[k] * gate[k] * x[j]],
        "15": [gz[k], e * w2[k]], "15.2": [gb1[k], gz[k]],
        "19": [gz, e * (w2 * gate)], "19.2": [gW, np.outer(gz, x)], "19.3": [gx, W1.T @ gz],
        "21": [gW, np.outer(x, gz)], "21.2": [gx, mat(W1, gz)],
        "27": [z0, np.array([-1, 4])], "27.2": [a0, np.array([0, 4])], "27.3": [y0, -8], "27.4": [e0, -9],
        "27.5": [L0(), 0.5 * 81, 40.5], "27.6": [L0(), 81],
        "29": [gz0, -9 * np.array([0, -2]), np.array([0, 18])], "29.2": [gW0, np.array([[0, 0], [18, 36]])],
        "29.3": [gx0, np.array([36, 18])],
        "31": [gW0, np.array([[-9, -18], [18, 36]])], "31.2": [gw20, e0 * a0, np.array([0, -36])],
        "31.3": [gb20, -9], "31.4": [gb20, 9],
        "32": [gW0[0, 1], 0], "32.2": [gW0[1, 0], 18 * 1, 18], "32.3": [gW0[1, 0], 36],
        "15.3": [gb1[k], e],
    }


@document("209_notes_exponential_waiting_times")
def _(rng):
    nodes, weights = np.polynomial.legendre.leggauss(60)

    def quad(f, a, b, panels=40):                                    # composite Gauss-Legendre
        edges = np.linspace(a, b, panels + 1)
        total = 0.0
        for lo, hi in zip(edges[:-1], edges[1:]):
            t = (hi - lo) / 2 * nodes + (hi + lo) / 2
            total += (hi - lo) / 2 * float(np.sum(weights * f(t)))
        return total
    lam = math.exp(rng.normal())
    n = int(rng.integers(2, 7))
    s = lam * rng.uniform(-1, 0.5)
    t0, u = rng.uniform(0, 2 / lam), rng.uniform(0, 2 / lam)
    top = 120 / lam
    dens = lambda t, lam=lam: lam * np.exp(-lam * t)  # noqa: E731
    gamma = lambda x, n=n, lam=lam: lam**n * x ** (n - 1) * np.exp(-lam * x) / math.factorial(n - 1)  # noqa: E731
    E1 = lambda g: quad(lambda t: g(t) * dens(t), 0, top)  # noqa: E731
    ES = lambda g, n=n, lam=lam: quad(lambda x: g(x) * gamma(x, n, lam), 0, 120 / lam)  # noqa: E731   S_n ~ Gamma(n, lam)
    surv = lambda a: quad(dens, a, a + top)  # noqa: E731
    m1, m2 = E1(lambda t: t), E1(lambda t: t**2)
    v1 = m2 - m1**2
    mS = ES(lambda x: x)
    vS = ES(lambda x: x**2) - mS**2
    mgf1 = E1(lambda t: np.exp(s * t))
    mgfS = ES(lambda x: np.exp(s * x))
    ts = rng.exponential(1 / lam, size=n) + 0.01
    ell = lambda l, ts=ts: float(np.sum(np.log(l * np.exp(-l * ts))))  # noqa: E731
    lhat = n / np.sum(ts)
    t3 = np.array([2.0, 3.0, 5.0])
    m3 = ES(lambda x: x, 3, 0.3)
    v3 = ES(lambda x: x**2, 3, 0.3) - m3**2
    return {
        "4": [surv(t0), math.exp(-lam * t0)],
        "10": [m1, quad(lambda t: t * lam * np.exp(-lam * t), 0, top), 1 / lam],
        "10.2": [m2, quad(lambda t: t**2 * lam * np.exp(-lam * t), 0, top), 2 / lam**2],
        "12": [v1, 2 / lam**2 - 1 / lam**2, 1 / lam**2], "12.2": [v1, 1 / lam],
        "13": [surv(u + t0) / surv(u), math.exp(-lam * (u + t0)) / math.exp(-lam * u), math.exp(-lam * t0)],
        "19": [mS, n * m1, n / lam], "19.2": [vS, n * v1, n / lam**2], "21": [vS, n**2 / lam**2],
        "23": [mgfS, mgf1**n, (lam / (lam - s)) ** n], "25": [mgfS, n * lam / (lam - s)],
        "31": [ell(lam), float(np.sum(np.log(lam * np.exp(-lam * ts)))), n * math.log(lam) - lam * np.sum(ts)],
        "33": [d(ell, lam), n / lam - np.sum(ts)], "33.2": [d2(ell, lam), -n / lam**2],
        "34": [ES(lambda x: n / x), n * lam / (n - 1)], "34.2": [ES(lambda x: 1 / x), lam / (n - 1)],
        "34.3": [ES(lambda x: n / x), lam],
        "36.2": [np.sum(t3), 10], "36.3": [3 / np.sum(t3), 3 / 10, 0.3], "36.4": [3 / np.sum(t3), 10 / 3],
        "37": [ell(0.3, t3), 3 * math.log(0.3) - 3],
        "37.2": [m3, 3 / 0.3, 10], "37.3": [v3, 3 / 0.09, 30],
        "13.2": [surv(u + t0) / surv(u), math.exp(-lam * (u + t0))],
        "25.2": [math.sqrt(vS), math.sqrt(n) / lam], "25.3": [math.sqrt(vS), n / lam],
        "34.4": [ES(lambda x: 1 / x), 1 / mS, lam / n],
    }


@document("210_lecture_gaussian_integrals")
def _(rng):
    nodes, weights = np.polynomial.legendre.leggauss(60)

    def quad(f, a, b, panels=40):                                    # composite Gauss-Legendre
        edges = np.linspace(a, b, panels + 1)
        total = 0.0
        for lo, hi in zip(edges[:-1], edges[1:]):
            t = (hi - lo) / 2 * nodes + (hi + lo) / 2
            total += (hi - lo) / 2 * float(np.sum(weights * f(t)))
        return total
    mu, sg, a, t = rng.normal(), math.exp(rng.normal(scale=0.5)), math.exp(rng.normal()), rng.normal(scale=0.7)
    full = lambda f, c=0.0, w=1.0: quad(f, c - 40 * w, c + 40 * w)  # noqa: E731   the real line, for a density of width w
    phi = lambda x: np.exp(-((x - mu) ** 2) / (2 * sg**2)) / (sg * math.sqrt(2 * math.pi))  # noqa: E731
    EX = lambda g: full(lambda x: g(x) * phi(x), mu, sg)  # noqa: E731
    EZ = lambda g: full(lambda x: g(x) * np.exp(-x**2 / 2) / math.sqrt(2 * math.pi))  # noqa: E731
    I = full(lambda x: np.exp(-x**2 / 2))
    radial = quad(lambda r: np.exp(-r**2 / 2) * r, 0, 40)
    radial0 = quad(lambda r: np.exp(-r**2 / 2), 0, 40)
    ga = full(lambda x: np.exp(-a * x**2), 0, 1 / math.sqrt(a))
    g2 = full(lambda x: x**2 * np.exp(-a * x**2), 0, 1 / math.sqrt(a))
    m2 = full(lambda x: x**2 * np.exp(-x**2 / 2))
    x = rng.normal()
    return {
        "11": [I * I, I * I, 2 * math.pi * radial, 2 * math.pi], "15": [I, math.sqrt(2 * math.pi)],
        "17": [I * I, 2 * math.pi * radial0, 2 * math.pi * math.sqrt(math.pi / 2), math.pi * math.sqrt(2 * math.pi)],
        "21": [ga, math.sqrt(math.pi / a)], "23": [ga, math.sqrt(math.pi) / a],
        "24.2": [full(lambda x: np.exp(-((x - mu) ** 2) / (2 * sg**2)), mu, sg), math.sqrt(2 * math.pi * sg**2), sg * math.sqrt(2 * math.pi)],
        "26": [EZ(lambda x: x**3), 0],
        "28": [m2, 0.0 + I, math.sqrt(2 * math.pi)],
        "29": [full(lambda x: x**4 * np.exp(-x**2 / 2)), 3 * m2, 3 * math.sqrt(2 * math.pi)],
        "31": [EZ(lambda x: x**2), 1], "31.2": [EZ(lambda x: x**4), 3],
        "31.3": [g2, 1 / (2 * a) * math.sqrt(math.pi / a)], "31.4": [g2, 1 / a * math.sqrt(math.pi / a)],
        "31.6": [EX(lambda x: (x - mu) ** 2), sg**2], "31.7": [EX(lambda x: (x - mu) ** 4), 3 * sg**4],
        "32": [EX(lambda x: (x - mu) ** 4), 3 * sg**2],
        "34": [t * x - x**2 / 2, t**2 / 2 - (x - t) ** 2 / 2],
        "36": [EZ(lambda x: np.exp(t * x)), full(lambda x: np.exp(t * x - x**2 / 2)) / math.sqrt(2 * math.pi), math.exp(t**2 / 2)],
        "38": [EX(lambda x: np.exp(t * x)), math.exp(mu * t) * EZ(lambda z: np.exp(sg * t * z)), math.exp(mu * t + sg**2 * t**2 / 2)],
        "38.2": [EX(lambda x: np.exp(t * x)), math.exp(mu * t + sg * t**2 / 2)],
        "39": [EX(lambda x: x**2), mu**2 + sg**2], "39.2": [EX(lambda x: x**2), sg**2],
        "39.3": [EX(lambda x: x**3), mu**3 + 3 * mu * sg**2], "39.4": [EX(lambda x: x**3), mu**3],
        "24.3": [full(lambda x: np.exp(-((x - mu) ** 2) / (2 * sg**2)), mu, sg), math.sqrt(2 * math.pi)],
        "26.2": [EZ(np.abs), math.sqrt(2 / math.pi)], "26.3": [EZ(np.abs), 0],
    }


@document("211_forum_softmax_temperature_entropy")
def _(rng):
    K = int(rng.integers(2, 7))
    z = rng.normal(size=K)
    top = int(np.argmax(z))
    z[top] = np.max(np.delete(z, top)) + rng.uniform(0.05, 2) if K > 1 else z[top]   # a unique maximum, by a margin
    T = math.exp(rng.normal(scale=0.5))
    i = int(rng.integers(0, K))
    P = lambda T, z=z: softmax(z / T)  # noqa: E731

    def H(T, z=z):
        p = P(T, z)
        return -float(np.sum(np.where(p > 0, p * np.log(np.where(p > 0, p, 1.0)), 0.0)))
    p = P(T)
    zb_ = lambda T, z=z: float(P(T, z) @ z)  # noqa: E731
    zb = zb_(T)
    var = float(p @ (z - zb) ** 2)
    dH, dzb = d(H, T), d(zb_, T)
    big, small = 1e8, 1e-4
    z2 = np.array([0.0, math.log(2)])
    p1 = P(1.0, z2)
    zb1, var1 = float(p1 @ z2), float(p1 @ (z2 - p1 @ z2) ** 2)
    return {
        "3.3": [dH, var / T**2],
        "5": [P(big)[i], 1 / K], "5.2": [P(small)[top], 1], "5.4": [P(small)[i], 1 / K],
        "5.5": [H(big), math.log(K)], "5.6": [H(small), 0],
        "7.3": [math.log(p[i]), z[i] / T - lse(z / T)],
        "9": [H(T), -float(np.sum(p * (z / T - lse(z / T)))), lse(z / T) - zb / T],
        "13": [d(lambda t: P(t)[i], T), -1 / T**2 * p[i] * (z[i] - zb)],
        "15": [d(lambda t: P(t)[i], T), 1 / T**2 * p[i] * (z[i] - zb)], "15.2": [dzb, -1 / T**2 * var],
        "17": [dH, -zb / T**2 - 1 / T * dzb + zb / T**2, var / T**3],
        "19.2": [d(lambda b: H(1 / b), 1 / T), -(1 / T) * var], "19.3": [d(lambda b: H(1 / b), 1 / T), -T**3 * var],
        "21.4": [p1[0], 1 / 3], "21.5": [p1[1], 2 / 3], "21.6": [zb1, 2 / 3 * math.log(2)],
        "23": [H(1.0, z2), math.log(3) - 2 / 3 * math.log(2)], "23.2": [H(1.0, z2), math.log(2)],
        "23.3": [var1, p1[0] * p1[1] * math.log(2) ** 2, 2 / 9 * math.log(2) ** 2],
        "26.2": [P(2.0, z2)[1], math.sqrt(2) / (1 + math.sqrt(2))], "26.3": [P(2.0, z2)[1], 1 / 3],
        "26.4": [d(lambda t: H(t, z2), 1.0), 2 / 9 * math.log(2) ** 2],
        "26.5": [P(2.0, z2)[0], 1 / (1 + math.sqrt(2))], "26.6": [P(2.0, z2)[0], 1 / 6],
    }


@document("212_appendix_frobenius_trace_gradients")
def _(rng):
    m, n, p = (int(v) for v in rng.integers(2, 5, size=3))
    A, B, X = rng.normal(size=(m, n)), rng.normal(size=(m, p)), rng.normal(size=(n, p))
    C, E, M = rng.normal(size=(n, n)), rng.normal(size=(n, p)), rng.normal(size=(m, p))
    lam = math.exp(rng.normal())
    k, l = int(rng.integers(0, n)), int(rng.integers(0, p))
    f = lambda X, A=A, B=B: float(np.sum((A @ X - B) ** 2))  # noqa: E731
    g = lambda X: float(np.trace(X.T @ C @ X))  # noqa: E731
    R = A @ X - B
    gf, gg = grad(f, X), grad(g, X)
    df = d(lambda t: f(X + t * E), 0.0)                              # the differential along dX = E
    dR = A @ E
    stacked = np.vstack([A, math.sqrt(lam) * np.eye(n)])           # ridge as one least-squares problem
    Xs = np.linalg.lstsq(stacked, np.vstack([B, np.zeros((n, p))]), rcond=None)[0]
    inv_m = np.linalg.inv(A @ A.T + lam * np.eye(m))
    A0, I2 = np.array([[1.0, 2.0], [0.0, 1.0]]), np.eye(2)
    R0 = A0 @ I2 - I2
    g0 = grad(lambda X: f(X, A0, I2), I2)
    return {
        "10": [float(np.sum(M**2)), np.trace(M.T @ M)],
        "14": [df, np.trace(dR.T @ R + R.T @ dR), 2 * np.trace(R.T @ A @ E)], "16": [df, np.trace(gf.T @ E)],
        "18": [gf, 2 * A.T @ (A @ X - B)], "20": [gf[k, l], 2 * sum(A[i, k] * R[i, l] for i in range(m))],
        "21": [gf, A.T @ (A @ X - B)], "22": [gf, 2 * (A @ X - B) @ A.T if p == n else UNDEFINED],
        "22.2": [grad(lambda M: f(X, M), A), 2 * (A @ X - B) @ X.T],
        "26": [g(X), sum(X[i, l] * C[i, j] * X[j, l] for l in range(p) for i in range(n) for j in range(n))],
        "27": [gg, (C + C.T) @ X], "29": [gg, 2 * C @ X], "29.2": [gg, X.T @ (C + C.T)],
        "34": [Xs, np.linalg.inv(A.T @ A + lam * np.eye(n)) @ A.T @ B],
        "36": [Xs, mat(mat(inv_m, A.T), B) if m == n else UNDEFINED],
        "38.5": [R0, np.array([[0, 2], [0, 0]])], "38.6": [f(I2, A0, I2), 4],
        "40": [g0, 2 * np.array([[1, 0], [2, 1]]) @ np.array([[0, 2], [0, 0]]), np.array([[0, 4], [0, 8]])],
        "42": [2 * R0 @ A0.T, np.array([[4, 2], [0, 0]])],
    }


@document("213_exam_taylor_second_order")
def _(rng):
    f, g, h = math.exp, lambda x: math.log(1 + x), lambda x: math.sqrt(1 + x)  # noqa: E731
    k, q = lambda x: math.exp(2 * x), lambda x: math.exp(x) * math.log(1 + x)  # noqa: E731
    T = lambda u, x: u(0.0) + d(u, 0.0) * x + d2(u, 0.0) / 2 * x**2  # noqa: E731   the second-order Taylor polynomial at 0
    R = lambda u, x: u(x) - T(u, x)  # noqa: E731
    x = rng.uniform(-0.5, 1.0)
    return {
        "6": [T(f, x), 1 + x + x**2 / 2],
        "8": [T(f, 0.1), 1 + 0.1 + 0.005, 1.105], "8.2": [R(f, 0.1), math.exp(0.1) - 1.105],
        "10": [1.2 / 6 * 0.1**3, 0.0002], "10.2": [T(f, 0.1), 1.11], "10.3": [0.1**2 / 2, 0.01],
        "14": [d(g, x), 1 / (1 + x)], "14.2": [d2(g, x), -1 / (1 + x) ** 2],
        "14.3": [d2(lambda t: (np.log(1 + t + 1e-20j)).imag / 1e-20, x), 2 / (1 + x) ** 3],   # (g')'', g' by a complex step
        "16": [T(g, x), x - x**2 / 2], "16.2": [T(g, 0.2), 0.2 - 0.02, 0.18],
        "16.3": [d2(g, x), 1 / (1 + x) ** 2], "16.4": [T(g, x), x + x**2 / 2],
        "17": [T(g, x), x - x**2], "17.2": [T(g, 0.2), 0.16],
        "18": [R(g, 0.2), math.log(1.2) - 0.18],
        "22": [d(h, x), 1 / (2 * math.sqrt(1 + x))], "22.2": [d2(h, x), -1 / (4 * (1 + x) ** 1.5)],
        "24": [T(h, x), 1 + x / 2 - x**2 / 8], "24.2": [T(h, x), 1 + x / 2 - x**2 / 4], "24.3": [d2(h, 0.0), -0.5],
        "25.2": [h(0.21), 1.1],
        "27": [T(h, 0.21), 1 + 0.105 - 0.0441 / 8, 1.0994875], "27.2": [R(h, 0.21), 1.1 - 1.0994875, 0.0005125],
        "30.2": [T(k, x), 1 + 2 * x + (2 * x) ** 2 / 2, 1 + 2 * x + 2 * x**2], "30.3": [T(k, x), 1 + 2 * x + x**2],
        "31.2": [T(q, x), x + x**2 / 2], "31.3": [T(q, x), x - x**2 / 2],
        "31.4": [(1 + x) * (x - x**2 / 2), x + x**2 / 2 - x**3 / 2],
    }


@document("214_nb_gradient_check_quadratic")
def _(rng):
    n = int(rng.integers(2, 5))
    Q = rng.normal(size=(n, n))
    Q = Q + Q.T
    b, w = rng.normal(size=n), rng.normal(size=n)
    h, i = rng.uniform(0.01, 0.5), int(rng.integers(0, n))
    f = lambda w, Q=Q, b=b: 0.5 * w @ Q @ w - b @ w  # noqa: E731
    e = np.eye(n)[i]
    g = grad(f, w)
    hess = np.array([[partial2(f, w, p, q) for q in range(n)] for p in range(n)])
    fwd = (f(w + h * e) - f(w)) / h
    Q0, b0, w0 = np.array([[2.0, 1.0], [1.0, 3.0]]), np.array([1.0, 1.0]), np.array([1.0, 0.0])
    f0 = lambda w: f(w, Q0, b0)  # noqa: E731
    E = np.eye(2)
    g0 = grad(f0, w0)
    fw = lambda h, k: (f0(w0 + h * E[k]) - f0(w0)) / h  # noqa: E731
    gf = np.array([fw(0.1, 0), fw(0.1, 1)])
    return {
        "1:6.2": [g, Q @ w - b], "1:8": [g, 0.5 * Q @ w - b], "1:8.2": [hess, Q], "1:8.3": [hess, 2 * Q],
        "1:11": [fwd, g[i] + h / 2 * Q[i, i]], "1:11.2": [(f(w + h * e) - f(w - h * e)) / (2 * h), g[i]],
        "1:13": [fwd - g[i], h * Q[i, i]],
        "3:4": [f0(w0), 0.5 * 2 - 1, 0], "3:4.2": [g0, np.array([2, 1]) - np.array([1, 1]), np.array([1, 0])],
        "3:5": [f0(w0 + 0.1 * E[0]), 1.1**2 - 1.1, 0.11], "3:5.2": [f0(w0 - 0.1 * E[0]), 0.9**2 - 0.9, -0.09],
        "3:7": [fw(0.1, 0), 0.11 / 0.1, 1.1],
        "3:7.2": [(f0(w0 + 0.1 * E[0]) - f0(w0 - 0.1 * E[0])) / 0.2, 0.2 / 0.2, 1],
        "3:9": [g0[0], 0.2 / 0.1, 2],
        "3:10": [f0(w0 + 0.1 * E[1]), 0.5 * (2 + 0.2 + 0.03) - 1.1, 0.015], "3:10.2": [0.015 / 0.1, 0.15],
        "3:11": [0.1 / 2 * Q0[1, 1], 0.15], "3:11.2": [g0[1], 0], "3:11.3": [0.1 / 2 * Q0[1, 1], 0.3],
        "5:3.2": [np.linalg.norm(gf - g0), math.sqrt(0.1**2 + 0.15**2), math.sqrt(0.0325)],
        "5:4.2": [fw(0.05, 0), 1.05], "5:5": [fw(0.05, 0), 1.025],
        "1:13.4": [0.1 / 2 * 2, 0.2], "3:5.3": [f0(w0 + 0.1 * E[0]), f0(w0) + 0.1, 0.1],
    }


@document("215_worksheet_multivariable_chain_rule")
def _(rng):
    t = rng.uniform(-3, 3)
    f = lambda x, y: x**2 * y  # noqa: E731
    z = lambda t: f(math.cos(t), math.sin(t))  # noqa: E731
    x, y = math.cos(t), math.sin(t)
    fx, fy = d(lambda v: f(v, y), x), d(lambda v: f(x, v), y)
    dz = d(z, t)
    c = rng.normal(size=3)
    g = lambda x, y: c[0] * math.sin(x) + c[1] * x * y**2 + c[2] * math.exp(y)  # noqa: E731
    r, th = rng.uniform(0.2, 2), rng.uniform(-3, 3)
    px, py = r * math.cos(th), r * math.sin(th)
    gx, gy = d(lambda v: g(v, py), px), d(lambda v: g(px, v), py)
    U = lambda r, th, g=g: g(r * math.cos(th), r * math.sin(th))  # noqa: E731
    ur, uth = d(lambda v: U(v, th), r), d(lambda v: U(r, v), th)
    g1, g2 = lambda x, y: x**2 + y**2, lambda x, y: x * y  # noqa: E731
    rho, ph = rng.uniform(0.2, 2), rng.uniform(0.1, 3)
    sph = lambda v: np.array([v[0] * math.sin(v[1]) * math.cos(v[2]), v[0] * math.sin(v[1]) * math.sin(v[2]), v[0] * math.cos(v[1])])  # noqa: E731
    q = np.array([rho, ph, th])
    J = jac(sph, q)
    s, tt = rng.normal(), rng.normal()
    w = lambda s, t: math.exp((s + t) * (s - t))  # noqa: E731
    X, Y = s + tt, s - tt
    return {
        "5": [dz, fx * -math.sin(t) + fy * math.cos(t), 2 * x * y * -math.sin(t) + x**2 * math.cos(t),
              math.cos(t) ** 3 - 2 * math.cos(t) * math.sin(t) ** 2],
        "7": [dz, 2 * x * y + x**2],
        "8.2": [math.cos(math.pi / 3), 0.5], "8.3": [math.sin(math.pi / 3), math.sqrt(3) / 2],
        "10": [d(z, math.pi / 3), -2 * 0.5 * 0.75 + 1 / 8, -5 / 8], "12": [d(z, math.pi / 3), 7 / 8],
        "12.2": [z(t), math.cos(t) ** 2 * math.sin(t)],
        "16": [ur, gx * math.cos(th) + gy * math.sin(th)], "16.2": [uth, -gx * r * math.sin(th) + gy * r * math.cos(th)],
        "18": [uth, -gx * math.sin(th) + gy * math.cos(th)],
        "20": [gx**2 + gy**2, ur**2 + uth**2 / r**2], "22": [gx**2 + gy**2, ur**2 + uth**2],
        "22.3": [U(r, th, g1), r**2], "22.4": [d(lambda v: U(v, th, g1), r), 2 * r], "22.5": [d(lambda v: U(r, v, g1), th), 0],
        "23.2": [U(r, th, g2), r**2 / 2 * math.sin(2 * th)], "23.3": [d(lambda v: U(r, v, g2), th), r**2 * math.cos(2 * th)],
        "23.4": [d(lambda v: U(r, v, g2), th), r**2 / 2 * math.cos(2 * th)],
        "27": [J[0, 0], math.sin(ph) * math.cos(th)], "27.2": [J[0, 1], rho * math.cos(ph) * math.cos(th)],
        "27.3": [J[0, 2], -rho * math.sin(ph) * math.sin(th)], "27.4": [J[2, 1], rho * math.sin(ph)],
        "29": [np.linalg.det(J), rho**2 * math.sin(ph)], "29.2": [np.linalg.det(J), rho * math.sin(ph)],
        "31.4": [d(lambda v: w(v, tt), s), math.exp(X * Y) * (Y + X), 2 * s * math.exp(s**2 - tt**2)],
        "31.5": [d(lambda v: w(s, v), tt), math.exp(X * Y) * (Y - X), -2 * tt * math.exp(s**2 - tt**2)],
        "32": [d(lambda v: w(s, v), tt), math.exp(X * Y) * (X - Y)],
        "32.2": [d(lambda v: v + s, tt), 1], "32.3": [d(lambda v: s - v, tt), -1],
        "12.3": [d(lambda u: math.cos(u) ** 2, t), 2 * math.cos(t)],
    }


@document("216_recitation_kmeans_lloyd_gradient")
def _(rng):
    dim, K = int(rng.integers(1, 4)), int(rng.integers(2, 5))
    n = K + int(rng.integers(1, 6))
    X = rng.normal(size=(n, dim))
    mu = X[rng.choice(n, size=K, replace=False)] + 0.0              # centroids at data points: no empty cluster
    c = np.array([int(np.argmin([np.sum((x - m) ** 2) for m in mu])) for x in X])
    k = int(rng.integers(0, K))
    Ck = np.flatnonzero(c == k)
    nk = len(Ck)

    def J(mu, c=c, X=X):
        return float(sum(np.sum((X[i] - mu[c[i]]) ** 2) for i in range(len(X))))
    Jk = lambda m: J(np.vstack([mu[:k], m[None, :], mu[k + 1:]]))  # noqa: E731
    g = grad(Jk, mu[k])
    H = np.array([[partial2(Jk, mu[k], p, q) for q in range(dim)] for p in range(dim)])
    new = mu[k] - np.linalg.solve(H, g)                              # the minimiser of the quadratic in mu_k
    mean = X[Ck].mean(axis=0)
    xn = rng.normal(size=dim)
    joined = np.vstack([X[Ck], xn[None, :]]).mean(axis=0)
    P = np.array([1.0, 2.0, 4.0, 7.0, 8.0]).reshape(-1, 1)
    M0 = np.array([[2.0], [5.0]])
    c0 = np.array([int(np.argmin([np.sum((x - m) ** 2) for m in M0])) for x in P])
    J0 = lambda M: J(M, c0, P)  # noqa: E731
    g0 = grad(J0, M0)
    M1 = np.array([[P[c0 == j].mean()] for j in range(2)])
    return {
        "5": [J(mu), float(sum(np.sum((X[i] - mu[c[i]]) ** 2) for i in range(n))),
              float(sum(np.sum((X[i] - mu[j]) ** 2) for j in range(K) for i in np.flatnonzero(c == j)))],
        "13": [g, -2 * np.sum(X[Ck] - mu[k], axis=0), 2 * nk * mu[k] - 2 * np.sum(X[Ck], axis=0)],
        "15": [g, -2 * np.sum(X - mu[k], axis=0)],
        "18": [new, mean], "20": [new, np.sum(X[Ck], axis=0) / n],
        "21": [mu[k] - g / (2 * nk), mean],
        "22": [joined, mean + (xn - mean) / (nk + 1)], "23": [joined, mean + (xn - mean) / nk],
        "25.3": [np.flatnonzero(c0 == 0) + 1, np.array([1, 2])],
        "27": [J0(M0), 1 + 0 + 1 + 4 + 9, 15],
        "29": [g0[1, 0], 2 * 3 * 5 - 2 * (4 + 7 + 8), -8], "29.2": [g0[1, 0], 6],
        "29.3": [g0[0, 0], -2 * ((1 - 2) + (2 - 2)), 2],
        "30": [M1[0, 0], 1.5], "30.2": [M1[1, 0], 19 / 3],
        "32": [J0(M1), 0.25 + 0.25 + 49 / 9 + 4 / 9 + 25 / 9, 55 / 6],
        "34": [len(P), 5], "34.2": [M1[1, 0], 3.8],
        "15.2": [g, 2 * np.sum(X[Ck] - mu[k], axis=0)], "30.3": [M1[1, 0], 6],
    }


@document("217_handout_adagrad_rmsprop_steps")
def _(rng):
    t = int(rng.integers(1, 9))
    g = rng.normal(size=t + 1)                                       # g[1..t]
    rho, eta = rng.uniform(0.05, 0.99), math.exp(rng.normal())
    G, v = 0.0, 0.0
    for s in range(1, t + 1):
        G, v = G + g[s] ** 2, rho * v + (1 - rho) * g[s] ** 2
    th0 = rng.normal()
    ada1 = th0 - eta / math.sqrt(g[1] ** 2) * g[1]
    rms1 = th0 - eta / math.sqrt((1 - rho) * g[1] ** 2) * g[1]

    def run(rule, steps, rho=0.9, eta=0.1):                          # theta, accumulator and gradient after each step, f = theta^2
        th, acc, out = 1.0, 0.0, []
        for _ in range(steps):
            gr = d(lambda x: x**2, th)
            acc = acc + gr**2 if rule == "ada" else rho * acc + (1 - rho) * gr**2
            th = th - eta / math.sqrt(acc) * gr
            out.append((th, acc, gr))
        return out
    A, R = run("ada", 2), run("rms", 2)
    x = rng.normal()
    return {
        "10": [G, sum(g[s] ** 2 for s in range(1, t + 1))],
        "10.2": [v, (1 - rho) * sum(rho ** (t - s) * g[s] ** 2 for s in range(1, t + 1))],
        "12": [v, (1 - rho) * sum(rho ** (s - 1) * g[s] ** 2 for s in range(1, t + 1))],
        "14": [g[1] ** 2, g[1] ** 2], "14.2": [ada1 - th0, -eta * np.sign(g[1])], "14.3": [(1 - rho) * g[1] ** 2, (1 - rho) * g[1] ** 2],
        "16": [rms1 - th0, -eta * g[1] / math.sqrt((1 - rho) * g[1] ** 2), -eta / math.sqrt(1 - rho) * np.sign(g[1])],
        "18.2": [rms1 - th0, -eta * np.sign(g[1])],
        "20.2": [d(lambda u: u**2, x), 2 * x],
        "22": [A[0][2], 2], "22.2": [A[0][1], 4], "22.3": [A[0][0], 1 - 0.1 / 2 * 2, 0.9], "22.5": [A[1][2], 1.8],
        "24": [A[1][1], 4 + 1.8**2, 7.24], "24.2": [A[1][0], 0.9 - 0.1 / math.sqrt(7.24) * 1.8],
        "26": [A[1][1], 4 + 1.8, 5.8],
        "28": [R[0][2], 2], "28.2": [R[0][1], 0.1 * 4, 0.4], "28.3": [R[0][0], 1 - 0.1 / math.sqrt(0.4) * 2, 1 - 1 / math.sqrt(10)],
        "28.4": [R[0][1], 4], "28.5": [R[0][0], 0.9],
        "29": [R[0][0], 1 - 1 / math.sqrt(10)], "29.2": [R[1][2], 2 - 2 / math.sqrt(10)],
        "31": [R[1][1], 0.9 * 0.4 + 0.1 * R[1][2] ** 2, 0.36 + 0.1 * R[1][2] ** 2], "33": [R[1][1], 0.4 + 0.1 * R[1][2] ** 2],
        "33.2": [R[1][0], R[0][0] - 0.1 / math.sqrt(R[1][1]) * R[1][2]],
        "34": [R[1][0], R[0][0] - 0.1 / math.sqrt(0.4) * R[1][2]],
        "14.4": [ada1 - th0, -eta * g[1]], "22.4": [A[0][0], 1 - 0.1 * 2, 0.8],
        "26.2": [A[1][0], 0.9 - 0.1 / math.sqrt(5.8) * 1.8],
    }


@document("218_blog_poisson_glm_offset")
def _(rng):
    n, p = int(rng.integers(2, 7)), int(rng.integers(1, 4))
    X, beta = rng.normal(size=(n, p)), rng.normal(scale=0.5, size=p)
    t = np.exp(rng.normal(size=n))
    o = np.log(t)
    y = rng.poisson(t * np.exp(X @ beta)).astype(float)
    y[0] += np.sum(y) == 0                                           # at least one event, so the intercept-only fit exists
    lgam = lambda k: math.lgamma(k + 1)  # noqa: E731   log k!
    mu_ = lambda b: np.exp(X @ b + o)  # noqa: E731
    ell = lambda b: float(sum(y[i] * math.log(mu_(b)[i]) - mu_(b)[i] - lgam(y[i]) for i in range(n)))  # noqa: E731
    mu = mu_(beta)
    i = int(rng.integers(0, n))
    ell_o = lambda v: float(sum(y[r] * (X[r] @ beta + (v if r == i else o[r])) - math.exp(X[r] @ beta + (v if r == i else o[r])) - lgam(y[r]) for r in range(n)))  # noqa: E731   ell in the offset o_i
    ks = np.arange(0, 400)
    pmf = lambda m: np.exp(ks * math.log(m) - m - np.array([lgam(k) for k in ks]))  # noqa: E731
    pm = pmf(mu[i])
    g = grad(ell, beta)
    H = np.array([[partial2(ell, beta, a, c) for c in range(p)] for a in range(p)])

    def mle0(y, t):                                                  # the intercept-only fit, by Newton's method
        l0 = lambda b: float(np.sum(y * (b + np.log(t)) - t * np.exp(b)))  # noqa: E731
        b = 0.0
        for _ in range(60):
            b -= d(l0, b) / d2r(l0, b)
        return b
    b0 = mle0(y, t)
    Y, T = np.array([2.0, 6.0]), np.array([1.0, 2.0])
    bh = mle0(Y, T)
    return {
        "6.2": [mu[i], t[i] * math.exp(X[i] @ beta)],
        "8": [float(ks @ pm), mu[i]], "8.2": [float(ks**2 @ pm) - float(ks @ pm) ** 2, mu[i]],
        "14": [ell(beta), float(np.sum(y * np.log(mu) - mu - [lgam(v) for v in y])),
               float(np.sum(y * (X @ beta + o) - np.exp(X @ beta + o) - [lgam(v) for v in y]))],
        "19": [grad(lambda b: mu_(b)[i], beta), mu[i] * X[i]],
        "21": [g, sum((y[k] - mu[k]) * X[k] for k in range(n)), X.T @ (y - mu)],
        "21.2": [H, -X.T @ np.diag(mu) @ X],
        "23": [g, X.T @ (y - np.exp(X @ beta))], "24": [H, -X.T @ X],
        "30": [b0, math.log(np.sum(y) / np.sum(t))],
        "32": [b0, math.log(np.mean(y / t))],
        "33.5": [bh, math.log(8 / 3)], "33.6": [math.exp(bh), 8 / 3],
        "34": [T[0] * math.exp(bh), 8 / 3], "34.2": [T[1] * math.exp(bh), 16 / 3],
        "34.3": [np.sum(T * math.exp(bh)), 8], "34.4": [np.sum(T * math.exp(bh)), 7.5],
        "8.3": [mu[i], math.exp(X[i] @ beta) + t[i]],
        "24.2": [d(ell_o, o[i]), y[i] - mu[i]], "24.3": [d(ell_o, o[i]), y[i]],
    }


@document("219_office_hours_partial_fractions_telescoping")
def _(rng):
    k, N, m = int(rng.integers(1, 60)), int(rng.integers(1, 40)), int(rng.integers(1, 6))
    ks = np.arange(1, 2_000_001, dtype=float)                        # the series, truncated: the tails are below 1e-6
    S = lambda N: sum(1 / (j * (j + 2)) for j in range(1, N + 1))  # noqa: E731
    inf2, infm = float(np.sum(1 / (ks * (ks + 2)))), float(np.sum(1 / (ks * (ks + m))))
    x = rng.uniform(-4, 4)
    while min(abs(x), abs(x + 1), abs(x + 2), abs(x - 1)) < 0.05:
        x = rng.uniform(-4, 4)
    return {
        "3.2": [1 / (k * (k + 2)), 1 / k - 1 / (k + 2)], "3.3": [S(N), 1 - 1 / (N + 2)],
        "5": [1 / k - 1 / (k + 2), 2 / (k * (k + 2))], "7": [1 / (k * (k + 2)), 0.5 * (1 / k - 1 / (k + 2))],
        "11": [S(N), 0.5 * (1 + 0.5 - 1 / (N + 1) - 1 / (N + 2)), 0.75 - (2 * N + 3) / (2 * (N + 1) * (N + 2))],
        "13": [inf2, 0.75], "13.2": [inf2, 1],
        "14.2": [S(3), 1 / 3 + 1 / 8 + 1 / 15, 63 / 120, 21 / 40], "14.3": [0.75 - 9 / 40, 21 / 40],
        "14.4": [S(3), 1 - 1 / 5, 4 / 5],
        "18": [1 / (k * (k + 1)), 1 / k - 1 / (k + 1)], "18.2": [sum(1 / (j * (j + 1)) for j in range(1, N + 1)), 1 - 1 / (N + 1)],
        "19": [1 / (k * (k + m)), 1 / m * (1 / k - 1 / (k + m))], "19.2": [infm, 1 / m * sum(1 / j for j in range(1, m + 1))],
        "23": [(x + 3) / ((x + 1) * (x + 2)), 2 / (x + 1) + 1 / (x + 2)],
        "25.2": [(-2 + 3) / (-2 + 1), -1],
        "27": [(x + 3) / ((x + 1) * (x + 2)), 2 / (x + 1) - 1 / (x + 2)],
        "29": [(2 * x + 1) / (x * (x + 1)), 1 / x + 1 / (x + 1)],
        "29.2": [1 / ((x - 1) * (x + 2)), 1 / (x - 1) - 1 / (x + 2)],
        "30": [1 / ((x - 1) * (x + 2)), 1 / 3 * (1 / (x - 1) - 1 / (x + 2))],
        "19.4": [0.5 * (1 + 0.5), 0.75], "19.5": [infm, 1 / m],
    }


@document("220_hw_max_entropy_lagrange")
def _(rng):
    def root(f, lo, hi):                                             # bisection, f(lo) < 0 < f(hi)
        for _ in range(200):
            mid = (lo + hi) / 2
            lo, hi = (mid, hi) if f(mid) < 0 else (lo, mid)
        return (lo + hi) / 2
    K = int(rng.integers(2, 7))
    a = rng.normal(size=K)
    lo_a, hi_a = a.min(), a.max()
    m = rng.uniform(lo_a + 0.1 * (hi_a - lo_a), hi_a - 0.1 * (hi_a - lo_a))
    k = int(rng.integers(0, K))
    H = lambda p: -float(np.sum(p * np.log(p)))  # noqa: E731
    L = lambda p, lam, nu: H(p) + lam * (np.sum(p) - 1) + nu * (a @ p - m)  # noqa: E731
    q, lam0, nu0 = rng.uniform(0.05, 1, size=K), rng.normal(), rng.normal()
    dL = partial(lambda p: L(p, lam0, nu0), q, k)
    mean = lambda nu, a=a: float(softmax(nu * a) @ a)  # noqa: E731   (a Gibbs law's mean, increasing in nu)
    nu = root(lambda v: mean(v) - m, -1e3, 1e3)
    Z = lambda v, a=a: float(np.sum(np.exp(v * a)))  # noqa: E731
    lam = root(lambda l: float(np.sum(np.exp(l - 1 + nu * a))) - 1, -1e3, 1e3)   # normalisation
    stat = np.array([math.exp(root(lambda t, j=j: -(-t - 1 + lam + nu * a[j]), -800, 800)) for j in range(K)])  # dL/dp_j = 0
    p = stat
    logZ = lambda v: math.log(Z(v))  # noqa: E731
    a3 = np.array([0.0, 1.0, 2.0])
    nu1 = root(lambda v: mean(v, a3) - 1, -1e3, 1e3)
    p2 = softmax(math.log(2) * a3)
    return {
        "11": [dL, -math.log(q[k]) - 1 + lam0 + nu0 * a[k]], "13": [dL, -math.log(q[k]) + lam0 + nu0 * a[k]],
        "14": [stat[k], math.exp(lam - 1 + nu * a[k])], "14.2": [math.exp(lam - 1), 1 / Z(nu)], "14.3": [math.exp(lam - 1), Z(nu)],
        "16": [p[k], math.exp(nu * a[k]) / Z(nu)],
        "20": [d(logZ, nu), 1 / Z(nu) * float(a @ np.exp(nu * a)), float(a @ p), m],
        "22": [d(logZ, nu), float(a @ np.exp(nu * a))],
        "22.2": [d2r(logZ, nu), float(p @ (a - m) ** 2)], "22.3": [d2r(logZ, nu), float(p @ a**2)],
        "25": [H(p), -float(np.sum(p * (nu * a - logZ(nu)))), logZ(nu) - nu * m], "27": [H(p), logZ(nu) + nu * m],
        "27.3": [softmax(0 * a)[k], 1 / K], "27.4": [H(softmax(0 * a)), math.log(K)],
        "29.4": [nu1, 0], "29.5": [H(softmax(nu1 * a3)), math.log(3)],
        "30.3": [Z(math.log(2), a3), 1 + 2 + 4, 7], "30.4": [p2, np.array([1, 2, 4]) / 7],
        "30.5": [float(a3 @ p2), 2 / 7 + 8 / 7, 10 / 7], "32": [H(p2), math.log(7) - 10 / 7 * math.log(2)],
        "34": [Z(math.log(2), a3), 1 + 2 + 3, 6], "34.2": [math.exp(2 * math.log(2)), 3],
    }


@document("221_reading_group_infonce_query_gradient")
def _(rng):
    N = int(rng.integers(1, 6))
    dim = N + int(rng.integers(2, 4))
    Kk = rng.normal(size=(N + 1, dim))                              # row j is k_j, row 0 the positive
    q, tau = rng.normal(size=dim), math.exp(rng.normal(scale=0.5))
    j = int(rng.integers(0, N + 1))
    S = lambda q, tau=tau, Kk=Kk: Kk @ q / tau  # noqa: E731
    Lq = lambda q, tau=tau, Kk=Kk: -math.log(softmax(S(q, tau, Kk))[0])  # noqa: E731
    s = S(q)
    p = softmax(s)
    g = grad(Lq, q)
    e0 = np.eye(N + 1)[0]
    u = rng.normal(size=dim) * math.exp(rng.normal())
    nq = lambda u: u / np.linalg.norm(u)  # noqa: E731
    qu = nq(u)
    gu = grad(lambda v: Lq(nq(v)), u)
    gq = grad(Lq, qu)
    P = np.eye(dim) - np.outer(qu, qu)
    dtau = d(lambda t: Lq(q, t), tau)
    # the toy numbers: q^T k_0 = 1, q^T k_1 = 0, tau = 1
    q1 = rng.normal(size=dim)
    perp = lambda v: v - (v @ q1) / (q1 @ q1) * q1  # noqa: E731
    K1 = np.vstack([q1 / (q1 @ q1) + perp(rng.normal(size=dim)), perp(rng.normal(size=dim))])
    s1 = S(q1, 1.0, K1)
    g1 = grad(lambda v: Lq(v, 1.0, K1), q1)
    Q, _ = np.linalg.qr(Kk.T, mode="complete")
    q0 = Q[:, N + 1:] @ rng.normal(size=dim - N - 1)               # orthogonal to every key
    return {
        "5": [Lq(q), -math.log(math.exp(s[0]) / np.sum(np.exp(s))), -s[0] + math.log(np.sum(np.exp(s)))],
        "9": [grad(lambda v: S(v)[j], q), Kk[j] / tau],
        "11": [g, -Kk[0] / tau + sum(p[i] * Kk[i] / tau for i in range(N + 1)), (p - e0) @ Kk / tau,
               ((p[0] - 1) * Kk[0] + sum(p[i] * Kk[i] for i in range(1, N + 1))) / tau],
        "14": [g, (p - e0) @ Kk], "14.2": [g, ((p[0] - 1) * Kk[0] + sum(Kk[i] for i in range(1, N + 1))) / tau],
        "16.2": [jac(nq, u), P / np.linalg.norm(u)],
        "18": [gu, P @ gq / np.linalg.norm(u)], "20": [u @ gu, 0], "20.2": [gu, gq / np.linalg.norm(u)],
        "22": [dtau, (s[0] - p @ s) / tau], "22.2": [dtau, -(s[0] - p @ s) / tau],
        "24.3": [q1 @ K1[0], 1], "24.4": [q1 @ K1[1], 0],
        "24.5": [softmax(s1)[0], math.e / (math.e + 1), sig(1.0)],
        "26": [Lq(q1, 1.0, K1), math.log(1 + math.exp(-1))], "26.2": [g1, -sig(-1.0) * (K1[0] - K1[1])],
        "28": [Lq(q0), math.log(N + 1)], "28.2": [Lq(q0), math.log(N)],
    }


@document("222_hw_logdet_inverse_2x2")
def _(rng):
    X = rng.normal(size=(2, 2))
    while np.linalg.det(X) < 0.2:
        X = rng.normal(size=(2, 2))
    a, b, c, dd = X[0, 0], X[0, 1], X[1, 0], X[1, 1]
    D = a * dd - b * c
    ld = lambda M: math.log(np.linalg.det(M))  # noqa: E731
    g = grad(ld, X)
    Xi = np.linalg.inv(X)
    gdet = grad(np.linalg.det, X)
    i, j, k, l = (int(v) for v in rng.integers(0, 2, size=4))
    dinv = partial(lambda M: np.linalg.inv(M)[k, l], X, (i, j))
    dX = rng.normal(size=(2, 2))
    dXi = (np.linalg.inv(X + H1 * dX) - np.linalg.inv(X - H1 * dX)) / (2 * H1)   # the differential of X^{-1} along dX
    inv11 = lambda a, b, c, dd: dd / (a * dd - b * c)  # noqa: E731
    X0 = np.array([[3.0, 1.0], [2.0, 2.0]])
    g0 = grad(ld, X0)
    h = rng.uniform(-0.5, 0.5)
    fh = lambda h: ld(X0 + h * np.array([[0, 1.0], [0, 0]]))  # noqa: E731
    x = rng.uniform(0.2, 3) * rng.choice([-1, 1])
    return {
        "3.2": [ld(X), math.log(a * dd - b * c)],
        "7": [g[0, 0], dd / D], "7.2": [g[0, 1], -c / D], "7.3": [g[1, 0], -b / D], "7.4": [g[1, 1], a / D],
        "9": [Xi, np.array([[dd, -b], [-c, a]]) / D],
        "11": [g, np.array([[dd, -c], [-b, a]]) / D, Xi.T],
        "13": [g, Xi], "13.2": [gdet, np.linalg.det(X) * Xi.T], "13.3": [gdet, Xi.T], "13.4": [gdet[0, 0], a],
        "13.5": [d(lambda t: t * dd - b * c, a), dd],
        "15.2": [np.linalg.det(X0), 6 - 2, 4],
        "17": [np.linalg.inv(X0), np.array([[2, -1], [-2, 3]]) / 4],
        "17.2": [g0, np.array([[2, -2], [-1, 3]]) / 4, np.array([[0.5, -0.5], [-0.25, 0.75]])],
        "19": [g0[0, 1], np.linalg.inv(X0)[0, 1], -0.25], "19.2": [g0[0, 1], -X0[1, 0] / np.linalg.det(X0), -0.5],
        "20": [fh(h), math.log(4 - 2 * h)], "20.2": [d(lambda t: math.log(4 - 2 * t), h), -2 / (4 - 2 * h)],
        "20.4": [d(lambda t: math.log(4 - 2 * t), h), 1 / (4 - 2 * h)],
        "22": [X @ Xi, np.eye(2)], "22.2": [dX @ Xi + X @ dXi, np.zeros((2, 2))], "22.3": [dXi, -Xi @ dX @ Xi],
        "24": [dinv, -Xi[k, i] * Xi[j, l]],
        "26": [d(lambda t: inv11(t, b, c, dd), a), -dd**2 / D**2], "26.2": [d(lambda t: inv11(a, t, c, dd), b), c * dd / D**2],
        "26.3": [d(lambda t: inv11(a, b, c, t), dd), -b * c / D**2], "26.4": [d(lambda t: inv11(a, b, c, t), dd), 1 / D],
        "27": [dinv, -Xi[k, j] * Xi[i, l]], "27.2": [d(lambda t: inv11(a, t, c, dd), b), b * dd / D**2],
        "27.3": [dXi, Xi @ dX @ Xi],
        "28": [d(lambda t: inv11(t, 1.0, 2.0, 2.0), 3.0), -(2 / 4) ** 2, -0.25], "28.2": [d(lambda t: 1 / t, x), -x**-2],
        "29": [gdet[0, 1], b], "29.2": [np.linalg.det(X0), 6 + 2, 8], "29.3": [g0[0, 0], 3 / 4],
    }


@document("223_notes_poisson_mgf_cumulants")
def _(rng):
    lam, mu = rng.uniform(0.2, 6), rng.uniform(0.2, 6)
    ks = np.arange(0, 200)
    lf = np.array([math.lgamma(k + 1) for k in ks])
    pmf = lambda l: np.exp(ks * math.log(l) - l - lf)  # noqa: E731
    p = pmf(lam)
    t = rng.uniform(-1, 1)
    M = lambda t, l=lam: float(np.sum(np.exp(t * ks) * pmf(l)))  # noqa: E731
    dM = lambda t: d(M, t)  # noqa: E731
    d2M = lambda t: d2r(M, t)  # noqa: E731
    d3M = lambda t: (d2r(M, t + 1e-3) - d2r(M, t - 1e-3)) / 2e-3  # noqa: E731
    K = lambda t: math.log(M(t))  # noqa: E731
    K3 = (d2r(K, 1e-3) - d2r(K, -1e-3)) / 2e-3
    m1, m2, m3 = float(ks @ p), float(ks**2 @ p), float(ks**3 @ p)
    var = m2 - m1**2
    c3 = float((ks - lam) ** 3 @ p)
    pxy = np.convolve(p, pmf(mu))[:200]                              # the law of X + Y
    Mxy = float(np.sum(np.exp(t * ks) * pxy))
    q, q2 = pmf(2.0), ks**2 @ pmf(2.0)
    return {
        "5": [M(t), float(np.sum(np.exp(t * ks) * p)), math.exp(-lam) * float(np.sum(np.exp(ks * math.log(lam * math.exp(t)) - lf))),
              math.exp(lam * (math.exp(t) - 1))],
        "9": [m1, float(np.sum(ks[1:] * p[1:])), lam * float(np.sum(p)), lam],
        "11.2": [m1, lam * float(np.sum(p[1:])), lam * (1 - math.exp(-lam))],
        "13": [dM(t), lam * math.exp(t) * M(t)], "13.2": [dM(0.0), lam], "13.3": [dM(t), lam * M(t)],
        "15": [d2M(t), lam * math.exp(t) * M(t) + lam * math.exp(t) * dM(t), (lam * math.exp(t) + lam**2 * math.exp(2 * t)) * M(t)],
        "17": [m2, d2M(0.0), lam + lam**2], "17.2": [var, d2M(0.0) - dM(0.0) ** 2, lam],
        "17.3": [d2M(t), lam**2 * math.exp(2 * t) * M(t)], "17.4": [var, lam**2 - lam**2, 0],
        "19": [K(t), math.log(M(t)), lam * (math.exp(t) - 1)],
        "21": [d(K, 0.0), d2r(K, 0.0), K3, lam],
        "23": [c3, lam], "23.2": [m3, lam**3 + 3 * lam**2 + lam], "23.3": [m3, lam**3 + lam], "23.4": [c3 / var**1.5, lam**-0.5],
        "27": [Mxy, M(t) * M(t, mu), math.exp((lam + mu) * (math.exp(t) - 1))],
        "29": [float(ks @ pxy), lam + mu], "29.2": [var + float(ks**2 @ pmf(mu)) - mu**2, lam - mu],   # Var(X - Y) = Var X + Var Y
        "29.3": [Mxy, M(t) + M(t, mu)],
        "31.2": [q2, 2 + 4, 6], "31.3": [q2 - 4, 6 - 2**2, 2], "31.4": [float(ks**3 @ q), 8 + 12 + 2, 22],
        "31.5": [float(ks**3 @ q), 8 + 2, 10], "32": [q2, 2.0**2, 4],
        "33": [q[0] + q[1], math.exp(-2) * (1 + 2), 3 * math.exp(-2)], "33.2": [q[0] + q[1], math.exp(-2)],
        "33.3": [1 - q[0], 1 - math.exp(-2)],
        "33.4": [q[2], math.exp(-2) * 2**2 / 2, 2 * math.exp(-2)], "33.5": [q[2], math.exp(-2) * 2**2, 4 * math.exp(-2)],
        "34": [M(0.0), math.exp(lam)], "34.2": [M(0.0), 1], "34.3": [d2r(K, 0.0), lam**2],
    }


@document("224_lecture_taylor_two_variables")
def _(rng):
    f = lambda x, y: x**3 - 3 * x * y + y**3  # noqa: E731
    F = lambda v: f(v[0], v[1])  # noqa: E731
    a, b, x, y = rng.normal(size=4)
    h, k = x - a, y - b
    P = np.array([a, b])
    fx, fy = partial(F, P, 0), partial(F, P, 1)
    Hs = lambda p: np.array([[partial2(F, p, i, j) for j in range(2)] for i in range(2)])  # noqa: E731
    H = Hs(P)
    v = np.array([h, k])
    T2 = f(a, b) + fx * h + fy * k + 0.5 * (H[0, 0] * h**2 + 2 * H[0, 1] * h * k + H[1, 1] * k**2)
    fxy = d(lambda t: partial(F, np.array([a, t]), 0), b)
    fyx = d(lambda t: partial(F, np.array([t, b]), 1), a)
    H0 = Hs(np.zeros(2))
    T0 = lambda h, k: f(0, 0) + partial(F, np.zeros(2), 0) * h + partial(F, np.zeros(2), 1) * k + 0.5 * (H0[0, 0] * h**2 + 2 * H0[0, 1] * h * k + H0[1, 1] * k**2)  # noqa: E731
    H1_ = Hs(np.ones(2))
    T1 = lambda h, k: f(1, 1) + partial(F, np.ones(2), 0) * h + partial(F, np.ones(2), 1) * k + 0.5 * (H1_[0, 0] * h**2 + 2 * H1_[0, 1] * h * k + H1_[1, 1] * k**2)  # noqa: E731
    g = lambda x, y: math.exp(x) * math.cos(y)  # noqa: E731
    G = lambda v: g(v[0], v[1])  # noqa: E731
    z = np.zeros(2)
    HG = np.array([[partial2(G, z, i, j) for j in range(2)] for i in range(2)])
    Tg = lambda x, y: g(0, 0) + partial(G, z, 0) * x + partial(G, z, 1) * y + 0.5 * (HG[0, 0] * x**2 + 2 * HG[0, 1] * x * y + HG[1, 1] * y**2)  # noqa: E731
    q = np.array([x, y])
    HGq = np.array([[partial2(G, q, i, j) for j in range(2)] for i in range(2)])
    p4 = lambda v: v[0] ** 4 + v[1] ** 4  # noqa: E731
    q4 = lambda v: v[0] ** 4 - v[1] ** 4  # noqa: E731
    e2 = np.eye(2) * 1e-5
    hs = lambda f: np.array([[(f(e2[i] + e2[j]) - f(e2[i] - e2[j]) - f(e2[j] - e2[i]) + f(-e2[i] - e2[j])) / 4e-10 for j in range(2)] for i in range(2)])  # noqa: E731
    Hp, Hq = hs(p4), hs(q4)
    return {
        "12": [T2, f(a, b) + grad(F, P) @ v + 0.5 * v @ H @ v], "12.3": [fxy, fyx],
        "12.4": [T2, f(a, b) + grad(F, P) @ v + v @ H @ v],
        "16": [grad(F, q), np.array([3 * x**2 - 3 * y, 3 * y**2 - 3 * x])],
        "17": [Hs(q), np.array([[6 * x, -3], [-3, 6 * y]])], "19": [Hs(q)[0, 1], -3 * x * y],
        "22": [np.linalg.det(H0), -9], "22.2": [np.linalg.det(H0), (-3) * (-3), 9],
        "22.3": [T0(x, y), -3 * x * y], "22.4": [f(x, y) - T0(x, y), x**3 + y**3],
        "24": [f(1, 1), -1], "24.2": [H1_[0, 0], 6], "24.3": [np.linalg.det(H1_), 27], "24.4": [np.linalg.det(H1_), 6 * 6 + 3 * 3, 45],
        "27": [f(1 + x, 1 + y), -1 + 3 * x**2 - 3 * x * y + 3 * y**2 + x**3 + y**3],
        "28": [T1(x, y), -1 + 0.5 * (6 * x**2 - 6 * x * y + 6 * y**2), -1 + 3 * x**2 - 3 * x * y + 3 * y**2],
        "31": [T1(x, y), -1 + 6 * x**2 - 6 * x * y + 6 * y**2], "31.2": [T1(x, y), -1 + 3 * x**2 - 1.5 * x * y + 3 * y**2],
        "32": [f(1.1, 0.9), 1.331 - 2.97 + 0.729, -0.91], "32.2": [T1(0.1, -0.1), -1 + 0.03 + 0.03 + 0.03, -0.91],
        "32.3": [T1(0.1, -0.1), -1 + 0.06 + 0.06 + 0.06, -0.82],
        "34.2": [HGq[0, 0], math.exp(x) * math.cos(y)], "34.3": [HGq[1, 1], -math.exp(x) * math.cos(y)],
        "34.4": [HGq[0, 1], -math.exp(x) * math.sin(y)], "34.5": [partial(G, q, 1), -math.exp(x) * math.sin(y)],
        "34.6": [partial(G, q, 1), math.exp(x) * math.sin(y)],
        "36": [Tg(x, y), 1 + x + 0.5 * (x**2 - y**2)], "38": [Tg(x, y), 1 + x + 0.5 * (x**2 + y**2)], "38.2": [HG[1, 1], 1],
        "38.3": [Tg(0.1, 0.2), 1 + 0.1 + 0.5 * (0.01 - 0.04), 1.085],
        "40.3": [Hp, Hq, np.zeros((2, 2))],
        "41": [Hs(q)[0, 0], 3 * x**2], "41.2": [f(1, 1), 1],
    }


@document("225_forum_logistic_margin_loss")
def _(rng):
    y, f = float(rng.choice([-1, 1])), rng.normal(scale=2)
    ell = lambda y, f: math.log(1 + math.exp(-y * f))  # noqa: E731
    g = lambda y, f: d(lambda t: ell(y, t), f)  # noqa: E731
    g2 = d2r(lambda t: ell(y, t), f)
    u = rng.normal(scale=2)
    t, p = (1 + y) / 2, sig(f)
    dim, n = int(rng.integers(2, 5)), int(rng.integers(1, 6))
    w, x = rng.normal(size=dim), rng.normal(size=dim)
    Xs, ys = rng.normal(size=(n, dim)), rng.choice([-1.0, 1.0], size=n)
    gw = grad(lambda v: ell(y, v @ x), w)
    Hw = np.array([[partial2(lambda v: ell(y, v @ x), w, i, j) for j in range(dim)] for i in range(dim)])
    fw = float(w @ x)
    L = lambda v: sum(ell(ys[i], v @ Xs[i]) for i in range(n)) / n  # noqa: E731
    return {
        "3.2": [g(y, f), -y * sig(y * f)], "3.3": [g(y, f), sig(f) - y],
        "5": [g(1, f) - (1 - sig(f)), 0, g(-1, f) - (-sig(f))],
        "11": [g(y, f), -y * math.exp(-y * f) / (1 + math.exp(-y * f)), -y / (1 + math.exp(y * f)), -y * sig(-y * f), -y * (1 - sig(y * f))],
        "13": [math.exp(-u) / (1 + math.exp(-u)), sig(-u)],
        "15": [ell(1, f) - math.log(1 + math.exp(-f)), 0, ell(-1, f) - math.log(1 + math.exp(f))],
        "19": [g(1, f) - (sig(f) - 1), 0, g(-1, f) - sig(f)],
        "21.3": [ell(y, f), -t * math.log(p) - (1 - t) * math.log(1 - p)],
        "23": [y**2, 1],
        "25": [g2, y**2 * sig(y * f) * (1 - sig(y * f)), sig(f) * (1 - sig(f))], "27": [g2, y * sig(f) * (1 - sig(f))],
        "29.2": [gw, -y * sig(-y * fw) * x], "29.3": [gw, -y * sig(-y * fw)],
        "29.4": [grad(L, w), -sum(ys[i] * sig(-ys[i] * (w @ Xs[i])) * Xs[i] for i in range(n)) / n],
        "29.5": [Hw, sig(fw) * (1 - sig(fw)) * np.outer(x, x)], "29.6": [Hw, sig(fw) * (1 - sig(fw)) * (x @ x)],
        "30.2": [ell(y, 0.0), math.log(2)], "30.3": [g(y, 0.0), -y / 2],
        "30.6": [ell(-1, 2.0), math.log(1 + math.exp(2))], "30.7": [ell(-1, 2.0), math.log(1 + math.exp(-2))],
        "30.8": [g(-1, 2.0), sig(2.0), 1 / (1 + math.exp(-2))], "30.9": [g(-1, 2.0), sig(-2.0)],
        "31": [ell(1, 0.0), 0],
    }


@document("226_appendix_label_smoothing_batch_gradient")
def _(rng):
    B, K = int(rng.integers(1, 5)), int(rng.integers(2, 6))
    if B == K:
        B += 1                                                       # so that the transpose has another shape
    eps = rng.uniform(0.05, 0.9)
    Z = rng.normal(size=(B, K))
    ys = rng.integers(0, K, size=B)
    Y = np.eye(K)[ys]
    one = np.ones(K)
    smax = lambda Z: np.array([softmax(r) for r in Z])  # noqa: E731
    P = smax(Z)
    Q = (1 - eps) * Y + eps / K * np.ones((B, K))
    Qp = (1 - eps) * Y + eps / (K - 1) * (np.ones((B, K)) - Y)
    L = lambda Z, Q=Q: -float(np.sum(Q * np.log(smax(Z)))) / B  # noqa: E731
    G = grad(L, Z)
    i, k, j = int(rng.integers(0, B)), int(rng.integers(0, K)), int(rng.integers(0, K))
    if j == k:
        j = (k + 1) % K
    jj = int(rng.integers(0, K))
    dlog = partial(lambda M: math.log(smax(M)[i, k]), Z, (i, jj))
    # the minimiser of example i's loss, by gradient descent
    z = np.zeros(K)
    for _ in range(4000):
        z = z - 2.0 * (softmax(z) - Q[i])
    yi = ys[i]
    kk = (yi + 1) % K
    z0, q0 = np.zeros(3), 0.9 * np.eye(3)[0] + 0.1 / 3
    L0 = lambda z: -float(q0 @ np.log(softmax(z)))  # noqa: E731
    g0 = grad(L0, z0)
    return {
        "13": [Q @ one, (1 - eps) * np.ones(B) + eps * np.ones(B), np.ones(B)],
        "13.2": [Q, (1 - eps) * Y + eps * np.ones((B, K))],
        "15": [L(Z), -sum(Q[r, c] * math.log(P[r, c]) for r in range(B) for c in range(K)) / B,
               sum(-(1 - eps) * math.log(P[r, ys[r]]) - eps / K * np.sum(np.log(P[r])) for r in range(B)) / B],
        "18": [math.log(P[i, k]), Z[i, k] - math.log(np.sum(np.exp(Z[i])))],
        "18.2": [dlog, delta(jj, k) - P[i, jj]], "18.3": [dlog, delta(jj, k) - P[i, k]],
        "18.4": [G[i, k], (P[i, k] - Q[i, k]) / B],
        "20": [G, (P - Q) / B, (P - (1 - eps) * Y) / B - eps / (B * K) * np.ones((B, K))],
        "22": [G, (P - Y) / B], "22.2": [G, P - Q], "22.3": [G, (P - Q).T / B],
        "22.4": [G @ one, (P @ one - Q @ one) / B, np.zeros(B)],
        "24.2": [grad(lambda M: L(M, Qp), Z), (P - Qp) / B],
        "25": [z[yi] - z[kk], math.log(((1 - eps) * K + eps) / eps)],
        "27.5": [softmax(z0), np.ones(3) / 3], "27.6": [q0, np.array([0.9 + 0.1 / 3, 0.1 / 3, 0.1 / 3]), np.array([14 / 15, 1 / 30, 1 / 30])],
        "29": [g0, softmax(z0) - q0, np.array([1 / 3 - 14 / 15, 1 / 3 - 1 / 30, 1 / 3 - 1 / 30]), np.array([-3 / 5, 3 / 10, 3 / 10])],
        "31": [L0(z0), math.log(3)], "31.2": [L0(z0), 0.9 * math.log(3)], "31.3": [g0, np.array([-2 / 3, 1 / 3, 1 / 3])],
        "31.4": [0.9 + 0.1, 1], "31.5": [g0, np.array([-2 / 3, 7 / 30, 7 / 30])],
        "32": [q0, np.array([0.9, 0.05, 0.05])], "32.2": [L0(z0), math.log(3) - 0.1],
    }


@document("227_exam_improper_integrals_substitution")
def _(rng):
    I = _integral
    x = rng.uniform(0.1, 3)
    n, p, q = rng.uniform(0.0, 3), rng.uniform(1.2, 4), rng.uniform(-1, 0.8)
    A = I(lambda t: t * np.exp(-t * t), 0, 12)
    E = I(lambda u: np.exp(-u), 0, 60)
    xlog = lambda m: I(lambda s: -s * np.exp(-(m + 1) * s), 0, 80 / (m + 1))  # noqa: E731   int_0^1 x^m log x dx, x = e^{-s}
    tail = lambda p: I(lambda s: np.exp((1 - p) * s), 0, 60 / (p - 1))  # noqa: E731       int_1^inf x^{-p} dx, x = e^s
    head = lambda p: I(lambda s: np.exp(-(1 - p) * s), 0, 60 / (1 - p))  # noqa: E731      int_0^1 x^{-p} dx, x = e^{-s}
    R = 1e200
    sc = I(lambda t: np.sin(t) * np.cos(t), 0, math.pi / 2)
    return {
        "5.2": [d(lambda t: t**2, x), 2 * x], "9.2": [d(lambda t: t**2, x), 2 * x],
        "7": [A, 0.5 * E, 0.5 * (-math.exp(-60) + 1), 0.5],
        "9": [A, E, 1], "9.3": [I(lambda t: t * np.exp(-t * t), -12, 12), 0],
        "9.4": [I(lambda t: t * np.exp(-t * t), -12, 12), 2 * A, 1],
        "9.5": [I(lambda t: t**3 * np.exp(-t * t), 0, 12), 0.5 * I(lambda u: u * np.exp(-u), 0, 80), 0.5],
        "13.3": [d(lambda t: t**2 / 2, x), x],
        "15": [xlog(1), (0.5 * math.log(1) - 0.5e-24 * math.log(1e-12)) - I(lambda t: t / 2, 0, 1), 0 - 0.25, -0.25],
        "17": [1e-12**2 * math.log(1e-12), 0], "17.2": [xlog(1), 0.25],
        "17.3": [xlog(n), -1 / (n + 1) ** 2], "17.4": [xlog(n), -1 / (n + 1)],
        "23": [tail(p), (R ** (1 - p) - 1) / (1 - p), 1 / (p - 1)],
        "25.2": [tail(p), 1 / (p + 1)], "25.3": [tail(p), 1 / (1 - p)],
        "25.4": [tail(2), 1], "25.5": [tail(1.5), 2], "25.6": [tail(3), 1 / 3],
        "26": [head(q), 1 / (1 - q)], "26.2": [head(0.5), 2],
        "28.2": [sc, I(lambda u: u, 0, 1), 0.5], "28.3": [sc, I(lambda u: u, 0, math.pi / 2), math.pi**2 / 8],
        "29": [I(lambda t: np.exp(-2 * t), 0, 40), 2], "29.2": [I(lambda s: -s * np.exp(-s), 0, 80), 0],   # int_0^1 log x dx with x = e^{-s}
    }


@document("228_nb_monte_carlo_antithetic")
def _(rng):
    E = lambda h: _integral(h, 0.0, 1.0, 2000)  # noqa: E731   E[h(U)], U ~ Uniform(0, 1)
    n = 2 * int(rng.integers(1, 60))
    m = n // 2
    th, ex2 = E(lambda u: u**2), E(lambda u: u**4)
    var1 = ex2 - th**2
    var_mean = lambda k, m1, m2: (k * m2 + k * (k - 1) * m1**2) / k**2 - m1**2  # noqa: E731   Var of a mean of k i.i.d. copies, from E[(sum/k)^2]
    vn = var_mean(n, th, ex2)
    y1, y2 = E(lambda u: (u**2 + (1 - u) ** 2) / 2), E(lambda u: ((u**2 + (1 - u) ** 2) / 2) ** 2)
    vA = var_mean(m, y1, y2)
    cross = E(lambda u: u**2 * (1 - u) ** 2)
    cov = cross - th * E(lambda u: (1 - u) ** 2)
    vpair = y2 - y1**2
    g = lambda u: (u - 0.5) ** 2  # noqa: E731
    u = rng.uniform()
    vg = E(lambda u: g(u) ** 2) - E(g) ** 2
    vgp = E(lambda u: ((g(u) + g(1 - u)) / 2) ** 2) - E(lambda u: (g(u) + g(1 - u)) / 2) ** 2
    t3 = (0.2**2 + 0.5**2 + 0.9**2) / 3
    return {
        "1:3.2": [th, E(lambda u: u**2), 1 / 3],
        "1:6": [vn, n * var1 / n**2, var1 / n], "1:6.2": [var1, ex2 - th**2, 1 / 5 - 1 / 9, 4 / 45],
        "1:8": [var1, ex2 - th, 1 / 5 - 1 / 3], "1:9": [vn, var1 / n**2],
        "3:7": [cross, E(lambda u: u**2 * (1 - u) ** 2), 1 / 30], "3:7.2": [cross, th * E(lambda u: (1 - u) ** 2), 1 / 9],
        "3:9": [cov, 1 / 30 - 1 / 9, -7 / 90],
        "3:13": [vpair, 0.25 * (2 * 4 / 45 - 2 * 7 / 90), 1 / 180], "3:15": [vpair, 0.25 * 2 * 4 / 45, 2 / 45],
        "3:16": [vA, 1 / (180 * m), 1 / (90 * n)], "3:16.2": [vn, 4 / (45 * n), 8 / (90 * n)], "3:16.3": [vA, 1 / (180 * n)],
        "5:3.2": [(0.2**2 + 0.8**2) / 2, 0.34],
        "5:4": [t3, (0.04 + 0.25 + 0.81) / 3, 1.1 / 3], "5:4.2": [t3, 1.1 / 2, 0.55],
        "5:5.2": [math.sqrt(4 / 4500), math.sqrt(2) / (15 * math.sqrt(10))], "5:5.3": [math.sqrt(4 / 4500), 2 / 450],
        "5:5.4": [math.sqrt(1 / 9000), 1 / (30 * math.sqrt(10))],
        "5:7.2": [g(1 - u), g(u)], "5:7.3": [vgp, vg], "5:7.4": [vgp, vg / 2],
        "5:8": [ex2, 1 / 4], "5:8.3": [var_mean(50, y1, y2), 1 / 18000],
    }


@document("229_worksheet_hyperbolic_functions")
def _(rng):
    x = rng.uniform(-2, 2)
    u = rng.uniform(-0.95, 0.95)
    ch, sh, th = math.cosh, math.sinh, math.tanh
    at = lambda v: 0.5 * math.log((1 + v) / (1 - v))  # noqa: E731
    asinh = lambda v: math.log(v + math.sqrt(v * v + 1))  # noqa: E731
    e = math.exp
    l2 = math.log(2)
    return {
        "7": [ch(x) ** 2 - sh(x) ** 2, (e(2 * x) + 2 + e(-2 * x)) / 4 - (e(2 * x) - 2 + e(-2 * x)) / 4, 1],
        "9": [ch(x) ** 2 + sh(x) ** 2, 1], "9.2": [ch(x) ** 2 + sh(x) ** 2, ch(2 * x)],
        "10": [sh(2 * x), 2 * sh(x) * ch(x)], "10.2": [ch(2 * x), 1 + 2 * sh(x) ** 2], "10.3": [ch(2 * x), 1 - 2 * sh(x) ** 2],
        "12": [d(sh, x), ch(x)], "12.2": [d(ch, x), sh(x)], "12.3": [d(ch, x), -sh(x)],
        "14": [d(th, x), (ch(x) ** 2 - sh(x) ** 2) / ch(x) ** 2, 1 / ch(x) ** 2, 1 - th(x) ** 2], "16": [d(th, x), 1 + th(x) ** 2],
        "17": [d(lambda t: ch(3 * t), x), 3 * sh(3 * x)], "17.2": [d(lambda t: math.log(ch(t)), x), th(x)],
        "17.3": [d(lambda t: th(t * t), x), 2 * x * (1 - th(x * x) ** 2)], "17.4": [d(lambda t: th(t * t), x), 1 - th(x * x) ** 2],
        "17.5": [d(lambda t: math.log(ch(t)), x), 1 / sh(x)],
        "21": [math.atanh(u), at(u)],
        "21.2": [d(at, u), 0.5 * (1 / (1 + u) + 1 / (1 - u)), 1 / (1 - u * u)], "23": [d(at, u), 1 / (1 + u * u)],
        "23.2": [math.asinh(x), asinh(x)], "23.3": [d(asinh, x), 1 / math.sqrt(x * x + 1)],
        "23.4": [math.asinh(u), math.log(u + math.sqrt(u * u - 1)) if u * u >= 1 else UNDEFINED],
        "25.2": [ch(l2), (2 + 0.5) / 2, 5 / 4], "25.3": [sh(l2), (2 - 0.5) / 2, 3 / 4], "25.4": [th(l2), 3 / 5],
        "25.5": [25 / 16 - 9 / 16, 1], "25.6": [math.atanh(3 / 5), 0.5 * math.log((8 / 5) / (2 / 5)), 0.5 * math.log(4), l2],
        "26": [th(l2), 3 / 4], "26.2": [ch(l2), (2 + 0.5) / 2, 3 / 2],
        "30": [th(x), (1 - e(-2 * x)) / (1 + e(-2 * x)), 2 / (1 + e(-2 * x)) - 1, 2 * sig(2 * x) - 1],
        "32": [th(x), 2 * sig(x) - 1], "32.2": [d(th, x), 2 * d(sig, x)],
        "33": [ch(0.0), 0], "33.2": [d(th, x), 0],
    }


@document("230_recitation_normal_equations_3x2")
def _(rng):
    p = int(rng.integers(1, 4))
    n = p + int(rng.integers(1, 4))
    X, y, b = rng.normal(size=(n, p)), rng.normal(size=n), rng.normal(size=p)
    S = lambda b, X=X, y=y: float(np.sum((y - X @ b) ** 2))  # noqa: E731
    g = grad(S, b)
    Hs = np.array([[partial2(S, b, i, j) for j in range(p)] for i in range(p)])
    bh = np.linalg.lstsq(X, y, rcond=None)[0]                        # the minimiser
    X0, y0 = np.array([[1.0, 0], [1, 1], [1, 2]]), np.array([1.0, 2, 4])
    b0 = np.linalg.lstsq(X0, y0, rcond=None)[0]
    yh, r = X0 @ b0, y0 - X0 @ b0
    H = X0 @ np.linalg.inv(X0.T @ X0) @ X0.T
    xs = np.array([0.0, 1, 2])
    return {
        "5": [g, -2 * X.T @ (y - X @ b), 2 * X.T @ X @ b - 2 * X.T @ y],
        "7": [Hs, 2 * X.T @ X], "7.2": [Hs, X.T @ X], "7.3": [X.T @ X @ bh, X.T @ y], "7.4": [bh, np.linalg.inv(X.T @ X) @ X.T @ y],
        "7.5": [g, 2 * X.T @ (y - X @ b)], "7.6": [bh, UNDEFINED if X.shape[0] != X.shape[1] else np.linalg.solve(X, y)],
        "11.3": [X0.T @ X0, np.array([[3, 3], [3, 5]])], "11.4": [X0.T @ y0, np.array([7, 10])],
        "13": [X0 @ X0.T, np.array([[1, 1, 1], [1, 2, 3], [1, 3, 5]])],
        "13.2": [b0, UNDEFINED],                                    # (X X^T)^{-1} X^T: 3 x 3 times 2 x 3
        "13.3": [np.linalg.det(X0.T @ X0), 15 - 9, 6],
        "15": [np.linalg.inv(X0.T @ X0), np.array([[5, -3], [-3, 3]]) / 6],
        "15.2": [b0, np.array([35 - 30, -21 + 30]) / 6, np.array([5 / 6, 3 / 2])],
        "17": [np.linalg.inv(X0.T @ X0), np.array([[3, -3], [-3, 5]]) / 6], "17.2": [b0, np.array([-9, 29]) / 6],
        "19": [yh, X0 @ b0, np.array([5 / 6, 7 / 3, 23 / 6])], "19.2": [r, y0 - yh, np.array([1 / 6, -1 / 3, 1 / 6])],
        "21": [X0.T @ r, np.array([1 / 6 - 1 / 3 + 1 / 6, 0 - 1 / 3 + 2 / 6]), np.zeros(2)],
        "23": [np.sum(r), 0], "23.2": [yh @ r, 0],
        "23.3": [y0 @ r, r @ r, 1 / 36 + 4 / 36 + 1 / 36, 1 / 6], "23.4": [y0 @ r, 0],
        "23.5": [S(b0, X0, y0), 1 / 6], "23.6": [S(b0, X0, y0), 1 / 36 + 1 / 9 + 1 / 36, 1 / 4],
        "25.2": [yh, H @ y0], "25.3": [H @ H, H], "25.4": [np.trace(H), X0.shape[1], 2], "25.5": [np.trace(H), X0.shape[0], 3],
        "25.6": [r, (np.eye(3) - H) @ y0], "25.7": [r, H @ y0 - y0], "25.8": [(np.eye(3) - H) @ X0, np.zeros((3, 2))],
        "26": [b0[1], 10 / 5], "26.2": [yh @ yh, y0 @ y0],
    }


@document("231_handout_bayesian_linear_regression_1d")
def _(rng):
    n = int(rng.integers(1, 6))
    x, y = rng.normal(size=n), rng.normal(size=n)
    s2n, t2 = math.exp(rng.normal()), math.exp(rng.normal())      # sigma^2, tau^2
    w, xs = rng.normal(), rng.normal()

    def post(x, y, s2n, t2):
        """log posterior up to its constant, its mean and variance by quadrature, and the predictive variance at xs."""
        lp = lambda w: -0.5 * w * w / t2 - 0.5 * np.sum((y[:, None] - np.outer(x, np.atleast_1d(w))) ** 2, axis=0) / s2n  # noqa: E731
        c = _root(lambda v: float(d(lambda u: lp(u)[0], v)), -1e3, 1e3)
        half = 40 * math.sqrt(min(t2, s2n / max(np.sum(x * x), 1e-12)))
        z = _integral(lambda u: np.exp(lp(u) - lp(c)), c - half, c + half)
        mean = _integral(lambda u: u * np.exp(lp(u) - lp(c)), c - half, c + half) / z
        var = _integral(lambda u: (u - mean) ** 2 * np.exp(lp(u) - lp(c)), c - half, c + half) / z
        return lp, mean, var
    lp, m, s2 = post(x, y, s2n, t2)
    L = lambda w: float(lp(w)[0])  # noqa: E731
    w0 = rng.normal()
    rhs = lambda w: -np.sum((y - w * x) ** 2) / (2 * s2n) - w * w / (2 * t2)  # noqa: E731
    Sxx, Sxy = float(x @ x), float(x @ y)
    wh = Sxy / Sxx
    pv = s2n + s2 * xs**2                                            # Var(y*) = E[Var(y*|w)] + Var(E[y*|w]), both by quadrature above
    x2, y2 = np.array([1.0, 2.0]), np.array([1.0, 3.0])
    _, m2, v2 = post(x2, y2, 1.0, 1.0)
    return {
        "5": [L(w) - L(w0), rhs(w) - rhs(w0)],
        "10": [d(L, w), float(np.sum(x * (y - w * x))) / s2n - w / t2], "10.2": [d2r(L, w), -(Sxx / s2n + 1 / t2)],
        "12": [d(L, w), float(np.sum(y - w * x)) / s2n - w / t2],
        "14": [1 / s2, 1 / t2 + Sxx / s2n], "14.2": [m, s2 / s2n * Sxy, Sxy / (Sxx + s2n / t2)],
        "16": [s2, t2 + s2n / Sxx], "16.3": [m, wh], "16.4": [s2, s2n / Sxx],
        "20": [m * xs, m * xs], "20.2": [pv, s2n + xs**2 * s2],
        "22": [pv, xs**2 * s2], "22.2": [pv, s2n + xs * s2],
        "24.3": [float(x2 @ x2), 5], "24.4": [float(x2 @ y2), 7],
        "26": [1 / v2, 1 + 5, 6], "26.2": [m2, 7 / (5 + 1), 7 / 6], "26.3": [float(x2 @ y2) / float(x2 @ x2), 7 / 5],
        "28.2": [1 + v2, 1 + 1 / 6, 7 / 6], "28.3": [v2, 1 + 1 / 5, 6 / 5], "28.4": [v2, 1 / 6], "28.5": [m2, 7 / 5],
    }


@document("232_blog_he_initialisation_relu_variance")
def _(rng):
    n, nl = int(rng.integers(2, 9)), int(rng.integers(2, 9))
    v, q = math.exp(rng.normal()) / n, math.exp(rng.normal())
    dens = lambda t, q: np.exp(-t * t / (2 * q)) / np.sqrt(2 * math.pi * q)  # noqa: E731
    top = lambda q: 40 * math.sqrt(q)  # noqa: E731
    m2 = lambda q: _integral(lambda t: t * t * dens(t, q), 0, top(q))  # noqa: E731   E[relu(z)^2], z ~ N(0, q)
    m1 = lambda q: _integral(lambda t: t * dens(t, q), 0, top(q))  # noqa: E731
    Ea2, Ea = m2(q), m1(q)
    var_a = Ea2 - Ea**2
    L = int(rng.integers(1, 7))
    qL = q
    for _ in range(L):
        qL = n * (1 / n) * m2(qL)
    bvar = lambda b: _integral(lambda t: t * t / (2 * b) + 0 * t, -b, b)  # noqa: E731   Var of U(-b, b)
    broot = lambda n: _root(lambda b: bvar(b) - 2 / n, 1e-6, 10.0)  # noqa: E731
    nu = int(rng.integers(2, 2000))
    a_prev, W, c = np.abs(rng.normal(size=n)), rng.normal(size=(nl, n)), rng.normal(size=nl)
    loss = lambda a: float(c @ np.maximum(0, W @ a))  # noqa: E731
    ga = grad(loss, a_prev)
    mask = (W @ a_prev > 0).astype(float)
    ppos = _integral(lambda t: dens(t, q), 0, top(q))
    varg = math.exp(rng.normal())
    return {
        "7": [n * v * Ea2, n * (v * Ea2 - 0.0), n * v * Ea2], "9": [n * v * Ea2, n * v * var_a],
        "13": [Ea2, _integral(lambda t: t * t * dens(t, q), 0, top(q)), q / 2], "13.2": [Ea, math.sqrt(q / (2 * math.pi))],
        "15": [var_a, q / 2 - q / (2 * math.pi)], "15.2": [Ea, 0], "15.3": [Ea, math.sqrt(q) / 2], "15.4": [var_a, q / 2],
        "19": [n * v * Ea2, n * v * q / 2],
        "21.2": [n * (2 / n) * Ea2, q], "21.4": [n * (1 / n) * Ea2, q / 2], "21.5": [qL, 2.0**-L * q], "21.7": [2.0**-10, 1 / 1024],
        "22": [qL, 2.0 ** -(L - 1) * q], "22.2": [n * v * Ea2, n * v * q],
        "24.2": [2 / 512, 2 / 512, 1 / 256], "24.3": [math.sqrt(2 / 512), 1 / 16], "24.4": [math.sqrt(2 / 512), 1 / 256], "24.5": [(2 / 512) ** 2, 1 / 65536],
        "24.6": [512 * (2 / 512) ** 2 * Ea2, 512 / 65536 * q / 2, q / 256],
        "25": [broot(nu), math.sqrt(6 / nu)], "25.3": [broot(512), math.sqrt(6 / 512)], "25.4": [broot(nu), math.sqrt(24 / nu)],
        "27": [ga, np.array([sum(W[i, j] * mask[i] * c[i] for i in range(nl)) for j in range(n)])],
        "27.2": [nl * v * ppos * varg, nl * v / 2 * varg],
        "27.3": [ga, W.T @ (mask * c)], "27.4": [ga, mat(W, mask * c)],
        "28": [math.sqrt(2 / 512), 1 / 8],
    }


@document("233_office_hours_power_sums_induction")
def _(rng):
    n, k = int(rng.integers(2, 40)), int(rng.integers(1, 40))
    S = lambda p, top, lo=1: float(sum(j**p for j in range(lo, top + 1)))  # noqa: E731
    tele = float(sum((j + 1) ** 3 - j**3 for j in range(1, n + 1)))
    kk = float(sum(j * (j + 1) for j in range(1, n + 1)))
    return {
        "3": [S(1, n), n * (n + 1) / 2], "3.2": [S(2, n), n**2 * (n + 1) ** 2 / 4],
        "5": [S(3, n), n**2 * (n + 1) ** 2 / 4, S(1, n) ** 2],
        "5.2": [(k + 1) ** 3 - k**3, 3 * k**2 + 3 * k + 1], "5.3": [(k + 1) ** 3 - k**3, 3 * k**2 + 3 * k],
        "7": [tele, (n + 1) ** 3 - 1, 3 * S(2, n) + 3 * n * (n + 1) / 2 + n],
        "11": [S(2, n), ((n + 1) ** 3 - 1 - 3 * n * (n + 1) / 2 - n) / 3, n * (n + 1) * (2 * n + 1) / 6],
        "13": [tele, (n + 1) ** 3], "13.2": [tele, n**3 - 1],
        "17.2": [1 * 2 * 3 / 6, 1],
        "19": [S(2, n + 1), n * (n + 1) * (2 * n + 1) / 6 + (n + 1) ** 2, (n + 1) * (2 * n**2 + 7 * n + 6) / 6, (n + 1) * (n + 2) * (2 * n + 3) / 6],
        "21": [S(2, n + 1), n * (n + 1) * (2 * n + 1) / 6 + n**2],
        "21.2": [S(2, n - 1), (n - 1) * n * (2 * n - 1) / 6], "21.3": [S(2, n - 1), (n - 1) * n * (2 * n + 1) / 6],
        "25": [S(1, 4), 10], "25.2": [S(2, 4), 1 + 4 + 9 + 16, 30], "25.3": [S(3, 4), 100, 10**2],
        "25.4": [S(2, 4), 4 * 5 * 9 / 3, 60],
        "29": [S(1, n - 1, 0), (n - 1) * n / 2], "29.2": [S(1, n - 1, 0), n * (n + 1) / 2],
        "29.3": [float(sum(2 * j - 1 for j in range(1, n + 1))), n**2],
        "29.4": [k * (k + 1) * (k + 2) - (k - 1) * k * (k + 1), 3 * k * (k + 1)],
        "29.5": [kk, n * (n + 1) * (n + 2) / 3], "29.6": [kk, n * (n + 1) * (n + 2) / 6],
        "30": [S(1, 10), 50], "30.2": [S(3, 3), 27],
    }


@document("234_hw_simplex_projection_kkt")
def _(rng):
    from itertools import combinations

    def proj(v):
        """The projection onto the simplex by trying every support; returns p and the threshold nu."""
        v = np.asarray(v, dtype=float)
        best = None
        for size in range(1, len(v) + 1):
            for S in combinations(range(len(v)), size):
                nu = (v[list(S)].sum() - 1) / size
                p = np.zeros(len(v))
                p[list(S)] = v[list(S)] - nu
                if np.all(p >= -1e-12):
                    dist = float(np.sum((p - v) ** 2))
                    if best is None or dist < best[0] - 1e-12:
                        best = (dist, p, nu)
        return best[1], best[2]
    n = int(rng.integers(2, 6))
    v = rng.normal(size=n)
    v[0], v[1] = 1.5 + abs(v[0]), -1.5 - abs(v[1])                   # one coordinate in the support, one out
    p, nu = proj(v)
    mu = p - v + nu                                                  # the multipliers from stationarity
    i, i0 = 0, 1
    pr, nr, mr = rng.uniform(0, 1, size=n), rng.normal(), rng.uniform(0, 1, size=n)
    k = int(rng.integers(0, n))
    Lag = lambda q: 0.5 * float(np.sum((q - v) ** 2)) + nr * (q.sum() - 1) - float(mr @ q)  # noqa: E731
    dL = partial(Lag, pr, k)
    a = rng.normal()
    p1 = lambda diff: proj([a + diff, a])[0][0]  # noqa: E731
    lo, mid, hi = -1 - rng.uniform(0.01, 2), rng.uniform(-0.99, 0.99), 1 + rng.uniform(0.01, 2)
    r1, r2, r2w, r3 = p1(lo), p1(mid) - (1 + mid) / 2, p1(mid) - mid / 2, p1(hi) - 1
    w = rng.normal(size=2)
    pw = proj(w)[0]
    v3 = np.array([0.5, 0.3, -0.4])
    q3, n3 = proj(v3)
    nu123 = (v3.sum() - 1) / 3
    return {
        "9": [dL, pr[k] - v[k] + nr - mr[k], UNDEFINED],                # (= 0: the stationarity condition, not a claim)
        "9.2": [dL, pr[k] - v[k] - nr - mr[k]],
        "9.4": [mu[i], 0], "9.5": [p[i], v[i] - nu], "9.7": [mu[i0], nu - v[i0]], "9.8": [mu[i0], v[i0] - nu],
        "9.9": [p, np.maximum(v - nu, 0)], "9.10": [p, np.maximum(v, 0) - nu], "9.11": [np.sum(np.maximum(v - nu, 0)), 1],
        "11.2": [proj([a + mid, a])[0][0] - proj([a + mid, a])[0][1], mid],
        "13": [r1, 0, r2, r2 + r3], "15": [pw[1], 1 - pw[0]], "15.2": [pw[0], w[0] / (w[0] + w[1])],
        "17": [r1, 0, r2w, r2w + r3], "19.2": [proj([0.0, 0.0])[0][0], 0],
        "21.2": [nu123, (0.5 + 0.3 - 0.4 - 1) / 3, -0.2], "21.3": [v3[2] - nu123, -0.4 + 0.2, -0.2],
        "23": [n3, (0.5 + 0.3 - 1) / 2, -0.1], "23.2": [q3, np.array([0.6, 0.4, 0])],
        "25": [v3[2] - n3, -0.3], "25.2": [q3[2], 0], "25.3": [q3[2] - v3[2] + n3, n3 - v3[2], 0.3],
        "25.4": [float(np.sum((q3 - v3) ** 2)), 0.01 + 0.01 + 0.16, 0.18],
        "26": [q3, np.array([0.7, 0.5, -0.2])], "26.2": [q3, np.array([0.5 / 0.8, 0.3 / 0.8, 0]), np.array([0.625, 0.375, 0])],
        "26.3": [0.015625 + 0.005625 + 0.16, 0.18125],
        "27.2": [proj([1.0, 1, 1])[1], 2 / 3], "27.3": [proj([1.0, 1, 1])[1], 1 / 3], "27.4": [proj([1.0, 1, 1])[0], np.ones(3) / 3],
        "27.6": [proj([2.0, 0, 0])[1], 1], "27.7": [proj([2.0, 0, 0])[0], np.array([1.0, 0, 0])],
        "27.8": [proj([2.0, 0, 0])[0], np.array([2 / 3, 0, 0])],
        "28.2": [proj([2.0, 0, 0])[0][1] - 0.0 + proj([2.0, 0, 0])[1], -1], "28.3": [proj([2.0, 0, 0])[0][0], 4 / 3],
    }


@document("235_reading_group_reparameterisation_quadratic")
def _(rng):
    nodes, weights = np.polynomial.hermite_e.hermegauss(30)
    weights = weights / math.sqrt(2 * math.pi)
    E = lambda h: float(weights @ h(nodes))  # noqa: E731   E[h(eps)], eps ~ N(0, 1)
    mu, sg, a = rng.normal(), math.exp(rng.normal(scale=0.5)), rng.normal()
    J = lambda mu, sg, a=a: E(lambda e: (mu + sg * e - a) ** 2)  # noqa: E731
    Jm, Js = d(lambda t: J(t, sg), mu), d(lambda t: J(mu, t), sg)
    inner = E(lambda e: d(lambda t: (mu + t * e - a) ** 2, sg))     # the derivative taken inside, node by node
    eps = rng.normal()
    z = mu + sg * eps
    logn = lambda m: -0.5 * math.log(2 * math.pi * sg * sg) - (z - m) ** 2 / (2 * sg * sg)  # noqa: E731
    gm = lambda e: 2 * (mu + sg * e - a)  # noqa: E731
    Jlog = lambda s: J(mu, math.exp(s))  # noqa: E731
    J0 = lambda m, s: J(m, s, 0.0)  # noqa: E731
    return {
        "5": [J(mu, sg), E(lambda e: (mu + sg * e - a) ** 2), (mu - a) ** 2 + sg**2],
        "7": [Jm, 2 * (mu - a)], "7.2": [Js, 2 * sg], "7.3": [J(mu, sg), (mu - a) ** 2 + sg],
        "11": [Js, inner, E(lambda e: 2 * (mu + sg * e - a) * e), 2 * sg * E(lambda e: e * e) + 2 * (mu - a) * E(lambda e: e), 2 * sg],
        "13": [Jm, E(gm), 2 * (mu - a)], "13.2": [Js, E(gm)], "13.3": [E(lambda e: 2 * (mu + sg * e - a) * e), 0],
        "14.2": [E(lambda e: gm(e) ** 2) - E(gm) ** 2, 4 * sg**2], "14.3": [E(lambda e: gm(e) ** 2) - E(gm) ** 2, 2 * sg**2],
        "16": [d(logn, mu), (z - mu) / sg**2],
        "16.2": [Jm, E(lambda e: (mu + sg * e - a) ** 2 * (sg * e) / sg**2)],
        "16.3": [E(lambda e: (mu + sg * e - a) ** 2 * (sg * e)), 2 * (mu - a)], "16.4": [d(logn, mu), (z - mu) / sg],
        "18.2": [d(Jlog, math.log(sg)), Js * d(math.exp, math.log(sg)), 2 * sg**2], "18.3": [d(Jlog, math.log(sg)), 2 * sg],
        "20.4": [J0(1.0, 2.0), 5], "20.5": [d(lambda t: J0(t, 2.0), 1.0), 2], "20.6": [d(lambda t: J0(1.0, t), 2.0), 4],
        "20.7": [J0(1.0, 2.0), (1 - 0) ** 2 + 2, 3], "20.8": [d(lambda t: J0(1.0, t), 2.0), 1],
        "20.10": [1 + 2 * 0.5, 2], "20.11": [2 * (1 + 2 * 0.5 - 0), 4],
        "20.12": [2 * (1 + 2 * 0.5 - 0) * 0.5, 2 * 2 * 0.5, 2], "20.13": [2 * (1 + 2 * 0.5 - 0) * 0.5, 4],
        "21": [d(lambda s: J0(1.0, math.exp(s)), math.log(2)), 2 * 2**2, 8], "21.2": [d(lambda s: J0(1.0, math.exp(s)), math.log(2)), 4],
    }


@document("236_hw_softmax_temperature_weight_decay")
def _(rng):
    K, dim = int(rng.integers(2, 6)), int(rng.integers(2, 5))
    W, x = rng.normal(size=(K, dim)), rng.normal(size=dim)
    T, lam = math.exp(rng.normal(scale=0.5)), rng.uniform(0.01, 1)
    c, k, j = int(rng.integers(0, K)), int(rng.integers(0, K)), int(rng.integers(0, dim))
    y = np.eye(K)[c]
    ce = lambda z, T=T: -math.log(softmax(z / T)[c])  # noqa: E731
    L = lambda W, T=T, lam=lam, x=x, c=c: -math.log(softmax(W @ x / T)[c]) + lam / 2 * np.sum(W**2)  # noqa: E731
    z = W @ x
    p = softmax(z / T)
    gz = grad(ce, z)
    gW = grad(L, W)
    # the numbers
    W0, x0 = np.array([[1.0, -1.0], [2.0, 0.0], [0.0, 0.0]]), np.array([1.0, 1.0])
    L0 = lambda W: L(W, 2.0, 0.1, x0, 1)  # noqa: E731
    g0 = grad(L0, W0)
    p0 = softmax(W0 @ x0 / 2)
    e = math.e
    return {
        "12": [math.log(p[c]), z[c] / T - lse(z / T)],
        "14": [gz[k], -y[k] / T + np.exp(z[k] / T) / np.sum(np.exp(z / T)) / T, (p[k] - y[k]) / T],
        "16": [gz[k], p[k] - y[k]], "16.3": [gz[k], (y[k] - p[k]) / T], "16.4": [np.sum(gz), 0],
        "18": [z[k], sum(W[k, i] * x[i] for i in range(dim))],
        "18.2": [partial(lambda M: (M @ x)[k], W, (k, j)), x[j]],
        "20": [gW[k, j], (p[k] - y[k]) * x[j] / T + lam * W[k, j]],
        "20.2": [gW, np.outer(p - y, x) / T + lam * W],
        "22": [gW[k, j], (p[k] - y[k]) * at(x, k) / T + lam * W[k, j] if k < dim else UNDEFINED],
        "22.2": [gW, np.outer(x, p - y) / T + lam * W if K == dim else UNDEFINED],
        "22.3": [gW, np.outer(p - y, x) / T + 2 * lam * W],
        "28": [W0 @ x0, np.array([0, 2, 0])], "28.2": [p0, np.array([1, e, 1]) / (e + 2)],
        "28.3": [p0, np.array([1, e**2, 1]) / (e**2 + 2)],
        "30": [np.sum(W0**2), 1 + 1 + 4, 6],
        "30.2": [L0(W0), math.log(e + 2) - 1 + 0.1 / 2 * 6, math.log(e + 2) - 0.7],
        "32": [0.1 / 2 * np.sum(W0**2), 0.6], "32.2": [p0 - np.eye(3)[1], np.array([1, -2, 1]) / (e + 2)],
        "32.3": [e / (e + 2) - 1, -2 / (e + 2)],
        "34": [g0[1, 0], 0.5 * (-2 / (e + 2)) * 1 + 0.1 * 2, 0.2 - 1 / (e + 2)], "34.2": [g0[2, 1], 1 / (2 * (e + 2))],
        "36": [g0[1, 0], 0.2 - 2 / (e + 2)], "36.2": [x0[0], x0[1]],
    }


@document("237_notes_beta_distribution_moments")
def _(rng):
    nodes, weights = np.polynomial.legendre.leggauss(60)

    def quad01(f, panels=20):                       # on (0, 1), with x = (1 - cos(pi u)) / 2 to tame the ends
        edges = np.linspace(0, 1, panels + 1)
        total = 0.0
        for lo, hi in zip(edges[:-1], edges[1:]):
            u = (hi - lo) / 2 * nodes + (hi + lo) / 2
            x = (1 - np.cos(math.pi * u)) / 2
            total += (hi - lo) / 2 * float(np.sum(weights * f(x) * math.pi / 2 * np.sin(math.pi * u)))
        return total
    a, b = rng.uniform(1.2, 6, size=2)
    k = int(rng.integers(1, 5))
    x = rng.uniform(0.05, 0.95)
    G = math.gamma
    B = lambda a, b: G(a) * G(b) / G(a + b)  # noqa: E731
    f = lambda x, a=a, b=b: x ** (a - 1) * (1 - x) ** (b - 1) / B(a, b)  # noqa: E731
    E = lambda g, a=a, b=b: quad01(lambda x: g(x) * f(x, a, b))  # noqa: E731
    m1, m2 = E(lambda x: x), E(lambda x: x**2)
    V = m2 - m1**2
    s = a + b
    Vs = E(lambda x: x**2, a, a) - E(lambda x: x, a, a) ** 2
    E0 = lambda g: E(g, 2.0, 3.0)  # noqa: E731
    V0 = E0(lambda x: x**2) - E0(lambda x: x) ** 2
    return {
        "11": [quad01(lambda t: t ** (a - 1) * (1 - t) ** (b - 1)), B(a, b)], "13.2": [G(x + 1.5), (x + 0.5) * G(x + 0.5)],
        "15": [m1, quad01(lambda x: x**a * (1 - x) ** (b - 1)) / B(a, b), B(a + 1, b) / B(a, b),
               G(a + 1) * G(s) / (G(a) * G(s + 1)), a / s],
        "18": [m1, B(a + 1, b + 1) / B(a, b)],
        "20": [m2, B(a + 2, b) / B(a, b), a * (a + 1) / (s * (s + 1))],
        "22": [m2, a**2 / s**2],
        "24": [E(lambda x: x**k), math.prod((a + r) / (s + r) for r in range(k))],
        "26.2": [E(lambda x: x**k), math.prod((a + r) / (s + r) for r in range(1, k + 1))],
        "30": [V, a * (a + 1) / (s * (s + 1)) - a**2 / s**2, a * b / (s**2 * (s + 1))],
        "33": [V, a * b / (s * (s + 1))], "33.3": [V, m1 * (1 - m1) / (s + 1)],
        "34.2": [Vs, 1 / (4 * (2 * a + 1))], "34.3": [Vs, 1 / (8 * a)],
        "38": [d(lambda t: math.log(f(t)), x), (a - 1) / x - (b - 1) / (1 - x)],
        "40.2": [d(lambda t: math.log(f(t)), x), (a - 1) / x + (b - 1) / (1 - x)],
        "42.3": [B(2, 3), 1 * 2 / 24, 1 / 12], "42.4": [G(k + 1.0), math.factorial(k)], "42.5": [B(2, 3), 12 / 120],
        "42.6": [E0(lambda x: x), 2 / 5],
        "42.7": [E0(lambda x: x**2), 2 * 3 / (5 * 6), 1 / 5], "42.8": [V0, 1 / 5 - 4 / 25, 1 / 25],
        "42.9": [d(lambda t: math.log(f(t, 2.0, 3.0)), 1 / 3), 0],
        "43": [V0, 6 / 30], "43.2": [E0(lambda x: x**2), 4 / 25], "43.3": [d(lambda t: math.log(f(t, 2.0, 3.0)), 1 / 5), 0],
    }


@document("238_lecture_newton_two_variables")
def _(rng):
    a, S = rng.normal(size=2), rng.normal(size=(2, 2))
    S = S @ S.T + 0.5 * np.eye(2)
    f = lambda v: math.log(1 + math.exp(a @ v)) + v @ S @ v / 2 + v[0] ** 4 / 4  # noqa: E731   any smooth f
    xk, p = rng.normal(size=2), rng.normal(size=2)
    g = grad(f, xk)
    H = np.array([[partial2(f, xk, i, j) for j in range(2)] for i in range(2)])
    m = lambda p: f(xk) + g @ p + p @ H @ p / 2  # noqa: E731
    pk = -np.linalg.solve(H, g)
    A, b, x0 = rng.normal(size=(2, 2)), rng.normal(size=2), rng.normal(size=2)
    A = A @ A.T + 0.5 * np.eye(2)
    q = lambda v, A=A, b=b: v @ A @ v / 2 - b @ v  # noqa: E731
    Hq = np.array([[partial2(q, x0, i, j) for j in range(2)] for i in range(2)])
    A0, b0 = np.array([[2.0, 1.0], [1.0, 4.0]]), np.array([3.0, 0.0])
    q0 = lambda v: v[0] ** 2 + v[0] * v[1] + 2 * v[1] ** 2 - 3 * v[0]  # noqa: E731
    u = rng.normal(size=2)
    H0 = np.array([[partial2(q0, u, i, j) for j in range(2)] for i in range(2)])
    Hi, Hw = np.array([[4, -1], [-1, 2]]) / 7, np.array([[4, 1], [1, 2]]) / 7
    newton0 = np.zeros(2) - np.linalg.solve(H0, grad(q0, np.zeros(2)))
    F = lambda v: v[0] ** 4 + v[1] ** 2  # noqa: E731
    w = rng.normal(size=2)
    w[0] = w[0] + math.copysign(0.2, w[0])
    HF = np.array([[partial2(F, w, i, j) for j in range(2)] for i in range(2)])
    nw = w - np.linalg.solve(HF, grad(F, w))
    k = int(rng.integers(1, 6))
    it = np.array([1.0, 1.0])
    for _ in range(k):
        it = it - np.linalg.solve(np.diag([12 * it[0] ** 2, 2.0]), np.array([4 * it[0] ** 3, 2 * it[1]]))
    first = np.array([1.0, 1.0]) - np.linalg.solve(np.diag([12.0, 2.0]), np.array([4.0, 2.0]))
    two = first - np.linalg.solve(np.diag([12 * first[0] ** 2, 2.0]), np.array([4 * first[0] ** 3, 2 * first[1]]))
    return {
        "7": [grad(m, p), g + H @ p], "7.2": [grad(m, p), g + H @ p / 2],
        "11": [pk, -H @ g],
        "15.2": [grad(q, x0), A @ x0 - b], "15.3": [Hq, A],
        "17": [x0 - np.linalg.solve(Hq, grad(q, x0)), x0 - np.linalg.solve(A, A @ x0 - b), np.linalg.solve(A, b)],
        "21": [grad(q0, u), np.array([2 * u[0] + u[1] - 3, u[0] + 4 * u[1]])], "21.2": [H0, A0],
        "21.3": [np.linalg.det(H0), 7], "25": [np.linalg.inv(H0), Hi], "27": [np.linalg.inv(H0), Hw],
        "27.2": [grad(q0, np.zeros(2)), np.array([-3, 0])],
        "29": [newton0, -Hi @ np.array([-3, 0]), np.array([12 / 7, -3 / 7])],
        "31": [grad(q0, np.array([12 / 7, -3 / 7])), np.zeros(2)], "31.2": [q0(np.array([12 / 7, -3 / 7])), -18 / 7],
        "31.3": [q0(np.array([12 / 7, -3 / 7])), -36 / 7],
        "31.4": [q0(np.array([-12 / 7, 3 / 7])), 18 / 7], "31.5": [newton0, np.array([12 / 7, 3 / 7])],
        "31.6": [grad(q0, np.array([12 / 7, 3 / 7])), np.zeros(2)],
        "35": [grad(F, w), np.array([4 * w[0] ** 3, 2 * w[1]])], "35.2": [HF, np.diag([12 * w[0] ** 2, 2])],
        "37": [nw[0], w[0] - 4 * w[0] ** 3 / (12 * w[0] ** 2), 2 / 3 * w[0]], "37.2": [nw[1], w[1] - 2 * w[1] / 2, 0],
        "39": [nw[0], w[0] / 3], "39.2": [two[0], 4 / 9], "39.3": [two[0], 1 / 9], "39.4": [F(first), 16 / 81], "39.5": [it[0], (2 / 3) ** k],
        "39.6": [F(it), (2 / 3) ** (4 * k)], "39.7": [F(it), (2 / 3) ** (2 * k)],
    }


@document("239_forum_variable_exponents_weighted_lse")
def _(rng):
    x = rng.uniform(0.2, 3)
    P = lambda t: t**t  # noqa: E731
    S = lambda t: t ** math.sin(t)  # noqa: E731
    a, b = rng.normal(size=2)
    u = lambda t: 1 + (a * t) ** 2  # noqa: E731
    v = lambda t: math.cos(b * t) + t  # noqa: E731
    y = lambda t: u(t) ** v(t)  # noqa: E731
    n = int(rng.integers(2, 6))
    z, w, c = rng.normal(size=n), np.exp(rng.normal(size=n)), rng.normal()
    k = int(rng.integers(0, n))
    g = lambda z, w=w: math.log(np.sum(w * np.exp(z)))  # noqa: E731
    q = w * np.exp(z) / np.sum(w * np.exp(z))
    G = grad(g, z)
    H = np.array([[partial2(g, z, i, j) for j in range(n)] for i in range(n)])
    return {
        "3": [d(P, x), x * x ** (x - 1)], "3.2": [d(P, x), x**x * math.log(x)],
        "3.3": [d(S, x), S(x) * math.cos(x) * math.log(x)],
        "7": [x**x, math.exp(x * math.log(x))],
        "9": [d(P, x), math.exp(x * math.log(x)) * d(lambda t: t * math.log(t), x), x**x * (math.log(x) + 1)],
        "11": [x * x ** (x - 1), x**x],
        "13": [d(y, x) / y(x), d(v, x) * math.log(u(x)) + v(x) * d(u, x) / u(x)],
        "17": [d(S, x), S(x) * (math.cos(x) * math.log(x) + math.sin(x) / x)],
        "19.2": [d(P, 1.0), 1], "19.4": [d(P, math.e), 2 * math.e**math.e],
        "21": [d2r(P, x), x**x * (math.log(x) + 1) ** 2 + x**x / x, x**x * (math.log(x) + 1) ** 2 + x ** (x - 1)],
        "23": [d2r(P, x), x**x * (math.log(x) + 1) ** 2],
        "29.2": [g(z), math.log(np.sum(np.exp(z + np.log(w))))],
        "31": [G[k], w[k] * np.exp(z[k]) / np.sum(w * np.exp(z)), q[k]],
        "31.2": [H, np.diag(q) - np.outer(q, q)],
        "33": [G[k], np.exp(z[k]) / np.sum(w * np.exp(z))],
        "33.2": [g(z + c), g(z) + c], "33.3": [g(np.zeros(n)), math.log(np.sum(w))],
        "33.4": [g(np.zeros(n)), math.log(n)], "33.5": [H, np.outer(q, q) - np.diag(q)],
    }


@document("240_appendix_vae_elbo_diagonal_gaussian")
def _(rng):
    import itertools
    J, m = int(rng.integers(2, 4)), int(rng.integers(2, 5))
    x, D = rng.normal(size=m), rng.normal(size=(m, J))
    mu, sg = rng.normal(size=J), np.exp(rng.normal(scale=0.5, size=J))
    j = int(rng.integers(0, J))
    signs = [np.array(e, dtype=float) for e in itertools.product([-1.0, 1.0], repeat=J)]

    def Eq(f, mu, sg):                    # E over z = mu + sg * eps: the 2-point rule per coordinate, exact up to cubics
        return sum(f(mu + sg * e) for e in signs) / len(signs)
    logN = lambda z, mean, var: -0.5 * math.log(2 * math.pi * var) - (z - mean) ** 2 / (2 * var)  # noqa: E731
    KL = lambda mu=mu, sg=sg: Eq(lambda z: sum(logN(z[i], mu[i], sg[i] ** 2) - logN(z[i], 0.0, 1.0) for i in range(J)), mu, sg)  # noqa: E731
    logpx = lambda z: -0.5 * np.sum((x - D @ z) ** 2) - m / 2 * math.log(2 * math.pi)  # noqa: E731
    ELBO = lambda mu=mu, sg=sg: Eq(logpx, mu, sg) - KL(mu, sg)  # noqa: E731
    s = np.log(sg**2)
    KLs = lambda s: KL(mu, np.exp(s / 2))  # noqa: E731
    rec = Eq(lambda z: np.sum((x - D @ z) ** 2), mu, sg)
    cn = np.sum(D**2, axis=0)
    eps = rng.normal(size=J)
    gs = lambda t: partial(lambda v: ELBO(mu, v), _shift(sg, j, t - sg[j]), j)  # noqa: E731   dL/dsigma_j at sigma_j = t
    lo, hi = 1e-3, 10.0
    for _ in range(80):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if gs(mid) > 0 else (lo, mid)
    return {
        "17": [KL(), sum(Eq(lambda z: -0.5 * math.log(sg[i] ** 2) - (z[i] - mu[i]) ** 2 / (2 * sg[i] ** 2) + z[i] ** 2 / 2, mu, sg) for i in range(J)),
               0.5 * np.sum(mu**2 + sg**2 - np.log(sg**2) - 1)],
        "20": [KL(), 0.5 * np.sum(mu**2 + sg**2 - np.log(sg) - 1)],
        "22": [partial(lambda v: KL(v, sg), mu, j), mu[j]], "22.2": [partial(lambda v: KL(mu, v), sg, j), sg[j] - 1 / sg[j]],
        "24": [partial(lambda v: KL(mu, v), sg, j), sg[j] - 1 / (2 * sg[j])], "24.2": [math.log(sg[j] ** 2), 2 * math.log(sg[j])],
        "25.2": [KLs(s), 0.5 * np.sum(mu**2 + np.exp(s) - s - 1)],
        "25.3": [partial(KLs, s, j), 0.5 * (math.exp(s[j]) - 1)], "25.4": [partial(KLs, s, j), math.exp(s[j]) - 1],
        "27.2": [D @ (mu + sg * eps), D @ mu + sum(sg[i] * eps[i] * D[:, i] for i in range(J))],
        "29": [rec, np.sum((x - D @ mu) ** 2) + np.sum(sg**2 * cn)], "31": [rec, np.sum((x - D @ mu) ** 2) + np.sum(sg * cn)],
        "33": [ELBO() + m / 2 * math.log(2 * math.pi),
               -0.5 * np.sum((x - D @ mu) ** 2) - 0.5 * np.sum(sg**2 * cn) - 0.5 * np.sum(mu**2 + sg**2 - np.log(sg**2) - 1)],
        "37": [grad(lambda v: ELBO(v, sg), mu), D.T @ (x - D @ mu) - mu],
        "37.2": [partial(lambda v: ELBO(mu, v), sg, j), -sg[j] * cn[j] - sg[j] + 1 / sg[j]],
        "39": [((lo + hi) / 2) ** 2, 1 / (1 + cn[j])],
        "39.2": [grad(lambda v: ELBO(v, sg), mu), D.T @ (D @ mu - x) - mu],
        "39.5": [grad(lambda v: ELBO(v, sg), mu), mat(D, x - D @ mu) - mu if m == J else UNDEFINED],
    }


@document("241_exam_arithmetic_geometric_sums")
def _(rng):
    n = int(rng.integers(1, 12))
    a, dl = rng.normal(size=2)
    r = rng.uniform(-0.9, 0.9)
    N = 4000
    ks = np.arange(N)
    G = lambda n: float(np.sum(r ** np.arange(n)))  # noqa: E731
    S = float(np.sum(ks * r**ks))
    return {
        "5": [sum(range(1, n + 1)), n * (n + 1) / 2],
        "7": [sum(a + k * dl for k in range(n)), n * a + dl * sum(range(n)), n * a + n * (n - 1) / 2 * dl],
        "9": [sum(a + k * dl for k in range(n)), n * a + n * (n + 1) / 2 * dl],
        "9.2": [sum(k * k for k in range(1, n + 1)), n * (n + 1) * (2 * n + 1) / 6],
        "9.3": [sum(k * k for k in range(1, n + 1)), n * (n + 1) * (2 * n + 1) / 3],
        "11.2": [G(n) - r * G(n), 1 - r**n], "13": [G(n), (1 - r**n) / (1 - r)],
        "13.2": [G(N), 1 / (1 - r)], "13.3": [G(N) - 1, r / (1 - r)],
        "15": [G(n), (1 - r ** (n + 1)) / (1 - r)], "15.2": [G(N) - 1, 1 / (1 - r)],
        "19": [S - r * S, S - float(np.sum((ks[2:] - 1) * r ** ks[2:])), G(N) - 1, r / (1 - r)],
        "21": [S, r / (1 - r) ** 2], "21.2": [float(np.sum(ks[1:] * r ** (ks[1:] - 1))), 1 / (1 - r) ** 2],
        "23": [sum(k * r**k for k in range(1, n + 1)), (r - (n + 1) * r ** (n + 1) + n * r ** (n + 2)) / (1 - r) ** 2],
        "25": [S, 1 / (1 - r) ** 2],
        "27": [sum(range(1, 11)), 55], "27.2": [sum(3**k for k in range(5)), (3**5 - 1) / (3 - 1), 121],
        "29": [float(np.sum(ks[:200] / 2.0**ks[:200])), 0.5 / 0.25, 2], "29.2": [sum(k / 2**k for k in range(1, 4)), 1 / 2 + 2 / 4 + 3 / 8, 11 / 8],
        "31": [float(np.sum(ks[:200] / 2.0**ks[:200])), 4], "31.2": [sum(3**k for k in range(5)), (3**6 - 1) / 2],
        "31.3": [sum(k / 2**k for k in range(1, 4)), 13 / 8],
    }


@document("242_nb_learning_rate_schedule_sums")
def _(rng):
    e0, g = rng.uniform(0.01, 1), rng.uniform(0.1, 0.9)
    s, m = int(rng.integers(1, 8)), int(rng.integers(1, 6))
    step = lambda t, e0=e0, g=g, s=s: e0 * g ** (t // s)  # noqa: E731
    tot = sum(step(t) for t in range(m * s))
    inf = sum(step(t) for t in range(s * 400))
    S0 = lambda t: step(t, 0.1, 0.5, 10)  # noqa: E731
    c = int(rng.integers(1, 8))
    lo = rng.uniform(0.001, 0.1)
    hi = lo + rng.uniform(0.01, 1)
    tri = lambda t, c=c, lo=lo, hi=hi: lo + (hi - lo) * (1 - abs(t / c - 1))  # noqa: E731
    T = int(rng.integers(1, 12))
    cosr = lambda t, T=T, lo=lo, hi=hi: lo + 0.5 * (hi - lo) * (1 + math.cos(math.pi * t / T))  # noqa: E731
    C4 = lambda t: cosr(t, 4, 0.0, 1.0)  # noqa: E731
    r2 = math.sqrt(2)
    return {
        "1:9": [tot, s * e0 * sum(g**i for i in range(m)), s * e0 * (1 - g**m) / (1 - g)],
        "1:11": [inf, s * e0 / (1 - g)], "1:11.2": [tot, e0 * (1 - g**m) / (1 - g)],
        "1:11.3": [tot, s * e0 * (1 - g ** (m + 1)) / (1 - g)],
        "1:15": [sum(S0(t) for t in range(30)), 10 * 0.1 * (1 + 0.5 + 0.25), 1.75],
        "1:17": [S0(25), 0.1 * 0.5**2, 0.025], "1:17.2": [S0(25), 0.1 * 0.5**3],
        "1:17.3": [S0(29), 0.025], "1:17.4": [S0(29), 0.0125],
        "1:17.5": [sum(S0(t) for t in range(4000)), 2], "1:17.6": [sum(S0(t) for t in range(4000)), 0.2],
        "3:7.3": [sum(abs(t - c) for t in range(2 * c)), c**2],
        "3:9": [sum(tri(t) for t in range(2 * c)), 2 * c * lo + (hi - lo) * (2 * c - c**2 / c), c * (hi + lo)],
        "3:11": [sum(tri(t) for t in range(2 * c)) / (2 * c), (hi + lo) / 2],
        "3:11.2": [sum(abs(t - c) for t in range(2 * c)), c * (c + 1)],
        "3:13.4": [sum(tri(t, 4, 0.01, 0.1) for t in range(8)), 4 * 0.11, 0.44],
        "3:13.5": [tri(5, 4, 0.01, 0.1), 0.01 + 0.09 * 0.75, 0.0775], "3:13.6": [tri(5, 4, 0.01, 0.1), 0.01 + 0.09 * 0.25],
        "5:3.2": [sum(math.cos(math.pi * t / T) for t in range(T)), 1],
        "5:5": [sum(cosr(t) for t in range(T)), T * lo + 0.5 * (hi - lo) * (T + 1)],
        "5:7": [sum(cosr(t) for t in range(T)), T / 2 * (hi + lo)],
        "5:7.3": [cosr(0, 1), hi], "5:7.4": [cosr(0), hi],
        "5:9.4": [C4(0), 1], "5:9.5": [C4(1), (2 + r2) / 4], "5:9.6": [C4(2), 0.5], "5:9.7": [C4(3), (2 - r2) / 4],
        "5:9.8": [C4(3), r2 / 4], "5:9.9": [math.cos(3 * math.pi / 4), -r2 / 2],
        "5:9.10": [sum(C4(t) for t in range(4)), 2.5], "5:9.11": [sum(C4(t) for t in range(4)), 2],
    }


@document("243_worksheet_implicit_related_rates")
def _(rng):
    r = math.exp(rng.normal(scale=0.5))
    x = rng.uniform(-0.9, 0.9) * r
    Y = lambda t, r=r: math.sqrt(r * r - t * t)  # noqa: E731   the upper half of the circle
    y, yp = Y(x), d(Y, x)
    Y5 = lambda t: Y(t, 5.0)  # noqa: E731
    a, b = np.exp(rng.normal(scale=0.5, size=2))
    u = rng.uniform(-0.9, 0.9) * a
    Ye = lambda t, a=a, b=b: b * math.sqrt(1 - t * t / (a * a))  # noqa: E731
    ye, yep = Ye(u), d(Ye, u)
    r0 = rng.uniform(0.5, 10)
    area = lambda r0: (lambda t: math.pi * (r0 + 2 * t) ** 2)  # noqa: E731
    x0, v = rng.uniform(-4.5, 4.5), rng.normal()
    X = lambda t, x0=x0, v=v: x0 + v * t  # noqa: E731
    By = lambda t, x0=x0, v=v: math.sqrt(25 - X(t, x0, v) ** 2)  # noqa: E731
    dy0 = d(lambda t: By(t, 3.0, 3.0), 0.0)
    E = lambda t: math.pi * (3 + t) * (2 - 2 * t)  # noqa: E731
    dE = d(E, 0.0)
    return {
        "5": [2 * x + 2 * y * yp, 0], "5.2": [yp, -x / y], "7": [yp, -y / x], "7.2": [2 * x + 2 * y, 0],
        "9": [d2r(Y, x), -(y - x * yp) / y**2, -(x**2 + y**2) / y**3, -(r**2) / y**3],
        "11": [d(Y5, 3.0), -3 / 4], "11.2": [d2r(Y5, 3.0), -25 / 64], "11.3": [d2r(Y5, 3.0), -1 / 4],
        "15": [2 * u / a**2 + 2 * ye / b**2 * yep, 0], "15.2": [yep, -(b**2) * u / (a**2 * ye)],
        "17": [yep, -(a**2) * u / (b**2 * ye)], "17.3": [d(Ye, a / math.sqrt(2)), -b / a], "17.4": [d(Ye, a / math.sqrt(2)), -a / b],
        "21": [d(area(r0), 0.0), 2 * math.pi * r0 * 2, 4 * math.pi * r0],
        "23.2": [d(area(5.0), 0.0), 20 * math.pi], "23.3": [d(area(r0), 0.0), 2 * math.pi * r0],
        "23.4": [d(area(r0), 0.0), math.pi * 2**2],
        "25.3": [X(0.0) * v + By(0.0) * d(By, 0.0), 0],
        "27": [dy0, -3 / 4 * 3, -3 / 4 * 3, -9 / 4], "29": [dy0, -3 / 4],
        "33": [dE, math.pi * (2 * 1 + 3 * (-2)), math.pi * (2 - 6), -4 * math.pi],
        "35": [dE, math.pi * 1 * (-2), -2 * math.pi],
    }


@document("244_recitation_unbiased_sample_variance")
def _(rng):
    import itertools
    vals = rng.normal(size=3) * 2 + rng.normal()
    probs = rng.dirichlet(np.ones(3))
    n = int(rng.integers(2, 5))
    i = int(rng.integers(0, n))
    mu = float(probs @ vals)
    s2 = float(probs @ (vals - mu) ** 2)
    draws = [(np.array([vals[k] for k in ks]), math.prod(probs[k] for k in ks)) for ks in itertools.product(range(3), repeat=n)]
    E = lambda f: sum(w * f(X) for X, w in draws)  # noqa: E731   exact: every outcome of (X_1, ..., X_n)
    mean = lambda X: X.mean()  # noqa: E731
    ss = lambda X: float(np.sum((X - X.mean()) ** 2))  # noqa: E731
    vbar = E(lambda X: mean(X) ** 2) - E(mean) ** 2
    cov = E(lambda X: X[i] * mean(X)) - mu * E(mean)
    vres = E(lambda X: (X[i] - mean(X)) ** 2) - E(lambda X: X[i] - mean(X)) ** 2
    X = rng.normal(size=n)
    x = np.array([1.0, 4.0, 7.0])
    return {
        "5": [E(mean), sum(E(lambda X, j=j: X[j]) for j in range(n)) / n, mu],
        "7": [vbar, n * s2 / n**2, s2 / n], "9": [vbar, s2 / n**2], "9.2": [vbar, s2],
        "9.3": [E(lambda X: mean(X) ** 2), mu**2 + s2 / n], "9.4": [E(lambda X: mean(X) ** 2), mu**2],
        "11": [np.sum(X), n * X.mean()],
        "13": [ss(X), np.sum(X**2) - 2 * X.mean() * np.sum(X) + n * X.mean() ** 2, np.sum(X**2) - n * X.mean() ** 2],
        "15": [ss(X), np.sum(X**2) - X.mean() ** 2], "15.2": [E(lambda X: X[i] ** 2), s2 + mu**2],
        "17": [E(ss), n * (s2 + mu**2) - n * (mu**2 + s2 / n), (n - 1) * s2],
        "19": [E(lambda X: mean(X) ** 2), mu**2], "19.2": [E(ss), n * s2],
        "20.2": [E(lambda X: ss(X) / (n - 1)), s2], "20.3": [E(lambda X: math.sqrt(ss(X) / (n - 1))), math.sqrt(s2)],
        "22": [E(lambda X: ss(X) / n), (n - 1) / n * s2], "24": [E(lambda X: ss(X) / n), s2],
        "26": [vres, s2 - 2 * cov + vbar, s2 - 2 * s2 / n + s2 / n, (n - 1) / n * s2],
        "26.2": [cov, s2 / n], "26.3": [vres, s2 + s2 / n],
        "28.4": [x.mean(), (1 + 4 + 7) / 3, 4], "30": [ss(x), 9 + 0 + 9, 18], "30.2": [ss(x) / 2, 18 / 2, 9],
        "32": [18 / 3, 6], "32.2": [ss(x) / 2, 6],
        "32.3": [np.sum(x**2) - 3 * x.mean() ** 2, 66 - 48, 18], "32.4": [np.sum(x**2) - x.mean() ** 2, 50],
        "32.5": [ss(x) / 2, 25],
    }


@document("245_handout_lstm_cell_backprop")
def _(rng):
    n = int(rng.integers(1, 5))
    cp, af, ai, ao, ag, hb, cn = rng.normal(size=(7, n))
    th = np.tanh

    def gates(f, i, o, g, cp=cp, hb=hb, cn=cn):
        c = f * cp + i * g
        return float(hb @ (o * th(c)) + cn @ c)
    L = lambda cp=cp, af=af, ai=ai, ao=ao, ag=ag, hb=hb, cn=cn: gates(sig(af), sig(ai), sig(ao), th(ag), cp, hb, cn)  # noqa: E731
    f, i, o, g = sig(af), sig(ai), sig(ao), th(ag)
    c = f * cp + i * g
    Lc = lambda c: float(hb @ (o * th(c)) + cn @ c)  # noqa: E731
    cb = grad(Lc, c)
    one = lambda cp=1.0, ag=math.log(2): L(np.array([cp]), np.zeros(1), np.zeros(1), np.zeros(1), np.array([ag]), np.ones(1), np.zeros(1))  # noqa: E731
    g0, c0 = math.tanh(math.log(2)), 0.5 * 1 + 0.5 * math.tanh(math.log(2))
    cb0 = d(lambda c: 0.5 * math.tanh(c), c0)
    ao0 = d(lambda a: sig(a) * math.tanh(c0), 0.0)
    T = math.tanh(0.8)
    return {
        "14": [cb, cb, hb * o * (1 - th(c) ** 2) + cn],
        "16": [cb, hb * o * (1 - th(c) ** 2)], "16.2": [cb, hb * o + cn],
        "20": [grad(lambda v: gates(f, i, v, g), o), hb * th(c)], "20.2": [grad(lambda v: gates(v, i, o, g), f), cb * cp],
        "20.3": [grad(lambda v: gates(f, v, o, g), i), cb * g], "20.4": [grad(lambda v: gates(f, i, o, v), g), cb * i],
        "22": [d(sig, ao[0]), sig(ao[0]) * (1 - sig(ao[0]))], "22.2": [d(math.tanh, ag[0]), 1 - math.tanh(ag[0]) ** 2],
        "24": [grad(lambda v: L(ao=v), ao), hb * th(c) * o * (1 - o)], "24.2": [grad(lambda v: L(ag=v), ag), cb * i * (1 - g * g)],
        "26": [grad(lambda v: L(ao=v), ao), hb * th(c)], "26.2": [grad(lambda v: gates(v, i, o, g), f), cb * c],
        "26.3": [grad(lambda v: L(ag=v), ag), cb * i * (1 - g)],
        "28": [grad(lambda v: L(cp=v), cp), cb * f], "28.2": [grad(lambda v: L(cp=v), cp), cb],
        "30.7": [g0, math.tanh(math.log(2)), 3 / 5],
        "32": [c0, 0.5 * 1 + 0.5 * 3 / 5, 4 / 5], "32.2": [one(), 0.5 * T], "34": [one(), math.tanh(0.4)],
        "34.2": [cb0, 0.5 * (1 - T**2)], "34.3": [d(lambda v: one(cp=v), 1.0), 0.25 * (1 - T**2)],
        "34.4": [d(lambda v: one(cp=v), 1.0), 0.5 * (1 - T**2)],
        "34.5": [ao0, 0.25 * T], "34.6": [d(lambda v: one(ag=v), math.log(2)), cb0 * 0.5 * 16 / 25],
        "34.7": [d(lambda v: one(ag=v), math.log(2)), cb0 * 0.5 * 2 / 5],
    }


@document("246_blog_focal_loss_logit_gradient")
def _(rng):
    z, gm, al = rng.normal(scale=2), rng.uniform(0, 4), rng.uniform(0.05, 0.95)
    p = sig(z)
    FL = lambda z, gm=gm: -(1 - sig(z)) ** gm * math.log(sig(z))  # noqa: E731
    FLp = lambda q, gm=gm: -(1 - q) ** gm * math.log(q)  # noqa: E731
    F0 = lambda z, gm=gm: -sig(z) ** gm * math.log(1 - sig(z))  # noqa: E731
    g = d(FL, z)
    L2 = math.log(2)
    g0 = d(lambda t: FL(t, 2.0), 0.0)
    return {
        "9.2": [FL(z, 0.0), -math.log(p)], "9.3": [d(lambda t: -math.log(sig(t)), z), p - 1],
        "15": [d(FLp, p), gm * (1 - p) ** (gm - 1) * math.log(p) - (1 - p) ** gm / p],
        "21": [d(sig, z), p * (1 - p)],
        "23": [g, p * (1 - p) * (gm * (1 - p) ** (gm - 1) * math.log(p) - (1 - p) ** gm / p),
               gm * p * (1 - p) ** gm * math.log(p) - (1 - p) ** (gm + 1)],
        "27": [g, gm * (1 - p) ** (gm - 1) * math.log(p) - (1 - p) ** gm / p], "27.2": [g, (1 - p) ** gm * (p - 1)],
        "29.2": [g, -gm * p * (1 - p) ** gm * math.log(p) - (1 - p) ** (gm + 1)],
        "35": [d(F0, z), p ** (gm + 1) - gm * p**gm * (1 - p) * math.log(1 - p)],
        "37.2": [d(F0, z), p ** (gm + 1) + gm * p**gm * (1 - p) * math.log(1 - p)],
        "37.3": [d(lambda t: al * FL(t), z), al * g],
        "41.2": [sig(0.0), 0.5],
        "43": [FL(0.0, 2.0), -0.25 * math.log(0.5), L2 / 4],
        "43.2": [g0, 2 * 0.5 * 0.25 * math.log(0.5) - 1 / 8, -L2 / 4 - 1 / 8],
        "45": [g0, -1 / 8], "45.2": [g0, -L2 - 0.5],
    }


@document("247_office_hours_normalisation_jacobian")
def _(rng):
    n = int(rng.integers(2, 5))
    x = rng.normal(size=n)
    r = float(np.linalg.norm(x))
    i, j = (int(v) for v in rng.integers(0, n, size=2))
    f = lambda v: v / np.linalg.norm(v)  # noqa: E731
    J = jac(f, x)
    xh = x / r
    I = np.eye(n)
    gr = grad(np.linalg.norm, x)
    u = rng.normal(size=n)
    u = u / np.linalg.norm(u)
    P = I - np.outer(u, u)
    x0 = np.array([3.0, 4.0])
    J0 = jac(f, x0)
    v = np.array([1.0, 1.0])
    Q = np.eye(2) - np.outer(v, v)
    u0 = np.array([1.0, 1.0]) / math.sqrt(2)
    P0 = np.eye(2) - np.outer(u0, u0)
    w = rng.normal(size=n)                      # h is differentiated at any u, not only unit ones
    Jh = jac(lambda a: (I - np.outer(a, a)) @ x, w)
    return {
        "3.3": [J, I / r], "5": [gr, x / r], "5.2": [gr, 2 * x],
        "7": [J[i, j], delta(i, j) / r - x[i] / r**2 * gr[j], delta(i, j) / r - x[i] * x[j] / r**3],
        "11": [J, (I - np.outer(x, x) / r**2) / r, (I - np.outer(xh, xh)) / r],
        "13": [J, (I - np.outer(x, x)) / r], "13.2": [J @ x, np.zeros(n)],
        "17": [np.linalg.norm(x0), 5],
        "19": [J0, (np.eye(2) - np.array([[9, 12], [12, 16]]) / 25) / 5, np.array([[16, -12], [-12, 9]]) / 125],
        "21": [J0, np.array([[16, -12], [-12, 9]]) / 5], "21.2": [16 * 3 - 12 * 4, 0],
        "25.2": [u @ u, 1],
        "27": [P @ P, I - 2 * np.outer(u, u) + np.outer(u, u) * (u @ u), P], "27.2": [P @ u, np.zeros(n)],
        "27.3": [np.trace(P), n - 1], "29": [P @ P, I - 2 * np.outer(u, u)], "29.2": [np.trace(P), n],
        "29.4": [Q @ Q, Q], "29.6": [P0, np.array([[1, -1], [-1, 1]]) / 2], "29.7": [P0 @ x0, np.array([-1, 1]) / 2],
        "33": [(I - np.outer(u, u)) @ x, x - u * (u @ x)],
        "35": [Jh, -(w @ x) * I - np.outer(w, x)], "37": [Jh, -np.outer(w, x)], "37.2": [Jh, -(w @ x) * I - np.outer(x, w)],
    }


@document("248_hw_markov_chain_stationary_detailed_balance")
def _(rng):
    a, d_ = rng.uniform(0.05, 0.95, size=2)
    b = rng.uniform(0.05, 0.9)
    c = rng.uniform(0.05, 0.95 - b)
    P = np.array([[1 - a, a, 0], [b, 1 - b - c, c], [0, d_, 1 - d_]])
    w, V = np.linalg.eig(P.T)
    pi = np.real(V[:, np.argmin(abs(w - 1))])
    pi = pi / pi.sum()                                       # the stationary row vector, from the eigenproblem
    j = int(rng.integers(0, 3))
    Pn = np.array([[0.5, 0.5, 0], [0.25, 0.5, 0.25], [0, 0.5, 0.5]])
    pn = np.array([0.25, 0.5, 0.25])

    def ret(P, j):                                           # mean return time to j: hitting times from the other states
        others = [k for k in range(3) if k != j]
        A = np.eye(2) - P[np.ix_(others, others)]
        h = np.linalg.solve(A, np.ones(2))
        return 1 + sum(P[j, k] * h[n] for n, k in enumerate(others))
    Q = np.array([[0.5, 0.5, 0], [0, 0.5, 0.5], [0.5, 0, 0.5]])
    mu = np.ones(3) / 3
    return {
        "7": [sum(pi[i] * P[i, j] for i in range(3)), sum(pi[j] * P[j, i] for i in range(3)), pi[j] * P[j].sum(), pi[j]],
        "9": [sum(pi[j] * P[j, i] for i in range(3)), pi[j] * P[:, j].sum()],
        "15": [pi[0] * a, pi[1] * b], "15.2": [pi[1] * c, pi[2] * d_], "15.3": [pi[1] / pi[0], a / b],
        "15.4": [pi[2] / pi[1], c / d_], "17": [pi, np.array([b * d_, a * d_, a * c]) / (b * d_ + a * d_ + a * c)],
        "19": [pi[1] / pi[0], b / a], "19.2": [pi[2] / pi[0], c / d_], "19.3": [pi[2] / pi[0], a * c / (b * d_)],
        "23": [np.array([[1 - 0.5, 0.5, 0], [0.25, 1 - 0.5, 0.25], [0, 0.5, 1 - 0.5]]), Pn],
        "23.2": [pn @ Pn, pn],
        "25": [pn[0] * Pn[0, 1], 1 / 8, pn[1] * Pn[1, 0]],
        "25.2": [Pn @ pn, pn], "25.3": [pn @ Pn, pn], "25.4": [pn, np.ones(3) / 3],
        "25.5": [(Pn @ Pn)[0, 2], Pn[0, 1] * Pn[1, 2], 1 / 8], "25.6": [(Pn @ Pn)[0, 2], Pn[0, 2] ** 2],
        "25.7": [ret(Pn, 1), 2], "25.8": [ret(Pn, 0), 4], "25.9": [ret(Pn, 0), 1 / 4],
        "31.2": [mu @ Q, mu], "31.3": [mu[0] * Q[0, 1], mu[1] * Q[1, 0]], "31.4": [mu[2] * Q[2, 0], mu[0] * Q[0, 2]],
    }


@document("249_reading_group_causal_masked_attention")
def _(rng):
    T, dim = int(rng.integers(2, 6)), int(rng.integers(1, 5))
    Qm, K, Vm, U = rng.normal(size=(T, dim)), rng.normal(size=(T, dim)), rng.normal(size=(T, dim)), rng.normal(size=(T, dim))
    G = rng.normal(size=(T, T))

    def attn(S):
        A = np.zeros((T, T))
        for r in range(T):
            A[r, : r + 1] = softmax(S[r, : r + 1])
        return A
    S = Qm @ K.T / math.sqrt(dim)
    A = attn(S)
    i = int(rng.integers(0, T))
    j, l = (int(v) for v in rng.integers(0, i + 1, size=2))
    lm = int(rng.integers(i + 1, T)) if i + 1 < T else None
    dA = partial(lambda M: attn(M)[i, j], S, (i, l))
    dAm = partial(lambda M: attn(M)[i, j], S, (i, lm)) if lm is not None else 0.0
    L = lambda S: float(np.sum(G * attn(S)))  # noqa: E731   the loss through A, with dL/dA = G
    gS = grad(L, S)
    Lq = lambda Q: L(Q @ K.T / math.sqrt(dim))  # noqa: E731
    gq = grad(Lq, Qm)[i]
    Lo = lambda A: float(sum(U[r] @ sum(A[r, c] * Vm[c] for c in range(r + 1)) for r in range(T)))  # noqa: E731   L = sum_i u_i^T o_i
    GA = partial(Lo, A, (i, j))
    e = np.exp(S[i, : i + 1])
    L2 = lambda s: softmax(np.array(s))[0] * 1 + softmax(np.array(s))[1] * 0  # noqa: E731
    s0 = np.array([0.0, math.log(3)])
    g2 = grad(L2, s0)
    A2 = softmax(s0)
    return {
        "9.4": [GA, U[i] @ Vm[j]],
        "13": [dA, delta(j, l) * e[j] / e.sum() - e[j] * e[l] / e.sum() ** 2, A[i, j] * (delta(j, l) - A[i, l])],
        "15": [dA, A[i, j] * (delta(j, l) - A[i, j])], "15.2": [dAm, 0],
        "19": [gS[i, l], sum(G[i, m] * A[i, m] * (delta(m, l) - A[i, l]) for m in range(i + 1)),
               A[i, l] * (G[i, l] - sum(A[i, m] * G[i, m] for m in range(i + 1)))],
        "21": [sum(A[i, m] * G[i, m] for m in range(T)), sum(A[i, m] * G[i, m] for m in range(i + 1))],
        "21.2": [gS[i, l], G[i, l] - sum(A[i, m] * G[i, m] for m in range(i + 1))],
        "21.3": [sum(gS[i, m] for m in range(i + 1)), 0], "21.4": [gS[0, 0], 0],
        "23": [grad(lambda q: q @ K[j] / math.sqrt(dim), Qm[i]), K[j] / math.sqrt(dim)],
        "23.2": [grad(lambda q: q @ K[j] / math.sqrt(dim), Qm[i]), K[j] / dim],
        "25": [gq, sum(gS[i, m] * K[m] for m in range(i + 1)) / math.sqrt(dim)],
        "27": [gq, sum(gS[m, i] * K[m] for m in range(i + 1)) / math.sqrt(dim)],
        "29.4": [A2[0], 1 / 4], "29.5": [A2[1], 3 / 4], "29.6": [A2[1], math.log(3) / (1 + math.log(3))],
        "29.9": [A2[0] * 1 + A2[1] * 0, 1 / 4],
        "31": [g2[0], 0.25 * (1 - 0.25), 3 / 16], "31.2": [g2[1], 0.75 * (0 - 0.25), -3 / 16],
        "33": [g2[1], 0], "33.3": [g2[0], 3 / 4],
    }



def _argmin1(f, lo, hi, steps=200):
    """The minimiser of a unimodal f on [lo, hi], by golden-section search."""
    g = (math.sqrt(5) - 1) / 2
    a, b = lo, hi
    for _ in range(steps):
        c, e = b - g * (b - a), a + g * (b - a)
        if f(c) < f(e):
            b = e
        else:
            a = c
    return (a + b) / 2


@document("250_hw_isotropic_gaussian_nll")
def _(rng):
    dim, N = int(rng.integers(2, 5)), int(rng.integers(2, 6))
    X = rng.normal(size=(N, dim)) * 2
    mu, s = rng.normal(size=dim), rng.uniform(0.3, 3)
    n = int(rng.integers(0, N))
    C = s**2 * np.eye(dim)

    def dens(x, mu=mu, s=s):
        C = s**2 * np.eye(len(x))
        r = x - mu
        return float(np.exp(-0.5 * r @ np.linalg.solve(C, r)) / math.sqrt(np.linalg.det(2 * math.pi * C)))

    def ell(mu, s, X=X):
        return -sum(math.log(dens(x, mu, s)) for x in X)
    xb = X.mean(axis=0)
    ss = lambda mu: float(np.sum((X - mu) ** 2))  # noqa: E731
    gm = grad(lambda m: ell(m, s), mu)
    ds = d(lambda t: ell(mu, t), s)
    mu_hat = np.array([_argmin1(lambda t, k=k: ell(np.where(np.arange(dim) == k, t, xb), s), -20, 20) for k in range(dim)])
    s_hat = _argmin1(lambda t: ell(mu_hat, t), 0.01, 20)
    X0 = np.array([[1.0, 0.0], [3.0, 2.0]])
    xb0 = X0.mean(axis=0)
    s0 = _argmin1(lambda t: ell(xb0, t, X0), 0.01, 20)
    return {
        "3": [np.linalg.det(C), s ** (2 * dim)], "3.2": [np.linalg.inv(C), s**-2 * np.eye(dim)],
        "7": [dens(X[n]), (2 * math.pi) ** (-dim / 2) * np.linalg.det(C) ** -0.5 * math.exp(-0.5 * (X[n] - mu) @ np.linalg.inv(C) @ (X[n] - mu)),
              (2 * math.pi * s**2) ** (-dim / 2) * math.exp(-np.sum((X[n] - mu) ** 2) / (2 * s**2))],
        "11": [ell(mu, s), ell(mu, s), N * dim / 2 * math.log(2 * math.pi) + N * dim * math.log(s) + ss(mu) / (2 * s**2)],
        "13": [ell(mu, s), N * dim / 2 * math.log(2 * math.pi) + N / 2 * math.log(s**2) + ss(mu) / (2 * s**2)],
        "15.2": [grad(lambda m: np.sum((X[n] - m) ** 2), mu), 2 * (mu - X[n])],
        "15.3": [grad(lambda m: np.sum((X[n] - m) ** 2), mu), 2 * (X[n] - mu)],
        "17": [gm, sum(2 * (mu - x) for x in X) / (2 * s**2), sum(mu - x for x in X) / s**2, N / s**2 * (mu - xb)],
        "21.2": [gm, N / s**2 * (xb - mu)],
        "25": [ds, N * dim / s - ss(mu) / s**3], "27": [ds, N * dim / s - ss(mu) / (2 * s**3)],
        "29": [mu_hat, xb], "29.2": [s_hat**2, ss(xb) / (N * dim)], "31": [s_hat**2, ss(xb) / N],
        "33.5": [xb0, np.array([2.0, 1.0])],
        "35": [float(np.sum((X0 - xb0) ** 2)), (1 + 1) + (1 + 1), 4], "35.2": [s0**2, 4 / (2 * 2), 1],
        "37": [ell(xb0, s0, X0), 2 * math.log(2 * math.pi) + 2], "37.2": [math.log(s0), 0],
        "37.3": [ell(xb0, s0, X0), math.log(2 * math.pi) + 2],
        "37.4": [s0**2, 4 / 2, 2],
    }



@document("251_notes_binomial_indicators")
def _(rng):
    import itertools
    n, p = int(rng.integers(2, 6)), rng.uniform(0.05, 0.95)
    i, j = (int(v) for v in rng.choice(n, size=2, replace=False))
    out = [(np.array(w, dtype=float), p ** sum(w) * (1 - p) ** (n - sum(w))) for w in itertools.product((0, 1), repeat=n)]
    E = lambda f: sum(q * f(w) for w, q in out)  # noqa: E731   exact: every outcome of (I_1, ..., I_n)
    V = lambda f: E(lambda w: f(w) ** 2) - E(f) ** 2  # noqa: E731
    X = lambda w: w.sum()  # noqa: E731
    Ii = lambda w: w[i]  # noqa: E731
    b = rng.integers(0, 2)
    half = [(np.array(w, dtype=float), 1 / 16) for w in itertools.product((0, 1), repeat=4)]
    E4 = lambda f: sum(q * f(w) for w, q in half)  # noqa: E731
    P4 = lambda k: E4(lambda w: float(w.sum() == k))  # noqa: E731
    P4ge1 = E4(lambda w: float(w.sum() >= 1))
    k = int(rng.integers(0, 5))
    m1, m2 = E4(X), E4(lambda w: X(w) ** 2)
    return {
        "7": [b * b, b], "7.2": [E(Ii), E(lambda w: Ii(w) ** 2), p],
        "9": [V(Ii), E(lambda w: Ii(w) ** 2) - E(Ii) ** 2, p - p**2, p * (1 - p)],
        "11": [V(Ii), E(lambda w: Ii(w) ** 2), p],
        "17": [E(X), sum(E(lambda w, r=r: w[r]) for r in range(n)), n * p],
        "19": [E(lambda w: w[i] * w[j]), p**2],
        "21": [E(lambda w: X(w) ** 2), sum(E(lambda w, r=r: w[r] ** 2) for r in range(n))
               + sum(E(lambda w, r=r, c=c: w[r] * w[c]) for r in range(n) for c in range(n) if r != c),
               n * p + n * (n - 1) * p**2],
        "25": [V(X), n * p + n * (n - 1) * p**2 - n**2 * p**2, n * p - n * p**2, n * p * (1 - p)],
        "27": [V(X), V(lambda w: n * w[0]), n**2 * p * (1 - p)],
        "27.2": [E(lambda w: X(w) ** 2), n * p + n * (n - 1) / 2 * p**2],
        "27.3": [V(X), n * p - n * (n + 1) / 2 * p**2], "27.4": [E(lambda w: X(w) ** 2), n * (n - 1) * p**2],
        "27.5": [E(lambda w: X(w) * (X(w) - 1)), n * (n - 1) * p**2],
        "31": [m1, 2], "31.2": [m2 - m1**2, 4 * 0.5 * 0.5, 1], "31.3": [P4(k), math.comb(4, k) / 16],
        "33": [m1, sum(r * math.comb(4, r) / 16 for r in range(5)), (0 + 4 + 12 + 12 + 4) / 16, 2],
        "33.2": [m2, (0 + 4 + 24 + 36 + 16) / 16, 5],
        "35": [m2 - m1**2, 5 - 4, 1], "35.2": [m2, m1**2, 4], "35.3": [m2, 2 + 12 / 4, 5],
        "35.4": [m2, 2 + 6 / 4, 7 / 2], "35.5": [P4(2), 6 / 16, 3 / 8], "35.6": [P4(2), 4 / 16],
        "35.7": [P4ge1, 1 - P4(0), 15 / 16], "35.8": [P4ge1, 1 - P4(1)],
    }



@document("252_lecture_two_layer_tanh_backprop")
def _(rng):
    dim, h, k = int(rng.integers(1, 5)), int(rng.integers(2, 5)), int(rng.integers(1, 5))
    x, y = rng.normal(size=dim), rng.normal(size=k)
    W1, b1, W2, b2 = rng.normal(size=(h, dim)), rng.normal(size=h), rng.normal(size=(k, h)), rng.normal(size=k)

    def loss(W1=W1, b1=b1, W2=W2, b2=b2, x=x, y=y):
        return 0.5 * float(np.sum((W2 @ np.tanh(W1 @ x + b1) + b2 - y) ** 2))
    a = W1 @ x + b1
    z = np.tanh(a)
    yh = W2 @ z + b2
    d2 = yh - y
    d1 = (1 - z * z) * (W2.T @ d2)
    r, c = int(rng.integers(0, k)), int(rng.integers(0, h))
    gW2 = grad(lambda M: loss(W2=M), W2)
    gW1 = grad(lambda M: loss(W1=M), W1)
    gb1 = grad(lambda v: loss(b1=v), b1)
    ga = grad(lambda v: 0.5 * float(np.sum((W2 @ np.tanh(v) + b2 - y) ** 2)), a)
    gz = grad(lambda v: 0.5 * float(np.sum((W2 @ v + b2 - y) ** 2)), z)
    one = lambda W1=0.5, b1=-1.0, x=2.0, W2=3.0, b2=1.0: 0.5 * (W2 * math.tanh(W1 * x + b1) + b2 - 0.0) ** 2  # noqa: E731
    t = rng.normal()
    return {
        "9": [grad(lambda v: 0.5 * float(np.sum((v - y) ** 2)), yh), grad(lambda v: 0.5 * float(np.sum((v - y) ** 2)), yh), d2],
        "9.2": [yh[r], sum(W2[r, q] * z[q] for q in range(h)) + b2[r]],
        "9.3": [gW2[r, c], d2[r] * z[c]], "9.4": [gW2[r, c], at(d2, c) * at(z, r) if c < k and r < h else UNDEFINED],
        "11": [gW2, np.outer(d2, z)], "11.2": [grad(lambda v: loss(b2=v), b2), d2],
        "17": [gz, W2.T @ d2], "19": [gz, mat(W2, d2)],
        "19.3": [d(math.tanh, t), 1 - math.tanh(t) ** 2],
        "21": [d1, ga, (1 - z * z) * (W2.T @ d2)],
        "23": [ga, (1 - a * a) * (W2.T @ d2)], "23.2": [ga, W2.T @ d2],
        "27": [gW1, np.outer(d1, x)], "27.2": [gb1, d1], "27.3": [grad(lambda v: loss(x=v), x), W1.T @ d1],
        "29": [gW1, np.outer(x, d1)], "29.2": [gb1, W2.T @ d2],
        "31.8": [0.5 * 2 - 1, 0], "31.9": [math.tanh(0.0), 0], "31.10": [3 * 0.0 + 1, 1],
        "31.11": [one(), 0.5], "31.12": [d(lambda v: 0.5 * (v - 0.0) ** 2, 1.0), 1],
        "33": [d(lambda v: one(W2=v), 3.0), 1 * 0.0, 0], "33.2": [d(lambda v: 0.5 * (3 * v + 1) ** 2, 0.0), 3 * 1, 3],
        "33.3": [d(lambda v: one(b1=v), -1.0), (1 - 0**2) * 3, 3], "33.4": [d(lambda v: one(W1=v), 0.5), 3 * 2, 6],
        "35": [d(lambda v: one(W1=v), 0.5), 3], "35.2": [d(math.tanh, 0.0), 0],
    }



@document("253_forum_inverse_trig_log_softplus")
def _(rng):
    x1, x2, u = rng.uniform(-0.95, 0.95), rng.uniform(-0.45, 0.45), rng.uniform(-0.95, 0.95)
    x, xn = rng.uniform(-3, 3), rng.choice([-1, 1]) * rng.uniform(0.2, 3)
    e = math.exp
    sp = lambda t: math.log(1 + e(t))  # noqa: E731
    lsp = lambda t: math.log(sp(t))  # noqa: E731
    das = d(lambda t: math.asin(t * t), x1)
    dac = d(lambda t: math.acos(2 * t), x2)
    dat = d(lambda t: math.atan(e(t)), x)
    dy = d(lambda t: math.atan(1 / t), xn)
    dl = d(lsp, x)
    return {
        "3": [das, 1 / math.sqrt(1 - x1**4)], "3.2": [dac, 2 / math.sqrt(1 - 4 * x2**2)],
        "3.3": [dat, 1 / (1 + e(2 * x))], "3.5": [dl, 1 / math.log(1 + e(x))],
        "9": [d(math.asin, u), 1 / math.sqrt(1 - u * u)], "9.2": [d(math.acos, u), -1 / math.sqrt(1 - u * u)],
        "9.3": [d(math.atan, x), 1 / (1 + x * x)],
        "13": [das, 1 / math.sqrt(1 - (x1**2) ** 2) * 2 * x1, 2 * x1 / math.sqrt(1 - x1**4)],
        "15": [dac, -2 / math.sqrt(1 - 4 * x2**2)], "15.2": [math.asin(u) + math.acos(u), math.pi / 2],
        "15.3": [d(lambda t: math.asin(t) + math.acos(t), u), 0],
        "19": [dat, e(x) / (1 + e(2 * x)), 1 / (e(-x) + e(x)), 1 / (2 * math.cosh(x))],
        "21.2": [dy, 1 / (1 + xn**-2) * (-1 / xn**2), -1 / (1 + xn**2)], "21.3": [dy, 1 / (1 + xn**-2)],
        "23": [d(sp, x), e(x) / (1 + e(x)), sig(x)],
        "25": [dl, d(sp, x) / sp(x), sig(x) / math.log(1 + e(x)), e(x) / ((1 + e(x)) * math.log(1 + e(x)))],
        "27.2": [0.5 / math.log(2), 1 / (2 * math.log(2))], "27.3": [d(lsp, 0.0), 1 / math.log(2)],
        "29": [d2(math.atan, x), -2 * x / (1 + x * x) ** 2], "29.2": [d2(math.atan, x), -1 / (1 + x * x) ** 2],
        "31": [e(x) / (1 + e(2 * x)), 1 / (1 + e(x))],
        "33": [d(sp, x), sig(x)], "33.2": [d(sp, x), 1 - sig(-x)], "33.3": [d(sp, x), sig(-x)],
        "33.4": [d(lambda t: math.acos(2 * t), 0.0), -2],
    }



@document("254_appendix_gaussian_mean_field")
def _(rng):
    n = int(rng.integers(1, 6))
    xs = rng.normal(size=n) * 2 + rng.normal()
    s2, t02, m0 = rng.uniform(0.2, 3), rng.uniform(0.2, 3), rng.normal()
    m, v = rng.normal(), rng.uniform(0.1, 3)
    i = int(rng.integers(0, n))
    nodes, weights = np.polynomial.hermite_e.hermegauss(40)
    Eq = lambda f, m=m, v=v: float(weights @ f(m + math.sqrt(v) * nodes)) / math.sqrt(2 * math.pi)  # noqa: E731

    def F(m, v, xs=xs, s2=s2, t02=t02, m0=m0):
        return (-sum(Eq(lambda t, x=x: (x - t) ** 2, m, v) for x in xs) / (2 * s2)
                - Eq(lambda t: (t - m0) ** 2, m, v) / (2 * t02) + 0.5 * math.log(v))
    xb = xs.mean()
    tn2 = _argmin1(lambda t: -F(m, t), 1e-4, 20)
    mn = _argmin1(lambda t: -F(t, v), -30, 30)
    dm = d(lambda t: F(t, v), m)
    x0 = np.array([1.0, 2.0, 3.0])
    F0 = lambda m, v: F(m, v, x0, 1.0, 1.0, 0.0)  # noqa: E731
    tn0 = _argmin1(lambda t: -F0(0.0, t), 1e-4, 20)
    mn0 = _argmin1(lambda t: -F0(t, 1.0), -30, 30)
    return {
        "11": [F(m, v), F(m, v), -sum((x - m) ** 2 + v for x in xs) / (2 * s2) - ((m - m0) ** 2 + v) / (2 * t02) + 0.5 * math.log(v)],
        "14": [Eq(lambda t: (xs[i] - t) ** 2), (xs[i] - m) ** 2 + v],
        "18": [d(lambda t: F(m, t), v), -n / (2 * s2) - 1 / (2 * t02) + 1 / (2 * v)],
        "20.2": [1 / tn2, 1 / t02 + n / s2], "20.3": [1 / tn2, 1 / t02 + 1 / s2],
        "24": [dm, sum(x - m for x in xs) / s2 - (m - m0) / t02, n * xb / s2 + m0 / t02 - m / tn2],
        "29": [mn, tn2 * (m0 / t02 + n * xb / s2), (s2 * m0 + n * t02 * xb) / (s2 + n * t02)],
        "31": [mn, (m0 + n * xb) / (1 + n)], "31.3": [dm, sum(m - x for x in xs) / s2 - (m - m0) / t02],
        "31.4": [d2(lambda t: F(t, v), m), -1 / tn2],
        "35": [1 / tn0, 1 + 3, 4], "35.2": [mn0, (1 * 0 + 3 * 1 * 2) / (1 + 3), 3 / 2],
        "37": [mn0, x0.mean(), 2], "37.2": [1 / tn0, 2], "37.3": [tn0, 1 / 2], "37.4": [tn0, 1 / 4],
    }



@document("255_exam_determinant_trace")
def _(rng):
    A, B = np.array([[2.0, 1.0], [1.0, 3.0]]), np.array([[1.0, 0.0], [0.0, 0.0]])
    M = np.array([[1.0, 2.0, 0.0], [0.0, 1.0, 3.0], [2.0, 0.0, 1.0]])
    det, tr, inv = np.linalg.det, np.trace, np.linalg.inv
    t = rng.normal()
    D = lambda t: det(A + t * B)  # noqa: E731
    adj = det(A) * inv(A)
    P, Q = rng.normal(size=(2, 2)), rng.normal(size=(2, 2))
    p, q = P, Q
    return {
        "5": [det(A), 2 * 3 - 1 * 1, 5], "5.2": [tr(A), 5], "5.3": [det(2 * A), 2**2 * det(A), 20], "5.4": [det(2 * A), 10],
        "5.5": [det(inv(A)), 1 / 5], "5.6": [tr(A.T), tr(A)], "5.7": [tr(A @ B), 2], "5.8": [tr(A @ B), tr(A) * tr(B)],
        "9": [det(M), 1 * det(np.array([[1, 3], [0, 1]])) - 2 * det(np.array([[0, 3], [2, 1]])) + 0, 1 - 2 * (-6), 13],
        "11": [det(M), 1 + 2 * (-6), -11], "11.2": [det(M), 1 + 12 + 0 - 0 - 0 - 0, 13], "11.3": [tr(M), 3],
        "11.4": [det(2 * M), 8 * det(M), 104], "11.5": [det(2 * M), 4 * det(M)],
        "15": [D(t), det(np.array([[2 + t, 1], [1, 3]])), 3 * (2 + t) - 1, 5 + 3 * t], "17": [d(D, 0.0), 3],
        "19": [d(D, 0.0), det(A) * tr(inv(A) @ B), tr(adj @ B)],
        "21": [adj, np.array([[3, -1], [-1, 2]])], "21.2": [tr(adj @ B), 3],
        "21.3": [adj, np.array([[3, 1], [1, 2]])],
        "21.4": [d(D, 0.0), tr(inv(A) @ B)], "21.5": [d(D, 0.0), det(A) * tr(B)],
        "21.6": [D(t), det(A) + t * det(B)], "21.7": [d(D, 0.0), 0],
        "23": [det(P + t * Q), det(P) + t * (p[0, 0] * q[1, 1] + p[1, 1] * q[0, 0] - p[0, 1] * q[1, 0] - p[1, 0] * q[0, 1]) + t**2 * det(Q)],
        "23.2": [det(P + Q), det(P) + det(Q)], "23.5": [det(A + B), 8], "23.6": [det(A) + det(B), 5],
    }



@document("256_nb_sgd_quadratic_polyak")
def _(rng):
    a, s, ts, th0 = rng.uniform(0.2, 3), rng.uniform(0.1, 2), rng.normal(), rng.normal() * 3
    eta = rng.uniform(0.05, 1.9) / a
    t, T = int(rng.integers(1, 8)), int(rng.integers(1, 8))
    r = 1 - eta * a
    xi = rng.normal(size=max(t, T) + 1) * s

    def moments(a, eta, s2, th0, ts, steps):
        """mean and variance of theta_0, ..., theta_steps: theta_t is an affine function of the noises, tracked exactly"""
        const, coef, out = th0, np.zeros(steps), []
        for k in range(steps + 1):
            out.append((const, s2 * float(coef @ coef)))
            if k < steps:
                const, coef = const - eta * a * (const - ts), coef - eta * a * coef
                coef[k] -= eta
        return out
    mo = moments(a, eta, s * s, th0, ts, max(t, T) + 1)
    far = moments(a, eta, s * s, th0, ts, 3000)[-1][1]
    e = [th0 - ts]
    for k in range(max(t, T) + 1):
        th = e[-1] + ts
        e.append(th - eta * (a * (th - ts) + xi[k]) - ts)
    e0 = th0 - ts
    bias = np.mean([m for m, _ in mo[:T]]) - ts
    mo0 = moments(2.0, 0.25, 1.0, 4.0, 0.0, 5)
    far0 = moments(2.0, 0.25, 1.0, 4.0, 0.0, 3000)[-1][1]
    b4 = np.mean([m for m, _ in mo0[:4]])
    return {
        "1:5": [e[t + 1], e[t] - eta * (a * e[t] + xi[t]), r * e[t] - eta * xi[t]],
        "1:9": [e[t], r**t * e0 - eta * sum(r ** (t - 1 - k) * xi[k] for k in range(t))],
        "1:11": [e[t], r**t * e0 - eta * sum(r**k * xi[k] for k in range(t))],
        "1:11.2": [mo[t][0] - ts, r**t * e0],
        "1:13": [mo[t][1], eta**2 * s**2 * sum(r ** (2 * k) for k in range(t)), eta**2 * s**2 * (1 - r ** (2 * t)) / (1 - r**2)],
        "1:15": [mo[t][1], eta**2 * s**2 * sum(r**k for k in range(t))],
        "1:17": [far, eta**2 * s**2 / (1 - r**2), eta * s**2 / (a * (2 - eta * a))], "1:19": [far, eta * s**2 / a],
        "3:5": [bias, e0 / T * sum(r**k for k in range(T)), e0 / T * (1 - r**T) / (1 - r), e0 * (1 - r**T) / (T * eta * a)],
        "3:7": [bias, e0 / T * (1 - r ** (T + 1)) / (1 - r)],
        "3:11.5": [1 - 0.25 * 2, 0.5], "3:11.6": [mo0[3][0], 0.5**3 * 4, 0.5], "3:11.7": [mo0[3][0], 0.5**4 * 4],
        "3:13": [mo0[2][1], (1 + 0.25) / 16, 0.078125], "3:13.2": [far0, 0.25 / (2 * 1.5), 1 / 12], "3:15": [far0, 1 / 8],
        "3:17": [b4, (4 + 2 + 1 + 0.5) / 4, 1.875, 4 * (1 - 0.5**4) / (4 * 0.25 * 2)],
        "3:19": [b4, 4 / 4 * (1 - 0.5**5) / 0.5, 1.9375],
    }



@document("257_worksheet_quotient_rule")
def _(rng):
    x = rng.uniform(-3, 3)
    x1 = rng.choice([-1, 1]) * rng.uniform(1.2, 3) + (1 if rng.random() < 0.5 else 0)   # away from the pole at 1
    xh = rng.uniform(-0.8, 3)                                                        # away from -1
    xt = rng.uniform(-1.4, 1.4)                                                      # inside (-pi/2, pi/2)
    xc = rng.uniform(0.2, math.pi - 0.2)                                             # inside (0, pi)
    xk = rng.choice([-1, 1]) * rng.uniform(0.2, 3)
    p, q, c = rng.normal(size=3)
    u = lambda t: p * math.sin(t) + q * t * t  # noqa: E731
    v = lambda t: 2.5 + math.cos(c * t)  # noqa: E731
    f = lambda t: (t * t + 1) / (t - 1)  # noqa: E731
    g = lambda t: t / (t * t + 4)  # noqa: E731
    h = lambda t: (1 - t) / (1 + t)  # noqa: E731
    k = lambda t: math.sin(t) / t  # noqa: E731
    sin, cos, tan = math.sin, math.cos, math.tan
    ex = math.exp(x)
    return {
        "3": [d(lambda t: u(t) / v(t), x), (d(u, x) * v(x) - u(x) * d(v, x)) / v(x) ** 2],
        "6": [d(f, x1), ((x1**2 + 1) - 2 * x1 * (x1 - 1)) / (x1 - 1) ** 2],
        "8": [d(f, x1), (2 * x1 * (x1 - 1) - (x1**2 + 1)) / (x1 - 1) ** 2, (x1**2 - 2 * x1 - 1) / (x1 - 1) ** 2],
        "10": [d(f, 0.0), -1], "10.2": [d(f, 3.0), 1 / 2],
        "13": [d(g, x), (4 - x * x) / (x * x + 4)],
        "13.2": [d(g, x), ((x * x + 4) - 2 * x * x) / (x * x + 4) ** 2, (4 - x * x) / (x * x + 4) ** 2],
        "13.4": [d(g, 0.0), 1 / 4], "13.5": [d(g, 1.0), 3 / 5], "13.6": [d(g, 1.0), 3 / 25],
        "16": [d(tan, xt), (cos(xt) ** 2 - sin(xt) ** 2) / cos(xt) ** 2],
        "18": [d(tan, xt), (cos(xt) * cos(xt) - sin(xt) * (-sin(xt))) / cos(xt) ** 2, 1 / cos(xt) ** 2,
               (1 / cos(xt)) ** 2, 1 + tan(xt) ** 2],
        "22": [d(lambda t: 1 / cos(t), xt), (0 * cos(xt) - 1 * sin(xt)) / cos(xt) ** 2, -tan(xt) / cos(xt)],
        "24": [d(lambda t: 1 / cos(t), xt), (0 * cos(xt) - 1 * (-sin(xt))) / cos(xt) ** 2, sin(xt) / cos(xt) ** 2, tan(xt) / cos(xt)],
        "28": [d(h, xh), (-(1 + xh) - (1 - xh)) / (1 + xh) ** 2, -2 / (1 + xh) ** 2],
        "28.2": [d(h, 1.0), -1], "28.3": [d(h, 1.0), -1 / 2],
        "31": [d(k, xk), (cos(xk) - sin(xk)) / xk**2], "31.2": [d(k, xk), (xk * cos(xk) - sin(xk)) / xk**2],
        "34": [d(lambda t: cos(t) / sin(t), xc), (-sin(xc) ** 2 - cos(xc) ** 2) / sin(xc) ** 2, -1 / sin(xc) ** 2],
        "34.2": [d(lambda t: cos(t) / sin(t), xc), 1 / sin(xc) ** 2 - 1], "34.3": [(cos(xc) / sin(xc)) ** 2, 1 / sin(xc) ** 2 - 1],
        "36": [(ex * (1 + ex) - ex * ex) / (1 + ex) ** 2, ex / (1 + ex) ** 2], "36.2": [ex / (1 + ex) ** 2, 1 / (1 + ex)],
        "38": [d(lambda t: 1 / (t * t + 1), xk), 1 / (2 * xk)],
        "38.2": [d(lambda t: 1 / (t * t + 1), xk), (0 - 1 * 2 * xk) / (xk**2 + 1) ** 2, -2 * xk / (xk**2 + 1) ** 2],
    }



@document("258_recitation_two_class_softmax_sigmoid")
def _(rng):
    z1, z2, c = rng.normal(scale=2, size=3)
    z = np.array([z1, z2])
    e = math.exp
    P = lambda z: softmax(np.asarray(z, dtype=float))  # noqa: E731
    p1, p2 = P(z)
    D = z1 - z2
    L = lambda z: -math.log(P(z)[0])  # noqa: E731
    t = rng.normal(scale=2)
    zn = np.array([math.log(3), 0.0])
    return {
        "7": [p1, e(z1) / (e(z1) + e(z2)), 1 / (1 + e(z2 - z1)), 1 / (1 + e(-D)), sig(z1 - z2)],
        "9": [p2, 1 - p1, sig(z2 - z1)], "9.2": [p1, sig(z2 - z1)], "9.3": [p1, sig(z1)],
        "9.4": [math.log(p1 / p2), z1 - z2], "9.5": [math.log(p1 / p2), z1 / z2],
        "11": [e(z1 + c) / (e(z1 + c) + e(z2 + c)), p1], "11.2": [e(2 * z1) / (e(2 * z1) + e(2 * z2)), sig(2 * D)],
        "11.3": [e(2 * z1) / (e(2 * z1) + e(2 * z2)), p1],
        "13": [d(sig, t), sig(t) * (1 - sig(t))],
        "15": [partial(lambda v: P(v)[0], z, 0), d(sig, D), p1 * (1 - p1), p1 * p2],
        "15.2": [partial(lambda v: P(v)[0], z, 1), -d(sig, D), -p1 * p2],
        "17": [partial(lambda v: v[0] - v[1], z, 1), -1], "17.2": [partial(lambda v: P(v)[0], z, 1), p1 * p2],
        "19": [L(z), -math.log(p1), math.log(1 + e(-D))],
        "21": [partial(L, z, 0), -1 / p1 * partial(lambda v: P(v)[0], z, 0), -(1 - p1), p1 - 1],
        "21.2": [partial(L, z, 1), p2, 1 - p1],
        "23": [d(lambda t: math.log(1 + e(-t)), D), sig(D) - 1], "23.2": [d(lambda t: math.log(1 + e(-t)), D), 1 - sig(D)],
        "23.3": [partial(L, z, 0), p1], "23.4": [partial(L, z, 0), -1 / p1],
        "25.2": [zn[0] - zn[1], math.log(3)], "25.3": [P(zn)[0], 3 / (3 + 1), 3 / 4],
        "25.4": [partial(L, zn, 0), -1 / 4], "25.5": [partial(lambda v: P(v)[0], zn, 0), 3 / 16],
        "25.6": [partial(lambda v: P(v)[0], zn, 0), 3 / 4], "25.7": [P(zn)[0], sig(math.log(3)), 1 / (1 + 3)],
    }



@document("259_handout_ridge_svd")
def _(rng):
    p = int(rng.integers(1, 4))
    n = p + int(rng.integers(0, 3))
    X, y, lam = rng.normal(size=(n, p)), rng.normal(size=n), rng.uniform(0.1, 3)

    def ridge(X, y, lam):   # least squares on the augmented system [X; sqrt(lam) I] w = [y; 0]
        A = np.vstack([X, math.sqrt(lam) * np.eye(X.shape[1])])
        return np.linalg.lstsq(A, np.concatenate([y, np.zeros(X.shape[1])]), rcond=None)[0]

    def svd(X):
        U, s, Vt = np.linalg.svd(X, full_matrices=False)
        sign = np.sign(np.diag(Vt.T) + 1e-300)
        return U * sign, s, (Vt.T * sign)
    U, s, V = svd(X)
    S = np.diag(s)
    I = np.eye(p)
    w = ridge(X, y, lam)
    df = lambda lam: float(np.trace(X @ np.linalg.inv(X.T @ X + lam * I) @ X.T))  # noqa: E731
    X0, y0 = np.diag([3.0, 1.0]), np.array([3.0, 2.0])
    U0, s0, V0 = svd(X0)
    w1 = ridge(X0, y0, 1.0)
    df1 = float(np.trace(X0 @ np.linalg.inv(X0.T @ X0 + np.eye(2)) @ X0.T))
    return {
        "12": [w, np.linalg.solve(X.T @ X + lam * I, X.T @ y)],
        "14.2": [U.T @ U, I], "14.4": [X.T @ X, V @ S @ S @ V.T],
        "16": [w, V @ np.linalg.inv(S @ S + lam * I) @ V.T @ V @ S @ U.T @ y, V @ np.linalg.inv(S @ S + lam * I) @ S @ U.T @ y,
               sum(s[j] / (s[j] ** 2 + lam) * (U[:, j] @ y) * V[:, j] for j in range(p))],
        "20": [w, sum(1 / (s[j] ** 2 + lam) * (U[:, j] @ y) * V[:, j] for j in range(p))],
        "20.2": [np.linalg.inv(X.T @ X + lam * I), V @ np.linalg.inv(S + lam * I) @ V.T],
        "24": [X @ w, sum(s[j] ** 2 / (s[j] ** 2 + lam) * (U[:, j] @ y) * U[:, j] for j in range(p))],
        "25": [df(lam), df(lam), sum(s[j] ** 2 / (s[j] ** 2 + lam) for j in range(p))],
        "27": [df(0.0), p], "27.2": [df(lam), sum(s[j] / (s[j] + lam) for j in range(p))],
        "27.3": [w @ w, sum(s[j] ** 2 * (U[:, j] @ y) ** 2 / (s[j] ** 2 + lam) ** 2 for j in range(p))],
        "27.4": [X @ w, sum(s[j] / (s[j] ** 2 + lam) * (U[:, j] @ y) * U[:, j] for j in range(p))],
        "29.5": [U0, V0, np.eye(2)], "29.6": [s0[0], 3], "29.7": [s0[1], 1],
        "31": [w1, np.array([3 * 3 / (9 + 1), 1 * 2 / (1 + 1)]), np.array([0.9, 1.0])],
        "31.2": [df1, 9 / 10 + 1 / 2, 7 / 5],
        "33": [ridge(X0, y0, 1e-12), np.array([1.0, 2.0])], "33.2": [df1, 3 / 4 + 1 / 2],
        "33.3": [w1[0], 3 * 3 / (3 + 1), 9 / 4], "33.4": [w1, np.array([0.3, 1.0])],
    }



@document("260_blog_cosine_similarity_gradient")
def _(rng):
    n = int(rng.integers(2, 6))
    u, v = rng.normal(size=n), rng.normal(size=n)
    al = rng.uniform(0.1, 5)
    nrm = np.linalg.norm
    cos = lambda a, b=v: float(a @ b / (nrm(a) * nrm(b)))  # noqa: E731
    c = cos(u)
    uh, vh = u / nrm(u), v / nrm(v)
    gc = grad(cos, u)
    gL = grad(lambda a: 1 - cos(a), u)
    u0, v0 = np.array([1.0, 0.0]), np.array([1.0, 1.0])
    g0 = grad(lambda a: cos(a, v0), u0)
    r2 = 1 / math.sqrt(2)
    return {
        "5.3": [gL, -gc],
        "9": [grad(lambda a: a @ v, u), v], "9.2": [grad(nrm, u), u / nrm(u)], "9.3": [grad(nrm, u), 2 * u],
        "15": [gc, (nrm(u) * v - (u @ v) * u / nrm(u)) / nrm(u) ** 2 / nrm(v),
               v / (nrm(u) * nrm(v)) - (u @ v) * u / (nrm(u) ** 3 * nrm(v)), (vh - c * uh) / nrm(u)],
        "19": [gL, (c * uh - vh) / nrm(u)],
        "21": [gc, v / (nrm(u) * nrm(v))], "21.2": [gL, (vh - c * uh) / nrm(u)],
        "21.3": [gc, v / (nrm(u) * nrm(v)) - (u @ v) * u / (nrm(u) ** 2 * nrm(v))],
        "25": [u @ gc, (u @ vh - c * nrm(u)) / nrm(u), 0],
        "25.2": [grad(cos, al * u), grad(cos, u) / al], "25.3": [grad(cos, al * u), grad(cos, u)],
        "25.4": [gc @ gc, (1 - c * c) / nrm(u) ** 2],
        "29.3": [cos(u0, v0), r2], "29.4": [1 - cos(u0, v0), 1 - r2],
        "31": [g0, (r2 * v0 - r2 * u0) / 1, np.array([0, r2])],
        "33": [grad(lambda a: 1 - cos(a, v0), u0), np.array([0, -r2])], "33.2": [g0, np.array([r2, r2])],
        "33.3": [g0 @ g0, 1 / 2, 1 - cos(u0, v0) ** 2],
    }



@document("261_office_hours_affine_covariance")
def _(rng):
    n, m = int(rng.integers(1, 4)), int(rng.integers(1, 4))
    if n == m == 1:
        m = 2

    def law(mu, Sig):
        """2n equally likely points with mean mu and covariance Sig exactly (mu +- sqrt(n) times the Cholesky columns)"""
        k = len(mu)
        C = np.linalg.cholesky(Sig)
        return [mu + s * math.sqrt(k) * C[:, i] for i in range(k) for s in (1, -1)]
    mu = rng.normal(size=n)
    G = rng.normal(size=(n, n))
    Sig = G @ G.T + 0.1 * np.eye(n)
    A, b, a = rng.normal(size=(m, n)), rng.normal(size=m), rng.normal(size=n)
    pts = law(mu, Sig)
    E = lambda f: sum(f(x) for x in pts) / len(pts)  # noqa: E731
    Ey = E(lambda x: A @ x + b)
    Cy = E(lambda x: np.outer(A @ x + b - Ey, A @ x + b - Ey))
    x = pts[int(rng.integers(0, len(pts)))]
    Vr = lambda f: E(lambda x: f(x) ** 2) - E(f) ** 2  # noqa: E731
    S0, A0 = np.array([[2.0, 1.0], [1.0, 2.0]]), np.array([[1.0, 1.0], [1.0, -1.0]])
    p0 = law(np.zeros(2), S0)
    E0 = lambda f: sum(f(x) for x in p0) / len(p0)  # noqa: E731
    V0 = lambda f: E0(lambda x: f(x) ** 2) - E0(f) ** 2  # noqa: E731
    vs, vd = V0(lambda x: x[0] + x[1]), V0(lambda x: x[0] - x[1])
    C0 = E0(lambda x: np.outer(A0 @ x, A0 @ x))
    return {
        "5.4": [Ey, A @ mu + b], "5.5": [Ey, A @ mu], "5.6": [A @ x + b - Ey, A @ (x - mu)],
        "7": [Cy, E(lambda x: A @ np.outer(x - mu, x - mu) @ A.T), A @ E(lambda x: np.outer(x - mu, x - mu)) @ A.T, A @ Sig @ A.T],
        "11": [Cy, UNDEFINED if m != n else A.T @ Sig @ A], "13.2": [Cy, A @ Sig @ A.T + np.outer(b, b)],
        "13.3": [Vr(lambda x: a @ x), a @ Sig @ a], "13.4": [Vr(lambda x: 2 * a @ x), 4 * a @ Sig @ a],
        "13.5": [Vr(lambda x: 2 * a @ x), 2 * a @ Sig @ a],
        "21": [(A0 @ p0[0])[0], p0[0][0] + p0[0][1]], "21.2": [(A0 @ p0[2])[1], p0[2][0] - p0[2][1]],
        "23": [A0 @ S0, np.array([[3, 3], [1, -1]])], "23.2": [A0 @ S0 @ A0.T, np.array([[6, 0], [0, 2]])],
        "25": [vs, 2 + 2 + 2 * 1, 6], "25.2": [vd, 2 + 2 - 2 * 1, 2],
        "25.3": [E0(lambda x: (x[0] + x[1]) * (x[0] - x[1])), S0[0, 0] - S0[1, 1], 0],
        "27": [vd, 2 + 2 - 1, 3], "27.2": [C0[0, 1], S0[0, 1], 1], "29": [vs, 2 + 2, 4],
        "29.2": [np.trace(C0), 8, 2 * np.trace(S0)], "29.3": [A0.T @ A0, 2 * np.eye(2)],
    }



@document("262_hw_poisson_process_memoryless")
def _(rng):
    lam, t, s = rng.uniform(0.1, 3), rng.uniform(0.1, 3), rng.uniform(0, 3)
    k = int(rng.integers(0, 6))
    pois = lambda k, mean: math.exp(-mean) * mean**k / math.factorial(k)  # noqa: E731   the law of N(t): Poisson(lambda t)
    ks = np.arange(0, 80)
    pm = np.array([pois(int(j), lam * t) for j in ks])
    EN, VN = float(ks @ pm), float(ks**2 @ pm) - float(ks @ pm) ** 2
    surv = lambda t, lam=lam: math.exp(-lam * t)  # noqa: E731   the law of T
    x, w = np.polynomial.laguerre.laggauss(40)    # int_0^inf e^{-x} g(x) dx

    def cond_mean(s, lam):                        # E[T | T > s] = int_s^inf t lam e^{-lam t} dt / P(T > s), with t = s + x / lam
        return float(w @ (s + x / lam))
    ET = float(w @ (x / lam))

    def joint(a, b, lam):                         # P(N(1) = a, N(2) = b): the increments over [0, 1] and (1, 2] are independent
        return pois(a, lam) * pois(b - a, lam) if b >= a else 0.0
    e = math.exp
    return {
        "5": [pois(k, lam * t), e(-lam * t) * (lam * t) ** k / math.factorial(k)],
        "7": [1 - pm[0], 1 - pois(0, lam * t), 1 - e(-lam * t)], "9": [1 - pm[0], lam * t * e(-lam * t)],
        "9.2": [EN, lam * t], "9.3": [VN, lam * t], "9.4": [VN, (lam * t) ** 2],
        "13": [surv(s + t) / surv(s), surv(s + t) / surv(s), e(-lam * (s + t)) / e(-lam * s), e(-lam * t), surv(t)],
        "15": [surv(s + t) / surv(s), e(-lam * (s + t))],
        "17": [cond_mean(s, lam), s + ET, s + 1 / lam], "19": [cond_mean(s, lam), 1 / lam],
        "19.2": [cond_mean(s, lam) - s, 1 / lam], "19.3": [-d(surv, t), lam * e(-lam * t)],
        "23": [pois(0, 3.0), e(-3)], "23.2": [pois(0, 3.0), e(-2)],
        "25": [pois(2, 3.0), e(-3) * 9 / 2, 9 / 2 * e(-3)],
        "29": [joint(1, 3, 2.0), pois(1, 2.0) * pois(2, 2.0), 2 * e(-2) * 2 * e(-2), 4 * e(-4)],
        "31": [joint(1, 3, 2.0), pois(1, 2.0) * pois(3, 4.0), 2 * e(-2) * 32 / 3 * e(-4)],
        "33": [surv(5 / 6, 2.0) / surv(1 / 3, 2.0), e(-2 * 0.5), e(-1)],
        "33.2": [surv(5 / 6, 2.0) / surv(1 / 3, 2.0), e(-2 * 5 / 6)],
        "33.3": [cond_mean(1 / 3, 2.0), 1 / 3 + 1 / 2, 5 / 6],
    }



@document("263_reading_group_mixture_of_experts_gate")
def _(rng):
    K, dim, m = int(rng.integers(2, 5)), int(rng.integers(2, 4)), int(rng.integers(1, 4))
    if dim == K:
        dim += 1
    x, tgt = rng.normal(size=dim), rng.normal(size=m)
    Wg, Es = rng.normal(size=(K, dim)), rng.normal(size=(K, m, dim))

    def out(x=x, Wg=Wg, Es=Es, s=None):
        g = softmax(Wg @ x if s is None else s)
        return sum(g[k] * Es[k] @ x for k in range(K))
    loss = lambda y: 0.5 * float(np.sum((y - tgt) ** 2))  # noqa: E731   a downstream loss, with e = y - tgt
    s = Wg @ x
    g = softmax(s)
    f = [Es[k] @ x for k in range(K)]
    y = out()
    e = y - tgt
    j, k = int(rng.integers(0, K)), int(rng.integers(0, K))
    dy = partial(lambda v: out(s=v), s, j)
    gam = np.array([g[i] * e @ (f[i] - y) for i in range(K)])
    gWg = grad(lambda M: loss(out(Wg=M)), Wg)
    gE = grad(lambda M: loss(out(Es=np.concatenate([Es[:k], M[None], Es[k + 1:]]))), Es[k])
    gx = grad(lambda v: loss(out(x=v)), x)
    fs = np.array([1.0, 3.0])
    ys = lambda s: float(softmax(np.asarray(s)) @ fs)  # noqa: E731
    s0 = np.zeros(2)
    g0 = softmax(s0)
    return {
        "11": [partial(lambda v: softmax(v)[k], s, j), g[k] * (delta(k, j) - g[j])],
        "13": [dy, sum(g[i] * (delta(i, j) - g[j]) * f[i] for i in range(K)), g[j] * f[j] - g[j] * sum(g[i] * f[i] for i in range(K)),
               g[j] * (f[j] - y)],
        "15": [dy, g[j] * (1 - g[j]) * f[j]], "15.2": [sum(partial(lambda v: out(s=v), s, i) for i in range(K)), np.zeros(m)],
        "19": [partial(lambda v: loss(out(s=v)), s, j), g[j] * e @ (f[j] - y)], "19.2": [gWg, np.outer(gam, x)],
        "19.3": [gE, g[k] * np.outer(e, x)],
        "21": [gE, np.outer(e, x)], "21.2": [gWg, np.outer(x, gam)],
        "21.3": [gx, sum(g[i] * Es[i].T @ e for i in range(K)) + Wg.T @ gam], "21.4": [gx, sum(g[i] * Es[i].T @ e for i in range(K))],
        "23.4": [g0[0], g0[1], 1 / 2], "23.5": [ys(s0), 0.5 * 1 + 0.5 * 3, 2],
        "25": [partial(ys, s0, 0), 0.5 * (1 - 2), -1 / 2], "25.2": [partial(ys, s0, 1), 0.5 * (3 - 2), 1 / 2],
        "27": [partial(ys, s0, 0), g0[0] * (fs[0] - ys(s0)), 0.5 * (1 - 3)],
        "27.2": [partial(ys, s0, 1), 0.5 * 0.5 * 3, 3 / 4], "27.3": [partial(ys, s0, 0), 1 / 4],
    }


@document("264_hw_weighted_logistic_regression")
def _(rng):
    n, dim = int(rng.integers(3, 7)), int(rng.integers(2, 5))
    X = rng.normal(size=(n, dim))
    y = rng.permutation(np.array([1.0, 0.0] + list(rng.integers(0, 2, size=n - 2).astype(float))))
    a, b = rng.uniform(0.2, 4, size=2)
    c = np.where(y == 1, a, b)
    C = np.diag(c)
    w = rng.normal(size=dim)
    t = rng.normal()

    def L(w):
        q = sig(X @ w)
        return float(-np.sum(c * (y * np.log(q) + (1 - y) * np.log(1 - q))))
    p = sig(X @ w)
    i = int(rng.integers(0, n))
    g = grad(L, w)
    def Lc(w):                                               # complex-safe, for a complex-step gradient
        q = 1 / (1 + np.exp(-(X @ w)))
        return -np.sum(c * (y * np.log(q) + (1 - y) * np.log(1 - q)))
    gc = lambda w: np.array([Lc(w + 1e-30j * e).imag / 1e-30 for e in np.eye(dim)])  # noqa: E731
    hd = lambda h: np.stack([(gc(w + h * e) - gc(w - h * e)) / (2 * h) for e in np.eye(dim)], axis=1)  # noqa: E731
    H = (4 * hd(5e-4) - hd(1e-3)) / 3
    S = np.diag(p * (1 - p))
    v = rng.normal(size=dim)
    n1 = int(y.sum())
    n0 = n - n1
    ab, bb = n / (2 * n1), n / (2 * n0)
    cb = np.where(y == 1, ab, bb)
    x0, y0, c0 = np.array([1.0, 2.0, -1.0]), np.array([1.0, 0.0, 0.0]), np.array([3.0, 1.0, 1.0])
    L0 = lambda w: float(-np.sum(c0 * (y0 * np.log(sig(x0 * w)) + (1 - y0) * np.log(1 - sig(x0 * w)))))  # noqa: E731
    g0, h0 = d(L0, 0.0), d2(L0, 0.0)
    g0u = d(lambda w: float(-np.sum(y0 * np.log(sig(x0 * w)) + (1 - y0) * np.log(1 - sig(x0 * w)))), 0.0)
    return {
        "12": [d(sig, t), sig(t) * (1 - sig(t))], "12.2": [grad(lambda u: sig(X[i] @ u), w), p[i] * (1 - p[i]) * X[i]],
        "14": [g, -sum(c[k] * (y[k] / p[k] - (1 - y[k]) / (1 - p[k])) * p[k] * (1 - p[k]) * X[k] for k in range(n)),
               sum(c[k] * (p[k] - y[k]) * X[k] for k in range(n)), X.T @ C @ (p - y)],
        "16": [g, X.T @ (p - y)], "16.2": [g, sum(c[k] * (y[k] - p[k]) * X[k] for k in range(n))],
        "16.3": [g, mat(X, C @ (p - y))], "16.4": [g, X.T @ C @ (y - p)],
        "20": [H, sum(c[k] * p[k] * (1 - p[k]) * np.outer(X[k], X[k]) for k in range(n)), X.T @ C @ S @ X],
        "22.2": [H, X.T @ S @ X], "22.3": [H, sum(c[k] * p[k] * (1 - p[k]) * (X[k] @ X[k]) for k in range(n))],
        "24": [v @ H @ v, sum(c[k] * p[k] * (1 - p[k]) * (X[k] @ v) ** 2 for k in range(n))],
        "28.4": [cb.sum(), n1 * ab + n0 * bb, n], "28.5": [cb.sum(), n / 2],
        "30.10": [sig(0.0), 0.5],
        "32": [g0, 3 * (-0.5) * 1 + 0.5 * 2 + 0.5 * (-1), -1], "32.2": [h0, (3 + 4 + 1) / 4, 2],
        "34": [0 - g0 / h0, 0 - g0 / h0, 0.5], "34.2": [-0.5 + 1 - 0.5, 0, g0u], "34.3": [g0, 0], "34.4": [0 - g0 / h0, -0.5],
        "34.5": [h0, (1 + 4 + 1) / 4], "34.6": [h0, 1.5],
    }


@document("265_notes_markov_chebyshev_discrete")
def _(rng):
    m = int(rng.integers(1, 6))
    ks = np.arange(m + 1)
    p = rng.dirichlet(np.ones(m + 1))
    E = lambda f: float(np.sum(p * f(ks)))  # noqa: E731
    P = lambda event: float(np.sum(p[event(ks)]))  # noqa: E731
    mu = E(lambda x: x)
    s2 = E(lambda x: (x - mu) ** 2)
    a, t = rng.uniform(0.3, m + 0.5), rng.uniform(0.1, m)
    x = int(rng.integers(0, m + 1))
    ai = int(rng.integers(1, m + 1))                  # an integer level for the complement on line 5
    k = int(rng.integers(1, 6))
    ge = lambda k: P(lambda x: x >= k)  # noqa: E731
    q = np.array([0.5, 0, 0.25, 0, 0.25])
    v = np.arange(5)
    E0 = lambda f: float(np.sum(q * f(v)))  # noqa: E731
    P0 = lambda event: float(np.sum(q[event(v)]))  # noqa: E731
    mu0 = E0(lambda x: x)
    s20 = E0(lambda x: (x - mu0) ** 2)
    sd = math.sqrt(s2)
    return {
        "5": [E(lambda x: (x >= a).astype(float)), P(lambda x: x >= a)], "5.2": [E(lambda x: (x >= a).astype(float)), mu / a],
        "5.3": [P(lambda x: abs(x - mu) >= t), P(lambda x: (x - mu) ** 2 >= t**2)],
        "5.4": [P(lambda x: x >= ai), 1 - P(lambda x: x <= ai)],
        "7": [x, sum(float(x >= k) for k in range(1, m + 1))],
        "9": [mu, sum(ge(k) for k in range(1, m + 1)), sum(sum(p[j] for j in range(k, m + 1)) for k in range(1, m + 1)),
              sum(j * p[j] for j in range(1, m + 1))],
        "11": [sum(sum(p[j] for j in range(k, m + 1)) for k in range(1, m + 1)), sum((j - 1) * p[j] for j in range(1, m + 1))],
        "11.3": [sum(ge(k) for k in range(0, m + 1)), mu], "11.4": [ge(0), 1],
        "11.5": [x**2, sum((2 * k - 1) * float(x >= k) for k in range(1, m + 1))],
        "13": [E(lambda x: x**2), sum((2 * k - 1) * ge(k) for k in range(1, m + 1))],
        "15": [E(lambda x: x**2), sum(2 * k * ge(k) for k in range(1, m + 1))], "15.2": [k**2 - (k - 1) ** 2, 2 * k - 1],
        "19": [mu0, 0 * 0.5 + 2 * 0.25 + 4 * 0.25, 1.5], "19.2": [E0(lambda x: x**2), 0 + 1 + 4, 5],
        "21": [s20, 5 - 9 / 4, 11 / 4], "21.2": [E0(lambda x: x**2), mu0**2], "21.3": [s20, 5 - 3 / 2, 7 / 2],
        "23": [sum(P0(lambda x, k=k: x >= k) for k in range(1, 5)), 0.5 + 0.5 + 0.25 + 0.25, 1.5],
        "23.2": [sum((2 * k - 1) * P0(lambda x, k=k: x >= k) for k in range(1, 5)), 0.5 + 1.5 + 5 / 4 + 7 / 4, 5],
        "25": [sum(P0(lambda x, k=k: x > k) for k in range(1, 5)), 1.5],
        "27.2": [mu0 / 4, 3 / 8], "27.3": [P0(lambda x: x >= 4), 0.25], "27.4": [P0(lambda x: x >= 4), 0.5],
        "27.6": [P0(lambda x: x >= 2), 0.5], "27.7": [mu0 / 2, 3 / 4], "27.8": [P0(lambda x: x >= 2), 0.25],
        "27.9": [P0(lambda x: x > 2), 0.25], "27.10": [P0(lambda x: x >= 4), P0(lambda x: x**2 >= 16)],
        "27.11": [E0(lambda x: x**2) / 16, 5 / 16],
        "27.12": [P0(lambda x: x >= 3), P0(lambda x: x >= 4)], "27.13": [P0(lambda x: x >= 3), P0(lambda x: x >= 2)],
        "31": [P0(lambda x: abs(x - mu0) >= 2.5), P0(lambda x: x >= 4), 0.25], "31.2": [s20 / 2.5**2, (11 / 4) / (25 / 4), 11 / 25],
        "33": [s20 / 2.5**2, 11 / 10], "33.2": [P0(lambda x: abs(x - mu0) >= 2.5), 3 / 4], "33.3": [abs(0 - mu0), 1.5],
        "35.2": [E(lambda x: (x - mu) / sd), 0], "35.3": [E(lambda x: ((x - mu) / sd) ** 2) - E(lambda x: (x - mu) / sd) ** 2, 1],
        "35.4": [E(lambda x: ((x - mu) / sd) ** 2) - E(lambda x: (x - mu) / sd) ** 2, 1 / sd],
        "35.5": [E(lambda x: ((x - mu) / sd) ** 2), 1], "35.6": [E(lambda x: ((x - mu) / sd) ** 2), s2],
        "35.7": [(4 - mu0) / math.sqrt(s20), (4 - 3 / 2) / (math.sqrt(11) / 2), 5 / math.sqrt(11)],
        "35.9": [(0 - mu0) / math.sqrt(s20), -3 / math.sqrt(11)], "35.10": [(0 - mu0) / math.sqrt(s20), -3 / (2 * math.sqrt(11))],
    }


@document("266_lecture_trapezoid_simpson_exactness")
def _(rng):
    nodes, weights = np.polynomial.legendre.leggauss(20)
    I = lambda f, a, b: (b - a) / 2 * float(np.sum(weights * f((b - a) / 2 * nodes + (a + b) / 2)))  # noqa: E731   exact on polynomials
    M = lambda f, a, b: (b - a) * f((a + b) / 2)  # noqa: E731
    T = lambda f, a, b: (b - a) / 2 * (f(a) + f(b))  # noqa: E731
    S = lambda f, a, b: (b - a) / 6 * (f(a) + 4 * f((a + b) / 2) + f(b))  # noqa: E731
    a = rng.normal()
    b = a + rng.uniform(0.2, 3)
    h, c = b - a, (a + b) / 2
    k = int(rng.integers(0, 7))
    q2, q4 = rng.normal(size=3), rng.normal(size=5)              # a quadratic and a quartic: f'' and f'''' are constant
    f2, f4 = np.polynomial.Polynomial(q2), np.polynomial.Polynomial(q4)
    f = lambda x: np.sin(3 * x) + x**5  # noqa: E731
    sq, cu, qu = (lambda x: x**2), (lambda x: x**3), (lambda x: x**4)
    Tn = lambda f, a, b, n: (b - a) / n * (f(a) / 2 + sum(f(a + j * (b - a) / n) for j in range(1, n)) + f(b) / 2)  # noqa: E731
    return {
        "13": [I(lambda x: x**k, 0, 1), 1 / (k + 1)], "13.2": [T(lambda x: 1.0, 0, 1), 1], "13.3": [T(lambda x: x, 0, 1), 0.5],
        "15": [T(sq, 0, 1), 0.5 * (0 + 1), 0.5], "15.2": [I(sq, 0, 1) - T(sq, 0, 1), 1 / 3 - 1 / 2, -1 / 6],
        "17": [I(sq, 0, 1) - T(sq, 0, 1), 1 / 6],
        "19": [S(sq, 0, 1), (0 + 4 / 4 + 1) / 6, 1 / 3], "20": [S(cu, 0, 1), (0 + 4 / 8 + 1) / 6, 1 / 4],
        "21": [S(qu, 0, 1), (0 + 4 / 16 + 1) / 6, 5 / 24], "23": [S(qu, 0, 1), 1 / 5],
        "23.2": [S(cu, 0, 1), (4 / 8 + 1) / 6, 1 / 3],
        "23.3": [S(lambda x: (x - c) ** 3, a, b), 0], "23.4": [I(lambda x: (x - c) ** 3, a, b), 0],
        "23.5": [S(cu, a, b), (b**4 - a**4) / 4], "23.6": [T(cu, a, b), (b**4 - a**4) / 4],
        "23.7": [T(cu, 0, 1), 1 / 4],
        "27": [I(f2, a, b) - T(f2, a, b), -h**3 / 12 * f2.deriv(2)(c)],
        "28": [I(f4, a, b) - S(f4, a, b), -h**5 / 2880 * f4.deriv(4)(c)],
        "30": [-2 / 12, -1 / 6], "30.2": [I(sq, 0, 1) - T(sq, 0, 1), -1 / 12],
        "30.3": [1 / 5 - 5 / 24, -1 / 120, -24 / 2880], "30.5": [I(qu, 0, 1) - S(qu, 0, 1), -24 / 90],
        "30.6": [1 / 5 - 5 / 24, -24],
        "34": [T(sq, a, b) - I(sq, a, b), h / 2 * (a**2 + b**2) - (b**3 - a**3) / 3, h**3 / 6],
        "36": [T(sq, a, b) - I(sq, a, b), h**3 / 12], "36.2": [d2(sq, a), 2],
        "38": [S(f, a, b), (2 * M(f, a, b) + T(f, a, b)) / 3], "38.3": [M(sq, 0, 1), 0.25],
        "38.4": [I(sq, 0, 1) - M(sq, 0, 1), 1 / 12], "38.5": [(2 * M(sq, 0, 1) + T(sq, 0, 1)) / 3, (2 / 4 + 1 / 2) / 3, 1 / 3],
        "38.6": [S(f, a, b), (M(f, a, b) + 2 * T(f, a, b)) / 3], "38.7": [M(sq, 0, 1), 1 / 3],
        "44.2": [Tn(sq, 0, 1, 2), 0.5 * (0 + 1 / 4 + 1 / 2), 3 / 8], "44.3": [Tn(sq, 0, 1, 2) - 1 / 3, 1 / 24],
        "44.4": [Tn(sq, 0, 1, 2) - 1 / 3, 1 / 12], "44.5": [Tn(sq, 0, 1, 2), 0.5 * (0 + 1 / 4 + 1), 5 / 8],
    }


@document("267_forum_attention_pooling_temperature")
def _(rng):
    n, dim = int(rng.integers(2, 6)), int(rng.integers(1, 4))
    s, V = rng.normal(size=n), rng.normal(size=(n, dim))
    T = rng.uniform(0.3, 3)
    i = int(rng.integers(0, n))
    a = softmax(s / T)
    o = lambda T: softmax(s / T) @ V  # noqa: E731
    da = jac(lambda t: softmax(s / t[0]), np.array([T]))[:, 0]
    do = jac(lambda t: o(t[0]), np.array([T]))[:, 0]
    sb, vb = a @ s, a @ V
    dob = jac(lambda b: softmax(s * b[0]) @ V, np.array([1 / T]))[:, 0]
    s0, v0 = np.array([0.0, math.log(3)]), np.array([1.0, 0.0])
    o0 = lambda T: softmax(s0 / T) @ v0  # noqa: E731
    a0 = softmax(s0)
    return {
        "1.3": [da[i], a[i] * (s[i] - sb)],
        "3": [a[i], math.exp(s[i] / T - lse(s / T))], "3.3": [d(lambda t: s[i] / t, T), -s[i] / T**2],
        "5": [da[i], a[i] * (-s[i] / T**2 + sum(a[j] * s[j] / T**2 for j in range(n))), -a[i] * (s[i] - sb) / T**2],
        "7": [da[i], a[i] * (s[i] - sb) / T**2], "7.2": [da[i], -a[i] * (s[i] - sb) / T],
        "9": [da.sum(), -(a @ s - sb * a.sum()) / T**2, 0],
        "13": [do, sum(da[k] * V[k] for k in range(n)), -sum(a[k] * (s[k] - sb) * V[k] for k in range(n)) / T**2,
               -sum(a[k] * (s[k] - sb) * (V[k] - vb) for k in range(n)) / T**2],
        "15.2": [sum(a[k] * (s[k] - sb) for k in range(n)), 0],
        "15.3": [do, -sum((s[k] - sb) * (V[k] - vb) for k in range(n)) / T**2],
        "17.2": [dob, sum(a[k] * (s[k] - sb) * V[k] for k in range(n))], "17.3": [do, -dob / T**2], "17.4": [do, -dob / T],
        "19": [o(1e8), V.mean(axis=0)], "19.2": [o(1e8), np.zeros(dim)],
        "19.3": [o(1e-6), V[np.argmax(s)]], "19.4": [o(1e-6), V.mean(axis=0)],
        "21.7": [a0, np.array([0.25, 0.75])], "21.8": [o0(1.0), 0.25], "21.9": [a0 @ s0, 0.75 * math.log(3)],
        "21.10": [a0 @ s0, 0.5 * math.log(3)],
        "23": [d(o0, 1.0), -(0.25 * (0 - 0.75 * math.log(3)) * 1 + 0.75 * (math.log(3) - 0.75 * math.log(3)) * 0),
               3 / 16 * math.log(3)],
        "25": [d(o0, 1.0), -3 / 16 * math.log(3)],
    }


@document("268_appendix_bernoulli_fisher_natural_gradient")
def _(rng):
    mu, xb, eta = rng.uniform(0.05, 0.95), rng.uniform(0.05, 0.95), rng.uniform(0.01, 1)
    x = float(rng.integers(0, 2))
    th = math.log(mu / (1 - mu))
    lp = lambda m, x=x: x * math.log(m) + (1 - x) * math.log(1 - m)  # noqa: E731
    E = lambda f, m=mu: m * f(1.0) + (1 - m) * f(0.0)  # noqa: E731   over x ~ Ber(m)
    Im = E(lambda x: d(lambda m: lp(m, x), mu) ** 2)
    It = E(lambda x: d(lambda t: lp(sig(t), x), th) ** 2)
    L = lambda m, xb=xb: -xb * math.log(m) - (1 - xb) * math.log(1 - m)  # noqa: E731
    Lt = lambda t, xb=xb: L(sig(t), xb)  # noqa: E731
    dL, dLt = d(L, mu), d(Lt, th)
    dmu = d(sig, th)
    m0, x0 = 0.25, 0.5
    t0 = math.log(m0 / (1 - m0))
    Im0 = E(lambda x: d(lambda m: lp(m, x), m0) ** 2, m0)
    It0 = E(lambda x: d(lambda t: lp(sig(t), x), t0) ** 2, m0)
    dL0, dLt0 = d(lambda m: L(m, x0), m0), d(lambda t: Lt(t, x0), t0)
    return {
        "10": [d(lp, mu), x / mu - (1 - x) / (1 - mu), (x - mu) / (mu * (1 - mu))],
        "11": [d2(lp, mu), -x / mu**2 - (1 - x) / (1 - mu) ** 2],
        "13": [E(lambda x: x), mu], "13.2": [E(lambda x: (x - mu) ** 2), mu * (1 - mu)],
        "15": [Im, E(lambda x: ((x - mu) / (mu * (1 - mu))) ** 2), 1 / (mu * (1 - mu)), 1 / mu + 1 / (1 - mu)],
        "17": [Im, 1 / mu**2 + 1 / (1 - mu) ** 2], "17.2": [d(lp, mu), x / mu + (1 - x) / (1 - mu)],
        "17.3": [Im, mu * (1 - mu)],
        "19.2": [lp(sig(th)), x * th - math.log(1 + math.exp(th))],
        "21": [It, E(lambda x: (x - sig(th)) ** 2), sig(th) * (1 - sig(th)), mu * (1 - mu)],
        "23": [It, Im * dmu**2], "23.2": [dmu, mu * (1 - mu)], "23.3": [It, Im * dmu, 1], "23.4": [It, 1 / (mu * (1 - mu))], "23.5": [It, Im],
        "27": [dL, -(xb - mu) / (mu * (1 - mu))], "27.2": [dL / Im, dL / Im, mu - xb],
        "29": [dL, (xb - mu) / (mu * (1 - mu))], "29.2": [mu - dL / Im, xb],
        "31": [dLt, sig(th) - xb, mu - xb], "31.2": [dLt / It, dLt / It, (mu - xb) / (mu * (1 - mu))],
        "33": [dLt / It, mu - xb], "33.2": [dmu * (-eta * dLt / It), -eta * (mu - xb)],
        "35.2": [t0, -math.log(3)],
        "35.4": [Im0, 1 / (0.25 * 0.75), 16 / 3], "35.5": [It0, 3 / 16], "35.6": [Im0, 3 / 16],
        "35.7": [dL0, -(1 / 4) / (3 / 16), -4 / 3], "35.8": [dLt0, -0.25], "35.9": [dLt0, -4 / 3],
        "35.10": [dL0 / Im0, -0.25], "35.11": [dLt0 / It0, -4 / 3],
        "35.12": [m0 - dL0 / Im0, 1 / 4 + 1 / 4, 0.5], "35.13": [sig(t0 - dLt0 / It0), 0.5],
        "35.14": [1 / 4 + 4 / 3, 19 / 12], "35.15": [1 / 4 + 4 / 3, 5 / 7],
        "35.16": [m0 - dL0, x0],
    }


@document("269_exam_telescoping_power_sums")
def _(rng):
    n = int(rng.integers(1, 13))
    k = int(rng.integers(1, 20))
    a = rng.normal(size=n + 2)                            # a[1], ..., a[n + 1]; a[0] unused
    S = lambda f, lo, hi: sum(f(j) for j in range(lo, hi + 1))  # noqa: E731
    tail1 = S(lambda j: 1 / (j * (j + 1)), 1, 200000) + 1 / 200001          # the exact remainder of the telescoped sum
    tail2 = S(lambda j: 1 / (j * (j + 2)), 1, 200000) + 0.5 * (1 / 200001 + 1 / 200002)
    return {
        "5": [S(lambda j: a[j + 1] - a[j], 1, n), a[n + 1] - a[1]], "5.2": [S(lambda j: a[j + 1] - a[j], 1, n), a[n] - a[1]],
        "5.3": [1 / (k * (k + 1)), 1 / k - 1 / (k + 1)],
        "7": [S(lambda j: 1 / (j * (j + 1)), 1, n), S(lambda j: 1 / j - 1 / (j + 1), 1, n), 1 - 1 / (n + 1), n / (n + 1)],
        "9": [tail1, 1], "9.2": [S(lambda j: 1 / (j * (j + 1)), 1, n), 1 - 1 / n],
        "11": [1 / (k * (k + 2)), 0.5 * (1 / k - 1 / (k + 2))],
        "13": [tail2, 0.5 * (1 + 0.5), 0.75], "15": [1 / (k * (k + 2)), 1 / k - 1 / (k + 2)],
        "15.2": [tail2, 1.5], "15.3": [tail2, 0.5],
        "17": [(k + 1) ** 3 - k**3, 3 * k**2 + 3 * k + 1], "17.3": [S(lambda j: j, 1, n), n * (n + 1) / 2],
        "19": [3 * S(lambda j: j**2, 1, n), (n + 1) ** 3 - 1 - 3 * n * (n + 1) / 2 - n, n * (n + 1) * (2 * n + 1) / 2],
        "21": [S(lambda j: j**2, 1, n), n * (n + 1) * (2 * n + 1) / 6], "21.2": [S(lambda j: j**2, 1, n), n * (n + 1) * (2 * n + 1) / 2],
        "23": [S(lambda j: j**3, 1, n), (n * (n + 1) / 2) ** 2, n**2 * (n + 1) ** 2 / 4],
        "25": [S(lambda j: j**3, 1, n), n**2 * (n + 1) ** 2 / 2],
        "27": [S(lambda j: j**2, 2, n), n * (n + 1) * (2 * n + 1) / 6 - 1],
        "27.2": [S(lambda j: j**2, 0, n - 1), (n - 1) * n * (2 * n - 1) / 6],
        "27.3": [S(lambda j: j**2, 0, n - 1), n * (n + 1) * (2 * n + 1) / 6],
        "27.4": [S(lambda j: 2 * j - 1, 1, n), n**2], "27.5": [S(lambda j: j * (j + 1), 1, n), n * (n + 1) * (n + 2) / 3],
        "27.6": [S(lambda j: j * (j + 1), 1, n), n * (n + 1) * (n + 2) / 6],
        "29": [S(lambda j: math.log((j + 1) / j), 1, n), math.log(n + 1)], "29.2": [S(lambda j: math.log((j + 1) / j), 1, n), math.log(n)],
        "31.2": [S(lambda j: j**2, 1, 4), 1 + 4 + 9 + 16, 30], "31.3": [4 * 5 * 9 / 6, 30],
        "31.4": [S(lambda j: j**3, 1, 4), 100, 10**2], "31.5": [S(lambda j: 1 / (j * (j + 1)), 1, 4), 4 / 5],
        "31.6": [S(lambda j: j**3, 1, 4), 4**3 + 3**3, 91], "31.7": [S(lambda j: 1 / (j * (j + 1)), 1, 4), 3 / 4],
    }


@document("270_nb_gaussian_variance_likelihood")
def _(rng):
    n = int(rng.integers(2, 7))
    x = rng.normal(size=n) * rng.uniform(0.5, 3) + rng.normal()
    mu, v = rng.normal(), rng.uniform(0.3, 4)
    ell = lambda mu, v, x=x: -len(x) / 2 * math.log(2 * math.pi * v) - float(np.sum((x - mu) ** 2)) / (2 * v)  # noqa: E731
    Q = float(np.sum((x - mu) ** 2))

    def argmax_v(mu, x):                                     # the maximiser in v, by bisection on the derivative
        lo, hi = 1e-6, 1e6
        for _ in range(200):
            mid = math.sqrt(lo * hi)
            lo, hi = (mid, hi) if d(lambda t: ell(mu, t, x), mid) > 0 else (lo, mid)
        return lo
    vh = argmax_v(mu, x)
    dv = d(lambda t: ell(mu, t), v)
    dmu = d(lambda m: ell(m, v), mu)
    d2v = d2r(lambda t: ell(mu, t), v)
    d2h = d2r(lambda t: ell(mu, t), vh)
    s = math.sqrt(v)
    ds = d(lambda t: ell(mu, t * t), s)
    x0 = np.array([1.0, 2.0, 3.0, 6.0])
    vh0 = argmax_v(3.0, x0)
    r2 = math.sqrt(2)
    return {
        "1:9": [dv, -n / (2 * v) + Q / (2 * v**2)], "1:9.2": [dmu, float(np.sum(x - mu)) / v],
        "1:11": [dmu, float(np.sum(x - mu)) / (2 * v)], "1:11.2": [dv, -n / (2 * v) + Q / (2 * v)],
        "1:11.3": [vh, Q / n], "1:11.4": [vh, Q / (n - 1)],
        "3:3.4": [len(x0), 4], "3:3.5": [float(np.sum((x0 - 3) ** 2)), 4 + 1 + 0 + 9, 14],
        "3:3.6": [ell(3.0, 2.0, x0), -2 * math.log(4 * math.pi) - 3.5], "3:3.7": [ell(3.0, 2.0, x0), -2 * math.log(4 * math.pi) - 7],
        "3:5": [d(lambda t: ell(3.0, t, x0), 2.0), -4 / 4 + 14 / 8, 3 / 4],
        "3:7": [-1 + 14 / 4, 5 / 2], "3:7.2": [d(lambda t: ell(3.0, t, x0), 2.0), 5 / 2],
        "3:7.3": [d(lambda m: ell(m, 2.0, x0), 3.0), 0.5 * (-2 - 1 + 0 + 3), 0],
        "3:7.5": [vh0, 14 / 4, 7 / 2], "3:7.6": [vh0, 14 / 3],
        "3:7.7": [ell(3.0, 3.5, x0), -2 * math.log(7 * math.pi) - 2], "3:7.8": [ell(3.0, 3.5, x0), -2 * math.log(7 * math.pi) - 4],
        "5:5": [d2v, n / (2 * v**2) - Q / v**3],
        "5:7": [vh, Q / n], "5:7.2": [n / (2 * vh**2) - n / vh**2, -n / (2 * vh**2)], "5:7.3": [d2h, -n / vh**2],
        "5:7.4": [d2v, n / (2 * v**2) - Q / (2 * v**3)],
        "5:7.5": [d2r(lambda t: ell(3.0, t, x0), vh0), -4 / (2 * 49 / 4), -8 / 49],
        "5:7.6": [d2r(lambda t: ell(3.0, t, x0), vh0), -16 / 49],
        "5:9": [d(lambda t: t * t, s), 2 * s],
        "5:11": [ds, 2 * s * dv, -n / s + Q / s**3], "5:13": [ds, dv / (2 * s)],
        "5:13.2": [d(lambda t: ell(3.0, t * t, x0), r2), 3 / (8 * r2)],
        "5:13.4": [d(lambda t: ell(3.0, t * t, x0), r2), 2 * r2 * 3 / 4, 3 * r2 / 2],
    }


@document("271_worksheet_chain_rule_drills")
def _(rng):
    x = rng.uniform(0.1, 1.2)                      # sin x > 0 and cos(x^2) > 0 here
    x1 = rng.uniform(1.1, 5)                       # item 7 needs x > 1
    e, sec2 = math.exp, (lambda t: 1 / math.cos(t) ** 2)
    u = x * x + 1
    f = lambda t: e(t * t)  # noqa: E731
    return {
        "5": [d(lambda t: e(t * t), x), 2 * x * e(x * x)], "5.2": [d(lambda t: e(t * t), x), e(x * x)],
        "9": [d(lambda t: math.log(t * t + 1), x), d(math.log, u) * d(lambda t: t * t + 1, x), 1 / u * 2 * x, 2 * x / (x * x + 1)],
        "11": [d(lambda t: math.log(t * t + 1), x), 1 / (x * x + 1)],
        "13": [d(lambda t: math.sin(3 * t), x), 3 * math.cos(3 * x)], "13.2": [d(lambda t: math.sin(3 * t), x), math.cos(3 * x)],
        "15.2": [d(lambda t: (1 + t**3) ** 5, x), 5 * (1 + x**3) ** 4 * 3 * x * x, 15 * x * x * (1 + x**3) ** 4],
        "15.3": [d(lambda t: (1 + t**3) ** 5, x), 5 * (1 + x**3) ** 4],
        "17": [d(lambda t: math.cos(t) ** 2, x), 2 * math.cos(x) * (-math.sin(x)), -math.sin(2 * x)],
        "17.2": [d(lambda t: math.cos(t) ** 2, x), 2 * math.sin(x) * math.cos(x)],
        "19": [d(lambda t: e(math.sin(t)), x), math.cos(x) * e(math.sin(x))],
        "19.2": [d(lambda t: e(math.sin(t)), x), e(math.sin(x)) * math.cos(x)],
        "19.4": [d(lambda t: e(math.sin(t)), 0.0), math.cos(0) * e(0), 1],
        "21": [d(lambda t: math.log(math.log(t)), x1), 1 / math.log(x1) / x1, 1 / (x1 * math.log(x1))],
        "21.2": [d(lambda t: math.log(math.log(t)), x1), 1 / math.log(x1)],
        "23.2": [d(lambda t: math.tan(t * t), x), 2 * x * sec2(x * x)], "23.3": [d(lambda t: math.tan(t * t), x), sec2(2 * x)],
        "25": [d(lambda t: math.sqrt(math.sin(t)), x), math.cos(x) / (2 * math.sqrt(math.sin(x)))],
        "25.2": [d(lambda t: math.sqrt(math.sin(t)), x), 1 / (2 * math.sqrt(math.cos(x)))],
        "27": [x**x, e(x * math.log(x))],
        "27.2": [d(lambda t: t**t, x), e(x * math.log(x)) * (math.log(x) + 1), x**x * (math.log(x) + 1)],
        "27.3": [d(lambda t: t**t, x), x * x ** (x - 1), x**x],
        "29": [d(lambda t: 2**t, x), 2**x * math.log(2)], "29.2": [d(lambda t: 2**t, x), x * 2 ** (x - 1)],
        "31": [d(lambda t: math.atan(e(t)), x), e(x) / (1 + e(2 * x))], "31.2": [d(lambda t: math.atan(e(t)), x), 1 / (1 + e(2 * x))],
        "35": [d2r(f, x), d(lambda t: 2 * t * e(t * t), x), 2 * e(x * x) + 4 * x * x * e(x * x), (2 + 4 * x * x) * e(x * x)],
        "37": [d2r(f, x), 4 * x * x * e(x * x)], "37.3": [d2r(f, 0.0), 0], "37.4": [d2r(f, 0.0), 2],
        "39": [d(lambda t: math.log(math.cos(t * t)), x), -math.sin(x * x) * 2 * x / math.cos(x * x), -2 * x * math.tan(x * x)],
        "39.2": [d(lambda t: math.log(math.cos(t * t)), x), -math.tan(x * x)],
    }


@document("272_recitation_inverse_2x2_systems")
def _(rng):
    a, b, c, d_ = rng.normal(size=4)
    A = np.array([[a, b], [c, d_]])
    B = rng.normal(size=(2, 2))
    inv = np.linalg.inv
    dt = a * d_ - b * c
    A0, B0 = np.array([[2.0, 1.0], [5.0, 3.0]]), np.array([[1.0, 2.0], [3.0, 4.0]])
    y0 = np.array([4.0, 11.0])
    x0 = np.linalg.solve(A0, y0)
    M = lambda *rows: np.array(rows, dtype=float)  # noqa: E731
    return {
        "3.2": [np.linalg.det(A), dt],
        "5": [inv(A), M([d_, -b], [-c, a]) / dt], "7": [inv(A), M([a, -b], [-c, d_]) / dt],
        "7.2": [inv(A), M([-d_, b], [c, -a]) / dt], "7.3": [np.linalg.det(inv(A)), 1 / np.linalg.det(A)],
        "7.4": [inv(2 * A), inv(A) / 2], "7.5": [inv(2 * A), 2 * inv(A)],
        "7.6": [np.linalg.det(2 * A), 4 * np.linalg.det(A)], "7.7": [np.linalg.det(2 * A), 2 * np.linalg.det(A)],
        "7.8": [np.linalg.det(-A), -np.linalg.det(A)],
        "9.2": [np.linalg.det(A0), 2 * 3 - 1 * 5, 1],
        "11": [inv(A0), M([3, -1], [-5, 2])], "11.2": [A0 @ inv(A0), M([6 - 5, -2 + 2], [15 - 15, -5 + 6]), np.eye(2)],
        "13": [inv(A0), M([2, -1], [-5, 3])], "13.2": [A0 @ M([2, -1], [-5, 3]), M([-1, 1], [-5, 4])],
        "17": [x0, inv(A0) @ y0, M([3 * 4 - 1 * 11], [-5 * 4 + 2 * 11]).ravel(), np.array([1.0, 2.0])],
        "19": [2 * x0[0] + x0[1], 2 * 1 + 2, 4], "19.2": [5 * x0[0] + 3 * x0[1], 5 * 1 + 3 * 2, 11],
        "19.3": [y0 @ inv(A0), np.array([-43.0, 18.0])], "19.4": [x0, np.array([-43.0, 18.0])],
        "21": [x0[0], (4 * 3 - 1 * 11) / np.linalg.det(A0), 1], "21.2": [x0[1], (2 * 11 - 4 * 5) / np.linalg.det(A0), 2],
        "21.3": [x0[1], (4 * 5 - 2 * 11) / np.linalg.det(A0), -2],
        "23.2": [np.linalg.det(B0), 4 - 6, -2], "23.3": [np.linalg.det(B0), 6 - 4, 2],
        "25": [inv(B0), -0.5 * M([4, -2], [-3, 1]), M([-2, 1], [1.5, -0.5])],
        "27": [inv(B0), 0.5 * M([4, -2], [-3, 1])], "27.2": [inv(B0), M([4, -2], [-3, 1])],
        "27.3": [np.linalg.det(inv(B0)), -0.5], "27.4": [np.linalg.det(inv(B0)), -2],
        "29": [inv(A @ B), inv(B) @ inv(A)], "29.2": [inv(A @ B), inv(A) @ inv(B)], "29.3": [inv(A.T), inv(A).T],
        "29.4": [inv(A0 @ B0), M([-2, 1], [1.5, -0.5]) @ M([3, -1], [-5, 2]), M([-11, 4], [7, -2.5])],
    }


@document("273_handout_huber_loss_cases")
def _(rng):
    dl = rng.uniform(0.2, 3)
    L = lambda r, dl=dl: 0.5 * r * r if abs(r) <= dl else dl * (abs(r) - 0.5 * dl)  # noqa: E731
    ri = rng.uniform(-0.95, 0.95) * dl                      # inside
    ro = (dl + rng.uniform(0.05, 3)) * rng.choice([-1.0, 1.0])   # in a tail
    rr = rng.normal(scale=3)
    rr = rr if abs(abs(rr) - dl) > 1e-3 else rr + 0.01
    pair_out = np.array([dl + 0.7, -dl - 0.7])               # both tails
    pair_in = np.array([0.6 * dl, -0.6 * dl])
    dL = lambda r, dl=dl: d(lambda t: L(t, dl), r)  # noqa: E731
    n, dim = int(rng.integers(2, 6)), int(rng.integers(1, 4))
    X, y, w = rng.normal(size=(n, dim)), rng.normal(size=n) * 2, rng.normal(size=dim)
    J = lambda w: sum(L(y[i] - w @ X[i]) for i in range(n))  # noqa: E731
    res = y - X @ w
    gJ = grad(J, w)
    i = int(rng.integers(0, n))
    P = lambda r, dl=dl: dl**2 * (math.sqrt(1 + (r / dl) ** 2) - 1)  # noqa: E731
    big, small = 1e4 * (abs(rr) + 1), 1e-7
    return {
        "9.2": [L(dl), dl * (dl - 0.5 * dl), 0.5 * dl**2], "9.4": [dl * (dl - dl), 0], "9.5": [dl * (dl - 0.5 * dl), dl**2],
        "11": [d(lambda t: 0.5 * t * t, rr), rr], "11.2": [d(abs, rr), np.sign(rr)],
        "13": [dL(ri) - ri, 0, dl * np.sign(ro) - dL(ro)],               # the two branches: r inside, then r in a tail
        "15": [dL(rr), max(-dl, min(rr, dl))],
        "15.2": [np.array([dL(t) for t in pair_out]), np.array([dl, dl])], "15.3": [dL(-2 * dl), dl],
        "15.4": [np.array([dL(t) for t in pair_in]), np.abs(pair_in)],
        "15.6": [dl * np.sign(dl), dl], "15.7": [d2r(L, ri, 1e-2 * dl), 1], "15.8": [d2r(L, ro, 1e-2), 0],
        "18.2": [L(0.5, 1.0), 1 / 8], "18.3": [L(0.5, 1.0), 1 / 4], "18.4": [d(lambda t: L(t, 1.0), 0.5), 0.5],
        "19.2": [L(3.0, 1.0), 3 - 0.5, 2.5], "19.3": [d(lambda t: L(t, 1.0), 3.0), 1], "19.4": [L(3.0, 1.0), 9 / 2],
        "20.2": [L(-2.0, 1.0), 2 - 0.5, 1.5], "20.3": [d(lambda t: L(t, 1.0), -2.0), -1], "20.4": [d(lambda t: L(t, 1.0), -2.0), 1],
        "21": [L(3.0, 1.0), 1 * (3 - 1), 2],
        "23.3": [grad(lambda w: y[i] - w @ X[i], w), -X[i]], "23.4": [grad(lambda w: y[i] - w @ X[i], w), X[i]],
        "25": [gJ, -sum(dL(res[k]) * X[k] for k in range(n))], "27": [gJ, sum(dL(res[k]) * X[k] for k in range(n))],
        "29": [L(rr, big), 0.5 * rr * rr], "29.2": [L(rr, small) / small, abs(rr)], "29.3": [L(rr, small), abs(rr)],
        "31.2": [d(P, rr), rr / math.sqrt(1 + (rr / dl) ** 2)], "31.3": [d(P, rr), dl**2 * rr / math.sqrt(1 + (rr / dl) ** 2)],
    }


@document("274_blog_softplus_sharpness_beta")
def _(rng):
    b, x, t = rng.uniform(0.2, 4), rng.normal(scale=2), rng.normal(scale=3)
    xp, xn, yv = rng.uniform(0.1, 3), -rng.uniform(0.1, 3), rng.uniform(0.1, 3)
    s = lambda x, b=b: float(np.logaddexp(0.0, b * x)) / b  # noqa: E731
    ds = lambda x, b=b: d(lambda u: s(u, b), x)  # noqa: E731
    inv = lambda y, b=b: math.log(math.expm1(b * y)) / b  # noqa: E731
    big, small = 1e8, 1e-7

    def root(y):                                             # s_beta^{-1}(y) by bisection
        lo, hi = -50.0, 50.0
        for _ in range(200):
            lo, hi = ((lo + hi) / 2, hi) if s((lo + hi) / 2) < y else (lo, (lo + hi) / 2)
        return lo
    return {
        "13": [ds(x), 1 / b * b * math.exp(b * x) / (1 + math.exp(b * x)), math.exp(b * x) / (1 + math.exp(b * x)), sig(b * x)],
        "15": [ds(x), b * sig(b * x)],
        "15.2": [d2r(s, x), b * sig(b * x) * (1 - sig(b * x))], "15.3": [d2r(s, x), sig(b * x) * (1 - sig(b * x))],
        "15.4": [d2r(s, 0.0), b / 4], "15.5": [d2r(s, 0.0), b * b / 4],
        "19": [d(lambda c: s(x, c), b), -math.log(1 + math.exp(b * x)) / b**2 + x / b * sig(b * x), (x * sig(b * x) - s(x)) / b],
        "21": [d(lambda c: s(x, c), b), x / b * sig(b * x)],
        "25": [math.log(1 + math.exp(t)), max(0, t) + math.log(1 + math.exp(-abs(t)))],
        "27": [s(x) - max(0, x), math.log(1 + math.exp(-b * abs(x))) / b],
        "29.2": [s(x) - max(0, x), math.log(1 + math.exp(-abs(x))) / b], "29.3": [s(0.0), math.log(2) / b],
        "29.4": [s(x, big), max(0, x)], "29.5": [d(lambda u: s(u, big), xp), 1], "29.6": [d(lambda u: s(u, big), xn), 0],
        "29.7": [ds(0.0), 0.5], "29.8": [d(lambda u: s(u, big), 0.0), 1],
        "31": [s(x, small) - math.log(2) / small, x / 2], "31.2": [sig(small * x), 0.5],
        "31.3": [s(x, small) - math.log(2) / small, x],
        "33": [s(x) - s(-x), x], "33.2": [max(0, x) - max(0, -x), x],
        "33.3": [root(yv), inv(yv)], "33.4": [root(yv), math.log(math.expm1(b * yv))],
        "37.2": [s(0.0, 2.0), math.log(2) / 2], "37.3": [s(0.0, 2.0), 2 * math.log(2)],
        "37.4": [s(1.0, 2.0), 0.5 * math.log(1 + math.e**2)], "37.5": [s(1.0, 2.0), math.log(1 + math.e**2)],
        "37.6": [d(lambda u: s(u, 2.0), 1.0), sig(2.0)], "37.7": [d(lambda u: s(u, 2.0), 1.0), 2 * sig(2.0)],
    }


@document("275_office_hours_two_dice")
def _(rng):
    faces = np.arange(1, 7)
    XX, YY = np.meshgrid(faces, faces, indexing="ij")
    X, Y = XX.ravel().astype(float), YY.ravel().astype(float)   # the 36 equally likely outcomes
    E = lambda Z: float(np.mean(Z))  # noqa: E731
    P = lambda event: float(np.mean(event))  # noqa: E731
    V = lambda Z: E(Z**2) - E(Z) ** 2  # noqa: E731
    C = lambda A, B: E(A * B) - E(A) * E(B)  # noqa: E731
    S, T, M, m = X + Y, X - Y, np.maximum(X, Y), np.minimum(X, Y)
    N = (X == 6).astype(float) + (Y == 6)
    D = (X == Y).astype(float)
    s, k = int(rng.integers(2, 13)), int(rng.integers(1, 7))
    x = float(rng.integers(1, 7))
    return {
        "5": [E(X), 21 / 6, 3.5], "5.2": [E(X), 6 / 2, 3], "5.3": [E(X**2), 91 / 6, 91 / 6], "5.4": [E(X**2), E(X) ** 2],
        "7": [V(X), 91 / 6 - 49 / 4, 35 / 12], "9": [V(X), 91 / 6 - 7 / 2],
        "9.2": [E(S), E(X) + E(Y), 7], "9.3": [V(S), V(X) + V(Y), 35 / 6], "9.4": [V(S), 35 / 12],
        "9.5": [V(S), 4 * V(X), 35 / 3], "9.6": [E(S**2), E(X**2) + E(Y**2), 91 / 3],
        "9.7": [C(X, S), V(X), 35 / 12], "9.8": [C(X, S), 0],
        "11": [P(S == s), (6 - abs(s - 7)) / 36], "11.2": [P(S == 7), 6 / 36, 1 / 6], "11.3": [P(S == 8), 5 / 36],
        "11.4": [P(S == 8), 1 / 11], "11.5": [P(S <= 4), 6 / 36], "11.6": [P(S <= 4), 3 / 36],
        "11.7": [P(S == 2), 2 / 36],
        "13": [E(S), sum(t * (6 - abs(t - 7)) / 36 for t in range(2, 13)), 7],
        "13.2": [E(S**2), sum(t * t * (6 - abs(t - 7)) / 36 for t in range(2, 13)), 329 / 6],
        "15": [V(S), 329 / 6 - 49, 35 / 6], "15.2": [E(S) ** 2, 14],
        "17": [x, sum(float(x >= j) for j in range(1, 7))], "17.2": [E(X), sum(P(X >= j) for j in range(1, 7)), 21 / 6],
        "17.4": [E(N), 1 / 3], "17.5": [V(N), 2 * (1 / 6) * (5 / 6), 5 / 18], "17.6": [V(N), (1 / 3) * (2 / 3)],
        "17.8": [E(D), 6 / 36, 1 / 6], "17.9": [E(D), 1 / 36], "17.10": [E(N), 1 / 36],
        "20.2": [E(T), 0], "20.3": [V(T), V(X) + V(Y), 35 / 6], "20.4": [V(T), V(X) - V(Y), 0],
        "20.5": [C(S, T), V(X) - V(Y)],
        "21.2": [P(M >= k), 1 - ((k - 1) / 6) ** 2], "21.3": [E(M), sum(P(M >= j) for j in range(1, 7)), 161 / 36],
        "21.4": [P(M == 6), 11 / 36], "21.5": [P(M == 6), 2 / 6], "21.6": [P(M >= k), ((7 - k) / 6) ** 2],
        "21.7": [E(M), 91 / 36], "21.8": [E(m), 91 / 36], "21.9": [E(M) + E(m), 7],
        "21.10": [P(M <= 3), 9 / 36], "21.11": [P(M <= 3), 3 / 6],
    }


@document("276_hw_kl_bernoulli_gradients")
def _(rng):
    p, q = rng.uniform(0.05, 0.95, size=2)
    D = lambda p, q: p * math.log(p / q) + (1 - p) * math.log((1 - p) / (1 - q))  # noqa: E731
    H = lambda p: -p * math.log(p) - (1 - p) * math.log(1 - p)  # noqa: E731
    Hx = lambda p, q: -p * math.log(q) - (1 - p) * math.log(1 - q)  # noqa: E731
    Dq, Dp = d(lambda t: D(p, t), q), d(lambda t: D(t, q), p)
    Dqq, Dpp = d2r(lambda t: D(p, t), q), d2r(lambda t: D(t, q), p)
    Dqq_p = d2r(lambda t: D(p, t), p)
    eta = math.log(q / (1 - q))
    De = d(lambda e: D(p, sig(e)), eta)
    p0, q0 = 0.5, 0.25
    e0 = math.log(q0 / (1 - q0))
    return {
        "7.3": [D(p, q), Hx(p, q) - H(p)], "7.4": [D(p, p), 0], "7.5": [Hx(p, p), 0], "7.6": [Hx(p, p), H(p)],
        "7.7": [D(p, q), H(p) - Hx(p, q)],
        "11": [Dq, -p / q + (1 - p) / (1 - q), (-p * (1 - q) + q * (1 - p)) / (q * (1 - q)), (q - p) / (q * (1 - q))],
        "13": [Dq, -p / q - (1 - p) / (1 - q)], "13.2": [d(lambda t: Hx(p, t), q), Dq],
        "13.3": [Dqq, p / q**2 + (1 - p) / (1 - q) ** 2], "13.4": [Dqq_p, 1 / (p * (1 - p))],
        "13.5": [Dqq_p, 1 / p**2 + 1 / (1 - p) ** 2],
        "17": [Dp, math.log(p / q) + 1 - math.log((1 - p) / (1 - q)) - 1, math.log(p * (1 - q) / (q * (1 - p)))],
        "19": [Dp, math.log(p / q) + 1], "19.2": [Dp, math.log(p / q) + math.log((1 - p) / (1 - q))],
        "19.3": [Dpp, 1 / p + 1 / (1 - p), 1 / (p * (1 - p))],
        "21.2": [d(sig, eta), q * (1 - q)], "21.3": [d(sig, eta), q],
        "23": [De, (q - p) / (q * (1 - q)) * q * (1 - q), q - p], "25": [De, (q - p) / (q * (1 - q))],
        "29": [D(p0, q0), 0.5 * math.log(2) + 0.5 * math.log(2 / 3), 0.5 * math.log(4 / 3)], "31": [D(p0, q0), 0.5 * math.log(3 / 4)],
        "32": [D(q0, p0), 0.25 * math.log(0.5) + 0.75 * math.log(1.5), 0.75 * math.log(3) - math.log(2)],
        "32.2": [D(q0, p0), 0.5 * math.log(4 / 3)],
        "32.3": [d(lambda t: D(p0, t), q0), (1 / 4 - 1 / 2) / (3 / 16), -4 / 3],
        "32.4": [d(lambda t: D(t, q0), p0), math.log((0.5 * 0.75) / (0.25 * 0.5)), math.log(3)],
        "32.5": [d(lambda t: D(t, q0), p0), math.log(2) + 1],
        "32.6": [d(lambda e: D(p0, sig(e)), e0), 1 / 4 - 1 / 2, -1 / 4], "32.7": [d(lambda e: D(p0, sig(e)), e0), -4 / 3],
    }


@document("277_reading_group_tied_embeddings_gradient")
def _(rng):
    V = int(rng.integers(3, 7))
    dim = int(rng.integers(2, V))                            # d != V
    E, A = rng.normal(size=(V, dim)), rng.normal(size=(dim, dim))
    a, b = (int(v) for v in rng.choice(V, size=2, replace=False))
    t0 = int(next(t for t in rng.permutation(V) if t not in (a, b)))
    nll = lambda z: -(z[b] - lse(z))  # noqa: E731
    Lu = lambda Ein, Eout: nll(Eout @ (A @ Ein[a]))  # noqa: E731
    L = lambda E: Lu(E, E)  # noqa: E731
    G = grad(L, E)
    h = A @ E[a]
    z = E @ h
    p = softmax(z)
    ub = np.eye(V)[b]
    ua = np.eye(V)[a]
    gz = grad(nll, z)
    gout = grad(lambda M: Lu(E, M), E)
    gin = grad(lambda M: Lu(M, E), E)
    gh = grad(lambda v: nll(E @ v), h)
    gx = grad(lambda v: nll(E @ (A @ v)), E[a])
    C = p[a] * h + A.T @ E.T @ (p - ub)
    others = [t for t in range(V) if t != a]
    L0 = lambda e: -(e[1] * e[0] - lse(np.array([e[0] * e[0], e[1] * e[0]])))  # noqa: E731   V = 2, d = 1, A = 1, a = 1, b = 2
    e0 = np.array([1.0, 2.0])
    g0 = grad(L0, e0)
    p1 = 1 / (1 + math.e)
    f0 = lambda e: math.log(1 + math.exp(e[0] ** 2 - e[0] * e[1]))  # noqa: E731
    ev = rng.normal(size=2)
    return {
        "11": [gz, p - ub], "11.2": [gz, ub - p], "11.3": [gout, np.outer(p - ub, h)], "11.4": [gout, np.outer(h, p - ub)],
        "11.5": [gh, E.T @ (p - ub)], "11.6": [gx, A.T @ E.T @ (p - ub)],
        "13": [G, np.outer(p - ub, h) + np.outer(ua, p - ub) @ E @ A],
        "15": [G, np.outer(p - ub, h)], "15.2": [gh, mat(E, p - ub)], "15.4": [G, np.outer(p - ub, h) + np.outer(ua, p - ub) @ E],
        "19": [G[t0] - p[t0] * h, np.zeros(dim), (p[b] - 1) * h - G[b], (p[b] - 1) * h - G[b] + (C - G[a])],
        "21": [G[others], np.array([(p[t] - 1) * h for t in others])],
        "21.2": [G, gin + gout],
        "23.7": [e0[0] * 1.0, 1], "23.8": [np.array([e0[0] * 1.0, e0[1] * 1.0]), np.array([1.0, 2.0])],
        "23.9": [softmax(np.array([1.0, 2.0]))[0], p1], "23.10": [L0(ev), f0(ev)],
        "25": [g0[0], sig(1 - 2) * (2 * 1 - 2), 0], "25.2": [g0[1], -1 * sig(1 - 2), -p1],
        "27": [g0[0], p1], "27.2": [g0[0], 2 * p1],
        "29": [2 * V * dim + dim**2 - (V * dim + dim**2), V * dim],
        "29.4": [50000 * 512, 25600000], "29.5": [50000 * 512, 2560000],
    }


@document("278_hw_sigmoid_neuron_backprop")
def _(rng):
    n = int(rng.integers(2, 6))
    w, x = rng.normal(size=n), rng.normal(size=n)
    b, y = rng.normal(size=2)
    i = int(rng.integers(n))
    z = w @ x + b
    a = sig(z)
    L = lambda w, b: 0.5 * (sig(w @ x + b) - y) ** 2  # noqa: E731
    gw, gb = grad(lambda v: L(v, b), w), d(lambda t: L(w, t), b)
    dLda, dadz = d(lambda t: 0.5 * (t - y) ** 2, a), d(sig, z)
    delta = (a - y) * a * (1 - a)
    w0, b0, x0, y0 = np.array([1.0, -1.0]), -1.0, np.array([2.0, 1.0]), 1.0
    L0 = lambda w, b: 0.5 * (sig(w @ x0 + b) - y0) ** 2  # noqa: E731
    gw0, gb0 = grad(lambda v: L0(v, b0), w0), d(lambda t: L0(w0, t), b0)
    z0 = w0 @ x0 + b0
    return {
        "7": [dLda, a - y], "7.2": [dadz, sig(z) * (1 - sig(z)), a * (1 - a)], "7.3": [grad(lambda v: v @ x + b, w), x],
        "9": [dLda, 2 * (a - y)], "9.2": [dadz, sig(z) ** 2],
        "13": [gw, (a - y) * a * (1 - a) * x], "13.2": [gb, (a - y) * a * (1 - a)],
        "15": [gw, (a - y) * x], "15.2": [gb, (a - y) * a * (1 - a) * x],
        "15.4": [gw[i], delta * x[i]], "15.6": [gb, delta],
        "19": [z0, 1 * 2 + (-1) * 1 - 1, 0], "19.2": [sig(z0), sig(0), 0.5], "19.3": [L0(w0, b0), 0.5 * (0.5 - 1) ** 2, 1 / 8],
        "21": [(sig(z0) - y0) * sig(z0) * (1 - sig(z0)), -0.5 * 0.25, -1 / 8],
        "23": [gw0, -1 / 8 * np.array([2.0, 1.0]), np.array([-1 / 4, -1 / 8])], "23.2": [gb0, -1 / 8],
        "25": [gw0[0], -1], "25.2": [gb0, 1 / 8], "25.3": [gb0, -1 / 4],
        "27.3": [b0 - 0.5 * gb0, -15 / 16],
        "29": [w0 - 0.5 * gw0, np.array([1 + 1 / 8, -1 + 1 / 16]), np.array([9 / 8, -15 / 16])],
        "31": [b0 + 0.5 * gb0, -15 / 16], "31.2": [9 / 8 * 2 - 15 / 16 - 15 / 16, 3 / 8], "31.3": [9 / 8 * 2 - 15 / 16 - 1, 3 / 8],
    }


@document("279_notes_softmax_jacobian_matrix_form")
def _(rng):
    K = int(rng.integers(3, 7))
    z = rng.normal(size=K)
    y = rng.dirichlet(np.ones(K))
    i, j = (int(v) for v in rng.choice(K, size=2, replace=False))
    p = softmax(z)
    P = np.diag(p) - np.outer(p, p)
    J = jac(softmax, z)
    Jlog = jac(lambda v: np.log(softmax(v)), z)
    L = lambda v: -float(np.sum(y * np.log(softmax(v))))  # noqa: E731
    g = grad(L, z)
    Hs = np.array([[partial2(L, z, a, b) for b in range(K)] for a in range(K)])
    y2 = 2 * np.eye(K)[int(rng.integers(K))]
    g2 = grad(lambda v: -float(np.sum(y2 * np.log(softmax(v)))), z)
    one = np.ones(K)
    z0, y0 = np.array([0.0, math.log(2), math.log(3)]), np.array([0.0, 0.0, 1.0])
    p0 = softmax(z0)
    L0 = lambda v: -float(np.sum(y0 * np.log(softmax(v))))  # noqa: E731
    J0 = jac(softmax, z0)
    return {
        "6": [math.log(p[i]), z[i] - lse(z)], "8": [Jlog[i, j], delta(i, j) - p[j]],
        "12": [J[i, i] - p[i] * (1 - p[i]), 0.0, J[i, j] + p[i] * p[j]],
        "14": [Jlog[i, j], delta(i, j) - p[i]],
        "17": [J, P], "17.2": [J.T, J], "17.3": [P @ one, p - p * (p @ one), np.zeros(K)],
        "17.4": [J, np.diag(p) - p @ p], "17.5": [J, np.outer(p, p) - np.diag(p)],
        "22": [g[j], -np.sum(y / p * J[:, j]), -np.sum(y * (np.eye(K)[j] - p[j])), p[j] * y.sum() - y[j], p[j] - y[j]],
        "24.2": [g[j], -(y[j] / p[j]) * J[j, j], -y[j] * (1 - p[j])], "24.3": [g, -y / p],
        "29": [g, -J.T @ (y / p), -(y - p * (one @ y)), p - y],
        "34": [Hs, P], "34.2": [g, y - p], "34.3": [Hs, -P], "34.5": [g2, 2 * p - y2], "34.6": [g2, p - y2],
        "37.4": [p0, np.array([1 / 6, 1 / 3, 1 / 2])], "37.5": [L0(z0), -math.log(1 / 2), math.log(2)],
        "39": [grad(L0, z0), p0 - y0, np.array([1 / 6, 1 / 3, -1 / 2])],
        "41": [J0[0, 1], -1 / 6 * 1 / 3, -1 / 18], "41.2": [J0[2, 2], 1 / 2 * 1 / 2, 1 / 4], "41.3": [J0[2, 2], p0[2], 1 / 2],
        "41.4": [-1 / 6 * 1 / 2 - 1 / 3 * 1 / 2 + 1 / 4, 0], "41.5": [1 / 6 + 1 / 3 - 1 / 2, 1 / 3],
        "41.6": [L0(z0), -math.log(1 / 3)],
    }


@document("280_lecture_batchnorm_one_feature")
def _(rng):
    m = int(rng.integers(2, 7))
    x, g = rng.normal(size=m), rng.normal(size=m)
    eps = rng.uniform(0.05, 0.5)
    gam, bet = rng.normal(size=2)
    k = int(rng.integers(m))

    def norm(x, eps):
        mu = np.mean(x)
        return (x - mu) / np.sqrt(np.mean((x - mu) ** 2) + eps)

    L = lambda x, gam, bet, g=g, eps=eps: float(g @ (gam * norm(x, eps) + bet))  # noqa: E731
    mu, var = np.mean(x), np.var(x)
    xh, sd = norm(x, eps), math.sqrt(np.var(x) + eps)
    gx = grad(lambda v: L(v, gam, bet), x)
    dgam, dbet = d(lambda t: L(x, t, bet), gam), d(lambda t: L(x, gam, t), bet)
    dmu, dvar = partial(np.mean, x, k), partial(np.var, x, k)
    full = gam / (m * sd) * (m * g[k] - g.sum() - xh[k] * (g @ xh))
    x0, g0, e0 = np.array([1.0, 3.0]), np.array([1.0, 0.0]), 0.0
    xh0 = norm(x0, e0)
    y0 = 2 * xh0 + 1
    L0 = lambda x, gam, bet: L(x, gam, bet, g0, e0)  # noqa: E731
    gx0 = grad(lambda v: L0(v, 2.0, 1.0), x0)
    return {
        "11.3": [xh.sum(), 0], "11.4": [np.sum(xh**2), m * var / (var + eps)], "11.5": [np.sum(xh**2), m],
        "15": [dbet, g.sum()], "15.2": [dgam, g @ xh], "17": [dgam, g.sum()],
        "19": [dmu, 1 / m], "20": [dvar, 2 / m * (x[k] - mu) - 2 / m * np.sum(x - mu) / m, 2 / m * (x[k] - mu)],
        "23": [dvar, 2 * (x[k] - mu)],
        "25": [gx[k], full], "27": [gx[k], gam * g[k] / sd], "27.2": [gx.sum(), 0],
        "27.3": [gx[k], gam / (m * sd) * (m * g[k] - g.sum() + xh[k] * (g @ xh))],
        "31": [np.mean(x0), (1 + 3) / 2, 2], "31.2": [np.var(x0), ((1 - 2) ** 2 + (3 - 2) ** 2) / 2, 1],
        "33": [xh0[0], -1], "33.2": [xh0[1], 1], "33.5": [y0[0], -1], "33.6": [y0[1], 3], "33.7": [y0[1], 2],
        "33.8": [y0[1], 2 * xh0[1] + 1],
        "33.11": [d(lambda t: L0(x0, 2.0, t), 1.0), 1],
        "33.12": [d(lambda t: L0(x0, t, 1.0), 2.0), 1 * (-1) + 0 * 1, -1],
        "35": [gx0[0], 2 / (2 * 1) * (2 - 1 - (-1) * (-1)), 0],
        "37.2": [gx0[0], 2], "37.3": [np.var(x0), 2], "37.4": [d(lambda t: L0(x0, t, 1.0), 2.0), 1 * 1 + 0 * (-1), 1],
    }


@document("281_forum_relu_leaky_derivative_at_zero")
def _(rng):
    al = rng.uniform(0.05, 0.95)
    R = lambda t: max(0.0, t)  # noqa: E731
    f = lambda t, a=al: t if t > 0 else a * t  # noqa: E731
    xp, xn = rng.uniform(0.1, 3), -rng.uniform(0.1, 3)
    x = xp if rng.random() < 0.5 else xn
    w, v = rng.normal(size=2)
    v = v if abs(w * v) > 1e-3 else 1.0
    tt = np.linspace(0, 12, 200001)

    def EN(pos, neg):
        """E[g(X)], X ~ N(0, 1), g = pos on x > 0 and neg on x < 0 (vectorised)."""
        phi = np.exp(-tt**2 / 2) / math.sqrt(2 * math.pi)
        trap = lambda y: float(np.sum((y[1:] + y[:-1]) / 2) * (tt[1] - tt[0]))  # noqa: E731
        return trap(pos(tt) * phi) + trap(neg(-tt) * phi)

    one, zero, ident = (lambda t: np.ones_like(t)), (lambda t: np.zeros_like(t)), (lambda t: t)
    hq = 1e-8
    ER, ER2 = EN(ident, zero), EN(lambda t: t**2, zero)
    return {
        "11": [d(R, xp) - 1, 0.0, d(R, xn) - 0], "11.2": [d(f, xp) - 1, 0.0, d(f, xn) - al], "13": [d(f, xn), al * xn],
        "15": [(R(hq) - R(0)) / hq, 1], "15.2": [(R(-hq) - R(0)) / -hq, 0],
        "15.3": [(f(-hq) - f(0)) / -hq, al], "15.4": [(f(-hq) - f(0)) / -hq, 0],
        "17": [R(x), x * d(R, x)],
        "19": [f(x), max(x, al * x), (1 - al) * R(x) + al * x, R(x) - al * R(-x)],
        "21": [d(f, x), (1 - al) * d(R, x) + al], "21.2": [f(x), R(x) + al * R(-x)], "21.3": [d(f, x), (1 - al) * d(R, x)],
        "23.3": [f(-2, 0.1), -0.2], "23.4": [d(lambda t: f(t, 0.1), -2), 0.1], "23.5": [R(-2), 0], "23.6": [d(R, -2), 0],
        "23.7": [d(lambda t: f(t, 0.1), -2), -0.2],
        "25": [d(lambda t: R(t * v), w), v * d(R, w * v)], "27.3": [d(lambda t: R(t * v), w), d(R, w * v)],
        "29": [EN(one, zero), EN(one, zero), 1 / 2], "29.2": [EN(one, lambda t: al * np.ones_like(t)), (1 + al) / 2],
        "29.3": [ER, 1 / math.sqrt(2 * math.pi)], "29.4": [ER2, 1 / 2], "29.5": [ER, 1 / 2],
        "29.6": [ER2 - ER**2, 1 / 2 - 1 / (2 * math.pi)], "29.7": [ER2 - ER**2, 1 / 2],
        "29.8": [EN(ident, lambda t: al * t), (1 - al) / math.sqrt(2 * math.pi)],
        "29.9": [EN(ident, lambda t: al * t), (1 + al) / math.sqrt(2 * math.pi)], "29.10": [R(x) + R(-x), abs(x)], "29.11": [R(x) - R(-x), abs(x)],
    }


@document("282_appendix_regularised_logistic_hessian")
def _(rng):
    n = int(rng.integers(3, 7))
    dim = int(rng.integers(2, n))                            # d != n
    X, w, v = rng.normal(size=(n, dim)), rng.normal(size=dim), rng.normal(size=dim)
    y = rng.permutation(np.array([0.0, 1.0] + [float(b) for b in rng.integers(0, 2, size=n - 2)]))
    lam, t = rng.uniform(0.1, 2), rng.normal()
    i = int(rng.integers(n))
    ell = lambda w, i, X=X, y=y: -(y[i] * math.log(sig(X[i] @ w)) + (1 - y[i]) * math.log(1 - sig(X[i] @ w)))  # noqa: E731
    J = lambda w, X=X, y=y, lam=lam: sum(ell(w, k, X, y) for k in range(len(y))) + lam / 2 * float(w @ w)  # noqa: E731
    z = X @ w
    mu = sig(z)
    S = np.diag(mu * (1 - mu))
    g = grad(J, w)
    H = np.array([[partial2(J, w, a, b) for b in range(dim)] for a in range(dim)])
    X0, y0, w0 = np.array([[1.0], [-1.0]]), np.array([1.0, 0.0]), np.array([0.0])
    J0 = lambda w: J(w, X0, y0, 1.0)  # noqa: E731
    g0, H0 = float(grad(J0, w0)[0]), float(partial2(J0, w0, 0, 0))
    return {
        "12": [math.log(sig(t)), -math.log(1 + math.exp(-t))], "12.2": [math.log(1 - sig(t)), -math.log(1 + math.exp(t))],
        "14": [ell(w, i), math.log(1 + math.exp(z[i])) - y[i] * z[i], math.log(1 + math.exp(-z[i])) + (1 - y[i]) * z[i]],
        "17": [ell(w, i), math.log(1 + math.exp(-z[i])) - y[i] * z[i]],
        "19": [d(lambda s: math.log(1 + math.exp(s)), t), sig(t)], "19.2": [grad(lambda u: ell(u, i), w), (mu[i] - y[i]) * X[i]],
        "21": [g, sum((mu[k] - y[k]) * X[k] for k in range(n)) + lam * w, X.T @ (mu - y) + lam * w],
        "23": [g, X.T @ (mu - y) + 2 * lam * w], "23.3": [g, X.T @ (y - mu) + lam * w],
        "25": [grad(lambda u: sig(X[i] @ u), w), mu[i] * (1 - mu[i]) * X[i]],
        "27": [H, sum(mu[k] * (1 - mu[k]) * np.outer(X[k], X[k]) for k in range(n)) + lam * np.eye(dim),
               X.T @ S @ X + lam * np.eye(dim)],
        "29": [v @ H @ v, sum(mu[k] * (1 - mu[k]) * (X[k] @ v) ** 2 for k in range(n)) + lam * (v @ v)],
        "29.2": [H, X.T @ X + lam * np.eye(dim)], "29.3": [H, UNDEFINED if mat(X, S) is UNDEFINED else X @ S @ X.T + lam * np.eye(n)],
        "31.7": [sig(X0 @ w0), np.array([0.5, 0.5])],
        "33": [g0, 1 * (0.5 - 1) + (-1) * (0.5 - 0), -1], "34": [H0, 1 / 4 + 1 / 4 + 1, 3 / 2],
        "36": [0 - g0 / H0, 2 / 3], "36.2": [H0, 3], "36.3": [H0, 1 / 2],
        "36.4": [J0(w0), 2 * math.log(2)], "36.5": [J0(w0), math.log(2)],
    }


@document("283_exam_least_squares_normal_equations")
def _(rng):
    m = int(rng.integers(3, 7))
    n = int(rng.integers(2, m))
    A, b, x = rng.normal(size=(m, n)), rng.normal(size=m), rng.normal(size=n)
    f = lambda x, A=A, b=b: float(np.sum((A @ x - b) ** 2))  # noqa: E731
    g = grad(f, x)
    xh = np.linalg.solve(A.T @ A, A.T @ b)
    H = np.array([[partial2(f, x, a, c) for c in range(n)] for a in range(n)])
    A0, b0 = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]]), np.array([1.0, 2.0, 0.0])
    xh0 = np.linalg.lstsq(A0, b0, rcond=None)[0]
    f0 = lambda x: f(x, A0, b0)  # noqa: E731
    return {
        "7": [f(x), x @ A.T @ A @ x - 2 * b @ A @ x + b @ b],
        "11": [g, 2 * A.T @ A @ x - 2 * A.T @ b, 2 * A.T @ (A @ x - b)],
        "13": [g, A.T @ (A @ x - b)], "13.2": [g, mat(2 * A, A @ x - b)], "13.3": [g, 2 * A.T @ (b - A @ x)],
        "13.4": [f(x), x @ A.T @ A @ x - b @ A @ x + b @ b],
        "15.2": [A.T @ A @ xh, A.T @ b],
        "19": [A.T @ (A @ xh - b), np.zeros(n)], "19.2": [f(xh), b @ b - b @ A @ xh], "19.3": [H, 2 * A.T @ A],
        "19.4": [xh, UNDEFINED], "19.5": [f(xh), 0],
        "25": [A0.T @ A0, np.array([[2.0, 1.0], [1.0, 2.0]])], "25.2": [np.linalg.det(A0.T @ A0), 4 - 1, 3],
        "25.3": [A0.T @ b0, np.array([1.0, 2.0])],
        "27": [xh0, np.array([[2.0, -1.0], [-1.0, 2.0]]) @ np.array([1.0, 2.0]) / 3, np.array([0.0, 3.0]) / 3, np.array([0.0, 1.0])],
        "29": [A0 @ xh0 - b0, np.array([-1.0, -1.0, 1.0])], "29.2": [A0.T @ (A0 @ xh0 - b0), np.zeros(2)],
        "29.3": [f0(xh0), 3], "29.4": [b0 @ b0 - b0 @ A0 @ xh0, 5 - 2, 3],
        "31": [np.linalg.det(A0.T @ A0), 4 + 1, 5], "31.2": [xh0, np.array([0.0, 3.0])],
        "31.3": [xh0, np.array([4.0, 5.0]) / 3], "31.4": [A0.T @ b0, np.array([1.0, 2.0, 0.0])],
        "31.5": [grad(f0, np.zeros(2)), -2 * A0.T @ b0, np.array([-2.0, -4.0])], "31.6": [grad(f0, np.zeros(2)), np.array([-1.0, -2.0])],
    }


@document("284_nb_tanh_two_layer_finite_differences")
def _(rng):
    x, y, w1, b1, w2, b2 = rng.normal(size=6)
    a = w1 * x + b1
    h = math.tanh(a)
    r = w2 * h + b2 - y
    L = lambda p: 0.5 * (p[2] * math.tanh(p[0] * x + p[1]) + p[3] - y) ** 2  # noqa: E731
    G = grad(L, np.array([w1, b1, w2, b2]))
    gh = d(lambda t: 0.5 * (w2 * t + b2 - y) ** 2, h)
    ga = d(lambda t: 0.5 * (w2 * math.tanh(t) + b2 - y) ** 2, a)
    p0 = np.array([math.log(2), 0.0, 2.0, 0.0])
    L0 = lambda p: 0.5 * (p[2] * math.tanh(p[0] * 1.0 + p[1]) + p[3] - 1.0) ** 2  # noqa: E731
    G0 = grad(L0, p0)
    h0 = math.tanh(math.log(2))
    return {
        "1:9": [d(math.tanh, a), 1 - math.tanh(a) ** 2, 4 / (math.exp(a) + math.exp(-a)) ** 2], "1:11": [d(math.tanh, a), 1 - math.tanh(a)],
        "1:14": [G[2], r * h], "1:14.2": [G[3], r], "1:14.3": [gh, r * w2], "1:15": [ga, r * w2 * (1 - h**2)],
        "1:16": [G[0], r * w2 * (1 - h**2) * x], "1:16.2": [G[1], r * w2 * (1 - h**2)],
        "1:19": [G[0], r * w2 * (1 - h**2)], "1:19.2": [G[0], r * (1 - h**2) * x], "1:19.3": [G[1], r * w2 * (1 - h**2) * x],
        "3:3.7": [math.log(2) * 1 + 0, math.log(2)],
        "3:5": [h0, math.tanh(math.log(2)), (2 - 1 / 2) / (2 + 1 / 2), 3 / 5],
        "3:7": [2 * h0 + 0, 6 / 5], "3:7.2": [2 * h0 - 1, 1 / 5], "3:7.3": [L0(p0), 0.5 * (1 / 25), 1 / 50], "3:7.4": [L0(p0), 1 / 25],
        "3:7.5": [1 - h0**2, 16 / 25], "3:7.6": [(1 - h0) ** 2, 4 / 25],
        "3:9": [G0[2], 1 / 5 * 3 / 5, 3 / 25], "3:9.2": [G0[0], 1 / 5 * 2 * 16 / 25 * 1, 32 / 125], "3:11": [G0[1], G0[0]],
        "5:3": [32 / 125, 0.256], "5:3.2": [G0[0], 1 / 5 * 2 * 2 / 5, 4 / 25], "5:3.3": [G0[0], 16 / 125],
        "5:3.4": [G0[3], 2 / 5], "5:3.5": [G0[3], 2 * h0 - 1, 0.2], "5:3.6": [G0[2], (2 * h0 - 1) * 2, 2 / 5],
    }


@document("285_worksheet_logsumexp_softmax_hessian")
def _(rng):
    n = int(rng.integers(2, 7))
    x, v = rng.normal(size=n), rng.normal(size=n)
    c, a = rng.normal(size=2)
    i, k = int(rng.integers(n)), int(rng.integers(n))
    s = softmax(x)
    g = grad(lse, x)
    H = np.array([[partial2(lse, x, p, q) for q in range(n)] for p in range(n)])
    one = np.ones(n)
    S = np.diag(s) - np.outer(s, s)
    curv = d2r(lambda t: lse(x + t * v), 0.0)
    x0, v0 = np.array([0.0, 0.0, math.log(2)]), np.array([1.0, 0.0, 0.0])
    H0 = np.array([[partial2(lse, x0, p, q) for q in range(3)] for p in range(3)])
    sp = lambda t: math.log(1 + math.exp(t))  # noqa: E731
    return {
        "11": [g[i], 1 / np.sum(np.exp(x)) * math.exp(x[i]), s[i]], "13": [g, s], "13.2": [g.sum(), 1],
        "13.3": [g[i], math.exp(x[i])], "13.4": [g[i], 1 / np.sum(np.exp(x))], "13.5": [g.sum(), n],
        "17": [H[k, i], s[i] * delta(i, k) - s[i] * s[k]], "17.2": [H, S], "19": [H, np.diag(s)],
        "21": [curv, v @ H @ v, np.sum(s * v**2) - np.sum(s * v) ** 2], "23": [curv, np.sum(s * v**2)],
        "23.2": [d(lambda t: lse(x + t * v), 0.0), s @ v],
        "25": [lse(x + c * one), lse(x) + c], "25.2": [softmax(x + c * one), softmax(x)],
        "25.4": [lse(x), np.max(x) + math.log(np.sum(np.exp(x - np.max(x))))],
        "25.5": [lse(x + c * one), lse(x)], "25.6": [lse(x + c * one), lse(x) + n * c], "25.7": [lse(2 * x), 2 * lse(x)],
        "25.9": [lse(np.zeros(n)), math.log(n)],
        "29": [lse(x0), math.log(1 + 1 + 2), math.log(4), 2 * math.log(2)], "29.2": [softmax(x0), np.array([0.25, 0.25, 0.5])],
        "31": [H0[2, 2], 1 / 2 - 1 / 4, 1 / 4], "31.2": [H0[0, 2], -1 / 4 * 1 / 2, -1 / 8],
        "31.3": [H0[2, 2], 1 / 2], "31.4": [H0[0, 2], -1 / 4], "31.5": [lse(x0), math.log(2)],
        "31.7": [1 / 4 - 1 / 16, 3 / 16],
        "33.3": [lse(np.array([a, 0.0])), sp(a)], "33.4": [d(sp, a), sig(a)], "33.5": [d(sp, a), 1 / (1 + math.exp(a))],
    }


@document("286_recitation_vanishing_sigmoid_products")
def _(rng):
    L = int(rng.integers(2, 7))
    w = rng.normal(size=L) * 1.5
    x, t = rng.normal(size=2)
    l = int(rng.integers(1, L + 1))                           # a layer 1..L

    def forward(x, w):
        hs, As = [x], []
        for wl in w:
            As.append(wl * hs[-1])
            hs.append(sig(As[-1]))
        return hs, As

    hs, As = forward(x, w)
    ds = lambda t: sig(t) * (1 - sig(t))  # noqa: E731
    dsig = lambda t: d(sig, t)  # noqa: E731
    full = d(lambda u: forward(u, w)[0][-1], x)
    loc = d(lambda u: sig(w[l - 1] * u), hs[l - 1])
    prod = float(np.prod([w[k] * ds(As[k]) for k in range(L)]))
    dw1 = d(lambda u: forward(x, np.concatenate([[u], w[1:]]))[0][-1], w[0])
    rest = float(np.prod([w[k] * ds(As[k]) for k in range(1, L)]))
    w0 = np.array([1.0, 2.0])
    g0 = d(lambda u: forward(u, w0)[0][-1], 0.0)
    e = math.e
    return {
        "9": [loc, w[l - 1] * dsig(As[l - 1])], "9.2": [dsig(t), sig(t) * (1 - sig(t))], "9.4": [dsig(0.0), 1 / 4], "9.5": [dsig(0.0), 1 / 2],
        "13": [full, float(np.prod([d(lambda u, k=k: sig(w[k] * u), hs[k]) for k in range(L)])), prod],
        "15": [full, float(np.prod([ds(a) for a in As]))], "15.2": [full, float(sum(w[k] * ds(As[k]) for k in range(L)))],
        "15.3": [full, rest],
        "17": [dw1, x * ds(As[0]) * rest], "19.2": [dw1, x * ds(As[0]) * prod],
        "21": [(1 / 4) ** 10, 1 / 1048576], "21.2": [(1 / 4) ** 10, 1 / 40], "21.4": [(2 * 1 / 4) ** 5, 1 / 32], "21.5": [2**5 / 4, 8],
        "23.5": [1.0 * 0, 0], "23.6": [sig(0.0), 1 / 2], "23.7": [2 * sig(0.0), 1], "23.8": [dsig(1.0), e / (1 + e) ** 2],
        "23.9": [sig(1.0), e / (1 + e)],
        "25": [g0, 1 * 1 / 4 * 2 * e / (1 + e) ** 2, e / (2 * (1 + e) ** 2)], "27": [g0, e / (4 * (1 + e) ** 2)], "27.2": [g0, 1 / 8],
        "29": [sig(t), (1 + math.tanh(t / 2)) / 2], "29.2": [dsig(t), 1 / 4 * (1 - math.tanh(t / 2) ** 2)],
        "29.3": [d(math.tanh, 0.0), 1], "29.4": [dsig(t), 1 / 2 * (1 - math.tanh(t / 2) ** 2)], "29.5": [dsig(t), sig(t)],
    }


@document("287_handout_dropout_keep_probability")
def _(rng):
    n = int(rng.integers(2, 6))
    q = rng.uniform(0.1, 0.9)
    h, w = rng.normal(size=n) * 2, rng.normal(size=n)
    i = int(rng.integers(n))
    masks = [np.array(bits, dtype=float) for bits in np.ndindex(*([2] * n))]
    prob = [float(np.prod(np.where(mk == 1, q, 1 - q))) for mk in masks]
    E = lambda f: sum(p * f(mk) for p, mk in zip(prob, masks))  # noqa: E731
    V = lambda f: E(lambda mk: f(mk) ** 2) - E(f) ** 2  # noqa: E731
    plain, inv = (lambda mk: mk[i] * h[i]), (lambda mk: mk[i] * h[i] / q)
    zf, K = (lambda mk: float(np.sum(w * mk * h / q))), (lambda mk: float(mk.sum()))
    mi = 1.0 if rng.random() < q else 0.0
    q0, h0 = 0.8, 2.0
    E1 = lambda f: q0 * f(1.0) + (1 - q0) * f(0.0)  # noqa: E731
    V1 = lambda f: E1(lambda m: f(m) ** 2) - E1(f) ** 2  # noqa: E731
    return {
        "6.2": [E(lambda mk: mk[i]), q], "6.3": [mi**2, mi],
        "8": [E(plain), q * h[i]], "8.2": [E(lambda mk: plain(mk) ** 2), q * h[i] ** 2],
        "8.3": [V(plain), q * h[i] ** 2 - q**2 * h[i] ** 2, q * (1 - q) * h[i] ** 2],
        "10": [E(plain), h[i]], "10.2": [V(plain), q * h[i] ** 2],
        "15": [E(inv), q * h[i] / q, h[i]], "15.2": [V(inv), q * (1 - q) * h[i] ** 2 / q**2, (1 - q) / q * h[i] ** 2],
        "17": [V(inv), (1 - q) * h[i] ** 2],
        "17.2": [d(lambda t: mi * t / q, h[i]), mi / q] if mi else [d(lambda t: mi * t / q, h[i]), 0.0],
        "17.3": [d(lambda t: 1.0 * t / q, h[i]), 1.0],
        "22": [E(zf), float(np.sum(w * h)), w @ h], "22.2": [V(zf), (1 - q) / q * float(np.sum(w**2 * h**2))],
        "24.2": [E(K), n * q], "24.3": [V(K), n * q * (1 - q)], "24.4": [V(K), n * q],
        "27.3": [E1(lambda m: m * h0), 0.8 * 2, 1.6], "27.4": [V1(lambda m: m * h0), 0.8 * 0.2 * 4, 0.64],
        "27.5": [V1(lambda m: m * h0 / q0), 0.2 / 0.8 * 4, 1], "27.6": [V1(lambda m: m * h0), 0.8 * 4, 3.2],
        "27.7": [V1(lambda m: m * h0 / q0), 0.2 * 4, 0.8],
        "27.9": [100 * q0, 80], "27.10": [100 * q0 * (1 - q0), 16], "27.11": [E(K), n * (1 - q)], "27.12": [100 * q0 * (1 - q0), 0.8 * 100, 80],
    }


@document("288_blog_adam_bias_correction")
def _(rng):
    b1, b2 = rng.uniform(0.5, 0.99, size=2)
    t = int(rng.integers(2, 9))
    gs = rng.normal(size=t)
    g = rng.normal() + (1.0 if rng.random() < 0.5 else -1.0)
    mu, s = rng.normal(), rng.uniform(0.2, 2)

    def run(seq, b, square=False):
        m = 0.0
        for x in seq:
            m = b * m + (1 - b) * (x * x if square else x)
        return m

    mt = run(gs, b1)
    mc, vc = run([g] * t, b1), run([g] * t, b2, True)
    mh, vh = mc / (1 - b1**t), vc / (1 - b2**t)
    Em, Ev = run([mu] * t, b1), run([mu**2 + s**2] * t, b2)    # by linearity, E[g_t^2] = mu^2 + s^2
    m1, v1 = run([g], 0.9), run([g], 0.999, True)
    return {
        "11": [mt, (1 - b1) * sum(b1 ** (t - k) * gs[k - 1] for k in range(1, t + 1))],
        "13": [(1 - b1) * sum(b1 ** (t - k) for k in range(1, t + 1)), 1 - b1**t],
        "13.2": [(1 - b1) * sum(b1**k for k in range(1, t + 1)), 1 - b1**t],
        "18": [mc, (1 - b1**t) * g], "18.2": [vc, (1 - b2**t) * g**2], "20": [mc, (1 - b1) ** t * g], "20.2": [mc, b1**t * g],
        "22": [mh, mc / (1 - b1**t), g], "22.2": [vh, vc / (1 - b2**t), g**2], "24.2": [mh / math.sqrt(vh), np.sign(g)],
        "24.3": [mh, mc / (1 - b1), g],
        "27.4": [m1, 0.1 * g], "27.5": [v1, 0.001 * g**2],
        "29": [m1 / math.sqrt(v1), 0.1 / math.sqrt(0.001) * np.sign(g), math.sqrt(10) * np.sign(g)],
        "31": [m1 / math.sqrt(v1), 10 * np.sign(g)],
        "36": [Em, (1 - b1**t) * mu], "36.2": [Ev, (1 - b2**t) * (mu**2 + s**2)],
        "38": [Em / (1 - b1**t), mu], "38.2": [Ev / (1 - b2**t), mu**2 + s**2], "38.3": [Ev, (1 - b2**t) * mu**2],
        "38.4": [Ev / (1 - b2**t), s**2], "38.5": [0.5 * ((mu + s) ** 2 + (mu - s) ** 2), mu**2 + s**2], "38.7": [run([g, g], 0.9), 0.09 * g + 0.1 * g, 0.19 * g], "38.8": [run([g, g], 0.9), 0.1 * g],
    }


@document("289_office_hours_label_smoothing_logits")
def _(rng):
    K = int(rng.integers(2, 7))
    eps = rng.uniform(0.05, 0.6)
    z = rng.normal(size=K)
    c, k = (int(v) for v in rng.choice(K, size=2, replace=False))
    u = np.eye(K)[c]
    t = (1 - eps) * u + eps / K * np.ones(K)
    p = softmax(z)
    L = lambda v, t=t: -float(np.sum(t * np.log(softmax(v))))  # noqa: E731
    g = grad(L, z)
    zs = np.log(t)                                           # logits at the minimum, p = t
    t0 = 0.8 * np.eye(4)[0] + 0.05 * np.ones(4)
    L0 = lambda v: L(v, t0)  # noqa: E731
    g0 = grad(L0, np.zeros(4))
    zs0 = np.log(t0)
    return {
        "7": [t.sum(), 1 - eps + eps, 1], "9": [g, p - t],
        "11": [g[c] - (p[c] - 1 + eps - eps / K), 0.0, g[k] - (p[k] - eps / K)],
        "13": [g[k], p[k] - eps], "13.2": [g[c], p[c] - 1 + eps], "13.3": [g, p - u],
        "15": [L(z), (1 - eps) * -math.log(p[c]) + eps * -float(np.mean(np.log(p)))],
        "17.2": [math.log(p[c]) - math.log(p[k]), z[c] - z[k]],
        "19": [zs[c] - zs[k], math.log((1 - eps + eps / K) / (eps / K))],
        "23.3": [t0[0], 0.8 + 0.05, 0.85], "23.4": [t0[1], 0.05],
        "23.5": [zs0[0] - zs0[1], math.log(0.85 / 0.05), math.log(17)], "23.6": [zs0[0] - zs0[1], math.log(0.8 / 0.2), math.log(4)],
        "23.8": [softmax(np.zeros(4))[1], 1 / 4],
        "23.9": [g0[0], 0.25 - 0.85, -0.6], "23.10": [g0[1], 0.25 - 0.05, 0.2], "23.11": [g0[0], -0.75],
        "23.12": [L0(np.zeros(4)), math.log(4)], "23.13": [L0(np.zeros(4)), 0.8 * math.log(4)], "23.14": [t[c], 1 - eps], "23.15": [t[k], eps / (K - 1)],
    }


@document("290_hw_weight_decay_vs_l2_penalty")
def _(rng):
    dim = int(rng.integers(2, 6))
    A, b = rng.normal(size=(dim, dim)), rng.normal(size=dim)
    f = lambda w: float(np.sum(np.sin(A @ w)) + b @ w)  # noqa: E731   a smooth loss
    w, w0 = rng.normal(size=dim), rng.normal(size=dim)
    eta, lam = rng.uniform(0.01, 0.5), rng.uniform(0.01, 1)
    P = np.diag(rng.uniform(0.2, 5, size=dim))
    I = np.eye(dim)
    g = grad(f, w)
    gF = grad(lambda v: f(v) + lam / 2 * float(v @ v), w)
    sgd = w - eta * gF
    rho = 1 - (sgd + eta * g) / w                            # the decoupled rate that reproduces the SGD step
    gc = rng.normal(size=dim)                                # (b): a constant gradient
    w1 = w0 - eta * (gc + lam * w0)
    w2 = w1 - eta * (gc + lam * w1)
    l2, dw = w - eta * P @ (g + lam * w), w - eta * P @ g - eta * lam * w
    l2_0, w_0 = 1 - 0.1 * 4 * (0.5 + 0.01 * 1), 1 - 0.1 * 4 * 0.5 - 0.1 * 0.01 * 1
    return {
        "5": [gF, g + lam * w], "7": [sgd, w - eta * (g + lam * w), (1 - eta * lam) * w - eta * g],
        "9.2": [rho, eta * lam * np.ones(dim)], "9.3": [gF, g + 2 * lam * w], "9.4": [sgd, (1 - lam) * w - eta * g],
        "9.5": [sgd, (1 - eta * lam) * (w - eta * g)], "9.6": [rho, lam / eta * np.ones(dim)],
        "11": [w1, (1 - eta * lam) * w0 - eta * gc],
        "13": [w2, (1 - eta * lam) * w1 - eta * gc, (1 - eta * lam) ** 2 * w0 - eta * (2 - eta * lam) * gc],
        "15": [w2, (1 - eta * lam) ** 2 * w0 - 2 * eta * gc],
        "19": [l2 - dw, eta * lam * w - eta * lam * P @ w, eta * lam * (I - P) @ w],
        "21.2": [l2 - dw, np.zeros(dim)], "21.3": [l2 - dw, eta * lam * (P - I) @ w],
        "23.6": [(1 - 0.1 * 0.01) * 1 - 0.1 * 0.5, (1 - 0.001) * 1 - 0.05, 0.949], "23.7": [(1 - 0.01) * 1 - 0.05, 0.94],
        "25": [l2_0, 1 - 0.1 * 4 * (0.5 + 0.01), 0.796], "25.2": [w_0, 1 - 0.1 * 4 * 0.5 - 0.001, 0.799],
        "27": [0.1 * 0.01 * (1 - 4) * 1, 0.001 * (-3), -0.003],
        "27.2": [w_0, 0.796], "27.3": [l2_0, 0.799], "27.5": [l2_0 - w_0, -0.012], "27.6": [4 - 1, 3],
    }


@document("291_reading_group_attention_score_scaling")
def _(rng):
    dim = int(rng.integers(2, 5))
    tau = rng.uniform(0.3, 2)
    i = int(rng.integers(dim))
    # exact moments over Rademacher entries scaled by tau (mean 0, variance tau^2), all 2^(2d) sign patterns
    signs = np.array(list(np.ndindex(*([2] * (2 * dim)))), dtype=float) * 2 - 1

    def moments(scale, f):
        vals = np.array([f(scale * row[:dim], scale * row[dim:]) for row in signs])
        return float(vals.mean()), float(vals.var())

    Es, Vs = moments(1.0, lambda q, k: q @ k)
    _, Vsd = moments(1.0, lambda q, k: q @ k / math.sqrt(dim))
    _, Vsdd = moments(1.0, lambda q, k: q @ k / dim)
    Epk, Vpk = moments(1.0, lambda q, k: q[i] * k[i])
    _, Vtau = moments(tau, lambda q, k: q @ k)
    # Gaussian entries for q^T q: Gauss-Hermite quadrature in each coordinate
    x, wts = np.polynomial.hermite_e.hermegauss(30)
    wts = wts / wts.sum()
    E1 = lambda f: float(np.sum(wts * f(x)))  # noqa: E731
    Eqq = dim * E1(lambda t: t**2)
    Vqq = dim * (E1(lambda t: t**4) - E1(lambda t: t**2) ** 2)   # independent coordinates: variances add
    a1 = lambda a: softmax(a)[0]  # noqa: E731
    e = math.e
    A8, A1 = np.array([8.0, 0.0]), np.array([1.0, 0.0])
    J1 = jac(softmax, A1)
    al = softmax(A1)
    qv, kv = rng.normal(size=dim), rng.normal(size=dim)
    return {
        "5": [qv @ kv, qv @ kv, sum(qv[j] * kv[j] for j in range(dim))],
        "7": [Epk, 0.0 * 0.0, 0], "7.2": [Vpk, 1.0 * 1.0, 1],
        "9": [Es, 0], "9.2": [Vs, dim * Vpk, dim], "9.3": [Vsd, dim / dim, 1],
        "11": [Vs, 1], "11.2": [Vsdd, 1], "11.3": [Vsdd, 1 / dim], "11.4": [Vs, dim**2], "11.5": [Vsd, 1 / math.sqrt(dim)],
        "13": [Vtau, dim * tau**4], "13.2": [Vtau, dim * tau**2], "13.3": [Eqq, dim], "13.4": [Eqq, 0],
        "13.5": [Vqq, 2 * dim], "13.6": [E1(lambda t: t**4), 3], "13.7": [Vqq, dim],
        "15.2": [math.sqrt(64), math.sqrt(64), 8], "15.3": [math.sqrt(64), 64],
        "15.4": [a1(A8), math.exp(8) / (math.exp(8) + 1), 1 / (1 + math.exp(-8))],
        "15.5": [jac(softmax, A8)[0, 0], a1(A8) * (1 - a1(A8))], "15.6": [math.sqrt(64), 8],
        "17": [al[0], e / (1 + e)], "17.2": [J1[0, 0], al[0] * (1 - al[0]), e / (1 + e) ** 2],
        "19": [J1[0, 0], al[0]], "19.2": [J1[0, 0], e / (1 + e**2)],
        "19.3": [J1[0, 1], -al[0] * al[1], -e / (1 + e) ** 2], "19.4": [J1[0, 1], e / (1 + e) ** 2],
    }


@document("292_hw_frobenius_least_squares_gradient")
def _(rng):
    m, n, p = (int(k) for k in rng.integers(2, 5, size=3))
    A, B, X, E = rng.normal(size=(m, n)), rng.normal(size=(m, p)), rng.normal(size=(n, p)), rng.normal(size=(n, p))
    f = lambda X: float(np.sum((A @ X - B) ** 2))  # noqa: E731
    R = A @ X - B
    M = rng.normal(size=(m, p))
    j, k = int(rng.integers(0, n)), int(rng.integers(0, p))
    g = grad(f, X)
    lost = 2 * A.T @ A @ X - B if m == n else UNDEFINED
    a, b, x, t = rng.normal(), rng.normal(), rng.normal(), rng.normal()
    A2, B2, I2 = np.array([[1.0, 2], [0, 1]]), np.array([[1.0, 0], [0, 0]]), np.eye(2)
    f2 = lambda X: float(np.sum((A2 @ X - B2) ** 2))  # noqa: E731
    R2 = A2 @ I2 - B2
    E12, E22 = np.array([[0.0, 1], [0, 0]]), np.array([[0.0, 0], [0, 1]])
    return {
        "5": [np.sum(M**2), np.trace(M.T @ M)],
        "7": [f(X + E) - f(X), 2 * np.trace(R.T @ A @ E) + np.trace(E.T @ A.T @ A @ E)],
        "11": [g, 2 * A.T @ R, 2 * A.T @ (A @ X - B)],
        "13": [partial(f, X, (j, k)), 2 * sum(A[i, j] * R[i, k] for i in range(m))],
        "15": [g, A.T @ (A @ X - B)], "15.2": [g, mat(2 * (A @ X - B), A.T)], "15.3": [g, lost],
        "19": [d(lambda x: (a * x - b) ** 2, x), 2 * a * (a * x - b)],
        "21": [d(lambda x: (a * x - b) ** 2, x), 2 * (a * x - b)],
        "27": [A2 @ I2 - B2, np.array([[0, 2], [0, 1]])],
        "27.2": [f2(I2), 0**2 + 2**2 + 0**2 + 1**2, 5],
        "30": [grad(f2, I2), 2 * np.array([[1, 0], [2, 1]]) @ np.array([[0, 2], [0, 1]]), np.array([[0, 4], [0, 10]])],
        "34": [f2(I2 + t * E12), (2 + t) ** 2 + 1],
        "34.3": [2 * A2 @ R2, np.array([[0, 8], [0, 2]])], "34.4": [grad(f2, I2), 2 * A2 @ R2],
        "36": [f2(I2 + t * E22), (2 + 2 * t) ** 2 + (1 + t) ** 2],
        "36.2": [d(lambda t: (2 + 2 * t) ** 2 + (1 + t) ** 2, t), 4 * (2 + 2 * t) + 2 * (1 + t)],
        "36.4": [d(lambda t: (2 + 2 * t) ** 2, t), 2 * (2 + 2 * t)],
    }

@document("293_notes_geometric_series_k_r_k")
def _(rng):
    r = rng.uniform(0.1, 0.9) * rng.choice([-1.0, 1.0])
    n = int(rng.integers(1, 9))
    K = np.arange(0, 3000)
    S = lambda r, n=n: sum(r**k for k in range(n + 1))  # noqa: E731
    inf = lambda f: float(np.sum(f(K)))  # noqa: E731
    p = rng.uniform(0.05, 0.95)
    EN = inf(lambda k: k * (1 - p) * p**k)
    dinf = d(lambda u: 1 / (1 - u), r)
    return {
        "7": [S(r) - r * S(r), 1 - r ** (n + 1)], "7.2": [S(r) - r * S(r), 1 - r**n],
        "9": [S(r), (1 - r ** (n + 1)) / (1 - r)], "11": [S(r), (1 - r**n) / (1 - r)],
        "11.2": [inf(lambda k: r**k), 1 / (1 - r)],
        "11.4": [inf(lambda k: r**k) - 1, r / (1 - r)], "11.5": [inf(lambda k: r**k) - 1, 1 / (1 - r)],
        "17": [inf(lambda k: k * r ** np.maximum(k - 1, 0)), dinf, 1 / (1 - r) ** 2],
        "21": [inf(lambda k: k * r**k), r / (1 - r) ** 2], "23": [inf(lambda k: k * r**k), 1 / (1 - r) ** 2],
        "23.3": [dinf, -1 / (1 - r) ** 2],
        "27": [sum(k * r ** (k - 1) for k in range(1, n + 1)), (1 - (n + 1) * r**n + n * r ** (n + 1)) / (1 - r) ** 2],
        "29": [sum(k * r ** (k - 1) for k in range(1, n + 1)), (1 - (n + 1) * r**n) / (1 - r) ** 2],
        "33.2": [inf(lambda k: 2.0**-k), 2], "33.3": [inf(lambda k: k * 2.0**-k), (1 / 2) / (1 / 4), 2],
        "33.4": [inf(lambda k: k * 2.0**-k), 1 / (1 / 4), 4],
        "35": [EN, (1 - p) * inf(lambda k: k * p**k), (1 - p) * p / (1 - p) ** 2, p / (1 - p)],
        "37.2": [inf(lambda k: k * 0.5 * 0.5**k), 1], "37.3": [inf(lambda k: k * 0.5 * 0.5**k), 1 / (1 - 0.5)],
        "39.3": [S(3.0, 3), 1 + 3 + 9 + 27, 40], "39.4": [(1 - 81) / (1 - 3), 40],
        "39.5": [sum(k * 3 ** (k - 1) for k in range(1, 4)), 1 + 6 + 27, 34],
        "39.6": [(1 - 4 * 27 + 3 * 81) / 4, 34], "39.7": [sum(k * 3**k for k in range(1, 4)), 34],
    }

@document("294_lecture_taylor_log_sqrt_remainders")
def _(rng):
    nodes, weights = np.polynomial.legendre.leggauss(40)

    def quad(f, a, b):                                               # Gauss-Legendre on [a, b]
        t = (b - a) / 2 * nodes + (b + a) / 2
        return (b - a) / 2 * float(np.sum(weights * f(t)))
    x = rng.uniform(-0.5, 1.5)
    k = int(rng.integers(1, 7))
    f = lambda x: math.log(1 + x)  # noqa: E731
    g = lambda x: math.sqrt(1 + x)  # noqa: E731
    fk = lambda k, x: (-1) ** (k - 1) * math.factorial(k - 1) * (1 + x) ** -k  # noqa: E731
    T3 = lambda x: sum((-1) ** (j - 1) / j * x**j for j in range(1, 4))  # noqa: E731

    def binom(a, j):
        return math.prod(a - i for i in range(j)) / math.factorial(j)
    P = lambda n, x: sum(binom(0.5, j) * x**j for j in range(n + 1))  # noqa: E731
    R3 = f(x) - T3(x)
    f4 = lambda t: -6 / (1 + t) ** 4  # noqa: E731
    return {
        "9": [d(f, x), 1 / (1 + x)], "9.2": [d(lambda t: 1 / (1 + t), x), -1 / (1 + x) ** 2],
        "9.3": [d(lambda t: -1 / (1 + t) ** 2, x), 2 / (1 + x) ** 3], "11": [d(lambda t: -1 / (1 + t) ** 2, x), -2 / (1 + x) ** 3],
        "11.2": [d(lambda t: fk(k - 1, t), x) if k > 1 else d(f, x), (-1) ** (k - 1) * math.factorial(k - 1) * (1 + x) ** -k],
        "11.3": [fk(k, 0.0), (-1) ** k * math.factorial(k - 1)], "11.4": [d(f, 0.0), 1],
        "13": [T3(x), x - x**2 / 2 + x**3 / 3], "15": [T3(x), x - x**2 + 2 * x**3],
        "15.2": [T3(0.1), 0.1 - 0.01 + 0.002, 0.092],
        "17.2": [d(lambda t: fk(3, t), x), -6 / (1 + x) ** 4],
        "19": [R3, quad(lambda t: f4(t) / 6 * (x - t) ** 3, 0, x), -quad(lambda t: (x - t) ** 3 / (1 + t) ** 4, 0, x)],
        "22": [R3, -quad(lambda t: (x - t) ** 3 / (4 * (1 + t) ** 4), 0, x)],
        "22.2": [T3(0.1), 0.1 - 0.005 + 1 / 3000, 143 / 1500], "22.3": [0.1**4 / 4, 2.5e-5],
        "26": [d(g, x), 1 / (2 * math.sqrt(1 + x))], "26.2": [d(lambda t: 1 / (2 * math.sqrt(1 + t)), x), -1 / (4 * (1 + x) ** 1.5)],
        "26.3": [d(lambda t: -1 / (4 * (1 + t) ** 1.5), x), 3 / (8 * (1 + x) ** 2.5)],
        "28": [d(lambda t: 1 / (2 * math.sqrt(1 + t)), x), 1 / (4 * (1 + x) ** 1.5)],
        "28.2": [binom(0.5, 2), (1 / 2) * (-1 / 2) / 2, -1 / 8], "28.3": [binom(0.5, 2), 1 / 8],
        "28.4": [binom(0.5, 3), (1 / 2) * (-1 / 2) * (-3 / 2) / 6, 1 / 16],
        "30": [P(2, x), 1 + x / 2 - x**2 / 8], "31": [P(3, x), 1 + x / 2 - x**2 / 8 + x**3 / 16],
        "33": [P(2, x), 1 + x / 2 - x**2 / 4], "35": [1.21, 1.1**2],
        "37": [P(2, 0.21), 1 + 0.105 - 0.0055125, 1.0994875], "39": [P(2, 0.21), 1 + 0.105 - 0.0441, 1.0609],
    }

@document("295_forum_cosine_similarity_gradient")
def _(rng):
    dim = int(rng.integers(2, 6))
    u, v = rng.normal(size=dim), rng.normal(size=dim)
    nrm = np.linalg.norm
    c = lambda u, v: float(u @ v / (nrm(u) * nrm(v)))  # noqa: E731
    g = grad(lambda w: c(w, v), u)
    nu, nv, cc = nrm(u), nrm(v), c(u, v)
    uh, vh = u / nu, v / nv
    al = rng.uniform(0.1, 3)
    u0, v0 = np.array([1.0, 0]), np.array([1.0, 1])
    g0 = grad(lambda w: c(w, v0), u0)
    s2 = 1 / math.sqrt(2)
    return {
        "7": [g, v / (nu * nv)],
        "11": [grad(nrm, u), u / nu], "11.2": [grad(nrm, u), 2 * u],
        "14": [g, v / (nu * nv) - (u @ v) / (nu**2 * nv) * u / nu, v / (nu * nv) - (u @ v) / (nu**3 * nv) * u, (vh - cc * uh) / nu],
        "19.3": [g, v / (nu * nv) - (u @ v) / (nu**2 * nv) * u],
        "23": [u @ g, (u @ v) / (nu * nv) - (u @ v) * nu**2 / (nu**3 * nv), 0],
        "25": [c(al * u, v), cc], "25.2": [c(-u, v), cc],
        "27": [nrm(g), math.sqrt(1 - cc**2) / nu], "27.2": [nrm(g), (1 - cc**2) / nu],
        "29.3": [c(u0, v0), s2], "29.4": [c(u0, v0), 1 / 2],
        "31": [g0, s2 * np.array([1, 1]) - s2 * np.array([1, 0]), np.array([0, s2])],
        "33": [g0, np.array([s2, s2])], "33.2": [nrm(u0), 1],
        "35.2": [grad(lambda w: 1 - c(w, v), u), -g],
        "35.3": [d(lambda t: c(u + t * v, v), 0.0), nv / nu * (1 - cc**2)],
    }

@document("296_appendix_bptt_scalar_linear_rnn")
def _(rng):
    T = int(rng.integers(3, 8))
    t = int(rng.integers(1, T + 1))
    t = t if 2 * t != T else t + 1                                   # keep T - t and t apart
    w, y = rng.uniform(-1.5, 1.5), rng.normal()
    xs = rng.normal(size=T)

    def run(w, xs, h0=0.0):                                          # h_0, ..., h_T
        h = [h0]
        for x in xs:
            h.append(w * h[-1] + x)
        return h
    h = run(w, xs)
    L = lambda w, xs: 0.5 * (run(w, xs)[-1] - y) ** 2  # noqa: E731
    hT_from = lambda ht: run(w, xs[t:], ht)[-1]  # noqa: E731 (the state at step t pushed on to T)
    dT = d(lambda u: run(u, xs)[-1], w)
    dL = d(lambda u: L(u, xs), w)
    dx = lambda s, w=w, xs=xs: partial(lambda z: L(w, z), xs, s - 1)  # noqa: E731
    x3, w3 = np.array([1.0, 0, 1]), 2.0
    h3 = run(w3, x3)
    d3 = d(lambda u: run(u, x3)[-1], w3)
    dL3 = d(lambda u: 0.5 * run(u, x3)[-1] ** 2, w3)
    dx3 = lambda s: partial(lambda z: 0.5 * run(w3, z)[-1] ** 2, x3, s - 1)  # noqa: E731
    d1 = d(lambda u: run(u, xs)[-1], 1.0)
    return {
        "12": [h[-1], sum(w ** (T - s) * xs[s - 1] for s in range(1, T + 1))],
        "14": [d(hT_from, h[t]), w ** (T - t)], "14.2": [d(hT_from, h[t]), w ** (T - t + 1)],
        "14.4": [d(lambda u: 0.5 * (u - y) ** 2, h[-1]), h[-1] - y],
        "14.5": [d(lambda u: 0.5 * (run(w, xs[t - 1:], u)[-1] - y) ** 2, h[t - 1]),
                 w * d(lambda u: 0.5 * (run(w, xs[t:], u)[-1] - y) ** 2, h[t])],
        "14.6": [d(lambda u: 0.5 * (run(w, xs[t:], u)[-1] - y) ** 2, h[t]), w ** (T - t) * (h[-1] - y)],
        "14.7": [d(lambda u: 0.5 * (run(w, xs[t:], u)[-1] - y) ** 2, h[t]), w**t * (h[-1] - y)],
        "16": [dx(t), d(lambda u: 0.5 * (run(w, xs[t:], u)[-1] - y) ** 2, h[t]), w ** (T - t) * (h[-1] - y)],
        "18": [d(lambda u: u * h[t - 1] + xs[t - 1], w), h[t - 1]],
        "20": [dT, sum(w ** (T - k) * h[k - 1] for k in range(1, T + 1))],
        "21": [dL, (h[-1] - y) * sum(w ** (T - k) * h[k - 1] for k in range(1, T + 1))],
        "23": [dL, sum(w ** (T - k) * h[k - 1] for k in range(1, T + 1))],
        "23.2": [dT, sum((T - s) * w ** (T - s - 1) * xs[s - 1] for s in range(1, T + 1))],
        "23.3": [dT, sum(w ** (T - k) * xs[k - 1] for k in range(1, T + 1))],
        "25.5": [h3[1], 1], "25.6": [h3[2], 2], "25.7": [h3[3], 2 * 2 + 1, 5],
        "25.8": [0.5 * h3[3] ** 2, 25 / 2], "25.9": [0.5 * h3[3] ** 2, 25],
        "27": [d3, w3**2 * h3[0] + w3 * h3[1] + h3[2], 0 + 2 + 2, 4], "28": [dL3, 5 * 4, 20],
        "30": [(3 - 1) * 2 * 1 + (3 - 2) * 1 * 0, 4], "30.3": [d3, 16], "30.4": [d3, 4 + 0 + 1, 5], "30.5": [dL3, 25],
        "30.6": [dx3(1), 2**2 * 5, 20], "30.7": [dx3(3), 5], "30.8": [dx3(1), 2**3 * 5],
        "32.2": [d1, sum(run(1.0, xs)[k - 1] for k in range(1, T + 1)), sum((T - s) * xs[s - 1] for s in range(1, T + 1))],
        "32.3": [d1, sum((s - 1) * xs[s - 1] for s in range(1, T + 1))],
    }

@document("297_exam_integration_by_parts_drills")
def _(rng):
    nodes, weights = np.polynomial.legendre.leggauss(40)

    def quad(f, a, b):                                               # Gauss-Legendre on [a, b]
        t = (b - a) / 2 * nodes + (b + a) / 2
        return (b - a) / 2 * float(np.sum(weights * f(t)))
    e, pi = math.e, math.pi
    x = rng.uniform(-2, 2)
    n = int(rng.integers(1, 7))
    I = lambda n: quad(lambda t: t**n * np.exp(t), 0, 1)  # noqa: E731
    F = lambda x: (x - 1) * math.exp(x)  # noqa: E731
    a = quad(lambda t: t * np.exp(t), 0, 1)
    b = quad(lambda t: t * np.log(t), 1, e)
    c = quad(lambda t: t * t * np.sin(t), 0, pi)
    dd = quad(lambda t: t * np.cos(t), 0, pi / 2)
    sin0pi = quad(np.sin, 0, pi)
    return {
        "7": [a, 1 * e - 0 - quad(np.exp, 0, 1), e - (e - 1), 1],
        "9.2": [d(F, x), math.exp(x) + (x - 1) * math.exp(x), x * math.exp(x)],
        "9.3": [a, 2 * e - 1, 2 * e - 1], "9.4": [quad(np.exp, 0, 1), e],
        "13": [b, e * e / 2 * math.log(e) - 0 - quad(lambda t: t / 2, 1, e), e * e / 2 - (e * e - 1) / 4, (e * e + 1) / 4],
        "15": [quad(lambda t: t / 2, 1, e), (e * e - 1) / 2], "15.2": [b, 1 / 2],
        "20": [c, -pi * pi * math.cos(pi) + 0 + 2 * quad(lambda t: t * np.cos(t), 0, pi),
               pi * pi + 2 * (pi * math.sin(pi) - 0 - sin0pi), pi * pi + 2 * (0 - 2), pi * pi - 4],
        "26": [sin0pi, 0], "26.2": [c, pi * pi], "26.3": [c, pi * pi + 4],
        "28": [dd, pi / 2 * math.sin(pi / 2) - 0 - quad(np.sin, 0, pi / 2), pi / 2 - 1], "28.2": [dd, pi / 2 + 1],
        "32": [I(n), e - n * I(n - 1)], "34": [I(0), e - 1],
        "34.2": [I(1), e - (e - 1), 1], "34.3": [I(2), e - 2 * I(1), e - 2], "34.4": [I(3), e - 3 * I(2), 6 - 2 * e],
        "34.5": [I(n), e + n * I(n - 1)], "34.6": [I(2), e + 2],
    }

@document("298_nb_kmeans_centroid_gradient")
def _(rng):
    K, dim = int(rng.integers(2, 4)), int(rng.integers(1, 4))
    c = np.concatenate([np.arange(K), np.arange(K), rng.integers(0, K, size=int(rng.integers(0, 5)))])
    n = len(c)
    X, M = rng.normal(size=(n, dim)) * 2, rng.normal(size=(K, dim))
    k = int(rng.integers(0, K))
    J = lambda M: float(np.sum((X - M[c]) ** 2))  # noqa: E731
    g = grad(lambda m: J(np.vstack([M[:k], m[None], M[k + 1:]])), M[k])
    Xk = X[c == k]
    nk, xbar = len(Xk), Xk.mean(axis=0)
    m = rng.normal(size=dim)
    sq = lambda A: float(np.sum(A**2))  # noqa: E731
    x5, c5 = np.array([1.0, 2, 4, 7, 8]), np.array([0, 0, 1, 1, 1])
    J5 = lambda m1, m2: float(np.sum((x5 - np.array([m1, m2])[c5]) ** 2))  # noqa: E731
    d1 = d(lambda t: J5(t, 5.0), 2.0)
    d2 = d(lambda t: J5(2.0, t), 5.0)
    return {
        "1:9": [g, -2 * np.sum(Xk - M[k], axis=0), 2 * nk * M[k] - 2 * np.sum(Xk, axis=0), 2 * nk * (M[k] - xbar)],
        "1:11": [g, 2 * np.sum(Xk - M[k], axis=0)], "1:11.2": [g, -2 * np.sum(X - M[k], axis=0)],
        "1:15": [sq(Xk - m), sq(Xk - xbar) + nk * sq(xbar - m)], "1:17": [sq(Xk - m), sq(Xk - xbar) + sq(xbar - m)],
        "3:3.5": [np.sum(c5 == 0), 2], "3:3.6": [np.sum(c5 == 1), 3],
        "3:5": [J5(2.0, 5.0), 1 + 0 + 1 + 4 + 9, 15], "3:7": [J5(2.0, 5.0), 1 + 0 + 1 + 2 + 3, 7],
        "3:10": [d1, -2 * ((1 - 2) + (2 - 2)), 2], "3:10.2": [d2, -2 * (-1 + 2 + 3), -8], "3:12": [d2, 2 * (-1 + 2 + 3), 8],
        "3:12.2": [x5[c5 == 0].mean(), 3 / 2], "3:12.3": [x5[c5 == 1].mean(), 19 / 3], "3:12.4": [x5[c5 == 1].mean(), 6],
        "3:12.6": [5 - 1 / 6 * (-8), 19 / 3], "3:12.8": [5 - 1 / 3 * (-8), 23 / 3], "3:12.9": [5 - 1 / 3 * d2, x5[c5 == 1].mean()],
        "3:16": [J5(1.5, 19 / 3), 1 / 4 + 1 / 4 + 49 / 9 + 4 / 9 + 25 / 9, 55 / 6], "3:18": [J5(1.5, 19 / 3), 26 / 3],
    }

@document("299_worksheet_inverse_trig_hyperbolic_derivatives")
def _(rng):
    x = rng.uniform(-0.9, 0.9)
    xp, xn, xr, xc = rng.uniform(0.1, 4), -rng.uniform(0.1, 4), rng.normal(scale=2), rng.uniform(1.1, 4)
    y = math.asin(x)
    A = lambda t: math.atan(t) + math.atan(1 / t)  # noqa: E731
    th = math.tanh(xr)
    return {
        "5.2": [math.sin(y), x], "5.3": [math.cos(y) * d(math.asin, x), 1],
        "5.4": [math.cos(y), math.sqrt(1 - x * x)], "5.5": [math.cos(y), -math.sqrt(1 - x * x)],
        "7": [d(math.asin, x), 1 / math.sqrt(1 - x * x)],
        "9": [d(math.acos, x), -1 / math.sqrt(1 - x * x)], "9.2": [math.acos(x), math.pi / 2 - math.asin(x)],
        "9.3": [d(math.atan, xr), 1 / (1 + xr * xr)], "9.4": [d(math.acos, x), 1 / math.sqrt(1 - x * x)],
        "13": [A(xp) - math.pi / 2, 0, A(xn) + math.pi / 2],           # the two cases: x > 0, then x < 0
        "15": [d(A, xn), 1 / (1 + xn * xn) - 1 / xn**2 * 1 / (1 + 1 / xn**2), 0],
        "15.2": [np.array([A(xp), A(xn)]), np.array([math.pi / 2, math.pi / 2])],
        "17.3": [d(math.sinh, xr), math.cosh(xr)], "17.4": [d(math.cosh, xr), math.sinh(xr)],
        "17.5": [d(math.cosh, xr), -math.sinh(xr)],
        "19": [d(math.tanh, xr), (math.cosh(xr) ** 2 - math.sinh(xr) ** 2) / math.cosh(xr) ** 2, 1 - th * th],
        "21": [d(math.tanh, xr), 1 + th * th],
        "24": [d(math.asinh, xr), 1 / math.sqrt(xr * xr + 1)], "24.2": [d(math.acosh, xc), 1 / math.sqrt(xc * xc - 1)],
        "24.3": [d(math.atanh, x), 1 / (1 - x * x)], "26": [d(math.atanh, x), 1 / (1 + x * x)],
        "29": [d(lambda t: math.atan(2 * t), xr), 2 / (1 + 4 * xr * xr)], "29.2": [d(lambda t: math.atan(2 * t), xr), 1 / (1 + 4 * xr * xr)],
        "30": [d(lambda t: math.asin(t * t), x), 2 * x / math.sqrt(1 - x**4)],
        "30.2": [d(lambda t: math.asin(t * t), x), 2 * x / math.sqrt(1 - x * x)],
        "31": [d(lambda t: math.asinh(math.exp(t)), xr), math.exp(xr) / math.sqrt(math.exp(2 * xr) + 1)],
        "31.2": [d(lambda t: math.asinh(math.exp(t)), xr), 1 / math.sqrt(math.exp(2 * xr) + 1)],
        "33": [d(math.asin, 0.5), 1 / math.sqrt(3 / 4), 2 / math.sqrt(3)], "33.2": [d(math.atanh, 0.5), 4 / 3],
        "33.3": [d(math.atan, 1.0), 1 / 2], "33.4": [d(math.acosh, 2.0), 1 / math.sqrt(5)], "33.5": [d(math.asin, 0.5), 4 / 3],
    }

@document("300_recitation_pca_max_variance")
def _(rng):
    n, dim = int(rng.integers(3, 9)), int(rng.integers(2, 5))
    X = rng.normal(size=(n, dim))
    X = X - X.mean(axis=0)
    S = X.T @ X / n
    w = rng.normal(size=dim)
    w = w / np.linalg.norm(w)                                        # a unit vector
    wg, lam = rng.normal(size=dim), rng.normal()                     # any point of the Lagrangian
    Lg = lambda w, lam: float(w @ S @ w - lam * (w @ w - 1))  # noqa: E731
    vals, vecs = np.linalg.eigh(S)
    ws, ls = vecs[:, -1], vals[-1]
    var = sum((w @ X[i]) ** 2 for i in range(n)) / n
    XXt = X @ X.T
    bad = mat(w, mat(XXt, w)) if n == dim else UNDEFINED
    err = sum(np.sum((X[i] - (w @ X[i]) * w) ** 2) for i in range(n)) / n
    S2 = np.array([[2.0, 1], [1, 2]])
    l2 = np.sort(np.linalg.eigvalsh(S2))[::-1]
    t = rng.normal()
    u, v, e1 = np.array([1.0, 1]) / math.sqrt(2), np.array([1.0, -1]) / math.sqrt(2), np.array([1.0, 0])
    one = np.array([1.0, 1])
    mx = max(float(np.array([math.cos(a), math.sin(a)]) @ S2 @ np.array([math.cos(a), math.sin(a)])) for a in np.linspace(0, math.pi, 100001))
    return {
        "5": [var, np.sum((X @ w) ** 2) / n, w @ S @ w], "7": [var, bad if bad is UNDEFINED else bad / n],
        "13": [grad(lambda z: z @ S @ z, wg), (S + S.T) @ wg, 2 * S @ wg], "15": [grad(lambda z: Lg(z, lam), wg), 2 * S @ wg - 2 * lam * wg],
        "17": [d(lambda l: Lg(wg, l), lam), 1 - wg @ wg], "17.2": [d(lambda l: Lg(wg, l), lam), wg @ wg - 1],
        "17.3": [grad(lambda z: z @ S @ z, wg), S @ wg],
        "17.4": [S @ ws, ls * ws], "17.5": [ws @ S @ ws, ls * ws @ ws, ls], "17.6": [ws @ S @ ws, ls**2],
        "19.2": [np.linalg.det(S2 - t * np.eye(2)), (2 - t) ** 2 - 1], "19.3": [np.linalg.det(S2 - t * np.eye(2)), (2 - t) ** 2 + 1],
        "19.4": [l2[0], 3], "19.5": [l2[1], 1],
        "19.6": [np.trace(S2), 4, l2[0] + l2[1]], "19.7": [np.linalg.det(S2), 3, l2[0] * l2[1]],
        "19.8": [np.trace(S2), 2 + 1 + 1 + 2, 6],
        "21": [S2 @ u, np.array([3, 3]) / math.sqrt(2), 3 * u], "21.2": [S2 @ v, np.array([1, -1]) / math.sqrt(2), v],
        "23": [S2 @ v, 3 * v],
        "24.2": [e1 @ S2 @ e1, 2], "24.3": [u @ S2 @ u, 3], "24.4": [one @ S2 @ one, 6], "24.5": [mx, 6],
        "26": [l2[0] / l2.sum(), 3 / 4], "26.2": [l2[0] / l2.sum(), 3 / 1],
        "26.3": [l2[1] / l2.sum(), 1 / 4], "26.4": [l2[1] / l2.sum(), 1 / 3],
        "30": [err, np.trace(S) - w @ S @ w], "32.2": [err, np.trace(S) - 2 * w @ S @ w],
        "32.3": [4 - 3, 1], "32.4": [4 - 2, 2],
    }

@document("301_handout_bce_with_logits_stable")
def _(rng):
    z = rng.normal(scale=3)
    z = z if abs(z) > 0.05 else 0.5
    Y = np.array([0.0, 1.0])                                         # every statement for both labels
    lg = lambda t: math.log(1 + math.exp(t))  # noqa: E731
    ell = lambda z, y: -y * math.log(sig(z)) - (1 - y) * math.log(1 - sig(z))  # noqa: E731
    L = np.array([ell(z, y) for y in Y])
    dl = np.array([d(lambda t: ell(t, y), z) for y in Y])
    n = int(rng.integers(2, 7))
    zs, ys = rng.normal(size=n) * 2, rng.integers(0, 2, size=n).astype(float)
    i = int(rng.integers(0, n))
    gL = partial(lambda v: sum(ell(v[k], ys[k]) for k in range(n)) / n, zs, i)
    w = rng.uniform(0.2, 5)
    w = w if abs(w - 1) > 0.05 else 2.0
    ellw = lambda z, y: -w * y * math.log(sig(z)) - (1 - y) * math.log(1 - sig(z))  # noqa: E731
    dlw = np.array([d(lambda t: ellw(t, y), z) for y in Y])
    s = sig(z)
    return {
        "7": [math.log(s), -lg(-z)], "7.2": [1 - s, sig(-z)], "7.3": [math.log(1 - s), -z - lg(-z)],
        "10": [L, Y * lg(-z) + (1 - Y) * (z + lg(-z)), lg(-z) + (1 - Y) * z, lg(z) - Y * z],
        "15": [ell(z, 1), lg(-z)], "15.2": [ell(z, 0), lg(z)], "15.3": [ell(z, 0), lg(-z) + 1],
        "19": [L, max(z, 0) - Y * z + math.log(1 + math.exp(-abs(z)))], "21": [L, max(z, 0) - Y * z + lg(-z)],
        "23": [d(lambda t: lg(-t), z), -math.exp(-z) / (1 + math.exp(-z)), s - 1],
        "23.2": [d(lambda t: lg(-t), z), math.exp(-z) / (1 + math.exp(-z))],
        "25": [dl, s - 1 + (1 - Y), s - Y],
        "25.2": [np.array([d2r(lambda t: ell(t, y), z) for y in Y]), s * (1 - s) * np.ones(2)],
        "27": [dl, Y - s], "27.2": [dl, s * (1 - s) - Y],
        "29.2": [gL, (sig(zs[i]) - ys[i]) / n], "29.3": [gL, sig(zs[i]) - ys[i]],
        "32.3": [ell(2.0, 1.0), math.log(1 + math.exp(-2))], "32.4": [d(lambda t: ell(t, 1.0), 2.0), sig(2.0) - 1],
        "33.3": [ell(-3.0, 1.0), 0 + 3 + math.log(1 + math.exp(-3))], "33.4": [ell(-3.0, 1.0), math.log(1 + math.exp(-3))],
        "34.2": [np.array([ell(0.0, y) for y in Y]), math.log(2) * np.ones(2)],
        "34.3": [np.array([ell(0.0, y) for y in Y]), np.zeros(2)],
        "34.4": [d(lambda t: ell(t, 1.0), 0.0), -1 / 2],
        "38": [dlw, (1 - Y + w * Y) * s - w * Y], "40": [dlw, w * (s - Y)],
    }

@document("302_blog_gelu_derivative_tanh_approx")
def _(rng):
    x = rng.normal(scale=1.5)
    u = rng.normal()
    Phi = lambda t: 0.5 * (1 + math.erf(t / math.sqrt(2)))  # noqa: E731
    phi = lambda t: math.exp(-t * t / 2) / math.sqrt(2 * math.pi)  # noqa: E731
    ge = lambda t: t * Phi(t)  # noqa: E731
    dge = lambda t: d(ge, t)  # noqa: E731
    c = math.sqrt(2 / math.pi)
    G = lambda t: t / 2 * (1 + math.tanh(c * (t + 0.044715 * t**3)))  # noqa: E731
    dphi = d(phi, x)
    return {
        "9.2": [0.5 * math.erfc(-x / math.sqrt(2)), 0.5 * (1 + math.erf(x / math.sqrt(2)))],
        "9.3": [0.5 * math.erfc(-x / math.sqrt(2)), 0.5 * (1 + math.erf(x))],
        "13": [d(Phi, x), phi(x)], "15": [dge(x), Phi(x) + x * phi(x)],
        "17": [dge(x), x * phi(x)], "17.2": [dge(x), Phi(x) + phi(x)], "17.3": [dphi, -x * phi(x)],
        "19": [d2r(ge, x), 2 * phi(x) + x * dphi, phi(x) * (2 - x * x)], "21": [d2r(ge, x), phi(x) * (1 - x * x)],
        "21.3": [dge(0.0), Phi(0.0), 1 / 2], "21.4": [d2r(ge, 0.0), 2 * phi(0.0), math.sqrt(2 / math.pi)],
        "21.5": [d2r(ge, 0.0), 2 / math.sqrt(math.pi)],
        "23": [Phi(-x), 1 - Phi(x)], "25": [ge(-x), -x * (1 - Phi(x)), ge(x) - x],
        "27": [ge(x) - ge(-x), x], "27.2": [ge(-x), -ge(x)],
        "35": [d(G, 0.0), 1 / 2], "35.2": [d2r(G, 0.0), c], "35.3": [d2r(G, 0.0), 1 / math.sqrt(2 * math.pi)],
        "37": [1 + math.tanh(u), 2 * sig(2 * u)],
        "39": [G(x), x * sig(2 * c * (x + 0.044715 * x**3))], "41": [G(x), x * sig(c * (x + 0.044715 * x**3))],
        "45.2": [ge(1.0), Phi(1.0)], "45.3": [dge(1.0), Phi(1.0) + phi(1.0), Phi(1.0) + math.exp(-0.5) / math.sqrt(2 * math.pi)],
        "45.5": [ge(-1.0), ge(1.0) - 1], "45.6": [ge(-1.0), -Phi(1.0)],
    }

@document("303_office_hours_sample_mean_variance")
def _(rng):
    import itertools
    vals, probs = rng.normal(size=3) * 2, rng.dirichlet(np.ones(3))  # one law with three values, every outcome enumerated
    n = int(rng.integers(2, 5))
    i = int(rng.integers(0, n))
    outcomes = [(np.array([vals[k] for k in ks]), math.prod(probs[k] for k in ks)) for ks in itertools.product(range(3), repeat=n)]
    E = lambda f: sum(p * f(x) for x, p in outcomes)  # noqa: E731
    Var = lambda f: E(lambda x: f(x) ** 2) - E(f) ** 2  # noqa: E731
    mu, s2 = float(probs @ vals), float(probs @ vals**2 - (probs @ vals) ** 2)
    xb = lambda x: x.mean()  # noqa: E731
    ss = lambda x: float(np.sum((x - x.mean()) ** 2))  # noqa: E731
    xs = rng.normal(size=n)
    cov = E(lambda x: x[i] * xb(x)) - E(lambda x: x[i]) * E(xb)
    vd = Var(lambda x: x[i] - xb(x))
    y = np.array([2.0, 4, 4, 4, 5, 5, 7, 9])
    ssy = float(np.sum((y - y.mean()) ** 2))
    return {
        "7": [E(xb), mu], "7.2": [Var(np.sum), n * s2], "7.3": [Var(np.sum), n * n * s2],
        "9": [Var(xb), n * s2 / n**2, n * s2 / n**2, s2 / n],
        "11": [Var(xb), n * s2 / n, s2], "11.2": [Var(xb), s2 / n**2],
        "13": [cov, s2 / n], "13.2": [cov, 0],
        "15": [vd, s2 + s2 / n - 2 * s2 / n, (n - 1) / n * s2], "17": [vd, s2 + s2 / n],
        "19": [ss(xs), float(np.sum(xs**2)) - n * xb(xs) ** 2],
        "19.2": [E(lambda x: x[i] ** 2), s2 + mu**2], "19.3": [E(lambda x: xb(x) ** 2), s2 / n + mu**2],
        "19.4": [E(lambda x: xb(x) ** 2), mu**2],
        "22": [E(ss), n * (s2 + mu**2) - n * (s2 / n + mu**2), (n - 1) * s2],
        "26.2": [E(lambda x: ss(x) / (n - 1)), s2], "26.4": [E(lambda x: ss(x) / n), (n - 1) / n * s2],
        "26.5": [E(lambda x: ss(x) / n), s2], "26.6": [ss(xs), float(np.sum(xs**2)) - xb(xs) ** 2],
        "28.2": [y.mean(), 40 / 8, 5], "30": [ssy, 9 + 1 + 1 + 1 + 0 + 0 + 4 + 16, 32],
        "32": [ssy / 7, 32 / 7], "32.2": [ssy / 8, 32 / 8, 4], "32.3": [ssy / 7, 4],
        "32.4": [math.sqrt(ssy / 7), math.sqrt(32 / 7)], "32.5": [math.sqrt(ssy / 7), math.sqrt(32) / 7],
        "32.6": [float(np.sum(y**2)), 232], "32.7": [232 - 8 * 25, 32],
        "32.8": [ssy / 7 / 8, 32 / 56, 4 / 7], "32.9": [ssy / 7 / 8, 32 / 7],
    }

@document("304_hw_softmax_regression_three_classes")
def _(rng):
    dim = int(rng.integers(1, 5))
    W, b, x = rng.normal(size=(3, dim)), rng.normal(size=3), rng.normal(size=dim)
    y = np.eye(3)[int(rng.integers(0, 3))]
    sm = lambda z: np.exp(z - lse(z))  # noqa: E731
    z = W @ x + b
    p = sm(z)
    J = jac(sm, z)
    i, j = (int(k) for k in rng.choice(3, size=2, replace=False))
    L = lambda z: -float(y @ np.log(sm(z)))  # noqa: E731
    gz = grad(L, z)
    c = rng.normal()
    W2, x2 = np.array([[2.0, 0], [1, 0], [0, 0]]), np.array([1.0, -1])
    y2 = np.array([0.0, 1, 0])
    z2 = W2 @ x2
    p2 = sm(z2)
    Z, e = math.e**2 + math.e + 1, math.e
    LW = lambda W: -math.log(sm(W @ x2)[1])  # noqa: E731
    gW = grad(LW, W2)
    return {
        "7": [J[i, i] - p[i] * (1 - p[i]), 0, J[i, j] + p[i] * p[j]],   # the two cases: i = j, then i != j
        "9": [J, p[:, None] * (np.eye(3) - p[None, :])], "9.2": [J, p[:, None] * (1 - p[None, :])], "9.3": [J[0, 1], p[0] * p[1]],
        "11": [np.log(p), z - lse(z)], "11.2": [y.sum(), 1],
        "13": [gz, -y + y.sum() * p, p - y], "15": [gz, -y],
        "17": [grad(lambda W: L(W @ x + b), W), np.outer(p - y, x)], "17.2": [grad(lambda b: L(W @ x + b), b), p - y],
        "19": [grad(lambda x: L(W @ x + b), x), W.T @ (p - y)], "19.2": [grad(lambda x: L(W @ x + b), x), mat(W, p - y)],
        "19.3": [grad(lambda W: L(W @ x + b), W), np.outer(x, p - y)],
        "19.4": [gz.sum(), 0], "19.5": [sm(z + c), sm(z)],
        "25": [z2, W2 @ x2, np.array([2, 1, 0])],
        "25.3": [p2[0], e * e / Z], "25.4": [p2[1], e / Z], "25.5": [p2[2], 1 / Z], "25.6": [p2.sum(), 1], "25.7": [p2[0], e / (e + 1)],
        "27": [-float(y2 @ np.log(p2)), -math.log(p2[1]), math.log(Z) - 1], "29": [-math.log(p2[1]), math.log(Z) - 2],
        "29.2": [-math.log(p2[1]), 1 - math.log(Z)],
        "29.3": [p2 - y2, np.array([e * e / Z, e / Z - 1, 1 / Z])], "29.4": [e / Z - 1, -(e * e + 1) / Z],
        "31": [gW, np.array([[p2[0], -p2[0]], [p2[1] - 1, 1 - p2[1]], [p2[2], -p2[2]]])],
        "33": [gW[1, 0], (p2[1] - 1) * x2[0], p2[1] - 1], "33.2": [gW[0, 1], p2[0] * x2[1], -p2[0]],
        "33.3": [gW[2, 0], p2[2]], "33.4": [gW[2, 1], p2[2]], "33.5": [x2[1], -1],
        "33.6": [gW[0, 1], (p2[1] - 1) * x2[0]], "33.7": [gW[0, 0], e * e / Z], "33.8": [grad(lambda z: -math.log(sm(z)[1]), z2)[1], e / Z],
    }

@document("305_reading_group_infonce_anchor_gradient")
def _(rng):
    dim, N = int(rng.integers(2, 5)), int(rng.integers(1, 5))
    q, K = rng.normal(size=dim), rng.normal(size=(N + 1, dim))     # K[0] the positive key
    tau = rng.uniform(0.2, 2)
    j = int(rng.integers(1, N + 1))
    sc = lambda q, K: K @ q / tau  # noqa: E731
    Lq = lambda q, K=K: lse(sc(q, K)) - sc(q, K)[0]  # noqa: E731
    s = sc(q, K)
    a = np.exp(s - lse(s))
    Ls = lambda s: lse(s) - s[0]  # noqa: E731
    gs = grad(Ls, s)
    gq = grad(Lq, q)
    gk = lambda m: grad(lambda k: Lq(q, np.vstack([K[:m], k[None], K[m + 1:]])), K[m])  # noqa: E731
    q2, K2 = np.array([1.0, 0]), np.array([[1.0, 0], [0, 1], [-1, 0]])
    e = math.e
    S = e + 1 + 1 / e
    s2 = K2 @ q2
    a2 = np.exp(s2 - lse(s2))
    L2 = lambda t: lse(K2 @ q2 / t) - (K2 @ q2 / t)[0]  # noqa: E731
    g2 = grad(lambda v: lse(K2 @ v) - (K2 @ v)[0], q2)
    return {
        "7": [Lq(q), -math.log(math.exp(s[0]) / np.sum(np.exp(s))), math.log(1 + sum(math.exp(s[m] - s[0]) for m in range(1, N + 1)))],
        "9.2": [a[j], math.exp(s[j]) / sum(math.exp(s[m]) for m in range(1, N + 1))],
        "11": [gs[0], a[0] - 1], "11.2": [gs[j], a[j]], "11.3": [gs[0], a[0]],
        "13": [grad(lambda v: v @ K[j] / tau, q), K[j] / tau],
        "15": [gq, (a @ K - K[0]) / tau, ((a[0] - 1) * K[0] + a[1:] @ K[1:]) / tau],
        "17": [gq, a @ K - K[0]], "17.3": [gq, (a[1:] @ K[1:] - K[0]) / tau],
        "19": [gk(0), (a[0] - 1) / tau * q], "19.2": [gk(0), a[0] / tau * q],
        "19.3": [gk(j), a[j] / tau * q], "19.4": [gk(j), -a[j] / tau * q],
        "21.8": [s2, np.array([1, 0, -1])],
        "23": [L2(1.0), math.log(1 + 1 / e + e**-2), math.log(S) - 1], "25": [L2(1.0), math.log(1 + e + e * e)],
        "25.2": [a2[0], e / S], "25.3": [a2[1], 1 / S], "25.4": [a2[2], 1 / e / S],
        "27": [g2, (a2[0] - 1) * K2[0] + a2[1] * K2[1] + a2[2] * K2[2], np.array([a2[0] - a2[2] - 1, a2[1]])],
        "29": [g2, np.array([a2[0] - 1, a2[1]])],
        "31": [K2 @ q2 / tau, np.array([1 / tau, 0, -1 / tau])], "31.2": [L2(tau), math.log(1 + math.exp(-1 / tau) + math.exp(-2 / tau))],
        "31.4": [L2(0.5), math.log(1 + e**-2 + e**-4)], "31.5": [L2(0.5), math.log(1 + e**-0.5 + e**-1)],
        "31.6": [L2(1e-3), 0], "31.7": [L2(1e9), math.log(3)], "31.8": [L2(1e9), 0],
    }

@document("306_forum_distillation_temperature_gradient")
def _(rng):
    K = int(rng.integers(2, 6))
    v, z = rng.normal(size=K) * 1.5, rng.normal(size=K) * 1.5
    T, al = rng.uniform(0.3, 3), rng.uniform(0, 1)
    i, y = int(rng.integers(0, K)), int(rng.integers(0, K))
    p = softmax(v / T)
    q = lambda z: softmax(z / T)  # noqa: E731
    Ls = lambda z: -float(p @ np.log(q(z)))  # noqa: E731
    L = lambda z: al * T**2 * Ls(z) + (1 - al) * (-math.log(softmax(z)[y]))  # noqa: E731
    gs, gL, qz, s = grad(Ls, z), grad(L, z), q(z), softmax(z)
    H = -float(p @ np.log(p))
    kl = float(p @ np.log(p / qz))
    p2 = softmax(np.array([2.0, 0]) / 2)
    Ls2 = lambda z: -float(p2 @ np.log(softmax(z / 2)))  # noqa: E731
    g2 = grad(Ls2, np.zeros(2))
    H2 = -float(p2 @ np.log(p2))
    e = math.e
    return {
        "7.3": [math.log(qz[i]), z[i] / T - math.log(np.sum(np.exp(z / T)))], "7.4": [p.sum(), 1],
        "9": [gs[i], -p[i] / T + qz[i] / T * p.sum(), (qz[i] - p[i]) / T], "11": [gs[i], qz[i] - p[i]],
        "19": [gL[i], al * T * (qz[i] - p[i]) + (1 - al) * (s[i] - delta(i, y))],
        "21": [gL[i], al * T**2 * (qz[i] - p[i]) + (1 - al) * (s[i] - delta(i, y))], "21.2": [gs.sum(), 0],
        "25": [kl, float(np.sum(p * np.log(p / qz))), Ls(z) - H], "27.2": [kl, Ls(z) + H],
        "29.4": [softmax(np.zeros(2) / 2), np.array([0.5, 0.5])], "29.5": [p2[0], e / (e + 1)], "29.6": [p2[0], e**2 / (e**2 + 1)],
        "29.7": [Ls2(np.zeros(2)), math.log(2)], "29.8": [float(p2 @ np.log(p2 / 0.5)), math.log(2) - H2],
        "31": [g2[0], 0.5 * (0.5 - e / (e + 1)), (1 - e) / (4 * (e + 1))],
        "33": [4 * g2[0], (1 - e) / (e + 1)], "33.2": [g2[1], (e - 1) / (4 * (e + 1))],
        "33.3": [4 * g2[0], (1 - e) / (2 * (e + 1))], "33.4": [H2, math.log(2)],
    }

@document("307_reading_group_hmm_forward_backward")
def _(rng):
    import itertools

    def hmm(pi, A, B, x):
        """alpha_t, beta_t, gamma_t (t = 1..T, stored 0-based) and P(x) by summing over every hidden path."""
        S, T = len(pi), len(x)
        prob = lambda h: pi[h[0]] * B[h[0], x[0]] * math.prod(A[h[t - 1], h[t]] * B[h[t], x[t]] for t in range(1, len(h)))  # noqa: E731
        alpha = [np.array([sum(prob(h + (j,)) for h in itertools.product(range(S), repeat=t)) for j in range(S)]) for t in range(T)]
        beta = []
        for t in range(T):
            rest = lambda i, g: math.prod(A[([i] + list(g))[m], g[m]] * B[g[m], x[t + 1 + m]] for m in range(len(g)))  # noqa: E731
            beta.append(np.array([sum(rest(i, g) for g in itertools.product(range(S), repeat=T - 1 - t)) for i in range(S)]))
        paths = {h: prob(h) for h in itertools.product(range(S), repeat=T)}
        P = sum(paths.values())
        gamma = [np.array([sum(v for h, v in paths.items() if h[t] == i) for i in range(S)]) / P for t in range(T)]
        return alpha, beta, gamma, P

    S, T, M = int(rng.integers(2, 4)), int(rng.integers(2, 5)), int(rng.integers(2, 4))
    pi, A, B = rng.dirichlet(np.ones(S)), rng.dirichlet(np.ones(S), size=S), rng.dirichlet(np.ones(M), size=S)
    x = rng.integers(0, M, size=T)
    al, be, ga, P = hmm(pi, A, B, x)
    t, u = int(rng.integers(0, T - 1)), int(rng.integers(0, T))      # t: a step with a successor; u: any step
    i, j = int(rng.integers(0, S)), int(rng.integers(0, S))
    b = lambda t: B[:, x[t]]  # noqa: E731
    c = [al[0].sum()] + [al[s].sum() / al[s - 1].sum() for s in range(1, T)]
    A2 = np.array([[0.9, 0.1], [0.2, 0.8]])
    al2, be2, ga2, P2 = hmm(np.array([0.5, 0.5]), A2, np.array([[0.8, 0.2], [0.3, 0.7]]), [1, 1])
    return {
        "7": [al[0][j], pi[j] * B[j, x[0]]], "7.2": [al[t + 1][j], B[j, x[t + 1]] * sum(al[t][k] * A[k, j] for k in range(S))],
        "9": [P, al[T - 1].sum()], "9.2": [al[t + 1], b(t + 1) * (A.T @ al[t])], "9.3": [al[t + 1], b(t + 1) * (A @ al[t])],
        "13": [be[t][i], sum(A[i, k] * B[k, x[t + 1]] * be[t + 1][k] for k in range(S))],
        "15": [be[t][i], sum(A[k, i] * B[k, x[t + 1]] * be[t + 1][k] for k in range(S))],
        "15.2": [P, al[u] @ be[u]],
        "17": [ga[u][i], ga[u][i], al[u][i] * be[u][i] / (al[u] @ be[u])], "19": [ga[t][i], al[t][i] / al[t].sum()],
        "21.2": [math.log(P), sum(math.log(v) for v in c)], "21.3": [math.log(P), sum(math.log(v) for v in c[:-1])],
        "27": [al2[0], np.array([0.1, 0.35])], "27.2": [al2[1][0], 0.2 * (0.1 * 0.9 + 0.35 * 0.2)],
        "27.3": [al2[1][1], 0.7 * (0.1 * 0.1 + 0.35 * 0.8)],
        "29": [P2, 0.032 + 0.203, 0.235], "31": [al2[1][0], 0.025], "31.2": [P2, 0.45],
        "31.3": [be2[0], np.array([0.25, 0.6])], "31.4": [0.1 * 0.25 + 0.35 * 0.6, 0.235],
        "31.5": [ga2[0][1], 42 / 47], "31.6": [ga2[0][1], 7 / 9],
    }

@document("308_exam_multiclass_svm_hinge")
def _(rng):
    C, D = int(rng.integers(3, 6)), int(rng.integers(1, 5))
    y = int(rng.integers(0, C))
    hinge = lambda s, y=y, m=1.0: sum(max(0.0, s[j] - s[y] + m) for j in range(len(s)) if j != y)  # noqa: E731
    while True:                                      # scores away from the kinks
        W, x = rng.normal(size=(C, D)), rng.normal(size=D)
        s = W @ x
        if all(abs(s[j] - s[y] + 1) > 1e-3 for j in range(C) if j != y):
            break
    j = int(rng.choice([k for k in range(C) if k != y]))
    ind = lambda s, k: 1.0 if s[k] - s[y] + 1 > 0 else 0.0  # noqa: E731
    g = grad(hinge, s)
    gW = grad(lambda W: hinge(W @ x), W)
    lam = rng.uniform(0.1, 2)
    gJ = grad(lambda W: hinge(W @ x) + lam * np.sum(W * W), W)
    # scores with one violated and one satisfied margin, for the two cases
    t = rng.normal(size=C) * 2
    a, b = [k for k in range(C) if k != y][:2]
    t[a], t[b] = t[y] - 1 + rng.uniform(0.1, 1), t[y] - 1 - rng.uniform(0.1, 1)
    gt = grad(hinge, t)
    s0, x0 = np.array([3.2, 5.1, -1.7]), np.array([1.0, 2.0])
    W0 = np.outer(s0, x0) / (x0 @ x0)
    h0 = lambda s: hinge(s, 0)  # noqa: E731
    g0, gW0 = grad(h0, s0), grad(lambda W: h0(W @ x0), W0)
    return {
        "10": [gt[a] - 1, 0, gt[b] - 0],
        "12": [g[y], -sum(ind(s, k) for k in range(C) if k != y)], "12.2": [g[y], -1],
        "14": [gW[j], ind(s, j) * x], "14.2": [gW[y], g[y] * x], "14.3": [gW, np.outer(g, x)], "14.5": [gW, np.outer(x, g)],
        "16.2": [gJ, np.outer(g, x) + 2 * lam * W], "16.3": [gJ, np.outer(g, x) + lam * W],
        "20": [h0(s0), max(0, 5.1 - 3.2 + 1) + max(0, -1.7 - 3.2 + 1), 2.9 + 0, 2.9],
        "22": [h0(s0), 2.9 + 1, 3.9], "22.2": [max(0, -1.7 - 3.2 + 1), -3.9], "22.3": [g0, np.array([-1, 1, 0])],
        "24": [gW0, np.array([[-1, -2], [1, 2], [0, 0]])],
        "26": [max(0, 5.1 - 3.2 + 2), 3.9], "26.2": [-1.7 - 3.2 + 2, -2.9],
        "26.3": [gW0[2], np.array([1, 2])], "26.4": [gW0[2], np.zeros(2)], "26.5": [g0[0], -2],
    }

@document("309_appendix_spectral_norm_gradient")
def _(rng):
    m, n = int(rng.integers(2, 5)), int(rng.integers(2, 5))
    W, E, Cm = rng.normal(size=(m, n)), rng.normal(size=(m, n)), rng.normal(size=(m, n))
    s1f = lambda W: float(np.linalg.svd(W, compute_uv=False)[0])  # noqa: E731
    fro = lambda W: float(np.sqrt(np.sum(W * W)))  # noqa: E731
    U, S, Vt = np.linalg.svd(W)
    u1, v1, s1 = U[:, 0], Vt[0], S[0]
    Wb = W / s1
    dWb = d(lambda e: (W + e * E) / s1f(W + e * E), 0.0)
    Lf = lambda Wb: float(np.sum(Cm * Wb) + 0.5 * np.sum(Wb * Wb))  # noqa: E731
    G = Cm + Wb
    gL = grad(lambda W: Lf(W / s1f(W)), W)
    P = np.outer(u1, v1)
    gs = grad(s1f, W)
    u = rng.normal(size=m)
    v = W.T @ u / np.linalg.norm(W.T @ u)
    u = W @ v / np.linalg.norm(W @ v)
    W0 = np.array([[3.0, 0], [4, 5]])
    U0, S0, Vt0 = np.linalg.svd(W0)
    sg = 1.0 if Vt0[0, 0] > 0 else -1.0
    g0 = grad(s1f, W0)
    return {
        "11": [s1, u1 @ W @ v1], "13": [d(lambda e: s1f(W + e * E), 0.0), u1 @ E @ v1], "13.2": [gs, P], "15": [gs, np.outer(v1, u1)],
        "15.2": [grad(fro, W), W / fro(W)], "15.3": [grad(fro, W), 2 * W],
        "19": [dWb, E / s1 - W / s1**2 * (u1 @ E @ v1)],
        "20": [gL, (G - np.sum(G * Wb) * P) / s1], "22": [gL, (G - np.sum(G * Wb) * Wb) / s1],
        "22.2": [dWb, E / s1], "22.3": [np.sum(gL * W), 0],
        "24.2": [u @ W @ v, np.linalg.norm(W @ v)], "24.3": [u @ W @ v, np.linalg.norm(W @ v) ** 2],
        "28.2": [W0.T @ W0, np.array([[25, 20], [20, 25]])],
        "30": [S0[0], math.sqrt(45), 3 * math.sqrt(5)], "30.2": [S0[0] * S0[1], 15], "30.3": [S0[0] ** 2 + S0[1] ** 2, 50],
        "30.4": [S0[0], fro(W0), math.sqrt(50)], "30.5": [S0[0], 5],
        "30.6": [sg * Vt0[0], np.array([1, 1]) / math.sqrt(2)], "30.7": [sg * U0[:, 0], np.array([1, 3]) / math.sqrt(10)],
        "32": [g0, np.array([[1, 1], [3, 3]]) / math.sqrt(20)], "34": [g0[1, 0], 3 / math.sqrt(20)], "34.2": [g0[0, 1], 3 / math.sqrt(20)],
    }

@document("310_nb_steepest_descent_vs_cg")
def _(rng):
    def spd(n):
        M = rng.normal(size=(n, n))
        return M @ M.T + n * np.eye(n)

    def cg(A, b, x0, steps):
        """x_k, residuals b - A x_k, directions and steps of CG (the code of cell 2)."""
        xs, ps, als, bes = [x0.astype(float)], [b - A @ x0], [], []
        for _ in range(steps):
            x, p = xs[-1], ps[-1]
            r = b - A @ x
            a = (r @ r) / (p @ A @ p)
            xs.append(x + a * p)
            rn = b - A @ xs[-1]
            bes.append((rn @ rn) / (r @ r))
            als.append(a)
            ps.append(rn + bes[-1] * p)
        return xs, [b - A @ x for x in xs], ps, als, bes

    n = int(rng.integers(2, 6))
    A, b, x = spd(n), rng.normal(size=n), rng.normal(size=n)
    f = lambda x, A=A, b=b: 0.5 * x @ A @ x - b @ x  # noqa: E731
    r = b - A @ x
    phi = lambda a: f(x + a * r)  # noqa: E731
    al = rng.normal()
    ast = (phi(-1.0) - phi(1.0)) / (2 * (phi(1.0) - 2 * phi(0.0) + phi(-1.0)))   # the vertex of the parabola through three points
    rp = b - A @ (x + ast * r)
    xs, rs, ps, als, bes = cg(A, b, rng.normal(size=n), 2)
    A2, b2 = spd(2), rng.normal(size=2)
    x2s = cg(A2, b2, rng.normal(size=2), 2)[0]
    A4, b4 = np.array([[4.0, 1], [1, 3]]), np.array([1.0, 2])
    xe, re, pe, ae, be = cg(A4, b4, np.zeros(2), 2)
    f4 = lambda x: 0.5 * x @ A4 @ x - b4 @ x  # noqa: E731
    r1 = re[1]
    a_sd = (r1 @ r1) / (r1 @ A4 @ r1)
    return {
        "1:7": [grad(f, x), A @ x - b], "1:7.2": [grad(f, x), 0.5 * A @ x - b], "1:7.4": [r, -grad(f, x)],
        "1:11": [d(phi, al), -r @ r + al * r @ A @ r],
        "1:13": [ast, (r @ r) / (r @ A @ r)], "1:13.2": [ast, (r @ A @ r) / (r @ r)],
        "1:13.3": [rp, r - ast * A @ r], "1:13.4": [rp @ r, 0],
        "3:3": [rs[1], rs[0] + als[0] * A @ ps[0]], "3:3.2": [ps[1] @ A @ ps[0], 0], "3:3.3": [ps[1] @ ps[0], 0],
        "3:3.4": [rs[1] @ rs[0], 0], "3:3.6": [x2s[2], np.linalg.solve(A2, b2)],
        "4:7": [A4 @ b4, np.array([6, 7])], "4:7.2": [ae[0], 1 / 4], "4:7.3": [ae[0], 4],
        "4:7.4": [xe[1], np.array([1 / 4, 1 / 2])], "4:7.5": [re[1], np.array([-1 / 2, 1 / 4])],
        "4:9": [be[0], 1 / 16], "4:9.2": [be[0], 16], "4:9.3": [pe[1], np.array([-7 / 16, 3 / 8])], "4:9.4": [pe[1], re[1]],
        "4:9.5": [ae[1], 4 / 11], "4:9.6": [xe[2], np.array([1 / 11, 7 / 11])],
        "4:11": [f4(xe[2]), -0.5 * b4 @ xe[2], -15 / 22], "4:13": [f4(xe[2]), -15 / 11],
        "4:15": [a_sd, 1 / 3], "4:15.2": [xe[1] + a_sd * r1, np.array([1 / 11, 7 / 11])],
    }

@document("311_hw_kalman_filter_1d")
def _(rng):
    z, w = np.polynomial.hermite_e.hermegauss(120)
    w = w / math.sqrt(2 * math.pi)                                  # E[g(Z)] = sum w g(z), Z ~ N(0, 1)

    def predict(a, q, m, P):
        """Mean and variance of a X + W, X ~ N(m, P), W ~ N(0, q), by two-dimensional Gauss-Hermite quadrature."""
        v = a * (m + math.sqrt(P) * z[:, None]) + math.sqrt(q) * z[None, :]
        ww = w[:, None] * w[None, :]
        mean = float(np.sum(ww * v))
        return mean, float(np.sum(ww * (v - mean) ** 2))

    def update(mp, Pp, r, y):
        """Mean and variance of the prior N(mp, Pp) times the likelihood N(y; x, r), on a fine grid."""
        s = math.sqrt(max(Pp, r))
        x = np.linspace(min(mp, y) - 12 * s, max(mp, y) + 12 * s, 200001)
        dens = np.exp(-(x - mp) ** 2 / (2 * Pp) - (y - x) ** 2 / (2 * r))
        mean = float(dens @ x / dens.sum())
        return mean, float(dens @ (x - mean) ** 2 / dens.sum())

    a, q, r, m, P = rng.normal(), rng.uniform(0.2, 3), rng.uniform(0.2, 3), rng.normal(), rng.uniform(0.2, 3)
    mp, Pp = predict(a, q, m, P)
    y = mp + rng.normal() * math.sqrt(Pp + r)
    mu, Pu = update(mp, Pp, r, y)
    K = Pp / (Pp + r)
    Pinf = 1.0                                                     # the random walk's predicted variance, iterated
    for _ in range(2000):
        Pinf = Pinf * r / (Pinf + r) + q
    m1, P1 = predict(1.0, 1.0, 0.0, 3.0)
    m2, P2 = update(m1, P1, 2.0, 4.0)
    Pi1 = 1.0
    for _ in range(2000):
        Pi1 = Pi1 * 2 / (Pi1 + 2) + 1
    return {
        "5": [mp, a * m], "5.2": [Pp, a * a * P + q], "5.3": [Pp, a * a * P + q], "5.4": [Pp, a * P + q],
        "9": [1 / Pu, 1 / Pp + 1 / r], "9.2": [mu, Pu * (mp / Pp + y / r)], "11.2": [K, Pp / (Pp + q)],
        "14": [mu, mp + K * (y - mp), (r * mp + Pp * y) / (Pp + r)], "15": [Pu, (1 - K) * Pp, Pp * r / (Pp + r)],
        "18": [mu, (Pp * mp + r * y) / (Pp + r)], "18.2": [Pu, (1 - K) ** 2 * Pp + K * K * r], "18.3": [Pu, (1 - K) ** 2 * Pp + K * r],
        "20.4": [P1, 4], "20.5": [P1 / (P1 + 2), 2 / 3], "22": [m2, 8 / 3], "22.2": [P2, 4 / 3], "24": [1 / P2, 1 / 4 + 1 / 2],
        "24.2": [P1 / (P1 + 2), 2], "24.3": [P2, 1], "24.4": [m2, 4 / 3],
        "28": [Pinf, (q + math.sqrt(q * q + 4 * q * r)) / 2], "30": [Pi1, 2], "30.2": [Pi1 / (Pi1 + 2), 1 / 2],
        "30.3": [Pi1, (1 + math.sqrt(3)) / 2],
    }

@document("312_cheatsheet_conv_shapes_parameter_counts")
def _(rng):
    def out(H, k, p, s):
        """The number of positions of a window of size k on the padded input, at the shifts 0, s, 2s, ..."""
        return len(range(0, H + 2 * p - k + 1, s))

    def out_t(H, k, p, s):
        """The length of a transposed convolution: scatter a kernel at every input position, crop p on each side."""
        covered = set()
        for i in range(H):
            covered.update(range(i * s, i * s + k))
        return max(covered) + 1 - 2 * p

    def field(L, k):
        lo, hi = 0, 0
        for _ in range(L):
            hi += k - 1                                             # one output sees k neighbouring inputs
        return hi - lo + 1

    size = lambda *shapes: sum(int(np.prod(sh)) for sh in shapes)  # noqa: E731
    H, k, p, s = int(rng.integers(8, 40)), int(rng.integers(1, 8)), int(rng.integers(0, 4)), int(rng.integers(1, 5))
    ko = 2 * int(rng.integers(0, 4)) + 1
    ci, co, L, C = (int(v) for v in rng.integers(1, 9, size=4))
    h = int(rng.choice([2, 4, 8]))
    dd = h * int(rng.integers(1, 9))
    attn = lambda d: size((d, d), (d,), (d, d), (d,), (d, d), (d,), (d, d), (d,))  # noqa: E731
    ffn = lambda d: size((4 * d, d), (4 * d,), (d, 4 * d), (d,))  # noqa: E731
    sep = size((ci, 1, k, k), (co, ci, 1, 1))
    return {
        "5": [out(H, k, p, s), math.floor((H + 2 * p - k) / s) + 1],
        "7": [out(H, k, 0, 1), H - k + 1], "7.2": [out(H, k, 0, 1), H - k], "8.2": [out(H, ko, (ko - 1) // 2, 1), H],
        "9": [out(H, 3, 1, 2), math.ceil(H / 2)], "9.2": [out(H, 3, 1, 2), (H + 2 - 3) / 2 + 1],
        "10": [out_t(H, k, p, s), (H - 1) * s - 2 * p + k], "10.2": [out_t(H, k, p, s), (H - 1) * s + 2 * p + k],
        "14": [size((co, ci, k, k), (co,)), co * (ci * k * k + 1)], "16": [size((co, ci, k, k), (co,)), ci * co * k * k + ci],
        "16.2": [sep, ci * k * k + ci * co], "18": [sep / (ci * co * k * k), 1 / co + 1 / k**2],
        "20": [field(L, k), L * (k - 1) + 1], "20.2": [field(L, k), L * k], "20.3": [field(3, 3), 7], "20.4": [3 * 9 * C**2, 27 * C**2],
        "22.2": [out(14, 5, 0, 1), 10], "22.3": [16 * 5 * 5, 400], "22.4": [size((6, 1, 5, 5), (6,)), 156],
        "22.5": [size((16, 6, 5, 5), (16,)), 2416], "22.6": [size((16, 6, 5, 5), (16,)), 2406],
        "22.7": [size((120, 400), (120,)), 400 * 120 + 120, 48120], "22.8": [size((120, 400), (120,)), 48000],
        "24": [attn(dd), 4 * dd**2 + 4 * dd], "24.2": [attn(dd), 4 * h * dd**2 + 4 * dd],
        "24.3": [ffn(dd), 8 * dd**2 + 5 * dd], "24.4": [ffn(dd), 8 * dd**2],
        "24.6": [attn(512), 1050624], "24.7": [ffn(512), 2099712],
    }

@document("313_lecture_gram_schmidt_qr_least_squares")
def _(rng):
    def gs(A):
        a1, a2 = A[:, 0], A[:, 1]
        r11 = np.linalg.norm(a1)
        q1 = a1 / r11
        r12 = q1 @ a2
        t = a2 - r12 * q1
        r22 = np.linalg.norm(t)
        return r11, q1, r12, t, r22, t / r22

    m = int(rng.integers(3, 7))
    A, b = rng.normal(size=(m, 2)), rng.normal(size=m)
    r11, q1, r12, t, r22, q2 = gs(A)
    Q, R = np.column_stack([q1, q2]), np.array([[r11, r12], [0, r22]])
    xh = np.linalg.lstsq(A, b, rcond=None)[0]
    a1, a2 = A[:, 0], A[:, 1]
    A3, b3 = np.array([[1.0, 1], [1, 0], [0, 1]]), np.array([1.0, 2, 3])
    s11, p1, s12, u, s22, p2 = gs(A3)
    Q3 = np.column_stack([p1, p2])
    x3 = np.linalg.lstsq(A3, b3, rcond=None)[0]
    res3 = b3 - A3 @ x3
    return {
        "12": [q1 @ q2, 0], "12.2": [A, Q @ R], "12.3": [Q.T @ Q, np.eye(2)], "12.4": [Q @ Q.T, np.eye(m)],
        "12.5": [t, a2 - r12 * a1], "12.6": [r12, (a1 @ a2) / (a1 @ a1)],
        "16": [A.T @ A, R.T @ Q.T @ Q @ R, R.T @ R], "18": [A.T @ A, R @ R.T],
        "18.2": [R @ xh, Q.T @ b], "18.3": [np.sum((b - A @ xh) ** 2), b @ b - np.sum((Q.T @ b) ** 2)],
        "18.4": [xh, R.T @ Q.T @ b], "18.5": [np.linalg.det(A.T @ A), r11**2 * r22**2],
        "24": [s12, 1 / math.sqrt(2)], "24.2": [s12, A3[:, 0] @ A3[:, 1], 1], "24.3": [u, np.array([0.5, -0.5, 1])],
        "24.4": [s22, math.sqrt(3 / 2)], "24.5": [s22, math.sqrt(2)],
        "24.6": [Q3.T @ b3, np.array([3 / math.sqrt(2), 5 / math.sqrt(6)])], "24.7": [Q3.T @ b3, np.array([3, 4])],
        "24.8": [x3, np.array([2 / 3, 5 / 3])], "26": [res3 @ res3, 14 - 9 / 2 - 25 / 6, 16 / 3],
    }

@document("314_blog_heteroscedastic_gaussian_nll")
def _(rng):
    y, mu, s, t, be = rng.normal(scale=2), rng.normal(), rng.normal(), rng.normal(scale=2), rng.uniform(0, 2)
    if abs(y - mu) < 0.1:
        y = mu + 0.5
    sg = math.exp(s / 2)                                            # sigma
    nll = lambda y, mu, sg: -math.log(math.exp(-(y - mu) ** 2 / (2 * sg * sg)) / math.sqrt(2 * math.pi * sg * sg))  # noqa: E731
    ell = lambda mu, s, y=y: 0.5 * s + 0.5 * (y - mu) ** 2 * math.exp(-s)  # noqa: E731

    def argmin_s(f):
        """The minimiser of a convex f of s, by bisection on its derivative."""
        lo, hi = -30.0, 30.0
        for _ in range(200):
            mid = (lo + hi) / 2
            lo, hi = (mid, hi) if d(f, mid) < 0 else (lo, mid)
        return (lo + hi) / 2

    ss = argmin_s(lambda v: ell(mu, v))
    sb = lambda b: d(lambda m: sg ** (2 * b) * ell(m, s), mu)  # noqa: E731  (the weight is a constant)
    sp = lambda t: math.log(1 + math.exp(t))  # noqa: E731
    ell0 = lambda mu, s: ell(mu, s, 3.0)  # noqa: E731
    s0 = argmin_s(lambda v: ell0(1.0, v))
    return {
        "5": [nll(y, mu, sg), 0.5 * math.log(2 * math.pi) + 0.5 * math.log(sg * sg) + (y - mu) ** 2 / (2 * sg * sg)],
        "7": [nll(y, mu, sg), math.log(sg) + (y - mu) ** 2 / (2 * sg * sg)],
        "12": [d(lambda m: ell(m, s), mu), -(y - mu) * math.exp(-s)],
        "12.2": [d(lambda v: ell(mu, v), s), 0.5 - 0.5 * (y - mu) ** 2 * math.exp(-s)],
        "14": [d(lambda v: ell(mu, v), s), 0.5 - (y - mu) ** 2 * math.exp(-s)],
        "14.2": [d(lambda g: ell(mu, math.log(g * g)), sg), 1 / sg - (y - mu) ** 2 / sg**3],
        "14.3": [d(lambda g: ell(mu, math.log(g * g)), sg), 1 / sg - (y - mu) ** 2 / (2 * sg**3)],
        "16.2": [math.exp(ss), (y - mu) ** 2],
        "18": [ell(mu, ss), 0.5 * math.log((y - mu) ** 2) + 0.5], "20": [d2(lambda m: ell(m, s), mu), math.exp(-s)],
        "24.2": [sb(be), -(y - mu) * sg ** (2 * be - 2)], "24.4": [sb(1.0), -(y - mu)], "24.5": [sb(1.0), -(y - mu) * sg * sg],
        "26.2": [d(sp, t), 1 / (1 + math.exp(-t))], "26.3": [d(sp, t), math.exp(-t) / (1 + math.exp(-t))],
        "30.4": [ell0(1.0, 0.0), 0 + 0.5 * 4, 2], "30.5": [d(lambda m: ell0(m, 0.0), 1.0), -2],
        "30.6": [d(lambda v: ell0(1.0, v), 0.0), 0.5 - 2, -3 / 2], "30.7": [d(lambda v: ell0(1.0, v), 0.0), -7 / 2],
        "30.8": [s0, math.log(4)], "30.9": [ell0(1.0, s0), math.log(2) + 0.5], "30.10": [ell0(1.0, s0), math.log(4) + 0.5],
    }

@document("315_exam_uniform_order_statistics")
def _(rng):
    xs, ws = np.polynomial.legendre.leggauss(40)
    xs, ws = (xs + 1) / 2, ws / 2                                  # Gauss-Legendre on [0, 1]
    integral = lambda f: float(sum(w * f(x) for x, w in zip(xs, ws)))  # noqa: E731

    def cdf(n, k, t):
        """P(U_(k) <= t): at least k of the n uniforms fall below t."""
        return sum(math.comb(n, j) * t**j * (1 - t) ** (n - j) for j in range(k, n + 1))

    dens = lambda n, k, t: d(lambda u: cdf(n, k, u), t)  # noqa: E731
    mom = lambda n, k, p: integral(lambda t: t**p * dens(n, k, t))  # noqa: E731
    n = int(rng.integers(2, 8))
    k, t, th = int(rng.integers(1, n + 1)), rng.uniform(0.05, 0.95), rng.uniform(0.5, 3)
    EM, Em, EM2 = mom(n, n, 1), mom(n, 1, 1), mom(n, n, 2)
    VM = EM2 - EM**2
    E3, V3 = mom(3, 3, 1), mom(3, 3, 2) - mom(3, 3, 1) ** 2
    return {
        "5": [cdf(n, n, t), t**n], "5.2": [dens(n, n, t), n * t ** (n - 1)],
        "7": [EM, integral(lambda u: u * n * u ** (n - 1)), n / (n + 1)], "9": [EM, (n - 1) / n],
        "11": [1 - cdf(n, 1, t), (1 - t) ** n], "11.2": [Em, integral(lambda u: (1 - u) ** n), 1 / (n + 1)],
        "11.3": [1 - cdf(n, 1, t), 1 - t**n], "11.4": [EM - Em, (n - 1) / (n + 1)], "11.5": [EM - Em, (n - 1) / n],
        "13": [EM2, n / (n + 2)], "15": [VM, n / (n + 2) - n**2 / (n + 1) ** 2, n / ((n + 1) ** 2 * (n + 2))],
        "17": [VM, n / ((n + 1) * (n + 2))],
        "19": [dens(n, k, t), math.factorial(n) / (math.factorial(k - 1) * math.factorial(n - k)) * t ** (k - 1) * (1 - t) ** (n - k)],
        "21": [mom(n, k, 1), k / (n + 1)],
        "21.2": [dens(n, k, t), math.factorial(n) / (math.factorial(k) * math.factorial(n - k)) * t ** (k - 1) * (1 - t) ** (n - k)],
        "23": [th * EM, n * th / (n + 1)], "23.3": [(n + 1) / n * th * EM, th], "23.4": [th * EM, th],
        "25.2": [E3, 3 / 4], "25.3": [mom(3, 1, 1), 1 / 4], "25.4": [V3, 3 / 80], "25.5": [V3, 3 / 20], "25.6": [mom(3, 2, 1), 1 / 2],
    }

@document("316_nb_gauss_legendre_two_point")
def _(rng):
    def simpson(f, a, b, n=2000):
        t = np.linspace(a, b, 2 * n + 1)
        y = f(t)
        return float((b - a) / (6 * n) * (y[0] + y[-1] + 4 * y[1:-1:2].sum() + 2 * y[2:-1:2].sum()))

    lx, lw = np.polynomial.legendre.leggauss(2)                  # NumPy's own two-point rule
    r3 = 1 / math.sqrt(3)
    G = lambda f: f(-r3) + f(r3)  # noqa: E731
    c = rng.normal(size=4)
    p = lambda x: c[0] + c[1] * x + c[2] * x**2 + c[3] * x**3  # noqa: E731
    a = rng.normal()
    b = a + rng.uniform(0.2, 4)
    g = lambda t: np.exp(np.sin(3 * t)) + t**5  # noqa: E731
    mp = lambda x: (b - a) / 2 * x + (a + b) / 2  # noqa: E731
    nodes = np.sort(np.polynomial.legendre.Legendre([0, 0, 1], domain=[a, b]).roots())
    q = 1 / (2 * math.sqrt(3))
    xi = lx[1]
    return {
        "1:7": [lw[0], 1], "1:7.2": [simpson(lambda x: x**2, -1, 1), 2 / 3], "1:7.3": [xi, r3], "1:7.4": [xi**2, 2 / 3],
        "2:5": [G(p), 2 * c[0] + 2 / 3 * c[2], simpson(p, -1, 1)], "2:7": [p(-1.0) + p(1.0), simpson(p, -1, 1)],
        "2:9": [G(lambda x: x**4), 2 * 1 / 9, 2 / 9], "2:9.2": [simpson(lambda x: x**4, -1, 1), 2 / 5],
        "2:11": [G(lambda x: x**4), 2 / 5], "2:11.2": [2 / 5 - 2 / 9, 8 / 45],
        "4:5": [simpson(g, a, b), (b - a) / 2 * simpson(lambda x: g(mp(x)), -1, 1)],
        "4:7": [simpson(g, a, b), simpson(lambda x: g(mp(x)), -1, 1)],
        "4:7.2": [nodes, np.array([(a + b) / 2 - (b - a) / (2 * math.sqrt(3)), (a + b) / 2 + (b - a) / (2 * math.sqrt(3))])],
        "4:7.3": [nodes, np.array([(a + b) / 2 - r3, (a + b) / 2 + r3])],
        "4:9": [0.5 * ((0.5 - q) ** 2 + (0.5 + q) ** 2), 0.5 * (0.5 + 1 / 6), 1 / 3],
        "4:11": [(0.5 - q) ** 2 + (0.5 + q) ** 2, simpson(lambda t: t**2, 0, 1)], "4:11.2": [xi, r3],
        "4:13": [(1 - xi) ** 3 + (1 + xi) ** 3, 2 + 6 * xi**2, 4, simpson(lambda t: t**3, 0, 2)],
        "4:15": [simpson(lambda t: t**3, 0, 2), 2**3 / 3],
    }

@document("317_recitation_jacobi_gauss_seidel")
def _(rng):
    def jacobi(A, b, x):
        return np.array([(b[i] - sum(A[i, j] * x[j] for j in range(len(b)) if j != i)) / A[i, i] for i in range(len(b))])

    def seidel(A, b, x):
        x = np.array(x, dtype=float)
        for i in range(len(b)):                                     # each component uses the newest values
            x[i] = (b[i] - sum(A[i, j] * x[j] for j in range(len(b)) if j != i)) / A[i, i]
        return x

    rho = lambda M: float(max(abs(np.linalg.eigvals(M))))  # noqa: E731
    n = int(rng.integers(2, 6))
    A = rng.normal(size=(n, n)) + np.diag(rng.choice([-1, 1], size=n) * rng.uniform(1, 3, size=n))
    b, x = rng.normal(size=n), rng.normal(size=n)
    D, L, U = np.diag(np.diag(A)), np.tril(A, -1), np.triu(A, 1)
    MJ, MG = jac(lambda v: jacobi(A, b, v), x), jac(lambda v: seidel(A, b, v), x)   # the error maps
    Di = np.linalg.inv(D)
    a = rng.normal(size=(2, 2))
    a[1, 1] = abs(a[1, 1]) + 0.3
    a[0, 0] = abs(a[0, 0]) + 0.3
    A2, b2 = a, rng.normal(size=2)
    MJ2, MG2 = jac(lambda v: jacobi(A2, b2, v), b2), jac(lambda v: seidel(A2, b2, v), b2)
    q = abs(a[0, 1] * a[1, 0]) / (a[0, 0] * a[1, 1])
    A4, b4 = np.array([[4.0, 1], [2, 5]]), np.array([6.0, 12])
    x1 = jacobi(A4, b4, np.zeros(2))
    MJ4, MG4 = jac(lambda v: jacobi(A4, b4, v), b4), jac(lambda v: seidel(A4, b4, v), b4)
    return {
        "10": [MJ, -Di @ (L + U), np.eye(n) - Di @ A], "10.2": [MG, -np.linalg.inv(D + L) @ U],
        "12": [MG, np.linalg.inv(D + L) @ U], "12.2": [MJ, np.eye(n) - A @ Di],
        "16": [MJ2, np.array([[0, -a[0, 1] / a[0, 0]], [-a[1, 0] / a[1, 1], 0]])], "16.2": [rho(MJ2), math.sqrt(q)],
        "18": [rho(MG2), q, rho(MJ2) ** 2], "18.2": [rho(MG2), rho(MJ2) / 2],
        "24": [np.linalg.solve(A4, b4), np.array([1, 2])], "24.2": [x1, np.array([3 / 2, 12 / 5])],
        "24.3": [jacobi(A4, b4, x1), np.array([9 / 10, 9 / 5])], "24.4": [(12 - 2 * 3 / 2) / 5, 9 / 5],
        "24.5": [seidel(A4, b4, np.zeros(2)), np.array([3 / 2, 9 / 5])], "24.6": [seidel(A4, b4, np.zeros(2)), np.array([3 / 2, 12 / 5])],
        "26": [MJ4, np.array([[0, -1 / 4], [-2 / 5, 0]])], "26.2": [rho(MJ4), math.sqrt(2 / 20), 1 / math.sqrt(10)],
        "26.3": [rho(MG4), 1 / 10], "28": [rho(MJ4), 1 / 10], "28.2": [MJ4, np.array([[0, -1 / 4], [-1 / 2, 0]])],
        "28.3": [math.log10(rho(MJ4)), -1 / 2], "28.4": [math.log10(rho(MG4)), -1 / 2],
    }

@document("318_ta_notes_probit_regression")
def _(rng):
    Phi = lambda t: 0.5 * (1 + math.erf(t / math.sqrt(2)))  # noqa: E731
    phi = lambda t: math.exp(-t * t / 2) / math.sqrt(2 * math.pi)  # noqa: E731
    tail = lambda a, s=1.0: 0.5 * math.erfc(a / (s * math.sqrt(2)))  # noqa: E731  (P(eps > a), eps ~ N(0, s^2))
    dim = int(rng.integers(1, 5))
    w, x = rng.normal(size=dim) / math.sqrt(dim), rng.normal(size=dim)
    z, s = float(w @ x), rng.uniform(0.3, 3)
    Y = (0.0, 1.0)                                                 # every gradient statement for both labels
    ell = lambda t, y: y * math.log(Phi(t)) + (1 - y) * math.log(1 - Phi(t))  # noqa: E731
    g = np.array([grad(lambda v: ell(v @ x, y), w) for y in Y])
    P, f = Phi(z), phi(z)
    lam = lambda t: phi(t) / Phi(t)  # noqa: E731
    both = lambda f: np.array([f(y) for y in Y])  # noqa: E731
    return {
        "8.2": [tail(-z), tail(-z), P], "8.3": [tail(-z), 1 - P], "8.4": [tail(-z, s), Phi(z / s)], "8.5": [tail(-z, s), Phi(s * z)],
        "10": [1 - P, Phi(-z)], "10.2": [Phi(-z), -P],
        "12": [g, np.array([(y * f / P - (1 - y) * f / (1 - P)) * x for y in Y]), np.array([(y - P) * f / (P * (1 - P)) * x for y in Y])],
        "14": [g, np.array([(y - P) * x for y in Y])], "14.2": [g, np.array([f / P * x for y in Y])],
        "14.4": [both(lambda y: ell(z, y)), both(lambda y: math.log(Phi((2 * y - 1) * z)))],
        "14.5": [g, np.array([(2 * y - 1) * f / Phi((2 * y - 1) * z) * x for y in Y])],
        "16": [d(phi, z), -z * f], "18": [d(lam, z), -lam(z) * (z + lam(z))],
        "20": [d2r(lambda t: ell(t, 1.0), z), -lam(z) * (z + lam(z))], "20.2": [d(lam, z), lam(z) * (z - lam(z))],
        "22.2": [Phi(0.0), 1 / 2], "22.3": [phi(0.0), 1 / (2 * math.pi)], "22.4": [both(lambda y: ell(0.0, y)), np.full(2, math.log(1 / 2))],
        "24": [d(lambda t: ell(t, 1.0), 0.0), 2 / math.sqrt(2 * math.pi), math.sqrt(2 / math.pi)],
        "26": [phi(0.0) / Phi(0.0), 1 / (2 * math.sqrt(2 * math.pi))], "26.2": [d(lambda t: ell(t, 0.0), 0.0), -math.sqrt(2 / math.pi)],
        "26.3": [both(lambda y: d2r(lambda t: ell(t, y), 0.0)), np.full(2, -2 / math.pi)],
    }

@document("319_lecture_leibniz_integral_rule")
def _(rng):
    xg, wg = np.polynomial.legendre.leggauss(80)
    quad = lambda h, a, b: float((b - a) / 2 * (wg @ h((b - a) / 2 * xg + (a + b) / 2)))  # noqa: E731
    v = np.linspace(-40, 8, 48001)
    dv = v[1] - v[0]

    def half(h):
        """The integral of h over (0, inf), as int h(e^v) e^v dv by the trapezoid rule (smooth, decaying both ways)."""
        y = h(np.exp(v)) * np.exp(v)
        return float(dv * (y.sum() - (y[0] + y[-1]) / 2))

    I = lambda t: half(lambda u: (np.exp(-u) - np.exp(-(1 + t) * u)) / u)  # noqa: E731  (x = e^{-u} in line 25)
    f = lambda x, t: np.exp(-x * t) * np.cos(x + t)  # noqa: E731
    a, b = lambda t: math.sin(t), lambda t: 1 + t * t  # noqa: E731
    g = lambda x: np.cos(3 * x) + x**3  # noqa: E731
    t = rng.uniform(-2, 2)
    ft = lambda x, t: (f(x, t + 1e-6) - f(x, t - 1e-6)) / 2e-6  # noqa: E731
    F = lambda t: quad(lambda x: np.sin(x * t), 0, t * t)  # noqa: E731
    tp, ti, n = rng.uniform(0.2, 3), rng.uniform(-0.9, 3), int(rng.integers(0, 6))
    E = lambda t: quad(lambda x: np.exp(-x) / x, t, 2 * t)  # noqa: E731
    x0 = rng.uniform(0.05, 3)
    return {
        "8": [d(lambda t: quad(lambda x: f(x, t), a(t), b(t)), t),
              f(b(t), t) * d(b, t) - f(a(t), t) * d(a, t) + quad(lambda x: ft(x, t), a(t), b(t))],
        "10": [d(lambda s: quad(g, 0, s), t), g(t)], "10.2": [d(lambda s: quad(g, 0, s), t), g(t) - g(0)],
        "14": [d(F, t), 2 * t * math.sin(t**3) + quad(lambda x: x * np.cos(x * t), 0, t * t)],
        "16": [d(F, t), math.sin(t**3) + quad(lambda x: x * np.cos(x * t), 0, t * t)], "16.2": [d(F, t), 2 * t * math.sin(t**3)],
        "17": [d(F, 1.0), 2 * math.sin(1) + quad(lambda x: x * np.cos(x), 0, 1), 3 * math.sin(1) + math.cos(1) - 1],
        "17.2": [quad(lambda x: x * np.cos(x), 0, 1), math.sin(1) - math.cos(1) + 1],
        "21": [d(E, tp), math.exp(-2 * tp) / (2 * tp) * 2 - math.exp(-tp) / tp, (math.exp(-2 * tp) - math.exp(-tp)) / tp],
        "23": [d(E, tp), math.exp(-2 * tp) / (2 * tp) - math.exp(-tp) / tp], "23.2": [d(lambda s: 2 * s, tp), 2],
        "25.2": [d(lambda s: x0**s, ti), x0**ti * math.log(x0)],
        "27": [d(I, ti), half(lambda u: np.exp(-(ti + 1) * u)), 1 / (ti + 1)],   # int_0^1 x^t dx with x = e^{-u}
        "29": [I(0.0), 0], "29.2": [I(ti), math.log(ti + 1)], "29.3": [I(1.0), math.log(2)],
        "29.4": [I(ti), math.log(ti) if ti > 0 else UNDEFINED],
        "31": [half(lambda x: np.exp(-tp * x)), 1 / tp],
        "33": [half(lambda x: x**n * np.exp(-tp * x)), math.factorial(n) / tp ** (n + 1)],
        "35": [half(lambda x: x**n * np.exp(-tp * x)), math.factorial(n) / tp**n],
        "35.3": [half(lambda x: x**n * np.exp(-x)), math.factorial(n)],
        "35.4": [2 * half(lambda x: np.exp(-tp * x * x)), math.sqrt(math.pi / tp)],
        "35.5": [2 * half(lambda x: x * x * np.exp(-tp * x * x)), math.sqrt(math.pi) / 2 * tp**-1.5],
        "35.6": [2 * half(lambda x: x * x * np.exp(-tp * x * x)), math.sqrt(math.pi) / 2 * tp**-0.5],
    }

@document("320_blog_perplexity_bits_per_token")
def _(rng):
    N = int(rng.integers(1, 8))
    q = rng.uniform(0.02, 1, size=N)
    t = int(rng.integers(0, N))
    ell = lambda q: -float(np.mean(np.log(q)))  # noqa: E731
    ppl = lambda q: math.exp(ell(q))  # noqa: E731
    l2 = -float(np.mean(np.log2(q)))
    C = int(rng.integers(N + 1, 6 * N + 2))
    bpc = N * l2 / C
    V = int(rng.integers(2, 50000))
    qu = np.full(N, 1 / V)
    x = rng.uniform(0.01, 5)
    q4 = np.array([1 / 2, 1 / 4, 1 / 8, 1 / 2])
    l24, ppl4 = -float(np.mean(np.log2(q4))), ppl(q4)
    bpc4 = 4 * l24 / 14
    return {
        "11": [ppl(q), math.exp(ell(q)), float(np.prod(q)) ** (-1 / N)], "13": [ppl(q), float(np.prod(q)) ** (1 / N)],
        "15.2": [math.log2(x), math.log(x) / math.log(2)],
        "17": [l2, ell(q) / math.log(2)], "17.2": [2**l2, math.exp(ell(q)), ppl(q)], "19": [l2, ell(q) * math.log(2)],
        "21": [ell(qu), math.log(V)], "21.2": [ppl(qu), V],
        "23.2": [2**bpc, ppl(q) ** (N / C)], "23.3": [2**bpc, ppl(q) ** (C / N)],
        "27": [l24, (1 + 2 + 3 + 1) / 4, 7 / 4], "27.2": [ppl4, (2 * 4 * 8 * 2) ** 0.25, 2**1.75],
        "29": [ppl4, (2 + 4 + 8 + 2) / 4, 4], "29.3": [bpc4, 1 / 2], "29.4": [bpc4, 7 / (4 * 14)],
        "33": [partial(ell, q, t), -1 / (N * q[t])], "33.2": [partial(ppl, q, t), -ppl(q) / (N * q[t])],
        "35": [partial(ppl, q, t), -1 / (N * q[t])],
    }

@document("321_hw_mutual_information_2x2")
def _(rng):
    lg = math.log2
    H = lambda v: -float(sum(p * lg(p) for p in np.ravel(v) if p > 0))  # noqa: E731
    h = lambda a: H([a, 1 - a])  # noqa: E731

    def info(P):
        """H(X), H(Y), H(X, Y), H(Y | X), H(X | Y), I(X; Y) of a joint table P[x, y], each from its definition."""
        px, py = P.sum(axis=1), P.sum(axis=0)
        hyx = sum(px[i] * H(P[i] / px[i]) for i in range(len(px)))
        hxy = sum(py[j] * H(P[:, j] / py[j]) for j in range(len(py)))
        mi = float(sum(P[i, j] * lg(P[i, j] / (px[i] * py[j])) for i in range(len(px)) for j in range(len(py))))
        return H(px), H(py), H(P), hyx, hxy, mi

    R = rng.dirichlet(np.ones(6)).reshape(int(rng.choice([2, 3])), -1)   # any pair of discrete variables
    hx, hy, hj, hyx, _, mi = info(R)
    P = np.array([[1 / 2, 1 / 4], [1 / 8, 1 / 8]])
    HX, HY, HJ, HYX, HXY, MI = info(P)
    return {
        "7": [mi, mi, hx + hy - hj], "9": [hj, hx + hyx], "9.2": [mi, hy - hyx],
        "11": [P.sum(axis=1), np.array([3 / 4, 1 / 4])], "11.2": [P.sum(axis=0), np.array([5 / 8, 3 / 8])],
        "15": [HX, h(1 / 4), 1 / 4 * lg(4) + 3 / 4 * lg(4 / 3)], "17": [HX, 1 / 4 * lg(4) + 3 / 4 * lg(3)],
        "17.2": [HY, 3 - 5 / 8 * lg(5) - 3 / 8 * lg(3)],
        "21": [HJ, 1 / 2 * 1 + 1 / 4 * 2 + 2 * 1 / 8 * 3, 7 / 4], "23": [HJ, HX + HY],
        "27": [HYX, 3 / 4 * h(1 / 3) + 1 / 4 * h(1 / 2), 3 / 4 * lg(3) - 1 / 4],
        "29": [h(1 / 3), lg(3) - 2 / 3], "29.2": [h(1 / 3), lg(3) - 1 / 3], "29.3": [HXY, HYX], "29.4": [HXY, 7 / 4 - HY],
        "29.5": [HYX, 1 / 2 * h(1 / 3) + 1 / 2 * h(1 / 2)],
        "33": [MI, HX + HY - HJ, 13 / 4 - 9 / 8 * lg(3) - 5 / 8 * lg(5)],
        "35": [MI, HJ - HX - HY], "35.2": [MI, HY - HXY],
    }

@document("322_forum_ar1_sample_mean_variance")
def _(rng):
    def ar1(phi, s2, J=600):
        """The AR(1) process as the moving average x_t = sum_j phi^j eps_{t-j} (truncated at J terms)."""
        psi = phi ** np.arange(J)
        gam = lambda k: s2 * float(psi[: J - k] @ psi[k:])  # noqa: E731   Cov(x_t, x_{t-k})
        var_sum = lambda n: s2 * float(np.sum(np.convolve(np.ones(n), psi) ** 2))  # noqa: E731   Var(x_1 + ... + x_n)
        long_run = lambda: 2 * var_sum(4000) / 4000 - var_sum(2000) / 2000  # noqa: E731   n Var(x-bar), its 1/n term extrapolated away
        return gam, var_sum, long_run

    phi, s2 = rng.uniform(-0.85, 0.85), rng.uniform(0.2, 3)
    k, n = int(rng.integers(1, 7)), int(rng.integers(2, 9))
    gam, var_sum, long_run = ar1(phi, s2)
    g0 = gam(0)
    vbar, v2 = var_sum(n) / n**2, var_sum(2) / 4
    cov_eps = 0.0                     # Cov(eps_t, x_{t-k}): eps_t has the coefficient psi_{-k}, none, in x_{t-k} for k >= 1
    geo = sum(phi**j for j in range(1, 2000))
    g9, _, lr9 = ar1(0.9, 1.0)
    gh, _, lrh = ar1(0.5, 1.0)
    return {
        "9": [g0, phi**2 * g0 + s2], "11": [g0, s2 / (1 - phi**2)], "13": [g0, s2 / (1 - phi)],
        "17": [gam(k), phi * gam(k - 1) + cov_eps, phi * gam(k - 1)],
        "19": [gam(k), phi**k * g0], "19.2": [gam(k), phi**k * s2],
        "23": [vbar, sum(gam(abs(a - b)) for a in range(n) for b in range(n)) / n**2,
               g0 / n * (1 + 2 * sum((1 - j / n) * phi**j for j in range(1, n)))],
        "25": [v2, g0 * (1 + phi) / 2], "25.2": [v2, g0 / 2],
        "27": [1 + 2 * geo, 1 + 2 * phi / (1 - phi), (1 + phi) / (1 - phi)],
        "31": [long_run(), s2 / (1 - phi**2) * (1 + phi) / (1 - phi), s2 / (1 - phi) ** 2], "33": [geo, 1 / (1 - phi)],
        "35.3": [g9(0) / lr9(), 1 / 19], "35.4": [g9(0) / lr9(), 1 / 10],     # n_eff / n = gamma_0 / (n Var(x-bar)) for large n
        "37.2": [gh(0), 4 / 3], "37.3": [gh(2), 1 / 3], "37.4": [gh(2), 1 / 4], "37.5": [lrh(), 4],
    }

@document("323_exam_bradley_terry_ranknet")
def _(rng):
    dim = int(rng.integers(2, 5))
    w, xi, xj = rng.normal(size=dim), rng.normal(size=dim), rng.normal(size=dim)
    Pb = rng.uniform(0, 1)
    Ls = lambda si, sj: -math.log(math.exp(si) / (math.exp(si) + math.exp(sj)))  # noqa: E731   from the Bradley-Terry form
    Lw = lambda w, xi=xi, xj=xj: Ls(w @ xi, w @ xj)  # noqa: E731
    si, sj = w @ xi, w @ xj
    D, s = si - sj, sig(si - sj)
    LP = lambda t: Pb * math.log1p(math.exp(-t)) + (1 - Pb) * math.log1p(math.exp(t))  # noqa: E731   -log sigma, -log(1 - sigma)
    dsi, dsj = d(lambda t: Ls(t, sj), si), d(lambda t: Ls(si, t), sj)
    gw = grad(Lw, w)
    Hw = np.array([[partial2(Lw, w, a, b) for b in range(dim)] for a in range(dim)])
    w0, xi0, xj0 = np.array([1.0, -1]), np.array([2.0, 1]), np.array([1.0, 1])
    eta = rng.uniform(0.01, 2)
    L0 = Lw(w0, xi0, xj0)
    g0 = grad(lambda v: Lw(v, xi0, xj0), w0)
    e = math.e
    return {
        "5": [math.exp(si) / (math.exp(si) + math.exp(sj))] * 2 + [sig(si - sj)],
        "9": [d(lambda t: math.log(sig(t)), D), 1 - s],
        "11": [dsi, s - 1], "11.2": [dsj, 1 - s], "13": [dsj, s - 1],
        "17": [gw, dsi * xi + dsj * xj, (s - 1) * (xi - xj)], "19": [gw, (s - 1) * xi],
        "23": [d(LP, D), s - Pb], "25": [d(LP, D), Pb - s], "27": [d2r(LP, D), s * (1 - s)],
        "29": [Hw, s * (1 - s) * np.outer(xi - xj, xi - xj)], "31": [Hw, s * (1 - s) * float((xi - xj) @ (xi - xj))],
        "33.4": [w0 @ xi0, 1], "33.5": [w0 @ xj0, 0],
        "35": [L0, -math.log(sig(1.0)), math.log(1 + math.exp(-1))],
        "37": [sig(1.0) - 1, -1 / (1 + e)], "37.2": [g0, np.array([-1 / (1 + e), 0])],
        "37.3": [w0 - eta * g0, np.array([1 + eta / (1 + e), -1])], "37.4": [(w0 - eta * g0) @ (xi0 - xj0), 1 + eta / (1 + e)],
        "37.5": [w0 @ xi0, 3], "37.6": [L0, math.log(1 + e)], "37.7": [sig(1.0) - 1, -e / (1 + e)],
    }

@document("324_cheatsheet_dft_parseval")
def _(rng):
    C = lambda z: np.stack([np.real(z), np.imag(z)]).astype(float)  # noqa: E731   complex values as (re, im) pairs
    N = int(rng.integers(2, 9))
    x = rng.normal(size=N) + 1j * rng.normal(size=N)
    h = rng.normal(size=N) + 1j * rng.normal(size=N)
    xr = rng.normal(size=N)                                        # a real signal
    n, k, m = int(rng.integers(0, N)), int(rng.integers(1, N)) if N > 1 else 0, int(rng.integers(1, N))
    X, H, Xr = np.fft.fft(x), np.fft.fft(h), np.fft.fft(xr)       # NumPy's DFT, the same convention
    F = np.array([[np.exp(-2j * np.pi * a * b / N) for b in range(N)] for a in range(N)])
    syn = sum(X[q] * np.exp(2j * np.pi * q * n / N) for q in range(N))
    Y = np.fft.fft(np.roll(x, m))                                  # np.roll(x, m)[n] = x[(n - m) mod N]
    conv = np.array([sum(x[q] * h[(p - q) % N] for q in range(N)) for p in range(N)])
    cconv = lambda a, b: np.array([sum(a[q] * b[(p - q) % N] for q in range(N)) for p in range(N)])  # noqa: E731
    kk = np.arange(N)
    x4 = np.array([1.0, 2, 0, -1])
    X4 = np.fft.fft(x4)
    q = int(rng.integers(0, 4))
    return {
        "8": [C(x[n]), C(syn / N)], "8.2": [C(x[n]), C(syn)],
        "10.2": [C(F.conj().T @ F), C(N * np.eye(N))], "10.3": [C(np.linalg.inv(F)), C(F.conj().T / N)],
        "10.4": [C(np.linalg.inv(F)), C(F.conj().T)],
        "12": [C(Xr[N - k]), C(np.conj(Xr[k]))], "12.2": [C(Xr[N - k]), C(Xr[k])],
        "16": [float(np.sum(abs(x) ** 2)), float(np.sum(abs(X) ** 2)) / N], "18": [float(np.sum(abs(x) ** 2)), float(np.sum(abs(X) ** 2))],
        "20.2": [C(Y), C(np.exp(-2j * np.pi * kk * m / N) * X)], "20.3": [C(Y), C(np.exp(2j * np.pi * kk * m / N) * X)],
        "24": [C(np.fft.fft(conv)), C(X * H)], "26": [C(np.fft.fft(x * h)), C(cconv(X, H) / N)],
        "28": [C(np.exp(-2j * np.pi / 4)), C(-1j)], "28.2": [C(X4[q]), C(sum(x4[p] * (-1j) ** (q * p) for p in range(4)))],
        "30": [C(X4[0]), C(2)], "30.2": [C(X4[1]), C(1 + 2 * (-1j) + 0 + (-1) * 1j), C(1 - 3j)],
        "30.3": [C(X4[2]), C(1 - 2 + 0 + 1), C(0)],
        "32": [C(X4[3]), C(1 + 3j)], "32.2": [C(X4[1]), C(1 - 1j)], "32.3": [C((-1j) ** 3), C(-1j)],
        "32.4": [float(np.sum(x4**2)), 6], "34": [float(np.sum(abs(X4) ** 2)), 4 + 10 + 0 + 10, 24],
    }

@document("325_reading_group_hierarchical_softmax")
def _(rng):
    def path(V, w):
        """(internal node, direction) from the root to leaf w (0-based) of the balanced heap-ordered tree: node 1 the root,
        node i with children 2i (left, +1) and 2i + 1 (right, -1), the leaves V..2V-1."""
        steps, i = [], V + w
        while i > 1:
            steps.append((i // 2, 1 if i % 2 == 0 else -1))
            i //= 2
        return steps[::-1]

    prob = lambda a, V, w: math.prod(sig(dj * a[n]) for n, dj in path(V, w))  # noqa: E731   a[n]: the score at node n
    D, dim = int(rng.integers(1, 5)), int(rng.integers(1, 4))
    V = 2**D
    U, h = rng.normal(size=(V, dim)), rng.normal(size=dim)        # U[n], n = 1..V-1, the internal nodes (row 0 unused)
    w = int(rng.integers(0, V))
    steps = path(V, w)
    j = int(rng.integers(0, len(steps)))
    nj, dj = steps[j]
    logp = lambda U, h: math.log(prob(U @ h, V, w))  # noqa: E731
    gu = grad(lambda u: logp(np.vstack([U[:nj], u[None], U[nj + 1:]]), h), U[nj])
    gh = grad(lambda v: logp(U, v), h)
    a = U @ h
    z = rng.normal(scale=2)
    at = lambda ab: np.array([0.0, 0.0, ab, 0.0])  # noqa: E731   the toy tree: root 1, b = 2, c = 3
    L3 = math.log(3)
    return {
        "10": [sig(z) + sig(-z), 1], "10.2": [sum(prob(a, V, v) for v in range(V)), 1],
        "10.4": [len(path(V, int(rng.integers(0, V)))), math.log2(V)],
        "12": [logp(U, h), sum(math.log(sig(d_ * a[n])) for n, d_ in steps)],
        "12.2": [d(lambda t: math.log(sig(t)), z), 1 - sig(z)],
        "14": [gu, (1 - sig(dj * a[nj])) * dj * h], "14.2": [gh, sum((1 - sig(d_ * a[n])) * d_ * U[n] for n, d_ in steps)],
        "16": [logp(U, h), math.prod(math.log(sig(d_ * a[n])) for n, d_ in steps)],
        "16.2": [d(lambda t: math.log(sig(t)), z), sig(z)], "16.3": [gu, (1 - sig(dj * a[nj])) * h],
        "16.4": [gh, sum((sig(d_ * a[n]) - 1) * d_ * U[n] for n, d_ in steps)],
        "18.5": [sig(L3), 3 / 4],
        "20": [prob(at(L3), 4, 0), 1 / 2 * 3 / 4, 3 / 8], "20.2": [prob(at(L3), 4, 1), 1 / 2 * 1 / 4, 1 / 8],
        "22": [prob(at(L3), 4, 1), 3 / 8], "22.2": [-math.log(prob(at(L3), 4, 0)), math.log(8 / 3)],
        "24": [d(lambda t: -math.log(prob(at(t), 4, 0)), L3), -(1 - sig(L3)), -1 / 4],
        "26": [d(lambda t: -math.log(prob(at(t), 4, 0)), L3), -3 / 4],
    }

@document("326_recitation_bisection_secant_sqrt2")
def _(rng):
    import mpmath

    f = lambda x: x * x - 2  # noqa: E731

    def bisect(a, b, n):
        """The midpoints c_1..c_n and the final bracket of n bisection steps on [a, b]."""
        mids = []
        for _ in range(n):
            c = (a + b) / 2
            mids.append(c)
            a, b = (a, c) if f(a) * f(c) < 0 else (c, b)
        return mids, b - a

    def secant(x0, x1, steps, number=float):
        xs = [number(x0), number(x1)]
        for _ in range(steps):
            a, b = xs[-2], xs[-1]
            xs.append(b - f(b) * (b - a) / (f(b) - f(a)))
        return xs

    n = int(rng.integers(1, 30))
    mids, width = bisect(1.0, 2.0, n)
    need = next(m for m in range(100) if bisect(1.0, 2.0, m)[1] <= 1e-6)
    xa, xb = rng.uniform(0.3, 3, size=2)
    nxt = secant(xa, xb, 1)[-1]
    xs = secant(1, 2, 3)
    with mpmath.workdps(2000):                                     # the order and the error constant, from the iterates
        ys = secant(1, 2, 15, mpmath.mpf)
        le = [mpmath.log(abs(y - mpmath.sqrt(2))) for y in ys]
        p = float((le[16] - le[15]) / (le[15] - le[14]))
        cst = float(mpmath.exp(le[15] - le[14] - le[13]))
    phi = (1 + math.sqrt(5)) / 2
    return {
        "7": [width, 2.0**-n], "9": [bisect(1.0, 2.0, 1)[0][0], 3 / 2], "9.2": [f(1.5), 1 / 4], "9.3": [f(1.25), -7 / 16],
        "9.4": [bisect(1.0, 2.0, 3)[0][2], 11 / 8], "9.5": [bisect(1.0, 2.0, 3)[0][2], 9 / 8],
        "13": [need, math.ceil(6 * math.log2(10)), 20], "15": [need, math.ceil(math.log10(10**6)), 6],
        "23": [f(xb) - f(xa), (xb - xa) * (xb + xa)], "23.2": [f(xb) - f(xa), (xb - xa) ** 2],
        "25": [nxt, xb - (xb**2 - 2) / (xb + xa), (xb * xa + 2) / (xb + xa)], "27": [nxt, (xb * xa - 2) / (xb + xa)],
        "29": [xs[2], 4 / 3], "29.2": [xs[3], (8 / 3 + 2) / (10 / 3), 7 / 5], "29.3": [xs[4], 58 / 41],
        "31": [xs[3], 10 / 7], "35": [nxt - math.sqrt(2), (xb - math.sqrt(2)) * (xa - math.sqrt(2)) / (xb + xa)],
        "37": [p, phi], "37.2": [phi**2, phi + 1], "37.3": [p, 2],
        "37.5": [cst, 1 / (2 * math.sqrt(2))], "37.6": [cst, 1 / math.sqrt(2)],
    }

@document("327_notes_tv_hellinger_js")
def _(rng):
    import itertools

    H = lambda v: -float(sum(x * math.log(x) for x in v if x > 0))  # noqa: E731
    KL = lambda u, v: float(sum(x * math.log(x / y) for x, y in zip(u, v) if x > 0))  # noqa: E731
    tv = lambda u, v: max(abs(sum(u[i] - v[i] for i in A))  # noqa: E731   the largest disagreement over all events
                          for r in range(len(u) + 1) for A in itertools.combinations(range(len(u)), r))
    hel = lambda u, v: 0.5 * float(np.sum((np.sqrt(u) - np.sqrt(v)) ** 2))  # noqa: E731
    js = lambda u, v: 0.5 * KL(u, (u + v) / 2) + 0.5 * KL(v, (u + v) / 2)  # noqa: E731
    K = int(rng.integers(2, 6))
    p, q = rng.dirichlet(np.ones(K)), rng.dirichlet(np.ones(K))
    m = (p + q) / 2
    a, b = rng.uniform(0.05, 0.95, size=2)
    pa, qb = np.array([a, 1 - a]), np.array([b, 1 - b])
    p0, q0 = np.array([1.0, 0]), np.array([0.5, 0.5])
    L43 = math.log(4 / 3)
    return {
        "5.2": [float(np.sum(p - q)), 0], "7": [tv(p, q), float(np.sum((p - q)[p > q])), tv(p, q)],
        "9": [tv(p, q), float(np.sum(abs(p - q)))],
        "13": [hel(p, q), hel(p, q), 1 - float(np.sum(np.sqrt(p * q)))], "15": [hel(p, q), 1 - float(np.sum(p * q))],
        "19": [js(p, q), 0.5 * KL(p, m) + 0.5 * KL(q, m), H(m) - (H(p) + H(q)) / 2], "21": [js(p, q), H(m) - H(p) - H(q)],
        "23.3": [tv(pa, qb), abs(a - b)], "23.4": [hel(pa, qb), 1 - math.sqrt(a * b) - math.sqrt((1 - a) * (1 - b))],
        "25": [KL(pa, qb), a * math.log(a / b) + (1 - a) * math.log((1 - a) / (1 - b))],
        "25.2": [d(lambda t: KL(pa, np.array([t, 1 - t])), b), (b - a) / (b * (1 - b))],
        "27": [d(lambda t: KL(pa, np.array([t, 1 - t])), b), (a - b) / (b * (1 - b))],
        "29.3": [(p0 + q0) / 2, np.array([3 / 4, 1 / 4])], "29.4": [tv(p0, q0), 1 / 2],
        "29.5": [hel(p0, q0), 1 - 1 / math.sqrt(2)], "29.6": [hel(p0, q0), 1 / 2], "29.7": [KL(p0, q0), math.log(2)],
        "31": [js(p0, q0), 0.5 * L43 + 0.5 * 0.5 * L43, 0.75 * L43], "33": [js(p0, q0), 0.5 * L43],
    }

@document("328_blog_additive_attention_gradients")
def _(rng):
    T, dq, dk, hh = (int(x) for x in rng.integers(2, 5, size=4))
    if hh == dq:
        hh += 1
    q, K = rng.normal(size=dq), rng.normal(size=(T, dk))
    W, U, v = rng.normal(size=(hh, dq)), rng.normal(size=(hh, dk)), rng.normal(size=hh)
    i, j = int(rng.integers(0, T)), int(rng.integers(0, T))
    score = lambda q, W=W, v=v: np.array([v @ np.tanh(W @ q + U @ k) for k in K])  # noqa: E731
    ctx_e = lambda e: softmax(e) @ K  # noqa: E731
    ctx = lambda q: ctx_e(score(q))  # noqa: E731
    e = score(q)
    al, c = softmax(e), ctx(q)
    t = np.tanh(W @ q + U @ K[i])
    g = v * (1 - t * t)
    gq = grad(lambda x: score(x)[i], q)
    gW = grad(lambda M: score(q, W=M)[i], W)
    gqs = [grad(lambda x: score(x)[m], q) for m in range(T)]
    one = lambda z: np.array([softmax(np.tanh(z + np.array([0.0, 1, -1]))) @ np.array([0.0, 1, -1])])  # noqa: E731
    e1 = lambda z: np.tanh(z + np.array([0.0, 1, -1]))  # noqa: E731
    tau = math.tanh(1)
    return {
        "13": [grad(lambda x: score(q, v=x)[i], v), t], "15": [gq, W.T @ g], "17": [gq, W.T @ v], "17.2": [gq, mat(W, g)],
        "17.3": [gW, np.outer(g, q)], "17.4": [gW, np.outer(q, g)],
        "21": [partial(softmax, e, j)[i], al[i] * (delta(i, j) - al[j])],
        "23": [partial(ctx_e, e, j), sum(al[m] * (delta(m, j) - al[j]) * K[m] for m in range(T)), al[j] * (K[j] - c)],
        "25": [partial(ctx_e, e, j), al[j] * K[j]],
        "27": [jac(ctx, q), sum(al[m] * np.outer(K[m] - c, gqs[m]) for m in range(T))],
        "32.3": [e1(0.0), np.array([0, tau, -tau])],
        "34": [one(0.0)[0], (math.exp(tau) - math.exp(-tau)) / (1 + math.exp(tau) + math.exp(-tau)),
               2 * math.sinh(tau) / (1 + 2 * math.cosh(tau))],
        "36": [one(0.0)[0], 0], "36.2": [d(lambda z: e1(z)[0], 0.0), 1], "36.3": [d(lambda z: e1(z)[1], 0.0), 1 - tau**2],
        "36.4": [d(lambda z: e1(z)[2], 0.0), tau**2 - 1],
    }

@document("329_appendix_shrinkage_bias_variance")
def _(rng):
    import itertools

    def law(vals, probs, n):
        """E over every outcome of n i.i.d. draws from a finite law."""
        outcomes = [(np.array([vals[k] for k in ks]), math.prod(probs[k] for k in ks))
                    for ks in itertools.product(range(len(vals)), repeat=n)]
        return lambda f: sum(p * f(x) for x, p in outcomes)  # noqa: E731

    vals, probs = rng.normal(size=3) * 2 + rng.normal(), rng.dirichlet(np.ones(3))
    n = int(rng.integers(2, 5))
    E = law(vals, probs, n)
    mu, s2 = float(probs @ vals), float(probs @ vals**2 - (probs @ vals) ** 2)
    c, th = rng.normal(), rng.normal()
    est = lambda x: float(np.median(x) ** 2)  # noqa: E731   some estimator theta-hat
    var_est = E(lambda x: est(x) ** 2) - E(est) ** 2
    mhat = lambda c: lambda x: c * x.mean()  # noqa: E731
    M = lambda c: E(lambda x: (mhat(c)(x) - mu) ** 2)  # noqa: E731
    var_mc = E(lambda x: mhat(c)(x) ** 2) - E(mhat(c)) ** 2
    var_xb = E(lambda x: x.mean() ** 2) - E(lambda x: x.mean()) ** 2
    cs = c - d(M, c) / d2(M, c)                                    # the minimiser of the quadratic M
    b = s2 / n
    E4 = law([-1.0, 3.0], [0.5, 0.5], 4)                           # mean 1, variance 4, n = 4
    M4 = lambda c: E4(lambda x: (c * x.mean() - 1) ** 2)  # noqa: E731
    c4 = 0.3 - d(M4, 0.3) / d2(M4, 0.3)
    return {
        "9": [E(lambda x: (est(x) - th) ** 2), var_est + (E(est) - th) ** 2],
        "11": [E(lambda x: (est(x) - th) ** 2), var_est - (E(est) - th) ** 2],
        "15": [E(mhat(c)) - mu, (c - 1) * mu], "16": [var_mc, c * c * var_xb, c * c * s2 / n],
        "18": [var_mc, c * s2 / n], "18.2": [E(mhat(c)) - mu, (1 - c) * mu],
        "20": [M(c), M(c), c * c * s2 / n + (c - 1) ** 2 * mu**2],
        "25": [d(M, c), 2 * c * s2 / n + 2 * (c - 1) * mu**2],
        "29": [cs, mu**2 / (mu**2 + s2 / n), n * mu**2 / (n * mu**2 + s2)], "31": [cs, mu**2 / (mu**2 + s2)],
        "33": [M(cs), (b * b * mu**2 + mu**4 * b) / (mu**2 + b) ** 2, mu**2 * b / (mu**2 + b), cs * s2 / n],
        "36": [M(cs) / M(1.0), cs],
        "38.4": [c4, 1 / 2], "38.5": [M4(c4), 1 / 2], "38.6": [M4(1.0), 1], "38.7": [M4(c4), 1 / 4], "38.8": [c4, 1 / 5],
    }

@document("330_lecture_matrix_exponential")
def _(rng):
    from scipy.linalg import expm                                  # Pade with scaling and squaring, not the series

    n = int(rng.integers(2, 5))
    A = rng.normal(size=(n, n)) / 2
    t = rng.uniform(-1.5, 1.5)
    E = lambda s: expm(s * A)  # noqa: E731
    series = sum(t ** (k - 1) * np.linalg.matrix_power(A, k) / math.factorial(k - 1) for k in range(1, 60))
    B = 0.7 * A - 0.3 * A @ A + rng.normal() * np.eye(n)         # commutes with A
    V, lam = rng.normal(size=(n, n)) + 2 * np.eye(n), rng.normal(size=n)
    k = int(rng.integers(0, 6))
    AV = V @ np.diag(lam) @ np.linalg.inv(V)
    N, I2, S = np.array([[0.0, 1], [0, 0]]), np.eye(2), np.array([[0.0, -1], [1, 0]])
    la = rng.normal()
    c, s = math.cos(t), math.sin(t)
    A2 = np.array([[1.0, 1], [0, 2]])
    et, e2t = math.exp(t), math.exp(2 * t)
    return {
        "12": [d(E, t), series, A @ E(t), E(t) @ A], "14": [d(E, t), E(t)],
        "16.2": [expm(A + B), expm(A) @ expm(B)],
        "18": [np.linalg.det(E(t)), math.exp(t * np.trace(A))], "20": [np.linalg.det(E(t)), math.exp(t * np.linalg.det(A))],
        "20.3": [np.linalg.matrix_power(AV, k), V @ np.diag(lam**k) @ np.linalg.inv(V)],
        "20.4": [expm(t * AV), V @ np.diag(np.exp(t * lam)) @ np.linalg.inv(V)],
        "22.2": [N @ N, np.zeros((2, 2))], "24": [expm(t * N), I2 + t * N, np.array([[1, t], [0, 1]])],
        "26.2": [expm(t * (la * I2 + N)), math.exp(la * t) * (I2 + t * N)],
        "26.3": [expm(t * (la * I2 + N)), math.exp(la * t) * I2 + t * N],
        "26.4": [expm(N + N.T), expm(N) @ expm(N.T)],
        "28": [expm(t * S), c * I2 + s * S, np.array([[c, -s], [s, c]])], "30": [expm(t * S), np.array([[c, s], [-s, c]])],
        "34": [expm(t * A2), np.array([[et, e2t - et], [0, e2t]])], "36": [np.linalg.det(expm(t * A2)), math.exp(3 * t)],
        "36.2": [expm(t * A2)[0, 1], t * et],
    }

@document("331_handout_gaussian_conditioning_schur")
def _(rng):
    from scipy.stats import multivariate_normal

    def conditional(mu, Sig, p, xb):
        """Mean and covariance of the first p coordinates given the rest = xb, from the joint log-density alone:
        its Hessian in x_a is minus the conditional precision, and one Newton step from anywhere finds the mode."""
        f = lambda xa: -multivariate_normal(mu, Sig).logpdf(np.concatenate([xa, xb]))  # noqa: E731
        x0 = np.zeros(p)
        P = np.array([[partial2(f, x0, i, k) for k in range(p)] for i in range(p)])
        return x0 - np.linalg.solve(P, grad(f, x0)), np.linalg.inv(P)

    p, q = (int(v) for v in rng.choice(np.arange(1, 4), size=2, replace=False))
    G = rng.normal(size=(p + q, p + q))
    Sig = G @ G.T / (p + q) + 0.5 * np.eye(p + q)
    mu, xb = rng.normal(size=p + q), rng.normal(size=q)
    m, C = conditional(mu, Sig, p, xb)
    Saa, Sab, Sba, Sbb = Sig[:p, :p], Sig[:p, p:], Sig[p:, :p], Sig[p:, p:]
    ma, mb = mu[:p], mu[p:]
    Lam = np.linalg.inv(Sig)
    Laa, Lab = Lam[:p, :p], Lam[:p, p:]
    schur = Saa - Sab @ np.linalg.inv(Sbb) @ Sba
    s1, s2, rho, x2 = rng.uniform(0.3, 3), rng.uniform(0.3, 3), rng.uniform(-0.95, 0.95), rng.normal()
    m2, C2 = conditional(np.zeros(2), np.array([[s1 * s1, rho * s1 * s2], [rho * s1 * s2, s2 * s2]]), 1, np.array([x2]))
    S4 = np.array([[4.0, 2], [2, 2]])
    m4, C4 = conditional(np.zeros(2), S4, 1, np.array([1.0]))
    bad = mat(Sba, np.linalg.inv(Sbb))                             # q x p times q x q: undefined for p != q
    return {
        "12": [Sba, Sab.T], "16": [m, ma + Sab @ np.linalg.solve(Sbb, xb - mb)], "17": [C, schur],
        "19": [m, bad if bad is UNDEFINED else bad @ (xb - mb)], "19.2": [C, Saa + Sab @ np.linalg.inv(Sbb) @ Sba],
        "21.2": [Laa, np.linalg.inv(schur)], "23": [C, np.linalg.inv(Laa)], "23.2": [m, ma - np.linalg.inv(Laa) @ Lab @ (xb - mb)],
        "25": [C, Laa], "25.2": [Laa, np.linalg.inv(Saa)],
        "27": [np.linalg.det(Sig), np.linalg.det(Sbb) * np.linalg.det(schur)],
        "32": [m2[0], rho * s1 / s2 * x2], "32.2": [C2[0, 0], s1 * s1 * (1 - rho**2)],
        "34": [m2[0], rho * s2 / s1 * x2], "34.2": [C2[0, 0], s1 * s1 * (1 - rho)],
        "34.4": [S4[0, 1] / math.sqrt(S4[0, 0] * S4[1, 1]), 1 / math.sqrt(2)],
        "34.6": [m4[0], 2 / 2 * 1, 1], "34.7": [C4[0, 0], 4 - 2**2 / 2, 2], "34.8": [m4[0], 2],
    }

@document("332_nb_naive_bayes_add_one_smoothing")
def _(rng):
    from collections import Counter
    from scipy.optimize import minimize

    V = int(rng.integers(2, 7))
    N = rng.integers(0, 9, size=V).astype(float)
    u = int(rng.integers(0, V))
    N[u] = 0                                                       # the word u is unseen, the one after it seen
    N[(u + 1) % V] += 1
    Nc, al = N.sum(), rng.uniform(0.1, 3)
    seen = N > 0                                                   # the maximum likelihood estimate, found by an optimiser
    res = minimize(lambda z: -float(N[seen] @ (z - lse(z))), np.zeros(int(seen.sum())), method="BFGS", options={"gtol": 1e-12})
    th = np.zeros(V)
    th[seen] = np.exp(res.x - lse(res.x))
    w = int(np.flatnonzero(seen)[0])
    lam_star = N[w] / th[w]                                        # stationarity: N_cw / theta_cw = lambda
    theta, lam = rng.dirichlet(np.ones(V)), rng.uniform(0.5, 5)
    Lag = lambda t: float(N @ np.log(t)) - lam * (t.sum() - 1)  # noqa: E731
    k = int(rng.integers(0, V))
    phi = lambda N, a: (N + a) / (N.sum() + a * len(N))  # noqa: E731
    tphi = (N + al) / (Nc + al)
    train = [("pos", "good movie"), ("pos", "good good movie"), ("neg", "bad movie"), ("neg", "bad bad good movie")]
    vocab = sorted({t for _, s in train for t in s.split()}, key=["good", "bad", "movie"].index)
    cnt = {c: Counter(t for cc, s in train if cc == c for t in s.split()) for c in ("pos", "neg")}
    Nv = {c: np.array([cnt[c][t] for t in vocab], dtype=float) for c in cnt}
    prior = {c: sum(cc == c for cc, _ in train) / len(train) for c in cnt}
    ph = {c: phi(Nv[c], 1.0) for c in cnt}
    doc = Counter("good bad movie movie".split())
    nd = np.array([doc[t] for t in vocab], dtype=float)
    sc = np.array([math.log(prior[c]) + float(nd @ np.log(ph[c])) for c in ("pos", "neg")])
    post = np.exp(sc - lse(sc))
    L = lambda r: math.log(r)  # noqa: E731
    return {
        "3:5": [partial(Lag, theta, k), N[k] / theta[k] - lam], "3:7": [lam_star, Nc], "3:7.2": [lam_star, 1],
        "3:7.3": [th, N / Nc],
        "4:7": [phi(N, al).sum(), (Nc + al * V) / (Nc + al * V), 1], "4:7.3": [phi(N, 1.0)[u], 1 / (Nc + V)],
        "4:7.4": [phi(N, 1.0)[u], 1 / Nc], "4:7.6": [tphi.sum(), 1],
        "6:3": [len(vocab), 3], "6:3.2": [Nv["pos"].sum(), 5], "6:3.3": [Nv["neg"].sum(), 6], "6:3.4": [prior["pos"], 5 / 11],
        "6:5": [ph["pos"], np.array([4 / 8, 1 / 8, 3 / 8])], "6:5.2": [ph["neg"], np.array([2 / 9, 4 / 9, 3 / 9])],
        "6:7": [ph["pos"][0], (3 + 1) / (5 + 1)], "6:7.2": [nd, np.array([1, 1, 2])],
        "6:9": [sc[0] - sc[1], L(9 / 4) + L(9 / 32) + 2 * L(9 / 8), L(6561 / 8192)],
        "6:11": [post[0], 6561 / 14753], "6:11.2": [post[0], 6561 / 8192], "6:11.3": [sc[0] - sc[1], L(9 / 4) + L(9 / 32) + L(9 / 8)],
        "6:11.4": [Nv["pos"][1] / Nv["pos"].sum(), 0],
    }

@document("333_nb_iir_lowpass_frequency_response")
def _(rng):
    from scipy.optimize import brentq

    C = lambda z: np.array([complex(z).real, complex(z).imag])  # noqa: E731   a complex number as the pair (re, im)

    def run(al, x):
        """The recursion itself, from rest."""
        y, out = 0.0, []
        for v in x:
            y = al * v + (1 - al) * y
            out.append(y)
        return np.array(out)

    def response(al, w, n=3000):
        """H(e^{i w}) as the DTFT of the simulated impulse response (truncated where it has died out)."""
        h = run(al, np.eye(1, n)[0])
        return complex(np.sum(h * np.exp(-1j * w * np.arange(n))))

    al = rng.uniform(0.05, 0.8)
    be = 1 - al
    n = int(rng.integers(0, 12))
    h = run(al, np.eye(1, 4000)[0])
    s = run(al, np.ones(n + 1))[-1]
    w = rng.uniform(0, math.pi)
    r = rng.uniform(be + 0.3, 3)
    z = r * complex(math.cos(w), math.sin(w))
    M = int(math.log(1e-18) / math.log(be / r)) + 1                # |h_n z^-n| = alpha (beta / r)^n is negligible beyond M
    Hz = complex(np.sum(h[:M] * z ** -np.arange(float(M))))
    P = lambda w, al=al: abs(response(al, w)) ** 2  # noqa: E731
    wc = brentq(lambda w: P(w) - 0.5, 1e-9, math.pi)
    h5 = run(0.5, np.eye(1, 8)[0])
    half5 = math.log(1 / 2) / math.log(h5[4] / h5[3])              # the n with h_{m+n} = h_m / 2, from the simulated decay
    P5 = lambda w: abs(response(0.5, w)) ** 2  # noqa: E731
    wc5 = brentq(lambda w: P5(w) - 0.5, 1e-9, math.pi)
    return {
        "1:9": [h[n], al * be**n], "1:9.2": [h[n], be**n], "1:11": [h.sum(), al / (1 - be), 1],
        "1:15": [s, h[: n + 1].sum(), 1 - be ** (n + 1)], "1:17": [s, 1 - be**n],
        "3:5": [C(Hz), C(Hz), C(al / (1 - be / z))],
        "3:7": [abs(1 - be * np.exp(-1j * w)) ** 2, (1 - be * math.cos(w)) ** 2 + be**2 * math.sin(w) ** 2],
        "3:9": [P(w), al**2 / (1 - 2 * be * math.cos(w) + be**2)], "3:11": [P(w), al**2 / (1 + be**2 - be * math.cos(w))],
        "3:11.2": [abs(response(al, math.pi)), al / (1 + be), al / (2 - al)], "3:11.3": [abs(response(al, math.pi)), al / (1 - be)],
        "3:11.5": [math.cos(wc), 1 - al**2 / (2 * be)], "3:11.6": [math.cos(wc), 1 - al**2 / be],
        "5:3": [run(0.5, np.ones(3))[-1], 7 / 8], "5:3.2": [abs(response(0.5, math.pi)), 1 / 3],
        "5:5": [P5(math.pi / 2), (1 / 4) / (1 + 1 / 4), 1 / 5], "5:7": [math.sqrt(P5(math.pi / 2)), 1 / 5],
        "5:7.2": [math.cos(wc5), 3 / 4],
        "5:7.3": [half5, -math.log(2) / math.log(1 - 0.5)], "5:7.4": [half5, math.log(2) / 0.5],
    }

@document("334_appendix_gp_marginal_likelihood_gradient")
def _(rng):
    n, p = int(rng.integers(2, 6)), int(rng.integers(1, 4))
    X, y = rng.normal(size=(n, p)), rng.normal(size=n)
    th = np.array([rng.uniform(-0.7, 0.7), rng.uniform(-0.5, 0.8), rng.uniform(-1.2, 0)])   # log s, log l, log sigma_n
    D2 = np.array([[float(np.sum((X[a] - X[b]) ** 2)) for b in range(n)] for a in range(n)])

    def Kf(th):
        return math.exp(2 * th[0]) * np.exp(-D2 / (2 * math.exp(2 * th[1])))

    def Kth(th):
        return Kf(th) + math.exp(2 * th[2]) * np.eye(n)

    def ev(K, y=y):
        """The log marginal likelihood of y under N(0, K), by the Gaussian density itself."""
        return float(-0.5 * y @ np.linalg.solve(K, y) - 0.5 * np.linalg.slogdet(K)[1] - len(y) / 2 * math.log(2 * math.pi))

    # a generic smooth symmetric positive definite K(t)
    S0, S1, S2 = rng.normal(size=(n, n)), rng.normal(size=(n, n)), rng.normal(size=(n, n))
    Kt = lambda t: (S0 + t * S1 + t * t * S2) @ (S0 + t * S1 + t * t * S2).T + np.eye(n)  # noqa: E731
    t = rng.normal() / 2
    K, dK = Kt(t), d(Kt, t)
    Ki = np.linalg.inv(K)
    al = Ki @ y
    Lt = lambda t: ev(Kt(t))  # noqa: E731
    KK = Kth(th)
    s, ell, sn = np.exp(th)
    dK_ls = partial(Kth, th, 1)
    dK_ell = d(lambda e: Kf(np.array([th[0], math.log(e), th[2]])), ell)
    ali = np.linalg.solve(KK, y)
    Lv = lambda v: ev(Kf(th) + v * np.eye(n))  # noqa: E731   the evidence as a function of the noise variance
    Lc = np.linalg.cholesky(KK)
    # one observation
    y1 = rng.choice([-1, 1]) * rng.uniform(0.5, 3)
    ev1 = lambda k: ev(np.array([[k]]), np.array([y1]))  # noqa: E731
    k = s * s + sn * sn
    from scipy.optimize import brentq
    kstar = brentq(lambda k: d(ev1, k), y1 * y1 / 10, 10 * y1 * y1)
    # two inputs
    X2 = rng.normal(size=(2, p))
    Kf2 = lambda th: math.exp(2 * th[0]) * np.exp(-np.array([[float(np.sum((X2[a] - X2[b]) ** 2)) for b in range(2)] for a in range(2)])  # noqa: E731
                                                 / (2 * math.exp(2 * th[1])))
    K2th = lambda th: Kf2(th) + math.exp(2 * th[2]) * np.eye(2)  # noqa: E731
    K2 = K2th(th)
    r = float(np.linalg.norm(X2[0] - X2[1]))
    c, rho = s * s + sn * sn, math.exp(-r * r / (2 * ell * ell))
    det2 = np.linalg.det(K2)
    return {
        "16": [K @ Ki, np.eye(n)], "18": [d(lambda t: np.linalg.inv(Kt(t)), t), -Ki @ dK @ Ki],
        "19": [d(lambda t: np.linalg.slogdet(Kt(t))[1], t), np.trace(Ki @ dK)],
        "21": [d(lambda t: np.linalg.inv(Kt(t)), t), -Ki @ Ki @ dK], "21.2": [d(lambda t: np.linalg.slogdet(Kt(t))[1], t), np.trace(dK)],
        "25": [d(Lt, t), 0.5 * y @ Ki @ dK @ Ki @ y - 0.5 * np.trace(Ki @ dK), 0.5 * al @ dK @ al - 0.5 * np.trace(Ki @ dK),
               0.5 * np.trace((np.outer(al, al) - Ki) @ dK)],
        "30": [al @ dK @ al, np.trace(np.outer(al, al) @ dK)], "30.2": [d(Lt, t), -0.5 * al @ dK @ al - 0.5 * np.trace(Ki @ dK)],
        "34": [partial(Kth, th, 0), 2 * Kf(th)], "35": [dK_ls, Kf(th) * D2 / ell**2], "36": [partial(Kth, th, 2), 2 * sn**2 * np.eye(n)],
        "38": [dK_ell, Kf(th) * D2 / ell**3], "38.2": [dK_ls, Kf(th) * D2 / ell**3], "38.3": [partial(Kth, th, 2), sn**2 * np.eye(n)],
        "38.4": [d(Lv, sn * sn), 0.5 * (ali @ ali - np.trace(np.linalg.inv(KK)))],
        "42": [np.linalg.slogdet(KK)[1], 2 * np.sum(np.log(np.diag(Lc)))], "44": [np.linalg.slogdet(KK)[1], np.sum(np.log(np.diag(Lc)))],
        "48": [ev1(k), -y1 * y1 / (2 * k) - 0.5 * math.log(k) - 0.5 * math.log(2 * math.pi)],
        "48.2": [d(ev1, k), y1 * y1 / (2 * k * k) - 1 / (2 * k)],
        "50": [kstar, y1 * y1], "50.2": [kstar, abs(y1)],
        "52": [K2, np.array([[c, s * s * rho], [s * s * rho, c]])], "52.2": [det2, c * c - s**4 * rho**2],
        "53": [np.linalg.inv(K2), np.array([[c, -s * s * rho], [-s * s * rho, c]]) / det2],
        "55": [np.trace(np.linalg.inv(K2) @ partial(K2th, th, 0)), 4 * s * s * (c - s * s * rho**2) / (c * c - s**4 * rho**2)],
        "55.2": [np.linalg.inv(K2), np.array([[c, s * s * rho], [s * s * rho, c]]) / det2],
    }

@document("335_cheatsheet_chebyshev_recurrence")
def _(rng):
    from numpy.polynomial import chebyshev
    from scipy.integrate import quad

    T = lambda n, x: float(chebyshev.Chebyshev.basis(n)(x))  # noqa: E731   NumPy's Chebyshev basis, not the recurrence
    n, n1, m = int(rng.integers(0, 8)), int(rng.integers(1, 8)), int(rng.integers(0, 8))
    mn = (m + 1 + int(rng.integers(0, 6))) % 9                    # a degree different from m
    th = rng.uniform(0.05, math.pi - 0.05)
    x, xo = math.cos(th), rng.uniform(1, 3)
    k = int(rng.integers(1, n1 + 1))
    dT = lambda n, x: d(lambda t: T(n, t), x)  # noqa: E731
    w = lambda f: quad(f, -1, 1, weight="alg", wvar=(-0.5, -0.5), limit=200)[0]  # noqa: E731   the weight 1 / sqrt(1 - x^2)
    h = 0.5
    return {
        "7": [math.cos((n + 1) * th) + math.cos((n - 1) * th), 2 * math.cos(th) * math.cos(n * th)],
        "9": [T(0, x), 1], "9.2": [T(1, x), x], "9.3": [T(n1 + 1, x), 2 * x * T(n1, x) - T(n1 - 1, x)],
        "11": [T(n1 + 1, x), x * T(n1, x) - T(n1 - 1, x)],
        "15": [T(2, x), 2 * x * x - 1], "15.2": [T(3, x), 4 * x**3 - 3 * x], "15.3": [T(4, x), 8 * x**4 - 8 * x * x + 1],
        "17": [T(3, x), 4 * x**3 - 2 * x], "17.2": [T(4, x), 8 * x**4 - 8 * x * x - 1],
        "19": [math.cos(n * 0), 1], "19.2": [math.cos(n * math.pi), (-1) ** n],
        "21": [T(n, 1), 1], "21.2": [T(n, -1), (-1) ** n], "21.3": [T(n, 0), math.cos(n * math.pi / 2)], "23": [T(n, -1), -1],
        "27": [d(lambda t: T(n, math.cos(t)), th), -math.sin(th) * dT(n, x), -n * math.sin(n * th)],
        "31": [dT(n, x), n * math.sin(n * th) / math.sin(th)], "33": [dT(n, x), -n * math.sin(n * th) / math.sin(th)],
        "33.2": [dT(n1, x), n1 * T(n1 - 1, x)], "33.4": [dT(n, 1.0), n * n], "33.5": [dT(n, 1.0), n],
        "35.3": [T(n1, math.cos((2 * k - 1) * math.pi / (2 * n1))), 0],
        "35.4": [T(n1, math.cos(k * math.pi / n1)), (-1) ** k], "35.5": [T(n1, math.cos(k * math.pi / n1)), 0],
        "39": [T(m, x) * T(n, x), 0.5 * (T(m + n, x) + T(abs(m - n), x))], "39.2": [T(m, T(n, x)), T(m * n, x)],
        "41": [T(m, x) * T(n, x), T(m + n, x)], "41.2": [T(2, T(3, x)), T(6, x)], "41.3": [T(2, T(3, x)), T(5, x)],
        "45": [T(n, xo), math.cosh(n * math.acosh(xo)),
               0.5 * ((xo + math.sqrt(xo * xo - 1)) ** n + (xo - math.sqrt(xo * xo - 1)) ** n)],
        "50": [w(lambda t: T(m, t) * T(mn, t)), 0], "50.2": [w(lambda t: T(n1, t) ** 2), math.pi / 2],
        "52": [w(lambda t: T(n1, t) ** 2), math.pi],
        "54.3": [T(n, h), math.cos(n * math.pi / 3)],
        "56": [T(2, h), 2 * h * h - 1, -0.5], "56.2": [T(3, h), 2 * h * -0.5 - 0.5, -1],
        "59": [T(4, h), -1 - (-0.5), -0.5], "59.2": [T(5, h), -0.5 - (-1), 0.5], "61": [T(4, h), 0.5],
    }

@document("336_lecture_square_wave_fourier_series")
def _(rng):
    from scipy.integrate import quad
    from scipy.special import zeta

    C = lambda z: np.array([complex(z).real, complex(z).imag])  # noqa: E731
    f = lambda x: 1.0 if (x % (2 * math.pi)) < math.pi else -1.0  # noqa: E731   the square wave, 2 pi periodic
    g = lambda x: (1 + f(x)) / 2  # noqa: E731
    h = lambda x: f(x + math.pi / 2)  # noqa: E731
    I = lambda u, a=-math.pi, b=math.pi: quad(u, a, b, points=[0.0, -math.pi / 2, math.pi / 2], limit=400)[0]  # noqa: E731
    b = lambda n, u=f: I(lambda x: u(x) * math.sin(n * x)) / math.pi  # noqa: E731
    a = lambda n, u=f: I(lambda x: u(x) * math.cos(n * x)) / math.pi  # noqa: E731
    # the series, summed by Abel's theorem through their generating functions (artanh z and arctan z on |z| = 1)
    odd_sin = lambda x: complex(np.arctanh(np.exp(1j * x))).imag  # noqa: E731   sum of sin((2k+1)x) / (2k+1)
    odd_cos = lambda x: complex(np.arctanh(np.exp(1j * x))).real  # noqa: E731   sum of cos((2k+1)x) / (2k+1)
    alt_cos = lambda x: complex(np.arctan(np.exp(1j * x))).real  # noqa: E731   sum of (-1)^k cos((2k+1)x) / (2k+1)
    x = rng.uniform(0.05, math.pi - 0.05) * rng.choice([-1, 1])
    xh = rng.choice([-1, 1]) * rng.choice([rng.uniform(0.05, math.pi / 2 - 0.05), rng.uniform(math.pi / 2 + 0.05, math.pi - 0.05)])
    n, ne, no = int(rng.integers(1, 12)), 2 * int(rng.integers(1, 6)), 2 * int(rng.integers(0, 6)) + 1
    nc = int(rng.choice([-1, 1])) * no
    c = lambda n: complex(I(lambda x: f(x) * math.cos(n * x)), -I(lambda x: f(x) * math.sin(n * x))) / (2 * math.pi)  # noqa: E731
    K = np.arange(2_000_000)
    partial_sums = np.cumsum((-1.0) ** K / (2 * K + 1))
    leibniz = (partial_sums[-1] + partial_sums[-2]) / 2               # the mean of two consecutive partial sums
    odd_squares = zeta(2, 0.5) / 4                                   # Hurwitz: sum of 1 / (k + 1/2)^2, over 4
    A, T, t = rng.uniform(0.2, 3), rng.uniform(0.3, 5), rng.uniform(-3, 3)
    while abs(math.sin(2 * math.pi * t / T)) < 0.05:
        t = rng.uniform(-3, 3)
    return {
        "11": [a(n), 0],
        "15": [b(n), 2 / math.pi * quad(lambda x: math.sin(n * x), 0, math.pi)[0], 2 / (n * math.pi) * (1 - math.cos(n * math.pi)),
               2 / (n * math.pi) * (1 - (-1) ** n)],
        "19": [b(ne), 0], "19.2": [b(no), 4 / (no * math.pi)], "19.3": [b(1), 4 / math.pi], "19.4": [b(3), 4 / (3 * math.pi)],
        "19.5": [b(no), 2 / (no * math.pi)], "19.6": [1 - (-1) ** no, 2], "19.7": [b(3), 4 / (9 * math.pi)],
        "21": [f(x), 4 / math.pi * odd_sin(x)],
        "25.2": [math.sin((2 * no + 1) * math.pi / 2), (-1) ** no],
        "27": [leibniz, math.pi / 4], "29": [leibniz, math.pi / 2],
        "29.2": [I(lambda x: f(x) ** 2) / math.pi, a(0) ** 2 / 2 + odd_squares * 16 / math.pi**2],
        "29.3": [I(lambda x: f(x) ** 2) / math.pi, 1],
        "31": [2, 16 / math.pi**2 * odd_squares], "31.2": [odd_squares, math.pi**2 / 8], "33": [odd_squares, math.pi**2 / 6],
        "37": [a(0, g), I(g) / math.pi, 1], "38": [g(x), 0.5 + 2 / math.pi * odd_sin(x)], "40": [g(x), 1 + 2 / math.pi * odd_sin(x)],
        "40.2": [b(no, g), 2 / (no * math.pi)], "40.3": [b(no, g), 4 / (no * math.pi)],
        "42": [h(xh), 4 / math.pi * alt_cos(xh)], "44": [h(xh), 4 / math.pi * odd_cos(xh)],
        "44.4": [C(c(nc)), C(2 / (1j * nc * math.pi))], "44.5": [C(c(nc)), C(2 / (nc * math.pi))],
        "44.6": [C(c(no)), C((a(no) - 1j * b(no)) / 2)],
        "48": [A * f(2 * math.pi * t / T), 4 * A / math.pi * odd_sin(2 * math.pi * t / T)],
    }

@document("337_recitation_logistic_growth_ode")
def _(rng):
    from scipy.integrate import solve_ivp
    from scipy.optimize import minimize_scalar

    def solve(r, K, P0, T):
        """The logistic equation integrated numerically from P(0) = P0 to t = T."""
        return solve_ivp(lambda t, P: r * P * (1 - P / K), (0, T), [P0], method="DOP853", rtol=1e-12, atol=1e-12,
                         dense_output=True).sol

    r, K = rng.uniform(0.2, 2), rng.uniform(1, 50)
    P0 = K * rng.uniform(0.02, 0.45)
    T = 40 / r
    sol = solve(r, K, P0, T)
    Pn = lambda t: float(sol(t)[0])  # noqa: E731
    t = rng.uniform(0, 8 / r)
    P = Pn(t)
    Q = rng.uniform(0.01, 0.99) * K                                  # any population level in (0, K)
    rhs = lambda t: r * Pn(t) * (1 - Pn(t) / K)  # noqa: E731
    u = lambda t: 1 / Pn(t)  # noqa: E731
    dP = rhs(t)
    top = minimize_scalar(lambda s: -rhs(s), bounds=(0, T / 2), method="bounded", options={"xatol": 1e-10})
    half = minimize_scalar(lambda s: (Pn(s) - K / 2) ** 2, bounds=(0, T / 2), method="bounded", options={"xatol": 1e-12}).x
    sig = lambda z: 1 / (1 + math.exp(-z))  # noqa: E731
    ts = math.log((K - P0) / P0) / r
    s3 = solve(math.log(3), 100.0, 10.0, 10.0)
    P3 = lambda t: float(s3(t)[0])  # noqa: E731
    f3 = lambda t: math.log(3) * P3(t) * (1 - P3(t) / 100)  # noqa: E731
    top3 = minimize_scalar(lambda s: -f3(s), bounds=(0, 10), method="bounded", options={"xatol": 1e-10})
    half3 = minimize_scalar(lambda s: (P3(s) - 50) ** 2, bounds=(0, 10), method="bounded", options={"xatol": 1e-12}).x
    e = math.exp
    return {
        "12": [1 / (Q * (1 - Q / K)), K / (Q * (K - Q)), 1 / Q + 1 / (K - Q)], "14": [1 / (Q * (1 - Q / K)), 1 / Q - 1 / (K - Q)],
        "16": [math.log(P) - math.log(K - P), r * t + math.log(P0 / (K - P0))],
        "16.2": [math.log(P) - math.log(K - P) - r * t, math.log(P0 / (K - P0))],
        "20": [P, K / (1 + (K - P0) / P0 * e(-r * t)), K * P0 * e(r * t) / (K + P0 * (e(r * t) - 1))],
        "22": [P, K / (1 + (K - P0) / P0 * e(r * t))], "22.2": [Pn(T), K],
        "26.2": [d(u, t), -1 / P**2 * dP],
        "28": [d(u, t), -r / P + r / K, -r * u(t) + r / K], "30": [u(t), 1 / K + (1 / P0 - 1 / K) * e(-r * t)],
        "30.2": [d(u, t), r * u(t) - r / K], "30.3": [u(t), 1 / K + e(-r * t) / P0], "30.4": [u(0), 1 / P0],
        "34": [d(rhs, t), r * (1 - 2 * P / K) * dP], "34.3": [d(rhs, t), r * (1 - P / K) * dP],
        "36": [-top.fun, r * K / 2 / 2, r * K / 4], "38": [-top.fun, r * K / 2],
        "40": [half, math.log((K - P0) / P0) / r], "42": [half, math.log(P0 / (K - P0)) / r],
        "42.3": [P, K * sig(r * (t - ts))], "42.4": [P, K * sig(r * t - ts)],
        "46.4": [(100 - 10) / 10, 9], "46.5": [e(-math.log(3) * t), 3.0**-t],
        "48": [P3(1), 100 / (1 + 9 / 3), 25], "48.2": [P3(2), 100 / (1 + 1), 50], "48.3": [half3, math.log(9) / math.log(3), 2],
        "50": [10 * 3, 30], "50.2": [P3(1), 30], "50.3": [P3(3), 75], "50.4": [P3(3), 100],
        "50.5": [f3(0), 9 * math.log(3)], "50.6": [f3(0), 10 * math.log(3)],
        "50.7": [-top3.fun, 25 * math.log(3)],
    }

@document("338_exam_linear_svm_hinge_bias_gradient")
def _(rng):
    n, dim = int(rng.integers(4, 9)), int(rng.integers(2, 5))
    X = rng.normal(size=(n, dim))
    y = np.where(np.arange(n) % 2 == 0, 1.0, -1.0)
    rng.shuffle(y)
    lam = rng.uniform(0.01, 1)
    w, b = rng.normal(size=dim) * rng.uniform(0.3, 2), rng.normal()
    J = lambda w, b: lam / 2 * float(w @ w) + float(np.mean(np.maximum(0, 1 - y * (X @ w + b))))  # noqa: E731
    m = y * (X @ w + b)
    M = m < 1
    i = int(rng.integers(0, n))
    li = lambda w, b: max(0.0, 1 - y[i] * float(X[i] @ w + b))  # noqa: E731
    # (a) needs an example with m_i < 1: move b until example i violates the margin
    bi = b - y[i] * (m[i] - 1 + rng.uniform(0.1, 2)) if m[i] >= 1 else b
    gw, gb = grad(lambda v: J(v, b), w), d(lambda c: J(w, c), b)
    xt, wt = np.append(X[i], 1.0), np.append(w, b)
    # (d) the Lagrangian at an arbitrary point
    xi, al, mu, C = rng.uniform(0, 2, n), rng.uniform(0, 2, n), rng.uniform(0, 2, n), 1 / (lam * n)
    Lg = lambda w, b, xi: (0.5 * float(w @ w) + C * xi.sum() - float(al @ (y * (X @ w + b) - 1 + xi))  # noqa: E731
                           - float(mu @ xi))
    k = int(rng.integers(0, n))
    # (e)
    X3, y3 = np.array([[1.0, 0], [0, 1], [1, 1]]), np.array([1.0, 1, -1])
    w3, b3 = np.array([1.0, -1]), 0.5
    J3 = lambda w, b: 0.1 / 2 * float(w @ w) + float(np.mean(np.maximum(0, 1 - y3 * (X3 @ w + b))))  # noqa: E731
    m3 = y3 * (X3 @ w3 + b3)
    return {
        "11": [grad(lambda v: li(v, bi), w), -y[i] * X[i]], "11.2": [d(lambda c: li(w, c), bi), -y[i]],
        "13": [grad(lambda v: li(v, bi), w), -X[i]], "13.2": [d(lambda c: li(w, c), bi), -y[i] * bi],
        "17": [gw, lam * w - (y[M] @ X[M]) / n], "17.2": [gb, -y[M].sum() / n],
        "19": [gb, lam * b - y[M].sum() / n], "19.2": [gb, -y.sum() / n],
        "19.3": [gw, lam * w + (y[M] @ X[M]) / n],
        "21.3": [wt @ xt, w @ X[i] + b], "21.4": [lam / 2 * wt @ wt, lam / 2 * w @ w + lam / 2 * b * b],
        "21.5": [lam / 2 * wt @ wt, lam / 2 * w @ w],
        "29": [grad(lambda v: Lg(v, b, xi), w), w - (al * y) @ X], "29.2": [d(lambda c: Lg(w, c, xi), b), -(al * y).sum()],
        "29.3": [partial(lambda v: Lg(w, b, v), xi, k), C - al[k] - mu[k]], "31": [d(lambda c: Lg(w, c, xi), b), -al.sum()],
        "35": [m3[0], 1.5], "35.2": [m3[1], -0.5], "35.3": [m3[2], -0.5], "37": [np.flatnonzero(m3 < 1) + 1, np.array([2, 3])],
        "39": [J3(w3, b3), 0.1 / 2 * 2 + (0 + 1.5 + 1.5) / 3, 1.1],
        "43": [grad(lambda v: J3(v, b3), w3), np.array([0.1, -0.1]) - (np.array([0, 1]) - np.array([1, 1])) / 3, np.array([13 / 30, -1 / 10])],
        "43.2": [d(lambda c: J3(w3, c), b3), -(1 - 1) / 3, 0],
        "45": [J3(w3, b3), 1.2], "45.2": [m3[2], 0.5], "45.3": [d(lambda c: J3(w3, c), b3), -1 / 3],
    }

@document("339_blog_rmsprop_vs_adam_algebra")
def _(rng):
    def rmsprop(gs, rho, eta, theta=0.0):
        v, out = 0.0, []
        for g in gs:
            v = rho * v + (1 - rho) * g * g
            theta = theta - eta * g / math.sqrt(v)
            out.append((v, theta))
        return out

    def adam(gs, b1, b2, eta, theta=0.0):
        m = s = 0.0
        out = []
        for t, g in enumerate(gs, start=1):
            m, s = b1 * m + (1 - b1) * g, b2 * s + (1 - b2) * g * g
            mh, sh = m / (1 - b1**t), s / (1 - b2**t)
            theta = theta - eta * mh / math.sqrt(sh)
            out.append(dict(m=m, s=s, mh=mh, sh=sh, theta=theta))
        return out

    t = int(rng.integers(1, 13))
    gs = [g if abs(g) > 0.05 else 0.5 for g in rng.normal(size=t)]
    b1, b2, rho, eta = rng.uniform(0.5, 0.99), rng.uniform(0.9, 0.9999), rng.uniform(0.5, 0.99), rng.uniform(0.001, 0.5)
    A, R = adam(gs, b1, b2, eta), rmsprop(gs, rho, eta)
    k = np.arange(1, t + 1)
    G = np.array(gs)
    q = rng.uniform(0.1, 3)
    Es = 0.0
    for _ in range(t):                                               # E[s_t] by linearity: the recursion on E[g^2] = q
        Es = b2 * Es + (1 - b2) * q
    g1 = gs[0]
    sg1 = math.copysign(1.0, g1)
    d_adam = A[0]["theta"] - 0.0
    d_rms = R[0][1] - 0.0
    R9 = rmsprop(gs, 0.9, eta)
    At = A[-1]
    step = (At["theta"] - (A[-2]["theta"] if t > 1 else 0.0))
    eta_t = step / -(At["m"] / math.sqrt(At["s"]))                   # the learning rate that makes line 42 hold
    A0, Rr = adam(gs, 0.0, rho, eta), rmsprop(gs, rho, eta)        # beta_1 = 0, beta_2 = rho
    d0 = A0[-1]["theta"] - (A0[-2]["theta"] if t > 1 else 0.0)
    vt = Rr[-1][0]
    g = gs[0]
    Ac = adam([g] * t, b1, b2, eta)[-1]
    E = adam([1.0, -1.0], 0.9, 0.999, eta)
    return {
        "22": [A[-1]["s"], (1 - b2) * np.sum(b2 ** (t - k) * G**2)], "22.2": [A[-1]["m"], (1 - b1) * np.sum(b1 ** (t - k) * G)],
        "24": [A[-1]["s"], (1 - b2) * np.sum(b2**k * G**2)],
        "24.2": [(1 - b2) * np.sum(b2 ** (t - k)), 1 - b2**t], "24.3": [(1 - b2) * np.sum(b2 ** (t - k)), 1],
        "24.5": [Es, (1 - b2**t) * q], "24.6": [Es / (1 - b2**t), q], "24.7": [Es, q],
        "28.2": [A[0]["mh"], g1], "28.3": [A[0]["sh"], g1 * g1],
        "30": [d_adam, -eta * g1 / abs(g1), -eta * sg1],
        "32": [A[0]["s"], (1 - b2) * g1 * g1], "32.2": [A[0]["sh"], (1 - b2) * g1 * g1], "32.3": [R[0][0], (1 - rho) * g1 * g1],
        "34": [d_rms, -eta * g1 / (math.sqrt(1 - rho) * abs(g1)), -eta / math.sqrt(1 - rho) * sg1],
        "36.2": [R9[0][1], -eta * sg1],
        "36.3": [A[0]["m"] / math.sqrt(A[0]["s"]), (1 - b1) / math.sqrt(1 - b2) * sg1],
        "36.6": [0.1 / math.sqrt(0.001), math.sqrt(10)], "36.7": [A[0]["m"] / math.sqrt(A[0]["s"]), (1 - b1) / (1 - b2) * sg1],
        "42": [eta * At["mh"] / math.sqrt(At["sh"]), eta * math.sqrt(1 - b2**t) / (1 - b1**t) * At["m"] / math.sqrt(At["s"])],
        "44": [eta_t, eta * (1 - b1**t) / math.sqrt(1 - b2**t)],
        "48.2": [A0[-1]["m"], gs[-1]], "48.3": [A0[-1]["mh"], gs[-1]], "48.5": [A0[-1]["s"], vt],
        "50": [d0, -eta * gs[-1] / math.sqrt(vt / (1 - rho**t)), -eta * math.sqrt(1 - rho**t) * gs[-1] / math.sqrt(vt)],
        "52": [d0, -eta * gs[-1] / math.sqrt(vt)],
        "56.2": [Ac["m"], (1 - b1**t) * g], "56.3": [Ac["s"], (1 - b2**t) * g * g], "56.4": [Ac["mh"], g], "56.5": [Ac["sh"], g * g],
        "56.6": [Ac["m"], g],
        "58": [E[1]["m"], 0.9 * 0.1 + 0.1 * -1, -0.01], "58.2": [E[1]["mh"], -0.01 / (1 - 0.81), -1 / 19],
        "61": [E[1]["s"], 0.999 * 0.001 + 0.001, 0.001999], "61.2": [E[1]["sh"], 0.001999 / (1 - 0.998001), 1],
        "63": [E[0]["m"], 0.1], "63.2": [E[0]["m"], 1], "63.3": [E[1]["m"], 0.8],
        "63.4": [E[1]["theta"] - E[0]["theta"], eta / 19], "63.5": [E[1]["mh"], E[1]["m"]], "63.6": [E[1]["sh"], E[1]["s"]],
    }

@document("340_notes_rayleigh_quotient_gradient")
def _(rng):
    n = int(rng.integers(2, 6))
    B = rng.normal(size=(n, n))
    A = (B + B.T) / 2
    An = rng.normal(size=(n, n))                                     # a matrix that is not symmetric
    x = rng.normal(size=n)
    c = rng.choice([-1, 1]) * rng.uniform(0.2, 3)
    R = lambda x, A=A: float(x @ A @ x) / float(x @ x)  # noqa: E731
    N, D = lambda x: float(x @ A @ x), lambda x: float(x @ x)  # noqa: E731
    g = grad(R, x)
    gn = grad(lambda v: R(v, An), x)
    lam, V = np.linalg.eigh(A)
    j = int(rng.integers(0, n))
    v = V[:, j]
    H = lambda f, z: np.array([[partial2(f, z, a, b) for b in range(len(z))] for a in range(len(z))])  # noqa: E731
    Hv = H(R, v)
    A2 = np.array([[2.0, 1], [1, 2]])
    R2 = lambda z: R(z, A2)  # noqa: E731
    x2, u, w2 = np.array([1.0, 0]), np.array([1.0, 1]), np.array([1.0, -1])
    g2 = grad(R2, x2)
    eta = rng.uniform(0.01, 1)
    return {
        "10": [R(c * x), R(x)], "10.2": [R(c * x), c * c * R(x)],
        "14.3": [grad(N, x), 2 * A @ x], "14.4": [grad(D, x), 2 * x],
        "16": [g, (D(x) * 2 * A @ x - N(x) * 2 * x) / D(x) ** 2, (2 * D(x) * A @ x - 2 * N(x) * x) / D(x) ** 2,
               2 / D(x) * (A @ x - R(x) * x)],
        "18": [x @ g, 2 / D(x) * (N(x) - R(x) * D(x)), 0], "18.2": [g, 2 * A @ x / D(x)],
        "18.3": [g, 2 * (A @ x - R(x) * x) / D(x) ** 2], "18.4": [x @ g, R(x)],
        "20": [grad(lambda v: float(v @ An @ v), x), (An + An.T) @ x], "22": [gn, ((An + An.T) @ x - 2 * R(x, An) * x) / D(x)],
        "24": [gn, 2 / D(x) * (An @ x - R(x, An) * x)], "24.2": [grad(lambda v: float(v @ An @ v), x), 2 * An @ x],
        "28.4": [R(v), lam[j]],
        "30": [Hv, 2 * (A - lam[j] * np.eye(n)) - 4 * np.outer(A @ v - lam[j] * v, v), 2 * (A - lam[j] * np.eye(n))],
        "32": [Hv, 2 * A],
        "38": [R2(x2), 2], "38.2": [A2 @ x2, np.array([2, 1])],
        "38.3": [g2, 2 * (np.array([2, 1]) - 2 * np.array([1, 0])), np.array([0, 2])],
        "40": [g2, 2 * A2 @ x2, np.array([4, 2])], "40.3": [u @ A2 @ u, 6], "42": [R2(u), 6 / 2, 3], "44": [R2(u), 6],
        "44.2": [grad(R2, u), np.zeros(2)],
        "46": [H(R2, u / math.sqrt(2)), 2 * (A2 - 3 * np.eye(2)), np.array([[-2, 2], [2, -2]])],
        "48": [2 * (A2 - 3 * np.eye(2)), np.array([[1, 2], [2, 1]])], "48.3": [R2(w2), 1],
        "48.5": [x2 - eta * g2, np.array([1, -2 * eta])],
    }

@document("341_quiz_geometric_entropy")
def _(rng):
    K = np.arange(1, 4001)

    def pmf(p):
        return (1 - p) ** (K - 1) * p

    def H(p):
        P = pmf(p)
        P = P[P > 0]
        return float(-np.sum(P * np.log(P)))

    p = rng.uniform(0.05, 0.95)
    q = 1 - p
    P = pmf(p)
    hb = lambda p: -p * math.log(p) - (1 - p) * math.log(1 - p)  # noqa: E731
    EX = float(np.sum(K * P))
    k = int(rng.integers(1, 30))
    J = np.arange(0, 4000)
    PY = q**J * p
    HY = float(-np.sum(PY[PY > 0] * np.log(PY[PY > 0])))
    mu = EX
    return {
        "11": [float(np.sum(K * q ** (K - 1))), 1 / (1 - q) ** 2, 1 / p**2], "11.2": [float(np.sum(J * q**J)), q / p**2],
        "13": [float(np.sum(K * q**K)), 1 / p**2],
        "15": [EX, p * float(np.sum(K * q ** (K - 1))), 1 / p], "15.2": [float(np.sum((K - 1) * P)), q / p], "15.3": [EX, q / p],
        "17": [math.log(P[k - 1]), (k - 1) * math.log(q) + math.log(p)],
        "19": [H(p), -math.log(p) - float(np.sum((K - 1) * P)) * math.log(q), -math.log(p) - q / p * math.log(q),
               (-p * math.log(p) - q * math.log(q)) / p, hb(p) / p],
        "21": [H(p), hb(p)], "21.2": [H(p), -math.log(p) - math.log(q) / p],
        "25": [H(0.5), math.log(2) / 0.5, 2 * math.log(2)], "27": [H(0.5) / math.log(2), 2], "27.2": [H(0.5), math.log(2)],
        "29.2": [HY, H(p)], "29.3": [HY, H(p) - math.log(p)],
        "31": [d(hb, p), math.log(q / p)],
        "33": [d(H, p), (p * d(hb, p) - hb(p)) / p**2, math.log(q) / p**2], "35": [d(H, p), math.log(q) / p],
        "37": [mu, EX, 1 / p],
        "39": [H(p), mu * math.log(mu) - (mu - 1) * math.log(mu - 1)], "41": [H(p), (mu + 1) * math.log(mu + 1) - mu * math.log(mu)],
        "41.3": [H(0.25), 4 * math.log(4) - 3 * math.log(3)],
    }

@document("342_nb_natural_cubic_spline_continuity")
def _(rng):
    from scipy.interpolate import CubicSpline

    n = int(rng.integers(2, 7))
    x = np.cumsum(rng.uniform(0.2, 2, n + 1))
    y = rng.normal(size=n + 1)
    S = CubicSpline(x, y, bc_type="natural")
    M = S(x, 2)
    h = np.diff(x)
    i = int(rng.integers(0, n))                                      # a piece [x_i, x_{i+1}]
    t = x[i] + rng.uniform(0, 1) * h[i]
    j = int(rng.integers(1, n))                                      # an interior knot
    D = lambda k: (y[k + 1] - y[k]) / h[k]  # noqa: E731
    piece = (M[i] * (x[i + 1] - t) ** 3 / (6 * h[i]) + M[i + 1] * (t - x[i]) ** 3 / (6 * h[i])
             + (y[i] / h[i] - M[i] * h[i] / 6) * (x[i + 1] - t) + (y[i + 1] / h[i] - M[i + 1] * h[i] / 6) * (t - x[i]))
    xe = x[0] + np.arange(n + 1) * rng.uniform(0.2, 2)               # equal spacing
    Se = CubicSpline(xe, y, bc_type="natural")
    Me, he = Se(xe, 2), xe[1] - xe[0]
    S3 = CubicSpline([0.0, 1, 2], [0.0, 1, 0], bc_type="natural")
    M3 = S3(np.array([0.0, 1, 2]), 2)
    u = rng.uniform(0, 1)
    v = rng.uniform(1, 2)
    return {
        "1:9": [S(t, 2), M[i] * (t - x[i]) / h[i] + M[i + 1] * (x[i + 1] - t) / h[i]], "1:11": [S(t), piece],
        "3:5": [S(x[j], 1), -h[j] / 3 * M[j] - h[j] / 6 * M[j + 1] + D(j)],
        "3:5.2": [S(x[j], 1), h[j - 1] / 6 * M[j - 1] + h[j - 1] / 3 * M[j] + D(j - 1)],
        "3:7": [S(x[j], 1), h[j] / 3 * M[j] + h[j] / 6 * M[j + 1] + D(j)],
        "3:7.3": [S(x[j], 1), h[j - 1] / 3 * M[j - 1] + h[j - 1] / 6 * M[j] + D(j - 1)],
        "3:9": [h[j - 1] * M[j - 1] + 2 * (h[j - 1] + h[j]) * M[j] + h[j] * M[j + 1], 6 * (D(j) - D(j - 1))],
        "3:11": [h[j - 1] * M[j - 1] + (h[j - 1] + h[j]) * M[j] + h[j] * M[j + 1], 6 * (D(j) - D(j - 1))],
        "3:13": [Me[j - 1] + 4 * Me[j] + Me[j + 1], 6 / he**2 * (y[j + 1] - 2 * y[j] + y[j - 1])],
        "3:15": [Me[j - 1] + 4 * Me[j] + Me[j + 1], 6 / he * (y[j + 1] - 2 * y[j] + y[j - 1])],
        "5:3": [1 - 0, 1], "5:3.2": [M3[0], M3[2], 0],
        "5:5": [4 * M3[1], 6 * (0 - 2 + 0), -12], "5:5.2": [M3[1], -3], "5:7": [M3[1], -12],
        "5:9": [S3(u), -3 * u**3 / 6 + (1 + 3 / 6) * u, -(u**3) / 2 + 3 * u / 2],
        "5:11": [S3(0.5), -1 / 16 + 3 / 4, 11 / 16], "5:11.2": [S3(0.5), 3 / 4], "5:11.3": [S3(0.0, 1), 3 / 2],
        "5:11.4": [S3(1.0, 1), 0], "5:11.5": [S3(v), S3(2 - v)], "5:11.6": [S3(v), -((2 - v) ** 3) / 2 + 3 * (2 - v) / 2],
        "5:11.7": [S3(v), -(v**3) / 2 + 3 * v / 2],
        "5:15": [S3(0.5, 3), (M3[1] - M3[0]) / 1, -3], "5:15.2": [S3(1.5, 3), (M3[2] - M3[1]) / 1, 3],
        "5:17": [S3(0.5, 3), S3(1.5, 3)],
    }

@document("343_lecture_heat_equation_separation")
def _(rng):
    from scipy.integrate import quad

    def heat(f, L, kappa, x, t, even=False):
        """u(x, t) from the free-space heat kernel acting on the odd (Dirichlet) or even (insulated) 2L-periodic
        extension of f: an independent solution, not the separated series."""
        def F(y):
            m = y % (2 * L)
            return f(m) if m <= L else (1 if even else -1) * f(2 * L - m)
        s = math.sqrt(2 * kappa * t)
        K = int(math.ceil(12 * s / (2 * L))) + 2
        shifts = 2 * L * np.arange(-K, K + 1)
        G = lambda z: float(np.sum(np.exp(-((z - shifts) ** 2) / (4 * kappa * t)))) / math.sqrt(4 * math.pi * kappa * t)  # noqa: E731
        return quad(lambda y: G(x - y) * F(y), -L, L, points=[0.0], limit=400, epsabs=1e-13, epsrel=1e-11)[0]

    L, kappa = rng.uniform(0.5, 3), rng.uniform(0.2, 2)
    n = int(rng.integers(1, 8))
    x = rng.uniform(0, L)
    while abs(math.sin(n * math.pi * x / L)) < 0.1:                 # away from the nodes of the n-th mode
        x = rng.uniform(0, L)
    t = rng.uniform(0.02, 0.3) * L * L / kappa
    lam = n * n * math.pi**2 / L**2
    Xn = lambda x: math.sin(n * math.pi * x / L)  # noqa: E731
    Tn = lambda t: math.exp(-kappa * lam * t)  # noqa: E731
    un = lambda x, t: Tn(t) * Xn(x)  # noqa: E731
    a, c = rng.normal(), rng.normal()
    f = lambda x: x * (L - x) * (1 + a * math.exp(c * x / L))  # noqa: E731   vanishes at both ends
    b = lambda k, f=f: 2 / L * quad(lambda x: f(x) * math.sin(k * math.pi * x / L), 0, L, limit=200)[0]  # noqa: E731
    bs = [b(k) for k in range(1, 41)]
    series = sum(bk * math.exp(-kappa * k * k * math.pi**2 * t / L**2) * math.sin(k * math.pi * x / L) for k, bk in enumerate(bs, 1))
    u = heat(f, L, kappa, x, t)
    # a solution made of five modes, for the energy identities
    cs = rng.normal(size=5)
    w = lambda x, t: sum(cs[k - 1] * math.exp(-kappa * k * k * math.pi**2 * t / L**2) * math.sin(k * math.pi * x / L) for k in range(1, 6))  # noqa: E731
    E = lambda t: quad(lambda x: w(x, t) ** 2, 0, L, limit=200, epsabs=1e-14, epsrel=1e-12)[0]  # noqa: E731
    ux2 = quad(lambda x: d(lambda y: w(y, t), x) ** 2, 0, L, limit=200)[0]
    uuxx = quad(lambda x: w(x, t) * d2(lambda y: w(y, t), x), 0, L, limit=200)[0]
    bw = [2 / L * quad(lambda x: w(x, 0) * math.sin(k * math.pi * x / L), 0, L, limit=200)[0] for k in range(1, 6)]
    # examples on [0, pi] with kappa = 1
    xp, tp = rng.uniform(0, math.pi), rng.uniform(0.05, 1)
    f1 = lambda x: math.sin(x) + 3 * math.sin(3 * x)  # noqa: E731
    f2 = lambda x: x * (math.pi - x)  # noqa: E731
    odd, even = 2 * int(rng.integers(0, 5)) + 1, 2 * int(rng.integers(1, 5))
    I2 = lambda k: quad(lambda x: f2(x) * math.sin(k * x), 0, math.pi)[0]  # noqa: E731
    b2 = lambda k: 2 / math.pi * I2(k)  # noqa: E731
    nn = int(rng.integers(1, 10))
    # insulated ends: the limit, from the even extension at a late time
    late = 6 * L * L / kappa
    A, B = rng.normal(size=2)
    m = 200                                                          # the steady state by finite differences
    Dm = np.diag(-2 * np.ones(m)) + np.diag(np.ones(m - 1), 1) + np.diag(np.ones(m - 1), -1)
    rhs = np.zeros(m)
    rhs[0], rhs[-1] = -A, -B
    grid = np.linspace(0, L, m + 2)[1:-1]
    vfd = np.interp(x, np.concatenate([[0], grid, [L]]), np.concatenate([[A], np.linalg.solve(Dm, rhs), [B]]))
    return {
        "14": [d(Tn, t) / (kappa * Tn(t)), d2(Xn, x) / Xn(x), -lam],
        "18.2": [-d2(Xn, x) / Xn(x), n * n * math.pi**2 / L**2],
        "24": [d(lambda s: un(x, s), t), -kappa * lam * un(x, t), kappa * d2(lambda y: un(y, t), x)],
        "24.2": [un(x, t), math.exp(-kappa * n * math.pi * t / L) * Xn(x)],
        "28": [u, series],
        "31": [quad(lambda x: Xn(x) ** 2, 0, L)[0], L / 2],
        "31.2": [b(n), 1 / L * quad(lambda x: f(x) * Xn(x), 0, L, limit=200)[0]],
        "31.3": [heat(f, L, kappa, x, late), 0],
        "35": [heat(f1, math.pi, 1.0, xp, tp), math.exp(-tp) * math.sin(xp) + 3 * math.exp(-9 * tp) * math.sin(3 * xp)],
        "37": [heat(f1, math.pi, 1.0, xp, tp), math.exp(-tp) * math.sin(xp) + 3 * math.exp(-3 * tp) * math.sin(3 * xp)],
        "41": [I2(nn), 2 * (1 - (-1) ** nn) / nn**3],
        "43": [b2(odd), 8 / (math.pi * odd**3)], "43.2": [b2(even), 0], "43.3": [b2(odd), 4 / (math.pi * odd**3)],
        "47": [d(E, t), 2 * kappa * uuxx, -2 * kappa * ux2],
        "49": [E(t), L / 2 * sum(bk * bk * math.exp(-2 * kappa * k * k * math.pi**2 * t / L**2) for k, bk in enumerate(bw, 1))],
        "49.2": [d(E, t), -kappa * ux2],
        "53": [heat(f, L, kappa, x, late, even=True), quad(f, 0, L)[0] / L], "55": [heat(f, L, kappa, x, late, even=True), 0],
        "55.4": [vfd, A + (B - A) * x / L], "55.5": [vfd, (A + B) / 2],
    }

@document("344_forum_newton_raphson_exponential_rate")
def _(rng):
    from scipy.integrate import quad
    from scipy.optimize import brentq
    from scipy.stats import gamma

    n = int(rng.integers(2, 11))
    lam_true = rng.uniform(0.3, 3)
    x = rng.exponential(1 / lam_true, size=n)
    xb = float(x.mean())

    def loglik(lam, x=x):
        return float(np.sum(np.log(lam * np.exp(-lam * x))))     # the log of the product of the densities

    newton = lambda lam, x=x: lam - d(lambda l: loglik(l, x), lam) / d2r(lambda l: loglik(l, x), lam)  # noqa: E731
    lam = rng.uniform(0.2, 1.9) / xb                                  # a current iterate in (0, 2 / x-bar)
    mle = brentq(lambda l: d(loglik, l), 0.01 / xb, 100 / xb, xtol=1e-14)
    e = lambda l, xb=xb: 1 - xb * l  # noqa: E731
    k = int(rng.integers(0, 4))
    it = lam
    for _ in range(k):
        it = newton(it)
    x2 = x * 2 / xb                                                   # the same kind of data, rescaled to x-bar = 2
    N2 = lambda l: newton(l, x2)  # noqa: E731
    l1, l2 = N2(0.25), N2(N2(0.25))
    th = rng.normal()
    lth = lambda t: loglik(math.exp(t))  # noqa: E731
    newton_th = lambda t, x=x: t - d(lambda s: loglik(math.exp(s), x), t) / d2r(lambda s: loglik(math.exp(s), x), t)  # noqa: E731
    t1 = newton_th(0.0, x2)
    info = -d2r(loglik, lam)                                          # l'' does not involve the data: it is its own mean
    beta = 1 / lam_true
    lbeta = lambda b: -n * math.log(b) - n * beta / b  # noqa: E731   E[l(beta)], the data replaced by their mean n beta
    mean_mle = quad(lambda s: 1 / s * gamma.pdf(s, n, scale=1 / (n * lam_true)), 0, np.inf, limit=200)[0]
    return {
        "3.2": [mle, 1 / xb],
        "5": [loglik(lam), n * math.log(lam) - lam * x.sum(), n * math.log(lam) - n * lam * xb],
        "5.2": [d(loglik, lam), n / lam - n * xb], "5.3": [d2r(loglik, lam), -n / lam],
        "7.2": [newton(lam), lam + 1 - xb * lam], "7.5": [N2(0.25), 0.75],
        "9": [d2r(loglik, lam), -n / lam**2],
        "11": [newton(lam), newton(lam), lam + lam**2 * (1 / lam - xb), 2 * lam - xb * lam**2],
        "13.2": [mle, 1 / xb], "13.3": [mle, xb],
        "17": [e(newton(lam)), 1 - 2 * xb * lam + xb**2 * lam**2, (1 - xb * lam) ** 2, e(lam) ** 2],
        "19": [e(it), e(lam) ** (2**k)], "19.2": [e(it), e(lam) ** (2 * k)], "19.3": [e(newton(lam)), 2 * e(lam)],
        "21.2": [l1, 2 * 0.25 - 2 * 0.25**2, 0.375], "21.3": [l2, 0.46875],
        "21.4": [e(0.25, 2), 0.5], "21.5": [e(l1, 2), 0.25], "21.6": [e(l2, 2), 0.0625],
        "22.2": [2 / 2, 1], "22.3": [N2(1.5), 3 - 4.5, -1.5], "24": [l1, 2 * 0.25 - 2 * 0.25, 0],
        "26.2": [lth(th), n * th - n * xb * math.exp(th)], "26.3": [d(math.exp, th), math.exp(th)],
        "26.4": [d(lth, th), n / math.exp(th) - n * xb], "26.5": [d(lth, th), n - n * xb * math.exp(th)],
        "26.6": [d2r(lth, th), -n * xb * math.exp(th)],
        "28": [newton_th(th), th + (1 - xb * math.exp(th)) / (xb * math.exp(th)), th + 1 / (xb * math.exp(th)) - 1],
        "30": [newton_th(th), th + 1 - xb * math.exp(th)],
        "30.4": [t1, 0 + 1 / 2 - 1, -1 / 2], "30.5": [math.exp(t1), math.exp(-1 / 2)], "30.6": [t1, 1 / 2],
        "32": [info, info, n / lam**2],
        "32.2": [1 / math.sqrt(-d2r(loglik, mle)), mle / math.sqrt(n)], "32.3": [1 / math.sqrt(-d2r(loglik, mle)), mle / n],
        "32.5": [-d2r(lbeta, beta), n / beta**2], "32.6": [d(lambda b: 1 / b, beta) ** 2, 1 / beta**4],
        "32.8": [-d2r(lbeta, beta), n * beta**2],
        "34": [mean_mle, n / (n - 1) * lam_true], "34.2": [mean_mle, lam_true],
    }

@document("345_reading_group_rbm_contrastive_divergence")
def _(rng):
    import itertools

    D = int(rng.integers(1, 4))
    Fh = int(rng.choice([f for f in (1, 2, 3) if f != D]))
    V = [np.array(c, dtype=float) for c in itertools.product([0, 1], repeat=D)]
    Hs = [np.array(c, dtype=float) for c in itertools.product([0, 1], repeat=Fh)]
    P0 = rng.normal(size=D + Fh + D * Fh)
    unpack = lambda P: (P[:D], P[D:D + Fh], P[D + Fh:].reshape(D, Fh))  # noqa: E731
    energy = lambda v, h, P: float(-unpack(P)[0] @ v - unpack(P)[1] @ h - v @ unpack(P)[2] @ h)  # noqa: E731
    Z = lambda P: sum(math.exp(-energy(v, h, P)) for v in V for h in Hs)  # noqa: E731
    pvh = lambda v, h, P=P0: math.exp(-energy(v, h, P)) / Z(P)  # noqa: E731
    pv = lambda v, P=P0: sum(pvh(v, h, P) for h in Hs)  # noqa: E731
    free = lambda v, P=P0: -math.log(sum(math.exp(-energy(v, h, P)) for h in Hs))  # noqa: E731   from p(v) = e^{-F(v)} / Z
    a, b, W = unpack(P0)
    v = V[int(rng.integers(0, len(V)))]
    h = Hs[int(rng.integers(0, len(Hs)))]
    i, j = int(rng.integers(0, D)), int(rng.integers(0, Fh))
    ph = sum(pvh(v, hh) for hh in Hs if hh[j] == 1) / pv(v)
    pvis = sum(pvh(vv, h) for vv in V if vv[i] == 1) / sum(pvh(vv, h) for vv in V)
    wrong = sum(at(W, j, k) if at(W, j, k) is not UNDEFINED else math.nan for k in range(D))
    act = b + W.T @ v
    s = lambda z: 1 / (1 + np.exp(-z))  # noqa: E731
    iw = D + Fh + i * Fh + j                                          # the index of W_ij among the parameters
    q = int(rng.integers(0, len(P0)))                                 # any parameter theta
    dlogp = lambda idx: partial(lambda P: math.log(pv(v, P)), P0, idx)  # noqa: E731
    dF = lambda u, idx: partial(lambda P: free(u, P), P0, idx)  # noqa: E731
    model_vh = sum(pvh(vv, hh) * vv[i] * hh[j] for vv in V for hh in Hs)
    # one visible and one hidden unit, a = b = 0, weight w
    w = rng.normal()
    E1 = lambda v, h, w=w: -w * v * h  # noqa: E731
    Z1 = lambda w: sum(math.exp(-E1(v, h, w)) for v in (0, 1) for h in (0, 1))  # noqa: E731
    p1 = lambda w: sum(math.exp(-E1(1, h, w)) for h in (0, 1)) / Z1(w)  # noqa: E731
    F1 = -math.log(sum(math.exp(-E1(1, h)) for h in (0, 1)))
    ew = math.exp(w)
    vv, hh = float(rng.integers(0, 2)), float(rng.integers(0, 2))
    return {
        "13": [ph, s(b[j] + sum(W[k, j] * v[k] for k in range(D)))],
        "15": [ph, s(b[j] + wrong) if not math.isnan(wrong) else UNDEFINED],
        "15.2": [pvis, s(a[i] + (W @ h)[i])],
        "17": [free(v), float(-a @ v - np.sum(np.log(1 + np.exp(act))))], "19": [free(v), float(-a @ v - np.sum(act))],
        "23": [math.log(pv(v)), -free(v) - math.log(Z(P0))],
        "25": [dlogp(q), -dF(v, q) + sum(pv(u) * dF(u, q) for u in V)],
        "27": [partial(lambda P: energy(v, h, P), P0, iw), -v[i] * h[j]],
        "29": [dF(v, iw), -v[i] * s(act[j])], "29.2": [np.array([dF(v, k) for k in range(D)]), -v],
        "29.3": [dF(v, D + j), -s(act[j])],
        "31": [partial(lambda P: energy(v, h, P), P0, iw), v[i] * h[j]], "31.2": [dF(v, D + j), -math.log(1 + math.exp(act[j]))],
        "33": [dlogp(iw), v[i] * s(act[j]) - model_vh],
        "39.2": [-0.0 * vv - 0.0 * hh - vv * w * hh, -w * vv * hh],
        "41": [Z1(w), 1 + 1 + 1 + ew, 3 + ew], "41.2": [p1(w), (1 + ew) / (3 + ew)],
        "43": [Z1(w), 2 + 2 * ew], "43.3": [p1(w), ew / (3 + ew)],
        "43.4": [sum(vv * hh * math.exp(-E1(vv, hh)) for vv in (0, 1) for hh in (0, 1)) / Z1(w), ew / (3 + ew)],
        "45": [d(lambda u: math.log(p1(u)), w), 1 / (1 + math.exp(-w)) - ew / (3 + ew)],
        "47.2": [1 / 2 - 1 / 4, 1 / 4], "47.3": [d(lambda u: math.log(p1(u)), 0.0), 1 / 2],
        "47.5": [F1, -math.log(1 + ew)], "47.6": [math.exp(-F1) / Z1(w), (1 + ew) / (3 + ew)], "47.7": [F1, -w],
    }

@document("346_blog_relative_position_bias_gradient")
def _(rng):
    n, dk, dv = int(rng.integers(2, 6)), int(rng.integers(1, 5)), int(rng.integers(1, 4))
    Q, K, V = rng.normal(size=(n, dk)), rng.normal(size=(n, dk)), rng.normal(size=(n, dv))
    Bt = rng.normal(size=2 * n - 1)                                  # Bt[r + n - 1] is B_r
    C = rng.normal(size=(n, dv))
    Lout = lambda O: float(np.sum(C * np.tanh(O)))  # noqa: E731   some scalar loss of the outputs
    rows = lambda S: np.exp(S - S.max(axis=1, keepdims=True)) / np.exp(S - S.max(axis=1, keepdims=True)).sum(axis=1, keepdims=True)  # noqa: E731

    def logits(Q, K, Bt):
        return np.array([[Q[i] @ K[j] / math.sqrt(dk) + Bt[i - j + n - 1] for j in range(n)] for i in range(n)])

    S = logits(Q, K, Bt)
    A = rows(S)
    O = A @ V
    G = grad(Lout, O)
    i, j, l = (int(rng.integers(0, n)) for _ in range(3))
    r = int(rng.integers(-(n - 1), n))
    dS = grad(lambda S: Lout(rows(S) @ V), S)
    dA = grad(lambda A: Lout(A @ V), A)
    dV = grad(lambda V: Lout(rows(S) @ V), V)
    dQ = grad(lambda Q: Lout(rows(logits(Q, K, Bt)) @ V), Q)
    dK = grad(lambda K: Lout(rows(logits(Q, K, Bt)) @ V), K)
    dB = grad(lambda Bt: Lout(rows(logits(Q, K, Bt)) @ V), Bt)
    jac = partial(lambda S: rows(S)[i, l], S, (i, j))
    diag = sum(dS[p, p - r] for p in range(n) if 0 <= p - r < n)
    one = dS[r, 0] if 0 <= r < n else UNDEFINED
    # two tokens, zero queries and keys, values 1 and 0, L = o_2
    b2 = rng.normal(size=3)                                          # B_{-1}, B_0, B_1
    V2 = np.array([[1.0], [0.0]])
    S2 = lambda b: np.array([[b[1], b[0]], [b[2], b[1]]])  # noqa: E731   s_ij = B_{i-j}
    L2 = lambda b: float((rows(S2(b)) @ V2)[1, 0])  # noqa: E731
    a2 = rows(S2(b2))
    g2 = grad(L2, b2)
    s = lambda z: 1 / (1 + math.exp(-z))  # noqa: E731
    return {
        "11": [dA[i, j], G[i] @ V[j]], "11.2": [dV[j], A[:, j] @ G], "11.3": [dV[j], A[j, :] @ G],
        "11.4": [jac, A[i, l] * (delta(l, j) - A[i, j])],
        "13": [dS[i, j], A[i, j] * (G[i] @ V[j] - sum(A[i, m] * (G[i] @ V[m]) for m in range(n))), A[i, j] * (G[i] @ V[j] - G[i] @ O[i])],
        "15": [dS[i, j], A[i, j] * (1 - A[i, j]) * (G[i] @ V[j])], "15.2": [dS[i].sum(), 0],
        "21": [dQ[i], dS[i] @ K / math.sqrt(dk)], "21.2": [dK[j], dS[:, j] @ Q / math.sqrt(dk)], "23": [dQ[i], dS[i] @ K],
        "29": [dB[r + n - 1], diag], "31": [dB[r + n - 1], dS.sum()], "31.2": [dB[r + n - 1], one],
        "31.3": [dB.sum(), 0], "31.4": [dB[n - 1], 0],
        "35.5": [S2(b2)[1, 0], b2[2]], "35.6": [S2(b2)[1, 1], b2[1]],
        "37": [L2(b2), a2[1, 0], s(b2[2] - b2[1])],
        "41": [g2[2], a2[1, 0] * a2[1, 1]], "41.2": [g2[1], -a2[1, 0] * a2[1, 1]], "41.3": [g2[0], 0],
        "43.2": [g2[1], a2[1, 0] * a2[1, 1]],
    }

@document("347_nb_wasserstein_1d_gaussians")
def _(rng):
    from scipy.integrate import quad
    from scipy.linalg import sqrtm
    from scipy.optimize import linear_sum_assignment
    from scipy.special import ndtr, ndtri
    from scipy.stats import norm

    def ot_cost(x, y, p):
        """min over couplings of the mean |x - y|^p for two uniform measures of m points (a permutation, by Birkhoff)."""
        cost = np.abs(x[:, None] - y[None, :]) ** p
        r, c = linear_sum_assignment(cost)
        return float(cost[r, c].mean())

    def cdf_area(x, y):
        """The integral of |F_m - G_m| for the two empirical distribution functions."""
        pts = np.sort(np.concatenate([x, y]))
        F = lambda t, z: np.mean(z <= t)  # noqa: E731
        return float(sum((pts[k + 1] - pts[k]) * abs(F(pts[k], x) - F(pts[k], y)) for k in range(len(pts) - 1)))

    def w2sq(m1, s1, m2, s2):
        """W_2^2 from the quantile coupling, integrated in z = Phi^{-1}(u)."""
        q1, q2 = lambda u: m1 + s1 * ndtri(u), lambda u: m2 + s2 * ndtri(u)  # noqa: E731   the two quantile functions
        f = lambda z: (q1(ndtr(z)) - q2(ndtr(z))) ** 2 * math.exp(-z * z / 2) / math.sqrt(2 * math.pi)  # noqa: E731
        return quad(f, -8, 8, limit=200, epsabs=1e-13, epsrel=1e-12)[0]

    def w1(m1, s1, m2, s2):
        """W_1 as the area between the two distribution functions."""
        lo, hi = min(m1, m2) - 12 * max(s1, s2), max(m1, m2) + 12 * max(s1, s2)
        return quad(lambda x: abs(ndtr((x - m1) / s1) - ndtr((x - m2) / s2)), lo, hi, limit=400, points=[m1, m2],
                    epsabs=1e-13, epsrel=1e-12)[0]

    m = int(rng.integers(2, 8))
    x, y = rng.normal(size=m), rng.normal(size=m) * 2 + 1
    p = rng.uniform(1, 3)
    xs, ys = np.sort(x), np.sort(y)
    m1, m2 = rng.normal(size=2) * 2
    s1, s2 = rng.uniform(0.3, 3, size=2)
    u, z = rng.uniform(0.01, 0.99), rng.normal() * 2
    T = lambda t, m1=m1, s1=s1, m2=m2, s2=s2: norm.ppf(norm.cdf(t, m1, s1), m2, s2)  # noqa: E731   G^{-1}(F(t))
    h = 1e-3
    D = lambda f, t: (f(t + h) - f(t - h)) / (2 * h)  # noqa: E731   (w2sq is integrated numerically: a wider step)
    W2 = math.sqrt(w2sq(m1, s1, m2, s2))
    EZ = quad(lambda t: t * norm.pdf(t), -np.inf, np.inf)[0]
    EZ2 = quad(lambda t: t * t * norm.pdf(t), -np.inf, np.inf)[0]
    EabsZ = 2 * quad(lambda t: t * norm.pdf(t), 0, np.inf)[0]       # E|Z| by symmetry
    logpdf = lambda t, m, s: -((t - m) ** 2) / (2 * s * s) - math.log(s * math.sqrt(2 * math.pi))  # noqa: E731
    kl = quad(lambda t: math.exp(logpdf(t, 0, 1)) * (logpdf(t, 0, 1) - logpdf(t, 3, 2)), -15, 15, limit=200)[0]
    k = int(rng.integers(1, 5))
    mu1, mu2 = rng.normal(size=k), rng.normal(size=k)
    sd1, sd2 = rng.uniform(0.3, 2, k), rng.uniform(0.3, 2, k)
    S1, S2 = np.diag(sd1**2), np.diag(sd2**2)
    r2 = sqrtm(S2).real
    bures = float(np.sum((mu1 - mu2) ** 2) + np.trace(S1 + S2 - 2 * sqrtm(r2 @ S1 @ r2).real))
    return {
        "1:5": [ot_cost(x, y, p), float(np.mean(np.abs(xs - ys) ** p))], "1:7.2": [ot_cost(x, y, 1), cdf_area(x, y)],
        "1:9.3": [norm.ppf(u, m1, s1), m1 + s1 * norm.ppf(u)], "1:9.4": [norm.ppf(u, m2, s2), m2 + s2 * norm.ppf(u)],
        "1:11": [T(z), m2 + s2 / s1 * (z - m1)], "1:13": [T(z), m2 + s2**2 / s1**2 * (z - m1)],
        "3:3": [norm.ppf(u, m1, s1) - norm.ppf(u, m2, s2), (m1 - m2) + (s1 - s2) * norm.ppf(u)],
        "3:3.2": [EZ, 0], "3:3.3": [EZ2, 1],
        "3:5": [w2sq(m1, s1, m2, s2), (m1 - m2) ** 2 + (s1 - s2) ** 2],
        "3:7": [w2sq(m1, s1, m2, s2), (m1 - m2) ** 2 + (s1**2 - s2**2) ** 2],
        "3:7.2": [w2sq(m1, s1, m2, s2), (m1 - m2) ** 2 + s1**2 + s2**2],
        "3:9": [D(lambda t: w2sq(t, s1, m2, s2), m1), 2 * (m1 - m2)], "3:9.2": [D(lambda t: w2sq(m1, t, m2, s2), s1), 2 * (s1 - s2)],
        "3:11": [D(lambda t: math.sqrt(w2sq(t, s1, m2, s2)), m1), (m1 - m2) / W2],
        "3:11.2": [D(lambda t: math.sqrt(w2sq(t, s1, m2, s2)), m1), 2 * (m1 - m2)],
        "3:15.2": [w1(m1, s1, m2, s1), abs(m1 - m2)],
        "3:15.4": [w1(m1, s1, m1, s2), abs(s1 - s2) * EabsZ, abs(s1 - s2) * math.sqrt(2 / math.pi)],
        "3:15.5": [w1(m1, s1, m1, s2), abs(s1 - s2)], "3:15.6": [EabsZ, math.sqrt(2 / math.pi)], "3:15.7": [EabsZ, 1],
        "3:21": [w2sq(0, 1, 3, 2), 9 + 1, 10], "3:21.2": [math.sqrt(w2sq(0, 1, 3, 2)), math.sqrt(10)],
        "3:23": [T(z, 0, 1, 3, 2), 3 + 2 * z], "3:23.2": [T(z, 0, 1, 3, 2), 3 + 4 * z], "3:23.3": [math.sqrt(w2sq(0, 1, 3, 2)), 4],
        "3:25": [kl, math.log(2 / 1) + (1 + (0 - 3) ** 2) / (2 * 4) - 0.5, math.log(2) + 10 / 8 - 0.5],
        "5:5": [ot_cost(x, y, 2), float(np.mean((xs - ys) ** 2))], "5:7": [ot_cost(x, y, 2), float(np.mean((x - y) ** 2))],
        "5:7.2": [bures, float(np.sum((mu1 - mu2) ** 2) + np.sum((sd1 - sd2) ** 2))],
    }

_GAUSS_LEGENDRE: dict[int, tuple] = {}


def gauss_legendre(n: int):
    """Gauss-Legendre nodes and weights on (-1, 1), computed once per n."""
    if n not in _GAUSS_LEGENDRE:
        _GAUSS_LEGENDRE[n] = np.polynomial.legendre.leggauss(n)
    return _GAUSS_LEGENDRE[n]


@document("348_lecture_gp_marginal_likelihood_lengthscale")
def _(rng):
    from scipy.stats import multivariate_normal

    def gp(sf2, sn2, ell, x1, x2):
        kern = lambda a, b: sf2 * math.exp(-((a - b) ** 2) / (2 * ell**2))  # noqa: E731
        xs = (x1, x2)
        return np.array([[kern(xs[i], xs[j]) + sn2 * delta(i, j) for j in range(2)] for i in range(2)])

    ev = lambda K, y: float(multivariate_normal(np.zeros(2), K).logpdf(y))  # noqa: E731   log N(y; 0, K)
    sf2, sn2, ell = rng.uniform(0.2, 3), rng.uniform(0.05, 2), rng.uniform(0.3, 3)
    x1, x2 = rng.normal(size=2) * 2
    y = rng.normal(size=2) * 2
    K = gp(sf2, sn2, ell, x1, x2)
    r, s, c = abs(x1 - x2), sf2 + sn2, sf2 * math.exp(-((x1 - x2) ** 2) / (2 * ell**2))
    D = s * s - c * c
    Ki = np.linalg.inv(K)
    Kl = lambda l: gp(sf2, sn2, l, x1, x2)  # noqa: E731
    dK = (Kl(ell + 1e-6) - Kl(ell - 1e-6)) / 2e-6
    L = lambda l: ev(Kl(l), y)  # noqa: E731
    hyp = np.array([ell, sf2, sn2])
    Kh = lambda h: gp(h[1], h[2], h[0], x1, x2)  # noqa: E731   K as a function of (l, sigma_f^2, sigma_n^2)
    Lh = lambda h: ev(Kh(h), y)  # noqa: E731
    k = int(rng.integers(0, 3))
    dKh = (Kh(hyp + 1e-6 * np.eye(3)[k]) - Kh(hyp - 1e-6 * np.eye(3)[k])) / 2e-6
    al = np.linalg.solve(K, y)
    J = np.array([[0.0, 1], [1, 0]])
    M = rng.normal(size=(2, 2))
    e = rng.uniform(0.3, 3)                                        # the example: sigma_f^2 = 1, sigma_n^2 = 1/2, r^2 = 2 e^2 log 2
    re = math.sqrt(2 * e * e * math.log(2))
    Ke = lambda l: gp(1.0, 0.5, l, 0.0, re)  # noqa: E731
    K1 = Ke(e)
    ya, yb = np.array([1.0, -1]), np.array([1.0, 1])
    aa, ab = np.linalg.solve(K1, ya), np.linalg.solve(K1, yb)
    c1, D1 = K1[0, 1], np.linalg.det(K1)
    return {
        "16": [K, np.array([[s, c], [c, s]])], "16.2": [np.linalg.det(K), D], "16.3": [Ki, np.array([[s, -c], [-c, s]]) / D],
        "21": [L(ell), ev(K, y), -0.5 * y @ Ki @ y - 0.5 * math.log(np.linalg.det(K)) - math.log(2 * math.pi)],
        "25": [(np.linalg.inv(Kl(ell + 1e-6)) - np.linalg.inv(Kl(ell - 1e-6))) / 2e-6, -Ki @ dK @ Ki],
        "25.2": [d(lambda l: math.log(np.linalg.det(Kl(l))), ell), np.trace(Ki @ dK)],
        "27": [partial(Lh, hyp, k), 0.5 * y @ Ki @ dKh @ Ki @ y - 0.5 * np.trace(Ki @ dKh), 0.5 * np.trace((np.outer(al, al) - Ki) @ dKh)],
        "33": [al[0], (s * y[0] - c * y[1]) / D], "33.2": [al[1], (s * y[1] + c * y[0]) / D],
        "36": [d(lambda l: sf2 * math.exp(-r * r / (2 * l * l)), ell), r * r / ell**3 * c], "38": [dK, r * r * c / ell**3 * J],
        "40": [np.trace(M @ J), M[0, 1] + M[1, 0]],
        "42": [d(L, ell), r * r * c / (2 * ell**3) * np.trace((np.outer(al, al) - Ki) @ J), r * r * c / ell**3 * (al[0] * al[1] + c / D)],
        "46.2": [d(lambda u: L(math.exp(u)), math.log(ell)), ell * d(L, ell), r * r * c / ell**4 * (al[0] * al[1] + c / D)],
        "48.4": [c1, 1 / 2], "48.5": [K1[0, 0], 3 / 2], "48.6": [D1, 2],
        "48.7": [d(lambda l: Ke(l)[0, 1], e), 2 * e * e * math.log(2) / e**3 * 0.5, math.log(2) / e],
        "50.2": [aa, np.array([1, -1])], "50.3": [ya @ np.linalg.inv(K1) @ ya, ya @ aa, 2],
        "52": [aa[0] * aa[1] + c1 / D1, -1 + 1 / 4, -3 / 4], "52.2": [d(lambda l: ev(Ke(l), ya), e), -3 * math.log(2) / (4 * e)],
        "54": [-0.5 * ya @ aa, -1], "54.2": [-0.5 * math.log(D1), -math.log(2)], "54.3": [ev(K1, ya), -1 - math.log(2) - math.log(2 * math.pi)],
        "55.2": [ab, np.array([1 / 2, 1 / 2])], "57": [ab[0] * ab[1] + c1 / D1, 1 / 4 - 1 / 4, 0],
    }

@document("349_notes_chebyshev_recurrence")
def _(rng):
    from scipy.integrate import quad

    def T(n, x):
        """T_n(x) from the recurrence of line 5 alone."""
        a, b = 1.0, x
        if n == 0:
            return a
        for _ in range(n - 1):
            a, b = b, 2 * x * b - a
        return b

    def coeffs(n):
        """The coefficients of T_n (lowest first), from the recurrence."""
        a, b = np.array([1.0]), np.array([0.0, 1.0])
        if n == 0:
            return a
        for _ in range(n - 1):
            a, b = b, np.concatenate([[0.0], 2 * b]) - np.pad(a, (0, len(b) + 1 - len(a)))
        return b

    def weighted(f):
        """int_{-1}^{1} f(x) / sqrt(1 - x^2) dx by QUADPACK's algebraic-weight rule."""
        return quad(f, -1, 1, weight="alg", wvar=(-0.5, -0.5), epsabs=1e-12, epsrel=1e-12, limit=200)[0]

    x, t = rng.uniform(-1, 1), rng.uniform(-4, 4)
    ti = rng.uniform(0.05, math.pi - 0.05)
    n, m = int(rng.integers(0, 9)), int(rng.integers(0, 9))
    n1 = int(rng.integers(1, 9))
    k1 = int(rng.integers(0, n1 + 1))
    mm, nn = max(m, n), min(m, n)
    zeros = np.sort(np.roots(coeffs(n1)[::-1]).real)
    zk = np.sort(np.cos((2 * np.arange(1, n1 + 1) - 1) * math.pi / n1))
    case = 0.0 if m != n else (math.pi if n == 0 else math.pi / 2)
    z, u = rng.uniform(-0.8, 0.8), rng.uniform(-2, 2)
    return {
        "12": [T(2, x), 2 * x * x - 1, 2 * x**2 - 1], "12.2": [T(3, x), 2 * x * (2 * x**2 - 1) - x, 4 * x**3 - 3 * x],
        "15": [T(4, x), 2 * x * (4 * x**3 - 3 * x) - (2 * x**2 - 1), 8 * x**4 - 8 * x**2 - 1],
        "17": [T(n, -x), (-1) ** n * T(n, x)], "21": [T(n, math.cos(t)), math.cos(n * t)],
        "25": [math.cos((n + 1) * t) + math.cos((n - 1) * t), 2 * math.cos(t) * math.cos(n * t)],
        "27.2": [math.cos((n1 + 1) * t), 2 * math.cos(t) * math.cos(n1 * t) - math.cos((n1 - 1) * t)],
        "31": [T(n, 1.0), 1], "31.2": [T(n, -1.0), (-1) ** n],
        "32": [zeros, zk], "33": [T(n1, math.cos(k1 * math.pi / n1)), (-1) ** k1],
        "33.2": [T(4, 0.5), math.cos(4 * math.pi / 3), -0.5],
        "35": [-math.sin(t) * d(lambda y: T(n, y), math.cos(t)), -n * math.sin(n * t)],
        "37": [d(lambda y: T(n, y), math.cos(ti)), n * math.sin(n * ti) / math.sin(ti)],
        "39": [d(lambda y: T(n, y), 1.0), n],
        "43": [2 * math.cos(m * t) * math.cos(n * t), math.cos((m + n) * t) + math.cos((m - n) * t)],
        "45": [2 * T(mm, x) * T(nn, x), T(mm + nn, x) + T(mm - nn, x)],
        "47": [math.cos(m * (n * t)), math.cos(m * n * t)], "47.2": [T(m, T(n, x)), T(m * n, x)],
        "47.3": [x**2, (T(0, x) + T(2, x)) / 2], "47.4": [x**3, (3 * T(1, x) + T(3, x)) / 2],
        "53": [weighted(lambda y: T(m, y) * T(n, y)), quad(lambda s: math.cos(m * s) * math.cos(n * s), 0, math.pi, epsabs=1e-12)[0], case],
        "55": [weighted(lambda y: T(3, y) ** 2), math.pi],
        "61": [sum(T(j, x) * z**j for j in range(300)), (1 - x * z) / (1 - 2 * x * z + z * z)],
        "63": [T(n, math.cosh(u)), math.cosh(n * u)], "63.2": [T(3, 2.0), 4 * 8 - 3 * 2, 26],
    }

@document("350_hw_fourier_square_wave")
def _(rng):
    from scipy.integrate import quad
    from scipy.optimize import brentq

    f = lambda x: -1.0 if (x % (2 * math.pi)) > math.pi else 1.0  # noqa: E731   the periodic wave (x not at a jump)
    C = lambda z: np.array([complex(z).real, complex(z).imag])  # noqa: E731

    def integral(h):
        """int_{-pi}^{pi} h(x) dx, split at the jump."""
        return quad(h, -math.pi, 0, epsabs=1e-13, limit=200)[0] + quad(h, 0, math.pi, epsabs=1e-13, limit=200)[0]

    a = lambda n: integral(lambda x: f(x) * math.cos(n * x)) / math.pi  # noqa: E731
    b = lambda n: integral(lambda x: f(x) * math.sin(n * x)) / math.pi  # noqa: E731
    c = lambda n: complex(integral(lambda x: f(x) * math.cos(n * x)), -integral(lambda x: f(x) * math.sin(n * x))) / (2 * math.pi)  # noqa: E731

    def series(x, K=20000):
        """(4 / pi) sum_k sin((2k+1)x) / (2k+1), as the mean of its partial sums over the second half (Cesaro)."""
        k = np.arange(2 * K)
        partial = np.cumsum(np.sin((2 * k + 1) * x) / (2 * k + 1))
        return 4 / math.pi * float(partial[K:].mean())

    n, no, ne = int(rng.integers(1, 10)), int(rng.choice([1, 3, 5, 7, 9])), int(rng.choice([2, 4, 6, 8]))
    n0 = int(rng.integers(0, 10))
    x = rng.choice([-1, 1]) * rng.uniform(0.3, math.pi - 0.3)
    k = int(rng.integers(0, 20))
    K = 10**6
    alt = float(np.sum((-1.0) ** np.arange(100001) / (2 * np.arange(100001) + 1)))
    alt = (alt + alt - 1 / (2 * 100001 + 1)) / 2                   # the mean of two consecutive partial sums
    odd = float(np.sum(1 / (2 * np.arange(K) + 1.0) ** 2)) + 1 / (4 * K)
    bn = lambda n: 2 / math.pi * (1 - np.cos(n * math.pi)) / n  # noqa: E731   int_0^pi sin(n x) dx, done by hand
    rhs29 = a(0) ** 2 / 2 + sum(a(m) ** 2 + b(m) ** 2 for m in range(1, 12)) + float(np.sum(bn(np.arange(12, 2 * K)) ** 2))
    N = int(rng.integers(1, 11))
    xs = rng.uniform(0.1, math.pi - 0.1)
    S = lambda x: 4 / math.pi * sum(np.sin((2 * j - 1) * x) / (2 * j - 1) for j in range(1, N + 1))  # noqa: E731
    dS = lambda x: d(S, x)  # noqa: E731
    grid = np.linspace(1e-6, 0.9 * math.pi, 4000)
    first = int(np.argmax(dS(grid) < 0))
    xN = brentq(dS, grid[first - 1], grid[first])
    g = lambda x: (1 + f(x)) / 2  # noqa: E731
    return {
        "11": [a(n0), 0],
        "13": [b(n), 2 / math.pi * quad(lambda x: math.sin(n * x), 0, math.pi)[0],
               2 / math.pi * (-math.cos(n * math.pi) / n + math.cos(0) / n), 2 / (n * math.pi) * (1 - math.cos(n * math.pi)),
               2 / (n * math.pi) * (1 - (-1) ** n)],
        "15": [b(no), 4 / (no * math.pi)], "15.2": [b(ne), 0], "17": [f(x), series(x)],
        "19": [b(1), 4 / math.pi], "19.2": [b(2), 0], "19.3": [b(3), 4 / (3 * math.pi)],
        "21.2": [C(c(n)), C((a(n) - 1j * b(n)) / 2)], "21.3": [C(c(no)), C(2j / (no * math.pi))], "21.4": [C(c(-n)), C(c(n).conjugate())],
        "23.2": [math.sin((2 * k + 1) * math.pi / 2), (-1) ** k],
        "25": [1, 4 / math.pi * alt], "25.2": [alt, math.pi / 4], "27.2": [0, (f(1e-9) + f(-1e-9)) / 2],
        "29": [integral(lambda x: f(x) ** 2) / math.pi, rhs29],
        "31": [2, 16 / math.pi**2 * odd], "31.2": [odd, math.pi**2 / 6],
        "36": [dS(xs), 4 / math.pi * sum(math.cos((2 * j - 1) * xs) / (2 * j - 1) for j in range(1, N + 1)),
               2 / math.pi * math.sin(2 * N * xs) / math.sin(xs)],
        "38": [2 * math.sin(x) * math.cos((2 * k - 1) * x), math.sin(2 * k * x) - math.sin((2 * k - 2) * x)],
        "38.2": [xN, math.pi / N],
        "40": [S(xN), quad(dS, 0, xN)[0], 2 / math.pi * quad(lambda x: math.sin(2 * N * x) / math.sin(x), 0, xN)[0]],
        "44.2": [integral(g) / math.pi / 2, 1 / 2], "44.3": [g(x), 1 / 2 + series(x)],
    }

@document("351_nb_logistic_growth_ode")
def _(rng):
    from scipy.integrate import quad, solve_ivp
    from scipy.optimize import brentq

    def solution(K, P0, r, T=60.0):
        """The logistic equation integrated numerically (dense output on [0, T])."""
        s = solve_ivp(lambda t, P: r * P * (1 - P / K), (0, T), [P0], method="DOP853", dense_output=True, rtol=1e-13, atol=1e-13 * K)
        return lambda t: float(s.sol(t)[0])  # noqa: E731

    def facts(K, P0, r):
        P = solution(K, P0, r)
        rate = lambda t: r * P(t) * (1 - P(t) / K)  # noqa: E731   dP/dt along the trajectory
        drate = lambda t: (rate(t + 1e-4) - rate(t - 1e-4)) / 2e-4  # noqa: E731
        grid = np.linspace(0, 50 / r if 50 / r < 60 else 59, 600)
        vals = [drate(t) for t in grid[1:]]
        i = next(j for j, v in enumerate(vals) if v < 0)
        ts = brentq(drate, grid[i], grid[i + 1], xtol=1e-13) if i > 0 else 0.0
        t90 = brentq(lambda t: P(t) - 0.9 * K, 0, 59, xtol=1e-13)
        t10 = brentq(lambda t: P(t) - 0.1 * K, 0, 59, xtol=1e-13) if P0 < 0.1 * K else UNDEFINED
        return P, rate, ts, t90, t10

    K, r = rng.uniform(1, 200), rng.uniform(0.3, 2)
    P0 = K * rng.uniform(0.01, 0.09)
    A = (K - P0) / P0
    P, rate, ts, t90, t10 = facts(K, P0, r)
    t = rng.uniform(0, 8 / r)
    Pt, y = P(t), K * rng.uniform(0.01, 0.99)
    h = 1e-4 * P0
    dP0 = (solution(K, P0 + h, r)(t) - solution(K, P0 - h, r)(t)) / (2 * h)
    tt = max(t, 0.05)
    Ptt = P(tt)
    P100, rate100, ts100, _, _ = facts(100.0, 10.0, 0.5)
    A100 = (100 - P100(3.0)) / P100(3.0) * math.exp(0.5 * 3.0)       # (K - P)/P e^{rt} is constant along the trajectory
    t6 = rng.uniform(0, 20)
    return {
        "3:5": [1 / (y * (1 - y / K)), K / (y * (K - y)), 1 / y + 1 / (K - y)],
        "3:9": [quad(lambda p: 1 / p + 1 / (K - p), P0, Pt, epsabs=1e-13)[0], math.log(Pt / (K - Pt)) - math.log(P0 / (K - P0)), r * t],
        "3:13": [Pt / (K - Pt), math.exp(r * t) / A], "3:13.2": [Pt, K / (1 + A * math.exp(-r * t))],
        "3:17": [Pt, K * P0 * math.exp(r * t) / (P0 * math.exp(r * t) + K - P0), K * P0 / (P0 + (K - P0) * math.exp(r * t))],
        "5:5": [d2r(P, tt, h=1e-2), r * (1 - 2 * Ptt / K) * rate(tt), r**2 * Ptt * (1 - Ptt / K) * (1 - 2 * Ptt / K)],
        "5:7": [ts, math.log(A) / r], "5:7.2": [rate(ts), r * K / 2],
        "5:9": [math.log(Pt / (K - Pt)), r * t - math.log(A)], "5:11": [t90 - t10, math.log(9) / r],
        "5:13": [dP0, K**2 * math.exp(r * t) / (P0 * math.exp(r * t) + K - P0) ** 2],
        "6:3.4": [A100, (100 - 10) / 10, 9], "6:5": [P100(t6), 100 / (1 + 9 * math.exp(-t6 / 2))],
        "6:5.2": [ts100, 2 * math.log(9), 4 * math.log(3)],
        "6:7": [P100(2 * math.log(3)), 100 / (1 + 9 / 3), 25], "6:7.2": [P100(8 * math.log(3)), 100 / (1 + 9 / 81), 90],
        "6:7.3": [rate100(ts100), 0.5 * 100 / 2, 25],
    }

@document("352_solution_key_svm_hinge_bias_subgradient")
def _(rng):
    def objective(X, y, lam):
        return lambda w, b: lam / 2 * float(w @ w) + float(np.mean([max(0.0, 1 - y[i] * (w @ X[i] + b)) for i in range(len(y))]))  # noqa: E731

    n, dim = int(rng.integers(2, 7)), int(rng.integers(1, 6))
    X, y = rng.normal(size=(n, dim)), rng.choice([-1.0, 1.0], size=n)
    w, b, lam = rng.normal(size=dim), rng.normal(), rng.uniform(0.01, 2)
    J = objective(X, y, lam)
    gw, gb = grad(lambda v: J(v, b), w), d(lambda c: J(w, c), b)
    marg = np.array([y[i] * (w @ X[i] + b) for i in range(n)])
    a = (marg < 1).astype(float)
    act = [i for i in range(n) if marg[i] < 1]
    i = int(rng.integers(0, n))
    Xa = mat(X, y * a)
    c = rng.normal(size=dim)
    X0, y0, w0, lam0 = np.array([[2.0, 1], [0.5, 1], [0, -1]]), np.array([1.0, 1, -1]), np.array([1.0, 0]), 0.1
    J0 = objective(X0, y0, lam0)
    g0, gb0 = grad(lambda v: J0(v, 0.0), w0), d(lambda c: J0(w0, c), 0.0)
    m0 = y0 * (X0 @ w0)
    w1 = w0 - 3 * g0
    m1 = y0 * (X0 @ w1)
    return {
        "9.2": [grad(lambda v: y[i] * (v @ X[i] + b), w), y[i] * X[i]], "9.3": [d(lambda c: y[i] * (w @ X[i] + c), b), y[i]],
        "11": [gw, lam * w - sum((y[k] * X[k] for k in act), np.zeros(dim)) / n], "11.2": [gb, lam * b - sum(y[k] for k in act) / n],
        "17": [gw, Xa if Xa is UNDEFINED else lam * w - Xa / n], "17.2": [gb, -np.ones(n) @ (y * a) / n, -(y @ a) / n],
        "19": [marg, y * (X @ w + b * np.ones(n))],
        "25.3": [m0[0], 2], "25.4": [m0[1], 1 / 2], "25.5": [m0[2], 0], "25.6": [(m0 < 1).astype(float), np.array([0, 1, 1])],
        "27": [J0(w0, 0.0), 1 / 20 + 1 / 3 * (0 + 1 / 2 + 1), 11 / 20], "29": [y0[1] * X0[1] + y0[2] * X0[2], np.array([1 / 2, 2])],
        "31": [g0, np.array([1 / 10, 0]) - 1 / 3 * np.array([1 / 2, 2]), np.array([-1 / 15, -2 / 3])],
        "31.2": [gb0, -1 / 3 * (1 + 1), -2 / 3],
        "34.2": [w1, np.array([6 / 5, 2])], "34.3": [m1[0], 12 / 5 + 2, 22 / 5], "34.4": [m1[2], 2],
        "34.5": [J0(w1, 0.0), lam0 / 2 * float(w1 @ w1), 1 / 10 * (36 / 25 + 4), 68 / 125],
        "36.3": [w @ (X[i] + c) + (b - w @ c), w @ X[i] + b],
    }

@document("353_blog_rmsprop_centered_bias_correction")
def _(rng):
    import itertools

    def run(gs, beta, eta, eps=0.0):
        """RMSprop (and the centred average m) on one coordinate: the lists of v_t, m_t and steps Delta_t."""
        v = m = 0.0
        vs, ms, steps = [], [], []
        for g in gs:
            v = beta * v + (1 - beta) * g * g
            m = beta * m + (1 - beta) * g
            vs.append(v)
            ms.append(m)
            steps.append(-eta * g / (math.sqrt(v) + eps))
        return vs, ms, steps

    beta, eta = rng.uniform(0.05, 0.99), rng.uniform(0.01, 2)
    t = int(rng.integers(1, 9))
    gs = rng.normal(size=t) * rng.uniform(0.1, 5)
    g = rng.choice([-1, 1]) * rng.uniform(0.1, 5)
    vs, _, _ = run(gs, beta, eta)
    mass, _, _ = run(np.ones(t), beta, eta)
    cv, cm, cs = run(np.full(t, g), beta, eta)
    _, _, long = run(np.full(6000, g), beta, eta)
    _, _, s99 = run([g], 0.99, eta)
    v5, _, s5 = run([g, g], 0.5, eta)
    c, eps = rng.uniform(1e-3, 1e3), rng.uniform(1e-4, 1)
    _, _, sc0 = run(c * gs, beta, eta)
    _, _, su0 = run(gs, beta, eta)
    _, _, sce = run(c * gs, beta, eta, eps)
    vals, probs = rng.normal(size=2) * 2, rng.dirichlet(np.ones(2))
    mu, var = float(probs @ vals), float(probs @ vals**2 - (probs @ vals) ** 2)
    te = int(rng.integers(1, 6))
    Ev = sum(math.prod(probs[i] for i in ks) * run([vals[i] for i in ks], beta, eta)[0][-1] for ks in itertools.product(range(2), repeat=te))
    _, fm, _ = run([g, -g], beta, eta)
    fv, _, _ = run([g, -g], beta, eta)
    return {
        "15": [vs[-1], (1 - beta) * sum(beta**k * gs[t - 1 - k] ** 2 for k in range(t))],
        "15.2": [mass[-1], 1 - beta ** (t - 1)],
        "23": [cv[-1], (1 - beta**t) * g * g],
        "23.2": [cs[-1], -eta * g / math.sqrt((1 - beta**t) * g * g), -eta * np.sign(g) / math.sqrt(1 - beta**t)],
        "25": [long[-1], -eta * np.sign(g)],
        "27": [abs(s99[0]), eta / math.sqrt(1 - 0.99), eta / 0.01, 100 * eta],
        "29.2": [v5[1], 3 / 4 * g * g], "29.3": [abs(s5[1]), 2 * eta / math.sqrt(3)],
        "31.2": [cv[-1] / (1 - beta**t), g * g],
        "37": [sc0[-1], su0[-1]], "41": [sce[-1], -eta * gs[-1] / (math.sqrt(vs[-1]) + c * eps)],
        "49": [Ev, (1 - beta) * sum(beta**k * (mu * mu + var) for k in range(te)), (1 - beta**te) * var],
        "55.3": [cm[-1], (1 - beta**t) * g],
        "57": [cv[-1] - cm[-1] ** 2, (1 - beta**t) * g * g - (1 - beta**t) ** 2 * g * g, beta**t * (1 - beta**t) * g * g],
        "59.3": [fm[1], (1 - beta) ** 2 * g], "59.4": [fv[1], (1 - beta**2) * g * g],
    }

@document("354_appendix_generalized_rayleigh_quotient")
def _(rng):
    from scipy.linalg import eigh
    from scipy.optimize import minimize_scalar

    n = int(rng.integers(2, 6))
    G, M = rng.normal(size=(n, n)), rng.normal(size=(n, n))
    A = (G + G.T) / 2
    B = M @ M.T / n + 0.5 * np.eye(n)
    R = lambda v, A=A, B=B: float(v @ A @ v) / float(v @ B @ v)  # noqa: E731
    w, c = rng.normal(size=n), rng.choice([-1, 1]) * rng.uniform(0.1, 5)
    gR = grad(R, w)
    p, q = float(w @ A @ w), float(w @ B @ w)
    lams, V = eigh(A, B)                                           # generalised eigenpairs, V^T B V = I
    j = int(rng.integers(0, n))
    lam, v = lams[j], V[:, j]
    wb = w / math.sqrt(q)                                          # on the B-unit sphere
    L = np.linalg.cholesky(B)
    u = L.T @ w
    Li = np.linalg.inv(L)
    H = np.array([[partial2(R, v, a, b) for b in range(n)] for a in range(n)])
    radial = d2r(lambda s: R((1 + s) * v), 0.0)  # (R is constant on the ray: rounding only)
    Dl, S = rng.normal(size=n), M @ M.T / n + 0.5 * np.eye(n)
    AF = np.outer(Dl, Dl)
    RF = lambda v: R(v, AF, S)  # noqa: E731
    ws = np.linalg.solve(S, Dl)
    k = float(Dl @ ws)
    A2, B2 = np.array([[2.0, 1], [1, 2]]), np.array([[1.0, 0], [0, 2]])
    R2 = lambda v: R(np.asarray(v, dtype=float), A2, B2)  # noqa: E731
    ang = lambda t: np.array([math.cos(t), math.sin(t)])  # noqa: E731
    best = lambda s: -s * minimize_scalar(lambda t: -s * R2(ang(t)), bounds=(0, math.pi), method="bounded",  # noqa: E731
                                          options={"xatol": 1e-10}).fun
    mx = max(best(1), max(R2(ang(t)) for t in np.linspace(0, math.pi, 721)))
    mn = min(best(-1), min(R2(ang(t)) for t in np.linspace(0, math.pi, 721)))
    la = rng.normal() * 3
    s3 = math.sqrt(3)
    return {
        "16.3": [grad(lambda x: x @ A @ x, w), 2 * A @ w], "16.4": [grad(lambda x: x @ B @ x, w), 2 * B @ w],
        "18": [gR, (q * 2 * A @ w - p * 2 * B @ w) / q**2, 2 / q * (A @ w - R(w) * B @ w)],
        "23": [R(c * w), R(w)], "23.2": [grad(R, c * w), gR], "23.3": [w @ gR, 0], "24.2": [R(v), lam],
        "26.2": [grad(R, wb), 2 * (A @ wb - R(wb) * wb)],
        "29.3": [q, u @ u], "31": [R(w), float(u @ Li.T @ A @ Li @ u) / float(u @ u)],
        "38": [H, 2 * (A - lam * np.eye(n))], "40": [radial, 0],
        "43.4": [w @ AF @ w, (Dl @ w) ** 2], "45": [AF @ ws, Dl * k],
        "45.2": [RF(ws), k**2 / float(Dl @ np.linalg.inv(S) @ S @ np.linalg.inv(S) @ Dl), k], "47": [grad(RF, ws), np.zeros(n)],
        "54": [R2([1, 0]), 2], "54.2": [R2([0, 1]), 1], "54.3": [R2([1, 1]), 6 / 3, 2],
        "56": [np.linalg.det(A2 - la * B2), (2 - la) * (2 - 2 * la) - 1, 2 * la**2 - 6 * la + 3],
        "58": [mx, (3 + s3) / 2], "58.2": [mn, (3 - s3) / 2], "58.3": [R2([1, s3 - 1]), (3 + s3) / 2],
        "58.4": [max(np.linalg.eigvalsh(A2)) / min(np.linalg.eigvalsh(B2)), 3],
    }

@document("355_worksheet_geometric_entropy")
def _(rng):
    k_all = np.arange(1, 4001)

    def pmf(p):
        return (1 - p) ** (k_all - 1) * p

    def H(p, base=math.e):
        """The entropy of the geometric law by direct summation over its support."""
        P = pmf(p)
        P = P[P > 0]
        return float(-(P * np.log(P)).sum()) / math.log(base)

    h = lambda p: -p * math.log(p) - (1 - p) * math.log(1 - p)  # noqa: E731
    h2 = lambda p: h(p) / math.log(2)  # noqa: E731
    p = rng.uniform(0.05, 0.95)
    q = 1 - p
    k = int(rng.integers(1, 30))
    P = pmf(p)
    EX = float(k_all @ P)
    mu = rng.uniform(1.05, 20)
    return {
        "11": [float(np.sum(q ** (k_all - 1))), 1 / (1 - q)],
        "13": [float(np.sum(k_all * q ** (k_all - 1))), 1 / (1 - q) ** 2, 1 / p**2],
        "15": [EX, float(np.sum(k_all * q ** (k_all - 1) * p)), 1 / p], "15.2": [float((k_all - 1) @ P), q / p],
        "17": [math.log(P[k - 1]), math.log(p) + (k - 1) * math.log(q)],
        "19": [H(p), -float(np.sum(q ** (k_all - 1) * p * (math.log(p) + (k_all - 1) * math.log(q)))),
               -math.log(p) - EX * math.log(q), -math.log(p) - q / p * math.log(q)],
        "23": [H(p), (-p * math.log(p) - q * math.log(q)) / p, h(p) / p],
        "27.2": [H(0.5, 2), h2(0.5) / 0.5, 2],
        "29": [h2(0.25), 0.25 * math.log2(4) + 0.75 * math.log2(4 / 3), 2 - 0.75 * math.log2(3)],
        "29.2": [H(0.25, 2), 4 * h2(0.25), 4 - 3 * math.log2(3)],
        "31": [H(1 - 1e-10), 0], "33": [d(h, p), math.log(p / q)],
        "35": [d(H, p), (p * d(h, p) - h(p)) / p**2, math.log(q) / p**2],
        "39.2": [P[k], q**k * p], "39.3": [float(-sum(y * math.log(y) for y in (q**j * p for j in range(4000)) if y > 0)), H(p)],
        "43": [H(1 / mu), mu * h(1 / mu), mu * math.log(mu) - (mu - 1) * math.log(mu - 1)],
        "45.2": [H(0.5), 2 * math.log(2)],
    }

@document("356_recitation_heat_equation_separation")
def _(rng):
    from scipy.integrate import solve_ivp
    from scipy.optimize import brentq

    L, kap = rng.uniform(0.5, 3), rng.uniform(0.1, 2)
    t = rng.uniform(0.002, 0.3) * L * L / kap
    xg, wg = gauss_legendre(300)
    ys, wy = L / 2 * (xg + 1), L / 2 * wg                        # Gauss-Legendre nodes on (0, L)

    def images(f, x, t, sign):
        """The solution at (x, t) by the method of images: the free heat kernel reflected at 0 and L
        (sign -1 for zero ends, +1 for insulated ends), integrated against the initial profile f."""
        s = 4 * kap * t
        phi = lambda z: np.exp(-z * z / s) / math.sqrt(math.pi * s)  # noqa: E731
        K = int(3 + math.sqrt(s) * 8 / L)
        G = sum(phi(x - ys - 2 * k * L) + sign * phi(x + ys - 2 * k * L) for k in range(-K, K + 1))
        return float(wy @ (G * f(ys)))

    n, m = int(rng.integers(1, 6)), int(rng.integers(1, 6))
    lam = (n * math.pi / L) ** 2
    X = lambda x: math.sin(n * math.pi * x / L)  # noqa: E731
    T = lambda t: math.exp(-kap * lam * t)  # noqa: E731
    x = rng.uniform(0.05, 0.95) * L
    xn = L / (2 * n)
    ode = solve_ivp(lambda s, y: -kap * lam * y, (0, t), [1.0], rtol=1e-12, atol=1e-14).y[0, -1]
    c = rng.normal(size=4)
    fs = lambda y: sum(c[j] * np.sin((j + 1) * math.pi * y / L) for j in range(4))  # noqa: E731
    par = lambda y: y * (L - y)  # noqa: E731
    b = lambda j: 2 / L * float(wy @ (par(ys) * np.sin(j * math.pi * ys / L)))  # noqa: E731
    bf = lambda j: 4 * L**2 / (j**3 * math.pi**3) * (1 - (-1) ** j)  # noqa: E731
    modes = np.arange(1, 401)
    bs = 4 * L**2 / (modes**3 * math.pi**3) * (1 - (-1.0) ** modes)
    user = lambda x, t: float(np.sum(bs * np.sin(modes * math.pi * x / L) * np.exp(-kap * (modes * math.pi / L) ** 2 * t)))  # noqa: E731
    E = lambda t: float(wy @ np.array([user(y, t) ** 2 for y in ys]))  # noqa: E731
    ut = lambda x: d(lambda s: user(x, s), t)  # noqa: E731
    ux = lambda x: d(lambda y: user(y, t), x)  # noqa: E731
    kk = np.arange(3000)
    series49 = 8 * L**2 / math.pi**3 * float(np.sum(np.sin((2 * kk + 1) * math.pi * x / L) / (2 * kk + 1) ** 3
                                                     * np.exp(-kap * (2 * kk + 1) ** 2 * math.pi**2 * t / L**2)))
    a1 = lambda s: b(1) * math.exp(-kap * math.pi**2 * s / L**2)  # noqa: E731
    half = brentq(lambda s: a1(s) - a1(0) / 2, 0, 10 * L * L / kap, xtol=1e-14)
    kb = np.arange(200000)
    return {
        "13": [d(T, t) / (kap * T(t)), d2(X, xn) / X(xn), -lam],
        "21": [-d2(X, xn) / X(xn), (n * math.pi / L) ** 2],
        "23": [float(wy @ (np.sin(m * math.pi * ys / L) * np.sin(n * math.pi * ys / L))), L / 2 * delta(m, n)],
        "27": [d(T, t), -kap * lam * T(t)], "27.2": [ode, math.exp(-kap * lam * t)],
        "29": [d(lambda s: X(x) * T(s), t), -kap * lam * X(x) * T(t), kap * d2(lambda y: X(y) * T(t), x)],
        "36": [images(fs, x, t, -1), sum(c[j] * math.sin((j + 1) * math.pi * x / L) * math.exp(-kap * ((j + 1) * math.pi / L) ** 2 * t) for j in range(4))],
        "40": [c[min(n, 4) - 1], 1 / L * float(wy @ (fs(ys) * np.sin(min(n, 4) * math.pi * ys / L)))],
        "45": [b(n), b(n), bf(n)],
        "49": [images(par, x, t, -1), series49],
        "51": [par(L / 2), L**2 / 4], "51.2": [float(np.sum((-1.0) ** kb / (2 * kb + 1.0) ** 3)), math.pi**3 / 32],
        "57": [b(3) * math.exp(-9 * kap * math.pi**2 * t / L**2) / (b(1) * math.exp(-kap * math.pi**2 * t / L**2)),
               1 / 9 * math.exp(-8 * kap * math.pi**2 * t / L**2)],
        "59": [half, L**2 * math.log(2) / (2 * kap * math.pi**2)],
        "63.2": [float(wy @ np.array([images(par, y, t, -1) ** 2 for y in ys])),
                 L / 2 * float(np.sum(bs**2 * np.exp(-2 * kap * (modes * math.pi / L) ** 2 * t)))],
        "65": [d(E, t), 2 * float(wy @ np.array([user(y, t) * ut(y) for y in ys])), -kap * float(wy @ np.array([ux(y) ** 2 for y in ys]))],
        "73": [images(par, x, 5 * L * L / kap, 1), 1 / L * float(wy @ par(ys)), L**2 / 6],
    }

@document("357_office_hours_newton_exponential_rate")
def _(rng):
    from scipy.integrate import quad
    from scipy.optimize import brentq

    def setup(xs):
        xs = np.asarray(xs, dtype=float)
        ell = lambda lam: float(np.sum(np.log(lam) - lam * xs))  # noqa: E731   the sum of the log-densities
        newton = lambda lam: lam - d(ell, lam) / d2r(ell, lam, h=1e-3 * lam)  # noqa: E731
        mle = brentq(lambda lam: d(ell, lam), 1e-3 / xs.mean(), 1e3 / xs.mean(), xtol=1e-14)
        return xs, ell, newton, mle

    n = int(rng.integers(1, 9))
    xs, ell, newton, mle = setup(rng.exponential(rng.uniform(0.3, 3), size=n) + 0.01)
    S, xb = xs.sum(), xs.mean()
    lam = rng.uniform(0.2, 1.8) / xb
    e = lambda l: 1 - l * xb  # noqa: E731
    k = int(rng.integers(0, 4))
    l0 = rng.uniform(0.05, 1.95) / xb
    lk = l0
    for _ in range(k):
        lk = newton(lk)
    xs4, ell4, newton4, mle4 = setup([1, 3, 0.5, 3.5])
    e4 = lambda l: 1 - 2 * l  # noqa: E731
    a1 = newton4(0.25)
    a2 = newton4(a1)
    a3 = newton4(a2)
    b1 = newton4(1.5)
    elt = lambda th: ell(math.exp(th))  # noqa: E731
    th = math.log(lam)
    nt = th - d(elt, th) / d2r(elt, th)
    u = th - math.log(mle)
    fisher = n * quad(lambda x: d(lambda l: math.log(l) - l * x, lam) ** 2 * lam * math.exp(-lam * x), 0, np.inf)[0]
    return {
        "9": [ell(lam), n * math.log(lam) - lam * S], "9.2": [d(ell, lam), n / lam - S], "9.3": [d2r(ell, lam, h=1e-3 * lam), -n / lam**2],
        "11": [mle, n / S, 1 / xb], "11.2": [ell(mle), n * (math.log(xb) - 1)],
        "13": [newton(lam), lam + d(ell, lam) / d2r(ell, lam, h=1e-3 * lam)],
        "17": [newton(lam), lam + lam**2 / n * (n / lam - S), 2 * lam - lam**2 * xb],
        "21": [1 - newton(lam) * xb, 1 - 2 * lam * xb + lam**2 * xb**2, (1 - lam * xb) ** 2],
        "23": [e(newton(lam)), e(lam) ** 2], "23.2": [e(lk), e(l0) ** (2**k)],
        "25": [xs4.sum(), 8], "25.2": [xs4.mean(), 2], "27": [mle4, 1 / 2], "27.3": [e4(0.25), 1 / 2],
        "29": [a1, 1 / 2 - 1 / 16 * 2, 3 / 8], "29.2": [a2, 3 / 4 - 9 / 64 * 2, 15 / 32], "29.3": [a3, 255 / 512],
        "31": [e4(a1), 1 / 4], "31.2": [e4(a2), 1 / 8], "31.3": [e4(a3), 1 / 64],
        "35": [2 / xs4.mean(), 1], "35.2": [e4(1.5), -2], "35.3": [b1, 3 - 9 / 4 * 2, -3 / 2], "35.4": [e4(b1), 4],
        "39.2": [elt(th), n * th - math.exp(th) * S], "39.3": [d(elt, th), n - math.exp(th) * S],
        "39.4": [d2r(elt, th), -math.exp(2 * th) * S],
        "41": [nt, th + (n - math.exp(th) * S) / (math.exp(th) * S), th + n / S * math.exp(-th) - 1],
        "43.2": [nt - math.log(mle), u + math.exp(-u) - 1],
        "47": [-d2r(ell, mle, h=1e-3 * mle), n / mle**2], "47.2": [1 / 2 * 1 / 2, 1 / 4], "47.3": [fisher, n / lam**2],
    }

@document("358_reading_group_rbm_free_energy")
def _(rng):
    import itertools

    def machine(D, H):
        states = lambda n: [np.array(s, dtype=float) for s in itertools.product([0, 1], repeat=n)]  # noqa: E731
        hs, vs = states(H), states(D)
        unpack = lambda th: (th[:D], th[D:D + H], th[D + H:].reshape(D, H))  # noqa: E731
        energy = lambda th, v, h: -(unpack(th)[0] @ v) - unpack(th)[1] @ h - v @ unpack(th)[2] @ h  # noqa: E731
        F = lambda th, v: -math.log(sum(math.exp(-energy(th, v, h)) for h in hs))  # noqa: E731   by enumeration
        Z = lambda th: sum(math.exp(-energy(th, v, h)) for v in vs for h in hs)  # noqa: E731
        logp = lambda th, v: math.log(sum(math.exp(-energy(th, v, h)) for h in hs) / Z(th))  # noqa: E731
        return hs, vs, unpack, energy, F, Z, logp

    D, H = int(rng.integers(1, 4)), int(rng.integers(1, 4))
    hs, vs, unpack, energy, F, Z, logp = machine(D, H)
    th = rng.normal(size=D + H + D * H)
    b, c, W = unpack(th)
    v = rng.integers(0, 2, size=D).astype(float)
    x = c + W.T @ v
    j, i = int(rng.integers(0, H)), int(rng.integers(0, D))
    num = sum(math.exp(-energy(th, v, h)) for h in hs)
    pj = sum(math.exp(-energy(th, v, h)) for h in hs if h[j] == 1) / num
    sp = lambda t: float(np.logaddexp(0, t))  # noqa: E731
    t = rng.normal() * 5
    gW = grad(lambda M: F(np.concatenate([b, c, M.ravel()]), v), W)
    vr = rng.normal(size=D)
    xr = c + W.T @ vr
    k = int(rng.integers(0, len(th)))
    gF = lambda v: partial(lambda q: F(q, v), th, k)  # noqa: E731
    EgF = sum(math.exp(logp(th, u)) * gF(u) for u in vs)
    _, _, _, _, F1, Z1, logp1 = machine(1, 1)
    L3 = math.log(3)
    th1 = np.array([0.0, 0.0, L3])
    one, zero = np.array([1.0]), np.array([0.0])
    dF1 = lambda u: partial(lambda q: F1(q, u), th1, 2)  # noqa: E731
    Wr = rng.normal() * 2
    v1 = float(rng.integers(0, 2))
    return {
        "11.3": [math.exp(logp(th, v)), math.exp(-F(th, v)) / Z(th)],
        "17": [num, math.exp(b @ v) * math.prod(sum(math.exp(hj * x[q]) for hj in (0, 1)) for q in range(H)),
               math.exp(b @ v) * math.prod(1 + math.exp(x[q]) for q in range(H))],
        "21": [F(th, v), -(b @ v) - sum(math.log(1 + math.exp(x[q])) for q in range(H)), -(b @ v) - sum(sp(x[q]) for q in range(H))],
        "23": [math.log(1 + math.exp(t)), t + math.log(1 + math.exp(-t))], "23.2": [pj, sig(x[j])],
        "27": [d(sp, t), sig(t)], "27.2": [partial(lambda M: (c + M.T @ v)[j], W, (i, j)), v[i]],
        "29": [grad(lambda q: F(np.concatenate([q, c, W.ravel()]), v), b), -v],
        "29.2": [grad(lambda q: F(np.concatenate([b, q, W.ravel()]), v), c), -sig(x)],
        "29.3": [gW[i, j], -at(v, j) * at(x, i) if at(v, j) is not UNDEFINED and at(x, i) is not UNDEFINED else UNDEFINED],
        "31": [gW, -np.outer(sig(x), v)],
        "31.2": [grad(lambda u: F(th, u), vr), -b - W @ sig(xr)],
        "35": [logp(th, v), -F(th, v) - math.log(Z(th))],
        "35.2": [partial(lambda q: math.log(Z(q)), th, k), -EgF],
        "37": [partial(lambda q: logp(q, v), th, k), -gF(v) - EgF],
        "43.5": [float((np.array([0.0]) + np.array([[L3]]).T @ np.array([v1]))[0]), v1 * L3],
        "45": [F1(th1, one), -math.log(1 + 3), -math.log(3)], "45.2": [F1(th1, zero), -math.log(2)],
        "47": [Z1(th1), 1 + 1 + 1 + 3, 6], "47.2": [math.exp(logp1(th1, one)), (1 + 3) / 6, 2 / 3],
        "47.4": [dF1(one), -sig(L3), -3 / 4],
        "47.5": [sum(math.exp(logp1(th1, u)) * dF1(u) for u in (zero, one)), -2 / 3 * 3 / 4, -1 / 2],
        "49": [partial(lambda q: logp1(q, one), th1, 2), 3 / 4 - 1 / 2, 1 / 4],
        "51": [logp1(np.array([0.0, 0.0, Wr]), one), math.log((1 + math.exp(Wr)) / (3 + math.exp(Wr)))],
    }

@document("359_forum_wasserstein2_gaussians_1d")
def _(rng):
    from scipy.integrate import quad
    from scipy.special import ndtri
    from scipy.stats import norm

    z, wz = np.polynomial.hermite_e.hermegauss(40)
    wz = wz / math.sqrt(2 * math.pi)                               # E over a standard normal

    def coupled(m1, s1, m2, s2, rho):
        """E[(X - Y)^2] for the Gaussian coupling with correlation rho, by two-dimensional Gauss-Hermite quadrature."""
        X = m1 + s1 * z[:, None]
        Y = m2 + s2 * (rho * z[:, None] + math.sqrt(max(0.0, 1 - rho * rho)) * z[None, :])
        return float(wz @ ((X - Y) ** 2) @ wz)

    def w2sq(m1, s1, m2, s2):
        """The smallest E[(X - Y)^2] over the Gaussian couplings (a grid of correlations that contains 1)."""
        return min(coupled(m1, s1, m2, s2, rho) for rho in np.linspace(-1, 1, 9))

    def quantile(h):
        return quad(lambda u: h(u), 0, 1, epsabs=1e-12, epsrel=1e-12, limit=400)[0]

    m1, m2 = rng.normal(size=2) * 2
    s1, s2 = rng.uniform(0.3, 3, size=2)
    W2 = w2sq(m1, s1, m2, s2)
    x = m1 + s1 * rng.uniform(-2.5, 2.5)
    T = lambda x: norm.ppf(norm.cdf(x, m1, s1), m2, s2)  # noqa: E731
    zz = z[np.abs(z) < 7]
    wzz = wz[np.abs(z) < 7]
    EX = lambda f: float(wzz @ f(m1 + s1 * zz))  # noqa: E731
    Fi = lambda u, m, s: m + s * ndtri(u)  # noqa: E731   the Gaussian quantile (checked against norm.ppf on line 23)
    u = rng.uniform(0.01, 0.99)
    pars = np.array([m1, s1, m2, s2])
    W2f = lambda p: w2sq(*p)  # noqa: E731
    Wf = lambda p: math.sqrt(w2sq(*p))  # noqa: E731
    W4 = w2sq(0, 1, 3, 2)
    p1, p2 = norm(0, 1), norm(3, 2)
    kl = quad(lambda t: p1.pdf(t) * (p1.logpdf(t) - p2.logpdf(t)), -12, 12, epsabs=1e-13, limit=200)[0]
    return {
        "5": [coupled(m1, s1, m2, s2, 0.0), (m1 - m2) ** 2 + s1**2 + s2**2], "7": [W2, (m1 - m2) ** 2 + s1**2 + s2**2],
        "15": [T(x), T(x), m2 + s2 / s1 * (x - m1)], "17": [EX(lambda t: t - m1), 0],
        "19": [W2, EX(lambda t: (t - T(t)) ** 2), EX(lambda t: ((m1 - m2) + (1 - s2 / s1) * (t - m1)) ** 2),
               (m1 - m2) ** 2 + (1 - s2 / s1) ** 2 * s1**2, (m1 - m2) ** 2 + (s1 - s2) ** 2],
        "21": [math.sqrt(W2), math.sqrt((m1 - m2) ** 2 + (s1 - s2) ** 2)],
        "21.2": [math.sqrt(w2sq(m1, s1, m1, s2)), abs(s1 - s2)], "21.3": [math.sqrt(w2sq(m1, s1, m2, s1)), abs(m1 - m2)],
        "23": [W2, quantile(lambda u: (Fi(u, m1, s1) - Fi(u, m2, s2)) ** 2)],
        "23.2": [norm.ppf(u, m1, s1), m1 + s1 * norm.ppf(u)],
        "23.3": [quantile(ndtri), 0], "23.4": [quantile(lambda u: ndtri(u) ** 2), 1],
        "23.5": [quantile(lambda u: Fi(u, m1, s1) * Fi(u, m2, s2)), m1 * m2 + s1 * s2],
        "25": [W2, (m1**2 + s1**2) + (m2**2 + s2**2) - 2 * (m1 * m2 + s1 * s2)],
        "28": [partial(W2f, pars, 0), 2 * (m1 - m2)], "28.2": [partial(W2f, pars, 1), 2 * (s1 - s2)],
        "28.3": [partial(Wf, pars, 0), (m1 - m2) / math.sqrt(W2)], "28.4": [partial(Wf, pars, 1), 2 * (s1 - s2) / math.sqrt(W2)],
        "32": [W4, 9 + (1 - 4) ** 2, 18], "34": [math.sqrt(4), 2], "34.2": [W4, 9 + (1 - 2) ** 2, 10], "34.3": [math.sqrt(W4), math.sqrt(10)],
        "34.4": [kl, math.log(2 / 1) + (1 + (0 - 3) ** 2) / (2 * 4) - 1 / 2],
        "34.5": [math.log(2) + (1 + 9) / 8 - 1 / 2, math.log(2) + 3 / 4],
        "36": [math.sqrt(W2), abs(m1 - m2) + abs(s1 - s2)],
    }

@document("360_handout_cholesky_2x2")
def _(rng):
    G = rng.normal(size=(2, 2))
    A = G @ G.T + rng.uniform(0.1, 1) * np.eye(2)
    a, b, c = A[0, 0], A[0, 1], A[1, 1]
    L = np.linalg.cholesky(A)                                      # LAPACK's factor, lower triangular, positive diagonal
    l11, l21, l22 = L[0, 0], L[1, 0], L[1, 1]
    Lt, Dm = np.array([[1, 0], [b / a, 1]]), np.diag([a, c - b * b / a])
    logdet = lambda a, b, c: math.log(np.linalg.det(np.array([[a, b], [b, c]])))  # noqa: E731
    Ai = np.linalg.inv(A)
    A4, r4 = np.array([[4.0, 2], [2, 5]]), np.array([6.0, 12])
    L4 = np.linalg.cholesky(A4)
    y4 = np.linalg.solve(L4, r4)
    x4 = np.linalg.solve(A4, r4)
    mu = rng.normal(size=2)
    zg, wg = np.polynomial.hermite_e.hermegauss(8)
    wg = wg / math.sqrt(2 * math.pi)
    Z2 = np.array([[z1, z2] for z1 in zg for z2 in zg])            # z ~ N(0, I_2) by a product Gauss-Hermite rule
    W2 = np.array([w1 * w2 for w1 in wg for w2 in wg])
    cov = lambda M: (M - W2 @ M).T @ (W2[:, None] * (M - W2 @ M))  # noqa: E731   the covariance under that rule
    Ez = (W2[:, None] * Z2).T @ Z2
    return {
        "17": [L @ L.T, np.array([[l11**2, l11 * l21], [l11 * l21, l21**2 + l22**2]])],
        "21": [l11, math.sqrt(a)], "22": [l21, b / l11, b / math.sqrt(a)],
        "23": [l22, math.sqrt(c - l21**2), math.sqrt(c - b * b / a), math.sqrt((a * c - b * b) / a)],
        "27": [np.linalg.det(A), l11**2 * l22**2, a * (a * c - b * b) / a, a * c - b * b],
        "27.2": [math.log(np.linalg.det(A)), math.log(l11) + math.log(l22)],
        "31": [A, Lt @ Dm @ Lt.T], "35": [L, Lt @ np.sqrt(Dm)],
        "40": [np.linalg.inv(L), np.array([[1 / l11, 0], [l21 / (l11 * l22), 1 / l22]])],
        "42": [Ai, np.linalg.inv(L).T @ np.linalg.inv(L)],
        "42.5": [d(lambda t: logdet(t, b, c), a), Ai[0, 0], c / (a * c - b * b)],
        "42.6": [d(lambda t: logdet(a, t, c), b), Ai[0, 1], -b / (a * c - b * b)],
        "49": [L4[0, 0], 2], "49.2": [L4[1, 0], 1], "49.3": [L4[1, 1], math.sqrt(5 - 1), 2], "49.4": [np.linalg.det(A4), 16],
        "49.5": [y4, np.array([3, 9 / 2])],
        "51": [x4[1], 9 / 2 / 2, 9 / 4], "51.2": [x4[0], (3 - 1 * 9 / 4) / 2, 3 / 4],
        "53": [4 * 3 / 8 + 2 * 9 / 4, 6], "53.2": [2 * 3 / 8 + 5 * 9 / 4, 12],
        "56.2": [cov(mu + Z2 @ L.T), L @ Ez @ L.T, L @ L.T, A],
        "56.3": [cov(mu + Z2 @ L4.T)[0, 1], 2], "56.4": [cov(mu + Z2 @ L4.T)[1, 1], 1 + 4, 5],
    }

@document("361_nb_softmax_policy_entropy_gradient")
def _(rng):
    from scipy.optimize import minimize

    pol = lambda z, tau=1.0: softmax(np.asarray(z, dtype=float) / tau)  # noqa: E731
    ent = lambda z, tau=1.0: float(-np.sum(pol(z, tau) * np.log(pol(z, tau))))  # noqa: E731
    K, dim = int(rng.integers(2, 6)), int(rng.integers(1, 5))
    z, tau = rng.normal(size=K) * 2, rng.uniform(0.3, 3)
    p, H = pol(z, tau), ent(z, tau)
    a, b = int(rng.integers(0, K)), int(rng.integers(0, K))
    g = grad(lambda v: ent(v, tau), z)
    lp = np.log(p)
    C = np.diag(p) - np.outer(p, p)
    W, phi = rng.normal(size=(K, dim)), rng.normal(size=dim)
    zW = W @ phi
    gz = grad(lambda v: ent(v, tau), zW)
    zb = float(p @ z)
    var = float(p @ (z - zb) ** 2)
    x = rng.normal() * 3
    z3 = np.array([math.log(2), 0, 0])
    g3 = grad(ent, z3)
    L2 = math.log(2)
    r, al = rng.normal(size=K) * 2, rng.uniform(0.2, 3)
    J = lambda v: float(pol(v) @ r) + al * ent(v)  # noqa: E731
    zj = rng.normal(size=K)
    pj = pol(zj)
    best = -minimize(lambda v: -J(v), np.zeros(K), method="BFGS", options={"gtol": 1e-11}).fun
    return {
        "3:3": [partial(lambda v: pol(v, tau), z, b)[a], p[a] * (delta(a, b) - p[b]) / tau],
        "3:3.2": [d(lambda t: -(p[a] * math.exp(t)) * math.log(p[a] * math.exp(t)), 0.0) / p[a], -(lp[a] + 1)],   # d/dpi by a relative step
        "3:5": [g[b], -sum((lp[k] + 1) * p[k] * (delta(k, b) - p[b]) for k in range(K)) / tau,
                -p[b] * (lp[b] + 1 - float(p @ (lp + 1))) / tau, -p[b] * (lp[b] + H) / tau],
        "3:9": [g, -p * (lp + H) / tau, -C @ lp / tau, -C @ (lp + 1) / tau],
        "3:11": [C @ np.ones(K), np.zeros(K)], "3:11.2": [np.ones(K) @ g, 0],
        "5:3.2": [grad(lambda M: ent(M @ phi, tau), W), np.outer(phi, gz)],
        "5:5.3": [lp[b] + H, (z[b] - zb) / tau],
        "5:7": [d(lambda t: ent(z, t), tau), float(np.sum(p * z * (lp + H))) / tau**2, var / tau**2],
        "6:3.3": [pol([x, 0])[0], sig(x)], "6:3.4": [d(lambda t: ent([t, 0]), x), -sig(x) * (1 - sig(x)) * x],
        "6:5.3": [pol(z3), np.array([1 / 2, 1 / 4, 1 / 4])],
        "6:5.4": [ent(z3), 0.5 * L2 + 0.5 * math.log(4), 1.5 * L2],
        "6:7": [g3[0], -0.5 * (-L2 + 1.5 * L2), -0.25 * L2], "6:7.2": [g3[1], -0.25 * (-2 * L2 + 1.5 * L2), -L2 / 8],
        "6:9": [g3[2], g3[1]], "6:11.2": [ent(np.zeros(K)), math.log(K)],
        "7:5": [grad(J, zj), pj * (r - float(pj @ r)) - al * pj * (np.log(pj) + ent(zj))],
        "7:9": [best, al * lse(r / al) - al * math.log(K)],
    }

@document("376_notes_hopfield_energy")
def _(rng):
    n = int(rng.integers(2, 7))
    G = rng.normal(size=(n, n))
    W = G + G.T
    np.fill_diagonal(W, 0)
    b = rng.normal(size=n)
    s = rng.choice([-1.0, 1.0], size=n)
    k = int(rng.integers(0, n))
    E = lambda v: -0.5 * sum(W[i, j] * v[i] * v[j] for i in range(n) for j in range(n)) - sum(b[i] * v[i] for i in range(n))  # noqa: E731
    field = lambda v, k: float(W[k] @ v + b[k])  # noqa: E731
    h = field(s, k)

    def update(v, k):
        w = np.array(v, dtype=float)
        w[k] = 1.0 if field(v, k) >= 0 else -1.0
        return w
    sp = update(s, k)
    Ck = -sum(W[i, j] * s[i] * s[j] for i in range(n) for j in range(i + 1, n) if k not in (i, j)) - sum(b[i] * s[i] for i in range(n) if i != k)
    # a flipping update: unit k set against its field
    sf = s.copy()
    hf = field(sf, k)
    sf[k] = -1.0 if hf >= 0 else 1.0
    sfp = update(sf, k)
    dEf = E(sfp) - E(sf)
    # the three-unit example
    W3 = np.array([[0.0, 1, -2], [1, 0, 3], [-2, 3, 0]])
    s3 = np.ones(3)
    E3 = lambda v: -0.5 * v @ W3 @ v  # noqa: E731
    h3 = W3 @ s3
    s3p = s3.copy()
    s3p[0] = 1.0 if h3[0] >= 0 else -1.0
    h3p = W3 @ s3p
    # one stored pattern
    m = int(rng.integers(2, 9))
    xi = rng.choice([-1.0, 1.0], size=m)
    Wh = (np.outer(xi, xi) - np.eye(m)) / m
    Eh = lambda v: -0.5 * v @ Wh @ v  # noqa: E731
    kk = int(rng.integers(0, m))
    hh = Wh @ xi
    xim = xi.copy()
    xim[kk] = -xim[kk]
    return {
        "9": [E(s), -0.5 * sum(W[i, j] * s[i] * s[j] for i in range(n) for j in range(n)) - b @ s, -0.5 * s @ W @ s - b @ s],
        "13": [E(s), -sum(W[i, j] * s[i] * s[j] for i in range(n) for j in range(i + 1, n)) - b @ s],
        "30": [partial(E, s, k), -0.5 * W[k] @ s - b[k], -0.5 * h],
        "34": [partial(E, s, k), -0.5 * (W[k] @ s + W[:, k] @ s) - b[k], -h],
        "36": [grad(E, s), -W @ s - b],
        "40": [E(s), -s[k] * sum(W[k, j] * s[j] for j in range(n) if j != k) - b[k] * s[k] + Ck, -s[k] * h + Ck],
        "44": [E(sp) - E(s), E(sp) - E(s), -(sp[k] - s[k]) * h],
        "49": [dEf, -2 * sf[k] * hf],
        "53": [dEf, 2 * sf[k] * hf, -2 * abs(hf)],
        "63": [h3, W3 @ s3, np.array([-1.0, 4, 1])],
        "63.2": [E3(s3), -0.5 * s3 @ W3 @ s3, -2],
        "65": [s3p, np.array([-1.0, 1, 1])],
        "65.2": [E3(s3p) - E3(s3), 2 * s3[0] * h3[0], -2],
        "67": [E3(s3p), -(W3[0, 1] * s3p[0] * s3p[1] + W3[0, 2] * s3p[0] * s3p[2] + W3[1, 2] * s3p[1] * s3p[2]), -(1 + 2 + 3), -6],
        "69": [W3[0, 1] * s3p[0] * s3p[1], -1], "69.2": [E3(s3p), -4],
        "71": [h3p[2], W3[2, 0] * s3[0] + W3[2, 1] * s3[1], 1],
        "71.2": [h3p[2], (-2) * (-1) + 3 * 1, 5],
        "77": [hh[kk], sum(xi[kk] * xi[j] * xi[j] for j in range(m) if j != kk) / m, xi[kk]],
        "81": [Eh(xi), -((xi @ xi) ** 2 - xi @ xi) / (2 * m), -(m * m - m) / (2 * m), -m / 2],
        "83": [Eh(xim) - Eh(xi), 2 * xi[kk] * hh[kk], 2],
        "83.2": [Eh(-xi), Eh(xi)],
    }

@document("377_appendix_irls_student_t")
def _(rng):
    from scipy import integrate, stats

    nu, s = rng.uniform(2.5, 10), rng.uniform(0.3, 3)
    logp = lambda r, nu=nu, s=s: (math.lgamma((nu + 1) / 2) - math.lgamma(nu / 2) - 0.5 * math.log(nu * math.pi) - math.log(s)  # noqa: E731
                                  - (nu + 1) / 2 * math.log(1 + r * r / (nu * s * s)))
    psi = lambda r, nu=nu, s=s: -d(lambda t: logp(t, nu, s), r)  # noqa: E731
    wt = lambda r, nu=nu, s=s: s * s * psi(r, nu, s) / r  # noqa: E731
    r = rng.normal() * 3 * s
    n, dd = int(rng.integers(4, 9)), int(rng.integers(1, 4))
    X, y, beta = rng.normal(size=(n, dd)), rng.normal(size=n) * 2, rng.normal(size=dd)
    res = y - X @ beta
    ell = lambda b: -sum(logp(v) for v in y - X @ b)  # noqa: E731
    w = np.array([wt(v) for v in res])
    # the stationary point of l by iterating the weighted least squares to convergence
    bs = np.linalg.lstsq(X, y, rcond=None)[0]
    wc = lambda rr: (nu + 1) / (nu + rr**2 / s**2)  # noqa: E731   (only to run the iteration)
    for _ in range(5000):
        Wd = np.diag(wc(y - X @ bs))
        nb = np.linalg.solve(X.T @ Wd @ X, X.T @ Wd @ y)
        if np.max(np.abs(nb - bs)) < 1e-14:
            bs = nb
            break
        bs = nb
    Ws = np.diag([wt(v) for v in y - X @ bs])
    # the location model at an arbitrary current mu
    mu = rng.normal()
    w1 = np.array([wt(v) for v in y - mu])
    one = np.ones((n, 1))
    Wl = np.diag(w1)
    general = np.linalg.solve(one.T @ Wl @ one, one.T @ Wl @ y)[0]
    wex = lambda v: (3 + 1) / (3 + v * v)  # noqa: E731   nu = 3, s = 1 (the limit at r = 0)
    dens = lambda lam: lam**0.5 * math.exp(-lam * r * r / (2 * s * s)) * lam ** (nu / 2 - 1) * math.exp(-nu * lam / 2)  # noqa: E731
    Elam = integrate.quad(lambda l: l * dens(l), 0, np.inf)[0] / integrate.quad(dens, 0, np.inf)[0]
    Einv = integrate.quad(lambda l: stats.gamma.pdf(l, nu / 2, scale=2 / nu) / l, 0, np.inf)[0]
    return {
        "16": [d(logp, r), -(nu + 1) / 2 / (1 + r * r / (nu * s * s))],
        "18": [d(logp, r), -(nu + 1) / 2 * (2 * r / (nu * s * s)) / (1 + r * r / (nu * s * s)), -(nu + 1) * r / (nu * s * s + r * r)],
        "22.2": [psi(r), (nu + 1) * r / (nu * s * s + r * r)],
        "24": [-d2r(logp, r), ((nu + 1) * (nu * s * s + r * r) - 2 * (nu + 1) * r * r) / (nu * s * s + r * r) ** 2,
               (nu + 1) * (nu * s * s - r * r) / (nu * s * s + r * r) ** 2],
        "28": [psi(s * math.sqrt(nu)), (nu + 1) * s * math.sqrt(nu) / (2 * nu * s * s), (nu + 1) / (2 * nu * s)],
        "36": [grad(ell, beta), sum(psi(res[i]) * X[i] for i in range(n)), sum(w[i] / s**2 * res[i] * X[i] for i in range(n))],
        "40": [w, s * s * np.array([psi(v) for v in res]) / res, (nu + 1) / (nu + res**2 / s**2)],
        "44": [bs, np.linalg.solve(X.T @ Ws @ X, X.T @ Ws @ y)],
        "50": [general, np.sum(w1 * y) / n],
        "52.2": [(one.T @ Wl @ one)[0, 0], np.sum(w1)], "52.3": [(one.T @ Wl @ y)[0], np.sum(w1 * y)],
        "54": [general, np.sum(w1 * y) / np.sum(w1)],
        "60": [(1e9 + 1) / (1e9 + r * r / s**2), 1],
        "60.3": [wt(r, 1.0, s), 2 / (1 + r * r / s**2), 2 * s * s / (1 + r * r)],
        "64": [wex(0), 4 / 3], "65": [wex(1), 4 / (3 + 1), 1], "66": [wex(3), 4 / (3 + 9), 1 / 4],
        "68": [wex(3) / wex(1), 1 / 4],
        "74": [Elam, (nu + 1) / 2 / ((nu + r * r / s**2) / 2), (nu + 1) / (nu + r * r / s**2), wt(r)],
        "78": [stats.t(df=nu, scale=s).var(), s * s * Einv, s * s * (nu / 2) / (nu / 2 - 1), nu * s * s / (nu - 1)],
    }

@document("378_forum_kl_gaussian_full_covariance")
def _(rng):
    from scipy.stats import multivariate_normal as mvn

    k = int(rng.integers(1, 4))
    G = rng.normal(size=(k, k))
    S = G @ G.T + rng.uniform(0.2, 1.5) * np.eye(k)
    mu = rng.normal(size=k)
    L = np.linalg.cholesky(S)
    zg, wg = np.polynomial.hermite_e.hermegauss(6)
    wg = wg / math.sqrt(2 * math.pi)

    def Eq(f, m, C):
        """E f(x) for x ~ N(m, C), by a product Gauss-Hermite rule (exact for the polynomials met here)."""
        kk = len(m)
        Z = np.array(np.meshgrid(*([zg] * kk), indexing="ij")).reshape(kk, -1).T
        Wz = np.prod(np.array(np.meshgrid(*([wg] * kk), indexing="ij")).reshape(kk, -1), axis=0)
        Lc = np.linalg.cholesky(C)
        return sum(w * f(m + Lc @ z) for z, w in zip(Z, Wz))

    def KL(m, C):
        return Eq(lambda x: mvn.logpdf(x, m, C) - mvn.logpdf(x, np.zeros(len(m)), np.eye(len(m))), m, C)
    KLf = lambda m, C: 0.5 * (np.trace(C) + m @ m - len(m) - math.log(np.linalg.det(C)))  # noqa: E731   (line 20)
    Si = np.linalg.inv(S)
    x = rng.normal(size=k) * 2
    Exx = Eq(lambda v: np.outer(v, v), mu, S)
    Ecc = Eq(lambda v: np.outer(v - mu, v - mu), mu, S)
    sig2 = rng.uniform(0.2, 3, size=k)
    Sd = np.diag(sig2)
    me, Se = np.array([1.0, -1]), np.array([[2.0, 1], [1, 2]])
    Le = np.linalg.cholesky(Se)
    ge = grad(lambda C: KLf(me, C), Se)
    return {
        "7": [mvn.logpdf(x, mu, S), -k / 2 * math.log(2 * math.pi) - 0.5 * math.log(np.linalg.det(S)) - 0.5 * (x - mu) @ Si @ (x - mu)],
        "7.2": [mvn.logpdf(x, np.zeros(k), np.eye(k)), -k / 2 * math.log(2 * math.pi) - 0.5 * x @ x],
        "11": [Eq(lambda v: (v - mu) @ Si @ (v - mu), mu, S), np.trace(Si @ Ecc), np.trace(Si @ S), k],
        "13": [Eq(lambda v: v @ v, mu, S), np.trace(S)],
        "15": [KL(mu, S), -0.5 * math.log(np.linalg.det(S)) - k / 2 + 0.5 * np.trace(S)],
        "18": [Eq(lambda v: v @ v, mu, S), np.trace(Exx), np.trace(S + np.outer(mu, mu)), np.trace(S) + mu @ mu],
        "20": [KL(mu, S), 0.5 * (np.trace(S) + mu @ mu - k - math.log(np.linalg.det(S)))],
        "23.2": [math.log(np.linalg.det(Sd)), np.sum(np.log(sig2))],
        "25": [KL(mu, Sd), 0.5 * np.sum(sig2 + mu**2 - 1 - np.log(sig2))],
        "31": [np.trace(S), np.trace(L @ L.T), np.sum(np.diag(L) ** 2)],
        "31.2": [math.log(np.linalg.det(S)), np.sum(np.log(np.diag(L)))],
        "33": [np.linalg.det(S), np.linalg.det(L) ** 2], "33.2": [math.log(np.linalg.det(S)), 2 * np.sum(np.log(np.diag(L)))],
        "37": [grad(lambda m: KLf(m, S), mu), mu], "37.2": [grad(lambda C: KLf(mu, C), S), 0.5 * (np.eye(k) - Si)],
        "39.3": [grad(lambda M: KLf(mu, M @ M.T), L), L - np.linalg.inv(L)],
        "39.4": [grad(lambda M: math.log(np.linalg.det(M)), L), np.linalg.inv(L).T],
        "39.5": [grad(lambda M: KLf(mu, M @ M.T), L), L - np.linalg.inv(L).T],
        "45": [np.trace(Se), 4], "45.2": [me @ me, 2], "45.3": [np.linalg.det(Se), 2 * 2 + 1 * 1, 5],
        "47": [KL(me, Se), 0.5 * (4 + 2 - 2 - math.log(5)), 2 - 0.5 * math.log(5)],
        "50": [np.linalg.det(Se), 4 - 1, 3], "52": [KL(me, Se), 2 - 0.5 * math.log(3)],
        "54": [np.linalg.inv(Se), np.array([[2, 1], [1, 2]]) / 3],
        "56": [ge, 0.5 * (np.eye(2) - np.linalg.inv(Se)), np.array([[1, -1], [-1, 1]]) / 6],
        "58": [np.linalg.inv(Se), np.array([[2, -1], [-1, 2]]) / 3],
        "62": [Le, np.array([[math.sqrt(2), 0], [1 / math.sqrt(2), math.sqrt(3 / 2)]])],
        "64": [2 * (math.log(math.sqrt(2)) + math.log(math.sqrt(3 / 2))), math.log(3)],
        "64.2": [Le[0, 0] ** 2 + Le[1, 1] ** 2, 2 + 3 / 2, 7 / 2],
        "64.3": [Le[0, 0] ** 2 + Le[1, 0] ** 2 + Le[1, 1] ** 2, 2 + 1 / 2 + 3 / 2, 4],
        "64.4": [np.trace(S), sum(L[i, j] ** 2 for i in range(k) for j in range(i + 1))],
    }

@document("379_hw_min_max_exponentials")
def _(rng):
    from scipy import integrate

    lam, mu = rng.uniform(0.3, 3), rng.uniform(0.3, 3)
    t = rng.uniform(0, 2)
    ex = math.exp
    surv = lambda r, t: integrate.quad(lambda x: r * ex(-r * x), t, np.inf)[0]  # noqa: E731   P(Exp(r) > t)

    def E2(g, l, m):
        """E g(X, Y) for independent X ~ Exp(l), Y ~ Exp(m), over the two halves x < y and x > y."""
        f = lambda y, x: g(x, y) * l * ex(-l * x) * m * ex(-m * y)  # noqa: E731
        a = integrate.dblquad(f, 0, np.inf, lambda x: x, lambda x: np.inf, epsabs=1e-13, epsrel=1e-11)[0]
        b = integrate.dblquad(f, 0, np.inf, lambda x: 0, lambda x: x, epsabs=1e-13, epsrel=1e-11)[0]
        return a + b

    EM = E2(min, lam, mu)
    EM2 = E2(lambda x, y: min(x, y) ** 2, lam, mu)
    EZ = E2(max, lam, mu)
    PXY = integrate.dblquad(lambda y, x: lam * ex(-lam * x) * mu * ex(-mu * y), 0, np.inf, lambda x: x, lambda x: np.inf)[0]
    FZ = lambda t: (1 - surv(lam, t)) * (1 - surv(mu, t))  # noqa: E731   P(X <= t) P(Y <= t), by independence
    lc = rng.uniform(0.3, 3)
    EZc = E2(max, lc, lc)
    VZc = E2(lambda x, y: max(x, y) ** 2, lc, lc) - EZc**2
    EMd, EZd = E2(min, 1, 2), E2(max, 1, 2)
    x, y = rng.exponential(1 / lam), rng.exponential(1 / mu)
    return {
        "9": [surv(lam, t) * surv(mu, t), surv(lam, t) * surv(mu, t), ex(-lam * t) * ex(-mu * t), ex(-(lam + mu) * t)],
        "13": [EM, 1 / (lam + mu)], "13.2": [EM2 - EM**2, 1 / (lam + mu)], "15": [EM2 - EM**2, 1 / (lam + mu) ** 2],
        "15.2": [EM, min(1 / lam, 1 / mu), 1 / max(lam, mu)],
        "19": [PXY, integrate.quad(lambda x: lam * ex(-lam * x) * ex(-mu * x), 0, np.inf)[0], lam / (lam + mu)],
        "26": [FZ(t), (1 - surv(lam, t)) * (1 - surv(mu, t)), (1 - ex(-lam * t)) * (1 - ex(-mu * t)),
               1 - ex(-lam * t) - ex(-mu * t) - ex(-(lam + mu) * t)],
        "30": [d(FZ, t), d(FZ, t), lam * ex(-lam * t) + mu * ex(-mu * t) + (lam + mu) * ex(-(lam + mu) * t)],
        "32": [1 + 1 + 1, 3],
        "34": [FZ(t), 1 - ex(-lam * t) - ex(-mu * t) + ex(-(lam + mu) * t)],
        "34.2": [d(FZ, t), lam * ex(-lam * t) + mu * ex(-mu * t) - (lam + mu) * ex(-(lam + mu) * t)],
        "36": [1 + 1 - 1, 1],
        "40": [EZ, integrate.quad(lambda s: 1 - FZ(s), 0, np.inf)[0],
               integrate.quad(lambda s: ex(-lam * s) + ex(-mu * s) - ex(-(lam + mu) * s), 0, np.inf)[0], 1 / lam + 1 / mu - 1 / (lam + mu)],
        "42": [min(x, y) + max(x, y), x + y], "42.2": [EZ, 1 / lam + 1 / mu - EM],
        "48": [EZc, 1 / (2 * lc) + 1 / lc, 3 / (2 * lc)], "48.2": [VZc, 1 / (2 * lc) ** 2 + 1 / lc**2, 3 / (4 * lc**2)],
        "50": [2 / lc - 1 / (2 * lc), 3 / (2 * lc)],
        "56": [EMd, 1 / 3], "56.2": [EZd, 1 + 1 / 2 - 1 / 3, 5 / 6],
        "58": [integrate.dblquad(lambda b, a: ex(-a) * 2 * ex(-2 * b), 0, np.inf, lambda a: a, lambda a: np.inf)[0], 1 / 3],
        "58.2": [min(x, y) + max(x, y), x + y],
        "58.3": [EMd + EZd, 1 / 3 + 5 / 6, 7 / 6], "58.4": [E2(lambda a, b: a + b, 1, 2), 3 / 2], "58.5": [1 + 1 / 2 - 1 / 3, 7 / 6],
    }

@document("380_nb_chernoff_bernoulli_sum")
def _(rng):
    from scipy.optimize import minimize_scalar
    from scipy.stats import binom

    n = int(rng.integers(1, 40))
    p = rng.uniform(0.05, 0.9)
    a = rng.uniform(p + 0.02 * (1 - p), 1 - 0.02 * (1 - p))
    t = rng.uniform(0.05, 2)
    ks = np.arange(n + 1)
    pmf = binom.pmf(ks, n, p)
    mgfS = lambda t: float(pmf @ np.exp(t * ks))  # noqa: E731
    mgf1 = (1 - p) * math.exp(0) + p * math.exp(t)
    g = lambda t, a=a, p=p: t * a - math.log(1 - p + p * math.exp(t))  # noqa: E731
    D = lambda a, p: a * math.log(a / p) + (1 - a) * math.log((1 - a) / (1 - p))  # noqa: E731
    tmax = lambda a, p: minimize_scalar(lambda s: -g(s, a, p), bounds=(0, 50), method="bounded", options={"xatol": 1e-12}).x  # noqa: E731
    ts = tmax(a, p)
    L1 = math.log((1 - p) / (1 - a))
    ts6 = tmax(0.6, 0.5)
    delta = rng.uniform(0.05, 3)
    mu = n * p
    tt = math.log(1 + delta)
    return {
        "1:3.2": [float(pmf @ ks), n * p],
        "2:5": [mgfS(t), mgf1**n, (1 + p * math.exp(t)) ** n],
        "2:9": [mgf1, (1 - p) * math.exp(0) + p * math.exp(t), 1 - p + p * math.exp(t)],
        "2:11": [mgfS(t), (1 - p + p * math.exp(t)) ** n],
        "3:9": [d(g, t), a - p * math.exp(t) / (1 - p + p * math.exp(t))],
        "3:9.2": [d2r(g, t), -p * math.exp(t) / (1 - p + p * math.exp(t)) ** 2],
        "3:13": [ts, math.log(a * (1 - p) / (p * (1 - a)))],
        "4:3": [1 - p + p * math.exp(ts), 1 - p + a * (1 - p) / (1 - a), (1 - p) / (1 - a)],
        "4:6": [g(ts), a * math.log(a * (1 - p) / (p * (1 - a))) - L1, a * math.log(a / p) + a * L1 - L1,
                a * math.log(a / p) + (1 - a) * L1, D(a, p)],
        "6:3": [a * L1 - L1, (a - 1) * L1, (1 - a) * math.log((1 - a) / (1 - p))],
        "6:3.2": [g(ts), D(a, p)],
        "6:5.4": [ts6, math.log(0.6 * 0.5 / (0.5 * 0.4)), math.log(0.75)],
        "6:7": [ts6, math.log(1.5)],
        "6:7.2": [D(0.6, 0.5), 0.6 * math.log(1.2) + 0.4 * math.log(0.8), 0.6 * math.log(1.2) - 0.4 * math.log(1.25)],
        "6:11": [binom.sf(59, 100, 0.5), sum(math.comb(100, k) for k in range(60, 101)) / 2**100,
                 1 - sum(math.comb(100, k) for k in range(0, 61)) / 2**100],
        "6:13.2": [binom.sf(59, 100, 0.5), 1 - sum(math.comb(100, k) for k in range(0, 60)) / 2**100],
        "6:13.3": [math.exp(-2 * 100 * (0.6 - 0.5) ** 2), math.exp(-0.2)],
        "6:13.4": [2 * 100 * (0.6 - 0.5) ** 2, 200 * 0.01, 2],
        "6:17": [D(0.4, 0.5), D(0.6, 0.5), D(0.5, 0.6)],
        "7:3.3": [mgfS(t), (1 + p * (math.exp(t) - 1)) ** n],
        "7:5": [math.exp(-tt * (1 + delta) * mu) * math.exp(mu * (math.exp(tt) - 1)), (1 + delta) ** (-(1 + delta) * mu) * math.exp(mu * delta),
                (math.exp(delta) / (1 + delta) ** (1 + delta)) ** mu],
        "7:7.2": [math.exp(1) / (1 + 1) ** (1 + 1), math.e / 2],
        "7:7.3": [(1 + 1) ** (1 + 1), 2**2, 4],
        "7:7.4": [math.exp(1) / (1 + 1) ** (1 + 1), math.e / 4],
    }

@document("381_lecture_generalized_tikhonov")
def _(rng):
    p, m = int(rng.integers(2, 6)), int(rng.integers(1, 6))
    n = int(rng.integers(p, p + 4))                                  # X of full column rank: the normal matrix is invertible
    X, y, L = rng.normal(size=(n, p)), rng.normal(size=n), rng.normal(size=(m, p))
    lam, w = rng.uniform(0.1, 3), rng.normal(size=p)
    J = lambda v, L=L: float(np.sum((X @ v - y) ** 2) + lam * np.sum((L @ v) ** 2))  # noqa: E731
    LLt = L @ L.T
    wh = np.linalg.lstsq(np.vstack([X, math.sqrt(lam) * L]), np.concatenate([y, np.zeros(m)]), rcond=None)[0]
    Ld = np.zeros((p - 1, p))
    for i in range(p - 1):
        Ld[i, i], Ld[i, i + 1] = -1, 1
    tri2 = 2 * np.eye(p) - np.eye(p, k=1) - np.eye(p, k=-1)
    nxt = [at(w, i + 1) for i in range(p)]                          # w_{i+1} for i = 1..p: w_{p+1} does not exist
    upto_p = UNDEFINED if any(v is UNDEFINED for v in nxt) else sum((nxt[i] - w[i]) ** 2 for i in range(p))
    L3 = np.array([[-1.0, 1, 0], [0, -1, 1]])
    y3 = np.array([0.0, 3, 0])
    A3 = np.eye(3) + L3.T @ L3
    w3 = np.linalg.solve(A3, y3)
    w1, w2, w3_ = w3
    ev = np.sort(np.linalg.eigvalsh(L3.T @ L3))
    df = np.trace(np.linalg.inv(A3))
    L2 = np.array([[1.0, -2, 1]])                                    # rows (..., 1, -2, 1, ...) for p = 3
    Ls = np.vstack([np.eye(p)[:1], Ld])
    v = Ls @ w
    Li = np.linalg.inv(Ls)
    LiX = mat(Li, X)
    return {
        "15": [J(w), w @ (X.T @ X + lam * L.T @ L) @ w - y @ X @ w + y @ y],
        "19": [grad(J, w), UNDEFINED if LLt.shape[1] != p else 2 * X.T @ (X @ w - y) + 2 * lam * LLt @ w],
        "21": [np.sum((L @ w) ** 2), w @ L.T @ L @ w],
        "23": [grad(J, w), 2 * X.T @ (X @ w - y) + 2 * lam * L.T @ L @ w],
        "27": [(X.T @ X + lam * L.T @ L) @ wh, X.T @ y],
        "29": [wh, np.linalg.solve(X.T @ X + lam * L.T @ L, X.T @ y)],
        "35": [np.sum((Ld @ w) ** 2), upto_p],
        "40": [Ld.T @ Ld, tri2],
        "42": [Ld @ np.ones(p), np.zeros(p - 1)],
        "48": [L3, np.array([[-1, 1, 0], [0, -1, 1]])],
        "48.2": [L3.T @ L3, np.array([[1, -1, 0], [-1, 2, -1], [0, -1, 1]])],
        "54": [2 * w1 - w2, 0], "55": [-w1 + 3 * w2 - w3_, 3], "56": [-w2 + 2 * w3_, 0],
        "58": [w1, w3_, w2 / 2],
        "60": [-w2 / 2 + 3 * w2 - w2 / 2, 5 / 2 * w2, 3],
        "62": [w2, 6 / 5], "62.2": [w1, w3_, 3 / 5],
        "64": [L3 @ np.ones(3), np.zeros(2)], "64.2": [np.ones(3) @ A3, np.ones(3)],
        "64.3": [np.ones(3) @ w3, np.ones(3) @ y3, 3], "64.4": [3 / 5 + 6 / 5 + 3 / 5, 12 / 5],
        "64.5": [3 - 1 / 2 - 1 / 2, 2], "64.6": [2 * w2, 3],
        "66": [w3, np.array([3 / 4, 3 / 2, 3 / 4])],
        "70.2": [ev[0], 0], "70.3": [ev[1], 1], "70.4": [ev[2], 4],
        "72": [df, float(np.sum(1 / (1 + ev))), 1 + 1 / 2 + 1 / 5, 17 / 10],
        "74": [np.trace(L3.T @ L3), 1 + 2 + 1, 4], "74.2": [0 + 1 + 4, 5], "74.3": [df, 1 + 1 / 2 + 1 / 4, 7 / 4],
        "78.2": [L2, np.array([[1, -2, 1]])], "78.3": [L2 @ np.array([1, 2, 3]), np.zeros(1)],
        "78.4": [L2 @ np.array([1, 4, 9]), np.zeros(1)], "78.5": [1 - 8 + 9, 2],
        "80.2": [X @ w, UNDEFINED if LiX is UNDEFINED else LiX @ v],
        "80.3": [X @ w, X @ Li @ v],
        "82": [J(w, Ls), np.sum((X @ Li @ v - y) ** 2) + lam * v @ v],
    }

@document("382_recitation_elastic_net_coordinate_descent")
def _(rng):
    from scipy.optimize import minimize_scalar

    n, p = int(rng.integers(4, 10)), int(rng.integers(1, 5))
    X = rng.normal(size=(n, p))
    X = X - X.mean(axis=0)
    X = X / np.sqrt((X**2).mean(axis=0))                            # standardised columns
    y, beta = rng.normal(size=n) * 2, rng.normal(size=p)
    lam, al = rng.uniform(0.05, 2), rng.uniform(0.05, 0.95)
    j = int(rng.integers(0, p))
    R = lambda b, lam=lam, al=al: (np.sum((y - X @ b) ** 2) / (2 * n)  # noqa: E731
                                   + lam * (al * np.sum(np.abs(b)) + (1 - al) / 2 * np.sum(b**2)))
    rj = y - sum(X[:, k] * beta[k] for k in range(p) if k != j)
    zj = X[:, j] @ rj / n
    r = y - X @ beta

    def Sc(z, g):                                                    # the definition by cases
        return z - g if z > g else (z + g if z < -g else 0.0)

    def cmin(z, lam, al):
        """The minimiser of -z b + b^2/2 + lam al |b| + lam (1 - al)/2 b^2 (R along one coordinate, line 13)."""
        h = lambda b: -z * b + b * b / 2 + lam * al * abs(b) + lam * (1 - al) / 2 * b * b  # noqa: E731
        return minimize_scalar(h, bounds=(-20, 20), method="bounded", options={"xatol": 1e-12}).x

    def coord(b, j):
        """The minimiser of R over coordinate j, the others fixed."""
        def h(t):
            c = b.copy()
            c[j] = t
            return R(c)
        return minimize_scalar(h, bounds=(-20, 20), method="bounded", options={"xatol": 1e-12}).x
    bpos = beta.copy()
    bpos[j] = abs(bpos[j]) + 0.1
    zp = lam * al + rng.uniform(0.01, 2)                             # z_j > lambda alpha
    zn = -lam * al - rng.uniform(0.01, 2)                            # z_j < -lambda alpha
    zz, gg = rng.normal() * 2, rng.uniform(0, 1.5)
    zr = rng.normal() * 2
    bj = coord(beta, j)
    # lambda_max: beta = 0 is optimal iff along every coordinate the data term's slope at 0 is at most lam * alpha
    slopes = [abs(d(lambda t: np.sum((y - X[:, k] * t) ** 2) / (2 * n), 0.0)) for k in range(p)]
    lmax = max(slopes) / al
    return {
        "13": [np.sum((rj - X[:, j] * beta[j]) ** 2) / (2 * n), np.sum(rj**2) / (2 * n) - zj * beta[j] + beta[j] ** 2 / 2],
        "19": [partial(R, bpos, j), -(X[:, j] @ (y - sum(X[:, k] * bpos[k] for k in range(p) if k != j)) / n) + bpos[j] + lam * al
               + lam * (1 - al) / 2 * bpos[j]],
        "21": [cmin(zp, lam, al), (zp - lam * al) / (1 + lam * (1 - al) / 2)],
        "23": [cmin(zn, lam, al), (zn + lam * al) / (1 + lam * (1 - al) / 2)],
        "31": [Sc(zz, gg), np.sign(zz) * max(abs(zz) - gg, 0)],
        "33": [bj, Sc(zj, lam * al) / (1 + lam * (1 - al) / 2)],
        "38.3": [0.5 * 0.6, 0.3], "38.4": [1 + 0.1, 1.1],
        "40.2": [Sc(0.8, 0.3), 0.5], "40.3": [cmin(0.8, 0.5, 0.6), 0.5 / 1.1, 5 / 11],
        "41.2": [cmin(-0.2, 0.5, 0.6), 0],
        "43.2": [cmin(zr, lam, 0.0), zr / (1 + lam)],
        "43.3": [d(lambda b: lam * (1 - al) / 2 * b * b, zr), lam * (1 - al) * zr],
        "45": [bj, Sc(zj, lam * al) / (1 + lam * (1 - al))],
        "47": [cmin(0.8, 0.5, 0.6), 0.5 / 1.2, 5 / 12],
        "47.4": [Sc(-1, 0.3), -0.7], "47.5": [cmin(-1, 0.5, 0.6), -0.7 / 1.2, -7 / 12],
        "51.2": [rj, r - X[:, j] * beta[j]], "51.3": [zj, X[:, j] @ r / n - beta[j]],
        "51.4": [rj, y - X @ beta + X[:, j] * beta[j], r + X[:, j] * beta[j]],
        "53": [zj, X[:, j] @ r / n + X[:, j] @ X[:, j] / n * beta[j], X[:, j] @ r / n + beta[j]],
        "57.2": [X[:, j] @ (y - sum(X[:, k] * 0.0 for k in range(p) if k != j)) / n, X[:, j] @ y / n],
        "59": [lmax, max(abs(X[:, k] @ y) for k in range(p)) / n],
        "61": [lmax, max(abs(X[:, k] @ y) for k in range(p)) / (n * al)],
    }

@document("383_blog_heun_method_stability")
def _(rng):
    c2 = lambda x: np.array([complex(x).real, complex(x).imag])  # noqa: E731   a complex value as (re, im)

    def heun(f, t, y, h):
        yt = y + h * f(t, y)
        return y + h / 2 * (f(t, y) + f(t + h, yt))
    lam = complex(rng.normal(), rng.normal())
    h = rng.uniform(0.05, 1.5)
    z = h * lam
    yn = complex(rng.normal(), rng.normal())
    f = lambda t, y: lam * y  # noqa: E731
    R = lambda z: heun(lambda t, y: z * y, 0.0, 1.0 + 0j, 1.0)  # noqa: E731   y_{n+1} / y_n for h lambda = z
    series = lambda z, k0: sum(z**k / math.factorial(k) for k in range(k0, 80))  # noqa: E731

    def lim(r):
        """lim_{z -> 0} (e^z - r(z)) / z^3 along small real z, by Richardson extrapolation."""
        g = lambda s: (math.expm1(s) - s - (r(s).real - 1 - s)) / s**3  # noqa: E731
        return 2 * g(5e-4) - g(1e-3)
    f1 = lambda t, y: -y  # noqa: E731
    y1 = heun(f1, 0.0, 1.0, 0.1)
    y10 = 1.0
    for i in range(10):
        y10 = heun(f1, 0.1 * i, y10, 0.1)
    x = rng.uniform(-3, 1)
    Rr = lambda s: R(s).real  # noqa: E731
    om = rng.normal() * 2
    return {
        "17.3": [c2(yn + h * f(0, yn)), c2(yn + h * lam * yn), c2((1 + z) * yn)],
        "19": [c2(heun(f, 0.0, yn, h)), c2(yn + h / 2 * (lam * yn + lam * (1 + z) * yn)), c2(yn + z / 2 * (2 + z) * yn), c2((1 + z + z**2) * yn)],
        "21": [c2(R(z)), c2(1 + z + z**2)],
        "23": [c2(np.exp(z)), c2(series(z, 0)), c2(series(z, 0))],
        "25": [c2(z / 2 * (2 + z)), c2(z + z**2 / 2)],
        "27": [c2(R(z)), c2(1 + z + z**2 / 2)],
        "35": [c2(np.exp(z) - R(z)), c2(series(z, 3))],
        "39": [lim(R), 1 / 3],
        "45.4": [1 + 0.1 * f1(0, 1.0), 1 + 0.1 * (-1), 0.9],
        "47": [y1, 1 + 0.05 * (-1 - 0.9), 1 - 0.0095, 0.9905],
        "49": [0.05 * 1.9, 0.095], "49.2": [y1, 0.905],
        "49.3": [Rr(-0.1), 1 - 0.1 + 0.005, 0.905],
        "51": [lim(R), 1 / 6],
        "53": [y10, Rr(-0.1) ** 10, 0.905**10],
        "57": [d(Rr, x), 1 + x], "57.3": [Rr(-1), 1 / 2],
        "57.4": [Rr(-2), 1 - 2 + 2, 1], "57.5": [Rr(-3), 1 - 3 + 9 / 2, 3 / 2],
        "61": [abs(R(1j * om)) ** 2, (1 - om**2 / 2) ** 2 - om**2, 1 - 2 * om**2 + om**4 / 4],
        "65": [abs(R(1j * om)) ** 2, (1 - om**2 / 2) ** 2 + om**2, 1 + om**4 / 4],
        "67.2": [abs(R(1j)) ** 2, 5 / 4], "67.3": [abs(R(1j)), 5 / 4], "67.4": [abs(R(1j)), math.sqrt(5) / 2],
    }

@document("384_handout_newton_schulz_inverse")
def _(rng):
    a = rng.choice([-1, 1]) * rng.uniform(0.2, 3)
    x = rng.choice([-1, 1]) * rng.uniform(0.2, 3)
    f = lambda x, a=a: 1 / x - a  # noqa: E731
    newton = lambda x, a=a: x - f(x, a) / d(lambda t: f(t, a), x)  # noqa: E731
    x1 = newton(x)
    x13 = newton(0.5, 3.0)
    n = int(rng.integers(2, 5))
    A = rng.normal(size=(n, n)) + 2 * np.eye(n)
    Ai = np.linalg.inv(A)
    I = np.eye(n)
    Xk = Ai + 0.3 * rng.normal(size=(n, n))
    step = lambda X, A=A: X @ (2 * np.eye(len(A)) - A @ X)  # noqa: E731
    Xk1 = step(Xk)
    Rk = I - A @ Xk
    Ek, Ek1 = Ai - Xk, Ai - Xk1
    alpha = rng.uniform(0.1, 1) / np.linalg.norm(A, 2) ** 2
    X0 = alpha * A.T
    k = int(rng.integers(0, 4))
    X = X0.copy()
    for _ in range(k):
        X = step(X)
    G = rng.normal(size=(n, n))
    S = G @ G.T + 0.3 * I
    ev = np.linalg.eigvalsh(S)
    m_, M_ = ev[0], ev[-1]
    R0s = I - S @ (2 / (m_ + M_) * I)
    A2 = np.array([[2.0, 1], [1, 2]])
    I2 = np.eye(2)
    e2 = np.linalg.eigvalsh(A2)
    X0e = 2 / (e2[0] + e2[-1]) * I2
    X1e = step(X0e, A2)
    X2e = step(X1e, A2)
    ke = int(rng.integers(0, 5))
    Xe = X0e.copy()
    for _ in range(ke):
        Xe = step(Xe, A2)
    Xe3 = step(step(X1e, A2), A2)
    return {
        "13.2": [d(f, x), 1 / x**2],
        "15": [x1, x - f(x) / d(f, x), x - x * x * (1 / x - a), a * x * x],
        "17": [d(f, x), -1 / x**2],
        "19": [x1, x + x * x * (1 / x - a), 2 * x - a * x * x, x * (2 - a * x)],
        "24": [1 - a * x1, 1 - a * x * (2 - a * x), 1 - 2 * a * x + a * x * x, (1 - a * x) ** 2, (1 - a * x) ** 2],
        "28.3": [x13, 0.5 * (2 - 1.5), 0.75], "28.4": [1 - 3 * x13, 1 - 3 * 0.75, -1.25],
        "28.5": [1 - 3 * x13, (1 - 3 * 0.5) ** 2, 0.25], "28.6": [x13, 0.25],
        "38": [I - A @ Xk1, I - A @ Xk @ (2 * I - A @ Xk), I - 2 * A @ Xk + (A @ Xk) @ (A @ Xk), (I - A @ Xk) @ (I - A @ Xk), Rk @ Rk],
        "42": [I - A @ X, np.linalg.matrix_power(I - A @ X0, 2**k)],
        "42.3": [Ek1, Ai - 2 * Xk + Xk @ A @ Xk, Ek @ A @ Ek], "42.4": [Ek1, A @ Ek @ Ek],
        "44.2": [I - A @ X0, I - alpha * A.T @ A],
        "44.4": [R0s, I - 2 / (m_ + M_) * S],
        "46": [max(abs(np.linalg.eigvalsh(R0s))), 1 - 2 * m_ / (m_ + M_), (M_ - m_) / (M_ + m_)],
        "53.2": [np.linalg.inv(A2), np.array([[2, -1], [-1, 2]]) / 3],
        "55": [X0e, I2 / 2],
        "55.2": [I2 - A2 @ X0e, I2 - A2 / 2, np.array([[0, -1 / 2], [-1 / 2, 0]])],
        "57": [X1e, X0e @ (2 * I2 - A2 @ X0e), (2 * I2 - A2) / 2, np.array([[0, -1 / 2], [-1 / 2, 0]])],
        "59": [A2 @ X1e, np.array([[-1 / 2, -1], [-1, -1 / 2]])],
        "59.2": [(I2 - A2 @ X0e) @ (I2 - A2 @ X0e), I2 / 4], "59.3": [A2 @ X0e, A2 / 2],
        "61": [X1e, (2 * I2 - A2 / 2) / 2, I2 - A2 / 4, np.array([[1 / 2, -1 / 4], [-1 / 4, 1 / 2]])],
        "63": [A2 @ X1e, 3 / 4 * I2], "63.2": [I2 - A2 @ X1e, I2 / 4],
        "65": [X2e, X1e @ (2 * I2 - 3 / 4 * I2), 5 / 4 * X1e, np.array([[5 / 8, -5 / 16], [-5 / 16, 5 / 8]])],
        "68": [I2 - A2 @ X2e, I2 / 16],
        "70": [np.linalg.inv(A2) - X2e, np.array([[2, -1], [-1, 2]]) / 48, np.linalg.inv(A2) / 16],
        "72": [np.linalg.norm(I2 - A2 @ Xe, 2), 2.0 ** (-(2**ke))],
        "72.2": [np.linalg.norm(I2 - A2 @ Xe3, 2), 2.0**-6],
    }

@document("385_nb_mixture_density_network_gradient")
def _(rng):
    K = int(rng.integers(2, 6))
    a, mu = rng.normal(size=K), rng.normal(size=K)
    sg = np.exp(rng.normal(size=K) * 0.4)
    y = rng.normal()
    nrm = lambda y, m, s: np.exp(-0.5 * ((y - m) / s) ** 2) / (math.sqrt(2 * math.pi) * s)  # noqa: E731
    Lf = lambda a, mu, sg: -math.log(float(np.sum(softmax(a) * nrm(y, mu, sg))))  # noqa: E731
    pi = softmax(a)
    N = nrm(y, mu, sg)
    p = float(pi @ N)
    gam = pi * N / p
    k, j = int(rng.integers(0, K)), int(rng.integers(0, K))
    dpi = partial(softmax, a, j)[k]
    dLa = partial(lambda v: Lf(v, mu, sg), a, j)
    dmu = partial(lambda v: Lf(a, v, sg), mu, k)
    dsg = partial(lambda v: Lf(a, mu, v), sg, k)
    ds = partial(lambda v: Lf(a, mu, np.exp(v)), np.log(sg), k)
    logN = lambda m, s: math.log(nrm(y, m, s))  # noqa: E731
    pts = [(mu[k] + rng.normal(), sg[k] * math.exp(rng.normal() * 0.3)) for _ in range(3)]
    N2 = np.array([0.2, 0.6])
    Lx = lambda a: -math.log(float(softmax(a) @ N2))  # noqa: E731
    a0 = np.zeros(2)
    pi0 = softmax(a0)
    g0 = pi0 * N2 / float(pi0 @ N2)
    return {
        "3:7": [partial(lambda q: -math.log(float(q @ N)), pi, k), -N[k] / p],
        "3:7.2": [dpi, pi[k] * (delta(k, j) - pi[k])],
        "3:9": [dLa, -sum(N[i] / p * pi[i] * (delta(i, j) - pi[i]) for i in range(K)), -gam[j] + float(gam @ pi)],
        "3:11": [dpi, pi[k] * (delta(k, j) - pi[j])],
        "3:13": [dLa, -sum(N[i] / p * pi[i] * (delta(i, j) - pi[j]) for i in range(K)), -gam[j] + pi[j] * gam.sum(), pi[j] - gam[j]],
        "3:15": [gam.sum(), 1], "3:15.2": [grad(lambda v: Lf(v, mu, sg), a), pi - gam],
        "3:17": [Lf(a, mu, sg), -lse(a + np.log(N)) + lse(a)],
        "4:3": [partial(lambda v: -math.log(float(pi @ v)), N, k), -pi[k] / p],
        "4:5": [dmu, pi[k] / p * N[k] * (y - mu[k]) / sg[k] ** 2, gam[k] * (mu[k] - y) / sg[k] ** 2],
        "4:5.2": [dsg, gam[k] * (1 / sg[k] - (y - mu[k]) ** 2 / sg[k] ** 2)],
        "4:7.2": [d(math.exp, math.log(sg[k])), sg[k]],
        "4:9": [ds, sg[k] * dsg, gam[k] * (1 - (y - mu[k]) ** 2 / sg[k])],
        "6:1": [np.array([logN(m, s) - logN(mu[k], sg[k]) for m, s in pts]),     # equal up to a constant: compared by differences
                np.array([(-math.log(s) - (y - m) ** 2 / (2 * s * s)) - (-math.log(sg[k]) - (y - mu[k]) ** 2 / (2 * sg[k] ** 2)) for m, s in pts])],
        "6:3": [dsg, gam[k] * (1 / sg[k] - (y - mu[k]) ** 2 / sg[k] ** 3)],
        "6:3.2": [ds, gam[k] * (1 - (y - mu[k]) ** 2 / sg[k] ** 2)],
        "6:9.3": [pi0, np.array([1 / 2, 1 / 2])],
        "6:9.6": [float(pi0 @ N2), 1 / 2 * 0.2 + 1 / 2 * 0.6, 0.4], "6:9.7": [Lx(a0), -math.log(0.4)],
        "6:9.8": [g0[0], 0.2 / 0.4, 1 / 2], "6:9.9": [g0[1], 0.6 / 0.4, 3 / 2],
        "6:9.10": [g0[0], 0.5 * 0.2 / 0.4, 1 / 4], "6:9.11": [g0[1], 3 / 4],
        "6:11": [grad(Lx, a0), pi0 - g0, np.array([1 / 2 - 1 / 4, 1 / 2 - 3 / 4]), np.array([1 / 4, -1 / 4])],
        "6:13": [a0 - grad(Lx, a0), a0 - grad(Lx, a0), np.array([-1 / 4, 1 / 4])],
        "6:13.2": [softmax(a0 - grad(Lx, a0)), np.array([1 / 4, 3 / 4])],
        "6:13.3": [softmax(a0 - grad(Lx, a0)), np.array([sig(-1 / 2), sig(1 / 2)])],
    }

@document("386_office_hours_gbm_ito")
def _(rng):
    from scipy.optimize import brentq
    from scipy.stats import norm

    mu, sg = rng.normal() * 0.3, rng.uniform(0.1, 0.8)
    S0, t, S = rng.uniform(0.5, 5), rng.uniform(0.1, 3), rng.uniform(0.5, 5)
    dt, dW = np.array([1.0, 0]), np.array([0.0, 1])                # a dt + b dW_t as (a, b)
    mul = lambda x, y: np.array([x[1] * y[1], 0.0])  # noqa: E731   (a dt + b dW)(c dt + e dW) = b e dt
    dS = mu * S * dt + sg * S * dW

    def ito(f, S=S):
        """d f(S_t) by Ito's lemma at S_t = S, f' and f'' numerically."""
        return np.array([d(f, S) * mu * S + 0.5 * d2r(f, S) * sg**2 * S**2, d(f, S) * sg * S])
    zg, wg = np.polynomial.hermite_e.hermegauss(60)
    wg = wg / math.sqrt(2 * math.pi)
    EW = lambda g, t=t: float(wg @ g(math.sqrt(t) * zg))  # noqa: E731   E g(W_t)
    sol = lambda w, t=t, S0=S0, mu=mu, sg=sg: S0 * np.exp((mu - sg**2 / 2) * t + sg * w)  # noqa: E731   the solution of the SDE
    ES = EW(sol)
    ES2 = EW(lambda w: sol(w) ** 2)
    m = lambda s: EW(lambda w: sol(w, s), s)  # noqa: E731
    W = rng.normal() * math.sqrt(t)
    St = sol(W)
    g = lambda s: math.log(1 + s * s)  # noqa: E731   a test function for Ito's lemma
    fts = lambda tt, s: math.exp(-mu * tt) * s  # noqa: E731
    dfts = np.array([d(lambda tt: fts(tt, S), t) + d(lambda s: fts(t, s), S) * mu * S + 0.5 * d2r(lambda s: fts(t, s), S) * sg**2 * S**2,
                     d(lambda s: fts(t, s), S) * sg * S])
    med = lambda S0, mu, sg, t: brentq(lambda v: norm.cdf((math.log(v / S0) - (mu - sg**2 / 2) * t) / (sg * math.sqrt(t))) - 0.5,  # noqa: E731
                                       1e-9 * S0, 1e9 * S0, xtol=1e-14, rtol=1e-14)
    sol1 = lambda w: sol(w, 1.0, 100.0, 0.05, 0.2)  # noqa: E731
    ES1 = EW(sol1, 1.0)
    V1 = EW(lambda w: sol1(w) ** 2, 1.0) - ES1**2
    return {
        "15": [ito(math.log), dS / S, mu * dt + sg * dW],
        "17": [math.log(St), math.log(S0) + mu * t + sg * W], "17.2": [St, S0 * math.exp(mu * t + sg * W)],
        "17.3": [EW(lambda w: np.exp(sg * w)), math.exp(sg**2 * t / 2)],
        "19": [ES, S0 * math.exp(mu * t) * EW(lambda w: np.exp(sg * w)), S0 * math.exp(mu * t + sg**2 * t / 2)],
        "24.2": [d(m, t), mu * m(t)], "24.3": [ES, S0 * math.exp(mu * t)],
        "26": [ito(g), d(g, S) * dS + 0.5 * d2r(g, S) * mul(dS, dS)],
        "28.4": [mul(dS, dS), sg**2 * S**2 * dt],
        "28.6": [d(math.log, S), 1 / S], "28.7": [d2r(math.log, S), -1 / S**2],
        "31": [ito(math.log), 1 / S * dS - 1 / (2 * S**2) * sg**2 * S**2 * dt, (mu - sg**2 / 2) * dt + sg * dW],
        "37": [St, S0 * math.exp((mu - sg**2 / 2) * t + sg * W)],
        "39": [ES, S0 * math.exp((mu - sg**2 / 2) * t) * math.exp(sg**2 * t / 2), S0 * math.exp(mu * t)],
        "45": [ES2, S0**2 * math.exp((2 * mu - sg**2) * t) * EW(lambda w: np.exp(2 * sg * w)),
               S0**2 * math.exp((2 * mu - sg**2) * t) * math.exp(sg**2 * t), S0**2 * math.exp(2 * mu * t)],
        "47": [ES2 - ES**2, ES2 - ES**2, 0], "47.2": [EW(lambda w: np.exp(2 * sg * w)), math.exp(2 * sg**2 * t)],
        "49": [ES2, S0**2 * math.exp((2 * mu + sg**2) * t)],
        "49.2": [ES2 - ES**2, S0**2 * math.exp((2 * mu + sg**2) * t) - S0**2 * math.exp(2 * mu * t),
                 S0**2 * math.exp(2 * mu * t) * (math.exp(sg**2 * t) - 1)],
        "54.2": [dfts, sg * math.exp(-mu * t) * S * dW],
        "54.3": [med(S0, mu, sg, t), S0 * math.exp((mu - sg**2 / 2) * t)],
        "56.5": [ES1, 100 * math.exp(0.05)],
        "56.6": [med(100, 0.05, 0.2, 1), 100 * math.exp(0.05 - 0.04), 100 * math.exp(0.01)],
        "56.7": [0.2**2 / 2, 0.02], "56.8": [med(100, 0.05, 0.2, 1), 100 * math.exp(0.03)],
        "56.9": [V1, 1e4 * math.exp(0.1) * (math.exp(0.04) - 1)],
        "56.10": [norm.sf((math.log(100 / 100) - (0.05 - 0.02)) / 0.2), norm.cdf(0.15)],
    }

@document("387_worksheet_holt_linear_trend")
def _(rng):
    def holt(y, al, be, l0, b0):
        L, B = [l0], [b0]
        for v in y:
            l = al * v + (1 - al) * (L[-1] + B[-1])
            B.append(be * (l - L[-1]) + (1 - be) * B[-1])
            L.append(l)
        return L, B
    al, be = rng.uniform(0.05, 0.95), rng.uniform(0.05, 0.95)
    lp, bp, yt = rng.normal() * 3, rng.normal(), rng.normal() * 3
    (_, lt), (_, bt) = holt([yt], al, be, lp, bp)
    et = yt - (lp + 1 * bp)
    l0, b0, y1 = rng.normal() * 3, rng.normal(), rng.normal() * 3
    (_, l1), (_, b1) = holt([y1], al, be, l0, b0)
    h = int(rng.integers(1, 6))
    L, B = holt([10, 12, 15, 14], 0.5, 0.2, 10, 1)
    phi, H = rng.uniform(0.05, 0.95), int(rng.integers(1, 8))
    lt_, btr = rng.normal(), rng.normal()
    geo = lambda phi, h: sum(phi**i for i in range(1, h + 1))  # noqa: E731
    c, dd, T = rng.normal(), rng.normal(), int(rng.integers(1, 8))
    Lc, Bc = holt([c + dd * s for s in range(1, T + 1)], al, be, c, dd)
    ys = rng.normal(size=T) * 3
    Ls, _ = holt(ys, al, 0.0, l0, 0.0)
    return {
        "14": [lp + 1 * bp, lp + bp],
        "16": [lt, lp + bp + al * et],
        "18": [bt, be * (lt - lp) + (1 - be) * bp, be * (bp + et) + (1 - be) * bp, bp + be * et],
        "23": [l1, al * y1 + (1 - al) * (l0 + b0)], "23.2": [l1 - l0, al * (y1 - l0) + (1 - al) * b0],
        "26": [b1, be * (l1 - l0) + (1 - be) * b0, al * be * (y1 - l0) + be * (1 - al) * b0 + (1 - be) * b0,
               al * be * (y1 - l0) + (1 - be) * b0],
        "31": [l1 + h * b1, l1 + h * b1],
        "37": [L[1], 0.5 * 10 + 0.5 * (10 + 1), 10.5], "37.2": [B[1], 0.2 * 0.5 + 0.8 * 1, 0.9],
        "39": [B[1], 0.5 * 0.2 * (10 - 10) + (1 - 0.2) * 1, 0.8], "39.2": [be * (1 - al) + (1 - be), 1 - al * be],
        "39.3": [B[1], 0.5 * 0.2 * (10 - 10) + (1 - 0.5 * 0.2) * 1, 0.9],
        "41": [L[2], 0.5 * 12 + 0.5 * (10.5 + 0.9), 11.7], "41.2": [B[2], 0.2 * 1.2 + 0.8 * 0.9, 0.96],
        "43": [12 - (L[1] + B[1]), 0.6], "43.2": [B[2], 0.9 + 0.2 * 0.6, 1.02],
        "43.3": [lt - lp, bp + al * et], "43.4": [bt, bp + al * be * et], "43.5": [0.9 + 0.1 * 0.6, 0.96],
        "45": [L[3], 7.5 + 0.5 * (11.7 + 0.9), 13.8], "45.2": [B[3], 0.2 * 2.1 + 0.8 * 0.96, 1.188],
        "45.3": [L[3] + 2 * B[3], L[4] + B[4]],
        "47": [L[3] + 2 * B[3], L[3] + 2 * B[3], 13.8 + 2.376, 16.176],
        "54": [geo(phi, H), (1 - phi**H) / (1 - phi)], "58": [geo(phi, H), phi * (1 - phi**H) / (1 - phi)],
        "58.2": [lt_ + geo(phi, 3000) * btr, lt_ + phi / (1 - phi) * btr],
        "60.2": [lt_ + geo(0.9, 3000) * btr, lt_ + 10 * btr],
        "64": [Lc[T] + h * Bc[T], c + dd * (T + h)],
        "66": [Ls[T], al * ys[T - 1] + (1 - al) * Ls[T - 1]],
        "70": [Ls[T], sum(al * (1 - al) ** j * ys[T - 1 - j] for j in range(T)) + (1 - al) ** (T - 1) * l0],
        "72": [sum(al * (1 - al) ** j for j in range(T)), 1 - (1 - al) ** T],
    }

@document("388_cheatsheet_am_gm_power_mean")
def _(rng):
    a, b = rng.uniform(0.1, 10), rng.uniform(0.1, 10)
    p = rng.choice([-1, 1]) * rng.uniform(0.1, 4)

    def M(p, a=a, b=b):
        return ((a**p + b**p) / 2) ** (1 / p) if p != 0 else math.sqrt(a * b)

    def logM(p, a=a, b=b):
        """log M_p(a, b) for small p != 0 without cancellation."""
        return math.log1p((math.expm1(p * math.log(a)) + math.expm1(p * math.log(b))) / 2) / p

    def Mbig(p, a=a, b=b):
        """M_p(a, b) for large |p| without overflow."""
        hi = max(a, b) if p > 0 else min(a, b)
        r = (min(a, b) if p > 0 else max(a, b)) / hi
        return hi * math.exp(math.log((1 + r**p) / 2) / p)
    A, G, H, Q = (a + b) / 2, math.sqrt(a * b), 2 * a * b / (a + b), math.sqrt((a * a + b * b) / 2)
    u, v = math.log(a), math.log(b)
    pe = 1e-8
    s = a + b
    A1, G1, H1, Q1 = (1 + 9) / 2, math.sqrt(1 * 9), 2 * 1 * 9 / (1 + 9), math.sqrt((1 + 81) / 2)
    return {
        "15": [M(1), A], "15.2": [M(-1), H], "15.3": [M(2), Q], "15.4": [M(-p), a * b / M(p)],
        "19.2": [M(p, a, a), a],
        "25": [A - G, (a - math.sqrt(a * b) + b) / 2, (math.sqrt(a) - math.sqrt(b)) ** 2 / 2],
        "28": [A * A - G * G, ((a - b) / 2) ** 2], "29": [Q * Q - A * A, (a - b) ** 2 / 2], "30": [G * G, A * H],
        "31": [A - H, (a - b) ** 2 / (a + b)], "32": [G - H, math.sqrt(a * b) * (math.sqrt(a) - math.sqrt(b)) ** 2 / (a + b)],
        "36": [math.exp(logM(pe)), 1],
        "38": [logM(pe), (a**pe * u + b**pe * v) / (a**pe + b**pe), (u + v) / 2],
        "40": [math.exp(logM(pe)), math.sqrt(a * b)], "40.2": [Mbig(1e7), max(a, b)], "40.3": [Mbig(-1e7), min(a, b)],
        "42": [d(logM, 0.0), (u * u + v * v) / 4 - (u + v) ** 2 / 8, (u - v) ** 2 / 4],
        "49": [a * b, s * s / 4 - (a - b) ** 2 / 2], "51": [4 - 2, 2], "51.2": [A * A - G * G, ((a - b) / 2) ** 2],
        "51.3": [a * b, s * s / 4 - (a - b) ** 2 / 4], "51.4": [4 - 1, 3],
        "56": [M(1, 1.0, 9.0), 5], "56.2": [M(0, 1.0, 9.0), 3], "56.3": [H1, 2 * 1 * 9 / (1 + 9), 9 / 10], "56.4": [Q1, math.sqrt(41)],
        "60": [A1 - G1, 2], "60.2": [(1 - 3) ** 2 / 2, 2], "61": [G1**2, 9],
        "61.2": [A1 * H1, 5 * 9 / 10, 9 / 2], "61.3": [A1 * H1, 9],
        "62": [Q1**2 - A1**2, 16], "62.2": [(1 - 9) ** 2 / 2, 32],
        "62.3": [(a * a + b * b) / 2 - (a + b) ** 2 / 4, (a - b) ** 2 / 4],
        "63": [A1 - H1, 16 / 5], "63.2": [A - H, (a - b) ** 2 / (2 * (a + b))],
        "65": [M(3, 1.0, 9.0), 365 ** (1 / 3)],
    }

@document("389_reading_group_cavi_gaussian")
def _(rng):
    from scipy import integrate
    from scipy.stats import gamma as gam

    L2P = math.log(2 * math.pi)

    def logjoint(x, mu, tau, mu0, l0, a0, b0):
        return (sum(0.5 * math.log(tau) - 0.5 * L2P - tau / 2 * (v - mu) ** 2 for v in x)
                + 0.5 * math.log(l0 * tau) - 0.5 * L2P - l0 * tau / 2 * (mu - mu0) ** 2
                + a0 * math.log(b0) - math.lgamma(a0) + (a0 - 1) * math.log(tau) - b0 * tau)

    moments = {}

    def Etau(f, a, b):
        """E f(tau) for tau ~ Gamma(shape a, rate b) and f(tau) = A + B log tau + C tau (the form of the log joint
        in tau): A, B, C from three values of f, E[log tau] and E[tau] by quadrature."""
        if (a, b) not in moments:
            moments[a, b] = [integrate.quad(lambda t: g(t) * gam.pdf(t, a, scale=1 / b), 0, np.inf, limit=200)[0]
                             for g in (math.log, lambda t: t)]
        T = np.array([0.5, 1.0, 2.0])
        A, B, C = np.linalg.solve(np.stack([np.ones(3), np.log(T), T], axis=1), np.array([f(s) for s in T]))
        return A + B * moments[a, b][0] + C * moments[a, b][1]
    zg, wg = np.polynomial.hermite_e.hermegauss(30)
    wg = wg / math.sqrt(2 * math.pi)
    Emu = lambda f, m, lam: sum(w * f(m + z / math.sqrt(lam)) for z, w in zip(zg, wg))  # noqa: E731   E f(mu), mu ~ N(m, 1/lam)

    def qmu(x, a, b, mu0, l0, a0, b0):
        """(mu_N, lambda_N) of q*(mu) from log q*(mu) = E_tau[log p] (a quadratic in mu), q(tau) = Gamma(a, b)."""
        f = lambda m: Etau(lambda t: logjoint(x, m, t, mu0, l0, a0, b0), a, b)  # noqa: E731
        f2 = d2r(f, 0.0, 0.5)
        return -d(f, 0.0) / f2, -f2, f

    def qtau(x, m, lam, mu0, l0, a0, b0):
        """(a_N, b_N) of q*(tau) from log q*(tau) = E_mu[log p] = (a_N - 1) log tau - b_N tau + const."""
        g = lambda t: Emu(lambda v: logjoint(x, v, t, mu0, l0, a0, b0), m, lam)  # noqa: E731
        t1, t2 = 0.7, 1.9
        g1, g2 = d(g, t1), d(g, t2)                                 # (a - 1)/t - b at two points
        am1 = (g1 - g2) / (1 / t1 - 1 / t2)
        return am1 + 1, am1 / t1 - g1, g

    N = int(rng.integers(1, 6))
    x = rng.normal(size=N) * 2 + 1
    xb = float(np.mean(x))
    mu0, l0, a0, b0 = rng.normal(), rng.uniform(0.2, 3), rng.uniform(0.5, 3), rng.uniform(0.5, 3)
    aq, bq = rng.uniform(0.5, 4), rng.uniform(0.5, 4)
    Edirect = lambda a, b: integrate.quad(lambda t: t * gam.pdf(t, a, scale=1 / b), 0, np.inf)[0]  # noqa: E731
    Et = Edirect(aq, bq)
    muN, lamN, f = qmu(x, aq, bq, mu0, l0, a0, b0)
    muN0 = qmu(x, aq, bq, mu0, 1e-9, a0, b0)[0]
    ms = [muN + rng.normal() for _ in range(3)]
    diff = lambda h, pts, ref: np.array([h(p) - h(ref) for p in pts])  # noqa: E731   equal up to a constant
    r4 = lambda m: -Et / 2 * (l0 * (m - mu0) ** 2 + sum((v - m) ** 2 for v in x))  # noqa: E731
    r5 = lambda m: -Et / 2 * ((l0 + N) * m * m - 2 * m * (l0 * mu0 + x.sum()))  # noqa: E731
    mq, lq = rng.normal(), rng.uniform(0.3, 5)                       # the current q(mu)
    aN, bN, g = qtau(x, mq, lq, mu0, l0, a0, b0)
    ESS = Emu(lambda v: sum((u - v) ** 2 for u in x) + l0 * (v - mu0) ** 2, mq, lq)
    ts = [rng.uniform(0.2, 3) for _ in range(3)]
    r13 = lambda t: (a0 - 1) * math.log(t) - b0 * t + N / 2 * math.log(t) - t / 2 * ESS  # noqa: E731
    n = int(rng.integers(0, N))
    x4 = np.array([1.0, 2, 3, 6])
    m1, l1, _ = qmu(x4, 2.0, 2.0, 0.0, 1.0, 1.0, 1.0)                # initialised with E[tau] = 1 (Gamma(2, 2))
    a1, b1, _ = qtau(x4, m1, l1, 0.0, 1.0, 1.0, 1.0)
    E1 = Edirect(a1, b1)
    l2 = qmu(x4, a1, b1, 0.0, 1.0, 1.0, 1.0)[1]
    return {
        "15": [diff(f, ms, muN), diff(r4, ms, muN)], "19": [diff(f, ms, muN), diff(r5, ms, muN)],
        "23": [muN, (l0 * mu0 + xb) / (l0 + N)], "23.2": [lamN, (l0 + N) / Et],
        "26": [muN0, xb / N], "26.2": [x.sum(), N * xb],
        "28": [muN, (l0 * mu0 + N * xb) / (l0 + N)], "28.2": [lamN, (l0 + N) * Et],
        "36": [diff(g, ts, 1.0), diff(r13, ts, 1.0)],
        "38": [aN, a0 + N / 2], "38.2": [bN, b0 + 0.5 * ESS],
        "38.3": [Emu(lambda v: (x[n] - v) ** 2, mq, lq), (x[n] - mq) ** 2 + 1 / lq],
        "38.4": [Emu(lambda v: (v - mu0) ** 2, mq, lq), (mq - mu0) ** 2],
        "38.5": [Edirect(aN, bN), aN / bN],
        "42.2": [len(x4), 4], "42.3": [np.mean(x4), 3],
        "44": [m1, (0 + 4 * 3) / (1 + 4), 12 / 5], "44.2": [l1, 5],
        "46": [float(np.sum((x4 - m1) ** 2)), 1.96 + 0.16 + 0.36 + 12.96, 15.44], "46.2": [15.44 + 4 / 5, 16.24],
        "46.3": [1.0 * Emu(lambda v: (v - 0) ** 2, m1, l1), 5.76],
        "48": [b1, 1 + 0.5 * (16.24 + 5.76), 12], "48.2": [a1, 1 + 4 / 2, 3], "50": [E1, 3 / 12],
        "52": [aN, a0 + (N + 1) / 2], "52.2": [1.0 * Emu(lambda v: (v - 0) ** 2, m1, l1), 5.76 + 0.2, 5.96],
        "52.3": [a1, 1 + 5 / 2, 7 / 2], "52.4": [b1, 12.1], "52.5": [E1, 3.5 / 12.1],
        "52.6": [l2, 5 * 3.5 / 12.1, 17.5 / 12.1],
    }

@document("362_hw_legendre_recurrence")
def _(rng):
    from numpy.polynomial import legendre as npl

    P = lambda n, x: float(npl.Legendre.basis(n)(x))  # noqa: E731   NumPy's Legendre basis, not the recurrence
    dP = lambda n, x: float(npl.Legendre.basis(n).deriv()(x))  # noqa: E731
    x = rng.uniform(-1, 1)
    n = int(rng.integers(1, 10))
    dd = lambda m: dP(m, 1.0)  # noqa: E731
    return {
        "7": [P(n, 1), 1], "7.2": [P(n, -1), (-1) ** n], "7.3": [dP(n, 1), n * (n + 1) / 2],
        "15": [2 * P(2, x), 3 * x * P(1, x) - P(0, x), 3 * x**2 - 1], "15.2": [P(2, x), (3 * x**2 - 1) / 2],
        "20": [3 * P(3, x), 5 * x * P(2, x) - 2 * P(1, x), 5 * x * (3 * x**2 - 1) / 2 - 2 * x, (15 * x**3 - 7 * x) / 2],
        "25": [P(3, x), (15 * x**3 - 7 * x) / 6],
        "27": [P(3, 1), (15 - 7) / 6, 4 / 3], "27.2": [2 * x, 4 * x / 2],
        "29": [3 * P(3, x), (15 * x**3 - 9 * x) / 2], "29.2": [P(3, x), (5 * x**3 - 3 * x) / 2], "31": [P(3, 1), 1],
        "35": [4 * P(4, x), 7 * x * P(3, x) - 3 * P(2, x), (35 * x**4 - 21 * x**2) / 2 - (9 * x**2 - 3) / 2,
               (35 * x**4 - 30 * x**2 + 3) / 2],
        "37": [P(4, x), (35 * x**4 - 30 * x**2 + 3) / 4], "37.2": [P(4, 0), 3 / 4],
        "37.3": [P(4, 1), (35 - 30 + 3) / 4, 2], "37.4": [P(4, x), (35 * x**4 - 30 * x**2 + 3) / 8], "37.5": [P(4, 0), 3 / 8],
        "41": [(n + 1) * P(n + 1, 1), (2 * n + 1) - n, n + 1], "43": [P(n + 1, 1), 1],
        "43.2": [(n + 1) * P(n + 1, -1), (-1) ** (n + 1) * (2 * n + 1 - n)], "43.3": [P(n, -x), (-1) ** n * P(n, x)],
        "47": [(n + 1) * dP(n + 1, x), (2 * n + 1) * x * dP(n, x) - n * dP(n - 1, x)],
        "49.2": [(n + 1) * dd(n + 1), (2 * n + 1) * dd(n) - n * dd(n - 1)], "49.3": [dd(0), 0], "49.4": [dd(1), 1],
        "51": [2 * dd(2), 3 * dd(1) - dd(0), 3], "51.2": [dd(2), 3 / 2],
        "53": [3 * dd(3), 5 * dd(2) - 2 * dd(1), 15 / 2 - 2, 11 / 2], "53.2": [dd(3), 11 / 6],
        "53.3": [dP(2, x), 3 * x], "53.4": [dd(2), 3],
        "55": [(n + 1) * dP(n + 1, x), (2 * n + 1) * P(n, x) + (2 * n + 1) * x * dP(n, x) - n * dP(n - 1, x)],
        "59": [(n + 1) * dd(n + 1), (2 * n + 1) * (1 + dd(n)) - n * dd(n - 1)], "61": [dd(2), 3],
        "64": [(n + 1) * dd(n + 1), (2 * n + 1) * (1 + n * (n + 1) / 2) - n**2 * (n - 1) / 2,
               (n**3 + 4 * n**2 + 5 * n + 2) / 2, (n + 1) ** 2 * (n + 2) / 2],
        "69": [dd(n + 1), (n + 1) * (n + 2) / 2], "69.2": [dP(3, 1), (15 - 3) / 2, 6],
        "71": [dP(n, -1), (-1) ** n * n * (n + 1) / 2], "71.2": [dP(2, -1), 3], "71.3": [dP(3, -1), -6],
    }

@document("363_lecture_matrix_determinant_lemma")
def _(rng):
    det, inv = np.linalg.det, np.linalg.inv

    def adj(M):
        """The adjugate by cofactors: adj(M)[i, j] = (-1)^(i + j) det(M without row j and column i)."""
        k = len(M)
        if k == 1:
            return np.ones((1, 1))
        return np.array([[(-1) ** (i + j) * det(np.delete(np.delete(M, j, 0), i, 1)) for j in range(k)] for i in range(k)])

    n = int(rng.integers(2, 6))
    A = rng.normal(size=(n, n)) + 2 * np.eye(n)
    u, v = rng.normal(size=n), rng.normal(size=n)
    t = rng.normal() * 2
    Ai, I = inv(A), np.eye(n)
    uv = np.outer(u, v)
    dA = det(A)
    top = np.block([[I, np.zeros((n, 1))], [v[None, :], np.ones((1, 1))]])
    mid = np.block([[I + uv, u[:, None]], [np.zeros((1, n)), np.ones((1, 1))]])
    bot = np.block([[I, np.zeros((n, 1))], [-v[None, :], np.ones((1, 1))]])
    rhs = np.block([[I, u[:, None]], [np.zeros((1, n)), np.array([[1 + v @ u]])]])
    while True:                                                    # a point where both logarithms are defined
        G = rng.normal(size=(n, n))
        A2, u2, v2 = G @ G.T + 0.5 * I, rng.normal(size=n), rng.normal(size=n)
        if 1 + v2 @ inv(A2) @ u2 > 0:
            break
    u2b, v2b = rng.normal(size=n), rng.normal(size=n)
    kk = int(rng.integers(1, 4))
    U, V = rng.normal(size=(n, kk)), rng.normal(size=(n, kk))
    A0, u0, v0 = np.array([[2.0, 1], [0, 3]]), np.array([1.0, 2]), np.array([1.0, -1])
    A0i = inv(A0)
    t0 = rng.normal() * 2
    w = rng.normal(size=2) * 2
    return {
        "10": [det(A + uv), (1 + v @ Ai @ u) * dA], "17": [top @ mid @ bot, rhs], "21": [det(I + uv), 1 + v @ u],
        "28": [A + uv, A @ (I + uv @ Ai)],
        "32": [det(A + uv), dA * det(I + uv @ Ai), dA * (1 + v @ Ai @ u)],
        "35": [A @ (I + uv @ Ai), A + A @ uv @ Ai], "35.2": [A + uv, (I + uv @ Ai) @ A], "35.3": [A + uv, A @ (I + Ai @ uv)],
        "37": [adj(A), dA * Ai], "39": [det(A + uv), dA + v @ adj(A) @ u],
        "43": [det(A + t * uv), dA + t * (v @ Ai @ u)], "43.2": [d(lambda s: det(A + s * uv), t), v @ Ai @ u],
        "47": [math.log(det(A2 + np.outer(u2, v2))), math.log(det(A2)) + math.log(1 + v2 @ inv(A2) @ u2)],
        "51": [det(A + np.outer(u, v) + np.outer(u2b, v2b)), dA * (1 + v @ Ai @ u) * (1 + v2b @ Ai @ u2b)],
        "55": [det(A + U @ V.T), dA * det(np.eye(kk) + V.T @ Ai @ U)],
        "59": [grad(lambda q: det(A + np.outer(q, v)), u), dA * Ai @ v],
        "65": [inv(A + uv), Ai - Ai @ uv @ Ai / (1 + v @ Ai @ u)],
        "74": [det(A0), 6], "76": [A0i, np.array([[3, -1], [0, 2]]) / 6], "76.2": [A0i @ v0, np.array([4, -2]) / 6],
        "80": [v0 @ A0i @ u0, u0 @ A0i @ v0, (4 - 4) / 6, 0],
        "82": [det(A0 + np.outer(u0, v0)), (1 + 0) * 6, 6],
        "84": [A0 + np.outer(u0, v0), A0 + np.array([[1, -1], [2, -2]]), np.array([[3, 0], [2, 1]])],
        "84.2": [det(A0 + np.outer(u0, v0)), 3],
        "88": [A0i @ u0, np.array([1, 4]) / 6], "88.2": [v0 @ A0i @ u0, (1 - 4) / 6, -1 / 2],
        "90": [det(A0 + np.outer(u0, v0)), (1 - 1 / 2) * 6, 3],
        "92": [A0i @ np.outer(u0, v0) @ A0i, np.array([[3, -3], [12, -12]]) / 36], "92.2": [1 + v0 @ A0i @ u0, 1 / 2],
        "94": [inv(A0 + np.outer(u0, v0)), A0i - np.array([[3, -3], [12, -12]]) / 72, np.array([[33, -9], [-12, 36]]) / 72],
        "98": [inv(A0 + np.outer(u0, v0)), A0i - np.array([[3, -3], [12, -12]]) / 18, np.array([[1, 0], [-2, 3]]) / 3],
        "101.3": [det(A0 + 2 * np.outer(u0, v0)), 6 - 1, 5],
        "101": [det(A0 + np.outer(u0, v0)), 6 - 1 / 2],
        "103": [det(A0 + t0 * np.outer(u0, v0)), det(A0) * (1 + t0 * (v0 @ A0i @ u0)), 6 - 3 * t0],
        "104": [d(lambda s: det(A0 + s * np.outer(u0, v0)), t0), det(A0) * (v0 @ A0i @ u0), v0 @ adj(A0) @ u0],
        "106": [grad(lambda q: det(A0 + np.outer(q, v0)), u0), 6 * A0i @ v0, np.array([4, -2])],
        "106.2": [det(A0 + np.outer(w, v0)), 6 + 3 * w[0] - 3 * w[1]],
        "106.3": [np.array([3, -3]), 6 * A0i.T @ v0],
        "106.4": [grad(lambda q: det(A + np.outer(q, v)), u), dA * Ai.T @ v],
    }

@document("364_blog_exponentiated_gradient_mirror_descent")
def _(rng):
    from scipy.optimize import brentq, minimize

    psi = lambda x: float(np.sum(x * np.log(x)))  # noqa: E731

    def D(x, y):
        """The Bregman divergence of psi, by its definition (the gradient of psi by differences)."""
        return psi(x) - psi(y) - float(grad(psi, y) @ (x - y))

    kl = lambda x, y: float(np.sum(x * np.log(x / y)))  # noqa: E731

    def step(xt, g, eta):
        """argmin over the simplex of eta <g, x> + D(x, xt), numerically (x = softmax(z))."""
        obj = lambda z: eta * float(g @ softmax(z)) + kl(softmax(z), xt)  # noqa: E731   D = KL on the simplex (line 21)

        def jac_z(z):                                              # the objective's gradient in z, by the chain rule
            p = softmax(z)
            return (np.diag(p) - np.outer(p, p)) @ (eta * g + np.log(p / xt) + 1)
        z = minimize(obj, np.log(xt), jac=jac_z, method="BFGS", options={"gtol": 1e-13}).x
        return softmax(z)

    n = int(rng.integers(2, 6))
    x, y = rng.uniform(0.1, 2, size=n), rng.uniform(0.1, 2, size=n)
    xs, ys = rng.dirichlet(np.ones(n)), rng.dirichlet(np.ones(n))
    i = int(rng.integers(0, n))
    xt, g, eta = rng.dirichlet(np.ones(n) * 2), rng.normal(size=n), rng.uniform(0.1, 2)
    xn = step(xt, g, eta)
    lam = -(eta * g[0] + math.log(xn[0] / xt[0]))
    t = int(rng.integers(0, 4))
    gs = rng.normal(size=(t + 1, n))
    it = np.ones(n) / n
    for s in range(t + 1):
        it = step(it, gs[s], eta)
    g3, e3, x0 = np.array([1.0, 0, -1]), math.log(2), np.ones(3) / 3
    x1 = step(x0, g3, e3)
    x2 = step(x1, g3, e3)
    u = rng.dirichlet(np.ones(n))
    T, G, m = int(rng.integers(1, 1000)), rng.uniform(0.1, 5), int(rng.integers(2, 50))
    bound = lambda e: math.log(m) / e + e * T * G**2 / 2  # noqa: E731
    estar = brentq(lambda e: d(bound, e), 1e-4, 1e2, xtol=1e-15)
    return {
        "13.2": [partial(psi, x, i), math.log(x[i]) + 1],
        "16": [D(x, y), psi(x) - psi(y) - float(grad(psi, y) @ (x - y)),
               float(np.sum(x * np.log(x)) - np.sum(y * np.log(y)) - np.sum((np.log(y) + 1) * (x - y))),
               float(np.sum(x * np.log(x / y)) + x.sum() - y.sum())],
        "21": [D(xs, ys), kl(xs, ys)],
        "29.2": [partial(lambda z: D(z, xt), x, i), math.log(x[i] / xt[i])],
        "31": [eta * g + np.log(xn / xt) + lam, np.zeros(n)], "31.2": [xn, xt * np.exp(-eta * g) * math.exp(-lam)],
        "35": [xn, xt * np.exp(-eta * g) / float(np.sum(xt * np.exp(-eta * g)))],
        "39": [it, softmax(-eta * gs[1:].sum(axis=0))],
        "46": [x1, np.array([2, 1, 1 / 2]) / (7 / 2), np.array([4, 2, 1]) / 7],
        "46.2": [float(g3 @ x1), 4 / 7 - 1 / 7, 3 / 7], "48": [float(g3 @ x0), 0],
        "50": [x1, np.array([1, 2, 4]) / 7], "50.2": [float(g3 @ x1), -3 / 7], "52": [x2, np.array([1, 4, 16]) / 21],
        "60": [kl(u, np.ones(n) / n), math.log(n) + float(np.sum(u * np.log(u)))],
        "60.2": [estar, 1 / G * math.sqrt(2 * math.log(m) / T)],
        "62": [bound(estar), G * math.sqrt(T * math.log(m) / 2)],
        "64": [2 * G * math.sqrt(T * math.log(m) / 2), G * math.sqrt(2 * T * math.log(m))],
    }

@document("365_recitation_poisson_gamma_negative_binomial")
def _(rng):
    from scipy.integrate import quad, quad_vec
    from scipy.special import binom, gamma as Gf, gammaln

    K = 100

    def model(al, be):
        """The mixture: the pmf of X for k < K by integrating the rate out numerically, and the Gamma density."""
        dens = lambda lam: math.exp(al * math.log(be) - gammaln(al) + (al - 1) * math.log(lam) - be * lam) if lam > 0 else 0.0  # noqa: E731
        ks = np.arange(K)
        pois = lambda lam: np.exp(ks * math.log(lam) - lam - gammaln(ks + 1)) if lam > 0 else (ks == 0) * 1.0  # noqa: E731
        P = quad_vec(lambda lam: pois(lam) * dens(lam), 0, np.inf, epsabs=1e-15, epsrel=1e-10)[0]
        return dens, ks, P

    al, be = rng.uniform(0.3, 4), rng.uniform(0.5, 4)
    dens, ks, P = model(al, be)
    ldens = lambda lam: al * math.log(be) - gammaln(al) + (al - 1) * math.log(lam) - be * lam  # noqa: E731

    def Q(f, log=False):
        """E[f(lambda)] by quadrature (f given by its logarithm when log is set, to avoid overflow); on (0, 1) the
        factor lambda^(alpha - 1) of the density is the quadrature's algebraic weight."""
        c = al * math.log(be) - gammaln(al)
        h = (lambda l: math.exp(f(l) + c - be * l)) if log else (lambda l: f(l) * math.exp(c - be * l))  # noqa: E731
        g = (lambda l: math.exp(f(l) + ldens(l))) if log else (lambda l: f(l) * dens(l))  # noqa: E731
        return (quad(h, 0, 1, weight="alg", wvar=(al - 1, 0), epsabs=1e-14, epsrel=1e-12, limit=200)[0]
                + quad(g, 1, np.inf, epsabs=1e-14, epsrel=1e-12, limit=200)[0])

    def gamma_integral(a, b):
        """int_0^inf l^(a - 1) e^(-b l) dl by quadrature (the power as an algebraic weight on (0, 1))."""
        return (quad(lambda l: math.exp(-b * l), 0, 1, weight="alg", wvar=(a - 1, 0), epsabs=1e-14, epsrel=1e-12)[0]
                + quad(lambda l: l ** (a - 1) * math.exp(-b * l), 1, np.inf, epsabs=1e-14, epsrel=1e-12, limit=200)[0])
    El, Vl = Q(lambda l: l), Q(lambda l: (l - al / be) ** 2)
    EX = float(ks @ P)
    VX = float(ks**2 @ P) - EX**2
    G = lambda s: float(np.sum(s**ks * P))  # noqa: E731
    k = int(rng.integers(0, 12))
    gint = gamma_integral(k + al, be + 1)
    a, b = rng.uniform(0.3, 5), rng.uniform(0.2, 4)
    gab = gamma_integral(a, b)
    p = be / (be + 1)
    s, t = rng.uniform(0, 1), be * rng.uniform(-2, 0.9)
    _, _, P2 = model(2.0, 1.0)
    be1 = rng.uniform(0.5, 4)
    _, _, P1 = model(1.0, be1)                                     # shape one
    EX2 = float(ks @ P2)
    return {
        "9": [El, al / be], "9.2": [Vl, al / be**2],
        "16": [P[k], Q(lambda l: math.exp(-l) * l**k / math.factorial(k)), be**al / (math.factorial(k) * Gf(al)) * gint],
        "20": [gint, Gf(k + al) / (be + 1) ** (k + al - 1)],
        "22": [P[k], Gf(k + al) / (math.factorial(k) * Gf(al)) * be**al / (be + 1) ** (k + al - 1)],
        "24": [P[0], be**al / (be + 1) ** (al - 1)],
        "24.2": [float(P1.sum()), float(np.sum(be1 * (1 / (be1 + 1)) ** np.arange(3000))), be1 + 1],
        "24.3": [P[0], Q(lambda l: math.exp(-l)), (be / (be + 1)) ** al],
        "24.4": [gab, Gf(a) / b**a],
        "26": [P[k], Gf(k + al) / (math.factorial(k) * Gf(al)) * (be / (be + 1)) ** al * (1 / (be + 1)) ** k,
               binom(k + al - 1, k) * p**al * (1 - p) ** k],
        "28.3": [be / (be + 1), 1 / (be + 1)],   # the p that makes SciPy's p^n (1 - p)^k the marginal above
        "32": [EX, El, al / be],
        "34": [VX, Q(lambda l: l) + Vl, El + Vl, al / be + al / be**2, al * (be + 1) / be**2],
        "36": [VX / EX, 1 + 1 / be],
        "40": [al * (1 - p) / p, al / be], "40.2": [al * (1 - p) / p**2, al * (be + 1) / be],
        "42": [(1 - p) / p**2, 1 / (be + 1) * (be + 1) ** 2 / be**2, (be + 1) / be**2],
        "42.2": [al * (1 - p) / p**2, al * (be + 1) / be**2],
        "48": [G(s), G(s), Q(lambda l: math.exp(l * (s - 1))), (be / (be + 1 - s)) ** al],
        "50": [Q(lambda l: t * l, log=True), (1 - t / be) ** (-al)], "50.2": [d(G, 1.0), al / be],
        "52": [d2(G, 1.0), float(ks * (ks - 1) @ P), al**2 / be**2],
        "54": [VX, d2(G, 1.0) + d(G, 1.0) - d(G, 1.0) ** 2, al / be], "54.2": [d2(G, 1.0), al * (al + 1) / be**2],
        "58.3": [1 / (1 + 1), 1 / 2],
        "60": [P2[0], 1 / 4], "60.2": [P2[1], 1 / 4],
        "60.3": [P2[2], binom(3, 2) / 4 / 4, 3 / 8],
        "62": [P2[0] + P2[1] + P2[2], 1 / 4 + 1 / 4 + 3 / 8, 7 / 8],
        "62.2": [1 - (P2[0] + P2[1] + P2[2]), 1 - 7 / 8, 1 / 8], "62.3": [P2[3], binom(4, 3) / 4 / 8, 1 / 8],
        "62.4": [3 / 4 / 4, 3 / 16], "62.5": [P2[0] + P2[1] + P2[2], 11 / 16],
        "62.6": [EX2, 2], "62.7": [float(ks**2 @ P2) - EX2**2, 4],
    }

@document("366_nb_laplace_beta_posterior")
def _(rng):
    from scipy.integrate import quad
    from scipy.optimize import brentq
    from scipy.special import betaln

    a, b = rng.uniform(1, 3, size=2)
    n = int(rng.integers(2, 21))
    k = int(rng.integers(1, n))
    al, be = a + k, b + n - k
    prior = lambda t: t ** (a - 1) * (1 - t) ** (b - 1)  # noqa: E731   unnormalised; Bayes' rule normalises below
    lik = lambda t: t**k * (1 - t) ** (n - k)  # noqa: E731
    Z = quad(lambda t: prior(t) * lik(t), 0, 1, epsabs=1e-15, epsrel=1e-12)[0]
    post = lambda t: prior(t) * lik(t) / Z  # noqa: E731
    th = rng.uniform(0.05, 0.95)

    def setup(al, be):
        ell = lambda t: (al - 1) * math.log(t) + (be - 1) * math.log(1 - t) - betaln(al, be)  # noqa: E731
        mode = brentq(lambda t: d(ell, t), 1e-4, 1 - 1e-4, xtol=1e-15)
        m = lambda p: al * math.log(sig(p)) + be * math.log(sig(-p))  # noqa: E731   1 - sigma(p) = sigma(-p)
        pmode = brentq(lambda p: d(m, p), -10, 10, xtol=1e-15)
        return ell, mode, m, pmode

    ell, mode, m, pmode = setup(al, be)
    S = al + be - 2
    s2 = -1 / d2r(ell, mode)
    ell8, mode8, m8, pmode8 = setup(8.0, 4.0)
    B84 = quad(lambda t: t**7 * (1 - t) ** 3, 0, 1, epsabs=1e-16, epsrel=1e-13)[0]
    F = math.factorial
    ph = rng.uniform(-4, 4)
    tp = sig(ph)
    logpphi = lambda p: math.log(post(sig(p)) * d(sig, p))  # noqa: E731   the density of phi = logit(theta)
    tm = sig(pmode)
    return {
        "1:5": [post(th), th ** (al - 1) * (1 - th) ** (be - 1) / math.exp(betaln(al, be))],
        "3:9": [d(ell, th), (al - 1) / th - (be - 1) / (1 - th)],
        "3:13": [mode, (al - 1) / (al + be - 2)],
        "3:17": [d2r(ell, th), -(al - 1) / th**2 + (be - 1) / (1 - th) ** 2],
        "3:19.2": [mode, (al - 1) / S], "3:19.3": [1 - mode, (be - 1) / S],
        "3:21": [d2r(ell, mode), -S**2 / (al - 1) + S**2 / (be - 1), S**2 * (al - be) / ((al - 1) * (be - 1))],
        "3:25": [d2r(ell, th), -(al - 1) / th**2 - (be - 1) / (1 - th) ** 2],
        "3:28": [d2r(ell, mode), -S**2 / (al - 1) - S**2 / (be - 1), -S**3 / ((al - 1) * (be - 1))],
        "3:32": [s2, -1 / d2r(ell, mode), (al - 1) * (be - 1) / S**3, mode * (1 - mode) / S],
        "4:3.4": [8 + 4 - 2, 10], "4:3.5": [mode8, 7 / 10],
        "4:5": [-1 / d2r(ell8, mode8), 7 * 3 / 10**3, 0.021],
        "4:7": [8 / (8 + 4), 2 / 3],
        "4:9": [8 * 4 / ((8 + 4) ** 2 * (8 + 4 + 1)), 8 * 4 / (12**2 * 13), 2 / 117],
        "4:15": [B84, math.gamma(8) * math.gamma(4) / math.gamma(12), F(7) * F(3) / F(12), 1 / 15840],
        "6:1": [math.gamma(12), F(11)], "6:1.2": [B84, F(7) * F(3) / F(11), 1 / 1320],
        "6:5.2": [d(sig, ph), tp * (1 - tp)],
        "6:5.3": [logpphi(ph), m(ph) + (logpphi(0.0) - m(0.0))],
        "6:9": [pmode, math.log((al - 1) / (be - 1))], "6:9.2": [pmode8, math.log(7 / 3)],
        "6:9.3": [sig(pmode8), 7 / 10],
        "6:11": [d(m, ph), (al / tp - be / (1 - tp)) * tp * (1 - tp), al * (1 - tp) - be * tp],
        "6:13": [pmode, math.log(al / be)], "6:13.2": [d2r(m, ph), -(al + be) * tp * (1 - tp)],
        "6:13.3": [d2r(m, pmode), -al * be / (al + be) ** 2],
        "6:13.4": [-1 / d2r(m8, pmode8), 12**2 / (8 * 4), 9 / 2],
        "6:13.5": [tm * (1 - tm), al * be / (al + be) ** 2],
        "6:13.6": [d2r(m, pmode), -al * be / (al + be)], "6:13.7": [1 / 8 + 1 / 4, 3 / 8],
    }

@document("367_forum_sinkhorn_entropic_ot_2x2")
def _(rng):
    from scipy.optimize import brentq

    def plan(C, eps, a, b):
        """The minimiser of <C, P> + eps sum P log P over the 2 x 2 couplings of a and b (a one-parameter family)."""
        a0, b0 = a[0], b[0]
        lo, hi = max(0.0, a0 + b0 - 1), min(a0, b0)
        Pm = lambda p: np.array([[p, a0 - p], [b0 - p, 1 - a0 - b0 + p]])  # noqa: E731
        obj_d = lambda p: (C[0, 0] - C[0, 1] - C[1, 0] + C[1, 1]) + eps * float(np.sum(np.log(Pm(p)) * np.array([[1, -1], [-1, 1]])))  # noqa: E731
        w = hi - lo
        return Pm(brentq(obj_d, lo + 1e-15 * w, hi - 1e-15 * w, xtol=1e-17, maxiter=500))

    ones = np.ones(2)
    C = rng.uniform(0, 2, size=(2, 2))
    eps = rng.uniform(0.3, 3)
    a, b = rng.dirichlet([2, 2]), rng.dirichlet([2, 2])
    K = np.exp(-C / eps)
    P = plan(C, eps, a, b)
    R = P / K
    u, v = R[:, 0], R[0, :] / R[0, 0]
    j, i = int(rng.integers(0, 2)), int(rng.integers(0, 2))
    Pr, f, g = rng.uniform(0.05, 1, size=(2, 2)), rng.normal(size=2), rng.normal(size=2)
    L = lambda Q: (float(np.sum(C * Q)) + eps * float(np.sum(Q * np.log(Q)))  # noqa: E731
                   - float(f @ (Q @ ones - a)) - float(g @ (Q.T @ ones - b)))
    Dst = C + eps * np.array([[d(lambda t: t * math.log(t), P[r, c]) for c in range(2)] for r in range(2)])
    gm = Dst[0, :]                                                 # multipliers making grad L vanish at the optimum
    fm = Dst[:, 0] - gm[0]
    gl = rng.normal(size=2)
    vl = np.exp(gl / eps)
    f_new = eps * np.log(a / (K @ vl))                             # the row update u = a / (K v), in logarithms
    C0, h = np.array([[0.0, math.log(2)], [math.log(3), 0.0]]), np.array([0.5, 0.5])
    K0 = np.exp(-C0)
    v0 = np.ones(2)
    u1 = h / (K0 @ v0)
    v1 = h / (K0.T @ u1)
    P1 = np.diag(u1) @ K0 @ np.diag(v1)
    P0 = plan(C0, 1.0, h, h)
    p = P0[0, 0]
    cr = lambda M: M[0, 0] * M[1, 1] / (M[0, 1] * M[1, 0])  # noqa: E731
    dC = C0[0, 0] + C0[1, 1] - C0[0, 1] - C0[1, 0]
    e = rng.uniform(0.2, 5)
    Pe = plan(C0, e, h, h)
    pe = Pe[0, 0]
    s6 = math.sqrt(6)
    return {
        "9.2": [P, np.diag(u) @ K @ np.diag(v)], "9.4": [P @ ones, u * (K @ v)], "9.5": [P.T @ ones, v * (K @ u)],
        "23": [(P.T @ ones)[j], sum(u[r] * K[r, j] * v[j] for r in range(2)), v[j] * (K.T @ u)[j]],
        "23.2": [P.T @ ones, v * (K.T @ u)],
        "31": [partial(L, Pr, (i, j)), C[i, j] + eps * math.log(Pr[i, j]) - f[i] - g[j]],
        "33": [np.log(P), (fm[:, None] + gm[None, :] - C) / eps],
        "33.2": [P, np.exp(fm / eps)[:, None] * np.exp(-C / eps) * np.exp(gm / eps)[None, :]],
        "33.3": [P, np.diag(u) @ K @ np.diag(v)],
        "37": [K0, np.array([[1, 1 / 2], [1 / 3, 1]])],
        "39.2": [K0 @ v0, np.array([3 / 2, 4 / 3])], "39.3": [u1, h / (K0 @ v0), np.array([1 / 3, 3 / 8])],
        "41": [K0.T @ u1, np.array([1 / 3 + 1 / 8, 1 / 6 + 3 / 8]), np.array([11 / 24, 13 / 24])],
        "41.2": [v1, h / (K0.T @ u1), np.array([12 / 11, 12 / 13])],
        "43.2": [P1 @ ones, np.array([74 / 143, 69 / 143])], "43.3": [K0 @ u1, np.array([25 / 48, 35 / 72])],
        "43.4": [h / (K0 @ u1), np.array([24 / 25, 36 / 35])],
        "47": [f_new, eps * np.log(a) - eps * np.log(np.exp((C - gl[None, :]) / eps).sum(axis=1))],
        "49": [K @ vl, np.exp(-C / eps) @ np.exp(gl / eps)],
        "51": [f_new, eps * np.log(a) - eps * np.log(np.exp((gl[None, :] - C) / eps).sum(axis=1))],
        "57": [cr(P0), cr(K0), math.exp(dC), 1 / 6],
        "59": [p / (1 / 2 - p), 1 / s6], "59.2": [p, 1 / (2 * (1 + s6))], "59.3": [float(np.sum(C0 * P0)), (1 / 2 - p) * math.log(6), s6 * math.log(6) / (2 * (1 + s6))],
        "61": [cr(K0), math.exp(-dC), 6], "63": [p / (1 / 2 - p), s6], "63.2": [p, s6 / (2 * (1 + s6))],
        "67": [pe, 6 ** (1 / (2 * e)) / (2 * (1 + 6 ** (1 / (2 * e))))],
        "67.2": [float(np.sum(C0 * Pe)), 2 * (1 / 2 - pe) * math.log(6)],
        "69": [plan(C0, 0.05, h, h)[0, 0], 1 / 2], "69.2": [plan(C0, 1e7, h, h)[0, 0], 1 / 4],
        "69.3": [plan(C0, 1e7, h, h), np.outer(h, h)],
        "69.4": [float(np.sum(C0 * np.outer(h, h))), (math.log(2) + math.log(3)) / 4],
        "69.5": [math.log(6), C0[0, 1] + C0[1, 0]],
        "69.6": [float(np.sum(C0 * Pe)), (1 / 2 - pe) * math.log(6)],
    }

@document("368_notes_brownian_bridge_covariance")
def _(rng):
    from scipy.integrate import dblquad, quad

    def brownian(times):
        """Brownian motion at the given times as linear combinations of independent increments: coef(t) and the
        covariance of two combinations (increment m has variance equal to the length of its interval)."""
        ts = sorted(set(times) | {0.0})
        gaps = np.diff(ts)
        coef = lambda t: np.array([1.0 if ts[m + 1] <= t + 1e-15 else 0.0 for m in range(len(gaps))])  # noqa: E731
        cov = lambda x, y: float(np.sum(x * y * gaps))  # noqa: E731
        return coef, cov

    s, t = np.sort(rng.uniform(0, 2, size=2))
    s2, t2 = rng.uniform(0, 2, size=2)
    B, cov = brownian([s, t, s2, t2])
    u, w = rng.uniform(0, 1, size=2)
    uu, ww = min(u, w), max(u, w)
    T = rng.uniform(0.2, 3)
    sT, tT = rng.uniform(0, T, size=2)
    q = [0.25, 0.5, 0.75]
    Bb, cb = brownian([u, w, 1.0, T, sT, tT, T / 2] + q)
    X = lambda t: Bb(t) - t * Bb(1.0)  # noqa: E731
    XT = lambda t: Bb(t) - t / T * Bb(T)  # noqa: E731
    corr = lambda x, y: cb(x, y) / math.sqrt(cb(x, x) * cb(y, y))  # noqa: E731
    S3 = np.array([[cb(Bb(x), Bb(y)) for y in (u, w, 1.0)] for x in (u, w, 1.0)])
    cond = S3[:2, :2] - S3[:2, 2:] @ np.linalg.inv(S3[2:, 2:]) @ S3[2:, :2]
    mn = lambda x, y: min(x, y)  # noqa: E731
    varA = quad(lambda r: (0.5 - r) ** 2, 0, 1)[0]                 # A = int_0^1 (1/2 - r) dB_r, by the Ito isometry
    dbl = lambda f: dblquad(lambda y, x: f(y, x), 0, 1, 0, lambda x: x, epsabs=1e-13)[0] + dblquad(lambda y, x: f(y, x), 0, 1, lambda x: x, 1, epsabs=1e-13)[0]  # noqa: E731
    k = int(rng.integers(1, 7))
    tk = rng.uniform(0, 1)
    ek = lambda r: math.sqrt(2) * math.sin(k * math.pi * r)  # noqa: E731
    kern = lambda r: (min(r, tk) - r * tk) * ek(r)  # noqa: E731
    N = 2_000_000
    return {
        "14": [cov(B(s), B(t)), cov(B(s), B(s) + (B(t) - B(s))), cov(B(s), B(s)) + cov(B(s), B(t) - B(s)), s],
        "18": [cov(B(s2), B(t2)), min(s2, t2)],
        "18.2": [cov(B(t2) - B(s2), B(t2) - B(s2)), t2 + s2 - 2 * min(s2, t2), abs(t2 - s2)],
        "27": [cb(X(u), X(w)), cb(Bb(u), Bb(w)) - w * cb(Bb(u), Bb(1.0)) - u * cb(Bb(1.0), Bb(w)) + u * w * cb(Bb(1.0), Bb(1.0)),
               mn(u, w) - w * u - u * w + u * w, mn(u, w) - u * w],
        "31": [cb(X(w), X(w)), w * (1 - w)],
        "33": [cb(X(ww) - X(uu), X(uu)), (uu - uu * ww) - uu * (1 - uu), -uu * ww],
        "37": [cond[0, 1], mn(u, w) - S3[0, 2] * S3[1, 2] / S3[2, 2], mn(u, w) - u * w],
        "43": [cb(XT(sT), XT(tT)), mn(sT, tT) - sT * tT / T**2], "45": [cb(XT(T / 2), XT(T / 2)), T / 2 - 1 / 4],
        "45.2": [tT / T * cb(Bb(sT), Bb(T)), tT * sT / T], "45.3": [sT * tT / T**2 * cb(Bb(T), Bb(T)), sT * tT / T],
        "47": [cb(XT(sT), XT(tT)), mn(sT, tT) - sT * tT / T], "47.2": [cb(XT(T / 2), XT(T / 2)), T / 4],
        "53": [cb(X(0.25), X(0.5)), 1 / 4 - 1 / 8, 1 / 8], "53.2": [cb(X(0.25), X(0.25)), 3 / 16],
        "53.3": [cb(X(0.5), X(0.5)), 1 / 4],
        "57": [corr(X(0.25), X(0.5)), (1 / 8) / math.sqrt(3 / 16 * 1 / 4), math.sqrt((1 / 8) / (3 / 8)), 1 / 3],
        "59": [corr(X(uu), X(ww)), math.sqrt(uu * (1 - ww) / (ww * (1 - uu)))],
        "59.2": [math.sqrt((1 / 4 * 1 / 2) / (1 / 2 * 3 / 4)), 1 / math.sqrt(3)],
        "59.3": [corr(X(0.25), X(0.5)) ** 2, 1 / 3],
        "63": [np.array([[cb(X(x), X(y)) for y in q] for x in q]), np.array([[3, 2, 0], [2, 4, 2], [0, 2, 3]]) / 16],
        "65": [cb(X(0.25), X(0.75)), 1 / 4 - 3 / 16, 1 / 16],
        "70": [varA, dbl(lambda y, x: min(x, y) - x * y)],
        "72": [dbl(lambda y, x: min(x, y)), quad(lambda x: x * x / 2, 0, 1)[0], 1 / 6],
        "72.2": [dbl(lambda y, x: x * y), 1 / 4], "72.3": [varA, 1 / 6 - 1 / 4, -1 / 12],
        "74": [quad(lambda r: min(r, tk), 0, 1, points=[tk])[0], tk**2 / 2 + tk * (1 - tk), tk - tk**2 / 2],
        "76": [1 / 2 - 1 / 6, 1 / 3], "76.2": [varA, 1 / 3 - 1 / 4, 1 / 12],
        "81": [quad(kern, 0, 1, points=[tk], epsabs=1e-13, limit=200)[0], ek(tk) / (k * math.pi)],
        "83": [d2(ek, tk), -(k * math.pi) ** 2 * ek(tk)],
        "85": [float(np.sum(1 / (np.arange(1, N + 1, dtype=float) ** 2 * math.pi**2))) + 1 / (N * math.pi**2), 1 / 6,
               quad(lambda r: r * (1 - r), 0, 1)[0]],
    }

@document("369_nb_nadaraya_watson_bandwidth_gradient")
def _(rng):
    n = int(rng.integers(3, 9))
    xs = np.arange(n) + rng.uniform(-0.2, 0.2, size=n)
    ys = rng.normal(size=n) * 2
    x, h = rng.uniform(-0.5, n - 0.5), rng.uniform(0.3, 2)
    i = int(rng.integers(0, n))
    K = lambda u, h: math.exp(-u * u / (2 * h * h))  # noqa: E731
    m = lambda x, h, xs=xs, ys=ys: sum(K(x - a, h) * b for a, b in zip(xs, ys)) / sum(K(x - a, h) for a in xs)  # noqa: E731
    W = lambda x, h: np.array([K(x - a, h) for a in xs]) / sum(K(x - a, h) for a in xs)  # noqa: E731
    u = x - xs
    w = W(x, h)
    mh = m(x, h)
    dlogK = np.array([d(lambda t: math.log(K(uj, t)), h) for uj in u])
    dw = np.array([d(lambda t: W(x, t)[j], h) for j in range(n)])
    uu = rng.normal() * 2
    x2, y2 = np.array([0.0, 1.0]), np.array([0.0, 1.0])
    m2 = lambda h: m(0.0, h, x2, y2)  # noqa: E731
    w2 = lambda h: K(-1.0, h) / (K(0.0, h) + K(-1.0, h))  # noqa: E731
    se = math.sqrt(math.e)

    def loo(h):
        return sum((ys[k] - m(xs[k], h, np.delete(xs, k), np.delete(ys, k))) ** 2 for k in range(n)) / n

    dloo = [d(lambda t: m(xs[k], t, np.delete(xs, k), np.delete(ys, k)), h) for k in range(n)]
    return {
        "1:5": [mh, sum(K(x - a, h) * b for a, b in zip(xs, ys)) / sum(K(x - a, h) for a in xs), float(w @ ys)],
        "3:5": [d(lambda t: K(uu, t), h), -uu**2 / h**3 * K(uu, h)], "3:5.2": [dlogK[i], -u[i] ** 2 / h**3],
        "3:9": [dw[i], w[i] * (dlogK[i] - float(w @ dlogK)), -w[i] / h**3 * (u[i] ** 2 - float(w @ u**2))],
        "3:13": [d(lambda t: m(x, t), h), float(ys @ dw), -(float(np.sum(w * ys * u**2)) - mh * float(w @ u**2)) / h**3],
        "5:3": [d(lambda t: -uu**2 / (2 * t * t), h), uu**2 / h**3], "5:5": [d(lambda t: K(uu, t), h), uu**2 / h**3 * K(uu, h)],
        "5:9": [d(lambda t: m(x, t), h), (float(np.sum(w * ys * u**2)) - mh * float(w @ u**2)) / h**3,
                float(np.sum(w * (ys - mh) * u**2)) / h**3],
        "5:13": [d(lambda t: m(t, h), x), -float(np.sum(w * (ys - mh) * u)) / h**2],
        "6:3.6": [0.0 - x2[0], 0], "6:3.7": [0.0 - x2[1], -1],
        "6:5": [m2(h), w2(h), math.exp(-1 / (2 * h * h)) / (1 + math.exp(-1 / (2 * h * h))), 1 / (1 + math.exp(1 / (2 * h * h)))],
        "6:5.2": [d(m2, h), w2(h) * (1 - w2(h)) / h**3],
        "6:7.2": [m2(1.0), 1 / (1 + math.e)], "6:7.3": [d(m2, 1.0), math.e / (1 + math.e) ** 2],
        "8:1.2": [1 / (2 * 1.0**2), 1 / 2], "8:1.3": [m2(1.0), 1 / (1 + se)], "8:1.4": [d(m2, 1.0), se / (1 + se) ** 2],
        "8:3": [m(x, 1e4), float(np.mean(ys))], "8:3.2": [m2(1e-3), 0], "8:3.3": [m2(1e4), 1 / 2],
        "8:13": [d(loo, h), -sum((ys[k] - m(xs[k], h, np.delete(xs, k), np.delete(ys, k))) * dloo[k] for k in range(n)) / n],
    }

@document("370_worksheet_logistic_map_fixed_points")
def _(rng):
    from numpy.polynomial import Polynomial
    from scipy.integrate import quad
    from scipy.optimize import brentq

    def logistic(r):
        f = lambda x: r * x * (1 - x)  # noqa: E731
        fixed = brentq(lambda x: f(x) - x, 1e-6, 1, xtol=1e-15)      # the fixed point other than 0 (r > 1)
        return f, fixed

    def cycle(r):
        """The two points of period two (r > 3): the roots of f(f(x)) - x other than the two fixed points."""
        p = Polynomial([0, r, -r])
        roots = (p(p) - Polynomial([0, 1])).roots()
        f, fixed = logistic(r)
        pts = sorted(z.real for z in roots if abs(z.imag) < 1e-9 and abs(z.real) > 1e-6 and abs(z.real - fixed) > 1e-6)
        return pts[1], pts[0]

    r, x = rng.uniform(1.1, 4), rng.uniform(0, 1)
    f, xs = logistic(r)
    f25, xs25 = logistic(2.5)
    f3, xs3 = logistic(3.0)
    _, xs2 = logistic(2.0)
    rc = rng.uniform(3.05, 4)
    fc, _ = logistic(rc)
    xp, xm = cycle(rc)
    mult = d(fc, xp) * d(fc, xm)
    th = rng.uniform(0, math.pi)
    f4, _ = logistic(4.0)
    q = lambda g, a, b, c: quad(g, a, c, limit=200)[0] + quad(g, c, b, limit=200)[0]  # noqa: E731
    lam = 2 / math.pi * q(lambda t: math.log(abs(4 * math.cos(2 * t))), 0, math.pi / 2, math.pi / 4)   # x = sin^2 t
    return {
        "11": [r * x * (1 - x) - x, x * (r - 1 - r * x)],
        "13": [xs, 1 - 1 / r, (r - 1) / r],
        "17": [d(f, x), r * (1 - x) - r * x, r * (1 - 2 * x)], "17.2": [d(f, 0.0), r],
        "19": [d(f, xs), r * (1 - 2 * (1 - 1 / r)), r * (-1 + 2 / r), r - 2],
        "21.2": [d(f3, xs3), 1], "21.4": [xs25, 3 / 5], "21.5": [d(f25, xs25), 1 / 2],
        "21.7": [f25(0.5) - xs25, 1 / 2 * (0.5 - xs25), -1 / 20],
        "23.3": [f25(1 / 2), 5 / 8], "23.4": [f25(f25(1 / 2)), 75 / 128],
        "23.5": [r * (-1 + 2 / r), 2 - r], "25": [d(f, xs), 2 - r], "25.2": [d(f25, xs25), -1 / 2],
        "27": [abs(2 - r), abs(r - 2)], "27.3": [d(f3, xs3), -1], "27.5": [xs2, 1 / 2],
        "31": [rc**2 * xp**2 - rc * (rc + 1) * xp + (rc - 1), 0],
        "33": [r**2 * (r + 1) ** 2 - 4 * r**2 * (r - 1), r**2 * (r**2 - 2 * r + 5)],
        "35": [np.array([rc**2 * z**2 - rc * (rc + 1) * z + (rc + 1) for z in (xp, xm)]), np.zeros(2)],
        "35.2": [np.array([xp, xm]), (rc + 1 + np.array([1, -1]) * math.sqrt((rc - 3) * (rc + 1))) / (2 * rc)],
        "37": [xp - xm, math.sqrt((rc - 3) * (rc + 1)) / (2 * rc)],
        "37.2": [xp + xm, (rc + 1) / rc], "37.3": [xp * xm, (rc + 1) / rc],
        "39": [mult, rc**2 * (1 - 2 * (xp + xm) + 4 * xp * xm), rc**2 - 2 * rc * (rc + 1) + 4 * rc * (rc + 1), 3 * rc**2 + 2 * rc],
        "41.2": [d(f3, xs3) ** 2, 1], "41.3": [xp * xm, (rc + 1) / rc**2],
        "43": [mult, rc**2 - 2 * rc * (rc + 1) + 4 * (rc + 1), -rc**2 + 2 * rc + 4],
        "45.3": [-256 / 25 + 32 / 5 + 4, 4 / 25],
        "49": [f4(math.sin(th) ** 2), 4 * math.sin(th) ** 2 * math.cos(th) ** 2, math.sin(2 * th) ** 2],
        "53": [lam, lam, math.log(4)],
        "57": [lam, q(lambda p: math.log(abs(4 * math.cos(p))), 0, math.pi, math.pi / 2) / math.pi,
               math.log(4) + q(lambda p: math.log(abs(math.cos(p))), 0, math.pi, math.pi / 2) / math.pi,
               math.log(4) - math.log(2), math.log(2)],
    }

@document("371_exam_dft_shift_conjugate_symmetry")
def _(rng):
    def dft(x):
        N = len(x)
        return np.array([sum(x[n] * np.exp(-2j * np.pi * k * n / N) for n in range(N)) for k in range(N)])

    N = int(rng.integers(2, 9))
    m = int(rng.integers(0, N))
    k = int(rng.integers(0, N))
    xc = rng.normal(size=N) + 1j * rng.normal(size=N)
    xr = rng.normal(size=N)
    X, Xr = dft(xc), dft(xr)
    y = np.array([xc[(n - m) % N] for n in range(N)])
    Y = dft(y)
    x4 = np.array([1.0, 2, 0, -1])
    X4 = dft(x4)
    y4 = np.array([x4[(n - 1) % 4] for n in range(4)])
    Y4 = dft(y4)
    inv = lambda n: sum(X4[q] * np.exp(2j * np.pi * q * n / 4) for q in range(4)) / 4  # noqa: E731
    I = 1j
    ri = lambda z: np.stack([np.real(np.asarray(z, dtype=complex)), np.imag(np.asarray(z, dtype=complex))])  # noqa: E731   a complex term as (re, im)
    terms = {
        "9.2": [Xr[(N - k) % N], np.conj(Xr[k])],
        "15": [Y[k], sum(xc[(n - m) % N] * np.exp(-2j * np.pi * k * n / N) for n in range(N)),
               sum(xc[j] * np.exp(-2j * np.pi * k * (j + m) / N) for j in range(N)), np.exp(2j * np.pi * k * m / N) * X[k]],
        "17": [abs(Y[k]), abs(X[k])], "17.3": [Y4[1], I * X4[1]],
        "21": [Xr[(N - k) % N], sum(xr[n] * np.exp(-2j * np.pi * (N - k) * n / N) for n in range(N)),
               sum(xr[n] * np.exp(2j * np.pi * k * n / N) for n in range(N)), np.conj(Xr[k])],
        "23": [Xr[0], xr.sum() / N],
        "25": [X4, np.array([sum(x4[n] * (-I) ** (q * n) for n in range(4)) for q in range(4)])],
        "28": [X4[0], 2], "29": [X4[1], 1 + 2 * (-I) + 0 * (-1) + (-1) * I, 1 - 3 * I],
        "30": [X4[2], 1 - 2 + 0 - 1, -2], "33": [X4[3], np.conj(X4[1]), 1 + 3 * I], "33.2": [float(np.sum(np.abs(x4) ** 2)), 6],
        "35": [float(np.sum(np.abs(X4) ** 2)) / 4, (4 + 10 + 4 + 10) / 4, 7],
        "37": [X4[2], sum(x4[n] * (-1) ** n for n in range(4))], "37.2": [(-1) * (-1) ** 3, 1],
        "37.3": [X4[2], 1 - 2 + 0 + 1, 0], "39": [float(np.sum(np.abs(X4) ** 2)) / 4, (4 + 10 + 0 + 10) / 4, 6],
        "42": [y4, np.array([x4[3], x4[0], x4[1], x4[2]]), np.array([-1, 1, 2, 0])],
        "42.2": [Y4[1], np.exp(2j * np.pi / 4) * X4[1], I * (1 - 3 * I), 3 + I],
        "42.3": [Y4[3], np.exp(6j * np.pi / 4) * X4[3], -I * (1 + 3 * I), 3 - I],
        "44": [Y4[1], -1 + 1 * (-I) + 2 * (-1) + 0 * I, -3 - I],
        "46": [np.exp(-2j * np.pi * k * (3 + m) / N), np.exp(-2j * np.pi * k * 3 / N) * np.exp(-2j * np.pi * k * m / N)],
        "46.2": [Y[k], np.exp(-2j * np.pi * k * m / N) * X[k]],
        "46.3": [Y4[1], -I * (1 - 3 * I), -3 - I], "46.4": [Y4[3], np.conj(Y4[1]), -3 + I], "46.5": [abs(Y4[1]), math.sqrt(10)],
        "48": [xc[k], sum(X[q] * np.exp(2j * np.pi * q * k / N) for q in range(N)) / N],
        "48.2": [inv(0), (2 + (1 - 3 * I) + 0 + (1 + 3 * I)) / 4, 1],
        "50": [inv(1), (2 + (1 - 3 * I) * I + 0 + (1 + 3 * I) * (-I)) / 4, (2 + (3 + I) + (-3 - I)) / 4, 1 / 2],
        "52": [(1 + 3 * I) * (-I), 3 - I], "52.2": [inv(1), (2 + 3 + I + 3 - I) / 4, 2],
    }
    return {chain: [ri(z) for z in values] for chain, values in terms.items()}

@document("372_solution_key_gamma_method_of_moments")
def _(rng):
    from scipy.integrate import quad

    def integral(s, b, g=lambda x: 1.0):
        """int_0^inf g(x) x^(s - 1) e^(-b x) dx (the power as the quadrature's algebraic weight on (0, 1))."""
        return (quad(lambda x: g(x) * math.exp(-b * x), 0, 1, weight="alg", wvar=(s - 1, 0), epsabs=1e-14, epsrel=1e-12)[0]
                + quad(lambda x: g(x) * x ** (s - 1) * math.exp(-b * x), 1, np.inf, epsabs=1e-14, epsrel=1e-12, limit=200)[0])

    def mom(m, v):
        """The (alpha, beta) whose Gamma law has mean m and variance v: the moment equations are linear in the logarithms."""
        p = np.linalg.solve(np.array([[1.0, -1.0], [1.0, -2.0]]), [math.log(m), math.log(v)])  # log(alpha/beta), log(alpha/beta^2)
        return math.exp(p[0]), math.exp(p[1])

    al, be = rng.uniform(0.3, 6), rng.uniform(0.2, 4)
    c = be**al / math.gamma(al)
    EX, EX2 = c * integral(al + 1, be), c * integral(al + 2, be)
    s, b = rng.uniform(0.3, 5), rng.uniform(0.2, 4)
    t = be * rng.uniform(-2, 0.8)
    n = int(rng.integers(5, 21))
    xs = rng.gamma(rng.uniform(0.5, 5), rng.uniform(0.2, 3), size=n)
    xb, v = xs.mean(), float(np.mean((xs - xs.mean()) ** 2))
    ah, bh = mom(xb, v)
    data = np.array([2.0, 4, 3, 7, 4])
    a5, b5 = mom(data.mean(), float(np.var(data)))
    at5, bt5 = mom(data.mean(), float(np.var(data, ddof=1)))
    return {
        "13": [integral(s, b), math.gamma(s) / b**s],
        "15": [EX, c * math.gamma(al + 1) / be ** (al + 1), al / be],
        "15.2": [EX2, math.gamma(al + 2) / (be**2 * math.gamma(al)), al * (al + 1) / be**2],
        "19": [EX2 - EX**2, EX2 - EX**2, al * (al + 1) / be**2 - al**2 / be**2, al / be**2],
        "21": [c * integral(al, be - t), (1 - t / be) ** (-al)],
        "21.2": [EX, al / be], "21.3": [EX2, al**2 / be**2],                      # M'(0) = E[X], M''(0) = E[X^2]
        "21.4": [EX2 - EX**2, EX2 - EX**2, 0], "21.5": [EX2, al * (al + 1) / be**2],
        "27": [v / xb, bh], "29": [bh, v / xb], "29.2": [ah, xb * bh, v],
        "32": [data.mean(), (2 + 4 + 3 + 7 + 4) / 5, 4],
        "34": [float(np.var(data)), ((2 - 4) ** 2 + 0 + (3 - 4) ** 2 + (7 - 4) ** 2 + 0) / 5, 14 / 5],
        "36": [b5, (14 / 5) / 4, 7 / 10], "36.2": [a5, 14 / 5], "36.3": [(14 / 5) / (7 / 10), 4],
        "36.4": [(14 / 5) / (7 / 10) ** 2, 40 / 7], "36.5": [(al / be**2) / (al / be), 1 / be],
        "38": [bh, xb / v], "38.2": [ah, xb**2 / v],
        "42": [b5, 4 / (14 / 5), 10 / 7], "42.2": [a5, 16 / (14 / 5), 40 / 7], "44": [(40 / 7) / (10 / 7) ** 2, 14 / 5],
        "46": [at5, 32 / 7], "46.2": [bt5, 8 / 7], "46.3": [at5, data.mean() ** 2 / float(np.var(data, ddof=1)), 16 / (14 / 5)],
    }

@document("373_office_hours_se_kernel_gradient")
def _(rng):
    def k(x, xp, l, s):
        return s * s * math.exp(-float(np.sum((x - xp) ** 2)) / (2 * l * l))

    def mixed(x, xp, l, s, h=1e-4):
        """d^2 k / dx_i dx'_j by a four-point central difference."""
        dim = len(x)
        e = np.eye(dim)
        return np.array([[(k(x + h * e[i], xp + h * e[j], l, s) - k(x + h * e[i], xp - h * e[j], l, s)
                           - k(x - h * e[i], xp + h * e[j], l, s) + k(x - h * e[i], xp - h * e[j], l, s)) / (4 * h * h)
                          for j in range(dim)] for i in range(dim)])

    dim = int(rng.integers(1, 5))
    x, xp = rng.normal(size=dim), rng.normal(size=dim)
    l, s = rng.uniform(0.4, 3), rng.uniform(0.3, 3)
    r = x - xp
    r2 = float(r @ r)
    kv = k(x, xp, l, s)
    gx = grad(lambda z: k(z, xp, l, s), x)
    dl = d(lambda t: k(x, xp, t, s), l)
    th = math.log(l)
    dth = d(lambda t: k(x, xp, math.exp(t), s), th)
    I = np.eye(dim)
    x1, x0 = np.array([1.0, 1.0]), np.zeros(2)
    e4 = math.exp(-1 / 4)
    n = int(rng.integers(3, 8))
    X = rng.normal(size=(n, dim))
    y, sn = rng.normal(size=n), rng.uniform(0.1, 1)
    Kf = lambda t: np.array([[k(a, b, t, s) for b in X] for a in X]) + sn * np.eye(n)  # noqa: E731
    logp = lambda t: float(-0.5 * y @ np.linalg.solve(Kf(t), y) - 0.5 * np.linalg.slogdet(Kf(t))[1] - n / 2 * math.log(2 * math.pi))  # noqa: E731
    K = Kf(l)
    Ki = np.linalg.inv(K)
    al = Ki @ y
    dK = d(Kf, l)
    return {
        "11": [gx, r / l**2 * kv], "11.2": [dl, -r2 / l**3 * kv],
        "15.2": [grad(lambda z: float(np.sum((z - xp) ** 2)), x), 2 * r],
        "17": [gx, -1 / (2 * l * l) * 2 * r * kv, -r / l**2 * kv],
        "19": [d(lambda t: -r2 / (2 * t * t), l), r2 / l**3],
        "21": [dl, r2 / l**3 * kv], "23": [d(lambda t: k(x, xp, l, t), s), 2 * kv / s],
        "25.2": [dth, dl / l, r2 / l**4 * kv], "27.2": [d(math.exp, th), l],
        "29": [dth, l * dl, r2 / l**2 * kv], "31": [d(lambda q: k(x, xp, l, math.exp(q)), math.log(s)), 2 * kv],
        "35": [mixed(x, xp, l, s), -kv / l**2 * (I - np.outer(r, r) / l**2)],
        "38": [jac(lambda z: x - z, xp), -I],
        "40": [mixed(x, xp, l, s), kv / l**2 * (I - np.outer(r, r) / l**2)],
        "44.6": [float(np.sum((x1 - x0) ** 2)), 2],
        "46": [k(x1, x0, 2.0, 3.0), 9 * math.exp(-2 / 8), 9 * e4],
        "46.2": [grad(lambda z: k(z, x0, 2.0, 3.0), x1), -9 / 4 * e4 * np.ones(2)],
        "49": [d(lambda t: k(x1, x0, t, 3.0), 2.0), 2 / 8 * 9 * e4, 9 / 8 * e4],
        "49.2": [d(lambda t: k(x1, x0, 2.0, t), 3.0), 2 * k(x1, x0, 2.0, 3.0), 18 * e4],
        "52": [2 / 8 * 9, 9 / 4], "52.2": [d(lambda t: k(x1, x0, t, 3.0), 2.0), 9 / 4 * e4],
        "52.3": [2 * k(x1, x0, 2.0, 3.0) / 3.0, 6 * e4],
        "56": [d(logp, l), 0.5 * al @ dK @ al + 0.5 * np.trace(Ki @ dK)],
        "59": [d(lambda t: np.linalg.slogdet(Kf(t))[1], l), np.trace(Ki @ dK)],
        "61": [d(logp, l), 0.5 * al @ dK @ al - 0.5 * np.trace(Ki @ dK), 0.5 * np.trace((np.outer(al, al) - Ki) @ dK)],
    }

@document("374_appendix_log_barrier_simplex_newton")
def _(rng):
    f = lambda x: -float(np.sum(np.log(x)))  # noqa: E731

    def newton(x):
        """The gradient, the Hessian (by differences) and the equality-constrained Newton step from the KKT system."""
        m = len(x)
        g = grad(f, x)
        H = np.array([[d2r(lambda t: f(x + t * np.eye(m)[i]), 0.0, h=1e-3 * x[i]) if i == j else partial2(f, x, i, j)
                       for j in range(m)] for i in range(m)])
        kkt = np.block([[H, np.ones((m, 1))], [np.ones((1, m)), np.zeros((1, 1))]])
        sol = np.linalg.solve(kkt, np.concatenate([-g, [0.0]]))
        return g, H, sol[:m], sol[m]

    n = int(rng.integers(2, 7))
    x = rng.dirichlet(np.full(n, 5.0))
    g, H, dx, nu = newton(x)
    Hi, one = np.linalg.inv(H), np.ones(n)
    S = float(np.sum(x**2))
    x3 = np.array([0.5, 0.25, 0.25])
    g3, H3, dx3, nu3 = newton(x3)
    S3 = float(np.sum(x3**2))
    Z = np.array([[1.0, 0], [-1, 1], [0, -1]])
    w = np.linalg.lstsq(Z, dx3, rcond=None)[0]
    lam2 = float(dx @ H @ dx)
    return {
        "15": [g, -1 / x], "15.2": [H, np.diag(1 / x**2)],
        "24": [dx, -Hi @ (g + nu * one)], "24.2": [float(one @ dx), 0],
        "26": [nu, (one @ Hi @ g) / (one @ Hi @ one)],
        "28": [Hi, np.diag(x**2)], "28.2": [Hi @ g, -x], "30": [one @ Hi @ g, -x.sum(), -1], "31": [one @ Hi @ one, S],
        "33.2": [nu, -1 / S], "35": [dx, -x**2 * (-1 / x - 1 / S), x + x**2 / S],
        "39.2": [S3, 1 / 4 + 1 / 16 + 1 / 16, 3 / 8],
        "41": [dx3, np.array([1 / 2 + 2 / 3, 1 / 4 + 1 / 6, 1 / 4 + 1 / 6]), np.array([7 / 6, 5 / 12, 5 / 12])],
        "43": [x3 + dx3, np.array([5 / 3, 2 / 3, 2 / 3])],
        "43.2": [float(np.sum(dx3)), 2], "43.3": [float(one @ dx), 0], "43.4": [one @ Hi @ g + nu * (one @ Hi @ one), 0],
        "45": [nu, -(one @ Hi @ g) / (one @ Hi @ one), 1 / S], "45.2": [dx, x - x**2 / S],
        "49": [dx3, np.array([1 / 2 - 2 / 3, 1 / 4 - 1 / 6, 1 / 4 - 1 / 6]), np.array([-1 / 6, 1 / 12, 1 / 12])],
        "51": [x3 + dx3, np.full(3, 1 / 3)],
        "58": [dx3, Z @ w], "58.2": [Z.T @ H3 @ Z @ w, -Z.T @ g3], "58.3": [H3, np.diag([4.0, 16, 16])],
        "58.4": [g3, -np.array([2.0, 4, 4])],
        "60": [Z.T @ H3 @ Z, np.array([[20, -16], [-16, 16]])], "60.2": [-Z.T @ g3, np.array([-2, 0])],
        "62": [w, np.array([-1 / 2, -1 / 2])], "62.2": [Z @ w, np.array([-1 / 2, 0, 1 / 2])], "62.3": [H3[1, 1] + H3[2, 2], 32],
        "64": [Z.T @ H3 @ Z, np.array([[20, -16], [-16, 32]])], "64.2": [w, np.array([-1 / 6, -1 / 12])],
        "64.3": [Z @ w, np.array([-1 / 6, 1 / 12, 1 / 12])],
        "69": [dx / x, 1 - x / S],
        "71": [lam2, lam2, float(np.sum((1 - x / S) ** 2)), n - 2 / S + 1 / S, n - 1 / S],
        "73": [float(dx3 @ H3 @ dx3), 3 - 8 / 3, 1 / 3], "73.3": [float(np.sum(np.full(n, 1 / n) ** 2)), 1 / n],
    }

@document("375_reading_group_highway_layer_jacobian")
def _(rng):
    n = int(rng.integers(2, 6))
    WH, WT = rng.normal(size=(n, n)), rng.normal(size=(n, n))
    bH, bT, x = rng.normal(size=n), rng.normal(size=n), rng.normal(size=n)
    Hf = lambda v, bT=bT: np.tanh(WH @ v + bH)  # noqa: E731
    Tf = lambda v, bT=bT: sig(WT @ v + bT)  # noqa: E731
    yf = lambda v, bT=bT: Tf(v, bT) * Hf(v) + (1 - Tf(v, bT)) * v  # noqa: E731
    H, T = Hf(x), Tf(x)
    JH, JT, Jy = jac(Hf, x), jac(Tf, x), jac(yf, x)
    D = np.diag
    i, j = int(rng.integers(0, n)), int(rng.integers(0, n))
    z, a = rng.normal() * 3, rng.normal() * 2
    wH, wT, bh, bt, xs = rng.normal(size=5)
    y1 = lambda v: sig(wT * v + bt) * math.tanh(wH * v + bh) + (1 - sig(wT * v + bt)) * v  # noqa: E731
    Ts, hs = sig(wT * xs + bt), math.tanh(wH * xs + bh)
    yo = lambda v: sig(v) * math.tanh(v) + (1 - sig(v)) * v  # noqa: E731   unit weights, zero biases
    W2 = np.array([[1.0, 2], [0, 1]])
    y2 = lambda v: sig(np.zeros(2)) * np.tanh(W2 @ v) + (1 - sig(np.zeros(2))) * v  # noqa: E731
    c = rng.normal(size=n)
    L = lambda v: float(c @ yf(v) + 0.5 * yf(v) @ yf(v))  # noqa: E731
    yv = yf(x)
    return {
        "15.3": [d(sig, z), sig(z) * (1 - sig(z))], "15.4": [d(math.tanh, a), 1 - math.tanh(a) ** 2],
        "17": [JH, JH, D(1 - H * H) @ WH], "17.2": [JT, JT, WT @ D(T * (1 - T))],
        "21": [Jy, Jy, D(T) @ JH + D(H) @ JT + D(1 - T)],
        "25": [Jy[i, j], T[i] * (1 - H[i] ** 2) * WH[i, j] + H[i] * WT[i, j] * T[j] * (1 - T[j]) + (1 - T[i]) * delta(i, j)],
        "27": [jac(lambda b: yf(x, b), bT), D(H * T * (1 - T))],
        "33": [d(y1, xs), Ts * (1 - hs**2) * wH + (hs - xs) * Ts * (1 - Ts) * wT + (1 - Ts)],
        "37": [JT, D(T * (1 - T)) @ WT],
        "41": [Jy, D(T) @ D(1 - H * H) @ WH + D((H - x) * T * (1 - T)) @ WT + D(1 - T)],
        "44": [Jy[i, j], T[i] * (1 - H[i] ** 2) * WH[i, j] + (H[i] - x[i]) * T[i] * (1 - T[i]) * WT[i, j] + (1 - T[i]) * delta(i, j)],
        "46": [jac(lambda b: yf(x, b), bT), D((H - x) * T * (1 - T))],
        "50": [sig(0.0), 1 / 2], "50.2": [math.tanh(0.0), 0], "50.3": [yo(0.0), 0],
        "52": [d(yo, 0.0), 1 / 2 * 1 * 1 + (0 - 0) * 1 / 4 + 1 / 2, 1],
        "55.3": [sig(np.zeros(2)), np.array([1 / 2, 1 / 2])], "55.4": [jac(lambda v: sig(0 * v), np.zeros(2)), np.zeros((2, 2))],
        "55.8": [np.tanh(W2 @ np.zeros(2)), np.zeros(2)],
        "57": [jac(y2, np.zeros(2)), W2 / 2 + np.eye(2) / 2, np.array([[1, 1], [0, 1]])],
        "62": [sig(-2.0), 1 / (1 + math.exp(-2))], "62.2": [1 - sig(-2.0), math.exp(-2) / (1 + math.exp(-2))], "62.3": [sig(-2.0), 1 / (1 + math.exp(2))],
        "62.4": [grad(L, x), Jy @ (c + yv)],
    }

@document("390_hw_class_weighted_softmax_regression")
def _(rng):
    dd, K = int(rng.integers(1, 5)), int(rng.integers(2, 5))
    N = int(rng.integers(K, 10))
    W, X = rng.normal(size=(K, dd)), rng.normal(size=(N, dd))
    y = rng.permutation(np.concatenate([np.arange(K), rng.integers(0, K, size=N - K)]))   # every class present
    c = rng.uniform(0.2, 3, size=K)
    Z = X @ W.T
    P = np.array([softmax(z) for z in Z])
    Y = np.eye(K)[y]
    C = np.diag(c[y])
    L = lambda W: -sum(c[y[i]] * math.log(softmax(W @ X[i])[y[i]]) for i in range(N))  # noqa: E731
    i, k, l, yy = int(rng.integers(0, N)), int(rng.integers(0, K)), int(rng.integers(0, dd)), int(rng.integers(0, K))
    li = lambda z: -c[y[i]] * math.log(softmax(z)[y[i]])  # noqa: E731
    dli = partial(li, Z[i], k)
    G = grad(L, W)
    Nk = np.bincount(y, minlength=K)
    cb = N / (K * Nk)
    Lu = sum(cb[y[j]] * math.log(K) for j in range(N))
    gz = np.array([3 * (0.5 - 0), 3 * (0.25 - 1), 3 * (0.25 - 0)])
    x2 = np.array([2.0, -1])
    pz = softmax(np.array([math.log(2), 0, 0]))
    return {
        "14": [L(W), -sum(c[y[j]] * math.log(P[j, y[j]]) for j in range(N)), sum(c[y[j]] * (lse(Z[j]) - Z[j, y[j]]) for j in range(N))],
        "19.2": [partial(lambda z: math.log(softmax(z)[yy]), Z[i], k), delta(k, yy) - P[i, k]],
        "22": [dli, -c[y[i]] * (delta(k, y[i]) - P[i, k]), c[y[i]] * (P[i, k] - delta(k, y[i]))],
        "25": [dli, c[k] * (P[i, k] - delta(k, y[i]))],
        "25.2": [grad(li, Z[i]), c[y[i]] * (P[i] - Y[i])],
        "28": [sum(partial(li, Z[i], q) for q in range(K)), c[y[i]] * (P[i].sum() - 1), 0],
        "33": [Z[i, k], W[k] @ X[i]],
        "33.2": [partial(lambda M: (M @ X[i])[k], W, (k, l)), X[i, l]],
        "36": [G[k, l], sum(partial(lambda z: -c[y[j]] * math.log(softmax(z)[y[j]]), Z[j], k) * X[j, l] for j in range(N)),
               sum(c[y[j]] * (P[j, k] - delta(k, y[j])) * X[j, l] for j in range(N))],
        "42": [G, sum(c[y[j]] * np.outer(P[j] - Y[j], X[j]) for j in range(N)), X.T @ C @ (P - Y)],
        "45": [G, (P - Y).T @ C @ X], "45.2": [np.ones(K) @ G, np.zeros(dd)],
        "58": [sum(cb[y[j]] for j in range(N)), sum(Nk[q] * cb[q] for q in range(K)), sum(N / K for q in range(K)), N],
        "61": [Lu, N * math.log(K)],
        "61.4": [100 / (2 * 80), 100 / 160, 0.625], "61.5": [100 / (2 * 20), 100 / 40, 2.5], "61.6": [80 * 0.625 + 20 * 2.5, 100],
        "68": [pz, np.array([2 / 4, 1 / 4, 1 / 4]), np.array([1 / 2, 1 / 4, 1 / 4])],
        "68.2": [-3 * math.log(pz[1]), -3 * math.log(1 / 4), 6 * math.log(2)],
        "74": [grad(lambda z: -3 * math.log(softmax(z)[1]), np.array([math.log(2), 0, 0])), 3 * np.array([1 / 2, -3 / 4, 1 / 4]), np.array([3 / 2, -9 / 4, 3 / 4])],
        "80": [grad(lambda M: -3 * math.log(softmax(M @ x2)[1]), np.array([[math.log(2) / 2, 0], [0, 0], [0, 0]])), np.outer(gz, x2),
               np.array([[3, -3 / 2], [-9 / 2, -9 / 4], [3 / 2, -3 / 4]])],
    }

@document("391_lecture_woodbury_identity")
def _(rng):
    inv, det = np.linalg.inv, np.linalg.det
    n, k = int(rng.integers(2, 6)), int(rng.integers(1, 4))
    A = rng.normal(size=(n, n)) + n * np.eye(n)
    C = rng.normal(size=(k, k)) + k * np.eye(k)
    U, V = rng.normal(size=(n, k)) * 0.5, rng.normal(size=(k, n)) * 0.5
    Ai = inv(A)
    B = inv(C) + V @ Ai @ U
    Bi = inv(B)
    I = np.eye(n)
    u, v, c = rng.normal(size=n), rng.normal(size=n), rng.choice([-1, 1]) * rng.uniform(0.2, 2)
    A2, u2 = np.diag([2.0, 4]), np.ones(2)
    m, dd, lam = int(rng.integers(1, 6)), int(rng.integers(1, 6)), rng.uniform(0.1, 3)
    X = rng.normal(size=(m, dd))
    Id, Im = np.eye(dd), np.eye(m)
    a, b, nn = rng.choice([-1, 1]) * rng.uniform(0.3, 3), rng.normal(), int(rng.integers(1, 7))
    one = np.ones((nn, 1))
    o3 = np.ones((3, 1))
    return {
        "16": [inv(A + U @ C @ V), Ai - Ai @ U @ Bi @ V @ Ai],
        "23": [(A + U @ C @ V) @ (Ai - Ai @ U @ Bi @ V @ Ai), I + U @ C @ V @ Ai - U @ Bi @ V @ Ai - U @ C @ V @ Ai @ U @ Bi @ V @ Ai,
               I + U @ C @ V @ Ai - U @ (np.eye(k) + C @ V @ Ai @ U) @ Bi @ V @ Ai, I + U @ C @ V @ Ai - U @ C @ (inv(C) + V @ Ai @ U) @ Bi @ V @ Ai,
               I + U @ C @ V @ Ai - U @ C @ V @ Ai, I],
        "31.5": [1 / c + v @ Ai @ u, 1 / c + v @ Ai @ u],
        "33": [inv(A + c * np.outer(u, v)), Ai - c * Ai @ np.outer(u, v) @ Ai / (1 + c * v @ Ai @ u)],
        "37": [inv(A + np.outer(u, v)), Ai - Ai @ np.outer(u, v) @ Ai / (1 - v @ Ai @ u)],
        "41": [det(A + np.outer(u, v)), (1 + v @ Ai @ u) * det(A)],
        "43": [det(A + U @ C @ V), det(B) * det(C) * det(A)],
        "49": [inv(A2) @ u2, np.array([1 / 2, 1 / 4])], "49.2": [u2 @ inv(A2) @ u2, 1 / 2 + 1 / 4, 3 / 4],
        "51": [inv(A2 + np.outer(u2, u2)), np.diag([1 / 2, 1 / 4]) - 4 / 7 * np.array([[1 / 4, 1 / 8], [1 / 8, 1 / 16]]),
               np.array([[5 / 14, -1 / 14], [-1 / 14, 3 / 14]]), np.array([[5, -1], [-1, 3]]) / 14],
        "55": [A2 + np.outer(u2, u2), np.array([[3, 1], [1, 5]])], "55.2": [15 - 1, 14],
        "55.3": [det(A2 + np.outer(u2, u2)), 7 / 4 * 8, 14],
        "59": [inv(a * np.eye(nn) + b * one @ one.T), (np.eye(nn) - b / (a + nn * b) * one @ one.T) / a],
        "63": [inv(2 * np.eye(3) + o3 @ o3.T), np.eye(3) / 2 - (1 / 4) / (1 + 3 / 2) * o3 @ o3.T, np.eye(3) / 2 - o3 @ o3.T / 5],
        "68": [inv(lam * Id + X.T @ X), Id / lam - X.T @ inv(Im + X @ X.T / lam) @ X / lam**2, Id / lam - X.T @ inv(lam * Im + X @ X.T) @ X],
        "74": [inv(lam * Id + X.T @ X) @ X.T, X.T @ inv(lam * Im + X @ X.T)],
    }

@document("392_nb_ridge_leave_one_out")
def _(rng):
    n, dd = int(rng.integers(3, 9)), int(rng.integers(1, 5))
    X, y, lam = rng.normal(size=(n, dd)), rng.normal(size=n), rng.uniform(0.1, 3)
    J = lambda w: float(np.sum((y - X @ w) ** 2) + lam * w @ w)  # noqa: E731
    w = rng.normal(size=dd)
    A = X.T @ X + lam * np.eye(dd)
    Ai = np.linalg.inv(A)
    wh = Ai @ X.T @ y
    H = X @ Ai @ X.T
    yh = X @ wh
    i = int(rng.integers(0, n))
    x, h = X[i], H[i, i]
    keep = np.arange(n) != i
    Am = X[keep].T @ X[keep] + lam * np.eye(dd)
    bm = X[keep].T @ y[keep]
    wm = np.linalg.solve(Am, bm)
    loo = np.mean([(y[j] - X[j] @ np.linalg.solve(X[np.arange(n) != j].T @ X[np.arange(n) != j] + lam * np.eye(dd), X[np.arange(n) != j].T @ y[np.arange(n) != j])) ** 2 for j in range(n)])
    s = np.linalg.svd(X, compute_uv=False)
    s = np.concatenate([s, np.zeros(dd - len(s))])
    x1, y1, l1 = np.array([[1.0], [2], [3]]), np.array([1.0, 2, 2]), 1.0
    A1 = x1.T @ x1 + l1
    w1 = np.linalg.solve(A1, x1.T @ y1)[0]
    H1 = x1 @ np.linalg.inv(A1) @ x1.T
    yh1 = x1[:, 0] * w1
    r1 = y1 - yh1
    loo1 = [(y1[j] - x1[j, 0] * np.sum(np.delete(x1[:, 0] * y1, j)) / (np.sum(np.delete(x1[:, 0] ** 2, j)) + l1)) for j in range(3)]
    return {
        "1:9": [grad(J, w), -2 * X.T @ (y - X @ w) + lam * w],
        "1:9.2": [np.array([[partial2(J, w, a, b) for b in range(dd)] for a in range(dd)]), 2 * A],
        "1:11": [A @ wh, X.T @ y],
        "1:13": [wh, Ai @ X.T @ y],
        "1:13.2": [yh, X @ wh, H @ y],
        "1:15.2": [H[i, i], x @ Ai @ x],
        "3:3": [Am, A - np.outer(x, x)], "3:3.2": [bm, X.T @ y - y[i] * x],
        "3:5": [np.linalg.inv(Am), Ai + Ai @ np.outer(x, x) @ Ai / (1 - h)],
        "3:9": [x @ np.linalg.inv(Am), x @ Ai + h * x @ Ai / (1 - h), x @ Ai / (1 - h)],
        "3:13": [x @ wm, x @ Ai @ (X.T @ y - y[i] * x) / (1 - h), (yh[i] - h * y[i]) / (1 - h)],
        "3:17": [y[i] - x @ wm, (y[i] - yh[i]) / (1 - h)],
        "3:21": [loo, np.mean(((y - yh) / (1 - np.diag(H))) ** 2)],
        "5:3": [np.trace(H), np.trace(H), dd],
        "5:5": [np.trace(H), np.trace(Ai @ X.T @ X), dd - lam * np.trace(Ai), np.sum(s**2 / (s**2 + lam))],
        "6:3.4": [(x1.T @ x1)[0, 0], 1 + 4 + 9, 14], "6:3.5": [(x1.T @ y1)[0], 1 + 4 + 6, 11],
        "6:5": [w1, 11 / 14, 11 / 14],
        "8:1": [A1[0, 0], 14 + 1, 15], "8:1.2": [w1, 11 / 15], "8:1.3": [yh1, np.array([11, 22, 33]) / 15],
        "8:3": [r1, np.array([4, 8, -3]) / 15], "8:5": [np.diag(H1), np.array([1, 4, 9]) / 15],
        "8:7": [(4 / 15) / (14 / 15), 2 / 7], "8:7.2": [(8 / 15) / (11 / 15), 8 / 11], "8:7.3": [(-3 / 15) / (6 / 15), -1 / 2],
        "8:9": [1 + 4 + 1, 1 + 4 + 1, 6], "8:9.2": [1 * 1 + 2 * 2, 5], "8:9.3": [3 * 5 / 6, 5 / 2], "8:9.4": [2 - 5 / 2, -1 / 2],
        "8:9.5": [np.trace(H1), 14 / 15],
    }

@document("393_forum_babylonian_sqrt_error")
def _(rng):
    a = rng.uniform(0.1, 10)
    x0 = rng.uniform(0.05, 5) * math.sqrt(a)
    k = int(rng.integers(0, 4))
    bab = lambda x, a=a: 0.5 * (x + a / x)  # noqa: E731
    xs = [x0]
    for _ in range(6):
        xs.append(bab(xs[-1]))
    x, x1 = xs[k], xs[k + 1]
    ra = math.sqrt(a)
    e, e1 = x - ra, x1 - ra
    eps, eps1 = e / ra, e1 / ra
    r = lambda x: x * x - a  # noqa: E731
    y = rng.uniform(0.5, 1.5) / ra                                  # an inverse-square-root iterate near 1/sqrt(a)
    g = lambda t: t**-2 - a  # noqa: E731
    y1 = y - g(y) / d(g, y)
    dl, dl1 = ra * y - 1, ra * y1 - 1
    rho = lambda x: (x - ra) / (x + ra)  # noqa: E731
    b = [1.0]
    for _ in range(3):
        b.append(bab(b[-1], 2.0))
    rb = lambda x: (x - math.sqrt(2)) / (x + math.sqrt(2))  # noqa: E731
    s2 = math.sqrt(2)
    return {
        "11.2": [e1, e * e / (2 * ra)],
        "22": [x1, x - (x * x - a) / (2 * x)],
        "28": [x1 - ra, (x * x + a - 2 * ra * x) / (2 * x), (x - ra) ** 2 / (2 * x)],
        "34": [e1, e * e / (2 * x), e * e / (2 * (ra + e))],
        "40": [e1, e / 2 * (1 - ra / x)],
        "45": [eps1, eps**2 / (2 * (1 + eps))],
        "53": [b[1], 0.5 * (1 + 2), 3 / 2], "53.2": [b[2], 0.5 * (3 / 2 + 4 / 3), 17 / 12], "53.3": [b[3], 0.5 * (17 / 12 + 24 / 17), 577 / 408],
        "59": [x1 * x1 - a, 0.25 * (x + a / x) ** 2 - a, 0.25 * (x - a / x) ** 2, ((x * x - a) / (2 * x)) ** 2],
        "62": [r(x1), r(x) ** 2 / (4 * x * x)],
        "62.2": [b[1] ** 2 - 2, 9 / 4 - 2, 1 / 4], "62.3": [b[2] ** 2 - 2, (1 / 16) / (4 * 9 / 4), 1 / 144],
        "62.4": [b[3] ** 2 - 2, 1 / (144**2 * 4 * (17 / 12) ** 2), 1 / 408**2],
        "62.5": [577**2, 332929], "62.6": [2 * 408**2, 332928],
        "68.2": [y1, y - (y**-2 - a) / (-2 * y**-3), y / 2 * (3 - a * y * y)],
        "71": [dl1, -1.5 * dl**2 - 0.5 * dl**3],
        "74": [eps1, 0.5 * eps**2],
        "76": [x1 + ra, (x + ra) ** 2 / (2 * x)],
        "76.3": [rho(x1), rho(x) ** 2], "76.4": [rho(x), rho(x0) ** (2**k)], "76.5": [x, ra * (1 + rho(x)) / (1 - rho(x))],
        "76.6": [rb(b[0]), (1 - s2) / (1 + s2), 3 - 2 * s2],
        "76.7": [rb(b[1]), rb(b[0]) ** 2, 17 - 12 * s2],
        "76.8": [rb(b[3]), rb(b[0]) ** 6],
    }

@document("394_recitation_sigmoid_softmax_backprop_indices")
def _(rng):
    D, Hh, K = int(rng.integers(1, 5)), int(rng.integers(1, 5)), int(rng.integers(2, 5))
    W1, b1, W2, b2 = rng.normal(size=(Hh, D)), rng.normal(size=Hh), rng.normal(size=(K, Hh)), rng.normal(size=K)
    x = rng.normal(size=D)
    t = rng.dirichlet(np.ones(K))
    fwd = lambda W1, b1, W2, b2: softmax(W2 @ sig(W1 @ x + b1) + b2)  # noqa: E731
    Lf = lambda W1=W1, b1=b1, W2=W2, b2=b2: float(-t @ np.log(fwd(W1, b1, W2, b2)))  # noqa: E731
    a = W1 @ x + b1
    h = sig(a)
    z = W2 @ h + b2
    yh = softmax(z)
    Lz = lambda z: float(-t @ np.log(softmax(z)))  # noqa: E731
    Lh = lambda h: Lz(W2 @ h + b2)  # noqa: E731
    La = lambda a: Lh(sig(a))  # noqa: E731
    k, m, j, i = int(rng.integers(0, K)), int(rng.integers(0, K)), int(rng.integers(0, Hh)), int(rng.integers(0, D))
    d2 = yh - t
    d1 = h * (1 - h) * (W2.T @ d2)
    G1, G2 = grad(lambda M: Lf(W1=M), W1), grad(lambda M: Lf(W2=M), W2)
    W2e, xe, te = np.array([[2.0, -2], [1, -1]]), np.array([2.0, -1]), np.array([1.0, 0])
    Le = lambda W1, W2: float(-te @ np.log(softmax(W2 @ sig(W1 @ xe))))  # noqa: E731
    he = sig(np.zeros(2))
    ye = softmax(W2e @ he)
    d2e = ye - te
    d1e = grad(lambda a: float(-te @ np.log(softmax(W2e @ sig(a)))), np.zeros(2))
    return {
        "15": [partial(softmax, z, m)[k], yh[k] * (delta(k, m) - yh[m])],
        "18": [partial(Lz, z, m), -sum(t[q] / yh[q] * yh[q] * (delta(q, m) - yh[m]) for q in range(K)), -t[m] + yh[m] * t.sum(), yh[m] - t[m]],
        "21": [np.sum(grad(Lz, z)), 0],
        "28": [G2[k, j], d2[k] * h[j]], "28.2": [partial(lambda v: Lf(b2=v), b2, k), d2[k]],
        "36": [partial(Lh, h, j), sum(partial(Lz, z, q) * W2[q, j] for q in range(K)), sum(W2[q, j] * d2[q] for q in range(K))],
        "39": [d(sig, a[j]), sig(a[j]) * (1 - sig(a[j]))],
        "42": [partial(La, a, j), partial(La, a, j), h[j] * (1 - h[j]) * (W2[:, j] @ d2)],
        "45": [np.sum(grad(La, a)), 0], "45.2": [sig(0.0), 1 / 2], "45.3": [d(sig, 0.0), 1 / 2],
        "52": [G1[j, i], d1[j] * x[i]], "52.2": [partial(lambda v: Lf(b1=v), b1, j), d1[j]],
        "57": [grad(Lz, z), yh - t], "57.2": [grad(La, a), (W2.T @ d2) * h * (1 - h)],
        "57.3": [G2, np.outer(d2, h)], "57.4": [G1, np.outer(x, d1)],
        "67": [he, np.array([1 / 2, 1 / 2])],
        "67.2": [(W2e @ he)[0], 2 * 0.5 - 2 * 0.5, 0], "67.3": [(W2e @ he)[1], 0.5 - 0.5, 0],
        "67.4": [ye, np.array([1 / 2, 1 / 2])], "67.5": [Le(np.zeros((2, 2)), W2e), -math.log(0.5), math.log(2)],
        "72": [grad(lambda z: float(-te @ np.log(softmax(z))), W2e @ he), ye - te, np.array([-1 / 2, 1 / 2])],
        "72.2": [W2e.T @ d2e, np.array([[2, 1], [-2, -1]]) @ np.array([-0.5, 0.5]), np.array([-1 / 2, 1 / 2])],
        "75": [he * (1 - he), np.full(2, 1 / 4)], "75.2": [d1e, np.array([-1 / 8, 1 / 8])],
        "78": [grad(lambda M: Le(np.zeros((2, 2)), M), W2e), np.outer(d2e, he), np.array([[-1 / 4, -1 / 4], [1 / 4, 1 / 4]])],
        "78.2": [grad(lambda M: Le(M, W2e), np.zeros((2, 2))), np.outer(d1e, xe), np.array([[-1 / 4, 1 / 8], [1 / 4, 1 / 8]])],
        "81": [-1 / 8 + 1 / 8, 0],
    }

@document("395_notes_equicorrelated_sample_mean")
def _(rng):
    n = int(rng.integers(2, 9))
    s2, mu = rng.uniform(0.2, 4), rng.normal()
    rho = rng.uniform(-1 / (n - 1), 1)
    Sig = np.array([[s2 if i == j else rho * s2 for j in range(n)] for i in range(n)])
    one = np.ones(n)
    V = lambda S: float(one @ S @ one) / n**2  # noqa: E731
    var = V(Sig)
    Cn = np.eye(n) - np.outer(one, one) / n
    ess = float(np.trace(Cn @ Sig @ Cn))                         # E sum (X_i - X-bar)^2 (the mean cancels)
    X = rng.multivariate_normal(mu * one, Sig + 1e-9 * np.eye(n))
    Xb = X.mean()
    rp = rng.uniform(0.02, 1)
    N = 10**12
    lo = -1 / (n - 1)
    Slo = np.array([[s2 if i == j else lo * s2 for j in range(n)] for i in range(n)])
    pairs = sum(Sig[i, j] for i in range(n) for j in range(i + 1, n))
    return {
        "18": [Sig, s2 * ((1 - rho) * np.eye(n) + rho * np.outer(one, one))],
        "27": [var, (n * s2 + pairs) / n**2, (n * s2 + n * (n - 1) / 2 * rho * s2) / n**2, s2 / n * (1 + (n - 1) * rho / 2)],
        "30": [2 * pairs, sum(Sig[i, j] for i in range(n) for j in range(n) if i != j)], "30.2": [var, V(Sig)],
        "32": [var, (n * s2 + n * (n - 1) * rho * s2) / n**2, s2 / n * (1 + (n - 1) * rho)],
        "36": [s2 / var, n / (1 + (n - 1) * rho)],
        "40": [s2 / N * (1 + (N - 1) * rp), rp * s2],
        "46": [Sig @ one, s2 * (1 + (n - 1) * rho) * one],
        "48": [np.linalg.det(Sig), s2**n * (1 - rho) ** n * (1 + (n - 1) * rho)],
        "50": [V(Slo), 0],
        "54": [float(np.sum((X - Xb) ** 2)), float(np.sum(X**2)) - n * Xb**2],
        "54.2": [Sig[0, 0] + mu**2, s2 + mu**2], "54.3": [V(Sig + mu**2 * np.outer(one, one)), var + mu**2],
        "56": [ess, n * (s2 + mu**2) - n * (var + mu**2), n * s2 - s2 * (1 + (n - 1) * rho), (n - 1) * s2 * (1 - rho)],
        "61": [ess / (n - 1), s2 * (1 - rho)],
        "63": [var / (ess / (n - 1) / n), (1 + (n - 1) * rho) / (1 - rho)],
        "66.4": [1 + 9 * 0.1, 1 + 10 * 0.1, 2],
        "68": [4 / 10 * (1 + 9 * 0.1), 4 / 10 * 2, 0.8],
        "71": [4 * (1 - 0.1), 4 * 0.9, 3.6],
    }

@document("396_blog_noisy_label_bernoulli_cross_entropy")
def _(rng):
    from scipy.optimize import brentq

    p, eps = rng.uniform(0.02, 0.98), rng.uniform(0, 0.45)
    z = rng.normal() * 2
    q = sig(z)
    ell = lambda q, t: -t * math.log(q) - (1 - t) * math.log(1 - q)  # noqa: E731
    flip = lambda y: {y: 1 - eps, 1 - y: eps}  # noqa: E731   P(y-tilde | y)
    pt = p * flip(1)[1] + (1 - p) * flip(0)[1]
    qs = brentq(lambda r: d(lambda s: -pt * math.log(s) - (1 - pt) * math.log(1 - s), r), 1e-3, 1 - 1e-3, xtol=1e-14)
    y = int(rng.integers(0, 2))
    Ey = sum(prob * yt for yt, prob in flip(y).items())
    El = lambda f, y: sum(prob * f(yt) for yt, prob in flip(y).items())  # noqa: E731
    lc = lambda q, yt: ((1 - eps) * ell(q, yt) - eps * ell(q, 1 - yt)) / (1 - 2 * eps)  # noqa: E731
    t = rng.uniform(-0.5, 1.5)
    yt = int(rng.integers(0, 2))
    pe = 0.9 * (1 - 0.1) + 0.1 * 0.1                                  # p-tilde at p = 0.9, epsilon = 0.1
    return {
        "16": [pt, (1 - eps) * p + eps * (1 - p), eps + (1 - 2 * eps) * p],
        "19": [qs, pt], "19.2": [pt - 0.5, (1 - 2 * eps) * (p - 0.5)],
        "19.3": [math.log(pt / (1 - pt)), (1 - 2 * eps) * math.log(p / (1 - p))],
        "21.3": [pe, 0.1 + 0.8 * 0.9, 0.81],
        "28": [Ey, (1 - eps) * y + eps * (1 - y), (1 - 2 * eps) * y + eps],
        "31": [El(lambda s: ell(q, s), y), ell(q, Ey)], "31.2": [2 * eps, eps],
        "34": [El(lambda s: ell(q, s), 1), -(1 - eps) * math.log(q) - eps * math.log(1 - q), -math.log(q) + eps * math.log(q / (1 - q))],
        "37": [math.log(q / (1 - q)), z],
        "50": [El(lambda s: lc(q, s), 1), ((1 - eps) ** 2 * ell(q, 1) - eps**2 * ell(q, 1)) / (1 - 2 * eps), ell(q, 1)],
        "53": [(1 - eps) ** 2 - eps**2, 1 - 2 * eps],
        "55": [d(lambda s: ell(sig(s), t), z), q - t],
        "58": [d(lambda s: lc(sig(s), yt), z), ((1 - eps) * (q - yt) - eps * (q - 1 + yt)) / (1 - 2 * eps), q - (yt - eps) / (1 - 2 * eps)],
        "61": [0.9 / 0.8, 1.125], "61.2": [-0.1 / 0.8, -0.125],
        "68": [d(lambda s: ell(eps + (1 - 2 * eps) * sig(s), yt), z),
               ((eps + (1 - 2 * eps) * q) - yt) / ((eps + (1 - 2 * eps) * q) * (1 - eps - (1 - 2 * eps) * q)) * (1 - 2 * eps) * q * (1 - q)],
    }

@document("397_exam_poisson_mle_fisher_information")
def _(rng):
    from scipy.optimize import minimize_scalar
    from scipy.stats import poisson

    n, lam = int(rng.integers(1, 9)), rng.uniform(0.3, 5)
    x = rng.poisson(lam, size=n)
    while x.sum() == 0:
        x = rng.poisson(lam, size=n)
    S = int(x.sum())
    lf = lambda l, x=x: float(np.sum(poisson.logpmf(x, l)))  # noqa: E731
    lgf = float(sum(math.lgamma(v + 1) for v in x))
    mle = lambda x: minimize_scalar(lambda l: -lf(l, x), bounds=(1e-6, 100), method="bounded", options={"xatol": 1e-12}).x  # noqa: E731
    ks = np.arange(0, 400)
    E = lambda g, m: float(np.sum(poisson.pmf(ks, m) * g(ks)))  # noqa: E731   E g(K), K ~ Poisson(m)
    ES, VS = E(lambda k: k, n * lam), E(lambda k: k * k, n * lam) - E(lambda k: k, n * lam) ** 2
    th = math.log(lam)
    Ith = -d2r(lambda t: S * t - n * math.exp(t), th)              # -d^2 l/d theta^2 = n e^theta, free of the data
    eta = math.sqrt(lam)
    Ieta = -d2r(lambda e: ES * math.log(e * e) - n * e * e, eta)  # E[-d^2 l/d eta^2], linear in S
    data = np.array([2, 0, 3, 1, 4])
    ld = lambda l: lf(l, data)  # noqa: E731
    return {
        "14": [lf(lam), float(np.sum(x * math.log(lam) - lam)) - lgf, S * math.log(lam) - n * lam - lgf],
        "20": [d(lf, lam), S / lam - n], "20.2": [d2r(lf, lam), -S / lam**2],
        "26": [mle(x), S / n, x.mean()],
        "29": [E(lambda k: k, lam), lam],
        "32": [ES / lam**2, ES / lam**2, ES / lam**2, n * lam / lam**2, n / lam],
        "35": [VS / lam**2, VS / lam**2, n / lam], "35.2": [E(lambda k: k * k, lam), lam**2 + lam],
        "35.3": [E(lambda k: k * k, lam) - E(lambda k: k, lam) ** 2, lam],
        "38": [VS / n**2, VS / n**2, lam / n, 1 / (n / lam)],
        "43": [poisson.pmf(0, lam), math.exp(-lam)], "43.2": [E(lambda k: np.exp(-k / n), n * lam), math.exp(-lam)],
        "45": [math.exp(th), lam],
        "48": [Ith, n / lam * (1 / lam) ** 2, n / lam * (1 / lam**2), n / lam**3],
        "51.2": [Ieta, n / lam * (2 * eta) ** 2, 4 * n],
        "53.2": [int(data.sum()), 2 + 0 + 3 + 1 + 4, 10], "53.3": [mle(data), 2],
        "56": [ld(2.0), 10 * math.log(2) - 10 - math.log(2 * 1 * 6 * 1 * 24), 10 * math.log(2) - 10 - math.log(144)],
        "59": [-d2r(ld, 2.0), -d2r(ld, 2.0), 10 / 2.0**2, 10 / 4, 2.5], "59.2": [5 / mle(data), 5 / 2],
        "61": [math.log(mle(data)), math.log(2)], "61.2": [-d2r(lambda t: 10 * t - 5 * math.exp(t), math.log(2)), 5 / 8],
    }

@document("398_nb_heavy_ball_momentum_quadratic")
def _(rng):
    from scipy.optimize import brentq

    n = int(rng.integers(2, 6))
    Q = np.linalg.qr(rng.normal(size=(n, n)))[0]
    ev = np.sort(rng.uniform(0.2, 10, size=n))
    A = Q @ np.diag(ev) @ Q.T
    mu, L = ev[0], ev[-1]
    kap = L / mu
    x, xp = rng.normal(size=n), rng.normal(size=n)
    al, be = rng.uniform(0.01, 2) / L, rng.uniform(0, 0.95)
    f = lambda v: 0.5 * v @ A @ v  # noqa: E731
    xn = x - al * grad(f, x) + be * (x - xp)
    j = int(rng.integers(0, n))
    v, lam = Q[:, j], ev[j]
    c, cp, cn = v @ x, v @ xp, v @ xn
    M = lambda al, be, lam: np.array([[1 + be - al * lam, -be], [1, 0]])  # noqa: E731
    Mm = M(al, be, lam)
    r = np.linalg.eigvals(Mm)
    bc = rng.uniform(0.01, 0.95)                                        # the complex regime
    lc = rng.uniform((1 - math.sqrt(bc)) ** 2, (1 + math.sqrt(bc)) ** 2)
    rc = np.linalg.eigvals(M(1.0, bc, lc))
    ag = rng.uniform(0.01, 2) / L

    def tune(mu, L):
        """alpha, beta with alpha mu = (1 - sqrt beta)^2 and alpha L = (1 + sqrt beta)^2: the ratio of the two fixes sqrt beta."""
        s = brentq(lambda s: (1 + s) ** 2 * mu - (1 - s) ** 2 * L, 0, 1 - 1e-12, xtol=1e-15)
        return (1 - s) ** 2 / mu, s * s
    at, bt = tune(mu, L)
    a9, b9 = tune(1.0, 9.0)
    ck, ckp = rng.normal(size=2)
    rr = rng.normal()
    root = lambda lam: float(np.mean(np.roots([1, -(1 + b9 - a9 * lam), b9]).real))  # noqa: E731
    rd, c0, c1, k = rng.choice([-1, 1]) * rng.uniform(0.2, 1.5), rng.normal(), rng.normal(), int(rng.integers(0, 9))
    seq = [c0, c1]
    for _ in range(k):
        seq.append(2 * rd * seq[-1] - rd * rd * seq[-2])
    flat = [1.0, 1.0]
    for _ in range(10):
        flat.append((1 + b9 - a9 * 1) * flat[-1] - b9 * flat[-2])
    kk = int(rng.integers(0, 10))
    return {
        "1:6.2": [grad(f, x), A @ x],
        "2:6": [cn, (1 - al * lam) * c + be * (c - cp), (1 + be - al * lam) * c - be * cp],
        "2:9": [np.array([cn, c]), Mm @ np.array([c, cp])],
        "2:15": [abs(r[0] ** 2 - (1 + be - al * lam) * r[0] + be), 0],
        "2:18": [np.prod(r).real, np.linalg.det(Mm), be], "2:18.2": [np.sum(r).real, -(1 + be - al * lam)],
        "2:21": [abs(rc[0]), abs(rc[1]), math.sqrt(bc)],
        "2:23": [max(abs(1 - ag * ev)), (kap - 1) / (kap + 1)],
        "3:3.3": [math.sqrt(kap), (1 + math.sqrt(bt)) / (1 - math.sqrt(bt))],
        "3:6": [bt, (math.sqrt(kap) - 1) / (math.sqrt(kap) + 1)], "3:6.2": [at, 4 / (math.sqrt(L) + math.sqrt(mu)) ** 2],
        "5:3": [9.0 / 1.0, 9], "5:3.2": [math.sqrt(9.0), 3],
        "5:6": [b9, ((3 - 1) / (3 + 1)) ** 2, 1 / 4], "5:6.2": [a9, 4 / (3 + 1) ** 2, 1 / 4],
        "5:9": [(1 + b9 - a9 * 1) * ck - b9 * ckp, ck - ckp / 4],
        "5:9.2": [rr**2 - rr + 1 / 4, (rr - 1 / 2) ** 2], "5:9.3": [root(1.0), 1 / 2],
        "5:9.4": [1 + b9 - a9 * 9, 1 + 1 / 4 - 9 / 4, -1], "5:9.5": [root(9.0), -1 / 2],
        "5:9.6": [math.sqrt(b9), 1 / 2], "5:9.7": [(9 - 1) / (9 + 1), 4 / 5],
        "5:14": [seq[k], (c0 + k * (c1 / rd - c0)) * rd**k],
        "5:17.2": [flat[kk], (1 + kk) * 2.0**-kk],
        "5:17.3": [flat[2], 1 - 1 / 4, 3 / 4], "5:17.4": [flat[3], 3 / 4 - 1 / 4, 1 / 2], "5:17.5": [flat[3], 4 * 1 / 8, 1 / 4],
    }

@document("399_cheatsheet_softplus_logsigmoid_taylor")
def _(rng):
    import mpmath

    x = rng.normal() * 3
    xp = rng.uniform(0.01, 5)
    y = int(rng.integers(0, 2))
    be = rng.uniform(0.2, 5)
    sp = lambda t: math.log1p(math.exp(t)) if t < 30 else t + math.log1p(math.exp(-t))  # noqa: E731
    with mpmath.workdps(40):
        msp = lambda t: mpmath.log(1 + mpmath.exp(t))  # noqa: E731
        msig = lambda t: 1 / (1 + mpmath.exp(-t))  # noqa: E731
        D = lambda f, t, k: float(mpmath.diff(f, t, k))  # noqa: E731
        s0 = [D(msp, 0, k) for k in range(5)]
        ls0 = [D(lambda t: mpmath.log(msig(t)), 0, k) for k in range(5)]
        sig3 = D(msig, 0, 3)
        s2x, s3x = D(msp, x, 2), D(msp, x, 3)
        sb = lambda t: mpmath.log(1 + mpmath.exp(be * t)) / be  # noqa: E731
        sb1, sb2, sb20 = D(sb, x, 1), D(sb, x, 2), D(sb, 0, 2)
    q = sig(x)
    bce = -y * math.log(q) - (1 - y) * math.log(1 - q)
    return {
        "9": [d(sp, x), sig(x)], "10": [sig(-x), 1 - sig(x)], "11": [sp(x) - sp(-x), x], "11.2": [sp(x), x + sp(-x)],
        "12": [math.log(sig(x)), -sp(-x)], "13": [math.log(1 - sig(x)), -sp(x)],
        "14": [sig(x), 0.5 * (1 + math.tanh(x))], "15": [sp(x), math.log(2) + x / 2 + math.log(math.cosh(x / 2))],
        "16": [bce, sp(x) - y * x],
        "21": [s2x, q * (1 - q)], "21.2": [s3x, q * (1 - q) * (1 - 2 * q)],
        "24": [sig(0.0), 1 / 2],
        "27": [s0[0], math.log(2)], "27.2": [s0[1], 1 / 2], "27.3": [s0[2], 1 / 4], "27.4": [s0[3], 0], "27.5": [s0[4], -1 / 16],
        "33": [s0[2] / 2, (1 / 4) / 2, 1 / 8], "33.2": [s0[4] / 24, s0[4] / 24, -1 / 192],
        "44": [sig3, -1 / 8],
        "46": [math.log(sig(x)), -sp(-x)], "46.2": [ls0[1], 1 / 2], "46.3": [ls0[2], -1 / 4], "46.4": [ls0[4], -1 / 8],
        "46.5": [d(lambda t: math.log(sig(t)), x), 1 - sig(x), sig(-x)],
        "50": [sp(xp) - xp, math.log1p(math.exp(-xp))], "50.2": [sp(-xp), math.log(1 + math.exp(-xp))],
        "50.3": [sp(x), max(x, 0) + math.log1p(math.exp(-abs(x)))],
        "54.2": [math.log(1 + math.exp(0)) / be, math.log(2) / be], "54.3": [sb1, be * sig(be * x)],
        "54.4": [sb2, be * sig(be * x) * (1 - sig(be * x))], "54.5": [sb20, be / 4],
    }

@document("400_worksheet_power_quotient_rule_drills")
def _(rng):
    x = rng.uniform(0.1, 4)                       # inside every domain (x > 0, x != 1 for h)
    if abs(x - 1) < 0.05:
        x += 0.2
    r = rng.normal() * 2
    a, b, c = rng.normal(size=3)
    F = lambda t: math.sin(a * t) + b * t * t  # noqa: E731
    G = lambda t: math.exp(c * t) + 1.5  # noqa: E731
    h = lambda t: (t * t + 1) / (t - 1)  # noqa: E731
    g = lambda t: t / (1 + t * t)  # noqa: E731
    q = lambda t: (3 * t - 2) / (2 * t + 5)  # noqa: E731
    rr = lambda t: (1 - t) / (1 + t)  # noqa: E731
    u = lambda t: math.sqrt(t) / (t + 1)  # noqa: E731
    v = lambda t: t**3 / (t * t + 1)  # noqa: E731
    sx = math.sqrt(x)
    return {
        "5": [d(lambda t: t**r, x), r * x ** (r - 1)],
        "6": [d(lambda t: F(t) / G(t), x), (d(F, x) * G(x) - F(x) * d(G, x)) / G(x) ** 2],
        "10": [1 / x**3, 1 / x**3, x**-3.0], "10.2": [d(lambda t: t**-3.0, x), -3 * x**-2.0],
        "12.2": [d(math.sqrt, x), 0.5 * x**-0.5, 1 / (2 * sx)],
        "14": [1 / (x * x) ** (1 / 3), 1 / (x * x) ** (1 / 3), x ** (-2 / 3)],
        "14.2": [d(lambda t: 1 / (t * t) ** (1 / 3), x), -2 / 3 * x ** (-5 / 3)],
        "16": [x * x * sx, x * x * sx, x**2.5], "16.2": [d(lambda t: t * t * math.sqrt(t), x), 2.5 * x**1.5],
        "16.3": [2 * x * sx + x * x / (2 * sx), 2 * x**1.5 + 0.5 * x**1.5],
        "18.2": [d(lambda t: 4 / math.sqrt(t) - 6 * t ** (1 / 3), x), -2 * x**-1.5 - 2 * x ** (-2 / 3)],
        "24": [d(h, x), (2 * x * (x - 1) - (x * x + 1)) / (x - 1) ** 2, (x * x - 2 * x - 1) / (x - 1) ** 2],
        "29": [d(g, x), ((1 + x * x) - x * 2 * x) / (1 + x * x) ** 2, (1 - x * x) / (1 + x * x) ** 2],
        "31": [g(1.0), 1 / 2], "31.2": [g(-1.0), -1 / 2],
        "35": [d(q, x), (3 * (2 * x + 5) - 2 * (3 * x - 2)) / (2 * x + 5) ** 2, 11 / (2 * x + 5) ** 2],
        "37": [d(q, 0.0), 11 / 25],
        "41": [d(rr, x), ((1 + x) - (1 - x)) / (1 + x) ** 2, 2 * x / (1 + x) ** 2],
        "44": [d(lambda t: 1 / G(t), x), -d(G, x) / G(x) ** 2],
        "44.2": [d(lambda t: 1 / (t * t + 4), x), -2 * x / (x * x + 4) ** 2],
        "50": [d(u, x), ((x + 1) / (2 * sx) - sx) / (x + 1) ** 2, ((x + 1) - 2 * x) / (2 * sx * (x + 1) ** 2), (1 - x) / (2 * sx * (x + 1) ** 2)],
        "52": [d(u, 4.0), -3 / (2 * 2 * 25), -3 / 100],
        "56": [d(v, x), (3 * x * x * (x * x + 1) - x**3 * 2 * x) / (x * x + 1) ** 2, (x**4 + 3 * x * x) / (x * x + 1) ** 2],
        "58": [d(v, 1.0), 4 / 4, 1],
    }

@document("401_office_hours_bayes_two_diagnostic_tests")
def _(rng):
    import itertools

    pD, sens, spec = 0.01, 0.9, 0.95
    pr = lambda res, dis: np.prod([(sens if r == "+" else 1 - sens) if dis else (1 - spec if r == "+" else spec) for r in res])  # noqa: E731
    joint = lambda res: pD * pr(res, True) + (1 - pD) * pr(res, False)  # noqa: E731   P(results)
    post = lambda res: pD * pr(res, True) / joint(res)  # noqa: E731   P(D | results)
    odds = lambda p: p / (1 - p)  # noqa: E731
    LRp, LRm = sens / (1 - spec), (1 - sens) / spec
    assert abs(sum(joint(c) for c in itertools.product("+-", repeat=2)) - 1) < 1e-12
    return {
        "5": [post("+"), pr("+", True), 0.9],
        "13": [pr("+", False), 1 - 0.95, 0.05],
        "16": [joint("+"), sens * pD + (1 - spec) * (1 - pD), 0.9 * 0.01 + 0.05 * 0.99, 0.009 + 0.0495, 0.0585],
        "22": [post("+"), pr("+", True) * pD / joint("+"), 0.009 / 0.0585, 2 / 13],
        "32": [odds(post("+")), LRp * odds(pD), 0.9 / 0.05 * 0.01 / 0.99, 18 / 99, 2 / 11],
        "35": [2 / (2 + 11), 2 / 13],
        "37": [joint("++"), joint("+") ** 2],
        "42": [pr("++", True), 0.9**2, 0.81], "42.2": [pr("++", False), 0.05**2, 0.0025],
        "48": [joint("++"), 0.81 * 0.01 + 0.0025 * 0.99, 0.0081 + 0.002475, 0.010575],
        "54": [odds(post("++")), LRp**2 * odds(pD), 324 / 99, 36 / 11],
        "57": [post("++"), 36 / 47], "59": [post("++"), 18 * post("+")],
        "68": [LRm, pr("-", True) / pr("-", False), 0.1 / 0.95, 2 / 19],
        "71": [odds(post("+-")), 2 / 11 * 2 / 19, 4 / 209], "71.2": [odds(post("+-")), odds(post("+")) / LRp],
        "78": [1 - post("-"), 0.95 * 0.99 / (0.95 * 0.99 + 0.1 * 0.01), 0.9405 / 0.9415],
    }

@document("402_solution_key_episodic_returns_terminal_state")
def _(rng):
    def G(R, g, t):
        """The return from time t of the rewards R = (R_1, ..., R_T), by the definition."""
        T = len(R)
        return sum(g**k * R[t + k] for k in range(T - t))
    T = int(rng.integers(1, 9))
    R = rng.normal(size=T)
    g = rng.uniform(0, 1)
    t = int(rng.integers(0, T))
    r = rng.normal()
    Rc = np.full(T, r)
    R4 = [1.0, 0, 2, 5]
    G4 = lambda t: G(R4, 0.5, t)  # noqa: E731
    N = int(rng.integers(1, 9))
    path = lambda k: [0.0] * (N - k) + [1.0]  # noqa: E731   rewards from state k to the terminal state
    V = lambda k: G(path(k), g, 0)  # noqa: E731
    k = int(rng.integers(1, N + 1))
    kl = int(rng.integers(1, N)) if N > 1 else None
    p = rng.uniform(0.05, 1)
    ns = np.arange(1, 4000)
    pT = (1 - p) ** (ns - 1) * p
    cum = lambda g: np.cumsum(g ** (ns - 1))  # noqa: E731   sum_{k < n} g^k
    EG = float(np.sum(pT * r * cum(g)))
    return {
        "16": [G(R, g, t), R[t] + sum(g**k * R[t + k] for k in range(1, T - t)), R[t] + g * sum(g**j * R[t + j + 1] for j in range(T - t - 1)),
               R[t] + g * (G(R, g, t + 1) if t + 1 < T else 0)],
        "19": [G(R, g, T - 1), R[-1]],
        "24": [G(Rc, g, 0), r * sum(g**k for k in range(T)), r * (1 - g ** (T + 1)) / (1 - g)],
        "27": [G([-1.0] * 3, 0.9, 0), -(1 + 0.9 + 0.81), -2.71], "27.2": [-(1 - 0.9**3) / 0.1, -2.71],
        "29": [sum(0.5**k * R4[4 + k] for k in range(0)), 0],
        "32": [G4(3), 5], "32.2": [G4(2), 2 + 0.5 * 5, 4.5], "32.3": [G4(1), 0 + 0.5 * 4.5, 2.5], "32.4": [G4(0), 1 + 0.5 * 2.5, 2.25],
        "35": [G4(0), 1 + 0.5 * 0 + 0.25 * 2 + 0.125 * 5, 2.125], "35.2": [0.5 * 4.5, 2.25], "35.3": [G4(1), 2.25],
        "35.4": [G4(0), 1 + 0.5 * 2.25],
        "37": [V(N), 1], "37.2": [V(kl), g * V(kl + 1)] if kl else [0.0, 0.0],
        "40": [V(k), g ** (N - k)], "43": [V(1), g**N],
        "45": [float(np.prod([1 - p] * 2 + [p])), (1 - p) ** 2 * p], "45.2": [float(np.sum(ns * pT)), 1 / p],
        "48": [float(np.sum(pT * g**ns)), float(np.sum(g**ns * (1 - p) ** (ns - 1) * p)), p * g / (1 - (1 - p) * g)],
        "54": [EG, r * (1 - float(np.sum(pT * g**ns))) / (1 - g), r / (1 - (1 - p) * g)],
        "57": [EG, r + g * (1 - p) * EG], "57.2": [float(np.sum(pT * r * ns)), r / p],
        "57.3": [EG, r * (1 - g ** (1 / p)) / (1 - g)],
    }

@document("403_handout_product_of_gaussian_densities")
def _(rng):
    from scipy.integrate import quad
    from scipy.stats import multivariate_normal as mvn

    Nd = lambda x, m, v: math.exp(-((x - m) ** 2) / (2 * v)) / math.sqrt(2 * math.pi * v)  # noqa: E731
    A, B = rng.uniform(0.2, 4, size=2)
    a, b, x = rng.normal(size=3) * 2
    Cf = lambda A, B: 1 / (1 / A + 1 / B)  # noqa: E731
    cf = lambda a, A, b, B: Cf(A, B) * (a / A + b / B)  # noqa: E731
    C, c = Cf(A, B), cf(a, A, b, B)
    # section 3: the posterior of mu by quadrature
    n = int(rng.integers(1, 6))
    m0, s0, sg = rng.normal(), rng.uniform(0.3, 2), rng.uniform(0.3, 2)
    y = rng.normal(size=n) + m0
    ybar = y.mean()
    post = lambda mu: Nd(mu, m0, s0**2) * np.prod([Nd(v, mu, sg**2) for v in y])  # noqa: E731
    lo, hi = m0 - 12 * s0, m0 + 12 * s0
    Z = quad(post, lo, hi, epsabs=0, epsrel=1e-12, limit=200)[0]
    pm = quad(lambda mu: mu * post(mu), lo, hi, epsabs=0, epsrel=1e-12, limit=200)[0] / Z
    pv = quad(lambda mu: (mu - pm) ** 2 * post(mu), lo, hi, epsabs=0, epsrel=1e-12, limit=200)[0] / Z
    ev = quad(lambda mu: Nd(mu, m0, s0**2) * Nd(y[0], mu, sg**2), lo, hi, epsabs=0, epsrel=1e-12, limit=200)[0]
    # section 4
    dd = int(rng.integers(1, 4))
    GA, GB = rng.normal(size=(dd, dd)), rng.normal(size=(dd, dd))
    Am, Bm = GA @ GA.T + 0.5 * np.eye(dd), GB @ GB.T + 0.5 * np.eye(dd)
    av, bv, xv = rng.normal(size=dd), rng.normal(size=dd), rng.normal(size=dd)
    inv = np.linalg.inv
    Cm = inv(inv(Am) + inv(Bm))
    cm = Cm @ (inv(Am) @ av + inv(Bm) @ bv)
    return {
        "17": [Cf(A, B), 1 / (1 / A + 1 / B), A * B / (A + B)],
        "21": [c, (a * A + b * B) / (A + B)],
        "25": [(x - a) ** 2 / A + (x - b) ** 2 / B, (x - c) ** 2 / C + (a - b) ** 2 / (A + B)],
        "27": [math.sqrt(2 * math.pi * A) * math.sqrt(2 * math.pi * B), math.sqrt(2 * math.pi * C) * math.sqrt(2 * math.pi * (A + B))],
        "27.2": [A * B, C * (A + B)],
        "29": [Nd(x, a, A) * Nd(x, b, B), Nd(a, b, A + B) * Nd(x, c, C)],
        "33": [quad(lambda t: Nd(t, a, A) * Nd(t, b, B), -np.inf, np.inf, epsabs=0, epsrel=1e-12)[0], Nd(a, b, A + B),
               math.exp(-((a - b) ** 2) / (2 * (A + B))) / math.sqrt(2 * math.pi * (A + B))],
        "35": [Nd(a, a, A + B), 1],
        "39.5": [Cf(1, 3), 3 / 4], "39.6": [cf(0, 1, 2, 3), (0 * 1 + 2 * 3) / 4, 3 / 2], "39.7": [cf(0, 1, 2, 3), 3 / 4 * (0 + 2 / 3), 1 / 2],
        "41": [cf(0, 1, 2, 3), (0 * 3 + 2 * 1) / (1 + 3), (0 * 3 + 2 * 1) / 4, 1 / 2],
        "43": [Nd(0, 2, 4), math.exp(-0.5) / math.sqrt(8 * math.pi)],
        "49": [1 / pv, 1 / s0**2 + n / sg**2], "50": [pm, pv * (m0 / s0**2 + n * ybar / sg**2)],
        "52": [pv, s0**2 * sg**2 / (sg**2 + n * s0**2)], "52.2": [ev, Nd(y[0], m0, s0**2 + sg**2)],
        "58": [mvn.pdf(xv, av, Am) * mvn.pdf(xv, bv, Bm), mvn.pdf(av, bv, Am + Bm) * mvn.pdf(xv, cm, Cm)],
        "59": [Cm, inv(inv(Am) + inv(Bm)), Am @ inv(Am + Bm) @ Bm],
        "60": [cm, Cm @ (inv(Am) @ av + inv(Bm) @ bv), Bm @ inv(Am + Bm) @ av + Am @ inv(Am + Bm) @ bv],
    }

@document("404_hw_negative_binomial_score")
def _(rng):
    from scipy import optimize

    r, p, n = rng.uniform(0.5, 6), rng.uniform(0.2, 0.85), int(rng.integers(1, 7))
    x = rng.negative_binomial(r, p, size=n).astype(float)
    while x.sum() == 0:
        x = rng.negative_binomial(r, p, size=n).astype(float)
    lg = math.lgamma
    logpmf = lambda k, r, q: lg(k + r) - lg(k + 1) - lg(r) + r * math.log(q) + k * math.log(1 - q)  # noqa: E731
    ks = np.arange(0, 4000)
    pmf = np.array([math.exp(logpmf(k, r, p)) for k in ks])
    EX = float(ks @ pmf)
    VX = float((ks - EX) ** 2 @ pmf)
    S, xb = x.sum(), x.mean()
    ell = lambda q: sum(logpmf(xi, r, q) for xi in x)  # noqa: E731
    lc = sum(lg(xi + r) - lg(xi + 1) - lg(r) for xi in x)
    phat = optimize.brentq(lambda q: d(ell, q), 1e-5, 1 - 1e-5, xtol=1e-14)
    # Fisher information of the sample: n E[-d2 log pmf]
    Ivals = np.array([-d2(lambda q: logpmf(k, r, q), p) for k in ks[:400]])
    I = n * float(Ivals @ pmf[:400]) + n * float(pmf[400:] @ (r / p**2 + ks[400:] / (1 - p) ** 2))
    mu = rng.uniform(0.2, 8)
    ellmu = lambda m: ell(r / (r + m))  # noqa: E731
    muhat = optimize.brentq(lambda m: d(ellmu, m), 1e-4, 1e4, xtol=1e-12)
    p1 = rng.uniform(0.05, 0.95)
    # the geometric case
    kk = int(rng.integers(0, 6))
    xg = rng.geometric(p, size=n).astype(float) - 1
    xg[0] += 1
    ellg = lambda q: sum(logpmf(xi, 1.0, q) for xi in xg)  # noqa: E731
    phg = optimize.brentq(lambda q: d(ellg, q), 1e-5, 1 - 1e-5, xtol=1e-14)
    # the numbers
    xd = np.array([2.0, 0, 5, 1])
    elld = lambda q: sum(logpmf(xi, 3.0, q) for xi in xd)  # noqa: E731
    phd = optimize.brentq(lambda q: d(elld, q), 1e-5, 1 - 1e-5, xtol=1e-14)
    Id = lambda q: 4 * (3 / q**2 + (3 * (1 - q) / q) / (1 - q) ** 2)  # noqa: E731   n E[-l''] with E[X] = r(1 - q)/q
    newton = lambda q0: q0 - d(elld, q0) / d2(elld, q0)  # noqa: E731
    return {
        "7": [EX, r * (1 - p) / p], "7.2": [VX, r * (1 - p) / p**2], "7.3": [VX / EX, 1 / (1 - p)],
        "13": [ell(p), lc + n * r * math.log(p) + S * math.log(1 - p)],
        "17": [d(ell, p), n * r / p - S / (1 - p)],
        "24": [phat, n * r / (n * r + S), r / (r + xb)],
        "28": [d2(ell, p), -n * r / p**2 - S / (1 - p) ** 2],
        "31.2": [math.exp(logpmf(kk, 1.0, p)), p * (1 - p) ** kk], "31.3": [phg, 1 / (1 + xg.mean())],
        "35": [n * EX, n * r * (1 - p) / p],
        "37": [I, I, n * r / p**2 + n * r * (1 - p) / (p * (1 - p) ** 2), n * r / (p * (1 - p))],
        "39": [n * r * (1 - p) + n * r * p, n * r], "39.2": [I, n * r / (p**2 * (1 - p))],
        "43": [p, r / (r + EX)],
        "45": [d(ellmu, mu), sum(xi / mu - (r + xi) / (r + mu) for xi in x), sum(r * (xi - mu) / (mu * (r + mu)) for xi in x),
               sum((xi - mu) / (mu + mu**2 / r) for xi in x)],
        "47": [muhat, xb],
        "51.3": [len(xd), 4], "51.4": [xd.sum(), 8], "51.5": [xd.mean(), 2],
        "53": [phd, 3 / (3 + 2), 0.6],
        "55.2": [d(elld, 0.5), 24 - 16, 8], "55.3": [d2(elld, 0.5), -48 - 32, -80],
        "57": [newton(0.5), newton(0.5), 0.5 + 8 / 80, 0.6],
        "59": [newton(p1), phd],
        "61": [Id(0.5), 12 / (0.25 * 0.5), 96],
        "63": [0.5 + d(elld, 0.5) / Id(0.5), 0.5 + 8 / 96, 7 / 12],
        "65": [Id(0.6), 12 / (0.36 * 0.4), 12 / 0.144, 80],
    }

@document("405_notes_planar_flow_jacobian")
def _(rng):
    dd = int(rng.integers(2, 6))
    u, w, z = rng.normal(size=dd), rng.normal(size=dd), rng.normal(size=dd)
    b = rng.normal()
    h = np.tanh
    f = lambda z, u=u, w=w, b=b: z + u * h(w @ z + b)  # noqa: E731
    a = w @ z + b
    hp = lambda t: 1 / np.cosh(t) ** 2  # noqa: E731   tanh' (checked against d on line 17)
    hpp = lambda t: d(hp, t)  # noqa: E731
    psi = hp(a) * w
    logq0 = lambda z: -0.5 * z @ z - 0.5 * len(z) * math.log(2 * math.pi)  # noqa: E731
    J = jac(f, z)
    x, y = rng.normal(size=dd), rng.normal(size=dd)
    # K stacked layers
    K = int(rng.integers(1, 4))
    layers = [(rng.normal(size=dd), rng.normal(size=dd), rng.normal()) for _ in range(K)]

    def _compose(z):
        for (uk, wk, bk) in layers:
            z = f(z, uk, wk, bk)
        return z
    zs = [z]
    for (uk, wk, bk) in layers:
        zs.append(f(zs[-1], uk, wk, bk))
    logqK_direct = logq0(z) - math.log(abs(np.linalg.det(jac(_compose, z))))
    logqK_sum = logq0(z) - sum(math.log(abs(1 + uk @ (hp(wk @ zs[k] + bk) * wk))) for k, (uk, wk, bk) in enumerate(layers))
    mm = lambda t: -1 + math.log(1 + math.exp(t))  # noqa: E731
    uhat = u + (mm(w @ u) - w @ u) * w / (w @ w)
    L = lambda u, w, b: math.log(abs(1 + u @ (hp(w @ z + b) * w)))  # noqa: E731
    D = 1 + u @ psi
    # the example
    w2, u2 = np.array([1.0, 0]), np.array([2.0, 1])
    f2 = lambda z: z + u2 * math.tanh(w2 @ z)  # noqa: E731
    za, zb = np.array([0.0, 1]), np.array([1.0, 0])
    th = math.tanh(1)
    return {
        "7": [logq0(z) - math.log(abs(np.linalg.det(J))), logq0(z) - math.log(abs(np.linalg.det(J)))],
        "17.3": [d(math.tanh, a), 1 - math.tanh(a) ** 2, 1 / math.cosh(a) ** 2], "17.4": [d2(math.tanh, a), -2 * math.tanh(a) * (1 - math.tanh(a) ** 2)],
        "21": [grad(lambda z: w @ z + b, z), w],
        "23": [J, np.eye(dd) + hp(a) * np.outer(w, u)],
        "25": [f(z), np.array([z[i] + u[i] * math.tanh(a) for i in range(dd)])],
        "27": [J, np.eye(dd) + hp(a) * np.outer(u, w), np.eye(dd) + np.outer(u, psi)],
        "33": [np.linalg.det(np.eye(dd) + np.outer(x, y)), 1 + y @ x],
        "35": [np.linalg.det(J), 1 + psi @ u, 1 + hp(a) * w @ u],
        "37": [np.linalg.det(np.eye(dd) + hp(a) * np.outer(w, u)), 1 + hp(a) * u @ w],
        "41": [logqK_direct, logqK_sum],
        "46": [w @ f(z), w @ z + (w @ u) * math.tanh(a)],
        "50": [w @ uhat, mm(w @ u)], "50.2": [mm(0), -1 + math.log(2)],
        "56": [grad(lambda v: L(v, w, b), u), psi / D],
        "56.2": [d(lambda t: L(u, w, t), b), hpp(a) * (w @ u)],
        "60": [grad(lambda v: L(u, v, b), w), hp(a) * u / D],
        "62": [u @ psi, hp(w @ z + b) * (w @ u)],
        "64": [grad(lambda v: L(u, v, b), w), (hp(a) * u + hpp(a) * (w @ u) * z) / D],
        "71.2": [w2 @ za, 0], "71.3": [f2(za), za], "71.4": [d(math.tanh, 0.0), 1],
        "73": [jac(f2, za), np.array([[3.0, 0], [1, 1]])],
        "75": [1 + w2 @ u2, 3], "75.2": [logq0(za) - math.log(abs(np.linalg.det(jac(f2, za)))), logq0(za) - math.log(3)],
        "77.2": [w2 @ zb, 1], "77.3": [f2(zb), np.array([1 + 2 * th, th])],
        "79": [np.linalg.det(jac(f2, zb)), 1 + 2 / math.cosh(1), 3 - 2 * th**2],
    }

@document("406_forum_stochastic_rounding_unbiased")
def _(rng):
    def sr(x, eps):
        """The distribution of SR(x): (values, probabilities)."""
        lo = eps * math.floor(x / eps)
        p = (x - lo) / eps
        return np.array([lo + eps, lo]), np.array([p, 1 - p])
    E = lambda x, eps, g=lambda v: v: float(np.dot(g(sr(x, eps)[0]), sr(x, eps)[1]))  # noqa: E731
    V = lambda x, eps: E(x, eps, lambda v: v**2) - E(x, eps) ** 2  # noqa: E731
    eps = 2.0 ** -int(rng.integers(0, 6))
    x, y = rng.uniform(-5, 5), rng.uniform(-5, 5)
    lo = eps * math.floor(x / eps)
    hi = lo + eps
    p = (x - lo) / eps
    # the implementation eps * floor(x/eps + U), U uniform on [0, 1): its mean and second moment on a fine grid of U
    us = (np.arange(2_000_000) + 0.5) / 2_000_000
    impl = eps * np.floor(x / eps + us)
    # accumulation with stochastic rounding, exactly (a distribution over grid points)
    s0, dl, n = rng.uniform(-2, 2), rng.uniform(0, 1), int(rng.integers(1, 9))
    dist = {s0: 1.0}
    for _ in range(n):
        new = {}
        for s, w in dist.items():
            vals, prs = sr(s + dl, eps)
            for v, q in zip(vals, prs):
                new[round(v / eps)] = new.get(round(v / eps), 0) + w * q
        dist = {k * eps: w for k, w in new.items()}
    Esn = sum(v * w for v, w in dist.items())
    dist8 = {0.0: 1.0}
    for _ in range(8):
        new = {}
        for s, w in dist8.items():
            vals, prs = sr(s + 0.25, 1.0)
            for v, q in zip(vals, prs):
                new[v] = new.get(v, 0) + w * q
        dist8 = new
    rn = [0.0]
    for _ in range(n):
        rn.append(float(np.round(rn[-1] + 0.25)))
    # independent roundings of x and y
    vx, px = sr(x, eps)
    vy, py = sr(y, eps)
    Exy = sum(vx[i] * vy[j] * px[i] * py[j] for i in range(2) for j in range(2))
    # round to nearest, x uniform on one cell
    k = int(rng.integers(-5, 5))
    xs = (k + us) * eps
    rnerr = float(np.mean(eps * np.round(xs / eps) - xs))
    return {
        "6": [E(2.3, 1.0), 0.3 * 2 + 0.7 * 3, 2.7],
        "18": [E(2.3, 1.0), 0.3 * 3 + 0.7 * 2, 0.9 + 1.4, 2.3],
        "38": [E(x, eps), p * hi + (1 - p) * lo, lo + p * eps, x],
        "44": [V(x, eps), eps**2 * p * (1 - p), (x - lo) * (hi - x)],
        "47": [V(2.3, 1.0), 0.3 * 0.7, 0.21],
        "49.4": [float(np.round(0.25)), 0], "49.5": [rn[-1], 0], "49.6": [8 * 0.25, 2],
        "52": [Esn, s0 + n * dl], "55": [sum(v * w for v, w in dist8.items()), 2],
        "60": [np.array([E(x, eps), E(x, eps, lambda v: v**2)]), np.array([impl.mean(), (impl**2).mean()])],
        "65.3": [0.25 * math.floor(0.6 / 0.25), 0.5],
        "68": [(0.6 - 0.5) / 0.25, (0.6 - 0.5) / 0.25, 0.4], "68.2": [E(0.6, 0.25), 0.5 + 0.4 * 0.25, 0.6],
        "72": [V(0.6, 0.25), 0.25 * 0.4 * 0.6, 0.06],
        "77": [E(x, eps), x], "77.2": [E(x, eps, lambda v: v**2), x**2],
        "79": [E(x, eps, lambda v: v**2), x**2 + V(x, eps)],
        "79.3": [5.29 + 0.21, 5.5], "79.4": [0.3 * 9 + 0.7 * 4, 5.5],
        "79.5": [Exy, x * y],
        "81.2": [0.0625 * 0.24, 0.015], "81.3": [rnerr, 0],
    }

@document("407_lecture_leapfrog_harmonic_oscillator")
def _(rng):
    om, q, p = rng.uniform(0.2, 3), rng.normal(), rng.normal()
    h = rng.uniform(0.05, 1.95) / om           # h omega < 2
    n = int(rng.integers(2, 8))
    H = lambda v, om=om: 0.5 * v[1] ** 2 + 0.5 * om**2 * v[0] ** 2  # noqa: E731
    Ht = lambda v, om=om, h=h: 0.5 * v[1] ** 2 + 0.5 * om**2 * (1 - h**2 * om**2 / 4) * v[0] ** 2  # noqa: E731
    euler = lambda v, om=om, h=h: np.array([v[0] + h * v[1], v[1] - h * om**2 * v[0]])  # noqa: E731

    def leap(v, om=om, h=h):
        ph = v[1] - h / 2 * om**2 * v[0]
        q1 = v[0] + h * ph
        return np.array([q1, ph - h / 2 * om**2 * q1])
    v = np.array([q, p])
    M = jac(leap, v)
    ve = v
    for _ in range(n):
        ve = euler(ve)
    c = 1 - h**2 * om**2 / 2
    lam = np.linalg.eigvals(M)
    A = np.diag([om**2 * (1 - h**2 * om**2 / 4), 1.0])
    # the worked step
    v0 = np.array([1.0, 0])
    w1 = leap(v0, 1.0, 0.5)
    return {
        "16": [partial(H, v, 1), partial(H, v, 1), p], "16.2": [-partial(H, v, 0), -partial(H, v, 0), -om**2 * q],
        "24": [H(euler(v)), 0.5 * (p**2 + h**2 * om**4 * q**2) + 0.5 * om**2 * (q**2 + h**2 * p**2), (1 + h**2 * om**2) * H(v)],
        "27": [H(ve), (1 + n * h**2 * om**2) * H(v)],
        "37": [leap(v)[0], c * q + h * p],
        "39": [M, np.array([[c, h], [-h * om**2, c]])],
        "43": [np.linalg.det(M), c**2 + h**2 * om**2, 1 + h**4 * om**4 / 4],
        "45": [np.linalg.det(M), 1],
        "47": [leap(v)[1], -h * om**2 * (1 - h**2 * om**2 / 4) * q + c * p],
        "51": [np.linalg.det(M), c**2 + h**2 * om**2 * (1 - h**2 * om**2 / 4), 1 - h**2 * om**2 + h**4 * om**4 / 4 + h**2 * om**2 - h**4 * om**4 / 4, 1],
        "57": [np.trace(M), 2 - h**2 * om**2],
        "59": [math.cos(abs(np.angle(lam[0]))), c],
        "61.2": [2 / 10, 2 / 10, 0.02],
        "69": [M.T @ A @ M, A], "69.3": [Ht(leap(v)), Ht(v)],
        "75": [0 - 0.5 / 2 * 1 * 1.0, 0 - 0.25 * 1, -0.25],
        "76": [w1[0], 1 + 0.5 * (-0.25), 0.875],
        "77": [w1[1], -0.25 - 0.25 * 0.875, -0.46875],
        "81": [H(w1, 1.0), 0.5 * (0.46875**2 + 0.875**2), 0.49267578125],
        "85": [Ht(v0, 1.0, 0.5), 0.5 * 0.9375, 0.46875, Ht(w1, 1.0, 0.5)],
        "87": [H(euler(v0, 1.0, 0.5), 1.0), 1.25 * 0.5],
    }

@document("408_nb_em_two_poissons")
def _(rng):
    from scipy import optimize

    n = int(rng.integers(2, 9))
    x = rng.poisson(rng.uniform(0.5, 8), size=n).astype(float)
    x[0] += 1                                    # not all zero
    pi, l1, l2 = rng.uniform(0.1, 0.9), rng.uniform(0.3, 6), rng.uniform(0.3, 6)
    pois = lambda k, lam: lam**k * math.exp(-lam) / math.factorial(int(k))  # noqa: E731
    ell = lambda th: sum(math.log(th[0] * pois(k, th[1]) + (1 - th[0]) * pois(k, th[2])) for k in x)  # noqa: E731
    post = lambda th: np.array([th[0] * pois(k, th[1]) / (th[0] * pois(k, th[1]) + (1 - th[0]) * pois(k, th[2])) for k in x])  # noqa: E731
    th = np.array([pi, l1, l2])
    g = post(th)
    a, b = math.log(pi / (1 - pi)) + l2 - l1, math.log(l1 / l2)
    # Q with arbitrary fixed responsibilities
    gq = rng.uniform(0.05, 0.95, size=n)
    Q = lambda th: sum(gq[i] * math.log(th[0] * pois(x[i], th[1])) + (1 - gq[i]) * math.log((1 - th[0]) * pois(x[i], th[2])) for i in range(n))  # noqa: E731
    C = -sum(math.log(math.factorial(int(k))) for k in x)
    l1n = optimize.brentq(lambda t: partial(Q, np.array([pi, t, l2]), 1), 1e-3, 100, xtol=1e-13)
    l2n = optimize.brentq(lambda t: partial(Q, np.array([pi, l1, t]), 2), 1e-3, 100, xtol=1e-13)
    pin = optimize.brentq(lambda t: partial(Q, np.array([t, l1, l2]), 0), 1e-4, 1 - 1e-4, xtol=1e-13)
    # the hand example
    xd = np.array([0.0, 1, 5, 6])
    gE = np.array([0.5 * pois(k, 1.0) / (0.5 * pois(k, 1.0) + 0.5 * pois(k, 5.0)) for k in xd])
    gd = np.array([0.9, 0.8, 0.1, 0.2])
    mstep = lambda gg, xx: (gg.mean(), (gg * xx).sum() / gg.sum(), ((1 - gg) * xx).sum() / (1 - gg).sum())  # noqa: E731
    pd, l1d, l2d = mstep(gd, xd)
    # any responsibilities: the M-step matches the mean
    pr, l1r, l2r = mstep(gq, x)
    gl1 = partial(ell, th, 1)
    l1new = (g * x).sum() / g.sum()
    return {
        "3:9": [g, 1 / (1 + (1 - pi) / pi * (l2 / l1) ** x * math.exp(l1 - l2))],
        "3:11": [g, sig(a + b * x)],
        "5:5": [Q(th), sum(gq[i] * (math.log(pi) + x[i] * math.log(l1) - l1) + (1 - gq[i]) * (math.log(1 - pi) + x[i] * math.log(l2) - l2) for i in range(n)) + C],
        "5:7.2": [partial(Q, th, 1), sum(gq[i] * (x[i] / l1 - 1) for i in range(n))],
        "5:9": [l1n, (gq * x).sum() / n],
        "5:13": [l1n, (gq * x).sum() / gq.sum()], "5:13.2": [l2n, ((1 - gq) * x).sum() / (1 - gq).sum()],
        "5:15": [partial(Q, th, 0), sum(gq[i] / pi - (1 - gq[i]) / (1 - pi) for i in range(n))], "5:15.2": [pin, gq.mean()],
        "7:5": [gE[0], 1 / (1 + math.exp(-4))], "7:7": [gE[1], 1 / (1 + 5 * math.exp(-4))], "7:7.2": [xd[2], 5],
        "7:9": [gE[2], 1 / (1 + 5**5 * math.exp(4))],
        "7:15": [pd, (0.9 + 0.8 + 0.1 + 0.2) / 4, 0.5],
        "7:18": [l1d, (0.8 * 1 + 0.1 * 5 + 0.2 * 6) / 2, 2.5 / 2, 1.25],
        "7:18.2": [l2d, (0.2 * 1 + 0.9 * 5 + 0.8 * 6) / 2, 9.5 / 2, 4.75],
        "8:3": [pr * l1r + (1 - pr) * l2r, x.mean()], "8:3.2": [0.5 * 1.25 + 0.5 * 4.75, 3],
        "8:3.3": [xd.mean(), 12 / 4, 3],
        "8:7": [gl1, sum(g[i] * (x[i] / l1 - 1) for i in range(n)), g.sum() / l1 * (l1new - l1)],
        "8:9": [l1 / g.sum(), l1 / (n * pi)],
        "8:11": [partial(ell, th, 0), sum((g[i] - pi) / pi for i in range(n)), n / pi * (g.mean() - pi)],
    }

@document("409_worksheet_linear_recurrence_closed_form")
def _(rng):
    N = 40
    a = [0.0, 1.0]
    F = [0.0, 1.0]
    c = [1.0, 4.0]
    b = [1.0]
    for k in range(2, N):
        a.append(a[-1] + 2 * a[-2])
        F.append(F[-1] + F[-2])
        c.append(4 * c[-1] - 4 * c[-2])
    for k in range(1, N):
        b.append(3 * b[-1] + 2)
    n = int(rng.integers(1, 16))
    r = rng.normal() * 3
    # the constants of the general solution A 2^n + B (-1)^n fitted to a_0, a_1, and (A + B n) 2^n fitted to c_0, c_1
    A, B = np.linalg.solve(np.array([[1.0, 1], [2, -1]]), np.array([a[0], a[1]]))
    Ac, Bc = np.linalg.solve(np.array([[1.0, 0], [2, 2]]), np.array([c[0], c[1]]))
    ph, ps = np.roots([1.0, -1, -1])
    ph, ps = max(ph, ps), min(ph, ps)
    bstar = -1.0
    return {
        "15": [r**2 - r - 2, (r - 2) * (r + 1)],
        "17": [a[n], A * 2**n + B * (-1) ** n],
        "19": [A + B, 0], "19.2": [2 * A - B, 1], "19.3": [A, 1 / 3], "19.4": [B, -1 / 3],
        "21": [a[n - 1], (2 ** (n - 1) + (-1) ** (n - 1)) / 3], "25": [a[n], (2**n - (-1) ** n) / 3],
        "27": [a[5], (32 + 1) / 3, 11],
        "37": [ph + ps, 1], "37.2": [ph * ps, -1], "37.3": [ph - ps, math.sqrt(5)],
        "39": [F[n], (ph**n - ps**n) / math.sqrt(5)], "41": [F[10], 55],
        "45": [sum(F[: n + 1]), F[n + 2] - 1], "46": [F[n + 1] * F[n - 1] - F[n] ** 2, (-1) ** n],
        "47": [sum(f**2 for f in F[: n + 1]), F[n + 1] ** 2], "49": [F[0] ** 2 + F[1] ** 2, F[2] ** 2],
        "57": [b[1], 5], "57.2": [b[2], 17], "57.3": [b[3], 3 * 17 + 2, 51],
        "59": [3 * bstar + 2, bstar], "61": [b[n] + 1, 3 * (b[n - 1] + 1)],
        "61.2": [b[n] + 1, 3**n * (b[0] + 1), 2 * 3**n], "63": [b[n], 2 * 3**n - 1],
        "63.2": [2 * 27 - 1, 53], "63.3": [3 * 17 + 2, 53],
        "71": [r**2 - 4 * r + 4, (r - 2) ** 2], "71.2": [c[n], (Ac + Bc * n) * 2**n], "71.3": [Ac, 1], "71.4": [Bc, 1],
        "73": [c[n], (n + 1) * 2**n],
        "75": [c[2], 4 * 4 - 4 * 1, 12], "75.2": [c[4], 5 * 16, 80],
        "85": [a[n + 1] - 2 * a[n], (-1) ** n], "87": [a[N - 1] / 2 ** (N - 1), 1 / 2],
        "89": [a[2 * (n % 19)], a[n % 19] * (2 ** (n % 19) + (-1) ** (n % 19))],
        "89.2": [sum(a[: n + 1]), (a[n + 2] - 1) / 2],
    }

@document("410_blog_erf_probit_derivatives")
def _(rng):
    from scipy import integrate, special, stats, optimize

    x = rng.uniform(-2.5, 2.5)
    p = rng.uniform(0.02, 0.98)
    yv = rng.uniform(-0.95, 0.95)
    erf = special.erf
    phi = lambda t: math.exp(-t * t / 2) / math.sqrt(2 * math.pi)  # noqa: E731
    Phi = lambda t: integrate.quad(phi, -np.inf, t, epsabs=1e-14, epsrel=1e-13)[0]  # noqa: E731
    Phid = lambda t: stats.norm.cdf(t)  # noqa: E731
    Phiinv = lambda q: optimize.brentq(lambda t: Phid(t) - q, -40, 40, xtol=1e-15)  # noqa: E731
    erfinv = lambda v: optimize.brentq(lambda t: erf(t) - v, -10, 10, xtol=1e-15)  # noqa: E731
    eta = rng.uniform(-2.5, 2.5)
    y = float(rng.integers(0, 2))
    dd = int(rng.integers(1, 5))
    xv, beta = rng.normal(size=dd), rng.normal(size=dd)
    ell = lambda e: math.log(Phid(e) ** y * (1 - Phid(e)) ** (1 - y))  # noqa: E731
    lam = lambda e: phi(e) / Phid(e)  # noqa: E731
    sgm = lambda t: 1 / (1 + math.exp(-t))  # noqa: E731
    k = d(Phid, 0.0) / d(sgm, 0.0)               # the slope-matching constant
    return {
        "17": [d(erf, x), 2 / math.sqrt(math.pi) * math.exp(-x * x)],
        "19": [d2(erf, x), -4 * x / math.sqrt(math.pi) * math.exp(-x * x)],
        "19.2": [erf(-x), -erf(x)],
        "25": [Phi(x), 0.5 * (1 + erf(x / math.sqrt(2))), 0.5 * special.erfc(-x / math.sqrt(2))],
        "29": [d(Phid, x), 0.5 * 2 / math.sqrt(math.pi) * math.exp(-x * x / 2), 1 / math.sqrt(math.pi) * math.exp(-x * x / 2)],
        "33": [d(Phid, x), 0.5 * 2 / math.sqrt(math.pi) * math.exp(-x * x / 2) / math.sqrt(2), math.exp(-x * x / 2) / math.sqrt(2 * math.pi), phi(x)],
        "35": [1 - Phi(x), Phi(-x)],
        "39": [Phiinv(p), math.sqrt(2) * erfinv(2 * p - 1)],
        "41": [d(Phiinv, p), 1 / phi(Phiinv(p)), math.sqrt(2 * math.pi) * math.exp(Phiinv(p) ** 2 / 2)],
        "45": [d(erfinv, yv), math.sqrt(math.pi) / 2 * math.exp(erfinv(yv) ** 2)],
        "47": [d(Phiinv, 0.5), math.sqrt(2 * math.pi)],
        "53": [ell(eta), y * math.log(Phid(eta)) + (1 - y) * math.log(1 - Phid(eta))],
        "57": [d(ell, eta), y * phi(eta) / Phid(eta) - (1 - y) * phi(eta) / (1 - Phid(eta)),
               phi(eta) * (y - Phid(eta)) / (Phid(eta) * (1 - Phid(eta)))],
        "59": [grad(lambda b: ell(xv @ b), beta), d(ell, xv @ beta) * xv],
        "63": [d(lam, eta), -lam(eta) * (eta + lam(eta))], "65": [d(phi, eta), -eta * phi(eta)],
        "65.2": [lam(0.0), phi(0) / Phid(0.0), math.sqrt(2 / math.pi)], "65.3": [d(lam, 0.0), -2 / math.pi],
        "69": [d(sgm, 0.0), 1 / 2], "69.2": [k / 2, phi(0)],
        "71": [k, 2 / math.sqrt(2 * math.pi), math.sqrt(2 / math.pi)],
        "73": [d(sgm, 0.0), sgm(0) * (1 - sgm(0)), 1 / 4],
        "75": [k, 4 / math.sqrt(2 * math.pi), math.sqrt(8 / math.pi)],
    }

@document("411_exam_weibull_likelihood")
def _(rng):
    from scipy import integrate, optimize

    k, lam = rng.uniform(0.5, 4), rng.uniform(0.3, 3)
    n = int(rng.integers(1, 7))
    xs = lam * rng.weibull(k, size=n)
    x = rng.uniform(0.1, 3) * lam
    m = int(rng.integers(1, 4))
    f = lambda t, k=k, lam=lam: k / lam * (t / lam) ** (k - 1) * math.exp(-((t / lam) ** k))  # noqa: E731
    S = lambda t, k=k, lam=lam: integrate.quad(lambda u: f(u, k, lam), t, np.inf, epsabs=1e-14, epsrel=1e-12)[0]  # noqa: E731
    H = lambda t: -math.log(S(t))  # noqa: E731
    ell = lambda k, lam: sum(math.log(f(t, k, lam)) for t in xs)  # noqa: E731
    lh = optimize.minimize_scalar(lambda l: -ell(k, l), bounds=(1e-3, 100), method="bounded", options={"xatol": 1e-12}).x
    lhat = lambda k: np.mean(xs**k) ** (1 / k)  # noqa: E731
    mom = lambda m, k=k, lam=lam: integrate.quad(lambda t: t**m * f(t, k, lam), 0, np.inf, epsabs=1e-13, epsrel=1e-12)[0]  # noqa: E731
    L = lhat(k)
    med = optimize.brentq(lambda t: S(t, 2.0, 1.0) - 0.5, 1e-6, 10, xtol=1e-14)
    f1 = lambda t: f(t, 1.0, lam)  # noqa: E731
    xd = np.array([1.0, 2, 3])
    lhd = optimize.minimize_scalar(lambda l: -sum(math.log(f(t, 2.0, l)) for t in xd), bounds=(1e-3, 100), method="bounded", options={"xatol": 1e-12}).x
    ell1 = lambda l: sum(math.log(f(t, 1.0, l)) for t in xs)  # noqa: E731
    lh1 = optimize.minimize_scalar(lambda l: -ell1(l), bounds=(1e-3, 100), method="bounded", options={"xatol": 1e-12}).x
    r = xs / lam
    return {
        "28": [S(x), S(x), math.exp(-((x / lam) ** k))], "30": [H(x), H(x), (x / lam) ** k],
        "32": [f(x) / S(x), f(x) / S(x), d(H, x), k / lam * (x / lam) ** (k - 1)],
        "34": [f1(x) / S(x, 1.0, lam), 1 / lam],
        "38": [ell(k, lam), n * math.log(k) - n * k * math.log(lam) + (k - 1) * np.log(xs).sum() - np.sum(r**k)],
        "40": [d(lambda l: (xs[0] / l) ** k, lam), -k / lam * (xs[0] / lam) ** k],
        "40.2": [d(lambda q: (xs[0] / lam) ** q, k), (xs[0] / lam) ** k * math.log(xs[0] / lam)],
        "42": [d(lambda l: ell(k, l), lam), -n * k / lam + k / lam * np.sum(r**k)],
        "43": [d(lambda q: ell(q, lam), k), n / k - n * math.log(lam) + np.log(xs).sum() - np.sum(r**k * np.log(r)),
               n / k + np.sum(np.log(r) * (1 - r**k))],
        "50": [lh, L],
        "54": [d2r(lambda l: ell(k, l), L, 1e-3 * L), n * k / L**2 - k * (k + 1) / L ** (k + 2) * np.sum(xs**k), -n * k / L**2],
        "56": [np.sum((xs / L) ** k), n],
        "58": [ell(k, L), ell(k, L), n * math.log(k) - n * math.log(np.mean(xs**k)) + (k - 1) * np.log(xs).sum() - n],
        "60": [lh1, xs.mean()],
        "64": [mom(m), lam**m * integrate.quad(lambda u: u ** (m / k) * math.exp(-u), 0, np.inf)[0], lam**m * math.gamma(1 + m / k)],
        "66": [mom(1), lam * math.gamma(1 + 1 / k)],
        "68": [mom(2) - mom(1) ** 2, lam**2 * math.gamma(1 + 2 / k) - lam * math.gamma(1 + 1 / k) ** 2],
        "70.3": [mom(1, 2.0, 1.0), math.gamma(1.5), math.sqrt(math.pi) / 2],
        "70.4": [mom(2, 2.0, 1.0) - mom(1, 2.0, 1.0) ** 2, math.gamma(2) - math.pi / 4, 1 - math.pi / 4],
        "70.5": [med, 1.0 * math.log(2) ** (1 / 2), math.sqrt(math.log(2))],
        "74": [lhd**2, (1 + 4 + 9) / 3, 13 / 3], "74.2": [lhd, math.sqrt(13 / 3)],
    }

@document("412_cheatsheet_cross_product_identities")
def _(rng):
    from scipy.linalg import expm

    a, b, c, dv, v = (rng.normal(size=3) for _ in range(5))
    X = np.cross
    eps = np.zeros((3, 3, 3))
    for (i, j, k), s in {(0, 1, 2): 1, (1, 2, 0): 1, (2, 0, 1): 1, (0, 2, 1): -1, (2, 1, 0): -1, (1, 0, 2): -1}.items():
        eps[i, j, k] = s
    hat = lambda u: np.array([[0, -u[2], u[1]], [u[2], 0, -u[0]], [-u[1], u[0], 0]])  # noqa: E731
    nrm = np.linalg.norm
    th_ab = math.acos(a @ b / (nrm(a) * nrm(b)))
    n = rng.normal(size=3)
    n /= nrm(n)
    th = rng.uniform(-math.pi, math.pi)
    R = expm(th * hat(n))                         # the rotation by th about n
    A, B, C = np.array([1.0, 2, 3]), np.array([4.0, 5, 6]), np.array([0.0, 1, 1])
    return {
        "8.2": [X(a, b), np.array([sum(eps[i, j, k] * a[j] * b[k] for j in range(3) for k in range(3)) for i in range(3)])],
        "15": [X(a, b), -X(b, a)], "15.2": [X(a, a), np.zeros(3)], "16": [X(a, b + c), X(a, b) + X(a, c)],
        "17": [a @ X(a, b), 0], "18": [X(a, X(b, c)), b * (a @ c) - c * (a @ b)],
        "19": [X(X(a, b), c), a * (b @ c) - b * (a @ c)],
        "20": [nrm(X(a, b)) ** 2, nrm(a) ** 2 * nrm(b) ** 2 - (a @ b) ** 2], "20.2": [nrm(X(a, b)), nrm(a) * nrm(b) * math.sin(th_ab)],
        "21": [X(a, b) @ X(c, dv), (a @ c) * (b @ dv) - (a @ dv) * (b @ c)],
        "22": [X(a, X(b, c)) + X(b, X(c, a)) + X(c, X(a, b)), np.zeros(3)],
        "28": [a @ X(b, c), np.linalg.det(np.column_stack([a, b, c])), b @ X(c, a), c @ X(a, b)],
        "30": [a @ X(b, c), b @ X(a, c)],
        "38": [X(a, b), hat(a) @ b], "38.2": [hat(a).T, -hat(a)], "38.3": [hat(a) @ hat(a), np.outer(a, a) - (a @ a) * np.eye(3)],
        "38.4": [np.trace(hat(a) @ hat(a)), -2 * a @ a], "38.5": [X(a, b), -hat(b) @ a],
        "42": [R @ v, v * math.cos(th) + X(n, v) * math.sin(th) + n * (n @ v) * (1 - math.cos(th))],
        "42.2": [R, np.eye(3) + math.sin(th) * hat(n) + (1 - math.cos(th)) * hat(n) @ hat(n)],
        "47": [jac(lambda u: X(a, u), b), hat(a)], "47.2": [jac(lambda u: X(u, b), a), hat(b)],
        "48": [grad(lambda u: a @ X(u, c), b), X(c, a)], "48.2": [grad(lambda u: u @ X(b, c), a), X(c, b)],
        "49": [grad(lambda u: nrm(X(u, b)) ** 2, a), 2 * ((b @ b) * a - (a @ b) * b), 2 * X(b, X(a, b))],
        "55": [X(A, B), np.array([2 * 6 - 3 * 5, 3 * 4 - 1 * 6, 1 * 5 - 2 * 4]), np.array([-3.0, 6, -3])],
        "56": [nrm(X(A, B)) ** 2, 9 + 36 + 9, 54],
        "56.2": [nrm(A) ** 2 * nrm(B) ** 2 - (A @ B) ** 2, 14 * 77 - 32**2, 1078 - 1024, 54],
        "57": [0.5 * math.sqrt(54), 3 * math.sqrt(6)],
        "58": [C @ X(A, B), 0 + 6 - 3, 3],
    }

@document("413_nb_lognormal_moments_mle")
def _(rng):
    from scipy import integrate, optimize, stats

    mu, s = rng.uniform(-1, 1), rng.uniform(0.2, 1.2)
    t = rng.uniform(-2, 2)
    x = math.exp(mu + s * rng.normal())
    cdf = lambda x, mu=mu, s=s: stats.norm.cdf((math.log(x) - mu) / s)  # noqa: E731   P(e^Y <= x)
    fpdf = lambda x, mu=mu, s=s: d(lambda u: cdf(u, mu, s), x)  # noqa: E731
    f = lambda x, mu=mu, s=s: math.exp(-((math.log(x) - mu) ** 2) / (2 * s * s)) / (x * s * math.sqrt(2 * math.pi))  # noqa: E731
    E = lambda g, mu=mu, s=s: integrate.quad(lambda y: g(math.exp(y)) * math.exp(-((y - mu) ** 2) / (2 * s * s)) / (s * math.sqrt(2 * math.pi)), mu - 12 * s, mu + 12 * s, epsabs=1e-13, epsrel=1e-12)[0]  # noqa: E731
    EX, EX2 = E(lambda v: v), E(lambda v: v * v)
    V = EX2 - EX**2
    mode = optimize.minimize_scalar(lambda v: -math.log(f(v)), bounds=(1e-6, 100), method="bounded", options={"xatol": 1e-12}).x
    pts = [math.exp(mu + s * rng.normal()) for _ in range(3)]
    n = int(rng.integers(2, 7))
    xs = np.exp(mu + s * rng.normal(size=n))
    ell = lambda th: sum(math.log(f(v, th[0], th[1])) for v in xs)  # noqa: E731
    opt = optimize.minimize(lambda q: -ell(np.array([q[0], math.exp(q[1])])), np.array([0.0, 0.0]), method="Nelder-Mead",
                            options={"xatol": 1e-11, "fatol": 1e-14, "maxiter": 40000})
    mh, sh = opt.x[0], math.exp(opt.x[1])
    th = np.array([mu, s])
    lx = np.log(xs)
    # the example
    E01 = lambda g: E(g, 0.0, 1.0)  # noqa: E731
    V01 = E01(lambda v: v * v) - E01(lambda v: v) ** 2
    xd = np.exp(np.array([0.0, 1, 2, 3]))
    mud, s2d = np.log(xd).mean(), np.log(xd).var()
    return {
        "1:5": [fpdf(x), f(x)], "1:7": [E(math.log), mu],
        "3:3": [EX, math.exp(mu), math.exp(mu)], "3:3.2": [E(lambda v: v**t), math.exp(t * mu + t * t * s * s / 2)],
        "3:5": [E(lambda v: v**t), math.exp(t * mu + t * t * s * s / 2)],
        "3:9": [EX, math.exp(mu + s * s / 2)], "3:9.2": [EX2, math.exp(2 * mu + 2 * s * s)],
        "3:13": [V, math.exp(2 * mu + 2 * s * s) - math.exp(2 * mu + s * s), (math.exp(s * s) - 1) * math.exp(2 * mu + 2 * s * s)],
        "3:15": [math.sqrt(V) / EX, math.sqrt(math.exp(s * s) - 1)],
        "3:17": [np.array([math.log(f(p)) - math.log(f(x)) for p in pts]),      # equal up to a constant: compared by differences
                 np.array([(-math.log(p) - (math.log(p) - mu) ** 2 / (2 * s * s)) - (-math.log(x) - (math.log(x) - mu) ** 2 / (2 * s * s)) for p in pts])],
        "3:19": [d(lambda v: math.log(f(v)), x), -1 / x - (math.log(x) - mu) / (s * s * x)],
        "3:21": [mode, math.exp(mu + s * s)], "3:23": [mode, math.exp(mu - s * s)],
        "5:5": [ell(th), -lx.sum() - n * math.log(s) - n / 2 * math.log(2 * math.pi) - ((lx - mu) ** 2).sum() / (2 * s * s)],
        "5:9": [partial(ell, th, 0), (lx - mu).sum() / s**2], "5:9.2": [partial(ell, th, 1), -n / s + ((lx - mu) ** 2).sum() / s**3],
        "5:11": [mh, lx.mean()], "5:11.2": [sh**2, ((lx - lx.mean()) ** 2).mean()],
        "5:13.3": [s * s, math.log(1 + V / EX**2)], "5:13.4": [mu, math.log(EX) - s * s / 2],
        "6:3.3": [E01(lambda v: v), math.exp(0.5)],
        "6:5": [V01, (math.e - 1) * math.e, math.e**2 - 1],
        "6:10": [mud, (0 + 1 + 2 + 3) / 4, 1.5], "6:10.2": [s2d, (2.25 + 0.25 + 0.25 + 2.25) / 4, 1.25],
        "6:12": [math.exp(mud + s2d / 2), math.exp(2.125)],
    }

@document("414_appendix_spherical_coordinates_jacobian")
def _(rng):
    from scipy import integrate, optimize, stats

    r, th, ph = rng.uniform(0.2, 3), rng.uniform(0.05, math.pi - 0.05), rng.uniform(0.05, 2 * math.pi - 0.05)
    sph = lambda v: np.array([v[0] * math.sin(v[1]) * math.cos(v[2]), v[0] * math.sin(v[1]) * math.sin(v[2]), v[0] * math.cos(v[1])])  # noqa: E731
    v = np.array([r, th, ph])
    J = jac(sph, v)
    dJ = np.linalg.det(J)
    p = sph(v)
    inv = lambda q: np.array([np.linalg.norm(q), math.acos(q[2] / np.linalg.norm(q)), math.atan2(q[1], q[0]) % (2 * math.pi)])  # noqa: E731
    pol = lambda q: np.array([q[0] * math.cos(q[1]), q[0] * math.sin(q[1])])  # noqa: E731
    s, c = math.sin(th), math.cos(th)
    Rb = rng.uniform(0.3, 3)
    ball = integrate.tplquad(lambda z, y, x: 1.0, -Rb, Rb, lambda x: -math.sqrt(Rb * Rb - x * x), lambda x: math.sqrt(Rb * Rb - x * x),
                             lambda x, y: -math.sqrt(max(Rb * Rb - x * x - y * y, 0)), lambda x, y: math.sqrt(max(Rb * Rb - x * x - y * y, 0)),
                             epsabs=1e-11, epsrel=1e-10)[0]
    # the polar angle of a uniform point on the sphere (the direction of a standard Gaussian vector):
    # P(theta <= a) = P(X_3 >= rho cot a) with rho = |(X_1, X_2)|
    F = lambda a: integrate.quad(lambda q: q * math.exp(-q * q / 2) * stats.norm.sf(q / math.tan(a)), 0, np.inf, epsabs=1e-14, epsrel=1e-12)[0]  # noqa: E731
    al = rng.uniform(0.1, math.pi - 0.1)
    q1 = integrate.quad(lambda t: math.exp(-t * t), -np.inf, np.inf, epsabs=1e-14)[0]
    h0 = integrate.quad(lambda t: math.exp(-t * t), 0, np.inf, epsabs=1e-14)[0]
    h2 = integrate.quad(lambda t: t * t * math.exp(-t * t), 0, np.inf, epsabs=1e-14)[0]
    FR = lambda t: stats.chi2.cdf(t * t, 3)  # noqa: E731   P(|X| <= t)
    rr = rng.uniform(0.1, 4)
    ER = integrate.quad(lambda t: 1 - FR(t), 0, np.inf, epsabs=1e-13)[0]
    ER2 = stats.chi2.mean(3)
    mode = optimize.minimize_scalar(lambda t: -d(FR, t), bounds=(0.1, 4), method="bounded", options={"xatol": 1e-10}).x
    g = lambda t: t * t * math.exp(-t * t / 2)  # noqa: E731
    return {
        "19": [J, J, np.array([[s * math.cos(ph), r * c * math.cos(ph), -r * s * math.sin(ph)],
                               [s * math.sin(ph), r * c * math.sin(ph), r * s * math.cos(ph)], [c, -r * s, 0]])],
        "23": [dJ, c * r * r * s * c + (-r * s) * r * s * s, r * r * s * (c * c - s * s)],
        "25": [(-1) ** (3 + 2), -1],
        "27": [dJ, r * r * s * c * c + r * r * s**3, r * r * s],
        "30": [abs(dJ), r * r * s], "30.2": [np.linalg.det(jac(inv, p)), 1 / (r * r * s)],
        "30.3": [np.linalg.det(jac(pol, np.array([r, ph]))), r],
        "36": [ball, Rb**3 / 3 * 2 * 2 * math.pi, 4 / 3 * math.pi * Rb**3],
        "40": [d(F, th), integrate.quad(lambda t: math.sin(th), 0, 2 * math.pi)[0] / (2 * math.pi), s],
        "42": [d(F, th), s / 2], "42.2": [F(al), integrate.quad(lambda t: math.sin(t) / 2, 0, al)[0], (1 - math.cos(al)) / 2],
        "48": [q1**3, 4 * math.pi * h2],
        "50": [h2, h0 / 2, math.sqrt(math.pi) / 2], "50.2": [q1**3, math.pi**1.5], "50.3": [h0, math.sqrt(math.pi) / 2],
        "52": [h2, 0.5 * math.sqrt(math.pi) / 2, math.sqrt(math.pi) / 4], "52.2": [q1**3, math.pi**1.5],
        "59": [d(FR, rr), 4 * math.pi * rr * rr / (2 * math.pi) ** 1.5 * math.exp(-rr * rr / 2), math.sqrt(2 / math.pi) * rr * rr * math.exp(-rr * rr / 2)],
        "61": [ER2, 3],
        "63": [ER, math.sqrt(2 / math.pi) * integrate.quad(lambda t: t**3 * math.exp(-t * t / 2), 0, np.inf)[0], 2 * math.sqrt(2 / math.pi)],
        "65": [ER2 - ER**2, 3 - 8 / math.pi], "65.2": [mode, math.sqrt(2)],
        "65.3": [d(g, rr), (2 * rr - rr**3) * math.exp(-rr * rr / 2)],
    }

@document("415_office_hours_delta_method")
def _(rng):
    from scipy import integrate, optimize

    p, lam = rng.uniform(0.05, 0.95), rng.uniform(0.2, 5)
    n = int(rng.integers(2, 50))
    logit = lambda q: math.log(q / (1 - q))  # noqa: E731
    # Bernoulli moments
    mb, vb = p, p * 1 - p**2                     # E[X] = p, E[X^2] = p
    tau_logit = d(logit, mb) ** 2 * vb
    # exponential
    dens = lambda x, l=lam: l * math.exp(-l * x)  # noqa: E731
    me = integrate.quad(lambda x: x * dens(x), 0, np.inf)[0]
    ve = integrate.quad(lambda x: x * x * dens(x), 0, np.inf)[0] - me**2
    inv = lambda x: 1 / x  # noqa: E731
    xs = rng.exponential(1 / lam, size=n)
    lhat = optimize.minimize_scalar(lambda l: -sum(math.log(l) - l * x for x in xs), bounds=(1e-4, 1e3), method="bounded", options={"xatol": 1e-12}).x
    fisher = integrate.quad(lambda x: -d2(lambda l: math.log(l) - l * x, lam) * dens(x), 0, np.inf)[0]
    # Poisson
    ks = np.arange(0, 400)
    pm = np.array([math.exp(k * math.log(lam) - lam - math.lgamma(k + 1)) for k in ks])
    mp = float(ks @ pm)
    vp = float((ks - mp) ** 2 @ pm)
    asq = lambda q: math.asin(math.sqrt(q))  # noqa: E731
    mu = rng.uniform(0.5, 5)
    s2 = rng.uniform(0.1, 3)
    return {
        "13": [mb, p], "13.2": [vb, p * (1 - p)],
        "15": [d(logit, p), 1 / p + 1 / (1 - p), 1 / (p * (1 - p))],
        "17": [tau_logit, p * (1 - p) * 1 / (p * (1 - p)), 1],
        "19": [tau_logit, d(logit, p) ** 2 * p * (1 - p), 1 / (p * (1 - p))],
        "21": [d(logit, 0.2) ** 2 * 0.2 * 0.8 / 100, 1 / (100 * 0.16), 1 / 16],
        "23": [0.2 * 0.8 / 100, 0.2 * 0.8 / 100, 0.0016],
        "27": [lhat, 1 / xs.mean()], "27.3": [me, 1 / lam], "27.4": [ve, 1 / lam**2],
        "29": [d(inv, me), -1 / me**2, -lam], "31": [d(inv, me) ** 2 * ve, lam**2 * (1 / lam**2), 1],
        "33": [d(inv, me), -(lam**2)], "35": [d(inv, me) ** 2 * ve, lam**4 / lam**2, lam**2],
        "37": [fisher, 1 / lam**2],
        "41": [mp, vp, lam], "41.3": [d(math.sqrt, lam), 1 / (2 * math.sqrt(lam))],
        "43": [d(math.sqrt, mp) ** 2 * vp, 1 / (4 * lam) * lam, 1 / 4],
        "48": [d(asq, p), 1 / math.sqrt(1 - p) / (2 * math.sqrt(p)), 1 / (2 * math.sqrt(p * (1 - p)))],
        "50": [d(asq, p) ** 2 * p * (1 - p), p * (1 - p) / (4 * p * (1 - p)), 1 / 4],
        "58": [0.5 * d2(math.log, mu) * s2 / n, s2 / (2 * n * mu**2)],
        "60.2": [d2(logit, 0.5), 0],
    }

@document("416_recitation_zero_inflated_poisson")
def _(rng):
    pi, lam = rng.uniform(0.05, 0.95), rng.uniform(0.2, 6)
    s = rng.uniform(-1.5, 1.5)
    ks = np.arange(0, 300)

    def pmf(pi, lam):
        poi = np.array([math.exp(k * math.log(lam) - lam - math.lgamma(k + 1)) for k in ks])
        p = (1 - pi) * poi
        p[0] += pi
        return p
    P = pmf(pi, lam)

    def lp(v, pi, lam):
        """log P(Y = v), from the two cases of the pmf."""
        if v == 0:
            return math.log(pi + (1 - pi) * math.exp(-lam))
        return math.log(1 - pi) + v * math.log(lam) - lam - math.lgamma(v + 1)
    E = lambda g: float(g(ks.astype(float)) @ P)  # noqa: E731
    G = lambda t: float(t ** ks.astype(float) @ P)  # noqa: E731
    EY, EY2 = E(lambda k: k), E(lambda k: k * k)
    V = EY2 - EY**2
    w = pi / P[0]                                  # P(structural and Y = 0) / P(Y = 0)
    k = int(rng.integers(1, 8))
    # data
    n = int(rng.integers(3, 12))
    y = np.where(rng.random(n) < pi, 0, rng.poisson(lam, size=n)).astype(float)
    y[0], y[1] = 0.0, 1.0 + y[1]
    n0, npos = int((y == 0).sum()), int((y > 0).sum())
    yp = y[y > 0]
    ell = lambda th: sum(lp(v, th[0], th[1]) for v in y)  # noqa: E731
    th = np.array([pi, lam])
    e = math.exp(-lam)
    # data with excess zeros and its (interior) MLE
    from scipy import optimize
    while True:
        nn = int(rng.integers(6, 15))
        yz = np.where(rng.random(nn) < 0.5, 0, rng.poisson(3.0, size=nn)).astype(float)
        if (yz > 0).sum() < 2 or (yz == 0).sum() < 2:
            continue
        negl = lambda q: -sum(lp(v, sig(q[0]), math.exp(q[1])) for v in yz)  # noqa: E731
        res = optimize.minimize(negl, np.array([0.0, 1.0]), method="Nelder-Mead", options={"xatol": 1e-12, "fatol": 1e-14, "maxiter": 40000})
        ph, lh = sig(res.x[0]), math.exp(res.x[1])
        if 0.02 < ph < 0.98:
            break
    P2 = pmf(0.3, 2.0)
    yd = np.array([0.0, 0, 0, 1, 2, 3])
    md, vd = yd.mean(), yd.var()
    lmom = md + vd / md - 1
    return {
        "12": [G(s), E(lambda q: s**q), pi + (1 - pi) * math.exp(lam * (s - 1))],
        "14": [EY, d(G, 1.0), (1 - pi) * lam], "14.2": [E(lambda q: q * (q - 1)), d2(G, 1.0), (1 - pi) * lam**2],
        "14.3": [EY2, (1 - pi) * (lam + lam**2)],
        "18": [V, EY2 - EY**2, (1 - pi) * (lam + lam**2) - (1 - pi) * lam**2, (1 - pi) * lam],
        "22": [V, (1 - pi) * (lam + lam**2) - (1 - pi) ** 2 * lam**2, (1 - pi) * lam * (1 + pi * lam)],
        "24": [V / EY, 1 + pi * lam],
        "30": [w, w, pi / (pi + (1 - pi) * e)], "32": [w, pi],
        "36": [P[k] / (1 - P[0]), lam**k * e / math.factorial(k)],
        "44": [ell(th), n0 * math.log(pi + (1 - pi) * e) + npos * math.log(1 - pi) + sum(v * math.log(lam) - lam - math.lgamma(v + 1) for v in yp)],
        "48": [partial(ell, th, 0), n0 * (1 - e) / (pi + (1 - pi) * e) - npos / (1 - pi)],
        "52": [partial(ell, th, 1), sum(v / lam - 1 for v in yp)],
        "56": [partial(ell, th, 1), -n0 * (1 - pi) * e / (pi + (1 - pi) * e) + sum(v / lam - 1 for v in yp), -n0 * (1 - w) + sum(v / lam - 1 for v in yp)],
        "58": [(1 - ph) * lh, yz.mean()], "58.2": [ph, (yz == 0).mean()],
        "62.3": [P2[0], 0.3 + 0.7 * math.exp(-2)], "62.4": [P2[1], 0.7 * 2 * math.exp(-2), 1.4 * math.exp(-2)],
        "64": [float(ks**2 @ P2) - float(ks @ P2) ** 2, 1.4 * (1 + 0.3 * 2), 2.24],
        "68": [(1 - pi) * lam, EY], "68.2": [1 + pi * lam, V / EY],
        "68.3": [lam - EY, pi * lam, V / EY - 1],
        "70": [lam, EY + V / EY - 1], "70.2": [pi, (lam - EY) / lam],
        "72.2": [md, 1], "72.3": [vd, 8 / 6, 4 / 3], "72.4": [lmom, 1 + 4 / 3 - 1, 4 / 3],
        "72.5": [(lmom - md) / lmom, (1 / 3) / (4 / 3), 1 / 4],
    }

@document("417_solution_key_vandermonde_determinant")
def _(rng):
    n = int(rng.integers(2, 8))
    x = rng.normal(size=n)
    Vm = lambda x: np.array([[xi**j for j in range(len(x))] for xi in x])  # noqa: E731
    det = lambda x: np.linalg.det(Vm(np.asarray(x, dtype=float)))  # noqa: E731
    x2, x3 = rng.normal(size=2), rng.normal(size=3)
    a1, a2 = x3[1] - x3[0], x3[2] - x3[0]
    h = rng.uniform(0.3, 2)
    k = int(rng.integers(0, n))
    X = np.array([1.0, 2, 4])
    t = rng.normal()
    # problem 6: the interpolating quadratic through (0, 1), (1, 2), (2, 5)
    nodes, yv = np.array([0.0, 1, 2]), np.array([1.0, 2, 5])
    a = np.linalg.solve(Vm(nodes), yv)
    p = lambda u: a[0] + a[1] * u + a[2] * u * u  # noqa: E731
    lag = lambda i, u: np.prod([(u - nodes[j]) / (nodes[i] - nodes[j]) for j in range(3) if j != i])  # noqa: E731
    fact = math.factorial
    return {
        "14": [np.linalg.det(np.array([[1, x2[0]], [1, x2[1]]])), x2[1] - x2[0]],
        "18": [det(x3), np.linalg.det(np.array([[a1, x3[1] ** 2 - x3[0] ** 2], [a2, x3[2] ** 2 - x3[0] ** 2]])),
               a1 * a2 * np.linalg.det(np.array([[1, x3[1] + x3[0]], [1, x3[2] + x3[0]]])), a1 * a2 * (x3[2] - x3[1])],
        "23": [det(x), np.prod([x[j] - x[i] for i in range(n) for j in range(i + 1, n)])],
        "27": [det(x), np.prod(x[1:] - x[0]) * (det(x[1:]) if n > 1 else 1.0)],
        "31": [det(x), np.prod([x[i] - x[j] for i in range(n) for j in range(i + 1, n)])],
        "33": [np.linalg.det(Vm(x).T), det(x)],
        "37.2": [det(X), (2 - 1) * (4 - 1) * (4 - 2), 6], "37.3": [Vm(X), np.array([[1.0, 1, 1], [1, 2, 4], [1, 4, 16]])],
        "39": [det(X), 1 * (32 - 16) - 1 * (16 - 4) + 1 * (4 - 2), 16 - 12 + 2, 6],
        "42.2": [det([0, 1, 2, 3]), 12],
        "44": [det(np.arange(n)), np.prod([fact(j) for j in range(1, n)])],
        "48": [det(h * np.arange(1, n + 1)), h ** (n * (n - 1)) * np.prod([fact(j) for j in range(1, n)])],
        "53": [partial(lambda v: math.log(abs(det(v))), x, k), sum(1 / (x[k] - x[j]) for j in range(n) if j != k)],
        "55.3": [partial(lambda v: math.log(abs(det(v))), X, 0), 1 / (1 - 2) + 1 / (1 - 4), -4 / 3],
        "59.2": [Vm(nodes) @ a, yv], "59.4": [det(nodes), 2],
        "61": [lag(0, t), (t - 1) * (t - 2) / ((0 - 1) * (0 - 2)), (t - 1) * (t - 2) / 2],
        "61.2": [lag(1, t), t * (t - 2) / ((1 - 0) * (1 - 2)), t * (t - 2)], "61.3": [lag(2, t), t * (t - 1) / 2],
        "65": [p(t), lag(0, t) + 2 * lag(1, t) + 5 * lag(2, t), 5 * t * t - 8 * t + 1],
        "67": [5 - 8 + 1, -2], "67.2": [lag(1, t), t * (2 - t)],
        "69": [p(t), (t * t - 3 * t + 2) / 2 + 2 * (2 * t - t * t) + (5 * t * t - 5 * t) / 2, t * t + 1],
        "71": [a, np.array([1.0, 0, 1])], "71.2": [p(2.0), 5],
    }

@document("418_hw_coupon_collector_moments")
def _(rng):
    n = int(rng.integers(1, 13))
    k = int(rng.integers(1, n + 1))
    j = int(rng.integers(1, 7))
    m = int(rng.integers(1, 21))

    def chain(n):
        """mean and variance of T from the absorbing Markov chain on the number of types held"""
        Q = np.zeros((n, n))
        for s in range(n):
            Q[s, s] = s / n
            if s + 1 < n:
                Q[s, s + 1] = (n - s) / n
        N = np.linalg.inv(np.eye(n) - Q)
        t = N @ np.ones(n)
        return t[0], ((2 * N - np.eye(n)) @ t - t * t)[0]

    def distinct(n, m):
        """E[number of types held after m boxes], from the chain's distribution"""
        p = np.zeros(n + 1)
        p[0] = 1
        for _ in range(m):
            q = np.zeros(n + 1)
            for s in range(n + 1):
                q[s] += p[s] * s / n
                if s < n:
                    q[s + 1] += p[s] * (n - s) / n
            p = q
        return float(np.arange(n + 1) @ p)

    # one simulated run, split into stages
    draws, held, stages, cur = 0, set(), [], 0
    while len(held) < n:
        c = int(rng.integers(n))
        draws += 1
        cur += 1
        if c not in held:
            held.add(c)
            stages.append(cur)
            cur = 0
    stay = (k - 1) / n                                   # P(a box repeats a type held) in stage k
    P = lambda i: stay ** (i - 1) * (1 - stay)  # noqa: E731
    EG = sum(i * P(i) for i in range(1, 3000))
    VG = sum((i - EG) ** 2 * P(i) for i in range(1, 3000))
    pk = (n - k + 1) / n
    ks, js = np.arange(1, n + 1), np.arange(1, n + 1)
    ps = (n - ks + 1) / n
    ET, VT = chain(n)
    Hn = sum(1 / i for i in range(1, n + 1))
    S2 = sum(1 / i**2 for i in range(1, n + 1))
    H6 = sum(1 / i for i in range(1, 7))
    jj = n - k + 1
    from scipy import special
    return {
        "9": [draws, sum(stages)],
        "15": [P(j), (1 - pk) ** (j - 1) * pk], "15.2": [stay**j, (1 - pk) ** j],
        "17": [EG, sum(stay**i for i in range(3000)), 1 / pk],
        "21": [ET, np.sum(1 / ps), np.sum(n / (n - ks + 1)), n * np.sum(1 / js), n * Hn],
        "25": [H6, 1 + 1 / 2 + 1 / 3 + 1 / 4 + 1 / 5 + 1 / 6, 137 / 60], "25.2": [chain(6)[0], 6 * H6, 13.7],
        "27": [H6, 49 / 20], "27.2": [chain(6)[0], 6 * 49 / 20, 14.7],
        "31": [VG, (1 - pk) / pk**2], "31.2": [1 - pk, (k - 1) / n],
        "33": [VT, np.sum((1 - ps) / ps**2), np.sum(n * (ks - 1) / (n - ks + 1) ** 2)],
        "38": [VT, np.sum(n * (n - js + 1) / js**2), n * (n + 1) * S2 - n * np.sum(1 / js), n * (n + 1) * S2 - n * Hn],
        "43": [k - 1, n - jj],
        "45": [VT, np.sum(n * (n - js) / js**2), n**2 * S2 - n * Hn],
        "47": [chain(2)[1], 4 * 5 / 4 - 2 * 3 / 2, 2], "47.2": [special.zeta(2), math.pi**2 / 6],
        "53": [distinct(n, m), n * (1 - (1 - 1 / n) ** m)],
        "55": [distinct(6, 6), 6 - 5**6 / 6**6],
    }

@document("419_forum_derangements_inclusion_exclusion")
def _(rng):
    from itertools import permutations

    n = int(rng.integers(2, 8))
    k = int(rng.integers(0, n + 1))
    fact = math.factorial

    def fixed_counts(n):
        """the number of fixed points of every permutation of n points"""
        return np.array([sum(1 for i, s in enumerate(p) if i == s) for p in permutations(range(n))])
    Fn = fixed_counts(n)
    D = {m: int((fixed_counts(m) == 0).sum()) for m in range(1, 8)}
    D[0] = 1
    union = int((Fn > 0).sum())
    idx = sorted(rng.choice(n, size=k, replace=False)) if k else []
    meet = sum(1 for p in permutations(range(n)) if all(p[i] == i for i in idx))
    i, j = rng.choice(n, size=2, replace=False)
    both = sum(1 for p in permutations(range(n)) if p[i] == i and p[j] == j) / fact(n)
    EF, EFF = Fn.mean(), (Fn * (Fn - 1)).mean()
    VF = Fn.var()
    return {
        "7": [D[n], fact(n) - n * fact(n - 1), 0],
        "15.2": [meet, fact(n - k)],
        "17": [union, sum((-1) ** (q + 1) * math.comb(n, q) * fact(n - q) for q in range(1, n + 1)),
               sum((-1) ** (q + 1) * fact(n) / fact(q) for q in range(1, n + 1))],
        "21": [D[n], fact(n) - union, fact(n) * sum((-1) ** q / fact(q) for q in range(n + 1))],
        "23": [D[4], 24 * (1 / 2 - 1 / 6 + 1 / 24), 9],
        "23.2": [D[7] / fact(7) + sum((-1) ** q / fact(q) for q in range(8, 40)), math.exp(-1)],
        "27": [D[n], (n - 1) * (D[n - 1] + D[n - 2])],
        "29": [D[5], 4 * (9 + 2), 44], "29.2": [D[6], 5 * (44 + 9), 265],
        "31": [D[n], n * D[n - 1] + (-1) ** (n + 1)],
        "31.2": [D[6], math.floor(fact(6) / math.e), 264],
        "35": [D[n] - n * D[n - 1], fact(n) * (-1) ** n / fact(n), (-1) ** n],
        "39.2": [EF, 1],
        "41": [VF, n * (1 / n) * (1 - 1 / n), 1 - 1 / n],
        "43": [both, 1 / (n * (n - 1))], "43.2": [EFF, 1], "43.3": [VF, EFF + EF - EF**2, 1],
        "45": [(Fn == k).mean(), math.comb(n, k) * D[n - k] / fact(n), sum((-1) ** q / fact(q) for q in range(n - k + 1)) / fact(k)],
    }

@document("420_lecture_moments_of_inertia")
def _(rng):
    from scipy import integrate, optimize

    M, L, R = rng.uniform(0.2, 5), rng.uniform(0.2, 4), rng.uniform(0.2, 3)
    th, g = rng.uniform(0.1, 1.4), rng.uniform(1, 12)
    s, h, v = rng.uniform(0.1, 5), rng.uniform(0.1, 5), rng.uniform(0.1, 5)
    dist = rng.uniform(-2, 2)
    lam, sg = M / L, M / (math.pi * R * R)
    rho = M / (4 / 3 * math.pi * R**3)
    q = lambda f, a, b: integrate.quad(f, a, b, epsabs=1e-13, epsrel=1e-12)[0]  # noqa: E731
    Icm = q(lambda x: lam * x * x, -L / 2, L / 2)
    Iend = q(lambda x: lam * x * x, 0, L)
    Id = q(lambda x: lam * (x - dist) ** 2, -L / 2, L / 2)
    disk = lambda f: integrate.dblquad(lambda y, x: sg * f(x, y), -R, R, lambda x: -math.sqrt(R * R - x * x), lambda x: math.sqrt(R * R - x * x), epsabs=1e-12, epsrel=1e-11)[0]  # noqa: E731
    Idisk, Ix = disk(lambda x, y: x * x + y * y), disk(lambda x, y: y * y)
    Ihoop = q(lambda p: M / (2 * math.pi) * R * R, 0, 2 * math.pi)
    Iball = 2 * math.pi * integrate.dblquad(lambda r, t: rho * (r * math.sin(t)) ** 2 * r * r * math.sin(t), 0, math.pi, 0, R, epsabs=1e-12, epsrel=1e-11)[0]
    Ishell = 2 * math.pi * q(lambda t: M / (4 * math.pi * R * R) * (R * math.sin(t)) ** 2 * R * R * math.sin(t), 0, math.pi)
    G = g * math.sin(th)

    def accel(I):
        """a, f, alpha from M a + f = M g sin(theta), f R - I alpha = 0, a - alpha R = 0"""
        A = np.array([[M, 1, 0], [0, R, -I], [1, 0, -R]])
        return np.linalg.solve(A, np.array([M * G, 0, 0]))[0]
    I = rng.uniform(0.05, 1) * M * R * R
    ah = accel(Ihoop)
    t = optimize.brentq(lambda t: s - 0.5 * ah * t * t, 0, 1e3, xtol=1e-14)
    K = lambda v: 0.5 * M * v * v + 0.5 * Iball * (v / R) ** 2  # noqa: E731
    vb = optimize.brentq(lambda v: K(v) - M * g * h, 0, 1e3, xtol=1e-14)
    return {
        "17": [Icm, Icm, M * L * L / 12], "21": [Iend, Iend],
        "23": [Id, Icm + M * dist**2],
        "25": [Iend, Icm + M * L * L, 13 / 12 * M * L * L],
        "29": [Iend, M * L * L / 12 + M * (L / 2) ** 2, M * L * L / 3],
        "36": [Idisk, q(lambda r: r * r * 2 * math.pi * sg * r, 0, R), math.pi * sg * R**4 / 2, M * R * R / 2],
        "39": [Ihoop, M * R * R], "39.2": [Ix, M * R * R / 4],
        "45": [Iball, rho * math.pi / 2 * q(lambda z: (R * R - z * z) ** 2, -R, R), rho * math.pi / 2 * 2 * R**5 * (1 - 2 / 3 + 1 / 5), 8 * math.pi * rho * R**5 / 15],
        "49": [Iball, 8 * math.pi * R**5 / 15 * 3 * M / (4 * math.pi * R**3), 2 / 5 * M * R * R],
        "51": [Ishell, 2 / 3 * M * R * R],
        "61": [accel(I), G / (1 + I / (M * R * R))],
        "63": [ah, G / 2], "63.2": [accel(Idisk), G / (1 + 1 / 2), 2 / 3 * G],
        "65": [accel(Iball), G / (1 + 2 / 5), 7 / 5 * G],
        "67": [t, math.sqrt(2 * s / ah), math.sqrt(2 * s / G)],
        "71": [K(v), 0.5 * M * v * v + 0.5 * Iball * (v / R) ** 2, 9 / 10 * M * v * v],
        "73": [vb, math.sqrt(10 * g * h / 9)],
    }

@document("421_blog_arcface_angular_margin_gradient")
def _(rng):
    C, dim = int(rng.integers(2, 7)), int(rng.integers(2, 6))
    W = rng.normal(size=(C, dim))
    W /= np.linalg.norm(W, axis=1, keepdims=True)
    x = rng.normal(size=dim) * rng.uniform(0.3, 3)
    y = int(rng.integers(C))
    j = int(rng.choice([k for k in range(C) if k != y]))
    s, m = rng.uniform(1, 10), rng.uniform(0.05, 1.5)
    nx = np.linalg.norm(x)
    xh = x / nx
    cosv = W @ xh
    th = np.arccos(cosv)
    c = cosv[y]

    def logits_of_cos(cv):
        z = s * np.asarray(cv, dtype=float).copy()
        z[y] = s * math.cos(math.acos(cv[y]) + m)
        return z
    Lz = lambda z: lse(z) - z[y]  # noqa: E731
    Lc = lambda cv: Lz(logits_of_cos(cv))  # noqa: E731
    Lx = lambda v: Lc(W @ (v / np.linalg.norm(v)))  # noqa: E731
    z = logits_of_cos(cosv)
    p = softmax(z)
    z2 = rng.normal(size=2) * 3
    L2 = lambda q: lse(q) - q[0]  # noqa: E731
    init = np.zeros(C)
    init[y] = s * math.cos(math.pi / 2 + m)
    others = [k for k in range(C) if k != y]
    gx = np.zeros(dim)
    for k in range(C):
        gx += (p[k] - (k == y)) * (W[k] - cosv[k] * xh)
    return {
        "19": [Lx(x), -math.log(math.exp(z[y]) / np.sum(np.exp(z))), math.log(1 + sum(math.exp(s * (cosv[k] - math.cos(th[y] + m))) for k in others))],
        "21.2": [L2(z2), math.log(1 + math.exp(z2[1] - z2[0]))], "21.3": [partial(L2, z2, 0), -sig(z2[1] - z2[0])],
        "23.4": [math.sin(math.acos(0.8)), 0.6], "23.5": [64 * 0.8, 51.2],
        "25.2": [math.cos(math.pi / 2 + m), math.sin(m)], "25.3": [Lz(init), math.log(1 + (C - 1) * math.exp(-s * math.sin(m)))],
        "25.4": [math.cos(math.pi / 2 + m), -math.sin(m)], "25.5": [Lz(init), math.log(1 + (C - 1) * math.exp(s * math.sin(m)))],
        "29": [partial(Lz, z, y), p[y] - 1], "29.2": [partial(Lz, z, j), p[j]],
        "29.4": [math.sin(th[y]), math.sqrt(1 - c * c)],
        "31": [math.cos(th[y] + m), c * math.cos(m) - math.sqrt(1 - c * c) * math.sin(m)],
        "35": [d(lambda q: math.cos(math.acos(q) + m), c), math.cos(m) - c * math.sin(m) / math.sqrt(1 - c * c), math.cos(m) - math.sin(m) / math.tan(th[y])],
        "39": [partial(Lc, cosv, y), s * (p[y] - 1) * (math.cos(m) - math.sin(m) / math.tan(th[y]))],
        "41": [partial(Lc, cosv, j), s * p[j]],
        "45": [grad(lambda v: W[j] @ v / np.linalg.norm(v), x), (W[j] - cosv[j] * xh) / nx],
        "47": [xh @ (W[j] - cosv[j] * xh), 0],
        "49": [grad(Lx, x), s / nx * gx],
        "54": [partial(Lc, cosv, y), s * (p[y] - 1) * (math.cos(m) + math.sin(m) / math.tan(th[y])), s * (p[y] - 1) * math.sin(th[y] + m) / math.sin(th[y])],
    }

@document("422_nb_gae_lambda_returns")
def _(rng):
    g, lam = rng.uniform(0.1, 0.9), rng.uniform(0.05, 0.95)
    # a random finite MDP and policy
    nS, nA = int(rng.integers(2, 5)), int(rng.integers(2, 4))
    P = rng.random((nS, nA, nS))
    P /= P.sum(axis=2, keepdims=True)
    Rw = rng.normal(size=(nS, nA))
    pi = rng.random((nS, nA))
    pi /= pi.sum(axis=1, keepdims=True)
    Ppi = np.einsum("sa,sat->st", pi, P)
    Vpi = np.linalg.solve(np.eye(nS) - g * Ppi, (pi * Rw).sum(axis=1))
    # Q^pi from its own Bellman system over state-action pairs
    big = np.eye(nS * nA) - g * np.einsum("sat,tb->satb", P, pi).reshape(nS * nA, nS * nA)
    Qpi = np.linalg.solve(big, Rw.reshape(-1)).reshape(nS, nA)
    s, a = int(rng.integers(nS)), int(rng.integers(nA))
    c = rng.normal()
    Ed = lambda V, s, a: sum(P[s, a, t] * (Rw[s, a] + g * V[t] - V[s]) for t in range(nS))  # noqa: E731
    # a terminated episode of length T: rewards r, values v with v[T] = 0 and nothing after
    T = int(rng.integers(3, 25))
    r, v = rng.normal(size=T), np.append(rng.normal(size=T), 0.0)
    dl = r + g * v[1:] - v[:-1]
    t = int(rng.integers(0, T - 1))
    k = int(rng.integers(1, T - t + 1))
    Ak = lambda k, t=t: sum(g**l * dl[t + l] for l in range(min(k, T - t)))  # noqa: E731
    K0 = T - t

    def gae_def(t, lam):
        """(1 - lam) sum_k lam^{k-1} A^(k), with A^(k) constant for k >= T - t"""
        head = (1 - lam) * sum(lam ** (q - 1) * Ak(q, t) for q in range(1, K0 + 1))
        return head + lam**K0 * Ak(K0, t)
    A = lambda t, lam=lam: sum((g * lam) ** l * dl[t + l] for l in range(T - t))  # noqa: E731
    Gl = lambda t: A(t) + v[t]  # noqa: E731
    sg2 = rng.uniform(0.1, 3)
    # the worked example
    re_, ve = np.array([1.0, 0, 2]), np.array([0.5, 1.0, 1.5, 0.0])
    de = re_ + 0.9 * ve[1:] - ve[:-1]
    Ae = lambda t: sum(0.45**l * de[t + l] for l in range(3 - t))  # noqa: E731
    long = 3000
    return {
        "1:7": [Ed(Vpi, s, a), Qpi[s, a] - Vpi[s]], "1:7.2": [sum(pi[s, b] * Ed(Vpi, s, b) for b in range(nA)), 0],
        "1:7.4": [Ed(Vpi + c, s, a), Qpi[s, a] - Vpi[s] - c],
        "2:5": [Ak(k), sum(g**l * dl[t + l] for l in range(k)), -v[t] + sum(g**l * r[t + l] for l in range(k)) + g ** (k - 1) * v[t + k]],
        "2:7": [Ak(1), dl[t]], "2:7.2": [Ak(K0 + 5), sum(g**l * r[t + l] for l in range(K0)) - v[t]],
        "4:3": [(1 - lam) * sum(lam ** (q - 1) for q in range(1, long)), 1],
        "4:6": [gae_def(t, lam), gae_def(t, lam), (1 - lam) * sum(g**l * dl[t + l] * sum(lam ** (q - 1) for q in range(l + 1, long)) for l in range(T - t)), A(t)],
        "4:11": [gae_def(t, 0.0), dl[t]], "4:11.2": [A(t, 1.0), sum(g**l * r[t + l] for l in range(K0)) - v[t]],
        "4:13": [A(t), dl[t] + g * lam * A(t + 1)],
        "4:15": [sum((g * lam) ** l for l in range(long)), g * lam / (1 - g * lam)],
        "4:15.2": [sg2 * sum((g * lam) ** (2 * l) for l in range(long)), sg2 / (1 - g * lam)],
        "6:5": [de[0], 1 + 0.9 * 1.0 - 0.5, 1.4], "6:5.2": [de[1], 0.35], "6:5.3": [de[2], 0.5],
        "6:7": [Ae(2), 0.5], "6:7.2": [Ae(1), 0.35 + 0.45 * 0.5, 0.575],
        "6:9": [Ae(0), 1.4 + 0.9 * 0.575, 1.9175], "6:11": [Ae(0), 1.4 + 0.45 * 0.575, 1.65875],
        "6:13.2": [Ae(0) + ve[0], 2.15875],
        "6:15": [Gl(t), r[t] + g * ((1 - lam) * v[t + 1] + lam * Gl(t + 1))],
        "6:17": [Ae(1) + ve[1], 0 + 0.9 * (0.5 * 1.5 + 0.5 * 2.0), 1.575],
    }

@document("423_solution_key_gini_impurity_split")
def _(rng):
    K = int(rng.integers(2, 7))
    p = rng.dirichlet(np.ones(K))
    q = rng.uniform(0.01, 0.99)
    differ = lambda p: sum(p[j] * p[k] for j in range(len(p)) for k in range(len(p)) if j != k)  # noqa: E731   P(two draws differ)
    G2 = lambda q: differ([q, 1 - q])  # noqa: E731

    def H(c):
        c = np.asarray(c, dtype=float) / np.sum(c)
        return -sum(x * math.log2(x) for x in c if x > 0)

    def Gc(c):
        c = np.asarray(c, dtype=float)
        return differ(c / c.sum())
    E = lambda c: 1 - np.max(c) / np.sum(c)  # noqa: E731

    def gain(I, L, R):
        L, R = np.asarray(L, dtype=float), np.asarray(R, dtype=float)
        n = L.sum() + R.sum()
        return I(L + R) - L.sum() / n * I(L) - R.sum() / n * I(R)
    AL, AR, BL, BR = [8, 2], [2, 8], [10, 4], [0, 6]
    Hb = lambda x: -x * math.log2(x) - (1 - x) * math.log2(1 - x)  # noqa: E731
    # a random split
    cl, cr = rng.integers(0, 8, size=K) + 0.0, rng.integers(0, 8, size=K) + 0.0
    cl[0] += 1
    cr[-1] += 1
    w = cl.sum() / (cl.sum() + cr.sum())
    pl, pr = cl / cl.sum(), cr / cr.sum()
    return {
        "13": [differ(p), np.sum(p * (1 - p)), np.sum(p) - np.sum(p**2), 1 - np.sum(p**2)],
        "15": [1 - np.sum(p**2), sum(p[j] * p[k] for j in range(K) for k in range(j + 1, K))],
        "15.2": [G2(q), 2 * q * (1 - q)], "15.3": [d(G2, q), 2 - 4 * q], "15.4": [G2(0.5), 0.5],
        "15.5": [differ(np.ones(K) / K), 1 - 1 / K**2], "15.6": [1 - 1 / 4 - 1 / 16 - 1 / 16, 5 / 8],
        "25": [Gc(AL), Gc(AR), 2 * 0.8 * 0.2, 0.32], "27": [gain(Gc, AL, AR), 0.18],
        "29": [Gc(BR), 0], "31": [Gc(BL), 2 * 10 / 14 * 4 / 14, 40 / 196, 10 / 49],
        "35": [gain(Gc, BL, BR), 1 / 2 - 14 / 20 * 10 / 49, 1 / 2 - 1 / 7, 5 / 14],
        "37.2": [gain(H, AL, AR), 1 - Hb(0.8)], "37.3": [gain(H, BL, BR), 1 - Hb(5 / 7)],
        "39": [Gc(BL), 80 / 196, 20 / 49], "39.2": [gain(Gc, BL, BR), 1 / 2 - 2 / 7, 3 / 14],
        "39.3": [gain(H, BL, BR), 1 - 14 / 20 * Hb(5 / 7)],
        "41.2": [10 / 20 * 0.2 + 10 / 20 * 0.2, 0.2], "41.3": [14 / 20 * 4 / 14 + 0, 0.2],
        "41.4": [gain(E, AL, AR), gain(E, BL, BR), 0.3],
        "45.2": [(cl + cr) / (cl + cr).sum(), w * pl + (1 - w) * pr],
        "49": [gain(Gc, cl, cr), w * (1 - w) * np.sum((pl - pr) ** 2)], "49.2": [(0.6**2 + 0.6**2) / 4, 0.18],
    }

@document("424_notes_kronecker_product_vec_trick")
def _(rng):
    vec = lambda X: np.asarray(X).reshape(-1, order="F")  # noqa: E731   columns stacked
    m, n, p, q = (int(v) for v in rng.integers(1, 5, size=4))
    A, B = rng.normal(size=(m, n)), rng.normal(size=(p, q))
    C, D = rng.normal(size=(n, int(rng.integers(1, 4)))), rng.normal(size=(q, int(rng.integers(1, 4))))
    i, j, k, l = int(rng.integers(m)), int(rng.integers(n)), int(rng.integers(p)), int(rng.integers(q))
    K = np.kron(A, B)
    # square ones, of different sizes
    ns, ms = int(rng.integers(1, 5)), int(rng.integers(1, 5))
    As, Bs = rng.normal(size=(ns, ns)), rng.normal(size=(ms, ms))
    la, U = np.linalg.eigh(As + As.T)                  # real eigenpairs for line 19
    mu, Vv = np.linalg.eigh(Bs + Bs.T)
    u, v, lam1, mu1 = U[:, 0], Vv[:, 0], la[0], mu[0]
    A2, B2 = np.array([[1.0, 2], [3, 4]]), np.array([[0.0, 1], [1, 0]])
    # the vec trick
    X = rng.normal(size=(n, p))
    a, b = rng.normal(size=m), rng.normal(size=p)
    Y = rng.normal(size=(m, n))
    # Sylvester
    Xs = rng.normal(size=(ns, ms))
    Cs = As @ Xs + Xs @ Bs
    # least squares
    Cl = rng.normal(size=(m, q))
    f = lambda x: 0.5 * np.sum((A @ x.reshape(n, p, order="F") @ B - Cl) ** 2)  # noqa: E731
    M = np.kron(B.T, A)
    x0 = vec(X)
    R = A @ X @ B - Cl
    GX = grad(lambda Z: 0.5 * np.sum((A @ Z @ B - Cl) ** 2), X)
    e = np.eye(n * p)                                  # f is quadratic: its Hessian by exact polarisation
    Hx = np.array([[f(e[r] + e[s]) - f(e[r]) - f(e[s]) + f(0 * x0) for s in range(n * p)] for r in range(n * p)])
    return {
        "11": [K[i * p + k, j * q + l], A[i, j] * B[k, l]],
        "13": [np.kron(A, B) @ np.kron(C, D), np.kron(A @ C, B @ D)], "13.2": [np.kron(A, B).T, np.kron(A.T, B.T)],
        "15": [np.kron(As, Bs) @ np.kron(np.linalg.inv(As), np.linalg.inv(Bs)), np.eye(ns * ms)],
        "15.2": [np.linalg.inv(np.kron(As, Bs)), np.kron(np.linalg.inv(As), np.linalg.inv(Bs))],
        "19": [np.kron(As + As.T, Bs + Bs.T) @ np.kron(u, v), np.kron((As + As.T) @ u, (Bs + Bs.T) @ v), lam1 * mu1 * np.kron(u, v)],
        "23": [np.trace(np.kron(As, Bs)), np.trace(As) * np.trace(Bs)],
        "23.2": [np.linalg.det(np.kron(As, Bs)), np.linalg.det(As) ** ns * np.linalg.det(Bs) ** ms],
        "27": [np.linalg.det(np.kron(As, Bs)), np.linalg.det(As) ** ms * np.linalg.det(Bs) ** ns],
        "29.3": [np.trace(np.kron(A2, B2)), 5 * 0, 0], "29.4": [np.linalg.det(np.kron(A2, B2)), (-2) ** 2 * (-1) ** 2, 4],
        "29.5": [np.linalg.norm(K), np.linalg.norm(A) * np.linalg.norm(B)],
        "35": [vec(A @ X @ B), np.kron(B.T, A) @ vec(X)],
        "37": [A @ X @ B[:, 0], sum(B[r, 0] * A @ X[:, r] for r in range(p))],
        "37.2": [vec(A @ X), np.kron(np.eye(p), A) @ vec(X)], "37.3": [vec(X @ B), np.kron(B.T, np.eye(n)) @ vec(X)],
        "37.4": [vec(np.outer(a, b)), np.kron(a, b)], "37.5": [np.trace(A.T @ Y), vec(A) @ vec(Y)],
        "41": [(np.kron(As, np.eye(ms)) + np.kron(np.eye(ns), Bs.T)) @ vec(Xs), vec(Cs)],
        "51.4": [f(x0), 0.5 * np.sum((M @ x0 - vec(Cl)) ** 2)],
        "53": [grad(f, x0), M.T @ (M @ x0 - vec(Cl)), np.kron(B, A.T) @ vec(R), vec(A.T @ R @ B.T)],
        "55": [GX, mat(A.T @ R, B)],
        "57": [Hx, M.T @ M, np.kron(B.T @ B, A.T @ A)],
    }

@document("425_notes_damped_driven_oscillator")
def _(rng):
    from scipy import linalg, optimize

    m, k = rng.uniform(0.2, 3), rng.uniform(0.2, 5)
    w0 = math.sqrt(k / m)

    def solution(c, x0, v0):
        """t -> (x(t), x'(t)) by the matrix exponential of the first-order system"""
        Mx = np.array([[0, 1], [-k / m, -c / m]])
        return lambda t: linalg.expm(t * Mx) @ np.array([x0, v0])
    x0, v0, t = rng.normal(), rng.normal(), rng.uniform(0, 3)
    # any damping
    c = rng.uniform(0.05, 4) * math.sqrt(m * k)
    g = c / (2 * m)
    S = solution(c, x0, v0)
    X = lambda t: S(t)[0]  # noqa: E731
    Vt = lambda t: S(t)[1]  # noqa: E731
    acc = d(Vt, t)
    En = lambda t: 0.5 * m * Vt(t) ** 2 + 0.5 * k * X(t) ** 2  # noqa: E731
    key = lambda z: (round(z.real, 9), round(z.imag, 9))  # noqa: E731
    pair = lambda zs: np.array([[z.real, z.imag] for z in sorted(zs, key=key)])  # noqa: E731
    sq = np.sqrt(complex(g * g - w0 * w0))
    # underdamped
    gu = rng.uniform(0.02, 0.95) * w0
    cu = 2 * m * gu
    wd = math.sqrt(w0 * w0 - gu * gu)
    Su = solution(cu, x0, v0)
    f1, f2 = (lambda s: math.exp(-gu * s) * math.cos(wd * s)), (lambda s: math.exp(-gu * s) * math.sin(wd * s))  # noqa: E731
    A_, B_ = np.linalg.solve(np.array([[f1(0), f2(0)], [d(f1, 0.0), d(f2, 0.0)]]), np.array([x0, v0]))
    Td = 2 * math.pi / wd
    S1 = solution(cu, 1.0, v0)
    # critical and overdamped
    Sc = solution(2 * m * w0, x0, v0)
    go = rng.uniform(1.05, 5) * w0
    rts = np.roots([1, 2 * go, w0 * w0])
    # driven, light damping
    gd = rng.uniform(0.02, 0.39) * w0
    cd = 2 * m * gd
    F0, om = rng.uniform(0.1, 3), rng.uniform(0.05, 3) * w0

    def steady(om):
        """amplitude and phase lag of x_p = P cos + S sin, from the two balance equations"""
        P, Sn = np.linalg.solve(np.array([[k - m * om * om, cd * om], [-cd * om, k - m * om * om]]), np.array([F0, 0.0]))
        return math.hypot(P, Sn), math.atan2(Sn, P)
    amp = lambda om: steady(om)[0]  # noqa: E731
    D = lambda om: (w0 * w0 - om * om) ** 2 + 4 * gd * gd * om * om  # noqa: E731
    wr = optimize.minimize_scalar(lambda o: -amp(o), bounds=(1e-6, w0), method="bounded", options={"xatol": 1e-12}).x
    wdd = math.sqrt(w0 * w0 - gd * gd)
    # the example
    wr_ex = optimize.minimize_scalar(lambda o: (100 - o * o) ** 2 + 4 * o * o, bounds=(1e-6, 10), method="bounded", options={"xatol": 1e-12}).x
    return {
        "16.3": [acc + 2 * g * Vt(t) + w0 * w0 * X(t), 0],
        "18": [d(En, t), Vt(t) * (m * acc + k * X(t)), -c * Vt(t) ** 2],
        "26": [pair(np.roots([1, 2 * g, w0 * w0])), pair([-g + sq, -g - sq])],
        "30": [Su(t)[0], math.exp(-gu * t) * (A_ * math.cos(wd * t) + B_ * math.sin(wd * t))],
        "32": [A_, x0], "32.2": [-gu * A_ + wd * B_, v0], "34": [B_, (v0 - gu * x0) / wd],
        "38": [math.log(S1(0)[0] / S1(Td)[0]), math.log(S1(0)[0] / S1(Td)[0]), gu * Td, 2 * math.pi * gu / wd],
        "40": [w0 / (2 * gu), w0 / (2 * gu), math.sqrt(m * k) / (2 * cu)],
        "44": [Sc(t)[0], (x0 + (v0 + w0 * x0) * t) * math.exp(-w0 * t)],
        "46": [-max(rts.real), go - math.sqrt(go * go - w0 * w0)],
        "52": [amp(om), F0 / m / math.sqrt(D(om))], "52.2": [math.tan(steady(om)[1]), 2 * gd * om / (w0 * w0 - om * om)],
        "54": [amp(0.0), F0 / k],
        "56": [d(D, om), -2 * om * (w0 * w0 - om * om) + 8 * gd * gd * om], "57": [wr, math.sqrt(w0 * w0 - 4 * gd * gd)],
        "61": [d(D, om), -4 * om * (w0 * w0 - om * om) + 8 * gd * gd * om, -4 * om * (w0 * w0 - 2 * gd * gd - om * om)],
        "62": [wr, math.sqrt(w0 * w0 - 2 * gd * gd)],
        "64": [D(wr), 4 * gd * gd * (w0 * w0 - gd * gd)], "64.2": [amp(wr), F0 / (2 * m * gd * wdd)],
        "64.3": [amp(w0), F0 / (2 * m * gd * w0)], "64.4": [amp(w0) / amp(0.0), w0 / gd, w0 / (2 * gd)],
        "66": [math.sqrt(100 / 1), 10], "66.2": [2 / (2 * 1), 1], "66.3": [10 / (2 * 1), 5], "66.4": [wr_ex, math.sqrt(98)],
    }

@document("426_worksheet_arc_length_surface_area")
def _(rng):
    from scipy import integrate

    q = lambda f, a, b: integrate.quad(f, a, b, epsabs=1e-12, epsrel=1e-11, limit=200)[0]  # noqa: E731
    arc = lambda f, a, b: q(lambda x: math.sqrt(1 + d(f, x) ** 2), a, b)  # noqa: E731
    arcp = lambda X, Y, a, b: q(lambda t: math.hypot(d(X, t), d(Y, t)), a, b)  # noqa: E731
    f1 = lambda x: abs(x) ** 1.5  # noqa: E731
    x = rng.uniform(0.05, 4)
    L1 = arc(f1, 0, 4)
    f2 = lambda x: math.log(math.cos(x))  # noqa: E731
    x2 = rng.uniform(0, math.pi / 4)
    L2 = arc(f2, 0, math.pi / 4)
    r, t = rng.uniform(0.2, 3), rng.uniform(0.01, 2 * math.pi - 0.01)
    X = lambda t: r * (t - math.sin(t))  # noqa: E731
    Y = lambda t: r * (1 - math.cos(t))  # noqa: E731
    L3 = arcp(X, Y, 0, math.pi) + arcp(X, Y, math.pi, 2 * math.pi)
    th = rng.uniform(0, 2 * math.pi)
    rho = lambda a: 1 + math.cos(a)  # noqa: E731
    L4 = arcp(lambda a: rho(a) * math.cos(a), lambda a: rho(a) * math.sin(a), 0, math.pi) + arcp(lambda a: rho(a) * math.cos(a), lambda a: rho(a) * math.sin(a), math.pi, 2 * math.pi)
    R = rng.uniform(0.2, 3)
    xs = rng.uniform(-0.9, 0.9) * R
    ysph = lambda x: math.sqrt(R * R - x * x)  # noqa: E731
    Ssph = 2 * math.pi * q(lambda a: R * math.sin(a) * R, 0, math.pi)      # x = R cos a, y = R sin a
    h, rc = rng.uniform(0.2, 3), rng.uniform(0.2, 3)
    cone = lambda x: rc / h * x  # noqa: E731
    Scone = 2 * math.pi * q(lambda x: cone(x) * math.sqrt(1 + d(cone, x) ** 2), 0, h)
    return {
        "9": [d(f1, x), 1.5 * x**0.5], "9.2": [1 + d(f1, x) ** 2, 1 + 9 * x / 4],
        "11": [L1, q(lambda x: math.sqrt(1 + 9 * x / 4), 0, 4), 2 / 3 * ((1 + 9) ** 1.5 - 1), 2 / 3 * (10**1.5 - 1)],
        "15": [L1, 4 / 9 * q(math.sqrt, 1, 10), 8 / 27 * (10 * math.sqrt(10) - 1)],
        "19": [d(f2, x2), -math.tan(x2)], "19.2": [1 + math.tan(x2) ** 2, 1 / math.cos(x2) ** 2],
        "21": [L2, q(lambda x: 1 / math.cos(x), 0, math.pi / 4), math.log(math.sqrt(2) + 1)],
        "26": [d(X, t) ** 2 + d(Y, t) ** 2, 2 * r * r * (1 - math.cos(t)), 4 * r * r * math.sin(t / 2) ** 2],
        "30": [L3, q(lambda t: 2 * r * math.sin(t / 2), 0, 2 * math.pi), 2 * r * (-math.cos(math.pi) + math.cos(0)), 4 * r],
        "33.2": [rho(th) ** 2 + d(rho, th) ** 2, 2 + 2 * math.cos(th), 4 * math.cos(th / 2) ** 2],
        "35": [L4, q(lambda a: 2 * math.cos(a / 2), 0, 2 * math.pi), 4 * math.sin(math.pi) - 4 * math.sin(0), 0],
        "37": [L4, 2 * q(lambda a: 2 * math.cos(a / 2), 0, math.pi), 8],
        "39.2": [ysph(xs) * math.sqrt(1 + d(ysph, xs) ** 2), R],
        "39.3": [Ssph, 2 * math.pi * q(lambda x: R, -R, R), 4 * math.pi * R * R],
        "43": [Scone, 2 * math.pi * q(lambda x: rc / h * x * math.sqrt(1 + rc * rc / (h * h)), 0, h), math.pi * rc * math.sqrt(h * h + rc * rc)],
    }

@document("427_nb_fixed_point_iteration_aitken")
def _(rng):
    import mpmath
    from scipy import optimize

    xs_ = optimize.brentq(lambda x: x - math.cos(x), 0, 1, xtol=1e-15)
    xk = rng.uniform(0, 1)
    xi = optimize.brentq(lambda u: -math.sin(u) - (math.cos(xk) - math.cos(xs_)) / (xk - xs_), min(xk, xs_), max(xk, xs_), xtol=1e-15)
    L, k = rng.uniform(0.05, 0.95), int(rng.integers(0, 10))
    x = rng.uniform(0, 1)

    def limit_ratio(g, power, steps):
        """e_{k+1}/e_k^power far along the iteration, in high precision"""
        with mpmath.workdps(400):
            ys = [mpmath.mpf(1)]
            for _ in range(steps + 2):
                ys.append(g(ys[-1]))
            star = mpmath.findroot(lambda u: u - g(u), mpmath.mpf("0.739"))
            e = [y - star for y in ys]
            return float(e[steps + 1] / e[steps] ** power)
    ratio = limit_ratio(mpmath.cos, 1, 120)
    # an exactly geometric error sequence
    C, rho, j = rng.normal(), rng.uniform(-0.9, 0.9), int(rng.integers(0, 6))
    seq = lambda i: xs_ + C * rho**i  # noqa: E731
    a, b, c = seq(j), seq(j + 1), seq(j + 2)
    om = rng.uniform(0.1, 1.5)
    gw = lambda x, w=om: (1 - w) * x + w * math.cos(x)  # noqa: E731
    ws = optimize.brentq(lambda w: d(lambda u: gw(u, w), xs_), 0.01, 2, xtol=1e-15)
    # quadratic convergence of the optimally relaxed map: e_{k+1}/e_k^2 at an error of about 1e-30
    with mpmath.workdps(400):
        wm = 1 / (1 + mpmath.sin(mpmath.findroot(lambda u: u - mpmath.cos(u), mpmath.mpf("0.739"))))
        star = mpmath.findroot(lambda u: u - mpmath.cos(u), mpmath.mpf("0.739"))
        e0 = mpmath.mpf("1e-30")
        e1 = (1 - wm) * (star + e0) + wm * mpmath.cos(star + e0) - star
        quad = float(e1 / e0**2)
    return {
        "1:5": [math.cos(xk) - xs_, math.cos(xk) - math.cos(xs_), -math.sin(xi) * (xk - xs_)],
        "1:11": [sum(L**i for i in range(k, 6000)), L ** (k + 1) / (1 - L)],
        "3:3.3": [abs(d(math.cos, x)), math.sin(x)],
        "3:5": [ratio, d(math.cos, xs_), math.sin(xs_)],
        "3:8": [d(math.cos, x), -math.sin(x)], "3:8.2": [d(math.cos, xs_), -math.sin(xs_)],
        "5:3.2": [(b - xs_) / (a - xs_), (c - xs_) / (b - xs_)],
        "5:5": [xs_, (a * c - b * b) / (c - 2 * b + a), a - (b - a) ** 2 / (c - 2 * b + a)],
        "5:7.2": [b - a, C * rho**j * (rho - 1)], "5:7.3": [c - 2 * b + a, C * rho**j * (rho - 1) ** 2],
        "5:11": [d(gw, xs_), 1 - om - om * math.sin(xs_)],
        "5:13": [ws, 1 / (1 + math.sin(xs_))], "5:13.2": [d2r(gw, x), -om * math.cos(x)], "5:13.3": [math.cos(xs_), xs_],
        "5:15": [quad, 0.5 * d2r(lambda u: gw(u, ws), xs_), ws * xs_ / 2],
    }

@document("428_reading_group_soft_q_learning")
def _(rng):
    nA = int(rng.integers(2, 6))
    Q, al = rng.normal(size=nA) * 2, rng.uniform(0.1, 3)
    a = int(rng.integers(nA))
    obj = lambda p: float(np.sum(p * (Q - al * np.log(p))))  # noqa: E731
    ps = np.ones(nA) / nA                                  # the maximiser over the simplex, by mirror ascent on obj
    for _ in range(200):
        gr = Q - al * (np.log(ps) + 1)
        ps = ps * np.exp(0.5 / al * (gr - gr.max()))
        ps /= ps.sum()
    Vs = al * lse(Q / al)
    Vfun = lambda q: al * lse(q / al)  # noqa: E731
    p = rng.dirichlet(np.ones(nA))
    lam = rng.normal()
    Lag = lambda p: float(np.sum(p * (Q - al * np.log(p))) - lam * (np.sum(p) - 1))  # noqa: E731
    big = 1e8
    lim = big * math.log1p(np.mean(np.expm1(Q / big)))
    two = lambda al: (softmax(np.array([1.0, 0]) / al)[0], al * lse(np.array([1.0, 0]) / al))  # noqa: E731
    r, g = rng.normal(), rng.uniform(0.1, 0.99)
    Qn = rng.normal(size=nA)
    kl = float(np.sum(p * np.log(p / ps)))
    return {
        "20": [partial(Lag, p, a), Q[a] - al * math.log(p[a]) - lam],
        "24": [ps, softmax(Q / al), np.exp((Q - Vs) / al)],
        "26": [np.log(ps), (Q - Vs) / al],
        "28": [obj(ps), np.sum(ps * Vs), Vs],
        "30": [grad(Vfun, Q), ps], "30.2": [lim, np.mean(Q)],
        "32.3": [two(1.0)[1], math.log(1 + math.e)], "32.4": [two(1.0)[0], math.e / (1 + math.e), sig(1.0)],
        "32.6": [two(0.5)[0], sig(2.0)], "32.7": [two(0.5)[1], math.log(1 + math.e**2)],
        "38": [r + g * al * lse(Qn / al), r + g * lse(Qn / al)],
        "44": [np.log(ps), (Q - Vs) / al],
        "46": [al * kl, np.sum(p * (al * np.log(p) - Q + Vs)), np.sum(p * (al * np.log(p) - Q)) - Vs],
    }

@document("429_exam_radius_of_convergence")
def _(rng):
    import mpmath

    N = 1e13
    root = lambda loga: math.exp(loga(N) / N)  # noqa: E731   |a_N|^{1/N} far out: 1/R
    radius = lambda loga: 1 / root(loga)  # noqa: E731
    S = lambda f, n0=0, n1=3000: sum(f(n) for n in range(n0, n1))  # noqa: E731
    n = int(rng.integers(1, 60))
    t, u = rng.uniform(-0.9, 0.9), rng.uniform(-0.9, 0.9)
    x1, x3, xr = rng.uniform(-2.7, 2.7), 2 + 4 * rng.uniform(-0.9, 0.9), rng.uniform(-4, 4)
    xa = rng.uniform(-0.9, 0.9)
    p, r = rng.uniform(-2, 2), rng.uniform(0.3, 5)
    a1 = lambda n: n / 3**n  # noqa: E731
    lg = math.lgamma
    with mpmath.workdps(30):
        alt_h = float(mpmath.nsum(lambda k: (-1) ** k / k, [1, mpmath.inf]))
        leib = float(mpmath.nsum(lambda k: (-1) ** k / (2 * k + 1), [0, mpmath.inf]))
    a4 = lambda n: (n / (2 * n + 1)) ** n  # noqa: E731
    g = lambda s: s / (1 - s) ** 2  # noqa: E731
    return {
        "5.2": [radius(lambda m: p * math.log(m) - m * math.log(r)), r * math.exp(p * (math.log(N) - math.log(N + 1)))],   # a_n = n^p / r^n
        "9": [a1(n) / a1(n + 1), n / 3**n * 3 ** (n + 1) / (n + 1), 3 * n / (n + 1)],
        "9.2": [radius(lambda m: math.log(m) - m * math.log(3)), 3],
        "9.3": [S(lambda k: t**k), 1 / (1 - t)], "11": [S(lambda k: k * t**k, 1), t / (1 - t) ** 2],
        "15": [S(lambda k: k * (x1 / 3) ** k, 1), (x1 / 3) / (1 - x1 / 3) ** 2, x1 / (3 - x1) ** 2],
        "20": [math.exp(lg(n + 2) - lg(n + 1)), math.exp(lg(n + 2) - lg(n + 1)), n + 1],
        "20.2": [root(lambda m: -lg(m + 1)), 0],                        # 1/R and 1/infinity
        "20.3": [radius(lambda m: lg(m + 1)), 0],
        "20.4": [S(lambda k: xr ** (2 * k) / math.factorial(2 * k), 0, 80), math.cos(xr)],
        "24": [(1 / (n * 4**n)) ** (1 / n), 1 / (4 * n ** (1 / n))], "24.2": [radius(lambda m: -math.log(m) - m * math.log(4)), 4],
        "24.3": [alt_h, math.log(2)], "24.5": [S(lambda k: u**k / k, 1), -math.log(1 - u)],
        "26": [S(lambda k: ((x3 - 2) / 4) ** k / k, 1), -math.log(1 - (x3 - 2) / 4), math.log((6 - x3) / 4)],
        "31": [a4(n) ** (1 / n), n / (2 * n + 1)], "31.2": [radius(lambda m: m * math.log(m / (2 * m + 1))), 1 / 2],
        "35": [S(lambda k: k / 2**k, 1), (1 / 2) / (1 / 2) ** 2, 2],
        "37": [S(lambda k: k * k * t**k, 1), t * d(g, t), t * (1 + t) / (1 - t) ** 3],
        "39": [S(lambda k: k * k / 2**k, 1), (1 / 2) * (3 / 2) / (1 / 2) ** 3, 6],
        "43": [1 / (1 + t * t), S(lambda k: (-1) ** k * t ** (2 * k))],
        "45": [math.atan(xa), S(lambda k: (-1) ** k * xa ** (2 * k + 1) / (2 * k + 1))],
        "47.2": [leib, math.pi / 4],
        "51": [root(lambda m: m * math.log(m / (2 * m + 1))), 1 / 2], "51.2": [radius(lambda m: m * math.log(m / (2 * m + 1))), 2],
        "51.3": [(x1 / 3) / (1 - x1 / 3) ** 2, 3 * x1 / (3 - x1) ** 2],
    }

@document("430_appendix_temperature_scaling_derivatives")
def _(rng):
    n, K = int(rng.integers(1, 7)), int(rng.integers(2, 6))
    Z = rng.normal(size=(n, K)) * 2
    y = rng.integers(0, K, size=n)
    T = rng.uniform(0.3, 3)
    b = 1 / T
    i, k = int(rng.integers(n)), int(rng.integers(K))
    NLL = lambda T: float(np.mean([lse(Z[m] / T) - Z[m, y[m]] / T for m in range(n)]))  # noqa: E731
    ell = lambda b: NLL(1 / b)  # noqa: E731
    P = lambda T, m=i: softmax(Z[m] / T)  # noqa: E731
    Ez = lambda T, m=i: float(P(T, m) @ Z[m])  # noqa: E731
    Vz = lambda T, m=i: float(P(T, m) @ Z[m] ** 2 - Ez(T, m) ** 2)  # noqa: E731
    E_all = np.array([Ez(T, m) for m in range(n)])
    V_all = np.array([Vz(T, m) for m in range(n)])
    zy = Z[np.arange(n), y]
    H = lambda T: float(-np.sum(P(T) * np.log(P(T))))  # noqa: E731
    z2 = rng.normal(size=2) * 2
    N2 = lambda T: lse(np.array([2.0, 0]) / T) - 2 / T  # noqa: E731
    return {
        "15": [softmax(z2 / T)[0], sig((z2[0] - z2[1]) / T)],
        "21": [d(lambda t: lse(Z[i] / t), T), -Ez(T) / T**2],
        "23": [d(NLL, T), np.mean(zy / T**2 - E_all / T**2), np.sum(E_all - zy) / (n * T**2)],
        "26": [Ez(1e9), np.mean(Z[i])], "26.2": [d(lambda t: P(t)[k], T), -P(T)[k] / T**2 * (Z[i, k] - Ez(T))],
        "30": [d(ell, b), np.mean(E_all - zy)], "30.2": [d2r(ell, b), np.mean(V_all)],
        "32": [d(NLL, T), -(b**2) * d(ell, b)],
        "36": [H(T), -np.sum(P(T) * np.log(P(T))), lse(Z[i] / T) - Ez(T) / T],
        "38": [d(lambda c: H(1 / c), b), -b * Vz(T)],
        "40": [d(H, T), -1 / T**2 * d(lambda c: H(1 / c), b), Vz(T) / T**2],
        "44": [N2(T), math.log(1 + math.exp(-2 / T))],
        "46": [d(N2, T), 2 / T**2 * math.exp(-2 / T) / (1 + math.exp(-2 / T)), 2 / T**2 * sig(-2 / T)],
        "48.2": [N2(1 / b), math.log(1 + math.exp(-2 * b))], "48.3": [d(lambda c: N2(1 / c), b), -2 * sig(2 * b)],
    }

@document("431_office_hours_random_sums_total_variance")
def _(rng):
    px = rng.dirichlet(np.ones(5))                       # claims on {0, ..., 4}
    xs = np.arange(5.0)
    mu, s2 = float(px @ xs), float(px @ xs**2) - float(px @ xs) ** 2
    Nmax = 8
    pN = rng.dirichlet(np.ones(Nmax + 1))

    def conv_power(p, n):
        out = np.array([1.0])
        for _ in range(n):
            out = np.convolve(out, p)
        return out

    def compound(pN, px):
        """the distribution of S on {0, 1, ...} and the conditional distributions of S given N = n"""
        cond = [conv_power(px, n) for n in range(len(pN))]
        pS = np.zeros(max(len(c) for c in cond))
        for n, c in enumerate(cond):
            pS[: len(c)] += pN[n] * c
        return pS, cond
    mom = lambda p, f: float(sum(p[k] * f(k) for k in range(len(p))))  # noqa: E731
    pS, cond = compound(pN, px)
    ES, ES2 = mom(pS, lambda k: k), mom(pS, lambda k: k * k)
    VS = ES2 - ES**2
    EN, EN2 = mom(pN, lambda k: k), mom(pN, lambda k: k * k)
    VN = EN2 - EN**2
    condE = np.array([mom(c, lambda k: k) for c in cond])
    condV = np.array([mom(c, lambda k: k * k) for c in cond]) - condE**2
    n = int(rng.integers(0, Nmax + 1))
    c = rng.uniform(0.1, 3)
    ESN = float(sum(pN[m] * m * condE[m] for m in range(Nmax + 1)))
    VNmu = mom(pN, lambda k: (k * mu) ** 2) - mom(pN, lambda k: k * mu) ** 2
    # Poisson counts (truncated far out) with the same discrete claims
    lam = rng.uniform(0.2, 3)
    pP = np.array([math.exp(k * math.log(lam) - lam - math.lgamma(k + 1)) for k in range(40)])
    pSP = compound(pP, px)[0]
    EP, VP = mom(pP, lambda k: k), mom(pP, lambda k: k * k) - mom(pP, lambda k: k) ** 2
    VSP = mom(pSP, lambda k: k * k) - mom(pSP, lambda k: k) ** 2
    EX2 = float(px @ xs**2)
    # continuous examples: given n claims, S is Gamma(n) with mean n m and variance n m^2 (exponential claims of mean m)
    def exp_claims(pcount, m):
        ks = np.arange(len(pcount))
        ES_ = float(pcount @ (ks * m))
        ES2_ = float(pcount @ (ks * m * m + (ks * m) ** 2))
        return ES_, ES2_ - ES_**2
    p3 = np.array([math.exp(k * math.log(3) - 3 - math.lgamma(k + 1)) for k in range(80)])
    E36, V36 = exp_claims(p3, 2.0)
    p, m = rng.uniform(0.05, 0.95), rng.uniform(0.2, 3)
    pg = np.array([0.0] + [(1 - p) ** (k - 1) * p for k in range(1, 3000)])
    Eg, Vg = mom(pg, lambda k: k), mom(pg, lambda k: k * k) - mom(pg, lambda k: k) ** 2
    Vgs = exp_claims(pg, m)[1]
    s, t = rng.uniform(-1, 1), rng.uniform(-0.5, 0.3)
    GX = lambda s: float(px @ s**xs)  # noqa: E731
    GN = lambda s: float(sum(pN[k] * s**k for k in range(Nmax + 1)))  # noqa: E731
    return {
        "11": [condE[n], n * mu],
        "13": [ES, float(pN @ condE), EN * mu],
        "19": [VS, EN * s2], "21": [sum(c for _ in range(n)), c * n],
        "23": [VS, float(pN @ condV) + (float(pN @ condE**2) - float(pN @ condE) ** 2)],
        "25": [condV[n], n * s2], "25.2": [condV[n], n * n * s2],
        "25.3": [VNmu, mu * VN], "25.4": [VNmu, mu**2 * VN],
        "27": [VS, EN * s2 + mu**2 * VN],
        "30": [EP, VP, lam], "32": [VSP, lam * s2 + lam * mu**2, lam * EX2],
        "36": [E36, 6], "36.2": [V36, 3 * 4 + 2 * 3, 18], "38": [V36, 3 * 4 + 4 * 3, 24],
        "40": [Eg, 1 / p], "40.2": [Vg, (1 - p) / p], "42": [Vgs, m * m / p + m * m * (1 - p) / p, m * m * (2 - p) / p],
        "44": [Vg, (1 - p) / p**2], "46": [Vgs, m * m / p + m * m * (1 - p) / p**2, m * m / p**2],
        "49": [mom(pS, lambda k: s**k), GN(GX(s))], "49.2": [mom(pS, lambda k: math.exp(t * k)), GN(float(px @ np.exp(t * xs)))],
        "49.3": [mom(pSP, lambda k: math.exp(t * k)), math.exp(lam * (float(px @ np.exp(t * xs)) - 1))],
        "49.4": [ESN, EN2 * mu],
        "51": [ESN - ES * EN, mu * EN2 - mu * EN**2, mu * VN],
        "53": [mu * lam / (math.sqrt(lam) * math.sqrt(lam * EX2)), mu / math.sqrt(mu**2 + s2)],
    }

@document("432_hw_curvature_plane_curves")
def _(rng):
    from scipy import optimize

    def kappa(xp, yp, t):
        """|d phi/dt| / speed, phi the angle of the tangent (x'(t), y'(t)) given in closed form."""
        phi = lambda s: math.atan2(yp(s), xp(s))  # noqa: E731
        return abs(d(phi, t)) / math.hypot(xp(t), yp(t))
    graph = lambda fp, x: kappa(lambda s: 1.0, fp, x)  # noqa: E731   the graph (x, f(x)) with f' = fp
    a = rng.uniform(0.3, 3)
    b = rng.uniform(0.2, 0.9) * a
    t = rng.uniform(0, 2 * math.pi)
    x = rng.uniform(-2, 2)
    xs, ys = -a * math.sin(t), a * math.cos(t)
    xss, yss = -a * math.cos(t), -a * math.sin(t)
    kc = kappa(lambda s: -a * math.sin(s), lambda s: a * math.cos(s), t)
    par = lambda s: graph(lambda u: 2 * u, s)  # noqa: E731
    ex = lambda s: graph(math.exp, s)  # noqa: E731
    u = rng.uniform(0.05, 3)
    g = lambda v: v / (1 + v) ** 3  # noqa: E731
    um = optimize.minimize_scalar(lambda v: -g(v), bounds=(1e-6, 10), method="bounded", options={"xatol": 1e-12}).x
    xm = optimize.minimize_scalar(lambda s: -ex(s), bounds=(-3, 3), method="bounded", options={"xatol": 1e-10}).x
    ell = lambda s: kappa(lambda q: -a * math.sin(q), lambda q: b * math.cos(q), s)  # noqa: E731
    sine = lambda s: graph(math.cos, s)  # noqa: E731
    return {
        "11": [xs * yss - ys * xss, a * a * math.sin(t) ** 2 + a * a * math.cos(t) ** 2, a * a], "11.2": [xs**2 + ys**2, a * a],
        "13": [kc, a * a / (a * a) ** 1.5, 1 / a],
        "17.2": [d(lambda s: s * s, x), 2 * x], "17.3": [d2(lambda s: s * s, x), 2],
        "19": [par(x), 2 / (1 + 4 * x * x) ** 1.5],
        "21": [par(0.0), 2], "21.2": [1 / par(0.0), 2], "23": [1 / par(0.0), 0.5],
        "27": [ex(x), math.exp(x) / (1 + math.exp(2 * x)) ** 1.5],
        "29.2": [ex(x) ** 2, math.exp(2 * x) / (1 + math.exp(2 * x)) ** 3],
        "31": [d(g, u), ((1 + u) ** 3 - 3 * u * (1 + u) ** 2) / (1 + u) ** 6, (1 - 2 * u) / (1 + u) ** 4],
        "33": [um, 0.5], "33.2": [xm, math.log(2) / 2],
        "35": [ex(xm), (1 / math.sqrt(2)) / 1.5**1.5, 2 / (3 * math.sqrt(3))],
        "40": [ell(t), a * b / (a * a * math.sin(t) ** 2 + b * b * math.cos(t) ** 2) ** 1.5],
        "42": [ell(0.0), a * b / a**3, b / a**2], "42.2": [ell(math.pi / 2), a / b**2],
        "48": [np.array([1 - 2 * 5 / 2, 1 + 5 / 2]), np.array([-4, 3.5])],
        "48.2": [1 / par(1.0), 5**1.5 / 2], "48.3": [math.sqrt(25 + 6.25), math.sqrt(31.25)],
        "48.4": [5**1.5 / 2, math.sqrt(125 / 4), math.sqrt(31.25)],
        "50": [sine(x), abs(math.sin(x)) / (1 + math.sin(x) ** 2) ** 1.5],
    }


@document("433_forum_gamblers_ruin")
def _(rng):
    def solve(p, N):
        """P_k (reach N before 0) and D_k (expected number of bets) from the first-step equations."""
        q = 1 - p
        A = np.eye(N + 1)
        bP, bD = np.zeros(N + 1), np.zeros(N + 1)
        bP[N] = 1.0
        for k in range(1, N):
            A[k, k + 1], A[k, k - 1] = -p, -q
            bD[k] = 1.0
        return np.linalg.solve(A, bP), np.linalg.solve(A, bD)
    p = rng.choice([rng.uniform(0.05, 0.45), rng.uniform(0.55, 0.95)])
    q = 1 - p
    N = int(rng.integers(2, 13))
    k = int(rng.integers(1, N))
    P, D = solve(p, N)
    roots = np.roots([p, -1, q])
    l1 = roots[np.argmin(abs(roots - 1))]
    l2 = roots[np.argmax(abs(roots - 1))] if abs(p - q) > 1e-12 else 1.0
    r1 = p / q
    A_, B_ = -1 / (r1**N - 1), 1 / (r1**N - 1)        # A + B = 0, A + B r^N = 1
    P4, D4 = solve(0.4, 10)
    Ph, Dh = solve(0.5, N)
    lam = rng.uniform(-2, 2)
    r = q / p
    pb, pw = rng.uniform(0.55, 0.95), rng.uniform(0.05, 0.45)    # favourable, unfavourable
    Pbig, _ = solve(pb, 1500)
    Pw, _ = solve(pw, 1500)
    kk = int(rng.integers(1, 8))
    P2, D2 = solve(p, 2)
    re = 1 + 1e-8
    return {
        "7": [P[k], p * P[k + 1] + q * P[k - 1]],
        "9.3": [l1, 1], "9.4": [l2, p / q], "9.6": [P[k], A_ + B_ * r1**k],
        "11": [P[k], (1 - r1**k) / (1 - r1**N)],
        "13.2": [0.4 / 0.6, 2 / 3], "15": [P4[5], (1 - (2 / 3) ** 5) / (1 - (2 / 3) ** 10)],
        "24": [p * lam**2 - lam + q, (lam - 1) * (p * lam - q)],
        "26": [P[k], (1 - (q / p) ** k) / (1 - (q / p) ** N)],
        "28": [0.6 / 0.4, 1.5], "28.2": [1.5**5, 7.59375],
        "30": [P4[5], (1 - 7.59375) / (1 - 1.5**10), 6.59375 / (1.5**10 - 1)],
        "32": [p * r ** (k + 1) + q * r ** (k - 1), r ** (k - 1) * (p * r * r + q), r ** (k - 1) * (q * q + p * q) / p, r**k],
        "34": [Ph[k], k / N], "34.2": [Pbig[kk], 1 - ((1 - pb) / pb) ** kk],
        "40": [D[k], 1 + p * D[k + 1] + q * D[k - 1]],
        "42": [Dh[k], k * (N - k)],
        "44": [0.5 * (k + 1) * (N - k - 1) + 0.5 * (k - 1) * (N - k + 1), k * (N - k) - 1],
        "44.2": [solve(0.5, 10)[1][5], 25],
        "46": [D[k], k / (q - p) - N / (q - p) * (1 - (q / p) ** k) / (1 - (q / p) ** N), (k - N * P[k]) / (q - p)],
        "48": [D4[5], (5 - 10 * P4[5]) / 0.2, 25 - 50 * P4[5]],
        "54": [(1 - re**k) / (1 - re**N), k / N],
        "54.2": [P2[1], p], "54.3": [D2[1], 1],
        "54.4": [Pw[kk], 1 - (pw / (1 - pw)) ** kk],
    }


@document("434_notes_convex_conjugates")
def _(rng):
    from scipy import optimize

    def conj(f, y, lo=-60.0, hi=60.0):
        """sup_x (x y - f(x)) for a concave-in-x objective, by bounded Brent search."""
        r = optimize.minimize_scalar(lambda x: f(x) - x * y, bounds=(lo, hi), method="bounded", options={"xatol": 1e-12})
        return -r.fun

    y, a = rng.uniform(-3, 3), rng.uniform(0.2, 4)
    n = int(rng.integers(1, 5))
    B = rng.normal(size=(n, n))
    A = B @ B.T + 0.5 * np.eye(n)
    yv = rng.normal(size=n)
    fq = lambda x: 0.5 * x @ A @ x  # noqa: E731
    conjv = lambda v: -optimize.minimize(lambda x: fq(x) - x @ v, np.zeros(n), jac=lambda x: A @ x - v, method="BFGS",  # noqa: E731
                                         options={"gtol": 1e-12}).fun
    Ai = np.linalg.inv(A)
    yp = rng.uniform(0.1, 5)
    yn = -rng.uniform(0.2, 3)
    nlog = lambda x: -math.log(x)  # noqa: E731
    cnl = lambda y: conj(nlog, y, 1e-8, 100.0)  # noqa: E731
    x = rng.uniform(-2, 2)
    cexp = lambda y: conj(math.exp, y, -60, 10)  # noqa: E731
    yb = rng.uniform(0.05, 0.95)
    sp = lambda t: math.log1p(math.exp(t))  # noqa: E731
    lg = math.log(yb / (1 - yb))
    # the rules, on a generic smooth strictly convex f
    f = lambda t: math.exp(t) + t * t / 2  # noqa: E731
    c, b, lam = rng.uniform(-2, 2), rng.uniform(-2, 2), rng.uniform(0.3, 3)
    half = lambda t: t * t / 2  # noqa: E731
    return {
        "13.2": [conj(half, y), y * y - y * y / 2, y * y / 2],
        "15": [conj(lambda t: a / 2 * t * t, y), y * y / a - a / 2 * y * y / a**2, y * y / (2 * a)],
        "19": [conjv(yv), yv @ Ai @ yv - 0.5 * yv @ Ai @ A @ Ai @ yv, 0.5 * yv @ Ai @ yv],
        "21": [grad(conjv, yv), Ai @ yv],
        "27": [cexp(yp), yp * math.log(yp) - yp],
        "33": [cnl(yn), yn * (-1 / yn) + math.log(-1 / yn), -1 + math.log(-yn)],
        "38": [math.exp(x) + cexp(math.exp(x)), x * math.exp(x)],
        "40": [nlog(2) + cnl(-0.5), -math.log(2) - 1 + math.log(0.5), -1 - 2 * math.log(2)],
        "42": [math.log(-1 / yn), -math.log(-yn)], "42.2": [cnl(yn), -1 - math.log(-yn)],
        "46.2": [1 + math.exp(lg), 1 / (1 - yb)],
        "48": [conj(sp, yb), yb * math.log(yb / (1 - yb)) - math.log(1 / (1 - yb)), yb * math.log(yb / (1 - yb)) + math.log(1 - yb),
               yb * math.log(yb) + (1 - yb) * math.log(1 - yb)],
        "56.2": [conj(lambda t: f(t) + c, y), conj(f, y) + c],
        "57.2": [conj(lambda t: f(t - b), y), conj(f, y) + b * y],
        "58.2": [conj(lambda t: f(lam * t), y), conj(f, y / lam)],
        "59.2": [conj(lambda t: lam * f(t), y), lam * conj(f, y)],
        "63": [conj(lambda t: lam * half(t), y), lam * conj(half, y / lam), lam / 2 * y * y / lam**2, y * y / (2 * lam)],
    }


@document("435_reading_group_ddpm_forward_process")
def _(rng):
    T = int(rng.integers(2, 7))
    beta = rng.uniform(0.01, 0.5, size=T + 1)
    beta[0] = 0.0
    alpha = 1 - beta
    abar = np.cumprod(alpha)                       # abar[0] = 1
    t = int(rng.integers(2, T + 1))
    x0, eps = rng.normal(), rng.normal()

    def moments(t, beta=beta):
        """mean coefficient and variance of x_t given x_0, by composing the one-step transitions."""
        m, v = 1.0, 0.0
        for s in range(1, t + 1):
            m, v = math.sqrt(1 - beta[s]) * m, (1 - beta[s]) * v + beta[s]
        return m, v
    m, v = moments(t)
    xt = math.sqrt(abar[t]) * x0 + math.sqrt(1 - abar[t]) * eps

    def posterior(t, xt, beta=beta):
        """q(x_{t-1} | x_t, x_0) by conditioning the joint Gaussian of (x_{t-1}, x_t) given x_0."""
        m1, v1 = moments(t - 1, beta)
        a = 1 - beta[t]
        cov, vt = math.sqrt(a) * v1, a * v1 + beta[t]
        return m1 * x0 + cov / vt * (xt - math.sqrt(a) * m1 * x0), v1 - cov * cov / vt
    pm, pv = posterior(t, xt)
    logq = lambda y: -0.5 * (y - m * x0) ** 2 / v - 0.5 * math.log(2 * math.pi * v)  # noqa: E731
    toy = np.array([0.0, 0.1, 0.2])
    _, v2 = moments(2, toy)
    _, pv2 = posterior(2, 0.3, toy)
    ab = lambda s: float(np.prod(1 - toy[1:s + 1]))  # noqa: E731
    return {
        "15": [m * x0, math.sqrt(abar[t]) * x0], "15.2": [v, sum(beta[1:t + 1])],
        "17": [v, alpha[t] * (1 - abar[t - 1]) + beta[t], alpha[t] - abar[t] + 1 - alpha[t], 1 - abar[t]],
        "19": [np.array([m * x0, v]), np.array([math.sqrt(abar[t]) * x0, 1 - abar[t]])],
        "25": [pv, (1 - abar[t]) / (1 - abar[t - 1]) * beta[t]],
        "29": [pm, math.sqrt(abar[t - 1]) * beta[t] / (1 - abar[t]) * x0 + math.sqrt(alpha[t]) * (1 - abar[t - 1]) / (1 - abar[t]) * xt],
        "31": [(1 - abar[1]) / 1 * beta[1], beta[1] ** 2],
        "33": [pv, (1 - abar[t - 1]) / (1 - abar[t]) * beta[t]],
        "39": [d(logq, xt), -(xt - math.sqrt(abar[t]) * x0) / (1 - abar[t]), -eps / (1 - abar[t])],
        "44": [x0, (xt - math.sqrt(1 - abar[t]) * eps) / math.sqrt(abar[t])], "44.2": [abar[t], alpha[t] * abar[t - 1]],
        "46": [pm, (xt - beta[t] / math.sqrt(1 - abar[t]) * eps) / math.sqrt(alpha[t])],
        "52.3": [ab(1), 0.9], "52.4": [ab(2), 0.9 * 0.2, 0.18], "52.5": [ab(2), 0.9 * 0.8, 0.72],
        "52.6": [v2, 0.28], "52.7": [0.1 + 0.2, 0.3],
        "54": [pv2, (1 - 0.9) / (1 - 0.72) * 0.2, 0.02 / 0.28, 1 / 14],
        "56": [ab(2) / (1 - ab(2)), 0.72 / 0.28, 18 / 7],
    }


@document("436_worksheet_catalan_numbers")
def _(rng):
    from functools import lru_cache
    from itertools import product
    Cb = math.comb
    n = int(rng.integers(0, 7))

    @lru_cache(maxsize=None)
    def dyck(n):
        """the number of Dyck paths of length 2n, by brute force over all step sequences."""
        count = 0
        for steps in product((1, -1), repeat=2 * n):
            h = 0
            for s in steps:
                h += s
                if h < 0:
                    break
            else:
                count += h == 0
        return count

    @lru_cache(maxsize=None)
    def tri(m):
        """triangulations of a convex m-gon: the triangle on the edge (0, m-1) has a third vertex k."""
        if m <= 3:
            return 1
        return sum(tri(k + 1) * tri(m - k) for k in range(1, m - 1))

    @lru_cache(maxsize=None)
    def trees(leaves):
        return 1 if leaves == 1 else sum(trees(i) * trees(leaves - i) for i in range(1, leaves))
    Cn = lambda k: dyck(k)  # noqa: E731
    x = rng.uniform(-0.2, 0.2)
    series = sum(Cb(2 * k, k) / (k + 1) * x**k for k in range(400))
    term, s14 = 1.0, 0.0
    for k in range(200000):                           # C_k 4^{-k}, by the ratio of consecutive terms
        s14 += term
        term *= 2 * (2 * k + 1) / (k + 2) / 4
    tail = 2 * 200000**-0.5 / math.sqrt(math.pi)        # sum_{k >= K} 4^{-k} C_k ~ 2/sqrt(pi K)
    bal = sum(1 for s in product("()", repeat=6) if all(s[:i].count("(") >= s[:i].count(")") for i in range(7)) and s.count("(") == 3)
    return {
        "7": [Cn(n), Cb(2 * n, n) / (n + 1)],
        "13": [Cn(4), Cb(8, 4) / 5, 70 / 5, 14], "13.2": [Cn(5), Cb(10, 5) / 5, 252 / 5],
        "15": [Cn(5), 42],
        "19": [Cn(n), Cb(2 * n, n) - (Cb(2 * n, n - 1) if n >= 1 else 0), Cb(2 * n, n) * (1 - n / (n + 1)), Cb(2 * n, n) / (n + 1)],
        "25": [Cn(n + 1), sum(Cn(i) * Cn(n - i) for i in range(n + 1))],
        "27": [Cn(4), Cn(0) * Cn(3) + Cn(1) * Cn(2) + Cn(2) * Cn(1) + Cn(3) * Cn(0), 5 + 2 + 2 + 5, 14],
        "29.2": [series, 1 + x * series**2],
        "31": [series, (1 + math.sqrt(1 - 4 * x)) / (2 * x)],
        "33": [1.0, Cn(0), 1],
        "33.2": [series, (1 - math.sqrt(1 - 4 * x)) / (2 * x)],
        "33.3": [s14 + tail, (1 - math.sqrt(1 - 4 * 0.25)) / (2 * 0.25), 2],
        "37": [Cn(n + 1) / Cn(n), (2 * n + 2) * (2 * n + 1) / ((n + 1) * (n + 2)), 2 * (2 * n + 1) / (n + 2)],
        "39": [Cn(6), 2 * 11 / 7 * 42, 132],
        "43": [bal, 5],
        "45": [tri(6), Cn(6), 132], "47": [tri(6), Cn(4), 14],
        "49": [trees(4), Cn(4), 14],
    }


@document("437_office_hours_hypergeometric_indicators")
def _(rng):
    from itertools import permutations
    N = int(rng.integers(3, 8))
    K = int(rng.integers(1, N))
    n = int(rng.integers(2, N + 1))
    red = set(range(K))
    draws = list(permutations(range(N), n))          # equally likely ordered samples
    I = np.array([[1.0 if b in red else 0.0 for b in dr] for dr in draws])
    X = I.sum(axis=1)
    C = math.comb
    k = int(rng.integers(0, n + 1))
    j = int(rng.integers(2, n + 1))
    i1, i2 = rng.choice(n, size=2, replace=False)
    p = K / N
    cov = np.mean(I[:, i1] * I[:, i2]) - I[:, i1].mean() * I[:, i2].mean()
    # the homework urn: ten balls, four red, three draws
    from itertools import combinations
    H = np.array([sum(1 for b in c if b < 4) for c in combinations(range(10), 3)], dtype=float)
    P = lambda v: np.mean(H == v)  # noqa: E731
    return {
        "7": [np.mean(X == k), C(K, k) * C(N - K, n - k) / C(N, n)],
        "13.2": [I[:, 1].mean(), (K - 1) / (N - 1)], "13.3": [I[:, j - 1].mean(), (K - j + 1) / (N - j + 1)],
        "17": [I[:, 1].mean(), K / N * (K - 1) / (N - 1) + (N - K) / N * K / (N - 1), K * (N - 1) / (N * (N - 1)), K / N],
        "21": [X.mean(), I.mean(axis=0).sum(), n * p, n * K / N],
        "25": [X.var(), n * p * (1 - p)],
        "29": [cov, K * (K - 1) / (N * (N - 1)) - K**2 / N**2, -K * (N - K) / (N**2 * (N - 1))],
        "33": [X.var(), n * p * (1 - p) + n * (n - 1) * cov, n * p * (1 - p) * (1 - (n - 1) / (N - 1)), n * p * (1 - p) * (N - n) / (N - 1)],
        "37": [3 * 0.4, 1.2],
        "39": [H.var(), 3 * 0.4 * 0.6 * (10 - 3) / 10, 0.504],
        "42": [H.var(), 0.72 * 7 / 9, 0.56],
        "42.2": [np.mean(X * (X - 1)), n * (n - 1) * K * (K - 1) / (N * (N - 1))], "42.3": [3 * 2 * 4 * 3 / (10 * 9), 0.8],
        "44": [H.var(), np.mean(H * (H - 1)) + H.mean() - H.mean() ** 2, 0.8 + 1.2 - 1.44, 0.56],
        "47": [P(2), C(4, 2) * C(6, 1) / C(10, 3), 36 / 120, 0.3], "47.2": [P(0), C(6, 3) / C(10, 3), 20 / 120],
        "49": [P(1), C(4, 1) * C(6, 2) / C(10, 3), 4 * 30 / 120, 1],
        "53": [C(6, 2), 15], "53.2": [P(1), 0.5], "53.3": [P(3), 1 / 30],
        "53.4": [sum(v * P(v) for v in range(4)), 0.5 + 0.6 + 0.1, 1.2],
    }


@document("438_blog_mmd_rbf_kernel_gradient")
def _(rng):
    from scipy import integrate, optimize
    h = rng.uniform(0.3, 3)
    dd, m, n = int(rng.integers(1, 4)), int(rng.integers(2, 6)), int(rng.integers(2, 6))
    k = lambda x, y, h=h: math.exp(-np.sum((np.asarray(x) - np.asarray(y)) ** 2) / (2 * h * h))  # noqa: E731
    X, Y = rng.normal(size=(m, dd)), rng.normal(size=(n, dd)) + 0.5
    aa = int(rng.integers(m))

    def est(X, Y=Y, h=h):
        X = np.asarray(X).reshape(m, dd)
        return (sum(k(X[i], X[j], h) for i in range(m) for j in range(m)) / m**2
                + sum(k(Y[i], Y[j], h) for i in range(n) for j in range(n)) / n**2
                - 2 / (m * n) * sum(k(X[i], Y[j], h) for i in range(m) for j in range(n)))

    def gx(xa):
        Z = X.copy(); Z[aa] = xa
        return est(Z)
    S_off = sum(k(X[i], X[j]) for i in range(m) for j in range(m) if i != j)
    # one-dimensional Gaussians: E k(x, y) for x ~ N(a, s^2), y ~ N(b, t^2) independent
    def Ek(a, s, b, t, h=h):
        f = lambda v, u: math.exp(-(u - v) ** 2 / (2 * h * h)) * math.exp(-((u - a) / s) ** 2 / 2 - ((v - b) / t) ** 2 / 2) / (2 * math.pi * s * t)  # noqa: E731
        return integrate.dblquad(f, a - 10 * s, a + 10 * s, b - 10 * t, b + 10 * t, epsabs=1e-13, epsrel=1e-11)[0]
    a, b = rng.normal(), rng.normal()
    s, t, sg = rng.uniform(0.3, 1.5), rng.uniform(0.3, 1.5), rng.uniform(0.3, 1.5)
    mmd = lambda a, s, b, t: Ek(a, s, a, s) + Ek(b, t, b, t) - 2 * Ek(a, s, b, t)  # noqa: E731
    Ekk = Ek(a, s, a, s)
    V = h * h + 2 * sg * sg
    x1, y1 = rng.normal(size=dd), rng.normal(size=dd)
    hstar = optimize.minimize_scalar(lambda q: -2 * q * (q * q + 2 * sg * sg) ** -1.5, bounds=(1e-3, 20), method="bounded", options={"xatol": 1e-12}).x
    M = mmd(a, s, b, t)
    return {
        "13": [M, M, Ekk + Ek(b, t, b, t) - 2 * Ek(a, s, b, t)],
        "15": [Ek(a, s, b, t), Ek(a, s, b, t)],
        "23": [k(X[0], X[0]), 1],
        "25": [sum(k(X[i], X[j]) for i in range(m) for j in range(m)) / m**2, 1 / m + (m - 1) / m * S_off / (m * (m - 1))],
        "29": [(m * 1 + m * (m - 1) * Ekk) / m**2, 1 / m + (m - 1) / m * Ekk, Ekk + (1 - Ekk) / m],
        "31": [np.sum((x1 - y1) ** 2), x1 @ x1 - 2 * x1 @ y1 + y1 @ y1],
        "37": [grad(lambda x: k(x, y1), x1), -(x1 - y1) / h**2 * k(x1, y1)],
        "37.2": [d(lambda q: k(x1, y1, q), h), np.sum((x1 - y1) ** 2) / (2 * h**3) * k(x1, y1)],
        "41": [grad(gx, X[aa]), -1 / (m * m * h * h) * sum((X[aa] - X[j]) * k(X[aa], X[j]) for j in range(m))
               + 2 / (m * n * h * h) * sum((X[aa] - Y[j]) * k(X[aa], Y[j]) for j in range(n))],
        "45": [grad(gx, X[aa]), -2 / (m * m * h * h) * sum((X[aa] - X[j]) * k(X[aa], X[j]) for j in range(m))
               + 2 / (m * n * h * h) * sum((X[aa] - Y[j]) * k(X[aa], Y[j]) for j in range(n))],
        "47": [sum((X[i] - X[j]) * k(X[i], X[j]) for i in range(m) for j in range(m)), np.zeros(dd)],
        "53": [Ek(a, s, b, t), h / math.sqrt(h * h + s * s + t * t) * math.exp(-(a - b) ** 2 / (2 * (h * h + s * s + t * t)))],
        "55": [Ek(a, sg, a, sg), h / math.sqrt(V)],
        "57": [mmd(a, sg, b, sg), 2 * h / math.sqrt(V) * (1 - math.exp(-(a - b) ** 2 / (2 * V)))],
        "59": [mmd(a, s, a, t), h / math.sqrt(h * h + 2 * s * s) + h / math.sqrt(h * h + 2 * t * t) - 2 * h / math.sqrt(h * h + s * s + t * t)],
        "63": [d2r(lambda q: mmd(q, sg, b, sg), b, 1e-2), 2 * h / math.sqrt(V) / V, h / V**1.5],
        "65": [hstar, math.sqrt(2) * sg],
    }


_CACHE_439 = {}  # the Fourier coefficients of the sawtooth, computed once


@document("439_hw_sawtooth_fourier_basel")
def _(rng):
    from scipy import integrate
    import mpmath
    q = lambda g, a, b: integrate.quad(g, a, b, epsabs=1e-13, epsrel=1e-12, limit=400)[0]  # noqa: E731
    n = int(rng.integers(1, 12))
    f = lambda x: x  # noqa: E731   on (-pi, pi)
    an = q(lambda x: f(x) * math.cos(n * x), -math.pi, math.pi) / math.pi
    bn = q(lambda x: f(x) * math.sin(n * x), -math.pi, math.pi) / math.pi
    I = q(lambda x: x * math.sin(n * x), 0, math.pi)
    x = rng.choice([-1, 1]) * rng.uniform(0.5, 2.5)
    N = 2_000_000
    ks = np.arange(1, N + 2, dtype=float)

    def series(coef):   # the average of the partial sums S_N and S_{N+1} of sum coef(k) sin(k x)
        terms = coef(ks) * np.sin(ks * x)
        return float(np.sum(terms[:-1]) + terms[-1] / 2)
    leib = float(mpmath.nsum(lambda k: (-1) ** k / (2 * k + 1), [0, mpmath.inf]))
    z2 = float(mpmath.zeta(2))
    odd = float(mpmath.nsum(lambda k: 1 / (2 * k + 1) ** 2, [0, mpmath.inf]))
    alt = float(mpmath.nsum(lambda k: (-1) ** (k + 1) / k**2, [1, mpmath.inf]))
    xr = rng.uniform(-math.pi, math.pi)
    M = np.arange(1, 1_000_001, dtype=float)
    Ns = int(rng.integers(1, 6))
    bq = [q(lambda t: t * math.sin(j * t), -math.pi, math.pi) / math.pi for j in range(1, Ns + 1)]
    SN = lambda t: sum(bq[j - 1] * math.sin(j * t) for j in range(1, Ns + 1))  # noqa: E731
    pi = math.pi
    # Fourier coefficients up to J by Gauss-Legendre quadrature, and the tail of sum b_n^2 (b_n^2 = 4/n^2) in closed form
    J = 300
    if "439" not in _CACHE_439:
        gx_, gw = np.polynomial.legendre.leggauss(1200)
        gx_, gw = gx_ * pi, gw * pi
        js = np.arange(1, J + 1)[:, None]
        _CACHE_439["439"] = (float(gw @ gx_) / pi, (np.cos(js * gx_) * gx_) @ gw / pi, (np.sin(js * gx_) * gx_) @ gw / pi)
    a0, acs, bcs = _CACHE_439["439"]
    return {
        "10": [an, 0], "10.2": [bn, 2 / pi * I],
        "12": [I, (-pi * math.cos(n * pi) / n + 0) + q(lambda t: math.cos(n * t), 0, pi) / n, pi * (-1) ** n / n],
        "14": [bn, 2 * (-1) ** n / n],
        "16": [x, 2 * series(lambda k: (-1) ** k / k)],
        "18": [2 * (-leib), -pi / 2],
        "18.2": [-pi * math.cos(n * pi) / n, pi * (-1) ** (n + 1) / n],
        "20": [bn, 2 * (-1) ** (n + 1) / n],
        "20.2": [x, 2 * series(lambda k: (-1) ** (k + 1) / k)],
        "22": [pi / 4, leib],
        "24": [q(lambda t: f(t) ** 2, -pi, pi) / pi, a0**2 / 2 + float(np.sum(acs**2 + bcs**2)) + 4 * (1 / J - 1 / (2 * J**2) + 1 / (6 * J**3))],
        "24.2": [q(lambda t: t * t, -pi, pi), pi**3 / 3],
        "26": [pi**2 / 3, 4 * z2], "26.2": [z2, pi**2 / 12],
        "28": [1 + 1 / 4, 1.25], "28.2": [q(lambda t: t * t, -pi, pi), 2 * pi**3 / 3],
        "30": [1 / pi * 2 * pi**3 / 3, 2 * pi**2 / 3, 4 * z2], "30.2": [z2, pi**2 / 6],
        "35": [odd, pi**2 / 6 - pi**2 / 24, pi**2 / 8],
        "37": [xr * xr / 2, 2 * float(np.sum((-1) ** (M + 1) / M**2 * (1 - np.cos(M * xr))))],
        "39": [pi**2 / 2, 2 * float(np.sum((-1) ** (M + 1) / M**2 * (1 - (-1) ** M))) + 2 / len(M), 4 * odd],
        "41": [4 * pi**2 / 8, pi**2 / 2],
        "43": [alt, z2 - 2 * float(mpmath.nsum(lambda m: 1 / (2 * m) ** 2, [1, mpmath.inf])), pi**2 / 6 - pi**2 / 12, pi**2 / 12],
        "47": [q(lambda t: (t - SN(t)) ** 2, -pi, pi) / pi, 4 * (z2 - sum(1 / j**2 for j in range(1, Ns + 1)))],
    }


@document("440_notes_pseudoinverse_min_norm")
def _(rng):
    pinv = np.linalg.pinv
    m, n = int(rng.integers(1, 6)), int(rng.integers(1, 6))
    r = int(rng.integers(1, min(m, n) + 1))
    A = rng.normal(size=(m, r)) @ rng.normal(size=(r, n))          # any rank
    Ap = pinv(A)
    U, sv, Vt = np.linalg.svd(A)
    Sp = np.zeros((n, m))
    for i, s in enumerate(sv):
        if s > 1e-10 * sv[0]:
            Sp[i, i] = 1 / s
    lo, hi = sorted([m, n])
    T = rng.normal(size=(hi, lo))            # full column rank
    W = T.T                                   # full row rank
    u, v = rng.normal(size=(m, 1)), rng.normal(size=(n, 1))
    c = rng.uniform(0.1, 2)
    a = rng.normal(size=(n, 1))
    k = max(m, n) + int(rng.integers(1, 3))
    A2, B2 = rng.normal(size=(m, k)), rng.normal(size=(k, n))
    b = rng.normal(size=m)
    xp = Ap @ b
    J = np.ones((2, 2))
    uu = np.ones((2, 1))
    A3 = np.array([[1.0, 0], [0, 1], [1, 1]])
    b3 = np.array([1.0, 1, 0])
    Id = lambda q: np.eye(q)  # noqa: E731
    return {
        "13.2": [Ap, Vt.T @ Sp @ U.T],
        "17": [pinv(T), np.linalg.inv(T.T @ T) @ T.T],
        "17.2": [pinv(T) @ T, np.linalg.inv(T.T @ T) @ T.T @ T, Id(lo)],
        "21": [pinv(W), W.T @ np.linalg.inv(W @ W.T)], "21.2": [W @ pinv(W), Id(lo)],
        "23.2": [(u @ v.T) @ (c * v @ u.T) @ (u @ v.T), c * u @ (v.T @ v) @ (u.T @ u) @ v.T],
        "25": [pinv(u @ v.T), v @ u.T / ((u.T @ u).item() * (v.T @ v).item())],
        "27": [pinv(a), a / (a.T @ a).item()], "27.2": [pinv(A.T), Ap.T],
        "27.3": [pinv(A2 @ B2), pinv(B2) @ pinv(A2)],
        "33": [A.T @ A @ xp, A.T @ A @ Ap @ b, A.T @ (A @ Ap).T @ b, (A @ Ap @ A).T @ b, A.T @ b],
        "39.3": [(uu.T @ uu).item(), 2],
        "41": [pinv(J), uu @ uu.T / 2, J / 2],
        "43": [J @ pinv(J) @ J, 0.5 * J @ J @ J, 0.5 * 4 * J, 2 * J],
        "43.2": [(uu.T @ uu).item() ** 2, 4],
        "45": [pinv(J), J / 4], "45.2": [J @ pinv(J), J / 2],
        "51.2": [A3.T @ A3, np.array([[2.0, 1], [1, 2]])], "51.3": [np.linalg.inv(A3.T @ A3), np.array([[2.0, -1], [-1, 2]]) / 3],
        "55": [pinv(A3), np.array([[2.0, -1, 1], [-1, 2, 1]]) / 3],
        "55.2": [A3 @ pinv(A3), np.array([[2.0, -1, 1], [-1, 2, 1], [1, 1, 1]]) / 3],
        "57.2": [pinv(A3) @ b3, pinv(A3) @ b3, np.array([1.0, 1]) / 3],
        "57.3": [A3 @ pinv(A3) @ b3 - b3, np.array([-2.0, -2, 2]) / 3],
        "57.4": [np.trace(A3 @ pinv(A3)), 2],
    }


@document("441_lecture_richardson_romberg")
def _(rng):
    from scipy import integrate
    A, c, p, h = rng.normal(), rng.normal(), int(rng.integers(1, 5)), rng.uniform(0.05, 1)
    Ah = lambda t: A + c * t**p  # noqa: E731
    x = rng.uniform(-2, 2)
    f5 = lambda t: t**5  # noqa: E731
    D = lambda f, t: (f(x + t) - f(x - t)) / (2 * t)  # noqa: E731
    g = lambda t: math.sin(2 * t) + t**3 * math.exp(-t * t)  # noqa: E731
    a, b = rng.uniform(-1, 0), rng.uniform(0.2, 2)
    n = int(rng.integers(1, 6))

    def T(f, n):
        xs = np.linspace(a, b, n + 1); hh = (b - a) / n
        return hh * (sum(f(t) for t in xs) - (f(xs[0]) + f(xs[-1])) / 2)

    def S(f, m):  # composite Simpson with m (even) sub-intervals
        xs = np.linspace(a, b, m + 1); hh = (b - a) / m
        w = np.array([1] + [4 if i % 2 else 2 for i in range(1, m)] + [1], dtype=float)
        return hh / 3 * sum(wi * f(t) for wi, t in zip(w, xs))
    e = math.e
    T1 = (math.exp(0) + math.exp(1)) / 2
    T2 = 0.5 * (math.exp(0) / 2 + math.exp(0.5) + math.exp(1) / 2)
    return {
        "13": [A, (2**p * Ah(h / 2) - Ah(h)) / 2**p],
        "21": [D(f5, h), ((x + h) ** 5 - (x - h) ** 5) / (2 * h), 5 * x**4 + 10 * x * x * h * h + h**4],
        "24": [D(f5, h / 2), 5 * x**4 + 2.5 * x * x * h * h + h**4 / 16],
        "26": [(4 * D(f5, h / 2) - D(f5, h)) / 3, 5 * x**4 + h**4 / 4],
        "30": [(4 * D(g, h / 2) - D(g, h)) / 3, (g(x - h) - 8 * g(x - h / 2) + 8 * g(x + h / 2) - g(x + h)) / (6 * h)],
        "41": [(4 * T(g, 2 * n) - T(g, n)) / 3, S(g, 2 * n)],
        "45": [(0 + 4 / 8 + 1) / 6, 1 / 4, integrate.quad(lambda t: t**3, 0, 1)[0]],
        "50": [e - 1, integrate.quad(math.exp, 0, 1, epsabs=1e-14)[0], e - 1],
        "52": [T1, (1 + e) / 2],
        "53": [T2, 0.5 * (0.5 + math.sqrt(e) + e / 2), 0.25 + math.sqrt(e) / 2 + e / 2],
        "57": [(4 * T2 - T1) / 3, (1 + 2 * math.sqrt(e) + e - (1 + e) / 2) / 3, (1 + 4 * math.sqrt(e) + e) / 6],
    }


@document("442_appendix_orthogonal_procrustes")
def _(rng):
    from scipy import linalg, optimize
    dd = int(rng.integers(2, 4))
    n = int(rng.integers(dd, 7))
    A, B = rng.normal(size=(dd, n)), rng.normal(size=(dd, n))
    L = lambda R, A=A, B=B: np.sum((R @ A - B) ** 2)  # noqa: E731
    iu = np.triu_indices(dd, 1)

    def rot(w):
        S = np.zeros((dd, dd)); S[iu] = w
        return linalg.expm(S - S.T)
    refl = np.diag([1.0] * (dd - 1) + [-1.0])

    def best(A, B, rotations_only=False):
        """argmin of ||R A - B||_F over O(d) (or SO(d)), by multi-start BFGS on the exponential chart."""
        found = []
        for comp in ([np.eye(dd)] if rotations_only else [np.eye(dd), refl]):
            for _ in range(3):
                res = optimize.minimize(lambda w: L(rot(w) @ comp, A, B), rng.normal(size=len(iu[0])) * 2, method="BFGS", options={"gtol": 1e-11})
                found.append((res.fun, rot(res.x) @ comp))
        return min(found, key=lambda f: f[0])[1]
    Rs = linalg.polar(B @ A.T)[0]                     # the orthogonal polar factor of B A^T maximises tr(R^T B A^T)
    Ma, Mb = A @ B.T, B @ A.T
    Ua, sa, Vat = np.linalg.svd(Ma)
    Ub, sb, Vbt = np.linalg.svd(Mb)
    R = rot(rng.normal(size=len(iu[0]))) @ (refl if rng.random() < 0.5 else np.eye(dd))
    Z = Vbt @ R.T @ Ub
    fro = lambda X: np.sum(X**2)  # noqa: E731
    # a pair for which U V^T is a reflection: B close to a reflected copy of A
    A2 = rng.normal(size=(dd, n))
    B2 = refl @ A2 + 0.1 * rng.normal(size=(dd, n))
    U2, s2, V2t = np.linalg.svd(B2 @ A2.T)
    Rp = best(A2, B2, rotations_only=True)
    sstar = optimize.minimize_scalar(lambda s: fro(s * Rs @ A - B), bounds=(1e-6, 100), method="bounded", options={"xatol": 1e-12}).x
    th = rng.uniform(0, 2 * math.pi)
    Q = np.array([[math.cos(th), -math.sin(th)], [math.sin(th), math.cos(th)]])
    I2 = np.eye(2)
    s_check = optimize.minimize_scalar(lambda s: fro(s * Q @ I2 - 2 * Q), bounds=(1e-6, 100), method="bounded", options={"xatol": 1e-12}).x
    s_ = rng.uniform(0.2, 3)
    Bq = rng.normal(size=(2, 2))                      # the expansion holds for any target
    nuc = lambda X: np.sum(np.linalg.svd(X, compute_uv=False))  # noqa: E731
    return {
        "16": [fro(R @ A), np.trace(A.T @ R.T @ R @ A), fro(A)],
        "18": [L(R), fro(A) + fro(B) - 2 * np.trace(A.T @ R.T @ B), fro(A) + fro(B) - 2 * np.trace(R.T @ Ma)],
        "25": [np.trace(R.T @ Mb), np.trace(R.T @ Ub @ np.diag(sb) @ Vbt), np.trace(Vbt @ R.T @ Ub @ np.diag(sb)), np.sum(np.diag(Z) * sb)],
        "29": [Rs, Ua @ Vat], "29.2": [np.trace(Rs.T @ Mb), np.sum(sa), nuc(Ma)],
        "31": [L(Rs), fro(A) + fro(B) - 2 * nuc(Ma)],
        "33": [np.trace(A.T @ R.T @ B), np.trace(R.T @ B @ A.T)],
        "37.2": [Rs, Ub @ Vbt],
        "41": [Rp, U2 @ refl @ V2t] if np.linalg.det(U2 @ V2t) < 0 else [Rp, Rp],
        "41.2": [np.trace(Rp.T @ B2 @ A2.T), np.sum(s2[:-1]) - s2[-1]] if np.linalg.det(U2 @ V2t) < 0 else [0, 0],
        "46": [sstar, np.trace(Rs.T @ Mb) / fro(B), nuc(Mb) / fro(B)],
        "49.3": [Q @ I2.T, Q @ I2.T, Q], "49.4": [Q @ I2 @ I2.T, Q], "49.5": [I2, I2, I2],
        "49.6": [linalg.polar(Q @ I2.T)[0], Q],
        "49.7": [fro(Q @ I2 - Q), 2 + 2 - 2 * 2, 0], "49.8": [nuc(2 * Q), 4],
        "49.9": [s_check, 4 / 8, 1 / 2],
        "49.10": [fro(s_ * Q @ I2 - Bq), s_**2 * fro(I2) - 2 * s_ * np.trace(Q.T @ Bq @ I2.T) + fro(Bq)],
        "51": [s_check, np.trace(Q.T @ (2 * Q)) / fro(I2), 4 / 2, 2],
    }


@document("443_exam_projectile_linear_drag")
def _(rng):
    from scipy import integrate, optimize
    import mpmath
    g = 9.8
    b, u, w = rng.uniform(0.05, 2), rng.uniform(0.5, 20), rng.uniform(0.5, 20)
    t = rng.uniform(0, 4)

    def rhs(_, s):                       # s = (x, y, vx, vy)
        return [s[2], s[3], -b * s[2], -g - b * s[3]]
    sol = integrate.solve_ivp(rhs, (0, 60 / b), [0, 0, u, w], method="DOP853", rtol=1e-12, atol=1e-12, dense_output=True)
    S = sol.sol
    ta = optimize.brentq(lambda q: S(q)[3], 0, 60 / b, xtol=1e-14)
    ymax = S(ta)[1]
    mp = mpmath.mp
    mp.dps = 60
    Y = lambda bb, ww=w: ww / bb - g / bb**2 * mpmath.log(1 + bb * ww / g)  # noqa: E731   y_max(b), line 37
    Ta = lambda bb, ww=w: mpmath.log(1 + bb * ww / g) / bb  # noqa: E731
    tiny = mpmath.mpf("1e-25")
    m = rng.uniform(0.1, 5)
    e = math.exp(-b * ta)
    sol2 = integrate.solve_ivp(lambda _, s: [s[2], s[3], -0.5 * s[2], -g - 0.5 * s[3]], (0, 10), [0, 0, 1.0, 9.8], method="DOP853", rtol=1e-12, atol=1e-12, dense_output=True)
    ta2 = optimize.brentq(lambda q: sol2.sol(q)[3], 0, 10, xtol=1e-14)
    return {
        "14": [S(t)[2], u * math.exp(-b * t)],
        "16": [S(t)[3], (w - g / b) * math.exp(-b * t) + g / b],
        "20": [S(t)[3], (w + g / b) * math.exp(-b * t) - g / b],
        "22": [S(60 / b)[3], -g / b, -m * g / (b * m)],
        "26": [S(t)[0], u / b * (1 - math.exp(-b * t))],
        "27": [S(t)[1], (w + g / b) * (1 - math.exp(-b * t)) / b - g / b * t],
        "29": [S(60 / b)[0], u / b],
        "31": [e, (g + b * w) / g], "31.2": [ta, -math.log(1 + b * w / g) / b],
        "31.3": [(w + g / b) * e, g / b], "31.4": [e, g / (g + b * w)],
        "33": [ta, math.log(1 + b * w / g) / b],
        "35": [1 - e, b * w / (g + b * w)],
        "37": [ymax, S(ta)[1], (g + b * w) / b**2 * (b * w / (g + b * w)) - g / b * ta, w / b - g / b**2 * math.log(1 + b * w / g)],
        "43": [float(Y(tiny)), w * w / (2 * g)],
        "43.2": [float((Y(tiny) - w * w / (2 * g)) / tiny), -(w**3) / (6 * g * g)],
        "45": [float(Ta(tiny)), w / g],
        "47.4": [0.5 * 9.8 / 9.8, 0.5],
        "49": [ta2, 2 * math.log(1.5)], "49.2": [sol2.sol(ta2)[1], 19.6 - 39.2 * math.log(1.5)],
    }


@document("444_nb_kl_exponential_poisson_gamma")
def _(rng):
    from scipy import integrate, optimize, special, stats
    q = lambda g, a, b: integrate.quad(g, a, b, epsabs=1e-13, epsrel=1e-11, limit=400)[0]  # noqa: E731
    l1, l2 = rng.uniform(0.2, 4, size=2)
    pe = lambda x, l: l * math.exp(-l * x)  # noqa: E731
    Ep = lambda g: q(lambda x: g(x) * pe(x, l1), 0, np.inf)  # noqa: E731
    kle = Ep(lambda x: (math.log(l1) - l1 * x) - (math.log(l2) - l2 * x))
    klr = q(lambda x: ((math.log(l2) - l2 * x) - (math.log(l1) - l1 * x)) * pe(x, l2), 0, np.inf)
    a, b = rng.uniform(0.2, 8, size=2)
    ks = np.arange(0, 400)
    lpm = lambda k, m: k * math.log(m) - m - math.lgamma(k + 1)  # noqa: E731
    P = np.exp([lpm(k, a) for k in ks])
    klp = float(sum(P[k] * (lpm(k, a) - lpm(k, b)) for k in ks))
    k = int(rng.integers(0, 15))
    ap, bp, aq, bq = rng.uniform(0.5, 5, size=4)
    lg = lambda x, al, be: al * math.log(be) - math.lgamma(al) + (al - 1) * math.log(x) - be * x  # noqa: E731
    Eg = lambda g, al=ap, be=bp: q(lambda x: g(x) * math.exp(lg(x, al, be)), 0, np.inf)  # noqa: E731
    klg = Eg(lambda x: lg(x, ap, bp) - lg(x, aq, bq))
    kl1 = Eg(lambda x: lg(x, 1, bp) - lg(x, 1, bq), 1.0, bp)
    psi, gl = special.digamma, special.gammaln
    ElogX = Eg(math.log)
    # Gamma-Poisson: E_q log p(x_i | lambda), and the maximiser of the ELBO
    al, be = rng.uniform(0.5, 5, size=2)
    xi = int(rng.integers(0, 10))
    eq = Eg(lambda t: lpm(xi, t), al, be)
    n = int(rng.integers(1, 6))
    xs = rng.poisson(3.0, size=n)
    a0, b0 = rng.uniform(0.5, 3, size=2)

    def klgam(a1, b1, a2, b2):
        return (a1 - a2) * psi(a1) - gl(a1) + gl(a2) + a2 * math.log(b1 / b2) + a1 * (b2 - b1) / b1

    def negelbo(t):
        A, B = math.exp(t[0]), math.exp(t[1])
        return -(sum(x * (psi(A) - math.log(B)) - A / B - math.lgamma(x + 1) for x in xs) - klgam(A, B, a0, b0))
    res = optimize.minimize(negelbo, np.array([0.0, 0.0]), method="BFGS", options={"gtol": 1e-12})
    As, Bs = np.exp(res.x)
    return {
        "2:3.3": [Ep(lambda x: x), 1 / l1],
        "2:7.2": [klr, math.log(l2 / l1) + l1 / l2 - 1],
        "2:7.3": [(kle + klr) / 2, (l1 - l2) ** 2 / (l1 * l2)],
        "2:5": [kle, Ep(lambda x: math.log(l1 / l2) - (l1 - l2) * x), math.log(l1 / l2) - (l1 - l2) / l1, math.log(l1 / l2) + l2 / l1 - 1],
        "4:3.3": [lpm(k, a) - lpm(k, b), k * math.log(a / b) - a + b], "4:3.4": [float(ks @ P), a],
        "4:5": [klp, a * math.log(a / b) - (a - b), a * math.log(a / b) + a - b],
        "6:1": [-(a - b), b - a], "6:3": [klp, a * math.log(a / b) - a + b],
        "7:3.4": [Eg(lambda x: x), ap / bp], "7:3.5": [ElogX, psi(ap) - math.log(bp)],
        "7:6": [klg, ap * math.log(bp) - aq * math.log(bq) - gl(ap) + gl(aq) + (ap - aq) * (psi(ap) - math.log(bp)) - (bp - bq) * ap / bp,
                (ap - aq) * psi(ap) - gl(ap) + gl(aq) + aq * math.log(bp / bq) + ap * (bq - bp) / bp],
        "7:10": [kl1, math.log(bq / bp) + bq / bp - 1],
        "7:10.2": [ElogX, math.log(Eg(lambda x: x)), math.log(ap / bp)],
        "9:5": [eq, xi * (psi(al) - math.log(be)) - al / be - math.lgamma(xi + 1)],
        "9:7": [As, a0 + xs.sum()], "9:7.2": [Bs, b0 + n],
    }


@document("445_nb_policy_evaluation_linear_solve")
def _(rng):
    n, nA = int(rng.integers(2, 6)), int(rng.integers(2, 4))
    gam = rng.uniform(0.1, 0.95)
    Pa = rng.dirichlet(np.ones(n), size=(nA, n))          # P_a[s, s']
    ra = rng.normal(size=(nA, n))
    pi = rng.dirichlet(np.ones(nA), size=n)               # pi[s, a]
    P = np.einsum("sa,ast->st", pi, Pa)
    r = np.einsum("sa,as->s", pi, ra)
    v = r.copy()
    for _ in range(3000):                                  # value iteration for the fixed policy
        v = r + gam * P @ v
    neu = sum(gam**k * np.linalg.matrix_power(P, k) @ r for k in range(3000))
    I = np.eye(n)
    q = ra + gam * np.einsum("ast,t->as", Pa, v)
    s = int(rng.integers(n))
    Aq = q[:, s] - v[s]
    vg = lambda g: np.linalg.solve(I - g * P, r)  # noqa: E731
    dv = np.array([d(lambda g: vg(g)[i], gam) for i in range(n)])
    # the stationary distribution of P
    w, V = np.linalg.eig(P.T)
    mu = np.real(V[:, np.argmin(abs(w - 1))]); mu = mu / mu.sum()
    # the worked example
    P2, r2, g2 = np.array([[0.9, 0.1], [0.5, 0.5]]), np.array([1.0, 0.0]), 0.9
    v2 = r2.copy()
    for _ in range(3000):
        v2 = r2 + g2 * P2 @ v2
    M2 = np.eye(2) - g2 * P2
    mu2 = np.array([5 / 6, 1 / 6])
    return {
        "1:3": [v, r + gam * P @ v],
        "1:5": [v, np.linalg.inv(I - gam * P) @ r, neu],
        "3:5": [M2, np.array([[0.19, -0.09], [-0.45, 0.55]])],
        "3:5.2": [np.linalg.det(M2), 0.19 * 0.55 + 0.09 * 0.45, 0.145],
        "3:9": [v2, np.array([[0.55, 0.09], [0.45, 0.19]]) @ np.array([1.0, 0]) / 0.145, np.array([110.0, 90]) / 29],
        "3:11": [M2[0, 1] * M2[1, 0], (-0.09) * (-0.45)],
        "3:11.2": [np.linalg.det(M2), 0.1045 - 0.0405, 0.064],
        "3:13": [v2, np.array([0.55, 0.45]) / 0.064, np.array([8.59375, 7.03125])],
        "4:3": [mu2, np.array([5 / 6, 1 / 6])], "4:3.2": [mu2 @ P2, mu2], "4:3.3": [0.1 * mu2[0], 0.5 * mu2[1]],
        "4:3.4": [v2, r2 + g2 * P2 @ v2], "4:3.5": [mu2 @ v2, mu2 @ r2 + g2 * mu2 @ v2],
        "4:5": [mu2 @ v2, mu2 @ r2 / (1 - g2), (5 / 6) / 0.1, 25 / 3],
        "4:7": [5 / 6 * 8.59375 + 1 / 6 * 7.03125, 25 / 3],
        "6:3": [(I - gam * P) @ v, r], "6:3.2": [-P @ v + (I - gam * P) @ dv, np.zeros(n)],
        "6:5": [dv, np.linalg.solve(I - gam * P, P @ v)], "6:7": [dv, P @ v],
        "6:7.2": [mu @ dv, mu @ P @ v / (1 - gam), mu @ v / (1 - gam), mu @ r / (1 - gam) ** 2],
        "8:3.3": [pi[s] @ Aq, 0], "8:3.4": [pi[s] @ q[:, s], v[s]],
    }

# --- the comparison with the recorded truth ------------------------------------------------------------

def source(stem: str) -> Path:
    return next(p for p in HERE.glob(stem + ".*") if p.suffix in (".md", ".tex", ".ipynb"))


def verdicts(stem: str, samples: int = SAMPLES, seed: int = 0) -> dict[str, bool]:
    """The oracle's truth of every link of the document it evaluates, by key."""
    rng = np.random.default_rng(seed)
    draws = [DOCUMENTS[stem](rng) for _ in range(samples)]
    found = {}
    for link in links(source(stem)):
        if link.chain not in draws[0]:
            continue
        a, b = (0, -1) if link.index == 0 else (link.index - 1, link.index)
        found[link.key] = all(same(draw[link.chain][a], draw[link.chain][b]) for draw in draws)
    return found


def truth(stem: str) -> dict:
    return tomllib.loads((HERE / f"{stem}.truth.toml").read_text(encoding="utf-8"))


def stems() -> list[str]:
    return sorted(p.name.split(".")[0] for p in HERE.glob("*.truth.toml"))


def disagreements() -> list[str]:
    """Every claim whose recorded truth the oracle contradicts, or that it does not evaluate."""
    found = []
    for stem in stems():
        recorded = truth(stem)
        oracle = verdicts(stem) if stem in DOCUMENTS else {}
        for key, value in recorded.items():
            if value not in (True, False):
                continue
            if key not in oracle:
                found.append(f"{stem} {key}: not evaluated by the oracle")
            elif oracle[key] is not value:
                found.append(f"{stem} {key}: recorded {value}, oracle {oracle[key]}")
    return found


if __name__ == "__main__":
    problems = disagreements()
    print("\n".join(problems) if problems else "the oracle agrees with every recorded truth")
