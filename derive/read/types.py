"""Types of undeclared names from their use: which are matrices and vectors, and of what sizes.

A name nobody declares is a number unless the document uses it as something else: transposed
(``A^\\top``), inverted (``A^{-1}``), under a trace (``\\operatorname{tr}(AB)``), inside a norm
(``\\|w\\|``) or an inner product (``\\langle u, v \\rangle``), or multiplied with a known matrix or
vector (``Xw``, ``w^\\top x``), or added to one (``Xw - y``). A capital letter so used is a matrix, a
lower-case (or bold) one a column vector. Sizes are size variables unified over every product, sum
and equation of the document (``Xw - y``: y has X's row count); a class of sizes no declaration fixes
is a fresh size name, never a number.

Capitals only ever multiplied with each other and with numbers (``AB = BA``) are left *ambiguous*:
the reader types them as matrices, and the verdict is taken only where the readings as numbers and
as matrices agree (a 1x1 matrix is a number).

Every formula is parsed (never evaluated); a formula that does not parse is skipped.
"""

from __future__ import annotations

import re

from dataclasses import dataclass, field

from lark import Token, Tree
from lark.exceptions import LarkError

from ..errors import FormulaError
from .grammar import parser
from .syntax import GREEK, family_key, item_base, item_scripts, names_in, node_kind, node_word, script_word

__all__ = ["Inferred", "infer"]

_TRANSPOSE_WORDS = {"T", "\\top", "\\intercal"}
_SQUARE_FUNCTIONS = {"tr", "Tr", "trace", "det"}
# Names never typed from use: the reader gives them meanings of their own.
_RESERVED = {"e", "d", "I", "\\pi", "\\partial", "\\nabla", "\\sum", "\\prod", "\\delta", "\\ell", "\\infty"}
_SIZE_NAMES = ("n", "m", "p", "q", "r", "s", "d_1", "d_2", "d_3", "d_4", "d_5", "d_6")


@dataclass
class Inferred:
    """What the document's use says of its undeclared names."""

    matrices: dict[str, tuple[str, str]] = field(default_factory=dict)  # name -> (rows, cols) size names
    vectors: dict[str, str] = field(default_factory=dict)  # name -> length size name
    lines: dict[str, int] = field(default_factory=dict)  # name -> the line of the use that types it
    why: dict[str, str] = field(default_factory=dict)  # name -> the use, in words
    sizes: tuple[str, ...] = ()  # the fresh size names introduced
    ambiguous: set[str] = field(default_factory=set)  # capitals multiplied only with each other and numbers
    conflicts: dict[str, str] = field(default_factory=dict)  # name -> its two inconsistent uses, by line
    families: dict[str, str] = field(default_factory=dict)  # x of x_i^\top w, a family of vectors -> their length


def _subscript_text(arg) -> str | None:
    """The number or word a subscript writes (0 of z_0, 0 of z_{0}, opt of w_{opt}), or None."""
    while node_kind(arg) in ("group", "product") and len(arg.children) == 1:
        arg = arg.children[0]
    if node_kind(arg) == "item" and not item_scripts(arg):
        arg = item_base(arg)
    if node_kind(arg) == "number":
        return str(arg.children[0])
    return script_word(arg)


def _capital(name: str) -> bool:
    bare = name.lstrip("\\")
    return bare[:1].isupper()


def _candidate(name: str) -> bool:
    if name in _RESERVED:
        return False
    if len(name) == 1 and name.isalpha():
        return True
    return name.startswith("\\") and name[1:] in GREEK and name[1:] not in ("pi", "ell", "delta")


class _Sizes:
    """Union-find over size variables; a class may hold one fixed (declared) size name."""

    def __init__(self):
        self.parent: dict[int, int] = {}
        self.fixed: dict[int, str] = {}
        self.count = 0

    def new(self, fixed: str | None = None) -> int:
        self.count += 1
        self.parent[self.count] = self.count
        if fixed is not None:
            self.fixed[self.count] = fixed
        return self.count

    def find(self, a: int) -> int:
        while self.parent[a] != a:
            self.parent[a] = self.parent[self.parent[a]]
            a = self.parent[a]
        return a

    def unify(self, a: int, b: int) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        fa, fb = self.fixed.get(ra), self.fixed.get(rb)
        if fa is not None and fb is not None and fa != fb:
            return False
        self.parent[rb] = ra
        if fa is None and fb is not None:
            self.fixed[ra] = fb
        return True


# Shapes: ("S",) a number, ("V", n) a column, ("R", n) a row, ("M", r, c) a matrix; None: not known.


class _Pass:
    prime_transpose = False  # the document writes the transpose with a prime (X'X)

    def __init__(self, known: dict[str, tuple], kinds: dict[str, str], fixed_sizes, excluded: set[str]):
        self.excluded = excluded  # names never typed here: functions, names a display defines
        self.indices: set[str] = set()  # the index letters (of the notation)
        self.sizes = _Sizes()
        self.kinds = kinds  # inferred kinds so far: name -> "matrix" | "vector"
        self.known = known  # declared: name -> ("vector", n) | ("matrix", r, c) | ("scalar",)
        self.fixed_sizes = fixed_sizes
        self.vars: dict[str, tuple] = {}
        self.new_kinds: dict[str, tuple[str, int, str]] = {}  # name -> (kind, line, why)
        self.numbers: set[str] = set()  # capitals used as numbers (divided by, in an exponent, in a function)
        self.capital_products: list[tuple[tuple[str, ...], int]] = []  # capitals multiplied together, and the line
        self.clashes: list[tuple[set[str], int, str]] = []  # (inferred names involved, line, what)
        self.subscripts: dict[str, dict[int, int]] = {}  # name -> {number of index letters: first line}
        # names added to a number or an entry (y_i - m): line of the first such use
        self.scalar_sums: dict[str, int] = {}
        self.line = 0

    # --- names ----------------------------------------------------------------------------------
    def shape_of(self, name: str):
        if name in self.vars:
            return self.vars[name]
        k = self.known.get(name)
        if k is not None:
            if k[0] == "scalar":
                shape = ("S",)
            elif k[0] == "family":
                # x_1, ..., x_n used as vectors (x_i^\top w): the rows of a matrix, their length not yet known
                shape = ("M", self.sizes.new(self.fixed_sizes(k[1])), self.sizes.new())
            elif k[0] == "vector":
                shape = ("V", self.sizes.new(self.fixed_sizes(k[1])))
            else:
                shape = ("M", self.sizes.new(self.fixed_sizes(k[1])), self.sizes.new(self.fixed_sizes(k[2])))
        elif name in self.kinds:
            shape = ("V", self.sizes.new()) if self.kinds[name] == "vector" else ("M", self.sizes.new(), self.sizes.new())
        else:
            return None
        self.vars[name] = shape
        return shape

    def mark(self, name: str | None, kind: str, why: str) -> None:
        if name is None or not _candidate(name) or name in self.known or name in self.kinds or name in self.new_kinds \
                or name in self.excluded:
            return
        if kind == "matrix" and not _capital(name):
            return
        if kind == "vector" and _capital(name):
            return
        self.new_kinds[name] = (kind, self.line, why)

    def mark_by_case(self, name: str | None, why: str) -> None:
        if name is not None:
            self.mark(name, "matrix" if _capital(name) else "vector", why)

    # --- nodes ----------------------------------------------------------------------------------
    def lone_name(self, node) -> str | None:
        """The name a node is, alone: a letter, a Greek command, a bold letter (with no scripts)."""
        while True:
            kind = node_kind(node)
            if kind in ("product",) and len(node.children) == 1:
                node = node.children[0]
            elif kind == "item" and not item_scripts(node):
                node = item_base(node)
            elif kind == "group" and len(node.children) == 1:
                node = node.children[0]
            elif kind == "paren" and len(node.children) == 1:
                node = node.children[0]
            elif kind == "font" and str(node.children[0]) in ("\\mathbf", "\\boldsymbol", "\\bm", "\\vec"):
                node = node.children[1]
            else:
                break
        if node_kind(node) in ("letter", "command"):
            word = node_word(node)
            return word if word and _candidate(word) else None
        return None

    def expr(self, node):
        kind = node_kind(node)
        if kind in ("add", "sub"):
            return self.sum([node.children[0], node.children[2]])
        if kind in ("neg", "pos"):
            return self.expr(node.children[1])
        if kind == "product":
            return self.product(node)
        if kind == "item":
            return self.product(Tree("product", [node]))
        self.walk(node)
        return None

    def walk(self, node) -> None:
        """Visit the parts of a node whose own shape is not read, for the uses inside."""
        if isinstance(node, Tree):
            for child in node.children:
                if isinstance(child, Tree):
                    if node_kind(child) in ("add", "sub", "neg", "pos", "product", "item"):
                        self.expr(child)
                    else:
                        self.walk(child)

    def sum(self, terms):
        flat = []
        for t in terms:
            if node_kind(t) in ("add", "sub"):
                flat += [t.children[0], t.children[2]]
            else:
                flat.append(t)
        if len(flat) > len(terms):
            return self.sum(flat)
        shapes = [self.expr(t) for t in flat]
        numbers = [s is not None and s[0] == "S" or self.is_entry(t) for t, s in zip(flat, shapes)]
        if any(numbers):
            for t, s, number in zip(flat, shapes, numbers):
                name = self.lone_name(t)
                if name is not None and not number and (s is None or name in self.kinds):
                    self.scalar_sums.setdefault(name, self.line)
        known = [s for s in shapes if s is not None and s[0] != "S"]
        if known:
            ref = known[0]
            for t, s in zip(flat, shapes):
                if s is None:
                    name = self.lone_name(t)
                    if name is not None and ref[0] in ("V", "M") and (ref[0] == "M") == _capital(name):
                        self.mark(name, "vector" if ref[0] == "V" else "matrix", "added to a " +
                                  ("vector" if ref[0] == "V" else "matrix"))
                    factors = self.names_of(t) if name is None else []
                    if ref[0] == "V" and len(factors) >= 2 and not _capital(factors[-1]) \
                            and all(_capital(f) for f in factors[:-1]):
                        # Xw - y, y a vector: X a matrix, w a vector
                        for f in factors[:-1]:
                            self.mark(f, "matrix", "a product added to a vector")
                        self.mark(factors[-1], "vector", "a product added to a vector")
                elif s[0] == "S":
                    for n in self.names_of(t):
                        if _capital(n):
                            self.numbers.add(n)
                elif s is not ref:
                    self.same(ref, s)
            return ref
        if all(s is not None for s in shapes):
            return ("S",)
        if any(s is not None and s[0] == "S" and node_kind(t) != "product" or self.is_number(t)
               for t, s in zip(flat, shapes)):
            for t in flat:
                for n in self.names_of(t):
                    if _capital(n):
                        self.numbers.add(n)  # A + 1: a number
        return None

    def is_entry(self, node) -> bool:
        """y_i of a vector y (declared or typed here) at an index letter: a number."""
        m = re.fullmatch(r"\s*(\\?[A-Za-z]+)\s*_\s*\{?\s*([a-z])\s*\}?\s*", _text(node))
        return m is not None and m.group(2) in self.indices and (
            self.known.get(m.group(1), ("",))[0] == "vector" or self.kinds.get(m.group(1)) == "vector")

    def is_number(self, node) -> bool:
        while node_kind(node) in ("product", "item") and len(node.children) == 1 and (
                node_kind(node) == "product" or not item_scripts(node)):
            node = node.children[0]
        return node_kind(node) == "number"

    def names_of(self, node) -> list[str]:
        name = self.lone_name(node)
        if name is not None:
            return [name]
        if node_kind(node) == "product":
            out = [self.lone_name(i) for i in node.children]
            if all(out):
                return out
            if len(node.children) == 1:
                return self.names_of(node.children[0])
        if node_kind(node) == "item" and not item_scripts(node) \
                and node_kind(item_base(node)) in ("paren", "group") and len(item_base(node).children) == 1:
            return self.names_of(item_base(node).children[0])  # 1/(RC): R and C divide, numbers
        if node_kind(node) in ("paren", "group") and len(node.children) == 1:
            return self.names_of(node.children[0])
        return []

    def same(self, a, b) -> bool:
        if a[0] != b[0]:
            if {a[0], b[0]} == {"V", "R"}:
                return self.sizes.unify(a[1], b[1]) or self.clash("sizes do not fit")
            return self.clash(f"a {_WORD[a[0]]} and a {_WORD[b[0]]} on the two sides of + or =")
        ok = all(self.sizes.unify(x, y) for x, y in zip(a[1:], b[1:]))
        return ok or self.clash("sizes do not fit")

    def clash(self, what: str) -> bool:
        self.clashes.append((set(self.current_inferred), self.line, what))
        return False

    def product(self, node):
        entries = []  # (op, item)
        op = None
        for child in node.children:
            if isinstance(child, Tree):
                entries.append((op, child))
                op = None
            elif child.type == "MULOP":
                op = str(child)
        return self.entries(entries)

    def entries(self, entries):
        """The shape of a product's items (op, item); None where it is not known."""
        # Operator heads: derivatives, sums, functions. Their argument is read for its uses only.
        for n, (op, item) in enumerate(entries):
            head = self.head(item)
            if head is None and n + 1 < len(entries) and entries[n + 1][0] is None and not item_scripts(item) \
                    and self.lone_name(item) in self.excluded and node_kind(item_base(entries[n + 1][1])) == "paren":
                # R(\alpha)^\top of a function R the document defines: the scripts are the value's, not the argument's
                for argument in item_base(entries[n + 1][1]).children:
                    self.expr(argument)
                if n + 2 < len(entries):
                    self.entries(entries[n + 2:])
                return None
            if head is not None:
                before = self.chain(entries[:n]) if n else ("S",)
                if head in _SQUARE_FUNCTIONS and n + 1 < len(entries):
                    arg = item_base(entries[n + 1][1])
                    inner = arg.children[0] if node_kind(arg) == "paren" and len(arg.children) == 1 else arg
                    for name in self.names_of(inner):
                        if _capital(name):
                            self.mark(name, "matrix", f"under \\operatorname{{{head}}}")
                    shape = self.expr(inner)
                    if shape is not None and shape[0] == "M":
                        self.sizes.unify(shape[1], shape[2]) or self.clash("a trace of a matrix that is not square")
                    if n + 2 < len(entries):
                        self.entries(entries[n + 2:])
                    return before if before is not None and before[0] == "S" and n + 2 == len(entries) else None
                if head == "function":
                    for _, rest in entries[n + 1:]:
                        for name in self.names_of(rest):
                            if _capital(name):
                                self.numbers.add(name)
                if n + 1 < len(entries):
                    self.entries(entries[n + 1:])
                return None
        return self.chain(entries)

    def head(self, item) -> str | None:
        base = item_base(item)
        kind = node_kind(base)
        if kind == "frac":
            num = base.children[1]
            text = _text(num)
            if text.startswith(("\\partial", "d")) and ("\\partial" in _text(base.children[2]) or
                                                         _text(base.children[2]).startswith("d")):
                self.walk(base)
                return "derivative"
            return None
        word = node_word(base)
        if word is None:
            return None
        if kind == "text":
            return word if word in _SQUARE_FUNCTIONS else "function"
        if kind == "command" and word in ("\\sum", "\\prod", "\\nabla", "\\partial"):
            self.walk(item)
            return "operator"
        if kind == "command" and word.lstrip("\\") in _FUNCTIONS:
            return "function"
        if kind == "command" and word.lstrip("\\") in _SQUARE_FUNCTIONS:
            return word.lstrip("\\")
        return None

    def chain(self, entries):
        """The shape of a product of items (matrix multiplication, numbers dropping out)."""
        shapes = []
        for op, item in entries:
            shapes.append((op, item, self.item(item)))
        known = [s for _, _, s in shapes if s is not None and s[0] != "S"]
        names = [self.lone_name(item) for _, item, _ in shapes]
        capitals = [n for n, (_, item, _) in zip(names, shapes) if n is not None and _capital(n)
                    and not item_scripts(item) and node_kind(item_base(item)) in ("letter", "command", "font")
                    and n not in self.known and n not in self.excluded]
        if known:
            for n, (_, item, s) in zip(names, shapes):
                if s is None and n is not None and _capital(n):
                    self.mark(n, "matrix", "multiplied with a matrix or a vector")
        elif len(capitals) >= 2 and all(
                n is not None or node_kind(item_base(item)) in ("number", "paren", "group")
                for n, (_, item, _) in zip(names, shapes)):
            # capitals multiplied only with each other, with numbers and with parenthesised terms
            self.capital_products.append((tuple(capitals), self.line))
        acc = ("S",)
        for (op, item, s), name in zip(shapes, names):
            if op in ("/", "\\div"):
                if s is not None and s[0] != "S":
                    return None
                for n in self.names_of(item):
                    if _capital(n):
                        self.numbers.add(n)
                continue
            if s is None:
                if name is not None and acc is not None and acc[0] in ("M", "R") and op is None and not _capital(name):
                    self.mark(name, "vector", "multiplied after a matrix" if acc[0] == "M"
                              else "multiplied after a transposed vector")
                if name is None:
                    acc = None
                continue  # (an undeclared name: a number, as far as this pass knows)
            if acc is None:
                continue
            if op in ("\\circ", "\\odot"):
                if acc[0] != "S" and s[0] != "S":
                    self.same(acc, s)
                acc = acc if acc[0] != "S" else s
                continue
            acc = self.times(acc, s)
        if not known and acc is not None and any(s is None for _, _, s in shapes):
            return None  # undeclared names only: numbers, or not
        return acc

    def times(self, a, b):
        if a[0] == "S":
            return b
        if b[0] == "S":
            return a
        pair = (a[0], b[0])
        if pair == ("M", "M"):
            return ("M", a[1], b[2]) if self.sizes.unify(a[2], b[1]) or self.clash("sizes do not fit") else None
        if pair == ("M", "V"):
            return ("V", a[1]) if self.sizes.unify(a[2], b[1]) or self.clash("sizes do not fit") else None
        if pair == ("R", "M"):
            return ("R", b[2]) if self.sizes.unify(a[1], b[1]) or self.clash("sizes do not fit") else None
        if pair == ("R", "V"):
            return ("S",) if self.sizes.unify(a[1], b[1]) or self.clash("sizes do not fit") else None
        if pair == ("V", "R"):
            return ("M", a[1], b[1])
        if pair in (("V", "M"), ("M", "R")):
            self.clash("a column vector before a matrix" if pair == ("V", "M") else "a matrix before a row vector")
        return None

    def item(self, item):
        base = item_base(item)
        scripts = item_scripts(item)
        kind = node_kind(base)
        name = self.lone_name(Tree("item", [base]))
        subs = [s for s in scripts if node_kind(s) == "sub_script"]
        sups = [s for s in scripts if node_kind(s) == "sup_script"]
        if any(node_kind(s) == "prime" for s in scripts):
            if not self.prime_transpose:
                return None
            # X' where the document writes the transpose with a prime: X^\top
            top = Tree("sup_script", [Token("SUP", "^"), Tree("letter", [Token("LETTER", "T")])])
            sups = sups + [top for s in scripts if node_kind(s) == "prime"]
        member = False
        if subs:
            letters = _index_letters(subs[0].children[1]) if name is not None else ()
            if name is not None:
                if letters and all(letter in self.indices for letter in letters):
                    self.subscripts.setdefault(name, {}).setdefault(len(letters), self.line)
            for s in scripts:
                self.walk(s)
            word = _subscript_text(subs[0].children[1]) if name is not None and len(subs) == 1 else None
            if word is not None and f"{name}_{word}" in self.known and not sups:
                # z_0 \in R^d, a vector named with a subscript: its own shape (z - z_0 makes z of length d)
                return self.shape_of(f"{name}_{word}")
            family = self.shape_of(family_key(name)) if name is not None and len(letters) == 1 \
                and letters[0] in self.indices and len(subs) == 1 else None
            if family is None or family[0] != "M":
                return None
            # x_i of a family of vectors x_1, ..., x_n (declared, or used as vectors): a column of their length
            shape, member = ("V", family[2]), True
        elif name is not None:
            shape = self.shape_of(name)
        elif kind == "norm":
            inner = base.children[1]
            for t in (_terms(inner) or [inner]):
                self.mark_by_case(self.lone_name(t), "inside a norm")
            self.expr(inner)
            shape = ("S",)
        elif kind == "inner":
            for t in base.children[1:3]:
                self.mark(self.lone_name(t), "vector", "in an inner product")
            a, b = (self.expr(t) for t in base.children[1:3])
            if a is not None and b is not None and a[0] == b[0] == "V":
                self.sizes.unify(a[1], b[1]) or self.clash("sizes do not fit")
            shape = ("S",)
        elif kind == "paren" and len(base.children) == 1:
            shape = self.expr(base.children[0])
        elif kind == "group" and len(base.children) == 1:
            shape = self.expr(base.children[0])
        elif kind == "number":
            shape = ("S",)
        elif kind in ("abs", "binom"):
            self.walk(base)
            shape = ("S",)
        elif kind == "frac":
            num, den = base.children[1], base.children[2]
            top = self.expr(num.children[0]) if node_kind(num) == "group" and len(num.children) == 1 else self.expr(num)
            bottom = self.expr(den.children[0]) if node_kind(den) == "group" and len(den.children) == 1 else self.expr(den)
            for n in self.names_of(den.children[0] if node_kind(den) == "group" and den.children else den):
                if _capital(n):
                    self.numbers.add(n)
            shape = top if bottom is not None and bottom[0] == "S" else None
        else:
            self.walk(base)
            shape = None
        for s in sups:
            word = script_word(s.children[1])
            if word == "T" and getattr(self, "t_is_value", False):
                shape = None  # x^T where T is also a number: a power or a transpose, typing nothing
            elif word in _TRANSPOSE_WORDS:
                if not member:
                    self.mark_by_case(name, "transposed")
                if name is not None and shape is None:
                    shape = self.shape_of(name)
                shape = _transpose(shape)
            elif _is_inverse(s.children[1]):
                if name is not None and _capital(name) and not member:
                    self.mark(name, "matrix", "inverted")
                    if shape is None:
                        shape = self.shape_of(name)
                if shape is not None and shape[0] == "M":
                    self.sizes.unify(shape[1], shape[2]) or self.clash("the inverse of a matrix that is not square")
                elif shape is not None and shape[0] != "S":
                    shape = None
            elif self.is_number(s.children[1]):
                if shape is not None and shape[0] == "M":
                    self.sizes.unify(shape[1], shape[2]) or self.clash("a power of a matrix that is not square")
                elif shape is not None and shape[0] != "S":
                    shape = None
            else:
                self.walk(s)
                if name is not None and _capital(name):
                    self.numbers.add(name)  # A^x: a number
                shape = None if shape is None or shape[0] != "S" else shape
        return shape

    current_inferred: tuple = ()


_WORD = {"S": "number", "V": "column vector", "R": "row vector", "M": "matrix"}
_FUNCTIONS = {"exp", "log", "ln", "sin", "cos", "tan", "tanh", "sinh", "cosh", "sqrt", "arctan", "arcsin", "arccos",
              "sigma", "min", "max", "sec", "csc", "cot", "sech", "csch", "coth"}


def _text(node) -> str:
    """The tokens of a node, joined (for recognising d and \\partial in a fraction)."""
    if isinstance(node, Tree):
        return "".join(_text(c) for c in node.children)
    return str(node)


def _terms(node) -> list:
    kind = node_kind(node)
    if kind in ("add", "sub"):
        return _terms(node.children[0]) + _terms(node.children[2])
    if kind in ("neg", "pos"):
        return _terms(node.children[1])
    return [node]


def _transpose(shape):
    if shape is None or shape[0] == "S":
        return shape
    if shape[0] == "V":
        return ("R", shape[1])
    if shape[0] == "R":
        return ("V", shape[1])
    return ("M", shape[2], shape[1])


def _is_inverse(arg) -> bool:
    return _text(arg).replace(" ", "") in ("{-1}", "-1")


def _index_letters(arg) -> tuple[str, ...]:
    """The index letters of a subscript: i, {ij}, {i,j} (else ())."""
    text = _text(arg).replace(" ", "").strip("{}").replace(",", "")
    return tuple(text) if text.isalpha() and text.islower() and len(text) <= 2 else ()


def _settled(run: "_Pass", name: str) -> bool:
    """Whether the name's inferred shape has every size tied to a size the document names (a vector of length d)."""
    shape = run.shape_of(name)
    return len(shape) > 1 and all(isinstance(v, int) and run.sizes.find(v) in run.sizes.fixed for v in shape[1:])


def infer(formulas: list[tuple[list[tuple[str, int]], list[str]]], known: dict[str, tuple], size_name,
          taken: set[str], excluded: set[str], indices: set[str] = frozenset(),
          declared: set[str] = frozenset(), prime_transpose: bool = False,
          families: dict[str, str] | None = None) -> Inferred:
    """The types the document's use gives its undeclared names.

    ``formulas``: the chains, as ((term text, line), ...) and their relations; ``indices``: the index
    letters (a name written with one index letter and with two is a conflict, unless ``declared``, by
    the notation or the prose); ``known``: the declared
    names (name -> ("vector", size) | ("matrix", rows, cols) | ("scalar",)); ``size_name`` maps a size
    to its canonical name; ``taken``: names a fresh size may not take; ``excluded``: names never typed
    here (functions). A name a display defines (its lone left side, not used before) is typed by its
    definition, not here.
    """
    trees, seen, defined = [], set(), set(excluded)
    for terms, relations in formulas:
        parsed = []
        for n, (text, line) in enumerate(terms):
            try:
                tree = parser().parse(text)
            except (LarkError, FormulaError, RecursionError):
                tree = None
            parsed.append((tree, line, names_in(text)))
        if len(parsed) > 1 and relations and relations[0] in ("=", ":=") and parsed[0][0] is not None:
            lone = _Pass({}, {}, size_name, set()).lone_name(parsed[0][0])
            if lone is not None and lone not in seen and lone not in known:
                defined.add(lone)
        for _, _, names in parsed:
            seen |= names
        trees.append((parsed, relations))
    known = {k: v for k, v in known.items() if k not in defined}
    # (x of x_i^\top w, a family of vectors from its use: x_i a vector of a length the products give)
    known.update({family_key(name): ("family", count) for name, count in (families or {}).items()})
    # T used as a number somewhere (\gamma^{T-1}, \sum_{t=1}^{T-1}, T/2): a ^T is then a power T as much as a
    # transpose, and types nothing
    t_is_value = any(re.search(r"(?<![\\A-Za-z])T(?![A-Za-z])", re.sub(r"\^\s*(?:T|\{\s*T\s*\})(?![A-Za-z])", " ", text))
                     for terms, _ in formulas for text, _ in terms)

    def run_with(kinds) -> _Pass:
        run = _Pass(known, kinds, size_name, defined)
        run.indices = set(indices)
        run.prime_transpose = prime_transpose
        run.t_is_value = t_is_value
        _run(run, trees)
        return run

    kinds: dict[str, str] = {}
    evidence: dict[str, tuple[int, str]] = {}
    for _ in range(3):
        for _ in range(8):
            run = run_with(kinds)
            if not run.new_kinds:
                break
            for n, (kind, line, why) in run.new_kinds.items():
                kinds[n] = kind
                evidence[n] = (line, why)
        # y - m with y a vector, and y_i - m: m added to a vector once and to a number elsewhere, a number
        # (added to every entry) as much as a vector; left untyped, so that where it meets a vector it is refused
        weak = {n for n, (_, why) in evidence.items() if why.startswith("added to a") and n in run.scalar_sums}
        if not weak:
            break
        defined |= weak
        kinds = {n: k for n, k in kinds.items() if n not in weak}
        evidence = {n: e for n, e in evidence.items() if n not in weak}
    # Capitals multiplied with each other, with no other evidence and never used as numbers: ambiguous
    # between numbers and matrices. They are typed as matrices, a product at a time, where that types
    # no other name; where it would, the document must say what they are (a conflict: never numbers).
    ambiguous: set[str] = set()
    undecided: dict[str, str] = {}
    components: list[tuple[list[str], int]] = []  # capitals multiplied together, directly or through others
    for group, line in run.capital_products:
        names = list(dict.fromkeys(n for n in group if n not in kinds and n not in run.numbers))
        if len(names) < 2:
            continue
        joined = [c for c in components if set(c[0]) & set(names)]
        merged = list(dict.fromkeys(names + [n for c in joined for n in c[0]]))
        components = [c for c in components if c not in joined] + [(merged, min([line] + [c[1] for c in joined]))]
    for names, line in sorted(components, key=lambda c: (c[1], c[0])):
        names = tuple(sorted(names))
        trial = {**kinds, **{n: "matrix" for n in names}}
        again = run_with(trial)
        if not again.new_kinds and not again.clashes:
            kinds = trial
            for n in names:
                if n not in evidence:
                    evidence[n] = (line, "multiplied with another capital")
                ambiguous.add(n)
                undecided.pop(n, None)
            run = again
        else:
            other, (kind, at, why) = next(iter(again.new_kinds.items())) if again.new_kinds else ("", ("", 0, ""))
            because = (f"as matrices they would make {other} a {kind} (line {at}: {why})" if other
                       else f"as matrices their sizes do not fit (line {again.clashes[0][1]})")
            listed = ", ".join(names)
            for n in names:
                if n not in ambiguous:
                    undecided.setdefault(n, (
                        f"{listed} (multiplied together on line {line}) may be numbers or matrices, and {because}; "
                        f"declare them (\\in \\mathbb{{R}}^{{n \\times n}}) or say \"{listed} are scalars\""))
    out = Inferred(ambiguous=ambiguous, conflicts=dict(undecided))
    # Conflicts: one and two index letters on one name; uses whose shapes do not fit.
    for name, counts in run.subscripts.items():
        if 1 in counts and 2 in counts and name not in declared:
            out.conflicts[name] = (f"{name} is used with one index ({name}_... on line {counts[1]}) and with two "
                                   f"(line {counts[2]}); use two names")
    for names, line, what in run.clashes:
        for n in sorted(names):
            if n in kinds and evidence[n][0] < line and _settled(run, n):
                # X (\sigma(X w) - y) with X declared n x d, of a w whose length d an earlier line settles: the product
                # is the claim's mistake, refuted or left by shape where it is checked; w keeps its type elsewhere
                continue
            if n in kinds and n not in out.conflicts:
                out.conflicts[n] = (f"{n} is read as a {kinds[n]} from its use on line {evidence[n][0]} "
                                    f"({evidence[n][1]}), but line {line} has {what}; declare its shape")
    # Sizes: one name per class of unified size variables.
    names: dict[int, str] = {}
    fresh = [s for s in _SIZE_NAMES if s not in taken]
    used_fresh: list[str] = []

    def name_of(var: int) -> str:
        root = run.sizes.find(var)
        if root in run.sizes.fixed:
            return run.sizes.fixed[root]
        if root not in names:
            if not fresh:
                raise _OutOfNames
            names[root] = fresh.pop(0)
            used_fresh.append(names[root])
        return names[root]

    try:
        for n in sorted(kinds, key=lambda n: (evidence[n][0], n)):
            if n in out.conflicts:
                continue
            shape = run.shape_of(n)
            if shape[0] == "V":
                out.vectors[n] = name_of(shape[1])
            else:
                out.matrices[n] = (name_of(shape[1]), name_of(shape[2]))
            out.lines[n], out.why[n] = evidence[n]
        for n in sorted(families or {}):
            out.families[n] = name_of(run.shape_of(family_key(n))[2])
    except _OutOfNames:
        return Inferred(conflicts=out.conflicts)
    out.sizes = tuple(used_fresh)
    return out


class _OutOfNames(Exception):
    pass


def _run(run: _Pass, trees) -> None:
    for parsed, relations in trees:
        shapes = []
        for tree, line, names in parsed:
            run.line = line
            run.current_inferred = tuple(n for n in names if n in run.kinds)
            shapes.append(run.expr(tree) if tree is not None else None)
        for n, rel in enumerate(relations):
            if rel not in ("=", ":=") or n + 1 >= len(shapes):
                continue
            a, b = shapes[n], shapes[n + 1]
            if a is not None and b is not None and a[0] != "S" and b[0] != "S":
                run.line = parsed[n][1]
                run.same(a, b)
