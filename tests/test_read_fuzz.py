"""The reader never raises anything but FormulaError, whatever it is given."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from derive.errors import FormulaError
from derive.read.display import chains_of
from derive.read.notation_file import default_notation
from derive.read.reader import Reader

READER = Reader(default_notation())

TOKENS = [r"\frac", r"\sum", r"\partial", r"\hat", r"\mathbf", r"\text{softmax}", r"\operatorname{CE}", r"\log",
          r"\ln", r"\exp", r"\sigma", r"\theta", r"\max", r"\nabla", r"\left(", r"\right)", r"\cdot", r"\circ",
          r"\sqrt", r"\neq", r"\dots", r"\tag{1}", "x", "y", "i", "j", "k", "c", "d", "e", "N", "t", "_", "^", "'",
          "{", "}", "(", ")", "[", "]", "+", "-", "*", "/", "=", ",", "0", "1", "12", "2.5", " ", "&", r"\\"]


def _read(text: str) -> None:
    try:
        READER.read(text)
    except FormulaError:
        pass


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(TOKENS), max_size=30).map("".join))
def test_token_soup_only_raises_formula_error(text):
    _read(text)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=60))
def test_arbitrary_text_only_raises_formula_error(text):
    _read(text)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(TOKENS + ["$$", "\n", r"\[", r"\]", r"\begin{align}", r"\end{align}", "```"]),
                max_size=40).map("".join))
def test_display_extraction_never_raises(text):
    for markdown in (True, False):
        chains_of(text, markdown)
