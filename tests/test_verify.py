"""Every verdict tier on small true and false identities."""

import time

import pytest
import sympy as sp

from derive.model import Assumptions, Axis, Verdict
from derive.notation import index, scalar, sigmoid, size, sum_except, summation, vector
from derive.errors import StageTimeout
from derive.verify import Settings, verify_check

N = size("N")
i, j, k, t = index("i", N), index("j", N), index("k", N), index("t", N)
x, y = vector("x"), vector("y")
c, u = scalar("c"), scalar("u")
FAST = Settings(timeout=20)


def test_true_identity_is_proved_for_all_N(check_of):
    r = verify_check(check_of(sp.exp(x[i]) / summation(sp.exp(x[j]), j),
                              sp.exp(x[i] + c) / summation(sp.exp(x[j] + c), j)), FAST)
    assert r.verdict is Verdict.PROVED
    assert r.tier == "proved for all N"
    assert "cross-checked as read at" in r.detail


def test_sigmoid_derivative_proved_from_the_definition(check_of):
    r = verify_check(check_of(sp.Derivative(sigmoid(u), u), sigmoid(u) * (1 - sigmoid(u))), FAST)
    assert r.verdict is Verdict.PROVED


def test_wrong_index_is_refuted_with_smallest_counterexample(check_of):
    S = summation(sp.exp(x[j]), j)
    r = verify_check(check_of(sp.Derivative(sp.exp(x[i]) / S, x[k]),
                              sp.exp(x[i]) / S * (sp.KroneckerDelta(i, k) - sp.exp(x[i]) / S)), FAST)
    assert r.verdict is Verdict.REFUTED
    cx = r.counterexample
    assert cx.sizes == {"N": 2}
    assert cx.indices["i"] != cx.indices["k"]
    assert set(cx.values) == {"x"}
    assert cx.lhs != cx.rhs


def test_false_only_from_N_3_is_refuted_at_N_3(check_of):
    # (sum x)^3 - 3 (sum x)(sum x^2) + 2 sum x^3 = 6 e_3(x): zero for N <= 2, not for N = 3.
    s1, s2, s3 = (summation(x[j] ** p, j) for p in (1, 2, 3))
    r = verify_check(check_of(s1 ** 3 - 3 * s1 * s2 + 2 * s3, 0), FAST)
    assert r.verdict is Verdict.REFUTED
    assert r.counterexample.sizes == {"N": 3}


def test_polynomial_sum_of_the_index_is_proved_in_closed_form(check_of):
    r = verify_check(check_of(summation(j, j), N * (N + 1) / 2), FAST)
    assert r.verdict is Verdict.PROVED


def test_identity_beyond_the_normal_form_is_proved_only_up_to_K(check_of):
    # Exchanging a triangular double sum needs more than the normal form knows.
    kj = index("k", j)
    lhs = sp.Sum(x[kj], (kj, 1, j), (j, 1, N))
    rhs = summation((N - k + 1) * x[k], k)
    r = verify_check(check_of(lhs, rhs), FAST)
    assert r.verdict is Verdict.BOUNDED
    assert r.bound == FAST.max_size
    assert r.tier == f"proved for N = 1..{FAST.max_size}"


def test_identity_beyond_the_zero_test_is_numeric_only(check_of):
    r = verify_check(check_of(sp.atan(u) + sp.atan(1 / u), sp.pi / 2 * sp.sign(u)), FAST)
    assert r.verdict is Verdict.NUMERIC
    assert "random points" in r.detail


def test_trigonometric_identities_are_proved_with_complex_exponentials(check_of):
    assert verify_check(check_of(sp.sin(u) ** 2 + sp.cos(u) ** 2, 1), FAST).verdict is Verdict.PROVED
    assert verify_check(check_of(sp.tan(2 * u), 2 * sp.tan(u) / (1 - sp.tan(u) ** 2)), FAST).verdict is Verdict.PROVED
    assert verify_check(check_of(sp.cos(2 * u), 1 - sp.sin(u) ** 2), FAST).verdict is Verdict.REFUTED


def test_one_hot_assumption(check_of):
    S = summation(sp.exp(x[j]), j)
    ce = -summation(y[j] * sp.log(sp.exp(x[j]) / S), j)
    grad = sp.Derivative(ce, x[k])
    hot = Assumptions(onehot=((y, t),))
    assert verify_check(check_of(grad, sp.exp(x[k]) / S - y[k], assume=hot), FAST).verdict is Verdict.PROVED
    wrong = verify_check(check_of(grad, y[k] - sp.exp(x[k]) / S, assume=hot), FAST)
    assert wrong.verdict is Verdict.REFUTED
    assert "t" in wrong.counterexample.indices


def test_case_split_assumption(check_of):
    S = summation(sp.exp(x[j]), j)
    claim = (sp.Derivative(sp.exp(x[i]) / S, x[k]), -sp.exp(x[i]) * sp.exp(x[k]) / S ** 2)
    assert verify_check(check_of(*claim, assume=Assumptions(distinct=((i, k),))), FAST).verdict is Verdict.PROVED
    assert verify_check(check_of(*claim, assume=Assumptions(equal=((i, k),))), FAST).verdict is Verdict.REFUTED


def test_shape_mismatch_is_refuted(check_of):
    r = verify_check(check_of(x[i], x[i], lhs_axes=(Axis(1), Axis(N, i)), rhs_axes=(Axis(N, i), Axis(N, k))), FAST)
    assert r.verdict is Verdict.REFUTED
    assert "shapes differ" in r.detail
    assert r.counterexample.sizes == {"N": 2}


def test_transposed_shape_is_a_named_convention(check_of):
    r = verify_check(check_of(x[i], x[i], lhs_axes=(Axis(1), Axis(N, i)), rhs_axes=(Axis(N, i), Axis(1))), FAST)
    assert r.verdict is Verdict.PROVED
    assert any("transposition" in cv for cv in r.conventions)
    assert "under" in r.tier


def test_time_limit_gives_unknown(check_of, monkeypatch):
    # Every stage made slow: the symbolic one, the exact instances and the evaluation as read.
    def slow(*args, **kwargs):
        time.sleep(5)

    monkeypatch.setattr("derive.verify._symbolic", slow)
    monkeypatch.setattr("derive.verify.C.exactly_equal", slow)
    monkeypatch.setattr("derive.referee.Referee.agree", slow)
    start = time.perf_counter()
    r = verify_check(check_of(summation(x[j], j), summation(x[k], k)), Settings(timeout=1.0))
    assert r.verdict is Verdict.UNKNOWN
    assert "time" in r.detail
    assert time.perf_counter() - start < 4


def test_a_time_limit_dropped_once_still_ends_the_stage(check_of, monkeypatch):
    """An alarm raised where Python drops it (a finaliser the garbage collector runs, or code that catches every
    exception, as some of SymPy does) must not leave the stage running without a limit: the alarm repeats."""
    dropped = []

    def swallowing(*args, **kwargs):
        end = time.perf_counter() + 6
        while time.perf_counter() < end:
            try:
                while time.perf_counter() < end:
                    pass
            except StageTimeout:
                if dropped:
                    raise
                dropped.append(True)  # (the first alarm is lost)

    monkeypatch.setattr("derive.verify._symbolic", swallowing)
    monkeypatch.setattr("derive.verify.C.exactly_equal", swallowing)
    monkeypatch.setattr("derive.referee.Referee.agree", swallowing)
    start = time.perf_counter()
    r = verify_check(check_of(summation(x[j], j), summation(x[k], k)), Settings(timeout=1.0))
    assert dropped and r.verdict is Verdict.UNKNOWN
    assert time.perf_counter() - start < 5


def test_unreadable_step_is_unknown_with_reason(check_of):
    from dataclasses import replace

    r = verify_check(replace(check_of(u, u), problem="unbalanced braces"), FAST)
    assert r.verdict is Verdict.UNKNOWN
    assert "unbalanced braces" in r.detail


def test_unbound_index_is_noted_and_refuted(check_of):
    n = size("n")
    ii, jj, kk = index("i", n), index("j", n), index("k", n)
    theta = vector("theta")
    r = verify_check(check_of(theta[kk], summation(theta[jj], ii) / n), FAST)
    assert r.verdict is Verdict.REFUTED
    assert any("free on the right side only" in note for note in r.notes)


def test_a_wrong_proof_is_caught_by_the_numeric_cross_check(check_of, monkeypatch):
    # Simulate a bug in the zero test: every difference "reduces to 0".
    monkeypatch.setattr("derive.verify.is_zero", lambda expr: True)
    r = verify_check(check_of(summation(x[j] ** 2, j), summation(x[j], j) ** 2), FAST)
    assert r.verdict is Verdict.ERROR
    assert r.tier == "INTERNAL ERROR"
    assert r.counterexample is not None


def test_internal_error_is_reported_loudly_by_the_cli(monkeypatch):
    from typer.testing import CliRunner

    from derive.cli import app

    monkeypatch.setattr("derive.verify.is_zero", lambda expr: True)
    result = CliRunner().invoke(app, ["check", "sigmoid/000/7", "--jobs", "1"])
    assert result.exit_code == 1
    assert "INTERNAL ERROR" in result.output
    assert "bug in derive" in result.output


def test_construct_beyond_the_normal_form_falls_back_to_numeric_evidence(check_of):
    # Cases on two symbols are not split: no proof, but the numbers agree everywhere tried.
    v = sp.Symbol("v", real=True)
    r = verify_check(check_of(sp.Piecewise((u, u > v), (v, True)), sp.Max(u, v)), FAST)
    assert r.verdict is Verdict.NUMERIC
    assert "no proof" in r.detail


def test_cases_on_one_number_are_proved_on_each_side_of_it(check_of):
    # |u| by cases, and max(u, 0) - max(-u, 0) = u: split at u = 0, each side one formula
    r = verify_check(check_of(sp.Piecewise((u, u > 0), (-u, True)), sp.Abs(u)), FAST)
    assert r.verdict is Verdict.PROVED and "split where the cases change" in r.detail
    assert verify_check(check_of(sp.Max(u, 0) - sp.Max(-u, 0), u), FAST).verdict is Verdict.PROVED
    assert verify_check(check_of(sp.Piecewise((u - 1, u >= 1), (0, True)), sp.Max(u - 1, 0)), FAST).verdict \
        is Verdict.PROVED
    # wrong on one side of the kink only: refuted there, never proved
    wrong = verify_check(check_of(sp.Piecewise((u, u > 0), (0, True)), sp.Abs(u)), FAST)
    assert wrong.verdict is Verdict.REFUTED
    assert wrong.counterexample.values["u"].entries[0].exact < 0


# --- the soundness mechanisms: each true claim must never be refuted, each false one never proved

def _mechanism_claims():
    kj = index("k", j)
    j3 = sp.Idx("j", (3, N))
    hot = Assumptions(onehot=((y, t),))
    return [
        # a bound index named like the hot class
        ("sum_t y_t = 1", summation(y[t], t), 1, hot, True),
        ("sum_t y_t = N", summation(y[t], t), N, hot, False),
        ("sum_t x_t y_t = x_t", summation(x[t] * y[t], t), x[t], hot, True),
        # empty and reversed ranges
        ("sum_{j=3}^N 1 = N - 2", sp.Sum(1, (j3, 3, N)), N - 2, Assumptions(), False),
        ("sum_{j=3}^N 1 = max(N - 2, 0)", sp.Sum(1, (j3, 3, N)), sp.Max(N - 2, 0), Assumptions(), True),
        # dependent bounds
        ("triangular count", sp.Sum(1, (kj, 1, j), (j, 1, N)), N * (N + 1) / 2, Assumptions(), True),
        ("triangular count, off by one", sp.Sum(1, (kj, 1, j), (j, 1, N)), N * (N - 1) / 2, Assumptions(), False),
        ("triangular exchange", sp.Sum(x[kj], (kj, 1, j), (j, 1, N)), summation((N - k + 1) * x[k], k),
         Assumptions(), True),
        ("triangular exchange, wrong weight", sp.Sum(x[kj], (kj, 1, j), (j, 1, N)), summation((N - k) * x[k], k),
         Assumptions(), False),
        # sum except i, whose body sums over i itself
        ("sum_{j != i} with a body over i", sum_except(summation(x[i] * x[j], i), j, i),
         summation(summation(x[i] * x[j], i), j) - x[i] * summation(x[k], k), Assumptions(), True),
        # points where a side is undefined are no counterexamples
        ("(d/du sqrt(u^2))^2 = 1", sp.Derivative(sp.sqrt(u ** 2), u) ** 2, 1, Assumptions(), True),
        ("d/du |u| = sign(u)", sp.Derivative(sp.Abs(u), u), sp.sign(u), Assumptions(), True),
        ("log(u^2) = 2 log(u)", sp.log(u ** 2), 2 * sp.log(u), Assumptions(), True),
        # cancellation that leaves no digits at working precision
        ("e^{400u} + 1 - e^{400u} = 1", sp.Add(sp.exp(400 * u) + 1, -sp.exp(400 * u), evaluate=False), 1,
         Assumptions(), True),
        ("e^{400u} + 1 - e^{400u} = 1 + 10^{-30}", sp.Add(sp.exp(400 * u) + 1, -sp.exp(400 * u), evaluate=False),
         1 + sp.Rational(1, 10 ** 30), Assumptions(), False),
    ]


@pytest.mark.parametrize("name, lhs, rhs, assume, truth", _mechanism_claims(), ids=lambda v: v if isinstance(v, str) else "")
def test_no_false_verdict_on_the_mechanisms(check_of, name, lhs, rhs, assume, truth):
    r = verify_check(check_of(lhs, rhs, assume=assume), FAST)
    if truth:
        assert r.verdict in (Verdict.PROVED, Verdict.BOUNDED, Verdict.NUMERIC, Verdict.UNKNOWN), r.detail
    else:
        assert r.verdict in (Verdict.REFUTED, Verdict.UNKNOWN), r.detail
    assert r.verdict is not Verdict.ERROR


def test_refutation_is_at_a_point_where_both_sides_are_defined(check_of):
    # sqrt(u) is undefined for u < 0: the counterexample must be at u >= 0
    r = verify_check(check_of(sp.sqrt(u) + 1, sp.sqrt(u) + 2), FAST)
    assert r.verdict is Verdict.REFUTED
    assert float(r.counterexample.values["u"].entries[0].exact) >= 0


def test_a_domain_the_simplifier_erased_still_bounds_the_counterexamples(tmp_path):
    # SymPy turns (sqrt u)^2 into u; read from the document, u < 0 is still outside the claim.
    from derive.read.sources import load_path
    from derive.model import checks_of

    doc = tmp_path / "d.md"
    doc.write_text("# d\n\n$$ (\\sqrt{u})^2 = |u| $$\n\n$$ e^{\\ln u} = |u| $$\n\n$$ (\\sqrt{u})^2 = -u $$\n")
    (d,) = load_path(doc)
    results = [verify_check(c, FAST) for c in checks_of(d)]
    assert all(r.verdict is not Verdict.REFUTED for r in results[:2])
    assert results[2].verdict is Verdict.REFUTED


def test_a_refutation_about_undefined_functions_names_the_functions_it_took(check_of):
    g, h = sp.Function("g"), sp.Function("h")
    r = verify_check(check_of(sp.Derivative(g(h(u)), u), sp.Derivative(g(u), u) * sp.Derivative(h(u), u)), FAST)
    assert r.verdict is Verdict.REFUTED
    assert any("g(z) = " in n and "h(z) = " in n for n in r.notes)
    ok = verify_check(check_of(sp.Derivative(g(h(u)), u), sp.Derivative(g(h(u)), h(u)) * sp.Derivative(h(u), u)), FAST)
    assert ok.verdict is Verdict.PROVED


def test_the_chain_rule_through_a_function_nobody_defines(check_of):
    f = sp.Function("f")
    xi = sp.Dummy("u", real=True)
    fp = sp.Subs(sp.Derivative(f(xi), xi), xi, 2 * u)  # f'(2u), as the reader writes it
    assert verify_check(check_of(sp.Derivative(f(2 * u), u), 2 * fp), FAST).verdict is Verdict.PROVED
    assert verify_check(check_of(sp.Derivative(f(2 * u), u), fp), FAST).verdict is Verdict.REFUTED


def test_a_claim_that_fails_only_where_a_sign_is_at_its_jump_is_not_refuted():
    """||w - a sign(w)||^2 = ||w||^2 - 2a sign(w)^T w + a^2 n fails only where an entry of w is 0 (sign(0) = 0 as
    read, +1 in a binarisation): numerically consistent, never refuted; a claim false away from 0 stays refuted."""
    from derive.read.document import read_document
    from derive.read.notation_file import default_notation
    from derive.model import checks_of
    text = ("Let $w \\in \\mathbb{R}^n$ and $a \\in \\mathbb{R}$.\n\n$$\n\\sum_i (w_i - a \\operatorname{sign}(w_i))^2 = "
            "\\sum_i w_i^2 - 2 a \\sum_i \\operatorname{sign}(w_i) w_i + a^2 n\n$$\n\n$$\n\\sum_i \\operatorname{sign}(w_i) w_i = "
            "\\sum_i w_i\n$$\n")
    results = [verify_check(c) for c in checks_of(read_document(text, "doc.md", default_notation()))]
    assert results[0].verdict is not Verdict.REFUTED and "jump" in results[0].detail
    assert results[1].verdict is Verdict.REFUTED


def test_one_agreeing_random_point_is_no_numeric_evidence(monkeypatch):
    """y_1 (1 - y_1) = y_1 y_2 of softmax entries over K classes is false for K = 3, yet at a far-out point the
    softmax holds all its weight on one entry and the sides agree to any number of digits: a single agreeing point
    (the others not evaluated) leaves the claim unknown; two or more make it numerically consistent."""
    import derive.verify as verify
    from derive.model import checks_of
    from derive.read.document import read_document
    from derive.read.notation_file import default_notation

    text = ("$$\ny_i = \\frac{\\exp(a_i / \\tau)}{\\sum_{j=1}^{K} \\exp(a_j / \\tau)}\n$$\nwith $\\tau > 0$.\n\n"
            "$$\n\\frac{1}{\\tau} y_1 (1 - y_1) = \\frac{1}{\\tau} y_1 y_2\n$$\n")
    (check,) = [c for c in checks_of(read_document(text, "doc.md", default_notation())) if c.line == 7]
    seen = []
    real = verify._numeric

    def counted(agreed):
        def numeric(*args, **kwargs):
            seen.append(real(*args, **kwargs))
            return agreed, None
        return numeric

    monkeypatch.setattr(verify, "_numeric", counted(1))
    one = verify_check(check, Settings())
    assert seen, "the claim was decided before the numeric stage"
    assert one.verdict is Verdict.UNKNOWN and "only 1 random point" in one.detail, one.detail
    monkeypatch.setattr(verify, "_numeric", counted(2))
    assert verify_check(check, Settings()).verdict is Verdict.NUMERIC
