"""The grammar of the display mathematics derive reads: a LaTeX subset, parsed by lark (LALR).

The grammar only says how tokens group; what a group means (a product, a function applied to its
argument, the reach of a sum) is decided by the reader, which knows the notation. Products are kept
as flat lists of items so that the reader can see which item is an operator head (a sum, d/dx) and
how far it reaches.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lark import Lark, Token

from ..errors import FormulaError

__all__ = ["GRAMMAR", "GREEK", "parser", "TeXArguments"]

GREEK = {"alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "zeta", "eta", "theta", "vartheta", "iota",
          "kappa", "lambda", "mu", "nu", "xi", "pi", "rho", "sigma", "tau", "upsilon", "phi", "varphi", "chi",
          "psi", "omega", "Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Upsilon", "Phi", "Psi",
          "Omega", "ell"}

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
      | STARRED             -> starred
      | BANG                -> factorial

?arg: group | letter | number | command | text
    | FRAC arg arg         -> frac
    | "{" expr "," expr "}" -> index_pair

?base: letter
     | number
     | command
     | text
     | FONT arg             -> font
     | ACCENT arg           -> accent
     | FRAC arg arg         -> frac
     | BINOM arg arg        -> binom
     | ANNOTATE arg arg     -> annotated
     | SQRT arg             -> sqrt
     | SQRT "[" expr "]" arg -> root
     | "(" expr ("," expr)* ")"   -> paren
     | "(" expr ("," expr)* SEMI expr ("," expr)* ")" -> paren_params
     | "[" expr ("," expr)* "]"   -> bracket
     | ELLIPSIS             -> ellipsis
     | MATBEGIN mrow (ROWSEP mrow)* ROWSEP? MATEND -> environment
     | group
     | "{" script+ "}"      -> bare_scripts
     | LBAR expr RBAR       -> abs
     | LNORM expr RNORM     -> norm
     | LANGLE expr "," expr RANGLE -> inner
     | LFLOOR expr RFLOOR   -> floor
     | LCEIL expr RCEIL     -> ceiling
     | "[" expr REL expr "]"  -> iverson
     | "(" expr REL expr ")"  -> iverson
     | LSET expr REL expr RSET -> iverson
     | INDICATOR            -> indicator

mrow: cell (AMP cell)*
cell: expr ","?

group: "{" (expr (REL expr ("," expr REL expr)?)?)? "}"
     | "{" expr COLON expr REL expr "}" -> such_that

letter: LETTER
number: NUMBER
command: CMD
text: TEXT

PLUS: "+"
MINUS: "-"
SUB: "_"
SUP: "^"
PRIME: "'"
BANG: /!(?!=)/
STARRED.5: /[\^_]\s*(\{\s*(\\star|\\ast|\*)\s*\}|\\star(?![A-Za-z])|\\ast(?![A-Za-z])|\*)|[\^_]\s*(\{\s*[+-]\s*\}|[+-](?![A-Za-z\\])(?!\s*(?:[0-9{(.]|\\(?:infty|[dt]?frac|sqrt)(?![A-Za-z]))))/
LETTER: /[A-Za-z]/
NUMBER: /[0-9]+(\.[0-9]+)?/
MULOP.3: /\\(cdot|times|circ|odot|div)(?![A-Za-z])/ | "*" | "/"
REL.3: /\\(neq|ne|leq|geq|le|ge)(?![A-Za-z])/ | "=" | "<" | ">"
FONT.3: /\\(mathbf|boldsymbol|bm|vec|mathbfit|mathnormal)(?![A-Za-z])/
ACCENT.3: /\\(hat|widehat|bar|overline|tilde|widetilde|dot|mathcal|mathscr)(?![A-Za-z])/
FRAC.3: /\\[dt]?frac(?![A-Za-z])/
BINOM.3: /\\[dt]?binom(?![A-Za-z])/
ANNOTATE.3: /\\(overset|underset|stackrel)(?![A-Za-z])/
SQRT.3: /\\sqrt(?![A-Za-z])/
TEXT.3: /\\(text|textrm|textit|textbf|textsf|operatorname|mathrm|mathit|mathsf|mbox)\s*\{[^{}]*\}|\\(mathrm|mathsf|mathit)\s*[A-Za-z](?![A-Za-z])/
LANGLE.3: /\\langle(?![A-Za-z])/
LFLOOR.3: /\\lfloor(?![A-Za-z])/
RFLOOR.3: /\\rfloor(?![A-Za-z])/
LCEIL.3: /\\lceil(?![A-Za-z])/
RCEIL.3: /\\rceil(?![A-Za-z])/
RANGLE.3: /\\rangle(?![A-Za-z])/
BAR.3: /\\(vert|lvert|rvert)(?![A-Za-z])/ | "|"
DBAR.3: /\\(Vert|lVert|rVert)(?![A-Za-z])/ | "\\|"
INDICATOR.4: /\\(mathbb|mathds|mathbbm)\s*(\{\s*[1I]\s*\}|1(?![0-9]))/
LSET.3: /\\\{|\\lbrace(?![A-Za-z])/
RSET.3: /\\\}|\\rbrace(?![A-Za-z])/
ELLIPSIS.3: /\\(dots|cdots|ldots|dotsc|dotsb|dotsm|dotso|vdots|ddots)(?![A-Za-z])/ | "..."
MATBEGIN.3: /\\begin\s*\{(bmatrix|pmatrix|Bmatrix|vmatrix|Vmatrix|matrix)\}/
MATEND.3: /\\end\s*\{(bmatrix|pmatrix|Bmatrix|vmatrix|Vmatrix|matrix)\}/
ROWSEP.3: "\\\\"
AMP: "&"
COLON.3: ":" | /\\colon(?![A-Za-z])/
SEMI: ";"
CMD: /\\[A-Za-z]+/
%declare LBAR RBAR LNORM RNORM

SPACING.4: /\\(left|right|bigl|bigr|Bigl|Bigr|biggl|biggr|Biggl|Biggr|big|Big|bigg|Bigg|displaystyle|textstyle|limits|nolimits|quad|qquad|thinspace|medspace|thickspace|enspace|negthinspace|negmedspace|negthickspace)(?![A-Za-z])/
THIN.4: /\\[,;:! ]/
%ignore SPACING
%ignore THIN
%ignore /[ \t\r\n~]+/
"""


class TeXArguments:
    """Digits taken as TeX takes them: a command's or a script's argument is one token, not a number.

    TeX typesets ``\\frac12x`` as one half times x, ``x_12`` as x sub 1 followed by 2 and
    ``\\sum_{j=1}^10`` with the upper limit 1. The lexer reads ``12`` as one number, so the
    arguments of ``\\frac``, ``\\sqrt``, ``_`` and ``^`` are looked at here: ``\\frac12`` (two
    digits, two arguments) is split as TeX splits it; every other digit string that TeX would cut
    is refused, with the braces that say what was meant.
    """

    always_accept = ("BAR", "DBAR")

    def process(self, stream):
        tokens = _close_fraction_parentheses(_bars(_event_signs(_starred(list(stream)))))
        out: list[Token] = []
        p = 0
        while p < len(tokens):
            tok = tokens[p]
            out.append(tok)
            p += 1
            if tok.type in ("SUB", "SUP"):
                _single(tokens, p, f"{tok}{{0}}", "{1} is {0} followed by {2} in TeX (a script takes one digit); "
                                                   "write {3}")
            elif tok.type == "SQRT":
                if p < len(tokens) and tokens[p].type == "LSQB":
                    close = _matching(tokens, p, "LSQB", "RSQB")
                    out.extend(tokens[p:close + 1])
                    p = close + 1
                _single(tokens, p, f"{tok}{{0}}", "{1} is {0} followed by {2} in TeX; write {3}")
            elif tok.type == "FRAC":
                p = self._frac(tokens, p, out, str(tok))
        return iter(out)

    @staticmethod
    def _frac(tokens, p, out, frac) -> int:
        if p < len(tokens) and tokens[p].type == "NUMBER" and len(tokens[p]) > 1:
            digits = str(tokens[p])
            if len(digits) == 2 and digits.isdigit() and not (p + 1 < len(tokens) and tokens[p + 1].type == "NUMBER"):
                out.append(Token.new_borrow_pos("NUMBER", digits[0], tokens[p]))
                out.append(Token.new_borrow_pos("NUMBER", digits[1], tokens[p]))
                return p + 1
            raise FormulaError(f"{frac}{digits} does not mean what it seems in TeX (each argument of {frac} is "
                               f"one digit); write {frac}{{...}}{{...}} with braces")
        # The second argument starts after the first: a braced group or one token.
        q = _matching(tokens, p, "LBRACE", "RBRACE") + 1 if p < len(tokens) and tokens[p].type == "LBRACE" else p + 1
        if q < len(tokens) and tokens[q].type == "NUMBER" and len(tokens[q]) > 1:
            digits = str(tokens[q])
            raise FormulaError(f"the denominator {digits} of {frac} is read by TeX as {digits[0]} followed by "
                               f"{digits[1:]}; write {frac}{{...}}{{{digits}}}")
        return p


def _starred(tokens: list[Token]) -> list[Token]:
    """x^\\star, \\theta_t^*, \\mathbf{k}_*: a star on a name marks a name of its own (the optimum, a test
    point), read as an accent on it: \\star{x}_t (x^*) or \\starsub{k} (k_*); a sign likewise (m^+, P^-, H_+).
    A star or sign on anything else is refused."""
    if not any(tok.type == "STARRED" for tok in tokens):
        return tokens
    out: list[Token] = []
    for tok in tokens:
        if tok.type != "STARRED":
            out.append(tok)
            continue
        low = str(tok).startswith("_")
        # (P^-, m^+: the prior and the posterior of a Kalman filter, names of their own as x^* is; H_+, B_+: the
        # matrix after an update)
        sign = ("minus" if "-" in str(tok) else "plus" if "+" in str(tok) else None)
        sign = sign and sign + ("sub" if low else "up")
        end = len(out)  # the name is out[start:end]; a subscript after it, out[end:], stays after the accent
        if sign == "minussub" and out and out[-1].type in ("RPAR", "RSQB"):
            raise FormulaError("(...)_- is read neither as the negative part nor otherwise: write \\max(0, -(...)) "
                               "or \\min(0, ...)")  # ((...)_+, the positive part, is read before the tokens)
        if not low and end >= 2 and out[end - 2].type == "SUB" and out[end - 1].type in ("LETTER", "NUMBER", "CMD"):
            end -= 2
        elif not low and end >= 2 and out[end - 1].type == "RBRACE":
            opening = _opening(out, end - 1)
            if opening is not None and opening >= 1 and out[opening - 1].type == "SUB":
                end = opening - 1
        start = _name_start(out, end)
        if start is None:
            written = {"plusup": "x^+", "minusup": "x^-", "plussub": "x_+", "minussub": "x_-"}.get(
                sign, "x_*" if low else "x^\\star")
            raise FormulaError(f"a {'sign' if sign else 'star'} is read only on a name ({written}: a name of its own), "
                               "not here")
        accent = Token.new_borrow_pos("ACCENT", f"\\{sign}" if sign else "\\starsub" if low else "\\star", tok)
        out[start:end] = [accent, Token.new_borrow_pos("LBRACE", "{", tok), *out[start:end],
                          Token.new_borrow_pos("RBRACE", "}", tok)]
    return out


# Tokens that end or start an event inside P(...): a sign between two of them is an event of its own (P(+ | D))
_EVENT_BOUNDARIES = {"LPAR", "RPAR", "COMMA"}
_EVENT_OPERATORS = ("\\mid", "\\cap", "\\cup", "\\setminus", "\\vert")


def _probability_head(tokens: list[Token], n: int) -> bool:
    """Whether tokens[n] ends a probability's head: P, \\Pr, \\mathbb{P}, \\operatorname{P}."""
    tok = tokens[n]
    if tok.type == "LETTER" and str(tok) == "P":
        return not (n >= 2 and tokens[n - 1].type == "LBRACE" and tokens[n - 2].type in ("SUB", "SUP"))
    if tok.type == "CMD" and str(tok) == "\\Pr":
        return True
    if tok.type == "TEXT" and re.fullmatch(r"\\(?:operatorname|mathrm|text)\s*\{\s*(?:P|Pr)\s*\}|\\mathrm\s*P", str(tok)):
        return True
    return tok.type == "RBRACE" and n >= 3 and str(tokens[n - 1]) == "P" and tokens[n - 2].type == "LBRACE" \
        and str(tokens[n - 3]) == "\\mathbb"


def _event_signs(tokens: list[Token]) -> list[Token]:
    """Inside P(...): a lone bar is the condition's \\mid (P(A | B)), and a sign standing alone between the
    parentheses, a comma or an event operator is an event named by it (P(+ \\mid D), P(D \\mid -))."""
    out = list(tokens)
    for n in range(len(out) - 1):
        if out[n + 1].type != "LPAR" or not _probability_head(out, n):
            continue
        close = _matching(out, n + 1, "LPAR", "RPAR")
        inside = range(n + 2, close)
        bars = [m for m in inside if out[m].type == "BAR" and str(out[m]) in ("|", "\\vert")]
        if len(bars) == 1 and all(out[m].type != "DBAR" for m in inside):
            out[bars[0]] = Token.new_borrow_pos("CMD", "\\mid", out[bars[0]])

        def boundary(tok: Token) -> bool:
            return tok.type in _EVENT_BOUNDARIES or (tok.type == "CMD" and str(tok) in _EVENT_OPERATORS)
        for m in inside:
            if out[m].type in ("PLUS", "MINUS") and boundary(out[m - 1]) and boundary(out[m + 1]):
                out[m] = Token.new_borrow_pos("TEXT", f"\\text{{{out[m]}}}", out[m])
    return out


def _opening(tokens: list[Token], close: int) -> int | None:
    depth = 0
    for n in range(close, -1, -1):
        depth += {"RBRACE": 1, "LBRACE": -1}.get(tokens[n].type, 0)
        if depth == 0:
            return n
    return None


def _name_start(tokens: list[Token], end: int) -> int | None:
    """Where the name that ends at ``end`` starts: a letter, a Greek letter, or either in \\mathbf{...}."""
    def name(tok: Token) -> bool:
        return tok.type == "LETTER" or (tok.type == "CMD" and str(tok)[1:] in GREEK)
    if end < 1:
        return None
    if name(tokens[end - 1]):
        start = end - 1
        if start >= 1 and tokens[start - 1].type == "FONT":
            start -= 1
    elif end >= 4 and tokens[end - 1].type == "RBRACE" and name(tokens[end - 2]) and tokens[end - 3].type == "LBRACE" \
            and tokens[end - 4].type == "FONT":
        start = end - 4
    else:
        return None
    if start >= 1 and tokens[start - 1].type in ("SUB", "SUP", "ACCENT", "STARRED"):
        return None  # a star on a script's letter, or on an accented name
    return start


# How many parentheses the last term lexed had left open inside an argument of \frac (closed there).
CLOSED_IN_FRACTIONS: list[int] = [0]
FRACTION_PARENTHESES = "a parenthesis left open inside an argument of \\frac is read as closed at the end of that argument"


def _close_fraction_parentheses(tokens: list[Token]) -> list[Token]:
    """\\frac{\\partial(\\log(u)}{\\partial x}: each argument of \\frac is typeset as a box of its own, so
    a parenthesis opened in it and never closed can only end with it; it is closed there (and counted)."""
    closes: dict[int, int] = {}
    for n, tok in enumerate(tokens):
        if tok.type != "FRAC":
            continue
        p = n + 1
        for _ in range(2):
            if p >= len(tokens) or tokens[p].type != "LBRACE":
                break
            close = _matching(tokens, p, "LBRACE", "RBRACE")
            balance, depth = 0, 0
            for t in tokens[p + 1:close]:
                depth += {"LBRACE": 1, "RBRACE": -1}.get(t.type, 0)
                if depth == 0:
                    balance += {"LPAR": 1, "RPAR": -1}.get(t.type, 0)
                    if balance < 0:
                        break
            if balance > 0 and tokens[close].type == "RBRACE":
                closes[close] = balance
            p = close + 1
    CLOSED_IN_FRACTIONS[0] = sum(closes.values())
    if not closes:
        return tokens
    out = []
    for n, tok in enumerate(tokens):
        out.extend(Token.new_borrow_pos("RPAR", ")", tok) for _ in range(closes.get(n, 0)))
        out.append(tok)
    return out


# Tokens after which a bar closes what is open rather than opening a new one.
_OPERAND_ENDS = {"LETTER", "NUMBER", "CMD", "TEXT", "RPAR", "RSQB", "RBRACE", "RBAR", "RNORM", "PRIME", "RANGLE", "RFLOOR",
                 "RCEIL"}


# (A bar right after a closing bar cannot open: |a||b| pairs up one way only, an empty |...| being no value.)
_OPERAND_STARTS = {"LETTER", "NUMBER", "CMD", "TEXT", "LPAR", "LBRACE", "FRAC", "SQRT", "FONT", "ACCENT", "LANGLE", "LFLOOR",
                   "LCEIL"}


def _bars(tokens: list[Token]) -> list[Token]:
    """| and \\| as opening or closing bars: closing when something is open and an operand just ended."""
    out = []
    depth = {"BAR": 0, "DBAR": 0}
    names = {"BAR": ("LBAR", "RBAR"), "DBAR": ("LNORM", "RNORM")}
    for n, tok in enumerate(tokens):
        if tok.type not in depth:
            out.append(tok)
            continue
        opening, closing = names[tok.type]
        text = str(tok)
        if text.startswith("\\l"):
            closes = False
        elif text.startswith("\\r"):
            closes = True
        else:
            closes = depth[tok.type] > 0 and n > 0 and out[-1].type in _OPERAND_ENDS
            later = _later_bars(tokens, n)
            if closes and n + 1 < len(tokens) and tokens[n + 1].type in _OPERAND_STARTS and later >= 2:
                # |a|b|c| is |a| b |c| or |a |b| c|: TeX shows both the same way.
                raise FormulaError(f"the bars {text} ... {text} can pair up in two ways here; write "
                                   "\\lvert ... \\rvert around each absolute value")
        depth[tok.type] += -1 if closes else 1
        out.append(Token.new_borrow_pos(closing if closes else opening, text, tok))
    return out


def _later_bars(tokens: list[Token], n: int) -> int:
    """The plain bars like tokens[n] after it in its own brace group (a \\frac argument is a box of its own: a bar
    in it pairs there, never with one outside)."""
    depth, count = 0, 0
    for t in tokens[n + 1:]:
        if t.type == "LBRACE":
            depth += 1
        elif t.type == "RBRACE":
            depth -= 1
            if depth < 0:
                break
        elif depth == 0 and t.type == tokens[n].type and str(t) in ("|", "\\|"):
            count += 1
    return count


def _single(tokens, p, pattern: str, message: str) -> None:
    """Refuse a number of several characters where TeX takes a single digit."""
    if p < len(tokens) and tokens[p].type == "NUMBER" and len(tokens[p]) > 1:
        digits = str(tokens[p])
        raise FormulaError(message.format(pattern.format(digits[0]), pattern.format(digits), digits[1:],
                                          pattern.format("{" + digits + "}")))


def _matching(tokens, p, opening: str, closing: str) -> int:
    """The position of the token closing the group opened at p (the last token if it is never closed)."""
    depth = 0
    for q in range(p, len(tokens)):
        if tokens[q].type == opening:
            depth += 1
        elif tokens[q].type == closing:
            depth -= 1
            if depth == 0:
                return q
    return len(tokens) - 1


@lru_cache(maxsize=1)
def parser() -> Lark:
    """The LALR parser for one term of a chain (built once; building takes a few milliseconds)."""
    built = Lark(GRAMMAR, parser="lalr", lexer="basic", maybe_placeholders=False, propagate_positions=False,
                 postlex=TeXArguments())
    # Lark.lex builds a new lexer on every call unless one is kept here (documents lex every formula).
    built.lexer = built._build_lexer()
    return built
