"""The reader: one term of a chain, parsed by the grammar, turned into SymPy through the notation.

Whatever the reader is unsure of raises FormulaError with the reason: an unknown name, a product
of two vectors, a function whose reach is unclear, a subscript that is not an index. A term is
never read by guessing.
"""

from __future__ import annotations

import contextlib
import dataclasses
import itertools
import re
from collections import Counter

import sympy as sp
from lark import Token, Tree
from lark.exceptions import LarkError
from sympy import Idx

from ..errors import FormulaError, IndexRangeError
from ..model import UNDEFINED, Axis, Reading, Side
from ..normal import replace_free
from sympy.core.symbol import Str
from ..notation import Definition, FamilyTerm, Unrolled, fresh_index, size, sum_except, vector, scalar
from . import products as P
from . import values as V
from .grammar import CLOSED_IN_FRACTIONS, FRACTION_PARENTHESES, parser
from .limits import MAX_DIGITS, MAX_SCRIPT_DEPTH, check_formula
from .notation_file import Notation
from .syntax import (
    ACCENTED, accented,
    ELLIPSES, BUILTIN_FUNCTIONS, DEFINABLE_WORDS, UNREAD_WORDS, unread, MAX_PRODUCT_RUN, MAX_ORDER, symbol_name, Fn,
    SumOp, DerivativeOp, MatrixHead, Entry, lark_reason, item_base, item_scripts,
    node_kind, node_word, GREEK, script_word, function_label, family_letter, word_label, WORD_LABELS, names_under,
    derived_by, written_name,
)
from .usage import Usage
from .context import DocumentContext, _bold_letter
from .derivatives import NABLA_ALONE, VECTOR_HESSIAN_NOTE, DerivativeReading, kept_base
from .indicator import ORDERS, IndicatorReading
from .random_variables import RandomReading
from .limit_of import LimitReading, one_sided
from .integral_of import IntegralReading, SeriesReading
from .written import WrittenReading, ellipsis_of
from .notation_file import default_notation
from .products import MatrixTerm

__all__ = ["Reader", "symbol_name", "ROUNDED_DIGITS", "rounded_decimals"]

# A decimal of this many significant digits or more inside arithmetic may be a rounded value ("1 - 0.99409" of
# 1 - P(X <= 15)): a link it stands in is refuted only where no value it rounds makes it hold (see verify).
ROUNDED_DIGITS = 3
_DECIMAL = re.compile(r"(?<![\\\w.])(\d*)\.(\d+)")


def rounded_decimals(text: str) -> bool:
    """Whether a term writes a decimal that may be rounded (ROUNDED_DIGITS significant digits or more)."""
    return any(len((m.group(1) + m.group(2)).lstrip("0")) >= ROUNDED_DIGITS for m in _DECIMAL.finditer(text))


# a function applied to a name, all inside \text{...}: softmax(x), sigmoid(z_2)
_TEXT_CALL = re.compile(r"([A-Za-z]+)\s*\(\s*([A-Za-z](?:_[A-Za-z0-9])?)\s*\)")


# \partial z_k / \partial W_{kj}, written inline: the derivative fraction \frac{\partial z_k}{\partial W_{kj}}
_NAME_WRITTEN = (r"(?:\\(?:mathbf|boldsymbol|bm|hat|bar|tilde|vec)\s*\{\s*(?:\\[A-Za-z]+|[A-Za-z])\s*\}"  # \mathbf{y}
                 r"|\\[A-Za-z]+|[A-Za-z])(?:\s*_\s*(?:\{[^{}$]*\}|[A-Za-z0-9]))?")
_SLASH_DERIVATIVE = re.compile(r"\\partial\s*(" + _NAME_WRITTEN + r")\s*/\s*\\partial\s*(" + _NAME_WRITTEN + r")")

# The bar of an evaluation, \left. ... \right|_{x = a} or ... \Big|_{x = a}, at the end of a term
_BAR_END = re.compile(r"(?:\\right\s*|\\(?:big|Big|bigg|Bigg)r?\s*)?(?:\||\\vert|\\rvert)\s*_\s*$")
_LEFT_DOT = re.compile(r"^\s*\\left\s*\.")


def _evaluation_bar(text: str) -> tuple[str, str] | None:
    """(the formula, what is written under the bar) of a term that ends with an evaluation bar |_{x = a},
    or None. A bar that closes an absolute value (|x|_{...}) is not one."""
    stripped = text.rstrip()
    if not stripped.endswith("}"):
        return None
    depth, start = 0, None
    for n in range(len(stripped) - 1, -1, -1):
        if stripped[n] == "}" and (n == 0 or stripped[n - 1] != "\\"):
            depth += 1
        elif stripped[n] == "{" and (n == 0 or stripped[n - 1] != "\\"):
            depth -= 1
            if depth == 0:
                start = n
                break
    if start is None:
        return None
    bar = _BAR_END.search(stripped[:start])
    if bar is None or "=" not in stripped[start + 1:-1]:
        return None
    body, closing = stripped[:bar.start()], stripped[bar.start():start]
    opened = _LEFT_DOT.match(body)
    if "\\right" in closing:
        if opened is None:
            return None
        body = body[opened.end():]
    elif opened is not None:
        return None
    plain_bars = len(re.findall(r"(?<!\\)\||\\[lr]?vert(?![A-Za-z])", body))
    if plain_bars % 2:
        return None  # |x|_{...}: the bar closes an absolute value
    return body, stripped[start + 1:-1]


_THOUSANDS = re.compile(r"(?<![\d.])\d{1,3}(?:(?:\{,\}|\\,)\d{3})+(?![\d.])")


def parenthesized_order(arg) -> bool:
    """A superscript in parentheses, f^{(3)}: the order of a derivative, never a power."""
    if node_kind(arg) == "group" and len(arg.children) == 1 and node_kind(arg.children[0]) == "product" \
            and len(arg.children[0].children) == 1:
        item = arg.children[0].children[0]
        return node_kind(item) == "item" and node_kind(item_base(item)) == "paren" and not item_scripts(item)
    return node_kind(arg) == "paren"


def written_order(arg) -> int | None:
    """The order n of f^{(n)} written as a whole number (1 to MAX_ORDER) in parentheses, or None."""
    if not parenthesized_order(arg):
        return None
    paren = arg if node_kind(arg) == "paren" else item_base(arg.children[0].children[0])
    if len(paren.children) != 1 or node_kind(paren.children[0]) != "product" or len(paren.children[0].children) != 1:
        return None
    item = paren.children[0].children[0]
    if node_kind(item) != "item" or item_scripts(item) or node_kind(item_base(item)) != "number":
        return None
    digits = str(item_base(item).children[0])
    return int(digits) if digits.isdigit() and 1 <= int(digits) <= MAX_ORDER else None


# 60^\circ, 22.5^{\circ}: an angle in degrees; 37^\circ C, 30^\circ\mathrm{F}: a temperature
_DEGREES = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)\s*\^\s*(?:\\circ\b|\{\s*\\circ\s*\})")
_TEMPERATURE = re.compile(r"\s*(?:\\[,;: ]\s*)*(?:\\(?:text|mathrm|textrm)\s*\{\s*)?[CF](?![A-Za-z])")


def degrees(text: str) -> tuple[str, bool]:
    """60^\\circ as the angle (60 \\cdot \\frac{\\pi}{180}) in radians, and whether the text wrote one; a
    temperature (37^\\circ C) is refused."""
    out, at, found = [], 0, False
    for m in _DEGREES.finditer(text):
        if _TEMPERATURE.match(text, m.end()):
            raise FormulaError(f"{m.group(1)}^\\circ C is a temperature: a number of degrees Celsius or Fahrenheit is "
                               "not read (write the number alone)")
        out.append(text[at:m.start()] + f"\\left({m.group(1)} \\cdot \\frac{{\\pi}}{{180}}\\right)")
        at, found = m.end(), True
    return "".join(out) + text[at:], found


def thousands(text: str) -> str:
    """25{,}600{,}000 and 25\\,600\\,000: a number written with its thousands apart, read as one number."""
    return _THOUSANDS.sub(lambda m: re.sub(r"\{,\}|\\,", "", m.group(0)), text)


# a superscript that transposes (x^T, x^\top), never a power or an iterate's label
_TRANSPOSE_WORDS = ("T", "\\top", "\\intercal", "\\mathsf{T}", "\\mathrm{T}", "\\mathsf", "\\mathrm")


class Reader(DocumentContext, DerivativeReading, IndicatorReading, WrittenReading, RandomReading, LimitReading,
             IntegralReading, SeriesReading):
    """Reads terms under one notation."""

    def __init__(self, notation: Notation):
        self.notation = notation
        # (a size a declaration gives as a number, x in R^2, is that number)
        self.sizes = {name: sp.Integer(int(name)) if name.isdigit() else size(name) for name in notation.sizes}
        self.bases = {name: vector(symbol_name(name)) for name in (*notation.vectors, *notation.matrices)}
        self.scalars = {name: scalar(symbol_name(name)) for name in notation.scalars}
        self.multiletter = {k for k in (*notation.vectors, *notation.matrices, *notation.scalars,
                                        *notation.functions, *notation.sizes, *notation.aliases)
                            if len(k) > 1 and not k.startswith("\\")} | set(BUILTIN_FUNCTIONS) | UNREAD_WORDS
        self._script_depth = 0
        self.lambdas: dict[str, sp.Lambda] = {}  # functions the document defines, f(x) = ...
        self.overloads: dict[str, dict[int, sp.Lambda]] = {}  # H(p) beside H(p, q): the others, by their arity
        self.lambda_domains: dict[str, tuple] = {}  # what each of them needs of its argument: sqrt x: x >= 0
        self.values: dict[str, V.Value] = {}  # names the document defines, z = ... (every definition unfolded)
        self.matrix_values: dict[str, V.Value] = {}  # names the document defines as a matrix, F = X^T X
        self.examples: set[str] = set()  # declared names a display gives a written-out value (an example)
        self.shallow: dict[str, sp.Expr] = {}  # the same, with the defined names they use kept as names
        # defined vectors (a = tanh(z), u_i = ...), read as ``shallow`` is: for dL/da, the gradient through a
        self.shallow_vectors: dict[str, V.Value] = {}
        self.log_base = None  # (base, line) where the prose says what \log means ("to base 2")
        self.ones_length = None  # (size, as written, line) where the prose says "\mathbf{1} \in \mathbb{R}^n"
        self.iterate_names: dict[str, int] = {}  # x of "x^{k+1} = x^k - ...": its superscripts count iterations (line)
        self.pi_constant = True  # whether the document writes the constant pi somewhere (2\pi, \sqrt{\pi}, \cos \pi t)
        self.past_used: list[str] = []  # the functions defined past a side not read that the term being read applies
        self.bars_length = 0  # the line where the words say |a| of a vector is its length (0: they never do)
        # a list while a term is read again with each decimal of three significant digits or more as a rounded value
        # (0.99409 as 0.99409 + 0.000005 e, e in [-1, 1]): the symbols e, in order; None otherwise
        self.rounding: list | None = None
        self.pi_named = ""  # where the document uses \pi as a name (\pi_1, \pi^\top, \pi = (...)), as words say it
        self.default_norm = None  # (p, line) where the prose says what an unsubscripted norm is
        # the other terms of a defining chain (y = 1/(1 + e^{-x}) = z^{-1}), read as ``shallow`` is, with
        # their lines: y written in z, for dy/dz
        self.forms: dict[str, list[tuple[sp.Expr, int | None]]] = {}
        self._shallow = False  # read defined names as names (for a derivative with respect to one of them)
        self.defined_at: dict[str, int] = {}  # the line of each definition: it holds from there on
        self.unsettled_lines: dict[str, set[int]] = {}  # lines where a name is defined twice: known on neither
        self.definitions_by_line: dict = {}  # key (first term's offset) of a defining chain -> the name it defines
        self.last_link_definitions: dict = {}  # key of a chain whose last link defines a name -> the name
        self.overrides: set[str] = set()  # defined names whose definition replaces a default meaning
        self.stated: dict[str, int] = {}  # names the document declares in its prose -> the first line
        self.defined_until: dict[str, int] = {}  # a definition ends where the prose declares the name anew
        self.declared_lines: dict[str, list[int]] = {}  # the lines where the prose declares each name
        self.heading_lines: list[int] = []  # a definition replacing a default holds to the end of its section
        self.heading_levels: dict[int, int] = {}  # each heading's depth by line (# 1, ## 2, a part deepest, --- 0)
        self.described_functions: dict[str, tuple] = {}  # "$\\Phi$ is the standard normal CDF": name -> (line, words)
        self.earlier_variables: dict[str, set] = {}  # a function defined anew: name -> its earlier definitions' variables
        self.topic_lines: list[int] = []  # the run-in headings (\\paragraph): a new topic, where a name may be defined anew
        self.part_lines: list[int] = []  # the headings that mark the parts of a problem, (a), (b)
        self.entry_functions: dict[str, tuple] = {}  # g(\theta_i) = ...: name -> (vector base, index, body)
        # J(w) = ..., w a vector: name -> (w's base, its length, the formula, the formula's domain)
        # L(W) = ..., L(U, V) = ... of matrices: name -> the arguments as read (L is read at them only)
        self.matrix_functions: dict[str, tuple] = {}
        self.vector_functions: dict[str, tuple] = {}
        self.matrix_valued: dict[str, tuple] = {}  # R(alpha) = a matrix written out: name -> (alpha, the matrix)
        self.size_sequences: dict[str, tuple] = {}  # S_N = formula in the size N: name -> (N, the formula)
        self._vector_calls = 0  # J(v) read so far: each renames its argument's dummies apart
        self.defining_lines: set[int] = set()  # lines whose prose says they give a name its meaning
        self.prime_transpose = False  # the document writes the transpose with a prime (X'X), as it says
        self.part_start: int | None = None  # the heading line the part of the document read here starts at
        self.part_end: int | None = None  # and the line it ends at
        self.row_families: dict[str, str] = {}  # x_i^T is the i-th row of X: "x" -> "X"
        self.used_families: dict[str, int] = {}  # x of x_i^T w: a family of vectors from its use -> the line
        self.numeric_definitions: set[str] = set()  # the names a chain gives a number as written (s = 2^{-1/3})
        # x_k = 2k said "for $k \\le 3$": line -> (x, k, the condition); the formula gives x nowhere else
        self.conditional_definitions: dict[int, tuple[str, str, str]] = {}
        self.said_names: set[str] = set()  # the names the prose says something of, by symbol name
        self.said_onehot: set[str] = set()  # the labels the prose says are one-hot
        self.declared_names: set[str] = set()  # those of them it declares ("$P \\in \\mathbb{R}^{n \\times K}$")
        self.recurrences: dict[str, tuple] = {}  # v_t = beta v_{t-1} + g_t: v -> (t, its line)
        self.entry_aliases: dict[str, tuple] = {}  # w of w_{ij} beside a declared matrix W -> (W, its line)
        self.families: dict[str, tuple] = {}
        self.unread_families: dict[str, int] = {}  # T of a T_n(x) = ... not read -> its line
        self.worked_names: dict[str, tuple] = {}  # q of "so $q = 3$" -> (its line, the chain's offset, the words)
        self.doubted_lines: dict[int, int] = {}  # line after words that may take back a formula ("cannot be") -> their line
        self.correcting_lines: set[int] = set()  # lines of displays the words call a correction ("the correct ...")
        self.corrected: dict[str, tuple] = {}  # a defined name given anew as a correction -> (its line, why[, end])  # T_{n+1}(x) = 2x T_n(x) - T_{n-1}(x): T -> (n, its line, T_0 .. T_K)
        self._bold = False  # reading the symbol under a bold font
        self.bold_guessed: set[str] = set()  # undeclared names in bold read as numbers (u of \mathbf{u}), per read
        self.bold_e_alone = False  # the document writes a bold e with no subscript (a vector e, not Euler's)
        self.delta_numbers: set[str] = set()  # \delta, \Delta the document only ever writes as a number
        self.delta_defined: set[str] = set()  # \delta, \Delta the document defines (delta_2 = ...): a name
        self.unrolled: dict[str, sp.Tuple] = {}  # v -> its values at steps 0, 1, ..., K, for v_t at a general step
        self.numbered_bases: set[str] = set()  # the sequences of a recurrence (v, g): v_2, g_1 are numbers
        self.redefined: dict[str, int] = {}  # built-in functions the document defines its own way: name -> line
        self.parametric: dict[str, tuple] = {}  # g(x; w) = ...: name -> ((x, w, ...), body, domain)
        self.line: int | None = None  # the line being read (None: every definition holds)
        self.function_letters: set[str] = set()  # undeclared letters the document applies as functions
        self.scalar_letters: set[str] = set()  # undeclared letters the document uses as factors
        self.guesses: Counter = Counter()  # undeclared names read as real scalars in the last read (a[]: entries)
        self.inferred: dict[str, tuple[str, int]] = {}  # name -> how the document's use of it was read, line
        self.conflicts: dict[str, str] = {}  # name -> its two inconsistent uses, by line
        self.zero_start: dict[str, int] = {}  # "for j = 0, ..., N": index letter -> the line that starts it at 0
        # s_0 beside s_j, a sum from 0 running over s (InfoNCE's scores): the vectors the document numbers from 0, name ->
        # the line that writes entry 0. Entry 0 is a number of its own (s_0), entries 1.. those of the vector s, and a
        # sum from 0 over them is entry 0 plus the sum from 1; the whole vector (s, \nabla_s) is not read.
        self.zero_based: dict[str, int] = {}
        self._named: list = []  # the names whose scripts are being read, innermost last
        self._implicit_sums: set = set()  # the indices of sums written without a lower limit (\sum_j)
        self.entry_formulas: dict[str, tuple] = {}  # s_j = formula in j: name -> (j, the formula as written)
        self.applied_conflicts: dict[str, str] = {}  # bold names never read applied to (...): name -> why
        self.case_defined: set[str] = set()  # functions a display defines by cases it does not read: never redefined
        # functions a chain defines by a side past one that is not read (D(q) = KL(...) = formula): name -> (side, why)
        self.defined_past: dict[str, tuple[str, str]] = {}
        self.excluded: set[str] = set()  # the free indices the last read's sums leave out (\sum_{i \neq j}: j)
        self.prose_sizes: set[str] = set()  # sizes the prose introduces (R^d), not the notation file
        self.usage = Usage()
        self.label_vectors: dict[str, tuple] = {}  # u_o read as a vector: "u_o" -> (its base, its length)
        self.label_conflicts: dict[str, str] = {}  # "v_c" -> why it is read neither way (two uses, by line)
        self.typed_from_use: dict[str, tuple] = {}  # name -> (shape, kind, use, line, ambiguous): read.types
        self.either: dict[str, tuple[str, str]] = {}  # capitals read as matrices and as numbers -> (rows, cols)
        self._whole = None  # the item that is the whole term being read (a written-out matrix may only be that)
        self._whole_factors: set[int] = set()
        self.notes: list[Reading] = []  # readings the last read chose (the identity, a Jacobian's layout)
        self.notes_by_text: dict[str, tuple[Reading, ...]] = {}  # the same, for each term read
        self._default_sizes = False  # the last read used a vector whose length is a default
        self.entrywise_chain = False  # the last chain's sides read a diagonal Jacobian entry by entry
        self.sequence_names: set[str] = set()  # sequences at a general step (read.sequences): x_k is a number
        # names of numbers at each step of a sequence (its data x_k, gradients g_t), no sequence of their own: the
        # step letter each is written with; x_{k+1}, x_{k-1} are numbers of their own too
        self.step_data: dict[str, str] = {}
        self.subscript_letters: set[str] = set()  # letters the document writes only as subscripts (p_y, E_v)
        self.subscript_lengths: dict[str, sp.Expr] = {}  # the length of the vectors each of them indexes
        self.step_free_now: dict[str, str] = {}  # the steps (and letters) of which this chain holds only the lowest term
        self.abstract: dict = {}  # L given only by its gradient (g_i = dL/dy_i): name -> derivatives.Upstream
        self._upstream_probe: list | None = None  # (reading g_i = dL/dy_i to find L and y: see _define_upstream)
        self.random_used: set[str] = set()  # random variables whose laws the readings used
        self.law_functionals: set[str] = set()  # h of h(X) = ..., X a random variable: a property of X's law

    def dotted_functions(self) -> str:
        """The one-letter functions of one variable the document defines, in force (x of x(t) = A cos(w t))."""
        return "".join(sorted(n for n, f in self.lambdas.items() if len(n) == 1 and n.isalpha() and n not in "de"
                              and len(f.variables) == 1 and n not in self.vector_functions and self._in_force(n)))

    # --- public ------------------------------------------------------------------------------

    def read(self, text: str) -> V.Value:
        """The value of one term; FormulaError with the reason when it cannot be read."""
        check_formula(text)
        if not text.strip():
            raise FormulaError("empty formula")
        if self.pi_named and not (symbol_name("\\pi") in self.values and self._in_force(symbol_name("\\pi"))) \
                and _bare_pi(text):
            # "stationary distribution $\pi = (5/6, 1/6)$", then $\pi P = \pi$: the vector, never 3.14159...
            raise FormulaError(f"\\pi written alone, where the document also uses \\pi as a name ({self.pi_named}): "
                               "the number \\pi or that name? write \\boldsymbol{\\pi} for a vector, or use another "
                               "letter for the name")
        written = text
        text = newton_dots(text, self.dotted_functions())
        spaced = _SPACED_ROW.search(text)
        if spaced:
            # [\, v_1 \; v_2 \; v_3 \,]: the matrix whose columns they are, or their product? (spacing never matters)
            raise FormulaError(f"names set apart by spaces in brackets ({' '.join(spaced.group(0).split())}) are a "
                               "matrix of columns or a product: write \\begin{bmatrix} v_1 & v_2 \\end{bmatrix} for "
                               "the matrix, \\cdot for a product")
        text = _SLASH_DERIVATIVE.sub(r"\\frac{\\partial \1}{\\partial \2}", text)  # \partial z / \partial w
        text = one_sided(text)  # \lim_{x \to 0^+}: x \downarrow 0
        text = thousands(text)  # 25{,}600{,}000: one number
        text, in_degrees = degrees(text)  # 60^\circ: 60 pi / 180
        text = divergence_bars(text)  # D(p \| q): the arguments of a divergence, D(p, q)
        evaluated = _evaluation_bar(text)
        if evaluated is not None:
            return self._evaluated(text, *evaluated)
        positive = _positive_parts(text)  # (x + 1)_+: the positive part, \max(0, x + 1)
        try:
            tree = parser().parse(positive)
        except LarkError as exc:
            raise FormulaError(lark_reason(exc)) from None
        closed = CLOSED_IN_FRACTIONS[0]
        self._script_depth = 0
        self.guesses = Counter()
        self.bold_guessed: set[str] = set()  # undeclared names in bold read as numbers (u of \mathbf{u})
        self._whole = _whole_item(tree)
        # (the factors of a side that is one product: c (a, b, c) there is a number times a vector)
        self._whole_factors = {id(c) for c in tree.children} if node_kind(tree) == "product" else set()
        self.notes = []
        if in_degrees:
            self.notes.append(Reading("inferred", "$n^\\circ$ is an angle of $n$ degrees, $n \\pi / 180$ in radians"))
        if positive != text:
            self.notes.append(Reading("inferred", "$(\\cdot)_+$ is read as the positive part, $\\max(0, \\cdot)$"))
        self.excluded = set()
        self._implicit_sums = set()
        self._default_sizes = False
        try:
            with V.domain_conditions() as domain:
                value = self._expr(tree, {})
                if isinstance(value, MatrixTerm):
                    value = P.to_value(value)
        except P.ShapeMisfit as exc:
            if self._default_sizes:
                # a length derive assumed (x of length N) may be what does not fit: not refuted on a guess
                raise FormulaError(f"{exc}; a length here is guessed (a default, or from the names' use): declare "
                                   "the vectors' sizes (\"$h \\in \\mathbb{R}^m$\")") from None
            value = V.Value(UNDEFINED, misfit=exc.misfit)
        except (ValueError, TypeError) as exc:
            # SymPy refusing to build something the grammar accepts: not read, with SymPy's reason.
            raise FormulaError(f"the formula cannot be built: {' '.join(str(exc).split())[:200]}") from None
        if closed:
            value = value.with_expr(value.expr, FRACTION_PARENTHESES)
        self.notes_by_text[text] = self.notes_by_text[written] = tuple(dict.fromkeys(self.notes))
        value = dataclasses.replace(value, domain=tuple(dict.fromkeys(domain)))
        both = {g for g, n in self.guesses.items() if n > 0 and f"{g}[]" in self.guesses}
        if both:
            name = sorted(both)[0]
            raise FormulaError(f"{name} is used both as a scalar and as a vector with entries {name}_i here")
        return value

    def _evaluated(self, text: str, body: str, under: str) -> V.Value:
        """f(x) |_{x = a}: the number-valued formula f at x = a (a derivative taken first, then evaluated)."""
        if len(re.findall(r"\\left(?![A-Za-z])", body)) != len(re.findall(r"\\right(?![A-Za-z])", body)):
            raise FormulaError("an evaluation bar \\left. ... \\right|_{x = a} is read only around a whole side")
        value = self.read(body)
        if value.is_vector or value.is_matrix or value.misfit is not None or value.expr is UNDEFINED:
            raise FormulaError("an evaluation bar |_{x = a} is read only after a number-valued formula")
        notes, domain = list(self.notes), list(value.domain)
        # (every read starts its guesses anew: the names the formula and the point guess are all this side's)
        guesses, bold = Counter(self.guesses), set(self.bold_guessed)
        names, points = [], []
        for part in under.split(","):
            if part.count("=") != 1:
                raise FormulaError("under an evaluation bar write the point as |_{x = a} (or |_{x = a, y = b})")
            name, point = part.split("=")
            variable = self.read(name)
            notes += self.notes
            if variable.is_vector or variable.is_matrix or not isinstance(variable.expr, sp.Symbol) \
                    or isinstance(variable.expr, Idx) or variable.expr in names:
                raise FormulaError("the variable under an evaluation bar |_{x = a} must be a number's name")
            if variable.expr not in value.expr.free_symbols and value.expr.free_symbols:
                # \eta|_{T_cur = T_i/3} of an eta whose formula is not read: as read it does not hold the variable,
                # and the bar would change nothing of what the author evaluates
                raise FormulaError(f"the formula before the evaluation bar does not hold {name.strip()} as read: "
                                   "what it is evaluated at is not read (write the formula itself before the bar)")
            at = self.read(point)
            guesses.update(self.guesses)
            bold |= self.bold_guessed
            notes += self.notes
            if at.is_vector or at.is_matrix or at.misfit is not None or at.expr is UNDEFINED:
                raise FormulaError("the point under an evaluation bar |_{x = a} must be a number")
            names.append(variable.expr)
            points.append(at.expr)
            domain += at.domain
        expr = value.expr
        if expr.free_symbols & set(names):
            expr = sp.Subs(expr, tuple(names), tuple(points))
        mapping = dict(zip(names, points))
        domain = [replace_free(c, mapping) if isinstance(c, sp.Basic) else c for c in domain]
        domain = [c for c in domain if c not in (sp.true, True)]
        self.notes = list(dict.fromkeys(notes))
        self.notes_by_text[text] = tuple(self.notes)
        self.guesses, self.bold_guessed = guesses, bold
        return dataclasses.replace(value.with_expr(expr), domain=tuple(dict.fromkeys(domain)))

    def _note(self, text: str) -> None:
        """A built-in reading the term relies on (\\nabla^2 as the Hessian), for the step's readings."""
        self.notes.append(Reading("default", text))


    def side(self, value: V.Value, axis: Idx | None = None) -> Side:
        """The Side of a term's value; vectors are given by their entry at ``axis``, a matrix by its entry at
        two indices of its own."""
        if value.misfit is not None:
            return Side(UNDEFINED, misfit=value.misfit)
        if value.is_matrix and value.expr.atoms(Idx) & {V.row_index(value.size), V.col_index(value.cols)}:
            # a matrix product (AB, u v^T); a written-out matrix is placed below, its rows along ``axis``
            taken = {str(s) for s in value.expr.atoms(sp.Symbol, Idx)} | {str(axis)}
            letters = [c for c in "ijklmnpqrsuvw" if c not in taken] + ["i_0", "i_1"]
            r, c = Idx(letters[0], (1, value.size)), Idx(letters[1], (1, value.cols))
            placeholder = {V.row_index(value.size): r, V.col_index(value.cols): c}
            return Side(value.expr.xreplace(placeholder), (Axis(value.size, r), Axis(value.cols, c)),
                        value.conventions, _domain(value, value.expr, placeholder))
        if not value.is_vector and not value.is_matrix:
            return Side(value.expr, (), value.conventions, _domain(value, value.expr))
        if axis is None and value.is_matrix:
            taken = {str(s) for s in value.expr.atoms(sp.Symbol, Idx)}
            axis = Idx(next((c for c in "ijklmnpqrsuvw" if c not in taken), "i_0"), (1, value.size))
        if axis is None:
            raise FormulaError("a vector side needs an axis index")
        placeholder = {V.entry_index(value.size): axis}
        axes = (Axis(sp.S.One), Axis(value.size, axis)) if value.row else (Axis(value.size, axis),)
        if value.is_matrix:
            if axis.upper != value.size:
                axis = Idx(axis.label, (1, value.size))
                placeholder = {V.entry_index(value.size): axis}
            taken = {str(s) for s in value.expr.atoms(sp.Symbol)} | {str(axis)}
            letter = next((c for c in "klmnpqrsuvwabcdefgh" if c not in taken), "k_0")
            column = Idx(letter, (1, value.cols))
            placeholder[V.column_index(value.cols)] = column
            axes = (Axis(value.size, axis), Axis(value.cols, column))
        expr = value.expr.xreplace(placeholder)
        return Side(expr, axes, value.conventions, _domain(value, value.expr, placeholder))

    def sides(self, values: list, axis: Idx | None) -> list:
        """The Sides of a chain's terms (None where a term was not read). A diagonal Jacobian (the
        derivative of an entry-wise function) in a chain whose other terms are vectors of its length
        is read entry by entry, as the other terms are (a convention the verdict names)."""
        read = [v for v in values if v is not None]
        self.entrywise_chain = False
        if axis is not None and not any(v.is_matrix and v.alternative is None for v in read):
            chosen = [v.alternative if v is not None and v.alternative is not None
                      and v.alternative.size == axis.upper else v for v in values]
            self.entrywise_chain = chosen != values
            values = chosen
        return [self.side(v, axis) if v is not None else None for v in values]

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
            if value.is_matrix or value.misfit is not None:
                raise FormulaError(f"definition of {name}: the formula is a matrix, or its shapes do not fit; "
                                   "a defined name is a vector or a scalar")
            if name in self.notation.vectors:
                want = self.size_symbol(self.notation.vectors[name])
                if value.size != want or value.is_matrix:
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
        if any(ellipsis_of(t) is not None for _, t in terms):
            if any(negative for negative, _ in terms) or (isinstance(node, Tree) and node.data in ("neg", "pos")):
                raise FormulaError("a sum written out with an ellipsis is read only with + between its terms "
                                   "(a_1 + a_2 + \\dots + a_N)")
            return self._written_sum([node] + [t for _, t in reversed(terms)], env)
        if isinstance(node, Tree) and node.data in ("neg", "pos"):
            first = self._product(node.children[1], env)
            if node.data == "neg":
                first = P.as_term(first).scaled(-1) if isinstance(first, MatrixTerm) or first.is_matrix \
                    else first.with_expr(-first.expr)
        else:
            first = self._product(node, env)
        total = first
        summed = self._top_sum_letters(node.children[1] if isinstance(node, Tree) and node.data in ("neg", "pos")
                                       else node, env)
        for negative, right in reversed(terms):
            value = self._product(right, env)
            self._check_outside_sum(summed, value, env)
            summed |= self._top_sum_letters(right, env)
            if isinstance(total, MatrixTerm) or isinstance(value, MatrixTerm) or total.is_matrix or value.is_matrix:
                total = P.add(self._identity_or(total, value), self._identity_or(value, total), negative)
                continue
            self._check_broadcast(total, value)
            total = V.combine(total, value, (lambda a, b: a - b) if negative else (lambda a, b: a + b))
        return P.finish(total) if isinstance(total, MatrixTerm) else total

    def _top_sum_letters(self, node, env) -> set[str]:
        """The letters the sums heading a term bind (\\sum_i x_i: i), outside parentheses."""
        items = node.children if node_kind(node) == "product" else [node] if node_kind(node) == "item" else []
        out = set()
        for item in items:
            if node_kind(item) != "item" or node_word(item_base(item)) not in ("\\sum", "\\prod"):
                continue
            # (only the letter is asked: a limit read on the way leaves no guess, \sum_{j=1}^{\ell} inside a sum over \ell)
            guesses, notes = self.guesses.copy(), list(self.notes)
            try:
                out.add(self._sum(item_scripts(item), env, product=node_word(item_base(item)) == "\\prod").letter)
            except FormulaError:
                pass
            finally:
                self.guesses, self.notes = guesses, notes
        return out

    @staticmethod
    def _check_outside_sum(summed: set[str], value, env) -> None:
        """\\sum_i x_i + x_i: the sum ends at '+', so the x_i after it is outside it; an author may mean
        either. Refused unless the letter is bound around the whole (an enclosing sum's index)."""
        if not summed or isinstance(value, MatrixTerm):
            return
        free = {str(s) for s in value.expr.free_symbols if isinstance(s, Idx)}
        clash = sorted(letter for letter in summed if letter in free and letter not in env)
        if clash:
            i = clash[0]
            raise FormulaError(f"the sum over {i} ends at the + or - after it, so the {i} that follows is outside "
                               f"the sum: write parentheses, \\sum_{{{i}}} (a_{i} + b_{i}) or "
                               f"\\left(\\sum_{{{i}}} a_{i}\\right) + b_{i}")

    def _identity_or(self, value, other):
        """value, or the identity it names: an undeclared I (c I) added to or multiplied with a matrix or a
        vector is the identity matrix of the size it meets."""
        if isinstance(value, MatrixTerm) or value.is_vector or value.row or value.is_matrix:
            return value
        if not (isinstance(other, MatrixTerm) or other.is_vector or other.row or other.is_matrix):
            return value
        ident = scalar("I")
        if self.guesses.get("I", 0) <= 0 or ident not in value.expr.free_symbols:
            return value
        c = value.expr.coeff(ident)
        if c == 0 or ident in c.free_symbols or sp.expand(value.expr - c * ident) != 0:
            return value
        self.guesses["I"] -= 1
        self.notes.append(Reading("default", "$I$ is read as the identity matrix (it is not declared)"))
        term = P.identity()
        return term if c == 1 else term.scaled(c)

    def _check_broadcast(self, a: V.Value, b: V.Value) -> None:
        """A vector plus an undeclared name: the name is a number added to every entry, or a vector the
        document never indexes; refused rather than guessed."""
        for vec, other in ((a, b), (b, a)):
            if vec.is_vector and not other.is_vector:
                names = sorted(s.name for s in other.expr.free_symbols  # (c, a number by default: added to each)
                               if isinstance(s, sp.Symbol) and self.guesses.get(s.name, 0) > 0
                               and self.notation.kind_of(s.name) != "scalar")
                if names:
                    raise FormulaError(f"a vector plus {names[0]}: {names[0]} is not declared, so it may be a number "
                                       f"added to every entry or a vector; write its entries ({names[0]}_i) "
                                       f"or say what it is in the prose (\"${names[0]} \\in \\mathbb{{R}}^n$\" or \"${names[0]} \\in \\mathbb{{R}}$\")")

    def _entries(self, product: Tree) -> list[Entry]:
        if node_kind(product) != "product":
            product = Tree("product", [Tree("item", [product])]) if node_kind(product) != "item" else Tree("product", [product])
        entries: list[Entry] = []
        op, negative = None, False
        for child in product.children:
            if isinstance(child, Token) and child.type == "MULOP":
                op = str(child)
            elif isinstance(child, Token) and child.type == "MINUS":
                negative = True
            else:
                base = item_base(child)
                if node_kind(base) == "bare_scripts":
                    if not entries or op is not None or negative:
                        raise FormulaError("a subscript or superscript with nothing before it")
                    prev = entries[-1]
                    entries[-1] = Entry(prev.op, prev.negative,
                                         Tree("item", prev.item.children + base.children + item_scripts(child)))
                else:
                    entries.append(Entry(op, negative, child))
                op, negative = None, False
        return self._merge_words(entries)

    def _merge_words(self, entries: list[Entry]) -> list[Entry]:
        """Runs of letters that spell a known name (CE, log, softmax) become that name."""
        out: list[Entry] = []
        n = 0
        while n < len(entries):
            m = n
            while (m < len(entries) and node_kind(item_base(entries[m].item)) == "letter"
                   and (m == n or (entries[m].op is None and not entries[m].negative))):
                if m > n and item_scripts(entries[m - 1].item):
                    break
                m += 1
            run = entries[n:m]
            word = "".join(str(item_base(e.item).children[0]) for e in run)
            if len(run) > 1 and word in UNREAD_WORDS and self.notation.kind_of(word) is None:
                raise unread(word)
            if len(run) > 1 and word in self.multiletter:
                item = Tree("item", [Tree("word", [Token("WORD", word)]), *item_scripts(run[-1].item)])
                out.append(Entry(run[0].op, run[0].negative, item))
                n = m
            elif len(run) > 1:
                undeclared = [str(item_base(e.item).children[0]) for e in run
                              if self.notation.kind_of(str(item_base(e.item).children[0])) is None]
                differentials = len(run) % 2 == 0 and all(str(item_base(e.item).children[0]) == "d"
                                                          for e in run[::2]) and any(map(self._is_integral, entries))
                if undeclared and len(run) > MAX_PRODUCT_RUN and not differentials:  # (dx dy of a double integral)
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

    def _chain(self, entries: list[Entry], env) -> V.Value:
        try:
            return self._chain_in_order(entries, env)
        except FormulaError:
            # a \circ W^\top v: read left to right, (a \circ W^\top) v does not fit; with the matrix product
            # binding tighter, a \circ (W^\top v) does, and it is the only reading that means anything
            cuts = [k for k, e in enumerate(entries) if k and e.op in ("\\circ", "\\odot")]
            if not cuts:
                raise
            groups = [entries[a:b] for a, b in zip([0] + cuts, cuts + [len(entries)])]
            if not all(groups) or not any(len(g) > 1 for g in groups):
                raise
            notes = len(self.notes)
            try:
                total = None
                for group in groups:
                    value = self._chain_in_order([dataclasses.replace(group[0], op=None)] + group[1:], env)
                    if total is None:
                        total = value
                    elif self._matrix_join(total, "\\circ", value):
                        total = P.finish(P.product(total, "\\circ", value))
                    else:
                        total = self._join(total, "\\circ", value)
            except FormulaError:
                del self.notes[notes:]
                raise
            self.notes.append(Reading("inferred", "$\\circ$ is read as binding less tightly than the matrix "
                                                  "product beside it ($a \\circ B c$ as $a \\circ (B c)$): read the "
                                                  "other way the shapes do not fit"))
            return total

    def _chain_in_order(self, entries: list[Entry], env) -> V.Value:
        if not entries:
            raise FormulaError("an operator with nothing to act on")
        total: V.Value | None = None
        k = 0
        while k < len(entries):
            entry = entries[k]
            nxt = entries[k + 1] if k + 1 < len(entries) else None
            expectation = self._expectation_head(entries, k)
            if self._is_limit(entry):
                head, expectation = None, True  # \lim_{x \to a}: it takes the rest of the product
                value, k = self._limit_at(entries, k, env), len(entries)
            elif self._is_series(entry):
                head, expectation = None, True  # \sum_{k=0}^{\infty}: it takes the rest of the product
                value, k = self._series_at(entries, k, env), len(entries)
            elif self._is_integral(entry):
                head, expectation = None, True  # \int_a^b f(x) dx: it takes the product up to its differential
                value, k = self._integral_at(entries, k, env)
            elif expectation is not None:
                head = None
                value, k = self._expectation_at(entries, k, expectation, env)
            elif nxt is not None and nxt.op is None and not nxt.negative and not item_scripts(nxt.item) \
                    and node_kind(item_base(nxt.item)) == "iverson" and self._is_indicator(entry):
                head = self._iverson(item_base(nxt.item), env)  # 1[i = j]: the indicator and its bracket
                k += 1
            elif node_kind(item_base(entry.item)) == "iverson" and not item_scripts(entry.item) \
                    and (k == 0 or entry.op is not None):
                # [i = j] - P(i), c \cdot [k \neq y]: Iverson's bracket opening a product (never x[j = k], which may
                # index x), 1 where the relation holds, as an indicator's condition
                try:
                    head = self._iverson(item_base(entry.item), env)
                except FormulaError:
                    raise self._stray_iverson() from None
            elif self._own_matrix_call(entry, nxt):
                head = self._at_own_matrices(entry, nxt, env)  # L(W) of L(W) = ..., its arguments taken with it
                if item_scripts(nxt.item):
                    head = self._scripted(head, item_scripts(nxt.item), env)  # (\rho(M_J)^2)
                k += 1
            elif self._differential_here(entry, nxt, env):
                head = self._differential(nxt, env)  # du, dx: a differential, and the name it is of
                k += 1
            else:
                self._check_not_a_differential(entry, nxt)
                if k > 0 and entry.op is None and not entry.negative and node_kind(item_base(entry.item)) == "bracket" \
                        and len(item_base(entry.item).children) == 1 \
                        and node_kind(item_base(entries[k - 1].item)) in ("letter", "command", "accent", "text"):
                    # Y[0], x[n], h[(n - m) \bmod N]: a sequence's term as signal processing writes it, or the name
                    # times a bracket; never read as the product (Y[0] would be 0)
                    raise FormulaError("a name right before square brackets (x[n]) is a sequence's term or the name "
                                       "times a bracket: write the term as x_n, or \\cdot for a product")
                head = self._derivative_at_a_point(entry, nxt, env) or self._jacobian_head(entry, nxt, env) \
                    or self._function_head(entry, nxt, env) or self._item(entry.item, env)
            if nxt is not None and nxt.op is None and isinstance(head, V.Value) and self._is_word_name(entry, env):
                word = node_word(item_base(entry.item))
                raise FormulaError(f"\\mathrm{{{word}}} before a factor is a function or a name times the factor; "
                                   f"write \\operatorname{{{word}}}(...) for a function, or \\cdot for a product")
            if expectation is not None:
                pass
            elif isinstance(head, (SumOp, DerivativeOp)):
                # (\prod_{k=2}^{n} a_k \cdot \prod_{k=2}^{n} b_k: the second binds k again, so the first ends
                # before it, two factors; never the second inside the first)
                end = next((j for j in range(k + 1, len(entries)) if isinstance(head, SumOp) and j > k + 1
                            and entries[j].op in (None, "\\cdot", "\\times") and not entries[j].negative
                            and _binds_again(entries[j], head.letter)), len(entries))
                value = self._operate(head, entries[k + 1:end], env)
                k = end
            elif isinstance(head, Fn):
                value, k = self._apply_at(head, entries, k, env)
            elif isinstance(head, tuple) and k > 0 and entry.op is None \
                    and node_kind(item_base(entries[k - 1].item)) in ("letter", "command", "accent", "text"):
                # N(n, k), S(5, 3): a name right before a list is a function of two arguments (not defined here), or
                # the name times a vector? never read as the product
                raise FormulaError("a name right before a list in parentheses (N(n, k)) is a function of it or the "
                                   "name times a vector: define the function first, or write \\cdot for a product")
            elif isinstance(head, tuple) and (k == len(entries) - 1 or entries[k + 1].op in ("+", "-")) \
                    and not item_scripts(entry.item) and (total is None or (isinstance(total, V.Value) and not (
                        total.is_vector or total.is_matrix or total.row))) \
                    and all(isinstance(v, V.Value) and not (v.is_vector or v.is_matrix or v.row) for v in head):
                # \frac{1}{Z} (b d, a d, a c): a list of numbers ending a product, after numbers only, is a vector, as
                # a whole side's list is (also a term of a sum: (1, 2) + \frac{5}{5} (1, -1))
                value = self._written_vector(list(item_base(entry.item).children), env, False, "a vector written as a list")
                k += 1
            elif isinstance(head, tuple):
                raise FormulaError("a list in parentheses is not a value")
            else:
                value = head
                k += 1
            if entry.negative:
                value = P.as_term(value).scaled(-1) if isinstance(value, MatrixTerm) or value.is_matrix \
                    else value.with_expr(-value.expr)
            if total is None:
                if entry.op is not None:
                    raise FormulaError(f"{entry.op} with nothing before it")
                total = value
            elif self._matrix_join(total, entry.op, value):
                total = P.product(self._identity_or(total, value), entry.op, self._identity_or(value, total))
            else:
                total = self._join(total, entry.op, value)
            if entry.op in ("/", "\\div") and k < len(entries) and entries[k].op is None:
                raise FormulaError("unclear how far / reaches; use \\frac or parentheses")
        return P.finish(total) if isinstance(total, MatrixTerm) else total

    def _matrix_join(self, left, op, right) -> bool:
        """Whether left op right is a matrix product: a matrix takes part, a column meets a row (an outer
        product), or an undeclared I meets a vector."""
        if isinstance(left, MatrixTerm) or isinstance(right, MatrixTerm) or left.is_matrix or right.is_matrix:
            return True  # (a matrix written out, \frac{1}{6} \begin{pmatrix} ... \end{pmatrix}, too)
        if op in (None, "\\cdot") and left.is_vector and not left.row and right.is_vector and right.row:
            return True
        if op in (None, "\\cdot", "\\circ", "\\odot"):
            for a, b in ((left, right), (right, left)):
                if self._identity_or(a, b) is not a:
                    self.guesses["I"] += 1  # only asked: the join reads it again
                    self.notes.pop()
                    return True
        return False

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
            return self._cross(left, right)
        if op == "\\times" and not (left.is_vector and right.is_vector):
            bold = sorted(str(s) for v in (left, right) for s in v.expr.free_symbols
                          if str(s) in self.bold_guessed)
            if bold:
                # (\mathbf{u} \times \mathbf{v} of names never declared: a cross product of vectors, or numbers?)
                raise FormulaError(f"\\times beside {', '.join(bold)} in bold, never declared: a cross product of "
                                   f"vectors or a product of numbers? declare them ($\\mathbf{{{bold[0]}}} \\in "
                                   f"\\mathbb{{R}}^3$, or a number)")
        if op == "\\cdot" and left.is_vector and right.is_vector and not left.row and not right.row \
                and left.misfit is None and right.misfit is None:
            # a \cdot b of two column vectors: the dot product (entry by entry is written \circ or \odot)
            self.notes.append(Reading("inferred", "$\\cdot$ between two vectors is read as their inner product"))
            return V.dot(left, right)
        return V.multiply(left, right)

    def _cross(self, left: V.Value, right: V.Value) -> V.Value:
        """a \\times b of two column vectors of length 3: the cross product, entry i written with Kronecker deltas
        (δ_i1 (a_2 b_3 - a_3 b_2) + δ_i2 (a_3 b_1 - a_1 b_3) + δ_i3 (a_1 b_2 - a_2 b_1)); of any other length, refused."""
        three = sp.Integer(3)
        if left.row or right.row or left.misfit is not None or right.misfit is not None \
                or sp.sympify(left.size) != three or sp.sympify(right.size) != three:
            raise FormulaError("\\times between two vectors is read only as the cross product of vectors of length 3 "
                               "(declare them: $a, b \\in \\mathbb{R}^3$)")
        a = [left.expr.xreplace({V.entry_index(left.size): sp.Integer(k)}) for k in (1, 2, 3)]
        b = [right.expr.xreplace({V.entry_index(right.size): sp.Integer(k)}) for k in (1, 2, 3)]
        i = V.entry_index(three)
        entry = (sp.KroneckerDelta(i, 1) * (a[1] * b[2] - a[2] * b[1]) + sp.KroneckerDelta(i, 2) * (a[2] * b[0] - a[0] * b[2])
                 + sp.KroneckerDelta(i, 3) * (a[0] * b[1] - a[1] * b[0]))
        self.notes.append(Reading("inferred", "$\\times$ between two vectors of length 3 is read as their cross product"))
        return V.Value(entry, three, tuple(dict.fromkeys(left.conventions + right.conventions)),
                       domain=left.domain + right.domain)

    # --- operators and functions ---------------------------------------------------------------

    def _operate(self, op, rest: list[Entry], env) -> V.Value:
        if not rest:
            raise FormulaError("a sum or derivative with nothing after it")
        if rest[0].op is not None or rest[0].negative:
            raise FormulaError(f"{rest[0].op or '-'} directly after a sum or derivative operator")
        if isinstance(op, SumOp) and op.below is not None:
            inner = Idx(op.below, (1, op.index - 1))
            body = self._chain(rest, {**env, op.letter: op.index, op.below: inner})
            if isinstance(body, MatrixTerm) or body.is_vector or body.row or body.is_matrix:
                raise FormulaError("a sum over pairs of indices is read only of numbers")
            return body.with_expr(sp.Sum(sp.Sum(body.expr, (inner, 1, op.index - 1)),
                                         (op.index, op.index.lower, op.index.upper)))
        if isinstance(op, SumOp):
            try:
                body = self._chain(rest, {**env, op.letter: op.index})
            except _FromZero as split:
                if split.index != op.index or op.product or op.excluded is not None or op.condition is not None:
                    raise
                # \sum_{j=0}^{N} over a vector numbered from 0: the term at j = 0, plus the sum from 1
                first = self._chain(rest, {**env, op.letter: sp.Integer(0)})
                index = Idx(op.letter, (1, op.index.upper))
                tail = self._chain(rest, {**env, op.letter: index})
                if any(isinstance(v, MatrixTerm) or v.is_vector != tail.is_vector or v.row or v.is_matrix
                       for v in (first, tail)):
                    raise FormulaError("a sum from 0 over a vector numbered from 0 is read only of numbers and vectors")
                return V.combine(first, tail.with_expr(sp.Sum(tail.expr, (index, 1, op.index.upper))), sp.Add)
            if isinstance(body, MatrixTerm):
                raise FormulaError("a sum or product of matrices over an index is not read; write the entries "
                                   "(\\sum_k A_{ik} B_{kj})")
            if op.product:
                if body.is_vector:
                    raise FormulaError("a product of vectors over an index is not read")
                return body.with_expr(sp.Product(body.expr, (op.index, op.index.lower, op.index.upper)))
            if op.condition is not None:
                left, rel, right = op.condition
                holds = self._iverson_order(left, ORDERS[rel], right, {**env, op.letter: op.index})
                if not holds.expr.has(op.index):
                    raise FormulaError(f"the condition of the sum over {op.letter} does not depend on {op.letter}")
                body = V.multiply(holds, body)
            if op.excluded is not None:
                if op.excluded not in env.values():
                    self.excluded.add(str(op.excluded))  # \sum_{i \neq j} with j free here
                return body.with_expr(sum_except(body.expr, op.index, op.excluded))
            return body.with_expr(sp.Sum(body.expr, (op.index, op.index.lower, op.index.upper)))
        if op.text == NABLA_ALONE or (op.variable is None and op.text == "\\nabla^2"):
            derivatives = self._derivatives_at_point(rest, env, second=op.text != NABLA_ALONE)
            if derivatives is not None:
                return derivatives
        if op.text == NABLA_ALONE:
            own = self._gradient_at_own_argument(rest, env)
            if own is not None:
                return own
            try:
                op = self._nabla_of_argument(rest, env)
            except FormulaError:
                op = self._nabla_of_sole_vector(rest, env)
                if op is None:
                    raise
        if op.variable is None and op.text == "\\nabla^2":
            # \nabla^2 L(w) of an L(w) = ... the document defines on a vector: its Hessian in its argument, as written
            notes, guesses = list(self.notes), self.guesses.copy()
            try:
                of_argument = self._nabla_of_argument(rest, env)
            except FormulaError:
                of_argument = None
                self.notes, self.guesses = notes, guesses
            if of_argument is not None and isinstance(of_argument.variable, tuple):
                variable = of_argument.variable
                self.notes = notes + [Reading("inferred", f"$\\nabla^2 {node_word(item_base(rest[0].item))}(\\cdot)$ is the "
                                                          "Hessian in the function's argument, as written")]
                self.notes.append(Reading("default", VECTOR_HESSIAN_NOTE.format(
                    variable=sp.latex(sp.Symbol(str(variable[0]))))))
                op = DerivativeOp(variable, "\\nabla^2", ((variable, 2),))
            elif of_argument is not None:
                self.notes, self.guesses = notes, guesses
        if op.variable is None and op.text == "\\nabla^2" and len(rest) == 2 and rest[1].op is None \
                and node_kind(item_base(rest[1].item)) == "paren" \
                and not all(node_kind(a) == "product" and len(a.children) == 1 and not item_scripts(a.children[0])
                            and node_kind(item_base(a.children[0])) in ("letter", "command", "font")
                            for a in item_base(rest[1].item).children if not isinstance(a, Token)):
            # \nabla^2 f(1, 1): the Hessian in f's own variables, at a point; what is left free is no variable
            raise FormulaError("\\nabla^2 of a function at a point: its variables are the function's arguments, which "
                               "the point replaces; write \\nabla^2 f(x, y) and its value at the point in words")
        if len(rest) == 1:
            abstract = self._abstract_gradient(rest[0], op, env)
            if abstract is not None:
                return abstract
            if op.through and self._upstream_probe is not None and not isinstance(self._item(rest[0].item, env), Fn):
                self._check_not_a_bare_name(rest[0], env, op.variable)  # (\nabla_w L, L found by _define_upstream)
        if op.through:
            return self._differentiate_through(rest, op, env)
        head = self._item(rest[0].item, env) if len(rest) == 1 else None
        if len(rest) == 1 and not isinstance(head, Fn):
            self._check_not_a_bare_name(rest[0], env, op.variable)  # \nabla_w \ell, \ell never defined: not 0
            self._check_depends(rest[0], op)
            self._check_mentions(rest[0], head, op)
        elif isinstance(head, Fn) and head.kind == "lambda" and head.func is not None \
                and isinstance(op.variable, sp.Symbol) and not isinstance(op.variable, Idx):
            self._check_function_depends(head, op.variable)
        body = self._chain(rest, env)
        if isinstance(body, MatrixTerm):
            raise FormulaError("the derivative of a matrix is not read (only of numbers and vectors)")
        self._check_not_constant_by_guess(body, op.variable)
        return self._differentiate(body, op)

    def _factorial(self, base, scripts, env) -> V.Value:
        """n!, (2 + 1)!, k!, (n - k)!: the factorial of a whole number written as one (up to 100), or of a name that
        is a whole number (an index of a sum, a name declared in the integers), defined where it is not negative."""
        if [sc.data for sc in scripts] != ["factorial"]:
            raise FormulaError("a factorial with other scripts (n!^2, n_1!) is not read: write (n!)^2")
        value = self._item(Tree("item", [base]), env)
        whole = isinstance(value, V.Value) and not (value.is_vector or value.is_matrix or value.row) \
            and value.expr.is_integer is True
        if whole and value.expr.is_Integer and 0 <= value.expr <= 100:
            return V.Value(sp.factorial(value.expr))
        if whole and not value.expr.is_number:
            e = value.expr
            if not (e.is_nonnegative or (isinstance(e, Idx) and e.lower is not None and e.lower.is_nonnegative)):
                V.requires(sp.Ge(e, 0, evaluate=False))
            return V.Value(sp.factorial(value.expr), None, value.conventions)
        raise FormulaError("the factorial (!) is read only of a whole number from 0 to 100 (3! = 6), or of a name "
                           "that is a whole number (the index of a sum, a name declared in the integers: "
                           "n \\in \\mathbb{N}); of any other name (x!) it is not read")

    def _binomial(self, base, env) -> V.Value:
        """\\binom{n}{k}: the binomial coefficient, n(n - 1)...(n - k + 1)/k!, of a number n and a whole number k."""
        _, top, bottom = base.children
        n, k = self._arg_value(top, env), self._arg_value(bottom, env)
        if any(v.is_vector or v.is_matrix or v.row for v in (n, k)):
            raise FormulaError("\\binom of a vector: a binomial coefficient is read of numbers only")
        if k.expr.is_integer is not True:
            raise FormulaError("\\binom{n}{k} is read only where k is a whole number (a number, the index of a sum, "
                               "or a name declared in the integers)")
        return V.Value(sp.binomial(n.expr, k.expr), None, n.conventions + k.conventions)

    def _differential_here(self, entry: Entry, nxt: Entry | None, env) -> bool:
        """Whether entry and nxt are d and a plain name outside an integral, where d means nothing else: du, dx."""
        if nxt is None or nxt.op is not None or nxt.negative or item_scripts(entry.item) or item_scripts(nxt.item) \
                or node_kind(item_base(entry.item)) != "letter" or str(item_base(entry.item).children[0]) != "d" \
                or node_kind(item_base(nxt.item)) not in ("letter", "command"):
            return False
        if self.notation.kind_of("d") is not None or "d" in self.values or "d" in self.stated or "d" in env:
            return False
        word = str(item_base(nxt.item).children[0])
        return not word.startswith("\\") or word[1:] in GREEK

    def _differential(self, nxt: Entry, env) -> V.Value:
        """dx of a variable x: an increment of x, a number of its own (named dx); du of a name u the document defines
        by a formula in one variable x: u'(x) dx (the differential, as du = 2x dx writes it). Refused otherwise."""
        word = str(item_base(nxt.item).children[0])
        key = symbol_name(word)
        shown = f"d{word}" if not word.startswith("\\") else f"d{word} "
        if word in env or self.notation.kind_of(word) in ("index", "size", "vector", "matrix", "function") \
                or key in self.lambdas or key in self.matrix_values:
            raise FormulaError(f"{shown}: a differential is read only of a number or of a name defined by a formula in "
                               "one variable (du = 2x \\, dx); write the derivative, \\frac{du}{dx} = 2x")
        if key in self.values and self._in_force(key):
            value = self.values[key]
            if value.is_vector or value.is_matrix or value.row:
                raise FormulaError(f"{shown}: the differential of a vector or matrix is not read")
            free = sorted((x for x in value.expr.free_symbols if isinstance(x, sp.Symbol) and not isinstance(x, Idx)
                           and not x.is_integer), key=str)
            if len(free) != 1 or value.expr.atoms(sp.Indexed):
                raise FormulaError(f"{shown}: the differential of {written_name(word)}, a formula in "
                                   f"{', '.join(str(x) for x in free) or 'no variable'}: which of them vary is not read; "
                                   f"write the derivative, \\frac{{d{word}}}{{dx}}")
            (variable,) = free
            increment = sp.Symbol(f"d{variable}", real=True)
            self.notes.append(Reading("inferred", f"${shown.strip()}$ is the differential of ${written_name(word)}$, its "
                                                  f"derivative by ${sp.latex(variable)}$ times $d{sp.latex(variable)}$, "
                                                  "an increment of its own"))
            return V.Value(sp.diff(value.expr, variable) * increment)
        variables = {str(x) for name, value in self.values.items() if self._in_force(name)
                     and isinstance(getattr(value, "expr", None), sp.Basic) for x in value.expr.free_symbols}
        if key not in variables:
            # (dy of a y the words give, "for $y = f(x)$": a dependent quantity, never an increment of its own)
            raise FormulaError(f"{shown}: a differential is read only of a name the document defines by a formula in one "
                               "variable, or of a variable of such a formula (dx of u = x^2); write the derivative, "
                               "\\frac{du}{dx}")
        self.notes.append(Reading("inferred", f"${shown.strip()}$ is an increment of ${written_name(word)}$, a number of its own"))
        return V.Value(sp.Symbol(f"d{key}", real=True))

    def _check_not_a_differential(self, entry: Entry, nxt: Entry | None) -> None:
        """du, dx outside an integral, d never a name of the document's: a differential (du = 2x dx), never the
        product of a number d and u."""
        if nxt is None or nxt.op is not None or nxt.negative or item_scripts(entry.item) \
                or node_kind(item_base(entry.item)) != "letter" or str(item_base(entry.item).children[0]) != "d":
            return
        if node_kind(item_base(nxt.item)) not in ("letter", "command", "font") or item_scripts(nxt.item):
            return
        if self.notation.kind_of("d") is not None or "d" in self.values or "d" in self.stated:
            named = str(item_base(nxt.item).children[0]) if node_kind(item_base(nxt.item)) == "letter" else ""
            if self.notation.size_name("d") and named and (named.isupper() or self.notation.kind_of(named) in ("matrix",
                                                                                                            "vector")):
                # tr(G^T dB A), d the size of B's rows: the differential of B as likely as d times B
                raise FormulaError(f"d{named}, with d a size, is the differential of {named} or d times {named}: a "
                                   f"differential is not read; write d \\cdot {named} for the product")
            return
        raise FormulaError("d before a variable outside an integral is a differential (du = 2x \\, dx), which is not "
                           "read: write the derivative, \\frac{du}{dx} = 2x")

    def _check_not_constant_by_guess(self, body: V.Value, variable) -> None:
        """d(log p)/d sigma, p never defined: a formula free of the variable only because a name in it is
        guessed to be a number is refused, never read as 0 (the author differentiates it, so it depends)."""
        if isinstance(variable, tuple):
            base, target = variable[0], str(variable[0].label if hasattr(variable[0], "label") else variable[0])
        elif isinstance(variable, sp.Indexed):
            base, target = variable.base, str(variable)
        elif isinstance(variable, sp.Symbol) and not isinstance(variable, Idx):
            base, target = None, str(variable)
        else:
            return
        expr = body.expr
        if not isinstance(expr, sp.Basic):
            return
        if (base is None and variable in expr.free_symbols) \
                or (base is not None and any(a.base == base for a in expr.atoms(sp.Indexed))):
            return
        guessed = sorted(s.name for s in expr.free_symbols if self.guesses.get(s.name, 0) > 0)
        if guessed:
            raise FormulaError(f"the formula differentiated does not contain {target} as read, only because "
                               f"{', '.join(guessed)} {'is' if len(guessed) == 1 else 'are'} never defined (read as "
                               f"a number): its derivative is not read as 0; define {guessed[0]} in terms of {target}")


    def _nabla_of_argument(self, rest: list[Entry], env) -> DerivativeOp:
        """\\nabla R(x), R(x) = ... a number-valued function of one vector the document defines, x a vector
        name: the gradient in x (the argument written), the reading says so. Anything else needs the subscript."""
        why = "\\nabla needs the variable as a subscript (\\nabla_x f), or a function of one vector at a vector name"
        if len(rest) != 2 or rest[1].op is not None or rest[1].negative or item_scripts(rest[0].item) \
                or node_kind(item_base(rest[1].item)) != "paren" or len(item_base(rest[1].item).children) != 1:
            raise FormulaError(why)
        word = node_word(item_base(rest[0].item))
        scalar_function = self._scalar_function_named(word)
        if scalar_function is not None:
            value = self._expr(item_base(rest[1].item).children[0], env)
            if isinstance(value, MatrixTerm) or value.is_vector or not isinstance(value.expr, sp.Symbol) \
                    or value.expr in env.values():
                raise FormulaError(why)
            self.notes.append(Reading("inferred", f"$\\nabla {scalar_function}(\\cdot)$ of a function of one number is "
                                                  f"its derivative in {scalar_function}'s argument, as written"))
            return DerivativeOp(value.expr, "the argument of \\nabla's function")
        name = word if word in self.vector_functions else ("\\" + word if word and "\\" + word in self.vector_functions
                                                           else None)
        if name is None or self.vector_functions[name][4] is not None or not self._in_force(name):
            raise FormulaError(why)
        value = self._expr(item_base(rest[1].item).children[0], env)
        if isinstance(value, MatrixTerm) or not value.is_vector or value.row \
                or not isinstance(value.expr, sp.Indexed) or value.expr.indices != (V.entry_index(value.size),):
            raise FormulaError(why)
        variable = (value.expr.base, value.size)
        self.notes.append(Reading("inferred", f"$\\nabla {name}(\\cdot)$ is the gradient in {name}'s argument, as written"))
        return DerivativeOp(variable, "the argument of \\nabla's function")

    def _nabla_of_sole_vector(self, rest: list[Entry], env) -> DerivativeOp | None:
        """\\nabla \\lVert g \\rVert, \\nabla (1 / \\lVert g \\rVert): a number-valued formula in one vector (and numbers):
        its gradient in that vector, the reading says so. None where it holds no vector or more than one, or is not
        a number."""
        if len(rest) != 1:
            return None  # (\nabla \operatorname{lse}(x): a function at its argument, read only as _nabla_of_argument does)
        notes, guesses = list(self.notes), self.guesses.copy()
        try:
            body = self._chain(rest, env)
        except FormulaError:
            return None
        finally:
            self.notes, self.guesses = notes, guesses
        if isinstance(body, MatrixTerm) or body.is_vector or body.row or body.is_matrix or body.misfit is not None \
                or not isinstance(body.expr, sp.Basic):
            return None
        entries = body.expr.atoms(sp.Indexed)
        bases = {a.base for a in entries}
        if len(bases) != 1 or any(len(a.indices) != 1 or not isinstance(a.indices[0], Idx) for a in entries):
            return None
        sizes = {a.indices[0].upper for a in entries}
        (base,) = bases
        label = str(base.label)
        if len(sizes) != 1 or label in env or label in self.values or self.notation.kind_of(label) not in ("vector", None):
            return None
        (size,) = sizes
        self.notes.append(Reading("inferred", f"$\\nabla$ of a formula in the one vector ${written_name(label)}$ is its "
                                              f"gradient in ${written_name(label)}$"))
        return DerivativeOp((base, size), "the one vector of \\nabla's formula")

    def _gradient_at_own_argument(self, rest: list[Entry], env) -> V.Value | None:
        """\\nabla N alone, N(x) = ... a number-valued function of one vector x the document defines: its gradient
        in x at x itself, the reading says so. None for anything else."""
        if len(rest) != 1 or rest[0].negative or item_scripts(rest[0].item):
            return None
        word = node_word(item_base(rest[0].item))
        name = word if word in self.vector_functions else ("\\" + word if word and "\\" + word in self.vector_functions
                                                           else None)
        if name is None or self.vector_functions[name][4] is not None or not self._in_force(name):
            return None
        base, length, body, _, _ = self.vector_functions[name]
        if str(base) in env or any(str(base) == str(v) for v in env.values()):
            return None  # (x a sum's letter here: not the function's argument)
        self.notes.append(Reading("inferred", f"$\\nabla {name}$ is the gradient of {name}({base}) in its argument, at "
                                              f"${base}$ itself"))
        return self._differentiate(V.Value(body), DerivativeOp((base, length), "the argument of \\nabla's function"))

    def _derivatives_at_point(self, rest: list[Entry], env, second: bool) -> V.Value | None:
        """\\nabla f(0, 0), \\nabla f(p)^\\top, \\nabla^2 f(1, 1) of an f(x, y) = ... the document defines (a function of
        two or more numbers): the vector of its partial derivatives in the order of its arguments (the matrix of its
        second partials), at the point written: as many numbers, or a vector of as many entries. None for anything
        else. \\nabla f alone, of such an f: the same at its own variables."""
        if len(rest) == 1 and not item_scripts(rest[0].item):
            return self._derivatives_at_own_variables(rest[0], second)
        if len(rest) < 2 or rest[1].op is not None or rest[1].negative or item_scripts(rest[0].item) \
                or node_kind(item_base(rest[1].item)) != "paren" \
                or (len(rest) > 2 and (rest[2].op not in (None, "\\cdot") or rest[2].negative)):
            return None
        found = self._function_of_numbers(node_word(item_base(rest[0].item)))
        if found is None:
            return None
        name, fn = found
        point = self._item(Tree("item", [item_base(rest[1].item)]), env)
        values = list(point) if isinstance(point, tuple) else [point]
        if any(not isinstance(v, V.Value) or v.is_matrix for v in values):
            return None
        k = len(fn.variables)
        if len(values) == k and not any(v.is_vector or v.row for v in values):
            at = [v.expr for v in values]
        elif len(values) == 1 and values[0].is_vector and sp.sympify(values[0].size) == k:
            index = V.entry_index(values[0].size)
            at = [values[0].expr.xreplace({index: sp.Integer(n)}).doit() for n in range(1, k + 1)]
        else:
            return None
        place = dict(zip(fn.variables, at))
        size = sp.Integer(k)
        p, q = V.entry_index(size), V.column_index(size)
        if second:
            expr = sp.Add(*[sp.diff(fn.expr, u, v).xreplace(place) * sp.KroneckerDelta(p, m + 1) * sp.KroneckerDelta(q, n + 1)
                            for m, u in enumerate(fn.variables) for n, v in enumerate(fn.variables)])
            what = "matrix of its second partial derivatives"
        else:
            expr = sp.Add(*[sp.diff(fn.expr, v).xreplace(place) * sp.KroneckerDelta(p, n + 1)
                            for n, v in enumerate(fn.variables)])
            what = "vector of its partial derivatives"
        shown = "\\nabla^2" if second else "\\nabla"
        self.notes.append(Reading("inferred", f"${shown} {name}(\\cdot)$ of a function of {k} numbers is the {what} in "
                                              "the order of its arguments, at the point written"))
        value = V.Value(expr, size, cols=size) if second else V.Value(expr, size)
        scripts = item_scripts(rest[1].item)
        value = self._scripted(value, scripts, env) if scripts else value
        if len(rest) == 2:
            return value
        # (\nabla f(p)^\top d: the factors after it multiply it, as in any product)
        after = self._chain(rest[2:], env)
        if self._matrix_join(value, rest[2].op, after):
            return P.finish(P.product(value, rest[2].op, after))
        return self._join(value, rest[2].op, after)

    def _function_of_numbers(self, word: str | None) -> tuple[str, sp.Lambda] | None:
        """The name and formula of a function of two or more numbers the document defines (f(x, y) = ...), as word
        spells it; else None."""
        name = next((n for n in (word, "\\" + (word or "")) if word and n in self.lambdas
                     and n not in self.vector_functions and self._in_force(n)), None)
        fn = self.lambdas.get(name) if name is not None else None
        if not isinstance(fn, sp.Lambda) or len(fn.variables) < 2 \
                or not all(v.is_Symbol and not isinstance(v, (sp.Dummy, Idx)) for v in fn.variables):
            return None
        return name, fn

    def _derivatives_at_own_variables(self, entry: Entry, second: bool) -> V.Value | None:
        """\\nabla f, \\nabla^2 f alone of an f(x, y) = ... the document defines: the vector of its partial derivatives
        (the matrix of its second partials) at its own variables, the names its definition writes."""
        found = self._function_of_numbers(node_word(item_base(entry.item)))
        if found is None or entry.negative:
            return None
        name, fn = found
        size = sp.Integer(len(fn.variables))
        p, q = V.entry_index(size), V.column_index(size)
        if second:
            expr = sp.Add(*[sp.diff(fn.expr, u, v) * sp.KroneckerDelta(p, m + 1) * sp.KroneckerDelta(q, n + 1)
                            for m, u in enumerate(fn.variables) for n, v in enumerate(fn.variables)])
        else:
            expr = sp.Add(*[sp.diff(fn.expr, v) * sp.KroneckerDelta(p, n + 1) for n, v in enumerate(fn.variables)])
        own = ", ".join(sp.latex(v) for v in fn.variables)
        shown = "\\nabla^2" if second else "\\nabla"
        what = "matrix of its second partial derivatives" if second else "vector of its partial derivatives"
        self.notes.append(Reading("inferred", f"${shown} {name}$ of {name}({own}) is the {what} in the order of its "
                                              f"arguments, at its own variables ${own}$"))
        return V.Value(expr, size, cols=size) if second else V.Value(expr, size)

    def _scalar_function_named(self, word: str | None) -> str | None:
        """The name of a function of one number the document defines (J(w) = ...), as word spells it; else None."""
        for name in (word, "\\" + (word or "")):
            if word and name in self.lambdas and name not in self.vector_functions and self._in_force(name) \
                    and len(self.lambdas[name].variables) == 1 and self.lambdas[name].variables[0].is_Symbol \
                    and not isinstance(self.lambdas[name].variables[0], sp.Dummy):
                return name
        return None

    def _check_depends(self, entry: Entry, op) -> None:
        """d ell / d W_{km} with ell defined by a formula free of W (through a name whose own definition in W
        was not read, z = W x): refused, not read as 0."""
        base_node = item_base(entry.item)
        word = node_word(base_node)
        if node_kind(base_node) == "accent" and script_word(base_node.children[1]) is not None:
            word = accented(str(base_node.children[0]), script_word(base_node.children[1]))  # \mathcal{L}, \hat{y}
        key = symbol_name(word) if word else None
        if key is None or key not in self.values or not self._in_force(key) or item_scripts(entry.item):
            return
        variable = op.variable
        if isinstance(variable, tuple) and variable and isinstance(variable[0], (sp.IndexedBase, sp.Symbol)):
            base = variable[0].label if isinstance(variable[0], sp.IndexedBase) else variable[0]  # \nabla_b L
        elif not isinstance(variable, (sp.Indexed, sp.Symbol)) or isinstance(variable, Idx):
            return
        else:
            base = variable.base.label if isinstance(variable, sp.Indexed) else variable
        expr = self.values[key].expr
        names = {str(s) for s in expr.free_symbols} | {str(b.label) for b in expr.atoms(sp.IndexedBase)}
        if str(base) not in names:
            raise FormulaError(f"{word}, as defined on line {self.defined_at.get(key, '?')}, does not depend on {base}: "
                               f"its derivative is not read as 0 (say how it depends on {base})")

    def _check_mentions(self, entry: Entry, head, op) -> None:
        """ds_j/dz_j of an s_j the document defines by a formula in W, x and b, where z is "the pre-activation" only in
        words: the formula as read does not hold z, and its derivative is not read as 0 (z undefined, so how s
        depends on it is not read)."""
        variable = op.variable
        if isinstance(variable, tuple) or not isinstance(variable, (sp.Indexed, sp.Symbol)) or isinstance(variable, Idx):
            return
        base = variable.base.label if isinstance(variable, sp.Indexed) else variable
        word = node_word(item_base(entry.item))
        key = symbol_name(word) if word else None
        if key is None or key not in self.values or not self._in_force(key) or symbol_name(str(base)) in self.values \
                or not isinstance(head, V.Value) or not isinstance(head.expr, sp.Expr):
            return
        expr = head.expr
        names = {str(x) for x in expr.free_symbols if not isinstance(x, Idx)} | {str(b.label) for b in expr.atoms(sp.IndexedBase)}
        if names and str(base) not in names:
            raise FormulaError(f"{word}, as defined on line {self.defined_at.get(key, '?')}, is read without {base}, which "
                               f"no display defines: its derivative by {base} is not read as 0 (say what {base} is in a "
                               "display)")

    def _check_function_depends(self, fn: Fn, variable: sp.Symbol) -> None:
        """dH/dT of H(T) = -\\sum_i p_i \\log p_i, whose formula as read is free of T (p_i written for p_i(T)): refused,
        not read as 0, when the formula has names in it (a constant function is what it is)."""
        func = fn.func
        if not isinstance(func, sp.Lambda) or len(func.variables) != 1 or str(func.variables[0]) != str(variable):
            return
        expr = func.expr
        if expr == 0 or func.variables[0] in expr.free_symbols:
            return
        names = {str(s) for s in expr.free_symbols if not isinstance(s, Idx)} | {str(b.label) for b in expr.atoms(sp.IndexedBase)}
        if names:
            raise FormulaError(f"{fn.name}, as defined, does not depend on {variable}: its derivative is not read as 0 "
                               f"(in {fn.name}'s formula, write what depends on {variable} with its argument: "
                               f"p_i({variable}) rather than p_i)")

    def _parameter_instance(self, word: str, scripts, env) -> Fn | None:
        """\\rho_{1/2}(u), s_2'(1) of a \\rho_\\tau(u) = ... (s_\\beta(x) = ...) the document defines with its parameter as
        the subscript, a number its formula writes: that formula at the number the subscript gives. None when the
        document defines no such family of word, or the subscript is not a number."""
        subs = [sc for sc in scripts if sc.data == "sub_script"]
        if len(subs) != 1 or any(sc.data not in ("sub_script", "prime") for sc in scripts) or word in env:
            return None
        family = [k for k in self.lambdas if k.startswith(f"{word}_") and self._in_force(k)
                  and re.fullmatch(r"[A-Za-z]|\\[A-Za-z]+", k[len(word) + 1:])]
        if len(family) != 1:
            return None
        (named,) = family
        func, parameter = self.lambdas[named], named[len(word) + 1:]
        symbols = [s for s in func.expr.free_symbols if str(s) == symbol_name(parameter)]
        if len(symbols) != 1 or symbols[0] in func.variables or derived_by(func.expr, str(symbols[0])):
            return None
        if not self._same_part(self.defined_at.get(named)):
            # ("## 4. A parabola ... T_1(x) = 2x - 1" of a T_a an earlier problem defined for its own function)
            raise FormulaError(f"a member of the family {named} that line {self.defined_at.get(named, '?')} defines "
                               "under an earlier heading: which problem's function it belongs to here is not read")
        try:
            with self._deeper_script("subscripts"):
                at = self._arg_value(subs[0].children[1], env)
        except FormulaError:
            return None
        if not isinstance(at, V.Value) or at.is_vector or at.row or at.is_matrix or not at.expr.is_number \
                or not at.expr.is_real:
            return None
        primes = sum(1 for sc in scripts if sc.data == "prime")
        if primes and self.prime_transpose:
            return None
        self.notes.append(Reading("inferred", f"${word}_{{{sp.latex(at.expr)}}}$ is ${named}$ at ${parameter} = "
                                              f"{sp.latex(at.expr)}$ (line {self.defined_at.get(named, '?')})"))
        return Fn("lambda", f"{word}_{{{sp.latex(at.expr)}}}", func=sp.Lambda(func.variables, func.expr.xreplace(
            {symbols[0]: at.expr})), primes=primes)

    def _derivative_at_a_point(self, entry: Entry, nxt: Entry | None, env) -> Fn | None:
        """\\frac{df}{dx}(2), \\frac{d^2 f}{dx^2}(0), \\frac{\\partial g}{\\partial y}(1, 2): a derivative written as a
        fraction over a function's name, then its point in parentheses, is the derivative at that point (never the
        derivative times (2)). Read for a function the document defines by a formula, by its own variables, and for a
        function of one variable it never defines; any other such fraction is refused."""
        base = item_base(entry.item)
        if node_kind(base) != "frac" or nxt is None or nxt.op is not None or nxt.negative \
                or node_kind(item_base(nxt.item)) not in ("paren", "paren_params"):
            return None
        _, num, den = base.children
        num_entries, den_entries = self._entries(self._inner(num)), self._entries(self._inner(den))
        try:
            marked = self._marker_base(den_entries[0]) is not None and self._marker_base(num_entries[0]) is not None
        except FormulaError:
            marked = False
        if not (marked and len(num_entries) > 1 and len(den_entries) > 1):
            return None
        word = node_word(item_base(num_entries[1].item)) if len(num_entries) == 2 else None
        function = word is not None and (word in self.lambdas or word in self.vector_functions)
        # (of a name that is no function, \frac{\partial L}{\partial z} (1 - h^2) is a product; at a point it is
        # written with names or numbers only, (2), (x, y))
        point = all(node_kind(arg) == "product" and len(arg.children) == 1 and node_kind(arg.children[0]) == "item"
                    and not item_scripts(arg.children[0]) and node_kind(item_base(arg.children[0])) in ("letter", "command", "number")
                    for arg in item_base(nxt.item).children)
        if not (function or point):
            return None
        fn = self._derivative_function(word, num_entries, den_entries, env) if word is not None else None
        if fn is None or item_scripts(entry.item):
            raise FormulaError("a derivative fraction over a name followed by parentheses, \\frac{df}{dx}(a), is the "
                               "derivative at a point, read only for a function the document defines by a formula "
                               "(f(x) = ...) and differentiated by its own variables: write f'(a), or "
                               "\\frac{\\partial}{\\partial x} f(x, y) for a formula")
        self.notes.append(Reading("inferred", f"a derivative fraction of ${sp.latex(sp.Symbol(symbol_name(word)))}$ "
                                              "followed by parentheses is read as its derivative at that point"))
        return fn

    def _derivative_function(self, word: str, num_entries: list[Entry], den_entries: list[Entry], env) -> Fn | None:
        """The derivative \\frac{d^n f}{dx^n} (or a mixed partial) of the function f as a function, or None."""
        marker = self._marker_base(den_entries[0])
        order = self._order(num_entries[0], marker)
        named = num_entries[1]
        if order is None or named.op is not None or named.negative or item_scripts(named.item) or word in env:
            return None
        wrt: list[tuple[str, int]] = []
        for entry in den_entries:
            if entry.op is not None or entry.negative:
                return None
            if self._marker_base(entry) == marker and not item_scripts(entry.item):
                wrt.append(("", 0))
                continue
            scripts = item_scripts(entry.item)
            letter = node_word(item_base(entry.item))
            if not wrt or wrt[-1][0] or letter is None or node_kind(item_base(entry.item)) not in ("letter", "command"):
                return None
            k = 1
            if scripts:
                if len(scripts) != 1 or scripts[0].data != "sup_script" or node_kind(scripts[0].children[1]) != "number":
                    return None
                k = int(str(scripts[0].children[1].children[0]))
            wrt[-1] = (symbol_name(letter), k)
        if not wrt or any(not v for v, _ in wrt) or sum(k for _, k in wrt) != order:
            return None
        if word in self.lambdas and self._in_force(word) and word not in self.vector_functions \
                and word not in self.entry_functions and word not in self.matrix_valued:
            func = self.lambdas[word]
            own = {str(v): v for v in func.variables}
            if any(v not in own for v, _ in wrt):
                return None
            if len(func.variables) == 1:
                return Fn("lambda", word, func=func, primes=order)
            body = func.expr
            if body.has(sp.Piecewise, sp.Abs, sp.Heaviside, sp.Max, sp.Min, sp.sign, sp.floor, sp.ceiling):
                return None  # where a branch changes there may be no derivative: not claimed
            for v, k in wrt:
                body = sp.diff(body, own[v], k)
            return Fn("lambda", word, func=sp.Lambda(func.variables, body))
        if word not in self.lambdas and word in self.function_letters and self.notation.kind_of(word) is None \
                and symbol_name(word) not in self.values and len(wrt) == 1 and marker == "d":
            return Fn("unknown", word, func=sp.Function(symbol_name(word), real=True), primes=order)
        return None

    def _function_head(self, entry: Entry, nxt: Entry | None, env) -> Fn | None:
        """An undeclared letter applied to parentheses, f(x) or f'(x), when the document makes it a function.

        f(x) reads as the function f at x or as the product f·x; it is a function when the document
        defines f (f(x) = ...), primes it, or never uses f as a factor. Otherwise the reading is refused.
        """
        base, scripts = item_base(entry.item), item_scripts(entry.item)
        word = node_word(base)
        if word and nxt is not None and nxt.op is None and node_kind(item_base(nxt.item)) in ("paren", "paren_params") \
                and (word in self.lambdas or word in self.vector_functions) and self._in_force(word) and word not in env:
            # \Phi^{-1}(p) of a \Phi the document defines: its inverse function, never a power of its value times (p)
            for sc in scripts:
                if sc.data != "sup_script" or node_word(sc.children[1]) == "\\prime":
                    continue
                if parenthesized_order(sc.children[1]):
                    if written_order(sc.children[1]) is not None and len(scripts) == 1:
                        continue  # f^{(3)}(0): the third derivative of f at 0
                    raise FormulaError(f"{word}^{{(n)}}(...): the n-th derivative of {word} is read with its order a "
                                       f"whole number from 1 to {MAX_ORDER} in parentheses (f^{{(3)}}) or as primes")
                try:
                    exponent = self._arg_value(sc.children[1], env)
                except FormulaError:
                    exponent = None
                if not (isinstance(exponent, V.Value) and exponent.expr.is_Integer and exponent.expr >= 1):
                    raise FormulaError(f"{word}^{{...}}(...): a power of the function {word} other than a positive whole "
                                       "one (an inverse function?) is not read")
        if _normal_density(base) and not scripts and nxt is not None and nxt.op is None and not nxt.negative \
                and node_kind(item_base(nxt.item)) == "paren_params":
            return Fn("normal_pdf", "\\mathcal{N}")  # N(x; mu, s^2): the normal density at x
        if node_word(base) in self.law_functionals and node_word(base) not in env and nxt is not None \
                and nxt.op is None and node_kind(item_base(nxt.item)) == "paren":
            word = node_word(base)
            raise FormulaError(f"{word}(...) of a random variable, which the document defines as {word}(X) = ...: a "
                               f"property of a law (an entropy, a moment) rather than a function of a value, or a "
                               f"product; not read")
        bold = _bold_letter(base)
        if bold is not None and nxt is not None and nxt.op is None and node_kind(item_base(nxt.item)) == "paren":
            word = node_word(bold)
            if word in self.applied_conflicts and word not in env:
                raise FormulaError(self.applied_conflicts[word])
            if word in self.vector_functions and self._in_force(word):
                base = bold  # \\mathbf{u}(\\mathbf{g}) of a u(g) = ... the document defines
        if node_kind(base) == "accent" and nxt is not None and nxt.op is None and not nxt.negative \
                and node_kind(item_base(nxt.item)) in ("paren", "paren_params"):
            # \hat m_h(0), \hat f(x): an estimate's name applied to a point, or a number times (...)? Only a name
            # the document gives a meaning (a definition, a declaration) is a factor
            guesses, notes = self.guesses.copy(), list(self.notes)
            try:
                head, _ = self._accent(base, env)
            except FormulaError:
                head = None
            guessed = self.guesses != guesses
            self.guesses, self.notes = guesses, notes
            if guessed and isinstance(head, V.Value) and not head.is_vector and not head.is_matrix:
                raise FormulaError("an accented name before parentheses (\\hat{f}(x)) is a function at a point or a "
                                   "product; define the function (\\hat{f}(x) = ...) or write \\cdot for a product")
        if node_kind(base) == "command" and str(base.children[0])[1:] in GREEK and str(base.children[0]) != "\\pi":
            base = Tree("letter", [base.children[0]])  # \\phi(x) is read as f(x) is
        if len(scripts) == 1 and scripts[0].data == "sup_script" and written_order(scripts[0].children[1]) is not None \
                and node_word(base) is not None and (node_word(base) in self.lambdas or node_word(base) in getattr(
                    getattr(self, "usage", None), "primed", ())):
            # (of a function the document defines, or primes elsewhere: f^{(1)}(x), h^{(2)}(x) of layers are labels)
            scripts = [Tree("prime", [])] * written_order(scripts[0].children[1])  # f^{(3)}(0): three primes
        if node_kind(base) not in ("letter", "text") or nxt is None or nxt.op is not None or nxt.negative \
                or node_kind(item_base(nxt.item)) not in ("paren", "paren_params"):
            return None
        word = node_word(base)
        if word in self.conflicts and word not in env:
            raise FormulaError(self.conflicts[word])
        if word not in env and self.corrected_here(word):
            raise FormulaError(self.corrected[word][1])
        label = function_label(scripts) if scripts else None
        if label is not None and f"{word}_{label}" in self.lambdas and self._in_force(f"{word}_{label}"):
            # H_\delta(r), H_\delta'(r) of an H_\delta the document defines with its parameter as a label
            named = f"{word}_{label}"
            primes = sum(1 for sc in scripts if sc.data == "prime")
            if primes and self.prime_transpose:
                raise FormulaError(f"{named}'(...) where the document writes the transpose with a prime: write "
                                   f"\\frac{{d}}{{dx}} {named}(x)")
            return Fn("lambda", named, func=self.lambdas[named], primes=primes)
        instance = self._parameter_instance(word, scripts, env)
        if instance is not None:
            return instance
        if node_kind(base) == "text":
            if not _upright_name(word) or str(base.children[0]).startswith(("\\text", "\\mbox")) \
                    or word in BUILTIN_FUNCTIONS or word in UNREAD_WORDS or any(sc.data != "prime" for sc in scripts):
                return None
            if self.notation.kind_of(word) is None and word not in self.lambdas:
                # \operatorname{f}(x) names a function: one the document does not define.
                return Fn("unknown", word, func=sp.Function(word, real=True), primes=len(scripts))
        subs = [sc for sc in scripts if sc.data == "sub_script"]
        usage = getattr(self, "usage", None)
        if subs and word not in env and usage is not None and word in usage.family_applied \
                and word not in self.lambdas and self.notation.kind_of(word) in ("vector", "matrix") \
                and _lone_argument(nxt):
            # p_2(2) where the document writes p_i(T): p_i at T = 2, or the entry p_2 times 2?
            raise FormulaError(f"{word}_...(...) is a function at a point or a product (line "
                               f"{usage.family_applied[word]} writes {word} with a subscript and an argument); write "
                               f"{word}_{{...}} \\cdot (...) for a product (functions with subscripts are not read)")
        kind = self.notation.kind_of(word)
        if word not in env and kind in ("vector", "matrix", "size") \
                and word in getattr(self, "defined_heads", ()) \
                and self._default_only(word) and word not in self.redefined and word not in self.lambdas and not scripts:
            # x(t) of a document that writes x(t) = ... (a formula not read, or read only after this), x the default
            # vector: the function at t, never the default vector x times t (nor the default size N times x_k)
            raise FormulaError(f"{word}(...) is a function at a point (the document applies {word}) or the "
                               f"{'size' if kind == 'size' else kind} {word} (a default, never declared) times (...): "
                               f"define {word}(t) = ... in a formula that is read before it, or declare {word}")
        key = symbol_name(word)
        if word not in env and not scripts and key in self.values and self._in_force(key) \
                and not {word, key} & (set(self.lambdas) | set(self.vector_functions) | set(self.function_letters)) \
                and isinstance(self.values[key], V.Value):
            # r(x + c 1) of an r = a^T b / (|a| |b|) the document defines from x and writes as r(x) too: r at another
            # point (r as a function of x), or r times (x + c 1)? (r(1 - r) holds r itself: a product; D (u - v) of
            # a D never written D(u): a product)
            held = {str(x) for x in self.values[key].expr.free_symbols} \
                | {str(b.label) for b in self.values[key].expr.atoms(sp.IndexedBase)}
            inside = {symbol_name(n) for n in names_under(item_base(nxt.item))}
            usage = getattr(self, "usage", None)
            lone = {symbol_name(n) for n in (usage.applied_to.get(word, ()) if usage is not None else ())}
            if key not in inside and len(inside) == 1 and _lone_argument(nxt) and held - set(self.sizes):
                # gamma(u) of a gamma = 1/sqrt(1 - v^2/c^2): gamma at the speed u (a function of its speed), or gamma
                # times u? a number's name before a lone letter in parentheses is written so for the first
                raise FormulaError(f"{word}({next(iter(inside))}), where the document defines {word} as a number "
                                   f"from {', '.join(sorted(held - set(self.sizes)))}: {word} as a function at "
                                   f"{next(iter(inside))}, or {word} times {next(iter(inside))}? define the function "
                                   f"{word}(...) = ..., or write \\cdot for a product")
            if key not in inside and inside & held and lone & held:  # (the document writes r(x) somewhere)
                raise FormulaError(f"{word}(...), where the document defines {word} from "
                                   f"{', '.join(sorted(inside & held))}: {word} at another point (a function of them) or "
                                   f"{word} times (...)? define the function {word}(...) = ..., or write \\cdot for a "
                                   "product")
        if word not in env and (kind == "scalar" or kind is None and scripts) and word not in ("e", "\\pi") \
                and not subs and word not in self.lambdas \
                and all(sc.data == "sup_script" for sc in scripts) and _lone_argument(nxt) \
                and node_kind(_lone_inner(nxt)) in ("letter", "command") and node_word(_lone_inner(nxt)) != word \
                and node_word(_lone_inner(nxt)) not in BUILTIN_FUNCTIONS:
            # \sigma^2(x) of a sigma the words say is a number ("$\sigma > 0$"), or of a sigma never declared: its
            # value as a function of x (what the words may mean by "depends on x"), or sigma^2 times x? never read as
            # either silently
            lone = node_word(_lone_inner(nxt))
            if scripts:
                raise FormulaError(f"{word}^...({lone}): a power of the function {word} at {lone}, or a power of the "
                                   f"number {word} times {lone}? define the function {word}({lone}) = ..., or write "
                                   f"\\cdot for a product")
            raise FormulaError(f"{word}({lone}), where {word} is declared a number: {word} as a function of {lone}, or "
                               f"{word} times {lone}? define the function {word}({lone}) = ..., or write \\cdot for a "
                               "product")
        if word in env or (self.notation.kind_of(word) is not None
                           and not (word in self.redefined and self._in_force(word))) or word == "e":
            return None
        if len(subs) == 1 and word not in self.lambdas:
            inner = subs[0].children[1]
            inner = inner.children[0] if node_kind(inner) == "group" and len(inner.children) == 1 else inner
            inner = inner.children[0] if node_kind(inner) == "product" and len(inner.children) == 1 else inner
            inner = item_base(inner) if node_kind(inner) == "item" and not item_scripts(inner) else inner
            label = self._label(word, inner, "", env) if node_kind(inner) in ("letter", "number", "command") else None
            if label is not None and self.notation.kind_of(label) in ("matrix", "vector", "scalar"):
                return None  # W_2 (v - y): the declared W_2 times (v - y)
        if len(subs) == 1 and word in self.families and self.line is not None \
                and self.line >= self.families[word][1] and all(sc.data in ("sub_script", "prime") for sc in scripts):
            # T_n(x), T_{n+1}(x), T_3(x) of a family a recurrence defines: its term at that step
            t, at, funcs = self.families[word]
            number = self._inner_item(subs[0].children[1])
            step = sp.Integer(int(str(number.children[0]))) if node_kind(number) == "number" \
                and str(number.children[0]).isdigit() else self._step_of(subs[0].children[1], env)
            if step is None:
                raise FormulaError(f"{word}_...(...) of the family line {at} defines by a recurrence in {t}: read at a "
                                   f"whole number or a size (plus or minus a whole number) only")
            return Fn("family", word, func=(step, funcs), primes=sum(1 for sc in scripts if sc.data == "prime"))
        if any(sc.data == "sub_script" for sc in scripts) and word in self.sequence_names:
            return None  # x_k (2 - a x_k) of a sequence x at a general step: a product
        if any(sc.data == "sub_script" for sc in scripts) and word not in self.lambdas:
            raise FormulaError(f"{word}_...(...) is a function at a point or a product; write "
                               f"{word}_{{...}} \\cdot (...) for a product (functions with subscripts are not read)")
        if any(sc.data != "prime" for sc in scripts):
            return None
        primes = len(scripts)
        if primes and self.prime_transpose:
            raise FormulaError(f"{word}'(...) where the document writes the transpose with a prime: the derivative "
                               f"of {word} or the transpose of {word} times (...)? write \\frac{{d}}{{dx}} {word}(x) "
                               "or put the product in other words")
        if primes > MAX_ORDER:
            raise FormulaError(f"a derivative of order more than {MAX_ORDER} is not read")
        if word in self.lambdas and self._in_force(word):
            return Fn("lambda", word, func=self.lambdas[word], primes=primes)
        if word in SPECIAL_FUNCTIONS and self.notation.kind_of(word) is None:
            # \Gamma(s + 1) = s \Gamma(s): the Gamma function, never any function of that name
            kind, what = SPECIAL_FUNCTIONS[word]
            if primes:
                raise FormulaError(f"{word}'(...): the derivative of the {what} (the digamma function) is not read")
            self.notes.append(Reading("inferred", f"${word}$ is read as the {what}"))
            return Fn(kind, word)
        if word in self.function_letters or (primes and word not in self.scalar_letters):
            return Fn("unknown", word, func=sp.Function(symbol_name(word), real=True), primes=primes)
        if word in self.scalar_letters and not primes:
            if symbol_name(word) in self.values and _lone_argument(nxt) \
                    and node_kind(_lone_inner(nxt)) in ("letter", "command") and node_word(_lone_inner(nxt)) != word:
                # gamma(u) of a gamma the document defines (here out of force: given two values, say): the number's
                # function at u, or gamma times u? (r(1 - r), a product, holds no lone letter)
                lone = node_word(_lone_inner(nxt))
                raise FormulaError(f"{word}({lone}), where the document defines {word} as a number: {word} as a "
                                   f"function of {lone}, or {word} times {lone}? define the function {word}({lone}) = "
                                   f"..., or write \\cdot for a product")
            if _single_term(nxt) and word not in self.stated and symbol_name(word) not in self.values:
                # f(-1) + f(1) beside G(f): f used alone elsewhere is no reason to read f(1) as f times 1
                raise FormulaError(f"{word}(...) is the function {word} at a point or the product {word}·(...) "
                                   f"({word} is also used alone, as a number would be); write {word} \\cdot (...) for "
                                   f"a product, or define {word}(x) = ... in an earlier display")
            return None
        raise FormulaError(f"{word}(...) is the function {word} at a point or the product {word}·(...); write "
                           f"{word} \\cdot (...) for a product, or define {word}(x) = ... in an earlier display")

    def _law_written(self, node, env) -> tuple[str, tuple] | None:
        """Ber(q), \\mathcal{N}(\\mu, \\sigma^2), Exp(\\lambda), Poisson(\\lambda) written as an argument: the family
        and its parameters (read); None for anything else."""
        if node_kind(node) != "product" or len(node.children) != 2:
            return None
        head, call = node.children
        if item_scripts(head) or item_scripts(call) or node_kind(item_base(call)) != "paren":
            return None
        base = item_base(head)
        word = node_word(base)
        if node_kind(base) == "accent" and str(base.children[0]) == "\\mathcal":
            inner = base.children[1]
            while node_kind(inner) in ("group", "product", "item") and len(inner.children) == 1:
                inner = inner.children[0]
            word = "N" if node_kind(inner) == "letter" and str(inner.children[0]) == "N" else None
        family = {"Ber": "bernoulli", "Bern": "bernoulli", "Bernoulli": "bernoulli", "N": "normal",
                  "Normal": "normal", "Exp": "exponential", "Poisson": "poisson", "Pois": "poisson"}.get(word or "")
        params = list(item_base(call).children)
        if family is None or len(params) != (2 if family == "normal" else 1):
            return None
        if family == "normal" and node_kind(params[1]) == "product" and len(params[1].children) == 1 \
                and not item_scripts(params[1].children[0]) \
                and node_kind(item_base(params[1].children[0])) in ("letter", "command"):
            raise FormulaError("N(mu, sigma): the second parameter a standard deviation or a variance? write the "
                               "variance, N(\\mu, \\sigma^2)")
        values = tuple(self._expr(p, env) for p in params)
        if any(isinstance(v, MatrixTerm) or v.is_vector or v.row for v in values):
            raise FormulaError("the parameters of a law in KL(...) must be numbers")
        return family, tuple(v.expr for v in values)

    def _divergence(self, args, env) -> V.Value:
        """KL(p \\| q) of two laws of one family written out (Ber(a) \\| Ber(b), N(m_1, s_1^2) \\| N(m_2, s_2^2)), in
        closed form; of two probability vectors, sum_i p_i log(p_i / q_i)."""
        laws = [self._law_written(a, env) for a in args]
        if all(laws):
            (f, a), (g, b) = laws
            if f != g:
                raise FormulaError(f"KL between a {f} law and a {g} law is not read")
            if f == "bernoulli":
                for x in (a[0], b[0]):
                    V.requires(sp.Gt(x, 0, evaluate=False))
                    V.requires(sp.Lt(x, 1, evaluate=False))
                value = a[0] * sp.log(a[0] / b[0]) + (1 - a[0]) * sp.log((1 - a[0]) / (1 - b[0]))
            elif f == "normal":
                (m1, v1), (m2, v2) = a, b
                V.requires(sp.Gt(v1, 0, evaluate=False))
                V.requires(sp.Gt(v2, 0, evaluate=False))
                value = (sp.log(v2 / v1) + (v1 + (m1 - m2) ** 2) / v2 - 1) / 2
            elif f == "exponential":
                for x in (a[0], b[0]):
                    V.requires(sp.Gt(x, 0, evaluate=False))
                value = sp.log(a[0] / b[0]) + b[0] / a[0] - 1
            else:
                for x in (a[0], b[0]):
                    V.requires(sp.Gt(x, 0, evaluate=False))
                value = a[0] * sp.log(a[0] / b[0]) - a[0] + b[0]
            self.notes.append(Reading("inferred", "KL(P \\| Q) of two laws written out is read in closed form"))
            return V.Value(value)
        if any(laws):
            raise FormulaError("KL(...) of a law and something else is not read")
        p, q = (self._expr(a, env) for a in args)
        if any(isinstance(v, MatrixTerm) for v in (p, q)) or not (p.is_vector and q.is_vector) or p.row or q.row:
            raise FormulaError("KL(p \\| q) of two numbers: of Bernoulli laws? write KL(Ber(p) \\| Ber(q)); KL is read of "
                               "two laws written out or two probability vectors")
        self.notes.append(Reading("inferred", "KL(p \\| q) of two vectors is read as $\\sum_i p_i \\log(p_i / q_i)$"))
        # (KL(p || q) = CE(p, q) - CE(p, p), the cross-entropy less the entropy)
        return V.Value(V.cross_entropy(p, q).expr - V.cross_entropy(p, p).expr, None, p.conventions + q.conventions)

    def _is_word_name(self, entry: Entry, env) -> bool:
        """\\mathrm{sech}, \\mathit{loss}: an undeclared name of several letters (it may be a function)."""
        base = item_base(entry.item)
        word = node_word(base)
        return (node_kind(base) == "text" and word is not None and len(word) > 1 and word not in env
                and self.notation.kind_of(word) is None and word not in BUILTIN_FUNCTIONS
                and symbol_name(word) not in self.values)

    def _apply_at(self, fn: Fn, entries: list[Entry], k: int, env) -> tuple[V.Value, int]:
        nxt = entries[k + 1] if k + 1 < len(entries) else None
        if nxt is None or nxt.op is not None or nxt.negative:
            at_own = self._partial_at_own_variables(fn, env)
            if at_own is not None:
                return at_own, k + 1
            raise FormulaError(f"{fn.name} needs an argument")
        arg_base = item_base(nxt.item)
        if node_kind(arg_base) == "group" and len(arg_base.children) == 1:
            # \\log{\\left(x\\right)}^2 looks like \\log(x)^2 once typeset: the braces are invisible.
            inner = arg_base.children[0]
            if node_kind(inner) == "product" and len(inner.children) == 1 and not item_scripts(inner.children[0]) \
                    and node_kind(item_base(inner.children[0])) == "paren":
                arg_base = item_base(inner.children[0])
        if node_kind(arg_base) == "paren" and fn.kind == "diag" and len(arg_base.children) > 1:
            # diag(c_1, \\dots, c_n), diag(2, 3): the diagonal matrix of the vector its entries write out
            args = (self._written_vector(list(arg_base.children), env, False, "the diagonal written out in diag(...)"),)
            value = self._apply(fn, args)
            return self._scripted(value, item_scripts(nxt.item), env), k + 2
        if node_kind(arg_base) == "paren" and fn.kind == "kl":
            if len(arg_base.children) != 2 or fn.primes:
                raise FormulaError(f"{fn.name} takes two laws or two probability vectors, p \\| q")
            value = self._divergence(list(arg_base.children), env)
            if fn.power != 1:
                value = V.power(value, V.Value(sp.Integer(fn.power)))
            return self._scripted(value, item_scripts(nxt.item), env), k + 2
        if node_kind(arg_base) == "paren":
            after = entries[k + 2] if k + 2 < len(entries) else None
            if str(fn.name).lstrip("\\") in _ANGLE_FUNCTIONS and after is not None and after.op is None \
                    and not after.negative and not item_scripts(nxt.item) \
                    and node_kind(item_base(after.item)) in ("letter", "command") \
                    and not self._opens_function(after, env) \
                    and {symbol_name(n) for n in names_under(arg_base)} <= {"n", "k", "m", "j", "l", "i"}:
                # \cos\left(n + \tfrac12\right) x: the cosine of (n + 1/2) x, as trigonometry writes it, or
                # cos(n + 1/2) times x? (only a coefficient in the parentheses: \sin(x) y is a product)
                raise FormulaError(f"{fn.name}(...) followed by a letter: {fn.name} of the whole product, or "
                                   f"{fn.name}(...) times it? write {fn.name}\\left((...) x\\right) or "
                                   f"{fn.name}(...) \\cdot x")
            args = tuple(self._expr(e, env) for e in arg_base.children)
            value = self._apply(fn, args)
            return self._scripted(value, item_scripts(nxt.item), env), k + 2
        if node_kind(arg_base) == "paren_params":
            return self._scripted(self._with_parameters(fn, arg_base, env), item_scripts(nxt.item), env), k + 2
        if fn.kind in ("lambda", "unknown"):
            raise FormulaError(f"{fn.name} needs its argument in parentheses")
        if self._own_matrix_call(nxt, entries[k + 2] if k + 2 < len(entries) else None):
            # \log_{10} \rho(M_{GS}) of a \rho defined at its own argument: \rho with its arguments, or refused
            inner = self._at_own_matrices(nxt, entries[k + 2], env)
            if item_scripts(entries[k + 2].item):
                inner = self._scripted(inner, item_scripts(entries[k + 2].item), env)
            if k + 3 < len(entries) and entries[k + 3].op is None:
                raise FormulaError(f"unclear how far {fn.name} reaches; add parentheses")
            return self._apply(fn, (inner,)), k + 3
        head = self._function_head(nxt, entries[k + 2] if k + 2 < len(entries) else None, env) \
            or self._item(nxt.item, env)
        if isinstance(head, (SumOp, DerivativeOp)):
            return self._apply(fn, (self._operate(head, entries[k + 2:], env),)), len(entries)
        if isinstance(head, Fn):
            # \log \sigma(x): the inner function takes its parentheses, the outer one takes the result.
            inner, end = self._apply_at(head, entries, k + 1, env)
            if end < len(entries) and entries[end].op is None:
                raise FormulaError(f"unclear how far {fn.name} reaches; add parentheses")
            return self._apply(fn, (inner,)), end
        if isinstance(head, tuple):
            raise FormulaError(f"{fn.name} of a list")
        end = self._monomial_end(entries, k + 1, env)
        if end is not None:
            # \\sin 2x, \\log 2\\pi\\sigma^2: a number and the names written after it, the function's argument
            for entry in entries[k + 2:end]:
                factor = self._item(entry.item, env)
                head = V.multiply(head, factor)
            self.notes.append(Reading("inferred", "a function written before a number and names ($\\sin 2x$, "
                                                  "$\\log 2\\pi\\sigma^2$) is read of their whole product "
                                                  "($\\sin(2x)$, $\\log(2\\pi\\sigma^2)$)"))
            return self._apply(fn, (head,)), end
        if k + 2 < len(entries) and entries[k + 2].op is None and not self._opens_function(entries[k + 2], env):
            raise FormulaError(f"unclear how far {fn.name} reaches; add parentheses")
        return self._apply(fn, (head,)), k + 2

    def _monomial_end(self, entries: list[Entry], k: int, env) -> int | None:
        """Where the argument of a function written without parentheses ends when it is a whole number and
        names after it (\\sin 2x, \\log 2\\pi\\sigma^2): at the next operator or function, or at the end of the
        product. None when the argument is not such a product, or when something else (a bracket, a fraction)
        follows the names, which leaves the reach unclear."""
        first = entries[k]
        # (\cos n\pi, \sin k \pi x: a letter and pi after it, as a Fourier series writes it: cos(n pi), sin(k pi x))
        lettered = node_kind(item_base(first.item)) == "letter" and k + 1 < len(entries) \
            and entries[k + 1].op is None and not entries[k + 1].negative and not item_scripts(entries[k + 1].item) \
            and node_kind(item_base(entries[k + 1].item)) == "command" \
            and str(item_base(entries[k + 1].item).children[0]) == "\\pi" and "\\pi" not in env
        if first.op is not None or first.negative or item_scripts(first.item) \
                or (node_kind(item_base(first.item)) != "number" and not lettered) \
                or "." in str(item_base(first.item).children[0]):
            return None
        end = k + 1
        while end < len(entries) and entries[end].op is None and not entries[end].negative \
                and not self._opens_function(entries[end], env):
            base = item_base(entries[end].item)
            if node_kind(base) not in ("letter", "command") or any(sc.data not in ("sub_script", "sup_script")
                                                                    for sc in item_scripts(entries[end].item)):
                return None
            try:
                factor = self._meaning_quiet(node_word(base), env)
            except FormulaError:
                return None
            if not isinstance(factor, V.Value) or factor.is_vector or factor.row or factor.is_matrix:
                return None
            end += 1
        return end if end > k + 1 else None

    def _with_parameters(self, fn: Fn, node: Tree, env) -> V.Value:
        """f(\\theta_k; \\Theta): a function of one entry with its parameters after ';', read where f is a
        function of a whole vector (softmax): entry k of f(\\Theta), when \\theta_k is entry k of \\Theta."""
        at = next(n for n, c in enumerate(node.children) if isinstance(c, Token) and c.type == "SEMI")
        before, after = node.children[:at], node.children[at + 1:]
        name = fn.name.rstrip("'")
        if fn.kind == "normal_pdf":
            if len(before) != 1 or len(after) != 2:
                raise FormulaError("\\mathcal{N}(x; \\mu, \\sigma^2), the normal density at x, is read with one point "
                                   "before ';' and a mean and a variance after it")
            x, mean, variance = (self._expr(e, env) for e in (*before, *after))
            if any(isinstance(v, MatrixTerm) or v.is_vector or v.row for v in (x, mean, variance)):
                raise FormulaError("\\mathcal{N}(x; \\mu, \\sigma^2) is read on numbers only (the density of one "
                                   "variable), not on vectors")
            V.requires(sp.Gt(variance.expr, 0, evaluate=False))
            self.notes.append(Reading("inferred", "$\\mathcal{N}(x; \\mu, \\sigma^2)$ is read as the normal density "
                                                  "$e^{-(x - \\mu)^2 / (2 \\sigma^2)} / \\sqrt{2 \\pi \\sigma^2}$, "
                                                  "its third argument the variance"))
            density = sp.exp(-(x.expr - mean.expr) ** 2 / (2 * variance.expr)) / sp.sqrt(2 * sp.pi * variance.expr)
            return V.Value(density, None, tuple(c for v in (x, mean, variance) for c in v.conventions))
        if fn.kind == "lambda" and name in self.parametric and not fn.primes:
            names, body, domain = self.parametric[name]
            if len(before) != 1 or len(after) != len(names) - 1:
                raise FormulaError(f"{name} is defined with {len(names) - 1} parameter(s) after ';' "
                                   f"({name}(x; ...) on line {self.defined_at.get(name)})")
            values = [self._expr(e, env) for e in (*before, *after)]
            if any(isinstance(v, MatrixTerm) or v.is_vector or v.row for v in values):
                raise FormulaError(f"{name}(...; ...) is defined on numbers")
            at_values = dict(zip(names, (v.expr for v in values)))
            for cond in domain:
                V.requires(cond.xreplace(at_values))
            return V.Value(body.xreplace(at_values), None, tuple(c for v in values for c in v.conventions))
        if fn.kind not in ("softmax", "logsoftmax", "lambda", "unknown"):
            raise FormulaError(f"{fn.name} takes its argument alone; parameters after ';' are read for softmax of a "
                               "vector (softmax(\\theta_k; \\Theta)) and for a function the document defines with them "
                               "(g(x; w) = ...)")
        if fn.kind not in ("softmax", "logsoftmax") or fn.primes or fn.power != 1:
            raise FormulaError(f"{fn.name}(...; ...), a function with parameters after ';', is read only where "
                               f"{fn.name} is a function of the whole vector (say so in the text: "
                               f"${fn.name} = \\text{{softmax}}$) or is defined with its parameters ({fn.name}(x; w) = ...)")
        if len(before) != 1 or len(after) != 1:
            raise FormulaError(f"{fn.name}(a; U) is read with one entry before ';' and one vector after it")
        return self._entry_of(fn, self._expr(before[0], env), self._expr(after[0], env))

    def _entry_of(self, fn: Fn, entry: V.Value, whole: V.Value) -> V.Value:
        """softmax(u_k; U) (or softmax(u_k, U)): entry k of softmax(U), u_k being entry k of the vector U."""
        if isinstance(whole, MatrixTerm) or isinstance(entry, MatrixTerm) or not whole.is_vector \
                or entry.is_vector or entry.row:
            raise FormulaError(f"{fn.name}(a; U) is read with an entry a of the vector U")
        expr = entry.expr
        index = expr.indices[0] if isinstance(expr, sp.Indexed) and len(expr.indices) == 1 else None
        if index is None or whole.expr.xreplace({V.entry_index(whole.size): index}) != expr:
            raise FormulaError(f"{fn.name}(a; U) is read as entry k of {fn.name}(U) only where a is entry k "
                               "of U (write the entry of U, U_k, before ';')")
        column = V.Value(whole.expr, whole.size, whole.conventions)
        value = V.softmax_of(column) if fn.kind == "softmax" else V.log_softmax_of(column)
        self.notes.append(Reading("inferred", f"${fn.name}(u_k; U)$ is read as entry $k$ of ${fn.name}(U)$"))
        return V.entry_at(value, index)

    def _opens_function(self, entry: Entry, env) -> bool:
        """\\sin a \\cos b: the next function name ends the reach of the one before."""
        word = node_word(item_base(entry.item))
        return word is not None and word not in env and isinstance(self._meaning_quiet(word, env), Fn)


    def _meaning_quiet(self, word: str, env):
        guesses = self.guesses.copy()
        try:
            return self._meaning(word, env)
        except FormulaError:
            return None
        finally:
            self.guesses = guesses

    def _apply(self, fn: Fn, args: tuple[V.Value, ...]) -> V.Value:
        value = self._apply_once(fn, args)
        if fn.kind == "lambda" and isinstance(value, V.Value) and fn.name.rstrip("'") in self.lambdas:
            # (eps(B) = eps_max / (1 + B / B_noise) learned before "B_noise = 25, eps_max = 2": eps(25) with them put in)
            value = self._defined_later_put(fn.name.rstrip("'"), value)
        if fn.kind == "lambda" and fn.name.rstrip("'") in getattr(self, "defined_past", {}):
            self.past_used.append(fn.name.rstrip("'"))  # (a formula read past a side that is not: see DocumentBuilder)
        if fn.power != 1:
            value = V.power(value, V.Value(sp.Integer(fn.power)))
        return value

    def _apply_once(self, fn: Fn, args: tuple[V.Value, ...]) -> V.Value:
        if fn.kind == "det":
            if len(args) != 1 or fn.primes:
                raise FormulaError("\\det takes one matrix")
            return P.determinant(args[0])
        if fn.kind in ("trace", "diag"):
            if len(args) != 1:
                raise FormulaError(f"{fn.name} takes one argument, got {len(args)}")
            scalar_arg = isinstance(args[0], V.Value) and not args[0].is_vector and not args[0].is_matrix \
                and not args[0].row
            guessed = sorted(str(x) for x in args[0].expr.free_symbols
                             if isinstance(x, sp.Symbol) and self.guesses.get(str(x), 0) > 0) if scalar_arg else []
            if fn.kind == "trace" and guessed:
                # tr(\Sigma^{-1}) of an undeclared Sigma: a matrix, never the number the trace of a number is
                raise FormulaError(f"the trace of {', '.join(guessed)}, read as a number (not declared): declare "
                                   f"{guessed[0]} as a matrix (\\in \\mathbb{{R}}^{{n \\times n}})")
            return P.trace_of(args[0]) if fn.kind == "trace" else P.diag_of(args[0])
        if fn.kind in ("softmax", "logsoftmax") and len(args) == 2 and not fn.primes and fn.power == 1 \
                and all(isinstance(a, V.Value) for a in args) and not args[0].is_vector and args[1].is_vector:
            return self._entry_of(fn, *args)  # softmax(\\theta_k, \\Theta), the parameters after a comma
        if fn.kind == "lambda" and fn.name.rstrip("'") in self.vector_functions:
            return self._apply_vector_function(fn, args)
        if any(isinstance(a, MatrixTerm) for a in args):
            raise FormulaError(f"{fn.name} of a matrix is not read (entry by entry or as a matrix function?); "
                               "write its entries")
        if any(a.row for a in args):
            if any(a.is_vector and not a.row for a in args) or any(not a.is_vector for a in args if a.row):
                raise FormulaError(f"{fn.name} of a transposed vector and a vector")
            # a row's function is the column's, laid out as a row (entry by entry, softmax, a loss)
            value = self._apply_once(fn, tuple(dataclasses.replace(a, row=False) for a in args))
            return dataclasses.replace(value, row=True) if value.is_vector else value
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
        if fn.kind == "lambda" and isinstance(fn.func, sp.Lambda) and len(args) != len(fn.func.variables) \
                and len(args) in self.overloads.get(fn.name, {}):
            fn = dataclasses.replace(fn, func=self.overloads[fn.name][len(args)])  # H(p) beside H(p, q)
        if fn.kind == "lambda" and len(fn.func.variables) > 1:
            return self._apply_several(fn, args)
        if fn.kind == "lse" and len(args) > 1 and not fn.primes \
                and all(isinstance(a, V.Value) and not a.is_vector and not a.is_matrix for a in args):
            # LSE(a, b) of numbers: log(e^a + e^b)
            return V.Value(sp.log(sp.Add(*[sp.exp(a.expr) for a in args])), None,
                           tuple(c for a in args for c in a.conventions))
        if len(args) != 1:
            raise FormulaError(f"{fn.name} takes one argument, got {len(args)}")
        (arg,) = args
        if fn.kind == "softmax":
            return V.softmax_of(arg)
        if fn.kind == "lse":
            return V.log_sum_exp(arg)
        if fn.kind == "logsoftmax":
            return V.log_softmax_of(arg)
        if fn.kind == "family":
            if arg.is_vector or arg.row:
                raise FormulaError(f"{fn.name}_...(...) of a vector: the family is defined on numbers")
            step, funcs = fn.func
            u = sp.Dummy("u", real=True)
            values = [sp.diff(f(u), u, fn.primes) if fn.primes else f(u) for f in funcs]
            t, at, _ = self.families[fn.name]
            self.notes.append(Reading("definition", f"${fn.name}_{{{t}}}$ is the family of functions the recurrence "
                                                    f"defines from its first terms (known up to {t} = {len(funcs) - 1})",
                                      at))
            name = Str(fn.name + "'" * fn.primes)
            at = sp.Tuple(*(_at_argument(v, u, arg.expr) for v in values))
            return arg.with_expr(FamilyTerm(name, step, at, arg.expr))
        if fn.kind == "lambda" and fn.name.rstrip("'") in self.entry_functions:
            return self._apply_entry_function(fn, arg)
        if fn.kind == "lambda" and fn.name.rstrip("'") in self.matrix_valued:
            return self._apply_matrix_valued(fn, arg)
        if fn.kind in ("lambda", "unknown"):
            if arg.is_vector:
                raise FormulaError(f"{fn.name} of a vector: {fn.name} was defined on scalars")
            u = sp.Dummy("u", real=True)
            body = fn.func(u)
            if fn.primes:
                # where a function defined by cases changes branch it may have no derivative: not claimed there
                _no_derivative_at_kinks(body, u, arg.expr)
                body = sp.diff(body, u, fn.primes) if fn.kind == "lambda" else sp.Derivative(body, (u, fn.primes))
            if fn.kind == "lambda":
                # f(x) = sqrt(x) defined earlier: f(u) needs u >= 0, whatever SymPy makes of f(u)^2
                variable, conditions = self.lambda_domains.get(fn.name.rstrip("'"), (None, ()))
                for cond in conditions:
                    V.requires(cond.xreplace({variable: arg.expr}))
            return arg.with_expr(_at_argument(body, u, arg.expr))
        if fn.kind == "gamma" and (arg.is_vector or arg.row or arg.is_matrix):
            raise FormulaError(f"{fn.name}(...) of a vector: the Gamma function is read of a number only")
        if fn.kind == "log" and fn.base is not None:
            base = fn.base
            return V.entrywise(lambda t: _log(t) / sp.log(base), arg)
        if fn.primes:
            u = sp.Dummy("u", real=True)
            body = V.SCALAR_FUNCTIONS[fn.kind](u)
            derivative = sp.diff(body, u, fn.primes)

            def at(t):
                # ReLU'(0): a kink has no derivative (SymPy's Heaviside(0) = 1/2 is a convention, not one)
                _no_derivative_at_kinks(body, u, t)
                return derivative.subs(u, t)

            return V.entrywise(at, arg)
        return V.entrywise(V.SCALAR_FUNCTIONS[fn.kind], arg)

    def _apply_matrix_valued(self, fn: Fn, arg: V.Value) -> MatrixTerm:
        """R(a + b) of R(alpha) = a matrix written out: that matrix with a + b for alpha."""
        name = fn.name.rstrip("'")
        variable, body = self.matrix_valued[name]
        if fn.primes:
            raise FormulaError(f"{name}' is not read: {name}(...) is a matrix (line {self.defined_at.get(name)}); "
                               f"write the derivative of its entries")
        if arg.is_vector or arg.row or arg.is_matrix:
            raise FormulaError(f"{name} of a vector or a matrix: {name} is defined on numbers (line "
                               f"{self.defined_at.get(name)})")
        _, conditions = self.lambda_domains.get(name, (None, ()))
        for cond in conditions:
            V.requires(cond.xreplace({variable: arg.expr}))
        value = V.Value(body.expr.xreplace({variable: arg.expr}), body.size, body.conventions + arg.conventions,
                        cols=body.cols)
        return MatrixTerm(P.leaf(value), value.conventions)  # (a term of matrices: R(a)^{-1}, R(a) R(b), R(a) q)

    def _apply_vector_function(self, fn: Fn, args: tuple) -> V.Value:
        """J(v) for J(w) = formula, w a vector: the formula with v's entries put for w's; for f(z)_i = formula
        (``out`` the length of f's values), the vector whose entry is that formula."""
        name = fn.name.rstrip("'")
        base, length, body, domain, out = self.vector_functions[name]
        where = f"{name}({base}) = ... on line {self.defined_at.get(name)}"
        if fn.primes:
            raise FormulaError(f"{name}' is not read: {name} is a function of the vector {base} ({where}); "
                               f"write its gradient, \\nabla_{{{base}}} {name}")
        if len(args) == 1 and isinstance(args[0], MatrixTerm):
            args = (P.sized(args[0], length),)  # J(\\mathbf{0}), J(x + s \\mathbf{1})
        if len(args) != 1 or isinstance(args[0], MatrixTerm) or not args[0].is_vector or args[0].row:
            raise FormulaError(f"{name} is defined on vectors ({where}): {name} of anything else is not read")
        (arg,) = args
        if arg.size != length:
            raise FormulaError(f"{name} of a vector of length {arg.size}: {name} is defined on vectors of length "
                               f"{length} ({where})")
        if arg.expr == base[V.entry_index(length)]:
            return V.Value(body, out, arg.conventions)
        from ..normal import rename_dummies
        self._vector_calls += 1
        entry = rename_dummies(arg.expr, stem=f"_a{self._vector_calls}_")  # no dummy of the argument is captured
        at = V.entry_index(length)
        put = lambda e: entry.xreplace({at: e.indices[0]})  # noqa: E731
        value = body.replace(lambda e: isinstance(e, sp.Indexed) and e.base == base, put)
        for cond in domain:
            V.requires(cond.replace(lambda e: isinstance(e, sp.Indexed) and e.base == base, put))
        return V.Value(value, out, arg.conventions)

    def _partial_subscript(self, fn: Fn, subs) -> "Fn | None":
        """f_x, f_{xy} of a function f(x, y) = formula the document defines, the subscript's letters all among its
        variables: the partial derivative, as a function of the same variables (with the reading noted); None
        otherwise. Never of a formula with kinks or a domain of its own (|x|, max, sqrt); a function the document
        defines under the subscripted name (f_x(t) = ...) is that function (see _scripted_function)."""
        name = fn.name
        if fn.kind != "lambda" or fn.primes or not isinstance(fn.func, sp.Lambda) or len(subs) != 1 \
                or name not in self.lambdas or not self._in_force(name):
            return None
        inner = subs[0].children[1]
        inner = inner.children[0] if node_kind(inner) == "group" and len(inner.children) == 1 else inner
        items = inner.children if node_kind(inner) == "product" else [inner]
        items = [item_base(c) if isinstance(c, Tree) and node_kind(c) == "item" and not item_scripts(c) else c
                 for c in items]
        if not 1 <= len(items) <= MAX_ORDER or not all(isinstance(c, Tree) and node_kind(c) == "letter" for c in items):
            return None
        letters = [str(c.children[0]) for c in items]
        variables = {str(v): v for v in fn.func.variables}
        if not set(letters) <= set(variables) or self.lambda_domains.get(name, (None, ()))[1] \
                or fn.func.expr.has(sp.Piecewise, sp.Abs, sp.Heaviside, sp.Max, sp.Min, sp.sign):
            return None
        sub = "".join(letters)
        body = sp.diff(fn.func.expr, *[variables[x] for x in letters])
        self.notes.append(Reading("inferred", f"${name}_{{{sub}}}$ is read as the partial derivative of ${name}$ "
                                              f"by {', '.join(letters)}"))
        return Fn("lambda", f"{name}_{sub}", func=sp.Lambda(fn.func.variables, body))

    def _partial_at_own_variables(self, fn: Fn, env) -> V.Value | None:
        """f_x alone, of an f(x, y) = formula the document defines (see _partial_subscript): the partial derivative at
        f's own variables, x and y as the document writes them ("f_x = 3x^2 - 3y"); None for anything else, or where
        a variable is bound or given a value."""
        base, _, sub = fn.name.partition("_")
        if fn.kind != "lambda" or not sub or fn.name in self.lambdas or base not in self.lambdas \
                or not isinstance(fn.func, sp.Lambda) or fn.primes:
            return None
        variables = fn.func.variables
        if not all(isinstance(v, sp.Symbol) and not isinstance(v, sp.Dummy) and str(v) not in env
                   and symbol_name(str(v)) not in self.values for v in variables):
            return None
        return V.Value(fn.func.expr)

    def _apply_several(self, fn: Fn, args: tuple[V.Value, ...]) -> V.Value:
        """u(a, b) for u(x, y) = formula defined in the document: the formula at (a, b)."""
        variables, conditions = self.lambda_domains.get(fn.name, ((), ()))
        if len(args) != len(fn.func.variables):
            raise FormulaError(f"{fn.name} takes {len(fn.func.variables)} arguments, got {len(args)}")
        if fn.primes:
            raise FormulaError(f"{fn.name}' of a function of several variables: write a partial derivative")
        if any(a.is_vector for a in args):
            raise FormulaError(f"{fn.name} of a vector: {fn.name} was defined on numbers")
        # substituted all at once, through fresh names, so u(y, x) swaps x and y
        fresh = [sp.Dummy("u", real=True) for _ in args]
        body = fn.func(*fresh)
        at = dict(zip(fresh, (a.expr for a in args)))
        for cond in conditions:
            V.requires(cond.xreplace(dict(zip(variables, fresh))).xreplace(at))
        return V.Value(body.xreplace(at), None, tuple(c for a in args for c in a.conventions))

    def _own_matrix_call(self, entry: Entry, nxt: Entry | None) -> bool:
        """Whether the entry is a name defined at its own matrices (L(W) = ...) and the next one its arguments."""
        if item_scripts(entry.item) or nxt is None or nxt.op is not None or nxt.negative \
                or any(sc.data != "sup_script" for sc in item_scripts(nxt.item)) or node_kind(item_base(nxt.item)) != "paren":
            return False
        word = node_word(item_base(entry.item))
        return word in self.matrix_functions and self._in_force(symbol_name(word))

    def _at_own_matrices(self, entry: Entry, nxt: Entry, env) -> V.Value:
        """L(W) of an L(W) = formula the document defines at a matrix W: the formula (as L alone is); L at other
        arguments is not read (put for W, a matrix expression would need the formula's own matrix calculus)."""
        name = node_word(item_base(entry.item))
        own = self.matrix_functions[name]
        point = self._item(Tree("item", [item_base(nxt.item)]), env)
        args = tuple(point) if isinstance(point, tuple) else (point,)
        if len(args) != len(own) or any(a != b for a, b in zip(args, own)):
            raise FormulaError(f"{name} is defined at its own arguments (line {self.defined_at.get(name, '?')}): "
                               f"{name} at other arguments is not read")
        return _with_domain(self.values[symbol_name(name)])

    def _apply_entry_function(self, fn: Fn, arg: V.Value) -> V.Value:
        """g(\\theta_m) for g defined entry by entry, g(\\theta_i) = formula: the formula at entry m;
        g(\\theta) is the vector of those entries. Any other argument is refused."""
        name = fn.name.rstrip("'")
        base, index, body = self.entry_functions[name]
        expr = arg.expr
        if fn.primes:
            raise FormulaError(f"{name}' is not read: {name} is defined entry by entry on {base}")
        if not (isinstance(expr, sp.Indexed) and expr.base == base and len(expr.indices) == 1):
            raise FormulaError(f"{name} is defined on the entries of {base} ({name}({base}_i) = ...); "
                               f"{name} of anything else is not read")
        at = expr.indices[0]
        bound = {v for s in body.atoms(sp.Sum, sp.Product) for v, *_ in s.limits}
        if bound & (at.free_symbols | {at}):
            # g(\\theta_c) where the formula sums over c: its dummies are renamed before the index moves
            from ..normal import rename_dummies
            body = rename_dummies(body, stem="_g")
        value = body.xreplace({index: at})
        variable, conditions = self.lambda_domains.get(name, (None, ()))
        for cond in conditions:
            V.requires(cond.xreplace({index: at}))
        return arg.with_expr(value)

    # --- derivatives ---------------------------------------------------------------------------


    # --- items ---------------------------------------------------------------------------------

    def _text_call(self, call, scripts, env):
        """``\\text{softmax(x)}``: a function applied to one name, all set as text, is that application."""
        name, arg = call.group(1), call.group(2)
        if name not in BUILTIN_FUNCTIONS and self.notation.kind_of(name) != "function":
            raise FormulaError(f"text {call.group(0)!r} in a formula: {name} is not a function derive knows")
        # the pieces are a known name and a letter (with a subscript), checked above: nothing else is parsed
        tree = parser().parse(f"\\operatorname{{{name}}}({arg})")
        return self._scripted(self._expr(tree, env), scripts, env)

    def _item(self, item: Tree, env):
        base, scripts = item_base(item), item_scripts(item)
        if any(sc.data == "factorial" for sc in scripts):
            return self._factorial(base, scripts, env)
        kind = node_kind(base)
        if kind in ("letter", "command", "word", "text"):
            word = node_word(base)  # a command keeps its backslash: \theta
            if word in ("\\sum", "\\prod"):
                return self._sum(scripts, env, product=word == "\\prod")
            if word == "\\nabla":
                return self._nabla(scripts, env)
            if word == "\\partial":
                return self._partial(scripts, env)
            if kind == "text" and _TEXT_CALL.fullmatch(word):
                return self._text_call(_TEXT_CALL.fullmatch(word), scripts, env)
            if kind == "text" and not _upright_name(word.replace(" ", "")) or (kind == "text" and " " in word):
                raise FormulaError(f"text {word!r} in a formula")
            if kind == "text" and str(base.children[0]).startswith(("\\text", "\\mbox")) \
                    and self.notation.kind_of(word) is None and word not in BUILTIN_FUNCTIONS \
                    and not (symbol_name(word) in self.values and self._in_force(symbol_name(word))):
                raise FormulaError(f"the text {word!r} in a formula is not read (words and conditions belong "
                                   "in the prose; a name is written \\operatorname{...}, or defined by the "
                                   f"document: \\text{{{word}}}_i = ... or \\text{{{word}}}(x) = \\text{{softmax}}(x))")
            if word == "\\delta" and self.notation.kind_of(word) is None and scripts \
                    and word not in getattr(self, "delta_defined", ()):
                return self._kronecker(scripts, env)
            if word in self.entry_aliases and word not in env \
                    and any(sc.data == "sub_script" for sc in scripts):
                # w_{ij} of a declared matrix W that the document never writes w of otherwise: W's entry
                upper, at = self.entry_aliases[word]
                self.notes.append(Reading("inferred", f"${word}_{{ij}}$ is read as the entry of the matrix ${upper}$: "
                                                      f"{word} is written nowhere else", at))
                word, base = upper, Tree("letter", [Token("LETTER", upper)])
                item = Tree("item", [base, *scripts])
            self._check_clash(word, scripts)
            if word in self.iterate_names and word not in env and any(
                    sc.data == "sup_script" and script_word(sc.children[1]) not in _TRANSPOSE_WORDS for sc in scripts):
                raise FormulaError(f"{word} carries a superscript, and line {self.iterate_names[word]} writes "
                                   f"{word}^{{k+1}} alone on the left of an equation, as an iterate is written: whether "
                                   f"{word}^0, {word}^k are iterates or powers is not read; write iterates with a subscript "
                                   f"({word}_k) or in parentheses ({word}^{{(k)}})")
            undeclared = word not in env and self.notation.kind_of(word) is None
            if undeclared and kind == "text" and str(base.children[0]).startswith("\\operatorname") \
                    and word not in BUILTIN_FUNCTIONS and word not in UNREAD_WORDS and word not in self.lambdas:
                # \\operatorname names an operator: a function nobody defines, applied to parentheses.
                return self._scripted(Fn("unknown", word, func=sp.Function(symbol_name(word), real=True)),
                                      scripts, env)
            if undeclared and word in ("i", "\\imath") and not (symbol_name(word) in self.values):
                raise FormulaError(f"{word} outside a subscript is read neither as the imaginary unit nor as a "
                                   "number (complex numbers are not read); use another letter for a number")
            if undeclared and word in ("\\Delta", "\\delta") and not (word in self.delta_numbers and not scripts) \
                    and word not in getattr(self, "delta_defined", ()) \
                    and not (symbol_name(word) in self.values and self._in_force(symbol_name(word)) and not scripts):
                raise FormulaError(f"{word} is read neither as an increment ({word} x) nor as a number; "
                                   "write the difference out, or use another letter")
            if word == "\\pi" and self.notation.kind_of(word) is not None and word not in env and not self._bold \
                    and not (self.notation.kind_of(word) == "scalar" and not self.pi_constant) \
                    and not any(sc.data == "sub_script" for sc in scripts):
                # \pi alone where the document names a vector \pi (a policy, mixture weights): the number or it?
                raise FormulaError("\\pi written alone, where the document also names a vector \\pi: the number "
                                   "\\pi or that vector? write \\boldsymbol{\\pi} for the vector")
            subs = [sc for sc in scripts if sc.data == "sub_script"]
            if word == "\\pi" and subs and word not in env and self.notation.kind_of(word) is None:
                # \pi_1, \pi_0 (class priors, mixture weights): names of their own, never the number pi
                numbered = self._numbered("pi", subs[0].children[1])
                if numbered is not None:
                    return self._scripted(numbered, [sc for sc in scripts if sc.data != "sub_script"], env)
            defined = self.values.get(symbol_name(word)) if subs and word not in env else None
            if defined is not None and self._in_force(symbol_name(word)) \
                    and not (defined.is_vector or defined.row or defined.is_matrix):
                # D_2 beside a number D the document defines: a name of its own (a second Dice score), not entry 2
                numbered = self._numbered(symbol_name(word), subs[0].children[1])
                if numbered is not None:
                    return self._scripted(numbered, [sc for sc in scripts if sc.data != "sub_script"], env)
                label = word_label(self._inner_item(subs[0].children[1]))
                if label is not None:
                    # eta_{\max} beside an eta = eta_{\min} + ... the document defines: a number of its own, as the
                    # document defines it or any number (never a subscript on eta's value)
                    key = f"{symbol_name(word)}_{label}"
                    if key in self.values and self._in_force(key):
                        head = _with_domain(self.values[key])
                    else:
                        self.guesses[key] += 1
                        head = V.Value(scalar(key))
                    return self._scripted(head, [sc for sc in scripts if sc.data != "sub_script"], env)
            if subs and word in self.conflicts and word not in env \
                    and word_label(self._inner_item(subs[0].children[1])) is not None:
                # eta_{\max} beside an eta used two ways (eta(t) and eta_t): a name of its own, not in the conflict
                why = self.conflicts.pop(word)
                try:
                    return self._scripted(self._meaning(word, env), scripts, env)
                finally:
                    self.conflicts[word] = why
            head = self._meaning(word, env, subscripted=bool(subs))
            if head is None and word == "\\mathbb":
                # \mathbb{E} \|g\|^2: how far the expectation reaches is not written
                raise FormulaError("an expectation or probability (\\mathbb{E}, \\mathbb{P}) is read with its argument in "
                                   "brackets: write \\mathbb{E}[...]")
            if head is None:
                raise FormulaError(f"the command {word} is not read" if kind == "command"
                                   else f"unknown name {word} (say what it is in the prose: \"let ${word} \\in \\mathbb{{R}}$\")")
            self._named.append(symbol_name(word))  # (the name whose scripts are read: its entry 0, see zero_based)
            try:
                value = self._scripted(head, scripts, env)
                if isinstance(value, V.Value) and value.is_vector and not subs and self._zero_name(value) is not None:
                    raise FormulaError(f"{word} is numbered from 0 (entry 0 on line {self.zero_based[symbol_name(word)]}): "
                                       f"the whole vector is not read, its entries are ({word}_0, {word}_j)")
                return value
            finally:
                self._named.pop()
        if kind in ("floor", "ceiling"):
            # \lfloor (H + 2P - K) / S \rfloor + 1: a convolution's output size, the floor of a number
            value = self._expr(base.children[1], env)
            if not isinstance(value, V.Value) or value.is_vector or value.row or value.is_matrix:
                raise FormulaError(f"the {kind} is read only of a number")
            return self._scripted(value.with_expr((sp.floor if kind == "floor" else sp.ceiling)(value.expr)), scripts, env)
        if kind == "abs":
            inside = self._expr(base.children[1], env)
            if not isinstance(inside, MatrixTerm) and (inside.is_vector or inside.row):
                # |F| of a vector: its length, as physics writes it, or its entries' absolute values?
                if not self.bars_length:
                    raise FormulaError("|...| of a vector: its length or its entries' absolute values? write "
                                       "\\|v\\| for the length, or |v_i| entry by entry")
                self.notes.append(Reading("declaration", f"|...| of a vector is its length, as the document says "
                                                         f"(line {self.bars_length})"))
                return self._norm(dataclasses.replace(inside, row=False), scripts, env)
            return self._scripted(V.entrywise(sp.Abs, inside), scripts, env)
        if kind == "norm":
            return self._norm(self._expr(base.children[1], env), scripts, env)
        if kind == "inner":
            u, v = (self._expr(e, env) for e in base.children[1:3])
            return self._scripted(V.dot(u, v), scripts, env)
        if kind == "number":
            return self._scripted(self._number(str(base.children[0])), scripts, env)
        if kind == "font":
            if self._is_bold_one(base):
                return self._ones(scripts, env)
            if self._is_bold_one(base, "0"):
                return self._zeros(scripts, env, item is self._whole)
            if str(base.children[0]) in ("\\mathbf", "\\boldsymbol", "\\bm") and scripts:
                inner = self._inner(base.children[1]) if node_kind(base.children[1]) == "group" else base.children[1]
                if node_kind(inner) == "product" and len(inner.children) == 1 and not item_scripts(inner.children[0]):
                    basis = self._basis_vector(item_base(inner.children[0]), scripts, env)
                    if basis is not None:
                        return basis
            letter = node_word(self._inner_item(base.children[1]))
            self._named.append(symbol_name(letter) if letter else None)
            try:
                value = self._scripted(self._font(base.children[1], env), scripts, env)
            finally:
                self._named.pop()
            if str(base.children[0]) in ("\\mathbf", "\\boldsymbol", "\\bm"):
                inner = self._inner(base.children[1]) if node_kind(base.children[1]) == "group" else base.children[1]
                if node_kind(inner) == "product" and len(inner.children) == 1:
                    inner = item_base(inner.children[0])
                value = self._bold_entry(value, node_word(inner), scripts)
            return value
        if kind == "accent":
            head, inner_scripts = self._accent(base, env)
            return self._scripted(head, inner_scripts + scripts, env)
        if kind == "annotated":
            # \overset{\text{ground truth}}{Y'_{ji}}: the note set above (or below) is not mathematics
            _, note, body = base.children
            if node_kind(body) == "group" and not body.children:
                raise FormulaError("\\overset with nothing under its note")
            return self._scripted(self._arg_value(body, env), scripts, env)
        if kind == "frac":
            _, num, den = base.children
            found = self._leibniz(num, den, env)
            if found is None:
                top = self._expr(num.children[0], env) if node_kind(num) == "group" and len(num.children) == 1 else None
                if isinstance(top, MatrixTerm):
                    # \frac{g g^\top}{\|g\|^2}: a matrix over a number
                    bottom = self._arg_value(den, env)
                    if bottom.is_vector or bottom.row or bottom.is_matrix:
                        raise FormulaError("a matrix divided by a vector or a matrix is not read")
                    return self._scripted_matrix(top.scaled(1 / bottom.expr),
                                                 [sc for sc in scripts if sc.data == "sub_script"],
                                                 [sc for sc in scripts if sc.data == "sup_script"],
                                                 [sc for sc in scripts if sc.data == "prime"], env)
                found = V.divide(self._arg_value(num, env), self._arg_value(den, env))
            if isinstance(found, DerivativeOp):
                if scripts:
                    raise FormulaError("scripts on a derivative operator")
                return found
            return self._scripted(found, scripts, env)
        if kind == "binom":
            return self._scripted(self._binomial(base, env), scripts, env)
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
            f = (lambda u: sp.real_root(u, degree)) if degree % 2 else (lambda u: _even_root(u, degree))
            return self._scripted(V.entrywise(f, self._arg_value(arg, env)), scripts, env)
        if kind == "paren" and len(base.children) > 1 and (scripts or any(ellipsis_of(e) for e in base.children)):
            return self._written_array(base, scripts, env, item is self._whole)
        if kind == "paren" and len(base.children) > 1 and item is self._whole:
            # z = (1, 2): a list of numbers in parentheses that is a whole side is a vector, its entries in order
            # (inside a formula, (a, b) stays a pair: the arguments of a function, or a point)
            return self._written_vector(list(base.children), env, False, "a vector written as a list")
        if kind == "bracket" and len(base.children) == 1 and not ellipsis_of(base.children[0]) \
                and not any(sc.data == "sub_script" for sc in scripts):  # [e^{x_i}]_{i=1}^N lists entries
            kind = "paren"  # \left[ f(x) g(x) \right]: brackets that group, as parentheses do
        if kind == "paren":
            values = tuple(self._expr(e, env) for e in base.children)
            if len(values) > 1:
                if scripts:
                    raise FormulaError("scripts on a list in parentheses")
                return values
            return self._scripted(values[0], scripts, env)
        if kind == "paren_params":
            raise FormulaError("parameters after ';' are read only in a function's arguments: f(x; \\theta)")
        if kind == "ellipsis":
            raise FormulaError(f"an ellipsis ({base.children[0]}) is read only between the entries of a written-out "
                               "vector or matrix ([a_1, a_2, \\dots, a_N]) or the terms of a sum (a_1 + a_2 + \\dots + a_N)")
        if kind == "environment" or (kind == "bracket" and (len(base.children) > 1 or scripts)):
            return self._written_array(base, scripts, env, item is self._whole)
        if kind == "bracket":
            raise FormulaError("a vector or matrix written out in brackets is not read")
        if kind == "iverson":
            raise self._stray_iverson()
        if kind == "index_pair":
            raise FormulaError("a pair {a, b} is read only as a subscript: a label and an index (v_{c,i}) or two "
                               "indices (A_{i,j})")
        if kind == "indicator":
            return self._indicator_item(scripts, env)
        if kind == "group":
            return self._scripted(self._arg_value(base, env), scripts, env)
        if kind == "such_that":
            raise FormulaError("a condition after a colon is read only in a sum's subscript (\\sum_{i : x_i > 0})")
        raise FormulaError(f"cannot read {kind}")

    def _check_clash(self, word: str, scripts) -> None:
        """A declared e or \\pi written where it reads as the constant is an error naming both meanings."""
        kind = self.notation.kind_of(word)
        if kind is None:
            return
        if word == "e" and any(sc.data == "sup_script" for sc in scripts) and kind != "vector":
            raise FormulaError(f"e^{{...}}: e is declared as a {kind} in the notation file and e^{{...}} is "
                               "Euler's number raised to a power; write \\exp(...) or rename the " + kind)
        if word == "\\pi" and kind == "scalar" and not self.pi_constant:
            # "with probability $\pi \in (0, 1)$", and no 2\pi, \sqrt{\pi} or \cos \pi t anywhere: the number declared
            self.notes.append(Reading("declaration", "$\\pi$ is the number the document declares, not the constant "
                                                     "3.14159... (which it writes nowhere)", None))
            return
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
        if not subs and self.default_norm is not None:
            p, line = self.default_norm  # "we write \|x\| for the l1 norm"
            self.notes.append(Reading("declaration", f"a norm written without a subscript is the $\\ell_{p}$ norm, as "
                                                     "the document says", line))
        if subs and script_word(subs[0].children[1]) in ("F", "\\mathrm{F}", "\\mathrm") \
                and self.notation.kind_of("F") is None:
            return self._scripted(self._frobenius(value), [sc for sc in scripts if sc.data != "sub_script"], env)
        if subs:
            arg = subs[0].children[1]
            if node_kind(arg) != "number" or str(arg.children[0]) not in ("1", "2"):
                raise FormulaError("only the norms \\|v\\|_1 and \\|v\\|_2 are read")
            p = int(str(arg.children[0]))
        rest = [sc for sc in scripts if sc.data != "sub_script"]
        return self._scripted(V.norm(value, p), rest, env)


    @staticmethod
    def _frobenius(value) -> V.Value:
        """\\|A\\|_F of a matrix: the square root of the sum of its entries' squares."""
        if not isinstance(value, MatrixTerm):
            raise FormulaError("the Frobenius norm \\|A\\|_F is read of a matrix")
        rows, cols = P.shape_of(value)
        i = fresh_index(V.row_index(rows), 1, rows, stem="_F")
        j = fresh_index(V.col_index(cols), 1, cols, stem="_F")
        entry = P.entry(value, i, j)
        return V.Value(sp.sqrt(sp.Sum(entry.expr ** 2, (j, 1, cols), (i, 1, rows))), None, entry.conventions)

    def _arg_value(self, arg, env) -> V.Value:
        if node_kind(arg) == "group":
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
            value = sp.Rational(int(whole + frac), 10 ** len(frac))
            if self.rounding is not None and len((whole + frac).lstrip("0")) >= ROUNDED_DIGITS:
                slack = sp.Symbol(f"_rounded{len(self.rounding)}", real=True)
                self.rounding.append(slack)
                return V.Value(value + sp.Rational(1, 2 * 10 ** len(frac)) * slack)
            return V.Value(value)
        return V.Value(sp.Integer(int(whole)))

    def _is_bold_one(self, base, digit: str = "1") -> bool:
        """\\mathbf{1} or \\boldsymbol{1}: the vector of ones (with ``digit`` 0, the zero vector)."""
        if not str(base.children[0]) in ("\\mathbf", "\\boldsymbol", "\\bm"):
            return False
        arg = base.children[1]
        inner = self._inner(arg) if node_kind(arg) == "group" else arg
        if node_kind(inner) == "product" and len(inner.children) == 1 and not item_scripts(inner.children[0]):
            inner = item_base(inner.children[0])
        return node_kind(inner) == "number" and str(inner.children[0]) == digit

    def _font(self, arg, env):
        inner = self._inner(arg) if node_kind(arg) == "group" else arg
        if node_kind(inner) == "product":
            if len(inner.children) != 1:
                raise FormulaError("bold applied to more than one symbol")
            inner = inner.children[0]
        if node_kind(inner) == "item":
            if item_scripts(inner):
                basis = self._basis_vector(item_base(inner), item_scripts(inner), env)
                if basis is not None:
                    return basis
                return self._bold_entry(self._item(inner, env), node_word(item_base(inner)), item_scripts(inner))
            inner = item_base(inner)
        if node_kind(inner) == "number":
            raise FormulaError(f"bold {inner.children[0]} (a vector of constants) is not read")
        if node_kind(inner) not in ("letter", "command", "accent"):
            raise FormulaError("bold applied to something other than a symbol")
        if node_kind(inner) == "letter" and str(inner.children[0]) == "e" and self.notation.kind_of("e") is None:
            raise FormulaError("a bold e is a vector named e, not Euler's number e: give the vector another letter")
        word = str(inner.children[0]) if node_kind(inner) in ("letter", "command") else None
        if word is not None and word not in env and self.notation.kind_of(word) == "scalar" and word not in self.stated \
                and self._default_only(word) and symbol_name(word) not in self.values:
            raise FormulaError(f"a bold {word} is a vector, and {word} is only read by default as a number: declare it "
                               f"(\\mathbf{{{word}}} \\in \\mathbb{{R}}^n) or define it first")
        self._bold = True  # (\boldsymbol{\pi}: the vector, where \pi alone may be the number)
        try:
            return self._item(Tree("item", [inner]), env)
        finally:
            self._bold = False

    def _bold_entry(self, value, word: str | None, scripts):
        """\\boldsymbol{\\mu}_k of a mu the document never declares is the k-th vector of a family (mu_1, ..., mu_K),
        never entry k of a vector mu: refused, as a number it would be misread."""
        if isinstance(value, V.Value) and not value.is_vector and not value.is_matrix \
                and isinstance(value.expr, sp.Indexed) and word is not None and word not in self.stated \
                and (word in self.inferred or word in getattr(self, "typed_from_use", {}) or self.notation.kind_of(word) is None) \
                and any(sc.data == "sub_script" for sc in scripts):
            raise FormulaError(f"a bold {word} with a subscript is a vector of a family ({word}_1, {word}_2, ...), "
                               f"which is not read: declare {word} as a vector to read its entries")
        return value

    def _basis_vector(self, base, scripts, env) -> V.Value | None:
        """Bold e with an index, \\mathbf{e}_k: the k-th standard basis vector (entries delta_{ik}), of the length
        k runs over; None where e is a name of the document's or the subscript is not one index letter."""
        if node_kind(base) != "letter" or str(base.children[0]) != "e" or len(scripts) != 1 \
                or scripts[0].data != "sub_script" or self.notation.kind_of("e") is not None \
                or "e" in self.values or "e" in self.inferred or self.bold_e_alone:
            return None  # (an error vector e the document defines, e_i its entries: no basis vector)
        arg = scripts[0].children[1]
        arg = self._inner(arg) if node_kind(arg) == "group" else arg
        if node_kind(arg) == "product" and len(arg.children) == 1 and not item_scripts(arg.children[0]):
            arg = item_base(arg.children[0])
        if node_kind(arg) != "letter":
            return None
        (index,) = self._indices(arg, env)
        if not isinstance(index, Idx) or index.upper is None:
            return None
        length = index.upper
        self.notes.append(Reading("inferred", f"$\\mathbf{{e}}_{{{arg.children[0]}}}$ is read as the standard basis "
                                              f"vector of length ${sp.latex(length)}$ with a 1 at entry "
                                              f"${arg.children[0]}$"))
        return V.Value(sp.KroneckerDelta(V.entry_index(length), index), length)

    def _accent(self, base: Tree, env):
        accent, arg = str(base.children[0]), base.children[1]
        accent = {"\\widehat": "\\hat", "\\overline": "\\bar", "\\widetilde": "\\tilde"}.get(accent, accent)
        inner_scripts: list = []
        inner = arg
        if node_kind(inner) == "group":
            inner = self._inner(inner)
            if node_kind(inner) == "product":
                if len(inner.children) != 1:
                    raise FormulaError(f"{accent} over more than one symbol")
                inner = inner.children[0]
            if node_kind(inner) == "item":
                inner_scripts = item_scripts(inner)
                inner = item_base(inner)
                if node_kind(inner) == "font":
                    inner = self._inner(inner.children[1]) if node_kind(inner.children[1]) == "group" else inner.children[1]
                    if node_kind(inner) == "product" and len(inner.children) == 1 and not item_scripts(inner.children[0]):
                        inner = item_base(inner.children[0])
        word = node_word(inner)
        if word is None or node_kind(inner) not in ("letter", "command"):
            raise FormulaError(f"{accent} over something other than a symbol")
        key = f"{accent}{{{word}}}"
        head = self._meaning(key, env)
        if head is None:
            raise FormulaError(f"unknown name {key} (say what it is in the prose: \"let ${key} \\in \\mathbb{{R}}$\")")
        return head, inner_scripts

    # --- names ---------------------------------------------------------------------------------

    def kept_vector(self, key: str) -> V.Value:
        """The defined vector ``key`` as a name (its entries a base of their own), for a derivative by it."""
        length = self.shallow_vectors[key].size
        return V.Value(kept_base(key)[V.entry_index(length)], length)

    def corrected_here(self, key: str) -> bool:
        """A name given a formula again as a correction (see DocumentContext._corrected), or a second example in one
        paragraph, is refused from that line to the next heading (or the end it names), or to a definition of it after
        the correction."""
        if key not in self.corrected:
            return False
        start, until = self.corrected[key][0], (self.corrected[key][2:] or (None,))[0]
        if self.line is None:
            return True
        if self.line < start or any(start < h <= self.line for h in self.heading_lines) \
                or (until is not None and self.line >= until):
            return False
        again = self.defined_at.get(key)
        return not (again is not None and start < again <= self.line)

    def section_depth(self, line: int | None) -> int:
        """The depth of the heading a line is under: 0 before the first heading (the document's setup)."""
        above = [h for h in self.heading_lines if line is not None and h <= line]
        return self.heading_levels.get(above[-1], 0) if above else 0

    def _meaning(self, word: str, env, subscripted: bool = False):
        """What a name means here: a Value, a function, a matrix; None when unknown. ``subscripted``: the name is
        written with a subscript (e_1, e_k: a name, never Euler's number)."""
        if word in env:
            return V.Value(env[word])
        if word in self.conflicts:
            raise FormulaError(self.conflicts[word])
        n = self.notation
        key = symbol_name(word)  # (\theta is defined under the key theta)
        if self.corrected_here(key):
            raise FormulaError(self.corrected[key][1])
        # (a definition set aside while a function's argument of the same name is read: the argument)
        if key in self.overrides and key in self.matrix_values and self._in_force(key):
            # (R = X W - Y of an R typed only from its entries R_ij: the matrix the formula gives)
            value = _with_domain(self.matrix_values[key])
            return MatrixTerm(P.leaf(value), value.conventions)
        if key in self.overrides and self._in_force(key) and (key in self.values or self._shallow and (
                key in self.shallow or key in self.shallow_vectors)):
            if self._shallow and key in self.shallow:
                return V.Value(scalar(key))
            if self._shallow and key in self.shallow_vectors:
                return self.kept_vector(key)
            return _with_domain(self.values[key])
        until = self.defined_until.get(key)
        if key in self.overrides and (key in self.values or key in self.matrix_values) and until is not None \
                and self.line is not None and self.line >= until and until in self.heading_lines \
                and not (word in self.stated and self.stated[word] >= until):
            # y_i = softmax(...)_i, a default name's definition, up to a heading: past it y is neither that formula nor,
            # silently, the default vector (nor any vector its use would type)
            raise FormulaError(f"{word} is defined on line {self.defined_at.get(key, '?')} up to the heading on line "
                               f"{until}; past it, which {word} is meant is not read (its built-in meaning is a "
                               f"guess): define {word} again here, or say what it is")
        if word in self.redefined and self._in_force(word):
            return Fn("lambda", word, func=self.lambdas[word])
        if key in self.examples and self._in_force(key):
            # W = a written-out matrix, of a W declared of general size: the example, in its display
            if key in self.matrix_values:
                value = _with_domain(self.matrix_values[key])
                return MatrixTerm(P.leaf(value), value.conventions)
            return _with_domain(self.values[key])
        ended = self._ended_example(key) if word not in self.stated else None
        if ended is not None:
            at, start, end = ended
            # L, a 3 x 3 matrix written out under "Example: the path on three vertices", then L past that example: the
            # example's own, or the general one the words go back to? neither, and never a guess
            raise FormulaError(f"{word} is defined on line {at}, in the example under the heading of line {start}; past "
                               f"it (line {end + 1} on), which {word} is meant is not read: define {word} again, or say "
                               "what it is")
        kind = n.kind_of(word)
        if kind == "vector":
            length = self.size_symbol(n.vectors[word])
            if _DEFAULT_VECTORS.get(word) == n.vectors[word] or word in self.inferred or word in self.typed_from_use:
                self._default_sizes = True  # a length guessed, by default or from the name's use
            return V.Value(self.bases[word][V.entry_index(length)], length, row=word in n.rows)
        if kind == "matrix":
            return MatrixHead(self.bases[word], word)
        if kind == "scalar":
            if self._default_only(word):
                self.guesses[symbol_name(word)] += 1  # (c, a constant by default only: a guess, named as one)
            return V.Value(self.scalars[word])
        if kind == "function":
            if word in _NAMED_DEFAULTS and n.functions[word] == _NAMED_DEFAULTS[word][0] and word not in self.stated:
                # (sigma as the logistic function: the built-in guess, named wherever a verdict relies on it)
                self._note(f"${word}$ is read as {_NAMED_DEFAULTS[word][1]} (a built-in default: the document does "
                           f"not say what ${word}$ is)")
            return Fn(n.functions[word], word)
        if kind == "size":
            return V.Value(self.size_symbol(word))
        if kind == "index":
            return V.Value(self.free_index(word))
        bare = word.lstrip("\\")
        if word in self.lambdas and self._in_force(word) and word not in self.vector_functions:
            return Fn("lambda", word, func=self.lambdas[word])
        if symbol_name(word) in self.values and self._in_force(symbol_name(word)):
            if self._shallow and symbol_name(word) in self.shallow:
                return V.Value(scalar(symbol_name(word)))
            if self._shallow and symbol_name(word) in self.shallow_vectors:
                return self.kept_vector(symbol_name(word))
            return self._defined_later_put(symbol_name(word), _with_domain(self.values[symbol_name(word)]))
        if symbol_name(word) in self.matrix_values and self._in_force(symbol_name(word)):
            value = _with_domain(self.matrix_values[symbol_name(word)])
            return MatrixTerm(P.leaf(value), value.conventions)
        if word == "e" and not subscripted:
            return V.Value(sp.E)
        if word == "\\pi":
            return V.Value(sp.pi)
        if bare in BUILTIN_FUNCTIONS and (word.startswith("\\") or len(word) > 1):
            if bare == "log" and self.log_base is not None:
                base, line = self.log_base  # "$\log$ is the logarithm to base 2"
                self.notes.append(Reading("declaration", f"$\\log$ is the logarithm to base ${base}$, as the document says",
                                          line))
                return Fn("log", word, base)
            return Fn(BUILTIN_FUNCTIONS[bare], word)
        if bare in ELLIPSES:
            raise FormulaError(f"an ellipsis ({word}) cannot be read")
        if bare == "det" and word in ("\\det", "det") and self.notation.kind_of(word) is None:
            return Fn("det", word)  # of a matrix written out (or defined so); of a general one, refused
        if bare == "KL" and not (bare in self.lambdas and self._in_force(bare)) \
                and self.notation.kind_of(word) is None:
            return Fn("kl", word)  # \mathrm{KL}(p \| q): of two laws written out, or of two probability vectors
        if bare in UNREAD_WORDS and not (bare in DEFINABLE_WORDS and bare in self.lambdas and self._in_force(bare)):
            raise unread(word)
        if (len(word) == 1 and word.isalpha()) or (word.startswith("\\") and bare in GREEK) or ACCENTED.fullmatch(word) \
                or (len(word) > 1 and word.isalpha() and not word.startswith("\\")):
            # A name the document never declares is a real scalar: a guess, named in the verdict.
            if symbol_name(word) in self.random_names():
                return V.Value(scalar(symbol_name(word)))  # a random variable, given its law by the prose
            self.guesses[symbol_name(word)] += 1
            if self._bold:
                self.bold_guessed.add(symbol_name(word))
            return V.Value(scalar(symbol_name(word)))
        return None

    def _defined_later_put(self, key: str, value):
        """A defined name's value with the numbers it writes that the document defines after it put in (K = z / (z + r)
        learned before z = a^2 p + q): never z free in K beside z's formula elsewhere in the same claim."""
        expr = getattr(value, "expr", None)
        if not isinstance(expr, sp.Basic) or self._shallow:
            return value
        at = self.defined_at.get(key, 0) or 0
        later = {s: self.values[str(s)].expr for s in expr.free_symbols
                 if type(s) is sp.Symbol and str(s) != key and str(s) in self.values and self._in_force(str(s))
                 and (self.defined_at.get(str(s), 0) or 0) > at
                 and not getattr(self.values[str(s)], "is_vector", False) and not getattr(self.values[str(s)], "is_matrix", False)
                 and not getattr(self.values[str(s)], "row", False) and isinstance(self.values[str(s)].expr, sp.Basic)
                 and not self.values[str(s)].expr.has(sp.Symbol(key))}
        return value.with_expr(expr.xreplace(later)) if later else value

    def _scripted(self, head, scripts: list[Tree], env):
        subs = [s for s in scripts if s.data == "sub_script"]
        sups = [s for s in scripts if s.data == "sup_script"]
        primes = [s for s in scripts if s.data == "prime"]
        if len(subs) > 1 or len(sups) > 1:
            raise FormulaError("a double subscript or superscript")
        if isinstance(head, MatrixHead) and not subs:
            return self._whole_matrix(head, sups, primes)
        if isinstance(head, MatrixHead):
            indices = self._indices(subs[0].children[1], env)
            if len(indices) == 1 and indices[0].is_Integer and 11 <= int(indices[0]) <= 99 and int(indices[0]) % 10:
                # A_{12} of a matrix: row 1, column 2 (two digits, as entries of small matrices are written)
                row, col = divmod(int(indices[0]), 10)
                indices = [sp.Integer(row), sp.Integer(col)]
                self.notes.append(Reading("inferred", f"${head.name}_{{{row}{col}}}$ is the entry in row {row}, column "
                                                      f"{col}"))
            if len(indices) != 2:
                raise FormulaError(f"the matrix {head.name} needs two indices")
            head = V.Value(head.base[tuple(indices)])
            subs = []
        if isinstance(head, MatrixTerm):
            return self._scripted_matrix(head, subs, sups, primes, env)
        if subs and not sups and not primes and isinstance(head, V.Value) and head.expr == scalar("I") \
                and self.guesses.get("I", 0) > 0 and "I" not in env:
            n = self._size_subscript(subs[0].children[1])
            if n is not None:  # I_N: the N x N identity
                self.guesses["I"] -= 1
                self.notes.append(Reading("default", "$I$ is read as the identity matrix (it is not declared)"))
                return P.identity(n)
        if isinstance(head, (SumOp, DerivativeOp)):
            raise FormulaError("scripts on an operator")
        if isinstance(head, tuple):
            raise FormulaError("scripts on a list")
        if isinstance(head, Fn):
            return self._scripted_function(head, subs, sups, primes, env)
        if subs and isinstance(head, V.Value) and isinstance(head.expr, sp.Symbol) \
                and head.expr.name in self.size_sequences and self._in_force(head.expr.name):
            head, subs = self._at_size(head.expr.name, subs[0].children[1], env), []  # S_3, S_n of S_N = formula
        if subs and isinstance(head, V.Value) and not head.is_vector and not head.row and not head.is_matrix \
                and isinstance(head.expr, sp.Symbol) and head.expr.name not in self.guesses:
            numbered = self._numbered(head.expr.name, subs[0].children[1]) \
                or self._step_term(head.expr.name, subs[0].children[1], env)
            if numbered is not None:  # c_0, c_1 of a scalar c (an LSTM's cell states): names of their own
                head, subs = numbered, []
        row = self._row_of_family(head, subs, env) if subs else None
        if row is not None:
            head, subs = row, []
        if subs and isinstance(head, V.Value) and head.is_vector and isinstance(head.expr, sp.Indexed):
            # u_1 \in R^m declared beside a u used whole (u^T W v): u_1 is that vector of its own, never entry 1 of u
            own = self._declared_labelled_vector(str(head.expr.base.label), subs[0].children[1], env)
            if own is not None:
                head, subs = own, []
        if subs and isinstance(head.expr, sp.Symbol) and head.expr.name in self.guesses:
            declared = self._declared_label(head.expr.name, subs[0].children[1], env)
            if isinstance(declared, MatrixHead):
                return self._whole_matrix(declared, sups, primes)  # W_1^\top: the declared matrix W_1
            head = declared or self._guessed_entry(head.expr.name, subs[0].children[1], env)
            subs = []
        if subs and isinstance(head, V.Value) and head.is_vector and isinstance(head.expr, sp.Indexed) \
                and self._has_numbered(str(head.expr.base.label)):
            # a_1 = w h_0 + u x_1 defined, a a vector only from such uses: a_1 as defined, and every other
            # a_k, defined or not, a number of its own too (never entry k of a vector a)
            numbered = self._numbered(str(head.expr.base.label), subs[0].children[1])
            if numbered is not None:
                head, subs = numbered, []
            elif str(head.expr.base.label) in self.recurrences:
                # m_t at a letter t, of a recurrence unrolled from its start: a term at a general t, not an entry
                name = str(head.expr.base.label)
                t, at = self.recurrences[name]
                step = self._step_of(subs[0].children[1], env) if name in self.unrolled else None
                if step is None:
                    raise FormulaError(f"{name} at a general step is not read: the recurrence of line {at} defines "
                                       f"{name}_1, {name}_2, ... one by one (write the step's number)")
                values = self.unrolled[name]
                self.notes.append(Reading("definition", f"${name}_{{{t}}}$ is the recurrence's term at that step, "
                                                        f"unrolled from its start value (known up to step "
                                                        f"{len(values) - 1})", at))
                head, subs = V.Value(Unrolled(sp.Symbol(name), step, values)), []
        word = word_label(self._inner_item(subs[0].children[1])) if subs else None
        if word is not None and isinstance(head, V.Value) and (head.is_vector or head.is_matrix):
            # x_{\max} of a vector x: a number of its own, as the document defines it (never an entry)
            base = head.expr.base.label if isinstance(head.expr, sp.Indexed) else head.expr
            label = f"{base}_{word}"
            if label in self.values and self._in_force(label):
                head, subs = _with_domain(self.values[label]), []
            elif not any(k in self.stated for k in (str(base), "\\" + str(base))):
                # (of a vector only typed from use, eta_t beside eta_max: a parameter of its own, like eta_1)
                self.guesses[label] += 1
                head, subs = V.Value(scalar(label)), []
            else:
                shown = sp.latex(sp.Symbol(str(base)))
                written = f"{shown}_{{\\{word}}}" if word in WORD_LABELS else f"{shown}_{{\\text{{{word}}}}}"
                raise FormulaError(f"{written} beside the vector {shown}: a number of its own only where the document "
                                   f"defines it by a formula ({written} = ...) before it is used")
        if subs:
            zeroth = self._zeroth_entry(head, subs[0].children[1], env)
            if zeroth is not None:
                head, subs = zeroth, []
        if subs:
            indices = self._subscript_only(head, subs[0].children[1], env) or self._indices(subs[0].children[1], env)
            if len(indices) != 1:
                raise FormulaError(f"{len(indices)} indices on a vector")
            if not head.is_vector:
                raise FormulaError(f"a subscript on a scalar ({sp.sstr(head.expr)})")
            self._check_range(indices[0], head.size, env, self._zero_name(head))
            head = V.entry_at(head, indices[0])
        for _ in primes:
            head = self._transpose_by_prime(head) if self.prime_transpose else self._prime(head)
        if sups:
            if isinstance(head, Fn):
                raise FormulaError(f"a power of the function {head.name} is unclear")
            head = self._power(head, sups[0].children[1], env)
        return head

    def _parse_formula(self, text: str):
        """The syntax tree of a formula the document wrote elsewhere (a definition's right side), read again here."""
        try:
            return parser().parse(divergence_bars(thousands(text)))
        except LarkError as exc:
            raise FormulaError(lark_reason(exc)) from None

    def _zero_name(self, head) -> str | None:
        """The name of a vector the document numbers from 0 (see zero_based), or None."""
        if isinstance(head, V.Value) and head.is_vector and not head.row:
            name = str(head.expr.base.label) if isinstance(head.expr, sp.Indexed) and head.expr.base.label \
                and str(head.expr.base.label) in self.zero_based else (self._named[-1] if self._named else None)
            # (a vector the document defines only by its entry, s_j = q^T k_j: s_0 is that formula at 0; never one it
            # defines otherwise)
            defined = any(name in table for table in (self.values, self.shallow_vectors, self.vector_functions,
                                                      self.recurrences, self.entry_functions)) \
                and not (name in self.entry_formulas and self._in_force(name))
            return name if name in self.zero_based and not defined else None
        return None

    def _zero_subscript(self, arg, env) -> bool:
        """A subscript that is 0: written so (s_0), or a letter the first term of a sum from 0 sets to 0."""
        inner = self._inner_item(arg)
        return node_kind(inner) == "number" and str(inner.children[0]) == "0" \
            or node_kind(inner) == "letter" and env.get(str(inner.children[0])) == 0

    def _zeroth_entry(self, head, arg, env) -> V.Value | None:
        """s_0 (or s_j at j = 0, in the first term of a sum from 0) of a vector s the document numbers from 0: the number
        s_0, a name of its own (or as the document defines or declares it)."""
        name = self._zero_name(head)
        if name is None:
            return None
        if not self._zero_subscript(arg, env):
            return None
        label = f"{name}_0"
        if label in self.label_conflicts:
            raise FormulaError(self.label_conflicts[label])
        if label in self.values and self._in_force(label):
            return _with_domain(self.values[label])
        if name in self.entry_formulas and self._in_force(name):
            # s_j = q^T k_j / tau for j = 0, ..., N: s_0 is that formula at j = 0
            letter, right = self.entry_formulas[name]
            at_zero = self._expr(self._parse_formula(right), {letter: sp.Integer(0)})
            if isinstance(at_zero, MatrixTerm) or at_zero.is_vector or at_zero.row or at_zero.is_matrix:
                raise FormulaError(f"{name}_0: the formula of {name}_{letter} at {letter} = 0 is not a number")
            self.notes.append(Reading("definition", f"${sp.latex(sp.Symbol(name))}_0$ is the formula of "
                                                    f"${sp.latex(sp.Symbol(name))}_{letter}$ at ${letter} = 0$",
                                      self.defined_at.get(name)))
            return at_zero
        self.notes.append(Reading("inferred", f"${sp.latex(sp.Symbol(name))}_0$ is a number of its own beside the entries "
                                              f"${sp.latex(sp.Symbol(name))}_1, \\dots$ (the document numbers "
                                              f"${sp.latex(sp.Symbol(name))}$ from 0)", self.zero_based[name]))
        return V.Value(scalar(label))  # (as the entries of s are: no guess)

    def _transpose_by_prime(self, value):
        """x' and (y - Xb)' where the document writes the transpose with a prime."""
        if isinstance(value, V.Value) and value.is_vector:
            return V.Value(value.expr, value.size, value.conventions, row=not value.row)
        if isinstance(value, V.Value) and value.is_matrix:
            return self._transpose(value)
        if isinstance(value, V.Value):
            return value  # a number is its own transpose
        raise FormulaError("a prime on a function, where the document writes the transpose with a prime: write a "
                           "derivative as \\frac{d}{dx}")

    def _whole_matrix(self, head: MatrixHead, sups, primes) -> MatrixTerm:
        rows, cols = (self.size_symbol(s) for s in self.notation.matrices[head.name])
        term = MatrixTerm(sp.MatrixSymbol(str(head.base.label), rows, cols))
        return self._scripted_matrix(term, [], sups, primes, {}, head.name)

    def _scripted_matrix(self, term: MatrixTerm, subs, sups, primes, env, name: str = "a matrix expression"):
        """A^\\top, A^2, (AB)^\\top, (AB)_{ij}; A' where the document writes the transpose with a prime."""
        if primes and self.prime_transpose and not subs:
            for _ in primes:
                term = P.transposed(term)
            primes = []
        if primes:
            raise FormulaError(f"a prime on {name} is not read")
        if subs:
            indices = self._indices(subs[0].children[1], env)
            if len(indices) != 2:
                raise FormulaError(f"an entry of {name} needs two indices")
            value = P.entry(term, *indices)
            return self._power(value, sups[0].children[1], env) if sups else value
        if not sups:
            return term
        arg = sups[0].children[1]
        word = script_word(arg)
        if word in _TRANSPOSE_WORDS \
                and (word != "T" or self.notation.kind_of("T") is None):
            return P.transposed(term)
        if node_kind(arg) == "number" and len(str(arg.children[0])) > 1:
            raise FormulaError(f"^{arg.children[0]} means ^{str(arg.children[0])[0]} followed by "
                               f"{str(arg.children[0])[1:]} in LaTeX; write ^{{{arg.children[0]}}}")
        if self._inverse_transpose(arg):
            return P.transposed(P.power(term, sp.Integer(-1)))  # X^{-\\top}: the transpose of the inverse
        exponent = self._arg_value(arg, env)
        return P.power(term, exponent.expr)

    def _inverse_transpose(self, arg) -> bool:
        """^{-\\top}, ^{-T}, ^{-\\intercal}: the inverse transposed (T only where the document declares no T)."""
        if node_kind(arg) != "group" or len(arg.children) != 1 or node_kind(arg.children[0]) != "neg":
            return False
        product = arg.children[0].children[-1]
        if node_kind(product) != "product" or len(product.children) != 1 or item_scripts(product.children[0]):
            return False
        word = node_word(item_base(product.children[0]))
        return word in ("\\top", "\\intercal") or (word == "T" and self.notation.kind_of("T") is None)

    def _size_subscript(self, arg) -> sp.Expr | None:
        """The size a subscript names (I_N, \\mathbf{1}_n), or None."""
        inner = self._inner(arg) if node_kind(arg) == "group" else arg
        if node_kind(inner) == "product" and len(inner.children) == 1 and not item_scripts(inner.children[0]):
            inner = item_base(inner.children[0])
        if node_kind(inner) == "letter" and self.notation.size_name(str(inner.children[0])):
            return self.size_symbol(str(inner.children[0]))
        return None

    def _ones(self, scripts, env) -> MatrixTerm:
        """\\mathbf{1}, \\mathbf{1}_N: the vector of ones (its length from what it meets, or N)."""
        subs = [sc for sc in scripts if sc.data == "sub_script"]
        n = None
        if subs:
            n = self._size_subscript(subs[0].children[1])
            if n is None:
                raise FormulaError("the subscript of the ones vector \\mathbf{1} must be a size (\\mathbf{1}_N)")
        if not subs and self.ones_length is not None:
            size, written, line = self.ones_length
            n = self.size_symbol(size)  # (its letter as written, n; the size it names, N)
            self.notes.append(Reading("declaration", f"${written}$: ${size}$ is the length of the vector of ones", line))
        term = P.ones(n)
        rest = [sc for sc in scripts if sc.data != "sub_script"]
        sups = [sc for sc in rest if sc.data == "sup_script"]
        return self._scripted_matrix(term, [], sups, [sc for sc in rest if sc.data == "prime"], env,
                                     "the ones vector")

    def _zeros(self, scripts, env, whole: bool):
        """\\mathbf{0}, \\mathbf{0}_N: the zero vector (its length from what it meets). A side that is the zero
        vector alone is 0, compared entry by entry with the other side."""
        subs = [sc for sc in scripts if sc.data == "sub_script"]
        if any(sc.data != "sub_script" for sc in scripts):
            raise FormulaError("scripts on the zero vector \\mathbf{0} other than its size are not read")
        n = self._size_subscript(subs[0].children[1]) if subs else None
        if subs and n is None:
            raise FormulaError("the subscript of the zero vector \\mathbf{0} must be a size (\\mathbf{0}_N)")
        if whole:
            return V.Value(sp.S.Zero)
        return P.zeros(n)

    def _declared_labelled_vector(self, name: str, arg, env):
        """u_1 of a vector u, where the prose declares u_1 \\in R^m itself: that vector; None otherwise."""
        if node_kind(arg) == "index_pair" or node_kind(arg) == "group" and len(arg.children) != 1:
            return None
        inner = self._inner(arg)
        if node_kind(inner) == "product" and len(inner.children) == 1 and not item_scripts(inner.children[0]):
            inner = item_base(inner.children[0])
        if node_kind(inner) != "number" or not str(inner.children[0]).isdigit():
            return None
        for word in (name, "\\" + name):
            key = f"{word}_{inner.children[0]}"
            if self.notation.kind_of(key) == "vector" and key in self.stated:
                return self._meaning(key, env)
        return None

    def _declared_label(self, name: str, arg, env):
        """W_1, b_2: a name with a label subscript that the document declares (a matrix, a vector, a
        number), as it declares it; None when it declares no such name."""
        if node_kind(arg) == "index_pair":
            return None
        inner = self._inner(arg)
        if node_kind(inner) == "product" and len(inner.children) == 1 and not item_scripts(inner.children[0]):
            inner = item_base(inner.children[0])
        if node_kind(inner) not in ("letter", "number", "command"):
            return None
        label = self._label(name, inner, "", env)
        if label is None or self.notation.kind_of(label) not in ("matrix", "vector", "scalar") or label not in self.bases \
                and self.notation.kind_of(label) != "scalar":
            return None
        meaning = self._meaning(label, env)
        if meaning is not None:
            self.guesses[name] -= 1
        return meaning

    def _guessed_entry(self, name: str, arg, env) -> V.Value:
        """a_1, u_o: a name of its own; a_i with i an index: entry i of a vector a of i's range."""
        if node_kind(arg) == "index_pair":
            return self._label_entry(name, arg, env)
        inner = self._inner(arg)
        primes = ""
        if node_kind(inner) == "product" and len(inner.children) == 1 \
                and all(sc.data == "prime" for sc in item_scripts(inner.children[0])):
            primes = "'" * len(item_scripts(inner.children[0]))
            inner = item_base(inner.children[0])
        kind = node_kind(inner)
        label = self._label(name, inner, primes, env)
        if label in self.label_conflicts:
            raise FormulaError(self.label_conflicts[label])
        if label in self.lambdas and self._in_force(label) and not primes:
            # d_p alone, of a d_p(y, mu) = ... the document defines: the function (its value at its parameters)
            self.guesses[name] -= 1
            return Fn("lambda", label, func=self.lambdas[label])
        if label in self.label_vectors:
            # u_o, v_c used as vectors in the document: a vector of its own
            base, length = self.label_vectors[label]
            self.guesses[name] -= 1
            return V.Value(base[V.entry_index(length)], length)
        if kind == "letter" and str(inner.children[0]) in env and f"{name}_{inner.children[0]}" in self.label_vectors:
            # \sum_w u_w^\top v_c: u_w is the vector of w, row w of the family u
            _, length = self.label_vectors[f"{name}_{inner.children[0]}"]
            self.guesses[name] -= 1
            return V.Value(vector(name)[env[str(inner.children[0])], V.entry_index(length)], length)
        if label is not None:
            self.guesses[name] -= 1
            if label in self.values and self._in_force(label):  # h_1 = tanh(w h_0 + u x_1) defined earlier
                if self._shallow and label in self.shallow:
                    return V.Value(scalar(label))
                return _with_domain(self.values[label])
            if label in self.matrix_values and self._in_force(label):  # Z_1 = W_1 X + b_1 1^T defined earlier
                value = _with_domain(self.matrix_values[label])
                return MatrixTerm(P.leaf(value), value.conventions)
            self.guesses[label] += 1
            return V.Value(scalar(label))
        if kind == "letter":
            letter = str(inner.children[0])
            if letter in env or self.notation.size_of_index(letter):
                index = env.get(letter) or self.free_index(letter)
                self.guesses[name] -= 1
                self.guesses[f"{name}[]"] += 1
                return V.Value(vector(name)[index])
            if self._size_label(name, letter):
                # m_n, a_N of a posterior after n data (beside m_0, a_0): a name of its own, never entry n of a vector
                self.guesses[name] -= 1
                self.guesses[f"{name}_{letter}"] += 1
                return V.Value(scalar(f"{name}_{letter}"))
        raise FormulaError(f"the subscript of {name} is neither an index nor a label (write {name}_{{1}}, {name}_i)")

    def _size_label(self, name: str, letter: str) -> bool:
        """Whether a_N, m_n (a size as the subscript of an undeclared name) labels a name of its own: the document
        writes the name with no other letter in a subscript than sizes (never m_i, m_{t-1}), nor uses it whole."""
        if self.notation.kind_of(letter) != "size":
            return False
        usage, written = self.usage, None
        for key in (name, "\\" + name):
            written = usage.subscript_letters.get(key, written)
        if not written or any(self.notation.kind_of(x) != "size" for x in written):
            return False
        return not any(key in uses for key in (name, "\\" + name)
                       for uses in (usage.transposed, usage.whole, usage.labelled, usage.applied))

    def _row_of_family(self, head, subs, env) -> V.Value | None:
        """x_i where the document says x_i^T is the i-th row of the declared matrix X: that row, as a vector."""
        if not self.row_families or not isinstance(head, V.Value):
            return None
        e = head.expr
        letter = str(e.base.label) if isinstance(e, sp.Indexed) and head.is_vector else e.name \
            if isinstance(e, sp.Symbol) else None
        word = next((w for w in self.row_families if symbol_name(w) == letter), None)
        if word is None:
            return None
        matrix = self.row_families[word]
        if self._zero_subscript(subs[0].children[1], env):
            # k_0 (the positive key) beside the family k_1, ..., k_N: the vector the document declares as k_0
            zero = self._declared_label(word, Tree("number", [Token("NUMBER", "0")]), env)
            if zero is None or isinstance(zero, MatrixHead) or not getattr(zero, "is_vector", False):
                raise FormulaError(f"{word}_0 beside the family {word}_1, {word}_2, ...: declare it "
                                   f"(${word}_0 \\in \\mathbb{{R}}^d$)")
            return zero
        indices = self._indices(subs[0].children[1], env)
        if len(indices) != 1:
            return None
        rows, cols = (self.size_symbol(s) for s in self.notation.matrices[matrix])
        # (\sum_{j=0}^{N} a_j k_j beside a declared k_0: k_0 plus the sum from 1)
        self._check_range(indices[0], rows, env, word if self.notation.kind_of(f"{word}_0") == "vector" else None)
        if self.guesses.get(letter, 0) > 0:
            self.guesses[letter] -= 1
        if word in self.used_families:
            self.notes.append(Reading("inferred", f"${word}_1, \\dots, {word}_{{{rows}}}$ are read as vectors of length ${cols}$, "
                                                  f"a family, from the use of ${word}_i$ as a vector (not declared)",
                                      self.used_families[word]))
        elif family_letter(matrix):
            self.notes.append(Reading("declaration", f"${word}_i$ is the $i$-th vector of the family ${word}_1, {word}_2, "
                                                     "\\dots$ the document declares"))
        else:
            self.notes.append(Reading("declaration", f"${word}_i$ is row $i$ of ${matrix}$, as a vector, as the document says"))
        return V.Value(self.bases[matrix][indices[0], V.entry_index(cols)], cols)

    def _at_size(self, name: str, arg, env) -> V.Value:
        """S_3, S_n, S_{N+1} of S_N = formula in the size N: the formula at that size (a whole number from 1, or a
        formula in sizes)."""
        symbol, value = self.size_sequences[name]
        with self._deeper_script("subscripts"):
            at = self._arg_value(arg, env)
        e = sp.expand(at.expr) if isinstance(at, V.Value) and not (at.is_vector or at.row or at.is_matrix) else None
        if e is None or not ((e.is_Integer and 1 <= e <= MAX_AT_SIZE) or (e.free_symbols and all(
                x in self.sizes.values() for x in e.free_symbols) and e.is_integer and e.is_positive)):
            raise FormulaError(f"{name}_... is defined at each size {symbol} (line {self.defined_at.get(name)}): its "
                               f"subscript is read as a whole number from 1 to {MAX_AT_SIZE} or a size")
        if self.guesses.get(name, 0) > 0:
            self.guesses[name] -= 1
        for cond in value.domain:
            V.requires(cond.xreplace({symbol: e}))  # (the conditions of the formula, at that size too)
        return value.with_expr(value.expr.xreplace({symbol: e}))

    def _has_numbered(self, name: str) -> bool:
        """The document defines a number named name_k (h_1 = ...) with this base, or a sequence (g_t in a
        recurrence) of which name_k is a term."""
        return name in self.numbered_bases or any(k.startswith(f"{name}_") and k[len(name) + 1:].isdigit()
                                                 for k in self.values)

    def _step_of(self, arg, env) -> sp.Expr | None:
        """The step of m_t, m_{t-1}, m_T, m_{T+1}: an index letter or a size, plus or minus a whole number."""
        try:
            indices = self._indices(arg, env)
            if len(indices) == 1 and isinstance(indices[0], (sp.Idx, sp.Symbol)):
                return indices[0]
        except FormulaError:
            pass
        try:
            value = self._expr(self._inner(arg), env) if node_kind(arg) == "group" else self._arg_value(arg, env)
        except FormulaError:
            return None
        if not isinstance(value, V.Value) or value.is_vector or value.row or value.is_matrix:
            return None
        expr = sp.expand(value.expr)
        letters = [s for s in expr.free_symbols if isinstance(s, sp.Idx) or s in self.sizes.values()]
        if len(letters) != 1 or len(expr.free_symbols) != 1:
            return None
        rest = sp.expand(expr - letters[0])
        return expr if rest.is_Integer else None

    def _numbered(self, name: str, arg) -> V.Value | None:
        """c_1, \\eta_{2} of a scalar c: the number named so (as the document defines it, or any number)."""
        inner = self._inner(arg)
        if node_kind(inner) == "product" and len(inner.children) == 1 and not item_scripts(inner.children[0]):
            inner = item_base(inner.children[0])
        if node_kind(inner) != "number" or not str(inner.children[0]).isdigit():
            return None
        label = f"{name}_{inner.children[0]}"
        if label in self.label_conflicts:
            raise FormulaError(self.label_conflicts[label])
        if label in self.values and self._in_force(label):
            if self._shallow and label in self.shallow:
                return V.Value(scalar(label))
            return _with_domain(self.values[label])
        if label in self.matrix_values and self._in_force(label):
            value = _with_domain(self.matrix_values[label])
            return MatrixTerm(P.leaf(value), value.conventions)
        self.guesses[label] += 1
        return V.Value(scalar(label))

    def _inner_item(self, arg):
        """The one unscripted item a script holds ({\\max} -> \\max), or the script itself."""
        inner = arg.children[0] if node_kind(arg) == "group" and len(arg.children) == 1 else arg
        if node_kind(inner) == "product" and len(inner.children) == 1 and not item_scripts(inner.children[0]):
            inner = item_base(inner.children[0])
        return inner

    def _step_term(self, name: str, arg, env) -> V.Value | None:
        """x_n of a scalar x that is also a sequence at a general step (x_{n+1} = F(x_n), read.sequences), n bound
        by nothing here: the term at step n, a number of its own. x_{n+1}, x_{n-1}: the same, of a name that is the
        data of a step (read.document) or of a step whose terms above the chain's lowest were written in it."""
        inner = self._inner(arg)
        if node_kind(inner) == "product" and len(inner.children) == 1 and not item_scripts(inner.children[0]):
            inner = item_base(inner.children[0])
        if node_kind(inner) in ("add", "sub"):
            return self._step_term_at(name, inner, env)
        if node_kind(inner) != "letter":
            return None
        letter = str(inner.children[0])
        if letter in env or name not in self.sequence_names:
            return None
        label = f"{name}_{letter}"
        if label in self.label_conflicts:
            raise FormulaError(self.label_conflicts[label])
        self.guesses[label] += 1
        return V.Value(scalar(label))

    def _subscript_only(self, head, arg, env) -> list | None:
        """p_y, e_y of a letter the document writes only as a subscript (y of p_y = softmax(z)_y, the correct class;
        v of E_v): an index over the vector's entries, the same length wherever it is used, or None."""
        inner = self._inner_item(arg)
        if not isinstance(head, V.Value) or not head.is_vector or node_kind(inner) != "letter":
            return None
        letter = str(inner.children[0])
        if letter not in self.subscript_letters or letter in env or self.notation.kind_of(letter) is not None:
            return None
        length = self.subscript_lengths.setdefault(letter, head.size)
        if sp.sympify(length) != sp.sympify(head.size):
            raise FormulaError(f"{letter}, only ever a subscript, is an index of vectors of lengths {length} and "
                               f"{head.size}: say which values it takes (\"${letter} \\in \\{{1, \\dots, C\\}}$\")")
        self.notes.append(Reading("inferred", f"${letter}$ is read as an index from 1 to ${sp.latex(length)}$: the "
                                              "document writes it only as a subscript"))
        return [Idx(letter, (1, length))]

    def _step_term_at(self, name: str, inner, env) -> V.Value | None:
        label = self._step_label(name, inner, env)
        if label is None:
            return None
        if label in self.label_conflicts:
            raise FormulaError(self.label_conflicts[label])
        self.guesses[label] += 1
        return V.Value(scalar(label))

    def _step_label(self, name: str, inner, env) -> str | None:
        """x_{k+1}, g_{t-1}: the step letter plus or minus a whole number (1 to 9), of a name whose terms at other
        steps are numbers of their own (see _step_term): the name of that number, else None."""
        letter = self.step_data.get(name) or self.step_free_now.get(name)
        if letter is None or letter in env or node_kind(inner) not in ("add", "sub"):
            return None
        parts = [c for c in inner.children if isinstance(c, Tree)]
        if len(parts) != 2:
            return None
        first, second = (self._inner_item(p) for p in parts)
        if node_kind(first) != "letter" or str(first.children[0]) != letter or node_kind(second) != "number" \
                or not str(second.children[0]).isdigit() or not 1 <= int(str(second.children[0])) <= 9:
            return None
        return f"{name}_{{{letter}{'+' if node_kind(inner) == 'add' else '-'}{second.children[0]}}}"

    def _label_entry(self, name: str, pair, env) -> V.Value:
        """v_{c,i}: entry i of the vector v_c (a label, then an index)."""
        first, second = pair.children
        items = [e.children[0] if node_kind(e) == "product" and len(e.children) == 1 else None for e in (first, second)]
        if any(it is None or item_scripts(it) for it in items):
            raise FormulaError(f"{name}_{{.., ..}} is read only as a label and an index: {name}_{{c,i}}")
        letter = node_word(item_base(items[0]))
        label = f"{name}_{letter}"
        if label in self.label_conflicts:
            raise FormulaError(self.label_conflicts[label])
        if label not in self.label_vectors:
            raise FormulaError(f"{name}_{{..,..}} is read only as entry i of a vector with a label, {name}_{{c,i}}")
        base, length = self.label_vectors[label]
        (index,) = self._indices(item_base(items[1]), env)
        self._check_range(index, length, env)
        self.guesses[name] -= 1
        return V.Value(base[index])

    def _ended_example(self, key: str) -> tuple[int, int, int] | None:
        """(its line, the example's heading line, the example's last line) of a name defined in an example that ended
        before the line being read, with no meaning in force here; else None."""
        at = self.defined_at.get(key)
        if not at or self.line is None or not (key in self.values or key in self.matrix_values or key in self.lambdas) \
                or self._in_force(key):
            return None
        return next(((at, start, end) for start, end in getattr(self, "example_topics", ())
                     if start <= at <= end < self.line), None)

    def _label(self, name: str, inner, primes: str, env) -> str | None:
        """The name a_1, a_b, alpha_beta, a_{b'} of an undeclared a with a label subscript, or None."""
        kind = node_kind(inner)
        if kind in ("add", "sub") and not primes:
            at = self._step_label(name, inner, env)  # x_{k+1} of the data of a step
            if at is not None:
                return at
        if kind == "letter" and not primes and str(inner.children[0]) not in env \
                and str(inner.children[0]) in (self.step_data.get(name), self.step_free_now.get(name)):
            return f"{name}_{inner.children[0]}"  # x_k of the data of a step: the number at step k
        sub = None
        # (m_\tau of a function m_\tau(x) = ... the document defines is that function's value, tau declared or not)
        # (w_z, u_r of a GRU's gates z and r: a letter that is no index nor size labels the name it subscripts)
        if kind == "letter" and str(inner.children[0]) not in env and (
                self.notation.kind_of(str(inner.children[0])) not in ("index", "size")
                or f"{name}_{inner.children[0]}" in self.values):
            sub = str(inner.children[0])
        if kind == "command" and str(inner.children[0])[1:] in GREEK \
                and (self.notation.kind_of(str(inner.children[0])) in (None, "scalar")
                     or f"{name}_{str(inner.children[0])[1:]}" in self.values):
            sub = str(inner.children[0])[1:]
        if sub is None:
            sub = word_label(inner)  # eta_{\max}, x_{\text{train}}: a word, never an index
        if sub is None and kind == "product" and 2 <= len(inner.children) <= 3 and not primes \
                and all(isinstance(c, Tree) and not item_scripts(c) and node_kind(item_base(c)) == "letter"
                        for c in inner.children):
            # S_{xy}, S_{xx} (sums of products of the data x, y): letters that are no index, size or bound letter
            letters = [str(item_base(c).children[0]) for c in inner.children]
            if not any(x in env or self.notation.kind_of(x) in ("index", "size") or self.notation.size_name(x)
                       for x in letters):
                sub = "".join(letters)
        if sub is not None:
            return f"{name}_{{{sub}{primes}}}" if primes else f"{name}_{sub}"
        if kind == "number" and str(inner.children[0]).isdigit() and not primes:
            return f"{name}_{inner.children[0]}"
        return None

    def _scripted_function(self, fn: Fn, subs, sups, primes, env) -> "Fn | V.Value":
        """\\log_2, \\tanh^2, \\sigma': the function a scripted function name stands for (\\sigma_f of a document
        that never applies sigma: the number of that name)."""
        if subs and not primes and function_label(subs) and self._default_only(fn.name):
            # \sigma_f, \sigma_n of a document that never applies sigma: numbers of their own (standard
            # deviations), not the default logistic function with a subscript
            name = f"{fn.name}_{function_label(subs)}"
            self.guesses[symbol_name(name)] += 1
            head = V.Value(scalar(symbol_name(name)))
            return self._power(head, sups[0].children[1], env) if sups else head
        labelled = f"{fn.name}_{function_label(subs)}" if subs and function_label(subs) else None
        if labelled in self.lambdas and self._in_force(labelled):
            fn, subs = Fn("lambda", labelled, func=self.lambdas[labelled]), []  # d_p beside a function d
        partial = self._partial_subscript(fn, subs) if subs and not primes else None
        if partial is not None:
            fn, subs = partial, []  # f_{xy} of an f(x, y) the document defines: its partial derivative
        if subs:
            if fn.kind != "log" or (fn.base is not None and fn.base != (self.log_base or (None,))[0]):
                raise FormulaError(f"a subscript on the function {fn.name}")
            base = self._arg_value(subs[0].children[1], env)
            if base.is_vector or (base.expr.is_number and not (base.expr.is_positive and base.expr != 1)):
                raise FormulaError("the base of a logarithm must be a positive scalar other than 1")
            fn = Fn("log", fn.name, base.expr)
        for _ in primes:
            fn = self._prime(fn)
        if sups:
            arg = sups[0].children[1]
            word = node_word(arg)
            if word == "\\prime":
                return self._prime(fn)
            if written_order(arg) is not None and not primes and fn.power == 1:
                for _ in range(written_order(arg)):
                    fn = self._prime(fn)  # \\sin^{(4)}: the fourth derivative of sin
                return fn
            if parenthesized_order(arg):
                raise FormulaError(f"{fn.name}^{{(n)}}: the n-th derivative is read with its order a whole number "
                                   f"from 1 to {MAX_ORDER} in parentheses (f^{{(3)}}) or as primes")
            exponent = self._arg_value(arg, env) if node_kind(arg) in ("number", "group") else None
            if exponent is None or not (exponent.expr.is_Integer and 1 <= exponent.expr <= V.MAX_EXPONENT):
                raise FormulaError(f"{fn.name}^{{...}}: only a positive whole power of a function is read "
                                   f"(\\{fn.name.lstrip(chr(92))}^2 x is (\\{fn.name.lstrip(chr(92))} x)^2; "
                                   "an inverse function is not read)")
            if fn.power != 1:
                raise FormulaError(f"a double power of the function {fn.name}")
            fn = Fn(fn.kind, fn.name, fn.base, int(exponent.expr), fn.func, fn.primes)
        return fn

    def _power(self, base: V.Value, arg, env) -> V.Value:
        word = node_word(arg)
        if node_kind(arg) == "group" and len(arg.children) == 1:
            inner = arg.children[0]
            if node_kind(inner) == "product" and len(inner.children) == 1 and not item_scripts(inner.children[0]):
                word = node_word(item_base(inner.children[0])) if word is None else word
        if word in _TRANSPOSE_WORDS \
                or (word == "T" and node_kind(arg) == "text"):
            if isinstance(base, MatrixTerm):
                return P.transposed(base)  # (Z_1^T of a Z_1 = W_1 X + ... the document defines)
            if base.is_matrix:
                return self._transpose(base)
            if base.is_vector:
                return V.Value(base.expr, base.size, base.conventions, row=not base.row)
            if word != "T" or self.notation.kind_of("T") is None:
                raise FormulaError("a transpose of a scalar, or a power T? write the power with another letter")
        if word == "\\prime":
            return self._prime(base)
        if node_kind(arg) == "group" and len(arg.children) == 1 and node_kind(arg.children[0]) == "product" \
                and len(arg.children[0].children) == 1 and not item_scripts(arg.children[0].children[0]) \
                and node_kind(item_base(arg.children[0].children[0])) == "paren":
            raise FormulaError("a superscript in parentheses (x^{(i)}, y^{(\\lambda)}, f^{(n)}) is a label or the order "
                               "of a derivative, not a power: write a power as x^{i}, and a label or a derivative with a "
                               "name of its own (y_\\lambda, f'')")
        if node_kind(arg) == "number" and len(str(arg.children[0])) > 1 and "." not in str(arg.children[0]):
            raise FormulaError(f"^{arg.children[0]} means ^{str(arg.children[0])[0]} followed by "
                               f"{str(arg.children[0])[1:]} in LaTeX; write ^{{{arg.children[0]}}}")
        with self._deeper_script("superscripts"):
            exponent = self._arg_value(arg, env)
        return V.power(base, exponent)

    @contextlib.contextmanager
    def _deeper_script(self, what: str):
        """One script level further in (an exponent, an index expression), refused past MAX_SCRIPT_DEPTH."""
        self._script_depth += 1
        try:
            if self._script_depth > MAX_SCRIPT_DEPTH:
                raise FormulaError(f"{what} nested more than {MAX_SCRIPT_DEPTH} deep")
            yield
        finally:
            self._script_depth -= 1

    def _indices(self, arg, env) -> list[sp.Expr]:
        kind = node_kind(arg)
        if kind == "index_pair":  # A_{i,j}
            out = []
            for part in arg.children:
                if node_kind(part) in ("add", "sub"):
                    out.append(self._index_expression(part, env))  # A_{i,j+1}
                    continue
                if node_kind(part) != "product" or len(part.children) != 1 or item_scripts(part.children[0]):
                    raise FormulaError("an index expression in a subscript is not read")
                out.extend(self._indices(item_base(part.children[0]), env))
            return out
        if kind == "group":
            if len(arg.children) != 1:
                raise FormulaError("a condition in a subscript (such as i \\neq k) is not read")
            inner = arg.children[0]
            if node_kind(inner) in ("add", "sub"):
                return [self._index_expression(inner, env)]  # x_{j+1}, x_{N-j+1}
            if node_kind(inner) != "product":
                raise FormulaError("an index expression in a subscript is not read")
            out = []
            for child in inner.children:
                if not isinstance(child, Tree) or item_scripts(child):
                    raise FormulaError("an index expression in a subscript is not read")
                out.extend(self._indices(item_base(child), env))
            return out
        if kind == "number":
            digits = str(arg.children[0])
            if "." in digits or int(digits) < 1 or len(digits) > 6:
                raise FormulaError(f"subscript {digits} is not an index")
            return [sp.Integer(int(digits))]
        if kind == "letter":
            letter = str(arg.children[0])
            if letter in env and env[letter] == 0 and not isinstance(env[letter], Idx):
                # (the term at 0 of a sum from 0, s_0 + \sum_{j=1}: only entry 0 of a vector numbered from 0 is read)
                raise FormulaError(f"the term at {letter} = 0 takes an entry 0, and entries are numbered from 1 here")
            if letter in env:
                return [env[letter]]
            n = self.notation
            if letter in self.conflicts:
                raise FormulaError(self.conflicts[letter])
            if n.size_of_index(letter) and letter in self.zero_start:
                raise FormulaError(f"{letter} runs from 0 (line {self.zero_start[letter]}), and a free index is read "
                                   f"from 1: the case {letter} = 0 is not read; write it apart ({letter} = 0, and "
                                   f"1 \\le {letter} \\le ...)")
            if n.size_of_index(letter):
                return [self.free_index(letter)]
            if n.size_name(letter):
                return [self.size_symbol(letter)]
            if letter in self.subscript_letters and letter in self.subscript_lengths and n.kind_of(letter) is None:
                # (delta_{jy} of the y of p_y: the index it is there, 1 to the length of p)
                length = self.subscript_lengths[letter]
                self.notes.append(Reading("inferred", f"${letter}$ is read as an index from 1 to ${sp.latex(length)}$: "
                                                      "the document writes it only as a subscript"))
                return [Idx(letter, (1, length))]
            raise FormulaError(f"subscript {letter} is not an index: say which values it takes in the prose "
                               f"(\"${letter} \\in \\{{1, \\dots, N\\}}$\", \"for $i = 1, \\dots, N$\")")
        if kind == "command" and str(arg.children[0]) in env and isinstance(env[str(arg.children[0])], Idx):
            return [env[str(arg.children[0])]]  # (c_\ell of a sum over \ell)
        raise FormulaError("a subscript that is not an index")

    def _index_expression(self, node, env) -> sp.Expr:
        """x_{j+1}, x_{N-j}: an index written as a sum of a sum's index (with coefficient 1 or -1), sizes and whole
        numbers. Only an index a sum binds may appear in it, so that its range is the sum's; whether it stays in
        the vector's range is checked where the entry is taken."""
        with self._deeper_script("subscripts"):
            value = self._expr(node, env)
        expr = sp.expand(value.expr)
        bound = {v for v in env.values() if isinstance(v, Idx)}
        sizes = set(self.sizes.values())
        free = expr.free_symbols
        if value.is_vector or value.is_matrix or not expr.is_integer or not free <= bound | sizes:
            raise FormulaError("an index expression in a subscript is read only in the indices of the sums around it, "
                               "sizes and whole numbers (\\sum_{j=1}^{N-1} x_{j+1})")
        for idx in free & bound:
            coefficient = expr.coeff(idx)
            if coefficient not in (1, -1) or (expr - coefficient * idx).has(idx):
                raise FormulaError("an index expression in a subscript is read only as an index plus or minus sizes "
                                   "and whole numbers (x_{j+1}, x_{N-j})")
        return expr

    def _in_range(self, index: sp.Expr, length: sp.Expr) -> bool:
        """Whether 1 <= index <= length for every value of the sums' indices in it (each in its sum's range, inner
        ranges first) and every size (a whole number >= 1)."""
        low, high = index, index
        for _ in range(2 * MAX_SCRIPT_DEPTH + 2):
            idxs = [s for s in low.free_symbols | high.free_symbols if isinstance(s, Idx)]
            if not idxs:
                break
            for idx in idxs:
                if low.has(idx):
                    low = low.subs(idx, idx.lower if low.coeff(idx).is_positive else idx.upper)
                if high.has(idx):
                    high = high.subs(idx, idx.upper if high.coeff(idx).is_positive else idx.lower)
        else:
            return False
        return _nonnegative_in_sizes(low - 1) and _nonnegative_in_sizes(length - high)

    def _check_range(self, index, length, env, zero_based: str | None = None) -> None:
        if zero_based is not None and isinstance(index, Idx) and index in env.values() and index in self._implicit_sums:
            raise FormulaError(f"the sum over {index} has no lower limit, and {zero_based} is numbered from 0: write "
                               f"\\sum_{{{index}=0}}^{{...}} or \\sum_{{{index}=1}}^{{...}}")
        if zero_based is not None and isinstance(index, Idx) and index in env.values() and index.lower == 0 \
                and sp.expand(index.upper - length) == 0:
            raise _FromZero(index)  # \sum_{j=0}^{N} s_j: s_0 plus the sum from 1 (see _operate)
        if not isinstance(index, Idx) and not index.is_number and any(isinstance(s, Idx) for s in index.free_symbols):
            if not self._in_range(index, length):
                raise IndexRangeError(f"the index {index} may leave 1..{length} within the limits of its sum: "
                                      "write the limits so that every entry exists", str(index), str(length))
            return
        if isinstance(index, Idx) and index in env.values() and not self._in_range(index, length) \
                and not _nonnegative_in_sizes(index.lower - 1):
            raise IndexRangeError(f"the sum over {index} starts at {index.lower}, and the entries of a vector are "
                                  f"numbered from 1", str(index), str(length))
        if isinstance(index, Idx) and index not in env.values() and index.upper != length:
            raise IndexRangeError(f"index {index} runs over 1..{index.upper}, the vector has length {length}",
                                  str(index), str(length))
        sizes = set(self.sizes.values())
        if isinstance(index, Idx) and index in env.values() and index.upper != length \
                and index.upper in sizes and length in sizes:
            # \sum_{i=1}^{m} x_i of an x of length N: two sizes, which may differ (a sum over part of x?)
            raise IndexRangeError(f"the sum over {index} runs to {index.upper}, the vector has length {length}: "
                                  f"say that it has length {index.upper} (\\in \\mathbb{{R}}^{{{index.upper}}})",
                                  str(index), str(length))

    def _sum(self, scripts, env, product: bool = False) -> SumOp:
        subs = [s for s in scripts if s.data == "sub_script"]
        sups = [s for s in scripts if s.data == "sup_script"]
        if len(subs) != 1 or len(sups) > 1 or len(scripts) != len(subs) + len(sups):
            raise FormulaError("a sum needs one subscript naming its index (and at most one upper limit)")
        arg = subs[0].children[1]
        lower, excluded, written_lower = sp.S.One, None, False
        if node_kind(arg) == "group" and len(arg.children) == 3 and str(arg.children[1]) in ("<", ">", "\\lt", "\\gt") \
                and not sups and not product:
            # \sum_{i<j} f_{ij}: over the pairs of indices in order, the sum over j of the sum over i = 1 .. j - 1
            small, large = (arg.children[0], arg.children[2]) if str(arg.children[1]) in ("<", "\\lt") \
                else (arg.children[2], arg.children[0])
            small, large = self._sum_letter(small), self._sum_letter(large)
            named = {self.notation.size_of_index(small), self.notation.size_of_index(large)}
            if named == {None} and len(self.sizes) == 1:
                named = {next(iter(self.sizes))}
            if len(named) != 1 or None in named or small == large:
                raise FormulaError(f"a sum over pairs {small} < {large} needs both letters indices of one size")
            index = Idx(large, (1, self.sizes[named.pop()]))
            return SumOp(index, large, below=small)
        condition = None
        if node_kind(arg) == "such_that":
            letter, condition = self._such_that(arg, env, product)
            if condition is None:  # \sum_{j : j \neq k}: the sum over j \neq k
                arg = Tree("group", [arg.children[0], *arg.children[3:]])
        if condition is not None:
            pass  # (its index and condition read)
        elif node_kind(arg) == "group":
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
                        lower = self._limit(self._expr(right, env), env, "lower")
                        written_lower = True
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
            upper = self._limit(self._arg_value(sups[0].children[1], env), env, "upper")
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
        index = Idx(letter, (lower, upper))
        if not written_lower:
            self._implicit_sums.add(index)  # (\sum_j: from 1 by default, never over a vector numbered from 0)
        return SumOp(index, letter, excluded, product, condition=condition)

    def _such_that(self, arg, env, product: bool):
        """\\sum_{i : x_i > 0}: the index and the condition. An order between numbers is kept as the condition
        (the summand is taken where it holds); j \\neq k between indices is the sum over j \\neq k (None); any
        other condition is refused, for an equality of values (c_i = k, \\delta_i = 1) says which terms count
        only through what the values are, which the document's words give (labels, whole numbers)."""
        letter_node, _, left, rel, right = arg.children
        letter = self._sum_letter(letter_node)
        rel = str(rel)
        if rel in ("\\neq", "\\ne") and self._sum_letter_or_none(left) == letter:
            return letter, None
        if product:
            raise FormulaError("a product over the indices where a condition holds is not read")
        if rel in ("=", "\\neq", "\\ne"):
            raise FormulaError(f"a sum over the {letter} where an equality holds (\\sum_{{{letter} : c_{letter} = k}}) is not "
                               f"read: which terms count depends on what the values are (labels, whole numbers), which "
                               f"the words give; write the sum with an indicator of an index (\\mathbb{{1}}[{letter} = k]) "
                               f"or over the {letter} it takes")
        return letter, (left, rel, right)

    def _sum_letter_or_none(self, node) -> str | None:
        try:
            return self._sum_letter(node)
        except FormulaError:
            return None

    def _limit(self, value, env, which: str) -> sp.Expr:
        """A sum's limit: an integer expression in the sizes and the indices in scope (an enclosing
        sum's index, as in a triangular sum over j = 1..i, or a free index)."""
        expr = value.expr
        allowed = set(self.sizes.values()) | {v for v in env.values() if isinstance(v, Idx)}
        ok = not value.is_vector and expr.is_integer and all(
            s in allowed or (isinstance(s, Idx) and self.notation.size_of_index(str(s)) is not None)
            for s in expr.free_symbols)
        if not ok:
            raise FormulaError(f"the {which} limit of a sum must be an integer expression in sizes and indices")
        return expr

    def _sum_letter(self, node) -> str:
        if node_kind(node) == "product" and len(node.children) == 1 and not item_scripts(node.children[0]):
            node = item_base(node.children[0])
        if node_kind(node) == "command" and str(node.children[0]) == "\\ell":
            return "\\ell"  # (\sum_{\ell=1}^{L} c_\ell: the letter l, written so it is not read as the number 1)
        if node_kind(node) != "letter":
            raise FormulaError("a sum's index must be a single letter")
        letter = str(node.children[0])
        if self.notation.kind_of(letter) in ("vector", "matrix", "function"):
            raise FormulaError(f"{letter} names a {self.notation.kind_of(letter)}; it cannot be a sum's index")
        # (n of \sum_{n \ge 0} x^n, n otherwise a size: bound by the sum, a dummy of its own inside it)
        return letter



def _at_argument(body: sp.Expr, u: sp.Symbol, value: sp.Expr) -> sp.Expr:
    """A function's formula at its argument. Replaced everywhere, the bounds of a sum's index included: ``subs``
    leaves a bound index alone and changes the summand's copy of it, so that T(n) = \\sum_{k=1}^{n} k^2 at 3 would sum
    a k no longer bound (3 k^2 for k free). A derivative in u is put in through ``subs`` (a point, never a
    derivative by a number)."""
    if any(u in d.free_symbols for d in body.atoms(sp.Derivative, sp.Subs)):
        return body.subs(u, value)
    return body.xreplace({u: value})


# Special functions a document may apply without defining them: refused by name, never read as any function.
SPECIAL_FUNCTIONS = {"\\Gamma": ("gamma", "Gamma function")}


def _nonnegative_in_sizes(expr: sp.Expr) -> bool:
    """Whether expr >= 0 for every value >= 1 of the sizes in it: a polynomial in (size - 1) with nonnegative
    coefficients. False when not shown."""
    expr = sp.expand(expr)
    if expr.is_number:
        return bool(expr >= 0)
    symbols = sorted(expr.free_symbols, key=str)
    if not all(s.is_integer and s.is_positive for s in symbols):
        return False
    shifted = [sp.Dummy(f"{s}_1", integer=True, nonnegative=True) for s in symbols]
    moved = sp.expand(expr.subs({s: m + 1 for s, m in zip(symbols, shifted)}, simultaneous=True))
    try:
        poly = sp.Poly(moved, *shifted)
    except sp.PolynomialError:
        return False
    return all(c >= 0 for c in poly.coeffs())


_DOUBLE_BAR = re.compile(r"\\\||\\Vert(?![A-Za-z])|\\parallel(?![A-Za-z])|\\(?:left|right|big|Big|bigg|Bigg)\s*\\\|")


def divergence_bars(text: str) -> str:
    """``D(p \\| q)``, ``\\mathrm{KL}(q \\Vert p)``: a double bar alone between the arguments of a function (the two
    laws of a divergence) is their separator, read as a comma. A bar that is not alone in its parentheses (a norm,
    f(\\|x\\|)) is left as written. The text keeps its length."""
    bars = list(_DOUBLE_BAR.finditer(text))
    if not bars:
        return text
    out, last = [], 0
    for m in bars:
        depth, k, opening = 0, m.start() - 1, None
        while k >= 0:  # the parentheses the bar stands in
            if text[k] == ")":
                depth += 1
            elif text[k] == "(":
                if depth == 0:
                    opening = k
                    break
                depth -= 1
            k -= 1
        if opening is None or not re.search(r"(?:[A-Za-z]|\}|\\[A-Za-z]+)\s*(?:\\left\s*)?$", text[:opening]):
            continue
        depth, k, closing = 0, m.end(), None
        while k < len(text):
            if text[k] == "(":
                depth += 1
            elif text[k] == ")":
                if depth == 0:
                    closing = k
                    break
                depth -= 1
            k += 1
        inside = text[opening + 1:closing] if closing is not None else ""
        if closing is None or len(_DOUBLE_BAR.findall(inside)) != 1 or "|" in _DOUBLE_BAR.sub("", inside) \
                or "," in _outermost(re.sub(r"\\,", "", inside)):
            continue  # (a comma inside the arguments' own parentheses, N(\mu, \sigma^2) \| N(0, 1), is theirs)
        out.append(text[last:m.start()] + "," + " " * (m.end() - m.start() - 1))  # (as long as the bar: offsets stay)
        last = m.end()
    return "".join(out) + text[last:]


def _outermost(text: str) -> str:
    """The text outside every pair of parentheses, brackets and braces it holds."""
    out, depth = [], 0
    for c in text:
        depth += c in "([{"
        if depth == 0:
            out.append(c)
        depth -= c in ")]}" and depth > 0
    return "".join(out)


def _no_derivative_at_kinks(body: sp.Expr, u: sp.Symbol, at: sp.Expr) -> None:
    """A derivative of ``body`` (a function of ``u``) taken at ``at`` is claimed only where ``at`` is at no kink: a
    change of branch of a definition by cases, max, min, |.|, a step."""
    edges = {r.lhs - r.rhs for p in body.atoms(sp.Piecewise) for _, c in p.args
             for r in sp.sympify(c).atoms(sp.core.relational.Relational)}
    edges |= {a - b for m in body.atoms(sp.Max, sp.Min) for a, b in itertools.combinations(m.args, 2)}
    edges |= {k.args[0] for k in body.atoms(sp.Abs, sp.Heaviside, sp.sign)}
    for edge in edges:
        if edge.has(u):
            V.requires(sp.Ne(edge, 0, evaluate=False).xreplace({u: at}))


def _single_term(nxt) -> bool:
    """Whether an entry is parentheses around one term, signed or not: (-1), (x^4), (2x), (\\frac{1}{\\sqrt{3}}), never
    (1 - p) nor (a, b). A letter applied to it is read as a product only where nothing else says it is a function."""
    if nxt is None or nxt.op is not None or nxt.negative or node_kind(item_base(nxt.item)) != "paren" \
            or len(item_base(nxt.item).children) != 1:
        return False
    inner = item_base(nxt.item).children[0]
    if node_kind(inner) == "neg":
        inner = inner.children[-1]
    return node_kind(inner) == "product"


# the functions of an angle, whose argument trigonometry writes as a coefficient in parentheses and a variable after
# it: \sin (n + 1) x
_ANGLE_FUNCTIONS = frozenset({"sin", "cos", "tan", "cot", "sec", "csc", "sinh", "cosh", "tanh", "coth"})


def _lone_argument(nxt) -> bool:
    """Whether an entry is parentheses around a single number or letter: (2), (T), never (1 - p_i)."""
    if nxt is None or nxt.op is not None or nxt.negative or item_scripts(nxt.item) \
            or node_kind(item_base(nxt.item)) != "paren" or len(item_base(nxt.item).children) != 1:
        return False
    inner = item_base(nxt.item).children[0]
    inner = inner.children[0] if node_kind(inner) == "product" and len(inner.children) == 1 else inner
    return node_kind(inner) == "item" and not item_scripts(inner) \
        and node_kind(item_base(inner)) in ("number", "letter", "command")


# the built-in functions whose names do not say what they are: (kind, what the reading says)
_NAMED_DEFAULTS = {"\\sigma": ("sigmoid", "the logistic function"), "CE": ("cross-entropy", "the cross-entropy")}


# names in square brackets set apart by spacing commands, [\, v_1 \; v_2 \; v_3 \,] or \left[ a \quad b \right]
# (never E[X \, Y], an expectation's brackets; a thin space is padding, never a separator)
_PAD = r"(?:\\[,;:!>]|\\q?quad(?![A-Za-z])|\\ |~)"
_SEPARATOR = r"(?:\\[;:>]|\\q?quad(?![A-Za-z])|\\ |~)"
_BRACKET_NAME = r"(?:\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*\\?[A-Za-z]+\s*\}|\\?[A-Za-z]+)(?:\s*_\s*(?:\{[^{}]*\}|\w))?"
def newton_dots(text: str, letters: str) -> str:
    """\\dot x, \\ddot{x} of a function x(t) the document defines (one of ``letters``): its derivatives, x', x''."""
    if not letters or "dot" not in text:
        return text
    return re.sub(r"\\(d?dot)\s*(?:\{\s*([" + letters + r"])\s*\}|([" + letters + r"])(?![A-Za-z]))",
                  lambda m: (m.group(2) or m.group(3)) + ("''" if m.group(1) == "ddot" else "'"), text)


# where a bare \pi can only be the number: after a digit (2\pi), under a root, in an exponent, a fraction, a limit,
# a trigonometric function's argument; before or after a slash, or raised to a power
_PI_NUMBER_BEFORE = re.compile(r"(?:\d\s*\{?\s*|/\s*|\\sqrt\s*(?:\[[^\]]*\])?\s*\{[^{}]*|\^\s*\{[^{}]*|[_^]\s*\{?\s*-?\s*"
                               r"|\\frac\s*\{[^{}]*(?:\}\s*\{[^{}]*)?"
                               r"|\\(?:sin|cos|tan|cot|sec|csc|exp)\s*(?:\\left\s*)?\(?[^()$=]*)$")
_PI_NUMBER_AFTER = re.compile(r"\s*(?:/|\^)")


def _bare_pi(text: str) -> bool:
    """Whether the formula writes \\pi alone (no subscript) where it need not be the number 3.14159...."""
    for m in re.finditer(r"(?<![A-Za-z\\])\\pi(?![A-Za-z])", text):
        rest = text[m.end():]
        if re.match(r"\s*_", rest) or re.search(r"\\(?:boldsymbol|mathbf|bm)\s*\{?\s*$", text[:m.start()]):
            continue
        if _PI_NUMBER_BEFORE.search(text[max(0, m.start() - 40):m.start()]) or _PI_NUMBER_AFTER.match(rest):
            continue
        return True
    return False


_SPACED_ROW = re.compile(r"(?<![A-Za-z}\])])(?:\\left\s*)?\[\s*(?:" + _PAD + r"\s*)*" + _BRACKET_NAME + r"(?:\s*(?:"
                         + _PAD + r"\s*)*" + _SEPARATOR + r"\s*(?:" + _PAD + r"\s*)*" + _BRACKET_NAME + r")+\s*(?:"
                         + _PAD + r"\s*)*(?:\\right\s*)?\]")


def _lone_inner(nxt):
    """The letter or number inside an entry that `_lone_argument` accepts."""
    inner = item_base(nxt.item).children[0]
    inner = inner.children[0] if node_kind(inner) == "product" and len(inner.children) == 1 else inner
    return item_base(inner)


def _upright_name(word: str) -> bool:
    """A name set upright: letters, and digits after them (softmax, relu6, log1p)."""
    return bool(word) and word[0].isalpha() and word.isalnum() and word.isascii()


def _whole_item(tree):
    """The item a term consists of, when it is one item (a written-out matrix must be a whole side)."""
    if node_kind(tree) == "product" and len(tree.children) == 1:
        tree = tree.children[0]
    return tree if node_kind(tree) == "item" else None


_DEFAULT_VECTORS = default_notation().vectors


def _even_root(u, degree: int):
    if not u.is_number:
        V.requires(sp.Ge(u, 0, evaluate=False))
    return sp.root(u, degree)


def _log(u):
    if not u.is_number:
        V.requires(sp.Gt(u, 0, evaluate=False))
    return sp.log(u)


def _domain(value: V.Value, expr: sp.Expr, placeholder: dict | None = None) -> tuple:
    """The value's conditions that speak of the side's own names: a condition on a summed entry
    (sqrt x_j under a sum over j) or on a vector's entries that a sum has since used up is left out."""
    free = {s for s in expr.free_symbols if isinstance(s, Idx)}
    kept = []
    for cond in value.domain:
        if not free >= {s for s in cond.free_symbols if isinstance(s, Idx)}:
            continue
        kept.append(cond.xreplace(placeholder) if placeholder else cond)
    return tuple(kept)


_POSITIVE_PART = re.compile(r"(\\right\s*)?([)\]])\s*_\s*(?:\{\s*(?:\\[,;:!]\s*)*\+\s*\}|\+)")


def _positive_parts(text: str) -> str:
    """(x + 1)_+, [z]_+ (the positive part, as hinge losses and ReLUs write it) as \\max\\left(0, ...\\right); the
    text as it is when there is none, or when a bracket before one does not match."""
    out = text
    for _ in range(MAX_POSITIVE_PARTS):
        m = _POSITIVE_PART.search(out)
        if m is None:
            return out
        close = m.start(2)
        opening = {")": "(", "]": "["}[m.group(2)]
        depth, n = 0, close
        while n >= 0:
            ch = out[n]
            if ch == m.group(2):
                depth += 1
            elif ch == opening:
                depth -= 1
                if depth == 0:
                    break
            n -= 1
        if n < 0:
            return text
        start = n - 5 if out[max(0, n - 5):n] == "\\left" else n
        inner = out[n + 1:close - (len(m.group(1)) if m.group(1) else 0)]
        out = out[:start] + "\\max\\left(0, " + inner + "\\right)" + out[m.end():]
    return text


MAX_POSITIVE_PARTS = 8


class _FromZero(FormulaError):
    """A sum from 0 over a vector the document numbers from 0: read again as its term at 0 plus the sum from 1."""

    def __init__(self, index):
        super().__init__(f"the sum over {index} starts at 0")
        self.index = index


MAX_AT_SIZE = 50  # the largest number S_3 of a name defined at each size (S_N = formula) is read at


def _with_domain(value: V.Value) -> V.Value:
    """A name defined by a display, used here: the conditions its formula needs hold here too."""
    for cond in value.domain:
        V.requires(cond)
    return value


def _normal_density(base) -> bool:
    """\\mathcal{N} written as the name of the normal distribution."""
    if node_kind(base) != "accent" or str(base.children[0]) != "\\mathcal" or len(base.children) < 2:
        return False
    inner = base.children[1]
    while isinstance(inner, Tree) and inner.data in ("group", "product", "item") and len(inner.children) == 1:
        inner = inner.children[0]
    return isinstance(inner, Tree) and inner.data == "letter" and str(inner.children[0]) == "N"


def _binds_again(entry, letter: str) -> bool:
    """Whether the entry is a sum or product (\\sum_{k=...}, \\prod_k) over the letter."""
    base = item_base(entry.item)
    if node_kind(base) != "command" or str(base.children[0]) not in ("\\sum", "\\prod"):
        return False
    subs = [sc for sc in item_scripts(entry.item) if sc.data == "sub_script"]
    if len(subs) != 1:
        return False
    arg = subs[0].children[1]
    if not isinstance(arg, Tree):
        return str(arg) == letter
    first = next((t for t in arg.scan_values(lambda v: isinstance(v, Token) and v.type != "_")), None)
    return first is not None and str(first) == letter
