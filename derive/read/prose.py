"""The prose of a document: its paragraphs and headings, with their inline mathematics, in order.

Markdown goes through the same CommonMark parser as the displays (derive.read.markdown), so code
blocks, inline code and HTML comments are never prose. A LaTeX document's prose is its text outside
the displays, with ``$...$`` and ``\\(...\\)`` as inline mathematics and sectioning commands as
headings. Only where things stand is found here; what the prose says is read by derive.read.context
(``ProseReading``).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

__all__ = ["Piece", "Paragraph", "paragraphs"]


@dataclass(frozen=True)
class Piece:
    """A run of words (``kind`` "text") or of inline mathematics ("math"), where it starts in the file."""

    kind: str
    text: str
    offset: int


@dataclass(frozen=True)
class Paragraph:
    pieces: tuple[Piece, ...]
    offset: int
    heading: bool = False
    minor: bool = False  # a run-in heading (\\paragraph{...}): a new topic, in the same section
    level: int = 0  # a heading's depth (# 1, ## 2; \\section 2, \\subsection 3); 0: a rule (---), which ends every section

    @property
    def words(self) -> str:
        """The paragraph with each piece of mathematics as ``$...$``."""
        return "".join(p.text if p.kind == "text" else f"${p.text}$" for p in self.pieces)


class _Finder:
    """Offsets of the parser's pieces in the file, searched forward from the paragraph's first line."""

    def __init__(self, text: str):
        self.text = text
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def line_start(self, line: int) -> int:
        return self.starts[min(max(line, 0), len(self.starts) - 1)]

    def find(self, piece: str, at: int, limit: int) -> int:
        found = self.text.find(piece, at, limit) if piece else -1
        return found if found >= 0 else at


def _merged(pieces: list[Piece]) -> tuple[Piece, ...]:
    """Adjacent runs of words as one (a line break inside a sentence is a space)."""
    out: list[Piece] = []
    for piece in pieces:
        if out and piece.kind == "text" and out[-1].kind == "text":
            out[-1] = Piece("text", out[-1].text + piece.text, out[-1].offset)
        else:
            out.append(piece)
    return tuple(out)


def _markdown(text: str) -> list[Paragraph]:
    from .markdown import _parser

    tokens = _parser().parse(text)
    finder = _Finder(text)
    out: list[Paragraph] = []
    heading, level = False, 0
    for token in tokens:
        if token.type == "heading_open":
            heading, level = True, int(token.tag[1:]) if token.tag[1:].isdigit() else 1
            continue
        if token.type == "heading_close":
            heading, level = False, 0
            continue
        if token.type == "hr" and token.map is not None:
            # a horizontal rule (---) ends a part as a heading does: the next answer of a thread, another exercise
            at = finder.line_start(token.map[0])
            out.append(Paragraph((Piece("text", " ", at),), at, True))
            continue
        if token.type != "inline" or token.map is None or not token.children:
            continue
        at, limit = finder.line_start(token.map[0]), finder.line_start(token.map[1])
        if limit <= at:
            limit = len(text)
        pieces: list[Piece] = []
        for child in token.children:
            if child.type == "text":
                where = finder.find(child.content, at, limit)
                pieces.append(Piece("text", child.content, where))
                at = where + len(child.content) if where >= at else at
            elif child.type in ("softbreak", "hardbreak"):
                pieces.append(Piece("text", " ", at))
            elif child.type == "math_inline":
                where = finder.find(child.content, at, limit)
                pieces.append(Piece("math", child.content, where))
                at = where + len(child.content)
            elif child.type in ("math_inline_double", "math_inline_brackets"):
                # a display inside the paragraph: what comes after it is a new paragraph
                if pieces:
                    out.append(Paragraph(_merged(pieces), pieces[0].offset, heading, level=level))
                where = finder.find(child.content, at, limit)
                at = where + len(child.content)
                pieces = []
            elif child.type == "code_inline":
                pieces.append(Piece("text", " (code) ", at))
        if pieces:
            out.append(Paragraph(_merged(pieces), pieces[0].offset, heading, level=level))
    return out


_INLINE = re.compile(r"(?<![\\$])\$(?!\$)((?:[^$\\]|\\.)+?)\$|\\\((.+?)\\\)", re.S)
_HEADING = re.compile(r"\\(part|chapter|(?:sub)*section|(?:sub)?paragraph)\*?\{([^{}]*)\}")
# (the depth of a LaTeX sectioning command, as Markdown's # and ##: \section is a document's usual top level)
_DEPTH = {"part": 1, "chapter": 1, "section": 2, "subsection": 3, "subsubsection": 4, "paragraph": 5, "subparagraph": 6}


def _latex(text: str) -> list[Paragraph]:
    from .display import _blocks, _prepare
    from .macros import expand_macros

    expansion = expand_macros(text)  # the prose reads the document's macros as its displays do
    text = _prepare(expansion.text)
    spans = [(start, end) for start, _, end, _ in _blocks(text)]
    gaps, pos = [], 0
    for start, end in spans:
        gaps.append((pos, start))
        pos = text.find("\n", end)
        pos = len(text) if pos < 0 else pos
    gaps.append((pos, len(text)))
    out: list[Paragraph] = []
    for lo, hi in gaps:
        for m in re.finditer(r"(?:[^\n]|\n(?![ \t]*\n))+", text[lo:hi]):
            chunk, base = m.group(0), lo + m.start()
            if not chunk.strip():
                continue
            # a heading (\section{...}) splits its block: the text before it, the heading, the text after
            cut = 0
            for heading in _HEADING.finditer(chunk):
                out += _latex_paragraph(chunk[cut:heading.start()], base + cut)
                out.append(Paragraph((Piece("text", heading.group(2), base + heading.start(2)),),
                                     base + heading.start(), True, "paragraph" in heading.group(1),
                                     _DEPTH[heading.group(1)]))
                cut = heading.end()
            out += _latex_paragraph(chunk[cut:], base + cut)
    if expansion.moved:  # offsets in the file as written, as the displays' are
        out = [Paragraph(tuple(dataclasses.replace(piece, offset=expansion.start(piece.offset)) for piece in p.pieces),
                         expansion.start(p.offset), p.heading, p.minor, p.level) for p in out]
    return out


def _latex_paragraph(chunk: str, base: int) -> list[Paragraph]:
    """The paragraph a piece of LaTeX prose is, with its inline mathematics; none when it is blank."""
    if not chunk.strip():
        return []
    pieces, at = [], 0
    for inline in _INLINE.finditer(chunk):
        if inline.start() > at:
            pieces.append(Piece("text", chunk[at:inline.start()], base + at))
        group = 1 if inline.group(1) is not None else 2
        pieces.append(Piece("math", inline.group(group), base + inline.start(group)))
        at = inline.end()
    if at < len(chunk):
        pieces.append(Piece("text", chunk[at:], base + at))
    return [Paragraph(tuple(pieces), base)] if pieces else []


def paragraphs(text: str, markdown: bool) -> list[Paragraph]:
    """The document's paragraphs and headings outside its displays, in order."""
    return _markdown(text) if markdown else _latex(text)
