"""Plain-text printing of values and small expressions, as a person writes them (e, not E)."""

from __future__ import annotations

import sympy as sp
from sympy.printing.precedence import PRECEDENCE
from sympy.printing.str import StrPrinter

__all__ = ["to_text"]


class PlainPrinter(StrPrinter):
    """SymPy's str printer with the constant e and exponentials written the usual way."""

    def _print_Exp1(self, expr):
        return "e"

    def _print_exp(self, expr):
        arg = expr.args[0]
        if arg.is_Atom and not (arg.is_Number and arg < 0):
            return f"e^{self._print(arg)}"
        return f"e^({self._print(arg)})"

    def _print_Pow(self, expr, rational=False):
        base, exp = expr.as_base_exp()
        if exp == sp.S.Half:
            return f"sqrt({self._print(base)})"
        if exp.is_negative:
            return f"1/{self.parenthesize(sp.Pow(base, -exp), PRECEDENCE['Mul'], strict=True)}"
        return f"{self.parenthesize(base, PRECEDENCE['Pow'], strict=True)}^{self.parenthesize(exp, PRECEDENCE['Pow'])}"

    def _print_Indexed(self, expr):
        return f"{self._print(expr.base.label)}_{','.join(self._print(i) for i in expr.indices)}"


def to_text(expr: sp.Basic) -> str:
    return PlainPrinter({"order": "none"}).doprint(expr)
