"""The links of a blind-corpus document, found without derive.

A link is an ``=`` between two written terms, outside every bracket (braces, parentheses, square
brackets, ``\\{ \\}``, ``\\begin … \\end``), in a display (``$$ … $$`` in Markdown; ``\\[ … \\]``,
``equation``, ``align`` and ``$$`` in LaTeX) or in inline mathematics (``$ … $``). An aligned row that
opens with ``=`` continues the chain of the row before; any other row, and a ``\\quad`` or ``\\qquad``
outside brackets, starts a chain of its own. A definition by cases, ``f(x) = \\begin{cases} A & … \\\\ B
& … \\end{cases}``, has one link per branch (``f(x) = A``, ``f(x) = B``). Each link is named by the line
of its left term and its two terms as written (``left = right``); a chain of three terms or more also
has its two ends. In a Jupyter notebook (``.ipynb``) each Markdown cell is read as Markdown, its lines
counted from the cell's first line, and a link's key names its cell (``cell 3, line 5: …``; cells
count from 1, code cells included).

    python tests/corpus_blind/links.py FILE     # prints the keys of FILE's links
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

OPEN, CLOSE = "{([", "})]"


@dataclass(frozen=True)
class Link:
    chain: str        # line of the chain's first term ("7", then "7.2" for a second chain there)
    index: int        # 1, 2, … for links; 0 for the ends
    line: int         # line of the left term
    left: str
    right: str
    cell: int = 0     # the notebook cell (1, 2, …) the link is in; 0 outside a notebook

    @property
    def key(self) -> str:
        where = (f"cell {self.cell}, " if self.cell else "") + f"line {self.line}" + (" ends" if self.index == 0 else "")
        return f"{where}: {self.left} = {self.right}"


def macros(path: Path) -> dict[str, str]:
    """The document's macros without arguments (``\\newcommand{\\T}{^\\top}``, ``\\DeclareMathOperator``)."""
    text = path.read_text(encoding="utf-8")
    found = {m.group(1): m.group(2) for m in re.finditer(r"\\newcommand\{(\\[A-Za-z]+)\}\{((?:[^{}]|\{[^{}]*\})*)\}", text)}
    found.update({m.group(1): rf"\operatorname{{{m.group(2)}}}"
                  for m in re.finditer(r"\\DeclareMathOperator\{(\\[A-Za-z]+)\}\{([^{}]*)\}", text)})
    # one argument, \newcommand{\vect}[1]{\mathbf{#1}}: kept with its #1, filled in by expand
    found.update({m.group(1): m.group(2)
                  for m in re.finditer(r"\\newcommand\{(\\[A-Za-z]+)\}\[1\]\{((?:[^{}]|\{[^{}]*\})*)\}", text)})
    return found


def expand(latex: str, table: dict[str, str]) -> str:
    """``latex`` with the macros of ``table`` replaced by their bodies, to a fixed point (a macro's argument
    may hold another, ``\\norm{\\vx}``)."""
    if not table:
        return latex
    for _ in range(5):
        expanded = _expand_once(latex, table)
        if expanded == latex:
            break
        latex = expanded
    return latex


def _expand_once(latex: str, table: dict[str, str]) -> str:
    pattern = "|".join(re.escape(name) + r"(?![A-Za-z])(?:\s*\{([^{}]*)\})?" for name in sorted(table, key=len, reverse=True))

    def fill(m):
        name = m.group(0).split("{")[0].strip()
        body = table[name]
        if "#1" in body:
            argument = next((g for g in m.groups() if g is not None), "")
            return body.replace("#1", argument)
        return body + m.group(0)[len(name):]
    return re.sub(pattern, fill, latex)


def normal(latex: str) -> str:
    """What two spellings of one term share: the text without spaces (and without a remark in parentheses
    written after the equation, \\text{(wrong)})."""
    text = re.sub(r"\s+|&", "", latex)
    return re.sub(r"(?:\\(?:[,;:!]|q?quad)?|~)*\\(?:text|mbox|textrm)\{\([^{}()]*\)\}[,.;]?$", "", text)


def _blank(text: str, pattern: str) -> str:
    return re.sub(pattern, lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


def _mathematics(text: str, tex: bool) -> list[tuple[int, int]]:
    """(start, end) of every piece of mathematics, by offset in ``text``."""
    if tex:
        body = text
        pattern = (r"\$\$(.+?)\$\$|\\\[(.+?)\\\]|\\begin\{(equation\*?|align\*?)\}(.+?)\\end\{\3\}"
                   r"|(?<![\\$])\$([^$]+?)\$")
    else:
        body = _blank(text, r"(?ms)^```.*?^```")
        pattern = r"\$\$(.+?)\$\$|(?<![\\$])\$([^$\n]+?)\$"
    found = []
    for m in re.finditer(pattern, body, flags=re.S):
        group = next(g for g in range(1, (m.lastindex or 0) + 1)
                     if m.group(g) is not None and not (tex and g == 3))
        found.append((m.start(group), m.end(group)))
    return found


def _chains(text: str, start: int, end: int) -> list[list[tuple[int, int]]]:
    """Chains of terms (offsets) in the mathematics text[start:end]."""
    body = text[start:end]
    chains: list[list[tuple[int, int]]] = []
    terms: list[tuple[int, int]] = []
    depth, i, term_start = 0, 0, 0

    def close_term(stop: int) -> None:
        terms.append((term_start, stop))

    while i < len(body):
        c = body[i]
        if body.startswith("\\begin{", i):
            depth += 1
            i = body.index("}", i) + 1
            continue
        if body.startswith("\\end{", i):
            depth -= 1
            i = body.index("}", i) + 1
            continue
        if body.startswith("\\{", i) or body.startswith("\\}", i):
            depth += 1 if body[i + 1] == "{" else -1
            i += 2
            continue
        if c == "\\" and depth == 0 and re.match(r"\\q?quad(?![a-zA-Z])", body[i:]):
            close_term(i)                              # a = b, \qquad c = d: two chains
            chains.append(terms)
            terms = []
            i += len(re.match(r"\\q?quad", body[i:]).group(0))
            term_start = i
            continue
        if c == "\\":
            if depth == 0 and body.startswith("\\\\", i):
                close_term(i)
                if body[i + 2:].lstrip(" \t\n&").startswith("="):   # the chain goes on
                    i = body.index("=", i + 2) + 1
                    term_start = i
                    continue
                chains.append(terms)
                terms = []
                i += 2
                term_start = i
                continue
            i += 2
            continue
        if c in OPEN:
            depth += 1
        elif c in CLOSE:
            depth -= 1
        elif c == "=" and depth == 0:
            close_term(i)
            term_start = i + 1
        i += 1
    close_term(len(body))
    chains.append(terms)
    return [[(start + a, start + b) for a, b in chain] for chain in chains]


def _clean(term: str, last: bool) -> str:
    term = term.strip().strip("&").strip()
    if last:
        term = re.sub(r"\s*[,.;]$", "", term)
    return term.strip()


def cells(path: Path) -> list[tuple[int, str]]:
    """(number, text) of every Markdown cell of a notebook, numbered from 1 among all its cells."""
    notebook = json.loads(path.read_text(encoding="utf-8"))
    found = []
    for number, cell in enumerate(notebook["cells"], start=1):
        if cell.get("cell_type") == "markdown":
            source = cell.get("source", "")
            found.append((number, "".join(source) if isinstance(source, list) else source))
    return found


def links(path: Path) -> list[Link]:
    if path.suffix == ".ipynb":
        return [link for number, text in cells(path) for link in _links(text, False, number)]
    return _links(path.read_text(encoding="utf-8"), path.suffix == ".tex", 0)


def _links(text: str, tex: bool, cell: int) -> list[Link]:
    text = _blank(text,
                  r"\\(tag|label)\{[^}]*\}|\\nonumber|\\notag|\\(begin|end)\{(aligned|split|gathered)\}"
                  + (r"|(?<!\\)%[^\n]*" if tex else ""))
    line_of = lambda offset: text.count("\n", 0, offset) + 1  # noqa: E731
    found: list[Link] = []
    starts: dict[int, int] = {}
    prefix = f"{cell}:" if cell else ""
    for start, end in _mathematics(text, tex):
        for spans in _chains(text, start, end):
            terms = [_clean(text[a:b], k == len(spans) - 1) for k, (a, b) in enumerate(spans)]
            if len(terms) < 2 or not all(terms):
                continue
            lines = [line_of(a + len(text[a:b]) - len(text[a:b].lstrip(" \t\n&"))) for a, b in spans]
            starts[lines[0]] = starts.get(lines[0], 0) + 1
            chain = prefix + str(lines[0]) + ("" if starts[lines[0]] == 1 else f".{starts[lines[0]]}")
            cases = re.fullmatch(r"\\begin\{cases\}(.*)\\end\{cases\}", terms[-1], flags=re.S)
            if len(terms) == 2 and cases:            # f(x) = {A if …, B otherwise}: f(x) = A, f(x) = B
                for k, row in enumerate(re.split(r"\\\\", cases.group(1)), start=1):
                    found.append(Link(chain, k, lines[0], terms[0], row.split("&")[0].strip(), cell))
                continue
            for k in range(1, len(terms)):
                found.append(Link(chain, k, lines[k - 1], terms[k - 1], terms[k], cell))
            if len(terms) > 2:
                found.append(Link(chain, 0, lines[0], terms[0], terms[-1], cell))
    return found


if __name__ == "__main__":
    for name in sys.argv[1:]:
        for link in links(Path(name)):
            print(f"{link.chain:>5} #{link.index}  {link.key}")
