"""Display mathematics in Markdown, found by a CommonMark parser (markdown-it-py with dollarmath, amsmath).

Code blocks, inline code and HTML comments are never read as mathematics, because the parser never
gives their text to the math rules. Reading takes time linear in the size of the document: rules
that would search for a missing closing delimiter from every opening one (an unclosed ``$$`` or
``\\begin{align}`` repeated on every line) first look the closing line up in an index built once.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["MathBlock", "math_blocks"]

_EQNO_REV = re.compile(r"^\s*\)([^)$\r\n]+?)\(\s*\${2}")  # dollarmath's "$$ (label)" read backwards
_OPEN_ENV = re.compile(r"^\\begin\{(\w+)(\*?)\}")
_LABEL = re.compile(r"^\d+[a-z]?$")
_UNCLOSED = re.compile(r"\$\$|\\begin\{(?:equation|align|gather|multline|eqnarray|flalign)\*?\}")


@dataclass(frozen=True)
class MathBlock:
    """One display: its LaTeX, where it starts in the document, and how to place an offset in it.

    ``offset`` is where ``content`` begins in the document when ``exact``; otherwise the content was
    reassembled by the parser (a block quote, a list item) and ``line`` is the line (0-based) of its
    first line, so lines stay right and columns are approximate.
    """

    content: str
    offset: int
    line: int
    exact: bool
    label: str = ""
    environment: bool = False  # content is a whole \begin{...}...\end{...}
    problem: str = ""


def _closing_lines(state, key: str, closes) -> list[int]:
    """The lines (sorted) of the document that ``closes`` accepts, computed once per parse."""
    cache = state.env.setdefault("_derive_closing_lines", {})
    if key not in cache:
        src, begins, ends = state.src, state.bMarks, state.eMarks
        cache[key] = [n for n in range(len(ends)) if closes(src[begins[n]:ends[n]])]
    return cache[key]


def _has_closer(state, key: str, closes, start: int, end: int) -> bool:
    lines = _closing_lines(state, key, closes)
    n = bisect.bisect_left(lines, start)
    return n < len(lines) and lines[n] < end


def _guard_dollar(rule):
    def closes(line: str) -> bool:
        return line.rstrip().endswith("$$") or bool(_EQNO_REV.match(line[::-1]))

    def guarded(state, start: int, end: int, silent: bool) -> bool:
        first = state.src[state.bMarks[start] + state.tShift[start]:state.eMarks[start]]
        if first.startswith("$$") and first.count("$$") > 2:
            return False  # several displays on one line: each is read inside the paragraph
        if first.startswith("$$") and "$$" not in first.strip()[2:] and not _EQNO_REV.match(first[::-1]):
            if not _has_closer(state, "$$", closes, start + 1, end):
                return False
        return rule(state, start, end, silent)

    return guarded


def _guard_environment(rule):
    def guarded(state, start: int, end: int, silent: bool) -> bool:
        first = state.src[state.bMarks[start] + state.tShift[start]:state.eMarks[start]]
        m = _OPEN_ENV.match(first)
        if m:
            closing = f"\\end{{{m.group(1)}{m.group(2)}}}"
            if not _has_closer(state, closing, lambda line: line.rstrip().endswith(closing), start, end):
                return False
        return rule(state, start, end, silent)

    return guarded


def _brackets_block(state, start: int, end: int, silent: bool) -> bool:
    r"""``\[ ... \]`` on lines of their own (CommonMark would read ``\[`` as an escaped bracket)."""
    if state.sCount[start] - state.blkIndent >= 4:
        return False
    begin = state.bMarks[start] + state.tShift[start]
    if not state.src.startswith("\\[", begin):
        return False
    first = state.src[begin:state.eMarks[start]].rstrip()
    if len(first) >= 4 and first.endswith("\\]"):
        last = start
    else:
        lines = _closing_lines(state, "\\]", lambda line: line.rstrip().endswith("\\]"))
        n = bisect.bisect_left(lines, start + 1)
        if n == len(lines) or lines[n] >= end:
            return False
        last = lines[n]
    if silent:
        return True
    state.line = last + 1
    token = state.push("math_block_brackets", "math", 0)
    token.block = True
    text = state.getLines(start, last + 1, state.sCount[start], False)
    opening, closing = text.find("\\["), text.rfind("\\]")
    token.content = text[opening + 2:closing]
    token.map = [start, last + 1]
    return True


def _brackets_inline(state, silent: bool) -> bool:
    r"""``\[ ... \]`` inside a paragraph; a failed search is remembered so the scan stays linear."""
    src, pos = state.src, state.pos
    if not src.startswith("\\[", pos):
        return False
    failed = state.env.get("_derive_no_bracket")
    if failed is not None and failed[0] is src and pos >= failed[1]:
        return False
    close = src.find("\\]", pos + 2)
    if close < 0:
        state.env["_derive_no_bracket"] = (src, pos)
        return False
    if not silent:
        token = state.push("math_inline_brackets", "math", 0)
        token.content = src[pos + 2:close]
        token.markup = "\\["
    state.pos = close + 2
    return True


@lru_cache(maxsize=1)
def _parser():
    from markdown_it import MarkdownIt
    from mdit_py_plugins.amsmath import amsmath_plugin
    from mdit_py_plugins.dollarmath import dollarmath_plugin

    md = MarkdownIt("commonmark")
    md.use(dollarmath_plugin, allow_labels=True, allow_space=True, allow_digits=True, allow_blank_lines=True,
           double_inline=True)
    md.use(amsmath_plugin)
    for name, guard in (("math_block", _guard_dollar), ("amsmath", _guard_environment)):
        rule = md.block.ruler.__rules__[md.block.ruler.__find__(name)]
        md.block.ruler.at(name, guard(rule.fn), {"alt": list(rule.alt)})
    md.block.ruler.before("fence", "math_block_brackets", _brackets_block,
                          {"alt": ["paragraph", "reference", "blockquote", "list"]})
    md.inline.ruler.before("escape", "math_inline_brackets", _brackets_inline)
    # Links, emphasis and the rest do not bear on mathematics, and some scan quadratically on odd input.
    md.disable(["link", "image", "reference", "emphasis", "strikethrough", "entity", "autolink",
                "text_join", "linkify", "replacements", "smartquotes"], ignoreInvalid=True)
    return md


class _Placer:
    """Finds each display's text in the document, moving forward only (so the search stays linear)."""

    def __init__(self, text: str):
        self.text = text
        self.starts = [0]
        self.starts += [m.end() for m in re.finditer("\n", text)]
        self.cursor = 0

    def line_start(self, line: int) -> int:
        return self.starts[min(max(line, 0), len(self.starts) - 1)]

    def place(self, content: str, first: int, last: int, skip_lines: int = 0, **extra) -> MathBlock:
        lo = max(self.cursor, self.line_start(first))
        hi = self.line_start(last) if last < len(self.starts) else len(self.text)
        found = self.text.find(content, lo, max(hi, lo)) if content else -1
        if found >= 0:
            self.cursor = found + len(content)
            return MathBlock(content, found, first, True, **extra)
        rows = content.strip().splitlines()
        if rows:
            # (a display inside a list item: its lines are indented in the text, not in the content)
            at = self.text.find(rows[0], lo, max(hi, lo))
            end = self.text.find(rows[-1], at) + len(rows[-1]) if at >= 0 else -1
            if at >= 0 and end >= at and end <= max(hi, lo) \
                    and self.text[at:end].split() == content.split():
                self.cursor = end
                return MathBlock(self.text[at:end], at, bisect.bisect_right(self.starts, at) - 1, True, **extra)
        line = first + skip_lines
        return MathBlock(content, self.line_start(line), line, False, **extra)


def _after_label(text: str, block: MathBlock) -> str:
    """A label ``(7)`` written after the closing ``$$``, on the same line or the next."""
    if not block.exact:
        return ""
    end = block.offset + len(block.content)
    if not text.startswith("$$", end):
        return ""
    m = re.compile(r"[ \t]*\n?[ \t]*\((\d+[a-z]?)\)[ \t]*(?:\n|$)").match(text, end + 2)
    return m.group(1) if m else ""


@lru_cache(maxsize=2)
def math_blocks(text: str) -> tuple[tuple[MathBlock, ...], str]:
    """The displays of a Markdown document, in order, and the text of its first heading ("" if none)."""
    tokens = _parser().parse(text)
    placer = _Placer(text)
    blocks: list[MathBlock] = []
    title = ""
    for n, token in enumerate(tokens):
        if token.type == "heading_open" and not title and n + 1 < len(tokens):
            title = tokens[n + 1].content.strip()
        if token.map is None:
            continue
        first, last = token.map
        if token.type in ("math_block", "math_block_label", "math_block_brackets"):
            label = token.info.strip() if token.type == "math_block_label" else ""
            block = placer.place(token.content, first, last, label=label if _LABEL.match(label) else "")
            if not block.label and token.type == "math_block":
                label = _after_label(text, block)
                if label:
                    block = MathBlock(block.content, block.offset, block.line, block.exact, label)
            blocks.append(block)
        elif token.type == "amsmath":
            blocks.append(placer.place(token.content, first, last + 1, environment=True))
        elif token.type == "inline" and token.children:
            seen, newlines = 0, 0  # how far into the paragraph, and the lines before that point
            for child in token.children:
                unclosed = child.type == "text" and _UNCLOSED.search(child.content)
                if child.type not in ("math_inline_double", "math_inline_brackets") and not unclosed:
                    continue
                where = token.content.find(child.content, seen)
                if where >= 0:
                    newlines += token.content.count("\n", seen, where)
                    seen = where
                if unclosed:
                    line = first + newlines
                    blocks.append(MathBlock(child.content[:200], placer.line_start(line), line, False,
                                            problem=f"{unclosed.group(0)} is never closed"))
                else:
                    blocks.append(placer.place(child.content, first, last, newlines))
    return tuple(blocks), title
