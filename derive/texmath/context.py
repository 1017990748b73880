"""The document a formula stands in: names typed from their use, definitions, and the guesses made.

A mixin of the Reader: ``learn`` takes the whole document into account before any formula is read
(which defaults the document really uses, which names are vectors, matrices or functions, which
displays define a name), and ``readings`` says in words what a display's reading relies on.
"""

from __future__ import annotations

import dataclasses
import re

import sympy as sp
from lark.exceptions import LarkError

from ..errors import FormulaError
from ..model import Reading
from .grammar import parser
from .notation import Notation, default_notation
from .syntax import symbol_name, item_base, item_scripts, node_kind, GREEK, names_in
from .usage import scan


class DocumentContext:
    """The Reader's knowledge of the whole document (a mixin: it uses the Reader's reading methods)."""

    def learn(self, chains: list[tuple[list[tuple[str, int]], list[str]]]) -> None:
        """Take the document's uses of its names into account before reading any formula of it.

        ``chains`` are the document's displays as ((term text, line), ...) and their relations. A
        default vector (x, y) the document never uses as a vector becomes an undeclared name; a
        letter the document applies to arguments, f(x), becomes a function, and f(x) = ... opening a
        display defines it.
        """
        usage = scan([t for terms, _ in chains for t in terms])
        self.usage = usage
        defaults = default_notation()
        in_definitions = scan([(formula, 0) for formula in self.notation.definitions.values()])
        referenced = {n for table in vars(in_definitions).values() for n in table}
        demote = {name for name in ("x", "y")
                  if name in self.notation.vectors and defaults.vectors.get(name) == self.notation.vectors[name]
                  and not usage.as_vector(name) and name not in referenced}
        # The default prediction y-hat = softmax(theta) only where the document uses y-hat as a vector.
        texts_all = " ".join(text for terms, _ in chains for text, _ in terms)
        if "\\hat{y}" in self.notation.definitions and self.notation.definitions.get("\\hat{y}") == \
                defaults.definitions.get("\\hat{y}") and not re.search(
                    r"\\(?:hat|widehat)\s*\{?\s*y\s*\}?\s*(?:_|\^\s*\{?\s*(?:\\top|T|\\intercal))", texts_all):
            demote.add("\\hat{y}")
            rest = scan([(f, 0) for name, f in self.notation.definitions.items() if name not in demote])
            referenced = {n for table in vars(rest).values() for n in table}
            if "\\theta" in self.notation.vectors and not usage.as_vector("\\theta") and "\\theta" not in referenced:
                demote.add("\\theta")
        # Index letters of the defaults (i, j, k, l, t) the document never writes in a subscript are names.
        # The default one-hot label is a guess of classification texts: kept where the document speaks
        # of a prediction, a softmax or a cross-entropy, dropped elsewhere (y is then any vector).
        texts = " ".join(text for terms, _ in chains for text, _ in terms)
        if not re.search(r"\\(?:hat|widehat)\s*\{?\s*y|CE|softmax|entropy", texts):
            demote_hot = {name for name, c in self.notation.onehot.items()
                          if defaults.onehot.get(name) == c and name not in demote}
        else:
            demote_hot = set()
        hot = {c for name, c in self.notation.onehot.items() if name not in demote and name not in demote_hot}
        demote |= {letter for size, letters in self.notation.sizes.items() for letter in letters
                   if letters == defaults.sizes.get(size) and letter not in usage.indices
                   and letter not in referenced and letter not in hot}
        notation = self.notation.without(demote) if demote else self.notation
        if self.notation == defaults and not usage.indices and not any(
                n in table for n in ("\\sum", "\\prod") for table in vars(usage).values()) \
                and not any(usage.as_vector(v) for v in notation.vectors):
            # No sum, no index, no vector: the default size N (and n, K) would only make a number an integer.
            notation = Notation(scalars=notation.scalars, functions=notation.functions)
            demote_hot = set()
        if demote_hot:
            notation = dataclasses.replace(notation, onehot={k: v for k, v in notation.onehot.items()
                                                             if k not in demote_hot})
        vectors, matrices = dict(notation.vectors), dict(notation.matrices)
        for name, letters in usage.subscripts.items():
            sizes = [notation.size_of_index(letter) for letter in letters]
            if notation.kind_of(name) is not None or name in ("e", "d", "\\delta", "\\sum", "\\prod") \
                    or not letters or None in sizes or name in usage.primed:
                continue
            if not (len(name) == 1 or name.lstrip("\\") in GREEK):
                continue
            if len(sizes) == 1:
                vectors[name] = sizes[0]
                self.inferred[name] = (f"${name}$ is read as a vector of length ${sizes[0]}$", usage.entries[name])
            elif len(sizes) == 2:
                matrices[name] = (sizes[0], sizes[1])
                self.inferred[name] = (f"${name}$ is read as a ${sizes[0]} \\times {sizes[1]}$ matrix", usage.entries[name])
        if demote or vectors != notation.vectors or matrices != notation.matrices:
            inferred = self.inferred  # (conflicts are found after this, on the final notation)
            self.__init__(dataclasses.replace(notation, vectors=vectors, matrices=matrices))
            self.inferred = inferred
            self.usage = usage
        self.function_letters = set(usage.primed) | {n for n in usage.applied
                                                     if n not in usage.factors and not usage.as_vector(n)}
        for name in sorted(usage.primed):
            vector_line = usage.entries.get(name) or usage.transposed.get(name)
            if vector_line is not None and self.notation.kind_of(name) in (None, "vector"):
                self.conflicts[name] = (f"{name} is used as a function ({name}' on line {usage.primed[name]}) and as "
                                        f"a vector (line {vector_line}); use two names")
        self.scalar_letters = set(usage.factors) - set(usage.primed)
        seen: set[str] = set()
        for terms, relations in chains:
            if len(terms) > 1 and relations and relations[0] in ("=", ":="):
                self.line = terms[0][1]
                try:
                    name = self._define(terms[0][0], terms[1][0]) or self._define_name(terms[0][0], terms[1][0], seen)
                except RecursionError:
                    name = None  # read (and refused) as any other display
                if name:
                    self.definitions_by_line[terms[0][1]] = name
            for text, _ in terms:
                seen |= names_in(text)
        self.line = None

    def guessed(self) -> set[str]:
        """The undeclared names the last read took as real scalars."""
        return {g for g, n in self.guesses.items() if n > 0 and not g.endswith("[]")}

    def readings(self, guessed: set[str], texts: list[str]) -> tuple[Reading, ...]:
        """The guesses, inferences and defaults a display's reading relies on (empty when none)."""
        out = []
        if guessed:
            names = ", ".join(f"${g}$" for g in sorted(guessed))
            out.append(Reading("guess", f"{names} {'is' if len(guessed) == 1 else 'are'} read as real number"
                                        f"{'' if len(guessed) == 1 else 's'} (not declared)"))
        used = set().union(*(names_in(t) for t in texts)) if texts else set()
        for n in sorted(self.inferred):
            if n in used:
                text, line = self.inferred[n]
                out.append(Reading("inferred", text, line))
        for text in texts:
            for note in self.notes_by_text.get(text, ()):
                if self.entrywise_chain and "layout" in note.text:
                    continue  # the chain reads its Jacobian entry by entry (a convention the verdict names)
                if note not in out:
                    out.append(note)
        self.entrywise_chain = False
        defaults = default_notation()
        for name, letter in sorted(self.notation.onehot.items()):
            if name in used and defaults.onehot.get(name) == letter:
                out.append(Reading("default", f"${name}$ is read as one-hot at class ${letter}$ "
                                              "(the default for a classifier's label)"))
        return tuple(out)

    def definition_at(self, line: int) -> str | None:
        """The name the display at this line defines (its first link is then a definition, not a claim)."""
        return self.definitions_by_line.get(line)

    def _define_name(self, left: str, right: str, seen: set[str]) -> str | None:
        """z = formula, z an undeclared name no earlier display uses: z is that formula from here on."""
        names = names_in(left)
        if len(names) != 1:
            return None
        (name,) = names
        base = name.rstrip("'")
        if name in seen or name in names_in(right) or self.notation.kind_of(base) is not None \
                or base in ("e", "d", "\\pi") or base in self.lambdas or base in self.values \
                or symbol_name(base) in self.matrix_values \
                or (name != base and base in self.function_letters):
            return None
        try:
            tokens = list(parser().lex(left))
        except (LarkError, FormulaError):
            return None
        kinds = [t.type for t in tokens]
        primes = kinds.count("PRIME")
        head = kinds[:len(kinds) - primes]
        if kinds[len(head):] != ["PRIME"] * primes or head not in (
                ["LETTER"], ["CMD"], ["ACCENT", "LETTER"], ["ACCENT", "LBRACE", "LETTER", "RBRACE"],
                ["ACCENT", "CMD"], ["ACCENT", "LBRACE", "CMD", "RBRACE"]):
            return None
        if head == ["CMD"] and str(tokens[0])[1:] not in GREEK:
            return None
        try:
            value = self.read(right)
        except FormulaError:
            return None
        if value.misfit is not None:
            return self._unusable_definition(base, name, value)
        if value.row:
            return None
        key = symbol_name(base) + "'" * primes
        if value.is_matrix:
            self.matrix_values[key] = value  # read as that matrix where it is used (F = X^T X, then F w)
            self.defined_at[key] = self.line
            return name
        if not value.is_vector:
            self._shallow = True
            try:
                self.shallow[key] = self.read(right).expr
            except FormulaError:
                pass
            finally:
                self._shallow = False
        self.values[key] = value
        self.defined_at[key] = self.line
        return name

    def _define(self, left: str, right: str) -> str | None:
        """f(x) = formula, f an undeclared letter and x a plain letter: f is that formula from here on."""
        try:
            tree = parser().parse(left)
        except (LarkError, FormulaError):
            return None
        entries = self._entries(tree) if node_kind(tree) in ("product", "item") else []
        if len(entries) != 2 or entries[1].op is not None or item_scripts(entries[0].item) \
                or node_kind(item_base(entries[0].item)) != "letter" or node_kind(item_base(entries[1].item)) != "paren":
            return None
        name = str(item_base(entries[0].item).children[0])
        args = item_base(entries[1].item).children
        if name.startswith("\\"):
            return None
        if len(args) != 1 or name in self.lambdas or self.notation.kind_of(name) is not None or name in ("e", "d"):
            return None
        try:
            variable = self._expr(args[0], {})
            body = self.read(right)
        except FormulaError:
            return None
        if type(variable.expr) is not sp.Symbol or variable.is_vector:
            return None
        if body.is_matrix or body.misfit is not None:
            return self._unusable_definition(name, name, body)
        if body.is_vector or body.row:
            return None
        self.lambdas[name] = sp.Lambda(variable.expr, body.expr)
        self.lambda_domains[name] = (variable.expr, body.domain)
        self.defined_at[name] = self.line
        self.function_letters.add(name)
        self.scalar_letters.discard(name)
        return name

    def _unusable_definition(self, word: str, name: str, value) -> str | None:
        """A display defines a name by a formula whose shapes do not fit (or a function as a matrix): its
        later uses are refused, never read under another meaning. The display of a misfit is checked as
        a claim (refuted by shape); a function defined as a matrix is a definition (not checked)."""
        what = "a matrix" if value.misfit is None else "a formula whose shapes do not fit"
        self.conflicts[word] = (f"{word} is defined on line {self.line} as {what}; a name defined so is not read "
                                "(write the formula where it is used)")
        return name if value.misfit is None else None

    def _in_force(self, name: str) -> bool:
        return self.line is None or self.defined_at.get(name, 0) <= self.line
