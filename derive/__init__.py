"""derive: check mathematical derivations step by step; the names a user's derivation file needs.

Everything is imported on first use, so that ``import derive`` (and ``derive --help``) stays
instant: SymPy alone takes half a second to import.
"""

from __future__ import annotations

import importlib

__version__ = "0.1.0"

_EXPORTS = {
    # the symbolic vocabulary
    "size": "derive.notation",
    "index": "derive.notation",
    "vector": "derive.notation",
    "scalar": "derive.notation",
    "summation": "derive.notation",
    "sum_except": "derive.notation",
    "sigmoid": "derive.notation",
    "dsigmoid": "derive.notation",
    "softmax": "derive.notation",
    "Definition": "derive.notation",
    # writing derivations
    "step": "derive.catalog.build",
    "derivation": "derive.catalog.build",
    "side": "derive.catalog.build",
    "entry": "derive.catalog.build",
    "row": "derive.catalog.build",
    "column": "derive.catalog.build",
    "matrix": "derive.catalog.build",
    "assume": "derive.catalog.build",
    "define": "derive.catalog.build",
    # the model and the verifier
    "Derivation": "derive.model",
    "Step": "derive.model",
    "Side": "derive.model",
    "Verdict": "derive.model",
    "checks_of": "derive.model",
    "verify_check": "derive.verify",
    "Settings": "derive.verify",
    "CheckResult": "derive.results",
    # user files
    "load_path": "derive.read.sources",
    "load_notation": "derive.read.sources",
    "DeriveError": "derive.errors",
    # kernels from proved steps
    "emit_module": "derive.emit",
    "select_kernels": "derive.emit",
}

__all__ = sorted([*_EXPORTS, "check", "read_latex"])


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'derive' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__():
    return sorted(set(globals()) | set(__all__))


def check(derivation, settings=None) -> list:
    """Verify every check of a derivation (in this process) and return the CheckResults in order."""
    from .model import checks_of
    from .verify import Settings, verify_check

    settings = settings or Settings()
    return [verify_check(c, settings) for c in checks_of(derivation)]


def read_latex(text: str, notation=None):
    """One LaTeX formula as a SymPy expression, read under a notation (the defaults when None).

    A vector-valued formula is returned as its entry at the index ``_entry``. Raises
    derive.errors.FormulaError with the reason when the formula cannot be read.
    """
    from .read.notation_file import Notation, load_notation
    from .read.reader import Reader

    if not isinstance(notation, Notation):
        notation = load_notation(notation)
    return Reader(notation).read(text).expr
