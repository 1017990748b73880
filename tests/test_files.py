"""Atomic writes: a failure part-way leaves the previous file intact and no temporary behind."""

import os

import pytest

from derive.errors import OutputError
from derive.files import write_atomic


def test_atomic_write_replaces_the_file(tmp_path):
    target = tmp_path / "r.md"
    target.write_text("old")
    write_atomic(target, "new")
    assert target.read_text() == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["r.md"]


def test_atomic_write_keeps_the_old_file_when_the_write_fails(tmp_path, monkeypatch):
    target = tmp_path / "r.md"
    target.write_text("old")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OutputError, match="No space left"):
        write_atomic(target, "new")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["r.md"]


def test_unwritable_folder_is_a_clear_error(tmp_path):
    with pytest.raises(OutputError, match="cannot write to"):
        write_atomic(tmp_path / "missing" / "r.md", "x")
