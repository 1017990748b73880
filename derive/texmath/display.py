"""Display mathematics in Markdown and LaTeX files: the blocks, their rows, and the chains a = b = c.

Offsets into the file are kept throughout (markup that is dropped is blanked, not removed), so every
term knows its line. Code blocks, comments and inline math are not claims and are skipped: Markdown
through a CommonMark parser (derive.texmath.markdown), LaTeX by one scan for display environments.
Each display is then split on its own text, so reading takes time linear in the document.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

__all__ = ["Term", "Chain", "chains_of", "blank"]

_ENVIRONMENTS = ("equation", "align", "gather", "multline", "eqnarray", "displaymath", "flalign")
_OPEN = re.compile(r"\$\$|\\\[|\\begin\{(" + "|".join(_ENVIRONMENTS) + r")(\*?)\}")
_INNER = re.compile(r"\\(begin|end)\{(aligned|split|gathered|alignedat|array)\}(\{[^{}]*\})?")
_DROP = re.compile(r"\\(label|eqref|ref)\{[^{}]*\}|\\nonumber\b|\\notag\b")
_TAG = re.compile(r"\\tag\*?\{([^{}]*)\}")
_LEAD_LABEL = re.compile(r"^\s*\((\d+[a-z]?)\)\s+(?=\S)")
_QUAD_LABEL = re.compile(r"\\q?quad\s*\((\w+)\)\s*$")
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


@dataclass
class _Row:
    offset: int
    terms: list = field(default_factory=list)  # Term
    relations: list = field(default_factory=list)
    label: str = ""
    problem: str = ""


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


def _split(text: str, start: int, end: int) -> _Row:
    """One row's terms and the relations between them, found outside every bracket."""
    row = _Row(start)
    depth, n, term = 0, start, start
    unbalanced = False
    while n < end:
        ch = text[n]
        rel = None
        if ch == "\\":
            m = re.compile(r"\\[A-Za-z]+|\\.").match(text, n)
            tok = m.group(0) if m else "\\"
            if depth == 0 and tok in _RELATIONS:
                rel = tok
            else:
                n += len(tok)
                continue
        elif ch in "({[":
            depth += 1
        elif ch in ")}]":
            depth -= 1
            unbalanced |= depth < 0
        elif depth == 0 and text.startswith(":=", n):
            rel = ":="
        elif depth == 0 and ch in "=<>":
            rel = ch
        if rel is not None:
            row.terms.append(Term(text[term:n], term))
            row.relations.append(_RELATIONS[rel])
            n += len(rel)
            term = n
            continue
        n += 1
    row.terms.append(Term(text[term:end], term))
    if unbalanced or depth != 0:
        whole = text[start:end]
        row.terms, row.relations = [Term(whole, start)], []
        if re.search(r"=|\\(neq|approx|leq|geq|le|ge|in)\b|<|>", whole):
            row.problem = "unbalanced brackets: the row cannot be split into sides"
    return row


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
    return text, label


def _label_after(text: str, pos: int) -> str:
    m = _AFTER_LABEL.match(text, pos)
    return m.group(1) if m else ""


# --- chains ------------------------------------------------------------------------------------

def _chains_of_block(text: str, after: str) -> list[Chain]:
    """The chains of one display's content (offsets relative to it)."""
    text = _blank_all(text, _INNER)
    text = _blank_all(text, _DROP)
    text = text.replace("&", " ")
    # Labels are taken off each row in a copy of that row, then the rows are joined again: blanking
    # in the whole display once per row would take time quadratic in its length.
    rows, pieces, done = [], [], 0
    for row_start, row_end in _rows(text, 0, len(text)):
        row_text, label = _label_row(text[row_start:row_end])
        pieces += [text[done:row_start], row_text]
        done = row_end
        rows.append((row_start, row_end, label))
    pieces.append(text[done:])
    text = "".join(pieces)
    chains: list[Chain] = []
    current: _Row | None = None
    for row_start, row_end, label in rows:
        row = _split(text, row_start, row_end)
        row.label = label
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
            current.label = current.label or row.label
        else:
            chains.append(_close(current, text))
            current = row
    chains.append(_close(current, text))
    found = [c for c in chains if c is not None]
    if found and after and not any(c.label for c in found):
        last = found[-1]
        found[-1] = Chain(last.terms, last.relations, last.offset, after, last.problem, last.latex)
    return found


def _squash(text: str) -> str:
    return " ".join(text.replace("\\\\", " ").split())


def _first(text: str, offset: int) -> int:
    """The offset of the first character of a term that is not white space."""
    return offset + len(text) - len(text.lstrip())


def _close(row: _Row | None, text: str) -> Chain | None:
    if row is None or not row.relations or not any(t.text.strip() for t in row.terms):
        return None
    first, last = row.terms[0], row.terms[-1]
    latex = _squash(text[first.offset:last.offset + len(last.text)])
    return Chain(tuple(row.terms), tuple(row.relations), _first(first.text, first.offset), row.label, "", latex)


# A display longer than this is reported, not read: no formula of a derivation comes near it.
MAX_DISPLAY = 100_000


def chains_of(text: str, markdown: bool) -> list[Chain]:
    """Every chain of relations in the display mathematics of a document, in order.

    Markdown is parsed by a CommonMark parser (see derive.texmath.markdown); LaTeX documents are
    scanned once for display environments. Either way the time is linear in the document's length.
    """
    return _chains_of_markdown(text) if markdown else _chains_of_latex(text)


def _chains_of_latex(text: str) -> list[Chain]:
    from .macros import expand_macros

    expansion = expand_macros(text)  # the document's own macros expanded, comments blanked
    text = _prepare(expansion.text)
    out: list[Chain] = []
    for _, start, end, problem in _blocks(text):
        after = _label_after(text, end + 2) if text.startswith("$$", end) else ""
        _add(out, _block_chains(text[start:end], problem, after), lambda o, base=start: base + o, start)
    return [_in_file(c, expansion) for c in out] if expansion.moved else out


def _in_file(chain: Chain, expansion) -> Chain:
    """A chain of the expanded text placed in the file: each term where its text was written."""
    def term(t: Term) -> Term:
        if not t.text.strip():
            return Term(t.text, expansion.start(t.offset))
        lead = len(t.text) - len(t.text.lstrip())  # the offset is kept so that offset + lead is the first character
        last = t.offset + len(t.text.rstrip()) - 1
        return Term(t.text, max(expansion.start(t.offset + lead) - lead, 0), expansion.end(last))

    return Chain(tuple(term(t) for t in chain.terms), chain.relations, expansion.start(chain.offset), chain.label,
                 chain.problem, chain.latex)


def _chains_of_markdown(text: str) -> list[Chain]:
    from .markdown import math_blocks

    blocks, _ = math_blocks(text)
    lines = None
    out: list[Chain] = []
    for block in blocks:
        if block.exact:
            place = (lambda o, base=block.offset: base + o)
        else:
            if lines is None:
                lines = [0] + [m.end() for m in re.finditer("\n", text)]
            place = _line_placer(block, lines)
        if block.environment:
            # \begin{align} ... \end{align} as amsmath gives it: find the environment inside.
            for _, start, end, problem in _blocks(block.content):
                _add(out, _block_chains(block.content[start:end], problem, ""),
                     lambda o, base=start, p=place: p(base + o), place(start))
            continue
        _add(out, _block_chains(block.content, block.problem, block.label), place, place(0))
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
    return _chains_of_block(content, after)


def _add(out: list[Chain], found: list[Chain], place, start: int) -> None:
    """Append a display's chains, placed in the document; a display opening with '=' continues."""
    found = [_placed(c, place) for c in found]
    if found and not found[0].problem and not found[0].terms[0].text.strip():
        found[0] = _continued(found[0], out[-1] if out else None, start)
    out.extend(found)


def _placed(chain: Chain, place) -> Chain:
    return Chain(tuple(Term(t.text, place(t.offset)) for t in chain.terms), chain.relations, place(chain.offset),
                 chain.label, chain.problem, chain.latex)


def _continued(chain: Chain, before: Chain | None, start: int) -> Chain:
    """A display that opens with '= ...' continues the chain of the display before it."""
    if before is None or before.problem or not before.terms[-1].text.strip():
        return Chain(chain.terms, chain.relations, chain.offset, chain.label,
                     "the display opens with a relation, and no chain before it to continue", chain.latex)
    last = before.terms[-1]
    latex = _squash(last.text) + " " + chain.latex
    return Chain((last,) + chain.terms[1:], chain.relations, chain.offset, chain.label, "", latex)
