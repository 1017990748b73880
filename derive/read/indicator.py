"""Indicators of index (in)equalities: 1[i = j], \\mathbb{1}[j \\neq k], \\mathbf{1}\\{y = k\\}, \\mathbb{I}(i = j).

A mixin of the Reader. The bracket after the indicator is Iverson's: 1 when the relation holds, else
0; for two indices that is Kronecker's delta (= ) or one less it (\\neq). The indicator is a 1 (plain,
bold or blackboard) or a blackboard I, written right before the bracket, or with the condition as a
subscript (\\mathbb{1}_{i = j}). A relation in brackets anywhere else is refused.
"""

from __future__ import annotations

import sympy as sp
from lark import Token, Tree

from ..errors import FormulaError
from . import values as V
from .syntax import Entry, item_base, item_scripts, node_kind, node_word

_RELATIONS = {"=": "=", "\\neq": "≠", "\\ne": "≠"}
ORDERS = {"<": sp.StrictLessThan, ">": sp.StrictGreaterThan, "\\le": sp.LessThan, "\\leq": sp.LessThan,
           "\\ge": sp.GreaterThan, "\\geq": sp.GreaterThan, "\\leqslant": sp.LessThan, "\\geqslant": sp.GreaterThan}
_BOLD = ("\\mathbf", "\\bm", "\\boldsymbol")
WRITE = "write \\mathbb{1}[i = j] (or \\mathbb{1}[i \\neq j]) with two indices"


class IndicatorReading:
    """The Reader's indicators (a mixin: it uses the Reader's index reading and notation)."""

    def _is_indicator(self, entry: Entry) -> bool:
        """1, \\mathbf{1}, \\mathbb{1} or \\mathbb{I} with no scripts, as the head of an indicator."""
        if entry.op is not None or item_scripts(entry.item):
            return False
        base = item_base(entry.item)
        kind = node_kind(base)
        if kind == "indicator":
            return True
        if kind == "number":
            return str(base.children[0]) == "1"
        if kind == "font" and str(base.children[0]) in _BOLD:
            arg = base.children[1]
            if node_kind(arg) == "group" and len(arg.children) == 1:
                arg = arg.children[0]
                if node_kind(arg) == "product" and len(arg.children) == 1 and not item_scripts(arg.children[0]):
                    arg = item_base(arg.children[0])
            return node_kind(arg) == "number" and str(arg.children[0]) == "1"
        return False

    def _iverson(self, node: Tree, env) -> V.Value:
        """The value of a bracket [a REL b] after an indicator: delta(a, b) or 1 - delta(a, b)."""
        parts = [c for c in node.children if not (isinstance(c, Token) and c.type in ("LSET", "RSET"))]
        left, rel, right = parts
        relation = _RELATIONS.get(str(rel))
        order = ORDERS.get(str(rel))
        if order is not None:
            return self._iverson_order(left, order, right, env)
        if relation is None:
            raise FormulaError(f"an indicator of {rel} is not read (only of =, \\neq between indices and of an order "
                               f"between numbers); {WRITE}")
        a, b = self._condition_index(left, env), self._condition_index(right, env)
        delta = sp.KroneckerDelta(a, b)
        return V.Value(delta if relation == "=" else 1 - delta)

    def _iverson_order(self, left, order, right, env) -> V.Value:
        """1[u < 0], 1[y_i \\le q]: 1 where the order holds between two numbers, else 0."""
        a, b = self._expr(left, env), self._expr(right, env)
        if any(isinstance(v, V.Value) and v.expr.atoms(sp.Idx) and not v.expr.atoms(sp.Indexed) for v in (a, b)):
            raise FormulaError(f"an indicator of an order between indices is not read (only of = and \\neq between "
                               f"indices); {WRITE}")
        if not isinstance(a, V.Value) or not isinstance(b, V.Value) or a.is_vector or b.is_vector or a.row or b.row \
                or a.is_matrix or b.is_matrix:
            raise FormulaError("an indicator of an order is read only between two numbers")
        holds = order(a.expr, b.expr)
        if holds in (sp.true, sp.false):
            return V.Value(sp.Integer(1 if holds else 0))
        return V.Value(sp.Piecewise((sp.Integer(1), holds), (sp.Integer(0), True)))

    def _indicator_item(self, scripts, env) -> V.Value:
        """\\mathbb{1}_{i = j}: the condition as a subscript; \\mathbb{1} alone is refused."""
        if len(scripts) == 1 and scripts[0].data == "sub_script":
            arg = scripts[0].children[1]
            if node_kind(arg) == "group" and len(arg.children) == 3:
                return self._iverson(arg, env)
        raise FormulaError(f"an indicator needs its condition: {WRITE}")

    def _condition_index(self, side, env) -> sp.Expr:
        """One side of an indicator's condition: an index, a number, or a one-hot vector's class (y = k)."""
        if node_kind(side) == "product" and len(side.children) == 1 and not item_scripts(side.children[0]):
            base = item_base(side.children[0])
            word = node_word(base)
            if node_kind(base) == "letter" and word not in env and word in self.notation.onehot:
                # 1{y = k}: the label y is its class
                return self.free_index(self.notation.onehot[word])
            if node_kind(base) in ("letter", "number"):
                try:
                    return self._indices(base, env)[0]
                except FormulaError:
                    pass
        raise FormulaError(f"the condition of an indicator is read only between indices; {WRITE}")

    @staticmethod
    def _stray_iverson() -> FormulaError:
        return FormulaError("a relation in brackets is read only as an indicator's condition: write "
                            "\\mathbb{1}[i = j]; one equation per display otherwise")
