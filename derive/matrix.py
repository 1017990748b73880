"""Matrix notation translated to index form: shapes checked, each entry written as sums over indices.

Derivations write ``z1 = x W1 + b1`` with x a 1 x Dx row and W1 a Dx x H matrix. Here such
expressions are SymPy ``MatrixSymbol`` expressions of symbolic shape, and ``to_side`` turns them
into a ``Side``: the expression of a generic entry over real ``IndexedBase`` entries (a vector
``x`` becomes ``x[j]``, a matrix ``W1`` becomes ``W1[j, m]``, a 1 x 1 matrix a real scalar), with
its axes and their 1-based indices. Shapes are checked on the way, by this module and not by
SymPy, so that a misfit is reported with both shapes named.

Notation that fits only under a convention (broadcasting a row against a matrix, a vector
standing for its diagonal matrix, derivatives in denominator layout) is translated only when the
caller asks for it, and the side records the convention, so a verdict on it says "under ...".

Functions of a matrix expression (sigma, sigma', exp, log) apply entry by entry, as the
documents write e^x for a vector; the matrix exponential is not part of this notation.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import sympy as sp
from sympy import Idx, Indexed, KroneckerDelta, MatrixExpr, MatrixSymbol, Sum
from sympy.core.symbol import Str
from sympy.matrices.expressions import DiagMatrix, HadamardProduct, MatAdd, MatMul, Trace, Transpose
from sympy.matrices.expressions.applyfunc import ElementwiseApplyFunction
from sympy.matrices.expressions.diagonal import DiagonalOf

from .errors import ShapeMismatch, Unsupported
from .model import UNDEFINED, UNTRANSLATED, Axis, Misfit, Side, shape_text
from .normal import evaluate_derivatives, normalize, rename_dummies
from .notation import fresh_index, softmax, vector

__all__ = [
    "BROADCASTING",
    "DENOMINATOR_LAYOUT",
    "DIAGONAL",
    "to_side",
    "shape_of",
    "matmul",
    "hadamard",
    "plus",
    "elementwise",
    "diag",
    "diagonal",
    "trace",
    "transpose",
    "identity",
    "ones",
    "Entries",
    "as_diagonal",
    "softmax_of",
    "derivative",
    "Jacobian",
    "VectorSoftmax",
    "ReadAsDiagonal",
    "IndexTranslator",
    "translate",
    "Translated",
]

BROADCASTING = "broadcasting"
DENOMINATOR_LAYOUT = "denominator layout (du/dv has v's length rows)"
DIAGONAL = "a vector read as the diagonal matrix holding it"

_LAYOUTS = ("numerator", "denominator")


# --- notation the documents use that SymPy has no class for ---------------------------------------

class VectorSoftmax(MatrixExpr):
    """softmax of a row or column vector, entry by entry: softmax(v)_i = e^{v_i} / sum_j e^{v_j}."""

    def __new__(cls, v):
        return MatrixExpr.__new__(cls, sp.sympify(v))

    @property
    def shape(self):
        return self.args[0].shape


class ReadAsDiagonal(MatrixExpr):
    """A vector written where the document means the diagonal matrix holding it (a convention)."""

    def __new__(cls, v):
        return MatrixExpr.__new__(cls, sp.sympify(v))

    @property
    def shape(self):
        n = _length(self.args[0].shape)
        return (n, n)


class Entries(MatrixExpr):
    """A matrix (or vector) given by its entry ``expr`` at placeholder indices, as another front-end
    read it: ``row`` and ``col`` are the placeholders standing for the entry's row and column (None
    for an axis of size 1). This is how the LaTeX reader hands a vector to the translator."""

    def __new__(cls, expr, rows, cols, row=None, col=None):
        none = sp.S.Zero  # a size-1 axis has no placeholder
        return MatrixExpr.__new__(cls, sp.sympify(expr), sp.sympify(rows), sp.sympify(cols),
                                  none if row is None else row, none if col is None else col)

    @property
    def shape(self):
        return self.args[1], self.args[2]


class AnySize(sp.Dummy):
    """The size of I or 1 written without one: taken from the operand it meets (I x, A + I, 1^T v)."""

    def __new__(cls, name="n"):
        return sp.Dummy.__new__(cls, name, integer=True, positive=True)


class Jacobian(MatrixExpr):
    """d f / d v for a matrix variable v; ``at`` is the value v takes once the derivative is taken.

    Numerator layout: for a vector f of length m and a vector v of length n, m x n with entry
    (a, b) = d f_a / d v_b; the gradient of a scalar has v's shape. Denominator layout: n x m,
    and the gradient of a scalar by a vector is an n x 1 column.
    """

    def __new__(cls, f, v, layout="numerator", at=None):
        if not isinstance(v, MatrixSymbol):
            raise Unsupported(f"a derivative is taken with respect to a matrix symbol, not {sp.sstr(v)}")
        if str(layout) not in _LAYOUTS:
            raise ValueError(f"layout {str(layout)!r}: expected one of {_LAYOUTS}")
        return MatrixExpr.__new__(cls, sp.sympify(f), v, Str(str(layout)), v if at is None else sp.sympify(at))

    @property
    def shape(self):
        f, v, layout, _ = self.args
        return _jacobian_shape(f.shape, v.shape, str(layout))


def _length(shape) -> sp.Expr:
    rows, cols = shape
    if rows != 1 and cols != 1:
        raise ShapeMismatch(f"expected a row or column vector, got a {_text(shape)} matrix")
    return cols if rows == 1 else rows


def _jacobian_shape(fshape, vshape, layout: str) -> tuple:
    if fshape == (1, 1):
        if layout == "denominator" and 1 in vshape:
            return (_length(vshape), sp.S.One)
        return tuple(vshape)
    if 1 in fshape and 1 in vshape:
        m, n = _length(fshape), _length(vshape)
        return (m, n) if layout == "numerator" else (n, m)
    raise Unsupported(f"the derivative of a {_text(fshape)} matrix with respect to a {_text(vshape)} one "
                      f"has more than two axes")


# --- builders that leave shape checking to the translator ----------------------------------------

def _unchecked(cls, *args):
    # SymPy validates shapes in MatMul/HadamardProduct/MatAdd; built this way the translator
    # reports a misfit, with both shapes named, instead of SymPy.
    return sp.Basic.__new__(cls, *[sp.sympify(a) for a in args])


def matmul(*factors) -> MatMul:
    """The product of matrices as written, shapes not yet checked."""
    return _unchecked(MatMul, *factors)


def hadamard(*factors) -> HadamardProduct:
    """The entry-by-entry product as written, shapes not yet checked."""
    return _unchecked(HadamardProduct, *factors)


def plus(*terms) -> MatAdd:
    """The sum of matrices as written, shapes not yet checked."""
    return _unchecked(MatAdd, *terms)


def elementwise(function, matrix) -> ElementwiseApplyFunction:
    """``function`` applied to every entry of ``matrix`` (sigma(z), e^z, log(yhat))."""
    return ElementwiseApplyFunction(function, matrix)


def diag(v) -> DiagMatrix:
    """The diagonal matrix holding the vector v (shape checked by the translator)."""
    return _unchecked(DiagMatrix, v)


def diagonal(m) -> DiagonalOf:
    """The diagonal of a square matrix, a column vector (shape checked by the translator)."""
    return _unchecked(DiagonalOf, m)


def trace(m) -> Trace:
    """The trace of a square matrix, a scalar (shape checked by the translator)."""
    return _unchecked(Trace, m)


def transpose(m) -> Transpose:
    """The transpose of a matrix expression."""
    return _unchecked(Transpose, m)


def identity(n=None) -> sp.Identity:
    """The n x n identity; without n, its size is taken from what it is added to or multiplied by."""
    return sp.Identity(AnySize() if n is None else n)


def ones(n=None) -> sp.OneMatrix:
    """The column of n ones; without n, its length is taken from what it meets (1^T v, A 1)."""
    return sp.OneMatrix(AnySize() if n is None else n, 1)


def as_diagonal(v) -> ReadAsDiagonal:
    """v as written, read as the diagonal matrix holding it (recorded as a convention)."""
    return ReadAsDiagonal(v)


def softmax_of(v) -> VectorSoftmax:
    """softmax of a row or column vector."""
    return VectorSoftmax(v)


def derivative(f, v, *, layout: str = "numerator", at=None) -> Jacobian:
    """d f / d v (see Jacobian); ``at``: the value of v where the derivative is taken."""
    return Jacobian(f, v, layout, at)


# --- the translator --------------------------------------------------------------------------------

def _text(shape) -> str:
    return "×".join(sp.sstr(s) for s in shape)


def _same(a: sp.Expr, b: sp.Expr) -> bool:
    return sp.expand(sp.sympify(a) - sp.sympify(b)) == 0


def _has_matrix(e) -> bool:
    return any(isinstance(a, (MatrixExpr, Trace)) for a in sp.preorder_traversal(e))


@dataclass(frozen=True)
class _Term:
    """A translated matrix expression: its shape and its entry at given (row, column) indices."""

    shape: tuple
    at: Callable[[sp.Expr, sp.Expr], sp.Expr]

    def entry(self, k: sp.Expr) -> sp.Expr:
        """Entry k of a vector (row or column)."""
        return self.at(sp.S.One, k) if self.shape[0] == 1 else self.at(k, sp.S.One)


class IndexTranslator:
    """Translates a matrix expression node by node, one ``_index_<Class>`` method per SymPy class."""

    def __init__(self, allow=(), reserved=(), unique: bool = False):
        self.allow = tuple(allow)
        self._unique = unique  # summation indices named apart from every other translation's
        self.used: list[str] = []
        self._reserved = {str(r) for r in reserved}
        self._count = 0
        self._symbols: dict[str, tuple] = {}
        self._bound: dict[AnySize, sp.Expr] = {}  # the size each I or 1 written without one has taken

    def size(self, s) -> sp.Expr:
        """A size, with a size taken from context (I, 1 written without one) replaced once known."""
        s = sp.sympify(s)
        while isinstance(s, AnySize) and s in self._bound:
            s = self._bound[s]
        return s

    def same(self, a, b) -> bool:
        """Whether two sizes are equal; a size still to be taken from context takes the other one."""
        a, b = self.size(a), self.size(b)
        if a == b:
            return True
        if isinstance(a, AnySize):
            self._bound[a] = b
            return True
        if isinstance(b, AnySize):
            self._bound[b] = a
            return True
        return _same(a, b)

    def shape(self, term: "_Term") -> tuple:
        return tuple(self.size(s) for s in term.shape)

    def resolved(self) -> dict:
        """Every size taken from context, as the size it took."""
        return {w: self.size(w) for w in self._bound}

    # helpers
    def translate(self, expr) -> _Term:
        # Walk the class hierarchy, as SymPy's printers do, so a subclass reads like its parent.
        for cls in type(expr).__mro__:
            method = getattr(self, f"_index_{cls.__name__}", None)
            if method is not None:
                return method(expr)
        raise Unsupported(f"no index form for {type(expr).__name__}: {sp.sstr(expr)[:80]}")

    def fresh(self, size: sp.Expr) -> Idx:
        """A summation index over 1..size whose name no axis uses."""
        if self._unique:
            return fresh_index(None, 1, size, stem="_m")
        while True:
            self._count += 1
            name = f"k{self._count}"
            if name not in self._reserved:
                return Idx(name, (1, size))

    def use(self, convention: str, why: str) -> None:
        if convention not in self.allow:
            raise ShapeMismatch(f"{why}; it fits only under the convention {convention!r}, which was not asked for")
        if convention not in self.used:
            self.used.append(convention)

    def _record(self, convention: str) -> None:
        if convention not in self.used:
            self.used.append(convention)

    def _fit(self, what: str, terms) -> tuple:
        """The common shape of operands combined entry by entry, broadcasting size-1 axes if allowed."""
        shapes = [self.shape(t) for t in terms]
        out, broadcast = [], False
        for axis in zip(*shapes):
            sizes, wild = [], []
            for s in axis:
                s = self.size(s)
                if isinstance(s, AnySize):
                    wild.append(s)
                elif s != 1 and not any(self.same(s, t) for t in sizes):
                    sizes.append(s)
            if len(sizes) > 1:
                raise ShapeMismatch(f"{what}: the shapes {' and '.join(_text(s) for s in shapes)} do not fit",
                                    Misfit(what, "same", tuple(shapes)))
            for w in wild:
                self.same(w, sizes[0] if sizes else wild[0])
            broadcast |= bool(sizes) and any(self.size(s) == 1 for s in axis)
            out.append(sizes[0] if sizes else self.size(wild[0]) if wild else sp.S.One)
        if broadcast:
            self.use(BROADCASTING, f"{what} of {' and '.join(_text(s) for s in shapes)}")
        return tuple(out)

    def _spread(self, term: _Term):
        """term's entry at (r, c), with size-1 axes pinned to 1 (how broadcasting reads them)."""
        rows, cols = self.shape(term)
        return lambda r, c: term.at(sp.S.One if rows == 1 else r, sp.S.One if cols == 1 else c)

    def _elementwise(self, function, arg) -> _Term:
        inner = self.translate(arg)
        return _Term(inner.shape, lambda r, c: function(inner.at(r, c)))

    # leaves
    def _index_MatrixSymbol(self, m: MatrixSymbol) -> _Term:
        rows, cols = m.shape
        name = m.name
        seen = self._symbols.setdefault(name, tuple(s for s in m.shape if s != 1))
        if seen != tuple(s for s in m.shape if s != 1):
            raise ShapeMismatch(f"{name} is used as {_text(m.shape)} and with the sizes {seen}")
        if rows == 1 and cols == 1:
            s = sp.Symbol(name, real=True)
            return _Term(m.shape, lambda r, c: s)
        base = vector(name)
        if rows == 1:
            return _Term(m.shape, lambda r, c: base[c])
        if cols == 1:
            return _Term(m.shape, lambda r, c: base[r])
        return _Term(m.shape, lambda r, c: base[r, c])

    def _index_Identity(self, e) -> _Term:
        return _Term(e.shape, lambda r, c: KroneckerDelta(r, c))

    def _index_ZeroMatrix(self, e) -> _Term:
        return _Term(e.shape, lambda r, c: sp.S.Zero)

    def _index_OneMatrix(self, e) -> _Term:
        return _Term(e.shape, lambda r, c: sp.S.One)

    def _index_Entries(self, e: Entries) -> _Term:
        expr, rows, cols, row, col = e.args

        def at(r, c):
            table = {}
            if row != 0:
                table[row] = r
            if col != 0:
                table[col] = c
            return expr.xreplace(table)

        return _Term((rows, cols), at)

    def _index_Expr(self, e) -> _Term:
        """A scalar expression; one holding matrix terms (a trace, u^T v) has them translated."""
        if getattr(e, "is_Matrix", False):
            raise Unsupported(f"no index form for {type(e).__name__}: {sp.sstr(e)[:80]}")
        if not _has_matrix(e):
            return _Term((sp.S.One, sp.S.One), lambda r, c: e)
        args = [self._scalar(a) for a in e.args]
        return _Term((sp.S.One, sp.S.One), lambda r, c: e.func(*args))

    def _index_Trace(self, e) -> _Term:
        inner = self.translate(e.args[0])
        rows, cols = inner.shape
        if not self.same(rows, cols):
            shape = self.shape(inner)
            raise ShapeMismatch(f"the trace of a {_text(shape)} matrix, which is not square",
                                Misfit("the trace", "square", (shape,)))

        def at(r, c):
            k = self.fresh(self.size(rows))
            return Sum(inner.at(k, k), (k, 1, self.size(rows)))

        return _Term((sp.S.One, sp.S.One), at)

    def _index_DiagonalOf(self, e) -> _Term:
        inner = self.translate(e.args[0])
        rows, cols = inner.shape
        if not self.same(rows, cols):
            raise Unsupported(f"the diagonal of a {_text(self.shape(inner))} matrix, which may not be square, "
                              "is not read")
        return _Term((rows, sp.S.One), lambda r, c: inner.at(r, r))

    # algebra
    def _index_MatAdd(self, e: MatAdd) -> _Term:
        terms = [self.translate(a) for a in e.args]
        shape = self._fit("a sum", terms)
        spread = [self._spread(t) for t in terms]
        return _Term(shape, lambda r, c: sp.Add(*[s(r, c) for s in spread]))

    def _index_HadamardProduct(self, e: HadamardProduct) -> _Term:
        terms = [self.translate(a) for a in e.args]
        shape = self._fit("an entry-by-entry product", terms)
        spread = [self._spread(t) for t in terms]
        return _Term(shape, lambda r, c: sp.Mul(*[s(r, c) for s in spread]))

    def _index_MatMul(self, e: MatMul) -> _Term:
        scalars = [a for a in e.args if not getattr(a, "is_Matrix", False)]
        matrices = [a for a in e.args if getattr(a, "is_Matrix", False)]
        if not matrices:
            raise Unsupported(f"a product without a matrix: {sp.sstr(e)}")
        coeff = sp.Mul(*[self._scalar(a) for a in scalars])
        term = self.translate(matrices[0])
        for m in matrices[1:]:
            term = self._product(term, self.translate(m))
        return _Term(term.shape, lambda r, c: coeff * term.at(r, c))

    def _product(self, a: _Term, b: _Term) -> _Term:
        if not self.same(a.shape[1], b.shape[0]):
            sa, sb = self.shape(a), self.shape(b)
            raise ShapeMismatch(f"cannot multiply {_text(sa)} by {_text(sb)}: "
                                f"{sp.sstr(sa[1])} columns against {sp.sstr(sb[0])} rows",
                                Misfit("a product", "product", (sa, sb)))
        inner = self.size(a.shape[1])
        shape = (a.shape[0], b.shape[1])
        if inner == 1:
            return _Term(shape, lambda r, c: a.at(r, sp.S.One) * b.at(sp.S.One, c))

        def at(r, c):
            k = self.fresh(inner)
            return Sum(a.at(r, k) * b.at(k, c), (k, 1, inner))

        return _Term(shape, at)

    def _scalar(self, e) -> sp.Expr:
        """A scalar factor, which may hold a trace or a 1 x 1 product (u^T v)."""
        if not _has_matrix(e):
            return e
        term = self.translate(e)
        if self.shape(term) != (1, 1):
            raise ShapeMismatch(f"{sp.sstr(e)[:60]} is {_text(self.shape(term))} where a number is expected",
                                Misfit("a scalar factor", "same", (self.shape(term), (sp.S.One, sp.S.One))))
        return term.at(sp.S.One, sp.S.One)

    def _index_MatPow(self, e) -> _Term:
        base, n = e.args
        if not (n.is_Integer and n > 0):
            raise Unsupported(f"only positive integer powers of a matrix: {sp.sstr(e)}")
        term = self.translate(base)
        out = term
        for _ in range(int(n) - 1):
            out = self._product(out, term)
        return out

    def _index_Transpose(self, e) -> _Term:
        inner = self.translate(e.args[0])
        return _Term(inner.shape[::-1], lambda r, c: inner.at(c, r))

    def _index_DiagMatrix(self, e: DiagMatrix) -> _Term:
        inner = self.translate(e.args[0])
        n = _length(self.shape(inner))
        return _Term((n, n), lambda r, c: KroneckerDelta(r, c) * inner.entry(r))

    def _index_ReadAsDiagonal(self, e: ReadAsDiagonal) -> _Term:
        inner = self.translate(e.args[0])
        n = _length(self.shape(inner))
        self.use(DIAGONAL, f"the {_text(inner.shape)} vector {sp.sstr(e.args[0])} read as a {_text((n, n))} matrix")
        return _Term((n, n), lambda r, c: KroneckerDelta(r, c) * inner.entry(r))

    # entry-by-entry functions
    def _index_ElementwiseApplyFunction(self, e: ElementwiseApplyFunction) -> _Term:
        return self._elementwise(e.function, e.expr)

    def _index_sigmoid(self, e) -> _Term:
        return self._elementwise(e.func, e.args[0])

    def _index_dsigmoid(self, e) -> _Term:
        return self._elementwise(e.func, e.args[0])

    def _index_exp(self, e) -> _Term:
        return self._elementwise(sp.exp, e.args[0])

    def _index_log(self, e) -> _Term:
        return self._elementwise(sp.log, e.args[0])

    def _index_VectorSoftmax(self, e: VectorSoftmax) -> _Term:
        inner = self.translate(e.args[0])
        n = _length(self.shape(inner))

        def entry(k):
            j = self.fresh(n)
            return softmax(sp.Lambda(j, inner.entry(j)), k)

        if inner.shape[0] == 1:
            return _Term(inner.shape, lambda r, c: entry(c))
        return _Term(inner.shape, lambda r, c: entry(r))

    # derivatives
    def _index_Jacobian(self, e: Jacobian) -> _Term:
        f, v, layout, at = e.args
        layout = str(layout)
        tf, tv = self.translate(f), self.translate(v)
        shape = _jacobian_shape(self.shape(tf), self.shape(tv), layout)
        point = None
        if at != v:
            point = self.translate(at)
            if not all(_same(a, b) for a, b in zip(point.shape, tv.shape)):
                raise ShapeMismatch(f"{v.name} is {_text(tv.shape)} but is given the {_text(point.shape)} value "
                                    f"{sp.sstr(at)}")

        def d(fe, ve):
            out = sp.Derivative(fe, ve)
            return out if point is None else _evaluate_at(out, v, point, stem=f"{self.fresh(1)}_")

        if layout == "denominator":
            self._record(DENOMINATOR_LAYOUT)
        if self.shape(tf) == (1, 1):
            scalar = tf.at(sp.S.One, sp.S.One)
            if shape != tuple(tv.shape):  # a column in denominator layout
                return _Term(shape, lambda r, c: d(scalar, tv.entry(r)))
            return _Term(shape, lambda r, c: d(scalar, tv.at(r, c)))
        if layout == "numerator":
            return _Term(shape, lambda r, c: d(tf.entry(r), tv.entry(c)))
        return _Term(shape, lambda r, c: d(tf.entry(c), tv.entry(r)))


def _evaluate_at(derivative_expr: sp.Expr, v: MatrixSymbol, value: _Term, stem: str) -> sp.Expr:
    """Carry out the derivative, then put value's entries where v's entries stand.

    The derivative is brought to the sum normal form first (sums of Kronecker deltas collapsed),
    so that each copy of the value, often a large expression, is put in as few times as needed;
    its summation indices are renamed with ``stem`` so that none can capture an index of the value.
    """
    expanded = derivative_expr.replace(lambda a: isinstance(a, softmax), lambda a: a.unfold())
    done = evaluate_derivatives(expanded)
    try:
        done = rename_dummies(normalize(done), stem=stem)
    except Unsupported:
        pass
    rows, cols = v.shape
    if rows == 1 and cols == 1:
        return done.xreplace({sp.Symbol(v.name, real=True): value.at(sp.S.One, sp.S.One)})

    def is_entry(a):
        return isinstance(a, Indexed) and a.base == vector(v.name)

    if rows == 1 or cols == 1:
        return done.replace(is_entry, lambda a: value.entry(a.indices[0]))
    return done.replace(is_entry, lambda a: value.at(*a.indices))


# --- the plain functions in front -------------------------------------------------------------------

def _axis_indices(shape, indices, names=("i", "j")) -> list:
    """One index per axis of size other than 1: the caller's, or i, j over the axis's range."""
    wanted = [s for s in shape if s != 1]
    given = list(indices)
    if given and len(given) != len(wanted):
        raise ShapeMismatch(f"a {_text(shape)} side needs {len(wanted)} indices, got {len(given)}")
    out = []
    for n, s in enumerate(wanted):
        idx = given[n] if given else Idx(names[n], (1, s))
        if not isinstance(idx, Idx) or idx.lower != 1 or not _same(idx.upper, s):
            raise ShapeMismatch(f"index {idx} does not run over 1..{sp.sstr(s)}, the axis it is given for")
        out.append(idx)
    return out


@dataclass(frozen=True)
class Translated:
    """A matrix expression in index form: its shape, its entry at (row, column), the conventions used."""

    shape: tuple
    at: Callable[[sp.Expr, sp.Expr], sp.Expr]
    conventions: tuple[str, ...]


def translate(expr, *, allow=(), reserved=(), unique: bool = False) -> Translated:
    """The one translation of a matrix expression of symbolic shape to its entries, shapes checked.

    Raises ShapeMismatch (with its ``misfit`` when the shapes themselves do not fit) or Unsupported.
    Every front-end (the Python API's to_side, the LaTeX reader) goes through it; ``unique`` names
    the summation indices apart from those of any other translation (for entries that are put
    into another translation's sums).
    """
    translator = IndexTranslator(allow, reserved=reserved, unique=unique)
    term = translator.translate(expr)
    shape = translator.shape(term)
    if any(isinstance(s, AnySize) for s in shape):
        raise Unsupported("the size of an identity or ones vector written without one cannot be told from what "
                          "it meets; write its size (I_N, \\mathbf{1}_N)")
    table = translator.resolved()

    def at(r, c):
        out = term.at(r, c).xreplace(table) if table else term.at(r, c)
        if any(isinstance(s, AnySize) for s in out.free_symbols):
            raise Unsupported("the size of an identity or ones vector written without one cannot be told from "
                              "what it meets; write its size (I_N, \\mathbf{1}_N)")
        return out

    return Translated(shape, at, tuple(translator.used))


def shape_of(expr, allow=()) -> tuple:
    """The shape of a matrix expression, checked by the translator (ShapeMismatch if it does not fit)."""
    return translate(expr, allow=allow).shape


def to_side(expr, *, indices=(), allow=()) -> Side:
    """The Side of a matrix expression: its entry at the axes' indices, the axes, the conventions used.

    ``indices`` are the indices of the axes whose size is not 1 (default i, then j);
    ``allow`` names the conventions the notation may use (BROADCASTING, DIAGONAL).
    A 1 x 1 expression is a scalar side. Operands whose shapes do not fit give a side that carries
    the misfit (a claim with it is refuted by shape); a construct with no index form, or notation
    that fits only under a convention not allowed, gives a side with the problem (unknown).
    """
    try:
        term = translate(expr, allow=allow, reserved=indices)
    except ShapeMismatch as exc:
        if exc.misfit is not None:
            return Side(UNDEFINED, misfit=exc.misfit)
        return Side(UNTRANSLATED, problem=str(exc))
    except Unsupported as exc:
        return Side(UNTRANSLATED, problem=str(exc))
    chosen = iter(_axis_indices(term.shape, indices))
    axes = tuple(Axis(sp.S.One) if s == 1 else Axis(s, next(chosen)) for s in term.shape)
    if term.shape == (1, 1):
        axes = ()
    at = [sp.S.One if a.index is None else a.index for a in axes] or [sp.S.One, sp.S.One]
    try:
        expr_at = term.at(*at)
    except (ShapeMismatch, Unsupported) as exc:
        return Side(UNTRANSLATED, problem=str(exc))
    return Side(expr_at, axes, term.conventions)
