"""A NumPy printer for index notation: a free index is an array axis, a sum over it a reduction.

An expression is printed in a context, the tuple of free indices whose axes the result spans,
last index last. Arrays may carry any leading batch axes, which pass through untouched:

* ``x[i]`` in the context (i,) is ``x``; with two free indices (i, j) it is ``x[..., :, None]``
  and ``x[j]`` is ``x[..., None, :]``, so that entry (i, j) of the result broadcasts to N x N.
* ``Sum(body, j)`` whose body has no free index of the context is a reduction over the last
  axis with ``keepdims=True``; a sum over the context's own single index (a body shared with the
  rest of the expression) is the same reduction; a sum against a parameter matrix is ``@``;
  anything else gets an axis of its own and is reduced over it.
* ``KroneckerDelta(i, j)`` is an identity matrix; row scalars (a maximum per row) and gathered
  entries (``x[k]``, k an argmax per row, printed ``_take(x, k)``) keep a trailing axis of length 1.
* sigma, sigma', softmax and log-softmax of a vector are calls to the kernels of those names.
* ``SplitExp(t[i])`` stands for e^{t_i} e^{(a_i) - t_i}, t a rounded difference bound by the kernel:
  it is ``_exp_split(t, d)``, d the exact rounding error, e^{d} evaluated as 1 + d.
* a two-piece ``Piecewise`` is ``numpy.where``, and -|v| is ``numpy.copysign(v, -1)`` (one pass).

``to_numpy_inplace`` prints an expression so that it fills one buffer: along its spine (the chain
of exp, +, *, / and negation that carries the full shape) each operation writes into the array its
operand has just produced (``out=``), instead of allocating a new one per operation. On large
arrays a fresh allocation costs more than the arithmetic (the pages are new to the process).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import sympy as sp
from sympy import Indexed, Sum
from sympy.logic.boolalg import BooleanFunction
from sympy.printing.numpy import NumPyPrinter
from sympy.printing.pycode import PythonCodePrinter

from .errors import Unsupported
from .notation import softmax

__all__ = ["ArrayPrinter", "Context", "EntryPrinter", "ExceptSum", "SignBit", "SplitExp", "to_numpy",
           "to_numpy_inplace", "to_entry"]


class ExceptSum(sp.Function):
    """sum over the index a of body, leaving out the term a = k: ``ExceptSum(body, a, k)``.

    A printing form only (the catalog writes it with a Lambda); its body is an ordinary
    subexpression, so common subexpressions inside it can be shared with the rest.
    """

    nargs = 3


class SplitExp(sp.Function):
    """e^{t_i} e^{a_i - t_i} with t = fl(a) bound by the kernel: ``SplitExp(t[i])``, a printing form.

    The emitter builds it only after checking that a is the difference the kernel rounds into t;
    the printer reads the name of the rounding error from the context's ``splits``.
    """

    nargs = 1


class SignBit(BooleanFunction):
    """Whether the sign bit of v is set: v < 0, -0.0, or a NaN with its sign bit set. A printing form.

    Unlike v < 0 it is never an ordered comparison with a NaN, which raises the floating-point
    invalid flag in compiled code (and a RuntimeWarning from the ufunc that ran it).
    """

    nargs = 1


@dataclass(frozen=True)
class Context:
    """What names in a kernel stand for, beyond the arrays themselves.

    ``sizes`` prints the length of an index range (N -> "x.shape[-1]"); ``dtype`` the dtype of
    identity matrices; ``rows`` names symbols bound to one value per row (kept as a trailing
    axis of length 1); ``gathers`` names index arrays (one position per row, keepdims);
    ``splits`` names, for each rounded vector t, the array of its exact rounding errors;
    ``inplace`` says that every array spanning the output's axes has the output's shape and dtype
    (true when the arguments are one array x, or arrays of x's shape), so results may be written
    into such arrays. ``calls`` renames the functions sigmoid, sigmoid_grad, softmax and log_softmax
    are printed as calls to (a module of its own supplies them under other names). ``keep`` says
    that a value with no axis keeps a trailing axis of length 1, as a row value does, so that it
    broadcasts against rows. ``stacked`` says that matrices may carry batch axes too (a stack of
    matrices, one per row), so that a vector-matrix product is taken row by row.
    """

    sizes: dict = field(default_factory=dict)
    dtype: str = "x.dtype"
    rows: frozenset = frozenset()
    gathers: dict = field(default_factory=dict)
    splits: dict = field(default_factory=dict)
    inplace: bool = False
    calls: dict = field(default_factory=dict)
    keep: bool = False
    stacked: bool = False
    printer: type | None = None  # a subclass of ArrayPrinter for another array library (None: NumPy)


def _pad(text: str, count: int) -> str:
    return text + "[..., " + ", ".join(["None"] * count) + "]" if count > 0 else text


class ArrayPrinter(NumPyPrinter):
    """Prints one expression over the axes of its free indices; see the module docstring."""

    printmethod = "_numpycode"

    def __init__(self, axes=(), context: Context | None = None, settings=None):
        super().__init__(settings or {})
        self._axes = tuple(axes)
        self._context = context or Context()

    # -- contexts ------------------------------------------------------------------------------

    def _in(self, axes, expr) -> str:
        saved = self._axes
        self._axes = tuple(axes)
        try:
            return self._print(expr)
        finally:
            self._axes = saved

    def _place(self, text: str, idx) -> str:
        """A vector over ``idx`` (its last axis) placed on idx's axis of the current context."""
        if idx not in self._axes:
            raise Unsupported(f"index {idx} is not an axis here (axes: {self._axes})")
        n = len(self._axes)
        if n == 1:
            return text
        pos = self._axes.index(idx)
        parts = ["None"] * n
        parts[pos] = ":"
        return f"{text}[..., {', '.join(parts)}]"

    def _row(self, text: str) -> str:
        """A value per row with a trailing axis of length 1, padded to the current context."""
        return _pad(text, len(self._axes) - 1)

    # -- leaves --------------------------------------------------------------------------------

    def _print_Symbol(self, expr):
        text = super()._print_Symbol(expr)
        return self._row(text) if expr in self._context.rows else text

    def _print_Idx(self, expr):
        raise Unsupported(f"a bare index {expr} has no array meaning")

    def _print_Indexed(self, expr):
        name = self._print(expr.base.label)
        idx = expr.indices
        if len(idx) == 1 and idx[0] in self._context.gathers:
            where = self._context.gathers[idx[0]]
            return self._row(f"_take({name}, {where})")
        if len(idx) == 1:
            return self._place(name, idx[0])
        if len(idx) == 2 and self._axes[-2:] == tuple(idx) and len(self._axes) == 2:
            return name
        if len(idx) == 2 and self._axes[-2:] == tuple(idx[::-1]) and len(self._axes) == 2:
            return f"{self._module_format('numpy.swapaxes')}({name}, -1, -2)"
        raise Unsupported(f"cannot place {expr} on the axes {self._axes}")

    def _print_KroneckerDelta(self, expr):
        a, b = expr.args
        if len(self._axes) != 2 or set(self._axes) != {a, b}:
            raise Unsupported(f"{expr} needs the two axes {a}, {b}")
        n = self._context.sizes[a.upper]
        return f"{self._module_format('numpy.eye')}({n}, dtype={self._context.dtype})"

    # -- arithmetic ----------------------------------------------------------------------------

    def _print_Pow(self, expr, rational=False):
        base, e = expr.args
        if e.is_Integer and e < 0:
            return f"1/{self.parenthesize(sp.Pow(base, -e), sp.printing.precedence.PRECEDENCE['Mul'])}"
        return super()._print_Pow(expr, rational=rational)

    def _print_Mul(self, expr):
        if len(expr.args) == 2 and expr.args[0] == -1 and isinstance(expr.args[1], sp.Abs):
            return f"{self._module_format('numpy.copysign')}({self._print(expr.args[1].args[0])}, -1)"
        return super()._print_Mul(expr)

    def _print_Piecewise(self, expr):
        if len(expr.args) != 2 or expr.args[1].cond != sp.true:
            raise Unsupported(f"only a two-piece Piecewise has an array form, got {expr}")
        (a, cond), (b, _) = expr.args
        return f"{self._module_format('numpy.where')}({self._print(cond)}, {self._print(a)}, {self._print(b)})"

    def _print_Abs(self, expr):
        return f"{self._module_format('numpy.abs')}({self._print(expr.args[0])})"

    def _print_SignBit(self, expr):
        return f"{self._module_format('numpy.signbit')}({self._print(expr.args[0])})"

    def _binary(self, fn: str, args) -> str:
        text = self._print(args[0])
        for a in args[1:]:
            text = f"{self._module_format(fn)}({text}, {self._print(a)})"
        return text

    def _print_Min(self, expr):
        return self._binary("numpy.minimum", sorted(expr.args, key=lambda a: not a.is_Number)[::-1])

    def _print_Max(self, expr):
        return self._binary("numpy.maximum", sorted(expr.args, key=lambda a: not a.is_Number)[::-1])

    def _print_log(self, expr):
        (arg,) = expr.args
        if isinstance(arg, sp.Add) and sp.S.One in arg.args:
            # log(1 + s) evaluated as log1p(s): 1 + s is never formed, so small s keeps its digits.
            rest = sp.Add(*[a for a in arg.args if a != sp.S.One])
            return f"{self._module_format('numpy.log1p')}({self._print(rest)})"
        if isinstance(arg, softmax):
            return self._call("log_softmax", arg)
        return f"{self._module_format('numpy.log')}({self._print(arg)})"

    # -- the project's functions ---------------------------------------------------------------

    def _name(self, name: str) -> str:
        return self._context.calls.get(name, name)

    def _print_sigmoid(self, expr):
        return f"{self._name('sigmoid')}({self._print(expr.args[0])})"

    def _print_dsigmoid(self, expr):
        return f"{self._name('sigmoid_grad')}({self._print(expr.args[0])})"

    def _call(self, name: str, expr: softmax) -> str:
        vec, idx = expr.args
        (q,) = vec.variables
        return self._place(f"{self._name(name)}({self._in((q,), vec.expr)})", idx)

    def _print_softmax(self, expr):
        return self._call("softmax", expr)

    def _print_ExceptSum(self, expr):
        body, a, k = expr.args
        where = self._context.gathers.get(k)
        if where is None:
            raise Unsupported(f"the left-out index {k} is not a gathered position")
        inner = self._in((a,), body)
        if isinstance(body, (sp.Symbol, Indexed)):
            inner += ".copy()"  # the helper writes into its argument: never into a shared array
        return self._row(f"_sum_except({inner}, {where})")

    def _print_SplitExp(self, expr):
        (t,) = expr.args
        if not isinstance(t, Indexed) or t.base not in self._context.splits:
            raise Unsupported(f"{t} is not a rounded difference the kernel binds")
        error = self._place(self._context.splits[t.base], t.indices[0])
        return f"_exp_split({self._print(t)}, {error})"

    # -- sums ----------------------------------------------------------------------------------

    def _print_Sum(self, expr):
        if len(expr.limits) > 1:
            inner = Sum(expr.function, *expr.limits[:-1])
            return self._print(Sum(inner, expr.limits[-1]))
        body = expr.function
        (j, lo, hi) = expr.limits[0]
        axes = self._axes
        used = {a for a in axes if a in body.free_symbols}
        if len(axes) == 1 and j == axes[0]:
            return self._reduce(self._in((j,), body), keep=True)
        if not used:
            if not axes:
                return self._reduce(self._in((j,), body), keep=self._context.keep)
            return self._row(self._reduce(self._in((j,), body), keep=True))
        product = self._matmul(body, j)
        if product is not None:
            return product
        return self._reduce(self._in(axes + (j,), body), keep=False)

    def _reduce(self, text: str, keep: bool) -> str:
        """The sum over the last axis of the array ``text``, keeping that axis with length 1 if ``keep``."""
        total = self._module_format("numpy.add.reduce")  # numpy.sum without its Python-level wrapper
        return f"{total}({text}, axis=-1{', keepdims=True' if keep else ''})"

    def _matmul(self, body, j):
        """sum_j v_j M[j, a] (or M[a, j]) with a the only axis: ``v @ M`` (or ``v @ M.T``)."""
        if len(self._axes) != 1:
            return None
        (a,) = self._axes
        factors = sp.Mul.make_args(body)
        for n, f in enumerate(factors):
            if isinstance(f, Indexed) and len(f.indices) == 2 and set(f.indices) == {a, j}:
                rest = sp.Mul(*(factors[:n] + factors[n + 1:]))
                if a in rest.free_symbols:
                    return None
                matrix = self._print(f.base.label)
                if f.indices[0] == a:
                    matrix = f"{self._module_format('numpy.swapaxes')}({matrix}, -1, -2)"
                vec = self._in((j,), rest)
                if self._context.stacked:
                    # A stack of matrices: each row's vector times its own matrix, not every matrix.
                    return f"(({vec})[..., None, :] @ {matrix})[..., 0, :]"
                if not isinstance(rest, (sp.Symbol, Indexed, sp.Function)):
                    vec = f"({vec})"  # @ binds tighter than + and -
                return f"({vec} @ {matrix})"
        return None


def to_numpy(expr: sp.Expr, axes=(), context: Context | None = None) -> str:
    """NumPy code for expr over the axes of the free indices ``axes`` (last index, last axis)."""
    printer = context.printer if context is not None and context.printer is not None else ArrayPrinter
    return printer(axes, context).doprint(expr)


# --- evaluation in one buffer ----------------------------------------------------------------

@dataclass(frozen=True)
class _Spine:
    """Code for a subexpression evaluated in place: into ``buffer``, allocated by ``alloc`` if any.

    ``leaf`` is the kernel's own array the spine starts from (no allocation), ``written``
    whether the code has already overwritten it.
    """

    code: str
    buffer: str
    alloc: str | None = None
    leaf: object = None
    written: bool = False


class _InPlace:
    """The spine of an expression over one axis, printed with ``out=`` (see to_numpy_inplace)."""

    def __init__(self, printer: ArrayPrinter, own, name: str):
        self.p = printer
        self.own = frozenset(own)
        self.name = name

    def _full(self, e) -> bool:
        return set(self.p._axes) <= e.free_symbols

    def _alloc(self, e) -> _Spine:
        return _Spine(self.name, self.name, alloc=f"{self.name} = {self.p._print(e)}")

    def _plain(self, e) -> bool:
        return isinstance(e, (sp.Symbol, Indexed)) and getattr(e, "base", None) not in self.own

    def _op(self, e, child, make, reads=frozenset()) -> _Spine:
        """e = op(child, rest): the child's spine, then ``make(code, out)``; allocated at e if need be.

        ``reads`` are the arrays the other operands read.
        """
        if self._plain(child):
            return self._alloc(e)  # an argument array: the operation itself allocates the buffer
        sub = self.visit(child)
        if sub.leaf is not None and sub.written and sub.leaf in reads:
            return self._alloc(e)  # the rest reads the leaf after the spine has overwritten it
        return _Spine(make(sub.code, sub.buffer), sub.buffer, sub.alloc, sub.leaf, True)

    def visit(self, e) -> _Spine:
        if isinstance(e, Indexed) and e.base in self.own and tuple(e.indices) == self.p._axes:
            name = self.p._print(e)
            return _Spine(name, name, leaf=e.base)
        fmt = self.p._module_format
        if isinstance(e, sp.exp) and self._full(e.args[0]):
            return self._op(e, e.args[0], lambda c, o: f"{fmt('numpy.exp')}({c}, out={o})")
        if isinstance(e, sp.Pow) and e.exp == -1 and self._full(e.base):
            return self._op(e, e.base, lambda c, o: f"{fmt('numpy.divide')}(1, {c}, out={o})")
        if isinstance(e, (sp.Add, sp.Mul)) and not (isinstance(e, sp.Mul) and e.args[0] == -1 and
                                                    len(e.args) == 2 and isinstance(e.args[1], sp.Abs)):
            full = [a for a in e.args if self._full(a)]
            if not full:
                return self._alloc(e)
            owned = [a for a in full if isinstance(a, Indexed) and a.base in self.own]
            child = (owned or full)[0]
            rest = e.func(*[a for a in e.args if a is not child])
            bases = {a.base for a in rest.atoms(Indexed)}
            return self._op(e, child, lambda c, o: self._combine(e, c, rest, o), reads=bases)
        return self._alloc(e)

    def _combine(self, e, code: str, rest, out: str) -> str:
        fmt, show = self.p._module_format, self.p._print
        if isinstance(e, sp.Add):
            if rest.could_extract_minus_sign():
                return f"{fmt('numpy.subtract')}({code}, {show(-rest)}, out={out})"
            return f"{fmt('numpy.add')}({code}, {show(rest)}, out={out})"
        if rest == -1:
            return f"{fmt('numpy.negative')}({code}, out={out})"
        num, den = sp.fraction(rest)
        if num != 1:
            code = f"{fmt('numpy.multiply')}({code}, {show(num)}, out={out})"
        if den != 1:
            code = f"{fmt('numpy.divide')}({code}, {show(den)}, out={out})"
        return code


def to_numpy_inplace(expr: sp.Expr, axis, context: Context, own=(), name: str = "r") -> tuple[str | None, str]:
    """``(allocation, code)``: expr over the one axis ``axis``, evaluated in a single buffer.

    ``own`` are the IndexedBases of arrays the kernel computed and reads nowhere after this
    expression: the spine may start from one of them and overwrite it. Otherwise the first
    operation on the spine allocates the buffer, bound to ``name`` by the statement
    ``allocation``. Needs ``context.inplace`` (refused otherwise).
    """
    if not context.inplace:
        raise Unsupported("in-place evaluation needs a context where every full array has the output's shape")
    printer = ArrayPrinter((axis,), context)
    spine = _InPlace(printer, own, name).visit(expr)
    if spine.alloc is not None and spine.code == spine.buffer:
        return None, printer.doprint(expr)  # nothing would be written in place: print it plainly
    return spine.alloc, spine.code


# --- one entry --------------------------------------------------------------------------------

class EntryPrinter(PythonCodePrinter):
    """Prints one entry of an entrywise expression as scalar Python over ``math``: x[i] is ``x``.

    The code is what a compiler such as numba turns into the loop of a NumPy ufunc.
    """

    printmethod = "_entrycode"

    def _print_Indexed(self, expr):
        if len(expr.indices) != 1:
            raise Unsupported(f"an entrywise form reads one entry of one vector, got {expr}")
        return self._print(expr.base.label)

    def _print_Idx(self, expr):
        raise Unsupported(f"a bare index {expr} has no scalar meaning")

    def _print_Sum(self, expr):
        raise Unsupported(f"{expr} is not entrywise")

    def _print_SignBit(self, expr):
        return f"{self._module_format('math.copysign')}(1.0, {self._print(expr.args[0])}) < 0"


def to_entry(expr: sp.Expr) -> str:
    """Scalar Python (math module) for one entry of an entrywise expression."""
    return EntryPrinter().doprint(expr)
