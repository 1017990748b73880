"""Probabilities of named events: P(A), P(A \\cap B), P(A \\cup B^c), P(\\bar A), P(+ \\mid D), \\Pr(A, B).

An event formula over named events (A, S_1, D^+, "+", \\text{rain}) is read as a Boolean formula, and its
probability is written in the probabilities of the intersections of the events it names: with q(T) the probability
that every event of T happens (q of no event is 1), every formula's probability is one fixed combination of the
q(T) (inclusion-exclusion, by Moebius inversion over the formula's truth table). Nothing else is assumed: no
universe, no law, no relation between the events. Two formulas have the same probability under every probability
measure exactly when their combinations agree, so a proof in the q(T) holds for all events; a refutation does not
stand while a q(T) is left free, since the words may say the events are independent or exclusive (see
read.document, the step's supposition). A conditional P(F | G) is P(F \\cap G) / P(G), where P(G) > 0.

The probabilities a document gives ("$P(D) = 0.01$", "$P(+ \\mid D) = 0.95$") are linear equations in the q(T):
``givens`` takes each in order as a given when the ones before it leave its value open, and as a claim (checked)
when they fix it.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from fractions import Fraction
from functools import lru_cache

import sympy as sp
from lark import Token, Tree

from ..errors import FormulaError
from .syntax import item_base, item_scripts, node_kind, node_word

__all__ = ["EventProbability", "Given", "formula_of", "probability", "conditional", "givens", "given_value",
           "is_event_argument", "PROBABILITY_HEAD", "MAX_EVENTS"]

MAX_EVENTS = 6  # events in one formula (its truth table has 2^n rows)

# P(...), \Pr(...), \mathbb{P}(...), \operatorname{P}(...): a probability written at the start of a term
PROBABILITY_HEAD = re.compile(r"\s*(?:P|\\Pr|\\mathbb\s*\{\s*P\s*\}|\\mathbb\s*P|\\(?:operatorname|mathrm|text)\s*"
                              r"\{\s*(?:P|Pr)\s*\})\s*(?:\\left|\\bigl|\\Bigl|\\big|\\Big)?\s*\(")
_OPERATORS = {"\\cap": "and", "\\cup": "or", "\\setminus": "minus", "\\wedge": "and", "\\vee": "or",
              "\\land": "and", "\\lor": "or"}
_CONDITIONS = ("\\mid", "\\vert", "|")
_COMPLEMENT_SCRIPTS = ("c", "C", "\\complement", "\\mathsf{c}", "\\mathrm{c}", "\\text{c}")
_WORD = re.compile(r"[A-Za-z][A-Za-z ]{0,40}|[+-]")


class EventProbability(sp.Symbol):
    """The probability that every one of some named events happens, P(A ∩ B): a number of its own in [0, 1] (a
    class of its own, so a step can tell it from a parameter; no name the reader makes has a parenthesis)."""

    def _latex(self, printer) -> str:
        return self.name.replace("∩", "\\cap")


def _and(*parts):
    return ("and", parts)


@dataclasses.dataclass(frozen=True)
class Read:
    """An event formula as read: ``event`` the formula, ``given`` the condition after \\mid (or None)."""
    event: tuple
    given: tuple | None


def _key_of(node) -> str:
    """The text of a subscript: a number, a letter, or either in braces."""
    while isinstance(node, Tree) and node.data in ("group", "product", "item") and len(node.children) == 1:
        node = node.children[0]
    if isinstance(node, Tree) and node.data in ("letter", "number"):
        return str(node.children[0])
    if isinstance(node, Tree) and node.data == "product" and all(
            isinstance(c, Tree) and c.data == "item" and len(c.children) == 1
            and node_kind(c.children[0]) in ("letter", "number") for c in node.children) and len(node.children) <= 3:
        return "".join(str(c.children[0].children[0]) for c in node.children)
    raise FormulaError("an event's subscript is read only as a number or a letter (S_1, A_i)")


def _operand(item) -> tuple:
    """One event of a formula: a named event, possibly with a complement, or a formula in parentheses."""
    base, scripts = item_base(item), item_scripts(item)
    kind = node_kind(base)
    complement = False
    if kind == "accent" and str(base.children[0]) in ("\\bar", "\\overline"):
        inner = base.children[1]
        if isinstance(inner, Tree) and inner.data == "group" and len(inner.children) == 1:
            inner = inner.children[0]
        event = _formula(inner if isinstance(inner, Tree) and inner.data in ("product", "item")
                         else Tree("item", [inner]))
        complement, base, kind = True, None, None
    elif kind == "accent" and str(base.children[0]) in ("\\plusup", "\\minusup", "\\plussub", "\\minussub"):
        word = _script_text(base.children[1])
        if not re.fullmatch(r"[A-Z]", word):
            raise FormulaError("a sign is read on an event only after a capital letter (T^+, T^-)")
        sign = {"\\plusup": "^+", "\\minusup": "^-", "\\plussub": "_+", "\\minussub": "_-"}[str(base.children[0])]
        # (T^- is the negative result of the test whose positive result is T^+)
        event = ("atom", word + sign) if "plus" in str(base.children[0]) else ("not", ("atom", word + sign.replace("-", "+")))
    elif kind == "letter" and re.fullmatch(r"[A-Z]", str(base.children[0])):
        event = ("atom", str(base.children[0]))
    elif kind == "text":
        word = node_word(base)
        if word is None or not _WORD.fullmatch(word) or word.strip() != word or "  " in word:
            raise FormulaError("an event named in words is read only in letters and spaces (P(\\text{rain}))")
        # (- is the negative result of the test whose positive result is +)
        event = ("atom", "+") if word == "+" else ("not", ("atom", "+")) if word == "-" else ("atom", f"\\text{{{word}}}")
    elif kind == "paren":
        if len(base.children) != 1:
            raise FormulaError("a list inside an event is not read: write A \\cap B")
        event = _formula(base.children[0])
    elif kind == "group" and len(base.children) == 1:
        event = _formula(base.children[0])
    elif kind == "command" and str(base.children[0]) == "\\Omega":
        event = ("true",)
    elif kind == "command" and str(base.children[0]) in ("\\emptyset", "\\varnothing"):
        event = ("false",)
    else:
        raise FormulaError("an event is read only as a capital letter (A, S_1, T^+), a sign (+, -), words in \\text, "
                           "or a formula of those with \\cap, \\cup, \\setminus and complements")
    for script in scripts:
        if script.data == "sub_script" and event[0] == "atom" and "_" not in event[1] and "\\" not in event[1]:
            event = ("atom", f"{event[1]}_{_key_of(script.children[-1])}")
        elif script.data == "sup_script" and _script_text(script.children[-1]) in _COMPLEMENT_SCRIPTS:
            event = ("not", event)
        elif script.data == "prime" and event[0] == "atom" and not event[1].endswith("'"):
            # (A' is the complement in some books and another event in others, R' the second ball drawn: an event
            # of its own, related to A by nothing, so that either reading gives the same verdicts)
            event = ("atom", event[1] + "'")
        else:
            raise FormulaError("a script on an event other than its label or a complement (A^c) is not read")
    return ("not", event) if complement else event


def _script_text(node) -> str:
    while isinstance(node, Tree) and node.data in ("group", "product", "item") and len(node.children) == 1:
        node = node.children[0]
    if isinstance(node, Tree) and node.data in ("letter", "command"):
        return str(node.children[0])
    if isinstance(node, Tree) and node.data == "text":
        return f"\\text{{{node_word(node)}}}"
    return ""


def _formula(node) -> tuple:
    """An event formula from a term of the grammar: operands joined by one kind of operator (mixing \\cap and
    \\cup without parentheses is ambiguous and refused)."""
    if isinstance(node, Tree) and node.data == "product":
        items = list(node.children)
    elif isinstance(node, Tree) and node.data == "item":
        items = [node]
    else:
        raise FormulaError("an event formula with +, - or a relation is not read (write A \\cup B, A \\setminus B)")
    operands, operators = [], []
    for n, item in enumerate(items):
        if isinstance(item, Token):
            raise FormulaError("an event formula is read only with \\cap, \\cup and \\setminus")
        base = item_base(item)
        op = _OPERATORS.get(str(base.children[0])) if node_kind(base) == "command" else None
        if op is not None:
            if item_scripts(item) or len(operands) != len(operators) + 1:
                raise FormulaError("an event operator needs an event on each side")
            operators.append(op)
            continue
        if len(operands) != len(operators):
            raise FormulaError("two events side by side (AB) are not read: write A \\cap B")
        operands.append(_operand(item))
    if len(operands) != len(operators) + 1:
        raise FormulaError("an event operator needs an event on each side")
    if len(set(operators)) > 1 or (operators.count("minus") > 1):
        raise FormulaError("an event formula mixing \\cap, \\cup and \\setminus is ambiguous: write the parentheses "
                           "(A \\cap B) \\cup C")
    if not operators:
        return operands[0]
    _distinct(operands)
    if operators[0] == "minus":
        return _and(operands[0], ("not", operands[1]))
    return (operators[0], tuple(operands))


def _distinct(operands: list) -> None:
    """The same event written twice side by side (P(+, +): two tests, both positive) names two events as one."""
    if len(set(operands)) < len(operands):
        raise FormulaError("the same event written twice in one formula (P(+, +)) reads as one event: name the "
                           "events apart (+_1, +_2)")


def formula_of(paren) -> Read:
    """The event formula of P's argument (a ``paren`` node): commas are intersections (P(A, B)), one \\mid splits
    off the condition."""
    exprs = list(paren.children)
    parts: list[list] = [[]]
    for n, expr in enumerate(exprs):
        items = list(expr.children) if isinstance(expr, Tree) and expr.data == "product" else [expr]
        for item in items:
            if isinstance(item, Tree) and item.data == "item" and node_kind(item_base(item)) == "command" \
                    and str(item_base(item).children[0]) in _CONDITIONS and not item_scripts(item):
                parts.append([])
            else:
                parts[-1].append((n, item))
    if len(parts) > 2:
        raise FormulaError("a probability with two bars (P(A | B | C)) is not read: write P(A \\mid B \\cap C)")
    read = []
    for part in parts:
        if not part:
            raise FormulaError("a conditional probability needs an event on each side of \\mid")
        groups: dict[int, list] = {}
        for n, item in part:
            groups.setdefault(n, []).append(item)
        events = [_formula(Tree("product", items)) for items in groups.values()]
        _distinct(events)
        read.append(events[0] if len(events) == 1 else ("and", tuple(events)))
    return Read(read[0], read[1] if len(read) == 2 else None)


def is_event_argument(paren) -> bool:
    """Whether P's argument is written as an event formula (and not as a relation between numbers): it reads as one,
    or it has an event operator or a sign standing for an event (then what is wrong with it is the reason given)."""
    try:
        formula_of(paren)
    except FormulaError:
        return any(isinstance(t, Token) and (t.type == "CMD" and str(t) in (*_OPERATORS, "\\mid")
                                             or t.type == "TEXT" and str(t) in ("\\text{+}", "\\text{-}"))
                   for t in paren.scan_values(lambda _: True))
    return True


def atoms_of(read: Read) -> list[str]:
    """The named events of a formula and its condition."""
    found = _atoms(read.event, [])
    return _atoms(read.given, found) if read.given is not None else found


def _atoms(formula: tuple, into: list) -> list:
    if formula[0] == "atom":
        if formula[1] not in into:
            into.append(formula[1])
    elif formula[0] == "not":
        _atoms(formula[1], into)
    elif formula[0] in ("and", "or"):
        for part in formula[1]:
            _atoms(part, into)
    return into


def _holds(formula: tuple, true: set) -> bool:
    kind = formula[0]
    if kind == "atom":
        return formula[1] in true
    if kind == "not":
        return not _holds(formula[1], true)
    if kind == "and":
        return all(_holds(p, true) for p in formula[1])
    if kind == "or":
        return any(_holds(p, true) for p in formula[1])
    return kind == "true"


def _order(key: str) -> tuple:
    return (key.startswith("\\text"), key)


def intersection_symbol(keys) -> sp.Expr:
    """q(T): the probability that every event of T happens (1 for no event)."""
    keys = sorted(keys, key=_order)
    if not keys:
        return sp.Integer(1)
    return EventProbability("P(" + " ∩ ".join(keys) + ")", real=True)


def probability(formula: tuple) -> sp.Expr:
    """P(formula) in the q(T) of the events it names."""
    atoms = sorted(_atoms(formula, []), key=_order)
    if len(atoms) > MAX_EVENTS:
        raise FormulaError(f"a probability of a formula in more than {MAX_EVENTS} events is not read")
    rows = [frozenset(s) for r in range(len(atoms) + 1) for s in itertools.combinations(atoms, r)]
    true_rows = [s for s in rows if _holds(formula, set(s))]
    total = sp.Integer(0)
    for t in rows:
        coefficient = sum((-1) ** (len(t) - len(s)) for s in true_rows if s <= t)
        if coefficient:
            total += coefficient * intersection_symbol(t)
    _cross_check(formula, atoms, rows, total)
    return total


def _cross_check(formula: tuple, atoms: list, rows: list, total: sp.Expr) -> None:
    """The combination against the formula's probability on a finite space: each row of the truth table an
    outcome of its own weight (fixed, distinct primes over their sum), P(formula) the weight of the outcomes where
    it holds and q(T) that of the outcomes where every event of T happens."""
    primes = list(sp.primerange(2, 2 + 12 * len(rows)))[:len(rows)]
    weight = {row: sp.Rational(p, sum(primes)) for row, p in zip(rows, primes)}
    direct = sum((w for row, w in weight.items() if _holds(formula, set(row))), sp.Integer(0))
    at = {intersection_symbol(t): sum((w for row, w in weight.items() if t <= row), sp.Integer(0))
          for t in rows if t}
    if sp.simplify(total.xreplace(at) - direct) != 0:
        raise FormulaError("the probability of this event formula did not pass its cross-check: not read")


def conditional(read: Read) -> tuple[sp.Expr, sp.Expr]:
    """(numerator, denominator) of P(F | G): P(F ∩ G) and P(G); (P(F), 1) without a condition."""
    if read.given is None:
        return probability(read.event), sp.Integer(1)
    return probability(_and(read.event, read.given)), probability(read.given)


# --- the probabilities the document gives

_NUMBER = re.compile(r"\s*(?:(?P<dec>\d+(?:\.\d+)?|\.\d+)\s*(?P<pct>\\%)?"
                     r"|\\[dt]?frac\s*\{\s*(?P<num>\d+)\s*\}\s*\{\s*(?P<den>\d+)\s*\}"
                     r"|(?P<n2>\d+)\s*/\s*(?P<d2>\d+))\s*[.,;]?\s*")


def given_value(text: str) -> sp.Rational | None:
    """The number a given states: a decimal, a percentage, a fraction of whole numbers; else None."""
    m = _NUMBER.fullmatch(text)
    if m is None:
        return None
    if m.group("dec") is not None:
        value = sp.Rational(str(Fraction(m.group("dec"))))
        return value / 100 if m.group("pct") else value
    num, den = (m.group("num"), m.group("den")) if m.group("num") is not None else (m.group("n2"), m.group("d2"))
    return None if int(den) == 0 else sp.Rational(int(num), int(den))


@dataclasses.dataclass(frozen=True)
class Given:
    """A probability the document states (``latex`` as written), on ``line``: numerator - value * denominator = 0."""
    offset: int
    line: int
    latex: str
    equation: sp.Expr
    value: sp.Expr
    symbols: frozenset


def _rank(equations: list) -> int:
    symbols = sorted({s for e in equations for s in e.free_symbols}, key=str)
    if not equations or not symbols:
        return 0
    rows = [[sp.expand(e).coeff(s) for s in symbols] for e in equations]
    return sp.Matrix(rows).rank()


def givens(candidates: list, read) -> tuple[list[Given], list[tuple[int, str]]]:
    """The givens among ``candidates`` (offset, line, left text, right text, part), in order: a probability stated
    as a number is a given when the givens before it leave it open; a later part stating it anew with another number
    (a new exercise) makes its events unread there (``conflicts``: (line, why)). ``read(text)`` gives the Read of a
    P(...) term, or None."""
    accepted: list[Given] = []
    conflicts: list[tuple[int, str]] = []
    parts: dict[int, int] = {}
    for offset, line, left, right, part in sorted(candidates, key=lambda c: c[0]):
        value = given_value(right)
        found = read(left) if value is not None else None
        if found is None:
            continue
        try:
            num, den = conditional(found)
        except FormulaError:
            continue  # (too many events: the claim's own reading says why)
        equation = sp.expand(num - value * den)
        if not equation.free_symbols:
            continue  # P(\Omega) = 1: nothing given
        before = [g.equation for g in accepted]
        if _rank(before + [equation]) > _rank(before):
            given = Given(offset, line, " ".join(f"{left} = {right}".split()), equation, value,
                          frozenset(equation.free_symbols))
            accepted.append(given)
            parts[offset] = part
            continue
        earlier = [g for g in accepted if g.symbols & equation.free_symbols]
        if earlier and all(parts[g.offset] != part for g in earlier) and _fixed(before, num / den) != value:
            conflicts.append((line, f"${' '.join(left.split())}$ is given {right.strip()} on line {line} and another "
                                    f"value before (line {earlier[-1].line}): a new exercise's events, not read"))
    return accepted, conflicts


def _fixed(equations: list, expr: sp.Expr):
    solved = solve(equations)
    return sp.nsimplify(sp.simplify(expr.xreplace(solved))) if solved is not None else None


def solve(equations) -> dict | None:
    """The q(T) the equations fix, as a substitution (others free); None when they contradict each other."""
    found = _solve(tuple(equations))
    return None if found is None else dict(found)


@lru_cache(maxsize=256)
def _solve(equations: tuple):
    symbols = sorted({s for e in equations for s in e.free_symbols}, key=str)
    if not symbols:
        return {}
    solution = sp.linsolve(equations, symbols)
    if not solution:
        return None
    (values,) = tuple(solution)
    return tuple((s, v) for s, v in zip(symbols, values) if v != s)
