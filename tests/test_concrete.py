"""Parameters of a claim: an index that appears only as a differentiation variable is still free."""

import sympy as sp

from derive import concrete as C
from derive.model import Verdict
from derive.notation import index, size, summation, vector
from derive.verify import Settings, verify_check

N = size("N")
j, k = index("j", N), index("k", N)
x = vector("x")


def test_derivative_variable_index_is_a_parameter():
    params = C.parameters_of(sp.Derivative(sp.exp(x[j]), x[k]), sp.exp(x[j]))
    assert params.indices == (j, k)


def test_summation_still_binds_its_index_inside_a_derivative():
    found = C.free_symbols(summation(sp.Derivative(sp.exp(x[j]), x[j]), j) + sp.Derivative(x[j], x[k]))
    assert k in found and j in found
    assert C.free_symbols(summation(sp.Derivative(sp.exp(x[j]), x[j]), j)) & {j, k} == set()


def test_cancelling_derivatives_keep_their_variables():
    e = sp.Derivative(x[j], x[k]) - sp.Derivative(summation(x[j], j), x[k])
    assert k in C.free_symbols(e)


def test_false_derivative_claim_is_refuted_not_unknown(check_of):
    r = verify_check(check_of(sp.Derivative(sp.exp(x[j]), x[k]), sp.exp(x[j]), expect="refuted"),
                     Settings(timeout=20))
    assert r.verdict is Verdict.REFUTED
    assert r.counterexample.sizes == {"N": 2}
    assert r.counterexample.indices["j"] != r.counterexample.indices["k"]


def test_written_out_sums_agree_with_sympy_doit():
    W = vector("W")
    m = index("m", N)
    expr = sp.Derivative(summation(x[j] * summation(W[j, m] * sp.exp(x[m]), m), j), x[k]) \
        + summation(sp.KroneckerDelta(j, k), j)
    fast = C.instantiate(expr, {N: 3}, {k: 2})
    slow = expr.xreplace({k: 2}).xreplace({N: 3}).doit()
    assert not fast.has(sp.Sum, sp.Derivative)
    assert sp.expand(fast - slow) == 0


def test_an_inner_range_may_depend_on_the_outer_index():
    W = vector("W")
    m = sp.Idx("m", (1, j))
    expr = sp.Derivative(summation(x[j] * sp.Sum(W[j, m] * sp.exp(x[m]), (m, 1, j)), j), x[k])
    e = sp.exp
    expected = W[2, 1] * e(x[1]) + W[2, 2] * e(x[2]) + (x[2] * W[2, 2] + x[3] * W[3, 2]) * e(x[2])
    assert sp.expand(C.instantiate(expr, {N: 3}, {k: 2}) - expected) == 0


def test_a_sum_over_a_plain_symbol_is_written_out_term_by_term():
    n = sp.Symbol("n", integer=True)
    expr = sp.Sum(x[n] * sp.exp(x[n]), (n, 1, N))
    written = C.instantiate(expr, {N: 3}, {})
    assert sp.expand(written - sum(x[v] * sp.exp(x[v]) for v in (1, 2, 3))) == 0
