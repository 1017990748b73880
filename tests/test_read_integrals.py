"""Definite integrals \\int_a^b f(x) \\, dx, indefinite ones \\int f(x) \\, dx, and evaluation bars [F(x)]_a^b (derive.read.integral_of): taken by SymPy,
confirmed by quadrature, the variable bound inside the integrand; what cannot be taken so is refused."""

import pytest

from derive.model import Verdict, checks_of
from derive.read.document import read_document
from derive.read.notation_file import default_notation as defaults
from derive.verify import Settings, verify_check

SETTINGS = Settings(timeout=20)


def _verdicts(text: str) -> list[tuple[Verdict, str]]:
    d = read_document(text, "doc.md", defaults())
    return [(r.verdict, r.detail) for r in (verify_check(c, SETTINGS) for c in checks_of(d) if c.part != "ends")]


@pytest.mark.parametrize("latex, verdict", [
    ("\\int_0^1 x e^x \\, dx = 1", Verdict.PROVED),
    ("\\int_0^{\\pi/2} x \\cos x \\, dx = \\frac{\\pi}{2} + 1", Verdict.REFUTED),
    ("\\int_0^\\pi e^x \\sin x \\, \\mathrm{d}x = \\frac{e^\\pi + 1}{2}", Verdict.PROVED),
    ("\\int_{-\\infty}^{\\infty} e^{-x^2} \\, dx = \\sqrt{\\pi}", Verdict.PROVED),
    ("\\int_0^\\infty e^{-t} \\, dt = 2", Verdict.REFUTED),
    ("\\frac{1}{2a} \\int_{-a}^{a} w^2 \\, dw = \\frac{a^2}{3}", Verdict.PROVED),
    ("\\int_0^1 \\int_0^2 x y^2 \\, dx \\, dy = \\frac{2}{3}", Verdict.PROVED),
    ("\\int_0^1 x e^x \\, dx = \\big[x e^x\\big]_0^1 - \\int_0^1 e^x \\, dx", Verdict.PROVED),
    ("\\int_0^1 x^2 e^x \\, dx = \\big[x^2 e^x\\big]_0^1 - \\int_0^1 x e^x \\, dx", Verdict.REFUTED),
])
def test_a_definite_integral_is_taken_and_checked(latex, verdict):
    assert [v for v, _ in _verdicts(f"$$\n{latex}\n$$\n")] == [verdict]


def test_the_variable_of_integration_is_bound_whatever_the_letter_means_outside():
    text = "Let $x = 3$.\n\n$$\n\\int_0^1 x \\, dx = \\frac{1}{2}\n$$\n\n$$\n\\int_0^1 x \\, dx + x = \\frac{7}{2}\n$$\n"
    assert [v for v, _ in _verdicts(text)][-2:] == [Verdict.PROVED, Verdict.PROVED]


@pytest.mark.parametrize("latex, why", [
    ("\\int_0 x^2 \\, dx = \\frac{x^3}{3}", "both its limits"),
    ("\\int_0^1 x^2 + 1 \\, dx = \\frac{4}{3}", "differential"),
    ("\\int_{-1}^{1} \\frac{1}{x^2} \\, dx = -2", "closed form"),
    ("\\int_0^1 x^n \\, dx = \\frac{1}{n + 1}", "closed form"),
    ("\\big[y^2\\big]_0^3 = 9", "evaluation"),
])
def test_what_is_not_a_definite_integral_taken_in_closed_form_is_refused(latex, why):
    (found,) = _verdicts(f"$$\n{latex}\n$$\n")
    assert found[0] is Verdict.UNKNOWN and why in found[1]


@pytest.mark.parametrize("latex, verdict", [
    ("\\sum_{k=0}^{\\infty} (-1)^k x^k = \\frac{1}{1 + x}", Verdict.PROVED),
    ("\\sum_{k=1}^{\\infty} k q^{k-1} = \\frac{1}{(1 - q)^2}", Verdict.PROVED),
    ("\\sum_{k=0}^{\\infty} k \\, (1 - \\beta) \\beta^{k} = \\frac{1}{1 - \\beta}", Verdict.REFUTED),
    ("\\sum_{k=1}^{\\infty} \\frac{1}{k(k+1)} = 2", Verdict.REFUTED),
    ("\\log(1 + x) = \\sum_{k=0}^{\\infty} \\frac{(-1)^k x^{k+1}}{k + 1}", Verdict.PROVED),
    ("\\sum_{k=1}^{\\infty} \\frac{1}{k^2} = \\frac{\\pi^2}{6}", Verdict.PROVED),
])
def test_a_series_is_summed_where_it_converges(latex, verdict):
    assert [v for v, _ in _verdicts(f"$$\n{latex}\n$$\n")] == [verdict]


@pytest.mark.parametrize("latex, why", [
    ("\\sum_{k=0}^{\\infty} 2^k = -1", "series"),
    ("\\sum_{k=0}^{\\infty} \\frac{1}{k - 3} = 0", "series"),
])
def test_a_divergent_series_or_one_with_an_undefined_term_is_refused(latex, why):
    (found,) = _verdicts(f"$$\n{latex}\n$$\n")
    assert found[0] is Verdict.UNKNOWN and why in found[1]


@pytest.mark.parametrize("latex, verdict", [
    ("\\int x e^x \\, dx = x e^x - \\int e^x \\, dx", Verdict.PROVED),
    ("\\int x e^x \\, dx = x e^x - e^x + C", Verdict.PROVED),
    ("\\int x e^x \\, dx = x e^x + e^x + C", Verdict.REFUTED),
    ("\\int \\frac{1}{x} \\, dx = \\ln|x| + C", Verdict.PROVED),
    ("\\int \\cos(2x) \\, dx = 2 \\sin(2x) + C", Verdict.REFUTED),
    ("\\int x^2 \\, dx = \\frac{x^3}{3}", Verdict.PROVED),
])
def test_an_indefinite_integral_is_checked_as_equal_derivatives(latex, verdict):
    """The sides of a link holding an antiderivative may differ by a constant (the author's): equal derivatives in
    the variable prove it, different ones refute it (no constant mends that); the reading says so."""
    d = read_document(f"$$\n{latex}\n$$\n", "doc.md", defaults())
    (check,) = [c for c in checks_of(d) if c.part != "ends"]
    result = verify_check(check, SETTINGS)
    assert result.verdict is verdict, result.detail
    assert any("equal derivatives in $x$" in r.text for r in result.readings)


def test_an_indefinite_integral_over_a_bound_or_defined_letter_or_two_variables_is_refused():
    for text in ("Let $x = 2$.\n\n$$\n\\int x^2 \\, dx = \\frac{x^3}{3}\n$$\n",
                 "$$\n\\int x \\, dx + \\int y \\, dy = \\frac{x^2 + y^2}{2}\n$$\n"):
        found = _verdicts(text)
        assert found[-1][0] is Verdict.UNKNOWN, found
