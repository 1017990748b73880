"""The independent evaluation: sums as written, the real domain, derivatives by Taylor arithmetic."""

from fractions import Fraction

import mpmath
import pytest
import sympy as sp

from derive.evaluate import Arith, Evaluator, Undefined, Values, interval
from derive.notation import Definition, index, scalar, sigmoid, size, softmax, summation, vector

N = size("N")
i, j, k, t = (index(n, N) for n in "ijkt")
x, y, yhat = vector("x"), vector("y"), vector("yhat")
u, w = scalar("u"), scalar("w")
FAST = Arith(128, certified=False)


def value(expr, arith=FAST, labels=None, given=None, **kw):
    with arith:
        return Evaluator(arith, labels or {}, Values(given or {}), **kw).value(sp.sympify(expr))


def near(a, b, digits=30):
    return abs(mpmath.mpf(a) - mpmath.mpf(b)) <= mpmath.mpf(10) ** -digits * max(1, abs(mpmath.mpf(b)))


def test_sum_over_an_empty_range_is_zero_not_signed():
    j3 = sp.Idx("j", (3, N))
    assert value(sp.Sum(1, (j3, 3, N)), labels={N: 1}) == 0  # SymPy's convention would say -1
    assert value(sp.Sum(1, (j3, 3, N)), labels={N: 5}) == 3


def test_dependent_bounds_are_evaluated_where_they_stand():
    kj = index("k", j)
    tri = sp.Sum(x[kj], (kj, 1, j), (j, 1, N))
    given = {("a", x, (1,)): Fraction(1), ("a", x, (2,)): Fraction(10), ("a", x, (3,)): Fraction(100)}
    assert value(tri, labels={N: 3}, given=given) == 3 * 1 + 2 * 10 + 100


def test_a_dummy_named_like_the_hot_class_is_not_the_class():
    # sum_t y_t with y one-hot at t is 1: the dummy t ranges, the class t is fixed
    assert value(summation(y[t], t), labels={N: 4, t: 2}, onehot=((y, t),)) == 1


def test_definitions_are_looked_up_in_their_own_scope():
    d = Definition(yhat, (k,), softmax(sp.Lambda(j, x[j]), k))
    given = {("a", x, (n,)): Fraction(n) for n in (1, 2, 3)}
    total = value(summation(yhat[i], i), labels={N: 3}, given=given, definitions=(d,))
    assert near(total, 1)


def test_real_domain_makes_points_undefined():
    for expr, at in [(sp.sqrt(u), -1), (sp.log(u), 0), (1 / u, 0), (u ** sp.Rational(1, 3), -8)]:
        with pytest.raises(Undefined):
            value(expr, given={("s", u): Fraction(at)})


def test_derivatives_by_taylor_arithmetic():
    given = {("s", u): Fraction(1, 3)}
    s = 1 / (1 + mpmath.exp(-mpmath.mpf(1) / 3))
    assert near(value(sp.Derivative(sigmoid(u), u), given=given), s * (1 - s))
    # second and mixed derivatives
    assert near(value(sp.Derivative(sp.exp(u * w), u, w), given={("s", u): Fraction(1, 2), ("s", w): Fraction(2)}),
                (1 + 1) * mpmath.e)
    assert near(value(sp.Derivative(sp.log(u), (u, 3)), given={("s", u): Fraction(2)}), mpmath.mpf(2) / 8)
    assert near(value(sp.Derivative(sp.atan(u), (u, 2)), given={("s", u): Fraction(1)}), -mpmath.mpf(2) / 4)


def test_derivative_with_respect_to_an_entry_at_a_free_index():
    expr = sp.Derivative(summation(sp.exp(x[j]), j), x[k])
    given = {("a", x, (n,)): Fraction(n) for n in (1, 2, 3)}
    assert near(value(expr, labels={N: 3, k: 2}, given=given), mpmath.exp(2))


def test_a_derivative_that_does_not_exist_is_undefined():
    with pytest.raises(Undefined):
        value(sp.Derivative(sp.Abs(u), u), given={("s", u): Fraction(0)})
    with pytest.raises(Undefined):
        value(sp.Derivative(sp.sqrt(u), u), given={("s", u): Fraction(0)})
    assert value(sp.Derivative(sp.Abs(u), u), given={("s", u): Fraction(-2)}) == -1


def test_intervals_enclose_the_value_even_under_cancellation():
    expr = sp.Add(sp.exp(200 * u) + 1, -sp.exp(200 * u), evaluate=False)
    a = value(expr, arith=interval(1024), given={("s", u): Fraction(3)})
    assert a.a <= 1 <= a.b
    # at low precision the enclosure is honest about knowing nothing
    b = value(expr, arith=interval(64), given={("s", u): Fraction(3)})
    assert b.a <= 1 <= b.b and b.b - b.a > 1


def test_a_function_the_document_never_defines_is_one_fixed_smooth_function():
    g, h = sp.Function("g"), sp.Function("h")
    chain = sp.Derivative(g(h(u)), u)
    rule = sp.Derivative(g(h(u)), h(u)) * sp.Derivative(h(u), u)
    given = {("s", u): Fraction(3, 4)}
    assert near(value(chain, given=given), value(rule, given=given))
    assert not near(value(chain, given=given), value(sp.Derivative(g(u), u) * sp.Derivative(h(u), u), given=given))
