"""The command line through typer's CliRunner: output, exit codes, errors."""

import json

import pytest

from typer.testing import CliRunner

from derive.cli import app

runner = CliRunner()


def test_check_one_derivation_text():
    result = runner.invoke(app, ["check", "softmax-shift/002", "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert "002_659694377acdb9c6.txt" in result.output
    assert "proved for all n" in result.output  # the document calls its vector length n
    assert "every verdict is as expected" in result.output


def test_check_json():
    result = runner.invoke(app, ["check", "softmax-shift/000/1", "--format", "json", "--jobs", "1"])
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert doc["summary"]["checks"] == 1
    assert doc["results"][0]["verdict"] == "proved"
    assert doc["results"][0]["source"] == "000_e316718807a0f1a9.txt"


def test_unknown_claim_suggests_close_ids():
    result = runner.invoke(app, ["check", "softmax-shift/00"])
    assert result.exit_code == 2
    assert "no claim or step with ID 'softmax-shift/00'" in result.output
    assert "softmax-shift/000" in result.output
    assert "Traceback" not in result.output


def test_bad_option_is_a_usage_error():
    assert runner.invoke(app, ["check", "--jobs", "0"]).exit_code == 2
    assert runner.invoke(app, ["check", "--timeout", "-1"]).exit_code == 2
    assert runner.invoke(app, ["check", "--format", "xml"]).exit_code == 2


def test_mismatch_exits_1(monkeypatch):
    from dataclasses import replace

    from derive.catalog import derivations
    from derive.model import Expect, Verdict

    d = next(d for d in derivations() if d.id == "softmax-shift/000")
    wrong = replace(d, steps=(replace(d.steps[0], expect=(Expect(Verdict.REFUTED),)),))
    monkeypatch.setattr("derive.catalog.derivations", lambda: (wrong,))
    result = runner.invoke(app, ["check", "--jobs", "1"])
    assert result.exit_code == 1
    assert "expected refuted" in result.output


def test_list_shows_step_ids():
    result = runner.invoke(app, ["list"])
    assert result.exit_code == 0
    assert "softmax-shift/000/1" in result.output


def test_help_is_clear():
    result = runner.invoke(app, ["check", "--help"])
    assert result.exit_code == 0
    for word in ("--format", "--jobs", "--timeout", "CLAIM_ID"):
        assert word in result.output


def _usage_error(args, code=2, words=()):
    result = runner.invoke(app, args)
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    for w in words:
        assert w in result.output
    return result


def test_time_limits_that_no_timer_can_keep_are_usage_errors():
    for value in ("1e9", "inf", "nan", "0", "-inf"):
        _usage_error(["check", "softmax-shift/000/1", "--timeout", value], words=("--timeout",))


def test_an_empty_argument_is_a_usage_error():
    _usage_error(["check", ""], words=("empty argument",))
    _usage_error(["list", " "], words=("empty argument",))


def test_an_empty_or_impossible_output_place_fails_before_the_work(tmp_path):
    import time

    start = time.perf_counter()
    _usage_error(["report", "softmax-shift/000", "--out", ""], code=1, words=("empty",))
    _usage_error(["emit", "--out", str(tmp_path / "nonexistent" / "dir" / "x.py")], code=1, words=("does not exist",))
    (tmp_path / "file").write_text("")
    _usage_error(["report", "--out", str(tmp_path / "file" / "r")], code=1, words=("not a folder",))
    assert time.perf_counter() - start < 5  # nothing was verified
    assert [p.name for p in tmp_path.iterdir()] == ["file"]


def test_notation_on_the_catalog_is_refused_and_a_malformed_one_fails(tmp_path):
    good = tmp_path / "n.toml"
    good.write_text("scalars = ['x']\n")
    _usage_error(["check", "softmax-shift/000/1", "--notation", str(good)], words=("built-in catalog",))
    doc = tmp_path / "a.md"
    doc.write_text("$$x_1 = x_1$$\n")
    bad = tmp_path / "bad.toml"
    bad.write_text("[vectors\n")
    _usage_error(["check", str(doc), "--notation", str(bad)], words=("not valid TOML",))


def test_memory_limit_option_is_validated():
    _usage_error(["check", "softmax-shift/000/1", "--memory", "10"], words=("--memory",))


def test_many_jobs_under_a_low_open_file_limit_and_odd_files(tmp_path):
    import os
    import subprocess
    import sys
    from pathlib import Path

    doc = tmp_path / "a.md"
    doc.write_text("".join(f"$$x_{{{n}}} + c = c + x_{{{n}}}$$\n\n" for n in range(1, 21)))
    os.mkfifo(tmp_path / "p.md")
    (tmp_path / "z.md").symlink_to("/dev/zero")
    root = Path(__file__).resolve().parents[1]

    def run(*args):
        code = f"import resource; resource.setrlimit(resource.RLIMIT_NOFILE, (64, resource.getrlimit(resource.RLIMIT_NOFILE)[1]))\n" \
               f"import sys; sys.argv = ['derive', *{list(args)!r}]\nfrom derive.cli import main; main()"
        return subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, timeout=120)

    done = run("check", str(doc), "--jobs", "1000")
    assert done.returncode == 0, done.stderr
    assert "20 checks: 20 proved" in done.stdout and "Traceback" not in done.stderr
    for name in ("p.md", "z.md"):
        done = run("check", str(tmp_path / name))
        assert done.returncode == 2 and "not a regular file" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.slow
def test_a_check_that_needs_unbounded_memory_stays_within_the_limit(tmp_path):
    """A 40-byte formula whose expansion needs gigabytes: unknown, the run ends, memory bounded."""
    import subprocess
    import sys
    import time
    from pathlib import Path

    doc = tmp_path / "m.md"
    doc.write_text("$$ ((((c+1)^{64})^{64})^{64})^{64} = c $$\n")
    # A wrapper process runs derive and reports the peak memory of its descendants (alone, unlike ours).
    wrapper = ("import resource, subprocess, sys\n"
               "done = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
               "sys.stdout.write(done.stdout); sys.stderr.write(done.stderr)\n"
               "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)\n"
               "sys.exit(done.returncode)\n")
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", wrapper, sys.executable, "-m", "derive", "check", str(doc),
                           "--memory", "512", "--timeout", "60", "--format", "json"],
                          cwd=Path(__file__).resolve().parents[1], capture_output=True, text=True, timeout=300)
    assert time.perf_counter() - start < 150
    *messages, peak = done.stderr.strip().splitlines()
    assert "Traceback" not in done.stderr
    if done.returncode == 2:  # the reader refused the formula: also within bounds
        assert "limit" in "\n".join(messages)
    else:
        (result,) = json.loads(done.stdout)["results"]
        assert result["verdict"] == "unknown" and "limit" in result["detail"], result
    assert int(peak) < 600 * 1024, f"a process of the run used {peak} kB"


def test_check_on_ones_own_file_names_the_links_not_proved(tmp_path):
    path = tmp_path / "wrong.md"
    path.write_text("$$ \\frac{d}{dx} x^2 = 2 x = 3 x $$\n")
    result = runner.invoke(app, ["check", str(path), "--jobs", "1"])
    assert result.exit_code == 1, result.output
    assert "2 link(s) not proved as written:" in result.output  # link 2 and the ends
    assert "wrong/line-1#2: refuted" in result.output
    assert "expected" not in result.output


def test_check_on_ones_own_file_that_holds(tmp_path):
    path = tmp_path / "right.md"
    path.write_text("$$ \\frac{d}{dx} x^2 = 2 x $$\n")
    result = runner.invoke(app, ["check", str(path), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert "every link is proved" in result.output


# --- JSON that points at the text ------------------------------------------------------------------

def test_json_points_at_the_text_of_a_document(tmp_path, monkeypatch):
    """A Markdown document with an undeclared scalar: the result names the file as typed, the line and
    column of the link's left term, its number, the link as written and the guess it relied on."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "square.md").write_text("# Square\n\nText.\n\n$$\n(x + 1)^2 = x^2 + 2x + 1\n$$\n")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["check", "./docs/square.md", "--format", "json", "--jobs", "1"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["schema"] == 3 and doc["summary"]["refuted_under_defaults"] == 0
    (r,) = doc["results"]
    assert r["verdict"] == "proved"
    assert (r["file"], r["source"]) == ("./docs/square.md", "square.md")
    assert (r["line"], r["column"], r["end_line"], r["link"]) == (6, 1, 6, 1)
    assert r["latex"] == "(x + 1)^2 = x^2 + 2x + 1"
    assert r["readings"] == [{"kind": "guess", "text": "$x$ is read as real number (not declared)", "line": None}]
    # A folder: each file as the folder was typed, followed by its path inside it.
    result = runner.invoke(app, ["check", "docs/", "--format", "json", "--jobs", "1"])
    assert [r["file"] for r in json.loads(result.stdout)["results"]] == ["docs/square.md"]


def test_json_counts_refutations_under_a_default_apart(tmp_path):
    path = tmp_path / "loss.md"
    path.write_text("$$ -\\sum_k y_k \\log \\hat{y}_k = 2 $$\n\n$$ (x + 1)^2 = x^2 + 1 $$\n")
    result = runner.invoke(app, ["check", str(path), "--format", "json", "--jobs", "1"])
    assert result.exit_code == 1, result.output
    doc = json.loads(result.stdout)
    assert doc["summary"]["verdicts"] == {"refuted": 2}
    assert doc["summary"]["refuted_under_defaults"] == 1
    under = [r for r in doc["results"] if any(x["kind"] == "default" for x in r["readings"])]
    assert [r["line"] for r in under] == [1]
    text = runner.invoke(app, ["check", str(path), "--jobs", "1"]).output
    assert "1 of the 2 refuted checks relies on a default reading the document never states" in text
    assert "loss/line-1#1: refuted under a default reading the document never states" in text
    assert "loss/line-3#1: refuted\n" in text


HELPER = """import sympy as sp
print("helper imported")


class Twice(sp.Function):
    def fdiff(self, argindex=1):
        print("fdiff called")
        return sp.Integer(2)
"""

NOISY = """import sympy as sp
from derive import derivation, scalar, step
from helper import Twice

print("loading the file")
a = scalar("a")
D = derivation("noisy", topic="t", source="noisy.py", title="T", statement="",
               steps=[step("s", "", sp.Derivative(Twice(a), a), sp.Integer(2))])
"""


def test_prints_of_a_python_file_never_reach_the_json(tmp_path):
    """The file prints while it loads, its helper module while the derivations are read back in derive's
    own process, and its class while a check runs (fdiff, in a worker): all of it on stderr, stdout is the
    JSON alone."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    (tmp_path / "helper.py").write_text(HELPER)
    (tmp_path / "derivation_noisy.py").write_text(NOISY)
    root = Path(__file__).resolve().parents[1]
    env = {**os.environ, "PYTHONPATH": str(root)}
    done = subprocess.run([sys.executable, "-m", "derive", "check", "derivation_noisy.py", "--format", "json",
                           "--jobs", "1"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode in (0, 1) and "Traceback" not in done.stderr, done.stderr
    doc = json.loads(done.stdout)
    (r,) = doc["results"]
    assert r["id"] == "noisy/s#1" and r["file"] == "derivation_noisy.py" and r["source"] == "noisy.py"
    for line in ("helper imported", "loading the file", "fdiff called"):
        assert line in done.stderr and line not in done.stdout


def test_a_latex_document_with_macros_through_the_cli(tmp_path):
    doc = tmp_path / "ops.tex"
    doc.write_text("\\documentclass{article}\n"
                   "\\newcommand{\\sq}[1]{\\left(#1\\right)^2}\n"
                   "\\DeclareMathOperator{\\sgn}{sgn}\n"
                   "\\begin{document}\n"
                   "\\[ \\sq{a+b} = a^2 + 2ab + b^2 \\]\n"
                   "\\[ \\sq{a-b} = a^2 + b^2 \\] % refuted\n"
                   "% \\[ \\sq{a} = 0 \\] a comment\n"
                   "\\end{document}\n")
    result = runner.invoke(app, ["check", str(doc), "--jobs", "1", "--format", "json"])
    assert result.exit_code == 1, result.output
    verdicts = {r["label"]: r["verdict"] for r in json.loads(result.stdout)["results"]}
    assert verdicts == {"line 5": "proved", "line 6": "refuted"}


def test_a_recursive_latex_macro_fails_with_one_line_and_no_output(tmp_path):
    doc = tmp_path / "loop.tex"
    doc.write_text("\\def\\x{\\y}\n\\def\\y{\\x}\n\\[ \\x = 1 \\]\n")
    result = runner.invoke(app, ["check", str(doc), "--jobs", "1", "--format", "json"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.strip().splitlines() == [
        "derive: error: loop.tex: the macro \\x (defined at line 1) is defined in terms of itself: "
        "its expansion at line 3 never ends"]


def test_notebook_results_name_their_cell(tmp_path):
    cells = [{"cell_type": "markdown", "metadata": {}, "source": "# Intro\n\n$$(a+b)^2 = a^2 + b^2$$"},
             {"cell_type": "code", "metadata": {}, "source": "x = 1", "outputs": [], "execution_count": None},
             {"cell_type": "markdown", "metadata": {}, "source": "Text\n\nmore\n\n$$x_1 + x_2 = x_2 + x_1$$"}]
    book = tmp_path / "nb.ipynb"
    book.write_text(json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
    result = runner.invoke(app, ["check", str(book), "--jobs", "1", "--format", "json"])
    assert result.exit_code == 1, result.output
    found = [(r["derivation"], r["label"], r["verdict"]) for r in json.loads(result.stdout)["results"]]
    # lines count within the cell: the display of cell 3 is on its fifth line
    assert found == [("nb/cell-1", "line 3", "refuted"), ("nb/cell-3", "line 5", "proved")]
