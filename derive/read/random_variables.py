"""The Reader's expectations, variances and covariances (a mixin: it uses the Reader's terms).

``\\mathbb{E}[...]``, ``\\operatorname{Var}(...)``, ``\\operatorname{Cov}(..., ...)`` are read only of random
variables the document gives a law in its prose (see derive.read.statements, ``laws``); their value is
computed by derive.read.expectation, and the reading names the laws it used. Anything else in the
argument must be something the document says is fixed: a law's parameter, a size, an index, a name it
declares or defines. An undeclared letter could be a random variable said so in words derive does not
read, so it is refused rather than taken for a constant.
"""

from __future__ import annotations

import dataclasses
import re

import sympy as sp
from lark import Token, Tree
from lark.exceptions import LarkError

from ..errors import FormulaError
from ..model import Reading
from . import events
from . import values as V
from .expectation import GEOMETRIC_UNSAID, Law, Moment, Probability, covariance, expectation, free_expectation, variance
from .statements import LawStatement
from .grammar import parser
from .limits import check_formula
from .syntax import item_base, item_scripts, lark_reason, node_kind, node_word, symbol_name, written_name

_HEADS = {"E": "expectation", "Var": "variance", "var": "variance", "V": "variance", "Cov": "covariance",
          "cov": "covariance", "Variance": "variance", "Covariance": "covariance", "P": "probability",
          "Pr": "probability", "Prob": "probability"}
_FONT_HEADS = ("\\mathbb", "\\mathbf", "\\mathrm", "\\mathsf", "\\operatorname", "\\textrm", "\\text", "\\mathcal")
_SAY_LAW = ("say in the prose what law the variables have (\"$X \\sim \\mathrm{Bernoulli}(p)$\", \"$X_1, \\dots, X_n$ "
            "are i.i.d. with mean $\\mu$ and variance $\\sigma^2$\")")


def _single_letter(node) -> str | None:
    while isinstance(node, Tree) and node.data in ("group", "product", "item") and len(node.children) == 1:
        node = node.children[0]
    return str(node.children[0]) if isinstance(node, Tree) and node.data == "letter" else None


class RandomReading:
    """Expectations of the document's random variables."""

    law_statements: tuple = ()  # what the prose says of the random variables' laws (statements.LawStatement)
    law_independent: tuple = ()  # the names each sentence says are independent
    law_mentions: tuple = ()  # (name, offset, words): where the prose may change a law in words it does not read
    offset_lines = None  # an offset in the document -> its line
    fixed_names: set = set()  # names the prose makes fixed numbers, sizes, vectors or matrices
    random_used: set  # the random variables whose laws the readings used
    events_document = False  # whether the document writes events inside P(...) (P(A \\cap B), P(A \\mid B))
    event_candidates: tuple = ()  # (offset, line, left, right, part) of each "P(...) = number" it writes
    _events_read = None

    def random_names(self) -> set[str]:
        return {symbol_name(s.name) for s in self.law_statements}

    def _expectation_head(self, entries, k: int):
        """(kind, entries the head takes, the head's scripts) for E[...], Var(...), Cov(...); else None."""
        entry = entries[k]
        base, scripts = item_base(entry.item), item_scripts(entry.item)
        kind, width, word = node_kind(base), 1, None
        if kind == "command" and str(base.children[0]) in _FONT_HEADS and not scripts and k + 1 < len(entries):
            nxt = entries[k + 1]
            if nxt.op is None and not nxt.negative and node_kind(item_base(nxt.item)) == "group":
                word, width, scripts = _single_letter(item_base(nxt.item)), 2, item_scripts(nxt.item)
                if word not in ("E", "V", "P"):
                    return None
        elif kind == "text":
            word = node_word(base)
            if word == "V":
                return None  # (\mathrm{V}(x) may be a volume: only \mathbb{V} is the variance)
        elif kind == "command" and str(base.children[0]).lstrip("\\") in ("E", "Var", "Cov", "var", "cov", "Pr"):
            word = str(base.children[0]).lstrip("\\")
        elif kind == "letter" and str(base.children[0]) in ("E", "P") \
                and self.notation.kind_of(str(base.children[0])) is None \
                and symbol_name(str(base.children[0])) not in self.values \
                and str(base.children[0]) not in getattr(self, "lambdas", {}):
            word = str(base.children[0])  # E[X], P(X = 1), in a document that gives its random variables laws
            if k + 1 < len(entries) and word == "P" and self.events_document and self._event_argument(entries[k + 1]):
                return "event", 1, scripts  # P(A \cap B), P(+ \mid D), in a document that writes events
            if not self.law_statements or k + 1 >= len(entries) \
                    or node_kind(item_base(entries[k + 1].item)) != ("bracket" if word == "E" else "iverson"):
                return None
        if word not in _HEADS:
            return None
        if k + width >= len(entries):
            return None
        arg = entries[k + width]
        if _HEADS[word] == "probability" and self._event_argument(arg):
            return "event", width, scripts
        wanted = ("iverson",) if _HEADS[word] == "probability" else ("bracket", "paren")
        if arg.op is not None or arg.negative or node_kind(item_base(arg.item)) not in wanted:
            return None
        return _HEADS[word], width, scripts

    def _expectation_at(self, entries, k: int, head, env) -> tuple[V.Value, int]:
        kind, width, scripts = head
        if any(s.data == "sub_script" for s in scripts):
            raise FormulaError("an expectation or variance with a subscript (\\mathbb{E}_q[...]) is taken under a law "
                               "written there: it is not read")
        if scripts:
            raise FormulaError("a power written on E, Var or Cov itself is not read: write \\operatorname{Var}(X)^2")
        arg = entries[k + width]
        node = item_base(arg.item)
        if kind == "event":
            return self._event_probability_at(node, arg, env), k + width + 1
        if kind == "probability":
            if not self.law_statements:
                raise FormulaError(f"a probability, but the document gives no random variable a law: {_SAY_LAW}")
            return self._probability_at(node, arg, env), k + width + 1
        if any(isinstance(t, Token) and str(t) in ("\\mid", "|", "\\vert") for t in node.scan_values(lambda _: True)):
            raise FormulaError("a conditional expectation or variance (with \\mid) is not read")
        parts = [c for c in node.children if not isinstance(c, Token)]
        values = [self._expr(c, env) for c in parts]
        if any(isinstance(v, V.Value) is False or v.is_vector or v.is_matrix or v.row for v in values):
            raise FormulaError("an expectation or variance of a vector or matrix is not read")
        wanted = 2 if kind == "covariance" else 1
        if len(values) != wanted:
            raise FormulaError(f"{'Cov takes two' if wanted == 2 else 'E and Var take one'} argument"
                               f"{'s' if wanted == 2 else ''}, got {len(values)}")
        exprs = [v.expr for v in values]
        present = {str(a.base.label) for x in exprs for a in x.atoms(sp.Indexed)} | {str(s) for x in exprs
                                                                                   for s in x.free_symbols}
        prob, laws = self._probability(present)
        if not prob.laws:
            value = self._of_any_law(kind, exprs)
            return self._scripted(value, item_scripts(arg.item), env), k + width + 1
        self._check_fixed(exprs, prob, laws)
        try:
            if kind == "expectation":
                result = expectation(exprs[0], prob)
            elif kind == "variance":
                result = variance(exprs[0], prob)
            else:
                result = covariance(exprs[0], exprs[1], prob)
        except FormulaError as e:
            raise FormulaError(f"{'E' if kind == 'expectation' else 'Var' if kind == 'variance' else 'Cov'}[...]: {e}") from None
        used = sorted(prob.laws)  # (the laws of the variables present, no others)
        for name in used:
            law, statement = laws[name]
            for condition in law.domain():
                V.requires(condition)
            spread = law.params[1] if law.family in ("normal", "generic") else None
            if isinstance(spread, sp.Pow) and spread.exp == 2 and isinstance(spread.base, sp.Symbol):
                # variance sigma^2: sigma is a standard deviation, positive
                V.requires(sp.Gt(spread.base, 0))
            self.notes.append(Reading("declaration", f"{_law_text(name, law)}, as the document says",
                                      self.line_of_offset(statement.offset)))
        for symbol in result.free_symbols:
            if isinstance(symbol, sp.Symbol) and symbol.name.startswith("Cov("):
                a, b = symbol.name[4:-1].split(", ")
                V.requires(sp.Le(symbol ** 2, laws[a][0].params[1] * laws[b][0].params[1]))
                self.notes.append(Reading("inferred", f"${a}$ and ${b}$ are not said to be independent: their covariance "
                                                      f"{symbol.name} is a parameter of its own"))
        self.random_used |= set(used)
        value = V.Value(result)
        return self._scripted(value, item_scripts(arg.item), env), k + width + 1

    def _of_any_law(self, kind: str, exprs: list) -> V.Value:
        """E, Var or Cov of names the document gives no law: every name in the argument that it does not fix is a
        random variable of any joint law (a constant is one too), and the value is a combination of their moments,
        each a number of its own; only a proof for every law stands (see read.document: the step's supposition)."""
        what = f"{'an' if kind == 'expectation' else 'a'} {kind}"
        if any(x.atoms(sp.Indexed) for x in exprs):
            raise FormulaError(f"{what}, but the document gives no random variable a law: {_SAY_LAW}")
        fixed = {n for n in self.fixed_names} | {n for n in self.values if self._in_force(n)}
        randoms = sorted({x for e in exprs for x in e.free_symbols
                          if isinstance(x, sp.Symbol) and not isinstance(x, sp.Idx) and not x.is_integer
                          and str(x) not in fixed and not isinstance(x, Moment)
                          and not x.name.startswith(("E[", "Var(", "Cov("))}, key=str)
        if not randoms:
            raise FormulaError(f"{what} of a formula with no random variable in it, and the document gives no law")
        try:
            if kind == "expectation":
                result = free_expectation(exprs[0], randoms)
            elif kind == "variance":
                result = sp.expand(free_expectation(exprs[0] ** 2, randoms) - free_expectation(exprs[0], randoms) ** 2)
            else:
                result = sp.expand(free_expectation(exprs[0] * exprs[1], randoms)
                                   - free_expectation(exprs[0], randoms) * free_expectation(exprs[1], randoms))
        except FormulaError as e:
            raise FormulaError(f"{what}, but the document gives no random variable a law ({e}): {_SAY_LAW}") from None
        names = ", ".join(f"${sp.latex(x)}$" for x in randoms)
        self.notes.append(Reading("inferred", f"{names} {'is a random variable' if len(randoms) == 1 else 'are random variables'} "
                                              "of any law (the document gives none)"))
        return V.Value(result)

    def _probability_at(self, node, arg, env) -> V.Value:
        """P(a REL b), an event of the document's random variables: the expectation of its indicator, summed over
        their values where each takes finitely many, or a law's own formula for one variable at a fixed number
        (P(K = 2) of a Poisson or binomial K, P(T > s) of an exponential T); anything else refused."""
        parts = [c for c in node.children if not (isinstance(c, Token) and c.type in ("LSET", "RSET"))]
        if len(parts) != 3 or str(parts[1]) not in _EVENTS:
            raise FormulaError("a probability is read only of one relation between numbers: P(X = 1), P(X \\le t)")
        a, b = self._expr(parts[0], env), self._expr(parts[2], env)
        if any(not isinstance(v, V.Value) or v.is_vector or v.is_matrix or v.row for v in (a, b)):
            raise FormulaError("a probability is read only of a relation between numbers")
        relation = _EVENTS[str(parts[1])]
        exprs = [a.expr, b.expr]
        present = {str(x.base.label) for e in exprs for x in e.atoms(sp.Indexed)} | {str(x) for e in exprs
                                                                                   for x in e.free_symbols}
        prob, laws = self._probability(present)
        if not prob.laws:
            raise FormulaError("a probability of an event in no random variable the document gives a law")
        self._check_fixed(exprs, prob, laws)
        holds = relation(a.expr, b.expr)
        params = {x for law, _ in laws.values() for p in law.params for x in sp.sympify(p).free_symbols}
        loose = sorted(str(x) for e in exprs for x in e.free_symbols
                       if x.name not in prob.laws and x not in params and not isinstance(x, sp.Idx))
        if loose and _law_probability(a.expr, str(parts[1]), b.expr, prob, quiet=True) is None:
            # P(S = s) = (6 - |s - 7|)/36 "for s = 2, ..., 12": the numbers the event is meant at are in the words
            raise FormulaError(f"a probability of an event at {', '.join(loose)}, whose values are not given: it is "
                               "read only at numbers (P(S = 7)) or at a law's parameters")
        indicator = sp.Integer(1 if holds else 0) if holds in (sp.true, sp.false) else \
            sp.Piecewise((sp.Integer(1), holds), (sp.Integer(0), True))
        try:
            result = _law_probability(a.expr, str(parts[1]), b.expr, prob)
            if result is None:
                result = expectation(indicator, prob)
        except FormulaError as e:
            raise FormulaError(f"P(...): {e}") from None
        used = sorted(prob.laws)
        for name in used:
            law, statement = laws[name]
            for condition in law.domain():
                V.requires(condition)
            self.notes.append(Reading("declaration", f"{_law_text(name, law)}, as the document says",
                                      self.line_of_offset(statement.offset)))
        self.random_used |= set(used)
        return self._scripted(V.Value(result), item_scripts(arg.item), env)

    @staticmethod
    def _event_argument(entry) -> bool:
        """Whether an entry is P's argument written as an event formula: P(A \\cap B), P(A), never P(X = 1)."""
        if entry.op is not None or entry.negative or node_kind(item_base(entry.item)) != "paren":
            return False
        return events.is_event_argument(item_base(entry.item))

    def _event_state(self):
        """(givens, conflicts) of the probabilities the document states (see read.events.givens), found once."""
        if self._events_read is None:
            def read(text: str):
                try:
                    tree = parser().parse(text)
                except (LarkError, FormulaError):
                    return None
                items = tree.children if isinstance(tree, Tree) and tree.data == "product" else [tree]
                last = items[-1] if items else None
                if not (isinstance(last, Tree) and last.data == "item" and not item_scripts(last)
                        and node_kind(item_base(last)) == "paren"):
                    return None
                try:
                    found = events.formula_of(item_base(last))
                    self._check_events(found)
                except FormulaError:
                    return None
                return found
            self._events_read = events.givens(list(self.event_candidates), read)
        return self._events_read

    def event_given_offsets(self) -> set[int]:
        return {g.offset for g in self._event_state()[0]} if self.event_candidates else set()

    def _check_events(self, found) -> None:
        """Refuse an event named like a random variable, or like a name the document gives another meaning."""
        keys = events.atoms_of(found)
        randoms = self.random_names()
        for key in keys:
            letter = key.split("_")[0].split("^")[0]
            if not re.fullmatch(r"[A-Z]", letter):
                continue
            if symbol_name(letter) in randoms or symbol_name(key) in randoms:
                raise FormulaError(f"P({key}) of a random variable ${key}$: write the event, P({key} = 1)")
            if self.notation.kind_of(letter) is not None or symbol_name(key) in self.values \
                    or symbol_name(letter) in self.values:
                raise FormulaError(f"${key}$ inside P(...) is read as an event, but the document gives it another "
                                   "meaning")

    def _event_probability_at(self, node, arg, env) -> V.Value:
        """P(F) or P(F | G) of named events, in the probabilities of their intersections (read.events), with the
        probabilities the document stated before this line put in."""
        found = events.formula_of(node)
        self._check_events(found)
        num, den = events.conditional(found)
        givens, conflicts = self._event_state()
        here = self.line if self.line is not None else 0
        for line, why in conflicts:
            if line <= here:
                raise FormulaError(why)
        before = [g for g in givens if g.line <= here]
        solved = events.solve([g.equation for g in before])
        if solved is None:
            raise FormulaError("the probabilities the document gives contradict each other")
        symbols = (num.free_symbols | den.free_symbols)
        value = sp.cancel(sp.together((num / den).xreplace(solved)))
        denominator = sp.expand(den.xreplace(solved))
        if denominator.is_number and denominator.is_zero:
            raise FormulaError("a probability conditioned on an event of probability 0")
        if not denominator.is_number:
            V.requires(sp.Gt(denominator, 0))
        touched, grown = set(symbols), True
        while grown:  # (the givens that fix what this probability is written in: linked through their symbols)
            grown = False
            for g in before:
                if g.symbols & touched and not g.symbols <= touched:
                    touched |= g.symbols
                    grown = True
        for g in before:
            if g.symbols & touched:
                self.notes.append(Reading("declaration", f"${g.latex}$, as the document gives it", g.line))
        return self._scripted(V.Value(value), item_scripts(arg.item), env)

    def line_of_offset(self, offset: int):
        lines = getattr(self, "offset_lines", None)
        return lines(offset) if lines is not None else None

    def _probability(self, present: set[str]) -> tuple[Probability, dict]:
        """The laws in force here of the random variables present (the last one said before this line; else
        the first one said after it)."""
        chosen: dict[str, LawStatement] = {}
        for s in self.law_statements:
            name = symbol_name(s.name)
            if name not in present:
                continue
            at = self.line_of_offset(s.offset)
            if name not in chosen and self.line is not None and at is not None and at > self.line and any(
                    self.line < h <= at for h in (*getattr(self, "heading_lines", ()), *getattr(self, "topic_lines", ()),
                                                   *getattr(self, "part_lines", ()))):
                continue  # (a law said under a later heading is that part's: "**Problem 2.** Now $X \sim Exp(\lambda)$")
            if name not in chosen or (self.line is not None and at is not None and at <= self.line):
                chosen[name] = s
        for name, s in chosen.items():
            at = self.line_of_offset(s.offset)
            if self.line is not None and at is not None and at > self.line:
                # (a law said after the claim, where words before it speak of the law: "I tried $X$ uniform on ...",
                # then "$X \sim N(\mu, \sigma^2)$" below: never that later law)
                before = [self.line_of_offset(offset) for mentioned, offset, _ in getattr(self, "law_mentions", ())
                          if symbol_name(mentioned) == name and offset < s.offset]
                before = [b for b in before if b is not None and b <= self.line]
                if before:
                    raise FormulaError(f"the law of {name} is said on line {at}, after this claim, and line {before[-1]} "
                                       "speaks of its law in words that are not read: which law holds here is not read")
            for mentioned, offset, words in getattr(self, "law_mentions", ()):
                line = self.line_of_offset(offset)
                if symbol_name(mentioned) == name and offset > s.offset and self.line is not None and line is not None \
                        and at is not None and at < line <= self.line:
                    raise FormulaError(f"the law of {name} as line {at} gives it may have changed on line {line} "
                                       f"(\"{words}\"), which is not read")
        # Y_1, Y_2 of a family Y_1, ..., Y_n the document gives one law (i.i.d.), where Y itself is not written: each
        # a variable of that law, and independent of the others
        members: list[str] = []
        for s in self.law_statements:
            base = symbol_name(s.name)
            if not s.indexed or base in present:
                continue
            for name in sorted(present):
                if not re.fullmatch(re.escape(base) + r"_\d+", name) or (name in chosen and name not in members):
                    continue  # (Y_1 given a law of its own keeps it)
                at = self.line_of_offset(s.offset)
                if name not in chosen or (self.line is not None and at is not None and at <= self.line):
                    chosen[name] = s
                    if name not in members:
                        members.append(name)
        laws: dict[str, tuple[Law, LawStatement]] = {}
        for name, s in chosen.items():
            law = self._law(name, s)
            laws[name] = (dataclasses.replace(law, indexed=False) if name in members else law, s)
        independent = set()
        for a in members:
            for b in members:
                if a != b and a.rsplit("_", 1)[0] == b.rsplit("_", 1)[0]:
                    independent.add(frozenset((a, b)))
        for group in self.law_independent:
            names = [symbol_name(n) for n in group]
            independent |= {frozenset((a, b)) for a in names for b in names if a != b}
        return Probability(laws={n: law for n, (law, _) in laws.items()}, independent=independent), laws

    def _law(self, name: str, s: LawStatement) -> Law:
        params = []
        for k, text in enumerate(s.params):
            if not text:
                params.append(sp.Symbol(f"E[{name}]", real=True) if k == 0 else sp.Symbol(f"Var({name})", nonnegative=True))
                continue
            try:
                value = self.read_parameter(text)
            except FormulaError as e:
                raise FormulaError(f"the law of {name} ({s.written}) has a parameter that is not read: {e}") from None
            if any(isinstance(x, sp.Idx) for x in value.free_symbols):
                # y_i ~ Poisson(lambda t_i): a law that differs from one variable of the family to the next
                raise FormulaError(f"the law of {name} ({s.written}) has a parameter that changes with the index "
                                   f"({text.strip()}): laws that differ from one variable to the next are not read")
            params.append(value)
        if s.family == "generic" and len(params) == 2 and s.params[0] and not s.params[1]:
            params[1] = sp.Symbol(f"Var({name})", nonnegative=True)
        return Law(s.family, tuple(params), s.written, s.indexed)

    def read_parameter(self, text: str) -> sp.Expr:
        check_formula(text)
        try:
            tree = parser().parse(text)
        except LarkError as exc:
            raise FormulaError(lark_reason(exc)) from None
        value = self._expr(tree, {})
        if not isinstance(value, V.Value) or value.is_vector or value.is_matrix:
            raise FormulaError("a parameter of a law must be a number")
        return value.expr

    def _check_fixed(self, exprs, prob: Probability, laws: dict) -> None:
        """Everything in the argument that is not random must be fixed by what the document says."""
        fixed = set()
        for law, _ in laws.values():
            for p in law.params:
                fixed |= {str(s) for s in sp.sympify(p).free_symbols}
        for x in exprs:
            for s in x.free_symbols:
                if isinstance(s, sp.Indexed):
                    continue
                name = str(s)
                if name in prob.laws or getattr(s, "is_integer", False) or isinstance(s, sp.Idx) or name in fixed:
                    continue
                if name in self.fixed_names or (name in self.values and self._in_force(name)):
                    self._note_held_fixed(name)
                    continue
                shown = sp.latex(s)
                raise FormulaError(f"${shown}$ inside an expectation: the document does not say whether it is random or "
                                   f"a constant; say so (\"for a constant ${shown}$\") or give its law")
            for a in x.atoms(sp.Indexed):
                label = str(a.base.label)
                if label not in prob.laws and label not in self.fixed_names \
                        and not (label in self.values and self._in_force(label)):
                    raise FormulaError(f"{label} inside an expectation: the document does not say whether it is random "
                                       f"or fixed; give its law or declare it")
                self._note_held_fixed(label)

    def _note_held_fixed(self, name: str) -> None:
        """The reading that a name the words hold fixed ("with $h$ fixed") is a constant in an expectation."""
        if name in getattr(self, "held_fixed", ()):
            note = Reading("declaration", f"${written_name(name)}$ is fixed, not random, as the document says")
            if note not in self.notes:
                self.notes.append(note)


_EVENTS = {"=": sp.Eq, "\\neq": sp.Ne, "\\ne": sp.Ne, "<": sp.StrictLessThan, ">": sp.StrictGreaterThan,
           "\\le": sp.LessThan, "\\leq": sp.LessThan, "\\ge": sp.GreaterThan, "\\geq": sp.GreaterThan,
           "\\leqslant": sp.LessThan, "\\geqslant": sp.GreaterThan}


def _law_probability(left: sp.Expr, rel: str, right: sp.Expr, prob: Probability, quiet: bool = False) -> sp.Expr | None:
    """P(X REL c) of one variable X of infinitely many values and a number c its law gives a formula for:
    P(K = c) of a Poisson or binomial K at a whole number c; P(T > c), P(T >= c), P(T < c), P(T <= c) of an
    exponential T at c >= 0. None where the event is not of that form (summed over values instead)."""
    x = left if isinstance(left, sp.Symbol) and left.name in prob.laws else None
    if x is None or right.free_symbols & {s for s in right.free_symbols if s.name in prob.laws}:
        return None
    law = prob.laws[x.name]
    if law.support() is not None:  # (X of a family X_1, ..., X_n said i.i.d.: each of them, of that law)
        return None
    c = right
    if law.family in ("poisson", "binomial") and rel == "=":
        if not (c.is_Integer and c >= 0):
            if quiet:
                return None
            raise FormulaError("P(K = c) of a Poisson or binomial K is read only at a whole number c")
        return _mass(law, c)
    if law.family in ("poisson", "binomial") and rel in _EVENTS:
        # P(K <= 2) = P(K = 0) + P(K = 1) + P(K = 2); P(K > 2) = 1 - P(K <= 2); P(K != 2) = 1 - P(K = 2)
        if not (c.is_number and c.is_real) or abs(c) > _MAX_CUMULATED:
            if quiet:
                return None
            raise FormulaError(f"P(K {rel.lstrip(chr(92))} c) of a Poisson or binomial K is read only at a number c "
                               f"of at most {_MAX_CUMULATED}")
        if rel in ("\\neq", "\\ne"):
            return 1 - _mass(law, c) if c.is_Integer and c >= 0 else sp.Integer(1)
        if law.family == "binomial" and not law.params[0].is_Integer:
            # (P(K <= 35) of a K ~ Binomial(n, p): the sum stops at n, which no number gives here)
            if quiet:
                return None
            raise FormulaError("P(K <= c) of a binomial K is read only where its number of trials is a number")
        below = rel in ("<", "\\le", "\\leq", "\\leqslant")
        strict = rel in ("<", ">")
        # the largest value in the event K <= top (for < and <=) or outside it (for > and >=)
        top = sp.floor(c) if (below and not strict) or (not below and strict) else sp.ceiling(c) - 1
        if law.family == "binomial" and law.params[0].is_Integer:
            top = min(top, law.params[0])
        cumulated = sp.Add(*[_mass(law, sp.Integer(k)) for k in range(0, int(top) + 1)]) if top >= 0 else sp.Integer(0)
        return cumulated if below else 1 - cumulated
    if law.family == "geometric unsaid":
        raise FormulaError(GEOMETRIC_UNSAID)
    if law.family in ("geometric", "geometric failures") and rel in _EVENTS:
        # P(X = c) = (1 - p)^(c - 1) p of the trials up to the first success; P(X <= c) = 1 - (1 - p)^c
        first = 1 if law.family == "geometric" else 0
        p = law.params[0]
        if not (c.is_number and c.is_real):
            if quiet:
                return None
            raise FormulaError("P(X REL c) of a geometric X is read only at a number c")
        if rel in ("=", "\\neq", "\\ne"):
            mass = (1 - p) ** (c - first) * p if c.is_Integer and c >= first else sp.Integer(0)
            return mass if rel == "=" else 1 - mass
        below = rel in ("<", "\\le", "\\leq", "\\leqslant")
        strict = rel in ("<", ">")
        top = sp.floor(c) if (below and not strict) or (not below and strict) else sp.ceiling(c) - 1
        cumulated = 1 - (1 - p) ** (top - first + 1) if top >= first else sp.Integer(0)
        return cumulated if below else 1 - cumulated
    if law.family == "uniform" and rel in _EVENTS and rel not in ("=", "\\neq", "\\ne") \
            and all(v.is_number and v.is_real for v in (c, *law.params)):
        a, b = law.params
        below = min(max((c - a) / (b - a), sp.Integer(0)), sp.Integer(1))  # (a continuous law: <= as <)
        return below if rel in ("<", "\\le", "\\leq", "\\leqslant") else 1 - below
    if law.family == "exponential" and rel in (">", "\\ge", "\\geq", "\\geqslant", "<", "\\le", "\\leq", "\\leqslant"):
        if not (c.is_nonnegative is True):
            if quiet:
                return None
            raise FormulaError("P(T > c) of an exponential T is read only at a number c known to be at least 0")
        tail = sp.exp(-law.params[0] * c)
        return tail if rel in (">", "\\ge", "\\geq", "\\geqslant") else 1 - tail
    return None


_MAX_CUMULATED = 200  # the largest number c of P(K <= c) summed value by value


def _mass(law: Law, c: sp.Expr) -> sp.Expr:
    """P(K = c) of a Poisson or binomial K at a whole number c >= 0."""
    if law.family == "poisson":
        lam = law.params[0]
        return sp.exp(-lam) * lam ** c / sp.factorial(c)
    m, p = law.params
    return sp.binomial(m, c) * p ** c * (1 - p) ** (m - c)


def _law_text(name: str, law: Law) -> str:
    """The law as the reading states it: $X \\sim \\mathrm{Bernoulli}(p)$."""
    family = {"bernoulli": "Bernoulli", "binomial": "Binomial", "poisson": "Poisson", "exponential": "Exp",
              "normal": "N", "uniform": "U", "beta": "Beta", "laplace": "Laplace", "geometric": "Geometric",
              "geometric failures": "Geometric"}.get(law.family)
    shown = sp.latex(sp.Symbol(name))
    members = f"{shown}_1, {shown}_2, \\dots" if law.indexed else shown
    if law.family == "finite":
        each = "independent, each " if law.indexed else ""
        return f"${members}$: {each}uniform on $\\{{{', '.join(sp.latex(v) for v in law.params)}\\}}$"
    if family is None:
        mean, var = (sp.latex(p) for p in law.params)
        each = "independent, each " if law.indexed else ""
        return f"${members}$: {each}random, with mean ${mean}$ and variance ${var}$"
    params = ", ".join(sp.latex(p) for p in law.params)
    return f"${members} \\sim \\mathrm{{{family}}}({params})$" + (" independent" if law.indexed else "") + \
        (" (the second parameter the variance)" if law.family == "normal" else "") + \
        (" (the parameter the rate)" if law.family == "exponential" else "") + \
        (" (location and scale)" if law.family == "laplace" else "") + \
        (" (the number of trials up to and including the first success)" if law.family == "geometric" else "") + \
        (" (the number of failures before the first success)" if law.family == "geometric failures" else "")
