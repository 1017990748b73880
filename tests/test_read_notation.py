"""Notation files: defaults, overrides, and clear errors for bad files."""

from __future__ import annotations

import pytest

from derive.errors import NotationError
from derive.read.notation_file import canonical_key, default_notation, load_notation


def test_defaults_cover_the_built_in_conventions():
    n = default_notation()
    assert n.vectors["x"] == n.vectors["\\theta"] == "N"
    assert n.onehot == {"y": "t"}
    assert n.functions["\\sigma"] == "sigmoid" and n.functions["CE"] == "cross-entropy"
    assert n.definitions["\\hat{y}"] == "\\operatorname{softmax}(\\theta)"
    assert n.size_name("K") == "N"


def test_keys_have_one_spelling():
    assert canonical_key("\\hat y") == canonical_key("\\widehat{y}") == canonical_key("\\hat{y}") == "\\hat{y}"
    with pytest.raises(NotationError):
        canonical_key("x + y")


def test_a_user_file_is_laid_over_the_defaults(tmp_path):
    f = tmp_path / "n.toml"
    f.write_text('scalars = ["x"]\n[onehot]\ny = "k"\n')
    n = load_notation(f)
    assert "x" in n.scalars and "x" not in n.vectors
    assert n.onehot == {"y": "k"}
    assert "\\theta" in n.vectors


def test_defaults_can_be_switched_off(tmp_path):
    f = tmp_path / "n.toml"
    f.write_text('defaults = false\nscalars = ["a"]\n[sizes]\nM = ["p"]\n[vectors]\nv = "M"\n')
    n = load_notation(f)
    assert n.vectors == {"v": "M"} and "x" not in n.vectors and not n.definitions


@pytest.mark.parametrize("content, message", [
    ("[vectors]\nx = \"Q\"\n", "not a size"),
    ("[functions]\nf = \"tanh\"\n", "expected one of"),
    ("[colours]\nx = 1\n", "unknown key"),
    ("[vectors\n", "not valid TOML"),
    ("[onehot]\nc = \"t\"\n", "not a vector"),
])
def test_bad_files_fail_with_the_reason(tmp_path, content, message):
    f = tmp_path / "bad.toml"
    f.write_text(content)
    with pytest.raises(NotationError, match=message):
        load_notation(f)


def test_missing_file(tmp_path):
    with pytest.raises(NotationError, match="does not exist"):
        load_notation(tmp_path / "none.toml")


@pytest.mark.parametrize("toml, message", [
    ('scalars = ["a", "b"]\n[definitions]\na = "b"\nb = "a"\n', "the definitions form a cycle: a -> b -> a"),
    ('scalars = ["a", "b", "c"]\n[definitions]\na = "b + 1"\nb = "2 c"\nc = "a"\n', "a -> b -> c -> a"),
    ('scalars = ["a"]\n[definitions]\na = "a + 1"\n', "a is defined in terms of itself"),
    ('vectors = {}\n[definitions]\n\'\\hat{y}\' = "\\\\operatorname{softmax}(\\\\hat{y})"\n', "\\hat{y} is defined in terms of itself"),
    ('scalars = ["a"]\n[definitions]\na = "\\\\frac{1}{"\n', "definition of a"),
])
def test_definitions_that_never_end_or_cannot_be_read_are_errors(tmp_path, toml, message):
    path = tmp_path / "n.toml"
    path.write_text(toml)
    with pytest.raises(NotationError) as info:
        load_notation(path)
    assert message in str(info.value) and str(info.value).startswith("n.toml: ")


def test_definitions_in_a_chain_are_accepted(tmp_path):
    path = tmp_path / "n.toml"
    path.write_text('scalars = ["a", "b", "z"]\n[definitions]\nz = "1 + e^{-a}"\na = "2 b"\n')
    assert set(load_notation(path).definitions) >= {"a", "z"}
