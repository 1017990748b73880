"""What a command works on: catalog IDs and user files on the command line, resolved to checks."""

from __future__ import annotations

import difflib
import os
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from .errors import NotationError, SourceError, UnknownClaim
from .model import Check, Derivation, checks_of

__all__ = ["Selection", "resolve", "select", "looks_like_path"]

_SOURCE_SUFFIXES = (".py", ".md", ".markdown", ".txt", ".tex", ".ipynb")


@dataclass(frozen=True)
class Selection:
    derivations: tuple[Derivation, ...]
    checks: tuple[Check, ...]
    catalog: bool = True  # from the built-in catalog, which states the verdicts it expects


def looks_like_path(arg: str) -> bool:
    return os.path.lexists(arg) or arg.endswith(_SOURCE_SUFFIXES)


def _matches(arg: str, check: Check) -> bool:
    step = check.id.split("#")[0]
    topic_prefix = check.derivation.split("/")[0]
    return arg in (check.id, step, check.derivation, topic_prefix) or check.id.startswith(arg.rstrip("/") + "/")


def select(derivations: Sequence[Derivation], ids: Sequence[str]) -> Selection:
    """The checks named by ``ids`` (derivation, step or check IDs, or a topic prefix); all if none."""
    all_checks = [c for d in derivations for c in checks_of(d)]
    if not ids:
        return Selection(tuple(derivations), tuple(all_checks))
    chosen: list[Check] = []
    for arg in ids:
        hits = [c for c in all_checks if _matches(arg, c)]
        if not hits:
            names = sorted({c.derivation for c in all_checks} | {c.id.split("#")[0] for c in all_checks}
                           | {c.id for c in all_checks})
            raise UnknownClaim(arg, difflib.get_close_matches(arg, names, n=3, cutoff=0.5))
        chosen.extend(h for h in hits if h not in chosen)
    keep = {c.derivation for c in chosen}
    return Selection(tuple(d for d in derivations if d.id in keep), tuple(chosen))


def resolve(targets: Sequence[str], notation: Path | None = None, timeout: float | None = None,
            jobs: int | None = None) -> Selection:
    """Files on the command line are loaded and checked whole; other words select from the catalog.

    ``timeout`` bounds the running of each Python file (the default: that of a check); a folder's documents are
    read ``jobs`` at a time (the default: the number of CPUs)."""
    if any(not t.strip() for t in targets):
        raise SourceError("an empty argument names nothing; give a claim ID, a file or a folder")
    files = [t for t in targets if looks_like_path(t)]
    ids = [t for t in targets if not looks_like_path(t)]
    if notation is not None:
        if not files:
            raise NotationError("--notation applies to Markdown and LaTeX files; the built-in catalog "
                                "states its own notation (give the files to check)")
        from .read.sources import load_notation

        load_notation(notation)  # a malformed file fails now, whatever the files are
    if not files:
        from .catalog import derivations

        return select(derivations(), ids)
    from .read.sources import load_path

    from .runner import default_jobs

    jobs = jobs or default_jobs()
    loaded: list[Derivation] = []
    for f in files:
        loaded.extend(load_path(f, notation, jobs=jobs) if timeout is None else load_path(f, notation, timeout, jobs))
    return replace(select(loaded, ids), catalog=False)

