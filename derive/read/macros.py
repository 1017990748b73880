"""A LaTeX document's own macros, expanded before its mathematics is read; what LaTeX never typesets, blanked.

``expand_macros`` reads the document once, in order, as TeX does: ``\\newcommand``, ``\\renewcommand``,
``\\providecommand`` and ``\\DeclareRobustCommand`` (with ``[n]`` arguments and an optional first
one with its default), ``\\def`` (``\\gdef``, ``\\edef``, ``\\xdef``; with plain or delimited
parameters), ``\\DeclareMathOperator`` (and starred), ``\\let`` and ``\\newenvironment`` define
names from that point on, and every later use is replaced by its expansion. The definitions
themselves are dropped, so a display written inside one is never read as a display (only where the
macro is used). Comments (``%`` to the end of the line, never ``\\%``), ``\\begin{comment}``,
``\\iffalse … \\fi``, ``\\verb`` and verbatim environments are blanked first. ``\\input`` and
``\\include`` are never followed: ``Expansion.inputs`` names them.

Nothing here evaluates anything: expansion is text substitution, and the expanded text goes to the
same reader as any other. It is bounded: macros nested more than MAX_MACRO_DEPTH deep (a macro
defined in terms of itself), more than MAX_EXPANSIONS expansions, or an expanded document longer
than MAX_EXPANDED characters is a FormulaError naming the macro and its line.

Every character of the expanded text keeps where it came from in the file: its own offset for text
copied as written, the span of the macro's use for text an expansion wrote (``Expansion.start``,
``Expansion.end``), so lines and columns are those of the file.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..errors import FormulaError

__all__ = ["Expansion", "expand_macros", "expand_math_macros", "blank_ignored", "MAX_MACRO_DEPTH", "MAX_EXPANSIONS", "MAX_EXPANDED"]

MAX_MACRO_DEPTH = 64  # macros expanding inside macros; no document's notation comes near it
MAX_EXPANSIONS = 100_000  # expansions in one document (a few seconds of work)
MAX_EXPANDED = 2_000_000  # characters of the expanded document

_NEWCOMMANDS = {"\\newcommand", "\\renewcommand", "\\providecommand", "\\DeclareRobustCommand"}
_DEFS = {"\\def", "\\gdef", "\\edef", "\\xdef"}
_ENVIRONMENTS = {"\\newenvironment", "\\renewenvironment"}
_DEFINERS = _NEWCOMMANDS | _DEFS | _ENVIRONMENTS | {"\\DeclareMathOperator", "\\let"}
_INPUTS = {"\\input", "\\include"}
# Commands that do nothing to mathematics, common in macro bodies (\newcommand{\R}{\ensuremath{\mathbb{R}}\xspace}):
# dropped, so \ensuremath{X} is the group {X}.
_NOTHING_IN_MATH = {"\\ensuremath", "\\xspace", "\\relax"}

_CS = re.compile(r"\\(?:[A-Za-z]+|.)?", re.S)
_BRACES = re.compile(r"\\.|[{}]", re.S)
_BRACKETS = re.compile(r"\\.|[{}\]]", re.S)
_ENDS_IN_WORD = re.compile(r"(?<!\\)(?:\\\\)*\\[A-Za-z]+$")
_PARAMETER = re.compile(r"#(#|[1-9])")
_ENV_NAME = re.compile(r"\s*\{([^{}\\]*)\}")
_WHITE = re.compile(r"\s*")
# What opens and closes a TeX group in the text written so far (escaped braces and \\ skipped).
_GROUP = re.compile(r"\\(begin|end)\s*\{([^{}]*)\}|\\(begingroup|endgroup|bgroup|egroup)(?![A-Za-z])|\\[{}\\]|[{}]")
# A group whose text LaTeX keeps to run later, outside it: definitions there are not local to it.
_DEFERRED = re.compile(r"\\(?:AtBeginDocument|AtEndPreamble|AfterEndPreamble|AtEndOfClass|AtEndOfPackage)\s*$")
_GLOBAL = re.compile(r"\\global\s*$")
_SPACE = re.compile(r"\s+")
_OPTIONAL = re.compile(r"\s*\[")

# What LaTeX never typesets: comments, commented-out blocks, verbatim text.
_VERBATIM = ("comment", "verbatim", "verbatim*", "Verbatim", "Verbatim*", "lstlisting", "minted")
_IGNORED = re.compile(r"%|\\verb(?![A-Za-z])\*?|\\begin\{(" + "|".join(re.escape(v) for v in _VERBATIM)
                      + r")\}|\\iffalse(?![A-Za-z])|\\(?:[A-Za-z]+|.)", re.S)
# \iff (a relation) and \ifthenelse (a command of the ifthen package) open no conditional.
_CONDITIONAL = re.compile(r"\\(if(?!f(?![A-Za-z])|thenelse(?![A-Za-z]))[A-Za-z]*|fi(?![A-Za-z])|else(?![A-Za-z]))"
                          r"|\\.|%[^\n]*", re.S)
# \iffalse given as a meaning (\let\ifdraft\iffalse, \def\x{\iffalse}) is no block of text left out.
_LET_BEFORE = re.compile(r"\\let\s*\\[A-Za-z]+\s*=?\s*$")
_CLOSES_AFTER = re.compile(r"\s*\}")


# an accent whose argument is the next token: \hat\vy is \hat{\mathbf{y}} where \vy is \mathbf{y}
_AFTER_ACCENT = re.compile(r"\\(?:hat|widehat|bar|overline|tilde|widetilde|vec|dot|ddot|check|breve)\s*$")


def _shown(text: str, width: int = 40) -> str:
    """User text as a message shows it: on one line, cut short."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 1] + "…"


def _spaces(text: str) -> str:
    return re.sub(r"[^\n]", " ", text)


def blank_ignored(text: str) -> str:
    """The text with what LaTeX never typesets blanked (newlines kept, so offsets do not move)."""
    spans: list[tuple[int, int]] = []
    conditionals = None
    pos = 0
    while True:
        m = _IGNORED.search(text, pos)
        if not m:
            break
        token, end = m.group(0), m.end()
        if token == "%":
            eol = text.find("\n", end)
            end = len(text) if eol < 0 else eol
        elif token.startswith("\\verb"):
            delimiter = text[end:end + 1]
            if not delimiter or delimiter.isspace() or delimiter.isalpha():
                pos = end
                continue
            eol = text.find("\n", end + 1)
            close = text.find(delimiter, end + 1, len(text) if eol < 0 else eol)
            end = (close + 1) if close >= 0 else (len(text) if eol < 0 else eol)
        elif m.group(1):
            close = text.find(f"\\end{{{m.group(1)}}}", end)
            end = len(text) if close < 0 else close + len(m.group(1)) + 6
        elif token == "\\iffalse" and not _a_meaning(text, m.start(), end):
            if conditionals is None:
                conditionals = _conditionals(text)
            otherwise, fi = conditionals.get(m.start(), (None, None))
            if otherwise is not None:  # \iffalse A \else B \fi: B is typeset
                end = otherwise
                if fi:
                    spans.append(fi)
            else:
                end = fi[1] if fi else len(text)
        else:
            pos = end
            continue
        spans.append((m.start(), end))
        pos = end
    pieces, done = [], 0
    for start, end in sorted(spans):
        start = max(start, done)
        if start < end:
            pieces += [text[done:start], _spaces(text[start:end])]
            done = end
    pieces.append(text[done:])
    return "".join(pieces)


def _a_meaning(text: str, start: int, end: int) -> bool:
    """Whether the \\iffalse at [start, end) is given as a meaning (\\let\\ifdraft\\iffalse, \\def\\x{\\iffalse})."""
    return bool(_LET_BEFORE.search(text[max(start - 80, 0):start]) or _CLOSES_AFTER.match(text, end))


def _conditionals(text: str) -> dict[int, tuple[int | None, tuple[int, int] | None]]:
    """For each \\iffalse (by offset): where its \\else ends (None if it has none) and the span of its
    \\fi (None if never closed); in one pass, conditionals nesting, comments skipped."""
    found: dict[int, tuple[int | None, tuple[int, int] | None]] = {}
    stack: list[list] = []  # [offset, is \iffalse, end of its \else]
    for m in _CONDITIONAL.finditer(text):
        word = m.group(1)
        if not word:
            continue
        if word == "fi":
            if stack:
                start, false, otherwise = stack.pop()
                if false:
                    found[start] = (otherwise, (m.start(), m.end()))
        elif word == "else":
            if stack and stack[-1][2] is None:
                stack[-1][2] = m.end()
        elif not (word == "iffalse" and _a_meaning(text, m.start(), m.end())):
            stack.append([m.start(), word == "iffalse", None])
    for start, false, otherwise in stack:
        if false:
            found[start] = (otherwise, None)
    return found


@dataclass(frozen=True)
class _Macro:
    name: str
    body: str
    line: int
    count: int = 0  # arguments
    default: str | None = None  # of an optional first argument
    # \def with delimited parameters: the tokens before #1, then each parameter's delimiter tokens.
    prefix: tuple[str, ...] = ()
    delimiters: tuple[tuple[str, ...], ...] | None = None
    opaque: bool = False  # \let to a command that is not the document's: written as it is, never expanded again


@dataclass(frozen=True)
class _Environment:
    name: str
    begin: str
    end: str
    line: int
    count: int = 0
    default: str | None = None


@dataclass
class _Frame:
    """Text being read: the file itself (``literal``: offsets are the file's) or a macro's expansion."""

    text: str
    start: int  # where in the file it comes from
    end: int
    literal: bool
    depth: int = 0
    macro: str = ""
    parent: _Frame | None = None
    opaque: bool = False
    pos: int = 0

    def origin(self, pos: int) -> int:
        return pos if self.literal else self.start

    def origin_end(self, pos: int) -> int:
        return pos if self.literal else self.end


@dataclass(frozen=True)
class Expansion:
    """The expanded text and where each of its characters comes from in the file."""

    text: str
    inputs: tuple[str, ...] = ()  # the files \input or \include would bring in, never read: "\input{a} (line 3)"
    # Pieces of the expanded text, in order: (offset in the text, file start, file end, copied as written).
    pieces: tuple[tuple[int, int, int, bool], ...] = ()
    moved: bool = False  # whether any offset differs from the file's
    _keys: tuple[int, ...] = field(default=(), repr=False)

    def _piece(self, offset: int):
        k = bisect.bisect_right(self._keys, offset) - 1
        return self.pieces[max(k, 0)] if self.pieces else (0, 0, 0, True)

    def start(self, offset: int) -> int:
        """Where in the file the character at ``offset`` of the expanded text comes from."""
        at, start, end, literal = self._piece(offset)
        return start + (offset - at) if literal else start

    def end(self, offset: int) -> int:
        """Where in the file the text that wrote the character at ``offset`` ends."""
        at, start, end, literal = self._piece(offset)
        return start + (offset - at) + 1 if literal else end


class _Expander:
    def __init__(self, text: str):
        self.file = text
        self.newlines = [m.start() for m in re.finditer("\n", text)]
        self.stack = [_Frame(text, 0, len(text), True)]
        self.macros: dict[str, _Macro] = {}
        self.environments: dict[str, _Environment] = {}
        self.out: list[str] = []
        self.size = 0
        self.pieces: list[list] = []  # [offset in the output, file start, file end, literal]
        self.moved = False
        self.expansions = 0
        self.inputs: list[str] = []
        self.tail = ""  # the last characters written, to keep control words apart
        self.tail_at: tuple[_Frame, int] | None = None  # (frame, position) that continues the tail as written
        # TeX's groups open in the text written so far, innermost last: (kind, what its definitions replaced).
        self.groups: list[tuple[str, dict | None]] = []

    # --- where --------------------------------------------------------------------------------

    def line(self, offset: int) -> int:
        return bisect.bisect_left(self.newlines, offset) + 1

    def here(self) -> int:
        frame = self.stack[-1]
        return frame.origin(frame.pos)

    # --- writing ------------------------------------------------------------------------------

    def emit(self, frame: _Frame, a: int, b: int) -> None:
        if a >= b:
            return
        chunk = frame.text[a:b]
        contiguous = self.tail_at is not None and self.tail_at[0] is frame and self.tail_at[1] == a
        if not contiguous and chunk[0].isalpha() and _ENDS_IN_WORD.search(self.tail):
            # TeX keeps tokens apart; in text, \alpha followed by b would become \alphab.
            self._write(" ", frame.origin(a), frame.origin(a), False)
        if frame.literal:
            self._write(chunk, a, b, True)
        else:
            self._write(chunk, frame.start, frame.end, False)
        self.tail_at = (frame, b)

    def _write(self, chunk: str, start: int, end: int, literal: bool) -> None:
        last = self.pieces[-1] if self.pieces else None
        if literal:
            if not (last and last[3] and last[1] + (self.size - last[0]) == start):
                self.pieces.append([self.size, start, end, True])
            if start != self.size:
                self.moved = True
        else:
            self.moved = True
            if not (last and not last[3] and last[1] == start and last[2] == end):
                self.pieces.append([self.size, start, end, False])
        before = self.tail
        self.out.append(chunk)
        self.size += len(chunk)
        self.tail = (self.tail + chunk)[-64:]
        if "{" in chunk or "}" in chunk or "group" in chunk or "\\end" in chunk:
            self._groups(chunk, before)
        if self.size > MAX_EXPANDED:
            raise FormulaError(f"expanding the document's macros makes it more than {MAX_EXPANDED} characters long "
                               f"(at line {self.line(start)})")

    # --- groups: a definition holds to the end of the group it is made in ----------------------

    def _groups(self, chunk: str, before: str) -> None:
        for m in _GROUP.finditer(chunk):
            token = m.group(0)
            if token in ("{", "\\bgroup", "\\begingroup"):
                context = chunk[max(m.start() - 64, 0):m.start()]
                deferred = token == "{" and _DEFERRED.search(before + context if m.start() < 64 else context)
                self.groups.append(("}" if token != "\\begingroup" else "\\endgroup", None if deferred else {}))
            elif token in ("}", "\\egroup", "\\endgroup"):
                self._close("}" if token != "\\endgroup" else "\\endgroup")
            elif m.group(1) == "begin" and m.group(2).strip() != "document":
                self.groups.append((f"\\end{{{m.group(2).strip()}}}", {}))
            elif m.group(1) == "end":
                self._close(f"\\end{{{m.group(2).strip()}}}")

    def _close(self, closer: str) -> None:
        """Close the innermost group that ``closer`` ends (none: a stray closer changes nothing)."""
        if not any(kind == closer for kind, _ in self.groups):
            return
        while self.groups:
            kind, saved = self.groups.pop()
            for (table, name), old in (saved or {}).items():
                where = self.macros if table == "macro" else self.environments
                if old is None:
                    where.pop(name, None)
                else:
                    where[name] = old
            if kind == closer:
                return

    def assign(self, table: str, name: str, value, glob: bool = False) -> None:
        """Define ``name`` ("macro" or "environment") until the current group ends, or for good when
        ``glob`` (\\gdef, \\global\\def, or in a group LaTeX runs later, such as \\AtBeginDocument's)."""
        where = self.macros if table == "macro" else self.environments
        glob = glob or bool(_GLOBAL.search(self.tail))
        for _, saved in reversed(self.groups):
            if saved is None:  # a deferred group: what is defined there holds beyond it
                glob = True
                continue
            if glob:
                saved.pop((table, name), None)  # no group restores a global definition
            elif (table, name) not in saved:
                saved[(table, name)] = where.get(name)
                break
            else:
                break
        where[name] = value

    def skip(self, frame: _Frame, a: int, b: int) -> None:
        """Leave out a definition: blanked where it is written in the file, dropped inside an expansion."""
        if frame.literal:
            self._write(_spaces(frame.text[a:b]), a, b, True)
            self.tail_at = None

    # --- reading across frames ----------------------------------------------------------------

    def top(self) -> _Frame | None:
        stack = self.stack
        frame = stack[-1]
        while frame.pos >= len(frame.text):
            if len(stack) == 1:
                return None
            stack.pop()
            self.tail_at = None
            frame = stack[-1]
        return frame

    def peek(self) -> str:
        frame = self.top()
        return frame.text[frame.pos] if frame else ""

    def skip_spaces(self) -> None:
        while True:
            frame = self.top()
            if frame is None:
                return
            m = _WHITE.match(frame.text, frame.pos)
            frame.pos = m.end()
            if frame.pos < len(frame.text):
                return

    def token(self) -> str:
        """The next token: a control sequence, a braced group (with its braces) or one character."""
        frame = self.top()
        if frame is None:
            return ""
        ch = frame.text[frame.pos]
        if ch == "\\":
            m = _CS.match(frame.text, frame.pos)
            frame.pos = m.end()
            return m.group(0)
        if ch == "{":
            frame.pos += 1
            return "{" + self.balanced(_BRACES, "a group") + "}"
        frame.pos += 1
        return ch

    def balanced(self, pattern: re.Pattern, what: str) -> str:
        """Text up to the closing brace (or bracket) at depth 0, which is consumed; after the opening one."""
        depth, parts = 0, []
        line = self.line(self.here())
        while True:
            frame = self.top()
            if frame is None:
                raise FormulaError(f"line {line}: {what} is never closed")
            for m in pattern.finditer(frame.text, frame.pos):
                tok = m.group(0)
                if tok == "{":
                    depth += 1
                elif depth == 0 and tok in "}]":
                    parts.append(frame.text[frame.pos:m.start()])
                    frame.pos = m.end()
                    return "".join(parts)
                elif tok == "}":
                    depth -= 1
            parts.append(frame.text[frame.pos:])
            frame.pos = len(frame.text)

    def argument(self, what: str) -> str:
        """An undelimited argument: a group's content, or one token; spaces before it are skipped."""
        self.skip_spaces()
        if not self.peek():
            raise FormulaError(f"line {self.line(self.here())}: {what} is missing")
        if self.peek() == "{":
            self.top().pos += 1
            return self.balanced(_BRACES, what)
        return self.token()

    def optional(self, what: str) -> str | None:
        """``[...]`` if it comes next (spaces skipped, as LaTeX's optional arguments do), else None."""
        frame = self.top()
        if frame is None:
            return None
        m = _OPTIONAL.match(frame.text, frame.pos)
        if not m:
            return None
        frame.pos = m.end()
        return self.balanced(_BRACKETS, what)

    def command_name(self, definer: str, line: int) -> str:
        self.skip_spaces()
        name = self.argument(f"the name after {definer}").strip() if self.peek() == "{" else self.token()
        if not _CS.fullmatch(name) or len(name) < 2 or name[1].isspace():
            raise FormulaError(f"line {line}: {definer} is not followed by a command name")
        return name

    # --- the main loop ------------------------------------------------------------------------

    def run(self) -> Expansion:
        while True:
            frame = self.top()
            if frame is None:
                break
            start = frame.pos
            if frame.opaque:
                self.emit(frame, start, len(frame.text))
                frame.pos = len(frame.text)
                continue
            # Copy up to the next control sequence that defines, is defined, or names a file.
            m = next((m for m in _CS.finditer(frame.text, start) if self._acts(m.group(0))), None)
            at = m.start() if m else len(frame.text)
            self.emit(frame, start, at)
            frame.pos = at
            if m is None:
                continue
            name = m.group(0)
            frame.pos = m.end()
            if name in _DEFINERS:
                self.define(name, frame, at)
            elif name in self.macros:
                self.expand(self.macros[name], frame, at)
            elif name in _NOTHING_IN_MATH:
                self.skip(frame, at, frame.pos)
            elif name == "\\begin" and self._user_environment(frame):
                self.begin_environment(frame, at)
            elif name == "\\end" and self._user_environment(frame):
                self.end_environment(frame, at)
            else:
                if name in _INPUTS:
                    self._note_input(name, frame, at)
                self.emit(frame, at, frame.pos)
        keys = tuple(p[0] for p in self.pieces)
        return Expansion("".join(self.out), tuple(self.inputs), tuple(tuple(p) for p in self.pieces), self.moved, keys)

    def _acts(self, name: str) -> bool:
        return (name in self.macros or name in _DEFINERS or name in _INPUTS or name in _NOTHING_IN_MATH
                or (bool(self.environments) and name in ("\\begin", "\\end")))

    def _note_input(self, name: str, frame: _Frame, at: int) -> None:
        m = re.compile(r"\s*\{([^{}]*)\}|\s+(\S+)").match(frame.text, frame.pos)
        target = (m.group(1) or m.group(2) or "").strip() if m else ""
        what = f"{name}{{{target}}}" if target else name
        self.inputs.append(f"{what} (line {self.line(frame.origin(at))})")

    # --- definitions --------------------------------------------------------------------------

    def define(self, definer: str, frame: _Frame, at: int) -> None:
        line = self.line(frame.origin(at))
        if definer in _NEWCOMMANDS:
            self._star()
            name = self.command_name(definer, line)
            count, default = self._arguments(definer, name, line)
            body = self.argument(f"the definition of {name}")
            if definer != "\\providecommand" or name not in self.macros:
                self.assign("macro", name, _Macro(name, body, line, count, default))
        elif definer in _DEFS:
            name = self.command_name(definer, line)
            macro = self._def(definer, name, line)
            if definer in ("\\edef", "\\xdef"):  # the body is expanded now, with the meanings names have now
                inner = _Expander(macro.body)
                inner.macros, inner.environments, inner.expansions = dict(self.macros), self.environments, self.expansions
                body = inner.run().text
                self.expansions = inner.expansions
                macro = _Macro(name, body, line, macro.count, None, macro.prefix, macro.delimiters)
            self.assign("macro", name, macro, glob=definer in ("\\gdef", "\\xdef"))
        elif definer == "\\DeclareMathOperator":
            self._star()  # starred: limits set below and above, the same function
            name = self.command_name(definer, line)
            body = self.argument(f"the definition of {name}")
            self.assign("macro", name, _Macro(name, f"\\operatorname{{{body}}}", line))
        elif definer == "\\let":
            name = self.command_name(definer, line)
            self.skip_spaces()
            if self.peek() == "=":
                self.token()
                frame_now = self.top()
                if frame_now is not None and frame_now.text[frame_now.pos] == " ":
                    frame_now.pos += 1
            self.skip_spaces()
            meaning = self.token()
            if not meaning:
                raise FormulaError(f"line {line}: \\let{name} is not given a meaning")
            old = self.macros.get(meaning)
            # \let copies the meaning the name has now: the document's macro, or a command of LaTeX's own
            # (\let\oldsqrt\sqrt before \renewcommand{\sqrt}… keeps LaTeX's \sqrt).
            self.assign("macro", name, _Macro(name, old.body, line, old.count, old.default, old.prefix, old.delimiters,
                                              old.opaque) if old else _Macro(name, meaning, line, opaque=True))
        else:
            self._star()
            env = _shown(self.argument(f"the name after {definer}"), 60)
            count, default = self._arguments(definer, env, line)
            begin = self.argument(f"the beginning of the environment {env}")
            end = self.argument(f"the end of the environment {env}")
            self.assign("environment", env, _Environment(env, begin, end, line, count, default))
        self._skip_definition(frame, at)

    def _skip_definition(self, frame: _Frame, at: int) -> None:
        if self.stack[-1] is frame:
            self.skip(frame, at, frame.pos)

    def _star(self) -> None:
        frame = self.top()
        if frame is not None and frame.text[frame.pos] == "*":
            frame.pos += 1

    def _arguments(self, definer: str, name: str, line: int) -> tuple[int, str | None]:
        count = self.optional(f"the number of arguments of {name}")
        if count is None:
            return 0, None
        if not re.fullmatch(r"\s*[0-9]\s*", count):
            raise FormulaError(f"line {line}: {definer}{{{_shown(name)}}}[{_shown(count)}]: the number of arguments "
                               "must be 0 to 9")
        default = self.optional(f"the default argument of {name}")
        return int(count), default

    def _def(self, definer: str, name: str, line: int) -> _Macro:
        """\\def\\name<parameter text>{body}: #1#2… or delimited parameters (#1.)."""
        tokens: list[str] = []
        while True:
            self._space_token(tokens)
            ch = self.peek()
            if not ch:
                raise FormulaError(f"line {line}: the definition of {name} is never closed")
            if ch == "{":
                break
            tokens.append(self.token())
        self.top().pos += 1
        body = self.balanced(_BRACES, f"the definition of {name}")
        # Split the parameter text at #1, #2, …: what comes before #1 must follow the name when used.
        prefix: list[str] = []
        delimiters: list[list[str]] = []
        n = 0
        k = 0
        while k < len(tokens):
            tok = tokens[k]
            if tok == "#":
                if k + 1 >= len(tokens) or tokens[k + 1] != str(n + 1):
                    raise FormulaError(f"line {line}: the parameters of {definer}{name} are not #1, #2, … in order")
                n += 1
                delimiters.append([])
                k += 2
                continue
            (delimiters[-1] if delimiters else prefix).append(tok)
            k += 1
        if prefix or any(delimiters):
            return _Macro(name, body, line, n, None, tuple(prefix), tuple(tuple(d) for d in delimiters))
        return _Macro(name, body, line, n)

    def _space_token(self, tokens: list[str]) -> None:
        """A run of white space is one space token (none right after a control word, as TeX reads it)."""
        frame = self.top()
        if frame is None:
            return
        m = _SPACE.match(frame.text, frame.pos)
        if m:
            frame.pos = m.end()
            if tokens and not re.fullmatch(r"\\[A-Za-z]+", tokens[-1]):
                tokens.append(" ")

    # --- expansion ----------------------------------------------------------------------------

    def _check_depth(self, name: str, frame: _Frame, at: int, line: int) -> int:
        depth = frame.depth + 1
        self.expansions += 1
        if depth > MAX_MACRO_DEPTH or self.expansions > MAX_EXPANSIONS:
            self._too_much(name, frame, at, line, depth)
        return depth

    def _too_much(self, name: str, frame: _Frame, at: int, line: int, depth: int) -> None:
        where = self.line(frame.origin(at))
        if depth > MAX_MACRO_DEPTH:
            chain, f = set(), frame
            while f is not None:
                chain.add(f.macro)
                f = f.parent
            if name in chain:
                raise FormulaError(f"the macro {name} (defined at line {line}) is defined in terms of itself: "
                                   f"its expansion at line {where} never ends")
            raise FormulaError(f"macros nested more than {MAX_MACRO_DEPTH} deep expanding {name} at line {where}")
        raise FormulaError(f"more than {MAX_EXPANSIONS} macro expansions (at {name}, line {where})")

    def expand(self, macro: _Macro, frame: _Frame, at: int) -> None:
        depth = self._check_depth(macro.name, frame, at, macro.line)
        start = frame.origin(at)
        args = self._macro_arguments(macro)
        now = self.top()
        end = max(start, now.origin(now.pos) if now else len(self.file))
        body = _substitute(macro.body, args)
        if _AFTER_ACCENT.search(self.tail):
            body = "{" + body + "}"  # (\hat\vy of \vy = \mathbf{y}: the accent's argument is the whole expansion)
        self._push(body, start, end, depth, macro.name, frame, macro.opaque)

    def _push(self, body: str, start: int, end: int, depth: int, name: str, parent: _Frame,
              opaque: bool = False) -> None:
        if self.size + len(body) > MAX_EXPANDED:
            raise FormulaError(f"expanding {name} at line {self.line(start)} makes the document more than "
                               f"{MAX_EXPANDED} characters long")
        self.stack.append(_Frame(body, start, end, False, depth, name, parent, opaque))
        self.tail_at = None

    def _macro_arguments(self, macro: _Macro) -> list[str]:
        what = f"an argument of {macro.name}"
        if macro.delimiters is not None:
            return self._delimited_arguments(macro)
        args = []
        if macro.default is not None:
            given = self.optional(what)
            args.append(macro.default if given is None else given)
        while len(args) < macro.count:
            args.append(self.argument(what))
        return args

    def _delimited_arguments(self, macro: _Macro) -> list[str]:
        line = self.line(self.here())
        mismatch = FormulaError(f"line {line}: the use of {macro.name} does not match its definition "
                                f"(line {macro.line})")
        for want in macro.prefix:
            self.skip_spaces()
            if want != " " and self.token() != want:
                raise mismatch
        args = []
        for delimiter in macro.delimiters:
            if not delimiter:
                args.append(self.argument(f"an argument of {macro.name}"))
                continue
            tokens: list[str] = []
            while tokens[-len(delimiter):] != list(delimiter):
                self._space_token(tokens)
                if tokens[-len(delimiter):] == list(delimiter):
                    break
                tok = self.token()
                if not tok:
                    raise FormulaError(f"line {line}: the argument of {macro.name} never ends "
                                       f"(it ends at {_shown(''.join(delimiter))!r})")
                tokens.append(tok)
            inner = tokens[:len(tokens) - len(delimiter)]
            if len(inner) == 1 and inner[0].startswith("{") and inner[0].endswith("}"):
                args.append(inner[0][1:-1])
            else:
                args.append("".join(inner))
        return args

    def _user_environment(self, frame: _Frame) -> bool:
        m = _ENV_NAME.match(frame.text, frame.pos)
        return bool(m) and m.group(1).strip() in self.environments

    def _environment(self, frame: _Frame) -> _Environment:
        m = _ENV_NAME.match(frame.text, frame.pos)
        frame.pos = m.end()
        return self.environments[m.group(1).strip()]

    def begin_environment(self, frame: _Frame, at: int) -> None:
        env = self._environment(frame)
        depth = self._check_depth(f"\\begin{{{env.name}}}", frame, at, env.line)
        macro = _Macro(f"\\begin{{{env.name}}}", env.begin, env.line, env.count, env.default)
        args = self._macro_arguments(macro)
        now = self.top()
        end = max(frame.origin(at), now.origin(now.pos) if now else len(self.file))
        self._push(_substitute(env.begin, args), frame.origin(at), end, depth, macro.name, frame)

    def end_environment(self, frame: _Frame, at: int) -> None:
        env = self._environment(frame)
        depth = self._check_depth(f"\\end{{{env.name}}}", frame, at, env.line)
        self._push(env.end, frame.origin(at), frame.origin_end(frame.pos), depth, f"\\end{{{env.name}}}", frame)


def _substitute(body: str, args: list[str]) -> str:
    """The body with #1… replaced by the arguments and ## by #, control words kept apart from letters."""
    if "#" not in body:
        return body
    pieces: list[str] = []
    done = 0
    for m in _PARAMETER.finditer(body):
        pieces.append(body[done:m.start()])
        key = m.group(1)
        if key == "#":
            pieces.append("#")
        else:
            n = int(key)
            pieces.append(args[n - 1] if n <= len(args) else m.group(0))
        done = m.end()
    pieces.append(body[done:])
    out: list[str] = []
    for piece in pieces:
        if out and piece[:1].isalpha() and _ENDS_IN_WORD.search(out[-1][-64:]):
            out.append(" ")
        if piece:
            out.append(piece)
    return "".join(out)


@lru_cache(maxsize=2)
def expand_macros(text: str) -> Expansion:
    """A LaTeX document with its ignored parts blanked and its own macros expanded; FormulaError
    naming the macro when one cannot be expanded within the limits."""
    return _Expander(blank_ignored(text)).run()


# --- macros a Markdown document's mathematics defines (MathJax, KaTeX) -------------------------------

_MATH_DEFINER = re.compile(r"\\(?:newcommand|renewcommand|providecommand|DeclareRobustCommand|def|gdef|edef|xdef"
                           r"|DeclareMathOperator|let)(?![A-Za-z])")
_DEFINED_NAME = re.compile(r"\\(?:(?:newcommand|renewcommand|providecommand|DeclareRobustCommand|DeclareMathOperator)\*?"
                           r"\s*\{?\s*|(?:[gex]?def|let)\s*)(\\[A-Za-z]+)")
_SEGMENT_BREAK = "\n\\deriveSegmentBreak\n"  # a command no document defines: where the segment starts


def expand_math_macros(text: str, segments: list[tuple[int, int]]) -> str:
    """The document with the macros its mathematics defines expanded in its mathematics.

    In Markdown, MathJax and KaTeX take ``$\\newcommand{\\R}{\\mathbb{R}}$`` or ``$$\\def\\v{\\mathbf{v}}$$``
    as a definition for all the mathematics after it. ``segments`` are the (start, end) offsets of the
    document's pieces of mathematics, in any order; each is expanded with the definitions made before
    it (as expand_macros expands a LaTeX document), and the definitions themselves are blanked. Lines
    stay where they are; columns after an expanded macro are those of the expanded text. The prose
    is never touched."""
    if not _MATH_DEFINER.search(text):
        return text
    definitions: list[str] = []
    defined: set[str] = set()
    out: list[str] = []
    at = 0
    for start, end in sorted(set(segments)):
        if start < at:
            continue  # a piece inside one already taken
        content = text[start:end]
        uses = defined and re.search("|".join(re.escape(n) for n in sorted(defined)) + r"(?![A-Za-z])", content)
        defines = _MATH_DEFINER.search(content)
        if not (uses or defines):
            continue
        expanded = expand_macros("".join(definitions) + _SEGMENT_BREAK + content).text
        if _SEGMENT_BREAK.strip() not in expanded:
            continue  # an unfinished definition took the rest as its argument: left as written
        expanded = expanded.split(_SEGMENT_BREAK.strip(), 1)[1]
        if expanded.startswith("\n"):
            expanded = expanded[1:]
        if expanded.count("\n") != content.count("\n"):
            expanded = expanded.replace("\n", " ") + "\n" * content.count("\n")
        if defines:
            definitions.append(content + "\n")
            defined |= set(_DEFINED_NAME.findall(content))
        out.append(text[at:start])
        out.append(expanded)
        at = end
    out.append(text[at:])
    return "".join(out)
