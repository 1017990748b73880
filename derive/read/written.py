"""Vectors and matrices written out entry by entry: the one pattern their entries show, or a refusal.

``[a_1, a_2, \\dots, a_N]`` and a bmatrix with ``\\vdots`` and ``\\ddots`` show a few entries and leave
the rest to the reader. The pattern is found on the parse trees: the written entries must agree
token by token except at leaves that hold the entry's index (1, 2, ... before the dots, a size
letter in the last entry), so every written entry is an instance of the pattern by construction,
and an entry that does not fit is named in the refusal. A matrix whose diagonal and off-diagonal
entries follow two patterns is read as the two joined by Kronecker's delta, again only when every
written entry fits one of them. Nothing here reads mathematics: the reader reads the pattern.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import sympy as sp
from lark import Token, Tree

from ..errors import FormulaError
from ..model import Reading
from ..notation import fresh_index, size
from . import values as V
from .syntax import item_base, item_scripts, names_under, node_kind, node_word, script_word

__all__ = ["HOLES", "ListPattern", "MatrixPattern", "WrittenReading", "ellipsis_of", "list_pattern",
           "sum_pattern", "matrix_pattern", "index_range"]

# The letters that stand for the row and the column index in a pattern (no document can spell them).
HOLES = ("#i", "#k")

_ORDINALS = {1: "first", 2: "second", 3: "third", 4: "fourth"}


class _Misfit(Exception):
    """The written entries are not instances of one pattern; the message says which entry and why."""


@dataclass(frozen=True)
class ListPattern:
    """The entry pattern of a written-out list: ``tree`` with HOLES[0] for the index, 1..``letter``."""

    tree: object
    letter: str
    before: int  # entries written before the dots
    middle: str | None = None  # the index letter of a typical term between two ellipses (a sum's)


@dataclass(frozen=True)
class MatrixPattern:
    """Entry (i, k) of a written-out matrix: ``tree`` everywhere, or ``diagonal`` where i = k (its
    index is HOLES[0]) and ``off`` elsewhere; rows run 1..``rows``, columns 1..``cols`` (letters)."""

    rows: str
    cols: str
    tree: object = None
    diagonal: object = None
    off: object = None


def ellipsis_of(node) -> str | None:
    """The ellipsis a list element or a matrix cell is (\\dots, \\vdots, ...), or None for an entry."""
    if node_kind(node) == "product" and len(node.children) == 1:
        node = node.children[0]
    if node_kind(node) == "item" and not item_scripts(node):
        node = item_base(node)
    if node_kind(node) == "ellipsis":
        return str(node.children[0])
    return None


# --- comparing entries ------------------------------------------------------------------------------

def _plain(node):
    """The node with braces around a single letter, number or command dropped (x_{1} is x_1)."""
    if isinstance(node, Token):
        return node
    children = [_plain(c) for c in node.children]
    if node.data == "group" and len(children) == 1 and node_kind(children[0]) == "product" \
            and len(children[0].children) == 1:
        item = children[0].children[0]
        if node_kind(item) == "item" and not item_scripts(item) \
                and node_kind(item_base(item)) in ("letter", "number", "command"):
            return item_base(item)
    return Tree(node.data, children)


def _key(node, memo: dict):
    found = memo.get(id(node))
    if found is None:
        if isinstance(node, Token):
            found = (node.type, str(node))
        else:
            found = (str(node.data), tuple(_key(c, memo) for c in node.children))
        memo[id(node)] = (node, found)  # the node is kept so that its id is not reused
        return found
    return found[1]


def _shape(key):
    """A node's key with its letters and numbers left out: what must agree beyond the indices."""
    if isinstance(key, tuple) and len(key) == 2 and key[0] in ("letter", "number"):
        return ("leaf",)
    if isinstance(key, tuple) and len(key) == 2 and isinstance(key[1], tuple):
        return (key[0], tuple(_shape(k) for k in key[1]))
    return key


def _leaf(node) -> str | None:
    """The text of a letter or number leaf (where an index may stand), else None."""
    if isinstance(node, Tree) and node.data in ("letter", "number") and len(node.children) == 1:
        return str(node.children[0])
    return None


def _is_letter(text: str | None) -> bool:
    return text is not None and len(text) == 1 and text.isalpha()


class _Unifier:
    """Walks the written entries side by side; where they differ, an index must stand.

    ``values[n]`` holds entry n's index on each axis: "1", "2", ... or None for the last row or
    column, whose index is the size letter (the same letter in every entry). ``names[n]`` names
    entry n in a refusal.
    """

    def __init__(self, values: list[tuple], names: list[str], axis_names=("index",)):
        self.axis_names = axis_names
        self.values = values
        self.names = names
        self.axes = len(values[0])
        self.letters = [set() for _ in range(self.axes)]
        self.holes = [[] for _ in range(self.axes)]  # per axis: whether each hole is inside a subscript
        self.memo: dict = {}

    def walk(self, nodes: list, in_subscript: bool = False):
        keys = [_key(n, self.memo) for n in nodes]
        if all(k == keys[0] for k in keys):
            return nodes[0]
        texts = [_leaf(n) for n in nodes]
        if all(t is not None for t in texts):
            return self._hole(texts, in_subscript)
        if all(isinstance(n, Tree) for n in nodes) and len({(str(n.data), len(n.children)) for n in nodes}) == 1:
            children = []
            for column in zip(*(n.children for n in nodes)):
                if all(isinstance(c, Token) for c in column):
                    if len({(c.type, str(c)) for c in column}) != 1:
                        raise _Misfit(self._odd_one([(c.type, str(c)) for c in column]))
                    children.append(column[0])
                elif any(isinstance(c, Token) for c in column):
                    raise _Misfit(self._odd_one([_key(c, self.memo) for c in column]))
                else:
                    children.append(self.walk(list(column), in_subscript or nodes[0].data == "sub_script"))
            return Tree(nodes[0].data, children)
        raise _Misfit(self._odd_one(keys))

    def _fits(self, axis: int, texts: list[str]) -> list[int]:
        """The entries whose leaf is not their index on this axis."""
        bad = []
        for n, text in enumerate(texts):
            want = self.values[n][axis]
            if (want is None and not _is_letter(text)) or (want is not None and text != want):
                bad.append(n)
        return bad

    def _hole(self, texts: list[str], in_subscript: bool):
        misses = [self._fits(a, texts) for a in range(self.axes)]
        for axis, bad in enumerate(misses):
            if not bad:
                self.letters[axis].update(t for n, t in enumerate(texts) if self.values[n][axis] is None)
                self.holes[axis].append(in_subscript)
                return Tree("letter", [Token("LETTER", HOLES[axis])])
        raise _Misfit(self._leaf_reason(texts, min(misses, key=len)))

    def _leaf_reason(self, texts: list[str], bad: list[int]) -> str:
        if self.axis_names == ("index",):
            first = texts[0]
            if first != "1" and first.isdigit() and _is_letter(texts[-1]):
                return (f"the index of the first entry is {first}: a written-out list is read when its index runs "
                        f"from 1 (write its entries from index 1)")
            if len(texts) > 2 and first == "1" and texts[1].isdigit() and texts[1] != "2" and _is_letter(texts[-1]):
                return (f"the first entries show the indices 1 and {texts[1]}: a written-out list is read when its "
                        "index runs in steps of 1 (1, 2, 3, ...)")
        sized = [n for n in bad if None in self.values[n] and not _is_letter(texts[n])]
        if len(bad) > 1 and sized and all(t != "1" for n, t in enumerate(texts) if n in sized):
            n = sized[0]
            return (f"{self.names[n]} shows {texts[n]} where the entries differ and its index, the length, should "
                    "stand: a written-out list is read when its entries show their indices (1, 2, ..., N)")
        if len(bad) == 1:
            n = bad[0]
            want = self.values[n]
            shown = " and ".join(v if v is not None else "the size" for v in want)
            return (f"{self.names[n]} shows {texts[n]} where the other entries put its index ({shown}): it does not "
                    "fit their pattern")
        for n, text in enumerate(texts):
            rest = {t for m, t in enumerate(texts) if m != n}
            if len(texts) > 2 and len(rest) == 1 and text not in rest:
                return f"{self.names[n]} shows {text} where the other entries show {rest.pop()}: it does not fit their pattern"
        return "the entries differ beyond their index: " + ", ".join(f"{self.names[n]} shows {texts[n]}" for n in bad[:3])

    def _odd_one(self, keys: list) -> str:
        """Name the one entry that differs from all the others (beyond its indices), when there is one."""
        keys = [_shape(k) for k in keys]
        for n, key in enumerate(keys):
            rest = [k for m, k in enumerate(keys) if m != n]
            if len(rest) >= 2 and all(k == rest[0] for k in rest) and key != rest[0]:
                return f"{self.names[n]} does not fit the pattern of the other entries"
        return "the entries written differ beyond their index: they show no single pattern"

    def letter(self, axis: int) -> str:
        found = self.letters[axis]
        what = self.axis_names[axis]
        if not found:
            raise _Misfit(f"the entries do not show the {what}, so the length it runs to is not written")
        if len(found) > 1:
            raise _Misfit(f"the last entries show two sizes ({', '.join(sorted(found))}) for the {what}")
        return next(iter(found))


_MATRIX_AXES = ("row index", "column index")


def _unify(entries: list, values: list[tuple], names: list[str], axis_names=("index",)):
    unifier = _Unifier(values, names, axis_names)
    tree = unifier.walk([_plain(e) for e in entries])
    return tree, unifier


# --- lists ------------------------------------------------------------------------------------------

_ONE_BEFORE = ("one entry before the dots shows where the list starts but not its step; write two "
               "(f(1), f(2), \\dots, f(N)) or the list by its entry ([f(i)]_{i=1}^{N})")


def _split_dots(elements: list, what: str) -> tuple[list, object, object]:
    """(the entries before the dots, the entry after them, the generic entry written between two
    ellipses or None) of a list with one ellipsis, or with two around one entry (a_1, ..., a_j,
    ..., a_N)."""
    dots = [n for n, e in enumerate(elements) if ellipsis_of(e) is not None]
    middle = None
    if len(dots) == 2 and dots[1] == dots[0] + 2:
        middle = elements[dots[0] + 1]
        elements = elements[:dots[0] + 1] + elements[dots[1] + 1:]
        dots = dots[:1]
    if len(dots) != 1:
        raise FormulaError(f"{what} with {len(dots)} ellipses is not read (one ellipsis, between the first "
                           "entries and the last, or two around one entry: a_1, \\dots, a_j, \\dots, a_N)")
    (at,) = dots
    before, after = elements[:at], elements[at + 1:]
    if not before:
        raise FormulaError(f"{what} that opens with an ellipsis is not read: write its first entries")
    if len(after) != 1:
        raise FormulaError(f"{what} with {len(after)} entries after the ellipsis is not read: write the last "
                           "entry only")
    return before, after[0], middle


def list_pattern(elements: list, what: str = "a written-out list") -> ListPattern:
    """The pattern of a list with dots: its entries before the dots are indices 1, 2, ..., the last the size."""
    before, last, middle = _split_dots(elements, what)
    entries = before + [last]
    values = [(str(n + 1),) for n in range(len(before))] + [(None,)]
    names = [f"the {_ORDINALS.get(n + 1, f'{n + 1}th')} entry" for n in range(len(before))] + ["the last entry"]
    try:
        tree, unifier = _unify(entries, values, names)
        letter = unifier.letter(0)
        if middle is not None:
            # the entry between the two ellipses shows the pattern at a general index (a_j)
            try:
                shown, between = _unify([before[0], middle], [("1",), (None,)], ["the first entry", "the middle entry"])
                general = between.letter(0)
            except _Misfit:
                shown, general = None, None
            if shown != tree or general == letter or not all(between.holes[0]):
                raise _Misfit("the entry between the two ellipses does not show the other entries' pattern at an "
                              "index letter of its own (a_1, \\dots, a_j, \\dots, a_N)")
    except _Misfit as exc:
        raise FormulaError(f"{what}: {exc}") from None
    if len(before) == 1 and not all(unifier.holes[0]):
        raise FormulaError(f"{what}: {_ONE_BEFORE}")
    return ListPattern(tree, letter, len(before))


def sum_pattern(terms: list) -> ListPattern:
    """The pattern of a sum written out term by term, ``a_1 + a_2 + \\dots + a_N``, read as a list's
    entries are; a typical term may stand between two ellipses (``a_1 + \\dots + a_j + \\dots + a_N``)
    when it is the pattern at an index letter of its own."""
    what = "a sum written out with an ellipsis"
    dots = [n for n, e in enumerate(terms) if ellipsis_of(e) is not None]
    if len(dots) != 2 or dots[1] != dots[0] + 2:
        return list_pattern(terms, what)
    first, middle = dots[0], terms[dots[0] + 1]
    pattern = list_pattern(terms[:first + 1] + terms[dots[1] + 1:], what)
    before = terms[:first]
    values = [(str(n + 1),) for n in range(len(before))] + [(None,)]
    names = [f"the {_ORDINALS.get(n + 1, f'{n + 1}th')} term" for n in range(len(before))] + ["the term between the ellipses"]
    try:
        tree, unifier = _unify(before + [middle], values, names)
        letter = unifier.letter(0)
    except _Misfit as exc:
        raise FormulaError(f"{what}: the term between the ellipses is not the pattern of the others ({exc})") from None
    if _key(tree, {}) != _key(pattern.tree, {}) or letter == pattern.letter or not letter.islower():
        raise FormulaError(f"{what}: the term between the ellipses is not the pattern of the others at an index "
                           "of its own (write a_1 + \\dots + a_j + \\dots + a_N)")
    return dataclasses.replace(pattern, middle=letter)


# --- matrices ---------------------------------------------------------------------------------------

def matrix_pattern(rows: list[list]) -> MatrixPattern:
    """The pattern of a matrix written with \\dots, \\vdots and \\ddots (rows of cells)."""
    widths = {len(r) for r in rows}
    if len(widths) != 1:
        raise FormulaError("a written-out matrix whose rows have different numbers of entries is not read")
    (width,) = widths
    dots_rows = [n for n, r in enumerate(rows) if all(ellipsis_of(c) is not None for c in r)]
    entry_rows = [r for r in rows if not all(ellipsis_of(c) is not None for c in r)]
    dots_cols = {n for r in entry_rows for n, c in enumerate(r) if ellipsis_of(c) is not None}
    if len(dots_rows) != 1 or len(dots_cols) != 1:
        raise FormulaError("a written-out matrix is read with one row of \\vdots (and \\ddots) and one column of "
                           "\\dots, between its first rows and columns and its last")
    (row_dots,), (col_dots,) = dots_rows, tuple(dots_cols)
    if any(ellipsis_of(r[col_dots]) is None for r in entry_rows):
        raise FormulaError("a written-out matrix is read when its column of \\dots is the same in every row")
    if row_dots == 0 or row_dots != len(rows) - 2 or col_dots == 0 or col_dots != width - 2:
        raise FormulaError("a written-out matrix is read with its dots just before its last row and its last "
                           "column, after at least one written row and column")
    row_values = [str(n + 1) for n in range(row_dots)] + [None]
    col_values = [str(n + 1) for n in range(col_dots)] + [None]
    cells, values, names = [], [], []
    for r, row in zip(row_values, entry_rows):
        for c, cell in zip(col_values, [c for n, c in enumerate(row) if n != col_dots]):
            cells.append(cell)
            values.append((r, c))
            names.append(f"the entry in {'row ' + r if r else 'the last row'}, {'column ' + c if c else 'the last column'}")
    try:
        tree, unifier = _unify(cells, values, names, _MATRIX_AXES)
    except _Misfit as whole:
        reason = str(whole)
    else:
        try:
            pattern = MatrixPattern(unifier.letter(0), unifier.letter(1), tree=tree)
        except _Misfit as exc:
            raise FormulaError(f"a written-out matrix: {exc}") from None
        return _checked(pattern, unifier, row_dots, col_dots)
    diagonal = [n for n, v in enumerate(values) if v[0] == v[1]]
    off = [n for n, v in enumerate(values) if v[0] != v[1]]
    if row_dots != col_dots:
        raise FormulaError(f"a written-out matrix: {reason}")
    try:
        d, du = _unify([cells[n] for n in diagonal], [(values[n][0],) for n in diagonal],
                       [names[n] for n in diagonal], ("index on the diagonal",))
        o, ou = _unify([cells[n] for n in off], [values[n] for n in off], [names[n] for n in off], _MATRIX_AXES)
        # An index the off-diagonal pattern does not use runs as far as the diagonal's.
        letters = {du.letter(0)} | {ou.letter(a) for a in (0, 1) if ou.letters[a]}
    except _Misfit as split:
        raise FormulaError(f"a written-out matrix: {reason}; nor do its diagonal and its other entries each follow "
                           f"one pattern: {split}") from None
    if len(letters) != 1:
        raise FormulaError("a written-out matrix with a diagonal pattern must be square (one size for its rows "
                           "and columns)")
    (letter,) = letters
    pattern = MatrixPattern(letter, letter, diagonal=d, off=o)
    if row_dots == 1 and not all(du.holes[0] + ou.holes[0] + ou.holes[1]):
        raise FormulaError(f"a written-out matrix: {_ONE_BEFORE.replace('list', 'row or column')}")
    return pattern


def _checked(pattern: MatrixPattern, unifier: _Unifier, row_dots: int, col_dots: int) -> MatrixPattern:
    for axis, before in ((0, row_dots), (1, col_dots)):
        if before == 1 and not all(unifier.holes[axis]):
            raise FormulaError(f"a written-out matrix: {_ONE_BEFORE.replace('list', 'row or column')}")
    return pattern


# --- [f(i)]_{i=1}^{N} -------------------------------------------------------------------------------

def index_range(sub, sup) -> tuple[str, object]:
    """(index letter, upper limit node) of ``_{i=1 \\dots N}`` or ``_{i=1}^{N}`` after a bracket."""
    if node_kind(sub) != "group" or len(sub.children) != 3 or str(sub.children[1]) != "=":
        raise FormulaError("a bracket with a subscript is read as [f(i)]_{i=1}^{N} or [f(i)]_{i=1 \\dots N}")
    left, _, right = sub.children
    letter = _single(left)
    if not _is_letter(letter):
        raise FormulaError("the index of [f(i)]_{i=1}^{N} must be a single letter")
    parts = right.children if node_kind(right) == "product" else [right]
    if sup is None:
        bases = [item_base(p) if node_kind(p) == "item" and not item_scripts(p) else None for p in parts]
        if len(bases) != 3 or node_kind(bases[1]) != "ellipsis" or any(b is None for b in bases):
            raise FormulaError("the range of [f(i)]_{i=1 \\dots N} is written i = 1 \\dots N")
        lower, upper = bases[0], bases[2]
    else:
        lower, upper = right, sup
    if _single(lower) != "1":
        raise FormulaError("a vector written by its entry is read when its index runs from 1")
    return letter, upper


def _single(node) -> str | None:
    """The text of a lone letter or number (possibly wrapped in a product, an item or braces)."""
    while True:
        if node_kind(node) == "group" and len(node.children) == 1:
            node = node.children[0]
        elif node_kind(node) == "product" and len(node.children) == 1:
            node = node.children[0]
        elif node_kind(node) == "item" and not item_scripts(node):
            node = item_base(node)
        else:
            return _leaf(node)


# --- the reader's half ------------------------------------------------------------------------------

_TRANSPOSES = ("T", "\\top", "\\intercal", "\\mathsf{T}", "\\mathrm{T}")
MAX_WRITTEN = 64  # entries of a list or matrix written out in full, without dots


class WrittenReading:
    """Reads written-out vectors and matrices into values (mixed into the Reader).

    A list with commas, ``[a_1, a_2, \\dots, a_N]`` or ``(x_1, \\ldots, x_n)``, is a row (1 × N), as a
    bmatrix with one row is; ``^\\top`` makes it a column, as a bmatrix with one column and
    ``[f(i)]_{i=1}^{N}`` are. A matrix is read only as a whole side.
    """

    @staticmethod
    def link_problem(a: V.Value | None, b: V.Value | None) -> str:
        """Why a link between these two values is not checked, or "".

        A matrix equated with a formula in free indices (a bmatrix = its entry in i and k) may mean
        that the formula is its entry; which index runs down the rows is not written, so neither
        that reading nor a refutation by shape is given.
        """
        for matrix, other in ((a, b), (b, a)):
            if matrix is not None and other is not None and matrix.is_matrix and not other.is_vector \
                    and not other.is_matrix:
                bound = {v for e in other.expr.atoms(sp.Sum, sp.Product) for v, *_ in e.limits}
                # (an entry's own placeholders, _row and _col, are not indices the document wrote)
                free = sorted(str(s) for s in other.expr.atoms(sp.Idx) - bound if not str(s).startswith("_"))
                if free:
                    return (f"a matrix equated with a formula in the free {'index' if len(free) == 1 else 'indices'} "
                            f"{', '.join(free)}: the formula may be its entry, and which index runs down the rows is "
                            "not written; write the entry with its indices on both sides")
        return ""

    def _written_array(self, base, scripts, env, whole: bool) -> V.Value:
        kind = node_kind(base)
        if kind == "bracket" and len(base.children) == 1:
            return self._written_by_entry(base.children[0], scripts, env)
        transposed = self._transposed(scripts)
        if kind == "environment":
            name = str(base.children[0])
            name = name[name.index("{") + 1:-1]
            rows = [[cell.children[0] for cell in row.children if node_kind(cell) == "cell"]
                    for row in base.children if node_kind(row) == "mrow"]
            if name == "vmatrix" and len(rows) >= 2 and all(len(r) == len(rows) for r in rows) \
                    and all(ellipsis_of(c) is None for r in rows for c in r) and not transposed:
                # |a b; c d| written out: the determinant of the square matrix of those entries
                from .products import determinant
                return determinant(self._fixed_matrix(rows, env))
            if name in ("vmatrix", "Vmatrix"):
                raise FormulaError(f"\\begin{{{name}}} is a determinant of a square matrix written out in full, or a "
                                   "norm: this one is neither read")
            if all(len(r) == 1 for r in rows) and len(rows) > 1:
                value = self._written_vector([r[0] for r in rows], env, False, "a written-out column")
            elif len(rows) == 1:
                value = self._written_vector(rows[0], env, True, "a written-out row")
            else:
                # (inside a formula it takes part in products and sums of matrices, \frac{1}{6} (...), A - (...))
                value = self._written_matrix(rows, env)
        else:
            value = self._written_vector(list(base.children), env, True, "a written-out list")
        return self._transpose(value) if transposed else value

    def _transposed(self, scripts) -> bool:
        if not scripts:
            return False
        if len(scripts) == 1 and scripts[0].data == "sup_script":
            arg = scripts[0].children[1]
            word = script_word(arg)
            if word in _TRANSPOSES or (node_kind(arg) == "text" and word == "T"):
                if word == "T" and self.notation.kind_of("T") is not None:
                    raise FormulaError("^T after a written-out vector: T is declared, so it may be a power; "
                                       "write ^\\top for the transpose")
                return True
        raise FormulaError("a written-out vector or matrix takes no script but a transpose (^\\top)")

    @staticmethod
    def _transpose(value: V.Value) -> V.Value:
        if not value.is_matrix:
            return dataclasses.replace(value, row=not value.row)
        rows, cols = value.size, value.cols
        swap = {V.entry_index(rows): V.column_index(rows), V.column_index(cols): V.entry_index(cols)}
        return dataclasses.replace(value, expr=value.expr.xreplace(swap), size=cols, cols=rows)

    def _written_sum(self, terms: list, env) -> V.Value:
        """``a_1 + a_2 + \\dots + a_N``: the sum over an index of the pattern its terms show."""
        what = "a sum written out with an ellipsis"
        try:
            pattern = sum_pattern(terms)
        except FormulaError:
            first = terms[0]
            if node_kind(first) == "product" and len(first.children) > 1:
                try:
                    sum_pattern([Tree("product", [first.children[-1]])] + terms[1:])
                except FormulaError:
                    pass
                else:
                    # d/dx a_1 + \dots + a_N: the derivative of the first term, or of the sum?
                    raise FormulaError(f"{what}: its first term carries a factor or operator the others do not; "
                                       "if it applies to the whole sum, put the sum in parentheses "
                                       "(\\frac{d}{dx}(a_1 + \\dots + a_N))") from None
            raise
        length = self._written_size(pattern.letter, pattern.tree, env)
        if pattern.middle is not None and (self.notation.size_name(pattern.middle) or pattern.middle in env):
            raise FormulaError(f"{what}: the term between the ellipses shows {pattern.middle}, which is "
                               f"{'a size' if pattern.middle not in env else 'bound here'}, where a typical index "
                               "should stand")
        j = fresh_index(V.entry_index(length), 1, length, stem="_w")
        entry = self._entry_value(pattern.tree, {**env, HOLES[0]: j}, what)
        return entry.with_expr(sp.Sum(entry.expr, (j, 1, length)))

    def _written_vector(self, elements: list, env, row: bool, what: str) -> V.Value:
        if all(ellipsis_of(e) is None for e in elements):
            return self._fixed_vector(elements, env, row, what)
        pattern = list_pattern(elements, what)
        length = self._written_size(pattern.letter, pattern.tree, env)
        entry = self._entry_value(pattern.tree, {**env, HOLES[0]: V.entry_index(length)}, what)
        return V.Value(entry.expr, length, entry.conventions, row=row)

    def _fixed_vector(self, elements: list, env, row: bool, what: str) -> V.Value:
        if len(elements) > MAX_WRITTEN:
            raise FormulaError(f"{what} of {len(elements)} entries is beyond the limit of {MAX_WRITTEN}")
        entries = [self._entry_value(e, env, what) for e in elements]
        length = sp.Integer(len(entries))
        p = V.entry_index(length)
        expr = sp.Add(*[e.expr * sp.KroneckerDelta(p, n + 1) for n, e in enumerate(entries)])
        return V.Value(expr, length, tuple(dict.fromkeys(c for e in entries for c in e.conventions)), row=row)

    def _written_matrix(self, rows: list[list], env) -> V.Value:
        if all(ellipsis_of(c) is None for r in rows for c in r):
            return self._fixed_matrix(rows, env)
        pattern = matrix_pattern(rows)
        what = "a written-out matrix"
        shown = pattern.tree if pattern.tree is not None else pattern.off
        rows_size = self._written_size(pattern.rows, shown, env)
        cols_size = self._written_size(pattern.cols, shown, env)
        if pattern.diagonal is not None:
            self._written_size(pattern.rows, pattern.diagonal, env)
        p, q = V.entry_index(rows_size), V.column_index(cols_size)
        if pattern.tree is not None:
            entry = self._entry_value(pattern.tree, {**env, HOLES[0]: p, HOLES[1]: q}, what)
            return V.Value(entry.expr, rows_size, entry.conventions, cols=cols_size)
        diagonal = self._entry_value(pattern.diagonal, {**env, HOLES[0]: p}, what)
        off = self._entry_value(pattern.off, {**env, HOLES[0]: p, HOLES[1]: q}, what)
        delta = sp.KroneckerDelta(p, q)
        return V.Value(delta * diagonal.expr + (1 - delta) * off.expr, rows_size,
                       tuple(dict.fromkeys(diagonal.conventions + off.conventions)), cols=cols_size)

    def _fixed_matrix(self, rows: list[list], env) -> V.Value:
        if len({len(r) for r in rows}) != 1:
            raise FormulaError("a written-out matrix whose rows have different numbers of entries is not read")
        if sum(len(r) for r in rows) > MAX_WRITTEN:
            raise FormulaError(f"a written-out matrix of more than {MAX_WRITTEN} entries is not read")
        rows_size, cols_size = sp.Integer(len(rows)), sp.Integer(len(rows[0]))
        p, q = V.entry_index(rows_size), V.column_index(cols_size)
        terms, conventions = [], []
        for r, row in enumerate(rows):
            for c, cell in enumerate(row):
                entry = self._entry_value(cell, env, "a written-out matrix")
                terms.append(entry.expr * sp.KroneckerDelta(p, r + 1) * sp.KroneckerDelta(q, c + 1))
                conventions += entry.conventions
        return V.Value(sp.Add(*terms), rows_size, tuple(dict.fromkeys(conventions)), cols=cols_size)

    def _written_by_entry(self, element, scripts, env) -> V.Value:
        """[f(i)]_{i=1}^{N}, [f(i)]_{i=1 \\dots N}: the vector whose entry i is f(i)."""
        subs = [s for s in scripts if s.data == "sub_script"]
        sups = [s for s in scripts if s.data == "sup_script"]
        if len(subs) != 1 or len(sups) > 1 or len(scripts) != len(subs) + len(sups):
            raise FormulaError("a vector or matrix written out in brackets is read with commas between its entries "
                               "([a_1, a_2, \\dots, a_N]) or by its entry ([f(i)]_{i=1}^{N})")
        sub = subs[0].children[1]
        if sups and not (node_kind(sub) == "group" and len(sub.children) == 3 and str(sub.children[1]) == "="):
            return self._evaluated_between(element, sub, sups[0].children[1], env)
        letter, upper = index_range(sub, sups[0].children[1] if sups else None)
        length = self._written_size(index_range_letter(upper), element, env)
        if letter in env or self.notation.kind_of(letter) in ("vector", "matrix", "function", "size"):
            raise FormulaError(f"{letter} already means something here; it cannot be the index of [f({letter})]")
        entry = self._entry_value(element, {**env, letter: V.entry_index(length)}, "a vector written by its entry")
        self._check_lengths(entry.expr, V.entry_index(length))
        return V.Value(entry.expr, length, entry.conventions)

    def _evaluated_between(self, element, lower, upper, env) -> V.Value:
        """[F(x)]_a^b, F(b) - F(a), where x is the one letter in the bracket that the document integrates over
        (\\int ... dx): the evaluation bar of an integration by parts."""
        letters = sorted(n for n in names_under(element) if n in self.usage.integrated and n not in env)
        if len(letters) != 1:
            raise FormulaError("a bracket with a subscript and a superscript is read as an evaluation [F(x)]_a^b only "
                               "in the variable of an integral the document writes (\\int_a^b f(x) \\, dx), and "
                               "otherwise as [f(i)]_{i=1}^{N}")
        (word,) = letters
        a, b = self._integral_bound(lower, env), self._integral_bound(upper, env)
        if sp.oo in (a, b) or -sp.oo in (a, b):
            raise FormulaError("an evaluation [F(x)]_a^b at \\infty is a limit: write it as \\lim")
        x = sp.Dummy(word.lstrip("\\"), real=True)
        with V.domain_conditions():
            inner = self._entry_value(element, {**env, word: x}, "an evaluation [F(x)]_a^b")
        if inner.is_vector or inner.is_matrix or inner.row or inner.expr.has(sp.Indexed):
            raise FormulaError("an evaluation [F(x)]_a^b is read only of a formula in numbers")
        self.notes.append(Reading("inferred", f"$[\\,\\cdot\\,]_a^b$ is the difference of the bracket's values at "
                                              f"${word} = b$ and ${word} = a$ (${word}$ is integrated over in the document)"))
        return V.Value(inner.expr.xreplace({x: b}) - inner.expr.xreplace({x: a}))

    def _written_size(self, letter: str | None, tree, env) -> sp.Expr:
        """The length the last entry's index names: a size of the notation, or an undeclared letter."""
        if letter is None:
            raise FormulaError("the upper limit of [f(i)]_{i=1}^{N} must be a size letter")
        if letter in env:
            raise FormulaError(f"the last index {letter} is bound here (by a sum?), it is not a length")
        if self.notation.size_name(letter):
            return self.size_symbol(letter)
        kind = self.notation.kind_of(letter)
        if kind is not None or letter in ("e", "d"):
            raise FormulaError(f"the last index {letter} is {'a declared ' + kind if kind else 'a constant'}, "
                               "not a length: end the list with a size (x_N)")
        if letter in self.scalar_letters:
            raise FormulaError(f"{letter} ends a written-out list and is used as a number elsewhere in the document; "
                               f"declare {letter} as a size in the notation file")
        if tree is not None and _mentions(tree, letter):
            raise FormulaError(f"{letter} is the length of the written-out vector and a value in its entries; "
                               f"declare {letter} as a size in the notation file")
        return size(letter)

    def _entry_value(self, tree, env, what: str) -> V.Value:
        value = self._expr(tree, env)
        if value.is_vector or value.row:
            raise FormulaError(f"{what}: an entry is itself a vector (entries are read as numbers)")
        for index in (env.get(HOLES[0]), env.get(HOLES[1])):
            if index is not None:
                self._check_lengths(value.expr, index)
        return value

    def _check_lengths(self, expr, index) -> None:
        """x_i with i running to M where x is declared of length N: refused, not read past x's end."""
        declared = {name: (length,) for name, length in self.notation.vectors.items()}
        declared.update(self.notation.matrices)
        for entry in expr.atoms(sp.Indexed):
            for name, sizes in declared.items():
                if self.bases[name] != entry.base or len(sizes) != len(entry.indices):
                    continue
                for at, length in zip(entry.indices, sizes):
                    if at == index and self.size_symbol(length) != index.upper:
                        raise FormulaError(f"{name} runs to {self.size_symbol(length)} along an axis where the "
                                           f"written-out entries run to {index.upper}")


def index_range_letter(node) -> str | None:
    text = _single(node)
    return text if _is_letter(text) else None


def _mentions(tree, letter: str) -> bool:
    if isinstance(tree, Token):
        return False
    if tree.data == "letter" and str(tree.children[0]) == letter:
        return True
    return any(_mentions(c, letter) for c in tree.children)
