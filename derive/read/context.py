"""The document a formula stands in: names typed from their use, definitions, and the guesses made.

A mixin of the Reader: ``learn`` takes the whole document into account before any formula is read
(which defaults the document really uses, which names are vectors, matrices or functions, which
displays define a name), and ``readings`` says in words what a display's reading relies on.
"""

from __future__ import annotations

import contextlib
import dataclasses
import re
from collections import Counter

import sympy as sp
from lark import Token, Tree
from lark.exceptions import LarkError

from ..errors import FormulaError
from ..model import Reading
from ..notation import scalar, size, unfold, vector
from . import values as V
from .grammar import parser
from .notation_file import Notation, default_notation
from .syntax import accented, family_key, lone_name_key, script_word, BUILTIN_FUNCTIONS, DEFINABLE_WORDS, NUMERIC_WORDS, REDEFINABLE, UNREAD_WORDS, function_label, symbol_name, item_base, item_scripts, node_kind, node_word, GREEK, names_in, names_under, shown_name, written_name
from .types import infer
from ..normal import replace_free
from .products import MatrixTerm

_RECURRENCE_LEFT = re.compile(r"^\s*(\\?[A-Za-z]+)\s*_\s*(?:([a-z])|\{\s*([a-z])\s*\})\s*$")
# T_{n+1}(x), (n + 1) P_{n+1}(x): the left side of a recurrence of functions (a factor before it, in parentheses)
_FAMILY_LEFT = re.compile(r"\s*(?P<pre>(?:\([^()]*\)|\d+)?\s*(?:\\[,;]\s*)?)(?P<name>[A-Za-z])\s*_\s*(?:\{\s*(?P<t>[a-z])\s*"
                          r"(?:\+\s*(?P<s>\d)\s*)?\}|(?P<t1>[a-z]))\s*(?:\\left\s*)?\(\s*(?P<arg>[a-z])\s*(?:\\right\s*)?\)\s*")
# T_n(x), P_{k}(x, y): the left side of a family's definition, by a letter subscript
_UNREAD_FAMILY = re.compile(r"\s*([A-Za-z])\s*_\s*(?:\{\s*[a-z]\s*\}|[a-z])\s*(?:\\left\s*)?\([^()]*\)\s*")
_FAMILY_FACTOR = re.compile(r"(?:\([^()]*\)|\d+)\s*(?:\\[,;]\s*)?")
_LONE_NAME = re.compile(r"\s*(?:\\(?:hat|bar|tilde|widehat|widetilde|overline|mathbf|boldsymbol|bm|vec)\s*(?:\{\s*\\?[A-Za-z]+\s*\}|\\[A-Za-z]+|\s[A-Za-z])"
                        r"|\\?[A-Za-z]+)\s*(?:_\s*(?:\d+|\{\s*\d+\s*\})\s*)?"
                        r"(?:\^\s*(?:\*|\\ast\b|\\star\b|\{\s*(?:\*|\\ast|\\star)\s*\})\s*)?")
# (a lone name, accented or not, numbered or not, marked or not: \hat\beta, p, \sigma, \varepsilon_2, x^*)
# x_{k+1}, x_{n + 1}: the left side of a recurrence written one step ahead
_RECURRENCE_AHEAD = re.compile(r"^\s*(\\?[A-Za-z]+)\s*_\s*\{\s*([a-z])\s*\+\s*1\s*\}()\s*$")
_MAX_UNROLLED = 12  # the furthest step of a recurrence unrolled (v_12)
_GENERAL_STEPS = 9  # a recurrence written at a general step (m_t) is unrolled to m_9: checked at t = 1 .. 8


def _at_step(text: str, t: str, k: int) -> str:
    """The formula of a recurrence at step t = k: subscripts t, t - 1, t + 1 become numbers, t elsewhere k."""
    def subscript(m):
        sign, n = m.group(1), int(m.group(2) or 0)
        value = k - n if sign == "-" else k + n
        return f"_{{{value}}}"
    text = re.sub(r"_\s*\{\s*" + t + r"\s*(?:([+-])\s*(\d+))?\s*\}", subscript, text)
    text = re.sub(r"_\s*" + t + r"(?![A-Za-z])", f"_{{{k}}}", text)
    return re.sub(r"(?<![A-Za-z\\])" + t + r"(?![A-Za-z])", f"{{{k}}}", text)


_NORMAL_DENSITY = re.compile(r"\\mathcal\s*(?:\{\s*N\s*\}|N)\s*(?=\\left\s*\(|\()")  # N(x; mu, s^2), a density
_WRITTEN_ARRAY = re.compile(r"\\begin\s*\{\s*[pbvBV]?matrix\s*\}")
# (1, -1, 2), (1, 2)^T, \begin{pmatrix} 1 \\ 2 \end{pmatrix}: a vector written out, its entries numbers
_WRITTEN_TUPLE = re.compile(r"\s*(?:\\left\s*)?\(\s*-?[\d.]+(?:\s*,\s*-?[\d.]+)+\s*(?:\\right\s*)?\)\s*(?:\^\s*\{?\s*(?:T|\\top)\s*\}?)?\s*"
                            r"|\s*\\begin\s*\{\s*[pb]matrix\s*\}[-\d.\s\\&]*\\end\s*\{\s*[pb]matrix\s*\}\s*")
# S_{xx}, \eta_{\max}, w_{\text{L2}}: a letter with a subscript in braces or a word command (read to find the label)
_LETTER_LABELLED_LEFT = re.compile(r"\s*(\\?[A-Za-z]+)\s*_\s*([A-Za-z])\s*")
_LABELLED_LEFT = re.compile(r"\s*(\\?[A-Za-z]+)\s*_\s*(?:\{[^{}]*(?:\{[^{}]*\}[^{}]*)?\}|\\(?:max|min))\s*")
# s_0, s_{0}, \mathbf{k}_0: entry 0 of a name (the name itself, or the letter in the bold font)
_ZERO_ENTRY = re.compile(r"(?:\\(?:mathbf|boldsymbol|bm)\s*\{\s*(\\?[A-Za-z]+)\s*\}|(?<![A-Za-z\\])(\\?[A-Za-z]+))\s*_\s*"
                         r"(?:0|\{\s*0\s*\})(?![0-9])")
_SUM_FROM_ZERO = re.compile(r"\\sum\s*_\s*\{\s*([a-z])\s*=\s*0\s*\}")
# \lambda_\pm, x_{\pm}: a name for both signs; \pm and \mp in its formula
_BOTH_SIGNS_LEFT = re.compile(r"\s*(\\?[A-Za-z]+)\s*_\s*(?:\\pm(?![A-Za-z])|\{\s*\\pm\s*\})\s*")
_BOTH_SIGNS = re.compile(r"\\(pm|mp)(?![A-Za-z])")
_SIGN_LABEL = re.compile(r"_\s*\{\s*[+-]\s*\}\s*$")  # H_{+}: the name after an update, as H^+ is
_SIZED_LEFT = re.compile(r"\s*(\\?[A-Za-z]+)\s*_\s*(?:([A-Za-z])|\{\s*([A-Za-z])\s*\})\s*")
_LABELLED_ANY = re.compile(r"(\\?[A-Za-z]+)\s*_\s*(\{[^{}]*(?:\{[^{}]*\}[^{}]*)?\}|\\(?:max|min)(?![A-Za-z]))")


def _label_key(text: str) -> str:
    """S_{xx} as written, spaces dropped, marked apart from the plain names a set of names seen holds."""
    return "labelled " + re.sub(r"\s+", "", text)


def _without_labelled(name: str, text: str) -> str:
    """The text without the name's labelled forms (\\eta_{\\min}, T_{cur}, x_{\\text{new}}): names of their own, which
    a formula for the name may hold (\\eta = \\eta_{\\min} + ...) without defining it by itself."""
    return re.sub(re.escape(name) + r"(?![A-Za-z])\s*_\s*\{\s*(?:\\(?:text|mathrm|operatorname)\s*\{\s*)?\\?[A-Za-z]{2,}\s*\}?\s*\}",
                  " ", text)


def _seen_names(text: str) -> set[str]:
    """The names a formula uses (names_in), and its labelled names (S_{xx}, eta_{\\max}) as _label_key gives them."""
    return set(names_in(text)) | {_label_key(m.group(0)) for m in _LABELLED_ANY.finditer(text)}


_NUMBERED = re.compile(r"^\s*(\\?[A-Za-z]+)\s*_\s*(?:(\d)|\{\s*(\d+)\s*\})\s*$")
# \mathbf{d}_1: a numbered name in bold (a point, a direction), the groups as _NUMBERED's
_BOLD_NUMBERED = re.compile(r"^\s*\\(?:mathbf|boldsymbol|bm)\s*\{\s*(\\?[A-Za-z]+)\s*\}\s*_\s*(?:(\d)|\{\s*(\d+)\s*\})\s*$")
_SQUARE_NAME = re.compile(r"^\s*((?:\\(?:hat|bar|tilde|check)\s*(?:\{\s*(?:\\[A-Za-z]+|[A-Za-z])\s*\}|\\[A-Za-z]+|\s[A-Za-z])"
                          r"|\\[A-Za-z]+|[A-Za-z]))\s*\^\s*(?:2|\{\s*2\s*\})\s*$")
_UPRIGHT_ENTRY = re.compile(r"^\s*\\(?:text|operatorname|mathrm)\s*\{\s*([A-Za-z]{2,})\s*\}\s*_\s*\{?\s*([a-z])\s*\}?\s*$")
from .usage import scan

_ENTRY_AT = re.compile(r"\s*\\?[A-Za-z]+\s*_\s*\{?\s*[a-z]\s*\}?\s*")  # x_k, \theta_{t}: a term at an index letter


_BOLD_ACCENTED = re.compile(r"\\(hat|bar|tilde)\s*\{\s*\\(?:mathbf|boldsymbol|bm)\s*\{?\s*(\\?[A-Za-z]+)")



class DocumentContext:
    """The Reader's knowledge of the whole document (a mixin: it uses the Reader's reading methods)."""

    def learn(self, chains: list[tuple[list[tuple[str, int]], list[str]]], section=None) -> None:
        """Take the document's uses of its names into account before reading any formula of it.

        ``chains`` are the document's displays as ((term text, line), ...) and their relations. A
        default vector (x, y) the document never uses as a vector becomes an undeclared name; a
        letter the document applies to arguments, f(x), becomes a function, and f(x) = ... opening a
        display defines it.
        """
        from .reader import divergence_bars

        # (D(p \\| q): the arguments of a divergence, D(p, q), in the definitions too)
        chains = [([(divergence_bars(t), line) for t, line in terms], *rest) for terms, *rest in chains]
        if section is not None:
            section = [([(divergence_bars(t), line) for t, line in terms], *rest) for terms, *rest in section]
        is_size = lambda letter: self.notation.size_name(letter) is not None  # noqa: E731
        usage = scan([t for terms, *_ in chains for t in terms], self.prime_transpose, is_size)
        self.usage = usage
        if self.prime_transpose:
            # x'(A + A')x where a prime is the transpose: x is a vector transposed, not a function
            for name in [n for n in usage.primed if n in usage.transposed or n in usage.entries
                         or self.notation.kind_of(n) in ("vector", "matrix")]:
                usage.transposed.setdefault(name, usage.primed.pop(name))
        defaults = default_notation()
        in_definitions = scan([(formula, 0) for formula in self.notation.definitions.values()])
        referenced = {n for table in vars(in_definitions).values() for n in table}
        # A default vector is typed by its use in the part of the document being read (``section``:
        # the chains under one heading): a homework may write x_i in one question and a scalar x in the next.
        here = usage if section is None else scan([t for terms, *_ in section for t in terms], self.prime_transpose,
                                                  is_size)
        demote = {name for name in ("x", "y")
                  if name in self.notation.vectors and defaults.vectors.get(name) == self.notation.vectors[name]
                  and not here.as_vector(name) and name not in referenced and name not in self.stated}
        # The default prediction y-hat = softmax(theta) only where the document uses y-hat as a vector.
        texts_all = " ".join(text for terms, *_ in chains for text, _ in terms)
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
        texts = " ".join(text for terms, *_ in chains for text, _ in terms)
        # (a fitted value y-hat alone, as in a regression, keeps no one-hot label: the log of a prediction does)
        if not re.search(r"\\log\s*(?:\\left\s*)?\(?\s*\\(?:hat|widehat)\s*\{?\s*y|CE|softmax|entropy", texts):
            # (never a label the prose says is one-hot: that is the document's, not a guess)
            demote_hot = {name for name, c in self.notation.onehot.items()
                          if defaults.onehot.get(name) == c and name not in demote and name not in self.said_onehot}
        else:
            demote_hot = set()
        hot = {c for name, c in self.notation.onehot.items() if name not in demote and name not in demote_hot}
        demote |= {letter for size, letters in self.notation.sizes.items() for letter in letters
                   if letters == defaults.sizes.get(size) and letter not in usage.indices
                   and letter not in referenced and letter not in hot}
        # a default name (the weight matrix W) the document writes as a sum's limit (\sum_{t=1}^{W}): a count
        demote |= {name for name in usage.limits if self.notation.kind_of(name) in ("vector", "matrix", "scalar")
                   and self.notation.kind_of(name) == defaults.kind_of(name) and name not in self.stated
                   and name not in referenced and not usage.as_vector(name)}
        # sigma_i, \boldsymbol{\sigma} of a document that never applies sigma: a vector (standard deviations), not
        # the default logistic function
        # (and sigma^2, J(\mu, \sigma) of a document that never applies it: a number)
        demote |= {name for name in self.notation.functions if defaults.functions.get(name) == self.notation.functions[name]
                   and name not in usage.applied and name not in usage.primed and name not in usage.whole
                   and name not in referenced
                   and (name in usage.entries and usage.subscripts.get(name)
                        and all(self.notation.size_of_index(letter) or self.notation.size_name(letter)
                                for letter in usage.subscripts[name])
                        or name in usage.factors and name not in usage.entries and name not in usage.numbered)}
        labels = _label_vectors(usage, self.notation)
        families = {} if section is not None else _index_families(usage, self.notation, defaults, self.stated,
                                                                  self.row_families, self.sequence_names)
        # (x_j^T beside a bare x^T: the family beside the vector x, which keeps its default meaning)
        demote |= {name for name in families if self.notation.kind_of(name) is not None
                   and name not in usage.transposed and name not in usage.whole}
        c_entries = "c" in usage.entries and "c" not in usage.factors and bool(usage.subscripts.get("c")) \
            and all(self.notation.size_of_index(letter) for letter in usage.subscripts["c"])
        if "c" in self.notation.scalars and "c" in defaults.scalars and (
                any(n.endswith("_c") for n in labels) or ("c" in usage.indices and "c" not in usage.factors)
                or c_entries):
            # the default scalar c, only ever a subscript (v_c, p_c): a label of the document's; or only ever with
            # an index letter under it (weights c_i): the document's vector
            demote.add("c")
        if "c" in self.notation.scalars and "c" in defaults.scalars and "c" not in self.stated and usage.subscripts.get("c"):
            # c_1, c_k, c_y (prototypes, constants of integration): the document's names, never the default constant
            # c with a subscript on it
            demote.add("c")
        if "c" in self.notation.scalars and "c" in defaults.scalars and "c" not in self.stated \
                and re.search(r"(?<![A-Za-z\\])c\s*(?:\\left\s*)?\(\s*(?:\d+|[A-Za-z]|\\[A-Za-z]+|\|[^|]*\|)\s*(?:\\right\s*)?\)",
                              texts_all):
            # c(n), c(8), c(|T|): the document's function c (defined, or not), never the default constant times 8
            demote.add("c")
        # K(t) = log M(t), K'(0): a default name of the size (K, n) that the document defines as a function or writes
        # with a prime is that function, never the size
        aliases = {a for a, size in self.notation.aliases.items() if defaults.aliases.get(a) == size
                   and a not in self.stated and a not in usage.limits}
        if aliases:
            heads, alone = set(), set()
            for terms, relations, *_ in chains:
                if len(terms) > 1 and relations and relations[0] in ("=", ":=") and terms[0][0].strip()[:1] in aliases:
                    if terms[0][0].strip() in aliases:
                        alone.add(terms[0][0].strip())  # (K = log M: a formula for K not read, which K(t) is no longer)
                        continue
                    head = self._definition_head(terms[0][0])
                    if head is not None and head[0] in aliases and head[0] not in alone \
                            and self._plain_arguments(head[1]):
                        heads.add(head[0])
            demote |= {a for a in aliases if (a in usage.primed or a in heads) and a not in alone}
            # n(1) = 1, q_{n(i)}: a default name of the size before parentheses around one number or letter is
            # the document's function (n(i), the index of a nearest point), never the size times 1
            demote |= {a for a in aliases if a not in alone and re.search(
                r"(?<![A-Za-z\\_^{])" + re.escape(a) + r"\s*(?:\\left\s*)?\(\s*(?:\d+|[A-Za-z])\s*(?:\\right\s*)?\)", texts_all)}
            # K = P^- / (P^- + r), a Kalman gain: a default name of the size given a formula, never applied, primed
            # nor written as a limit or a length, is the document's name, no longer the size
            valued = {terms[0][0].strip() for terms, relations, *_ in chains
                      if len(terms) > 1 and relations and relations[0] in ("=", ":=") and terms[0][0].strip() in alone
                      and (names_in(terms[1][0]) - NUMERIC_WORDS and not re.fullmatch(r"\s*[\d.]+\s*", terms[1][0])
                           # (K = \begin{pmatrix} 1 & 1/2 \\ ... \end{pmatrix}, a kernel matrix: never a size)
                           or re.search(r"\\begin\s*\{[pbBvV]?matrix\}", terms[1][0]))}
            demote |= {a for a in valued if a not in usage.primed
                       and not re.search(r"(?<![A-Za-z\\])" + a + r"\s*(?:\\left\s*)?\(\s*\\?[A-Za-z0-9]+\s*(?:\\right\s*)?\)",
                                         texts_all)  # (K(t): a function, see above)
                       and not re.search(r"\\mathbb\s*\{?\s*R\s*\}?\s*\^\s*\{[^{}]*(?<![A-Za-z\\])" + a
                                         + r"(?![A-Za-z])|\\mathbb\s*\{?\s*R\s*\}?\s*\^\s*" + a + r"(?![A-Za-z])", texts_all)}
        # \sigma_n beside \sigma_f (a noise and a signal scale): a default name of the size (n, K) written only as a
        # subscript, never a limit, a length, a factor or bound by a sum, is a label there, never the size
        for a in [a for a, size in self.notation.aliases.items() if defaults.aliases.get(a) == size]:
            if a in self.stated or a in usage.limits or a in usage.summed:
                continue
            rest = re.sub(r"_\s*\{?\s*" + re.escape(a) + r"\s*\}?(?![A-Za-z])", " ", texts_all)
            # (under Greek letters alone, \sigma_n: never a family of vectors, \mathbf{x}_n)
            bases = re.findall(r"(\\?[A-Za-z]+)\s*\}?\s*_\s*\{?\s*" + re.escape(a) + r"\s*\}?(?![A-Za-z])", texts_all)
            if a in usage.indices and bases and all(b.startswith("\\") and b[1:] in GREEK for b in bases) \
                    and not re.search(r"(?<![A-Za-z\\])" + re.escape(a) + r"(?![A-Za-z])", rest):
                demote.add(a)
        notation = self.notation.without(demote) if demote else self.notation
        # n (K), by default another name of the size N, that the document binds in a sum (\sum_{n=1}^{N} x_n) and
        # never writes as a limit or declares: an index over N, as the sum says
        for letter in [a for a, size in notation.aliases.items() if defaults.aliases.get(a) == size
                       and a in usage.summed and a not in usage.limits and a not in self.stated]:
            size = notation.aliases[letter]
            notation = dataclasses.replace(notation, aliases={k: v for k, v in notation.aliases.items() if k != letter},
                                           sizes={**notation.sizes, size: notation.sizes.get(size, ()) + (letter,)})
        if "c" in demote and self.notation.size_of_index("c"):
            # (the correct class c, an index the prose declares: no longer the default constant, still an index)
            size = self.notation.size_of_index("c")
            notation = dataclasses.replace(notation, sizes={**notation.sizes, size: notation.sizes.get(size, ()) + ("c",)}
                                           if "c" not in notation.sizes.get(size, ()) else notation.sizes)
        if self.notation == defaults and not usage.indices and not any(
                n in table for n in ("\\sum", "\\prod") for table in vars(usage).values()) \
                and not any(usage.as_vector(v) for v in notation.vectors) \
                and not any(notation.kind_of(n) in ("vector", "matrix") or notation.size_name(n) for n in self.stated):
            # No sum, no index, no vector: the default size N (and n, K) would only make a number an integer.
            # (a vector the prose declares, x in R^n, stays one, though n is a default's other name)
            notation = Notation(scalars=notation.scalars, functions=notation.functions)
            demote_hot = set()
        if demote_hot:
            notation = dataclasses.replace(notation, onehot={k: v for k, v in notation.onehot.items()
                                                             if k not in demote_hot})
        vectors, matrices = dict(notation.vectors), dict(notation.matrices)
        # \hat{\boldsymbol\beta} of a vector beta the document declares, never declared itself: an estimate of
        # beta, a vector of its length (in bold, as beta is)
        for terms, *_ in chains:
            for text, line in terms:
                for m in _BOLD_ACCENTED.finditer(text):
                    key, base = accented(f"\\{m.group(1)}", m.group(2)), m.group(2)
                    if base in vectors and notation.kind_of(key) is None and key not in self.stated \
                            and key not in vectors and symbol_name(key) not in self.inferred:
                        vectors[key] = vectors[base]
                        self.inferred[key] = (f"${key}$ is read as a vector of length ${vectors[base]}$, as ${base}$ "
                                              "is", line)
        # (\ell(w) = ... of a display, then "the i-th term $\ell_i$": a function, whose terms are named of their own;
        # never where the entries are given a formula too, \eta_t = ... beside \eta(\tau) = ...: used two ways)
        entry_lefts = {m.group(1) for terms, relations, *_ in chains if len(terms) > 1
                       for m in [re.fullmatch(r"\s*(\\?[A-Za-z]+)\s*_\s*(?:\{[^{}]*\}|\w)\s*", terms[0][0])] if m}
        function_heads = self._function_heads(chains) - entry_lefts
        for name, letters in usage.subscripts.items():
            sizes = [notation.size_of_index(letter) for letter in letters]
            if notation.kind_of(name) is not None or name in ("e", "d", "\\delta", "\\sum", "\\prod") \
                    or not letters or None in sizes or name in usage.primed or name in function_heads \
                    or (section is not None and name in demote and not (name == "c" and c_entries)) \
                    or name in self.row_families or name in families:
                continue
            if not (len(name) == 1 or name.lstrip("\\") in GREEK):
                continue
            if len(sizes) == 1:
                # (w_j only inside \sum_{j=1}^{n}, n a size of its own: a vector of length n, not the index's default)
                upper = usage.summed_to.get(name)
                if upper is not None and notation.size_name(upper) and notation.size_name(upper) != sizes[0]:
                    sizes = [notation.size_name(upper)]
                vectors[name] = sizes[0]
                self.inferred[name] = (f"${name}$ is read as a vector of length ${sizes[0]}$", usage.entries[name])
            elif len(sizes) == 2:
                matrices[name] = (sizes[0], sizes[1])
                self.inferred[name] = (f"${name}$ is read as a ${sizes[0]} \\times {sizes[1]}$ matrix", usage.entries[name])
        typed = self._types_from_use(chains, notation, usage, vectors, matrices,
                                     {name: notation.size_of_index(letter) for name, (letter, _) in families.items()})
        sizes = dict(notation.sizes)
        for name in typed.sizes:
            sizes[name] = ()
        for name, length in typed.families.items():
            if name not in typed.conflicts:
                matrices[family_key(name)] = (notation.size_of_index(families[name][0]), length)
        for name, line in sorted(self._limit_sizes(chains, notation, usage).items()):
            sizes[name] = ()
            self.inferred[name] = (f"${name}$ is read as a whole number $\\ge 1$ (a limit of the sum or product on "
                                   f"line {line})", line)
        moved = sizes != notation.sizes
        if demote or moved or vectors != notation.vectors or matrices != notation.matrices:
            kept = (self.inferred, self.stated, self.heading_lines, self.heading_levels, self.declared_lines, self.typed_from_use,
                    self.defining_lines, self.prime_transpose, self.part_start, self.part_end, self.row_families, self.said_names,
                    self.sequence_names, self.part_lines, self.topic_lines, self.described_functions,
                    self.conditional_definitions, self.said_onehot, self.correcting_lines, self.doubted_lines, self.pi_constant,
                    self.pi_named, self.bars_length, self.log_base, self.default_norm, self.step_data, self.subscript_letters, self.used_families,
                    self.ones_length, self.iterate_names)
            self.__init__(dataclasses.replace(notation, vectors=vectors, matrices=matrices, sizes=sizes))
            # (conflicts are found after this, on the final notation)
            (self.inferred, self.stated, self.heading_lines, self.heading_levels, self.declared_lines, self.typed_from_use,
             self.defining_lines, self.prime_transpose, self.part_start, self.part_end, self.row_families, self.said_names,
             self.sequence_names, self.part_lines, self.topic_lines, self.described_functions,
             self.conditional_definitions, self.said_onehot, self.correcting_lines, self.doubted_lines, self.pi_constant,
             self.pi_named, self.bars_length, self.log_base, self.default_norm, self.step_data, self.subscript_letters, self.used_families,
             self.ones_length, self.iterate_names) = kept
            self.usage = usage
        for name, (_, line) in families.items():
            if family_key(name) in matrices:
                self.row_families[name] = family_key(name)
                self.used_families[name] = line
        self.conflicts.update({n: why for n, why in typed.conflicts.items() if n not in self.conflicts})
        # w_{ij} beside a declared matrix W, w written nowhere else: the entries of W, as A = (a_{ij}) writes them
        self.entry_aliases = {}
        lefts = [terms[0][0] for terms, relations, *_ in chains if len(terms) > 1 and relations]
        for upper, declared in self.stated.items():
            lower = upper.lower()
            if len(upper) != 1 or not upper.isupper() or self.notation.kind_of(upper) != "matrix" \
                    or self.notation.kind_of(lower) not in (None, "matrix") or lower in self.stated \
                    or lower in ("e", "d", "i", "j", "k", "l", "m", "n", "t", "x", "y"):
                continue
            written = re.findall(r"(?<![A-Za-z\\])" + lower + r"(?![A-Za-z])", texts_all)
            entries = re.findall(r"(?<![A-Za-z\\])" + lower + r"\s*_\s*\{\s*(?:[a-z]\s*,?\s*[a-z]|[1-9]\s*,?\s*[1-9])\s*\}", texts_all)
            if any(re.fullmatch(r"\s*" + lower + r"\s*_\s*(?:\{[^{}]*\}|\w)\s*", left) for left in lefts):
                continue  # (r_{11} = \|a_1\| given a formula: a name of its own, never R's entry)
            if written and len(written) == len(entries) \
                    and (lower not in self.typed_from_use or self.typed_from_use[lower][1] == "matrix"):
                self.entry_aliases[lower] = (upper, declared)
        # s_0 beside s_j of a vector s the prose does not declare, which a sum from 0 runs over (\sum_{j=0}^{N} e^{s_j}):
        # numbered from 0 (see Reader.zero_based)
        from_zero = set()
        for terms, *_ in chains:
            for text, _ in terms:
                for m in _SUM_FROM_ZERO.finditer(text):
                    from_zero |= {n.group(1) or n.group(2) for n in re.finditer(
                        r"(?:\\(?:mathbf|boldsymbol|bm)\s*\{\s*(\\?[A-Za-z]+)\s*\}|(?<![A-Za-z\\])(\\?[A-Za-z]+))\s*_\s*\{?\s*"
                        + m.group(1) + r"(?![A-Za-z])", text[m.end():])}
        for terms, *_ in chains:
            for text, line in terms:
                for m in _ZERO_ENTRY.finditer(text):
                    name = m.group(1) or m.group(2)
                    if (self.notation.kind_of(name) == "vector" or self.notation.kind_of(name) is None
                            and name in usage.entries) and name not in self.stated and name in from_zero \
                            and symbol_name(name) not in self.zero_based:
                        self.zero_based[symbol_name(name)] = line
        # a bold e written alone (an error vector e): its e_i are its entries, never basis vectors
        self.bold_e_alone = re.search(r"\\(?:mathbf|boldsymbol|bm)\s*\{\s*e\s*\}(?!\s*_)", texts_all) is not None
        # a common difference \delta (a + k \delta, n a + \frac{n(n-1)}{2} \delta) of a document that never writes
        # \delta before a name (\delta x, an increment) nor with a subscript (\delta_{ij}): a number
        self.delta_numbers = {w for w in ("\\delta", "\\Delta")
                              if re.search(re.escape(w) + r"(?![A-Za-z])", texts_all)
                              and not re.search(re.escape(w) + r"\s*(?:[_^{]|[A-Za-z(]|\\(?:" + "|".join(GREEK)
                                                + r")(?![A-Za-z])|\\(?:mathbf|boldsymbol|bm|vec|hat)\b)", texts_all)}
        # \delta = ..., \delta_2 = \nabla_{\hat y} L, \boldsymbol{\delta}_k = ...: a name the document defines (a
        # backpropagated error), never an increment nor Kronecker's delta
        self.delta_defined = {w for terms, relations, *_ in chains for w in ("\\delta", "\\Delta")
                              if len(terms) > 1 and relations and relations[0] in ("=", ":=")
                              and re.fullmatch(r"\s*(?:\\(?:mathbf|boldsymbol|bm)\s*\{\s*)?" + re.escape(w)
                                               + r"\s*\}?\s*(?:_\s*(?:\{\s*(?:\w|\d+)\s*\}|\w))?\s*", terms[0][0])}
        # (never \delta_{ij} = 0: Kronecker's delta, two indices, in a claim)
        # N = \begin{pmatrix} ... \end{pmatrix} of an N that is a size here (A in R^{n x n}, n another name of N): a
        # matrix and a size under one letter; every formula writing it is refused, never N^2 read at a size
        for terms, relations, *_ in chains:
            left = terms[0][0].strip() if terms else ""
            if len(terms) > 1 and relations and relations[0] == "=" and re.fullmatch(r"[A-Za-z]", left) \
                    and self.notation.size_name(left) is not None and left not in self.conflicts \
                    and re.match(r"\s*\\begin\s*\{\s*[pbvBV]?matrix\s*\}", terms[1][0]):
                self.conflicts[left] = (f"{left} is a size here, and line {terms[0][1]} sets it to a matrix: a size and "
                                        f"a matrix under one letter are not read (name the matrix otherwise)")
        # e^{-2 \pi i k n / N}, e^{i\theta}, i^2 = -1: i is the imaginary unit, and complex numbers are not read
        if "i" not in self.conflicts and re.search(r"e\s*\^\s*\{[^{}]*(?<![A-Za-z\\_{])i(?![A-Za-z])[^{}]*\}"
                                                   r"|(?<![A-Za-z\\_])i\s*\^\s*\{?\s*2\s*\}?\s*=\s*-\s*1", texts_all):
            self.conflicts["i"] = ("i is the imaginary unit here (as in e^{i\\theta}): complex numbers are not read, nor is "
                                   "any formula writing i")
        # "a symbol satisfying $\varepsilon^2 = 0$": a nilpotent unit (dual numbers), never a real number (whose square
        # is 0 only at 0: read so, every formula in it would be proved)
        for terms, relations, *_ in chains:
            power = _SQUARE_NAME.match(terms[0][0]) if len(terms) == 2 and relations and relations[0] == "=" else None
            nilpotent = re.fullmatch(r"\s*(\\?[A-Za-z]+)\s*\^\s*\{?\s*([2-9])\s*\}?\s*", terms[0][0]) \
                if len(terms) == 2 and relations and relations[0] == "=" else None
            if (power or nilpotent) and re.fullmatch(r"\s*0\s*[.,;]?\s*", terms[1][0]):
                name = (nilpotent or power).group(1).strip()
                self.conflicts.setdefault(name, (
                    f"${' '.join(terms[0][0].split())} = 0$ (line {terms[0][1]}): ${name}$ is a symbol whose power is 0 "
                    "without being 0 (a dual number's unit), not a real number: formulas in it are not read"))
        self.either = {n: typed.matrices[n] for n in typed.ambiguous if n in typed.matrices}
        self._learn_label_vectors(usage, labels)
        self._described_functions()
        self.function_letters = set(usage.primed) | {n for n in usage.applied
                                                     if n not in usage.factors and not usage.as_vector(n)} \
            | {n for n in self._function_heads(chains) if not usage.as_vector(n)}
        # (x(t) = ... written, read or not, of a letter that is a default vector or matrix or no name at all)
        self.defined_heads = {head[0] for terms, relations, *_ in chains
                              if len(terms) > 1 and relations and relations[0] in ("=", ":=")
                              for head in [self._definition_head(terms[0][0])]
                              if head is not None and self._plain_arguments(head[1])}
        for name in sorted(usage.primed):
            # (M_X(t), M_{X+Y}(t) beside M'(t): a family of functions by their labels, no entries of a vector M)
            family = name in usage.family_applied and not usage.subscripts.get(name)
            vector_line = (None if family else usage.entries.get(name)) or usage.transposed.get(name)
            if vector_line is not None and self.notation.kind_of(name) in (None, "vector"):
                self.conflicts[name] = (f"{name} is used as a function ({name}' on line {usage.primed[name]}) and as "
                                        f"a vector (line {vector_line}); use two names")
        # (r = \sigma(...) defines r as a value: r(1 - r) is then a product, never r applied to 1 - r)
        valued = {terms[0][0].strip() for terms, relations, *_ in chains
                  if len(terms) > 1 and relations and relations[0] == "=" and re.fullmatch(r"\s*\\?[A-Za-z]+\s*", terms[0][0])}
        for name in sorted(set(self.inferred) & set(usage.applied) - valued):
            if name not in self.conflicts and name in usage.entries and name in self.notation.vectors:
                # f_j and f(x): f(x_i) would be read as the vector f times x_i
                self.conflicts[name] = (f"{name} is used as a function ({name}(...) on line {usage.applied[name]}) and "
                                        f"as a vector ({name}_... on line {usage.entries[name]}): {name}(x_i) may be {name} "
                                        f"at the i-th example or entry i of {name}(x); use two names ({name}_i for the entry), "
                                        f"or write {name} \\cdot (...) for a product")
        self.scalar_letters = set(usage.factors) - set(usage.primed)
        # E_{x \sim p}[...] beside p(x): p is a law, and p(x) its density at x, never p times x
        drawn_from = {m.group(1) for m in re.finditer(r"\\sim\s*(\\?[A-Za-z]+)(?![A-Za-z_({])", texts_all)}
        # V(D) = E[log D(x)] + ..., G(f) = f(-1) + f(1): a name used alone only as the argument of another function,
        # and applied elsewhere, is a function (V, G of functions), never a number times (x)
        for name in sorted(set(usage.applied) & set(usage.factors) - drawn_from - set(self.notation.functions)):
            pattern = re.escape(name) + r"(?![A-Za-z])"
            alone = [m for m in re.finditer(r"(?<![A-Za-z\\])" + pattern, texts_all)
                     if not re.match(r"\s*(?:\\left\s*)?\(|\s*'|\s*\^\s*(?:\{\s*)?(?:\\ast|\*|\\star)", texts_all[m.end():])]
            if alone and all(re.search(r"\\?[A-Za-z]+\s*\(\s*$", texts_all[:m.start()])
                             and re.match(r"\s*\)", texts_all[m.end():]) for m in alone):
                drawn_from.add(name)
        for name in sorted(drawn_from & set(usage.applied) - set(self.notation.functions)):
            if self.notation.kind_of(name) in (None, "scalar") and name not in self.stated:
                self.scalar_letters.discard(name)
                self.function_letters.add(name)
        # the bare names some display has alone on its left (L = ...): never read as given only by a gradient
        self.alone_on_left = {str(scalar(symbol_name(t))) for terms, *_ in chains if terms
                              for t in [terms[0][0].strip()] if re.fullmatch(r"\\?[A-Za-z]+", t)}
        # (how many chains give each left side, as written, a value: \omega_r = ... once is a definition, v_w = 1/n
        # beside v_w = 1/m and v_w = 2/(n + m) is a value the words weigh)
        self.left_counts = Counter(" ".join(terms[0][0].split()) for terms, relations, *_ in chains
                                   if len(terms) > 1 and relations and relations[0] in ("=", ":=", "said"))
        seen: set[str] = set()
        # Definitions whose formula uses a name the next displays define ("where: y_i = f(theta_i; Theta),
        # Theta = [...]"): read again once a later display has defined a name.
        pending: list[tuple] = []
        part = None
        for chain in chains:
            terms, relations = chain[0], chain[1]
            key = chain[2] if len(chain) > 2 else terms[0][1] if terms else None
            here = sum(1 for h in self.heading_lines if terms and terms[0][1] is not None and h <= terms[0][1])
            if here != part:
                # a name used under an earlier heading (d/da tanh a) may be defined under this one (a = tanh(Wb))
                part, seen = here, set()
            if len(terms) > 1 and relations and relations[0] == "case":
                head = self._definition_head(terms[0][0])
                if head is not None:
                    # clip_c(g) = g if ..., another formula otherwise: no later display is its definition
                    self.case_defined.add(head[0])
            if len(terms) > 1 and relations and relations[0] in ("=", ":="):
                self.line = terms[0][1]
                if self._past_the_part(terms[0][0], terms[1][0]):
                    continue
                waiting = len(pending)
                said = self.conditional_definitions.get(self.line)
                base = symbol_name(said[0]) if said is not None else ""
                if said is not None and _ENTRY_AT.fullmatch(terms[0][0]) and base not in self.values \
                        and base not in self.recurrences:  # (a start value g_0 gives g_t no formula)
                    # x_k = 2k "for k <= 3": x elsewhere is not known, and x is never read as any vector
                    name_of, letter, condition = said
                    self.conflicts.setdefault(name_of, f"{name_of}_{letter} is given on line {self.line} only where "
                                                       f"${condition}$, a condition that is not read: {name_of} "
                                                       "elsewhere is not known")
                    continue
                if self._result_again(terms, key):
                    continue
                if self._a_result(key, terms[0][0]) or self._define_both_signs(terms[0][0], terms[1][0], seen):
                    continue
                if key in getattr(self, "drawn_numbers", ()) and self._drawn_from_a_formula(terms[0][0]):
                    continue
                if key in getattr(self, "derived_values", ()) and self._value_worked_out(terms[0][0], terms[1][0]):
                    continue
                if key in getattr(self, "claimed_first", ()):
                    continue  # (a formula the words report, "that means $S(v) = ...$", which a later chain gives anew)
                corrected = self._corrected(terms[0][0], terms[1][0], relations)
                if corrected is not None:
                    if corrected:
                        self.definitions_by_line[key] = corrected
                    continue
                described = self._definition_head(terms[0][0]) if "(" in terms[0][0] else None
                if described is not None and described[0] in self.described_functions \
                        and described[0] in self.lambdas and self._plain_arguments(described[1]):
                    # "$\Phi$ is the standard normal CDF ... $\Phi(x) = \frac{1}{2}(1 + \operatorname{erf}(x /
                    # \sqrt{2}))$": a formula for the function the words name, a claim checked against it
                    continue
                try:
                    where = len(chain) > 3 and chain[3]  # one of the definitions after "where"
                    dropped = self._forget_earlier_part(terms[0][0], terms[1][0], " ".join(t for t, _ in terms[2:]))
                    if not dropped and key in getattr(self, "fresh_definitions", ()) \
                            and self._end_for_a_new_example(terms[0][0], terms[1][0]):
                        continue
                    name = self._define_family(terms[0][0], terms[1][0], chains) \
                        or self._define_start_values(terms, relations) \
                        or self._define_recurrence(terms[0][0], terms[1][0], chains) \
                        or self._define(terms[0][0], terms[1][0]) \
                        or self._define_example(terms[0][0], terms[1][0]) \
                        or self._define_name(terms[0][0], terms[1][0], seen, pending if where else None)
                    if not name and not dropped:
                        name = self._define_past_unread(terms, relations)
                    unread = self._new_formula_unread(terms, dropped) if dropped and not name else None
                    if unread is not None:
                        # D(x, y) = g_xx g_yy - g_xy^2 under a later part, of a D an earlier part defined: D's new
                        # formula, which is not read; never the earlier D from here on
                        head, why = unread
                        self.conflicts[head] = (f"{head} is given a new formula on line {self.line}, which is not read "
                                                f"({why})")
                    elif dropped and not name:
                        self._restore(dropped)
                        if key in getattr(self, "fresh_definitions", ()):
                            # (not read as a definition of a later part either: the new example's value ends the one
                            # restored, never checked against it)
                            self._end_for_a_new_example(terms[0][0], terms[1][0])
                    elif dropped:
                        self._start_changed(dropped)
                except (RecursionError, FormulaError):
                    name = None  # read (and refused) as any other display (f(U, V) of matrices U, V: not a definition)
                if not name:
                    self._index_defined(terms[0][0], terms[1][0])
                    family = _UNREAD_FAMILY.fullmatch(terms[0][0])
                    if family and family.group(1) not in ("e", "d"):
                        # T_n(x) = \sum_k f^{(k)}(a) (x - a)^k / k!, not read: T_2(x) = ... later is the family at
                        # n = 2, a claim about it, never a function of its own
                        self.unread_families.setdefault(family.group(1), self.line)
                    bold = re.match(r"\s*\\(?:mathbf|boldsymbol|bm)\s*\{\s*(\\?[A-Za-z]+)\s*\}\s*(?:\\left\s*)?\(", terms[0][0])
                    if bold and bold.group(1) not in self.applied_conflicts and bold.group(1) not in self.vector_functions:
                        # \mathbf{u}(\mathbf{g}) = <not read>: elsewhere u(...) would be read as the vector u times
                        # (...); u alone (u_i, u^T v) is still read
                        self.applied_conflicts[bold.group(1)] = (
                            f"line {self.line} defines {bold.group(1)} as a function by a formula that is not read: "
                            f"{bold.group(1)}(...) is {bold.group(1)} at a point, not a product")
                    numbered = _NUMBERED.match(terms[0][0])
                    label = f"{symbol_name(numbered.group(1))}_{numbered.group(2) or numbered.group(3)}" \
                        if numbered else None
                    if label is not None and label not in self.values and label not in self.matrix_values \
                            and label not in self.label_conflicts \
                            and self.notation.kind_of(numbered.group(1)) in (None, "scalar"):
                        # h_1 = a formula derive does not read: h_1 is never read as any number after it
                        self.label_conflicts[label] = (f"{label} is defined on line {self.line} by a formula that is "
                                                       "not read")
                if name:
                    self.definitions_by_line[key] = name
                    if len(terms) == 2 and not names_in(terms[1][0]) - NUMERIC_WORDS:
                        self.numeric_definitions.add(name)  # (s = 2^{-280/481}: a number as written)
                    self._learn_forms(name, terms[2:], relations[1:])
                    self._define_pending(pending)
                elif len(pending) > waiting and len(terms) == 2:
                    pending[-1] = pending[-1] + (key, set(seen))
                    seen |= _seen_names(terms[0][0])
                    continue  # its names are not uses before a definition
                elif len(pending) > waiting:
                    pending.pop()
            if len(terms) > 2 and relations[-1] == "=":
                # "... = g(\theta_i) = formula": the last link defines g where it is first used
                self.line = terms[-2][1]
                try:
                    name = self._define(terms[-2][0], terms[-1][0])
                except (RecursionError, FormulaError):
                    name = None
                if name:
                    self.last_link_definitions[key] = name
            if len(chain) > 3 and chain[3]:
                continue  # "where ..." after a display: its names are not uses before a definition
            for text, _ in terms:
                seen |= _seen_names(text)
        self.line = None

    def _types_from_use(self, chains, notation: Notation, usage, vectors: dict, matrices: dict, families=None):
        """Undeclared names typed as vectors and matrices by their use (types.infer), added to
        ``vectors`` and ``matrices`` with the readings that say so; the names used inconsistently are
        conflicts."""
        known: dict[str, tuple] = {n: ("scalar",) for n in notation.scalars}
        known.update({n: ("scalar",) for n in (*notation.sizes, *notation.aliases)})
        known.update({i: ("scalar",) for ix in notation.sizes.values() for i in ix})
        known.update({n: ("vector", notation.size_name(s) or s) for n, s in vectors.items()})
        known.update({n: ("matrix", notation.size_name(r) or r, notation.size_name(c) or c)
                      for n, (r, c) in matrices.items()})
        known.update({n: ("function",) for n in notation.functions})
        taken = (set(notation.sizes) | set(notation.aliases) | set(known) | set(notation.definitions)
                 | {n for table in (usage.entries, usage.transposed, usage.factors, usage.applied, usage.primed,
                                    usage.numbered, usage.indices) for n in table})
        functions = set(usage.primed) | {n for n in usage.applied if n not in usage.factors} \
            | self._function_heads(chains)
        typed = infer([(terms, relations) for terms, relations, *_ in chains],
                      {n: k for n, k in known.items() if k[0] != "function"}, lambda s: notation.size_name(s) or s,
                      taken, functions | {n for n in known if known[n][0] == "function"} | set(notation.definitions),
                      {i for ix in notation.sizes.values() for i in ix},
                      set(notation.vectors) | set(notation.matrices) | set(self.stated), self.prime_transpose,
                      families)
        for name in sorted(typed.vectors):
            vectors[name] = typed.vectors[name]
            self.typed_from_use[name] = (f"${typed.vectors[name]}$", "vector", typed.why[name], typed.lines[name], False)
        for name in sorted(typed.matrices):
            r, c = typed.matrices[name]
            matrices[name] = (r, c)
            self.typed_from_use[name] = (f"${r} \\times {c}$", "matrix", typed.why[name], typed.lines[name],
                                         name in typed.ambiguous)
        return typed

    def _limit_sizes(self, chains, notation: Notation, usage) -> dict[str, int]:
        """The undeclared letters a sum's or a product's limits are written in (\\sum_{t=1}^{W},
        \\sum_{k=0}^{T-1}): whole numbers, read as sizes. Not a letter with any other meaning or use: one the
        document declares, defines (n = 5 alone on a left side), applies, indexes by or writes entries of."""
        alone = {terms[0][0].strip() for terms, *_ in chains if terms and len(terms) > 1}
        heads = self._function_heads(chains)  # (W(W + 1) of a limit W is a product; f(x) = ... defines f)
        out = {}
        for name, line in usage.limits.items():
            if name in ("e", "d", "i", "I") or notation.kind_of(name) is not None or name in self.stated \
                    or name in alone or usage.as_vector(name) or name in heads or name in usage.primed \
                    or name in usage.indices or name in usage.labelled or name in self.sequence_names:
                continue
            out[name] = line
        return out

    def _learn_label_vectors(self, usage, labels: dict[str, int]) -> None:
        """u_o, v_c used as vectors: vectors of their own, of one length; ambiguous ones are conflicts.

        The length is the range of a second index (v_{c,i}) where the document writes one, else one size
        D shared by every such vector (u_o^\\top v_c needs them alike), named in the reading. A label that a
        sum elsewhere binds as the index of another name's entries (\\sum_c \\theta_c) makes v_c either
        the vector v_c or entry c of a vector v: refused, citing both lines.
        """
        families = {name.rsplit("_", 1)[0] for name in labels}
        lengths: dict[str, sp.Expr] = {}
        for name in labels:
            second = usage.second_index.get(name)
            if second and self.notation.size_of_index(second):
                lengths[name] = self.size_symbol(self.notation.size_of_index(second))
        known = set(lengths.values())
        taken = set(self.notation.sizes) | set(self.notation.aliases) | set(usage.factors) | set(usage.indices)
        shared = next(iter(known)) if len(known) == 1 else size(next(
            n for n in ("D", "D_e", "D_v", "D_0") + tuple(f"D_{k}" for k in range(1, 99)) if n not in taken))
        by_family: dict[str, list[str]] = {}
        for name, line in sorted(labels.items(), key=lambda kv: (kv[1], kv[0])):
            family, letter = name.rsplit("_", 1)
            other = [(n, at) for n, at in usage.summed.get(letter, []) if n not in families]
            if other:
                entry, at = other[0]
                self.label_conflicts[name] = (
                    f"{name} is a vector named {name} (used as one on line {line}) or entry {letter} of a vector "
                    f"{family} ({letter} is the index of {entry}_{letter} in a sum on line {at}); rename the label "
                    "or the index")
                continue
            self.label_vectors[name] = (vector(name), lengths.get(name, shared))
            by_family.setdefault(family, []).append(name)
        for family, names in by_family.items():
            lengths_here = sorted({str(self.label_vectors[n][1]) for n in names})
            listed = ", ".join(f"${n}$" for n in names)
            line = min(labels[n] for n in names)
            self.inferred[family] = (f"{listed} {'is' if len(names) == 1 else 'are'} read as "
                                     f"{'a vector' if len(names) == 1 else 'vectors'} of length "
                                     f"{', '.join(f'${n}$' for n in lengths_here)} (the subscript a label)", line)

    def guessed(self) -> set[str]:
        """The undeclared names the last read took as real scalars."""
        return {g for g, n in self.guesses.items() if n > 0 and not g.endswith("[]")}

    def readings(self, guessed: set[str], texts: list[str]) -> tuple[Reading, ...]:
        """The guesses, inferences and defaults a display's reading relies on (empty when none)."""
        out = []
        if guessed:
            names = ", ".join(f"${shown_name(g)}$" for g in sorted(guessed))
            out.append(Reading("guess", f"{names} {'is' if len(guessed) == 1 else 'are'} read as real number"
                                        f"{'' if len(guessed) == 1 else 's'} (not declared)"))
        used = set().union(*(names_in(t) for t in texts)) if texts else set()
        # the functions named by words (\operatorname{LReLU}, \mathrm{softmax}) the document defines
        used |= {n for n in (*self.lambdas, *self.redefined) if len(n) > 1 and n.isalpha()
                 and any(re.search(r"\{\s*" + n + r"\s*\}", t) for t in texts)}
        # and those named with a label, H_\delta, \operatorname{swish}_\beta
        for n in self.lambdas:
            base, _, label = n.partition("_")
            if label and any(re.search(r"(?:\{\s*" + re.escape(base) + r"\s*\}|(?<![A-Za-z\\])" + re.escape(base) + r")\s*_\s*\{?\s*"
                                       + re.escape(label) + r"(?![A-Za-z])", t) for t in texts):
                used.add(n)
        for n in sorted(self.inferred):
            defined = symbol_name(n) in self.values and self._in_force(symbol_name(n))
            if n in used and n not in self.typed_from_use and not defined \
                    and symbol_name(n) not in self.unrolled:  # a definition (or a recurrence) says what it is
                text, line = self.inferred[n]
                out.append(Reading("inferred", text, line))
        out += _typed_readings({n: t for n, t in self.typed_from_use.items() if n in used and n not in self.entry_aliases})
        for n in sorted(used):
            key = symbol_name(n)
            if self.line is not None and self.corrected_here(key):
                continue  # (given anew: no reading of the earlier value, see DocumentBuilder._new_example)
            if key in self.examples and self._in_force(key):
                where = "this display writes out" if self.line == self.defined_at[key] \
                    else f"line {self.defined_at[key]} writes out, in this paragraph"
                out.append(Reading("definition", f"${n}$ is the example {where}, not any ${n}$ of its declared size",
                                   self.defined_at[key]))
                continue
            if key in self.values and self._in_force(key) and self.defined_at.get(key) is not None \
                    and self.line != self.defined_at[key]:
                root = ", the root >= 0 of the square it gives" if key in getattr(self, "square_roots", ()) else ""
                out.append(Reading("definition", f"${written_name(n)}$ as the document defines it{root}",
                                   self.defined_at[key]))
        for key in sorted({*self.values, *self.matrix_values}):
            # S_{xx}, \eta_{\max}, h_1, \mathbf{d}_1, Z_1: a name with a label the document defines, written here
            base, _, label = key.partition("_")
            if label and key not in used and self._in_force(key) and self.defined_at.get(key) not in (None, self.line) \
                    and any(re.search(r"(?<![A-Za-z])" + re.escape(base) + r"\s*\}?\s*_\s*\{?\s*\\?(?:text\s*\{|mathrm\s*\{)?"
                                      + re.escape(label) + r"(?![A-Za-z0-9])", t) for t in texts):
                out.append(Reading("definition", f"${base}_{{{label}}}$ as the document defines it", self.defined_at[key]))
        for n in sorted(used):
            key = symbol_name(n)
            if key in self.size_sequences and self._in_force(key) and self.line != self.defined_at.get(key):
                size = self.size_sequences[key][0]
                out.append(Reading("definition", f"${n}_{{{size}}}$ as the document defines it at each size {size}",
                                   self.defined_at[key]))
        for n in sorted(used):
            if n in self.redefined and self._in_force(n) and self.line != self.redefined[n]:
                out.append(Reading("definition", f"${n}$ as the document defines it, not the built-in "
                                                 f"{self._builtin_kind(n)}", self.redefined[n]))
            elif n.rstrip("'") in self.described_functions and n.rstrip("'") in self.lambdas:
                line, words, _ = self.described_functions[n.rstrip("'")]
                out.append(Reading("definition", f"{' '.join(words.split())}, as the document says", line))
            elif n in self.lambdas and symbol_name(n) not in self.values and self._in_force(n) \
                    and self.defined_at.get(n) is not None and self.line != self.defined_at[n]:
                if n in self.defined_past:
                    side, why = self.defined_past[n]
                    out.append(Reading("definition", f"${written_name(n)}$ as line {self.defined_at[n]} gives it, ${side}$: the side "
                                                     f"between, not read ({why}), is taken to equal it",
                                       self.defined_at[n]))
                else:
                    out.append(Reading("definition", f"${written_name(n)}$ as the document defines it", self.defined_at[n]))
        for text in texts:
            for note in self.notes_by_text.get(text, ()):
                if self.entrywise_chain and "layout" in note.text:
                    continue  # the chain reads its Jacobian entry by entry (a convention the verdict names)
                if note not in out:
                    out.append(note)
        self.entrywise_chain = False
        defaults = default_notation()
        for name, letter in sorted(self.notation.onehot.items()):
            stated = self.stated.get(name)
            if symbol_name(name) in self.overrides and self._in_force(symbol_name(name)):
                continue  # the document's own definition of the name holds here
            if name in used and defaults.onehot.get(name) == letter and (stated is None or self.line is None
                                                                          or stated > self.line):
                out.append(Reading("default", f"${name}$ is read as one-hot at class ${letter}$ "
                                              "(the default for a classifier's label)"))
        for name in sorted(self.notation.vectors):
            # x_i, y of a document that never declares them: the built-in default's vector of length N, a guess
            if name in used and name not in self.notation.onehot and self._default_only(name) \
                    and name not in self.inferred and name not in getattr(self, "typed_from_use", {}) \
                    and not (symbol_name(name) in self.values and self._in_force(symbol_name(name))):
                length = self.notation.vectors[name]
                out.append(Reading("default", f"${name}$ is read as a vector of length ${length}$ (not declared: the "
                                              "built-in default)"))
        return tuple(out)

    def definition_at(self, key) -> str | None:
        """The name the chain with this key (its first term's offset) defines: its first link is then a
        definition, not a claim."""
        return self.definitions_by_line.get(key)

    def last_link_definition(self, key) -> str | None:
        """The name the last link of this chain defines (``... = g(\\theta_i) = formula``), if any."""
        return self.last_link_definitions.get(key)

    def _define_pending(self, pending: list) -> None:
        """Read again the definitions that waited for a name a later display defines."""
        line = self.line
        for entry in list(pending):
            left, right, at, key, seen = entry
            self.line = at
            try:
                name = self._define_name(left, right, seen)
            except RecursionError:
                name = None
            if name:
                pending.remove(entry)
                self.definitions_by_line[key] = name
        self.line = line

    def _partial_of_defined(self, left: str) -> bool:
        """f_x, f_{xy} of a function f(x, y) = formula in force: its partial derivative (see Reader._partial_subscript),
        never a name of its own nor a new formula for f."""
        partial = re.fullmatch(r"\s*(\\?[A-Za-z]+)\s*_\s*(?:\{\s*([a-z]{1,3})\s*\}|([a-z]))\s*", left)
        if partial is None or not isinstance(self.lambdas.get(partial.group(1)), sp.Lambda) \
                or not self._in_force(partial.group(1)):
            return False
        return set(partial.group(2) or partial.group(3)) <= {str(v) for v in self.lambdas[partial.group(1)].variables}

    def _family_member(self, name: str) -> bool:
        """T_0 of a T_a(x) = ... the document defines with its parameter a as the subscript: T_0(x) = 1 + x is a
        claim about the family at a = 0 (read through its formula), never a definition of a function of its own."""
        word, _, label = name.partition("_")
        if not label or not re.fullmatch(r"\d+|e", label):
            return False  # (a number: T_0, T_2, T_e; never another letter, which may label a function of its own)
        if self.unread_families.get(word, self.line) < self.line:
            return True  # (of a family whose formula is not read: what T_2 is, is not known)
        for key in self.lambdas:
            parameter = key[len(word) + 1:] if key.startswith(f"{word}_") else ""
            if parameter and parameter != label and re.fullmatch(r"[A-Za-z]|\\[A-Za-z]+", parameter) \
                    and self._in_force(key) and isinstance(self.lambdas[key], sp.Lambda) \
                    and any(str(x) == symbol_name(parameter) for x in self.lambdas[key].expr.free_symbols) \
                    and not self.notation.size_of_index(parameter):
                # (of a family whose formula differentiates by a, or one defined under an earlier heading, where the
                # family may be another problem's: no instance of it is read, T_0 neither)
                return True
        return False

    def _define_both_signs(self, left: str, right: str, seen: set[str]) -> bool:
        """\\lambda_\\pm = \\frac{a + c \\pm r}{2}: two definitions, \\lambda_+ with the upper signs (\\pm as +, \\mp as -)
        and \\lambda_- with the lower ones. Whether it was such a display."""
        m = _BOTH_SIGNS_LEFT.fullmatch(left)
        if m is None or not _BOTH_SIGNS.search(right):
            return False
        for label, upper in (("+", True), ("-", False)):
            formula = _BOTH_SIGNS.sub(lambda s: "+" if (s.group(1) == "pm") == upper else "-", right)
            try:
                self._define_name(f"{m.group(1)}_{{{label}}}", formula, seen)
            except (RecursionError, FormulaError):
                pass  # (read, and refused, where it is used)
        return True

    def _same_part(self, at: int | None) -> bool:
        """Whether no heading stands between the line ``at`` and the line being learned."""
        return at is not None and not any(at < h <= self.line for h in getattr(self, "heading_lines", ()))

    def _past_the_part(self, left: str, right: str) -> bool:
        r"""A display after the part this reader reads (its last line ``part_end``) that gives a name this part
        defines a number (\sigma^2 = (25 + 1 + 1 + 9)/4 in a later worked example, of the \sigma^2 = \frac{1}{N}
        \sum ... of this part), or a formula where the words made this part's the name's meaning ("we write").
        It does not reach back: the part keeps its own meaning (its formulas that hold \sigma, unfolded for a
        derivative, as much as \sigma itself). (Another later formula, which may say the part's is not the
        document's last word, is learned as before.)"""
        if self.part_end is None or self.line is None or self.line <= self.part_end:
            return False
        number = not names_in(right) - NUMERIC_WORDS and re.search(r"\d", right)
        head = self._definition_head(left) if "(" in left else None
        names = {head[0]} if head is not None else names_in(left) if len(names_in(left)) == 1 else set()
        keys = {k for n in names for k in (n, symbol_name(n.rstrip("'")))}
        numbered = _NUMBERED.match(left)
        if numbered:
            keys.add(f"{symbol_name(numbered.group(1))}_{numbered.group(2) or numbered.group(3)}")
        # (a formula given anew is skipped only where the words said this part's is the name's meaning, "we write
        # $\delta = \partial L / \partial y$": a formula worked out here may be one a later part corrects)
        return any((self.defined_at.get(k) or 0) <= self.part_end and k in self.defined_at
                   and (k in self.values or k in self.lambdas)
                   and (number or self.defined_at[k] in self.defining_lines) for k in keys)

    def _a_result(self, at, left: str) -> bool:
        """"at the positive root of $h$, $t_1 = \\frac{15 + \\sqrt{617}}{4.9}$": the words say what t_1 is (a root,
        a minimiser) and the formula works its value out, which may be wrong: no definition, and a use of t_1 means
        the value the words describe, which is not read (never the formula, which may be the mistake)."""
        words = getattr(self, "result_definitions", {}).get(at)
        worked = getattr(self, "worked_results", {}).get(at) if words is None else None
        if words is None and worked is None:
            return False
        numbered = _NUMBERED.match(left)
        plain = re.fullmatch(r"\s*(\\?[A-Za-z]+)\s*", left)
        if numbered is None and plain is None:
            return False
        name = f"{numbered.group(1)}_{numbered.group(2) or numbered.group(3)}" if numbered else plain.group(1)
        if name in self.stated or symbol_name(name) in self.values:
            return False
        if worked is not None:
            # "since only the first unit is active, $\delta_1 = (0, 0)^T$", "so $q = 3$": the numbers may be the mistake,
            # carried on: no later claim is judged by them; the name is read as any value there (see read.document)
            self.worked_names.setdefault(name, (self.line, at, worked))
            return True
        why = (f"{written_name(name)} is what the words call \"{words}\" (line {self.line}), which is not read: the "
               "formula given for it there is a value worked out, not its definition")
        if numbered:
            self.label_conflicts.setdefault(symbol_name(numbered.group(1)) + name[len(numbered.group(1)):], why)
        else:
            self.conflicts.setdefault(name, why)
        return True

    def _value_worked_out(self, left: str, right: str) -> bool:
        """"The eigenvalues satisfy ..., so $$\\rho(T_J) = \\frac{1}{12}$$": a function the document never defines, at one
        argument, given a number the words before work out. The number is a claim (it may be the mistake), never the
        function's definition at that argument: the function's values stay unread, so no later claim is judged by
        that number."""
        m = re.fullmatch(r"\s*(\\?[A-Za-z]+)\s*(?:\\left\s*)?\(\s*([^()]+?)\s*(?:\\right\s*)?\)\s*", left)
        if m is None or names_in(right) - NUMERIC_WORDS or not re.search(r"\d", right):
            return False
        name = m.group(1)
        if not (re.fullmatch(r"[A-Za-z]", name) or name.startswith("\\") and name[1:] in GREEK):
            return False  # (a letter or a Greek letter only: \det, \log and the like are read as they are)
        if name in self.lambdas or symbol_name(name) in self.values or name in self.stated \
                or name in getattr(self, "cases_named", ()) \
                or self.notation.kind_of(name) is not None or name in BUILTIN_FUNCTIONS \
                or name in default_notation().functions or name.lstrip("\\") in BUILTIN_FUNCTIONS:
            return False
        self.conflicts.setdefault(name, f"{written_name(name)} is never defined: line {self.line} gives its value at "
                                        f"${' '.join(m.group(2).split())}$ as a result worked out (\"so ...\"), which may be "
                                        "the mistake: never read as its definition, so its values are not read")
        return True

    def _define_name(self, left: str, right: str, seen: set[str], pending: list | None = None) -> str | None:
        """z = formula, z an undeclared name no earlier display uses: z is that formula from here on.

        A formula that is not read is put on ``pending`` (when given): a later display may define a
        name it uses."""
        if self._partial_of_defined(left):
            return None  # f_x = 2xy + 4 of an f(x, y) the document defines: its partial derivative, a claim
        if len(names_in(left)) == 1 and next(iter(names_in(left))) in self.worked_names:
            return None  # (q^2 = 9 after "we get $q = 3$": a claim about the q the words work out, whose value is not known)
        square = _SQUARE_NAME.match(left)
        if square and (square.group(1) in self.stated or symbol_name(square.group(1)) in self.said_names):
            return None  # t^2 = 1 of a t \in \{-1, 1\} the prose declares: a claim about it, not its definition
        if square and not _SQUARE_NAME.match(right):
            # s^2 = formula (a variance): s is the nonnegative root of the formula, and s^2 the formula
            left, right = square.group(1), f"\\sqrt{{{right}}}"
            self.square_roots = getattr(self, "square_roots", set()) | {symbol_name(left.strip())}
        sized = _SIZED_LEFT.fullmatch(left)
        if sized and self.notation.size_name(sized.group(2) or sized.group(3)):
            return self._define_by_size(sized.group(1), sized.group(2) or sized.group(3), right, seen)
        labelled = _LABELLED_LEFT.fullmatch(left)
        if labelled and not _NUMBERED.match(left) and not _SIGN_LABEL.search(left):  # (H_{+}: a name of its own)
            return self._define_labelled(labelled.group(1), left, right, seen)
        lettered = _LETTER_LABELLED_LEFT.fullmatch(left)
        if lettered and not self.notation.size_of_index(lettered.group(2)) \
                and getattr(self, "left_counts", {}).get(" ".join(left.split()), 0) <= 1 \
                and self.notation.kind_of(lettered.group(2)) is None \
                and (not lettered.group(1).startswith("\\") or lettered.group(1)[1:] in GREEK):
            # \omega_r = formula, r neither an index nor a size: the number named with that label, as \omega_{r} is
            return self._define_labelled(lettered.group(1), left, right, seen)
        upright = _UPRIGHT_ENTRY.match(left)
        if upright:  # \text{sm}_i = formula: an abbreviation the document defines by its entry
            word, letter = upright.groups()
            if word in BUILTIN_FUNCTIONS or self.notation.kind_of(word) is not None or word in self.values \
                    or not self.notation.size_of_index(letter):
                return None
            left = f"{word}_{letter}"  # read below as the name it is
            names = {word}
        else:
            names = names_in(left)
        if len(names) != 1:
            return None
        numbered = _NUMBERED.match(left)
        bold = _BOLD_NUMBERED.match(left) if numbered is None else None
        if numbered or bold:
            return self._define_numbered((numbered or bold).group(1), (numbered or bold).group(2)
                                         or (numbered or bold).group(3), right, bold=bold is not None)
        (name,) = names
        base = name.rstrip("'")
        # (a name typed only from its use, h_i later on, is still undeclared: h = ... defines it)
        # (\pi_a = formula in a, of a vector \pi the prose declares of a's length: its entries, defined)
        by_entry = self.notation.kind_of(base) == "vector" and re.fullmatch(
            re.escape(base) + r"\s*_\s*\{?\s*([a-z])\s*\}?\s*", left.strip()) is not None \
            and self.notation.size_of_index(left.strip()[-1].strip("{} ")) == self.notation.vectors.get(base)
        # w = g v / ||v||, of a w the prose declared (w \in R^d) and no display used before: its definition, when the
        # formula has the declared shape (a claim about every w would never hold)
        # (a vector: a number the prose declares, q in (0, 1), and later puts q = sigma(eta), keeps its conditions)
        declared = name == base and base in self.stated and self.notation.kind_of(base) == "vector" \
            and self.line is not None and self.stated[base] <= self.line and base not in default_notation().definitions \
            and symbol_name(base) not in {symbol_name(s.name) for s in getattr(self, "law_statements", ())}
        if name in seen or name in names_in(_NORMAL_DENSITY.sub(" ", _without_labelled(name, right))) \
                or (self.notation.kind_of(base) is not None and not self._default_only(base)
                    and base not in self.inferred and not by_entry and not declared) \
                or base in ("e", "d") or (base == "\\pi" and not re.fullmatch(r"\s*\\pi\s*_\s*\{?\s*[a-z]\s*\}?\s*", left)) \
                or base in self.lambdas or base in self.values \
                or symbol_name(base) in self.matrix_values \
                or (name != base and base in self.function_letters):
            return None
        try:
            tokens = list(parser().lex(left)) if not upright else list(parser().lex(f"w_{upright.group(2)}"))
        except (LarkError, FormulaError):
            return None
        kinds = [t.type for t in tokens]
        entry = None  # \hat{y}_i = formula in i: the vector by its entry
        if kinds[-2:] == ["SUB", "LETTER"] or kinds[-4:] == ["SUB", "LBRACE", "LETTER", "RBRACE"]:
            letter = str(tokens[-1] if kinds[-1] == "LETTER" else tokens[-2])
            if not self.notation.size_of_index(letter):
                return None
            entry = letter
            cut = 2 if kinds[-1] == "LETTER" else 4
            kinds, tokens = kinds[:-cut], tokens[:-cut]
            if "PRIME" in kinds:
                return None
        primes = kinds.count("PRIME")
        head = kinds[:len(kinds) - primes]
        if kinds[len(head):] != ["PRIME"] * primes or head not in (
                ["LETTER"], ["CMD"], ["ACCENT", "LETTER"], ["ACCENT", "LBRACE", "LETTER", "RBRACE"],
                ["ACCENT", "CMD"], ["ACCENT", "LBRACE", "CMD", "RBRACE"]) \
                and not (head in (["FONT", "LBRACE", "LETTER", "RBRACE"], ["FONT", "LBRACE", "CMD", "RBRACE"])
                         and str(tokens[0]) in ("\\mathbf", "\\boldsymbol", "\\bm", "\\vec")) \
                and not (head in (["ACCENT", "LBRACE", "FONT", "LBRACE", "LETTER", "RBRACE", "RBRACE"],
                                  ["ACCENT", "LBRACE", "FONT", "LBRACE", "CMD", "RBRACE", "RBRACE"],
                                  ["ACCENT", "LBRACE", "FONT", "LETTER", "RBRACE"], ["ACCENT", "LBRACE", "FONT", "CMD", "RBRACE"])
                         and str(tokens[2]) in ("\\mathbf", "\\boldsymbol", "\\bm")):  # \bar{\mathbf{y}}, \hat{\boldsymbol\beta}
            return None
        if head == ["CMD"] and str(tokens[0])[1:] not in GREEK:
            return None
        try:
            value = self.read(right)
        except FormulaError:
            if self._define_upstream(left, right):
                return name
            if pending is not None:
                pending.append((left, right, self.line))
            return None
        if value.misfit is not None:
            return self._unusable_definition(base, name, value)
        if declared and base not in self.inferred and not by_entry and (
                value.is_matrix or value.row or not value.is_vector
                or value.size != self.size_symbol(self.notation.vectors[base])):
            return None  # (a formula of another shape than the declaration's: a claim, refuted as such)
        if base in self.function_letters and isinstance(value.expr, sp.Expr) and not value.expr.free_symbols:
            return None  # L = min(1.5 \cdot 2, 2.4) of an L(r) the document applies: its value at a point
        key = symbol_name(base) + "'" * primes
        if entry is not None:
            # (y_t = 1 says what entry t is, not every entry: a definition by entry depends on its index)
            # A name known only from this kind of use (u_i = 1/n, "the uniform distribution") is defined by
            # it whatever its formula: every entry the same.
            constant_entries = base in self.inferred and base not in self.stated
            if value.is_vector or value.is_matrix or value.row \
                    or (self.free_index(entry) not in value.expr.free_symbols and not constant_entries):
                return None
            length = self.size_symbol(self.notation.size_of_index(entry))
            at = {self.free_index(entry): V.entry_index(length)}
            value = V.Value(replace_free(value.expr, at), length, value.conventions,
                            domain=tuple(replace_free(c, at) for c in value.domain))
        if value.is_matrix:
            self.matrix_values[key] = value  # read as that matrix where it is used (F = X^T X, then F w)
            self.defined_at[key] = self.line
            if self.notation.kind_of(base) is not None:
                self.overrides.add(key)  # (a matrix typed only from its use, R_ij: the formula's from here on)
            return name
        self._keep_defined(key, value, right, entry)
        if entry is not None:
            self.entry_formulas[key] = (entry, right)  # (its entry 0, where the document numbers it from 0)
        if self.notation.kind_of(base) is not None:
            self.overrides.add(key)  # the document's definition, not the default, from here on
            # (the default's own formula, yhat = softmax(theta), is the name's meaning past a heading too)
            same = " ".join(right.split()) == " ".join(default_notation().definitions.get(base, "").split())
            # a name typed only from the document's own use (q_k) is no default: its definition holds on
            # (what the setup before a problem's first part defines, "(a)", "Problem 2", holds in every part)
            setup = not any(n <= self.line for n in self.part_lines)
            # (a default that is only a kind, the number c, has no meaning to return to: the definition holds on)
            bare = self.notation.kind_of(base) == "scalar" and base not in default_notation().definitions
            # (and to the end of its section: a heading as deep as the one it is under, or less deep; what the text
            # before the first heading or under the title defines holds in the sections below)
            depth = self.section_depth(self.line)
            ends = [n for n in self.heading_lines if n > self.line and not same and not bare and base not in self.inferred
                    and base not in getattr(self, "typed_from_use", {}) and not (setup and n in self.part_lines)
                    and self.heading_levels.get(n, 0) <= depth]
        else:
            ends = []
        # a definition holds until the prose declares the name anew (y is one-hot)
        ends += [n for n in self.declared_lines.get(name, ()) if n > self.line]
        if not names_in(right) - NUMERIC_WORDS and any(n <= self.line for n in self.part_lines) \
                and getattr(self, "left_counts", {}).get(" ".join(left.split()), 0) > 1:
            # "**Q2.** Given ... $A = 60^\circ$", "**Q4.** Given ... $A = 30^\circ$": numbers a name is given in two
            # parts are each part's data, never the next part's
            ends += [n for n in self.part_lines if n > self.line][:1]
            if ends:
                self.part_numbers = getattr(self, "part_numbers", {})
                self.part_numbers.setdefault(key, []).append(self.line)
        # and no longer than the meanings it was read with (L = -log yhat_k, yhat defined up to a heading)
        ends += [self.defined_until[k] for k in map(symbol_name, names_in(right))
                 if k in self.defined_until and self.defined_until[k] > self.line]
        if ends:
            self.defined_until[key] = min(ends)
        return name

    def _define_example(self, left: str, right: str) -> str | None:
        """W = a written-out 2 x 2 matrix, of a W the prose declares of general size (m x n): an example, which W
        is in this display only (its other equations are about the example)."""
        name = left.strip()
        if not _WRITTEN_ARRAY.search(right) or self.notation.kind_of(name) not in ("vector", "matrix") \
                or name not in self.stated:
            return None
        key = symbol_name(name)
        ends = getattr(self, "paragraph_end", None)
        if key in self.examples and self.defined_at.get(key, self.line) < self.line < self.defined_until.get(key, 0):
            # "For the rank-one $W = ...$" in the paragraph of an earlier example of W: a second example, no claim about
            # the first; which one the rest of the paragraph is about is not read
            self.corrected[key] = (self.line, f"{name} is given a second example on line {self.line}, in the paragraph "
                                              f"of the one of line {self.defined_at[key]}: which one a use means is not "
                                              "read (start a new paragraph)",
                                   (ends(self.line) if ends is not None else self.line) + 1)
            return name
        if key in self.values or key in self.matrix_values:
            return None
        try:
            value = self.read(right)
        except FormulaError:
            return None
        if isinstance(value, MatrixTerm) or value.misfit is not None or not (value.is_matrix or value.is_vector):
            return None
        sizes = (value.size, value.cols) if value.is_matrix else (value.size,)
        if not all(sp.sympify(s).is_Integer for s in sizes if s is not None):
            return None
        if value.is_matrix:
            self.matrix_values[key] = value
        else:
            self.values[key] = value
        self.defined_at[key] = self.line
        # (the paragraph the example is given in is about it: its other claims are checked at its value)
        self.defined_until[key] = (ends(self.line) if ends is not None else self.line) + 1
        self.examples.add(key)
        return name

    def _result_again(self, terms, key) -> bool:
        """"So the characteristic polynomial of $M$ is $$p(\\lambda) = \\lambda^3 - ...$$" of a function an earlier chain
        gives a formula: a result worked out for a new case, which may be the mistake; never
        its definition, and which meaning a use after it has is not read. True when so."""
        if key not in getattr(self, "worked_again", ()):
            return False
        # (a function's formula only: a number given anew, lambda_1 = 5 then lambda_1 = (5 + sqrt 17)/2, is the
        # business of the parts and examples)
        head = self._definition_head(terms[0][0]) if "(" in terms[0][0] else None
        name = head[0] if head is not None and self._plain_arguments(head[1]) else None  # (never c(8) = 16)
        if name is None or name not in self.lambdas:
            return False
        self.corrected[name] = (self.line, f"{written_name(name)} is given a formula again on line {self.line} after "
                                           "words that draw it (\"so ... is\"): a result worked out for a new case, "
                                           "which may be the mistake; which meaning a use after it has is not read")
        return True

    def _define_start_values(self, terms, relations) -> str | None:
        """m_0 = v_0 = 0: numbered names (where recurrences start) all given one number."""
        if len(terms) < 3 or any(r != "=" for r in relations) or not re.fullmatch(r"\s*-?\d+\s*", terms[-1][0]):
            return None
        heads = [_NUMBERED.match(text) for text, _ in terms[:-1]]
        if not all(heads):
            return None
        named = [self._define_numbered(m.group(1), m.group(2) or m.group(3), terms[-1][0]) for m in heads]
        return named[0] if all(named) else None

    def _define_recurrence(self, left: str, right: str, chains) -> str | None:
        """v_t = \\beta v_{t-1} + g_t (momentum), with a start value v_0 = 0 the document gives: the numbers v_1,
        v_2, ... the document writes are defined by it, each the formula at that t, down to v_0;
        v_k = ... displays after it are then claims, checked against it. A step at a general t is not read."""
        m = _RECURRENCE_LEFT.match(left)
        ahead = 0  # x_{k+1} = F(x_k): the same step written one ahead (its term at step k + 1 from the one at k)
        if not m:
            m = _RECURRENCE_AHEAD.match(left)
            if not m:
                return None
            ahead = 1
        letter, t = m.group(1), m.group(2) or m.group(3)
        previous = re.compile(re.escape(letter) + r"\s*_\s*\{\s*" + t + r"\s*-\s*1\s*\}") if not ahead else \
            re.compile(re.escape(letter) + r"\s*_\s*(?:\{\s*" + t + r"\s*\}|" + t + r"(?![A-Za-z]))")
        if ahead and re.search(re.escape(letter) + r"\s*_\s*\{\s*" + t + r"\s*[+-]", right):
            return None  # (x_{k+1} in x_k and x_{k-1}: a step of two terms, whose start needs two values)
        if not previous.search(right) or self.notation.kind_of(letter) not in (None, "scalar", "vector") \
                or (self.notation.kind_of(letter) == "vector" and letter in self.stated) \
                or letter in self.lambdas or symbol_name(letter) in self.values or t in ("e", "d"):
            return None
        used = re.compile(re.escape(letter) + r"\s*_\s*(?:(\d)(?!\d)|\{\s*(\d+)\s*\})")
        steps = sorted({int(a or b) for chain in chains for text, _ in chain[0] for a, b in used.findall(text)})
        # (m_t, m_{t-1}, m_T written elsewhere: the sequence at a general step, checked at the steps 1 .. K)
        general = re.compile(re.escape(letter) + r"\s*_\s*(?:[A-Za-z](?![A-Za-z])|\{\s*[A-Za-z]\s*(?:[+-]\s*\d+\s*)?\})")
        anywhere = sum(1 for chain in chains for text, _ in chain[0] if general.search(text))
        if anywhere > 1:
            steps = sorted(set(steps) | {_GENERAL_STEPS})
        if not steps or steps[-1] > _MAX_UNROLLED:
            return None
        key = symbol_name(letter)
        if f"{key}_0" not in self.values:
            # "... initialised with $m_0 = 1$" after the recurrence: its start value, taken first
            start = re.compile(r"\s*" + re.escape(letter) + r"\s*_\s*(?:0|\{\s*0\s*\})\s*")
            given = [chain for chain in chains if len(chain[0]) == 2 and list(chain[1]) == ["="]
                     and start.fullmatch(chain[0][0][0]) and re.fullmatch(r"\s*-?\d+(?:\.\d+)?\s*", chain[0][1][0])]
            if ahead and any(self.line < h <= chain[0][0][1] for chain in given for h in self.heading_lines):
                given = []  # (x_{k+1} = F(x_k) in one section, x_0 = 1 of an example under a later heading: not unrolled)
            if len({chain[0][1][0].strip() for chain in given}) == 1:
                named = self._define_numbered(letter, "0", given[0][0][1][0])
                if named is not None:
                    # (the display that gives it defines it: a start value posited, not a claim proved)
                    for chain in given:
                        self.definitions_by_line[chain[2] if len(chain) > 2 else chain[0][0][1]] = named
        if f"{key}_0" not in self.values:
            return None  # no start value taken (v_0 = 0): never unrolled from any v_0, which would refute v_1 = g_1
        sequences = {symbol_name(n) for n in re.findall(r"(\\?[A-Za-z]+)\s*_\s*(?:" + t + r"(?![A-Za-z])|\{\s*" + t
                                                       + r"\s*(?:[+-]\s*\d+\s*)?\})", left + " " + right)}
        # (x_t of a declared vector x: an entry, not a term of a sequence; a recurrence of x itself is not read)
        sequences = {n for n in sequences if not (self.notation.kind_of(n) in ("vector", "matrix") and n in self.stated)}
        if key not in sequences:
            return None
        kept = set(self.numbered_bases)
        self.numbered_bases |= sequences
        made = []
        for k in range(1, steps[-1] + 1):
            label = f"{key}_{k}"
            if label in self.values:
                continue
            if self._define_numbered(letter, str(k), _at_step(right, t, k - ahead)) is None:
                break
            made.append(label)
        if not made:
            self.numbered_bases = kept
            return None
        self.recurrences[key] = (t, self.line)
        if all(f"{key}_{k}" in self.values for k in range(0, steps[-1] + 1)) and steps[-1] >= _GENERAL_STEPS:
            self.unrolled[key] = sp.Tuple(*(self.values[f"{key}_{k}"].expr for k in range(0, steps[-1] + 1)))
        return f"{letter}_{t}"

    def _corrected(self, left: str, right: str, relations) -> str | None:
        """"The correct estimators are $$\\hat\\beta = ...$$" of a \\hat\\beta an earlier display defines: the document
        corrects its definition, which is this formula from here on (the name it defines; the chain is no claim
        checked against the definition taken back). Where the new formula is not read, the name is refused from here
        on ("" ), never read through the old one. None: no correction."""
        doubted = self.line in self.doubted_lines and self.line not in self.correcting_lines
        if (self.line not in self.correcting_lines and not doubted) or not relations or relations[0] != "=":
            return None
        head = self._definition_head(left) if "(" in left else None
        if head is not None and re.fullmatch(r"(\\?[A-Za-z]+)_\d+", head[0]) and head[0].rsplit("_", 1)[0] in self.families:
            return None  # (P_3(x) = ... of a family a recurrence defines: its term worked out, a claim)
        if head is not None and self._plain_arguments(head[1]) and head[0] in self.lambdas:
            name = key = head[0]  # R(z) = ... again, of an R(z) = ... before
        else:
            names = names_in(left)
            if len(names) != 1 or "(" in left or not _LONE_NAME.fullmatch(left):
                return None
            (name,) = names
            key = symbol_name(name)
            numbered = re.search(r"_\s*\{?\s*(\d+)\s*\}?", left)
            if numbered:  # (\varepsilon_2 = ...: the number named so)
                name, key = f"{name}_{numbered.group(1)}", f"{key}_{numbered.group(1)}"
            if key not in self.values:
                return None
        at = self.defined_at.get(key)
        if at is None or at >= self.line or any(at < h <= self.line for h in self.heading_lines):
            return None  # (under a later heading: a new part's definition, see _forget_earlier_part)
        shown = written_name(name)
        if doubted and (any(at < h <= self.line for h in self.topic_lines) or self.doubted_lines[self.line] < at):
            return None  # (a new topic's formula, under a run-in heading; words said before the formula now in force)
        if doubted:
            # "That cannot be a density ... So $p(\theta) = \sin\theta / 2$": words that may take the earlier
            # formula back, or show a mistake to avoid: which formula is meant from here is not read
            self.corrected[key] = (self.line, f"{shown} is given a formula again on line {self.line}, after words that "
                                              f"may take back the one of line {at} (\"cannot be\", \"wrong\"): which one "
                                              "a use means is not read")
            # (from the words on: "so my $\lambda_2$ is wrong. Moving ... gives $z_2 - \rho z_1 = \lambda_2 (1 - \rho)$"
            # uses neither the formula taken back nor the one not yet given)
            # (words on the definition's own line may stand before it: from the formula's line then)
            words_at = self.doubted_lines[self.line]
            self.defined_until[key] = min(self.defined_until.get(key, self.line), self.line,
                                          words_at if words_at > at else self.line)
            return ""
        kept = {table: dict(getattr(self, table)) for table in ("values", "lambdas", "shallow", "defined_until")}
        for table in ("values", "lambdas", "shallow", "defined_until"):
            getattr(self, table).pop(key, None)
        try:
            defined = self._define(left, right) or self._define_name(left, right, set())
        except (RecursionError, FormulaError):
            defined = None
        if defined:
            return defined
        for table, old in kept.items():
            getattr(self, table).clear()
            getattr(self, table).update(old)
        self.corrected[key] = (self.line, f"{shown} is given a formula again on line {self.line}, which the words call "
                                          f"the correct one, after line {at} defined it: which one a use means is not "
                                          "read")
        self.defined_until[key] = min(self.defined_until.get(key, self.line), self.line)
        return ""

    def _define_family(self, left: str, right: str, chains) -> str | None:
        """T_{n+1}(x) = 2x T_n(x) - T_{n-1}(x), (n + 1) P_{n+1}(x) = ..., after start functions T_0(x) = 1, T_1(x) = x
        the document defines: a family of functions of x, each T_k the recurrence's formula at that k (k up to
        _GENERAL_STEPS, or the largest the document writes), and T_n(x) at a size n the family's term there. Every
        term on the right must be the family's at the same argument, at steps below the left's."""
        m = _FAMILY_LEFT.fullmatch(left)
        if not m:
            return None
        name, t, arg = m.group("name"), m.group("t") or m.group("t1"), m.group("arg")
        shift = int(m.group("s") or 0)
        pre = m.group("pre").strip()
        if name in ("e", "d") or t in ("e", "d", "x") or t == arg or self.notation.kind_of(name) is not None \
                or name in self.families or (pre and (name in pre or not _FAMILY_FACTOR.fullmatch(pre))):
            return None
        term = re.compile(r"(?<![A-Za-z\\])" + name + r"\s*_\s*(?:\{([^{}]*)\}|([A-Za-z0-9]))\s*(?:\\left\s*)?\(\s*"
                          r"([^()]*?)\s*(?:\\right\s*)?\)")
        offsets = set()
        for found in term.finditer(right):
            step = re.fullmatch(r"\s*" + t + r"\s*(?:([+-])\s*(\d))?\s*", found.group(1) or found.group(2))
            if not step or found.group(3) != arg:
                return None
            offsets.add(int(step.group(2) or 0) * (-1 if step.group(1) == "-" else 1))
        if not offsets or max(offsets) >= shift or len(re.findall(r"(?<![A-Za-z\\])" + name + r"(?![A-Za-z])", right)) \
                != len(term.findall(right)) or re.search(r"_\s*\{?\s*" + t + r"(?![A-Za-z])", term.sub(" ", right)):
            return None
        first = shift - min(offsets)  # the first term the recurrence gives (from n = 0); the ones before are given
        starts = {}
        for k in range(first):
            named = f"{name}_{k}"
            if named in self.lambdas and isinstance(self.lambdas[named], sp.Lambda) and named not in self.entry_functions \
                    and named not in self.matrix_valued and len(self.lambdas[named].variables) == 1:
                starts[k] = self.lambdas[named]
            elif named in self.matrix_functions and symbol_name(named) in self.values:
                # T_0(x) = 1: a start of the family, a constant function (not a value at x alone)
                value = self.values[symbol_name(named)]
                if value.is_vector or value.row or value.is_matrix:
                    return None
                starts[k] = sp.Lambda(self.matrix_functions[named][0].expr, value.expr)
            else:
                return None
        written = [int(a or b) for chain in chains for text, _ in chain[0]
                   for a, b in re.findall(r"(?<![A-Za-z\\])" + name + r"\s*_\s*(?:(\d)(?!\d)|\{\s*(\d+)\s*\})", text)]
        last = min(max([_GENERAL_STEPS, *written]), _MAX_UNROLLED)
        saved = dict(self.lambdas), dict(self.matrix_functions), dict(self.values)
        for k, func in starts.items():
            named = f"{name}_{k}"
            self.matrix_functions.pop(named, None)
            self.values.pop(symbol_name(named), None)
            self.lambdas[named] = func
        made = {}
        for k in range(first, last + 1):
            text = _at_step(right, t, k - shift)
            if pre:
                text = f"\\frac{{{text}}}{{{_at_step(pre, t, k - shift)}}}"
            head = self._definition_head(f"{name}_{{{k}}}({arg})")
            body = variable = None
            if head is not None:
                try:
                    with self._bound(head[1]):
                        variable = self._expr(head[1][0], {})
                        body = self.read(text)
                except (FormulaError, RecursionError):
                    body = None
            if body is None or type(variable.expr) is not sp.Symbol or variable.is_vector or body.is_vector \
                    or body.row or body.is_matrix or body.misfit is not None:
                for table, kept in zip((self.lambdas, self.matrix_functions, self.values), saved):
                    table.clear()
                    table.update(kept)
                return None
            # (each term read from the ones before it: functions of the family from here on)
            made[k] = (head[0], body.domain)
            self.lambdas[head[0]] = sp.Lambda(variable.expr, sp.expand(body.expr))
        for k in starts:
            named = f"{name}_{k}"
            self.lambda_domains.setdefault(named, (starts[k].variables[0], ()))
        for k, (named, domain) in made.items():
            self.lambda_domains[named] = (self.lambdas[named].variables[0], domain)
            self.defined_at[named] = self.line
            self.function_letters.add(named)
        self.families[name] = (t, self.line, tuple(self.lambdas[f"{name}_{k}"] for k in range(last + 1)))
        return f"{name}_{{{t}}}"

    def _define_by_size(self, letter: str, size: str, right: str, seen: set[str]) -> str | None:
        """S_N = \\sum_{k=1}^{N} a_k, G_n = formula in n: a number for every size, S_3 the formula at N = 3 and S_n at
        n (a partial sum, a sequence by its length), from here on. S is a letter no earlier display writes."""
        key = symbol_name(letter)
        if letter in seen or letter in self.lambdas or letter in ("e", "d", "\\pi") or key in self.values \
                or self.notation.kind_of(letter) not in (None, "scalar") or key in self.size_sequences:
            return None
        try:
            value = self.read(right)
        except FormulaError:
            return None
        symbol = self.size_symbol(size)
        if value.is_vector or value.row or value.is_matrix or value.misfit is not None \
                or symbol not in value.expr.free_symbols:
            return None
        self.size_sequences[key] = (symbol, value)
        self.defined_at[key] = self.line
        return f"{key}_{size}"

    def _define_labelled(self, letter: str, left: str, right: str, seen: set[str]) -> str | None:
        """S_{xx} = formula, \\eta_{\\max} = 0.1: a name with a label subscript (a word, or letters that are no index),
        of a letter that is a number or undeclared and no earlier display writes: the number named so is that formula
        from here on."""
        if _label_key(left) in seen or letter in self.lambdas or letter in ("e", "d", "\\pi") \
                or self.notation.kind_of(letter) not in (None, "scalar"):
            return None  # (of a letter the document defines, eta = eta_min + ...: read below as a name of its own)
        try:
            name = self.read(left)
        except FormulaError:
            return None
        key = name.expr.name if isinstance(name, V.Value) and isinstance(name.expr, sp.Symbol) \
            and not (name.is_vector or name.row or name.is_matrix) else None
        if key is None or not key.startswith(f"{symbol_name(letter)}_") or key in self.values \
                or re.search(re.escape(left.strip()), right):
            return None
        try:
            value = self.read(right)
        except FormulaError:
            return None
        if value.is_vector or value.row or value.is_matrix or value.misfit is not None or key in value.expr.free_symbols:
            return None
        self._keep_defined(key, value, right)
        return key

    def _define_numbered(self, letter: str, digits: str, right: str, bold: bool = False) -> str | None:
        """h_1 = formula (a hidden state at step 1), h a letter that is a number, undeclared, or a vector only from
        such uses: the number named h_1 is that formula from here on (h_0, h_2 stay names of their own)."""
        typed_only = self.notation.kind_of(letter) == "vector" and letter not in self.stated \
            and (letter in self.inferred or letter in getattr(self, "typed_from_use", {}) or self._default_only(letter))
        defined = self.values.get(symbol_name(letter))
        # (D_2 beside a number D the document defines: a name of its own; v_2 of a defined vector v is no name)
        if (self.notation.kind_of(letter) not in (None, "scalar") and not typed_only) or letter in self.lambdas \
                or (defined is not None and (defined.is_vector or defined.row or defined.is_matrix)) \
                or letter in ("e", "d", "\\pi") and not bold:  # (a bold d_1 is no differential)
            return None
        key = f"{symbol_name(letter)}_{digits}"
        if symbol_name(letter) in self.size_sequences and self._in_force(symbol_name(letter)):
            return None  # S_3 = ... after S_N = formula: a claim, checked against the formula at N = 3
        if symbol_name(letter) in self.recurrences and int(digits) > 0:
            return None  # v_2 = ... after v_t = beta v_{t-1} + g_t: a claim, checked against the recurrence
        if key in self.values or key in self.matrix_values \
                or re.search(re.escape(letter) + r"\s*_\s*\{?\s*" + digits + r"(?!\d)", right):
            return None
        try:
            value = self.read(right)
        except FormulaError:
            return None
        written = value.is_vector and not value.row and not value.is_matrix and value.misfit is None \
            and sp.sympify(value.size).is_Integer and _WRITTEN_TUPLE.fullmatch(right) is not None
        if (value.is_vector or value.row or value.is_matrix or value.misfit is not None) and not written \
                and not self._vector_by_number(letter, value):
            return None  # (P_1 = (1, 2, 0), d_1 = (1, -1, 2): a point, a direction written out, is that vector)
        if value.is_matrix:
            self.matrix_values[key] = value  # (Z_1 = W_1 X + b_1 1^T: the matrix named Z_1, read as it is where used)
            self.defined_at[key] = self.line
            return key
        self._keep_defined(key, value, right)
        return key

    def _vector_by_number(self, letter: str, value) -> bool:
        """z_1 = W_1 x + b_1, a column vector (or a matrix, Z_1 = W_1 X + b_1 1^T) by formula, of a letter z the
        document never declares, never gives an entry of by an index (z_i) and never uses alone: the vector named
        z_1 (a layer's pre-activation), as a network's layers are numbered."""
        usage = getattr(self, "usage", None)
        if usage is None or not (value.is_vector or value.is_matrix) or value.row or value.misfit is not None \
                or self.notation.kind_of(letter) is not None or letter in self.stated:
            return False
        if not {x for x in value.expr.free_symbols if not isinstance(x, sp.Idx)} - set(self.sizes.values()):
            return False  # (numbers written out, Q_1 = (7/3, 2/3, 4/3): a point the words may work out, as before)
        letters = usage.subscript_letters.get(letter, set())
        return not any(re.fullmatch(r"[A-Za-z]", l) for l in letters) and not any(
            letter in uses for uses in (usage.entries, usage.transposed, usage.factors, usage.whole, usage.applied))

    def _default_only(self, name: str) -> bool:
        """A name whose meaning is the built-in default's, which the document never states."""
        defaults = default_notation()
        if self.stated.get(name, float("inf")) <= (self.line or 0) \
                or name in self.notation.definitions and name not in defaults.definitions:
            return False
        kind = self.notation.kind_of(name)
        if kind == "size":
            return defaults.kind_of(name) == "size" and name not in getattr(self, "declared_names", ())
        if kind == "vector":
            return defaults.vectors.get(name) == self.notation.vectors[name]
        if kind == "scalar":
            return name in defaults.scalars
        if kind == "function":
            # sigma = ln(1 + e^rho): a default function (the logistic sigma) the document never applies to an
            # argument, defined as a number
            usage = getattr(self, "usage", None)
            return name in defaults.functions and defaults.functions[name] == self.notation.functions.get(name) \
                and usage is not None and name not in usage.applied and name not in usage.primed
        return False

    def _index_defined(self, left: str, right: str) -> None:
        """i = \\sigma(a_i): an index letter the document defines by a formula (an LSTM's input gate) is a
        name of its own there, and a_i may carry it as a label: every formula writing the letter is refused."""
        letter = left.strip()
        if not re.fullmatch(r"[a-z]", letter) or not self.notation.size_of_index(letter) or letter in self.conflicts:
            return
        start = re.fullmatch(r"\s*(\d+)\s*,\s*(?:\d+\s*,\s*){0,3}(?:\\[lc]?dots|\\ldots|\.\.\.|…)"
                             r"(?:\s*,\s*(?:[A-Za-z]|\d+)(?:\s*[+-]\s*\d+)?)?\s*[.,;]?\s*", right)
        if start:
            # "for j = 0, ..., N", "for k = 0, 1, 2, \dots": the letter's range, no definition; from 0, a free j (read
            # from 1) is refused
            if int(start.group(1)) == 0:
                self.zero_start.setdefault(letter, self.line)
            return
        if not re.search(r"\\[A-Za-z]+|[A-Za-z]{2,}|\(", right) or re.fullmatch(r"\s*[a-z]\s*[+-]?\s*\d*\s*", right) \
                or re.fullmatch(r"\s*[a-z]\s*\^\s*(?:\{\s*(?:\\star|\\ast|\*)\s*\}|\\star|\\ast|\*)\s*", right):
            return  # i = j, i = k + 1, j = i^\star: a relation of indices, not a definition
        self.conflicts[letter] = (f"{letter} is an index letter, and line {self.line} defines it by a formula "
                                  f"({letter} = {' '.join(right.split())[:40]}): a name or an index? rename one of them")

    def _drawn_from_a_formula(self, left: str) -> bool:
        """"so $\\hat\\alpha = \\frac{5}{\\ln 36}$" of an alpha-hat = n / T defined before: a number the words draw from
        the earlier formula (at data derive may not read), never its definition: a claim about it (and the formula
        stays in force, where no other chain gives the name a formula). True for such a chain."""
        key = lone_name_key(left)
        value = self.values.get(key) if key is not None else None
        expr = getattr(value, "expr", None)
        if value is None or not isinstance(expr, sp.Basic) or not expr.free_symbols or self.line is None \
                or not self._in_force(key) or (self.defined_at.get(key) or self.line) >= self.line:
            return False
        if getattr(self, "formula_lefts", {}).get(key, 0) > 1:
            # (tau = -b/(a^2 + b^2) and tau = b/c^2 both written: which one the number is drawn from is not read; the
            # meaning in force ends here, and the number defines nothing)
            self.defined_until[key] = min(self.defined_until.get(key, float("inf")), self.line)
        return True

    def _end_for_a_new_example(self, left: str, right: str) -> bool:
        """"For $f(x) = \\frac{1}{2} x^2$ ... With a curvature $a > 0$, $f(x) = \\frac{a}{2} x^2$": words that open a new
        example give a function the document defined before another formula. The earlier meaning ends there (the
        displays before keep it), and the new one is not read: a claim after it about f is unknown, never checked
        against the earlier f; on the line of both, neither is known. True when an earlier meaning was ended."""
        head = self._definition_head(left)
        lone = _LONE_NAME.fullmatch(left) if head is None else None
        if lone is not None and self.line is not None and len(names_in(left)) == 1:
            # W = e^x 2 e^{2x} - e^x e^{2x} of "a second example", after W = y_1 y_2' - y_1' y_2 of the first
            (name,) = names_in(left)
            numbered = re.search(r"_\s*\{?\s*(\d+)\s*\}?", left)
            key = f"{symbol_name(name)}_{numbered.group(1)}" if numbered else symbol_name(name)
            if key in self.values and self._in_force(key) and self.defined_at.get(key, self.line) < self.line:
                self.defined_until[key] = min(self.defined_until.get(key, float("inf")), self.line)
                return True
            return False
        if head is None or not self._plain_arguments(head[1]) or head[0] not in self.lambdas \
                or not self._in_force(head[0]) or self.line is None:
            return False
        name = head[0]
        if self.defined_at.get(name) == self.line:
            self.unsettled_lines.setdefault(name, set()).add(self.line)
        self.defined_until[name] = min(self.defined_until.get(name, float("inf")), self.line)
        return True

    def _forget_earlier_part(self, left: str, right: str, after: str = "") -> list:
        """A display of this part of the document defining a name an earlier part defined (f(x) = t^2 under
        question 1, f(x) = t^3 under question 2): the earlier meaning is dropped, so the display defines it
        anew instead of being checked as a claim against the earlier one. Returns what was dropped, for
        ``_restore`` when the display turns out to define nothing (sigma(z) = 0 "at z = 0")."""
        if self.part_start is None or self.line is None or (self.part_end is not None and self.line > self.part_end):
            return []  # (a display of a later part does not reach back into this one)
        head = self._definition_head(left)
        known = self.lambdas.get(head[0]) if head is not None else None
        at = self.defined_at.get(head[0]) if head is not None else None
        if isinstance(known, sp.Lambda) and not known.expr.free_symbols & set(known.variables) and at is not None \
                and any(at < h <= self.line for h in self.heading_lines) and not names_in(right) - NUMERIC_WORDS:
            # Q(s_1, R) = 1.8 under (a) and Q(s_1, R) = 1.1 under (b): a value at those arguments worked out in each
            # part, never a claim about the earlier part's
            dropped = []
            for table in (self.lambdas, self.lambda_domains, self.defined_at, self.defined_until):
                if head[0] in table:
                    dropped.append((table, head[0], table.pop(head[0])))
            return dropped
        if head is not None and not self._plain_arguments(head[1]):
            return []  # sigma(-x) = 1 - sigma(x): a claim about the function, no definition
        if self._partial_of_defined(left):
            return []  # f_x = 2xy + 4 under a later heading: a claim about f's partial derivative
        if head is not None and not names_in(left) - {head[0]} & (names_in(right) | names_in(after)):
            # f(z) = 9: the function's value at a point, no definition of it (D(x, y) = g_xx g_yy - g_xy^2 = 144 x^2 y^2
            # - 4 is one: the chain's last term holds x and y)
            return []
        numbered = _NUMBERED.match(left)
        if numbered:
            keys = {f"{symbol_name(numbered.group(1))}_{numbered.group(2) or numbered.group(3)}"}
        elif head is None and not names_in(right) - NUMERIC_WORDS:
            # z = 1 \cdot 2 - 1 under a later heading, of a z = w^T x + b before: the formula's value worked out at
            # an example's numbers, a claim about it (a name that was a number, eta = 0.1, is given a new one)
            keys = {k for name in names_in(left) for k in (name, symbol_name(name.rstrip("'")))
                    if len(names_in(left)) == 1 and not self._worked_out(k)}
        else:
            names = {head[0]} if head is not None else set(names_in(left)) if len(names_in(left)) == 1 else set()
            keys = {k for name in names - names_in(right) for k in (name, symbol_name(name.rstrip("'")))}
        # (T_2(x) = ... of a family the recurrence T_{n+1}(x) = ... defines: its term worked out, a claim about it)
        keys = {k for k in keys if not (re.fullmatch(r"(\\?[A-Za-z]+)_\d+", k) and k.rsplit("_", 1)[0] in self.families)}
        dropped = []
        for k in keys:
            at = self.defined_at.get(k)
            topics = self.topic_lines if head is not None and not numbered else []
            if at is None or not any(at < h <= self.line for h in self.heading_lines + topics):
                continue  # (defined under the same heading, and for a function the same topic: a claim about it)
            if isinstance(self.lambdas.get(k), sp.Lambda):
                # I(mu) = ..., then I(theta) = ...: where the document writes I(mu) again, the new function at mu, or
                # the earlier one (a function named by its argument)? see read.document, _reparametrised
                self.earlier_variables.setdefault(k, set()).update(str(v) for v in self.lambdas[k].variables)
            for table in (self.lambdas, self.lambda_domains, self.values, self.shallow, self.shallow_vectors,
                          self.matrix_values, self.vector_functions, self.entry_functions, self.matrix_functions,
                          self.matrix_valued, self.size_sequences, self.entry_formulas, self.parametric,
                          self.redefined, self.defined_at, self.defined_until):
                if k in table:
                    dropped.append((table, k, table.pop(k)))
            if k in self.overrides:
                self.overrides.discard(k)
                dropped.append((self.overrides, k, None))
        return dropped

    def _new_formula_unread(self, terms, dropped: list):
        """(the function's name, why) where a display of a later part gives a function an earlier part defined a new
        formula, at plain arguments, that is not read (D(x, y) = g_{xx} g_{yy} - g_{xy}^2); else None."""
        head = self._definition_head(terms[0][0])
        if head is None or not self._plain_arguments(head[1]) or symbol_name(head[0]) not in {k for _, k, _ in dropped}:
            return None
        try:
            self.read(terms[1][0])
        except FormulaError as exc:
            return head[0], str(exc)
        except RecursionError:
            return head[0], "too deeply nested"
        return None

    def _worked_out(self, key: str) -> bool:
        """Whether the name is defined by a formula in other quantities (z = w^T x + b), whose number an example may
        work out: not a number itself."""
        value = self.values.get(key)
        expr = getattr(value, "expr", None)
        return isinstance(expr, sp.Basic) and bool(expr.free_symbols or expr.atoms(sp.Indexed))

    def _restore(self, dropped: list) -> None:
        for table, k, value in dropped:
            if isinstance(table, set):
                table.add(k)
            else:
                table[k] = value

    def _start_changed(self, dropped: list) -> None:
        """p_0 = 5 under a later heading, where p_t = gamma p_{t-1} + g_t was unrolled from an earlier p_0: the
        unrolled terms hold the old start, so none of them is read from here on.

        And a name each part defines anew (g(x) = 1/x for one estimator, g(x) = sqrt(x) for the next) holds until
        the next part: where a later part uses it without defining it, which of its meanings is meant is not read."""
        after = [h for h in self.heading_lines if h > self.line and h not in self.part_lines]  # (not (a), (b))
        for _, k, _ in dropped:
            if after and (k in self.values or k in self.lambdas):
                self.defined_until[k] = min(self.defined_until.get(k, after[0]), after[0])
        for _, k, _ in dropped:
            base, _, digits = k.rpartition("_")
            if digits == "0" and base in self.recurrences:
                for label in [v for v in self.values if v.startswith(f"{base}_") and v[len(base) + 1:].isdigit()
                              and v != k]:
                    self.values.pop(label, None)
                    self.shallow.pop(label, None)
                    self.label_conflicts[label] = (f"{label} is unrolled from the start value {k} of line "
                                                   f"{self.recurrences[base][1]}, which line {self.line} sets anew: "
                                                   "not read")

    def _function_heads(self, chains) -> set[str]:
        """The undeclared letters a display defines as functions, f(x) = ... at the head of its chain: functions
        wherever else they stand (\\nabla_w J after J(w) = ...), never typed as matrices from J(w)."""
        out = set()
        for chain in chains:
            terms, relations = chain[0], chain[1]
            if len(terms) < 2 or not relations or relations[0] not in ("=", ":="):
                continue
            head = self._definition_head(terms[0][0])
            if head is None or self.notation.kind_of(head[0]) is not None:
                continue
            # its arguments plain names (f(x), J(w), u(x, y)): A(B + C) = AB + AC is a claim about a product
            if self._plain_arguments(head[1]):
                out.add(head[0])
        return out

    def _plain_arguments(self, nodes) -> bool:
        """f(x), J(w), u(x, y): every argument a plain name."""
        args = [a for a in nodes if not isinstance(a, Token)]
        return bool(args) and all(node_kind(a) in ("product", "item") and len(self._entries(a)) == 1
                                  and not item_scripts(self._entries(a)[0].item)
                                  and node_kind(item_base(self._entries(a)[0].item)) in ("letter", "command", "font")
                                  for a in args)

    def _definition_head(self, left: str):
        """(f, the argument nodes, the argument node, the entry letter) for a left side f(x), f(x, y) or
        f(z)_i (a vector-valued f by its entry i; else the letter is None); else None."""
        try:
            tree = parser().parse(left)
        except (LarkError, FormulaError):
            return None
        try:
            entries = self._entries(tree) if node_kind(tree) in ("product", "item") else []
        except FormulaError:
            return None  # (dx dy: letters that are no head of anything)
        if len(entries) == 2 and entries[1].op is None:
            bold = _bold_letter(item_base(entries[0].item))
            if bold is not None:  # \mathbf{u}(\mathbf{g}) = ...: the function u, set in bold as its values are
                entries[0] = dataclasses.replace(entries[0], item=Tree("item", [bold, *item_scripts(entries[0].item)]))
        if len(entries) != 2 or entries[1].op is not None \
                or node_kind(item_base(entries[0].item)) not in ("letter", "command", "text", "accent") \
                or node_kind(item_base(entries[1].item)) not in ("paren", "paren_params"):
            return None
        first = item_base(entries[0].item)
        if node_kind(first) == "accent":
            # \mathcal{L}(p, \lambda) = ...: a Lagrangian, a name of its own; \hat r(y) = ..., an estimate's function;
            # x^\star(t) = ..., the optimum as a function of a parameter
            inner = script_word(first.children[1])
            accent = str(first.children[0])
            # (never \mathcal{N}(x; \mu, \sigma^2), the normal density, nor another law's name: N, U, B, P, E)
            if accent not in ("\\mathcal", "\\mathscr", "\\hat", "\\widehat", "\\tilde", "\\widetilde", "\\bar", "\\star") \
                    or not inner or item_scripts(entries[0].item) \
                    or item_scripts(entries[1].item) or accent in ("\\mathcal", "\\mathscr") and inner in (
                        "N", "U", "B", "P", "E", "D", "O"):
                return None
            return accented(str(first.children[0]), inner), item_base(entries[1].item).children, \
                item_base(entries[1].item), None
        # H_\delta(r) = ..., \operatorname{swish}_\beta(x) = ...: a function named with its parameter as a label
        label = function_label(item_scripts(entries[0].item))
        if item_scripts(entries[0].item) and (label is None
                                              or any(sc.data == "prime" for sc in item_scripts(entries[0].item))):
            return None  # (f'(x) = ... defines nothing)
        suffix = f"_{label}" if label else ""
        entry = None
        scripts = item_scripts(entries[1].item)
        if scripts:
            # f(z)_i = ...: entry i of a vector-valued f; any other script (f(x)^2 = ...) makes a claim
            inner = scripts[0].children[1] if len(scripts) == 1 and scripts[0].data == "sub_script" else None
            entry = _plain_letter(inner)
            if entry is None or not self.notation.size_of_index(entry):
                return None
        first = item_base(entries[0].item)
        if node_kind(first) == "text":
            # \operatorname{LReLU}(x) = ...: a name of several letters the document defines (no built-in one,
            # unless the built-in's meaning varies between authors: a softmax with a temperature)
            name = node_word(first)
            if not name or not (name[0].isalpha() and name.isalnum() and name.isascii()) \
                    or str(first.children[0]).startswith(("\\text", "\\mbox")) \
                    or (name in BUILTIN_FUNCTIONS and not suffix and not self._redefinable(name)) \
                    or (name in UNREAD_WORDS and name not in DEFINABLE_WORDS):
                return None
            return name + suffix, item_base(entries[1].item).children, item_base(entries[1].item), entry
        name = str(first.children[0])
        if name.startswith("\\") and (name[1:] not in GREEK or name == "\\pi"):
            return None
        if self._at_random_variable(item_base(entries[1].item)):
            # h(X) = ..., X a random variable: an entropy or a moment of its law, no function of its value
            self.law_functionals.add(name)
            return None
        return name + suffix, item_base(entries[1].item).children, item_base(entries[1].item), entry

    def _at_random_variable(self, arguments) -> bool:
        """f(X), X a random variable the prose gives a law: what f(X) = ... defines is a property of X's law."""
        randoms = {symbol_name(s.name) for s in getattr(self, "law_statements", ())}
        if not randoms:
            return False
        return any(symbol_name(n) in randoms for a in arguments.children if not isinstance(a, Token)
                   for n in names_under(a))

    def _read_definition(self, args, right: str):
        """(the argument, the body) of f(x) = right, read with the argument bound (see _bound); None where either
        is not read."""
        try:
            with self._bound(args):
                return self._expr(args[0], {}), self.read(right)
        except FormulaError:
            return None

    def _as_number(self, letter: str, args, right: str):
        """(variable, body) of a definition read with its argument ``letter`` a number, where the body then reads as
        a number too; else None."""
        saved = self.notation
        self.notation = saved.without({letter})
        try:
            read = self._read_definition(args, right)
        finally:
            self.notation = saved
        if read is None:
            return None
        variable, body = read
        if variable.is_vector or type(variable.expr) is not sp.Symbol or not isinstance(body, V.Value) or body.is_vector \
                or body.is_matrix or body.row or body.misfit is not None:
            return None
        return variable, body

    @contextlib.contextmanager
    def _bound(self, args):
        """The plain letters a definition binds (v of l(mu, v) = ...): while its arguments and body are read they
        are the definition's own variables, never the numbers the document gave the same letters ("the variance
        $v = \\sigma^2$"), and numbers, never random variables (M(t) = E[e^{tX}]); a letter the document made a vector
        or matrix keeps that shape."""
        hidden, fixed = [], set()
        randoms = {symbol_name(s.name) for s in getattr(self, "law_statements", ())}
        for a in args:
            if isinstance(a, Token):
                continue
            words = names_under(a)
            if len(words) != 1:
                continue
            key = symbol_name(next(iter(words)))
            if key not in randoms:
                fixed.add(key)  # (M(t) = E[e^{tX}]: t is M's argument, a number, never a random variable)
            value = self.values.get(key)
            if value is None or not isinstance(value, V.Value) or value.is_vector or value.is_matrix or value.row:
                continue
            for table in (self.values, self.shallow):
                if key in table:
                    hidden.append((table, key, table.pop(key)))
        before = self.fixed_names
        self.fixed_names = set(before) | fixed
        try:
            yield
        finally:
            self.fixed_names = before
            for table, key, value in hidden:
                table[key] = value

    def _described_functions(self) -> None:
        """"$\\Phi$ is the standard normal CDF": the function the words name, in the whole document."""
        for n, (_, _, body) in self.described_functions.items():
            if n in self.lambdas or self.notation.kind_of(n) not in (None, "function"):
                continue
            u = sp.Symbol("u", real=True)
            self.lambdas[n] = sp.Lambda(u, body(u))
            self.lambda_domains[n] = (u, ())
            self.defined_at[n] = 0
            self.function_letters.add(n)
            self.scalar_letters.discard(n)

    def _define(self, left: str, right: str) -> str | None:
        """f(x) = formula, f an undeclared letter and x a plain letter: f is that formula from here on."""
        logged = _LOG_OF_APPLIED.fullmatch(left)
        if logged:
            # \log p(x) = formula (a log-density, a log-likelihood): p(x) is the exponential of the formula
            return self._define(logged.group(1), f"\\exp\\left({right}\\right)")
        head = self._definition_head(left)  # \phi(x) = ... and \ell(z) = ... define as f(x) = ... does
        if head is None:
            return None
        name, args, node, entry = head
        if name in self.case_defined or self._family_member(name):
            return None
        if name in DEFINABLE_WORDS and not (names_in(left[left.find("(") + 1:left.rfind(")")]) - NUMERIC_WORDS
                                             <= names_in(right)):
            # KL(p \| q) = log(s_2 / s_1) + ...: p and q name laws its formula does not hold (KL(q \| p) would be the
            # same formula): no function of its arguments, and KL stays refused
            return None
        if not names_in(right) - NUMERIC_WORDS and re.search(r"[-+*/^]|\\frac|\\cdot", right) \
                and re.fullmatch(r"\s*\(\s*[a-z](?:\s*,\s*[a-z])*\s*\)\s*", left[left.find("("):] if "(" in left else ""):
            # H(p) = \frac{1}{2} \cdot 1 + \frac{1}{4} \cdot 2 = \frac{7}{4}: the function at an example's point, worked
            # out in numbers, never a function constant in p
            return None
        if node_kind(node) == "paren_params":
            return None if entry is not None else self._define_with_parameters(name, args, right)
        redefined = self._redefinable(name)
        known = self.lambdas.get(name)
        if isinstance(known, sp.Lambda) and len(args) > 1 and len(known.variables) != len(args) and not redefined \
                and entry is None and self._in_force(name) and len(args) not in self.overloads.get(name, {}):
            # H(p) = ..., then H(p, q) = ...: one name for functions of different numbers of arguments (entropy and
            # cross-entropy), each read where it is applied to its own number of arguments
            defined = self._define_several(name, args, right)
            if defined:
                self.overloads.setdefault(name, {})[len(known.variables)] = known
            else:
                self.lambdas[name] = known
            return defined
        if name in self.lambdas or (self.notation.kind_of(name) is not None and not redefined) or name == "e" \
                or (name == "d" and (len(args) < 2 or entry is not None)):
            return None  # (d(y, mu) = ..., of two arguments or more, is no differential: a function d)
        if entry is not None:
            return self._define_by_entry(name, args, entry, right, redefined)
        if redefined and self._builtin_kind(name) not in V.SCALAR_FUNCTIONS:
            return None  # softmax(z) = ... as a whole: the premise of the steps that use it (see read.document)
        if not redefined and symbol_name(name) not in self.values and self._of_matrices(args):
            return self._define_at_own_matrices(name, args, right)
        if len(args) > 1:
            return None if redefined else self._define_several(name, args, right)
        marked = [a for a in args if not isinstance(a, Token) and node_kind(a) in ("product", "item")
                  and any(node_kind(item_base(e.item)) == "accent"
                          or any(sc.data == "sup_script" for sc in item_scripts(e.item)) for e in self._entries(a))]
        if marked:
            return None  # f(x^\ast) = x^\ast, f(\hat x) = ...: the function at a marked point, never f everywhere
        read = self._read_definition(args, right)
        if read is None:
            return None
        variable, body = read
        words = names_under(args[0]) if not isinstance(args[0], Token) else set()
        letter = symbol_name(next(iter(words))) if len(words) == 1 and type(variable.expr) is not sp.Symbol else None
        if variable.is_vector and letter is not None and letter not in self.stated and not redefined \
                and self.notation.kind_of(letter) == "vector" and letter not in getattr(self, "typed_from_use", {}) \
                and not re.search(r"(?<![A-Za-z\\])" + re.escape(letter) + r"\s*_", right):
            # p(x) = 2x^4 - 3x^3 + 5x - 7 of an x that is a vector only by default (or from its use elsewhere): the
            # argument is the definition's own variable, a number wherever the formula reads so
            scalar = self._as_number(letter, args, right)
            if scalar is not None:
                variable, body = scalar
        if redefined:
            return self._redefine(name, variable, body)
        if isinstance(variable.expr, sp.Indexed) and not variable.is_vector and not body.is_vector \
                and not body.row and len(variable.expr.indices) == 1 and isinstance(variable.expr.indices[0], sp.Idx):
            # g(\theta_i) = formula in i: g is defined on the entries of \theta, entry by entry
            entry = variable.expr
            self.entry_functions[name] = (entry.base, entry.indices[0], body.expr)
            self.lambdas[name] = sp.Lambda(sp.Dummy("u", real=True), sp.S.Zero)  # a placeholder: never applied
            self.lambda_domains[name] = (entry, body.domain)
            self.defined_at[name] = self.line
            self.function_letters.add(name)
            self.scalar_letters.discard(name)
            return name
        if variable.is_vector and not variable.row and isinstance(variable.expr, sp.Indexed) \
                and variable.expr.indices == (V.entry_index(variable.size),):
            return self._define_on_vector(name, variable, body, right)
        if isinstance(variable.expr, sp.Idx) and isinstance(body, V.Value) and not (
                body.is_vector or body.is_matrix or body.row) and body.misfit is None \
                and variable.expr in body.expr.free_symbols:
            # P_s(j) = e^{s_j} / \sum_k e^{s_k}, j an index letter: a function of the index, its entry's formula
            return self._function_of(name, variable.expr, body)
        if type(variable.expr) is not sp.Symbol or variable.is_vector:
            return None
        if isinstance(body, V.Value) and body.is_matrix and body.misfit is None and body.size.is_Integer \
                and body.cols.is_Integer:
            # R(\alpha) = \begin{pmatrix} \cos \alpha & ... \end{pmatrix}: a matrix of numbers written out, at alpha
            self.matrix_valued[name] = (variable.expr, body)
            self.lambdas[name] = sp.Lambda(sp.Dummy("u", real=True), sp.S.Zero)  # a placeholder: never applied
            self.lambda_domains[name] = (variable.expr, body.domain)
            self.defined_at[name] = self.line
            self.function_letters.add(name)
            self.scalar_letters.discard(name)
            return name
        if body.is_matrix or body.misfit is not None:
            return self._unusable_definition(name, name, body)
        if body.is_vector or body.row:
            return None
        if _applies(body.expr, {variable.expr}):
            return self._functional(name)
        if variable.expr not in body.expr.free_symbols and symbol_name(name) not in self.values:
            # \rho(M_J) = \sqrt{|a_{12} a_{21}| / (a_{11} a_{22})}, \rho(M_J) = \frac{1}{\sqrt{10}}: a formula free of the
            # argument is the value at that argument (\rho a spectral radius said in words), never \rho at every
            # argument (a constant function, f(x) = 3, is then read at x only: f(2) is refused, never misread)
            self.matrix_functions[name] = (variable,)
            self._keep_defined(symbol_name(name), body, right)
            self.defined_at[name] = self.line
            return name
        return self._function_of(name, variable.expr, body)

    def _function_of(self, name: str, variable, body) -> str:
        """name is the function variable -> body from this line on."""
        self.lambdas[name] = sp.Lambda(variable, body.expr)
        self.lambda_domains[name] = (variable, body.domain)
        self.defined_at[name] = self.line
        self.function_letters.add(name)
        self.scalar_letters.discard(name)
        return name

    def _define_past_unread(self, terms, relations) -> str | None:
        """D(q, p) = KL(Ber(q) || Ber(p)) = formula, whose middle side is not read: D is the first side after it
        that reads, a reading its uses name (they take the links between, which are not checked, as true)."""
        if len(terms) < 3 or relations[0] != "=":
            return None
        head = self._definition_head(terms[0][0])
        if head is None or node_kind(head[2]) == "paren_params" or head[3] is not None:
            return None
        try:
            with self._bound(head[1]):
                self.read(terms[1][0])
            return None  # the middle side reads: the first link is the definition, or none is
        except FormulaError as e:
            why = str(e)
        except RecursionError:
            return None
        for k in range(2, len(terms)):
            if relations[k - 1] != "=":
                return None
            try:
                name = self._define(terms[0][0], terms[k][0])
            except (RecursionError, FormulaError):
                name = None
            if name:
                self.defined_past[name] = (" ".join(terms[k][0].split()), why)
                return name
            try:
                with self._bound(head[1]):
                    self.read(terms[k][0])
            except FormulaError:
                continue  # not read either: the next side may be
            except RecursionError:
                return None
            return None  # read, yet no definition (a vector, a name defined before): none here
        return None

    def _redefinable(self, name: str) -> bool:
        """A built-in function's name with its default meaning (sigma, the logistic function; \\operatorname{softmax}),
        which no alias of the document replaced: the document may define it its own way (sigma(x) = 1/(1 + e^{-kx}),
        softmax(z)_i with a temperature)."""
        defaults = default_notation()
        if name in BUILTIN_FUNCTIONS and not name.startswith("\\"):
            return BUILTIN_FUNCTIONS[name] in REDEFINABLE and self.notation.kind_of(name) == defaults.kind_of(name) \
                and self.notation.functions.get(name) == defaults.functions.get(name)
        return self.notation.kind_of(name) == "function" and name in defaults.functions \
            and self.notation.functions.get(name) == defaults.functions[name] \
            and V.SCALAR_FUNCTIONS.get(defaults.functions[name]) is not None

    @staticmethod
    def _builtin_kind(name: str) -> str:
        """The built-in meaning of a redefinable name: sigmoid for sigma and for \\operatorname{sigmoid}."""
        return BUILTIN_FUNCTIONS[name] if name in BUILTIN_FUNCTIONS else default_notation().functions[name]

    def _redefine(self, name: str, variable, body) -> str | None:
        """sigma(x) = formula, other than the built-in sigma, with a parameter of its own (a slope k) or with words
        that give the name its meaning ("we write sigma for ...", "in this sheet"): sigma is that formula from here on. Otherwise the name keeps its usual
        reading, and the definition is a premise of the steps that use it (see read.document)."""
        x = variable.expr
        if type(x) is not sp.Symbol or variable.is_vector or variable.row or body.is_vector or body.row \
                or body.is_matrix or body.misfit is not None:
            return None
        usual = V.SCALAR_FUNCTIONS[self._builtin_kind(name)](x)
        if not self._differs(body.expr, usual, {x}):
            return None  # the usual function (or no words that make it the document's own): a premise to prove
        self.lambdas[name] = sp.Lambda(x, body.expr)
        self.lambda_domains[name] = (x, body.domain)
        self.defined_at[name] = self.line
        self.redefined[name] = self.line
        return name

    def _differs(self, body: sp.Expr, usual: sp.Expr, variables: set) -> bool:
        """A redefinition of a built-in function that is the document's own: a formula with a parameter of
        its own (a slope, a temperature) or under words that give the name its meaning ("we write sigma for
        ...", "in this sheet"), which differs from the usual function at one of a few rational points.
        Otherwise the name keeps its usual reading: 1/(1 + e^x) for sigma is a slip, 1/2 + tanh(u)/2 a wrong
        identity, and the definition is a premise of the steps that use it (see read.document)."""
        others = sorted({s for s in body.free_symbols - variables if not isinstance(s, sp.Idx)}, key=str)
        stated = {symbol_name(n) for n in self.stated} | self.said_names
        # (a parameter counts where the prose says what it is, "$T > 0$ is a temperature": else it may be a slip)
        if (not others or not all(str(o) in stated for o in others)) and self.line not in self.defining_lines:
            return False
        points = (sp.Rational(1, 3), sp.Rational(-5, 4), sp.Rational(7, 2))
        for n, at in enumerate(points):
            point = {x: points[(n + k) % 3] for k, x in enumerate(sorted(variables, key=str))}
            point.update({o: sp.Rational(2 + n + k, 3) for k, o in enumerate(others)})
            try:
                gap = sp.N((body - usual).xreplace(point).doit(), 30)
            except (TypeError, ValueError, ZeroDivisionError):
                return False
            if not gap.is_number or not gap.is_real:
                return False
            if abs(gap) > 1e-20:
                return True
        return False

    def _define_by_entry(self, name: str, args, entry: str, right: str, redefined: bool) -> str | None:
        """f(z)_i = formula in i, z a vector: f is the vector-valued function of vectors of z's length whose
        entry i is the formula (f(z) the vector, f(2z)_j its entry j at 2z). A built-in name (softmax) is
        redefined so only where the formula is the document's own (a temperature, see _differs)."""
        if len(args) != 1:
            return None
        try:
            variable = self._expr(args[0], {})
            body = self.read(right)
        except FormulaError:
            return None
        if not variable.is_vector or variable.row or not isinstance(variable.expr, sp.Indexed) \
                or variable.expr.indices != (V.entry_index(variable.size),) \
                or body.is_vector or body.row or body.is_matrix or body.misfit is not None:
            return None
        index = self.free_index(entry)
        length = self.size_symbol(self.notation.size_of_index(entry))
        if length != variable.size or index not in body.expr.free_symbols \
                or any(isinstance(s, sp.Idx) and s != index for s in body.expr.free_symbols):
            return None  # its entries run over another range, or depend on another free index: not read
        at = {index: V.entry_index(length)}
        expr = body.expr.xreplace(at)
        base = variable.expr.base
        if redefined:
            kind = self._builtin_kind(name)
            if kind not in ("softmax", "logsoftmax"):
                return None
            usual = unfold((V.softmax_of if kind == "softmax" else V.log_softmax_of)(variable).expr)
            # compared entry by entry at a length of 3, the vector's entries made numbers' names
            entries = [sp.Symbol(f"_z{k}", real=True) for k in (1, 2, 3)]

            def at_three(e: sp.Expr, k: int) -> sp.Expr:
                e = e.xreplace({V.entry_index(length): k}).xreplace({length: 3}).doit()
                return e.replace(lambda a: isinstance(a, sp.Indexed) and a.base == base and a.indices[0].is_Integer,
                                 lambda a: entries[int(a.indices[0]) - 1])

            if not any(self._differs(at_three(expr, k), at_three(usual, k), set(entries)) for k in (1, 2, 3)):
                return None
            self.redefined[name] = self.line
        self._function_of_vector(name, variable, expr, tuple(c.xreplace(at) for c in body.domain), body.domain, length)
        return name

    def _function_of_vector(self, name: str, variable, entry, domain, variable_domain, out) -> None:
        """Record name as a function of the vector ``variable``: its value's ``entry`` (its entry at the
        placeholder index when ``out``, the length of its values, is given), read apart where it is applied."""
        self.vector_functions[name] = (variable.expr.base, variable.size, entry, domain, out)
        self.lambdas[name] = sp.Lambda(sp.Dummy("u", real=True), sp.S.Zero)  # a placeholder: f(v) is read apart
        self.lambda_domains[name] = (variable.expr, variable_domain)
        self.function_letters.add(name)
        self.scalar_letters.discard(name)
        self.defined_at[name] = self.line

    def _define_on_vector(self, name: str, variable, body, right: str) -> str | None:
        """J(w) = formula, w a vector: J is that number-valued function of vectors of w's length; J alone
        is J(w) (\\nabla_w J), and J(v) is the formula with v put for w entry by entry."""
        if body.is_matrix or body.misfit is not None:
            return self._unusable_definition(name, name, body)
        if body.is_vector and not body.row and symbol_name(name) not in self.values:
            # u(g) = c g / \|g\|: the vector-valued function whose entry is the formula's, as u(g)_i = ... defines
            self._function_of_vector(name, variable, body.expr, body.domain, body.domain, body.size)
            self._keep_defined(symbol_name(name), body, right)  # (u alone is u(g): \partial u / \partial g)
            self.defined_at[name] = self.line
            return name
        if body.is_vector or body.row or symbol_name(name) in self.values:
            return None
        self._function_of_vector(name, variable, body.expr, body.domain, body.domain, None)
        # (m_\tau(x) = ...: its value m_\tau is read under the label m_tau, as any name with a Greek label)
        base, _, label = name.partition("_")
        key = f"{symbol_name(base)}_{label.lstrip(chr(92))}" if label else symbol_name(name)
        self._keep_defined(key, body, right)
        self.defined_at[name] = self.line
        return name

    def _keep_defined(self, key: str, value, right: str, entry: str | None = None) -> None:
        """A defined name's value, and its formula with the defined names it uses kept as names (for a
        derivative through it; a vector's by its entry), from this line on."""
        self._shallow = True
        try:
            kept = self.read(right)
            if entry is not None and not (kept.is_vector or kept.is_matrix or kept.row):
                at = {self.free_index(entry): V.entry_index(value.size)}
                kept = V.Value(kept.expr.xreplace(at), value.size, kept.conventions)
            if not value.is_vector:
                self.shallow[key] = kept.expr
            elif not value.row and not value.is_matrix and kept.is_vector and kept.size == value.size \
                    and kept.misfit is None:
                self.shallow_vectors[key] = kept
        except FormulaError:
            pass
        finally:
            self._shallow = False
        self.values[key] = value
        self.defined_at[key] = self.line

    def _of_matrices(self, args) -> bool:
        """Whether the arguments written are the names of matrices the document declares (W; U, V), with at most
        vectors beside them (L(W, b)), or of two vectors or more (D(\\mu, \\sigma))."""
        kinds = []
        for a in args:
            text = a.children[0] if isinstance(a, Tree) and node_kind(a) == "product" and len(a.children) == 1 \
                and not item_scripts(a.children[0]) else None
            base = item_base(text) if text is not None else None
            word = node_word(_bold_letter(base) or base) if base is not None else None
            kinds.append(self.notation.kind_of(word) if word else None)
        if ("matrix" in kinds or len(kinds) > 1) and all(k in ("matrix", "vector") for k in kinds):
            return True
        # J(w, b) of a declared vector w and a number b: J is that number at those arguments too
        return len(kinds) > 1 and any(k in ("matrix", "vector") for k in kinds) and all(
            k in ("matrix", "vector", "scalar") or k is None and self._plain_letter(a) for k, a in zip(kinds, args))

    @staticmethod
    def _plain_letter(arg) -> bool:
        """Whether an argument as written is one plain letter (b, \\lambda), no formula."""
        text = arg.children[0] if isinstance(arg, Tree) and node_kind(arg) == "product" and len(arg.children) == 1 \
            and not item_scripts(arg.children[0]) else None
        return text is not None and node_kind(item_base(text)) in ("letter", "command") \
            and node_word(item_base(text)) is not None

    def _define_at_own_matrices(self, name: str, args, right: str) -> str | None:
        """L(W) = \\|X W - Y\\|_F^2, L(U, V) = ... of declared matrices (or vectors, two or more): L is that number,
        read as L alone or as L at those same matrices (\\partial L / \\partial W_{kj} differentiates the formula); at other arguments it is
        not read."""
        try:
            points = tuple(self._expr(a, {}) for a in args)
            body = self.read(right)
        except FormulaError:
            return None
        if isinstance(body, MatrixTerm) or body.is_vector or body.row or body.is_matrix or body.misfit is not None:
            return None
        self.matrix_functions[name] = points
        self._keep_defined(symbol_name(name), body, right)
        self.defined_at[name] = self.line
        return name

    def _define_several(self, name: str, args, right: str) -> str | None:
        """u(x, y) = formula, with distinct plain letters: u is that function of its arguments."""
        try:
            with self._bound(args):
                variables = [self._expr(a, {}) for a in args]
                body = self.read(right)
        except FormulaError:
            return None
        symbols = [v.expr for v in variables]
        if any(type(x) is not sp.Symbol or v.is_vector for x, v in zip(symbols, variables)) \
                or len(set(symbols)) != len(symbols) or len(symbols) > 4:
            return None
        if _applies(body.expr, set(symbols)):
            return self._functional(name)
        if body.is_vector or body.row or body.is_matrix or body.misfit is not None:
            return None
        if isinstance(body.expr, sp.Basic) and body.expr.free_symbols and not body.expr.free_symbols & set(symbols):
            # D(p, q) = log(s_2 / s_1) + ...: p and q name what the formula's other names are parameters of (two
            # laws), not numbers it is a function of; read as a constant, D(q, p) would be the same formula
            self.conflicts[name] = (f"{name} is defined on line {self.line} by a formula that holds none of its "
                                    f"arguments; it is not read as a function of them (write the formula where it is used)")
            return name
        self.lambdas[name] = sp.Lambda(tuple(symbols), body.expr)
        self.lambda_domains[name] = (tuple(symbols), body.domain)
        self.defined_at[name] = self.line
        self.function_letters.add(name)
        self.scalar_letters.discard(name)
        return name

    def _define_with_parameters(self, name: str, args, right: str) -> str | None:
        """g(x; w) = formula, x and the parameters w plain letters: g is that formula of x, with its
        parameters as written (g(a; v) puts a for x and v for w; g(a) keeps w)."""
        at = next(n for n, c in enumerate(args) if isinstance(c, Token) and c.type == "SEMI")
        before, after = args[:at], args[at + 1:]
        if len(before) != 1 or name in self.lambdas or self.notation.kind_of(name) is not None or name in ("e", "d"):
            return None
        try:
            with self._bound(args):
                variable = self._expr(before[0], {})
                params = [self._expr(a, {}) for a in after]
                body = self.read(right)
        except FormulaError:
            return None
        names = [variable.expr, *(p.expr for p in params)]
        if any(type(n) is not sp.Symbol for n in names) or any(v.is_vector or v.row for v in (variable, *params)) \
                or len(set(names)) != len(names) or body.is_vector or body.row or body.misfit is not None \
                or body.is_matrix:
            return None
        self.parametric[name] = (tuple(names), body.expr, body.domain)
        self.lambdas[name] = sp.Lambda(variable.expr, body.expr)  # g(a): its parameters as written
        self.lambda_domains[name] = (variable.expr, body.domain)
        self.defined_at[name] = self.line
        self.function_letters.add(name)
        self.scalar_letters.discard(name)
        return name

    def _functional(self, name: str) -> str:
        """G(f) = f(-1) + f(1): G takes a function, which its formula applies; a definition (not checked) whose later
        uses are refused, never read as a function of a number."""
        self.conflicts[name] = (f"{name} is defined on line {self.line} as a function of a function (its formula applies "
                                "its argument); such a definition is not read: write the formula where it is used")
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
        if self.line is None:
            return True
        if self.line in self.unsettled_lines.get(name, ()):
            return False
        at = self.defined_at.get(name, 0)
        if at and any(start <= at <= end < self.line for start, end in getattr(self, "example_topics", ())):
            return False  # (f defined in "Example 3", used in "Example 4": that example's own f, which is not known)
        return at <= self.line < self.defined_until.get(name, float("inf"))


_LOG_OF_APPLIED = re.compile(r"\s*\\(?:log|ln)\s*((?:[A-Za-z]|\\[A-Za-z]+)\s*(?:\\left\s*)?\((?:[^()]|\([^()]*\))*\)\s*(?:\\right\s*)?)"
                             r"\s*")




def _applies(expr, variables: set) -> bool:
    """Whether the formula applies one of these variables as a function (f(-1) in G(f) = f(-1) + f(1))."""
    names = {str(v) for v in variables}
    return isinstance(expr, sp.Basic) and any(type(f).__name__ in names or str(f.func) in names
                                              for f in expr.atoms(sp.core.function.AppliedUndef))


def _bold_letter(node):
    """The letter (or Greek command) node a bold font wraps, \\mathbf{u} or \\boldsymbol{\\pi}; else None."""
    if node_kind(node) != "font" or str(node.children[0]) not in ("\\mathbf", "\\boldsymbol", "\\bm"):
        return None
    inner = node.children[1]
    while isinstance(inner, Tree) and inner.data in ("group", "product", "item") and len(inner.children) == 1:
        inner = inner.children[0]
    return inner if node_kind(inner) in ("letter", "command") else None


def _plain_letter(node) -> str | None:
    """The letter a subscript is, i in f(z)_i or f(z)_{i}; None for anything else."""
    if node is None:
        return None
    node = node.children[0] if node_kind(node) == "group" and len(node.children) == 1 else node
    node = node.children[0] if node_kind(node) == "product" and len(node.children) == 1 else node
    node = item_base(node) if node_kind(node) == "item" and not item_scripts(node) else node
    return str(node.children[0]) if node_kind(node) == "letter" else None


def _typed_readings(typed: dict[str, tuple]) -> list[Reading]:
    """The names typed from their use, those of one shape together: "$A$, $B$ are read as $n \\times n$
    matrices from their use (transposed, line 3; ...)"."""
    groups: dict[tuple, list[str]] = {}
    for name in sorted(typed, key=lambda n: (typed[n][3], n)):
        size, kind, _, _, ambiguous = typed[name]
        groups.setdefault((size, kind, ambiguous), []).append(name)
    out = []
    for (size, kind, ambiguous), names in groups.items():
        listed = ", ".join(f"${n}$" for n in names)
        many = len(names) > 1
        line = min(typed[n][3] for n in names)
        uses = "; ".join(dict.fromkeys(typed[n][2] if typed[n][3] == line else f"{typed[n][2]}, line {typed[n][3]}"
                                       for n in names))
        if kind == "vector":
            what = f"vectors of length {size}" if many else f"a vector of length {size}"
        else:
            what = f"{size} matrices" if many else f"{'an' if size[1].lower() in 'aefhilmnorsx' else 'a'} {size} matrix"
        if ambiguous:
            text = (f"{listed} {'are' if many else 'is'} not declared and only multiplied with capitals and numbers: "
                    f"read both as {'numbers' if many else 'a number'} and as {what}; the verdict is the one both "
                    "readings give")
        else:
            text = f"{listed} {'are' if many else 'is'} read as {what} from {'their' if many else 'its'} use ({uses})"
        out.append(Reading("inferred", text, line))
    return out


def _index_families(usage, notation: Notation, defaults: Notation, stated, row_families, sequences) -> dict:
    """x_i^\\top w, w^\\top x_i, \\|z - x_i\\|: a name with an index letter under it that the document uses as a
    vector, never declares, nor gives a meaning but a default one: a family of vectors x_1, ..., x_n, n the index's
    range (x -> (the index letter, the line of the first such use))."""
    out = {}
    for name, line in sorted(usage.labelled.items(), key=lambda kv: kv[1]):
        base, letter = name.rsplit("_", 1)
        kind = notation.kind_of(base)
        if not notation.size_of_index(letter) or base in out or base in stated or base in row_families \
                or base in sequences or name in usage.second_index or base in ("e", "d", "\\delta", "\\sum", "\\prod") \
                or not (re.fullmatch(r"[a-z]", base) or (base.lstrip("\\") in GREEK and base[1:2].islower())) \
                or len(usage.subscripts.get(base, (letter,))) != 1 or base in usage.applied or base in usage.primed \
                or any(other.rsplit("_", 1)[0] == base and not notation.size_of_index(other.rsplit("_", 1)[1])
                       for other in usage.labelled):
            continue  # (u_k beside a label vector u_o: the labels' reading, see _learn_label_vectors)
        if kind is not None and (kind not in ("vector", "scalar") or defaults.kind_of(base) != kind
                                 or (kind == "vector" and notation.vectors.get(base) != defaults.vectors.get(base))
                                 or base in notation.onehot or base in notation.definitions):
            continue  # (a name the notation file gives a meaning, or the one-hot label: its own)
        out[base] = (letter, line)
    return out


def _label_vectors(usage, notation: Notation) -> dict[str, int]:
    """The names with a label subscript (u_o) the document uses as vectors, with the line of the first such use.

    A subscript that is an index of the notation (x_i) or a name the notation declares is not a label.
    """
    out = {}
    for name, line in usage.labelled.items():
        base, letter = name.rsplit("_", 1)
        if notation.kind_of(base) is not None or notation.size_of_index(letter) or notation.size_name(letter) \
                or base in ("e", "d", "\\delta", "\\sum", "\\prod") or not (len(base) == 1 or base.lstrip("\\") in GREEK):
            continue
        out[name] = line
    return out
