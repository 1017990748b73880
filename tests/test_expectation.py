"""Expectations, variances and covariances: the engine (derive.read.expectation) against sympy.stats
and against sums over outcomes, and documents that give their random variables laws in their prose."""

from __future__ import annotations

import re

import pytest
import sympy as sp
from sympy import stats

from derive.errors import FormulaError
from derive.model import Verdict, checks_of
from derive.read import expectation as X
from derive.read.document import read_document
from derive.read.expectation import Law, Probability, covariance, expectation, variance
from derive.read.notation_file import default_notation
from derive.verify import Settings, verify_check

SETTINGS = Settings(timeout=20)
n = sp.Symbol("N", integer=True, positive=True)
i, j = sp.symbols("i j", integer=True)
mu, p, lam, a, b = sp.symbols("mu p lambda a b", real=True)
s = sp.Symbol("sigma", positive=True)
A, B, K, Y, Z = sp.symbols("A B K Y Z", real=True)
XS = sp.IndexedBase("X")


# --- the moments of each law, against sympy.stats at rational parameters ------------------------------

LAWS = [
    (Law("bernoulli", (sp.Rational(2, 7),), ""), stats.Bernoulli("t", sp.Rational(2, 7))),
    (Law("binomial", (sp.Integer(5), sp.Rational(1, 3)), ""), stats.Binomial("t", 5, sp.Rational(1, 3))),
    (Law("poisson", (sp.Rational(3, 2),), ""), stats.Poisson("t", sp.Rational(3, 2))),
    (Law("exponential", (sp.Rational(5, 3),), ""), stats.Exponential("t", sp.Rational(5, 3))),
    (Law("normal", (sp.Rational(-1, 2), sp.Rational(9, 4)), ""), stats.Normal("t", sp.Rational(-1, 2), sp.Rational(3, 2))),
    (Law("uniform", (sp.Rational(-1, 3), sp.Integer(2)), ""), stats.Uniform("t", sp.Rational(-1, 3), 2)),
    (Law("beta", (sp.Rational(3, 2), sp.Rational(5, 2)), ""), stats.Beta("t", sp.Rational(3, 2), sp.Rational(5, 2))),
    (Law("laplace", (sp.Rational(-2, 3), sp.Rational(5, 4)), ""), stats.Laplace("t", sp.Rational(-2, 3), sp.Rational(5, 4))),
    (Law("finite", (sp.Integer(-1), sp.Integer(0), sp.Integer(3)), ""),
     stats.FiniteRV("t", {-1: sp.Rational(1, 3), 0: sp.Rational(1, 3), 3: sp.Rational(1, 3)})),
]


@pytest.mark.parametrize("law,rv", LAWS, ids=[law.family for law, _ in LAWS])
def test_each_law_has_the_moments_sympy_stats_computes(law, rv):
    for k in range(1, 5):
        assert sp.simplify(law.moment(k, "t") - stats.E(rv ** k)) == 0, (law.family, k)


def test_a_generic_law_gives_its_first_two_moments_and_refuses_the_third():
    law = Law("generic", (mu, s ** 2), "with mean mu and variance sigma^2")
    assert law.moment(1, "X") == mu and sp.expand(law.moment(2, "X") - s ** 2 - mu ** 2) == 0
    with pytest.raises(FormulaError, match="moment of order 3"):
        law.moment(3, "X")


# --- expectations of formulas -------------------------------------------------------------------------


def _iid(**more) -> Probability:
    laws = {"X": Law("generic", (mu, s ** 2), "iid", indexed=True), **more}
    return Probability(laws=laws)


def test_sums_over_an_iid_family_split_by_which_indices_are_equal():
    prob = _iid()
    mean = sp.Sum(XS[i], (i, 1, n)) / n
    assert sp.simplify(expectation(mean, prob) - mu) == 0
    assert sp.simplify(variance(mean, prob) - s ** 2 / n) == 0
    spread = sp.Sum((XS[i] - mean) ** 2, (i, 1, n))
    assert sp.simplify(expectation(spread, prob) - (n - 1) * s ** 2) == 0
    fourth = sp.Sum(XS[i], (i, 1, n)) ** 3
    with pytest.raises(FormulaError):  # E[X^3] of a law given by its mean and variance only
        expectation(fourth, prob)


def test_a_sum_over_a_family_times_another_variable_needs_them_independent():
    prob = _iid(Y=Law("generic", (a, b ** 2), ""))
    with pytest.raises(FormulaError, match="does not say are independent"):
        expectation(sp.Sum(XS[i], (i, 1, n)) * Y, prob)
    prob.independent = {frozenset(("X", "Y"))}
    assert sp.simplify(expectation(sp.Sum(XS[i], (i, 1, n)) * Y, prob) - n * mu * a) == 0


def test_a_weighted_sum_keeps_its_weights():
    w = sp.IndexedBase("w")
    e = expectation(sp.Sum(w[i] * XS[i], (i, 1, n)), _iid())
    assert sp.expand((e - mu * sp.Sum(w[i], (i, 1, n))).subs(n, 3).doit()) == 0


def test_functions_of_variables_with_finitely_many_values_are_summed_over_them():
    prob = Probability(laws={"B": Law("bernoulli", (p,), ""), "A": Law("bernoulli", (a,), "")},
                       independent={frozenset(("A", "B"))})
    t = sp.Symbol("t", real=True)
    assert sp.simplify(expectation(sp.exp(t * B), prob) - (1 - p + p * sp.exp(t))) == 0
    assert sp.simplify(expectation(sp.log(2 + A) * B, prob) - p * ((1 - a) * sp.log(2) + a * sp.log(3))) == 0


def test_what_the_laws_do_not_determine_is_refused():
    prob = Probability(laws={"K": Law("poisson", (lam,), ""), "Y": Law("generic", (a, b ** 2), ""),
                             "Z": Law("generic", (mu, s ** 2), ""), "B": Law("bernoulli", (p,), "")})
    with pytest.raises(FormulaError, match="infinitely many values"):
        expectation(sp.log(1 + K), prob)
    with pytest.raises(FormulaError, match="not say are"):
        expectation(K * B, prob)  # never said independent
    with pytest.raises(FormulaError, match="not say are"):
        expectation(sp.exp(B * Y), prob)
    with pytest.raises(FormulaError):
        expectation(Y ** 2 * Z, prob)
    assert expectation(a + 1, prob) == a + 1  # a constant (the reader makes sure it is one)
    with pytest.raises(FormulaError, match="may be equal"):
        expectation(XS[i] * XS[j], _iid())  # X_i X_j: the same variable when i = j


def test_two_generic_variables_not_said_independent_have_a_covariance_of_their_own():
    prob = Probability(laws={"Y": Law("generic", (a, b ** 2), ""), "Z": Law("generic", (mu, s ** 2), "")})
    cov = X._covariance_symbol("Y", "Z")
    assert sp.expand(variance(Y + Z, prob) - (b ** 2 + s ** 2 + 2 * cov)) == 0
    assert sp.expand(covariance(Y, Z, prob) - cov) == 0
    independent = Probability(laws=prob.laws, independent={frozenset(("Y", "Z"))})
    assert sp.expand(variance(Y - Z, independent) - (b ** 2 + s ** 2)) == 0


def test_the_cross_check_catches_a_wrong_moment(monkeypatch):
    prob = Probability(laws={"K": Law("bernoulli", (p,), "")})
    original = X._Moments.moment

    def wrong(self, name, k):  # E[K^k] = p^k: right for k = 1 only
        value = original(self, name, k)
        return value ** k if self.given is None else value

    monkeypatch.setattr(X._Moments, "moment", wrong)
    assert expectation(K, prob) == p
    with pytest.raises(FormulaError, match="could not be confirmed"):
        expectation(K ** 2, prob)


# --- documents ---------------------------------------------------------------------------------------


def _checked(text: str) -> dict:
    d = read_document(text, "doc.md", default_notation())
    return {c.label: verify_check(c, SETTINGS) for c in checks_of(d)}


BERNOULLI = r"""Let $X$ be Bernoulli with success probability $p \in (0, 1)$.

$$
\mathbb{E}[X^2] = \mathbb{E}[X] = p
$$

$$
\operatorname{Var}(X) = \mathbb{E}[X^2] - \mathbb{E}[X]^2 = p(1 - p)
$$

Two slips: $\operatorname{Var}(X) = p(1-p)^2$ and $\operatorname{Var}(X) = \mathbb{E}[X]^2$. For a constant $t$,

$$
\mathbb{E}\big[e^{tX}\big] = 1 - p + p e^t
$$
"""


def test_a_bernoulli_variable_said_in_words():
    r = _checked(BERNOULLI)
    assert r["line 4"].verdict is Verdict.PROVED and r["line 8"].verdict is Verdict.PROVED
    assert r["line 11"].verdict is Verdict.REFUTED and r["line 11 (2)"].verdict is Verdict.REFUTED
    assert r["line 14"].verdict is Verdict.PROVED
    assert any("\\sim \\mathrm{Bernoulli}(p)" in x.text and x.line == 1 for x in r["line 4"].readings)
    # the counterexample keeps to what the prose says of p
    cx = r["line 11 (2)"].counterexample.describe()
    assert not re.search(r"p = [01](?![/.\d])", cx), cx


IID = r"""Let $X_1, \dots, X_n$ be i.i.d. with mean $\mu$ and variance $\sigma^2$, and let
$\bar{X} = \frac{1}{n} \sum_{i=1}^{n} X_i$.

$$\operatorname{Var}(\bar{X}) = \frac{1}{n^2} \sum_{i=1}^{n} \operatorname{Var}(X_i) = \frac{\sigma^2}{n}$$

$$\mathbb{E}\Big[ \sum_{i=1}^{n} (X_i - \bar{X})^2 \Big] = (n - 1) \sigma^2$$

The classic error is $\mathbb{E}[\bar{X}^2] = \mu^2$, and $\sqrt{\operatorname{Var}(\bar{X})} = \sigma / n$ forgets the root.
"""


def test_an_iid_sample_with_a_mean_and_a_variance():
    r = _checked(IID)
    assert r["line 4"].verdict is Verdict.PROVED and "every size" in r["line 4"].detail
    assert r["line 6"].verdict is Verdict.PROVED
    assert r["line 8"].verdict is Verdict.REFUTED and r["line 8 (2)"].verdict is Verdict.REFUTED
    # sigma is a standard deviation there, not the logistic function, and positive in the counterexample
    assert "σ = -" not in r["line 8 (2)"].counterexample.describe()


GENERIC = r"""For any two random variables $X$ and $Y$ with finite variances, and for constants $a, b$,

$$
\operatorname{Var}(a X + b Y) = a^2 \operatorname{Var}(X) + b^2 \operatorname{Var}(Y) + 2 a b \operatorname{Cov}(X, Y)
$$

and not $\operatorname{Var}(X - Y) = \operatorname{Var}(X) - \operatorname{Var}(Y)$.
"""


def test_two_variables_of_any_law_and_constants():
    r = _checked(GENERIC)
    assert r["line 4"].verdict is Verdict.PROVED
    refuted = r["line 7"]
    assert refuted.verdict is Verdict.REFUTED
    assert "Cov(X, Y)" in refuted.counterexample.describe()


def test_what_the_prose_does_not_make_random_or_fixed_is_refused():
    unsaid = _checked("Let $X \\sim \\operatorname{Poisson}(\\lambda)$.\n\n$$\n\\mathbb{E}[c X] = c \\lambda\n$$\n")
    assert unsaid["line 4"].verdict is Verdict.UNKNOWN and "random or" in unsaid["line 4"].detail
    said = _checked("Let $X \\sim \\operatorname{Poisson}(\\lambda)$, and $c$ is a constant.\n\n"
                    "$$\n\\mathbb{E}[c X^2] = c (\\lambda + \\lambda^2)\n$$\n")
    assert said["line 4"].verdict is Verdict.PROVED


@pytest.mark.parametrize("text,why", [
    # (no law for X, or c: of any law, so only a proof would stand)
    ("$$\n\\mathbb{E}[X] = \\mu\n$$\n", "law of the random variables"),
    ("Let $X \\sim \\mathcal{N}(\\mu, \\sigma^2)$.\n\n$$\n\\mathbb{E}[c] = c\n$$\n", "law of the random variables"),
    ("Let $X \\sim \\mathcal{N}(\\mu, \\sigma^2)$.\n\n$$\n\\mathbb{E}_q[X] = \\mu\n$$\n", "subscript"),
    ("Let $X \\sim \\mathcal{N}(\\mu, \\sigma^2)$ and $Y \\sim \\mathcal{N}(0, 1)$.\n\n$$\n\\mathbb{E}[X \\mid Y] = \\mu\n$$\n",
     "conditional"),
    ("Let $X \\sim \\mathcal{N}(\\mu, \\sigma^2)$ and $Y \\sim \\mathcal{N}(0, 1)$.\n\n$$\n\\mathbb{E}[X Y] = 0\n$$\n",
     "not say are"),
])
def test_expectations_that_are_not_read_say_why(text, why):
    (result,) = _checked(text).values()
    assert result.verdict is Verdict.UNKNOWN and why in result.detail


def test_a_law_said_after_the_display_and_a_normal_law_in_symbols():
    r = _checked("$$\n\\mathbb{E}[X^2] = \\mu^2 + \\sigma^2\n$$\n\nwhere $X \\sim \\mathcal{N}(\\mu, \\sigma^2)$.\n\n"
                 "$$\n\\mathbb{E}[X^3] = \\mu^3 + \\sigma^3\n$$\n")
    assert r["line 2"].verdict is Verdict.PROVED
    assert r["line 8"].verdict is Verdict.REFUTED


def test_a_name_the_prose_makes_random_without_a_law_is_never_a_constant_inside():
    r = _checked("Let $z \\in \\{0, 1\\}$ be random, and $X \\sim \\mathrm{Bernoulli}(p)$.\n\n"
                 "$$\n\\mathbb{E}[f(z)] = f(z)\n$$\n\n$$\n\\mathbb{E}[z X] = z p\n$$\n")
    for result in r.values():
        assert result.verdict is Verdict.UNKNOWN
        assert "random or" in result.detail or "gives no random variable a law" in result.detail


def test_a_law_named_in_symbols_after_is_a():
    r = _checked("Let $K$ be a $\\operatorname{Poisson}(\\lambda)$ random variable.\n\n"
                 "$$\n\\mathbb{E}[K^2] = \\lambda + \\lambda^2\n$$\n\n$$\n\\mathbb{E}[K^2] = \\lambda^2\n$$\n")
    assert r["line 4"].verdict is Verdict.PROVED and r["line 8"].verdict is Verdict.REFUTED


def test_beta_and_laplace_laws_in_symbols():
    r = _checked("Let $\\theta \\sim \\mathrm{Beta}(a, b)$ and $Y \\sim \\operatorname{Laplace}(m, s)$. Then "
                 "$\\mathbb{E}[\\theta] = \\frac{a}{a + b}$, $\\operatorname{Var}(\\theta) = \\frac{ab}{(a+b)^2}$, "
                 "$\\operatorname{Var}(Y) = 2s^2$ and $\\operatorname{Var}(Y) = s^2$.\n")
    assert [v.verdict for v in r.values()] == [Verdict.PROVED, Verdict.REFUTED, Verdict.PROVED, Verdict.REFUTED]
    assert any("\\theta \\sim \\mathrm{Beta}(a, b)" in g.text for g in r["line 1"].readings)


def test_a_variable_uniform_on_a_finite_set():
    r = _checked("Let $X$ be uniform on $\\{0, 2\\}$. Then $\\mathbb{E}[X^2] = 2$, $\\mathbb{E}[X^4] = 4$ and "
                 "$\\mathbb{E}[e^X] = \\frac{1 + e^2}{2}$.\n")
    assert [v.verdict for v in r.values()] == [Verdict.PROVED, Verdict.REFUTED, Verdict.PROVED]
    assert any("uniform on" in g.text for g in r["line 1"].readings)


def test_a_law_said_with_words_between_the_variables_and_their_moments():
    """"are independent with the same law, mean ... and variance ...", "independent and each uniform on {1, ..., 6}":
    the law is read where only the words of a frame stand between the variables and it."""
    r = _checked("Setting: $X_1, \\dots, X_n$ are independent with the same law, mean $\\mu$ and variance $\\sigma^2$. "
                 "Then $\\operatorname{Var}\\big(\\sum_{i=1}^{n} X_i\\big) = n \\sigma^2$ and not "
                 "$\\operatorname{Var}\\big(\\sum_{i=1}^{n} X_i\\big) = n^2 \\sigma^2$.\n")
    assert [v.verdict for v in r.values()] == [Verdict.PROVED, Verdict.REFUTED]
    dice = _checked("Roll two fair dice, $X$ and $Y$, independent and each uniform on $\\{1, \\dots, 6\\}$. "
                    "Then $\\mathbb{E}[X + Y] = 7$, $\\operatorname{Var}(X + Y) = \\frac{35}{6}$ and not "
                    "$\\operatorname{Var}(X + Y) = \\frac{35}{12}$.\n")
    assert [v.verdict for v in dice.values()] == [Verdict.PROVED, Verdict.PROVED, Verdict.REFUTED]
    assert any("uniform on" in g.text for g in dice["line 1"].readings)


def test_no_law_is_read_across_other_words_or_for_a_family_not_said_independent():
    # (a formula between the variables and the moments, or members never said independent: no law, nothing decided)
    r = _checked("Let $Y = 2 X$ where $X$ has mean $\\mu$ and variance $1$. Then $\\mathbb{E}[Y] = 2 \\mu$.\n")
    assert all(v.verdict is not Verdict.REFUTED for v in r.values())
    r = _checked("The draws $X_1, \\dots, X_n$ have the same law, mean $\\mu$ and variance $\\sigma^2$. Then "
                 "$\\operatorname{Var}\\big(\\sum_{i=1}^{n} X_i\\big) = n \\sigma^2$.\n")
    assert [v.verdict for v in r.values()] == [Verdict.UNKNOWN]


ATTENTION = r"""A query $q \in \mathbb{R}^d$ and a key $k \in \mathbb{R}^d$ have independent entries
$q_1, \dots, q_d, k_1, \dots, k_d$, each with mean $0$ and variance $1$. The score is $s = \sum_{i=1}^{d} q_i k_i$.

$$
\operatorname{Var}(s) = d, \qquad \operatorname{Var}\Big(\frac{s}{\sqrt{d}}\Big) = 1
$$

and not $\operatorname{Var}(s) = d^2$, nor $\mathbb{E}\big[(\sum_{i=1}^{d} q_i k_i)^2\big] = d^2$.
"""


def test_a_sum_over_the_members_of_two_independent_families_at_once():
    r = _checked(ATTENTION)
    verdicts = [v.verdict for v in r.values() if "definition" not in v.detail]
    assert verdicts == [Verdict.PROVED, Verdict.PROVED, Verdict.REFUTED, Verdict.REFUTED], [v.detail for v in r.values()]


def test_shared_sums_split_by_which_indices_are_equal():
    """E[(sum_i X_i Y_i)^2] = n E[X^2] E[Y^2] + n (n - 1) E[X]^2 E[Y]^2, X and Y independent i.i.d. families."""
    Y = sp.IndexedBase("Y")
    prob = Probability(laws={"X": Law("generic", (mu, s ** 2), "", indexed=True),
                             "Y": Law("generic", (a, b ** 2), "", indexed=True)},
                       independent={frozenset(("X", "Y"))})
    e = expectation(sp.Sum(XS[i] * Y[i], (i, 1, n)) ** 2, prob)
    want = n * (s ** 2 + mu ** 2) * (b ** 2 + a ** 2) + n * (n - 1) * mu ** 2 * a ** 2
    assert sp.simplify(e - want) == 0
    prob.independent = set()
    with pytest.raises(FormulaError, match="does not say are independent"):
        expectation(sp.Sum(XS[i] * Y[i], (i, 1, n)), prob)


@pytest.mark.parametrize("law,rv", [LAWS[1], LAWS[2], LAWS[4]], ids=["binomial", "poisson", "normal"])
def test_the_generating_function_of_a_law_is_the_one_sympy_stats_computes(law, rv):
    x = sp.Symbol("Y", real=True)
    prob = Probability(laws={"Y": law})
    for a in (sp.Rational(1, 2), sp.Integer(-2)):
        got = expectation(sp.exp(a * x + 3), prob)
        assert abs(sp.N(got - sp.E ** 3 * stats.E(sp.exp(a * rv)), 30)) < 1e-25, (law.family, a)


def test_a_moment_generating_function_said_for_every_real_t():
    text = ("Let $X \\sim \\mathcal{N}(\\mu, \\sigma^2)$ with $\\sigma > 0$ and $Y \\sim \\operatorname{Poisson}(\\lambda)$. "
            "For every real $t$,\n$$\n\\mathbb{E}\\big[e^{tX}\\big] = \\exp\\Big(\\mu t + \\frac{\\sigma^2 t^2}{2}\\Big), "
            "\\qquad \\mathbb{E}\\big[e^{tY}\\big] = e^{\\lambda (e^t - 1)}\n$$\nand not "
            "$\\mathbb{E}[e^{tX}] = e^{\\mu t + \\sigma^2 t^2}$. Define $M(s) = \\mathbb{E}[e^{s X}]$; then $M'(0) = \\mu$ "
            "and $M''(0) = \\sigma^2$.\n")
    r = [v.verdict for v in _checked(text).values() if "definition of" not in v.detail]
    # (M''(0) is sigma^2 + mu^2: the slip is refuted; s is M's argument, a number inside the expectation)
    assert r == [Verdict.PROVED, Verdict.PROVED, Verdict.REFUTED, Verdict.PROVED, Verdict.REFUTED]


def test_probabilities_of_events_of_variables_with_finitely_many_values():
    r = _checked("Roll two fair dice, $X$ and $Y$, independent and each uniform on $\\{1, \\dots, 6\\}$, and let "
                 "$S = X + Y$. Then $P(S = 7) = \\frac{1}{6}$, $\\Pr(S \\le 4) = \\frac{1}{6}$, $\\mathbb{P}(X = Y) = "
                 "\\frac{1}{6}$, and not $P(S = 8) = \\frac{1}{6}$; $P(S = s) = \\frac{6 - |s - 7|}{36}$ holds only for the s "
                 "the words give.\n")
    verdicts = [v.verdict for v in r.values() if "definition of" not in v.detail]
    assert verdicts == [Verdict.PROVED, Verdict.PROVED, Verdict.PROVED, Verdict.REFUTED, Verdict.UNKNOWN]


def test_the_probability_formulas_of_laws_with_infinitely_many_values():
    r = _checked("Let $K \\sim \\operatorname{Poisson}(\\lambda)$, $B \\sim \\operatorname{Bin}(5, q)$ and "
                 "$T \\sim \\operatorname{Exp}(\\lambda)$. Then $P(K = 2) = \\frac{\\lambda^2}{2} e^{-\\lambda}$, "
                 "$P(B = 5) = q^5$, $P(T > 3) = e^{-3 \\lambda}$, and not $P(T \\le 3) = e^{-3 \\lambda}$. For a normal "
                 "$Z \\sim \\mathcal{N}(0, 1)$, $P(Z > 0) = \\frac{1}{2}$ is not read.\n")
    verdicts = [v.verdict for v in r.values()]
    assert verdicts == [Verdict.PROVED, Verdict.PROVED, Verdict.PROVED, Verdict.REFUTED, Verdict.UNKNOWN]


@pytest.mark.parametrize("law,rv,c", [(LAWS[1][0], LAWS[1][1], 2), (LAWS[2][0], LAWS[2][1], 3)],
                         ids=["binomial", "poisson"])
def test_a_probability_mass_is_the_one_sympy_stats_computes(law, rv, c):
    from derive.read.random_variables import _law_probability
    x = sp.Symbol("K", real=True)
    got = _law_probability(x, "=", sp.Integer(c), Probability(laws={"K": law}))
    assert sp.simplify(got - stats.P(sp.Eq(rv, c))) == 0


def test_a_member_beside_a_sum_over_its_family():
    """E[X_i sum_j X_j] = E[X^2] + (n - 1) E[X]^2: the summed index is i or one of the n - 1 others."""
    prob = _iid()
    ii = sp.Idx("i", (1, n))
    j = sp.Symbol("j", integer=True)
    got = expectation(XS[ii] * sp.Sum(XS[j], (j, 1, n)), prob)
    assert sp.simplify(got - (s ** 2 + mu ** 2 + (n - 1) * mu ** 2)) == 0
    mean = sp.Sum(XS[j], (j, 1, n)) / n
    assert sp.simplify(covariance(XS[ii], mean, prob) - s ** 2 / n) == 0
    assert sp.simplify(variance(XS[ii] - mean, prob) - s ** 2 * (n - 1) / n) == 0
    other = sp.Idx("k", (0, n))  # (an index of another range: not read)
    with pytest.raises(FormulaError):
        expectation(XS[other] * sp.Sum(XS[j], (j, 1, n)), prob)


def test_variables_of_no_given_law_are_of_any_law_and_only_proofs_stand():
    """A document that gives no law: what holds for every law is proved (each moment a number of its own); what
    fails for some law may hold for the law its words give, so it is never refuted."""
    r = _checked("With constants $a, b$:\n\n$$\n\\operatorname{Var}(X) = \\mathbb{E}[X(X - 1)] + \\mathbb{E}[X] - "
                 "\\mathbb{E}[X]^2\n$$\n\n$$\n\\operatorname{Var}(X) = \\mathbb{E}[X(X - 1)] - \\mathbb{E}[X]^2\n$$\n\n"
                 "$$\n\\operatorname{Var}(a X + b) = a^2 \\operatorname{Var}(X), \\qquad \\operatorname{Cov}(X + Y, X - Y) = "
                 "\\operatorname{Var}(X) - \\operatorname{Var}(Y)\n$$\n\n$$\n\\mathbb{E}[X Y] = \\mathbb{E}[X] \\mathbb{E}[Y]"
                 ", \\qquad \\operatorname{Var}(X + Y) = \\operatorname{Var}(X) + \\operatorname{Var}(Y)\n$$\n")
    verdicts = [v.verdict for v in r.values()]
    assert verdicts == [Verdict.PROVED, Verdict.UNKNOWN, Verdict.PROVED, Verdict.PROVED, Verdict.UNKNOWN,
                        Verdict.UNKNOWN]
    assert any("of any law" in g.text for g in r["line 4"].readings)
    with pytest.raises(FormulaError, match="not a polynomial"):
        X.free_expectation(sp.log(1 + a ** 2), [a])


def test_sides_that_differ_by_no_moment_are_refuted_under_every_law():
    """Cov(aX + b, cY + d) = ac Cov(X, Y) + bd: whatever the law, the sides differ by bd, so the refutation needs no law
    the words may give; a difference that holds a moment (Var(X + Y) without the covariance) is still never refuted."""
    r = _checked("Let $a, b, c, d$ be constants.\n\n$$\n\\operatorname{Cov}(aX + b, cY + d) = ac \\operatorname{Cov}(X, Y)"
                 " + bd\n$$\n\n$$\n\\mathbb{E}[aX + b] = a\\,\\mathbb{E}[X]\n$$\n\n$$\n\\operatorname{Var}(X + Y) = "
                 "\\operatorname{Var}(X) + \\operatorname{Var}(Y)\n$$\n\n$$\n\\operatorname{Var}(aX + b) = a^2 "
                 "\\operatorname{Var}(X) + b\n$$\n")
    assert [v.verdict for v in r.values()] == [Verdict.REFUTED, Verdict.REFUTED, Verdict.UNKNOWN, Verdict.REFUTED]
    first = r["line 4"]
    assert {"b", "d"} <= {str(k) for k in first.counterexample.values}
    assert any("same under every law" in g.text for g in first.readings)
    assert "law of the random variables" in r["line 12"].detail


def test_moments_of_any_law_are_checked_against_a_law_of_three_values():
    x, y = sp.symbols("x y", real=True)
    e = X.free_expectation((2 * x - y + a) ** 2, [x, y])
    m = X.moment_symbol
    want = 4 * m(x ** 2) - 4 * m(x * y) + m(y ** 2) + 4 * a * m(x) - 2 * a * m(y) + a ** 2
    assert sp.expand(e - want) == 0
