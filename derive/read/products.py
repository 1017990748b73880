"""Matrix terms in the reader: products of matrices and vectors, outer and Hadamard products, traces,
diagonals, the identity, the ones vector and Jacobians.

A term that involves a whole matrix is built as a derive.matrix expression of symbolic shape (the
vectors it meets enter as Entries leaves, a vector being a column unless transposed) and is turned
into entries by derive.matrix.translate, the translation the Python API uses: shapes are checked
there, in one place. Operands whose shapes do not fit make the term a misfit (ShapeMisfit), and a
claim with it is refuted by shape; a product that fits only if a vector were a row where derive
reads a column is refused with how to write it, never refuted.
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy as sp
from sympy import Idx, MatrixSymbol
from sympy.matrices.expressions import MatPow

import derive.matrix as M  # (derive.matrix the module; derive exports a function of that name)
from ..concrete import expand_sums
from ..errors import FormulaError, ShapeMismatch, Unsupported
from ..notation import DeterminantOf, InverseEntryOf, fresh_index
from . import values as V

__all__ = ["MatrixTerm", "ShapeMisfit", "as_term", "leaf", "product", "add", "finish", "to_value", "transposed", "power",
           "entry", "trace_of", "diag_of", "jacobian", "identity", "ones", "NUMERATOR", "DENOMINATOR"]

NUMERATOR, DENOMINATOR = "numerator", "denominator"
MAX_MATRIX_POWER = 4


ShapeMisfit = V.ShapeMisfit  # operands whose shapes do not fit (values.py raises it too)


@dataclass(frozen=True)
class MatrixTerm:
    """A term being read that is (or involves) a whole matrix: a derive.matrix expression.

    ``alternative``: for a diagonal Jacobian, the same term read entry by entry (a vector)."""

    m: sp.Basic
    conventions: tuple[str, ...] = ()
    alternative: V.Value | None = None

    is_vector = False
    is_matrix = True
    row = False

    @property
    def expr(self):
        # Anything that wants a number or a vector of a matrix says so, instead of failing inside.
        raise FormulaError("a matrix where a number or a vector is expected is not read")

    @property
    def size(self):
        raise FormulaError("a matrix where a number or a vector is expected is not read")

    def scaled(self, c: sp.Expr) -> "MatrixTerm":
        return MatrixTerm(M.matmul(c, self.m), self.conventions)


def _conventions(*terms) -> tuple[str, ...]:
    return tuple(dict.fromkeys(c for t in terms for c in t.conventions))


def leaf(v) -> sp.Basic:
    """The matrix expression of a term: a vector is a column (a row when transposed)."""
    if isinstance(v, MatrixTerm):
        return v.m
    if v.misfit is not None:
        raise ShapeMisfit("the shapes do not fit", v.misfit)
    if v.is_matrix:
        return M.Entries(v.expr, v.size, v.cols, V.row_index(v.size), V.col_index(v.cols))
    if v.row:
        return M.Entries(v.expr, 1, v.size, None, V.entry_index(v.size))
    if v.is_vector:
        return M.Entries(v.expr, v.size, 1, V.entry_index(v.size), None)
    raise FormulaError("a number where a matrix is expected")


def _is_scalar(v) -> bool:
    return not isinstance(v, MatrixTerm) and not v.is_vector and not v.row and not v.is_matrix


def _translate(term: MatrixTerm) -> M.Translated:
    try:
        t = M.translate(term.m, unique=True)
        # The reader takes denominator layout only where the document declares it: not a convention.
        return M.Translated(t.shape, t.at, tuple(c for c in t.conventions if c != M.DENOMINATOR_LAYOUT))
    except ShapeMismatch as exc:
        if exc.misfit is not None and _mixed_sizes(exc.misfit):
            # a written-out example (2 x 2) beside a matrix of any size (n x p): no misfit for every n, p
            raise FormulaError(f"{exc}, where the sizes of one operand are numbers and those of another are not: "
                               "an example of some sizes, or a general claim? write the example with its own names "
                               "or all of it written out") from None
        if exc.misfit is not None:
            raise ShapeMisfit(str(exc), exc.misfit) from None
        raise FormulaError(str(exc)) from None
    except Unsupported as exc:
        raise FormulaError(str(exc)) from None


def _mixed_sizes(misfit) -> bool:
    """Whether operands of a misfit have sizes that are numbers beside sizes that are not (2 x 2 against n x p)."""
    sizes = [sp.sympify(s) for shape in misfit.shapes for s in shape]
    return any(s.is_Integer and s != 1 for s in sizes) and any(not s.is_number for s in sizes)


def _at(t: M.Translated, r, c) -> sp.Expr:
    try:
        return t.at(r, c)
    except Unsupported as exc:
        raise FormulaError(str(exc)) from None


def _shape(v) -> tuple | None:
    """The shape of a term, or None when it cannot be told yet (a misfit inside is reported later)."""
    if isinstance(v, MatrixTerm):
        try:
            return M.translate(v.m, unique=True).shape
        except (ShapeMismatch, Unsupported):
            return None
    if v.is_matrix:
        return (v.size, v.cols)
    if v.row:
        return (sp.S.One, v.size)
    if v.is_vector:
        return (v.size, sp.S.One)
    return (sp.S.One, sp.S.One)


def _many(s) -> bool:
    """A size that is not 1 (a size taken from context may be anything)."""
    return not isinstance(s, M.AnySize) and s != 1


def product(left, op: str | None, right) -> MatrixTerm:
    """left op right where either is a matrix (or a vector meets a transposed one)."""
    if _is_scalar(left) and _is_scalar(right):
        return V.divide(left, right) if op in ("/", "\\div") else V.multiply(left, right)
    if _is_scalar(left) and op in (None, "\\cdot"):
        return as_term(right).scaled(left.expr)
    if _is_scalar(right) and op in (None, "\\cdot", "/", "\\div"):
        c = right.expr if op in (None, "\\cdot") else 1 / right.expr
        if op in ("/", "\\div") and not right.expr.is_number:
            V.requires(sp.Ne(right.expr, 0, evaluate=False))
        return as_term(left).scaled(c)
    if op in ("\\circ", "\\odot"):
        # a diagonal Jacobian times a vector entry by entry: the derivative entry by entry (a convention)
        if isinstance(left, MatrixTerm) and left.alternative is not None and not isinstance(right, MatrixTerm) \
                and right.is_vector:
            left = left.alternative
        if isinstance(right, MatrixTerm) and right.alternative is not None and not isinstance(left, MatrixTerm) \
                and left.is_vector:
            right = right.alternative
        if not isinstance(left, MatrixTerm) and not isinstance(right, MatrixTerm) and left.is_vector \
                and right.is_vector and not left.row and not right.row:
            return V.multiply(left, right, hadamard=True)
        return MatrixTerm(M.hadamard(leaf(left), leaf(right)), _conventions(left, right))
    conventions = _conventions(left, right)
    if op not in (None, "\\cdot"):
        raise FormulaError(f"{op} with a matrix is not read (only products, \\circ and \\odot)")
    sl, sr = _shape(left), _shape(right)
    if sl is not None and sr is not None:
        # A column before something of many rows, or something of many columns before a row: these
        # fit only if a vector derive reads as a column were a row (or the other way round).
        if sl[1] == 1 and _many(sl[0]) and _many(sr[0]):
            raise FormulaError("a column vector times something with more than one row is not read: a vector is a "
                               "column; write x^\\top A for a row times a matrix, u^\\top v for an inner product, "
                               "or \\circ for the entry-by-entry product")
        if sr[0] == 1 and _many(sr[1]) and _many(sl[1]):
            raise FormulaError("something with more than one column times a transposed vector (a row) is not read; "
                               "write A x for a matrix times a vector, u v^\\top for an outer product")
    return MatrixTerm(M.matmul(leaf(left), leaf(right)), conventions)


def as_term(v) -> MatrixTerm:
    """A term as a matrix term (a matrix written out entry by entry, a vector as a column or a row)."""
    return v if isinstance(v, MatrixTerm) else MatrixTerm(leaf(v), v.conventions)


def add(left, right, negative: bool) -> MatrixTerm:
    """left + right (or left - right) where either is a matrix."""
    if _is_scalar(left) or _is_scalar(right):
        raise FormulaError("a number plus a matrix is not read; write c I for a multiple of the identity")
    r = leaf(right)
    if negative:
        r = M.matmul(-1, r)
    return MatrixTerm(M.plus(leaf(left), r), _conventions(left, right))


def finish(term: MatrixTerm):
    """A matrix term whose shape turns out a number, a vector or a row becomes that Value; a matrix stays.
    So does a term whose size is still to be taken from what it meets (s \\mathbf{1} before x + s \\mathbf{1})."""
    if any(isinstance(s, M.AnySize) for s in term.m.free_symbols):
        try:
            M.translate(term.m, unique=True)
        except Unsupported as exc:
            if "cannot be told from what it meets" in str(exc):
                return term
        except ShapeMismatch:
            pass
    t = _translate(term)
    rows, cols = t.shape
    conventions = _conventions(term) + tuple(c for c in t.conventions if c not in term.conventions)
    if rows == 1 and cols == 1:
        return V.Value(_at(t, sp.S.One, sp.S.One), None, conventions)
    if cols == 1:
        return V.Value(_at(t, V.entry_index(rows), sp.S.One), rows, conventions)
    if rows == 1:
        return V.Value(_at(t, sp.S.One, V.entry_index(cols)), cols, conventions, row=True)
    return MatrixTerm(term.m, conventions, term.alternative)


def shape_of(term: MatrixTerm) -> tuple:
    """(rows, cols) of a matrix term."""
    return tuple(_translate(term).shape)


def sized(term: MatrixTerm, length) -> V.Value | MatrixTerm:
    """A term whose size is still to be taken from what it meets, given the length it takes (the argument of a
    function of vectors of that length)."""
    wild = {s: length for s in term.m.free_symbols if isinstance(s, M.AnySize)}
    return finish(MatrixTerm(term.m.xreplace(wild), term.conventions, term.alternative)) if wild else term


def to_value(term: MatrixTerm) -> V.Value:
    """The Value of a whole term that is a matrix: its entry at (row_index, col_index)."""
    t = _translate(term)
    rows, cols = t.shape
    conventions = _conventions(term) + tuple(c for c in t.conventions if c not in term.conventions)
    return V.Value(_at(t, V.row_index(rows), V.col_index(cols)), rows, conventions, cols=cols,
                   alternative=term.alternative)


def transposed(v) -> MatrixTerm:
    return MatrixTerm(M.transpose(leaf(v)), v.conventions)


_MAX_EXPLICIT = 4  # the largest written-out matrix whose determinant or inverse is computed


def _translated_matrix(term, what: str) -> tuple:
    """The translation of a matrix term (a matrix value too) and its rows and columns; refused for anything else."""
    if isinstance(term, V.Value) and term.is_matrix:
        term = MatrixTerm(leaf(term), term.conventions)
    if not isinstance(term, MatrixTerm):
        raise FormulaError(f"{what} of something that is not a matrix is not read")
    t = _translate(term)
    rows, cols = (sp.sympify(s) for s in t.shape)
    return t, rows, cols


def _explicit(term, what: str) -> sp.Matrix:
    """The entries of a square matrix of a size that is a number (written out, or defined so), as a SymPy Matrix."""
    t, rows, cols = _translated_matrix(term, what)
    if not (rows.is_Integer and cols.is_Integer) or rows != cols or not 1 <= int(rows) <= _MAX_EXPLICIT:
        raise FormulaError(f"{what} is read only of a square matrix written out with its entries (up to "
                           f"{_MAX_EXPLICIT} x {_MAX_EXPLICIT}), not of a matrix of general size")
    n = int(rows)
    return sp.Matrix(n, n, lambda r, c: _written_out(_at(t, sp.Integer(r + 1), sp.Integer(c + 1))))


def _written_out(entry: sp.Expr) -> sp.Expr:
    """An entry with its sums of whole-number limits written out term by term (M^3's entries numbers: a determinant
    of unevaluated sums takes minutes); as it is where a sum's limits are letters."""
    try:
        return expand_sums(entry, {})
    except Unsupported:
        return entry


def _of_any_size(term, what: str) -> "tuple[sp.Lambda, sp.Expr] | None":
    """A square matrix whose size is a letter (n x n), as its entry at two fresh indices and its size; None
    for one of a size that is a number (written out: _explicit)."""
    t, rows, cols = _translated_matrix(term, what)
    if rows.is_Integer and cols.is_Integer:
        return None
    if isinstance(rows, M.AnySize) or isinstance(cols, M.AnySize) or sp.expand(rows - cols) != 0:
        raise FormulaError(f"{what} of a {M.shape_text(t.shape)} matrix: it is read only of a square one")
    r, c = (fresh_index(None, 1, rows, stem) for stem in ("_row", "_col"))
    return sp.Lambda((r, c), _at(t, r, c)), rows


def _diagonal_entry(entry: sp.Lambda):
    """d(r) where the matrix's entry is delta_rc d(r) (a diagonal matrix, sI), else None."""
    r, c = entry.variables
    body = sp.expand(entry.expr)
    d = sp.KroneckerDelta(r, c)
    rest = sp.cancel(body / d) if body.has(d) else None
    if rest is None or rest.has(c) or sp.expand(rest * d - body) != 0:
        return None
    return rest


def determinant(term) -> V.Value:
    """\\det of a square matrix: written out (or defined so), its determinant; of a size that is a letter, the
    product of the diagonal of a diagonal matrix, else the determinant written out at each size it is
    checked at (a claim with it is proved for sizes up to a bound, never for all)."""
    general = _of_any_size(term, "a determinant")
    if general is not None:
        entry, n = general
        d = _diagonal_entry(entry)
        if d is not None:
            k = fresh_index(None, 1, n, "_k")
            return V.Value(sp.Product(d.xreplace({entry.variables[0]: k}), (k, 1, n)), None, _conventions(term))
        return V.Value(DeterminantOf(entry, n), None, _conventions(term))
    entries = _explicit(term, "a determinant")
    return V.Value(sp.expand(entries.det(method="berkowitz")), None, _conventions(term))


def _inverse(term: MatrixTerm) -> MatrixTerm:
    """The inverse of a square matrix: written out, its entries, defined where its determinant is not 0; of
    a size that is a letter, that of a diagonal matrix (1/d on the diagonal), else an entry computed at
    each size the claim is checked at, defined where the determinant is not 0."""
    general = _of_any_size(term, "an inverse")
    if general is not None:
        entry, n = general
        row, col = V.entry_index(n), V.column_index(n)
        d = _diagonal_entry(entry)
        if d is not None:
            V.requires(sp.Ne(d, 0, evaluate=False) if not d.has(entry.variables[0]) else sp.true)
            body = sp.KroneckerDelta(row, col) / d.xreplace({entry.variables[0]: row})
        else:
            V.requires(sp.Ne(DeterminantOf(entry, n), 0, evaluate=False))
            body = InverseEntryOf(entry, n, row, col)
        return MatrixTerm(M.Entries(body, n, n, row, col), term.conventions)
    entries = _explicit(term, "an inverse")
    det = sp.expand(entries.det(method="berkowitz"))
    if det == 0:
        raise FormulaError("the inverse of a matrix whose determinant is 0")
    V.requires(sp.Ne(det, 0, evaluate=False))
    inverse = entries.adjugate(method="berkowitz") / det
    n = entries.rows
    row, col = V.entry_index(n), V.column_index(n)
    body = sp.Add(*[sp.KroneckerDelta(row, r + 1) * sp.KroneckerDelta(col, c + 1) * sp.together(inverse[r, c])
                    for r in range(n) for c in range(n)])
    return MatrixTerm(M.Entries(body, n, n, row, col), term.conventions)


def power(term: MatrixTerm, n: sp.Expr) -> MatrixTerm:
    """A positive whole power of a (square) matrix, and the inverse of one written out; other powers are not read."""
    if n == -1:
        return _inverse(term)
    if not (n.is_Integer and 1 <= n <= MAX_MATRIX_POWER):
        raise FormulaError(f"only the powers 1 to {MAX_MATRIX_POWER} of a matrix and its transpose (^\\top) are "
                           "read (an inverse is not)")
    return MatrixTerm(sp.Basic.__new__(MatPow, term.m, sp.Integer(n)), term.conventions)


def entry(term: MatrixTerm, i, j) -> V.Value:
    """Entry (i, j) of a matrix term, (AB)_{ij}."""
    t = _translate(term)
    for index, n in zip((i, j), t.shape):
        if isinstance(index, Idx) and sp.expand(index.upper - n) != 0:
            raise FormulaError(f"index {index} runs over 1..{index.upper}, the matrix is {M.shape_text(t.shape)}")
    return V.Value(_at(t, i, j), None, _conventions(term) + t.conventions)


def trace_of(v):
    """tr(A); the trace of a number (a 1 x 1 matrix, tr(x^T A x)) is the number."""
    if _is_scalar(v):
        return v
    return finish(MatrixTerm(M.trace(leaf(v)), v.conventions))


def diag_of(v):
    """diag(v): the diagonal matrix holding a vector; diag(A): the vector on a matrix's diagonal."""
    if _is_scalar(v):
        raise FormulaError("diag of a number is not read: diag takes a vector (a diagonal matrix) or a matrix")
    if isinstance(v, MatrixTerm) or v.is_matrix:
        return finish(MatrixTerm(M.diagonal(leaf(v)), v.conventions))
    if v.row:
        raise FormulaError("diag of a transposed vector is not read; write \\operatorname{diag}(v)")
    return MatrixTerm(M.diag(leaf(v)), v.conventions)


def identity(n=None) -> MatrixTerm:
    return MatrixTerm(M.identity(n))


def ones(n=None) -> MatrixTerm:
    return MatrixTerm(M.ones(n))


def zeros(n=None) -> MatrixTerm:
    """The zero column of length n, or of the length of what it meets."""
    return MatrixTerm(sp.ZeroMatrix(M.AnySize() if n is None else n, 1))


def jacobian(body: V.Value, base: sp.IndexedBase, length: sp.Expr, layout: str, alternative=None) -> MatrixTerm:
    """d body / d v for a vector body and a vector variable v (base, length): the matrix of partials,
    (a, b) = d body_a / d v_b in numerator layout, its transpose in denominator layout."""
    v = MatrixSymbol(str(base.label), length, 1)
    term = MatrixTerm(M.derivative(leaf(body), v, layout=layout), body.conventions, alternative)
    return term
