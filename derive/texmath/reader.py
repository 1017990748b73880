"""The reader: one term of a chain, parsed by the grammar, turned into SymPy through the notation.

Whatever the reader is unsure of raises FormulaError with the reason: an unknown name, a product
of two vectors, a function whose reach is unclear, a subscript that is not an index. A term is
never read by guessing.
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy as sp
from lark import Token, Tree
from lark.exceptions import LarkError, UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken
from sympy import Idx, Indexed

from ..errors import FormulaError
from ..model import Axis, Side
from ..notation import Definition, dsigmoid, sigmoid, size, sum_except, vector, scalar
from . import values as V
from .grammar import parser
from .limits import MAX_DIGITS, MAX_SCRIPT_DEPTH, check_formula
from .notation import Notation

__all__ = ["Reader", "symbol_name"]

_ELLIPSES = {"dots", "cdots", "ldots", "vdots", "ddots"}
_BUILTIN_FUNCTIONS = {"log": "log", "ln": "log", "exp": "exp", "max": "max"}
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
    kind: str  # sigmoid, dsigmoid, softmax, log, exp, cross-entropy, max
    name: str


@dataclass(frozen=True)
class _Sum:
    index: Idx
    letter: str
    excluded: sp.Expr | None = None


@dataclass(frozen=True)
class _Derivative:
    """d/dv: ``variable`` is a scalar symbol or entry, or (base, size) for a whole vector."""

    variable: object
    text: str


@dataclass(frozen=True)
class _Matrix:
    base: sp.IndexedBase
    name: str


@dataclass(frozen=True)
class _Entry:
    op: str | None  # the explicit operator before the item; None for juxtaposition
    negative: bool
    item: Tree


def _lark_reason(exc: LarkError) -> str:
    if isinstance(exc, UnexpectedCharacters):
        return f"unexpected character {exc.char!r} at column {exc.column}"
    if isinstance(exc, UnexpectedEOF):
        return "the formula ends too early"
    if isinstance(exc, UnexpectedToken):
        if exc.token.type == "$END":
            return "the formula ends too early"
        return f"unexpected {str(exc.token)!r} at column {exc.column}"
    if isinstance(exc, UnexpectedInput):
        return f"unexpected input at column {getattr(exc, 'column', '?')}"
    return "the formula could not be parsed"


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
                            if len(k) > 1 and not k.startswith("\\")} | set(_BUILTIN_FUNCTIONS) | {"softmax"}
        self._script_depth = 0

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
        return self._expr(tree, {})

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
            total = V.combine(total, value, (lambda a, b: a - b) if negative else (lambda a, b: a + b))
        return total

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
            if len(run) > 1 and word in self.multiletter:
                item = Tree("item", [Tree("word", [Token("WORD", word)]), *_scripts(run[-1].item)])
                out.append(_Entry(run[0].op, run[0].negative, item))
                n = m
            elif len(run) > 1:
                unknown = [str(_base(e.item).children[0]) for e in run
                           if self._meaning(str(_base(e.item).children[0]), {}) is None]
                if unknown:
                    raise FormulaError(f"unknown name {word!r} (declare it in the notation file)")
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
            head = self._item(entry.item, env)
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
                value = value.with_expr(-value.expr)
            if total is None:
                if entry.op is not None:
                    raise FormulaError(f"{entry.op} with nothing before it")
                total = value
            else:
                total = self._join(total, entry.op, value)
            if entry.op == "/" and k < len(entries) and entries[k].op is None:
                raise FormulaError("unclear how far / reaches; use \\frac or parentheses")
        return total

    def _join(self, left: V.Value, op: str | None, right: V.Value) -> V.Value:
        if op == "/":
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
            if op.excluded is not None:
                return body.with_expr(sum_except(body.expr, op.index, op.excluded))
            return body.with_expr(sp.Sum(body.expr, (op.index, op.index.lower, op.index.upper)))
        return self._differentiate(self._chain(rest, env), op)

    def _apply_at(self, fn: _Fn, entries: list[_Entry], k: int, env) -> tuple[V.Value, int]:
        nxt = entries[k + 1] if k + 1 < len(entries) else None
        if nxt is None or nxt.op is not None or nxt.negative:
            raise FormulaError(f"{fn.name} needs an argument")
        if _kind(_base(nxt.item)) == "paren":
            args = tuple(self._expr(e, env) for e in _base(nxt.item).children)
            value = self._apply(fn, args)
            return self._scripted(value, _scripts(nxt.item), env), k + 2
        head = self._item(nxt.item, env)
        if isinstance(head, (_Sum, _Derivative)):
            return self._apply(fn, (self._operate(head, entries[k + 2:], env),)), len(entries)
        if isinstance(head, _Fn):
            raise FormulaError(f"{fn.name} {head.name} without parentheses is unclear")
        if isinstance(head, tuple):
            raise FormulaError(f"{fn.name} of a list")
        if k + 2 < len(entries) and entries[k + 2].op is None:
            raise FormulaError(f"unclear how far {fn.name} reaches; add parentheses")
        return self._apply(fn, (head,)), k + 2

    def _apply(self, fn: _Fn, args: tuple[V.Value, ...]) -> V.Value:
        if fn.kind == "cross-entropy":
            if len(args) != 2:
                raise FormulaError(f"{fn.name} takes two arguments, got {len(args)}")
            return V.cross_entropy(*args)
        if fn.kind == "max":
            if len(args) < 2 or any(a.is_vector for a in args):
                raise FormulaError("\\max is read only between scalars: \\max(a, b)")
            return V.Value(sp.Max(*[a.expr for a in args]), None, tuple(c for a in args for c in a.conventions))
        if len(args) != 1:
            raise FormulaError(f"{fn.name} takes one argument, got {len(args)}")
        (arg,) = args
        if fn.kind == "softmax":
            return V.softmax_of(arg)
        f = {"sigmoid": sigmoid, "dsigmoid": dsigmoid, "log": sp.log, "exp": sp.exp}[fn.kind]
        return V.entrywise(f, arg)

    # --- derivatives ---------------------------------------------------------------------------

    def _variable(self, value: V.Value, text: str):
        e = value.expr
        if not value.is_vector and isinstance(e, Indexed):
            return e
        if not value.is_vector and isinstance(e, sp.Symbol) and not isinstance(e, Idx) and not e.is_integer:
            return e
        if value.is_vector and isinstance(e, Indexed) and e.indices == (V.entry_index(value.size),):
            return (e.base, value.size)
        raise FormulaError(f"cannot differentiate with respect to {text}")

    def _differentiate(self, body: V.Value, op: _Derivative) -> V.Value:
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
            if value.kind == "sigmoid":
                return _Fn("dsigmoid", value.name + "'")
            raise FormulaError(f"{value.name}' is not read (only the logistic function's derivative is known)")
        e = value.expr
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
        """d/dx, dy/dx, the partial forms, or None when the fraction is not a derivative."""
        den_entries = self._entries(self._inner(den))
        marker = self._marker(den_entries[0])
        if marker is None:
            return None
        num_entries = self._entries(self._inner(num))
        if self._marker(num_entries[0]) != marker:
            if _scripts(num_entries[0].item) and self._marker_base(num_entries[0]) == marker:
                raise FormulaError("higher derivatives are not read")
            raise FormulaError("a derivative needs the same d or \\partial above and below")
        if len(den_entries) < 2:
            raise FormulaError("a derivative with no variable")
        text = " ".join(str(_word(_base(e.item)) or "") for e in den_entries[1:]).strip() or "this"
        op = _Derivative(self._variable(self._chain(den_entries[1:], env), text), text)
        if len(num_entries) == 1:
            return op
        return self._operate(op, num_entries[1:], env)

    @staticmethod
    def _inner(arg):
        if _kind(arg) == "group":
            if len(arg.children) != 1:
                raise FormulaError("a relation or nothing inside braces")
            return arg.children[0]
        return arg

    def _marker_base(self, entry: _Entry) -> str | None:
        word = _word(_base(entry.item))
        # d marks a derivative unless the notation gives the letter d a meaning of its own.
        if word == "\\partial" or (word == "d" and self.notation.kind_of("d") is None):
            return word
        return None

    def _marker(self, entry: _Entry) -> str | None:
        if entry.op is not None or entry.negative or _scripts(entry.item):
            return None
        return self._marker_base(entry)

    # --- items ---------------------------------------------------------------------------------

    def _item(self, item: Tree, env):
        base, scripts = _base(item), _scripts(item)
        kind = _kind(base)
        if kind in ("letter", "command", "word", "text"):
            word = _word(base)  # a command keeps its backslash: \theta
            if word == "\\sum":
                return self._sum(scripts, env)
            if word == "\\nabla":
                return self._nabla(scripts, env)
            if word == "\\partial":
                raise FormulaError("\\partial outside a derivative fraction")
            if kind == "text" and not word.replace(" ", "").isalpha() or (kind == "text" and " " in word):
                raise FormulaError(f"text {word!r} in a formula")
            head = self._meaning(word, env)
            if head is None:
                what = "command" if kind == "command" and word[1:] not in _GREEK else "name"
                raise FormulaError(f"unknown {what} {word} (declare it in the notation file)")
            return self._scripted(head, scripts, env)
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
            if not (n.expr.is_Integer and 2 <= n.expr <= V.MAX_EXPONENT) or n.is_vector:
                raise FormulaError("the degree of a root must be a whole number from 2 to 64: \\sqrt[3]{x}")
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
        if word == "e":
            return V.Value(sp.E)
        if word == "\\pi":
            return V.Value(sp.pi)
        if bare in _BUILTIN_FUNCTIONS and (word.startswith("\\") or len(word) > 1):
            return _Fn(_BUILTIN_FUNCTIONS[bare], word)
        if word in ("softmax", "\\softmax"):
            return _Fn("softmax", word)
        if bare in _ELLIPSES:
            raise FormulaError(f"an ellipsis ({word}) cannot be read")
        return None

    def _scripted(self, head, scripts: list[Tree], env):
        subs = [s for s in scripts if s.data == "sub_script"]
        sups = [s for s in scripts if s.data == "sup_script"]
        primes = [s for s in scripts if s.data == "prime"]
        if len(subs) > 1 or len(sups) > 1:
            raise FormulaError("a double subscript or superscript")
        if isinstance(head, _Matrix):
            if not subs:
                raise FormulaError(f"the matrix {head.name} is read only entry by entry ({head.name}_{{ij}})")
            indices = self._indices(subs[0].children[1], env)
            if len(indices) != 2:
                raise FormulaError(f"the matrix {head.name} needs two indices")
            head = V.Value(head.base[tuple(indices)])
            subs = []
        if isinstance(head, (_Sum, _Derivative)):
            raise FormulaError("scripts on an operator")
        if isinstance(head, tuple):
            raise FormulaError("scripts on a list")
        if subs:
            if isinstance(head, _Fn):
                raise FormulaError(f"a subscript on the function {head.name}")
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

    def _power(self, base: V.Value, arg, env) -> V.Value:
        word = _word(arg)
        if word in ("T", "\\top", "\\intercal", "\\mathsf{T}") and base.is_vector:
            raise FormulaError("a transpose is not read")
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

    def _sum(self, scripts, env) -> _Sum:
        subs = [s for s in scripts if s.data == "sub_script"]
        sups = [s for s in scripts if s.data == "sup_script"]
        if len(subs) != 1 or len(sups) > 1 or len(scripts) != len(subs) + len(sups):
            raise FormulaError("a sum needs one subscript naming its index (and at most one upper limit)")
        arg = subs[0].children[1]
        lower, excluded = sp.S.One, None
        if _kind(arg) == "group":
            if len(arg.children) == 3:
                left, rel, right = arg.children
                letter = self._sum_letter(left)
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
        return _Sum(Idx(letter, (lower, upper)), letter, excluded)

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
          "Omega"}
