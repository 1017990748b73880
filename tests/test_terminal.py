"""Terminal output: a failing or undecided link is shown as written, with its line, then why."""

from __future__ import annotations

import sympy as sp
from rich.console import Console

from derive.model import checks_of
from derive.plaintext import to_unicode
from derive.runner import run_checks
from derive.sources import load_path
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
