"""A LaTeX printer that typesets catalog expressions the way the documents write them."""

from __future__ import annotations

import re

import sympy as sp
from sympy.printing.latex import LatexPrinter
from sympy.printing.precedence import PRECEDENCE

from .model import Side
from .results import Assignment, Counterexample, Value

__all__ = ["DerivationLatexPrinter", "to_latex", "side_to_latex", "value_to_latex", "counterexample_latex"]


class DerivationLatexPrinter(LatexPrinter):
    """SymPy's LaTeX printer with the notation of the documents.

    Indices print as their bare names (never their ranges), x[i] as x_i, the logistic function
    as \\sigma, its derivative as \\sigma', softmax entries as softmax(v)_i with the vector in
    bold, and derivatives with respect to vector entries as partial derivatives.
    """

    printmethod = "_derivation_latex"

    def __init__(self, settings=None, breakable: bool = False):
        super().__init__(settings)
        # Breakable: parentheses and brackets of fixed size, which TeX may break a line inside
        # (\\left ... \\right makes one unbreakable box), for a formula wider than the page.
        self._breakable = breakable
        if breakable:
            # A line may also break between the factors of a product.
            self._settings["mul_symbol_latex"] = r" \penalty700\relax "
        # The index a softmax argument runs over: entries x_j print as the vector x while inside.
        self._vector_index: sp.Basic | None = None

    def _add_parens(self, s) -> str:
        return rf"\bigl({s}\bigr)" if self._breakable else super()._add_parens(s)

    # --- names ---------------------------------------------------------------------------

    def _print_name(self, name: str, style: str = "plain") -> str:
        # Fresh and dummy names ("_f3") carry a leading underscore that LaTeX would misread.
        name = name.lstrip("_") or "u"
        if not _SAFE_NAME.match(name):
            return _literal_name(name)
        return self._deal_with_super_sub(name, style=style)

    def _split_super_sub(self, name: str):
        # A name of several Latin letters that is no Greek letter or accent (CE, sm, loss) is a
        # word: set upright, not as the product of italic letters C E.
        stem, supers, subs = super()._split_super_sub(name)
        if stem and len(stem) > 1 and stem.isascii() and stem.isalpha():
            stem = rf"\mathrm{{{stem}}}"
        return stem, supers, subs

    def _print_Pi(self, expr) -> str:
        return r"\pi"  # (not through the name "Pi", which the word printing would set as text)

    def _print_Symbol(self, expr: sp.Symbol, style: str = "plain") -> str:
        # A name from a user's file is typeset only when it is letters and digits; anything else
        # (a backslash, a brace, a dollar) is shown as literal text, never read as TeX.
        if not _SAFE_NAME.match(expr.name):
            return _literal_name(expr.name)
        return super()._print_Symbol(expr, style=style)

    def _hprint_Function(self, func: str) -> str:
        if not _SAFE_NAME.match(func):
            # SymPy fills the arguments in with the % operator: a literal percent sign is doubled.
            return _literal_name(func).replace("%", "%%")
        return super()._hprint_Function(func)

    def _print_vector(self, name: str) -> str:
        stem, layer = _layer(name)
        # Upright bold for a plain Latin letter (x), bold italic for the rest (theta, yhat).
        if len(stem) == 1 and stem.isascii() and stem.isalpha():
            tex = rf"\mathbf{{{stem}}}"
        else:
            tex = rf"\boldsymbol{{{self._print_name(stem)}}}"
        return tex if layer is None else rf"{tex}^{{({layer})}}"

    def _print_Idx(self, expr: sp.Idx) -> str:
        return self._print_name(expr.name)

    def _print_Dummy(self, expr: sp.Dummy) -> str:
        return self._print_name(expr.name)

    def _square_operand(self, entry) -> str:
        """The matrix a determinant or an inverse is of: A for the entries A_{rc}, A^\\top for A_{cr}, else its entry
        in brackets with its two indices."""
        r, c = entry.variables
        body = entry.expr
        if isinstance(body, sp.Indexed) and len(body.indices) == 2 and body.indices in ((r, c), (c, r)):
            name = self._print(body.base)
            return name if body.indices == (r, c) else rf"{name}^\top"
        return rf"\left[{self._print(body)}\right]_{{{self._print(r)} {self._print(c)}}}"

    def _print_DeterminantOf(self, expr, exp=None) -> str:
        tex = rf"\det {self._square_operand(expr.args[0])}"
        return tex if exp is None else rf"\left({tex}\right)^{{{exp}}}"

    def _print_InverseEntryOf(self, expr, exp=None) -> str:
        entry, _, i, j = expr.args
        tex = rf"\left({{{self._square_operand(entry)}}}^{{-1}}\right)_{{{self._print(i)} {self._print(j)}}}"
        return tex if exp is None else rf"{tex}^{{{exp}}}"

    def _print_Unrolled(self, expr, exp=None) -> str:
        text = self._print(expr.as_written())
        return f"{text}^{{{exp}}}" if exp else text

    def _print_FamilyTerm(self, expr, exp=None) -> str:
        name, step, _, arg = expr.args
        text = rf"{self._print_name(name.name)}_{{{self._print(step)}}}\left({self._print(arg)}\right)"
        return f"{text}^{{{exp}}}" if exp else text

    def _print_IndexedBase(self, expr: sp.IndexedBase) -> str:
        stem, layer = _layer(expr.name)
        # Layer weights W1, b2 read as W^{(1)}, b^{(2)}, the way the documents write layers.
        return self._print_name(stem) if layer is None else rf"{self._print_name(stem)}^{{({layer})}}"

    def _print_Indexed(self, expr: sp.Indexed) -> str:
        if self._vector_index is not None and expr.indices == (self._vector_index,):
            return self._print_vector(expr.base.name)
        indices = [self._print(i) for i in expr.indices]
        glue = "" if all(len(i) == 1 for i in indices) else ","
        base = self._print(expr.base)
        # A base with its own subscript (x_{0}) is grouped, else TeX sees a double subscript;
        # a superscript (W^{(1)}, y') stacks over the index, as written by hand.
        if "_" in base:
            base = "{" + base + "}"
        return f"{base}_{{{glue.join(indices)}}}"

    # --- the functions the documents name ------------------------------------------------

    def _print_sigmoid(self, expr, exp=None) -> str:
        return self._applied(r"\sigma", expr.args[0], exp)

    def _print_dsigmoid(self, expr, exp=None) -> str:
        return self._applied(r"\sigma'", expr.args[0], exp)

    def _applied(self, name: str, arg: sp.Expr, exp) -> str:
        tex = rf"{name}\left({self._print(arg)}\right)"
        if exp is not None:
            tex = rf"{name}^{{{exp}}}\left({self._print(arg)}\right)"
        return tex

    def _print_softmax(self, expr, exp=None) -> str:
        vec, i = expr.args
        (j,) = vec.variables
        if _mentions(vec.expr, j):
            # Entries that are not a plain vector operation keep their index: (W_{ij} x_j)_j.
            inner = rf"\left({self._print(vec.expr)}\right)_{{{self._print(j)}}}"
        else:
            outer, self._vector_index = self._vector_index, j
            try:
                inner = self._print(vec.expr)
            finally:
                self._vector_index = outer
        tex = rf"\operatorname{{softmax}}\left({inner}\right)_{{{self._print(i)}}}"
        return tex if exp is None else rf"{tex}^{{{exp}}}"

    def _print_SumExcept(self, expr, exp=None) -> str:
        vec, k = expr.args
        (j,) = vec.variables
        body = self.parenthesize(vec.expr, PRECEDENCE["Mul"], strict=True)
        tex = rf"\sum_{{{self._print(j)} \neq {self._print(k)}}} {body}"
        return tex if exp is None else rf"\left({tex}\right)^{{{exp}}}"

    # --- calculus ------------------------------------------------------------------------

    def _print_Derivative(self, expr: sp.Derivative) -> str:
        partial = any(isinstance(v, (sp.Indexed, sp.Idx)) for v in expr.variables) or len(expr.expr.free_symbols) > 1
        d = r"\partial" if partial else "d"
        order = sum(n for _, n in expr.variable_count)
        below = " ".join(f"{d} {self._print(v)}" if n == 1 else f"{d} {self.parenthesize_super(self._print(v))}^{{{n}}}"
                         for v, n in expr.variable_count)
        top = d if order == 1 else f"{d}^{{{order}}}"
        if _reads_as_one_symbol(expr.expr):
            return rf"\frac{{{top} {self._print(expr.expr)}}}{{{below}}}"
        body = self.parenthesize(expr.expr, PRECEDENCE["Mul"], is_neg=expr.expr.could_extract_minus_sign(), strict=True)
        return rf"\frac{{{top}}}{{{below}}} {body}"


_SAFE_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_']*\Z")
# Characters of a name shown literally; every other non-alphanumeric character is named by its code.
_LITERAL = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "_": r"\_", "$": r"\textdollar{}", "&": r"\&",
            "%": r"\%", "#": r"\#", "^": r"\textasciicircum{}", "~": r"\textasciitilde{}", " ": r"\ "}


def _literal_name(name: str) -> str:
    """A name that is not letters and digits, as upright typewriter text: shown, never interpreted."""
    out = []
    for ch in name:
        if ch.isascii() and (ch.isalnum() or ch in "/.,-+:;()[]!?=<>|@*'"):
            out.append(ch)
        elif ch in _LITERAL:
            out.append(_LITERAL[ch])
        else:
            out.append(f"[U+{ord(ch):04X}]")
    return r"\text{\texttt{" + "".join(out) + "}}"


def _layer(name: str) -> tuple[str, str | None]:
    """'W1' -> ('W', '1'): a trailing layer number on an array name; ('x', None) without one."""
    stem = name.rstrip("0123456789")
    if stem and stem != name and stem.isalpha():
        return stem, name[len(stem):]
    return name, None


def _reads_as_one_symbol(expr: sp.Expr) -> bool:
    """True when the expression can stand in a numerator, as in dy/dx (y_i, \\sigma(x), e^{x})."""
    return isinstance(expr, (sp.Symbol, sp.Indexed, sp.Function, sp.exp)) and not isinstance(expr, sp.Sum)


def _mentions(expr: sp.Expr, j: sp.Basic) -> bool:
    """True when j appears other than as the index of a vector entry x_j (then it must stay visible)."""
    hidden = {e: sp.Dummy() for e in expr.atoms(sp.Indexed) if e.indices == (j,)}
    return expr.xreplace(hidden).has(j)


_PRINTER = DerivationLatexPrinter()
_BREAKABLE = DerivationLatexPrinter(breakable=True)


def to_latex(expr, breakable: bool = False) -> str:
    """LaTeX for a catalog expression, in the documents' notation; ``breakable``: with parentheses
    a line may break inside, for a formula too wide for the page."""
    if breakable:
        return _open_up(_BREAKABLE.doprint(sp.sympify(expr)))
    return _PRINTER.doprint(sp.sympify(expr))


# A function's argument in braces, \log{\left(x\right)}: the braces make it one unbreakable box.
_BRACED_ARGUMENT = re.compile(r"(\\(?:log|ln|exp|sin|cos|tan|tanh))\{\\left\(")


def _open_up(tex: str) -> str:
    """Parentheses and brackets a line may break inside: every \\left( ... \\right) pair (an
    unbreakable box) becomes \\bigl( ... \\bigr), and a function's argument loses the braces that
    would make it a box of its own."""
    while found := _BRACED_ARGUMENT.search(tex):
        # The brace that closes the argument: the first one back at depth zero.
        depth, end = 0, found.end() - len(r"\left(") - 1
        for n in range(end, len(tex)):
            if tex[n] == "{" and tex[n - 1] != "\\":
                depth += 1
            elif tex[n] == "}" and tex[n - 1] != "\\":
                depth -= 1
                if depth == 0:
                    break
        else:
            break
        tex = tex[:end] + " " + tex[end + 1:n] + tex[n + 1:]
    for left, small in ((r"\left(", r"\bigl("), (r"\right)", r"\bigr)"), (r"\left[", r"\bigl["),
                        (r"\right]", r"\bigr]")):
        tex = tex.replace(left, small)
    return tex


_LETTERS = "jklmnpqrsuvw"


def _generated(name: str) -> bool:
    """A name derive made up for a bound index (k13, c_2, k12_1, _d): letters the author never wrote."""
    letters = "".join(ch for ch in name if ch.isalpha())
    return name.startswith("_") or (len(letters) <= 1 and letters != name)


def readable_indices(expr: sp.Expr, keep=()) -> sp.Expr:
    """The expression with each summation index derive generated renamed to a letter a person would
    write (j, k, l, m, ...), one not used anywhere else in it. Renaming bound indices one-to-one to
    unused names does not change the value."""
    bound = []
    variables = [limit[0] for s in expr.atoms(sp.Sum) for limit in s.limits]
    variables += [v for lam in expr.atoms(sp.Lambda) for v in lam.variables]
    for v in variables:
        if isinstance(v, (sp.Idx, sp.Symbol)) and _generated(str(v)) and v not in bound:
            bound.append(v)
    if not bound:
        return expr
    used = {str(a) for a in expr.free_symbols | expr.atoms(sp.Idx)} | {str(k) for k in keep}
    rename = {}
    for v in sorted(bound, key=lambda v: (len(str(v)), str(v))):
        letter = next((c for c in _LETTERS if c not in used), None)
        if letter is None:
            break
        used.add(letter)
        if isinstance(v, sp.Idx):
            rename[v] = sp.Idx(letter, (v.lower, v.upper)) if v.lower is not None else sp.Idx(letter)
        else:
            rename[v] = sp.Symbol(letter, **v.assumptions0)
    return expr.xreplace(rename)


def side_to_latex(side: Side, breakable: bool = False) -> str:
    """LaTeX for one side of an equation: the generic entry, with its free indices when it is an array.

    A vector given by its entry e^{x_i}/S prints as [e^{x_i}/S]_i, a matrix entry as [...]_{ij}:
    the bracket says that the side is the whole array, not one number.
    """
    body = to_latex(readable_indices(side.expr, side.indices), breakable)
    indices = [to_latex(i) for i in side.indices]
    if not indices:
        return body
    glue = "" if all(len(i) == 1 for i in indices) else ","
    if breakable:
        return rf"\Bigl[{body}\Bigr]_{{{glue.join(indices)}}}"
    return rf"\left[{body}\right]_{{{glue.join(indices)}}}"


def _decimal_latex(decimal: str) -> str:
    """'1.5e+400' -> 1.5 \\times 10^{400}; plain decimals as they are."""
    mantissa, _, exponent = decimal.partition("e")
    if not exponent:
        return decimal
    return rf"{mantissa} \times 10^{{{int(exponent)}}}"


def value_to_latex(value: Value | None, approx: bool = True) -> str:
    """One value of a counterexample: exact when it is short, with its decimal when they differ."""
    if value is None or not value.defined:
        return r"\text{undefined}"
    if value.exact is None:
        return _decimal_latex(value.decimal)
    exact = to_latex(value.exact)
    if value.is_simple or not approx:
        return exact
    if len(exact) > 80:
        return r"\approx " + _decimal_latex(value.decimal)
    return rf"{exact} \approx {_decimal_latex(value.decimal)}"


def _name_latex(a: Assignment) -> str:
    if len(a.shape) == 1:
        return _PRINTER._print_vector(a.name)
    if len(a.shape) == 2:
        return _PRINTER._print_IndexedBase(sp.IndexedBase(a.name))
    return _PRINTER._print_name(a.name)


def _assignment_latex(a: Assignment) -> str:
    cells = [[value_to_latex(v, approx=False) for v in row] for row in a.rows]
    if not a.shape:
        body = cells[0][0]
    elif len(a.shape) == 1:
        body = r"\left(" + ", ".join(cells[0]) + r"\right)"
    else:
        body = r"\begin{pmatrix}" + r" \\ ".join(" & ".join(row) for row in cells) + r"\end{pmatrix}"
    return f"{_name_latex(a)} = {body}"


def counterexample_latex(cx: Counterexample) -> tuple[list[str], str]:
    """The counterexample as LaTeX mathematics: where (one piece per size, index and variable) and
    what (both sides' values, or "" when the sides differ in shape and ``cx.reason`` says how)."""
    where = [f"{to_latex(sp.Symbol(k))} = {v}" for k, v in cx.sizes.items()]
    where += [f"{to_latex(sp.Symbol(k))} = {v}" for k, v in cx.indices.items()]
    where += [_assignment_latex(a) for a in cx.values.values()]
    what = ""
    if not cx.reason:
        what = (rf"\text{{left}} = {value_to_latex(cx.lhs)}, \qquad "
                rf"\text{{right}} = {value_to_latex(cx.rhs)}")
    return where, what
