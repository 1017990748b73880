"""Collecting derivations from user files and folders."""

from __future__ import annotations

from pathlib import Path

import pytest

from derive.errors import DeriveError, SourceError
from derive.model import Derivation
from derive.sources import load_path

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
    notation = _write(tmp_path / "n.toml", 'scalars = ["x"]\n')
    (d,) = load_path(_write(tmp_path / "s.md", "$$\\sigma(x) (1 - \\sigma(x)) = \\sigma'(x)$$"), notation)
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
