"""Sequences at a general step: a step, x_{k+1} = F(x_k), and terms each given by a formula, e_k = G(k).

Newton's method, gradient descent and running averages are written at a general step: the document gives
the step x_{k+1} = F(x_k) (no start value) or each term e_k = x_k - sqrt(a), and then claims relations between
terms at neighbouring steps (e_{k+1} = e_k^2 / (2 x_k)). Such a claim is read by writing every term in the
term at step k, textually, before it is read: x_{k+1} becomes (F), x_{k+2} becomes F of that, and e_{k+1}
becomes (G at k + 1). x_k itself stays what it is, any number, so a claim proved so holds at every step.

The lowest term of a step the claim writes stays (x_k beside x_{k+1}, x_{k-1} beside x_k), and every term above
it is written in it; a step written at k, m_k = F(m_{k-1}), is the same step. A formula whose own sums bind the
claim's step letter is left as written, as the substitution would capture it. What a start value
makes of the iterates (x_k > 0 from x_0 > 0) is not carried: a claim true only of the iterates a start
reaches is checked for every x_k.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .syntax import names_in

_NAME = r"(\\[A-Za-z]+|[A-Za-z])"
_BOUND = re.compile(r"\\(?:sum|prod)\s*_\s*\{?\s*([a-z])")
_MAX_DEPTH = 6  # x_{k+6} at most: a longer unrolling is not what a document claims


@dataclass(frozen=True)
class Sequence:
    name: str      # x, \theta
    letter: str    # the step letter of the formula, k
    formula: str   # a step: name_{letter+1} in name_{letter} (and letter); a term: name_{letter} in letter
    step: bool
    offset: int    # of the chain that gives it: it holds from there on
    line: int
    back: bool = False  # the step as written, name_k = F(name_{k-1}) (formula: the same step, one further)

    @property
    def written(self) -> str:
        return f"{self.name}_{{{self.letter}+1}}" if self.step and not self.back else f"{self.name}_{{{self.letter}}}"


def _pattern(name: str) -> re.Pattern:
    """name_k, name_{k}, name_{k+1}, name_{k - 2}: (letter, sign, amount) in groups 1-3, or the letter in 4."""
    return re.compile(r"(?<![\\A-Za-z])" + re.escape(name) + r"(?![A-Za-z])\s*_\s*(?:\{\s*([a-z])\s*(?:([+-])\s*(\d+)\s*)?\}"
                      r"|([a-z])(?![A-Za-z]))")


def occurrences(text: str, name: str) -> list[tuple[int, int, str, int]]:
    """(start, end, letter, offset) of every name_{letter + offset} in the text."""
    out = []
    for m in _pattern(name).finditer(text):
        letter = m.group(1) or m.group(4)
        amount = int(m.group(3) or 0)
        out.append((m.start(), m.end(), letter, -amount if m.group(2) == "-" else amount))
    return out


def _letter(letter: str) -> re.Pattern:
    return re.compile(r"(?<![\\A-Za-z])" + letter + r"(?![A-Za-z])")


def _at(formula: str, letter: str, target: str, shift: int, names: list[str]) -> str:
    """The formula at step target + shift: each sequence's name_{letter + o} becomes name_{target + shift + o} and
    the letter elsewhere target + shift (in braces where it is a script, g_k -> g_{k+1}, beta^k -> beta^{k+1})."""
    marks = {}
    out = formula
    for name in names:
        def mark(m, name=name):
            letter_here = m.group(1) or m.group(4)
            if letter_here != letter:
                return m.group(0)
            o = int(m.group(3) or 0) * (-1 if m.group(2) == "-" else 1) + shift
            key = f"\x00{len(marks)}\x00"
            marks[key] = f"{name}_{{{target}{'+' if o > 0 else '-'}{abs(o)}}}" if o else f"{name}_{{{target}}}"
            return key
        out = _pattern(name).sub(mark, out)
    value = f"({target} + {shift})" if shift > 0 else f"({target} - {-shift})" if shift < 0 else target
    # (a script of one letter: x_k, beta^k; then x_{k - 1}, a letter inside braces or anywhere else)
    def script(m):
        o = int(m.group(3) or 0) * (-1 if m.group(2) == "-" else 1) + shift
        key = f"\x00{len(marks)}\x00"
        marks[key] = f"{m.group(1)}{{{target}{'+' if o > 0 else '-'}{abs(o)}}}" if o else f"{m.group(1)}{{{target}}}"
        return key
    out = re.sub(r"([_^])\s*(?:" + letter + r"(?![A-Za-z])|\{\s*" + letter + r"\s*(?:([+-])\s*(\d+)\s*)?\})",
                 script, out)
    out = _letter(letter).sub(lambda m: value, out)
    for key, text in marks.items():
        out = out.replace(key, text)
    return out


def find(chains, line_of, declared: set[str]) -> list[Sequence]:
    """The sequences the chains give, in order: the first chain whose left side is name_{k+1} with name_k (and no
    other term of name) on its right gives a step; name_k alone on the left, no earlier chain using name, with a
    formula in k that uses no name_{...} of its own, gives each term. ``chains``: (offset, [term texts], first
    relation, and optionally whether the prose says the chain is claimed or computed, which then gives nothing)."""
    found: dict[str, Sequence] = {}
    everything = " ".join(t for _, texts, *_ in chains for t in texts)
    seen: set[str] = set()
    for offset, texts, relation, *claimed in chains:
        before, seen = seen, seen | {n for t in texts for n in names_in(t)}
        if len(texts) < 2 or relation != "=" or (claimed and claimed[0]):
            continue
        left, right = texts[0].strip(), texts[1]
        m = re.fullmatch(_NAME + r"\s*_\s*(?:\{\s*([a-z])\s*(?:\+\s*(1)\s*)?\}|([a-z]))", left)
        if not m:
            continue
        name, letter, plus = m.group(1), m.group(2) or m.group(4), m.group(3)
        if name in found or name in declared or name in ("d", "\\sum", "\\prod", "\\delta") \
                or any(b == letter for b in _BOUND.findall(right)):
            continue
        own = occurrences(right, name)
        if plus and own and all(l == letter and o == 0 for _, _, l, o in own):
            found[name] = Sequence(name, letter, right, True, offset, line_of(offset))
        elif not plus and own and all(l == letter and o == -1 for _, _, l, o in own) \
                and not re.search(r"(?<![\\A-Za-z])" + re.escape(name) + r"\s*_\s*(?:0|\{\s*0\s*\})", everything):
            # m_k = F(m_{k-1}, k): the same step, written at k; kept as m_{k+1} = F(m_k, k + 1) (not where m_0 is
            # written: a start value, from which the document's recurrence is unrolled, read.context)
            found[name] = Sequence(name, letter, _at(right, letter, letter, 1, [name]), True, offset,
                                   line_of(offset), back=True)
        elif not plus and not own and re.search(r"_\s*\{?\s*" + letter + r"(?![A-Za-z])", right) \
                and name not in names_in(right) and name not in before \
                and any(o for _, _, _, o in occurrences(everything, name)):
            # e_k = x_k - sqrt(a), and e_{k+1} written somewhere: each term by the terms of others at the same step
            # (without a term at another step, e_k = ... is an entry's definition, which the reader reads)
            found[name] = Sequence(name, letter, right, False, offset, line_of(offset))
    return sorted(found.values(), key=lambda s: s.offset)


def expand(texts: list[str], sequences: list[Sequence], at: int) -> tuple[list[str], list[Sequence]]:
    """The chain's terms with every term of a sequence written in the terms at the claim's step (see the module),
    and the sequences it used; the terms unchanged where they cannot be."""
    known = [s for s in sequences if s.offset <= at]
    if not known:
        return texts, []
    names = [s.name for s in known]
    by_name = {s.name: s for s in known}
    used: dict[str, Sequence] = {}
    letters = {l for t in texts for s in known for _, _, l, _ in occurrences(t, s.name)}
    if len(letters) != 1:
        return texts, []  # none, or x_k beside x_j: which step is which is not read
    (target,) = letters
    if any(target in _BOUND.findall(s.formula) for s in known):
        return texts, []  # a formula summing over the claim's letter: the substitution would capture it
    # (a step's terms above the lowest the claim writes, x_{k+1} beside x_k, x_k beside x_{k-1}: the lowest
    # stays, any number, and each one above it is the step from the one below)
    lowest = {s.name: min([0] + [o for t in texts for _, _, l, o in occurrences(t, s.name) if l == target])
              for s in known}
    out = []
    for text in texts:
        for _ in range(_MAX_DEPTH + 1):
            changed = False
            for s in known:
                for start, end, letter, o in reversed(occurrences(text, s.name)):
                    if letter != target or (s.step and o <= lowest[s.name]):
                        continue
                    if o - lowest[s.name] > _MAX_DEPTH:
                        return texts, []
                    # a step: the term at target + o is F at target + o - 1; a term: G at target + o
                    formula = _at(s.formula, s.letter, target, o - 1 if s.step else o, names)
                    text = text[:start] + "\\left(" + formula + "\\right)" + text[end:]
                    used[s.name] = s
                    changed = True
            if not changed:
                break
        else:
            return texts, []
        out.append(text)
    return out, [by_name[n] for n in sorted(used)]
