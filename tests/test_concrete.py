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
