"""Derivatives as documents write them: Leibniz fractions, d^2/dx^2 and mixed partials, primes, nabla.

A mixin of the Reader: these methods read the operator (d/dx, the variables below a fraction bar)
and apply it to the value it reaches, including a derivative with respect to a name the document
defines (the chain of definitions, everything else fixed).
"""

from __future__ import annotations

import dataclasses
import re

import sympy as sp
from lark import Tree
from sympy import Idx, Indexed

from ..errors import FormulaError
from ..normal import evaluate_derivatives, rename_dummies
from ..notation import Definition, fresh_index, scalar, unfold, vector
from ..model import BY_MATRIX_SHAPE, Reading
from . import products as P
from . import values as V
from .grammar import parser
from .syntax import (
    GREEK, MAX_ORDER, ENTRYWISE_DERIVATIVE, symbol_name, Fn, DerivativeOp, Entry, item_base, item_scripts,
    node_kind, node_word, script_word, accented
)


def kept_base(key: str) -> sp.IndexedBase:
    """The entries of the defined vector ``key`` kept as a name of their own (a mark no document can write)."""
    return vector(f"{key}\u00b7")


def _written(key: str) -> str:
    """A symbol name as the document writes it: yhat is \\hat{y}, theta is \\theta."""
    for accent in ("hat", "bar", "tilde", "vec"):
        if key.endswith(accent) and len(key) > len(accent):
            base = key[:-len(accent)]
            return f"\\{accent}{{{_written(base)}}}"
    return f"\\{key}" if key in GREEK else key


@dataclasses.dataclass(frozen=True)
class MatrixVariable:
    """A declared matrix a number is differentiated by (d f / d X), with its shape."""

    base: sp.IndexedBase
    rows: sp.Expr
    cols: sp.Expr


def _kept_key(variable) -> str | None:
    """The defined vector a derivative's variable is (the whole of it, or an entry), or None."""
    base = variable[0] if isinstance(variable, tuple) else variable.base if isinstance(variable, Indexed) else None
    label = str(base.label) if base is not None else ""
    return label[:-1] if label.endswith("\u00b7") else None


def _layout_reading(layout: str, declared: bool) -> Reading:
    """The layout a Jacobian is read in, named in the verdict's reading."""
    if layout == P.DENOMINATOR:
        return Reading("declaration", "the derivative of a vector $f$ by a vector $x$ is read in denominator layout, "
                                      "as the notation declares: row $b$, column $a$ is "
                                      "$\\partial f_a / \\partial x_b$")
    if declared:
        return Reading("declaration", "the derivative of a vector $f$ by a vector $x$ is read as its Jacobian in "
                                      "numerator layout, as the notation declares: row $a$, column $b$ is "
                                      "$\\partial f_a / \\partial x_b$")
    return Reading("default", "the derivative of a vector $f$ by a vector $x$ is read as its Jacobian in numerator "
                              "layout: row $a$, column $b$ is $\\partial f_a / \\partial x_b$ (the default; "
                              "layout = \"denominator\" in the notation file reads the transpose)")


def _bold_base(node):
    """The letter or command a bold font wraps (\\mathbf{y}), or None."""
    if node_kind(node) == "font" and str(node.children[0]) in ("\\mathbf", "\\boldsymbol", "\\bm"):
        inner = node.children[1]
        while node_kind(inner) in ("group", "product") and len(inner.children) == 1:
            inner = inner.children[0]
        if node_kind(inner) == "item" and not item_scripts(inner):
            inner = item_base(inner)
        if node_kind(inner) in ("letter", "command"):
            return inner
    return None


def _only_derivative(text: str) -> bool:
    """The formula is one derivative of one name and nothing else: \\frac{\\partial L}{\\partial y_i},
    \\partial L / \\partial y, \\nabla_w L."""
    from .reader import _SLASH_DERIVATIVE  # (the reader's own rewriting of a slash derivative)
    try:
        tree = parser().parse(_SLASH_DERIVATIVE.sub(r"\\frac{\\partial \1}{\\partial \2}", text))
    except Exception:  # noqa: BLE001 - any text the grammar refuses is no such derivative
        return False
    items = [c for c in tree.children if isinstance(c, Tree)] if isinstance(tree, Tree) and tree.data == "product" else []
    if len(items) != len(tree.children):
        return False
    if len(items) == 1:
        return node_kind(item_base(items[0])) == "frac" and not item_scripts(items[0])
    if len(items) == 2:
        return node_word(item_base(items[0])) == "\\nabla" and not item_scripts(items[1]) \
            and [sc.data for sc in item_scripts(items[0])] == ["sub_script"]
    return False


_SIMPLIFY_OPS = 80  # a form of a defined name is compared with its definition only when this small


@dataclasses.dataclass(frozen=True)
class Upstream:
    """A name L the document gives only by its gradient (g_i = dL/dy_i: the gradient from the layers above):
    L is a function of y alone, with dL/dy = g. ``y`` is y's entry base (kept, for a defined y) or its symbol,
    ``g`` the gradient's base or symbol, ``length`` y's length (None for a number y)."""

    y: object
    g: object
    length: object
    line: int | None
    text: str  # the reading, as the verdicts show it


class DerivativeReading:
    """The Reader's derivatives (a mixin: it uses the Reader's reading methods)."""

    def _define_upstream(self, left: str, right: str) -> bool:
        """g_i = dL/dy_i, \\bar{y} = dL/dy, c = \\nabla_w L or delta = dL/dz, L a name no formula defines: the
        gradient arriving from the layers above. From here on a first derivative of L is read by the chain rule
        through y (L a function of y alone, its gradient g any vector); g itself stays a name of its own."""
        if not _only_derivative(right):
            return False
        probe: list = []
        self._upstream_probe = probe
        try:
            self.read(right)
        except FormulaError:
            pass
        else:
            return False
        finally:
            self._upstream_probe = None
        if len(probe) != 1:
            return False
        word, variable = probe[0]
        if word in self.abstract or word in getattr(self, "alone_on_left", ()):
            return False  # (L = a formula somewhere: L is no longer any function of y)
        try:
            g = self.read(left)
        except FormulaError:
            # \mathbf{c} = \nabla_w L with c otherwise only a default constant: c is this gradient, a vector
            bold = re.fullmatch(r"\s*\\(?:mathbf|boldsymbol|bm)\s*\{\s*([A-Za-z])\s*\}\s*", left)
            if bold is None or not isinstance(variable, tuple) or not self._default_only(bold.group(1)):
                return False
            bold_key = bold.group(1)
            g = V.Value(vector(bold_key)[V.entry_index(variable[1])], variable[1])
        else:
            bold_key = None
        e = g.expr
        if isinstance(variable, tuple) and type(e) is sp.Symbol and self.guesses.get(e.name, 0) > 0 and not g.is_vector:
            # \bar{\mathbf{y}} = dL/d\mathbf{y}, with no declaration: a vector of y's length, its entries \bar{y}_i
            # (and so wherever it is written from here on: "the column vector $g$ ... the upstream gradient")
            if bold_key is None and re.fullmatch(r"\s*\\?[A-Za-z]+\s*", left) and e.name not in self.values \
                    and (self.notation.kind_of(e.name) is None or self._default_only(e.name)):
                bold_key = e.name
            g = V.Value(vector(e.name)[V.entry_index(variable[1])], variable[1])
            e = g.expr
        if g.misfit is not None or g.row or g.is_matrix:
            return False
        if isinstance(variable, tuple):  # dL/dy, \nabla_y L: the whole gradient
            base, length = variable
            if not (g.is_vector and isinstance(e, Indexed) and len(e.indices) == 1 and g.size == length):
                return False
            y, gradient = base, e.base
        elif isinstance(variable, Indexed) and len(variable.indices) == 1 and isinstance(variable.indices[0], Idx):
            # g_i = dL/dy_i: the same index on both sides
            if g.is_vector or not isinstance(e, Indexed) or e.indices != variable.indices:
                return False
            y, gradient, length = variable.base, e.base, variable.indices[0].upper
        elif type(variable) is sp.Symbol:
            if g.is_vector or type(e) is not sp.Symbol or e == variable:
                return False
            y, gradient, length = variable, e, None
        else:
            return False
        if gradient == y:
            return False
        if _kept_key((y, 0) if isinstance(y, sp.IndexedBase) else (None, 0)) is None \
                and (isinstance(y, sp.IndexedBase) or y.name not in self.shallow):
            # y a variable, not a name defined by a formula: only one the document declares (a default y, or a
            # y a later display defines, would make L a function of the wrong thing)
            label = str(y.label) if isinstance(y, sp.IndexedBase) else y.name
            stated = {symbol_name(n): at for n, at in self.stated.items()}
            if label in self.values or label not in stated or self.line is not None and stated[label] > self.line:
                return False
        name = _written(word)
        shown = _written(str(gradient.label if isinstance(gradient, sp.IndexedBase) else gradient))
        over = _written((_kept_key((y, 0)) or str(y.label)) if isinstance(y, sp.IndexedBase) else str(y))
        text = (f"${name}$ is read as a function of ${over}$ alone, whose gradient ${shown}$ line {self.line} "
                f"defines: a derivative of ${name}$ is the chain rule through ${over}$")
        self.abstract[word] = Upstream(y, gradient, length, self.line, text)
        if bold_key is not None:  # (the bold c, a vector from here on: the gradient's name)
            self.values[bold_key] = g
            self.defined_at[bold_key] = self.line
            self.overrides.add(bold_key)
        return True

    def _abstract_gradient(self, entry: Entry, op: DerivativeOp, env) -> V.Value | None:
        """dL/dx of a name L the document gives only by its gradient g with respect to y (_define_upstream):
        sum_k g_k dy_k/dx, y unfolded; None when the body is not such a name."""
        if not self.abstract or entry.op is not None or entry.negative or item_scripts(entry.item):
            return None
        value = self._item(entry.item, env)
        if not isinstance(value, V.Value) or type(value.expr) is not sp.Symbol:
            return None
        up = self.abstract.get(value.expr.name)
        if up is None or (self.line is not None and up.line is not None and self.line < up.line):
            return None
        name = _written(value.expr.name)
        if op.variable is None or op.jacobian or len(op.more) > 1 or (op.more and op.more[0][1] > 1):
            raise FormulaError(f"a second derivative of {name} is not read: the document gives {name} only by its "
                               f"gradient (line {up.line})")
        variable = op.variable
        if up.g in (variable, getattr(variable, "base", None), variable[0] if isinstance(variable, tuple) else None):
            raise FormulaError(f"the derivative of {name} by its own gradient is not read")
        key = _kept_key((up.y, 0)) if isinstance(up.y, sp.IndexedBase) else up.y.name if up.y.name in self.shallow else None
        plain = str(up.y.label) if isinstance(up.y, sp.IndexedBase) else up.y.name
        if key is None and plain in self.values and self._in_force(plain):
            raise FormulaError(f"{name} is given by its gradient with respect to the variable {_written(plain)} "
                               f"(line {up.line}), and {_written(plain)} is defined by a formula here")
        if key is not None and not self._in_force(key):
            raise FormulaError(f"{name} is given by its gradient with respect to {_written(key)} (line {up.line}), "
                               f"and {_written(key)}'s definition is no longer in force here")
        if up.length is not None:
            k = fresh_index(None, 1, up.length, stem="_u")
            expr = sp.Sum(up.g[k] * up.y[k], (k, 1, up.length))
        else:
            expr = up.g * up.y
        keep = set(op.through)
        unfolded = self._unfold(expr, keep)
        left = sorted({str(b.label)[:-1] for b in unfolded.atoms(sp.IndexedBase) if str(b.label).endswith("\u00b7")}
                      - set(keep))
        if left:
            # (o of o = sum_j a_j v_j, given a number by an example since: its formula is not unfolded, and a derivative
            # of its entries kept as names would vanish)
            raise FormulaError(f"{name} is given by its gradient with respect to {_written(left[0])} (line {up.line}), "
                               f"and {_written(left[0])}'s formula is not read here: its derivative is not read")
        if keep:
            kept = {scalar(n) for n in keep} | {kept_base(n) for n in keep}
            if not (unfolded.free_symbols & kept or {a.base for a in unfolded.atoms(Indexed)} & kept):
                raise FormulaError(f"{name} is a function of a name that is not written in "
                                   f"{', '.join(sorted(keep))}: its derivative by it is not read")
        result = self._differentiate(V.Value(unfolded), op)
        if keep:
            done = evaluate_derivatives(result.expr)
            if done.has(sp.Derivative, sp.Subs):
                raise FormulaError(f"the derivative of {name} is not carried out")
            result = result.with_expr(self._unfold(done, set()))
        self.notes.append(Reading("inferred", up.text, up.line))
        return result

    def _differentiate_through(self, rest: list[Entry], op: DerivativeOp, env) -> V.Value:
        """d/dz of a body, z a defined name: the body with every other definition unfolded, z kept as a
        name, differentiated by z, and then z unfolded too (the chain of definitions, all else fixed)."""
        shallow = self._shallow
        self._shallow = True
        try:
            body = self._chain(rest, env)
        finally:
            self._shallow = shallow
        if len(op.more) > 1 or op.more[0][1] > 1:
            raise FormulaError("a mixed or higher derivative with respect to a defined name is not read")
        keep = set(op.through)
        if _kept_key(op.variable) is not None:
            return self._gradient_through(body, op, keep)
        if body.is_vector or any(isinstance(v, tuple) for v, _ in op.more):
            raise FormulaError("a derivative with respect to a defined name is read only for scalars")
        expr = self._unfold(body.expr, keep)
        if not any(scalar(n) in expr.free_symbols for n in keep):
            # dy/dz with y written in x, z = 1 + e^{-x}: the chain rule's "y as a function of z" is
            # meant, not the partial derivative 0; it is read where the chain defining y writes y in z
            expr = self._written_in(body.expr, keep)
        # The derivative by a name is taken before the name is unfolded (SymPy cannot differentiate by a formula).
        expr = sp.diff(expr, *op.more)
        return body.with_expr(self._unfold(expr, set()))

    def _gradient_through(self, body: V.Value, op: DerivativeOp, keep: set[str]) -> V.Value:
        """dL/da, dL/dh_i with a (or h) a vector the document defines (a = tanh(z)): L written in a, every
        other definition unfolded, differentiated by a's entries as by a variable's, and then a unfolded too:
        backpropagation's gradient with respect to an intermediate vector, everything before it fixed."""
        names = ", ".join(_written(n) for n in sorted(keep))
        if body.is_vector or body.row or body.is_matrix or body.misfit is not None:
            raise FormulaError(f"the derivative of a vector with respect to the defined vector {names} is not read; "
                               "write it entry by entry")
        expr = self._unfold(body.expr, keep)
        bases = {kept_base(n) for n in keep}
        if any(str(a.base.label) in keep for a in expr.atoms(Indexed)):
            # (A = sum_i p_i y_i written before p = sigma(z) defines p: A's p is the variable, not the kept name)
            raise FormulaError(f"the formula uses {names} both as the vector the document defines and as a variable "
                               f"(a name defined before {names} was): its derivative with respect to {names} is not read")
        if not any(isinstance(a, Indexed) and a.base in bases for a in expr.atoms(Indexed)):
            raise FormulaError(f"the formula is not written in {names}, so its derivative with respect to {names} "
                               f"is not read (write it in {names}, or differentiate by a variable)")
        # (fresh dummies first: d/dh_i of a sum over i must not differentiate by the sum's own i)
        value = self._differentiate(body.with_expr(rename_dummies(expr, stem="_g")), op)
        done = evaluate_derivatives(value.expr)
        if done.has(sp.Derivative, sp.Subs):
            raise FormulaError(f"the derivative with respect to the defined vector {names} is not carried out "
                               "(a function the document does not define?)")
        out = self._unfold(done, set())
        if any(isinstance(a, Indexed) and str(a.base.label).endswith("\u00b7") for a in out.atoms(Indexed)):
            raise FormulaError(f"a defined vector is used where its definition is no longer in force")
        self.notes.append(Reading("definition", f"the derivative with respect to ${names}$ is taken with the formula "
                                                f"written in ${names}$ (the names it is defined from held fixed), "
                                                f"then ${names}$ replaced by its definition"))
        return value.with_expr(out)

    def _learn_forms(self, name: str, terms: list, relations: list) -> None:
        """The terms after the first two of a chain defining the scalar ``name`` (y = formula = z^{-1}),
        read with defined names kept as names; a term that does not read is left out."""
        base = name.rstrip("'")
        key = symbol_name(base) + "'" * (len(name) - len(base))
        if key not in self.shallow:
            return
        forms = []
        for (text, line), relation in zip(terms, relations):
            if relation != "=":
                break
            self._shallow = True
            try:
                value = self.read(text)
            except FormulaError:
                continue
            finally:
                self._shallow = False
            if value.misfit is None and not value.is_vector and not value.row and not value.is_matrix:
                forms.append((value.expr, line))
        self.forms[key] = forms

    def _written_in(self, expr: sp.Expr, keep: set[str]) -> sp.Expr:
        """A defined name's form in the names of ``keep`` alone (y = z^{-1} where its defining chain
        writes it so: the chain rule's y as a function of z), unfolded but for those names; refused
        when there is none, or two that differ."""
        names = ", ".join(sorted(keep))
        refusal = (f"a derivative with respect to {names}, of a formula not written in {names}: write the "
                   f"formula in {names} (y = z^{{-1}}) for d/d{names} to be read")
        if not isinstance(expr, sp.Symbol) or not self._in_force(expr.name) or not self.forms.get(expr.name):
            raise FormulaError(refusal)
        kept = {scalar(n) for n in keep}
        # what the kept names stand for: a form in them and in these at once is not a function of them alone
        under = set().union(*(self._unfold(k, set()).free_symbols for k in kept))
        found = []
        for form, line in self.forms[expr.name]:
            unfolded = self._unfold(form, keep)
            symbols = unfolded.free_symbols
            if symbols & kept and not symbols & (under - kept):
                found.append((unfolded, line))
        if not found:
            raise FormulaError(refusal)
        # the form is the document's claim (a link of its chain); it is used only where it is seen to hold
        meant = self._unfold(expr, set())
        for form, line in found:
            whole = self._unfold(form, set())
            if sp.count_ops(whole) + sp.count_ops(meant) > _SIMPLIFY_OPS or sp.simplify(whole - meant) != 0:
                raise FormulaError(f"{refusal}; the chain writes {expr.name} in {names} on line {line}, but that "
                                   f"form is not seen to equal the definition of {expr.name}")
        first, line = found[0]
        for other, at in found[1:]:
            if sp.simplify(other - first) != 0:
                raise FormulaError(f"{expr.name} is written in {names} in two ways that differ (lines {line} and {at}): "
                                   f"the derivative with respect to {names} is not read")
        self.notes.append(Reading("definition", f"$d{expr.name}/d{names}$ is taken with ${expr.name}$ written in "
                                                f"${names}$ as the chain that defines it writes it", line))
        return first

    def _unfold(self, expr: sp.Expr, keep: set[str]) -> sp.Expr:
        """expr with the defined names in force replaced by their definitions, except those in keep."""
        for _ in range(len(self.shallow) + len(self.shallow_vectors) + 1):
            table = {scalar(n): e for n, e in self.shallow.items()
                     if n not in keep and self._in_force(n) and scalar(n) in expr.free_symbols}
            used = {str(a.base.label)[:-1] for a in expr.atoms(Indexed) if str(a.base.label).endswith("\u00b7")}
            vectors = tuple(Definition(kept_base(n), (V.entry_index(v.size),), v.expr)
                            for n, v in self.shallow_vectors.items() if n in used and n not in keep and self._in_force(n))
            if not table and not vectors:
                return expr
            expr = unfold(expr.xreplace(table), vectors) if vectors else expr.xreplace(table)
        raise FormulaError("definitions that refer to each other in a cycle")

    def _variable(self, value: V.Value, text: str):
        if isinstance(value, P.MatrixTerm) and isinstance(value.m, sp.MatrixSymbol):
            # a declared matrix X: d f / d X for a number f, entry by entry (see _differentiate)
            base = next((b for n, b in self.bases.items() if self.notation.kind_of(n) == "matrix"
                         and str(b.label) == value.m.name), None)
            if base is not None:
                return MatrixVariable(base, *value.m.shape)
        e = value.expr
        if not value.is_vector and isinstance(e, Indexed):
            return e
        if not value.is_vector and isinstance(e, sp.Symbol) and not isinstance(e, Idx) and not e.is_integer:
            return e
        if value.is_vector and isinstance(e, Indexed) and e.indices == (V.entry_index(value.size),):
            if str(e.base.label) in getattr(self, "zero_based", {}):
                raise FormulaError(f"the derivative by the whole of {text}, which the document numbers from 0, is not "
                                   "read (its entry 0 is a number apart): differentiate by its entries")
            return (e.base, value.size)
        raise FormulaError(f"cannot differentiate with respect to {text}: a derivative is taken with respect to a "
                           "variable (a name not defined by a formula, or an entry x_k)")

    def _differentiate(self, body: V.Value, op: DerivativeOp) -> V.Value:
        by = {str(v) for v, _ in op.more} | ({str(op.variable)} if isinstance(op.variable, sp.Symbol) else set())
        primed = sorted(str(s) for s in body.expr.free_symbols if isinstance(s, sp.Symbol) and "'" in str(s)
                        and not {str(s), str(s).rstrip("'")} & by)  # (dL/dy, dL/dy' of L(y, y'): y' a variable)
        if primed:
            # T = r' / ||r'|| with r never defined: r' is read as a number, and how it changes along s is not known
            raise FormulaError(f"a derivative of a formula holding {primed[0]}, read as a number ({primed[0].rstrip(chr(39))} is "
                               f"never defined): how {primed[0]} changes is not known; define {primed[0].rstrip(chr(39))}")
        if op.variable is None:
            op = self._hessian(body)
        if len(op.more) == 1 and op.more[0][1] == 2 and isinstance(op.more[0][0], tuple) and op.text == "\\nabla^2":
            return self._vector_hessian(body, op.more[0][0])
        if len(op.more) > 1 or (op.more and op.more[0][1] > 1):
            if any(isinstance(v, tuple) for v, _ in op.more):
                raise FormulaError("a higher derivative with respect to a whole vector (a Hessian) is not read")
            return body.with_expr(sp.Derivative(body.expr, *op.more))
        if op.jacobian:
            if body.row and isinstance(op.variable, tuple) and self._declared_row(op.variable[0]):
                body = dataclasses.replace(body, row=False)  # D_x of a row by a row: the Jacobian all the same
            return self._jacobian(body, op)
        var = op.variable
        if isinstance(var, MatrixVariable):
            return self._by_matrix(body, var, op)
        if not isinstance(var, tuple):
            return body.with_expr(sp.Derivative(body.expr, var))
        base, length = var
        entry = base[V.entry_index(length)]
        by_row = self._declared_row(base)
        if not body.is_vector and not body.row:
            # the gradient of a number has its variable's shape: a row's is a row
            return V.Value(sp.Derivative(body.expr, entry), length, body.conventions, row=by_row)
        if body.row or by_row:
            if not (body.row and by_row and self.notation.layout):
                raise FormulaError("the derivative of a row by a vector, or of a vector by a row, is read only in a "
                                   "declared layout (numerator: rows for the entries of the function; denominator: "
                                   "rows for the variable's): write layout in the notation file, or use columns")
            body = dataclasses.replace(body, row=False)
        if op.text == "the subscript of \\nabla":
            raise FormulaError("\\nabla of a vector function is not read (a Jacobian or its transpose?); write "
                               "\\frac{\\partial f}{\\partial x} for the Jacobian")
        alternative = None
        if body.size == length and self._only_entry(body.expr, entry):
            alternative = body.with_expr(sp.Derivative(body.expr, entry), ENTRYWISE_DERIVATIVE)
        layout = self.notation.layout or P.NUMERATOR
        self.notes.append(_layout_reading(layout, bool(self.notation.layout)))
        return P.jacobian(body, base, length, layout, alternative)

    def _vector_hessian(self, body: V.Value, variable) -> V.Value:
        """\\nabla_w^2 f, f a number and w a vector of length n: the n x n matrix of d^2 f / d w_i d w_j."""
        base, length = variable
        if body.is_vector or body.row or body.is_matrix or self._declared_row(base):
            raise FormulaError("\\nabla^2 is read only of a number, by a column vector (its Hessian)")
        row, col = base[V.row_index(length)], base[V.col_index(length)]
        return V.Value(sp.Derivative(body.expr, row, col), length, body.conventions, cols=length)

    def _by_matrix(self, body: V.Value, var, op: DerivativeOp) -> V.Value:
        """d f / d X, f a number and X a declared m x n matrix: the m x n matrix of d f / d X_ij (X's shape, as a
        gradient step X - eta d f / d X needs), a convention the verdict names."""
        base, rows, cols = var.base, var.rows, var.cols
        if body.is_vector or body.row or body.is_matrix or op.jacobian or op.more and len(op.more) > 1:
            raise FormulaError("the derivative of a vector or a matrix by a matrix is not read (only of a number)")
        if self.notation.layout == P.NUMERATOR:
            raise FormulaError("the derivative of a number by a matrix in the numerator layout the document says "
                               "(the transpose of the matrix's shape) is not read")
        self.notes.append(Reading("default", BY_MATRIX_SHAPE))
        entry = base[V.row_index(rows), V.col_index(cols)]
        return V.Value(sp.Derivative(body.expr, entry), rows, tuple(dict.fromkeys(body.conventions + (BY_MATRIX_SHAPE,))),
                       cols=cols)

    @staticmethod
    def _jacobian(body: V.Value, op: DerivativeOp) -> V.Value:
        """D_x f in numerator layout: entry (i, k) is d f_i / d x_k; the 1 × N row d f / d x_k for a scalar f."""
        base, length = op.variable
        V.no_matrix(body)
        if body.row:
            raise FormulaError(f"{op.text} of a transposed vector is not read")
        if not body.is_vector:
            return V.Value(sp.Derivative(body.expr, base[V.entry_index(length)]), length, body.conventions, row=True)
        return V.Value(sp.Derivative(body.expr, base[V.column_index(length)]), body.size, body.conventions,
                       cols=length)

    def _jacobian_head(self, entry: Entry, nxt: Entry | None, env) -> DerivativeOp | None:
        """D_x before a formula: the Jacobian with respect to the vector x, when D means nothing else here."""
        base, scripts = item_base(entry.item), item_scripts(entry.item)
        if node_kind(base) != "letter" or str(base.children[0]) != "D" or "D" in env \
                or self.notation.kind_of("D") is not None or "D" in self.values or "D" in self.lambdas \
                or len(scripts) != 1 or scripts[0].data != "sub_script" \
                or nxt is None or nxt.op is not None or nxt.negative:
            return None
        guesses = self.guesses.copy()
        try:
            value = self._arg_value(scripts[0].children[1], env)
        except FormulaError:
            value = None
        variable = self._variable_quiet(value) if value is not None else None
        if value is None or not value.is_vector or not isinstance(variable, tuple) \
                or (value.row and not self._declared_row(variable[0])):
            self.guesses = guesses
            return None
        return DerivativeOp(self._variable(value, "the subscript of D"), "D", jacobian=True)

    def _declared_row(self, base) -> bool:
        """The vector with this base is declared a row (x \\in \\mathbb{R}^{1 \\times N})."""
        return any(self.bases.get(r) == base for r in self.notation.rows)

    def _variable_quiet(self, value: V.Value):
        try:
            return self._variable(value, "")
        except FormulaError:
            return None

    @staticmethod
    def _only_entry(expr: sp.Expr, entry: Indexed) -> bool:
        """expr depends on vectors only through this one entry, and holds no sums."""
        return expr.atoms(Indexed) == {entry} and not expr.has(sp.Sum, sp.Lambda)

    def _prime(self, value) -> V.Value | Fn:
        if isinstance(value, Fn):
            if value.kind == "sigmoid" and not value.primes:
                return Fn("dsigmoid", value.name + "'", power=value.power)
            if value.kind in V.SCALAR_FUNCTIONS or value.kind in ("lambda", "unknown"):
                if value.power != 1:
                    raise FormulaError(f"a prime after a power of {value.name} is unclear")
                if value.primes >= MAX_ORDER:
                    raise FormulaError(f"a derivative of order more than {MAX_ORDER} is not read")
                return Fn(value.kind, value.name + "'", value.base, func=value.func, primes=value.primes + 1)
            raise FormulaError(f"{value.name}' is not read (the derivative of a function of a vector)")
        e = value.expr
        if isinstance(e, sp.Symbol) and self.guesses.get(e.name, 0) > 0 and self.notation.kind_of(e.name) != "scalar":
            # a' of an undeclared a is a name of its own (as TeX shows it), never da/da (c' of the constant c is
            # refused below).
            self.guesses[e.name] -= 1
            # TeX sets a_b' and a'_b alike (the prime on a), and a_{b'} apart (the prime on b).
            head, sep, tail = e.name.partition("_")
            name = f"{head}'{sep}{tail}"
            if name in self.values and self._in_force(name):
                for cond in self.values[name].domain:
                    V.requires(cond)
                return self.values[name]
            self.guesses[name] += 1
            return V.Value(scalar(name))
        if isinstance(e, Indexed) and len(e.indices) == 1 and self.notation.kind_of(f"{e.base.label}'") == "vector":
            # y' declared by the document (y' is one-hot): a vector of its own (y'_i as TeX sets y_i')
            primed = self._meaning(f"{e.base.label}'", {})
            return primed if value.is_vector else V.entry_at(primed, e.indices[0])
        if isinstance(e, (sp.Symbol, Indexed)):
            # a' is a name of its own in most texts, and d a/d a = 1 is never what is meant.
            shown = e.base.label if isinstance(e, Indexed) and value.is_vector else e
            raise FormulaError(f"a prime on the name {sp.sstr(shown)} is read neither as a new name nor as a derivative; "
                               "use another letter, or write the derivative as \\frac{d}{dx}(...)")
        if value.is_vector:
            entries = e.atoms(Indexed)
            scalars = {s for s in e.free_symbols if isinstance(s, sp.Symbol) and not isinstance(s, Idx)
                       and not s.is_integer and s not in {a.base.label for a in entries}}
            if len(entries) == 1 and not scalars and self._only_entry(e, next(iter(entries))):
                return value.with_expr(sp.Derivative(e, next(iter(entries))), ENTRYWISE_DERIVATIVE)
            raise FormulaError("unclear which variable ' differentiates by")
        candidates = {a for a in e.atoms(Indexed) if not (a.free_symbols - e.free_symbols)} | {
            s for s in e.free_symbols if isinstance(s, sp.Symbol) and not isinstance(s, Idx) and not s.is_integer
            and s not in {a.base.label for a in e.atoms(Indexed)}}
        if len(candidates) != 1:
            raise FormulaError("unclear which variable ' differentiates by")
        (only,) = candidates
        base = str(only.base.label) if isinstance(only, Indexed) else only.name
        usage = getattr(self, "usage", None)
        if usage is not None and base in usage.primed:
            # v' of v = y^{-1} where the document writes y' and y(1): y is a function of x, and ' is d/dx, not d/dy
            raise FormulaError(f"a prime on a formula in {base}, which the document also differentiates ({base}'): the "
                               "variable ' differentiates by is not read")
        return value.with_expr(sp.Derivative(e, only))

    def _leibniz(self, num, den, env):
        """d/dx, dy/dx, d^2/dx^2, the partial and mixed forms, or None when the fraction is not a derivative."""
        den_entries = self._entries(self._inner(den))
        num_entries = self._entries(self._inner(num))
        if all(node_word(item_base(e[0].item)) == "d" and node_kind(item_base(e[0].item)) == "letter"
               for e in (den_entries, num_entries)) and len(den_entries) > 1:
            self._marker_base(num_entries[0], numerator=True)  # a declared d is a clash here
        marker = self._marker_base(den_entries[0])
        if marker is None or den_entries[0].op is not None or den_entries[0].negative or len(den_entries) < 2:
            return None  # \\frac{c}{d} is a fraction: a derivative's d is followed by its variable
        order = self._order(num_entries[0], marker)
        if order is None:
            raise FormulaError("a derivative needs the same d or \\partial above and below")
        variables = self._variables(den_entries, marker, env)
        if sum(n for _, n in variables) != order or any(not 1 <= n <= MAX_ORDER for _, n in variables):
            raise FormulaError(f"the order {order} above does not match the variables below the fraction bar")
        text = " ".join(str(node_word(item_base(e.item)) or "") for e in den_entries[1:]).strip() or "this"
        through = tuple(v.name for v, _ in variables if isinstance(v, sp.Symbol) and v.name in self.shallow
                        and self._in_force(v.name)) + tuple(_kept_key(v) for v, _ in variables if _kept_key(v))
        op = DerivativeOp(variables[0][0], text, tuple(variables), through)
        if len(num_entries) == 1:
            return op
        rest = num_entries[1:]
        if len(rest) == 1:
            head = self._item(rest[0].item, env)
            if not isinstance(head, Fn):
                self._check_not_a_bare_name(rest[0], env, op.variable)
            elif head.kind == "lambda" and not head.primes and (not item_scripts(rest[0].item) or "_" in head.name and all(
                    sc.data == "sub_script" for sc in item_scripts(rest[0].item))):
                # df/dx, \partial u / \partial y of f(x), u(x, y) defined: the function at its own variables
                if len(variables) == 1 and isinstance(variables[0][0], sp.Symbol):
                    self._check_function_depends(head, variables[0][0])
                rest = self._applied_to_its_variable(rest[0], head, variables)
            elif len(op.more) <= 1 and type(op.variable) is sp.Symbol and not item_scripts(rest[0].item) \
                    and not rest[0].op and not rest[0].negative and not op.through:
                # d\sigma/dx: the function of one variable at that variable, differentiated
                return self._differentiate(self._apply(head, (V.Value(op.variable),)), op)
        return self._operate(op, rest, env)

    def _applied_to_its_variable(self, entry: Entry, fn: Fn, variables) -> list[Entry]:
        """df/dx with f(x) = ... defined: f at its own variable x. Another variable is refused."""
        own = fn.func.variables
        if any(v not in own for v, _ in variables) or not all(len(str(v)) == 1 and str(v).isascii()
                                                               or str(v) in GREEK for v in own):
            where = ", ".join(map(str, own))
            raise FormulaError(f"{fn.name} is defined as a function of {where}; write the derivative at a point: "
                               f"\\frac{{\\partial}}{{\\partial {own[0]}}} {fn.name}({where})")
        argument = Tree("item", [Tree("paren", [Tree("product", [Tree("item", [
            Tree("command", ["\\" + str(v)]) if str(v) in GREEK else Tree("letter", [str(v)])])]) for v in own])])
        return [entry, Entry(None, False, argument)]

    def _defined_name(self, group: list[Entry], env) -> str | None:
        """The defined scalar name a derivative's variable is (z in d/dz with z = w^T x; h_1 in d/dh_1 with
        h_1 = tanh(w h_0 + u x_1)), or None."""
        if len(group) != 1 or group[0].op is not None or group[0].negative:
            return None
        scripts = item_scripts(group[0].item)
        if len(scripts) == 1 and scripts[0].data == "sub_script" and node_kind(item_base(group[0].item)) in ("letter", "command"):
            label = re.fullmatch(r"\{?\s*(\d+)\s*\}?", "".join(str(t) for t in scripts[0].children[1].scan_values(
                lambda v: True)) if isinstance(scripts[0].children[1], Tree) else str(scripts[0].children[1]))
            word = node_word(item_base(group[0].item))
            if label and word not in env:
                name = f"{symbol_name(word)}_{label.group(1)}"
                return name if name in self.shallow and self._in_force(name) else None
            return None
        if scripts:
            return None
        base = item_base(group[0].item)
        word = node_word(base)
        if node_kind(base) == "accent":  # \partial L / \partial \hat{y}, with \hat{y} = W a defined
            inner = script_word(base.children[1])
            word = accented(str(base.children[0]), inner) if inner else None
        if word is None or word in env or node_kind(base) not in ("letter", "command", "accent"):
            return None
        name = symbol_name(word)
        return name if name in self.shallow and self._in_force(name) else None

    def _defined_vector(self, group: list[Entry], env) -> bool:
        """The derivative's variable is a vector the document defines (a = tanh(z)), or an entry of one (h_i)."""
        if len(group) != 1 or group[0].op is not None or group[0].negative:
            return False
        base = item_base(group[0].item)
        if _bold_base(base) is not None:
            base = _bold_base(base)  # d L / d \mathbf{y}: the vector y, in bold
        word = node_word(base)
        if node_kind(base) == "accent":
            inner = script_word(base.children[1])
            word = accented(str(base.children[0]), inner) if inner else None
        if word is None or word in env or node_kind(base) not in ("letter", "command", "accent"):
            return False
        key = symbol_name(word)
        scripts = item_scripts(group[0].item)
        if any(sc.data != "sub_script" for sc in scripts) or len(scripts) > 1:
            return False
        return key in self.shallow_vectors and key in self.values and self._in_force(key)

    def _check_not_a_bare_name(self, entry: Entry, env, variable=None) -> None:
        """dy/dx with y a name the document does not define in terms of x: refused, not read as 0.
        An entry by an entry of the same vector (d theta_k / d theta_i) is read: it is delta_{ki}."""
        base = item_base(entry.item)
        if node_kind(base) == "paren" and not (len(base.children) == 1 and node_kind(base.children[0]) in ("product", "item")
                                               and len(self._entries(base.children[0])) == 1):
            return  # d(log e^{x_1})/dx: a formula in parentheses, whatever SymPy makes of it
        value = self._item(entry.item, env)
        if not isinstance(value, V.Value):
            return
        e = value.expr
        if isinstance(e, sp.Symbol) and e.name in self.shallow and self._in_force(e.name):
            return
        names = set(self.notation.definitions)
        if isinstance(e, Indexed) and isinstance(variable, Indexed) and e.base == variable.base \
                and len(e.indices) == len(variable.indices):
            return
        if isinstance(e, (sp.Symbol, Indexed)) and not isinstance(e, Idx):
            base = e.base.label if isinstance(e, Indexed) else e
            if not any(symbol_name(n) == str(base) for n in names):
                word = str(base)
                if getattr(self, "_upstream_probe", None) is not None and isinstance(e, sp.Symbol):
                    self._upstream_probe.append((word, variable))
                elif word in self.abstract and isinstance(e, sp.Symbol):
                    return  # L given by its gradient: read by _abstract_gradient
                raise FormulaError(f"d{word}/d...: {word} is a name, not a formula; the derivative of a name is "
                                   f"not read (write the formula: \\frac{{d}}{{dx}}\\left(...\\right))")

    def _order(self, entry: Entry, marker: str) -> int | None:
        """The order of d, d^2 or \\partial^2 opening a numerator, or None when it does not open one."""
        if entry.op is not None or entry.negative or self._marker_base(entry, numerator=True) != marker:
            return None
        scripts = item_scripts(entry.item)
        if not scripts:
            return 1
        if len(scripts) == 1 and scripts[0].data == "sup_script" and node_kind(scripts[0].children[1]) == "number":
            n = int(str(scripts[0].children[1].children[0]))
            if 1 <= n <= 4:
                return n
        raise FormulaError("the order of a derivative must be a number from 1 to 4: \\frac{d^2}{dx^2}")

    def _variables(self, entries: list[Entry], marker: str, env) -> list[tuple[object, int]]:
        """The variables below the bar: d x, d x^2, \\partial x \\partial y, each with its order."""
        groups: list[list[Entry]] = []
        for entry in entries:
            if self._marker_base(entry) == marker and not item_scripts(entry.item):
                groups.append([])
            elif not groups:
                raise FormulaError("a derivative's variable must follow d or \\partial")
            else:
                groups[-1].append(entry)
        out = []
        for group in groups:
            if not group:
                raise FormulaError("a derivative with no variable")
            order = 1
            last = group[-1]
            sups = [sc for sc in item_scripts(last.item) if sc.data == "sup_script"]
            if sups and node_kind(sups[0].children[1]) == "number":
                order = int(str(sups[0].children[1].children[0]))
                rest = [sc for sc in item_scripts(last.item) if sc.data != "sup_script"]
                group = group[:-1] + [Entry(last.op, last.negative, Tree("item", [item_base(last.item), *rest]))]
            text = " ".join(str(node_word(item_base(e.item)) or "") for e in group).strip() or "this"
            defined = self._defined_name(group, env)
            if defined:
                variable = scalar(defined)
            elif self._defined_vector(group, env):
                shallow = self._shallow
                self._shallow = True  # a (or h_i) as the name it is: its own entries
                try:
                    variable = self._variable(self._chain(group, env), text)
                finally:
                    self._shallow = shallow
            else:
                variable = self._variable(self._chain(group, env), text)
            if out and out[-1][0] == variable:
                out[-1] = (variable, out[-1][1] + order)
            else:
                out.append((variable, order))
        return out

    @staticmethod
    def _inner(arg):
        if node_kind(arg) == "group":
            if len(arg.children) != 1:
                raise FormulaError("a relation or nothing inside braces")
            return arg.children[0]
        return arg

    def _marker_base(self, entry: Entry, numerator: bool = False) -> str | None:
        """d, \\mathrm{d} or \\partial opening one side of a derivative fraction, or None."""
        base = item_base(entry.item)
        word = node_word(base)
        if word == "\\partial":
            return word
        if word == "d" and node_kind(base) == "text":
            return "d"
        if word == "d" and node_kind(base) == "letter":
            kind = self.notation.kind_of("d")
            if kind == "size" and "d" in self.prose_sizes:
                # d is a size because the prose writes R^d; d over d-something is still a derivative
                return "d"
            if kind is not None and numerator:
                raise FormulaError(f"d is declared as a {kind} in the notation file and marks a derivative in "
                                   "this fraction; write \\mathrm{d} for the derivative or rename the " + kind)
            return "d" if kind is None else None
        return None

    def _partial(self, scripts, env) -> DerivativeOp:
        if len(scripts) != 1 or scripts[0].data != "sub_script":
            raise FormulaError("\\partial outside a derivative fraction needs its variable as a subscript: "
                               "\\partial_x f")
        value = self._arg_value(scripts[0].children[1], env)
        return DerivativeOp(self._variable(value, "the subscript of \\partial"), "the subscript of \\partial")

    def _nabla(self, scripts, env) -> DerivativeOp:
        """\\nabla_x, and \\nabla^2 / \\nabla_x^2: the Hessian (f'' for a function of one scalar), never the Laplacian."""
        subs = [sc for sc in scripts if sc.data == "sub_script"]
        sups = [sc for sc in scripts if sc.data == "sup_script"]
        if len(subs) > 1 or len(sups) > 1 or len(subs) + len(sups) != len(scripts):
            raise FormulaError("\\nabla takes the variable as a subscript and at most the power 2: \\nabla_x^2 f")
        if sups:
            power = self._inner(sups[0].children[1])
            if node_kind(power) == "product" and len(power.children) == 1 and not item_scripts(power.children[0]):
                power = item_base(power.children[0])
            if node_kind(power) != "number" or str(power.children[0]) != "2":
                raise FormulaError("of the powers of \\nabla only \\nabla^2 (the Hessian) is read")
        if not subs:
            if not sups:
                # \nabla R(x): the gradient in the argument of a function of one vector (see Reader._operate)
                return DerivativeOp(None, NABLA_ALONE)
            # the variable is the one scalar the body depends on (see _hessian_variable)
            return DerivativeOp(None, "\\nabla^2", ((None, 2),))
        if not sups:
            # \nabla_w of a w the document defines (w = g v): the gradient through w, w kept as a name
            shallow = self._shallow
            self._shallow = True
            try:
                kept = self._arg_value(subs[0].children[1], env)
            except FormulaError:
                kept = None
            finally:
                self._shallow = shallow
            variable = self._variable_quiet(kept) if kept is not None else None
            key = _kept_key(variable) if isinstance(variable, tuple) else None
            if key is not None and self._in_force(key):
                return DerivativeOp(variable, "the subscript of \\nabla", ((variable, 1),), (key,))
        value = self._nabla_subscript(subs[0].children[1], env)
        variable = self._variable(value, "the subscript of \\nabla")
        if not sups:
            return DerivativeOp(variable, "the subscript of \\nabla")
        if isinstance(variable, tuple):
            # \nabla_w^2 f of a number f: the matrix of its second partials (a Hessian is symmetric: no layout)
            self._note(VECTOR_HESSIAN_NOTE.format(variable=sp.latex(sp.Symbol(str(variable[0])))))
            return DerivativeOp(variable, "\\nabla^2", ((variable, 2),))
        self._note(HESSIAN_NOTE.format(variable=variable))
        return DerivativeOp(variable, "\\nabla^2", ((variable, 2),))

    def _nabla_subscript(self, arg, env):
        """The variable written under \\nabla: a value, or a declared matrix whole (\\nabla_W L, a number's gradient
        in W of W's shape)."""
        try:
            return self._arg_value(arg, env)
        except FormulaError:
            head = self._item(Tree("item", [arg]), env) if node_kind(arg) != "group" else None
            if isinstance(head, P.MatrixTerm) and isinstance(head.m, sp.MatrixSymbol):
                return head
            raise

    def _hessian(self, body: V.Value) -> DerivativeOp:
        """\\nabla^2 without a subscript: the Hessian in the one scalar variable the body depends on."""
        if body.is_vector:
            raise FormulaError("\\nabla^2 of a vector is not read; write \\nabla_x^2 f with the variable")
        found = sorted((s for s in body.expr.free_symbols if isinstance(s, sp.Symbol) and not isinstance(s, Idx)
                        and not s.is_integer and not isinstance(s, sp.Dummy)), key=str)
        if body.expr.atoms(Indexed) or len(found) != 1:
            names = ", ".join(str(s) for s in found) or "no variable"
            raise FormulaError(f"\\nabla^2 without a subscript: its variable is unclear (the body depends on {names}); "
                               "write \\nabla_x^2 f")
        (variable,) = found
        self._note(HESSIAN_NOTE.format(variable=variable))
        return DerivativeOp(variable, "\\nabla^2", ((variable, 2),))


NABLA_ALONE = "\\nabla without a subscript"
VECTOR_HESSIAN_NOTE = "$\\nabla_{{{variable}}}^2$ is read as the Hessian, the matrix of second partials in ${variable}$"
HESSIAN_NOTE = ("$\\nabla^2$ is read as the Hessian, here the second derivative in ${variable}$ "
                "(not the Laplacian)")
