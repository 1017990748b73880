"""The referee: certified separations, and a cross-check that covers sizes and index cases."""

import random
from fractions import Fraction

import sympy as sp

from derive.evaluate import Claim
from derive.notation import index, scalar, size, summation, vector
from derive.referee import Referee

N = size("N")
i, j, k = (index(n, N) for n in "ijk")
x = vector("x")
u = scalar("u")


def test_certify_separates_only_what_differs():
    ref = Referee(Claim(sp.exp(u), 1 + u), (), ())
    assert ref.certify({}, {}, {("s", u): Fraction(0)}) is None  # equal at 0
    found = ref.certify({}, {}, {("s", u): Fraction(1)})
    assert found is not None and found.lhs.a > found.rhs.b


def test_certify_never_separates_where_a_side_is_undefined():
    ref = Referee(Claim(sp.log(u), 0), (), ())
    assert ref.certify({}, {}, {("s", u): Fraction(-1)}) is None


def test_certify_is_not_fooled_by_cancellation():
    # e^{300 u} + 1 - e^{300 u} = 1 exactly; at 53 bits the cancellation leaves no digit
    ref = Referee(Claim(sp.Add(sp.exp(300 * u) + 1, -sp.exp(300 * u), evaluate=False), 1), (), ())
    assert ref.certify({}, {}, {("s", u): Fraction(5)}) is None


def test_instances_cover_every_size_and_every_index_pattern():
    ref = Referee(Claim(x[i] * x[j], x[j] * x[i]), (N,), (i, j))
    seen = list(ref.instances(4, random.Random(0)))
    assert {s[N] for s, _ in seen} == {1, 2, 3, 4}
    for n in (2, 3, 4):
        patterns = {a[i] == a[j] for s, a in seen if s[N] == n}
        assert patterns == {True, False}


def test_cross_check_finds_a_wrong_identity():
    ref = Referee(Claim(summation(x[j] ** 2, j), summation(x[j], j) ** 2), (N,), ())
    result = ref.cross_check(4, random.Random(1), lambda: False)
    assert result.contradiction is not None
    sizes, _, _ = result.contradiction
    assert sizes[N] >= 2


def test_cross_check_agrees_on_a_true_identity():
    ref = Referee(Claim(summation(x[j] * x[k], j), x[k] * summation(x[i], i)), (N,), (k,))
    result = ref.cross_check(4, random.Random(2), lambda: False)
    assert result.contradiction is None and result.agreed >= 4


def test_a_point_the_certified_evaluation_cannot_read_is_never_an_agreement():
    """Sides apart at working precision agree only where the certified evaluation sees them equal: where it cannot
    evaluate them (here a condition in a name no point gives a value), the point says nothing, never "agrees"."""
    from derive.evaluate import Values

    m = sp.Symbol("M", integer=True)  # (a size the claim does not quantify over: no point gives it a value)
    ref = Referee(Claim(sp.Integer(42), sp.Rational(252, 5), domain=(sp.Ne(m + 1, 0),)), (), ())
    assert ref.agree({}, {}, Values(draw=lambda: Fraction(1, 3))) is None
    apart = Referee(Claim(sp.Integer(42), sp.Rational(252, 5)), (), ())
    assert apart.agree({}, {}, Values(draw=lambda: Fraction(1, 3))) is False
    same = Referee(Claim(sp.exp(u) ** 2, sp.exp(2 * u)), (), ())
    assert same.agree({}, {}, Values(draw=lambda: Fraction(1, 3))) is True
