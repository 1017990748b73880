"""The soundness corpus: one-line claims of the kinds users write, each with its truth recorded by hand.

Every claim carries

* the claim as a user writes it: the content of a Markdown display ``$$ ... $$`` in the LaTeX that
  derive reads (``tex``), or, for what that LaTeX cannot say (dependent bounds, Kronecker deltas,
  a sum over j != i whose body rebinds i), a builder that writes it with derive's Python API
  (``build``);
* its two sides written again as plain Python functions of an environment for the independent
  oracle (tests/soundness_oracle.py), never derived from the LaTeX or SymPy form;
* its truth, recorded by hand, which tests/test_soundness.py checks against the oracle;
* ``xfail``: when derive currently gives a false verdict on it, the mechanism behind it.

The semantics are the oracle's: indices from 1, a sum over an empty range is 0, the real domain,
derivatives where they exist, points where a side is undefined are skipped.

Groups say which notation a Markdown claim is read under and what the oracle draws at random:

* ``default``: derive's default notation; x and theta are vectors of length N, indexed by i, j, k,
  l, t; y is one-hot at t; yhat = softmax(theta); c is a scalar;
* ``scalar``: x, a, b, c are real scalars (and a' is a name of its own), no size;
* ``hot-k``: the default notation with y one-hot at k;
* ``api``: built with the Python API over the same names as ``default``;
* ``calc``, ``greek``: ordinary LaTeX read under the default notation: undeclared letters (u, v, d,
  lambda, alpha, ...) are real scalars, f and g functions the document never defines;
* ``lin``: the default notation with undeclared vectors w (and x, theta), a matrix A typed by its
  entries (and read whole where the claim multiplies it: products, traces), y one-hot at t;
* ``defs``: names the document defines in displays before its claims (``PREAMBLES``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from mpmath import mpf

from soundness_oracle import Env, S, absolute, d, delta, div, exp, log, power, sigmoid, softmax, sqrt

__all__ = ["Claim", "CLAIMS", "GROUPS", "NOTATIONS", "PREAMBLES"]

T, F = True, False
half = mpf(1) / 2

NOTATIONS = {
    "default": "",
    "scalar": 'scalars = ["x", "a", "b", "c"]\n',
    "hot-k": '[onehot]\ny = "k"\n',
}

# Displays written before a group's claims: definitions the document makes (f(t) = ..., z = ...).
PREAMBLES: dict[str, str] = {}

GROUPS = {
    "default": dict(vectors=("x", "theta"), scalars=("c",), sized=True),
    "scalar": dict(vectors=(), scalars=("x", "a", "b", "c", "ap"), sized=False),
    "hot-k": dict(vectors=("x", "theta"), scalars=("c",), sized=True, hot="k"),
    "api": dict(vectors=("x", "theta"), scalars=("c",), sized=True),
}


@dataclass(frozen=True)
class Claim:
    id: str
    truth: bool
    lhs: Callable[[Env], object]
    rhs: Callable[[Env], object]
    tex: str = ""
    build: Callable | None = None  # build(api) -> (lhs, rhs) or (lhs, rhs, assumptions)
    group: str = "default"
    indices: str = ""  # the free index letters the oracle runs over 1..N (a vector side adds p)
    xfail: str = ""  # the mechanism of derive's false verdict today, or ""
    dps: int = 50  # the oracle's working precision
    sizes: tuple = ()  # the sizes N the oracle tries, when 1..6 are not enough
    span: tuple = ()  # (low, high) of the oracle's random values, when [-2, 2] is not enough
    tolerance: str = ""  # the oracle's agreement tolerance, when the sides differ by less than 10^-25

    def oracle_args(self) -> dict:
        args = dict(GROUPS[self.group])
        args["indices"] = tuple(self.indices)
        args["seed"] = self.id
        args["dps"] = self.dps
        if self.sizes:
            args["sizes"] = self.sizes
        if self.span:
            args["low"], args["high"] = self.span
        if self.tolerance:
            args["tolerance"] = mpf(self.tolerance)
        return args


CLAIMS: list[Claim] = []


def md(id, tex, truth, lhs, rhs, indices="", group="default", xfail="", dps=50, sizes=(), span=(), tolerance=""):
    CLAIMS.append(Claim(id, truth, lhs, rhs, tex=tex, group=group, indices=indices, xfail=xfail, dps=dps,
                        sizes=tuple(sizes), span=tuple(span), tolerance=tolerance))


def api(id, build, truth, lhs, rhs, indices="", xfail=""):
    CLAIMS.append(Claim(id, truth, lhs, rhs, build=build, group="api", indices=indices, xfail=xfail))


# Pieces the oracle functions share.
def sx(e, f=lambda v: v, vec="x"):
    """sum_{j=1}^N f(vec_j)"""
    v = getattr(e, vec)
    return S(1, e.N, lambda j: f(v[j]))


def Z(e, vec="theta"):
    v = getattr(e, vec)
    return S(1, e.N, lambda j: exp(v[j]))


def CE(e):
    return -S(1, e.N, lambda j: e.y[j] * log(e.yhat[j]))


def tri(n):
    return mpf(n) * (n + 1) / 2


one = lambda e: 1  # noqa: E731
zero = lambda e: 0  # noqa: E731

# =================================================================================================
# 1. Sums whose dummy is the one-hot class t (or another letter with a meaning), one-hot vectors
# =================================================================================================

md("hot-sum-t", r"\sum_{t=1}^{N} y_t = 1", T, lambda e: S(1, e.N, lambda t: e.y[t]), one, "t")
md("hot-sum-t-is-N", r"\sum_{t=1}^{N} y_t = N", F, lambda e: S(1, e.N, lambda t: e.y[t]), lambda e: e.N, "t")
md("hot-sum-k", r"\sum_{k=1}^{N} y_k = 1", T, lambda e: S(1, e.N, lambda k: e.y[k]), one, "t")
md("hot-sum-k-is-N", r"\sum_{k=1}^N y_k = N", F, lambda e: S(1, e.N, lambda k: e.y[k]), lambda e: e.N, "t")
md("hot-pick-t", r"\sum_{t=1}^{N} y_t x_t = x_t", T,
   lambda e: S(1, e.N, lambda t: e.y[t] * e.x[t]), lambda e: e.x[e.t], "t")
md("hot-pick-t-all", r"\sum_{t=1}^{N} y_t x_t = \sum_{t=1}^{N} x_t", F,
   lambda e: S(1, e.N, lambda t: e.y[t] * e.x[t]), lambda e: sx(e), "t")
md("hot-pick-j", r"\sum_{j=1}^{N} y_j x_j = x_t", T,
   lambda e: S(1, e.N, lambda j: e.y[j] * e.x[j]), lambda e: e.x[e.t], "t")
md("hot-pick-j-wrong-index", r"\sum_{j=1}^{N} y_j x_j = x_k", F,
   lambda e: S(1, e.N, lambda j: e.y[j] * e.x[j]), lambda e: e.x[e.k], "tk")
md("hot-pick-exp-t", r"\sum_{t=1}^{N} y_t e^{x_t} = e^{x_t}", T,
   lambda e: S(1, e.N, lambda t: e.y[t] * exp(e.x[t])), lambda e: exp(e.x[e.t]), "t")
md("hot-pick-exp-t-sum", r"\sum_{t=1}^{N} y_t e^{x_t} = \sum_{j=1}^{N} e^{x_j}", F,
   lambda e: S(1, e.N, lambda t: e.y[t] * exp(e.x[t])), lambda e: Z(e, "x"), "t")
md("hot-log-t", r"\sum_{t=1}^{N} y_t \log \hat{y}_t = \log \hat{y}_t", T,
   lambda e: S(1, e.N, lambda t: e.y[t] * log(e.yhat[t])), lambda e: log(e.yhat[e.t]), "t")
md("hot-ce-sum-t", r"-\sum_{t=1}^{N} y_t \log \hat{y}_t = \operatorname{CE}(y, \hat{y})", T,
   lambda e: -S(1, e.N, lambda t: e.y[t] * log(e.yhat[t])), CE, "t")
md("hot-ce-t", r"\operatorname{CE}(y, \hat{y}) = -\log \hat{y}_t", T, CE, lambda e: -log(e.yhat[e.t]), "t")
md("hot-ce-k", r"\operatorname{CE}(y, \hat{y}) = -\log \hat{y}_k", F, CE, lambda e: -log(e.yhat[e.k]), "tk")
md("hot-ce-lse", r"\operatorname{CE}(y, \hat{y}) = \log \sum_{j=1}^{N} e^{\theta_j} - \theta_t", T,
   CE, lambda e: log(Z(e)) - e.theta[e.t], "t")
md("hot-ce-lse-dummy-t", r"\operatorname{CE}(y, \hat{y}) = \log \sum_{t=1}^{N} e^{\theta_t} - \theta_t", T,
   CE, lambda e: log(Z(e)) - e.theta[e.t], "t")
md("hot-ce-lse-sum-theta", r"\operatorname{CE}(y, \hat{y}) = \log \sum_{t=1}^{N} e^{\theta_t} - \sum_{t=1}^{N} \theta_t", F,
   CE, lambda e: log(Z(e)) - sx(e, vec="theta"), "t")
md("hot-ce-lse-sign", r"\operatorname{CE}(y, \hat{y}) = \theta_t - \log \sum_{j=1}^{N} e^{\theta_j}", F,
   CE, lambda e: e.theta[e.t] - log(Z(e)), "t")
md("hot-theta-t-minus", r"\sum_{t=1}^{N} \theta_t y_t - \theta_t = 0", T,
   lambda e: S(1, e.N, lambda t: e.theta[t] * e.y[t]) - e.theta[e.t], zero, "t")
md("hot-yt-one", r"y_t = 1", T, lambda e: e.y[e.t], one, "t")
md("hot-yk-one", r"y_k = 1", F, lambda e: e.y[e.k], one, "tk")
md("hot-yk-yt", r"y_k y_t = y_k", T, lambda e: e.y[e.k] * e.y[e.t], lambda e: e.y[e.k], "tk")
md("hot-yk-square", r"y_k^2 = y_k", T, lambda e: e.y[e.k] ** 2, lambda e: e.y[e.k], "tk")
md("hot-yk-1-minus", r"y_k (1 - y_k) = 0", T, lambda e: e.y[e.k] * (1 - e.y[e.k]), zero, "tk")
md("hot-yk-plus-yt", r"y_k + y_t = 1", F, lambda e: e.y[e.k] + e.y[e.t], one, "tk")
md("hot-sum-squares-t", r"\sum_{t=1}^{N} y_t y_t = 1", T, lambda e: S(1, e.N, lambda t: e.y[t] ** 2), one, "t")
md("hot-double-sum", r"\sum_{t=1}^{N} \sum_{k=1}^{N} y_t y_k = 1", T,
   lambda e: S(1, e.N, lambda t: S(1, e.N, lambda k: e.y[t] * e.y[k])), one, "t")
md("hot-double-sum-N", r"\sum_{t=1}^{N} \sum_{k=1}^{N} y_t y_k = N", F,
   lambda e: S(1, e.N, lambda t: S(1, e.N, lambda k: e.y[t] * e.y[k])), lambda e: e.N, "t")
md("hot-residual-j", r"\sum_{j=1}^{N} (y_j - \hat{y}_j) = 0", T,
   lambda e: S(1, e.N, lambda j: e.y[j] - e.yhat[j]), zero, "t")
md("hot-residual-t", r"\sum_{t=1}^{N} (\hat{y}_t - y_t) = 0", T,
   lambda e: S(1, e.N, lambda t: e.yhat[t] - e.y[t]), zero, "t")
md("hot-residual-t-captured", r"\sum_{t=1}^{N} (\hat{y}_t - y_t) = 1 - N", F,
   lambda e: S(1, e.N, lambda t: e.yhat[t] - e.y[t]), lambda e: 1 - e.N, "t")
md("hot-yhat-t", r"\sum_{t=1}^{N} y_t \hat{y}_t = \hat{y}_t", T,
   lambda e: S(1, e.N, lambda t: e.y[t] * e.yhat[t]), lambda e: e.yhat[e.t], "t")
md("hot-yhat-t-all", r"\sum_{t=1}^{N} y_t \hat{y}_t = 1", F,
   lambda e: S(1, e.N, lambda t: e.y[t] * e.yhat[t]), one, "t")
md("hot-rename-i-t", r"\sum_{i=1}^{N} y_i x_i = \sum_{t=1}^{N} y_t x_t", T,
   lambda e: S(1, e.N, lambda i: e.y[i] * e.x[i]), lambda e: S(1, e.N, lambda t: e.y[t] * e.x[t]), "t")
md("hot-count-t", r"\sum_{j=1}^{N} x_j y_j \sum_{t=1}^{N} 1 = N x_t", T,
   lambda e: S(1, e.N, lambda j: e.x[j] * e.y[j] * S(1, e.N, lambda t: 1)), lambda e: e.N * e.x[e.t], "t")
md("hot-count-t-wrong", r"\sum_{j=1}^{N} x_j y_j \sum_{t=1}^{N} 1 = x_t", F,
   lambda e: S(1, e.N, lambda j: e.x[j] * e.y[j] * S(1, e.N, lambda t: 1)), lambda e: e.x[e.t], "t")
md("hot-dtheta-t", r"\frac{\partial}{\partial \theta_t} \sum_{t=1}^{N} y_t \theta_t = 1", T,
   lambda e: d(lambda f: S(1, f.N, lambda t: f.y[t] * f.theta[t]), e, "theta", e.t), one, "t")
md("hot-dtheta-k", r"\frac{\partial}{\partial \theta_k} \sum_{t=1}^{N} y_t \theta_t = y_k", T,
   lambda e: d(lambda f: S(1, f.N, lambda t: f.y[t] * f.theta[t]), e, "theta", e.k), lambda e: e.y[e.k], "tk")
md("hot-dtheta-k-one", r"\frac{\partial}{\partial \theta_k} \sum_{t=1}^{N} y_t \theta_t = 1", F,
   lambda e: d(lambda f: S(1, f.N, lambda t: f.y[t] * f.theta[t]), e, "theta", e.k), one, "tk")

# y one-hot at k: now k is the class and a sum over k captures it.
md("hotk-sum-k", r"\sum_{k=1}^{N} y_k = 1", T, lambda e: S(1, e.N, lambda k: e.y[k]), one, "k", group="hot-k")
md("hotk-sum-k-N", r"\sum_{k=1}^{N} y_k = N", F, lambda e: S(1, e.N, lambda k: e.y[k]), lambda e: e.N, "k",
   group="hot-k")
md("hotk-pick", r"\sum_{k=1}^{N} y_k \theta_k = \theta_k", T,
   lambda e: S(1, e.N, lambda k: e.y[k] * e.theta[k]), lambda e: e.theta[e.k], "k", group="hot-k")
md("hotk-pick-t", r"\sum_{t=1}^{N} y_t \theta_t = \theta_k", T,
   lambda e: S(1, e.N, lambda t: e.y[t] * e.theta[t]), lambda e: e.theta[e.k], "k", group="hot-k")
md("hotk-ce", r"-\sum_{k=1}^{N} y_k \log \hat{y}_k = -\log \hat{y}_k", T,
   lambda e: -S(1, e.N, lambda k: e.y[k] * log(e.yhat[k])), lambda e: -log(e.yhat[e.k]), "k", group="hot-k")
md("hotk-ce-wrong", r"-\sum_{k=1}^{N} y_k \log \hat{y}_k = -\sum_{k=1}^{N} \log \hat{y}_k", F,
   lambda e: -S(1, e.N, lambda k: e.y[k] * log(e.yhat[k])), lambda e: -S(1, e.N, lambda k: log(e.yhat[k])), "k",
   group="hot-k")
md("hotk-yt", r"y_t = 1", F, lambda e: e.y[e.t], one, "kt", group="hot-k")
md("hotk-grad", r"\frac{\partial \operatorname{CE}(y, \hat{y})}{\partial \theta_j} = \hat{y}_j - y_j", T,
   lambda e: d(CE, e, "theta", e.j), lambda e: e.yhat[e.j] - e.y[e.j], "kj", group="hot-k")
md("hotk-grad-wrong", r"\frac{\partial \operatorname{CE}(y, \hat{y})}{\partial \theta_j} = \hat{y}_j - 1", F,
   lambda e: d(CE, e, "theta", e.j), lambda e: e.yhat[e.j] - 1, "kj", group="hot-k")

# =================================================================================================
# 2. Cross-entropy gradients, vector claims compared entry by entry
# =================================================================================================

md("ce-grad-k", r"\frac{\partial \operatorname{CE}(y, \hat{y})}{\partial \theta_k} = \hat{y}_k - y_k", T,
   lambda e: d(CE, e, "theta", e.k), lambda e: e.yhat[e.k] - e.y[e.k], "tk")
md("ce-grad-t", r"\frac{\partial \operatorname{CE}(y, \hat{y})}{\partial \theta_t} = \hat{y}_t - 1", T,
   lambda e: d(CE, e, "theta", e.t), lambda e: e.yhat[e.t] - 1, "t")
md("ce-grad-k-minus-one", r"\frac{\partial \operatorname{CE}(y, \hat{y})}{\partial \theta_k} = \hat{y}_k - 1", F,
   lambda e: d(CE, e, "theta", e.k), lambda e: e.yhat[e.k] - 1, "tk")
md("ce-grad-sign", r"\frac{\partial}{\partial \theta_k} \operatorname{CE}(y, \hat{y}) = y_k - \hat{y}_k", F,
   lambda e: d(CE, e, "theta", e.k), lambda e: e.y[e.k] - e.yhat[e.k], "tk")
md("ce-nabla", r"\nabla_\theta \operatorname{CE}(y, \hat{y}) = \hat{y} - y", T,
   lambda e: d(CE, e, "theta", e.p), lambda e: e.yhat[e.p] - e.y[e.p], "tp")
md("ce-nabla-sign", r"\nabla_\theta \operatorname{CE}(y, \hat{y}) = y - \hat{y}", F,
   lambda e: d(CE, e, "theta", e.p), lambda e: e.y[e.p] - e.yhat[e.p], "tp")
md("ce-nabla-no-y", r"\nabla_{\theta} \operatorname{CE}(y, \hat{y}) = \hat{y}", F,
   lambda e: d(CE, e, "theta", e.p), lambda e: e.yhat[e.p], "tp")
md("vec-grad-square", r"\nabla_\theta \sum_{i=1}^{N} \theta_i^2 = 2\theta", T,
   lambda e: d(lambda f: sx(f, lambda v: v ** 2, "theta"), e, "theta", e.p), lambda e: 2 * e.theta[e.p], "p")
md("vec-grad-square-half", r"\nabla_\theta \sum_{i=1}^{N} \theta_i^2 = \theta", F,
   lambda e: d(lambda f: sx(f, lambda v: v ** 2, "theta"), e, "theta", e.p), lambda e: e.theta[e.p], "p")
md("vec-grad-onehot-t", r"\nabla_\theta \sum_{t=1}^{N} y_t \theta_t = y", T,
   lambda e: d(lambda f: S(1, f.N, lambda t: f.y[t] * f.theta[t]), e, "theta", e.p), lambda e: e.y[e.p], "tp")
md("vec-grad-ones-is-y", r"\nabla_\theta \sum_{t=1}^{N} \theta_t = y", F,
   lambda e: d(lambda f: sx(f, vec="theta"), e, "theta", e.p), lambda e: e.y[e.p], "tp")
md("vec-grad-exp", r"\nabla_x \sum_{j=1}^{N} e^{x_j} = e^{x}", T,
   lambda e: d(lambda f: Z(f, "x"), e, "x", e.p), lambda e: exp(e.x[e.p]), "p")
md("vec-grad-exp-wrong", r"\nabla_x \sum_{j=1}^{N} e^{x_j} = e^{x} \sum_{j=1}^{N} e^{x_j}", F,
   lambda e: d(lambda f: Z(f, "x"), e, "x", e.p), lambda e: exp(e.x[e.p]) * Z(e, "x"), "p")
md("vec-grad-lse", r"\nabla_\theta \log \sum_{k=1}^{N} e^{\theta_k} = \operatorname{softmax}(\theta)", T,
   lambda e: d(lambda f: log(Z(f)), e, "theta", e.p), lambda e: e.yhat[e.p], "p")
md("vec-grad-lse-minus-y", r"\nabla_\theta \log \sum_{k=1}^{N} e^{\theta_k} = \hat{y} - y", F,
   lambda e: d(lambda f: log(Z(f)), e, "theta", e.p), lambda e: e.yhat[e.p] - e.y[e.p], "tp")
md("vec-softmax-shift", r"\operatorname{softmax}(\theta + c) = \hat{y}", T,
   lambda e: softmax(Vec_add(e.theta, e.c))[e.p], lambda e: e.yhat[e.p], "p")
md("vec-softmax-scale", r"\hat{y} = \operatorname{softmax}(2\theta)", F,
   lambda e: e.yhat[e.p], lambda e: softmax(Vec_scale(e.theta, 2))[e.p], "p")
md("vec-hadamard-y", r"x \circ y = y x_t", T, lambda e: e.x[e.p] * e.y[e.p], lambda e: e.y[e.p] * e.x[e.t], "tp")
md("vec-hadamard-y-wrong", r"x \circ y = x y_t", F, lambda e: e.x[e.p] * e.y[e.p], lambda e: e.x[e.p] * e.y[e.t], "tp")
md("vec-yhat-var", r"\hat{y} \circ (1 - \hat{y}) = \hat{y} - \hat{y}^2", T,
   lambda e: e.yhat[e.p] * (1 - e.yhat[e.p]), lambda e: e.yhat[e.p] - e.yhat[e.p] ** 2, "p")
md("vec-sigmoid-sym", r"\sigma(x) = 1 - \sigma(-x)", T, lambda e: sigmoid(e.x[e.p]), lambda e: 1 - sigmoid(-e.x[e.p]), "p")
md("vec-sigmoid-even", r"\sigma(x) = \sigma(-x)", F, lambda e: sigmoid(e.x[e.p]), lambda e: sigmoid(-e.x[e.p]), "p")
md("vec-y-plus-minus", r"x + y - x = y", T, lambda e: e.y[e.p], lambda e: e.y[e.p], "tp")
# The text uses i, j, k and l: the entry index of the comparison must not become the class t.
md("vec-letters-yhat-plus-1",
   r"\hat{y} \sum_{i=1}^{N} y_i + y \sum_{j=1}^{N} \hat{y}_j = \hat{y} + \sum_{k=1}^{N} \sum_{l=1}^{N} \hat{y}_k \hat{y}_l", F,
   lambda e: e.yhat[e.p] + e.y[e.p], lambda e: e.yhat[e.p] + 1, "tp")
md("vec-letters-yhat-plus-y",
   r"\hat{y} \sum_{i=1}^{N} y_i + y \sum_{j=1}^{N} \hat{y}_j = \hat{y} + y \sum_{k=1}^{N} \sum_{l=1}^{N} \hat{y}_k \hat{y}_l", T,
   lambda e: e.yhat[e.p] + e.y[e.p], lambda e: e.yhat[e.p] + e.y[e.p], "tp")
def S4(e):
    return S(1, e.N, lambda i: S(1, e.N, lambda j: S(1, e.N, lambda k: S(1, e.N, lambda l: 1))))


def pairs(e, f):
    return S(1, e.N, lambda i: S(1, e.N, lambda j: f(i, j)))


md("vec-letters-x-plus-N4", r"x + y \sum_{i=1}^{N} \sum_{j=1}^{N} \sum_{k=1}^{N} \sum_{l=1}^{N} 1 = x + N^4", F,
   lambda e: e.x[e.p] + e.y[e.p] * S4(e), lambda e: e.x[e.p] + e.N ** 4, "tp")
md("vec-letters-x-plus-yN4", r"x + y \sum_{i=1}^{N} \sum_{j=1}^{N} \sum_{k=1}^{N} \sum_{l=1}^{N} 1 = x + y N^4", T,
   lambda e: e.x[e.p] + e.y[e.p] * S4(e), lambda e: e.x[e.p] + e.y[e.p] * e.N ** 4, "tp")
md("vec-letters-grad-ones",
   r"\nabla_{\theta} \sum_{i=1}^{N} \theta_i \sum_{j=1}^{N} \hat{y}_j = y \sum_{k=1}^{N} \sum_{l=1}^{N} \frac{1}{N^2}", F,
   lambda e: d(lambda f: S(1, f.N, lambda i: f.theta[i] * S(1, f.N, lambda j: f.yhat[j])), e, "theta", e.p),
   lambda e: e.y[e.p] * pairs(e, lambda k, l: mpf(1) / e.N ** 2), "tp")
md("vec-letters-grad-y",
   r"\nabla_{\theta} \sum_{i=1}^{N} y_i \theta_i \sum_{j=1}^{N} \hat{y}_j = y \sum_{k=1}^{N} \sum_{l=1}^{N} \frac{1}{N^2}", T,
   lambda e: d(lambda f: S(1, f.N, lambda i: f.y[i] * f.theta[i] * S(1, f.N, lambda j: f.yhat[j])), e, "theta", e.p),
   lambda e: e.y[e.p] * pairs(e, lambda k, l: mpf(1) / e.N ** 2), "tp")
md("vec-letters-all-used",
   r"\hat{y} - y + \sum_{i=1}^{N} \sum_{j=1}^{N} (x_i - x_j) = \nabla_\theta \operatorname{CE}(y, \hat{y}) + \sum_{k=1}^{N} \sum_{l=1}^{N} (x_k - x_l) y_t", T,
   lambda e: e.yhat[e.p] - e.y[e.p] + pairs(e, lambda i, j: e.x[i] - e.x[j]),
   lambda e: d(CE, e, "theta", e.p) + pairs(e, lambda k, l: (e.x[k] - e.x[l]) * e.y[e.t]), "tp")
md("vec-letters-all-used-wrong",
   r"\hat{y} - y + \sum_{i=1}^{N} \sum_{j=1}^{N} (x_i - x_j) = \hat{y} + \sum_{k=1}^{N} \sum_{l=1}^{N} (x_k - x_l) y_t - y_t", F,
   lambda e: e.yhat[e.p] - e.y[e.p] + pairs(e, lambda i, j: e.x[i] - e.x[j]),
   lambda e: e.yhat[e.p] + pairs(e, lambda k, l: (e.x[k] - e.x[l]) * e.y[e.t]) - e.y[e.t], "tp")


def Vec_add(v, c):
    from soundness_oracle import Vec

    return Vec(a + c for a in v.values)


def Vec_scale(v, c):
    from soundness_oracle import Vec

    return Vec(a * c for a in v.values)


# =================================================================================================
# 3. Empty and reversed ranges
# =================================================================================================

def ones(lo, hi):
    return lambda e: S(lo(e), hi(e), lambda j: 1)


N_ = lambda e: e.N  # noqa: E731
md("empty-3-N", r"\sum_{j=3}^{N} 1 = N - 2", F, ones(lambda e: 3, N_), lambda e: e.N - 2)
md("empty-2-N", r"\sum_{j=2}^{N} 1 = N - 1", T, ones(lambda e: 2, N_), lambda e: e.N - 1)
md("empty-3-N-max", r"\sum_{j=3}^{N} 1 = \max(N - 2, 0)", T, ones(lambda e: 3, N_), lambda e: max(e.N - 2, 0))
md("empty-4-N", r"\sum_{j=4}^{N} 1 = N - 3", F, ones(lambda e: 4, N_), lambda e: e.N - 3)
md("empty-2-N-x", r"\sum_{j=2}^{N} x_j = \sum_{j=1}^{N} x_j - x_1", T,
   lambda e: S(2, e.N, lambda j: e.x[j]), lambda e: sx(e) - e.x[1])
md("empty-1-Nm1-x", r"\sum_{j=1}^{N-1} x_j = \sum_{j=1}^{N} x_j - x_N", T,
   lambda e: S(1, e.N - 1, lambda j: e.x[j]), lambda e: sx(e) - e.x[e.N])
md("empty-1-Nm1", r"\sum_{j=1}^{N-1} 1 = N - 1", T, ones(lambda e: 1, lambda e: e.N - 1), lambda e: e.N - 1)
md("empty-1-Nm2", r"\sum_{j=1}^{N-2} 1 = N - 2", F, ones(lambda e: 1, lambda e: e.N - 2), lambda e: e.N - 2)
md("empty-2-N-j", r"\sum_{j=2}^{N} j = \frac{N(N+1)}{2} - 1", T, lambda e: S(2, e.N, lambda j: j), lambda e: tri(e.N) - 1)
md("empty-3-N-j", r"\sum_{j=3}^{N} j = \frac{N(N+1)}{2} - 3", F, lambda e: S(3, e.N, lambda j: j), lambda e: tri(e.N) - 3)
md("empty-3-N-odd", r"\sum_{j=3}^{N} (2j - 1) = N^2 - 4", F, lambda e: S(3, e.N, lambda j: 2 * j - 1), lambda e: e.N ** 2 - 4)
md("empty-2-N-odd", r"\sum_{j=2}^{N} (2j - 1) = N^2 - 1", T, lambda e: S(2, e.N, lambda j: 2 * j - 1), lambda e: e.N ** 2 - 1)
md("reversed-5-3-x", r"\sum_{j=5}^{3} x_j = 0", T, lambda e: S(5, 3, lambda j: e.x[j]), zero)
md("reversed-5-3-karr", r"\sum_{j=5}^{3} 1 = -1", F, lambda e: S(5, 3, lambda j: 1), lambda e: -1)
md("reversed-3-2", r"\sum_{j=3}^{2} 1 = 0", T, lambda e: S(3, 2, lambda j: 1), zero)
md("reversed-4-1-j", r"\sum_{j=4}^{1} j = -5", F, lambda e: S(4, 1, lambda j: j), lambda e: -5)
md("empty-split-1", r"\sum_{j=2}^{N} 1 + \sum_{j=1}^{1} 1 = N", T,
   lambda e: S(2, e.N, lambda j: 1) + 1, lambda e: e.N)
md("empty-plus-2", r"\sum_{j=3}^{N} 1 + 2 = N", F, lambda e: S(3, e.N, lambda j: 1) + 2, lambda e: e.N)
md("empty-upper-N-plus-1", r"\sum_{j=1}^{N+1} 1 = N + 1", T, ones(lambda e: 1, lambda e: e.N + 1), lambda e: e.N + 1)
md("empty-2-Np1", r"\sum_{j=2}^{N+1} 1 = N", T, ones(lambda e: 2, lambda e: e.N + 1), lambda e: e.N)
md("empty-3-Np1", r"\sum_{j=3}^{N+1} 1 = N - 1", T, ones(lambda e: 3, lambda e: e.N + 1), lambda e: e.N - 1)
md("empty-4-Np1", r"\sum_{j=4}^{N+1} 1 = N - 2", F, ones(lambda e: 4, lambda e: e.N + 1), lambda e: e.N - 2)
md("empty-square-2", r"\sum_{j=2}^{N} \sum_{k=2}^{N} 1 = (N - 1)^2", T,
   lambda e: S(2, e.N, lambda j: S(2, e.N, lambda k: 1)), lambda e: (e.N - 1) ** 2)
md("empty-square-3", r"\sum_{j=3}^{N} \sum_{k=3}^{N} 1 = (N-2)^2", F,
   lambda e: S(3, e.N, lambda j: S(3, e.N, lambda k: 1)), lambda e: (e.N - 2) ** 2)
md("empty-2-Nm1", r"\sum_{j=2}^{N-1} 1 = N - 2", F, ones(lambda e: 2, lambda e: e.N - 1), lambda e: e.N - 2)
md("empty-2-Nm1-x", r"\sum_{j=2}^{N-1} x_j = \sum_{j=1}^{N} x_j - x_1 - x_N", F,
   lambda e: S(2, e.N - 1, lambda j: e.x[j]), lambda e: sx(e) - e.x[1] - e.x[e.N])
md("empty-diff-x1", r"\sum_{j=1}^{N} x_j - \sum_{j=2}^{N} x_j = x_1", T,
   lambda e: sx(e) - S(2, e.N, lambda j: e.x[j]), lambda e: e.x[1])
md("empty-2-N-exp", r"\sum_{j=2}^{N} e^{x_j} = \sum_{j=1}^{N} e^{x_j} - e^{x_1}", T,
   lambda e: S(2, e.N, lambda j: exp(e.x[j])), lambda e: Z(e, "x") - exp(e.x[1]))
md("empty-2-N-center", r"\sum_{j=2}^{N} (x_j - x_1) = \sum_{j=1}^{N} x_j - N x_1", T,
   lambda e: S(2, e.N, lambda j: e.x[j] - e.x[1]), lambda e: sx(e) - e.N * e.x[1])
md("empty-3-N-const", r"\sum_{j=3}^{N} x_1 = (N - 2) x_1", F,
   lambda e: S(3, e.N, lambda j: e.x[1]), lambda e: (e.N - 2) * e.x[1])
md("empty-1-3", r"\sum_{j=1}^{3} 1 = 3", T, lambda e: S(1, 3, lambda j: 1), lambda e: 3)
md("empty-1-0", r"\sum_{j=1}^{0} x_j = 0", T, lambda e: S(1, 0, lambda j: e.x[j]), zero)
md("empty-diff-2", r"\sum_{j=1}^{N} 1 - \sum_{j=3}^{N} 1 = 2", F,
   lambda e: e.N - S(3, e.N, lambda j: 1), lambda e: 2)
# theta_2 has no value at N = 1: that size is skipped, and the claim holds at every other.
md("empty-3-N-lse", r"\sum_{j=3}^{N} e^{\theta_j} = \sum_{j=1}^{N} e^{\theta_j} - e^{\theta_1} - e^{\theta_{2}}", T,
   lambda e: S(3, e.N, lambda j: exp(e.theta[j])), lambda e: Z(e) - exp(e.theta[1]) - exp(e.theta[2]))
md("empty-2-N-theta-mean", r"\sum_{j=2}^{N} \frac{\theta_j}{N - 1} = \frac{\sum_{j=1}^{N} \theta_j - \theta_1}{N - 1}", T,
   lambda e: S(2, e.N, lambda j: div(e.theta[j], e.N - 1)), lambda e: div(sx(e, vec="theta") - e.theta[1], e.N - 1))

# =================================================================================================
# 4. Sums written with free index letters as dummies, rebinding, sums true only for some N
# =================================================================================================

md("rebind-rename", r"\sum_{i=1}^{N} x_i = \sum_{j=1}^{N} x_j", T, lambda e: sx(e), lambda e: sx(e))
md("rebind-square", r"\sum_{i=1}^{N} x_i x_i = \sum_{j=1}^{N} x_j^2", T,
   lambda e: sx(e, lambda v: v * v), lambda e: sx(e, lambda v: v ** 2))
md("rebind-nested-same", r"\sum_{i=1}^{N} \sum_{i=1}^{N} x_i = N \sum_{i=1}^{N} x_i", T,
   lambda e: S(1, e.N, lambda i: sx(e)), lambda e: e.N * sx(e))
md("rebind-nested-same-wrong", r"\sum_{i=1}^{N} \sum_{i=1}^{N} x_i = \sum_{i=1}^{N} x_i", F,
   lambda e: S(1, e.N, lambda i: sx(e)), lambda e: sx(e))
md("rebind-product", r"\sum_{i=1}^{N} x_i \sum_{i=1}^{N} x_i = \left(\sum_{j=1}^{N} x_j\right)^2", T,
   lambda e: S(1, e.N, lambda i: e.x[i] * sx(e)), lambda e: sx(e) ** 2)
md("rebind-product-wrong", r"\sum_{i=1}^{N} x_i \sum_{i=1}^{N} x_i = \sum_{j=1}^{N} x_j^2", F,
   lambda e: S(1, e.N, lambda i: e.x[i] * sx(e)), lambda e: sx(e, lambda v: v ** 2))
md("rebind-inner-add", r"\sum_{i=1}^{N} \left(x_i + \sum_{i=1}^{N} x_i\right) = (N + 1) \sum_{j=1}^{N} x_j", T,
   lambda e: S(1, e.N, lambda i: e.x[i] + sx(e)), lambda e: (e.N + 1) * sx(e))
md("rebind-free-bound", r"x_i \sum_{i=1}^{N} x_i = \sum_{j=1}^{N} x_i x_j", T,
   lambda e: e.x[e.i] * sx(e), lambda e: S(1, e.N, lambda j: e.x[e.i] * e.x[j]), "i")
md("rebind-free-bound-wrong", r"x_i \sum_{i=1}^{N} x_i = \sum_{j=1}^{N} x_j^2", F,
   lambda e: e.x[e.i] * sx(e), lambda e: sx(e, lambda v: v ** 2), "i")
md("rebind-free-k", r"x_k + \sum_{k=1}^{N} x_k = x_k + \sum_{j=1}^{N} x_j", T,
   lambda e: e.x[e.k] + sx(e), lambda e: e.x[e.k] + sx(e), "k")
md("rebind-free-k-wrong", r"x_k + \sum_{k=1}^{N} x_k = 2 \sum_{k=1}^{N} x_k", F,
   lambda e: e.x[e.k] + sx(e), lambda e: 2 * sx(e), "k")
md("rebind-softmax", r"\frac{e^{x_i}}{\sum_{i=1}^{N} e^{x_i}} = \frac{e^{x_i}}{\sum_{j=1}^{N} e^{x_j}}", T,
   lambda e: exp(e.x[e.i]) / Z(e, "x"), lambda e: exp(e.x[e.i]) / Z(e, "x"), "i")
md("rebind-softmax-uniform", r"\frac{e^{x_i}}{\sum_{i=1}^{N} e^{x_i}} = \frac{1}{N}", F,
   lambda e: exp(e.x[e.i]) / Z(e, "x"), lambda e: mpf(1) / e.N, "i")
md("rebind-dlse-k", r"\frac{\partial}{\partial \theta_k} \log \sum_{k=1}^{N} e^{\theta_k} = \hat{y}_k", T,
   lambda e: d(lambda f: log(Z(f)), e, "theta", e.k), lambda e: e.yhat[e.k], "k")
md("rebind-dsum-k", r"\frac{\partial}{\partial \theta_k} \sum_{k=1}^{N} \theta_k = 1", T,
   lambda e: d(lambda f: sx(f, vec="theta"), e, "theta", e.k), one, "k")
md("rebind-dsum-k-N", r"\frac{\partial}{\partial \theta_k} \sum_{k=1}^{N} \theta_k = N", F,
   lambda e: d(lambda f: sx(f, vec="theta"), e, "theta", e.k), lambda e: e.N, "k")
md("rebind-dsum-k-square", r"\frac{\partial}{\partial \theta_k} \sum_{k=1}^{N} \theta_k^2 = 2\theta_k", T,
   lambda e: d(lambda f: sx(f, lambda v: v ** 2, "theta"), e, "theta", e.k), lambda e: 2 * e.theta[e.k], "k")
md("some-N-sum-x1", r"\sum_{j=1}^{N} x_j = x_1", F, lambda e: sx(e), lambda e: e.x[1])
md("some-N-sum-Nx1", r"\sum_{j=1}^{N} x_j = N x_1", F, lambda e: sx(e), lambda e: e.N * e.x[1])
md("some-N-exp-sum", r"\sum_{j=1}^{N} e^{x_j} = e^{\sum_{j=1}^{N} x_j}", F, lambda e: Z(e, "x"), lambda e: exp(sx(e)))
md("some-N-ones", r"\sum_{j=1}^{N} 1 = 1", F, lambda e: e.N, one)
md("some-N-j-square", r"\sum_{j=1}^{N} j = N^2", F, lambda e: tri(e.N), lambda e: e.N ** 2)
md("some-N-j-3N", r"\sum_{j=1}^{N} j = 3N - 3", F, lambda e: tri(e.N), lambda e: 3 * e.N - 3)
md("some-N-j-N", r"\sum_{j=1}^{N} j = N", F, lambda e: tri(e.N), lambda e: e.N)
md("sum-j", r"\sum_{j=1}^{N} j = \frac{N(N+1)}{2}", T, lambda e: S(1, e.N, lambda j: j), lambda e: tri(e.N))
md("sum-j-half-square", r"\sum_{j=1}^{N} j = \frac{N^2}{2}", F, lambda e: S(1, e.N, lambda j: j), lambda e: mpf(e.N) ** 2 / 2)
md("sum-j-squares", r"\sum_{j=1}^{N} j^2 = \frac{N(N+1)(2N+1)}{6}", T,
   lambda e: S(1, e.N, lambda j: j * j), lambda e: mpf(e.N) * (e.N + 1) * (2 * e.N + 1) / 6)
md("sum-j-cubes", r"\sum_{j=1}^{N} j^3 = \left(\frac{N(N+1)}{2}\right)^2", T,
   lambda e: S(1, e.N, lambda j: j ** 3), lambda e: tri(e.N) ** 2)
md("sum-j-cubes-wrong", r"\sum_{j=1}^{N} j^3 = \frac{N^2 (N+1)^2}{2}", F,
   lambda e: S(1, e.N, lambda j: j ** 3), lambda e: mpf(e.N) ** 2 * (e.N + 1) ** 2 / 2)
md("sum-j-minus-1", r"\sum_{j=1}^{N} (j - 1) = \frac{N(N - 1)}{2}", T,
   lambda e: S(1, e.N, lambda j: j - 1), lambda e: mpf(e.N) * (e.N - 1) / 2)
md("sum-odd", r"\sum_{j=1}^{N} (2j - 1) = N^2", T, lambda e: S(1, e.N, lambda j: 2 * j - 1), lambda e: e.N ** 2)
md("sum-odd-off", r"\sum_{j=1}^{N} (2j + 1) = N^2", F, lambda e: S(1, e.N, lambda j: 2 * j + 1), lambda e: e.N ** 2)
md("square-of-sum", r"\sum_{i=1}^{N} \sum_{j=1}^{N} x_i x_j = \left(\sum_{k=1}^{N} x_k\right)^2", T,
   lambda e: S(1, e.N, lambda i: S(1, e.N, lambda j: e.x[i] * e.x[j])), lambda e: sx(e) ** 2)
md("square-of-sum-diag", r"\sum_{i=1}^{N} \sum_{j=1}^{N} x_i x_j = \sum_{k=1}^{N} x_k^2", F,
   lambda e: S(1, e.N, lambda i: S(1, e.N, lambda j: e.x[i] * e.x[j])), lambda e: sx(e, lambda v: v ** 2))
md("pair-differences",
   r"\sum_{i=1}^{N} \sum_{j=1}^{N} (x_i - x_j)^2 = 2N \sum_{k=1}^{N} x_k^2 - 2\left(\sum_{k=1}^{N} x_k\right)^2", T,
   lambda e: S(1, e.N, lambda i: S(1, e.N, lambda j: (e.x[i] - e.x[j]) ** 2)),
   lambda e: 2 * e.N * sx(e, lambda v: v ** 2) - 2 * sx(e) ** 2)
md("pair-differences-N",
   r"\sum_{i=1}^{N} \sum_{j=1}^{N} (x_i - x_j)^2 = N \sum_{k=1}^{N} x_k^2 - \left(\sum_{k=1}^{N} x_k\right)^2", F,
   lambda e: S(1, e.N, lambda i: S(1, e.N, lambda j: (e.x[i] - e.x[j]) ** 2)),
   lambda e: e.N * sx(e, lambda v: v ** 2) - sx(e) ** 2)
md("centered-sum", r"\sum_{j=1}^{N} \left(x_j - \frac{1}{N} \sum_{k=1}^{N} x_k\right) = 0", T,
   lambda e: S(1, e.N, lambda j: e.x[j] - sx(e) / e.N), zero)
md("centered-squares",
   r"\sum_{j=1}^{N} \left(x_j - \frac{1}{N} \sum_{k=1}^{N} x_k\right)^2 = \sum_{j=1}^{N} x_j^2 - \frac{1}{N} \left(\sum_{k=1}^{N} x_k\right)^2", T,
   lambda e: S(1, e.N, lambda j: (e.x[j] - sx(e) / e.N) ** 2), lambda e: sx(e, lambda v: v ** 2) - sx(e) ** 2 / e.N)
md("centered-squares-N",
   r"\sum_{j=1}^{N} \left(x_j - \frac{1}{N} \sum_{k=1}^{N} x_k\right)^2 = \sum_{j=1}^{N} x_j^2 - N \left(\sum_{k=1}^{N} x_k\right)^2", F,
   lambda e: S(1, e.N, lambda j: (e.x[j] - sx(e) / e.N) ** 2), lambda e: sx(e, lambda v: v ** 2) - e.N * sx(e) ** 2)
md("double-sum-const", r"\sum_{i=1}^{N} \sum_{j=1}^{N} x_i = N \sum_{i=1}^{N} x_i", T,
   lambda e: pairs(e, lambda i, j: e.x[i]), lambda e: e.N * sx(e))
md("double-sum-const-wrong", r"\sum_{i=1}^{N} \sum_{j=1}^{N} x_j = \sum_{i=1}^{N} x_i", F,
   lambda e: pairs(e, lambda i, j: e.x[j]), lambda e: sx(e))
md("sum-linear", r"\sum_{j=1}^{N} (2 x_j + c) = 2 \sum_{j=1}^{N} x_j + N c", T,
   lambda e: S(1, e.N, lambda j: 2 * e.x[j] + e.c), lambda e: 2 * sx(e) + e.N * e.c)
md("sum-linear-c", r"\sum_{j=1}^{N} (2 x_j + c) = 2 \sum_{j=1}^{N} x_j + c", F,
   lambda e: S(1, e.N, lambda j: 2 * e.x[j] + e.c), lambda e: 2 * sx(e) + e.c)

# =================================================================================================
# 5. Sums over j != i
# =================================================================================================

md("neq-basic", r"\sum_{j \neq i} x_j = \sum_{j=1}^{N} x_j - x_i", T,
   lambda e: S(1, e.N, lambda j: e.x[j] if j != e.i else 0), lambda e: sx(e) - e.x[e.i], "i")
md("neq-count", r"\sum_{j \neq i} 1 = N - 1", T, lambda e: S(1, e.N, lambda j: 1 if j != e.i else 0),
   lambda e: e.N - 1, "i")
md("neq-count-N", r"\sum_{j \neq i} 1 = N", F, lambda e: S(1, e.N, lambda j: 1 if j != e.i else 0), lambda e: e.N, "i")
md("neq-all", r"\sum_{j \neq i} x_j = \sum_{j=1}^{N} x_j", F,
   lambda e: S(1, e.N, lambda j: e.x[j] if j != e.i else 0), lambda e: sx(e), "i")
md("neq-exp", r"\sum_{j \neq i} e^{x_j} + e^{x_i} = \sum_{k=1}^{N} e^{x_k}", T,
   lambda e: S(1, e.N, lambda j: exp(e.x[j]) if j != e.i else 0) + exp(e.x[e.i]), lambda e: Z(e, "x"), "i")
md("neq-yhat", r"\sum_{j \neq i} \hat{y}_j = 1 - \hat{y}_i", T,
   lambda e: S(1, e.N, lambda j: e.yhat[j] if j != e.i else 0), lambda e: 1 - e.yhat[e.i], "i")
md("neq-yhat-plus", r"\sum_{j \neq i} \hat{y}_j = 1 + \hat{y}_i", F,
   lambda e: S(1, e.N, lambda j: e.yhat[j] if j != e.i else 0), lambda e: 1 + e.yhat[e.i], "i")
md("neq-y", r"\sum_{j \neq i} y_j = 1 - y_i", T,
   lambda e: S(1, e.N, lambda j: e.y[j] if j != e.i else 0), lambda e: 1 - e.y[e.i], "it")
md("neq-y-t", r"\sum_{j \neq t} y_j = 0", T, lambda e: S(1, e.N, lambda j: e.y[j] if j != e.t else 0), zero, "t")
md("neq-y-t-one", r"\sum_{j \neq t} y_j = 1", F, lambda e: S(1, e.N, lambda j: e.y[j] if j != e.t else 0), one, "t")
md("neq-dummy-t", r"\sum_{t \neq i} y_t = 1 - y_i", T,
   lambda e: S(1, e.N, lambda j: e.y[j] if j != e.i else 0), lambda e: 1 - e.y[e.i], "it")
md("neq-dummy-t-N", r"\sum_{t \neq i} y_t = N - 1", F,
   lambda e: S(1, e.N, lambda j: e.y[j] if j != e.i else 0), lambda e: e.N - 1, "it")
md("neq-rebind", r"\sum_{j \neq i} \sum_{i=1}^{N} x_i x_j = \left(\sum_{j=1}^{N} x_j - x_i\right) \sum_{k=1}^{N} x_k", T,
   lambda e: S(1, e.N, lambda j: e.x[j] * sx(e) if j != e.i else 0), lambda e: (sx(e) - e.x[e.i]) * sx(e), "i")
md("neq-rebind-captured",
   r"\sum_{j \neq i} \sum_{i=1}^{N} x_i x_j = \sum_{j=1}^{N} \sum_{i=1}^{N} x_i x_j - \sum_{i=1}^{N} x_i^2", F,
   lambda e: S(1, e.N, lambda j: e.x[j] * sx(e) if j != e.i else 0), lambda e: sx(e) ** 2 - sx(e, lambda v: v ** 2), "i")
md("neq-other-letter", r"\sum_{i \neq j} x_i = \sum_{k=1}^{N} x_k - x_j", T,
   lambda e: S(1, e.N, lambda m: e.x[m] if m != e.j else 0), lambda e: sx(e) - e.x[e.j], "j")
md("neq-center", r"\sum_{j \neq i} (x_j - x_i) = \sum_{j=1}^{N} x_j - N x_i", T,
   lambda e: S(1, e.N, lambda j: e.x[j] - e.x[e.i] if j != e.i else 0), lambda e: sx(e) - e.N * e.x[e.i], "i")
md("neq-center-off", r"\sum_{j \neq i} (x_j - x_i) = \sum_{j=1}^{N} x_j - (N - 1) x_i", F,
   lambda e: S(1, e.N, lambda j: e.x[j] - e.x[e.i] if j != e.i else 0),
   lambda e: sx(e) - (e.N - 1) * e.x[e.i], "i")
md("neq-softmax", r"\hat{y}_k = \frac{1}{1 + \sum_{j \neq k} e^{\theta_j - \theta_k}}", T,
   lambda e: e.yhat[e.k], lambda e: 1 / (1 + S(1, e.N, lambda j: exp(e.theta[j] - e.theta[e.k]) if j != e.k else 0)), "k")
md("neq-softmax-sigmoid", r"\hat{y}_k = \sigma\left(\theta_k - \log \sum_{j \neq k} e^{\theta_j}\right)", T,
   lambda e: e.yhat[e.k],
   lambda e: sigmoid(e.theta[e.k] - log(S(1, e.N, lambda j: exp(e.theta[j]) if j != e.k else 0))), "k")

# =================================================================================================
# 6. Softmax, log-softmax, log-sum-exp
# =================================================================================================

md("sm-def", r"\operatorname{softmax}(\theta)_k = \frac{e^{\theta_k}}{\sum_{j=1}^{N} e^{\theta_j}}", T,
   lambda e: e.yhat[e.k], lambda e: exp(e.theta[e.k]) / Z(e), "k")
md("sm-shift", r"\operatorname{softmax}(\theta + c)_k = \operatorname{softmax}(\theta)_k", T,
   lambda e: softmax(Vec_add(e.theta, e.c))[e.k], lambda e: e.yhat[e.k], "k")
md("sm-scale", r"\operatorname{softmax}(2\theta)_k = \operatorname{softmax}(\theta)_k", F,
   lambda e: softmax(Vec_scale(e.theta, 2))[e.k], lambda e: e.yhat[e.k], "k")
md("sm-shift-explicit", r"\operatorname{softmax}(\theta)_k = \frac{e^{\theta_k - c}}{\sum_{j=1}^{N} e^{\theta_j - c}}", T,
   lambda e: e.yhat[e.k], lambda e: exp(e.theta[e.k] - e.c) / S(1, e.N, lambda j: exp(e.theta[j] - e.c)), "k")
md("sm-shift-half", r"\operatorname{softmax}(\theta)_k = \frac{e^{\theta_k - c}}{\sum_{j=1}^{N} e^{\theta_j}}", F,
   lambda e: e.yhat[e.k], lambda e: exp(e.theta[e.k] - e.c) / Z(e), "k")
md("sm-sums-to-1", r"\sum_{k=1}^{N} \hat{y}_k = 1", T, lambda e: S(1, e.N, lambda k: e.yhat[k]), one)
md("sm-sums-to-N", r"\sum_{k=1}^{N} \hat{y}_k = N", F, lambda e: S(1, e.N, lambda k: e.yhat[k]), lambda e: e.N)
md("sm-ratio-form", r"\hat{y}_k = \frac{1}{\sum_{j=1}^{N} e^{\theta_j - \theta_k}}", T,
   lambda e: e.yhat[e.k], lambda e: 1 / S(1, e.N, lambda j: exp(e.theta[j] - e.theta[e.k])), "k")
md("sm-ratio-form-plus-1", r"\hat{y}_k = \frac{1}{1 + \sum_{j=1}^{N} e^{\theta_j - \theta_k}}", F,
   lambda e: e.yhat[e.k], lambda e: 1 / (1 + S(1, e.N, lambda j: exp(e.theta[j] - e.theta[e.k]))), "k")
md("logsm", r"\log \hat{y}_k = \theta_k - \log \sum_{j=1}^{N} e^{\theta_j}", T,
   lambda e: log(e.yhat[e.k]), lambda e: e.theta[e.k] - log(Z(e)), "k")
md("logsm-plus", r"\log \hat{y}_k = \theta_k + \log \sum_{j=1}^{N} e^{\theta_j}", F,
   lambda e: log(e.yhat[e.k]), lambda e: e.theta[e.k] + log(Z(e)), "k")
md("logsm-sum-theta", r"\log \hat{y}_k = \theta_k - \sum_{j=1}^{N} \theta_j", F,
   lambda e: log(e.yhat[e.k]), lambda e: e.theta[e.k] - sx(e, vec="theta"), "k")
md("logsm-diff", r"\log \hat{y}_i - \log \hat{y}_k = \theta_i - \theta_k", T,
   lambda e: log(e.yhat[e.i]) - log(e.yhat[e.k]), lambda e: e.theta[e.i] - e.theta[e.k], "ik")
md("sm-quotient", r"\frac{\hat{y}_i}{\hat{y}_k} = e^{\theta_i - \theta_k}", T,
   lambda e: e.yhat[e.i] / e.yhat[e.k], lambda e: exp(e.theta[e.i] - e.theta[e.k]), "ik")
md("sm-quotient-flipped", r"\frac{\hat{y}_i}{\hat{y}_k} = e^{\theta_k - \theta_i}", F,
   lambda e: e.yhat[e.i] / e.yhat[e.k], lambda e: exp(e.theta[e.k] - e.theta[e.i]), "ik")
md("sm-jac-no-delta", r"\frac{\partial \hat{y}_i}{\partial \theta_k} = \hat{y}_i (1 - \hat{y}_k)", F,
   lambda e: d(lambda f: f.yhat[f.i], e, "theta", e.k), lambda e: e.yhat[e.i] * (1 - e.yhat[e.k]), "ik")
md("sm-jac-diag", r"\frac{\partial \hat{y}_k}{\partial \theta_k} = \hat{y}_k (1 - \hat{y}_k)", T,
   lambda e: d(lambda f: f.yhat[f.k], e, "theta", e.k), lambda e: e.yhat[e.k] * (1 - e.yhat[e.k]), "k")
md("sm-jac-diag-square", r"\frac{\partial \hat{y}_k}{\partial \theta_k} = \hat{y}_k^2", F,
   lambda e: d(lambda f: f.yhat[f.k], e, "theta", e.k), lambda e: e.yhat[e.k] ** 2, "k")
md("logsm-jac-no-delta", r"\frac{\partial \log \hat{y}_i}{\partial \theta_k} = -\hat{y}_k", F,
   lambda e: d(lambda f: log(f.yhat[f.i]), e, "theta", e.k), lambda e: -e.yhat[e.k], "ik")
md("logsm-jac-diag", r"\frac{\partial \log \hat{y}_k}{\partial \theta_k} = 1 - \hat{y}_k", T,
   lambda e: d(lambda f: log(f.yhat[f.k]), e, "theta", e.k), lambda e: 1 - e.yhat[e.k], "k")
md("lse-grad", r"\frac{\partial}{\partial \theta_k} \log \sum_{j=1}^{N} e^{\theta_j} = \hat{y}_k", T,
   lambda e: d(lambda f: log(Z(f)), e, "theta", e.k), lambda e: e.yhat[e.k], "k")
md("lse-grad-wrong", r"\frac{\partial}{\partial \theta_k} \log \sum_{j=1}^{N} e^{\theta_j} = \frac{1}{\sum_{j=1}^{N} e^{\theta_j}}", F,
   lambda e: d(lambda f: log(Z(f)), e, "theta", e.k), lambda e: 1 / Z(e), "k")
md("jac-row-sum", r"\sum_{k=1}^{N} \frac{\partial \hat{y}_i}{\partial \theta_k} = 0", T,
   lambda e: S(1, e.N, lambda k: d(lambda f: f.yhat[f.i], e, "theta", k)), zero, "i")
md("jac-col-sum", r"\sum_{i=1}^{N} \frac{\partial \hat{y}_i}{\partial \theta_k} = 0", T,
   lambda e: S(1, e.N, lambda i: d(lambda f: f.yhat[i], e, "theta", e.k)), zero, "k")
md("jac-row-sum-wrong", r"\sum_{k=1}^{N} \frac{\partial \hat{y}_i}{\partial \theta_k} = \hat{y}_i", F,
   lambda e: S(1, e.N, lambda k: d(lambda f: f.yhat[f.i], e, "theta", k)), lambda e: e.yhat[e.i], "i")
md("lse-grad-sum", r"\sum_{k=1}^{N} \frac{\partial}{\partial \theta_k} \log \sum_{j=1}^{N} e^{\theta_j} = 1", T,
   lambda e: S(1, e.N, lambda k: d(lambda f: log(Z(f)), e, "theta", k)), one)
md("lse-shift", r"\log \sum_{j=1}^{N} e^{\theta_j} = c + \log \sum_{j=1}^{N} e^{\theta_j - c}", T,
   lambda e: log(Z(e)), lambda e: e.c + log(S(1, e.N, lambda j: exp(e.theta[j] - e.c))))
md("lse-shift-sign", r"\log \sum_{j=1}^{N} e^{\theta_j} = -c + \log \sum_{j=1}^{N} e^{\theta_j - c}", F,
   lambda e: log(Z(e)), lambda e: -e.c + log(S(1, e.N, lambda j: exp(e.theta[j] - e.c))))
md("lse-add-c", r"\log \sum_{j=1}^{N} e^{\theta_j + c} = \log \sum_{j=1}^{N} e^{\theta_j} + c", T,
   lambda e: log(S(1, e.N, lambda j: exp(e.theta[j] + e.c))), lambda e: log(Z(e)) + e.c)
md("lse-add-Nc", r"\log \sum_{j=1}^{N} e^{\theta_j + c} = \log \sum_{j=1}^{N} e^{\theta_j} + N c", F,
   lambda e: log(S(1, e.N, lambda j: exp(e.theta[j] + e.c))), lambda e: log(Z(e)) + e.N * e.c)
md("lse-is-sum", r"\log \sum_{j=1}^{N} e^{\theta_j} = \sum_{j=1}^{N} \theta_j", F,
   lambda e: log(Z(e)), lambda e: sx(e, vec="theta"))
md("lse-one-term", r"\log \sum_{j=1}^{1} e^{\theta_j} = \theta_1", T, lambda e: log(exp(e.theta[1])), lambda e: e.theta[1])
md("sm-is-one", r"\hat{y}_k = 1", F, lambda e: e.yhat[e.k], one, "k")
md("sm-is-uniform", r"\hat{y}_k = \frac{1}{N}", F, lambda e: e.yhat[e.k], lambda e: mpf(1) / e.N, "k")
md("sm-times-Z", r"\operatorname{softmax}(\theta)_k \sum_{j=1}^{N} e^{\theta_j} = e^{\theta_k}", T,
   lambda e: e.yhat[e.k] * Z(e), lambda e: exp(e.theta[e.k]), "k")
md("logsm-shift", r"\log\left(\operatorname{softmax}(\theta)_k\right) = \log(\operatorname{softmax}(\theta - c)_k)", T,
   lambda e: log(e.yhat[e.k]), lambda e: log(softmax(Vec_add(e.theta, -e.c))[e.k]), "k")
md("sm-expect-theta", r"\sum_{j=1}^{N} \hat{y}_j \theta_j = \theta_k", F,
   lambda e: S(1, e.N, lambda j: e.yhat[j] * e.theta[j]), lambda e: e.theta[e.k], "k")
md("dlse-mean", r"\sum_{k=1}^{N} \theta_k \frac{\partial}{\partial \theta_k} \log \sum_{j=1}^{N} e^{\theta_j} = \sum_{k=1}^{N} \hat{y}_k \theta_k", T,
   lambda e: S(1, e.N, lambda k: e.theta[k] * d(lambda f: log(Z(f)), e, "theta", k)),
   lambda e: S(1, e.N, lambda k: e.yhat[k] * e.theta[k]))
md("vec-yhat-sm", r"\hat{y} = \operatorname{softmax}(\theta - c)", T,
   lambda e: e.yhat[e.p], lambda e: softmax(Vec_add(e.theta, -e.c))[e.p], "p")

# =================================================================================================
# 7. Derivatives of sums with bounds
# =================================================================================================

md("dsum-square", r"\frac{\partial}{\partial x_i} \sum_{j=1}^{N} x_j^2 = 2 x_i", T,
   lambda e: d(lambda f: sx(f, lambda v: v ** 2), e, "x", e.i), lambda e: 2 * e.x[e.i], "i")
md("dsum-square-free-j", r"\frac{\partial}{\partial x_i} \sum_{j=1}^{N} x_j^2 = 2 x_j", F,
   lambda e: d(lambda f: sx(f, lambda v: v ** 2), e, "x", e.i), lambda e: 2 * e.x[e.j], "ij")
md("dsum-square-sum", r"\frac{\partial}{\partial x_i} \sum_{j=1}^{N} x_j^2 = 2 \sum_{j=1}^{N} x_j", F,
   lambda e: d(lambda f: sx(f, lambda v: v ** 2), e, "x", e.i), lambda e: 2 * sx(e), "i")
md("dsquare-of-sum", r"\frac{\partial}{\partial x_i} \left(\sum_{j=1}^{N} x_j\right)^2 = 2 \sum_{j=1}^{N} x_j", T,
   lambda e: d(lambda f: sx(f) ** 2, e, "x", e.i), lambda e: 2 * sx(e), "i")
md("dexp-sum", r"\frac{\partial}{\partial x_i} e^{\sum_{j=1}^{N} x_j} = e^{\sum_{j=1}^{N} x_j}", T,
   lambda e: d(lambda f: exp(sx(f)), e, "x", e.i), lambda e: exp(sx(e)), "i")
md("dsum-from-2", r"\frac{\partial}{\partial x_k} \sum_{j=2}^{N} x_j = 1", F,
   lambda e: d(lambda f: S(2, f.N, lambda j: f.x[j]), e, "x", e.k), one, "k")
md("dsum-to-Nm1", r"\frac{\partial}{\partial x_k} \sum_{j=1}^{N-1} x_j^2 = 2 x_k", F,
   lambda e: d(lambda f: S(1, f.N - 1, lambda j: f.x[j] ** 2), e, "x", e.k), lambda e: 2 * e.x[e.k], "k")
md("dsum-from-2-x1", r"\frac{\partial}{\partial x_1} \sum_{j=2}^{N} x_j x_1 = \sum_{j=2}^{N} x_j", T,
   lambda e: d(lambda f: S(2, f.N, lambda j: f.x[j] * f.x[1]), e, "x", 1), lambda e: S(2, e.N, lambda j: e.x[j]))
md("dsum-from-2-x1-wrong", r"\frac{\partial}{\partial x_1} \sum_{j=2}^{N} x_j x_1 = \sum_{j=1}^{N} x_j", F,
   lambda e: d(lambda f: S(2, f.N, lambda j: f.x[j] * f.x[1]), e, "x", 1), lambda e: sx(e))
md("dsum-N-x", r"\frac{\partial}{\partial x_N} \sum_{j=1}^{N-1} x_j = 0", T,
   lambda e: d(lambda f: S(1, f.N - 1, lambda j: f.x[j]), e, "x", e.N), zero)
md("dsum-N-x-one", r"\frac{\partial}{\partial x_N} \sum_{j=1}^{N-1} x_j = 1", F,
   lambda e: d(lambda f: S(1, f.N - 1, lambda j: f.x[j]), e, "x", e.N), one)
md("dsum-cross", r"\frac{\partial}{\partial x_k} \sum_{i=1}^{N} \sum_{j=1}^{N} x_i x_j = 2 \sum_{j=1}^{N} x_j", T,
   lambda e: d(lambda f: pairs(f, lambda i, j: f.x[i] * f.x[j]), e, "x", e.k), lambda e: 2 * sx(e), "k")
md("dsum-cross-half", r"\frac{\partial}{\partial x_k} \sum_{i=1}^{N} \sum_{j=1}^{N} x_i x_j = \sum_{j=1}^{N} x_j", F,
   lambda e: d(lambda f: pairs(f, lambda i, j: f.x[i] * f.x[j]), e, "x", e.k), lambda e: sx(e), "k")

# =================================================================================================
# 8. Sigmoid (scalar x)
# =================================================================================================

sg = lambda e: sigmoid(e.x)  # noqa: E731
sc = dict(group="scalar")
md("sig-sym", r"\sigma(x) + \sigma(-x) = 1", T, lambda e: sigmoid(e.x) + sigmoid(-e.x), one, **sc)
md("sig-antisym", r"\sigma(x) - \sigma(-x) = 1", F, lambda e: sigmoid(e.x) - sigmoid(-e.x), one, **sc)
md("sig-exp-form", r"\sigma(x) = \frac{e^x}{1 + e^x}", T, sg, lambda e: exp(e.x) / (1 + exp(e.x)), **sc)
md("sig-wrong-sign", r"\sigma(x) = \frac{1}{1 + e^{x}}", F, sg, lambda e: 1 / (1 + exp(e.x)), **sc)
md("sig-complement", r"1 - \sigma(x) = \sigma(-x)", T, lambda e: 1 - sigmoid(e.x), lambda e: sigmoid(-e.x), **sc)
md("sig-prime", r"\sigma'(x) = \sigma(x)(1 - \sigma(x))", T,
   lambda e: d(sg, e, "x"), lambda e: sigmoid(e.x) * (1 - sigmoid(e.x)), **sc)
md("sig-prime-sym", r"\sigma'(x) = \sigma(x)\sigma(-x)", T,
   lambda e: d(sg, e, "x"), lambda e: sigmoid(e.x) * sigmoid(-e.x), **sc)
md("sig-prime-square", r"\sigma'(x) = \sigma(x)^2", F, lambda e: d(sg, e, "x"), lambda e: sigmoid(e.x) ** 2, **sc)
md("sig-prime-plus", r"\sigma'(x) = \sigma(x)(1 + \sigma(x))", F,
   lambda e: d(sg, e, "x"), lambda e: sigmoid(e.x) * (1 + sigmoid(e.x)), **sc)
md("sig-d-quotient", r"\frac{\mathrm{d}}{\mathrm{d}x} \sigma(x) = \frac{e^{-x}}{(1 + e^{-x})^2}", T,
   lambda e: d(sg, e, "x"), lambda e: exp(-e.x) / (1 + exp(-e.x)) ** 2, **sc)
md("sig-d-quotient-no-square", r"\frac{\partial}{\partial x} \sigma(x) = \frac{e^{-x}}{1 + e^{-x}}", F,
   lambda e: d(sg, e, "x"), lambda e: exp(-e.x) / (1 + exp(-e.x)), **sc)
md("sig-dlog", r"\frac{\mathrm{d}}{\mathrm{d}x} \log(\sigma(x)) = 1 - \sigma(x)", T,
   lambda e: d(lambda f: log(sigmoid(f.x)), e, "x"), lambda e: 1 - sigmoid(e.x), **sc)
md("sig-dlog-sym", r"\frac{\partial}{\partial x} \log \left(\sigma(x)\right) = \sigma(-x)", T,
   lambda e: d(lambda f: log(sigmoid(f.x)), e, "x"), lambda e: sigmoid(-e.x), **sc)
md("sig-dlog-sign", r"\frac{\mathrm{d}}{\mathrm{d}x} \log(\sigma(x)) = -\sigma(x)", F,
   lambda e: d(lambda f: log(sigmoid(f.x)), e, "x"), lambda e: -sigmoid(e.x), **sc)
md("sig-dlog-complement", r"\frac{\partial}{\partial x} \log(1 - \sigma(x)) = -\sigma(x)", T,
   lambda e: d(lambda f: log(1 - sigmoid(f.x)), e, "x"), lambda e: -sigmoid(e.x), **sc)
md("sig-logit", r"\log(\sigma(x)) - \log(\sigma(-x)) = x", T,
   lambda e: log(sigmoid(e.x)) - log(sigmoid(-e.x)), lambda e: e.x, **sc)
md("sig-log-sum", r"\log(\sigma(x)) + \log(\sigma(-x)) = 0", F,
   lambda e: log(sigmoid(e.x)) + log(sigmoid(-e.x)), zero, **sc)
md("sig-product", r"\sigma(x) \sigma(-x) = \frac{e^{x}}{(1 + e^{x})^2}", T,
   lambda e: sigmoid(e.x) * sigmoid(-e.x), lambda e: exp(e.x) / (1 + exp(e.x)) ** 2, **sc)
md("sig-double", r"\sigma(2x) = 2\sigma(x)", F, lambda e: sigmoid(2 * e.x), lambda e: 2 * sigmoid(e.x), **sc)
md("sig-prime-is-d", r"\frac{d}{dx} \sigma(x) = \sigma'(x)", T,
   lambda e: d(sg, e, "x"), lambda e: d(sg, e, "x"), **sc)
md("sig-at-0", r"\sigma(0) = \frac{1}{2}", T, lambda e: sigmoid(0), lambda e: half, **sc)
md("sig-at-0-wrong", r"\sigma(0) = 0", F, lambda e: sigmoid(0), zero, **sc)
md("sig-prime-at-0", r"\sigma'(0) = \frac{1}{4}", T, lambda e: d(sg, e.with_value("x", mpf(0)), "x"), lambda e: mpf(1) / 4, **sc)
md("sig-second", r"\frac{\mathrm{d}}{\mathrm{d}x} \sigma'(x) = \sigma'(x)(1 - 2\sigma(x))", T,
   lambda e: d(lambda f: sigmoid(f.x) * (1 - sigmoid(f.x)), e, "x"),
   lambda e: sigmoid(e.x) * (1 - sigmoid(e.x)) * (1 - 2 * sigmoid(e.x)), **sc)
md("sig-second-wrong", r"\frac{\partial}{\partial x} \sigma'(x) = \sigma'(x)(1 - \sigma(x))", F,
   lambda e: d(lambda f: sigmoid(f.x) * (1 - sigmoid(f.x)), e, "x"),
   lambda e: sigmoid(e.x) * (1 - sigmoid(e.x)) ** 2, **sc)
md("sig-tanh", r"\frac{e^{x} - e^{-x}}{e^{x} + e^{-x}} = 2\sigma(2x) - 1", T,
   lambda e: (exp(e.x) - exp(-e.x)) / (exp(e.x) + exp(-e.x)), lambda e: 2 * sigmoid(2 * e.x) - 1, **sc)
md("sig-tanh-wrong", r"\frac{e^{x} - e^{-x}}{e^{x} + e^{-x}} = 2\sigma(x) - 1", F,
   lambda e: (exp(e.x) - exp(-e.x)) / (exp(e.x) + exp(-e.x)), lambda e: 2 * sigmoid(e.x) - 1, **sc)
md("softplus-diff", r"\log(1 + e^{x}) - \log(1 + e^{-x}) = x", T,
   lambda e: log(1 + exp(e.x)) - log(1 + exp(-e.x)), lambda e: e.x, **sc)
md("softplus-shift", r"\log(1 + e^{x}) = x + \log(1 + e^{-x})", T,
   lambda e: log(1 + exp(e.x)), lambda e: e.x + log(1 + exp(-e.x)), **sc)
md("softplus-shift-sign", r"\log(1 + e^{x}) = x - \log(1 + e^{-x})", F,
   lambda e: log(1 + exp(e.x)), lambda e: e.x - log(1 + exp(-e.x)), **sc)
md("softplus-logsig", r"\log(1 + e^{x}) = -\log(\sigma(-x))", T,
   lambda e: log(1 + exp(e.x)), lambda e: -log(sigmoid(-e.x)), **sc)
md("sig-two-forms", r"\frac{1}{1 + e^{-x}} + \frac{1}{1 + e^{x}} = 1", T,
   lambda e: 1 / (1 + exp(-e.x)) + 1 / (1 + exp(e.x)), one, **sc)

# =================================================================================================
# 9. Scalar identities: cancellation, exp/log, square roots, max, where undefined
# =================================================================================================

md("sc-squares-diff", r"(x + 1)^2 - (x - 1)^2 = 4x", T, lambda e: (e.x + 1) ** 2 - (e.x - 1) ** 2, lambda e: 4 * e.x, **sc)
md("sc-squares-diff-2x", r"(x + 1)^2 - (x - 1)^2 = 2x", F, lambda e: (e.x + 1) ** 2 - (e.x - 1) ** 2, lambda e: 2 * e.x, **sc)
md("sc-cancel-pole", r"\frac{x^2 - 1}{x - 1} = x + 1", T, lambda e: div(e.x ** 2 - 1, e.x - 1), lambda e: e.x + 1, **sc)
md("sc-cancel-pole-wrong", r"\frac{x^2 - 1}{x + 1} = x + 1", F, lambda e: div(e.x ** 2 - 1, e.x + 1), lambda e: e.x + 1, **sc)
md("sc-cubes", r"\frac{x^3 - 1}{x - 1} = x^2 + x + 1", T, lambda e: div(e.x ** 3 - 1, e.x - 1), lambda e: e.x ** 2 + e.x + 1, **sc)
md("sc-binomial", r"(a + b)^2 = a^2 + 2ab + b^2", T, lambda e: (e.a + e.b) ** 2, lambda e: e.a ** 2 + 2 * e.a * e.b + e.b ** 2, **sc)
md("sc-binomial-freshman", r"(a + b)^2 = a^2 + b^2", F, lambda e: (e.a + e.b) ** 2, lambda e: e.a ** 2 + e.b ** 2, **sc)
md("sc-conjugate", r"(a - b)(a + b) = a^2 - b^2", T, lambda e: (e.a - e.b) * (e.a + e.b), lambda e: e.a ** 2 - e.b ** 2, **sc)
md("sc-conjugate-sign", r"(a - b)(a + b) = a^2 + b^2", F, lambda e: (e.a - e.b) * (e.a + e.b), lambda e: e.a ** 2 + e.b ** 2, **sc)
md("sc-partial-fractions", r"\frac{1}{x} + \frac{1}{1 - x} = \frac{1}{x(1 - x)}", T,
   lambda e: div(1, e.x) + div(1, 1 - e.x), lambda e: div(1, e.x * (1 - e.x)), **sc)
md("sc-telescoping", r"\frac{1}{x} - \frac{1}{x + 1} = \frac{1}{x(x + 1)}", T,
   lambda e: div(1, e.x) - div(1, e.x + 1), lambda e: div(1, e.x * (e.x + 1)), **sc)
md("sc-telescoping-wrong", r"\frac{1}{x} - \frac{1}{x + 1} = \frac{1}{x^2}", F,
   lambda e: div(1, e.x) - div(1, e.x + 1), lambda e: div(1, e.x ** 2), **sc)
md("sc-exp-product", r"e^{a} e^{b} = e^{a + b}", T, lambda e: exp(e.a) * exp(e.b), lambda e: exp(e.a + e.b), **sc)
md("sc-exp-sum", r"e^{a} + e^{b} = e^{a + b}", F, lambda e: exp(e.a) + exp(e.b), lambda e: exp(e.a + e.b), **sc)
md("sc-exp-double", r"e^{2x} = (e^{x})^2", T, lambda e: exp(2 * e.x), lambda e: exp(e.x) ** 2, **sc)
md("sc-exp-square", r"e^{x^2} = (e^{x})^2", F, lambda e: exp(e.x ** 2), lambda e: exp(e.x) ** 2, **sc)
md("sc-log-exp", r"\log(e^{x}) = x", T, lambda e: log(exp(e.x)), lambda e: e.x, **sc)
md("sc-exp-log", r"e^{\log x} = x", T, lambda e: exp(log(e.x)), lambda e: e.x, **sc)
md("sc-log-product", r"\log(a b) = \log a + \log b", T, lambda e: log(e.a * e.b), lambda e: log(e.a) + log(e.b), **sc)
md("sc-log-sum", r"\log(a + b) = \log a + \log b", F, lambda e: log(e.a + e.b), lambda e: log(e.a) + log(e.b), **sc)
md("sc-log-square", r"\log(x^2) = 2 \log x", T, lambda e: log(e.x ** 2), lambda e: 2 * log(e.x), **sc)
md("sc-log-square-abs", r"\log(x^2) = 2 \log \sqrt{x^2}", T, lambda e: log(e.x ** 2), lambda e: 2 * log(sqrt(e.x ** 2)), **sc)
md("sc-sqrt-square", r"\sqrt{x^2} = x", F, lambda e: sqrt(e.x ** 2), lambda e: e.x, **sc)
md("sc-sqrt-square-max", r"\sqrt{x^2} = \max(x, -x)", T, lambda e: sqrt(e.x ** 2), lambda e: max(e.x, -e.x), **sc)
md("sc-square-sqrt", r"(\sqrt{x})^2 = x", T, lambda e: sqrt(e.x) ** 2, lambda e: e.x, **sc)
md("sc-sqrt-product-squares", r"\sqrt{a^2 b^2} = a b", F, lambda e: sqrt(e.a ** 2 * e.b ** 2), lambda e: e.a * e.b, **sc)
md("sc-sqrt-product-split", r"\sqrt{a^2 b^2} = \sqrt{a^2} \sqrt{b^2}", T,
   lambda e: sqrt(e.a ** 2 * e.b ** 2), lambda e: sqrt(e.a ** 2) * sqrt(e.b ** 2), **sc)
md("sc-sqrt-perfect-square", r"\sqrt{x^2 + 2x + 1} = x + 1", F, lambda e: sqrt(e.x ** 2 + 2 * e.x + 1), lambda e: e.x + 1, **sc)
md("sc-sqrt-perfect-square-max", r"\sqrt{x^2 + 2x + 1} = \max(x + 1, -x - 1)", T,
   lambda e: sqrt(e.x ** 2 + 2 * e.x + 1), lambda e: max(e.x + 1, -e.x - 1), **sc)
md("sc-sqrt-mult", r"\sqrt{a} \sqrt{b} = \sqrt{a b}", T, lambda e: sqrt(e.a) * sqrt(e.b), lambda e: sqrt(e.a * e.b), **sc)
md("sc-sqrt-quotient", r"\frac{\sqrt{a}}{\sqrt{b}} = \sqrt{\frac{a}{b}}", T,
   lambda e: div(sqrt(e.a), sqrt(e.b)), lambda e: sqrt(div(e.a, e.b)), **sc)
md("sc-exp-half-log-square", r"e^{\frac{1}{2} \log(x^2)} = x", F, lambda e: exp(half * log(e.x ** 2)), lambda e: e.x, **sc)
md("sc-exp-half-log-square-abs", r"e^{\frac{1}{2} \log(x^2)} = \sqrt{x^2}", T,
   lambda e: exp(half * log(e.x ** 2)), lambda e: sqrt(e.x ** 2), **sc)
md("sc-log-sqrt", r"\log \sqrt{x} = \frac{1}{2} \log x", T, lambda e: log(sqrt(e.x)), lambda e: half * log(e.x), **sc)
md("sc-d-sqrt-square-squared", r"\left(\frac{\mathrm{d}}{\mathrm{d}x} \sqrt{x^2}\right)^2 = 1", T,
   lambda e: d(lambda f: sqrt(f.x ** 2), e, "x") ** 2, one, **sc)
md("sc-d-sqrt-square", r"\frac{\partial}{\partial x} \sqrt{x^2} = 1", F, lambda e: d(lambda f: sqrt(f.x ** 2), e, "x"), one, **sc)
md("sc-d-sqrt-square-sign", r"\frac{\mathrm{d}}{\mathrm{d}x} \sqrt{x^2} = \frac{x}{\sqrt{x^2}}", T,
   lambda e: d(lambda f: sqrt(f.x ** 2), e, "x"), lambda e: div(e.x, sqrt(e.x ** 2)), **sc)
md("sc-d-log-square", r"\frac{\partial}{\partial x} \log(x^2) = \frac{2}{x}", T,
   lambda e: d(lambda f: log(f.x ** 2), e, "x"), lambda e: div(2, e.x), **sc)
md("sc-d-log", r"\frac{d}{dx} \log x = \frac{1}{x}", T, lambda e: d(lambda f: log(f.x), e, "x"), lambda e: div(1, e.x), **sc)
md("sc-d-xlogx", r"\frac{\mathrm{d}}{\mathrm{d}x} x \log x = \log x + 1", T,
   lambda e: d(lambda f: f.x * log(f.x), e, "x"), lambda e: log(e.x) + 1, **sc)
md("sc-d-xlogx-wrong", r"\frac{\partial}{\partial x} x \log x = \log x", F,
   lambda e: d(lambda f: f.x * log(f.x), e, "x"), lambda e: log(e.x), **sc)
md("sc-d-gauss", r"\frac{\mathrm{d}}{\mathrm{d}x} e^{-x^2} = -2x e^{-x^2}", T,
   lambda e: d(lambda f: exp(-f.x ** 2), e, "x"), lambda e: -2 * e.x * exp(-e.x ** 2), **sc)
md("sc-d-gauss-wrong", r"\frac{\partial}{\partial x} e^{-x^2} = -2 e^{-x^2}", F,
   lambda e: d(lambda f: exp(-f.x ** 2), e, "x"), lambda e: -2 * exp(-e.x ** 2), **sc)
md("sc-d-cauchy", r"\frac{\mathrm{d}}{\mathrm{d}x} \frac{1}{1 + x^2} = -\frac{2x}{(1 + x^2)^2}", T,
   lambda e: d(lambda f: 1 / (1 + f.x ** 2), e, "x"), lambda e: -2 * e.x / (1 + e.x ** 2) ** 2, **sc)
md("sc-d-cauchy-wrong", r"\frac{\partial}{\partial x} \frac{1}{1 + x^2} = \frac{-2x}{1 + x^2}", F,
   lambda e: d(lambda f: 1 / (1 + f.x ** 2), e, "x"), lambda e: -2 * e.x / (1 + e.x ** 2), **sc)
md("sc-d-relu-square", r"\frac{d}{dx} \max(x, 0)^2 = 2\max(x, 0)", T,
   lambda e: d(lambda f: max(f.x, 0) ** 2, e, "x"), lambda e: 2 * max(e.x, 0), **sc)
md("sc-max-formula", r"\max(a, b) = \frac{a + b + \sqrt{(a - b)^2}}{2}", T,
   lambda e: max(e.a, e.b), lambda e: (e.a + e.b + sqrt((e.a - e.b) ** 2)) / 2, **sc)
md("sc-max-formula-min", r"\max(a, b) = \frac{a + b - \sqrt{(a - b)^2}}{2}", F,
   lambda e: max(e.a, e.b), lambda e: (e.a + e.b - sqrt((e.a - e.b) ** 2)) / 2, **sc)
md("sc-relu-diff", r"\max(x, 0) - \max(-x, 0) = x", T, lambda e: max(e.x, 0) - max(-e.x, 0), lambda e: e.x, **sc)
md("sc-relu-sum", r"\max(x, 0) + \max(-x, 0) = x", F, lambda e: max(e.x, 0) + max(-e.x, 0), lambda e: e.x, **sc)
md("sc-d-chain-power", r"\frac{\mathrm{d}}{\mathrm{d}x} (x^2 + 1)^3 = 6x (x^2 + 1)^2", T,
   lambda e: d(lambda f: (f.x ** 2 + 1) ** 3, e, "x"), lambda e: 6 * e.x * (e.x ** 2 + 1) ** 2, **sc)
md("sc-d-chain-power-wrong", r"\frac{\partial}{\partial x} (x^2 + 1)^3 = 3 (x^2 + 1)^2", F,
   lambda e: d(lambda f: (f.x ** 2 + 1) ** 3, e, "x"), lambda e: 3 * (e.x ** 2 + 1) ** 2, **sc)
md("sc-x-over-x", r"\frac{x}{x} = 1", T, lambda e: div(e.x, e.x), one, **sc)
md("sc-x-times-inverse", r"x \cdot \frac{1}{x} = 1", T, lambda e: e.x * div(1, e.x), one, **sc)
md("sc-fractions", r"\frac{a}{b} + \frac{b}{a} = \frac{a^2 + b^2}{a b}", T,
   lambda e: div(e.a, e.b) + div(e.b, e.a), lambda e: div(e.a ** 2 + e.b ** 2, e.a * e.b), **sc)
md("sc-fractions-wrong", r"\frac{a}{b} + \frac{b}{a} = \frac{a + b}{a b}", F,
   lambda e: div(e.a, e.b) + div(e.b, e.a), lambda e: div(e.a + e.b, e.a * e.b), **sc)
md("sc-power-half", r"(x^2)^{\frac{1}{2}} = x", F, lambda e: power(e.x ** 2, half), lambda e: e.x, **sc)
md("sc-tiny-cancel", r"(1 + 10^{-20} x)^2 - 1 = 2 \cdot 10^{-20} x + 10^{-40} x^2", T,
   lambda e: (1 + mpf(10) ** -20 * e.x) ** 2 - 1, lambda e: 2 * mpf(10) ** -20 * e.x + mpf(10) ** -40 * e.x ** 2, **sc)
# Values up to 10^703 at x = 2: the oracle works with 800 digits there.
md("sc-huge-cancel", r"e^{e^{e^{x}}} + 1 - e^{e^{e^{x}}} = 1", T,
   lambda e: exp(exp(exp(e.x))) + 1 - exp(exp(exp(e.x))), one, dps=800, **sc)
md("sc-huge-cancel-wrong", r"e^{e^{e^{x}}} + 1 - e^{e^{e^{x}}} = 0", F,
   lambda e: exp(exp(exp(e.x))) + 1 - exp(exp(exp(e.x))), zero, dps=800, **sc)
md("sc-huge-cancel-sigmoid", r"\sigma(e^{e^{x}}) + \sigma(-e^{e^{x}}) = 1", T,
   lambda e: sigmoid(exp(exp(e.x))) + sigmoid(-exp(exp(e.x))), one, dps=800, **sc)
md("sc-huge-log", r"\log\left(1 + e^{e^{e^{x}}}\right) - e^{e^{x}} = \log\left(1 + e^{-e^{e^{x}}}\right)", T,
   lambda e: log(1 + exp(exp(exp(e.x)))) - exp(exp(e.x)), lambda e: log(1 + exp(-exp(exp(e.x)))), dps=800, **sc)

# =================================================================================================
# 10. Vectors through the real domain (square roots, logs of entries)
# =================================================================================================

md("dom-sqrt-square", r"\sqrt{x_i^2} = x_i", F, lambda e: sqrt(e.x[e.i] ** 2), lambda e: e.x[e.i], "i")
md("dom-square-sqrt", r"(\sqrt{x_i})^2 = x_i", T, lambda e: sqrt(e.x[e.i]) ** 2, lambda e: e.x[e.i], "i")
md("dom-log-exp", r"\log e^{x_i} = x_i", T, lambda e: log(exp(e.x[e.i])), lambda e: e.x[e.i], "i")
md("dom-exp-log", r"e^{\log x_i} = x_i", T, lambda e: exp(log(e.x[e.i])), lambda e: e.x[e.i], "i")
md("dom-log-product", r"\log(x_i x_j) = \log x_i + \log x_j", T,
   lambda e: log(e.x[e.i] * e.x[e.j]), lambda e: log(e.x[e.i]) + log(e.x[e.j]), "ij")
md("dom-exp-half-log", r"e^{\frac{1}{2} \log(x_i^2)} = x_i", F,
   lambda e: exp(half * log(e.x[e.i] ** 2)), lambda e: e.x[e.i], "i")
md("dom-sqrt-exp", r"\sqrt{e^{2 x_i}} = e^{x_i}", T, lambda e: sqrt(exp(2 * e.x[e.i])), lambda e: exp(e.x[e.i]), "i")
md("dom-log-sum-squares", r"\log \sum_{j=1}^{N} x_j^2 = 2 \log \sum_{j=1}^{N} x_j", F,
   lambda e: log(sx(e, lambda v: v ** 2)), lambda e: 2 * log(sx(e)))
md("dom-lse-double", r"\log \sum_{j=1}^{N} e^{2 x_j} = 2 \log \sum_{j=1}^{N} e^{x_j}", F,
   lambda e: log(S(1, e.N, lambda j: exp(2 * e.x[j]))), lambda e: 2 * log(Z(e, "x")))
md("dom-log-of-sum", r"\log \sum_{j=1}^{N} x_j = \sum_{j=1}^{N} \log x_j", F,
   lambda e: log(sx(e)), lambda e: S(1, e.N, lambda j: log(e.x[j])))
md("dom-sqrt-sum-squared", r"\left(\sqrt{\sum_{j=1}^{N} x_j^2}\right)^2 = \sum_{j=1}^{N} x_j^2", T,
   lambda e: sqrt(sx(e, lambda v: v ** 2)) ** 2, lambda e: sx(e, lambda v: v ** 2))
md("dom-sqrt-square-of-sum", r"\sqrt{\left(\sum_{j=1}^{N} x_j\right)^2} = \sum_{j=1}^{N} x_j", F,
   lambda e: sqrt(sx(e) ** 2), lambda e: sx(e))
md("dom-exp-log-sum", r"e^{\log \sum_{j=1}^{N} x_j} = \sum_{j=1}^{N} x_j", T,
   lambda e: exp(log(sx(e))), lambda e: sx(e))
md("dom-sqrt-products", r"\sqrt{x_i^2} \sqrt{x_j^2} = x_i x_j", F,
   lambda e: sqrt(e.x[e.i] ** 2) * sqrt(e.x[e.j] ** 2), lambda e: e.x[e.i] * e.x[e.j], "ij")
md("dom-sqrt-split", r"\sqrt{x_i^2 x_j^2} = \sqrt{x_i^2} \sqrt{x_j^2}", T,
   lambda e: sqrt(e.x[e.i] ** 2 * e.x[e.j] ** 2), lambda e: sqrt(e.x[e.i] ** 2) * sqrt(e.x[e.j] ** 2), "ij")
md("dom-sign", r"\frac{\sqrt{x_i^2}}{x_i} = 1", F, lambda e: div(sqrt(e.x[e.i] ** 2), e.x[e.i]), one, "i")
md("dom-sign-squared", r"\left(\frac{\sqrt{x_i^2}}{x_i}\right)^2 = 1", T,
   lambda e: div(sqrt(e.x[e.i] ** 2), e.x[e.i]) ** 2, one, "i")
md("dom-distance-sym", r"\sqrt{(x_i - x_j)^2} = \sqrt{(x_j - x_i)^2}", T,
   lambda e: sqrt((e.x[e.i] - e.x[e.j]) ** 2), lambda e: sqrt((e.x[e.j] - e.x[e.i]) ** 2), "ij")
md("dom-distance-signed", r"\sqrt{(x_i - x_j)^2} = x_i - x_j", F,
   lambda e: sqrt((e.x[e.i] - e.x[e.j]) ** 2), lambda e: e.x[e.i] - e.x[e.j], "ij")
md("dom-sqrt-sum-squares-norm", r"\sqrt{\sum_{j=1}^{N} x_j^2} = \sum_{j=1}^{N} \sqrt{x_j^2}", F,
   lambda e: sqrt(sx(e, lambda v: v ** 2)), lambda e: sx(e, lambda v: sqrt(v ** 2)))

# =================================================================================================
# 11. TeX tokens: a command or script takes one token
# =================================================================================================

md("tex-frac12", r"\frac12 x_k = \frac{x_k}{2}", T, lambda e: half * e.x[e.k], lambda e: e.x[e.k] / 2, "k")
md("tex-frac12-read-as-12", r"\frac12 x_k = \frac{12}{x_k}", F, lambda e: half * e.x[e.k], lambda e: div(12, e.x[e.k]), "k")
md("tex-frac1x", r"\frac1x = \frac{1}{x}", T, lambda e: div(1, e.x), lambda e: div(1, e.x), **sc)
md("tex-sqrt12", r"\sqrt12 = 2", T, lambda e: sqrt(1) * 2, lambda e: 2, **sc)
md("tex-sqrt12-as-twelve", r"\sqrt12 = 2\sqrt{3}", F, lambda e: sqrt(1) * 2, lambda e: 2 * sqrt(3), **sc)
md("tex-sub12", r"x_12 = 2 x_1", T, lambda e: e.x[1] * 2, lambda e: 2 * e.x[1])
md("tex-sum-upper-10", r"\sum_{j=1}^10 1 = 10", F, lambda e: S(1, 1, lambda j: 0 * 1), lambda e: 10)
md("tex-e2x", r"e^2x = e^{2x}", F, lambda e: exp(2) * e.x, lambda e: exp(2 * e.x), **sc)
md("tex-prime-symbol", r"a' = 1", F, lambda e: e.ap, one, **sc)
md("tex-prime-of-square", r"(x^2)' = 2x", T, lambda e: d(lambda f: f.x ** 2, e, "x"), lambda e: 2 * e.x, **sc)
md("tex-prime-of-exp", r"(e^{x})' = e^{x}", T, lambda e: d(lambda f: exp(f.x), e, "x"), lambda e: exp(e.x), **sc)
md("tex-prime-wrong", r"(x^2 + 1)' = 2", F, lambda e: d(lambda f: f.x ** 2 + 1, e, "x"), lambda e: 2, **sc)


# =================================================================================================
# 12. The Python API: dependent bounds, Kronecker deltas, sums over j != i by substitution
# =================================================================================================

class _Api:
    """The names API claims are built from (imported on first use: sympy and derive)."""

    def __init__(self):
        import sympy as sp

        import derive
        from derive.catalog.build import assume, entry

        self.sp = sp
        self.N = derive.size("N")
        self.x, self.theta, self.y = derive.vector("x"), derive.vector("theta"), derive.vector("y")
        self.c = derive.scalar("c")
        self.i, self.j, self.k, self.l, self.t = (derive.index(n, self.N) for n in "ijklt")
        self.index = derive.index
        self.Sum = sp.Sum
        self.delta = sp.KroneckerDelta
        self.exp, self.log = sp.exp, sp.log
        self.sum_except = derive.sum_except
        self.softmax = derive.softmax
        self.entry = entry
        self.onehot = assume(onehot=[(self.y, self.t)])

    def yhat(self, at):
        m = self.index("m", self.N)
        return self.softmax(self.sp.Lambda(m, self.theta[m]), at)


def tri_api(a):
    return a.N * (a.N + 1) / 2


def nested(a, body, inner_lo=1, inner_hi=None):
    """sum_{j=1}^{N} sum_{k=inner_lo}^{inner_hi(j)} body(j, k), with k's range depending on j."""
    j = a.index("j", a.N)
    hi = a.sp.sympify(inner_hi(j)) if inner_hi else j
    lo = a.sp.sympify(inner_lo(j)) if callable(inner_lo) else a.sp.sympify(inner_lo)
    k = a.sp.Idx("k", (lo, hi))
    return a.Sum(a.Sum(body(j, k), (k, lo, hi)), (j, 1, a.N))


def tri_o(e, f, lo=lambda j: 1, hi=lambda j: j):
    return S(1, e.N, lambda j: S(lo(j), hi(j), lambda k: f(j, k)))


api("dep-tri-count", lambda a: (nested(a, lambda j, k: 1), tri_api(a)), T,
    lambda e: tri_o(e, lambda j, k: 1), lambda e: tri(e.N))
api("dep-tri-count-half-square", lambda a: (nested(a, lambda j, k: 1), a.N ** 2 / 2), F,
    lambda e: tri_o(e, lambda j, k: 1), lambda e: mpf(e.N) ** 2 / 2)
api("dep-tri-x-inner", lambda a: (nested(a, lambda j, k: a.x[k]),
                                  a.Sum((a.N - a.k + 1) * a.x[a.k], (a.k, 1, a.N))), T,
    lambda e: tri_o(e, lambda j, k: e.x[k]), lambda e: S(1, e.N, lambda k: (e.N - k + 1) * e.x[k]))
api("dep-tri-x-inner-wrong", lambda a: (nested(a, lambda j, k: a.x[k]), a.Sum(a.k * a.x[a.k], (a.k, 1, a.N))), F,
    lambda e: tri_o(e, lambda j, k: e.x[k]), lambda e: S(1, e.N, lambda k: k * e.x[k]))
api("dep-tri-x-outer", lambda a: (nested(a, lambda j, k: a.x[j]), a.Sum(a.j * a.x[a.j], (a.j, 1, a.N))), T,
    lambda e: tri_o(e, lambda j, k: e.x[j]), lambda e: S(1, e.N, lambda j: j * e.x[j]))
api("dep-tri-x-outer-wrong", lambda a: (nested(a, lambda j, k: a.x[j]),
                                        a.Sum((a.N - a.j + 1) * a.x[a.j], (a.j, 1, a.N))), F,
    lambda e: tri_o(e, lambda j, k: e.x[j]), lambda e: S(1, e.N, lambda j: (e.N - j + 1) * e.x[j]))
api("dep-upper-tri-x", lambda a: (nested(a, lambda j, k: a.x[k], inner_lo=lambda j: j, inner_hi=lambda j: a.N),
                                  a.Sum(a.k * a.x[a.k], (a.k, 1, a.N))), T,
    lambda e: tri_o(e, lambda j, k: e.x[k], lo=lambda j: j, hi=lambda j: e.N), lambda e: S(1, e.N, lambda k: k * e.x[k]))
api("dep-upper-tri-x-wrong", lambda a: (nested(a, lambda j, k: a.x[k], inner_lo=lambda j: j, inner_hi=lambda j: a.N),
                                        a.Sum((a.N - a.k + 1) * a.x[a.k], (a.k, 1, a.N))), F,
    lambda e: tri_o(e, lambda j, k: e.x[k], lo=lambda j: j, hi=lambda j: e.N),
    lambda e: S(1, e.N, lambda k: (e.N - k + 1) * e.x[k]))
api("dep-tri-products",
    lambda a: (nested(a, lambda j, k: a.x[j] * a.x[k]),
               (a.Sum(a.x[a.i], (a.i, 1, a.N)) ** 2 + a.Sum(a.x[a.i] ** 2, (a.i, 1, a.N))) / 2), T,
    lambda e: tri_o(e, lambda j, k: e.x[j] * e.x[k]), lambda e: (sx(e) ** 2 + sx(e, lambda v: v ** 2)) / 2)
api("dep-strict-tri-products",
    lambda a: (nested(a, lambda j, k: a.x[j] * a.x[k], inner_hi=lambda j: j - 1),
               (a.Sum(a.x[a.i], (a.i, 1, a.N)) ** 2 - a.Sum(a.x[a.i] ** 2, (a.i, 1, a.N))) / 2), T,
    lambda e: tri_o(e, lambda j, k: e.x[j] * e.x[k], hi=lambda j: j - 1), lambda e: (sx(e) ** 2 - sx(e, lambda v: v ** 2)) / 2)
api("dep-strict-tri-products-plus",
    lambda a: (nested(a, lambda j, k: a.x[j] * a.x[k], inner_hi=lambda j: j - 1),
               (a.Sum(a.x[a.i], (a.i, 1, a.N)) ** 2 + a.Sum(a.x[a.i] ** 2, (a.i, 1, a.N))) / 2), F,
    lambda e: tri_o(e, lambda j, k: e.x[j] * e.x[k], hi=lambda j: j - 1), lambda e: (sx(e) ** 2 + sx(e, lambda v: v ** 2)) / 2)
api("dep-strict-tri-count", lambda a: (nested(a, lambda j, k: 1, inner_hi=lambda j: j - 1), a.N * (a.N - 1) / 2), T,
    lambda e: tri_o(e, lambda j, k: 1, hi=lambda j: j - 1), lambda e: mpf(e.N) * (e.N - 1) / 2)
api("dep-strict-tri-count-wrong", lambda a: (nested(a, lambda j, k: 1, inner_hi=lambda j: j - 1), (a.N - 1) ** 2 / 2), F,
    lambda e: tri_o(e, lambda j, k: 1, hi=lambda j: j - 1), lambda e: mpf(e.N - 1) ** 2 / 2)


def triple(a):
    j = a.index("j", a.N)
    k = a.sp.Idx("k", (1, j))
    l_ = a.sp.Idx("l", (1, k))
    return a.Sum(a.Sum(a.Sum(1, (l_, 1, k)), (k, 1, j)), (j, 1, a.N))


api("dep-tetrahedral", lambda a: (triple(a), a.N * (a.N + 1) * (a.N + 2) / 6), T,
    lambda e: S(1, e.N, lambda j: S(1, j, lambda k: S(1, k, lambda l: 1))), lambda e: mpf(e.N) * (e.N + 1) * (e.N + 2) / 6)
api("dep-tetrahedral-wrong", lambda a: (triple(a), a.N ** 3 / 6), F,
    lambda e: S(1, e.N, lambda j: S(1, j, lambda k: S(1, k, lambda l: 1))), lambda e: mpf(e.N) ** 3 / 6)
api("dep-delta-diag", lambda a: (nested(a, lambda j, k: a.delta(j, k)), a.N), T,
    lambda e: tri_o(e, lambda j, k: delta(j, k)), lambda e: e.N)
api("dep-delta-strict", lambda a: (nested(a, lambda j, k: a.delta(j, k), inner_hi=lambda j: j - 1), 0), T,
    lambda e: tri_o(e, lambda j, k: delta(j, k), hi=lambda j: j - 1), zero)
api("dep-delta-strict-N", lambda a: (nested(a, lambda j, k: a.delta(j, k), inner_hi=lambda j: j - 1), a.N), F,
    lambda e: tri_o(e, lambda j, k: delta(j, k), hi=lambda j: j - 1), lambda e: e.N)
api("dep-onehot-count", lambda a: (nested(a, lambda j, k: a.y[k]), a.N - a.t + 1, a.onehot), T,
    lambda e: tri_o(e, lambda j, k: e.y[k]), lambda e: e.N - e.t + 1, "t")
api("dep-onehot-count-wrong", lambda a: (nested(a, lambda j, k: a.y[k]), a.t, a.onehot), F,
    lambda e: tri_o(e, lambda j, k: e.y[k]), lambda e: e.t, "t")
api("dep-lower-from-2",
    lambda a: (a.Sum(a.Sum(a.x[a.sp.Idx("k", (1, a.index("j", a.N) - 1))],
                           (a.sp.Idx("k", (1, a.index("j", a.N) - 1)), 1, a.index("j", a.N) - 1)),
                     (a.index("j", a.N), 2, a.N)),
               a.Sum((a.N - a.k) * a.x[a.k], (a.k, 1, a.N - 1))), T,
    lambda e: S(2, e.N, lambda j: S(1, j - 1, lambda k: e.x[k])), lambda e: S(1, e.N - 1, lambda k: (e.N - k) * e.x[k]))
api("dep-above-diag-count", lambda a: (nested(a, lambda j, k: 1, inner_lo=lambda j: j + 1, inner_hi=lambda j: a.N),
                                       a.N * (a.N - 1) / 2), T,
    lambda e: tri_o(e, lambda j, k: 1, lo=lambda j: j + 1, hi=lambda j: e.N), lambda e: mpf(e.N) * (e.N - 1) / 2)
api("dep-above-diag-x", lambda a: (nested(a, lambda j, k: a.x[k], inner_lo=lambda j: j + 1, inner_hi=lambda j: a.N),
                                   a.Sum((a.k - 1) * a.x[a.k], (a.k, 1, a.N))), T,
    lambda e: tri_o(e, lambda j, k: e.x[k], lo=lambda j: j + 1, hi=lambda j: e.N), lambda e: S(1, e.N, lambda k: (k - 1) * e.x[k]))
api("dep-above-diag-x-wrong", lambda a: (nested(a, lambda j, k: a.x[k], inner_lo=lambda j: j + 1, inner_hi=lambda j: a.N),
                                         a.Sum(a.k * a.x[a.k], (a.k, 1, a.N))), F,
    lambda e: tri_o(e, lambda j, k: e.x[k], lo=lambda j: j + 1, hi=lambda j: e.N), lambda e: S(1, e.N, lambda k: k * e.x[k]))
api("dep-fubini", lambda a: (nested(a, lambda j, k: a.x[k]),
                             nested(a, lambda j, k: a.x[j], inner_lo=lambda j: j, inner_hi=lambda j: a.N)), T,
    lambda e: tri_o(e, lambda j, k: e.x[k]), lambda e: tri_o(e, lambda j, k: e.x[j], lo=lambda j: j, hi=lambda j: e.N))
api("dep-fubini-wrong", lambda a: (nested(a, lambda j, k: a.x[k]),
                                   nested(a, lambda j, k: a.x[j])), F,
    lambda e: tri_o(e, lambda j, k: e.x[k]), lambda e: tri_o(e, lambda j, k: e.x[j]))
api("dep-exp", lambda a: (nested(a, lambda j, k: a.exp(a.x[k] - a.x[j])),
                          nested(a, lambda j, k: a.exp(a.x[j] - a.x[k]), inner_lo=lambda j: j, inner_hi=lambda j: a.N)), T,
    lambda e: tri_o(e, lambda j, k: exp(e.x[k] - e.x[j])),
    lambda e: tri_o(e, lambda j, k: exp(e.x[j] - e.x[k]), lo=lambda j: j, hi=lambda j: e.N))

# Kronecker deltas.
api("delta-sift", lambda a: (a.Sum(a.delta(a.i, a.j) * a.x[a.j], (a.j, 1, a.N)), a.x[a.i]), T,
    lambda e: S(1, e.N, lambda j: delta(e.i, j) * e.x[j]), lambda e: e.x[e.i], "i")
api("delta-sift-free-j", lambda a: (a.Sum(a.delta(a.i, a.j) * a.x[a.j], (a.j, 1, a.N)), a.x[a.j]), F,
    lambda e: S(1, e.N, lambda j: delta(e.i, j) * e.x[j]), lambda e: e.x[e.j], "ij")
api("delta-sum", lambda a: (a.Sum(a.delta(a.i, a.j), (a.j, 1, a.N)), 1), T,
    lambda e: S(1, e.N, lambda j: delta(e.i, j)), one, "i")
api("delta-double-sum", lambda a: (a.Sum(a.delta(a.i, a.j), (a.i, 1, a.N), (a.j, 1, a.N)), a.N), T,
    lambda e: S(1, e.N, lambda i: S(1, e.N, lambda j: delta(i, j))), lambda e: e.N)
api("delta-double-sum-square", lambda a: (a.Sum(a.delta(a.i, a.j), (a.i, 1, a.N), (a.j, 1, a.N)), a.N ** 2), F,
    lambda e: S(1, e.N, lambda i: S(1, e.N, lambda j: delta(i, j))), lambda e: e.N ** 2)
api("delta-chain", lambda a: (a.Sum(a.delta(a.j, a.k) * a.delta(a.j, a.i), (a.j, 1, a.N)), a.delta(a.i, a.k)), T,
    lambda e: S(1, e.N, lambda j: delta(j, e.k) * delta(j, e.i)), lambda e: delta(e.i, e.k), "ik")
api("delta-chain-one", lambda a: (a.Sum(a.delta(a.j, a.k) * a.delta(a.j, a.i), (a.j, 1, a.N)), 1), F,
    lambda e: S(1, e.N, lambda j: delta(j, e.k) * delta(j, e.i)), one, "ik")
api("delta-idempotent", lambda a: (a.delta(a.i, a.k) ** 2, a.delta(a.i, a.k)), T,
    lambda e: delta(e.i, e.k) ** 2, lambda e: delta(e.i, e.k), "ik")
api("delta-square-one", lambda a: (a.delta(a.i, a.k) ** 2, 1), F, lambda e: delta(e.i, e.k) ** 2, one, "ik")
api("delta-from-2-at-1", lambda a: (a.Sum(a.delta(a.sp.Idx("j", (2, a.N)), 1), (a.sp.Idx("j", (2, a.N)), 2, a.N)), 0), T,
    lambda e: S(2, e.N, lambda j: delta(j, 1)), zero)
api("delta-from-2-at-1-one", lambda a: (a.Sum(a.delta(a.sp.Idx("j", (2, a.N)), 1), (a.sp.Idx("j", (2, a.N)), 2, a.N)), 1), F,
    lambda e: S(2, e.N, lambda j: delta(j, 1)), one)
api("delta-to-Nm1-at-N", lambda a: (a.Sum(a.delta(a.sp.Idx("j", (1, a.N - 1)), a.N), (a.sp.Idx("j", (1, a.N - 1)), 1, a.N - 1)), 0), T,
    lambda e: S(1, e.N - 1, lambda j: delta(j, e.N)), zero)
api("delta-to-Nm1-at-i", lambda a: (a.Sum(a.delta(a.sp.Idx("j", (1, a.N - 1)), a.i), (a.sp.Idx("j", (1, a.N - 1)), 1, a.N - 1)),
                                    1 - a.delta(a.i, a.N)), T,
    lambda e: S(1, e.N - 1, lambda j: delta(j, e.i)), lambda e: 1 - delta(e.i, e.N), "i")
api("delta-to-Nm1-at-i-one", lambda a: (a.Sum(a.delta(a.sp.Idx("j", (1, a.N - 1)), a.i), (a.sp.Idx("j", (1, a.N - 1)), 1, a.N - 1)), 1), F,
    lambda e: S(1, e.N - 1, lambda j: delta(j, e.i)), one, "i")
api("delta-from-2-sift", lambda a: (a.Sum(a.delta(a.sp.Idx("j", (2, a.N)), a.i) * a.x[a.sp.Idx("j", (2, a.N))],
                                          (a.sp.Idx("j", (2, a.N)), 2, a.N)),
                                    a.x[a.i] - a.delta(a.i, 1) * a.x[1]), T,
    lambda e: S(2, e.N, lambda j: delta(j, e.i) * e.x[j]), lambda e: e.x[e.i] - delta(e.i, 1) * e.x[1], "i")
api("delta-from-3-one", lambda a: (a.Sum(a.delta(a.sp.Idx("j", (3, a.N)), a.i), (a.sp.Idx("j", (3, a.N)), 3, a.N)), 1), F,
    lambda e: S(3, e.N, lambda j: delta(j, e.i)), one, "i")
api("delta-jacobian-sum", lambda a: (a.Sum(a.yhat(a.i) * (a.delta(a.i, a.j) - a.yhat(a.j)), (a.i, 1, a.N)), 0), T,
    lambda e: S(1, e.N, lambda i: e.yhat[i] * (delta(i, e.j) - e.yhat[e.j])), zero, "j")
api("delta-jacobian", lambda a: (a.sp.Derivative(a.yhat(a.i), a.theta[a.k]), a.yhat(a.i) * (a.delta(a.i, a.k) - a.yhat(a.k))), T,
    lambda e: d(lambda f: f.yhat[f.i], e, "theta", e.k), lambda e: e.yhat[e.i] * (delta(e.i, e.k) - e.yhat[e.k]), "ik")
api("delta-jacobian-swapped", lambda a: (a.sp.Derivative(a.yhat(a.i), a.theta[a.k]),
                                         a.yhat(a.k) * (a.delta(a.i, a.k) - a.yhat(a.i))), T,
    lambda e: d(lambda f: f.yhat[f.i], e, "theta", e.k), lambda e: e.yhat[e.k] * (delta(e.i, e.k) - e.yhat[e.i]), "ik")
api("delta-jacobian-square", lambda a: (a.sp.Derivative(a.yhat(a.i), a.theta[a.k]),
                                        a.delta(a.i, a.k) * a.yhat(a.i) - a.yhat(a.i) ** 2), F,
    lambda e: d(lambda f: f.yhat[f.i], e, "theta", e.k), lambda e: delta(e.i, e.k) * e.yhat[e.i] - e.yhat[e.i] ** 2, "ik")
api("delta-onehot-dummy-t", lambda a: (a.Sum(a.y[a.t] * a.delta(a.t, a.j), (a.t, 1, a.N)), a.y[a.j], a.onehot), T,
    lambda e: S(1, e.N, lambda t: e.y[t] * delta(t, e.j)), lambda e: e.y[e.j], "tj")
api("delta-onehot-dummy-t-one", lambda a: (a.Sum(a.y[a.t] * a.delta(a.t, a.j), (a.t, 1, a.N)), 1, a.onehot), F,
    lambda e: S(1, e.N, lambda t: e.y[t] * delta(t, e.j)), one, "tj")
api("delta-rename-t", lambda a: (a.Sum(a.delta(a.t, a.i) * a.x[a.t], (a.t, 1, a.N)), a.x[a.i]), T,
    lambda e: S(1, e.N, lambda t: delta(t, e.i) * e.x[t]), lambda e: e.x[e.i], "i")
api("onehot-sum-t", lambda a: (a.Sum(a.y[a.t], (a.t, 1, a.N)), 1, a.onehot), T,
    lambda e: S(1, e.N, lambda t: e.y[t]), one, "t")
api("onehot-sum-t-N", lambda a: (a.Sum(a.y[a.t], (a.t, 1, a.N)), a.N, a.onehot), F,
    lambda e: S(1, e.N, lambda t: e.y[t]), lambda e: e.N, "t")

# Sums over j != i built by substitution, with a body that rebinds i.
api("except-rebind", lambda a: (a.sum_except(a.Sum(a.x[a.i] * a.x[a.j], (a.i, 1, a.N)), a.j, a.i),
                                (a.Sum(a.x[a.k], (a.k, 1, a.N)) - a.x[a.i]) * a.Sum(a.x[a.k], (a.k, 1, a.N))), T,
    lambda e: S(1, e.N, lambda j: e.x[j] * sx(e) if j != e.i else 0), lambda e: (sx(e) - e.x[e.i]) * sx(e), "i")
api("except-rebind-captured", lambda a: (a.sum_except(a.Sum(a.x[a.i] * a.x[a.j], (a.i, 1, a.N)), a.j, a.i),
                                         a.Sum(a.x[a.k], (a.k, 1, a.N)) ** 2 - a.Sum(a.x[a.k] ** 2, (a.k, 1, a.N))), F,
    lambda e: S(1, e.N, lambda j: e.x[j] * sx(e) if j != e.i else 0), lambda e: sx(e) ** 2 - sx(e, lambda v: v ** 2), "i")
api("except-rebind-exp", lambda a: (a.sum_except(a.Sum(a.exp(a.x[a.i] - a.x[a.j]), (a.i, 1, a.N)), a.j, a.i),
                                    a.Sum(a.exp(a.x[a.k]), (a.k, 1, a.N)) * (a.Sum(a.exp(-a.x[a.k]), (a.k, 1, a.N)) - a.exp(-a.x[a.i]))), T,
    lambda e: S(1, e.N, lambda j: Z(e, "x") * exp(-e.x[j]) if j != e.i else 0),
    lambda e: Z(e, "x") * (S(1, e.N, lambda k: exp(-e.x[k])) - exp(-e.x[e.i])), "i")
api("except-rebind-exp-captured", lambda a: (a.sum_except(a.Sum(a.exp(a.x[a.i] - a.x[a.j]), (a.i, 1, a.N)), a.j, a.i),
                                             a.Sum(a.exp(a.x[a.k]), (a.k, 1, a.N)) * a.Sum(a.exp(-a.x[a.k]), (a.k, 1, a.N)) - a.N), F,
    lambda e: S(1, e.N, lambda j: Z(e, "x") * exp(-e.x[j]) if j != e.i else 0),
    lambda e: Z(e, "x") * S(1, e.N, lambda k: exp(-e.x[k])) - e.N, "i")
api("except-plain", lambda a: (a.sum_except(a.x[a.j] ** 2, a.j, a.i), a.Sum(a.x[a.k] ** 2, (a.k, 1, a.N)) - a.x[a.i] ** 2), T,
    lambda e: S(1, e.N, lambda j: e.x[j] ** 2 if j != e.i else 0), lambda e: sx(e, lambda v: v ** 2) - e.x[e.i] ** 2, "i")
api("except-plain-wrong", lambda a: (a.sum_except(a.x[a.j] ** 2, a.j, a.i), a.Sum(a.x[a.k] ** 2, (a.k, 1, a.N)) - a.x[a.i]), F,
    lambda e: S(1, e.N, lambda j: e.x[j] ** 2 if j != e.i else 0), lambda e: sx(e, lambda v: v ** 2) - e.x[e.i], "i")
api("except-nested-dummy-j", lambda a: (a.sum_except(a.x[a.j] * a.Sum(a.x[a.j], (a.j, 1, a.N)), a.j, a.i),
                                        (a.Sum(a.x[a.k], (a.k, 1, a.N)) - a.x[a.i]) * a.Sum(a.x[a.k], (a.k, 1, a.N))), T,
    lambda e: S(1, e.N, lambda j: e.x[j] * sx(e) if j != e.i else 0), lambda e: (sx(e) - e.x[e.i]) * sx(e), "i")

# Vector sides through the API: an entry index that is also a letter the claim uses elsewhere.
api("api-vec-delta-row", lambda a: (a.entry(a.Sum(a.delta(a.i, a.j) * a.x[a.j], (a.j, 1, a.N)), a.i), a.entry(a.x[a.i], a.i)), T,
    lambda e: e.x[e.p], lambda e: e.x[e.p], "p")
api("api-vec-delta-row-wrong", lambda a: (a.entry(a.Sum(a.delta(a.i, a.j), (a.j, 1, a.N)) * a.x[1], a.i), a.entry(a.x[a.i], a.i)), F,
    lambda e: e.x[1], lambda e: e.x[e.p], "p")

# Absolute values (the Markdown reader has no |x|), where a side has no derivative at 0.
api("abs-square", lambda a: (a.sp.Abs(a.x[a.i]) ** 2, a.x[a.i] ** 2), T,
    lambda e: absolute(e.x[e.i]) ** 2, lambda e: e.x[e.i] ** 2, "i")
api("abs-is-identity", lambda a: (a.sp.Abs(a.x[a.i]), a.x[a.i]), F,
    lambda e: absolute(e.x[e.i]), lambda e: e.x[e.i], "i")
api("abs-product", lambda a: (a.sp.Abs(a.x[a.i] * a.x[a.j]), a.sp.Abs(a.x[a.i]) * a.sp.Abs(a.x[a.j])), T,
    lambda e: absolute(e.x[e.i] * e.x[e.j]), lambda e: absolute(e.x[e.i]) * absolute(e.x[e.j]), "ij")
api("abs-sum", lambda a: (a.sp.Abs(a.x[a.i] + a.x[a.j]), a.sp.Abs(a.x[a.i]) + a.sp.Abs(a.x[a.j])), F,
    lambda e: absolute(e.x[e.i] + e.x[e.j]), lambda e: absolute(e.x[e.i]) + absolute(e.x[e.j]), "ij")
api("abs-sqrt", lambda a: (a.sp.sqrt(a.x[a.i] ** 2), a.sp.Abs(a.x[a.i])), T,
    lambda e: sqrt(e.x[e.i] ** 2), lambda e: absolute(e.x[e.i]), "i")
api("abs-d-squared", lambda a: (a.sp.Derivative(a.sp.Abs(a.c), a.c) ** 2, 1), T,
    lambda e: d(lambda f: absolute(f.c), e, "c") ** 2, one)
api("abs-d-one", lambda a: (a.sp.Derivative(a.sp.Abs(a.c), a.c), 1), F,
    lambda e: d(lambda f: absolute(f.c), e, "c"), one)
api("abs-d-log", lambda a: (a.sp.Derivative(a.sp.log(a.sp.Abs(a.c)), a.c), 1 / a.c), T,
    lambda e: d(lambda f: log(absolute(f.c)), e, "c"), lambda e: div(1, e.c))
api("abs-d-log-abs", lambda a: (a.sp.Derivative(a.sp.log(a.sp.Abs(a.c)), a.c), 1 / a.sp.Abs(a.c)), F,
    lambda e: d(lambda f: log(absolute(f.c)), e, "c"), lambda e: div(1, absolute(e.c)))
api("abs-sum-of-abs", lambda a: (a.Sum(a.sp.Abs(a.x[a.j]), (a.j, 1, a.N)), a.sp.Abs(a.Sum(a.x[a.j], (a.j, 1, a.N)))), F,
    lambda e: sx(e, absolute), lambda e: absolute(sx(e)))

# Cancellation between values near 10^1400: only a certified evaluation separates or equates them.
md("sc-huge-square-diff", r"(e^{e^{e^{x}}} + 1)^2 - (e^{e^{e^{x}}})^2 = 2 e^{e^{e^{x}}} + 1", T,
   lambda e: (exp(exp(exp(e.x))) + 1) ** 2 - exp(exp(exp(e.x))) ** 2, lambda e: 2 * exp(exp(exp(e.x))) + 1,
   dps=1500, **sc)
md("sc-huge-square-diff-wrong", r"(e^{e^{e^{x}}} + 1)^2 - (e^{e^{e^{x}}})^2 = 2 e^{e^{e^{x}}}", F,
   lambda e: (exp(exp(exp(e.x))) + 1) ** 2 - exp(exp(exp(e.x))) ** 2, lambda e: 2 * exp(exp(exp(e.x))),
   dps=1500, **sc)
md("sc-huge-log-quotient", r"\log(e^{e^{e^{x}}} + 1) - \log(e^{e^{e^{x}}}) = \log(1 + e^{-e^{e^{x}}})", T,
   lambda e: log(exp(exp(exp(e.x))) + 1) - log(exp(exp(exp(e.x)))), lambda e: log(1 + exp(-exp(exp(e.x)))),
   dps=800, **sc)

# =================================================================================================
# 13. The same ideas in other spellings: sums without limits, \exp, \ln, n and K for N, accents
# =================================================================================================

md("sp-sum-no-limits", r"\sum_j e^{\theta_j - \theta_k} \hat{y}_k = 1", T,
   lambda e: S(1, e.N, lambda j: exp(e.theta[j] - e.theta[e.k]) * e.yhat[e.k]), one, "k")
md("sp-exp-frac", r"\sum_j \exp(\theta_j) = \frac{\exp(\theta_k)}{\hat{y}_k}", T,
   lambda e: Z(e), lambda e: exp(e.theta[e.k]) / e.yhat[e.k], "k")
md("sp-ln-lse", r"\ln \sum_j e^{\theta_j} - \theta_k = -\ln \hat y_k", T,
   lambda e: log(Z(e)) - e.theta[e.k], lambda e: -log(e.yhat[e.k]), "k")
md("sp-ln-lse-sign", r"\ln \sum_j e^{\theta_j} - \theta_k = \ln \hat y_k", F,
   lambda e: log(Z(e)) - e.theta[e.k], lambda e: log(e.yhat[e.k]), "k")
md("sp-mathrm-softmax", r"\mathrm{softmax}(\theta)_i \cdot \mathrm{softmax}(\theta)_k = \hat{y}_i \hat{y}_k", T,
   lambda e: e.yhat[e.i] * e.yhat[e.k], lambda e: e.yhat[e.i] * e.yhat[e.k], "ik")
md("sp-widehat", r"\widehat{y}_k (1 - \widehat{y}_k) = \hat{y}_k - \hat{y}_k^2", T,
   lambda e: e.yhat[e.k] * (1 - e.yhat[e.k]), lambda e: e.yhat[e.k] - e.yhat[e.k] ** 2, "k")
md("sp-n-alias", r"\sum_{k=1}^{n} \hat{y}_k = 1", T, lambda e: S(1, e.N, lambda k: e.yhat[k]), one)
md("sp-K-alias", r"\sum_{k=1}^{K} \hat{y}_k = K", F, lambda e: S(1, e.N, lambda k: e.yhat[k]), lambda e: e.N)
md("sp-K-grad", r"\frac{\partial}{\partial \theta_i} \sum_{k=1}^{K} \theta_k^2 = 2\theta_i", T,
   lambda e: d(lambda f: sx(f, lambda v: v ** 2, "theta"), e, "theta", e.i), lambda e: 2 * e.theta[e.i], "i")
md("sp-variance",
   r"\frac{1}{N} \sum_{j=1}^{N} \left(x_j - \frac{\sum_{k=1}^{N} x_k}{N}\right)^2 = \frac{1}{N} \sum_{j=1}^{N} x_j^2 - \left(\frac{1}{N} \sum_{j=1}^{N} x_j\right)^2", T,
   lambda e: S(1, e.N, lambda j: (e.x[j] - sx(e) / e.N) ** 2) / e.N, lambda e: sx(e, lambda v: v ** 2) / e.N - (sx(e) / e.N) ** 2)
md("sp-variance-wrong",
   r"\frac{1}{N} \sum_{j=1}^{N} \left(x_j - \frac{\sum_{k=1}^{N} x_k}{N}\right)^2 = \frac{1}{N} \sum_{j=1}^{N} x_j^2 - \frac{1}{N} \left(\sum_{j=1}^{N} x_j\right)^2", F,
   lambda e: S(1, e.N, lambda j: (e.x[j] - sx(e) / e.N) ** 2) / e.N, lambda e: sx(e, lambda v: v ** 2) / e.N - sx(e) ** 2 / e.N)
md("sp-bold-nabla", r"\nabla_{\boldsymbol{\theta}} \operatorname{CE}(y, \hat{y}) = \hat{y} - y", T,
   lambda e: d(CE, e, "theta", e.p), lambda e: e.yhat[e.p] - e.y[e.p], "tp")
md("sp-ce-softmax", r"\operatorname{CE}(y, \operatorname{softmax}(\theta)) = -\theta_t + \log \sum_j e^{\theta_j}", T,
   CE, lambda e: -e.theta[e.t] + log(Z(e)), "t")
md("sp-ce-shift", r"\operatorname{CE}(y, \operatorname{softmax}(\theta + c)) = \operatorname{CE}(y, \hat{y})", T,
   lambda e: -S(1, e.N, lambda j: e.y[j] * log(softmax(Vec_add(e.theta, e.c))[j])), CE, "t")
md("sp-ce-shift-plus-c", r"\operatorname{CE}(y, \operatorname{softmax}(\theta + c)) = \operatorname{CE}(y, \hat{y}) + c", F,
   lambda e: -S(1, e.N, lambda j: e.y[j] * log(softmax(Vec_add(e.theta, e.c))[j])), lambda e: CE(e) + e.c, "t")
md("sp-yhat-pairs", r"\sum_{i=1}^{N} \sum_{j=1}^{N} \hat{y}_i \hat{y}_j = 1", T,
   lambda e: pairs(e, lambda i, j: e.yhat[i] * e.yhat[j]), one)
md("sp-yhat-squares", r"\sum_{i=1}^{N} \hat{y}_i^2 = 1", F, lambda e: S(1, e.N, lambda i: e.yhat[i] ** 2), one)
md("sp-entropy", r"\sum_{i=1}^{N} \hat{y}_i \log \hat{y}_i = \sum_{i=1}^{N} \hat{y}_i \theta_i - \log \sum_{j=1}^{N} e^{\theta_j}", T,
   lambda e: S(1, e.N, lambda i: e.yhat[i] * log(e.yhat[i])), lambda e: S(1, e.N, lambda i: e.yhat[i] * e.theta[i]) - log(Z(e)))
md("sp-entropy-N", r"\sum_{i=1}^{N} \hat{y}_i \log \hat{y}_i = \sum_{i=1}^{N} \hat{y}_i \theta_i - N \log \sum_{j=1}^{N} e^{\theta_j}", F,
   lambda e: S(1, e.N, lambda i: e.yhat[i] * log(e.yhat[i])), lambda e: S(1, e.N, lambda i: e.yhat[i] * e.theta[i]) - e.N * log(Z(e)))
md("sp-softmax-negated", r"\frac{e^{\theta_k}}{\sum_{j=1}^{N} e^{\theta_j}} = \frac{e^{-\theta_k}}{\sum_{j=1}^{N} e^{-\theta_j}}", F,
   lambda e: e.yhat[e.k], lambda e: exp(-e.theta[e.k]) / S(1, e.N, lambda j: exp(-e.theta[j])), "k")
md("sp-exp-ln", r"\exp(\ln x) = x", T, lambda e: exp(log(e.x)), lambda e: e.x, **sc)
md("sp-ln-cube", r"\ln(x^3) = 3 \ln x", T, lambda e: log(e.x ** 3), lambda e: 3 * log(e.x), **sc)
md("sp-inverse-sigmoid", r"\frac{1}{\sigma(x)} = 1 + e^{-x}", T, lambda e: 1 / sigmoid(e.x), lambda e: 1 + exp(-e.x), **sc)
md("sp-inverse-sigmoid-sign", r"\frac{1}{\sigma(x)} = 1 + e^{x}", F, lambda e: 1 / sigmoid(e.x), lambda e: 1 + exp(e.x), **sc)
md("sp-sigmoid-times", r"\sigma(x) \left(1 + e^{-x}\right) = 1", T, lambda e: sigmoid(e.x) * (1 + exp(-e.x)), one, **sc)
md("sp-d-xex", r"\frac{\mathrm{d}}{\mathrm{d}x} \left(x e^{x}\right) = (x + 1) e^{x}", T,
   lambda e: d(lambda f: f.x * exp(f.x), e, "x"), lambda e: (e.x + 1) * exp(e.x), **sc)
md("sp-d-xex-wrong", r"\frac{\mathrm{d}}{\mathrm{d}x} \left(x e^{x}\right) = x e^{x}", F,
   lambda e: d(lambda f: f.x * exp(f.x), e, "x"), lambda e: e.x * exp(e.x), **sc)
md("sp-d-a-square", r"\frac{\partial}{\partial a} (a b)^2 = 2 a b^2", T,
   lambda e: d(lambda f: (f.a * f.b) ** 2, e, "a"), lambda e: 2 * e.a * e.b ** 2, **sc)
md("sp-d-a-exp", r"\frac{\partial}{\partial a} e^{a b} = a e^{a b}", F,
   lambda e: d(lambda f: exp(f.a * f.b), e, "a"), lambda e: e.a * exp(e.a * e.b), **sc)
md("sp-difference-quotient", r"\frac{a^2 - b^2}{a - b} = a + b", T,
   lambda e: div(e.a ** 2 - e.b ** 2, e.a - e.b), lambda e: e.a + e.b, **sc)
md("sp-difference-quotient-wrong", r"\frac{a^2 + b^2}{a + b} = a + b", F,
   lambda e: div(e.a ** 2 + e.b ** 2, e.a + e.b), lambda e: e.a + e.b, **sc)

# =================================================================================================
# 14. Ordinary LaTeX: letters no notation declares (real scalars u, v), functions a document never
#     defines (f, g), \tanh, \sinh, \cosh, \arctan, |u|, \max/\min, ReLU, softplus, n-th roots,
#     \log_2, second derivatives; and where a side is undefined: (\sqrt{u})^2 = |u| holds, since
#     u < 0 is outside the real domain of the left side.
# =================================================================================================

import mpmath  # noqa: E402

NOTATIONS["calc"] = ""
GROUPS["calc"] = dict(vectors=(), scalars=("u", "v"), sized=False)
cl = dict(group="calc")


def tanh(u):
    return mpmath.tanh(u)


def sinh(u):
    return mpmath.sinh(u)


def cosh(u):
    return mpmath.cosh(u)


def atan(u):
    return mpmath.atan(u)


def sgn(u):
    return mpf(mpmath.sign(u))


def relu(u):
    return max(u, mpf(0))


def softplus(u):
    return mpmath.log(1 + mpmath.exp(u))


def log2(u):
    return div(log(u), mpmath.log(2))


def root(u, n):
    """the n-th root of u >= 0 (undefined for u < 0, as any fractional power of a negative number)"""
    return power(u, mpf(1) / n)


# Two fixed smooth functions standing for the f and g a claim never defines, with their derivatives
# written out by hand: a claim about every f must hold for these two.
def Fx(t):
    return mpmath.sin(t) + t ** 3 / 7 + mpmath.exp(t / 3)


def Fx1(t):
    return mpmath.cos(t) + 3 * t ** 2 / 7 + mpmath.exp(t / 3) / 3


def Fx2(t):
    return -mpmath.sin(t) + 6 * t / 7 + mpmath.exp(t / 3) / 9


def Gx(t):
    return t ** 3 / 3 - t + mpmath.cos(2 * t) / 2


def Gx1(t):
    return t ** 2 - 1 - mpmath.sin(2 * t)


def du(f, e, name="u"):
    return d(f, e, name)


def d2(f, e, name="u"):
    return d(lambda g: d(f, g, name), e, name)


U = lambda e: e.u  # noqa: E731

# --- Where a side is undefined: SymPy's evaluation must not widen the left side's domain ---------
md("dm-sqrt-sq-abs", r"(\sqrt{u})^2 = |u|", T, lambda e: sqrt(e.u) ** 2, lambda e: absolute(e.u), **cl)
md("dm-sqrt-sq-sqrt", r"(\sqrt{u})^2 = \sqrt{u^2}", T, lambda e: sqrt(e.u) ** 2, lambda e: sqrt(e.u ** 2), **cl)
md("dm-exp-ln-abs", r"e^{\ln u} = |u|", T, lambda e: exp(log(e.u)), lambda e: absolute(e.u), **cl)
md("dm-sqrt-times-abs", r"\sqrt{u}\sqrt{u} = |u|", T, lambda e: sqrt(e.u) * sqrt(e.u), lambda e: absolute(e.u), **cl)
md("dm-root4-pow4-abs", r"\left(\sqrt[4]{u}\right)^4 = |u|", T, lambda e: root(e.u, 4) ** 4, lambda e: absolute(e.u), **cl)
md("dm-d-sqrt-sq", r"\frac{d}{du} (\sqrt{u})^2 = \frac{u}{|u|}", T,
   lambda e: du(lambda f: sqrt(f.u) ** 2, e), lambda e: div(e.u, absolute(e.u)), **cl)
md("dm-half-power-sq", r"(u^{1/2})^2 = |u|", T, lambda e: power(e.u, half) ** 2, lambda e: absolute(e.u), **cl)
md("dm-half-powers", r"u^{\frac{1}{2}} u^{\frac{1}{2}} = |u|", T,
   lambda e: power(e.u, half) * power(e.u, half), lambda e: absolute(e.u), **cl)
md("dm-exp2-log2", r"2^{\log_2 u} = |u|", T, lambda e: power(2, log2(e.u)), lambda e: absolute(e.u), **cl)
md("dm-d-exp-ln-sgn", r"\frac{d}{du} e^{\ln u} = \operatorname{sgn}(u)", T,
   lambda e: du(lambda f: exp(log(f.u)), e), lambda e: sgn(e.u), **cl)
md("dm-sqrt-sq-u", r"(\sqrt{u})^2 = u", T, lambda e: sqrt(e.u) ** 2, U, **cl)
md("dm-sqrt-sq-neg", r"(\sqrt{u})^2 = -u", F, lambda e: sqrt(e.u) ** 2, lambda e: -e.u, **cl)
md("dm-exp-ln", r"e^{\ln u} = u", T, lambda e: exp(log(e.u)), U, **cl)
md("dm-exp-ln-neg", r"e^{\ln u} = -|u|", F, lambda e: exp(log(e.u)), lambda e: -absolute(e.u), **cl)
md("dm-sqrt-u2", r"\sqrt{u^2} = |u|", T, lambda e: sqrt(e.u ** 2), lambda e: absolute(e.u), **cl)
md("dm-sqrt-u2-u", r"\sqrt{u^2} = u", F, lambda e: sqrt(e.u ** 2), U, **cl)
md("dm-root4", r"\sqrt[4]{u^4} = |u|", T, lambda e: root(e.u ** 4, 4), lambda e: absolute(e.u), **cl)
md("dm-root4-u", r"\sqrt[4]{u^4} = u", F, lambda e: root(e.u ** 4, 4), U, **cl)
md("dm-root3-u6", r"\sqrt[3]{u^6} = u^2", T, lambda e: root(e.u ** 6, 3), lambda e: e.u ** 2, **cl)
md("dm-root3-u6-cube", r"\sqrt[3]{u^6} = |u|^3", F, lambda e: root(e.u ** 6, 3), lambda e: absolute(e.u) ** 3, **cl)
md("dm-sqrt-uv", r"\sqrt{u}\sqrt{v} = \sqrt{uv}", T, lambda e: sqrt(e.u) * sqrt(e.v), lambda e: sqrt(e.u * e.v), **cl)
md("dm-sqrt-uv-split", r"\sqrt{uv} = \sqrt{u} \sqrt{v}", T, lambda e: sqrt(e.u * e.v), lambda e: sqrt(e.u) * sqrt(e.v), **cl)
md("dm-sqrt-u2v2", r"\sqrt{u^2 v^2} = uv", F, lambda e: sqrt(e.u ** 2 * e.v ** 2), lambda e: e.u * e.v, **cl)
md("dm-sqrt-u2v2-abs", r"\sqrt{u^2 v^2} = |u| |v|", T,
   lambda e: sqrt(e.u ** 2 * e.v ** 2), lambda e: absolute(e.u) * absolute(e.v), **cl)
md("dm-ln-u2", r"\ln(u^2) = 2 \ln|u|", T, lambda e: log(e.u ** 2), lambda e: 2 * log(absolute(e.u)), **cl)
md("dm-ln-u2-wrong", r"\ln(u^2) = \ln|u|", F, lambda e: log(e.u ** 2), lambda e: log(absolute(e.u)), **cl)
md("dm-ln-prod", r"\ln(uv) = \ln u + \ln v", T, lambda e: log(e.u * e.v), lambda e: log(e.u) + log(e.v), **cl)
md("dm-ln-quot", r"\ln\frac{u}{v} = \ln u - \ln v", T, lambda e: log(div(e.u, e.v)), lambda e: log(e.u) - log(e.v), **cl)
md("dm-ln-quot-wrong", r"\ln\frac{u}{v} = \frac{\ln u}{\ln v}", F,
   lambda e: log(div(e.u, e.v)), lambda e: div(log(e.u), log(e.v)), **cl)
md("dm-d-ln-abs", r"\frac{d}{du} \ln|u| = \frac{1}{u}", T, lambda e: du(lambda f: log(absolute(f.u)), e), lambda e: div(1, e.u), **cl)
md("dm-d-ln-abs-wrong", r"\frac{d}{du} \ln|u| = \frac{1}{|u|}", F,
   lambda e: du(lambda f: log(absolute(f.u)), e), lambda e: div(1, absolute(e.u)), **cl)
md("dm-d-ln-over-abs", r"\frac{d}{du} \ln u = \frac{1}{|u|}", T, lambda e: du(lambda f: log(f.u), e), lambda e: div(1, absolute(e.u)), **cl)
md("dm-d-sqrt", r"\frac{d}{du} \sqrt{u} = \frac{1}{2\sqrt{u}}", T, lambda e: du(lambda f: sqrt(f.u), e), lambda e: div(1, 2 * sqrt(e.u)), **cl)
md("dm-d-sqrt-wrong", r"\frac{d}{du} \sqrt{u} = \frac{1}{\sqrt{u}}", F,
   lambda e: du(lambda f: sqrt(f.u), e), lambda e: div(1, sqrt(e.u)), **cl)
md("dm-abs-over", r"\frac{|u|}{u} = \operatorname{sgn}(u)", T, lambda e: div(absolute(e.u), e.u), lambda e: sgn(e.u), **cl)
md("dm-abs-over-wrong", r"\frac{|u|}{u} = 1", F, lambda e: div(absolute(e.u), e.u), one, **cl)
md("dm-u2-over-abs", r"\frac{u^2}{|u|} = |u|", T, lambda e: div(e.u ** 2, absolute(e.u)), lambda e: absolute(e.u), **cl)
md("dm-sqrt-frac", r"\frac{\sqrt{u}}{\sqrt{v}} = \sqrt{\frac{u}{v}}", T,
   lambda e: div(sqrt(e.u), sqrt(e.v)), lambda e: sqrt(div(e.u, e.v)), **cl)
md("dm-frac-sqrt-abs", r"\sqrt{\frac{u}{v}} = \frac{\sqrt{|u|}}{\sqrt{|v|}}", T,
   lambda e: sqrt(div(e.u, e.v)), lambda e: div(sqrt(absolute(e.u)), sqrt(absolute(e.v))), **cl)
md("dm-log2-8", r"\log_2 8 = 3", T, lambda e: log2(8), lambda e: 3, **cl)
md("dm-log2-16", r"\log_2 16 = 8", F, lambda e: log2(16), lambda e: 8, **cl)
md("dm-log2-prod", r"\log_2(uv) = \log_2 u + \log_2 v", T, lambda e: log2(e.u * e.v), lambda e: log2(e.u) + log2(e.v), **cl)
md("dm-log2-conv", r"\log_2 u = \frac{\ln u}{\ln 2}", T, lambda e: log2(e.u), lambda e: log(e.u) / mpmath.log(2), **cl)
md("dm-log2-conv-wrong", r"\log_2 u = \frac{\ln u}{2}", F, lambda e: log2(e.u), lambda e: log(e.u) / 2, **cl)
md("dm-log2-double", r"\log_2(2u) = 1 + \log_2 u", T, lambda e: log2(2 * e.u), lambda e: 1 + log2(e.u), **cl)
md("dm-log2-double-wrong", r"\log_2(2u) = 2 \log_2 u", F, lambda e: log2(2 * e.u), lambda e: 2 * log2(e.u), **cl)
md("dm-log2-pow", r"\log_2(2^{u}) = u", T, lambda e: log2(power(2, e.u)), U, **cl)
md("dm-d-log2", r"\frac{d}{du} \log_2 u = \frac{1}{u \ln 2}", T,
   lambda e: du(lambda f: log2(f.u), e), lambda e: div(1, e.u * mpmath.log(2)), **cl)
md("dm-d-log2-wrong", r"\frac{d}{du} \log_2 u = \frac{1}{u}", F, lambda e: du(lambda f: log2(f.u), e), lambda e: div(1, e.u), **cl)
md("dm-pow-half-abs", r"(u^2)^{1/2} = |u|", T, lambda e: power(e.u ** 2, half), lambda e: absolute(e.u), **cl)
md("dm-exp-2ln", r"e^{2\ln u} = u^2", T, lambda e: exp(2 * log(e.u)), lambda e: e.u ** 2, **cl)
md("dm-exp-half-ln", r"e^{\frac{1}{2}\ln u} = \sqrt{|u|}", T, lambda e: exp(half * log(e.u)), lambda e: sqrt(absolute(e.u)), **cl)
md("dm-ln-sqrt-abs", r"\ln\sqrt{u} = \frac{1}{2}\ln|u|", T, lambda e: log(sqrt(e.u)), lambda e: half * log(absolute(e.u)), **cl)
md("dm-ln-sqrt-wrong", r"\ln\sqrt{u} = 2\ln u", F, lambda e: log(sqrt(e.u)), lambda e: 2 * log(e.u), **cl)

# --- Hyperbolic functions and arctan ----------------------------------------------------------
md("hy-tanh-def", r"\tanh u = \frac{\sinh u}{\cosh u}", T, lambda e: tanh(e.u), lambda e: sinh(e.u) / cosh(e.u), **cl)
md("hy-tanh-exp", r"\tanh u = \frac{e^{2u} - 1}{e^{2u} + 1}", T,
   lambda e: tanh(e.u), lambda e: (exp(2 * e.u) - 1) / (exp(2 * e.u) + 1), **cl)
md("hy-tanh-exp-wrong", r"\tanh u = \frac{e^{u} - 1}{e^{u} + 1}", F,
   lambda e: tanh(e.u), lambda e: (exp(e.u) - 1) / (exp(e.u) + 1), **cl)
md("hy-cosh-sinh", r"\cosh^2 u - \sinh^2 u = 1", T, lambda e: cosh(e.u) ** 2 - sinh(e.u) ** 2, one, **cl)
md("hy-cosh-plus-sinh", r"\cosh^2 u + \sinh^2 u = 1", F, lambda e: cosh(e.u) ** 2 + sinh(e.u) ** 2, one, **cl)
md("hy-cosh-double", r"\cosh(2u) = \cosh^2 u + \sinh^2 u", T,
   lambda e: cosh(2 * e.u), lambda e: cosh(e.u) ** 2 + sinh(e.u) ** 2, **cl)
md("hy-sinh-double", r"\sinh(2u) = 2 \sinh u \cosh u", T, lambda e: sinh(2 * e.u), lambda e: 2 * sinh(e.u) * cosh(e.u), **cl)
md("hy-sinh-double-wrong", r"\sinh(2u) = 2 \sinh u", F, lambda e: sinh(2 * e.u), lambda e: 2 * sinh(e.u), **cl)
md("hy-d-tanh", r"\frac{d}{du} \tanh u = 1 - \tanh^2 u", T, lambda e: du(lambda f: tanh(f.u), e), lambda e: 1 - tanh(e.u) ** 2, **cl)
md("hy-d-tanh-wrong", r"\frac{d}{du} \tanh u = 1 + \tanh^2 u", F,
   lambda e: du(lambda f: tanh(f.u), e), lambda e: 1 + tanh(e.u) ** 2, **cl)
md("hy-d-tanh-cosh", r"\frac{d}{du} \tanh(u) = \frac{1}{\cosh^2 u}", T,
   lambda e: du(lambda f: tanh(f.u), e), lambda e: 1 / cosh(e.u) ** 2, **cl)
md("hy-d-sinh", r"\frac{d}{du} \sinh u = \cosh u", T, lambda e: du(lambda f: sinh(f.u), e), lambda e: cosh(e.u), **cl)
md("hy-d-cosh-wrong", r"\frac{d}{du} \cosh u = -\sinh u", F, lambda e: du(lambda f: cosh(f.u), e), lambda e: -sinh(e.u), **cl)
md("hy-tanh-sigma", r"\tanh u = 2\sigma(2u) - 1", T, lambda e: tanh(e.u), lambda e: 2 * sigmoid(2 * e.u) - 1, **cl)
md("hy-tanh-sigma-wrong", r"\tanh u = 2\sigma(u) - 1", F, lambda e: tanh(e.u), lambda e: 2 * sigmoid(e.u) - 1, **cl)
md("hy-tanh-odd", r"\tanh(-u) = -\tanh u", T, lambda e: tanh(-e.u), lambda e: -tanh(e.u), **cl)
md("hy-cosh-odd", r"\cosh(-u) = -\cosh u", F, lambda e: cosh(-e.u), lambda e: -cosh(e.u), **cl)
md("hy-d2-tanh", r"\frac{d^2}{du^2} \tanh u = -2 \tanh u \left(1 - \tanh^2 u\right)", T,
   lambda e: d2(lambda f: tanh(f.u), e), lambda e: -2 * tanh(e.u) * (1 - tanh(e.u) ** 2), **cl)
md("hy-d2-tanh-sign", r"\frac{d^2}{du^2} \tanh u = 2 \tanh u \left(1 - \tanh^2 u\right)", F,
   lambda e: d2(lambda f: tanh(f.u), e), lambda e: 2 * tanh(e.u) * (1 - tanh(e.u) ** 2), **cl)
md("at-odd", r"\arctan(-u) = -\arctan u", T, lambda e: atan(-e.u), lambda e: -atan(e.u), **cl)
md("at-recip", r"\arctan u + \arctan \frac{1}{u} = \frac{\pi}{2}", F,
   lambda e: atan(e.u) + atan(div(1, e.u)), lambda e: mpmath.pi / 2, **cl)
md("at-recip-sgn", r"\arctan u + \arctan \frac{1}{u} = \frac{\pi}{2} \operatorname{sgn}(u)", T,
   lambda e: atan(e.u) + atan(div(1, e.u)), lambda e: mpmath.pi / 2 * sgn(e.u), **cl)
md("at-d", r"\frac{d}{du} \arctan u = \frac{1}{1 + u^2}", T, lambda e: du(lambda f: atan(f.u), e), lambda e: 1 / (1 + e.u ** 2), **cl)
md("at-d-wrong", r"\frac{d}{du} \arctan u = \frac{1}{1 - u^2}", F,
   lambda e: du(lambda f: atan(f.u), e), lambda e: div(1, 1 - e.u ** 2), **cl)
md("at-d-2u", r"\frac{d}{du} \arctan(2u) = \frac{2}{1 + 4u^2}", T,
   lambda e: du(lambda f: atan(2 * f.u), e), lambda e: 2 / (1 + 4 * e.u ** 2), **cl)
md("at-d-2u-wrong", r"\frac{d}{du} \arctan(2u) = \frac{2}{1 + 2u^2}", F,
   lambda e: du(lambda f: atan(2 * f.u), e), lambda e: 2 / (1 + 2 * e.u ** 2), **cl)
md("at-1", r"\arctan 1 = \frac{\pi}{4}", T, lambda e: atan(1), lambda e: mpmath.pi / 4, **cl)

# --- max, min, ReLU, softplus -------------------------------------------------------------------
md("mx-sum", r"\max(u, v) + \min(u, v) = u + v", T, lambda e: max(e.u, e.v) + min(e.u, e.v), lambda e: e.u + e.v, **cl)
md("mx-diff", r"\max(u, v) - \min(u, v) = |u - v|", T,
   lambda e: max(e.u, e.v) - min(e.u, e.v), lambda e: absolute(e.u - e.v), **cl)
md("mx-diff-wrong", r"\max(u, v) - \min(u, v) = u - v", F, lambda e: max(e.u, e.v) - min(e.u, e.v), lambda e: e.u - e.v, **cl)
md("mx-prod", r"\max(u, v) \min(u, v) = uv", T, lambda e: max(e.u, e.v) * min(e.u, e.v), lambda e: e.u * e.v, **cl)
md("mx-neg", r"\max(u, v) = -\min(-u, -v)", T, lambda e: max(e.u, e.v), lambda e: -min(-e.u, -e.v), **cl)
md("mx-neg-wrong", r"\max(u, v) = \min(-u, -v)", F, lambda e: max(e.u, e.v), lambda e: min(-e.u, -e.v), **cl)
md("mx-formula", r"\min(u, v) = \frac{u + v - |u - v|}{2}", T,
   lambda e: min(e.u, e.v), lambda e: (e.u + e.v - absolute(e.u - e.v)) / 2, **cl)
md("mx-formula-wrong", r"\min(u, v) = \frac{u + v + |u - v|}{2}", F,
   lambda e: min(e.u, e.v), lambda e: (e.u + e.v + absolute(e.u - e.v)) / 2, **cl)
md("relu-def", r"\operatorname{ReLU}(u) = \max(u, 0)", T, lambda e: relu(e.u), lambda e: max(e.u, 0), **cl)
md("relu-abs", r"\operatorname{ReLU}(u) = \frac{u + |u|}{2}", T, lambda e: relu(e.u), lambda e: (e.u + absolute(e.u)) / 2, **cl)
md("relu-abs-wrong", r"\operatorname{ReLU}(u) = \frac{u - |u|}{2}", F,
   lambda e: relu(e.u), lambda e: (e.u - absolute(e.u)) / 2, **cl)
md("relu-odd-diff", r"\operatorname{ReLU}(u) - \operatorname{ReLU}(-u) = u", T, lambda e: relu(e.u) - relu(-e.u), U, **cl)
md("relu-sum-abs", r"\operatorname{ReLU}(u) + \operatorname{ReLU}(-u) = |u|", T,
   lambda e: relu(e.u) + relu(-e.u), lambda e: absolute(e.u), **cl)
md("relu-sum-u", r"\operatorname{ReLU}(u) + \operatorname{ReLU}(-u) = u", F, lambda e: relu(e.u) + relu(-e.u), U, **cl)
md("relu-prod", r"\operatorname{ReLU}(u) \operatorname{ReLU}(-u) = 0", T, lambda e: relu(e.u) * relu(-e.u), zero, **cl)
md("relu-d", r"\frac{d}{du} \operatorname{ReLU}(u) = \frac{1 + \operatorname{sgn}(u)}{2}", T,
   lambda e: du(lambda f: relu(f.u), e), lambda e: (1 + sgn(e.u)) / 2, **cl)
md("relu-d-wrong", r"\frac{d}{du} \operatorname{ReLU}(u) = \operatorname{sgn}(u)", F,
   lambda e: du(lambda f: relu(f.u), e), lambda e: sgn(e.u), **cl)
md("relu-d-sq", r"\frac{d}{du} \operatorname{ReLU}(u)^2 = 2 \operatorname{ReLU}(u)", T,
   lambda e: du(lambda f: relu(f.u) ** 2, e), lambda e: 2 * relu(e.u), **cl)
md("relu-min", r"\min(u, 0) = u - \operatorname{ReLU}(u)", T, lambda e: min(e.u, 0), lambda e: e.u - relu(e.u), **cl)
md("sp-def", r"\operatorname{softplus}(u) = \ln(1 + e^{u})", T, lambda e: softplus(e.u), lambda e: log(1 + exp(e.u)), **cl)
md("sp-diff", r"\operatorname{softplus}(u) - \operatorname{softplus}(-u) = u", T, lambda e: softplus(e.u) - softplus(-e.u), U, **cl)
md("sp-sum-wrong", r"\operatorname{softplus}(u) + \operatorname{softplus}(-u) = u", F,
   lambda e: softplus(e.u) + softplus(-e.u), U, **cl)
md("sp-d", r"\frac{d}{du} \operatorname{softplus}(u) = \sigma(u)", T, lambda e: du(lambda f: softplus(f.u), e), lambda e: sigmoid(e.u), **cl)
md("sp-d-wrong", r"\frac{d}{du} \operatorname{softplus}(u) = \sigma(-u)", F,
   lambda e: du(lambda f: softplus(f.u), e), lambda e: sigmoid(-e.u), **cl)
md("sp-0", r"\operatorname{softplus}(0) = \ln 2", T, lambda e: softplus(0), lambda e: mpmath.log(2), **cl)
md("sp-relu", r"\operatorname{softplus}(u) = \operatorname{ReLU}(u) + \ln\left(1 + e^{-|u|}\right)", T,
   lambda e: softplus(e.u), lambda e: relu(e.u) + log(1 + exp(-absolute(e.u))), **cl)
md("sp-relu-wrong", r"\operatorname{softplus}(u) = \operatorname{ReLU}(u) + \ln\left(1 + e^{-u}\right)", F,
   lambda e: softplus(e.u), lambda e: relu(e.u) + log(1 + exp(-e.u)), **cl)
md("sp-d2", r"\frac{d^2}{du^2} \operatorname{softplus}(u) = \sigma(u) \sigma(-u)", T,
   lambda e: d2(lambda f: softplus(f.u), e), lambda e: sigmoid(e.u) * sigmoid(-e.u), **cl)
md("sp-logsig", r"\ln \sigma(u) = -\operatorname{softplus}(-u)", T, lambda e: log(sigmoid(e.u)), lambda e: -softplus(-e.u), **cl)

# --- Derivatives: chain rule with f and g never defined, primes, second and mixed derivatives ---
md("ch-fg", r"\frac{d}{du} f(g(u)) = f'(g(u)) g'(u)", T,
   lambda e: du(lambda h: Fx(Gx(h.u)), e), lambda e: Fx1(Gx(e.u)) * Gx1(e.u), **cl)
md("ch-fg-outer-only", r"\frac{d}{du} f(g(u)) = f'(g(u))", F, lambda e: du(lambda h: Fx(Gx(h.u)), e), lambda e: Fx1(Gx(e.u)), **cl)
md("ch-fg-at-u", r"\frac{d}{du} f(g(u)) = f'(u) g'(u)", F,
   lambda e: du(lambda h: Fx(Gx(h.u)), e), lambda e: Fx1(e.u) * Gx1(e.u), **cl)
md("ch-sq", r"\frac{d}{du} f(u)^2 = 2 f(u) f'(u)", T, lambda e: du(lambda h: Fx(h.u) ** 2, e), lambda e: 2 * Fx(e.u) * Fx1(e.u), **cl)
md("ch-sq-wrong", r"\frac{d}{du} f(u)^2 = 2 f'(u)", F, lambda e: du(lambda h: Fx(h.u) ** 2, e), lambda e: 2 * Fx1(e.u), **cl)
md("ch-prod", r"\frac{d}{du} \left(f(u) g(u)\right) = f'(u) g(u) + f(u) g'(u)", T,
   lambda e: du(lambda h: Fx(h.u) * Gx(h.u), e), lambda e: Fx1(e.u) * Gx(e.u) + Fx(e.u) * Gx1(e.u), **cl)
md("ch-prod-wrong", r"\frac{d}{du} \left(f(u) g(u)\right) = f'(u) g'(u)", F,
   lambda e: du(lambda h: Fx(h.u) * Gx(h.u), e), lambda e: Fx1(e.u) * Gx1(e.u), **cl)
md("ch-quot", r"\frac{d}{du} \frac{f(u)}{g(u)} = \frac{f'(u) g(u) - f(u) g'(u)}{g(u)^2}", T,
   lambda e: du(lambda h: div(Fx(h.u), Gx(h.u)), e), lambda e: div(Fx1(e.u) * Gx(e.u) - Fx(e.u) * Gx1(e.u), Gx(e.u) ** 2), **cl)
md("ch-quot-sign", r"\frac{d}{du} \frac{f(u)}{g(u)} = \frac{f(u) g'(u) - f'(u) g(u)}{g(u)^2}", F,
   lambda e: du(lambda h: div(Fx(h.u), Gx(h.u)), e), lambda e: div(Fx(e.u) * Gx1(e.u) - Fx1(e.u) * Gx(e.u), Gx(e.u) ** 2), **cl)
md("ch-exp", r"\frac{d}{du} e^{f(u)} = f'(u) e^{f(u)}", T, lambda e: du(lambda h: exp(Fx(h.u)), e), lambda e: Fx1(e.u) * exp(Fx(e.u)), **cl)
md("ch-ln", r"\frac{d}{du} \ln f(u) = \frac{f'(u)}{f(u)}", T, lambda e: du(lambda h: log(Fx(h.u)), e), lambda e: div(Fx1(e.u), Fx(e.u)), **cl)
md("ch-ln-wrong", r"\frac{d}{du} \ln f(u) = \frac{1}{f(u)}", F, lambda e: du(lambda h: log(Fx(h.u)), e), lambda e: div(1, Fx(e.u)), **cl)
md("ch-u2", r"\frac{d}{du} f(u^2) = 2u f'(u^2)", T, lambda e: du(lambda h: Fx(h.u ** 2), e), lambda e: 2 * e.u * Fx1(e.u ** 2), **cl)
md("ch-u2-wrong", r"\frac{d}{du} f(u^2) = 2u f'(u)", F, lambda e: du(lambda h: Fx(h.u ** 2), e), lambda e: 2 * e.u * Fx1(e.u), **cl)
md("ch-2u", r"\frac{d}{du} f(2u) = 2 f'(2u)", T, lambda e: du(lambda h: Fx(2 * h.u), e), lambda e: 2 * Fx1(2 * e.u), **cl)
md("ch-2u-wrong", r"\frac{d}{du} f(2u) = f'(2u)", F, lambda e: du(lambda h: Fx(2 * h.u), e), lambda e: Fx1(2 * e.u), **cl)
md("ch-second", r"\frac{d^2}{du^2} f(u)^2 = 2 f'(u)^2 + 2 f(u) f''(u)", T,
   lambda e: d2(lambda h: Fx(h.u) ** 2, e), lambda e: 2 * Fx1(e.u) ** 2 + 2 * Fx(e.u) * Fx2(e.u), **cl)
md("ch-second-wrong", r"\frac{d^2}{du^2} f(u)^2 = 2 f(u) f''(u)", F,
   lambda e: d2(lambda h: Fx(h.u) ** 2, e), lambda e: 2 * Fx(e.u) * Fx2(e.u), **cl)
md("ch-prime-notation", r"f''(u) = \frac{d}{du} f'(u)", T, lambda e: Fx2(e.u), lambda e: du(lambda h: Fx1(h.u), e), **cl)
md("ch-prime-wrong", r"f''(u) = f'(u)^2", F, lambda e: Fx2(e.u), lambda e: Fx1(e.u) ** 2, **cl)
md("ch-tanh-f", r"\frac{d}{du} \tanh(f(u)) = \left(1 - \tanh^2 f(u)\right) f'(u)", T,
   lambda e: du(lambda h: tanh(Fx(h.u)), e), lambda e: (1 - tanh(Fx(e.u)) ** 2) * Fx1(e.u), **cl)
md("ch-sigma-f", r"\frac{d}{du} \sigma(f(u)) = \sigma(f(u)) \left(1 - \sigma(f(u))\right) f'(u)", T,
   lambda e: du(lambda h: sigmoid(Fx(h.u)), e), lambda e: sigmoid(Fx(e.u)) * (1 - sigmoid(Fx(e.u))) * Fx1(e.u), **cl)
md("ch-sigma-f-wrong", r"\frac{d}{du} \sigma(f(u)) = \sigma(f(u)) \left(1 - \sigma(f(u))\right)", F,
   lambda e: du(lambda h: sigmoid(Fx(h.u)), e), lambda e: sigmoid(Fx(e.u)) * (1 - sigmoid(Fx(e.u))), **cl)
md("ch-partial-uv", r"\frac{\partial}{\partial u} f(uv) = v f'(uv)", T,
   lambda e: du(lambda h: Fx(h.u * h.v), e), lambda e: e.v * Fx1(e.u * e.v), **cl)
md("ch-partial-uv-wrong", r"\frac{\partial}{\partial u} f(uv) = u f'(uv)", F,
   lambda e: du(lambda h: Fx(h.u * h.v), e), lambda e: e.u * Fx1(e.u * e.v), **cl)
md("ch-mixed", r"\frac{\partial^2}{\partial u \partial v} \left(u^2 v^3\right) = 6 u v^2", T,
   lambda e: d(lambda h: d(lambda k: k.u ** 2 * k.v ** 3, h, "v"), e, "u"), lambda e: 6 * e.u * e.v ** 2, **cl)
md("ch-mixed-wrong", r"\frac{\partial^2}{\partial u \partial v} \left(u^2 v^3\right) = 6 u^2 v", F,
   lambda e: d(lambda h: d(lambda k: k.u ** 2 * k.v ** 3, h, "v"), e, "u"), lambda e: 6 * e.u ** 2 * e.v, **cl)
md("ch-second-poly", r"\frac{d^2}{du^2} u^3 = 6u", T, lambda e: d2(lambda h: h.u ** 3, e), lambda e: 6 * e.u, **cl)
md("ch-second-poly-wrong", r"\frac{d^2}{du^2} u^3 = 3u^2", F, lambda e: d2(lambda h: h.u ** 3, e), lambda e: 3 * e.u ** 2, **cl)
md("ch-second-gauss", r"\frac{d^2}{du^2} e^{-u^2} = (4u^2 - 2) e^{-u^2}", T,
   lambda e: d2(lambda h: exp(-h.u ** 2), e), lambda e: (4 * e.u ** 2 - 2) * exp(-e.u ** 2), **cl)
md("ch-second-gauss-wrong", r"\frac{d^2}{du^2} e^{-u^2} = -2 e^{-u^2}", F,
   lambda e: d2(lambda h: exp(-h.u ** 2), e), lambda e: -2 * exp(-e.u ** 2), **cl)
md("ch-uu", r"\frac{d}{du} u^u = u^u (\ln u + 1)", T,
   lambda e: du(lambda h: power(h.u, h.u), e), lambda e: power(e.u, e.u) * (log(e.u) + 1), **cl)
md("ch-uu-wrong", r"\frac{d}{du} u^u = u \cdot u^{u - 1}", F,
   lambda e: du(lambda h: power(h.u, h.u), e), lambda e: e.u * power(e.u, e.u - 1), **cl)
md("ch-abs-cube", r"\frac{d}{du} |u|^3 = 3u|u|", T, lambda e: du(lambda h: absolute(h.u) ** 3, e), lambda e: 3 * e.u * absolute(e.u), **cl)
md("ch-abs-cube-wrong", r"\frac{d}{du} |u|^3 = 3u^2", F, lambda e: du(lambda h: absolute(h.u) ** 3, e), lambda e: 3 * e.u ** 2, **cl)
md("ch-shift", r"\frac{\partial}{\partial u} f(u + v) = \frac{\partial}{\partial v} f(u + v)", T,
   lambda e: du(lambda h: Fx(h.u + h.v), e), lambda e: d(lambda h: Fx(h.u + h.v), e, "v"), **cl)
md("ch-even-wrong", r"f(u) + f(-u) = 2 f(0)", F, lambda e: Fx(e.u) + Fx(-e.u), lambda e: 2 * Fx(0), **cl)
md("ch-d3-zero-wrong", r"\frac{d^3}{du^3} f(u) = 0", F,
   lambda e: d(lambda h: d2(lambda k: Fx(k.u), h), e, "u"), zero, **cl)

# --- Vectors written as people write them: norms, inner products, transposes, \prod, a matrix A
#     read entry by entry, entry-wise tanh/softplus/|.|, a function f never defined -------------
NOTATIONS["lin"] = ""
GROUPS["lin"] = dict(vectors=("w", "x", "theta"), scalars=("c",), matrices=("A",), sized=True)
ln = dict(group="lin")


def sw(e, f=lambda v: v, vec="w"):
    v = getattr(e, vec)
    return S(1, e.N, lambda j: f(v[j]))


def dot(e, a="w", b="x"):
    u, v = getattr(e, a), getattr(e, b)
    return S(1, e.N, lambda j: u[j] * v[j])


def sqdist(e, sign=-1):
    return S(1, e.N, lambda j: (e.w[j] + sign * e.x[j]) ** 2)


def P(lo, hi, body):
    """prod_{j=lo}^{hi} body(j); 1 when hi < lo"""
    out = mpf(1)
    for j in range(int(lo), int(hi) + 1):
        out *= body(j)
    return out


def quad(f):
    return S(1, f.N, lambda i: S(1, f.N, lambda j: f.w[i] * f.A[i][j] * f.w[j]))


def binom_sum(n, top):
    """sum_{k=0}^{top} C(n, k), written as the polynomial in n a claim spells out"""
    total, term = mpf(0), mpf(1)
    for k in range(top + 1):
        total += term
        term = term * (n - k) / (k + 1)
    return total


md("ln-norm-sq", r"\|w\|^2 = \sum_{i=1}^{N} w_i^2", T, lambda e: sw(e, lambda v: v * v), lambda e: sw(e, lambda v: v ** 2), **ln)
md("ln-norm-sq-no-square", r"\|w\|^2 = \sum_{i=1}^{N} w_i", F, lambda e: sw(e, lambda v: v * v), lambda e: sw(e), **ln)
md("ln-inner", r"\langle w, x \rangle = w^\top x", T, dot, dot, **ln)
md("ln-parallelogram", r"\|w + x\|^2 + \|w - x\|^2 = 2\|w\|^2 + 2\|x\|^2", T,
   lambda e: sqdist(e, 1) + sqdist(e, -1), lambda e: 2 * sw(e, lambda v: v * v) + 2 * sw(e, lambda v: v * v, "x"), **ln)
md("ln-pythagoras-wrong", r"\|w + x\|^2 = \|w\|^2 + \|x\|^2", F,
   lambda e: sqdist(e, 1), lambda e: sw(e, lambda v: v * v) + sw(e, lambda v: v * v, "x"), **ln)
md("ln-expand", r"\|w - x\|^2 = \|w\|^2 - 2 w^\top x + \|x\|^2", T,
   lambda e: sqdist(e), lambda e: sw(e, lambda v: v * v) - 2 * dot(e) + sw(e, lambda v: v * v, "x"), **ln)
md("ln-expand-sign", r"\|w - x\|^2 = \|w\|^2 + 2 \langle w, x \rangle + \|x\|^2", F,
   lambda e: sqdist(e), lambda e: sw(e, lambda v: v * v) + 2 * dot(e) + sw(e, lambda v: v * v, "x"), **ln)
md("ln-scale", r"\|2w\|^2 = 4\|w\|^2", T, lambda e: sw(e, lambda v: (2 * v) ** 2), lambda e: 4 * sw(e, lambda v: v * v), **ln)
md("ln-scale-wrong", r"\|2w\|^2 = 2\|w\|^2", F, lambda e: sw(e, lambda v: (2 * v) ** 2), lambda e: 2 * sw(e, lambda v: v * v), **ln)
md("ln-scale-norm", r"\|c w\| = |c| \|w\|", T,
   lambda e: sqrt(sw(e, lambda v: (e.c * v) ** 2)), lambda e: absolute(e.c) * sqrt(sw(e, lambda v: v * v)), **ln)
md("ln-scale-norm-sign", r"\|c w\| = c \|w\|", F,
   lambda e: sqrt(sw(e, lambda v: (e.c * v) ** 2)), lambda e: e.c * sqrt(sw(e, lambda v: v * v)), **ln)
md("ln-grad-sq", r"\nabla_w \|w\|^2 = 2w", T,
   lambda e: d(lambda f: sw(f, lambda v: v * v), e, "w", e.p), lambda e: 2 * e.w[e.p], "p", **ln)
md("ln-grad-sq-half", r"\nabla_w \|w\|^2 = w", F,
   lambda e: d(lambda f: sw(f, lambda v: v * v), e, "w", e.p), lambda e: e.w[e.p], "p", **ln)
md("ln-grad-norm", r"\nabla_w \|w\| = \frac{w}{\|w\|}", T,
   lambda e: d(lambda f: sqrt(sw(f, lambda v: v * v)), e, "w", e.p), lambda e: div(e.w[e.p], sqrt(sw(e, lambda v: v * v))), "p", **ln)
md("ln-grad-norm-square", r"\frac{\partial}{\partial w_k} \|w\| = \frac{w_k}{\|w\|^2}", F,
   lambda e: d(lambda f: sqrt(sw(f, lambda v: v * v)), e, "w", e.k), lambda e: div(e.w[e.k], sw(e, lambda v: v * v)), "k", **ln)
md("ln-grad-dist", r"\frac{\partial}{\partial w_k} \|w - x\|^2 = 2 (w_k - x_k)", T,
   lambda e: d(sqdist, e, "w", e.k), lambda e: 2 * (e.w[e.k] - e.x[e.k]), "k", **ln)
md("ln-grad-dist-sign", r"\frac{\partial}{\partial w_k} \|w - x\|^2 = 2 (x_k - w_k)", F,
   lambda e: d(sqdist, e, "w", e.k), lambda e: 2 * (e.x[e.k] - e.w[e.k]), "k", **ln)
md("ln-grad-inner", r"\nabla_x w^\top x = w", T, lambda e: d(dot, e, "x", e.p), lambda e: e.w[e.p], "p", **ln)
md("ln-grad-inner-wrong", r"\nabla_x w^\top x = x", F, lambda e: d(dot, e, "x", e.p), lambda e: e.x[e.p], "p", **ln)
md("ln-hess-diag", r"\frac{\partial^2}{\partial w_k^2} \|w\|^2 = 2", T,
   lambda e: d(lambda f: d(lambda g: sw(g, lambda v: v * v), f, "w", e.k), e, "w", e.k), lambda e: 2, "k", **ln)
md("ln-hess-offdiag-wrong", r"\frac{\partial^2}{\partial w_j \partial w_k} \|w\|^2 = 2", F,
   lambda e: d(lambda f: d(lambda g: sw(g, lambda v: v * v), f, "w", e.k), e, "w", e.j), lambda e: 2, "jk", **ln)
md("ln-hess-outer", r"\frac{\partial^2}{\partial w_j \partial w_k} \left(w^\top x\right)^2 = 2 x_j x_k", T,
   lambda e: d(lambda f: d(lambda g: dot(g) ** 2, f, "w", e.k), e, "w", e.j), lambda e: 2 * e.x[e.j] * e.x[e.k], "jk", **ln)
md("ln-hess-outer-wrong", r"\frac{\partial^2}{\partial w_j \partial w_k} \left(w^\top x\right)^2 = 2 x_k^2", F,
   lambda e: d(lambda f: d(lambda g: dot(g) ** 2, f, "w", e.k), e, "w", e.j), lambda e: 2 * e.x[e.k] ** 2, "jk", **ln)
md("ln-onehot-norm", r"\|y\|^2 = 1", T, lambda e: sw(e, lambda v: v * v, "y"), one, "t", **ln)
md("ln-onehot-norm-N", r"\|y\|^2 = N", F, lambda e: sw(e, lambda v: v * v, "y"), lambda e: e.N, "t", **ln)
md("ln-onehot-inner", r"\langle y, x \rangle = x_t", T, lambda e: dot(e, "y", "x"), lambda e: e.x[e.t], "t", **ln)
md("ln-onehot-inner-wrong", r"\langle y, \hat{y} \rangle = 1", F, lambda e: dot(e, "y", "yhat"), one, "t", **ln)
md("ln-onehot-dist", r"\|y - \hat{y}\|^2 = 1 - 2\hat{y}_t + \|\hat{y}\|^2", T,
   lambda e: S(1, e.N, lambda j: (e.y[j] - e.yhat[j]) ** 2), lambda e: 1 - 2 * e.yhat[e.t] + sw(e, lambda v: v * v, "yhat"), "t", **ln)
md("ln-onehot-dist-wrong", r"\|y - \hat{y}\|^2 = 1 - \|\hat{y}\|^2", F,
   lambda e: S(1, e.N, lambda j: (e.y[j] - e.yhat[j]) ** 2), lambda e: 1 - sw(e, lambda v: v * v, "yhat"), "t", **ln)
md("ln-prod-exp", r"\prod_{j=1}^{N} e^{w_j} = e^{\sum_{j=1}^{N} w_j}", T,
   lambda e: P(1, e.N, lambda j: exp(e.w[j])), lambda e: exp(sw(e)), **ln)
md("ln-prod-exp-wrong", r"\prod_{j=1}^{N} e^{w_j} = \sum_{j=1}^{N} e^{w_j}", F,
   lambda e: P(1, e.N, lambda j: exp(e.w[j])), lambda e: sw(e, exp), **ln)
md("ln-prod-from-2", r"\prod_{j=2}^{N} 2 = 2^{N-1}", T, lambda e: P(2, e.N, lambda j: 2), lambda e: mpf(2) ** (e.N - 1), **ln)
md("ln-prod-from-3-empty", r"\prod_{j=3}^{N} 2 = 2^{N-2}", F, lambda e: P(3, e.N, lambda j: 2), lambda e: mpf(2) ** (e.N - 2), **ln)
md("ln-prod-telescoping", r"\prod_{j=1}^{N} \frac{j+1}{j} = N + 1", T,
   lambda e: P(1, e.N, lambda j: mpf(j + 1) / j), lambda e: e.N + 1, **ln)
md("ln-prod-telescoping-off", r"\prod_{j=1}^{N} \frac{j+1}{j} = N", F,
   lambda e: P(1, e.N, lambda j: mpf(j + 1) / j), lambda e: e.N, **ln)
md("ln-prod-wallis", r"\prod_{j=2}^{N} \left(1 - \frac{1}{j^2}\right) = \frac{N+1}{2N}", T,
   lambda e: P(2, e.N, lambda j: 1 - mpf(1) / j ** 2), lambda e: mpf(e.N + 1) / (2 * e.N), **ln)
md("ln-prod-wallis-off", r"\prod_{j=2}^{N} \left(1 - \frac{1}{j^2}\right) = \frac{N}{2N - 1}", F,
   lambda e: P(2, e.N, lambda j: 1 - mpf(1) / j ** 2), lambda e: mpf(e.N) / (2 * e.N - 1), **ln)
md("ln-prod-onehot", r"\prod_{j=1}^{N} (1 - y_j) = 0", T, lambda e: P(1, e.N, lambda j: 1 - e.y[j]), zero, "t", **ln)
md("ln-prod-onehot-wrong", r"\prod_{j=1}^{N} (1 - y_j) = 1 - \sum_{j=1}^{N} 1", F,
   lambda e: P(1, e.N, lambda j: 1 - e.y[j]), lambda e: 1 - e.N, "t", **ln)
# 2^N agrees with sum_{k <= 4} C(N, k) for N <= 4 only, and with sum_{k <= 5} C(N, k) for N <= 5 only.
md("ln-prod-binomial-4", r"\prod_{j=1}^{N} 2 = 1 + N + \frac{N(N-1)}{2} + \frac{N(N-1)(N-2)}{6} + \frac{N(N-1)(N-2)(N-3)}{24}", F,
   lambda e: P(1, e.N, lambda j: 2), lambda e: binom_sum(mpf(e.N), 4), **ln)
md("ln-prod-binomial-5",
   r"\prod_{j=1}^{N} 2 = 1 + N + \frac{N(N-1)}{2} + \frac{N(N-1)(N-2)}{6} + \frac{N(N-1)(N-2)(N-3)}{24} + \frac{N(N-1)(N-2)(N-3)(N-4)}{120}", F,
   lambda e: P(1, e.N, lambda j: 2), lambda e: binom_sum(mpf(e.N), 5), **ln)
md("ln-prod-factorial-pow", r"\prod_{j=1}^{N} j = 2^{N-1}", F, lambda e: P(1, e.N, lambda j: j), lambda e: mpf(2) ** (e.N - 1), **ln)
md("ln-log2-prod", r"\log_2 \prod_{j=1}^{N} 2^{w_j} = \sum_{j=1}^{N} w_j", T,
   lambda e: log2(P(1, e.N, lambda j: power(2, e.w[j]))), lambda e: sw(e), **ln)
md("ln-log-prod-yhat", r"\log \prod_{j=1}^{N} \hat{y}_j = \sum_{j=1}^{N} \log \hat{y}_j", T,
   lambda e: log(P(1, e.N, lambda j: e.yhat[j])), lambda e: sw(e, log, "yhat"), **ln)
md("ln-log-prod-yhat-wrong", r"\log \prod_{j=1}^{N} \hat{y}_j = \log \sum_{j=1}^{N} \hat{y}_j", F,
   lambda e: log(P(1, e.N, lambda j: e.yhat[j])), lambda e: log(sw(e, vec="yhat")), **ln)
md("ln-prod-yhat-pow-y", r"\prod_{j=1}^{N} \hat{y}_j^{y_j} = \hat{y}_t", T,
   lambda e: P(1, e.N, lambda j: power(e.yhat[j], e.y[j])), lambda e: e.yhat[e.t], "t", **ln)
md("ln-dsum-f", r"\frac{\partial}{\partial w_k} \sum_{j=1}^{N} f(w_j) = f'(w_k)", T,
   lambda e: d(lambda g: sw(g, Fx), e, "w", e.k), lambda e: Fx1(e.w[e.k]), "k", **ln)
md("ln-dsum-f-from-2", r"\frac{\partial}{\partial w_k} \sum_{j=2}^{N} f(w_j) = f'(w_k)", F,
   lambda e: d(lambda g: S(2, g.N, lambda j: Fx(g.w[j])), e, "w", e.k), lambda e: Fx1(e.w[e.k]), "k", **ln)
md("ln-dsum-tanh", r"\frac{\partial}{\partial w_k} \sum_{j=1}^{N} \tanh(w_j) = 1 - \tanh^2(w_k)", T,
   lambda e: d(lambda g: sw(g, tanh), e, "w", e.k), lambda e: 1 - tanh(e.w[e.k]) ** 2, "k", **ln)
md("ln-dsum-tanh-N", r"\frac{\partial}{\partial w_k} \sum_{j=1}^{N} \tanh(w_j) = \sum_{j=1}^{N} (1 - \tanh^2(w_j))", F,
   lambda e: d(lambda g: sw(g, tanh), e, "w", e.k), lambda e: sw(e, lambda v: 1 - tanh(v) ** 2), "k", **ln)
md("ln-dsum-softplus", r"\frac{\partial}{\partial w_k} \sum_{j=1}^{N} \operatorname{softplus}(w_j) = \sigma(w_k)", T,
   lambda e: d(lambda g: sw(g, softplus), e, "w", e.k), lambda e: sigmoid(e.w[e.k]), "k", **ln)
md("ln-dsum-softplus-sign", r"\frac{\partial}{\partial w_k} \sum_{j=1}^{N} \operatorname{softplus}(w_j) = \sigma(-w_k)", F,
   lambda e: d(lambda g: sw(g, softplus), e, "w", e.k), lambda e: sigmoid(-e.w[e.k]), "k", **ln)
md("ln-dsum-abs", r"\frac{\partial}{\partial w_k} \sum_{j=1}^{N} |w_j| = \operatorname{sgn}(w_k)", T,
   lambda e: d(lambda g: sw(g, absolute), e, "w", e.k), lambda e: sgn(e.w[e.k]), "k", **ln)
md("ln-dsum-abs-one", r"\frac{\partial}{\partial w_k} \sum_{j=1}^{N} |w_j| = 1", F,
   lambda e: d(lambda g: sw(g, absolute), e, "w", e.k), one, "k", **ln)
md("ln-l1", r"\|w\|_1 = \sum_{j=1}^{N} |w_j|", T, lambda e: sw(e, absolute), lambda e: sw(e, absolute), **ln)
md("ln-l1-is-l2-wrong", r"\|w\|_1 = \|w\|", F, lambda e: sw(e, absolute), lambda e: sqrt(sw(e, lambda v: v * v)), **ln)
md("ln-quad-grad", r"\frac{\partial}{\partial w_k} \sum_{i=1}^{N} \sum_{j=1}^{N} w_i A_{ij} w_j = \sum_{j=1}^{N} (A_{kj} + A_{jk}) w_j", T,
   lambda e: d(quad, e, "w", e.k), lambda e: S(1, e.N, lambda j: (e.A[e.k][j] + e.A[j][e.k]) * e.w[j]), "k", **ln)
md("ln-quad-grad-symmetric-wrong", r"\frac{\partial}{\partial w_k} \sum_{i=1}^{N} \sum_{j=1}^{N} w_i A_{ij} w_j = 2 \sum_{j=1}^{N} A_{kj} w_j", F,
   lambda e: d(quad, e, "w", e.k), lambda e: 2 * S(1, e.N, lambda j: e.A[e.k][j] * e.w[j]), "k", **ln)
md("ln-bilinear-swap", r"\sum_{i=1}^{N} \sum_{j=1}^{N} x_i A_{ij} w_j = \sum_{j=1}^{N} \sum_{i=1}^{N} w_j A_{ij} x_i", T,
   lambda e: S(1, e.N, lambda i: S(1, e.N, lambda j: e.x[i] * e.A[i][j] * e.w[j])),
   lambda e: S(1, e.N, lambda i: S(1, e.N, lambda j: e.x[i] * e.A[i][j] * e.w[j])), **ln)
md("ln-bilinear-transpose-wrong", r"\sum_{i=1}^{N} \sum_{j=1}^{N} x_i A_{ij} w_j = \sum_{i=1}^{N} \sum_{j=1}^{N} w_i A_{ij} x_j", F,
   lambda e: S(1, e.N, lambda i: S(1, e.N, lambda j: e.x[i] * e.A[i][j] * e.w[j])),
   lambda e: S(1, e.N, lambda i: S(1, e.N, lambda j: e.w[i] * e.A[i][j] * e.x[j])), **ln)
md("ln-mat-colsum", r"\frac{\partial}{\partial w_k} \sum_{i=1}^{N} \sum_{j=1}^{N} A_{ij} w_j = \sum_{i=1}^{N} A_{ik}", T,
   lambda e: d(lambda f: S(1, f.N, lambda i: S(1, f.N, lambda j: f.A[i][j] * f.w[j])), e, "w", e.k),
   lambda e: S(1, e.N, lambda i: e.A[i][e.k]), "k", **ln)
md("ln-mat-rowsum-wrong", r"\frac{\partial}{\partial w_k} \sum_{i=1}^{N} \sum_{j=1}^{N} A_{ij} w_j = \sum_{j=1}^{N} A_{kj}", F,
   lambda e: d(lambda f: S(1, f.N, lambda i: S(1, f.N, lambda j: f.A[i][j] * f.w[j])), e, "w", e.k),
   lambda e: S(1, e.N, lambda j: e.A[e.k][j]), "k", **ln)
md("ln-mat-trace-diag", r"\sum_{i=1}^{N} \sum_{j=1}^{N} A_{ij} y_i y_j = A_{tt}", T,
   lambda e: S(1, e.N, lambda i: S(1, e.N, lambda j: e.A[i][j] * e.y[i] * e.y[j])), lambda e: e.A[e.t][e.t], "t", **ln)
md("ln-mat-trace-diag-wrong", r"\sum_{i=1}^{N} \sum_{j=1}^{N} A_{ij} y_i y_j = \sum_{i=1}^{N} A_{ii}", F,
   lambda e: S(1, e.N, lambda i: S(1, e.N, lambda j: e.A[i][j] * e.y[i] * e.y[j])), lambda e: S(1, e.N, lambda i: e.A[i][i]), "t", **ln)
md("ln-softmax-tanh", r"\frac{\partial}{\partial \theta_k} \sum_{j=1}^{N} \hat{y}_j \tanh(w_j) = \hat{y}_k \left(\tanh(w_k) - \sum_{j=1}^{N} \hat{y}_j \tanh(w_j)\right)", T,
   lambda e: d(lambda f: S(1, f.N, lambda j: f.yhat[j] * tanh(f.w[j])), e, "theta", e.k),
   lambda e: e.yhat[e.k] * (tanh(e.w[e.k]) - S(1, e.N, lambda j: e.yhat[j] * tanh(e.w[j]))), "k", **ln)
md("ln-softmax-tanh-wrong", r"\frac{\partial}{\partial \theta_k} \sum_{j=1}^{N} \hat{y}_j \tanh(w_j) = \hat{y}_k \tanh(w_k)", F,
   lambda e: d(lambda f: S(1, f.N, lambda j: f.yhat[j] * tanh(f.w[j])), e, "theta", e.k),
   lambda e: e.yhat[e.k] * tanh(e.w[e.k]), "k", **ln)

# Whole matrices and vectors (products, traces, diagonals, ones, the identity), A typed by its entries.
def _AA(e, i, j, transpose=False):
    return S(1, e.N, lambda m: e.A[i][m] * (e.A[j][m] if transpose else e.A[m][j]))


md("ln-mat-trace-gram", r"\operatorname{tr}(A^\top A) = \sum_{i=1}^{N} \sum_{j=1}^{N} A_{ij}^2", T,
   lambda e: S(1, e.N, lambda i: S(1, e.N, lambda j: e.A[j][i] * e.A[j][i])),
   lambda e: S(1, e.N, lambda i: S(1, e.N, lambda j: e.A[i][j] ** 2)), **ln)
md("ln-mat-trace-square-wrong", r"\operatorname{tr}(A A) = \sum_{i=1}^{N} \sum_{j=1}^{N} A_{ij}^2", F,
   lambda e: S(1, e.N, lambda i: _AA(e, i, i)), lambda e: S(1, e.N, lambda i: S(1, e.N, lambda j: e.A[i][j] ** 2)), **ln)
md("ln-mat-quad-form", r"w^\top A w = \sum_{i=1}^{N} \sum_{j=1}^{N} w_i A_{ij} w_j", T, quad, quad, **ln)
md("ln-mat-quad-grad", r"\frac{\partial}{\partial w_k} w^\top A w = \sum_{j=1}^{N} (A_{kj} + A_{jk}) w_j", T,
   lambda e: d(quad, e, "w", e.k), lambda e: S(1, e.N, lambda j: (e.A[e.k][j] + e.A[j][e.k]) * e.w[j]), "k", **ln)
md("ln-mat-quad-grad-wrong", r"\frac{\partial}{\partial w_k} w^\top A w = 2 \sum_{j=1}^{N} A_{kj} w_j", F,
   lambda e: d(quad, e, "w", e.k), lambda e: 2 * S(1, e.N, lambda j: e.A[e.k][j] * e.w[j]), "k", **ln)
md("ln-mat-matvec", r"(A w)_k = \sum_{j=1}^{N} A_{kj} w_j", T,
   lambda e: S(1, e.N, lambda j: e.A[e.k][j] * e.w[j]), lambda e: S(1, e.N, lambda j: e.A[e.k][j] * e.w[j]), "k", **ln)
md("ln-mat-matvec-transposed-wrong", r"(A^\top w)_k = \sum_{j=1}^{N} A_{kj} w_j", F,
   lambda e: S(1, e.N, lambda j: e.A[j][e.k] * e.w[j]), lambda e: S(1, e.N, lambda j: e.A[e.k][j] * e.w[j]), "k", **ln)
md("ln-mat-product-entry", r"(A A)_{kk} = \sum_{j=1}^{N} A_{kj} A_{jk}", T,
   lambda e: _AA(e, e.k, e.k), lambda e: S(1, e.N, lambda j: e.A[e.k][j] * e.A[j][e.k]), "k", **ln)
md("ln-mat-product-entry-wrong", r"(A A^\top)_{kk} = \sum_{j=1}^{N} A_{kj} A_{jk}", F,
   lambda e: _AA(e, e.k, e.k, transpose=True), lambda e: S(1, e.N, lambda j: e.A[e.k][j] * e.A[j][e.k]), "k", **ln)
md("ln-mat-ones", r"\mathbf{1}^\top w = \sum_{j=1}^{N} w_j", T, sw, sw, **ln)
md("ln-mat-ones-wrong", r"\mathbf{1}^\top w = \sum_{j=1}^{N} w_j^2", F, sw, lambda e: sw(e, lambda v: v * v), **ln)
md("ln-mat-outer-trace", r"\operatorname{tr}(w x^\top) = \sum_{j=1}^{N} w_j x_j", T, dot, dot, **ln)
md("ln-mat-outer-trace-wrong", r"\operatorname{tr}(w x^\top) = \sum_{i=1}^{N} w_i \sum_{j=1}^{N} x_j", F,
   dot, lambda e: sw(e) * sw(e, vec="x"), **ln)
md("ln-mat-diag-trace", r"\mathbf{1}^\top \operatorname{diag}(A) = \sum_{i=1}^{N} A_{ii}", T,
   lambda e: S(1, e.N, lambda i: e.A[i][i]), lambda e: S(1, e.N, lambda i: e.A[i][i]), **ln)
md("ln-mat-identity", r"w^\top (A + I) w = \sum_{i=1}^{N} \sum_{j=1}^{N} w_i A_{ij} w_j + \sum_{j=1}^{N} w_j^2", T,
   lambda e: quad(e) + sw(e, lambda v: v * v), lambda e: quad(e) + sw(e, lambda v: v * v), **ln)
md("ln-mat-identity-wrong", r"w^\top (A + I) w = \sum_{i=1}^{N} \sum_{j=1}^{N} w_i A_{ij} w_j + 1", F,
   lambda e: quad(e) + sw(e, lambda v: v * v), lambda e: quad(e) + 1, **ln)

# --- False only away from the origin, or only past N = 6: a kink at u = 3, a cap at j = 8 --------
wide = dict(span=(-10, 10), **cl)
md("far-clip", r"\min(\max(u, -3), 3) = u", F, lambda e: min(max(e.u, -3), 3), U, **wide)
md("far-clip-swap", r"\min(\max(u, -3), 3) = \max(\min(u, 3), -3)", T,
   lambda e: min(max(e.u, -3), 3), lambda e: max(min(e.u, 3), -3), **wide)
md("far-sqrt-kink", r"\sqrt{(u - 3)^2} = 3 - u", F, lambda e: sqrt((e.u - 3) ** 2), lambda e: 3 - e.u, **wide)
md("far-sqrt-kink-abs", r"\sqrt{(u - 3)^2} = |3 - u|", T, lambda e: sqrt((e.u - 3) ** 2), lambda e: absolute(3 - e.u), **wide)
md("far-abs-kink", r"|u - 5| = 5 - u", F, lambda e: absolute(e.u - 5), lambda e: 5 - e.u, **wide)
md("far-abs-kink-max", r"|u - 5| = \max(u - 5, 5 - u)", T, lambda e: absolute(e.u - 5), lambda e: max(e.u - 5, 5 - e.u), **wide)
md("far-max-cap", r"\max(u, 3) = 3", F, lambda e: max(e.u, 3), lambda e: 3, **wide)
md("far-max-cap-relu", r"\max(u, 3) = 3 + \operatorname{ReLU}(u - 3)", T, lambda e: max(e.u, 3), lambda e: 3 + relu(e.u - 3), **wide)
md("far-relu-shift", r"\operatorname{ReLU}(u + 3) = u + 3", F, lambda e: relu(e.u + 3), lambda e: e.u + 3, **wide)
md("far-max-square", r"\max(u^2, 9) = 9", F, lambda e: max(e.u ** 2, 9), lambda e: 9, **wide)
md("far-sqrt-poly", r"\sqrt{u^2 - 6u + 9} = 3 - u", F, lambda e: sqrt(e.u ** 2 - 6 * e.u + 9), lambda e: 3 - e.u, **wide)
md("far-relu-formula", r"\frac{|u - 4| + u - 4}{2} = 0", F, lambda e: (absolute(e.u - 4) + e.u - 4) / 2, zero, **wide)
md("far-min-ln", r"\min(\ln u, 2) = \ln u", F, lambda e: min(log(e.u), 2), lambda e: log(e.u), **wide)
md("far-tanh-clip", r"\max(\min(u, 4), -4) - u = 0", F, lambda e: max(min(e.u, 4), -4) - e.u, zero, **wide)
md("far-arctan-tan", r"\arctan(\tan u) = u", F, lambda e: atan(mpmath.tan(e.u)), U, **wide)

nine = dict(sizes=tuple(range(1, 10)), **ln)
md("late-min-8", r"\sum_{j=1}^{N} \min(j, 8) = \frac{N(N+1)}{2}", F,
   lambda e: S(1, e.N, lambda j: min(j, 8)), lambda e: tri(e.N), **nine)
md("late-min-5", r"\sum_{j=1}^{N} \min(j, 5) = \frac{N(N+1)}{2}", F,
   lambda e: S(1, e.N, lambda j: min(j, 5)), lambda e: tri(e.N), **nine)
md("late-relu-6", r"\sum_{j=1}^{N} \operatorname{ReLU}(j - 6) = 0", F, lambda e: S(1, e.N, lambda j: relu(j - 6)), zero, **nine)
md("late-relu-0", r"\sum_{j=1}^{N} \operatorname{ReLU}(j - N) = 0", T, lambda e: S(1, e.N, lambda j: relu(j - e.N)), zero, **nine)
md("late-abs-7", r"\sum_{j=1}^{N} |j - 7| = \frac{N(13 - N)}{2}", F,
   lambda e: S(1, e.N, lambda j: absolute(j - 7)), lambda e: mpf(e.N) * (13 - e.N) / 2, **nine)
md("late-abs-N", r"\sum_{j=1}^{N} |j - N - 1| = \frac{N(N+1)}{2}", T,
   lambda e: S(1, e.N, lambda j: absolute(j - e.N - 1)), lambda e: tri(e.N), **nine)
md("late-binomial-6",
   r"\prod_{j=1}^{N} 2 = 1 + N + \frac{N(N-1)}{2} + \frac{N(N-1)(N-2)}{6} + \frac{N(N-1)(N-2)(N-3)}{24} + \frac{N(N-1)(N-2)(N-3)(N-4)}{120} + \frac{N(N-1)(N-2)(N-3)(N-4)(N-5)}{720}", F,
   lambda e: P(1, e.N, lambda j: 2), lambda e: binom_sum(mpf(e.N), 6), **nine)
md("late-min-x", r"\sum_{j=1}^{N} w_j \min(j, 7) = \sum_{j=1}^{N} j w_j", F,
   lambda e: S(1, e.N, lambda j: e.w[j] * min(j, 7)), lambda e: S(1, e.N, lambda j: j * e.w[j]), **nine)
md("late-prod-min", r"\prod_{j=1}^{N} \min(j, 7) = \prod_{j=1}^{N} j", F,
   lambda e: P(1, e.N, lambda j: min(j, 7)), lambda e: P(1, e.N, lambda j: j), **nine)
md("late-max-N", r"\sum_{j=1}^{N} \max(j, N) = N^2", T, lambda e: S(1, e.N, lambda j: max(j, e.N)), lambda e: e.N ** 2, **nine)

# --- Names a document defines in a display (f(t) = t^2 + 1, h(t) = \sqrt{t}, g(t) = \ln t, z = \sqrt{u}) ---
NOTATIONS["defs"] = ""
GROUPS["defs"] = dict(vectors=(), scalars=("u", "v"), sized=False)
PREAMBLES["defs"] = ("$$ f(t) = t^2 + 1 $$\n\n$$ h(t) = \\sqrt{t} $$\n\n$$ g(t) = \\ln t $$\n\n"
                     "$$ z = \\sqrt{u} $$\n\n")
df = dict(group="defs")
fdef = lambda t: t ** 2 + 1  # noqa: E731
md("df-f-shift", r"f(v + 1) = v^2 + 2v + 2", T, lambda e: fdef(e.v + 1), lambda e: e.v ** 2 + 2 * e.v + 2, **df)
md("df-f-shift-wrong", r"f(v + 1) = v^2 + 2", F, lambda e: fdef(e.v + 1), lambda e: e.v ** 2 + 2, **df)
md("df-f-prime", r"f'(u) = 2u", T, lambda e: du(lambda h: fdef(h.u), e), lambda e: 2 * e.u, **df)
md("df-f-prime-wrong", r"f'(u) = 2u + 1", F, lambda e: du(lambda h: fdef(h.u), e), lambda e: 2 * e.u + 1, **df)
md("df-f-second", r"f''(u) = 2", T, lambda e: d2(lambda h: fdef(h.u), e), lambda e: 2, **df)
md("df-f-chain", r"\frac{d}{du} f(u^2) = 4u^3", T, lambda e: du(lambda h: fdef(h.u ** 2), e), lambda e: 4 * e.u ** 3, **df)
md("df-f-chain-wrong", r"\frac{d}{du} f(u^2) = 2u^3", F, lambda e: du(lambda h: fdef(h.u ** 2), e), lambda e: 2 * e.u ** 3, **df)
md("df-ff", r"f(f(u)) = u^4 + 2u^2 + 2", T, lambda e: fdef(fdef(e.u)), lambda e: e.u ** 4 + 2 * e.u ** 2 + 2, **df)
md("df-ff-wrong", r"f(f(u)) = u^4 + 2", F, lambda e: fdef(fdef(e.u)), lambda e: e.u ** 4 + 2, **df)
md("df-f-sqrt", r"f(\sqrt{u}) = u + 1", T, lambda e: fdef(sqrt(e.u)), lambda e: e.u + 1, **df)
md("df-f-sqrt-abs", r"f(\sqrt{u}) = |u| + 1", T, lambda e: fdef(sqrt(e.u)), lambda e: absolute(e.u) + 1, **df)
md("df-f-sqrt-wrong", r"f(\sqrt{u}) = u^2 + 1", F, lambda e: fdef(sqrt(e.u)), lambda e: e.u ** 2 + 1, **df)
md("df-z-sq-abs", r"z^2 = |u|", T, lambda e: sqrt(e.u) ** 2, lambda e: absolute(e.u), **df)
md("df-z-sq-neg", r"z^2 = -u", F, lambda e: sqrt(e.u) ** 2, lambda e: -e.u, **df)
md("df-g-exp-abs", r"e^{g(u)} = |u|", T, lambda e: exp(log(e.u)), lambda e: absolute(e.u), **df)
md("df-g-exp-square", r"e^{g(u)} = u^2", F, lambda e: exp(log(e.u)), lambda e: e.u ** 2, **df)
md("df-h-sq-abs", r"h(u)^2 = |u|", T, lambda e: sqrt(e.u) ** 2, lambda e: absolute(e.u), **df)
md("df-h-hh-abs", r"h(u) h(u) = |u|", T, lambda e: sqrt(e.u) * sqrt(e.u), lambda e: absolute(e.u), **df)
md("df-h-sq-wrong", r"h(u)^2 = u^2", F, lambda e: sqrt(e.u) ** 2, lambda e: e.u ** 2, **df)
md("df-h-prime", r"h'(u) = \frac{1}{2\sqrt{u}}", T, lambda e: du(lambda k: sqrt(k.u), e), lambda e: div(1, 2 * sqrt(e.u)), **df)
md("df-h-prime-wrong", r"h'(u) = \frac{1}{2u}", F, lambda e: du(lambda k: sqrt(k.u), e), lambda e: div(1, 2 * e.u), **df)
md("df-h-d-sq-sgn", r"\frac{d}{du} h(u)^2 = \operatorname{sgn}(u)", T,
   lambda e: du(lambda k: sqrt(k.u) ** 2, e), lambda e: sgn(e.u), **df)
md("df-g-prime", r"g'(u) = \frac{1}{u}", T, lambda e: du(lambda k: log(k.u), e), lambda e: div(1, e.u), **df)
md("df-g-prime-wrong", r"g'(u) = \ln u", F, lambda e: du(lambda k: log(k.u), e), lambda e: log(e.u), **df)

# --- sgn, primes on named functions, Greek letters as scalars ------------------------------------
md("sg-abs", r"|u| \operatorname{sgn}(u) = u", T, lambda e: absolute(e.u) * sgn(e.u), U, **cl)
md("sg-abs-wrong", r"u \operatorname{sgn}(u) = -|u|", F, lambda e: e.u * sgn(e.u), lambda e: -absolute(e.u), **cl)
md("sg-d", r"\frac{d}{du} \operatorname{sgn}(u) = 0", T, lambda e: du(lambda h: sgn(h.u), e), zero, **cl)
md("sg-d2-abs", r"\frac{d^2}{du^2} |u| = 0", T, lambda e: d2(lambda h: absolute(h.u), e), zero, **cl)
md("sg-d-u-abs", r"\frac{d}{du} u|u| = 2|u|", T, lambda e: du(lambda h: h.u * absolute(h.u), e), lambda e: 2 * absolute(e.u), **cl)
md("sg-d-u-abs-wrong", r"\frac{d}{du} u|u| = 2u", F, lambda e: du(lambda h: h.u * absolute(h.u), e), lambda e: 2 * e.u, **cl)
md("sg-add-wrong", r"\operatorname{sgn}(u + v) = \operatorname{sgn}(u) + \operatorname{sgn}(v)", F,
   lambda e: sgn(e.u + e.v), lambda e: sgn(e.u) + sgn(e.v), **cl)
md("sg-mul", r"\operatorname{sgn}(uv) = \operatorname{sgn}(u) \operatorname{sgn}(v)", T,
   lambda e: sgn(e.u * e.v), lambda e: sgn(e.u) * sgn(e.v), **cl)
md("sg-minmax-wrong", r"\min(u, v) + \max(u, v) = 2\max(u, v)", F,
   lambda e: min(e.u, e.v) + max(e.u, e.v), lambda e: 2 * max(e.u, e.v), **cl)
md("pr-tanh", r"\tanh'(u) = 1 - \tanh^2(u)", T, lambda e: du(lambda h: tanh(h.u), e), lambda e: 1 - tanh(e.u) ** 2, **cl)
md("pr-tanh-wrong", r"\tanh'(u) = 1 - \tanh(u)", F, lambda e: du(lambda h: tanh(h.u), e), lambda e: 1 - tanh(e.u), **cl)
md("pr-softplus-wrong", r"\operatorname{softplus}'(u) = \operatorname{softplus}(u)", F,
   lambda e: du(lambda h: softplus(h.u), e), lambda e: softplus(e.u), **cl)
md("pr-arctan-wrong", r"\arctan'(u) = \frac{1}{1 + u}", F, lambda e: du(lambda h: atan(h.u), e), lambda e: div(1, 1 + e.u), **cl)
md("pr-abs-wrong", r"|u|' = 1", F, lambda e: du(lambda h: absolute(h.u), e), one, **cl)
md("pr-ln-abs", r"(\ln u)' = \frac{1}{|u|}", T, lambda e: du(lambda h: log(h.u), e), lambda e: div(1, absolute(e.u)), **cl)
md("pr-sqrt-sq", r"(\sqrt{u})'^2 = \frac{1}{4u}", T, lambda e: du(lambda h: sqrt(h.u), e) ** 2, lambda e: div(1, 4 * e.u), **cl)
md("pr-sqrt-sq-wrong", r"(\sqrt{u})'^2 = \frac{1}{2u}", F, lambda e: du(lambda h: sqrt(h.u), e) ** 2, lambda e: div(1, 2 * e.u), **cl)
md("gr-d-wrong", r"d(u + 1) = du + 1", F, lambda e: e.d * (e.u + 1), lambda e: e.d * e.u + 1, group="greek")
md("gr-d", r"d(u + 1) = du + d", T, lambda e: e.d * (e.u + 1), lambda e: e.d * e.u + e.d, group="greek")
md("gr-lambda", r"\lambda(u + v) = \lambda u + \lambda v", T,
   lambda e: e.lam * (e.u + e.v), lambda e: e.lam * e.u + e.lam * e.v, group="greek")
md("gr-lambda-wrong", r"\lambda(u + v) = \lambda u + v", F,
   lambda e: e.lam * (e.u + e.v), lambda e: e.lam * e.u + e.v, group="greek")
md("gr-alpha", r"\alpha(\beta + \gamma) = \alpha\beta + \alpha\gamma", T,
   lambda e: e.alpha * (e.beta + e.gamma), lambda e: e.alpha * e.beta + e.alpha * e.gamma, group="greek")
md("gr-alpha-wrong", r"\alpha(\beta + \gamma) = \alpha\beta + \gamma", F,
   lambda e: e.alpha * (e.beta + e.gamma), lambda e: e.alpha * e.beta + e.gamma, group="greek")
NOTATIONS["greek"] = ""
GROUPS["greek"] = dict(vectors=(), scalars=("u", "v", "d", "lam", "alpha", "beta", "gamma"), sized=False)

# --- Products: one-hot class as the dummy, reversed and empty ranges -----------------------------
md("pr-hot-dummy-t", r"\prod_{t=1}^{N} (1 + y_t) = 2", T, lambda e: P(1, e.N, lambda t: 1 + e.y[t]), lambda e: 2, "t", **ln)
md("pr-hot-dummy-t-captured", r"\prod_{t=1}^{N} (1 + y_t) = 2^N", F,
   lambda e: P(1, e.N, lambda t: 1 + e.y[t]), lambda e: mpf(2) ** e.N, "t", **ln)
md("pr-reversed", r"\prod_{j=5}^{3} 2 = 1", T, lambda e: P(5, 3, lambda j: 2), one, **ln)
md("pr-reversed-karr", r"\prod_{j=5}^{3} 2 = \frac{1}{2}", F, lambda e: P(5, 3, lambda j: 2), lambda e: half, **ln)
md("pr-to-Nm2", r"\prod_{j=1}^{N-2} 2 = 2^{N-2}", F, lambda e: P(1, e.N - 2, lambda j: 2), lambda e: mpf(2) ** (e.N - 2), **ln)
md("pr-drop-first", r"\prod_{j=2}^{N} w_j = \frac{\prod_{j=1}^{N} w_j}{w_1}", T,
   lambda e: P(2, e.N, lambda j: e.w[j]), lambda e: div(P(1, e.N, lambda j: e.w[j]), e.w[1]), **ln)
md("pr-hot-exp", r"\prod_{t=1}^{N} e^{y_t \theta_t} = e^{\theta_t}", T,
   lambda e: P(1, e.N, lambda t: exp(e.y[t] * e.theta[t])), lambda e: exp(e.theta[e.t]), "t", **ln)
md("pr-hot-exp-all", r"\prod_{t=1}^{N} e^{y_t \theta_t} = e^{\sum_{t=1}^{N} \theta_t}", F,
   lambda e: P(1, e.N, lambda t: exp(e.y[t] * e.theta[t])), lambda e: exp(sw(e, vec="theta")), "t", **ln)
md("pr-from-3-quarter", r"\prod_{j=3}^{N} 2 = \frac{2^N}{4}", F, lambda e: P(3, e.N, lambda j: 2), lambda e: mpf(2) ** e.N / 4, **ln)
md("pr-hot-pow-all", r"\prod_{t=1}^{N} \hat{y}_t^{y_t} = \prod_{t=1}^{N} \hat{y}_t", F,
   lambda e: P(1, e.N, lambda t: power(e.yhat[t], e.y[t])), lambda e: P(1, e.N, lambda t: e.yhat[t]), "t", **ln)
md("pr-d-hot-exp", r"\frac{\partial}{\partial \theta_t} \prod_{t=1}^{N} e^{y_t \theta_t} = e^{\theta_t}", T,
   lambda e: d(lambda f: P(1, f.N, lambda t: exp(f.y[t] * f.theta[t])), e, "theta", e.t), lambda e: exp(e.theta[e.t]), "t", **ln)
md("far-vec-max", r"\sum_{j=1}^{N} \max(w_j, 3) = 3N", F,
   lambda e: S(1, e.N, lambda j: max(e.w[j], 3)), lambda e: 3 * e.N, span=(-10, 10), **ln)
md("far-vec-relu", r"\sum_{j=1}^{N} \operatorname{ReLU}(w_j + 4) = \sum_{j=1}^{N} w_j + 4N", F,
   lambda e: S(1, e.N, lambda j: relu(e.w[j] + 4)), lambda e: sw(e) + 4 * e.N, span=(-10, 10), **ln)
md("far-vec-relu-ok", r"\sum_{j=1}^{N} \operatorname{ReLU}(w_j) - \sum_{j=1}^{N} \operatorname{ReLU}(-w_j) = \sum_{j=1}^{N} w_j", T,
   lambda e: S(1, e.N, lambda j: relu(e.w[j])) - S(1, e.N, lambda j: relu(-e.w[j])), lambda e: sw(e), span=(-10, 10), **ln)

# --- A quotient that cancels where it is read: u/u is undefined at u = 0, an empty sum over itself at N = 1 ---
md("cx-recip", r"u \cdot \frac{1}{u} = \operatorname{sgn}(u)^2", T, lambda e: e.u * div(1, e.u), lambda e: sgn(e.u) ** 2, **cl)
md("cx-self", r"\frac{u}{u} = |\operatorname{sgn}(u)|", T, lambda e: div(e.u, e.u), lambda e: absolute(sgn(e.u)), **cl)
md("cx-square-over", r"\frac{u^2}{u} = u \operatorname{sgn}(u)^2", T, lambda e: div(e.u ** 2, e.u), lambda e: e.u * sgn(e.u) ** 2, **cl)
md("cx-shifted", r"\frac{u - 1}{u - 1} = \operatorname{sgn}((u - 1)^2)", T,
   lambda e: div(e.u - 1, e.u - 1), lambda e: sgn((e.u - 1) ** 2), **cl)
md("cx-expm1", r"\frac{e^{u} - 1}{e^{u} - 1} = \operatorname{sgn}(u^2)", T,
   lambda e: div(exp(e.u) - 1, exp(e.u) - 1), lambda e: sgn(e.u ** 2), **cl)
md("cx-log-self", r"\frac{\ln u}{\ln u} = \operatorname{sgn}(u)", T, lambda e: div(log(e.u), log(e.u)), lambda e: sgn(e.u), **cl)
md("cx-d-square-over", r"\frac{d}{du} \frac{u^2}{u} = \operatorname{sgn}(u)^2", T,
   lambda e: du(lambda h: div(h.u ** 2, h.u), e), lambda e: sgn(e.u) ** 2, **cl)
md("cx-uv-over-v", r"\frac{u v}{v} = u \operatorname{sgn}(v)^2", T, lambda e: div(e.u * e.v, e.v), lambda e: e.u * sgn(e.v) ** 2, **cl)
md("cx-uv-over-v-wrong", r"\frac{u v}{v} = u \operatorname{sgn}(v)", F, lambda e: div(e.u * e.v, e.v), lambda e: e.u * sgn(e.v), **cl)
md("cx-sqrt-neg-sq", r"(\sqrt{-u})^2 = |u|", T, lambda e: sqrt(-e.u) ** 2, lambda e: absolute(e.u), **cl)
md("cx-exp-ln-neg", r"e^{\ln(-u)} = |u|", T, lambda e: exp(log(-e.u)), lambda e: absolute(e.u), **cl)
md("cx-exp-ln-neg-wrong", r"e^{\ln(-u)} = u", F, lambda e: exp(log(-e.u)), U, **cl)
md("cx-pow-three-halves", r"(u^2)^{3/2} = |u|^3", T, lambda e: power(e.u ** 2, mpf(3) / 2), lambda e: absolute(e.u) ** 3, **cl)
md("cx-pow-three-halves-wrong", r"(u^2)^{3/2} = u^3", F, lambda e: power(e.u ** 2, mpf(3) / 2), lambda e: e.u ** 3, **cl)
md("cx-pow-two-thirds", r"u^{2/3} = |u|^{2/3}", T, lambda e: power(e.u, mpf(2) / 3), lambda e: power(absolute(e.u), mpf(2) / 3), **cl)
md("cx-empty-ratio", r"\frac{\sum_{j=2}^{N} e^{w_j}}{\sum_{j=2}^{N} e^{w_j}} = \operatorname{sgn}(N - 1)", T,
   lambda e: div(S(2, e.N, lambda j: exp(e.w[j])), S(2, e.N, lambda j: exp(e.w[j]))), lambda e: sgn(e.N - 1), **ln)
md("cx-sum-ratio", r"\frac{\sum_{j=1}^{N} w_j}{\sum_{j=1}^{N} w_j} = 1", T, lambda e: div(sw(e), sw(e)), one, **ln)
md("cx-sum-of-ratios", r"\sum_{j=2}^{N} \frac{e^{w_j}}{e^{w_j}} = N - 1", T, lambda e: S(2, e.N, lambda j: 1), lambda e: e.N - 1, **ln)

# --- N itself: |N - 2|, sgn(N - 1), max(N, 2) are wrong at N = 1 ---------------------------------
md("nn-sgn-relu-sum", r"\operatorname{sgn}\left(\sum_{j=1}^{N} \operatorname{ReLU}(w_j)\right) = 1", F,
   lambda e: sgn(sw(e, relu)), one, **ln)
md("nn-sgn-empty-sum", r"\operatorname{sgn}\left(\sum_{j=2}^{N} e^{w_j}\right) = 1", F,
   lambda e: sgn(S(2, e.N, lambda j: exp(e.w[j]))), one, **ln)
md("nn-abs-empty-count", r"\left|\sum_{j=3}^{N} 1\right| = N - 2", F, lambda e: absolute(S(3, e.N, lambda j: 1)), lambda e: e.N - 2, **ln)
md("nn-abs-N-2", r"|N - 2| = N - 2", F, lambda e: absolute(e.N - 2), lambda e: e.N - 2, **ln)
md("nn-sqrt-N-2", r"\sqrt{(N-2)^2} = N - 2", F, lambda e: sqrt((e.N - 2) ** 2), lambda e: e.N - 2, **ln)
md("nn-abs-N-1", r"|N - 1| = N - 1", T, lambda e: absolute(e.N - 1), lambda e: e.N - 1, **ln)
md("nn-relu-count", r"\operatorname{ReLU}(N - 2) = \sum_{j=3}^{N} 1", T, lambda e: relu(e.N - 2), lambda e: S(3, e.N, lambda j: 1), **ln)
md("nn-max-empty-sum", r"\max\left(\sum_{j=2}^{N} e^{w_j}, 0\right) = \sum_{j=2}^{N} e^{w_j}", T,
   lambda e: max(S(2, e.N, lambda j: exp(e.w[j])), 0), lambda e: S(2, e.N, lambda j: exp(e.w[j])), **ln)
md("nn-min-empty-sum", r"\min\left(\sum_{j=2}^{N} e^{w_j}, 1\right) = 1", F,
   lambda e: min(S(2, e.N, lambda j: exp(e.w[j])), 1), one, **ln)
md("nn-sgn-N-1", r"\operatorname{sgn}(N - 1) = 1", F, lambda e: sgn(e.N - 1), one, **ln)
md("nn-N-1-over-abs", r"\frac{N - 1}{|N - 1|} = 1", T, lambda e: div(e.N - 1, absolute(e.N - 1)), one, **ln)
md("nn-max-N-2", r"\max(N, 2) = N", F, lambda e: max(e.N, 2), lambda e: e.N, **ln)
md("nn-min-N-1", r"\min(N, 1) = 1", T, lambda e: min(e.N, 1), one, **ln)
md("nn-sqrt-square-N-1", r"\sqrt{N^2 - 2N + 1} = N - 1", T, lambda e: sqrt(e.N ** 2 - 2 * e.N + 1), lambda e: e.N - 1, **ln)

# --- Sides that differ by less than 10^-26: tanh(400) is not 1 -----------------------------------
md("nm-tanh-400", r"\tanh(400) = 1", F, lambda e: tanh(400), one, dps=400, tolerance="1e-380", **cl)
md("nm-tanh-40", r"\tanh(40) = 1", F, lambda e: tanh(40), one, dps=100, tolerance="1e-80", **cl)
md("nm-tanh-400-exact", r"\tanh(400) = 1 - 2\sigma(-800)", T, lambda e: tanh(400), lambda e: 1 - 2 * sigmoid(-800),
   dps=400, tolerance="1e-380", **cl)
md("nm-sigma-800", r"\sigma(800) = 1", F, lambda e: sigmoid(800), one, dps=400, tolerance="1e-380", **cl)
md("nm-sigma-800-complement", r"\sigma(800) = 1 - \sigma(-800)", T, lambda e: sigmoid(800), lambda e: 1 - sigmoid(-800),
   dps=400, tolerance="1e-380", **cl)
md("nm-exp-exp10", r"1 + e^{-e^{10}} = 1", F, lambda e: 1 + exp(-exp(10)), one, dps=9700, tolerance="1e-9650", **cl)
md("nm-softplus-neg", r"\operatorname{softplus}(-1000) = 0", F, lambda e: softplus(-1000), zero, dps=500, tolerance="1e-480", **cl)
md("nm-softplus-pos", r"\operatorname{softplus}(1000) = 1000", F, lambda e: softplus(1000), lambda e: 1000,
   dps=500, tolerance="1e-480", **cl)
md("nm-softplus-pos-exact", r"\operatorname{softplus}(1000) = 1000 + \operatorname{softplus}(-1000)", T,
   lambda e: softplus(1000), lambda e: 1000 + softplus(-1000), dps=500, tolerance="1e-480", **cl)
md("nm-tanh-shift", r"\tanh(u + 400) = 1", F, lambda e: tanh(e.u + 400), one, dps=400, tolerance="1e-380", **cl)
md("nm-sigma-tower", r"\sigma(e^{e^{u}} + 800) = 1", F, lambda e: sigmoid(exp(exp(e.u)) + 800), one,
   dps=400, tolerance="1e-380", **cl)
md("nm-softplus-shift", r"\operatorname{softplus}(u + 2000) = u + 2000", F, lambda e: softplus(e.u + 2000), lambda e: e.u + 2000,
   dps=1000, tolerance="1e-950", **cl)
md("nm-sinh-over-cosh", r"\frac{\sinh(500)}{\cosh(500)} = 1", F, lambda e: sinh(500) / cosh(500), one,
   dps=500, tolerance="1e-480", **cl)

# --- Signs of sums, logs of sums: positive only when the range cannot be empty, log-sum-exp of any sign ---
md("ps-sgn-to-Nm1", r"\operatorname{sgn}\left(\sum_{j=1}^{N-1} e^{w_j}\right) = 1", F,
   lambda e: sgn(S(1, e.N - 1, lambda j: exp(e.w[j]))), one, **ln)
md("ps-sgn-empty-prod", r"\operatorname{sgn}\left(\prod_{j=2}^{N} e^{w_j}\right) = 1", T,
   lambda e: sgn(P(2, e.N, lambda j: exp(e.w[j]))), one, **ln)
md("ps-abs-minus-1", r"\left|\sum_{j=1}^{N} e^{w_j} - 1\right| = \sum_{j=1}^{N} e^{w_j} - 1", F,
   lambda e: absolute(sw(e, exp) - 1), lambda e: sw(e, exp) - 1, **ln)
md("ps-abs-minus-N", r"\left|\sum_{j=1}^{N} e^{w_j} - N\right| = \sum_{j=1}^{N} e^{w_j} - N", F,
   lambda e: absolute(sw(e, exp) - e.N), lambda e: sw(e, exp) - e.N, **ln)
md("ps-abs-plus-one", r"\left|\sum_{j=1}^{N} (e^{w_j} + 1) - N\right| = \sum_{j=1}^{N} e^{w_j}", T,
   lambda e: absolute(S(1, e.N, lambda j: exp(e.w[j]) + 1) - e.N), lambda e: sw(e, exp), **ln)
md("ps-log-empty-prod", r"\ln \prod_{j=2}^{N} e^{w_j} = \sum_{j=2}^{N} w_j", T,
   lambda e: log(P(2, e.N, lambda j: exp(e.w[j]))), lambda e: S(2, e.N, lambda j: e.w[j]), **ln)
md("ps-max-shifted-sums", r"\max\left(\sum_{j=1}^{N-1} e^{w_j}, \sum_{j=2}^{N} e^{w_j}\right) = \sum_{j=1}^{N-1} e^{w_j}", F,
   lambda e: max(S(1, e.N - 1, lambda j: exp(e.w[j])), S(2, e.N, lambda j: exp(e.w[j]))),
   lambda e: S(1, e.N - 1, lambda j: exp(e.w[j])), **ln)
md("ps-abs-log-yhat-sum", r"\left|\ln \sum_{j=1}^{N} \hat{y}_j\right| = 0", T, lambda e: absolute(log(sw(e, vec="yhat"))), zero, **ln)
md("ps-sgn-lse", r"\operatorname{sgn}\left(\ln \sum_{j=1}^{N} e^{w_j}\right) = 1", F, lambda e: sgn(log(sw(e, exp))), one, **ln)
md("ps-relu-lse", r"\operatorname{ReLU}\left(\ln \sum_{j=1}^{N} e^{w_j}\right) = \ln \sum_{j=1}^{N} e^{w_j}", F,
   lambda e: relu(log(sw(e, exp))), lambda e: log(sw(e, exp)), **ln)
md("ps-abs-lse", r"\left| \ln \sum_{j=1}^{N} e^{w_j} \right| = \ln \sum_{j=1}^{N} e^{w_j}", F,
   lambda e: absolute(log(sw(e, exp))), lambda e: log(sw(e, exp)), **ln)
md("ps-relu-ce", r"\operatorname{ReLU}\left(\ln \sum_{j=1}^{N} e^{\theta_j} - \theta_t\right) = \ln \sum_{j=1}^{N} e^{\theta_j} - \theta_t", T,
   lambda e: relu(log(Z(e)) - e.theta[e.t]), lambda e: log(Z(e)) - e.theta[e.t], "t", **ln)
md("ps-abs-log-yhat", r"\left|\log \hat{y}_t\right| = \log \hat{y}_t", F, lambda e: absolute(log(e.yhat[e.t])), lambda e: log(e.yhat[e.t]), "t", **ln)
md("ps-abs-log-yhat-neg", r"\left|\log \hat{y}_t\right| = -\log \hat{y}_t", T, lambda e: absolute(log(e.yhat[e.t])), lambda e: -log(e.yhat[e.t]), "t", **ln)
md("ps-l1-residual", r"\|y - \hat{y}\|_1 = 2(1 - \hat{y}_t)", T,
   lambda e: S(1, e.N, lambda j: absolute(e.y[j] - e.yhat[j])), lambda e: 2 * (1 - e.yhat[e.t]), "t", **ln)
md("ps-l1-residual-half", r"\|y - \hat{y}\|_1 = 1 - \hat{y}_t", F,
   lambda e: S(1, e.N, lambda j: absolute(e.y[j] - e.yhat[j])), lambda e: 1 - e.yhat[e.t], "t", **ln)
md("ps-l1-yhat", r"\|\hat{y}\|_1 = 1", T, lambda e: sw(e, absolute, "yhat"), one, **ln)
md("ps-min-overlap", r"\sum_{j=1}^{N} \min(\hat{y}_j, y_j) = \hat{y}_t", T,
   lambda e: S(1, e.N, lambda j: min(e.yhat[j], e.y[j])), lambda e: e.yhat[e.t], "t", **ln)
md("ps-min-overlap-one", r"\sum_{j=1}^{N} \min(\hat{y}_j, y_j) = 1", F,
   lambda e: S(1, e.N, lambda j: min(e.yhat[j], e.y[j])), one, "t", **ln)
md("ps-max-overlap", r"\sum_{j=1}^{N} \max(\hat{y}_j, y_j) = 2 - \hat{y}_t", T,
   lambda e: S(1, e.N, lambda j: max(e.yhat[j], e.y[j])), lambda e: 2 - e.yhat[e.t], "t", **ln)
md("ps-max-overlap-wrong", r"\sum_{j=1}^{N} \max(\hat{y}_j, y_j) = 1 + \hat{y}_t", F,
   lambda e: S(1, e.N, lambda j: max(e.yhat[j], e.y[j])), lambda e: 1 + e.yhat[e.t], "t", **ln)

# --- A prime at an argument that is not the variable: f'(2u) is f' evaluated at 2u ------------------
md("pa-f-2u", r"f'(2u) = \frac{d}{du} f(2u)", F, lambda e: Fx1(2 * e.u), lambda e: du(lambda h: Fx(2 * h.u), e), **cl)
md("pa-f-paren-2u", r"(f(2u))' = f'(2u)", F, lambda e: du(lambda h: Fx(2 * h.u), e), lambda e: Fx1(2 * e.u), **cl)
md("pa-f-paren", r"(f(u))' = f'(u)", T, lambda e: du(lambda h: Fx(h.u), e), lambda e: Fx1(e.u), **cl)
md("pa-f-paren-square", r"(f(u)^2)' = 2 f(u) f'(u)", T, lambda e: du(lambda h: Fx(h.u) ** 2, e), lambda e: 2 * Fx(e.u) * Fx1(e.u), **cl)
md("pa-exp-paren", r"(e^{2u})' = e^{2u}", F, lambda e: du(lambda h: exp(2 * h.u), e), lambda e: exp(2 * e.u), **cl)
md("pa-tanh-2u-factor", r"\tanh'(2u) = 2(1 - \tanh^2(2u))", F, lambda e: 1 - tanh(2 * e.u) ** 2, lambda e: 2 * (1 - tanh(2 * e.u) ** 2), **cl)
md("pa-tanh-2u", r"\tanh'(2u) = 1 - \tanh^2(2u)", T, lambda e: 1 - tanh(2 * e.u) ** 2, lambda e: 1 - tanh(2 * e.u) ** 2, **cl)
md("pa-sigma-2u-factor", r"\sigma'(2u) = 2\sigma(2u)(1 - \sigma(2u))", F,
   lambda e: sigmoid(2 * e.u) * (1 - sigmoid(2 * e.u)), lambda e: 2 * sigmoid(2 * e.u) * (1 - sigmoid(2 * e.u)), **cl)
md("pa-sigma-u2", r"\sigma'(u^2) = \sigma(u^2)(1 - \sigma(u^2))", T,
   lambda e: sigmoid(e.u ** 2) * sigmoid(-e.u ** 2), lambda e: sigmoid(e.u ** 2) * (1 - sigmoid(e.u ** 2)), **cl)
md("pa-ln-u2", r"\ln'(u^2) = \frac{2}{u}", F, lambda e: div(1, e.u ** 2), lambda e: div(2, e.u), **cl)
md("pa-tanh-paren-2u", r"(\tanh(2u))' = 2(1 - \tanh^2(2u))", T,
   lambda e: du(lambda h: tanh(2 * h.u), e), lambda e: 2 * (1 - tanh(2 * e.u) ** 2), **cl)
md("pa-sigma-second", r"(\sigma(u))'' = \sigma(u)(1 - \sigma(u))(1 - 2\sigma(u))", T,
   lambda e: d2(lambda h: sigmoid(h.u), e), lambda e: sigmoid(e.u) * (1 - sigmoid(e.u)) * (1 - 2 * sigmoid(e.u)), **cl)

# --- Hyperbolic and logistic identities true for every u: proved once written with e^u -------------
md("ex-sinh-plus-cosh", r"\sinh u + \cosh u = e^{u}", T, lambda e: sinh(e.u) + cosh(e.u), lambda e: exp(e.u), **cl)
md("ex-cosh-minus-sinh", r"\cosh u - \sinh u = e^{-u}", T, lambda e: cosh(e.u) - sinh(e.u), lambda e: exp(-e.u), **cl)
md("ex-cosh-minus-sinh-sign", r"\cosh u - \sinh u = e^{u}", F, lambda e: cosh(e.u) - sinh(e.u), lambda e: exp(e.u), **cl)
md("ex-tanh-neg-exp", r"\tanh u = \frac{1 - e^{-2u}}{1 + e^{-2u}}", T,
   lambda e: tanh(e.u), lambda e: (1 - exp(-2 * e.u)) / (1 + exp(-2 * e.u)), **cl)
md("ex-tanh-add", r"\tanh(u + v) = \frac{\tanh u + \tanh v}{1 + \tanh u \tanh v}", T,
   lambda e: tanh(e.u + e.v), lambda e: (tanh(e.u) + tanh(e.v)) / (1 + tanh(e.u) * tanh(e.v)), **cl)
md("ex-tanh-add-sign", r"\tanh(u + v) = \frac{\tanh u + \tanh v}{1 - \tanh u \tanh v}", F,
   lambda e: tanh(e.u + e.v), lambda e: div(tanh(e.u) + tanh(e.v), 1 - tanh(e.u) * tanh(e.v)), **cl)
md("ex-d-cosh-sq", r"\frac{d}{du} \cosh^2 u = \sinh(2u)", T, lambda e: du(lambda f: cosh(f.u) ** 2, e),
   lambda e: sinh(2 * e.u), **cl)
md("ex-sech-sq", r"\frac{1}{\cosh^2 u} = 1 - \tanh^2 u", T, lambda e: 1 / cosh(e.u) ** 2, lambda e: 1 - tanh(e.u) ** 2, **cl)
md("ex-cosh4-sinh4", r"\cosh^4 u - \sinh^4 u = \cosh(2u)", T, lambda e: cosh(e.u) ** 4 - sinh(e.u) ** 4,
   lambda e: cosh(2 * e.u), **cl)
md("ex-sinh2-over-cosh", r"\frac{\sinh(2u)}{\cosh u} = 2 \sinh u", T, lambda e: sinh(2 * e.u) / cosh(e.u),
   lambda e: 2 * sinh(e.u), **cl)
md("ex-sigma-tanh-half", r"\sigma(u) = \frac{1}{2} + \frac{1}{2} \tanh\left(\frac{u}{2}\right)", T,
   lambda e: sigmoid(e.u), lambda e: half + half * tanh(e.u / 2), **cl)
md("ex-sigma-tanh-whole", r"\sigma(u) = \frac{1}{2} + \frac{1}{2} \tanh(u)", F,
   lambda e: sigmoid(e.u), lambda e: half + half * tanh(e.u), **cl)
md("ex-d-log-cosh", r"\frac{d}{du} \ln \cosh u = \tanh u", T, lambda e: du(lambda f: log(cosh(f.u)), e),
   lambda e: tanh(e.u), **cl)
md("ex-d-log-cosh-sech", r"\frac{d}{du} \ln \cosh u = \frac{1}{\cosh u}", F, lambda e: du(lambda f: log(cosh(f.u)), e),
   lambda e: 1 / cosh(e.u), **cl)
md("ex-logit", r"\ln \sigma(u) - \ln(1 - \sigma(u)) = u", T, lambda e: log(sigmoid(e.u)) - log(1 - sigmoid(e.u)), U, **cl)
md("ex-logit-half", r"\ln \sigma(u) - \ln(1 - \sigma(u)) = \frac{u}{2}", F,
   lambda e: log(sigmoid(e.u)) - log(1 - sigmoid(e.u)), lambda e: e.u / 2, **cl)
md("ex-softplus-2u", r"\ln(1 + e^{2u}) = 2u + \ln(1 + e^{-2u})", T, lambda e: log(1 + exp(2 * e.u)),
   lambda e: 2 * e.u + log(1 + exp(-2 * e.u)), **cl)
md("ex-softplus-2u-half", r"\ln(1 + e^{2u}) = u + \ln(1 + e^{-2u})", F, lambda e: log(1 + exp(2 * e.u)),
   lambda e: e.u + log(1 + exp(-2 * e.u)), **cl)
md("ex-log-ratio", r"\ln\left(\frac{1 + e^{u}}{1 + e^{-u}}\right) = u", T,
   lambda e: log((1 + exp(e.u)) / (1 + exp(-e.u))), U, **cl)
md("ex-softplus-sigma", r"\operatorname{softplus}(u) = -\ln \sigma(-u)", T, lambda e: softplus(e.u),
   lambda e: -log(sigmoid(-e.u)), **cl)
md("ex-softplus-sigma-sign", r"\operatorname{softplus}(u) = -\ln \sigma(u)", F, lambda e: softplus(e.u),
   lambda e: -log(sigmoid(e.u)), **cl)
# Logarithms of products and powers hold where both sides are defined (the oracle skips the rest).
md("ex-ln-square-abs", r"\ln(u^2 + 2u + 1) = 2 \ln|u + 1|", T, lambda e: log((e.u + 1) ** 2),
   lambda e: 2 * log(absolute(e.u + 1)), **cl)
md("ex-ln-square-plus-one", r"\ln(u^2 + 1) = 2 \ln(u + 1)", F, lambda e: log(e.u ** 2 + 1),
   lambda e: 2 * log(e.u + 1), **cl)
md("ex-ln-cubic", r"\ln(u^3 - u) = \ln u + \ln(u - 1) + \ln(u + 1)", T, lambda e: log(e.u ** 3 - e.u),
   lambda e: log(e.u) + log(e.u - 1) + log(e.u + 1), **cl)
md("ex-ln-cubic-sign", r"\ln(u^3 + u) = \ln u + \ln(u - 1) + \ln(u + 1)", F, lambda e: log(e.u ** 3 + e.u),
   lambda e: log(e.u) + log(e.u - 1) + log(e.u + 1), **cl)

# --- Indicators of index (in)equalities and \nabla^2 of a function of one scalar -------------------
md("ind-pick", r"\sum_{j=1}^{N} \theta_j \mathbb{1}[j = k] = \theta_k", T,
   lambda e: S(1, e.N, lambda j: e.theta[j] * delta(j, e.k)), lambda e: e.theta[e.k], "k")
md("ind-pick-wrong", r"\sum_{j=1}^{N} \theta_j \mathbb{1}[j = k] = \sum_{j=1}^{N} \theta_j", F,
   lambda e: S(1, e.N, lambda j: e.theta[j] * delta(j, e.k)), lambda e: S(1, e.N, lambda j: e.theta[j]), "k")
md("ind-except", r"\sum_{j=1}^{N} x_j 1[j \neq k] = \sum_{j=1}^{N} x_j - x_k", T,
   lambda e: S(1, e.N, lambda j: e.x[j] * (1 - delta(j, e.k))), lambda e: S(1, e.N, lambda j: e.x[j]) - e.x[e.k], "k")
md("ind-except-wrong", r"\sum_{j=1}^{N} x_j 1[j \neq k] = \sum_{j=1}^{N} x_j + x_k", F,
   lambda e: S(1, e.N, lambda j: e.x[j] * (1 - delta(j, e.k))), lambda e: S(1, e.N, lambda j: e.x[j]) + e.x[e.k], "k")
md("ind-count", r"\sum_{j=1}^{N} \mathbb{I}(j = k) = 1", T, lambda e: S(1, e.N, lambda j: delta(j, e.k)), one, "k")
md("ind-count-distinct", r"\sum_{j=1}^{N} \mathbb{I}(j \neq k) = N", F,
   lambda e: S(1, e.N, lambda j: 1 - delta(j, e.k)), lambda e: e.N, "k")
md("ind-label", r"\sum_{k=1}^{N} \mathbf{1}\{y = k\} \theta_k = \theta_t", T,
   lambda e: S(1, e.N, lambda k: delta(e.t, k) * e.theta[k]), lambda e: e.theta[e.t], "t")
md("ind-label-wrong", r"\sum_{k=1}^{N} \mathbf{1}\{y = k\} \theta_k = \sum_{k=1}^{N} \theta_k", F,
   lambda e: S(1, e.N, lambda k: delta(e.t, k) * e.theta[k]), lambda e: S(1, e.N, lambda k: e.theta[k]), "t")
md("hs-cube", r"\nabla_u^2 \left(u^3 + 2u\right) = 6u", T, lambda e: d2(lambda f: f.u ** 3 + 2 * f.u, e),
   lambda e: 6 * e.u, **cl)
md("hs-cube-first", r"\nabla_u^2 \left(u^3 + 2u\right) = 3u^2 + 2", F, lambda e: d2(lambda f: f.u ** 3 + 2 * f.u, e),
   lambda e: 3 * e.u ** 2 + 2, **cl)
md("hs-tanh", r"\nabla^2 \tanh(u) = -2 \tanh(u) \left(1 - \tanh^2 u\right)", T, lambda e: d2(lambda f: tanh(f.u), e),
   lambda e: -2 * tanh(e.u) * (1 - tanh(e.u) ** 2), **cl)
md("hs-f", r"\nabla_u^2 f(u) = f''(u)", T, lambda e: d2(lambda h: Fx(h.u), e), lambda e: Fx2(e.u), **cl)
md("hs-f-prime", r"\nabla_u^2 f(u) = f'(u)", F, lambda e: d2(lambda h: Fx(h.u), e), lambda e: Fx1(e.u), **cl)
