"""The pieces the reader works with: the parse tree's items and the heads a term can have.

A term's product is a list of entries (an item with the operator before it); an item's head is a
value, a function to apply, a sum or derivative operator, or a declared matrix. Also
the vocabulary of names the reader knows without a declaration, and the reasons it gives for what
it does not read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import sympy as sp
from sympy import Idx
from lark import Token, Tree
from lark.exceptions import LarkError, UnexpectedCharacters, UnexpectedEOF, UnexpectedToken

from ..errors import FormulaError
from .grammar import GREEK, parser

ELLIPSES = {"dots", "cdots", "ldots", "vdots", "ddots", "dotsc", "dotsb", "dotsm", "dotso"}
# Function names a document may use without declaring them, and the function each one names.
BUILTIN_FUNCTIONS = {
    "log": "log", "ln": "log", "exp": "exp", "max": "max", "min": "min", "tanh": "tanh", "sinh": "sinh",
    "cosh": "cosh", "sin": "sin", "cos": "cos", "tan": "tan", "arctan": "arctan", "arcsin": "arcsin",
    "arccos": "arccos", "softplus": "softplus", "ReLU": "relu", "relu": "relu", "sigmoid": "sigmoid",
    "softmax": "softmax", "sgn": "sgn", "sign": "sgn", "LSE": "lse", "logsumexp": "lse", "lse": "lse",
    "logsoftmax": "logsoftmax", "abs": "abs", "erf": "erf", "sec": "sec", "csc": "csc", "cot": "cot", "sech": "sech", "csch": "csch", "coth": "coth",
    # read only as \operatorname{tr}, \mathrm{diag}, ...: the bare letters stay refused (UNREAD_WORDS)
    "tr": "trace", "Tr": "trace", "trace": "trace", "diag": "diag",
}
# The built-in functions whose meaning varies between authors (a softmax with a temperature, a softplus with a
# sharpness): a document may define them its own way.
REDEFINABLE = {"softmax", "sigmoid", "lse", "softplus", "logsoftmax"}
# Words that name something the reader does not read: refused by name rather than read as a product.
UNREAD_WORDS = {"lg", "det", "tr", "Tr", "diag", "var", "Var", "cov", "Cov", "lim", "arg", "argmax", "argmin", "sup",
                 "inf", "mod", "grad", "div", "rank", "erf", "Pr", "KL", "E"}
# Of those, the ones a document may define by a formula of its own: \mathrm{KL}(p \| q) = p \log(p / q) + ...
DEFINABLE_WORDS = {"KL"}
UNREAD_ADVICE = {
    "lg": "it is the logarithm to base 2 or to base 10 depending on the field; write \\log_2 or \\log_{10}",
    "lim": "limits are not read", "det": "determinants are not read",
    "tr": "the letters tr are a product or the trace; write \\operatorname{tr}(A) for the trace",
    "Tr": "the letters Tr are a product or the trace; write \\operatorname{Tr}(A) for the trace",
    "diag": "the letters diag are a product or a diagonal; write \\operatorname{diag}(v)",
    "E": "expectations are not read",
}


def unread(word: str) -> FormulaError:
    bare = word.lstrip("\\")
    return FormulaError(f"{word} is not read" + (f": {UNREAD_ADVICE[bare]}" if bare in UNREAD_ADVICE else ""))


MAX_PRODUCT_RUN = 3  # a run of more undeclared letters than this is a word, not a product
MAX_ORDER = 4  # derivatives are taken while reading for defined functions: their order is bounded
ENTRYWISE_DERIVATIVE = "the derivative of an entry-wise function is taken entry by entry (the Jacobian's diagonal)"


FAMILY = "_family"  # the key of the matrix whose rows are a declared family of vectors x_1, ..., x_n


def family_key(letter: str) -> str:
    return letter + FAMILY


def family_letter(key: str) -> str | None:
    """x of the key of the family x_1, ..., x_n; None for any other key."""
    return key[:-len(FAMILY)] if key.endswith(FAMILY) else None


def symbol_name(key: str) -> str:
    """The SymPy name of a notation key: ``\\theta`` -> theta, ``\\hat{y}`` -> yhat, the family x_i's x."""
    if key.endswith(FAMILY):
        return symbol_name(key[:-len(FAMILY)])
    if key.startswith("\\") and "{" in key:
        accent, base = key[1:].rstrip("}").split("{")
        if accent in ("mathcal", "mathscr"):  # \mathcal{L}: calL, a name of its own beside L
            return accent[4:] + base.lstrip("\\")
        return base.lstrip("\\") + accent
    return key.lstrip("\\")


# a name alone, or with an accent (\\hat\\theta, \\bar{x}): the accent, the name braced, unbraced, or alone
_LONE_NAME_KEY = re.compile(r"\s*(?:\\(hat|bar|tilde)\s*(?:\{\s*(\\?[A-Za-z]+)\s*\}|(\\[A-Za-z]+|[A-Za-z]))|(\\?[A-Za-z]+))\s*")


def lone_name_key(text: str) -> str | None:
    """The SymPy name of a term that is one name alone, accented or not (\\hat\\theta -> thetahat, \\theta -> theta);
    None for anything else."""
    m = _LONE_NAME_KEY.fullmatch(text)
    if m is None:
        return None
    return (m.group(2) or m.group(3)).lstrip("\\") + m.group(1) if m.group(1) else symbol_name(m.group(4))


_SHOWN_SUFFIXES = (("starsub", "{}_*"), ("star", "{}^*"), ("plusup", "{}^+"), ("minusup", "{}^-"), ("plussub", "{}_+"),
                   ("minussub", "{}_-"), ("hat", "\\hat{{{}}}"), ("bar", "\\bar{{{}}}"),
                   ("tilde", "\\tilde{{{}}}"), ("dot", "\\dot{{{}}}"))


def shown_name(symbol: str) -> str:
    """A SymPy name as the document writes it, for messages: xstarsub is x_*, yhat is \\hat{y}, calL is
    \\mathcal{L} (undoing symbol_name's accents)."""
    for suffix, form in _SHOWN_SUFFIXES:
        if symbol.endswith(suffix) and len(symbol) > len(suffix):
            base = shown_name(symbol[:-len(suffix)])
            return form.format("\\" + base if base in GREEK else base)  # (thetahat: \hat{\theta})
    for prefix, accent in (("cal", "mathcal"), ("scr", "mathscr")):
        if symbol.startswith(prefix) and len(symbol) > len(prefix):
            return f"\\{accent}{{{symbol[len(prefix):]}}}"
    return "\\" + symbol if symbol in GREEK else symbol  # (sigma: \sigma)


@dataclass(frozen=True)
class Fn:
    kind: str  # a key of values.SCALAR_FUNCTIONS, softmax, cross-entropy, max, min, lse, logsoftmax,
    #            "lambda" (a formula of its argument) or "unknown" (a function the document never defines)
    name: str
    base: sp.Expr | None = None  # of a logarithm
    power: int = 1  # \tanh^2 x
    func: object = None  # the Lambda of kind "lambda", the SymPy function of kind "unknown"
    primes: int = 0  # derivatives of an unknown function


@dataclass(frozen=True)
class SumOp:
    index: Idx
    letter: str
    excluded: sp.Expr | None = None
    product: bool = False  # \prod rather than \sum
    below: str | None = None  # \sum_{i<j}: the letter i, summed from 1 to j - 1 inside the sum over j
    condition: tuple | None = None  # \sum_{i : x_i > 0}: (left, relation, right), an order the summand is taken under


@dataclass(frozen=True)
class DerivativeOp:
    """d/dv: ``variable`` is a scalar symbol or entry, or (base, size) for a whole vector.

    ``more`` holds the further variables of a higher or mixed derivative, (variable, order) pairs,
    the first of which is ``variable`` itself.
    """

    variable: object
    text: str
    more: tuple = ()
    through: tuple[str, ...] = ()  # defined names differentiated by: the body is read with them kept as names
    jacobian: bool = False  # D_x f: the whole Jacobian (a row for a scalar f, a matrix for a vector f)


@dataclass(frozen=True)
class MatrixHead:
    base: sp.IndexedBase
    name: str


@dataclass(frozen=True)
class Entry:
    op: str | None  # the explicit operator before the item; None for juxtaposition
    negative: bool
    item: Tree


_CHARACTERS = {
    "!": "the character ! is read only as the factorial of a whole number (3!); write \\neq for an inequality",
    "&": "an alignment mark & outside an aligned environment is not read",
    "\\": "a line break inside a formula is not read: put each equation in its own display",
    "#": "the character # is not read", "$": "a dollar sign inside display mathematics is not read",
    "%": "the character % is not read", "@": "the character @ is not read",
}
_TOKENS = {
    "COMMA": "a comma outside parentheses is not read (two equations in one display? write each in its own "
             "display)",
    "REL": "a relation inside a side is not read: write one equation per display",
    "RPAR": "a closing parenthesis without its opening one", "LPAR": "an opening parenthesis without its closing one",
    "RBRACE": "a closing brace without its opening one", "RSQB": "a closing bracket without its opening one",
    "SUB": "a subscript with nothing before it", "SUP": "a superscript with nothing before it",
    "RBAR": "a closing bar without its opening one", "RNORM": "a closing \\| without its opening one",
    "PRIME": "a prime with nothing before it",
    "AMP": "an alignment mark & outside an aligned environment or a matrix is not read",
    "ROWSEP": "a line break inside a formula is not read: put each equation in its own display",
    "MATEND": "\\end{...} without its \\begin{...}",
    "COLON": "a colon is read only in a sum's subscript, before its condition (\\sum_{i : x_i > 0})",
}


def lark_reason(exc: LarkError) -> str:
    """The construct a parse error stops at, in the document's terms (never the parser's)."""
    if isinstance(exc, UnexpectedCharacters):
        return _CHARACTERS.get(exc.char, f"the character {exc.char!r} is not read")
    if isinstance(exc, UnexpectedEOF):
        return "the formula ends too early (an argument or a closing bracket is missing)"
    if isinstance(exc, UnexpectedToken):
        kind = exc.token.type
        if kind == "$END":
            return "the formula ends too early (an argument or a closing bracket is missing)"
        if kind == "MULOP":
            return f"{exc.token} with nothing on one side"
        if kind in ("FRAC", "SQRT"):
            return f"{exc.token} without its arguments"
        return _TOKENS.get(kind, f"{str(exc.token)!r} is not read here")
    return "the formula could not be read"


def item_base(item: Tree) -> Tree | Token:
    return item.children[0]


def item_scripts(item: Tree) -> list[Tree]:
    return list(item.children[1:])


def node_kind(node) -> str:
    return node.data if isinstance(node, Tree) else node.type


def node_word(node) -> str | None:
    """The name a letter, command or text node spells, or None."""
    if isinstance(node, Tree) and node.data in ("letter", "command", "word"):
        return str(node.children[0])
    if isinstance(node, Tree) and node.data == "text":
        raw = str(node.children[0])
        if "{" not in raw:  # \mathsf T, \mathrm d: the one letter after the command
            return raw.rstrip()[-1]
        return raw[raw.index("{") + 1:-1].strip()
    return None




def names_under(node) -> set[str]:
    """The letters and commands a parse tree writes."""
    if isinstance(node, Token):
        return {str(node)} if node.type in ("LETTER", "CMD") else set()
    return set().union(*(names_under(c) for c in node.children)) if node.children else set()


@lru_cache(maxsize=4096)
def only_labelled(text: str, name: str) -> bool:
    """Whether every use of the name in the formula carries a label of its own, a capital letter (M_S, \\theta_A)
    or a word (\\eta_{\\max}): names other than the bare one."""
    try:
        tokens = list(parser().lex(text))
    except (LarkError, FormulaError):
        return False
    found = False
    for n, tok in enumerate(tokens):
        if tok.type in ("LETTER", "CMD") and str(tok) == name and not (n and tokens[n - 1].type in ("SUB", "SUP")):
            after = tokens[n + 1:n + 5]
            if not after or after[0].type != "SUB":
                return False
            inner = after[2:3] if len(after) > 3 and after[1].type == "LBRACE" and after[3].type == "RBRACE" \
                else after[1:2] if len(after) > 1 and after[1].type != "LBRACE" else []
            word = inner[0] if inner else None
            if word is None or not (word.type == "LETTER" and str(word).isupper()
                                    or word.type == "CMD" and str(word)[1:] in WORD_LABELS
                                    or word.type == "TEXT"):
                return False
            found = True
    return found


# the commands and letters a formula of numbers only may write (1 \cdot 2 + \frac{1}{2}, \log 2, e^{-1})
NUMERIC_WORDS = frozenset({"\\frac", "\\dfrac", "\\tfrac", "\\sqrt", "\\cdot", "\\times", "\\left", "\\right",
                           "\\big", "\\Big", "\\log", "\\ln", "\\exp", "e", "\\pi"})


# what a superscript letter or command right after ^ marks rather than names: a transpose, a conjugate, an optimum
_SCRIPT_MARKS = frozenset({"T", "H", "\\top", "\\intercal", "\\prime", "\\star", "\\ast", "\\dagger", "\\circ",
                           "\\perp", "\\mathsf", "\\mathrm", "\\text", "\\operatorname"})


def names_in(text: str) -> frozenset[str]:
    """The names a formula uses as values (letters and commands, with their primes), not as scripts."""
    try:
        tokens = list(parser().lex(text))
    except (LarkError, FormulaError):
        return frozenset()
    out = set()
    inside = set()  # positions of the letters under an accent: part of the accented name
    for n, tok in enumerate(tokens):
        name, last = None, n
        if tok.type == "ACCENT":
            kinds = [t.type for t in tokens[n + 1:n + 4]]
            if kinds[:1] in (["LETTER"], ["CMD"]):
                name, last = accented(str(tok), str(tokens[n + 1])), n + 1
            elif kinds[:3] in (["LBRACE", "LETTER", "RBRACE"], ["LBRACE", "CMD", "RBRACE"]):
                name, last = accented(str(tok), str(tokens[n + 2])), n + 3
            elif [t.type for t in tokens[n + 1:n + 7]] == ["LBRACE", "FONT", "LBRACE", "LETTER", "RBRACE", "RBRACE"] \
                    and str(tokens[n + 2]) in ("\\mathbf", "\\boldsymbol", "\\bm", "\\mathrm", "\\mathit"):
                # \hat{\mathbf{y}} names what \hat{y} names
                name, last = accented(str(tok), str(tokens[n + 4])), n + 6
            elif [t.type for t in tokens[n + 1:n + 5]] in (["LBRACE", "FONT", "LETTER", "RBRACE"],
                                                            ["LBRACE", "FONT", "CMD", "RBRACE"]) \
                    and str(tokens[n + 2]) in ("\\mathbf", "\\boldsymbol", "\\bm", "\\mathrm", "\\mathit"):
                name, last = accented(str(tok), str(tokens[n + 3])), n + 4  # (\hat{\boldsymbol\beta} too)
            inside.update(range(n + 1, last + 1))
        elif tok.type in ("LETTER", "CMD") and n not in inside and not (n and tokens[n - 1].type == "SUB") \
                and not (n and tokens[n - 1].type == "SUP" and str(tok) in _SCRIPT_MARKS):
            name = str(tok)  # (e^x: x is a value; x^T, x^\top, f^\star: marks, no names)
        if name is not None:
            primes = 0
            while last + 1 + primes < len(tokens) and tokens[last + 1 + primes].type == "PRIME":
                primes += 1
            out.add(name + "'" * primes)
    return frozenset(out)


_ACCENT_ALIASES = {"\\widehat": "\\hat", "\\overline": "\\bar", "\\widetilde": "\\tilde"}
ACCENTED = re.compile(r"\\(hat|bar|tilde|dot|mathcal|mathscr|star|starsub|plusup|minusup|plussub|minussub)\{\\?[A-Za-z]+\}")


_STARRED_KEY = re.compile(r"\\(star|starsub|plusup|minusup|plussub|minussub)\{(\\?[A-Za-z]+)\}")
_WRITTEN_MARK = {"star": "^*", "starsub": "_*", "plusup": "^+", "minusup": "^-", "plussub": "_+", "minussub": "_-"}


def written_name(key: str) -> str:
    """A name's key as the document writes it: \\star{x} is x^*, \\starsub{k} is k_*, \\minusup{P} is P^-."""
    return _STARRED_KEY.sub(lambda m: f"{m.group(2)}{_WRITTEN_MARK[m.group(1)]}", key)


def accented(accent: str, inner: str) -> str:
    """The one spelling of an accented name: \\widehat y is \\hat{y}."""
    return f"{_ACCENT_ALIASES.get(accent, accent)}{{{inner}}}"


def script_word(arg) -> str | None:
    """The word a script writes, with or without braces: T in ^T, ^{T} and ^{\\top} alike."""
    word = node_word(arg)
    if node_kind(arg) == "group" and len(arg.children) == 1:
        inner = arg.children[0]
        if node_kind(inner) == "product" and len(inner.children) == 1 and not item_scripts(inner.children[0]):
            word = node_word(item_base(inner.children[0]))
    return word


WORD_LABELS = ("max", "min", "sup", "inf")


def word_label(node) -> str | None:
    """The word a subscript spells as a label: \\max, \\min, \\text{train}, \\mathrm{old}, \\operatorname{new} (letters,
    then digits); None for anything else (a letter, a run of index letters)."""
    kind = node_kind(node)
    if kind == "command" and str(node.children[0])[1:] in WORD_LABELS:
        return str(node.children[0])[1:]
    if kind == "text":
        word = node_word(node)
        if word and re.fullmatch(r"[A-Za-z]{2,}[0-9]*", word):
            return word
    return None


def function_label(scripts) -> str | None:
    """The label of a function named with a subscript, H_\\delta, f_1 or L_{\\text{sat}} (a letter, a Greek letter, a
    numeral or an upright word, alone in the one subscript, or before primes): ``\\delta``, ``1``, ``sat``; None for
    anything else."""
    subs = [s for s in scripts if s.data == "sub_script"]
    if len(subs) != 1 or any(s.data not in ("sub_script", "prime") for s in scripts):
        return None
    node = subs[0].children[1]
    node = node.children[0] if node_kind(node) == "group" and len(node.children) == 1 else node
    node = node.children[0] if node_kind(node) == "product" and len(node.children) == 1 else node
    node = item_base(node) if node_kind(node) == "item" and not item_scripts(node) else node
    kind = node_kind(node)
    if kind == "text":
        # L_{\text{sat}}(a), J_{\mathrm{reg}}(w): a word set upright as the label
        upright = re.fullmatch(r"\\(?:text|mathrm|textrm|operatorname)\s*\{\s*([A-Za-z]{2,})\s*\}", str(node.children[0]))
        return upright.group(1) if upright else None
    word = str(node.children[0]) if kind in ("letter", "command", "number") else None
    if kind == "command" and word[1:] not in GREEK:
        return None
    return word


def derived_by(expr, name: str) -> bool:
    """Whether the formula takes a derivative by the symbol of that name (f'(a) in T_a(x) = f(a) + f'(a)(x - a)):
    the symbol cannot then be given a number by substitution."""
    return any(str(v) == name for d in expr.atoms(sp.Derivative) for v, _ in d.variable_count)
