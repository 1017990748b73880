"""Collecting derivations from user files: Python modules, Markdown and LaTeX documents, folders.

Python files are run, as pytest runs test modules, and documents are read, each in a worker process
under the time and memory limits of a check. A Python file's derivations are its module-level
Derivation objects, or its ``DERIVATIONS`` tuple when it has one. In a folder, Python files named
``derivation*.py``, ``derivations*.py``, ``*_derivation.py`` or ``*_derivations.py`` are collected,
and every Markdown (.md, .markdown), LaTeX (.tex) and Jupyter (.ipynb) file that has display
mathematics; a .txt file is read as Markdown when it is named itself. Only regular files are opened
(never a FIFO or a device, whatever its name), and a folder that cannot be read is an error, like a
file that cannot be read.
"""

from __future__ import annotations

import bisect
import fnmatch
import importlib.util
import json
import os
import re
import stat
import sys
import warnings
from dataclasses import replace
from pathlib import Path

from ..errors import FormulaError, SourceError, Unsupported
from ..model import Derivation, slug

__all__ = ["load_path", "load_notation", "load_python", "load_document", "load_notebook", "read_text",
           "PYTHON_PATTERNS", "DOCUMENT_SUFFIXES"]

PYTHON_PATTERNS = ("derivation*.py", "derivations*.py", "*_derivation.py", "*_derivations.py")
DOCUMENT_SUFFIXES = {".md": True, ".markdown": True, ".txt": True, ".tex": False}  # suffix -> is Markdown
NOTEBOOK_SUFFIX = ".ipynb"
# Notebooks carry their outputs (plots as base64): more room than a document, read by a JSON parser.
MAX_NOTEBOOK_BYTES = 64_000_000
# Time limit for running a Python derivation file, when the caller gives none (as for a check).
LOAD_TIMEOUT = 30.0
_SKIP_DIRS = {"__pycache__", "node_modules", "site-packages", "venv", ".venv", "build", "dist"}


def load_notation(path: Path | str | None):
    """The notation in a TOML file, laid over the defaults (the defaults when path is None)."""
    from .notation_file import load_notation as load

    return load(path)


def load_path(path: Path, notation: Path | None = None, timeout: float = LOAD_TIMEOUT,
              jobs: int = 1) -> list[Derivation]:
    """The derivations in a file or folder; SourceError (a DeriveError) with the reason on bad input.

    ``timeout`` bounds the running of each Python file (in a worker process). Each derivation's
    ``file`` is the file it came from, written from ``path`` as given ("./docs/" gives "./docs/a.md").
    A folder's documents are read ``jobs`` at a time, each in a worker process of its own.
    """
    given = os.fspath(path)
    path = Path(path)
    if not str(path).strip():
        raise SourceError("an empty path names nothing")
    if not os.path.lexists(path):
        raise SourceError(f"{str(path)!r} does not exist")
    if path.is_dir():
        found = _collect(path, notation, timeout, given, jobs)
        if not found:
            raise SourceError(f"no derivations found in folder {str(path)!r} (looked for "
                              f"{', '.join(PYTHON_PATTERNS)} and .md/.txt/.tex/.ipynb files with display mathematics)")
        return _unique(found, str(path))
    suffix = path.suffix.lower()
    if suffix == ".py":
        _regular(path)
        return _unique(_from_file(load_python(path, timeout), given), str(path))
    if suffix in DOCUMENT_SUFFIXES or suffix == NOTEBOOK_SUFFIX:
        found = _load_any_document(path, notation, timeout=timeout)
        if not found:
            unfollowed = " (\\input and \\include are not followed)" if suffix == ".tex" else ""
            raise SourceError(f"no display mathematics ($$ ... $$, \\[ ... \\], equation or align) in "
                              f"{str(path)!r}{unfollowed}")
        return _unique(_from_file(found, given), str(path))
    raise SourceError(f"cannot read {str(path)!r}: expected a .py, .md, .markdown, .txt, .tex or .ipynb file, "
                      "or a folder")


def _load_any_document(path: Path, notation: Path | None, prefix: str = "",
                       timeout: float = LOAD_TIMEOUT) -> list[Derivation]:
    """A document's derivations, read in a worker process under the time and memory limits of a
    check: the text is someone else's, and no formula may hold up or exhaust the main process.
    SourceError, naming the file, for a document beyond those limits or one derive fails on (in a
    folder, such a document is reported and the others are read: see _collect)."""
    from ..errors import InternalError, WorkerError
    from ..runner import run_limited

    _regular(path)
    try:
        return run_limited(_read_any_document, path, notation, prefix, timeout=timeout, what=f"reading {path.name}")
    except InternalError as exc:
        raise SourceError(f"reading {path.name}: derive failed on it ({exc}); please report this") from None
    except WorkerError as exc:
        raise SourceError(str(exc)) from None


def _read_any_document(path: Path, notation: Path | None, prefix: str = "") -> list[Derivation]:
    if path.suffix.lower() == NOTEBOOK_SUFFIX:
        return load_notebook(path, notation, prefix)
    derivation = load_document(path, notation, prefix)
    return [derivation] if derivation.steps else []


def _from_file(derivations: list[Derivation], file: str) -> list[Derivation]:
    return [replace(d, file=file) for d in derivations]


def _collect(folder: Path, notation: Path | None, timeout: float, given: str, jobs: int = 1) -> list[Derivation]:
    from ..errors import DeriveError, InternalError
    from ..runner import run_limited_each

    def fail(exc: OSError) -> None:
        raise SourceError(f"cannot read folder {exc.filename!r}: {exc.strerror or exc}")

    found: list[list[Derivation]] = []  # in the order of the walk, one list per file
    documents: list[tuple[int, Path, str, str]] = []  # (slot, path, file, prefix), read together below
    for here, dirs, files in os.walk(folder, onerror=fail):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in _SKIP_DIRS)
        relative = Path(here).relative_to(folder).parts
        for name in sorted(files):
            path = Path(here, name)
            file = os.path.join(given, *relative, name)
            suffix = path.suffix.lower()
            if suffix == ".py" and any(fnmatch.fnmatch(name, p) for p in PYTHON_PATTERNS):
                _regular(path)
                found.append(_from_file(load_python(path, timeout), file))
            elif (suffix in DOCUMENT_SUFFIXES and suffix != ".txt") or suffix == NOTEBOOK_SUFFIX:
                _regular(path)
                documents.append((len(found), path, file, "/".join(relative)))
                found.append([])
    outcomes = run_limited_each(_read_any_document, [(path, notation, prefix) for _, path, _, prefix in documents],
                                timeout=timeout, what=lambda n: f"reading {documents[n][1].name}", jobs=jobs)
    for (slot, path, file, prefix), (status, value) in zip(documents, outcomes):
        if status == "ok":
            found[slot] = _from_file(value, file)
        elif isinstance(value, DeriveError):
            # (one document beyond a limit, one that cannot be read, or a failure of derive's: the others are read)
            failed = isinstance(value, InternalError)
            why = f"derive failed on it ({value}); please report this" if failed else str(value)
            found[slot] = _from_file([_not_read(path, prefix, why)], file)
        else:
            raise value
    return [d for ds in found for d in ds]


def _not_read(path: Path, prefix: str, why: str) -> Derivation:
    """A document of a folder that could not be read, as one link not checked, saying why: the folder's other
    documents are still checked, and the run does not pass."""
    import sympy as sp

    from ..model import Expect, Side, Step, Verdict, slug

    name = f"{prefix}/{path.name}" if prefix else path.name
    blank = Side(sp.S.Zero)
    step = Step(label="document", latex="", terms=(blank, blank), expect=(Expect(Verdict.PROVED),), line=1,
                problem=f"the document could not be read: {why}")
    return Derivation(id=slug(name.rsplit(".", 1)[0]), topic="document", source=name, title=path.name,
                      statement="", steps=(step,))


def _regular(path: Path) -> os.stat_result:
    """The file's status; SourceError unless it is a regular file (a FIFO would block, a device never end)."""
    try:
        info = os.stat(path)
    except OSError as exc:
        raise SourceError(f"cannot read {str(path)!r}: {exc.strerror or exc}") from None
    if not stat.S_ISREG(info.st_mode):
        raise SourceError(f"cannot read {str(path)!r}: not a regular file")
    return info


def read_text(path: Path, limit: int) -> str:
    """A regular file's text (UTF-8), at most ``limit`` bytes; SourceError otherwise.

    The file is opened without blocking and checked after opening, so a FIFO or a device put in
    its place is never read.
    """
    _regular(path)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise SourceError(f"cannot read {str(path)!r}: {exc.strerror or exc}") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise SourceError(f"cannot read {str(path)!r}: not a regular file")
        if info.st_size > limit:
            raise SourceError(f"{str(path)!r} is {info.st_size} bytes, beyond the limit of {limit}")
        with os.fdopen(fd, "rb", closefd=False) as f:
            raw = f.read(limit + 1)
    except OSError as exc:
        raise SourceError(f"cannot read {str(path)!r}: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
    if len(raw) > limit:
        raise SourceError(f"{str(path)!r} is beyond the limit of {limit} bytes")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SourceError(f"cannot read {str(path)!r}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None


def _unique(derivations: list[Derivation], where: str) -> list[Derivation]:
    seen: set[str] = set()
    for d in derivations:
        if d.id in seen:
            raise SourceError(f"{where}: two derivations have the ID {d.id!r}")
        seen.add(d.id)
    return derivations


def load_python(path: Path, timeout: float = LOAD_TIMEOUT) -> list[Derivation]:
    """Run a Python file in a worker process (under ``timeout`` and the workers' memory limit) and
    return its derivations (DERIVATIONS, or module-level Derivation objects)."""
    from ..errors import WorkerError
    from ..runner import run_limited

    path = Path(path).resolve()
    try:
        return run_limited(_load_python_here, path, timeout=timeout, what=f"loading {path.name}")
    except WorkerError as exc:
        raise SourceError(str(exc)) from None


def _load_python_here(path: Path) -> list[Derivation]:
    """Run a Python file in this process; what it prints goes to stderr, never into derive's output."""
    sys.stdout.flush()
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    name = f"_derive_user_{abs(hash(str(path)))}"
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise SourceError(f"cannot load {str(path)!r} as a Python module")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    sys.path.insert(0, str(path.parent))
    try:
        spec.loader.exec_module(module)
    except SystemExit as exc:
        raise SourceError(f"{path.name} called exit({exc.code}) while loading") from None
    except RecursionError:
        raise SourceError(f"{path.name} raised RecursionError while loading") from None
    except Exception as exc:
        raise SourceError(f"{path.name} raised {type(exc).__name__} while loading: {exc}") from None
    finally:
        sys.path.remove(str(path.parent))
    return _derivations_in(module, path.name)


def _derivations_in(module, filename: str) -> list[Derivation]:
    if hasattr(module, "DERIVATIONS"):
        listed = module.DERIVATIONS
        if isinstance(listed, Derivation):
            listed = (listed,)
        if not isinstance(listed, (list, tuple)) or not all(isinstance(d, Derivation) for d in listed):
            raise SourceError(f"{filename}: DERIVATIONS must be a tuple of Derivation objects")
        return list(listed)
    found, seen = [], set()
    for value in vars(module).values():
        if isinstance(value, Derivation) and id(value) not in seen:
            seen.add(id(value))
            found.append(value)
    if not found:
        raise SourceError(f"no derivations in {filename}: define module-level Derivation objects "
                          "(derive.derivation(...)) or a DERIVATIONS tuple")
    return found


def load_document(path: Path, notation: Path | None = None, prefix: str = "") -> Derivation:
    """A Markdown (.md, .markdown, .txt) or LaTeX (.tex) file as a derivation: one step per chain of
    its display mathematics. A LaTeX file's own macros are expanded first (derive.read.macros);
    the files it would \\input or \\include are named in its notes, never read."""
    from .document import read_document
    from .limits import MAX_DOCUMENT

    path = Path(path)
    text = read_text(path, 4 * MAX_DOCUMENT)
    markdown = DOCUMENT_SUFFIXES.get(path.suffix.lower(), True)
    name = f"{prefix}/{path.name}" if prefix else path.name
    inputs: tuple[str, ...] = ()
    if not markdown and len(text) <= MAX_DOCUMENT:
        from .macros import expand_macros

        try:  # the expansion is kept, and read_document reads it
            inputs = expand_macros(text).inputs
        except FormulaError as exc:
            raise SourceError(f"{name}: {exc}") from None
    try:
        derivation = read_document(text, name, load_notation(notation), markdown=markdown)
    except (FormulaError, Unsupported) as exc:  # (the document's own error: the others are still read)
        raise SourceError(f"{name}: {exc}" if name not in str(exc) else str(exc)) from None
    if inputs:
        unfollowed = (f"{', '.join(inputs)} {'is' if len(inputs) == 1 else 'are'} not followed: only the "
                      f"mathematics of {path.name} is read.")
        derivation = replace(derivation, note=" ".join(filter(None, (derivation.note, unfollowed))))
    return derivation


def load_notebook(path: Path, notation: Path | None = None, prefix: str = "") -> list[Derivation]:
    """A Jupyter notebook: each Markdown cell with display mathematics is a derivation of its own,
    ``<notebook>/cell-<n>``, its lines counted within the cell."""
    import nbformat

    from .document import read_document

    path = Path(path)
    text = read_text(path, MAX_NOTEBOOK_BYTES)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # nbformat warns about notebooks written by older tools
            book = nbformat.reads(text, as_version=4)
    except (ValueError, TypeError, KeyError, AttributeError, json.JSONDecodeError) as exc:
        raise SourceError(f"cannot read {str(path)!r} as a Jupyter notebook: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}") from None
    name = f"{prefix}/{path.name}" if prefix else path.name
    # The Markdown cells are read as one document, in order (a setup cell's "Throughout, $x > 0$" holds in
    # the cells after it), and its steps are then given back to their cells, lines counted within each.
    cells, combined, starts = [], "", []
    for n, cell in enumerate(book.get("cells", []), start=1):
        if cell.get("cell_type") != "markdown":
            continue
        source = cell.get("source", "")
        source = "".join(source) if isinstance(source, list) else str(source)
        starts.append(combined.count("\n") + 1)
        cells.append(n)
        combined += source + ("" if source.endswith("\n") else "\n") + "\n"
    if not cells:
        return []
    try:
        whole = read_document(combined, name, load_notation(notation), markdown=True)
    except (FormulaError, Unsupported) as exc:
        raise SourceError(f"{name}: {exc}" if name not in str(exc) else str(exc)) from None
    where = _CellLines(cells, starts)
    found = []
    stem = slug(path.stem)
    for k, n in enumerate(cells):
        steps = tuple(where.step(step, k) for step in whole.steps if where.cell(step.line) == k)
        if steps:
            found.append(replace(whole, id=f"{stem}/cell-{n}", source=name, steps=steps, title=f"{path.name}, cell {n}"))
    return found


class _CellLines:
    """Lines of a notebook's Markdown cells read as one document, told back as each cell's own."""

    _LINE = re.compile(r"\bline (\d+)\b")

    def __init__(self, cells: list[int], starts: list[int]):
        self.cells, self.starts = cells, starts

    def cell(self, line: int | None) -> int:
        return max(0, bisect.bisect_right(self.starts, line or 1) - 1)

    def local(self, line: int | None) -> int | None:
        return None if line is None else line - self.starts[self.cell(line)] + 1

    def text(self, text: str, here: int) -> str:
        """'line 12' as the cell's own line, or 'cell 2, line 3' for a line of another cell."""
        def put(m):
            line = int(m.group(1))
            k = self.cell(line)
            return f"line {self.local(line)}" if k == here else f"cell {self.cells[k]}, line {self.local(line)}"
        return self._LINE.sub(put, text)

    def step(self, step, here: int):
        readings = tuple(replace(r, line=self.local(r.line)) if r.line is None or self.cell(r.line) == here else
                         replace(r, text=f"{r.text} (cell {self.cells[self.cell(r.line)]}, line {self.local(r.line)})",
                                 line=None)
                         for r in step.readings)
        return replace(step, label=self.text(step.label, here), line=self.local(step.line),
                       end_line=self.local(step.end_line), problem=self.text(step.problem, here),
                       positions=tuple((self.local(l), c) for l, c in step.positions), readings=readings,
                       hypotheses=tuple(self.text(h, here) for h in step.hypotheses),
                       values=tuple((name, vals, self.text(h, here)) for name, vals, h in step.values),
                       reading=self.text(step.reading, here), note=self.text(step.note, here))
