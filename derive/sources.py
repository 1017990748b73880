"""Collecting derivations from user files: Python modules, Markdown and LaTeX documents, folders.

Python files are run, as pytest runs test modules: a file's derivations are its module-level
Derivation objects, or its ``DERIVATIONS`` tuple when it has one. In a folder, Python files named
``derivation*.py``, ``derivations*.py``, ``*_derivation.py`` or ``*_derivations.py`` are collected,
and every Markdown (.md, .markdown) and LaTeX (.tex) file that has display mathematics.
"""

from __future__ import annotations

import fnmatch
import importlib.util
import sys
from pathlib import Path

from .errors import FormulaError, SourceError
from .model import Derivation

__all__ = ["load_path", "load_notation", "load_python", "load_document", "PYTHON_PATTERNS", "DOCUMENT_SUFFIXES"]

PYTHON_PATTERNS = ("derivation*.py", "derivations*.py", "*_derivation.py", "*_derivations.py")
DOCUMENT_SUFFIXES = {".md": True, ".markdown": True, ".tex": False}  # suffix -> is Markdown
_SKIP_DIRS = {"__pycache__", "node_modules", "site-packages", "venv", ".venv", "build", "dist"}


def load_notation(path: Path | str | None):
    """The notation in a TOML file, laid over the defaults (the defaults when path is None)."""
    from .texmath.notation import load_notation as load

    return load(path)


def load_path(path: Path, notation: Path | None = None) -> list[Derivation]:
    """The derivations in a file or folder; SourceError (a DeriveError) with the reason on bad input."""
    path = Path(path)
    if not path.exists():
        raise SourceError(f"{str(path)!r} does not exist")
    if path.is_dir():
        found = _collect(path, notation)
        if not found:
            raise SourceError(f"no derivations found in folder {str(path)!r} (looked for "
                              f"{', '.join(PYTHON_PATTERNS)} and .md/.tex files with display mathematics)")
        return _unique(found, str(path))
    suffix = path.suffix.lower()
    if suffix == ".py":
        return _unique(load_python(path), str(path))
    if suffix in DOCUMENT_SUFFIXES:
        derivation = load_document(path, notation)
        if not derivation.steps:
            raise SourceError(f"no display mathematics ($$ ... $$, \\[ ... \\], equation or align) in {str(path)!r}")
        return [derivation]
    raise SourceError(f"cannot read {str(path)!r}: expected a .py, .md, .markdown or .tex file, or a folder")


def _collect(folder: Path, notation: Path | None) -> list[Derivation]:
    found: list[Derivation] = []
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder).parts
        if any(p.startswith(".") or p in _SKIP_DIRS for p in relative[:-1]) or not path.is_file():
            continue
        suffix = path.suffix.lower()
        if suffix == ".py" and any(fnmatch.fnmatch(path.name, p) for p in PYTHON_PATTERNS):
            found.extend(load_python(path))
        elif suffix in DOCUMENT_SUFFIXES:
            derivation = load_document(path, notation, prefix="/".join(relative[:-1]))
            if derivation.steps:
                found.append(derivation)
    return found


def _unique(derivations: list[Derivation], where: str) -> list[Derivation]:
    seen: set[str] = set()
    for d in derivations:
        if d.id in seen:
            raise SourceError(f"{where}: two derivations have the ID {d.id!r}")
        seen.add(d.id)
    return derivations


def load_python(path: Path) -> list[Derivation]:
    """Run a Python file and return its derivations (DERIVATIONS, or module-level Derivation objects)."""
    path = Path(path).resolve()
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
    except Exception as exc:
        raise SourceError(f"{path.name} raised {type(exc).__name__} while loading: {exc}") from exc
    finally:
        sys.path.remove(str(path.parent))
        sys.modules.pop(name, None)
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
    """A Markdown or LaTeX file as a derivation: one step per chain of its display mathematics."""
    from .texmath.document import read_document
    from .texmath.limits import MAX_DOCUMENT

    path = Path(path)
    try:
        if path.stat().st_size > 4 * MAX_DOCUMENT:
            raise SourceError(f"{str(path)!r} is too large to read as a document")
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SourceError(f"cannot read {str(path)!r}: {exc}") from None
    markdown = DOCUMENT_SUFFIXES[path.suffix.lower()]
    name = f"{prefix}/{path.name}" if prefix else path.name
    try:
        return read_document(text, name, load_notation(notation), markdown=markdown)
    except FormulaError as exc:
        raise SourceError(str(exc)) from None
