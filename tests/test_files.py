"""Atomic writes: a failure part-way leaves the previous file intact and no temporary behind."""

import os
from pathlib import Path

import pytest

from derive.errors import OutputError
from derive.files import check_output_file, check_output_folder, write_atomic, write_set


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


def test_leftover_temporaries_of_an_interrupted_write_are_removed(tmp_path):
    (tmp_path / ".results.json.ab12cd_9.tmp").write_text("half")
    (tmp_path / ".other.txt.zz99zz99.tmp").write_text("half")
    (tmp_path / "notes.tmp").write_text("the user's")
    write_atomic(tmp_path / "results.json", "{}")
    assert sorted(p.name for p in tmp_path.iterdir()) == [".other.txt.zz99zz99.tmp", "notes.tmp", "results.json"]
    with write_set(tmp_path) as staged:
        (staged / "a.md").write_text("a")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md", "notes.tmp", "results.json"]


def test_a_set_replaces_the_old_files_only_once_all_are_written(tmp_path):
    for name in ("r.md", "r.pdf"):
        (tmp_path / name).write_text("old")
    with pytest.raises(RuntimeError):
        with write_set(tmp_path) as staged:
            write_atomic(staged / "r.md", "new")
            assert (tmp_path / "r.md").read_text() == "old"
            raise RuntimeError("the PDF step fails")
    assert [(tmp_path / n).read_text() for n in ("r.md", "r.pdf")] == ["old", "old"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.md", "r.pdf"]
    with write_set(tmp_path) as staged:
        write_atomic(staged / "r.md", "new")
        write_atomic(staged / "r.pdf", "new")
    assert [(tmp_path / n).read_text() for n in ("r.md", "r.pdf")] == ["new", "new"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.md", "r.pdf"]


def test_a_killed_run_leaves_the_old_set_and_the_next_run_cleans_up(tmp_path):
    import subprocess
    import sys

    (tmp_path / "r.md").write_text("old")
    script = ("import os, signal, sys\nfrom derive.files import write_set, write_atomic\n"
              "with write_set(sys.argv[1]) as staged:\n"
              "    write_atomic(staged / 'r.md', 'new')\n"
              "    os.kill(os.getpid(), signal.SIGKILL)\n")
    done = subprocess.run([sys.executable, "-c", script, str(tmp_path)], cwd=Path(__file__).resolve().parents[1])
    assert done.returncode == -9
    assert (tmp_path / "r.md").read_text() == "old"
    with write_set(tmp_path) as staged:
        write_atomic(staged / "r.md", "new")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.md"]


def test_output_places_are_checked_before_any_work(tmp_path):
    with pytest.raises(OutputError, match="does not exist"):
        check_output_file(tmp_path / "missing" / "x.py")
    with pytest.raises(OutputError, match="empty"):
        check_output_file("")
    with pytest.raises(OutputError, match="empty"):
        check_output_folder("")
    (tmp_path / "file").write_text("")
    with pytest.raises(OutputError, match="not a folder"):
        check_output_folder(tmp_path / "file" / "reports")
    assert check_output_folder(tmp_path / "new" / "reports") == tmp_path / "new" / "reports"
