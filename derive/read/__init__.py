"""Reading derivations as written: sources, display and prose, a grammar, a reader into SymPy, the types of names.

``read_document`` turns a Markdown or LaTeX file into a Derivation, ``Reader`` reads one formula,
``load_notation`` reads a notation file (what the symbols mean).
"""

from __future__ import annotations

from .document import read_document
from .notation_file import Notation, default_notation, load_notation
from .reader import Reader

__all__ = ["read_document", "Reader", "Notation", "default_notation", "load_notation"]
