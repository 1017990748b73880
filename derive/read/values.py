"""Values the reader builds: a scalar, or a vector given by its entry at a placeholder index.

Writing a vector by its generic entry keeps every operation inside the derive.notation vocabulary
(indexed vectors, sums over Idx ranges), which is what lets the verifier prove claims for every N.
Operations whose reading is not unique (the product of two vectors: entry by entry, dot, outer?)
raise FormulaError instead of choosing.
"""

from __future__ import annotations

import contextlib
from collections import Counter

from dataclasses import dataclass

import sympy as sp
from sympy import Idx

from ..errors import FormulaError
from ..model import Misfit
from ..notation import dsigmoid, fresh_index, sigmoid, softmax, summation

__all__ = ["Value", "ShapeMisfit", "entry_index", "column_index", "row_index", "col_index", "no_matrix", "combine", "multiply", "divide", "power", "entrywise", "softmax_of",
           "cross_entropy", "entry_at", "SCALAR_FUNCTIONS", "norm", "dot", "log_sum_exp", "log_softmax_of"]


def entry_index(size: sp.Expr) -> Idx:
    """The placeholder index of the generic entry of vectors of this length."""
    return Idx("_entry", (1, size))


def column_index(size: sp.Expr) -> Idx:
    """The placeholder index of the column of a matrix's generic entry (its row is entry_index)."""
    return Idx("_column", (1, size))


def row_index(size: sp.Expr) -> Idx:
    """The placeholder of the row of a matrix's generic entry: a vector's entry index (a column is an
    N × 1 matrix), so written-out matrices and matrix products share one form."""
    return entry_index(size)


def col_index(size: sp.Expr) -> Idx:
    """The placeholder of the column of a matrix's generic entry."""
    return column_index(size)


@dataclass(frozen=True)
class Value:
    """``expr`` is a scalar when ``size`` is None, else the entry of a vector at entry_index(size).

    ``conventions`` names readings the value needed (an entry-by-entry derivative, say). A matrix
    written out entry by entry has ``cols`` too: ``expr`` is its entry at (entry_index(size),
    column_index(cols)); it is read only as a whole side, never inside a formula.
    """

    expr: sp.Expr
    size: sp.Expr | None = None
    conventions: tuple[str, ...] = ()
    row: bool = False  # a transposed vector, waiting for the vector it multiplies
    domain: tuple = ()  # conditions the term needs to be real (set once the whole term is read)
    # A whole term that is a matrix: a written-out one (its entry at entry_index(size), column_index(cols))
    # or a product of matrices (at row_index(size), col_index(cols), see read.products); only ever
    # the value of a whole term.
    cols: sp.Expr | None = None
    misfit: object = None  # a term whose operands' shapes do not fit (a derive.model.Misfit)
    # The same term read as a vector, for a Jacobian that is diagonal (an entry-wise function):
    # used when the other terms of its chain are vectors (the entry-wise derivative, a convention).
    alternative: "Value | None" = None

    @property
    def is_vector(self) -> bool:
        return self.size is not None and self.cols is None

    @property
    def is_matrix(self) -> bool:
        return self.cols is not None

    def with_expr(self, expr: sp.Expr, *more: str) -> "Value":
        if self.misfit is not None or (self.cols is not None and expr is not self.expr):
            raise FormulaError("a matrix where a number or a vector is expected is not read")
        return Value(expr, self.size, tuple(dict.fromkeys(self.conventions + more)), self.row, cols=self.cols)


MATRIX_INSIDE = ("a matrix (written out entry by entry, or a Jacobian D_x f) is read only as a whole side of an "
                 "equation, not inside a formula")


def no_matrix(*values: Value) -> None:
    """A written-out matrix is read only as a whole side: no operation takes one."""
    if any(v.is_matrix for v in values):
        raise FormulaError(MATRIX_INSIDE)


def _conventions(*values: Value) -> tuple[str, ...]:
    return tuple(dict.fromkeys(c for v in values for c in v.conventions))


class ShapeMisfit(FormulaError):
    """Operands whose shapes do not fit: the term is read, and a claim with it is refuted by shape."""

    def __init__(self, message: str, misfit):
        super().__init__(message)
        self.misfit = misfit


def _size(a: Value, b: Value, what: str) -> sp.Expr | None:
    no_matrix(a, b)
    if a.is_vector and b.is_vector and a.size != b.size:
        shape = (lambda v: (sp.S.One, v.size) if v.row else (v.size, sp.S.One))
        raise ShapeMisfit(f"{what} of vectors of different lengths {a.size} and {b.size}",
                          Misfit(f"{what} of vectors", "same", (shape(a), shape(b))))
    return a.size if a.is_vector else b.size


def _row(a: Value, b: Value, what: str) -> bool:
    if a.row != b.row and a.is_vector and b.is_vector:
        raise FormulaError(f"{what} of a transposed vector and a vector")
    return a.row or b.row


def combine(a: Value, b: Value, op) -> Value:
    """a + b, a - b: entry by entry, a scalar is added to every entry of a vector."""
    return Value(op(a.expr, b.expr), _size(a, b, "sum"), _conventions(a, b), _row(a, b, "a sum"))


def dot(a: Value, b: Value) -> Value:
    """The inner product sum_j a_j b_j of two vectors of one length."""
    no_matrix(a, b)
    if not (a.is_vector and b.is_vector):
        raise FormulaError("an inner product needs two vectors")
    size = _size(a, b, "inner product")
    p = entry_index(size)
    j = fresh_index(p, 1, size, stem="_d")
    return Value(summation(a.expr.xreplace({p: j}) * b.expr.xreplace({p: j}), j), None, _conventions(a, b))


def multiply(a: Value, b: Value, hadamard: bool = False) -> Value:
    if a.row and b.is_vector and not b.row and not hadamard:
        return dot(a, b)
    if a.row and b.row and not hadamard:
        raise FormulaError("a transposed vector times a transposed vector (a row times a row) is not defined")
    if a.is_vector and b.is_vector and (a.row or b.row) and not hadamard:
        raise FormulaError("a transposed vector times a vector is read only as u^\\top v (an inner product); "
                           "write u v^\\top for an outer product")
    if a.is_vector and b.is_vector and not hadamard:
        raise FormulaError("a product of two vectors is ambiguous (entry by entry, dot or outer product?); "
                           "write \\circ for entry by entry, u^\\top v for the inner product, "
                           "or take entries with subscripts")
    return Value(a.expr * b.expr, _size(a, b, "product"), _conventions(a, b), _row(a, b, "a product"))


def divide(a: Value, b: Value) -> Value:
    """a / b; between vectors it can only be entry by entry (there is no other division)."""
    if not b.expr.is_number:
        requires(sp.Ne(b.expr, 0, evaluate=False))  # a/a is 1 to SymPy, undefined at a = 0 as written
    return Value(a.expr / b.expr, _size(a, b, "quotient"), _conventions(a, b), _row(a, b, "a quotient"))


MAX_EXPONENT = 64  # a literal exponent
MAX_DEGREE = 1024  # the degree of a power of powers, (c + 1)^{64} raised to 64 again
MAX_RESULT_DIGITS = 10_000  # the digits of a number raised to a number


def _bare_indices(expr: sp.Expr) -> set:
    """Indices used as values, not as subscripts of an entry (x^t is a transpose, not a power)."""
    hidden = expr.replace(lambda a: isinstance(a, sp.Indexed), lambda a: sp.Dummy())
    return {s for s in hidden.free_symbols if isinstance(s, Idx)}


def degree(expr: sp.Expr) -> sp.Rational:
    """An upper bound on the polynomial degree of expr when expanded (a function's value counts 1).

    Computed on the tree as written, so that powers of powers are bounded before anything is built.
    """
    if expr.is_Number or expr.is_NumberSymbol:
        return sp.S.Zero
    if isinstance(expr, sp.Add):
        return max(degree(a) for a in expr.args)
    if isinstance(expr, sp.Mul):
        return sum((degree(a) for a in expr.args), sp.S.Zero)
    if isinstance(expr, sp.Pow):
        b, e = expr.args
        if e.is_Number:
            return degree(b) * abs(e)
        return degree(b) + 1
    if isinstance(expr, sp.Sum):
        return degree(expr.function)
    return sp.S.One


def _digits(n: sp.Rational) -> float:
    """The number of decimal digits of the larger of n's numerator and denominator."""
    return max(abs(int(n.p)).bit_length(), abs(int(n.q)).bit_length()) * 0.30103


def power(base: Value, exponent: Value) -> Value:
    """base^exponent, refused before it is built when it would be a huge number or a huge polynomial."""
    if base.is_vector and exponent.is_vector:
        raise FormulaError("a vector raised to a vector power is not defined")
    # A number raised to an index (2^k, (-1)^k) can only be a power; a name's superscript may be a label.
    # So can a number's name raised to a formula of indices (w^{T-k}, \beta^{t-k+1}): a label is a letter, x^{(k)}.
    compound = not isinstance(exponent.expr, (sp.Symbol, sp.Indexed)) and not base.is_vector and not base.row \
        and not base.is_matrix and exponent.size is None and not exponent.row
    if _bare_indices(exponent.expr) and not base.expr.is_number and not compound:
        raise FormulaError(f"the exponent {sp.sstr(exponent.expr)} contains an index "
                           "(a transpose or a superscript label?); it is not read as a power")
    e = exponent.expr
    if e.is_Number and abs(e) > MAX_EXPONENT:
        raise FormulaError(f"exponent {e} is beyond the limit of {MAX_EXPONENT}")
    if e.is_Number and base.expr.is_Rational:
        digits = _digits(base.expr) * float(abs(e))
        if digits > MAX_RESULT_DIGITS:
            raise FormulaError(f"a power with about {int(digits)} digits is beyond the limit of "
                               f"{MAX_RESULT_DIGITS} digits")
    elif e.is_Number:
        d = degree(base.expr) * abs(e)
        if d > MAX_DEGREE:
            raise FormulaError(f"a power of degree {d} is beyond the limit of {MAX_DEGREE}")
    if e.is_Rational and not e.is_Integer and not base.expr.is_number:
        requires(sp.Ge(base.expr, 0, evaluate=False))  # a fractional power of a negative number is not real
    return Value(sp.Pow(base.expr, e), _size(base, exponent, "power"), _conventions(base, exponent),
                 _row(base, exponent, "a power"))


_DOMAIN: list[list] = []  # conditions being collected for the term read now (innermost last)


@contextlib.contextmanager
def domain_conditions():
    """Collect the conditions (u >= 0 for sqrt u, u > 0 for log u) the term read in the block needs."""
    found: list = []
    _DOMAIN.append(found)
    try:
        yield found
    finally:
        _DOMAIN.pop()


def requires(condition) -> None:
    if _DOMAIN and condition not in (sp.true, True):
        _DOMAIN[-1].append(condition)


_GUARDED = {sp.sqrt: lambda u: sp.Ge(u, 0, evaluate=False), sp.log: lambda u: sp.Gt(u, 0, evaluate=False)}


def entrywise(f, v: Value) -> Value:
    """A scalar function applied to a scalar, or to every entry of a vector."""
    no_matrix(v)
    if f in _GUARDED and not v.expr.is_number:
        requires(_GUARDED[f](v.expr))
    return v.with_expr(f(v.expr))


def _softplus(u):
    return sp.log(1 + sp.exp(u))


def _relu(u):
    return sp.Max(0, u)


# The scalar functions a document may apply by name, entry by entry to a vector.
SCALAR_FUNCTIONS = {
    "log": sp.log, "exp": sp.exp, "sigmoid": sigmoid, "dsigmoid": dsigmoid,
    "tanh": sp.tanh, "sinh": sp.sinh, "cosh": sp.cosh, "sin": sp.sin, "cos": sp.cos, "tan": sp.tan,
    "arctan": sp.atan, "arcsin": sp.asin, "arccos": sp.acos, "softplus": _softplus, "relu": _relu,
    "abs": sp.Abs, "erf": sp.erf, "gamma": sp.gamma, "sgn": sp.sign, "sec": sp.sec, "csc": sp.csc, "cot": sp.cot, "sech": sp.sech, "csch": sp.csch, "coth": sp.coth,
}


def norm(v: Value, p: int = 2) -> Value:
    """The p-norm of a vector (the absolute value of a scalar)."""
    no_matrix(v)
    if not v.is_vector:
        return Value(sp.Abs(v.expr), None, v.conventions)
    q = entry_index(v.size)
    j = fresh_index(q, 1, v.size, stem="_n")
    entry = v.expr.xreplace({q: j})
    if p == 2:
        return Value(sp.sqrt(summation(entry ** 2, j)), None, v.conventions)
    if p == 1:
        return Value(summation(sp.Abs(entry), j), None, v.conventions)
    raise FormulaError(f"the {p}-norm is not read (only the 1- and 2-norms)")


def log_sum_exp(v: Value) -> Value:
    """log sum_j exp(v_j), a scalar."""
    no_matrix(v)
    if not v.is_vector:
        raise FormulaError("log-sum-exp of a scalar: it takes a vector")
    q = entry_index(v.size)
    j = fresh_index(q, 1, v.size, stem="_l")
    return Value(sp.log(summation(sp.exp(v.expr.xreplace({q: j})), j)), None, v.conventions)


def log_softmax_of(v: Value) -> Value:
    """log-softmax of a vector: v_i - log sum_j exp(v_j)."""
    return v.with_expr(v.expr - log_sum_exp(v).expr)


def softmax_of(v: Value) -> Value:
    """softmax of a vector: a vector whose entry at the placeholder is softmax(Lambda(j, v_j), .)."""
    no_matrix(v)
    if not v.is_vector:
        raise FormulaError("softmax of a scalar: softmax takes a vector")
    p = entry_index(v.size)
    j = fresh_index(p, 1, v.size, stem="_s")
    return v.with_expr(softmax(sp.Lambda(j, v.expr.xreplace({p: j})), p))


def cross_entropy(y: Value, q: Value) -> Value:
    """CE(y, q) = -sum_j y_j log q_j, a scalar."""
    no_matrix(y, q)
    if not (y.is_vector and q.is_vector):
        raise FormulaError("cross-entropy takes two vectors")
    size = _size(y, q, "cross-entropy")
    p = entry_index(size)
    j = fresh_index(p, 1, size, stem="_c")
    body = y.expr.xreplace({p: j}) * sp.log(q.expr.xreplace({p: j}))
    return Value(-summation(body, j), None, _conventions(y, q))


def entry_at(v: Value, index: sp.Expr) -> Value:
    """Entry ``index`` of a vector value (a scalar)."""
    no_matrix(v)
    if not v.is_vector:
        raise FormulaError(f"subscript {index} on a scalar")
    return Value(v.expr.xreplace({entry_index(v.size): index}), None, v.conventions)


def einstein(v: Value) -> Value:
    """Einstein's summation convention, where the document states it: in each product of the term an index
    written twice (a_k b_k, A_{kk}, 2 x_k \\delta_{kl} once a derivative is taken) is summed over its range;
    an index written three times or more is refused. The placeholders of a vector's or a matrix's entry are
    never summed."""
    if v.misfit is not None or not any(isinstance(s, Idx) for s in v.expr.free_symbols):
        return v
    return v.with_expr(_einstein(v.expr))


def _einstein(expr: sp.Expr) -> sp.Expr:
    # (what a derivative is taken of is a product of its own: d(x_k x_k)/dx_l sums k before it differentiates)
    expr = expr.replace(lambda e: isinstance(e, sp.Derivative),
                        lambda e: sp.Derivative(_einstein(e.expr), *e.variable_count))
    out = []
    for term in sp.Add.make_args(sp.expand(expr, deep=False, power_exp=False, power_base=False, log=False)):
        counts: Counter = Counter()
        for factor in sp.Mul.make_args(term):
            base, exp = factor.as_base_exp()
            times = int(exp) if exp.is_Integer and exp > 0 else 1
            for node in sp.preorder_traversal(base):
                if isinstance(node, sp.Indexed):
                    written = node.indices
                elif isinstance(node, sp.KroneckerDelta):
                    written = node.args
                else:
                    continue
                for i in written:
                    if isinstance(i, Idx) and not str(i).startswith("_"):
                        counts[i] += times
        free = term.free_symbols
        for i, n in sorted(counts.items(), key=lambda kv: str(kv[0])):
            if i not in free or n < 2:
                continue
            if n > 2:
                raise FormulaError(f"the index {i} is written {n} times in one product: Einstein's convention "
                                   "sums an index written twice")
            term = sp.Sum(term, (i, i.lower, i.upper))
        out.append(term)
    return sp.Add(*out)
