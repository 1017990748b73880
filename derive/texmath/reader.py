"""The reader: one term of a chain, parsed by the grammar, turned into SymPy through the notation.

Whatever the reader is unsure of raises FormulaError with the reason: an unknown name, a product
of two vectors, a function whose reach is unclear, a subscript that is not an index. A term is
never read by guessing.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from dataclasses import dataclass

import sympy as sp
from lark import Token, Tree
from lark.exceptions import LarkError, UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken
from sympy import Idx, Indexed

from ..errors import FormulaError
from ..model import Axis, Side
from ..notation import Definition, dsigmoid, fresh_index, sigmoid, size, sum_except, vector, scalar
from . import values as V
from .grammar import parser
from .limits import MAX_DIGITS, MAX_SCRIPT_DEPTH, check_formula
from .notation import Notation, default_notation
from .usage import Usage, scan

__all__ = ["Reader", "symbol_name"]

_ELLIPSES = {"dots", "cdots", "ldots", "vdots", "ddots"}
# Function names a document may use without declaring them, and the function each one names.
_BUILTIN_FUNCTIONS = {
    "log": "log", "ln": "log", "exp": "exp", "max": "max", "min": "min", "tanh": "tanh", "sinh": "sinh",
    "cosh": "cosh", "sin": "sin", "cos": "cos", "tan": "tan", "arctan": "arctan", "arcsin": "arcsin",
    "arccos": "arccos", "softplus": "softplus", "ReLU": "relu", "relu": "relu", "sigmoid": "sigmoid",
    "softmax": "softmax", "sgn": "sgn", "sign": "sgn", "LSE": "lse", "logsumexp": "lse", "lse": "lse",
    "logsoftmax": "logsoftmax", "abs": "abs", "sec": "sec", "csc": "csc", "cot": "cot",
}
# Words that name something the reader does not read: refused by name rather than read as a product.
_UNREAD_WORDS = {"lg", "det", "tr", "Tr", "diag", "var", "Var", "cov", "Cov", "lim", "arg", "argmax", "argmin", "sup",
                 "inf", "mod", "grad", "div", "rank", "erf", "Pr", "KL", "E"}
_UNREAD_ADVICE = {
    "lg": "it is the logarithm to base 2 or to base 10 depending on the field; write \\log_2 or \\log_{10}",
    "lim": "limits are not read", "det": "determinants are not read", "tr": "traces are not read",
    "Tr": "traces are not read", "E": "expectations are not read",
}


def _unread(word: str) -> FormulaError:
    bare = word.lstrip("\\")
    return FormulaError(f"{word} is not read" + (f": {_UNREAD_ADVICE[bare]}" if bare in _UNREAD_ADVICE else ""))


_MAX_PRODUCT_RUN = 3
_MAX_ORDER = 4  # derivatives are taken while reading for defined functions: their order is bounded  # a run of more undeclared letters than this is a word, not a product
_MARKERS = ("\\partial", "d")
_ENTRYWISE_DERIVATIVE = "the derivative of an entry-wise function is taken entry by entry (the Jacobian's diagonal)"


def symbol_name(key: str) -> str:
    """The SymPy name of a notation key: ``\\theta`` -> theta, ``\\hat{y}`` -> yhat."""
    if key.startswith("\\") and "{" in key:
        accent, base = key[1:].rstrip("}").split("{")
        return base.lstrip("\\") + accent
    return key.lstrip("\\")


@dataclass(frozen=True)
class _Fn:
    kind: str  # a key of values.SCALAR_FUNCTIONS, softmax, cross-entropy, max, min, lse, logsoftmax,
    #            "lambda" (a formula of its argument) or "unknown" (a function the document never defines)
    name: str
    base: sp.Expr | None = None  # of a logarithm
    power: int = 1  # \tanh^2 x
    func: object = None  # the Lambda of kind "lambda", the SymPy function of kind "unknown"
    primes: int = 0  # derivatives of an unknown function


@dataclass(frozen=True)
class _Sum:
    index: Idx
    letter: str
    excluded: sp.Expr | None = None
    product: bool = False  # \prod rather than \sum


@dataclass(frozen=True)
class _Derivative:
    """d/dv: ``variable`` is a scalar symbol or entry, or (base, size) for a whole vector.

    ``more`` holds the further variables of a higher or mixed derivative, (variable, order) pairs,
    the first of which is ``variable`` itself.
    """

    variable: object
    text: str
    more: tuple = ()
    through: tuple[str, ...] = ()  # defined names differentiated by: the body is read with them kept as names


@dataclass(frozen=True)
class _Matrix:
    base: sp.IndexedBase
    name: str


@dataclass(frozen=True)
class _MatrixValue:
    """A whole matrix in a product (W, W^\\top, 2W), waiting for the vector it multiplies."""

    base: sp.IndexedBase
    name: str
    rows: sp.Expr
    cols: sp.Expr
    transposed: bool = False
    coeff: sp.Expr = sp.S.One

    @property
    def shape(self) -> tuple[sp.Expr, sp.Expr]:
        return (self.cols, self.rows) if self.transposed else (self.rows, self.cols)

    def entry(self, i, j) -> sp.Expr:
        """Entry (i, j) of the matrix as written (of W^\\top when transposed)."""
        return self.base[j, i] if self.transposed else self.base[i, j]

    def scaled(self, c: sp.Expr) -> "_MatrixValue":
        return _MatrixValue(self.base, self.name, self.rows, self.cols, self.transposed, self.coeff * c)


@dataclass(frozen=True)
class _Entry:
    op: str | None  # the explicit operator before the item; None for juxtaposition
    negative: bool
    item: Tree


_CHARACTERS = {
    "!": "the factorial (!) is not read",
    "&": "an alignment mark & outside an aligned environment is not read",
    "\\": "a line break inside a formula is not read: put each equation in its own display",
    "#": "the character # is not read", "$": "a dollar sign inside display mathematics is not read",
    "%": "the character % is not read", "@": "the character @ is not read",
}
_TOKENS = {
    "COMMA": "a comma outside parentheses is not read (two equations in one display? write each in its own "
             "display)",
    "REL": "a relation inside a side is not read: write one equation per display",
    "RPAR": "a closing parenthesis without its opening one", "LPAR": "an opening parenthesis without its closing one",
    "RBRACE": "a closing brace without its opening one", "RSQB": "a closing bracket without its opening one",
    "SUB": "a subscript with nothing before it", "SUP": "a superscript with nothing before it",
    "RBAR": "a closing bar without its opening one", "RNORM": "a closing \\| without its opening one",
    "PRIME": "a prime with nothing before it",
}


def _lark_reason(exc: LarkError) -> str:
    """The construct a parse error stops at, in the document's terms (never the parser's)."""
    if isinstance(exc, UnexpectedCharacters):
        return _CHARACTERS.get(exc.char, f"the character {exc.char!r} is not read")
    if isinstance(exc, UnexpectedEOF):
        return "the formula ends too early (an argument or a closing bracket is missing)"
    if isinstance(exc, UnexpectedToken):
        kind = exc.token.type
        if kind == "$END":
            return "the formula ends too early (an argument or a closing bracket is missing)"
        if kind == "MULOP":
            return f"{exc.token} with nothing on one side"
        if kind in ("FRAC", "SQRT"):
            return f"{exc.token} without its arguments"
        return _TOKENS.get(kind, f"{str(exc.token)!r} is not read here")
    return "the formula could not be read"


def _base(item: Tree) -> Tree | Token:
    return item.children[0]


def _scripts(item: Tree) -> list[Tree]:
    return list(item.children[1:])


def _kind(node) -> str:
    return node.data if isinstance(node, Tree) else node.type


def _word(node) -> str | None:
    """The name a letter, command or text node spells, or None."""
    if isinstance(node, Tree) and node.data in ("letter", "command", "word"):
        return str(node.children[0])
    if isinstance(node, Tree) and node.data == "text":
        raw = str(node.children[0])
        return raw[raw.index("{") + 1:-1].strip()
    return None


class Reader:
    """Reads terms under one notation."""

    def __init__(self, notation: Notation):
        self.notation = notation
        self.sizes = {name: size(name) for name in notation.sizes}
        self.bases = {name: vector(symbol_name(name)) for name in (*notation.vectors, *notation.matrices)}
        self.scalars = {name: scalar(symbol_name(name)) for name in notation.scalars}
        self.multiletter = {k for k in (*notation.vectors, *notation.matrices, *notation.scalars,
                                        *notation.functions, *notation.sizes, *notation.aliases)
                            if len(k) > 1 and not k.startswith("\\")} | set(_BUILTIN_FUNCTIONS) | _UNREAD_WORDS
        self._script_depth = 0
        self.lambdas: dict[str, sp.Lambda] = {}  # functions the document defines, f(x) = ...
        self.values: dict[str, V.Value] = {}  # names the document defines, z = ... (every definition unfolded)
        self.shallow: dict[str, sp.Expr] = {}  # the same, with the defined names they use kept as names
        self._shallow = False  # read defined names as names (for a derivative with respect to one of them)
        self.defined_at: dict[str, int] = {}  # the line of each definition: it holds from there on
        self.definitions_by_line: dict[int, str] = {}  # line of a defining display -> the name it defines
        self.line: int | None = None  # the line being read (None: every definition holds)
        self.function_letters: set[str] = set()  # undeclared letters the document applies as functions
        self.scalar_letters: set[str] = set()  # undeclared letters the document uses as factors
        self.guesses: Counter = Counter()  # undeclared names read as real scalars in the last read (a[]: entries)
        self.inferred: dict[str, str] = {}  # name -> how the document's use of it was read
        self.conflicts: dict[str, str] = {}  # name -> its two inconsistent uses, by line
        self.usage = Usage()

    # --- public ------------------------------------------------------------------------------

    def read(self, text: str) -> V.Value:
        """The value of one term; FormulaError with the reason when it cannot be read."""
        check_formula(text)
        if not text.strip():
            raise FormulaError("empty formula")
        try:
            tree = parser().parse(text)
        except LarkError as exc:
            raise FormulaError(_lark_reason(exc)) from None
        self._script_depth = 0
        self.guesses = Counter()
        try:
            value = self._expr(tree, {})
        except (ValueError, TypeError) as exc:
            # SymPy refusing to build something the grammar accepts: not read, with SymPy's reason.
            raise FormulaError(f"the formula cannot be built: {' '.join(str(exc).split())[:200]}") from None
        both = {g for g, n in self.guesses.items() if n > 0 and f"{g}[]" in self.guesses}
        if both:
            name = sorted(both)[0]
            raise FormulaError(f"{name} is used both as a scalar and as a vector with entries {name}_i here")
        if value.row:
            raise FormulaError("a transposed vector on its own (a row vector) is not read; "
                               "write u^\\top v for an inner product")
        return value

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
        if demote_hot:
            notation = dataclasses.replace(notation, onehot={k: v for k, v in notation.onehot.items()
                                                             if k not in demote_hot})
        vectors, matrices = dict(notation.vectors), dict(notation.matrices)
        for name, letters in usage.subscripts.items():
            sizes = [notation.size_of_index(letter) for letter in letters]
            if notation.kind_of(name) is not None or name in ("e", "d", "\\delta", "\\sum", "\\prod") \
                    or not letters or None in sizes or name in usage.primed:
                continue
            if not (len(name) == 1 or name.lstrip("\\") in _GREEK):
                continue
            if len(sizes) == 1:
                vectors[name] = sizes[0]
                self.inferred[name] = f"{name} is read as a vector of length {sizes[0]} (line {usage.entries[name]})"
            elif len(sizes) == 2:
                matrices[name] = (sizes[0], sizes[1])
                self.inferred[name] = (f"{name} is read as a {sizes[0]}×{sizes[1]} matrix "
                                       f"(line {usage.entries[name]})")
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
                name = self._define(terms[0][0], terms[1][0]) or self._define_name(terms[0][0], terms[1][0], seen)
                if name:
                    self.definitions_by_line[terms[0][1]] = name
            for text, _ in terms:
                seen |= _names_in(text)
        self.line = None

    def guessed(self) -> set[str]:
        """The undeclared names the last read took as real scalars."""
        return {g for g, n in self.guesses.items() if n > 0 and not g.endswith("[]")}

    def readings(self, guessed: set[str], texts: list[str]) -> str:
        """The guesses a display's reading relies on, in words (empty when it relies on none)."""
        parts = []
        if guessed:
            names = ", ".join(sorted(guessed))
            parts.append(f"{names} {'is' if len(guessed) == 1 else 'are'} read as real number"
                         f"{'' if len(guessed) == 1 else 's'} (not declared)")
        used = set().union(*(_names_in(t) for t in texts)) if texts else set()
        parts += [self.inferred[n] for n in sorted(self.inferred) if n in used]
        defaults = default_notation()
        for name, letter in sorted(self.notation.onehot.items()):
            if name in used and defaults.onehot.get(name) == letter:
                parts.append(f"{name} is read as one-hot at class {letter} (the default for a classifier's label)")
        return "; ".join(parts)

    def definition_at(self, line: int) -> str | None:
        """The name the display at this line defines (its first link is then a definition, not a claim)."""
        return self.definitions_by_line.get(line)

    def _define_name(self, left: str, right: str, seen: set[str]) -> str | None:
        """z = formula, z an undeclared name no earlier display uses: z is that formula from here on."""
        names = _names_in(left)
        if len(names) != 1:
            return None
        (name,) = names
        base = name.rstrip("'")
        if name in seen or name in _names_in(right) or self.notation.kind_of(base) is not None \
                or base in ("e", "d", "\\pi") or base in self.lambdas or base in self.values \
                or (name != base and base in self.function_letters):
            return None
        try:
            tokens = list(parser().lex(left))
        except (LarkError, FormulaError):
            return None
        if [t.type for t in tokens] not in (["LETTER"] + ["PRIME"] * (len(tokens) - 1),
                                           ["CMD"] + ["PRIME"] * (len(tokens) - 1)):
            return None
        if tokens[0].type == "CMD" and str(tokens[0])[1:] not in _GREEK:
            return None
        try:
            value = self.read(right)
        except FormulaError:
            return None
        if value.row:
            return None
        key = symbol_name(base) + "'" * (len(tokens) - 1)
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
        entries = self._entries(tree) if _kind(tree) in ("product", "item") else []
        if len(entries) != 2 or entries[1].op is not None or _scripts(entries[0].item) \
                or _kind(_base(entries[0].item)) != "letter" or _kind(_base(entries[1].item)) != "paren":
            return None
        name = str(_base(entries[0].item).children[0])
        args = _base(entries[1].item).children
        if name.startswith("\\"):
            return None
        if len(args) != 1 or name in self.lambdas or self.notation.kind_of(name) is not None or name in ("e", "d"):
            return None
        try:
            variable = self._expr(args[0], {})
            body = self.read(right)
        except FormulaError:
            return None
        if type(variable.expr) is not sp.Symbol or variable.is_vector or body.is_vector or body.row:
            return None
        self.lambdas[name] = sp.Lambda(variable.expr, body.expr)
        self.defined_at[name] = self.line
        self.function_letters.add(name)
        self.scalar_letters.discard(name)
        return name

    def side(self, value: V.Value, axis: Idx | None = None) -> Side:
        """The Side of a term's value; vectors are given by their entry at ``axis``."""
        if not value.is_vector:
            return Side(value.expr, (), value.conventions)
        if axis is None:
            raise FormulaError("a vector side needs an axis index")
        expr = value.expr.xreplace({V.entry_index(value.size): axis})
        return Side(expr, (Axis(value.size, axis),), value.conventions)

    def size_symbol(self, name: str) -> sp.Symbol:
        return self.sizes[self.notation.size_name(name)]

    def base_of(self, name: str) -> sp.IndexedBase:
        return self.bases[name]

    def free_index(self, letter: str) -> Idx:
        return Idx(letter, (1, self.sizes[self.notation.size_of_index(letter)]))

    def definitions(self) -> tuple[Definition, ...]:
        """The notation's defined names, read in the notation itself."""
        out = []
        for name, formula in self.notation.definitions.items():
            try:
                value = self.read(formula)
            except FormulaError as exc:
                raise FormulaError(f"definition of {name}: {exc}") from None
            if name in self.notation.vectors:
                want = self.size_symbol(self.notation.vectors[name])
                if value.size != want:
                    raise FormulaError(f"definition of {name}: a vector of length {want} is declared, "
                                       f"the formula is {'a scalar' if value.size is None else f'of length {value.size}'}")
                out.append(Definition(self.bases[name], (V.entry_index(want),), value.expr))
            else:
                if value.is_vector:
                    raise FormulaError(f"definition of {name}: a scalar is declared, the formula is a vector")
                out.append(Definition(self.scalars[name], (), value.expr))
        return tuple(out)

    # --- sums and products ---------------------------------------------------------------------

    def _expr(self, node, env) -> V.Value:
        # Sums are left-nested in the tree; walk them iteratively so long sums cannot exhaust the stack.
        terms = []
        while isinstance(node, Tree) and node.data in ("add", "sub"):
            left, _, right = node.children
            terms.append((node.data == "sub", right))
            node = left
        if isinstance(node, Tree) and node.data in ("neg", "pos"):
            first = self._product(node.children[1], env)
            if node.data == "neg":
                first = first.with_expr(-first.expr)
        else:
            first = self._product(node, env)
        total = first
        for negative, right in reversed(terms):
            value = self._product(right, env)
            self._check_broadcast(total, value)
            total = V.combine(total, value, (lambda a, b: a - b) if negative else (lambda a, b: a + b))
        return total

    def _check_broadcast(self, a: V.Value, b: V.Value) -> None:
        """A vector plus an undeclared name: the name is a number added to every entry, or a vector the
        document never indexes; refused rather than guessed."""
        for vec, other in ((a, b), (b, a)):
            if vec.is_vector and not other.is_vector:
                names = sorted(s.name for s in other.expr.free_symbols
                               if isinstance(s, sp.Symbol) and self.guesses.get(s.name, 0) > 0)
                if names:
                    raise FormulaError(f"a vector plus {names[0]}: {names[0]} is not declared, so it may be a number "
                                       f"added to every entry or a vector; write its entries ({names[0]}_i) "
                                       f"or declare it in the notation file")

    def _entries(self, product: Tree) -> list[_Entry]:
        if _kind(product) != "product":
            product = Tree("product", [Tree("item", [product])]) if _kind(product) != "item" else Tree("product", [product])
        entries: list[_Entry] = []
        op, negative = None, False
        for child in product.children:
            if isinstance(child, Token) and child.type == "MULOP":
                op = str(child)
            elif isinstance(child, Token) and child.type == "MINUS":
                negative = True
            else:
                base = _base(child)
                if _kind(base) == "bare_scripts":
                    if not entries or op is not None or negative:
                        raise FormulaError("a subscript or superscript with nothing before it")
                    prev = entries[-1]
                    entries[-1] = _Entry(prev.op, prev.negative,
                                         Tree("item", prev.item.children + base.children + _scripts(child)))
                else:
                    entries.append(_Entry(op, negative, child))
                op, negative = None, False
        return self._merge_words(entries)

    def _merge_words(self, entries: list[_Entry]) -> list[_Entry]:
        """Runs of letters that spell a known name (CE, log, softmax) become that name."""
        out: list[_Entry] = []
        n = 0
        while n < len(entries):
            m = n
            while (m < len(entries) and _kind(_base(entries[m].item)) == "letter"
                   and (m == n or (entries[m].op is None and not entries[m].negative))):
                if m > n and _scripts(entries[m - 1].item):
                    break
                m += 1
            run = entries[n:m]
            word = "".join(str(_base(e.item).children[0]) for e in run)
            if len(run) > 1 and word in _UNREAD_WORDS and self.notation.kind_of(word) is None:
                raise _unread(word)
            if len(run) > 1 and word in self.multiletter:
                item = Tree("item", [Tree("word", [Token("WORD", word)]), *_scripts(run[-1].item)])
                out.append(_Entry(run[0].op, run[0].negative, item))
                n = m
            elif len(run) > 1:
                undeclared = [str(_base(e.item).children[0]) for e in run
                              if self.notation.kind_of(str(_base(e.item).children[0])) is None]
                if undeclared and len(run) > _MAX_PRODUCT_RUN:
                    raise FormulaError(f"the letters {word} are a product of {len(run)} factors in TeX, or a word; "
                                       f"write \\operatorname{{{word}}} for a name (and declare it), or "
                                       "\\cdot between factors")
                out.extend(run)
                n = m
            else:
                out.append(entries[n])
                n += 1
        return out

    def _product(self, node, env) -> V.Value:
        return self._chain(self._entries(node), env)

    def _chain(self, entries: list[_Entry], env) -> V.Value:
        if not entries:
            raise FormulaError("an operator with nothing to act on")
        total: V.Value | None = None
        k = 0
        while k < len(entries):
            entry = entries[k]
            nxt = entries[k + 1] if k + 1 < len(entries) else None
            head = self._function_head(entry, nxt, env) or self._item(entry.item, env)
            if nxt is not None and nxt.op is None and isinstance(head, V.Value) and self._is_word_name(entry, env):
                word = _word(_base(entry.item))
                raise FormulaError(f"\\mathrm{{{word}}} before a factor is a function or a name times the factor; "
                                   f"write \\operatorname{{{word}}}(...) for a function, or \\cdot for a product")
            if isinstance(head, (_Sum, _Derivative)):
                value = self._operate(head, entries[k + 1:], env)
                k = len(entries)
            elif isinstance(head, _Fn):
                value, k = self._apply_at(head, entries, k, env)
            elif isinstance(head, tuple):
                raise FormulaError("a list in parentheses is not a value")
            else:
                value = head
                k += 1
            if entry.negative:
                value = value.scaled(-1) if isinstance(value, _MatrixValue) else value.with_expr(-value.expr)
            if total is None:
                if entry.op is not None:
                    raise FormulaError(f"{entry.op} with nothing before it")
                total = value
            elif isinstance(total, _MatrixValue) or isinstance(value, _MatrixValue):
                total = self._join_matrix(total, entry.op, value)
            else:
                total = self._join(total, entry.op, value)
            if entry.op in ("/", "\\div") and k < len(entries) and entries[k].op is None:
                raise FormulaError("unclear how far / reaches; use \\frac or parentheses")
        if isinstance(total, _MatrixValue):
            raise FormulaError(f"the matrix {total.name} on its own is not read; a matrix is read times a vector "
                               f"({total.name}x) or entry by entry ({total.name}_{{ij}})")
        return total

    def _join_matrix(self, left, op: str | None, right):
        """Products with a whole matrix: a number scales it, a vector after it (or a transposed one before it)
        is multiplied by it, entry by entry through a sum."""
        if op not in (None, "\\cdot"):
            raise FormulaError(f"{op} with a matrix is not read (only products with a vector)")
        if isinstance(left, _MatrixValue) and isinstance(right, _MatrixValue):
            raise FormulaError(f"the product of the matrices {left.name} and {right.name} is read only times a vector: "
                               f"write {left.name}({right.name}x)")
        matrix, other = (left, right) if isinstance(left, _MatrixValue) else (right, left)
        if not other.is_vector:
            if other.row:
                raise FormulaError("a transposed vector times a matrix is read only when a vector follows")
            return matrix.scaled(other.expr)
        rows, cols = matrix.shape
        if matrix is left:
            if other.row:
                raise FormulaError(f"{matrix.name} times a transposed vector (a matrix) is not read")
            if other.size != cols:
                raise FormulaError(f"{matrix.name}{'ᵀ' if matrix.transposed else ''} is {rows}×{cols} and the vector "
                                   f"has length {other.size}: the product is not defined")
            p = V.entry_index(rows)
            j = fresh_index(p, 1, cols, stem="_m")
            body = matrix.entry(p, j) * other.expr.xreplace({V.entry_index(other.size): j})
            return V.Value(matrix.coeff * sp.Sum(body, (j, 1, cols)), rows, other.conventions)
        if not other.row:
            raise FormulaError(f"a vector times the matrix {matrix.name} is read only with the vector transposed "
                               f"(x^\\top {matrix.name})")
        if other.size != rows:
            raise FormulaError(f"the transposed vector has length {other.size} and {matrix.name} is {rows}×{cols}: "
                               "the product is not defined")
        p = V.entry_index(cols)
        i = fresh_index(p, 1, rows, stem="_m")
        body = other.expr.xreplace({V.entry_index(other.size): i}) * matrix.entry(i, p)
        return V.Value(matrix.coeff * sp.Sum(body, (i, 1, rows)), cols, other.conventions, row=True)

    def _join(self, left: V.Value, op: str | None, right: V.Value) -> V.Value:
        for a, b in ((left, right), (right, left)):
            e = a.expr
            if isinstance(e, sp.Symbol) and b.is_vector and len(e.name) == 1 and e.name.isupper() \
                    and self.guesses.get(e.name, 0) > 0:
                raise FormulaError(f"{e.name} times a vector: {e.name} is not declared, and a capital letter before "
                                   f"a vector is often a matrix; declare {e.name} as a scalar in the notation file "
                                   f"if it is a number; a matrix times a vector is read entry by entry: "
                                   f"\\sum_j {e.name}_{{ij}} w_j")
        if op in ("/", "\\div"):
            return V.divide(left, right)
        if op in ("\\circ", "\\odot"):
            return V.multiply(left, right, hadamard=True)
        if op == "\\times" and left.is_vector and right.is_vector:
            raise FormulaError("\\times between two vectors (a cross product?) is not read")
        return V.multiply(left, right)

    # --- operators and functions ---------------------------------------------------------------

    def _operate(self, op, rest: list[_Entry], env) -> V.Value:
        if not rest:
            raise FormulaError("a sum or derivative with nothing after it")
        if rest[0].op is not None or rest[0].negative:
            raise FormulaError(f"{rest[0].op or '-'} directly after a sum or derivative operator")
        if isinstance(op, _Sum):
            body = self._chain(rest, {**env, op.letter: op.index})
            if op.product:
                if body.is_vector:
                    raise FormulaError("a product of vectors over an index is not read")
                return body.with_expr(sp.Product(body.expr, (op.index, op.index.lower, op.index.upper)))
            if op.excluded is not None:
                return body.with_expr(sum_except(body.expr, op.index, op.excluded))
            return body.with_expr(sp.Sum(body.expr, (op.index, op.index.lower, op.index.upper)))
        if op.through:
            return self._differentiate_through(rest, op, env)
        return self._differentiate(self._chain(rest, env), op)

    def _differentiate_through(self, rest: list[_Entry], op: _Derivative, env) -> V.Value:
        """d/dz of a body, z a defined name: the body with every other definition unfolded, z kept as a
        name, differentiated by z, and then z unfolded too (the chain of definitions, all else fixed)."""
        shallow = self._shallow
        self._shallow = True
        try:
            body = self._chain(rest, env)
        finally:
            self._shallow = shallow
        if len(op.more) > 1:
            raise FormulaError("a mixed derivative with respect to a defined name is not read")
        if body.is_vector or any(isinstance(v, tuple) for v, _ in op.more):
            raise FormulaError("a derivative with respect to a defined name is read only for scalars")
        keep = set(op.through)
        expr = self._unfold(body.expr, keep)
        # The derivative by a name is taken before the name is unfolded (SymPy cannot differentiate by a formula).
        expr = sp.diff(expr, *op.more)
        return body.with_expr(self._unfold(expr, set()))

    def _unfold(self, expr: sp.Expr, keep: set[str]) -> sp.Expr:
        """expr with the defined names in force replaced by their definitions, except those in keep."""
        for _ in range(len(self.shallow) + 1):
            table = {scalar(n): e for n, e in self.shallow.items()
                     if n not in keep and self._in_force(n) and scalar(n) in expr.free_symbols}
            if not table:
                return expr
            expr = expr.xreplace(table)
        raise FormulaError("definitions that refer to each other in a cycle")

    def _function_head(self, entry: _Entry, nxt: _Entry | None, env) -> _Fn | None:
        """An undeclared letter applied to parentheses, f(x) or f'(x), when the document makes it a function.

        f(x) reads as the function f at x or as the product f·x; it is a function when the document
        defines f (f(x) = ...), primes it, or never uses f as a factor. Otherwise the reading is refused.
        """
        base, scripts = _base(entry.item), _scripts(entry.item)
        if _kind(base) == "command" and str(base.children[0])[1:] in _GREEK and str(base.children[0]) != "\\pi":
            base = Tree("letter", [base.children[0]])  # \\phi(x) is read as f(x) is
        if _kind(base) not in ("letter", "text") or nxt is None or nxt.op is not None or nxt.negative \
                or _kind(_base(nxt.item)) != "paren":
            return None
        word = _word(base)
        if word in self.conflicts and word not in env:
            raise FormulaError(self.conflicts[word])
        if _kind(base) == "text":
            if not word.isalpha() or str(base.children[0]).startswith(("\\text", "\\mbox")) \
                    or word in _BUILTIN_FUNCTIONS or word in _UNREAD_WORDS or any(sc.data != "prime" for sc in scripts):
                return None
            if self.notation.kind_of(word) is None and word not in self.lambdas:
                # \operatorname{f}(x) names a function: one the document does not define.
                return _Fn("unknown", word, func=sp.Function(word, real=True), primes=len(scripts))
        if word in env or self.notation.kind_of(word) is not None or word == "e":
            return None
        if any(sc.data == "sub_script" for sc in scripts) and word not in self.lambdas:
            raise FormulaError(f"{word}_...(...) is a function at a point or a product; write "
                               f"{word}_{{...}} \\cdot (...) for a product (functions with subscripts are not read)")
        if any(sc.data != "prime" for sc in scripts):
            return None
        primes = len(scripts)
        if primes > _MAX_ORDER:
            raise FormulaError(f"a derivative of order more than {_MAX_ORDER} is not read")
        if word in self.lambdas and self._in_force(word):
            return _Fn("lambda", word, func=self.lambdas[word], primes=primes)
        if word in self.function_letters or (primes and word not in self.scalar_letters):
            return _Fn("unknown", word, func=sp.Function(symbol_name(word), real=True), primes=primes)
        if word in self.scalar_letters and not primes:
            return None
        raise FormulaError(f"{word}(...) is the function {word} at a point or the product {word}·(...); write "
                           f"{word} \\cdot (...) for a product, or define {word}(x) = ... in an earlier display")

    def _is_word_name(self, entry: _Entry, env) -> bool:
        """\\mathrm{sech}, \\mathit{loss}: an undeclared name of several letters (it may be a function)."""
        base = _base(entry.item)
        word = _word(base)
        return (_kind(base) == "text" and word is not None and len(word) > 1 and word not in env
                and self.notation.kind_of(word) is None and word not in _BUILTIN_FUNCTIONS
                and symbol_name(word) not in self.values)

    def _apply_at(self, fn: _Fn, entries: list[_Entry], k: int, env) -> tuple[V.Value, int]:
        nxt = entries[k + 1] if k + 1 < len(entries) else None
        if nxt is None or nxt.op is not None or nxt.negative:
            raise FormulaError(f"{fn.name} needs an argument")
        if _kind(_base(nxt.item)) == "paren":
            args = tuple(self._expr(e, env) for e in _base(nxt.item).children)
            value = self._apply(fn, args)
            return self._scripted(value, _scripts(nxt.item), env), k + 2
        if fn.kind in ("lambda", "unknown"):
            raise FormulaError(f"{fn.name} needs its argument in parentheses")
        head = self._function_head(nxt, entries[k + 2] if k + 2 < len(entries) else None, env) \
            or self._item(nxt.item, env)
        if isinstance(head, (_Sum, _Derivative)):
            return self._apply(fn, (self._operate(head, entries[k + 2:], env),)), len(entries)
        if isinstance(head, _Fn):
            # \log \sigma(x): the inner function takes its parentheses, the outer one takes the result.
            inner, end = self._apply_at(head, entries, k + 1, env)
            if end < len(entries) and entries[end].op is None:
                raise FormulaError(f"unclear how far {fn.name} reaches; add parentheses")
            return self._apply(fn, (inner,)), end
        if isinstance(head, tuple):
            raise FormulaError(f"{fn.name} of a list")
        if k + 2 < len(entries) and entries[k + 2].op is None and not self._opens_function(entries[k + 2], env):
            raise FormulaError(f"unclear how far {fn.name} reaches; add parentheses")
        return self._apply(fn, (head,)), k + 2

    def _opens_function(self, entry: _Entry, env) -> bool:
        """\\sin a \\cos b: the next function name ends the reach of the one before."""
        word = _word(_base(entry.item))
        return word is not None and word not in env and isinstance(self._meaning_quiet(word, env), _Fn)

    def _in_force(self, name: str) -> bool:
        return self.line is None or self.defined_at.get(name, 0) <= self.line

    def _meaning_quiet(self, word: str, env):
        guesses = self.guesses.copy()
        try:
            return self._meaning(word, env)
        except FormulaError:
            return None
        finally:
            self.guesses = guesses

    def _apply(self, fn: _Fn, args: tuple[V.Value, ...]) -> V.Value:
        value = self._apply_once(fn, args)
        if fn.power != 1:
            value = V.power(value, V.Value(sp.Integer(fn.power)))
        return value

    def _apply_once(self, fn: _Fn, args: tuple[V.Value, ...]) -> V.Value:
        if any(isinstance(a, _MatrixValue) for a in args):
            raise FormulaError(f"{fn.name} of a matrix is not read")
        if any(a.row for a in args):
            raise FormulaError(f"{fn.name} of a transposed vector")
        if fn.kind == "cross-entropy":
            if len(args) != 2:
                raise FormulaError(f"{fn.name} takes two arguments, got {len(args)}")
            return V.cross_entropy(*args)
        if fn.kind in ("max", "min"):
            if len(args) < 2 or any(a.is_vector for a in args):
                raise FormulaError(f"\\{fn.kind} is read only between scalars: \\{fn.kind}(a, b)")
            f = sp.Max if fn.kind == "max" else sp.Min
            return V.Value(f(*[a.expr for a in args]), None, tuple(c for a in args for c in a.conventions))
        if fn.kind == "unknown" and not fn.primes and len(args) > 1:
            if any(a.is_vector for a in args):
                raise FormulaError(f"{fn.name} of several arguments is read only on scalars")
            return V.Value(fn.func(*[a.expr for a in args]), None, tuple(c for a in args for c in a.conventions))
        if len(args) != 1:
            raise FormulaError(f"{fn.name} takes one argument, got {len(args)}")
        (arg,) = args
        if fn.kind == "softmax":
            return V.softmax_of(arg)
        if fn.kind == "lse":
            return V.log_sum_exp(arg)
        if fn.kind == "logsoftmax":
            return V.log_softmax_of(arg)
        if fn.kind in ("lambda", "unknown"):
            if arg.is_vector:
                raise FormulaError(f"{fn.name} of a vector: {fn.name} was defined on scalars")
            u = sp.Dummy("u", real=True)
            body = fn.func(u)
            if fn.primes:
                body = sp.diff(body, u, fn.primes) if fn.kind == "lambda" else sp.Derivative(body, (u, fn.primes))
            return arg.with_expr(body.subs(u, arg.expr))
        if fn.kind == "log" and fn.base is not None:
            base = fn.base
            return V.entrywise(lambda t: sp.log(t) / sp.log(base), arg)
        if fn.primes:
            u = sp.Dummy("u", real=True)
            derivative = sp.diff(V.SCALAR_FUNCTIONS[fn.kind](u), u, fn.primes)
            return V.entrywise(lambda t: derivative.subs(u, t), arg)
        return V.entrywise(V.SCALAR_FUNCTIONS[fn.kind], arg)

    # --- derivatives ---------------------------------------------------------------------------

    def _variable(self, value: V.Value, text: str):
        e = value.expr
        if not value.is_vector and isinstance(e, Indexed):
            return e
        if not value.is_vector and isinstance(e, sp.Symbol) and not isinstance(e, Idx) and not e.is_integer:
            return e
        if value.is_vector and isinstance(e, Indexed) and e.indices == (V.entry_index(value.size),):
            return (e.base, value.size)
        raise FormulaError(f"cannot differentiate with respect to {text}: a derivative is taken with respect to a "
                           "variable (a name not defined by a formula, or an entry x_k)")

    def _differentiate(self, body: V.Value, op: _Derivative) -> V.Value:
        if len(op.more) > 1 or (op.more and op.more[0][1] > 1):
            if any(isinstance(v, tuple) for v, _ in op.more):
                raise FormulaError("a higher derivative with respect to a whole vector (a Hessian) is not read")
            return body.with_expr(sp.Derivative(body.expr, *op.more))
        var = op.variable
        if not isinstance(var, tuple):
            return body.with_expr(sp.Derivative(body.expr, var))
        base, length = var
        entry = base[V.entry_index(length)]
        if not body.is_vector:
            return V.Value(sp.Derivative(body.expr, entry), length, body.conventions)
        if body.size == length and self._only_entry(body.expr, entry):
            return body.with_expr(sp.Derivative(body.expr, entry), _ENTRYWISE_DERIVATIVE)
        raise FormulaError(f"the derivative of a vector with respect to the vector {op.text} (a Jacobian) is not read")

    @staticmethod
    def _only_entry(expr: sp.Expr, entry: Indexed) -> bool:
        """expr depends on vectors only through this one entry, and holds no sums."""
        return expr.atoms(Indexed) == {entry} and not expr.has(sp.Sum, sp.Lambda)

    def _prime(self, value) -> V.Value | _Fn:
        if isinstance(value, _Fn):
            if value.kind == "sigmoid" and not value.primes:
                return _Fn("dsigmoid", value.name + "'", power=value.power)
            if value.kind in V.SCALAR_FUNCTIONS or value.kind in ("lambda", "unknown"):
                if value.power != 1:
                    raise FormulaError(f"a prime after a power of {value.name} is unclear")
                if value.primes >= _MAX_ORDER:
                    raise FormulaError(f"a derivative of order more than {_MAX_ORDER} is not read")
                return _Fn(value.kind, value.name + "'", value.base, func=value.func, primes=value.primes + 1)
            raise FormulaError(f"{value.name}' is not read (the derivative of a function of a vector)")
        e = value.expr
        if isinstance(e, sp.Symbol) and self.guesses.get(e.name, 0) > 0:
            # a' of an undeclared a is a name of its own (as TeX shows it), never da/da.
            self.guesses[e.name] -= 1
            # TeX sets a_b' and a'_b alike (the prime on a), and a_{b'} apart (the prime on b).
            head, sep, tail = e.name.partition("_")
            name = f"{head}'{sep}{tail}"
            if name in self.values and self._in_force(name):
                return self.values[name]
            self.guesses[name] += 1
            return V.Value(scalar(name))
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
                return value.with_expr(sp.Derivative(e, next(iter(entries))), _ENTRYWISE_DERIVATIVE)
            raise FormulaError("unclear which variable ' differentiates by")
        candidates = {a for a in e.atoms(Indexed) if not (a.free_symbols - e.free_symbols)} | {
            s for s in e.free_symbols if isinstance(s, sp.Symbol) and not isinstance(s, Idx) and not s.is_integer
            and s not in {a.base.label for a in e.atoms(Indexed)}}
        if len(candidates) != 1:
            raise FormulaError("unclear which variable ' differentiates by")
        return value.with_expr(sp.Derivative(e, next(iter(candidates))))

    def _leibniz(self, num, den, env):
        """d/dx, dy/dx, d^2/dx^2, the partial and mixed forms, or None when the fraction is not a derivative."""
        den_entries = self._entries(self._inner(den))
        num_entries = self._entries(self._inner(num))
        if all(_word(_base(e[0].item)) == "d" and _kind(_base(e[0].item)) == "letter"
               for e in (den_entries, num_entries)) and len(den_entries) > 1:
            self._marker_base(num_entries[0], numerator=True)  # a declared d is a clash here
        marker = self._marker_base(den_entries[0])
        if marker is None or den_entries[0].op is not None or den_entries[0].negative or len(den_entries) < 2:
            return None  # \\frac{c}{d} is a fraction: a derivative's d is followed by its variable
        order = self._order(num_entries[0], marker)
        if order is None:
            raise FormulaError("a derivative needs the same d or \\partial above and below")
        variables = self._variables(den_entries, marker, env)
        if sum(n for _, n in variables) != order or any(not 1 <= n <= _MAX_ORDER for _, n in variables):
            raise FormulaError(f"the order {order} above does not match the variables below the fraction bar")
        text = " ".join(str(_word(_base(e.item)) or "") for e in den_entries[1:]).strip() or "this"
        through = tuple(v.name for v, _ in variables if isinstance(v, sp.Symbol) and v.name in self.shallow
                        and self._in_force(v.name))
        op = _Derivative(variables[0][0], text, tuple(variables), through)
        if len(num_entries) == 1:
            return op
        rest = num_entries[1:]
        if len(rest) == 1 and not isinstance(self._item(rest[0].item, env), _Fn):
            self._check_not_a_bare_name(rest[0], env)
        return self._operate(op, rest, env)

    def _defined_name(self, group: list[_Entry], env) -> str | None:
        """The defined scalar name a derivative's variable is (z in d/dz with z = w^T x), or None."""
        if len(group) != 1 or _scripts(group[0].item) or group[0].op is not None or group[0].negative:
            return None
        word = _word(_base(group[0].item))
        if word is None or word in env or _kind(_base(group[0].item)) not in ("letter", "command"):
            return None
        name = symbol_name(word)
        return name if name in self.shallow and self._in_force(name) else None

    def _check_not_a_bare_name(self, entry: _Entry, env) -> None:
        """dy/dx with y a name the document does not define in terms of x: refused, not read as 0."""
        value = self._item(entry.item, env)
        if not isinstance(value, V.Value):
            return
        e = value.expr
        if isinstance(e, sp.Symbol) and e.name in self.shallow and self._in_force(e.name):
            return
        names = set(self.notation.definitions)
        if isinstance(e, (sp.Symbol, Indexed)) and not isinstance(e, Idx):
            base = e.base.label if isinstance(e, Indexed) else e
            if not any(symbol_name(n) == str(base) for n in names):
                word = str(base)
                raise FormulaError(f"d{word}/d...: {word} is a name, not a formula; the derivative of a name is "
                                   f"not read (write the formula: \\frac{{d}}{{dx}}\\left(...\\right))")

    def _order(self, entry: _Entry, marker: str) -> int | None:
        """The order of d, d^2 or \\partial^2 opening a numerator, or None when it does not open one."""
        if entry.op is not None or entry.negative or self._marker_base(entry, numerator=True) != marker:
            return None
        scripts = _scripts(entry.item)
        if not scripts:
            return 1
        if len(scripts) == 1 and scripts[0].data == "sup_script" and _kind(scripts[0].children[1]) == "number":
            n = int(str(scripts[0].children[1].children[0]))
            if 1 <= n <= 4:
                return n
        raise FormulaError("the order of a derivative must be a number from 1 to 4: \\frac{d^2}{dx^2}")

    def _variables(self, entries: list[_Entry], marker: str, env) -> list[tuple[object, int]]:
        """The variables below the bar: d x, d x^2, \\partial x \\partial y, each with its order."""
        groups: list[list[_Entry]] = []
        for entry in entries:
            if self._marker_base(entry) == marker and not _scripts(entry.item):
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
            sups = [sc for sc in _scripts(last.item) if sc.data == "sup_script"]
            if sups and _kind(sups[0].children[1]) == "number":
                order = int(str(sups[0].children[1].children[0]))
                rest = [sc for sc in _scripts(last.item) if sc.data != "sup_script"]
                group = group[:-1] + [_Entry(last.op, last.negative, Tree("item", [_base(last.item), *rest]))]
            text = " ".join(str(_word(_base(e.item)) or "") for e in group).strip() or "this"
            defined = self._defined_name(group, env)
            variable = scalar(defined) if defined else self._variable(self._chain(group, env), text)
            if out and out[-1][0] == variable:
                out[-1] = (variable, out[-1][1] + order)
            else:
                out.append((variable, order))
        return out

    @staticmethod
    def _inner(arg):
        if _kind(arg) == "group":
            if len(arg.children) != 1:
                raise FormulaError("a relation or nothing inside braces")
            return arg.children[0]
        return arg

    def _marker_base(self, entry: _Entry, numerator: bool = False) -> str | None:
        """d, \\mathrm{d} or \\partial opening one side of a derivative fraction, or None."""
        base = _base(entry.item)
        word = _word(base)
        if word == "\\partial":
            return word
        if word == "d" and _kind(base) == "text":
            return "d"
        if word == "d" and _kind(base) == "letter":
            kind = self.notation.kind_of("d")
            if kind is not None and numerator:
                raise FormulaError(f"d is declared as a {kind} in the notation file and marks a derivative in "
                                   "this fraction; write \\mathrm{d} for the derivative or rename the " + kind)
            return "d" if kind is None else None
        return None

    # --- items ---------------------------------------------------------------------------------

    def _item(self, item: Tree, env):
        base, scripts = _base(item), _scripts(item)
        kind = _kind(base)
        if kind in ("letter", "command", "word", "text"):
            word = _word(base)  # a command keeps its backslash: \theta
            if word in ("\\sum", "\\prod"):
                return self._sum(scripts, env, product=word == "\\prod")
            if word == "\\nabla":
                return self._nabla(scripts, env)
            if word == "\\partial":
                return self._partial(scripts, env)
            if kind == "text" and not word.replace(" ", "").isalpha() or (kind == "text" and " " in word):
                raise FormulaError(f"text {word!r} in a formula")
            if kind == "text" and str(base.children[0]).startswith(("\\text", "\\mbox")) \
                    and self.notation.kind_of(word) is None and word not in _BUILTIN_FUNCTIONS:
                raise FormulaError(f"the text {word!r} in a formula is not read (words and conditions belong "
                                   "in the prose; a name is written \\operatorname{...})")
            if word == "\\delta" and self.notation.kind_of(word) is None and scripts:
                return self._kronecker(scripts, env)
            self._check_clash(word, scripts)
            undeclared = word not in env and self.notation.kind_of(word) is None
            if undeclared and kind == "text" and str(base.children[0]).startswith("\\operatorname") \
                    and word not in _BUILTIN_FUNCTIONS and word not in _UNREAD_WORDS and word not in self.lambdas:
                # \\operatorname names an operator: a function nobody defines, applied to parentheses.
                return self._scripted(_Fn("unknown", word, func=sp.Function(symbol_name(word), real=True)),
                                      scripts, env)
            if undeclared and word in ("i", "\\imath") and not (symbol_name(word) in self.values):
                raise FormulaError(f"{word} outside a subscript is read neither as the imaginary unit nor as a "
                                   "number (complex numbers are not read); use another letter for a number")
            if undeclared and word in ("\\Delta", "\\delta"):
                raise FormulaError(f"{word} is read neither as an increment ({word} x) nor as a number; "
                                   "write the difference out, or use another letter")
            head = self._meaning(word, env)
            if head is None:
                raise FormulaError(f"the command {word} is not read" if kind == "command"
                                   else f"unknown name {word} (declare it in the notation file)")
            return self._scripted(head, scripts, env)
        if kind == "abs":
            return self._scripted(V.entrywise(sp.Abs, self._expr(base.children[1], env)), scripts, env)
        if kind == "norm":
            return self._norm(self._expr(base.children[1], env), scripts, env)
        if kind == "inner":
            u, v = (self._expr(e, env) for e in base.children[1:3])
            return self._scripted(V.dot(u, v), scripts, env)
        if kind == "number":
            return self._scripted(self._number(str(base.children[0])), scripts, env)
        if kind == "font":
            return self._scripted(self._font(base.children[1], env), scripts, env)
        if kind == "accent":
            head, inner_scripts = self._accent(base, env)
            return self._scripted(head, inner_scripts + scripts, env)
        if kind == "frac":
            _, num, den = base.children
            found = self._leibniz(num, den, env)
            if found is None:
                found = V.divide(self._arg_value(num, env), self._arg_value(den, env))
            if isinstance(found, _Derivative):
                if scripts:
                    raise FormulaError("scripts on a derivative operator")
                return found
            return self._scripted(found, scripts, env)
        if kind == "sqrt":
            return self._scripted(V.entrywise(sp.sqrt, self._arg_value(base.children[1], env)), scripts, env)
        if kind == "root":
            _, degree_node, arg = base.children
            n = self._expr(degree_node, env)
            if n.is_vector or (n.expr.is_number and not (n.expr.is_Integer and 2 <= n.expr <= V.MAX_EXPONENT)):
                raise FormulaError("the degree of a root must be a whole number from 2 to 64, or a scalar: "
                                   "\\sqrt[3]{x}")
            if not n.expr.is_Integer:
                return self._scripted(V.power(self._arg_value(arg, env), V.Value(1 / n.expr)), scripts, env)
            degree = int(n.expr)
            # Odd roots of negative numbers are real: the real root, not the principal complex one.
            f = (lambda u: sp.real_root(u, degree)) if degree % 2 else (lambda u: sp.root(u, degree))
            return self._scripted(V.entrywise(f, self._arg_value(arg, env)), scripts, env)
        if kind == "paren":
            values = tuple(self._expr(e, env) for e in base.children)
            if len(values) > 1:
                if scripts:
                    raise FormulaError("scripts on a list in parentheses")
                return values
            return self._scripted(values[0], scripts, env)
        if kind == "bracket":
            raise FormulaError("a vector or matrix written out in brackets is not read")
        if kind == "group":
            return self._scripted(self._arg_value(base, env), scripts, env)
        raise FormulaError(f"cannot read {kind}")

    def _check_clash(self, word: str, scripts) -> None:
        """A declared e or \\pi written where it reads as the constant is an error naming both meanings."""
        kind = self.notation.kind_of(word)
        if kind is None:
            return
        if word == "e" and any(sc.data == "sup_script" for sc in scripts) and kind != "vector":
            raise FormulaError(f"e^{{...}}: e is declared as a {kind} in the notation file and e^{{...}} is "
                               "Euler's number raised to a power; write \\exp(...) or rename the " + kind)
        if word == "\\pi" and kind in ("scalar", "size", "index"):
            raise FormulaError(f"\\pi is declared as a {kind} in the notation file and is also the constant "
                               "3.14159...; rename the " + kind)

    def _kronecker(self, scripts, env) -> V.Value:
        subs = [sc for sc in scripts if sc.data == "sub_script"]
        if len(subs) != 1 or len(scripts) != 1:
            raise FormulaError("\\delta_{ij} (Kronecker's delta) takes two indices and nothing else")
        indices = self._indices(subs[0].children[1], env)
        if len(indices) != 2:
            raise FormulaError("\\delta_{ij} (Kronecker's delta) takes two indices")
        return V.Value(sp.KroneckerDelta(*indices))

    def _norm(self, value: V.Value, scripts, env) -> V.Value:
        subs = [sc for sc in scripts if sc.data == "sub_script"]
        p = 2
        if subs:
            arg = subs[0].children[1]
            if _kind(arg) != "number" or str(arg.children[0]) not in ("1", "2"):
                raise FormulaError("only the norms \\|v\\|_1 and \\|v\\|_2 are read")
            p = int(str(arg.children[0]))
        rest = [sc for sc in scripts if sc.data != "sub_script"]
        return self._scripted(V.norm(value, p), rest, env)

    def _partial(self, scripts, env) -> _Derivative:
        if len(scripts) != 1 or scripts[0].data != "sub_script":
            raise FormulaError("\\partial outside a derivative fraction needs its variable as a subscript: "
                               "\\partial_x f")
        value = self._arg_value(scripts[0].children[1], env)
        return _Derivative(self._variable(value, "the subscript of \\partial"), "the subscript of \\partial")

    def _arg_value(self, arg, env) -> V.Value:
        if _kind(arg) == "group":
            if len(arg.children) != 1:
                raise FormulaError("a relation or nothing inside braces")
            return self._expr(arg.children[0], env)
        value = self._item(Tree("item", [arg]), env)
        if not isinstance(value, V.Value):
            raise FormulaError("a function or operator where a value is expected")
        return value

    def _number(self, digits: str) -> V.Value:
        whole, _, frac = digits.partition(".")
        if len(whole) + len(frac) > MAX_DIGITS:
            raise FormulaError(f"a number of more than {MAX_DIGITS} digits")
        # Built from validated digits: user text never reaches sympify.
        if frac:
            return V.Value(sp.Rational(int(whole + frac), 10 ** len(frac)))
        return V.Value(sp.Integer(int(whole)))

    def _font(self, arg, env):
        inner = self._inner(arg) if _kind(arg) == "group" else arg
        if _kind(inner) == "product":
            if len(inner.children) != 1:
                raise FormulaError("bold applied to more than one symbol")
            inner = inner.children[0]
        if _kind(inner) == "item":
            if _scripts(inner):
                head = self._item(inner, env)
                return head
            inner = _base(inner)
        if _kind(inner) == "number":
            raise FormulaError(f"bold {inner.children[0]} (a vector of constants) is not read")
        if _kind(inner) not in ("letter", "command", "accent"):
            raise FormulaError("bold applied to something other than a symbol")
        return self._item(Tree("item", [inner]), env)

    def _accent(self, base: Tree, env):
        accent, arg = str(base.children[0]), base.children[1]
        accent = {"\\widehat": "\\hat", "\\overline": "\\bar", "\\widetilde": "\\tilde"}.get(accent, accent)
        inner_scripts: list = []
        inner = arg
        if _kind(inner) == "group":
            inner = self._inner(inner)
            if _kind(inner) == "product":
                if len(inner.children) != 1:
                    raise FormulaError(f"{accent} over more than one symbol")
                inner = inner.children[0]
            if _kind(inner) == "item":
                inner_scripts = _scripts(inner)
                inner = _base(inner)
                if _kind(inner) == "font":
                    inner = self._inner(inner.children[1]) if _kind(inner.children[1]) == "group" else inner.children[1]
                    if _kind(inner) == "product" and len(inner.children) == 1 and not _scripts(inner.children[0]):
                        inner = _base(inner.children[0])
        word = _word(inner)
        if word is None or _kind(inner) not in ("letter", "command"):
            raise FormulaError(f"{accent} over something other than a symbol")
        key = f"{accent}{{{word}}}"
        head = self._meaning(key, env)
        if head is None:
            raise FormulaError(f"unknown name {key} (declare it in the notation file)")
        return head, inner_scripts

    # --- names ---------------------------------------------------------------------------------

    def _meaning(self, word: str, env):
        """What a name means here: a Value, a function, a matrix; None when unknown."""
        if word in env:
            return V.Value(env[word])
        if word in self.conflicts:
            raise FormulaError(self.conflicts[word])
        n = self.notation
        kind = n.kind_of(word)
        if kind == "vector":
            length = self.size_symbol(n.vectors[word])
            return V.Value(self.bases[word][V.entry_index(length)], length)
        if kind == "matrix":
            return _Matrix(self.bases[word], word)
        if kind == "scalar":
            return V.Value(self.scalars[word])
        if kind == "function":
            return _Fn(n.functions[word], word)
        if kind == "size":
            return V.Value(self.size_symbol(word))
        if kind == "index":
            return V.Value(self.free_index(word))
        bare = word.lstrip("\\")
        if word in self.lambdas and self._in_force(word):
            return _Fn("lambda", word, func=self.lambdas[word])
        if symbol_name(word) in self.values and self._in_force(symbol_name(word)):
            if self._shallow and symbol_name(word) in self.shallow:
                return V.Value(scalar(symbol_name(word)))
            return self.values[symbol_name(word)]
        if word == "e":
            return V.Value(sp.E)
        if word == "\\pi":
            return V.Value(sp.pi)
        if bare in _BUILTIN_FUNCTIONS and (word.startswith("\\") or len(word) > 1):
            return _Fn(_BUILTIN_FUNCTIONS[bare], word)
        if bare in _ELLIPSES:
            raise FormulaError(f"an ellipsis ({word}) cannot be read")
        if bare in _UNREAD_WORDS:
            raise _unread(word)
        if (len(word) == 1 and word.isalpha()) or (word.startswith("\\") and bare in _GREEK) \
                or (len(word) > 1 and word.isalpha() and not word.startswith("\\")):
            # A name the document never declares is a real scalar: a guess, named in the verdict.
            self.guesses[symbol_name(word)] += 1
            return V.Value(scalar(symbol_name(word)))
        return None

    def _scripted(self, head, scripts: list[Tree], env):
        subs = [s for s in scripts if s.data == "sub_script"]
        sups = [s for s in scripts if s.data == "sup_script"]
        primes = [s for s in scripts if s.data == "prime"]
        if len(subs) > 1 or len(sups) > 1:
            raise FormulaError("a double subscript or superscript")
        if isinstance(head, _Matrix) and not subs:
            return self._whole_matrix(head, sups, primes)
        if isinstance(head, _Matrix):
            indices = self._indices(subs[0].children[1], env)
            if len(indices) != 2:
                raise FormulaError(f"the matrix {head.name} needs two indices")
            head = V.Value(head.base[tuple(indices)])
            subs = []
        if isinstance(head, (_Sum, _Derivative)):
            raise FormulaError("scripts on an operator")
        if isinstance(head, tuple):
            raise FormulaError("scripts on a list")
        if isinstance(head, _Fn):
            return self._scripted_function(head, subs, sups, primes, env)
        if subs and isinstance(head.expr, sp.Symbol) and head.expr.name in self.guesses:
            head = self._guessed_entry(head.expr.name, subs[0].children[1], env)
            subs = []
        if subs:
            indices = self._indices(subs[0].children[1], env)
            if len(indices) != 1:
                raise FormulaError(f"{len(indices)} indices on a vector")
            if not head.is_vector:
                raise FormulaError(f"a subscript on a scalar ({sp.sstr(head.expr)})")
            self._check_range(indices[0], head.size, env)
            head = V.entry_at(head, indices[0])
        for _ in primes:
            head = self._prime(head)
        if sups:
            if isinstance(head, _Fn):
                raise FormulaError(f"a power of the function {head.name} is unclear")
            head = self._power(head, sups[0].children[1], env)
        return head

    def _whole_matrix(self, head: _Matrix, sups, primes) -> _MatrixValue:
        rows, cols = (self.size_symbol(s) for s in self.notation.matrices[head.name])
        if primes:
            raise FormulaError(f"a prime on the matrix {head.name} is not read")
        transposed = False
        if sups:
            arg = sups[0].children[1]
            word = _word(arg)
            if _kind(arg) == "group" and len(arg.children) == 1:
                inner = arg.children[0]
                if _kind(inner) == "product" and len(inner.children) == 1 and not _scripts(inner.children[0]):
                    word = _word(_base(inner.children[0]))
            if word not in ("T", "\\top", "\\intercal"):
                raise FormulaError(f"a power of the matrix {head.name} is not read (only its transpose)")
            transposed = True
        return _MatrixValue(head.base, head.name, rows, cols, transposed)

    def _guessed_entry(self, name: str, arg, env) -> V.Value:
        """a_1, u_o: a name of its own; a_i with i an index: entry i of a vector a of i's range."""
        inner = self._inner(arg)
        primes = ""
        if _kind(inner) == "product" and len(inner.children) == 1 \
                and all(sc.data == "prime" for sc in _scripts(inner.children[0])):
            primes = "'" * len(_scripts(inner.children[0]))
            inner = _base(inner.children[0])
        kind = _kind(inner)
        label = self._label(name, inner, primes, env)
        if label is not None:
            self.guesses[name] -= 1
            self.guesses[label] += 1
            return V.Value(scalar(label))
        if kind == "letter":
            letter = str(inner.children[0])
            if letter in env or self.notation.size_of_index(letter):
                index = env.get(letter) or self.free_index(letter)
                self.guesses[name] -= 1
                self.guesses[f"{name}[]"] += 1
                return V.Value(vector(name)[index])
        raise FormulaError(f"the subscript of {name} is neither an index nor a label (write {name}_{{1}}, {name}_i)")

    def _label(self, name: str, inner, primes: str, env) -> str | None:
        """The name a_1, a_b, alpha_beta, a_{b'} of an undeclared a with a label subscript, or None."""
        kind = _kind(inner)
        sub = None
        if kind == "letter" and str(inner.children[0]) not in env and not self.notation.kind_of(str(inner.children[0])):
            sub = str(inner.children[0])
        if kind == "command" and str(inner.children[0])[1:] in _GREEK \
                and self.notation.kind_of(str(inner.children[0])) is None:
            sub = str(inner.children[0])[1:]
        if sub is not None:
            return f"{name}_{{{sub}{primes}}}" if primes else f"{name}_{sub}"
        if kind == "number" and str(inner.children[0]).isdigit() and not primes:
            return f"{name}_{inner.children[0]}"
        return None

    def _scripted_function(self, fn: _Fn, subs, sups, primes, env) -> _Fn:
        """\\log_2, \\tanh^2, \\sigma': the function a scripted function name stands for."""
        if subs:
            if fn.kind != "log" or fn.base is not None:
                raise FormulaError(f"a subscript on the function {fn.name}")
            base = self._arg_value(subs[0].children[1], env)
            if base.is_vector or (base.expr.is_number and not (base.expr.is_positive and base.expr != 1)):
                raise FormulaError("the base of a logarithm must be a positive scalar other than 1")
            fn = _Fn("log", fn.name, base.expr)
        for _ in primes:
            fn = self._prime(fn)
        if sups:
            arg = sups[0].children[1]
            word = _word(arg)
            if word == "\\prime":
                return self._prime(fn)
            exponent = self._arg_value(arg, env) if _kind(arg) in ("number", "group") else None
            if exponent is None or not (exponent.expr.is_Integer and 1 <= exponent.expr <= V.MAX_EXPONENT):
                raise FormulaError(f"{fn.name}^{{...}}: only a positive whole power of a function is read "
                                   f"(\\{fn.name.lstrip(chr(92))}^2 x is (\\{fn.name.lstrip(chr(92))} x)^2; "
                                   "an inverse function is not read)")
            if fn.power != 1:
                raise FormulaError(f"a double power of the function {fn.name}")
            fn = _Fn(fn.kind, fn.name, fn.base, int(exponent.expr), fn.func, fn.primes)
        return fn

    def _power(self, base: V.Value, arg, env) -> V.Value:
        word = _word(arg)
        if _kind(arg) == "group" and len(arg.children) == 1:
            inner = arg.children[0]
            if _kind(inner) == "product" and len(inner.children) == 1 and not _scripts(inner.children[0]):
                word = _word(_base(inner.children[0])) if word is None else word
        if word in ("T", "\\top", "\\intercal", "\\mathsf{T}", "\\mathrm{T}", "\\mathsf", "\\mathrm") \
                or (word == "T" and _kind(arg) == "text"):
            if base.is_vector:
                if base.row:
                    raise FormulaError("a transposed vector transposed again is not read")
                return V.Value(base.expr, base.size, base.conventions, row=True)
            if word != "T" or self.notation.kind_of("T") is None:
                raise FormulaError("a transpose of a scalar, or a power T? write the power with another letter")
        if word == "\\prime":
            return self._prime(base)
        if _kind(arg) == "number" and len(str(arg.children[0])) > 1 and "." not in str(arg.children[0]):
            raise FormulaError(f"^{arg.children[0]} means ^{str(arg.children[0])[0]} followed by "
                               f"{str(arg.children[0])[1:]} in LaTeX; write ^{{{arg.children[0]}}}")
        self._script_depth += 1
        try:
            if self._script_depth > MAX_SCRIPT_DEPTH:
                raise FormulaError(f"superscripts nested more than {MAX_SCRIPT_DEPTH} deep")
            exponent = self._arg_value(arg, env)
        finally:
            self._script_depth -= 1
        return V.power(base, exponent)

    def _indices(self, arg, env) -> list[sp.Expr]:
        kind = _kind(arg)
        if kind == "group":
            if len(arg.children) != 1:
                raise FormulaError("a condition in a subscript (such as i \\neq k) is not read")
            inner = arg.children[0]
            if _kind(inner) != "product":
                raise FormulaError("an index expression in a subscript is not read")
            out = []
            for child in inner.children:
                if not isinstance(child, Tree) or _scripts(child):
                    raise FormulaError("an index expression in a subscript is not read")
                out.extend(self._indices(_base(child), env))
            return out
        if kind == "number":
            digits = str(arg.children[0])
            if "." in digits or int(digits) < 1 or len(digits) > 6:
                raise FormulaError(f"subscript {digits} is not an index")
            return [sp.Integer(int(digits))]
        if kind == "letter":
            letter = str(arg.children[0])
            if letter in env:
                return [env[letter]]
            n = self.notation
            if n.size_of_index(letter):
                return [self.free_index(letter)]
            if n.size_name(letter):
                return [self.size_symbol(letter)]
            raise FormulaError(f"subscript {letter} is not an index (declare it in the notation file)")
        raise FormulaError("a subscript that is not an index")

    def _check_range(self, index, length, env) -> None:
        if isinstance(index, Idx) and index not in env.values() and index.upper != length:
            raise FormulaError(f"index {index} runs over 1..{index.upper}, the vector has length {length}")

    def _sum(self, scripts, env, product: bool = False) -> _Sum:
        subs = [s for s in scripts if s.data == "sub_script"]
        sups = [s for s in scripts if s.data == "sup_script"]
        if len(subs) != 1 or len(sups) > 1 or len(scripts) != len(subs) + len(sups):
            raise FormulaError("a sum needs one subscript naming its index (and at most one upper limit)")
        arg = subs[0].children[1]
        lower, excluded = sp.S.One, None
        if _kind(arg) == "group":
            if len(arg.children) in (3, 6):
                # j = 1, or j \\neq k, or both: \\sum_{j=1, j \\neq k}
                conditions = [arg.children[n:n + 3] for n in range(0, len(arg.children), 3)]
                letters = {self._sum_letter(left) for left, _, _ in conditions}
                if len(letters) != 1:
                    raise FormulaError("the conditions of a sum must all be on its index")
                (letter,) = letters
                rels = sorted(str(rel) for _, rel, _ in conditions)
                if len(conditions) == 2 and not (rels[0] == "=" and rels[1] in ("\\neq", "\\ne")):
                    raise FormulaError("a sum's two conditions must be j = lower limit and j \\neq k")
                for _, rel, right in conditions:
                    rel = str(rel)
                    if rel == "=":
                        lower_value = self._expr(right, env)
                        if not lower_value.expr.is_Integer:
                            raise FormulaError("the lower limit of a sum must be an integer")
                        lower = lower_value.expr
                    elif rel in ("\\neq", "\\ne"):
                        excluded = self._indices(Tree("group", [right]), env)
                        if len(excluded) != 1:
                            raise FormulaError("a sum may exclude one index")
                        excluded = excluded[0]
                    else:
                        raise FormulaError(f"a sum over {rel} is not read")
            elif len(arg.children) == 1:
                letter = self._sum_letter(arg.children[0])
            else:
                raise FormulaError("a sum with an empty subscript")
        else:
            letter = self._sum_letter(arg)
        if sups:
            upper = self._arg_value(sups[0].children[1], env)
            if upper.is_vector or not upper.expr.free_symbols <= set(self.sizes.values()) \
                    or not upper.expr.is_integer:
                raise FormulaError("the upper limit of a sum must be a size or an integer")
            upper = upper.expr
        else:
            named = self.notation.size_of_index(letter)
            if named is None and len(self.sizes) == 1:
                named = next(iter(self.sizes))
            if named is None:
                raise FormulaError(f"the range of the sum over {letter} is unknown; write its limits")
            upper = self.sizes[named]
        if excluded is not None and not (lower == 1 and isinstance(excluded, Idx) and excluded.upper == upper):
            raise FormulaError("a sum over j \\neq i needs i in the same range as j")
        if product and excluded is not None:
            raise FormulaError("a product over j \\neq i is not read")
        return _Sum(Idx(letter, (lower, upper)), letter, excluded, product)

    def _sum_letter(self, node) -> str:
        if _kind(node) == "product" and len(node.children) == 1 and not _scripts(node.children[0]):
            node = _base(node.children[0])
        if _kind(node) != "letter":
            raise FormulaError("a sum's index must be a single letter")
        letter = str(node.children[0])
        if self.notation.kind_of(letter) in ("vector", "matrix", "function", "size"):
            raise FormulaError(f"{letter} names a {self.notation.kind_of(letter)}; it cannot be a sum's index")
        return letter

    def _nabla(self, scripts, env) -> _Derivative:
        if len(scripts) != 1 or scripts[0].data != "sub_script":
            raise FormulaError("\\nabla needs the variable as a subscript")
        arg = scripts[0].children[1]
        value = self._arg_value(arg, env)
        return _Derivative(self._variable(value, "the subscript of \\nabla"), "the subscript of \\nabla")


_GREEK = {"alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "zeta", "eta", "theta", "vartheta", "iota",
          "kappa", "lambda", "mu", "nu", "xi", "pi", "rho", "sigma", "tau", "upsilon", "phi", "varphi", "chi",
          "psi", "omega", "Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Upsilon", "Phi", "Psi",
          "Omega", "ell"}


def _names_in(text: str) -> set[str]:
    """The names a formula uses as values (letters and commands, with their primes), not as scripts."""
    try:
        tokens = list(parser().lex(text))
    except (LarkError, FormulaError):
        return set()
    out = set()
    for n, tok in enumerate(tokens):
        if tok.type in ("LETTER", "CMD") and not (n and tokens[n - 1].type in ("SUB", "SUP")):
            primes = 0
            while n + 1 + primes < len(tokens) and tokens[n + 1 + primes].type == "PRIME":
                primes += 1
            out.add(str(tok) + "'" * primes)
    return out
