"""A LaTeX document's own macros: definitions, expansion in document order, limits, ignored text."""

from __future__ import annotations

import re
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from derive.errors import FormulaError
from derive.read.macros import MAX_EXPANDED, MAX_EXPANSIONS, blank_ignored, expand_macros


def _squash(text: str) -> str:
    return " ".join(text.split())


def _x(text: str) -> str:
    return _squash(expand_macros(text).text)


@pytest.mark.parametrize("source, expanded", [
    (r"\newcommand{\R}{\mathbb{R}} $x \in \R^N$", r"$x \in \mathbb{R}^N$"),
    (r"\newcommand*\R{\mathbb{R}} \R", r"\mathbb{R}"),
    (r"\newcommand{\norm}[1]{\|#1\|} \norm{x + y} \norm x", r"\|x + y\| \|x\|"),
    (r"\newcommand{\vy}{\mathbf{y}} \hat\vy - \vy \bar \vy", r"\hat{\mathbf{y}} - \mathbf{y} \bar {\mathbf{y}}"),  # an accent's argument
    (r"\newcommand{\ip}[2]{\langle #1, #2 \rangle} \ip{u}{v} \ip {a} {b}", r"\langle u, v \rangle \langle a, b \rangle"),
    (r"\newcommand{\E}[2][X]{\mathbb{E}_{#1}[#2]} \E{y} \E[Z]{y}", r"\mathbb{E}_{X}[y] \mathbb{E}_{Z}[y]"),
    (r"\def\half{\frac{1}{2}} \half x", r"\frac{1}{2} x"),
    (r"\def\sq#1{#1^2} \sq{a} \sq b", r"a^2 b^2"),
    (r"\def\pair(#1,#2){\langle #1, #2 \rangle} \pair(u,v) = 1", r"\langle u, v \rangle = 1"),
    (r"\DeclareMathOperator{\Tr}{tr} \Tr A", r"\operatorname{tr} A"),
    (r"\DeclareMathOperator*{\argmax}{arg\,max} \argmax_x", r"\operatorname{arg\,max}_x"),
    (r"\newcommand{\a}{1} \let\b\a \renewcommand{\a}{2} \a \b", "2 1"),  # \let copies the meaning it has now
    (r"\let\oldsqrt\sqrt \renewcommand{\sqrt}[1]{\oldsqrt{#1}} \sqrt{2}", r"\sqrt{2}"),
    (r"\newcommand{\a}{1} \providecommand{\a}{2} \providecommand{\c}{3} \a \c", "1 3"),
    (r"\R \newcommand{\R}{\mathbb{R}} \R", r"\R \mathbb{R}"),  # a macro holds from its definition on
    (r"\newcommand{\a}{A} \a \renewcommand{\a}{B} \a", "A B"),
    (r"\newcommand{\inner}{\ip} \newcommand{\ip}[2]{(#1|#2)} \inner{u}{v}", "(u|v)"),  # arguments past the body
    (r"\newenvironment{eqs}{\begin{align}}{\end{align}} \begin{eqs} a &= b \end{eqs}",
     r"\begin{align} a &= b \end{align}"),
    (r"\newcommand{\be}{\begin{equation}} \def\ee{\end{equation}} \be a = b \ee",
     r"\begin{equation} a = b \end{equation}"),
    (r"\def\y{1} \edef\x{\y + \y} \def\y{2} \x, \y", "1 + 1, 2"),  # \edef expands its body at once
    (r"\newcommand{\R}{\ensuremath{\mathbb{R}}\xspace} $x \in \R$, \R\relax.", r"$x \in {\mathbb{R}}$, {\mathbb{R}} ."),
])
def test_definitions_are_expanded(source, expanded):
    assert _x(source) == expanded


@pytest.mark.parametrize("source, expanded", [
    (r"\newcommand{\x}{1} \begin{proof} \renewcommand{\x}{2} \x \end{proof} \x", r"\begin{proof} 2 \end{proof} 1"),
    (r"\def\x{1} {\def\x{2} \x} \x", "{ 2} 1"),
    (r"\def\x{1} \begingroup \def\x{2} \x \endgroup \x", r"\begingroup 2 \endgroup 1"),
    (r"{\newcommand{\z}{Z}} \z", r"{ } \z"),
    (r"\def\x{1} {\gdef\x{2}} \x", "{ } 2"),
    (r"\def\x{1} {\global\def\x{2}} \x", r"{\global } 2"),
    (r"\AtBeginDocument{\newcommand{\y}{Y}} \y", r"\AtBeginDocument{ } Y"),  # LaTeX runs it outside the group
    (r"\begin{document} \newcommand{\y}{Y} \end{document} \y", r"\begin{document} \end{document} Y"),
    (r"\newcommand{\setx}{{\def\x{1}\x}} \def\x{0} \setx \x", "{1} 0"),
    (r"} \end{foo} \def\x{1} \x", r"} \end{foo} 1"),  # a stray closer ends no group
])
def test_a_definition_holds_to_the_end_of_its_group(source, expanded):
    assert _x(source) == expanded


def test_control_words_stay_apart_from_the_letters_after_them():
    # TeX reads tokens: \alpha followed by the b of \x is never the command \alphab.
    assert _x(r"\def\x{b} $\alpha\x$") == r"$\alpha b$"
    assert _x(r"\newcommand{\f}[1]{\sin#1} \f{x}") == r"\sin x"
    assert _x(r"\newcommand{\g}[1]{#1y} \g{\alpha}") == r"\alpha y"


def test_offsets_point_into_the_file():
    text = "\\newcommand{\\sq}[1]{(#1)^2}\n\\[ \\sq{a} + b = c \\]\n"
    e = expand_macros(text)
    at = e.text.index("(a)^2")
    assert e.start(at) == text.index("\\sq{a}") and e.end(at + 4) == text.index("\\sq{a}") + len("\\sq{a}")
    plus = e.text.index("+ b")
    assert e.start(plus) == text.index("+ b")  # text copied as written keeps its own offset
    assert not expand_macros("\\[ a = b \\] % no macros\n").moved


@pytest.mark.parametrize("source, name", [
    (r"\def\a{\a} $\a$", r"\a"),
    (r"\newcommand{\loop}{\loop x} \[ \loop = 1 \]", r"\loop"),
    (r"\newcommand{\a}{\b} \newcommand{\b}{\a} \[ \a = 1 \]", r"\a"),
    (r"\def\a#1{\a{#1}} \a{x}", r"\a"),
    (r"\newenvironment{e}{\begin{e}}{} \begin{e}", r"\begin{e}"),
])
def test_a_macro_defined_in_terms_of_itself_is_one_line_naming_it(source, name):
    start = time.perf_counter()
    with pytest.raises(FormulaError) as info:
        expand_macros(source)
    message = str(info.value)
    assert "\n" not in message and name in message and "defined in terms of itself" in message
    assert time.perf_counter() - start < 10


def test_an_expansion_that_grows_without_end_is_bounded(monkeypatch):
    import derive.read.macros as macros

    ninefold = r"\def\d#1{#1#1#1#1#1#1#1#1#1}" + r"\d{" * 10 + "x" * 1000 + "}" * 10
    start = time.perf_counter()
    with pytest.raises(FormulaError, match=rf"^expanding \\d at line 1 makes the document more than {MAX_EXPANDED} "):
        expand_macros(ninefold)
    with pytest.raises(FormulaError, match=r"more than \d+ characters|defined in terms of itself"):
        expand_macros(r"\def\a#1{\a{#1#1}} \a{x}")
    assert time.perf_counter() - start < 30  # generous: the machine may be busy; a hang never ends
    monkeypatch.setattr(macros, "MAX_EXPANSIONS", 1000)
    with pytest.raises(FormulaError, match=r"^more than 1000 macro expansions \(at \\e, line 2\)$"):
        expand_macros("\\def\\e{}\n" + r"\e" * 1001)
    assert len(expand_macros("\\def\\e{}\n" + r"\e" * 1000).text) == len(r"\def\e{}") + 1


@pytest.mark.parametrize("source, message", [
    (r"\newcommand{\x}{ a = b", r"line 1: the definition of \\x is never closed"),
    ("\n\\newcommand{\\f}[1]{#1} \\f", r"line 2: an argument of \\f is missing"),
    (r"\newcommand{\f}[x]{#1}", r"must be 0 to 9"),
    (r"\newcommand{ab}{c}", r"not followed by a command name"),
    (r"\def\pair(#1,#2){#1} \pair[u,v]", r"does not match its definition"),
    (r"\def\f#2{#2}", r"not #1, #2, … in order"),
])
def test_broken_definitions_and_uses_are_one_line_errors(source, message):
    with pytest.raises(FormulaError, match=message) as info:
        expand_macros(source)
    assert "\n" not in str(info.value)


def test_inputs_are_named_never_read(tmp_path):
    secret = tmp_path / "chapter.tex"
    secret.write_text("\\[ a = b \\]")
    e = expand_macros(f"\\input{{{secret}}}\n\\include{{part}}\n\\input plain\n% \\input{{commented}}\n")
    assert e.inputs == (f"\\input{{{secret}}} (line 1)", "\\include{part} (line 2)", "\\input{plain} (line 3)")
    assert "a = b" not in e.text


@pytest.mark.parametrize("source, kept", [
    ("a % b = c\nd", "a\nd"),
    (r"50\% of x = y", r"50\% of x = y"),
    ("a \\\\% b = c\nd", "a \\\\\nd"),  # \\ is a line break: the % after it opens a comment
    (r"a \verb|$$x = y$$| b \verb*+%+ c", "a b c"),
    ("a \\begin{comment}\n\\[ x = y \\]\n\\end{comment} b", "a\n\nb"),
    ("a \\iffalse \\[x = y\\] \\ifx\\a\\b \\fi \\[u \\iff v\\] \\fi b", "a b"),  # \iff opens no conditional
    ("a \\iffalse \\[x = y\\]", "a"),  # never closed: nothing after it is read
    ("a \\iffalse \\[x = y\\] \\else \\[u = v\\] \\fi b", "a \\[u = v\\] b"),  # the \\else branch is typeset
    ("\\let\\ifdraft\\iffalse\n\\[x = y\\]", "\\let\\ifdraft\\iffalse\n\\[x = y\\]"),  # a meaning, not a block
    ("% \\iffalse\na \\iffalse b % \\fi\n c \\fi d", "a\nd"),  # conditionals in comments do not count
    ("a \\begin{verbatim}\n$$x = y$$\n\\end{verbatim} b \\begin{lstlisting}z = 1\\end{lstlisting}", "a\n\nb"),
])
def test_what_latex_never_typesets_is_blanked_in_place(source, kept):
    blanked = blank_ignored(source)
    assert len(blanked) == len(source) and blanked.count("\n") == source.count("\n")
    assert "\n".join(" ".join(line.split()) for line in blanked.split("\n")).strip() == kept


def test_a_definition_inside_a_comment_defines_nothing():
    assert _x("% \\newcommand{\\R}{X}\n\\R") == r"\R"


def test_expansion_is_linear_in_the_document():
    line = "\\[ x \\in \\R^N = \\norm{y} \\alpha \\beta \\]  some prose with \\emph{words}\n"
    text = "\\newcommand{\\R}{\\mathbb{R}}\\newcommand{\\norm}[1]{\\|#1\\|}\n" + line * 12_000
    start = time.perf_counter()
    e = expand_macros(text)
    assert time.perf_counter() - start < 30  # about a second on an idle machine
    assert e.text.count("\\mathbb{R}") == 12_000 and e.text.count("\\|y\\|") == 12_000


_SOUP = ["\\newcommand", "\\renewcommand", "\\providecommand", "\\def", "\\edef", "\\gdef", "\\let", "\\DeclareMathOperator",
         "\\newenvironment", "\\begin", "\\end", "{", "}", "[", "]", "#", "#1", "#2", "##", "\\x", "\\y", "{\\x}", "{e}",
         "[1]", "=", " ", "\n", "a", "%", "\\%", "\\\\", "\\verb|", "|", "\\iffalse", "\\fi", "\\input", "\\begingroup",
         "\\endgroup", "\\global", "*", "\\ensuremath", "\\AtBeginDocument", "\\", "$$", "\\[", "\\]", "(", ",", "."]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_SOUP), max_size=40).map("".join))
def test_any_text_expands_into_the_file_or_fails_with_one_line(text):
    try:
        e = expand_macros(text)
    except FormulaError as exc:
        assert "\n" not in str(exc) and len(str(exc)) < 300
        return
    for offset in range(len(e.text)):
        assert 0 <= e.start(offset) <= e.end(offset) <= len(text)


# --- macros a Markdown document's mathematics defines (MathJax) ------------------------------------

MARKDOWN_MACROS = r"""# Macros in Markdown

$$\newcommand{\R}{\mathbb{R}} \newcommand{\sm}[1]{\operatorname{softmax}(#1)}$$

Let $\def\v{\mathbf{x}} \v \in \R^N$, and note that `\sm{x}` in code is left alone.

$$
\sum_{i=1}^{N} \sm{\theta}_i = 1
$$

$$
\sum_{i=1}^{N} \sm{\theta}_i = 2
$$

$$
\frac{\partial}{\partial \v_k} \sum_{i=1}^{N} \v_i^2 = 2 x_k
$$
"""


def test_macros_defined_in_markdown_mathematics_are_expanded_in_it():
    from derive.model import Verdict, checks_of
    from derive.read.document import read_document
    from derive.read.notation_file import default_notation
    from derive.verify import Settings, verify_check

    d = read_document(MARKDOWN_MACROS, "doc.md", default_notation())
    verdicts = {c.label: verify_check(c, Settings(timeout=20)).verdict for c in checks_of(d)}
    assert verdicts == {"line 8": Verdict.PROVED, "line 12": Verdict.REFUTED, "line 16": Verdict.PROVED}
    assert [s.line for s in d.steps] == [8, 12, 16]  # lines stay those of the file
    assert any("x" in r.text and r.line == 5 for r in d.steps[-1].readings)  # \v \in \R^N declared x


def test_markdown_macros_touch_only_the_mathematics_after_their_definition():
    from derive.read.macros import expand_math_macros

    text = "$\\R$ then $\\newcommand{\\R}{\\mathbb{R}}$ and \\R in words, $\\R^2$\n$$\n\\R\n$$"
    segments = [(m.start(1), m.end(1)) for m in re.finditer(r"\$\$?\n?(.*?)\n?\$\$?", text)]
    assert [text[a:b] for a, b in segments] == ["\\R", "\\newcommand{\\R}{\\mathbb{R}}", "\\R^2", "\\R"]
    out = expand_math_macros(text, segments)
    assert out.startswith("$\\R$ then $")  # used before its definition: as written
    assert "and \\R in words, $\\mathbb{R}^2$" in out
    assert out.endswith("$$\n\\mathbb{R}\n$$") and out.count("\n") == text.count("\n")
    assert "newcommand" not in out
    assert expand_math_macros("no macros $x$", [(11, 12)]) == "no macros $x$"
