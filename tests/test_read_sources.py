"""Collecting derivations from user files and folders."""

from __future__ import annotations

from pathlib import Path

import pytest

from derive.errors import DeriveError, SourceError
from derive.model import Derivation
from derive.read.sources import load_path

PY = '''
from derive import derivation, scalar, step
a = scalar("a")
FIRST = derivation("first", topic="t", source="f.py", title="T", statement="",
                   steps=[step("s", "", 2 * a, a + a)])
SECOND = derivation("second", topic="t", source="f.py", title="T", statement="",
                    steps=[step("s", "", a * a, a + a, expect="refuted")])
ALIAS = FIRST
'''


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def test_python_file_module_level_derivations_in_order(tmp_path):
    found = load_path(_write(tmp_path / "anything.py", PY))
    assert [d.id for d in found] == ["first", "second"]


def test_python_file_derivations_tuple_wins(tmp_path):
    found = load_path(_write(tmp_path / "f.py", PY + "DERIVATIONS = (SECOND,)\n"))
    assert [d.id for d in found] == ["second"]


def test_python_file_without_derivations(tmp_path):
    with pytest.raises(SourceError, match="no derivations"):
        load_path(_write(tmp_path / "empty.py", "x = 1\n"))


def test_python_file_that_raises(tmp_path):
    with pytest.raises(SourceError, match="ZeroDivisionError"):
        load_path(_write(tmp_path / "bad.py", "1 / 0\n"))


def test_python_file_can_import_its_neighbours(tmp_path):
    _write(tmp_path / "shared.py", "VALUE = 3\n")
    found = load_path(_write(tmp_path / "f.py", "from shared import VALUE\n" + PY))
    assert len(found) == 2


def test_markdown_file(tmp_path):
    (d,) = load_path(_write(tmp_path / "sol.md", "# S\n\n$$x_1 + x_2 = x_2 + x_1$$\n"))
    assert isinstance(d, Derivation) and d.id == "sol" and d.steps[0].line == 3


def test_markdown_with_a_notation_file(tmp_path):
    # x_1 makes x a vector of the default notation; the notation file makes it a scalar.
    notation = _write(tmp_path / "n.toml", 'scalars = ["x"]\n')
    text = "$$\\sigma(x) (1 - \\sigma(x)) = \\sigma'(x)$$\n\n$$x_1 = x_1$$\n"
    (d,) = load_path(_write(tmp_path / "s.md", text), notation)
    assert not d.steps[0].problem
    (d,) = load_path(tmp_path / "s.md")
    assert "product of two vectors" in d.steps[0].problem


def test_folder_collects_by_pattern(tmp_path):
    _write(tmp_path / "derivation_a.py", PY)
    _write(tmp_path / "other.py", "raise RuntimeError('not collected')\n")
    _write(tmp_path / "sub" / "notes.md", "$$a = a$$\n")
    _write(tmp_path / "sub" / "proof.md", "$$x_1 = x_1$$\n")
    _write(tmp_path / "README.md", "no mathematics here\n")
    _write(tmp_path / ".hidden" / "derivation_b.py", "raise RuntimeError('hidden')\n")
    found = load_path(tmp_path)
    assert [d.id for d in found] == ["first", "second", "sub-notes", "sub-proof"]
    assert found[3].source == "sub/proof.md"


@pytest.mark.parametrize("name, content, message", [
    ("missing.md", None, "does not exist"),
    ("data.csv", "a,b\n", "expected a .py"),
    ("plain.md", "no maths\n", "no display mathematics"),
])
def test_bad_input_is_a_derive_error(tmp_path, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_text(content)
    with pytest.raises(DeriveError, match=message):
        load_path(path)


def test_duplicate_ids_in_a_folder(tmp_path):
    _write(tmp_path / "derivation_a.py", PY)
    _write(tmp_path / "derivation_b.py", PY)
    with pytest.raises(SourceError, match="two derivations"):
        load_path(tmp_path)


def test_bad_notation_file(tmp_path):
    notation = _write(tmp_path / "n.toml", "[vectors]\nx = 'Q'\n")
    with pytest.raises(SourceError, match="not a size"):
        load_path(_write(tmp_path / "s.md", "$$x_1 = x_1$$"), notation)


def test_shipped_examples_load():
    examples = Path(__file__).resolve().parent.parent / "examples"
    ids = [d.id for d in load_path(examples, examples / "scalar.toml")]
    assert ids == ["cross-entropy", "least-squares", "sigmoid", "softmax-shift"]


def test_non_regular_files_are_never_opened(tmp_path):
    import os

    os.mkfifo(tmp_path / "p.md")
    (tmp_path / "z.md").symlink_to("/dev/zero")
    for name in ("p.md", "z.md"):
        with pytest.raises(SourceError, match="not a regular file"):
            load_path(tmp_path / name)
    with pytest.raises(SourceError, match="not a regular file"):
        load_path(tmp_path)  # in a folder as well: never skipped in silence, never opened


def test_an_unreadable_subfolder_is_an_error(tmp_path, monkeypatch):
    import os

    _write(tmp_path / "ok.md", "$$x_1 = x_1$$\n")
    (tmp_path / "locked").mkdir()
    real = os.scandir

    def scandir(path="."):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    with pytest.raises(SourceError, match="cannot read folder .*locked.*Permission denied"):
        load_path(tmp_path)


def test_an_endless_python_file_ends_with_a_one_line_error(tmp_path):
    import time

    start = time.perf_counter()
    with pytest.raises(SourceError, match=r"^loading forever\.py: time limit of 1 s reached$"):
        load_path(_write(tmp_path / "forever.py", "while True:\n    pass\n"), timeout=1)
    assert time.perf_counter() - start < 10


def test_a_python_file_runs_in_a_worker_and_its_prints_stay_out_of_stdout(tmp_path, capfd):
    found = load_path(_write(tmp_path / "f.py", "import sys\nprint('noise')\nsys.modules['os'].environ['DERIVE_T'] = '1'\n" + PY))
    assert [d.id for d in found] == ["first", "second"]
    import os

    assert "DERIVE_T" not in os.environ  # it ran elsewhere
    out, err = capfd.readouterr()
    assert "noise" not in out


def test_txt_is_read_as_markdown_and_a_notebook_by_cell(tmp_path):
    import json

    (d,) = load_path(_write(tmp_path / "notes.txt", "# Notes\n\n```\n$$a = b$$\n```\n\n$$x_1 + x_2 = x_2 + x_1$$\n"))
    assert d.title == "Notes" and [s.line for s in d.steps] == [7]
    cells = [{"cell_type": "markdown", "metadata": {}, "source": ["# Intro\n", "no maths here"]},
             {"cell_type": "code", "metadata": {}, "source": "x = '$$a = b$$'", "outputs": [], "execution_count": None},
             {"cell_type": "markdown", "metadata": {}, "source": "Text\n\n$$x_1 = x_1$$\n\n$$c = c$$"}]
    book = {"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    (cell,) = load_path(_write(tmp_path / "nb.ipynb", json.dumps(book)))
    assert cell.id == "nb/cell-3" and cell.source == "nb.ipynb"
    assert [s.line for s in cell.steps] == [3, 5]
    with pytest.raises(SourceError, match="Jupyter notebook"):
        load_path(_write(tmp_path / "bad.ipynb", "{not json"))


def test_a_document_is_read_in_a_worker_under_the_time_limit(tmp_path, monkeypatch):
    import time

    import derive.read.document as document

    def endless(*args, **kwargs):
        while True:
            pass

    monkeypatch.setattr(document, "read_document", endless)  # as a formula that makes the reader compute
    start = time.perf_counter()
    with pytest.raises(SourceError, match=r"^reading slow\.md: time limit of 1 s reached$"):
        load_path(_write(tmp_path / "slow.md", "$$x_1 = x_1$$\n"), timeout=1)
    assert time.perf_counter() - start < 5


LATEX = r"""\documentclass{article}
\usepackage{amsmath}
\DeclareMathOperator{\softmax}{softmax}
\newcommand{\sm}[2]{\frac{e^{#1_{#2}}}{\sum_{j=1}^{N} e^{#1_j}}}
\newcommand{\pd}[2]{\frac{\partial #1}{\partial #2}}
\def\lse#1{\log \sum_{j=1}^{N} e^{#1_j}}
\providecommand{\half}{\frac{1}{2}}
\newcommand{\shifted}[1][c]{\frac{e^{x_i + #1}}{\sum_{j=1}^{N} e^{x_j + #1}}}
\renewcommand{\exp}[1]{e^{2 #1}}
\newcommand{\claim}{\begin{equation} 1 = 2 \end{equation}}
% \[ \sm{x}{i} = 0 \]  a false claim in a comment
\iffalse
\[ 1 = 2 \]
\fi
\begin{document}
\section{Softmax with macros}
The code \verb|\[ x = x + 1 \]| is not mathematics, nor is 100\% of this.
\begin{equation}
\sm{x}{i} = \shifted \label{eq:shift}
\end{equation}
\begin{equation}
\pd{}{x_k} \lse{x} = \sm{x}{k}
\end{equation}
\begin{equation}
\sm{x}{i} = \shifted[2] + 1
\end{equation}
\[ \half (a+b)^2 = \half a^2 + ab + \half b^2 \]
\[ \softmax(x)_i = \sm{x}{i} \]
\[ \exp{u} = e^{u} e^{u} \]
\input{appendix}
\end{document}
"""


def test_a_latex_document_with_its_own_macros(tmp_path):
    from derive.model import Verdict, checks_of
    from derive.verify import Settings, verify_check

    _write(tmp_path / "appendix.tex", "\\[ 1 + 1 = 3 \\]\n")  # never read: \input is not followed
    (d,) = load_path(_write(tmp_path / "softmax.tex", LATEX))
    verdicts = {c.id.split("/", 1)[1]: verify_check(c, Settings(timeout=20)).verdict for c in checks_of(d)}
    assert verdicts == {"line-19#1": Verdict.PROVED, "line-22#1": Verdict.PROVED, "line-25#1": Verdict.REFUTED,
                        "line-27#1": Verdict.PROVED, "line-28#1": Verdict.PROVED, "line-29#1": Verdict.PROVED}
    wrong = next(s for s in d.steps if s.line == 25)
    assert wrong.positions == ((25, 1), (25, 13)) and wrong.end_line == 25  # where \sm{x}{i} and \shifted stand
    assert d.note == r"\input{appendix} (line 30) is not followed: only the mathematics of softmax.tex is read."


def test_a_recursive_macro_is_a_one_line_error(tmp_path):
    doc = _write(tmp_path / "loop.tex", "\\newcommand{\\twice}{\\twice\\twice}\n\n\\[ \\twice = 1 \\]\n")
    with pytest.raises(SourceError) as info:
        load_path(doc)
    assert str(info.value) == (r"loop.tex: the macro \twice (defined at line 1) is defined in terms of itself: "
                               "its expansion at line 3 never ends")


def test_a_latex_file_of_inputs_alone_says_they_are_not_followed(tmp_path):
    _write(tmp_path / "part.tex", "\\[ a = a \\]\n")
    with pytest.raises(SourceError, match=r"no display mathematics .* \(\\input and \\include are not followed\)$"):
        load_path(_write(tmp_path / "main.tex", "\\input{part}\n\\include{part}\n"))


def test_a_macro_redefined_inside_an_environment_keeps_its_meaning_after_it(tmp_path):
    from derive.model import Verdict, checks_of
    from derive.verify import Settings, verify_check

    doc = ("\\newcommand{\\x}{a + a}\n"
           "\\begin{proof}\n\\renewcommand{\\x}{3 a}\n\\[ \\x = a + 2 a \\]\n\\end{proof}\n"
           "\\[ \\x = 2 a \\]\n")
    (d,) = load_path(_write(tmp_path / "local.tex", doc))
    assert [verify_check(c, Settings(timeout=20)).verdict for c in checks_of(d)] == [Verdict.PROVED] * 2


def test_a_notebooks_cells_are_read_in_order_as_one_document(tmp_path):
    """A setup cell's 'Throughout, x > 0' and 'y in {0, 1}' hold in the cells after it; each cell keeps its own
    lines, and a reading from another cell names that cell."""
    import json

    from derive.model import checks_of
    from derive.verify import Settings, verify_check

    cells = [{"cell_type": "markdown", "metadata": {}, "source": "# Setup\n\nThroughout, $x > 0$ and $y \\in \\{0, 1\\}$."},
             {"cell_type": "code", "metadata": {}, "source": "import numpy as np", "outputs": [], "execution_count": None},
             {"cell_type": "markdown", "metadata": {}, "source": "$$\n\\sqrt{x^2} = x\n$$\n\n$$\ny^2 = y\n$$"}]
    book = {"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    (cell,) = load_path(_write(tmp_path / "nb.ipynb", json.dumps(book)))
    assert cell.id == "nb/cell-3" and [s.line for s in cell.steps] == [2, 6]
    results = [verify_check(c, Settings(timeout=20)) for c in checks_of(cell)]
    assert [r.verdict.value for r in results] == ["proved", "proved"]
    assert any("(cell 1, line 3)" in r.text for r in cell.steps[0].readings)


def test_a_document_derive_fails_on_leaves_the_rest_of_its_folder_read(tmp_path, monkeypatch):
    """A failure inside derive on one document of a folder is that document's one unchecked link, saying so;
    the folder's other documents are read. Given alone, the document is a one-line error naming the file."""
    import derive.read.sources as sources

    reading = sources.load_document

    def failing(path, notation=None, prefix=""):
        if Path(path).name == "bad.md":
            raise KeyError("v")
        return reading(path, notation, prefix)

    monkeypatch.setattr(sources, "load_document", failing)  # (the worker is forked: it runs this one)
    _one_document_not_read(tmp_path, "bad.md", "$$a = a$$\n", "derive failed on it (KeyError",
                           r"reading bad\.md: derive failed on it \(KeyError")


def test_a_document_that_cannot_be_read_leaves_the_rest_of_its_folder_read(tmp_path):
    """A document whose own text cannot be read (a macro defined in terms of itself) is one unchecked link in a
    folder, naming why; alone, it is a one-line error."""
    _one_document_not_read(tmp_path, "bad.tex", "\\newcommand{\\x}{\\x\\x}\n\\[ \\x = 1 \\]\n",
                           "defined in terms of itself", "defined in terms of itself")


def _one_document_not_read(folder: Path, name: str, text: str, detail: str, alone: str) -> None:
    """A folder of the document ``name`` and a good one: the first is one unchecked link whose reason holds
    ``detail``, the second is proved; given alone, the first is a SourceError matching ``alone``."""
    from derive.model import checks_of
    from derive.verify import Settings, verify_check

    _write(folder / name, text)
    _write(folder / "good.md", "$$(a + b)^2 = a^2 + 2ab + b^2$$\n")
    found = load_path(folder)
    assert [d.id for d in found] == ["bad", "good"]
    (check,) = checks_of(found[0])
    result = verify_check(check, Settings())
    assert result.verdict.value == "unknown" and detail in result.detail, result.detail
    assert verify_check(checks_of(found[1])[0], Settings()).verdict.value == "proved"
    with pytest.raises(SourceError, match=alone):
        load_path(folder / name)


def test_a_folder_read_several_documents_at_a_time_gives_the_same_derivations_in_order(tmp_path, monkeypatch):
    """jobs=3 reads the documents side by side: the derivations are those of jobs=1, in the folder's order, and a
    document beyond the time limit is its own unchecked link while the others are read (it holds up no other)."""
    import time

    import derive.read.sources as sources

    texts = {f"{n:02d}_doc.md": f"# D{n}\n\n$$\n(a + {n})^2 = a^2 + {2 * n} a + {n * n}\n$$\n" for n in range(7)}
    for name, text in texts.items():
        _write(tmp_path / name, text)
    (tmp_path / "sub").mkdir()
    _write(tmp_path / "sub" / "inner.md", "$$x + 1 = 1 + x$$\n")
    one = load_path(tmp_path, jobs=1)
    three = load_path(tmp_path, jobs=3)
    assert [d.id for d in one] == [d.id for d in three] == [f"{n:02d}-doc" for n in range(7)] + ["sub-inner"]
    assert one == three
    reading = sources.load_document

    def slow(path, notation=None, prefix=""):
        if Path(path).name == "03_doc.md":
            while True:
                pass
        return reading(path, notation, prefix)

    monkeypatch.setattr(sources, "load_document", slow)  # (the workers are forked: they run this one)
    start = time.perf_counter()
    found = load_path(tmp_path, timeout=1, jobs=3)
    assert time.perf_counter() - start < 15
    assert [d.id for d in found] == [d.id for d in one]
    assert "time limit of 1 s reached" in found[3].steps[0].problem
    assert found[:3] + found[4:] == one[:3] + one[4:]
