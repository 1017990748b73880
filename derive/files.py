"""Writing output files atomically: a reader sees the old file or the new one, never a part.

``write_atomic`` replaces one file; ``write_set`` builds a set of files (a report's md, tex, pdf and
json) in a staging folder beside them and moves them in only once all are written, so a failure or
a kill part-way leaves the previous set. Leftovers of an interrupted run (``.NAME.*.tmp`` files,
``.derive-new-*`` folders) are removed by the next run that writes to the same folder.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

from .errors import OutputError

__all__ = ["write_atomic", "write_set", "check_output_folder", "check_output_file", "remove_leftovers"]

_STAGING = ".derive-new-"
# What write_atomic's mkstemp leaves when the process dies before the rename: .NAME.XXXXXXXX.tmp
_TEMPORARY = re.compile(r"^\.(?P<target>.+)\.[a-z0-9_]{8}\.tmp$")


def _why(exc: OSError) -> str:
    return exc.strerror or str(exc)


def write_atomic(path: Path, data: str | bytes) -> Path:
    """Write ``data`` to ``path`` so that a reader sees the old file or the new one, never a part."""
    path = Path(path)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    remove_leftovers(path.parent, targets={path.name})
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise OutputError(f"cannot write to {path.parent}: {_why(exc)}") from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(raw)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise OutputError(f"cannot write {path}: {_why(exc)}") from None
        raise
    return path


def check_output_folder(folder: Path | str, create: bool = True) -> Path:
    """Fail now, before any work, when ``folder`` cannot receive output files.

    The folder may not exist yet when ``create`` (it is made later); then its nearest existing
    ancestor must be a writable folder.
    """
    if str(folder).strip() == "":
        raise OutputError("the output folder is empty: give a folder name")
    folder = Path(folder)
    probe = folder
    while not probe.exists():
        if not create:
            raise OutputError(f"the folder {folder} does not exist")
        if probe.parent == probe:
            break
        probe = probe.parent
    if not probe.is_dir():
        raise OutputError(f"cannot write to the output folder {folder}: {probe} is not a folder")
    if not os.access(probe, os.W_OK | os.X_OK):
        raise OutputError(f"cannot write to the output folder {folder}: {probe} is not writable")
    return folder


def check_output_file(path: Path | str) -> Path:
    """Fail now, before any work, when ``path`` cannot be written: its folder must exist and be writable."""
    if str(path).strip() == "":
        raise OutputError("the output file name is empty")
    path = Path(path)
    if path.is_dir():
        raise OutputError(f"cannot write {path}: it is a folder")
    check_output_folder(path.parent, create=False)
    return path


def remove_leftovers(folder: Path, targets: set[str] | None = None) -> None:
    """Remove what an interrupted run left in ``folder``: temporary files and staging folders
    (only the temporary files of ``targets``, when given)."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        name = entry.name
        try:
            temporary = _TEMPORARY.match(name)
            if targets is None and name.startswith(_STAGING) and entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path, ignore_errors=True)
            elif (temporary and (targets is None or temporary["target"] in targets)
                  and stat.S_ISREG(entry.stat(follow_symlinks=False).st_mode)):
                os.unlink(entry.path)
        except OSError:
            continue


@contextlib.contextmanager
def write_set(folder: Path | str) -> Iterator[Path]:
    """A staging folder for a set of files that belong together; they replace the ones in ``folder``
    when the block ends without an error, and are dropped when it raises.

    Write every file of the set into the folder this yields (by its final name). Nothing in
    ``folder`` changes until all are written; then each is moved in with ``os.replace``.
    """
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create the output folder {folder}: {_why(exc)}") from None
    remove_leftovers(folder)
    try:
        staging = Path(tempfile.mkdtemp(prefix=_STAGING, dir=folder))
    except OSError as exc:
        raise OutputError(f"cannot write to {folder}: {_why(exc)}") from None
    try:
        yield staging
        names = sorted(p.name for p in staging.iterdir())
        _sync_folder(staging)
        for name in names:
            try:
                os.replace(staging / name, folder / name)
            except OSError as exc:
                raise OutputError(f"cannot write {folder / name}: {_why(exc)}") from None
        _sync_folder(folder)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _sync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
