"""Terminal output: a failing or undecided link is shown as written, with its line, then why."""

from __future__ import annotations

import sympy as sp
from rich.console import Console

from derive.model import checks_of
from derive.plaintext import to_unicode
from derive.runner import run_checks
from derive.read.sources import load_path
from derive.terminal import render_results
from derive.verify import Settings

DOC = """# Two steps

$$ \\frac{\\partial}{\\partial \\theta_k} \\sum_{j=1}^{N} e^{\\theta_j} = e^{\\theta_k} = e^{\\theta_j} $$

$$ \\foo{x} = x $$
"""


def _printed(tmp_path) -> list[str]:
    path = tmp_path / "two.md"
    path.write_text(DOC)
    derivations = load_path(path)
    results = run_checks([c for d in derivations for c in checks_of(d)], Settings(timeout=20.0), 1)
    console = Console(record=True, width=200, color_system=None)
    render_results(console, derivations, results, catalog=False)
    return console.export_text().splitlines()


def test_a_refuted_link_is_shown_with_its_line_before_the_counterexample(tmp_path):
    lines = _printed(tmp_path)
    at = next(n for n, line in enumerate(lines) if "link 2 of 2" in line)
    assert "line 3: e^θ_k = e^θ_j" in lines[at]
    assert "✗ refuted: at N = 2" in lines[at + 1] and "θ = (" in lines[at + 1] and "left = " in lines[at + 1]


def test_an_unreadable_step_is_shown_as_its_author_wrote_it_with_the_reason(tmp_path):
    lines = _printed(tmp_path)
    at = next(n for n, line in enumerate(lines) if "\\foo{x} = x" in line)
    assert "line 5" in lines[at]
    assert "? unknown" in lines[at + 1] and "\\foo is not read" in lines[at + 1]


def test_unicode_printing_of_the_documents_notation():
    from derive.notation import index, size, summation, vector

    N = size("N")
    j, k = index("j", N), index("k", N)
    theta = vector("theta")
    assert to_unicode(sp.exp(theta[k]) / summation(sp.exp(theta[j]), j)) == "e^θ_k/(Σ_j e^θ_j)"
    assert to_unicode(sp.Derivative(vector("yhat")[k], theta[j])) == "∂/∂θ_j y\u0302_k"
    assert to_unicode(vector("W1")[j, k]) == "W⁽¹⁾_jk"


def _summary(results, catalog: bool) -> list[str]:
    from derive.terminal import render_summary

    console = Console(record=True, width=200, color_system=None)
    render_summary(console, results, 1.0, catalog)
    return console.export_text().splitlines()


def test_ones_own_file_states_no_expectation(tmp_path):
    lines = _printed(tmp_path)
    assert not any("expected" in line for line in lines)
    path = tmp_path / "two.md"
    results = run_checks([c for d in load_path(path) for c in checks_of(d)], Settings(timeout=20.0), 1)
    summary = _summary(results, catalog=False)
    failed = [r for r in results if not r.matches]
    assert f"{len(failed)} link(s) not proved as written:" in summary
    assert any(f"{r.id}: {r.tier}" in line for r in failed for line in summary)
    assert not any("expected" in line for line in summary)
    # The catalog's wording stays for the catalog's results.
    assert any("differ from the expected ones" in line for line in _summary(results, catalog=True))


# --- readings -----------------------------------------------------------------------------------------

def _rendered(derivations, results, catalog=False) -> list[str]:
    console = Console(record=True, width=250, color_system=None)
    render_results(console, derivations, results, catalog=catalog)
    return console.export_text().splitlines()


def _with_readings(readings, verdicts):
    """A one-step derivation of two links whose results carry ``readings`` and the given verdicts."""
    from dataclasses import replace

    from derive.model import Derivation, Expect, Side, Step, Verdict
    from derive.results import CheckResult, Counterexample

    x = sp.Symbol("x")
    step = Step("(3)", "x = x = x", (Side(x), Side(x), Side(x)), (Expect(Verdict.PROVED),) * 2,
                ends=Expect(Verdict.PROVED), line=7, readings=readings)
    d = Derivation("doc", "t", "doc.md", "Doc", "", (step,))
    results = []
    for check, verdict in zip(checks_of(d), verdicts):
        cx = Counterexample({}, {}, reason="differs") if verdict is Verdict.REFUTED else None
        results.append(replace(CheckResult.of(check, verdict, "", 0.1, counterexample=cx)))
    return d, results


def test_readings_are_shown_once_per_step_with_their_lines_in_plain_text():
    from derive.model import Reading, Verdict

    readings = (Reading("condition", "case $i = j$", 12), Reading("declaration", r"$x \in \mathbb{R}^{N}$", 4),
                Reading("guess", "$\\theta$ is read as a real number (not declared)"))
    d, results = _with_readings(readings, [Verdict.PROVED, Verdict.REFUTED, Verdict.REFUTED])
    lines = _rendered([d], results)
    shown = [line for line in lines if "reading:" in line]
    assert shown == ["        reading: case i = j (line 12); x ∈ ℝ^N (line 4); θ is read as a real number (not declared)"]
    assert not any("default" in line for line in lines)


def test_a_refutation_under_a_default_says_so_once_for_the_step():
    from derive.model import Reading, Verdict

    readings = (Reading("default", "$y$ is one-hot at class $t$"), Reading("condition", "case $i = j$", 12))
    d, results = _with_readings(readings, [Verdict.PROVED, Verdict.REFUTED, Verdict.REFUTED])
    lines = _rendered([d], results)
    assert "        reading: case i = j (line 12)" in lines
    warned = [line for line in lines if "default" in line]
    assert warned == ["        ✗ link 2 of 2, ends: refuted under a default reading the document never states: "
                      "y is one-hot at class t"]
    # Relied on, but nothing refuted: named as a default, quietly.
    d, results = _with_readings(readings, [Verdict.PROVED] * 3)
    assert [line for line in _rendered([d], results) if "default" in line] == [
        "        default: y is one-hot at class t"]
    # The summary counts them apart and names them.
    d, results = _with_readings(readings, [Verdict.PROVED, Verdict.REFUTED, Verdict.REFUTED])
    summary = _summary(results, catalog=False)
    assert "2 of the 2 refuted checks rely on a default reading the document never states" in summary
    assert "  doc/3#2: refuted under a default reading the document never states" in summary


def test_a_failing_link_names_its_own_line(tmp_path):
    path = tmp_path / "two.md"
    path.write_text("$$ (x + 1)^2\n = x^2 + 2x + 1\n = x^2 + 1 $$\n")
    derivations = load_path(path)
    results = run_checks([c for d in derivations for c in checks_of(d)], Settings(timeout=20.0), 1)
    lines = _rendered(derivations, results)
    assert any("link 2 of 2" in line and "line 2: " in line for line in lines), lines
    assert any(line.strip() == "reading: x is read as real number (not declared)" for line in lines)


def test_mathematics_in_prose_as_plain_text():
    from derive.plaintext import math_text, prose_text

    assert math_text(r"e^{\theta_i} (\sum_c e^{\theta_c})^{-1}") == "e^(θ_i) (Σ_c e^(θ_c))^(-1)"
    assert math_text(r"W_1 \in \mathbb{R}^{D_x \times H}") == "W_1 ∈ ℝ^(D_x × H)"
    assert math_text(r"\theta_{i \neq k}") == "θ_(i ≠ k)"
    assert math_text(r"\frac{1}{1 + e^{-x}}") == "1/(1 + e^(-x))"
    assert math_text(r"\hat{y}_t") == "y\u0302_t"
    assert math_text(r"\text{if } i = j") == "if i = j"
    assert math_text(r"\foo{x} + 1") == r"\foo{x} + 1"  # a command it does not know stays as written
    assert prose_text("$y$ is one-hot at $t$") == "y is one-hot at t"
    assert prose_text("costs $5") == "costs $5"  # an odd dollar: not mathematics
    assert math_text("{" * 5000 + "x" + "}" * 5000) in ("x", "{" * 5000 + "x" + "}" * 5000)
