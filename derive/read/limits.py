"""Limits on the size of what the reader accepts, so that hostile input fails fast and cleanly."""

from __future__ import annotations

from ..errors import FormulaError

__all__ = ["MAX_FORMULA", "MAX_DEPTH", "MAX_SCRIPT_DEPTH", "MAX_DIGITS", "MAX_DOCUMENT", "MAX_DISPLAYS", "check_formula"]

MAX_FORMULA = 4000  # characters in one term of a chain
MAX_DEPTH = 24  # nesting of brackets and braces
MAX_SCRIPT_DEPTH = 4  # superscripts inside superscripts (exponent towers)
MAX_DIGITS = 30  # digits in one number
MAX_DOCUMENT = 1_000_000  # characters in one Markdown or LaTeX file
MAX_DISPLAYS = 2_000  # chains of relations in one document (each is read by the formula reader)

_OPEN, _CLOSE = "({[", ")}]"


def check_formula(text: str) -> None:
    """Raise FormulaError when one term is too long or too deeply nested to read safely."""
    if len(text) > MAX_FORMULA:
        raise FormulaError(f"formula of {len(text)} characters is beyond the limit of {MAX_FORMULA}")
    depth = 0
    for ch in text:
        if ch in _OPEN:
            depth += 1
            if depth > MAX_DEPTH:
                raise FormulaError(f"brackets nested more than {MAX_DEPTH} deep")
        elif ch in _CLOSE:
            depth -= 1
