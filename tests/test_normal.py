"""The sum normal form and zero test: what it proves, and that it never proves a false identity."""

import sympy as sp

from derive.normal import evaluate_derivatives, exp_form, is_zero, normalize, rename_dummies
from derive.notation import index, scalar, size, summation, vector

N, H = size("N"), size("H")
i, j, k = index("i", N), index("j", N), index("k", N)
h = index("h", H)
x, W = vector("x"), vector("W")
c = scalar("c")


def zero(e, distinct=()):
    return is_zero(normalize(e, distinct))


def test_constant_factor_leaves_the_sum():
    assert zero(summation(sp.exp(x[j] + c), j) - sp.exp(c) * summation(sp.exp(x[j]), j))


def test_a_product_with_a_sum_inside_one_term_of_a_summand_is_distributed():
    # sum_j (delta_jk sum_l W_jl x_l + x_j (W_jk + W_kj)/2): the second term's halves are sums of their own
    l = index("l", N)
    e = summation(sp.KroneckerDelta(j, k) * summation(W[j, l] * x[l], l) + x[j] * (W[j, k] / 2 + W[k, j] / 2), j)
    assert zero(e - summation(W[k, l] * x[l], l) - summation(W[j, k] * x[j], j) / 2 - summation(W[k, j] * x[j], j) / 2)
    assert not zero(e - summation(W[k, l] * x[l], l) - summation(W[j, k] * x[j], j))


def test_dummy_names_do_not_matter():
    assert zero(summation(x[j] ** 2, j) - summation(x[k] ** 2, k))


def test_sums_interchange():
    e = summation(summation(W[j, h] * x[j], j), h) - summation(summation(W[j, h] * x[j], h), j)
    assert zero(e)


def test_product_of_sums_is_a_double_sum():
    assert zero(summation(x[j], j) ** 2 - summation(summation(x[j] * x[k], k), j))


def test_delta_collapses_a_sum_within_range():
    assert zero(summation(sp.KroneckerDelta(j, k) * sp.exp(x[j]), j) - sp.exp(x[k]))


def test_delta_of_distinct_indices_is_zero():
    assert zero(sp.KroneckerDelta(i, k) * x[i], distinct=[(i, k)])
    assert not zero(sp.KroneckerDelta(i, k) * x[i])


def test_delta_with_index_of_another_range_stays():
    # h runs over 1..H, j over 1..N: the delta cannot be collapsed, so nothing is proved.
    assert not zero(summation(sp.KroneckerDelta(j, h) * x[j], j) - x[h])


def test_sum_of_a_constant_counts_terms():
    assert zero(summation(c, j) - N * c)


def test_false_identities_are_not_zero():
    assert not zero(summation(x[j] ** 2, j) - summation(x[j], j) ** 2)
    assert not zero(sp.exp(x[i]) / summation(sp.exp(x[j]), j) - sp.exp(x[k]) / summation(sp.exp(x[j]), j))


def test_log_of_exp_and_quotients():
    S = summation(sp.exp(x[j]), j)
    assert zero(sp.log(sp.exp(x[i]) / S) - (x[i] - sp.log(S)))


def test_softmax_jacobian_both_cases():
    S = summation(sp.exp(x[j]), j)
    sm_i, sm_k = sp.exp(x[i]) / S, sp.exp(x[k]) / S
    J = evaluate_derivatives(rename_dummies(sp.Derivative(sm_i, x[k])))
    rhs = sm_i * (sp.KroneckerDelta(i, k) - sm_k)
    assert zero(J - rhs, distinct=[(i, k)])
    assert zero((J - rhs).xreplace({k: i}))


def test_rename_dummies_avoids_capture():
    e = summation(x[k], k) * x[k]
    renamed = rename_dummies(e)
    assert k in renamed.free_symbols
    assert zero(renamed - e)


def test_derivative_of_an_index_is_zero():
    # d/dx_k of sum_i delta_ik log x_i: SymPy's chain rule leaves d k / d x_k behind.
    e = evaluate_derivatives(rename_dummies(sp.Derivative(summation(sp.KroneckerDelta(i, k) * sp.log(x[i]), i), x[k])))
    assert not e.has(sp.Derivative)
    assert zero(e - 1 / x[k])
    assert not zero(e - 1 / x[i])


u, v = sp.Symbol("u", real=True), sp.Symbol("v", real=True)


def test_hyperbolic_functions_are_exponentials_in_exp_form():
    assert exp_form(sp.cosh(u) ** 2 - sp.sinh(u) ** 2 - 1).atoms(sp.Function) == {sp.exp(u), sp.exp(-u)}
    assert zero(exp_form(sp.cosh(u) ** 2 - sp.sinh(u) ** 2 - 1))
    assert zero(exp_form(sp.tanh(u) - (2 / (1 + sp.exp(-2 * u)) - 1)))
    assert zero(exp_form(sp.tanh(u + v) - (sp.tanh(u) + sp.tanh(v)) / (1 + sp.tanh(u) * sp.tanh(v))))
    assert not zero(exp_form(sp.cosh(u) ** 2 + sp.sinh(u) ** 2 - 1))
    assert not zero(exp_form(sp.tanh(u + v) - (sp.tanh(u) + sp.tanh(v)) / (1 - sp.tanh(u) * sp.tanh(v))))
    assert exp_form(x[j] + sp.exp(u)) == x[j] + sp.exp(u)


def test_logarithms_of_rational_functions_meet_as_logarithms_of_factors():
    softplus = lambda t: sp.log(1 + sp.exp(t))  # noqa: E731
    assert zero(softplus(u) - softplus(-u) - u)
    assert zero(sp.log(1 / (1 + sp.exp(-u))) - sp.log(1 - 1 / (1 + sp.exp(-u))) - u)
    assert zero(sp.log(u ** 3 - u) - sp.log(u) - sp.log(u - 1) - sp.log(u + 1))
    assert zero(sp.log(u ** 2 + 2 * u + 1) - 2 * sp.log(sp.Abs(u + 1)))
    assert not zero(softplus(u) + softplus(-u) - u)
    assert not zero(sp.log(u ** 2 + 1) - 2 * sp.log(u + 1))
    assert not zero(sp.log(u ** 3 + u) - sp.log(u) - sp.log(u - 1) - sp.log(u + 1))


def test_a_logarithm_with_a_huge_coefficient_is_left_whole():
    # e^2000 (1 + u) is not factored: the zero test says "not shown", quickly
    e = sp.log(sp.exp(u + 2000) + 1) - u - 2000
    assert not zero(e)
