"""Plain-text printing of values and small expressions, as a person writes them (e, not E)."""

from __future__ import annotations

import sympy as sp
from sympy.printing.precedence import PRECEDENCE
from sympy.printing.str import StrPrinter

__all__ = ["to_text", "to_unicode", "unicode_name", "math_text", "prose_text"]


class PlainPrinter(StrPrinter):
    """SymPy's str printer with the constant e and exponentials written the usual way."""

    def _print_Exp1(self, expr):
        return "e"

    def _square_operand(self, entry) -> str:
        r, c = entry.variables
        body = entry.expr
        if isinstance(body, sp.Indexed) and len(body.indices) == 2 and body.indices in ((r, c), (c, r)):
            return self._print(body.base) + ("" if body.indices == (r, c) else "ᵀ")
        return f"[{self._print(body)}]_({self._print(r)}{self._print(c)})"

    def _print_DeterminantOf(self, expr):
        return f"det {self._square_operand(expr.args[0])}"

    def _print_InverseEntryOf(self, expr):
        entry, _, i, j = expr.args
        return f"({self._square_operand(entry)}⁻¹)_({self._print(i)}{self._print(j)})"

    def _print_exp(self, expr):
        arg = expr.args[0]
        if arg.is_Atom and not (arg.is_Number and arg < 0):
            return f"e^{self._print(arg)}"
        return f"e^({self._print(arg)})"

    def _print_Pow(self, expr, rational=False):
        base, exp = expr.as_base_exp()
        if exp == sp.S.Half:
            return f"sqrt({self._print(base)})"
        if exp.is_negative:
            return f"1/{self.parenthesize(sp.Pow(base, -exp), PRECEDENCE['Mul'], strict=True)}"
        return f"{self.parenthesize(base, PRECEDENCE['Pow'], strict=True)}^{self.parenthesize(exp, PRECEDENCE['Pow'])}"

    def _print_Indexed(self, expr):
        return f"{self._print(expr.base.label)}_{','.join(self._print(i) for i in expr.indices)}"

    def _print_Unrolled(self, expr):
        return self._print(expr.as_written())

    def _print_FamilyTerm(self, expr):
        name, step, _, arg = expr.args
        return f"{name.name}_{self._print(step)}({self._print(arg)})"


def to_text(expr: sp.Basic) -> str:
    return PlainPrinter({"order": "none"}).doprint(expr)


# Greek letter names and the marks the documents put on names, as a terminal shows them.
_GREEK = {name: chr(code) for name, code in (
    ("alpha", 0x3B1), ("beta", 0x3B2), ("gamma", 0x3B3), ("delta", 0x3B4), ("epsilon", 0x3B5), ("zeta", 0x3B6),
    ("eta", 0x3B7), ("theta", 0x3B8), ("iota", 0x3B9), ("kappa", 0x3BA), ("lambda", 0x3BB), ("mu", 0x3BC),
    ("nu", 0x3BD), ("xi", 0x3BE), ("pi", 0x3C0), ("rho", 0x3C1), ("sigma", 0x3C3), ("tau", 0x3C4),
    ("phi", 0x3C6), ("chi", 0x3C7), ("psi", 0x3C8), ("omega", 0x3C9))}
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def unicode_name(name: str) -> str:
    """A variable's name as a terminal shows it: theta -> θ, yhat -> ŷ, W1 -> W⁽¹⁾."""
    name = name.lstrip("_") or "u"
    stem = name.rstrip("0123456789")
    layer = name[len(stem):] if stem and stem.isalpha() else ""
    if not layer:
        stem = name
    hat = stem.endswith("hat") and len(stem) > 3
    if hat:
        stem = stem[:-3]
    stem = _GREEK.get(stem, stem)
    if hat:
        stem += "\u0302"
    return stem + (f"⁽{layer.translate(_SUPERSCRIPT)}⁾" if layer else "")


def _index_name(name: str) -> str:
    """An index: Greek or plain letters, a trailing number as a subscript (c2 -> c₂), never a layer."""
    name = name.lstrip("_") or "u"
    stem = name.rstrip("0123456789")
    return _GREEK.get(stem, stem) + name[len(stem):].translate(_SUBSCRIPT)


_SUBSCRIPT = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


class UnicodePrinter(PlainPrinter):
    """One line of Unicode for a formula, the way it reads on a terminal: θ_k, Σ_j e^x_j, ∂f/∂x_k."""

    printmethod = "_derive_unicode"  # SymPy's own _sympystr methods would print x[i]

    def _print_Symbol(self, expr):
        return unicode_name(expr.name)

    def _print_Dummy(self, expr):
        return _index_name(expr.name)

    def _print_Idx(self, expr):
        return _index_name(str(expr.label))

    def _print_IndexedBase(self, expr):
        return unicode_name(str(expr.label))

    def _print_Indexed(self, expr):
        indices = [self._print(i) for i in expr.indices]
        glue = "" if all(len(i) == 1 for i in indices) else ","
        sub = glue.join(indices)
        return f"{self._print(expr.base)}_{'(' + sub + ')' if glue else sub}"

    def _print_Exp1(self, expr):
        return "e"

    def _print_Sum(self, expr):
        body = self.parenthesize(expr.function, PRECEDENCE["Mul"], strict=True)
        below = ",".join(self._print(limit[0]) for limit in expr.limits)
        return f"(Σ_{below} {body})"

    def _print_SumExcept(self, expr):
        vec, k = expr.args
        (j,) = vec.variables
        body = self.parenthesize(vec.expr, PRECEDENCE["Mul"], strict=True)
        return f"(Σ_({self._print(j)}≠{self._print(k)}) {body})"

    def _print_Derivative(self, expr):
        partial = any(isinstance(v, (sp.Indexed, sp.Idx)) for v in expr.variables) or len(expr.expr.free_symbols) > 1
        d = "∂" if partial else "d"
        below = "".join(f"{d}{self._print(v)}" + (f"^{n}" if n != 1 else "") for v, n in expr.variable_count)
        order = sum(n for _, n in expr.variable_count)
        top = d if order == 1 else f"{d}^{order}"
        body = self._print(expr.expr)
        if not isinstance(expr.expr, (sp.Symbol, sp.Indexed, sp.Function, sp.Sum)):
            body = f"({body})"
        return f"{top}/{below} {body}"

    def _print_sigmoid(self, expr):
        return f"σ({self._print(expr.args[0])})"

    def _print_dsigmoid(self, expr):
        return f"σ'({self._print(expr.args[0])})"

    def _print_softmax(self, expr):
        vec, i = expr.args
        (j,) = vec.variables
        inner = vec.expr
        if isinstance(inner, sp.Indexed) and inner.indices == (j,):
            text = self._print(inner.base)
        else:
            text = f"({self._print(inner)})_{self._print(j)}"
        return f"softmax({text})_{self._print(i)}"

    def _print_KroneckerDelta(self, expr):
        return f"δ_{''.join(self._print(a) for a in expr.args)}"

    def _print_Mul(self, expr):
        return super()._print_Mul(expr).replace("*", "·")


def to_unicode(expr: sp.Basic) -> str:
    """A formula on one line of Unicode, for the terminal."""
    return UnicodePrinter({"order": "none"}).doprint(expr)


# --- mathematics written in prose, as a terminal shows it --------------------------------------------

# The Greek letters by their LaTeX names, for printers that write them back (θ -> \\theta).
GREEK_LETTERS = {
    **_GREEK, "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ",
    "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω", "varepsilon": "ε", "varphi": "φ", "vartheta": "ϑ",
}
_SYMBOLS = {
    **GREEK_LETTERS, "ell": "ℓ",
    "neq": "≠", "ne": "≠", "leq": "≤", "le": "≤", "geq": "≥", "ge": "≥", "in": "∈", "notin": "∉",
    "times": "×", "cdot": "·", "star": "⋆", "ast": "∗", "ldots": "…", "dots": "…", "cdots": "⋯", "vdots": "⋮", "ddots": "⋱",
    "sum": "Σ", "prod": "Π", "partial": "∂", "infty": "∞", "to": "→", "rightarrow": "→", "mapsto": "↦",
    "approx": "≈", "pm": "±", "nabla": "∇", "forall": "∀", "exists": "∃", "top": "⊤", "intercal": "⊤",
    "mid": "|", "vert": "|", "lvert": "|", "rvert": "|", "Vert": "‖", "langle": "⟨", "rangle": "⟩",
    "subset": "⊂", "subseteq": "⊆", "cup": "∪", "cap": "∩", "equiv": "≡", "propto": "∝", "circ": "∘",
    "odot": "⊙", "otimes": "⊗", "oplus": "⊕", "sim": "∼", "colon": ":", "quad": " ", "qquad": " ",
    "log": "log", "ln": "ln", "exp": "exp", "sin": "sin", "cos": "cos", "tan": "tan", "tanh": "tanh",
    "max": "max", "min": "min", "arg": "arg", "det": "det", "lim": "lim",
}
_DROPPED = {"left", "right", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr", "displaystyle",
            "textstyle", "limits", "nolimits", "!"}
_SPACES = {",", ";", ":", " ", "enspace", "thinspace"}
_TEXT = {"text", "textrm", "textit", "textbf", "mathrm", "mathit", "mathbf", "mathsf", "mathtt", "boldsymbol",
         "bm", "operatorname", "mbox", "mathcal", "mathscr"}
_BLACKBOARD = {"R": "ℝ", "N": "ℕ", "Z": "ℤ", "Q": "ℚ", "C": "ℂ"}
_ACCENTS = {"hat": "\u0302", "widehat": "\u0302", "bar": "\u0304", "overline": "\u0305", "tilde": "\u0303",
            "widetilde": "\u0303", "dot": "\u0307", "ddot": "\u0308", "vec": "\u20d7"}


class _MathScanner:
    """A LaTeX formula read token by token into one line of text: θ_i, j ≠ i, e^(-x), ℝ^(N×N).

    It only rewrites the control words it knows; any other is kept as written, so the text says no
    more than the formula does. Nothing is ever run or expanded."""

    def __init__(self, tex: str):
        self.tex = tex
        self.at = 0

    def _peek(self) -> str:
        return self.tex[self.at] if self.at < len(self.tex) else ""

    def _word(self) -> str:
        """The control sequence after a backslash (the backslash already read)."""
        start = self.at
        while self._peek().isalpha():
            self.at += 1
        if self.at == start and self.at < len(self.tex):
            self.at += 1  # a control symbol: \{, \,, \\
        return self.tex[start:self.at]

    def _skip_spaces(self) -> None:
        while self._peek().isspace():
            self.at += 1

    def argument(self) -> str:
        """One argument: a braced group, a control sequence or a single character."""
        self._skip_spaces()
        ch = self._peek()
        if ch == "{":
            self.at += 1
            return self.until("}")
        if ch == "\\":
            self.at += 1
            return self.command(self._word())
        self.at += 1
        return ch

    def until(self, close: str = "") -> str:
        out = []
        while self.at < len(self.tex):
            ch = self.tex[self.at]
            self.at += 1
            if ch == close:
                break
            if ch == "{":
                out.append(self.until("}"))
            elif ch == "\\":
                out.append(self.command(self._word()))
            elif ch in "_^":
                script = self.argument()
                # (x^* and x^\star: a marked name, written x*; a power keeps its caret, x^2)
                out.append("*" if ch == "^" and script in ("*", "∗", "⋆") else ch + _grouped(script))
            elif ch.isspace():
                if out and out[-1] != " ":
                    out.append(" ")
            elif ch == "~":
                out.append(" ")
            else:
                out.append(ch)
        return "".join(out).strip() if close else "".join(out)

    def command(self, word: str) -> str:
        if word in ("star", "starsub") and self._peek() == "{":
            return self.argument() + "*"  # \\star{x}: the name x^* as the reading spells it
        if word in _SYMBOLS:
            return _SYMBOLS[word]
        if word in _DROPPED:
            return ""
        if word in _SPACES:
            return " "
        if word in _TEXT:
            return self.argument()
        if word == "mathbb":
            arg = self.argument()
            return _BLACKBOARD.get(arg, arg)
        if word in _ACCENTS:
            arg = self.argument()
            return arg[:1] + _ACCENTS[word] + arg[1:] if arg[:1].isalpha() else f"{word}({arg})"
        if word in ("frac", "dfrac", "tfrac"):
            top, bottom = self.argument(), self.argument()
            return f"{_grouped(top)}/{_grouped(bottom)}"
        if word == "sqrt":
            return f"√({self.argument()})"
        if word == "\\":
            return " "
        if len(word) == 1 and not word.isalpha():
            return word  # \{ \} \_ \% \& \$ \#
        # A command it does not know: as written, with its braced arguments.
        out = "\\" + word
        while self._peek() == "{":
            self.at += 1
            out += "{" + self.until("}") + "}"
        return out


def _grouped(text: str) -> str:
    """A subscript, superscript or fraction's part: bare when it is one name or number (θ_i, x^2), else
    in parentheses."""
    return text if text.isalnum() or len(text) <= 1 else f"({text})"


def math_text(tex: str) -> str:
    """A LaTeX formula from prose ("j \\neq i", "e^{-x}") as one line of readable text ("j ≠ i", "e^(-x)")."""
    try:
        return " ".join(_MathScanner(str(tex)).until().split())
    except RecursionError:  # braces nested beyond reason: shown as written
        return str(tex)


def prose_text(text: str) -> str:
    """Prose with its mathematics between dollars ("$y$ is one-hot at $t$"), as plain text for a terminal
    ("y is one-hot at t"); with an odd number of dollars the text is shown as written."""
    text = str(text)
    if text.count("$") % 2:
        return text
    return "".join(math_text(part) if n % 2 else part for n, part in enumerate(text.split("$")))
