"""Expectations, variances and covariances of random variables the document gives a law.

``E[·]`` is read into a formula in the laws' parameters: the argument is expanded into terms (sums
become sums over fresh indices, powers of sums products of them), each term's random factors are
grouped by the random variable they are, and the expectation of a product of independent factors is
the product of their moments. Indices of an i.i.d. family summed over are split by which of them are
equal (a set partition; the number of index tuples with that pattern is a falling factorial), so
``E[(Σ_i X_i)^2] = n E[X^2] + n(n - 1) E[X]^2`` for every n.

What is not determined by what the document says is refused, never guessed: a moment a law does not
fix (the third moment of a variable given only its mean and variance), a product of variables the
document does not say are independent (beyond two generic ones, whose covariance is a parameter of
its own), a function of a variable with infinitely many values.

Every expectation is cross-checked by another route before it is used: with sizes 2 and 3, the laws'
parameters at rational points and every variable replaced by one taking two values (its own law where
that is finite), the expectation is computed by summing over every outcome, and compared with the
formula, evaluated there with the two-valued law's moments.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, field
from fractions import Fraction

import sympy as sp

from ..errors import FormulaError

__all__ = ["GEOMETRIC_UNSAID", "Law", "Probability", "expectation", "variance", "covariance", "FAMILIES", "Moment", "free_expectation", "moment_symbol"]

# family -> (parameters, how the reading names them)
FAMILIES = {
    "bernoulli": ("p",), "binomial": ("m", "p"), "poisson": ("lambda",), "exponential": ("lambda",),
    "normal": ("mu", "sigma^2"), "uniform": ("a", "b"), "beta": ("alpha", "beta"), "laplace": ("m", "b"),
    "generic": ("mean", "variance"), "finite": ("values",),
    # the number of trials up to and including the first success (1, 2, ...), or of failures before it (0, 1, ...)
    "geometric": ("p",), "geometric failures": ("p",), "geometric unsaid": ("p",),
}
GEOMETRIC_UNSAID = ("a geometric law: the number of trials up to and including the first success (1, 2, ...), or of "
                    "failures before it (0, 1, ...)? say which in the words")
_MAX_POWER = 6
_MAX_INDICES = 5
_MAX_TERMS = 400


@dataclass(frozen=True)
class Law:
    """The law of a random variable (or of every member of an i.i.d. family, ``indexed``)."""

    family: str
    params: tuple  # sympy expressions; for "generic", (mean or None, variance or None)
    written: str  # as the document says it, with its line
    indexed: bool = False  # X_1, ..., X_n: a family of variables, mutually independent

    def moment(self, k: int, name: str) -> sp.Expr:
        """E[X^k], or FormulaError naming what the document leaves open."""
        if k == 0:
            return sp.Integer(1)
        f, ps = self.family, self.params
        if f == "bernoulli":
            return ps[0]
        if f in ("binomial", "poisson"):
            m, p = (ps[0], ps[1]) if f == "binomial" else (None, ps[0])
            total = sp.Integer(0)
            for j in range(1, k + 1):
                falling = sp.ff(m, j) * p ** j if f == "binomial" else p ** j
                total += sp.functions.combinatorial.numbers.stirling(k, j) * falling
            return total
        if f == "exponential":
            return sp.factorial(k) / ps[0] ** k
        if f == "geometric":  # the factorial moments E[X (X - 1) ... (X - j + 1)] = j! (1 - p)^(j - 1) / p^j
            p = ps[0]
            return sp.Add(*[sp.functions.combinatorial.numbers.stirling(k, j) * sp.factorial(j) * (1 - p) ** (j - 1)
                            / p ** j for j in range(1, k + 1)])
        if f == "geometric unsaid":
            raise FormulaError(GEOMETRIC_UNSAID)
        if f == "geometric failures":  # X - 1 of the number of trials X
            trials = Law("geometric", ps, self.written)
            return sp.Add(*[sp.binomial(k, i) * trials.moment(i, name) * (-1) ** (k - i) for i in range(k + 1)])
        if f == "normal":
            mu, var = ps
            return sp.Add(*[sp.binomial(k, j) * mu ** (k - j) * var ** (j // 2) * sp.factorial2(j - 1)
                            for j in range(0, k + 1, 2)])
        if f == "uniform":
            a, b = ps
            return sp.cancel((b ** (k + 1) - a ** (k + 1)) / ((k + 1) * (b - a)))
        if f == "beta":
            a, b = ps
            return sp.Mul(*[(a + r) / (a + b + r) for r in range(k)])
        if f == "laplace":  # location m, scale b: the central moments are j! b^j for even j, 0 for odd
            m, b = ps
            return sp.Add(*[sp.binomial(k, j) * m ** (k - j) * sp.factorial(j) * b ** j for j in range(0, k + 1, 2)])
        if f == "finite":  # uniform on a finite set of values
            return sp.Add(*[v ** k for v in ps]) / len(ps)
        mean, var = ps
        if k == 1 and mean is not None:
            return mean
        if k == 2 and mean is not None and var is not None:
            return var + mean ** 2
        what = "mean" if k == 1 else "variance" if k == 2 else f"moment of order {k}"
        raise FormulaError(f"the {what} of {name} is not given: the document says of {name} only {self.written}")

    def support(self) -> list[tuple[sp.Expr, sp.Expr]] | None:
        """The values and their probabilities, for a law with finitely many values."""
        if self.family == "bernoulli":
            return [(sp.Integer(0), 1 - self.params[0]), (sp.Integer(1), self.params[0])]
        if self.family == "finite":
            return [(v, sp.Rational(1, len(self.params))) for v in self.params]
        return None

    def domain(self) -> tuple:
        """What the parameters must satisfy for the law to be one."""
        f, ps = self.family, self.params
        if f == "bernoulli":
            return (sp.Ge(ps[0], 0), sp.Le(ps[0], 1))
        if f == "binomial":
            return (sp.Ge(ps[1], 0), sp.Le(ps[1], 1))
        if f in ("poisson", "exponential"):
            return (sp.Gt(ps[0], 0),)
        if f == "normal":
            return (sp.Gt(ps[1], 0),)
        if f == "uniform":
            return (sp.Lt(ps[0], ps[1]),)
        if f in ("geometric", "geometric failures", "geometric unsaid"):
            return (sp.Gt(ps[0], 0), sp.Le(ps[0], 1))
        if f == "beta":
            return (sp.Gt(ps[0], 0), sp.Gt(ps[1], 0))
        if f == "laplace":
            return (sp.Gt(ps[1], 0),)
        if f == "finite":
            return ()
        return (sp.Ge(ps[1], 0),) if ps[1] is not None else ()


@dataclass
class Probability:
    """What the document says of its random variables: their laws, and which are independent."""

    laws: dict = field(default_factory=dict)  # name -> Law
    independent: set = field(default_factory=set)  # frozenset({name, name}) said independent
    used: list = field(default_factory=list)  # the laws a reading relied on (names)

    def is_random(self, name: str) -> bool:
        return name in self.laws


# --- atoms -------------------------------------------------------------------------------------------


def _name(atom) -> str | None:
    if isinstance(atom, sp.Indexed):
        return str(atom.base.label)
    if isinstance(atom, sp.Symbol):
        return atom.name
    return None


def _random_atoms(e: sp.Expr, prob: Probability) -> set:
    found = {a for a in e.atoms(sp.Indexed) if str(a.base.label) in prob.laws}
    found |= {s for s in e.free_symbols if isinstance(s, sp.Symbol) and s.name in prob.laws}
    return found


@dataclass(frozen=True)
class _Term:
    coeff: sp.Expr
    factors: tuple  # random atoms (with multiplicity) and functions of them
    sums: tuple  # (dummy, low, high)


def _terms(e: sp.Expr, prob: Probability, budget: list) -> list[_Term]:
    budget[0] -= 1
    if budget[0] < 0:
        raise FormulaError("the expectation has too many terms to expand")
    if not _random_atoms(e, prob):
        return [_Term(e, (), ())]
    if isinstance(e, sp.Add):
        return [t for a in e.args for t in _terms(a, prob, budget)]
    if isinstance(e, sp.Mul):
        out = [_Term(sp.Integer(1), (), ())]
        for a in e.args:
            out = [_Term(x.coeff * y.coeff, x.factors + y.factors, x.sums + y.sums)
                   for x in out for y in _terms(a, prob, budget)]
            if len(out) > _MAX_TERMS:
                raise FormulaError("the expectation has too many terms to expand")
        return out
    if isinstance(e, sp.Pow) and e.exp.is_Integer and 1 <= int(e.exp) <= _MAX_POWER:
        return _terms(sp.Mul(*[e.base] * int(e.exp), evaluate=False), prob, budget)
    if isinstance(e, sp.Pow) and e.exp.is_Integer and int(e.exp) > _MAX_POWER and len(_random_atoms(e.base, prob)) > 1:
        raise FormulaError(f"a power above {_MAX_POWER} of a sum of random variables is not expanded inside an "
                           "expectation")
    if isinstance(e, sp.Pow) and e.exp.is_Integer and int(e.exp) > _MAX_POWER and isinstance(e.base, (sp.Symbol, sp.Indexed)):
        return [_Term(sp.Integer(1), (e.base,) * int(e.exp), ())] if int(e.exp) <= 4 * _MAX_POWER else \
            [_Term(sp.Integer(1), (e,), ())]
    if isinstance(e, sp.Sum):
        body, limits = e.function, list(e.limits)
        fresh = []
        for var, lo, hi in limits:
            d = sp.Dummy(str(var), integer=True)
            body = body.xreplace({var: d}) if not _binds(body, var) else body.subs(var, d)
            fresh.append((d, lo, hi))
        return [_Term(t.coeff, t.factors, t.sums + tuple(fresh)) for t in _terms(body, prob, budget)]
    if isinstance(e, (sp.Indexed, sp.Symbol)):
        return [_Term(sp.Integer(1), (e,), ())]
    if isinstance(e, (sp.Derivative, sp.Integral, sp.Product)) or e.atoms(sp.Sum):
        raise FormulaError("an expectation of a derivative, integral, product or sum inside a function of "
                           "a random variable is not read")
    return [_Term(sp.Integer(1), (e,), ())]  # a function of random variables: summed over their values


def _binds(body, var) -> bool:
    return any(var in s.variables for s in body.atoms(sp.Sum))


# --- the expectation of one term --------------------------------------------------------------------


def _partitions(items: list):
    if not items:
        yield []
        return
    first, rest = items[0], items[1:]
    for part in _partitions(rest):
        for k in range(len(part)):
            yield part[:k] + [[first] + part[k]] + part[k + 1:]
        yield [[first]] + part


class _Moments:
    """The moments the expectation uses: from the laws, or (for the cross-check) given outright."""

    def __init__(self, prob: Probability, given: dict | None = None):
        self.prob, self.given = prob, given

    def law(self, name: str) -> Law:
        return self.prob.laws[name]

    def moment(self, name: str, k: int) -> sp.Expr:
        if self.given is not None:
            values = self.given[name]
            return sp.Add(*[p * v ** k for v, p in values])
        return self.law(name).moment(k, name)

    def support(self, name: str):
        if self.given is not None:
            return self.given[name]
        return self.law(name).support()

    def covariance(self, a: str, b: str) -> sp.Expr:
        if self.given is not None:
            return self.given[("cov", a, b)]
        return _covariance_symbol(a, b)


def _covariance_symbol(a: str, b: str) -> sp.Expr:
    a, b = sorted((a, b))
    return sp.Symbol(f"Cov({a}, {b})", real=True)


def _variable(atom) -> tuple:
    """The random variable an atom is: (name, index or None)."""
    if isinstance(atom, sp.Indexed):
        return (str(atom.base.label), atom.indices)
    return (atom.name, None)


def _independent(prob: Probability, x: tuple, y: tuple) -> bool:
    if x[0] == y[0]:
        law = prob.laws[x[0]]
        # two members of an i.i.d. family at different fixed indices
        return law.indexed and x[1] is not None and y[1] is not None and all(
            (a - b).is_number and a != b for a, b in zip(x[1], y[1]))
    return frozenset((x[0], y[0])) in prob.independent


def _term_expectation(term: _Term, prob: Probability, moments: _Moments) -> sp.Expr:
    linked = [(d, lo, hi) for d, lo, hi in term.sums
              if any(isinstance(f, sp.Indexed) and d in f.free_symbols and str(f.base.label) in prob.laws
                     for f in term.factors)]
    free_sums = [s for s in term.sums if s not in linked]
    if any(f.has(d) for d, _, _ in linked for f in term.factors if not isinstance(f, sp.Indexed)):
        raise FormulaError("a function of a random variable under a sum is not read inside an expectation")
    if len(linked) > _MAX_INDICES:
        raise FormulaError("an expectation of a product of more than five sums is not read")
    shared = _shared_sums(term, linked, prob, moments)
    if shared is not None:
        for d, lo, hi in free_sums:
            shared = sp.Sum(shared, (d, lo, hi))
        return shared
    for d, lo, hi in linked:
        families = {str(f.base.label) for f in term.factors if isinstance(f, sp.Indexed) and f.has(d)}
        if len(families) != 1 or not prob.laws[next(iter(families))].indexed:
            raise FormulaError("a sum over several random families, or over variables not said to be i.i.d., "
                               "is not read inside an expectation")
        if any(f.has(d) and any(i != d for i in f.indices) for f in term.factors if isinstance(f, sp.Indexed)):
            raise FormulaError("a random variable with several indices under a sum is not read inside an expectation")
    linked_families: dict = {}  # family -> the summed indices of its members
    for d, lo, hi in linked:
        fam = next(str(f.base.label) for f in term.factors if isinstance(f, sp.Indexed) and f.has(d))
        linked_families.setdefault(fam, []).append((d, lo, hi))
    if linked:
        fixed = [f for f in term.factors if isinstance(f, sp.Indexed) and str(f.base.label) in linked_families
                 and not any(f.has(d) for d, _, _ in linked)]
        if fixed:
            beside = _beside_a_member(term, linked, fixed, prob, moments)
            if beside is not None:
                for d, lo, hi in free_sums:
                    beside = sp.Sum(beside, (d, lo, hi))
                return beside
            raise FormulaError("a sum over an i.i.d. family next to one of its members at a fixed index is not "
                               "read inside an expectation")
        if any(len({(lo, hi) for _, lo, hi in ds}) != 1 for ds in linked_families.values()):
            raise FormulaError("sums with different ranges over one i.i.d. family are not read inside an expectation")
        if len(linked) > 1 and any(term.coeff.has(d) for d, _, _ in linked):
            raise FormulaError("a weighted sum of products of an i.i.d. family's members is not read inside an "
                               "expectation")
    others = [f for f in term.factors if not (isinstance(f, sp.Indexed) and any(f.has(d) for d, _, _ in linked))]
    for fam in linked_families:
        # (the sum's members and the other factors are multiplied apart: only if they are independent)
        for name in sorted({_name(a) for f in others for a in _random_atoms(f, prob)} - {fam}):
            if frozenset((fam, name)) not in prob.independent:
                raise FormulaError(f"a sum over {fam} times {name}, which the document does not say are independent")
    fixed_part = _fixed_expectation(others, prob, moments)
    per_family = []
    for fam, ds in linked_families.items():
        powers = {d: sum(1 for f in term.factors if isinstance(f, sp.Indexed) and f.has(d)) for d, _, _ in ds}
        lo, hi = ds[0][1], ds[0][2]
        count_n = hi - lo + 1
        options = []
        for part in _partitions([d for d, _, _ in ds]):
            value = sp.ff(count_n, len(part))
            for block in part:
                value *= moments.moment(fam, sum(powers[d] for d in block))
            options.append(value)
        per_family.append(sp.Add(*options))
        # (independent families: the member's indices may coincide across families without changing anything)
        for a in linked_families:
            if a != fam and frozenset((a, fam)) not in prob.independent:
                raise FormulaError(f"sums over {a} and {fam}, which the document does not say are independent")
    if len(linked) == 1 and term.coeff.has(linked[0][0]):
        d, lo, hi = linked[0]
        fam = next(iter(linked_families))
        power = sum(1 for f in term.factors if isinstance(f, sp.Indexed) and f.has(d))
        total = sp.Sum(term.coeff, (d, lo, hi)) * moments.moment(fam, power) * fixed_part
    else:
        total = term.coeff * sp.Mul(*per_family) * fixed_part
    for d, lo, hi in free_sums:
        total = sp.Sum(total, (d, lo, hi))
    return total


def _beside_a_member(term: _Term, linked: list, fixed: list, prob: Probability, moments: "_Moments") -> sp.Expr | None:
    """E of sums over an i.i.d. family beside its members at one index i of the sums' range (X_i sum_j X_j): each
    summed index is either i or one of the n - 1 others, and the summed indices are split by which of them are
    equal, as for the family alone. None where the term is not of that form (another family, several fixed
    indices, weights that depend on a summed index, an index whose range is not the sums')."""
    families = {str(f.base.label) for f in term.factors if isinstance(f, sp.Indexed)}
    indices = {f.indices for f in fixed}
    if len(families) != 1 or len(indices) != 1 or len(next(iter(indices))) != 1:
        return None
    family = next(iter(families))
    (at,) = next(iter(indices))
    if not prob.laws[family].indexed or len({(lo, hi) for _, lo, hi in linked}) != 1 \
            or term.coeff.has(*[d for d, _, _ in linked]) or len(linked) > _MAX_INDICES:
        return None
    lo, hi = linked[0][1], linked[0][2]
    in_range = (isinstance(at, sp.Idx) and at.lower == lo and at.upper == hi) or (at.is_Integer and at == lo)
    if not in_range or any(not isinstance(f, sp.Indexed) or len(f.indices) != 1 for f in term.factors):
        return None
    if any(f.indices[0] not in {d for d, _, _ in linked} | {at} for f in term.factors):
        return None
    power = {d: sum(1 for f in term.factors if f.indices[0] == d) for d, _, _ in linked}
    own = len(fixed)  # the powers of X_i itself
    star = sp.Dummy("fixed")
    total = sp.Integer(0)
    for part in _partitions([star] + [d for d, _, _ in linked]):
        value = sp.ff(hi - lo, len(part) - 1)  # (the blocks other than i's: distinct indices other than i)
        for block in part:
            value *= moments.moment(family, sum(own if d is star else power[d] for d in block))
        total += value
    return term.coeff * total


def _shared_sums(term: _Term, linked: list, prob: Probability, moments: "_Moments") -> sp.Expr | None:
    """E of a term whose summed indices run over members of several families at once (sum_i q_i k_i, q and k two
    i.i.d. families said to be independent of each other), every sum over the same range and every random factor
    under one of them; None where no index is shared by two families (read family by family).

    The indices are split by which of them are equal, as for one family: for each pattern, the number of index tuples
    (a falling factorial) times, block by block and family by family, the moment of the block's total power."""
    families_of = {d: {str(f.base.label) for f in term.factors if isinstance(f, sp.Indexed) and f.has(d)}
                   for d, _, _ in linked}
    if not any(len(fams) > 1 for fams in families_of.values()):
        return None
    families = sorted(set().union(*families_of.values()))
    why = None
    if len({(lo, hi) for _, lo, hi in linked}) != 1:
        why = "sums with different ranges over several families"
    elif any(not prob.laws[f].indexed for f in families):
        why = "a sum over variables not said to be i.i.d."
    elif any(frozenset((a, b)) not in prob.independent for a, b in itertools.combinations(families, 2)):
        why = "a sum over several families the document does not say are independent"
    elif any(not isinstance(f, sp.Indexed) or len(f.indices) != 1 or f.indices[0] not in {d for d, _, _ in linked}
             for f in term.factors):
        why = "a sum over several families beside other random factors"
    elif term.coeff.has(*[d for d, _, _ in linked]) or len(linked) > _MAX_INDICES:
        why = "a weighted sum, or more than five sums, over several families"
    if why is not None:
        raise FormulaError(f"{why} is not read inside an expectation")
    lo, hi = linked[0][1], linked[0][2]
    count_n = hi - lo + 1
    power = {(d, fam): sum(1 for f in term.factors if f.indices[0] == d and str(f.base.label) == fam)
             for d, _, _ in linked for fam in families}
    total = sp.Integer(0)
    for part in _partitions([d for d, _, _ in linked]):
        value = sp.ff(count_n, len(part))
        for block in part:
            for fam in families:
                value *= moments.moment(fam, sum(power[(d, fam)] for d in block))
        total += value
    return term.coeff * total


def _fixed_expectation(factors: list, prob: Probability, moments: _Moments) -> sp.Expr:
    """E of a product of random atoms at fixed indices and functions of them."""
    if not factors:
        return sp.Integer(1)
    atoms: dict = {}  # variable -> power
    functions = []
    for f in factors:
        if isinstance(f, (sp.Indexed, sp.Symbol)):
            v = _variable(f)
            atoms[v] = atoms.get(v, 0) + 1
        else:
            functions.append(f)
    variables = list(atoms)
    for f in functions:
        for a in _random_atoms(f, prob):
            v = _variable(a)
            if v not in variables:
                variables.append(v)
    for x, y in itertools.combinations(variables, 2):
        if x[0] == y[0] and x[1] is not None and y[1] is not None and not _independent(prob, x, y) \
                and any(not (a - b).is_number for a, b in zip(x[1], y[1])):
            raise FormulaError(f"{x[0]} at two indices that may be equal: write them as one index or say which")
    if functions:
        generating = _generating(factors, variables, moments)
        if generating is not None:
            return generating
        return _enumerated(factors, variables, prob, moments)
    groups = _dependent_groups(variables, prob)
    value = sp.Integer(1)
    for group in groups:
        if len(group) == 1:
            (v,) = group
            value *= moments.moment(v[0], atoms[v])
            continue
        if len(group) == 2 and all(atoms[v] == 1 for v in group) and \
                all(moments.law(v[0]).family == "generic" for v in group) and group[0][1] is None and group[1][1] is None:
            a, b = group
            value *= moments.moment(a[0], 1) * moments.moment(b[0], 1) + moments.covariance(a[0], b[0])
            continue
        names = " and ".join(sorted({v[0] for v in group}))
        raise FormulaError(f"the expectation of a product of {names}, which the document does not say are "
                           "independent, is not read")
    return value


def _generating(factors: list, variables: list, moments: "_Moments") -> sp.Expr | None:
    """E[e^{a X + b}], X of a law whose moment generating function is finite everywhere (normal, Poisson,
    binomial): e^b M_X(a), a and b not random; None for anything else (summed over values, or refused)."""
    if len(factors) != 1 or len(variables) != 1 or moments.given is not None:
        return None
    (f,), (v,) = factors, variables
    if not isinstance(f, sp.exp) or v[1] is not None:
        return None
    law = moments.law(v[0])
    x = next((s for s in f.free_symbols if isinstance(s, sp.Symbol) and s.name == v[0]), None)
    if law.family not in ("normal", "poisson", "binomial") or x is None:
        return None
    arg = sp.expand(f.args[0])
    a, b = arg.coeff(x, 1), arg.coeff(x, 0)
    if sp.expand(a * x + b - arg) != 0 or a.has(x) or b.has(x):
        return None
    if law.family == "normal":
        mu, var = law.params
        value = sp.exp(mu * a + var * a ** 2 / 2)
    elif law.family == "poisson":
        value = sp.exp(law.params[0] * (sp.exp(a) - 1))
    else:
        m, p = law.params
        value = (1 - p + p * sp.exp(a)) ** m
    return sp.exp(b) * value


def _dependent_groups(variables: list, prob: Probability) -> list[list]:
    groups: list[list] = []
    for v in variables:
        joined = [g for g in groups if any(not _independent(prob, v, w) for w in g)]
        merged = [v] + [w for g in joined for w in g]
        groups = [g for g in groups if g not in joined] + [merged]
    return groups


def _enumerated(factors: list, variables: list, prob: Probability, moments: _Moments) -> sp.Expr:
    """E of a product holding functions of random variables: summed over their values, when each has
    finitely many and they are independent."""
    if any(not _independent(prob, x, y) for x, y in itertools.combinations(variables, 2)):
        raise FormulaError("a function of random variables the document does not say are independent is not "
                           "read inside an expectation")
    supports = []
    for v in variables:
        values = moments.support(v[0])
        if values is None:
            raise FormulaError(f"the expectation of a function of {v[0]}, which takes infinitely many values, is "
                               "not read")
        supports.append(values)
    if math.prod(len(s) for s in supports) > 256:
        raise FormulaError("an expectation over too many outcomes to sum")
    product = sp.Mul(*factors)
    total = sp.Integer(0)
    for outcome in itertools.product(*supports):
        at = {}
        weight = sp.Integer(1)
        for v, (value, p) in zip(variables, outcome):
            key = sp.Symbol(v[0], real=True) if v[1] is None else None
            weight *= p
            if v[1] is None:
                at[key] = value
            else:
                at.update({a: value for a in product.atoms(sp.Indexed) if _variable(a) == v})
        total += weight * product.xreplace(at)
    return total


# --- the operators -----------------------------------------------------------------------------------


def _raw_expectation(e: sp.Expr, prob: Probability, moments: _Moments) -> sp.Expr:
    terms = _terms(sp.sympify(e), prob, [4 * _MAX_TERMS])
    return sp.Add(*[_term_expectation(t, prob, moments) for t in terms])


def expectation(e: sp.Expr, prob: Probability) -> sp.Expr:
    """E[e], in the laws' parameters; FormulaError when what the document says does not determine it.
    (The caller has made sure that what is not random is fixed: the expectation of a constant is itself.)"""
    if not _random_atoms(e, prob):
        return e
    value = _raw_expectation(e, prob, _Moments(prob))
    _cross_check(e, value, prob)
    return value


def variance(e: sp.Expr, prob: Probability) -> sp.Expr:
    return expectation(e ** 2, prob) - expectation(e, prob) ** 2


def covariance(a: sp.Expr, b: sp.Expr, prob: Probability) -> sp.Expr:
    return expectation(a * b, prob) - expectation(a, prob) * expectation(b, prob)


# --- variables of any law -------------------------------------------------------------------------------

class Moment(sp.Symbol):
    """E[X^2 Y] of variables whose law the document does not give: a number of its own, named by the monomial
    (a class of its own, so a step can tell it from a law's parameter; no name the reader makes has a bracket)."""


def moment_symbol(monomial: sp.Expr) -> sp.Symbol:
    return Moment(f"E[{sp.sstr(monomial).replace('**', '^').replace('*', ' ')}]", real=True)


def free_expectation(e: sp.Expr, randoms: list) -> sp.Expr:
    """E[e] for random variables of any joint law: e a polynomial in them (coefficients not random), its
    expectation the same combination of their moments, each a number of its own. What holds in these numbers
    holds for every law (with the moments finite); FormulaError for anything that is not such a polynomial."""
    e = sp.expand(e)
    if e.atoms(sp.Sum, sp.Integral, sp.Derivative, sp.Indexed):
        raise FormulaError("an expectation of a sum, an integral, a derivative or an entry, of variables of no "
                           "given law, is not read")
    try:
        poly = sp.Poly(e, *randoms)
    except sp.PolynomialError:
        raise FormulaError("the expectation of a formula that is not a polynomial in its random variables needs "
                           "their law") from None
    if any(c.free_symbols & set(randoms) for c in poly.coeffs()) or poly.total_degree() > 2 * _MAX_POWER:
        raise FormulaError("the expectation of a formula that is not a polynomial in its random variables needs "
                           "their law")
    total, monomials = sp.Integer(0), {}
    for powers, coeff in poly.terms():
        monomial = sp.Mul(*[r ** k for r, k in zip(randoms, powers)])
        if monomial != 1:
            monomials[moment_symbol(monomial)] = monomial
        total += coeff * (sp.Integer(1) if monomial == 1 else moment_symbol(monomial))
    _free_cross_check(e, total, randoms, monomials)
    return total


def _free_cross_check(e: sp.Expr, value: sp.Expr, randoms: list, monomials: dict) -> None:
    """The combination of moments against a sum over every outcome of one joint law with three values each and
    unequal weights (the parameters at rational points)."""
    params = sorted(e.free_symbols - set(randoms), key=str)
    point = {p: sp.Rational(_POINTS[k % len(_POINTS)].numerator, _POINTS[k % len(_POINTS)].denominator) + k
             for k, p in enumerate(params)}
    outcomes = list(itertools.product(*[(sp.Integer(-1) - k, sp.Rational(1, 2), sp.Integer(2) + k)
                                        for k in range(len(randoms))]))
    if len(outcomes) > 729:
        raise FormulaError("an expectation of too many variables of no given law")
    weights = [sp.Integer(k + 1) for k in range(len(outcomes))]
    weights = [w / sum(weights) for w in weights]
    def expect(f):
        return sp.Add(*[w * f.xreplace(dict(zip(randoms, o))) for w, o in zip(weights, outcomes)])
    moments = {symbol: expect(monomial) for symbol, monomial in monomials.items()}
    direct = expect(e.xreplace(point))
    if sp.simplify(value.xreplace(point).xreplace(moments) - direct) != 0:
        raise FormulaError("the expectation could not be confirmed by summing over outcomes")


# --- the cross-check ------------------------------------------------------------------------------------


_POINTS = (Fraction(2, 7), Fraction(3, 5), Fraction(5, 11), Fraction(7, 13), Fraction(4, 9), Fraction(6, 17))


def _cross_check(e: sp.Expr, value: sp.Expr, prob: Probability) -> None:
    """The formula against a sum over every outcome, at sizes 2 and 3 and rational parameters.

    A law with finitely many values keeps them; a variable given by its mean and variance takes two values
    with that mean and variance. Where every law is one of these, the formula itself is compared (its
    moments with it); otherwise every variable takes two values and the expansion is compared, evaluated
    with their moments (the laws' moments are fixed formulas, tested against sympy.stats)."""
    # (indices with ranges are plain integers here: a size put into a range would part them from their sums)
    plain = {ix: sp.Symbol(str(ix.label), integer=True) for ix in (e.atoms(sp.Idx) | value.atoms(sp.Idx))}
    e, value = e.xreplace(plain), value.xreplace(plain)
    sizes = sorted({s for s in (e.free_symbols | value.free_symbols) if _is_size(s)}, key=str)
    names = sorted({_name(a) for a in _random_atoms(e, prob)})
    indices = {s for a in _random_atoms(e, prob) if isinstance(a, sp.Indexed) for i in a.indices for s in i.free_symbols}
    randoms = {s for s in e.free_symbols if isinstance(s, sp.Symbol) and s.name in names}
    params = sorted((value.free_symbols | e.free_symbols | {s for n in names for p in prob.laws[n].params
                                                            if p is not None for s in sp.sympify(p).free_symbols})
                    - set(sizes) - indices - randoms, key=str)
    params = [p for p in params if not (isinstance(p, sp.Symbol) and p.name.startswith("Cov("))]
    covariances = {s: 0 for s in value.free_symbols if isinstance(s, sp.Symbol) and s.name.startswith("Cov(")}
    point = {p: sp.Rational(_POINTS[k % len(_POINTS)].numerator, _POINTS[k % len(_POINTS)].denominator) + k
             for k, p in enumerate(params)}
    own = all(prob.laws[n].support() is not None or prob.laws[n].family == "generic" for n in names)
    given: dict = {}
    for k, name in enumerate(names):
        law = prob.laws[name]
        support = law.support()
        if support is not None:
            given[name] = [(v, sp.sympify(p).xreplace(point)) for v, p in support]
            continue
        if own:
            mean, var = (sp.sympify(x).xreplace(point) for x in law.params)
            if not (var.is_number and var >= 0):
                own = False
            else:
                spread = sp.sqrt(var)
                given[name] = [(mean - spread, sp.Rational(1, 2)), (mean + spread, sp.Rational(1, 2))]
                continue
        given[name] = [(sp.Rational(-1, 3) - k, sp.Rational(1, 3)), (sp.Integer(2) + k, sp.Rational(2, 3))]
    if not own:  # (a law with infinitely many values: every variable two-valued, the expansion checked)
        given = {name: given[name] if prob.laws[name].support() is not None else
                 [(sp.Rational(-1, 3) - k, sp.Rational(1, 3)), (sp.Integer(2) + k, sp.Rational(2, 3))]
                 for k, name in enumerate(names)}
    for a, b in itertools.permutations(names, 2):
        given[("cov", a, b)] = sp.Integer(0)
    for n_value in (2, 3):
        at = {s: n_value for s in sizes}
        at.update({s: 1 for s in indices})
        instance = e.subs(at).subs(point)
        try:
            if own:
                formula = value.subs(at).subs(point).xreplace(covariances)
            else:
                formula = _raw_expectation(instance, prob, _Moments(prob, given))
            formula = _unrolled(formula)
            direct = _by_outcomes(instance, prob, given)
        except FormulaError:
            raise FormulaError("the expectation could not be confirmed by summing over outcomes") from None
        if sp.simplify(formula - direct) != 0:
            raise FormulaError("the expectation could not be confirmed by summing over outcomes")


def _is_size(s) -> bool:
    return isinstance(s, sp.Symbol) and s.is_integer is True and s.is_positive is True


def _by_outcomes(e: sp.Expr, prob: Probability, given: dict) -> sp.Expr:
    """E[e] summed over every outcome of the variables, sums written out at this size."""
    e = _unrolled(e)
    atoms = sorted(_random_atoms(e, prob), key=str)
    variables = []
    for a in atoms:
        v = _variable(a)
        if v not in variables:
            variables.append(v)
    # variables that are not independent (only generic pairs are allowed so far) are checked with
    # covariance 0: as independent
    supports = [given[v[0]] for v in variables]
    if math.prod(len(s) for s in supports) > 4096:
        raise FormulaError("too many outcomes")
    total = sp.Integer(0)
    for outcome in itertools.product(*supports):
        weight = sp.Integer(1)
        at = {}
        for v, (value, p) in zip(variables, outcome):
            weight *= p
            for a in atoms:
                if _variable(a) == v:
                    at[a] = value
        total += weight * e.xreplace(at)
    return total


def _unrolled(e: sp.Expr) -> sp.Expr:
    """Every sum with whole-number limits written out term by term (the inner ones first, so no bound
    index is left inside a sum being written out)."""
    if not isinstance(e, sp.Basic) or not e.has(sp.Sum):
        return e
    if isinstance(e, sp.Sum):
        body = _unrolled(e.function)
        for var, lo, hi in e.limits:
            if not (lo.is_Integer and hi.is_Integer) or int(hi) - int(lo) > 50:
                raise FormulaError("a sum whose limits are not whole numbers at this size")
            body = sp.Add(*[body.xreplace({var: sp.Integer(k)}) for k in range(int(lo), int(hi) + 1)])
        return body
    return e.func(*[_unrolled(a) for a in e.args])
