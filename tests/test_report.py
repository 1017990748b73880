"""Reports: content from results only, escaping, determinism, atomic writes, LaTeX, golden files."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
import sympy as sp
from typer.testing import CliRunner

from derive.catalog.build import assume, derivation, step
from derive.errors import ReportError
from derive.model import Verdict, checks_of
from derive.notation import index, scalar, sigmoid, size, summation, vector
from derive.report import (REPORT_NAME, RESULTS_NAME, build_report, compile_pdf, escape_md, escape_tex,
                           find_latex_engine, load_kernel_specs, load_results, path_tex, render_report,
                           write_reports)
from derive.results import Assignment, CheckResult, Counterexample, Value

REPORTS = Path(__file__).resolve().parent.parent / "reports"
needs_latex = pytest.mark.skipif(find_latex_engine() is None, reason="no LaTeX engine on PATH")

u = scalar("u")
N = size("N")
i, j = index("i", N), index("j", N)
x = vector("x")
s = sigmoid(u)


@pytest.fixture(autouse=True)
def _toy_is_catalog(monkeypatch):
    """The toy stands for a catalog derivation: its LaTeX is derive's own and is typeset as it stands."""
    from derive import report

    real = report._from_catalog
    monkeypatch.setattr(report, "_from_catalog", lambda d: d.topic == "toy" or real(d))


def _toy():
    """A derivation with a sound chain and a chain whose middle is wrong but whose ends agree."""
    return derivation(
        "toy/000", topic="toy", source="900_toy.txt", title="A toy derivation",
        statement=r"\sigma'(u) = \sigma(u)(1 - \sigma(u))",
        assume=assume(text="u is real; 100% of the reading_text & #1 costs $5"),
        steps=[
            step("(1)", r"\sum_j e^{x_j}", summation(sp.exp(x[j]), j), summation(sp.exp(x[j]), j),
                 reading="the sum runs over j_1 & 50% of #cases"),
            step("(2)", r"e^{-u}\sigma^2 = \frac{1-\sigma}{\sigma}\sigma = (1-\sigma)\sigma",
                 sp.exp(-u) * s * s, sp.Mul((1 - s) / s, s, evaluate=False), (1 - s) * s,
                 expect=("refuted", "refuted"), ends="proved", note="keeps one factor sigma",
                 correction=sp.Mul((1 - s) / s, s, s, evaluate=False)),
        ])


def _result(check_id, verdict, *, part="link", expected=None, bound=None, conventions=(), cx=None, detail="d"):
    return CheckResult(id=check_id, derivation="toy/000", source="900_toy.txt", label=check_id, part=part,
                       verdict=verdict, detail=detail, expected=expected or verdict.value, seconds=1.5, bound=bound,
                       conventions=conventions, counterexample=cx)


def _toy_results():
    cx = Counterexample(sizes={}, indices={}, values={"u": Assignment("u", (), (Value.of(0),))},
                        lhs=Value.of(sp.Rational(1, 4)), rhs=Value.of(sp.Rational(1, 2)))
    return [
        _result("toy/000/1#1", Verdict.BOUNDED, bound=3),
        _result("toy/000/2#1", Verdict.REFUTED, part="link 1 of 2", cx=cx),
        _result("toy/000/2#2", Verdict.REFUTED, part="link 2 of 2", cx=cx),
        _result("toy/000/2#correction", Verdict.PROVED, part="correction"),
        _result("toy/000/2#ends", Verdict.PROVED, part="ends", conventions=("u broadcast",), expected="proved"),
    ]


@dataclass(frozen=True)
class _Spec:
    name: str
    summary: str
    claims: tuple
    rewrites: tuple


def test_checks_of_the_toy_match_the_hand_made_results():
    assert [c.id for c in checks_of(_toy())] == [r.id for r in _toy_results()]


def test_step_verdict_is_its_weakest_check():
    report = build_report([_toy()], _toy_results())
    (doc,) = report.documents
    steps = doc.derivations[0].steps
    assert [st.outcome.verdict for st in steps] == ["bounded", "refuted"]
    assert steps[0].outcome.tier == "proved for N = 1..3"
    assert doc.counts.bounded == 1 and doc.counts.refuted == 1 and doc.counts.steps == 2


def test_refuted_link_is_corrected_by_the_chain_end_that_holds():
    (doc,) = build_report([_toy()], _toy_results()).documents
    first, second = doc.derivations[0].steps[1].corrections
    assert first.holds_via == ("toy/000/2#ends",)
    assert first.holds_rhs == r"\left(1 - \sigma\left(u\right)\right) \sigma\left(u\right)"
    # The second link's left side is tied to no later term by a check that holds: nothing is invented.
    assert second.holds_rhs == ""


def test_catalog_correction_is_shown_with_its_own_verdict_and_not_counted_as_a_step():
    (doc,) = build_report([_toy()], _toy_results()).documents
    d = doc.derivations[0]
    fix = d.steps[1].correction
    assert fix.id == "toy/000/2#correction" and fix.outcome.verdict == "proved"
    assert fix.rhs == r"\frac{1 - \sigma\left(u\right)}{\sigma\left(u\right)} \sigma\left(u\right) \sigma\left(u\right)"
    assert d.steps[1].outcome.verdict == "refuted" and d.outcome.verdict == "refuted"
    for fmt in ("md", "tex"):
        assert "Corrected" in render_report([_toy()], _toy_results(), fmt)


@pytest.mark.parametrize("fmt", ["md", "tex"])
def test_report_carries_everything_a_marker_needs(fmt):
    text = render_report([_toy()], _toy_results(), fmt)
    for needed in ("900", "toy/000", "(2)", r"\sigma'(u) = \sigma(u)(1 - \sigma(u))", "proved for N = 1..3",
                   "refuted", "What holds instead", "keeps one factor sigma", "at $u = 0$",
                   r"\text{left} = \frac{1}{4} \approx 0.25, \qquad \text{right} = \frac{1}{2} \approx 0.5",
                   r"e^{-u}\sigma^2 = \frac{1-\sigma}{\sigma}\sigma = (1-\sigma)\sigma", "Conclusion",
                   "toy/000/2#correction" if fmt == "md" else r"toy/000/2\#correction"):
        assert needed in text, needed
    assert "1.5" not in text  # timings would make the report differ from run to run


def test_tier_names_the_convention():
    text = render_report([_toy()], _toy_results(), "md")
    assert "proved for all N under u broadcast" in text


def test_rendering_is_deterministic():
    assert render_report([_toy()], _toy_results(), "tex") == render_report([_toy()], list(_toy_results()), "tex")


def test_text_is_escaped_in_latex_but_step_latex_is_not():
    tex = render_report([_toy()], _toy_results(), "tex")
    assert r"the sum runs over j\_1 \& 50\% of \#cases" in tex
    assert r"100\% of the reading\_text \& \#1 costs \$5" in tex
    assert r"\frac{1-\sigma}{\sigma}" in tex


def test_escapes():
    assert escape_tex("a_b & 5% #1 $ ~ ^ \\ ≈ ×") == (r"a\_b \& 5\% \#1 \$ \textasciitilde{} \textasciicircum{} "
                                                     r"\textbackslash{} \ensuremath{\approx} \ensuremath{\times}")
    assert escape_tex("日") == r"\texttt{[U+65E5]}"
    assert escape_md("a_b*c|d $x$") == r"a\_b\*c\|d \$x\$"


def test_a_long_file_name_may_wrap_in_latex_and_is_still_escaped():
    """(A file name in the PDF's summary tables breaks after its separators instead of running into the next column.)"""
    assert path_tex("notes/8_a-b.md") == r"notes/\allowbreak{}8\_\allowbreak{}a-\allowbreak{}b.\allowbreak{}md"
    assert path_tex("x#%$&.tex") == r"x\#\%\$\&.\allowbreak{}tex"


def test_markdown_display_math_is_in_balanced_dollar_blocks():
    md = render_report([_toy()], _toy_results(), "md")
    fences = [line for line in md.splitlines() if line.strip() == "$$"]
    assert fences and len(fences) % 2 == 0
    assert "\n\n\n\n" not in md


def test_refuted_link_without_any_correction_says_so():
    plain = derivation("toy/000", topic="toy", source="900_toy.txt", title="t", statement="s",
                       steps=[step("(2)", "l", s, 2 * s, expect="refuted")])
    cx = Counterexample(sizes={}, indices={}, values={"u": Assignment("u", (), (Value.of(0),))},
                        lhs=Value.of(sp.Rational(1, 2)), rhs=Value.of(1))
    md = render_report([plain], [_result("toy/000/2#1", Verdict.REFUTED, cx=cx)], "md")
    assert "No corrected expression" in md and "Corrected" not in md


def test_only_steps_with_results_are_reported():
    text = render_report([_toy()], _toy_results()[:1], "md")
    assert "Step (1)" in text and "Step (2)" not in text


def test_kernels_section_lists_claims_and_rewrites_with_their_tiers():
    specs = [_Spec("sigmoid_grad", "the sigmoid's derivative", ("toy/000/2#ends",), ("toy/000/1", "nowhere/9"))]
    md = render_report([_toy()], _toy_results(), "md", kernels=specs)
    assert "Generated kernels" in md and "`sigmoid_grad`" in md
    assert "**toy/000, step (2), ends**: ~ proved for all N under u broadcast" in md
    assert "**toy/000, step (1)**: ≤ proved for N = 1..3" in md
    assert "**nowhere/9**: not checked in this report" in md
    assert "Generated kernels" not in render_report([_toy()], _toy_results(), "md", kernels=None)


def test_real_kernel_specs_render_when_they_exist():
    specs = load_kernel_specs()
    if specs is None:
        pytest.skip("derive.emit provides no kernel_specs yet")
    md = render_report([_toy()], _toy_results(), "md", kernels=specs)
    assert all(f"`{spec.name}`" in md for spec in specs)


def test_unknown_format_is_refused():
    with pytest.raises(ReportError, match="'docx'"):
        render_report([_toy()], _toy_results(), "docx")


# --- writing --------------------------------------------------------------------------------------

def test_unwritable_output_folder_is_a_clear_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    with pytest.raises(ReportError, match="output folder"):
        write_reports([_toy()], _toy_results(), blocker / "sub", formats=("md",))


def test_without_latex_engine_pdf_is_skipped_and_the_rest_written(tmp_path, monkeypatch):
    monkeypatch.setattr("derive.report.find_latex_engine", lambda: None)
    written = write_reports([_toy()], _toy_results(), tmp_path)
    assert sorted(p.name for p in written.paths) == sorted([f"{REPORT_NAME}.md", f"{REPORT_NAME}.tex", f"{REPORT_NAME}.html", RESULTS_NAME])
    assert written.skipped and "no LaTeX engine" in written.skipped[0]
    with pytest.raises(ReportError, match="no LaTeX engine"):
        write_reports([_toy()], _toy_results(), tmp_path, formats=("pdf",), require_pdf=True)


def test_results_record_round_trips_without_timings(tmp_path):
    write_reports([_toy()], _toy_results(), tmp_path, formats=("md",))
    back = load_results(tmp_path / RESULTS_NAME)
    assert [r.verdict for r in back] == [r.verdict for r in _toy_results()]
    assert "seconds" not in (tmp_path / RESULTS_NAME).read_text()
    assert back[1].counterexample == _toy_results()[1].counterexample


@needs_latex
def test_report_compiles_to_pdf(tmp_path):
    written = write_reports([_toy()], _toy_results(), tmp_path, formats=("pdf",))
    pdf = tmp_path / f"{REPORT_NAME}.pdf"
    assert pdf in written.paths and pdf.read_bytes().startswith(b"%PDF")


@needs_latex
def test_failing_latex_names_its_first_error_and_leaves_the_old_pdf(tmp_path):
    dest = tmp_path / "broken.pdf"
    dest.write_bytes(b"old")
    bad = "\\documentclass{article}\\begin{document}$\\frac{1}{$\\end{document}\n"
    with pytest.raises(ReportError, match=r"LaTeX failed on broken.tex: (! |\S*broken\.tex:\d+: )"):
        compile_pdf(bad, dest)
    assert dest.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["broken.pdf"]


def test_cli_report_writes_markdown_for_one_derivation(tmp_path):
    from derive.cli import app

    result = CliRunner().invoke(app, ["report", "softmax-shift/002", "--format", "md", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    text = (tmp_path / f"{REPORT_NAME}.md").read_text()
    assert "softmax-shift/002" in text and "softmax-shift/000" not in text
    assert not (tmp_path / f"{REPORT_NAME}.tex").exists()


def test_a_document_s_definitions_and_suppositions_are_shown_and_never_undecided_steps(tmp_path):
    from derive.cli import app

    doc = tmp_path / "notes.md"
    doc.write_text("Let $a = 2$ and suppose $\\sum_i p_i = 1$. For an even size $\\det(-A) = -\\det A$.\n\n"
                   "$$\na + 1 = 3\n$$\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["report", str(doc), "--format", "md", "--out", str(tmp_path / "out")])
    text = (tmp_path / "out" / f"{REPORT_NAME}.md").read_text()
    assert "| line 1, supposed | supposition, not checked |" in text, result.output
    assert "definition, not checked" in text
    conclusion = next(line for line in text.splitlines() if line.startswith("**Conclusion.**"))
    assert "step line 1 (2) could not be decided" in conclusion and "supposed" not in conclusion, conclusion


def test_cli_report_to_an_unwritable_folder_exits_1(tmp_path):
    from derive.cli import app

    blocker = tmp_path / "file"
    blocker.write_text("")
    result = CliRunner().invoke(app, ["report", "softmax-shift/002", "--format", "md", "--out", str(blocker / "x")])
    assert result.exit_code == 1
    assert "output folder" in result.output


# --- the committed reports of the built-in catalog ------------------------------------------------

REGENERATE = "regenerate them with `derive report` (it verifies the catalog and rewrites reports/)"


def _committed_results():
    path = REPORTS / RESULTS_NAME
    if not path.exists():
        pytest.fail(f"{path} is missing; {REGENERATE}")
    return load_results(path)


def test_committed_results_cover_the_catalog_as_it_stands():
    from derive.catalog import checks

    results = {r.id: r for r in _committed_results()}
    current = {c.id: c for c in checks()}
    assert sorted(results) == sorted(current), f"the catalog changed since the reports were written; {REGENERATE}"
    stale = [i for i, c in current.items() if str(c.expect) != results[i].expected or c.part != results[i].part]
    assert not stale, f"expectations changed for {stale[:5]}; {REGENERATE}"


@pytest.mark.parametrize("fmt", ["md", "tex", "html"])
def test_committed_reports_are_up_to_date(fmt):
    from derive.catalog import derivations

    text = render_report(derivations(), _committed_results(), fmt, kernels=load_kernel_specs())
    committed = (REPORTS / f"{REPORT_NAME}.{fmt}").read_text(encoding="utf-8")
    assert text == committed, f"reports/{REPORT_NAME}.{fmt} differs from what the catalog renders; {REGENERATE}"


@pytest.mark.slow
def test_committed_verdicts_are_what_the_verifier_finds_now():
    from derive.catalog import checks
    from derive.runner import default_jobs, run_checks
    from derive.verify import Settings

    committed = {r.id: r for r in _committed_results()}
    fresh = run_checks(checks(), Settings(timeout=30.0), default_jobs())
    changed = [(r.id, committed[r.id].tier, r.tier) for r in fresh if r.tier != committed[r.id].tier]
    assert not changed, f"verdicts changed: {changed[:5]}; {REGENERATE}"


# --- hostile documents ----------------------------------------------------------------------------

HOSTILE = r"""# A \textbf{hostile} $x$ document

$$ \input{/etc/passwd} = c $$

$$ \loop\iftrue\repeat = 1 $$

$$ \frac{a}{b = c $$

$$ \foo{x} = x $$

\[ a = b $$ \input{/etc/passwd} $$ \]

$$ x + 1 = 1 + x $$
"""


def _hostile(tmp_path):
    from derive.read.sources import load_path
    from derive.runner import run_checks
    from derive.verify import Settings

    path = tmp_path / "hostile.md"
    path.write_text(HOSTILE)
    derivations = load_path(path)
    results = run_checks([c for d in derivations for c in checks_of(d)], Settings(timeout=20.0), 1)
    return derivations, results


def test_a_users_source_is_never_pasted_into_tex(tmp_path):
    derivations, results = _hostile(tmp_path)
    tex = render_report(derivations, results, "tex")
    body = tex.split(r"\begin{document}", 1)[1]
    for raw in (r"\input{", r"\loop", r"\iftrue", r"\repeat", r"\foo", r"\frac{a}{b", r"\textbf{hostile}"):
        assert raw not in body, raw
    # The author's text is still shown, escaped character by character.
    assert r"\textbackslash{}\allowbreak{}input\{" in body
    assert body.count(r"\begin{source}") == body.count(r"\end{source}") == 6


def test_a_users_dollars_cannot_break_out_of_markdown_math(tmp_path):
    derivations, results = _hostile(tmp_path)
    md = render_report(derivations, results, "md")
    lines = md.splitlines()
    fenced, inside = [], False
    for line in lines:
        if line.startswith("```"):
            inside = not inside
            continue
        if not inside:
            fenced.append(line)
    outside = "\n".join(fenced)
    # Outside code blocks, "$$" only ever stands alone on a line, opening or closing a display.
    assert all(line.strip() == "$$" for line in fenced if "$$" in line)
    assert sum(1 for line in fenced if line.strip() == "$$") % 2 == 0
    assert r"\input{/etc/passwd}" not in outside
    assert r"a = b $$ \input{/etc/passwd} $$" in md  # shown, in a code block


@needs_latex
def test_hostile_document_gives_a_pdf_without_the_files_it_names(tmp_path):
    import shutil
    import subprocess

    derivations, results = _hostile(tmp_path)
    write_reports(derivations, results, tmp_path / "out", formats=("pdf",))
    pdf = tmp_path / "out" / f"{REPORT_NAME}.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert "root:" not in text and "hostile" in text


@needs_latex
def test_latex_cannot_read_files_outside_its_folder(tmp_path):
    bad = "\\documentclass{article}\\begin{document}\\input{/etc/hostname}\\end{document}\n"
    with pytest.raises(ReportError, match="not found"):
        compile_pdf(bad, tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()


@needs_latex
def test_endless_latex_is_killed_with_its_whole_process_group(tmp_path, monkeypatch):
    import os
    import subprocess
    import time

    started = []
    real = subprocess.Popen

    def spy(*args, **kwargs):
        proc = real(*args, **kwargs)
        started.append(proc.pid)
        return proc

    monkeypatch.setattr(subprocess, "Popen", spy)
    loop = "\\documentclass{article}\\begin{document}x\\loop\\iftrue\\repeat\\end{document}\n"
    t0 = time.monotonic()
    with pytest.raises(ReportError, match="time limit"):
        compile_pdf(loop, tmp_path / "loop.pdf", timeout=3)
    assert time.monotonic() - t0 < 20
    assert started
    def alive(pgid):
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return False
        return True

    # The group was sent SIGKILL: within moments no process of it is left.
    end = time.monotonic() + 10
    while any(alive(g) for g in started) and time.monotonic() < end:
        time.sleep(0.1)
    assert not any(alive(g) for g in started)
    assert not (tmp_path / "loop.pdf").exists()


# --- reports on one's own files -------------------------------------------------------------------

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _examples():
    from derive.read.sources import load_path
    from derive.runner import run_checks
    from derive.verify import Settings

    derivations = load_path(EXAMPLES)
    results = run_checks([c for d in derivations for c in checks_of(d)], Settings(timeout=20.0), 1)
    return derivations, results


@pytest.fixture(scope="module")
def examples_report():
    return _examples()


@pytest.mark.parametrize("fmt", ["md", "tex", "html"])
def test_a_report_on_ones_own_files_has_no_catalog_wording(examples_report, fmt):
    text = render_report(*examples_report, fmt, kernels=[_Spec("k", "s", (), ())])
    for catalog_words in ("catalog", "Generated kernels", "as encoded", "Identities of"):
        assert catalog_words not in text, catalog_words
    assert "Gradient of the cross-entropy of a softmax" in text  # the file's own title


def test_a_report_on_ones_own_files_reads_like_a_marked_script(examples_report):
    report = build_report(*examples_report)
    by_source = {doc.source: doc for doc in report.documents}
    ce = by_source["cross_entropy.md"]
    assert ce.outcome.verdict == "refuted" and ce.first_wrong == "(2) (line 16), link 2 of 2"
    (d,) = ce.derivations
    step = next(s for s in d.steps if s.label == "(2)")
    # The author's LaTeX as written, and the links as derive read them.
    assert step.source.startswith(r"\frac{\partial}{\partial \theta_k} \operatorname{CE}(y, \hat{y})")
    assert step.latex == "" and len(step.terms) == 3
    assert [c.outcome.verdict for c in step.chain] == ["proved", "refuted", "refuted"]
    # A definition reads with an index a person would write, never an internal name.
    assert any(a.math.startswith(r"\hat{y}_{i} :=") for a in d.assumptions)
    assert not any("entry" in a.math for a in d.assumptions)
    sig = by_source["sigmoid.md"].derivations[0]
    unreadable = [s for s in sig.steps if s.unreadable]
    assert unreadable and all(s.problem for s in unreadable)
    md = render_report(*examples_report, "md")
    assert "**Unreadable**, so not checked:" in md
    # An unreadable step is never shown as the placeholder 0 = 0 derive keeps for it.
    assert "& 0 \\\\\n&= 0" not in md


def test_a_folder_report_has_one_index_row_per_file(examples_report):
    md = render_report(*examples_report, "md")
    rows = [line for line in md.splitlines() if line.startswith("| [")]
    assert [row.split("]")[0][3:] for row in rows] == [r"cross\_entropy.md", r"least\_squares.md", "sigmoid.md",
                                                       r"softmax\_derivation.py"]
    assert "(2) (line 16), link 2 of 2" in rows[0] and "✗ refuted" in rows[0]
    tex = render_report(*examples_report, "tex")
    assert r"first link that fails or is undecided" in tex
    # (the index's column names what it holds, never "wrong" for a link only undecided)
    assert "first failing or undecided link" in tex and "| first failing or undecided link |" in md
    assert "wrong link" not in md + tex + render_report(*examples_report, "html")


@needs_latex
@pytest.mark.parametrize("engine", ["latexmk", "pdflatex"])
def test_the_pdf_is_the_same_byte_for_byte_on_every_run(tmp_path, engine):
    import shutil

    from derive.report import _PDFLATEX_OPTIONS

    if not shutil.which(engine):
        pytest.skip(f"no {engine} on PATH")
    command = find_latex_engine() if engine == "latexmk" else ["pdflatex", *_PDFLATEX_OPTIONS]
    tex = render_report([_toy()], _toy_results(), "tex")
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = compile_pdf(tex, tmp_path / "a" / f"{REPORT_NAME}.pdf", command).read_bytes()
    second = compile_pdf(tex, tmp_path / "b" / f"{REPORT_NAME}.pdf", command).read_bytes()
    assert first == second
    # No date of the run and no random document ID: the fixed epoch (1970) stands in for both.
    assert b"/CreationDate (D:19700101" in first or b"/CreationDate" not in first
    assert b"/ID [" not in first


@needs_latex
@pytest.mark.slow
def test_the_committed_pdf_is_what_its_tex_typesets(tmp_path):
    # Reproducible to the byte: fixed dates and ID, and LaTeX rerun until the contents' page numbers settle.
    fresh = compile_pdf((REPORTS / f"{REPORT_NAME}.tex").read_text(encoding="utf-8"), tmp_path / f"{REPORT_NAME}.pdf")
    assert fresh.read_bytes() == (REPORTS / f"{REPORT_NAME}.pdf").read_bytes(), REGENERATE


def test_a_python_derivation_of_ones_own_is_never_pasted_into_tex():
    evil = r"\input{/etc/passwd}"
    d = derivation("mine/000", topic="mine", source="mine.py", title=evil, statement=evil,
                   assume=assume(text=evil),
                   steps=[step("(1)", evil, scalar(evil), scalar(evil) + 1, expect="refuted", note=evil, reading=evil)])
    cx = Counterexample(sizes={}, indices={}, values={}, lhs=Value.of(0), rhs=Value.of(1))
    results = [CheckResult(id="mine/000/1#1", derivation="mine/000", source="mine.py", label="(1)", part="link",
                           verdict=Verdict.REFUTED, detail=evil, expected="refuted", seconds=0.1, counterexample=cx)]
    tex = render_report([d], results, "tex")
    assert evil not in tex.split(r"\begin{document}", 1)[1]
    md = render_report([d], results, "md")
    outside_code = "\n".join(line for line in md.splitlines() if not line.startswith(("```", "\\input")))
    assert "$" + evil not in outside_code and evil + "$" not in outside_code
    # The symbol's odd name is typeset as literal text inside the mathematics.
    assert r"\text{\texttt{\textbackslash{}input\{/etc/passwd\}}}" in md


@needs_latex
def test_a_latex_failure_leaves_every_previous_report_as_it_was(tmp_path, monkeypatch):
    from derive import report

    write_reports([_toy()], _toy_results(), tmp_path, formats=("md", "tex"))
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    monkeypatch.setattr(report, "render_report",
                        lambda *a, **k: "\\documentclass{article}\\begin{document}$\\frac{1}{$\\end{document}\n")
    with pytest.raises(ReportError, match="LaTeX failed"):
        write_reports([_toy()], _toy_results()[:1], tmp_path)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


# --- readings -------------------------------------------------------------------------------------

def _read_with_readings():
    """A document's step (not the catalog's) that relies on a condition, a declaration, a default, and a
    reading whose text carries TeX that must never run; its ends are refuted under the default."""
    from derive.model import Derivation, Expect, Reading, Side, Step
    from derive.results import Counterexample

    y = sp.Symbol("y")
    readings = (Reading("condition", "case $i = j$", 12), Reading("declaration", r"$W_1 \in \mathbb{R}^{D_x \times H}$", 4),
                Reading("default", r"$\hat{y}$ is one-hot at class $t$"),
                Reading("guess", r"$\input{/etc/passwd}$ is read as a real number (not declared) & 100% #1"))
    st = Step("line 14", "y = y = y", (Side(y), Side(y), Side(y)), (Expect(Verdict.PROVED),) * 2,
              ends=Expect(Verdict.PROVED), line=14, readings=readings, reading="; ".join(r.text for r in readings))
    d = Derivation("mine", "mine", "mine.md", "Mine", "", (st,), file="docs/mine.md")
    cx = Counterexample({"N": 1}, {"t": 1}, lhs=Value.of(0), rhs=Value.of(2))
    verdicts = (Verdict.PROVED, Verdict.PROVED, Verdict.REFUTED)
    results = [CheckResult.of(c, v, "d", 0.1, counterexample=cx if v is Verdict.REFUTED else None)
               for c, v in zip(checks_of(d), verdicts)]
    return [d], results


def test_each_step_shows_its_readings_with_their_lines_in_every_format():
    derivations, results = _read_with_readings()
    md = render_report(derivations, results, "md")
    assert "- condition: case i = j (line 12)\n" in md
    assert "- declaration: W\\_1 ∈ ℝ^(D\\_x × H) (line 4)\n" in md
    assert "- default: y\u0302 is one-hot at class t\n" in md
    # Shown once, as the list: the step's reading (the same texts joined) is not repeated.
    assert "Reading:" not in md and md.count("case i = j") == 1
    html = render_report(derivations, results, "html")
    assert "<li>condition: case i = j (line 12)</li>" in html
    assert "<li>declaration: W_1 ∈ ℝ^(D_x × H) (line 4)</li>" in html
    tex = render_report(derivations, results, "tex")
    assert r"\item condition: case i = j (line 12)" in tex
    assert r"\item declaration: W\_1 \ensuremath{\in} \ensuremath{\mathbb{R}}\textasciicircum{}(D\_x \ensuremath{\times} H) (line 4)" in tex
    assert r"\item default: \^{y} is one-hot at class t" in tex


def test_a_readings_text_is_never_pasted_into_tex_or_html():
    derivations, results = _read_with_readings()
    body = render_report(derivations, results, "tex").split(r"\begin{document}", 1)[1]
    assert r"\input{" not in body and "100%" not in body and " #1" not in body
    assert r"\textbackslash{}input\{/etc/passwd\} is read as a real number (not declared) \& 100\% \#1" in body
    html = render_report(derivations, results, "html")
    assert "read as a real number (not declared) &amp; 100% #1" in html
    md = render_report(derivations, results, "md")
    assert r"\\input\{/etc/passwd\}" in md


def test_a_refutation_under_a_default_says_so_and_is_counted():
    derivations, results = _read_with_readings()
    report = build_report(derivations, results)
    assert report.under_default == 1
    (link,) = [c.link for doc in report.documents for d in doc.derivations for s in d.steps for c in s.corrections]
    assert link.part == "ends" and [r.text for r in link.defaults] == [r"$\hat{y}$ is one-hot at class $t$"]
    md = render_report(derivations, results, "md")
    assert "Refuted under a default reading the document never states: y\u0302 is one-hot at class t.\n" in md
    assert "3 checks: 2 proved, 1 refuted. 1 of the refuted checks relies on a default reading" in md
    assert "Refuted under a default reading the document never states: \\^{y} is one-hot" in render_report(
        derivations, results, "tex")
    # Without the default, nothing of the kind is said.
    plain = [CheckResult(**{**r.__dict__, "readings": r.readings[:2]}) for r in results]
    assert "default reading" not in render_report(derivations, plain, "md")


@needs_latex
def test_readings_typeset_in_the_pdf(tmp_path):
    derivations, results = _read_with_readings()
    write_reports(derivations, results, tmp_path / "out", formats=("pdf",))
    assert (tmp_path / "out" / f"{REPORT_NAME}.pdf").read_bytes().startswith(b"%PDF")


def test_a_documents_report_and_its_results_carry_the_readings(tmp_path):
    import json

    from derive.runner import run_checks
    from derive.read.sources import load_path
    from derive.verify import Settings

    path = tmp_path / "loss.md"
    path.write_text("$$ -\\sum_k y_k \\log \\hat{y}_k = 2 $$\n\n$$ (x + 1)^2 = x^2 + 2 x + 1 $$\n")
    derivations = load_path(path)
    results = run_checks([c for d in derivations for c in checks_of(d)], Settings(timeout=20.0), 1)
    write_reports(derivations, results, tmp_path / "out", formats=("md",))
    md = (tmp_path / "out" / f"{REPORT_NAME}.md").read_text()
    assert "- guess: x is read as real number (not declared)\n" in md
    assert "- default: y is read as one-hot at class t" in md
    assert "Refuted under a default reading the document never states: y is read as one-hot at class t" in md
    saved = json.loads((tmp_path / "out" / RESULTS_NAME).read_text())["results"]
    assert [(r["file"], r["line"], r["link"], r["readings"][0]["kind"]) for r in saved] == [
        (str(path), 1, 1, "default"), (str(path), 3, 1, "guess")]
    assert load_results(tmp_path / "out" / RESULTS_NAME)[1].readings == results[1].readings


def test_a_report_on_a_document_with_inverses_and_determinants_of_any_size_renders_them():
    """A^{-1} and det of an n x n matrix, read as terms written out at each size, print as (A^{-1})_{jk} and det in
    every format (TeX compiles them), and the readings of a user's file are plain text, never raw TeX."""
    from derive.read.document import read_document
    from derive.read.notation_file import default_notation
    from derive.verify import verify_check
    text = ("Let $A$ be an invertible $n \\times n$ matrix.\n\n$$\n(A^\\top)^{-1} = (A^{-1})^\\top\n$$\n\n"
            "$$\n\\det(2A) = 2 \\det A\n$$\n")
    d = read_document(text, "doc.md", default_notation())
    results = [verify_check(c) for c in checks_of(d)]
    tex = render_report([d], results, "tex")
    assert "A^\\top}^{-1}" in tex and "\\det A" in tex
    md = render_report([d], results, "md")
    assert "Reading: A ∈ ℝ^(n × n)" in md and "\\$A \\\\in" not in md


def test_a_report_prints_a_family_of_functions_at_a_size_as_written():
    """T_n(1) of a family a recurrence defines prints as T_N(1) in every format, never as the values it holds."""
    from derive.read.document import read_document
    from derive.read.notation_file import default_notation
    from derive.verify import verify_check
    text = ("Define $T_0(x) = 1$, $T_1(x) = x$ and\n$$\nT_{n+1}(x) = 2x \\, T_n(x) - T_{n-1}(x)\n$$\n\n"
            "$$\nT_n(1) = 1\n$$\n")
    d = read_document(text, "doc.md", default_notation())
    results = [verify_check(c) for c in checks_of(d)]
    for fmt in ("tex", "md", "html"):
        out = render_report([d], results, fmt)
        assert "T_{N}\\left(1\\right)" in out and "FamilyTerm" not in out
