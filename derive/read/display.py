"""Display mathematics in Markdown and LaTeX files: the blocks, their rows, and the chains a = b = c.

Offsets into the file are kept throughout (markup that is dropped is blanked, not removed), so every
term knows its line. Code blocks, comments and inline math are not claims and are skipped: Markdown
through a CommonMark parser (derive.read.markdown), LaTeX by one scan for display environments.
Each display is then split on its own text, so reading takes time linear in the document.
"""

from __future__ import annotations

import bisect
import contextvars
import dataclasses
import re
from dataclasses import dataclass, field, replace

from .statements import display_prose

__all__ = ["Term", "Chain", "chains_of", "blank"]

_ENVIRONMENTS = ("equation", "align", "gather", "multline", "eqnarray", "displaymath", "flalign")
_OPEN = re.compile(r"\$\$|\\\[|\\begin\{(" + "|".join(_ENVIRONMENTS) + r")(\*?)\}")
_INNER = re.compile(r"\\(begin|end)\{(aligned|split|gathered|alignedat|array)\}(\{[^{}]*\})?")
_DROP = re.compile(r"\\(label|eqref|ref)\{[^{}]*\}|\\nonumber\b|\\notag\b")
_TAG = re.compile(r"\\tag\*?\{([^{}]*)\}")
_LEAD_LABEL = re.compile(r"^\s*\((\d+[a-z]?)\)\s+(?=\S)")
_QUAD_LABEL = re.compile(r"\\q?quad\s*\((\w+)\)\s*$")
# "\quad (i = 1, \dots, n)", ", \qquad t = 1, \dots, T": the range of the equation's index, from 1, said beside it
# (the index runs over it anyway)
_INDEX_RANGE = re.compile(r"(?:,\s*)?\\q?quad\s*(\()?\s*(?:\\text\s*\{\s*for\s*(?:all\s*)?\}\s*)?[a-z]\s*"
                          r"(?:=\s*1\s*,\s*(?:2\s*,\s*)?(?:\\[lc]?dots|\.\.\.)\s*,\s*(?:[A-Za-z]|\\[A-Za-z]+)"
                          r"|\\in\s*\\\{\s*1\s*,\s*(?:2\s*,\s*)?(?:\\[lc]?dots|\.\.\.)\s*,\s*(?:[A-Za-z]|\\[A-Za-z]+)\s*\\\})"
                          r"\s*(?(1)\))\s*[.,;]?\s*$")
_AFTER_LABEL = re.compile(r"[ \t]*\n?[ \t]*\((\d+[a-z]?)\)[ \t]*(?:\n|$)")
_RELATIONS = {"=": "=", "\\neq": "≠", "\\ne": "≠", "\\approx": "≈", "\\leq": "≤", "\\le": "≤", "\\geq": "≥",
              "\\ge": "≥", "<": "<", ">": ">", "\\in": "∈", ":=": ":=", "\\coloneqq": ":=", "\\equiv": "≡",
              "\\triangleq": "≜", "\\Rightarrow": "⇒", "\\implies": "⇒", "\\iff": "⇔", "\\Leftrightarrow": "⇔",
              "\\to": "→", "\\propto": "∝", "\\sim": "∼", "\\mapsto": "↦"}


def blank(text: str, start: int, end: int) -> str:
    """text with [start, end) replaced by spaces (newlines kept), so offsets do not move."""
    return text[:start] + re.sub(r"[^\n]", " ", text[start:end]) + text[end:]


def _spaces(m: re.Match) -> str:
    return re.sub(r"[^\n]", " ", m.group(0))


def _blank_all(text: str, pattern: re.Pattern) -> str:
    """text with every match of pattern blanked, in one pass."""
    return pattern.sub(_spaces, text)


@dataclass(frozen=True)
class Term:
    text: str
    offset: int  # of the term's first character in the file
    end: int | None = None  # where it ends in the file, when not offset + len(text) (macros were expanded)


@dataclass(frozen=True)
class Chain:
    """terms[0] rel[0] terms[1] rel[1] ...; ``problem`` when the row cannot even be split."""

    terms: tuple[Term, ...]
    relations: tuple[str, ...]
    offset: int
    label: str = ""
    problem: str = ""
    latex: str = ""
    # Conditions the display's own words state (\text{if } i = j): (left, equal, right, offset).
    conditions: tuple = ()
    joins: bool = False  # "\text{..., get:}" before the claim: it continues the chain before the display

    @property
    def bare(self) -> bool:
        """A display that is one formula with no relation (it may continue the chain before it)."""
        return not self.relations and not self.problem
    part: int = 0  # of a row that writes several equations side by side (1, 2, ...); 0 if one


@dataclass
class _Row:
    offset: int
    terms: list = field(default_factory=list)  # Term
    relations: list = field(default_factory=list)
    label: str = ""
    problem: str = ""
    part: int = 0
    conditions: list = field(default_factory=list)  # (left, equal or order, right, offset): \text{for } m < 0 beside it


# --- blocks ------------------------------------------------------------------------------------

def _prepare(text: str) -> str:
    """A LaTeX document with its comments and escaped dollars blanked."""
    text = _blank_all(text, re.compile(r"(?<!\\)%[^\n]*"))
    return _blank_all(text, re.compile(r"\\\$"))


def _blocks(text: str):
    """(content offset, content end, problem) for each display block, in order."""
    pos = 0
    while True:
        m = _OPEN.search(text, pos)
        if not m:
            return
        if m.group(0) == "$$":
            close = "$$"
        elif m.group(0) == "\\[":
            close = "\\]"
        else:
            close = f"\\end{{{m.group(1)}{m.group(2)}}}"
        end = text.find(close, m.end())
        if end < 0:
            yield m.start(), m.end(), len(text), f"{m.group(0)} is never closed"
            return
        yield m.start(), m.end(), end, ""
        pos = end + len(close)


# --- rows and relations ------------------------------------------------------------------------

def _rows(text: str, start: int, end: int):
    """Split [start, end) at \\\\ outside braces and nested environments: (row start, row end)."""
    depth, env, n, row = 0, 0, start, start
    while n < end:
        ch = text[n]
        if ch == "\\":
            m = re.compile(r"\\(begin|end)\b|\\\\|\\.").match(text, n)
            tok = m.group(0) if m else "\\"
            if tok == "\\begin":
                env += 1
            elif tok == "\\end":
                env -= 1
            elif tok == "\\\\" and depth == 0 and env == 0:
                yield row, n
                n += 2
                spacing = re.compile(r"\s*\[[^\]]*\]").match(text, n)
                if spacing and spacing.end() <= end:
                    n = spacing.end()
                row = n
                continue
            n += len(tok)
            continue
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        n += 1
    yield row, end


_TEXT_COMMANDS = frozenset(("\\text", "\\textrm", "\\textit", "\\textbf", "\\textsf", "\\texttt", "\\mbox"))


def _text_argument_end(text: str, n: int, end: int) -> int | None:
    """Where the braced argument of a text command starting at ``n`` (after spaces) ends, its braces counted
    alone; None where there is none, or it is not closed before ``end``."""
    while n < end and text[n] == " ":
        n += 1
    if n >= end or text[n] != "{":
        return None
    depth = 0
    for k in range(n, end):
        if text[k] == "\\":
            continue
        if text[k] == "{" and (k == 0 or text[k - 1] != "\\"):
            depth += 1
        elif text[k] == "}" and text[k - 1] != "\\":
            depth -= 1
            if depth == 0:
                return k + 1
    return None


def _split(text: str, start: int, end: int) -> list[_Row]:
    """One row's terms and the relations between them, found outside every bracket.

    A row that writes two equations side by side (``a = b, \\quad c = d``) is split at the comma,
    ``\\quad`` or ``\\text{and}`` between them: one row for each.
    """
    # Open brackets; a parenthesis left open inside braces ends with them (TeX cannot pair it outside).
    opened: list[str] = []
    n = start
    guard = 0  # \left..\right, \langle..\rangle and \{..\}: no comma or relation inside separates
    env = 0  # inside \begin{cases} ... \end{cases}: its relations are conditions, not links
    unbalanced = False
    relations: list[tuple[int, int, str]] = []  # (start, end, relation)
    separators: list[tuple[int, int]] = []
    while n < end:
        ch = text[n]
        depth = len(opened)
        rel = None
        if ch == "\\":
            if depth == 0 and guard == 0:
                sep, strong = _separator(text, n, end)
                if strong:
                    separators.append((n, sep))
                if sep > n:  # a run of spacing is skipped whole, so a long run takes linear time
                    n = sep
                    continue
            m = re.compile(r"\\[A-Za-z]+|\\.").match(text, n)
            tok = m.group(0) if m else "\\"
            closed = _text_argument_end(text, n + len(tok), end) if tok in _TEXT_COMMANDS else None
            if closed is not None:
                n = closed  # (words: "\text{(GQA, } n = 8\text{)}" opens and closes no bracket of the formula)
                continue
            if tok == "\\begin":
                env += 1
            elif tok == "\\end":
                env -= 1
            if depth == 0 and guard <= 0 and env == 0 and tok in _RELATIONS:
                rel = tok
            else:
                guard += _GUARDS.get(tok, 0)
                n += len(tok)
                continue
        elif ch in "({[":
            opened.append(ch)
        elif ch == "}":
            while opened and opened[-1] != "{":
                opened.pop()
            unbalanced |= not opened
            if opened:
                opened.pop()
        elif ch in ")]":
            unbalanced |= not opened or opened[-1] == "{"
            if opened and opened[-1] != "{":
                opened.pop()
        elif depth == 0 and guard == 0 and env == 0 and ch == ",":
            sep, _ = _separator(text, n, end)
            separators.append((n, sep))
            n = sep
            continue
        elif depth == 0 and guard <= 0 and env == 0 and text.startswith(":=", n):
            rel = ":="
        elif depth == 0 and guard <= 0 and env == 0 and ch in "=<>":
            rel = ch
        if rel is not None:
            relations.append((n, n + len(rel), _RELATIONS[rel]))
            n += len(rel)
            continue
        n += 1
    if unbalanced or opened:
        row = _Row(start)
        whole = text[start:end]
        row.terms = [Term(whole, start)]
        if re.search(r"=|\\(neq|approx|leq|geq|le|ge|in)\b|<|>", whole):
            row.problem = "unbalanced brackets: the row cannot be split into sides"
        return [row]
    equations, problem, relations = _equations(text, start, end, relations, separators)
    if problem:
        row = _Row(start, [Term(text[start:end], start)], [], "", problem)
        return [row]
    starts = [r[0] for r in relations]
    rows = []
    for a, b, conditions in equations:
        row = _row(text, a, b, relations[bisect.bisect_left(starts, a):bisect.bisect_left(starts, b)])
        row.conditions = list(conditions)
        rows.append(row)
    return rows


# \text{for } m < 0, \text{if } 0 < m < 1, \text{when } x \geq 0: a condition written beside an equation
_BESIDE = re.compile(r"\s*\\(?:text|mbox|textrm|mathrm)\s*\{\s*(?:for|if|when|whenever)\s*(?P<inside>[^{}]*)\}(?P<after>[^{}]*)$")


# a name between numbers or names, or beside one: 0 < k < N, n \ge 0, t > 0 (never an equation)
_RANGE_BESIDE = re.compile(r"(?:[-\w\\{}]+\s*(?:<|>|\\leq?|\\geq?)\s*)?\\?[A-Za-z]+(?:_\{?\w+\}?)?\s*(?:<|>|\\leq?|\\geq?)"
                           r"\s*[-\w\\{}]+")
# "q \in (0, 1]", "t \in [0, T]", "x \in (0, \infty)": a name in an interval of numbers or names
_INTERVAL_BESIDE = re.compile(r"(?P<name>\\?[A-Za-z]+(?:_\{?\w+\}?)?)\s*\\in\s*(?:\\left\s*)?(?P<open>[(\[])"
                              r"(?P<lo>\s*-?\s*(?:\\infty|[\w.]+)\s*),(?P<hi>\s*\+?\s*(?:\\infty|[\w.]+)\s*)"
                              r"(?:\\right\s*)?(?P<close>[)\]])")
_SPACING_RUN = re.compile(r"(?:\\q?quad(?![A-Za-z])|\\[,;:! ]|~|^\s*,)")


def _recurrence_in(letter: str, equation: str) -> bool:
    """Whether the equation subscripts a name by the letter and names it again with a subscript: a recurrence
    (``y_n = a y_{n-1}``), whose range beside is the range of its step. ``C_n = \\frac{1}{n + 1} \\binom{2n}{n}``
    is not one."""
    heads = re.findall(r"(\\[A-Za-z]+|[A-Za-z])\s*_\s*\{?[^{}$]*?(?<![A-Za-z\\])" + re.escape(letter) + r"(?![A-Za-z])", equation)
    return any(len(re.findall(re.escape(h) + r"(?![A-Za-z])\s*_", equation)) > 1 for h in set(heads)) \
        or (bool(heads) and not re.search(r"(?<![<>!\\])=", equation))


def _beside_condition(text: str, c: int, d: int, equation: str | None = None) -> tuple:
    """The conditions the stretch [c, d) states, ``\text{for } m < 0`` (as Chain.conditions), or ()."""
    from .statements import branch_conditions

    m = _BESIDE.match(text[c:d])
    if not m:
        # "P_k = p P_{k+1} + q P_{k-1} , \qquad 0 < k < N": a range written beside the equation, in mathematics
        written = _SPACING_RUN.sub(" ", text[c:d]).strip().rstrip(".,;")
        interval = _INTERVAL_BESIDE.fullmatch(written)
        if interval:
            # "q \in (0, 1]": the orders the interval's ends make (an infinite end makes none)
            name, lo, hi = interval.group("name"), interval.group("lo").strip(), interval.group("hi").strip()
            below = "<" if interval.group("open") == "(" else "\\le"
            above = "<" if interval.group("close") == ")" else "\\le"
            if "infty" in hi:  # (x \in (0, \infty): x > 0, the name first as a range beside is written)
                written = f"{name} {'>' if below == '<' else chr(92) + 'ge'} {lo}" if "infty" not in lo else ""
            else:
                written = (f"{lo} {below} " if "infty" not in lo else "") + f"{name} {above} {hi}"
        if not _RANGE_BESIDE.fullmatch(written):
            return ()
        found = branch_conditions(written, c)
        if not found or any(not x.order for x in found):
            return ()
        if any(_recurrence_in(x.left, text[max(0, c - 400):c] if equation is None else equation) for x in found):
            return ()  # (y_n = ... y_{n-1}, n >= 0: the range of a recurrence's step, which stays refused)
        return tuple((x.left, x.order, x.right, c) for x in found)
    written = (m.group("inside") + " " + m.group("after")).strip().rstrip(".,;")
    found = branch_conditions(written, c) if written else None
    if not found:
        return ()
    return tuple((x.left, x.order or x.equal, x.right, c) for x in found)


def _row(text: str, start: int, end: int, relations) -> _Row:
    row = _Row(start)
    term = start
    for a, b, rel in relations:
        row.terms.append(Term(text[term:a], term))
        row.relations.append(rel)
        term = b
    row.terms.append(Term(text[term:end], term))
    return row


# Spacing and conjunctions that may stand between two equations of one row; a run of them separates
# only if it has a comma, a \quad or an "and" in it.
_SPACING = re.compile(r"(?:\s|,|~|\\[,;:!> ]|\\q?quad(?![A-Za-z])|\\hspace\*?\{[^{}]*\}"
                      r"|\\(?:text|mbox|textrm|mathrm)\s*\{\s*(?:and|not|whereas|but|while|vs\.?|versus|rather\s+than|"
                      r"instead\s+of|and\s+not|not|so|hence|thus|therefore|then|giving|i\.e\.,?)\s*\}"
                      r"|\\(?:text|mbox|textrm)\s*\{\s*\([^{}()]*\)\s*\})+")  # (\text{(wrong)}: a remark in parentheses)
_STRONG = re.compile(r"(?<!\\),|\\q?quad(?![A-Za-z])|\{\s*(?:and|not|whereas|but|while|vs\.?|versus|rather\s+than|"
                     r"instead\s+of|and\s+not|so|hence|thus|therefore|then|giving|i\.e\.,?)\s*\}")
_GUARDS = {"\\left": 1, "\\right": -1, "\\langle": 1, "\\rangle": -1, "\\{": 1, "\\}": -1,
           "\\lvert": 1, "\\rvert": -1, "\\lVert": 1, "\\rVert": -1}
_NUMBER = re.compile(r"\s*-?\s*\d+(?:\.\d+)?\s*$")
_BARE = re.compile(r"\s*(?:[A-Za-z]|\\[A-Za-z]+)(?:_\{?[A-Za-z0-9]+\}?)?\s*$")


def _separator(text: str, n: int, end: int) -> tuple[int, bool]:
    """The end of the run of spacing and conjunctions at n, and whether it can separate two equations."""
    m = _SPACING.match(text, n, end)
    return (m.end(), bool(_STRONG.search(m.group(0)))) if m else (n, False)


def _named_in(bare: str, other: str) -> bool:
    """Whether the name ``bare`` (x, y_1) is written in ``other``: x as x or x_i there (a condition on a vector's
    entries too); y_1 as y_1 or y alone, never as y_2 (y_1 = -2 beside y_2 = 5 - \\frac{1}{2}(-2) = 6)."""
    m = re.match(r"\s*([A-Za-z]|\\[A-Za-z]+)(?:_\{?\s*([A-Za-z0-9]+)\s*\}?)?\s*$", bare)
    if m is None or m.group(2) is None:
        return _letters(bare) <= _letters(other)
    written = re.findall(r"(?<![A-Za-z\\])" + re.escape(m.group(1)) + r"(?![A-Za-z])\s*(?:_\s*\{?\s*([A-Za-z0-9]+))?", other)
    return any(sub in ("", m.group(2)) for sub in written)


# the document before the display being split (a name given a number first thing in a row may be new there)
_BEFORE: contextvars.ContextVar[str | None] = contextvars.ContextVar("display_before", default=None)


def _fresh(bare: str, before: str) -> bool:
    """Whether the name ``bare``, with a subscript (x_3), is written nowhere in ``before`` (the document before the row),
    nor its letter alone (x of "Ux = y", whose entry x_3 is): given a number first thing in a row, it is defined there."""
    m = re.match(r"\s*([A-Za-z]|\\[A-Za-z]+)_\{?\s*([A-Za-z0-9]+)\s*\}?\s*$", bare)
    if m is None or _BEFORE.get() is None:
        return False
    before = _BEFORE.get() + before
    letter = r"(?<![a-z\\])" + re.escape(m.group(1)) + r"(?![A-Za-z])"  # (x of Ux too, never of "example")
    return re.search(letter + r"\s*_\s*\{?\s*" + re.escape(m.group(2)) + r"(?![A-Za-z0-9])", before) is None \
        and re.search(letter + r"(?!\s*_)", before) is None


def _letters(text: str) -> set[str]:
    return set(re.findall(r"[A-Za-z]|\\[A-Za-z]+", text))


def _equations(text: str, start: int, end: int, relations, separators) -> tuple[list[tuple[int, int]], str]:
    """The row's equations: [start, end) cut at the separators that stand between two relations.

    A relation beside an equation that may be a condition on it (``x \\geq 0``, ``\\text{for } i = j``,
    ``x = 0`` after ``f(x) = 0``) makes the row a problem: checked without its condition, a true
    equation could be refuted.
    """
    pieces, at = [], start
    for a, b in separators:
        pieces.append((at, a))
        at = b
    pieces.append((at, end))
    starts = [r[0] for r in relations]  # in order: the relations of a stretch are found by bisection
    # "\ell'(m) = -1 \quad \text{for } m < 0": a condition read beside the equation before it, which holds under it
    beside: dict[int, tuple] = {}
    kept = [pieces[0]]
    for c, d in pieces[1:]:
        before = kept[-1]
        found = _beside_condition(text, c, d, text[before[0]:before[1]])
        if found and bisect.bisect_left(starts, before[0]) != bisect.bisect_left(starts, before[1]):
            beside[before[1]] = beside.get(before[1], ()) + found
            relations = [r for r in relations if not c <= r[0] < d]
            starts = [r[0] for r in relations]
            continue
        kept.append((c, d))
    pieces = kept
    out: list[tuple[int, int]] = []
    first = start

    def within(lo: int, hi: int) -> list:
        return relations[bisect.bisect_left(starts, lo):bisect.bisect_left(starts, hi)]

    for (_, b), (c, d) in zip(pieces, pieces[1:]):
        if bisect.bisect_left(starts, c) == bisect.bisect_left(starts, d) \
                or bisect.bisect_left(starts, first) == bisect.bisect_left(starts, b):
            continue
        before, after = within(first, b), within(c, d)
        why = _condition(text, first, b, before, c, d, after)
        if why:
            return [(start, end, ())], why, relations
        out.append((first, b))
        first = c
    out.append((first, pieces[-1][1]))
    return [(a, b, beside.get(b, ())) for a, b in out], "", relations


def _condition(text, a, b, before, c, d, after) -> str:
    """Why the relations on the two sides of a separator may be an equation and its condition, or ''."""
    second = " ".join(text[c:d].split())
    if after and all(r[2] in ("\\sim", "∼") for r in after) and not second.startswith(("\\text", "\\mbox", "\\textrm")) \
            and all(r[2] in ("=", "≈") for r in before):
        return ""  # (z_t = a_t x + s_t eps, \qquad eps \sim N(0, I): a law beside the equation, a statement of its own)
    if second.startswith(("\\text", "\\mbox", "\\textrm", "\\forall")) or any(r[2] not in ("=", "≈") for r in before + after):
        return (f"a condition beside an equation ({second}) is not read: write the equation alone, and the "
                "condition in the prose")
    for (x, y, rels), other in (((a, b, before), text[c:d]), ((c, d, after), text[a:b])):
        if len(rels) == 1:
            sides = (text[x:rels[0][0]], text[rels[0][1]:y])
            # x = 0, i = j: a name set to a value the other equation may need, not an equation of its own
            # (x_3 = 4 beside x_2 = (6 - x_3)/4, where x_3 is written nowhere before: a value given for the next
            # equation, read as x_3's definition, which is what a condition would say too)
            if all(_BARE.match(s) or _NUMBER.match(s) for s in sides) \
                    and any(_BARE.match(s) and _named_in(s, other) and not (s is sides[0] and x == a and _NUMBER.match(sides[1])
                                                                           and _fresh(s, text[:a])) for s in sides):
                return (f"{' '.join(text[x:y].split())} beside {' '.join(other.split())} is a condition on it or a "
                        "second equation: write each equation in its own display")
    return ""


_QUAD_CONDITION = re.compile(r"\\q?quad\s*\(([^()]*(?:<|>|\\leq?|\\geq?|\\neq?|\\in)[^()]*)\)\s*[.,;]?\s*$")


def _quad_condition(text: str) -> tuple[str, str, int]:
    """Take a condition said beside a row off it, ``\\quad (0 \\leq t \\leq T)``: the row without it, the
    condition and where it starts in ``text`` (-1 where there is none)."""
    m = _QUAD_CONDITION.search(text)
    if not m:
        return text, "", -1
    return blank(text, m.start(), m.end()), " ".join(m.group(1).split()), m.start(1)


def _quad_conditions(beside: str, offset: int, row: str) -> tuple:
    """The conditions a ``\\quad (s > w)`` beside a row states (as Chain.conditions): orders and inequations of
    names, each read as the prose's "for $s > w$" is; () where one is not read so (the row is then not read:
    checked without its condition, a true equation could be refuted), or where it is a recurrence's step range."""
    from .statements import branch_conditions

    found = branch_conditions(beside, offset)
    if not found or any(x.equal and not x.order for x in found) \
            or any(_recurrence_in(x.left, re.split(r"\\qquad(?![A-Za-z])", row)[-1]) for x in found) \
            or any(re.search(r"_\s*\{?[^{}]*?(?<![A-Za-z\\])" + re.escape(x.left.strip()) + r"(?![A-Za-z])", row)
                   for x in found):
        return ()  # (nor an index's range, "y_i = ... \quad (0 \le i \le n)": the range of the index stays refused)
    return tuple((x.left, x.order or x.equal, x.right, offset) for x in found)


def _label_row(text: str) -> tuple[str, str]:
    """Take an equation label off a row: \\tag{..}, a leading (3), a trailing \\quad (1)."""
    m = _TAG.search(text)
    label = m.group(1).strip() if m else ""
    if m:
        text = _blank_all(text, _TAG)
    m = _LEAD_LABEL.match(text)
    if m and not label:
        label = m.group(1)
        text = blank(text, m.start(), m.end())
    m = _QUAD_LABEL.search(text)
    if m:
        label = label or m.group(1)
        text = blank(text, m.start(), m.end())
    m = _INDEX_RANGE.search(text)
    if m:
        text = blank(text, m.start(), m.end())
    m = _REMARK.search(text)
    if m:  # f(x) = 2x \ \text{(wrong)}: a remark in parentheses after the row, with the spacing just before it
        before = _SPACING_BEFORE.search(text, max(0, m.start() - 40), m.start())
        text = blank(text, before.start() if before else m.start(), m.end())
    return text, label


# (the remark alone: the spacing before it stays, as spacing; a pattern reaching back over it would take
# time quadratic in a long run of spacing)
_SPACING_BEFORE = re.compile(r"(?:\\[ ,;:!]|\\q?quad(?![A-Za-z])|~|\s)+$")
_REMARK = re.compile(r"\\(?:text|mbox|textrm)\s*\{\s*\([^{}()]*\)\s*\}\s*[,.;]?\s*$")


_PUNCTUATION = re.compile(r"(?<!\\)[,.;](?:\s|\\[,;:!]|~)*$")
_DELIMITER = re.compile(r"\\(right|[bB]igg?r?|middle)\s*$")


def _punctuation(text: str) -> str:
    """A row with the comma or full stop that ends it (a sentence's punctuation, not a term) blanked."""
    m = _PUNCTUATION.search(text)
    if m and not _DELIMITER.search(text, 0, m.start()):
        text = blank(text, m.start(), m.end())
    return text


def _label_after(text: str, pos: int) -> str:
    m = _AFTER_LABEL.match(text, pos)
    return m.group(1) if m else ""


# --- chains ------------------------------------------------------------------------------------

def _chains_of_block(text: str, after: str) -> list[Chain]:
    """The chains of one display's content (offsets relative to it)."""
    text = _blank_all(text, _INNER)
    text = _blank_all(text, _DROP)
    text = _drop_alignment(text)
    # Labels are taken off each row in a copy of that row, then the rows are joined again: blanking
    # in the whole display once per row would take time quadratic in its length.
    rows, pieces, done = [], [], 0
    for row_start, row_end in _rows(text, 0, len(text)):
        row_text, label = _label_row(text[row_start:row_end])
        row_text, beside, at = _quad_condition(row_text)
        read_beside = _quad_conditions(beside, row_start + at, row_text) if beside else ()
        row_text = _punctuation(row_text)
        pieces += [text[done:row_start], row_text]
        done = row_end
        rows.append((row_start, row_end, label, "" if read_beside else beside, read_beside))
    pieces.append(text[done:])
    text = "".join(pieces)
    chains: list[Chain] = []
    current: _Row | None = None
    for row_start, row_end, label, beside, read_beside in rows:
        parts = _split(text, row_start, row_end)
        if read_beside:
            # (said of the equation it stands beside, the last of the row)
            parts[-1].conditions = list(parts[-1].conditions) + list(read_beside)
        for k, part in enumerate(parts[1:], 2):
            part.label, part.part = label, k
        row = parts[0]
        row.label = label
        row.part = 1 if len(parts) > 1 else 0
        if beside and not parts[-1].problem:
            # (on the equation it stands beside: the last of the row)
            parts[-1].problem = (f"a condition beside an equation ({beside}) is not read: write the equation alone, "
                                 "and the condition in the prose")
        if row.problem:
            chains.append(_close(current, text))
            chains.append(Chain((Term(text[row_start:row_end], row_start),), (),
                                _first(text[row_start:row_end], row_start), label, row.problem,
                                _squash(text[row_start:row_end])))
            current = None
            continue
        if not text[row_start:row_end].strip():
            continue
        continues = current is not None and (not row.terms[0].text.strip() and row.relations
                                             or not current.terms[-1].text.strip())
        if continues:
            if not current.terms[-1].text.strip():
                current.terms.pop()
                if row.terms and not row.terms[0].text.strip() and row.relations:
                    row.terms.pop(0)
                    row.relations.pop(0)
            else:
                row.terms.pop(0)
            current.terms.extend(row.terms)
            current.relations.extend(row.relations)
            current.conditions.extend(row.conditions)
            current.label = current.label or row.label
        else:
            chains.append(_close(current, text))
            current = row
        for part in parts[1:]:
            chains.append(_close(current, text))
            current = part
    chains.append(_close(current, text))
    found = [c for c in chains if c is not None]
    if found and after and not any(c.label for c in found):
        found[-1] = replace(found[-1], label=after)
    return found


_MATRIX = re.compile(r"\\(begin|end)\s*\{(?:[bpBvV]?matrix|d?cases\*?)\}")


def _drop_alignment(text: str) -> str:
    """The alignment marks & blanked, except between the columns of a matrix or a cases environment."""
    out, done, depth = [], 0, 0
    for m in _MATRIX.finditer(text):
        piece = text[done:m.start()]
        out.append(piece if depth else piece.replace("&", " "))
        out.append(m.group(0))
        depth = max(depth + (1 if m.group(1) == "begin" else -1), 0)
        done = m.end()
    out.append(text[done:] if depth else text[done:].replace("&", " "))
    return "".join(out)


def _squash(text: str) -> str:
    """A chain's text on one line: its row breaks (\\\\ of an aligned display) go; those inside an
    environment (the rows of a pmatrix) stay."""
    out, depth, k = [], 0, 0
    for m in _ROW_OR_ENVIRONMENT.finditer(text):
        depth += 1 if m.group(0).startswith("\\begin") else -1 if m.group(0).startswith("\\end") else 0
        if m.group(0) == "\\\\" and depth <= 0:
            out.append(text[k:m.start()] + " ")
            k = m.end()
    out.append(text[k:])
    return " ".join("".join(out).split())


_ROW_OR_ENVIRONMENT = re.compile(r"\\\\|\\begin\s*\{|\\end\s*\{")


def _first(text: str, offset: int) -> int:
    """The offset of the first character of a term that is not white space."""
    return offset + len(text) - len(text.lstrip())


_REAL_SPACE = re.compile(r"\s*\\mathbb\s*\{R\}")


def _drop_memberships(row: _Row) -> None:
    """a \\in \\mathbb{R}^{N \\times N} = b says what a is on the way: the chain is a = b."""
    n = 0
    while n + 1 < len(row.relations):
        if row.relations[n] == "∈" and row.relations[n + 1] == "=" and _REAL_SPACE.match(row.terms[n + 1].text):
            del row.terms[n + 1]
            del row.relations[n]
        else:
            n += 1


def _close(row: _Row | None, text: str) -> Chain | None:
    if row is not None:
        _drop_memberships(row)
    if row is None or not row.relations or not any(t.text.strip() for t in row.terms):
        return None
    first, last = row.terms[0], row.terms[-1]
    latex = _squash(text[first.offset:last.offset + len(last.text)])
    return Chain(tuple(row.terms), tuple(row.relations), _first(first.text, first.offset), row.label, row.problem,
                 latex, conditions=tuple(row.conditions), part=row.part)


# A display longer than this is reported, not read: no formula of a derivation comes near it.
MAX_DISPLAY = 100_000


def chains_of(text: str, markdown: bool, bare: bool = False) -> list[Chain]:
    """Every chain of relations in the display mathematics of a document, in order.

    Markdown is parsed by a CommonMark parser (see derive.read.markdown); LaTeX documents are
    scanned once for display environments. Either way the time is linear in the document's length.
    ``bare``: also the displays that are one formula without a relation (``Chain.bare``).
    """
    chains = _chains_of_markdown(text) if markdown else _chains_of_latex(text)
    return chains if bare else [c for c in chains if not c.bare]


def _chains_of_latex(text: str) -> list[Chain]:
    from .macros import expand_macros

    expansion = expand_macros(text)  # the document's own macros expanded, comments blanked
    text = _prepare(expansion.text)
    out: list[Chain] = []
    gap = False  # the display before had no chain (a formula alone): a display opening with '=' skips nothing
    for _, start, end, problem in _blocks(text):
        after = _label_after(text, end + 2) if text.startswith("$$", end) else ""
        token = _BEFORE.set(text[:start])
        try:
            found = _block_chains(text[start:end], problem, after)
        finally:
            _BEFORE.reset(token)
        _add(out, found, lambda o, base=start: base + o, start, gap)
        gap = not found
    return [_in_file(c, expansion) for c in out] if expansion.moved else out


def _in_file(chain: Chain, expansion) -> Chain:
    """A chain of the expanded text placed in the file: each term where its text was written."""
    def term(t: Term) -> Term:
        if not t.text.strip():
            return Term(t.text, expansion.start(t.offset))
        lead = len(t.text) - len(t.text.lstrip())  # the offset is kept so that offset + lead is the first character
        last = t.offset + len(t.text.rstrip()) - 1
        return Term(t.text, max(expansion.start(t.offset + lead) - lead, 0), expansion.end(last))

    return dataclasses.replace(chain, terms=tuple(term(t) for t in chain.terms), offset=expansion.start(chain.offset),
                               conditions=tuple((a, eq, b, expansion.start(o)) for a, eq, b, o in chain.conditions))


def _chains_of_markdown(text: str) -> list[Chain]:
    from .markdown import math_blocks

    blocks, _ = math_blocks(text)
    lines = None
    out: list[Chain] = []
    gap = False
    for block in blocks:
        if block.exact:
            place = (lambda o, base=block.offset: base + o)
        else:
            if lines is None:
                lines = [0] + [m.end() for m in re.finditer("\n", text)]
            place = _line_placer(block, lines)
        token = _BEFORE.set(text[:block.offset])
        try:
            if block.environment:
                # \begin{align} ... \end{align} as amsmath gives it: find the environment inside.
                for _, start, end, problem in _blocks(block.content):
                    found = _block_chains(block.content[start:end], problem, "")
                    _add(out, found, lambda o, base=start, p=place: p(base + o), place(start), gap)
                    gap = not found
                continue
            found = _block_chains(block.content, block.problem, block.label)
        finally:
            _BEFORE.reset(token)
        _add(out, found, place, place(0), gap)
        gap = not found
    return out


def _line_placer(block, lines: list[int]):
    """Offsets for a display the parser reassembled: the right line, the column within the content."""
    starts = [0] + [m.end() for m in re.finditer("\n", block.content)]

    def place(o: int) -> int:
        k = bisect.bisect_right(starts, o) - 1
        line = min(block.line + k, len(lines) - 1)
        return lines[line] + (o - starts[k])

    return place


def _block_chains(content: str, problem: str, after: str) -> list[Chain]:
    if not problem and len(content) > MAX_DISPLAY:
        problem = f"a display of {len(content)} characters is beyond the limit of {MAX_DISPLAY}"
    if problem:
        return [Chain((Term(content[:200], 0),), (), 0, "", problem, "")]
    content, conditions, joins, _ = display_prose(content)
    found = _chains_of_block(content, after)
    if not found and content.strip() and "\\\\" not in content:
        text, label = _label_row(_blank_all(_blank_all(content, _INNER), _DROP).replace("&", " "))
        if text.strip():
            found = [Chain((Term(text, 0),), (), _first(text, 0), label or after, "", _squash(text))]
    if conditions or joins:
        found = [dataclasses.replace(c, conditions=c.conditions + tuple(conditions), joins=joins and n == 0)
                 for n, c in enumerate(found)]
    return found


def _add(out: list[Chain], found: list[Chain], place, start: int, gap: bool = False) -> None:
    """Append a display's chains, placed in the document; a display opening with '=' continues the
    chain of the display just before it (not one further back, past a display with no chain)."""
    found = [_placed(c, place) for c in found]
    before = out[-1] if out and not gap else None
    if found and not found[0].problem and found[0].relations and not found[0].terms[0].text.strip():
        found[0] = _continued(found[0], before, start)
    elif found and found[0].joins and before is not None and not before.problem:
        # "\text{..., get:} X": the chain before the display goes on to X
        first = found[0]
        found[0] = dataclasses.replace(
            first, terms=(before.terms[-1],) + first.terms, relations=("=",) + first.relations,
            latex=_squash(before.terms[-1].text) + " = " + first.latex)
    out.extend(found)


def _placed(chain: Chain, place) -> Chain:
    return dataclasses.replace(chain, terms=tuple(Term(t.text, place(t.offset)) for t in chain.terms),
                               offset=place(chain.offset),
                               conditions=tuple((a, eq, b, place(o)) for a, eq, b, o in chain.conditions))


def _continued(chain: Chain, before: Chain | None, start: int) -> Chain:
    """A display that opens with '= ...' continues the chain of the display before it."""
    if before is None or before.problem or not before.terms[-1].text.strip():
        return replace(chain, problem="the display opens with a relation, and no chain before it to continue")
    last = before.terms[-1]
    latex = _squash(last.text) + " " + chain.latex
    return replace(chain, terms=(last,) + chain.terms[1:], problem="", latex=latex)
