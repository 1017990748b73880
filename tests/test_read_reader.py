"""The LaTeX reader: each construct the seeds use, read into the derive.notation vocabulary."""

from __future__ import annotations

import re

import pytest
import sympy as sp
from sympy import Idx

from derive.errors import FormulaError
from derive.notation import dsigmoid, sigmoid, softmax, vector
from derive.read.notation_file import default_notation, parse_notation
from derive.read.reader import Reader
from derive.read.values import col_index, entry_index, row_index

N = sp.Symbol("N", integer=True, positive=True)
x, theta, y, yhat = (vector(n) for n in ("x", "theta", "y", "yhat"))
i, j, k = (Idx(n, (1, N)) for n in "ijk")
P = entry_index(N)


@pytest.fixture(scope="module")
def read():
    reader = Reader(default_notation())
    return lambda text: reader.read(text)


@pytest.fixture(scope="module")
def read_scalar_x():
    extra, _ = parse_notation('scalars = ["x"]')
    reader = Reader(extra.over(default_notation()))
    return lambda text: reader.read(text).expr


def test_frac_sum_with_limits_and_indexed_exponentials(read):
    v = read(r"\frac{e^{x_i}}{\sum_{j=1}^N e^{x_j}}")
    assert v.expr == sp.exp(x[i]) / sp.Sum(sp.exp(x[j]), (j, 1, N))
    assert not v.is_vector


def test_sum_without_limits_takes_the_index_range(read):
    assert read(r"\sum_j x_j").expr == sp.Sum(x[j], (j, 1, N))


def test_sum_binds_a_letter_that_is_otherwise_a_scalar(read):
    c = Idx("c", (1, N))
    assert read(r"\sum_c e^{\theta_c}").expr == sp.Sum(sp.exp(theta[c]), (c, 1, N))


def test_sum_reaches_to_the_end_of_the_product_only(read):
    expr = read(r"\sum_j e^{x_j} e^c - 1").expr
    c = sp.Symbol("c", real=True)
    assert expr == sp.Sum(sp.exp(x[j]) * sp.exp(c), (j, 1, N)) - 1


def test_sum_except(read):
    assert read(r"\sum_{j \neq i} x_j").expr == sp.Sum(x[j], (j, 1, N)) - x[i]


@pytest.mark.parametrize("colon", [":", r"\,:\,", r"\colon"])
def test_a_sum_over_the_indices_where_an_order_holds_takes_the_summand_there(read, colon):
    expr = read(rf"\sum_{{i {colon} x_i > 0}} x_i^2").expr
    assert expr == sp.Sum(sp.Piecewise((1, x[i] > 0), (0, True)) * x[i] ** 2, (i, 1, N))
    assert read(rf"\sum_{{j {colon} j \neq k}} x_j").expr == read(r"\sum_{j \neq k} x_j").expr


@pytest.mark.parametrize("text, why", [
    (r"\sum_{i : c_i = k} x_i", "an equality holds"),
    (r"\sum_{i : \lambda > 0} x_i", "does not depend on i"),
    (r"\prod_{i : x_i > 0} x_i", "a product over the indices where a condition holds"),
    (r"x : y", "a colon is read only in a sum's subscript"),
])
def test_a_sum_over_a_condition_it_cannot_read_is_refused_saying_why(read, text, why):
    with pytest.raises(FormulaError, match=why):
        read(text)


def test_exp_log_ln_are_the_same_functions_however_written(read):
    assert read(r"\exp(x_i)").expr == read(r"e^{x_i}").expr == sp.exp(x[i])
    assert read(r"\log x_i").expr == read(r"\ln(x_i)").expr == read("log(x_i)").expr == sp.log(x[i])


def test_sigma_is_the_logistic_function_and_prime_its_derivative(read_scalar_x):
    xs = sp.Symbol("x", real=True)
    assert read_scalar_x(r"\sigma(x)") == sigmoid(xs)
    assert read_scalar_x(r"\sigma'(x)") == dsigmoid(xs)
    assert read_scalar_x(r"\left(\frac{1}{1+e^{-x}}\right)'") == sp.Derivative(1 / (1 + sp.exp(-xs)), xs)


@pytest.mark.parametrize("text", [r"\operatorname{softmax}(\theta)_k", r"\text{softmax}(\theta)_k",
                                  r"\mathrm{softmax}(\theta)_k", r"softmax(\theta)_k"])
def test_softmax_spellings(read, text):
    expr = read(text).expr
    assert isinstance(expr, softmax) and expr.args[1] == k
    assert expr.args[0].expr == theta[expr.args[0].variables[0]]


def test_hat_is_one_name_not_a_product(read):
    # sympy.parsing.latex reads \hat{y} as hat*y; here it is the declared vector y-hat.
    assert read(r"\hat{y}_i").expr == read(r"\hat{y_i}").expr == read(r"\hat y_i").expr == yhat[i]
    assert read(r"\widehat{y}_i").expr == yhat[i]


def test_braced_base_keeps_its_subscript(read):
    # sympy.parsing.latex reads {g}_{k} as g; here the subscript is kept.
    assert read(r"{x}_{k}").expr == x[k]
    assert read(r"\theta{_k}").expr == theta[k]


def test_bold_is_the_same_vector(read):
    assert read(r"\mathbf{x}_i").expr == read(r"\boldsymbol{x}_i").expr == x[i]


def test_unsubscripted_vector_is_read_entry_by_entry(read):
    v = read(r"\hat{y} - y")
    assert v.is_vector and v.expr == yhat[P] - y[P]


def test_partial_quotient_and_operator_forms(read):
    full = read(r"\frac{\partial \log \hat{y}_i}{\partial \theta_k}").expr
    op = read(r"\frac{\partial}{\partial \theta_k} \log \hat{y}_i").expr
    assert full == op == sp.Derivative(sp.log(yhat[i]), theta[k])


def test_d_dx_and_mathrm_d(read):
    expected = sp.Derivative(sp.exp(theta[i]), theta[j])
    assert read(r"\frac{d}{d\theta_j} e^{\theta_i}").expr == expected
    assert read(r"\frac{\mathrm{d}}{\mathrm{d}\theta_j} e^{\theta_i}").expr == expected


def test_gradient_with_respect_to_a_vector_is_a_vector(read):
    v = read(r"\nabla_{\theta} \operatorname{CE}(y, \hat{y})")
    assert v.is_vector and isinstance(v.expr, sp.Derivative) and v.expr.variables == (theta[P],)


def test_the_derivative_of_a_vector_by_a_vector_is_its_jacobian_and_diagonal_ones_have_the_entrywise_reading(read):
    v = read(r"\frac{\partial}{\partial \theta} \sigma(\theta)")
    row, col = row_index(N), col_index(N)
    assert v.is_matrix and v.expr == sp.Derivative(sigmoid(theta[row]), theta[col])
    # used where the chain's other terms are vectors: the derivative entry by entry, a convention
    alt = v.alternative
    assert alt.expr == sp.Derivative(sigmoid(theta[P]), theta[P])
    assert alt.conventions and "entry by entry" in alt.conventions[0]


def test_explicit_products_and_hadamard(read):
    c = sp.Symbol("c", real=True)
    assert read(r"e^{x_i} \cdot e^c").expr == read(r"e^{x_i} * e^c").expr == sp.exp(x[i]) * sp.exp(c)
    assert read(r"x \circ y").expr == x[P] * y[P]


def test_unary_minus_after_an_operator(read):
    assert read(r"x_i \cdot -x_j").expr == -x[i] * x[j]


def test_left_right_are_plain_brackets(read):
    assert read(r"\left(1 + x_i\right)^{2}").expr == (1 + x[i]) ** 2


def test_max_of_scalars(read_scalar_x):
    c, xs = sp.Symbol("c", real=True), sp.Symbol("x", real=True)
    assert read_scalar_x(r"\max(x, c)") == sp.Max(xs, c)


def test_decimal_numbers_are_exact(read):
    assert read("0.25").expr == sp.Rational(1, 4)


@pytest.mark.parametrize("text, reason", [
    (r"\sigma(x)(1 - \sigma(x))", "product of two vectors"),
    (r"\frac{\partial \text{sm}_i}{\partial x_k}", "the text 'sm'"),
    (r"g(\theta_i)", "the function g at a point"),
    (r"\theta_{i \neq k}", "condition in a subscript"),
    (r"(\hat{y} - y)^t", "contains an index"),
    (r"x^12", "write ^{12}"),
    (r"\log \hat{y}_i 2", "how far"),
    (r"\text{softmax(x+1)}_i", "text"),
    (r"\mathbf{1}", "write its size"),
    (r"\mathbf{2}", "vector of constants"),
    (r"x_1, \dots, x_N", "comma outside parentheses"),
    (r"a / b c", "how far /"),
    (r"x_i / x_j x_k", "how far /"),
    (r"\frac{\partial^2 x_i}{\partial x_j}", "does not match the variables"),
    (r"\nabla_{\theta} \operatorname{softmax}(\theta)", "write \\frac{\\partial f}{\\partial x} for the Jacobian"),
    (r"\sum_{x} x_j", "cannot be a sum's index"),
    (r"\operatorname{softmax}(\theta_1)", "softmax of a scalar"),
    (r"2^{100}", "beyond the limit"),
    (r"e^{e^{e^{e^{e^{x_1}}}}}", "nested more than"),
    (r"\frac{e^{x_i}}{", "ends too early"),
    (r"\unknowncommand x", "command \\unknowncommand is not read"),
])
def test_what_is_unclear_is_reported_not_guessed(read, text, reason):
    with pytest.raises(FormulaError, match=None) as info:
        read(text)
    assert reason in str(info.value)


def test_a_function_before_a_number_and_names_takes_their_product(read_scalar_x):
    xs = sp.Symbol("x", real=True)
    assert read_scalar_x(r"\sin 2x") == sp.sin(2 * xs)
    value = read_scalar_x(r"\log 2\pi t^2 + 1")
    t = next(iter(value.free_symbols))
    assert value == sp.log(2 * sp.pi * t ** 2) + 1
    assert read_scalar_x(r"\sin 2x \cos x") == sp.sin(2 * xs) * sp.cos(xs)  # (the next function ends it)
    assert read_scalar_x(r"\log 2 \cdot x") == sp.log(2) * xs  # (an explicit product does not)


@pytest.mark.parametrize("text", [r"\log 2x (1 + x)", r"\sin 2x \frac{1}{x}", r"\log x 2", r"\ln xy"])
def test_a_function_before_a_product_that_does_not_start_with_a_number_is_unclear(read_scalar_x, text):
    with pytest.raises(FormulaError, match="how far"):
        read_scalar_x(text)


def test_the_positive_part_of_a_bracket_is_the_max_with_0(read_scalar_x):
    xs = sp.Symbol("x", real=True)
    assert read_scalar_x(r"(x + 1)_+ - (x - 1)_+") == sp.Max(0, xs + 1) - sp.Max(0, xs - 1)
    assert read_scalar_x(r"\left[1 - x\right]_{+}^2") == sp.Max(0, 1 - xs) ** 2


def test_oversized_formula_fails_with_a_limit_message(read):
    with pytest.raises(FormulaError, match="beyond the limit"):
        read("x_1 + " * 200_000 + "x_1")


def test_deep_nesting_fails_with_a_limit_message(read):
    with pytest.raises(FormulaError, match="nested more than"):
        read("(" * 500 + "x_1" + ")" * 500)


def test_long_flat_sum_does_not_exhaust_the_stack(read):
    assert read(" + ".join(["x_1"] * 600)).expr == 600 * x[1]


def test_user_text_never_reaches_sympify(read):
    # A name that sympify would evaluate is text, or a function of its own, here.
    with pytest.raises(FormulaError, match="not read"):
        read(r"\text{exit}(1)")
    value = read(r"\operatorname{exit}(1)").expr
    assert isinstance(value.func, sp.core.function.UndefinedFunction) and value.args == (1,)


@pytest.mark.parametrize("text", ["c'", r"x_k'", r"\hat{y}'", r"\theta_k'"])
def test_a_prime_on_a_name_is_not_its_derivative_with_respect_to_itself(read, text):
    with pytest.raises(FormulaError, match="prime on the name"):
        read(text)


a, b, z = (sp.Symbol(n, real=True) for n in "abz")


@pytest.mark.parametrize("text, expected", [
    (r"(a+b)^2", (a + b) ** 2),
    (r"2ab", 2 * a * b),
    (r"\tanh(z)", sp.tanh(z)),
    (r"\tanh^2 z", sp.tanh(z) ** 2),
    (r"\cosh z + \sinh z", sp.cosh(z) + sp.sinh(z)),
    (r"\arctan z", sp.atan(z)),
    (r"\log \sigma(z)", sp.log(sigmoid(z))),
    (r"\log_2 8", sp.log(8) / sp.log(2)),
    (r"\ln\left(1 + e^{z}\right)", sp.log(1 + sp.exp(z))),
    (r"|z - a|", sp.Abs(z - a)),
    (r"\lvert a \rvert \lvert b \rvert", sp.Abs(a) * sp.Abs(b)),
    (r"|a||b|", sp.Abs(a) * sp.Abs(b)),
    (r"\min(a, b)", sp.Min(a, b)),
    (r"\max(a, b)", sp.Max(a, b)),
    (r"\operatorname{ReLU}(z)", sp.Max(0, z)),
    (r"\operatorname{softplus}(z)", sp.log(1 + sp.exp(z))),
    (r"\sigma'(2z)", dsigmoid(2 * z)),
    (r"\tanh'(z)", 1 - sp.tanh(z) ** 2),
    (r"\delta_{ij}", sp.KroneckerDelta(i, j)),
    (r"\prod_{k=1}^{3} (1 + a)", sp.Product(1 + a, (Idx("k", (1, 3)), 1, 3))),
    (r"\alpha \beta", sp.Symbol("alpha", real=True) * sp.Symbol("beta", real=True)),
    (r"a_1 + a_{2}", sp.Symbol("a_1", real=True) + sp.Symbol("a_2", real=True)),
    (r"\mathrm{loss}", sp.Symbol("loss", real=True)),
])
def test_ordinary_vocabulary(read, text, expected):
    assert read(text).expr == expected


@pytest.mark.parametrize("text, expected", [
    (r"\frac{d}{dz} z^3", sp.Derivative(z ** 3, z)),
    (r"\frac{\mathrm{d}}{\mathrm{d}z} z^3", sp.Derivative(z ** 3, z)),
    (r"\frac{d z^3}{d z}", sp.Derivative(z ** 3, z)),
    (r"\frac{d^2}{dz^2} z^3", sp.Derivative(z ** 3, (z, 2))),
    (r"\frac{d^2 z^3}{dz^2}", sp.Derivative(z ** 3, (z, 2))),
    (r"\frac{\partial^2}{\partial a \partial b} a^2 b", sp.Derivative(a ** 2 * b, a, b)),
    (r"\partial_z z^2", sp.Derivative(z ** 2, z)),
    (r"\frac{\partial}{\partial x_k} x_k^2", sp.Derivative(x[k] ** 2, x[k])),
])
def test_derivatives_in_the_common_notations(read, text, expected):
    assert read(text).expr == expected


def _summand(total: sp.Sum) -> sp.Expr:
    """The body of a one-index sum, at the index j."""
    (dummy,) = total.variables
    return total.function.xreplace({dummy: j})


def test_inner_products_and_norms(read):
    for text in (r"x^\top \hat{y}", r"x^T \hat{y}", r"x^{\mathsf{T}} \hat{y}", r"\langle x, \hat{y} \rangle"):
        total = read(text).expr
        assert isinstance(total, sp.Sum) and _summand(total) == x[j] * yhat[j]
    assert _summand(read(r"\|x\|_2^2").expr) == x[j] ** 2
    assert _summand(read(r"\|x\|^2").expr) == x[j] ** 2
    assert _summand(read(r"\|x\|_1").expr) == sp.Abs(x[j])


@pytest.mark.parametrize("text, reason", [
    (r"x^\top \hat{y}^\top", "a transposed vector times a transposed vector"),
    (r"z^T", "transpose of a scalar"),
    (r"\frac{dy}{dz}", "is a name, not a formula"),
    (r"\frac{\partial L}{\partial z}", "is a name, not a formula"),
    (r"|a|b|c|", "two ways"),
    (r"loss", "\\operatorname{loss}"),
    (r"\text{if}", "not read"),
    (r"\det(a)", "determinant of something that is not a matrix"),
    (r"\sin^{-1} z", "inverse function"),
    (r"f(z)", "write f \\cdot (...) for a product"),
    (r"a a_i", "both as a scalar and as a vector"),
    (r"\frac{d^3}{dz^2} z", "does not match"),
])
def test_unclear_vocabulary_is_refused_with_how_to_write_it(read, text, reason):
    with pytest.raises(FormulaError) as info:
        read(text)
    assert reason in str(info.value)


def test_a_declared_d_e_or_pi_is_a_clash_not_a_new_meaning():
    extra, _ = parse_notation('scalars = ["e", "\\\\pi"]\n[sizes]\nd = ["m"]\n')
    reader = Reader(extra.over(default_notation()))
    for text, both in [(r"\frac{d}{dz} z^2", "size"), (r"e^{z}", "Euler"), (r"\pi", "constant")]:
        with pytest.raises(FormulaError) as info:
            reader.read(text)
        assert "notation file" in str(info.value) and both in str(info.value)
    assert reader.read(r"\frac{\mathrm{d}}{\mathrm{d}z} z^2").expr == sp.Derivative(z ** 2, z)
    assert reader.read(r"\frac{d}{2}").expr == sp.Symbol("d", integer=True, positive=True) / 2


@pytest.mark.parametrize("text, reason", [
    ("b, c", "two equations in one display"),
    ("x!", "factorial"),
    ("a & b", "alignment mark"),
    (r"\frac{1}{", "ends too early"),
    ("a)", "closing parenthesis"),
    ("^2", "superscript with nothing before it"),
    ("a < b", "one equation per display"),
])
def test_parse_errors_name_the_construct_not_the_parser(read, text, reason):
    with pytest.raises(FormulaError) as info:
        read(text)
    assert reason in str(info.value)
    assert "column" not in str(info.value) and "unexpected" not in str(info.value)


def test_sums_with_a_lower_limit_and_an_excluded_index(read):
    assert read(r"\sum_{j=1, j\ne k}^{N} x_j").expr == sp.Sum(x[j], (j, 1, N)) - x[k]
    with pytest.raises(FormulaError, match="on its index"):
        read(r"\sum_{j=1, k \ne j} x_j")


@pytest.mark.parametrize("text, reason", [
    (r"\operatorname{erfcx}^2 x", "needs its argument in parentheses"),
    (r"\mathrm{erfcx}^2 x", "function or a name times the factor"),
    (r"\Delta c", "increment"),
])
def test_names_that_may_be_functions_or_increments_are_refused(read, text, reason):
    with pytest.raises(FormulaError) as info:
        read(text)
    assert reason in str(info.value)


def test_an_operator_name_is_a_function_nobody_defines(read):
    value = read(r"\operatorname{erfcx}^2(z)").expr
    assert value == sp.Function("erfcx", real=True)(z) ** 2


def test_the_reciprocal_trigonometric_and_hyperbolic_functions_are_read(read):
    assert read(r"\operatorname{sech}^2 z").expr == sp.sech(z) ** 2
    assert read(r"\coth(z) - \csc z").expr == sp.coth(z) - sp.csc(z)


def test_i_outside_a_subscript_is_not_a_real_number():
    reader = Reader(parse_notation("defaults = false")[0])
    with pytest.raises(FormulaError, match="imaginary unit"):
        reader.read(r"e^{i \pi}")
    assert reader.read(r"\sum_{i=1}^{3} i").expr.doit() == 6


M_ = sp.Symbol("M", integer=True, positive=True)


@pytest.fixture(scope="module")
def read_matrix():
    extra, _ = parse_notation('[sizes]\nM = ["a", "b"]\n[matrices]\nW = ["M", "N"]\n[vectors]\nh = "M"\n')
    reader = Reader(extra.over(default_notation()))
    return reader.read


def _at(value, index):
    """A vector value's entry at index (sums' dummies left as they are)."""
    return value.expr.xreplace({entry_index(value.size): index})


def test_a_matrix_times_a_vector_is_a_sum_over_its_columns(read_matrix):
    M = sp.Symbol("M", integer=True, positive=True)
    W = vector("W")
    a_ = Idx("a", (1, M))
    v = read_matrix(r"W x")
    assert v.size == M
    (total,) = [_at(v, a_)]
    (dummy,) = total.variables
    assert total.function.xreplace({dummy: j}) == W[a_, j] * x[j]
    t = read_matrix(r"W^\top h")
    assert t.size == N
    (dummy,) = _at(t, k).variables
    assert _at(t, k).function.xreplace({dummy: a_}) == W[a_, k] * vector("h")[a_]
    assert not read_matrix(r"h^\top W x").is_vector
    scaled = read_matrix(r"-2 W x")
    assert scaled.size == M and _same(scaled.expr, -2 * read_matrix(r"W x").expr)


def _same(a, b) -> bool:
    from derive.normal import is_zero, normalize, rename_dummies
    from derive.notation import unfold

    return is_zero(normalize(rename_dummies(unfold(sp.sympify(a) - sp.sympify(b)))))


@pytest.mark.parametrize("text, shapes", [
    (r"W h", ((M_, N), (M_, 1))),
    (r"W W", ((M_, N), (M_, N))),
    (r"W^2", ((M_, N), (M_, N))),
    (r"h^\top W^\top", ((1, M_), (N, M_))),
])
def test_matrix_products_that_do_not_fit_are_read_as_misfits_naming_both_shapes(read_matrix, text, shapes):
    value = read_matrix(text)
    assert value.misfit is not None and value.misfit.rule == "product" and value.misfit.shapes == shapes


@pytest.mark.parametrize("text, reason", [
    (r"x^\top W", "a length here is guessed"),  # x's length N is a default: never refuted on it
    (r"W W x", "a length here is guessed"),
    (r"\sigma(W)", "of a matrix is not read"),
    (r"h W", "a vector is a column"),
    (r"W h^\top", "times a transposed vector"),
    (r"W^{-1} h", "it is read only of a square one"),  # W is M x N
    (r"\sum_a h_a W", "not read"),
])
def test_matrix_products_derive_could_misread_are_refused(read_matrix, text, reason):
    with pytest.raises(FormulaError) as info:
        read_matrix(text)
    assert reason in str(info.value)


def test_a_matrix_on_its_own_is_a_term_with_two_axes(read_matrix):
    value = read_matrix("W")
    assert value.is_matrix and (value.size, value.cols) == (M_, N)
    assert value.expr == vector("W")[row_index(M_), col_index(N)]


def test_a_function_of_a_braced_parenthesis_then_a_power_is_the_power_of_the_function(read):
    # \log{\left(z\right)}^{2} is typeset as \log(z)^2: the square of the logarithm.
    assert read(r"\log{\left(z \right)}^{2}").expr == sp.log(z) ** 2
    assert read(r"\log(z)^2").expr == sp.log(z) ** 2
    assert read(r"\log z^2").expr == sp.log(z ** 2)


@pytest.mark.parametrize("text", [r"1[j = k]", r"\mathbb{1}[j = k]", r"\mathbf{1}\{j = k\}", r"\mathbb{I}(j = k)",
                                  r"\mathbb{1}_{j = k}", r"\mathbb 1 [j=k]", r"\mathds{1}\left[j = k\right]",
                                  r"\boldsymbol{1}\lbrace j = k \rbrace"])
def test_an_indicator_of_equal_indices_is_kroneckers_delta(read, text):
    assert read(text).expr == sp.KroneckerDelta(j, k)


def test_an_indicator_of_distinct_indices_is_one_less_the_delta(read):
    assert read(r"\mathbb{1}[j \neq k]").expr == 1 - sp.KroneckerDelta(j, k)
    assert read(r"\sum_{j=1}^N x_j 1[j \ne k]").expr == sp.Sum(x[j] * (1 - sp.KroneckerDelta(j, k)), (j, 1, N))


def test_the_indicator_of_a_one_hot_label_is_its_class(read):
    t = Idx("t", (1, N))
    assert read(r"\mathbf{1}\{y = k\}").expr == sp.KroneckerDelta(t, k)


def test_iversons_bracket_opening_a_product_is_an_indicator(read):
    assert read(r"[j = k] - x_k").expr == sp.KroneckerDelta(j, k) - x[k]
    assert read(r"x_j ([j \neq k] + 1)").expr.expand() == (x[j] * (2 - sp.KroneckerDelta(j, k))).expand()


@pytest.mark.parametrize("text, why", [
    (r"x[j = k]", "a relation in brackets is read only as an indicator's condition"),
    (r"[a = b] + 1", "a relation in brackets is read only as an indicator's condition"),
    (r"2(j = k)", "a relation in brackets is read only as an indicator's condition"),
    (r"\mathbb{1}[j < k]", "an indicator of an order between indices is not read"),
    (r"\mathbb{1}[a = b]", "the condition of an indicator is read only between indices"),
    (r"\mathbb{1}", "an indicator needs its condition"),
])
def test_what_is_not_an_indicator_is_refused_with_the_way_to_write_it(read, text, why):
    with pytest.raises(FormulaError, match=why.replace("[", r"\[")):
        read(text)


def test_the_ones_vector_is_not_taken_for_an_indicator(read):
    with pytest.raises(FormulaError) as caught:
        read(r"\mathbf{1} x")
    assert "indicator" not in str(caught.value)


def test_nabla_squared_is_the_second_derivative_in_one_scalar(read):
    u = sp.Symbol("u", real=True)
    assert sp.simplify(read(r"\nabla_u^2 \left(u^3\right)").expr.doit() - 6 * u) == 0
    assert sp.simplify(read(r"\nabla^2_u \tanh(u)").expr.doit() - sp.diff(sp.tanh(u), u, 2)) == 0
    assert sp.simplify(read(r"\nabla^2 (u^4)").expr.doit() - 12 * u ** 2) == 0


def test_nabla_squared_names_the_hessian_in_the_reading():
    reader = Reader(default_notation())
    text = r"\nabla_u^2 \left(u^3\right)"
    reader.read(text)
    (note,) = [r.text for r in reader.notes_by_text[text]]
    assert "Hessian" in note and "second derivative in $u$" in note and "not the Laplacian" in note
    assert [r.kind for r in reader.readings(set(), [text])] == ["default"]
    assert reader.readings(set(), [r"u^3"]) == ()


@pytest.mark.parametrize("text, why", [
    (r"\nabla^2 (u^2 v)", "its variable is unclear \\(the body depends on u, v\\)"),
    (r"\nabla_\theta^2 (2 \theta)", "read only of a number, by a column vector"),
    (r"\nabla^3 u", "only \\\\nabla\\^2"),
    (r"\nabla u", "needs the variable as a subscript"),
])
def test_a_hessian_that_is_not_read_says_why(read, text, why):
    with pytest.raises(FormulaError, match=why):
        read(text)


def test_the_hessian_by_a_vector_is_the_matrix_of_second_partials(read):
    value = read(r"\nabla_\theta^2 \sum_j \theta_j^2")
    assert value.is_matrix and value.size == N and value.cols == N
    p, q = row_index(N), col_index(N)
    # (the sums written out by hand: SymPy's Sum of KroneckerDelta products is not trusted here)
    summed = value.expr.doit(deep=False).replace(
        lambda e: isinstance(e, sp.Sum), lambda e: sp.Add(*[e.function.subs(e.limits[0][0], k) for k in (1, 2, 3)]))
    at = {(r, c): sp.simplify(summed.xreplace({p: r, q: c}).subs(N, 3).doit()) for r in (1, 2, 3) for c in (1, 2, 3)}
    assert at == {(r, c): 2 if r == c else 0 for r in (1, 2, 3) for c in (1, 2, 3)}


def _learned(*displays):
    """A Reader that has seen these displays (one term each, on lines 1, 2, ...)."""
    reader = Reader(default_notation())
    reader.learn([([(text, n)], []) for n, text in enumerate(displays, 1)])
    return reader


def test_a_name_with_a_label_subscript_used_as_a_vector_is_a_vector_of_its_own():
    reader = _learned(r"u_o^\top v_c", r"\|v_c\|^2")
    D = sp.Symbol("D", integer=True, positive=True)
    value = reader.read(r"u_o^\top v_c")
    (d,) = value.expr.variables
    assert value.expr == sp.Sum(vector("u_o")[d] * vector("v_c")[d], (d, 1, D))
    assert reader.read("v_c").size == D and reader.read("v_c").expr.base == vector("v_c")
    text, line = reader.inferred["v"]
    assert "$v_c$ is read as a vector of length $D$" in text and line == 1


def test_a_label_vector_with_a_second_index_takes_its_length():
    reader = _learned(r"\sum_{i=1}^{N} v_{c,i} u_{o,i}", r"u_o^\top v_c")
    assert reader.read(r"v_{c,i}").expr == vector("v_c")[i]
    assert reader.read("u_o").size == N


def test_a_label_bound_by_a_sum_is_the_row_of_its_family():
    reader = _learned(r"\sum_{w=1}^{N} \exp(u_w^\top v_c)")
    value = reader.read(r"\sum_{w=1}^{N} u_w^\top v_c")
    assert value.expr.atoms(sp.Indexed) & {a for a in value.expr.atoms(sp.Indexed) if a.base == vector("u")}
    assert all(len(a.indices) == 2 for a in value.expr.atoms(sp.Indexed) if a.base == vector("u"))


def test_a_label_that_a_sum_elsewhere_uses_as_an_entry_index_is_refused_citing_both_lines():
    reader = _learned(r"u_o^\top v_c", r"\sum_{c=1}^{N} \theta_c^2")
    with pytest.raises(FormulaError, match=r"v_c is a vector named v_c \(used as one on line 1\) or entry c of a "
                                           r"vector v \(c is the index of \\theta_c in a sum on line 2\)"):
        reader.read(r"u_o^\top v_c")
    assert reader.read(r"\|u_o\|^2").expr.has(vector("u_o"))


def test_a_subscripted_name_never_used_as_a_vector_stays_a_scalar_label():
    reader = _learned(r"a_o + b_c")
    value = reader.read(r"a_o b_c")
    assert not value.is_vector and value.expr == sp.Symbol("a_o", real=True) * sp.Symbol("b_c", real=True)


def test_two_indices_may_be_written_with_a_comma():
    extra, _ = parse_notation('[matrices]\nA = ["N", "N"]\n')
    reader = Reader(extra.over(default_notation()))
    A = vector("A")
    assert reader.read(r"\sum_j A_{i,j} x_j").expr == sp.Sum(A[i, j] * x[j], (j, 1, N))
    learned = Reader(default_notation())
    learned.learn([([(r"\sum_{j=1}^{N} B_{i,j} x_j", 1)], [])])
    assert learned.read(r"B_{i,j}").expr == vector("B")[i, j]


@pytest.mark.parametrize("text", [r"\frac{a, b}{c}", r"x^{a, b}"])
def test_a_pair_in_braces_is_read_only_as_a_subscript(read, text):
    with pytest.raises(FormulaError, match="read only as a subscript"):
        read(text)


def test_a_function_applied_to_a_name_all_set_as_text_is_that_application(read):
    entry, written = read(r"\text{softmax(x)}_i").expr, read(r"\operatorname{softmax}(x)_i").expr
    assert entry.func == written.func and entry.args[1] == written.args[1] == i
    assert entry.args[0](k) == written.args[0](k) == x[k]  # softmax of x, at i
    assert read(r"\mathrm{softmax(x)}").is_vector
    assert read(r"\text{log(t)}").expr == read(r"\log(t)").expr


@pytest.mark.parametrize("text, reason", [
    (r"\text{foo(x)}", "foo is not a function derive knows"),  # an unknown function stays text
    (r"\text{softmax(x + 1)}", "text 'softmax(x + 1)' in a formula"),  # only one name as the argument
    (r"\text{softmax of x}", "text 'softmax of x' in a formula"),
])
def test_text_that_is_not_one_known_function_of_one_name_is_refused(read, text, reason):
    with pytest.raises(FormulaError, match=reason.replace("(", r"\(").replace(")", r"\)").replace("+", r"\+")):
        read(text)


@pytest.mark.parametrize("text", [r"\overset{\text{ground truth}}{y_i} \log x_i", r"\underset{\text{label}}{y_i} \log x_i",
                                  r"\stackrel{\text{true}}{y_i} \log x_i"])
def test_a_note_set_above_or_below_a_term_is_not_read(read, text):
    assert read(text).expr == y[i] * sp.log(x[i])


def test_softmax_of_an_entry_with_its_vector_after_a_semicolon_is_that_entry(read):
    def shown(text):  # (the summation dummy is fresh each time)
        return re.sub(r"_s\d+", "_s", str(read(text).expr))

    assert shown(r"\text{softmax}(\theta_k; \theta)") == shown(r"\text{softmax}(\theta)_k") == shown(r"\text{softmax}(\theta_k, \theta)")
    with pytest.raises(FormulaError, match="only where a is entry k of U"):
        read(r"\text{softmax}(x_k; \theta)")
