"""A Markdown or LaTeX document as a Derivation: every chain of its display mathematics is a step."""

from __future__ import annotations

import bisect
import itertools
import re

import sympy as sp
from sympy import Idx

from ..errors import FormulaError, NotationError
from ..model import Assumptions, Derivation, Expect, Side, Step, Verdict, slug
from .display import Chain, chains_of
from .limits import MAX_DISPLAYS, MAX_DOCUMENT
from .notation import Notation
from .reader import Reader
from .syntax import names_in

__all__ = ["read_document"]

_PLACEHOLDER = Side(sp.S.Zero)
_NOT_CHECKED = {":=": "a definition (:=) is not checked; declare the name in the notation file"}


class _Lines:
    def __init__(self, text: str):
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def of(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset)

    def position(self, term) -> tuple[int, int]:
        """(line, column), both 1-based, of a term's first written character."""
        offset = term.offset + len(term.text) - len(term.text.lstrip())
        line = self.of(offset)
        return line, offset - self.starts[line - 1] + 1

    def end(self, term) -> int:
        return self.of(term.end if term.end is not None else term.offset + len(term.text.rstrip()))


def _title(text: str, markdown: bool, fallback: str) -> str:
    if markdown:
        from .markdown import math_blocks

        return math_blocks(text)[1] or fallback
    m = re.search(r"\\(?:title|section)\*?\{([^{}]+)\}", text)
    return m.group(1).strip() if m else fallback


def _expect(lhs: Side, rhs: Side) -> Expect:
    """The document claims every link holds; a reading that needs a convention says so."""
    return Expect(Verdict.PROVED, convention=bool(lhs.conventions or rhs.conventions))


class _Builder:
    def __init__(self, reader: Reader, notation: Notation, lines: _Lines):
        self.reader = reader
        self.notation = notation
        self.lines = lines
        self.labels: set[str] = set()
        self.defined: str | None = None  # the name the current display defines
        self.numbers: dict[str, int] = {}
        self.unreadable_definitions: dict[str, tuple[int, str]] = {}  # name -> (line, why not read)

    def label(self, chain: Chain, line: int, suffix: str = "") -> str:
        """The document's label, else the line; made unique the way a reader would tell them apart."""
        base = f"({chain.label})" if chain.label else f"line {line}"
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

    def steps(self, chain: Chain) -> list[Step]:
        line = self.lines.of(chain.offset)
        first = chain.terms[0] if chain.terms else None
        self.reader.line = (self.lines.of(first.offset + len(first.text) - len(first.text.lstrip()))
                            if first is not None else line)
        self.defined = self.reader.definition_at(self.reader.line)
        if chain.problem:
            return [self._problem(self.label(chain, line), chain.latex or chain.terms[0].text, line, chain.problem)]
        used = set().union(*(names_in(t.text) for t in chain.terms)) if chain.terms else set()
        for name in sorted(used & set(self.unreadable_definitions)):
            at, why = self.unreadable_definitions[name]
            # The document gave the name a meaning derive could not read: any other meaning
            # (a default, a guess) would check what the author did not write.
            latex = chain.latex or " ".join(t.text for t in chain.terms)
            return [self._problem(self.label(chain, line), latex, line,
                                  f"uses {name}, which line {at} defines by a formula that is not read ({why})")]
        values, reasons, guessed = [], [], set()
        for term in chain.terms:
            try:
                if not term.text.strip():
                    raise FormulaError("a side is missing")
                values.append(self.reader.read(term.text))
                guessed |= self.reader.guessed()
                reasons.append("")
            except FormulaError as exc:
                values.append(None)
                reasons.append(str(exc))
            except RecursionError:
                values.append(None)
                reasons.append("the formula is nested too deeply")
        self._note_unreadable_definition(chain, values, reasons)
        axis = self._axis(chain, values)
        sides = [self.reader.side(v, axis) if v is not None else None for v in values]
        link_problems = [self._link_problem(chain, n, reasons) for n in range(len(chain.relations))]
        readings = self.reader.readings(guessed, [t.text for t in chain.terms])
        reading = "; ".join(r.text for r in readings)
        texts = tuple(t.text for t in chain.terms)
        positions = tuple(self.lines.position(t) for t in chain.terms)
        end_line = self.lines.end(chain.terms[-1])
        if not any(link_problems):
            return [Step(label=self.label(chain, line), latex=chain.latex, terms=tuple(sides),
                         expect=tuple(_expect(a, b) for a, b in zip(sides, sides[1:])),
                         ends=_expect(sides[0], sides[-1]) if len(sides) > 2 else None,
                         assume=self._assume(sides), line=line, reading=reading, readings=readings,
                         texts=texts, positions=positions, end_line=end_line)]
        steps = []
        for n, problem in enumerate(link_problems):
            where = self.lines.of(chain.terms[n].offset)
            suffix = f", link {n + 1}" if len(chain.relations) > 1 else ""
            latex = f"{' '.join(chain.terms[n].text.split())} {chain.relations[n]} {' '.join(chain.terms[n + 1].text.split())}"
            if problem:
                # A definition is not a claim: "not checked" is what it should get.
                expect = Verdict.UNKNOWN if n == 0 and self.defined else Verdict.PROVED
                steps.append(self._problem(self.label(chain, line, suffix), latex, where, problem, expect))
            else:
                pair = (sides[n], sides[n + 1])
                steps.append(Step(label=self.label(chain, line, suffix), latex=latex, terms=pair,
                                  expect=(_expect(*pair),), assume=self._assume(pair), line=where, reading=reading,
                                  readings=readings, texts=texts[n:n + 2], positions=positions[n:n + 2],
                                  end_line=self.lines.end(chain.terms[n + 1])))
        return steps

    def _note_unreadable_definition(self, chain: Chain, values, reasons) -> None:
        """``name = <a formula derive cannot read>``: remember that the document defines the name."""
        if not chain.relations or chain.relations[0] != "=" or values[0] is None or values[1] is not None:
            return
        left = names_in(chain.terms[0].text)
        if len(left) == 1:
            (name,) = left
            self.unreadable_definitions[name] = (self.lines.of(chain.terms[0].offset + len(chain.terms[0].text)
                                                               - len(chain.terms[0].text.lstrip())), reasons[1])

    def _link_problem(self, chain: Chain, n: int, reasons: list[str]) -> str:
        rel = chain.relations[n]
        if n == 0 and self.defined:
            return (f"the definition of {self.defined} is not checked; {self.defined} has this meaning in the "
                    "displays from here on")
        if rel != "=":
            return _NOT_CHECKED.get(rel, f"the relation {rel} is not checked (only = is)")
        bad = [f"{side} side: {reasons[m]}" for side, m in (("left", n), ("right", n + 1)) if reasons[m]]
        return "; ".join(bad)

    @staticmethod
    def _problem(label: str, latex: str, line: int, problem: str, expect: Verdict = Verdict.PROVED) -> Step:
        return Step(label=label, latex=" ".join(latex.split()), terms=(_PLACEHOLDER, _PLACEHOLDER),
                    expect=(Expect(expect),), line=line, problem=problem)

    def _axis(self, chain: Chain, values) -> Idx | None:
        """An index for vector sides that no term of the chain uses."""
        sizes = {v.size for v in values if v is not None and v.is_vector}
        if not sizes:
            return None
        length = next(iter(sorted(sizes, key=str)))
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

    def _assume(self, sides) -> Assumptions:
        bases = {a.base for s in sides for a in s.expr.atoms(sp.Indexed)}
        onehot = tuple((self.reader.base_of(name), self.reader.free_index(letter))
                       for name, letter in self.notation.onehot.items() if self.reader.base_of(name) in bases)
        return Assumptions(onehot=onehot)


def read_document(text: str, name: str, notation: Notation, markdown: bool = True) -> Derivation:
    """The derivation a document writes: one step per chain of its display mathematics."""
    if len(text) > MAX_DOCUMENT:
        raise FormulaError(f"{name}: {len(text)} characters is beyond the limit of {MAX_DOCUMENT}")
    reader = Reader(notation)
    try:
        definitions = reader.definitions()
    except FormulaError as exc:
        raise NotationError(f"notation: {exc}") from None
    lines = _Lines(text)
    chains = list(chains_of(text, markdown))
    if len(chains) > MAX_DISPLAYS:
        raise FormulaError(f"{name}: {len(chains)} chains of display mathematics is beyond the limit of {MAX_DISPLAYS}")

    def line_of(term) -> int:  # the line of the term's first character, past the display's opening
        return lines.of(term.offset + len(term.text) - len(term.text.lstrip()))

    reader.learn([([(t.text, line_of(t)) for t in c.terms], list(c.relations)) for c in chains])
    builder = _Builder(reader, reader.notation, lines)
    steps = [s for chain in chains for s in builder.steps(chain)]
    stem = name.rsplit(".", 1)[0]
    text_notes = tuple(f"{k} := {v}" for k, v in notation.definitions.items())
    text_notes += tuple(f"{k} is one-hot at {v}" for k, v in notation.onehot.items())
    return Derivation(id=slug(stem), topic="document", source=name, title=_title(text, markdown, name),
                      statement="", steps=tuple(steps),
                      assume=Assumptions(definitions=definitions, text=text_notes))
