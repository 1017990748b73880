"""How a document uses its names: as entries of vectors, as factors, as functions applied to arguments.

The reader reads one formula at a time; whether ``f(x)`` is a function at x or the product f·x, and
whether the x of a default notation is a vector or a plain scalar, depends on the rest of the
document. This module scans every formula's tokens once and records each name's uses, with the line
of the first use of each kind, so that a reading can be chosen from the whole document, or refused
when the uses disagree.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from lark.exceptions import LarkError

from ..errors import FormulaError
from .grammar import parser
from .syntax import GREEK as _GREEK

__all__ = ["Usage", "scan"]

_TRANSPOSES = {"T", "\\top", "\\intercal"}
# The argument of a function that takes a whole vector: softmax(x), \operatorname{LSE}(\theta + c).
_WHOLE = re.compile(r"(?:softmax|logsoftmax|log-softmax|LSE|logsumexp)\s*\}?\s*(?:\\left)?\s*\(\s*"
                    r"(?:\\(?:mathbf|boldsymbol|bm)\s*\{\s*)?([A-Za-z](?![A-Za-z_])|\\(?:theta|alpha|beta|eta|phi|psi|xi|zeta)(?![A-Za-z]))")


@dataclass
class Usage:
    """The uses of each name (a letter or a command such as \\theta), keyed by name, valued by first line."""

    entries: dict[str, int] = field(default_factory=dict)  # x_i, x_{ij}: a vector (or matrix)
    transposed: dict[str, int] = field(default_factory=dict)  # x^\top
    factors: dict[str, int] = field(default_factory=dict)  # 2a, ab, a + b: a value of its own
    applied: dict[str, int] = field(default_factory=dict)  # f(x)
    primed: dict[str, int] = field(default_factory=dict)  # f'(x)
    numbered: dict[str, int] = field(default_factory=dict)  # x_1: an entry of a vector, or a name of its own
    indices: dict[str, int] = field(default_factory=dict)  # letters written in subscripts: x_i, \sum_{i=1}
    subscripts: dict[str, tuple[str, ...]] = field(default_factory=dict)  # the letters of the first x_i, W_{ij}
    whole: dict[str, int] = field(default_factory=dict)  # softmax(x), LSE(x): a function of a whole vector
    worded: dict[str, int] = field(default_factory=dict)  # eta_{\max}, x_{\text{train}}: a word as the label
    integrated: dict[str, int] = field(default_factory=dict)  # x of \int_a^b f(x) \, dx: a variable of integration
    # u_o^\top, \|v_c\|, u^\top v_c, v_{c,i}: a name with a letter subscript used as a vector ("u_o" -> line)
    labelled: dict[str, int] = field(default_factory=dict)
    second_index: dict[str, str] = field(default_factory=dict)  # v_{c,i}: "v_c" -> "i"
    # \sum_c ... \theta_c: a letter a sum binds, written as the subscript of another name (letter -> (name, line))
    summed: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    # \sum_{t=1}^{W}, \sum_{k=0}^{T-1}: the letters a sum's or a product's limits are written in
    limits: dict[str, int] = field(default_factory=dict)
    # w_j inside \sum_{j=1}^{n}: the letter its index runs to, where a lone letter (name -> letter), first use
    summed_to: dict[str, str] = field(default_factory=dict)
    # \theta_A, p_B: a capital letter that is no size as the subscript, a label (name -> line)
    capitals: dict[str, int] = field(default_factory=dict)
    # p_i(T), f_\theta(x): a name with a subscript applied to arguments that are no numbers, a family of functions
    family_applied: dict[str, int] = field(default_factory=dict)
    # r(x): a name applied to one lone letter (name -> the letters), as a function of it is written
    applied_to: dict[str, set] = field(default_factory=dict)
    # every letter written in a subscript of each name (x_i, x_{t-1}, m_n, W_{ij}: name -> the letters)
    subscript_letters: dict[str, set] = field(default_factory=dict)

    def as_vector(self, name: str) -> bool:
        return name in self.entries or name in self.transposed or name in self.numbered or name in self.whole


def _applied_after_script(tokens, start: int) -> bool:
    """Whether the subscript starting at ``start`` (a letter or a brace group) is followed by parentheses that
    hold a letter: p_i(T), not p_2(2) or x_i (a + b)... only the first: a letter right after the script."""
    k = start
    if k >= len(tokens):
        return False
    if tokens[k].type == "LBRACE":
        depth = 0
        while k < len(tokens):
            depth += tokens[k].type == "LBRACE"
            depth -= tokens[k].type == "RBRACE"
            if depth == 0:
                break
            k += 1
    k += 1
    if k >= len(tokens) or tokens[k].type != "LPAR":
        return False
    inside = tokens[k + 1:k + 4]
    return len(inside) >= 2 and inside[0].type in ("LETTER", "CMD") and inside[1].type == "RPAR"


def _note(table: dict[str, int], name: str, line: int) -> None:
    table.setdefault(name, line)


def scan(formulas: list[tuple[str, int]], prime_transpose: bool = False,
         is_size: Callable[[str], bool] = lambda letter: False) -> Usage:
    """The uses of names in these formulas (text, line); a formula that does not lex is skipped.
    ``prime_transpose``: the document writes the transpose with a prime (X'X). ``is_size``: whether a capital
    letter is a size the document declares (x_D, entry D of x); a capital letter that is neither such a size nor a
    limit of a sum labels the name it subscripts (\\theta_A, \\theta_B of two coins), never an index."""
    usage = Usage()
    capitals: list[tuple[str, str, int, tuple[str, ...]]] = []
    bare_primes: dict[str, int] = {}  # f' without its argument
    lex = parser().lex
    for text, line in formulas:
        try:
            tokens = list(lex(text))
        except (LarkError, FormulaError):
            continue
        for m in _WHOLE.finditer(text):
            _note(usage.whole, m.group(1), line)
        _labelled(tokens, line, usage)
        _limits(tokens, line, usage)
        _integrated(tokens, line, usage)
        depth, script_depth = 0, []  # brace depth, and the depths at which subscript groups opened
        for n, tok in enumerate(tokens):
            if tok.type == "LBRACE":
                depth += 1
                if n > 0 and tokens[n - 1].type == "SUB":
                    script_depth.append(depth)
            elif tok.type == "RBRACE":
                if script_depth and script_depth[-1] == depth:
                    script_depth.pop()
                depth -= 1
            if tok.type not in ("LETTER", "CMD"):
                continue
            if tok.type == "LETTER" and ((n > 0 and tokens[n - 1].type == "SUB") or script_depth):
                _note(usage.indices, str(tok), line)
                if script_depth:
                    continue  # \delta_{ac}, x_{t-1}: a letter in a subscript is an index, not a value
            if n > 0 and tokens[n - 1].type in ("SUB", "SUP"):
                continue  # an index or an exponent, not a use of the name as a value
            name = str(tok)
            after = tokens[n + 1:n + 4]
            kinds = [t.type for t in after]
            if kinds[:1] == ["SUB"]:
                usage.subscript_letters.setdefault(name, set()).update(_all_letters(tokens, n + 2))
            if kinds[:1] == ["SUB"] and _word_subscript(tokens, n + 1):
                _note(usage.worded, name, line)  # eta_{\max}, x_{\text{train}}: a name of its own, no entry
            elif kinds[:1] == ["SUB"] and _capital_subscript(tokens, n + 1):
                capitals.append((name, _capital_subscript(tokens, n + 1), line, _letters(tokens, n + 2)))
            elif kinds[:1] == ["SUB"] and len(after) > 1 and (after[1].type in ("LETTER", "LBRACE")):
                _note(usage.entries, name, line)
                usage.subscripts.setdefault(name, _letters(tokens, n + 2))
                if _applied_after_script(tokens, n + 2):
                    _note(usage.family_applied, name, line)
            elif kinds[:1] == ["SUB"] and len(after) > 1 and after[1].type == "NUMBER":
                _note(usage.numbered, name, line)
            elif kinds[:1] == ["SUP"] and len(after) > 1 and str(after[1]) in _TRANSPOSES \
                    or prime_transpose and kinds[:1] == ["PRIME"] and kinds[1:2] != ["LPAR"]:
                _note(usage.transposed, name, line)
            elif kinds[:1] == ["LPAR"]:
                _note(usage.applied, name, line)
                if kinds[1:3] in (["LETTER", "RPAR"], ["CMD", "RPAR"]):
                    usage.applied_to.setdefault(name, set()).add(str(after[1]))
            elif kinds[:1] == ["PRIME"] and ("LPAR" in kinds[1:] and all(k in ("PRIME", "LPAR") for k in
                                                                         kinds[1:kinds.index("LPAR", 1) + 1])):
                _note(usage.primed, name, line)
            elif kinds[:1] == ["PRIME"] and not prime_transpose:
                _note(bare_primes, name, line)
            else:
                _note(usage.factors, name, line)
    # \Phi' = \phi of a \Phi applied elsewhere (\Phi(x)): the derivative of that function; x' alone is a value
    for name, line in bare_primes.items():
        _note(usage.primed if name in usage.applied else usage.factors, name, line)
    for name, letter, line, letters in capitals:
        if letter in usage.limits or is_size(letter):
            _note(usage.entries, name, line)  # x_N, h_T of a sum to T: the last entry
            usage.subscripts.setdefault(name, letters)
        else:
            _note(usage.capitals, name, line)
    return usage


def _capital_subscript(tokens, p: int) -> str:
    """The capital letter a subscript at p is, alone: _A, _{A} (not _{AB}, _{A,i}); '' for anything else."""
    tok = tokens[p + 1] if p + 1 < len(tokens) else None
    if tok is not None and tok.type == "LBRACE":
        tok = tokens[p + 2] if p + 3 < len(tokens) and tokens[p + 3].type == "RBRACE" else None
    return str(tok) if tok is not None and tok.type == "LETTER" and str(tok).isupper() else ""


def _integrated(tokens, line: int, usage: Usage) -> None:
    """The variables of the integrals in one formula's tokens: the letter after the first d (d, \\mathrm{d}, \\dd)
    that follows an \\int."""
    open_integrals = 0
    for n, tok in enumerate(tokens):
        if tok.type == "CMD" and str(tok) == "\\int":
            open_integrals += 1
        elif open_integrals and n + 1 < len(tokens) and tokens[n + 1].type in ("LETTER", "CMD") \
                and (str(tok) in ("d", "\\dd", "\\mathrm{d}", "\\text{d}", "\\operatorname{d}")) \
                and not (n and tokens[n - 1].type in ("SUB", "SUP")):
            _note(usage.integrated, str(tokens[n + 1]), line)
            open_integrals -= 1


def _word_subscript(tokens, p: int) -> bool:
    """A subscript at p that spells a word label: _\\max, _{\\min}, _{\\text{train}}, _{\\mathrm{old}}."""
    inside = tokens[p + 2:p + 4] if p + 1 < len(tokens) and tokens[p + 1].type == "LBRACE" else tokens[p + 1:p + 2]
    if not inside or (tokens[p + 1].type == "LBRACE" and (len(inside) < 2 or inside[1].type != "RBRACE")):
        return False
    tok = inside[0]
    return (tok.type == "CMD" and str(tok)[1:] in ("max", "min", "sup", "inf")) \
        or (tok.type == "TEXT" and re.fullmatch(r"\\[A-Za-z]+\{\s*[A-Za-z]{2,}[0-9]*\s*\}", str(tok)) is not None)


def _is_transpose(tokens, p: int) -> int:
    """The position after ^\\top, ^T, ^{\\top} starting at p, or 0."""
    if p + 1 < len(tokens) and tokens[p].type == "SUP":
        if str(tokens[p + 1]) in _TRANSPOSES:
            return p + 2
        if tokens[p + 1].type == "LBRACE" and p + 3 < len(tokens) and str(tokens[p + 2]) in _TRANSPOSES \
                and tokens[p + 3].type == "RBRACE":
            return p + 4
    return 0


def _label_at(tokens, p: int) -> tuple[str, int, str]:
    """A subscript at p naming a label, _c, _{c}, _\\alpha, _{c,i}: (the letter, the position after it, the second
    index or ''); ('', 0, '') when the subscript is something else."""
    if p + 1 >= len(tokens) or tokens[p].type != "SUB":
        return "", 0, ""
    tok = tokens[p + 1]
    if tok.type == "LETTER" or (tok.type == "CMD" and str(tok)[1:] in _GREEK):
        return str(tok), p + 2, ""
    kinds = [t.type for t in tokens[p + 1:p + 6]]
    if kinds[:3] == ["LBRACE", "LETTER", "RBRACE"]:
        return str(tokens[p + 2]), p + 4, ""
    if kinds[:5] == ["LBRACE", "LETTER", "COMMA", "LETTER", "RBRACE"]:
        return str(tokens[p + 2]), p + 6, str(tokens[p + 4])
    return "", 0, ""


def _labelled(tokens, line: int, usage: Usage) -> None:
    """Names with a letter subscript used as vectors, and letters sums bind, in one formula's tokens."""
    bound = set()
    runs_to: dict[str, str] = {}  # (a bound letter -> the lone letter its sum runs to, \sum_{j=1}^{n}: j -> n)
    for n, tok in enumerate(tokens):
        if tok.type == "CMD" and str(tok) in ("\\sum", "\\prod"):
            letter, _, _ = _label_at(tokens, n + 1)
            if not letter and n + 2 < len(tokens) and tokens[n + 1].type == "SUB" and tokens[n + 2].type == "LBRACE" \
                    and n + 3 < len(tokens) and tokens[n + 3].type == "LETTER":
                letter = str(tokens[n + 3])  # \sum_{c=1}^{N}
            if letter:
                bound.add(letter)
                _, _, p = _script(tokens, n + 1)
                kind, upper, _ = _script(tokens, p)
                if kind == "SUP" and len(upper) == 1 and upper[0].type == "LETTER":
                    runs_to.setdefault(letter, str(upper[0]))
    for n, tok in enumerate(tokens):
        if tok.type not in ("LETTER", "CMD") or (n and tokens[n - 1].type in ("SUB", "SUP")) \
                or str(tok) in ("\\sum", "\\prod"):
            continue
        letter, after, second = _label_at(tokens, n + 1)
        if not letter and n >= 2 and n + 1 < len(tokens) and tokens[n + 1].type == "RBRACE" \
                and tokens[n - 1].type == "LBRACE" and str(tokens[n - 2]) in ("\\mathbf", "\\boldsymbol", "\\bm"):
            # \mathbf{x}_n inside \sum_{n=1}^{N}: n is bound there, as in x_n
            bold, _, _ = _label_at(tokens, n + 2)
            if bold in bound:
                usage.summed.setdefault(bold, []).append((str(tok), line))
        if not letter:
            continue
        name = f"{tok}_{letter}"
        if letter in bound:
            usage.summed.setdefault(letter, []).append((str(tok), line))
            if letter in runs_to and not second:
                usage.summed_to.setdefault(str(tok), runs_to[letter])
        before = tokens[max(0, n - 4):n]
        vector_use = (second or _is_transpose(tokens, after)
                      or (n and tokens[n - 1].type == "LNORM" and after < len(tokens) and tokens[after].type == "RNORM")
                      or any(_is_transpose(tokens, q) == n for q in range(max(0, n - 4), n))
                      or (n and tokens[n - 1].type == "LANGLE")
                      or (n and tokens[n - 1].type == "COMMA" and any(t.type == "LANGLE" for t in before)))
        if vector_use:
            usage.labelled.setdefault(name, line)
            if second:
                usage.second_index.setdefault(name, second)


def _script(tokens, p: int) -> tuple[str, list, int]:
    """The script starting at p (_x, ^{T-1}): its kind (SUB or SUP), its tokens and the position after it;
    ('', [], p) when there is none."""
    if p + 1 >= len(tokens) or tokens[p].type not in ("SUB", "SUP"):
        return "", [], p
    if tokens[p + 1].type != "LBRACE":
        return tokens[p].type, [tokens[p + 1]], p + 2
    depth = 0
    for q in range(p + 1, len(tokens)):
        depth += {"LBRACE": 1, "RBRACE": -1}.get(tokens[q].type, 0)
        if depth == 0:
            return tokens[p].type, tokens[p + 2:q], q + 1
    return "", [], p


def _limits(tokens, line: int, usage: Usage) -> None:
    """The letters written in a sum's or a product's limits: ^{W}, ^{T-1}, _{t=W+1} (past its "=")."""
    for n, tok in enumerate(tokens):
        if tok.type != "CMD" or str(tok) not in ("\\sum", "\\prod"):
            continue
        p = n + 1
        for _ in range(2):
            kind, inside, p = _script(tokens, p)
            if not kind:
                break
            if kind == "SUB":
                eq = next((q for q, t in enumerate(inside) if t.type == "REL" and str(t) == "="), None)
                inside = inside[eq + 1:] if eq is not None else []
                if any(t.type == "COMMA" for t in inside):
                    inside = inside[:next(q for q, t in enumerate(inside) if t.type == "COMMA")]
            for q, t in enumerate(inside):
                if t.type == "LETTER" and not (q and inside[q - 1].type in ("SUB", "SUP")):
                    _note(usage.limits, str(t), line)


def _all_letters(tokens, p: int) -> set[str]:
    """Every letter of a subscript starting at p: one letter, or the letters of a braced group (x_{t-1}: t)."""
    if p >= len(tokens):
        return set()
    if tokens[p].type != "LBRACE":
        return {str(tokens[p])} if tokens[p].type == "LETTER" else set()
    out, depth = set(), 0
    for tok in tokens[p:]:
        depth += (tok.type == "LBRACE") - (tok.type == "RBRACE")
        if depth == 0:
            break
        if tok.type == "LETTER":
            out.add(str(tok))
    return out


def _letters(tokens, p: int) -> tuple[str, ...]:
    """The letters of a subscript starting at p: one letter, or a braced run of letters (else ())."""
    if tokens[p].type == "LETTER":
        return (str(tokens[p]),)
    out = []
    for tok in tokens[p + 1:]:
        if tok.type == "RBRACE":
            return tuple(out)
        if tok.type == "COMMA" and out:  # W_{i,j}
            continue
        if tok.type != "LETTER":
            return ()
        out.append(str(tok))
    return ()
