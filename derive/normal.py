"""A normal form for expressions with nested finite sums over symbolic ranges, and a zero test.

``sympy.simplify`` is not used: it is slow, it is not a decision procedure, and on some nested
sums it raises from inside ``sum_simplify``. Instead every sum is brought to one shape:

* sums distribute over addition (the summand is expanded);
* factors free of the summation index are pulled out;
* ``KroneckerDelta(j, k)`` under a sum over j collapses the sum, when k is known to lie in j's range;
* a sum whose summand is (a product containing) another sum that depends on the outer index
  becomes one multiple sum, so the order of summation no longer matters;
* the summation indices get canonical names (chosen among all renamings by the smallest
  ``srepr``), so that sums that differ only in dummy names or order become identical.

The zero test then treats each sum as an atom (positive when its summand is positive), rewrites
exponentials and logarithms of positive atoms into powers and sums of symbols, and decides the
remaining rational function with ``cancel``. A result of zero is a proof for every size; anything
else proves nothing by itself.
"""

from __future__ import annotations

import itertools
import re

import sympy as sp
from sympy import Add, Idx, Indexed, KroneckerDelta, Mul, Pow, Sum

from .errors import Unsupported

__all__ = ["normalize", "is_zero", "rename_dummies", "replace_free", "evaluate_derivatives", "lowest", "exp_form"]

_CANON = re.compile(r"^σ(\d+)_(\d+)$")


def rename_dummies(expr: sp.Expr, stem: str = "_r") -> sp.Expr:
    """Give every summation index a fresh name, so no dummy shares a name with a free index.

    In a multiple sum ``Sum(f, (k, 1, j), (j, 1, N))`` the bounds of a limit may refer to the
    limits outside it (listed after it); renaming j renames it there too, never the other way.
    """
    counter = itertools.count()

    def walk(e):
        if isinstance(e, (Sum, sp.Product)):
            body = walk(e.function)
            limits = [(var, walk(lo), walk(hi)) for var, lo, hi in e.limits]
            fresh = [Idx(f"{stem}{next(counter)}") for _ in limits]
            mapping = {}
            new_limits = [None] * len(limits)
            # outermost first, so each limit's bounds are renamed before its own index is made
            for pos in range(len(limits) - 1, -1, -1):
                var, lo, hi = limits[pos]
                lo, hi = lo.xreplace(mapping), hi.xreplace(mapping)
                new = Idx(fresh[pos].label, (lo, hi))
                mapping[var] = new
                if isinstance(var, Idx):
                    mapping[var.label] = new.label
                new_limits[pos] = (new, lo, hi)
            return e.func(body.xreplace(_without_labels(mapping)), *new_limits)
        if not e.args or isinstance(e, (Indexed, Idx)):
            return e
        return e.func(*[walk(a) for a in e.args])

    return walk(expr)


def replace_free(expr: sp.Expr, mapping: dict) -> sp.Expr:
    """``expr.xreplace(mapping)`` on the free occurrences only: where a name to replace is also the index of
    a sum or product inside (gamma_k = pi_k a_k / sum_k pi_k a_k), the dummies are renamed first."""
    names = set(mapping) | {k.label for k in mapping if isinstance(k, Idx)}
    bound = set()
    for s in expr.atoms(Sum, sp.Product):
        for var, *_ in s.limits:
            bound |= {var, var.label} if isinstance(var, Idx) else {var}
    if bound & names:
        expr = rename_dummies(expr, stem="_f")
    return expr.xreplace(mapping)


def _without_labels(mapping: dict) -> dict:
    # Inside a body a dummy appears as its Idx; its bare label stands for it only when that label
    # is itself the dummy (a plain Symbol limit).
    return {k: v for k, v in mapping.items() if not isinstance(v, sp.Symbol) or isinstance(v, Idx)}


def evaluate_derivatives(expr: sp.Expr) -> sp.Expr:
    """Carry out every Derivative, innermost first, without evaluating the sums around them."""
    if not expr.has(sp.Derivative, sp.Subs):
        return expr

    def walk(e):
        if isinstance(e, sp.Subs):
            done = e.doit(deep=False)
            if isinstance(done, sp.Subs) and done == e:
                # f'(2u) of a function nobody defines: SymPy keeps it as it is; an atom with its
                # variables named canonically, so that the same value written twice is one atom
                return _canonical_subs(e.func(e.expr, e.variables, tuple(walk(p) for p in e.point)))
            return walk(done)
        if isinstance(e, sp.Derivative):
            inner = walk(e.expr)
            return _differentiate(inner, e.variable_count)
        if not e.args or isinstance(e, (Indexed, Idx)):
            return e
        return e.func(*[walk(a) for a in e.args])

    return walk(expr)


_HYPERBOLIC = (sp.sinh, sp.cosh, sp.tanh, sp.coth, sp.sech, sp.csch)


def exp_form(expr: sp.Expr) -> sp.Expr:
    """sinh, cosh, tanh (and their reciprocals) written with exponentials, innermost first.

    The logistic function and softplus are already exponentials and logarithms once unfolded; with
    the hyperbolic functions written so too, cosh^2 - sinh^2 = 1, tanh' = 1 - tanh^2 and
    tanh u = 2 sigma(2u) - 1 reduce to rational functions of e^u. Only the symbolic stage uses this
    form; the sides as read are what the referee evaluates.
    """
    if not expr.has(*_HYPERBOLIC):
        return expr
    return expr.replace(lambda a: isinstance(a, _HYPERBOLIC), lambda a: a.rewrite(sp.exp))


def _canonical_subs(e: sp.Subs) -> sp.Subs:
    names = {v: sp.Symbol(f"ξ{n}", **({"real": True} if v.is_real else {})) for n, v in enumerate(e.variables)}
    return sp.Subs(e.expr.xreplace(names), tuple(names.values()), e.point)


class _Context:
    def __init__(self, distinct: frozenset[frozenset]):
        self.distinct = distinct


def normalize(expr: sp.Expr, distinct=()) -> sp.Expr:
    """The normal form of expr; ``distinct`` lists pairs of indices known to differ."""
    ctx = _Context(frozenset(frozenset(p) for p in distinct))
    return _norm(expr, ctx)


def _norm(e: sp.Expr, ctx: _Context) -> sp.Expr:
    if isinstance(e, Sum):
        return _norm_sum(e, ctx)
    if isinstance(e, KroneckerDelta):
        return _norm_delta(e, ctx)
    if isinstance(e, sp.exp):
        arg = sp.expand(_norm(e.args[0], ctx), deep=False, power_exp=False, log=False)
        return Mul(*[sp.exp(t) for t in Add.make_args(arg)])
    if isinstance(e, Pow) and isinstance(e.base, KroneckerDelta) and e.exp.is_Integer and e.exp > 0:
        return _norm_delta(e.base, ctx)
    if isinstance(e, sp.Derivative):
        raise Unsupported(f"cannot normalise {type(e).__name__}: {sp.sstr(e)[:80]}")
    if isinstance(e, sp.Piecewise):
        # an indicator 1[u < 0], a case split: a value of its own, with its pieces in normal form (a proof that
        # needs what the pieces say, 1[a] + 1[not a] = 1, is not found here; the referee checks every proof)
        if len(e.args) == 2 and e.args[1].cond == sp.true:
            # a if c else b: b + (a - b) 1[c], the indicator a factor like any other
            (a, c), (b, _) = e.args
            indicator = sp.Piecewise((sp.S.One, c), (sp.S.Zero, True), evaluate=False)
            return _norm(b, ctx) + _norm(a - b, ctx) * indicator if (a, b) != (1, 0) else indicator
        return sp.Piecewise(*[(_norm(x, ctx), c) for x, c in e.args], evaluate=False)
    if isinstance(e, sp.Subs):
        return sp.Subs(e.expr, e.variables, tuple(_norm(p, ctx) for p in e.point))
    if not e.args or isinstance(e, (Indexed, Idx)):
        return e
    return e.func(*[_norm(a, ctx) for a in e.args])


def _norm_delta(e: KroneckerDelta, ctx: _Context) -> sp.Expr:
    a, b = e.args
    if a == b:
        return sp.S.One
    if frozenset((a, b)) in ctx.distinct:
        return sp.S.Zero
    if a.is_Integer and b.is_Integer:
        return sp.S.Zero
    return e


def _norm_sum(e: Sum, ctx: _Context) -> sp.Expr:
    body = e.function
    # SymPy's first limit is the innermost sum.
    for var, lo, hi in e.limits:
        body = _sum_one(body, var, lo, hi, ctx)
    return body


def _sum_one(body, j, lo, hi, ctx) -> sp.Expr:
    if lo.is_Integer and hi.is_Integer and hi < lo:
        return sp.S.Zero  # a sum over an empty range
    body = _norm(body, ctx)
    # (each term expanded in turn: a product of a sum in one term of a sum is distributed too)
    terms = [t for term in Add.make_args(body)
             for t in Add.make_args(sp.expand(term, deep=False, power_exp=False, log=False, power_base=False))]
    return Add(*[_sum_term(t, j, lo, hi, ctx) for t in terms])


def _geometric(term: sp.Expr, j) -> bool:
    """term is a product of a polynomial in j and numbers raised to powers linear in j."""
    powers = [f for f in Mul.make_args(term) if isinstance(f, Pow) and j in f.exp.free_symbols]
    if not powers:
        return False
    rest = Mul(*[f for f in Mul.make_args(term) if f not in powers])
    return rest.is_polynomial(j) and all(
        (f.base.is_number and f.base.is_real and f.base not in (0, 1)
         or not f.base.is_number and j not in f.base.free_symbols and f.base.is_real
         and not f.base.has(Indexed, Sum, KroneckerDelta, sp.Function))
        and f.exp.is_polynomial(j) and sp.degree(f.exp, j) == 1 for f in powers)


def _generic(closed: sp.Expr) -> sp.Expr | None:
    """A closed form without cases, or the general case of one whose other cases are single values of
    its parameters (gamma = 1 of a geometric sum): the two sides are then equal wherever defined,
    continuous functions agreeing off a point agree at it."""
    if not closed.has(sp.Piecewise):
        return closed
    if not isinstance(closed, sp.Piecewise) or closed.args[-1].cond is not sp.true:
        return None
    if not all(isinstance(c, sp.Eq) or isinstance(c, sp.And) and all(isinstance(a, sp.Eq) for a in c.args)
               for _, c in closed.args[:-1]):
        return None
    general = closed.args[-1].expr
    return None if general.has(sp.Piecewise) else general


def _within(k: sp.Expr, lo, hi) -> bool:
    """k certainly lies in lo..hi."""
    if isinstance(k, Idx):
        return k.lower == lo and k.upper == hi
    if k.is_Integer:
        if lo.is_Integer and hi.is_Integer:
            return lo <= k <= hi
        return k == lo == 1 and hi.is_positive is True
    return False


def _sum_term(term, j, lo, hi, ctx) -> sp.Expr:
    """One term of sum_{j=lo}^{hi}; the caller has made sure that hi >= lo - 1 wherever the sum
    is evaluated, so that the number of terms is hi - lo + 1 (never negative)."""
    inside, outside = [], []
    for fac in Mul.make_args(term):
        (inside if j in fac.free_symbols else outside).append(fac)
    coeff = Mul(*outside)
    if not inside:
        return coeff * (hi - lo + 1)
    for n, fac in enumerate(inside):
        if isinstance(fac, KroneckerDelta) and j in fac.args:
            other = fac.args[1] if fac.args[0] == j else fac.args[0]
            if j not in other.free_symbols and _within(other, lo, hi):
                rest = Mul(*(inside[:n] + inside[n + 1:]))
                return coeff * _norm(rest.xreplace({j: other}), ctx)
    plain = Mul(*inside)
    if not plain.has(Indexed, Sum, KroneckerDelta, sp.Function) and plain.is_polynomial(j):
        # A polynomial in the index (sum of j, of j^2, ...): its closed form.
        return coeff * sp.expand(sp.summation(plain, (j, lo, hi)))
    if not plain.has(Indexed, Sum, KroneckerDelta, sp.Function) and _geometric(plain, j):
        # A number to a power linear in the index (2^k, (-1)^k, k 2^{-k}): its closed form, when
        # SymPy gives one without cases.
        closed = sp.summation(plain, (j, lo, hi))
        closed = None if closed.has(Sum) else _generic(closed)
        if closed is not None:
            return coeff * sp.expand(closed)
    sign, offset = _entry_offset(plain, j)
    if sign == 1 and offset != 0:
        # sum_{j=lo}^{hi} x_{j+c} is sum_{j=lo+c}^{hi+c} x_j: the entries' index bare, whatever the shift written
        inside = list(Mul.make_args(sp.expand(plain.xreplace({j: j - offset}))))
        lo, hi = lo + offset, hi + offset
    elif sign == -1:
        # sum_{j=lo}^{hi} x_{c-j} is sum_{j=c-hi}^{c-lo} x_j: the order of the terms reversed
        inside = list(Mul.make_args(sp.expand(plain.xreplace({j: offset - j}))))
        lo, hi = offset - hi, offset - lo
    merged_limits = []
    factors = []
    for fac in inside:
        if isinstance(fac, Sum):
            inner = rename_dummies(fac, stem=f"_m{len(merged_limits)}_")
            factors.append(inner.function)
            merged_limits.extend(inner.limits)  # inside the sum over j: listed before it
        else:
            factors.append(fac)
    merged_limits.append((j, lo, hi))
    return coeff * _canonical_sum(Mul(*factors), merged_limits)


def _entry_offset(term: sp.Expr, j) -> tuple[int, sp.Expr]:
    """(1, c) when every entry in term that j indexes is written at j + c (x_{j+1} y_{j+1}: (1, 1)), (-1, c) when
    every one is at c - j (x_{N-j+1}: (-1, N + 1)); (0, 0) for anything else."""
    forms = set()
    for entry in term.atoms(Indexed):
        for index in entry.indices:
            if index.has(j):
                index = sp.expand(index)
                sign = index.coeff(j)
                c = sp.expand(index - sign * j)
                if sign not in (1, -1) or c.has(j):
                    return 0, sp.S.Zero
                forms.add((int(sign), c))
    return forms.pop() if len(forms) == 1 else (0, sp.S.Zero)


def _level(e: sp.Expr) -> int:
    level = 0
    for sub in sp.preorder_traversal(e):
        if isinstance(sub, Sum):
            m = _CANON.match(str(sub.limits[0][0]))
            level = max(level, int(m.group(1)) if m else 1)
    return level


def _canonical_sum(body: sp.Expr, limits) -> Sum:
    """The sum with canonical dummy names, in the order (among those its bounds allow) whose
    ``srepr`` is smallest. A limit whose bounds mention another sum's index must stay inside it."""
    level = _level(body) + 1
    variables = [var for var, _, _ in limits]
    needs = [{v for v in variables if v != var and (lo.has(v) or hi.has(v))} for var, lo, hi in limits]
    best = None
    for order in itertools.permutations(range(len(limits))):
        # order lists the limits innermost first: each one's bounds may use only those after it
        placed = set()
        valid = True
        for which in reversed(order):
            if not needs[which] <= placed:
                valid = False
                break
            placed.add(variables[which])
        if not valid:
            continue
        mapping, new_limits = {}, [None] * len(limits)
        for position in range(len(order) - 1, -1, -1):
            var, lo, hi = limits[order[position]]
            lo, hi = lo.xreplace(mapping), hi.xreplace(mapping)
            new = Idx(f"σ{level}_{position}", (lo, hi))
            mapping[var] = new
            new_limits[position] = (new, lo, hi)
        candidate = Sum(body.xreplace(mapping), *new_limits)
        key = sp.srepr(candidate)
        if best is None or key < best[0]:
            best = (key, candidate)
    return best[1]


def _atom_symbol(atom: sp.Expr, table: dict, stem: str) -> sp.Symbol:
    if atom not in table:
        name = f"{stem}{len(table)}"
        if isinstance(atom, Sum) and atom.function.is_positive:
            # a sum of positive terms is positive when it has a term, else 0
            kind = dict(positive=True) if _never_empty(atom) else dict(nonnegative=True)
        else:
            kind = dict(real=True)
        table[atom] = sp.Symbol(name, **kind)
    return table[atom]


def _never_empty(s: Sum) -> bool:
    """Every range of the (multiple) sum has a term, at every size >= 1 and index value."""
    context: dict = {}
    for var, lo, hi in reversed(s.limits):  # outermost first
        low = lowest(sp.expand(hi - lo), context, ())
        if low is None or not _at_least_zero(low):
            return False
        context[var] = (lo, hi)
    return True


def _at_least_zero(low: sp.Expr) -> bool:
    # linear in sizes (each at least 1) with nonnegative coefficients, and >= 0 with every size at 1
    if any(not s.is_integer or not s.is_positive for s in low.free_symbols):
        return False
    if not low.is_polynomial() or (low.free_symbols and sp.Poly(low, *low.free_symbols).total_degree() > 1):
        return False
    coeffs = [low.coeff(s) for s in low.free_symbols]
    return all(c.is_Number and c >= 0 for c in coeffs) and low.xreplace({s: 1 for s in low.free_symbols}) >= 0


def lowest(f: sp.Expr, context: dict, indices) -> sp.Expr | None:
    """A lower bound of the linear expression f over the ranges of the sums' indices (``context``,
    {index: (lo, hi)}) and of free indices, in terms of the sizes alone; None when f is not linear
    with numeric coefficients in them."""
    ranges = dict(context)
    for idx in list(indices) + [a for a in f.atoms(Idx) if a not in context]:
        if idx.lower is not None and idx.upper is not None:
            ranges.setdefault(idx, (idx.lower, idx.upper))
    for _ in range(4 * (len(ranges) + 1)):
        present = [v for v in ranges if f.has(v)]
        if not present:
            return None if any(isinstance(a, Idx) for a in f.atoms(Idx)) else f
        v = present[0]
        poly = sp.Poly(f, v) if f.is_polynomial(v) else None
        if poly is None or poly.degree() > 1:
            return None
        c = poly.coeff_monomial(v)
        if not c.is_Number:
            return None
        lo, hi = ranges[v]
        f = sp.expand(f.xreplace({v: lo if c > 0 else hi}))
        for idx in f.atoms(Idx):
            if idx not in ranges and idx.lower is not None and idx.upper is not None:
                ranges[idx] = (idx.lower, idx.upper)
    return None


def _outer_sums(e: sp.Expr):
    if isinstance(e, Sum):
        yield e
        return
    for a in e.args:
        yield from _outer_sums(a)


def is_zero(expr: sp.Expr) -> bool:
    """True only if expr (in normal form) is identically zero; False means 'not shown'."""
    if expr == 0:
        return True
    sums: dict = {}
    mapping = {s: _atom_symbol(s, sums, "S") for s in set(_outer_sums(expr))}
    e = expr.xreplace(mapping)
    e, logs = _exp_to_powers(e)
    e = sp.expand_log(e, deep=True, force=False)
    if e.has(sp.log):
        e = e.replace(lambda a: isinstance(a, sp.log), _log_of_factors)
    e = e.replace(lambda a: isinstance(a, sp.log) and a.args[0] in logs, lambda a: logs[a.args[0]])
    if e.has(sp.gamma, sp.factorial, sp.binomial):
        # Gamma(s + 1) = s Gamma(s): the Gamma functions of arguments a whole number apart, in terms of one of them
        e = sp.gammasimp(e)
    return sp.cancel(sp.together(e)) == 0


_MAX_LOG_DEGREE = 24


def _log_of_factors(a: sp.log) -> sp.Expr:
    """log(c p1^k1 ... / q1^m1 ...) = log|c| + k1 log|p1| + ... - m1 log|q1| - ...

    The argument is a rational function, brought over one denominator and factored; wherever the
    logarithm is real its argument is positive, so its logarithm is the sum of the logarithms of the
    factors' absolute values. log(1 + 1/E) and log(E + 1) - log(E) then meet as the same atoms.
    """
    arg = a.args[0]
    if arg.is_number or not arg.is_rational_function():
        return a
    try:
        num, den = sp.fraction(sp.together(arg))
        out = sp.S.Zero
        for expr, sign in ((num, 1), (den, -1)):
            if expr.is_Rational:
                out += sign * sp.log(abs(expr))
                continue
            poly = sp.Poly(expr)
            # variables, rational coefficients and a modest degree: factoring stays quick
            # (e^2000 (1 + u) is not factored)
            if (not (poly.domain.is_ZZ or poly.domain.is_QQ) or poly.total_degree() > _MAX_LOG_DEGREE
                    or not all(isinstance(g, (sp.Symbol, Indexed)) for g in poly.gens)):
                return a
            c, factors = poly.factor_list()
            out += sign * sp.log(sp.Abs(c))
            for f, k in factors:
                out += sign * k * sp.log(sp.Abs(f.as_expr()))
    except sp.polys.polyerrors.BasePolynomialError:
        return a
    return out


def _exp_to_powers(e: sp.Expr) -> tuple[sp.Expr, dict]:
    """exp(c*a + d*b) -> E_a**c * E_b**d with positive symbols E; also returns log(E_a) = a."""
    table: dict = {}

    def symbol_for(atom):
        if atom not in table:
            table[atom] = sp.Symbol(f"E{len(table)}", positive=True)
        return table[atom]

    def convert(ex):
        arg = sp.expand(ex.args[0], deep=False, power_exp=False, log=False)
        out = sp.S.One
        for t in Add.make_args(arg):
            c, rest = t.as_coeff_Mul()
            if rest == 1:
                out *= sp.exp(c)
            elif rest.is_extended_real is True and c.is_real:
                out *= symbol_for(rest) ** c
            else:
                # e^u is a positive number, and log(e^u) = u, only for real u: keep it opaque.
                out *= sp.exp(t)
        return out

    e = e.replace(lambda a: isinstance(a, sp.exp), convert)
    return e, {sym: atom for atom, sym in table.items()}


def _differentiate(expr: sp.Expr, variable_count) -> sp.Expr:
    """One Derivative carried out, as ``Derivative(...).doit(deep=False)`` does, index derivatives dropped.

    They are dropped before SymPy looks at the result again: a leftover Derivative makes it evaluate
    a sum of Kronecker deltas on its own, into a Piecewise the normal form cannot read.
    """
    rv = _drop_index_derivatives(sp.Derivative(expr, *variable_count, evaluate=True))
    if rv.has(sp.Derivative):
        rv = rv.doit(deep=False)
    return rv


def _drop_index_derivatives(expr: sp.Expr) -> sp.Expr:
    """d k / d x = 0 for an index or a size k.

    SymPy's chain rule treats the k of KroneckerDelta(i, k) as depending on theta[k] (k is a free
    symbol of theta[k]) and leaves Derivative(k, theta[k]) unevaluated; an integer label does not
    vary with a real variable, so the factor is 0.
    """

    def is_label_derivative(e):
        if not isinstance(e, sp.Derivative):
            return False
        return _is_label(e.expr) and not any(_is_label(v) for v in e.variables)

    return expr.replace(is_label_derivative, lambda e: sp.S.Zero)


def _is_label(e: sp.Expr) -> bool:
    """An index or a size: an integer-valued symbol."""
    return isinstance(e, Idx) or (isinstance(e, sp.Symbol) and e.is_integer is True)
