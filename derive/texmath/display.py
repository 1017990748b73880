"""Display mathematics in Markdown and LaTeX files: the blocks, their rows, and the chains a = b = c.

Offsets into the file are kept throughout (markup that is dropped is blanked, not removed), so every
term knows its line. Code blocks, comments and inline math are not claims and are skipped.
"""

from __future__ import annotations

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


def _blank_all(text: str, pattern: re.Pattern) -> str:
    for m in reversed(list(pattern.finditer(text))):
        text = blank(text, m.start(), m.end())
    return text


@dataclass(frozen=True)
class Term:
    text: str
    offset: int  # of the term's first character in the file


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

def _prepare(text: str, markdown: bool) -> str:
    if markdown:
        text = _blank_all(text, re.compile(r"^(```|~~~).*?^\1[^\n]*$", re.M | re.S))
        text = _blank_all(text, re.compile(r"<!--.*?-->", re.S))
    else:
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


def _label_row(text: str, start: int, end: int) -> tuple[str, int, int, str]:
    """Take an equation label off a row: \\tag{..}, a leading (3), a trailing \\quad (1)."""
    label = ""
    for m in _TAG.finditer(text, start, end):
        label = label or m.group(1).strip()
        text = blank(text, m.start(), m.end())
    m = _LEAD_LABEL.match(text, start, end)
    if m and not label:
        label = m.group(1)
        text = blank(text, m.start(), m.end())
    m = _QUAD_LABEL.search(text, start, end)
    if m:
        label = label or m.group(1)
        text = blank(text, m.start(), m.end())
    return text, start, end, label


def _label_after(text: str, pos: int) -> str:
    m = _AFTER_LABEL.match(text, pos)
    return m.group(1) if m else ""


# --- chains ------------------------------------------------------------------------------------

def _chains_of_block(text: str, start: int, end: int, after: str) -> list[Chain]:
    text = _blank_all(text, _INNER)
    text = _blank_all(text, _DROP)
    text = text[:start] + text[start:end].replace("&", " ") + text[end:]
    chains: list[Chain] = []
    current: _Row | None = None
    for row_start, row_end in _rows(text, start, end):
        text, _, _, label = _label_row(text, row_start, row_end)
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


def chains_of(text: str, markdown: bool) -> list[Chain]:
    """Every chain of relations in the display mathematics of a document, in order."""
    text = _prepare(text, markdown)
    out: list[Chain] = []
    for opening, start, end, problem in _blocks(text):
        if problem:
            out.append(Chain((Term(text[start:end], start),), (), opening, "", problem, ""))
            continue
        after = _label_after(text, end + 2) if text.startswith("$$", end) else ""
        found = _chains_of_block(text, start, end, after)
        if found and not found[0].problem and not found[0].terms[0].text.strip():
            found[0] = _continued(found[0], out[-1] if out else None, start)
        out.extend(found)
    return out


def _continued(chain: Chain, before: Chain | None, start: int) -> Chain:
    """A display that opens with '= ...' continues the chain of the display before it."""
    if before is None or before.problem or not before.terms[-1].text.strip():
        return Chain(chain.terms, chain.relations, chain.offset, chain.label,
                     "the display opens with a relation, and no chain before it to continue", chain.latex)
    last = before.terms[-1]
    latex = _squash(last.text) + " " + chain.latex
    return Chain((last,) + chain.terms[1:], chain.relations, chain.offset, chain.label, "", latex)
