"""A Markdown or LaTeX document as a Derivation: every chain of its display mathematics is a step."""

from __future__ import annotations

import bisect
import collections
import dataclasses
import itertools
import re
from dataclasses import dataclass

import sympy as sp
from lark.exceptions import LarkError
from sympy import Idx
from sympy.core.function import AppliedUndef

from ..errors import FormulaError, IndexRangeError, NotationError, ShapeMismatch, Unsupported
from ..model import Assumptions, Axis, Derivation, Expect, Reading, Side, Step, Verdict, slug
from .display import Chain, Term, chains_of
from . import events
from .expectation import Moment
from .grammar import GREEK, parser
from .usage import scan
from .prose import paragraphs
from .statements import (PROPERTY_BEFORE, Condition, Declaration, InlineMath, branch_condition, branch_conditions, cases_branches,
                         statements_of)
from .limits import MAX_DISPLAYS, MAX_DOCUMENT
from .notation_file import Notation, default_notation
from ..normal import evaluate_derivatives
from ..notation import Definition, DeterminantOf, fresh_index, scalar, vector
from . import integral_of, limit_of
from . import products as P
from . import values as V
from .products import MatrixTerm
from .reader import Reader, newton_dots, rounded_decimals, symbol_name
from .sequences import expand as expand_sequences, find as find_sequences, occurrences as sequence_occurrences
from .syntax import BUILTIN_FUNCTIONS, NUMERIC_WORDS, REDEFINABLE, family_key, family_letter, lone_name_key, names_in, only_labelled, shown_name, written_name

__all__ = ["read_document"]

_PLACEHOLDER = Side(sp.S.Zero)
_NOT_CHECKED = {":=": "a definition (:=) is not checked; declare the name in the notation file"}


_UPRIGHT_APPLIED = re.compile(r"\\(?:operatorname|mathrm|text|textrm)\s*\{\s*([A-Za-z]+)\s*\}")


class _Lines:
    def __init__(self, text: str):
        self.text = text
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.rows = text.split("\n")
        self.blank = [n + 1 for n, line in enumerate(self.rows) if not line.strip()]

    def paragraph_end(self, line: int) -> int:
        """The last line of the paragraph that holds the line (before the next blank line)."""
        after = bisect.bisect_right(self.blank, line)
        return self.blank[after] - 1 if after < len(self.blank) else len(self.starts)

    def reach(self, line: int, open_end: bool = False) -> int:
        """The last line the words of the line's paragraph speak of: the paragraph's, or, where it ends in a colon
        ("Squaring gives:"), the paragraph after it too (the display it introduces). ``open_end``: also where it
        ends with no full stop ("The times were $3, 1, 4$, so"), the sentence going on in the display after it."""
        end = self.paragraph_end(line)
        rows = self.rows
        last = rows[end - 1].rstrip() if end <= len(rows) else "."
        if end > len(rows) or not (last.endswith(":") or open_end and last and last[-1] not in ".!?"):
            return end
        following = end + 1
        while following <= len(rows) and not rows[following - 1].strip():
            following += 1
        return self.paragraph_end(following) if following <= len(rows) else end

    def of(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset)

    def start(self, term) -> int:
        """The line of a term's first written character (past the spaces its text opens with)."""
        return self.of(term.offset + len(term.text) - len(term.text.lstrip()))

    def position(self, term) -> tuple[int, int]:
        """(line, column), both 1-based, of a term's first written character."""
        offset = term.offset + len(term.text) - len(term.text.lstrip())
        line = self.of(offset)
        return line, offset - self.starts[line - 1] + 1

    def end(self, term) -> int:
        return self.of(term.end if term.end is not None else term.offset + len(term.text.rstrip()))


# s, s_j, s_j^2: a name alone (with an index letter, squared) opening a definition
_DEFINED_THROUGH = re.compile(r"\s*(\\?[A-Za-z]+)\s*(?:_\s*(?:[A-Za-z]|\{\s*[A-Za-z]\s*\}))?\s*"
                              r"(?:\^\s*(?:2|\{\s*2\s*\}))?\s*")


_RANDOM_WORDS = re.compile(r"random|distribut|\\sim|bernoulli|poisson|gaussian|normal|uniform|exponential|binomial|"
                           r"categorical|i\.\s*i\.\s*d|\biid\b|sample|draw", re.I)


def _defined_label(d: Definition) -> str:
    """The name a definition gives, as the steps' expressions write it (yhat for yhat[k] := ...)."""
    return str(getattr(d.name, "label", d.name))


def _title(text: str, markdown: bool, fallback: str) -> str:
    if markdown:
        from .markdown import math_blocks

        return math_blocks(text)[1] or fallback
    m = re.search(r"\\(?:title|section)\*?\{([^{}]+)\}", text)
    return m.group(1).strip() if m else fallback


def _expect(lhs: Side, rhs: Side) -> Expect:
    """The document claims every link holds; a reading that needs a convention says so."""
    return Expect(Verdict.PROVED, convention=bool(lhs.conventions or rhs.conventions))


# \theta_{i \neq k}: a name's subscript states a condition (not a sum's or a max's range, \sum_{j \neq i})
_SUBSCRIPT_CONDITION = re.compile(r"(\\[A-Za-z]+|[A-Za-z'])\s*_\{\s*([a-z])\s*(\\neq|\\ne(?![a-zA-Z])|=)\s*([a-z])\s*\}")
_RANGES = {"\\sum", "\\prod", "\\max", "\\min", "\\sup", "\\inf", "\\lim", "\\limits", "\\nolimits", "\\bigcup",
           "\\bigcap", "\\argmax", "\\argmin", "\\coprod", "\\bigoplus", "\\int"}


def _letters(text: str) -> set[str]:
    """Every single letter a formula writes, in subscripts too."""
    try:
        return {str(t) for t in parser().lex(text) if t.type == "LETTER"}
    except (LarkError, FormulaError):
        return set()


_EXAMPLE_NAME = re.compile(r"\s*(?:\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*(\\?[A-Za-z]+)\s*\}|(\\?[A-Za-z]+))\s*")  # z, \mathbf{z}
_NUMBERED_LEFT = re.compile(r"^\s*(\\?[A-Za-z]+)\s*_\s*(?:(\d+)|\{\s*(\d+)\s*\})\s*$")  # x_1, x_{12}
_APPLIED_AT_NAME = re.compile(r"(?<![\\A-Za-z])(\\?[A-Za-z]+)\s*'*\s*(?:\\left\s*)?\(\s*(\\?[A-Za-z]+)\s*(?:\\right\s*)?\)")  # l(theta)
_DEFINED_FUNCTION = re.compile(r"\s*(\\?[A-Za-z]+)\s*\(\s*(\\?[A-Za-z]+(?:\s*,\s*\\?[A-Za-z]+)*)\s*\)\s*")  # M(t), u(x, y)
# the functions a document may name in words: the standard normal CDF and density
_STANDARD_NORMAL_SAID = {
    "cdf": re.compile(r"\bstandard\s+(?:normal|gaussian)\s+(?:cdf|c\.d\.f\.|cumulative\s+distribution(?:\s+function)?|"
                      r"distribution\s+function)\b", re.I),
    "pdf": re.compile(r"\bstandard\s+(?:normal|gaussian)\s+(?:pdf|density|probability\s+density(?:\s+function)?)\b", re.I),
}
_STANDARD_NORMAL_WORDS = {
    "cdf": lambda u: (1 + sp.erf(u / sp.sqrt(2))) / 2,
    "pdf": lambda u: sp.exp(-u ** 2 / 2) / sp.sqrt(2 * sp.pi),
}
_LONE_LEFT = re.compile(r"^\s*(\\?[A-Za-z]+)\s*(?:_\s*(?:\{[^{}]*\}|\w))?\s*$")


def _free_arrays(expr: sp.Expr) -> set:
    """The arrays (IndexedBase) a value depends on, a derivative taken."""
    return {a.base for a in _derivatives_taken(expr).atoms(sp.Indexed)}


def _derivatives_taken(expr: sp.Expr) -> sp.Expr:
    """The expression with its derivatives carried out (never its sums: SymPy's summation can take minutes)."""
    if expr.has(sp.Derivative):
        try:
            return evaluate_derivatives(expr)
        except Exception:  # SymPy failing to take a derivative: the names as written
            return expr
    return expr


def _supposing(made: list[Step], hypothesis: str, reading: Reading, refute_at: tuple = ()) -> list[Step]:
    """The steps with a supposition of the document's that derive does not use: a proof stands, a refutation
    becomes unknown naming it (or stands where it is one at the values ``refute_at`` gives, see Step.refute_at)."""
    return [dataclasses.replace(step, hypotheses=step.hypotheses + (hypothesis,), refute_at=step.refute_at + refute_at,
                                readings=step.readings + (reading,)) for step in made]


def _differ_by_no_moment(step: Step) -> bool:
    """Whether each link of the step (and its ends) joins two sides whose difference, expanded, holds no moment of
    a random variable of any law (E[X], E[XY], read by RandomReading._of_any_law): its truth is the same under
    every law, so a refutation needs no law the words may give."""
    sides = [side.expr for side in step.terms]
    if len(sides) < 2 or not all(isinstance(x, sp.Expr) for x in sides):
        return False
    pairs = list(zip(sides, sides[1:])) + ([(sides[0], sides[-1])] if len(sides) > 2 else [])
    try:
        differences = [sp.expand(a - b) for a, b in pairs]
    except (TypeError, ValueError, sp.SympifyError):
        return False
    return all(not any(isinstance(x, Moment) for x in d.free_symbols) and d.is_finite is not False
               for d in differences)


# x^{k+1} alone on the left of an equation: an iterate's label in its superscript (the name, the counter)
_ITERATE_LEFT = re.compile(r"\s*(\\?[A-Za-z]+)\s*\^\s*\{\s*([a-z])\s*\+\s*1\s*\}\s*")


# "\paragraph{Example 4 (estimating a root).}", "## Worked example": a heading that opens an example
_EXAMPLE_HEADING = re.compile(r"^[^\n]{0,40}?\bexamples?\b", re.I)


def _example_topics(text: str, headings, lines: "_Lines") -> list[tuple[int, int]]:
    """(first line, last line) of each part under a heading that opens an example, to the next heading of any
    kind (the last to the end of the document)."""
    starts = sorted(lines.of(h) for h in headings)
    out = []
    for h in sorted(headings):
        if _EXAMPLE_HEADING.match(text[h:h + 200].lstrip(" #*_\\")):
            line = lines.of(h)
            later = [s for s in starts if s > line]
            out.append((line, later[0] - 1 if later else 10 ** 9))
    return out


def _left_head(left: str) -> str | None:
    """The name a left side gives a formula: f of f(x), S_\\lambda of S_\\lambda(v), z of z (spaces dropped); else None."""
    m = re.fullmatch(r"\s*(\\?[A-Za-z]+\s*(?:_\s*(?:\{[^{}]*\}|\\?[A-Za-z0-9]+))?)\s*(?:(?:\\left\s*)?\(.*\))?\s*", left, re.S)
    return re.sub(r"\s+", "", m.group(1)) if m else None


def _words_before(text: str, item) -> str:
    """The words of the paragraph right before the item's chain (for a display, up to its opening)."""
    if item.inline is not None:
        return item.inline.before
    opening = re.sub(r"(?:\$\$|\\\[|\\begin\{[A-Za-z*]+\}(?:\{[^{}]*\})?|\s)+$", "", text[:item.chain.offset])
    # (a display set off by a blank line: the paragraph before it)
    start = max(text.rfind("\n\n", 0, len(opening)), len(opening) - 300, 0)
    if re.match(r"\s*(?:#|\\(?:sub)*section\*?\s*\{|\\paragraph\s*\{)", opening[start:]):
        return ""  # (a heading is no sentence the display stands after)
    return opening[start:]


def _quantities(expr: sp.Expr) -> set[str]:
    """The names of the numbers, vectors and matrices a value depends on (not its indices): x for x_i."""
    expr = _derivatives_taken(expr)
    entries = expr.atoms(sp.Indexed)
    fixed = {e for e in entries if all(i.is_Integer for i in e.indices)}  # pi_2 and pi_3: two numbers
    labels = {str(b.label) for b in expr.atoms(sp.IndexedBase)}
    return ({str(s) for s in expr.free_symbols if not isinstance(s, (Idx, sp.Indexed, sp.IndexedBase))} - labels) \
        | {f"{e.base.label}_{','.join(map(str, e.indices))}" for e in fixed} | {str(e.base.label) for e in entries - fixed}


def _equation_in_one_unknown(made: list[Step], solved: bool = False) -> str | None:
    """The one name the steps' terms depend on, where each term is linear in it with numbers for coefficients and an
    undeclared guess is what the name is (the reading says so); else None. ``solved``: the words say the equation is
    solved ("whose roots are"), and then a polynomial of any degree on every side counts."""
    terms = [side.expr for step in made for side in step.terms]
    if not terms or any(not isinstance(t, sp.Expr) or t.atoms(sp.Indexed, sp.Derivative, sp.Function) for t in terms):
        return None
    names = set().union(*(t.free_symbols for t in terms))
    if len(names) != 1:
        return None
    (name,) = names
    guessed = any(r.kind == "guess" and f"${shown_name(str(name))}$" in r.text for step in made for r in step.readings)
    # (linear, as an equation solved in the words is: one with a number on a side is a number said of a formula;
    # of a higher degree only where the words solve it, "gives $r^2 = r + 1$, whose roots are", with the name on every
    # side: "Expanding, $(x + 1)^2 = x^2 + 1$" is a claim)
    if not guessed or not all(t.is_polynomial(name) for t in terms):
        return None
    if not all(sp.degree(t, name) <= 1 for t in terms) and not (solved and all(t.has(name) for t in terms)):
        return None
    return str(name)


# "$r^2 = r + 1$, whose roots are", "..., with solutions": words after an equation that go on to solve it
_SOLVED_AFTER = re.compile(r"\s*[,;:]?\s*(?:whose|with|its|which\s+has|that\s+has|having|and\s+its)\s+"
                           r"(?:two\s+|real\s+|distinct\s+)*(?:roots?|solutions?|zeros?)\b", re.I)


def _free_names(expr: sp.Expr) -> set[str]:
    """The names a value depends on (a derivative taken: d/da (2a + 1) does not depend on a)."""
    return {str(x) for x in _derivatives_taken(expr).free_symbols}


@dataclass(frozen=True)
class _Context:
    """What the prose around a chain says of it: conditions, readings, the line its definitions hold from."""

    conditions: tuple[Condition, ...] = ()
    readings: tuple[Reading, ...] = ()
    line: int | None = None
    rewrites: tuple = ()  # (pattern, replacement): a name defined by cases, t_{ij} read as \delta_{ij}
    alias: str | None = None  # the standard name the chain's first link redefines (sigma = softmax)
    inline: bool = False  # the chain is mathematics in the prose, not a display


class _Builder:
    def __init__(self, reader: Reader, notation: Notation, lines: _Lines):
        self.reader = reader
        self.notation = notation
        self.lines = lines
        self.labels: set[str] = set()
        self.families: dict[str, int] = {}  # vectors declared only by their entries (x_1, ..., x_T): name -> line
        self.sequences: list = []  # sequences at a general step (read.sequences), in document order
        self.guessed_vectors: set[str] = set()
        self.left_formulas: dict[str, set[str]] = {}  # the names each lone left name's equations are written in
        # a defined name a chain gives in numbers -> (line, the names its formula holds, which that chain hides)
        self.numbered_names: dict[str, tuple[int, set]] = {}
        self.step_lefts: list[tuple[int, str]] = []  # (line, left term) of every chain of equations
        self.left_named: set[str] = set()  # names alone on the left of some chain (C_{ij} = ...): given a meaning
        # a name alone on the left of an equation (\hat\theta = ..., w = 2) -> [(line, the whole number it gives or None)]
        self.left_given: dict[str, list[tuple[int, int | None]]] = {}
        self.definition_arrays: dict[str, set[str]] = {}  # a notation definition's name -> the arrays it uses
        self.sequence_readings: tuple = ()  # those the current chain's terms were written in
        self.rounded_terms: dict = {}  # id of a term's value -> (the value, the term as Side.rounded has it)
        self.defined: str | None = None  # the name the current display defines
        self.numbers: dict[str, int] = {}
        self.unreadable_definitions: dict[str, tuple[int, str]] = {}  # name -> (line, why not read)
        # "Let $C(x) = \sum_n C_n x^n$": a function the words define by a formula that is not read -> (line, text)
        self.worded_functions: dict[str, tuple[int, str]] = {}
        self.entry_axis: Idx | None = None  # the free index the last chain's vector sides were read at
        self.seen_names: set[str] = set()  # the names the chains before the current one use
        self.free_when_unread: set[str] = set()  # defined by y_j(x) = <not read>: read free, only proofs stand
        # h = <not read>, a plain name of a number: read as any number where no derivative, integral or limit could
        # see what it depends on (only proofs stand)
        self.free_numbers_when_unread: set[str] = set()
        self.free_names: list[tuple[str, int, str]] = []  # those the current chain reads free
        self.layout_line: int | None = None  # the line of the sentence that says the Jacobians' layout
        self.layout_conflict = ""  # the layouts the document says, where it says two
        self.all_heading_lines: list[int] = []  # every heading's line, the run-in ones (\\paragraph) too
        self.global_lines: set[int] = set()  # lines whose lead says they hold everywhere ("for every real $x$")
        self.sided_lines: set[int] = set()  # lines whose lead speaks of one side, branch or case ("on that side")
        self.law_parameters: dict[str, set[str]] = {}  # a random variable -> the parameters of its laws
        self.set_lines: set[int] = set()  # lines whose lead sets an equation first ("setting $\\nabla L = 0$ gives")
        self.gradient_line: int | None = None  # the line of the sentence that says a gradient is a column vector
        self.einstein_line: int | None = None  # the line saying the document sums over repeated indices
        self.size_relations: list = []  # (line, sizes, text) of each relation between sizes (M = N - K + 1)
        self.identity_terms: set[int] = set()  # the terms of the chain being read that are a lone I, the identity
        self.rehomed_readings: tuple = ()  # index letters moved to the length they index (see _steps_read)
        self.least_sizes: dict[str, int] = {}  # sizes a condition bounds below (n >= 2), for the current chain
        self.size_orders: list[tuple[str, str, str]] = []  # k <= n of two sizes, for the current chain
        self.bold_declared: dict[str, int] = {}  # vectors declared in bold (\\mathbf{x}), name -> line
        self.size_examples: list[tuple[str, int]] = []  # (size, line) of "n = 3": an example's size, in its paragraph
        self.least_readings: list = []
        self.most_sizes: dict[str, int] = {}  # sizes a condition bounds above or fixes (K = 2), for the current chain
        # "with $\\lambda = 2$: ..." of a sentence: the name's value there, which a later sentence of the paragraph may
        # still mean (name, value, offset of the condition)
        self.sentence_values: list[tuple[str, str, int]] = []
        self.example_numbers: list[tuple[str, str, int]] = []  # (name, number, offset) an example's paragraph gives
        self.solved_lines: set[int] = set()  # lines of displays the words call equations to solve
        self.size_orders_said: list = []  # m < n of two sizes, said in a sentence that declares shapes in them
        self.ranged_names: frozenset = frozenset()  # names an inline order or membership bounds ("$\mu \in [0, 1)$")
        self.differentiating = False  # the words speak of derivatives ("differentiating", "a function of x")
        self.example_claims: set[int] = set()  # offsets of chains the words say are about an example ("in the example")
        self.method_leads: set[int] = set()  # offsets of chains the words before say give a method ("use", "instead")
        self.solved_inline: set[int] = set()  # offsets of inline equations the words say are solved ("w solves $...$")
        # matrices the words build of vectors ("$a$ and $b$ as the columns of $A$") -> the names of those vectors
        self.worded_arrays: dict[str, set[str]] = {}
        self.worded: set[str] = set()  # names the words give a value derive does not read ("density $\\lambda$, that is $M/L$")
        self.chain_texts: dict[int, list[str]] = {}  # line -> the terms of the chains starting on it
        self.worded_meaning: set[str] = set()  # names the words give a meaning ("$q$ denotes $1 - p$")
        self.unknowns: dict[int, set[str]] = {}  # the names such a display holds, by its line
        self.formula_given: dict[str, int] = {}  # a declared vector or matrix given a formula -> the chain's offset
        self.restated: set[int] = set()  # inline formulas of a function defined before (claims: only a proof stands)
        self.example_vectors: list[tuple[str, str, int]] = []  # (vector, its numbers as written, offset), likewise
        self.example_entries: list[tuple[Definition, str, int]] = []  # those the current chain is checked at
        self.given_numbers: list[tuple[str, int]] = []  # (name, offset): every number the prose gives a name
        self.example_fixed: set[str] = set()  # the names the example fixes for the current chain
        self.example_sizes: set[str] = set()  # the sizes (their symbols) it fixes
        self.example_at: int | None = None  # the line of its first value
        self.example_values: list[tuple[str, str, int]] = []  # those the current chain may still be at
        self.data_offsets: list[int] = []  # "the points $(1, 1)$ and $(2, 3)$": data the words give (offsets)
        self.entry_values: list[tuple[str, int]] = []  # "observe $x_1 = 1$": a numbered entry's value, in passing
        self.unread_conditions: list = []  # the conditions not read ("if $v_1 + v_2 = 0$") the current chain is under
        self.after_data: int | None = None  # the line of such data earlier in the current chain's paragraph

    def label(self, chain: Chain, line: int, suffix: str = "") -> str:
        """The document's label, else the line; made unique the way a reader would tell them apart."""
        base = f"({chain.label})" if chain.label else f"line {line}"
        if chain.part:  # one of several equations written side by side in a row
            base += f", equation {chain.part}"
        candidates = [base + suffix]
        if chain.label:
            candidates.append(f"{base}, line {line}{suffix}")
        # Counting on from the last number given to this base keeps a line of many displays linear.
        numbered = ((n, f"{base} ({n}){suffix}") for n in itertools.count(self.numbers.get(base + suffix, 2)))
        choices = itertools.chain(((None, c) for c in candidates), numbered)
        n, text = next((n, c) for n, c in choices if slug(c) not in self.labels)
        if n is not None:
            self.numbers[base + suffix] = n + 1
        self.labels.add(slug(text))
        return text

    def steps(self, chain: Chain, context: "_Context | None" = None) -> list[Step]:
        """The chain's steps; where it uses a name the document defines by a formula that is not read,
        read with that name free when nothing else gives it a meaning: a proof holds for every value of
        it, a refutation is not shown (the counterexample need not be the defined value)."""
        self.free_names = []
        self.example_values = []
        self.example_entries = []
        self.example_fixed, self.example_sizes, self.example_at = set(), set(), None
        self.after_data = None
        self.unread_conditions = []
        self.reader.past_used = []
        if len(chain.terms) == 2 and chain.terms[0].offset in self.reader.event_given_offsets():
            line = self.lines.of(chain.terms[0].offset)
            return [self._problem(self.label(chain, line), chain.latex or " = ".join(t.text for t in chain.terms), line,
                                  "a probability the document gives: not checked; the claims after it use it",
                                  pair=chain.terms)]
        made = self._steps(chain, context)
        held_old = self._holds_a_corrected_name(chain)
        if held_old and made:
            # (p^* = w \pi / (w \pi + 1 - \pi) read with the w of an earlier example, after "w = 10" took that one back)
            made = [dataclasses.replace(step, problem=step.problem or held_old) for step in made]
        later = self._defined_after(chain, self.lines.of(chain.terms[0].offset)) if chain.terms else ""
        if later:
            made = _supposing(made, later, Reading("inferred", later, self.lines.of(chain.terms[0].offset)))
        here = self.lines.of(chain.terms[0].offset) if chain.terms else None
        past = [n for n in dict.fromkeys(self.reader.past_used) if here != self.reader.defined_at.get(n)]
        if past and made:
            # eps(B) = |G|^2 / (...) = eps_max / (1 + B / B_noise), the side between not read: the later side is the
            # formula only if the link to it holds, which is not checked (a wrong link gave a false proof)
            name = past[0]
            side = self.reader.defined_past[name][0]
            why = (f"uses {written_name(name)}, whose formula on line {self.reader.defined_at.get(name)} is read from "
                   f"a later side of its chain, ${side}$: the side between is not read, so whether it equals that "
                   "side is not checked")
            made = [dataclasses.replace(step, problem=step.problem or why) for step in made]
        for base, mean in self._means_given(chain, made):
            # (only the links that hold the vector: the arithmetic after it is checked as it is)
            made = [dataclasses.replace(step, array_hypotheses=step.array_hypotheses + ((base, mean),),
                                        readings=step.readings + (Reading("inferred", mean, self.lines.of(
                                            chain.terms[0].offset)),)) for step in made]
        gives_number = any(t.text.strip() and not names_in(t.text) - NUMERIC_WORDS for t in chain.terms) or any(
            not side.expr.free_symbols and not side.expr.atoms(sp.Indexed) and side.expr.is_number is not False
            for step in made for side in step.terms if step.terms and step.terms[0].expr is not sp.S.Zero)
        loose = set()
        for step in made:
            fixed = {str(d.name) for d in step.assume.definitions if not d.indices}
            for side in step.terms:
                loose |= _quantities(side.expr) - fixed
        counted = {str(s) for step in made for side in step.terms for s in side.expr.free_symbols
                   if s.is_integer and s.is_positive}
        loose -= counted
        if gives_number:
            # "nu = n - 1 = 15" of a size the document never declares (n, by default the size N): a number for a formula
            # in it holds at the size the words give, never for every size
            # (a polynomial in that size alone, n - 1 = 15; never a sum over it or (-1)^n, claimed for every size)
            alone = [side.expr for step in made for side in step.terms if side.expr.free_symbols]
            if all(len(e.free_symbols) == 1 and not e.has(sp.Sum, sp.Product) and e.is_polynomial(*e.free_symbols)
                   for e in alone):
                loose |= {z for z in counted if self.reader.notation.size_name(z) and self.reader._default_only(z)}
        given = sorted({(name, at) for name, at in self.given_numbers if at < chain.offset and name in loose},
                       key=lambda v: v[1])
        # "Here $a = 2$. I set $v = y^{1 - a}$", then $y = 1/v$: a name the words gave a number, which the claim holds
        # not as written but through a definition, means that number, as likely as any: only a proof stands
        # (a claim that gives a number, below, whatever it writes)
        written_here = {symbol_name(n) for t in chain.terms for n in names_in(t.text)}
        defined_lines = [self.reader.defined_at[w] for w in written_here if self.reader.defined_at.get(w)]
        # (said in the paragraph of the definition that brings the name in: "with $n = 2$, so I set $v = y^{1-n}$"; a
        # point a later sentence speaks of, "at $w_1 = 0$ ...", is no value of the definition)
        # (or on the claim's own line: "which vanishes when $k$ is $1$, and then $f(x) = (x + 2)(x^2 - x + 3)$")
        given_through = [(n, at) for n, at in given if n not in written_here and (any(
            self.lines.paragraph_end(self.lines.of(at)) == self.lines.paragraph_end(line) for line in defined_lines)
            or defined_lines and self.lines.of(at) == self.lines.of(chain.offset))]
        if given_through and not gives_number:
            names = ", ".join(dict.fromkeys(f"${shown_name(n)}$" for n, _ in given_through))
            at = self.lines.of(given_through[-1][1])
            made = _supposing(made, f"the number line {at} gives {names}, which a definition brings in, may be the one "
                                    "meant here",
                              Reading("inferred", f"{names} read as any value, though line {at} gives a number: "
                                                  "only a proof for every value stands", at))
        if gives_number:
            # a claim that gives a number, written in a name the document gave a number before ("with $w_2 = 2$", under
            # an earlier heading): about that example, maybe, so only a proof for every value of the name stands
            typed = {symbol_name(n) for n in set(self.reader.typed_from_use) | set(self.reader.inferred)}
            # (and, in a display too, a number for a formula in a matrix, det(X^T X) = 50, X in R^{n x p}: of some
            # example's X, never of every one)
            # (never 0 or 1, which an identity gives for every value: sum_i (x_i - mean) = 0, 1^T softmax(z) = 1)
            numbers = {side.expr for step in made for side in step.terms
                       if not side.expr.free_symbols and not side.expr.atoms(sp.Indexed)}
            # (a matrix, or a family of vectors: never a vector's entries, sum_i softmax(z)_i = 2 is false for every z)
            entries = {str(a.base.label) for step in made for side in step.terms for a in side.expr.atoms(sp.Indexed)
                       if len(a.indices) >= 2}
            arrays = {n for n in loose if n in entries or any(self.reader.notation.kind_of(w) == "matrix"
                                                             for w in (n, "\\" + n))} \
                if numbers and not numbers & {sp.S.Zero, sp.S.One, sp.S.NegativeOne} else set()
            if loose and not given and not self.example_fixed and not self.example_sizes \
                    and context is not None and (context.inline or loose & typed or arrays
                                                 or self._after_example(chain)):
                # (in a display too, where a vector in it is typed only from its use: "p is $(3/8, 3/8, 1/8, 1/8)$" in
                # the words, then $\sum_i q_i \log \frac{q_i}{p_i} = \frac{1}{2} \log \frac{4}{3} + ...$)
                # "the bound $\frac{x^4}{4} = 2.5 \times 10^{-5}$": a formula in x said to be a number holds at some x,
                # which the words give; never a claim for every x, so only a proof (a constant formula) stands
                names = ", ".join(f"${shown_name(n)}$" for n in sorted(loose))
                made = _supposing(made, f"a number for a formula in {names}: the values it is meant at are not read",
                                  Reading("inferred", f"a formula in {names} said to be a number: only a proof for "
                                                      "every value stands", self.lines.of(chain.offset)))
            if given:
                names = ", ".join(dict.fromkeys(f"${shown_name(n)}$" for n, _ in given))
                at = self.lines.of(given[-1][1])
                made = _supposing(made, f"the number line {at} gives {names} may be the one meant here",
                                  Reading("inferred", f"{names} read as any value, though line {at} gives a number: "
                                                      "only a proof for every value stands", at))
        numbered = self._numbered_held(chain, self.lines.of(chain.offset))
        if numbered:
            names = ", ".join(f"${shown_name(n)}$ (line {at})" for n, at in numbered)
            made = _supposing(made, f"{names} at the numbers given for {'it' if len(numbered) == 1 else 'them'} (the "
                                    "formula holds values that are not read)",
                              Reading("inferred", f"{names} given in numbers before, of data whose values are not read: "
                                                  "only a proof for every value stands", numbered[-1][1]))
        unknown = None
        if context is not None and context.inline and chain.terms:
            end = chain.terms[-1].offset + len(chain.terms[-1].text) + 1  # (after the closing $)
            unknown = _equation_in_one_unknown(made, _SOLVED_AFTER.match(self.lines.text, end) is not None)
        if unknown is not None and not any(step.hypotheses for step in made) \
                and all(names_in(t.text) - NUMERIC_WORDS <= {unknown, shown_name(unknown)} for t in chain.terms):
            # (as written, too: w(h) = 4h/3 of a w defined before is a claim about w, whatever it reduces to)
            # "The balance is $0.8 (4 - m) = 0.2 ((m - 0) + (m - 1))$, so $3.4 = 1.2 m$": in the words, an equation in one
            # undeclared name and numbers may be one the text solves, true at the value it goes on to find
            shown = f"${shown_name(unknown)}$"
            made = _supposing(made, f"an equation in {shown} alone, which the words may be solving: the value it is meant "
                                    "at is not read",
                              Reading("inferred", f"an equation in {shown} and numbers, in the words: only a proof for "
                                                  "every value stands", self.lines.of(chain.offset)))
        if self.example_fixed or self.example_sizes:
            # a claim about an example is decided at its values only where they fix all it depends on: the words may
            # give the rest ("waits of $2$, $3$ and $5$ minutes: $\sum_i t_i = 10$"), so for those only a proof stands
            loose = set()
            for step in made:
                for side in step.terms:
                    loose |= _quantities(side.expr) - {str(s) for s in side.expr.free_symbols
                                                       if s.is_integer and s.is_positive}
            loose = sorted(loose - self.example_fixed)
            if loose:
                names = ", ".join(f"${shown_name(n)}$" for n in loose)
                made = _supposing(made, f"the example of line {self.example_at} may give {names} the values its words "
                                        "state", Reading("inferred", f"{names} not given by the example of line "
                                                         f"{self.example_at}: only a proof for every value stands",
                                                         self.example_at))
        for c in self.unread_conditions:
            made = _supposing(made, f"the condition ${c.left}$ (line {self.lines.of(c.offset)}), which is not read",
                              Reading("condition", f"under the condition ${c.left}$, which is not read: only a proof for "
                                                   "every value stands", self.lines.of(c.offset)))
        if self.after_data is not None:
            made = _supposing(made, f"the data line {self.after_data} gives (a list of numbers, or values of entries) may "
                                    "give the names of this claim their values",
                              Reading("inferred", f"line {self.after_data} gives data that are not read (a list of "
                                                  "numbers, or values of entries): only a proof for every value of the "
                                                  "names stands", self.after_data))
        for name, value, at in self.example_values:
            hypothesis = f"${name} = {value}$ as line {at} sets it, earlier in the paragraph, may still hold here"
            whole = re.fullmatch(r"-?\d+", value.strip())
            made = _supposing(made, hypothesis,
                              Reading("inferred", f"${name}$ is read as any value, though line {at} sets ${name} = "
                                                  f"{value}$ earlier in the paragraph: a proof for every value stands, a "
                                                  f"refutation only where it is one at ${name} = {value}$ too", at),
                              ((symbol_name(name), (int(value),), hypothesis),) if whole else ())
        written_names = {symbol_name(n) for t in chain.terms for n in names_in(t.text)}
        if chain.offset in self.example_claims and any(
                _quantities(side.expr) - written_names for step in made for side in step.terms if side is not None):
            # (only where the claim holds what the words may give the example's values, through definitions: f(1, 1) = 1
            # of the running example's f, defined by a formula, is a claim about it)
            # "In the example $p^\star(b) = \tfrac14 b^2$": at the example's data, which the words give
            made = _supposing(made, "the example the words say it is about (\"in the example\"), whose values they give",
                              Reading("inferred", "said of an example (\"in the example\"): its values are in the words, "
                                                  "so only a proof for every value stands", self.lines.of(chain.offset)))
        again = self._step_again(chain)
        if again is not None:
            made = _supposing(made, again[0], Reading("inferred", again[1], self.lines.of(chain.offset)))
        worked = getattr(self.reader, "worked_names", {})
        written_here = ({n for t in chain.terms for n in names_in(t.text)} | {
            m.group(0).replace(" ", "") for t in chain.terms
            for m in re.finditer(r"\\?[A-Za-z]+\s*_\s*(?:\d|\{\s*\d+\s*\})", t.text)}) if worked else set()
        for name, (at, offset, words) in sorted(worked.items()):
            if chain.offset >= offset and (name in written_here or name.replace("{", "").replace("}", "")
                                           in {n.replace("{", "").replace("}", "") for n in written_here}):
                # "since only the first unit is active, $\delta_1 = (0, 0)^T$": numbers the words work out, which may
                # be the mistake carried on: the name is any value, so only a proof for every value stands
                made = _supposing(made, f"${name}$ as line {at} works it out (\"{words[:40]} ...\"), a result that may "
                                        "be the mistake",
                                  Reading("inferred", f"${name}$ is read as any value: line {at} gives it numbers the "
                                                      "words work out (a result, which may be the mistake, never its "
                                                      "definition), so only a proof for every value stands", at))
        for name, at, why in self.free_names:
            name = written_name(name)  # (\\star{f} is f^*)
            made = _supposing(made, f"${name}$ as line {at} defines it (by a formula that is not read: {why})",
                              Reading("inferred", f"${name}$ is read as any value: line {at} defines it by a formula that "
                                                  "is not read, so only a proof for every value stands", at))
        at = self.lines.of(chain.offset)
        held_names = {n for t in chain.terms for n in names_in(t.text)}
        solving = any(line < at <= self.lines.reach(line) and held_names & (names - NUMERIC_WORDS)
                      for line, names in self.unknowns.items())
        if (at in self.solved_lines or solving or chain.offset in self.solved_inline) and chain.relations \
                and chain.relations[0] == "=":
            # "The normal equations read $$2 w_1 - w_2 = 0$$": what the unknowns satisfy, no identity for every value
            made = _supposing(made, "the words call it, or a display before it in the paragraph, an equation to solve: "
                                    "what its unknowns satisfy",
                              Reading("inferred", "an equation to solve, as the words say: only a proof for every value "
                                                  "stands", at))
        through = held_names | {str(b.label) for step in made for side in step.terms if side is not None
                                for b in side.expr.atoms(sp.IndexedBase)} \
            | {str(x) for step in made for side in step.terms if side is not None for x in side.expr.free_symbols}
        if chain.terms and chain.terms[0].offset in self.restated:
            made = _supposing(made, "a formula for a function defined before, which the words may give anew",
                              Reading("inferred", "a formula for a function the document defined before: a claim about "
                                                  "it, or its new definition in words that are not read, so only a "
                                                  "proof stands", at))
        for name, given_at in sorted(self.formula_given.items()):
            # "the Hebbian weights are $W = \frac{1}{n}(\xi \xi^\top - I)$" of a W declared with its type only: no
            # claim that every W is that formula, but what W is from there (a definition?), or in a case the words
            # state: there and after, a claim about W is checked for every W, so only a proof stands
            if given_at <= chain.offset and (name in through or symbol_name(name) in through) and not self.example_fixed \
                    and not self.example_sizes \
                    and self.reader.definition_at(chain.terms[0].offset) is None:
                line = self.lines.of(given_at)
                made = _supposing(made, f"${name}$, declared with its type only, is given a formula on line {line}, "
                                        "which may be what it is from there",
                                  Reading("inferred", f"${name}$ is given a formula on line {line}, though declared with "
                                                      f"its type only: read as any ${name}$, so only a proof stands", line))
        # P(A \cap B) - P(A) P(B) of events whose relations the document leaves open: independence or exclusion said
        # in words is not read, so only a proof stands
        made = [_supposing([step], "the relations between the events (independent, exclusive), which the words may "
                                   "give and derive does not read",
                           Reading("inferred", "the probabilities of the events' intersections that the document does "
                                               "not give are read as any numbers: a proof stands, a refutation is "
                                               "not shown"))[0]
                if any(isinstance(x, events.EventProbability) for side in step.terms for x in side.expr.free_symbols)
                else step for step in made]
        # E[X^2] - E[X]^2 of an X the document gives no law: what it says of the law in words is not read, so a
        # refutation (at moments no law may have, or of a law the words rule out) is never shown
        # (unless its sides differ by a formula in no moment, Cov(aX + b, cY + d) = ac Cov(X, Y) + bd: under every law
        # the two sides differ by that formula, so a refutation stands whatever the law)
        made = [(_supposing([step], "the law of the random variables, which the words may give and derive does not read",
                            Reading("inferred", "a proof for every law of the random variables stands, a refutation is "
                                                "not shown"))[0] if not _differ_by_no_moment(step) else
                 dataclasses.replace(step, readings=step.readings + (Reading(
                     "inferred", "the sides differ by a formula in no moment of the random variables: its value is the "
                                 "same under every law, and the moments a counterexample shows may be any numbers"),)))
                if any(isinstance(x, Moment) for side in step.terms for x in side.expr.free_symbols) else step
                for step in made]
        return made

    def _free(self, name: str) -> bool:
        """A name whose only meaning would be a free value (no default, definition or declaration)."""
        n, r = self.reader.notation, self.reader
        key = symbol_name(name)
        return (n.kind_of(name) in (None, "vector", "scalar") and name not in n.definitions and name not in n.onehot
                and key not in r.values and key not in r.lambdas and key not in r.matrix_values
                and name not in r.label_vectors and name not in r.conflicts)

    def _free_number(self, name: str) -> bool:
        """A name with an unread definition that may be read as any number: nothing else gives it a meaning, and
        neither the document nor its use makes it a vector, a matrix or a function."""
        r = self.reader
        return self._free(name) and self.notation.kind_of(name) in (None, "scalar") \
            and symbol_name(name) not in r.typed_from_use and name not in r.typed_from_use

    def _free_numbers_unsafe(self, chain: Chain, values, free: set[str]) -> str | None:
        """The first name read as any number (its definition unread) that the step holds where that reading is not
        safe: under a derivative by another variable, an integral or a limit (the name may depend on their variable,
        which its unread definition would show), or in a step with a prime or a dot (a derivative taken as it is
        read, f'(x) of an f defined with h). None where a proof for every number stands for the defined one."""
        held = [n for n in sorted(free) if _holds_name(values, n)]
        if not held:
            return None
        symbols = {n: symbol_name(n) for n in held}
        text = " ".join(t.text for t in chain.terms)
        if _EAGER_DERIVATIVE.search(text):
            return held[0]
        for v in values:
            if v is None:
                continue
            for atom in v.expr.atoms(sp.Derivative, sp.Integral, sp.Limit, sp.Subs):
                inside = {str(s) for s in atom.expr.atoms(sp.Symbol) | atom.free_symbols}  # (a limit of an integral too)
                for n in held:
                    if symbols[n] not in inside:
                        continue
                    if not isinstance(atom, sp.Derivative) or any(str(x) != symbols[n] for x, _ in atom.variable_count):
                        return n
        return None

    def _defined_after(self, chain: Chain, line: int) -> str:
        """"with $2 c_1 + c_2 = 1$ and $3 c_1 - c_2 = 4$, so $c_1 = 1$ and $c_2 = 1$": a name the same line defines after
        the claim, which the claim is written before (and may be what the definition is found from)."""
        if not chain.terms:
            return ""
        at = chain.terms[0].offset
        by_line = getattr(self.reader, "definitions_by_line", {})
        later = {name for key, name in by_line.items() if isinstance(key, int) and key > at and self.lines.of(key) == line
                 and isinstance(name, str)}
        text = " ".join(t.text for t in chain.terms)

        def writes(name: str) -> bool:
            base, _, label = name.partition("_")
            after = r"\s*_\s*(?:\{\s*" + re.escape(label) + r"\s*\}|" + re.escape(label) + r"(?![A-Za-z0-9]))" if label \
                else r"(?![A-Za-z])"
            return re.search(r"(?<![A-Za-z\\])" + re.escape(base) + after, text) is not None
        found = sorted(n for n in later if writes(n))
        if not found or self.defined:
            return ""
        names = ", ".join(written_name(n) for n in found)
        return (f"{names} {'is' if len(found) == 1 else 'are'} given a value later on this line, which may be found "
                "from this claim: only a proof stands")

    def _judged(self, chain: Chain) -> bool:
        """"$s = \\sqrt{32/7}$, not $s = \\frac{\\sqrt{32}}{7}$", "so $p = 2$ ... is wrong": words that judge the equation,
        a claim about the name, never a new value of it."""
        text = self.lines.text
        start, end = chain.terms[0].offset, chain.terms[-1].offset + len(chain.terms[-1].text)
        before = text[max(0, start - 40):start].rstrip(" $")
        after = text[end:end + 80].lstrip(" $")
        return re.search(r"\b(?:not|nor|instead\s+of|rather\s+than|than|versus|vs\.?)\s*,?$", before, re.I) is not None \
            or re.match(r"[^.;$]{0,40}?\b(?:is|are|was|were)\s+(?:also\s+|not\s+|simply\s+|clearly\s+)?"
                        r"(?:wrong|incorrect|false|right|correct|true)\b", after, re.I) is not None

    def _new_example(self, chain: Chain, line: int) -> str:
        """x_1 = 2 (28/26) under a later heading (a run-in one too) of an x_1 an earlier part gave a number (x_1 =
        13/6), z = (1, 0)^T after "at z = (0, 1)^T": a value of a new example as likely as a claim about the old one."""
        if len(chain.terms) < 2:
            return ""
        m = _NUMBERED_LEFT.match(chain.terms[0].text)
        plain = None if m else _EXAMPLE_NAME.fullmatch(chain.terms[0].text)
        if m:
            written, key = m.group(1), f"{symbol_name(m.group(1))}_{m.group(2) or m.group(3)}"
        elif plain:
            written = plain.group(1) or plain.group(2)
            key = symbol_name(written)
        elif lone_name_key(_unbolded(chain.terms[0].text.strip())) is not None:
            # (an accented name, \tilde{\mathbf{h}})
            key = lone_name_key(_unbolded(chain.terms[0].text.strip()))
            written, plain = _unbolded(chain.terms[0].text.strip()), True
        else:
            return ""
        r = self.reader
        at = r.defined_at.get(key)
        value = r.values.get(key)
        # (a vector given by its numbers, z = (0, 1)^T, is a formula in its index only)
        if plain and at is not None and value is not None and at <= line and not self.defined \
                and key in r.numeric_definitions and not self._judged(chain) \
                and not (value.is_vector or value.is_matrix) and not value.expr.free_symbols and len(chain.terms) == 2 \
                and self.lines.paragraph_end(at) == self.lines.paragraph_end(line) \
                and not names_in(chain.terms[1].text) - NUMERIC_WORDS \
                and sp.simplify(value.expr - self._number_of(chain.terms[1].text)) != 0:
            # "a point at depth 2 gets $s = 2^{-280/481}$, and one at depth 5 gets $s = 2^{-700/481}$": a second number
            # for a name the same paragraph gave one, the value of another case as likely as a claim about the first
            return (f"{written_name(written)} is given a number on line {at}, and another in the same paragraph: the "
                    "value of another case, or a claim about the first? give the new value another name")
        # (two values on one line, "my first attempt gave $h = (0.8, 0)$; dividing instead, $h = (1.25, 0)$": the
        # second as likely a correction as a claim about the first)
        if at is None or value is None or at > line or (at == line and self.defined) \
                or any(not isinstance(x, sp.Idx) for x in value.expr.free_symbols):
            return ""
        if plain and not (value.is_vector or value.is_matrix):
            return ""  # (a plain name given a number, c = 2 then c = 3 under another heading: see _forget_earlier_part)
        heading = any(at < h <= line for h in self.all_heading_lines)
        if not all(not names_in(t.text) - {written} - NUMERIC_WORDS for t in chain.terms[1:]):
            return ""  # (a formula in names: a claim about the value)
        if not plain and sp.simplify(value.expr - self._number_of(chain.terms[1].text)) == 0:
            return ""  # (the same value again: a claim it keeps)
        where = "under an earlier heading" if heading else "before"
        if key not in r.corrected:
            # (and the earlier value ends here: a use after it, alpha^T yhat of a corrected alpha, means neither)
            r.corrected[key] = (line, f"{written_name(written)} is given another value on line {line}, beside the one "
                                      f"of line {at}: which one a use after it means is not read")
        return (f"{shown_name(key)} has the value line {at} gave it, {where}; a number for it here may be a new "
                "example's: give the new value another name, or say that it is the same")

    def _number_of(self, text: str) -> sp.Expr:
        try:
            value = self.reader.read(text)
        except FormulaError:
            return sp.nan
        return value.expr if not (value.is_vector or value.is_matrix) else sp.nan

    def _euler_named(self, chain: Chain, line: int) -> str:
        """e = \\hat{y} - y: the document names something e, where e is Euler's number. Not read, and no later use of
        e either (which e would it be?)."""
        if len(chain.terms) < 2 or chain.relations[0] != "=" or chain.terms[0].text.strip() != "e":
            return ""
        if not names_in(chain.terms[1].text) - {"e", "\\pi"}:
            return ""  # (e = 2.718..., e = \lim (1 + 1/n)^n: a claim about Euler's number)
        why = (f"e is Euler's number, and line {line} makes it a name of the document's (e = ...): give that name "
               "another letter")
        self.unreadable_definitions.setdefault("e", (line, why))
        return why

    def _second_recurrence(self, chain: Chain, line: int) -> str:
        """theta_t = theta_{t-1} - ... again, after a recurrence of line N defines theta_t: a second method's step
        (Adagrad's, then RMSProp's) or a claim? The name is read no further: every later use is refused."""
        r = self.reader
        m = re.fullmatch(r"\s*(\\?[A-Za-z]+)\s*_\s*\{?\s*([a-z])\s*\}?\s*", chain.terms[0].text) if len(chain.terms) > 1 else None
        if not m or chain.relations[0] != "=":
            return ""
        name, letter = m.group(1), m.group(2)
        known = r.recurrences.get(symbol_name(name))
        if known is None or known[0] != letter or known[1] >= line:
            return ""
        if not re.search(re.escape(name) + r"\s*_\s*\{\s*" + letter + r"\s*-\s*1\s*\}", chain.terms[1].text):
            return ""  # (theta_t = a formula of the unrolled terms: a claim about the recurrence)
        why = (f"a second recurrence for {name}_{letter} on line {line} beside the one of line {known[1]}: "
               "which one a step means is not read; give each its own name")
        self.unreadable_definitions.setdefault(name, (line, why))
        return why

    def _step_again(self, chain: Chain) -> tuple[str, str] | None:
        """x_{k+1} = <a formula in x_k> again, written otherwise than the step of the sequence x an earlier chain gives
        (x_{k+1} = N(x_k), then "use instead $x_{k+1} = x_k - m f(x_k)/f'(x_k)$"): the step of another method as likely as
        a claim about the first, so only a proof stands. (hypothesis, reading), or None."""
        if len(chain.terms) < 2 or not chain.relations or chain.relations[0] != "=" \
                or chain.offset not in self.method_leads:
            return None  # (without such words, "nor is $x_{k+1} = ...$" is a claim about the step)
        left = " ".join(chain.terms[0].text.split())
        for q in self.sequences:
            if not q.step or q.offset >= chain.terms[0].offset:
                continue
            step = re.escape(q.name) + r"\s*_\s*\{\s*" + q.letter + r"\s*\+\s*1\s*\}"
            if re.fullmatch(step, left) and " ".join(chain.terms[1].text.split()) != " ".join(q.formula.split()):
                return (f"{q.written} may be another method's step here (line {q.line} gives the step of {q.name})",
                        f"{q.written} given again by another formula: a new method's step, or a claim about the step of "
                        f"line {q.line}? only a proof stands")
        return None

    def _new_step(self, chain: Chain, line: int) -> str:
        """x_{n+1} = G(x_n) under a later heading than the step x_{n+1} = F(x_n) of the sequence x (read.sequences), with
        nothing F is written in defined anew since: the step of a new method (Halley's after Newton's) as likely as a
        claim about the old one."""
        if len(chain.terms) < 2 or not self.sequences:
            return ""
        left = " ".join(chain.terms[0].text.split())
        for q in self.sequences:
            if not q.step or q.offset >= chain.terms[0].offset or q.line >= line \
                    or not any(q.line < h <= line for h in self.all_heading_lines):
                continue
            # (a step in a function the document defines anew since, x_{k+1} = x_k - g(x_k)/g'(x_k) with g = x^2 - a
            # under this heading: the general step, made particular by that function)
            at = [self.reader.defined_at.get(k) for n in names_in(q.formula) for k in (n, symbol_name(n))]
            if any(a is not None and q.line < a <= line for a in at):
                continue
            step = re.escape(q.name) + r"\s*_\s*\{\s*" + q.letter + r"\s*\+\s*1\s*\}"
            if re.fullmatch(step, left):
                return (f"{q.written} is the step line {q.line} gives, under an earlier heading; a step here may be a "
                        "new method's: give it another name, or say that it is the same")
            # (and where such a new step stands before this chain: q_{n+1} here may be either method's)
            anew = next((at for at, written in self.step_lefts if q.line < at < line and re.fullmatch(step, written)
                         and any(q.line < h <= at for h in self.all_heading_lines)), None)
            if anew is not None and any(re.search(step + r"(?![\w'])", t.text) for t in chain.terms):
                return (f"{q.written} is the step line {q.line} gives, and line {anew}, under a later heading, gives a "
                        "step of that name again (a new method's?): which one is meant here is not read; give the new "
                        "step another name")
        return ""

    def _reparametrised(self, chain: Chain) -> str:
        """l(theta) = ... of a function the document defines in lambda, at a name it defines by a formula in lambda
        (theta = 1/lambda): the function at theta, or the function written anew in theta (a reparametrisation)?"""
        r = self.reader
        for m in (m for term in chain.terms for m in _APPLIED_AT_NAME.finditer(term.text)):
            name = next((k for k in (m.group(1), symbol_name(m.group(1))) if k in r.lambdas), None)
            argument = symbol_name(m.group(2))
            variable = str(r.lambdas[name].variables[0]) if name is not None else None
            earlier = r.earlier_variables.get(name, set()) if name is not None else set()
            if name is not None and r._in_force(name) and argument in earlier and argument != variable \
                    and len(r.lambdas[name].variables) == 1:
                return (f"{m.group(1)}({m.group(2)}) of {m.group(1)} defined anew in {r.lambdas[name].variables[0]}, after "
                        f"a definition in {m.group(2)}: the new function at {m.group(2)}, or the earlier one (a function "
                        f"named by its argument)? give the two functions two names")
            if name is not None and r._in_force(name) and argument in r.values and r._in_force(argument) \
                    and variable != argument \
                    and variable in {str(x) for x in r.values[argument].expr.free_symbols}:
                return (f"{m.group(1)}({m.group(2)}) of {m.group(1)} defined in {r.lambdas[name].variables[0]}, at "
                        f"{m.group(2)} the document defines by a formula: {m.group(1)} at that value, or {m.group(1)} "
                        f"written anew in {m.group(2)}? write the value in, or give the new function a name")
        return ""

    def _size_relation(self, chain: Chain, line: int) -> str:
        """M = N - K + 1 of sizes: not read (sizes are checked as independent), and so not any step that
        uses two of the sizes it relates; the problem, or ""."""
        n = self.reader.notation
        names = [names_in(t.text) for t in chain.terms]
        used = set().union(*names) if names else set()
        sizes = {x for x in used if n.size_name(x) or n.kind_of(x) == "size"}
        if len(chain.terms) == 2 and chain.relations == ("=",) and all(names) and used == sizes and len(sizes) > 1:
            text = " = ".join(" ".join(t.text.split()) for t in chain.terms)
            self.size_relations.append((line, sizes, text))
            return (f"a relation between sizes (${text}$) is not read: sizes are checked as independent, so the "
                    "steps that use two of them are not checked")
        first = names[0] if names else set()
        if len(chain.terms) > 1 and chain.relations[0] == "=" and len(first) == 1 and first <= sizes \
                and _LONE_LEFT.match(chain.terms[0].text) and not (names[1] and names[1] <= sizes):
            # N = \sum_k n_k, N = 3: a formula or a value for a name derive reads as a size, which the document
            # may be defining or setting (a refutation at another size would be none)
            (name,) = first
            if _NUMERIC.fullmatch(chain.terms[1].text.strip()):
                self.size_examples.append((name, line))
                return (f"{name} is read as a size, and this sets its value: a claim at one size is not read; say it in "
                        f"words (\"for ${name} = {chain.terms[1].text.strip()}$\")")
            why = (f"{name} is read as a size, and this formula may define it (a count, {name} = ...): a size "
                   "is not given by a formula; use another letter for the count, or declare what it is")
            if name not in self.reader.stated and name not in self.unreadable_definitions \
                    and re.fullmatch(r"\s*\\?[A-Za-z]+\s*", chain.terms[0].text):
                # (K = log M: whatever K is, the displays after it use the name this formula gives it)
                self.unreadable_definitions[name] = (line, why)
            return why
        for at, related, text in self.size_relations:
            if len(related & sizes) > 1:
                return (f"uses {', '.join(sorted(related & sizes))}, which line {at} relates (${text}$): a relation "
                        "between sizes is not read")
        return ""

    def _read_terms(self, chain: Chain, context: "_Context"):
        """Each term read, ((values, reasons, guessed, per_term, excluded, guessed_length), ranges): ranges
        are the index letters a term was refused for, with the vector length each met."""
        values, reasons, guessed, per_term, excluded, guessed_length = [], [], set(), [], [], []
        self.guessed_vectors = set()  # undeclared names read as vectors by their entries (mu_i) in these terms
        self.bold_numbers = set()  # undeclared names in bold read as numbers (x of \mathbf{x}) in these terms
        ranges: list[tuple[str, str]] = []  # (index letter, the length it met) of each term refused so
        # (terms of a sequence at neighbouring steps written in the terms at the claim's step, see read.sequences)
        expanded, used = expand_sequences([t.text for t in chain.terms], self.sequences, chain.terms[0].offset) \
            if chain.terms and self.sequences else ([t.text for t in chain.terms], [])
        self.sequence_readings = tuple(
            Reading("definition", f"${q.written}$ as line {q.line} gives it, at every step", q.line) for q in used)
        stale = None
        for q in used:
            # x_{n+1} = x_n - f(x_n)/f'(x_n) of a general f, then "Take $f(x) = x^2 - 5$" in one part: the step holds
            # that f in that part; in another, which f the step means is not read (it silently took that one)
            line = self.lines.of(chain.terms[0].offset) if chain.terms else None
            for held in sorted(names_in(q.formula) - {q.name, q.letter}):
                key = symbol_name(held)
                at = self.reader.defined_at.get(key) if (key in self.reader.lambdas or key in self.reader.values) else None
                if at is not None and line is not None and at > q.line and self._part_of(at) != self._part_of(line):
                    stale = stale or (f"${q.written}$ as line {q.line} gives it holds {written_name(held)}, which line "
                                      f"{at} defines after it, in another part: which {written_name(held)} the step "
                                      "means here is not read (define it again here)")
                elif at is not None and at > q.line:
                    self.sequence_readings += (Reading("definition", f"${written_name(held)}$ in that step as line {at} "
                                                                     "defines it", at),)
        # (a step's term at one step only, after that: x_{k-1} alone, any number, as x_k is)
        self.reader.step_free_now = _lowest_terms_only(expanded, self.sequences, chain.terms[0].offset,
                                                       self.reader.sequence_names) if chain.terms else {}
        for term, written in zip(chain.terms, expanded):
            per_term.append(set())
            excluded.append(set())
            guessed_length.append(False)
            try:
                if not term.text.strip():
                    raise FormulaError("a side is missing")
                if stale and written != term.text:
                    raise FormulaError(stale)
                text = written
                for pattern, replacement in context.rewrites:
                    text = pattern.sub(replacement, text)
                rounded = self._rounded_reading(text)
                value = self.reader.read(text)
                if rounded is not None:
                    self.rounded_terms[id(value)] = (value, rounded)
                values.append(V.einstein(value) if self.einstein_line is not None else value)
                per_term[-1] = self.reader.guessed()
                self.bold_numbers |= self.reader.bold_guessed
                self.guessed_vectors |= {g[:-2] for g, k in self.reader.guesses.items() if k > 0 and g.endswith("[]")}
                excluded[-1] = set(self.reader.excluded)
                guessed_length[-1] = self.reader._default_sizes
                guessed |= per_term[-1]
                reasons.append("")
            except FormulaError as exc:
                values.append(None)
                reasons.append(str(exc))
                if isinstance(exc, IndexRangeError):
                    ranges.append((exc.letter, exc.length))
            except RecursionError:
                values.append(None)
                reasons.append("the formula is nested too deeply")
            except Unsupported as exc:
                values.append(None)  # (a construct met while reading, a sum of limits that are no numbers: unread)
                reasons.append(str(exc))
        self.reader.step_free_now = {}  # (this chain's only: no other formula is read with it)
        if self._identity_sides(values, per_term):
            guessed = set().union(*per_term)
        return (values, reasons, guessed, per_term, excluded, guessed_length), ranges

    def _part_of(self, line: int) -> int:
        """Which part of the document ("**Q2.**", "(b)") the line is in: the number of parts begun by it."""
        return bisect.bisect_right(getattr(self.reader, "part_lines", []), line)

    def _after_example(self, chain) -> bool:
        """Whether the words before the chain, in its paragraph or the sentence it goes on, give data or an example's
        vector ("There $x = (0, 1, 2, 3, 4)$, so ... Then $$\\det(X^\\top X) = 50$$"): a number it gives for a
        formula in general names may be that example's."""
        line = self.lines.of(chain.offset)
        return any(at < chain.offset and self.lines.of(at) <= line <= self.lines.reach(self.lines.of(at), open_end=True)
                   for at in [*self.data_offsets, *(at for _, _, at in self.example_vectors)])

    def _rounded_reading(self, text: str):
        """The term read with its decimals of ROUNDED_DIGITS significant digits or more as the values they may
        round (Side.rounded), where it is a number; None where it writes none or is read otherwise."""
        if not rounded_decimals(text):
            return None
        self.reader.rounding = []
        try:
            value = self.reader.read(text)
        except (FormulaError, RecursionError):
            return None
        finally:
            self.reader.rounding = None
        if not isinstance(value, V.Value) or value.is_vector or value.is_matrix or value.row:
            return None
        return value.expr

    def _built_of_given(self, name: str) -> bool:
        """Whether the words build the matrix ``name`` of vectors the document gives values ("$a$ and $b$ as the
        columns of $A$", a and b defined): its value is then one derive does not read."""
        parts = self.worded_arrays.get(name)
        return bool(parts) and all(p in self.reader.values for p in parts)

    def _taken_back_on_its_line(self, chain) -> str:
        """Why a claim that gives a name a formula is not checked where the same line defined the name before, with
        words between that may take that one back ("$w^\\ast = \\rho$. No: ... so $w^\\ast = -\\rho$"; "Correctly
        ... $h_* = ...$"): which formula a use means is not read (see Reader._corrected for corrections on later
        lines). A formula the words report or suppose ("somebody got $c_3 = 9/8$", "would give $m_1 = ...$") is a
        claim all the same. "" where there is none."""
        left = " ".join(chain.terms[0].text.split())
        if len(chain.terms) < 2 or len(names_in(left)) != 1 or not re.fullmatch(
                r"\\?[A-Za-z]+(?:\s*[_^]\s*(?:\{[^{}]*\}|\\[A-Za-z]+|[^\s{}\\]))*", left):
            return ""
        text = self.lines.text
        line = self.lines.of(chain.offset)
        start = self.lines.starts[line - 1]
        before = text[start:chain.terms[0].offset]
        earlier = [m for m in re.finditer(r"\$\s*" + re.escape(left) + r"\s*=", before)]
        words = _TAKEN_BACK.search(before, earlier[0].end()) if earlier else None
        lead = before[:before.rfind("$")] if before.rstrip().endswith("$") else before
        if words is None or _CLAIM_LEAD.search(lead) or _SUPPOSED_RESULT.search(lead):
            return ""

        def bare(t: str) -> str:
            return re.sub(r"[\s{}]", "", t.replace("\\ast", "*").replace("\\star", "*"))
        r = self.reader
        # (x_1 of a sequence a recurrence defines is its term, whatever an earlier formula on the line says of it)
        keys = [k for k, at in r.defined_at.items() if at == line and k in r.values and bare(shown_name(k)) == bare(left)
                and re.sub(r"_\d+$", "", k) not in r.recurrences and re.sub(r"_\d+$", "", k) not in r.families]
        if not keys:
            return ""  # (the first formula a claim, the name defined elsewhere: the second is checked)
        try:
            again = r.read(chain.terms[1].text)
            same = all(sp.simplify(again.expr - r.values[k].expr) == 0 for k in keys)
        except (FormulaError, RecursionError, TypeError, AttributeError):
            same = False
        if same:
            return ""  # (the same value again, "$x_1 = 0.5 (2 - 1.5)$ ... wrong: $x_1 = 0.25$": it holds either way)
        for key in keys:
            if key not in r.corrected:  # (a use after it means neither formula)
                r.corrected[key] = (line, f"{left} is given two formulas on line {line}, with words between that may "
                                          "take the first back: which one a use after it means is not read")
        return (f"${left}$ is given a formula earlier on this line, and the words between may take it back "
                f"(\"{words.group(0)}\"): which one is meant is not read; put the corrected formula on a line of its own")

    def _holds_a_corrected_name(self, chain: Chain) -> str:
        """A name the chain writes whose definition holds another name given a second value at or before that
        definition: as read, the definition holds the earlier value, which the document no longer means."""
        r = self.reader
        here = self.lines.of(chain.terms[0].offset) if chain.terms else None
        for name in sorted({n for t in chain.terms for n in names_in(t.text)}):
            key = symbol_name(name)
            at = r.defined_at.get(key)
            if at is None or at == here or not (key in r.values or key in r.lambdas) or not r._in_force(key):
                continue
            for held in sorted({n for t in self.chain_texts.get(at, ()) for n in names_in(t)} - {name}):
                found = r.corrected.get(symbol_name(held))
                if found is not None and found[0] <= at and (here is None or found[0] <= here):
                    return (f"uses {written_name(name)}, whose formula on line {at} holds {written_name(held)}, which "
                            f"line {found[0]} gives another value: which value the formula means is not read")
        return ""

    def _given_unread_after(self, key: str, at: int) -> list[str]:
        """L = \\frac{1}{2} \\|\\hat{x} - x\\|^2 (line 13), then "$\\hat{x} = W' a + c$" (line 35, not read): L as read holds
        the x-hat of line 13, which a use after line 35 may not mean."""
        here = self.reader.line
        for name in sorted({n for t in self.chain_texts.get(at, ()) for n in names_in(t)} - {key}):
            found = self.unreadable_definitions.get(name)
            if found is not None and isinstance(found[0], int) and at < found[0] and (here is None or found[0] <= here) \
                    and symbol_name(name) != key:
                return [f"${written_name(key)}$ as line {at} defines it, with ${written_name(name)}$ as it was then, which "
                        f"line {found[0]} gives a formula that is not read"]
        return []

    def _stale_definitions(self, written: set, texts: list) -> list[str]:
        """A name the link writes (or holds through its label), defined by a formula holding another name the document
        defines only after it, both in force here: as read, that other name is free in it, never its later meaning."""
        r = self.reader
        out = []
        for key in sorted(r.values):
            if not r._in_force(key) or not (key in written or _label_written(key, texts)):
                continue
            value, at = r.values[key], r.defined_at.get(key)
            expr = getattr(value, "expr", None)
            if at is None or not isinstance(expr, sp.Basic):
                continue
            held = {str(x) for x in expr.free_symbols if isinstance(x, sp.Symbol) and not isinstance(x, (sp.Idx, sp.Dummy))} \
                | {str(b.label) for b in expr.atoms(sp.IndexedBase)}
            for name in sorted(held - {key} - set(getattr(r, "examples", {}))):  # (an example's W is used through s)
                later = r.defined_at.get(name)
                if later is not None and later > at and r._in_force(name) \
                        and (name in r.values or name in r.lambdas or name in r.matrix_values):
                    out.append(f"${written_name(key)}$ as line {at} defines it, with ${written_name(name)}$ free in it, which "
                               f"line {later} defines after it")
            out.extend(self._given_unread_after(key, at))
        # (R_n = \frac{1}{n} \sum_k f(k/n) read with the f then in force, and "for $f(x) = x^2$" after it: R_n as read
        # holds the old f, never the new one)
        for key in sorted({*r.lambdas, *r.size_sequences} - set(r.values)):
            at = r.defined_at.get(key)
            if at is None or not r._in_force(key) or not (key in written or _label_written(key, texts)
                                                          or any(re.search(r"(?<![A-Za-z\\])" + re.escape(written_name(key))
                                                                           + r"(?![A-Za-z])", t) for t in texts)):
                continue
            source = {symbol_name(n) for t in self.chain_texts.get(at, ()) for n in names_in(t)}
            for name in sorted(source - {key}):
                later = r.defined_at.get(name)
                if later is not None and later > at and r._in_force(name) and (name in r.lambdas or name in r.values):
                    out.append(f"${written_name(key)}$ as line {at} defines it, with ${written_name(name)}$ as it was "
                               f"then, which line {later} defines anew")
                    break
            else:
                out.extend(self._given_unread_after(key, at))
        return out

    def _statistic_of_data(self, name: str) -> bool:
        """x̄, x̂ never declared, of data x the document writes as a vector (x_i): a statistic of those data (their
        mean, an estimate) that derive does not read, never a free number."""
        m = re.fullmatch(r"([A-Za-z]+?)(?:bar|hat|tilde)", name)
        if m is None or self.notation.kind_of(name) is not None:
            return False
        base = m.group(1)
        defined = self.reader.values.get(base)
        usage = getattr(self.reader, "usage", None)
        return self.notation.kind_of(base) in ("vector", "matrix") or base in self.reader.typed_from_use \
            or base in self.reader.inferred or (isinstance(defined, V.Value) and defined.is_vector) \
            or (usage is not None and base in usage.entries)  # (y_i = alpha + beta x_i + e_i: data y, defined)

    def _identity_sides(self, values: list, per_term: list) -> bool:
        """H^T H = I: a side that is an undeclared I alone (or c I), in a chain whose other side is a square
        matrix, is the identity of that size, as the I of I - v v^T is (read.reader: _identity_or)."""
        self.identity_terms = set()
        squares = []
        for v in values:
            if isinstance(v, MatrixTerm):
                try:
                    rows, cols = P.shape_of(v)
                except (FormulaError, Unsupported, ShapeMismatch):
                    return False
            elif isinstance(v, V.Value) and v.is_matrix and v.misfit is None:
                rows, cols = v.size, v.cols
            else:
                continue
            if sp.simplify(rows - cols) != 0:
                return False
            squares.append(rows)
        if not squares or any(sp.simplify(s - squares[0]) != 0 for s in squares):
            return False
        ident, changed = scalar("I"), False
        for k, v in enumerate(values):
            if not isinstance(v, V.Value) or v.is_vector or v.row or v.is_matrix or "I" not in per_term[k]:
                continue
            c = v.expr.coeff(ident)
            if c == 0 or c.free_symbols or sp.expand(v.expr - c * ident) != 0:
                continue
            term = P.identity(squares[0])
            values[k] = P.to_value(term if c == 1 else term.scaled(c))
            per_term[k] = per_term[k] - {"I"}
            self.identity_terms.add(k)
            changed = True
        if changed:
            self.rehomed_readings += (Reading("default", "$I$ is read as the identity matrix (it is not declared)"),)
        return changed

    def _rehomed(self, ranges: list[tuple[str, str]]):
        """The notation with each index letter that a vector of one other length refused here (index i over
        1..N, a vector of length m) moved to that length, when the letter's range is a default's only; None
        when there is none. Returns (notation, [(letter, new size, old size)])."""
        found: dict[str, set[str]] = {}
        for letter, length in ranges:
            found.setdefault(letter, set()).add(length)
        notation = self.reader.notation
        defaults = default_notation()
        moved, letters = dict(notation.sizes), []
        names = {str(sym): key for key, sym in self.reader.sizes.items()}
        for letter, lengths in sorted(found.items()):
            if len(lengths) != 1:
                continue
            (length,) = lengths
            target = names.get(length)
            home = notation.size_of_index(letter)
            if target is None or home is None or target == home or defaults.size_of_index(letter) != home \
                    or letter in self.reader.stated:
                continue  # (a range the document states is not moved)
            moved = {k: tuple(x for x in v if x != letter) for k, v in moved.items()}
            moved[target] = moved.get(target, ()) + (letter,)
            letters.append((letter, length, str(self.reader.sizes.get(home, home))))
        if not letters:
            return None
        return dataclasses.replace(notation, sizes=moved), letters

    def _steps(self, chain: Chain, context: "_Context | None" = None) -> list[Step]:
        saved = self.reader.notation
        self.rehomed_readings = ()
        self.least_sizes, self.least_readings, self.most_sizes, self.size_orders = {}, [], {}, []
        try:
            made = self._steps_read(chain, context)
        finally:
            self.reader.notation = saved
        if self.reader.notation.layout:
            made = [dataclasses.replace(step, layout_declared=True) for step in made]
        if self.gradient_line is not None:  # "a gradient is a column vector"
            reading = Reading("declaration", "a gradient is a column vector, as the document says", self.gradient_line)
            made = [dataclasses.replace(step, gradient_columns=True, readings=step.readings + (reading,))
                    if _DERIVATIVE_WRITTEN.search(step.latex) else step for step in made]
        nabla = [re.sub(r"[{}\s]|\\mathbf", "", m.group(1)) for t in chain.terms for m in [_NABLA_OF.match(t.text)] if m]
        if self.gradient_line is None and any(self.reader.notation.kind_of(n) == "matrix"
                                              or symbol_name(n) in self.reader.matrix_values for n in nabla):
            # \nabla_W L of a matrix W: the gradient has W's shape by what \nabla means, never transposed
            made = [dataclasses.replace(step, gradient_columns=True) for step in made]
        if self.sequence_readings:
            made = [dataclasses.replace(step, readings=step.readings + self.sequence_readings) for step in made]
        families = tuple((name, line) for name, line in sorted(self.families.items())
                         if re.search(r"(?<![\\A-Za-z])" + re.escape(name) + r"(?![A-Za-z])(?!\s*_)",
                                      " ".join(t.text for t in chain.terms)))
        if families:
            made = [dataclasses.replace(step, families=families) for step in made]
        plain = _written_plain(" ".join(t.text for t in chain.terms))
        plain_bold = tuple((name, line) for name, line in sorted(self.bold_declared.items()) if name in plain)
        if plain_bold:
            made = [dataclasses.replace(step, plain_bold=plain_bold) for step in made]
        if self.least_sizes or self.most_sizes or self.size_orders:
            made = [dataclasses.replace(step, least_sizes=tuple(sorted(self.least_sizes.items())),
                                        most_sizes=tuple(sorted(self.most_sizes.items())),
                                        size_orders=tuple(sorted(set(self.size_orders))),
                                        readings=step.readings + tuple(self.least_readings)) for step in made]
        return made

    def _with_its_arithmetic(self, chain: Chain, context, line: int, problem: str) -> list[Step]:
        """The chain's links up to where it is numbers only, as one link not checked (``problem``); the arithmetic
        after that (terms with no name in them) is checked, as it holds whatever the names are."""
        plain = next((m for m in range(1, len(chain.terms) - 1)
                      if all(not names_in(t.text) - NUMERIC_WORDS for t in chain.terms[m:])), None)
        if plain is None or any(r != "=" for r in chain.relations):
            return [self._problem(self.label(chain, line), chain.latex or " ".join(t.text for t in chain.terms), line,
                                  problem)]
        head = " = ".join(" ".join(t.text.split()) for t in chain.terms[:plain + 1])
        made = [self._problem(self.label(chain, line), head, line, problem)]
        # (each link of the arithmetic on its own: the chain's ends, from a term not checked, are not checked)
        for m in range(plain, len(chain.terms) - 1):
            link = dataclasses.replace(chain, terms=chain.terms[m:m + 2], relations=chain.relations[m:m + 1],
                                       offset=chain.terms[m].offset, latex=" = ".join(
                                           " ".join(t.text.split()) for t in chain.terms[m:m + 2]))
            made += self._steps_read(link, context)
        return made

    def _steps_read(self, chain: Chain, context: "_Context | None" = None) -> list[Step]:
        """The chain's steps; a chain that opens by defining a function of plain letters (M(t) = E[e^{tX}] = ...)
        keeps those letters its arguments, numbers and never random variables, in all its links."""
        first = chain.terms[0] if chain.terms else None
        head = _DEFINED_FUNCTION.fullmatch(first.text) if first is not None else None
        bound = {symbol_name(a.strip()) for a in head.group(2).split(",")} if head else set()
        if not bound or not self.reader.definition_at(first.offset) or bound <= self.reader.fixed_names:
            return self._steps_read_as_bound(chain, context)
        before = self.reader.fixed_names
        self.reader.fixed_names = set(before) | bound
        try:
            return self._steps_read_as_bound(chain, context)
        finally:
            self.reader.fixed_names = before

    def _steps_read_as_bound(self, chain: Chain, context: "_Context | None" = None) -> list[Step]:
        context = context or _Context()
        line = self.lines.of(chain.offset)
        first = chain.terms[0] if chain.terms else None
        self.reader.line = self.lines.start(first) if first is not None else line
        if context.line is not None:
            self.reader.line = context.line
        self.defined = self.reader.definition_at(first.offset) if first is not None else None
        last_defined = self.reader.last_link_definition(first.offset) if first is not None else None
        if context.alias:
            self.defined = context.alias
        given = [q for q in self.sequences if first is not None and q.offset == first.offset]
        if given:
            self.defined = given[0].written  # x_{k+1} = F(x_k): the step, not a claim
        if chain.problem:
            self._note_unreadable_chain(chain)
            return [self._problem(self.label(chain, line), chain.latex or chain.terms[0].text, line, chain.problem)]
        given = next((name for name, _, at in self.example_vectors if chain.terms and at == chain.terms[0].offset), None)
        if given is not None:
            return [self._problem(self.label(chain, line), chain.latex, line,
                                  f"the numbers of {given} in an example: the claims after it in its paragraph that give "
                                  "numbers are checked at them")]
        problem = self._size_relation(chain, line) or self._reparametrised(chain) or self._new_example(chain, line) \
            or self._new_step(chain, line) or self._second_recurrence(chain, line) or self._euler_named(chain, line)
        if problem:
            return self._with_its_arithmetic(chain, context, line, problem)
        chain, conditions, condition_problem = self._conditions(chain, context)
        if condition_problem:
            head = re.match(r"\s*(?:\\(?:mathbf|boldsymbol|bm)\s*\{\s*)?(\\?[A-Za-z]+)", chain.terms[0].text)
            if len(chain.terms) > 1 and chain.relations[0] == "=" and head and _BARE_NAME.match(chain.terms[0].text):
                # A_{ij} = ... "if j <= i", 0 "if j > i": a definition by cases whose condition is not read; the
                # name is the document's, never a free one, in the displays after it
                name = head.group(1)
                if name not in self.seen_names and name not in self.reader.stated \
                        and symbol_name(name) not in self.reader.values and name not in self.unreadable_definitions:
                    self.unreadable_definitions[name] = (line, condition_problem)
                    self._maybe_a_number(name, chain)
            return [self._problem(self.label(chain, line), chain.latex, line, condition_problem)]
        used = set().union(*(names_in(t.text) for t in chain.terms)) if chain.terms else set()
        used |= {name.rstrip("'") for name in used}  # M''(t) uses M
        # (a function defined by cases may be read in one part and not in another)
        unread = {**getattr(self.reader, "unreadable_cases", {}), **self.unreadable_definitions}
        for name in sorted(used & set(unread)):
            if all(only_labelled(t.text, name) for t in chain.terms
                   if name in {n.rstrip("'") for n in names_in(t.text)}):
                continue  # M_S(t) beside an M(t) not read: a name of its own
            at, why = unread[name]
            if name in self.free_when_unread and self._free(name):
                self.free_names.append((name, at, why))
                continue
            if name in self.free_numbers_when_unread and self._free_number(name):
                self.free_names.append((name, at, why))  # (see _free_numbers_unsafe once the terms are read)
                continue
            # The document gave the name a meaning derive could not read: any other meaning
            # (a default, a guess) would check what the author did not write.
            # (E[theta_4] - theta^* = (4 + 2 + 1 + 0.5)/4 = 1.875: the arithmetic after it holds whatever theta is)
            problem = f"uses {written_name(name)}, which line {at} defines by a formula that is not read ({why})"
            self._defined_through_unread(chain, line, problem)
            return self._with_its_arithmetic(chain, context, line, problem)
        # (the d of \frac{d}{da} is no size d an example fixes)
        example = self._after_an_example(chain, set().union(*(names_in(_DERIVATIVE_D.sub(" ", t.text)) for t in chain.terms))
                                          if "d" in used else used, line)
        if example:
            # (its arithmetic, 1 + 2 + 4 = 7 after Z(\log 2) = 1 + 2 + 4, holds whatever the example is)
            return self._with_its_arithmetic(chain, context, line, example)
        read, ranges = self._read_terms(chain, context)
        values, reasons, guessed, per_term, excluded, guessed_length = read
        # i_k of a vector of length m, with i an index letter of another size by default only: i runs over
        # 1..m in this display, when that reads every term with no range left in the way (a term refuses
        # at its first misfit, so each move may show the next)
        saved, moves, again, left = self.reader.notation, [], None, ranges
        for _ in range(4):
            rehomed = self._rehomed(left)
            if rehomed is None:
                break
            self.reader.notation, letters = rehomed
            moves += letters
            again, left = self._read_terms(chain, context)
        if again is not None and not left and sum(map(bool, again[1])) < sum(map(bool, reasons)):
            values, reasons, guessed, per_term, excluded, guessed_length = again
            self.rehomed_readings = tuple(
                Reading("inferred", f"${letter}$ runs over $1, \\dots, {size}$ in this display (it indexes what has "
                                    f"length ${size}$; by default it runs over ${old}$)", line)
                for letter, size, old in moves)
        else:
            self.reader.notation = saved
        point = None  # the letter an identity of functions is read at (every point of it: never lonely)
        if any(r and "needs an argument" in r for r in reasons):
            # sigma' = sigma (1 - sigma): an identity of functions, read at every point (sigma'(z) = ...)
            pointwise = _at_every_point(chain, self.reader)
            if pointwise is not None:
                again, left = self._read_terms(pointwise[0], context)
                if not any(again[1]) and not left:
                    values, reasons, guessed, per_term, excluded, guessed_length = again
                    point = pointwise[1]
                    self.rehomed_readings += (Reading(
                        "inferred", f"an identity of functions, read at every point ${pointwise[1]}$: "
                                    f"${' = '.join(' '.join(t.text.split()) for t in pointwise[0].terms)}$", line),)
        self._note_unreadable_definition(chain, values, reasons)
        antiderivative = _antiderivatives(values, [t.text for t in chain.terms])
        if isinstance(antiderivative, str):
            return [self._problem(self.label(chain, line), chain.latex, line, antiderivative)]
        values = antiderivative
        values = _unify_numbered(values)
        axis = self._axis(chain, values)
        sides = self.reader.sides(values, axis)
        sides = [dataclasses.replace(side, rounded=self.rounded_terms[id(value)][1])
                 if side is not None and value is not None and not side.axes and id(value) in self.rounded_terms
                 and self.rounded_terms[id(value)][0] is value and side.expr == value.expr else side
                 for side, value in zip(sides, values)] if len(sides) == len(values) else sides
        if self.entry_axis is not None:
            length = next(v.size for v in values if v is not None and v.is_vector)
            sides = [dataclasses.replace(side, axes=(Axis(length, axis),)) if side is not None and not side.axes
                     else side for side in sides]
        held = set().union(*({str(x) for x in v.expr.free_symbols} for v in values if v is not None)) if values else set()
        free_numbers = {n for n in self.free_numbers_when_unread if n in unread and self._free_number(n)}
        hidden = _hidden_unread(values, unread, used, self.free_when_unread | free_numbers)
        unsafe = self._free_numbers_unsafe(chain, values, free_numbers)
        if unsafe:
            name, (at, why) = unsafe, unread[unsafe]
            return [self._problem(self.label(chain, line), chain.latex or " ".join(t.text for t in chain.terms), line,
                                  f"uses {written_name(name)}, which line {at} defines by a formula that is not read ({why})")]
        for name in sorted(free_numbers - {n for n, _, _ in self.free_names}):
            if _holds_name(values, name):  # (through another definition: L = -log sigma(h) read with h any number)
                at, why = unread[name]
                self.free_names.append((name, at, why))
        if hidden:
            # p = sum_k pi_k N_k with N_k's own definition unread: through p the step would read N as free
            name, (at, why) = hidden, unread[hidden]
            return [self._problem(self.label(chain, line), chain.latex or " ".join(t.text for t in chain.terms), line,
                                  f"uses {name} through a definition, and line {at} defines {name} by a formula that "
                                  f"is not read ({why})")]
        held_fixed = self._held_fixed(values)
        if held_fixed:
            name, by = held_fixed
            return [self._problem(self.label(chain, line), chain.latex or " ".join(t.text for t in chain.terms), line,
                                  f"the derivative by {by} holds {name} fixed, but the document gives {name} by an "
                                  f"equation that is not read as its definition: define {name} before it is first used")]
        for _ in range(len(conditions)):  # x > a, a > 0: a's range with x's
            more = {symbol_name(c.right) for c in conditions if c.order and symbol_name(c.left) in held
                    and not _NUMERIC.fullmatch(c.right)}
            if more <= held:
                break
            held |= more
        for c in conditions:
            key = symbol_name(c.left)
            if c.order and key not in held and key in self.reader.values and self.reader._in_force(key) \
                    and any(c.left in names_in(t.text) for t in chain.terms):
                # "for $m < 1$" with m = y w^T x defined: the step is written in m, read in what m is made of; when
                # it is about m alone (-(1 - m) = m - 1, d/dm max(0, 1 - m) = 0), m is read as any number meeting
                # the condition, and a proof stands (it holds of the m the definition gives); a refutation does not
                freed = self._about_the_name_alone(chain, context, c, key)
                if freed is not None:
                    return freed
                return [self._problem(self.label(chain, line), chain.latex or " ".join(t.text for t in chain.terms),
                                      line, f"stated under the condition {c.text} (line {self.lines.of(c.offset)}) on "
                                            f"{c.left}, which the document defines by a formula: a condition on a "
                                            "defined name is not read")]
        conditions = [c for c in conditions if not (c.value or c.order) or symbol_name(c.left) in held]
        ranges = [c for c in conditions if c.order]
        if ranges:
            sides = _restricted(sides, ranges, self.notation)
        link_problems = [self._link_problem(chain, n, reasons) or self.reader.link_problem(values[n], values[n + 1])
                         for n in range(len(chain.relations))]
        for n in range(len(chain.relations)):
            pair = [values[m] for m in (n, n + 1)]
            if not link_problems[n] and all(isinstance(v, V.Value) for v in pair) and chain.relations[n] == "=" \
                    and any(isinstance(v.expr, sp.Idx) for v in pair) \
                    and len({x for v in pair for x in v.expr.free_symbols}) > 1 \
                    and all(isinstance(x, sp.Idx) for v in pair for x in v.expr.free_symbols) \
                    and all(v.expr.is_polynomial() and sp.Poly(v.expr, *v.expr.free_symbols).total_degree() <= 1
                            if v.expr.free_symbols else True for v in pair):
                # (k = 2j, i = j + 1: never (k + 1)^3 - k^3 = 3k^2 + 3k + 1, an identity in k)
                # "the index of the sum is $k = 2j$": an equation of index letters relates a sum's indices (a
                # substitution), never a claim for every value of them
                link_problems[n] = ("an equation between index letters relates the indices of a sum (a substitution), "
                                    "not a claim for every value of them")
        lonely_links: dict[int, str] = {}
        given_values: dict[int, tuple] = {}  # (the whole numbers earlier equations give names read as any number)
        exampled: dict[int, list[str]] = {}  # names a definition brings to one side of a link in an example
        for n in range(len(chain.relations)):
            lonely_arrays: set[str] = set()
            both: set[str] = set()
            present = [_free_names(values[m].expr) if values[m] is not None else set() for m in (n, n + 1)]
            lonely = sorted(g for g in per_term[n] ^ per_term[n + 1] if values[n] is not None and g != point
                            and values[n + 1] is not None and (g in present[0]) != (g in present[1]))
            if values[n] is not None and values[n + 1] is not None:
                # I_cm + M L^2 = 13/12 M L^2 of I_cm = \int \lambda x^2 dx ("density $\lambda$, that is $M/L$"): a
                # number the words give a value derive does not read, which a definition brings to one side only, is
                # as lonely as one written there
                written_here = {symbol_name(g) for m in (n, n + 1) for g in names_in(chain.terms[m].text)}
                texts = [chain.terms[n].text, chain.terms[n + 1].text]
                brought = [self.reader.values[key] for key in sorted(self.reader.values) if self.reader._in_force(key)
                           and (key in written_here or _label_written(key, texts))]
                through = {str(x) for v in brought for x in getattr(v, "expr", sp.S.Zero).free_symbols
                           if isinstance(x, sp.Symbol) and not isinstance(x, (sp.Idx, sp.Dummy)) and x.is_integer is not True}
                # (and the names a function the link applies holds: f(x) = alpha (e^x - 1), "with $\alpha$ set to $2$")
                through |= {str(x) for g in written_here & set(self.reader.lambdas) if self.reader._in_force(g)
                            and isinstance(self.reader.lambdas[g], sp.Lambda)
                            for x in self.reader.lambdas[g].free_symbols
                            if isinstance(x, sp.Symbol) and not isinstance(x, (sp.Idx, sp.Dummy))
                            and x.is_integer is not True and str(x) in self.set_in_words}
                lonely = sorted(set(lonely) | {g for g in through if (g in present[0]) != (g in present[1])
                                               and g not in written_here
                                               and (g in self.worded or self._statistic_of_data(g))})
                # (a matrix the words build, "$a$ and $b$ as the columns of $A$", on one side only: never any matrix)
                # (of given vectors: "$x_1, \dots, x_n$ stacked as the rows of $X$" builds any X, and a refutation stands)
                built = {g for g in present[0] ^ present[1] if self._built_of_given(symbol_name(g))}
                lonely = sorted(set(lonely) | built)
                example = _example_paragraph(self.lines.text, chain.offset)
                if example:
                    # "**Example.** For $B = ...$, ... $p(\lambda) = (\lambda - 1)^2 (\lambda - 3)$" of a p defined
                    # from A: the example's matrix is meant, not every A; a name a definition brings to one side only
                    # (a name the example's paragraph writes, "Take $w = 0$", is one it gives: those are read)
                    said = {symbol_name(g) for g in names_in(" ".join(re.findall(r"\$+([^$]+)\$+", example)))}
                    # (nor a size, N, whose value the example gives with the numbers it writes out)
                    whole = {str(x) for m in (n, n + 1) for x in values[m].expr.free_symbols if x.is_integer}
                    exampled[n] = sorted(g for g in present[0] ^ present[1] if g not in written_here and g not in lonely
                                         and g not in said and g not in whole and re.fullmatch(r"[A-Za-z][A-Za-z0-9_]*", g))
                # (and one the words give a meaning, "$q$ denotes $1 - p$", on both sides too: never any number)
                lonely = sorted(set(lonely) | {g for g in present[0] | present[1] if symbol_name(g) in self.worded_meaning
                                               and g not in self.reader.values})
                stale = self._stale_definitions(written_here, texts)
                if stale:
                    # L = \sum_i p_i l_i (line 3), then "with $l_i = \log(1/q_i)$" (line 34): L as read holds l free,
                    # never the l defined after it; a refutation at some other l is none
                    lonely_links[n] = "; ".join(stale)
            if values[n] is not None and values[n + 1] is not None:
                # a vector or matrix typed only from its use, which a chain gives a meaning derive does not read, on
                # one side only: C_{ij} = (-1)^{i+j} M_{ij} says what C is, and no author means "every C"
                # (on both sides as well: h_ii (1 - h_ii) = h_ii - h_ii^2 holds of every h, and a refutation for any h
                # says nothing of the h the document means)
                arrays = [self._undeclared_arrays(values[m].expr) for m in (n, n + 1)]
                written = [{symbol_name(g) for g in names_in(chain.terms[m].text)} for m in (n, n + 1)]
                # (and one the words describe, "Let $Q$ be the matrix with columns $u_1, u_2, u_3$": Q^{-1} = Q^T is
                # about that Q, never every Q)
                described = {g for g in arrays[0] & arrays[1] if g in self.worded_arrays}
                both = arrays[0] & arrays[1] & written[0] & written[1] & (self.left_named | described)
                lonely_arrays = (arrays[0] ^ arrays[1]) | both
                # (and a vector only the built-in default types, which a chain the reader does not take as its
                # definition gives a meaning, on one side only: y_j = 3/4 of y_j = sigma(x_j), x_j = sum_i y_i w_ji)
                defaults = [self._default_arrays(values[m].expr) for m in (n, n + 1)]
                lonely_arrays |= defaults[0] ^ defaults[1]
                lonely = sorted(set(lonely) | lonely_arrays)
            a, b = values[n], values[n + 1]
            typed = set(self.reader.inferred) | set(self.reader.typed_from_use) | set(self.reader.used_families)
            if n == 0 and not link_problems[0] and not self.defined:
                taken = self._taken_back_on_its_line(chain)
                if taken:
                    link_problems[0] = taken
            arrays_at = [v is not None and (v.is_vector or v.is_matrix) for v in (a, b)]
            if not link_problems[n] and a is not None and b is not None and arrays_at[0] != arrays_at[1] \
                    and a.misfit is None and b.misfit is None \
                    and names_in(chain.terms[n if arrays_at[0] else n + 1].text) & typed:
                # m_1 = 0.1 g, g read as a vector from its use (g_t): the shape is a guess, never a refutation (a
                # default's, theta a vector of the classes, is the document's where it says nothing); so is a
                # Jacobian's, d/dx of a "scalar block" whose x is bold, a vector, in another display
                kind = "vector" if (a if arrays_at[0] else b).is_vector else "matrix"
                link_problems[n] = (f"one side is a number and the other a {kind}, and the {kind}'s shape is guessed "
                                    "(a default, or from the names' use): declare it (\"$g \\in \\mathbb{R}^n$\", "
                                    "\"$g \\in \\mathbb{R}$\")")
            for m, v, w in ((n, a, b), (n + 1, b, a)):
                alone = chain.terms[m].text.strip()
                if not link_problems[n] and v is not None and w is not None and v.is_vector and not (
                        w.is_vector or w.is_matrix or w.row) and re.fullmatch(r"\\?[A-Za-z]+", alone) \
                        and len(names_in(alone)) == 1 and symbol_name(next(iter(names_in(alone)))) in \
                        getattr(self.reader, "entry_formulas", {}):
                    # "n_k = |S_k|", then "with $n = \sum_k n_k$": the total under the letter of the counts, a number
                    # of its own, never the vector of them
                    link_problems[n] = (f"{alone} is the vector whose entries the document defines ({alone}_k = ...), "
                                        "and the other side a number: a number of its own under the same letter? use "
                                        "another name for it")
            for m, v in ((n, a), (n + 1, b)):
                if not link_problems[n] and v is not None and v.misfit is not None \
                        and {symbol_name(g) for g in names_in(chain.terms[m].text)} & typed:
                    # tr(G^T dB A) of a G typed N x N from its use elsewhere: a product that does not fit under a
                    # guessed shape says nothing of the shapes the document means
                    link_problems[n] = ("the shapes in a product here do not fit, and a shape is guessed (a default, or "
                                        "from the names' use): declare the names' shapes (\"$G \\in \\mathbb{R}^{d "
                                        "\\times k}$\")")
            if not link_problems[n] and a is not None and b is not None and self.bold_numbers and (
                    (a.is_vector, a.is_matrix, a.row, a.size) != (b.is_vector, b.is_matrix, b.row, b.size)
                    or a.misfit is not None or b.misfit is not None):
                # F(phi) x = 2 (u^T x) u - x, x never declared: a bold x is a vector, not the number it is read as
                # (named as read: d_1 of \mathbf{d}_1)
                named = sorted({g for g in per_term[n] | per_term[n + 1] for b in self.bold_numbers
                                if g == b or g.startswith(b + "_")} or self.bold_numbers)
                link_problems[n] = (f"{', '.join(named)} in bold {'is' if len(named) == 1 else 'are'} read as a number "
                                    "(never declared), and the shapes here differ: a bold letter is usually a vector; "
                                    f"declare it (\"$\\mathbf{{{sorted(self.bold_numbers)[0]}}} \\in \\mathbb{{R}}^n$\")")
            if not link_problems[n] and a is not None and b is not None and a.is_vector and b.is_vector \
                    and a.size != b.size and (guessed_length[n] or guessed_length[n + 1]):
                # lengths that differ, one of them guessed (a default, or typed from use): no refutation by shape
                link_problems[n] = (f"the sides are vectors of lengths {a.size} and {b.size}, and a length here is "
                                    "guessed (a default, or from the names' use): declare the vectors' sizes "
                                    "(\"$h \\in \\mathbb{R}^m$\")")
            if not link_problems[n] and values[n] is not None and values[n + 1] is not None:
                for m, other in ((n, n + 1), (n + 1, n)):
                    free_other = {str(s) for s in values[other].expr.free_symbols if isinstance(s, sp.Idx)}
                    alone = sorted(excluded[m] - free_other)
                    if alone:
                        j = alone[0]
                        link_problems[n] = (f"a sum over the indices other than {j}, with {j} free on one side only: "
                                            f"a sum over pairs? write \\sum_{{{j}}} \\sum_{{i \\neq {j}}} for the pairs, "
                                            f"or say which {j} (\"for a fixed ${j}$\")")
                        break
            functions = [_undefined_functions(values[m].expr) if values[m] is not None else set() for m in (n, n + 1)]
            alone = sorted(functions[0] ^ functions[1]) if values[n] is not None and values[n + 1] is not None else []
            ended = [g for g in alone if self.reader.defined_until.get(symbol_name(g), line + 1) <= line]
            if not link_problems[n] and ended and not (n == 0 and self.defined):
                # g(x) = 1/x in one part, g(x) = sqrt(x) in the next, g''(0.5) in a third that defines no g
                g = ended[0]
                link_problems[n] = (f"{g} is defined anew in earlier parts (the last on line "
                                    f"{self.reader.defined_at.get(symbol_name(g), '?')}), and not in this one: which "
                                    f"of its meanings is used here is not read; define {g} again here")
            if not link_problems[n] and alone and not (n == 0 and self.defined):
                # f(z) = log(1 + e^{-z}) with f never defined: no author means "for every function f"
                names = ", ".join(alone)
                link_problems[n] = (f"the function{'s' if len(alone) > 1 else ''} {names} "
                                    f"{'is' if len(alone) == 1 else 'are'} never defined and stand"
                                    f"{'s' if len(alone) == 1 else ''} on one side only: as read, the claim would "
                                    f"hold for every function {names}; define it first (\"$f(x) = ...$\" in the text "
                                    "or a display of its own)")
            left_name = chain.terms[n].text.strip()
            if not link_problems[n] and values[n] is not None and values[n + 1] is not None and not lonely \
                    and re.fullmatch(r"\\?[A-Za-z]+", left_name) and symbol_name(left_name) in per_term[n] \
                    and symbol_name(left_name) in per_term[n + 1] and not (n == 0 and self.defined):
                # I = e^pi + 1 - I, of an I the document names in words ("calling the integral I"): an equation the
                # value of I solves, never a claim for every I
                lonely_links[n] = (f"an equation in {left_name}, never declared, alone on the left and again on the "
                                   f"right: an equation its value solves rather than a claim for every {left_name}; "
                                   f"say what {left_name} is (\"where ${left_name} = ...$\")")
            if values[n] is not None and values[n + 1] is not None:
                # \cos x^* = x^*, x^* never declared: a starred name is a particular value (a fixed point, an
                # optimum) the words describe, on one side or both; only a proof for every value of it stands
                lonely = sorted(set(lonely) | {g for g in per_term[n] | per_term[n + 1] if g.endswith("star")
                                               and (g in present[0] or g in present[1])})
                # 3x^2 + 3y^2 y' = 3a(y + x y') "with y a function of x": y' read as a number is the derivative of a y
                # the document gives no formula (implicitly, on a curve): never any number, on one side or both
                primed = {g for g in present[0] | present[1] if g.endswith("'")} if self.differentiating else set()
                lonely = sorted(set(lonely) | primed)
                # \bar x of data x_i ("with means $\bar x$ and $\bar y$"), never defined: their mean, on one side or
                # both (directly or through a definition, S_xx = \sum_i (x_i - \bar x)^2): never any number
                numbers = {str(x) for m in (n, n + 1) for x in values[m].expr.free_symbols
                           if isinstance(x, sp.Symbol) and not isinstance(x, sp.Indexed)} \
                    - {str(b.label) for m in (n, n + 1) for b in values[m].expr.atoms(sp.IndexedBase)}
                statistics = sorted(g for g in (present[0] | present[1]) & numbers
                                    if g.endswith("bar") and self._statistic_of_data(g))  # (never a vector y-bar_j)
                lonely = sorted(set(lonely) | set(statistics))
            else:
                statistics = []
            # a name the step's condition is about (x > 0) is one the document speaks of
            # (and one a condition fixes, p = 1/2)
            fixed_here = {symbol_name(c.left) for c in ranges} | {
                symbol_name(c.left) for c in conditions if c.equal and (c.value or c.fraction is not None)}
            lonely = [g for g in lonely if g not in fixed_here or g in self.set_in_words]
            # (det(X^T X) = n sum_j x_j^2 - (sum_j x_j)^2 "for simple regression, an intercept and one regressor x": a
            # declared matrix X and a declared vector x of one letter, which the words may relate, x a column or a
            # row of X; never two free arrays)
            named = present[0] | present[1]
            kin = sorted(m for m in named if len(m) == 1 and m.isupper() and m.lower() in named
                         and self.notation.kind_of(m) == "matrix" and self.notation.kind_of(m.lower()) == "vector")
            if not link_problems[n] and kin and not (n == 0 and self.defined):
                lonely_links[n] = (f"{lonely_links[n]}; " if n in lonely_links else "") + "; ".join(
                    f"that the words may make ${m.lower()}$ a column or a row of ${m}$"
                    for m in kin)
            if not link_problems[n] and lonely and not (n == 0 and self.defined):
                # 1 + e^{-x} = 1 + e^{r}, r never said: the author may mean something by r, so only a proof for
                # every value of it stands (cosh^2 x - sinh^2 x = 1); a refutation is unknown, naming it
                names = ", ".join(shown_name(g) for g in lonely)
                what = "value" if set(lonely) & lonely_arrays else "number"
                starred = any(g.endswith("star") and g in present[0] and g in present[1] for g in lonely)
                derived = any(g.endswith("'") for g in lonely)
                statistic = set(lonely) <= set(statistics)
                worded = all(symbol_name(g) in self.worded for g in lonely)
                if all(self._built_of_given(symbol_name(g)) for g in lonely):
                    lonely_links[n] = (f"{lonely_links[n]}; " if n in lonely_links else "") + (
                        f"the value of {names}, which the words build (of columns or rows) and derive does not read (read "
                        f"as any matrix, so only a proof for every value stands; write {'it' if len(lonely) == 1 else 'them'} "
                        "out: \"$A = \\begin{pmatrix} ... \\end{pmatrix}$\")")
                else:
                    lonely_links[n] = (f"{lonely_links[n]}; " if n in lonely_links else "") + (f"a meaning for {names}, never declared and "
                                       f"{'given by a formula that is not read' if both else 'given a value in the words that is not read' if worded else 'a particular value (starred)' if starred else 'a derivative (primed) of a name given no formula' if derived else 'a statistic of the data (their mean, an estimate) that is not read' if statistic else 'on one side only'} (read as any "
                                       f"{what}, so only a proof for every value stands; say what "
                                       f"{'it is' if len(lonely) == 1 else 'they are'}: \"where $r = ...$\", "
                                       f"\"let $r \\in \\mathbb{{R}}$\")")
            given = self._given_by_unread_equation(per_term[n] | per_term[n + 1], present[0] | present[1], line) \
                if not link_problems[n] and values[n] is not None and values[n + 1] is not None \
                and not (n == 0 and self.defined) else {}
            # (a declared number's range, sigma > 0, fixes no value: the equation's value still counts)
            set_equal = {symbol_name(c.left) for c in conditions if c.equal and (c.value or c.fraction is not None)}
            given = {g: at for g, at in given.items() if g not in lonely and (
                g not in fixed_here or g in {symbol_name(x) for x in self.reader.stated} and g not in set_equal)}
            if given:
                # \hat\theta = S/(2n) said, then \hat\theta = 18/8 for the data: neither read as its definition here,
                # and l''(\hat\theta) read with \hat\theta any number is no claim about the estimate
                names = ", ".join(f"${shown_name(g)}$ (line {at})" for g, (at, _) in sorted(given.items()))
                whole = all(value is not None for _, value in given.values())
                lonely_links[n] = (f"{lonely_links[n]}; " if n in lonely_links else "") + (
                    f"a meaning for {names}, which the document gives by an equation not read as the definition in force "
                    "here (read as any number, so only a proof for every value stands"
                    + (", and a refutation where it is one at the number the equation gives too)" if whole else ")"))
                if whole:
                    given_values[n] = tuple((symbol_name(g), (value,)) for g, (_, value) in sorted(given.items()))
            point = self._value_at_a_point(chain, n, values, fixed_here, line) \
                if not link_problems[n] and n not in lonely_links and values[n] is not None \
                and values[n + 1] is not None and not (n == 0 and self.defined) else None
            if point:
                lonely_links[n] = point
            before = (self._example_before(values[n], values[n + 1], line)
                      or self._defined_out_of_force(values[n], values[n + 1], line)) \
                if not link_problems[n] and n not in lonely_links and values[n] is not None \
                and values[n + 1] is not None and not (n == 0 and self.defined) else None
            if before:
                lonely_links[n] = before
            unsaid = self._class_unsaid(values[n], values[n + 1]) \
                if not link_problems[n] and n not in lonely_links and values[n] is not None \
                and values[n + 1] is not None and not (n == 0 and self.defined) else None
            if unsaid:
                lonely_links[n] = unsaid
            if not link_problems[n] and exampled.get(n) and not (n == 0 and self.defined):
                names = ", ".join(f"${shown_name(g)}$" for g in exampled[n])
                lonely_links[n] = (f"{lonely_links[n]}; " if n in lonely_links else "") + (
                    f"the values an example means for {names}, which a definition brings to one side only (the "
                    "paragraph opens as an example, whose values are not read)")
        family = _ENTRY_AT_LETTERS.fullmatch(chain.terms[0].text) if link_problems and link_problems[0] else None
        if family and not self.defined and chain.relations[0] == "=" and family.group(1) not in self.unreadable_definitions \
                and (self.reader.defined_at.get(symbol_name(family.group(1))) or line + 1) > line \
                and all(self.notation.size_of_index(x) is not None for x in family.groups()[1:] if x):
            # "so $c_j = u_j \cdot x$" not read: c is the document's, and "c_2 = (6 + 0 + 12)/3" after it is a claim
            # about it, never c_2's definition (see _steps)
            self.unreadable_definitions[family.group(1)] = (line, link_problems[0])
        for n in range(len(chain.relations)):
            ident = [m for m in (n, n + 1) if m in self.identity_terms]
            other = values[n + n + 1 - ident[0]] if len(ident) == 1 else None
            if other is not None and not link_problems[n] and n not in lonely_links \
                    and any(len(a.indices) == 2 for a in other.expr.atoms(sp.Indexed)):
                # U^T U = I of a U nothing defines: a property the document gives U (orthonormal columns) as
                # likely as a claim; a proof stands, a refutation does not
                matrices = sorted({str(a.base.label) for a in other.expr.atoms(sp.Indexed) if len(a.indices) == 2})
                lonely_links[n] = (f"this property of {', '.join(matrices)} (an equation between the identity I and a "
                                   "matrix the document does not define is as likely a supposition as a claim)")
        for n in range(len(chain.relations)):
            if line in self.set_lines and not link_problems[n] and n not in lonely_links \
                    and not (n == 0 and self.defined):
                lonely_links[n] = ("the equation the words before it set (\"setting $\\nabla L = 0$ gives\"): the link "
                                   "holds where that equation does")
            # \nabla^2 f(1, 1) = 2: the Hessian (a matrix) as read, against a number: the Laplacian may be meant
            for m, o in ((n, n + 1), (n + 1, n)):
                if not link_problems[n] and n not in lonely_links and _BARE_HESSIAN.fullmatch(chain.terms[m].text) \
                        and isinstance(values[o], V.Value) and not values[o].is_matrix:
                    lonely_links[n] = ("that \\nabla^2 of a function of several numbers is its Hessian, a matrix; "
                                       "against a number it may be the Laplacian, the sum of the second partials "
                                       "(write \\operatorname{tr} \\nabla^2 f for that)")
            # (or a function the document defines with kinks, relu6 = min(max(x, 0), 6), which the link applies)
            kinks = (sp.Piecewise, sp.Min, sp.Max, sp.Heaviside, sp.Abs)
            kinked = set(self.reader.lambdas) if any(v is not None and v.expr.has(*kinks)
                                                     for v in values[n:n + 2]) else set()
            by_cases = {name for name in set(getattr(self.reader, "functions_by_cases", ())) | kinked
                        if any(symbol_name(name) in {symbol_name(w.rstrip("'")) for w in names_in(t.text)}
                               | set(_UPRIGHT_WORD.findall(t.text))  # (\operatorname{selu}: a word names_in leaves out)
                               for t in chain.terms[n:n + 2])}
            if (line in self.sided_lines or by_cases and not ranges and line not in self.global_lines) \
                    and not link_problems[n] \
                    and n not in lonely_links and not (n == 0 and self.defined):
                # (a claim said of one case of a function the document defines by cases, "on the middle piece",
                # "for m > 1" in words derive does not read, is refuted elsewhere: the case it holds on is named)
                case = _holds_on_a_case(values[n], values[n + 1])
                if case and line in self.sided_lines:
                    lonely_links[n] = (f"the link holds where {case} (a case of a function defined by cases), and "
                                       "the words before it speak of one side or case only: which one is not read; "
                                       "say it (\"for $x < 0$\")")
                elif case:
                    lonely_links[n] = (f"the link holds where {case} (a case of a function defined by cases): if it is "
                                       "said of that case, say so beside it (\"for $x < 0$\")")
            if not link_problems[n] and n not in lonely_links and not (n == 0 and self.defined):
                number = _number_for_hidden_values(chain, n, values, {symbol_name(c.left) for c in conditions
                                                                                  if c.value and c.equal}
                                                   | {str(d.name.label) for d, _, _ in self.example_entries},
                                                   frozenset(self.reader.matrix_functions),
                                                   frozenset(symbol_name(n) for n in self.reader.said_names)
                                                   | self.ranged_names)
                if number:
                    lonely_links[n] = number
                    named = lone_name_key(chain.terms[n].text) or lone_name_key(chain.terms[n + 1].text)
                    # (what the name's formulas are written in, which this chain hides)
                    hidden = {x for x in self.left_formulas.get(symbol_name(named), set())
                              if x not in NUMERIC_WORDS and x != symbol_name(named)} \
                        if named is not None else set()
                    if hidden and named not in self.numbered_names:
                        # (S = \frac{1}{3} [[5, 4], [4, 5]] of an S defined from data not read: the claims after it
                        # that hold S may be at those numbers, see _Builder._numbered_held)
                        self.numbered_names[named] = (line, hidden)
        tie = self._tie(chain, values) if not link_problems[0] and 0 not in lonely_links and not self.defined else None
        if tie:
            lonely_links[0] = tie
        entry = _ENTRY_LEFT.fullmatch(chain.terms[0].text) if context is not None and context.inline else None
        if entry and not self.defined and not link_problems[0] \
                and entry.group(1) not in self.reader.stated and symbol_name(entry.group(1)) not in self.reader.values \
                and entry.group(1) not in self.reader.lambdas \
                and symbol_name(entry.group(1)) not in self.reader.size_sequences \
                and re.search(r"(?<![A-Za-z\\])" + entry.group(2) + r"(?![A-Za-z])", chain.terms[1].text) \
                and not re.search(r"\\(?:sum|prod)", chain.terms[1].text):
            # "nodes $x_j = a + j \delta$" in the prose, of an x written before: the entries of x defined by this
            # formula, as such words mean, or a claim about the x used before? Only a proof stands (the reason named
            # before any other that holds a refutation back)
            name = shown_name(entry.group(1))
            lonely_links[0] = (f"that ${' '.join(chain.latex.split()) if len(chain.terms) == 2 else entry.group(0).strip()}$ "
                               f"defines the entries of {name}, as an equation in the prose usually does, though {name} "
                               "is written before (a new quantity is clearer with a new letter)")
        for n in range(len(chain.relations)):
            if not link_problems[n] and n not in lonely_links and not (n == 0 and self.defined) \
                    and values[n] is not None and values[n + 1] is not None:
                sizes = {str(x) for x in self.reader.sizes.values()}
                apart = [_quantities(values[m].expr) - sizes for m in (n, n + 1)]
                written = [chain.terms[m].text for m in (n, n + 1)]
                r = self.reader
                defined = {w for t in written for w in names_in(t)
                           if (symbol_name(w.rstrip("'")) in r.values or symbol_name(w.rstrip("'")) in r.lambdas
                               or symbol_name(w.rstrip("'")) in r.matrix_values)
                           and r._in_force(symbol_name(w.rstrip("'")))}
                if apart[0] and apart[1] and not apart[0] & apart[1] and not defined \
                        and not any(re.search(r"\\partial|\\nabla|\\frac\s*\{\s*d|'|\\sum|\\prod|\\int", t) for t in written) \
                        and all(values[m].misfit is None and not values[m].is_matrix for m in (n, n + 1)):
                    # \pi_2 c = \pi_3 d "by detailed balance": sides with no name in common relate different
                    # quantities, as what the document supposes may give; never an identity in them
                    lonely_links[n] = (f"the sides share no name ({', '.join(sorted(apart[0]))} against "
                                       f"{', '.join(sorted(apart[1]))}): an equation between different quantities, "
                                       "which what the document supposes may give, rather than a claim for every value")
        if last_defined and len(chain.relations) > 1:
            link_problems[-1] = (f"the definition of {last_defined} is not checked; {last_defined} has this "
                                 "meaning from here on")
        readings = context.readings + tuple(Reading("condition", f"under the condition {c.text}", self.lines.of(c.offset))
                                            for c in conditions if not c.example)
        for at in sorted({self.lines.of(c.offset) for c in conditions if c.example and self.notation.kind_of(c.left) != "size"}
                         | {at for _, _, at in self.example_entries}):
            values = ", ".join([f"{c.left} = {c.right}" for c in conditions if c.example and self.lines.of(c.offset) == at
                                and self.notation.kind_of(c.left) != "size"]
                               + [text for _, text, line_at in self.example_entries if line_at == at])
            readings += (Reading("condition", f"at ${values}$, the values line {at} gives the example of its paragraph",
                                 at),)
        if self.entry_axis is not None:
            readings += (Reading("inferred", f"the vector sides are read entry by entry, at ${self.entry_axis}$, the free "
                                             "index of the other side", line),)
        readings += self.reader.readings(guessed, [t.text for t in chain.terms]) + self.rehomed_readings
        undefined = sorted(set().union(*(_undefined_functions(v.expr) for v in values
                                         if v is not None and isinstance(getattr(v, "expr", None), sp.Basic))))
        valued_only = None
        worded = [self.worded_functions[n] for n in undefined if n in self.worded_functions
                  and self.worded_functions[n][0] <= line]
        if undefined:
            names = ", ".join(f"${shown_name(n)}$" for n in undefined)
            readings += (Reading("guess", f"{names} {'is' if len(undefined) == 1 else 'are'} read as any function "
                                          "(never defined): the claim is checked for every such function", line),)
        if worded:
            at, text = worded[0]
            valued_only = f"{text} (line {at}), a definition in the words that is not read"
        elif undefined:
            exprs = [v.expr for v in values if v is not None and isinstance(getattr(v, "expr", None), sp.Basic)]
            if not any(e.has(sp.Derivative, sp.Subs, sp.Integral) for e in exprs):
                # S(n, k) = k S(n - 1, k) + S(n - 1, k - 1), S(5, 3) = 25: values of a function the words may
                # give ("the number of ways ... is $S(n, k)$"), never a rule every function obeys (as the product
                # rule is): a proof stands, a refutation for some function is none
                valued_only = (f"{names}, never defined, as the function the words may give: a claim about "
                               f"{'its' if len(undefined) == 1 else 'their'} values at several points holds of that "
                               "function or not, whatever other functions do")
            elif not any(a.has(AppliedUndef) for e in exprs for f in e.atoms(AppliedUndef) for a in f.args) \
                    and not any(_said_arbitrary(self.lines.text, f, self.lines.starts[min(line, len(self.lines.starts)) - 1])
                                for f in undefined) \
                    and all(_mentioned(self.lines.text, f) or any(k.startswith(f"{f}_") for k in self.reader.lambdas)
                            for f in undefined) \
                    and _differences_hold_functions(exprs):
                # phi'(x) = -x phi(x), s'(x) = s(x) + sigma(x)(1 - s(x)): a function the document never defines
                # but its words name ($\varphi$ alone in a sentence; s beside the s_beta it defines), related to
                # its own derivatives, is the one the words may give (the normal density, swish), no rule every
                # function obeys (the chain rule of f(g(x)) is one, and a
                # function "any differentiable f" is any): a proof stands, a refutation for some function is none
                # (where a side minus the next holds no such function, d/dx [f(x) + 3x] = f'(x), it is false for
                # every function, and so refuted)
                valued_only = (f"{names}, never defined, as the function the words may give: a relation between it "
                               "and its derivatives holds of that function or not, whatever other functions do")
        if self.guessed_vectors:
            names = sorted(self.guessed_vectors)
            readings += (Reading("guess", f"{', '.join(f'${n}$' for n in names)} {'is' if len(names) == 1 else 'are'} read "
                                          f"as {'a vector' if len(names) == 1 else 'vectors'} by {'its' if len(names) == 1 else 'their'} "
                                          "entries (not declared)"),)
        if self.einstein_line is not None and any(re.search(r"_\s*\{?\s*[a-z]", t.text) for t in chain.terms):
            readings += (Reading("declaration", "an index written twice in a product is summed over its range "
                                                "(Einstein's convention, as the document says)", self.einstein_line),)
        if self.layout_conflict and any("layout" in r.text for r in readings):
            return [self._problem(self.label(chain, line), chain.latex or " ".join(t.text for t in chain.terms), line,
                                  f"the derivative of a vector by a vector depends on the layout, and the document "
                                  f"says two ({self.layout_conflict}): say which one it uses")]
        if self.layout_line is not None:  # the layout the prose says, with its line
            readings = tuple(dataclasses.replace(r, text=r.text.replace("as the notation declares", "as the document says"),
                                                 line=self.layout_line)
                             if r.kind == "declaration" and r.line is None and "layout" in r.text else r for r in readings)
        equal, distinct, fixed = self._assumed(conditions)
        reading = "; ".join(r.text for r in readings)
        texts = tuple(t.text for t in chain.terms)
        positions = tuple(self.lines.position(t) for t in chain.terms)
        end_line = self.lines.end(chain.terms[-1])
        either = tuple((n, str(self.reader.size_symbol(s))) for n in sorted(used & set(self.reader.either))
                       for s in dict.fromkeys(self.reader.either[n]))
        scalars = tuple(sorted(symbol_name(g) for g in guessed))
        if not any(link_problems) and not lonely_links:
            return [Step(label=self.label(chain, line), latex=chain.latex, terms=tuple(sides), either=either,
                         guessed_scalars=scalars,
                         expect=tuple(_expect(a, b) for a, b in zip(sides, sides[1:])),
                         ends=_expect(sides[0], sides[-1]) if len(sides) > 2 else None,
                         assume=self._assume(sides, equal, distinct, fixed), line=line, reading=reading,
                         readings=readings, texts=texts, positions=positions, end_line=end_line,
                         hypotheses=(valued_only,) if valued_only else ())]
        steps = []
        for n, problem in enumerate(link_problems):
            where = self.lines.of(chain.terms[n].offset)
            suffix = f", link {n + 1}" if len(chain.relations) > 1 else ""
            latex = f"{' '.join(chain.terms[n].text.split())} {chain.relations[n]} {' '.join(chain.terms[n + 1].text.split())}"
            if problem:
                # A definition is not a claim: "not checked" is what it should get.
                expect = Verdict.UNKNOWN if (n == 0 and self.defined) or (last_defined and n == len(link_problems) - 1 and n) \
                    else Verdict.PROVED
                steps.append(self._problem(self.label(chain, line, suffix), latex, where, problem, expect,
                                           pair=chain.terms[n:n + 2], readings=readings))
            else:
                pair = (sides[n], sides[n + 1])
                steps.append(Step(label=self.label(chain, line, suffix), latex=latex, terms=pair, either=either,
                                  guessed_scalars=scalars,
                                  expect=(_expect(*pair),), assume=self._assume(pair, equal, distinct, fixed), line=where,
                                  reading=reading,
                                  readings=readings, texts=texts[n:n + 2], positions=positions[n:n + 2],
                                  end_line=self.lines.end(chain.terms[n + 1]),
                                  hypotheses=((lonely_links[n],) if n in lonely_links else ())
                                  + ((valued_only,) if valued_only else ()),
                                  refute_at=tuple((name, values, lonely_links[n]) for name, values in given_values.get(n, ()))))
        return steps

    def _about_the_name_alone(self, chain: Chain, context, c, key: str) -> list[Step] | None:
        """The chain's steps with the defined name ``key`` read as any number, under the condition ``c`` on it, when
        nothing the chain writes (nor any definition it uses) holds what the name's definition is made of: a proof
        then holds of the defined name too, and a refutation is withheld. None otherwise."""
        r = self.reader
        if getattr(self, "_freeing", False) or not isinstance(r.values.get(key), V.Value) or r.values[key].is_vector \
                or r.values[key].is_matrix:
            return None
        sizes = {str(x) for x in r.sizes.values()}  # (the length d of w is no name of m's: d/dm writes a d)
        made_of = {str(x) for x in r.values[key].expr.free_symbols if not isinstance(x, (Idx, sp.Indexed))} | {
            str(b.label) for b in r.values[key].expr.atoms(sp.IndexedBase)}
        made_of -= sizes
        written = set().union(*(names_in(t.text) for t in chain.terms)) - {c.left}
        if {symbol_name(n) for n in written} & made_of:
            return None
        hidden = [(table, key, table.pop(key)) for table in (r.values, r.shallow) if key in table]
        self._freeing = True
        try:
            made = self._steps_read_as_bound(chain, context)
        finally:
            self._freeing = False
            for table, name, value in hidden:
                table[name] = value
        if any(step.problem for step in made):
            return None
        held = set().union(*({str(x) for x in side.expr.free_symbols} | {str(b.label) for b in side.expr.atoms(sp.IndexedBase)}
                             for step in made for side in step.terms))
        if held & made_of:
            return None  # (a definition the chain uses holds what the name is made of: not about the name alone)
        at = r.defined_at.get(key)
        return _supposing(made, f"${c.left}$ as line {at} defines it, of which the condition {c.text} says more than "
                                "derive reads",
                          Reading("inferred", f"${c.left}$ is read as any number with {c.text}, though line {at} defines "
                                              f"it: the step is about {c.left} alone, so a proof stands, a refutation "
                                              "does not", at))

    def _tie(self, chain: Chain, values) -> str | None:
        """eta = log(p / (1 - p)) of an eta the prose declares (eta in R) and nothing defines, with p a name of its
        own: the link ties the two, a definition in all but name; refuted only as read, where they are independent."""
        first = chain.terms[0].text
        names = names_in(first)
        if len(names) != 1 or not _BARE_NAME.match(first) or "(" in first or values[0] is None or values[1] is None:
            return None
        (name,) = names
        x = values[0].expr
        others = sorted(str(s) for s in values[1].expr.free_symbols if not isinstance(s, sp.Idx))
        if name not in self.reader.stated or symbol_name(name) in self.reader.values or not isinstance(x, sp.Symbol) \
                or values[0].is_vector or x in values[1].expr.free_symbols or not others:
            return None
        return (f"that ${name}$, which it declares on its own, is tied to {', '.join(others)} by this link (a definition "
                f"of {name}? say \"where ${name} = ...$\", or define it before it is declared)")

    def _note_unreadable_chain(self, chain: Chain) -> None:
        """``h_t = w h_{t-1} + u x_t, t = 1, ..., T``, a display not read at all, opening with an undeclared name
        (or its entry) that nothing defines: the document defines the name there, so no later display reads it as
        a name of its own."""
        if not chain.terms or (chain.relations and chain.relations[0] != "=") or self.defined:
            return
        # (a display not cut into terms holds its whole text in one)
        first = chain.terms[0].text if chain.relations else chain.terms[0].text.split("=")[0]
        m = re.fullmatch(r"\s*(\\?[A-Za-z]+)\s*(?:_\s*\{?\s*[A-Za-z]\s*\}?)?\s*", first)
        if not m:
            return
        name = m.group(1)
        if self.notation.kind_of(name) is not None and name not in self.reader.inferred \
                or symbol_name(name) in self.reader.values or name in self.seen_names \
                or name in self.unreadable_definitions:
            return
        self.unreadable_definitions[name] = (self.lines.start(chain.terms[0]), chain.problem)
        self._maybe_a_number(name, chain)

    def _means_given(self, chain: Chain, made: list[Step]) -> list[tuple[str, str]]:
        """"both have mean $\\bar r = \\frac{n + 1}{2}$": a bar over a vector's name given a formula free of the
        vector says what the vector's mean is, which its entries, read as any numbers, need not have. A claim holding
        both is about such vectors only: (the vector, what it supposes)."""
        out = []
        held = {str(b.label) for step in made for side in step.terms if side is not None
                for b in side.expr.atoms(sp.IndexedBase)}
        written = {symbol_name(n) for t in chain.terms for n in names_in(t.text)}
        for base in sorted(held):
            bar = f"{base}bar"
            value = self.reader.values.get(bar)
            expr = getattr(value, "expr", None)
            if bar not in written or not isinstance(expr, sp.Expr) or any(str(b.label) == base
                                                                      for b in expr.atoms(sp.IndexedBase)):
                continue
            at = self.reader.defined_at.get(bar)
            out.append((base, f"the mean of ${base}$ is $\\bar{{{base}}} = {sp.latex(expr)}$" + (f" (line {at})" if at else "")
                       + f": the entries of {base}, read as any numbers, need not have it"))
        return out

    def _defined_through_unread(self, chain: Chain, line: int, problem: str) -> None:
        """``s_j^2 = \\frac{1}{n_j - 1} \\sum_i (x_{ji} - \\bar x_j)^2`` beside a \\bar x_j not read: a fresh name
        opening the chain is the document's too, defined by a formula that is not read; a later display means it,
        never a name of its own (s_1^2 = 2.5 is not refuted for every s)."""
        if len(chain.terms) < 2 or not chain.relations or chain.relations[0] != "=":
            return
        m = _DEFINED_THROUGH.fullmatch(chain.terms[0].text)
        applied = _APPLIED_NAME.match(chain.terms[0].text) if not m else None
        heads = names_in(applied.group(1)) if applied else ()
        if not m and len(heads) != 1:
            return
        # (g(x) = \sum_k f(t_k) \varphi(...) beside a \varphi not read: g is the document's function, never one a later
        # example's display gives anew while the words draw it from g's formula)
        name = m.group(1) if m else next(iter(heads))
        if self.defined and symbol_name(self.defined) != symbol_name(name):
            return
        defined = self.reader.defined_at.get(symbol_name(name))
        # (a kind only the built-in defaults give, c a constant, is no declaration: registering only refuses more)
        if self.notation.kind_of(name) is not None and name not in self.reader.inferred \
                and (name in self.reader.stated or symbol_name(name) in self.reader.declared_names) \
                or symbol_name(name) in self.reader.values and (defined is None or defined < line) \
                or name in self.seen_names or name in self.unreadable_definitions or name in self.reader.stated:
            return  # (a value the reader takes from a later display, "c = (1/4, 3/4)" of an example, is no reason)
        self.unreadable_definitions[name] = (line, problem)
        self.free_when_unread.add(name)  # (read as any value where used: a proof stands, a refutation does not)

    def _maybe_a_number(self, name: str, chain: Chain) -> None:
        """``h = <a formula not read>`` with a plain name on the left and nothing in the formula that makes a vector
        or a matrix (a transpose, a bold letter, a matrix, an entrywise product): the name may later be read as any
        number (see _free_number)."""
        if re.fullmatch(r"\s*\\?[A-Za-z]+\s*", chain.terms[0].text) and chain.relations \
                and not any(_NOT_A_NUMBER.search(t.text) for t in chain.terms):
            self.free_numbers_when_unread.add(name)

    def _note_unreadable_definition(self, chain: Chain, values, reasons) -> None:
        """``name = <a formula derive cannot read>``: remember that the document defines the name. So
        does ``y_j(x) = ...`` opening the first chain that uses y, when derive cannot read it."""
        if not chain.relations or chain.relations[0] != "=":
            return
        operator = _OPERATOR_DEFINED.match(chain.terms[0].text)
        if operator and len(chain.terms) > 1:
            # D_2 f(x) = (f(x + h) - f(x))/h, \Delta f(x) = f(x + h) - f(x): an operator on functions the document
            # defines; D_2 f(0) later is that operator's value, never a number D_2 times f(0)
            name = next(iter(names_in(operator.group(1))))
            if name not in self.unreadable_definitions and name not in self.reader.stated \
                    and symbol_name(name) not in self.reader.values:
                self.unreadable_definitions[name] = (
                    self.lines.start(chain.terms[0]),
                    f"{written_name(name)} before a function's value ({' '.join(chain.terms[0].text.split())}) is an "
                    "operator on functions, which is not read")
            return
        entry = _DEFINED_ENTRY.match(chain.terms[0].text)
        if entry and (values[0] is None or values[1] is None) and not self.defined \
                and entry.group(1) not in self.seen_names and entry.group(1) not in self.unreadable_definitions:
            name = entry.group(1)
            self.unreadable_definitions[name] = (self.lines.start(chain.terms[0]), reasons[1] or reasons[0])
            self.free_when_unread.add(name)
            return
        by_entry = _ENTRY_AT_LETTERS.fullmatch(chain.terms[0].text)
        if by_entry and values[1] is None and not self.defined and len(chain.terms) > 1:
            # Y_{ij} = b + \sum_a \sum_c X_{i+a-1, j+c-1} K_{ac} not read: Y is the document's, whatever Y_{11} = 3
            # says of it later (never any Y of its declared shape)
            name = by_entry.group(1)
            letters = [x for x in by_entry.groups()[1:] if x]
            if name not in self.unreadable_definitions and symbol_name(name) not in self.reader.values \
                    and all(self.notation.size_of_index(x) is not None for x in letters):
                self.unreadable_definitions[name] = (self.lines.start(chain.terms[0]), reasons[1] or reasons[0])
                return
        applied = _APPLIED_NAME.match(chain.terms[0].text)
        heads = names_in(applied.group(1)) if applied else ()
        if applied and len(heads) == 1 and values[1] is None and not self.defined and len(chain.terms) > 1:
            # M(t) = E[e^{tX}] = ... not read: the function M is the document's, whatever M''(t) says of it later
            # (f^*(y) = \sup_x (x y - f(x)): the conjugate f^*, a name of its own)
            (name,) = heads
            if name not in self.seen_names and name not in self.unreadable_definitions and name not in self.reader.stated \
                    and not (symbol_name(name) in self.reader.lambdas and self.reader._in_force(symbol_name(name))):
                self.unreadable_definitions[name] = (self.lines.start(chain.terms[0]), reasons[1] or reasons[0])
                self.free_when_unread.add(name)  # (read as any function: a proof stands, a refutation does not)
                return
        if values[0] is None or values[1] is not None or self.defined:
            return  # (a definition the reader took, v_t = beta v_{t-1} + g_t, is read where it is used)
        left = names_in(chain.terms[0].text)
        if len(left) == 1 and _BARE_NAME.match(chain.terms[0].text) and next(iter(left)) not in self.reader.stated:
            # (GELU(x) + GELU(-x) = x erf(x) defines no x: a name alone on the left does, and not one the prose declared)
            (name,) = left
            self.unreadable_definitions[name] = (self.lines.start(chain.terms[0]), reasons[1])
            self._maybe_a_number(name, chain)

    def _held_fixed(self, values) -> tuple[str, str] | None:
        """(name, variable) of a derivative taken of a formula holding an undeclared name that some chain of the
        document gives by an equation (tau = (z_1 + z_2 - 1)/2) not read as its definition: the name may depend
        on the variable, so the derivative as read (the name a constant) is not the document's."""
        r = self.reader
        stated = {symbol_name(n) for n in r.stated}
        for v in values:
            if v is None or not v.expr.has(sp.Derivative):
                continue
            for d in v.expr.atoms(sp.Derivative):
                by = {str(x.base.label) if isinstance(x, sp.Indexed) else str(x) for x, _ in d.variable_count}
                by |= {name.split("_")[0] for name in by}  # (z_2 of a z_1 + z_2 written in the equation)
                for s in d.expr.free_symbols:
                    name = str(s)
                    if isinstance(s, sp.Symbol) and not isinstance(s, Idx) and name in self.left_named \
                            and (by & self.left_formulas.get(name, set())) - {name} \
                            and name not in r.values and name not in stated and r.notation.kind_of(name) is None \
                            and not any(s == x for x, _ in d.variable_count):
                        return name, ", ".join(f"{x.base}_{','.join(map(str, x.indices))}" if isinstance(x, sp.Indexed)
                                               else str(x) for x, _ in d.variable_count)
        return None

    def _numbered_held(self, chain: Chain, line: int) -> list[tuple[str, int]]:
        """The names a chain before this one gave in numbers that their formula hides (S = \\frac{1}{3} [[5, 4], [4, 5]]
        of an S made from data not read) which this chain writes, or writes a name made from (T = S - I), while it
        writes none of what the formula holds (a claim that writes X, or differentiates by q, is about every value of
        them): [(name, line)]."""
        if not self.numbered_names:
            return []
        written = {symbol_name(n) for t in chain.terms for n in names_in(t.text)}
        held, grown = set(written), True
        while grown:  # (the names made from them, by the equations that give a name alone on their left)
            grown = False
            for name, made_of in self.left_formulas.items():
                if name not in held and made_of & held:
                    held.add(name)
                    grown = True
        return [(n, at) for n, (at, hidden) in self.numbered_names.items()
                if at < line and symbol_name(n) in held and not hidden & written]

    _ENTRY_OF = re.compile(r"\s*(\\?[A-Za-z]+)\s*_\s*(?:[a-z]|\{\s*[a-z]\s*\})\s*")

    def _example_before(self, left, right, line: int) -> str | None:
        """"We used $A = \\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix}$" under a heading, then $5A - 2I = ...$: a
        declared name an earlier display of the same part gives an example's value, which holds in its own display
        only; the later claim may still mean it. A proof stands (it holds for every A); a refutation at another A
        says nothing. The reason, or None."""
        r = self.reader
        held = {str(x) for v in (left, right) if isinstance(getattr(v, "expr", None), sp.Basic)
                for x in v.expr.free_symbols} | {str(b.label) for v in (left, right)
                                                 if isinstance(getattr(v, "expr", None), sp.Basic)
                                                 for b in v.expr.atoms(sp.IndexedBase)}
        for key in sorted(r.examples):
            at = r.defined_at.get(key)
            if key not in held or at is None or at >= line or r._in_force(key) \
                    or any(at < h <= line for h in self.all_heading_lines):
                continue
            return (f"${shown_name(key)}$ as any of its declared size, though line {at} gives it an example's value in "
                    "this part, which this claim may still mean (a refutation at another value says nothing; name the "
                    "example: \"$A_1 = ...$\")")
        return None

    def _defined_out_of_force(self, left, right, line: int) -> str | None:
        """A name the document defines (mu = (1/N) sum_i x_i) held free by a link where its definition is not in force
        (an example gave it a number, a part ended it): read as any number there, though the document means something
        by it. A proof stands; a refutation at a value it never has says nothing. The reason, or None."""
        r = self.reader
        exprs = [v.expr for v in (left, right) if isinstance(getattr(v, "expr", None), sp.Basic)]
        arrays = {str(b.label) for e in exprs for b in e.atoms(sp.IndexedBase)}
        free = sorted({str(x) for e in exprs for x in e.free_symbols
                       if type(x) is sp.Symbol and not x.is_integer and str(x) not in arrays
                       and self.notation.kind_of(str(x)) not in ("vector", "matrix")})
        # (the first line a chain gives the name alone on its left: a later example's number may have taken its place)
        first = {key: next(at for at in lines if at < line) for key, lines in self.lone_lefts_at.items()
                 if any(at < line for at in lines)}
        # (by a formula: mu = (1/N) sum_i x_i, never z = 2, whose new number "now $z = 3$" may give it where it is read)
        numbers = getattr(self, "left_numbers", {})
        out = [g for g in free if g in r.values and g in first and not r._in_force(g) and g not in r.examples
               and first[g] not in numbers.get(g, ())]
        if not out:
            return None
        names = ", ".join(f"${shown_name(g)}$ (line {first[g]})" for g in out)
        return (f"{names} as any number, though the document defines {'it' if len(out) == 1 else 'them'} there (a "
                "refutation at a value the definition never gives says nothing)")

    def _class_unsaid(self, left, right) -> str | None:
        """-sum_k y_k log p_k = -log p_c, of a one-hot y the document never says the class of: y is read one-hot at
        the built-in class letter (t), which the document never writes, and c, free in the link, may be the class it
        means. A proof stands (it holds at every class); a refutation, which takes c elsewhere than the class, says
        nothing. The reason, or None."""
        sides = [v.expr for v in (left, right) if isinstance(getattr(v, "expr", None), sp.Basic)]
        free = {str(x): x for e in sides for x in e.free_symbols if isinstance(x, (sp.Symbol, sp.Idx))}
        sizes = {str(s) for s in getattr(self.reader, "sizes", {}).values()}
        for name, letter in sorted(self.notation.onehot.items()):
            held = [e for e in sides if any(str(b.label) == name for b in e.atoms(sp.IndexedBase))
                    or any(str(x) == name for x in e.free_symbols)]
            if not held or letter in self.math_names or name not in self.math_names:
                continue
            # (a letter the link indexes y by, y_k, is about y's entries: not the class's role)
            entries = {str(i) for e in sides for x in e.atoms(sp.Indexed) if str(x.base.label) == name
                       for i in x.indices if isinstance(i, (sp.Symbol, sp.Idx))}
            others = sorted(g for g, x in free.items() if g != letter and g not in sizes and g not in entries
                            and (isinstance(x, sp.Idx) or x.is_integer))
            if others:
                shown = ", ".join(f"${g}$" for g in others)
                return (f"${name}$ one-hot at class ${letter}$, the built-in default: the document never says at which "
                        f"class, and {shown} may be the one it means (a refutation that takes {shown} elsewhere says "
                        f"nothing; say it: \"where ${others[0]}$ is the correct class\")")
        return None

    def _value_at_a_point(self, chain, n: int, values, fixed_here: set, line: int) -> str | None:
        """"At $\\ln 3$ with label $0$ ... the loss is $\\ell = -\\log(1 - \\tfrac34)$": a name an earlier display
        defines by a formula with free names (or its entry, y_j of y_j = sigma(x_j)), given a number: its value at a
        point the words give, which is not read. A proof stands (the formula is that number everywhere); a refutation
        at another point says nothing. The reason, or None."""
        reader = self.reader
        sizes = set(getattr(reader, "sizes", {}).values())
        for m, other in ((n, n + 1), (n + 1, n)):
            v, w = values[m], values[other]
            if w.is_vector or w.is_matrix or w.row or v.misfit is not None or not isinstance(w.expr, sp.Expr) \
                    or w.expr.free_symbols or not isinstance(v.expr, sp.Expr):
                continue
            text = chain.terms[m].text
            key = lone_name_key(text.strip())
            entry = self._ENTRY_OF.fullmatch(text) if key is None else None
            if entry is not None:
                key = symbol_name(entry.group(1))
            if key is None or key not in reader.values or not reader._in_force(key) \
                    or (reader.defined_at.get(key) or line) >= line:
                continue
            free = {str(s) for s in v.expr.free_symbols
                    if type(s) is sp.Symbol and s not in sizes} | {str(b.label) for b in v.expr.atoms(sp.IndexedBase)}
            # (less what the example the chain is in gives: "Take $x = (1, 2)$ and $W = ...$, so $s = 3$")
            free -= fixed_here | set(self.example_fixed) | {str(e[0]) for e in self.example_values} \
                | {k for k in reader.examples if reader._in_force(k)}
            if not free:
                continue
            names = ", ".join(f"${shown_name(g)}$" for g in sorted(free))
            return (f"${' '.join(text.split())}$ is given a number, where its formula (line {reader.defined_at[key]}) holds {names} "
                    "free: its value at a point the words give, which is not read (a refutation at another point says "
                    "nothing; a condition says the point: \"for $x = 2$\")")
        return None

    def _given_by_unread_equation(self, guessed: set[str], present: set[str], line: int) -> dict[str, tuple]:
        """The names read here as any number (guessed) that an equation of this part before the line gives alone on
        its left (\\hat\\theta = S/(2n), p = (1 + \\sqrt{5})/2), with no definition of them in force: name -> (the
        equation's line, the whole number it gives, or None). A claim about the name means it there, so a
        refutation for every value is none (w = 2, then w + w = 3w: refuted only where it is one at w = 2 too)."""
        r = self.reader
        stated = {symbol_name(n) for n in r.stated}
        out = {}
        # (and a number the prose declares, sigma > 0, that an equation gives a value the reader does not take as its
        # definition: "noise variance $\sigma^2 = 1$" in an example)
        numbers = {g for g in present if g in stated and r.notation.kind_of(g) in (None, "scalar")
                   and not (g in r.values and r._in_force(g))}
        for g in (guessed & present) | numbers:
            if (g in stated and g not in numbers) or (g in r.values and r._in_force(g)) \
                    or r.notation.kind_of(g) not in (None, "scalar") \
                    or (r.notation.kind_of(g) == "scalar" and g not in numbers):
                continue
            # (of a declared number, only a number given it: "so $a = c^3$" is a consequence, no value)
            numbered = set(getattr(self, "left_numbers", {}).get(g, ())) if g in numbers and g not in guessed else None
            at = [(a, value) for a, value in self.left_given.get(g, ()) if (numbered is None or a in numbered) and a < line
                  and not any(a < h <= line for h in getattr(r, "heading_lines", ()))]
            # (and a number an earlier part gave the name, "**Q4.** Given ... $A = 30^\circ$", which holds to that
            # part's end: the letter may mean the same kind of thing here, at a value not read)
            at = at or [(a, None) for a in getattr(r, "part_numbers", {}).get(g, ()) if a < line]
            if at:
                out[g] = at[-1]
        return out

    def _default_arrays(self, expr: sp.Expr) -> set[str]:
        """The vectors the value depends on that only the built-in default types (never declared, nor defined in
        force), which some chain gives a formula by its entry (y_j = ...)."""
        r = self.reader
        found = {str(b.label) for b in _free_arrays(expr)}
        # (by its entry, y_j = ..., a formula: never an example's numbers, x = (0, 6, 6, 8))
        by_entry = {m.group(1) for _, left in getattr(self, "step_lefts", ())
                    for m in [re.fullmatch(r"\s*(\\?[A-Za-z]+)\s*_\s*(?:\{\s*[a-z]\s*\}|[a-z])\s*", left)] if m}
        return {name for name in found if name in by_entry and name in r.notation.vectors
                and name not in r.notation.onehot and r._default_only(name)
                and not (name in r.values and r._in_force(name)) and name not in r.label_vectors}

    def _undeclared_arrays(self, expr: sp.Expr) -> set[str]:
        """The vectors and matrices the value depends on that are typed only from their use, and alone on the left of
        some chain whose meaning is not read or described in words ("with $I_i$ the indicator that ..."; neither
        declared nor defined)."""
        r = self.reader
        guessed = {symbol_name(n) for n in (*r.inferred, *getattr(r, "typed_from_use", {}), *r.used_families)}
        stated = {symbol_name(n) for n in r.stated}
        found = {str(b.label) for b in _free_arrays(expr)}
        # (L of a notation file's definition stands for the arrays its formula uses)
        held = {str(x) for x in expr.free_symbols} | {str(b.label) for b in expr.atoms(sp.IndexedBase)}
        for name in held & set(self.definition_arrays):
            found |= self.definition_arrays[name]
        # (and a vector read only by its entries, mu_i, that nothing declares or defines)
        return {name for name in found if (name in guessed and (name in self.left_named or _worded(self.lines.text, name))
                                           or name in self.guessed_vectors)
                and name not in stated and not (name in r.values and r._in_force(name)) and name not in r.label_vectors
                and name not in {n.split("_")[0] for n in r.declared_names}}

    def _link_problem(self, chain: Chain, n: int, reasons: list[str]) -> str:
        rel = chain.relations[n]
        shown = written_name(self.defined or "")
        if n == 0 and self.defined and symbol_name(self.defined) in self.reader.examples:
            return (f"an example of {shown}: {shown} has this value in this display only "
                    "(elsewhere it is any of its declared size)")
        if n == 0 and self.defined:
            return (f"the definition of {shown} is not checked; {shown} has this meaning in the "
                    "displays from here on")
        if rel != "=":
            return _NOT_CHECKED.get(rel, f"the relation {rel} is not checked (only = is)")
        if reasons[n] and reasons[n] == reasons[n + 1]:
            return f"both sides: {reasons[n]}"
        bad = [f"{side} side: {reasons[m]}" for side, m in (("left", n), ("right", n + 1)) if reasons[m]]
        return "; ".join(bad)

    def _problem(self, label: str, latex: str, line: int, problem: str, expect: Verdict = Verdict.PROVED,
                 pair=None, readings=()) -> Step:
        """A link that is not checked, with why; ``pair``: its two terms, so that it still points at the text."""
        where = {}
        if pair is not None:
            where = dict(texts=tuple(t.text for t in pair), positions=tuple(self.lines.position(t) for t in pair),
                         end_line=self.lines.end(pair[-1]))
        return Step(label=label, latex=" ".join(latex.split()), terms=(_PLACEHOLDER, _PLACEHOLDER),
                    expect=(Expect(expect),), line=line, problem=problem, readings=tuple(readings), **where)

    def _axis(self, chain: Chain, values) -> Idx | None:
        """An index for vector sides that no term of the chain uses."""
        self.entry_axis = None
        sizes = {v.size for v in values if v is not None and (v.is_vector or v.is_matrix)}
        if not sizes:
            return None
        length = next(iter(sorted(sizes, key=str)))
        hot = set(self.notation.onehot.values())
        scalars = [v for v in values if v is not None and not v.is_vector and not v.is_matrix]
        frees = [{s for s in v.expr.free_symbols if isinstance(s, Idx) and str(s) not in hot} for v in scalars]
        if scalars and len(sizes) == 1 and all(len(f) == 1 for f in frees) and len(set().union(*frees)) == 1 \
                and not any(v is not None and v.is_matrix for v in values):
            (index,) = set().union(*frees)
            vectors = [v for v in values if v is not None and v.is_vector]
            if index.upper == length and not any(index in v.expr.free_symbols for v in vectors):
                # "\nabla_\theta J = \sum_i ... t_{ij}": the other side is the entry at its free index j
                self.entry_axis = index
                return index
        used = {str(s) for v in values if v is not None for s in v.expr.atoms(Idx)}
        written = re.sub(r"\\[A-Za-z]+", " ", " ".join(t.text for t in chain.terms))
        used |= set(re.findall(r"[A-Za-z]", written))
        # a letter with a meaning of its own (a one-hot vector's class) never names the entries
        used |= set(self.notation.onehot.values())
        letters = [i for ix in self.notation.sizes.values() for i in ix] + list("ijklmnpqrsuvw")
        for letter in letters:
            if letter not in used:
                return Idx(letter, (1, length))
        return Idx("i_0", (1, length))

    def _assume(self, sides, equal=(), distinct=(), fixed=()) -> Assumptions:
        bases = {a.base for s in sides for a in s.expr.atoms(sp.Indexed)}
        # (a vector an example gives by its numbers, y = (0, 0, 1), is those numbers: no one-hot vector at any class)
        given = {d.name for d in fixed if d.indices}
        onehot = []
        for name, letter in self.notation.onehot.items():
            base = self.reader.base_of(name)
            if base not in bases or base in given:
                continue
            index = self.reader.free_index(letter)
            length = self.notation.vectors.get(name)
            size = self.reader.size_symbol(length) if length is not None else None
            if size is not None and index.upper != size:
                # (y in R^3 one-hot: its class runs over y's own entries, whatever the letter's default range)
                index = Idx(letter, (1, size))
            onehot.append((base, index))
        onehot = tuple(onehot)
        return Assumptions(equal=tuple(equal), distinct=tuple(distinct), onehot=onehot, definitions=tuple(fixed))

    def _suppose(self, c, line: int, why: str, chain: "Chain | None" = None) -> str:
        """A condition of the chain that is not read ("for $m_i \\neq 1$", "step size $\\eta > 0$" of an eta also
        written as a sequence): a supposition, under which a proof for every value stands and a refutation does not.
        Of a chain that defines a name (a definition by cases, "if j <= i"), refused: the name is then unread, never
        taken for every value. Returns the refusal, or ""."""
        if line in self.reader.defined_at.values() or any(at == line for _, at in self.reader.recurrences.values()) \
                or chain is not None and c.offset >= chain.offset:
            # (and a condition the display itself writes, a branch's "if j \\le i": what it states, not supposed)
            return f"stated under the condition {c.text} (line {self.lines.of(c.offset)}), which is not read: {why}"
        unread = dataclasses.replace(c, left=c.text.strip("$"), right="", order="", unread=True)
        if unread not in self.unread_conditions:
            self.unread_conditions.append(unread)
        return ""

    def _conditions(self, chain: Chain, context: "_Context"):
        """The conditions the chain is checked under: its display's words (\\text{if } i = j), its
        subscripts (\\theta_{i \\neq k}), its sentence and the case it stands in -- those about its
        letters. Returns the chain (subscript conditions taken off), the conditions, and a problem
        when a condition on its letters cannot be applied."""
        found: list[Condition] = []
        terms = []
        for term in chain.terms:
            text = term.text
            for m in reversed(list(_SUBSCRIPT_CONDITION.finditer(text))):
                if m.group(1) in _RANGES:
                    continue
                found.append(Condition(m.group(2), m.group(4), m.group(3) == "=", term.offset + m.start()))
                text = text[:m.start()] + m.group(1) + "_{" + m.group(2) + "}" + text[m.end():]
            terms.append(Term(text, term.offset))
        if found:
            chain = dataclasses.replace(chain, terms=tuple(terms), latex=chain.latex)
        # (a branch of \\begin{cases} carries its inequality's order where an equation carries True or False)
        found += [Condition(a, b, eq, o) if isinstance(eq, bool) else Condition(a, b, False, o, eq)
                  for a, eq, b, o in chain.conditions]
        found += list(context.conditions)
        # "A \in R^{m x n} of full row rank m < n": an order of two sizes said with the shapes holds in every display
        found += [c for c in self.size_orders_said if c.offset < chain.offset and c not in found]
        # (the terms as read: a sequence's terms at other steps written in its step's formula, see read.sequences)
        texts = [t.text for t in chain.terms]
        if texts and self.sequences:
            texts += expand_sequences(texts, self.sequences, chain.terms[0].offset)[0]
        letters = set()
        for t in texts:
            letters |= _letters(t)
        names = set().union(*(names_in(t) for t in texts)) if texts else set()
        # (E[X] of X ~ Bernoulli(p) is written in p: the ranges said of p hold)
        added = {p for n in list(names) for p in self.law_parameters.get(n, ())}
        names |= added
        letters |= {p for p in added if re.fullmatch(r"[A-Za-z]", p)}
        hot = set(self.notation.onehot.values())
        out: list[Condition] = []
        # x > a with a > 0: the names an order relates to those the step writes, taken in with their own ranges
        # (\operatorname{df}(1) of a df the document defines: what its definition holds)
        upright = {m.group(1) for t in texts for m in _UPRIGHT_APPLIED.finditer(t)} & set(self.reader.lambdas)
        reach = set(names) | self._held_through_definitions(names | upright)
        held_letters = {n for n in reach - set(names) if re.fullmatch(r"[a-z]", n) and self.notation.size_of_index(n)}
        for _ in range(len(found)):
            more = {c.right for c in found if c.order and (c.left in reach or symbol_name(c.left) in reach)
                    and not _NUMERIC.fullmatch(c.right)}
            if more <= reach:
                break
            reach |= more
        # "with $\\lambda = 2$: ... . A common slip is $\\lambda^2 = 4$": a value an earlier sentence of the paragraph
        # gives a name the chain holds, and its own sentence does not
        line = self.lines.of(chain.offset)
        if any(t.text.strip() and self._numbers_only(t.text) for t in chain.terms):
            # "Take $w = 0$, $x = 2$. Then $z = 0$": a claim that gives a number, in the paragraph of an example, is
            # about the example: checked at the values the paragraph gave before it (a general claim that is true
            # is true there too; one false there is false)
            for name, value, at in self.example_numbers:
                size = self.notation.kind_of(name) == "size"
                left = chain.terms[0].text.strip()
                if len(chain.terms) == 2 and re.fullmatch(r"\\?[A-Za-z]+", left) and symbol_name(left) == symbol_name(name):
                    continue  # ("Halving the temperature, $\alpha = 0.5$": a new value for the example's name, no claim)
                if at < chain.offset and self.lines.of(at) <= line <= self.lines.paragraph_end(self.lines.of(at)) \
                        and (name in reach or symbol_name(name) in reach
                             or size and (self._size_related(name) & (reach | letters) or "\\sum" in names
                                          or "\\prod" in names or str(self.reader.size_symbol(name)) in reach)) \
                        and self.notation.kind_of(name) in (None, "scalar", "size"):
                    same = [c for c in found if c.left == name and not c.order]  # (a range, lambda > 0, allows it)
                    if same and not any(c.equal and not c.order and c.right.strip() == value.strip() for c in same):
                        continue
                    # (one the sentence's own condition gives already, "take $b = -1$", is the example's too)
                    found = [c for c in found if c.left != name]
                    found.append(Condition(name, value, True, at, adjacent=True, example=True))
                    if size:
                        self.example_sizes.add(str(self.reader.size_symbol(name)))
                    else:
                        self.example_fixed.add(symbol_name(name))
                    self.example_at = self.example_at or self.lines.of(at)
            # (the latest example of a vector before the chain: "for $x = (3, 4)$ ... For $x = (1, 2)$: ...")
            for name, written, at in reversed(self.example_vectors):
                if not (at < chain.offset and self.lines.of(at) <= line <= self.lines.paragraph_end(self.lines.of(at))
                        and (name in reach or symbol_name(name) in reach)) \
                        or any(d.name == self.reader.bases.get(name) for d, _, _ in self.example_entries):
                    continue
                entries = self._example_entries(name, written) if self.notation.kind_of(name) == "vector" else None
                if entries is None:
                    self.after_data = self.lines.of(at)  # (numbers not read: only a proof for every value stands)
                    continue
                definition, length = entries
                size = self.notation.vectors[name]
                given = next((c for c in found if self.notation.size_name(c.left) == self.notation.size_name(size)
                              and (c.value or c.fraction is not None)), None)
                if given is not None and given.right.strip() != str(length):
                    return chain, [], (f"line {self.lines.of(at)} gives {name} {length} entries, while "
                                       f"{given.text} (line {self.lines.of(given.offset)})")
                if given is None:
                    found.append(Condition(size, str(length), True, at, adjacent=True, example=True))
                self.example_sizes.add(str(self.reader.size_symbol(size)))
                self.example_entries.append((definition, f"{name} = {' '.join(written.split())}", self.lines.of(at)))
                self.example_fixed.add(str(definition.name.label))
                self.example_at = self.example_at or self.lines.of(at)
            problem = self._example_matrices(chain, found, reach, line)
            if problem:
                return chain, [], problem
        else:
            # "(p_2 - 1) x_1 = p_2 - 1" after "take $x = (1, -1)$": a claim in the example's paragraph, in its vector,
            # that gives no number may be about the example too: only a proof for every x stands
            for name, _, at in self.example_vectors:
                if at < chain.offset and self.lines.of(at) <= line <= self.lines.paragraph_end(self.lines.of(at)) \
                        and (name in reach or symbol_name(name) in reach):
                    self.after_data = self.lines.of(at)
        if self.example_at is not None:
            # ("Take ..., $b = -1$ and $y = 1$": a number the example's sentences give as a condition the chain is
            # checked under is fixed by the example too)
            for c in found:
                if c.equal and not c.order and not c.unread and _NUMERIC.fullmatch(c.right.strip()) \
                        and c.offset < chain.offset and self.example_at <= self.lines.of(c.offset) <= line \
                        and self.notation.kind_of(c.left) in (None, "scalar"):
                    self.example_fixed.add(symbol_name(c.left))
        for name, value, at in self.sentence_values:
            if at < chain.offset and self.lines.of(at) <= line <= self.lines.paragraph_end(self.lines.of(at)) \
                    and (name in reach or symbol_name(name) in reach) \
                    and not any(c.left == name and c.value and c.equal for c in found) \
                    and not any(e[0] == name for e in self.example_values):
                self.example_values.append((name, value, self.lines.of(at)))
        for written, at in self.entry_values:
            base = written.split("_")[0]
            if at < chain.offset and self.lines.of(at) <= line <= self.lines.paragraph_end(self.lines.of(at)) \
                    and (base in reach or symbol_name(base) in reach
                         or self._held_through_definitions({base}) & reach - {str(x) for x in self.reader.sizes.values()}):
                # (s_1 = 0 of an s = W_g x: a chain in g, defined from s, holds W_g and x where s was)
                self.after_data = self.lines.of(at)  # "Observe $x_1 = 1$, $x_2 = 4$": the entries of x a sum runs over
        for at in self.data_offsets:
            # (of the paragraph, or, a list of numbers alone, of the sentence it opens: "The times were $3, 1, 4$, so
            # $$\sum_i x_i = 8$$"; never "$m_i = 0$ ... With $\sigma_1, \dots, \sigma_n > 0$," of the display after it)
            alone = re.fullmatch(r"[\d\s,.;()\-]+", self.lines.text[at:self.lines.text.find("$", at) % (len(self.lines.text) + 1)])
            if names - NUMERIC_WORDS - {"\\approx"} and at < chain.offset \
                    and self.lines.of(at) <= line <= self.lines.reach(self.lines.of(at), open_end=alone is not None):
                self.after_data = self.lines.of(at)
        for c in found:
            if c.unread:
                # (of a numbered name, "if $\\beta_1 = 0$", held through a definition: beta_1)
                numbered = {symbol_name(re.sub(r"[{}\s]", "", m.group(0)))
                            for m in re.finditer(r"\\?[A-Za-z]+\s*_\s*(?:\{\s*\w+\s*\}|\w)", c.left)}
                # ("At a budget of $6 \times 10^{20}$ FLOPs, ...": a point in no letter, of a quantity the words name,
                # which any claim of the sentence may be at)
                if (c.letters() & (letters | names | reach) or numbered & reach
                        or not c.letters() and not c.right and names - NUMERIC_WORDS) \
                        and c not in self.unread_conditions:
                    self.unread_conditions.append(c)  # a supposition: a proof stands, a refutation does not
                continue
            if c.trailing and c.letters() & (letters | names | reach):
                return chain, [], (f"stated after {c.text} (line {self.lines.of(c.offset)}), which follows other "
                                   "mathematics of its sentence (\"... at x = 0\") and may qualify only that: whether "
                                   "this claim is at that point too is not read; say the point first (\"At x = 0, ...\")")
            if self.notation.kind_of(c.left) == "size" and _NUMERIC.fullmatch(c.right) and c.adjacent \
                    and float(c.right).is_integer() and (c.order in ("<", "<=") or (c.value and c.equal)):
                # K = 2, n <= 3 of a size: checked at the sizes it allows, for every vector of that size
                most = int(float(c.right)) - (1 if c.order == "<" else 0)
                key = str(self.reader.size_symbol(c.left))
                self.most_sizes[key] = min(most, self.most_sizes.get(key, most))
                if not c.order:
                    self.least_sizes[key] = max(most, self.least_sizes.get(key, 1))
                if most < self.least_sizes.get(key, 1):
                    return chain, [], f"the conditions on {c.left} leave no size (line {self.lines.of(c.offset)})"
                self.least_readings.append(Reading(
                    "condition", f"at ${c.left} = {most}$, the size line {self.lines.of(c.offset)} gives the example of "
                                 "its paragraph" if c.example else f"under the condition {c.text}: checked at "
                    + (f"{c.left} = {most}" if not c.order else f"{c.left} at most {most}"), self.lines.of(c.offset)))
                continue
            if c.order:
                # x > 0: the step is checked where it holds (a number's range), if the step writes x
                # (a size's lower bound, K >= 2, holds for every vector of that size, written or not)
                if (c.left not in reach and symbol_name(c.left) not in reach and self.notation.kind_of(c.left) != "size") \
                        or any((o.left, o.order, o.right) == (c.left, c.order, c.right) for o in out):
                    continue
                size = self.notation.size_name(c.left) if self.notation.kind_of(c.left) == "size" else None
                if size and self.notation.kind_of(c.right.strip()) == "size" and self.notation.size_name(c.right.strip()):
                    # k <= n of two sizes: a refutation must be at sizes that meet it (see Step.size_orders)
                    a, b = (str(self.reader.size_symbol(x.strip())) for x in (c.left, c.right))
                    if a != b:
                        self.size_orders.append((a, c.order, b))
                        self.least_readings.append(Reading("condition", f"under the condition {c.text}: a counterexample "
                                                                        "must meet it", self.lines.of(c.offset)))
                    continue
                if size and _NUMERIC.fullmatch(c.right) and c.order in (">", ">="):
                    # n >= 2 of a size: a refutation must be at such a size (see Step.least_sizes)
                    least = int(float(c.right)) + (1 if c.order == ">" else 0)
                    key = str(self.reader.size_symbol(c.left))
                    self.least_sizes[key] = max(least, self.least_sizes.get(key, 1))
                    self.least_readings.append(Reading("condition", f"under the condition {c.text}: a counterexample "
                                                                    f"must have {c.left} at least {least}",
                                                       self.lines.of(c.offset)))
                    continue
                if self.notation.kind_of(c.left) == "index" and _NUMERIC.fullmatch(c.right) \
                        and ((c.order == ">=" and float(c.right) <= 1) or (c.order == ">" and float(c.right) < 1)):
                    continue  # k >= 1 of an index letter, which runs from 1: no condition
                named = (c.left,) if _NUMERIC.fullmatch(c.right) else (c.left, c.right)
                defining = line in self.reader.defined_at.values() or any(at == line for _, at in self.reader.recurrences.values())
                if self.notation.kind_of(c.left) == "index" and c.offset < chain.offset and not defining:
                    # k >= 2, t <= T of an index letter the words state before the chain: where the step holds, not
                    # read; a proof for every k stands, a refutation need not meet it (unknown). (In the display, "if
                    # j <= i" of a definition by cases, and of any chain that defines a name, it is refused: the name
                    # is then unread, never taken for every k.)
                    unread = dataclasses.replace(c, left=c.text.strip("$"), right="", order="", unread=True)
                    if unread not in self.unread_conditions:
                        self.unread_conditions.append(unread)
                    continue
                if any(self.notation.kind_of(name) not in (None, "scalar") for name in named):
                    # ("step size $\\eta > 0$" of an eta also written \\eta_t)
                    why = self._suppose(c, line, "a name in it is not a number here", chain)
                    if why:
                        return chain, [], why
                    continue
                out.append(c)
                continue
            if c.value and "_" in c.left and not c.left.split("_", 1)[1].strip("{} ").isdigit() \
                    and self.notation.kind_of(c.left.split("_")[0].strip()) in ("vector", "matrix"):
                base = c.left.split("_")[0].strip()
                if base not in reach and symbol_name(base) not in reach:
                    continue  # m_i = 0 said of a vector the step does not hold, not even through a definition
                # y_j = 0 of a vector y: an entry's value, which the sums over y's entries would have to split on
                why = self._suppose(c, line, f"the value of one entry of {c.left.split('_')[0].strip()}", chain)
                if why:
                    return chain, [], why
                continue
            if c.value and c.equal and _only_bound(c.left, chain):
                continue  # "starting at $k = 1$": the sum's own k in every term that writes k, no condition on the claim
            if c.value and c.letters() & letters:
                pass  # y = 1: applied where y is written, or where a defined name holds it (see steps)
            elif c.value:
                if c.equal and self.notation.kind_of(c.left) in (None, "scalar") \
                        and not any(o.letters() == c.letters() for o in out):
                    out.append(c)
                elif self.notation.kind_of(c.left) == "size" and (c.left in reach or symbol_name(c.left) in reach
                                                                  or str(self.reader.size_symbol(c.left)) in reach) \
                        and c not in self.unread_conditions:
                    # ("... so, at $H = 128$": a size's value the words give, not read as the claim's size, of a size
                    # the chain holds through a definition: a supposition, never dropped)
                    self.unread_conditions.append(c)
                continue
            elif not (c.letters() & letters and c.letters() <= letters | hot | held_letters) \
                    and not (c.letters() & letters and any(self.notation.size_of_index(n) is None
                                                           for n in c.letters() - letters - hot)):
                # about other letters than this chain's (a one-hot label's class counts as its own, and so does a
                # letter a definition the chain uses holds: i = k of dL/dW_{ij} with L = -log p_k); but p = q of
                # a q the chain writes is about it (read below, where p is no index letter, as not read)
                continue
            if any(o.letters() == c.letters() for o in out):
                continue  # the nearer statement of the same letters wins
            if c.value:
                kind = self.notation.kind_of(c.left)
                if not c.equal and kind in (None, "scalar") and c.left in letters:
                    # x != 0 (d|x|/dx = x/|x|): the step is checked where it holds, as x > 0 is
                    out.append(dataclasses.replace(c, order="!="))
                    continue
                if kind == "size":
                    # (n = 3 of a size, said where no case opens: which sizes the claim is about, never supposed)
                    return chain, [], (f"stated under the condition {c.text} (line {self.lines.of(c.offset)}), "
                                       f"which is not read: only a number's value (y = 1) or two index letters are")
                if not c.equal or kind not in (None, "scalar"):
                    why = self._suppose(c, line, "only a number's value (y = 1) or two index letters are", chain)
                    if why:
                        return chain, [], why
                    continue
                out.append(c)
                continue
            if c.fraction is not None and self.notation.kind_of(c.left) in (None, "scalar") \
                    and not self.notation.size_name(c.left) and self.reader.notation.size_of_index(c.left) is None:
                # p = 1/2 of a number: checked at that value, as y = 1 is
                out.append(c)
                continue
            if not re.fullmatch(r"\\?[A-Za-z]+(?:_\{?\w+\}?)?", c.right) \
                    or any(self.notation.size_of_index(letter) is None for letter in c.letters()):
                # (a value that is no whole number; letters that are no index letters, g_t = g)
                why = self._suppose(c, line, "a value that is no whole number, or letters that are no index letters", chain)
                if why:
                    return chain, [], why
                continue
            out.append(c)
        for a, b in itertools.combinations(out, 2):
            if a.letters() == b.letters() and _contradict(a, b):
                return chain, [], f"the conditions {a.text} and {b.text} contradict each other"
        # (a = 0 under a >= 0: the value, which meets the range, is all the check needs)
        out = [c for c in out if not (c.order and any((v.value or v.fraction is not None) and v.equal and v.left == c.left
                                                      for v in out))]
        return chain, out, ""

    def _after_an_example(self, chain: Chain, used: set[str], line: int) -> str:
        """A claim in the paragraph of an example (A = a written-out matrix, of an A declared of any size) that
        reaches A through a definition (g = x^T A x), or writes A where the example is no longer in force: about
        the example or about any A? Unknown, never checked as either."""
        r = self.reader
        # (\operatorname{df}(1) of a df the document defines: a name the claim uses, too)
        used = used | {m.group(1) for t in chain.terms for m in _OPERATOR_NAME.finditer(t.text)
                       if m.group(1) in r.lambdas or symbol_name(m.group(1)) in r.values}
        direct = {symbol_name(n) for n in used}
        through = self._held_through_definitions(used) - direct
        n = self.notation
        # (a claim that gives a number is checked at the example's sizes and values: see _conditions)
        numeric = any(t.text.strip() and self._numbers_only(t.text) for t in chain.terms)
        for size, at in self.size_examples:
            if self.reader.notation.size_name(size) is None:
                continue  # (a size in another part's notation)
            if not (at <= line <= self.lines.paragraph_end(at)) or numeric and str(r.size_symbol(size)) in self.example_sizes:
                continue
            related = self._size_related(size)
            symbols = {symbol_name(x) for x in related} | {str(r.size_symbol(size))}
            # (k of \sum_{k=1}^{\infty}, bound to whole numbers that run to no size, is no use of one)
            fixed = {m.group(1) for t in chain.terms for m in _FIXED_SUM.finditer(t.text)}
            if (used - fixed) & related or any(_sized_sum(t.text) for t in chain.terms) \
                    or self._held_through_definitions(used) & symbols:
                return (f"in the paragraph where line {at} sets {size} to a number (an example): about that example, "
                        f"whose data the words may give, or about any {size}? say which, or start a new paragraph")
        lone = re.fullmatch(r"\s*(?:\\(?:mathbf|boldsymbol|bm)\s*\{\s*)?(\\?[A-Za-z]+)\s*\}?\s*(?:_\s*\{?\s*(\w+)\s*\}?)?\s*",
                            chain.terms[0].text) if len(chain.terms) == 2 else None
        written = (lone.group(1) + (f"_{lone.group(2)}" if lone.group(2) else "")) if lone else ""
        if lone and (written in r.stated or symbol_name(written) in r.stated) and symbol_name(written) not in r.examples \
                and not names_in(chain.terms[1].text) - {"\\mathbf", "0"} \
                and any(r.defined_at.get(k) == line for k in r.examples):
            # "W_1 = (...), \quad b_1 = \mathbf{0}" in one display: the example's other values, not claims
            return (f"a value in the display that gives an example (line {line}): the example's, not a claim about "
                    f"every {chain.terms[0].text.strip()}")
        for key in sorted(r.examples):
            at = r.defined_at.get(key)
            if at is None or at == line and key in direct or not (at <= line <= self.lines.paragraph_end(at)):
                continue
            if key in through and numeric and self._matrix_example(key, line) is not None:
                continue  # (a claim that gives a number: checked at the example's numbers, see _example_matrices)
            if key in through or (key in direct and not r._in_force(key)):
                how = (f"uses {key} through a definition" if key in through
                       else f"writes {key} after the display that gives it an example's value")
                return (f"{how}, in the paragraph of that example (line {at}): about the example or about any {key}? "
                        f"say which (\"for this {key}\"), or start a new paragraph")
        return ""

    def _size_related(self, size: str) -> set[str]:
        """The names a size bears on: its other names, its index letters, the vectors and matrices of that size."""
        n = self.notation
        home = n.size_name(size) or size
        return {size, home} | set(n.sizes.get(home, ())) | {a for a, s in n.aliases.items() if s == home} \
            | {v for v, length in n.vectors.items() if length == home} \
            | {m for m, dims in n.matrices.items() if home in dims}

    def _example_matrices(self, chain: Chain, found: list, reach: set, line: int) -> str:
        """A declared matrix an earlier display of the paragraph gives an example's numbers (W = a matrix written out),
        which a claim that gives a number reaches through definitions (z = W x, p = softmax(z)): checked at those
        numbers, and at the matrix's sizes. Adds to ``found`` and to the example's entries; a reason when the sizes
        clash with the paragraph's."""
        r = self.reader
        for key in sorted(r.examples):
            corrected = r.corrected.get(key)
            if corrected is not None and corrected[0] <= line < (corrected[2:] or (float("inf"),))[0] \
                    and (key in reach or any(symbol_name(n) == key for n in reach)):
                return corrected[1]  # (a second example in the paragraph: which one is meant is not read)
            example = self._matrix_example(key, line)
            if example is None:
                continue
            name, value, at = example
            if not (name in reach or key in reach) or any(d.name == r.base_of(name) for d, _, _ in self.example_entries):
                continue
            offset = self.lines.starts[at - 1]
            for size, count in zip(self.notation.matrices[name], (value.size, value.cols)):
                if str(size).isdigit():
                    if int(size) != count:
                        return f"line {at} writes {name} out with {count} where its declaration has {size}"
                    continue
                given = next((c for c in found if self.notation.size_name(c.left) == self.notation.size_name(size)
                              and (c.value or c.fraction is not None)), None)
                if given is not None and given.right.strip() != str(count):
                    return (f"line {at} gives {name} {count} for {size}, while {given.text} "
                            f"(line {self.lines.of(given.offset)})")
                if given is None:
                    found.append(Condition(size, str(count), True, offset, adjacent=True, example=True))
                self.example_sizes.add(str(r.size_symbol(size)))
            definition = Definition(r.base_of(name), (V.row_index(value.size), V.col_index(value.cols)), value.expr)
            self.example_entries.append((definition, f"{name} as line {at} writes it out", at))
            self.example_fixed.add(str(definition.name.label))
            self.example_at = self.example_at or at
        return ""

    def _numbers_only(self, text: str) -> bool:
        """A term written in numbers, and in names the document defines as numbers (Z = e^2 + e + 1), only."""
        r = self.reader
        for name in names_in(text) - NUMERIC_WORDS:
            value = r.values.get(symbol_name(name))
            if value is None or not r._in_force(symbol_name(name)) or value.is_vector or value.is_matrix or value.row \
                    or not isinstance(value.expr, sp.Expr) or value.expr.free_symbols:
                return False
        return True

    def _matrix_example(self, key: str, line: int):
        """(name, its example's matrix, the line that gives it) of a declared matrix that a display before ``line``, in
        its paragraph, writes out with numbers (an example's); else None."""
        r = self.reader
        at = r.defined_at.get(key)
        name = next((n for n in self.notation.matrices if symbol_name(n) == key), None)
        value = r.matrix_values.get(key)
        if name is None or at is None or value is None or key not in r.examples \
                or not (at < line <= self.lines.paragraph_end(at)) or not isinstance(value, V.Value) \
                or not value.is_matrix or not (value.size.is_Integer and value.cols.is_Integer) \
                or value.expr.free_symbols - {V.row_index(value.size), V.col_index(value.cols)}:
            return None
        return name, value, at

    def _example_entries(self, name: str, written: str):
        """The numbers an example gives the vector ``name`` (``x = (1, 3)``), as the definition of its entries and
        their count; None when they are not read as numbers."""
        try:
            value = self.reader.read(written)
        except FormulaError:
            return None
        if value.is_matrix or value.misfit is not None or not value.is_vector or not value.size.is_Integer:
            return None
        index = V.entry_index(value.size)
        if value.expr.free_symbols - {index}:
            return None
        return Definition(self.reader.base_of(name), (index,), value.expr), int(value.size)

    def _held_as_written(self, names: set[str]) -> set[str]:
        """The names the definitions of these names write, through definitions in turn, as written (c = \\sigma^2
        e^{-r^2}, r = |x_1 - x_2|: r, then x_1 and x_2), where _held_through_definitions sees only what they unfold to."""
        r, out, todo = self.reader, set(), [symbol_name(n) for n in names]
        while todo:
            key = todo.pop()
            if key in out:
                continue
            out.add(key)
            expr = r.shallow.get(key)
            if expr is None:
                value = r.values.get(key)
                expr = getattr(value, "expr", None)
            if not isinstance(expr, sp.Basic) or not r._in_force(key):
                continue
            todo += sorted({str(getattr(s, "label", s)) for s in expr.free_symbols | expr.atoms(sp.IndexedBase)} - out)
        return out

    def _held_through_definitions(self, names: set[str]) -> set[str]:
        """The symbol names the definitions of these names hold, through definitions in turn (c = \\sqrt[3]{a}: a):
        a range said of a holds where c is written."""
        # (f'(1) of an f the document defines: what f's definition holds)
        r, out, seen, todo = self.reader, set(), set(), [symbol_name(n.rstrip("'")) for n in names]
        while todo:
            key = todo.pop()
            if key in seen:
                continue
            seen.add(key)
            value = r.values.get(key)
            function = r.lambdas.get(key) if value is None else None
            expr = value.expr if value is not None else function.expr if isinstance(function, sp.Lambda) else None
            if expr is None or not r._in_force(key):
                continue
            # (a function's body: df(\lambda) = \sum_j s_j^2 / (s_j^2 + \lambda) holds s, not its own argument)
            held = {str(s) for s in expr.free_symbols - set(function.variables if function is not None else ())} \
                | {str(b.label) for b in expr.atoms(sp.IndexedBase)}
            out |= held
            todo += sorted(held - seen)
        return out

    def _assumed(self, conditions):
        equal = tuple((self.reader.free_index(c.left), self.reader.free_index(c.right)) for c in conditions
                      if c.equal and not c.value and c.fraction is None)
        distinct = tuple((self.reader.free_index(c.left), self.reader.free_index(c.right))
                         for c in conditions if not c.equal and not c.value and not c.order)
        fixed = tuple(Definition(scalar(symbol_name(c.left)), (), sp.Integer(int(c.right)) if c.value else c.fraction)
                      for c in conditions if (c.value or c.fraction is not None)
                      and not (c.example and self.notation.kind_of(c.left) == "size"))
        return equal, distinct, fixed + tuple(d for d, _, _ in self.example_entries)


def _unify_numbered(values: list) -> list:
    """g_2 read as a number named g_2 (a term of a sequence g_1, g_2, ...) where the same step reads g_i as an
    entry of the vector g (a sum over i): one quantity, so g_2 becomes entry 2 of g. (Else a claim with both
    forms, m_2 = sum_i beta^{2-i} g_i, would be refuted where g_2 and the entry g[2] differ.)"""
    bases = {}
    for v in values:
        if v is not None:
            for atom in v.expr.atoms(sp.Indexed):
                # (an entry at an index the step writes or sums over, g_i; not the whole vector g, g[_entry])
                if any(isinstance(i, sp.Idx) and not str(i.label).startswith("_") for i in atom.indices):
                    bases.setdefault(str(atom.base.label), atom.base)
    if not bases:
        return values
    out = []
    for v in values:
        if v is None:
            out.append(v)
            continue
        swap = {}
        for s in v.expr.atoms(sp.Symbol):
            m = re.fullmatch(r"(.+)_(\d+)", s.name)
            if m and m.group(1) in bases and int(m.group(2)) >= 1:
                swap[s] = bases[m.group(1)][int(m.group(2))]
        out.append(dataclasses.replace(v, expr=v.expr.xreplace(swap),
                                       domain=tuple(c.xreplace(swap) for c in v.domain)) if swap else v)
    return out


# what makes a formula a vector's or a matrix's: a transpose, a bold or blackboard letter, a matrix written out, an
# entrywise or outer product, diag, a norm's double bars, an identity or ones
_NOT_A_NUMBER = re.compile(r"\\top\b|\^\s*\{?\s*(?:T|\\intercal|\\mathsf\{T\}|\\mathrm\{T\})\s*\}?|\\(?:mathbf|boldsymbol|bm|vec|"
                           r"mathbb|odot|circ|otimes|oplus|operatorname\s*\{\s*diag|mathrm\s*\{\s*diag|diag|vdots|ddots|"
                           r"\|)|matrix\}|\\begin|\\\\|&|\\{|\\}")


# a derivative the reader takes as it reads (a prime, a dot): what it was taken of is no longer in the terms
_EAGER_DERIVATIVE = re.compile(r"'|\\dot\b|\\ddot\b|\\prime\b")


def _holds_name(values, name: str) -> bool:
    """Whether a read term holds the plain name (a symbol of that name)."""
    key = symbol_name(name)
    return any(v is not None and any(str(s) == key for s in v.expr.atoms(sp.Symbol)) for v in values)


def _hidden_unread(values, unread: dict, used: set, free_when_unread: set) -> str | None:
    """A name the document defines by a formula derive cannot read, which the read terms hold although the
    step does not write it (it came in through another definition): the first such name, or None."""
    wanted = {symbol_name(n): n for n in unread if n not in used and n not in free_when_unread}
    if not wanted:
        return None
    for v in values:
        if v is None:
            continue
        for atom in v.expr.atoms(sp.Symbol, sp.Indexed, AppliedUndef):
            name = str(atom.base.label) if isinstance(atom, sp.Indexed) else \
                atom.func.__name__ if isinstance(atom, AppliedUndef) else str(atom)
            if name in wanted:
                return wanted[name]
    return None


# "setting $\nabla_U L = 0$ gives", "equating the derivative to zero, we get": what follows holds where that does
_SETTING_LEAD = re.compile(r"\b(?:setting|set|equating|solving)\b[^.;]{0,80}?(?:=\s*0|\bto\s+zero|\bequal\s+to)[^.;]{0,40}"
                           r"(?:gives?|yields?|we\s+(?:get|obtain|find|have)|leads?\s+to|implies|results?\s+in|,)\s*:?\s*$", re.I)


# "on that side", "in this branch", "for the negative part": the words of a claim that holds in one case only
_ONE_SIDE_LEAD = re.compile(r"\b(?:sides?|branch(?:es)?|pieces?|regions?|half|halves|negative|positive|regime|"
                            r"case|there|that\s+part|this\s+part)\b", re.I)


# "for every real $x$", "everywhere", "for all x": a claim said of every point, refuted at any
_EVERY_POINT_LEAD = re.compile(r"\b(?:for\s+(?:all|every|any|each)\b|everywhere|always|identically|globally|"
                               r"on\s+the\s+whole\s+(?:real\s+)?line|whatever)", re.I)


def _holds_on_a_case(a, b) -> str | None:
    """The condition of a case (of a function defined by cases) on which the two sides agree identically, or
    None: f'(x) = f(x) + alpha holds where x <= 0 for the ELU."""
    from ..normal import is_zero, normalize

    if a is None or b is None or any(v.is_matrix or v.misfit is not None for v in (a, b)) \
            or (a.is_vector, a.row, a.size) != (b.is_vector, b.row, b.size):
        return None  # (two vectors of one size: entry by entry, at their free index)
    try:
        difference = evaluate_derivatives(a.expr - b.expr)
        if difference.has(sp.Min, sp.Max, sp.Heaviside, sp.Abs) and sp.count_ops(difference) <= 400:
            # (relu6(x) = min(max(x, 0), 6): cases too, once its kinks are written as cases)
            difference = difference.rewrite(sp.Piecewise)
        if not difference.has(sp.Piecewise) or sp.count_ops(difference) > 400:
            return None
        folded = sp.piecewise_fold(difference)
        if not isinstance(folded, sp.Piecewise):
            return None
        before = []
        covered = sp.S.EmptySet  # (of one variable: the points the pieces before hold on)
        for piece, condition in folded.args:
            # (a piece holds where its condition does and none before it)
            where = sp.And(condition, *[sp.Not(c) for c in before])
            before.append(condition)
            if where is sp.false:
                continue
            free = where.free_symbols
            if len(free) == 1 and not where.atoms(sp.Sum):
                # (one variable: where the piece holds, as an interval; none, or single points, is no case;
                # each condition's set once, the pieces before taken away as sets, not as a growing formula)
                (x,) = free
                try:
                    own = sp.Intersection(condition.as_set(), sp.S.Reals) if covered is not None else None
                    region = None if own is None else sp.Complement(own, covered)
                    covered = None if own is None else sp.Union(covered, own)
                except (NotImplementedError, TypeError, ValueError):
                    region = covered = None
                if region is not None:
                    if region.is_empty or region.is_FiniteSet or region.measure == 0:
                        continue
                    where = region.as_relational(x)
            # (a sum, m = sum_j y w_j x_j of a defined margin, is one number here once its derivatives are summed)
            piece = normalize(piece)
            atoms = {s: sp.Dummy(f"s{n}", real=True)
                     for n, s in enumerate(sorted(piece.atoms(sp.Sum), key=sp.default_sort_key))}
            if is_zero(piece) or not piece.has(sp.Piecewise) and sp.simplify(piece.xreplace(atoms)) == 0:
                return _case_text(where)
    except (TypeError, ValueError, NotImplementedError, RecursionError, AttributeError):
        return None
    return None


def _case_text(where) -> str:
    """A case's condition as a reader writes it: each sum once (Σ_j y·w_j·x_j), the condition simplified."""
    from ..normal import rename_dummies
    from ..plaintext import to_unicode

    where = where.replace(lambda e: isinstance(e, sp.Sum), lambda e: rename_dummies(e))
    sums = sorted(where.atoms(sp.Sum), key=sp.default_sort_key)
    atoms = {s: sp.Symbol(f"_s{n}", real=True) for n, s in enumerate(sums)}
    try:
        plain = where.xreplace(atoms)
        simpler = sp.simplify_logic(plain) if sp.count_ops(plain) < 60 else plain
    except (TypeError, ValueError, RecursionError):
        simpler = where.xreplace(atoms)
    back = {v: k for k, v in atoms.items()}
    return to_unicode(simpler.xreplace(back)).replace(" & ", " and ")


# a name, or a name at numbers: L, R(1.5), J_2(0, 1)
_NAME_AT_NUMBERS = re.compile(r"\s*\\?[A-Za-z]+(?:\s*_\s*(?:\{[^{}]*\}|\w))?\s*(?:\(\s*-?[\d.]+(?:\s*,\s*-?[\d.]+)*\s*\))?\s*")


# \rho(M_J), f(x, y): a name at arguments without parentheses of their own
_NAME_APPLIED = re.compile(r"\s*(\\?[A-Za-z]+)(?:\s*_\s*(?:\{[^{}]*\}|\w))?\s*(?:\\left\s*)?\([^()]*\)\s*")
_LIMIT_OF_NAME = re.compile(r"\s*\\lim\s*_\s*\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}\s*\\?[A-Za-z]+\s*")


def _number_for_hidden_values(chain: Chain, n: int, values: list, conditioned: set[str],
                              at_own: frozenset = frozenset(), said: frozenset = frozenset()) -> str | None:
    """Link n gives a number for a side that depends on names the display does not write (L = 2.4 of an L
    defined in r and A; R(1.5) = 0.625 of an R of data) or is a bare name given a value (tau = 0.25): the values
    it is meant at are said elsewhere, in words. ``at_own``: the names defined at their own arguments, \\rho(M_J) =
    formula, whose value that side may write with its argument. What a refutation would need, or None."""
    a, b = values[n], values[n + 1]
    if a is None or b is None or any(v.misfit is not None for v in (a, b)):
        return None
    if any(v.is_vector or v.row or v.is_matrix for v in (a, b)):
        return _numbers_for_hidden_values(chain, n, values, conditioned)

    def quantities(expr) -> set[str]:
        out = set()
        for s in _derivatives_taken(expr).free_symbols:
            if isinstance(s, sp.Idx) or getattr(s, "is_integer", False) and getattr(s, "is_positive", False):
                continue  # an index or a size
            out.add(str(s.base.label) if isinstance(s, sp.Indexed) else str(s))
        return out

    def arrays(expr) -> set[str]:
        return {str(s.base.label) for s in _derivatives_taken(expr).free_symbols if isinstance(s, sp.Indexed)}

    for m, other in ((n, n + 1), (n + 1, n)):
        number, formula = values[m].expr, values[other].expr
        if not isinstance(number, sp.Expr) or not isinstance(formula, sp.Expr):
            continue
        free = quantities(formula) - conditioned  # (at a = 0, o = 1/2: the value the step's condition gives)
        own = quantities(number)
        text = chain.terms[other].text.strip()
        missing = sorted((arrays(formula) & free) - own - arrays(number))
        named = _NAME_AT_NUMBERS.fullmatch(text) or _LIMIT_OF_NAME.fullmatch(text)
        if missing and named and not arrays(number) and not set(missing) & {symbol_name(x) for x in names_in(text)}:
            # L = log(1 + e^{-1/tau}), lim_{tau -> oo} L = log 3 "in this example", of an L defined in q, k and tau: a
            # formula in numbers alone (or a number), at the example's vectors, which the display does not write
            # (s = sum_i v_i of an s = v^T h is a claim: its side writes a vector)
            given = f"a formula in {', '.join(sorted(own))}" if own else "a number"
            return (f"${text}$ given as {given}, while it depends on {', '.join(missing)} (through definitions), "
                    "which the display does not write: the values they are meant at are not read")
        written = {symbol_name(x) for x in names_in(text)}
        if own & free and free - own - written and _NAME_AT_NUMBERS.fullmatch(text) and not missing \
                and not (free - own - written) & said:
            # (never a parameter the words name, the momentum mu of theta_2 = (1 - a)^2 theta_0: a claim for every mu)
            # "at this point $D = \frac{3a^2}{4}$" of a D = y^2 - a x: D at the x and y the words give, in a; never a
            # claim for every x and y
            return (f"${text}$ given as a formula in {', '.join(sorted(own))}, while it depends on "
                    f"{', '.join(sorted(free - own - written))} too (through definitions), which the display does not "
                    "write: the values they are meant at are not read")
        if not free or own & free:
            continue
        names = ", ".join(sorted(free))
        if own:
            # f = (2 + 2t)^2 + (1 + t)^2 of an f defined in A, X: "moving X_22 to 1 + t", in words, ties t to
            # what f depends on; a formula in other names, never a claim for every value of both
            if not free & written and _NAME_AT_NUMBERS.fullmatch(text):
                return (f"${text}$ given as a formula in {', '.join(sorted(own))}, while it depends on {names} "
                        "(through definitions), which the display does not write: how they are tied is not read")
            continue
        if re.fullmatch(r"\\?[A-Za-z]+", text) and free == {symbol_name(text)}:
            return f"${text}$ given the value of a number ({text} is a variable here: a value for it, not a claim)"
        applied = _NAME_APPLIED.fullmatch(text)
        if not free & written and (_NAME_AT_NUMBERS.fullmatch(text) or applied and applied.group(1) in at_own):
            # (\rho(M_J) = \sqrt{2/20} of a \rho(M_J) defined in a_{11}, ..., a_{22}: at the example's entries)
            return (f"${text}$ given as a number, while it depends on {names} (through definitions), which the display "
                    f"does not write: the values it is meant at are not read (write them: {text} at ... = ...)")
    return None


def _quantities_in(expr: sp.Basic) -> set[str]:
    """The names a value holds: no index, size or entry position."""
    return {str(x.base.label) if isinstance(x, sp.Indexed) else str(x) for x in expr.free_symbols
            if not isinstance(x, sp.Idx) and not str(x).startswith("_")
            and not (getattr(x, "is_integer", False) and getattr(x, "is_positive", False))}


def _numbers_for_hidden_values(chain: Chain, n: int, values: list, conditioned: set[str]) -> str | None:
    """J v = [[0, 3], [1, 1]] (1, 2)^T of a J defined in x_1, x_2 ("at $(x_1, x_2) = (3, 0)$", in words): a vector or
    matrix of numbers for a side that depends on names the display does not write; what a refutation would need, or
    None (shapes that differ, or names written on both sides, are left to the check)."""
    a, b = values[n], values[n + 1]
    if (a.is_vector, a.row, a.is_matrix) != (b.is_vector, b.row, b.is_matrix):
        return None
    for m, other in ((n, n + 1), (n + 1, n)):
        number, formula = values[m].expr, values[other].expr
        if not isinstance(number, sp.Basic) or not isinstance(formula, sp.Basic) or _quantities_in(number) \
                or not re.search(r"\\begin\s*\{[pbBvV]?matrix\}|\([^()]*,[^()]*\)", chain.terms[m].text):
            continue  # (numbers written out as an array: never 2 I, e_c)
        free = _quantities_in(formula)
        written = {symbol_name(x) for x in names_in(chain.terms[other].text)}
        hidden = sorted(x for x in free - written - conditioned  # (\nabla_\theta writes theta in a subscript)
                        if not re.search(r"(?<![A-Za-z])\\?" + re.escape(x) + r"(?![A-Za-z])", chain.terms[other].text))
        if hidden:
            text = " ".join(chain.terms[other].text.split())
            return (f"${text}$ given in numbers, while it depends on {', '.join(hidden)} (through definitions), which "
                    "the display does not write: the values they are meant at are not read")
    return None


def _contradict(a: Condition, b: Condition) -> bool:
    """Two conditions on the same letters that no value meets together: i = j and i != j, x = 0 and x > 0
    (x = 0 and x >= 0 agree; two inequalities are left to the check)."""
    if not a.order and not b.order:
        return a.equal != b.equal
    if a.order and b.order:
        return False
    value, order = (a, b) if not a.order else (b, a)
    if not value.value and value.fraction is None:
        return False
    try:
        at = value.fraction if value.fraction is not None else sp.Rational(value.right)
        bound = order.fraction if order.fraction is not None else sp.Rational(order.right)
    except (TypeError, ValueError):
        return False
    holds = {">": at > bound, ">=": at >= bound, "<": at < bound, "<=": at <= bound, "!=": at != bound}.get(order.order)
    return holds is False if value.equal else False


_SIGNS = {">": "positive", ">=": "nonnegative", "<": "negative", "<=": "nonpositive"}
_RELATIONALS = {">": sp.StrictGreaterThan, ">=": sp.GreaterThan, "<": sp.StrictLessThan, "<=": sp.LessThan,
                "!=": sp.Unequality}


def _restricted(sides: list, ranges: list[Condition], notation: Notation) -> list:
    """The sides checked only where the step's inequalities hold (x > 0): each becomes a condition of
    the sides' domain (a counterexample must satisfy it, the cross-check draws its points there), and a
    bound at 0 becomes the symbol's sign, so that the symbolic stage uses it (|x| = x for x > 0).

    Where a side takes a derivative, a bound that includes its end (x >= 0) is taken without it: a
    derivative at the end of a range is not claimed (ReLU has none at 0)."""
    derivative = any(s is not None and s.expr.has(sp.Derivative) for s in sides)
    written_in_definitions = set().union(*(names_in(f) for f in notation.definitions.values())) \
        if notation.definitions else set()
    out = list(sides)
    bounds: dict[str, list] = {}
    for c in ranges:
        order = c.order[0] if derivative and c.order != "!=" else c.order
        # a number, or another name (r > \delta: a relation of the two symbols)
        bound = sp.Rational(c.right) if _NUMERIC.fullmatch(c.right) else scalar(symbol_name(c.right))
        bounds.setdefault(c.left, []).append((order, bound))
    renamed = {}
    for name, those in bounds.items():
        old = scalar(symbol_name(name))
        signs = [_SIGNS[order] for order, bound in those if bound == 0 and order in _SIGNS]
        # a name a notation definition also holds must stay one symbol in both
        if len(signs) == 1 and name not in written_in_definitions:
            renamed[old] = sp.Symbol(old.name, real=True, **{signs[0]: True})
    domain = tuple(_RELATIONALS[order](scalar(symbol_name(name)), bound, evaluate=False).xreplace(renamed)
                   for name, those in bounds.items() for order, bound in those)
    return [dataclasses.replace(s, expr=s.expr.xreplace(renamed),
                                domain=tuple(d.xreplace(renamed) for d in s.domain) + domain)
            if s is not None else None for s in out]


_NUMERIC = re.compile(r"-?\d+(?:\.\d+)?")
_BARE_HESSIAN = re.compile(r"\s*\\nabla\s*\^\s*\{?\s*2\s*\}?\s*\\?[A-Za-z]+\s*(?:\\(?:left|big|Big))?\s*\(.*\)\s*", re.S)


# (the words that make a supposition wherever they stand in the clause, and those that make one only a few words
# before the mathematics: "for $x = 2$", "with the error $e = ...$"; never "For the smooth pair the relation has a
# factor two inside, $\tanh(x) = ...$")
_HYPOTHESIS_END = re.compile(r"(?:\b(?:let|lets|let's|suppose|assume|assuming|if(?!\s+(?:you|one)\s+(?:prefer|like|want|wish)"
                             r"\b)|when|whenever|given|define|defining|denote|"
                             r"denoting|unless|provided|iff)\b[^$]*"
                             r"|\b(?:where|with|set|setting|call|consider|considering|take|taking|for(?!\s+(?:instance|example)\b)|case|say"
                             r"|substitut(?:e|es|ing)|(?:re)?parametri[sz](?:e|es|ed|ing)|(?:re)?parameteri[sz](?:e|es|ed|ing))\b"
                             r"(?:[^$\s,;:]*[,;:]?\s+){0,5}[^$\s]*)$",
                             re.I)
_HYPOTHESIS_STRONG = re.compile(r"\b(?:let|lets|let's|suppose|assume|assuming|if|when|whenever|given|define|defining|"
                                r"denote|denoting|unless|provided|iff)\b[^$]*$", re.I)
_DERIVATIVE_MARK = re.compile(r"\\partial|\\nabla|\\frac\s*\{\s*(?:d|\\mathrm\s*\{\s*d\s*\})\s*[^a-zA-Z]|[A-Za-z}]\s*'+\s*(?:\(|$)")
# "... fails unless $y^T X w = 0$", "provided $a = b$": a condition, whatever its form, not a claim
# "asked for is", "for part (c) is": "for" in a clause of its own, before the verb that states the mathematics
_ASKED_FOR = re.compile(r"^for\b[^$]*\b(?:is|are)\s*$", re.I)
# "From $\mathbf{w} = \mathbf{0}$ the first update gives ...", "starting from $x_0 = 1$": where it starts, supposed
# ("the sum stops at $i = p - 1$": where an index ends, supposed too)
_FROM_BEFORE = re.compile(r"\b(?:from|(?:stops?|starts?|ends?|runs?|begins?|terminates?)\s+(?:at|with|up\s+to))\s*$", re.I)
# "the score equation $\sum_i (y_i - \mu_i) = 0$ gives": an equation to solve, named so, no identity
_EQUATION_BEFORE = re.compile(r"\b(?:equations?|conditions?|constraints?)\s*(?:\([^()]*\)\s*)?,?\s*$", re.I)
_CONDITION_BEFORE = re.compile(r"\b(?:unless|provided(?:\s+that)?|iff|if\s+and\s+only\s+if|only\s+if|whenever|such\s+that|"
                               # "place the inputs so that $r^2 = ...$": what is chosen, a supposition (never "..., so
                               # that $q = ...$": what follows)
                               r"(?:place|placed|choose|chosen|pick|picked|set|take|taken|scale|scaled|arrange|arranged|put)"
                               r"\b[^$.;]{0,40}\bso\s+that)\s*$", re.I)
# "let $a = 1$ and $b = 2$", "let $a = 1$, $b = 2$": the mathematics right before, and what joins them
_JOINED_TO_MATH = re.compile(r"\$([^$]*)\$\s*(?:,\s*)?(?:\band\s*)?$", re.I)
# "..., so that $q_k = ...$": what follows from what was just said, a claim even in a sentence opening "Let"
# "... and uses $M_k = ...$": a formula the prose says something computes, no definition
_CLAIM_LEAD = re.compile(r"\b(?:uses?|using|computes?|computing|keeps?|keeping)\s*,?\s*$"
                         # "someone claimed the flat value is $R(q) = 0.75$", "I wrote $L = ...$": what was said, a claim
                         r"|\b(?:claim(?:s|ed)?|wrote|got|obtained|asserted|thought|believed|said|suggested|guessed|"
                         r"answered|concluded)\b[^.$:;]{0,40}$", re.I)
# "my notes say the error satisfies $e_{k+1} = ...$": a relation said to hold (a claim), never the step that defines
# a sequence
_SAID_TO_HOLD = re.compile(r"\b(?:says?|satisf(?:y|ies|ied|ying)|obeys?|obeying)\b[^.$:;]{0,40}$", re.I)
# a vector named alone, bold or not: \mathbf{x}, x, \boldsymbol{\mu}
# x_1, \mathbf{x}_{2}: a numbered entry of a vector, given a number in the prose
_ENTRY_GIVEN = re.compile(r"\s*(?:\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*(\\?[A-Za-z]+)\s*\}|(\\?[A-Za-z]+))\s*_\s*(?:(\d)|\{\s*(\d+)\s*\})\s*")
_LONE_VECTOR = re.compile(r"\s*(?:\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*(\\?[A-Za-z]+)\s*\}|(\\?[A-Za-z]+))\s*")
# numbers written as a vector: (1, 3), (1, 3)^\top, [1, 3], \begin{pmatrix} 1 \\ 3 \end{pmatrix}
_NUMBER_LIST = re.compile(r"\s*(?:\\left\s*)?[(\[]|\s*\\begin\s*\{\s*[pb]matrix\s*\}")
# an event operator, a condition or a complement inside P(...): the document writes events
_EVENT_WRITTEN = re.compile(r"\\cap|\\cup|\\mid|\\setminus|\^\s*\{?\s*(?:c|\\complement)(?![A-Za-z])|\\bar|\\overline"
                            r"|\||\\vert|(?:^|[(,])\s*[+-]\s*(?:$|[),|\\])")


def _writes_events(text: str) -> bool:
    for m in events.PROBABILITY_HEAD.finditer(text):
        inside = text[m.end():m.end() + 120]
        depth, end = 1, None
        for n, ch in enumerate(inside):
            depth += {"(": 1, ")": -1}.get(ch, 0)
            if depth == 0:
                end = n
                break
        if end is not None and "=" not in inside[:end] and "<" not in inside[:end] and ">" not in inside[:end] \
                and "\\le" not in inside[:end] and "\\ge" not in inside[:end] and _EVENT_WRITTEN.search(inside[:end]):
            return True
    return False


def _probability_term(text: str) -> bool:
    """Whether a term is P(...) and nothing else (its parenthesis closes at its end)."""
    m = events.PROBABILITY_HEAD.match(text)
    if m is None:
        return False
    depth = 1
    rest = text[m.end():].rstrip()
    rest = re.sub(r"\\(?:right|bigr|Bigr|big|Big)\s*\)", ")", rest)
    for n, ch in enumerate(rest):
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if depth == 0:
            return n == len(rest) - 1
    return False


def _head_and_arity(text: str) -> tuple[str, int] | None:
    """(f, 2) of f(x, y), (D, 2) of D(p \\| q), (z, 0) of z: the name a left side opens with and how many
    arguments it is applied to; None when it opens with no name."""
    from .reader import divergence_bars

    head = _HEAD_NAME.match(text)
    if head is None:
        return None
    rest = divergence_bars(text)[head.end(1):].lstrip()
    if not rest.startswith("("):
        return head.group(1), 0
    depth, commas = 0, 0
    for ch in re.sub(r"\\,", " ", rest):
        depth += ch in "([{"
        depth -= ch in ")]}"
        commas += ch == "," and depth == 1
        if depth == 0:
            break
    return head.group(1), commas + 1


# "$w_2 = 2$", "$b = 0.5$": a name given a number
_GIVEN_NUMBER = re.compile(r"\s*(\\?[A-Za-z]+(?:\s*_\s*(?:\{\s*\w+\s*\}|\w))?)\s*=\s*-?\s*\d+(?:\.\d+)?\s*[,.;]?\s*")


# the words that give a name a (new) meaning: "let $f(x) = ...$", "now define", "where $g(t) = ...$"
_GIVING_LEAD = re.compile(r"\b(?:let|define[sd]?|defining|denote[sd]?|set|take|now|consider|suppose|assume|write|put|"
                          r"redefine[sd]?|instead|where|with|call|called|replace[sd]?)\b"
                          r"(?:[^$.;]|\$[^$]*(?:<|>|\\in\b|\\geq?\b|\\leq?\b|\\neq?\b)[^$]*\$)*$", re.I)
# (a condition in between, "with a curvature $a > 0$, $f(x) = ...$", is part of the words that give it)
# "The correct estimators are", "it should be", "instead": the words before a formula that corrects an earlier one
_CORRECTING_LEAD = re.compile(r"\b(?:the\s+)?(?:correct(?:ed)?|right|proper|fixed)\s+(?:[a-z-]+\s+){0,3}?(?:is|are|reads?|"
                              r"becomes?)\s*:?\s*$|\bshould\s+(?:be|read|have\s+been)\s*:?\s*$|\binstead\s*[:,]?\s*$|"
                              r"\b(?:correctly|properly)\b[^.$]{0,30}$|(?:^|[.:;]\s*)(?:corrected|fixed|correct\s+version)\s*:\s*$", re.I)
# "Looking again, ...; I had dropped the 1/2. The factor is": a paragraph that takes back what came before
_RETRACTING = re.compile(r"\b(?:looking\s+again|checking\s+again|on\s+second\s+thought|i\s+had\s+(?:dropped|forgotten|"
                         r"lost|missed|mixed)|redoing|redo(?:ne)?\s+(?:it|this|the))\b", re.I)
# "That cannot be a density", "this is wrong", "I forgot the penalty": words that may take back a formula before
# them, or show a mistake to avoid
_DOUBTING = re.compile(r"\b(?:my\s+|our\s+|the\s+)?first\s+(?:thought|attempt|guess|try|instinct)\b|\bat\s+first\s+(?:I|we)\b|"
                       r"\b(?:must|should)\s+(?:be|have\s+been)\b|"
                       r"\b(?:cannot|can't|can\s+not)\s+be\b|\b(?:is|was|are|were|that's|looks)\s+(?:wrong|incorrect|"
                       r"not\s+right)\b|\bmistake\b|\boops\b|\bi\s+(?:forgot|dropped|missed|lost)\b|\bslip\b|\btypo\b", re.I)


def _doubted_after(text: str, start: int, offset: int) -> int | None:
    """Where the last words that may take back a formula stand in the paragraph before ``offset`` (within 1200
    characters: a display may stand between them and the formula), when that is after ``start``; None where there
    are none."""
    window = max(text.rfind("\n\n", 0, offset), offset - 1200, start, 0)
    found = []
    for m in _DOUBTING.finditer(text, window, offset):
        # ("I keep writing $f' = 1 - f$, which is wrong": words about a formula of their own sentence, not one before)
        sentence = max(text.rfind(". ", 0, m.start()), text.rfind("\n\n", 0, m.start()), 0,
                       *(text.rfind(close, 0, m.start()) + len(close) for close in ("$$\n", "\\]", "\\end{")))
        # (a name in the sentence, "the step along $\mathbf{n}$ must be ...", is no formula of its own)
        if not re.search(r"\$[^$]*(?:=|\\neq|\\approx)[^$]*\$", text[sentence:m.start()]):
            found.append(m.start())
    return found[-1] if found else None


# where a document writes the constant pi: 2\pi, \pi/2, \sqrt{2 \pi}, \cos(\pi t), e^{i \pi}, \pi r^2, 180/\pi
_PI_CONSTANT = re.compile(r"\d\s*\\pi(?![A-Za-z])|\\pi\s*(?:/|\^|r\b)|\\sqrt\s*\{[^{}]*\\pi(?![A-Za-z])|"
                          r"\\(?:sin|cos|tan|exp)\b[^$]{0,20}\\pi(?![A-Za-z_])|\^\s*\{[^{}]*\\pi(?![A-Za-z_])|"
                          r"\\frac\s*\{[^{}]*\}\s*\{[^{}]*\\pi(?![A-Za-z_])|\\frac\s*\{[^{}]*\\pi\s*\}|\\int[^$]{0,30}\\pi")
# "$|\mathbf{a}|$ the length", "the magnitude $|\mathbf{v}|$": bars around a vector are its length
_BARS_NAME = r"\|\s*(?:\\(?:mathbf|vec|boldsymbol|bm)\s*\{?\s*\\?[A-Za-z]+\s*\}?|\\?[A-Za-z]+)\s*\|"
_BARS_LENGTH = re.compile(r"\$\s*" + _BARS_NAME + r"\s*\$\s*(?:is\s+|denotes\s+|for\s+|as\s+)?(?:the\s+|its\s+)?"
                          r"(?:length|magnitude|norm|size|modulus)\b"
                          r"|\b(?:length|magnitude|norm|modulus)\s+(?:of\s+[^$.]{0,20})?\$\s*" + _BARS_NAME, re.I)
# \pi used as a name: with a subscript that is no number (\pi_k, \pi_\theta; \pi_1 is a name of its own), transposed, given a written vector, applied as a policy
# (\pi(a \mid s)), or called a distribution or a policy in words
_PI_NAMED = re.compile(r"\\pi\s*_\s*(?:\{\s*(?!\d+\s*\})[^{}$]*\}|\\?[A-Za-z]+)|\\pi\s*\^\s*\{?\s*(?:\\top|T|\\intercal)(?![A-Za-z])"
                       r"|\\pi\s*=\s*(?:\\left\s*)?[(\[][^()\[\]$]*,[^$]*|\\pi\s*=\s*\\begin\s*\{\s*[pbBvV]?matrix\s*\}"
                       r"|\\pi\s*(?:\\left\s*)?\(\s*\\?[A-Za-z]+\s*(?:\\mid|\|)"
                       r"|\b(?:stationary|invariant|limiting|equilibrium|steady[- ]state)\s+(?:distribution|vector|probabilit"
                       r"(?:y|ies)|law)\s+(?:is\s+)?\$\s*\\pi|\bpolic(?:y|ies)\s+\$\s*\\pi(?![A-Za-z])")
_WRITTEN_ARRAY_TEXT = re.compile(r"\\begin\s*\{\s*[pbvBV]?matrix\s*\}")  # (an example's matrix, written out)
_DISPLAY_OPENING = re.compile(r"(?:\$\$|\\\[|\\begin\s*\{[A-Za-z*]+\})\s*$")  # (what opens the display, left out)
# "The normal equations read", "the first-order conditions are:", "solve the system": equations the unknowns satisfy
_SYSTEM_LEAD = re.compile(r"\b(?:equations?|system|conditions?)\s*(?:\([^()]*\)\s*)?(?:\b(?:read|reads|are|is|becomes?|"
                          r"gives?|yields?)\b)?\s*:?\s*$", re.I)
# "the minimiser solves $(X^T X + \lambda I) w = X^T y$", "w must satisfy $...$": an equation its unknowns satisfy
_SOLVES_LEAD = re.compile(r"\b(?:solves?|solving|satisf(?:y|ies|ying)|(?:solution|roots?|zeros?)\s+(?:of|to)(?:\s+the"
                          r"\s+equation)?|the\s+equation)\s*:?\s*$"
                          # ("Substituting for $D$ and solving for $N$,": what the unknown is at the solution)
                          r"|\bsolv(?:e|es|ing|ed)\s+(?:it\s+|this\s+|them\s+)?for\s+\$[^$]{1,30}\$\s*[,:]?\s*$", re.I)
# "... $$x^3 + x^6/8 = 3x^3$$ hence, for $x \neq 0$, $x^3 = 8$": words right after a display that solve it for one of
# its letters (a number for it, or a power of it): an equation to solve, no identity
_SOLVED_IN_WORDS_AFTER = re.compile(r"^\s*[,.;]?\s*(?:and\s+)?(?:hence|so|thus|therefore|giving|which\s+gives|whence)\b(?:[^$.;]|\$[^$]*\$)"
                           r"{0,60}?\$\s*(\\?[A-Za-z]+)\s*(?:\^\s*\{?\s*\d+\s*\}?\s*)?=\s*[-+]?\s*\d")
# "At a minimiser the gap ... is therefore: $$z_c - z_k = \log(q_c/q_k)$$": what holds at a point the words describe,
# no identity for every value
_AT_A_POINT_LEAD = re.compile(r"\b(?:at|in)\s+(?:a|an|the|its|this|that|any|every)\s+(?:global\s+|local\s+)?(?:minimi[sz]er|"
                              r"maximi[sz]er|minimum|maximum|optimum|stationary\s+point|critical\s+point|fixed\s+point|"
                              r"equilibrium|saddle\s+point)s?\b[^.;!?]*$", re.I)
# "$m < n$", an order of two letters alone in its formula (of two sizes, where both are)
_SIZE_ORDER_SAID = re.compile(r"(?<!\$)\$\s*([A-Za-z])\s*(<|>|\\le(?:q|qslant)?\b|\\ge(?:q|qslant)?\b)\s*([A-Za-z])\s*\$")
_SIZE_ORDERS = {"<": "<", ">": ">", "\\le": "<=", "\\leq": "<=", "\\leqslant": "<=", "\\ge": ">=", "\\geq": ">=",
                "\\geqslant": ">="}
# a shape said in words: "$A \in \mathbb{R}^{m \times n}$"
_SHAPE_SAID = re.compile(r"\\in\s*(?:\\mathbb\s*\{?\s*R\s*\}?|\\R\b|ℝ)\s*\^")


def _sentence_around(text: str, offset: int) -> str:
    """The sentence of the text that holds ``offset`` (to a full stop or a paragraph's end on either side)."""
    start = max(text.rfind(". ", 0, offset), text.rfind(".\n", 0, offset), text.rfind("\n\n", 0, offset), 0)
    ends = [e for e in (text.find(". ", offset), text.find(".\n", offset), text.find("\n\n", offset)) if e >= 0]
    return text[start:min(ends) if ends else len(text)]


# words of a document that differentiates: y' is then the derivative of a y it may give no formula
_DIFFERENTIATING = re.compile(r"\b(?:differentiat\w*|implicit(?:ly)?|derivatives?|with\s+respect\s+to|"
                              r"(?:a|as\s+a)\s+function\s+of)\b", re.I)
# "use instead $x_{k+1} = ...$", "the Newton step for $u$ is", "a damped variant iterates": words that give a method's step
_METHOD_LEAD = re.compile(r"\b(?:use|uses|using|instead|method|variant|modified|modification|scheme|iterates?|iteration|"
                          r"update\s+(?:rule\s+)?(?:for|of|is|becomes)|step\s+(?:for|of)|rule\s+(?:for|of|is)|apply|applying|"
                          r"applied|replac(?:e|es|ing))\b[^.;]*$", re.I)
# "In the example $p(b) = b^2/4$", "for this example", "in our worked example": a claim said of an example (never "for
# example", which gives one)
_IN_THE_EXAMPLE = re.compile(r"\b(?:in|for|of|on)\s+(?:(?:the|this|that|our|my|each|your)\s+(?:\w+\s+)?example\b|example\s+\d)",
                             re.I)
# "The folium is the curve $$x^3 + y^3 = 3axy$$", "on the unit circle": the equation of a curve, what its points satisfy
_CURVE_LEAD = re.compile(r"\b(?:curve|surface|circle|ellipse|hyperbola|parabola|level\s+(?:set|curve)|locus|constraint|"
                         r"equation\s+of\s+the\s+(?:curve|line|plane|circle|tangent(?:\s+line)?))\s*(?:\([^()]*\)\s*)?:?\s*$",
                         re.I)
# "Likewise $P(A \mid D) = 5/21$", "so $P(B) = 0.3$": a result the words draw, never a probability the document gives
_DRAWN_LEAD = re.compile(r"\b(?:likewise|similarly|so|hence|thus|therefore|then|gives?|giving|get|gets|got|obtain(?:s|ed)?|"
                          r"equals?|becomes?|comes?\s+out|works?\s+out|computed?|answer|wrote|claim(?:s|ed)?|find|found|"
                          r"yields?|we\s+have|follows?|means?)\b(?:[^.$:;]|\$[^$]*\$)*$", re.I)
# "a classmate told me that means $S(v) = ...$", "the book claims $...$": a formula the words report, someone's claim
_REPORTED_LEAD = re.compile(r"\b(?:told\s+(?:me|us|them)|claim(?:s|ed)?|says?|said|suggest(?:s|ed)?|think(?:s)?|thought|"
                            r"believe[sd]?|argue[sd]?|insist(?:s|ed)?)\b(?:[^.$:;]|\$[^$]*\$)*$", re.I)
_COMPUTES_LEAD = re.compile(r"^\s*(?:uses?|using|computes?|computing|keeps?|keeping)\b", re.I)
_CONSEQUENCE = re.compile(r"\b(?:so\s+that|so|hence|thus|therefore|i\.\s*e\.|that\s+is|which\s+gives|giving)\s*,?\s*$", re.I)
_APPLIED_BUILTIN = re.compile(r"^\s*(?:\\(?:operatorname|mathrm|text|mathit)\s*\{\s*(\w+)\s*\}|\\([A-Za-z]+)|([A-Za-z]{2,}))"
                              r"\s*\(\s*(?:\\?[A-Za-z]+|\\mathbf\s*\{\s*[A-Za-z]\s*\})"
                              r"(?:\s*,\s*(?:\\?[A-Za-z]+|\\mathbf\s*\{\s*[A-Za-z]\s*\}))*\s*\)\s*(?:_\s*\{?\s*\w\s*\}?)?\s*$")


_DERIVATIVE_WRITTEN = re.compile(r"\\nabla|\\partial|\\frac\s*\{\s*d|\\frac\s*\{\s*\\mathrm\s*\{\s*d")
_DEFINING_LEAD = re.compile(r"\b(?:define[sd]?|defining|denot(?:e|es|ed|ing)|we\s+(?:write|use|take)|stands?\s+for|"
                            r"in\s+th(?:is|ese)\s+(?:sheet|set|problem|problems|notes|section|chapter|exercise|question|"
                            r"document|paper|appendix|lecture|course|tutorial|solution|handout)s?|throughout|"
                            r"(?:is|means|will\s+be)\s+(?:the|our|a|an)\b[^.$]*:\s*$)", re.I)


_BARE_FUNCTION = r"(\\sigma|\\tanh|\\sinh|\\cosh|\\phi|\\psi|\\ell|(?<![\\A-Za-z])[fgh])('*(?:\^\s*(?:\d|\{\s*\d\s*\}))?)" \
    r"(?![A-Za-z])(?!\s*['({_^])"


def _bare_function(letters: str = "") -> str:
    """_BARE_FUNCTION, with other one-letter functions the document defines (y of y(t) = e^{-2t}) too."""
    return _BARE_FUNCTION.replace("[fgh]", "[fgh" + letters + "]") if letters else _BARE_FUNCTION


def _factor_not_argument(text: str, functions: set[str], bare: str = _BARE_FUNCTION) -> str:
    """f (... f ...) with f bare inside the parentheses: f times them (\\sigma (1 - \\sigma)), written so."""
    out, at = [], 0
    head = bare[:bare.index("])(") + 2] + r"(\s*)(\\left\s*)?\("
    for m in re.finditer(head, text):
        if m.group(1) not in functions or m.start() < at:
            continue
        depth, end = 0, None
        for k in range(m.end() - 1, len(text)):
            depth += {"(": 1, ")": -1}.get(text[k], 0)
            if depth == 0:
                end = k
                break
        inside = text[m.end():end] if end is not None else ""
        if end is not None and any(g.group(1) == m.group(1) for g in re.finditer(bare, inside)):
            out.append(text[at:m.start(1) + len(m.group(1))] + " \\cdot ")
            at = m.start(1) + len(m.group(1))
    return "".join(out) + text[at:]


def _at_every_point(chain: Chain, reader) -> tuple[Chain, str] | None:
    """sigma' = sigma (1 - sigma), every function written without its argument: the chain with each at a
    fresh number z, and the letter; None where some function is applied or no letter is free."""
    functions = {"\\sigma", "\\tanh", "\\sinh", "\\cosh"} | {n for n in reader.lambdas if n not in reader.vector_functions}
    # (\ddot x = -\omega^2 x of an x(t) the document defines: x'' = -\omega^2 x)
    dotted = reader.dotted_functions()
    chain = dataclasses.replace(chain, terms=tuple(dataclasses.replace(t, text=newton_dots(t.text, dotted))
                                                   for t in chain.terms))
    # (y'' + 3y' + 2y = 0 of a y(t) the document defines: any one-letter function of one variable)
    # (never where the chain differentiates by a name, \partial \log p / \partial x: p there is at its own variable)
    letters = "".join(sorted(n for n in functions if len(n) == 1 and n.isalpha() and n not in "fghdei"
                             and len(reader.lambdas[n].variables) == 1)) \
        if not any(re.search(r"\\partial|\\nabla|\\frac\s*\{\s*(?:d|\\mathrm\s*\{\s*d\s*\})", t.text) for t in chain.terms) else ""
    bare = _bare_function(letters)
    # sigma (1 - sigma): parentheses that hold the bare function itself are a factor, never its argument
    chain = dataclasses.replace(chain, terms=tuple(dataclasses.replace(t, text=_factor_not_argument(t.text, functions,
                                                                                                    bare))
                                                   for t in chain.terms))
    texts = [t.text for t in chain.terms]
    found = [m.group(1) for t in texts for m in re.finditer(bare, t)]
    if not found or any(f not in functions for f in found) \
            or any(re.search(re.escape(f) + r"'*\s*\(", t) for f in set(found) for t in texts) \
            or any(re.search(r"\)\s*(?:'|\^\s*\{?\s*\()", t) for t in texts):
        # ((log sigma)'(0): the derivative of a function written as a formula in others, never that formula at z)
        return None
    written = set(re.findall(r"(?<!\\)\b[A-Za-z]\b", " ".join(re.sub(r"\\[A-Za-z]+", " ", t) for t in texts)))
    letter = next((c for c in "zuvsrq" if c not in written and reader.notation.kind_of(c) is None
                   and not reader.notation.size_of_index(c)), None)
    if letter is None:
        return None
    terms = tuple(dataclasses.replace(t, text=re.sub(bare, lambda m: f"{m.group(1)}{m.group(2)}({letter})",
                                                     t.text)) for t in chain.terms)
    return dataclasses.replace(chain, terms=terms), letter


def _lead(text: str, offset: int) -> str:
    """The words of the sentence a display stands after (from the paragraph or the sentence that holds it)."""
    # (a display set off by a blank line stands after the paragraph before it: "... is therefore:\n\n$$")
    end = len(text[:offset].rstrip())
    start = max(text.rfind("\n\n", 0, end), end - 400, 0)
    before = text[start:end]
    if re.match(r"\s*(?:#|\\(?:sub)*section\*?\s*\{|\\paragraph\s*\{)", before):
        return ""  # (a heading is no sentence the display stands after)
    ends = list(re.finditer(r"[.!?](?:\s|$)(?![^$]*\$[^$]*$)", before))
    return before[ends[-1].end():] if ends else before


def _builtin_use(word: str) -> re.Pattern:
    """Where a formula writes the function named ``word``: \\operatorname{word}, \\mathrm{word}, \\word."""
    return re.compile(r"\\(?:operatorname|mathrm|text|mathit)\s*\{\s*" + re.escape(word) + r"\s*\}|\\"
                      + re.escape(word) + r"(?![A-Za-z])|(?<![\\A-Za-z])" + re.escape(word) + r"(?![A-Za-z])")


# "for a unit vector $u \\in \\mathbb{R}^n$", "let $u$ be a unit vector": said of one name (not "only for unit vectors")
_UNIT_VECTOR = re.compile(r"\b(?:a|any|every|each|some)\s+unit(?:[- ]length)?\s+(?:column\s+)?vector\s*\$([^$]{1,80})\$"
                          r"|\$([^$]{1,40})\$\s+(?:be|is|being)\s+a\s+unit(?:[- ]length)?\s+vector\b", re.I)


def _unit_constraint(reader: Reader, word: str, line: int) -> tuple[Definition, Reading] | None:
    """A vector u the prose calls a unit vector, that the document leaves free: every such u is w / ||w|| for some
    nonzero w (w = u), so a step is checked with u written so, w free: a proof holds for every unit u, a
    counterexample is one exactly. None where u is no free vector of the notation."""
    notation = reader.notation
    keys = [n for n in notation.vectors if n == word or symbol_name(n) == symbol_name(word)]
    if len(keys) != 1:
        return None
    key = keys[0]
    if key in notation.onehot or key in notation.definitions or symbol_name(key) in reader.values:
        return None
    try:
        base = reader.base_of(key)
        high = reader.size_symbol(notation.vectors[key])
    except KeyError:
        return None  # (a vector only the reading of the displays gives a size: the words' supposition stays one)
    free = vector(f"{base.label}_free")
    at = Idx("_at", (1, high))
    j = Idx("_unit", (1, high))
    body = free[at] / sp.sqrt(sp.Sum(free[j] ** 2, (j, 1, high)))
    name = f"\\{key.lstrip(chr(92))}" if key.startswith("\\") else key
    reading = Reading("declaration", f"${name}$ is any unit vector, as line {line} says: checked as ${name}_i = w_i / "
                                     f"\\|w\\|$ for every nonzero vector $w$ (named {free.label} in a counterexample)", line)
    return Definition(base, (at,), body), reading


def _sum_constraint(reader: Reader, chain: Chain, line: int) -> tuple[Definition, Reading] | None:
    """``\\sum_{i=1}^{n} p_i = c`` supposed of a vector p the document leaves free (no definition, no default
    meaning): every such p is q + (c - sum_j q_j)/n for some vector q (q = p), so a step is checked with p
    written so, q free: a proof holds for every p that satisfies it, a counterexample satisfies it exactly.
    None for any other supposition."""
    if len(chain.terms) != 2 or chain.relations[0] != "=":
        return None
    try:
        sides = [reader.read(t.text) for t in chain.terms]
    except (FormulaError, RecursionError):
        return None
    notation = reader.notation
    for a, b in (sides, sides[::-1]):
        if any(v.is_vector or v.row or v.is_matrix or v.misfit is not None for v in (a, b)):
            continue
        e = a.expr
        if not isinstance(e, sp.Sum) or len(e.limits) != 1 or not isinstance(e.function, sp.Indexed):
            continue
        k, low, high = e.limits[0]
        base = e.function.base
        if e.function.indices != (k,) or low != 1 or b.expr.has(base) or k in b.expr.free_symbols:
            continue
        keys = [n for n in notation.vectors if symbol_name(n) == str(base.label)]
        if len(keys) != 1:
            continue
        key = keys[0]
        if reader.size_symbol(notation.vectors[key]) != high or key in notation.onehot or key in notation.definitions \
                or symbol_name(key) in reader.values or reader.base_of(key) != base:
            continue
        free = vector(f"{base.label}_free")
        at = Idx("_at", (1, high))
        j = Idx("_sum", (1, high))
        body = free[at] + (b.expr - sp.Sum(free[j], (j, 1, high))) / high
        name = f"\\{key.lstrip(chr(92))}" if key.startswith("\\") else key
        c, n = sp.latex(b.expr), sp.latex(high)
        reading = Reading("declaration", f"${name}$ is any vector whose entries sum to ${c}$, as line {line} supposes: "
                                         f"checked as ${name}_i = u_i + ({c} - \\sum_j u_j)/{n}$ for every vector $u$ "
                                         f"(named {free.label} in a counterexample)", line)
        return Definition(base, (at,), body), reading
    return None


# Words that say more of a set's members than the set does ("one-hot rows Y \in \{0, 1\}^{B \times K}", "a
# probability vector p \in [0, 1]^K", "y \in \{0, 1\}^n with at least one 1"): the entries alone are not all.
_MORE_THAN_THE_SET = re.compile(r"\b(?:one[- ]?hot|1[- ]hot|hot|sum|sums|summing|distribution|simplex|stochastic|"
                                r"normali[sz]ed|sorted|distinct|non-?zero|unit|orthogonal|permutation|probability\s+vector|"
                                r"at\s+least|at\s+most|exactly|only|unique)\b", re.I)
# (after the set, a clause that qualifies it: "with at least one 1", "such that ...", "whose rows ...")
_QUALIFYING = re.compile(r"\b(?:with|such|that|where|whose|having|has|have|containing|contains|except|unless|not|but|"
                         r"if|when|satisfying|satisfies|subject)\b", re.I)


_SUM_UPPER = re.compile(r"\\sum\s*(?:_\s*(?:\{(?:[^{}]|\{[^{}]*\})*\}|\S))?\s*(\^\s*(?:\{\s*([^{}]*?)\s*\}|(\S)))?")


_FIXED_SUM = re.compile(r"\\sum\s*_\s*\{\s*([a-z])\s*=\s*\d+\s*\}\s*\^\s*(?:\{\s*(?:\d+|\\infty)\s*\}|\d)")


def _sized_sum(text: str) -> bool:
    """Whether the text holds a sum that may run to a size: one with no upper limit (\\sum_i) or a limit that is
    not a whole number or infinity (\\sum_{k=1}^{n}); \\sum_{k=1}^{\\infty} and \\sum_{k=1}^{4} run to none."""
    for m in _SUM_UPPER.finditer(text):
        upper = m.group(2) if m.group(2) is not None else m.group(3)
        if upper is None or not re.fullmatch(r"\d+|\\infty", upper.strip()):
            return True
    return False


def _qualified_set(text: str, offset: int) -> bool:
    """Whether the clause around the inline mathematics starting at ``offset`` ($y \\in \\{0, 1\\}^n$) says more of
    its members than that they lie in the set: a word before it in its clause (one-hot, distribution, at least), or
    after it before the clause ends (with, such that, whose)."""
    end = text.find("$", offset)
    if end < 0:
        return True
    before = re.split(r"[,;.:]|\$[^$]*\$|\n\s*\n", text[max(0, offset - 201):max(0, offset - 1)])[-1]
    after = re.split(r"[,;.:$]|\n\s*\n", text[end + 1:end + 201])[0]
    return bool(_MORE_THAN_THE_SET.search(before) or _MORE_THAN_THE_SET.search(after) or _QUALIFYING.search(after))


def _guessed_one_hot(steps: list[Step], said) -> list[Step]:
    """Steps reading a vector as one-hot by default where the prose declares it (y \\in R^N) without saying it
    is one-hot: marked, so that a verdict stands only where reading it as any vector gives the same."""
    declared = {symbol_name(d.name) for d in said.declarations if d.kind in ("vector", "restricted")}
    declared -= {symbol_name(d.name) for d in said.declarations if d.kind == "onehot"}
    if not declared:
        return steps
    out = []
    for step in steps:
        names = tuple(sorted({str(b) for b, _ in step.assume.onehot} & declared))
        if names:  # (the verdict names the readings where they matter)
            step = dataclasses.replace(step, hot_guessed=names)
        out.append(step)
    return out


def _builtin_head(text: str, notation: Notation) -> str | None:
    """The built-in function a term applies to its bare variables (LSE(x), \\sigma(z)_i), or None."""
    m = _APPLIED_BUILTIN.match(text)
    if not m:
        return None
    word = m.group(1) or m.group(2) or m.group(3)
    defaults = default_notation()  # (a function the document itself names, sm = softmax, is no built-in)
    # Only the names whose meaning varies between authors (a softmax with a temperature, a softplus with a
    # sharpness, sigma for a softmax); max(a, b) = (a + b + |a - b|)/2 is a claim about max, never a definition.
    builtin = BUILTIN_FUNCTIONS.get(word) in REDEFINABLE or any(
        n.kind_of(w) == "function" for n in (notation, defaults) for w in ("\\" + word, word)) \
        and any(defaults.kind_of(w) == "function" for w in ("\\" + word, word))
    return word if builtin and word not in ("log", "ln", "exp") else None


def _given_builtins(steps: list[Step], notation: Notation) -> list[Step]:
    """A chain opening with a built-in function at its variables (LSE(x) = ..., \\sigma(z) = ...) defines it as
    the document means it, which may not be its usual meaning; derive reads the name with its usual meaning
    everywhere, so that link is a premise of every step from there on that uses the name (see Step.premises)."""
    found: dict[str, tuple[int, re.Pattern, Side, Side, str]] = {}
    unread: dict[str, tuple[int, re.Pattern, str]] = {}
    for step in steps:
        if len(step.texts) < 2:
            continue
        if step.problem.startswith("the definition of "):
            continue  # the document's own meaning, which the reader took (sigma = softmax): no premise
        if step.problem or len(step.terms) < 2:
            word = _builtin_head(step.texts[0], notation)
            if word is not None and word not in found and word not in unread \
                    and not _builtin_use(word).search(" ".join(step.texts[1:])):
                at = step.positions[0][0] if step.positions else step.line
                unread[word] = (step.line or 0, _builtin_use(word),
                                f"uses {word}, which line {at} defines by a formula that is not read "
                                f"({step.problem or 'not an equation'}), and derive reads {word} only with its usual meaning")
            continue
        word = _builtin_head(step.texts[0], notation)
        if word is None or word in found or word in unread or _builtin_use(word).search(step.texts[1]):
            continue  # (tr(W) = tr(W^T) uses the function on both sides: a claim about it, no definition)
        if not step.terms[1].expr.free_symbols & step.terms[0].expr.free_symbols:
            continue  # "at $a = 0$, $\sigma(a) = 1/2$": its value at a point, a claim about it
        line = step.line or 0
        what = f"line {step.positions[0][0] if step.positions else line} defines {word}"
        found[word] = (line, _builtin_use(word), step.terms[0], step.terms[1], what)
    if not found and not unread:
        return steps
    out = []
    for step in steps:
        text = " ".join(step.texts)
        why = next((why for at, use, why in unread.values() if (step.line or 0) > at and use.search(text)), None)
        if why is not None and not step.problem:
            step = dataclasses.replace(step, problem=why)
        premises = tuple((lhs, rhs, what) for at, use, lhs, rhs, what in found.values()
                         if (step.line or 0) >= at and use.search(text))
        out.append(dataclasses.replace(step, premises=step.premises + premises) if premises else step)
    return out


_CONSTRAINT_BEFORE = re.compile(r"\b(?:with|where|such\s+that|so\s+that|satisfying|subject\s+to|i\.\s*e\.|so)\s*,?\s*$", re.I)
# (after a part's label or a bold run-in heading too: "(c) Suppose now ...", "**(ii)** Let ...", "**Orthonormal
# design.** Suppose ...")
_HYPOTHESIS_START = re.compile(r"\s*(?:(?:\*\*|__)?\s*(?:\(\s*(?:[a-h]|i{1,3}|iv|vi?)\s*\)|[a-h]\))\s*(?:\*\*|__)?\s*"
                               r"|(?:\*\*|__)[^*_$]{1,60}[.:](?:\*\*|__)\s*)?"
                               r"(?:let|lets|let's|suppose|assume|assuming|given|(?:we\s+)?(?:choose|pick|select|tune)\b[^.;:!?]*"
                               r"\b(?:so|such)\s+that)\b", re.I)


def _drawn_after_supposing(before: str) -> bool:
    """"Let $Y \\sim \\mathrm{Binomial}(4, 0.5)$, so $P(Y = 2) = ...$": what the supposition gives, after a word
    of consequence that follows its mathematics, a claim."""
    return "$" in before and _CONSEQUENCE.search(before[-30:]) is not None \
        and not re.search(r"\bso\s+that\s*,?\s*$", before[-30:], re.I)


_BARE_NAME = re.compile(r"^\s*(?:\\(?:mathbf|boldsymbol|bm|hat|bar|tilde|vec|mathcal|mathscr)\s*\{?\s*)?\\?[A-Za-z]+\s*\}?"
                        r"(?:_\{?[A-Za-z0-9,]+\}?)?(?:\^\{?\(?[A-Za-z0-9]+\)?\}?)?'*\s*(?:\([^()]*\))?\s*$")
_MEMBERSHIP = re.compile(r"\s*\\in\s*(?:\\mathbb\s*\{?\s*R\s*\}?|\\R\b|ℝ)\s*(?:\^\s*(?:\{[^{}]*\}|\w))?")
_FUNCTION_ALIAS = re.compile(r"^\s*(\\[A-Za-z]+|[A-Za-z]|\\(?:text|operatorname|mathrm)\s*\{\s*[A-Za-z]{2,}\s*\})"
                             r"\s*(?:\(\s*(?P<arg>[^()]*)\s*\))?\s*$")
_UPRIGHT_NAME = re.compile(r"^\\(?:text|operatorname|mathrm)\s*\{\s*([A-Za-z]{2,})\s*\}$")
_KNOWN_FUNCTION = re.compile(r"^\s*(?:\\(?:text|operatorname|mathrm)\s*\{\s*(?P<a>\w+)\s*\}|\\?(?P<b>softmax|sigmoid))"
                             r"\s*(?:\(\s*(?P<arg>[^()]*)\s*\))?\s*$")
_ALIAS_KINDS = {"softmax": "softmax", "sigmoid": "sigmoid", "logistic": "sigmoid"}


def _undefined_functions(expr: sp.Expr) -> set[str]:
    """The functions a side applies that the document never defines (read as any function)."""
    return {str(f.func) for f in expr.atoms(AppliedUndef)}


def _bold_free(text: str) -> str:
    return re.sub(r"\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*([^{}]*)\s*\}", r"\1", text).replace(" ", "")


@dataclass
class _Item:
    """A chain in document order, with what the prose says of it."""

    chain: Chain
    inline: object = None  # the InlineMath it came from, for inline mathematics
    learn_line: int | None = None  # the line its definitions hold from (a "where" after a display: that display)
    order: float = 0.0
    piecewise: bool = False  # a branch of a function defined by cases: not learned as a definition by itself
    branch: bool = False  # one case of a display by cases (L = a if ...): its uses are learned, never a definition


# "$\log$ is the logarithm to base 2", "all logarithms are to base 2": what \log means in the document
_LOG_BASE = re.compile(r"(?:\\log\$?\s+(?:is|denotes|means|stands\s+for|will\s+denote)\s+(?:the\s+)?(?:logarithm|log)"
                       r"|\blog(?:arithm)?s\s+(?:are|will\s+be)\s+(?:taken\s+)?|\ball\s+logs?\s+(?:are\s+)?)"
                       r"\s*(?:to|in|with)?\s*(?:the\s+)?base[\s-]*\$?\{?\s*(2|10)\s*\}?\$?", re.I)
# "we write $\\|\\cdot\\|$ for the $\\ell_1$ norm", "$\\|x\\|$ denotes the $\\ell_1$ norm": an l1 norm named, and
# just before it a norm written without a subscript, closing its mathematics
_L1_NORM = re.compile(r"(?:\\ell|ℓ|\bl|\bL)\s*_?\s*\{?\s*1\s*\}?\s*\$?[\s-]*norm", re.I)
_BARE_NORM_BEFORE = re.compile(r"(?:\\\|\s*(?:\\cdot|\\?[A-Za-z]{1,8})?\s*\\\||\\norm\s*\{[^{}$]{0,20}\}|"
                               r"\\lVert[^$]{0,20}\\rVert)\s*\$[^$.]{0,40}\$?$")


_EINSTEIN = re.compile(r"\bEinstein(?:'s)?\s+(?:summation\s+)?(?:convention|notation|summation)|\brepeated\s+ind(?:ex|ices)\s+"
                       r"(?:are|is)\s+summed", re.I)
_PRIME_TRANSPOSE = re.compile(r"\b(?:a\s+|the\s+)?primes?\s+(?:\(\$?'?\$?\)\s+)?(?:denotes?|means?|marks?|stands?\s+for|is|indicates?)"
                              r"\s+(?:the\s+|a\s+)?transpos", re.I)


def _stated_conventions(text: str, lines: "_Lines") -> tuple:
    """What the prose says \\log and an unsubscripted norm mean, each (value, line), or None each."""
    log = _LOG_BASE.search(text)
    norm = next((m for m in _L1_NORM.finditer(text)
                 if _BARE_NORM_BEFORE.search(text[max(0, m.start() - 80):m.start()])), None)
    return ((sp.Integer(int(log.group(1))), lines.of(log.start())) if log else None,
            (1, lines.of(norm.start())) if norm else None)


def _label_key(name: str) -> str:
    """A name with a label subscript as the reader names it: W_{1} is W_1, b_{12} is b_12."""
    m = re.fullmatch(r"([A-Za-z])_\{\s*([A-Za-z]|\d+)\s*\}", name)
    return f"{m.group(1)}_{m.group(2)}" if m else name


_ROW_OF = re.compile(r"\$\s*(\\?[A-Za-z]+)\s*_\s*\{?\s*([a-z])\s*\}?\s*(?:\^\s*(?:\\top|T|\{\s*\\top\s*\}))?\s*\$\s*"
                     r"(?:is|denotes)\s+the\s+\$?\s*\2\s*\$?\s*(?:-?\s*th|\^\s*\{?\s*\\?(?:text\s*\{)?th\}?\}?)\s+row\s+of\s+"
                     r"\$\s*(\\?[A-Za-z]+)", re.I)
_STACKED = re.compile(r"\$\s*(\\?[A-Za-z]+)\s*_\s*\{?\s*1\s*\}?\s*,\s*\\[lc]?dots\s*,\s*\1\s*_\s*\{?\s*[a-zA-Z]\s*\}?"
                      r"[^$]*\$(?:[^$.]|\$[^$]{0,80}\$){0,200}?\b(?:stacked|arranged|collected|placed)?\s*(?:as|in|are)\s+the\s+"
                      r"rows\s+of\s+"
                      r"\$\s*(\\?[A-Za-z]+)", re.I)


# "$X \in \mathbb{R}^{n \times d}$ is the design matrix with rows $x_i^\top$", "a matrix $X$ whose rows are $x_i^T$"
_WITH_ROWS = re.compile(r"\$\s*(\\?[A-Za-z]+)\s*(?:\\in\b[^$]*)?\$[^$.;]{0,80}?(?:\b(?:with|whose)\s+|\(\s*)(?:rows\s+(?:are\s+)?|"
                        r"\$?\s*[a-z]\s*\$?\s*(?:-\s*th|\^\s*\{?\s*\\?(?:text\s*\{)?th\}?\}?)\s+row\s+is\s+)"
                        r"\$\s*(\\?[A-Za-z]+)\s*_\s*\{?\s*[a-z]\s*\}?\s*(?:\^\s*(?:\\top|T|\{\s*\\top\s*\})|\\T)\s*\$")


_ENTRY_LEFT = re.compile(r"\s*(\\?[A-Za-z]+)\s*_\s*\{?\s*([a-z])\s*\}?\s*")
_ORDER_WORDS_TEX = r"(?:<|>|\\leq?|\\geq?|\\leqslant|\\geqslant|\\neq?|≤|≥|≠)"


def _said_where(text: str, chain: Chain) -> tuple[str, str, str] | None:
    """(name, index letter, the condition) of a chain whose first link gives x_k (a term or an entry at an index
    letter) in the sentence right after words that order that letter ("for $k \\le 3$", "when $j > i$", "for
    $t = 2, 3, \\dots$"): the formula holds only there, and gives x_k nowhere else (a recurrence from its second
    step does not give x_1 from x_0); None otherwise."""
    m = _ENTRY_LEFT.fullmatch(chain.terms[0].text)
    if m is None or len(chain.terms) < 2:
        return None
    before = text[max(0, chain.offset - 400):chain.offset].rstrip()
    before = re.sub(r"(?:\$\$|\\\[|\\begin\{[a-z*]+\})\s*$", "", before).rstrip()
    if before.endswith("$"):
        before = before[:before.rfind("$", 0, len(before) - 1)]  # (the inline chain's own opening)
    sentence = re.split(r"(?<=[.!?])\s+(?=[A-Z*])|\n\s*\n", before)[-1]
    letter = re.escape(m.group(2))
    order = rf"(?<![A-Za-z\\]){letter}(?![A-Za-z])\s*{_ORDER_WORDS_TEX}|{_ORDER_WORDS_TEX}\s*{letter}(?![A-Za-z])"
    for math in reversed(re.findall(r"\$([^$]+)\$", sentence)):  # (the nearest order on the letter decides)
        listed = re.fullmatch(rf"\s*{letter}\s*=\s*(\d+)\s*,\s*\d+\s*,\s*\\[lc]?dots\s*", math)
        if listed:  # t = 2, 3, \dots: from that step on
            return (m.group(1), m.group(2), math.strip()) if int(listed.group(1)) >= 2 else None
        if not re.search(order, math):
            continue
        # (t >= 1, 1 <= t, t > 0, t >= 0: where an index runs anyway, no restriction)
        bare = re.sub(rf"(?:^|(?<=[\s,(]))(?:[01]\s*(?:\\leq?|\\leqslant|≤)|0\s*<)\s*(?={letter}(?![A-Za-z]))|"
                      rf"(?<![A-Za-z\\])({letter})\s*(?:(?:\\geq?|\\geqslant|≥)\s*[01]|>\s*0)(?![\d.])", r"\1", math)
        return (m.group(1), m.group(2), math.strip()) if re.search(order, bare) else None
    return None


def _row_families(text: str, notation: Notation) -> dict[str, str]:
    """"$x_i^\\top$ is the $i$-th row of $X$", "$k_1, \\dots, k_n \\in \\mathbb{R}^d$ ..., stacked as the rows of
    $K$", "$X$ ... with rows $x_i^\\top$": each x_i (k_j) is that row of the declared matrix, as a vector: family letter -> matrix name."""
    out = {family_letter(key): key for key in notation.matrices if family_letter(key)}
    found = [(m.group(1), m.group(m.lastindex)) for m in itertools.chain(_ROW_OF.finditer(text), _STACKED.finditer(text))]
    found += [(m.group(2), m.group(1)) for m in _WITH_ROWS.finditer(text)]
    said = {}
    for letter, matrix in found:
        if notation.kind_of(matrix) == "matrix" and letter != matrix \
                and (notation.kind_of(letter) in (None, "vector") and not notation.size_of_index(letter)
                     or notation.kind_of(letter) == "index"
                     and default_notation().size_of_index(letter) == notation.size_of_index(letter)):
            # (k of "rows $k_j^\top$", by default an index letter: the words make it the family of K's rows)
            said.setdefault(letter, matrix)
    # (a family the prose declares and stacks as the rows of a matrix: those rows, not a matrix of its own)
    return {**out, **said}


# \tilde{X}, \hat{w}: an accented name, declared as a vector or a matrix like a letter
_ACCENTED_KEY = r"\\(?:hat|tilde|bar|check|breve)\{\\?[A-Za-z]+\}"


def _unread_declarations(declarations, lines: "_Lines") -> dict[str, str]:
    """The names the prose declares in a way derive does not read (u in R^2, a fixed size; b_1 in R^h, a
    vector with a subscript): every use of them is refused, never read as a guessed number."""
    out = {}
    for d in declarations:
        if d.kind == "family":
            out.setdefault(d.name, f"{d.name}_1, ... are declared on line {lines.of(d.offset)} as ${d.written}$: a family of "
                                   f"their own, which is not read ({d.name}_j would be read as an entry of one vector "
                                   f"{d.name}); write them as the rows of a matrix and use its entries")
            continue
        if d.kind == "unread":
            out.setdefault(d.name, f"{d.name} is declared on line {lines.of(d.offset)} as ${d.written}$, which is not read: "
                                   "what it says of the values (0 or 1, a simplex, an interval) would not be used; "
                                   f"declare {d.name} in \\mathbb{{R}}^{{...}} and say the rest as a condition")
            continue
        if d.kind == "worded":
            out.setdefault(d.name, f"{d.name} is given on line {lines.of(d.offset)} by cases in words "
                                   f"(\"{d.written} ...\"), which are not read: write its cases "
                                   f"with conditions on numbers (\\begin{{cases}} ... \\end{{cases}})")
            continue
        if d.kind == "unsized":
            out.setdefault(d.name, f"${d.name}$ is said on line {lines.of(d.offset)} to be a vector (\"{d.written}\"), "
                                   f"not the number ${d.name}$: declare its length (${d.name} \\in \\mathbb{{R}}^{{1 \\times K}}$) "
                                   "or use another letter")
            continue
        fixed = any(x.isdigit() and not 1 <= int(x) <= _MAX_FIXED_SIZE for x in d.sizes)
        key = _label_key(d.name)  # (W_1, b_2: a name with a one-letter or numeral label is read; W_{out} is not)
        if d.kind in ("vector", "matrix") and (fixed or not re.fullmatch(
                r"[A-Za-z](?:_(?:[A-Za-z]|\d+))?|\\[A-Za-z]+|" + _ACCENTED_KEY, key)):
            word = re.sub(r"_.*$", "", d.name) if not d.name.startswith("\\") else d.name
            out.setdefault(word, f"{d.name} is declared on line {lines.of(d.offset)} as ${d.written}$, which is not read "
                                 "(a fixed size such as 2, or a vector named with a subscript): write the size as a "
                                 "letter, $\\mathbb{R}^n$, or name the vector with one letter")
    return out


def _outputs_called_functions(declarations, items: list[_Item], lines: "_Lines") -> dict[str, str]:
    """"so $y$ is a softmax" of a y the displays never apply to anything (y_i, y^\\top): the vector a softmax gives,
    not the function; which vector that is (of what, so its entries positive and summing to 1) is not read, and y
    read as any vector would refute what holds of every softmax: refused where it is used."""
    out = {}
    terms = [t.text for it in items for t in it.chain.terms]
    for d in declarations:
        if d.kind != "alias" or d.name in out:
            continue
        defined = re.compile(r"\s*" + re.escape(d.name) + r"\s*(?:_\s*(?:\{[^{}]*\}|\w))?\s*")
        if any(len(it.chain.terms) > 1 and defined.fullmatch(it.chain.terms[0].text) for it in items):
            continue  # (y_i = exp(z_i) / sum_j exp(z_j), then "so y is a softmax": the formula is what y is)
        name = re.escape(d.name) + (r"(?![A-Za-z])" if d.name.startswith("\\") else "")
        applied = re.compile(r"(?<![A-Za-z\\])" + name + r"\s*(?:\\left\s*|\\[bB]ig\w*\s*)?[(\[]")
        used = re.compile(r"(?<![A-Za-z\\])" + name + (r"(?![A-Za-z])" if not d.name.startswith("\\") else ""))
        if any(used.search(t) for t in terms) and not any(applied.search(t) for t in terms):
            out[d.name] = (f"{d.name} is said on line {lines.of(d.offset)} to be a {d.sizes[0]} (\"{d.written}\") and is "
                           f"never applied to anything: the vector it gives, of what, is not read; write it "
                           f"(${d.name} = \\operatorname{{{d.sizes[0]}}}(z)$)")
    return out


def _trivial_for_a_size(d, notation: Notation) -> bool:
    """n >= 1 (or n > 0, n >= 0) said of a size: what every size is already."""
    if not (notation.size_name(d.name) or notation.kind_of(d.name) == "size"):
        return False
    order, bound = d.sizes
    try:
        value = float(bound)
    except ValueError:
        return False
    return (order == ">=" and value <= 1) or (order == ">" and value < 1)


# what a declaration says of a name already of some shape: a property of that meaning ("$y \\in \\{0, 1\\}^3$" is a vector
# of 3 entries, each 0 or 1, "one-hot"), which never declares the name anew by itself
_PROPERTY_KINDS = frozenset({"entries", "onehot", "range", "restricted"})


def _redeclared(declarations, line_of) -> set[str]:
    """The names the prose declares with two different meanings: two shapes or kinds, one kind of two sizes, or a
    property said on an earlier line than the shape ("y in {0, 1}", later "y in R^n")."""
    meanings: dict[str, set] = {}
    for d in declarations:
        meanings.setdefault(d.name, set()).add((d.kind, d.sizes))
    out = set()
    for name, found in meanings.items():
        kinds = [k for k, _ in found]
        shapes = {k for k in kinds if k not in _PROPERTY_KINDS}
        if len(shapes) > 1 or len(kinds) != len(set(kinds)):
            out.add(name)
        elif shapes:
            first = min(line_of(d.offset) for d in declarations if d.name == name and d.kind not in _PROPERTY_KINDS)
            if any(line_of(d.offset) < first for d in declarations if d.name == name and d.kind in _PROPERTY_KINDS):
                out.add(name)
    return out


def _declarations_for_part(declarations, redeclared: set[str], end: int, line_of) -> tuple:
    """Every declaration, except that a name declared with two meanings keeps only the one in force at the end of a
    part: the last shape declared before ``end`` with the properties said of it since (on its line or after), or
    without a shape, the last property of each kind; the first declaration, when none is made before."""
    keep = []
    for name in redeclared:
        mine = [d for d in declarations if d.name == name]
        before = [d for d in mine if d.offset < end]
        if not before:
            keep.append(mine[0])
            continue
        shapes = [d for d in before if d.kind not in _PROPERTY_KINDS]
        start = line_of(shapes[-1].offset) if shapes else None
        if shapes:
            keep.append(shapes[-1])
        last = {}
        for d in before:
            if d.kind in _PROPERTY_KINDS and (start is None or line_of(d.offset) >= start):
                last[d.kind] = d
        keep.extend(last.values())
    return tuple(d for d in declarations if d.name not in redeclared or d in keep)


def _family_of(d, sizes: dict) -> tuple[str, str, str] | None:
    """(x, n, d) of a family of vectors the prose declares: "x_1, ..., x_n in R^d", or "x_i in R^d" with i an
    index letter (of the size n); else None."""
    if d.kind == "family" and len(d.sizes) == 2 and re.fullmatch(r"[A-Za-z]|\\[A-Za-z]+", d.name) \
            and not any(x.isdigit() for x in d.sizes):
        return d.name, d.sizes[0], d.sizes[1]
    m = re.fullmatch(r"([A-Za-z]|\\[A-Za-z]+)_\{?([a-z])\}?", d.name)
    if d.kind == "vector" and m and not d.row and not d.sizes[0].isdigit():
        count = next((size for size, letters in sizes.items() if m.group(2) in letters), None)
        if count is not None:
            return m.group(1), count, d.sizes[0]
    return None


_MAX_FIXED_SIZE = 6  # the largest size a declaration may give as a number (x in R^3): its entries are written out


# the letter a sum or a product runs to: \sum_{i=1}^{n}, \prod_{k=1}^K
_SUM_LIMIT = re.compile(r"\\(?:sum|prod)\s*_\s*(?:\{[^{}$]*\}|\w)\s*\^\s*(?:\{\s*([A-Za-z])\s*\}|([A-Za-z]))")


def _declare(notation: Notation, said, lines: _Lines):
    """The notation with the prose's declarations laid over it, and the readings they give, by name."""
    vectors, matrices = dict(notation.vectors), dict(notation.matrices)
    scalars, sizes = list(notation.scalars), {k: tuple(v) for k, v in notation.sizes.items()}
    onehot, functions = dict(notation.onehot), dict(notation.functions)
    rows = set(notation.rows)
    aliases = dict(notation.aliases)
    forget: set[str] = set()
    readings: dict[str, list[Reading]] = {}
    # the names the prose declares as vectors or matrices (not numbers, whatever an inequality says)
    stated_names = {_label_key(d.name) for d in said.declarations if d.kind in ("vector", "matrix")}

    def size_of(name: str) -> str:
        nonlocal sizes
        if name in aliases:
            return aliases[name]
        if name in sizes:
            return name
        if notation.size_name(name):
            return notation.size_name(name)
        if any(name in ix for ix in sizes.values()):
            # R^k with k an index letter by default: the document makes k a size, no longer an index
            sizes = {k: tuple(x for x in ix if x != name) for k, ix in sizes.items()}
        sizes.setdefault(name, ())
        return name

    def note(name: str, text: str, offset: int) -> None:
        readings.setdefault(name, []).append(Reading("declaration", text, lines.of(offset)))

    def as_number(name: str, text: str, offset: int) -> None:
        """The name is a real number, whatever it means by default (a vector, a matrix, a function)."""
        forget.add(name)
        scalars.append(name)
        vectors.pop(name, None)
        matrices.pop(name, None)
        functions.pop(name, None)
        note(name, text, offset)

    classes = [d for d in said.declarations if d.kind == "class"]
    for c in classes:
        # (y, the default one-hot label, said to be the class: "for a labelled example with class $y$")
        default_label = c.name in notation.onehot and c.name in default_notation().onehot \
            and notation.vectors.get(c.name) == default_notation().vectors.get(c.name) \
            and not any(d.name == c.name and d.kind != "class" for d in said.declarations)
        if re.fullmatch(r"[a-z]", c.name) and not notation.size_of_index(c.name) \
                and (notation.kind_of(c.name) in (None, "scalar") or default_label):
            # the correct class c, a letter no default makes an index: an index over the classes
            home = notation.size_of_index(next(iter(notation.onehot.values()), "")) or notation.size_name("N")
            if home in sizes:
                forget.add(c.name)
                sizes = {k: tuple(x for x in ix if x != c.name) for k, ix in sizes.items()}
                sizes[home] = sizes[home] + (c.name,)
                if default_label:
                    vectors.pop(c.name, None)
                    onehot.pop(c.name, None)
                    note(c.name, f"${c.name}$ is the index of the correct class, as the words say (no one-hot label)",
                         c.offset)
    said_onehot = {d.name for d in said.declarations if d.kind == "onehot"}
    for d in said.ones:  # ("\mathbf{1} \in \mathbb{R}^n": n is a size, the length of the vector of ones)
        if re.fullmatch(r"[A-Za-z]", d.sizes[0]) and notation.kind_of(d.sizes[0]) in (None, "size"):
            size_of(d.sizes[0])
            note(d.sizes[0], f"${d.written}$: ${d.sizes[0]}$ is the length of the vector of ones", d.offset)
    aliases = dict(notation.aliases)
    # x \in R^n and z \in R^K (or \sum_{i=1}^n and \sum_{k=1}^K), n and K both other names of the default size N:
    # two letters the document uses as sizes are two sizes (n = K was proved), each a size of its own
    first_at: dict[str, int] = {}
    for d in said.declarations:
        if d.kind in ("vector", "matrix", "index"):
            for x in d.sizes:
                if re.fullmatch(r"[A-Za-z]", x):
                    first_at[x] = min(first_at.get(x, d.offset), d.offset)
    for m in _SUM_LIMIT.finditer(lines.text):
        x = m.group(1) or m.group(2)
        first_at[x] = min(first_at.get(x, m.start()), m.start())
    declared_sizes = set(first_at)
    by_size: dict[str, set[str]] = {}
    for x in declared_sizes:
        target = aliases.get(x) or (x if x in sizes else None)
        if target is not None:
            by_size.setdefault(target, set()).add(x)
    defaults_aliases = default_notation().aliases
    # (one of them keeps the default's meaning: the default size itself where used, else K, the classes' other name,
    # which the default vectors of the classes, y and theta, have as their length)
    keep = {t: t if t in xs else "K" if "K" in xs else min(xs) for t, xs in by_size.items()}
    # (never a letter the document also writes with a subscript, n_k the count of a cluster: a name as well as a size)
    unaliased = {x for t, xs in by_size.items() if len(xs) > 1 for x in xs
                 if x != keep[t] and x in aliases and defaults_aliases.get(x) == aliases[x]
                 and not re.search(r"(?<![\\A-Za-z])" + x + r"\s*_", lines.text)}
    for x in sorted(unaliased):
        del aliases[x]
        forget.add(x)
        sizes.setdefault(x, ())
        note(x, f"${x}$ is a size of its own (the document uses "
                f"{', '.join(f'${y}$' for y in sorted(by_size[defaults_aliases[x]]))} as sizes)", first_at[x])
    for d in said.declarations:
        key = _label_key(d.name)
        if d.kind == "size" and (not d.sizes or d.sizes[0] == "classes") and re.fullmatch(r"[A-Za-z]", key) \
                and notation.kind_of(key) in (None, "scalar", "size"):
            # "c is the number of classes", "Assume K classes": the letter names the number of classes,
            # the length of the class vectors (the one-hot label's)
            classes_size = notation.size_of_index(next(iter(notation.onehot.values()), "")) or notation.size_name("N")
            if classes_size and notation.size_name(key) != classes_size and key not in notation.sizes:
                forget.add(key)
                aliases[key] = classes_size
                note(key, f"${key}$ is the number of classes (the length ${classes_size}$ of the class vectors)", d.offset)
            continue
        if d.kind == "scalar" and re.match(r"\s*(?:is|are|be)\s+(?:an?\s+)?constants?\b", d.written, re.I) \
                and any(e.kind in ("vector", "matrix", "family") and _label_key(e.name) == key and e.offset < d.offset
                        for e in said.declarations):
            continue  # ("since $z$ is a constant" of a vector z declared before: held fixed, still that vector)
        if d.kind == "scalar" and key not in notation.functions:
            forget.add(key)
            scalars.append(key)
            vectors.pop(key, None)  # a default vector (x) the document says is a number
            matrices.pop(key, None)
            note(key, f"${key}$ is a real number", d.offset)
        elif d.kind == "restricted" and key not in notation.functions and (
                notation.kind_of(key) not in ("size", "index")
                or (notation.kind_of(key) == "index" and d.sizes and all(re.fullmatch(r"-?\d+", v) for v in d.sizes)
                    and notation.size_of_index(key) in default_notation().sizes
                    and key in default_notation().sizes[notation.size_of_index(key)])):
            # (t \in \{-1, 1\}: a number, although t is one of the default index letters)
            forget.add(key)
            scalars.append(key)
            note(key, f"${d.written}$: a number; a step that fails for another real ${key}$ is checked at each of "
                      "these values" if d.sizes else f"${d.written}$: read as a real number, kept as a supposition",
                 d.offset)
        elif d.kind == "size" and re.fullmatch(r"[A-Za-z]", key) and d.sizes \
                and notation.kind_of(key) in (None, "scalar", "size"):
            # "Assume K classes", "there are $m$ training examples": a size, counting what the words say
            noun = d.sizes[0]
            if notation.size_name(key) is None and key not in sizes:
                forget.add(key)
                if noun == "classes" and "N" in sizes and notation.size_name("N") == "N":
                    aliases[key] = "N"  # the classes: the length of the class vectors (y, yhat, theta)
                    note(key, f"${key}$ is the number of classes (the size $N$ of the class vectors)", d.offset)
                    continue
                sizes[key] = ()
            note(key, f"${key}$ is the number of {noun}", d.offset)
        elif d.kind == "range" and re.fullmatch(r"[A-Za-z]|\\[A-Za-z]+", key) \
                and not (notation.size_name(key) or notation.kind_of(key) in ("size", "index") or key in sizes) \
                and not re.search(r"(?<![A-Za-z\\_^])" + re.escape(key) + r"\s*'*\s*\(\s*[A-Za-z]\s*\)", lines.text):
            # (never "Let $f \ge 0$ be continuous" of an f the document writes as f(x): a function, not a number)
            # $\sigma > 0$ is a standard deviation: a number, whatever the name means by default (a size,
            # "let $n \ge 1$ be an integer", stays the size it is)
            said_of = Condition(key, d.sizes[1], False, d.offset, d.sizes[0]).text
            as_number(key, f"${key}$ is a real number, {said_of}", d.offset)
            bound = _label_key(d.sizes[1])
            if re.fullmatch(r"[A-Za-z]|\\[A-Za-z]+", bound) and bound not in stated_names \
                    and notation.kind_of(bound) in ("vector", "matrix") \
                    and not (notation.size_name(bound) or key in sizes):
                # a < b: b is a number too, whatever the letter means by default (b a bias vector)
                as_number(bound, f"${bound}$ is a real number, {said_of}", d.offset)
        elif d.kind == "whole" and re.fullmatch(r"[A-Za-z]", key) and key not in notation.functions \
                and (notation.kind_of(key) in (None, "scalar", "size")
                     or (notation.kind_of(key) == "index" and key not in stated_names
                         and not any(x.kind == "index" and _label_key(x.name) == key for x in said.declarations))) \
                and not notation.size_name(key):
            # (k, by default an index letter, said to be a whole number >= 1 with n: "$n, k \ge 1$ are integers")
            # "for some integer $m \\ge 1$": a whole number >= 1, which a sum may run to (a size)
            forget.add(key)
            scalars = [x for x in scalars if x != key]
            sizes = {k: tuple(x for x in ix if x != key) for k, ix in sizes.items()}
            sizes.setdefault(key, ())
            note(key, f"${key}$ is a whole number $\\ge 1$, as the words say", d.offset)
        elif d.kind == "whole" and re.fullmatch(r"[A-Za-z]", key) and notation.size_name(key) \
                and key not in stated_names:
            # "let $n$ be a positive integer" of n, by default the size N's other name: a whole number >= 1 already
            note(key, f"${key}$ is a whole number $\\ge 1$, as the words say", d.offset)
        elif d.kind == "random" and key not in notation.functions:
            as_number(key, f"${key}$ is a random variable, a number", d.offset)
        elif d.kind == "parameter" and re.fullmatch(r"[A-Za-z]|\\[A-Za-z]+", key) \
                and not (notation.size_name(key) or notation.kind_of(key) in ("size", "index") or key in sizes):
            # "i.i.d. with mean $\mu$ and variance $\sigma^2$": a parameter of a law, a number (sigma is no sigmoid)
            as_number(key, f"${key}$ is a real number, " + ("a parameter of a random variable's law" if d.sizes == ("law",)
                                                            else "a constant, as the document says"), d.offset)
        elif _family_of(d, sizes) is not None:
            # x_1, ..., x_n in R^d; x_i in R^d, i an index: the rows of a matrix of their own, x_i its row i
            letter, count, dim = _family_of(d, sizes)
            forget.add(letter)
            scalars = [x for x in scalars if x != letter]
            # (k_1, ..., k_n the keys: k is no longer a default index letter)
            sizes = {s: tuple(x for x in ix if x != letter) for s, ix in sizes.items()}
            vectors.pop(letter, None)
            matrices[family_key(letter)] = (size_of(count), size_of(dim))
            note(letter, f"${letter}_1, \\dots, {letter}_{{{count}}} \\in \\mathbb{{R}}^{{{dim}}}$, a family of vectors", d.offset)
        elif d.kind == "vector" and re.fullmatch(r"[A-Za-z](?:_(?:[A-Za-z]|\d+))?|\\[A-Za-z]+|" + _ACCENTED_KEY, key) \
                and (not d.sizes[0].isdigit() or 1 <= int(d.sizes[0]) <= _MAX_FIXED_SIZE):
            # (x in R^2: a vector of two entries, its size a number, 2)
            forget.add(key)
            scalars = [x for x in scalars if x != key]  # c \in R^{1 x H}: c is no longer the default scalar
            sizes = {s: tuple(x for x in ix if x != key) for s, ix in sizes.items()}  # nor t a default index
            vectors[key] = size_of(d.sizes[0])
            if d.row:
                rows.add(key)
                note(key, f"${key} \\in \\mathbb{{R}}^{{1 \\times {d.sizes[0]}}}$, a row", d.offset)
            else:
                rows.discard(key)
                note(key, f"${key} \\in \\mathbb{{R}}^{{{d.sizes[0]}}}$", d.offset)
        elif d.kind == "matrix" and re.fullmatch(r"[A-Za-z](?:_\{?\w+\}?)?|\\[A-Za-z]+|" + _ACCENTED_KEY, key) \
                and all(not x.isdigit() or 1 <= int(x) <= _MAX_FIXED_SIZE for x in d.sizes):
            forget.add(key)
            scalars = [x for x in scalars if x != key]
            sizes = {s: tuple(x for x in ix if x != key) for s, ix in sizes.items()}
            matrices[key] = (size_of(d.sizes[0]), size_of(d.sizes[1]))
            note(key, f"${key} \\in \\mathbb{{R}}^{{{d.sizes[0]} \\times {d.sizes[1]}}}$", d.offset)
        elif d.kind == "index" and re.fullmatch(r"[a-z]", key) and not d.sizes[0].isdigit():
            size_name = size_of(d.sizes[0])
            if key not in sizes.get(size_name, ()):
                sizes = {s: tuple(x for x in ix if x != key) for s, ix in sizes.items()}
                sizes[size_name] = sizes.get(size_name, ()) + (key,)
                note(key, f"${key}$ runs over $1, \\dots, {d.sizes[0]}$", d.offset)
        elif d.kind == "onehot" and (key in vectors or key in ("y",) or re.fullmatch(r"[A-Za-z]'", key)):
            # (y' is one-hot: the primed name is a vector of its own, the label; the default label y is not one-hot)
            if key not in vectors and key != "y":
                onehot = {k: v for k, v in onehot.items() if not (k == "y" and notation.onehot.get("y") == v
                                                                   and "y" not in said_onehot)}
            vectors.setdefault(key, "N")
            letter = onehot.get(key, "t")
            if classes and (notation.size_of_index(classes[-1].name)
                            or any(classes[-1].name in ix for ix in sizes.values())):
                # (the correct class c the words name, an index over the classes: the class it is one-hot at)
                letter = classes[-1].name
            onehot[key] = letter
            note(key, f"${key}$ is one-hot at class ${letter}$", d.offset)
    for d in said.declarations:
        # y_i \in \{-1, +1\}, y \in \{0, 1\}^n: the document says what y's entries are, and one-hot is not it
        base = _label_key(re.sub(r"\s*_.*$", "", d.name))
        if d.sizes and base in onehot and base not in said_onehot \
                and (d.kind == "entries" or d.kind == "restricted" and re.fullmatch(r"[^_]+_\{?[a-z]\}?", d.name)) \
                and ("-1" in d.sizes or not _qualified_set(lines.text, d.offset)):
            del onehot[base]
            note(base, f"${d.written}$: ${base}$ is no one-hot label", d.offset)
    if classes and not any(d.kind == "onehot" for d in said.declarations):
        # "where k is the index of the correct class": the one-hot label's class
        c = classes[-1]
        if notation.size_of_index(c.name) or any(c.name in ix for ix in sizes.values()):
            for name in list(onehot):
                onehot[name] = c.name
                note(name, f"${name}$ is one-hot at class ${c.name}$ (the correct class)", c.offset)
    if not (forget or vectors != notation.vectors or matrices != notation.matrices or onehot != notation.onehot
            or sizes != notation.sizes or rows != set(notation.rows) or aliases != dict(notation.aliases)
            or functions != notation.functions):
        return notation, readings
    base = notation.without({f for f in forget if f not in vectors and f not in matrices})
    vectors = {k: v for k, v in vectors.items() if k not in scalars or k not in forget}
    out = dataclasses.replace(
        base, vectors=vectors,
        matrices=matrices, scalars=tuple(dict.fromkeys(s for s in scalars if s not in vectors and s not in matrices
                                                       and s not in aliases)),
        sizes=sizes, aliases={**base.aliases, **{k: v for k, v in aliases.items() if k not in notation.aliases}},
        # (a one-hot label's class letter the prose makes a name of its own, t \in R^h, ends its one-hotness)
        onehot={k: v for k, v in onehot.items() if k in vectors and any(v in ix for ix in sizes.values())},
        functions=functions,
        rows=tuple(sorted(r for r in rows if r in vectors)))
    # A built-in definition written in a name the prose declares otherwise (yhat = softmax(theta), with
    # theta a number) no longer holds: yhat is then a name like any other.
    defaults = default_notation()
    broken = {name for name, formula in out.definitions.items() if defaults.definitions.get(name) == formula
              and (names_in(formula) | {name}) & {f for f in forget if out.vectors.get(f) != defaults.vectors.get(f)}}
    if broken:
        out = out.without(broken)
    return out, readings


def _index_ranges(items: list[_Item], notation: Notation, lines: _Lines, stated: frozenset = frozenset()):
    """Index letters that only ever subscript what the document declares of one other size (x_j and
    W_{ij} with $x \\in \\mathbb{R}^D$, $W \\in \\mathbb{R}^{K \\times D}$: j runs over 1..D), or letters
    that are no index yet (U_{wk}: w runs over U's rows). A name the document never declares, kept at its
    default shape (the label y, of length N), does not count: its size is a guess. ``stated``: the names the
    prose declares. Returns the notation and the readings, by letter."""
    uses: dict[str, dict[str, int]] = {}  # letter -> size -> line of the first use
    lex = parser().lex
    defaults = default_notation()
    for item in items:
        for term in item.chain.terms:
            try:
                tokens = list(lex(term.text))
            except (LarkError, FormulaError):
                continue
            for n, tok in enumerate(tokens):
                name, after = str(tok), n + 1
                if tok.type == "LETTER" and n >= 2 and tokens[n - 1].type == "LBRACE" and tokens[n - 2].type == "ACCENT" \
                        and after < len(tokens) and tokens[after].type == "RBRACE":
                    name, after = f"{tokens[n - 2]}{{{tok}}}", after + 1  # \hat{y}_i
                elif tok.type not in ("LETTER", "CMD"):
                    continue
                if notation.kind_of(name) == "vector":
                    sizes = [notation.vectors[name]]
                elif notation.kind_of(name) == "matrix":
                    sizes = list(notation.matrices[name])
                else:
                    continue
                guess = name not in stated and (notation.vectors.get(name), notation.matrices.get(name)) == (
                    defaults.vectors.get(name), defaults.matrices.get(name))
                if after >= len(tokens) or tokens[after].type != "SUB" or after + 1 >= len(tokens):
                    continue
                if tokens[after + 1].type == "LETTER":
                    letters = [str(tokens[after + 1])]
                elif tokens[after + 1].type == "LBRACE":
                    inner = []
                    for t in tokens[after + 2:]:
                        if t.type == "RBRACE":
                            break
                        inner.append(t)
                    letters = [str(t) for t in inner if t.type == "LETTER"]
                    if any(t.type not in ("LETTER", "COMMA") for t in inner):
                        continue
                else:
                    continue
                if len(letters) != len(sizes):
                    continue
                for letter, size_name in zip(letters, sizes):
                    if guess and notation.size_of_index(letter) is not None:
                        continue  # (a default's length, a guess, never moves an index to another size)
                    found = uses.setdefault(letter, {})
                    line, count = found.get(notation.size_name(size_name) or size_name, (lines.of(term.offset), 0))
                    found[notation.size_name(size_name) or size_name] = (line, count + 1)
    sizes = {k: tuple(v) for k, v in notation.sizes.items()}
    readings: dict[str, list[Reading]] = {}
    factors = scan([(t.text, 0) for item in items for t in item.chain.terms]).factors if uses else {}
    for letter, found in sorted(uses.items()):
        if not re.fullmatch(r"[a-z]", letter) or letter in ("e", "d") or letter in stated:
            continue  # (1 \\le j \\le m said in the prose: j's range, whatever a use says)
        # the size of (nearly) all its uses: a use with another size is then refused where it stands
        size_name, (line, count) = max(found.items(), key=lambda kv: (kv[1][1], kv[0]))
        if count <= 2 * (sum(c for _, c in found.values()) - count):
            continue
        # (the default constant c, never a factor here, only a subscript: \\theta_c of the class c)
        guessed = notation.kind_of(letter) == "scalar" and letter in defaults.scalars \
            and letter not in factors
        if size_name not in sizes or notation.size_of_index(letter) == size_name \
                or (notation.kind_of(letter) not in (None, "index") and not guessed):
            continue
        if guessed:
            notation = notation.without({letter})
        sizes = {s: tuple(x for x in ix if x != letter) for s, ix in sizes.items()}
        sizes[size_name] += (letter,)
        readings[letter] = [Reading("inferred", f"${letter}$ runs over $1, \\dots, {size_name}$ (it indexes what has "
                                                f"length ${size_name}$)", line)]
    if not readings:
        return notation, readings
    return dataclasses.replace(notation, sizes=sizes), readings


def _aliases(items: list[_Item], notation: Notation, lines: _Lines, said=None):
    """``\\sigma(x) = \\text{softmax}(x)`` or ``f = \\text{softmax}`` stated by the prose or opening a
    display: the name means that function from then on. Returns the notation and readings by name."""
    functions = dict(notation.functions)
    readings: dict[str, list[Reading]] = {}
    alias_links: dict[int, str] = {}  # chains whose first link gives a name its meaning (not a claim)
    for item in items:
        chain = item.chain
        if len(chain.terms) < 2 or chain.relations[0] != "=":
            continue
        if item.inline is not None and re.search(r"\b(prove|show|verify|check|claim|whether)\b[^.]*$",
                                                     item.inline.before[-80:], re.I):
            continue  # "prove that sigma(x) = softmax(x)": a claim, not what sigma means
        left = _FUNCTION_ALIAS.match(_bold_free(chain.terms[0].text))
        right = _KNOWN_FUNCTION.match(_bold_free(chain.terms[1].text))
        if not left or not right:
            continue
        kind = _ALIAS_KINDS.get((right.group("a") or right.group("b") or "").lower())
        name = left.group(1)
        upright = _UPRIGHT_NAME.match(name)
        if upright:  # \text{sm}(x) = \text{softmax}(x): an abbreviation the document defines
            name = upright.group(1)
            if name.lower() in _ALIAS_KINDS or name in BUILTIN_FUNCTIONS:
                continue
        if kind is None or (left.group("arg") or "") != (right.group("arg") or "") or name in ("e", "d"):
            continue
        if notation.kind_of(name) not in (None, "function"):
            continue
        functions[name] = kind
        alias_links[chain.terms[0].offset] = name
        readings.setdefault(name, []).append(Reading(
            "definition", f"${name}$ is the {kind} function, as the document defines", lines.of(chain.terms[0].offset)))
    for d in (said.declarations if said is not None else ()):
        if d.kind == "alias" and notation.kind_of(d.name) in (None, "function"):
            functions[d.name] = d.sizes[0]
            readings.setdefault(d.name, []).append(Reading(
                "definition", f"${d.name}$ is the {d.sizes[0]} function, as the document says", lines.of(d.offset)))
    if functions == notation.functions:
        return notation, readings, alias_links
    return dataclasses.replace(notation, functions=functions), readings, alias_links


# M(t), f(x, y); f^*(y), x^\star(t), \hat r(y): a name (starred or accented) at its variables
_APPLIED_NAME = re.compile(r"^\s*(\\?[A-Za-z]+|\\(?:hat|widehat|tilde|widetilde|bar|mathcal)\s*\{?\s*\\?[A-Za-z]+\s*\}?"
                           r"|\\?[A-Za-z]+\s*\^\s*(?:\{\s*(?:\\star|\\ast|\*)\s*\}|\\star|\\ast|\*))"
                           r"\s*\(\s*\\?[A-Za-z]+(?:\s*,\s*\\?[A-Za-z]+)*\s*\)\s*$")
# "D_2 f(x)", "\Delta f(x)", "L u(t)": a capital (or Delta) before a function's value, the whole left side of a display
_OPERATOR_DEFINED = re.compile(r"^\s*([A-Z](?:\s*_\s*(?:\{\s*\w+\s*\}|\w))?|\\Delta)\s*(?:\\,|\\;|\\!|\s)*"
                               r"[a-z]\s*(?:\\left\s*)?\([^()]*(?:\\right\s*)?\)\s*$")
# Y_{ij}, y_i, W_{i,j}: an entry at index letters, the whole left side of a display
_ENTRY_AT_LETTERS = re.compile(r"\s*(\\?[A-Za-z]+)\s*_\s*(?:\{\s*([a-z])\s*,?\s*([a-z])?\s*\}|([a-z]))\s*")
_DEFINED_ENTRY = re.compile(r"^\s*(\\?[A-Za-z]+)\s*_\s*\{?\s*[a-z]\s*\}?\s*\([^()]*\)\s*$")  # y_j(x)
_ENDS_WHERE = re.compile(r"\\(?:text|textrm|mbox|mathrm)\s*\{\s*,?\s*where\s*:?\s*\}\s*[.,:]?\s*$|\bwhere\s*:?\s*\}?\s*$")
_DISPLAY_MARKS = re.compile(r"\$\$|\\\[|\\\]|\\(?:begin|end)\s*\{[^{}]*\}|\s+")


def _only_displays_between(text: str, before: _Item, after: _Item) -> bool:
    """Nothing but display delimiters between the end of one display's chain and the next chain."""
    last = before.chain.terms[-1]
    return not _DISPLAY_MARKS.sub("", text[last.offset + len(last.text):after.chain.offset])


_DERIVATIVE_D = re.compile(r"\\[dt]?frac\s*\{\s*(?:\\mathrm\s*\{\s*d\s*\}|d)(?=[\s^{}A-Za-z\\])|"
                           r"\{\s*(?:\\mathrm\s*\{\s*d\s*\}|d)(?=\s*\\?[A-Za-z]+\s*(?:\^\s*\{?\s*\d\s*\}?\s*)?\})")
# what a formula of numbers alone may write
_HEAD_NAME = re.compile(r"\s*(\\?[A-Za-z]+)\s*(?:\(|$)")
_VALUE_NAME = re.compile(r"\s*((?:\\?[A-Za-z]+|\\(?:mathbf|boldsymbol|hat|bar|tilde)\s*\{\s*\\?[A-Za-z]+\s*\})"
                         r"(?:\s*_\s*(?:\{\s*\w+\s*\}|\w))?)\s*=")
_VALUE_NAMES = re.compile(r"((?:" + _VALUE_NAME.pattern + r"){2,})\s*(?P<number>-?\s*(?:\d+(?:\.\d+)?|\\[dt]?frac\s*\{\s*\d+\s*\}"
                          r"\s*\{\s*\d+\s*\}))\s*[,.;]?\s*")
# (a claim drawn from what came before: "then $g_1 = g_2 = \frac{1}{2}$")
_DRAWN_FROM = re.compile(r"\b(?:then|so|hence|thus|therefore|gives?|get|obtain|yields?|have|find|is|are|means?|"
                         r"follows?)\b[^$]*$", re.I)


def _value_chain(im) -> tuple[list, re.Match] | None:
    """``Take $a = b = 2$``: the names an inline chain gives one number (their matches) and the whole match;
    None for any other chain, and for one drawn from what came before ("then $g_1 = g_2 = \\frac{1}{2}$")."""
    values = _VALUE_NAMES.fullmatch(im.text) if not _DRAWN_FROM.search(im.before[-30:]) else None
    return (list(_VALUE_NAME.finditer(values.group(1))), values) if values else None


def _worked_value(left: str, before: str, reader, line: int) -> bool:
    """"a minimum, with value $f(1, 1) = 1 - 3 + 1 = -1$" of an f defined before, "With $n(n^2 - 1) = 6 \\cdot 35$"
    of an n given a number before: a value worked out from what is known, a claim, though "with" may open a
    supposition. Never after words that make one wherever they stand ("let", "suppose", "if", "given")."""
    applied = re.fullmatch(r"\s*(\\?[A-Za-z]+)\s*\(([^()]*)\)\s*", left)
    if applied is None or _HYPOTHESIS_STRONG.search(before[-60:]):
        return False
    key = symbol_name(applied.group(1))
    at = reader.defined_at.get(key)
    if at is None or at >= line:
        return False
    if key in reader.lambdas:
        # (the function at numbers: f(x) = ... then f(1, 1))
        return all(_NUMERIC.fullmatch(a.strip()) for a in applied.group(2).split(","))
    # (a number times a formula in numbers and itself: n(n^2 - 1) of an n = 6)
    value = reader.values.get(key)
    return value is not None and not (value.is_vector or value.is_matrix) and not value.expr.free_symbols \
        and reader.notation.kind_of(applied.group(1)) != "function" \
        and names_in(applied.group(2)) - NUMERIC_WORDS <= {applied.group(1)}


_SETS_VALUE = re.compile(r"\b(?:now|set|setting|put|putting|take|taking|let|suppose|assume|assuming|fix|choose|if|when|"
                         r"whenever|with|for|at|initiali[sz]e[sd]?|starts?|becomes?|reset)\b[^$]*$", re.I)


def _passing_claims(said, displays):
    """The statements, where a name given a number in passing ("it should be $L = -3$") is one an earlier formula
    defines (L = min(...), c = u^T v / ...): then the number is a claim about it, checked, and no new value."""
    if not said.passing:
        return said
    defined: dict[str, int] = {}  # name -> the offset of its first definition by a formula
    formulas = [(c.terms[0].text, c.terms[1].text, c.offset) for c in displays
                if len(c.terms) > 1 and c.relations and c.relations[0] == "="]
    formulas += [(im.text.split("=", 1)[0], im.text.split("=", 1)[1], im.offset) for im in said.inline
                 if "=" in im.text and not im.ends_with_relation]
    for left, right, at in formulas:
        head = _BARE_NAME.match(left)
        if head and left.strip() and not _NUMERIC.fullmatch(right.split("=")[0].strip()):
            name = left.strip()
            defined[name] = min(at, defined.get(name, at))
    claims = [im for im in said.passing if defined.get(im.text.split("=", 1)[0].strip(), im.offset) < im.offset
              and not _SETS_VALUE.search(re.sub(r"\$[^$]*\$", " ", im.before))]
    if not claims:
        return said
    at = {im.offset for im in claims}
    return dataclasses.replace(said, values=[v for v in said.values if v[1] not in at],
                               numbers=[v for v in said.numbers if v[2] not in at],
                               inline=sorted(said.inline + claims, key=lambda im: im.offset))


def _only_bound(letter: str, chain: Chain) -> bool:
    """Whether every term of the chain that writes the index letter binds it in a sum or product of its own."""
    if not re.fullmatch(r"[a-z]", letter.strip()):
        return False
    letter = letter.strip()
    binds = re.compile(r"\\(?:sum|prod)\s*_\s*\{?\s*" + letter + r"(?![A-Za-z])")
    written = re.compile(r"(?<![A-Za-z\\])" + letter + r"(?![A-Za-z])")  # (x_k too: a subscript writes k)
    writing = [t.text for t in chain.terms if written.search(t.text)]
    return bool(writing) and all(binds.search(t) for t in writing)


def _inline_chains(said, lines: _Lines) -> list[_Item]:
    from .display import _chains_of_block

    out = []
    for im in said.inline:
        if im.ends_with_relation:
            continue
        given = _value_chain(im)
        if given:
            # "Take $a = b = 2$", "equal logits $s_1 = s_2 = 0$": each name given the number, not a claim that
            # the names are equal (a claim that follows from definitions comes after "then", "so")
            names, values = given
            number = values.group("number")
            for m in names:
                text = f"{m.group(1)} = {number}"
                term = Term(m.group(1), im.offset + m.start(1))
                chain = Chain((term, Term(number, im.offset + values.start("number"))), ("=",), term.offset, "", "", text)
                out.append(_Item(chain, inline=dataclasses.replace(im, text=text)))
            continue
        for chain in _chains_of_block(im.text, ""):
            placed = dataclasses.replace(chain, terms=tuple(Term(t.text, im.offset + t.offset) for t in chain.terms),
                                         offset=im.offset + chain.offset)
            out.append(_Item(placed, inline=im))
    taken = {item.chain.offset for item in out}
    for m in _GRADIENT_NAMED.finditer(lines.text):
        if m.start(1) in taken:
            continue
        name, formula = m.group(1).strip(), m.group(2).strip()
        text = f"{name} = {formula}"
        left = Term(name, m.start(1) + len(m.group(1)) - len(m.group(1).lstrip()))
        right = Term(formula, m.start(2) + len(m.group(2)) - len(m.group(2).lstrip()))
        chain = Chain((left, right), ("=",), left.offset, "", "", text)
        out.append(_Item(chain, inline=InlineMath(text, left.offset, "")))
        taken.add(left.offset)
    for m in _SHORT_FOR.finditer(lines.text):
        # "with $q$ short for $1 - p$", "write $q$ for $1 - p$": q is that formula, a definition as "$q = 1 - p$" is
        name, start = (m.group(1), m.start(1)) if m.group(1) else (m.group(3), m.start(3))
        formula, at = (m.group(2), m.start(2)) if m.group(1) else (m.group(4), m.start(4))
        if start in taken or not formula.strip() or re.search(r"[=<>]|\\(?:le|ge|neq|in|approx)\b", formula):
            continue
        text = f"{name.strip()} = {formula.strip()}"
        left, right = Term(name.strip(), start + len(name) - len(name.lstrip())), \
            Term(formula.strip(), at + len(formula) - len(formula.lstrip()))
        chain = Chain((left, right), ("=",), left.offset, "", "", text)
        out.append(_Item(chain, inline=InlineMath(text, left.offset, "")))
    return out


# sigma^2, \\tau^{2}: a square of a lone name on the left of an equation
_SQUARE_LEFT = re.compile(r"\s*(\\?[A-Za-z]+)\s*\^\s*(?:2|\{\s*2\s*\})\s*")
# "let $s$ be the softmax of ...", "let $\\mathbf{s}$ now be a ...": the name given a meaning in words (see reader_for)
_LET_BE = re.compile(r"\b[Ll]et\s+\$\s*(?:\\(?:mathbf|boldsymbol|bm)\s*\{\s*(\\?[A-Za-z]+)\s*\}|(\\?[A-Za-z]+))\s*\$\s+"
                     r"(?:now\s+|instead\s+)?be\s+(?:the|a|an)\b")


# a name as the words write it alone: q, \\lambda, x_i, \\sigma_{\\text{old}}
_WRITTEN_NAME = r"(\\?[A-Za-z]+(?:\s*_\s*(?:\{[^{}$]*\}|\w))?)"
# what makes a name another formula in the words: "short for", "stands for", "denotes"
_MEANING_WORDS = (r"(?:is\s+|as\s+)?(?:short(?:hand)?|an?\s+abbreviation)\s+for|stands?\s+for|standing\s+for|"
                  r"denot(?:es|ing)")


# "Let the column vector $g$ be the upstream gradient $\\partial L / \\partial y$": the name is that gradient, as
# "$g = \\partial L / \\partial y$" says (see Reader._define_upstream)
# (bold, and declared where it is named: "Let $\\mathbf{g} \\in \\mathbb{R}^{d_v}$ be the upstream gradient ...")
_GRADIENT_NAMED = re.compile(r"\$\s*((?:\\(?:mathbf|boldsymbol|bm)\s*\{\s*\\?[A-Za-z]+\s*\}|\\?[A-Za-z]+)"
                             r"(?:\s*_\s*(?:\{[^{}$]*\}|\w))?)\s*(?:\\in(?![A-Za-z])[^$]*)?"
                             r"\$\s*,?\s*(?:be|is|denotes?|for)\s+(?:the\s+|an?\s+)?"
                             r"(?:(?:upstream|incoming|backpropagated|back-propagated|output|error)\s+)?"
                             r"(?:gradient|derivative|error\s+signal|sensitivity)\s*,?\s*\$((?:\\frac\s*\{\s*)?\\partial[^$]*)\$")


# "with $q$ short for $1 - p$", "$s$ standing for $\\sigma(z)$", "write $q$ for $1 - p$" (or "for the denominator $...$"),
# "$\\beta$ is the ratio $v / c$",
# "$r$ its length $\\sqrt{x^2 + y^2 + z^2}$" (a formula, never a lone name)
_SHORT_FOR = re.compile(r"\$\s*" + _WRITTEN_NAME + r"\s*\$\s*,?\s*(?:is\s+|as\s+)?"
                        r"(?:short(?:hand)?\s+for|an?\s+abbreviation\s+for|stands?\s+for|standing\s+for"
                        r"|(?<=is\s)the\s+(?:ratio|quotient|sum|difference|product)(?!\s+(?:of|rule|over)\b)"
                        r"|(?:its|the)\s+(?:length|norm|magnitude)(?=\s+\$[^$]*[\\+\-/^(|][^$]*\$))\s+\$([^$]+)\$"
                        r"|\b(?:[Ww]rite|[Ww]riting)\s+\$\s*" + _WRITTEN_NAME + r"\s*\$\s*"
                        r"(?:as\s+shorthand\s+)?for\s+(?:the\s+(?:[A-Za-z-]+\s+){1,2})?\$([^$]+)\$")


def _joined(bare: Chain, before_item: _Item | None, joins_between: bool) -> Chain | None:
    """A display that is one formula, continuing what stands before it: an inline "... =" right before
    it, or the chain before it when the words between end "we get:"."""
    if before_item is None:
        return None
    term = bare.terms[0]
    if before_item.inline is not None and before_item.inline.ends_with_relation:
        left = _MEMBERSHIP.sub("", before_item.inline.text).rstrip()
        if not left.endswith("="):
            return None
        left = left[:-1]
        return Chain((Term(left, before_item.inline.offset), term), ("=",), before_item.inline.offset,
                     bare.label, "", " ".join(left.split()) + " = " + bare.latex)
    if joins_between and not before_item.chain.bare and not before_item.chain.problem:
        last = before_item.chain.terms[-1]
        return Chain((last, term), ("=",), bare.offset, bare.label, "",
                     " ".join(last.text.split()) + " = " + bare.latex)
    return None


# "Let $A \in ...$ be symmetric", "Assume $A$ is symmetric": said of the matrix for the rest of the document;
# never "only when $A$ is symmetric", "unless ...", "if ..." (a case, or what does not hold)
_STANDING_SYMMETRIC = re.compile(r"\s*(?:let|assume|suppose|throughout|here)\b(?!.*\b(?:if|when|whenever|only|unless|not|"
                                 r"case|except|for)\b)", re.I | re.S)


# (what a standing sentence may be besides "let ...": "a network with a symmetric weight matrix $W$", never under a
# condition or a case)
_CONDITIONAL = re.compile(r"\b(?:if|when|whenever|only|unless|not|case|except|for)\b", re.I)
_DECLARED_BEFORE = re.compile(r"\$[^$]*\\in(?![A-Za-z])[^$]*$")


# s_k h_k < 0, |x| \le 1, a + b > 0: one inequality whose left side is a formula, not a lone name (a name's range is read)
_FORMULA_INEQUALITY = re.compile(r"(?![^<>]*=)\s*(?!(?:\\left\s*)?\|?\s*\\?[A-Za-z]+(?:\s*_\s*(?:\{[^{}]*\}|\w))?(?:\s*\^\s*(?:\{[^{}]*\}|\w))?\s*(?:\\right\s*)?\|?\s*(?:<|>|\\[lg]eq?\b|\\[lg]t\b|\\neq?\b))"
                                 r"[^<>$]+?(?:<|>|\\[lg]eq?(?![A-Za-z])|\\[lg]t(?![A-Za-z])|\\neq?(?![A-Za-z]))[^<>$]+")


_SCRIPT_GROUPS = re.compile(r"[_^]\s*\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}")  # (\sum_{k \ge 0}: no inequality said)


def _standing(text: str, at: int) -> bool:
    """What the words at ``at`` say of a matrix (symmetric, invertible, zero diagonal) holds for the rest of the
    document: said after "let", "assume", ..., or of the matrix the sentence declares ("a symmetric weight matrix
    $W$", "$W \\in \\mathbb{R}^{n \\times n}$ with zero diagonal"), in a sentence with no condition."""
    before = _sentence_before(text, at).rstrip("$ ")
    if _STANDING_SYMMETRIC.match(before):
        return True
    return not _CONDITIONAL.search(before) and bool(PROPERTY_BEFORE.search(before) or _DECLARED_BEFORE.search(before))


_NABLA_OF = re.compile(r"\s*\\nabla\s*_\s*\{?\s*((?:\\mathbf\s*\{)?\s*\\?[A-Za-z](?:\s*_\s*\{?\s*\w+\s*\}?)?)")


def _written_plain(text: str) -> set[str]:
    """The names a formula writes plain, outside \\mathbf, \\boldsymbol and \\bm, and outside scripts."""
    try:
        tokens = list(parser().lex(text))
    except (LarkError, FormulaError):
        return set()
    out, bold_depth, depth, script = set(), [], 0, False
    for n, tok in enumerate(tokens):
        if tok.type == "LBRACE":
            depth += 1
        elif tok.type == "RBRACE":
            if bold_depth and bold_depth[-1] == depth:
                bold_depth.pop()
            depth -= 1
        elif tok.type in ("LETTER", "CMD") and not bold_depth and not (n and tokens[n - 1].type in ("SUB", "SUP")):
            out.add(str(tok))
        if tok.type == "FONT" and str(tok) in ("\\mathbf", "\\boldsymbol", "\\bm") and n + 1 < len(tokens) \
                and tokens[n + 1].type == "LBRACE":
            bold_depth.append(depth + 1)
    return out


# problems that are readings, not refusals: a definition, an example's value
_READ_PROBLEMS = ("the definition of", "an example of", "the definitions of")
_THEREFORE = re.compile(r"\b(?:so|hence|thus|therefore|then)\b", re.I)


# what a setting may give a number to in words ("stride one", "a kernel of size three", "no padding")
_SETTINGS = (r"stride|strides|padding|kernel|size|length|width|height|dilation|rank|order|degree|depth|layers?|heads?|"
             r"channels?|batch|batches|groups?|steps?|rounds?|iterations?|classes|samples?|examples?")
_ERRORS_SAID = re.compile(r"\b(?:errors?|slips?|mistakes?|mistaken|wrong|incorrect|typos?|bugs?|claimed|claims?|saw|"
                          r"seen|answers?|deductions?|wrote|writes|tempting|instead|not|never|rather|sign\s+flip|"
                          r"off\s+by|forgets?|forgot|drops?|dropped|missing|misses)\b", re.I)
_LONE_NAME_LEFT = re.compile(r"\\?[A-Za-z]+(?:\s*_\s*(?:\{(?:[^{}]|\{[^{}]*\})*\}|\w))?")


def _case_label(item: "_Item", made) -> str:
    """"No padding, stride one: $H_{out} = H - k + 1$": a claim after words that give a setting a number ("stride one",
    "a kernel of size three", "no padding"), of a formula that depends on names the claim does not write (p and s,
    through H_out's definition): the words may fix them. After a label that opens its sentence ("Transposed
    convolution inverts the map: $H_{out} = ...$"), a name the document defined may be given for another case. Never
    after words that announce errors ("Common errors:"). What a refutation would need, or ""."""
    if item.inline is None or not made:
        return ""
    words = item.inline.before
    plain = re.sub(r"\$[^$]*\$", " ", words)
    if _ERRORS_SAID.search(plain):
        return ""  # ("Common errors:", "two answers I saw on the quiz:": the claims after are wrong ones, as written)
    # (the label opens the sentence: the claims after it in the sentence, "..., not $...$", are of that case too)
    labelled = re.search(r"[A-Za-z]{2,}[^.;]*:\s*$", words.split("$")[0])
    # ("with a kernel of size three, padding one and stride two gives $H_{out} = \lceil H/2 \rceil$": a quantity
    # given a number in words, "no padding")
    counted = re.search(r"\b(?:" + _SETTINGS + r")\s+(?:of\s+(?:size|length|width)\s+)?(?:zero|one|two|three|four|five|"
                        r"six|seven|eight|nine|ten)\b|\bno\s+(?:" + _SETTINGS + r")\b", plain, re.I)
    if not (labelled or counted):
        return ""
    labelled = labelled and not re.search(r"\b(?:grader|circled|crossed|draft|marked|struck)\b", plain, re.I)
    written = {symbol_name(n) for t in item.chain.terms for n in names_in(t.text)}
    hidden = sorted({str(s) for step in made if not step.problem for side in step.terms if side is not None
                     for s in getattr(side, "expr", sp.S.Zero).free_symbols
                     if type(s) is sp.Symbol and not (s.is_integer and s.is_positive)} - written)
    left = item.chain.terms[0].text.strip() if item.chain.terms else ""
    if labelled and not hidden and _LONE_NAME_LEFT.fullmatch(left):
        # ("Transposed convolution (no output padding) inverts the map: $H_{out} = (H - 1) s - 2p + k$": a name the
        # document defined, given for another case the words name)
        said = ' '.join(words.split("$")[0].split()).rstrip(':').strip()
        return f"the words before it (\"{said[-80:]}\") may name another case of {left}"
    if not hidden or not counted:
        return ""  # (a label alone, "Sanity checks:", fixes nothing the claim leaves out)
    said = ' '.join(words.split()).rstrip(':').strip()
    said = said if len(said) <= 80 else "..." + said[-77:]
    return (f"the words before it (\"{said}\") may fix "
            f"{', '.join(shown_name(h) for h in hidden)}, which the claim does not write")


_PARITY = re.compile(r"\b(?:for|when|if|with|of|at)\s+(?:all\s+|every\s+|each\s+|an?\s+)?(odd|even)\s+\$\s*([A-Za-z])\s*\$"
                     r"|\$\s*([A-Za-z])\s*\$\s+(?:is\s+|being\s+)?(odd|even)\b", re.I)


def _parity_said(item: "_Item", text: str, lines: "_Lines", made) -> str:
    """"$b_n = \\frac{4}{n\\pi}$ for odd $n$ (the factor $1 - (-1)^n = 2$ ...)", "for even $n$:" before a display: a
    claim in a sentence that says its letter is odd or even, which derive does not read; a refutation needs it."""
    if not made:
        return ""
    at = item.inline.offset if item.inline is not None else item.chain.offset
    # (the sentence up to the claim: for a display, the paragraph before it, "For odd $n$:")
    start = max(text.rfind("\n\n", 0, at), -1 if item.inline is None else max(text.rfind(". ", 0, at), text.rfind(".\n", 0, at)))
    words = text[start + 1:at]
    if item.inline is None:
        words = words.rsplit("$$", 1)[0].rsplit("\\[", 1)[0].rsplit("\\begin", 1)[0]
    for m in reversed(list(_PARITY.finditer(words))):  # (the nearest said)
        letter, parity = (m.group(2), m.group(1)) if m.group(2) else (m.group(3), m.group(4))
        if any(re.search(r"(?<![A-Za-z\\])" + letter + r"(?![A-Za-z])", t.text) for t in item.chain.terms):
            return f"${letter}$ is {parity.lower()} (line {lines.of(at)})"
    return ""


def _after_an_unread_premise(item: _Item, unread: list, lines: _Lines) -> str:
    """An inline claim that its sentence draws ("so", "hence") from an inline equation before it that is not
    read ("at initialisation ($\\theta = \\theta_{ref}$) the margin is zero, so $L = \\log 2$"): what that
    equation says may be a supposition the claim needs: kept as one (a refutation must meet it). Its text, or ""."""
    before = item.inline.before
    for premise in reversed(unread):
        if premise.offset >= item.inline.offset or item.inline.offset - premise.offset > len(before) + 2 * len(premise.text) + 4:
            continue
        written = f"${premise.text}$"
        at = before.rfind(written)
        if at >= 0 and _THEREFORE.search(before[at + len(written):]):
            return (f"${' '.join(premise.text.split())}$ (line {lines.of(premise.offset)}; the claim is drawn from it with "
                    f"\"{_THEREFORE.search(before[at + len(written):]).group(0)}\")")
    return ""


# "$\lambda$, that is $M/L$", "$T_d$, i.e. $2\pi/\omega_d$", "$c$ equal to $1/2$": a name given a value in words
# "with $\alpha$ set to $2$": a number the words give a name (of a range the document declares, alpha > 0, too)
_SET_TO = re.compile(r"\$\s*" + _WRITTEN_NAME + r"\s*\$\s*(?:is\s+|being\s+)?(?:set|fixed|chosen|taken)\s+(?:to|at|as|equal\s+to)"
                     r"\s*\$", re.I)
_WORDED_VALUE = re.compile(r"\$\s*" + _WRITTEN_NAME + r"\s*\$\s*,?\s*\(?\s*"
                           r"(?:that\s+is|i\.\s*e\.?|namely|(?:is\s+|being\s+)?equal\s+to|equals|which\s+is|"

                           + _MEANING_WORDS + r")\s*,?\s*\$"
                           # ("write $q$ for $1 - p$", "writing $q$ for $1 - p$")
                           r"|\b(?:write|writing|use|using)\s+\$\s*" + _WRITTEN_NAME + r"\s*\$\s*"
                           r"(?:as\s+shorthand\s+)?for\s+\$", re.I)


# "$a$ and $b$ as the columns of $A$", "$A$ with columns $a$ and $b$": a matrix the words build from vectors (its
# value, where those vectors have values, is in the words; see _Builder._built_of_given)
_WORDED_ARRAY = re.compile(r"\bas\s+(?:the\s+)?(?:columns?|rows?)\s+of\s+\$\s*" + _WRITTEN_NAME + r"\s*(?:\\in\b[^$]*)?\$"
                           r"|\$\s*" + _WRITTEN_NAME + r"\s*(?:\\in\b[^$]*)?\$\s*,?\s*(?:with|whose|has|having)\s+"
                           r"(?:the\s+)?(?:columns?|rows?)\b"
                           # "Let $Q$ be the matrix with columns $u_1, u_2, u_3$", "$A$ is the matrix whose rows are"
                           r"|\$\s*" + _WRITTEN_NAME + r"\s*(?:\\in\b[^$]*)?\$\s*,?\s*(?:be|is|denotes?|for)\s+(?:the|a|an)\s+"
                           r"(?:[^$.;]{0,30}?\s)?matri(?:x|ces)\s+(?:with|whose|having|of)\s+(?:the\s+)?(?:columns?|rows?)\b", re.I)


_WORDED_MEANING = re.compile(r"\$\s*" + _WRITTEN_NAME + r"\s*\$\s*,?\s*\(?\s*"
                             r"(?:" + _MEANING_WORDS + r"|that\s+is|i\.\s*e\.?|namely)\s*,?\s*\$"
                             r"|\b(?:write|writing)\s+\$\s*" + _WRITTEN_NAME + r"\s*\$\s*"
                             r"(?:as\s+shorthand\s+)?for\s+\$", re.I)


# "For $f(x) = ...$", "With a curvature $a > 0$, $f(x) = ...$": words that open an example in the sentence
# "A second example to practise the signs on, ...: $$W = ...$$": the display gives a new example's value
_NEW_EXAMPLE = re.compile(r"\b(?:another|a\s+(?:second|third|new|different)|the\s+(?:second|third|next)|next)\s+"
                          r"(?:example|exercise|problem|case|system|equation)\b|\bexample\s+\d\b", re.I)
# "**Example.** $p(x) = x^3 - 6x^2 + 11x - 6$": a run-in label that opens an example, right before its first formula
_RUN_IN_EXAMPLE = re.compile(r"(?:^|\n)\s*(?:\*\*|__|\*|_)?\s*(?:a\s+|worked\s+|numerical\s+)?example(?:\s+\d+)?\s*[.:]"
                             r"\s*(?:\*\*|__|\*|_)?\s*\$*\s*$", re.I)


def _antiderivatives(values: list, texts: list[str]) -> "list | str":
    """The terms of a chain that holds an indefinite integral (\\int f(x) \\, dx), each differentiated in its
    variable: every link says its sides differ by a constant, which is what equal derivatives say. The terms
    as they are where none holds one; why the chain is not read where the integrals are over different
    variables, a term is no number, or the integral comes only through a name a definition gives it (u_1 =
    \\int ... dx: its constant, the author's, may be fixed anywhere, or the name given anew)."""
    found = {i.limits[0][0] for v in values if v is not None for i in v.expr.atoms(sp.Integral) if len(i.limits[0]) == 1}
    if not found:
        return values
    if not any(_INDEFINITE_INTEGRAL.search(t) for t in texts):
        return ("a name here is defined by an indefinite integral, whose constant is the author's: it is read only "
                "where the integral is written")
    if len(found) > 1:
        return "indefinite integrals over different variables in one chain are not read"
    if any(v is not None and (v.is_vector or v.is_matrix or v.row) for v in values):
        return "an indefinite integral beside a vector or matrix is not read"
    (x,) = found
    return [None if v is None else dataclasses.replace(v, expr=sp.diff(v.expr, x)) for v in values]


_INDEFINITE_INTEGRAL = re.compile(r"\\int(?![A-Za-z])(?!\s*(?:\\limits\s*)?[_^])")


_EXAMPLE_PARAGRAPH = re.compile(r"\s*(?:\*\*|__|\*|_)?\s*(?:(?:a\s+|worked\s+|numerical\s+)?example(?:\s+\d+)?\s*[.:]|"
                                r"for\s+(?:example|instance)\b)", re.I)


# "a uniform prior, $p \sim \mathrm{Beta}(\alpha, \beta)$", then "the posterior parameters", "given the data": the
# law said is a prior, and the moments after such words may be the posterior's
_PRIOR_WORDS = re.compile(r"\bpriors?\b", re.I)
_POSTERIOR_WORDS = re.compile(r"\bposteriors?\b|\bgiven\s+the\s+(?:data|observations?|sample)\b|"
                              r"(?:\\mid|\|)\s*(?:\\text|\\mathrm)?\s*\{\s*(?:data|obs)", re.I)


def _posterior_mentions(text: str, laws) -> tuple:
    """(name, offset, words) for each variable whose law the words call a prior, at every later place they speak of
    a posterior ("the posterior parameters", "given the data"): which law a moment after them is taken under is not
    read (see random_variables._probability)."""
    out = []
    for law in laws:
        sentence = max(text.rfind(". ", 0, law.offset), text.rfind("\n\n", 0, law.offset), 0)
        if not _PRIOR_WORDS.search(text, sentence, law.offset + 200):
            continue
        for m in _POSTERIOR_WORDS.finditer(text, law.offset + 1):
            words = m.group(0) if m.group(0)[0].isalpha() else "conditioning on the data"
            out.append((law.name, m.start(), " ".join(words.split())))
    return tuple(out)


# "starting from zero instead would give $m_1 = ...$": a formula supposed, a claim
_SUPPOSED_RESULT = re.compile(r"\bwould\s+(?:give|be|yield|get|make|read)\s*$", re.I)
# the words between two formulas of one name on one line that may take the first back
_TAKEN_BACK = re.compile(r"\b(?:no|not\s+so|wrong|incorrect(?:ly)?|correct(?:ly|ed|ion)|actually|instead|oops|mistake|"
                         r"disagree[sd]?|should\s+be|redo(?:ne)?|rather)\b", re.I)


def _example_paragraph(text: str, offset: int) -> str:
    """The paragraph, from its example label to its end, where the formula at ``offset`` stands in one that opens as
    an example ("**Example.**", "For instance, ..."); "" where it does not."""
    start = max(text.rfind("\n\n", 0, offset), 0)
    end = text.find("\n\n", offset)
    # (a run-in label opens its own line, after a display of the paragraph before it as well)
    at = start
    while 0 <= at < offset:
        begin = at + 1 if at or text[:1] == "\n" else 0
        if _EXAMPLE_PARAGRAPH.match(text, begin):
            return text[begin:end if end >= 0 else len(text)]
        at = text.find("\n", at + 1)
    return ""


def _run_in_example(text: str, offset: int) -> bool:
    """Whether the formula at ``offset`` opens a paragraph right after a run-in "Example." label."""
    return _RUN_IN_EXAMPLE.search(text[max(text.rfind("\n\n", 0, offset), offset - 60, 0):offset]) is not None


# "at the positive root of $h$,", "the minimiser of $J$ is": words that say what the next formula is the value of
_RESULT_LEAD = re.compile(r"\b(?:(?:positive|negative|smallest|largest|least|greatest|real|unique|only|other|first|second|"
                          r"global|local)\s+)?(?:root|zero|solution|minimi[sz]er|maximi[sz]er|critical\s+point|stationary\s+point|"
                          r"fixed\s+point)s?\s+(?:of|to)\b[^.;:!?]{0,60}$", re.I)
# "so $q = 3$", "since only the first unit is active, $d_1 = 0$": words that draw the numbers after them
_WORKED_LEAD = re.compile(r"\b(?:so|hence|thus|therefore|gives?|giving|get|gets|got|obtain(?:s|ed)?|find|found|yields?|"
                          r"(?:since|because)\b[^$.;:]*,)(?:[^.$:;]|\$[^$]*\$)*$", re.I)
# "so let $x = 3$", "hence with $n = 4$": words that set a value, after one that draws
_SETTING_WORDS = re.compile(r"\b(?:let|take|taking|set|setting|put|choose|choosing|pick|define|denote|write|call|assume|"
                            r"suppose|with|for|if|when|where|at|say)\b", re.I)
_EXAMPLE_LEAD = re.compile(r"(?:^|[.;:]\s+)\s*(?:(?:same|the\s+same|this|that|it|again|now|next|then|and)\s+(?:[a-z]+\s+)?)?"
                           r"(?:for(?!\s+(?:instance|example)\b)|with|take|taking|consider|now\s+(?:take|let|consider)|let|suppose)\b"
                           r"(?:[^$.;]|\$[^$]*(?:<|>|\\in\b|\\geq?\b|\\leq?\b|\\neq?\b)[^$]*\$)*$", re.I)


def _label_written(key: str, texts: list[str]) -> bool:
    """The name with a label (I_cm, S_xx) the key stands for is written in one of the texts."""
    base, _, label = key.partition("_")
    return bool(label) and any(re.search(r"(?<![A-Za-z])" + re.escape(base) + r"\s*_\s*\{?\s*\\?(?:text\s*\{|mathrm\s*\{)?"
                                         + re.escape(label) + r"(?![A-Za-z0-9])", t) for t in texts)


def _supposition_shown(builder: "_Builder", chain: Chain, before: str, lines: _Lines) -> Step:
    """An inline equation read as a supposition ("let $a = 2$", "suppose $\\sum_i p_i = 1$", "for $n = 3$"), shown as
    a link not checked with the words that make it one: never dropped silently, and where the words meant a result,
    the reason says how to write it."""
    at = lines.of(chain.offset)
    words = " ".join(before[before.rfind("$") + 1:].split()[-5:]).strip(" ,;:")
    said = f" (after \"{words}\")" if words else ""
    return builder._problem(builder.label(chain, at, ", supposed"), chain.latex, at,
                            f"read as a supposition{said}, not a claim: what it supposes holds in what follows; where it "
                            "is a result, say so (\"so\", \"then\", \"we get\")", expect=Verdict.UNKNOWN,
                            pair=chain.terms[:2])


# "for an even size", "for the left child,": a condition in words before a claim (no mathematics in it)
_FOR_WORDS = re.compile(r"\b(for\s+(?:an?|the|each|every|all|any|some)\s+[A-Za-z][A-Za-z -]{0,40}?)\s*,?\s*$", re.I)


def _claimed_application(left: str, reader) -> bool:
    """Whether a left side is an operator's value (\\det(-M), \\operatorname{tr} A) or that of a function the
    document defines: a claim about it, never a name given a value."""
    m = re.match(r"\s*(\\[A-Za-z]+|[A-Za-z])\s*(?:\(|\\left\s*\(|\s[A-Za-z\\])", left)
    if m is None:
        return False
    head = m.group(1)
    if head.startswith("\\"):
        return head[1:] in BUILTIN_FUNCTIONS or head[1:] in ("det", "operatorname", "mathrm", "rank")
    return symbol_name(head) in reader.lambdas and reader.defined_at.get(symbol_name(head)) is not None


def _premise_in_words(item: _Item, chain: Chain, lines: _Lines) -> str:
    """An equation the sentence says in words before an inline claim sharing a name with it ("with $j$ equal to
    $n - k + 1$ we have $k - 1 = n - j$"): a supposition the claim may need, kept as one (a refutation must meet it).
    Its text, or ""."""
    before = item.inline.before
    found = None
    for m in _EQUAL_IN_WORDS.finditer(before):
        found = m
    if found is None:
        return ""
    said = names_in(found.group(1)) | names_in(found.group(2))
    if not said & {n for t in chain.terms for n in names_in(t.text)}:
        return ""
    return (f"${' '.join(found.group(1).split())} = {' '.join(found.group(2).split())}$ (said in words, line "
            f"{lines.of(item.inline.offset)})")


def _condition_in_words(item: _Item, chain: Chain, lines: _Lines) -> str:
    """A sentence that opens with a condition no relation states ("If $V$ is already rank one, ..., the estimate is
    exact, $\\hat V = V$"), of an inline claim that writes a name the condition names: a supposition the claim may
    need (a proof for every value stands, a refutation does not). Its words, or ""."""
    if item.inline.conditions:
        return ""
    m = _WORDED_CONDITION.match(item.inline.before) or _CONDITION_THEN.search(item.inline.before)
    if m is None:
        return ""
    said = names_in(" ".join(re.findall(r"\$([^$]+)\$", m.group(0))))
    if said and not said & {n for t in chain.terms for n in names_in(t.text)}:
        return ""
    words = " ".join(m.group(0).split()).rstrip(",")
    return f"the condition in words \"{words}\" (line {lines.of(item.inline.offset)}), which is not read"


def _another_setting(item: _Item, chain: Chain, lines: _Lines, reader) -> str:
    """"... after $T = \\frac{\\ln 2}{\\ln(1 + r)}$ years, and with continuous compounding after $T = \\frac{\\ln 2}{r}$":
    a second formula for a name the same paragraph defined, in words that set another case: the name's value there,
    a supposition (a proof for every value stands, a refutation does not). Its words, or ""."""
    if len(chain.terms) < 2 or not _SETTING_WORDS.search(item.inline.before[-80:]):
        return ""
    if len(chain.terms) > 2 and any(names_in(t.text) - NUMERIC_WORDS for t in chain.terms[1:]):
        return ""  # (m = 4 / 0.01 = 400: a number worked out, as m = 4 / 0.01 is)
    plain = _EXAMPLE_NAME.fullmatch(chain.terms[0].text)
    if plain is None and not _LONE_NAME_LEFT.fullmatch(chain.terms[0].text.strip()):
        return ""
    if plain:
        key = symbol_name(plain.group(1) or plain.group(2))
    else:
        # r_{\text{eff}}: the name with a label, as the reader keys it (r_eff)
        bare = re.sub(r"\\(?:text|mathrm|operatorname|textrm)\s*|[{}\s]", "", chain.terms[0].text)
        key = next((k for k in reader.defined_at if re.sub(r"[{}\s]", "", k) == bare), "")
    at = reader.defined_at.get(key)
    line = lines.of(item.inline.offset)
    if at is None or at > line or lines.paragraph_end(at) != lines.paragraph_end(line):
        return ""
    if not names_in(chain.terms[1].text) - NUMERIC_WORDS and not _a_number(reader, key):
        return ""  # (a number for a name the paragraph gave a formula: its value, a claim; for one it gave a number,
        # "m = 30 / 0.1 = 300 ... against $m = 4 / 0.01$ for the other one", another case's number)
    words = " ".join(_SETTING_WORDS.search(item.inline.before[-80:]).group(0).split())
    return (f"{written_name(key)} given another formula in the paragraph that defines it (line {at}), \"{words}\" "
            f"(line {line}): another case's, which is not read")


def _another_number(item: _Item, chain: Chain, lines: _Lines, reader) -> str:
    """"... $\\rho = 1 - 2 = -1$ $$ ... At the other extreme, identical rankings give $\\rho = 1$": a number in the
    words for a name a display gave a number: the value in another case the words set (or, less often, the same value
    restated): a supposition, so that a proof stands and a refutation does not. Its words, or ""."""
    if len(chain.terms) < 2 or any(names_in(t.text) - NUMERIC_WORDS for t in chain.terms[1:]):
        return ""
    plain = _EXAMPLE_NAME.fullmatch(chain.terms[0].text)
    if plain is None:
        return ""
    key = symbol_name(plain.group(1) or plain.group(2))
    at = reader.defined_at.get(key)
    line = lines.of(item.inline.offset)
    if at is None or at >= line or not _a_number(reader, key):
        return ""
    lead = lines.text[lines.starts[max(1, at - 6) - 1]:lines.starts[at - 1]]
    case = _CASE_OPENING.search(lead)
    value = reader.values[key].expr
    changed = _CHANGED_SETTING.search(item.inline.before[-60:])
    if changed is not None:
        # "Halving the step gives $v = \frac{40}{39}$" of a v = 20/19 worked out before: the value in the setting the
        # words change to
        return (f"{written_name(key)} was given the number ${sp.latex(value)}$ on line {at}; the words (\""
                f"{' '.join(changed.group(0).split())}\", line {line}) change the setting it was worked out in")
    if case is None:
        return ""  # ("Hence $m = 310$" of an m = 300 said for every case: a claim, refuted)
    return (f"{written_name(key)} was given the number ${sp.latex(value)}$ on line {at}, in the case the words open "
            f"(\"{' '.join(case.group(0).split())} ...\"): a number for it in the words (line {line}) may be its value in "
            "another case")


# "Halving the step gives", "with the larger batch instead", "doubling $n$": words that change what a value was
# worked out for
_CHANGED_SETTING = re.compile(r"\b(?:halv|doubl|tripl|quadrupl|increas|decreas|rais|lower|reduc|chang|replac|shrink|"
                              r"swap|switch|shorten|lengthen)\w*\b[^.;$]*$|\binstead\b[^.;$]*$", re.I)


# "If the physics ranks are reversed, ...", "Suppose ...": words opening a case, whose values hold in it only
_CASE_OPENING = re.compile(r"\b(?:if|suppose|supposing|assume|assuming|in\s+the\s+case)\b", re.I)


def _a_number(reader, key: str) -> bool:
    """Whether the name's definition, as read, is a number (free of every name)."""
    value = reader.values.get(key)
    expr = getattr(value, "expr", None)
    return isinstance(expr, sp.Expr) and not expr.free_symbols and not getattr(value, "is_vector", False) \
        and not getattr(value, "is_matrix", False)


# \tilde x, \hat{\beta}, \bar{y}: one accented letter, alone
_ACCENTED_LEFT = re.compile(r"\s*\\(?:hat|widehat|bar|overline|tilde|widetilde)\s*(?:\{\s*\\?[A-Za-z]+\s*\}|\\[A-Za-z]+|\s[A-Za-z])\s*")
# "2. $", "- $", "(b) $": the opening of an item of a list, up to its first inline mathematics
_LIST_ITEM_OPENING = re.compile(r"\s*(?:\d+[.)]|[-*+]|\(?[a-z]\))\s*\$+\s*")


def _formula_given_anew(item: _Item, chain: Chain, lines: _Lines, reader) -> str:
    """"1. $u = x^3 - 3xy^2$: ... 2. $u = \\ln(x^2 + y^2)$ away from the origin: ...", "Old implementations used
    $\\tilde x = m \\odot x$": a formula for a name defined before, opening an item of a list or given in words that
    set it: that item's or setting's, a supposition (a proof for every value stands, a refutation does not); a use
    after it means neither formula. Its words, or ""."""
    if len(chain.terms) != 2:
        return ""
    plain = _EXAMPLE_NAME.fullmatch(chain.terms[0].text)
    offset = item.inline.offset
    start = lines.starts[lines.of(offset) - 1]
    opening = _LIST_ITEM_OPENING.fullmatch(lines.text[start:offset]) is not None
    note = _CORRECTING_NOTE.match(lines.text[lines.text.rfind("\n\n", 0, offset) + 1:offset])
    worded = _REDEFINING_WORDS.search(item.inline.before[-60:]) or note
    accented = _ACCENTED_LEFT.fullmatch(chain.terms[0].text) if plain is None else None  # (\tilde x, \hat{\beta})
    if plain is None and accented is None or not (opening or worded):
        return ""
    key = symbol_name(plain.group(1) or plain.group(2)) if plain else symbol_name(next(iter(names_in(
        chain.terms[0].text))))
    at = reader.defined_at.get(key)
    line = lines.of(offset)
    if at is None or at >= line or not (names_in(chain.terms[1].text) - NUMERIC_WORDS or note):
        return ""
    shown = " ".join(re.sub(r"^[\s>*_]+", "", worded.group(0)).split()) if worded else ""
    where = "opening an item of a list" if opening else f"in a note that corrects (\"{shown}\")" if note \
        else f"in the words \"{shown}\""
    if key not in reader.corrected:
        # (and a use after it, in this item or later, means neither formula: which one is not read)
        reader.corrected[key] = (line, f"{written_name(key)} is given another formula {where} on line {line}, after "
                                       f"line {at} defined it: which one a use means is not read")
    return (f"{written_name(key)} given another formula {where} (line {line}), after line {at}: "
            f"{'the item' if opening else 'the correction' if note else 'that setting'}'s own, which is not read as a "
            "claim")


def _display_given_anew(chain: Chain, text: str, lines: _Lines, reader) -> str:
    """"Laid flat, ... the same bar has $$I = \\frac{h b^3}{12} = ...$$" of an I an earlier display defined: the
    formula of another setting the words open, a supposition (a proof for every value stands, a refutation does
    not); a use after it means neither formula. Its words, or ""."""
    if len(chain.terms) < 2 or chain.relations[0] != "=":
        return ""
    plain = _EXAMPLE_NAME.fullmatch(chain.terms[0].text) or _ACCENTED_LEFT.fullmatch(chain.terms[0].text)
    # (the sentence the display completes, across a blank line: "... the same bar has\n\n$$")
    before = _DISPLAY_OPENING.sub("", text[max(0, chain.offset - 600):chain.offset].rstrip()).rstrip()
    if not before or before[-1] in ".!?":
        return ""
    lead = re.split(r"[.!?]\s", before)[-1]
    worded = _NEW_SETTING_LEAD.search(lead)
    if plain is None or worded is None or not names_in(chain.terms[1].text) - NUMERIC_WORDS:
        return ""
    key = symbol_name(plain.group(1) or plain.group(2)) if plain.re is _EXAMPLE_NAME \
        else symbol_name(next(iter(names_in(chain.terms[0].text))))
    at, line = reader.defined_at.get(key), lines.of(chain.offset)
    if at is None or at >= line or (key not in reader.values and key not in reader.matrix_values):
        return ""
    words = " ".join(worded.group(0).split())
    if key not in reader.corrected:
        reader.corrected[key] = (line, f"{written_name(key)} is given another formula in the words \"{words}\" on line "
                                       f"{line}, after line {at} defined it: which one a use means is not read")
    return (f"{written_name(key)} given another formula in the words \"{words}\" (line {line}), after line {at}: that "
            "setting's own, which is not read as a claim")


def _trial_equation(chain: Chain, text: str, lines: _Lines) -> str:
    """A display of one equation right after words that try a form ("so try $C n 2^n$:", "substituting the guess
    $y = A e^{2t}$ gives"): the equation the trial must satisfy, which the words go on to solve for its unknown
    coefficients, a supposition (a proof for every value stands, a refutation does not). Its words, or ""."""
    if len(chain.terms) != 2 or chain.relations[0] != "=":
        return ""
    before = _DISPLAY_OPENING.sub("", text[max(0, chain.offset - 300):chain.offset].rstrip()).rstrip()
    if not before or before[-1] in ".!?":
        return ""
    lead = re.split(r"[.!?]\s", before)[-1]
    worded = _TRIAL_LEAD.search(lead)
    if worded is None:
        return ""
    words = " ".join(worded.group(0).split())
    return f"an equation the words set up to solve (\"{words}\", line {lines.of(chain.offset)}), not read as a claim"


# "try $C n 2^n$:", "trying $y = A e^{2t}$", "the ansatz", "guess a solution of the form": a form put into an equation
_TRIAL_LEAD = re.compile(r"\b(?:try(?:ing)?|ansatz|(?:make\s+)?(?:the|a|an)\s+guess|guessing|plug(?:ging)?\s+in)\b[^.;]*$",
                         re.I)


# "Laid flat, ... the same bar has", "Rotated through 90 degrees,", "If instead ...": words before a display that open
# another setting of what the document described
_NEW_SETTING_LEAD = re.compile(r"\b(?:instead|laid\s+\w+|turned|rotated|flipped|alternatively|this\s+time|on\s+its\s+side|"
                               r"the\s+same\s+\w+(?:\s+\w+)?\s+(?:now\s+)?(?:has|gives|becomes)|for\s+the\s+other\b|"
                               r"in\s+the\s+other\s+(?:case|setting|orientation|configuration))\b", re.I)


# "> **Note from the TA.** ...", "*Grader:* ...", "Correction: ...": a paragraph that corrects what came before, whose
# values for names defined before are the corrected ones (never claims about the first)
_CORRECTING_NOTE = re.compile(r"\s*(?:>\s*)*(?:[*_]{1,2}\s*)?(?:(?:a\s+)?note\s+from\s+(?:the\s+|a\s+)?(?:TA|grader|marker|"
                              r"instructor|teacher|tutor|reviewer|editor)|(?:TA|grader|marker|reviewer|editor)(?:'s)?\s+"
                              r"(?:note|comment|remark)|grader|marker|correction|erratum|errata)\b", re.I)


# "Old implementations used $\tilde x = m \odot x$", "instead take $u = ...$": words that give a name a formula
_REDEFINING_WORDS = re.compile(r"\b(?:used?|uses|using|takes?|took|taking|instead|replac\w*|defines?|defined|"
                               r"redefine\w*|consider)\b[^.;:$]*$", re.I)


# "and with continuous compounding", "for a Poisson law", "under the null": words that set another case
_SETTING_WORDS = re.compile(r"\b(?:with|for|under|in\s+the|when|whereas|while|against|versus|compared\s+(?:to|with))\b"
                            r"[^.;$]*$", re.I)


# "If $V$ is rank one, then", "Whenever the margin is violated,": a condition said in words (not "If we expand")
_WORDED_CONDITION = re.compile(r"\s*(?:if|when|whenever|suppose|supposing|assuming|provided(?:\s+that)?|in\s+case)\s+"
                               r"(?!we\b|you\b|one\b|I\b)[^.;]*?(?:,\s*then\b|,|\bthen\b)", re.I)


# "Both vanish when $r$ is $R$ and $c$ is ..., and then $r c^\\top = \\hat V$": a condition, then the claim under it
_CONDITION_THEN = re.compile(r"\b(?:if|when|whenever)\s+(?!we\b|you\b|one\b|I\b)[^.;]*?,?\s*(?:and\s+)?then\s*$", re.I)


_EQUAL_IN_WORDS = re.compile(r"\$([^$]+)\$\s+(?:is\s+|being\s+|are\s+)?(?:equal(?:s)?\s+to|equals)\s+\$([^$]+)\$", re.I)


_INTEGRATION_VARIABLE = re.compile(r"(?:\\,|\\;|\\!|\s|\}|\))\s*(?:\\mathrm\s*\{\s*d\s*\}|\\dd|d)\s*"
                                   r"(?:\{\s*)?(\\[A-Za-z]+|[A-Za-z])(?![A-Za-z])")


def _bound_only(chain: Chain, made) -> set[str]:
    """The names the chain writes only as the variable of its integrals (x of \\int_0^1 x^2 \\, dx): what the
    steps read has no free x. Empty when a step is not read, or the chain has no integral."""
    texts = [t.text for t in chain.terms]
    if not any("\\int" in t for t in texts) or not made or any(step.problem for step in made):
        return set()
    free = {str(getattr(s, "label", s)) for step in made for side in step.terms if side is not None
            for s in getattr(side, "expr", sp.S.Zero).free_symbols | getattr(side, "expr", sp.S.Zero).atoms(sp.IndexedBase)}
    variables = {m.group(1) for t in texts if "\\int" in t for m in _INTEGRATION_VARIABLE.finditer(t)}
    if variables:
        variables.add("d")  # (the d of dx, when no step reads a d)
    return {n for n in variables if symbol_name(n) not in free and n not in free}


def _implied_by_definitions(reader: Reader, chain: Chain) -> bool:
    """Every link of the chain holds identically once the names it writes are read as the document defines them
    (c = \\sqrt[3]{a} before "so a = c^3"): a consequence of those definitions, which constrains nothing."""
    if len(chain.terms) < 2 or any(r != "=" for r in chain.relations):
        return False
    try:
        values = [reader.read(t.text) for t in chain.terms]
    except (FormulaError, RecursionError, ValueError, TypeError):
        return False
    if any(v.is_vector or v.is_matrix for v in values) or not any(
            symbol_name(n) in reader.values for t in chain.terms for n in names_in(t.text)):
        return False
    try:
        return all(sp.simplify(sp.sympify(a.expr - b.expr)) == 0 for a, b in zip(values, values[1:]))
    except (TypeError, ValueError, NotImplementedError, RecursionError):
        return False


def _unbolded(text: str) -> str:
    """The name without a bold face inside its accent: \\tilde{\\mathbf{h}} -> \\tilde{h}."""
    return re.sub(r"\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*(\\?[A-Za-z]+)\s*\}", r"\1", text)


def _worded(text: str, name: str) -> bool:
    """Whether the words describe the name, or its entries, where they write it alone: "with $I_i$ the indicator
    that ...", "$p_k$ is the probability of class $k$", "$W$ denotes the weights"."""
    named = r"\$\s*\\?" + re.escape(name.lstrip("\\")) + r"(?![A-Za-z])"
    # (and "a matrix $A$ with entries $a_{ij}$": the entries of another matrix, which derive does not tie to it)
    return re.search(named + r"(?:\s*_\s*(?:\{[^{}$]*\}|\w))?\s*\$\s*"
                     r"(?:is|are|denotes?|be|stands?\s+for|the|its|their)\s", text) is not None \
        or re.search(r"\b(?:entries|entry|elements?|coefficients?|components?)\s+(?:are\s+|is\s+)?" + named
                     + r"\s*_", text, re.I) is not None


_ARBITRARY = re.compile(r"\b(?:any|arbitrary|every|each|all|generic|given|some|differentiable|smooth|continuous|"
                        r"twice|integrable|convex|concave|functions?)\b", re.I)


def _differences_hold_functions(exprs: list) -> bool:
    """Whether some side minus the next still holds a function never defined (or cannot be worked out): then
    whether it vanishes depends on which function is meant."""
    for a, b in zip(exprs, exprs[1:]):
        try:
            d = sp.expand((a - b).doit())
        except Exception:  # noqa: BLE001 - any failure: taken to depend on the function
            return True
        if d.has(AppliedUndef):
            return True
    return False


def _mentioned(text: str, name: str) -> bool:
    """Whether the words write the function's name alone ("$\\varphi$ and $\\Phi$ the standard normal pdf and cdf")."""
    return re.search(r"\$\s*\\?" + re.escape(name.lstrip("\\")) + r"\s*\$", text) is not None


def _said_arbitrary(text: str, name: str, before: int) -> bool:
    """Whether the words before ``before`` call the function ``name`` any function ("for any differentiable $f$",
    "let $f$ be a smooth function", "functions $f$ and $g$"): the words just before or after its first lone mention."""
    lone = re.compile(r"\$\s*\\?" + re.escape(name.lstrip("\\")) + r"\s*(?:,|\$)")
    for m in lone.finditer(text, 0, before):
        start = max(text.rfind(".", 0, m.start()), text.rfind("\n\n", 0, m.start()), m.start() - 60, 0)
        if _ARBITRARY.search(text[start:m.start()]) or _ARBITRARY.search(text[m.end():m.end() + 40].split(".")[0]):
            return True
    return False


def _lowest_terms_only(texts: list[str], sequences: list, at: int, names: set[str]) -> dict[str, str]:
    """{name: letter} of the steps known at ``at`` that the terms write at one step only, their own letter plus or
    minus a whole number (m_{k-1}, after m_k was written in it): that term is any number."""
    out = {}
    for q in sequences:
        if not q.step or q.offset > at or q.name not in names:
            continue
        steps = {(letter, o) for t in texts for _, _, letter, o in sequence_occurrences(t, q.name)}
        if len(steps) == 1 and next(iter(steps))[0] == q.letter:
            out[q.name] = q.letter
    return out


def _subscript_letters(texts: list[str]) -> set[str]:
    """The letters the chains write only as a subscript of one letter (p_y, e_y, E_v), never alone, in a product or in
    a sum's limits: the index of the correct class, of a token."""
    everything = " ".join(texts)
    out = set()
    for letter in set(re.findall(r"_\s*\{?\s*([a-z])\s*\}?", everything)):
        if letter in ("d", "e", "i", "j", "k", "l", "m", "n"):
            continue  # (index letters and sizes by default, d and e of their own)
        alone = re.sub(r"_\s*(?:\{\s*" + letter + r"\s*\}|" + letter + r"(?![A-Za-z]))", "", everything)
        if not re.search(r"(?<![A-Za-z\\])" + letter + r"(?![A-Za-z])", alone):
            out.add(letter)
    return out


def _step_data(text: str, letter: str, steps: list, excluded: set[str]) -> set[str]:
    """The names that are numbers at each step of the steps with this letter, no sequence of their own: written
    with the letter in a step's formula (g_t in v_{t+1} = beta v_t + g_t), or with the letter plus or minus a whole
    number anywhere (x_{k+1}); never a declared vector or matrix."""
    at = r"(\\?[A-Za-z]+)\s*\}?\s*_\s*"
    found = {m.group(1) for q in steps for m in re.finditer(at + r"\{?\s*" + letter + r"(?![A-Za-z])", q.formula)}
    found |= {m.group(1) for m in re.finditer(at + r"\{\s*" + letter + r"\s*[+-]\s*\d\s*\}", text)}
    return {n for n in found if n not in excluded and n not in ("d", "\\sum", "\\prod", "\\delta", "\\int")}


def _differentiated_defaults(notation: Notation, text: str) -> Notation:
    """The notation without the built-in default definition of a name the document differentiates by (the
    predictions $\\hat y_i$ of a regression, \\partial L / \\partial \\hat y_i): a variable there, never the default
    softmax(theta) of a classifier's output."""
    defaults = default_notation()
    dropped = set()
    for name, formula in notation.definitions.items():
        if defaults.definitions.get(name) != formula:
            continue
        m = re.fullmatch(r"\\(hat|bar|tilde)\{(\\?[A-Za-z]+)\}", name)
        written = (r"\\" + m.group(1) + r"\s*\{?\s*" + re.escape(m.group(2)) + r"(?![A-Za-z])") if m \
            else re.escape(name) + r"(?![A-Za-z])"
        # (and never where the document writes what the default is made of, theta: it may mean the default there)
        made_of = [n for n in names_in(formula) if n not in BUILTIN_FUNCTIONS and not n.startswith("\\operatorname")]
        if any(re.search(r"(?<![A-Za-z])" + re.escape(n) + r"(?![A-Za-z])", text) for n in made_of):
            continue
        if re.search(r"\\partial\s*\{?\s*" + written + r"|\\nabla_\s*\{\s*" + written + r"|\\nabla_\s*" + written, text):
            dropped.add(name)
    if not dropped:
        return notation
    return dataclasses.replace(notation, definitions={k: f for k, f in notation.definitions.items() if k not in dropped})


def _for_sequences(notation: Notation, letters: set[str], names: set[str]) -> Notation:
    """The notation with these letters no index of any size and these names no default vectors (the step letters
    and the names of sequences, see read.sequences): x_k is the term at step k, a number."""
    defaults = default_notation()
    names = {n for n in names if n in notation.vectors and defaults.vectors.get(n) == notation.vectors[n]}
    if not names and not any(l in ls for ls in notation.sizes.values() for l in letters) \
            and not any(notation.kind_of(l) in (None, "index") for l in letters) \
            and not any(a in letters and defaults.aliases.get(a) == s for a, s in notation.aliases.items()):
        return notation
    # (and no default definition of theirs: the default yhat = softmax(theta) of a sequence theta_t)
    # (n, by default another name of the size N, as a step letter: x_{n+1} = F(x_n))
    # (the step letter itself a whole number, as a size is: sums run to it, and no claim is refuted between steps)
    return dataclasses.replace(notation, sizes={**{size: tuple(l for l in ls if l not in letters)
                                                   for size, ls in notation.sizes.items()},
                                                **{l: () for l in sorted(letters)
                                                   if notation.kind_of(l) in (None, "index")}},
                              aliases={a: s for a, s in notation.aliases.items()
                                       if not (a in letters and defaults.aliases.get(a) == s)},
                              vectors={n: v for n, v in notation.vectors.items() if n not in names},
                              definitions={k: f for k, f in notation.definitions.items()
                                           if not (defaults.definitions.get(k) == f and names_in(f) & names)})


# what makes a matrix symmetric positive (semi)definite: group 1 or 2 set for semidefinite
_DEFINITE = re.compile(r"(?:symmetric(?:,|\s+and)?\s+)?(?:positive\s+(semi-?\s*)?definite|SPD|(PSD))", re.I)


_OPERATOR_NAME = re.compile(r"\\operatorname\s*\{\s*([A-Za-z]+)\s*\}")


_REGION = re.compile(r"\b(?:on|over|in)\s+(?:the\s+interval\s+)?\$\s*(?:[a-z]\s*\\in\s*)?([\[(]\s*[^$\[\]()]+?\s*[\])])\s*\$", re.I)


def _region_said(item: "_Item", text: str) -> "str | None":
    """"On $[0, 1]$ the formula reduces to ...", "reusing $S(x) = ...$ on $[1, 2]$": the interval the sentence of the
    chain names (for a display, the words before it; for inline mathematics, its sentence), or None."""
    at = item.inline.offset if item.inline is not None else item.chain.offset
    start = max(text.rfind("\n\n", 0, at), text.rfind(". ", 0, at), text.rfind(";", 0, at))
    end_candidates = [e for e in (text.find(". ", at), text.find(";", at), text.find("\n\n", at)) if e >= 0]
    end = min(end_candidates) if end_candidates and item.inline is not None else at
    words = text[start + 1:end]
    if item.inline is not None:
        words = words.replace(item.inline.text, " ")
    found = [" ".join(m.group(1).split()) for m in _REGION.finditer(words)]
    return found[-1] if found else None


def _valued_later(item: "_Item", text: str) -> str:
    """"... moved by $\\frac{m_1}{\\sqrt{s_1}} = \\frac{1 - \\beta_1}{\\sqrt{1 - \\beta_2}}$; with the defaults $\\beta_1 = 0.9$
    ...": a name the claim writes is given a number later on its line, which derive would read in the whole line
    (and not in the definitions the claim uses): about any value, or that one? Refused, saying why; else ""."""
    if item.inline is None:
        return ""
    end = item.inline.offset + len(item.inline.text)
    end += 1 if text[end:end + 1] == "$" else 0
    stop = text.find("\n", end)
    rest = text[end:stop if stop >= 0 else len(text)]
    # (in its sentence: the mathematics' own full stops left out)
    plain = re.sub(r"\$[^$]*\$", lambda m: "$" + "x" * (len(m.group(0)) - 2) + "$", rest)
    sentence_end = re.search(r"[.?!](?:\s|$)", plain)
    rest = rest[:sentence_end.start()] if sentence_end else rest
    for token in sorted({m.group(0) for t in item.chain.terms for m in _WRITTEN_TOKEN.finditer(t.text)}):
        m = re.search(r"\$\s*" + re.escape(token) + r"\s*=\s*-?\d", rest)
        # (given as a setting, "with the defaults $\beta_1 = 0.9$", "using $a = 2$"; never a case or a claim of its
        # own, "and for $y = -1$", "the slope peaks at $t = 0$", "Then $z = 6$, $z = 5$")
        if m and _VALUE_SETTING_LEAD.search(re.sub(r"\$[^$]*\$", " ", rest[:m.start()])[-40:]):
            words = " ".join(re.sub(r"\$[^$]*\$", "...", rest[:m.start()]).split()[-4:])
            return (f"${token}$ is given a number later on its line (\"{words} ${rest[m.start() + 1:].split('$')[0].strip()}$\"): "
                    f"is this claim about any {token} or about that one? say the number first, or in another sentence")
    return ""


_VALUE_SETTING_LEAD = re.compile(r"\b(?:with\s+(?:the\s+)?(?:usual\s+|typical\s+|standard\s+)?(?:defaults?|default\s+values?|"
                           r"values?|settings?)|using|plugging\s+in|substituting)\s*(?:,\s*)?$", re.I)
_WRITTEN_TOKEN = re.compile(r"\\?[A-Za-z]+\s*_\s*(?:\{\s*\w+\s*\}|\w)|\\[A-Za-z]+(?![A-Za-z])|(?<![\\A-Za-z])[A-Za-z](?![A-Za-z])")


_CONDITIONAL_THEN = re.compile(r"\b(?:if|when|whenever|suppose|assuming)\b[^.;]*\$[^$]+\$[^.;$]*\bthen\b", re.I)


def _displays_after(text: str, line: int) -> int:
    """The last line of the displays right after line ``line`` (1-based), before the next words: "For a unit vector
    $u$ let $P = I - u u^T$." and the display after it are one statement."""
    rows = text.split("\n")
    n, inside, last = line, None, line
    while n < len(rows):
        row = rows[n].strip()
        if inside is not None:
            last = n + 1
            if inside in row:
                inside = None
        elif not row:
            pass
        elif row.startswith("$$"):
            last = n + 1
            if row.count("$$") == 1:
                inside = "$$"
        elif row.startswith("\\["):
            last = n + 1
            if "\\]" not in row:
                inside = "\\]"
        elif row.startswith("\\begin{"):
            last = n + 1
            inside = "\\end{"
        else:
            break
        n += 1
    return last


def _said_after(text: str, chain, at: int) -> bool:
    """"$\\nabla_w (w^T A w) = 2Aw$ for symmetric $A$": the property said right after the chain, in its sentence,
    is the condition it is claimed under."""
    last = chain.terms[-1]
    end = last.offset + len(last.text)
    between = text[end:at] if 0 <= end <= at else ""
    return len(between) <= 40 and re.fullmatch(r"[\s$,]*(?:\\right\s*[.)\]]?\s*)?[\s$,]*for\s+(?:a\s+|an\s+|any\s+|every\s+|all\s+)?"
                                               r"symmetric\s*(?:[a-z]+\s+)?\$?\s*", between, re.I) is not None


def _said_not_symmetric(text: str, name: str, offset: int) -> bool:
    """"If $A$ is *not* symmetric, ...", "for a non-symmetric $A$": the paragraph of the chain, up to it, says the
    matrix is not symmetric there (a case of its own, whatever the document said of A before)."""
    start = text.rfind("\n\n", 0, offset)
    paragraph = re.sub(r"[*_]{1,2}(not|non)[*_]{1,2}", r"\1", text[start + 1:offset])
    n = re.escape(name)
    return re.search(r"\$\s*" + n + r"\s*\$\s+is\s+not\s+symmetric|\b(?:non-?\s*symmetric|asymmetric|unsymmetric)\s+"
                     r"(?:matrix\s+)?\$\s*" + n + r"\s*\$|\$\s*" + n + r"\s*\$\s+(?:is\s+)?(?:non-?\s*symmetric|asymmetric)",
                     paragraph, re.I) is not None


def _property_word(text: str) -> str:
    """The property a description names, "$A$ is invertible (line 3)" -> invertible."""
    m = re.match(r"\$[^$]*\$ is (\S+) \(line", text)
    return m.group(1) if m else ""


def _nonzero_determinant(made: list, name: str) -> "sp.Basic | None":
    """det A != 0 for the square matrix ``name`` as the steps use it (its entries A[r, c] with their ranges),
    None where they do not use it so."""
    for step in made:
        for side in step.terms:
            if side is None:
                continue
            for a in sorted(side.expr.atoms(sp.Indexed), key=sp.srepr):
                if str(a.base.label) != name or len(a.indices) != 2 or not all(isinstance(i, Idx) for i in a.indices):
                    continue
                rows, cols = (i.upper for i in a.indices)
                if rows is None or sp.expand(rows - cols) != 0:
                    return None
                r, c = (fresh_index(None, 1, rows, stem) for stem in ("_row", "_col"))
                return sp.Ne(DeterminantOf(sp.Lambda((r, c), a.base[r, c]), rows), 0, evaluate=False)
    return None


def _sentence_before(text: str, offset: int) -> str:
    """The words of the sentence up to the offset (from the last full stop, colon or blank line before it)."""
    start = max(text.rfind(". ", 0, offset), text.rfind(".\n", 0, offset), text.rfind(":", 0, offset),
                text.rfind("\n\n", 0, offset), text.rfind("$$", 0, offset))
    return text[start + 2 if start >= 0 else 0:offset]


def _case_rewrites(said, lines: _Lines):
    """Names defined by cases (t_{ij} = 1 if i = j, 0 otherwise): from their line on, t_{ab} is read
    as a Kronecker delta. Returns [(line, name, pattern, replacement, reading)]."""
    out = []
    for d in said.declarations:
        if d.kind != "cases":
            continue
        a, b, on, off = d.sizes
        name = re.escape(d.name)
        pattern = re.compile(rf"(?<![\\A-Za-z]){name}_(?:\{{\s*([a-z])\s*,?\s*([a-z])\s*\}}|([a-z])([a-z])(?![A-Za-z]))")

        def replacement(m, on=on, off=off):
            x, y = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
            delta = f"\\delta_{{{x}{y}}}"
            if (on, off) == ("1", "0"):
                return delta
            if (on, off) == ("0", "1"):
                return f"(1 - {delta})"
            return f"({off} + ({on} - {off}) {delta})"

        reading = Reading("definition", f"${d.name}_{{{a}{b}}}$ is ${on}$ if ${a} = {b}$ and ${off}$ otherwise "
                                        f"(read as $\\delta_{{{a}{b}}}$)", lines.of(d.offset))
        out.append((lines.of(d.offset), d.name, pattern, replacement, reading))
    return out


_SET = re.compile(r"^\s*(?:\\mathbb\s*\{?\s*R\s*\}?|\\R|ℝ)\s*(?:\^\s*(?:\{[^{}]*\}|\w))?\s*$")


def _without_memberships(chain: Chain) -> Chain:
    """``A \\in \\mathbb{R}^{N \\times N} = B``: the set says A's shape; the claim is A = B."""
    if "∈" not in chain.relations:
        return chain
    terms, relations = [chain.terms[0]], []
    n = 0
    while n < len(chain.relations):
        rel = chain.relations[n]
        if rel == "∈" and n + 1 < len(chain.relations) and chain.relations[n + 1] == "=" \
                and _SET.match(chain.terms[n + 1].text):
            relations.append("=")
            terms.append(chain.terms[n + 2])
            n += 2
            continue
        relations.append(rel)
        terms.append(chain.terms[n + 1])
        n += 1
    return dataclasses.replace(chain, terms=tuple(terms), relations=tuple(relations))


_NAME_FORM = re.compile(r"^\s*(\\?[A-Za-z]+)\s*(?:_\{?\s*([a-z])\s*,?\s*([a-z])?\s*\}?)?\s*(?:\([^()]*\))?\s*$")


_UPRIGHT_WORD = re.compile(r"\\(?:operatorname|mathrm)\s*\{\s*([A-Za-z]{2,})\s*\}")
_CASES_FACTOR = re.compile(r"\s*(?P<factor>(?:\\[A-Za-z]+|[A-Za-z]|\d+(?:\.\d+)?)(?:\s*_\s*(?:\{\s*\w+\s*\}|\w))?)"
                           r"\s*(?:\\[,;!]\s*)?(?=\\begin\s*\{\s*d?cases)")


def _branch_term(value: str, offset: int, written: int | None) -> Term:
    """A branch's value as a term: where a factor before the cases was put in front of it, its end is the end of the
    value as written."""
    return Term(value, offset) if written is None else Term(value, offset, end=offset + written)


def _expand_cases(item: _Item, said, lines: _Lines, unreadable: dict, definitions: list) -> list[_Item]:
    """``L = \\begin{cases} a & \\text{if } i = j \\\\ b & \\text{otherwise} \\end{cases}``: one claim per
    branch, L = a under i = j and L = b under i != j. ``t_{ij} = `` cases of numbers defines t (read as
    a Kronecker delta); a name defined by other cases (f(x) = x if x >= 0 ...) is not read, and its
    later uses say so (``unreadable``)."""
    chain = item.chain
    if item.inline is not None or chain.problem or len(chain.terms) < 2 or chain.relations[-1] != "=":
        return [item]
    last = chain.terms[-1]
    # (selu(x) = \lambda \begin{cases} ... \end{cases}: a factor before the cases multiplies every branch)
    factor = _CASES_FACTOR.match(last.text)
    cut = factor.end() if factor else 0
    branches = cases_branches(last.text[cut:])
    if branches is None:
        return [item]
    if factor:
        branches = [(f"{factor.group('factor')} \\cdot \\left( {value} \\right)", condition, cut + at, len(value))
                    for value, condition, at in branches]
    else:
        branches = [(value, condition, at, None) for value, condition, at in branches]
    conditions = [branch_condition(c, last.offset + at) if c is not None else None for _, c, at, _ in branches]
    readable = [c for c in conditions if c is not None]
    for n, (value, written, at, _) in enumerate(branches):
        if written is None and len(branches) == 2 and len(readable) == 1 and not readable[0].value:
            conditions[n] = readable[0].negated(last.offset + at)
    left = chain.terms[-2]
    # (\operatorname{selu}(x) = ...: the function named by the word, as the reader names it)
    name = _NAME_FORM.match(_UPRIGHT_WORD.sub(r"\1", left.text)) if len(chain.terms) == 2 else None
    line = lines.start(left)
    if name and name.group(2) and name.group(3) and all(c is not None and not c.value for c in conditions) \
            and all(re.fullmatch(r"\s*-?\d+\s*", v) for v, _, _, _ in branches) \
            and {c.left for c in conditions} | {c.right for c in conditions} == {name.group(2), name.group(3)}:
        on = next(v.strip() for (v, _, _, _), c in zip(branches, conditions) if c.equal)
        off = next((v.strip() for (v, _, _, _), c in zip(branches, conditions) if not c.equal), None)
        if off is not None:
            said.declarations.append(Declaration(name.group(1), "cases", (name.group(2), name.group(3), on, off),
                                                 left.offset, chain.latex))
            return [_Item(dataclasses.replace(chain, problem=(
                f"the definition of ${name.group(1)}_{{{name.group(2)}{name.group(3)}}}$ by cases is not checked; it is "
                f"read as $\\delta_{{{name.group(2)}{name.group(3)}}}$ from here on")), order=item.order)]
    argument = re.search(r"\(\s*(\\?[A-Za-z]+)\s*\)\s*$", left.text)
    # (each branch's condition: one order of the argument with a number, or an interval 0 < m < 1; the last may be
    # "otherwise", what the branches before leave)
    multi = [branch_conditions(c, last.offset + at) if c is not None else () for _, c, at, _ in branches]
    by_order = bool(name and not name.group(2) and argument) and all(
        m is not None and (m or n == len(multi) - 1) and all(c.order and c.left == argument.group(1) for c in m)
        for n, m in enumerate(multi))
    if name and not name.group(2) and any(c is None for c in conditions) and not by_order:
        unreadable[name.group(1)] = (line, "it is defined by cases whose conditions are not read")
    if by_order:
        # f(x) = x if x >= 0, a x otherwise: f is that function of x by cases, from here on
        pieces = tuple((value, condition) for (value, _, _, _), condition in zip(branches, multi))
        said.declarations.append(Declaration(name.group(1), "piecewise", (argument.group(1),), left.offset, chain.latex))
        definitions.append((name.group(1), argument.group(1), pieces, line))
        return [_Item(Chain((left, _branch_term(value, last.offset + at, written)), ("=",), chain.offset, chain.label,
                            latex=" ".join(left.text.split()) + " = " + " ".join(value.split()), problem=(
                                f"the definition of ${name.group(1)}$ by cases is not checked; it is read as that "
                                f"function from here on")), order=item.order, piecewise=True)
                for value, _, at, written in branches]
    out = []
    if len(chain.terms) > 2:
        out.append(_Item(dataclasses.replace(chain, terms=chain.terms[:-1], relations=chain.relations[:-1],
                                             latex=" ".join(t.text.strip() for t in chain.terms[:-1])), order=item.order))
    for (value, written, at, length), condition in zip(branches, conditions):
        branch = Chain((left, _branch_term(value, last.offset + at, length)), ("=",), chain.offset, chain.label, "",
                       " ".join(left.text.split()) + " = " + " ".join(value.split()),
                       conditions=chain.conditions + (((condition.left, condition.order or condition.equal, condition.right,
                                                        condition.offset),) if condition is not None else ()))
        if condition is None:
            branch = dataclasses.replace(branch, problem=(
                f"the case {' '.join((written or 'otherwise').split())} is not read as a condition (only "
                "relations of two index letters, i = j or i \\neq j, and a number's value, y = 1, are)"))
        out.append(_Item(branch, order=item.order, branch=True))
    return out


# "$h(u) = \frac{1}{2} u^2$ for $|u| \le 1$ and $h(u) = |u| - \frac{1}{2}$ otherwise": a function defined by cases in words
_CASE_AFTER = re.compile(r"\s*,?\s*(?:for|if|when|whenever|on)\s+(?:all\s+|every\s+|each\s+)?\$([^$]+)\$")
_OTHERWISE_AFTER = re.compile(r"\s*,?\s*(?:otherwise|else|elsewhere|for\s+(?:all\s+)?other|in\s+all\s+other)\b", re.I)
_CASE_RELATION = re.compile(r"<|>|\\(?:le|ge|leq|geq|lt|gt|ne|neq)(?![A-Za-z])|=")


def _prose_cases(items: list[_Item], text: str, lines: _Lines, said, unreadable: dict, definitions: list) -> list[_Item]:
    """Inline definitions of one function by cases in a sentence: f(x) = a for x >= 0, f(x) = b otherwise (or
    for x < 0). Their pieces make one function by cases when each case is an order of its argument with a number
    (as a display by cases does, see _expand_cases); otherwise the function is not read, never taken for all x
    from one case's formula."""
    def after(item: _Item) -> str:
        end = item.inline.offset + len(item.inline.text)
        return text[end + 1:end + 120] if text[end:end + 1] == "$" else ""

    def head(item: _Item):
        if item.inline is None or len(item.chain.terms) != 2 or item.chain.relations[0] != "=":
            return None
        left = item.chain.terms[0].text
        name, argument = _NAME_FORM.match(left), re.search(r"\(\s*(\\?[A-Za-z]+)\s*\)\s*$", left)
        if not name or name.group(2) or not argument or name.group(1).lstrip("\\") in BUILTIN_FUNCTIONS:
            return None
        return name.group(1), argument.group(1), " ".join(left.split())

    out, done = list(items), set()
    for n, item in enumerate(items):
        h = head(item)
        case = _CASE_AFTER.match(after(item)) if h is not None and n not in done else None
        if case is None or not _CASE_RELATION.search(case.group(1)) or "\\in" in case.group(1):
            continue
        name, argument, left = h
        if any(head(o) is not None and head(o)[0] == name for o in items[:n] if o.inline is not None) \
                or any(re.match(r"\s*" + re.escape(name) + r"\s*\(", o.chain.terms[0].text) for o in items[:n]
                       if o.inline is None and o.chain.terms):
            continue  # (a function defined before: what it is on a case, a claim)
        group = [(n, item, case.group(1), item.inline.offset + len(item.inline.text) + 1 + case.start(1))]
        for m in range(n + 1, len(items)):
            other = items[m]
            if other.inline is None or other.inline.offset > item.inline.offset + 400:
                break
            if head(other) is None or head(other)[2] != left:
                continue
            more = _CASE_AFTER.match(after(other))
            if more is not None and _CASE_RELATION.search(more.group(1)):
                group.append((m, other, more.group(1), other.inline.offset + len(other.inline.text) + 1 + more.start(1)))
            elif _OTHERWISE_AFTER.match(after(other)):
                group.append((m, other, None, other.inline.offset))
                break
            else:
                break
        if len(group) == 1 and (not re.search(r"<|>|\\(?:le|ge|leq|geq|lt|gt)(?![A-Za-z])", case.group(1))
                                or re.search(r",|\\[lc]?dots", case.group(1))
                                or re.match(r"\s*,?\s*on\s", after(item))):
            # "h(x) = x^2/(x - 1) for $x \neq 1$", "for $k = 0, 1, \dots$", "f(x) = x^3 - a on $x > 0$": where it is
            # defined (the relation, an inline formula of its own, is what the prose assumes of x), no case
            continue
        conditions = [branch_condition(c, at) if c is not None else None for _, _, c, at in group]
        readable = [c for c in conditions if c is not None]
        if len(group) == 2 and len(readable) == 1 and conditions[1] is None and not readable[0].value:
            conditions[1] = readable[0].negated(group[1][3])
        line = lines.of(item.chain.offset)
        whole = all(c is not None and c.order and c.left == argument and _NUMERIC.fullmatch(c.right) for c in conditions) \
            and (len(group) > 1)
        if whole:
            pieces = tuple((o.chain.terms[1].text, c) for (_, o, _, _), c in zip(group, conditions))
            said.declarations.append(Declaration(name, "piecewise", (argument,), item.chain.offset, item.inline.text))
            definitions.append((name, argument, pieces, line))
            problem = (f"the definition of ${name}$ by cases is not checked; it is read as that function from here on")
        else:
            unreadable[name] = (line, "it is defined by cases in the prose, on conditions that are not read")
            problem = f"the definition of ${name}$ by cases is not read: its cases are not orders of {argument} with a number"
        for m, o, _, _ in group:
            done.add(m)
            out[m] = dataclasses.replace(o, chain=dataclasses.replace(o.chain, problem=problem), piecewise=True)
    return out


def _define_by_cases(reader: Reader, name: str, argument: str, pieces, line: int) -> str:
    """Give ``reader`` the function ``name`` of ``argument`` defined by cases on its range
    (``[(value, Condition)]``), from ``line`` on; returns why not, when it cannot be read."""
    if reader.notation.kind_of(name) not in (None, "function") or name in ("e", "d") \
            or name in reader.lambdas and reader.defined_at.get(name, 0) <= line:
        return "it is defined by cases, and also otherwise"
    # a later display f(x) = ... taken for f's definition is a claim about the f defined here
    for table in (reader.definitions_by_line, reader.last_link_definitions):
        for key in [k for k, defined in table.items() if defined == name]:
            del table[key]
    saved = reader.line
    reader.line = line
    # (the argument is the function's own variable, even where the document defines a name so: m = y w^T x)
    hidden = {key: reader.values.pop(key) for key in (symbol_name(argument.strip()),) if key in reader.values}
    try:
        variable = reader.read(argument)
        values = [reader.read(value) for value, _ in pieces]
    except FormulaError as exc:
        return f"it is defined by cases, one of which is not read: {exc}"
    finally:
        reader.line = saved
        reader.values.update(hidden)
    if type(variable.expr) is not sp.Symbol or any(v.is_vector or v.is_matrix or v.row or v.misfit is not None
                                                   for v in (variable, *values)):
        return "it is defined by cases whose values are not numbers"
    x = variable.expr
    pieces = [(value, c if isinstance(c, tuple) else (c,)) for value, c in pieces]  # (a piece's conditions: all hold)
    bounds = {}
    for _, cs in pieces:
        for c in cs:
            if _NUMERIC.fullmatch(c.right):
                bounds[c.right] = sp.Rational(c.right)
                continue
            # s <= w, s > w of a warm-up length w: a bound that is a number's name (never one that holds x), of
            # the argument itself
            if symbol_name(c.left.strip()) != symbol_name(argument.strip()):
                return "it is defined by cases on an order between two names, which is not read"
            saved, reader.line = reader.line, line
            try:
                bound = reader.read(c.right)
            except FormulaError:
                return "it is defined by cases on an order between two names, which is not read"
            finally:
                reader.line = saved
            if bound.is_vector or bound.is_matrix or bound.row or bound.misfit is not None \
                    or x in bound.expr.free_symbols or not bound.expr.free_symbols <= {
                        s for s in bound.expr.free_symbols if type(s) is sp.Symbol}:
                return "it is defined by cases on an order between two names, which is not read"
            bounds[c.right] = bound.expr
    body = sp.Piecewise(*[(v.expr, sp.And(*[_RELATIONALS[c.order](x, bounds[c.right]) for c in cs]))
                          for v, (_, cs) in zip(values, pieces)])
    reader.lambdas[name] = sp.Lambda(x, body)
    reader.functions_by_cases = getattr(reader, "functions_by_cases", set()) | {name}
    reader.lambda_domains[name] = (x, ())
    reader.defined_at[name] = line
    reader.function_letters.add(name)
    reader.scalar_letters.discard(name)
    return ""


_DISPLAY_END = re.compile(r"\$\$|\\\]|\\end\s*\{\s*(?:equation|align|gather|multline|eqnarray|displaymath)\*?\s*\}")
# (the display's sentence going on, on the next line: never a new paragraph, nor a new sentence, "For $x \ge 0$:")
_WHERE_AFTER = re.compile(r"[ \t]*(?:\\end\s*\{[a-z]+\*?\}[ \t]*\n?[ \t]*|\$\$[ \t]*\n?[ \t]*|\\\][ \t]*\n?[ \t]*)*"
                          r"[,;]?[ \t]*(?:where|with)\s+\$([^$]+)\$")


def _orders_after_display(text: str, chain) -> tuple[Condition, ...]:
    """The orders between numbers and the display's names said right after it ("$$ ... $$ where $0 < \\alpha <
    1$"), each a condition of the display's claims that hold the name; () where the words after it say none."""
    end = _DISPLAY_END.search(text, chain.offset)
    if end is None:
        return ()
    after = _WHERE_AFTER.match(text, end.start())
    if after is None or not _CASE_RELATION.search(after.group(1)) or "=" in after.group(1).replace("\\le", "") \
            .replace("\\ge", ""):
        return ()
    held = set().union(*(names_in(t.text) for t in chain.terms))
    found = branch_conditions(after.group(1), after.start(1)) or ()
    return tuple(dataclasses.replace(c, adjacent=True) for c in found
                 if c.order and (c.left in held or symbol_name(c.left) in {symbol_name(n) for n in held}))


def _scope_at(said, offset: int) -> tuple[Condition, ...]:
    current: tuple[Condition, ...] = ()
    for scope in said.scopes:
        if scope.offset > offset:
            break
        current = scope.conditions
    return current


def _with_math_macros(text: str) -> str:
    """A Markdown document with the macros its mathematics defines ($\\newcommand{\\R}{\\mathbb{R}}$) expanded."""
    from .macros import expand_math_macros
    from .markdown import math_blocks

    if "\\" not in text or not re.search(r"\\(?:newcommand|renewcommand|providecommand|[gex]?def|DeclareMathOperator|let)"
                                         r"(?![A-Za-z])", text):
        return text
    segments = [(b.offset, b.offset + len(b.content)) for b in math_blocks(text)[0] if b.exact]
    segments += [(p.offset, p.offset + len(p.text)) for par in paragraphs(text, True) for p in par.pieces
                 if p.kind == "math" and p.offset >= 0 and text.startswith(p.text, p.offset)]
    return expand_math_macros(text, segments)


def read_document(text: str, name: str, notation: Notation, markdown: bool = True) -> Derivation:
    """The derivation a document writes: one step per chain of its display mathematics, and of the
    relations its prose states in inline mathematics, read with the declarations, definitions and
    cases the prose states."""
    if len(text) > MAX_DOCUMENT:
        raise FormulaError(f"{name}: {len(text)} characters is beyond the limit of {MAX_DOCUMENT}")
    limit_of.new_document()  # (the time its limits may take together)
    integral_of.new_document()
    if not text.endswith("\n"):
        text += "\n"  # (the Markdown parser maps a last line without one to the wrong place)
    if markdown:
        text = _with_math_macros(text)
    lines = _Lines(text)
    prose = paragraphs(text, markdown)
    said = statements_of(prose)
    given = notation
    notation, declared = _declare(notation, said, lines)
    layouts = [d for d in said.declarations if d.kind == "layout"]
    layout_line = None
    if len({d.sizes[0] for d in layouts}) > 1 and not notation.layout:
        # two layouts said: a derivative of a vector by a vector is read in neither (see _Builder.layout_conflict)
        layout_conflict = ", ".join(f"{d.sizes[0]} layout on line {lines.of(d.offset)}" for d in layouts)
    else:
        layout_conflict = ""
    if len({d.sizes[0] for d in layouts}) == 1 and not notation.layout:
        # "we use denominator layout": as the notation file's layout = "denominator" (which wins if given)
        notation = dataclasses.replace(notation, layout=layouts[0].sizes[0])
        layout_line = lines.of(layouts[0].offset)
    displays = [_without_memberships(c) for c in chains_of(text, markdown, bare=True)]
    if len(displays) > MAX_DISPLAYS:
        raise FormulaError(f"{name}: {len(displays)} chains of display mathematics is beyond the limit of {MAX_DISPLAYS}")
    said = _passing_claims(said, displays)
    items = sorted([_Item(c, order=c.offset) for c in displays] + _inline_chains(said, lines)
                   + [_Item(Chain((), (), im.offset), inline=im, order=im.offset)
                      for im in said.inline if im.ends_with_relation],
                   key=lambda it: it.chain.offset if it.chain.terms else it.order)
    # Displays that are one formula: joined to what they continue, else not claims.
    kept: list[_Item] = []
    previous: _Item | None = None
    joins = sorted(said.joins)
    for item in items:
        chain = item.chain
        if item.inline is not None and item.inline.ends_with_relation:
            previous = item
            continue
        if chain.bare:
            between = previous is not None and any(
                previous.chain.offset <= j < chain.offset for j in joins) if previous and previous.chain.terms else False
            joined = _joined(chain, previous, between)
            if joined is not None:
                item = _Item(joined)
                kept.append(item)
            previous = _Item(chain) if joined is None else item
            continue
        kept.append(item)
        if item.inline is None:
            previous = item
    unreadable: dict[str, tuple[int, str]] = {}
    piecewise: list = []  # functions defined by cases on their argument's range: (name, argument, pieces, line)
    items = [e for item in kept for e in _expand_cases(item, said, lines, unreadable, piecewise)]
    items = _prose_cases(items, text, lines, said, unreadable, piecewise)
    # "Where $z = ...$" opening the paragraph after a display: z holds in that display too.
    last_display: _Item | None = None
    heads: set[str] = set()  # the names earlier chains open with
    lefts: dict[int, set[str]] = {}  # the names left sides write, by line
    for item in items:
        head = _HEAD_NAME.match(item.chain.terms[0].text) if item.chain.terms else None
        opened_before = head is not None and head.group(1) in heads
        written_before = set(lefts.get(lines.of(item.chain.offset), ()))
        if head is not None:
            heads.add(head.group(1))
        if item.chain.terms:
            lefts.setdefault(lines.of(item.chain.offset), set()).update(names_in(item.chain.terms[0].text))
        if item.inline is None:
            last_display = item
        elif last_display is not None and item.inline.paragraph_start and re.match(
                r"\s*(?:where|with|here)\b", item.inline.before, re.I) \
                and not any(last_display.chain.offset < h < item.chain.offset for h in said.headings):
            # (never past a heading: "With $r = q/p$" in an answer below a rule is no clause of the question's display)
            first = last_display.chain.terms[0]
            item.learn_line = lines.start(first)
        elif re.search(r"\b(?:where|with)\s*$", item.inline.before, re.I) and not opened_before \
                and not names_in(" ".join(t.text for t in item.chain.terms[1:])) & written_before:
            # (never "where $f(p) = \frac{1}{4}$" of an f the sentence defined before: a value of it, said after)
            # "$p = \sigma(z)$ where $z = w^\top x + b$": z holds in the sentence's mathematics before it
            # (never "$z = a^2 p + q$, then update with $K = z / (z + r)$": K's formula uses the z defined before it,
            # which must be known when K is)
            item.learn_line = lines.of(item.chain.offset)
    # Displays right after one that ends "where:" (no words between): their definitions hold in it too.
    where_display: _Item | None = None
    run_last: _Item | None = None
    for item in items:
        if item.inline is not None or not item.chain.terms:
            continue
        if where_display is not None and _only_displays_between(text, run_last, item):
            first = where_display.chain.terms[0]
            item.learn_line = lines.start(first)
            run_last = item
            continue
        run_last = item
        last = item.chain.terms[-1] if item.chain.terms else None
        where_display = item if last is not None and _ENDS_WHERE.search(text[last.offset:last.offset + len(last.text)]) \
            else None
    bounds = sorted(set(said.headings))
    part_of = [bisect.bisect_right(bounds, item.chain.offset) for item in items]
    parts = sorted(set(part_of))
    # A name the prose declares differently in two parts (y in {0, 1}, later y in R^n) has, in each
    # part, the last of its declarations made before the part ends (the first, before any is made).
    redeclared = _redeclared(said.declarations, lines.of)
    per_part = {}
    for p in parts:
        if not redeclared or len(parts) == 1:
            per_part[p] = (notation, declared)
            continue
        end = bounds[p] if p < len(bounds) else len(text)
        mine = _declarations_for_part(said.declarations, redeclared, end, lines.of)
        per_part[p] = _declare(given, dataclasses.replace(said, declarations=mine), lines)
    sequences = find_sequences([(item.chain.terms[0].offset, [t.text for t in item.chain.terms],
                                 item.chain.relations[0] if item.chain.relations else None,
                                 item.inline is not None and (_CLAIM_LEAD.search(item.inline.before[-30:]) is not None
                                                              or _SAID_TO_HOLD.search(item.inline.before[-40:]) is not None))
                                for item in sorted(items, key=lambda it: it.chain.offset)
                                if item.chain.terms and not item.branch and not item.piecewise],
                               lambda offset: lines.of(offset),
                               {n for n in declared if notation.kind_of(n) in ("vector", "matrix")}
                               | {d.name for d in said.declarations if d.kind in ("vector", "matrix")})
    # (the step letter k of x_{k+1} = F(x_k), never a sum's index in the document: x_k is a number, the term at
    # step k, and never entry k of a vector x)
    steps = {q.letter for q in sequences if q.step} - set(re.findall(r"\\(?:sum|prod)\s*_\s*\{?\s*([a-z])", text))
    # (and never the subscript of anything but a sequence or its data: theta_k beside x_{k+1} = F(x_k) keeps k an
    # index, where g_t in the step v_{t+1} = beta v_t + g_t, or x_{k+1} written anywhere, is a number at each step)
    names_of_sequences = {q.name for q in sequences}
    arrays = {n for n in declared if notation.kind_of(n) in ("vector", "matrix")} \
        | {d.name for d in said.declarations if d.kind in ("vector", "matrix")}
    # (never a name an equation gives, x_k = k^2: what it says of x_{k+1} would be lost)
    equated = {m.group(1) for item in items if len(item.chain.terms) >= 2
             for m in [re.fullmatch(r"\s*(\\?[A-Za-z]+)\s*_\s*(?:\{[^{}]*\}|[A-Za-z0-9])\s*", item.chain.terms[0].text)] if m}
    data = {letter: _step_data(text, letter, [q for q in sequences if q.step and q.letter == letter],
                               names_of_sequences | arrays | equated) for letter in steps}
    steps = {letter for letter in steps
             if all(m.group(1) in names_of_sequences | data[letter] for m in re.finditer(
                 r"(\\?[A-Za-z]+)\s*\}?\s*_\s*\{?\s*" + letter + r"(?![A-Za-z])", text))}
    step_data = {name: letter for letter in sorted(steps) for name in sorted(data[letter])}
    subscript_letters = _subscript_letters([t.text for item in items for t in item.chain.terms])
    named = {q.name for q in sequences if q.step and q.letter in steps} | set(step_data)
    aliased_by_part = {}
    for p in parts:
        n_p, d_p = per_part[p]
        n_p, ranged = _index_ranges(items, n_p, lines, frozenset(d_p))
        d_p = {**d_p, **ranged}
        n_p, aliased, alias_links = _aliases(items, n_p, lines, said)
        aliased_by_part[p] = (_differentiated_defaults(_for_sequences(n_p, steps, named), text), d_p, aliased)
    if parts:
        notation, declared, aliased = aliased_by_part[parts[0]]
    else:
        notation, ranged = _index_ranges(items, notation, lines, frozenset(declared))
        declared = {**declared, **ranged}
        notation, aliased, alias_links = _aliases(items, notation, lines, said)
        notation = _differentiated_defaults(_for_sequences(notation, steps, named), text)
    stated = {n: min(r.line for r in rs if r.line is not None) for n, rs in {**declared, **aliased}.items()
              if any(r.line is not None for r in rs)}
    base_reader = Reader(notation)
    try:
        definitions = base_reader.definitions()
    except FormulaError as exc:
        # a default definition (yhat = softmax(theta)) the document's own use of its names does not fit: a guess
        # dropped; one the notation file gives is an error
        guesses = {k for k, f in notation.definitions.items() if default_notation().definitions.get(k) == f
                   and given.definitions.get(k) == f and str(exc).startswith(f"definition of {k}:")}
        if not guesses:
            raise NotationError(f"notation: {exc}") from None
        notation = notation.without(guesses)
        aliased_by_part = {p: (n.without(guesses), d, a) for p, (n, d, a) in aliased_by_part.items()}
        base_reader = Reader(notation)
        try:
            definitions = base_reader.definitions()
        except FormulaError as again:
            raise NotationError(f"notation: {again}") from None

    def line_of(term) -> int:  # the line of the term's first character, past the display's opening
        return lines.start(term)

    # x_k = 2k said "for $k \le 3$": the entries (terms) that formula gives only where the words say, by line
    conditional = {line_of(item.chain.terms[0]): found for item in items if item.chain.terms
                   for found in [_said_where(text, item.chain)] if found is not None}

    def learn_key(item: _Item):
        if item.learn_line is not None:  # before the display it reaches back to
            return (item.learn_line, -1, item.chain.offset)
        return (line_of(item.chain.terms[0]), 0, item.chain.offset)

    # the left sides chains give a formula, each with how many chains do (a name another chain defines too)
    # (a number worked out, "z = 1 \cdot 2 - 1 = 1" in an example, is the name's value there, no formula)
    lefts = collections.Counter(" ".join(item.chain.terms[0].text.split()) for item in items
                                if item.chain.terms and item.chain.relations and item.chain.relations[0] == "="
                                and names_in(item.chain.terms[1].text) - NUMERIC_WORDS)

    # the first chain giving each head name a formula (f of f(x) = ..., z of z = ...), by offset
    formula_at: dict[str, int] = {}
    for item in items:
        if item.chain.terms and item.chain.relations and item.chain.relations[0] == "=" \
                and len(item.chain.terms) > 1 and not _NUMERIC.fullmatch(item.chain.terms[1].text.strip()):
            head = _head_and_arity(item.chain.terms[0].text)
            if head:
                formula_at.setdefault(head, item.chain.terms[0].offset)

    # the headings that open parts (a title above all the mathematics opens none): an earlier formula holds in its
    # own part, and one of the preamble (before the first part) in every part
    first_math = min((it.chain.offset for it in items if it.chain.terms), default=len(text))
    part_heads = [h for n, h in enumerate(sorted(said.headings)) if n > 0 or h > first_math]

    def same_part_or_preamble(earlier: int, later: int) -> bool:
        return not part_heads or earlier < part_heads[0] or not any(earlier < h < later for h in part_heads)

    restated: set[int] = set()  # (inline formulas of a function defined before, read as claims about it)
    # ("$\Phi$ is the standard normal CDF": a formula for it is a claim about that function, checked)
    described_heads = {n for n, _, words, _ in said.described if _STANDARD_NORMAL_WORDS.get(next(
        (k for k, pattern in _STANDARD_NORMAL_SAID.items() if pattern.search(words)), None)) is not None}

    first_left: dict[str, int] = {}  # (the offset of the first chain that gives each left side a formula)
    for it in items:
        if len(it.chain.terms) > 1 and it.chain.relations and it.chain.relations[0] == "=":
            left = " ".join(it.chain.terms[0].text.split())
            first_left[left] = min(first_left.get(left, it.chain.offset), it.chain.offset)

    def said_only(item: _Item) -> bool:
        # a formula the prose says someone claimed or wrote; or one it says something computes or uses, "the naive
        # route uses $M_k = ...$", of a name another chain gives a formula too (of a name no other chain does, "the
        # neuron computes $z = w x + b$", the definition)
        if item.inline is None:
            return False
        if item.chain.terms and re.fullmatch(r"\s*[a-z]\s*", item.chain.terms[0].text) \
                and re.search(r"\b(?:for|when|whenever|if)\s*$", item.inline.before[-12:], re.I) \
                and not (len(item.chain.terms) > 1 and re.search(r"\\[lc]?dots", item.chain.terms[1].text)) \
                and not (len(item.chain.terms) > 1
                         and first_left.get(" ".join(item.chain.terms[0].text.split()), item.chain.offset) < item.chain.offset
                         and _EXAMPLE_LEAD.search(item.inline.before)
                         and names_in(item.chain.terms[1].text) - NUMERIC_WORDS - {item.chain.terms[0].text.strip()}):
            # (never "for $j = 0, \dots, N$", the letter's range: see DocumentContext._index_defined)
            # ("Same recipe for $y = x^{\sin x}$" of a y an earlier chain gives a formula: a new example's y, see
            # DocumentContext._end_for_a_new_example)
            return True  # "for $i = \arg\max_j z_j$": which i a statement is about, no definition of the letter
        if re.search(r"\bwould\s+(?:be|read|give|become)\s*:?\s*$", item.inline.before[-40:], re.I):
            return True  # "so the factor would be $R(z) = 1 + z + z^2$": what a step gives, said, never a definition
        if re.search(r"\b(?:needs|requires|must\s+be|should\s+be|has\s+to\s+be)\s*:?\s*$",
                     item.inline.before[-30:], re.I):
            return True  # "keeping the variance needs $v_w = 1/n$": a condition something asks for, never a definition
        if item.inline.conditions and _CONDITIONAL_THEN.search(item.inline.before):
            # "If $\beta_1 = 0$ then $m_t = g_t$, and $\hat m_t = g_t$": what the case gives, claims under it, never
            # definitions for the rest of the document
            return True
        head = _head_and_arity(item.chain.terms[0].text) if item.chain.terms else None
        if head and head[1] and formula_at.get(head, item.chain.terms[0].offset) < item.chain.terms[0].offset \
                and same_part_or_preamble(formula_at[head], item.chain.terms[0].offset) \
                and not _GIVING_LEAD.search(item.inline.before[-50:]) \
                and not _run_in_example(text, item.chain.offset) \
                and not _doubted_after(text, formula_at[head], item.chain.offset):
            # "we have $D(p \| q) = H(p, q) - H(p)$" of a D defined before: what the function is, a claim (a new
            # definition says so: "let", "now", "define", "where"); words that say so otherwise ("Adding a linear
            # term, $F(x) = x_1 x_2 + 3 x_1$") are not all read, so only its proof stands
            left = item.chain.terms[0].text
            arguments = re.findall(r"\\?[A-Za-z]+", left[left.find("(") + 1:])
            if _APPLIED_NAME.match(left) and len(item.chain.terms) > 1 and head[0] not in described_heads \
                    and not _CLAIM_LEAD.search(item.inline.before[-40:]) \
                    and not _DRAWN_LEAD.search(item.inline.before[-60:]) and any(  # (a function at its arguments,
                    re.search(r"(?<![A-Za-z\\])" + re.escape(a) + r"(?![A-Za-z])", item.chain.terms[1].text)
                    for a in arguments):  # a formula in them: not P(X < 2), nor f(z) = 2)
                restated.add(item.chain.terms[0].offset)
            return True
        lead = _CLAIM_LEAD.search(item.inline.before[-30:])
        if lead is None:
            return False
        if not _COMPUTES_LEAD.search(lead.group(0)):
            return True
        left = " ".join(item.chain.terms[0].text.split())
        own = item.chain.relations[0] == "=" and not _NUMERIC.fullmatch(item.chain.terms[1].text.strip()) \
            if item.chain.relations and len(item.chain.terms) > 1 else False
        return lefts[left] - own > 0

    # P(A \cap B), P(+ \mid D): a document that writes events inside P(...), and the probabilities it states
    events_document = _writes_events(text)
    major = sorted(h for h in said.headings if h not in said.minor_headings)
    event_candidates = tuple(
        (item.chain.terms[0].offset, line_of(item.chain.terms[0]), item.chain.terms[0].text, item.chain.terms[1].text,
         sum(1 for h in major if h < item.chain.offset))
        for item in items if len(item.chain.terms) == 2 and tuple(item.chain.relations) == ("=",)
        and _probability_term(item.chain.terms[0].text) and events.given_value(item.chain.terms[1].text) is not None
        and not _DRAWN_LEAD.search((item.inline.before if item.inline is not None else _lead(text, item.chain.offset))[-80:])
    ) if events_document or "\\Pr" in text or "\\mathbb{P}" in text else ()

    def learned(chosen: list[_Item]):
        # (a case's branch, L = a if ..., is learned with a relation that defines nothing; so is a formula said
        # only, see said_only)
        return [([(t.text, item.learn_line if item.learn_line is not None and n == 0 else line_of(t))
                  for n, t in enumerate(item.chain.terms)],
                 ["case"] * len(item.chain.relations) if item.branch
                 else ["said"] * len(item.chain.relations) if said_only(item) else list(item.chain.relations),
                 item.chain.terms[0].offset, item.learn_line is not None) for item in sorted(chosen, key=learn_key)
                if not (events_document and item.chain.terms and _probability_term(item.chain.terms[0].text))]
        # (P(A) = 0.5 in a document that writes events: a probability it gives, never a definition of P)

    def example_vector(item: _Item) -> str | None:
        # "take $\mathbf{x} = (1, 3)$": numbers the prose gives a declared vector, the data of an example (the
        # claims of its paragraph that give numbers are checked at them), never its definition
        if item.inline is None or len(item.chain.terms) != 2 or tuple(item.chain.relations) != ("=",):
            return None
        lone = _LONE_VECTOR.fullmatch(item.chain.terms[0].text)
        right = item.chain.terms[1].text
        if lone is None or not _NUMBER_LIST.match(right) or names_in(right) - NUMERIC_WORDS - {"\\top", "\\intercal", "T"}:
            return None
        name = lone.group(1) or lone.group(2)
        if notation.kind_of(name) != "vector" and not any(
                _left_head(other.chain.terms[0].text) == name for other in items
                if other.chain.offset < item.chain.offset and len(other.chain.terms) > 1 and other.inline is None):
            # (a name a display gave a formula before, "so $u = (1, 0)$" in an example: the example's data too)
            return None
        return name

    example_vectors = {item.chain.terms[0].offset: (name, item.chain.terms[1].text)
                       for item in items for name in [example_vector(item)] if name is not None}
    # "with $x_1 = 1$ and $x_2 = 3$": every entry of a declared vector, from the first, given one number in a
    # paragraph is that vector's example, as (1, 3) would be
    given_entries: dict[tuple, dict[int, set]] = {}
    for c in (c for im in said.inline for c in im.conditions):
        entry = _ENTRY_GIVEN.fullmatch(c.left)
        if entry is None or not c.equal or c.order or not _NUMERIC.fullmatch(c.right.strip()) \
                or notation.kind_of(entry.group(1) or entry.group(2)) != "vector":
            continue
        where = (entry.group(1) or entry.group(2), lines.paragraph_end(lines.of(c.offset)))
        given_entries.setdefault(where, {}).setdefault(int(entry.group(3) or entry.group(4)), set()).add(
            (c.right.strip(), c.offset))
    for (vector, _), numbers in given_entries.items():
        if len(numbers) >= 2 and sorted(numbers) == list(range(1, len(numbers) + 1)) \
                and all(len({value for value, _ in found}) == 1 for found in numbers.values()):
            last = max(offset for found in numbers.values() for _, offset in found)
            example_vectors.setdefault(last, (vector, "(" + ", ".join(next(iter(numbers[k]))[0]
                                                                      for k in sorted(numbers)) + ")"))
    everything = learned([item for item in items if not item.piecewise
                          and item.chain.terms[0].offset not in example_vectors])
    prime_transpose = _PRIME_TRANSPOSE.search(text) is not None  # "a prime denotes the transpose": X'X
    # the words each chain stands after (its sentence's, for inline mathematics), by the line of its first term
    leads = [(line_of(item.chain.terms[0]), item.inline.before if item.inline is not None
              else _lead(text, item.chain.offset)) for item in items if item.chain.terms]

    def lines_led_by(words: re.Pattern) -> set[int]:
        return {line for line, lead in leads if words.search(lead)}

    # the lines whose prose says they give a name its meaning ("we write sigma for ...", "in this sheet ..."):
    # where a built-in function's name may be given a meaning of the document's own
    defining_lines = lines_led_by(_DEFINING_LEAD)
    set_lines = lines_led_by(_SETTING_LEAD)  # "setting $\nabla L = 0$ gives ..."
    sided_lines = lines_led_by(_ONE_SIDE_LEAD)  # "so on that side, ..."
    global_lines = lines_led_by(_EVERY_POINT_LEAD)  # "for every real $x$, ...": said of every point

    # the equations that give a name alone on their left (\hat\theta = S/(2n)): name -> [(line, whether the right
    # side holds names)], found once for the readers (a name with two formulas) and the builder (where it was given)
    lone_lefts: dict[str, list[tuple[int, bool, int | None]]] = {}
    for item in items:
        if len(item.chain.terms) > 1 and item.chain.relations[0] == "=":
            key = lone_name_key(item.chain.terms[0].text)
            square = _SQUARE_LEFT.fullmatch(item.chain.terms[0].text) if key is None and item.inline is not None \
                else None
            if square is not None:  # (sigma^2 = 1: a value given sigma too, never a whole number of it here)
                lone_lefts.setdefault(symbol_name(square.group(1)), []).append(
                    (line_of(item.chain.terms[0]), any(names_in(t.text) - NUMERIC_WORDS for t in item.chain.terms[1:]),
                     None))
            if key is not None:
                whole = re.fullmatch(r"\s*(-?\d{1,6})\s*[.,;]?\s*", item.chain.terms[1].text)
                lone_lefts.setdefault(key, []).append(
                    (line_of(item.chain.terms[0]), any(names_in(t.text) - NUMERIC_WORDS for t in item.chain.terms[1:]),
                     int(whole.group(1)) if whole and len(item.chain.terms) == 2 else None))
    formula_lefts = collections.Counter({key: n for key, found in lone_lefts.items()
                                         if (n := sum(named for _, named, _ in found))})

    def reader_for(section: list[_Item] | None, part_notation: Notation, part_stated: dict,
                   end: int | None = None, start: int | None = None) -> Reader:
        reader = Reader(part_notation)
        # a name an earlier part defines may be defined anew in this one (f(x) in question 1 and in question 2)
        reader.part_start, reader.part_end = start, end
        reader.defining_lines = defining_lines
        # every name the prose says something of (declared, given a range, described): a parameter of its own
        reader.declared_names = {symbol_name(d.name) for d in said.declarations}
        reader.said_onehot = {d.name for d in said.declarations if d.kind == "onehot"}
        # "\mathbf{1} \in \mathbb{R}^n": the length of a vector of ones written without one (one length said, a size)
        if len({d.sizes[0] for d in said.ones}) == 1 and part_notation.size_name(said.ones[0].sizes[0]):
            reader.ones_length = (said.ones[0].sizes[0], said.ones[0].written, lines.of(said.ones[0].offset))
        # (what the words say of a name, "P is the row-wise softmax", is not read: a chain that gives P a formula
        # derive does not read still leaves P's meaning unknown, see _Builder._undeclared_arrays)
        reader.said_names = reader.declared_names | {symbol_name(n) for n, *_ in said.described}
        reader.prime_transpose = prime_transpose
        # "$X \sim \mathrm{Bernoulli}(p)$": random variables, for \mathbb{E}[...] and \operatorname{Var}(...)
        reader.law_statements = tuple(said.laws)
        # (what the prose makes a fixed number, a size, a vector or a matrix: never a random variable in words)
        reader.fixed_names = {symbol_name(d.name) for d in said.declarations
                              if d.kind in ("scalar", "parameter", "range", "size", "vector", "matrix", "index")} \
            - {symbol_name(n) for n, _, words, _ in said.described if _RANDOM_WORDS.search(words)} \
            - {symbol_name(d.name) for d in said.declarations if d.kind in ("restricted", "random")} \
            | {symbol_name(n) for n in said.reals} - {symbol_name(law.name) for law in said.laws}
        # ("Expectations are over the masks, with $h$ fixed")
        reader.held_fixed = {symbol_name(n) for n in said.held_fixed} - {symbol_name(law.name) for law in said.laws}
        reader.fixed_names |= reader.held_fixed
        reader.law_independent = tuple(said.independent)
        reader.events_document = events_document
        reader.event_candidates = event_candidates
        reader.law_mentions = tuple(said.law_mentions) + _posterior_mentions(text, said.laws)
        reader.offset_lines = lines.of
        reader.paragraph_end = lines.paragraph_end
        reader.conditional_definitions = conditional
        reader.sequence_names = set(named)
        reader.step_data = dict(step_data)
        reader.subscript_letters = set(subscript_letters)
        for q in sequences:
            if q.step and q.letter in steps and q.letter not in reader.inferred \
                    and part_notation.kind_of(q.letter) == "size" and not part_notation.sizes.get(q.letter):
                reader.inferred[q.letter] = (f"${q.letter}$ is the step of ${q.written}$ (line {q.line}), a whole "
                                             "number $\\ge 1$", q.line)
        # x_i^T is the i-th row of X: x_i is that row, a vector
        reader.row_families = _row_families(text, part_notation)
        # (k of "$K$ ... (rows $k_j^\top$)", by default an index letter: the family of K's rows, never an index)
        family_indices = {letter for letter in reader.row_families if part_notation.kind_of(letter) == "index"}
        if family_indices:
            reader.notation = reader.notation.without(family_indices)
        # a declaration under a later heading does not reach back into this part (end: its last line)
        reader.stated = {n: at for n, at in part_stated.items() if end is None or at <= end}
        # (a definition that replaces a default holds to the next section, past a run-in \paragraph)
        reader.heading_lines = sorted(lines.of(h) for h in said.headings if h not in said.minor_headings)
        reader.heading_levels = {lines.of(h): said.heading_levels.get(h, 0) for h in said.headings}
        reader.topic_lines = sorted(lines.of(h) for h in said.minor_headings)
        reader.example_topics = _example_topics(text, said.headings, lines)
        reader.part_lines = sorted(lines.of(h) for h in said.parts)
        for d in said.declarations:
            if d.kind != "alias":  # ("so $y$ is a softmax" says what a defined y is, not that it is another y)
                reader.declared_lines.setdefault(d.name, []).append(lines.of(d.offset))
        for name, offset in said.values:  # "now $z = 5$": the value given earlier holds no longer
            reader.declared_lines.setdefault(name, []).append(lines.of(offset))
        for m in _LET_BE.finditer(text):
            # "For $T > 0$ let $\mathbf{s}$ be the softmax of $\mathbf{z}/T$ instead": a meaning the words give anew
            # (not read), so the formula given earlier holds no longer
            reader.declared_lines.setdefault(m.group(1) or m.group(2), []).append(lines.of(m.start()))
        for n, at, words, _ in said.described:
            # "$\Phi$ is the standard normal CDF", "$\varphi$ its density": those functions, in the whole document
            known = _STANDARD_NORMAL_WORDS.get(next((k for k, pattern in _STANDARD_NORMAL_SAID.items()
                                                     if pattern.search(words)), None))
            if known is not None and re.fullmatch(r"\\?[A-Za-z]+", n) and n not in ("e", "d"):
                reader.described_functions[n] = (lines.of(at), words, known)
        reader.correcting_lines = {line for line, lead in leads
                                   if _CORRECTING_LEAD.search(_DISPLAY_OPENING.sub("", lead.rstrip()))} | {
            line_of(item.chain.terms[0]) for item in items if item.chain.terms and _RETRACTING.search(
                text[max(text.rfind("\n\n", 0, item.chain.offset), item.chain.offset - 600, 0):item.chain.offset])}
        reader.pi_constant = bool(_PI_CONSTANT.search(text))
        bars = _BARS_LENGTH.search(text)
        reader.bars_length = lines.of(bars.start()) if bars else 0
        pi_name = _PI_NAMED.search(text)
        reader.pi_named = "" if pi_name is None else (
            f"${' '.join(pi_name.group(0).split())}$" if pi_name.group(0).startswith("\\")
            else f"\"{' '.join(pi_name.group(0).split())}$\"") + f" on line {lines.of(pi_name.start())}"
        # "so $\hat\alpha = \frac{5}{\ln 36}$": a number the words draw, for a name (see DocumentContext._drawn_from_a_formula)
        # "x^{k+1} = x^k - t \nabla f(x^k)": superscripts that count iterations, never powers (x^0 = 0 is the start)
        reader.iterate_names = {m.group(1): line_of(item.chain.terms[0]) for item in items if len(item.chain.terms) > 1
                                for m in [_ITERATE_LEFT.fullmatch(item.chain.terms[0].text)] if m
                                and re.search(re.escape(m.group(1)) + r"\s*\^\s*(?:\{\s*" + m.group(2) + r"\s*\}|"
                                              + m.group(2) + r"(?![A-Za-z]))",
                                              " ".join(t.text for t in item.chain.terms[1:]))}
        # "a classmate told me that means $S_\lambda(v) = v - \lambda \operatorname{sign}(v)$", and a later chain gives
        # S_\lambda a formula again: the first is a claim the words report or draw, never the definition
        reader.claimed_first = {item.chain.terms[0].offset for item in items if item.inline is not None
                                and len(item.chain.terms) > 1 and item.chain.relations[0] == "="
                                and _REPORTED_LEAD.search(item.inline.before[-80:])
                                and (head := _left_head(item.chain.terms[0].text)) is not None
                                and not any(_left_head(earlier.chain.terms[0].text) == head for earlier in items
                                            if earlier.chain.offset < item.chain.offset and earlier.chain.terms)
                                and any(_left_head(later.chain.terms[0].text) == head for later in items
                                        if later.chain.offset > item.chain.offset and len(later.chain.terms) > 1
                                        and later.chain.relations[0] == "="
                                        and names_in(later.chain.terms[1].text) - NUMERIC_WORDS)}
        # "..., so $$\rho(T_J) = \frac{1}{12}$$": a value the words before work out (see DocumentContext._value_worked_out)
        reader.derived_values = {item.chain.terms[0].offset for item in items if len(item.chain.terms) > 1
                                 and _DRAWN_LEAD.search(_words_before(text, item)[-80:])}
        reader.drawn_numbers = {item.chain.terms[0].offset for item in items if item.inline is not None
                                and len(item.chain.terms) == 2 and tuple(item.chain.relations) == ("=",)
                                and not names_in(item.chain.terms[1].text) - NUMERIC_WORDS
                                and _DRAWN_LEAD.search(item.inline.before[-80:])}
        # (how many chains give each lone name a formula, \tau = -b/(a^2 + b^2) and \tau = b/c^2: two)
        reader.formula_lefts = formula_lefts
        reader.fresh_definitions = {item.chain.terms[0].offset for item in items if item.inline is not None
                                    and item.chain.terms and len(item.chain.terms) > 1
                                    and (_EXAMPLE_LEAD.search(item.inline.before)
                                         or _run_in_example(text, item.chain.offset))} | {
            item.chain.terms[0].offset for item in items if item.inline is None and item.chain.terms
            and len(item.chain.terms) > 1 and _NEW_EXAMPLE.search(
                text[max(text.rfind("\n\n", 0, item.chain.offset), item.chain.offset - 500, 0):item.chain.offset])}
        # "It lands at the positive root of $h$, $t_1 = \frac{15 + \sqrt{617}}{4.9}$": a value the words say the name
        # is (a root, a minimiser), which the formula works out: a result, never the name's definition
        reader.result_definitions = {item.chain.terms[0].offset: " ".join(found.group(0).split()).rstrip(" ,")
                                     for item in items if item.inline is not None and len(item.chain.terms) > 1
                                     and item.chain.relations and item.chain.relations[0] == "="
                                     for found in [_RESULT_LEAD.search(item.inline.before[-100:])] if found}
        # "since only the first unit is active, $\delta_1 = (0, 0)^T$", "so $q = 3$", "which gives $$\delta_2 = -3.5$$":
        # numbers the words draw for a name no other chain gives a formula: a result worked out (it may be the mistake,
        # carried on), never the name's definition
        reader.worked_results = {
            item.chain.terms[0].offset: " ".join(found.group(0).split()).rstrip(" ,")
            for item in items if len(item.chain.terms) == 2
            and tuple(item.chain.relations) == ("=",) and item.chain.terms[0].offset not in reader.result_definitions
            and not names_in(item.chain.terms[1].text) - NUMERIC_WORDS and re.search(r"\d", item.chain.terms[1].text)
            and sum(1 for other in items if other.chain.terms and len(other.chain.terms) > 1
                    and _left_head(other.chain.terms[0].text) == _left_head(item.chain.terms[0].text)) == 1
            for found in [_WORKED_LEAD.search(_words_before(text, item)[-80:])] if found
            and not _SETTING_WORDS.search(found.group(0))}
        # "So the characteristic polynomial of $M$ is $$p(\lambda) = ...$$" of a p an earlier chain gives a formula: a
        # result worked out for a new case (which may be the mistake), never p's definition (DocumentContext._result_again)
        earlier_heads = {}
        for item in sorted(items, key=lambda it: it.chain.offset):
            if item.chain.terms and len(item.chain.terms) > 1:
                earlier_heads.setdefault(_left_head(item.chain.terms[0].text), item.chain.offset)
        reader.worked_again = {
            item.chain.terms[0].offset for item in items if item.inline is None and len(item.chain.terms) > 1
            and item.chain.relations and item.chain.relations[0] == "="
            and earlier_heads.get(_left_head(item.chain.terms[0].text), item.chain.offset) < item.chain.offset
            and re.match(r"\s*(?:so|hence|thus|therefore|then)\b",
                         re.split(r"(?<=[.!?])\s+(?![^$]*\$[^$]*$)", _words_before(text, item))[-1], re.I)}
        reader.doubted_lines = {line_of(item.chain.terms[0]): lines.of(found) for item in items if item.chain.terms
                                for found in [_doubted_after(text, 0, item.chain.offset)] if found is not None}
        # (what the words say \log and a bare norm mean holds in the definitions too: h(p) = -p \log p - ... in bits)
        reader.log_base, reader.default_norm = _stated_conventions(text, lines)
        # (the functions defined by cases, learned after the chains: never "a value worked out" of an undefined one)
        reader.cases_named = {name for name, *_ in piecewise}
        reader.learn(everything, section=None if section is None else learned(section))
        reader.unreadable_cases = {}  # functions defined by cases that cannot be read in this part
        for name, argument, pieces, line in piecewise:
            if end is not None and line > end:
                continue  # defined under a later heading
            why = _define_by_cases(reader, name, argument, pieces, line)
            if why:
                reader.unreadable_cases[name] = (line, why)
        return reader

    # One reader per part of the document under a heading (they differ only in how the default
    # vectors are typed there); one for the whole document when it has no headings.
    def stated_in(p) -> dict:
        _, d_p, a_p = aliased_by_part[p]
        return {n: min(r.line for r in rs if r.line is not None) for n, rs in {**d_p, **a_p}.items()
                if any(r.line is not None for r in rs)}

    def last_line_before(offset: int) -> int:
        # (a heading that opens its line, "**(b) Gradient.** Entry by entry $z_k = ...$", takes the whole line)
        # ("## Example: $f(x) = e^x$": the heading's marks are no words before it; its formulas open the new part)
        start = text.rfind("\n", 0, offset) + 1
        before = re.sub(r"^\s*(?:#{1,6}\s|\\(?:sub)*section\*?\s*\{|\\(?:sub)?paragraph\*?\s*\{)", "", text[start:offset])
        return lines.of(offset) - 1 if not before.strip() else lines.of(offset)

    readers = {p: reader_for([it for it, q in zip(items, part_of) if q == p and not it.piecewise]
                             if len(parts) > 1 else None, aliased_by_part[p][0], stated_in(p),
                             last_line_before(bounds[p]) if len(parts) > 1 and p < len(bounds) else None,
                             lines.of(bounds[p - 1]) if len(parts) > 1 and 0 < p <= len(bounds) else None)
               for p in parts}
    unread = _unread_declarations(said.declarations, lines)
    unread.update(_outputs_called_functions(said.declarations, items, lines))
    conventions = _stated_conventions(text, lines)
    for p, reader in readers.items():
        for letter in reader.row_families:
            unread.pop(letter, None)  # (a family declared as the rows of a matrix is read)
        reader.prose_sizes = set(aliased_by_part[p][0].sizes) - set(given.sizes)
        reader.log_base, reader.default_norm = conventions
        for word, why in unread.items():
            reader.conflicts.setdefault(word, why)
    builder = _Builder(readers[parts[0]] if parts else base_reader, notation, lines)
    builder.sided_lines = sided_lines
    for law in said.laws:
        builder.law_parameters.setdefault(law.name, set()).update(n for p in law.params for n in names_in(p))
    builder.global_lines = global_lines
    builder.all_heading_lines = sorted(lines.of(h) for h in said.headings)
    builder.set_lines = set_lines
    builder.unreadable_definitions.update(unreadable)
    names_by_part = {p: {**aliased_by_part[p][1], **aliased_by_part[p][2]} for p in parts}
    builder.layout_line = layout_line
    builder.layout_conflict = layout_conflict
    builder.sequences = sequences
    builder.step_lefts = [(line_of(item.chain.terms[0]), " ".join(item.chain.terms[0].text.split())) for item in items
                          if len(item.chain.terms) > 1 and item.chain.relations and item.chain.relations[0] == "="]
    builder.lone_lefts_at = {}  # (the lines of the chains that give each name alone on their left, in their order)
    for at, left in builder.step_lefts:
        key = lone_name_key(left)
        if key is not None:
            builder.lone_lefts_at.setdefault(symbol_name(key), []).append(at)
    builder.left_named = {symbol_name(m.group(1)) for item in items if item.chain.terms and len(item.chain.terms) > 1
                          for m in [_LONE_LEFT.match(item.chain.terms[0].text)] if m}
    builder.left_given = {key: [(line, value) for line, _, value in found] for key, found in lone_lefts.items()}
    builder.left_numbers = {key: [line for line, named, _ in found if not named] for key, found in lone_lefts.items()}
    for item in items:  # (what each lone left name's equations are written in: tau = (z_1 + z_2 - 1)/2)
        m = _LONE_LEFT.match(item.chain.terms[0].text) if item.chain.terms and len(item.chain.terms) > 1 else None
        if m:
            builder.left_formulas.setdefault(symbol_name(m.group(1)), set()).update(
                symbol_name(n) for t in item.chain.terms[1:] for n in names_in(t.text))
    builder.definition_arrays = {_defined_label(d): {str(b.label) for b in _free_arrays(d.body)} for d in definitions}
    whole = {d.name for d in said.declarations if not re.match(r"\s*" + re.escape(d.name) + r"\s*_", d.written)}
    declared_arrays = {d.name: d.offset for d in sorted(said.declarations, key=lambda d: -d.offset)
                       if d.kind in ("vector", "matrix") and not re.search(r"_", d.name)}
    # (a declared vector or matrix some chain gives a formula: the offset of the first such chain)
    builder.restated = restated
    builder.formula_given = {}
    for item in items:
        given_chain = item.chain
        lone = _LONE_VECTOR.fullmatch(given_chain.terms[0].text) \
            if len(given_chain.terms) > 1 and given_chain.relations[0] == "=" else None
        array = (lone.group(1) or lone.group(2)) if lone else None
        if array in declared_arrays and declared_arrays[array] < given_chain.offset \
                and array not in names_in(given_chain.terms[1].text) \
                and names_in(given_chain.terms[1].text) - NUMERIC_WORDS - {"\\top", "T"} \
                and not _WRITTEN_ARRAY_TEXT.search(given_chain.terms[1].text) and given_chain.offset not in example_vectors:
            builder.formula_given.setdefault(array, given_chain.offset)
    builder.families = {d.name: lines.of(d.offset) for d in said.declarations
                        if d.kind == "vector" and d.name not in whole and re.match(r"\s*" + re.escape(d.name) + r"\s*_", d.written)}
    # ("waits of 2, 3 and 5 minutes: $n = 3$": a size given a number in passing, an example's, in its paragraph)
    builder.data_offsets = list(said.data)
    builder.entry_values = [(name, at) for name, at in said.values if re.fullmatch(r"\\?[A-Za-z]+_\{?\d+\}?", name)] + [
        (m.group(1), im.offset) for im in said.inline
        for m in [re.fullmatch(r"\s*(\\?[A-Za-z]+_\{?\d+\}?)\s*=\s*-?\d+(?:\.\d+)?\s*[,.;]?\s*", im.text)] if m] + [
        (" ".join(m.group(1).split()), im.offset) for im in said.inline for m in (_value_chain(im) or ([], None))[0]
        if re.fullmatch(r"\\?[A-Za-z]+\s*_\s*\{?\s*\d+\s*\}?", m.group(1))]
    builder.sentence_values = sorted({(c.left, c.right, c.offset) for im in said.inline for c in im.conditions
                                      if c.value and c.equal and not c.order and "_" not in c.left}, key=lambda v: v[2])
    builder.example_vectors = [(name, right, offset) for offset, (name, right) in sorted(example_vectors.items())]
    # (every row of a display the words call equations to solve: its first line's lead, and the rows after it)
    builder.solved_lines = set()
    builder.worded = {symbol_name((m.group(1) or m.group(2)).strip()) for m in _WORDED_VALUE.finditer(text)}
    builder.set_in_words = {symbol_name((m.group(1) or m.group(2)).strip()) for m in _SET_TO.finditer(text)}
    builder.worded |= builder.set_in_words
    # ("put $a$ and $b$ as the columns of $A \in \mathbb{R}^{3 \times 2}$": a matrix the words build, not read)
    builder.worded_arrays = {}
    for m in _WORDED_ARRAY.finditer(text):
        # (the vectors it is built of: the mathematics of its sentence before "as the columns of", or after "with
        # columns")
        if m.group(1):
            sentence = text[max(text.rfind(". ", 0, m.start()), text.rfind("\n\n", 0, m.start()), 0):m.start()]
        else:
            sentence = text[m.end():m.end() + 120].split(". ")[0]
        parts = {symbol_name(n) for math in re.findall(r"\$([^$]+)\$", sentence) for n in names_in(math)}
        builder.worded_arrays[symbol_name(next(g for g in m.groups() if g).strip())] = parts
    # (of those, the ones the words give a meaning for the whole document, "$q$ denotes $1 - p$", never the value
    # of an example, "setting $x$ equal to $1$")
    builder.worded_meaning = {symbol_name((m.group(1) or m.group(2)).strip()) for m in _WORDED_MEANING.finditer(text)}
    builder.chain_texts = {}  # line -> the terms of the chains that start on it (what a definition there is written in)
    # (every name the document's mathematics writes: its displays and the $...$ of its prose)
    builder.math_names = {g for item in items for t in item.chain.terms for g in names_in(t.text)} | {
        g for im in said.inline for piece in [im.text, *re.findall(r"\$+([^$]+)\$+", im.before)] for g in names_in(piece)} \
        | {g for piece in re.findall(r"\$+([^$]+)\$+", text) for g in names_in(piece)}
    for item in items:
        if item.chain.terms:
            first = item.chain.terms[0]  # (the line its text starts on, as defined_at counts it)
            builder.chain_texts.setdefault(lines.start(first), []).extend(
                t.text for t in item.chain.terms)
    for item in items:
        if item.inline is None and item.chain.terms:
            opening = max(text.rfind("$$", 0, item.chain.offset), text.rfind("\\[", 0, item.chain.offset),
                          text.rfind("\\begin", 0, item.chain.offset))
            lead = _DISPLAY_OPENING.sub("", _lead(text, opening).rstrip()) if opening >= 0 else ""
            if opening >= 0 and _IN_THE_EXAMPLE.search(lead):
                builder.example_claims.add(item.chain.offset)
            if opening >= 0 and _METHOD_LEAD.search(lead):
                builder.method_leads.add(item.chain.offset)
            last = item.chain.terms[-1]
            closing = [c for c in (text.find("$$", last.offset), text.find("\\]", last.offset),
                                   text.find("\\end", last.offset)) if c >= 0]
            follow = re.sub(r"^(?:\$\$|\\\]|\\end\s*\{[^{}]*\})\s*", "", text[min(closing):min(closing) + 200]) \
                if closing else ""
            follow = follow.split("\n\n")[0]  # (the words right after it, in the paragraph that follows)
            solved = _SOLVED_IN_WORDS_AFTER.match(follow)
            if solved and len(item.chain.terms) == 2 and solved.group(1) in names_in(item.chain.terms[0].text + " "
                                                                                   + item.chain.terms[1].text):
                # (what the words after it make of one of its letters: the equation holds where they say)
                builder.solved_lines.add(line_of(item.chain.terms[0]))
            if opening >= 0 and (_SYSTEM_LEAD.search(lead) or _SOLVES_LEAD.search(lead) or _CURVE_LEAD.search(lead)
                                 or _AT_A_POINT_LEAD.search(lead[-200:])):
                builder.solved_lines.add(line_of(item.chain.terms[0]))
                builder.unknowns.setdefault(line_of(item.chain.terms[0]), set()).update(
                    n for t in item.chain.terms for n in names_in(t.text))
        elif item.inline is not None and item.chain.terms:
            before = item.inline.before.rstrip()
            if _IN_THE_EXAMPLE.search(before):
                builder.example_claims.add(item.chain.offset)
            if _METHOD_LEAD.search(before):
                builder.method_leads.add(item.chain.offset)
            if _SOLVES_LEAD.search(before) or _CURVE_LEAD.search(before):
                builder.solved_inline.add(item.chain.offset)
                # ("Solve $\sqrt{x + 5} = x - 1$. Squaring gives:" and the display after it: its unknowns' equations;
                # an unknown is written on both sides, never a parameter on one, the gamma of V = r + gamma P V)
                sides = [names_in(t.text) - NUMERIC_WORDS for t in item.chain.terms]
                both = set.intersection(*map(set, sides)) if len(sides) > 1 else set()
                if both:
                    builder.unknowns.setdefault(lines.of(item.inline.offset), set()).update(both)
    # (a case the words open, "with $m < n$", reaches only the displays right after it: said with the shapes, for all)
    builder.differentiating = bool(_DIFFERENTIATING.search(text))
    builder.ranged_names = frozenset(symbol_name(re.sub(r"[{}\s]", "", n.group(0)))
                                     for m in re.finditer(r"\$([^$]+)\$", text)
                                     if re.search(r"<|>|\\[lg]eq?\b|\\in\b", m.group(1))
                                     for n in re.finditer(r"\\?[A-Za-z]+(?:\s*_\s*(?:\{\s*\w+\s*\}|\w))?", m.group(1)))
    sized = builder.reader.notation
    builder.size_orders_said = [Condition(m.group(1), m.group(3), False, m.start(), _SIZE_ORDERS[m.group(2)])
                                for m in _SIZE_ORDER_SAID.finditer(text)
                                if sized.kind_of(m.group(1)) == "size" and sized.kind_of(m.group(3)) == "size"
                                and _SHAPE_SAID.search(_sentence_around(text, m.start()))]
    builder.given_numbers = sorted({(symbol_name(c.left), c.offset) for im in said.inline for c in im.conditions
                                    if c.equal and (c.value or c.fraction is not None)}
                                   | {(symbol_name(name), offset) for name, _, offset in said.numbers}
                                   | {(symbol_name(name), offset) for name, offset in said.values}
                                   | {(symbol_name(" ".join(m.group(1).split())), im.offset) for im in said.inline
                                      for m in [_GIVEN_NUMBER.fullmatch(im.text)] if m})
    # (the values of a worked example, "take $w = 0$ and $x = 2$", and those a sentence's case gives)
    builder.example_numbers = sorted(set(builder.sentence_values) | {
        (name, number, offset) for name, number, offset in said.numbers if "_" not in name}, key=lambda v: v[2])
    builder.size_examples += [(name, lines.of(offset)) for name, offset in said.values
                              if notation.size_name(name) or notation.kind_of(name) == "size"]
    bold = {d.name: lines.of(d.offset) for d in said.declarations if d.kind in ("vector", "family") and re.search(
        r"\\(?:mathbf|boldsymbol|bm)\s*\{\s*" + re.escape(d.name) + r"\s*\}", d.written)}
    # (only a name every declaration writes in bold: one also declared plain, x \in R^{1 x N}, is that vector)
    builder.bold_declared = {n: at for n, at in bold.items() if not any(
        d.name == n and d.name in _written_plain(d.written.split("\\in")[0]) for d in said.declarations)}
    columns = [d for d in said.declarations if d.kind == "gradient-columns"]
    builder.gradient_line = lines.of(columns[0].offset) if columns else None
    einstein = _EINSTEIN.search(text)
    builder.einstein_line = lines.of(einstein.start()) if einstein else None
    cases = _case_rewrites(said, lines)
    # (line, names, text) of what the prose assumes; y \in \{0, 1\} is one: a counterexample at y = 1/2 is none
    hypotheses: list[tuple[int, frozenset, str, tuple | None]] = [
        (lines.of(d.offset), frozenset({d.name, re.sub(r"\s*_.*$", "", d.name)}), f"${d.written}$ (line {lines.of(d.offset)})",
         None)
        for d in said.declarations if d.kind in ("restricted", "entries")]  # (y_i \in \{-1, 1\}: said of the vector y)
    for par in prose:
        if markdown and par.words.lstrip().startswith("|") and par.words.count("|") >= 4:
            # a table (| group 1 | $a$ | $b$ | $R_1$ |): what it gives its names (R_1 = a + b, a margin) is not read,
            # so a claim holding them is not refuted at other values of them
            # (the names a cell holds alone, $R_1$; a table of formulas, a cheat sheet's, relates nothing unread)
            named = frozenset(n for piece in par.pieces if piece.kind == "math"
                              and re.fullmatch(r"\s*\\?[A-Za-z]+(?:\s*_\s*(?:\{[^{}]*\}|\w))?\s*", piece.text)
                              for n in names_in(piece.text)
                              if n not in ("e", "\\pi") and n.lstrip("\\") not in BUILTIN_FUNCTIONS)
            if named:
                at = lines.of(par.offset)
                hypotheses.append((at, named | frozenset(re.sub(r"\s*_.*$", "", n) for n in named),
                                   f"the table on line {at}, which relates {', '.join(f'${n}$' for n in sorted(named))} "
                                   "in ways derive does not read", None))
    # "for a unit vector $\\mathbf{u} \\in \\mathbb{R}^n$": every such u is w / ||w|| for a nonzero vector w
    scoped: dict[str, int] = {}  # a supposition said of its paragraph only: the text -> the paragraph's last line
    for m in _UNIT_VECTOR.finditer(text):
        group = 1 if m.group(1) is not None else 2
        named = names_in(m.group(group).split("\\in")[0])
        if len(named) == 1:
            (word,) = named
            at = lines.of(m.start(group))
            hypotheses.append((at, frozenset({word}), f"${word}$ is a unit vector (line {at})",
                               _unit_constraint(base_reader, word, at)))
            if group == 1 and re.search(r"\bfor\s*$", text[max(0, m.start() - 8):m.start()], re.I):
                # "For a unit vector $w$ the projections ...": said of that paragraph's statements, never of a
                # Lagrangian later that frees w of its constraint
                scoped[f"${word}$ is a unit vector (line {at})"] = _displays_after(text, lines.paragraph_end(at))
    finite = [(d.name, tuple(int(v) for v in d.sizes), f"${d.written}$ (line {lines.of(d.offset)})")
              for d in said.declarations if d.kind == "restricted" and d.sizes and "_" not in d.name]
    # (y_i \in \{-1, +1\} of a vector y, y \in \{0, 1\}^n: every entry of y in that set)
    # (p \in (0, 1)^n: the entries of p in that interval, as EntrySet writes it)
    entry_finite = [(symbol_name(re.sub(r"\s*_.*$", "", d.name)),
                     f"{d.sizes[0]}{d.sizes[1]}, {d.sizes[2]}{d.sizes[3]}" if d.sizes[0] in "([" else
                     "{" + ", ".join(d.sizes) + "}", f"${d.written}$ (line {lines.of(d.offset)})")
                    for d in said.declarations if d.sizes and (d.sizes[0] in "([" or all(re.fullmatch(r"-?\d+", v) for v in d.sizes))
                    and (d.kind == "entries" or d.kind == "restricted" and re.fullmatch(r"[^_]+_\{?[a-z]\}?", d.name))
                    and not _qualified_set(text, d.offset)]
    steps = []
    shown: list = []  # the inline equations read as suppositions: (where among the steps, its row), put in at the end
    unread_inline: list = []  # the inline equations whose every link is refused (see _after_an_unread_premise)
    regions: dict[str, tuple[str, int]] = {}  # a function the words give on an interval ("On $[0, 1]$ ..."): where
    supposed = None  # the inline mathematics just read as a supposition
    declared_names = {d.name for d in said.declarations if d.kind in ("scalar", "vector", "range", "restricted")}
    for item, part in zip(items, part_of):
        reader = builder.reader = readers[part]
        builder.notation = reader.notation
        chain = item.chain
        first = chain.terms[0]
        worded_for = None  # "for an even size" before an inline claim: its condition in words
        restated_key = None  # a function given a formula again in words not read, checked here as a claim about it
        if item.inline is not None:
            defined = reader.definition_at(first.offset) or reader.last_link_definition(first.offset)
            head = _head_and_arity(first.text) if len(chain.terms) == 2 and tuple(chain.relations) == ("=",) else None
            arguments = re.findall(r"\\?[A-Za-z]+", first.text[first.text.find("(") + 1:]) if head else []
            if head and head[1] and not defined and symbol_name(head[0]) in reader.lambdas \
                    and (reader.defined_at.get(symbol_name(head[0])) or lines.of(first.offset)) < lines.of(first.offset) \
                    and _APPLIED_NAME.match(first.text) \
                    and not any(symbol_name(a) in reader.values for a in arguments) \
                    and not _CLAIM_LEAD.search(item.inline.before[-40:]) \
                    and not _DRAWN_LEAD.search(item.inline.before[-60:]) \
                    and head[0] not in reader.described_functions \
                    and any(re.search(r"(?<![A-Za-z\\])" + re.escape(a) + r"(?![A-Za-z])", chain.terms[1].text)
                            for a in arguments):
                # (f(z) = 2 of a z the document gives a value, or F(x) = 7: a value claimed, never a new formula)
                # "Adding a linear term, $F(x) = x_1 x_2 + 3 x_1$" of an F defined before: a claim about F, or its new
                # definition in words not read (see _Builder.steps)
                builder.restated.add(first.offset)
                key = symbol_name(head[0])
                restated_key = key
                if key not in reader.corrected:
                    # "For the cube root take $f(x) = x^{1/3}$" of an f defined before, not read as its new formula, or
                    # "**5. $T(n) = 2T(n/4) + \sqrt{n}$.**" opening another part: a use after it means either formula
                    # (this one is checked as a claim, under what the words say: see kept_back below)
                    given_line = lines.start(first)
                    anew = "defined anew" if _GIVING_LEAD.search(item.inline.before[-50:]) else "given a formula again"
                    reader.corrected[key] = (given_line, f"{written_name(head[0])} is {anew} on line {given_line} "
                                             f"(after line {reader.defined_at.get(key)}), in words not read as its "
                                             "definition: which formula a use after it means is not read")
            left_names = names_in(first.text) if _BARE_NAME.match(first.text) and len(chain.terms) == 2 else set()
            # "... and $s = \sum_i v_i h_i$" of an s a display defined before: a claim about it, checked
            numbered = re.fullmatch(r"\s*(\\?[A-Za-z]+)\s*_\s*\{?\s*(\d+)\s*\}?\s*", first.text)
            key = f"{symbol_name(numbered.group(1))}_{numbered.group(2)}" if numbered \
                else symbol_name(next(iter(left_names))) if len(left_names) == 1 else None
            at = reader.defined_at.get(key, float("inf")) if key is not None else float("inf")
            restated = ((at < lines.of(chain.offset) and not _HYPOTHESIS_START.match(item.inline.before))
                        or (at <= lines.of(chain.offset) and _CONSEQUENCE.search(item.inline.before[-30:]) is not None)) \
                and not _CONDITION_BEFORE.search(item.inline.before[-60:])  # ("the inputs so that $r^2 = ...$")
            # "let $\operatorname{LSE}(x) = ...$": a built-in function defined as the document means it, a claim
            # about the usual one that the steps using it take for granted (see _given_builtins)
            builtin = _builtin_head(first.text, reader.notation) if len(chain.terms) == 2 else None
            # "... has nonnegative entries with $\sum_k y_k = 1$": a constraint on a free vector said with
            # "with", "where", "such that": a supposition as after "let"
            # (or joined to a declaration before it: "weights $\pi_k > 0$, $\sum_k \pi_k = 1$")
            constraint = not defined and not restated and (_CONSTRAINT_BEFORE.search(item.inline.before[-60:])
                                                           or item.inline.with_declaration) \
                and _sum_constraint(reader, chain, lines.of(chain.offset)) is not None
            # (one supposition joined to the one before by "and" or a comma is one too)
            joined = _JOINED_TO_MATH.search(item.inline.before)
            continued = supposed is not None and joined is not None \
                and " ".join(joined.group(1).split()) == " ".join(supposed.text.split()) \
                and not _DERIVATIVE_MARK.search(first.text)  # (with $v = 1/x$, $v' = -1/x^2$: a derivative, claimed)
            # (a value given with a definition, "a single example $x_1 = 1$, $y_1 = 0$", is given too)
            supposed = item.inline if defined and _BARE_NAME.match(first.text) else None
            # "we have $\eta = \log \lambda$" of an eta the prose declared (eta in R) and no display defines: how
            # the two are tied, not a claim that holds for every eta and lambda
            tied = len(chain.terms) == 2 and len(left_names) == 1 and left_names <= declared_names \
                and not left_names & names_in(chain.terms[1].text) and at == float("inf") \
                and any(reader.notation.kind_of(n) in (None, "scalar", "vector") for n in names_in(chain.terms[1].text))
            hypothesis_end = _HYPOTHESIS_END.search(item.inline.before[-60:])
            if hypothesis_end is None and re.fullmatch(r"\s*\\?[A-Za-z]+(?:\s*_\s*\{?\w+\}?)?\s*", first.text):
                # "for example $y = (0, 1, 0)$": a name given an example's value, supposed (a function's value at a
                # point after "for instance", $L_0(t) = 1 - t^2$, is claimed)
                hypothesis_end = re.search(r"\bfor\s+(?:instance|example)\s*,?\s*$", item.inline.before[-30:], re.I)
            if hypothesis_end and not _HYPOTHESIS_STRONG.search(item.inline.before[-60:]) \
                    and _DERIVATIVE_MARK.search(first.text):
                hypothesis_end = None  # "with inner derivative $\partial_x (y - x^2) = -2x$": a derivative, claimed
            if hypothesis_end and _ASKED_FOR.search(hypothesis_end.group(0)) and "(" in first.text:
                hypothesis_end = None  # "the value asked for is $f(z) = 2e^2$": a value of the function, claimed
            # ("at $p = \frac{1}{2}$, where $f(p) = \frac{1}{4}$", of an f defined before: its value there, claimed)
            applied = re.match(r"\s*(\\?[A-Za-z]+)\s*\(", first.text)
            at_point = applied is not None and symbol_name(applied.group(1)) in reader.lambdas and any(
                c.equal and (c.value or c.fraction is not None) for c in item.inline.conditions)
            # ("For six faces, $H_6 = 1 + \frac12 + ... = \frac{137}{60}$" of an H_n the document defines at each size:
            # its value at 6, claimed)
            numbered = re.fullmatch(r"\s*(\\?[A-Za-z]+)\s*_\s*(?:\d+|\{\s*\d+\s*\})\s*", first.text)
            at_point = at_point or (numbered is not None and len(chain.terms) >= 2
                                    and symbol_name(numbered.group(1)) in getattr(reader, "size_sequences", {}))
            at_point = at_point or _worked_value(first.text, item.inline.before, reader, lines.of(chain.offset))
            # ("For Gini, $G(S_L) = 1 - (3/4)^2 - (1/4)^2 = 5/8$": a value worked out in numbers, whose arithmetic is
            # claimed whatever the words before it suppose; never dropped as a supposition)
            # (never of a name given a value, "with Bessel's correction $s^2 = 26 / 2 = 13$": a value given anew)
            at_point = at_point or len(chain.terms) >= 3 and "(" in first.text \
                and all(names_in(t.text) <= NUMERIC_WORDS for t in chain.terms[1:])
            # ("for an even size $\det(-M) = \det M$": an operator's or a defined function's value, claimed under the
            # words' condition, which is not read; never a supposition that gives a name a value)
            worded_for = _FOR_WORDS.search(item.inline.before[-60:]) if hypothesis_end is not None \
                and not _HYPOTHESIS_STRONG.search(item.inline.before[-60:]) and _claimed_application(first.text, reader) \
                else None
            at_point = at_point or worded_for is not None
            if not defined and not restated and not builtin and not at_point and ((hypothesis_end
                                                                  or continued) and _BARE_NAME.match(first.text)
                                                                 or _HYPOTHESIS_START.match(item.inline.before)
                                                                 and not _drawn_after_supposing(item.inline.before)
                                                                 or _CONDITION_BEFORE.search(item.inline.before[-40:])
                                                                 or _EQUATION_BEFORE.search(item.inline.before[-40:])
                                                                 or _FROM_BEFORE.search(item.inline.before[-30:])
                                                                 and _BARE_NAME.match(first.text)
                                                                 or constraint or tied):
                supposed = item.inline
                lone = first.text.strip()
                if len(chain.terms) >= 2 and _NUMERIC.fullmatch(chain.terms[-1].text.strip()) \
                        and all(reader.notation.size_name(t.text.strip()) or reader.notation.kind_of(t.text.strip()) == "size"
                                for t in chain.terms[:-1]):
                    # "n = 3", "n = p = 2": an example's sizes
                    builder.size_examples.extend((t.text.strip(), lines.of(chain.offset)) for t in chain.terms[:-1])
                # "let $a = 2$", "suppose ... and $\sum_i p_i = 1$": a supposition, not a claim
                # Only a constraint counts (sum_i p_i = 1): a name's value (z = w^T x + b) bears on the
                # steps that use that name, and a statement about derivatives or functions is not one.
                names = frozenset(n for t in chain.terms for n in names_in(t.text)
                                  if reader.notation.kind_of(n) not in ("index", "size", "function")
                                  and n.lstrip("\\") not in ("sum", "prod", "log", "exp", "ln", "frac"))
                applied = re.match(r"^\s*(\\?[A-Za-z]+|\\(?:operatorname|mathrm|text|mathit)\s*\{\s*\w+\s*\})\s*\([^()]*\)"
                                   r"\s*(?:_\{?\w+\}?)?\s*$", first.text)
                bare = _BARE_NAME.match(first.text)
                if applied:
                    names = frozenset()  # s(x)_i = sigma(x_i): what s means, not a constraint
                    known = re.match(r"^\s*(\\?[A-Za-z]+)\s*\(", first.text)
                    if known and symbol_name(known.group(1)) in reader.lambdas \
                            and reader.defined_at.get(symbol_name(known.group(1))) not in (None, lines.of(chain.offset)):
                        # "For $f(x) = x^2$ we get $f(3) = 9$" of an f defined before: the claims about f suppose it
                        # (never checked with the earlier f)
                        names = frozenset({known.group(1)})
                    head = re.match(r"^\s*(\\?[A-Za-z]+)\s*\(\s*([A-Za-z](?:\s*,\s*[A-Za-z])*)\s*\)\s*$", first.text)
                    if head and len(chain.terms) == 2 and not builtin \
                            and (not head.group(1).startswith("\\") or head.group(1)[1:] in GREEK):
                        # "Let $C(x) = \sum_{n \ge 0} C_n x^n$", a definition that is not read: where C is read as any
                        # function after it, a refutation for some function is none (see _Builder.worded_functions)
                        builder.worded_functions.setdefault(symbol_name(head.group(1)), (
                            lines.of(chain.offset), f"${' '.join(item.inline.text.split())}$"))
                elif bare:
                    names = names & names_in(first.text)
                    if "(" in first.text or any(d.kind == "cases" and d.name in names for d in said.declarations):
                        names = frozenset()
                    if len(chain.terms) == 2 and re.search(r"\\[lcv]?dots|\\begin\{[bpvB]?matrix\}", chain.terms[1].text) \
                            and names_in(chain.terms[1].text) <= names_in(first.text) | \
                            {n for n in names_in(chain.terms[1].text) if reader.notation.kind_of(n) == "size"} \
                            | {"\\dots", "\\ldots", "\\cdots"}:
                        names = frozenset()  # theta = [theta_1, ..., theta_K]: what theta is made of, no constraint
                if re.search(r"\\frac\s*\{\s*(?:d|\\partial)|\\partial|\\nabla", item.inline.text):
                    names = frozenset()
                if names and _implied_by_definitions(reader, chain):
                    names = frozenset()  # "write $c = \sqrt[3]{a}$, so $a = c^3$": what c's definition gives, no constraint
                if names:
                    at = lines.of(chain.offset)
                    hypotheses.append((at, names, f"${item.inline.text.strip()}$ (line {at})",
                                       _sum_constraint(reader, chain, at)))
                shown.append((len(steps), _supposition_shown(builder, chain, item.inline.before, lines)))
                continue
            if not defined and chain.relations and chain.relations[0] != "=":
                continue
        conditions = tuple(item.inline.conditions) if item.inline is not None else ()
        if item.inline is not None:
            # "For $n \ge 2$ the roots ... . Similarly $\sum_k \sin^2(k \pi / n) = n / 2$": an inequality an earlier
            # sentence of the paragraph states, of a name the claim holds, which it may rely on
            held_here = set().union(*(names_in(t.text) for t in chain.terms))
            conditions += tuple(c for c in item.inline.earlier if c.left in held_here
                                and not any(d.letters() == c.letters() for d in conditions))
        if item.inline is not None and not item.piecewise:
            # "$\ell'(m) = 0$ for $m > 1$": the condition said right after it
            end = item.inline.offset + len(item.inline.text)
            after = _CASE_AFTER.match(text[end + 1:end + 120]) if text[end:end + 1] == "$" else None
            if after is not None and "\\in" not in after.group(1):
                found = branch_conditions(after.group(1), end + 1 + after.start(1))
                conditions += tuple(dataclasses.replace(c, adjacent=True) for c in found or ())
        if item.inline is None and not item.piecewise:
            # "$$ ... \max(t, \alpha t) = \alpha t ... $$ where $0 < \alpha < 1$": an order the words state right
            # after the display, of its names
            conditions += _orders_after_display(text, chain)
        conditions += _scope_at(said, chain.offset)
        conditions += tuple(Condition(d.name, d.sizes[1], False, d.offset, d.sizes[0]) for d in said.declarations
                            if d.kind == "range" and d.offset <= chain.offset
                            and not _trivial_for_a_size(d, reader.notation))
        used = set()
        for t in chain.terms:
            used |= names_in(t.text)
        for law in said.laws:
            if law.name in used:
                used |= {n for p in law.params for n in names_in(p)}  # (E[X] of X ~ Bernoulli(p): p is used)
        used |= {reader.entry_aliases[n][0] for n in used if n in reader.entry_aliases}  # (w_{ij}: W's entry)
        here = lines.of(chain.offset)
        by_name = names_by_part[part]
        # (a function's meaning holds in the whole document, also before the line that states it)
        # (every facet the prose gives a name: y in R^3 and one-hot; also of the names a definition it uses holds,
        # L = -\sum_j y_j \log p_j with y one-hot)
        through = builder._held_through_definitions(used)
        told = used | through | {"\\" + n for n in through}
        readings = tuple(dict.fromkeys(r for n in sorted(told & set(by_name)) for r in by_name[n]
                                       if r.line is None or r.line <= here or n in aliased_by_part[part][2]))
        here = lines.of(chain.offset)
        rules = [(p, r, reading) for at, n, p, r, reading in cases if at <= here
                 and any(p.search(t.text) for t in chain.terms)]
        context = _Context(conditions=conditions, readings=readings + tuple(r for _, _, r in rules),
                           line=item.learn_line if item.inline is not None else None,
                           rewrites=tuple((p, r) for p, r, _ in rules), alias=alias_links.get(first.offset),
                           inline=item.inline is not None)
        # (a formula given again is a claim about the function under the words' premise, whatever an earlier one that
        # was given again makes of its other uses)
        kept_back = reader.corrected.pop(restated_key, None) if restated_key is not None else None
        made = builder.steps(chain, context)
        if kept_back is not None:
            reader.corrected[restated_key] = kept_back
        premise = (_after_an_unread_premise(item, unread_inline, lines) or _premise_in_words(item, chain, lines)
                   or _condition_in_words(item, chain, lines)
                   or _another_setting(item, chain, lines, reader)
                   or _formula_given_anew(item, chain, lines, reader)
                   or _another_number(item, chain, lines, reader)) if item.inline is not None \
            else (_display_given_anew(chain, text, lines, reader) or _trial_equation(chain, text, lines))
        if premise:
            # (a proof for every value stands under whatever the premise supposes; a refutation may not)
            made = [dataclasses.replace(step, hypotheses=step.hypotheses + (premise,)) for step in made]
        elif worded_for is not None:
            # (of a claim in numbers alone, whatever the words suppose: a refutation stands)
            words = " ".join(worded_for.group(1).split())
            premise = f"the condition in words \"{words}\" (line {lines.of(item.inline.offset)}), which is not read"
            made = [dataclasses.replace(step, hypotheses=step.hypotheses + (premise,))
                    if any(side is not None and getattr(side.expr, "free_symbols", None) for side in step.terms) else step
                    for step in made]
        label = _case_label(item, made) or _parity_said(item, text, lines, made)
        if label:
            made = [dataclasses.replace(step, hypotheses=step.hypotheses + (label,)) for step in made]
        later = _valued_later(item, text)
        if later:
            made = [dataclasses.replace(step, problem=step.problem or later) for step in made]
        region = _region_said(item, text)
        for defined_name, at in reader.defined_at.items():
            # (a function given on an interval, S(x) = ...; never a variable, t = (x - a) / h)
            if lines.of(item.chain.offset) == at and (defined_name in reader.lambdas or defined_name in reader.vector_functions):
                if region is not None:
                    regions[defined_name] = (region, at)  # "On $[0, 1]$ the formula reduces to $$S(x) = ...$$"
                else:
                    regions.pop(defined_name, None)  # (defined again, everywhere)
        if region is not None:
            other = next(((n, r, at) for n, (r, at) in sorted(regions.items()) if r != region and at < lines.of(item.chain.offset)
                          and (n in used or symbol_name(n) in {symbol_name(u) for u in used})), None)
            if other is not None:
                piece_name, piece_region, piece_at = other
                made = [dataclasses.replace(step, problem=step.problem or (
                    f"{piece_name} is given on ${piece_region}$ (line {piece_at}), and this claim is said on ${region}$: "
                    "another piece?")) for step in made]
        if item.inline is not None and made and all(m.problem and not m.problem.startswith(_READ_PROBLEMS) for m in made):
            unread_inline.append(item.inline)
        builder.seen_names |= used
        # (what the prose assumes of a name holds where a defined name holds it: r = sqrt(x^2 + eps), "if eps = 0")
        held = {str(getattr(s, "label", s)) for n in used for table in (reader.values, reader.matrix_values)
                if symbol_name(n) in table and isinstance(getattr(table[symbol_name(n)], "expr", None), sp.Basic)
                for s in table[symbol_name(n)].expr.free_symbols | table[symbol_name(n)].expr.atoms(sp.IndexedBase)}
        # (and what the steps hold as read, through the definitions they carry and the sequences they unroll:
        # \hat m_t = g_t holds beta_1 through \hat m_t = m_t / (1 - beta_1^t))
        for step in made:
            for e in [side.expr for side in step.terms if side is not None and isinstance(getattr(side, "expr", None), sp.Basic)] \
                    + [d.body for d in step.assume.definitions if isinstance(d.body, sp.Basic)]:
                held |= {str(getattr(s, "label", s)) for s in e.free_symbols | e.atoms(sp.IndexedBase)}
        # (and where a function the document defines holds it: f(x) = x^T A x / 2 - b^T x holds A)
        for n in used:
            if n in reader.vector_functions:
                body, own = reader.vector_functions[n][2], {reader.vector_functions[n][0]}
            else:
                fn = reader.lambdas.get(n)
                body, own = getattr(fn, "expr", None), set(getattr(fn, "variables", ()))
            if isinstance(body, sp.Basic):  # (never its own variables: y and f of l(y, f) = log(1 + e^{-y f}))
                held |= {str(getattr(s, "label", s)) for s in (body.free_symbols | body.atoms(sp.IndexedBase)) - own}
        # (an index letter said to take a few values, j \in \{1, 2\}, is used where it is a subscript, h_j)
        subscripted = {m.group(1) for t in chain.terms for m in re.finditer(r"_\s*\{?\s*([a-z])(?![A-Za-z])", t.text)}
        # ("let $u = (1, 0)^T$" of an example the chain is checked at: the example's entries, no supposition)
        # (unless the chain uses a name defined in the example's paragraph, p = (1/6, 1/3, 1/2) after z = (...): what
        # the example gives, as likely a claim about a p defined before, so the supposition stays)
        since = [reader.defined_at.get(symbol_name(n)) for n in used]
        at_example = {(line_at, str(d.name.label)) for d, _, line_at in builder.example_entries
                      if not any(at is not None and at >= line_at for at in since)}
        # (x in \int_1^\infty x^{-3} dx is bound there: what the prose supposes of a free x, du = 2x dx, is not of it)
        bound = _bound_only(chain, made)
        applicable = [(text, c) for at, names, text, c in hypotheses
                      if lines.of(chain.offset) <= scoped.get(text, lines.of(chain.offset))
                      and (names & (used | subscripted) - bound
                                                                          or {symbol_name(x) for x in names} & held
                                                                          # ("so that $r^2 = ...$" of r = |x_1 - x_2|,
                                                                          # said of a claim in x_1 through c = e^{-r^2})
                                                                          or {symbol_name(x) for x in names}
                                                                          & (builder._held_as_written(used - bound)
                                                                             - {symbol_name(u) for u in used}))
                      and at <= lines.of(chain.offset)
                      and not (names and all((at, symbol_name(x)) in at_example for x in names))]
        # "$\Phi$ is the standard normal CDF": a function described in words only, which derive reads as any
        # function; a claim true of that one may be false of others, so a counterexample must be that function
        # (a random variable read through its law, inside E[...] or Var(...) only, is what its law says)
        random = {symbol_name(law.name) for law in said.laws} - {
            str(a) for step in made for side in step.terms
            for a in side.expr.free_symbols | {b.label for b in side.expr.atoms(sp.IndexedBase)}}
        # (and where a definition applies it: GELU(x) = x Phi(x), then GELU(-1) = GELU(1) - 1)
        undefined = {type(f).__name__ for step in made for side in step.terms for f in side.expr.atoms(AppliedUndef)}
        # "a flip happens only when ..., so $s_k h_k < 0$ and [display]": an inequality of a formula (no name's range,
        # which is read) said earlier in the chain's paragraph, of names the chain holds: what the chain may rely
        # on, a supposition (a proof stands, a refutation does not)
        paragraph = max(text.rfind("\n\n", 0, chain.offset), 0)
        for order, order_at in said.orders:
            if not paragraph <= order_at < chain.offset \
                    or not _FORMULA_INEQUALITY.fullmatch(_SCRIPT_GROUPS.sub(" ", order).strip(" ,.;")):
                continue
            if set(names_in(order)) & (used | held | {symbol_name(u) for u in used}):
                applicable.append((f"${order.strip(' ,.;')}$ (line {lines.of(order_at)})", None))
        applicable += [(f"{words} (line {lines.of(at)})", None) for n, at, words, applied in said.described
                       if (n in used or symbol_name(n) in undefined or n.lstrip("\\") in undefined)
                       and n not in reader.lambdas and n.lstrip("\\") not in BUILTIN_FUNCTIONS
                       and symbol_name(n) not in random
                       and (not applied or reader.notation.kind_of(n) is None
                            and (n not in used or any(re.search(re.escape(n) + r"(?![A-Za-z])\s*'*\s*\(", t.text)
                                                      for t in chain.terms)))]
        # "let A be symmetric": a square matrix checked as every symmetric one (see Step.symmetric), no hypothesis
        symmetric = {n: lines.of(at) for n, at, words, applied in said.described
                     if (n in used or symbol_name(n) in held or n in held) and not applied
                     and words == f"${n}$ is symmetric" and at <= chain.offset and _standing(text, at)
                     and len(reader.notation.matrices.get(n, ())) == 2
                     and reader.notation.matrices[n][0] == reader.notation.matrices[n][1]
                     and not _said_not_symmetric(text, n, chain.offset)}
        # "$\\nabla_w (w^\\top A w) = 2Aw$ for symmetric $A$": the claim just before the words, for every symmetric A
        symmetric.update({n: lines.of(at) for n, at, words in said.described_after
                          if (n in used or symbol_name(n) in held or n in held) and _said_after(text, chain, at)
                          and len(reader.notation.matrices.get(n, ())) == 2
                          and reader.notation.matrices[n][0] == reader.notation.matrices[n][1]})
        # "$W \\in \\mathbb{R}^{n \\times n}$ with zero diagonal": checked for every such matrix (see Step.hollow)
        hollow = {n: lines.of(at) for n, at, words, applied in said.described
                  if (n in used or symbol_name(n) in held or n in held) and not applied
                  and words == f"${n}$ has zero diagonal" and at <= chain.offset and _standing(text, at)
                  and len(reader.notation.matrices.get(n, ())) == 2
                  and reader.notation.matrices[n][0] == reader.notation.matrices[n][1]}
        if hollow:
            applicable = [(t, c) for t, c in applicable
                          if not any(t == f"${n}$ has zero diagonal (line {at})" for n, at in hollow.items())]
            made = [dataclasses.replace(step, hollow=tuple(sorted(symbol_name(n) for n in hollow)),
                                        readings=step.readings + tuple(
                                            Reading("declaration", f"${n}$ has zero diagonal: checked for every such "
                                                    f"${n}$", at) for n, at in sorted(hollow.items())))
                    for step in made]
        unsaid = {n for n, _, words, _ in said.described if words == f"${n}$ is symmetric"
                  and _said_not_symmetric(text, n, chain.offset)}
        if unsaid:
            # ("If $A$ is not symmetric, ..."): any matrix here, whatever was said of it before
            applicable = [(t, c) for t, c in applicable if not any(t.startswith(f"${n}$ is symmetric (") for n in unsaid)]
        if symmetric:
            applicable = [(text, c) for text, c in applicable
                          if not any(text == f"${n}$ is symmetric (line {at})" for n, at in symmetric.items())]
            made = [dataclasses.replace(step, symmetric=tuple(sorted(symbol_name(n) for n in symmetric)),
                                        readings=step.readings + tuple(
                                            Reading("declaration", f"${n}$ is symmetric: checked for every symmetric ${n}$", at)
                                            for n, at in sorted(symmetric.items()))) for step in made]
        # "let A be symmetric positive definite": checked for every such matrix (see Step.definite), no hypothesis
        definite = {}
        for said_name, said_at, words, applied in said.described:
            m = _DEFINITE.fullmatch(words[len(f"${said_name}$ is "):]) if words.startswith(f"${said_name}$ is ") else None
            if m and (said_name in used or symbol_name(said_name) in held or said_name in held) and not applied \
                    and said_at <= chain.offset and _standing(text, said_at) \
                    and len(reader.notation.matrices.get(said_name, ())) == 2 \
                    and reader.notation.matrices[said_name][0] == reader.notation.matrices[said_name][1]:
                definite[said_name] = (lines.of(said_at), m.group(1) is None and m.group(2) is None, words)
        if definite:
            said_words = {f"{words} (line {at})" for at, _, words in definite.values()}
            applicable = [(t, c) for t, c in applicable if t not in said_words]
            made = [dataclasses.replace(step, definite=tuple(sorted((symbol_name(n), strict)
                                                                    for n, (_, strict, _) in definite.items())),
                                        readings=step.readings + tuple(
                                            Reading("declaration", f"{words}: checked for every symmetric positive "
                                                    f"{'definite' if strict else 'semidefinite'} ${n}$", at)
                                            for n, (at, strict, words) in sorted(definite.items()))) for step in made]
        # "let A be invertible": a square matrix checked where its determinant is not 0, no hypothesis
        invertible = {n: lines.of(at) for n, at, words, applied in said.described
                      if (n in used or symbol_name(n) in held or n in held) and not applied
                      and words in (f"${n}$ is invertible", f"${n}$ is nonsingular", f"${n}$ is non-singular")
                      and at <= chain.offset and _standing(text, at)}
        for said_name, said_line in sorted(invertible.items()):
            nonzero = _nonzero_determinant(made, symbol_name(said_name))
            if nonzero is None:
                continue
            applicable = [(t, c) for t, c in applicable if t != f"${said_name}$ is {_property_word(t)} (line {said_line})"]
            made = [dataclasses.replace(step, terms=tuple(
                dataclasses.replace(side, domain=side.domain + (nonzero,)) if side is not None else None
                for side in step.terms), readings=step.readings + (
                Reading("declaration", f"${said_name}$ is invertible: checked where its determinant is not 0", said_line),))
                for step in made]
        # (e_k = x_k - sqrt(a) "with the error" a sequence's terms: used, written out where the step reads it)
        applicable = [(t, c) for t, c in applicable
                      if not any(r.line is not None and t.startswith("$") and t.endswith(f"(line {r.line})")
                                 and r.text.split("$")[1].split("_")[0] == t[1:].split("_")[0]
                                 for r in builder.sequence_readings)]
        constraints, constrained = [], set()
        for _, c in applicable:
            if c is not None and c[0].name not in constrained:
                constraints.append(c)
                constrained.add(c[0].name)
        assumed = tuple(text for text, c in applicable if c is None or c not in constraints)
        if constraints:
            # sum_i p_i = 1 said of a free vector p: the step is checked for every such p (see _sum_constraint)
            made = [dataclasses.replace(step, assume=step.assume + Assumptions(constraints=tuple(d for d, _ in constraints)),
                                        readings=step.readings + tuple(r for _, r in constraints)) for step in made]
        if assumed:
            # (an index letter's values, j in {1, 2}, are no number's: the supposition stays one a counterexample
            # must meet, never tried value by value)
            values = tuple((symbol_name(name), vals, text) for name, vals, text in finite if text in assumed
                           and (name in used or name not in subscripted))
            arrays = {str(b.label) for step in made for side in step.terms for b in side.expr.atoms(sp.IndexedBase)}
            entries = tuple((name, vals, text) for name, vals, text in entry_finite if text in assumed and name in arrays)
            made = [dataclasses.replace(step, hypotheses=step.hypotheses + assumed, values=values, entry_values=entries)
                    for step in made]
        steps += made
    steps = _given_builtins(steps, notation)
    steps = _guessed_one_hot(steps, said)
    # (the suppositions' rows after the passes over the steps: what they suppose is read already, and a row not
    # checked is no definition of a built-in name)
    for at, row in reversed(shown):
        steps.insert(at, row)
    stem = name.rsplit(".", 1)[0]
    # (a default definition the document replaces with its own, yhat = W a, is not how it reads the name)
    replaced = set().union(*(r.overrides for r in readers.values())) if readers else set()
    # (only the default names the steps use, and those their definitions use: the notation a report lists)
    present = {symbol_name(n) for step in steps for t in step.texts for n in names_in(t)}
    for step in steps:
        for side in step.terms:
            present |= {str(a) for a in side.expr.free_symbols} | {str(b.label) for b in side.expr.atoms(sp.IndexedBase)}
    kept: list = []
    for _ in range(len(definitions) + 1):
        kept = [d for d in definitions if _defined_label(d) in present]
        more = {str(a) for d in kept for a in d.body.free_symbols} | {str(b.label) for d in kept
                                                                      for b in d.body.atoms(sp.IndexedBase)}
        if more <= present:
            break
        present |= more
    definitions = tuple(kept)
    text_notes = tuple(f"{k} := {v}" for k, v in notation.definitions.items() if symbol_name(k) not in replaced
                       and symbol_name(k) in present)
    text_notes += tuple(f"{k} is one-hot at {v}" for k, v in notation.onehot.items() if symbol_name(k) in present)
    return Derivation(id=slug(stem), topic="document", source=name, title=_title(text, markdown, name),
                      statement="", steps=tuple(steps),
                      assume=Assumptions(definitions=definitions, text=text_notes))
