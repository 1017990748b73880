"""The grammar of the display mathematics derive reads: a LaTeX subset, parsed by lark (LALR).

The grammar only says how tokens group; what a group means (a product, a function applied to its
argument, the reach of a sum) is decided by the reader, which knows the notation. Products are kept
as flat lists of items so that the reader can see which item is an operator head (a sum, d/dx) and
how far it reaches.
"""

from __future__ import annotations

from functools import lru_cache

from lark import Lark

__all__ = ["GRAMMAR", "parser"]

GRAMMAR = r"""
?start: expr

?expr: sum
?sum: product
    | sum PLUS product      -> add
    | sum MINUS product     -> sub
    | MINUS product         -> neg
    | PLUS product          -> pos

product: item (item | MULOP MINUS? item)*

item: base script*

script: SUB arg             -> sub_script
      | SUP arg             -> sup_script
      | PRIME               -> prime

?arg: group | letter | number | command | text

?base: letter
     | number
     | command
     | text
     | FONT arg             -> font
     | ACCENT arg           -> accent
     | FRAC arg arg         -> frac
     | SQRT arg             -> sqrt
     | "(" expr ("," expr)* ")"   -> paren
     | "[" expr ("," expr)* "]"   -> bracket
     | group
     | "{" script+ "}"      -> bare_scripts

group: "{" (expr (REL expr)?)? "}"

letter: LETTER
number: NUMBER
command: CMD
text: TEXT

PLUS: "+"
MINUS: "-"
SUB: "_"
SUP: "^"
PRIME: "'"
LETTER: /[A-Za-z]/
NUMBER: /[0-9]+(\.[0-9]+)?/
MULOP.3: /\\(cdot|times|circ|odot)(?![A-Za-z])/ | "*" | "/"
REL.3: /\\(neq|ne|leq|geq|le|ge)(?![A-Za-z])/ | "=" | "<" | ">"
FONT.3: /\\(mathbf|boldsymbol|bm|vec|mathbfit|mathnormal)(?![A-Za-z])/
ACCENT.3: /\\(hat|widehat|bar|overline|tilde|widetilde|dot)(?![A-Za-z])/
FRAC.3: /\\[dt]?frac(?![A-Za-z])/
SQRT.3: /\\sqrt(?![A-Za-z])/
TEXT.3: /\\(text|textrm|textit|textbf|textsf|operatorname|mathrm|mathit|mathsf|mbox)\s*\{[^{}]*\}/
CMD: /\\[A-Za-z]+/

SPACING.4: /\\(left|right|bigl|bigr|Bigl|Bigr|biggl|biggr|Biggl|Biggr|big|Big|bigg|Bigg|displaystyle|textstyle|limits|nolimits|quad|qquad)(?![A-Za-z])/
THIN.4: /\\[,;:! ]/
%ignore SPACING
%ignore THIN
%ignore /[ \t\r\n~]+/
"""


@lru_cache(maxsize=1)
def parser() -> Lark:
    """The LALR parser for one term of a chain (built once; building takes a few milliseconds)."""
    return Lark(GRAMMAR, parser="lalr", lexer="basic", maybe_placeholders=False, propagate_positions=False)
