"""What a document's prose states: declarations, conditions (cases) and their reach, inline mathematics.

The prose is read sentence by sentence, with the words around each piece of inline mathematics:

* declarations: ``Let $x \\in \\mathbb{R}^{N}$``, ``$W \\in \\mathbb{R}^{m \\times n}$``, "$c$ is a
  constant", "y is one-hot", "where $k$ is the index of the correct class", "Assume K classes";
* conditions: "Case 1: $k = i$", "if $i \\neq j$", "in the case where j ≠ i" -- a relation of two
  index letters after a word that opens a case. A case opened on its own (a "Case" heading, a
  sentence ending in a colon, a short paragraph) covers the displays after it until the next case,
  a heading, or words that leave the cases ("combine both cases", "putting it together", "in
  general"); a condition inside a longer sentence covers only that sentence's inline mathematics;
* every other piece of inline mathematics that holds a relation, with the words before it in its
  sentence, for the document reader to tell definitions, hypotheses and claims apart.

Nothing here reads a formula: only its written form is looked at. Whatever is not recognised is left
alone (a document is never misread because a sentence was not understood: its displays are then read
without it, and a step that needs what the sentence said stays unknown or is shown under a reading).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field, replace

from .prose import Paragraph
from .syntax import accented

__all__ = ["Condition", "inequalities", "Declaration", "InlineMath", "CaseScope", "Statements", "statements_of"]

_LETTER = r"(?:\\?[A-Za-z](?:_\{?[A-Za-z0-9]\}?)?)"
_NEQ = r"(?:\\neq|\\ne(?![a-zA-Z])|≠|!=|\\not=)"
# (in mathematics a Greek letter names a number too: $\varepsilon = 0$)
_GREEK_LETTER = r"(?:\\(?:alpha|beta|gamma|delta|epsilon|varepsilon|zeta|eta|theta|vartheta|iota|kappa|lambda|mu|nu|xi|" \
                r"rho|varrho|sigma|tau|upsilon|phi|varphi|chi|psi|omega)(?![A-Za-z]))"
# (j = i^\star: an index and a marked one, the maximiser; a condition derive does not read, but a condition)
_MARKED_LETTER = r"(?:[a-z]\s*\^\s*(?:\{\s*(?:\\star|\\ast|\*)\s*\}|\\star|\\ast|\*))"
_RELATION_MATH = re.compile(rf"^\s*({_LETTER}|{_GREEK_LETTER})\s*(=|{_NEQ})\s*({_MARKED_LETTER}|{_LETTER}|[-+]?\s*\d+)\s*[,.;:]?\s*$")
_RELATION_TEXT = re.compile(r"(?<![\w\\])([A-Za-z])\s*(=|≠|!=)\s*([A-Za-z]|-?\d+)(?![\w(.])")
# Words that open a condition for what follows them.
# "at $a = 0$ we have ...": the point the sentence's claims hold at (not "starts at $v_0 = 0$", a value)
_CONDITION_BEFORE = re.compile(r"\b(?:if|when|whenever|unless|provided(?:\s+that)?|assuming|iff|only\s+if)\s*$", re.I)
# "at $\\mathbf{x} = \\mathbf{0}$", "at $x = \\log 2$": a name at a value written without names (a point, not "vanishes at
# $t^\\ast = \\frac{a}{a + b}$", which says where)
_A_POINT = re.compile(r"[^=]*=(?:\s|\\(?:mathbf|boldsymbol|bm|log|ln|exp|sqrt|frac|dfrac|tfrac|pi|cdot)\b|[\d.,{}()+\-*/^])*")
_DATA_WORDS = re.compile(r"\b(?:points?|data|pairs?|observations?|samples?|examples?|inputs?|targets?|measurements?|"
                         r"readings?|scores?|counts?|observed|recorded|measured)\b[^$]*$", re.I)
_LONG_LIST = re.compile(r"\s*-?\d+(?:\.\d+)?(?:\s*,\s*-?\d+(?:\.\d+)?){2,}\s*[,.;]?\s*")  # "times $3, 1, 4, 2$": data
_DATA_LIST = re.compile(r"\s*-?\d+(?:\.\d+)?(?:\s*,\s*-?\d+(?:\.\d+)?)+\s*[,.;]?\s*")  # "data $2, 4, 9$"
_DATA_POINT = re.compile(r"\s*\(\s*-?\d+(?:\.\d+)?(?:\s*,\s*-?\d+(?:\.\d+)?)+\s*\)\s*[,.;]?\s*")
_AT_POINT = re.compile(r"(?<!\bstarts\s)(?<!\bstart\s)(?<!\bbegins\s)(?<!\bstarted\s)(?<!\binitialised\s)"
                       r"(?<!\binitialized\s)\bat\s*$", re.I)
_POINT_VALUE = re.compile(rf"\s*({_LETTER}|{_GREEK_LETTER})\s*=\s*(-?\s*(?:\d+\s*/\s*\d+|\d*\.\d+|"
                          r"\\[dt]?frac\s*(?:\{\s*\d+\s*\}|\d)\s*(?:\{\s*\d+\s*\}|\d)))\s*[,.;]?\s*")
# "$I_i = 1$ if trial $i$ succeeds", "$y = 0$ otherwise": a value given by a case in words
_WORDED_CASE = re.compile(r"\s*,?\s*(?:(?:if|when|whenever)\s+(?:the\s+|an?\s+|its\s+)?[A-Za-z]{2,}|otherwise\b|else\b)", re.I)
_ENTRY_VALUE = re.compile(r"\s*(\\?[A-Za-z]+)\s*(?:_\s*(?:\{\s*[a-z]{1,2}\s*\}|[a-z]))?\s*=\s*[-+]?\d+(?:\.\d+)?\s*")
# "Then $a = 0$", "so $L = \frac{1}{2}$": a value drawn from what came before, a claim
_DRAWN_VALUE = re.compile(r"(?:\b(?:then|hence|thus|therefore|gives?|giving|yields?|get|obtain|find|we\s+have)|"
                          r"\bso(?!\s+that))\s*,?\s*$", re.I)
# "$L = 1$ is also wrong", "$z = 0$ (correct)": words after an equation that judge it, a claim
_JUDGED_AFTER = re.compile(r"\s*(?:\(\s*)?(?:(?:is|are|was|would\s+be|is\s+then)\s+(?:also\s+|not\s+|simply\s+|clearly\s+|"
                           r"still\s+|just\s+|indeed\s+)*)?(?:wrong|incorrect|false|right|correct|true|off\b|"
                           r"an?\s+(?:slip|mistake|typo|error))", re.I)
_FRACTION_VALUE = re.compile(r"\s*(?P<sign>-)?\s*(?:(?P<decimal>\d*\.\d+)|(?P<a>\d+)\s*/\s*(?P<b>\d+)"
                             r"|\\[dt]?frac\s*\{\s*(?P<c>\d+)\s*\}\s*\{\s*(?P<d>\d+)\s*\})\s*")
# "when $k$ is $1$", "so $n$ equals $800$": a name, in words given the number that follows (see statements_of)
_WORDED_VALUE = re.compile(r"\$\s*(\\?[A-Za-z]+)\s*\$\s*(?:is|equals|is\s+equal\s+to|becomes)\s*$")
# "(D, H, C) = (64, 128, 10)": names given whole numbers, side by side
_TUPLE_VALUES = re.compile(r"\s*\(\s*((?:[A-Za-z]|\\[A-Za-z]+)(?:\s*,\s*(?:[A-Za-z]|\\[A-Za-z]+))+)\s*\)\s*=\s*"
                           r"\(\s*(-?\d+(?:\s*,\s*-?\d+)+)\s*\)\s*[,.;]?\s*")
_VALUE_CHAIN = re.compile(r"^\s*(?:[^=<>$]+=){2,}\s*(-?\d+)\s*$")
_CONJUNCTION = re.compile(r"\s*(?:,|,?\s*and|,?\s*or)\s*", re.I)
_START_VALUE = re.compile(r"\b(?:initiali[sz]ed|initiali[sz]es|starts?|started|begins?|began|set|reset|restarted)"
                          r"\s+(?:with|at|from|to|as)\s*$", re.I)
# "with $h_0 = 0$": the term 0 of a sequence given a number, its start value (never a case of the steps after)
_WITH = re.compile(r"\bwith\s*$", re.I)
_ZEROTH = re.compile(r"\s*\\?[A-Za-z]+\s*_\s*(?:0|\{\s*0\s*\})\s*=\s*-?\d+(?:\.\d+)?\s*")
_GIVEN_VALUE = re.compile(r"\s*(?:let|lets|let's|given)\b", re.I)
_NAME_VALUE = re.compile(r"\s*(\\?[A-Za-z]+)\s*=\s*-?\d+(?:\.\d+)?\s*")
_OPENS = re.compile(r"\b(case|cases|if|when|whenever|for|with|assume|assuming|suppose|consider|considering|where|given)\b",
                    re.I)
_REGION_BEFORE = re.compile(r"(?:\b(?:in|on|inside|between|within|over|across)\b[^$.;]{0,30}|^\s*),\s*$", re.I)
_OPENS_HERE = re.compile(r"(?:\b(?:if|when|whenever|for|with|assume|assuming|suppose|consider|considering|given)|"
                         r"\bcase\s*(?:\d+|[a-z]|[ivx]+)?\s*[):.]?|\bin the case|\bfor the case)\s*$", re.I)
# "for negative $\\beta$", "for all positive $x$": a sign word before a name puts it on that side of 0, a condition
_SIGN_WORD = re.compile(r"\b(?:for|when|if|with)\s+(?:all\s+|every\s+|any\s+|an?\s+)?(?:strictly\s+)?"
                        r"(positive|negative|non-?negative|non-?positive)\s*$", re.I)
_SIGN_RELATION = {"positive": ">", "negative": "<", "nonnegative": "\\ge", "nonpositive": "\\le"}
# "*Case 2: the constraint is active*, $g(x) = 0$.": a paragraph that opens a numbered case
_CASE_MARKER = re.compile(r"^\s*(?:\*\*|__|\*|_)?\s*case\s*(?:\d+|[a-z]|[ivx]+)\s*[):.]", re.I)
_CASE_HEAD = re.compile(r"\bcase\s*(?:\d+|[a-z]|[ivx]+)?\s*[):.]|\bin the case\b|\bfor the case\b|\bcase\s+(?:where|when|that|of)\b",
                        re.I)
_LEAVES = re.compile(r"\bboth cases\b|\ball cases\b|\beither case\b|\bcombin|\ball together\b|\bput(?:ting)? (?:it|this|them|everything) together\b"
                     r"|\bin general\b|\bgenerali[sz]|\bvectori[sz]|\bin (?:vector|matrix) (?:form|notation)\b|\bfor all\b|\bregardless\b"
                     r"|\bto summari[sz]e\b|\bsumming up\b|\boverall\b|\bequivalently\b", re.I)
_HYPOTHESIS = re.compile(r"\b(let|lets|let's|suppose|assume|assuming|if|when|whenever|where|with|given|set|setting|define|defining|denote|denoting|"
                         r"call|consider|considering|take|taking|for|case|say)\b", re.I)
_SENTENCE_END = re.compile(r"(?<!\b[a-z])(?<!\be\.g)(?<!\bi\.e)[.!?](?=\s|$)|;|\n\s*\n")

_TEXT_DEFINITION = re.compile(r"\b(and|where|with|let)\s+(([a-z])\s*=\s*-?\s*[a-z0-9](?:\s*[-+*/]\s*[a-z0-9])?)\s*(?=$|[,.;]\s)", re.I)
# "\mathbf{1} \in \mathbb{R}^n": the length of the vector of ones the document writes without a size
_ONES_DECLARED = re.compile(r"^\s*(?:\\?(?:let|text\{let\}))?\s*\\(?:mathbf|boldsymbol|bm|mathbb)\s*(?:\{\s*1\s*\}|\s1)\s*\\in\s*"
                            r"\\mathbb\s*\{?R\}?\s*\^\s*(?:\{\s*(?P<braced>[A-Za-z])\s*\}|(?P<size>[A-Za-z]))\s*[,.;]?\s*$")
_MEMBER = re.compile(r"^\s*(?:\\?(?:let|text\{let\}))?\s*(?P<names>.+?)\s*\\in\s*"
                     r"(?P<set>\\mathbb\s*\{?\s*R\s*\}?|\\R\b|\\mathbf\s*\{?\s*R\s*\}?|ℝ)\s*"
                     r"(?:\^\s*(?:\{(?P<dims>[^{}]*)\}|(?P<dim>[A-Za-z0-9])))?\s*(?P<rest>.*)$", re.S)
_INDEX_RANGE = re.compile(r"^\s*(?P<letter>[a-z])\s*\\in\s*\\\{\s*1\s*,\s*(?:\\[lc]?dots|\\dotsc|\.\.\.)\s*,\s*(?P<size>[A-Za-z](?:_\{?\w+\}?)?)\s*\\\}\s*$")
_TIMES = re.compile(r"\\times|×|\\cdot|\*|,")
_ONEHOT = re.compile(r"\b(?:one|1)[- ]?hot\b", re.I)
# "one-hot" right before a name: "encoded one-hot as $y$", "the one-hot label $y$"
_ONEHOT_BEFORE = re.compile(r"\b(?:one|1)[- ]?hot(?:\s+(?:vector|label|target|encoding|encoded|code))?"
                            r"(?:\s+(?:as|by|is))?\s*$", re.I)
# ("$v$ is fixed", "$v$ is constant": held fixed where something else varies, which says nothing of its type)
_CONSTANT = re.compile(r"^\s*(?:is|are|be)\s+(?:(?:a\s+|an\s+)(?:(?P<one>positive|nonzero|non-zero)\s+)?"
                       r"(?:constant|scalar|real\s+number|number)\b|"
                       r"(?:(?P<all>positive|nonzero|non-zero)\s+)?(?:constants|scalars|real\s+numbers|numbers|reals)\b|"
                       r"scalar\b)", re.I)
_CLASS_INDEX = re.compile(r"(?:index|entry|position)\s+of\s+the\s+(?:correct|true|right|target|label(?:led)?|ground[- ]truth)\s+class"
                          r"|(?:correct|true|target|ground[- ]truth)\s+(?:class|label)(?:\s+index)?\b", re.I)
_CALL_ENTRY = re.compile(r"\bcall\s+(?:that|this|the)\s+(?:entry|index|class|position)\s+([a-z])\b", re.I)
_COUNTED = (r"(classes|categories|labels|examples|samples|data\s+points|observations|features|words|tokens|layers"
            r"|(?:hidden\s+)?units|neurons|dimensions|outputs|inputs)")
_CLASSES = re.compile(r"\b(?:assume|with|there\s+are|we\s+have|given|consider)\s+([A-Za-z])\s+(?:distinct\s+|possible\s+|"
                      r"training\s+|input\s+|output\s+)?" + _COUNTED + r"\b", re.I)
# "$K$ classes", "there are $m$ training examples": the name is a size (a count of what the word names)
_COUNT_AFTER = re.compile(r"^\s*(?:distinct\s+|possible\s+|training\s+|input\s+|output\s+|different\s+)?" + _COUNTED
                          + r"\b", re.I)
_ALIAS = re.compile(r"^\s*(?:denotes|is|be|stands\s+for|means|will\s+denote|here\s+denotes)\s+(?:the\s+|a\s+)?"
                    r"(softmax|sigmoid|logistic|ReLU|relu|rectifier|rectified\s+linear(?:\s+unit)?|softplus|tanh)\b"
                    r"(?!\s*(?:of|derivative|'s)\b)", re.I)
# "the ReLU $\sigma$", "a tanh activation $\phi$": the function named before the name that is it
_ALIAS_BEFORE = re.compile(r"\b(?:the|a|an|its)\s+(softmax|sigmoid|logistic|ReLU|relu|rectifier|softplus|tanh)\s*"
                           r"(?:(?:activation|nonlinearity|non-linearity|function)\s*)?,?\s*$", re.I)
_ALIAS_KINDS = {"sigmoid": "sigmoid", "logistic": "sigmoid", "softmax": "softmax", "relu": "relu", "rectifier": "relu",
                "softplus": "softplus", "tanh": "tanh"}
# A range said of a name as what it is, not as a case: "a constant $c > 0$", "$\sigma > 0$ is a standard deviation".
_STANDING_BEFORE = re.compile(r"\b(?:constant|parameter|fixed|hyperparameter|coefficient|slope|rate|temperature|scale|"
                              r"width|margin|threshold|bandwidth|factor|penalty|strength|radius|tolerance|"
                              r"variance|deviation|step\s+size|momentum|decay|damping|discount|precision|stiffness|"
                              r"friction|gain)s?\s*"
                              r"(?:\w+\s+){0,2}$", re.I)
# "Throughout, $x > 0$", "we assume $x > 0$ throughout": a standing range, not a case
_THROUGHOUT = re.compile(r"\b(?:throughout|everywhere|always|in\s+(?:all|every)\s+(?:cells?|sections?|steps?|that\s+follows))\b"
                         r"[^.;:]{0,20}$|\(\s*(?:where|with|for)\s*$", re.I)  # ("(where $0 < p < 1$)": what p is)
_THROUGHOUT_AFTER = re.compile(r"^[^.;:$]{0,30}\b(?:throughout|everywhere|in\s+(?:all|every)\s+\w+)\b", re.I)
_STANDING_AFTER = re.compile(r"^\s*(?:is|be|denotes?)\s+(?:a|an|the|some|any)\b(?!\s+(?:function|case)\b)"
                             # "$K \geq 2$ classes": how many there are
                             r"|^\s*(?:classes|samples|examples|points|observations|dimensions|features|tokens|layers|units|"
                             r"neurons|steps|categories|labels|items|words|clusters|components|heads|channels)\b", re.I)
_LAYOUT = re.compile(r"\b(numerator|denominator)[- ](?:layout|convention)\b", re.I)
_LAYOUT_KIND = re.compile(r"\b(numerator|denominator)[- ](?:layout|convention)\b", re.I)
# a sentence that says which layout the document writes in ("we use", "in the denominator layout", "...
# layout throughout"), not one that only mentions a layout ("the numerator-layout answer is its transpose")
_LAYOUT_VERB = re.compile(r"\b(?:use|uses|using|used|adopt|adopts|adopting|follow|follows|following|work|works|"
                          r"write|writes|written|writing|take|takes|taking|choose|chooses|in|with|under|per)\b"
                          r"(?:\s+(?:the|a|our|this|what\s+is\s+called|so-called|so\s+called))*\s*$", re.I)
_GRADIENT_COLUMNS = re.compile(r"\bgradients?\b[^.;]*?\b(?:(?:is|are|as|be|written\s+as)\s+(?:an?\s+|the\s+)?column"
                               r"(?:\s+vectors?|s)?\b|(?:the\s+)?(?:same\s+)?shape\s+(?:as|of)\s+(?:the\s+|its\s+)?"
                               r"(?:variable|parameter|argument|input|vector))", re.I)
_LAYOUT_AFTER = re.compile(r"\s*(?:is\s+used|throughout|everywhere|here|in\s+these\s+notes|in\s+this\s+document)\b", re.I)
_NOT_LAYOUT = re.compile(r"\b(?:not|instead\s+of|unlike|rather\s+than|never|avoid\w*|versus|vs\.?|or)\s+(?:the\s+|in\s+)?$",
                         re.I)
_NUMBER_OF_CLASSES = re.compile(r"^\s*(?:is|be|denotes)\s+the\s+number\s+of\s+(?:training\s+|input\s+|output\s+)?"
                                + _COUNTED + r"\b", re.I)


@dataclass(frozen=True)
class Condition:
    """``left = right`` (equal) or ``left != right``: a relation of two index letters the prose states;
    or, with ``order`` (one of ORDERS), an inequality of a name and a number (``x > 0``), which
    restricts the values the step is checked at."""

    left: str
    right: str
    equal: bool
    offset: int
    order: str = ""
    # the word that opens the case stands right before it ("for $K = 2$", not "for sums, checking $n = 2$")
    adjacent: bool = False
    # "which is $p$ at $\\gamma = 0$ (... $claim$ ...)": a point said after other mathematics of its sentence, which
    # qualifies what it follows; whether the claims after it are at that point too is not read
    trailing: bool = False
    # "if $v_1 + v_2 = 0$": a condition the words open that is not read (left holds its text): the claims it governs
    # that hold its names are checked with it as a supposition (a proof stands, a refutation does not)
    unread: bool = False
    # "Take $w = 0$. Then $z = 0$": a value a worked example gives, which the claims of its paragraph are at
    example: bool = False

    @property
    def text(self) -> str:
        relation = _ORDER_TEX[self.order] if self.order else "=" if self.equal else "\\neq"
        return f"${self.left} {relation} {self.right}$"

    @property
    def value(self) -> bool:
        """``y = 1``: a name fixed to a number (else two index letters, or an inequality)."""
        return not self.order and self.right.lstrip("-").isdigit()

    @property
    def fraction(self):
        """``p = \\frac{1}{2}``, ``p = 0.25``: the number (a SymPy Rational) a name is fixed to that is no whole
        number, else None."""
        if self.order or not self.equal or self.unread:
            return None
        m = _FRACTION_VALUE.fullmatch(self.right)
        if not m:
            return None
        import sympy as sp
        sign = -1 if m.group("sign") else 1
        if m.group("decimal"):
            return sign * sp.Rational(m.group("decimal"))
        a, b = (m.group("a"), m.group("b")) if m.group("a") else (m.group("c"), m.group("d"))
        return sign * sp.Rational(int(a), int(b)) if int(b) else None

    def letters(self) -> set[str]:
        if self.unread:
            from .syntax import GREEK, names_in
            return {n for n in names_in(self.left) if not n.startswith("\\") or n[1:] in GREEK}
        return {self.left} if self.value or self.order or self.fraction is not None else {self.left, self.right}

    def negated(self, offset: int) -> "Condition":
        """The condition of the other branch (``\\text{otherwise}``)."""
        if self.order:
            return Condition(self.left, self.right, False, offset, _NEGATED[self.order])
        return Condition(self.left, self.right, not self.equal, offset)


ORDERS = ("<", ">", "<=", ">=")
_ORDER_TEX = {"<": "<", ">": ">", "<=": "\\leq", ">=": "\\geq", "!=": "\\neq"}
_NEGATED = {"<": ">=", ">": "<=", "<=": ">", ">=": "<"}
_FLIPPED = {"<": ">", ">": "<", "<=": ">=", ">=": "<="}
_ORDER_WORDS = {"<": "<", ">": ">", "\\lt": "<", "\\gt": ">", "\\le": "<=", "\\leq": "<=", "\\leqslant": "<=",
                "≤": "<=", "\\ge": ">=", "\\geq": ">=", "\\geqslant": ">=", "≥": ">="}
_ORDER = r"(?:<|>|≤|≥|\\(?:lt|gt|leqslant|geqslant|leq|geq|le|ge)(?![a-zA-Z]))"
_NUMBER = r"-?\d+(?:\.\d+)?"
_NAME = r"(?:\\[A-Za-z]+|[A-Za-z])"
_INEQUALITY = re.compile(rf"^\s*(?:({_NUMBER})\s*({_ORDER})\s*)?({_NAME})\s*({_ORDER})\s*({_NUMBER})\s*[,.;:]?\s*$"
                         rf"|^\s*({_NUMBER})\s*({_ORDER})\s*({_NAME})\s*[,.;:]?\s*$")
_KIND_STATEMENT = re.compile(rf"[^=]*(?:{_ORDER}|\\in(?![a-zA-Z])|∈)[^=]*")
_BETWEEN_NAMES = re.compile(rf"^\s*({_NAME})\s*({_ORDER})\s*({_NAME})\s*[,.;:]?\s*$")
# 1 \le i \le t: a name between a number and another name (an index up to another)
_UP_TO_NAME = re.compile(rf"^\s*({_NUMBER})\s*({_ORDER})\s*({_NAME})\s*({_ORDER})\s*({_NAME})\s*[,.;:]?\s*$")


_CLASS_BEFORE = re.compile(r"(?:\b(?:correct|true|target|right|ground[- ]truth)\s+(?:class|label)(?:\s+index)?\s*(?:,\s*)?"
                           r"(?:(?:is|be|being|will\s+be|we\s+call)\s*)?"
                           # "for a labelled example with class $y$", "an input whose label is $y$"
                           r"|\b(?:example|input|sample|point|instance|image)\s+(?:with|of|whose|in)\s+(?:class|label)"
                           r"(?:\s+index)?\s*(?:is\s*)?"
                           # "$y$ the one-hot vector of class $k$", "one-hot at index $c$"
                           r"|\b(?:one|1)[- ]?hot(?:\s+(?:vector|label|target|encoding|code))?\s+(?:of|at|for|on)\s+(?:the\s+)?"
                           r"(?:class|label|index|position|entry)(?:\s+index)?\s*)$", re.I)
_BETWEEN = re.compile(r"^\s*\(?\s*(?:is\s+)?(?:an?\s+|any\s+)?(?:real\s+)?(?:number|constant|value|scalar|slope)?\s*"
                      r"(?:strictly\s+)?between\s+(-?\d+)\s+and\s+(-?\d+)\b", re.I)


_NAMES_BOUNDED = re.compile(r"\s*((?:\\?[A-Za-z]+\s*,\s*)+\\?[A-Za-z]+)\s*(>|<|\\geq?|\\leq?|\\geqslant|\\leqslant|≥|≤)"
                            r"\s*(-?\d+(?:\.\d+)?)\s*[,.;]?\s*")



# what a law's parameter (family, position) must satisfy for the law to be one, as ranges said of it
_LAW_RANGES = {("poisson", 0): ((">", "0"),), ("exponential", 0): ((">", "0"),), ("bernoulli", 0): ((">=", "0"), ("<=", "1")),
               ("binomial", 1): ((">=", "0"), ("<=", "1")), ("beta", 0): ((">", "0"),), ("beta", 1): ((">", "0"),),
               ("normal", 1): ((">", "0"),), ("laplace", 1): ((">", "0"),)}

_IN_INTERVAL = re.compile(r"\s*(?P<name>\\?[A-Za-z]+)\s*\\in\s*(?:\\left\s*)?(?P<open>[(\[])\s*(?P<low>-?\s*\d+(?:\.\d+)?|-\s*\\infty)"
                          r"\s*,\s*(?P<high>-?\s*\d+(?:\.\d+)?|\+?\s*\\infty)\s*(?:\\right\s*)?(?P<close>[)\]])\s*[,.;]?\s*")


def inequalities(math: str, offset: int) -> list[Condition]:
    """``x > 0``, ``x \\geq 0``, ``0 < \\alpha < 1``: inequalities of one name and numbers, as
    conditions on the name (``[]`` when the text is anything else)."""
    interval = _IN_INTERVAL.fullmatch(math)
    if interval:
        # "$\mu \in [0, 1)$", "$p \in (0, 1)$", "$t \in [0, \infty)$": an interval of numbers, as orders of the name
        name, low, high = interval.group("name"), interval.group("low"), interval.group("high")
        out = [] if "infty" in low else [Condition(name, low, False, offset, ">" if interval.group("open") == "(" else ">=")]
        out += [] if "infty" in high else [Condition(name, high, False, offset, "<" if interval.group("close") == ")" else "<=")]
        return out
    m = _INEQUALITY.match(math)
    listed = _NAMES_BOUNDED.fullmatch(math) if not m else None
    if listed:
        # x, y > 0, n, k \ge 1: one bound said of each name in the list
        names = [n.strip() for n in listed.group(1).split(",")]
        if len(set(names)) == len(names) and not set(names) & {"\\infty", "e", "\\pi", "\\dots", "\\ldots", "\\cdots"}:
            return [Condition(n, listed.group(3), False, offset, _ORDER_WORDS[listed.group(2)]) for n in names]
    if not m:
        chained = _UP_TO_NAME.match(math)
        if chained and chained.group(3) != chained.group(5):
            low, low_rel, name, rel, other = chained.groups()
            return [Condition(name, low, False, offset, _FLIPPED[_ORDER_WORDS[low_rel]]),
                    Condition(name, other, False, offset, _ORDER_WORDS[rel])]
        named = _BETWEEN_NAMES.match(math)
        if named and named.group(1) != named.group(3) \
                and not {named.group(1), named.group(3)} & {"\\infty", "e", "\\pi", "\\cdot", "\\dots"}:
            # r > \delta: an order between two names, as a condition on the first
            return [Condition(named.group(1), named.group(3), False, offset, _ORDER_WORDS[named.group(2)])]
        return []
    low, low_rel, name, rel, high, number, rel2, name2 = m.groups()
    if name2 is not None:  # 0 < x
        return [Condition(name2, number, False, offset, _FLIPPED[_ORDER_WORDS[rel2]])]
    if name in ("\\infty", "e") or not name.strip("\\").isalpha():
        return []
    out = [Condition(name, high, False, offset, _ORDER_WORDS[rel])]
    if low is not None:  # 0 < x < 1
        out.insert(0, Condition(name, low, False, offset, _FLIPPED[_ORDER_WORDS[low_rel]]))
    return out


# A range said of a whole number: "for some integer $m \ge 1$", "let $T \geq 1$ be an integer", "$W \ge 1$ steps"
_INTEGER_BEFORE = re.compile(r"\b(?:positive\s+|nonnegative\s+|non-negative\s+)?(?:integers?|natural\s+numbers?|whole\s+numbers?)"
                             r"\s*(?:,\s*)?$", re.I)
_INTEGER_AFTER = re.compile(r"^\s*(?:(?:is|be|are)\s+(?:an?\s+|some\s+)?(?:positive\s+|fixed\s+)?"
                            r"(?:integers?|natural\s+numbers?|whole\s+numbers?)\b"
                            r"|(?:further\s+|more\s+|training\s+|gradient\s+|time\s+|warm-?up\s+)?"
                            r"(?:steps|iterations|epochs|rounds|trials|terms|updates|draws|tosses|flips|throws|periods|"
                            r"examples|samples|(?:data\s+)?points|observations|items|tokens|layers|units|neurons|features|"
                            r"heads|channels|clusters|components|keys|queries|states|actions|arms|nodes|workers|batches)\b)",
                            re.I)


# "for every positive integer $n$", "let $n$ be a positive integer", "$n$ is a positive whole number": n >= 1 whole
# (never "an integer $n$" alone, which may be 0 or negative)
_POSITIVE_INTEGER_BEFORE = re.compile(r"\b(?:positive|strictly\s+positive)\s+(?:integers?|whole\s+numbers?)\s*$", re.I)
_POSITIVE_INTEGER_AFTER = re.compile(r"^\s*(?:is|be|being|denotes)\s+(?:an?\s+|any\s+|some\s+)?(?:fixed\s+|given\s+)?"
                                     r"(?:positive|strictly\s+positive)\s+(?:integer|whole\s+number)\b", re.I)


# 1 \le t \le T: an index letter between 1 and a size, where the words say it is a whole number (or it is i, j, k, l)
_INDEX_BETWEEN = re.compile(r"^\s*1\s*(?:\\le|\\leq|\\leqslant|≤)\s*(?P<letter>[a-z])\s*(?:\\le|\\leq|\\leqslant|≤)\s*"
                            r"(?P<size>[A-Za-z])\s*[,.;]?\s*$")
_INTEGER_SAID = re.compile(r"\b(?:integers?|whole\s+numbers?|natural\s+numbers?|index|indices|steps?|iterations?|epochs?|"
                           r"rounds?)\b[^.;$]*(?:\$[^$]*\$[^.;$]*)?$", re.I)


def _whole_number(ranges: list[Condition], said: str, after: str) -> list[str]:
    """The single-letter names a range bounds below by a whole number >= 1 when the words around it say they are
    whole numbers (``for some integer $m \\ge 1$``, ``$W \\geq 1$ steps``, ``$n, k \\ge 1$ are integers``); else []."""
    if not ranges or any(not re.fullmatch(r"[A-Za-z]", c.left) for c in ranges) \
            or len({(c.order, c.right, c.offset) for c in ranges}) != 1:
        return []  # (several names only as one range said of all of them: $n, k \ge 1$)
    c = ranges[0]
    if not re.fullmatch(r"\d+", c.right) or not (c.order == ">=" and int(c.right) >= 1 or c.order == ">"):
        return []
    if not (_INTEGER_BEFORE.search(said[-40:]) or _INTEGER_AFTER.match(after)):
        return []
    if len(ranges) > 1 and not re.match(r"\s*are\b", after) and not re.search(r"integers\s*(?:,\s*)?$", said[-40:], re.I):
        return []
    return [r.left for r in ranges]


@dataclass(frozen=True)
class Declaration:
    """A name the prose declares: ``kind`` scalar, vector (sizes: its length), matrix (rows, columns),
    index (sizes: the size it runs over), onehot (sizes: its class letter, or ()), size, restricted
    (a number in a finite set, sizes: its values, or in the integers, sizes: ()), ones (\\mathbf{1} \\in \\mathbb{R}^n, the
    vector of ones written without its size: sizes, its length)."""

    name: str
    kind: str
    sizes: tuple[str, ...]
    offset: int
    written: str
    row: bool = False  # a vector declared 1 x N


@dataclass(frozen=True)
class InlineMath:
    """A piece of inline mathematics with a relation in it, and what the prose around it says."""

    text: str
    offset: int
    before: str  # the words of its sentence before it (mathematics as $...$)
    conditions: tuple[Condition, ...] = ()
    paragraph_start: bool = False  # the first thing in its paragraph (after words such as "Where")
    ends_with_relation: bool = False  # "$a \\in R^N =$" followed by a display: the display continues it
    # "weights $\\pi_k > 0$, $\\sum_k \\pi_k = 1$": joined to a declaration or a range just before it, by a comma
    # or "and": said of the names as the declaration is, a supposition rather than a claim
    with_declaration: bool = False
    # "For $n \\ge 2$ the roots ... . Similarly $\\sum_k \\sin^2 (k \\pi / n) = n / 2$": the inequalities earlier sentences
    # of its paragraph state, which it may rely on
    earlier: tuple[Condition, ...] = ()


@dataclass(frozen=True)
class CaseScope:
    """From ``offset`` on, the displays are under ``conditions`` (none: the cases are left).

    A case the prose names as one ("Case 1: ...", "in the case where ...") holds across the prose
    between its displays; a condition said otherwise ("if $i = j$:") only for the displays right
    after it, up to the next paragraph (``brief``)."""

    conditions: tuple[Condition, ...]
    offset: int
    brief: bool = False


@dataclass(frozen=True)
class LawStatement:
    """What the prose says a random variable's law is: ``family`` (see derive.read.expectation.FAMILIES)
    with its parameters as written (LaTeX; "" where the words leave one open); ``indexed`` for a family
    X_1, ..., X_n of i.i.d. variables."""

    name: str
    family: str
    params: tuple[str, ...]
    offset: int
    written: str
    indexed: bool = False


@dataclass
class Statements:
    declarations: list[Declaration] = field(default_factory=list)
    # "\mathbf{1} \in \mathbb{R}^n": the length of the vector of ones, said apart from the names' declarations
    ones: list[Declaration] = field(default_factory=list)
    inline: list[InlineMath] = field(default_factory=list)
    # "so $s_k h_k < 0$": inequalities the prose states that are no name's range (text, offset); see read.document
    orders: list[tuple[str, int]] = field(default_factory=list)
    scopes: list[CaseScope] = field(default_factory=list)
    headings: list[int] = field(default_factory=list)
    minor_headings: list[int] = field(default_factory=list)  # the run-in ones (\\paragraph): a section goes on
    parts: list[int] = field(default_factory=list)  # the headings that mark a part of a problem: (a), Problem 2
    # each heading's depth, by offset (a part of a problem is deepest; a rule, ---, is 0: it ends every section)
    heading_levels: dict[int, int] = field(default_factory=dict)
    joins: list[int] = field(default_factory=list)  # offsets of "... we get:" just before a display
    # "now $z = 5$", a value given in passing to a name (no case, no definition): (name, offset). A definition
    # of the name made before it no longer holds from there on.
    values: list[tuple[str, int]] = field(default_factory=list)
    # the numbers of those values ("take $w = 0$, $x = 2$"): (name, number as written, offset)
    numbers: list[tuple[str, str, int]] = field(default_factory=list)
    # those values as the inline mathematics they are written in: a claim where an earlier formula defines the name
    passing: list[InlineMath] = field(default_factory=list)
    # "$\Phi$ is the standard normal CDF", "$A$ is symmetric": a name described in words, (name, offset, the
    # description, whether it bears only where the name is applied as a function)
    described: list[tuple[str, int, str, bool]] = field(default_factory=list)
    # "... = 2Aw for symmetric $A$": a property said of the claim just before, never of the document (name, offset,
    # the words as described's)
    described_after: list[tuple[str, int, str]] = field(default_factory=list)
    # "$X \sim \mathrm{Bernoulli}(p)$", "$X_1, \dots, X_n$ are i.i.d. with mean $\mu$ and variance $\sigma^2$"
    laws: list[LawStatement] = field(default_factory=list)
    # the random variables a sentence says are independent, by name
    independent: list[tuple[str, ...]] = field(default_factory=list)
    # (name, offset, words) of sentences that speak of a random variable's mean, variance or law in a way that
    # is not read ("suppose instead that every $q_i$ has mean $\mu$"): its law may change there
    law_mentions: list[tuple[str, int, str]] = field(default_factory=list)
    # "for every real $t$": names said to run over the real numbers, never random variables
    reals: list[str] = field(default_factory=list)
    held_fixed: list[str] = field(default_factory=list)  # "with $h$ fixed", "for a given $x$": never random
    # offsets of numbers written as a tuple, "the points $(1, 1)$ and $(2, 3)$": data the words give, which the
    # claims after them may be about
    data: list[int] = field(default_factory=list)


def _sentences(paragraph: Paragraph):
    """The paragraph's sentences, each a list of pieces (text pieces cut at sentence ends)."""
    sentence: list = []
    for piece in paragraph.pieces:
        if piece.kind != "text":
            sentence.append(piece)
            continue
        text, at = piece.text, 0
        for m in _SENTENCE_END.finditer(text):
            sentence.append(type(piece)("text", text[at:m.end()], piece.offset + at))
            yield sentence
            sentence, at = [], m.end()
        if at < len(text):
            sentence.append(type(piece)("text", text[at:], piece.offset + at))
    if sentence:
        yield sentence


def _words(pieces) -> str:
    return "".join(p.text if p.kind == "text" else f"${p.text}$" for p in pieces)


def _clean(name: str) -> str:
    """``\\mathbf{x}``, ``\\boldsymbol{\\theta}`` and ``\\vec{x}`` name x and \\theta."""
    name = name.strip()
    m = re.fullmatch(r"\\(?:mathbf|boldsymbol|bm|vec|mathbfit|pmb)\s*\{\s*(\\?[A-Za-z]+)\s*\}\s*(_\s*(?:\{\s*\w+\s*\}|\w))", name)
    if m:  # \mathbf{x}_i: x_i
        return m.group(1) + re.sub(r"\s+", "", m.group(2))
    # (\boldsymbol\beta, as TeX reads it without braces, too)
    m = re.fullmatch(r"\\(?:mathbf|boldsymbol|bm|vec|mathbfit|pmb)\s*\{\s*(.+?)\s*\}|\\(?:mathbf|boldsymbol|bm|vec)\s+(\\?\w+)"
                     r"|\\(?:mathbf|boldsymbol|bm|vec)\s*(\\[A-Za-z]+)", name)
    if m:
        return (m.group(1) or m.group(2) or m.group(3)).strip()
    return name


def _accent_name(name: str) -> str:
    """\\tilde X, \\widetilde{X}, \\overline{x}: the one spelling of an accented name (\\tilde{X}, \\bar{x}); else the name."""
    m = re.fullmatch(r"\\(hat|widehat|tilde|widetilde|bar|overline|check|breve)\s*(?:\{\s*(\\?[A-Za-z]+)\s*\}|\s+([A-Za-z])|(\\[A-Za-z]+))",
                     name.strip())
    return accented("\\" + m.group(1), m.group(2) or m.group(3) or m.group(4)) if m else name


def _dims(text: str) -> list[str]:
    return [d.strip() for d in _TIMES.split(text) if d.strip()]


_INDEX_LIST = re.compile(r"^\s*(?P<letter>[a-z])\s*=\s*1\s*,\s*(?:2\s*,\s*)?(?:\\[lc]?dots|\\dotsc|\.\.\.)\s*,\s*"
                         r"(?P<size>[A-Za-z](?:_\{?\w+\}?)?)\s*[,.;]?\s*$")


_IN_SET = re.compile(r"^\s*(?P<names>\\?[A-Za-z](?:_\{?[A-Za-z0-9]\}?)?(?:\s*,\s*\\?[A-Za-z](?:_\{?[A-Za-z0-9]\}?)?)*)\s*\\in\s*"
                     r"(?:\\\{(?P<set>\s*(?:\\pm\s*)?[-+]?\d+(?:\s*,\s*[-+]?\d+)*\s*)\\\}|(?P<ring>\\mathbb\s*\{?\s*[NZ]\s*\}?|ℕ|ℤ))"
                     r"\s*[,.;]?\s*$")


_OTHER_SET = re.compile(r"^\s*(?:\\?(?:let|text\{let\}))?\s*(?P<names>(?:\\(?:mathbf|boldsymbol|bm)\s*\{\s*)?"
                        r"(?:" + _GREEK_LETTER + r"(?![A-Za-z])|[A-Za-z])\}?"
                        r"(?:\s*,\s*(?:\\(?:mathbf|boldsymbol|bm)\s*\{\s*)?(?:" + _GREEK_LETTER + r"(?![A-Za-z])|[A-Za-z])\}?)*)\s*\\in\s*(?P<set>\S.*?)\s*[,.;]?\s*$", re.S)


# {0, 1}^n, (0, 1)^n, [0, 1]^{m \times n}: a power of a finite set or an interval of numbers
_SET_POWER = re.compile(r"(?:\\\{\s*[-+]?\d+(?:\s*,\s*[-+]?\d+)+\s*\\\}|[(\[]\s*-?\d+(?:\.\d+)?\s*,\s*-?\d+(?:\.\d+)?\s*[)\]])"
                        r"\s*\^\s*(?:\{(?P<dims>[^{}]*)\}|(?P<dim>[A-Za-z0-9]))")


_ELLIPSIS = re.compile(r"\s*(?:\\[lc]?dots|\\dotsc|\.\.\.|…)\s*")


_INTERVAL = re.compile(r"^\s*(?P<name>\\?[A-Za-z]+(?:\s*,\s*\\?[A-Za-z]+)*)\s*\\in\s*(?:\\left\s*)?(?P<open>[(\[])\s*(?P<low>-?\d+(?:\.\d+)?|-\s*\\infty)"
                       r"\s*,\s*(?P<high>-?\d+(?:\.\d+)?|\+?\s*\\infty)\s*(?:\\right\s*)?(?P<close>[)\]])\s*[,.;]?\s*$")


def _membership(math: str, offset: int) -> list[Declaration]:
    m = _ONES_DECLARED.match(math)
    if m:
        return [Declaration("\\mathbf{1}", "ones", (m.group("braced") or m.group("size"),), offset,
                            math.strip().rstrip(",.;"))]
    m = _INDEX_RANGE.match(math) or _INDEX_LIST.match(math)
    if m:
        return [Declaration(m.group("letter"), "index", (m.group("size"),), offset, math)]
    m = _INTERVAL.match(math)
    if m and (m.group("open") == "(" or "infty" not in m.group("low")) \
            and (m.group("close") == ")" or "infty" not in m.group("high")):
        # \varepsilon \in (0, 1), x \in [0, \infty): a number in that interval, as 0 < \varepsilon < 1 says
        written = math.strip().rstrip(",.;")
        out = []
        for name in (n.strip() for n in m.group("name").split(",")):  # (q, p \in (0, 1): each of them)
            if "infty" not in m.group("low"):
                out.append(Declaration(name, "range", (">" if m.group("open") == "(" else ">=", m.group("low")), offset,
                                       written))
            if "infty" not in m.group("high"):
                out.append(Declaration(name, "range", ("<" if m.group("close") == ")" else "<=", m.group("high")),
                                       offset, written))
        return out
    m = _IN_SET.match(math)
    if m:
        # y \in \{0, 1\}, n \in \mathbb{N}: a number with fewer values than the reals; checked as a
        # real number, with what it may be kept as a supposition (a refutation at another value is no refutation)
        names = [n.strip() for n in m.group("names").split(",")]
        values: tuple[str, ...] = ()
        if m.group("set") is not None:
            numbers = [v.strip().lstrip("+") for v in m.group("set").split(",")]  # (+1 is 1)
            if numbers[0].startswith("\\pm"):
                magnitude = numbers[0][3:].strip()
                numbers = [f"-{magnitude}", magnitude] + numbers[1:]
            values = tuple(dict.fromkeys(numbers))
        return [Declaration(n, "restricted", values, offset, math.strip().rstrip(",.;")) for n in names]
    m = _MEMBER.match(math)
    if not m:
        m = _OTHER_SET.match(math)
        typed = _SET_POWER.fullmatch(m.group("set")) if m else None
        if typed:
            # y \in \{0, 1\}^n, p \in (0, 1)^n, Y \in \{0, 1\}^{B \times K}: a vector or matrix of that size, its
            # entries restricted as said (a supposition a counterexample must meet)
            dims = _dims(typed.group("dims") or typed.group("dim"))
            written = math.strip().rstrip(",.;")
            # (the set each entry lies in: {0, 1} as its values, (0, 1) or [0, 1] as its ends and brackets)
            finite = re.match(r"\\\{(.*?)\\\}", typed.group(0))
            interval = re.match(r"([(\[])\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*([)\]])", typed.group(0))
            values = tuple(dict.fromkeys(v.strip().lstrip("+") for v in finite.group(1).split(","))) if finite \
                else interval.groups() if interval else ()
            out = []
            for n in (_clean(n) for n in re.split(r",(?![^{]*\})", m.group("names"))):
                if len(dims) == 1:
                    out.append(Declaration(n, "vector", (dims[0],), offset, written))
                elif len(dims) == 2:
                    out.append(Declaration(n, "matrix", (dims[0], dims[1]), offset, written))
                else:
                    out.append(Declaration(n, "unread", (), offset, written))
                    continue
                out.append(Declaration(n, "entries", values, offset, written))  # (values: the set, as above)
            return out
        if m and (re.search(r"\^|\\mathbb|[ℝℕℤ]", m.group("set"))):
            # Y \in \{0, 1\}^{B \times K}, p \in \Delta^{K-1}, x \in [0, 1]^n: a type derive does not read; the name is
            # then refused wherever it is used, never read as a guess of another type
            return [Declaration(_clean(n), "unread", (), offset, math.strip().rstrip(",.;"))
                    for n in re.split(r",(?![^{]*\})", m.group("names"))]
        return []
    rest = m.group("rest").strip()
    if rest and not rest.startswith(("=", ",", ".", "\\text", "\\quad", "\\;", "\\,")):
        return []
    names = [_accent_name(_clean(n)) for n in re.split(r",(?![^{]*\})", m.group("names"))]
    family = [re.fullmatch(r"(\\?[A-Za-z]+)_\{?([A-Za-z0-9]+)\}?", n) for n in names if not _ELLIPSIS.fullmatch(n)]
    if len(names) >= 3 and any(_ELLIPSIS.fullmatch(n) for n in names) and all(family) \
            and len({f.group(1) for f in family}) == 1:
        # k_1, \dots, k_n \in R^d: a family of vectors named by one letter with a subscript; a family of
        # numbers x_1, \dots, x_N \in R is the vector x of R^N
        last = family[-1].group(2)
        if m.group("dims") is None and m.group("dim") is None and family[0].group(2) == "1" and last.isalpha():
            return [Declaration(family[0].group(1), "vector", (last,), offset, math)]
        dims = _dims(m.group("dims") if m.group("dims") is not None else m.group("dim") or "")
        sizes = (last, dims[0]) if len(dims) == 1 and last.isalpha() else ()
        return [Declaration(family[0].group(1), "family", sizes, offset, math)]
    if not names or not all(re.fullmatch(r"\\?[A-Za-z]+(?:_\{?[A-Za-z0-9]+\}?)?|\\(?:hat|tilde|bar|check|breve)\{\\?[A-Za-z]+\}", n)
                            for n in names):
        return []
    dims = m.group("dims") if m.group("dims") is not None else m.group("dim")
    dims = _dims(dims) if dims else []
    if not dims:
        kind, sizes = "scalar", ()
    elif len(dims) == 1:
        kind, sizes = "vector", (dims[0],)
    elif len(dims) == 2 and "1" in dims and dims != ["1", "1"]:
        kind, sizes = "vector", (dims[1] if dims[0] == "1" else dims[0],)
    elif len(dims) == 2:
        kind, sizes = "matrix", (dims[0], dims[1])
    else:
        return []
    if any(not re.fullmatch(r"[A-Za-z](?:_\{?\w+\}?)?|\d+", d) for d in sizes):
        return []
    row = len(dims) == 2 and dims[0] == "1" and kind == "vector"
    return [Declaration(n, kind, sizes, offset, math, row) for n in names]


def _condition(math_or_text: str, offset: int, in_math: bool) -> Condition | None:
    pattern = _RELATION_MATH if in_math else _RELATION_TEXT
    m = pattern.search(math_or_text) if not in_math else pattern.match(math_or_text)
    if not m:
        return None
    left, rel, right = m.groups()
    if left == right:
        return None
    right = re.sub(r"^\+\s*", "", re.sub(r"^-\s+", "-", right.strip()))  # y = +1: the value 1
    return Condition(left.strip(), right, rel == "=", offset)


# A paragraph opening with a question's number or letter starts a part of the document as a heading does.
PART_LEVEL = 99  # (deeper than any heading: a part of a problem is inside the section that sets it)
_PART = re.compile(r"^\s*(?:\*\*|__|\*|_)?\s*(?:\(\s*[a-h]\s*\)|[a-h]\)|\(\s*(?:i|ii|iii|iv|v|vi)\s*\)|\d{1,2}(?:\.\d{1,2})*[.)](?=\s|\*\*|__)"
                   r"|Q\s?\d{1,2}[.):](?=\s|\*\*|__)"
                   r"|(?:exercise|problem|question|part|task)\s+[\w.()-]+)", re.I)


def statements_of(paragraphs: list[Paragraph]) -> Statements:
    """What the prose states, in document order."""
    out = Statements()
    numbered: list[int] = []
    for paragraph in paragraphs:
        brief = [s for s in out.scopes if s.brief and s.conditions and s.offset < paragraph.offset]
        if brief and brief[-1] is out.scopes[-1]:
            out.scopes.append(CaseScope((), paragraph.offset))  # the brief condition ends here
        if paragraph.heading or (paragraph.pieces and paragraph.pieces[0].kind == "text"
                                 and _PART.match(paragraph.pieces[0].text)):
            out.headings.append(paragraph.offset)
            if paragraph.minor:
                out.minor_headings.append(paragraph.offset)
            if paragraph.pieces and paragraph.pieces[0].kind == "text" and _PART.match(paragraph.pieces[0].text):
                out.parts.append(paragraph.offset)
                out.heading_levels[paragraph.offset] = PART_LEVEL
            else:
                out.heading_levels[paragraph.offset] = paragraph.level
                if paragraph.level and _NUMBERED_HEADING.match(paragraph.words):
                    numbered.append(paragraph.offset)
            out.scopes.append(CaseScope((), paragraph.offset))
            if paragraph.heading:
                if any(p.kind == "math" for p in paragraph.pieces):
                    _heading(paragraph, out)
                continue
        _paragraph(paragraph, out)
    if numbered:
        # "# 2 Q2 a)" then "### 3 Q2 b)": numbered headings are siblings, whatever depth their marks give them
        top = min(out.heading_levels[at] for at in numbered)
        out.heading_levels.update({at: top for at in numbered})
    return out


# A heading that numbers a section or a question: "2 Q2 a)", "Question 3", "Problem 1.2", "Part (b)", "Exercise 4"
_NUMBERED_HEADING = re.compile(r"\s*(?:\*\*|__)?\s*(?:\d{1,2}(?:\.\d{1,2})*\b|q\s*\d|(?:question|problem|exercise|part|task|"
                               r"section|step|case)\s+[\w(]|\(?[a-h]\)\s)", re.I)


def _heading(paragraph: Paragraph, out: Statements) -> None:
    """A heading's mathematics ("Check with $n = 4$, $p = \\frac{1}{2}$", "Case $k = i$"): the conditions it opens
    hold for its whole section, up to the next heading; what else it states is read as a paragraph's."""
    scopes = len(out.scopes)
    _paragraph(paragraph, out)
    for n in range(scopes, len(out.scopes)):
        if out.scopes[n].conditions:
            out.scopes[n] = replace(out.scopes[n], brief=False)


def _paragraph(paragraph: Paragraph, out: Statements) -> None:
    words = paragraph.words
    short = len(words) <= 140
    ends_colon = words.rstrip().endswith(":")
    opened: list[Condition] = []
    leaves_at: int | None = None
    first = True
    last_opened = False  # the paragraph's last sentence opens a condition
    part_case = False  # the paragraph opens a part with its case ("(b) Similar pair, $s = 1$.")
    part = _PART.match(words) is not None
    said_before: list[Condition] = []  # the conditions the paragraph's earlier sentences state
    for number, sentence in enumerate(_sentences(paragraph)):
        _laws(sentence, out)
        _shaped_in_words(sentence, out)
        opening = number == 0  # the paragraph's first sentence
        # "(b) Similar pair, $s = 1$." opening a part: the case the part is about, up to the next part
        labelled = part and opening
        sentence_conditions: list[Condition] = []
        pointwise: list[Condition] = []  # "at $a = 0$ we have ...": for this sentence only, never the displays after
        said = ""  # the sentence's words so far
        opened_last = False  # the sentence's last mathematics was a condition it opened
        unread_last = False  # ... a condition that is not read ("at $\\mathbf{x} = \\mathbf{0}$")
        declared_last = False  # the sentence's last mathematics was a declaration or a range
        drawn_last = False  # ... a value the sentence draws ("Then $a = 0$")
        at_opening = False  # the sentence opened with a point, "At $0.6 c$,", and nothing else came since
        for n, piece in enumerate(sentence):
            if piece.kind == "text":
                text = piece.text
                if _LEAVES.search(text) and leaves_at is None:
                    leaves_at = piece.offset
                _declarations_in_text(text, sentence, n, out, piece.offset)
                # plain-text definitions next to inline ones: "where $z = 1 + e^{r}$, and r = -x"
                for m in _TEXT_DEFINITION.finditer(text):
                    if any(isinstance(p, type(piece)) and p.kind == "math" for p in sentence[:n]) and \
                            not _RELATION_TEXT.fullmatch(m.group(2).strip()):
                        out.inline.append(InlineMath(m.group(2).strip(), piece.offset + m.start(2),
                                                     said + text[:m.start(2)], tuple(sentence_conditions),
                                                     opening and bool(re.match(r"\s*(?:where|with|here)\b", said, re.I))))
                # plain-text conditions: "Case 1) j=i", "with i = j,"
                for m in _RELATION_TEXT.finditer(text):
                    opener = _OPENS.search(said + text[:m.start()][-40:])
                    if opener:
                        c = _condition(m.group(0), piece.offset + m.start(), False)
                        if c is not None:
                            sentence_conditions.append(c)
                said += text
                continue
            math = piece.text
            if (_DATA_POINT.fullmatch(math) or _DATA_LIST.fullmatch(math)) and (_DATA_WORDS.search(said[-60:]) or sum(
                    1 for p in sentence if p.kind == "math" and _DATA_POINT.fullmatch(p.text)) > 1
                                                                                 or _LONG_LIST.fullmatch(math)):
                out.data.append(piece.offset)  # "the two points $(1, 1)$ and $(2, 3)$": data given in words
            since = said[said.rfind("$") + 1:]
            declared_before = declared_last and _CONJUNCTION.fullmatch(since) is not None
            # (x_k > 0, u \in R^n: what a name is, even where it is not read as a declaration)
            declared_last = _KIND_STATEMENT.fullmatch(math) is not None
            declared = _membership(math, piece.offset)
            drawn = _DRAWN.match(math)
            if drawn:
                # "$X \sim \mathrm{Bernoulli}(p)$": a random variable, whose values its distribution decides
                out.described.append((drawn.group(1), piece.offset, f"${' '.join(math.split())}$", False))
            if declared:
                declared_last = True
                out.declarations.extend(d for d in declared if d.kind != "ones")
                out.ones.extend(d for d in declared if d.kind == "ones")
                if math.rstrip().endswith("=") and n == len(sentence) - 1:
                    out.inline.append(InlineMath(math, piece.offset, said, tuple(sentence_conditions),
                                                 first, ends_with_relation=True))
                said += f"${math}$"
                first = False
                continue
            if re.fullmatch(r"\s*[a-z]\s*", math) and _CLASS_BEFORE.search(said[-60:]):
                # "a one-hot target at the correct class $c$": c is the index of the correct class
                out.declarations.append(Declaration(math.strip(), "class", (), piece.offset, said[-60:].strip()))
            after = sentence[n + 1].text if n + 1 < len(sentence) and sentence[n + 1].kind == "text" else ""
            if re.fullmatch(r"\s*[A-Za-z]\s*", math) and (_POSITIVE_INTEGER_BEFORE.search(said[-40:])
                                                        or _POSITIVE_INTEGER_AFTER.match(after)):
                # "let $n$ be a positive integer", "for every positive integer $n$": a whole number >= 1
                out.declarations.append(Declaration(math.strip(), "whole", (), piece.offset,
                                                    f"{said[-40:].strip()} ${math.strip()}$ {after[:30].strip()}".strip()))
            between = _BETWEEN.match(after) if re.fullmatch(r"\s*\\?[A-Za-z]+\s*", math) else None
            if between:
                # "$\alpha$ (a number between 0 and 1)": the open range, which holds under either reading
                name = math.strip()
                low, high = between.group(1), between.group(2)
                text = f"{low} < {name} < {high}"
                out.declarations.extend([
                    Declaration(name, "range", (_ORDER_WORDS[">"], low), piece.offset, text),
                    Declaration(name, "range", (_ORDER_WORDS["<"], high), piece.offset, text)])
                said += f"${math}$"
                first = False
                continue
            since = said[said.rfind("$") + 1:]
            if re.fullmatch(r"\s*at\s*|\s*at\s+(?:a|an|the)\s+[A-Za-z -]{1,30}?\s+of\s*", said, re.I) \
                    and not _has_relation(math) \
                    and re.match(r"\s*(?:[A-Za-z][A-Za-z-]*\s*){0,2},\s*\$",
                                 "".join(p.text if p.kind == "text" else "$" for p in sentence[n + 1:n + 3])):
                # "At $0.6 c$, $\gamma = 1.25$ and ...": a point of something the words do not name; the values right
                # after it are at that point (never a name's new value), and the claims of the sentence in its letters
                # are about it: not read, so only a proof stands ("At a budget of $6 \times 10^{20}$ FLOPs, ...")
                sentence_conditions.append(Condition(" ".join(math.split()), "", True, piece.offset, unread=True))
                pointwise.append(sentence_conditions[-1])
                at_opening = True
                said += f"${math}$"
                first = False
                continue
            if at_opening and not re.fullmatch(r"\s*,\s*", since):
                at_opening = False
            at_point = _AT_POINT.search(said) is not None or at_opening
            paired = _TUPLE_VALUES.fullmatch(math) if at_point or _OPENS_HERE.search(since) else None
            chained = _VALUE_CHAIN.match(math) if at_point else None
            pairs = None
            if paired:
                # "with $(D, H, C) = (64, 128, 10)$ the model has ...": each name at its number, for this sentence
                names = [n.strip() for n in paired.group(1).split(",")]
                numbers = [v.strip() for v in paired.group(2).split(",")]
                if len(names) == len(numbers) and len(set(names)) == len(names):
                    pairs = list(zip(names, numbers))
            elif chained:
                # "at $a_f = a_i = 0$": each of the names at that value, for this sentence only
                pairs = [(t.strip(), chained.group(1)) for t in math.split("=")[:-1]]
            those = [_condition(f"{n} = {v}", piece.offset, True) for n, v in pairs] if pairs else [None]
            if all(c is not None for c in those):
                sentence_conditions = [s for s in sentence_conditions
                                       if not any(s.letters() == c.letters() for c in those)] + those
                pointwise.extend(those)
                said += f"${math}$"
                first = False
                continue
            c = _condition(math, piece.offset, True)
            since = said[said.rfind("$") + 1:]
            # (a heading's "Check with $n = 4$, $p = \\frac{1}{2}$": the values its section is at)
            # (and "with $p = 0.5$, ...", "if $q = \\frac{1}{3}$": a value the sentence's claims are at)
            point = _POINT_VALUE.fullmatch(math) if c is None and (at_point or (
                _OPENS_HERE.search(since) or opened_last and _CONJUNCTION.fullmatch(since))) else None
            if point:
                # "at $p = \frac{1}{2}$, where ...": a point that is no whole number, which the claims after it in the
                # sentence are said at (checked at that value, see Condition.fraction)
                c = Condition(point.group(1), point.group(2).strip(), True, piece.offset)
            # (the words after the sentence's last mathematics open it: "for real $x$, and $z = 2$" opens no case,
            # "if $i = j$ and $k = l$" opens both)
            since = said[said.rfind("$") + 1:]
            # ("background pixels ($y_j = 0$)": a value in parentheses says which ones)
            opener = _OPENS.search(since[-60:]) or (opened_last and _CONJUNCTION.fullmatch(since)) \
                or re.search(r"\w\s*\(\s*$", since) is not None
            # (an inequality of two index letters, "any other class $k \neq c$", is a case whatever the words)
            opens = c is not None and (opener or _CASE_HEAD.search(said) or at_point
                                       or (not c.equal and not c.value) or labelled)
            opened_last = bool(opens)
            if c is not None and (not opens or _START_VALUE.search(since)
                                  or _WITH.search(since) and _ZEROTH.fullmatch(math)) \
                    and re.fullmatch(r"\s*\\?[A-Za-z]+\s*_\s*\{?\s*\d+\s*\}?\s*=\s*-?\d+\s*", math):
                # "the velocity starts at $v_0 = 0$", "initialised with $m_0 = 1$": the value of a numbered name,
                # which defines it
                c = None
            worded_value = _WORDED_VALUE.search(said) if re.fullmatch(r"\s*-?\d+(?:\.\d+)?\s*", math) else None
            if worded_value:
                # "exactly when $k$ is $1$", "(so $n$ is $800$ here)": a number the words give a name
                out.values.append((worded_value.group(1), piece.offset))
                out.numbers.append((worded_value.group(1), math.strip(), piece.offset))
            if c is not None and not opens and _GIVEN_VALUE.match(said) and _NAME_VALUE.fullmatch(math):
                c = None  # "let $z = 2$": the value of the name, which defines it
            drawn = c is not None and not opens and not at_point and (
                _DRAWN_VALUE.search(since) is not None or drawn_last and _CONJUNCTION.fullmatch(since) is not None
                or _JUDGED_AFTER.match(after) is not None)  # ("and $L = 1$ is also wrong": a claim, judged)
            drawn_last = drawn
            if drawn:
                c = None  # "Then $a = 0$, $z = 0$": what the step before gives, a claim (of a defined a) to check
            if c is not None:
                # ("at $a = 0$ we have ...": the point the sentence speaks of)
                at = at_point
                if not (opens or at):
                    value = _NAME_VALUE.fullmatch(math)
                    worded = _ENTRY_VALUE.fullmatch(math) if _WORDED_CASE.match(after) else None
                    if worded:
                        # "$I_i = 1$ if trial $i$ succeeds and $I_i = 0$ otherwise": a value by cases the words
                        # state, which are not read; the name is refused wherever it is used
                        words = " ".join(re.split(r"[,.;:]", after.strip(" ,"))[0].split()[:4])
                        out.declarations.append(Declaration(worded.group(1), "worded", (), piece.offset,
                                                            f"${' '.join(math.split())}$ {words}"))
                    elif value:
                        out.values.append((value.group(1), piece.offset))
                        out.numbers.append((value.group(1), math.split("=", 1)[1].strip(), piece.offset))
                        # (of a name an earlier formula defines, "it should be $L = -3$": a claim; see read.document)
                        out.passing.append(InlineMath(math, piece.offset, said, tuple(sentence_conditions)))
                    elif _ENTRY_VALUE.fullmatch(math):
                        out.data.append(piece.offset)  # "an activation $h_i = 2$": an entry's value, data not read
                if opens:
                    # ("With $D = 100$ and $H = 128$": the second is opened by the same word as the first)
                    joined = re.fullmatch(r"\s*(?:,|and|,\s*and)\s*", since) is not None and bool(sentence_conditions) \
                        and sentence_conditions[-1].adjacent
                    c = replace(c, adjacent=_OPENS_HERE.search(since) is not None or joined,
                                trailing=at and "$" in said and re.fullmatch(r"\s*at\s*", since) is not None)
                    # two conditions on the same letters: the later one replaces the earlier
                    sentence_conditions = [s for s in sentence_conditions if s.letters() != c.letters()]
                    sentence_conditions.append(c)
                    if at:
                        pointwise.append(c)
                said += f"${math}$"
                first = False
                continue
            signed = _SIGN_WORD.search(said[-40:]) if re.fullmatch(r"\s*\\?[A-Za-z]+(?:_\{?\w+\}?)?\s*", math) else None
            if signed:
                # "for negative $\beta$ the derivative of $\lambda|\beta|$ is $-\lambda$, so $f'(\beta) = ...$ there":
                # the sentence's claims are where beta < 0 (a case, as "for $\beta < 0$" opens one)
                relation = _SIGN_RELATION[signed.group(1).lower().replace("-", "")]
                ranges = inequalities(f"{math.strip()} {relation} 0", piece.offset)
                if ranges:
                    sentence_conditions = [s for s in sentence_conditions if s.letters() != ranges[0].letters()]
                    sentence_conditions.extend(ranges)
                    said += f"${math}$"
                    first = False
                    continue
            ranges = inequalities(math, piece.offset)
            if ranges:
                declared_last = True
                after = sentence[n + 1].text if n + 1 < len(sentence) and sentence[n + 1].kind == "text" else ""
                between = _INDEX_BETWEEN.match(math)
                if between and between.group("size") not in "ijklt" \
                        and (between.group("letter") in "ijkl" or _INTEGER_SAID.search(said)):
                    # (never 1 \\le i \\le t: t an index too, a step of a recurrence)
                    # "for an integer step $t$ with $1 \\le t \\le W$", "for $1 \\le i \\le n$": the index's range
                    out.declarations.append(Declaration(between.group("letter"), "index", (between.group("size"),),
                                                        piece.offset, math))
                    said += f"${math}$"
                    first = False
                    continue
                for whole in _whole_number(ranges, said, after):
                    # "for some integer $m \ge 1$", "a warmup of $W \geq 1$ steps": a whole number >= 1, a size
                    out.declarations.append(Declaration(whole, "whole", (), piece.offset, math))
                if _STANDING_BEFORE.search(said[-80:]) or _STANDING_AFTER.match(after) or _THROUGHOUT.search(said[-80:]) \
                        or _THROUGHOUT_AFTER.match(after) \
                        or re.fullmatch(r"\s*(?:let|take|fix|choose|pick)\b.*?(?:\band\s*|,\s*)?", said, re.I | re.S) \
                        and len(ranges) <= 2:
                    # "a constant slope $0 < \\alpha < 1$", "$\\sigma > 0$ is a standard deviation": what the
                    # name is, everywhere after (a number in that range), not a case
                    out.declarations.extend(Declaration(r.left, "range", (r.order, r.right), r.offset, math)
                                            for r in ranges)
                elif _OPENS.search(said[-60:]) or _CASE_HEAD.search(said) or labelled \
                        or _REGION_BEFORE.search(said[-40:]):
                    # ("In the middle, $-3 < x < 3$, the product rule gives": the region the sentence is about)
                    sentence_conditions = [s for s in sentence_conditions if s.letters() != ranges[0].letters()]
                    sentence_conditions.extend(ranges)
                said += f"${math}$"
                first = False
                continue
            named = _written_for(sentence, n)
            if named is not None:
                # "I write $\\mathbf{c}$ for its gradient $\\nabla_w L$": the definition c = \\nabla_w L
                name_piece, before = named
                out.inline.append(InlineMath(f"{name_piece.text} = {math}", name_piece.offset, before,
                                             tuple(sentence_conditions)))
            if _has_relation(math) and (_CONDITION_BEFORE.search(since)
                                        or (_AT_POINT.search(said) or unread_last and _CONJUNCTION.fullmatch(since))
                                        and _A_POINT.fullmatch(math)):
                # "(it is not even defined when $v_1 + v_2 = 0$)": a condition, never a claim; not read, so the claims
                # after it in the sentence are not checked where they hold its names
                sentence_conditions.append(Condition(" ".join(math.split()), "", True, piece.offset, unread=True))
                said += f"${math}$"
                first = False
                unread_last = True
                continue
            unread_last = False
            if not _has_relation(math) and re.search(r"<|>|\\[lg]eq?(?![A-Za-z])|\\[lg]t(?![A-Za-z])|\\neq?(?![A-Za-z])", math):
                out.orders.append((" ".join(math.split()), piece.offset))
            if _has_relation(math):
                out.inline.append(InlineMath(math, piece.offset, said, tuple(sentence_conditions),
                                             first and not said.strip(" ,:") or _starts_with_where(said)
                                             or opening and bool(re.match(r"\s*(?:where|with|here)\b", said, re.I)),
                                             ends_with_relation=math.rstrip().endswith("="),
                                             with_declaration=declared_before,
                                             earlier=tuple(c for c in said_before if c.order and not c.unread)))
            said += f"${math}$"
            first = False
        sentence_words = _words(sentence)
        first_math = next((k for k, p in enumerate(sentence) if p.kind == "math"), None)
        if first_math is not None and re.fullmatch(r"\s*(?:for|if|when|whenever|assume|assuming|suppose|supposing)\b[^$]*",
                                                   "".join(p.text for p in sentence[:first_math]), re.I):
            # "For $n \ge 2$ the roots ...": a supposition opening the sentence, which the paragraph's later sentences
            # may rely on (never "... $= 0$ for $m > 1$", said of one claim)
            said_before += [c for c in sentence_conditions if c.offset == sentence[first_math].offset and c.order
                            and not c.unread and c not in said_before]
        cases = _cases_definition(sentence_words)
        if cases is not None:
            out.declarations.append(Declaration(cases[0], "cases", cases[1:], sentence[0].offset, sentence_words.strip()))
        if sentence_conditions and not _defines_by_cases(sentence_words) \
                and not re.search(r"\botherwise\b", sentence_words, re.I):
            # ("... is e^{x_j} when k = j and 0 otherwise" describes a value by cases; it opens none)
            opened = [c for c in sentence_conditions if c not in pointwise] or opened
            last_opened = bool([c for c in sentence_conditions if c not in pointwise])
            part_case = part_case or labelled
        else:
            last_opened = False
        if re.search(r"\b(?:we\s+)?(?:get|obtain|have|gives?|becomes?|yields?)\s*:\s*$", sentence_words.rstrip(), re.I):
            out.joins.append(sentence[-1].offset)
    if leaves_at is not None and not opened:
        out.scopes.append(CaseScope((), leaves_at))
        return
    if not opened and _CASE_MARKER.match(words):
        # "*Case 2: the constraint is active*, $g(x) = 0$.": a case whose condition is not read still ends the case
        # before it, and what it says holds only in it: kept as a condition not read, of every claim under it (a
        # proof stands, a refutation does not)
        said = re.sub(r"[^A-Za-z0-9 ,:;'-]", "", words.split("$")[0]).strip(" ,:;")[:80]
        out.scopes.append(CaseScope((Condition(f"\\text{{{said}}}", "", True, paragraph.offset, unread=True),),
                                    paragraph.offset))
        return
    # ("If $\\varepsilon = 0$, ..., and by Euler's theorem" running on into the display: the display is its end)
    # ("Whenever $a + b = 1$ the denominator splits into two parts," too: the sentence goes on into the display)
    runs_on = last_opened and re.search(r"[A-Za-z,]\s*$", words) is not None
    if opened and (short or ends_colon or runs_on or part_case or _CASE_HEAD.search(words)) and not (leaves_at is not None):
        out.scopes.append(CaseScope(tuple(opened), opened[0].offset, brief=not (_CASE_HEAD.search(words) or part_case)))
    elif leaves_at is not None:
        out.scopes.append(CaseScope((), leaves_at))


_WRITE_NAME = re.compile(r"\b(?:I|we|let\s+us|let's|one)\s+(?:will\s+)?(?:write|denote|use)\s*$", re.I)
_FOR_WHAT = re.compile(r"^\s*for\s+(?:(?:its|the|their|our|this)\s+)?(?:[A-Za-z-]+\s+){0,3}$", re.I)
_BARE_MATH_NAME = re.compile(r"\s*(?:\\(?:mathbf|boldsymbol|bm|hat|bar|tilde)\s*\{\s*\\?[A-Za-z]+\s*\}|\\?[A-Za-z]+)"
                             r"(?:\s*_\s*(?:\{\s*\\?[A-Za-z0-9]+\s*\}|[A-Za-z0-9]))?\s*")


def _written_for(sentence, n: int):
    """(the name's piece, the words before it) where the sentence says "we write $c$ for [its gradient] $B$" and
    piece n is B; else None."""
    if n < 2 or sentence[n - 1].kind != "text" or sentence[n - 2].kind != "math":
        return None
    name, between = sentence[n - 2], sentence[n - 1].text
    if not _FOR_WHAT.match(between) or not _BARE_MATH_NAME.fullmatch(name.text) or _has_relation(sentence[n].text):
        return None
    before = "".join(p.text if p.kind == "text" else f"${p.text}$" for p in sentence[:n - 2])
    if not _WRITE_NAME.search(before):
        return None
    return name, before


def _starts_with_where(said: str) -> bool:
    return bool(re.fullmatch(r"\s*(?:where|with|here|and)\s*,?\s*", said, re.I))


def _has_relation(math: str) -> bool:
    depth = 0
    for n, ch in enumerate(math):
        if ch in "{([":
            depth += 1
        elif ch in "})]":
            depth -= 1
        elif ch == "=" and depth == 0:
            return True
    return False


_CASES_FIRST = re.compile(r"\$\s*(\\?[A-Za-z])_\{\s*([a-z])\s*,?\s*([a-z])\s*\}\s*=\s*(-?\d+)\s*\$\s*,?\s*(?:if|when|for)\s+"
                          r"\$?\s*([a-z])\s*(=|\\neq|\\ne|≠|!=)\s*([a-z])\s*\$?")
_CASES_OTHER = re.compile(r"(-?\d+)\s*\$?\s*,?\s*(?:if|when|for)\s+\$?\s*([a-z])\s*(=|\\neq|\\ne|≠|!=)\s*([a-z])\s*\$?"
                          r"|(-?\d+)\s*\$?\s*,?\s*otherwise")


def _cases_definition(words: str):
    """``$t_{ij} = 1$ if $i = j$ and 0 otherwise``: (name, first letter, second letter, value where
    they are equal, value where they differ), or None."""
    m = _CASES_FIRST.search(words)
    if not m:
        return None
    name, a, b, value, c, rel, d = m.groups()
    if {a, b} != {c, d} or a == b:
        return None
    equal = rel == "="
    other = _CASES_OTHER.search(words, m.end())
    if not other:
        return None
    if other.group(5) is not None:
        second = other.group(5)
    else:
        second, c2, rel2, d2 = other.group(1), other.group(2), other.group(3), other.group(4)
        if {c2, d2} != {a, b} or (rel2 == "=") == equal:
            return None
    on, off = (value, second) if equal else (second, value)
    return name, a, b, on, off


def _defines_by_cases(words: str) -> bool:
    """``$t_{ij} = 1$ if i = j and 0 otherwise``: the conditions belong to a definition, not a case."""
    return bool(re.search(r"\$[^$]*=\s*[-\d]+\s*\$\s*(?:,\s*)?(?:if|when|for)\b", words))


# --- random variables and their laws ----------------------------------------------------------------

_FAMILY_NAMES = {"bernoulli": "bernoulli", "bern": "bernoulli", "ber": "bernoulli", "binomial": "binomial",
                 "bin": "binomial", "binom": "binomial", "poisson": "poisson", "pois": "poisson", "poi": "poisson",
                 "exponential": "exponential", "exp": "exponential", "expon": "exponential", "normal": "normal",
                 "gaussian": "normal", "n": "normal", "uniform": "uniform", "unif": "uniform", "u": "uniform",
                 "beta": "beta", "laplace": "laplace", "geometric": "geometric", "geom": "geometric", "geo": "geometric"}
_LAW_COUNT = {"bernoulli": 1, "binomial": 2, "poisson": 1, "exponential": 1, "normal": 2, "uniform": 2, "beta": 2,
              "laplace": 2, "geometric": 1}
_FONT = r"(?:\\(?:mathrm|operatorname|text|textrm|mathcal|mathsf|mathbb|mathit)\s*\{\s*([A-Za-z]+)\s*\}|\\?([A-Za-z]+))"
_SIM = r"(?:\\overset\s*\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}\s*\{\s*\\sim\s*\}|\\stackrel\s*\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}\s*\{\s*\\sim\s*\}|\\sim(?![A-Za-z])(?:_\s*\{[^{}]*\})?)"
_LAW_MATH = re.compile(rf"\s*(?P<subjects>.+?)\s*(?P<sim>{_SIM})\s*{_FONT}\s*(?:\\left|\\big|\\Big)?\s*(?P<open>[(\[])(?P<params>.*?)(?:\\right|\\big|\\Big)?[)\]]\s*[,.;]?\s*$")
_SUBJECT = re.compile(r"\\?[A-Za-z]+(?:\s*_\s*(?:\{\s*\w+\s*\}|\w))?")
_IID_WORDS = re.compile(r"\bi\.\s*i\.\s*d\b\.?|\biid\b|\bindependent(?:ly)?\b|\bindependently\b", re.I)
_NOT_INDEPENDENT = re.compile(r"\bnot\s+(?:\w+\s+){0,2}independent|\bdependent\b|\bcorrelated\b|\bcorrelation\b", re.I)
_LAW_WORDS = re.compile(r"\s*(?:(?:be|is|are|follows?|has|have)\s+)?(?:an?\s+|the\s+)?(?:(?:i\.\s*i\.\s*d\.?|iid|independent|"
                        r"independently)\s+(?:and\s+)?)?(?:draws?\s+(?:from\s+)?(?:an?\s+|the\s+)?)?"
                        r"(?P<family>bernoulli|poisson|exponential|normal|gaussian|binomial|geometric)(?:ly)?"
                        r"(?:\s+distributed)?(?:\s+(?:random\s+variables?|variables?|draws?|distribution|samples?|observations?|"
                        r"counts?|(?:waiting|arrival|inter-?arrival|service|failure)\s+times?|lifetimes?|times?|gaps?|"
                        r"durations?|trials?|variates?))?"
                        r"\s*,?\s*(?:with|of)\s+(?:(?:an?|the|some|unknown|known|common|same|true|fixed)\s+){0,2}(?P<what>success\s+probability|probability\s+of\s+success|probability|"
                        r"parameters?|rate|mean|intensity)\s*$", re.I)
_VECTOR_SUBJECTS = re.compile(r"\s*(.+?)\s*\\in\s*\\mathbb\s*\{?\s*R\s*\}?\s*\^\s*(?:\{[^{}]*\}|\w)\s*")
_RANDOM_VECTORS = re.compile(r"\s*(?:be|are)\s+(?:independent\s+)?random\s+vectors?\s*,?\s+(?:whose|with)\s+(?:\$[^$]*\$\s+|\w+\s+)?"
                             r"(?:coordinates|entries|components)\s+(?:are\s+)?(?:all\s+)?(?:i\.\s*i\.\s*d\.?|iid|independent)"
                             r"\s*,?\s*(?:each\s+)?(?:with\s+)?(?P<mean>mean\s+zero|zero\s+mean|mean\s+0)\s+and\s+"
                             r"(?P<var>variance\s+one|unit\s+variance|variance\s+1)\b", re.I)
_LAW_TALK = re.compile(r"\b(?:has|have|with)\s+(?:mean|variance|expectation)\b|\b(?:are|is|be)\s+(?:(?:all|now|instead)\s+)?"
                       r"(?:standard\s+)?(?:normal|gaussian|uniform|bernoulli|poisson|exponential)\b|\bdistributed\b"
                       r"|\buniform(?:ly)?\s+(?:on|over|from)\b", re.I)
_UNIFORM_ON = re.compile(r"\s*(?:(?:be|is|are)\s+)?(?:(?:i\.\s*i\.\s*d\.?|iid|independent)\s+)?(?:drawn\s+)?uniform(?:ly)?"
                         r"(?:\s+distributed)?\s+(?:on|over|in|from)\s*(?:the\s+set\s*)?", re.I)
_FINITE_SET = re.compile(r"\s*\\\{\s*([-+]?\d+(?:\s*,\s*[-+]?\d+){1,11})\s*\\\}\s*[,.;]?\s*")
_STANDARD_NORMAL = re.compile(r"\s*(?:be|is|are)\s+(?:an?\s+)?(?:(?:i\.\s*i\.\s*d\.?|iid|independent)\s+)?standard\s+"
                              r"(?:normal|gaussian)\b", re.I)
_GENERIC_WORDS = re.compile(r"\s*(?:be|are|is)\s+(?:(?:i\.\s*i\.\s*d\.?|iid|independent(?:ly)?)\s*,?\s*(?:and\s+identically\s+"
                            r"distributed\s+)?)?(?:random\s+variables?\s+|draws\s+|copies\s+|samples\s+)?(?:each\s+)?"
                            r"with\s+(?:a\s+|common\s+|the\s+same\s+)?mean\s*$", re.I)
_VECTOR_BEFORE = re.compile(r"\b(?:row|column|probability|stationary)?\s*(?:vector|distribution)\s*$", re.I)
_BERNOULLI_BY_PROBABILITY = re.compile(r"\s*(?:P|\\Pr|\\mathbb\s*\{\s*P\s*\}|\\operatorname\s*\{\s*P\s*\})\s*(?:\\left)?\s*\("
                                       r"\s*([A-Za-z])\s*=\s*1\s*(?:\\right)?\)\s*=\s*(.+?)\s*[,.]?\s*$")
_NAMED_LAW = re.compile(rf"\s*{_FONT}\s*(?:\\left|\\big|\\Big)?\s*(?P<open>[(\[])(?P<params>.*?)(?:\\right|\\big|\\Big)?[)\]]\s*")
_IS_A = re.compile(r"\s*(?:is|be|are)\s+(?:an?\s+)?(?:(?:i\.\s*i\.\s*d\.?|iid|independent)\s+)?", re.I)
_LAW_NOUN = re.compile(r"\s*(?:-?\s*distributed\b|random\s+variables?\b|variables?\b|draws?\b|samples?\b)", re.I)
_CONSTANTS_BEFORE = re.compile(r"\b(?:for|with|and|where)\s+(?:a\s+|some\s+|any\s+|two\s+)?(?:real\s+|fixed\s+)?"
                               r"constants?\s*$", re.I)
# "for fixed $h$", "for a given $x$", "with $h$ fixed", "holding $w$ constant", "$h$ is held fixed": not random
_FIXED_BEFORE = re.compile(r"\b(?:for|with|at|given)\s+(?:an?\s+|the\s+|some\s+)?(?:fixed|given|deterministic|non-?random)\s*$",
                           re.I)
_HOLDING_BEFORE = re.compile(r"\b(?:with|holding|keeping|treating|treat|hold|keep)\s*$", re.I)
_FIXED_AFTER = re.compile(r"\s*(?:held\s+|kept\s+)?(?:fixed|constant|deterministic|non-?random|as\s+(?:an?\s+)?"
                          r"(?:constants?|fixed|given|deterministic))\b", re.I)
_IS_FIXED_AFTER = re.compile(r"\s*(?:is|are)\s+(?:held\s+|kept\s+|treated\s+as\s+)?(?:fixed|deterministic|non-?random|"
                             r"not\s+random)\b", re.I)
_EVERY_REAL_BEFORE = re.compile(r"\bfor\s+(?:every|all|any|each)\s+real(?:\s+numbers?)?\s*$", re.I)
_RANDOM_BEFORE = re.compile(r"\b(?:any|two|some|three)\s+(?:real\s+)?random\s+variables\s*$", re.I)


def _law_parameter(text: str) -> str:
    """A parameter as written, without what is said of it: ``p \\in (0, 1)`` is p, ``\\lambda > 0`` is lambda."""
    return re.split(r"\\in(?![A-Za-z])|\\[lg]eq?(?![A-Za-z])|[<>=]", text)[0].strip()


def _law_params(family: str, text: str) -> tuple[str, ...] | None:
    depth, parts, current = 0, [], ""
    for ch in text:
        if ch in "({[":
            depth += 1
        elif ch in ")}]":
            depth -= 1
        if ch in ",;" and depth == 0:
            parts.append(current.strip())
            current = ""
        else:
            current += ch
    parts.append(current.strip())
    if len(parts) != _LAW_COUNT[family] or not all(parts):
        return None
    return tuple(parts)


def _subjects(text: str) -> tuple[list[str], bool] | None:
    """``X``, ``X, Y``, ``X_1, \\dots, X_n``, ``X_i``: the names, and whether they are a family's members."""
    text = re.sub(r"\\(?:mathbf|boldsymbol|mathit|mathrm)\s*\{\s*([A-Za-z])\s*\}", r"\1", text)
    parts = [p.strip() for p in text.split(",") if p.strip()]
    names, indexed = [], False
    for part in parts:
        if re.fullmatch(r"\\(?:dots|ldots|cdots)|\.\.\.|…", part):
            continue
        if not _SUBJECT.fullmatch(part):
            return None
        name = re.split(r"\s*_", part)[0]
        if "_" in part:
            indexed = True
        if name not in names:
            names.append(name)
    return (names, indexed) if names else None


_SIZE_TIMES = re.compile(r"\s*(\\?[A-Za-z](?:\s*_\s*(?:\{\s*\w+\s*\}|\w))?|\d+)\s*(?:\\times|\\cdot|x|\\!\\times\\!)"
                         r"\s*(\\?[A-Za-z](?:\s*_\s*(?:\{\s*\w+\s*\}|\w))?|\d+)\s*")
_NAME_THEN = re.compile(r"\s*(?:(?:be|is|denotes?)\s+)?(?:a|an|some|any)\s+(?:[A-Za-z-]+\s+){0,4}$", re.I)
_MATRIX_WORD = re.compile(r"\s*(?:real\s+|real-valued\s+)?matri(?:x|ces)\b", re.I)
_ADJECTIVES_BEFORE = re.compile(r"\b(?:a|an|some|any)\s+(?:[A-Za-z-]+\s+){0,4}$", re.I)


def _shaped_in_words(sentence, out: "Statements") -> None:
    """"Let $A$ be an invertible $n \\times n$ matrix", "a symmetric $d \\times d$ matrix $\\Sigma$": the matrix's
    shape said in words (its properties are read with the other descriptions)."""
    for n in range(1, len(sentence) - 1):
        piece = sentence[n]
        if piece.kind != "math" or sentence[n - 1].kind != "text" or sentence[n + 1].kind != "text":
            continue
        shape = _SIZE_TIMES.fullmatch(piece.text)
        matrix = _MATRIX_WORD.match(sentence[n + 1].text)
        if not (shape and matrix):
            continue
        name = None
        if _NAME_THEN.match(sentence[n - 1].text) and n >= 2 and sentence[n - 2].kind == "math":
            name = _clean(sentence[n - 2].text)
        elif _ADJECTIVES_BEFORE.search(sentence[n - 1].text) and n + 2 < len(sentence) \
                and sentence[n + 2].kind == "math" and not sentence[n + 1].text[matrix.end():].strip():
            name = _clean(sentence[n + 2].text)
        if name and re.fullmatch(r"\\?[A-Za-z]+(?:_\{?\w+\}?)?", name):
            rows, cols = (re.sub(r"\s+", "", g) for g in shape.groups())
            out.declarations.append(Declaration(name, "matrix", (rows, cols), piece.offset,
                                                f"${name}$ is a ${piece.text.strip()}$ matrix"))
            # ("an invertible $n \\times n$ matrix", "a symmetric positive definite ..."): what it is, too
            adjectives = re.search(r"\b(?:a|an|some|any)\s+((?:[A-Za-z-]+\s+){0,4})$", sentence[n - 1].text, re.I)
            if adjectives and adjectives.group(1).strip() and not _PROPERTY.match(sentence[n - 1].text):
                m = _PROPERTY.match(" is " + adjectives.group(1))
                if m:
                    out.described.append((name, piece.offset, f"${name}$ is {_properties(m, ' is ' + adjectives.group(1))}",
                                          False))


def _laws(sentence, out: "Statements") -> None:
    """Random variables and their laws, said in this sentence."""
    words = _words(sentence)
    start = len(out.laws)
    _laws_said(sentence, words, out)
    if re.search(r"\?[\s*_)]*$", words) and _DOUBTING.search(words):
        # "Why can't I just say $X \sim \mathrm{Bin}(n, \frac12)$?": a law asked about, not the document's; the
        # variable's law is then in question (a law said before it may no longer be the one meant)
        asked, out.laws[start:] = out.laws[start:], []
        out.law_mentions.extend((law.name, law.offset, " ".join(words.split())[:80]) for law in asked)


# the names the built-in notation gives a meaning other than a number (the logistic sigma, the vectors x, y, theta)
_BUILTIN_MEANINGS = frozenset({"\\sigma", "\\theta", "x", "y"})

# the words of a question that doubts what it says ("Why can't I just say ...?", "Can we assume ...?"), never one
# that sets an exercise ("What is $\mathbb{E}[X]$ for $X \sim \mathrm{Poisson}(\lambda)$?")
_DOUBTING = re.compile(r"\b(?:why|can(?:'t|not)?|could(?:n't)?|couldn't|isn't|aren't|wouldn't|shouldn't|doesn't|"
                       r"don't|is\s+it|just|really)\b", re.I)


def _laws_said(sentence, words: str, out: "Statements") -> None:
    known = len(out.laws)
    _laws_of_sentence(sentence, words, out)
    for k in range(len(out.laws) - 1, known - 1, -1):
        if out.laws[k].family == "geometric":
            # the number of trials up to the first success (1, 2, ...), or of failures before it (0, 1, ...)? only
            # where the words say which ("counts the trials up to and including the first success")
            counts = _GEOMETRIC_COUNTS.findall(words)
            if len(set(c.lower().rstrip("s") for c in counts)) != 1:
                out.laws[k] = dataclasses.replace(out.laws[k], family="geometric unsaid")
            elif counts[0].lower().startswith("failure"):
                out.laws[k] = dataclasses.replace(out.laws[k], family="geometric failures")


_UNIFORM_WORDS = re.compile(r"\s*(?:(?:be|is|are)\s+)?(?:an?\s+)?(?:(?:i\.\s*i\.\s*d\.?|iid|independent|independently)\s+"
                            r"(?:and\s+)?)?uniform(?:ly)?(?:\s+distributed)?(?:\s+random\s+variables?)?\s+(?:on|over)\s+"
                            r"(?:(?:an?|the|some)\s+)?(?:(?:unknown|fixed|given)\s+)?(?:interval\s+)?$", re.I)
_UNIFORM_INTERVAL = re.compile(r"\s*(?:\\left\s*)?[\[(]\s*([^,\[\]()]+?)\s*,\s*([^,\[\]()]+?)\s*(?:\\right\s*)?[\])]\s*[,.;]?\s*")
_GEOMETRIC_COUNTS = re.compile(r"\b(trials?|failures?)\b", re.I)


def _laws_of_sentence(sentence, words: str, out: "Statements") -> None:
    found: list[str] = []
    for n, piece in enumerate(sentence):
        if piece.kind != "math":
            continue
        m = _LAW_MATH.match(piece.text)
        if m:
            family = _FAMILY_NAMES.get((m.group(3) or m.group(4) or "").lower())
            subjects = _subjects(m.group("subjects"))
            given = re.match(r"\s*(\\?[A-Za-z]+(?:_\{?\w+\}?)?)\s*(?:\\mid|\\vert|\|)", m.group("subjects"))
            if subjects is None and given:
                # "$X \mid P \sim \mathrm{Bin}(n, P)$": X's law given P, not X's own; a law of X said before it is
                # in question from here on
                out.law_mentions.append((given.group(1), piece.offset, " ".join(words.split())[:80]))
            if m.group(4) == "N" or (m.group(3) or "").lower() == "n":
                family = "normal"
            if family == "uniform" and m.group("open") == "[" or family and family != "uniform" and m.group("open") != "(":
                family = family if family == "uniform" else None
            params = _law_params(family, m.group("params")) if family else None
            if family == "normal" and params and re.fullmatch(r"\\sigma(?:_\w|_\{\w+\})?|s", params[1]):
                params = None  # N(mu, sigma): the variance, or the standard deviation? not read
            if subjects and params:
                names, indexed = subjects
                for name in names:
                    out.laws.append(LawStatement(name, family, params, piece.offset, f"${' '.join(piece.text.split())}$",
                                                 indexed or "iid" in m.group("sim").lower() or "i.i.d" in m.group("sim")))
                    found.append(name)
            elif params and family == "normal":
                # "$f(x) \sim \mathcal{N}(\mu, \sigma^2)$", "$y \mid x \sim ...$": a law of no name that is read, yet
                # its parameters are numbers: sigma is no logistic function (a name with no built-in meaning stays
                # undeclared: "$w \mid \mathcal{D} \sim \mathcal{N}(m, s^2)$" before m and s are given formulas)
                written = f"${' '.join(piece.text.split())}$"
                for k, param in enumerate(params):
                    p = re.fullmatch(r"\s*(\\?[A-Za-z]+)\s*(\^\s*\{?\s*2\s*\}?)?\s*", param)
                    if p and p.group(1) in _BUILTIN_MEANINGS and not any(d.name == p.group(1) and d.kind == "parameter"
                                                                     for d in out.declarations):
                        out.declarations.append(Declaration(p.group(1), "parameter", ("law",), piece.offset, written))
                        if p.group(2) and k == 1:
                            out.declarations.append(Declaration(p.group(1), "range", (">", "0"), piece.offset,
                                                                f"{written} (a standard deviation)"))
            continue
        before = sentence[n - 1].text if n > 0 and sentence[n - 1].kind == "text" else ""
        if _VECTOR_BEFORE.search(before) and piece.text.strip() in ("\\pi", "e"):
            # "a row vector $\pi$": not the number pi
            out.declarations.append(Declaration(piece.text.strip(), "unsized", (), piece.offset,
                                                f"{before.strip()} ${piece.text.strip()}$"))
        after = sentence[n + 1].text if n + 1 < len(sentence) and sentence[n + 1].kind == "text" else ""
        if re.fullmatch(r"\s*\\?[A-Za-z]+(?:\s*,\s*\\?[A-Za-z]+)*\s*", piece.text) and (
                _FIXED_BEFORE.search(before) or _HOLDING_BEFORE.search(before) and _FIXED_AFTER.match(after)
                or _IS_FIXED_AFTER.match(after)):
            # "with $h$ fixed", "for a given $x$", "holding $w$ constant", "$h$ is fixed": not random (its type unsaid)
            out.held_fixed.extend(x.strip() for x in piece.text.split(","))
        if _CONSTANTS_BEFORE.search(before) and re.fullmatch(r"\s*\\?[A-Za-z]+(?:\s*,\s*\\?[A-Za-z]+)*\s*", piece.text):
            # "for constants $a, b$": fixed numbers, never random
            for name in (x.strip() for x in piece.text.split(",")):
                out.declarations.append(Declaration(name, "parameter", ("constant",), piece.offset,
                                                    f"{before.strip()} ${piece.text.strip()}$"))
            continue
        if _EVERY_REAL_BEFORE.search(before) and re.fullmatch(r"\s*\\?[A-Za-z]+(?:\s*,\s*\\?[A-Za-z]+)*\s*", piece.text):
            # "for every real $t$": real numbers, never random variables (no more: the letter may be given a value
            # elsewhere in the document, "$z = 2$")
            out.reals.extend(x.strip() for x in piece.text.split(","))
            continue
        m = _BERNOULLI_BY_PROBABILITY.match(piece.text)
        if m and re.search(rf"{re.escape(m.group(1))}\s*\\in\s*\\\{{\s*0\s*,\s*1\s*\\\}}|P\s*\(\s*{re.escape(m.group(1))}\s*=\s*0\s*\)"
                           r"\s*=\s*1\s*-", words) \
                and not re.search(rf"P\s*\(\s*{re.escape(m.group(1))}\s*=(?!\s*[01]\s*\))", words):
            # "$z \in \{0, 1\}$ with $P(z = 1) = p$": a Bernoulli variable
            param = _law_parameter(re.split(r"=", m.group(2))[0])
            out.laws.append(LawStatement(m.group(1), "bernoulli", (param,), piece.offset, f"${' '.join(piece.text.split())}$"))
            found.append(m.group(1))
            continue
        copies = _subjects(piece.text)
        if copies and copies[1] and _IID_WORDS.search(words) and len(copies[0]) == 1:
            # "$n$ independent flips $X_1, \dots, X_n$ (with the same $p$)": copies of the X said before
            known = [law for law in out.laws if law.name == copies[0][0] and not law.indexed]
            if known and not any(law.name == copies[0][0] and law.indexed for law in out.laws):
                out.laws.append(dataclasses.replace(known[-1], offset=piece.offset, indexed=True,
                                                    written=f"{known[-1].written}; ${' '.join(piece.text.split())}$ "
                                                            "independent copies"))
                found.append(copies[0][0])
                continue
        subjects = _subjects(piece.text)
        after = sentence[n + 1].text if n + 1 < len(sentence) and sentence[n + 1].kind == "text" else ""
        param = sentence[n + 2].text if n + 2 < len(sentence) and sentence[n + 2].kind == "math" else None
        param = _law_parameter(param) if param is not None else None
        rest = "".join(p.text if p.kind == "text" else f"${p.text}$" for p in sentence[n + 1:])[:300]
        vectors = _RANDOM_VECTORS.match(rest) if _VECTOR_SUBJECTS.fullmatch(piece.text) else None
        if vectors:
            # "$q, k \in \mathbb{R}^d$ are random vectors whose coordinates are independent, each with mean zero and
            # variance one": each vector's entries an i.i.d. family of that mean and variance
            mean = "0" if re.search(r"zero|0", vectors.group("mean")) else None
            variance = "1" if re.search(r"one|unit|1", vectors.group("var")) else None
            vector_names = _subjects(_VECTOR_SUBJECTS.fullmatch(piece.text).group(1))
            if mean is not None and variance is not None and vector_names:
                for name in vector_names[0]:
                    out.laws.append(LawStatement(name, "generic", (mean, variance), piece.offset,
                                                 f"${' '.join(piece.text.split())}${vectors.group(0).rstrip()}", True))
                    found.append(name)
                continue
        if subjects is None:
            continue
        names, indexed = subjects
        indexed = indexed or bool(re.match(r"\s*(?:are|be)\b", after) and _IID_WORDS.search(after[:40]))
        written = f"${' '.join(piece.text.split())}${after}"
        uniform = _UNIFORM_WORDS.match(after)
        interval = _UNIFORM_INTERVAL.fullmatch(sentence[n + 2].text) if uniform and n + 2 < len(sentence) \
            and sentence[n + 2].kind == "math" else None
        if interval is not None:
            # "$X_1, \dots, X_n$ are independent and uniform on an unknown interval $[a, b]$"
            for name in names:
                out.laws.append(LawStatement(name, "uniform", (interval.group(1), interval.group(2)), piece.offset,
                                             f"{written}${' '.join(sentence[n + 2].text.split())}$", indexed))
                found.append(name)
            continue
        m = _LAW_WORDS.match(after)
        if m and param is not None:
            family = _FAMILY_NAMES[m.group("family").lower()]
            what = m.group("what").lower()
            params: tuple[str, ...] | None = None
            if family == "normal" and what == "mean":
                rest = sentence[n + 3].text if n + 3 < len(sentence) and sentence[n + 3].kind == "text" else ""
                var = sentence[n + 4].text if n + 4 < len(sentence) and sentence[n + 4].kind == "math" else None
                var = _law_parameter(var) if var is not None else None
                if var is not None and re.fullmatch(r"\s*,?\s*and\s+variance\s*", rest):
                    params = (param, var)
                    written += f"${param}${rest}${var}$"
            elif family == "exponential" and what == "mean":
                params = (f"\\frac{{1}}{{{param}}}",)
            elif family in ("bernoulli", "poisson", "exponential", "geometric") and what != "mean" or \
                    family in ("bernoulli", "poisson") and what == "mean":
                if not (family == "exponential" and what == "parameter"):
                    params = (param,)
            if params is not None:
                if len(params) == 1:
                    written += f"${param}$"
                for name in names:
                    out.laws.append(LawStatement(name, family, params, piece.offset, written, indexed))
                    found.append(name)
            continue
        law_math = sentence[n + 2] if n + 2 < len(sentence) and sentence[n + 2].kind == "math" else None
        tail = sentence[n + 3].text if n + 3 < len(sentence) and sentence[n + 3].kind == "text" else ""
        named = _NAMED_LAW.fullmatch(law_math.text) if law_math is not None and _IS_A.fullmatch(after) else None
        if named and _LAW_NOUN.match(tail):
            # "$X$ is a $\mathrm{Bernoulli}(p)$ random variable"
            family = _FAMILY_NAMES.get((named.group(1) or named.group(2) or "").lower())
            family = "normal" if named.group(2) == "N" or (named.group(1) or "").lower() == "n" else family
            params = _law_params(family, named.group("params")) if family and named.group("open") == "(" or \
                family == "uniform" else None
            if family and params and not (family == "normal" and re.fullmatch(r"\\sigma(?:_\w|_\{\w+\})?|s", params[1])):
                for name in names:
                    out.laws.append(LawStatement(name, family, params, piece.offset,
                                                 f"{written}${law_math.text.strip()}${tail[:40]}", indexed))
                    found.append(name)
                continue
        values = _FINITE_SET.fullmatch(law_math.text) if law_math is not None and _UNIFORM_ON.fullmatch(after) else None
        if values:
            # "$X$ is uniform on $\{0, 2\}$": each value with the same probability
            numbers = tuple(dict.fromkeys(v.strip().lstrip("+") for v in values.group(1).split(",")))
            for name in names:
                out.laws.append(LawStatement(name, "finite", numbers, piece.offset,
                                             f"{written}${law_math.text.strip()}$", indexed))
                found.append(name)
            continue
        if _STANDARD_NORMAL.match(after):
            for name in names:
                out.laws.append(LawStatement(name, "normal", ("0", "1"), piece.offset, written, indexed))
                found.append(name)
            continue
        m = _GENERIC_WORDS.match(after)
        if m and param is not None:
            rest = sentence[n + 3].text if n + 3 < len(sentence) and sentence[n + 3].kind == "text" else ""
            var = sentence[n + 4].text if n + 4 < len(sentence) and sentence[n + 4].kind == "math" else None
            var = _law_parameter(var) if var is not None else None
            variance = var if var is not None and re.fullmatch(r"\s*,?\s*and\s+(?:a\s+|common\s+)?variance\s*", rest) else ""
            written += f"${param}$" + (f"{rest}${var}$" if variance else "")
            for name in names:
                out.laws.append(LawStatement(name, "generic", (param, variance), piece.offset, written, indexed))
                found.append(name)
            continue
        if _RANDOM_BEFORE.search(before) or (n >= 2 and sentence[n - 2].kind == "math" and re.fullmatch(r"\s*and\s*", before)
                                             and any(l.name in _subjects(sentence[n - 2].text)[0] for l in out.laws
                                                     if _subjects(sentence[n - 2].text) and l.family == "generic"
                                                     and l.offset == sentence[n - 2].offset)):
            # "for any two random variables $X$ and $Y$": variables of any law (moments of their own)
            for name in names:
                out.laws.append(LawStatement(name, "generic", ("", ""), piece.offset, f"{before.strip()} ${piece.text.strip()}$",
                                             indexed))
                found.append(name)
    if not found:
        found = _framed_laws(sentence, out)
    for law in out.laws[len(out.laws) - len(found):]:
        if not law.indexed and re.fullmatch(r"\\?[A-Za-z]+", law.name):
            # a random variable is a number (X, never the matrix X), whatever its law
            out.declarations.append(Declaration(law.name, "random", (), law.offset, law.written))
        for k, param in enumerate(law.params):
            # the parameters are numbers: "variance $\sigma^2$" makes sigma a number, not the logistic function
            m = re.fullmatch(r"\s*(\\?[A-Za-z]+)\s*(\^\s*\{?\s*2\s*\}?)?\s*", param)
            if m and m.group(1) not in ("e", "\\pi") and not any(d.name == m.group(1) and d.kind == "parameter"
                                                               for d in out.declarations):
                out.declarations.append(Declaration(m.group(1), "parameter", ("law",), law.offset, law.written))
                for bound in () if m.group(2) else _LAW_RANGES.get((law.family, k), ()):
                    # (the rate of a Poisson or exponential law is positive, a Bernoulli p lies in [0, 1]: what the
                    # law needs to be one, so a counterexample meets it)
                    out.declarations.append(Declaration(m.group(1), "range", bound, law.offset,
                                                        f"{law.written} (a parameter of the law)"))
                if m.group(2) and k == 1 and law.family in ("normal", "generic"):
                    # (a variance written sigma^2: sigma is the standard deviation, a positive number)
                    out.declarations.append(Declaration(m.group(1), "range", (">", "0"), law.offset,
                                                        f"{law.written} (a standard deviation)"))
    if len(found) > 1 and _IID_WORDS.search(words) and not _NOT_INDEPENDENT.search(words):
        out.independent.append(tuple(dict.fromkeys(found)))
    if not found and _LAW_TALK.search(words):
        for piece in sentence:
            subjects = _subjects(piece.text) if piece.kind == "math" else None
            for name in (subjects[0] if subjects else ()):
                out.law_mentions.append((name, piece.offset, " ".join(words.split())[:80]))


# The words that may stand between random variables and what a sentence says of their law ("$X_1, \dots, X_n$ are
# independent with the same law, mean ..."; "independent entries $q_1, \dots, q_d$, each with mean ..."): any other word
# or formula between them, and the sentence is not read as giving them a law.
_FRAME_WORDS = frozenset("are is be have has independent independently iid i.i.d. and identically distributed with the "
                         "same law distribution each a common random variables variable draws copies samples all both "
                         "of".split())
_MEAN_AT_END = re.compile(r"(?P<before>.*?)\b(?:with\s+)?(?:(?:a|common|the\s+same)\s+)?mean\s*$", re.I | re.S)
_VARIANCE_WORDS = re.compile(r"\s*,?\s*(?:and\s+)?(?:(?:a|common|the\s+same)\s+)?variance\s*$", re.I)
_UNIT_MOMENTS = re.compile(r"(?P<before>.*?)\b(?:with\s+)?(?:mean\s+(?:zero|0)|zero\s+mean)\s*,?\s*and\s+"
                           r"(?:variance\s+(?:one|1)|unit\s+variance)\b\s*[,.;]?\s*$", re.I | re.S)
_UNIFORM_AT_END = re.compile(r"(?P<before>.*?)\buniform(?:ly)?(?:\s+distributed)?\s+(?:on|over|in|from)\s*(?:the\s+set\s*)?$",
                             re.I | re.S)
_RANGE_SET = re.compile(r"\s*\\\{\s*(-?\d+)\s*,\s*(?:(-?\d+)\s*,\s*)?\\(?:dots|ldots|cdots)\s*,\s*(-?\d+)\s*\\\}\s*[,.;]?\s*")


def _frame_only(text: str) -> bool:
    words = re.findall(r"[A-Za-z.]+|[^\sA-Za-z.,;]", text.replace(",", " ").replace(";", " "))
    return all(w.lower().strip(".") in _FRAME_WORDS or w.lower() in _FRAME_WORDS for w in words)


def _set_values(text: str) -> tuple[str, ...] | None:
    """{0, 2, 5} or {1, \\dots, 6} (at most 20 whole numbers): the values of a uniform law."""
    m = _FINITE_SET.fullmatch(text)
    if m:
        return tuple(dict.fromkeys(v.strip().lstrip("+") for v in m.group(1).split(",")))
    m = _RANGE_SET.fullmatch(text)
    if not m:
        return None
    first, second, last = int(m.group(1)), int(m.group(2)) if m.group(2) else None, int(m.group(3))
    step = (second - first) if second is not None else 1
    if step <= 0 or last < first or (last - first) % step or (last - first) // step >= 20:
        return None
    return tuple(str(v) for v in range(first, last + 1, step))


def _framed_laws(sentence, out: "Statements") -> list[str]:
    r"""A law said of variables named before it, with only the words of a frame between them: "$X_1, \dots, X_n$ are
    independent with the same law, mean $\mu$ and variance $\sigma^2$", "entries $q_1, \dots, q_d$, each with mean
    $0$ and variance $1$", "$X$ and $Y$, independent and each uniform on $\{1, \dots, 6\}$". Members of a family
    (X_1, ..., X_n) are read as one only where the sentence says they are independent."""
    found: list[str] = []
    words = _words(sentence)
    independent = bool(_IID_WORDS.search(words)) and not _NOT_INDEPENDENT.search(words)
    for k, piece in enumerate(sentence):
        if piece.kind != "text":
            continue
        family, params, used, before = None, None, k, None
        nxt = sentence[k + 1] if k + 1 < len(sentence) and sentence[k + 1].kind == "math" else None
        m = _UNIT_MOMENTS.fullmatch(piece.text)
        if m:
            family, params, before = "generic", ("0", "1"), m.group("before")
        m = None if family else _MEAN_AT_END.fullmatch(piece.text)
        if m and nxt is not None:
            mean = _law_parameter(nxt.text)
            variance = ""
            if k + 3 < len(sentence) and sentence[k + 2].kind == "text" and sentence[k + 3].kind == "math" \
                    and _VARIANCE_WORDS.fullmatch(sentence[k + 2].text):
                variance = _law_parameter(sentence[k + 3].text)
                used = k + 3
            else:
                used = k + 1
            family, params, before = "generic", (mean, variance), m.group("before")
        m = None if family else _UNIFORM_AT_END.fullmatch(piece.text)
        if m and nxt is not None and _set_values(nxt.text):
            family, params, before, used = "finite", _set_values(nxt.text), m.group("before"), k + 1
        if family is None or not params[0] or not _frame_only(before):
            continue
        if not re.search(r"\b(?:are|is|has|have|with|each|both|all)\b", before + (sentence[k - 1].text if k > 0 and
                                                                                 sentence[k - 1].kind == "text" else "")):
            continue  # ("one observation $y$, a mean $\mu$ and a variance $v$": a list of names, no law said of y)
        subjects: list[tuple[str, bool]] = []
        j = k - 1
        while j >= 0:
            p = sentence[j]
            if p.kind == "math":
                named = _subjects(p.text)
                if named is None:
                    break
                subjects = [(n, named[1]) for n in named[0]] + subjects
            elif not _frame_only(p.text):
                break
            j -= 1
        if not subjects or any(indexed and not independent for _, indexed in subjects):
            continue
        if family == "generic" and any(isinstance(x, str) and re.search(r"[<>=]|\\(?:in|le|ge|leq|geq)(?![A-Za-z])", x)
                                       for x in params):
            continue
        written = " ".join(_words(sentence[j + 1:used + 1]).split())
        for name, indexed in dict.fromkeys(subjects):
            if any(law.name == name for law in out.laws):
                continue
            out.laws.append(LawStatement(name, family, tuple(params), sentence[j + 1].offset, written, indexed))
            found.append(name)
        break
    return found


def _counted(word: str) -> str:
    """What a size counts, in one word: "categories" -> classes, "data points" -> examples."""
    word = " ".join(word.lower().split())
    return {"categories": "classes", "labels": "classes", "samples": "examples", "data points": "examples",
            "observations": "examples"}.get(word, word)


_PROPERTY = re.compile(r"\s*(?:is|be|are)\s+(?:a\s+|an\s+)?((?:symmetric|skew[- ]symmetric|orthogonal|invertible|nonsingular|"
                       r"non-singular|positive\s+(?:semi-?)?definite|negative\s+(?:semi-?)?definite|unitary|idempotent|"
                       r"normal|triangular|upper\s+triangular|lower\s+triangular|SPD|PSD|orthonormal|unit(?:[- ]norm)?|"
                       r"convex|concave|monotone|increasing|decreasing|bounded|periodic|even|odd|differentiable|"
                       # what entries summing to one and nonnegative make: a constraint derive does not read
                       r"(?:discrete\s+)?probability\s+(?:vectors?|distributions?|mass\s+functions?)|"
                       r"(?:(?:row|column|doubly)[- ])?stochastic(?:\s+(?:vectors?|matri(?:x|ces)))?|permutation\s+matri(?:x|ces)|"
                       r"rotation\s+matri(?:x|ces)|distributions?\s+on|"
                       # a random variable of a distribution: its values are what the distribution allows
                       r"bernoulli|binomial|poisson|gaussian|uniform(?:ly)?|exponential(?:ly)?|geometric|categorical|"
                       r"multinomial|random|distributed|i\.\s*i\.\s*d\.?|iid)\b)", re.I)
# ("symmetric positive definite", "symmetric and invertible": every property said, never the first alone)
_MORE_PROPERTIES = re.compile(r"(?:\s*,?\s*(?:and\s+)?(?:(?:positive|negative)\s+(?:semi-?\s*)?definite|invertible|"
                              r"nonsingular|non-singular|orthogonal|symmetric|diagonal|triangular|SPD|PSD)\b)+", re.I)


# "a symmetric weight matrix", "a symmetric positive definite matrix": properties before the matrix they qualify
_ATTRIBUTES = (r"(?:symmetric|(?:positive|negative)\s+(?:semi-?\s*)?definite|invertible|nonsingular|non-singular|orthogonal|"
               r"(?:upper|lower)\s+triangular|diagonal|orthonormal)")
PROPERTY_BEFORE = re.compile(r"\b(?:a|an|the|some|any)\s+(" + _ATTRIBUTES + r"(?:(?:\s*,\s*|\s+and\s+|\s+)" + _ATTRIBUTES
                             + r")*)\s+(?:(?:[a-z]+\s+){0,2}?matri(?:x|ces)\s*)?$", re.I)
# "... = 2Aw for symmetric $A$": the property a claim holds under (a condition of that claim, never standing)
_FOR_PROPERTY = re.compile(r"\bfor\s+(?:a\s+|an\s+|any\s+|every\s+|all\s+)?(symmetric)\s+(?:(?:[a-z]+\s+){0,1}?matri(?:x|ces)\s*)?$",
                           re.I)
# "$W$ with zero diagonal", ", zero on the diagonal": a matrix whose diagonal entries are all 0
_ZERO_DIAGONAL = re.compile(r"(?:^|\b)\s*,?\s*(?:(?:and\s+)?(?:with|having|and|has)\s+(?:a\s+|its\s+)?(?:zero|vanishing|null)\s+"
                            r"diagonal|(?:with\s+)?zeros?\s+(?:on|along)\s+(?:the|its)\s+diagonal)\b", re.I)


def _properties(m: re.Match, text: str) -> str:
    """The properties _PROPERTY matched in ``text``, with those said right after the first."""
    more = _MORE_PROPERTIES.match(text, m.end(1))
    return " ".join((m.group(1) + (more.group(0) if more else "")).split())


_DRAWN = re.compile(r"\s*(\\?[A-Za-z]+)\s*(?:_\s*(?:\{[^{}]*\}|\w))?\s*\\sim(?![A-Za-z])")
_DESCRIBED = re.compile(r"\s*(?:is|be|denotes?|stands\s+for)\s+(?:the|a|an|some)\s+[^.;:$()]{3,80}?(?=\s*(?:[.;:,(]|\band\b|$))"
                        # "where $\Phi$ is the normal CDF and $\phi$ its density": what the name is, in apposition
                        r"|\s*(?:its|their)\s+[^.;:$()]{3,60}?(?=\s*(?:[.;:,(]|\band\b|$))", re.I)


# a factorisation of a matrix, named: what makes its factors special (orthonormal columns, a diagonal, triangles)
_FACTORISATION_NAME = (r"((?:thin|reduced|compact|full|economy(?:[- ]size)?|truncated|rank[- ]\w+)?\s*(?:SVD|singular\s+value\s+"
                       r"decomposition|eigen-?\s*decomposition|spectral\s+decomposition|QR(?:\s+(?:decomposition|"
                       r"factori[sz]ation))?|Cholesky(?:\s+(?:factor|decomposition|factori[sz]ation))?|LU(?:\s+(?:decomposition|"
                       r"factori[sz]ation))?|polar\s+decomposition|Schur\s+decomposition))")
_FACTORISATION_AFTER = re.compile(r"\s*(?:is|be|being|as)\s+(?:a|an|the|its)\s+" + _FACTORISATION_NAME + r"\b", re.I)
_FACTORISATION_BEFORE = re.compile(r"\b(?:a|an|the|its)\s+" + _FACTORISATION_NAME + r"\s*(?:of\s+\$[^$]*\$\s*)?,?\s*$",
                                   re.I)
# a product of factors written alone: U \Sigma V^\top, Q R, L L^T, Q \Lambda Q^{-1}
_FACTORS = re.compile(r"(?:\s*\\?[A-Za-z]+\s*(?:\^\s*(?:\{\s*(?:\\top|T|-1|\*|H)\s*\}|\\top|T|\*|H))?\s*){2,4}")


def _describe_factors(product: str, factorisation: str, offset: int, out: "Statements") -> None:
    bare = re.sub(r"\^\s*(?:\{[^{}]*\}|\\top|T|\*|H)", " ", product)
    for letter in dict.fromkeys(re.findall(r"\\?[A-Za-z]+", bare)):
        out.described.append((letter, offset, f"${letter}$ is a factor of a {' '.join(factorisation.split())}", False))


def _declarations_in_text(text: str, sentence, n: int, out: Statements, offset: int) -> None:
    """Declarations said in words, about the inline mathematics or the letter just before them."""
    before = sentence[n - 1] if n > 0 else None
    subject = None
    predicate = text  # the words said of the subject
    if before is not None and before.kind == "math":
        subject = _clean(before.text)
    else:
        m = re.match(r"\s*(?:\\mathbf\{)?([A-Za-z])\}?\s+(?=is|are|be)", text)
        if m:
            subject, predicate = m.group(1), text[m.end():]
    lead = text.split(".")[0]
    if _ONEHOT.search(text):
        for m in re.finditer(r"(?:^|\s)(\\mathbf\{([A-Za-z])\}|\$?\\?mathbf\{?([A-Za-z])\}?|([A-Za-z]'?))\s+(?:is|are|be)\s+"
                             r"(?:a\s+|an\s+)?(?:(?:one|1)[- ]?hot)", text):
            name = m.group(2) or m.group(3) or m.group(4)
            out.declarations.append(Declaration(name, "onehot", (), offset + m.start(), m.group(0).strip()))
        if subject and "=" not in subject and re.match(r"\s*(?:(?:is|are|be|denotes?)\s+|,\s*)?(?:a\s+|an\s+|the\s+)?(?:one|1)[- ]?hot"
                                                      r"(?:\s+(?:vector|label|target|encoding|code)|\s*[,.;]|\s*$)", text):
            # ("$y \in \mathbb{R}^3$ is one-hot": the name declared, y)
            named = _clean(re.split(r"\\in(?![A-Za-z])", subject)[0]) if "\\in" in subject else subject
            out.declarations.append(Declaration(named, "onehot", (), offset, text.strip()))
        after = sentence[n + 1] if n + 1 < len(sentence) else None
        if after is not None and after.kind == "math" and _ONEHOT_BEFORE.search(text):
            # "encoded one-hot as $y \in \{0, 1\}^3$", "the one-hot label $\mathbf{y}$": the name that follows
            # (never "the one-hot label $y = (0, 0, 1)$": an example's value, which says nothing of y elsewhere)
            m = re.match(r"\s*(?:\\(?:mathbf|boldsymbol|bm)\s*\{?\s*)?([A-Za-z])\s*\}?\s*(?:\\in(?![A-Za-z])|$)", after.text)
            if m:
                out.declarations.append(Declaration(m.group(1), "onehot", (), after.offset,
                                                    _ONEHOT_BEFORE.search(text).group(0).strip()))
    if subject and _CLASS_INDEX.search(lead) and re.match(r"\s*(?:is|be|denotes?)\s+the\b", text):
        out.declarations.append(Declaration(subject, "class", (), offset, text.strip()))
    m = _CALL_ENTRY.search(text)
    if m:
        out.declarations.append(Declaration(m.group(1), "class", (), offset + m.start(), m.group(0)))
    m = _CLASSES.search(text)
    if m:
        out.declarations.append(Declaration(m.group(1), "size", (_counted(m.group(2)),), offset + m.start(), m.group(0)))
    m = _NUMBER_OF_CLASSES.match(predicate) or _COUNT_AFTER.match(text)
    if subject and m and re.fullmatch(r"[A-Za-z]", subject):
        out.declarations.append(Declaration(subject, "size", (_counted(m.group(1)),), offset, text.strip()))
    m = _GRADIENT_COLUMNS.search(text)
    if m and not re.search(r"\brows?\b|\bnot\b", text[:m.end()], re.I):
        # "the gradient is a column vector", "gradients have the shape of the variable"
        out.declarations.append(Declaration("gradient", "gradient-columns", (), offset + max(0, text.find("gradient")),
                                            m.group(0)))
    m = _LAYOUT.search(text)
    if m:
        kinds = {k.lower() for k in _LAYOUT_KIND.findall(_words(sentence))}
        said_so = _LAYOUT_VERB.search(text[:m.start()][-60:]) or _LAYOUT_AFTER.match(text[m.end():])
        if len(kinds) == 1 and not _NOT_LAYOUT.search(text[:m.start()][-40:]) and said_so:
            # "we use denominator layout": how the document writes the derivative of a vector by a vector
            out.declarations.append(Declaration("layout", "layout", (m.group(1).lower(),), offset + m.start(), m.group(0)))
    m = _DESCRIBED.match(text)
    if subject and m and re.fullmatch(r"\\?[A-Za-z]+", subject):
        words = re.sub(r"^(?:be|denotes?|stands\s+for)\b", "is", " ".join(m.group(0).split()))
        words = re.sub(r"^(?=its\b|their\b)", "is ", words)
        out.described.append((subject, offset, f"${subject}$ {words}", True))
    factorisation = _FACTORISATION_AFTER.match(text)
    if subject and factorisation and _FACTORS.fullmatch(subject):
        # "If $U \Sigma V^\top$ is a thin SVD of $G$": each factor has what the factorisation gives it (orthonormal
        # columns, a diagonal), which derive does not read: a counterexample must have it
        _describe_factors(subject, factorisation.group(1), offset, out)
    after_math = sentence[n + 1] if n + 1 < len(sentence) else None
    factorisation = _FACTORISATION_BEFORE.search(text)
    if after_math is not None and after_math.kind == "math" and factorisation and "=" in after_math.text \
            and _FACTORS.fullmatch(after_math.text.split("=")[-1]):
        # "the thin SVD $G = U \Sigma V^\top$": the same, of the factors on the right
        _describe_factors(after_math.text.split("=")[-1], factorisation.group(1), after_math.offset, out)
    m = _PROPERTY.match(text)
    if m is None and subject and "\\in" in subject and _PROPERTY.match(" is " + text):
        # "$V \\in \\mathbb{R}^{p \\times p}$ orthogonal": the property in apposition to the declaration
        text = " is " + text
        m = _PROPERTY.match(text)
    if m is None and subject and n >= 2 and sentence[n - 2].kind == "text" \
            and re.search(r"\b(?:with|where|and|for)\s*$", sentence[n - 2].text, re.I) \
            and re.match(r"\s*" + _ATTRIBUTES + r"\b", text, re.I):
        # "with $A$ symmetric positive definite": the property in apposition, after "with"
        text = " is " + text
        m = _PROPERTY.match(text)
    named = _clean(subject.split("\\in")[0]) if subject else None
    if named and m and re.fullmatch(r"\\?[A-Za-z]+", named):
        # "let $A \in \mathbb{R}^{n \times n}$ be symmetric": a property derive does not read, which a
        # counterexample must have
        out.described.append((named, offset, f"${named}$ is {_properties(m, text)}", False))
        # ("let $p$ and $q$ be probability vectors", "$u$, $v$ are orthogonal": each name the list gives)
        k = n - 2
        while m.group(0).lstrip().lower().startswith("are") or m.group(0).lstrip().lower().startswith("be"):
            if k < 1 or sentence[k].kind != "text" or not re.fullmatch(r"\s*(?:,|and|,\s*and)\s*", sentence[k].text) \
                    or sentence[k - 1].kind != "math":
                break
            other = _clean(sentence[k - 1].text)
            if not re.fullmatch(r"\\?[A-Za-z]+", other):
                break
            out.described.append((other, offset, f"${other}$ is {_properties(m, text)}", False))
            k -= 2
    after = sentence[n + 1] if n + 1 < len(sentence) else None
    m = _FOR_PROPERTY.search(text)
    if m and after is not None and after.kind == "math":
        qualified = _clean(after.text.split("\\in")[0])
        if re.fullmatch(r"\\?[A-Za-z]+", qualified):
            out.described_after.append((qualified, after.offset, f"${qualified}$ is symmetric"))
    m = PROPERTY_BEFORE.search(text)
    if m and after is not None and after.kind == "math":
        # "a symmetric weight matrix $W \in \mathbb{R}^{n \times n}$": the properties said before the matrix
        qualified = _clean(after.text.split("\\in")[0])
        if re.fullmatch(r"\\?[A-Za-z]+", qualified):
            out.described.append((qualified, after.offset, f"${qualified}$ is {' '.join(m.group(1).split())}", False))
    m = _ZERO_DIAGONAL.search(re.split(r"[.;:]", text)[0])
    if m and named and re.fullmatch(r"\\?[A-Za-z]+", named):
        # "$W \in \mathbb{R}^{n \times n}$ with zero diagonal": every diagonal entry 0
        out.described.append((named, offset, f"${named}$ has zero diagonal", False))
    m = _ALIAS.match(text)
    if subject and m and re.fullmatch(r"\\?[A-Za-z]+", subject):
        kind = _ALIAS_KINDS.get(m.group(1).lower().split()[0], "relu")
        out.declarations.append(Declaration(subject, "alias", (kind,), offset, text.strip()))
    m = _ALIAS_BEFORE.search(text)
    if m and after is not None and after.kind == "math" and re.fullmatch(r"\s*\\?[A-Za-z]+\s*", after.text):
        # "and the ReLU $\sigma$ applied entrywise": sigma is the ReLU
        out.declarations.append(Declaration(after.text.strip(), "alias", (_ALIAS_KINDS[m.group(1).lower()],),
                                            after.offset, m.group(0).strip()))
    constant = _CONSTANT.match(text) if subject else None
    if constant and not re.search(r"\\(?:mathbf|boldsymbol|bm|vec)\b", subject):
        # "$A$ is a scalar", "$A, B$ are scalars", "$A$ and $B$ are numbers", "$a$, $b$, $c$ and $x$ are positive
        # real numbers"
        names = [part.strip() for part in subject.split(",")]
        k = n - 2
        while k >= 1 and sentence[k].kind == "text" and re.fullmatch(r"\s*(?:,|and|,\s*and)\s*", sentence[k].text) \
                and sentence[k - 1].kind == "math" and constant.group(0).lstrip().lower().startswith("are"):
            names = [part.strip() for part in _clean(sentence[k - 1].text).split(",")] + names
            k -= 2
        for name in names:
            if re.fullmatch(r"\\?[A-Za-z]+", name):
                if (constant.group("one") or constant.group("all") or "").lower() == "positive":
                    out.declarations.append(Declaration(name, "range", (">", "0"), offset, f"{name} > 0"))
                else:
                    out.declarations.append(Declaration(name, "scalar", (), offset, text.strip()))


# --- words inside a display --------------------------------------------------------------------

_TEXT_GROUP = re.compile(r"\\(?:text|textrm|textnormal|mbox|mathrm\s*\{\\text)\s*\{([^{}]*)\}")
_DISPLAY_CONDITION = re.compile(rf"\s*\$?\s*({_LETTER})\s*(=|{_NEQ})\s*({_LETTER})\s*\$?\s*(?:[,:]|\\quad|\\qquad|\\;|\\,|(?=\\text))(?:\s*(?:\\q?quad|\\[;,!]))*")
_GET = re.compile(r"(?:\b(?:we\s+)?(?:get|obtain|have|gives?|becomes?|yields?)|=)\s*:?\s*$|:\s*$", re.I)


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + re.sub(r"[^\n]", " ", text[start:end]) + text[end:]


def display_prose(content: str) -> tuple[str, list[tuple[str, bool, str, int]], bool, str]:
    """The words a display holds: ``\\text{if } i = j,`` gives a condition for the display, and
    ``\\text{..., get: }`` ends the words before the claim. Returns the content with the words (and
    whatever mathematics stands among them before the claim) blanked, the conditions (left, equal,
    right, offset), whether the claim continues the chain before the display (nothing but words and
    conditions stood before "get:"), and a problem when the words cannot be told from the claim.
    """
    groups = list(_TEXT_GROUP.finditer(content))
    if not groups:
        return content, [], False, ""
    conditions: list[tuple[str, bool, str, int]] = []
    out = content
    marker_end = None
    for g in groups:
        words = g.group(1)
        if _OPENS.search(words) and re.search(r"\b(?:if|when|whenever|for|where|case)\s*$", words, re.I):
            m = _DISPLAY_CONDITION.match(content, g.end())
            if m:
                left, rel, right = m.groups()
                conditions.append((left.strip(), rel == "=", right.strip(), g.start()))
                out = _blank(out, g.start(), m.end())
                continue
        if _GET.search(words) and words.strip():
            marker_end = g.end()
    if marker_end is None:
        return out, conditions, False, ""
    if not out[marker_end:].strip():
        return _TEXT_GROUP.sub(lambda m: " " * len(m.group(0)), out), conditions, False, ""
    # Everything before the last "get:" is prose (or conditions, already taken).
    before = out[:marker_end]
    rest_before = _TEXT_GROUP.sub(lambda m: " " * len(m.group(0)), before)
    standalone = bool(re.search(r"[^\s,.;:]", rest_before)) and _has_relation(rest_before)
    if standalone:
        # a claim stands before the words: it is one chain, the claim after them another
        head = _TEXT_GROUP.sub(lambda m: " " * len(m.group(0)), out[:marker_end])
        cut = marker_end - len("\\quad")
        return head[:cut] + "\\quad" + out[marker_end:], conditions, False, ""
    label = re.match(r"\s*\(\d+[a-z]?\)", out)
    return _blank(out, label.end() if label else 0, marker_end), conditions, True, ""


# --- cases ------------------------------------------------------------------------------------------

_CASES = re.compile(r"^\s*\\begin\{(?:cases|dcases)\*?\}(?P<body>.*)\\end\{(?:cases|dcases)\*?\}\s*[,.]?\s*$", re.S)
_BRANCH_WORDS = re.compile(r"\\(?:text|textrm|mbox|mathrm)\s*\{\s*(if|for|when|where|otherwise|else|falls)\b\s*([^{}]*)\}"
                           r"|(?<!\\),\s*(?=\S)", re.I)  # (never the thin space \,)


def cases_branches(term: str):
    """The branches of ``\\begin{cases} a & \\text{if } i = j \\\\ b & \\text{otherwise} \\end{cases}``:
    [(value, condition text or None for "otherwise", offset of the value in term)], or None when the
    term is not a cases environment or a branch cannot be split into its value and its condition."""
    m = _CASES.match(term)
    if not m:
        return None
    body, base = m.group("body"), m.start("body")
    rows, depth, start = [], 0, 0
    n = 0
    while n < len(body):
        if body.startswith("\\\\", n) and depth == 0:
            rows.append((body[start:n], base + start))
            n += 2
            start = n
            continue
        if body[n] == "{":
            depth += 1
        elif body[n] == "}":
            depth -= 1
        n += 1
    rows.append((body[start:], base + start))
    out = []
    for row, at in rows:
        if not row.strip():
            continue
        found = [w for w in _BRANCH_WORDS.finditer(row) if _brace_depth(row, w.start()) == 0]
        words = next((w for w in found if w.group(1)), None) or next(iter(found), None)
        if words is None:
            # "\frac{1}{2} - m & m \le 0": the condition alone in the second column
            amp = [n for n, ch in enumerate(row) if ch == "&" and _brace_depth(row, n) == 0]
            if len(amp) != 1 or not row[:amp[0]].strip() or not row[amp[0] + 1:].strip():
                return None
            condition = row[amp[0] + 1:].strip().strip("$ ,.")
            out.append((row[:amp[0]].rstrip().rstrip(","), None if condition.lower() in ("otherwise", "else") else condition,
                        at))
            continue
        value = row[:words.start()].replace("&", " ").rstrip().rstrip(",")
        keyword = (words.group(1) or "").lower()
        if keyword in ("otherwise", "else"):
            condition = None
        else:
            condition = ((words.group(2) or "") + " " + row[words.end():]).replace("&", " ").strip().strip("$ ,.")
            if not condition:
                return None
        if not value.strip():
            return None
        out.append((value, condition, at))
    return out or None


def _brace_depth(text: str, upto: int) -> int:
    return text.count("{", 0, upto) - text.count("}", 0, upto)


def branch_conditions(text: str, offset: int) -> tuple[Condition, ...] | None:
    """A branch's condition as one condition (see branch_condition) or as the two bounds of an interval of one
    name (0 < m < 1); None if it is neither."""
    one = branch_condition(text, offset)
    if one is not None:
        return (one,)
    ranges = inequalities(re.sub(r"\$", " ", text), offset)
    if len(ranges) == 2 and ranges[0].left == ranges[1].left:
        return tuple(ranges)
    return None


def branch_condition(text: str, offset: int) -> Condition | None:
    """A branch's condition as a relation of index letters or a number's value; None if it is not one."""
    text = re.sub(r"\$", " ", text)
    found = _condition(text, offset, True)
    if found is None:
        ranges = inequalities(text, offset)
        found = ranges[0] if len(ranges) == 1 else None
    return found
