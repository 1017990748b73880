"""Markdown derivations read into steps and verified: true links prove, false links are refuted."""

from __future__ import annotations

from pathlib import Path

import pytest
import sympy as sp

from derive.model import Verdict, checks_of
from derive.read.document import read_document
from derive.read.notation_file import default_notation, parse_notation
from derive.verify import Settings, verify_check

SETTINGS = Settings(timeout=20)

DOC = r"""# Softmax and cross-entropy

$$\frac{e^{x_i + c}}{\sum_{j=1}^N e^{x_j + c}} = \frac{e^{x_i} \cdot e^c}{e^c \cdot \sum_{j=1}^N e^{x_j}}
  = \frac{e^{x_i}}{\sum_{j=1}^N e^{x_j}} + c \tag{1}$$

$$\frac{\partial \operatorname{CE}(y, \hat{y})}{\partial \theta_k} = \hat{y}_k - y_k \tag{2}$$

$$\nabla_\theta \operatorname{CE}(y, \hat{y}) = \hat{y} - y$$

$$\frac{d}{d\theta_k} \log \sum_j e^{\theta_j} = \hat{y}_k = \operatorname{det}(\theta_k)$$
"""


@pytest.fixture(scope="module")
def results():
    d = read_document(DOC, "doc.md", default_notation())
    return d, {c.id: verify_check(c, SETTINGS) for c in checks_of(d)}


def test_document_becomes_a_derivation(results):
    d, _ = results
    assert d.id == "doc" and d.source == "doc.md" and d.title == "Softmax and cross-entropy"
    assert [s.label for s in d.steps] == ["(1)", "(2)", "line 8", "line 10, link 1", "line 10, link 2"]
    assert [s.line for s in d.steps] == [3, 6, 8, 10, 10]


def test_true_links_are_proved_and_the_false_one_refuted(results):
    _, r = results
    assert r["doc/1#1"].verdict is Verdict.PROVED
    assert r["doc/1#2"].verdict is Verdict.REFUTED
    assert r["doc/1#ends"].verdict is Verdict.REFUTED
    assert r["doc/2#1"].verdict is Verdict.PROVED


def test_a_vector_gradient_is_proved_for_every_n(results):
    _, r = results
    assert r["doc/line-8#1"].verdict is Verdict.PROVED


def test_an_unreadable_side_makes_only_its_link_unknown(results):
    _, r = results
    assert r["doc/line-10-link-1#1"].verdict is Verdict.PROVED
    unknown = r["doc/line-10-link-2#1"]
    assert unknown.verdict is Verdict.UNKNOWN and "determinant of something that is not a matrix" in unknown.detail


def test_the_one_hot_class_comes_from_the_notation():
    doc = r"$$-\sum_i y_i \log \hat{y}_i = -\log \hat{y}_k$$"
    default = read_document(doc, "a.md", default_notation())
    extra, _ = parse_notation('[onehot]\ny = "k"\n')
    declared = read_document(doc, "a.md", extra.over(default_notation()))
    (c_default,), (c_declared,) = checks_of(default), checks_of(declared)
    # (k need not be the default class t, but the document may mean it: the class is never said, so no refutation)
    default_result = verify_check(c_default, SETTINGS)
    assert default_result.verdict is Verdict.UNKNOWN and "never says at which class" in default_result.detail
    assert verify_check(c_declared, SETTINGS).verdict is Verdict.PROVED


def test_relations_other_than_equality_are_reported_unknown():
    d = read_document(r"$$x_1 \approx x_2$$", "b.md", default_notation())
    (c,) = checks_of(d)
    assert "≈ is not checked" in c.problem
    assert verify_check(c, SETTINGS).verdict is Verdict.UNKNOWN


def test_latex_file_with_align():
    tex = "\\section{S}\n\\begin{align}\n\\sigma(x_1) &= \\frac{1}{1 + e^{-x_1}} \\\\\n &= 1 - \\sigma(-x_1)\n\\end{align}\n"
    d = read_document(tex, "s.tex", default_notation(), markdown=False)
    assert d.title == "S" and d.steps[0].line == 3
    assert all(verify_check(c, SETTINGS).verdict is Verdict.PROVED for c in checks_of(d))


def test_a_name_defined_by_a_formula_that_is_not_read_keeps_later_uses_unknown():
    # The document gives y-hat a meaning derive cannot read; the default softmax must not stand in.
    text = ("# d\n\n$$ \\hat{y}_i = f(\\theta_i; \\Theta) $$\n\n"
            "$$ -\\log \\hat{y}_t = -\\log f(\\theta_t) $$\n\n$$ (a + b)^2 = a^2 + 2ab + b^2 $$\n")
    d = read_document(text, "d.md", default_notation())
    later = [s for s in d.steps if s.line == 5]
    assert later and all("line 3 defines by a formula that is not read" in s.problem for s in later)
    assert not [s for s in d.steps if s.line == 7][0].problem


def test_equations_side_by_side_are_steps_of_their_own_with_stable_labels():
    doc = ("# Two\n\n$$\n(a+b)^2 = a^2 + 2ab + b^2, \\quad (a-b)^2 = a^2 - 2ab + b^2 \\tag{3}\n$$\n\n"
           "$$\nx^2 x = x^3 \\quad\\text{and}\\quad 2x = x + 2,\n$$\n\n$$\nu + u = 2u,\\; v v = v^2\n$$\n"
           "\n$$\nu u = 2 u \\quad (3)\n$$\n")
    d = read_document(doc, "two.md", default_notation())
    assert [s.label for s in d.steps] == ["(3), equation 1", "(3), equation 2", "line 8, equation 1",
                                          "line 8, equation 2", "line 12, equation 1", "line 12, equation 2",
                                          "(3)"]
    assert d.steps[1].latex == "(a-b)^2 = a^2 - 2ab + b^2"
    verdicts = [verify_check(c, SETTINGS).verdict for c in checks_of(d)]
    assert verdicts == [Verdict.PROVED, Verdict.PROVED, Verdict.PROVED, Verdict.REFUTED, Verdict.PROVED,
                        Verdict.PROVED, Verdict.REFUTED]
    assert read_document(doc, "two.md", default_notation()).steps == d.steps


def test_a_definition_beside_a_claim_on_one_line_leaves_the_claim_a_claim():
    doc = "# D\n\n$$\nz = 2u, \\quad z + z = 4u\n$$\n\n$$\n(a+b)^2 = a^2 + 2ab + b^2, \\quad w = a + b\n$$\n"
    d = read_document(doc, "d.md", default_notation())
    results = [verify_check(c, SETTINGS) for c in checks_of(d)]
    assert [r.verdict for r in results] == [Verdict.UNKNOWN, Verdict.PROVED, Verdict.PROVED, Verdict.UNKNOWN]
    assert "definition of z" in results[0].detail and "definition of w" in results[3].detail


@pytest.mark.parametrize("latex, expected", [
    (r"\sum_{k=0}^{n} 2^k = 2^{n+1} - 1", Verdict.PROVED),
    (r"\sum_{k=0}^{n} 2^k = 2^{n+1}", Verdict.REFUTED),
    (r"\sum_{k=1}^{N} k 2^{k} = (N-1) 2^{N+1} + 2", Verdict.PROVED),
    (r"\sum_{k=1}^{N} 3^{k} = \frac{3^{N+1} - 1}{2}", Verdict.REFUTED),
    (r"\sum_{k=1}^{N} (-1)^k x_k = -\sum_{k=1}^{N} x_k", Verdict.REFUTED),
    (r"\sum_{k=1}^{N} (-1)^{2k} x_k = \sum_{k=1}^{N} x_k", Verdict.PROVED),
])
def test_a_number_raised_to_an_index_is_a_power(latex, expected):
    d = read_document(f"$${latex}$$\n", "doc.md", default_notation())
    (check,) = checks_of(d)
    assert verify_check(check, SETTINGS).verdict is expected


@pytest.mark.parametrize("latex, expected", [
    (r"\sum_{i=1}^{N} \sum_{j=1}^{i} x_j = \sum_{j=1}^{N} (N - j + 1) x_j", (Verdict.PROVED, Verdict.BOUNDED)),
    (r"\sum_{i=1}^{N} \sum_{j=1}^{i} x_j = \sum_{j=1}^{N} (N - j) x_j", (Verdict.REFUTED,)),
    (r"\sum_{i=1}^{N} \sum_{j=i}^{N} 1 = \frac{N(N+1)}{2}", (Verdict.PROVED,)),
    (r"\sum_{i=1}^{N} \sum_{j=1}^{i} 1 = \frac{N(N-1)}{2}", (Verdict.REFUTED,)),
    (r"\sum_{j=k+2}^{N} 1 = N - k - 1", (Verdict.REFUTED,)),  # empty when k = N: 0, not -1
    (r"\sum_{j=k+1}^{N} 1 = N - k", (Verdict.PROVED,)),
])
def test_a_sum_whose_limits_name_an_enclosing_or_free_index(latex, expected):
    d = read_document(f"Let $x \\in \\mathbb{{R}}^N$.\n\n$${latex}$$\n", "doc.md", default_notation())
    (check,) = checks_of(d)
    assert verify_check(check, SETTINGS).verdict in expected


def _claims(d) -> list:
    """The checks of a derivation that claim something: the inline equations read as suppositions ("let $a = 2$")
    are shown as links not checked (see test_an_inline_supposition_is_shown_never_dropped) and left out here."""
    return [c for c in checks_of(d) if not c.problem.startswith("read as a supposition")]


def _verdicts_of(text: str) -> list[Verdict]:
    d = read_document(text, "doc.md", default_notation())
    return [verify_check(c, SETTINGS).verdict for c in _claims(d)]


def test_a_function_named_by_a_greek_letter_or_ell_is_defined_in_the_text():
    text = ("The loss $\\ell(z) = \\log(1 + e^{-z})$ has\n\n$$\\ell'(z) = -\\frac{1}{1 + e^{z}} = \\sigma(z) - 1$$\n\n"
            "Let $\\phi(x) = x^2 e^x$.\n\n$$\\phi'(x) = (x^2 + 2x) e^x$$\n\n$$\\phi'(x) = x^2 e^x + x e^x$$\n")
    assert _verdicts_of(text) == [Verdict.UNKNOWN, Verdict.PROVED, Verdict.PROVED, Verdict.PROVED,
                                  Verdict.UNKNOWN, Verdict.PROVED, Verdict.REFUTED]


def test_a_function_never_defined_on_one_side_only_is_unknown_not_refuted():
    text = ("$$\\ell'(z) = -\\frac{1}{1 + e^{z}}$$\n\n$$f(x) + 1 = x^2$$\n\n"
            "$$\\frac{d}{dx} f(g(x)) = f'(g(x)) g'(x)$$\n\n$$\\frac{d}{dx} f(g(x)) = f'(x) g'(x)$$\n")
    d = read_document(text, "doc.md", default_notation())
    results = [verify_check(c, SETTINGS) for c in checks_of(d)]
    assert [r.verdict for r in results] == [Verdict.UNKNOWN, Verdict.UNKNOWN, Verdict.PROVED, Verdict.REFUTED]
    assert "never defined and stands on one side only" in results[0].detail


def test_brackets_around_one_formula_group_it():
    text = ("$$\\frac{d}{dx} \\left[ f(x) g(x) \\right] = f'(x) g(x) + f(x) g'(x)$$\n\n"
            "$$\\frac{d}{dx} \\left[ f(x) + 3x \\right] = f'(x)$$\n\n$$[x + 1]^2 = x^2 + 2x + 1$$\n")
    assert _verdicts_of(text) == [Verdict.PROVED, Verdict.REFUTED, Verdict.PROVED]


def test_the_leibniz_derivative_of_a_defined_function_is_taken_at_its_variable():
    text = ("Let $f(x) = x^2 \\sin x$ and $g(t) = t^2$.\n\n$$\\frac{df}{dx} = 2x \\sin x + x^2 \\cos x$$\n\n"
            "$$\\frac{d f}{d x} = 2x \\sin x$$\n\n$$\\frac{d^2 f}{dx^2} = 2 \\sin x + 4x \\cos x - x^2 \\sin x$$\n\n"
            "$$\\frac{dg}{dx} = 2t$$\n")
    assert _verdicts_of(text) == [Verdict.UNKNOWN, Verdict.UNKNOWN, Verdict.PROVED, Verdict.REFUTED,
                                  Verdict.PROVED, Verdict.UNKNOWN]


LOGISTIC_TEX = r"""\documentclass{article}
\newcommand{\vx}{\mathbf{x}}
\begin{document}
\section{Logistic regression}
Let $\vx \in \mathbb{R}^d$, $w \in \mathbb{R}^d$, and $y \in \{0, 1\}$. Define $p = \sigma(w^\top \vx)$ and
the loss $L = -y \log p - (1 - y) \log(1 - p)$.
\begin{align}
\frac{\partial L}{\partial w_j} &= (p - y) x_j \\
&= (y - p) x_j
\end{align}
Hence $\nabla_w L = (p - y)\vx$.

\section{Ridge}
For $X \in \mathbb{R}^{n \times d}$ and $y \in \mathbb{R}^n$,
\begin{equation}
\nabla_w \left( \|Xw - y\|_2^2 + \lambda \|w\|_2^2 \right) = 2X^\top (Xw - y) + 2\lambda w.
\end{equation}
\end{document}
"""


def test_latex_prose_after_a_section_heading_is_read_with_the_documents_macros():
    d = read_document(LOGISTIC_TEX, "doc.tex", default_notation(), markdown=False)
    results = [verify_check(c, SETTINGS) for c in checks_of(d)]
    verdicts = [r.verdict for r in results]
    # p and L defined in the prose; j runs over 1..d (it only ever indexes d-vectors); y is a label in
    # {0, 1} in the first part and a vector of R^n in the second
    assert verdicts == [Verdict.UNKNOWN, Verdict.UNKNOWN, Verdict.PROVED, Verdict.REFUTED, Verdict.REFUTED,
                        Verdict.PROVED, Verdict.PROVED]
    # refuted at y = 0 or y = 1, the values the prose allows, and the counterexample says which
    assert "y" in results[3].counterexample.values and "one of the values" in results[3].detail
    assert any("y ∈ {0, 1}" in r.text or "y \\in \\{0, 1\\}" in r.text for r in results[2].readings)


def test_a_label_in_zero_one_is_a_number_and_a_refutation_elsewhere_is_no_refutation():
    text = ("Let $y \\in \\{0, 1\\}$ and $s \\in \\{\\pm 1\\}$.\n\n$$y^2 - y + 1 = 1$$\n\n$$(1 - y)^2 = 1 - 2y + y^2$$\n\n"
            "$$y^2 = 2y$$\n\n$$s^2 = 1$$\n\n$$s^3 = 1$$\n\nLet $n \\in \\mathbb{Z}$.\n\n$$n^2 = n$$\n")
    # true at 0 and 1 (and false at other reals); true everywhere; false at y = 1;
    # true at -1 and 1; false at s = -1; an integer n: a refutation at a real n is no refutation
    assert _verdicts_of(text) == [Verdict.PROVED, Verdict.PROVED, Verdict.REFUTED, Verdict.PROVED,
                                  Verdict.REFUTED, Verdict.UNKNOWN]


def test_a_derivative_with_respect_to_a_defined_accented_name_reads_the_formula_as_written():
    text = ("Let $x, w \\in \\mathbb{R}^n$ and $y \\in \\mathbb{R}$. The prediction is $\\hat{y} = w^\\top x$ and "
            "the loss $L = \\frac{1}{2}(\\hat{y} - y)^2$.\n\n$$\\frac{\\partial L}{\\partial \\hat{y}} = \\hat{y} - y$$\n\n"
            "$$\\frac{\\partial L}{\\partial \\hat{y}} = y - \\hat{y}$$\n\n$$\\frac{\\partial L}{\\partial w_k} = (\\hat{y} - y) x_k$$\n")
    assert _verdicts_of(text) == [Verdict.UNKNOWN, Verdict.UNKNOWN, Verdict.PROVED, Verdict.REFUTED, Verdict.PROVED]


def test_a_function_of_several_variables_defined_in_the_text():
    text = ("Let $u(x, y) = x^2 y + \\sin(xy)$.\n\n$$\\frac{\\partial u}{\\partial x} = 2xy + y\\cos(xy)$$\n\n"
            "$$\\frac{\\partial u}{\\partial y} = x^2 + y \\cos(xy)$$\n\n"
            "$$\\frac{\\partial^2 u}{\\partial x \\partial y} = 2x + \\cos(xy) - xy \\sin(xy)$$\n\n"
            "$$u(y, x) = y^2 x + \\sin(xy)$$\n\n$$u(1, 2) = 2 + \\sin 2$$\n\n$$u(x) = x^2$$\n")
    assert _verdicts_of(text) == [Verdict.UNKNOWN, Verdict.PROVED, Verdict.REFUTED, Verdict.PROVED,
                                  Verdict.PROVED, Verdict.PROVED, Verdict.UNKNOWN]


def test_a_sum_followed_by_its_own_index_outside_it_is_refused_as_ambiguous():
    text = ("Let $x \\in \\mathbb{R}^N$.\n\n$$\\sum_{i=1}^{N} x_i + x_i = 2 \\sum_{i=1}^{N} x_i$$\n\n"
            "$$\\left(\\sum_{i=1}^{N} x_i\\right) + x_i = x_i + \\sum_{i=1}^{N} x_i$$\n\n"
            "$$\\sum_{i=1}^{N} x_i + \\sum_{i=1}^{N} x_i = 2 \\sum_{i=1}^{N} x_i$$\n\n"
            "$$\\sum_{j=1}^{N} \\left(\\sum_{i=1}^{N} x_i + x_j\\right) = (N + 1) \\sum_{i=1}^{N} x_i$$\n")
    d = read_document(text, "doc.md", default_notation())
    results = [verify_check(c, SETTINGS) for c in checks_of(d)]
    assert [r.verdict for r in results] == [Verdict.UNKNOWN, Verdict.PROVED, Verdict.PROVED, Verdict.PROVED]
    assert "write parentheses" in results[0].detail

CHAIN_OF_DEFINITIONS = r"""# A power of a quadratic

The function is

$$p = \frac{1}{(3 + 2t^2)^2} = (q)^{-2}$$

with $q = 3 + 2t^2 = 3 + 2s$ and $s = t^2$. The chain rule gives

$$\frac{dp}{dt} = \frac{dp}{dq} \cdot \frac{dq}{ds} \cdot \frac{ds}{dt} = -2 q^{-3} \cdot 2 \cdot 2t$$

and forgetting the middle factor gives

$$\frac{dp}{dt} = \frac{dp}{dq} \cdot \frac{ds}{dt}$$

# A form that is not the function

$$u = \frac{1}{4 + t^2} = v^{-2}$$

where $v = 4 + t^2$.

$$\frac{du}{dt} = \frac{du}{dv} \cdot \frac{dv}{dt}$$

# A form in two variables

$$w = \frac{t}{5 + t^2} = t m^{-1}$$

where $m = 5 + t^2$.

$$\frac{dw}{dt} = \frac{dw}{dm} \cdot \frac{dm}{dt}$$
"""


def test_a_derivative_by_a_defined_name_uses_the_form_the_defining_chain_writes():
    d = read_document(CHAIN_OF_DEFINITIONS, "chain.md", default_notation())
    checks = {c.id: c for c in checks_of(d)}
    r = {k: verify_check(c, SETTINGS) for k, c in checks.items() if k.startswith("chain/line-")}
    # dp/dq with p = q^{-2} as line 5 writes it, dq/ds with q = 3 + 2s as line 7 writes it
    assert r["chain/line-9#1"].verdict is Verdict.PROVED and r["chain/line-9#2"].verdict is Verdict.PROVED
    assert {(x.kind, x.line) for x in checks["chain/line-9#1"].readings} >= {("definition", 5), ("definition", 7)}
    assert r["chain/line-13#1"].verdict is Verdict.REFUTED  # the factor dq/ds = 2 is missing
    # a form the chain writes wrongly (u is not v^{-2}) is not used: unknown, with the reason
    wrong = r["chain/line-21#1"]
    assert wrong.verdict is Verdict.UNKNOWN and "not seen to equal the definition of u" in wrong.detail
    assert r["chain/line-17-link-2#1"].verdict is Verdict.REFUTED
    # t m^{-1} is not w as a function of m alone
    mixed = r["chain/line-29#1"]
    assert mixed.verdict is Verdict.UNKNOWN and "not written in m" in mixed.detail


ROWS = r"""# A linear layer on rows

Let $u \in \mathbb{R}^{1 \times D}$, $A \in \mathbb{R}^{D \times H}$ and $b \in \mathbb{R}^{1 \times H}$.

$$(u A)^\top = A^\top u^\top$$

$$\tanh(u A + b) = \tanh(b + u A)$$

$$(u A)^\top = A u^\top$$

$$\frac{\partial}{\partial u} (u A + b) = A$$

$$\frac{\partial (u A b^\top)}{\partial u} = (A b^\top)^\top$$

$$u + b = b$$
"""


def test_a_vector_declared_one_by_n_is_a_row():
    def verdicts(notation):
        d = read_document(ROWS, "rows.md", notation)
        return {c.id: verify_check(c, SETTINGS) for c in checks_of(d)}

    r = verdicts(default_notation())
    assert r["rows/line-5#1"].verdict is Verdict.PROVED  # u A is a row: its transpose is A^T u^T
    assert r["rows/line-7#1"].verdict is Verdict.PROVED  # a function of a row, entry by entry
    assert r["rows/line-9#1"].verdict is Verdict.REFUTED  # A u^T does not fit when D != H
    assert r["rows/line-15#1"].verdict is Verdict.REFUTED  # a row of length D plus one of length H
    # the gradient of a number by a row is a row; the derivative of a row by a row needs a layout
    assert r["rows/line-13#1"].verdict is Verdict.PROVED and not r["rows/line-13#1"].conventions
    unknown = r["rows/line-11#1"]
    assert unknown.verdict is Verdict.UNKNOWN and "declared layout" in unknown.detail
    declared, _ = parse_notation('layout = "denominator"')
    assert verdicts(declared.over(default_notation()))["rows/line-11#1"].verdict is Verdict.PROVED


def test_declarations_derive_does_not_read_make_their_names_unknown_never_guessed():
    text = ("Let $u \\in \\mathbb{R}^{20}$, $b_{12x} \\in \\mathbb{R}^h$ and $k_1, \\dots, k_5 \\in \\mathbb{R}^d$, "
            "$q \\in \\mathbb{R}^d$.\n\n"
            "$$\\frac{\\partial}{\\partial u} \\begin{bmatrix} u_1 u_2 \\\\ u_1 + u_2 \\end{bmatrix} = "
            "\\begin{bmatrix} u_2 & u_1 \\\\ 1 & 1 \\end{bmatrix}$$\n\n$$b_{12x} + b_{12x} = 2 b_{12x}$$\n\n"
            "$$q^\\top k_j = k_j q^\\top$$\n")
    d = read_document(text, "doc.md", default_notation())
    results = [verify_check(c, SETTINGS) for c in checks_of(d)]
    assert [r.verdict for r in results] == [Verdict.UNKNOWN] * 3
    assert "fixed size" in results[0].detail and "family" in results[2].detail
    # (a small fixed size is read: u in R^2 has two entries)
    d = read_document(text.replace("{20}", "{2}"), "doc.md", default_notation())
    assert verify_check(checks_of(d)[0], SETTINGS).verdict is Verdict.PROVED


def test_a_family_of_numbers_is_a_vector():
    text = "Let $x_1, \\ldots, x_N \\in \\mathbb{R}$.\n\n$$x^\\top x = \\sum_{i=1}^{N} x_i^2$$\n"
    assert _verdicts_of(text) == [Verdict.PROVED]


def test_the_gradient_of_a_name_never_defined_is_not_zero():
    text = ("Let $w \\in \\mathbb{R}^d$.\n\n$$\\nabla_w \\ell = 0$$\n\n$$\\frac{\\partial E}{\\partial w_k} = 0$$\n")
    assert _verdicts_of(text) == [Verdict.UNKNOWN, Verdict.UNKNOWN]


def test_a_sum_leaving_out_an_index_free_on_one_side_only_may_be_over_pairs():
    text = ("Let $x \\in \\mathbb{R}^n$.\n\n"
            "$$\\sum_{i \\neq j} x_i x_j = \\left(\\sum_{i=1}^{n} x_i\\right)^2 - \\sum_{i=1}^{n} x_i^2$$\n\n"
            "$$\\sum_{i \\neq j} x_i = \\sum_{i=1}^{n} x_i - x_j$$\n\n"
            "$$\\sum_{j=1}^{n} \\sum_{i \\neq j} x_i x_j = \\left(\\sum_{i=1}^{n} x_i\\right)^2 - \\sum_{i=1}^{n} x_i^2$$\n")
    assert _verdicts_of(text) == [Verdict.UNKNOWN, Verdict.PROVED, Verdict.PROVED]


def test_vector_lengths_that_differ_where_one_is_guessed_are_no_refutation_by_shape():
    text = ("The layer is $h = \\sigma(W x + b)$ with $W \\in \\mathbb{R}^{m \\times n}$, $b \\in \\mathbb{R}^{m}$ "
            "and a target $t \\in \\mathbb{R}^{m}$.\n\n$$\\nabla_b E = 2 (h - t) \\circ h$$\n\n"
            "$$g_i = 2 (g_i - t_i)$$\n\n$$g - t = t - g$$\n")
    d = read_document(text, "doc.md", default_notation())
    results = [verify_check(c, SETTINGS) for c in checks_of(d)]
    assert Verdict.REFUTED not in [r.verdict for r in results[:2]]


def test_a_size_named_d_in_the_prose_leaves_d_over_dz_a_derivative():
    text = ("Let $x, w \\in \\mathbb{R}^d$ and $z = w^\\top x$.\n\n"
            "$$\\frac{d}{dz} \\log(1 + e^{z}) = \\frac{1}{1 + e^{-z}}$$\n")
    assert _verdicts_of(text)[-1] is Verdict.PROVED


def test_theta_declared_a_number_drops_the_default_prediction_built_on_it():
    assert _verdicts_of("Let $\\theta \\in \\mathbb{R}$.\n\n$$\\theta + \\theta = 2\\theta$$\n") == [Verdict.PROVED]


PARAMETERS = r"""# Scores to probabilities

The loss of one example is

$$L = -\log q_t \text{ where:}$$

$$q_k = g(s_k; S)$$

$$S = [s_1, \dots, s_m, \dots, s_M]$$

M is the number of classes, and here $g = \text{softmax}$.

$$-\log g(s_t, S) = \log \sum_k e^{s_k} - s_t$$

$$g(s_t; S) = e^{s_t}$$

$$\frac{\partial L}{\partial s_t} = q_t - 1$$

$$\sum_k g(s_k; S) = 1$$

$$h(s_t; S) = q_t$$

$$\text{softmax}(s_t; q) = q_t$$
"""


@pytest.fixture(scope="module")
def parameters():
    d = read_document(PARAMETERS, "scores.md", default_notation())
    return d, {c.id.split("/", 1)[1]: verify_check(c, SETTINGS) for c in checks_of(d)}


def test_definitions_after_a_display_ending_where_hold_in_it_in_any_order(parameters):
    """q is defined through S, which the next display defines; L uses q before either: all three are
    definitions (not checked), and the claims after them use what they say."""
    _, r = parameters
    for key, name in (("line-5#1", "L"), ("line-7#1", "q"), ("line-9#1", "S")):
        assert r[key].verdict is Verdict.UNKNOWN and f"the definition of {name} is not checked" in r[key].detail
    assert r["line-17#1"].verdict is Verdict.PROVED  # dL/ds_t = q_t - 1 needs q and S as defined


def test_a_function_of_one_entry_with_its_parameters_after_a_semicolon_is_that_entry(parameters):
    d, r = parameters
    assert r["line-13#1"].verdict is Verdict.PROVED  # g(s_t, S): the same with a comma
    assert r["line-15#1"].verdict is Verdict.REFUTED  # g(s_t; S) is not e^{s_t}
    assert r["line-19#1"].verdict is Verdict.PROVED
    step = next(s for s in d.steps if s.line == 15)
    assert any("$g(u_k; U)$ is read as entry $k$ of $g(U)$" in reading.text for reading in step.readings)
    assert any("softmax function" in reading.text and reading.line == 11 for reading in step.readings)


def test_parameters_after_a_semicolon_are_refused_where_their_meaning_is_not_written(parameters):
    _, r = parameters
    assert r["line-21#1"].verdict is Verdict.UNKNOWN and "h = \\text{softmax}" in r["line-21#1"].detail
    assert r["line-23#1"].verdict is Verdict.UNKNOWN and "only where a is entry k of U" in r["line-23#1"].detail


def test_the_number_of_classes_names_the_length_of_the_class_vectors():
    text = "# Sizes\n\nc is the number of classes.\n\n$$\\sum_{k=1}^{c} \\hat{y}_k = 1$$\n\n$$[y_1, \\dots, y_c] = y^\\top$$\n"
    d = read_document(text, "sizes.md", default_notation())
    assert [verify_check(c, SETTINGS).verdict for c in checks_of(d)] == [Verdict.PROVED, Verdict.PROVED]
    assert any("number of classes" in reading.text for s in d.steps for reading in s.readings)


@pytest.mark.parametrize("definition", [
    r"$$\text{sm}_i = \frac{e^{x_i}}{\sum_j e^{x_j}}$$",
    r"Here $\text{sm}(x) = \text{softmax}(x)$, applied to $x$.",
])
def test_an_abbreviation_in_upright_letters_is_a_name_where_the_document_defines_it(definition):
    uses = (r"\frac{\partial \text{sm}_i}{\partial x_k} = \text{sm}_i(\delta_{ik} - \text{sm}_k)"
            if definition.startswith("$$") else
            r"\frac{\partial \text{sm}(x)_i}{\partial x_k} = \text{sm}(x)_i(\delta_{ik} - \text{sm}(x)_k)")
    wrong = uses.replace(r"- \text{sm}_k", r"- \text{sm}_i").replace(r"- \text{sm}(x)_k", r"- \text{sm}(x)_i")
    text = f"# Abbreviations\n\n{definition}\n\n$${uses}$$\n\n$${wrong}$$\n"
    d = read_document(text, "abbreviations.md", default_notation())
    verdicts = {c.id.split("/", 1)[1]: verify_check(c, SETTINGS).verdict for c in checks_of(d)}
    assert verdicts["line-5#1"] is Verdict.PROVED and verdicts["line-7#1"] is Verdict.REFUTED


def test_an_abbreviation_nobody_defines_is_refused_with_how_to_define_it():
    text = "# Undefined\n\n$$\\frac{\\partial \\text{sm}_i}{\\partial x_k} = 0$$\n"
    d = read_document(text, "undefined.md", default_notation())
    (check,) = checks_of(d)
    result = verify_check(check, SETTINGS)
    assert result.verdict is Verdict.UNKNOWN and "\\text{sm}_i = ..." in result.detail


LABELS = r"""# Predictions and labels

$$p_j(z) = \operatorname{blend}(z)_j$$

The label p' is one-hot.

$$\frac{-p'_i}{p_i} p_i (1 - p_i) = -p'_i + p'_i p_i$$

$$\sum_j p'_j = 1$$

$$-p'_i + \sum_j p'_i p_j = -p'_i + p_i \sum_j p'_j$$

$$\sum_j p_j = 1$$
"""


@pytest.fixture(scope="module")
def labels():
    d = read_document(LABELS, "labels.md", default_notation())
    return d, {c.id.split("/", 1)[1]: verify_check(c, SETTINGS) for c in checks_of(d)}


def test_a_primed_name_the_prose_declares_is_a_vector_of_its_own(labels):
    _, r = labels
    assert r["line-7#1"].verdict is Verdict.PROVED
    assert r["line-9#1"].verdict is Verdict.PROVED  # p' is one-hot: its entries sum to 1


def test_a_name_defined_by_an_entry_formula_that_is_not_read_is_read_free_and_only_proofs_stand(labels):
    """p_j(z) = blend(z)_j defines p by a function derive does not know: a claim that holds for every p
    holds for it; one that fails for some p is not refuted (it may hold for the p the document means)."""
    d, r = labels
    assert r["line-7#1"].verdict is Verdict.PROVED
    for key in ("line-11#1", "line-13#1"):
        assert r[key].verdict is Verdict.UNKNOWN and "as line 3 defines it" in r[key].detail
    step = next(s for s in d.steps if s.line == 7)
    assert any("read as any value" in reading.text and reading.line == 3 for reading in step.readings)


def test_an_entry_equation_free_of_its_index_says_what_that_entry_is_and_defines_nothing():
    """y_t = 1 states entry t of the one-hot y; read as a definition it would make every entry 1."""
    text = "# One-hot\n\n$$y_t = 1$$\n\n$$-\\sum_i y_i \\log \\hat{y}_i = -\\log \\hat{y}_t$$\n"
    d = read_document(text, "onehot.md", default_notation())
    assert [verify_check(c, SETTINGS).verdict for c in checks_of(d)] == [Verdict.PROVED, Verdict.PROVED]


def test_a_function_defined_with_its_parameters_after_a_semicolon_is_applied_with_them():
    text = (r"""# Parameters

$$g(x; w) = \frac{1}{1 + e^{-w x}}$$

$$g(a; v) = \frac{1}{1 + e^{-v a}}$$

$$\frac{d}{da} g(a; w) = w g(a; w)(1 - g(a; w))$$

$$\frac{d}{da} g(a; w) = g(a; w)(1 - g(a; w))$$

$$g(a) = g(a; w)$$

$$g(a; v, u) = 1$$

$$\sigma(a; w) = 1$$
""")
    d = read_document(text, "parameters.md", default_notation())
    r = {c.id.split("/", 1)[1]: verify_check(c, SETTINGS) for c in checks_of(d)}
    assert [r[f"line-{n}#1"].verdict for n in (3, 5, 7, 9, 11)] == [
        Verdict.UNKNOWN, Verdict.PROVED, Verdict.PROVED, Verdict.REFUTED, Verdict.PROVED]
    assert "defined with 1 parameter(s)" in r["line-13#1"].detail
    assert r["line-15#1"].verdict is Verdict.UNKNOWN and "takes its argument alone" in r["line-15#1"].detail


# --- what the prose says of sizes, index ranges and layout ---------------------------------------

def _checked(text: str) -> dict:
    d = read_document(text, "doc.md", default_notation())
    return {c.label: verify_check(c, SETTINGS) for c in _claims(d)}


def test_a_sentence_saying_the_layout_sets_it():
    jacobian = ("Let $x \\in \\mathbb{R}^N$ and $W \\in \\mathbb{R}^{N \\times N}$.{said}\n\n"
                "$$\n\\frac{\\partial (W x)}{\\partial x} = W^\\top\n$$\n")
    said = _checked(jacobian.replace("{said}", " We write derivatives in denominator layout."))["line 4"]
    assert said.verdict is Verdict.PROVED
    assert any("denominator layout" in r.text and r.line == 1 for r in said.readings)
    unsaid = _checked(jacobian.replace("{said}", ""))["line 4"]
    assert unsaid.verdict is Verdict.REFUTED  # numerator layout, the default
    # a sentence naming both layouts says neither
    both = _checked(jacobian.replace("{said}", " Unlike numerator layout, denominator layout transposes."))["line 4"]
    assert both.verdict is Verdict.REFUTED


def test_a_count_said_in_words_declares_a_size():
    r = _checked("There are $C$ classes and $m$ training examples. Let $\\theta \\in \\mathbb{R}^C$.\n\n"
                 "$$\n\\sum_{j=1}^{C} \\operatorname{softmax}(\\theta)_j = 1\n$$\n\n"
                 "$$\n\\sum_{i=1}^{m} \\sum_{j=1}^{C} 1 = m C\n$$\n\n"
                 "$$\n\\sum_{i=1}^{m} \\sum_{j=1}^{C} 1 = m + C\n$$\n")
    assert [v.verdict for v in r.values()] == [Verdict.PROVED, Verdict.PROVED, Verdict.REFUTED]
    assert any("$m$ is the number of examples" == x.text for x in r["line 8"].readings)
    # without the sentence, m is a whole number as the sum's limit, and the reading says so
    bare = _checked("$$\n\\sum_{i=1}^{m} 1 = m\n$$\n")
    assert bare["line 2"].verdict is Verdict.PROVED
    assert any("$m$ is read as a whole number" in x.text for x in bare["line 2"].readings)


def test_an_index_takes_the_size_of_what_it_indexes():
    text = ("Let $W \\in \\mathbb{R}^{K \\times D}$ and $x \\in \\mathbb{R}^D$, so $\\theta = W x$.\n\n"
            "$$\n\\frac{\\partial \\theta_i}{\\partial W_{ij}} = x_j\n$$\n\n"
            "$$\n\\frac{\\partial \\theta_i}{\\partial W_{ij}} = x_i\n$$\n\n"
            "$$\n\\frac{\\partial \\theta_i}{\\partial x_j} = W_{ij}\n$$\n")
    r = _checked(text)
    assert r["line 4"].verdict is Verdict.PROVED
    assert any("$j$ runs over $1, \\dots, D$" in x.text for x in r["line 4"].readings)
    assert r["line 8"].verdict is Verdict.UNKNOWN  # x_i: i runs over the K rows, x has D entries
    assert r["line 12"].verdict is Verdict.PROVED


def test_a_display_defines_a_name_typed_only_by_a_later_use():
    r = _checked("Let $W \\in \\mathbb{R}^{H \\times D}$, $x \\in \\mathbb{R}^D$.\n\n$$\nh = \\tanh(W x)\n$$\n\n"
                 "So $h_i = \\tanh\\left(\\sum_{j=1}^{D} W_{ij} x_j\\right)$, and\n\n"
                 "$$\n\\frac{\\partial h_i}{\\partial x_j} = (1 - h_i^2) W_{ij}\n$$\n")
    assert r["line 4"].verdict is Verdict.UNKNOWN and "definition of h" in r["line 4"].detail
    assert r["line 7"].verdict is Verdict.PROVED
    assert r["line 10"].verdict is Verdict.PROVED


def test_a_definition_made_with_a_meaning_that_ends_at_a_heading_ends_there_too():
    text = ("## Setup\n\nLet $W \\in \\mathbb{R}^{N \\times D}$ and $x \\in \\mathbb{R}^D$, with scores $\\theta = W x$.\n\n"
            "$$\nL = -\\log \\operatorname{softmax}(\\theta)_k\n$$\n\n"
            "$$\n\\frac{\\partial L}{\\partial x_l} = \\sum_{i=1}^{N} (\\operatorname{softmax}(\\theta)_i - "
            "\\delta_{ik}) W_{il}\n$$\n\n## Afterwards\n\n"
            "$$\n\\frac{\\partial L}{\\partial x_l} = \\sum_{i=1}^{N} (\\operatorname{softmax}(\\theta)_i - "
            "\\delta_{ik}) W_{il}\n$$\n")
    r = _checked(text)
    assert r["line 10"].verdict is Verdict.PROVED
    # past the next heading as deep, theta is the default vector again, and L, read with theta = Wx, is not read
    assert r["line 16"].verdict is Verdict.UNKNOWN


def test_an_entry_differentiated_by_an_entry_of_its_own_vector_is_a_kronecker_delta():
    r = _checked("Let $\\theta \\in \\mathbb{R}^N$.\n\n$$\n\\frac{\\partial \\theta_k}{\\partial \\theta_i} = \\delta_{ki}\n$$\n\n"
                 "$$\n\\frac{\\partial \\theta_k}{\\partial \\theta_i} = 1\n$$\n\n"
                 "$$\n\\frac{\\partial \\theta_k}{\\partial x_i} = 0\n$$\n")
    assert r["line 4"].verdict is Verdict.PROVED
    assert r["line 8"].verdict is Verdict.REFUTED
    assert r["line 12"].verdict is Verdict.UNKNOWN  # another vector: not read as 0


def test_a_function_differentiated_by_its_variable_without_its_argument():
    r = _checked("Let $x \\in \\mathbb{R}$.\n\n$$\n\\frac{d\\sigma}{dx} = \\sigma(x) (1 - \\sigma(x))\n$$\n\n"
                 "$$\n\\frac{d\\sigma}{dx} = 1 - \\sigma(x)\n$$\n")
    assert r["line 4"].verdict is Verdict.PROVED
    assert r["line 8"].verdict is Verdict.REFUTED


def test_a_vector_written_out_in_the_prose_is_no_constraint():
    r = _checked("Let $\\theta = [\\theta_1, \\theta_2, \\dots, \\theta_N]$ be the scores.\n\n"
                 "$$\n\\sum_{c=1}^{N} e^{\\theta_c} = e^{\\theta_1}\n$$\n")
    assert r["line 4"].verdict is Verdict.REFUTED
    # a supposition that constrains its name still holds refutations back
    held = _checked("Let $\\theta_1 = 2 \\theta_2$.\n\n$$\n\\theta_1 + \\theta_2 = 0\n$$\n")
    assert held["line 4"].verdict is not Verdict.REFUTED


def test_an_inline_relation_restating_a_defined_name_is_a_claim():
    text = ("Let $v, h \\in \\mathbb{R}^N$.\n\n$$\ns = v^\\top h\n$$\n\n"
            "So $s = \\sum_{i=1}^{N} v_i h_i$ and also $s = \\sum_{i=1}^{N} v_i$.\n\n"
            "$$\n\\frac{\\partial s}{\\partial v_i} = 1\n$$\n")
    r = _checked(text)
    assert r["line 7"].verdict is Verdict.PROVED
    assert r["line 7 (2)"].verdict is Verdict.REFUTED
    assert r["line 10"].verdict is Verdict.REFUTED  # held back by no supposition: it is h_i


def test_a_sign_said_in_the_prose_holds_in_every_counterexample():
    text = ("Let $x \\in \\mathbb{R}$ and let $a > 0$ be a constant, and $\\alpha$ (a number between 0 and 1).\n\n"
            "$$\\max(0, a x) = a \\max(0, x)$$\n\n$$\\max(0, a x) = \\max(0, x)$$\n\n"
            "$$\\max(\\alpha x, x) = \\alpha x + (1 - \\alpha) \\max(0, x)$$\n\n$$\\max(\\alpha x, x) = x$$\n")
    d = read_document(text, "doc.md", default_notation())
    results = [verify_check(c, SETTINGS) for c in checks_of(d)]
    verdicts = [r.verdict for r in results]
    assert verdicts[0] is not Verdict.REFUTED and verdicts[2] is not Verdict.REFUTED
    assert verdicts[1] is Verdict.REFUTED and results[1].counterexample.values["a"].entries[0].exact > 0
    assert verdicts[3] is Verdict.REFUTED
    alpha = results[3].counterexample.values["alpha"].entries[0].exact
    assert 0 < alpha < 1


def test_a_name_known_only_from_one_entry_equation_is_defined_by_it():
    text = ("Let $p \\in \\mathbb{R}^n$. Against the uniform distribution $u_i = \\frac{1}{n}$, we have\n\n"
            "$$\\sum_{i=1}^{n} u_i = 1$$\n")
    assert _verdicts_of(text) == [Verdict.UNKNOWN, Verdict.PROVED]


def test_a_size_said_to_be_at_least_one_stays_a_size():
    text = ("Let $n \\ge 1$ be an integer and $x_1, \\dots, x_n$ real numbers, with $c \\in \\mathbb{R}$.\n\n"
            "$$\\sum_{i=1}^{n} c x_i = c \\sum_{i=1}^{n} x_i$$\n\n$$\\sum_{i=1}^{n} c = c$$\n")
    assert _verdicts_of(text) == [Verdict.PROVED, Verdict.REFUTED]


def test_the_correct_class_named_in_words_before_its_letter_is_an_index():
    text = ("Let $z \\in \\mathbb{R}^{K}$. With a one-hot target at the correct class $c$, only one term survives:\n\n"
            "$$-\\sum_{k=1}^{K} \\delta_{kc} z_k = -z_c$$\n\n$$-\\sum_{k=1}^{K} \\delta_{kc} z_k = z_c$$\n")
    assert _verdicts_of(text) == [Verdict.PROVED, Verdict.REFUTED]


def _results_by_line(text: str) -> dict:
    d = read_document(text, "doc.md", default_notation())
    return {c.line: verify_check(c, SETTINGS) for c in _claims(d) if c.part != "ends"}


def test_a_builtin_function_the_document_defines_otherwise_decides_nothing_it_is_used_in():
    """LSE(x) = log sum e^{2 x_j}: derive reads LSE as the usual log-sum-exp, so the definition and every
    step using LSE are unknown (naming the definition), never refuted against the usual meaning."""
    text = ("Let $x \\in \\mathbb{R}^{n}$ and define\n$\\operatorname{LSE}(x) = \\log \\sum_{j=1}^{n} e^{2 x_j}$. Then\n\n"
            "$$\n\\frac{\\partial}{\\partial x_i} \\operatorname{LSE}(x) = \\frac{2 e^{2 x_i}}{\\sum_{j=1}^{n} e^{2 x_j}}\n$$\n")
    by_line = _results_by_line(text)
    assert {r.verdict for r in by_line.values()} == {Verdict.UNKNOWN}
    assert all("line 2 defines LSE" in r.detail for r in by_line.values())
    usual = text.replace("e^{2 x_j}$", "e^{x_j}$").replace("{2 e^{2 x_i}}{\\sum_{j=1}^{n} e^{2 x_j}}",
                                                           "{e^{x_i}}{\\sum_{j=1}^{n} e^{x_j}}")
    assert {r.verdict for r in _results_by_line(usual).values()} == {Verdict.PROVED}


def test_a_declared_label_read_one_hot_by_default_decides_only_where_both_readings_agree():
    text = ("Let $y \\in \\mathbb{R}^{N}$ be a target and $\\hat{y} = \\operatorname{softmax}(z)$ with $z \\in \\mathbb{R}^N$.\n\n"
            "$$\n\\sum_{i=1}^{N} y_i = 1\n$$\n\n$$\n\\sum_{i=1}^{N} y_i \\hat{y}_i = \\sum_{i=1}^{N} \\hat{y}_i y_i\n$$\n\n"
            "$$\n\\sum_{i=1}^{N} \\hat{y}_i = 2\n$$\n")
    by_line = _results_by_line(text)
    assert by_line[4].verdict is Verdict.UNKNOWN and "one-hot" in by_line[4].detail
    assert by_line[8].verdict is Verdict.PROVED
    assert by_line[12].verdict is Verdict.REFUTED


def test_zero_on_one_side_of_a_vector_equation_is_the_zero_vector():
    text = ("Let $x \\in \\mathbb{R}^n$, $A \\in \\mathbb{R}^{n \\times n}$.\n\n"
            "$$\n\\nabla_x (x^\\top A x - x^\\top A^\\top x) = 0\n$$\n\n$$\nA x - A^\\top x = 0\n$$\n")
    by_line = _results_by_line(text)
    assert by_line[4].verdict is Verdict.PROVED
    assert by_line[8].verdict is Verdict.REFUTED and by_line[8].counterexample.values


def test_a_matrix_declared_with_a_label_subscript_is_a_matrix():
    """W_1 and W_2 declared n x n are matrices (they were once read as numbers, and W_1 W_2 x = W_2 W_1 x proved)."""
    text = ("Let $x \\in \\mathbb{R}^{n}$, $W_1 \\in \\mathbb{R}^{n \\times n}$ and $W_2 \\in \\mathbb{R}^{n \\times n}$.\n\n"
            "$$\nW_1 W_2 x = W_2 W_1 x\n$$\n\n$$\n(W_2 W_1 x)^\\top x = x^\\top W_1^\\top W_2^\\top x\n$$\n\n"
            "$$\nW_2^\\top (x - x) = 0\n$$\n")
    by_line = _results_by_line(text)
    assert by_line[4].verdict is Verdict.REFUTED
    assert by_line[8].verdict is Verdict.PROVED
    assert by_line[12].verdict is Verdict.PROVED


BACKPROP = r"""Let $x \in \mathbb{R}^{n}$, $A \in \mathbb{R}^{h \times n}$, $B \in \mathbb{R}^{m \times h}$ and

$$
z = A x, \qquad a = \tanh(z), \qquad \hat{y} = B a
$$

with the loss $L = \frac{1}{2} \|\hat{y} - y\|^2$ for a target $y \in \mathbb{R}^{m}$.

$$
\frac{\partial L}{\partial \hat{y}} = \hat{y} - y
$$

$$
\frac{\partial L}{\partial a} = B^\top (\hat{y} - y)
$$

$$
\frac{\partial L}{\partial z} = B^\top (\hat{y} - y)
$$

$$
\frac{\partial L}{\partial a_j} = \sum_{i=1}^{m} B_{ij} (\hat{y}_i - y_i)
$$

The layer is $s = \sigma(A x)$. Its loss is $E = \sum_{k=1}^{h} (s_k - t_k)^2$, $t \in \mathbb{R}^h$:

$$
\frac{\partial E}{\partial s_k} = 2 (s_k - t_k)
$$

$$
\frac{\partial E}{\partial s_k} = 2 (s_k - t_k) s_k
$$

$$
\frac{\partial L}{\partial z} = (1 - a \circ a) \circ B^\top (\hat{y} - y)
$$
"""


def test_a_gradient_with_respect_to_a_defined_vector_is_taken_through_its_definition():
    """dL/da with a = tanh(z): L written in a (what a is made from held fixed), differentiated, then a
    unfolded; an index of the variable that a sum in the formula also uses is never captured (dE/ds_k)."""
    by_line = _results_by_line(BACKPROP)
    verdicts = {line: r.verdict for line, r in by_line.items() if line >= 10 and line != 25}
    assert verdicts == {10: Verdict.PROVED, 14: Verdict.PROVED, 18: Verdict.REFUTED, 22: Verdict.PROVED,
                        28: Verdict.PROVED, 32: Verdict.REFUTED, 36: Verdict.PROVED}, verdicts
    # (\circ binds less tightly than the matrix product beside it, the only reading whose shapes fit)
    assert any("binding less tightly" in r.text for r in by_line[36].readings)


def test_an_index_letter_runs_over_the_length_of_what_it_indexes_in_one_display():
    """j over 1..N by default; in a display where it only indexes a vector of length m (a defined one,
    which the document-wide rule does not see) it runs over 1..m, and the reading says so."""
    text = ("Let $z \\in \\mathbb{R}^{m}$, $a = \\tanh(z)$ and $L = \\sum_{k=1}^{m} a_k^2$.\n\n"
            "$$\n\\frac{\\partial L}{\\partial a_j} = 2 a_j\n$$\n\n$$\n\\frac{\\partial L}{\\partial a_j} = a_j\n$$\n")
    d = read_document(text, "doc.md", default_notation())
    checks = {c.line: c for c in checks_of(d) if not c.problem}
    assert any("$j$ runs over $1, \\dots, m$" in r.text for r in checks[4].readings)
    assert verify_check(checks[4], SETTINGS).verdict is Verdict.PROVED
    assert verify_check(checks[8], SETTINGS).verdict is Verdict.REFUTED


def test_a_supposed_sum_of_a_free_vector_is_used_by_proofs_and_counterexamples():
    """sum_i p_i = 1 supposed: true steps that need it are proved (or bounded), false ones are refuted at a
    point where the entries do sum to 1, and d/dp_j is still by p_j alone."""
    text = ("Let $p, q \\in \\mathbb{R}^{n}$ with positive entries, so $\\sum_{i=1}^{n} p_i = 1$.\n\n"
            "$$\n\\sum_{i=1}^{n} (p_i + q_i) = 1 + \\sum_{i=1}^{n} q_i\n$$\n\n"
            "$$\n\\sum_{i=1}^{n} p_i q_i = 1\n$$\n\n"
            "$$\n\\frac{\\partial}{\\partial p_j} \\sum_{i=1}^{n} p_i^2 = 2 p_j\n$$\n")
    d = read_document(text, "doc.md", default_notation())
    results = {c.line: verify_check(c, SETTINGS) for c in checks_of(d) if not c.problem}
    assert results[4].verdict is Verdict.PROVED
    wrong = results[8]
    assert wrong.verdict is Verdict.REFUTED
    p = [e.exact for e in wrong.counterexample.values["p"].entries]
    assert sum(p) == 1 and all(v > 0 for v in p)  # the point satisfies the supposition, as a probability vector
    assert results[12].verdict is Verdict.PROVED


def test_matrices_and_vectors_declared_with_a_label_are_read_as_declared_braces_or_not():
    """W_{1} and W_1, b_1: the declared matrix and vector (W_{1} W_{2} x = W_{2} W_{1} x was once proved with
    both read as numbers); a label derive does not read (W_{out}) refuses every W, never guesses."""
    text = ("Let $x \\in \\mathbb{R}^{n}$, $W_{1} \\in \\mathbb{R}^{n \\times n}$, $W_{2} \\in \\mathbb{R}^{n \\times n}$ "
            "and $b_1 \\in \\mathbb{R}^{n}$.\n\n$$\nW_{1} W_{2} x = W_{2} W_{1} x\n$$\n\n"
            "$$\n\\nabla_{b_1} \\|W_1 x + b_1\\|^2 = 2 (W_1 x + b_1)\n$$\n\n"
            "$$\n\\nabla_{b_1} \\|W_1 x + b_1\\|^2 = 2 W_1 x\n$$\n")
    by_line = _results_by_line(text)
    assert [r.verdict for _, r in sorted(by_line.items())] == [Verdict.REFUTED, Verdict.PROVED, Verdict.REFUTED]
    unread = _results_by_line("Let $x \\in \\mathbb{R}^{n}$ and $W_{out} \\in \\mathbb{R}^{n \\times n}$.\n\n"
                              "$$\nW_{out} x = x W_{out}\n$$\n")
    assert [r.verdict for r in unread.values()] == [Verdict.UNKNOWN]


@pytest.mark.parametrize("text, verdicts", [
    # \log to base 2, as the prose says
    ("In these notes $\\log$ is the logarithm to base 2 and $p > 0$.\n\n$$\n\\frac{d}{dp} \\log p = \\frac{1}{p}\n$$\n\n"
     "$$\n-\\log \\frac{p}{2} = -\\log p + 1\n$$\n", [Verdict.REFUTED, Verdict.PROVED]),
    # the unsubscripted norm is the l1 norm
    ("For $x \\in \\mathbb{R}^{d}$, we write $\\|x\\|$ for the $\\ell_1$ norm throughout.\n\n$$\n\\|x\\|^2 = x^\\top x\n$$\n\n"
     "$$\n\\|x\\| = \\sum_{i=1}^{d} |x_i|\n$$\n", [Verdict.REFUTED, Verdict.PROVED]),
    # a stated layout, and a later mention of the other one that states nothing
    ("These notes use the denominator layout. Let $x \\in \\mathbb{R}^{n}$ and $W \\in \\mathbb{R}^{m \\times n}$.\n\n"
     "The numerator-layout answer, $W$, is the transpose of what we want here:\n\n$$\n\\frac{\\partial (W x)}{\\partial x} = W\n$$\n",
     [Verdict.REFUTED]),
    # Einstein's convention: the index written twice is summed
    ("We use the Einstein summation convention. Here $a, b \\in \\mathbb{R}^{n}$.\n\n$$\na_k b_k = a^\\top b\n$$\n",
     [Verdict.PROVED]),
    # a prime for the transpose, said so: read, and f'(x) (a derivative or f transposed times x?) refused
    ("A prime denotes the transpose: $y$ and $b$ are vectors.\n\n$$\ny'b = b'y\n$$\n\n$$\n(AB)' = A'B'\n$$\n\n"
     "$$\nx'(A + A')x = 2 x'Ax\n$$\n\n$$\nf'(x) = 2x\n$$\n",
     [Verdict.PROVED, Verdict.REFUTED, Verdict.PROVED, Verdict.UNKNOWN]),
    # a condition on a defined name, of a step about that name alone: m read as any number below 1 (never the
    # condition dropped; a refutation would be withheld); y in {-1, +1}
    ("The margin is $m = y \\, w^\\top x$ for $w, x \\in \\mathbb{R}^{d}$.\n\nFor $m < 1$:\n\n$$\n"
     "\\frac{d}{dm} \\max(0, 1 - m) = -1\n$$\n", [Verdict.UNKNOWN, Verdict.NUMERIC]),  # (the definition of m too)
    ("Let $w, x \\in \\mathbb{R}^{d}$ and $y \\in \\{-1, +1\\}$.\n\n$$\ny \\left(1 - y \\, w^\\top x\\right) = y - w^\\top x\n$$\n",
     [Verdict.PROVED]),
])
def test_conventions_the_prose_states_are_read_or_refused(text, verdicts):
    assert [r.verdict for _, r in sorted(_results_by_line(text).items())] == verdicts


def test_a_number_valued_function_of_a_vector_is_defined_and_its_gradient_read():
    """J(w) = formula, w a vector: J alone is J(w), J(v) puts v for w (no dummy captured), J' is refused."""
    text = ("Let $X \\in \\mathbb{R}^{n \\times d}$, $y \\in \\mathbb{R}^n$ and $u, w \\in \\mathbb{R}^d$.\n\n"
            "$$\nJ(w) = \\frac{1}{2} \\|X w - y\\|^2 + \\frac{\\lambda}{2} \\|w\\|^2\n$$\n\n"
            "$$\n\\nabla_w J = X^\\top (X w - y) + \\lambda w\n$$\n\n"
            "$$\n\\frac{\\partial J}{\\partial w} = X^\\top (X w - y) + 2 \\lambda w\n$$\n\n"
            "$$\nJ(2 w) = \\frac{1}{2} \\|2 X w - y\\|^2 + 2 \\lambda \\|w\\|^2\n$$\n\n"
            "$$\nJ(u + w) = J(u) + J(w)\n$$\n\n$$\nJ'(w) = 0\n$$\n")
    by_line = _results_by_line(text)
    assert [r.verdict for _, r in sorted(by_line.items())] == [
        Verdict.UNKNOWN, Verdict.PROVED, Verdict.REFUTED, Verdict.PROVED, Verdict.REFUTED, Verdict.UNKNOWN]
    assert "definition of J" in by_line[4].detail
    assert "J' is not read" in by_line[24].detail
    assert not any("matrix" in r.text for r in by_line[8].readings)  # J is no matrix J times w
    # f(A v) puts (A v)_j, a sum over its own index, for u_j inside f's sum over j: no index is captured
    captured = ("Let $A \\in \\mathbb{R}^{n \\times n}$ and $u, v \\in \\mathbb{R}^n$.\n\n$$\nf(u) = \\sum_{j=1}^{n} u_j^2\n$$\n\n"
                "$$\nf(A v) = \\|A v\\|^2\n$$\n\n$$\nf(A v) = \\sum_{j=1}^{n} (A_{jj} v_j)^2\n$$\n")
    assert [r.verdict for _, r in sorted(_results_by_line(captured).items())] == [
        Verdict.UNKNOWN, Verdict.PROVED, Verdict.REFUTED]


def test_a_builtin_function_the_document_defines_its_own_way_is_read_so():
    """sigma with a slope of its own, or sigma said to be tanh: the document's function from there on; a display
    sigma(u) = 1/2 + tanh(u)/2 with no such words is not taken as the meaning of sigma (a premise of the steps)."""
    slope = ("In this problem set the sigmoid has a slope $k > 0$:\n\n$$\n\\sigma(x) = \\frac{1}{1 + e^{-k x}}\n$$\n\n"
             "$$\n\\sigma'(x) = k \\sigma(x) (1 - \\sigma(x))\n$$\n\n$$\n\\sigma'(x) = \\sigma(x) (1 - \\sigma(x))\n$$\n")
    by_line = _results_by_line(slope)
    assert [r.verdict for _, r in sorted(by_line.items())] == [Verdict.UNKNOWN, Verdict.PROVED, Verdict.REFUTED]
    assert any("not the built-in sigmoid" in r.text for r in by_line[8].readings)
    tanh = ("We write $\\sigma$ for the activation, which in this sheet is the hyperbolic tangent: "
            "$\\sigma(z) = \\tanh z$.\n\n$$\n\\sigma'(z) = 1 - \\sigma(z)^2\n$$\n")
    assert [r.verdict for _, r in sorted(_results_by_line(tanh).items())][-1] is Verdict.PROVED
    claim = "$$\n\\sigma(u) = \\frac{1}{2} + \\frac{1}{2} \\tanh(u)\n$$\n\n$$\n\\sigma(0) = \\frac{1}{2}\n$$\n"
    assert all(r.verdict is Verdict.UNKNOWN and "line 2 defines sigma" in r.detail
               for r in _results_by_line(claim).values())


def test_a_condition_that_a_number_differs_from_another_restricts_the_step():
    """For $r \\neq 0$: checked where it holds (d|r|/dr = r/|r| proved); a counterexample satisfies it."""
    text = ("For $r \\neq 0$,\n\n$$\n\\frac{d}{dr} |r| = \\frac{r}{|r|}\n$$\n\n"
            "For $x \\neq 1$,\n\n$$\n\\frac{x^3 - 1}{x - 1} = x^2 + 1\n$$\n")
    by_line = _results_by_line(text)
    assert [r.verdict for _, r in sorted(by_line.items())] == [Verdict.PROVED, Verdict.REFUTED]
    assert any("r \u2260 0" in r.text or "r \\neq 0" in r.text for r in by_line[4].readings)
    (value,) = by_line[10].counterexample.values["x"].entries
    assert value.exact != 1


def test_a_counterexample_is_found_in_a_range_no_integer_lies_in():
    """0 < p < 1: the search tries fractions too, and the counterexample lies in the range."""
    text = ("A unit is kept with probability $1 - p$ (where $0 < p < 1$).\n\n$$\n(1 - p) - (1 - p)^2 = (1 - p)^2\n$$\n\n"
            "$$\n(1 - p) - (1 - p)^2 = p (1 - p)\n$$\n")
    by_line = _results_by_line(text)
    assert [r.verdict for _, r in sorted(by_line.items())] == [Verdict.REFUTED, Verdict.PROVED]
    (value,) = by_line[4].counterexample.values["p"].entries
    assert 0 < sp.Rational(str(value.exact)) < 1


def test_a_document_that_says_gradients_are_columns_has_a_row_gradient_refuted():
    text = ("Gradients have the shape of the variable. For $X \\in \\mathbb{R}^{N \\times d}$, $w \\in \\mathbb{R}^{d}$ "
            "and $y \\in \\mathbb{R}^{N}$,\n\n$$\n\\frac{\\partial}{\\partial w} \\|X w - y\\|^2 = 2 (X w - y)^\\top X\n$$\n\n"
            "$$\n\\frac{\\partial}{\\partial w} \\|X w - y\\|^2 = 2 X^\\top (X w - y)\n$$\n")
    by_line = _results_by_line(text)
    assert [r.verdict for _, r in sorted(by_line.items())] == [Verdict.REFUTED, Verdict.PROVED]
    assert any("gradient is a column vector" in r.text for r in by_line[4].readings)
    # without the sentence, the row is the gradient under transposition (a convention the verdict names)
    assert _results_by_line(text.split(". ", 1)[1])[4].verdict is Verdict.PROVED


def test_a_name_defined_again_under_a_later_heading_has_its_new_meaning_there():
    text = ("# Question 1\n\n$$\nA(t) = t^2\n$$\n\n$$\nA(2) = 4\n$$\n\n# Question 2\n\n$$\nA(t) = t^3\n$$\n\n"
            "$$\nA(2) = 8\n$$\n\n$$\nA(-t) = -A(t)\n$$\n\n# Question 3\n\n$$\nz = 2\n$$\n\n$$\nz + 1 = 3\n$$\n\n"
            "# Question 4\n\n$$\nz = 5\n$$\n\n$$\nz + 1 = 6\n$$\n")
    by_line = _results_by_line(text)
    assert [r.verdict for _, r in sorted(by_line.items())] == [
        Verdict.UNKNOWN, Verdict.PROVED, Verdict.UNKNOWN, Verdict.PROVED, Verdict.PROVED,
        Verdict.UNKNOWN, Verdict.PROVED, Verdict.UNKNOWN, Verdict.PROVED]
    assert "definition of A" in by_line[14].detail


def test_what_the_prose_ties_or_fixes_at_a_point_is_not_a_claim_for_every_value():
    """"we have $\\eta = \\log \\lambda$" of a declared eta ties the two (a later refutation using them is unknown);
    "at $a = 0$ we have ..." holds the sentence's claims at that point only; s^2 = formula defines s."""
    tied = ("The natural parameter is $\\eta \\in \\mathbb{R}$. For rate $\\lambda > 0$ we have $\\eta = \\log \\lambda$.\n\n"
            "$$\ne^{\\eta} = \\lambda\n$$\n")
    assert {r.verdict for r in _results_by_line(tied).values()} == {Verdict.UNKNOWN}
    at = ("Let $a$ be a real number and $o = \\sigma(a)$. At $a = b = 0$ we have $o = \\frac{1}{2}$ and "
          "$o = \\frac{1}{3}$.\n\n$$\n\\sigma(a) = \\sigma(2a)\n$$\n")
    d = read_document(at, "doc.md", default_notation())
    assert [verify_check(c, SETTINGS).verdict for c in checks_of(d)][-3:] == [
        Verdict.PROVED, Verdict.REFUTED, Verdict.REFUTED]  # (the display after it: every a)
    square = ("Let $x \\in \\mathbb{R}^{m}$.\n\n$$\n\\mu = \\frac{1}{m} \\sum_{i=1}^{m} x_i , \\qquad "
              "s^2 = \\frac{1}{m} \\sum_{i=1}^{m} (x_i - \\mu)^2\n$$\n\n"
              "$$\n\\frac{\\partial s^2}{\\partial x_j} = \\frac{2}{m} (x_j - \\mu)\n$$\n\n"
              "$$\n\\frac{\\partial s^2}{\\partial x_j} = \\frac{2}{m-1} (x_j - \\mu)\n$$\n")
    assert [r.verdict for line, r in sorted(_results_by_line(square).items()) if line > 4] == [
        Verdict.PROVED, Verdict.REFUTED]


def test_an_index_letter_the_document_defines_by_a_formula_is_refused_wherever_it_is_written():
    text = ("$$\nf = \\sigma(a_f), \\quad i = \\sigma(a_i)\n$$\n\n$$\n\\frac{\\partial c}{\\partial a_i} = i (1 - i)\n$$\n")
    d = read_document(text, "doc.md", default_notation())
    results = [verify_check(c, SETTINGS) for c in checks_of(d)]
    assert [r.verdict for r in results][1:] == [Verdict.UNKNOWN, Verdict.UNKNOWN]
    assert all("i is an index letter" in r.detail for r in results[1:])


def test_numbered_names_are_defined_and_differentiated_through_as_backpropagation_through_time_writes_them():
    """a_1 = w h_0 + u x_1, h_1 = tanh(a_1), ...: each a number of its own (h_0 too, never entry 0 of a vector h),
    a derivative by h_1 or by h_0 goes through the definitions, and a name whose definition is not read is
    never read as any number after it."""
    text = ("Let $w, u, h_0, x_1, x_2, y \\in \\mathbb{R}$.\n\n"
            "$$\na_1 = w h_0 + u x_1, \\qquad h_1 = \\tanh(a_1)\n$$\n\n$$\na_2 = w h_1 + u x_2, \\qquad h_2 = \\tanh(a_2)\n$$\n\n"
            "$$\nL = \\frac{1}{2} (h_2 - y)^2\n$$\n\n"
            "$$\n\\frac{\\partial h_2}{\\partial h_1} = w (1 - h_2^2)\n$$\n\n"
            "$$\n\\frac{\\partial L}{\\partial h_0} = (h_2 - y)(1 - h_2^2)(1 - h_1^2) w^2\n$$\n\n"
            "$$\n\\frac{\\partial L}{\\partial h_0} = 0\n$$\n")
    by_line = _results_by_line(text)
    assert [r.verdict for line, r in sorted(by_line.items()) if line > 12] == [
        Verdict.PROVED, Verdict.PROVED, Verdict.REFUTED]
    unread = ("$$\nc_1 = f c_0 + \\operatorname{gate}!\n$$\n\n$$\nh_1 = \\tanh(c_1)\n$$\n\n$$\n\\tanh(c_1) = h_1\n$$\n")
    assert {r.verdict for r in _results_by_line(unread).values()} == {Verdict.UNKNOWN}


def test_a_recurrence_defines_the_terms_the_document_writes_from_its_start_value():
    """v_t = beta v_{t-1} + g_t with v_0 = 0: v_1, v_2, v_3 are unrolled (claims about them checked against it);
    without a start value taken, never unrolled from any v_0."""
    text = ("Let $\\beta \\in (0, 1)$. The velocity starts at $v_0 = 0$ and\n\n$$\nv_t = \\beta v_{t-1} + g_t\n$$\n\n"
            "$$\nv_1 = g_1\n$$\n\n$$\nv_3 = \\beta^2 g_1 + \\beta g_2 + g_3\n$$\n\n$$\nv_3 = \\beta^3 g_1 + \\beta g_2 + g_3\n$$\n")
    by_line = _results_by_line(text)
    assert [r.verdict for _, r in sorted(by_line.items())] == [
        Verdict.UNKNOWN, Verdict.UNKNOWN, Verdict.PROVED, Verdict.PROVED, Verdict.REFUTED]
    unstated = text.replace("The velocity starts at $v_0 = 0$ and", "The velocity starts at zero, so")
    assert _results_by_line(unstated)[8].verdict is not Verdict.REFUTED  # v_1 = g_1 needs v_0 = 0
    chained = text.replace("The velocity starts at $v_0 = 0$ and", "Let $m_0 = v_0 = 0$ and")
    assert _results_by_line(chained)[8].verdict is Verdict.PROVED


def test_a_partial_derivative_of_a_function_of_greek_variables_is_taken_at_its_own_variables():
    text = ("Let $\\mu \\in \\mathbb{R}$ and $v > 0$.\n\n$$\n\\ell(\\mu, v) = \\frac{(y - \\mu)^2}{2 v} + \\frac{1}{2} \\log v\n$$\n\n"
            "$$\n\\frac{\\partial \\ell}{\\partial \\mu} = \\frac{\\mu - y}{v}\n$$\n\n"
            "$$\n\\frac{\\partial \\ell}{\\partial v} = \\frac{(y - \\mu)^2}{2 v^2}\n$$\n")
    assert [r.verdict for _, r in sorted(_results_by_line(text).items())] == [
        Verdict.UNKNOWN, Verdict.PROVED, Verdict.REFUTED]


def test_an_identity_of_functions_written_without_arguments_is_read_at_every_point():
    """tanh' = 1 - tanh^2 at every z; in sigma' = sigma (1 - sigma) the parentheses hold the bare sigma itself, so
    they are a factor (sigma at 1 - sigma would need sigma to be a number): sigma(z) (1 - sigma(z)), shown."""
    text = ("$$\n\\tanh' = 1 - \\tanh^2\n$$\n\n$$\n\\sigma' = \\sigma^2\n$$\n\n$$\n\\sigma' = \\sigma (1 - \\sigma)\n$$\n")
    by_line = _results_by_line(text)
    assert [r.verdict for _, r in sorted(by_line.items())] == [Verdict.PROVED, Verdict.REFUTED, Verdict.PROVED]
    assert any("read at every point" in r.text for r in by_line[2].readings)
    assert any("σ(z) · (1 - σ(z))" in r.text or "(1 - \\sigma(z))" in r.text for r in by_line[10].readings)


def test_a_number_differentiated_by_a_matrix_has_the_matrix_shape_a_convention_the_verdict_names():
    text = ("Let $A, X \\in \\mathbb{R}^{n \\times n}$, $C \\in \\mathbb{R}^{m \\times n}$, $D \\in \\mathbb{R}^{m \\times p}$ "
            "and $Y \\in \\mathbb{R}^{n \\times p}$.\n\n"
            "$$\n\\frac{\\partial}{\\partial X} \\operatorname{tr}(A X) = A^\\top\n$$\n\n"
            "$$\n\\frac{\\partial}{\\partial X} \\operatorname{tr}(A X) = A\n$$\n\n"
            "$$\n\\frac{\\partial}{\\partial Y} \\|C Y - D\\|_F^2 = 2 C^\\top (C Y - D)\n$$\n\n"
            "$$\n\\|Y\\|_F^2 = \\operatorname{tr}(Y^\\top Y)\n$$\n")
    by_line = _results_by_line(text)
    assert [r.verdict for _, r in sorted(by_line.items())] == [
        Verdict.PROVED, Verdict.REFUTED, Verdict.PROVED, Verdict.PROVED]
    assert any("matrix's shape" in r.text for r in by_line[8].readings)  # the refutation names its default


def test_an_inline_partial_derivative_written_with_a_slash_is_the_derivative_fraction():
    text = ("Let $w, x \\in \\mathbb{R}^d$ and $z = w^\\top x$.\n\n"
            "Then $\\partial z / \\partial w_j = x_j$ and $\\partial z / \\partial w_j = w_j$.\n")
    d = read_document(text, "doc.md", default_notation())
    assert [verify_check(c, SETTINGS).verdict for c in checks_of(d)][-2:] == [Verdict.PROVED, Verdict.REFUTED]


def test_a_vector_said_to_be_a_row_of_a_matrix_is_that_row():
    text = ("Let $X \\in \\mathbb{R}^{n \\times d}$, $y \\in \\mathbb{R}^n$ and $w \\in \\mathbb{R}^d$, "
            "where $x_i^\\top$ is the $i$-th row of $X$.\n\n"
            "$$\n\\sum_{i=1}^{n} (x_i^\\top w - y_i)^2 = \\|X w - y\\|^2\n$$\n\n"
            "$$\n\\sum_{i=1}^{n} (x_i^\\top w - y_i) x_i = X^\\top (X w - y)\n$$\n\n"
            "$$\n\\sum_{i=1}^{n} (x_i^\\top w - y_i) x_i = X (X^\\top w - y)\n$$\n")
    by_line = _results_by_line(text)
    assert [r.verdict for _, r in sorted(by_line.items())] == [Verdict.PROVED, Verdict.PROVED, Verdict.REFUTED]
    assert any("row $i$ of $X$" in r.text for r in by_line[4].readings)
    # (said the way papers say it: "the design matrix with rows $x_i^\top$", "whose rows are $x_i^T$")
    for said in ("$X \\in \\mathbb{R}^{n \\times d}$ is the design matrix with rows $x_i^\\top$",
                 "$X \\in \\mathbb{R}^{n \\times d}$, a matrix whose rows are $x_i^T$"):
        worded = text.replace("Let $X \\in \\mathbb{R}^{n \\times d}$, ", said + ", ").replace(
            ", where $x_i^\\top$ is the $i$-th row of $X$", "")
        assert said in worded and "-th row" not in worded
        assert [r.verdict for _, r in sorted(_results_by_line(worded).items())] == \
            [Verdict.PROVED, Verdict.PROVED, Verdict.REFUTED]


def test_a_meaning_given_before_a_heading_is_kept_where_a_later_part_only_states_a_value():
    """sigma said to be tanh, then "at $z = 0$ we have $\\sigma(z) = 0$" under a heading: still tanh there; a start
    value set anew under a later heading makes the terms unrolled from the old one unknown."""
    text = ("Here $\\sigma$ is the hyperbolic tangent: $\\sigma(z) = \\tanh z$.\n\n## Part 2\n\n"
            "$$\n\\sigma(-z) = -\\sigma(z)\n$$\n\nAt $z = 0$ we have $\\sigma(z) = 0$.\n")
    assert [r.verdict for _, r in sorted(_results_by_line(text).items())][1:] == [Verdict.PROVED, Verdict.PROVED]
    restart = ("The accumulator starts at $p_0 = 2$: $p_t = \\gamma p_{t-1} + g_t$.\n\n## Restarted\n\n"
               "Restart it from $p_0 = 5$. Now\n\n$$\np_1 = 5 \\gamma + g_1, \\qquad p_1 = 2 \\gamma + g_1\n$$\n")
    d = read_document(restart, "doc.md", default_notation())
    assert [verify_check(c, SETTINGS).verdict for c in checks_of(d)][-2:] == [Verdict.UNKNOWN, Verdict.UNKNOWN]


def test_a_value_at_a_point_is_put_in_after_the_derivative_is_taken():
    text = "Let $z \\in \\mathbb{R}$. At $z = 0$ we have $\\frac{d}{dz} \\tanh(z) = 1$ and $\\frac{d}{dz} \\tanh(z) = 0$.\n"
    d = read_document(text, "doc.md", default_notation())
    assert [verify_check(c, SETTINGS).verdict for c in checks_of(d)] == [Verdict.PROVED, Verdict.REFUTED]


def test_a_vector_declared_with_an_index_letter_as_its_length_makes_that_letter_a_size():
    text = "Let $w \\in \\mathbb{R}^{k}$.\n\n$$\n\\|w\\|^2 = w^\\top w\n$$\n"
    assert [r.verdict for r in _results_by_line(text).values()] == [Verdict.PROVED]


def test_suppositions_joined_by_and_are_suppositions_and_claims_after_and_are_claims():
    text = ("Let $a = 2$ and $b = 3$. Then more.\n\n"
            "Symmetry and the midpoint: $\\sigma(-x) = 1 - \\sigma(x)$ and $\\sigma(0) = \\frac{1}{3}$.\n")
    d = read_document(text, "doc.md", default_notation())
    outcomes = [verify_check(c, SETTINGS) for c in checks_of(d)]
    # (the values "let" gives define the names)
    assert [o.detail.split(";")[0] for o in outcomes[:2]] == ["not checked: the definition of a is not checked",
                                                            "not checked: the definition of b is not checked"]
    assert [o.verdict for o in outcomes[2:]] == [Verdict.PROVED, Verdict.REFUTED]


def test_a_value_let_gives_defines_the_name_and_a_value_given_later_ends_it():
    text = ("Let $f(x) = x^2$ for real $x$, and $z = 2$.\n\nThe value asked for is $f(z) = 4$, not $f(z) = 2$.\n\n"
            "Now $z = 3$, and $f(z) = 9$, not $f(z) = 4$.\n")
    d = read_document(text, "doc.md", default_notation())
    verdicts = [verify_check(c, SETTINGS).verdict for c in checks_of(d)]
    # f and z defined; f(z) = 4 proved and f(z) = 2 refuted at z = 2; after "now z = 3" the 2 no longer holds:
    # the claims after it in its paragraph are at z = 3
    assert verdicts[2:4] == [Verdict.PROVED, Verdict.REFUTED]
    assert verdicts[4:] == [Verdict.PROVED, Verdict.REFUTED]


def test_a_default_function_name_the_document_defines_as_a_number_is_that_number():
    """sigma = ln(1 + e^rho), sigma never applied to an argument: a number, and d sigma/d rho its derivative."""
    text = ("It is parameterised through a softplus, $\\sigma = \\ln(1 + e^{\\rho})$ with $\\rho \\in \\mathbb{R}$.\n\n"
            "$$\n\\frac{d\\sigma}{d\\rho} = \\frac{e^{\\rho}}{1 + e^{\\rho}}\n$$\n\n$$\n\\frac{d\\sigma}{d\\rho} = e^{\\rho}\n$$\n")
    by_line = _results_by_line(text)
    assert [r.verdict for line, r in sorted(by_line.items()) if line > 1] == [Verdict.PROVED, Verdict.REFUTED]


def test_a_relation_between_sizes_is_not_read_and_neither_are_steps_that_use_two_of_them():
    text = ("A signal $x \\in \\mathbb{R}^{N}$ and a kernel $w \\in \\mathbb{R}^{K}$ give $M = N - K + 1$ outputs, and a "
            "gradient $g \\in \\mathbb{R}^{M}$.\n\n$$\n\\sum_{i=1}^{M} g_i = \\sum_{j=1}^{M} g_j\n$$\n\n"
            "$$\n\\sum_{i=1}^{M} 1 + \\sum_{k=1}^{K} 1 = N + 1\n$$\n")
    by_line = _results_by_line(text)
    verdicts = [r.verdict for _, r in sorted(by_line.items())]
    assert verdicts == [Verdict.UNKNOWN, Verdict.PROVED, Verdict.UNKNOWN], verdicts


def test_inline_mathematics_on_a_last_line_without_a_newline_has_its_own_line_and_column():
    text = "# T\n\nSo $b + b = 2b$, and\n$b \\cdot b = b^2$ too."
    d = read_document(text, "doc.md", default_notation())
    assert [(c.line, c.column) for c in checks_of(d)] == [(3, 5), (4, 2)]


def test_a_range_said_in_parentheses_holds_for_the_name_from_there_on():
    text = ("A unit is kept with probability $1 - p$ (where $0 < p < 1$).\n\nLater on,\n\n"
            "$$\n\\sqrt{p^2} = p\n$$\n\n$$\n\\sqrt{(p - 1)^2} = p - 1\n$$\n")
    by_line = _results_by_line(text)
    assert [r.verdict for _, r in sorted(by_line.items())] == [Verdict.PROVED, Verdict.REFUTED]
    point = {n: a.entries[0].exact for n, a in by_line[10].counterexample.values.items()}
    assert 0 < point["p"] < 1


def test_a_letter_used_under_an_earlier_heading_may_be_defined_under_a_later_one():
    text = ("# Scalars\n\nRecall that $\\frac{d}{da} \\tanh a = 1 - \\tanh^2 a$.\n\n## Vectors\n\n"
            "Now $a = \\tanh(W b)$ with $b \\in \\mathbb{R}^{H}$ and $W \\in \\mathbb{R}^{H \\times H}$.\n\n"
            "$$\n\\frac{\\partial a_i}{\\partial b_j} = \\left(1 - a_i^2\\right) W_{ij}\n$$\n")
    d = read_document(text, "doc.md", default_notation())
    results = {c.line: verify_check(c, SETTINGS) for c in checks_of(d)}
    assert results[7].verdict is Verdict.UNKNOWN and "definition" in results[7].detail
    assert results[10].verdict is Verdict.PROVED


def test_a_sum_said_with_with_is_a_supposition_on_a_free_vector():
    text = ("The target $y \\in \\mathbb{R}^{K}$ has nonnegative entries with $\\sum_{k=1}^{K} y_k = 1$.\n\n"
            "$$\n\\sum_{k=1}^{K} (1 - y_k) = K - 1\n$$\n\n$$\n\\sum_{k=1}^{K} (1 - y_k) = K\n$$\n")
    by_line = _results_by_line(text)
    assert [r.verdict for _, r in sorted(by_line.items())] == [Verdict.PROVED, Verdict.REFUTED]


def test_a_default_definition_the_document_replaces_is_not_listed_as_its_notation():
    d = read_document(BACKPROP, "doc.md", default_notation())
    assert not any(t.startswith("\\hat{y} :=") for t in d.assume.text)
    default = read_document("$$\\hat{y}_k = 1$$\n", "a.md", default_notation())
    assert any(t.startswith("\\hat{y} :=") for t in default.assume.text)


def _readings(text: str, n: int) -> tuple:
    """The readings the n-th check of the document relies on."""
    return verify_check(checks_of(read_document(text, "doc.md", default_notation()))[n], SETTINGS).readings


def _verdicts(text: str, filename: str = "doc.md") -> list[tuple[int, Verdict, str]]:
    """(line, verdict, detail) of every link of the document that claims something, in order."""
    d = read_document(text, filename, default_notation(), markdown=not filename.endswith(".tex"))
    out = []
    for c in _claims(d):
        if c.part == "ends":
            continue
        r = verify_check(c, SETTINGS)
        out.append((c.line, r.verdict, r.detail))
    return out


def test_a_vector_function_defined_by_its_entry_is_that_vector_at_any_argument():
    text = ("Let $T > 0$ and $z, c \\in \\mathbb{R}^n$.\n\n$$\ng(z)_i = \\frac{e^{z_i / T}}{\\sum_{k=1}^{n} e^{z_k / T}}\n$$\n\n"
            "$$\n\\sum_{i=1}^{n} g(z)_i = 1\n$$\n\n"
            "$$\n\\frac{\\partial g(z)_i}{\\partial z_i} = \\frac{1}{T} g(z)_i (1 - g(z)_i)\n$$\n\n"
            "$$\n\\frac{\\partial g(z)_i}{\\partial z_i} = g(z)_i (1 - g(z)_i)\n$$\n\n"
            "$$\ng(z + c)_j = g(z)_j, \\quad g(2 z)_j = g(z)_j\n$$\n")
    verdicts = [v for _, v, _ in _verdicts(text)]
    # (the definition, then: sums to one; the derivative with 1/T; without it; a shift of z that is not constant)
    assert verdicts == [Verdict.UNKNOWN, Verdict.PROVED, Verdict.PROVED, Verdict.REFUTED, Verdict.REFUTED,
                        Verdict.REFUTED]


def test_a_built_in_name_defined_with_a_parameter_of_its_own_is_the_documents_function():
    softmax = ("Here $T > 0$ is a temperature and $z \\in \\mathbb{R}^n$; softmax includes it:\n\n"
               "$$\n\\mathrm{softmax}(z)_i = \\frac{e^{z_i / T}}{\\sum_{k=1}^{n} e^{z_k / T}}\n$$\n\n"
               "$$\n\\log \\mathrm{softmax}(z)_i = \\frac{z_i}{T} - \\log \\sum_{k=1}^{n} e^{z_k / T}\n$$\n\n"
               "$$\n\\log \\mathrm{softmax}(z)_i = z_i - \\log \\sum_{k=1}^{n} e^{z_k}\n$$\n")
    found = _verdicts(softmax)
    assert [v for _, v, _ in found] == [Verdict.UNKNOWN, Verdict.PROVED, Verdict.REFUTED]
    assert "definition of softmax" in found[0][2]
    sigmoid = ("Let $T > 0$.\n\n$$\n\\operatorname{sigmoid}(x) = \\frac{1}{1 + e^{-x / T}}\n$$\n\n"
               "$$\n\\frac{d}{dx} \\operatorname{sigmoid}(x) = \\frac{1}{T} \\operatorname{sigmoid}(x) "
               "(1 - \\operatorname{sigmoid}(x))\n$$\n")
    assert [v for _, v, _ in _verdicts(sigmoid)] == [Verdict.UNKNOWN, Verdict.PROVED]
    # the usual softmax written out is no definition of the document's own: a premise of the steps that use it
    usual = softmax.replace(" / T", "").replace("\\frac{z_i}{T}", "z_i")
    assert {v for _, v, _ in _verdicts(usual)} == {Verdict.PROVED}


def test_a_value_of_a_built_in_function_at_a_point_is_no_definition_of_it():
    text = ("At $a = 0$ we have $\\sigma(a) = \\frac{1}{2}$.\n\n$$\n\\sigma'(a) = \\sigma(a)^2\n$$\n\n"
            "$$\n\\sigma'(a) = \\sigma(a) (1 - \\sigma(a))\n$$\n")
    assert [v for _, v, _ in _verdicts(text)] == [Verdict.PROVED, Verdict.REFUTED, Verdict.PROVED]


def test_a_definition_under_a_part_marker_replaces_the_earlier_part_s():
    text = ("## Question 1\n\nLet $f(x) = x e^{x}$ for real $x$, and $z = 2$.\n\n(a) $f'(x) = (1 + x) e^{x}$.\n\n"
            "## Question 2\n\nNow $f(x) = x^2 e^{-x}$; the same questions.\n\n(a)\n\n$$\nf'(x) = (2x - x^2) e^{-x}\n$$\n\n"
            "$$\nf'(x) = (1 + x) e^{x}\n$$\n")
    assert [v for _, v, _ in _verdicts(text)][-2:] == [Verdict.PROVED, Verdict.REFUTED]


def test_a_function_described_in_words_only_is_never_refuted_as_any_function():
    text = ("Let $F$ be the CDF of the data and $x \\in \\mathbb{R}$.\n\n$$\nF(-x) = 1 - F(x)\n$$\n\n"
            "$$\n\\frac{d}{dx} x F(x) = F(x) + x F'(x)\n$$\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found] == [Verdict.UNKNOWN, Verdict.PROVED]
    assert "$F$ is the CDF of the data" in found[0][2]
    # (the standard normal CDF, named so, is that function: its symmetry is proved)
    named = _verdicts(text.replace("$F$ be the CDF of the data", "$F$ be the standard normal CDF"))
    assert [v for _, v, _ in named] == [Verdict.PROVED, Verdict.PROVED]


def test_a_property_of_a_matrix_said_in_words_keeps_a_refutation_without_it_unknown():
    text = ("Let $A \\in \\mathbb{R}^{n \\times n}$ be orthogonal and $x \\in \\mathbb{R}^n$.\n\n"
            "$$\n\\|A x\\|^2 = \\|x\\|^2\n$$\n\n$$\n\\nabla_x (x^\\top A x) = 3 A x\n$$\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found] == [Verdict.UNKNOWN, Verdict.UNKNOWN]
    assert all("$A$ is orthogonal" in why for _, _, why in found)


def test_an_interval_declares_a_range():
    text = ("Let $\\varepsilon \\in (0, 1)$ and $x \\in [0, \\infty)$.\n\n"
            "$$\n\\sqrt{x^2} = x, \\quad |\\varepsilon| = -\\varepsilon\n$$\n")
    assert [v for _, v, _ in _verdicts(text)] == [Verdict.PROVED, Verdict.REFUTED]


def test_a_condition_on_a_name_a_definition_holds_applies_and_meets_its_range():
    text = ("Let $x \\in \\mathbb{R}$ and $\\varepsilon \\geq 0$ a constant, and\n\n$$\nr = x^2 + \\varepsilon\n$$\n\n"
            "If $\\varepsilon = 0$, the thing holds, $\\frac{x^2}{r} = 1$, and more.\n")
    assert [v for _, v, _ in _verdicts(text)] == [Verdict.UNKNOWN, Verdict.PROVED]


def test_a_sum_joined_to_a_range_is_a_supposition_and_a_size_bound_is_searched_above():
    text = ("Weights $\\pi_k > 0$, $\\sum_{k=1}^{K} \\pi_k = 1$, and logits $z \\in \\mathbb{R}^K$ ($K \\geq 2$ classes).\n\n"
            "$$\n\\sum_{k=1}^{K} \\pi_k z_k = z_1\n$$\n")
    found = _verdicts(text)
    # (no result for the supposition; the claim refuted at K = 2 or more, never at the excluded K = 1)
    assert [v for _, v, _ in found] == [Verdict.REFUTED]
    assert "N = 1," not in found[0][2]


def test_an_inequality_of_two_index_letters_opens_a_case_and_an_entry_value_is_a_supposition():
    text = ("Let $z \\in \\mathbb{R}^n$. For any other index $k \\neq j$:\n\n$$\n\\delta_{kj} z_k = 0\n$$\n\n"
            "Let $y \\in \\{0, 1\\}^n$ and $p \\in \\mathbb{R}^n$. Pixels ($y_j = 0$) get "
            "$\\frac{\\partial}{\\partial p_j} \\sum_{i=1}^{n} p_i y_i = 0$.\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found] == [Verdict.PROVED, Verdict.UNKNOWN]
    # (the value of one entry of y: a supposition not read, under which only a proof stands)
    assert "the condition $y_j = 0$ (line 7), which is not read" in found[1][2]


def test_a_declared_name_tied_to_another_by_a_display_is_not_refuted_as_independent():
    text = "Let $\\eta \\in \\mathbb{R}$ and $p \\in (0, 1)$. The log-odds are\n\n$$\n\\eta = \\log \\frac{p}{1 - p}\n$$\n"
    found = _verdicts(text)
    assert [v for _, v, _ in found] == [Verdict.UNKNOWN] and "tied to p" in found[0][2]


def test_a_refutation_only_at_a_negative_value_of_an_undeclared_name_is_unknown():
    found = _verdicts("$$\n\\sqrt{s^2} = s, \\quad \\sqrt{s^2} = 2 s\n$$\n")
    assert [v for _, v, _ in found] == [Verdict.UNKNOWN, Verdict.REFUTED]
    assert "refuted only where s is 0 or negative" in found[0][2]


def test_a_name_s_power_with_an_index_formula_is_a_power():
    text = ("Let $w \\in \\mathbb{R}$ and $x \\in \\mathbb{R}^T$.\n\n"
            "$$\n\\sum_{k=1}^{T} w^{T-k} x_k = w^{T-1} x_1 + \\sum_{k=2}^{T} w^{T-k} x_k\n$$\n")
    assert [v for _, v, _ in _verdicts(text)] in ([Verdict.PROVED], [Verdict.BOUNDED])


def test_annotations_beside_an_equation_are_an_index_range_a_condition_or_a_connective():
    text = ("Let $x, g \\in \\mathbb{R}^n$ and $r > 0$.\n\n$$\ny_i = \\frac{g_i x_i}{r} \\quad (i = 1, \\dots, n)\n$$\n\n"
            "$$\n\\frac{\\partial y_i}{\\partial g_i} = \\frac{x_i}{r} \\quad (0 \\leq i \\leq n)\n$$\n\n"
            "$$\n\\frac{\\partial y_i}{\\partial g_i} = \\frac{x_i}{r} , \\qquad \\text{not} \\qquad "
            "\\frac{\\partial y_i}{\\partial g_i} = x_i\n$$\n")
    d = read_document(text, "doc.md", default_notation())
    latex = [c.link_latex or c.latex for c in checks_of(d)]
    assert latex[0].replace(" ", "") == "y_i=\\frac{g_ix_i}{r}"
    found = _verdicts(text)
    assert "a condition beside an equation (0 \\leq i \\leq n)" in found[1][2]
    assert [v for _, v, _ in found[2:]] == [Verdict.PROVED, Verdict.REFUTED]


def test_a_display_not_read_that_opens_with_a_fresh_name_defines_it():
    text = ("$$\nh_t = w h_{t-1} + x_t , \\qquad t = 1 , \\quad t \\geq 1\n$$\n\n"
            "$$\nh_2 = w x_1 + x_2\n$$\n")
    found = _verdicts(text)
    assert found[-1][1] is Verdict.UNKNOWN and "uses h, which line 2 defines" in found[-1][2]


def test_einstein_s_convention_sums_an_index_written_twice_in_a_product():
    text = ("We use Einstein's summation convention. Let $a, b, x \\in \\mathbb{R}^n$ and "
            "$A \\in \\mathbb{R}^{n \\times n}$.\n\n"
            "$$\na_k b_k = a^\\top b\n$$\n\n$$\nA_{kk} = \\operatorname{tr}(A)\n$$\n\n"
            "$$\n\\frac{\\partial (x_k x_k)}{\\partial x_l} = 2 x_l\n$$\n\n"
            "$$\n\\frac{\\partial (x_k A_{kj} x_j)}{\\partial x_l} = A_{lj} x_j + x_k A_{kl}\n$$\n\n"
            "$$\n\\frac{\\partial (x_k x_k)}{\\partial x_l} = 2 x_k\n$$\n\n$$\na_k b_k x_k = 0\n$$\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found] == [Verdict.PROVED] * 4 + [Verdict.REFUTED, Verdict.UNKNOWN]
    assert "written 3 times in one product" in found[-1][2]
    # without the convention, a_k b_k is the product at one k
    assert _verdicts(text.replace("We use Einstein's summation convention. ", ""))[0][1] is Verdict.REFUTED


def test_a_function_named_with_its_parameter_as_a_label_is_defined_and_applied():
    text = (
        "With a scale $\\delta > 0$, $H_\\delta(r) = \\delta^2 \\left( \\sqrt{1 + (r / \\delta)^2} - 1 \\right)$ and\n\n"
        "$$\nH_\\delta'(r) = \\frac{r}{\\sqrt{1 + (r / \\delta)^2}} , \\qquad H_\\delta'(r) = r\n$$\n\n"
        "For $\\beta > 0$ let $\\operatorname{swish}_\\beta(u) = u \\, \\sigma(\\beta u)$.\n\n"
        "$$\n\\frac{d}{du} \\operatorname{swish}_\\beta(u) = \\sigma(\\beta u) + \\beta u \\, \\sigma(\\beta u) "
        "(1 - \\sigma(\\beta u))\n$$\n\n"
        "Let $x \\in \\mathbb{R}^n$ and $\\tau > 0$.\n\n$$\nm_\\tau(x) = \\tau \\log \\sum_{i=1}^{n} e^{x_i / \\tau}\n$$\n\n"
        "$$\n\\frac{\\partial m_\\tau}{\\partial x_j} = \\frac{e^{x_j / \\tau}}{\\sum_{i=1}^{n} e^{x_i / \\tau}}\n$$\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found] == [Verdict.UNKNOWN, Verdict.PROVED, Verdict.REFUTED, Verdict.UNKNOWN,
                                        Verdict.PROVED, Verdict.UNKNOWN, Verdict.PROVED]
    # (a primed head defines nothing: H_delta'(r) = r is a claim)
    assert "definition" not in found[2][2]


def test_a_recurrence_s_start_value_may_follow_it_and_a_general_step_is_checked_step_by_step():
    text = ("A coefficient $0 < \\gamma < 1$ and gradients $g_1, g_2, \\dots$:\n\n$$\nm_t = \\gamma m_{t-1} + g_t\n$$\n\n"
            "and it is initialised with $m_0 = 1$. Hence\n\n$$\nm_2 = \\gamma^2 + \\gamma g_1 + g_2, \\qquad "
            "m_2 = \\gamma g_1 + g_2\n$$\n\n$$\nm_t = \\sum_{k=1}^{t} \\gamma^{t-k} g_k\n$$\n\n"
            "$$\nm_t = \\gamma^t + \\sum_{k=1}^{t} \\gamma^{t-k} g_k , \\qquad m_t - \\gamma m_{t-1} = g_t\n$$\n")
    found = _verdicts(text)
    # (m_t at a general step t: the recurrence unrolled, checked exactly at every t up to the sizes tried)
    assert [v for _, v, _ in found][-5:] == [Verdict.PROVED, Verdict.REFUTED, Verdict.REFUTED, Verdict.BOUNDED,
                                             Verdict.BOUNDED]


def test_a_step_under_an_index_range_with_a_letter_bound_is_not_checked_without_it():
    text = ("Let $g_1, g_2, \\dots$ be numbers, $0 < \\beta < 1$, $m_0 = 0$ and\n\n$$\nm_t = \\beta m_{t-1} + (1 - \\beta) g_t\n$$\n\n"
            "For $1 \\leq i \\leq t$, $\\dfrac{\\partial m_t}{\\partial g_i} = (1 - \\beta) \\beta^{t-i}$.\n")
    found = _verdicts(text)
    assert found[-1][1] is Verdict.UNKNOWN and "condition" in found[-1][2]


def test_a_calligraphic_letter_is_a_name_of_its_own():
    text = ("Let $w, x, y, L \\in \\mathbb{R}$ and\n\n$$\n\\mathcal{L} = \\frac{1}{2} (y - w x)^2\n$$\n\n"
            "$$\n\\frac{\\partial \\mathcal{L}}{\\partial w} = -(y - w x) x, \\qquad \\frac{\\partial \\mathcal{L}}{\\partial w} "
            "= (y - w x) x, \\qquad \\mathcal{L} = L\n$$\n")
    assert [v for _, v, _ in _verdicts(text)] == [Verdict.UNKNOWN, Verdict.PROVED, Verdict.REFUTED, Verdict.REFUTED]


def test_nabla_of_a_function_of_one_vector_is_the_gradient_in_its_argument():
    text = ("Let $A \\in \\mathbb{R}^{n \\times n}$ and $x \\in \\mathbb{R}^n$.\n\n$$\nR(x) = x^\\top A x\n$$\n\n"
            "$$\n\\nabla R(x) = (A + A^\\top) x, \\qquad \\nabla R(x) = 2 A x\n$$\n\n$$\n\\nabla (x^\\top x) = 2 x\n$$\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found] == [Verdict.UNKNOWN, Verdict.PROVED, Verdict.REFUTED, Verdict.PROVED]
    # (a formula in one vector alone: its gradient in that vector, a reading shown)
    assert any("the one vector $x$" in r.text for r in _readings(text, 3))


def test_nabla_alone_of_a_function_of_several_numbers_is_its_gradient_at_its_own_variables():
    text = ("Let\n\n$$\nq(x, y) = x^2 + 3xy\n$$\n\n"
            "$$\n\\nabla q = (2x + 3y, 3x) , \\qquad \\nabla q = (2x + 3y, 3y) , \\qquad "
            "\\nabla^2 q = \\begin{pmatrix} 2 & 3 \\\\ 3 & 0 \\end{pmatrix}\n$$\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found] == [Verdict.UNKNOWN, Verdict.PROVED, Verdict.REFUTED, Verdict.PROVED]
    assert any("at its own variables $x, y$" in r.text for r in _readings(text, 1))


def test_nabla_alone_of_a_function_of_one_vector_is_its_gradient_at_its_argument():
    text = ("Let $A \\in \\mathbb{R}^{n \\times n}$ and $x \\in \\mathbb{R}^n$.\n\n$$\nR(x) = x^\\top A x\n$$\n\n"
            "$$\n\\nabla R = (A + A^\\top) x, \\qquad \\nabla R = 2 A x, \\qquad \\nabla R = \\sum_{x=1}^{n} x\n$$\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found] == [Verdict.UNKNOWN, Verdict.PROVED, Verdict.REFUTED, Verdict.UNKNOWN]
    assert any("gradient of R(x) in its argument" in r.text for r in _readings(text, 1))


def test_an_evaluation_bar_over_a_name_that_does_not_hold_its_variable_is_not_read():
    # eta whose formula is not read: read as any number, eta|_{T_cur = T_i/2} = 0.05 was refuted at eta = 0
    text = ("$$\n\\eta\\Big|_{T_{cur} = T_i/2} = 0.05\n$$\n\n$$\n(x^2 + 1)\\Big|_{x = 2} = 5\n$$\n")
    found = _verdicts(text)
    assert found[0][1] is Verdict.UNKNOWN and "does not hold T_{cur} as read" in found[0][2]
    assert found[1][1] is Verdict.PROVED


def test_a_labelled_name_beside_a_defined_name_is_a_name_of_its_own():
    # eta = eta_min + ...: a definition of eta (eta_min is another name), and eta_{\max} is read, never "not an index"
    text = ("$$\n\\eta = \\eta_{\\min} + (\\eta_{\\max} - \\eta_{\\min}) s\n$$\n\n"
            "$$\n\\eta - \\eta_{\\min} = (\\eta_{\\max} - \\eta_{\\min}) s\n$$\n\n"
            "$$\n\\eta - \\eta_{\\min} = (\\eta_{\\max} + \\eta_{\\min}) s\n$$\n")
    found = _verdicts(text)
    assert "the definition of \\eta" in found[0][2]
    assert [v for _, v, _ in found[1:]] == [Verdict.PROVED, Verdict.REFUTED]


def test_a_number_drawn_for_a_name_with_a_formula_is_a_claim_about_it():
    # "so alpha-hat = 3 / ln 12" of alpha-hat = n / T, T a sum over data the document does not give: never alpha-hat
    # anew, so nothing after it is proved through the number
    text = ("The estimator is $\\hat\\alpha = n / T$ with $T = \\sum_{i=1}^{n} \\log x_i$.\n\n"
            "**Numbers.** For the data $1.5, 2, 4$ we get $T = \\ln 12$, so $\\hat\\alpha = \\frac{3}{\\ln 12}$ and\n\n"
            "$$\ne^{-\\hat\\alpha} = \\exp\\left( -\\frac{3}{\\ln 12} \\right)\n$$\n")
    found = _verdicts(text)
    assert all(v is Verdict.UNKNOWN for _, v, _ in found)
    assert not any("definition of \\hat{\\alpha}" in d for line, _, d in found if line == 3)


def test_a_law_said_after_a_claim_is_not_its_law_where_words_before_speak_of_another():
    text = ("So I tried $X$ uniform on $\\{-1, 0, 1\\}$, and\n\n$$\n\\mathbb{E}[X^3] - \\mathbb{E}[X]\\,\\mathbb{E}[X^2] = 0\n$$\n\n"
            "Then I tried $Y$ uniform on the unit interval, and\n\n$$\n\\mathbb{E}[Y^2] = \\frac{1}{2}\n$$\n\n"
            "But with $Y \\sim \\mathcal{N}(0, 1)$ we get $\\mathbb{E}[Y^2] = 1$.\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found] == [Verdict.PROVED, Verdict.UNKNOWN, Verdict.PROVED]
    assert "the law of Y is said on line 13, after this claim" in found[1][2]


def test_a_function_by_cases_on_its_argument_against_a_name():
    # a warm-up schedule: cases on s <= w, w a name; "\\," is a thin space, never the comma before a condition
    text = ("$$\n\\eta(s) = \\begin{cases} a \\, s \\, w^{-3/2} & s \\le w , \\\\ a \\, s^{-1/2} & s > w . \\end{cases}\n$$\n\n"
            "$$\n\\eta(w) = a w^{-1/2} , \\qquad \\eta(w) = a w^{-3/2}\n$$\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found][-2:] == [Verdict.PROVED, Verdict.REFUTED]


def test_a_one_hot_vector_named_in_apposition_with_its_class():
    # "$y$ the one-hot vector of class $k$": y one-hot at k (read as any vector, the claim of the true class is refuted)
    text = ("Let $z \\in \\mathbb{R}^K$ be logits, $p = \\operatorname{softmax}(z)$, and $y$ the one-hot vector of "
            "class $k$.\n\n$$\nL = -\\sum_{j=1}^{K} y_j \\log p_j\n$$\n\n"
            "$$\n\\frac{\\partial L}{\\partial z_k} = p_k - 1 , \\qquad \\frac{\\partial L}{\\partial z_k} = p_k\n$$\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found][-2:] == [Verdict.PROVED, Verdict.REFUTED]
    assert any("one-hot at class $k$" in r.text for r in _readings(text, len(found) - 2))


def test_a_size_fixed_by_a_case_is_checked_at_that_size_only():
    text = ("Let $x \\in \\mathbb{R}^n$. For $n = 2$:\n\n$$\n\\sum_{i=1}^{n} x_i^2 = x_1^2 + x_2^2, \\qquad "
            "\\sum_{i=1}^{n} x_i = x_1 + x_2 + 1\n$$\n\n"
            "and for sums, checking $n = 3$ passes:\n\n$$\n\\sum_{i=1}^{n} x_i = x_1 + x_2 + x_3\n$$\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found] == [Verdict.PROVED, Verdict.REFUTED, Verdict.UNKNOWN]
    assert "at every size the document allows (N = 2)" in found[0][2]
    # ("checking $n = 3$" after "for sums" opens no case: a size fixed only by a word right before it)
    assert "not read" in found[2][2]


def test_a_name_whose_definition_is_not_read_is_free_through_another_definition_only_for_a_proof():
    text = ("Let $x, c \\in \\mathbb{R}$.\n\n$$\ng = \\int_0^1 t x \\, dt\n$$\n\n$$\nq = c g\n$$\n\n"
            "$$\nq = 0\n$$\n\n$$\nq - c g = 0\n$$\n")
    found = _verdicts(text)
    assert found[-2][1] is Verdict.UNKNOWN and "$g$ as line 4 defines it" in found[-2][2]
    assert found[-1][1] is Verdict.PROVED


def test_the_normal_density_is_read_with_its_variance():
    text = ("Let $x, \\mu \\in \\mathbb{R}$ and $s > 0$.\n\n$$\n\\log \\mathcal{N}(x; \\mu, s^2) = -\\frac{(x - \\mu)^2}"
            "{2 s^2} - \\log s - \\frac{1}{2} \\log(2\\pi)\n$$\n\n$$\n\\frac{\\partial}{\\partial \\mu} \\log "
            "\\mathcal{N}(x; \\mu, s^2) = \\frac{x - \\mu}{s}\n$$\n\n$$\n\\mathcal{N}(x; \\mu) = 1\n$$\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found] == [Verdict.PROVED, Verdict.REFUTED, Verdict.UNKNOWN]
    assert "a mean and a variance" in found[2][2]


def test_a_written_out_value_of_a_declared_matrix_is_an_example_of_its_display():
    text = ("Let $W \\in \\mathbb{R}^{m \\times n}$. Example:\n\n$$\nW = \\begin{pmatrix} 1 & 2 \\\\ 2 & 1 \\end{pmatrix} , "
            "\\qquad W^\\top W = \\begin{pmatrix} 5 & 4 \\\\ 4 & 5 \\end{pmatrix} , \\qquad \\|W\\|_F = \\sqrt{10} , \\qquad "
            "\\|W\\|_F = 10\n$$\n\nIn general\n\n$$\nW^\\top W = \\begin{pmatrix} 5 & 4 \\\\ 4 & 5 \\end{pmatrix}\n$$\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found] == [Verdict.UNKNOWN, Verdict.PROVED, Verdict.PROVED, Verdict.REFUTED, Verdict.UNKNOWN]
    assert "an example of W" in found[0][2]
    # (outside its display W is any m x n matrix: compared with a 2 x 2 one, neither proved nor refuted by shape)
    assert "an example of some sizes" in found[-1][2]


def test_values_in_a_finite_set_keep_refutations_of_other_values_unknown():
    """t^2 = 1 holds at each value of t the document allows, a proof whatever else it supposes; y_i^2 = 1 (not proved
    for the entries) and t^3 = 1 (refuted at t = -1, where another supposition would also have to hold) unknown."""
    text = ("Labels $y_i \\in \\{-1, +1\\}$, $i = 1, \\dots, N$, and a sign $t \\in \\{-1, 1\\}$.\n\n$$\ny_i^2 = 1\n$$\n\n"
            "$$\nt^2 = 1\n$$\n\n$$\nt^3 = 1\n$$\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found] == [Verdict.UNKNOWN, Verdict.PROVED, Verdict.UNKNOWN]
    assert "at each value of t in {-1, 1}" in found[1][2]
    assert all("y_i \\in \\{-1, +1\\}" in d or "t \\in \\{-1, 1\\}" in d for _, _, d in found[::2])
    assert "definition" not in found[1][2]  # (t^2 = 1 of a t the prose declares is no definition of t)


def test_entries_in_a_set_are_drawn_from_it_and_a_refutation_keeps_them_there():
    """y_i in {-1, +1}, p in (0, 1)^n: a claim false for such entries is refuted by a counterexample whose entries
    lie in their sets (checked on the counterexample itself); one true for them (y_i^2 = 1) is never refuted, and
    a label whose entries the document gives is no one-hot label."""
    text = ("Labels $y_i \\in \\{-1, +1\\}$ for $i = 1, \\dots, N$ and scores $p \\in (0, 1)^N$.\n\n"
            "$$\n\\sum_{i=1}^{N} y_i^2 = N\n$$\n\n$$\n\\sum_{i=1}^{N} y_i = N\n$$\n\n"
            "$$\n\\sum_{i=1}^{N} y_i^2 p_i = \\sum_{i=1}^{N} p_i\n$$\n\n$$\n\\sum_{i=1}^{N} p_i^2 = \\sum_{i=1}^{N} p_i\n$$\n")
    d = read_document(text, "doc.md", default_notation())
    results = [verify_check(c, SETTINGS) for c in checks_of(d)]
    assert [r.verdict for r in results] == [Verdict.UNKNOWN, Verdict.REFUTED, Verdict.UNKNOWN, Verdict.REFUTED]
    for r in (results[1], results[3]):
        assert "as the document says" in r.detail
        for name, test in (("y", lambda v: v in (-1, 1)), ("p", lambda v: 0 < v < 1)):
            if name in r.counterexample.values:
                assert all(test(v.exact) for v in r.counterexample.values[name].entries)
    assert "y_i \\in \\{-1, +1\\}" in results[0].detail


def test_a_narrower_search_again_keeps_the_entries_in_their_set():
    """|lambda| y_i^2 = lambda, lambda never declared: false only where lambda <= 0 for y_i in {-1, 1}. Searched
    again with lambda positive, a counterexample must still keep y in its set (y = 0 is none); and a claim false
    for such entries shows a counterexample whose entries lie in the set after every narrower search."""
    text = ("Let $y_i \\in \\{-1, 1\\}$ for $i = 1, \\dots, n$ and $w \\in \\mathbb{R}^d$, $x_i \\in \\mathbb{R}^d$.\n\n"
            "$$\n|\\lambda| \\, y_i^2 = \\lambda\n$$\n\n"
            "$$\nJ(w) = \\frac{\\lambda}{2} \\|w\\|^2 + \\sum_{i=1}^{n} \\max(0, 1 - y_i w^\\top x_i)^2\n$$\n\n"
            "$$\n\\nabla J(w) = \\lambda w - 2 \\sum_{i=1}^{n} y_i x_i\n$$\n")
    d = read_document(text, "doc.md", default_notation())
    results = [verify_check(c, SETTINGS) for c in checks_of(d) if c.part != "ends"]
    assert results[0].verdict is Verdict.UNKNOWN and "lambda is 0 or negative" in results[0].detail
    assert results[2].verdict is Verdict.REFUTED
    assert all(v.exact in (-1, 1) for v in results[2].counterexample.values["y"].entries)


@pytest.mark.parametrize("said", ["a mask $m \\in \\{0, 1\\}^N$ with at least one 1",
                                  "one-hot rows $m \\in \\{0, 1\\}^N$", "a distribution $m \\in [0, 1]^N$",
                                  "scores $m \\in (0, 1)^N$ such that they sum to one"])
def test_a_set_whose_clause_says_more_of_its_members_keeps_refutations_unknown(said):
    text = f"Take {said}.\n\n$$\n\\sum_{{i=1}}^{{N}} m_i = 1\n$$\n"
    d = read_document(text, "doc.md", default_notation())
    (check,) = checks_of(d)
    result = verify_check(check, SETTINGS)
    assert result.verdict is Verdict.UNKNOWN and "which is not used" in result.detail


def test_an_order_on_an_index_letter_said_before_a_display_is_a_supposition_and_one_in_it_refuses():
    """"For $k \\ge 2$": the steps under it hold where k >= 2; not read, so a proof for every k stands and a
    refutation (which need not meet it) is unknown. "if j <= i" inside a definition by cases leaves the name unread."""
    text = ("Let $x \\in \\mathbb{R}^N$. For $k \\ge 2$,\n\n$$\n\\sum_{i=1}^{k} x_i = \\sum_{i=1}^{k-1} x_i + x_k , \\qquad "
            "\\sum_{i=1}^{k} x_i = \\sum_{i=1}^{k-1} x_i\n$$\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found] == [Verdict.BOUNDED, Verdict.UNKNOWN]
    assert "k \\geq 2" in found[1][2]
    cases = ("Let $S \\in \\mathbb{R}^{N \\times N}$ and\n\n$$\nA_{ij} = \\begin{cases} S_{ij} & \\text{if } j \\le i , \\\\ "
             "0 & \\text{if } j > i . \\end{cases}\n$$\n\nThen\n\n$$\n\\sum_{j=1}^{N} A_{ij} = \\sum_{j=1}^{i} A_{ij}\n$$\n")
    assert [v for _, v, _ in _verdicts(cases)][-1] is not Verdict.REFUTED


@pytest.mark.parametrize("start", ["For $t \\ge 2$,", "For $t > 1$,", "For $t = 2, 3, \\dots$,"])
def test_a_recurrence_said_from_its_second_step_does_not_give_its_first_term(start):
    """g_0 = 1 and, for t >= 2, g_t = 2 g_{t-1}: g_1 is not 2 g_0 (nothing gives g_1), so that claim is never proved."""
    text = (f"Let $g_0 = 1$. {start}\n\n$$\ng_t = 2 g_{{t-1}} .\n$$\n\nThen\n\n$$\ng_1 = 2 g_0 .\n$$\n")
    assert [v for _, v, _ in _verdicts(text)][-1] is Verdict.UNKNOWN
    assert [v for _, v, _ in _verdicts(text.replace(start, "For every $t$,"))][-1] is Verdict.PROVED


def test_a_sum_to_infinity_in_the_paragraph_of_an_example_size_is_about_no_size():
    """"check $n = 2$": a claim of that paragraph summing to n may be about the example or any n (unknown); one whose
    sum runs to infinity, with no name of the size, is about neither and is checked."""
    text = ("Summing over $k = 1, \\dots, n$,\n\n$$\n\\sum_{k=1}^{n} \\frac{1}{k(k+1)} = \\frac{n}{n+1}\n$$\n\n"
            "I wrote $\\sum_{k=1}^{n} \\frac{1}{k(k+1)} = 1 - \\frac{1}{n}$ at first; check $n = 2$: not $\\frac12$. "
            "The value $\\sum_{k=1}^{\\infty} \\frac{1}{k(k+1)} = 2$ is for $\\frac{2}{k(k+1)}$, and "
            "$\\sum_{k=1}^{\\infty} \\frac{2}{k(k+1)} = 2$.\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found] == [Verdict.BOUNDED, Verdict.UNKNOWN, Verdict.REFUTED, Verdict.PROVED]
    assert "sets n to a number" in found[1][2]


def test_entries_given_by_a_formula_only_where_the_words_say_are_not_known_elsewhere():
    """x_k = 2k said "for $k \\le 3$": a sum over every k is neither proved nor refuted with that formula, nor with x
    any vector; "for $t \\ge 1$", where an index runs anyway, restricts nothing."""
    text = ("Let $x \\in \\mathbb{R}^N$. For $k \\le 3$,\n\n$$\nx_k = 2 k .\n$$\n\nThen\n\n$$\n"
            "\\sum_{k=1}^{N} x_k = N (N + 1) .\n$$\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found] == [Verdict.UNKNOWN, Verdict.UNKNOWN]
    assert "only where $k \\le 3$" in found[1][2]
    anyway = text.replace("For $k \\le 3$,", "For $k \\ge 1$,")
    assert [v for _, v, _ in _verdicts(anyway)][-1] is Verdict.PROVED


def test_bold_zero_basis_vectors_and_a_letter_only_ever_a_subscript():
    text = ("Let $\\theta \\in \\mathbb{R}^K$, $p = \\operatorname{softmax}(\\theta)$, $x \\in \\mathbb{R}^n$ and $s \\in \\mathbb{R}$.\n\n"
            "$$\n\\nabla_\\theta \\log p_c = \\mathbf{e}_c - p , \\qquad \\nabla_\\theta \\log p_c = \\mathbf{e}_c , \\qquad "
            "\\frac{\\partial \\log p_c}{\\partial \\theta_c} = 1 - p_c\n$$\n\n"
            "$$\n\\nabla_x (x^\\top x) = \\mathbf{0} , \\qquad x + \\mathbf{0} = x , \\qquad \\mathbf{1}^\\top (x + s \\mathbf{1}) "
            "= \\mathbf{1}^\\top x + n s\n$$\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found][1:] == [Verdict.PROVED, Verdict.REFUTED, Verdict.PROVED, Verdict.REFUTED,
                                            Verdict.PROVED, Verdict.PROVED]


def test_a_vector_function_set_in_bold_is_defined_applied_and_differentiated():
    text = ("Let $\\mathbf{g} \\in \\mathbb{R}^n$, $c > 0$ and\n\n$$\n\\mathbf{u}(\\mathbf{g}) = c \\, \\mathbf{g} / \\|\\mathbf{g}\\|\n$$\n\n"
            "$$\n\\mathbf{g}^\\top \\mathbf{u}(\\mathbf{g}) = c \\|\\mathbf{g}\\| , \\qquad \\mathbf{u}(2 \\mathbf{g}) = "
            "2 \\mathbf{u}(\\mathbf{g})\n$$\n\n$$\n\\frac{\\partial \\mathbf{u}}{\\partial \\mathbf{g}} = \\frac{c}{\\|\\mathbf{g}\\|} "
            "\\left( I - \\frac{\\mathbf{g} \\mathbf{g}^\\top}{\\|\\mathbf{g}\\|^2} \\right)\n$$\n")
    assert [v for _, v, _ in _verdicts(text)] == [Verdict.UNKNOWN, Verdict.PROVED, Verdict.REFUTED, Verdict.PROVED]
    # (its formula unread, u(g) is never the vector u times g)
    unread = text.replace("c \\, \\mathbf{g} / \\|\\mathbf{g}\\|", "\\lim_{t \\to 0} \\mathbf{g}")
    found = _verdicts(unread)
    assert all(v is Verdict.UNKNOWN for _, v, _ in found) and "not a product" in found[1][2]


def test_entries_of_a_declared_vector_defined_in_the_prose_and_pi_alone_beside_a_vector_pi():
    text = ("Logits $\\theta \\in \\mathbb{R}^K$ and the policy $\\pi_a = \\frac{e^{\\theta_a}}{\\sum_{b=1}^{K} e^{\\theta_b}}$, "
            "$\\boldsymbol{\\pi} \\in \\mathbb{R}^K$.\n\n$$\n\\sum_{a=1}^{K} \\pi_a = 1 , \\qquad \\nabla_\\theta \\log \\pi_a = "
            "\\mathbf{e}_a - \\boldsymbol{\\pi} , \\qquad \\nabla_\\theta \\log \\pi_a = \\mathbf{e}_a\n$$\n\n"
            "$$\n\\sin(\\pi) = 0\n$$\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found] == [Verdict.UNKNOWN, Verdict.PROVED, Verdict.PROVED, Verdict.REFUTED, Verdict.UNKNOWN]
    assert "write \\boldsymbol{\\pi} for the vector" in found[-1][2]
    # (with no vector pi in the document, pi is the number)
    assert [v for _, v, _ in _verdicts("Let $x \\in \\mathbb{R}$.\n\n$$\n\\sin(\\pi) = 0\n$$\n")] == [Verdict.PROVED]


def test_determinants_and_inverses_of_a_matrix_written_out():
    text = ("Let\n\n$$\nX = \\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}\n$$\n\n$$\n\\det(2X) = 4 \\det X , \\qquad "
            "\\det(2X) = 2 \\det X , \\qquad \\det(X^{-1}) = \\frac{1}{\\det X} , \\qquad \\frac{\\partial \\det X}{\\partial a} = d\n$$\n\n"
            "For a general $A \\in \\mathbb{R}^{n \\times n}$, $\\det(A^\\top) = \\det A$.\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found] == [Verdict.UNKNOWN, Verdict.PROVED, Verdict.REFUTED, Verdict.PROVED,
                                        Verdict.PROVED, Verdict.BOUNDED]
    # (of a general size: written out at each size it is checked at, never proved for all n)
    assert "exact at every size up to" in found[-1][2]


# (what each case is about is its id)
LAST_VERDICTS = [
    pytest.param(("Weights $\\pi_k$ and values $a_k$, $k = 1, \\dots, K$:\n\n$$\np = \\sum_{k=1}^{K} \\pi_k a_k , \\qquad "
                  "\\gamma_k = \\frac{\\pi_k a_k}{p}\n$$\n\n$$\n\\gamma_1 = \\frac{\\pi_1 a_1}{\\sum_{j=1}^{K} \\pi_j a_j}, \\qquad "
                  "\\gamma_1 = \\frac{\\pi_1 a_1}{\\pi_1 a_1 - \\pi_2 a_2}\n$$\n"),
                 0, [Verdict.UNKNOWN, Verdict.UNKNOWN, Verdict.PROVED, Verdict.REFUTED],
                 id="an_entry_definition_whose_formula_sums_over_its_own_index_is_applied_at_a_number"),
    pytest.param(("Let $\\mathbf{g} \\in \\mathbb{R}^n$ and $c > 0$.\n\n$$\n\\operatorname{clip}_c(\\mathbf{g}) = \\begin{cases} "
                  "\\mathbf{g} & \\text{if } \\|\\mathbf{g}\\| \\le c \\\\ c \\mathbf{g} / \\|\\mathbf{g}\\| & \\text{otherwise} "
                  "\\end{cases}\n$$\n\n$$\n\\operatorname{clip}_c(\\mathbf{g}) = \\min(1, c / \\|\\mathbf{g}\\|) \\mathbf{g}\n$$\n\n"
                  "$$\n\\|\\operatorname{clip}_c(\\mathbf{g})\\| = \\|\\mathbf{g}\\|\n$$\n"),
                 0, [Verdict.UNKNOWN] * 4, id="a_function_defined_by_unread_cases_is_never_defined_by_a_later_display"),
    pytest.param(("Let $q, p \\in (0, 1)$ and\n\n$$\nD(q, p) = q \\log \\frac{q}{p} + (1 - q) \\log \\frac{1 - q}{1 - p}\n$$\n\n"
                  "$$\n\\frac{\\partial D}{\\partial p} = -\\frac{q}{p} + \\frac{1 - q}{1 - p}, \\qquad \\frac{\\partial D}{\\partial p} = 1\n$$\n"),
                 0, [Verdict.UNKNOWN, Verdict.PROVED, Verdict.REFUTED], id="an_interval_declares_each_of_several_names"),
    pytest.param(("Let $g_1, g_2, \\dots$ be real numbers and $0 < \\beta < 1$. The average starts at $m_0 = 0$ and\n\n"
                  "$$\nm_t = \\beta \\, m_{t-1} + (1 - \\beta) \\, g_t\n$$\n\n$$\nm_2 = (1 - \\beta) \\sum_{i=1}^{2} \\beta^{2-i} g_i , "
                  "\\qquad m_2 = (1 - \\beta) \\sum_{i=1}^{2} \\beta^{i-1} g_i\n$$\n"),
                 -2, [Verdict.PROVED, Verdict.REFUTED], id="a_numbered_term_and_an_entry_of_the_same_sequence_are_one_quantity"),
    pytest.param(("Let $x \\in \\mathbb{R}$.\n\n$$\n(x + 1)^2 = x^2 + 2x + 1 \\qquad \\text{(expand:)} \\qquad (x + 1)^2 = x^2 + 1 "
                  "\\ \\text{(wrong)}\n$$\n"),
                 0, [Verdict.PROVED, Verdict.REFUTED], id="a_remark_in_parentheses_beside_an_equation_is_not_part_of_it"),
    pytest.param(("Let $p, y \\in \\mathbb{R}^n$ and\n\n$$\nA = \\sum_{i=1}^{n} p_i y_i , \\qquad D = 2 A\n$$\n\n"
                  "$$\nD_2 = \\frac{A}{2}\n$$\n\n$$\nD = 4 D_2\n$$\n\n$$\nD = D_2\n$$\n"),
                 -2, [Verdict.PROVED, Verdict.REFUTED], id="a_numbered_name_beside_a_defined_number_is_a_name_of_its_own"),
    pytest.param(("Let $f(x) = x^3 - 2x$.\n\n$$\n\\left. \\frac{d f}{d x} \\right|_{x = 1} = 1 , \\qquad \\left. \\frac{df}{dx} "
                  "\\right|_{x = 1} = -2\n$$\n\n$$\n\\frac{d}{dx} \\log x \\Big|_{x = a} = \\frac{1}{a} , \\qquad "
                  "\\frac{\\partial}{\\partial x} (x y^2) \\bigg|_{x=1, y=2} = 2 , \\qquad x^2 \\big\\vert_{x = y + 1} = y^2 + 2y + 1\n$$\n"),
                 1, [Verdict.PROVED, Verdict.REFUTED, Verdict.PROVED, Verdict.REFUTED, Verdict.PROVED],
                 id="a_formula_under_an_evaluation_bar_is_its_value_at_the_point"),
    pytest.param(("Let $q, p, r \\in (0, 1)$ and\n\n$$\nD(q, p, r) = q^2 p r\n$$\n\n$$\n\\frac{\\partial D}{\\partial p} = q^2 r , "
                  "\\qquad \\frac{\\partial D}{\\partial r} = q r\n$$\n"),
                 1, [Verdict.PROVED, Verdict.REFUTED], id="a_proof_on_numbers_of_a_narrow_interval_is_cross_checked_inside_it"),
    pytest.param(("Let $y > 0$ and $\\mu > 0$. The deviance is $d(y, \\mu) = 2 ( \\mu - y - y \\log \\frac{\\mu}{y} )$, "
                  "$d(y, y) = 0$ and\n\n$$\n\\frac{\\partial d}{\\partial \\mu} = 2 - \\frac{2 y}{\\mu} , \\qquad "
                  "\\frac{d}{d\\mu} \\mu^2 = 2 \\mu\n$$\n\nWith $d_p(y, \\mu) = \\mu^{p} y$,\n\n$$\n"
                  "\\frac{\\partial d_p}{\\partial \\mu} = p \\mu^{p-1} y , \\qquad \\frac{\\partial d_p}{\\partial \\mu} = p \\mu^{p} y\n$$\n"),
                 1, [Verdict.PROVED, Verdict.PROVED, Verdict.UNKNOWN, Verdict.PROVED, Verdict.REFUTED],
                 id="a_function_d_of_two_arguments_and_a_function_named_with_a_label_differentiated_by_name"),
    pytest.param(("Consider the recurrence\n$$\nh_t = w \\, h_{t-1} + u \\, x_t\n$$\nwith $h_0 = 0$, weights $w, u \\in \\mathbb{R}$ "
                  "and inputs $x_1, \\dots, x_T \\in \\mathbb{R}$.\n\n$$\nh_2 = w u x_1 + u x_2 , \\qquad h_2 = u x_1 + w u x_2\n$$\n"),
                 -2, [Verdict.PROVED, Verdict.REFUTED], id="a_start_value_given_with_with_and_inputs_declared_by_their_entries"),
    pytest.param(("Let the inputs be $x_1, \\dots, x_T \\in \\mathbb{R}$ and $u \\in \\mathbb{R}$.\n\n$$\n\\sum_{t=1}^{T} u x_t = "
                  "u \\sum_{t=1}^{T} x_t\n$$\n\nWhen the input is constant, $x_t = x$ for all $t$, the sum is\n\n$$\n"
                  "\\sum_{t=1}^{T} u x_t = T u x\n$$\n"),
                 0, [Verdict.PROVED, Verdict.UNKNOWN], id="a_vector_declared_by_its_entries_is_not_refuted_on_shape_where_its_letter_stands_alone"),
    pytest.param(("Let $A \\in \\mathbb{R}^{n \\times n}$ be symmetric and $x \\in \\mathbb{R}^n$.\n\n$$\n\\nabla_x (x^\\top A x) = 2 A x , "
                  "\\qquad \\nabla_x (x^\\top A x) = A x , \\qquad A^\\top = A , \\qquad A - A^\\top = 2 A\n$$\n"),
                 0, [Verdict.PROVED, Verdict.REFUTED, Verdict.PROVED, Verdict.REFUTED],
                 id="a_matrix_said_symmetric_is_checked_as_every_symmetric_matrix"),
    pytest.param(("Notation: $M_{ij}$ is the minor and $C_{ij} = (-1)^{i+j} M_{ij}$ the cofactor.\n\n"
                  "$$\n\\sum_{j=1}^{n} C_{ij} = 1\n$$\n"),
                 0, [Verdict.UNKNOWN, Verdict.UNKNOWN], id="a_matrix_never_declared_on_one_side_only_is_never_refuted"),
    pytest.param(("Let $\\mathbf{w}, \\mathbf{t} \\in \\mathbb{R}^d$. Then $\\mathbf{c} = \\mathbf{w} - \\mathbf{t}$ and, "
                  "from $\\mathbf{w} = \\mathbf{0}$, $\\|\\mathbf{w} - \\mathbf{t}\\| = \\|\\mathbf{t}\\|$.\n"),
                 0, [Verdict.UNKNOWN, Verdict.UNKNOWN], id="a_bold_default_constant_and_a_starting_point_are_not_refuted"),
    pytest.param(("We discount with $0 \\le \\gamma < 1$ over $T$ steps:\n\n$$\n\\sum_{k=0}^{T-1} \\gamma^k = "
                  "\\frac{1 - \\gamma^T}{1 - \\gamma} , \\qquad \\gamma = 0.9\n$$\n"),
                 -1, [Verdict.UNKNOWN], id="a_power_T_where_T_is_a_number_types_no_vector"),
    pytest.param(("Centroids $\\boldsymbol{\\mu}_1, \\dots, \\boldsymbol{\\mu}_K \\in \\mathbb{R}^d$:\n\n$$\n"
                  "\\|\\mathbf{x} - \\boldsymbol{\\mu}_k\\|^2 = \\|\\mathbf{x}\\|^2 - 2 \\mathbf{x}^\\top \\boldsymbol{\\mu}_k "
                  "+ \\|\\boldsymbol{\\mu}_k\\|^2\n$$\n"),
                 0, [Verdict.PROVED], id="a_declared_family_member_types_the_vector_it_meets"),
    pytest.param(("Let $a > 0$. Newton's method iterates $x_{k+1} = x_k - g(x_k)/g'(x_k)$. For $g(x) = x^2 - a$,\n\n$$\n"
                  "x_{k+1} = \\frac{1}{2} \\left( x_k + \\frac{a}{x_k} \\right) , \\qquad x_{k+1} = \\frac{1}{2} \\left( x_k + "
                  "\\frac{x_k}{a} \\right)\n$$\n\nWith the error $e_k = x_k - \\sqrt{a}$,\n\n$$\ne_{k+1} = \\frac{e_k^2}{2 x_k} , "
                  "\\qquad e_{k+1} = \\frac{e_k^2}{2 \\sqrt{a}}\n$$\n"),
                 -4, [Verdict.PROVED, Verdict.REFUTED, Verdict.PROVED, Verdict.REFUTED],
                 id="a_step_and_an_error_at_a_general_step_are_read_at_neighbouring_steps"),
    pytest.param(("Let $\\theta \\in \\mathbb{R}^n$. The iteration is $x_{k+1} = x_k / 2$.\n\n$$\n\\frac{\\partial}{\\partial "
                  "\\theta_k} \\sum_{j=1}^{n} \\theta_j^2 = 2 \\theta_k , \\qquad x_{k+1} = x_k - x_{k+1} , \\qquad x_{k+2} = x_k / 2\n$$\n"),
                 1, [Verdict.PROVED, Verdict.PROVED, Verdict.REFUTED],
                 id="a_step_letter_that_also_indexes_a_vector_stays_an_index"),
    pytest.param(("Signal variance $\\sigma_f^2 > 0$, noise $\\sigma_n^2 > 0$:\n\n$$\n\\sigma_f^2 - \\frac{\\sigma_f^4}{\\sigma_f^2 + "
                  "\\sigma_n^2} = \\frac{\\sigma_f^2 \\sigma_n^2}{\\sigma_f^2 + \\sigma_n^2}\n$$\n"),
                 0, [Verdict.PROVED], id="sigma_with_a_label_is_a_number_where_sigma_is_never_applied"),
    pytest.param(("Noise $\\sigma_n^2 > 0$:\n\n$$\n\\sigma_n^2 \\cdot 2 = 2 \\sigma_n^2\n$$\n\nAlso\n\n$$\n"
                  "\\sigma(0) = \\frac{1}{2}\n$$\n"),
                 0, [Verdict.UNKNOWN, Verdict.PROVED], id="sigma_with_a_label_beside_the_logistic_applied_is_refused"),
    pytest.param("Let $x$ be real.\n\n$$\n|x|_{1} = |x|\n$$\n", 0, [Verdict.UNKNOWN],
                 id="a_bar_that_closes_an_absolute_value_is_no_evaluation_bar"),
    pytest.param(("Fix $a > 0$ and let $f(x) = x^3 - a$ on $x > 0$. Newton's update is $x_{n+1} = x_n - f(x_n)/f'(x_n)$."
                  "\n\n$$\nx_{n+1} = \\frac{2}{3} x_n + \\frac{a}{3 x_n^2} , \\qquad x_{n+1} = \\frac{2}{3} x_n + "
                  "\\frac{a}{3 x_n}\n$$\n"),
                 -2, [Verdict.PROVED, Verdict.REFUTED], id="n_as_a_step_letter_and_a_scalar_x_with_a_domain_make_a_sequence"),
    pytest.param(("Fix $a > 0$ and let $x_{n+1} = x_n - (x_n^3 - a)/(3 x_n^2)$.\n\n## Halley\n\n$$\nx_{n+1} = x_n "
                  "\\frac{x_n^3 + 2a}{2 x_n^3 + a}\n$$\n"),
                 -1, [Verdict.UNKNOWN], id="a_step_written_anew_under_a_later_heading_may_be_a_new_method"),
    pytest.param(("Fix $a > 0$. Write $c = \\sqrt[3]{a}$ and $b = 2c$, so $a = c^3$.\n\n$$\n\\sqrt{b^6} = b^3 , \\qquad "
                  "\\sqrt{b^6} = -b^3 , \\qquad c^3 = 2a\n$$\n"),
                 -3, [Verdict.PROVED, Verdict.REFUTED, Verdict.REFUTED],
                 id="a_range_holds_where_a_definition_holds_the_name_and_a_consequence_of_definitions_constrains_nothing"),
    pytest.param(("A floor $\\eta_{\\min}$ and $x_{\\text{train}}$:\n\n$$\n\\eta_{\\min} + x_{\\text{train}} = "
                  "x_{\\text{train}} + \\eta_{\\min} , \\qquad 2 \\eta_{\\min} + \\eta_{\\max} = \\eta_{\\min} + 2 \\eta_{\\max}\n$$\n"),
                 -2, [Verdict.PROVED, Verdict.REFUTED], id="a_word_as_a_subscript_labels_a_number_of_its_own"),
    pytest.param(("Let $x \\in \\mathbb{R}^n$.\n\n$$\nx_{\\max} + \\sum_{i=1}^{n} x_i = \\sum_{i=1}^{n} x_i + x_{\\max}\n$$\n"),
                 -1, [Verdict.UNKNOWN], id="a_word_as_a_subscript_of_a_declared_vector_is_refused_until_defined"),
    pytest.param(("The labels are one-hot rows $Y \\in \\{0, 1\\}^{B \\times K}$.\n\n$$\n\\sum_{k=1}^{K} Y_{ik} = 1\n$$\n"),
                 -1, [Verdict.UNKNOWN], id="a_declaration_in_a_set_that_is_not_read_refuses_the_name"),
    pytest.param(("Let $\\mathbf{b} \\in \\mathbb{R}^K$ and $Z = X W + \\mathbf{1} \\mathbf{b}^\\top$.\n\n$$\nL = "
                  "\\sum_{i=1}^{B} \\sum_{k=1}^{K} P_{ik}\n$$\n\n$$\n\\nabla_{\\mathbf{b}} L = \\mathbf{1}\n$$\n"),
                 -1, [Verdict.UNKNOWN], id="a_gradient_by_a_whole_vector_of_a_name_defined_free_of_it_is_not_zero"),
    pytest.param(("Let $A \\in \\mathbb{R}^{n \\times n}$ and $\\mathbf{x} \\in \\mathbb{R}^n$, and $g(\\mathbf{x}) = "
                  "\\mathbf{x}^\\top A \\mathbf{x}$.\nCheck with $A = \\begin{pmatrix} 0 & 1 \\\\ 0 & 0 \\end{pmatrix}$: here "
                  "$g(\\mathbf{x}) = x_1 x_2$,\nand $2 A \\mathbf{x} = (2 x_2, 0)^\\top$.\n"),
                 -2, [Verdict.UNKNOWN, Verdict.UNKNOWN], id="claims_in_the_paragraph_of_an_example_may_be_about_it"),
    pytest.param(("## Setup\n\nFix $\\mathbf{x} \\in \\mathbb{R}^n$ and $p \\in (0, 1)$, masks $m_i \\sim \\mathrm{Bernoulli}(p)$ "
                  "independent, and outputs $y_i = \\frac{m_i x_i}{p}$.\n\n**(a)** Since $\\mathbb{E}[m_i] = p$,\n\n$$\n"
                  "\\mathbb{E}[y_i] = x_i , \\qquad \\mathbb{E}[y_i] = p x_i\n$$\n\n## Elsewhere\n\n$$\n\\mathbb{E}[y_i] = 2 x_i\n$$\n"),
                 -3, [Verdict.PROVED, Verdict.REFUTED, Verdict.UNKNOWN],
                 id="the_setup_holds_in_every_part_and_an_expectation_of_a_name_out_of_its_definition_is_refused"),
    pytest.param(("Let $\\theta \\in \\mathbb{R}^K$ and $L(\\theta) = \\sum_{k=1}^{K} \\theta_k^2$. At the start "
                  "($\\theta = \\theta_{\\mathrm{ref}}$) the loss is small, so $L(\\theta) = 0$.\n"),
                 -1, [Verdict.UNKNOWN], id="a_claim_drawn_from_an_unread_equation_of_its_sentence_is_not_checked"),
    pytest.param(("Let $x \\in \\mathbb{R}^n$ and $w \\in \\mathbb{R}^k$ with $k \\le n$.\n\n$$\n\\max(k, n) = n , \\qquad "
                  "\\max(k, n) = k , \\qquad \\sum_{i=1}^{k} w_i + k = k + \\sum_{i=1}^{k} w_i\n$$\n"),
                 -3, [Verdict.BOUNDED, Verdict.REFUTED, Verdict.PROVED],
                 id="an_order_between_two_sizes_is_met_by_every_counterexample_and_instance"),
    pytest.param(("Adagrad steps $\\theta_t = \\theta_{t-1} - \\eta g_t / \\sqrt{G_t}$ with $G_t = G_{t-1} + g_t^2$, $G_0 = 0$; "
                  "RMSProp steps $\\theta_t = \\theta_{t-1} - \\eta g_t / \\sqrt{v_t}$.\n\n$$\n\\theta_1 - \\theta_0 = "
                  "-\\eta \\operatorname{sign}(g_1)\n$$\n"),
                 -1, [Verdict.UNKNOWN], id="a_second_recurrence_for_one_name_makes_it_unread"),
    pytest.param(("Let $y \\in \\mathbb{R}$ and $\\hat y = 2 y$. I write $e = \\hat y - y$ for the error.\n\n$$\ne = y\n$$\n"),
                 -2, [Verdict.UNKNOWN, Verdict.UNKNOWN], id="a_name_e_where_e_is_euler_s_number_is_refused"),
    pytest.param(("Let $t \\in \\mathbb{R}^n$ and $m = \\frac{1}{n} \\sum_{i=1}^{n} t_i$.\n\nWaits of 2, 3 and 5 minutes: $n = 3$, "
                  "$\\sum_i t_i = 10$ and $m = \\frac{10}{3}$.\n"),
                 -2, [Verdict.UNKNOWN, Verdict.UNKNOWN], id="claims_in_the_paragraph_of_a_size_given_a_number_are_about_its_data"),
    pytest.param(("Let $z \\in \\mathbb{R}^K$, $T > 0$, $p_i(T) = \\frac{e^{z_i / T}}{\\sum_{j=1}^{K} e^{z_j / T}}$ and "
                  "$H(T) = -\\sum_{i=1}^{K} p_i \\log p_i$.\n\n$$\n\\frac{dH}{dT} = 1\n$$\n"),
                 -1, [Verdict.UNKNOWN], id="a_function_whose_formula_is_free_of_its_variable_is_not_differentiated_to_zero"),
    pytest.param(("Let $W \\in \\mathbb{R}^{h \\times d}$, $\\mathbf{b} \\in \\mathbb{R}^h$. Take\n\n$$\nW = \\begin{pmatrix} 1 & 2 "
                  "\\\\ 3 & 4 \\end{pmatrix}, \\quad \\mathbf{b} = \\mathbf{0}\n$$\n"),
                 -1, [Verdict.UNKNOWN], id="values_in_the_display_of_an_example_are_the_example_s"),
    pytest.param(("Centroids $\\boldsymbol{\\mu}_1, \\dots, \\boldsymbol{\\mu}_K \\in \\mathbb{R}^d$.\n\n**Example (1-D).**\n\n"
                  "$$\n\\mu_1 = 1.5\n$$\n"),
                 -1, [Verdict.UNKNOWN], id="a_plain_name_of_a_bold_declaration_is_not_refuted_by_shape"),
    pytest.param(("$X$ is normal with mean $\\mu$ and variance $\\sigma^2$.\n\n$$\n\\sqrt{\\sigma^2} = \\sigma\n$$\n"),
                 -1, [Verdict.PROVED], id="a_variance_written_sigma_squared_makes_sigma_positive"),
    pytest.param(("$$\n1 + \\cos \\theta = 2 \\cos^2(\\theta / 2) , \\qquad \\sin(a + b) = \\sin a \\cos b + \\cos a \\sin b , "
                  "\\qquad \\cos(2t) = 1 - \\sin^2 t\n$$\n"),
                 -3, [Verdict.PROVED, Verdict.PROVED, Verdict.REFUTED], id="trigonometric_identities_are_proved"),
    pytest.param(("Two coins with biases $\\theta_A$ and $\\theta_B$, and $h_i$ heads in trial $i$.\n\n$$\n\\gamma_i = "
                  "\\frac{\\pi \\theta_A^{h_i}}{\\pi \\theta_A^{h_i} + (1 - \\pi) \\theta_B^{h_i}}\n$$\n\n$$\n"
                  "\\frac{\\gamma_i}{1 - \\gamma_i} = \\frac{\\pi \\theta_A^{h_i}}{(1 - \\pi) \\theta_B^{h_i}} , \\qquad "
                  "\\frac{\\gamma_i}{1 - \\gamma_i} = \\frac{\\theta_A^{h_i}}{\\theta_B^{h_i}}\n$$\n"),
                 -2, [Verdict.PROVED, Verdict.REFUTED], id="a_capital_letter_that_is_no_size_labels_the_name_it_subscripts"),
    pytest.param(("Let $k \\in \\mathbb{R}^N$.\n\n$$\n\\sum_{j=1}^{N-1} k_{j+1} = \\sum_{j=2}^{N} k_j , \\qquad "
                  "\\sum_{j=1}^{N} k_{N-j+1} = \\sum_{j=1}^{N} k_j , \\qquad \\sum_{j=1}^{N-1} k_{j+1} = \\sum_{j=1}^{N} k_j , "
                  "\\qquad \\sum_{j=1}^{N} k_{j+1} = \\sum_{j=1}^{N} k_j , \\qquad \\sum_{j=0}^{N} k_j = \\sum_{j=1}^{N} k_j\n$$\n"),
                 0, [Verdict.PROVED, Verdict.PROVED, Verdict.REFUTED, Verdict.UNKNOWN, Verdict.UNKNOWN],
                 id="an_index_shifted_inside_a_sum_is_read_where_every_entry_exists"),
    pytest.param(("Let $X \\sim \\text{Bernoulli}(p)$ with $0 < p < 1$. Then $M(t) = \\mathbb{E}[e^{tX}] = 1 - p + p e^t$ "
                  "and $M'(t) = M''(t) = p e^t$. For the sum, $M_S(t) = (1 - p + p e^t)^n$, not $M_S(t) = n (1 - p + p e^t)$.\n"),
                 -4, [Verdict.PROVED, Verdict.PROVED, Verdict.UNKNOWN, Verdict.REFUTED],
                 id="a_generating_function_of_its_own_argument_and_a_labelled_name_its_own"),
    pytest.param(("The prior has $m_i = 0$ and $s_i = 1$. With $\\sigma_1, \\dots, \\sigma_n > 0$,\n\n$$\n\\sum_{i=1}^{n} "
                  "\\sigma_i^2 = \\sum_{i=1}^{n} \\sigma_i \\sigma_i , \\qquad \\sum_{i=1}^{n} \\log \\sigma_i^2 = "
                  "\\sum_{i=1}^{n} \\log \\sigma_i\n$$\n"),
                 0, [Verdict.PROVED, Verdict.REFUTED],
                 id="sigma_with_index_subscripts_and_never_applied_is_a_vector_and_an_entry_condition_on_another_is_idle"),
    pytest.param(("Let $H(T) = T^2$.\n\n$$\nH(1) = 1 \\approx 1.0, \\qquad H(1) = 2\n$$\n"),
                 -2, [Verdict.UNKNOWN, Verdict.REFUTED], id="an_approximation_beside_an_equation_is_no_condition"),
    pytest.param(("Let $p \\in (0, 1)$ and $\\gamma \\ge 0$, and $F(p) = p^{\\gamma + 1}$. It is $p$ at $\\gamma = 0$ (a sign slip "
                  "gives $F(p) = p^{\\gamma + 1} + \\gamma p$ there). At $\\gamma = 0$, $F(p) = p$.\n"),
                 -2, [Verdict.UNKNOWN, Verdict.PROVED], id="a_point_said_after_other_mathematics_qualifies_only_that"),
    pytest.param(("Let $X \\sim \\mathrm{Poisson}(\\lambda)$.\n\n**A numeric check** with $\\lambda = 2$: $E[X^2] = 2 + 4 = 6$, "
                  "and $E[X^3] = 8 + 12 + 2 = 22$, not $E[X^3] = 8 + 2 = 10$ as the formula without the cross term says.\n"
                  "A common slip is $E[X^2] = \\lambda^2$, and $\\lambda^2 = 4$.\n"),
                 -2, [Verdict.REFUTED, Verdict.PROVED],
                 id="a_value_an_earlier_sentence_of_the_paragraph_gives_holds_for_the_claims_that_give_numbers"),
    pytest.param(("Let $x, y \\in \\mathbb{R}^n$. Take the two points $(1, 1)$ and $(2, 3)$. Then $\\sum_{i=1}^{2} x_i^2 = 5$ "
                  "and $2 + 3 = 5$.\n"),
                 -2, [Verdict.UNKNOWN, Verdict.PROVED], id="data_given_as_a_list_of_numbers_keep_refutations_unknown"),
    pytest.param(("For a unit vector $u \\in \\mathbb{R}^n$ let $P = I - u u^\\top$.\n\n$$\nu^\\top u = 1 , \\qquad "
                  "\\operatorname{tr} P = n - 1 , \\qquad P^2 = I - 2 u u^\\top\n$$\n"),
                 -3, [Verdict.PROVED, Verdict.PROVED, Verdict.REFUTED], id="a_unit_vector_is_checked_as_every_unit_vector"),
    pytest.param(("With $u = x^2$ we have $du = 2x \\, dx$, not $du = x \\, dx$, and $\\frac{du}{u} = 2 \\frac{dx}{x}$; "
                  "$dy = 2 dx$ of a $y$ never defined.\n"),
                 -4, [Verdict.PROVED, Verdict.REFUTED, Verdict.PROVED, Verdict.UNKNOWN],
                 id="a_differential_is_the_derivative_times_an_increment_of_the_variable"),
    pytest.param(("For $s > 0$, $\\Gamma(s + 1) = s \\Gamma(s)$ and $\\Gamma(s + 1) = \\Gamma(s)$.\n"),
                 -2, [Verdict.PROVED, Verdict.REFUTED], id="the_gamma_function_is_never_any_function"),
    pytest.param(("Detailed balance gives $\\pi_2 c = \\pi_3 d$, and $(c + d)^2 = c^2 + d^2$.\n"),
                 -2, [Verdict.UNKNOWN, Verdict.REFUTED], id="sides_that_share_no_name_are_a_relation_not_an_identity"),
    pytest.param(("$$\nA_{ij} = \\begin{cases} e^{S_{ij}} & \\text{if } j \\le i , \\\\ 0 & \\text{if } j > i . \\end{cases}\n$$\n\n"
                  "$$\n\\sum_{j=1}^{N} A_{ij} = \\sum_{j=1}^{i} A_{ij}\n$$\n"),
                 -1, [Verdict.UNKNOWN], id="an_entry_defined_by_cases_on_unread_conditions_is_the_document_s"),
    pytest.param(("$$\nP = e^{-2} \\frac{2^2}{2!} = 2 e^{-2} , \\qquad \\frac{3!}{2! \\, 1!} = 3 , \\qquad 4! = 20 , \\qquad "
                  "\\frac{\\lambda^k}{k!} = \\lambda^k\n$$\n"),
                 -4, [Verdict.PROVED, Verdict.PROVED, Verdict.REFUTED, Verdict.UNKNOWN],
                 id="the_factorial_of_a_whole_number_is_read_and_of_a_name_refused"),
]


@pytest.mark.parametrize("text, start, expected", LAST_VERDICTS)
def test_the_last_links_of_a_short_document_decide_as_the_document_means(text, start, expected):
    assert [v for _, v, _ in _verdicts(text)][start:] == expected


def test_a_bold_e_is_never_euler_s_number_and_its_entries_no_basis_vectors():
    text = ("Let $\\mathbf{y}, \\hat{\\mathbf{y}} \\in \\mathbb{R}^n$ and\n\n$$\n\\mathbf{e} = \\mathbf{y} - \\hat{\\mathbf{y}}\n$$\n\n"
            "$$\n\\sum_{i=1}^{n} \\mathbf{e}_i = \\sum_{i=1}^{n} (y_i - \\hat{y}_i)\n$$\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found] == [Verdict.UNKNOWN, Verdict.UNKNOWN]
    assert all("not Euler's number" in d for _, _, d in found)


def test_a_matrix_symmetric_only_in_a_case_the_prose_names_is_not_read_as_symmetric():
    text = ("Let $A \\in \\mathbb{R}^{n \\times n}$ and $x \\in \\mathbb{R}^n$. Only when $A$ is symmetric does the gradient "
            "become\n\n$$\n\\nabla_x (x^\\top A x) = 2 A x\n$$\n\nLet $B \\in \\mathbb{R}^{n \\times n}$ and note that, unless "
            "$B$ is symmetric,\n\n$$\n\\nabla_x (x^\\top B x) = 2 B x\n$$\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found] and all(v is not Verdict.PROVED for _, v, _ in found)


_UPSTREAM = ("Let $x \\in \\mathbb{R}^n$ and $\\gamma, \\beta \\in \\mathbb{R}$, and\n\n$$\nz_i = \\gamma x_i^2 + \\beta\n$$\n\n"
             "for $i = 1, \\dots, n$. We write $u_i = \\partial L / \\partial z_i$ for the gradient from the layers above.\n\n")


@pytest.mark.parametrize("claim, expected", [
    ("\\frac{\\partial L}{\\partial \\beta} = \\sum_{i=1}^{n} u_i", Verdict.PROVED),
    ("\\frac{\\partial L}{\\partial x_j} = 2 \\gamma u_j x_j", Verdict.PROVED),
    ("\\frac{\\partial L}{\\partial \\gamma} = \\sum_{i=1}^{n} u_i x_i", Verdict.REFUTED),  # x_i^2, not x_i
    ("\\frac{\\partial L}{\\partial x_j} = \\gamma u_j x_j", Verdict.REFUTED),  # the factor 2 dropped
    ("\\frac{\\partial^2 L}{\\partial x_j^2} = 2 \\gamma u_j", Verdict.UNKNOWN),  # L is given only by its gradient
    ("\\frac{\\partial L}{\\partial u_j} = z_j", Verdict.UNKNOWN),  # by the gradient itself: not read
], ids=["sum_of_the_gradient", "chain_rule_through_an_entry", "wrong_power", "dropped_factor", "second_derivative",
        "by_the_gradient_itself"])
def test_a_loss_given_only_by_its_gradient_is_differentiated_by_the_chain_rule(claim, expected):
    found = _verdicts(_UPSTREAM + f"$$\n{claim}\n$$\n")
    assert found[-1][1] is expected, found[-1]


def test_a_loss_given_by_its_gradient_is_not_differentiated_where_the_name_it_is_a_function_of_is_undefined():
    # (y is declared anew after the gradient's definition: L is no function of x there)
    text = ("Let $x \\in \\mathbb{R}^n$, and\n\n$$\ny_i = 3 x_i\n$$\n\nWe write $g_i = \\partial L / \\partial y_i$ for the gradient "
            "from above.\n\nNow let $y \\in \\mathbb{R}^n$ be any vector.\n\n$$\n\\frac{\\partial L}{\\partial x_j} = 0\n$$\n")
    line, verdict, detail = _verdicts(text)[-1]
    assert verdict is Verdict.UNKNOWN and "no longer in force" in detail, detail
    # and with the gradient given before y is defined ("with g_i = ..." read with the display before it), L is
    # not read as a function of the y declared later
    text = ("Let $x \\in \\mathbb{R}^n$, and\n\n$$\ny_i = 3 x_i\n$$\n\nwith $g_i = \\partial L / \\partial y_i$. Now let "
            "$y \\in \\mathbb{R}^n$ be any vector.\n\n$$\n\\frac{\\partial L}{\\partial x_j} = 0\n$$\n")
    assert _verdicts(text)[-1][1] is Verdict.UNKNOWN


def test_a_condition_in_a_sentence_that_runs_on_into_its_display_holds_there():
    text = ("Let $x \\in \\mathbb{R}$. If $a = 0$, the term vanishes and, squaring the rest, we are left with\n\n"
            "$$\n(a + x)^2 = x^2\n$$\n\nWithout it, in general\n\n$$\n(a + x)^2 = x^2 + 2 a x + a^2\n$$\n")
    assert [v for _, v, _ in _verdicts(text)] == [Verdict.PROVED, Verdict.PROVED]


def test_a_function_of_two_matrices_does_not_stop_the_document_from_being_read():
    text = ("Let $U, V \\in \\mathbb{R}^{n \\times k}$ and $a \\in \\mathbb{R}$.\n\n$$\nf(U, V) = \\operatorname{tr}(U V^\\top)\n$$\n\n"
            "$$\n(a + 1)^2 = a^2 + 2 a + 1\n$$\n")
    assert _verdicts(text)[-1][1] is Verdict.PROVED


def test_a_part_labelled_with_its_case_checks_its_steps_in_that_case_only():
    text = ("Let $u, v \\in \\mathbb{R}^d$, $s \\in \\{0, 1\\}$ and $D = \\lVert u - v \\rVert_2$.\n\n$$\nL = \\frac{s}{2} D^2 + "
            "(1 - s) D\n$$\n\n**(b) Similar pair, $s = 1$.** Then $\\nabla_u L = u - v$. Some wrote $\\nabla_u L = D \\, (u - v)$.\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found][-2:] == [Verdict.PROVED, Verdict.REFUTED]
    # the counterexample keeps the case's value of s: it is never tried at s = 0
    assert "s = 0" not in found[-1][2]


@pytest.mark.parametrize("text, expected", [
    # the value of a name the example gives in words: no claim about every r and A
    ("Let $r, A \\in \\mathbb{R}$ and\n\n$$\nL = r A\n$$\n\nFor the numbers of the handout's example the loss is\n\n"
     "$$\nL = 3.5\n$$\n", Verdict.UNKNOWN),
    # the values given as the step's condition are read
    ("Let $r, A \\in \\mathbb{R}$ and\n\n$$\nL = r A\n$$\n\nWith $r = 3$ and $A = 2$ the loss is\n\n$$\nL = 7\n$$\n",
     Verdict.REFUTED),
    # a variable given a value
    ("Let $0 < \\tau < 1$. Take\n\n$$\n\\tau = 0.25\n$$\n", Verdict.UNKNOWN),
    # a side that writes its variables is still refuted
    ("Let $x \\in \\mathbb{R}$ and\n\n$$\nL = x^2 + 1\n$$\n\nso that\n\n$$\nx^2 + 1 = 0\n$$\n", Verdict.REFUTED),
], ids=["number_for_values_said_in_words", "values_given_as_a_condition", "a_variable_given_a_value", "a_formula_in_written_variables"])
def test_a_number_for_a_name_whose_values_the_display_does_not_write_is_not_refuted(text, expected):
    assert _verdicts(text)[-1][1] is expected


def test_what_someone_wrote_is_a_claim_and_never_stops_a_later_definition():
    text = ("Let $f(x) = x e^{x}$ for real $x$. A student wrote $f(x) = e^{x}$.\n\n## Question 2\n\n"
            "Now $f(x) = x^2 e^{-x}$.\n\n$$\nf'(x) = (2x - x^2) e^{-x}\n$$\n")
    found = _verdicts(text)
    assert found[-1][1] is Verdict.PROVED
    assert any(v is Verdict.REFUTED for _, v, _ in found[:-1])  # the student's f(x) = e^x, a claim about f


def test_a_function_without_its_argument_times_parentheses_holding_it_is_a_product():
    text = ("Recall $\\sigma' = \\sigma (1 - \\sigma)$, and not $\\sigma' = \\sigma (1 + \\sigma)$; also "
            "$\\sigma(\\sigma(0)) = \\sigma(\\frac{1}{2})$.\n")
    assert [v for _, v, _ in _verdicts(text)] == [Verdict.PROVED, Verdict.REFUTED, Verdict.PROVED]


def test_an_indicator_of_an_order_between_numbers_is_one_where_it_holds():
    text = ("Let $u, x, \\tau \\in \\mathbb{R}$ and $\\rho(u) = u (\\tau - \\mathbb{1}[u < 0])$.\n\n"
            "$$\n\\frac{d}{du} \\rho(u) = \\tau - \\mathbb{1}[u < 0]\n$$\n\n"
            "$$\n\\mathbb{1}[x < 0] + \\mathbb{1}[x \\ge 0] = 1\n$$\n\n$$\n\\mathbb{1}[x > 0] = 1\n$$\n\n"
            "$$\n\\rho(-2) = 2 - 2\\tau\n$$\n\n$$\n\\rho(u) = |u| \\tau\n$$\n")
    verdicts = _verdicts(text)
    assert [v for _, v, _ in verdicts][1:] == [Verdict.PROVED, Verdict.PROVED, Verdict.REFUTED, Verdict.PROVED,
                                               Verdict.UNKNOWN]
    # rho(u) = |u| tau holds where u >= 0, a case of the function's indicator: said with no words, not refuted
    assert "holds where" in verdicts[-1][2]


def test_a_claim_true_on_one_case_after_words_of_one_side_is_not_refuted():
    elu = ("For $\\alpha > 0$ let\n\n$$\nf(x) = \\begin{cases} x & \\text{if } x > 0 \\\\ \\alpha (e^{x} - 1) & \\text{if } "
           "x \\le 0 \\end{cases}\n$$\n\n")
    one_side = _verdicts(elu + "So on that side the derivative comes from the output, $f'(x) = f(x) + \\alpha$.\n")
    assert one_side[-1][1] is Verdict.UNKNOWN and "x <= 0" in one_side[-1][2]
    # without such words, which case it is said of is not known: not refuted either
    bare = _verdicts(elu + "The derivative comes from the output: $f'(x) = f(x) + \\alpha$.\n")
    assert bare[-1][1] is Verdict.UNKNOWN and "x <= 0" in bare[-1][2]
    # said of every x, it is refuted
    every = _verdicts(elu + "For every real $x$ the derivative comes from the output: $f'(x) = f(x) + \\alpha$.\n")
    assert every[-1][1] is Verdict.REFUTED


def test_what_setting_an_equation_gives_is_not_refuted_as_an_identity():
    text = ("Let $a, b, x \\in \\mathbb{R}$ and $L = (a x - b)^2$. Setting $\\frac{dL}{dx} = 0$ gives $a x = b$, "
            "and in general $\\frac{dL}{dx} = 2 a (a x - b)$.\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found][-2:] == [Verdict.UNKNOWN, Verdict.PROVED]
    assert "setting" in found[-2][2]


def test_a_gradient_named_in_words_with_nabla_of_a_defined_vector_gives_the_chain_rule():
    text = ("Let $\\mathbf{v} \\in \\mathbb{R}^d$ and $g \\in \\mathbb{R}$, and\n\n$$\n\\mathbf{w} = g \\, \\mathbf{v}\n$$\n\n"
            "Here $L$ is any loss of $\\mathbf{w}$, and I write $\\mathbf{c}$ for its gradient $\\nabla_{\\mathbf{w}} L$.\n\n"
            "$$\n\\frac{\\partial L}{\\partial g} = \\mathbf{c}^\\top \\mathbf{v}\n$$\n\n$$\n\\nabla_{\\mathbf{v}} L = \\mathbf{c}\n$$\n")
    assert [v for _, v, _ in _verdicts(text)][-2:] == [Verdict.PROVED, Verdict.REFUTED]  # it is g c


def test_a_letter_written_as_a_sums_limit_is_a_whole_number():
    r = _checked("$$\n\\sum_{t=1}^{W} t = \\frac{W (W + 1)}{2}\n$$\n\n"
                 "$$\n\\sum_{t=1}^{W} t = \\frac{W (W - 1)}{2}\n$$\n\n"
                 "$$\n\\sum_{k=0}^{T-1} \\gamma^k = \\frac{1 - \\gamma^T}{1 - \\gamma}\n$$\n\n"
                 "$$\n\\sum_{k=0}^{T-1} \\gamma^k = \\frac{1 - \\gamma^{T-1}}{1 - \\gamma}\n$$\n")
    assert [v.verdict for v in r.values()] == [Verdict.PROVED, Verdict.REFUTED, Verdict.PROVED, Verdict.REFUTED]
    # W is no longer the default weight matrix: the reading says what it is
    assert any("$W$ is read as a whole number" in x.text for x in r["line 2"].readings)
    assert r["line 10"].bound is None  # a geometric sum in a symbol, proved for every T (not up to a bound)
    # a letter declared otherwise, or applied, is no limit's size
    declared = _checked("Let $T \\in \\mathbb{R}$.\n\n$$\n\\sum_{k=1}^{T} 1 = T\n$$\n")
    assert declared["line 4"].verdict is Verdict.UNKNOWN


def test_a_sum_to_another_size_than_its_vectors_length_is_refused():
    # x has the default length N; a sum of its entries up to m may be a sum over part of it
    r = _checked("$$\n\\sum_{i=1}^{m} x_i = m \\bar{x}\n$$\n\n"
                 "$$\n\\frac{\\partial}{\\partial x_j} \\sum_{i=1}^{m} x_i^2 = 2 x_j\n$$\n")
    assert all(v.verdict is Verdict.UNKNOWN for v in r.values())
    assert "the sum over i runs to m, the vector has length N" in r["line 6"].detail


def test_a_function_by_cases_with_its_conditions_in_a_column():
    # conditions without "if", an interval among them: one function by cases
    r = _checked("$$\n\\ell(m) = \\begin{cases} \\frac{1}{2} - m & m \\le 0 \\\\ \\frac{1}{2} (1 - m)^2 & 0 < m < 1 "
                 "\\\\ 0 & m \\ge 1 \\end{cases}\n$$\n\n"
                 "So $\\ell(0.5) = 0.125$ and $\\ell(2) = 0$ and $\\ell(-1) = 1$.\n")
    assert [r[k].verdict for k in ("line 5", "line 5 (2)", "line 5 (3)")] == \
        [Verdict.PROVED, Verdict.PROVED, Verdict.REFUTED]


def test_a_condition_beside_an_equation_holds_for_it():
    r = _checked("$$\nf(x) = \\begin{cases} x^2 & \\text{if } x \\ge 0 \\\\ -x & \\text{otherwise} \\end{cases}\n$$\n\n"
                 "$$\nf'(x) = 2x \\quad \\text{for } x > 0, \\qquad f'(x) = -1 \\quad \\text{for } x < 0\n$$\n\n"
                 "$$\nf'(x) = 1 \\quad \\text{for } x < 0\n$$\n\n"
                 "and $f'(x) = 0$ for $x < 0$, which is wrong.\n")
    assert r["line 6, equation 1"].verdict is Verdict.PROVED
    assert r["line 6, equation 2"].verdict is Verdict.PROVED
    wrong = r["line 10"]  # checked where x < 0: f'(x) = -1 there
    assert wrong.verdict is Verdict.REFUTED and (wrong.counterexample.lhs.exact, wrong.counterexample.rhs.exact) == (-1, 1)
    after = r["line 13"]  # the condition said right after inline mathematics
    assert after.verdict is Verdict.REFUTED and (after.counterexample.lhs.exact, after.counterexample.rhs.exact) == (-1, 0)


def test_a_claim_true_on_one_case_of_a_function_by_cases_is_not_refuted():
    text = ("$$\nf(x) = \\begin{cases} x^2 & \\text{if } x \\ge 0 \\\\ -x & \\text{otherwise} \\end{cases}\n$$\n\n"
            "In the middle, $f'(x) = 2x$, and $f'(x) = 3x$ nowhere.\n")
    r = _checked(text)
    assert r["line 5"].verdict is Verdict.UNKNOWN and "holds where x >= 0" in r["line 5"].detail
    assert r["line 5 (2)"].verdict is Verdict.REFUTED  # true on no case
    said = _checked(text.replace("In the middle,", "Let $x \\in \\mathbb{R}$. For every $x$,"))
    assert said["line 5"].verdict is Verdict.REFUTED


def test_cases_in_the_prose_define_a_function_or_are_refused():
    r = _checked("Let $g(x) = x^2$ for $x \\ge 0$ and $g(x) = -x$ otherwise. Then $g(-2) = 2$ and $g(3) = 9$ "
                 "and $g(-1) = -1$.\n\n"
                 "The Huber function is $h(u) = \\frac{1}{2} u^2$ for $|u| \\le 1$ and $h(u) = |u| - \\frac{1}{2}$ "
                 "otherwise.\n\n$$\nh(3) = 2.5\n$$\n\n"
                 "A domain only: $q(x) = \\frac{x^2}{x - 1}$ for $x \\neq 1$, so $q(2) = 4$.\n")
    assert [r[k].verdict for k in ("line 1", "line 1 (2)", "line 1 (3)")] == \
        [Verdict.PROVED, Verdict.PROVED, Verdict.REFUTED]
    # |u| <= 1 is no order of u with a number: h is not read, never taken for every u from its first case
    assert r["line 3"].verdict is Verdict.UNKNOWN and "by cases is not read" in r["line 3"].detail
    assert r["line 6"].verdict is Verdict.UNKNOWN and "defined by cases" in r["line 6"].detail
    assert r["line 9 (2)"].verdict is Verdict.PROVED  # q is defined where x != 1: no cases


def test_a_superscript_in_parentheses_is_no_power():
    r = _checked("$$\ny^{(\\lambda)} = \\frac{y^\\lambda - 1}{\\lambda}\n$$\n\n$$\nx^{(2)} = x^2\n$$\n")
    assert all(v.verdict is Verdict.UNKNOWN for v in r.values())
    assert "a superscript in parentheses" in r["line 6"].detail


def test_the_hessian_at_a_point_against_a_number_may_be_the_laplacian():
    """\\nabla^2 f(1, 1) of an f(x, y) is its Hessian at the point, never taken in what the point leaves (a, b);
    against a number it may be the Laplacian, so a refutation by shape is withheld."""
    r = _checked("Let $a, b \\in \\mathbb{R}$.\n\n$$\nf(x, y) = (a - x)^2 + b \\cdot (y - x^2)^2\n$$\n\n"
                 "$$\n\\nabla^2 f(1, 1) = 2\n$$\n")
    assert r["line 8"].verdict is Verdict.UNKNOWN and "Laplacian" in r["line 8"].detail, r["line 8"].detail


def test_a_derivative_through_a_name_an_unread_equation_ties_to_the_variable():
    # tau is used before the display that gives it, so that display is no definition of it; p_1 is
    text = ("The threshold $\\tau$ satisfies $(z_1 - \\tau) + (z_2 - \\tau) = 1$, so\n\n"
            "$$\n\\tau = \\frac{z_1 + z_2 - 1}{2}, \\qquad p_1 = z_1 - \\tau\n$$\n\n"
            "and $\\frac{\\partial p_1}{\\partial z_2} = -\\frac{1}{2}$.\n")
    r = _checked(text)
    held = next(v for v in r.values() if v.latex.startswith("\\frac{\\partial p_1}"))
    assert held.verdict is Verdict.UNKNOWN and "holds tau fixed" in held.detail


def test_an_undeclared_vector_on_one_side_only_is_not_refuted_for_every_value():
    r = _checked("$$\n\\sum_{i=1}^{n} \\hat{\\mu}_i = \\sum_{i=1}^{n} y_i\n$$\n")
    only = r["line 2"]
    assert only.verdict is Verdict.UNKNOWN and "on one side only" in only.detail
    assert any("read as a vector by its entries" in x.text for x in only.readings)


def test_an_equation_named_so_is_solved_not_claimed():
    r = _checked("The score equation $\\sum_{i=1}^{n} (y_i - t_i e^{\\beta}) = 0$ gives the estimate.\n\n"
                 "$$\n(a + b)^2 = a^2 + 2ab + b^2\n$$\n")
    assert not any(v.latex.startswith("\\sum") for v in r.values())
    assert r["line 4"].verdict is Verdict.PROVED


def test_words_far_before_inline_mathematics_do_not_make_it_a_supposition():
    r = _checked("For the smooth pair the relation has a factor two inside, $\\tanh(x) = 2 \\sigma(2x) - 1$, "
                 "and with $a = 2$ we get $a^2 = 4$.\n")
    assert r["line 1"].verdict is Verdict.PROVED  # the tanh identity, a claim
    assert [v.latex for v in r.values()] == ["\\tanh(x) = 2 \\sigma(2x) - 1", "a^2 = 4"]


def test_an_index_said_to_take_a_few_values_bounds_the_counterexample():
    r = _checked("Two hidden units $h_j = \\tanh(w_j x + b_j)$ for $j \\in \\{1, 2\\}$, the output "
                 "$\\hat{y} = v_1 h_1 + v_2 h_2 + c$.\n\n"
                 "$$\n\\frac{\\partial \\hat{y}}{\\partial v_j} = h_j\n$$\n")
    assert r["line 4"].verdict is not Verdict.REFUTED


def test_a_formula_or_a_value_for_a_default_size_is_not_refuted_as_a_claim():
    # N is the default size; the document defines a count N, or sets a size: never refuted at another size
    r = _checked("Let $x \\in \\mathbb{R}^K$ be counts.\n\n$$\nN = \\sum_{k=1}^{K} x_k\n$$\n\n$$\nN = 3\n$$\n\n"
                 "$$\nM = \\sum_{k=1}^{K} x_k\n$$\n")
    assert r["line 4"].verdict is Verdict.UNKNOWN and "read as a size" in r["line 4"].detail
    assert r["line 8"].verdict is Verdict.UNKNOWN and "sets its value" in r["line 8"].detail


def test_a_run_of_letters_opening_a_chain_does_not_stop_the_document():
    r = _checked("That $r$ is the whole story of $dx\\,dy = r\\,dr\\,d\\theta$.\n\n$$\n(a + b)^2 = a^2 + 2ab + b^2\n$$\n")
    assert r["line 4"].verdict is Verdict.PROVED


def test_the_trace_of_an_undeclared_name_is_not_the_trace_of_a_number():
    r = _checked("Let $s \\in \\mathbb{R}^n$.\n\n"
                 "$$\n\\operatorname{tr}(a b) = \\operatorname{tr}(b a)\n$$\n\n"
                 "Let $x \\in \\mathbb{R}^n$ and $A \\in \\mathbb{R}^{n \\times n}$.\n\n"
                 "$$\nx^\\top A x = \\operatorname{tr}(x^\\top A x)\n$$\n")
    assert r["line 4"].verdict is Verdict.UNKNOWN and "the trace of a, b, read as a number" in r["line 4"].detail
    assert r["line 10"].verdict is Verdict.PROVED  # the trace of a 1 x 1 product is that number


def test_a_random_variable_is_no_number_of_every_value():
    for said in ("Let $X$ be Bernoulli with success probability $p$.", "Let $X \\sim \\mathrm{Bernoulli}(p)$."):
        r = _checked(said + " Then $X^2 = X$ pointwise.\n\n$$\n(a + b)^2 = a^2 + 2ab + b^2\n$$\n")
        squared = next(v for v in r.values() if v.latex == "X^2 = X")
        assert squared.verdict is Verdict.UNKNOWN and "$X" in squared.detail


def test_a_function_at_a_name_defined_in_its_variable_is_refused():
    r = _checked("$$\n\\ell(\\lambda) = n \\log \\lambda - \\lambda s\n$$\n\n"
                 "With $\\theta = 1/\\lambda$ the log-likelihood reads $\\ell(\\theta) = -n \\log \\theta - s / \\theta$.\n")
    at = next(v for v in r.values() if v.latex.startswith("\\ell(\\theta)"))
    assert at.verdict is Verdict.UNKNOWN and "written anew" in at.detail


def test_a_numbered_value_given_anew_under_a_later_heading_is_not_refuted():
    text = ("\\documentclass{article}\\begin{document}\n\\paragraph{Newton.} One step gives\n\\[\n"
            "x_1 = \\frac{13}{6}\n\\]\n\\paragraph{Halley.} One Halley step gives $x_1 = \\frac{28}{13}$.\n"
            "\\[\nx_1 + 1 = \\frac{19}{6}\n\\]\n\\end{document}\n")
    d = read_document(text, "doc.tex", default_notation(), markdown=False)
    r = {c.latex: verify_check(c, SETTINGS) for c in checks_of(d)}
    halley = r["x_1 = \\frac{28}{13}"]
    assert halley.verdict is Verdict.UNKNOWN and "new example" in halley.detail


def test_upright_names_with_digits_and_a_region_said_before_a_display():
    r = _checked("Start from $\\mathrm{relu6}(x) = \\min(\\max(x, 0), 6)$ and $h(x) = x \\, \\mathrm{relu6}(x + 3) / 6$.\n\n"
                 "So $h(3) = 3$. In the middle, $-3 < x < 3$, the product rule gives\n\n"
                 "$$\nh'(x) = \\frac{x + 3}{6} + \\frac{x}{6}\n$$\n")
    assert r["line 3"].verdict is Verdict.PROVED
    middle = r["line 6"]
    assert middle.verdict is not Verdict.REFUTED
    assert any("under the condition $x < 3$" in x.text for x in middle.readings)


def test_take_states_a_standing_range():
    r = _checked("Take $r > 0$ and the map $x = r \\cos\\theta$.\n\n$$\n\\frac{x}{r} = \\cos\\theta\n$$\n\n"
                 "$$\n\\sqrt{r^2} = r\n$$\n")
    assert r["line 8"].verdict is Verdict.PROVED


def test_a_display_inside_a_list_item_is_placed_on_its_own_lines():
    r = _checked("1. Expanding first: $(x + 1)^2 = x^2 + 2x + 1$, so\n   $$\n   \\frac{d}{dx} (x + 1)^2 = 2x + 2\n   $$\n")
    assert r["line 3"].verdict is Verdict.PROVED and r["line 3"].line == 3


def test_an_equation_its_undeclared_name_solves_is_not_refuted_as_an_identity():
    r = _checked("Calling the integral $I$, integrating by parts twice gives back $I = e^\\pi + 1 - I$, so "
                 "$2I = e^\\pi + 1$.\n")
    solved = r["line 1"]
    assert solved.verdict is Verdict.UNKNOWN and "an equation in I" in solved.detail
    assert _checked("$$\n(a + b)^2 = a^2 + 2ab + b^2\n$$\n")["line 2"].verdict is Verdict.PROVED


def test_a_formula_for_a_default_size_makes_its_later_uses_unknown():
    r = _checked("Let $X \\sim \\mathcal{N}(\\mu, \\sigma^2)$.\n\n$$\nM(t) = \\exp\\Big(\\mu t + \\frac{\\sigma^2 t^2}{2}\\Big)\n$$\n\n"
                 "The cumulant generating function $K = \\log M$ is a quadratic, "
                 "$K(t) = \\mu t + \\frac{\\sigma^2 t^2}{2}$.\n")
    later = r["line 7 (2)"]
    assert later.verdict is Verdict.UNKNOWN and "uses K" in later.detail


def test_pi_said_to_be_a_vector_is_not_the_number():
    r = _checked("Let $P = \\begin{pmatrix} 1 - a & a \\\\ b & 1 - b \\end{pmatrix}$. A row vector $\\pi$ with "
                 "nonnegative entries summing to one is stationary, so $\\pi P = \\pi$.\n")
    (stationary,) = [v for v in r.values() if "\\pi P" in v.latex]
    assert stationary.verdict is Verdict.UNKNOWN and "said on line 1 to be a vector" in stationary.detail


def test_an_equation_after_when_or_if_is_a_condition_and_governs_what_follows_it():
    r = _checked("Let $v \\in \\mathbb{R}^2$. The ratio is not defined when $v_1 + v_2 = 0$, and if $v_1 + v_2 = 0$ then "
                 "$v_1 = -v_2$, while $(v_1 + v_2)^2 = v_1^2 + 2 v_1 v_2 + v_2^2$.\n")
    assert not [v for v in r.values() if v.latex.replace(" ", "") == "v_1+v_2=0"]
    (governed,) = [v for v in r.values() if v.latex.replace(" ", "") == "v_1=-v_2"]
    assert governed.verdict is Verdict.UNKNOWN


def test_a_claim_at_a_point_that_is_no_whole_number_is_checked_at_that_point():
    r = _checked("Here $f(p) = p (1 - p)$. Its derivative vanishes at $p = \\frac{1}{2}$, where $f(p) = \\frac{1}{4}$.\n")
    (at,) = [v for v in r.values() if v.latex.endswith("\\frac{1}{4}")]
    assert at.verdict is Verdict.PROVED and any("condition $p = " in reading.text for reading in at.readings)
    # (the value said after "where" never replaces the definition before it)
    r = _checked("Here $f(p) = p (1 - p)$. At $p = \\frac{1}{2}$, where $f(p) = \\frac{1}{3}$, it is largest.\n")
    assert [v.verdict for v in r.values()] == [Verdict.UNKNOWN, Verdict.REFUTED]


def test_for_instance_introduces_a_claim_not_a_supposition():
    r = _checked("$$\nL_0(t) = (1 - t)(1 + t)\n$$\n\nIt is one at its own node; for instance $L_0(t) = 1 - t^2$, "
                 "and not $L_0(t) = 1 + t^2$.\n")
    claims = {v.latex: v.verdict for v in r.values()}
    assert claims["L_0(t) = 1 - t^2"] is Verdict.PROVED
    assert claims["L_0(t) = 1 + t^2"] is Verdict.REFUTED


def test_a_derivative_joined_to_a_definition_is_reported():
    r = _checked("The quotient rule in disguise: with $v = 1/x$, $v' = -1/x^2$ and so on.\n")
    assert any(v.latex == "v' = -1/x^2" for v in r.values())


def test_a_name_given_a_value_for_example_is_supposed():
    r = _checked("Take three classes. For example $y = (0, 1, 0)$, and then $\\sum_k y_k = 1$.\n")
    assert not any(v.latex == "y = (0, 1, 0)" for v in r.values())  # supposed, not claimed
    (sums,) = r.values()
    # (checked at the example's numbers, which the reading names)
    assert sums.verdict is Verdict.PROVED and any("y = (0, 1, 0)" in g.text for g in sums.readings)


def test_a_star_on_a_name_marks_a_name_of_its_own():
    r = _checked("Let $\\theta^\\star = \\frac{a}{b}$ with $b \\neq 0$. Then\n\n"
                 "$$b \\theta^\\star - a = 0, \\qquad (\\theta^*)^2 = \\frac{a^2}{b^2}, \\qquad b\\theta^{\\ast} = 2a$$\n\n"
                 "At a test point, $k_* = e^{-x_*^2}$ and $\\log k_* = -x_*^2$, but $\\log k_* = -x^2$.\n")
    claims = {v.latex: v for v in r.values()}
    assert claims["b \\theta^\\star - a = 0"].verdict is Verdict.PROVED
    assert claims["(\\theta^*)^2 = \\frac{a^2}{b^2}"].verdict is Verdict.PROVED
    assert claims["b\\theta^{\\ast} = 2a"].verdict is Verdict.REFUTED
    assert any(g.text == "$\\theta^*$ as the document defines it" for g in claims["b\\theta^{\\ast} = 2a"].readings)
    assert claims["\\log k_* = -x_*^2"].verdict is Verdict.PROVED
    assert claims["\\log k_* = -x^2"].verdict is not Verdict.PROVED  # x is not x_*


@pytest.mark.parametrize("latex", ["(x + 1)^* = 2", "\\sum_* x = 1", "\\hat{x}^* = 1", "2^* = 2"])
def test_a_star_on_anything_but_a_name_is_refused(latex):
    (v,) = _checked(f"$${latex}$$\n").values()
    assert v.verdict is Verdict.UNKNOWN and "a star is read only on a name" in v.detail


def test_nabla_of_a_function_of_one_number_is_its_derivative_at_the_name_written():
    r = _checked("Let $J(w) = (w - 3)^2 + w^3$. Then $\\nabla J(w) = 2(w - 3) + 3w^2$, not $\\nabla J(w) = 2(w - 3)$.\n"
                 "At a point, $\\nabla J(2) = 10$ is not read.\n")
    claims = {v.latex: v for v in r.values()}
    assert claims["\\nabla J(w) = 2(w - 3) + 3w^2"].verdict is Verdict.PROVED
    assert claims["\\nabla J(w) = 2(w - 3)"].verdict is Verdict.REFUTED
    assert claims["\\nabla J(2) = 10"].verdict is Verdict.UNKNOWN


def test_a_family_of_vectors_is_read_as_the_rows_of_a_matrix_of_its_own():
    r = _checked("Examples $\\mathbf{x}_i \\in \\mathbb{R}^d$ with labels $y_i$, $i = 1, \\dots, N$, and weights "
                 "$\\mathbf{w} \\in \\mathbb{R}^d$. Let\n\n"
                 "$$J(\\mathbf{w}) = \\sum_{i=1}^{N} (y_i - \\mathbf{w}^\\top \\mathbf{x}_i)^2 .$$\n\n"
                 "$$\\nabla J(\\mathbf{w}) = -2 \\sum_{i=1}^{N} (y_i - \\mathbf{w}^\\top \\mathbf{x}_i) \\mathbf{x}_i$$\n\n"
                 "$$\\nabla J(\\mathbf{w}) = -\\sum_{i=1}^{N} (y_i - \\mathbf{w}^\\top \\mathbf{x}_i) \\mathbf{x}_i$$\n\n"
                 "Keys $k_1, \\dots, k_n \\in \\mathbb{R}^{m}$ and a query $q \\in \\mathbb{R}^m$ give\n\n"
                 "$$\\sum_{n=1}^{N} q^\\top k_n = q^\\top \\sum_{n=1}^{N} k_n, \\qquad \\sum_{n=1}^{N} q^\\top k_n = "
                 "\\sum_{n=1}^{N} k_n^\\top k_n$$\n")
    verdicts = [v.verdict for v in r.values()]
    assert verdicts == [Verdict.UNKNOWN, Verdict.PROVED, Verdict.REFUTED, Verdict.PROVED, Verdict.REFUTED]
    (proved, *_) = [v for v in r.values() if v.verdict is Verdict.PROVED]
    assert any("family of vectors" in g.text for g in proved.readings)
    # (no x read as a vector from its use; the labels y are the default's vector of length N, a reading shown)
    assert not any("read as a vector of length" in g.text for v in r.values() for g in v.readings if g.kind != "default")


def test_a_length_typed_from_use_is_the_length_of_the_family_it_meets():
    # (x, typed a vector from its use, meets the declared mu_k in a difference: x has their length d)
    r = _checked("Centroids $\\boldsymbol{\\mu}_1, \\dots, \\boldsymbol{\\mu}_K \\in \\mathbb{R}^d$. Expanding, "
                 "$\\|\\mathbf{x} - \\boldsymbol{\\mu}_k\\|^2 = \\|\\mathbf{x}\\|^2 - 2 \\mathbf{x}^\\top \\boldsymbol{\\mu}_k "
                 "+ \\|\\boldsymbol{\\mu}_k\\|^2$, not $\\|\\mathbf{x} - \\boldsymbol{\\mu}_k\\|^2 = \\|\\mathbf{x}\\|^2 "
                 "+ \\|\\boldsymbol{\\mu}_k\\|^2$.\n")
    verdicts = [v.verdict for v in r.values()]
    assert verdicts == [Verdict.PROVED, Verdict.REFUTED], r
    assert any("length $d$" in x.text for v in r.values() for x in v.readings), r


def test_a_claim_writing_two_entries_of_a_vector_of_any_length_is_not_refuted_at_a_longer_one_only():
    r = _checked("For distinct reals $a_1, \\dots, a_n$ let $g(x) = \\prod_{i=1}^{n} (x - a_i)$. For two factors "
                 "$g'(x) = 2x - a_1 - a_2$, not $g'(x) = 2x + a_1 + a_2$.\n")
    claims = {v.latex: v for v in r.values()}
    true, false = claims["g'(x) = 2x - a_1 - a_2"], claims["g'(x) = 2x + a_1 + a_2"]
    assert true.verdict is Verdict.UNKNOWN and "the size its entries suggest" in true.detail
    assert false.verdict is Verdict.REFUTED and "n = 2" in false.detail.replace("N = 2", "n = 2")


def test_a_function_of_a_random_variable_defined_by_its_law_is_not_read():
    r = _checked("Let $X \\sim \\mathcal{N}(\\mu, \\sigma^2)$ and $Y \\sim \\mathcal{N}(\\nu, \\tau^2)$ be independent. "
                 "The entropy is\n\n$$h(X) = \\tfrac12 \\ln(2\\pi e \\sigma^2)$$\n\nand $h(X + Y) = h(X) + h(Y)$.\n")
    (claim,) = [v for v in r.values() if v.latex == "h(X + Y) = h(X) + h(Y)"]
    assert claim.verdict is Verdict.UNKNOWN and "random variable" in claim.detail


def test_a_derivative_free_of_its_variable_only_through_an_undefined_name_is_not_zero():
    r = _checked("Fix a scale $\\sigma > 0$ and write $z = (x - \\mu)/\\sigma$. Then $\\frac{\\partial \\log p}{\\partial \\mu} = \\frac{z}{\\sigma}$ and "
                 "$\\frac{\\partial \\log p}{\\partial x} = \\frac{\\partial \\log p}{\\partial \\mu}$, while "
                 "$\\frac{\\partial}{\\partial \\mu} (a z) = -\\frac{a}{\\sigma}$.\n")
    claims = {v.latex: v for v in r.values()}
    for latex in ("\\frac{\\partial \\log p}{\\partial \\mu} = \\frac{z}{\\sigma}",
                  "\\frac{\\partial \\log p}{\\partial x} = \\frac{\\partial \\log p}{\\partial \\mu}"):
        assert claims[latex].verdict is Verdict.UNKNOWN and "not read as 0" in claims[latex].detail
    assert claims["\\frac{\\partial}{\\partial \\mu} (a z) = -\\frac{a}{\\sigma}"].verdict is Verdict.PROVED


def test_a_log_density_written_as_log_p_of_x_defines_p():
    r = _checked("Fix $\\nu > 0$ and a scale $\\sigma > 0$, and write $z = (x - \\mu)/\\sigma$. The log-density is\n\n"
                 "$$\\log p(x) = c - \\log\\sigma - \\frac{\\nu + 1}{2} \\log\\Big(1 + \\frac{z^2}{\\nu}\\Big) .$$\n\n"
                 "$$\\frac{\\partial}{\\partial \\mu} \\log p(x) = \\frac{\\nu + 1}{\\sigma} \\, \\frac{z}{\\nu + z^2}$$\n\n"
                 "$$\\frac{\\partial}{\\partial \\mu} \\log p(x) = \\frac{(\\nu + 1) z}{\\nu + z^2}$$\n")
    verdicts = [v.verdict for v in r.values()]
    assert verdicts == [Verdict.UNKNOWN, Verdict.UNKNOWN, Verdict.PROVED, Verdict.REFUTED]
    assert "the definition of p" in list(r.values())[1].detail


def test_a_name_in_a_message_is_written_as_the_document_writes_it():
    found = _verdicts("$$\nx_\\ast + 1 = 2\n$$\n")
    assert [v for _, v, _ in found] == [Verdict.UNKNOWN]
    assert "x_*" in found[0][2] and "starsub" not in found[0][2]


def test_a_heading_that_gives_values_checks_its_section_at_them():
    text = ("Let $X \\sim \\mathrm{Bin}(n, p)$ with $p \\in (0, 1)$.\n\n$$\n\\mathbb{E}[X] = n p\n$$\n\n"
            "## Check with $n = 4$, $p = \\frac{1}{2}$\n\nHere $\\mathbb{E}[X] = 2$ and $\\mathbb{E}[X] = 3$.\n\n"
            "## Another part\n\nHere $\\mathbb{E}[X] = 2$.\n")
    found = _verdicts(text)
    assert [v for line, v, _ in found if line == 9] == [Verdict.PROVED, Verdict.REFUTED]
    # (the values hold in their section only: under the next heading, E[X] = 2 is no identity)
    assert [v for line, v, _ in found if line == 13] != [Verdict.PROVED]


def test_a_fraction_a_condition_gives_is_the_value_checked():
    found = _verdicts("Let $p \\in (0, 1)$.\n\nWith $p = 0.5$, we have $p^2 = 0.25$ and $p^3 = 0.25$.\n")
    assert [v for _, v, _ in found] == [Verdict.PROVED, Verdict.REFUTED]


def test_a_value_by_cases_in_words_is_never_a_free_vector():
    found = _verdicts("Let $I_i = 1$ if trial $i$ succeeds and $I_i = 0$ otherwise.\n\n$$\nI_i^2 = I_i\n$$\n")
    assert [v for _, v, _ in found] == [Verdict.UNKNOWN]
    assert "by cases in words" in found[0][2]


def test_a_limit_binds_its_variable_inside_a_definition_too():
    text = ("Let $s_\\beta(x) = \\frac{1}{\\beta} \\log(1 + e^{\\beta x})$ for $\\beta > 0$.\n\n"
            "$$\n\\lim_{\\beta \\to 0^+} \\Big( s_\\beta(x) - \\frac{\\log 2}{\\beta} \\Big) = \\frac{x}{2}\n$$\n\n"
            "$$\n\\lim_{\\beta \\to 0^+} \\Big( s_\\beta(x) - \\frac{\\log 2}{\\beta} \\Big) = x\n$$\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found][-2:] == [Verdict.PROVED, Verdict.REFUTED]
    assert "\\beta = " not in found[-1][2] and "β = " not in found[-1][2]  # (never a value of the bound variable)


def test_a_vector_said_to_be_fixed_stays_a_vector():
    text = ("Take $\\mathbf{u}, \\mathbf{v} \\in \\mathbb{R}^n$; since $\\mathbf{v}$ is fixed, only u varies.\n\n"
            "$$\n\\nabla_{\\mathbf{u}} (\\mathbf{u}^\\top \\mathbf{v}) = \\mathbf{v}\n$$\n")
    assert [v for _, v, _ in _verdicts(text)] == [Verdict.PROVED]


def test_a_definition_of_the_constant_c_holds_past_a_heading():
    text = ("Let $\\mathbf{u}, \\mathbf{v} \\in \\mathbb{R}^n$ and $c = \\mathbf{u}^\\top \\mathbf{v}$.\n\n## Next\n\n"
            "$$\nc - \\sum_{i=1}^{n} u_i v_i = 0\n$$\n")
    assert [v for line, v, _ in _verdicts(text) if line == 6] == [Verdict.PROVED]


def test_names_given_one_value_together_are_values_not_a_claim():
    found = _verdicts("Take $a = b = 2$. Then $a + b = 4$ and $a b = 5$.\n")
    assert [v for _, v, _ in found] == [Verdict.UNKNOWN, Verdict.UNKNOWN, Verdict.PROVED, Verdict.REFUTED]
    assert all("definition of" in d for _, v, d in found[:2])


def test_a_value_drawn_with_then_is_a_claim():
    found = _verdicts("Let $w = 3$ and $z = 2 w$. Then $z = 6$, $z = 5$.\n")
    assert [v for _, v, _ in found][-2:] == [Verdict.PROVED, Verdict.REFUTED]


def test_bars_in_a_fraction_pair_up_inside_it():
    text = ("Let $\\mathbf{u}, \\mathbf{v} \\in \\mathbb{R}^n$.\n\n$$\n"
            "\\frac{\\|\\mathbf{u}\\| \\mathbf{v} - \\frac{\\mathbf{u}}{\\|\\mathbf{u}\\|}}{\\|\\mathbf{u}\\|} = "
            "\\mathbf{v} - \\frac{\\mathbf{u}}{\\|\\mathbf{u}\\|^2}\n$$\n")
    assert [v for _, v, _ in _verdicts(text)] == [Verdict.PROVED]


def test_an_entry_formula_in_the_prose_of_a_name_written_before_is_not_refuted():
    text = ("Take $a < b$ and $h = b - a$. On $[0, 1]$ with $f(x) = x^2$: $\\int_0^1 x^2 \\, dx = \\frac{1}{3}$.\n\n"
            "With $n$ panels of width $\\delta = \\frac{h}{n}$ and nodes $x_j = a + j \\delta$, the rule reads as follows.\n")
    found = _verdicts(text)
    assert found[-1][1] is Verdict.UNKNOWN and "defines the entries of x" in found[-1][2]


def test_an_example_that_fixes_a_size_leaves_its_arithmetic_checked():
    text = ("Let $a \\in \\mathbb{R}^K$ and $Z(\\nu) = \\sum_{k=1}^{K} e^{\\nu a_k}$.\n\n"
            "*Example.* $K = 3$, $a = (0, 1, 2)$: $Z(\\log 2) = 1 + 2 + 4 = 7$ and $Z(\\log 2) = 1 + 2 + 3 = 5$.\n")
    found = _verdicts(text)
    # (the example's numbers, a = (0, 1, 2) at K = 3, decide the claims that give numbers)
    assert [v for line, v, _ in found if line == 3] == [Verdict.UNKNOWN, Verdict.PROVED, Verdict.PROVED,
                                                        Verdict.REFUTED, Verdict.REFUTED]


def test_a_worked_example_checks_the_claims_that_give_numbers_at_its_values():
    text = ("The neuron computes $z = w x + b$, $a = \\tanh(z)$ and the loss is $L = \\frac{1}{2} (a - y)^2$.\n\n"
            "**Example.** Take $w = 0$, $b = 0$, $x = 2$ and $y = 1$. Then $z = 0$, $a = 0$ and $L = \\frac{1}{2}$.\n"
            "So $\\frac{\\partial L}{\\partial w} = -2$; a common slip gives $\\frac{\\partial L}{\\partial w} = 2$, and "
            "$L = 1$ is also wrong.\n")
    found = [(v, d) for line, v, d in _verdicts(text) if line > 1]
    assert [v for v, _ in found] == [Verdict.PROVED] * 4 + [Verdict.REFUTED] * 2
    # (the values are named in the readings, not taken for any w)
    assert all(not d.startswith("refuted as read") for _, d in found)


def test_an_example_value_never_proves_a_claim_that_gives_no_number():
    # sigma(-x) = sigma(x) holds at x = 0 only: said beside an example at x = 0 it is not proved
    text = ("Let $\\sigma(x) = \\frac{1}{1 + e^{-x}}$.\n\n"
            "Take $x = 0$. Then $\\sigma(x) = \\frac{1}{2}$, and $\\sigma(-x) = \\sigma(x)$.\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found][-2:][0] is Verdict.PROVED
    assert found[-1][1] is not Verdict.PROVED


def test_computes_defines_a_name_no_other_chain_defines():
    text = ("The layer computes $z = w x + b$.\n\n$$\n\\frac{\\partial z}{\\partial w} = x\n$$\n")
    assert [v for _, v, _ in _verdicts(text)][-1] is Verdict.PROVED


def test_a_written_out_matrix_takes_part_in_a_formula():
    text = ("Let $A \\in \\mathbb{R}^{n \\times n}$.\n\nTake\n$$\nA = \\begin{pmatrix} 2 & 1 \\\\ 1 & 1 \\end{pmatrix} .\n$$\n"
            "Then\n$$\nA^{-1} = \\frac{1}{1} \\begin{pmatrix} 1 & -1 \\\\ -1 & 2 \\end{pmatrix}, \\qquad "
            "2 A = \\begin{pmatrix} 4 & 2 \\\\ 2 & 2 \\end{pmatrix} - \\begin{pmatrix} 0 & 0 \\\\ 0 & 1 \\end{pmatrix} .\n$$\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found][-2:] == [Verdict.PROVED, Verdict.REFUTED]
    # (the rows of a matrix written out stay in the link as shown; only an aligned display's row breaks go)
    d = read_document(text, "doc.md", default_notation())
    assert "4 & 2 \\\\ 2 & 2" in d.steps[-1].latex


def test_a_declared_vector_stays_one_where_it_is_only_added_and_scaled():
    # (x in R^n, n the default size's other name, in a document with no sum and no index)
    text = "Let $\\mathbf{x} \\in \\mathbb{R}^n$ and $\\mathbf{z} = 3 \\mathbf{x}$.\n\n$$\n\\mathbf{z} = (2, 4)\n$$\n"
    found = _verdicts(text)
    assert found[-1][1] is Verdict.UNKNOWN and "a general claim, or an example" in found[-1][2]
    d = read_document(text, "doc.md", default_notation())
    assert not any("real number" in r.text for s in d.steps for r in s.readings)


def test_a_worked_example_gives_a_vector_its_numbers_and_its_size():
    text = ("For $\\mathbf{x} \\in \\mathbb{R}^n$ let $\\mu = \\frac{1}{n} \\sum_{i=1}^{n} x_i$ and "
            "$v = \\frac{1}{n} \\sum_{i=1}^{n} (x_i - \\mu)^2$.\n\n"
            "**A tiny check.** Take $n = 2$ and $\\mathbf{x} = (1, 3)$. Then $\\mu = 2$, $v = 1$, and $\\mu = 3$ is wrong.\n\n"
            "In general $\\mu = 2$.\n")
    found = _verdicts(text)
    assert [v for line, v, _ in found if line == 3] == [Verdict.UNKNOWN, Verdict.PROVED, Verdict.PROVED, Verdict.REFUTED]
    assert "numbers of x in an example" in [d for line, _, d in found if line == 3][0]
    # (past the paragraph the example holds no longer: mu is any mean)
    assert [v for line, v, _ in found if line == 5] != [Verdict.PROVED]


def test_a_divergence_with_a_double_bar_and_a_name_for_two_arities():
    text = ("Let $0 < p < 1$ and $0 < q < 1$. The KL divergence is\n$$\nD(p \\,\\|\\, q) = p \\log \\frac{p}{q} + "
            "(1 - p) \\log \\frac{1 - p}{1 - q} .\n$$\n"
            "**(a)** With the entropy $H(p) = -p \\log p - (1 - p) \\log(1 - p)$ and the cross-entropy "
            "$H(p, q) = -p \\log q - (1 - p) \\log(1 - q)$, we have $D(p \\,\\|\\, q) = H(p, q) - H(p)$, and "
            "$H(p, p) = H(p)$, not $H(p, p) = 0$.\n\n"
            "**(b)** $\\frac{\\partial D}{\\partial q} = \\frac{q - p}{q (1 - q)}$.\n")
    found = _verdicts(text)
    claims = [v for line, v, d in found if "definition of" not in d]
    # (H(p, p) = 0 in the prose, a formula in p said to be a number: only a proof stands)
    assert claims == [Verdict.PROVED, Verdict.PROVED, Verdict.UNKNOWN, Verdict.PROVED]
    d = read_document(text, "doc.md", default_notation())
    assert any("\\|" in s.latex for s in d.steps)  # (shown as written)


def test_a_derivative_at_a_kink_is_claimed_nowhere():
    text = ("Write $\\operatorname{ReLU}(x) = \\max(0, x)$. Frameworks use $\\operatorname{ReLU}'(0) = 0$; others "
            "$\\operatorname{ReLU}'(0) = 1$. Away from it, $\\operatorname{ReLU}'(2) = 1$.\n")
    found = [v for _, v, d in _verdicts(text)][-3:]
    assert found == [Verdict.UNKNOWN, Verdict.UNKNOWN, Verdict.PROVED]


def test_a_formula_said_to_be_a_number_at_no_stated_point_is_never_refuted():
    text = "Let $x > -1$. The error is below the bound $\\frac{x^4}{4} = 2.5 \\times 10^{-5}$.\n"
    assert [v for _, v, _ in _verdicts(text)] == [Verdict.UNKNOWN]


def test_numbers_the_words_give_an_entry_keep_an_example_claim_from_being_refuted():
    text = ("Let $\\mathbf{m} \\in \\{0, 1\\}^n$ and $\\tilde{h}_i = m_i h_i$.\n\n"
            "With $q = 0.8$ and an activation $h_i = 2$: $\\tilde{h}_i \\cdot q = 0.8 \\cdot 2$.\n")
    assert all(v is not Verdict.REFUTED for _, v, _ in _verdicts(text))


def test_a_written_out_example_beside_a_matrix_of_any_size_is_no_misfit():
    text = ("Let $A \\in \\mathbb{R}^{m \\times n}$, $X \\in \\mathbb{R}^{n \\times p}$ and $B \\in \\mathbb{R}^{m \\times p}$.\n\n"
            "**Check.** Take\n$$\nA = \\begin{pmatrix} 1 & 2 \\\\ 0 & 1 \\end{pmatrix} , \\qquad X = I .\n$$\n"
            "Then $A X = \\begin{pmatrix} 1 & 2 \\\\ 0 & 1 \\end{pmatrix}$.\n")
    assert all(v is not Verdict.REFUTED for _, v, _ in _verdicts(text))


def test_the_letters_a_definition_binds_are_its_own_not_the_numbers_given_them_before():
    """f(a) = a^2 + 1 after "let a = 3": f is a function of its own a (f(1) = 2), and f(a) outside is f(3) = 10."""
    text = ("Let $a = 3$ be fixed.\n\nDefine $f(a) = a^2 + 1$ for every real $a$. Then $f(2) = 5$, $f(1) = 3$ and "
            "$f(a) = 10$.\n\nWith $g(a, b) = a b^2$ we get $g(2, 1) = 2$ and $g(1, 2) = 2$.\n")
    found = [(line, v) for line, v, d in _verdicts(text) if "definition of" not in d]
    assert found == [(3, Verdict.PROVED), (3, Verdict.REFUTED), (3, Verdict.PROVED), (5, Verdict.PROVED),
                     (5, Verdict.REFUTED)]


def test_a_function_defined_anew_after_a_run_in_heading_is_a_new_definition():
    """T_2(h, k) = -3hk, then under \\paragraph{Second example.} T_2(x, y) = 1 + x: a new topic's own T_2, not a claim
    refuted against the first."""
    text = ("\\section{Taylor}\nLet $h = x - 1$ and $k = y - 1$. The quadratic part is $T_2(h, k) = -3 h k$, and "
            "$T_2(1, 1) = -3$.\n\n\\paragraph{Second example.} For $g(x, y) = e^x \\cos y$,\n\\begin{equation}\n"
            "T_2(x, y) = 1 + x + \\tfrac{1}{2} (x^2 - y^2)\n\\end{equation}\nso $T_2(0, 1) = \\frac{1}{2}$ and not "
            "$T_2(0, 1) = -3$.\n")
    d = read_document(text, "doc.tex", default_notation(), markdown=False)
    found = [(c.line, verify_check(c, SETTINGS).verdict) for c in checks_of(d) if c.part != "ends"]
    assert (6, Verdict.REFUTED) not in found
    assert found[-2:] == [(8, Verdict.PROVED), (8, Verdict.REFUTED)], found


def test_a_link_of_numbers_alone_is_refuted_whatever_the_chain_supposes():
    """x^4/4 = 1/4 = 0.3: the first link holds at some x the words give (only a proof would stand), the second is
    numbers alone, false whatever x is."""
    found = [v for _, v, _ in _verdicts("At the point we need, the bound is $\\frac{x^4}{4} = \\frac{1}{4} = 0.3$, "
                                        "and $\\frac{x^4}{4} = \\frac{1}{4} = 0.25$.\n")]
    assert found == [Verdict.UNKNOWN, Verdict.REFUTED, Verdict.UNKNOWN, Verdict.PROVED]


def test_a_list_ending_a_product_of_numbers_is_a_vector():
    found = [v for _, v, _ in _verdicts("Scaling: $\\frac{1}{2} (2, 4, 6) = (1, 2, 3)$, and not $2 (1, 2, 3) = (2, 4, 5)$; "
                                        "a point times a point, $(1, 2) (3, 4) = (3, 8)$, is not read.\n")]
    assert found == [Verdict.PROVED, Verdict.REFUTED, Verdict.UNKNOWN]


def test_the_standard_normal_cdf_and_density_named_in_words():
    """"$\\Phi$ is the standard normal CDF", "$\\varphi$ the standard normal density": those functions, shown as
    readings, with their derivatives cross-checked by the independent evaluation (through erf's)."""
    text = ("Let $\\Phi$ be the standard normal CDF and let $\\varphi$ be the standard normal density.\n\n"
            "$$\n\\Phi'(x) = \\varphi(x), \\qquad \\Phi''(x) = -x \\varphi(x), \\qquad \\Phi''(x) = x \\varphi(x), \\qquad "
            "\\Phi(0) = \\frac{1}{2}, \\qquad \\Phi(-x) = 1 - \\Phi(x)\n$$\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found] == [Verdict.PROVED, Verdict.PROVED, Verdict.REFUTED, Verdict.PROVED,
                                        Verdict.PROVED], found
    d = read_document(text, "doc.md", default_notation())
    (check, *_) = checks_of(d)
    assert any("standard normal CDF, as the document says" in r.text for r in verify_check(check, SETTINGS).readings)


def test_a_function_defined_past_a_side_that_is_not_read():
    """S(q, p) = E_{x ~ q}[log x] = q log p: the expectation is not read, so whether S is that formula (the link) is
    not checked, and a use of S decides nothing, saying why (a wrong link there gave false proofs). With the middle
    side read, D(q, p) = KL(Ber(q) || Ber(p)) = formula, the link is checked and D's uses are decided."""
    text = ("For $q, p \\in (0, 1)$,\n\n$$\nS(q, p) = \\mathbb{E}_{x \\sim q}[\\log x] = q \\log p\n$$\n\n"
            "Then $\\frac{\\partial S}{\\partial q} = \\log p$.\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found] == [Verdict.UNKNOWN, Verdict.UNKNOWN, Verdict.UNKNOWN], found
    assert "the side between is not read" in found[2][2], found
    text = ("For $q, p \\in (0, 1)$,\n\n$$\nD(q, p) = \\operatorname{KL}\\big(\\operatorname{Ber}(q) \\,\\|\\, "
            "\\operatorname{Ber}(p)\\big) = q \\log \\frac{q}{p} + (1 - q) \\log \\frac{1 - q}{1 - p} .\n$$\n\n"
            "Then $\\frac{\\partial D}{\\partial q} = \\log \\frac{q}{p} - \\log \\frac{1 - q}{1 - p}$, and not "
            "$\\frac{\\partial D}{\\partial p} = \\frac{q - p}{p (1 - p)}$.\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found] == [Verdict.UNKNOWN, Verdict.PROVED, Verdict.PROVED, Verdict.REFUTED], found


def test_a_function_is_not_defined_past_a_side_that_reads():
    """f(x) = x^2 = x^3 defines f by x^2 (the link to x^3 is a claim, refuted), never by x^3."""
    found = _verdicts("Let\n\n$$\nf(x) = x^2 = x^3\n$$\n\nso $f'(x) = 2x$.\n")
    assert [v for _, v, _ in found] == [Verdict.UNKNOWN, Verdict.REFUTED, Verdict.PROVED], found


def test_an_identity_alone_on_a_side_against_a_defined_matrix():
    """H^T H = I, H defined: I is the identity of H's size; H^2 = 2 I is refuted. Against a matrix nothing defines,
    U^T U = I is a property as likely supposed as claimed: only a proof stands."""
    text = ("For $\\mathbf{v} \\in \\mathbb{R}^n$, $\\mathbf{v} \\neq \\mathbf{0}$, let $H = I - \\dfrac{2 \\mathbf{v} "
            "\\mathbf{v}^\\top}{\\mathbf{v}^\\top \\mathbf{v}}$. Then\n\n$$\nH^\\top H = I\n$$\n\nand not $H^2 = 2 I$.\n\n"
            "Let $U \\in \\mathbb{R}^{n \\times n}$. It is orthogonal:\n\n$$\nU^\\top U = I\n$$\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found] == [Verdict.UNKNOWN, Verdict.PROVED, Verdict.REFUTED, Verdict.UNKNOWN], found
    assert "does not define" in found[3][2]


def test_weights_c_i_are_a_vector_not_the_default_constant():
    """c_i (y_i - w x_i): the weights c_1, ..., c_n, never the default scalar c applied to (y_i - w x_i); and a
    fitted value y-hat keeps no one-hot label."""
    text = ("Data $(x_i, y_i)$ for $i = 1, \\dots, n$, positive weights $c_1, \\dots, c_n$, and $\\hat{y}_i = w x_i$. "
            "The loss is\n\n$$\nL(w) = \\frac{1}{2} \\sum_{i=1}^{n} c_i (y_i - w x_i)^2 .\n$$\n\n"
            "$$\nL'(w) = \\sum_{i=1}^{n} c_i (y_i - w x_i)(-x_i)\n$$\n")
    found = _verdicts(text)
    assert found[-1][1] == Verdict.PROVED, found
    readings = _readings(text, -1)
    assert not any("one-hot" in r.text for r in readings), readings


def test_a_default_size_name_defined_as_a_function_is_that_function():
    """K(t) = log M(t) and K'(0): the cumulant generating function, never the default size K times t; M_X(t) beside
    M'(t) is a family of functions by label, no vector M."""
    text = ("Let $X \\sim \\mathrm{Poisson}(\\lambda)$ and $M(t) = e^{\\lambda (e^t - 1)}$, so $M'(t) = \\lambda e^t M(t)$.\n\n"
            "$$\nK(t) = \\log M(t) = \\lambda (e^t - 1)\n$$\n\nand $K'(0) = \\lambda$, not $K''(0) = \\lambda^2$. "
            "For a sum, $M_{X+Y}(t) = M_X(t) \\, M_Y(t)$.\n")
    found = _verdicts(text)
    verdicts = [v for _, v, _ in found]
    assert verdicts[-5:-1] == [Verdict.UNKNOWN, Verdict.PROVED, Verdict.PROVED, Verdict.REFUTED], found
    assert verdicts[-1] != Verdict.REFUTED, found


def test_a_number_given_in_passing_to_a_defined_name_is_a_claim():
    """"Then $c = 1$, and $L = 0$, and $L = 2$" in an example's paragraph, of an L = 1 - c defined before: claims
    checked at the example (the last refuted), never new values of L; "now $v = 2$" still gives v a value."""
    text = ("Take nonzero $\\mathbf{u}, \\mathbf{v} \\in \\mathbb{R}^n$ and $c = \\frac{\\mathbf{u}^\\top \\mathbf{v}}"
            "{\\|\\mathbf{u}\\| \\|\\mathbf{v}\\|}$. Let $L = 1 - c$.\n\nLet $\\mathbf{u} = (1, 0)^\\top$ and "
            "$\\mathbf{v} = (1, 1)^\\top$. Then $c = \\frac{1}{\\sqrt{2}}$, $L = 1 - \\frac{1}{\\sqrt{2}}$, and $L = 2$.\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found][-3:] == [Verdict.PROVED, Verdict.PROVED, Verdict.REFUTED], found
    kept = _verdicts("Let $v = \\sigma^2$. Now $v = 2$, and $v + 1 = 3$.\n")
    assert len(kept) == 2 and Verdict.REFUTED not in [v for _, v, _ in kept], kept  # (v = 2: a value, no claim)


def test_an_accented_bold_name_of_a_declared_vector_is_a_vector_of_its_length():
    """\\hat{\\boldsymbol\\beta} of a declared beta in R^p, whose own definition is not read: a vector of length p
    (so X \\hat{\\boldsymbol\\beta} is a vector), and the reading says so."""
    text = ("Let $X \\in \\mathbb{R}^{n \\times p}$, $\\mathbf{y} \\in \\mathbb{R}^n$ and $\\boldsymbol\\beta \\in "
            "\\mathbb{R}^p$.\n\n$$\n\\mathbf{r} = \\mathbf{y} - X \\hat{\\boldsymbol\\beta}\n$$\n\n"
            "$$\nX^\\top \\mathbf{r} = X^\\top \\mathbf{y} - X^\\top X \\hat{\\boldsymbol\\beta}\n$$\n")
    found = _verdicts(text)
    assert found[-1][1] is Verdict.PROVED, found
    readings = _readings(text, -1)
    assert any("is read as a vector of length $p$, as" in r.text for r in readings), readings


def test_a_condition_on_a_defined_name_reads_a_step_about_that_name_alone():
    """m = y w^T x, then "For $m > 1$" a step about m alone: m is any number above 1 (a proof holds of the defined
    m too; a refutation is withheld). A step that also writes what m is made of (w) stays refused: with m free,
    d/dw (1 - m) would be 0."""
    text = ("Let $w, x \\in \\mathbb{R}^d$, $y \\in \\mathbb{R}$, and the margin $m = y \\, w^\\top x$.\n\n"
            "For $m > 1$:\n\n$$\n-(1 - m) = m - 1\n$$\n\n$$\n\\frac{d}{dm} (1 - m)^2 = 3\n$$\n\n"
            "$$\n\\nabla_w (1 - m) = 0\n$$\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found][-3:] == [Verdict.PROVED, Verdict.UNKNOWN, Verdict.UNKNOWN], found
    assert "says more than derive reads" in found[-2][2] and "a condition on a defined name" in found[-1][2], found


def test_a_value_of_a_letter_every_term_binds_in_its_sum_is_no_condition_on_the_claim():
    """"Starting at $k = 1$ instead: $\\sum_{k=1}^{\\infty} r^k = \\frac{r}{1 - r}$": the k is each sum's own; a k
    written free in the claim keeps the condition."""
    found = _verdicts("For $|r| < 1$, starting at $k = 1$ removes the term 1: $\\sum_{k=1}^{\\infty} r^k = "
                      "\\frac{r}{1 - r}$, not $\\sum_{k=1}^{\\infty} r^k = \\frac{1}{1 - r}$.\n")
    assert [v for _, v, _ in found] == [Verdict.PROVED, Verdict.REFUTED], found
    kept = _verdicts("Let $x \\in \\mathbb{R}^N$. For $k = 1$, $x_k = \\sum_{k=1}^{1} x_k$.\n")
    assert [v for _, v, _ in kept] != [Verdict.REFUTED], kept


_NEURON = ("Let $x \\in \\mathbb{R}^n$ be an input, $w \\in \\mathbb{R}^n$ the weights and $b \\in \\mathbb{R}$ the bias. "
           "The neuron computes $z = w^\\top x + b$ and $a = \\sigma(z)$, where $\\sigma$ is the logistic function, "
           "and the loss is $L = \\frac{1}{2} (a - y)^2$ for a target $y \\in \\mathbb{R}$.\n\n"
           "**(a) Gradients.**\n$$\n\\frac{da}{dz} = a (1 - a) , \\qquad \\frac{\\partial L}{\\partial w} = "
           "(a - y) \\, a (1 - a) \\, x , \\qquad \\frac{\\partial L}{\\partial b} = (a - y) \\, x\n$$\n\n"
           "**(b) Numbers.** Take $n = 2$, $w = (1, -1)^\\top$, $b = -1$, $x = (2, 1)^\\top$ and $y = 1$. Then\n"
           "$$\nz = 1 \\cdot 2 + (-1) \\cdot 1 - 1 = 0 , \\qquad L = \\frac{1}{8} , \\qquad L = \\frac{1}{4}\n$$\n"
           "$$\n\\frac{\\partial L}{\\partial w} = \\begin{pmatrix} -1/4 \\\\ -1/8 \\end{pmatrix} , \\qquad "
           "\\frac{\\partial L}{\\partial b} = \\frac{1}{8}\n$$\n")


def test_a_number_worked_out_for_a_defined_name_in_an_example_is_a_claim_at_the_example():
    """z = w^T x + b "computes" in the prose, then an example's display works out z = 1 * 2 - 1 - 1 = 0: z keeps its
    formula (the backprop through it is proved), and the example's numbers are claims checked at the example's
    values (b = -1 and y = 1 of its sentence, the vectors, and n = 2 for the written-out gradient)."""
    found = _verdicts(_NEURON)
    P, R, U = Verdict.PROVED, Verdict.REFUTED, Verdict.UNKNOWN
    # (a) da/dz, dL/dw proved through z's formula, dL/db with an x refuted; (b) the vectors are the example's data,
    # z's two links and L = 1/8 proved, L = 1/4 refuted; the gradient at n = 2 proved, dL/db = 1/8 refuted
    assert [v for _, v, _ in found][3:] == [P, P, R, U, U, P, P, P, R, P, R], found
    assert "(N = 2)" in found[8][2], found
    # a name that was a number is given a new one under the next heading: a new value, never a claim against the old
    again = _verdicts("**(a)** Take $$\\eta = 0.1$$ and $$\\eta^2 = 0.01 .$$\n\n**(b)** Now\n$$\n\\eta = 0.2\n$$\n"
                      "$$\n2 \\eta = 0.4\n$$\n")
    assert Verdict.REFUTED not in [v for _, v, _ in again], again


def test_a_one_hot_vector_an_example_gives_by_its_numbers_is_those_numbers():
    """y one-hot, then "the one-hot label $y = (0, 0, 1)^\\top$" in an example: the loss is checked at that y (no
    one-hot y at any other class, which would contradict the proof numerically)."""
    text = ("Let $z \\in \\mathbb{R}^K$ be a vector of logits and $p = \\operatorname{softmax}(z)$. The label "
            "$y \\in \\mathbb{R}^K$ is one-hot, and the loss is $L = -\\sum_{k=1}^{K} y_k \\log p_k$.\n\n"
            "## A small example\nTake $K = 3$, $z = (0, \\log 2, \\log 3)^\\top$ and the label $y = (0, 0, 1)^\\top$. "
            "Then $L = -\\log \\frac{1}{2} = \\log 2$, not $L = \\log 3$.\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found][-3:] == [Verdict.PROVED, Verdict.PROVED, Verdict.REFUTED], found


def test_the_gradient_and_hessian_of_a_function_of_several_numbers_at_a_point():
    """f(x, y) = x^2 + 4y^2: \\nabla f(2, 1) is the vector of its partials in the order of its arguments at the point,
    \\nabla^2 f(2, 1) the matrix of its second partials; the reading says so."""
    text = ("Let $f(x, y) = x^2 + 4y^2 + x y$.\n\n$$\n\\nabla f(2, 1) = (5, 10)\n$$\n\n$$\n\\nabla f(2, 1) = (4, 8)\n$$\n\n"
            "$$\n\\nabla f(0, 1)^\\top \\nabla f(0, 1) = 65\n$$\n\n"
            "$$\n\\nabla^2 f(2, 1) = \\begin{pmatrix} 2 & 1 \\\\ 1 & 8 \\end{pmatrix}\n$$\n\n"
            "$$\n\\det \\nabla^2 f(0, 0) = 16\n$$\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found][1:] == [Verdict.PROVED, Verdict.REFUTED, Verdict.PROVED, Verdict.PROVED,
                                            Verdict.REFUTED], found
    readings = _readings(text, 1)
    assert any("vector of its partial derivatives in the order of its arguments" in r.text for r in readings), readings


def test_a_number_defined_at_its_own_matrices_and_its_gradient_in_a_matrix():
    """L(W) = ||XW - Y||_F^2 of a declared W: L (alone or at W) is that number, differentiated entry by entry and by
    \\nabla_W (of W's shape, a convention the verdict names); R = XW - Y of an R the prose never declares is that
    matrix where its entries are written; L at another argument is refused."""
    text = ("Let $X \\in \\mathbb{R}^{n \\times d}$, $W \\in \\mathbb{R}^{d \\times m}$ and $Y \\in \\mathbb{R}^{n \\times m}$, "
            "and\n$$\nL(W) = \\lVert XW - Y \\rVert_F^2 , \\qquad R = XW - Y .\n$$\n\n"
            "$$\n\\frac{\\partial L}{\\partial W_{kj}} = 2 \\sum_{i=1}^{n} X_{ik} R_{ij}\n$$\n\n"
            "$$\nL(W) = \\operatorname{tr}(R^\\top R)\n$$\n\n$$\n\\nabla_W L = 2 X^\\top (XW - Y)\n$$\n\n"
            "$$\n\\nabla_W L = 2 (XW - Y) X^\\top\n$$\n\n$$\nL(2 W) = 4 L(W)\n$$\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found][2:] == [Verdict.PROVED, Verdict.PROVED, Verdict.PROVED, Verdict.REFUTED,
                                            Verdict.UNKNOWN], found
    assert "at other arguments is not read" in found[-1][2], found
    d = read_document(text, "doc.md", default_notation())
    result = verify_check(checks_of(d)[4], SETTINGS)
    assert any("has the matrix's shape" in c for c in result.conventions), result


def test_a_name_only_described_in_words_keeps_an_unread_formula_from_being_refuted():
    """"$P$ is the row-wise softmax" says something of P that is not read; a display giving P_ik a formula derive
    does not read as P's definition leaves P unknown: a claim with P on one side only is never refuted."""
    text = ("Let $X \\in \\mathbb{R}^{B \\times d}$ and $W \\in \\mathbb{R}^{d \\times K}$. The logits are $Z = X W$, "
            "and $P$ is the row-wise softmax,\n$$\nP_{ik} = \\frac{e^{Z_{ik}}}{\\sum_{c=1}^{K} e^{Z_{ic}}} .\n$$\n"
            "Using $\\log P_{ik} = Z_{ik} - \\log \\sum_{c=1}^{K} e^{Z_{ic}}$, we continue.\n")
    found = _verdicts(text)
    assert Verdict.REFUTED not in [v for _, v, _ in found], found


def test_a_defined_name_given_a_formula_in_other_names_is_a_tie_the_words_make():
    """f defined in a and b, then "moving a to 1 + t makes $f = (1 + t)^2 + 1$": a formula in t alone, which the
    words tie to a; a refutation for every a, b, t is withheld, naming what f depends on."""
    found = _verdicts("Let $a, b \\in \\mathbb{R}$, a step $t > 0$ and $f = a^2 + b^2$.\n\nMoving $a$ to $1 + t$ with $b$ "
                      "kept at $1$ makes\n$$\nf = (1 + t)^2 + 1\n$$\n")
    assert found[-1][1] is Verdict.UNKNOWN and "given as a formula in t" in found[-1][2], found


def test_numbered_pi_is_a_name_of_its_own():
    """\\pi_1, \\pi_0 (class priors) are numbers of their own, never the constant pi with a subscript."""
    found = _verdicts("$$\n\\log \\frac{\\pi_1}{\\pi_0} = \\log \\pi_1 - \\log \\pi_0\n$$\n\n$$\n\\pi_1 \\pi = \\pi \\pi_1\n$$\n")
    assert [v for _, v, _ in found] == [Verdict.PROVED, Verdict.PROVED], found


def test_a_run_in_heading_line_belongs_to_the_part_it_opens():
    """"**(b) ...** Entry by entry $z_k = ...$" on the heading's own line is part (b)'s: it never takes z's definition
    away from part (a), whose claim uses z beside a p defined from it (that was refuted: p from z = W x, z free)."""
    text = ("Let $\\mathbf{x} \\in \\mathbb{R}^d$ and $W \\in \\mathbb{R}^{K \\times d}$. The logits are $\\mathbf{z} = W "
            "\\mathbf{x}$, and for each class $k$\n$$\np_k = \\frac{e^{z_k}}{\\sum_{j=1}^{K} e^{z_j}} .\n$$\n"
            "The correct class is $c$.\n\n**(a) Logits.** Taking the log, $\\log p_c = z_c - \\log \\sum_{j=1}^{K} e^{z_j}$, "
            "and\n$$\n\\frac{\\partial (-\\log p_c)}{\\partial z_k} = p_k - [k = c]\n$$\n\n"
            "**(b) Weights.** Entry by entry $z_k = \\sum_{j=1}^{d} W_{kj} x_j$, so $\\frac{\\partial z_k}{\\partial W_{kj}} = x_j$.\n")
    found = _verdicts(text)
    assert Verdict.REFUTED not in [v for _, v, _ in found], found
    line = next(v for n, v, d in found if n == 7)
    assert line is Verdict.PROVED, found


def test_a_one_hot_label_of_a_numbered_length_is_one_hot_over_its_own_entries():
    """"$y \\in \\mathbb{R}^3$ is one-hot" (also "let ... be one-hot", "encoded one-hot as $y \\in \\{0, 1\\}^3$" under
    headings): y is one-hot at a class among its 3 entries (it had been y any vector, and the class ran past 3), and
    the reading says so; "the one-hot label $y = (0, 0, 1)$" of an example declares nothing."""
    for said in ("$y \\in \\mathbb{R}^3$ is one-hot", "let $y \\in \\mathbb{R}^3$ be one-hot"):
        text = (f"Let $p \\in \\mathbb{{R}}^3$ with $\\sum_{{k=1}}^{{3}} p_k = 1$, and {said}.\n\n"
                "$$\n\\sum_{k=1}^{3} y_k = 1\n$$\n\n$$\n-y_j + \\sum_{k=1}^{3} y_k p_j = p_j - y_j\n$$\n")
        found = _verdicts(text)
        assert [v for _, v, _ in found] == [Verdict.PROVED, Verdict.PROVED], (said, found)
        d = read_document(text, "doc.md", default_notation())
        readings = verify_check(_claims(d)[0], SETTINGS).readings
        assert any("is one-hot at class" in r.text for r in readings), readings
    text = ("# Problem\n\n**Setup.** Let $x \\in \\mathbb{R}^d$ and $b \\in \\mathbb{R}^3$. The label is encoded one-hot as "
            "$y \\in \\{0, 1\\}^3$.\n\n**(a)** Then\n$$\n\\sum_{k=1}^{3} y_k = 1\n$$\n")
    assert [v for _, v, _ in _verdicts(text)] == [Verdict.PROVED]
    example = _verdicts("Let $y \\in \\mathbb{R}^3$. Take the one-hot label $y = (0, 0, 1)^\\top$.\n\n"
                        "$$\n\\sum_{k=1}^{3} y_k = 1\n$$\n")
    assert example[-1][1] is not Verdict.PROVED, example


def test_a_claim_in_an_example_paragraph_that_gives_no_number_is_not_refuted_for_every_value():
    """"Take $x = (1, -1)$ ... $(p_2 - 1) x_1 = p_2 - 1$": true at the example, false for every x; a refutation is
    withheld, a proof would stand."""
    text = ("Let $x \\in \\mathbb{R}^2$ and $p_2 \\in \\mathbb{R}$. Take $x = (1, -1)^\\top$. Then\n$$\n(p_2 - 1) x_1 = p_2 - 1\n$$\n"
            "$$\n(p_2 - 1) x_1 = x_1 p_2 - x_1\n$$\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found][-2:] == [Verdict.UNKNOWN, Verdict.PROVED], found


def test_the_arithmetic_after_a_name_whose_definition_is_not_read_is_checked():
    """E[theta_4] - theta^* = (4 + 2 + 1 + 0.5)/4 = 1.875, theta defined by a formula derive does not read: the first
    link is not checked, the arithmetic after it is (right or wrong, whatever theta is)."""
    text = ("$$\ng = \\frac{1}{T} \\sum_{t=1}^{T/2} \\theta_t\n$$\n\n"
            "$$\ng + 1 = \\frac{4 + 2 + 1 + 0.5}{4} = 1.875\n$$\n\n$$\ng + 1 = \\frac{4 + 2}{4} = 1.75\n$$\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found][-4:] == [Verdict.UNKNOWN, Verdict.PROVED, Verdict.UNKNOWN, Verdict.REFUTED], found
    assert "uses g, which line 2 defines by a formula that is not read" in found[-2][2], found


def test_a_matrix_valued_function_written_out_is_that_matrix_at_any_argument():
    """R(alpha) = a rotation matrix written out: R(alpha) R(beta), its transpose, inverse and determinant are read; the
    transpose on R(alpha)^\\top is the matrix's, and types nothing about alpha."""
    text = ("$$\nR(\\alpha) = \\begin{pmatrix} \\cos \\alpha & -\\sin \\alpha \\\\ \\sin \\alpha & \\cos \\alpha "
            "\\end{pmatrix}\n$$\n\n"
            "$$\nR(\\alpha) R(\\beta) = R(\\alpha + \\beta) , \\qquad R(\\alpha)^\\top = R(-\\alpha)\n$$\n\n"
            "$$\nR(\\alpha)^{-1} = R(-\\alpha) , \\qquad \\det R(\\alpha) = 1\n$$\n\n"
            "$$\nR(\\alpha)^\\top = R(\\alpha) , \\qquad \\det R(\\alpha) = \\cos^2 \\alpha - \\sin^2 \\alpha , "
            "\\qquad R(\\alpha) R(\\beta) = R(\\alpha - \\beta)\n$$\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found][1:] == [Verdict.PROVED] * 4 + [Verdict.REFUTED] * 3, found
    primed = _verdicts(text.split("\n\n")[0] + "\n\n$$\nR'(\\alpha) = R(\\alpha)\n$$\n")
    assert primed[-1][1] is Verdict.UNKNOWN and "is a matrix" in primed[-1][2], primed


def test_a_family_stacked_as_the_rows_of_a_matrix_is_those_rows_even_with_an_index_letter():
    """"k_1, ..., k_n in R^d the keys, stacked as the rows of K": k_j is row j of K (k is no index letter here), so
    s = Kq/sqrt(d) holds for s_j = q^T k_j / sqrt(d); a family of its own would make it false."""
    text = ("Let $q \\in \\mathbb{R}^{d}$ be a query and $k_1, \\dots, k_n \\in \\mathbb{R}^{d}$ the keys, stacked as the\n"
            "rows of $K \\in \\mathbb{R}^{n \\times d}$. The scores are $s_j = \\frac{q^\\top k_j}{\\sqrt{d}}$, i.e.\n\n"
            "$$\ns = \\frac{K q}{\\sqrt{d}}\n$$\n\n"
            "$$\n\\nabla_q \\frac{q^\\top k_j}{\\sqrt{d}} = \\frac{k_j}{\\sqrt{d}}\n$$\n\n"
            "$$\n\\nabla_q \\frac{q^\\top k_j}{\\sqrt{d}} = \\frac{k_j}{d}\n$$\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found][-3:] == [Verdict.PROVED, Verdict.PROVED, Verdict.REFUTED], found
    alone = _verdicts(text.replace(", stacked as the\nrows of $K \\in \\mathbb{R}^{n \\times d}$", ""))
    assert [v for _, v, _ in alone][-2:] == [Verdict.PROVED, Verdict.REFUTED], alone


def test_a_word_labelled_name_is_read_beside_a_letter_used_two_ways():
    """eta_t (an entry) and eta(tau) (a function): eta is refused, but eta_{\\max} and eta_{\\min} are names of their
    own, and a claim in them alone is checked."""
    text = ("For an integer step $t$ the rate is $\\eta_t = \\eta_{\\max} \\, t / W$, and after the warmup\n\n"
            "$$\n\\eta(\\tau) = \\eta_{\\min} + \\tfrac{1}{2} (\\eta_{\\max} - \\eta_{\\min}) \\big(1 + \\cos(\\pi \\tau / T)\\big)\n$$\n\n"
            "$$\n\\eta_{\\min} + \\frac{1}{2} (\\eta_{\\max} - \\eta_{\\min}) = \\frac{\\eta_{\\max} + \\eta_{\\min}}{2}\n$$\n\n"
            "$$\n\\eta_{\\min} + \\frac{1}{2} (\\eta_{\\max} - \\eta_{\\min}) = \\frac{\\eta_{\\max} - \\eta_{\\min}}{2}\n$$\n\n"
            "$$\n\\eta(0) = \\eta_{\\max}\n$$\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found][-3:] == [Verdict.PROVED, Verdict.REFUTED, Verdict.UNKNOWN], found
    assert "used as a function" in found[-1][2], found


def test_a_name_with_a_label_subscript_is_defined_by_a_formula():
    """"Write $S_{xx} = \\sum_i x_i^2$ and $S_{xy} = ...$": two names with letter labels (x, y are no index letters), each
    that formula from there on; eta_{\\max} = 0.1 too. A claim in them is checked through their definitions."""
    text = ("Data $x_i, y_i$ for $i = 1, \\dots, n$. Write $S_{xx} = \\sum_{i=1}^{n} x_i^2$ and "
            "$S_{xy} = \\sum_{i=1}^{n} x_i y_i$.\n\n"
            "$$\n\\frac{d}{dw} \\sum_{i=1}^{n} (y_i - w x_i)^2 = 2 w S_{xx} - 2 S_{xy}\n$$\n\n"
            "$$\n\\frac{d}{dw} \\sum_{i=1}^{n} (y_i - w x_i)^2 = 2 w S_{xx} + 2 S_{xy}\n$$\n\n"
            "With $\\eta_{\\max} = 0.5$,\n$$\n2 \\eta_{\\max} = 1\n$$\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found] == [Verdict.UNKNOWN] * 2 + [Verdict.PROVED, Verdict.REFUTED, Verdict.UNKNOWN,
                                                                Verdict.PROVED], found
    assert "definition of S_xx" in found[0][2] and "definition of eta_max" in found[4][2], found


def test_a_diagonal_matrix_written_as_diag_of_its_entries():
    text = ("Let $c \\in \\mathbb{R}^n$, $v \\in \\mathbb{R}^n$ and $C = \\operatorname{diag}(c_1, \\dots, c_n)$.\n\n"
            "$$\nv^\\top C v = \\sum_{i=1}^{n} c_i v_i^2\n$$\n\n"
            "$$\n\\operatorname{diag}(2, 3) \\begin{pmatrix} 1 \\\\ 1 \\end{pmatrix} = \\begin{pmatrix} 2 \\\\ 3 \\end{pmatrix}\n$$\n\n"
            "$$\nv^\\top C v = \\sum_{i=1}^{n} c_i v_i\n$$\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found] == [Verdict.UNKNOWN, Verdict.PROVED, Verdict.PROVED, Verdict.REFUTED], found


@pytest.mark.parametrize("said", [
    "$x_1, \\dots, x_n \\in \\mathbb{R}^d$, already centred ($\\sum_{i=1}^{n} x_i = 0$), stacked as the rows of "
    "$X \\in \\mathbb{R}^{n \\times d}$.",
    "$x_1, \\dots, x_n \\in \\mathbb{R}^d$ the inputs, and $X \\in \\mathbb{R}^{n \\times d}$ the matrix whose $i$-th row "
    "is $x_i^\\top$.",
])
def test_a_family_said_to_be_the_rows_of_a_matrix_in_other_words(said):
    text = (f"Let {said} Let $w \\in \\mathbb{{R}}^d$.\n\n"
            "$$\n\\sum_{i=1}^{n} (w^\\top x_i)^2 = \\| X w \\|^2\n$$\n\n"
            "$$\n\\sum_{i=1}^{n} (w^\\top x_i)^2 = w^\\top X X^\\top w\n$$\n")
    found = _verdicts(text)
    assert found[-2][1] is Verdict.PROVED and found[-1][1] is not Verdict.PROVED, found


def test_a_name_defined_at_each_size_is_that_formula_at_any_size_or_number():
    """S_N = sum_{k=1}^{N} ...: S_N is that formula; S_3 = ... is a claim at N = 3 (not a definition of S_3)."""
    text = ("I need $S_N = \\sum_{k=1}^{N} \\frac{1}{k(k+2)}$ in closed form.\n\n"
            "$$\nS_N = 1 - \\frac{1}{N+2}\n$$\n\n"
            "$$\nS_3 = \\frac{1}{3} + \\frac{1}{8} + \\frac{1}{15}\n$$\n\n"
            "$$\nS_3 = \\frac{4}{5}\n$$\n\n"
            "$$\nS_{N+1} - S_N = \\frac{1}{(N+1)(N+3)}\n$$\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found][:4] == [Verdict.UNKNOWN, Verdict.REFUTED, Verdict.PROVED, Verdict.REFUTED], found
    assert found[4][1] in (Verdict.PROVED, Verdict.BOUNDED), found  # (S_{N+1} - S_N: sums SymPy may not subtract)
    assert "definition of S_N" in found[0][2], found
    readings = _readings(text, 2)
    assert any("at each size N" in r.text for r in readings), readings


def test_a_vector_numbered_from_0_has_its_entry_0_as_a_number_of_its_own():
    """s_0 beside s_j (the positive's score in InfoNCE): s_0 is a number of its own, a sum from 0 is s_0 plus the sum
    from 1; a vector the document defines by its entries keeps s_0 unread (its formula at 0 is not read)."""
    text = ("Scores $s_0, \\dots, s_N$.\n\n"
            "$$\n-\\log \\frac{e^{s_0}}{\\sum_{j=0}^{N} e^{s_j}} = -s_0 + \\log \\sum_{j=0}^{N} e^{s_j}\n$$\n\n"
            "$$\n\\sum_{j=0}^{N} e^{s_j} = e^{s_0} + \\sum_{j=1}^{N} e^{s_j}\n$$\n\n"
            "$$\n\\sum_{j=0}^{N} s_j = \\sum_{j=1}^{N} s_j\n$$\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found] == [Verdict.PROVED, Verdict.PROVED, Verdict.REFUTED], found
    readings = _readings(text, 0)
    assert any("numbers $s$ from 0" in r.text for r in readings), readings
    defined = _verdicts("Let $q, k_j \\in \\mathbb{R}^d$ and $s_j = q^\\top k_j$.\n\n"
                        "$$\n\\sum_{j=0}^{N} e^{s_j} = e^{s_0} + \\sum_{j=1}^{N} e^{s_j}\n$$\n")
    assert defined[-1][1] is Verdict.UNKNOWN, defined


def test_an_index_said_to_run_from_0_is_a_range_not_a_definition():
    """"for $j = 0, \\dots, N$": j's range, not j defined by a formula; a free j (read from 1) is refused, a sum over
    j is read."""
    text = ("The scores are $s_j$ for $j = 0, \\dots, N$.\n\n"
            "$$\n\\sum_{j=0}^{N} e^{s_j} = e^{s_0} + \\sum_{j=1}^{N} e^{s_j}\n$$\n\n"
            "$$\n\\frac{\\partial}{\\partial s_j} \\log \\sum_{l=0}^{N} e^{s_l} = \\frac{e^{s_j}}{\\sum_{l=0}^{N} e^{s_l}}\n$$\n")
    found = _verdicts(text)
    assert found[-2][1] is Verdict.PROVED, found
    assert found[-1][1] is Verdict.UNKNOWN and "j runs from 0" in found[-1][2], found


def test_a_vector_defined_by_its_entry_and_numbered_from_0_is_its_formula_at_0():
    """InfoNCE: s_j = q^T k_j / tau with a positive key k_0 declared beside the negatives k_1, ..., k_N: s_0 is the
    formula at j = 0 (with k_0), a sum from 0 is its term at 0 plus the sum from 1. A value of L in q and k's terms
    but written in tau alone ("in the example above") is not refuted for every q and k."""
    text = (
        "Let $q \\in \\mathbb{R}^d$, a positive key $k_0 \\in \\mathbb{R}^d$ and negative keys $k_1, \\dots, k_N \\in "
        "\\mathbb{R}^d$, $\\tau > 0$, and $s_j = q^\\top k_j / \\tau$.\n\n"
        "$$\nL = -\\log \\frac{e^{s_0}}{\\sum_{j=0}^{N} e^{s_j}}\n$$\n\n"
        "$$\n\\nabla_q L = \\frac{1}{\\tau} \\Big( \\sum_{j=0}^{N} \\frac{e^{s_j}}{\\sum_{l=0}^{N} e^{s_l}} k_j - k_0 \\Big)\n$$\n\n"
        "$$\n\\nabla_q L = \\frac{1}{\\tau} \\Big( \\sum_{j=1}^{N} \\frac{e^{s_j}}{\\sum_{l=0}^{N} e^{s_l}} k_j - k_0 \\Big)\n$$\n\n"
        "In the example above,\n\n$$\nL = \\log \\big( 1 + e^{-1/\\tau} \\big)\n$$\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found] == [Verdict.UNKNOWN, Verdict.UNKNOWN, Verdict.PROVED, Verdict.REFUTED,
                                        Verdict.UNKNOWN], found
    assert "depends on k, k_0, q" in found[-1][2], found


@pytest.mark.parametrize("claim, why", [
    ("\\sum_j e^{s_j} = e^{s_0} + \\sum_{j=1}^{N} e^{s_j}", "has no lower limit"),
    ("\\frac{\\partial}{\\partial s} \\log \\sum_{j=0}^{N} e^{s_j} = e^{s_0}", "whole vector is not read"),
    ("\\|s\\|^2 = s_0^2 + \\sum_{j=1}^{N} s_j^2", "whole vector is not read"),
])
def test_a_vector_numbered_from_0_is_not_read_where_its_entry_0_could_be_left_out(claim, why):
    """s_0 is a number apart from the vector of s_1, ..., s_N: a sum with no lower limit, the whole vector (its norm,
    a derivative by it) would silently leave it out."""
    found = _verdicts("Scores $s_0, \\dots, s_N$.\n\n$$\n\\sum_{j=0}^{N} e^{s_j} = e^{s_0} + \\sum_{j=1}^{N} e^{s_j}\n$$\n\n"
                      f"$$\n{claim}\n$$\n")
    assert found[0][1] is Verdict.PROVED, found
    assert found[-1][1] is Verdict.UNKNOWN and why in found[-1][2], found


def test_the_hessian_of_a_number_by_a_vector_is_the_matrix_of_its_second_partials():
    text = ("Let $X \\in \\mathbb{R}^{n \\times d}$, $y \\in \\mathbb{R}^n$, $A \\in \\mathbb{R}^{d \\times d}$ and "
            "$w, b \\in \\mathbb{R}^d$, and\n\n$$\nL(w) = \\frac{1}{2} \\| X w - y \\|^2\n$$\n\n"
            "$$\n\\nabla^2 L(w) = X^\\top X\n$$\n\n$$\n\\nabla^2 L(w) = X X^\\top\n$$\n\n"
            "$$\n\\nabla_w^2 \\Big( \\frac{1}{2} w^\\top A w - b^\\top w \\Big) = \\frac{1}{2} (A + A^\\top)\n$$\n\n"
            "$$\n\\nabla_w^2 \\Big( \\frac{1}{2} w^\\top A w - b^\\top w \\Big) = A\n$$\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found] == [Verdict.UNKNOWN, Verdict.PROVED, Verdict.REFUTED, Verdict.PROVED,
                                        Verdict.REFUTED], found
    readings = _readings(text, 1)
    assert any("the matrix of second partials" in r.text for r in readings), readings


def test_a_matrix_an_example_writes_out_is_used_through_definitions_in_its_paragraph():
    """"Take x = (1, 2) and W = (a matrix of numbers), so s = 3": s, defined through W and x, is checked at the
    example's numbers (before, a claim reaching W through a definition in the example's paragraph was unknown)."""
    text = ("Let $W \\in \\mathbb{R}^{2 \\times n}$ and $x \\in \\mathbb{R}^n$, and let "
            "$s = \\sum_{i=1}^{2} \\sum_{j=1}^{n} W_{ij} x_j$.\n\n"
            "**Example.** Take $x = (1, 2)$ and\n$$\nW = \\begin{pmatrix} 1 & 0 \\\\ 0 & 1 \\end{pmatrix} ,\n$$\n"
            "so $s = 3$, and not $s = 4$.\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found][-2:] == [Verdict.PROVED, Verdict.REFUTED], found
    readings = _readings(text, -1)
    assert any("W as line 5 writes it out" in r.text for r in readings), readings


def test_a_function_by_cases_with_a_factor_before_them_and_an_upright_name():
    """selu(x) = \\lambda \\begin{cases} ... \\end{cases}: the factor multiplies every branch, and selu, named in upright
    letters, is that function; a claim holding on one case only, said of that case in the sentence before, is not
    refuted for every value."""
    text = ("$$\n\\operatorname{selu}(x) = \\lambda \\begin{cases} x & \\text{if } x > 0 \\\\ \\alpha \\left(e^x - 1\\right) & "
            "\\text{if } x \\le 0 \\end{cases}\n$$\n\n"
            "$$\n\\operatorname{selu}(0) = 0\n$$\n\n"
            "$$\n\\operatorname{selu}(-1) = \\lambda (e^{-1} - 1)\n$$\n\n"
            "Inside a layer the input is $w u$ for a weight $w > 0$ and an input $u < 0$. By the chain rule\n"
            "$\\frac{\\partial}{\\partial w} \\operatorname{selu}(w u) = \\lambda \\alpha \\, u \\, e^{w u}$.\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found][:4] == [Verdict.UNKNOWN, Verdict.UNKNOWN, Verdict.PROVED, Verdict.REFUTED], found
    assert found[-1][1] is Verdict.UNKNOWN and "a case of a function defined by cases" in found[-1][2], found


def test_a_delta_never_written_before_a_name_is_a_number():
    """a + k\\delta (a common difference): \\delta is never an increment (\\delta x) nor Kronecker's (\\delta_{ij}) in the
    document, so a number; where the document also writes \\delta x, it stays refused."""
    claims = ("$$\n\\sum_{k=0}^{n-1} (a + k \\delta) = n a + \\frac{n(n-1)}{2} \\delta\n$$\n\n"
              "$$\n\\sum_{k=0}^{n-1} (a + k \\delta) = n a + \\frac{n(n+1)}{2} \\delta\n$$\n")
    found = _verdicts(claims)
    assert [v for _, v, _ in found] == [Verdict.PROVED, Verdict.REFUTED], found
    assert any("delta" in r.text and "real number" in r.text
               for r in verify_check(checks_of(read_document(claims, "doc.md", default_notation()))[0], SETTINGS).readings)
    mixed = _verdicts(claims + "\n$$\nf(x + \\delta x) - f(x) = 0\n$$\n")
    assert [v for _, v, _ in mixed][:2] == [Verdict.UNKNOWN, Verdict.UNKNOWN], mixed


def test_a_name_the_words_say_is_a_whole_number_is_a_size_a_sum_may_run_to():
    """"let $m \\ge 1$ be an integer", "a warmup of $W \\geq 1$ steps", "a mini-batch of $m \\ge 2$ examples": a whole
    number, which a sum may run to (no longer a real number >= 1, which no sum's limit may be); a lower bound above 1
    stays a condition. An integer that may be 0, or a real >= 1, is no size."""
    integer = "Let $m \\ge 1$ be an integer.\n\n$$\n\\sum_{k=1}^{m} k = \\frac{m(m+1)}{2}\n$$\n\n$$\n\\sum_{k=1}^{m} k = m^2\n$$\n"
    found = _verdicts(integer)
    assert [v for _, v, _ in found] == [Verdict.PROVED, Verdict.REFUTED], found
    assert any("whole number" in r.text for r in _readings(integer, 0))
    above = _verdicts("Let $m \\ge 2$ be an integer.\n\n$$\n\\sum_{k=2}^{m} 1 = m - 1\n$$\n")
    assert [v for _, v, _ in above] == [Verdict.PROVED], above
    steps = ("We use a warmup of $W \\geq 1$ steps. For an integer step $t$ with $1 \\le t \\le W$ the rate is "
             "$\\eta_t = c \\, t / W$.\n\n$$\n\\sum_{t=1}^{W} \\eta_t = \\frac{c (W + 1)}{2}\n$$\n\n"
             "$$\n\\sum_{t=1}^{W} \\eta_t = \\frac{c W}{2}\n$$\n")
    assert [v for _, v, _ in _verdicts(steps)][-2:] == [Verdict.PROVED, Verdict.REFUTED]
    for not_a_size in ("Let $m \\ge 0$ be an integer.", "Let $m \\ge 1$ be a real number."):
        found = _verdicts(not_a_size + "\n\n$$\n\\sum_{k=1}^{m} k = \\frac{m(m+1)}{2}\n$$\n")
        assert found[-1][1] is Verdict.UNKNOWN, (not_a_size, found)


def test_an_index_ranges_over_the_size_of_what_the_document_declares_not_a_default_guess():
    """x_1, ..., x_m in R and z_i = x_i - mu, y_i = gamma z_i + beta: i runs over 1..m, the length of x, though the label
    y (of the default length N) and a g_i are subscripted by i too; their length is a guess, which does not outvote
    what the document declares. A range said in the prose (1 \\le j \\le m) is j's, whatever a use says."""
    text = ("Consider a mini-batch of $m \\ge 2$ examples, $x_1, \\dots, x_m \\in \\mathbb{R}$.\n\n"
            "$$\n\\mu = \\frac{1}{m} \\sum_{i=1}^{m} x_i\n$$\n\n"
            "Then $z_i = x_i - \\mu$ and the output $y_i = \\gamma z_i + \\beta$. We use $\\sum_{i=1}^{m} z_i = 0$.\n\n"
            "The layer receives $g_i = \\frac{\\partial L}{\\partial y_i}$ for each $i$.\n\n"
            "$$\n\\frac{\\partial L}{\\partial \\beta} = \\sum_{i=1}^{m} g_i\n$$\n\n"
            "$$\n\\frac{\\partial L}{\\partial \\gamma} = \\sum_{i=1}^{m} g_i\n$$\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found][-3:] == [Verdict.UNKNOWN, Verdict.PROVED, Verdict.REFUTED], found


def test_a_supposition_on_a_free_variable_is_not_one_on_an_integral_s_bound_variable():
    """"with $u = x^2$, $du = 2x \\, dx$": what it says of x is not said of the x an integral binds, so a false integral
    elsewhere in x is refuted (before: unknown, as if the counterexample had to satisfy du = 2x dx)."""
    text = ("Substitute $u = x^2$, so that $du = 2x \\, dx$. Then\n\n"
            "$$\n\\int_1^\\infty x^{-3} \\, dx = \\frac{1}{3}\n$$\n\n$$\n\\int_1^\\infty x^{-3} \\, dx = \\frac{1}{2}\n$$\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found][-2:] == [Verdict.REFUTED, Verdict.PROVED], found


def test_a_function_family_defined_with_its_parameter_as_subscript_is_read_at_a_number():
    """\\rho_\\tau(u) = ... defined, then \\rho_{1/2}(u) and s_2'(1) of s_\\beta(x) = ...: the formula at that value of
    the parameter (before: refused as a function at a point or a product); the reading says which instance."""
    text = ("For $\\tau \\in (0, 1)$ the pinball loss is\n$$\n\\rho_\\tau(u) = u \\, (\\tau - \\mathbb{1}[u < 0]) .\n$$\n"
            "At the median, $\\rho_{1/2}(u) = \\frac{1}{2} |u|$, not $\\rho_{1/2}(u) = |u|$.\n\n"
            "For $\\beta > 0$ let $s_\\beta(x) = \\frac{1}{\\beta} \\log(1 + e^{\\beta x})$. Then $s_2'(1) = \\sigma(2)$, "
            "not $s_2(0) = 2 \\log 2$.\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found] == [Verdict.UNKNOWN, Verdict.PROVED, Verdict.REFUTED, Verdict.UNKNOWN,
                                        Verdict.PROVED, Verdict.REFUTED], found
    assert any("at $\\tau = \\frac{1}{2}$" in r.text for r in _readings(text, 1))


def test_a_number_defined_as_a_function_of_two_vectors_is_read_at_them():
    """D(\\boldsymbol{\\mu}, \\boldsymbol{\\sigma}) = \\frac12 \\sum_i (...): D alone, and D at those same vectors, is the
    formula, so its partial derivatives are checked (before: refused, several arguments read only on numbers);
    D at other arguments is not read."""
    text = ("Let $\\boldsymbol{\\mu}, \\boldsymbol{\\sigma} \\in \\mathbb{R}^n$ with $\\sigma_i > 0$.\n$$\n"
            "D(\\boldsymbol{\\mu}, \\boldsymbol{\\sigma}) = \\frac{1}{2} \\sum_{i=1}^{n} \\big( \\sigma_i^2 + \\mu_i^2 - 1 - "
            "\\log \\sigma_i^2 \\big) .\n$$\n\n$$\n\\frac{\\partial D}{\\partial \\mu_i} = \\mu_i, \\qquad "
            "\\frac{\\partial D}{\\partial \\sigma_i} = \\sigma_i - \\frac{2}{\\sigma_i}\n$$\n\n"
            "and $D(\\mathbf{0}, \\mathbf{1}) = 0$.\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found] == [Verdict.UNKNOWN, Verdict.PROVED, Verdict.REFUTED, Verdict.UNKNOWN], found
    assert "other arguments" in found[-1][2]


def test_a_letter_used_alone_and_applied_to_one_term_is_not_read_as_a_product():
    """G(f) = f(-1) + f(1) beside f(-1) + f(1) = \\int_{-1}^{1} f(x) dx: f used alone (G(f), 3f) is no reason to read
    f(1) as f times 1, which made both sides 0 and the false claim proved; refused, saying how to write either."""
    found = _verdicts("One answer claimed $f(-1) + f(1) = \\int_{-1}^{1} f(x) \\, dx$.\n\n$$\n3 f + f(2) = 5\n$$\n")
    assert [v for _, v, _ in found] == [Verdict.UNKNOWN, Verdict.UNKNOWN], found
    assert "also used alone" in found[0][2] and "also used alone" in found[1][2]
    # G(f) = f(-1) + f(1): f used alone only as G's argument is a function, and G a function of a function, whose
    # uses are refused (G(x^3) = G(x^2) would be proved with f a number, refuted with G any function)
    functional = _verdicts("Let\n$$\nG(f) = f(-1) + f(1) .\n$$\n\n$$\nG(x^4) = G(2 x^2)\n$$\n")
    assert [v for _, v, _ in functional] == [Verdict.UNKNOWN, Verdict.UNKNOWN], functional
    assert "function of a function" in functional[-1][2]
    # (a factor before a parenthesis of several terms stays a product: a(1 - a))
    product = _verdicts("Let $a \\in (0, 1)$.\n\n$$\na(1 - a) + a^2 = a\n$$\n")
    assert [v for _, v, _ in product] == [Verdict.PROVED], product


def test_a_matrix_said_symmetric_is_so_where_a_definition_holds_it():
    """r = -\\nabla f(x) of r = b - A x and f(x) = x^T A x / 2 - b^T x, A said symmetric: the claim writes no A, yet is
    checked for symmetric A only (before: refuted at a non-symmetric A)."""
    text = ("Let $A$ be a symmetric positive definite $n \\times n$ matrix, $b \\in \\mathbb{R}^n$ and\n$$\n"
            "f(x) = \\frac{1}{2} x^\\top A x - b^\\top x .\n$$\nWrite $r = b - A x$ for the residual, so $r = -\\nabla f(x)$.\n")
    found = _verdicts(text)
    assert found[-1][1] is Verdict.PROVED, found


def test_a_function_described_in_apposition_is_no_function_at_all():
    """"$\\Phi$ is the standard normal CDF and $\\phi$ its density": \\phi'(z) = -z \\phi(z) is not refuted for an arbitrary
    \\phi; the reading names a function read as any function where nothing describes it."""
    text = ("Let $\\Phi$ be the standard normal CDF and $\\phi$ its density. Then\n\n$$\n\\phi'(z) = -z \\phi(z)\n$$\n")
    found = _verdicts(text)
    assert found[-1][1] is Verdict.UNKNOWN and "its density" in found[-1][2], found
    bare = "$$\nf(x)^2 = f(x) \\cdot f(x)\n$$\n"
    assert any("read as any function" in r.text for r in _readings(bare, 0))


def test_a_function_whose_formula_ignores_its_argument_is_a_value_at_that_argument():
    """\\rho(M_J) = \\sqrt{|a_{12} a_{21}| / (a_{11} a_{22})}: the spectral radius of M_J, said in words, never a
    function giving that formula at every argument (\\rho(M_{GS}) would be refuted by it)."""
    text = ("$$\n\\rho(M_J) = \\sqrt{\\frac{|a_{12} a_{21}|}{a_{11} a_{22}}}\n$$\n\n$$\n2 \\rho(M_J)^2 = "
            "\\frac{2 |a_{12} a_{21}|}{a_{11} a_{22}}\n$$\n\n$$\n\\rho(B) + 1 = \\sqrt{\\frac{|a_{12} a_{21}|}{a_{11} a_{22}}} + 1\n$$\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found] == [Verdict.UNKNOWN, Verdict.PROVED, Verdict.UNKNOWN], found
    assert "other arguments" in found[-1][2]


def test_a_claim_failing_only_where_a_pair_s_indices_coincide_is_unknown():
    """dL/ds_i = \\sigma(\\Delta) - 1 of L = -\\log \\sigma(s_i - s_j), a pair i, j: false only at i = j, which the claim
    (writing no j) may not be about: unknown, saying so. A claim writing both indices, ds_i/dz_j, must hold at i = j."""
    text = ("Let $s \\in \\mathbb{R}^n$ be scores. For a pair in which item $i$ is ranked above item $j$, the loss is "
            "$L = -\\log \\sigma(s_i - s_j)$, and $\\Delta = s_i - s_j$.\n\n$$\n\\frac{\\partial L}{\\partial s_i} = "
            "\\sigma(\\Delta) - 1\n$$\n\n$$\n\\frac{\\partial L}{\\partial s_i} = 1 - \\sigma(\\Delta)\n$$\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found][-2:] == [Verdict.UNKNOWN, Verdict.REFUTED], found
    assert "refuted only where i = j" in found[-2][2]
    jacobian = _verdicts("Let $z \\in \\mathbb{R}^n$.\n\n$$\n\\frac{\\partial}{\\partial z_j} \\frac{e^{z_i}}{\\sum_{k=1}^{n} "
                         "e^{z_k}} = -\\frac{e^{z_i} e^{z_j}}{(\\sum_{k=1}^{n} e^{z_k})^2}\n$$\n")
    assert jacobian[-1][1] is Verdict.REFUTED, jacobian


def test_the_imaginary_unit_is_not_read_as_an_index():
    """X_k = \\sum_n x_n e^{-2 \\pi i k n / N}: i is the imaginary unit, so e^{-2 \\pi i / 4} = -i is refused (before:
    refuted with i an index at 1); a document whose exponentials never carry a lone i keeps i as an index."""
    text = ("For samples $x_0, \\dots, x_{N-1}$ the DFT is $X_k = \\sum_{n=0}^{N-1} x_n e^{-2 \\pi i k n / N}$.\n\n"
            "Here $e^{-2 \\pi i / 4} = -i$.\n")
    found = _verdicts(text)
    assert found[-1][1] is Verdict.UNKNOWN and "imaginary unit" in found[-1][2], found
    softmax = _verdicts("Let $z \\in \\mathbb{R}^n$ and $s_i = e^{z_i} / \\sum_j e^{z_j}$.\n\n$$\n\\sum_{i=1}^{n} s_i = 1\n$$\n")
    assert softmax[-1][1] is Verdict.PROVED, softmax


def test_probability_vectors_said_in_words_are_no_vectors_of_any_entries():
    """"Let $p$ and $q$ be probability vectors": entries nonnegative and summing to one, which a counterexample must
    meet (before: \\sum_i p_i = 1 refuted at p = (0)); each name of the list is so."""
    for claim in ("\\sum_{i=1}^{K} p_i = 1", "\\sum_{i=1}^{K} q_i = 1"):
        found = _verdicts(f"Let $p$ and $q$ be probability vectors on $\\{{1, \\dots, K\\}}$.\n\n$$\n{claim}\n$$\n")
        assert found[-1][1] is Verdict.UNKNOWN and "probability vector" in found[-1][2], found


def test_a_size_set_to_a_matrix_is_refused_not_read_at_a_size():
    """A in R^{n x n} (n another name of N), then "the nilpotent matrix $N = \\begin{pmatrix} 0 & 1 \\\\ 0 & 0
    \\end{pmatrix}$": N^2 = 0 is refused (before: refuted with N the size 1)."""
    text = ("For a square matrix $A \\in \\mathbb{R}^{n \\times n}$ let $B = A^\\top A$. For the nilpotent matrix "
            "$N = \\begin{pmatrix} 0 & 1 \\\\ 0 & 0 \\end{pmatrix}$ we have $N^2 = 0$.\n")
    found = _verdicts(text)
    assert found[-1][1] is Verdict.UNKNOWN and ("a size and a matrix" in found[-1][2]
                                                or "N is read as a size" in found[-1][2]), found


def test_a_default_name_of_the_size_given_a_formula_is_the_document_s_name():
    """"the gain $K = \\frac{P}{P + r}$": K, by default another name of the size N, never written as a limit, a length
    or a function, is the number the formula gives (before: refused as a size given a formula)."""
    text = ("With $P, r > 0$ and the gain $K = \\frac{P}{P + r}$,\n\n$$\n(1 - K) P = \\frac{r P}{P + r}\n$$\n\n"
            "$$\n(1 - K) P = \\frac{P}{P + r}\n$$\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found][-2:] == [Verdict.PROVED, Verdict.REFUTED], found


def test_a_sign_as_a_superscript_names_a_quantity_of_its_own():
    """P^- and P^+ (a Kalman filter's prior and posterior variances), m^+: names of their own, as x^* is; a sign before
    a number or a bracket stays an exponent's (x^{-1}, x^{-\\infty})."""
    text = ("Predict $P^- = a^2 P + q$, then update with $K = \\frac{P^-}{P^- + r}$:\n\n$$\nP^+ = (1 - K) P^-\n$$\n\n"
            "$$\n(1 - K) P^- = \\frac{P^- r}{P^- + r}\n$$\n\n$$\nx^{-1} x = 1\n$$\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found][-2:] == [Verdict.PROVED, Verdict.PROVED], found
    assert any(r.text.startswith("$P^-$") or "P^-" in r.text for r in _readings(text, -2)), _readings(text, -2)


def test_a_name_defined_through_a_formula_not_read_is_never_a_free_name_later():
    """x̄_j = ... (not read) beside s_j^2 = ... in x̄_j: s is the document's, defined by a formula that is not read, so
    s_1^2 = 2.5 later is not refuted for every s (it was, at s = 0); its arithmetic is still checked."""
    text = ("For group $j \\in \\{1, 2\\}$ write $x_{j1}, \\ldots, x_{jn_j}$ for its yields. The mean and the sample "
            "variance are\n$$\n\\bar x_j = \\frac{1}{n_j}\\sum_{i=1}^{n_j} x_{ji}, \\qquad s_j^2 = \\frac{1}{n_j - 1}"
            "\\sum_{i=1}^{n_j} (x_{ji} - \\bar x_j)^2 ,\n$$\nBy hand,\n$$\ns_1^2 = \\frac{1 + 4 + 4 + 1 + 0}{4} = 2.5\n$$\n")
    found = [(line, v) for line, v, _ in _verdicts(text)]
    assert Verdict.REFUTED not in [v for _, v in found], found
    assert (7, Verdict.PROVED) in found, found


def test_a_member_of_a_family_given_a_formula_is_a_claim_about_the_family():
    """T_a(x) = ln a + (x - a)/a, then T_e(x) = x/e (true) and T_1(x) = x (false): claims about the family at a = e,
    a = 1, never definitions of functions of their own, which made a wrong formula the meaning of every later use."""
    text = ("The tangent of $\\ln$ at $a > 0$ is\n\n$$\nT_a(x) = \\ln a + \\frac{x - a}{a}\n$$\n\n"
            "$$\nT_e(x) = \\frac{x}{e}\n$$\n\n$$\nT_1(x) = x\n$$\n\n$$\nT_1(1) = 1\n$$\n")
    found = [(line, v) for line, v, _ in _verdicts(text)]
    assert found[1:] == [(8, Verdict.PROVED), (12, Verdict.REFUTED), (16, Verdict.REFUTED)], found


def test_a_name_for_both_signs_defines_each_sign():
    """\\lambda_\\pm = (a + c \\pm r)/2 defines \\lambda_+ and \\lambda_- (upper and lower signs, \\mp the other way):
    their sum is proved, a wrong difference refuted; before, \\lambda_+ was read as any number."""
    text = ("Write $r = \\sqrt{(a - c)^2 + 4 b^2}$. The roots are\n\n$$\n\\lambda_\\pm = \\frac{a + c \\pm r}{2}, \\qquad "
            "\\mu_{\\pm} = a \\mp b\n$$\n\n$$\n\\lambda_+ + \\lambda_- = a + c\n$$\n\n$$\n\\lambda_+ - \\lambda_- = 2 r\n$$\n\n"
            "$$\n\\mu_+ - \\mu_- = -2b\n$$\n")
    found = [(line, v) for line, v, _ in _verdicts(text)]
    assert found[-3:] == [(8, Verdict.PROVED), (12, Verdict.REFUTED), (16, Verdict.PROVED)], found


def test_a_member_of_a_family_an_earlier_problem_defines_is_not_read():
    """"## 2 ... T_a(x) = \\ln a + ..." then "## 4. A parabola ... T_1(x) = 2x - 1": the family may be the earlier
    problem's (the tangent of its function), so T_1 is neither that family at 1 nor a function of its own."""
    text = ("## 2. A logarithm\n\n$$\nT_a(x) = \\ln a + \\frac{x - a}{a}\n$$\n\n$$\nT_1(x) = x - 1\n$$\n\n"
            "## 4. A parabola\n\nFor $p(x) = x^2 + 1$ at the point $1$,\n\n$$\nT_1(x) = 2x\n$$\n\n$$\nT_1(2) = 4\n$$\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found][1:] == [Verdict.PROVED, Verdict.UNKNOWN, Verdict.UNKNOWN, Verdict.UNKNOWN], found
    assert all("under an earlier heading" in d for _, _, d in found[-2:]), found


def test_the_display_an_equation_to_solve_introduces_is_an_equation_in_its_unknown():
    """"Solve $\\sqrt{x + 5} = x - 1$. Squaring gives:" then x + 5 = x^2 - 2x + 1: an equation in x, not refuted as an
    identity; "the value solves $v = r + g v$" makes v (on both sides) the unknown, never the parameter g."""
    text = ("Solve $\\sqrt{x + 5} = x - 1$. Squaring gives:\n\n$$\nx + 5 = x^2 - 2x + 1\n$$\n\n"
            "The value solves $v = r + g v$, so\n$$\n(1 - g)^{-1} = 1 + g\n$$\nfor small $g$.\n")
    found = [(line, v) for line, v, _ in _verdicts(text)]
    assert (4, Verdict.UNKNOWN) in found and (9, Verdict.REFUTED) in found, found


def test_a_number_given_in_a_case_is_not_refuted_by_another_case_s_number():
    """"If the rankings are reversed ... $$\\rho = 1 - 2 = -1$$ ... identical rankings give $\\rho = 1$": the second
    number is another case's (not refuted through the first), while a number restated where no case was opened is a
    claim (refuted)."""
    text = ("If the rankings are reversed, then\n\n$$\n\\rho = 1 - 2 = -1\n$$\n\nAt the other extreme, identical "
            "rankings give $\\rho = 1$.\n\nThe count is\n\n$$\nm = 2 + 3\n$$\n\nso $m = 6$.\n")
    found = [(line, v) for line, v, _ in _verdicts(text)]
    assert (7, Verdict.UNKNOWN) in found and (15, Verdict.REFUTED) in found, found


def test_a_mean_given_a_formula_is_supposed_of_its_vector_in_the_links_that_hold_it():
    """"ranks ... so they have mean $\\bar r = \\frac{n+1}{2}$": the sum of squared deviations of r is not refuted at
    any r (its mean is said), while the arithmetic after it, free of r, is still refuted where it is wrong."""
    text = ("The ranks $r_1, \\dots, r_n$ are a permutation of $1, \\ldots, n$, so they have mean "
            "$\\bar r = \\frac{n + 1}{2}$ and\n\n$$\n\\sum_{i=1}^{n} (r_i - \\bar r)^2 = \\sum_{i=1}^{n} i^2 - n\\bar r^2 "
            "= \\frac{n(n + 1)(2n + 1)}{6} - \\frac{n(n + 1)^2}{2}\n$$\n")
    d = read_document(text, "doc.md", default_notation())
    results = {c.id.rsplit("#", 1)[1]: verify_check(c, SETTINGS) for c in checks_of(d) if c.line == 4}
    assert results["1"].verdict is Verdict.UNKNOWN and "the mean of $r$" in results["1"].detail, results
    assert results["2"].verdict is Verdict.REFUTED, results


def test_a_value_the_words_call_a_root_is_a_result_not_a_definition():
    """"It lands at the positive root of $h$, $t_1 = \\frac{15 + \\sqrt{617}}{4.9}$" (a slip: 9.8): t_1 is the root,
    the formula its value worked out; |v(t_1)| = \\sqrt{617} (true of the root) is not refuted through the formula."""
    text = ("$$\nv(t) = 15 - 9.8t, \\qquad h(t) = 20 + 15t - 4.9t^2 .\n$$\nIt lands at the positive root of $h$, "
            "$t_1 = \\frac{15 + \\sqrt{617}}{4.9}$, with speed $|v(t_1)| = \\sqrt{617}$.\n")
    found = _verdicts(text)
    assert Verdict.REFUTED not in [v for _, v, _ in found], found
    assert any("positive root of $h$" in d for _, _, d in found), found


def test_another_number_in_words_that_set_another_case_is_that_case_s():
    """m = 30 / 0.1 = 300 in a display, then "against $m = \\frac{4}{0.01} = 400$ for the other one": another case's
    number, not a claim about the first m (a refutation does not stand; the arithmetic is still checked); the same
    number restated is proved, and a different one restated without such words refuted."""
    text = ("A Gaussian estimator needs\n$$\nm = \\frac{30}{0.1} = 300\n$$\nprobes, against $m = \\frac{4}{0.01} = 400$ "
            "for the Rademacher one.\n\nSo $m = 300$ probes suffice.\n\nHence $m = 310$ in all.\n")
    found = [(line, v) for line, v, _ in _verdicts(text)]
    assert (5, Verdict.UNKNOWN) in found and (5, Verdict.PROVED) in found, found
    assert (7, Verdict.PROVED) in found and (9, Verdict.REFUTED) in found, found


def test_the_derivative_of_an_accented_name_given_a_number_is_not_read_as_zero():
    """\\mathcal{L} = log(3 + e^{-2}), the loss at an example, then d\\mathcal{L}/dU_{2,2}: the number does not
    depend on U, so its derivative is refused rather than read as 0 (a true gradient was refuted)."""
    text = ("Let $U \\in \\mathbb{R}^{T \\times K}$. At the example,\n\n$$\n\\mathcal{L} = \\log(3 + e^{-2})\n$$\n\n"
            "$$\n\\frac{\\partial \\mathcal{L}}{\\partial U_{2,2}} = \\frac{1 - e^2}{3e^2 + 1}\n$$\n")
    found = _verdicts(text)
    assert found[-1][1] is Verdict.UNKNOWN and "does not depend on U" in found[-1][2], found


def test_a_sign_as_a_subscript_names_a_quantity_of_its_own():
    """H_{+}, H_+ (a quasi-Newton matrix after its update): a name of its own, defined and used as H^+ is; (z)_+ stays
    the positive part and (z)_- is refused (the negative part is written two ways)."""
    text = ("Let $H \\in \\mathbb{R}^{n \\times n}$, $s, y \\in \\mathbb{R}^n$ and $\\rho > 0$. The update is\n\n"
            "$$\nH_{+} = H + \\rho s s^\\top\n$$\n\n$$\nH_+ y = H y + \\rho s (s^\\top y)\n$$\n\n"
            "$$\nH_{+} y = H y + \\rho y (s^\\top s)\n$$\n\n$$\n(\\rho - 1)_{\\!+} = \\max(0, \\rho - 1)\n$$\n\n"
            "$$\n(\\rho)_- = 0\n$$\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found] == [Verdict.UNKNOWN, Verdict.PROVED, Verdict.REFUTED, Verdict.PROVED,
                                        Verdict.UNKNOWN], found
    assert "definition of H_+" in found[0][2] and "negative part" in found[-1][2]


def test_a_definition_after_with_that_uses_one_made_before_it_in_its_sentence_sees_it():
    """"Predict $z = a^2 p + q$, then update with $K = \\frac{z}{z + r}$": K's formula uses the z the sentence defined
    before it. "with" makes a definition hold in the sentence's mathematics before it, but K was then learned before
    z, its formula keeping z free while the claims put z's formula: (1 - K) z = r z / (z + r), true, was refuted."""
    text = ("Predict $z = a^2 p + q$, then update with $K = \\frac{z}{z + r}$.\n\n$$\n(1 - K) z = \\frac{r z}{z + r}\n$$\n"
            "\n$$\n(1 - K) z = \\frac{z}{z + r}\n$$\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found][-2:] == [Verdict.PROVED, Verdict.REFUTED], found


def test_floor_and_ceiling_are_read_and_checked_independently():
    """\\lfloor (32 + 2 - 3)/2 \\rfloor + 1 = 16 (a convolution's output size) is proved; \\lfloor x \\rfloor +
    \\lfloor -x \\rfloor = -1 is refuted at a whole number, \\lfloor 2x \\rfloor = 2 \\lfloor x \\rfloor at x = 1/2, both
    certified by the independent evaluation, which places a floor between two whole numbers by sign."""
    text = ("Let $x \\in \\mathbb{R}$.\n\n$$\n\\left\\lfloor \\frac{32 + 2 - 3}{2} \\right\\rfloor + 1 = 16\n$$\n\n"
            "$$\n\\lfloor x \\rfloor + \\lfloor -x \\rfloor = -1\n$$\n\n$$\n\\lfloor x + 1 \\rfloor = \\lfloor x \\rfloor + 1\n$$"
            "\n\n$$\n\\lfloor 2x \\rfloor = 2 \\lfloor x \\rfloor\n$$\n\n$$\n\\lceil 7/2 \\rceil = 4\n$$\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found] == [Verdict.PROVED, Verdict.REFUTED, Verdict.PROVED, Verdict.REFUTED,
                                        Verdict.PROVED], found


def test_a_labelled_vector_declared_beside_the_whole_vector_is_its_own():
    """u_1 \\in R^m (the first singular vector) beside u used whole (u^T W v, a power iteration): u_1 is the declared
    vector, never entry 1 of u (before: u_1^T refused as the transpose of a number)."""
    text = ("Let $W \\in \\mathbb{R}^{m \\times n}$ with unit singular vectors $u_1 \\in \\mathbb{R}^m$ and "
            "$v_1 \\in \\mathbb{R}^n$.\n\n$$\nu_1^\\top W v_1 = v_1^\\top W^\\top u_1\n$$\n\n"
            "Later $u$ and $v$ are refined, and the estimate is $\\hat\\sigma = u^\\top W v$.\n")
    found = _verdicts(text)
    assert found[0][1] is Verdict.PROVED, found


def test_a_claim_after_words_that_set_a_case_is_not_refuted_for_every_value():
    """"No padding, stride one: $H_{out} = H - k + 1$" of H_out = floor((H + 2p - k)/s) + 1: the words set p and s,
    which the claim does not write; a refutation at other p, s is withheld. After words announcing errors ("Common
    slips:") the claims are refuted as written."""
    setup = ("For height $H$, kernel $k$, padding $p \\ge 0$ and stride $s \\ge 1$,\n$$\nH_{o} = \\left\\lfloor "
             "\\frac{H + 2 p - k}{s} \\right\\rfloor + 1 .\n$$\n")
    found = _verdicts(setup + "No padding, stride one: $H_{o} = H - k + 1$.\n")
    assert found[-1][1] is Verdict.UNKNOWN and "No padding, stride one" in found[-1][2], found
    slips = _verdicts(setup + "Common slips: $H_{o} = H - k + 2$.\n")
    assert slips[-1][1] is Verdict.REFUTED, slips


def test_inverses_and_determinants_of_a_matrix_of_any_size_are_checked_at_each_size():
    """A^{-1} and det A of an n x n matrix: written out exactly at every size the claim is checked at (proved for n
    up to a bound, never for all n), refuted with a certified counterexample where the document says the matrix is
    invertible, and the shape and property said in words ("an invertible $n \\times n$ matrix")."""
    text = ("Let $A$ be an invertible $n \\times n$ matrix, $B$ an invertible $n \\times n$ matrix and "
            "$u, v \\in \\mathbb{R}^n$.\n\n$$\n(AB)^{-1} = B^{-1} A^{-1}\n$$\n\n$$\n(AB)^{-1} = A^{-1} B^{-1}\n$$\n\n"
            "$$\n\\det(A + B) = \\det A + \\det B\n$$\n\n"
            "$$\n\\det(A + u v^\\top) = (1 + v^\\top A^{-1} u) \\det A\n$$\n")
    d = read_document(text, "doc.md", default_notation())
    results = [verify_check(c, SETTINGS) for c in checks_of(d)]
    assert [r.verdict for r in results] == [Verdict.BOUNDED, Verdict.REFUTED, Verdict.REFUTED, Verdict.BOUNDED]
    # (the inverse of AB at n = 4 has a determinant of 4! 4^4 products: the exact sizes end by 3, never a run
    # without end; how far they get within the time a check has depends on the machine's load)
    assert 2 <= results[0].bound <= 3 and 3 <= results[3].bound <= 4
    assert all(any(r.text == "$A \\in \\mathbb{R}^{n \\times n}$" for r in c.readings) for c in checks_of(d))
    assert any("$B$ is invertible: checked where its determinant is not 0" in r.text for r in checks_of(d)[2].readings)
    # (the counterexample to det(A + B) = det A + det B has both matrices invertible, as the document says)
    cx = results[2].counterexample
    for name in ("A", "B"):
        m = cx.values[name]
        assert sp.Matrix(m.shape[0], m.shape[1], [v.exact for v in m.entries]).det() != 0
    # (an inverse of a matrix that is not square is refused, never read)
    found = _verdicts("Let $X \\in \\mathbb{R}^{n \\times p}$ and $y \\in \\mathbb{R}^n$.\n\n$$\nX^{-1} y = X^\\top y\n$$\n")
    assert found[0][1] is Verdict.UNKNOWN and "read only of a square one" in found[0][2]


def test_a_matrix_said_positive_definite_is_checked_for_every_such_matrix():
    """"symmetric positive definite" is more than symmetric: |x^T A x| = x^T A x holds for every such A and is never
    refuted by a symmetric indefinite one; a false claim is refuted at a positive (semi)definite matrix."""
    text = ("Let $A \\in \\mathbb{R}^{n \\times n}$ be symmetric positive definite, $\\Sigma$ a symmetric positive "
            "semi-definite $n \\times n$ matrix and $x \\in \\mathbb{R}^n$.\n\n$$\n|x^\\top A x| = x^\\top A x\n$$\n\n"
            "$$\nx^\\top \\Sigma x = |x^\\top \\Sigma x|\n$$\n\n$$\nx^\\top A x = x^\\top x\n$$\n\n"
            "$$\nx^\\top \\Sigma x = x^\\top x\n$$\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found][:2] != [Verdict.REFUTED] * 2
    assert all(v in (Verdict.PROVED, Verdict.NUMERIC) for _, v, _ in found[:2])
    d = read_document(text, "doc.md", default_notation())
    for check, name in zip(checks_of(d)[2:], ("A", "Sigma")):
        r = verify_check(check, SETTINGS)
        assert r.verdict is Verdict.REFUTED
        m = r.counterexample.values[name]
        matrix = sp.Matrix(m.shape[0], m.shape[1], [v.exact for v in m.entries])
        assert matrix == matrix.T and all(e >= 0 for e in matrix.eigenvals())
        if name == "A":
            assert matrix.det() > 0


def test_what_a_sentence_says_of_its_case_parity_region_or_symmetry_is_never_checked_past():
    """"for odd $n$", "If $\\beta_1 = 0$ then ...", "If $A$ is not symmetric", "On $[0, 1]$ ...": what the words say
    of a claim's case. A refutation at an even n is withheld; the formulas a condition gives are claims under it,
    never definitions for the rest of the document; the paragraph that says A is not symmetric is about any A;
    a function given on one interval is not checked on another."""
    odd = _verdicts("So $b_n = \\frac{4}{n\\pi}$ for odd $n$; the factor is $1 - (-1)^n = 2$ there.\n\n"
                    "For every $n$ we have $(-1)^n = 1$.\n")
    assert odd[-2][1] is Verdict.UNKNOWN and "$n$ is odd" in odd[-2][2]
    assert odd[-1][1] is Verdict.REFUTED
    adam = _verdicts("Let $m_t = \\beta_1 m_{t-1} + (1 - \\beta_1) g_t$ with $m_0 = 0$, and $\\hat m_t = m_t / (1 - \\beta_1^t)$.\n\n"
                     "If $\\beta_1 = 0$ then $\\hat m_t = g_t$ for every $t \\ge 1$.\n\n"
                     "In general $\\hat m_t = g_t$ is false.\n")
    conditional = [r for r in adam if r[0] == 3]
    assert conditional and all(v is Verdict.UNKNOWN for _, v, _ in conditional)
    assert "$\\beta_1 = 0$" in conditional[0][2]
    assert [v for line, v, _ in adam if line == 5] == [Verdict.REFUTED]  # (never a definition made by the "if")
    symmetric = _verdicts("Let $A \\in \\mathbb{R}^{n \\times n}$ be symmetric and $x \\in \\mathbb{R}^n$.\n\n"
                          "If $A$ is *not* symmetric, then\n$$\n\\nabla_x (x^\\top A x) = 2 A x\n$$\n\n"
                          "In the rest $A$ is symmetric again:\n$$\n\\nabla_x (x^\\top A x) = 2 A x\n$$\n")
    assert [v for _, v, _ in symmetric] == [Verdict.REFUTED, Verdict.PROVED]
    spline = _verdicts("On $[0, 1]$ the formula reduces to\n$$\nS(x) = -\\frac{x^3}{2} + \\frac{3 x}{2}\n$$\n\n"
                       "So $S(\\frac{1}{2}) = \\frac{11}{16}$. On $[1, 2]$ reusing $S(x) = -\\frac{x^3}{2} + \\frac{3 x}{2}$ "
                       "is wrong.\n")
    assert spline[1][1] is Verdict.PROVED
    assert spline[-1][1] is Verdict.UNKNOWN and "said on $[1, 2]$" in spline[-1][2]


def test_a_function_given_at_one_argument_is_read_there_only_inside_another_function():
    """rho(M_J) = a number is rho's value at M_J: \\log_{10} \\rho(M_{GS}) is refused, never read as that number."""
    found = _verdicts("Here\n$$\n\\rho(M_J) = \\sqrt{\\frac{2}{20}}\n$$\n\nThen $\\log_{10} \\rho(M_J) = -\\frac{1}{2}$ and "
                      "$\\log_{10} \\rho(M_{GS}) = -\\frac{1}{2}$.\n")
    assert [v for _, v, _ in found] == [Verdict.UNKNOWN, Verdict.PROVED, Verdict.UNKNOWN]
    assert "defined at its own arguments" in found[-1][2]


def test_a_value_chosen_so_that_or_given_later_on_the_line_is_never_checked_past():
    """"place the inputs so that $r^2 = 2 \\ell^2 \\log 2$": a supposition, which holds where a claim holds r through a
    definition (c = e^{-r^2 / (2 \\ell^2)}); "... $= \\frac{1 - \\beta_1}{\\sqrt{1 - \\beta_2}}$; with the defaults
    $\\beta_1 = 0.9$": a number given later on the claim's line, which derive would read in the whole line."""
    found = _verdicts("Let $r = x_1 - x_2$ and $c = \\exp\\left(-\\frac{r^2}{2 \\ell^2}\\right)$, $\\ell > 0$.\n\n"
                      "Place the inputs so that $r^2 = 2 \\ell^2 \\log 2$. Then $\\frac{\\partial c}{\\partial \\ell} = "
                      "\\frac{\\log 2}{\\ell}$.\n")
    assert [v for line, v, _ in found if line == 3] == [Verdict.UNKNOWN]
    assert "$r^2 = 2 \\ell^2 \\log 2$" in found[-1][2]
    later = _verdicts("Let $m_1 = (1 - \\beta_1) g$ and $s_1 = (1 - \\beta_2) g^2$ with $g > 0$.\n\n"
                      "The factor is $\\frac{m_1}{\\sqrt{s_1}} = \\frac{1 - \\beta_1}{\\sqrt{1 - \\beta_2}}$; with the defaults "
                      "$\\beta_1 = 0.9$, $\\beta_2 = 0.999$ it is about three.\n")
    claim = [r for r in later if r[0] == 3][0]
    assert claim[1] is Verdict.UNKNOWN and "given a number later on its line" in claim[2]


def test_a_function_of_a_vector_and_a_number_and_a_size_letter_written_only_as_a_label():
    """J(w, b) = ... of a declared vector w and a number b is J at its own arguments (dJ/db reads the formula);
    \\sigma_n beside \\sigma_f, with n written nowhere else, is a name of its own, never entry n of a vector."""
    found = _verdicts("Let $w \\in \\mathbb{R}^d$, $x \\in \\mathbb{R}^d$, $y \\in \\mathbb{R}$ and $b \\in \\mathbb{R}$, and\n$$\n"
                      "J(w, b) = \\frac{1}{2} (w^\\top x + b - y)^2 .\n$$\nThen\n$$\n\\frac{\\partial J}{\\partial b} = "
                      "w^\\top x + b - y , \\qquad \\frac{\\partial J}{\\partial b} = w^\\top x - y .\n$$\n")
    assert [v for _, v, _ in found] == [Verdict.UNKNOWN, Verdict.PROVED, Verdict.REFUTED]
    lagrangian = _verdicts("Let $p \\in \\mathbb{R}^K$ and\n$$\n\\mathcal{L}(p, \\lambda) = -\\sum_{k=1}^{K} p_k \\log p_k + "
                           "\\lambda \\Big( \\sum_{k=1}^{K} p_k - 1 \\Big) .\n$$\nThen\n$$\n\\frac{\\partial \\mathcal{L}}{\\partial p_k} = "
                           "-\\log p_k - 1 + \\lambda , \\qquad \\frac{\\partial \\mathcal{L}}{\\partial p_k} = -\\log p_k + \\lambda .\n$$\n")
    assert [v for _, v, _ in lagrangian] == [Verdict.UNKNOWN, Verdict.PROVED, Verdict.REFUTED]
    labels = _verdicts("With signal variance $\\sigma_f^2 > 0$ and noise variance $\\sigma_n^2 > 0$, let $s = \\sigma_f^2 + "
                       "\\sigma_n^2$. Then $s - \\sigma_n^2 = \\sigma_f^2$ and $s = \\sigma_f^2$.\n")
    assert [v for _, v, _ in labels][-2:] == [Verdict.PROVED, Verdict.REFUTED]


def test_a_unit_vector_said_for_one_statement_is_not_said_of_a_lagrangian_after_it():
    """"For a unit vector $w$ the variance is ...": said of that statement (and the display right after it); the
    Lagrangian a later paragraph writes frees w of its constraint, and dL/d(lambda) = w^T w - 1 is false there."""
    text = ("For a unit vector $w \\in \\mathbb{R}^d$ the variance is\n$$\nw^\\top w \\, c = c\n$$\n\n"
            "Someone wrote something else.\n\n**The Lagrangian.** Put\n$$\n\\mathcal{L}(w, \\lambda) = c - \\lambda "
            "(w^\\top w - 1) .\n$$\nThen $\\frac{\\partial \\mathcal{L}}{\\partial \\lambda} = 1 - w^\\top w$, not "
            "$\\frac{\\partial \\mathcal{L}}{\\partial \\lambda} = w^\\top w - 1$.\n")
    found = _verdicts(text)
    assert found[0][1] is Verdict.PROVED  # (w^T w = 1 where it is said)
    assert [v for _, v, _ in found][-2:] == [Verdict.PROVED, Verdict.REFUTED]


def test_a_family_of_functions_defined_by_a_recurrence_is_read_at_each_step_and_at_a_size():
    """T_{n+1}(x) = 2x T_n(x) - T_{n-1}(x) from T_0(x) = 1, T_1(x) = x: T_2, T_3 worked out are claims checked against
    it (one wrong constant refuted), T_n at a size checked exactly at each size up to the bound, never proved for all
    n; a factor before the left side (Legendre's (n + 1) P_{n+1}(x)) divides; T_m at a letter that is no size is
    refused."""
    text = ("Define $T_0(x) = 1$, $T_1(x) = x$ and, for $n \\ge 1$,\n$$\nT_{n+1}(x) = 2x \\, T_n(x) - T_{n-1}(x) .\n$$\n\n"
            "## The first few\n\n$$\nT_2(x) = 2x^2 - 1 , \\qquad T_4(x) = 8x^4 - 8x^2 - 1\n$$\n\n"
            "So $T_n(\\cos t) = \\cos(nt)$, $T_n(1) = 1$, $T_n'(1) = n$ and $2 T_m(x) T_n(x) = T_{m+n}(x) + T_{m-n}(x)$.\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found] == [Verdict.UNKNOWN] * 3 + [
        Verdict.PROVED, Verdict.REFUTED, Verdict.BOUNDED, Verdict.BOUNDED, Verdict.REFUTED, Verdict.UNKNOWN]
    legendre = ("Let $P_0(x) = 1$, $P_1(x) = x$ and\n$$\n(n + 1) P_{n+1}(x) = (2n + 1) x P_n(x) - n P_{n-1}(x) .\n$$\n\n"
                "$$\nP_2(x) = \\frac{3x^2 - 1}{2}, \\qquad P_3(x) = \\frac{5x^3 - 3x}{2}, \\qquad P_n'(1) = \\frac{n(n+1)}{2}, "
                "\\qquad P_3(x) = \\frac{5x^3 - 3x}{3}\n$$\n")
    assert [v for _, v, _ in _verdicts(legendre)][-4:] == [Verdict.PROVED, Verdict.PROVED, Verdict.BOUNDED,
                                                           Verdict.REFUTED]


def test_every_entry_of_a_vector_given_a_number_in_a_paragraph_is_that_paragraphs_example():
    """"With $N = 2$, $x_1 = 1$ and $x_2 = 3$": the example x = (1, 3), at which the paragraph's claims that give
    numbers are checked (a wrong mean refuted there); with an entry missing, only a proof for every x stands."""
    text = ("Let $x_1, \\dots, x_N \\in \\mathbb{R}$ be samples. Write $\\bar{x} = \\frac{1}{N} \\sum_{n=1}^{N} x_n$.\n\n"
            "**Example.** With $N = 2$, $x_1 = 1$ and $x_2 = 3$ we get $\\bar{x} = 2$ and\n$$\n"
            "\\sum_{n=1}^{2} (x_n - \\bar{x})^2 = 3\n$$\n")
    assert [v for _, v, _ in _verdicts(text)] == [Verdict.UNKNOWN, Verdict.PROVED, Verdict.REFUTED]
    partial = text.replace("$x_1 = 1$ and ", "")
    assert [v for _, v, _ in _verdicts(partial)][1:] == [Verdict.UNKNOWN, Verdict.UNKNOWN]


def test_a_symmetric_weight_matrix_with_zero_diagonal_and_its_entries_written_in_lower_case():
    """"a symmetric weight matrix $W \\in ...$ with zero diagonal": W is checked as every such matrix; w_{ij}, written
    nowhere else, is W's entry (shown). Without the words the same links are no longer proved."""
    text = ("A network has states $s \\in \\mathbb{R}^n$, a symmetric weight matrix $W \\in \\mathbb{R}^{n \\times n}$ "
            "with zero diagonal, and thresholds $b \\in \\mathbb{R}^n$.\n$$\nh_k = \\sum_{j=1}^{n} w_{kj} s_j + b_k\n$$\n\n"
            "$$\n-\\frac{1}{2} \\left( \\sum_{j=1}^{n} w_{kj} s_j + \\sum_{i=1}^{n} w_{ik} s_i \\right) - b_k = -h_k\n$$\n\n"
            "$$\n-s_k \\sum_{j \\ne k} w_{kj} s_j - b_k s_k = -s_k h_k\n$$\n\n"
            "$$\n-\\frac{1}{2} \\sum_{j=1}^{n} w_{kj} s_j - b_k = -\\frac{1}{2} h_k\n$$\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found] == [Verdict.UNKNOWN, Verdict.PROVED, Verdict.PROVED, Verdict.REFUTED]
    d = read_document(text, "doc.md", default_notation())
    assert any("entry of the matrix $W$" in r.text for c in checks_of(d) for r in c.readings)
    plain = text.replace("a symmetric weight matrix", "a weight matrix").replace(" with zero diagonal", "")
    assert [v for _, v, _ in _verdicts(plain)][1:3] == [Verdict.REFUTED, Verdict.REFUTED]


def test_an_inequality_of_a_formula_said_before_a_claim_in_its_paragraph_is_a_supposition():
    """"..., so $a b < 0$ and [display]": the display may rely on it; a refutation without it does not stand."""
    text = ("Let $a, b \\in \\mathbb{R}$. A flip happens only when $a$ and $b$ have opposite signs, so $a b < 0$ and\n"
            "$$\na b = -|a b| .\n$$\n")
    (found,) = _verdicts(text)
    assert found[1] is Verdict.UNKNOWN and "$a b < 0$" in found[2]
    apart = text.replace("and\n$$", "and\n\nthen\n$$")
    assert _verdicts(apart)[0][1] is Verdict.REFUTED


def test_a_greek_letter_declared_in_a_power_of_a_finite_set():
    """"$\\xi \\in \\{-1, +1\\}^n$": a vector of length n whose entries are -1 or 1 (a counterexample must be one)."""
    text = ("With one pattern $\\xi \\in \\{-1, +1\\}^n$,\n$$\n(\\xi^\\top \\xi)^2 - \\xi^\\top \\xi = n^2 - n\n$$\n")
    (found,) = _verdicts(text)
    assert found[1] is Verdict.UNKNOWN and "\\{-1, +1\\}^n" in found[2]


def test_a_matrix_declared_with_its_type_only_and_later_given_a_formula_is_not_refuted_for_every_matrix():
    """"the Hebbian weights are $W = \\frac{1}{n}(\\xi \\xi^\\top - I)$" of a W declared as any n x n matrix: from there
    a claim about W is read for every W, so a refutation does not stand (a proof would); a written-out example is
    not such a formula. A_{12} of a declared matrix is its entry in row 1, column 2."""
    text = ("Let $W \\in \\mathbb{R}^{n \\times n}$ and $x \\in \\mathbb{R}^n$.\n\nWith one pattern $\\xi \\in \\mathbb{R}^n$, "
            "the Hebbian weights are $W = \\frac{1}{n} \\left( \\xi \\xi^\\top - I \\right)$.\n$$\nW x = \\frac{1}{n} "
            "(\\xi^\\top x) \\xi - \\frac{1}{n} x\n$$\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found] == [Verdict.UNKNOWN, Verdict.UNKNOWN]
    assert "given a formula on line 3" in found[1][2]
    entries = "Let $A \\in \\mathbb{R}^{n \\times n}$ be symmetric.\n$$\nA_{12} = A_{21}\n$$\n\n$$\nA_{12} = A_{11}\n$$\n"
    assert [v for _, v, _ in _verdicts(entries)] == [Verdict.PROVED, Verdict.UNKNOWN]  # (A_{12} against A_{11}: no name shared)


def test_a_formula_the_words_call_the_correct_one_redefines_the_name_from_there():
    """A definition the document takes back ("The correct estimator is") is this formula from there on: the sample
    value after it is checked against it, never the correction refuted against the old formula. "would be" defines
    nothing; \\hat r(y) = ... defines the function r-hat, applied at y_w."""
    text = ("Let $m, v > 0$. Matching moments, $$\\hat\\beta = \\frac{v}{m}$$\n\nThat fails the check. "
            "The correct estimator is\n$$\n\\hat\\beta = \\frac{m}{v}\n$$\nand for $m = 4$, $v = 2$:\n$$\n\\hat\\beta = 2\n$$\n")
    assert [v for _, v, _ in _verdicts(text)] == [Verdict.UNKNOWN, Verdict.UNKNOWN, Verdict.PROVED]
    said = ("Let $z \\in \\mathbb{R}$. So the factor would be $R(z) = 1 + z + z^2$. Looking again, the factor is\n$$\n"
            "R(z) = 1 + z + \\frac{z^2}{2}\n$$\n\n$$\nR(0) = 1\n$$\n")
    assert [v for _, v, _ in _verdicts(said)][-1] is Verdict.PROVED
    accent = ("Let $\\beta > 0$. The reward is $\\hat r(y) = \\beta y^2$ and\n$$\n\\hat r(u) - \\hat r(w) = \\beta (u - w)(u + w)\n$$\n")
    assert [v for _, v, _ in _verdicts(accent)][-1] is Verdict.PROVED


def test_an_equation_the_words_say_is_solved_is_a_supposition_never_refuted():
    """"the minimiser solves $(X^\\top X + \\lambda I) w = X^\\top y$": what one w satisfies, never a claim for every w;
    the same formula said as a claim is refuted."""
    base = "Let $X \\in \\mathbb{R}^{n \\times d}$, $y \\in \\mathbb{R}^n$, $w \\in \\mathbb{R}^d$ and $\\lambda > 0$. "
    solved = _verdicts(base + "The unique minimiser solves $(X^\\top X + \\lambda I) w = X^\\top y$.\n")
    assert solved and all(v is not Verdict.REFUTED for _, v, _ in solved)
    assert "equation to solve" in solved[-1][2]
    said = _verdicts(base + "Hence $(X^\\top X + \\lambda I) w = X^\\top y$.\n")
    assert said[-1][1] is Verdict.REFUTED


def test_a_horizontal_rule_starts_a_new_part_as_a_heading_does():
    """A forum thread's next answer after ---: a step x_{k+1} given anew there is a new method's as likely as a claim
    about the earlier one, and a function each part defines anew is not carried into a part that does not."""
    thread = ("Let $a > 0$. The Babylonian iteration is\n\n$$\nx_{k+1} = \\frac{1}{2} \\left( x_k + \\frac{a}{x_k} \\right)\n$$\n\n"
              "---\n\nNewton on $g(x) = x^{-2} - a$ gives $x_{k+1} = x_k - \\frac{x_k^{-2} - a}{-2 x_k^{-3}}$.\n")
    found = _verdicts(thread)
    assert found and all(v is not Verdict.REFUTED for _, v, _ in found)
    assert any("earlier heading" in why for _, _, why in found)
    parts = ("Let $x > 0$. Take $g(x) = \\log x$, so $g'(x) = 1/x$.\n\n---\n\nNow $g(x) = \\sqrt{x}$ and "
             "$g'(x) = \\frac{1}{2 \\sqrt{x}}$.\n\n---\n\nFor the first one, $g''(1) = -1$.\n")
    found = _verdicts(parts)
    assert [v for line, v, _ in found if line in (1, 5)] == [Verdict.UNKNOWN, Verdict.PROVED] * 2  # (definitions)
    last = [r for r in found if r[0] == 9]
    assert last and last[0][1] is Verdict.UNKNOWN and "defined anew in earlier parts" in last[0][2]


def test_a_matrix_property_in_apposition_after_with_is_read():
    """"with $\\mathbf{A}$ symmetric positive definite": the gradient of x^T A x / 2 is A x for such an A, never
    refuted by a matrix that is not symmetric."""
    text = ("We minimise $f(\\mathbf{x}) = \\frac{1}{2} \\mathbf{x}^\\top \\mathbf{A} \\mathbf{x}$ with $\\mathbf{A}$ "
            "symmetric positive definite.\n\n$$\n\\nabla f(\\mathbf{x}) = \\mathbf{A} \\mathbf{x}\n$$\n")
    found = _verdicts(text)
    assert found[-1][1] is not Verdict.REFUTED and "symmetric positive definite" in found[-1][2]


def test_the_derivative_of_a_function_written_as_a_formula_in_others_is_never_read_at_a_point():
    """(\\log \\sigma)'(0) is the derivative of log o sigma at 0 (1/2), never log sigma(z) differentiated by nothing."""
    text = "Let $\\sigma(x) = \\frac{1}{1 + e^{-x}}$.\n\nSo $(\\log \\sigma)'(0) = \\frac{1}{2}$ and $(\\log \\sigma)''(0) = -\\frac{1}{4}$.\n"
    found = _verdicts(text)
    assert [v for line, v, _ in found if line == 3] and all(v is not Verdict.REFUTED for line, v, _ in found if line == 3)


def test_a_probability_of_one_is_a_bernoulli_law_only_of_a_variable_in_0_1():
    """P(Y = 1) = 1.4 e^{-2} of a count Y (P(Y = k) for every k) is no Bernoulli law: its variance is not p (1 - p)."""
    count = ("With $\\pi = 0.3$ and $\\lambda = 2$: $P(Y = 0) = 0.3 + 0.7 e^{-2}$, $P(Y = 1) = 1.4 e^{-2}$ and "
             "$P(Y = k) = 0.7 \\frac{2^k e^{-2}}{k!}$ for $k \\ge 1$, so\n\n$$\n\\operatorname{Var}(Y) = 2.24\n$$\n")
    assert _verdicts(count)[-1][1] is not Verdict.REFUTED
    bit = ("Let $z \\in \\{0, 1\\}$ with $P(z = 1) = p$ and $P(z = 0) = 1 - p$.\n\n$$\n\\operatorname{Var}(z) = p (1 - p)\n$$\n\n"
           "$$\n\\operatorname{Var}(z) = p\n$$\n")
    assert [v for _, v, _ in _verdicts(bit)][-2:] == [Verdict.PROVED, Verdict.REFUTED]


def test_a_formula_given_again_after_words_that_take_the_first_back_is_not_checked_against_it():
    """"That cannot be a density ... So $p(\\theta) = \\sin\\theta / 2$": which formula is meant is not read (never
    refuted against the first); "Redoing the algebra ... $x^* = e^{\\mu - \\sigma^2}$" corrects x^* (a marked name)."""
    text = ("The marginal density is $p(\\theta) = \\sin\\theta$ for $\\theta \\in (0, \\pi)$.\n\n"
            "That cannot be a density, since it integrates to 2. So $p(\\theta) = \\frac{\\sin\\theta}{2}$.\n")
    found = _verdicts(text)
    assert found[-1][1] is Verdict.UNKNOWN and "take back" in found[-1][2]
    mode = ("Let $\\mu \\in \\mathbb{R}$ and $\\sigma > 0$. The derivative vanishes at the mode $x^* = e^{\\mu + \\sigma^2}$.\n\n"
            "Hmm. Redoing the algebra: it vanishes at $x^* = e^{\\mu - \\sigma^2}$. So $\\log x^* = \\mu - \\sigma^2$.\n")
    found = _verdicts(mode)
    assert found[-1][1] is Verdict.PROVED and all(v is not Verdict.REFUTED for _, v, _ in found)


def test_a_step_given_anew_under_a_later_heading_is_not_read_in_the_chains_after_it():
    """Euler's q_{n+1} = q_n + h p_n in one section, leapfrog's q_{n+1} in the next: a later use of q_{n+1} may mean
    either, so it is never checked through Euler's."""
    text = ("Let $h > 0$ and $\\omega > 0$.\n\n## Euler\n\nEuler sets $q_{n+1} = q_n + h p_n$ and "
            "$p_{n+1} = p_n - h \\omega^2 q_n$.\n\n## Leapfrog\n\n$$\nq_{n+1} = (1 - h^2 \\omega^2 / 2) q_n + h p_n\n$$\n\n"
            "Hence $q_{n+1} - h p_n = (1 - h^2 \\omega^2 / 2) q_n$.\n")
    found = _verdicts(text)
    assert found[-1][1] is Verdict.UNKNOWN and "gives a step of that name again" in found[-1][2]


def test_a_second_example_vector_is_a_new_example_not_a_claim_about_the_first():
    """"At $\\mathbf{z} = (0, 1)^\\top$: ... At $\\mathbf{z} = (1, 0)^\\top$: ...", z undeclared: the second point is a new
    example's, never refuted against the first."""
    text = ("Let $u \\in \\mathbb{R}^2$ and $a = u_1$.\n\nAt $\\mathbf{z} = (0, 1)^\\top$: $a = 0$.\n\n"
            "At $\\mathbf{z} = (1, 0)^\\top$: $a = 1$.\n")
    found = _verdicts(text)
    assert [v for line, v, _ in found if line == 5][0] is Verdict.UNKNOWN
    assert any("new example" in why for line, _, why in found if line == 5)


def test_a_matrix_given_a_meaning_not_read_is_not_refuted_where_it_stands_on_both_sides():
    """"its diagonal entries $h_{ii} = x_i^\\top A^{-1} x_i$" gives h a meaning derive does not read: a claim with h on
    both sides holds by that meaning, and is never refuted for any h; a claim true of every h is still proved."""
    text = ("Let $X \\in \\mathbb{R}^{n \\times d}$ with rows $x_i^\\top$, $y \\in \\mathbb{R}^n$, $\\lambda > 0$ and "
            "$A = X^\\top X + \\lambda I$, with the diagonal entries $h_{ii} = x_i^\\top A^{-1} x_i$.\n\n"
            "$$\n\\frac{x_i^\\top A^{-1} X^\\top y - h_{ii} y_i}{1 - h_{ii}} = \\frac{x_i^\\top A^{-1} X^\\top y - h_{ii} y_i}{1 - h_{ii}}\n$$\n\n"
            "$$\n\\frac{x_i^\\top A^{-1} (X^\\top y - y_i x_i)}{1 - h_{ii}} = \\frac{x_i^\\top A^{-1} X^\\top y - h_{ii} y_i}{1 - h_{ii}}\n$$\n")
    found = _verdicts(text)
    assert found[-2][1] in (Verdict.PROVED, Verdict.BOUNDED)  # (an inverse of any size: exact at each size)
    assert found[-1][1] is Verdict.UNKNOWN and "a meaning for h" in found[-1][2]


def test_a_pi_the_document_declares_is_that_number_where_it_never_writes_the_constant():
    """"with probability $\\pi \\in (0, 1)$" (a zero-inflated model): pi is that number, shown as such, where the
    document writes no 2\\pi, \\sqrt{\\pi} or \\cos \\pi t; where it does, a bare \\pi is refused, never guessed."""
    text = ("With probability $\\pi \\in (0, 1)$ the count is zero, otherwise it is Poisson with rate $\\lambda > 0$, "
            "with generating function $G(s) = \\pi + (1 - \\pi) e^{\\lambda (s - 1)}$.\n\n"
            "$$\nG'(1) = (1 - \\pi) \\lambda\n$$\n\n$$\nG'(1) = \\lambda\n$$\n")
    d = read_document(text, "doc.md", default_notation())
    found = [(verify_check(c, SETTINGS), c) for c in checks_of(d)]
    assert [r.verdict for r, _ in found][-2:] == [Verdict.PROVED, Verdict.REFUTED]
    assert any("not the constant" in reading.text for reading in found[-2][1].readings)
    constant = _verdicts(text + "\nThe normal density has $\\frac{1}{\\sqrt{2 \\pi}}$ in front, and $G(1) = 1$.\n")
    assert all(v is not Verdict.PROVED for line, v, _ in constant if line in (4, 8))


def test_the_ranges_said_of_names_a_defined_function_holds_apply_to_its_derivative_at_a_point():
    """f'(1) of f(x) = |a| x^2 with a > 0: a's range holds there as it does for f(1), so f'(1) = g'(1) (g = a x^2) is
    proved, never refuted at a negative a; and a counterexample to G'(1) = lambda keeps pi in (0, 1)."""
    found = _verdicts("Let $a > 0$ and $f(x) = |a| x^2$ and $g(x) = a x^2$.\n\n$$\nf'(1) = g'(1)\n$$\n")
    assert found[-1][1] is Verdict.PROVED
    text = ("Let $\\pi \\in (0, 1)$ and $\\lambda > 0$, and $G(s) = \\pi + (1 - \\pi) e^{\\lambda (s - 1)}$.\n\n"
            "$$\nG'(1) = \\lambda\n$$\n")
    d = read_document(text, "doc.md", default_notation())
    r = verify_check(checks_of(d)[-1], SETTINGS)
    assert r.verdict is Verdict.REFUTED and 0 < r.counterexample.values["pi"].entries[0].exact < 1


def test_erf_thousands_separators_and_inverse_functions():
    """\\operatorname{erf} is read (its derivative 2/sqrt(pi) e^{-x^2}); 25{,}600{,}000 is one number; \\Phi^{-1}(p) of a
    \\Phi the document defines is its inverse function, refused, never a power of its value times (p)."""
    erf = _verdicts("For real $x$:\n\n$$\n\\frac{d}{dx} \\operatorname{erf}(x) = \\frac{2}{\\sqrt{\\pi}} e^{-x^2}\n$$\n\n"
                    "$$\n\\frac{d}{dx} \\operatorname{erf}(x) = \\frac{2}{\\sqrt{\\pi}} e^{-x}\n$$\n")
    assert [v for _, v, _ in erf] == [Verdict.PROVED, Verdict.REFUTED]
    big = _verdicts("$$\n50000 \\cdot 512 = 25{,}600{,}000\n$$\n\n$$\n50000 \\cdot 512 = 2{,}560{,}000\n$$\n")
    assert [v for _, v, _ in big] == [Verdict.PROVED, Verdict.REFUTED]
    inverse = _verdicts("Let $x \\in \\mathbb{R}^m$ and $\\Phi(x) = \\frac{1}{2} ( 1 + \\operatorname{erf}(x / \\sqrt{2}) )$.\n\n"
                        "$$\n\\Phi^{-1}(p) = p\n$$\n")
    assert inverse[-1][1] is Verdict.UNKNOWN and "inverse function" in inverse[-1][2]


def test_a_cross_product_and_a_dot_product_of_vectors_in_r3():
    """a \\times b of vectors of length 3 is their cross product, a \\cdot b their inner product (shown in the
    reading); a \\times b of vectors of any length n is refused."""
    text = ("Let $\\mathbf{a}, \\mathbf{b}, \\mathbf{c} \\in \\mathbb{R}^3$.\n\n"
            "$$\n\\mathbf{a} \\times (\\mathbf{b} \\times \\mathbf{c}) = \\mathbf{b} \\, (\\mathbf{a} \\cdot \\mathbf{c}) - "
            "\\mathbf{c} \\, (\\mathbf{a} \\cdot \\mathbf{b})\n$$\n\n"
            "$$\n\\mathbf{a} \\cdot (\\mathbf{b} \\times \\mathbf{c}) = \\mathbf{b} \\cdot (\\mathbf{a} \\times \\mathbf{c})\n$$\n")
    d = read_document(text, "doc.md", default_notation())
    results = [verify_check(c, SETTINGS) for c in checks_of(d)]
    assert [r.verdict for r in results] == [Verdict.PROVED, Verdict.REFUTED]
    assert any("cross product" in r.text for r in checks_of(d)[0].readings)
    general = _verdicts("Let $a, b \\in \\mathbb{R}^n$.\n\n$$\na \\times b = -b \\times a\n$$\n")
    assert general[-1][1] is Verdict.UNKNOWN and "length 3" in general[-1][2]


def test_a_derivative_fraction_followed_by_its_point_is_the_derivative_there():
    """\\frac{df}{dx}(2) of f(x) = x^3 is f'(2) = 12, never f'(x) times 2 (refuted at x = 0 once); the partial of a
    function of several variables at a point is read alike, and a wrong value is refuted. A fraction over a name the
    document does not define as a function, or by another variable, is refused with how to write it, while
    \\frac{\\partial L}{\\partial h} (1 - h^2) of a name L stays a product."""
    found = _verdicts("Let $x, y \\in \\mathbb{R}$, $f(x) = x^3$ and $g(x, y) = x y - x^2$.\n\n"
                      "$$\n\\frac{\\partial g}{\\partial y}(x, y) = x\n$$\n\n$$\n\\frac{d f}{d x}(2) = 12\n$$\n\n"
                      "$$\n\\frac{\\partial^2 g}{\\partial x^2}(1, 5) = -1\n$$\n\n$$\n\\frac{d^2 f}{d x^2}(1) = 6\n$$\n\n"
                      "$$\n\\frac{d f}{d t}(2) = 12\n$$\n\n$$\n\\frac{d u}{d x}(2) = 12\n$$\n")
    assert [v for _, v, _ in found[-6:]] == [Verdict.PROVED, Verdict.PROVED, Verdict.REFUTED, Verdict.PROVED,
                                            Verdict.UNKNOWN, Verdict.UNKNOWN]
    assert all("derivative at a point" in why for _, _, why in found[-2:])
    product = _verdicts("Let $h = \\tanh(z)$ for real $z$ and $L = h^2$.\n\n"
                        "$$\n\\frac{\\partial L}{\\partial z} = \\frac{\\partial L}{\\partial h} (1 - h^2)\n$$\n")
    assert product[-1][1] is Verdict.PROVED
    kink = _verdicts("Let $g(x, y) = |x| y$ for real $x, y$.\n\n$$\n\\frac{\\partial g}{\\partial x}(0, 1) = 0\n$$\n")
    assert kink[-1][1] is Verdict.UNKNOWN


def test_a_derivative_order_in_parentheses_on_a_function_is_never_a_power():
    """f^{(3)}(0) of f(x) = x^3 is f'''(0) = 6, never f(0)^3 = 0 (refuted so once); \\sin^{(2)} x likewise; an order past
    4, and h^{(2)}(x) of layers labelled so (never primed, never defined as h(x)), are refused."""
    found = _verdicts("Let $f(x) = x^3$ for real $x$.\n\n$$\nf^{(3)}(0) = 6\n$$\n\n$$\n\\sin^{(2)} x = -\\sin x\n$$\n\n"
                      "$$\nf^{(2)}(1) = 5\n$$\n\n$$\nf^{(5)}(0) = 0\n$$\n")
    assert [v for _, v, _ in found[-4:]] == [Verdict.PROVED, Verdict.PROVED, Verdict.REFUTED, Verdict.UNKNOWN]
    assert "order" in found[-1][2]
    layers = _verdicts("Let $h^{(1)}(x) = \\tanh(2x)$ and $h^{(2)}(x) = \\tanh(h^{(1)}(x))$ for real $x$.\n\n"
                       "$$\nh^{(2)}(0) = 0\n$$\n")
    assert layers[-1][1] is Verdict.UNKNOWN


def test_a_formula_for_a_function_the_words_name_is_a_claim_about_it():
    """"$\\Phi$ is the standard normal CDF": $\\Phi(x) = \\frac{1}{2}(1 + \\operatorname{erf}(x / \\sqrt{2}))$ after it is
    proved against that function, $\\frac{1}{2}(1 + \\operatorname{erf}(x))$ refuted, and Phi stays the CDF after both."""
    text = ("Let $\\operatorname{GELU}(x) = x \\, \\Phi(x)$ for real $x$, where $\\Phi$ is the standard normal CDF. "
            "In code, $\\Phi(x) = \\frac{1}{2} \\big( 1 + \\operatorname{erf}(x / \\sqrt{2}) \\big)$; I have also seen "
            "$\\Phi(x) = \\frac{1}{2} \\big( 1 + \\operatorname{erf}(x) \\big)$.\n\n$$\n\\operatorname{GELU}(1) = \\Phi(1)\n$$\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found][-3:] == [Verdict.PROVED, Verdict.REFUTED, Verdict.PROVED]


def test_the_gamma_function_is_read_of_a_number_and_checked():
    """\\Gamma(s + 1) = s \\Gamma(s) and its two-step form are proved, a dropped factor refuted at a certified point; a
    value at a whole number is exact; the derivative (digamma) and Gamma of a vector are refused, never misread."""
    found = _verdicts("Let $s > 0$.\n\n$$\n\\Gamma(s + 1) = s \\, \\Gamma(s)\n$$\n\n$$\n\\Gamma(s + 2) = (s + 1) s \\, \\Gamma(s)\n$$\n\n"
                      "$$\n\\Gamma(s + 2) = s^2 \\Gamma(s)\n$$\n\n$$\n\\frac{\\Gamma(8) \\, \\Gamma(4)}{\\Gamma(12)} = \\frac{7! \\, 3!}{11!}\n$$\n\n"
                      "$$\n\\Gamma(4) = 7\n$$\n\n$$\n\\Gamma'(s) = \\Gamma(s)\n$$\n")
    assert [v for _, v, _ in found] == [Verdict.PROVED, Verdict.PROVED, Verdict.REFUTED, Verdict.PROVED,
                                        Verdict.REFUTED, Verdict.UNKNOWN]
    assert "digamma" in found[-1][2]
    vector = _verdicts("Let $x \\in \\mathbb{R}^n$.\n\n$$\n\\Gamma(x) = x\n$$\n")
    assert vector[-1][1] is Verdict.UNKNOWN


def test_binomial_coefficients_and_factorials_of_whole_names_are_read():
    """\\binom{n}{k} of numbers and of names, k! and (k + 1)! of a sum's index; the exponential series through k! is
    summed; x! of a real x stays refused."""
    found = _verdicts("$$\n\\binom{5}{3} = 10, \\quad \\binom{5}{3} = 11, \\quad \\binom{1/2}{2} = -\\frac{1}{8}\n$$\n\n"
                      "$$\n\\sum_{k=0}^{4} (-1)^k \\binom{4}{k} = 1\n$$\n\n"
                      "Let $n \\in \\mathbb{N}$, $\\lambda > 0$ and $x \\in \\mathbb{R}$.\n\n"
                      "$$\n\\binom{n + 1}{2} = \\binom{n}{2} + n\n$$\n\n$$\n\\sum_{k=1}^{3} \\frac{(k+1)!}{k!} = 10\n$$\n\n"
                      "$$\n\\sum_{k=1}^{\\infty} k e^{-\\lambda} \\frac{\\lambda^k}{k!} = \\lambda\n$$\n\n"
                      "$$\n\\sum_{k=0}^{\\infty} \\frac{\\lambda^k}{k!} = e^{2 \\lambda}\n$$\n\n$$\nx! = \\Gamma(x + 1)\n$$\n")
    assert [v for _, v, _ in found] == [Verdict.PROVED, Verdict.REFUTED, Verdict.PROVED, Verdict.REFUTED,
                                        Verdict.PROVED, Verdict.REFUTED, Verdict.PROVED, Verdict.REFUTED,
                                        Verdict.UNKNOWN]
    assert "factorial" in found[-1][2]


def test_an_inverse_transposed_is_read():
    """A^{-\\top} and A^{-T} are the inverse transposed: equal to (A^\\top)^{-1} at every size checked, and refuted
    against A^{-1} by a certified counterexample; never a power -T of a number T."""
    found = _verdicts("Let $A \\in \\mathbb{R}^{n \\times n}$ be invertible.\n\n$$\nA^{-\\top} = (A^\\top)^{-1}\n$$\n\n"
                      "$$\nA^{-T} = A^{-1}\n$$\n")
    assert found[0][1] in (Verdict.PROVED, Verdict.BOUNDED) and found[1][1] is Verdict.REFUTED


def test_a_series_from_a_value_on_is_read_without_its_upper_limit():
    """\\sum_{n \\ge 0} and \\sum_{n > 0} (nothing above) run from that value on, without end; n, by default another
    name of the size, is the series' index where the document never makes it a size."""
    found = _verdicts("Let $|t| < 1$.\n\n$$\n\\sum_{n \\ge 0} t^n = \\frac{1}{1 - t}\n$$\n\n"
                      "$$\n\\sum_{n > 0} t^n = \\frac{1}{1 - t}\n$$\n\n$$\n\\sum_{n \\geq 1} \\frac{(-1)^n}{n} = -\\ln 2\n$$\n")
    assert [v for _, v, _ in found] == [Verdict.PROVED, Verdict.REFUTED, Verdict.PROVED]


def test_what_the_words_suppose_keeps_a_refutation_from_standing():
    """"with $j$ equal to $n - k + 1$ we have $k - 1 = n - j$": an equation said in words is a supposition the claim
    may need; "Substituting $j = n - k + 1$" is no claim; a number a definition brings to one side only (a density
    lambda "that is M/L", never declared) and a starred name (cos x^* = x^*) are particular values: no refutation."""
    found = _verdicts("$$\nT = \\sum_{k=1}^{n} \\frac{1}{k} = \\sum_{j=1}^{n} \\frac{1}{n - j + 1}\n$$\n\n"
                      "Substituting $j = n - k + 1$ gives it. With $j$ equal to $n - k + 1$ we have $k - 1 = n - j$.\n")
    assert [v for _, v, _ in found][-1:] == [Verdict.UNKNOWN] and len(found) == 3
    assert "said in words" in found[-1][2]
    density = _verdicts("A rod of mass $M$ and length $L > 0$ has density $\\lambda$, that is $M/L$.\n\n"
                        "$$\nI = \\int_0^L \\lambda x^2 \\, dx\n$$\n\n$$\nI + M L^2 = \\frac{4}{3} M L^2\n$$\n")
    assert density[-1][1] is Verdict.UNKNOWN and "lambda" in density[-1][2]
    fixed = _verdicts("The fixed point $x^*$ of the cosine satisfies $\\cos x^* = x^*$.\n")
    assert fixed[-1][1] is Verdict.UNKNOWN
    plain = _verdicts("For real $x$, $\\cos x = x$.\n")
    assert plain[-1][1] is Verdict.REFUTED


def test_a_value_asked_for_an_answer_below_a_rule_and_a_new_example_are_no_claims_against_earlier_ones():
    """"needs $v_w = 1/n$" is a condition, never v_w's definition (so "needs $v_w = 1/m$" is not refuted against it);
    "With $r = q/p$" in an answer below a rule defines r there, never a clause of the question's last display; "With a
    curvature $a > 0$, $f(x) = \\frac{a}{2} x^2$" after "For $f(x) = \\frac{1}{2} x^2$" opens a new example: the earlier f
    ends there, and nothing after it is checked against the earlier f."""
    needs = _verdicts("Let $n, m \\ge 1$. The forward pass needs $v_{w} = 1/n$, the backward pass needs $v_{w} = 1/m$.\n")
    assert all(v is not Verdict.REFUTED for _, v, _ in needs)
    thread = _verdicts("Let $p, q > 0$. So for $p \\ne q$, with $r = p / q$, the solution is\n$$\nP = r^2\n$$\n\n---\n\n"
                       "**Answer**\n\nThe root is off: with $r = \\frac{q}{p}$ we get\n$$\nr p = q\n$$\n")
    assert [v for _, v, _ in thread][-1] is Verdict.PROVED
    assert all(v is not Verdict.REFUTED for _, v, _ in thread)
    example = _verdicts("For $f(x) = \\frac{1}{2} x^2$ we get $f'(x) = x$.\n\nWith a curvature $a > 0$, "
                        "$f(x) = \\frac{a}{2} x^2$ and $f'(x) = a x$.\n")
    assert [v for _, v, _ in example] == [Verdict.UNKNOWN, Verdict.PROVED, Verdict.UNKNOWN, Verdict.UNKNOWN]
    assert "defined anew" in example[-1][2]  # (never checked against the earlier f)
    # (both on one line: which f a claim between them means is not settled, and nothing is refuted)
    one_line = _verdicts("For $f(x) = \\frac{1}{2} x^2$ we get $f'(x) = x$. With a curvature $a > 0$, "
                         "$f(x) = \\frac{a}{2} x^2$ and $f'(x) = a x$.\n")
    assert all(v is Verdict.UNKNOWN for _, v, _ in one_line)


def test_a_range_beside_an_equation_is_its_condition_and_a_counterexample_meets_it():
    """`f(t) = t^2, \\quad t > 0`: a range written beside an equation is the condition it holds under (a definition
    still defines); the range of a recurrence's step (`y_n = a y_{n-1}, \\qquad n \\ge 1`) stays refused; a refutation
    under t < 0 shows a point with t < 0, never one a retry with t positive found."""
    found = _verdicts("$$\nf(t) = \\frac{1}{t} , \\qquad t > 0\n$$\n\n$$\nf(2) = \\frac{1}{2}\n$$\n\n"
                      "$$\n\\sqrt{t^2} = -t , \\quad t < 0\n$$\n\n$$\n\\sqrt{t^2} = t \\quad \\text{for } t < 0\n$$\n\n"
                      "$$\ny_n = 2 y_{n-1} , \\qquad n \\ge 1\n$$\n")
    assert [v for _, v, _ in found] == [Verdict.UNKNOWN, Verdict.PROVED, Verdict.PROVED, Verdict.REFUTED,
                                        Verdict.UNKNOWN]
    assert "definition of f" in found[0][2] and "condition beside an equation" in found[-1][2]
    d = read_document("$$\n\\sqrt{t^2} = t \\quad \\text{for } t < 0\n$$\n", "doc.md", default_notation())
    (result,) = [verify_check(c, SETTINGS) for c in checks_of(d)]
    assert result.counterexample.values["t"].entries[0].exact < 0


def test_a_statistic_of_the_data_and_a_default_vector_applied_as_a_function_are_never_free():
    """\\bar{x} never declared, beside data x_i: a statistic (the mean) derive does not read, so a link it reaches
    through a definition (\\hat\\theta = \\bar{x}) is not refuted against 1 / \\hat\\lambda; x(t) of a document that
    writes x(t) = ... (not read) is never the default vector x times t."""
    mean = _verdicts("Let $x_1, \\dots, x_n > 0$ and $\\hat{\\lambda} = \\frac{n}{\\sum_{i=1}^{n} x_i}$. The score vanishes at "
                     "$\\hat{\\theta} = \\bar{x}$.\n\nBy invariance, $\\hat{\\theta} = 1 / \\hat{\\lambda}$.\n")
    assert mean[-1][1] is Verdict.UNKNOWN and "bar{x}" in mean[-1][2]
    applied = _verdicts("The solution is\n$$\nx(t) = e^{-t} \\left( A \\cos \\omega t + 1 \\right)\n$$\n\n"
                        "$$\n\\ln \\frac{x(t)}{x(t + T)} = T\n$$\n")
    assert applied[-1][1] is Verdict.UNKNOWN and "function" in applied[-1][2]


def test_a_sequence_defined_in_closed_form_with_its_range_beside_it_is_read_at_its_terms():
    """`C_n = \\frac{1}{n + 1} \\binom{2n}{n}, \\qquad n \\ge 0` is no recurrence (C is subscripted once): its range beside
    it is a condition, the definition is read, and C_5 = \\frac{1}{5} \\binom{10}{5} is refuted (the prefactor is 1/6);
    "For six faces, $H_6 = ...$" of an H_n the document defines is a claim about H_6, never a supposition."""
    found = _verdicts("$$\nC_n = \\frac{1}{n + 1} \\binom{2n}{n} , \\qquad n \\ge 0 ,\n$$\n\n"
                      "$$\nC_4 = \\frac{1}{5} \\binom{8}{4} = 14 , \\qquad C_5 = \\frac{1}{5} \\binom{10}{5}\n$$\n")
    assert [v for _, v, _ in found] == [Verdict.UNKNOWN, Verdict.PROVED, Verdict.PROVED, Verdict.REFUTED]
    assert "definition of C" in found[0][2]
    harmonic = _verdicts("The mean is $n H_n$, where $H_n = \\sum_{j=1}^{n} \\frac{1}{j}$.\n\n"
                         "For six faces, $H_6 = 1 + \\frac12 + \\frac13 + \\frac14 + \\frac15 + \\frac16 = \\frac{137}{60}$.\n")
    assert [v for _, v, _ in harmonic][-2:] == [Verdict.PROVED, Verdict.REFUTED]  # (137/60 is H_5)


def test_a_starred_function_is_defined_like_any_other_and_a_definition_left_unread_is_never_any_function():
    """x^\\star(t) = ... defines the function x^* (its reading says x*); f^*(y) = \\sup_x (...) is a definition that is
    not read, so f^* after it is the document's (a later formula for it is not refuted against an earlier one); "Let
    $C(x) = \\sum_{n \\ge 0} C_n x^n$" in the words is a definition that is not read, never C as any function."""
    found = _verdicts("$$\nx^\\star(t) = \\frac{1}{t + 2}\n$$\n\nso $x^\\star(0) = \\frac{1}{2}$ and "
                      "$\\frac{d}{dt} x^\\star(t) = -\\frac{1}{(t + 2)^2}$.\n")
    assert [v for _, v, _ in found] == [Verdict.UNKNOWN, Verdict.PROVED, Verdict.PROVED]
    d = read_document("$$\nx^\\star(t) = \\frac{1}{t + 2}\n$$\n\nso $x^\\star(0) = \\frac{1}{2}$.\n", "doc.md",
                      default_notation())
    assert any(r.text == "$x^*$ as the document defines it" for c in checks_of(d) for r in c.readings)
    conjugate = _verdicts("$$\nf^*(y) = \\sup_{x} \\left( x y - f(x) \\right)\n$$\n\n"
                          "For $f(x) = \\frac{1}{2} x^2$, $f^*(y) = \\frac{1}{2} y^2$.\n\n"
                          "With a curvature $a > 0$, $f(x) = \\frac{a}{2} x^2$ and\n$$\nf^*(y) = \\frac{y^2}{2a}\n$$\n")
    assert all(v is not Verdict.REFUTED for _, v, _ in conjugate)
    generating = _verdicts("$$\nC_{n+1} = \\sum_{i=0}^{n} C_i \\, C_{n-i} .\n$$\n"
                           "Let $C(x) = \\sum_{n \\ge 0} C_n x^n$. The recurrence says $C(x) = 1 + x \\, C(x)^2$, so\n"
                           "$$\nC(x) = \\frac{1 + \\sqrt{1 - 4x}}{2x} .\n$$\n")
    assert generating[-2][1] is Verdict.UNKNOWN and "a definition in the words" in generating[-2][2]


def test_members_of_an_iid_family_have_its_law_and_laws_said_with_more_words_are_read():
    """"Let $X_1, \\dots, X_n$ be i.i.d. exponential waiting times with rate $\\lambda > 0$": E[X_1] = 1/lambda even where
    X is written only as X_1, X_2 (each of the family's law, independent of the others); "independent Poisson random
    variables with unknown mean $\\lambda$" gives the law too."""
    found = _verdicts("Let $T_1, \\dots, T_n$ be i.i.d. exponential waiting times with rate $\\lambda > 0$.\n\n"
                      "Then $\\mathbb{E}[T_1] = \\frac{1}{\\lambda}$, $\\operatorname{Var}(T_1 + T_2) = \\frac{2}{\\lambda^2}$ "
                      "and $\\mathbb{E}[T_1 T_2] = \\frac{2}{\\lambda^2}$.\n")
    assert [v for _, v, _ in found] == [Verdict.PROVED, Verdict.PROVED, Verdict.REFUTED]
    poisson = _verdicts("Let $X_1, \\dots, X_n$ be independent Poisson random variables with unknown mean $\\lambda > 0$.\n\n"
                        "Then $\\mathbb{E}[X_1^2] = \\lambda^2 + \\lambda$ and $\\mathbb{E}[X_1^2] = \\lambda^2$.\n")
    assert [v for _, v, _ in poisson] == [Verdict.PROVED, Verdict.REFUTED]


def test_values_of_a_function_never_defined_and_a_name_before_a_list_are_never_refuted():
    """S(n, k) = k S(n - 1, k) + S(n - 1, k - 1) of an S the words describe ("the number of ways ... is $S(n, k)$"):
    values of one function at several points, never refuted as a rule every function obeys (a derivative rule about
    any f still is); N(n, k) = \\binom{n + k - 1}{k - 1} never reads N times the list (n, k)."""
    found = _verdicts("The number of ways is $S(n, k)$, and $S(n, k) = k \\, S(n - 1, k) + S(n - 1, k - 1)$.\n\n"
                      "Check: $S(5, 3) = 3 \\, S(4, 3) + S(4, 2)$.\n\n"
                      "For any $f$ and $g$, $\\frac{d}{dx} f(g(x)) = f'(x) g'(x)$.\n")
    assert all(v is not Verdict.REFUTED for _, v, _ in found[:-1]) and found[-1][1] is Verdict.REFUTED
    listed = _verdicts("Throughout, $n, k \\ge 1$ are integers. The count of the $n$ units is\n$$\n"
                       "N(n, k) = \\binom{n + k - 1}{k - 1} = \\binom{n + k - 1}{n} .\n$$\n")
    assert [v for _, v, _ in listed] == [Verdict.UNKNOWN, Verdict.PROVED]
    assert "list in parentheses" in listed[0][2] or "the document applies N" in listed[0][2]


def test_names_in_a_list_share_a_range_and_a_value_defined_from_x_is_no_function_of_x():
    """"$x, y > 0$" bounds both names (a refutation meets both); r(x + c 1) of an r the document defines from x is
    r at another point or r times (x + c 1): refused, never read as the product (r(1 - r) still is one)."""
    found = _verdicts("Let $x, y > 0$. Then $\\sqrt{x^2} + \\sqrt{y^2} = x + y$ and $\\sqrt{x y} = \\sqrt{x} \\sqrt{y}$.\n")
    assert [v for _, v, _ in found] == [Verdict.PROVED, Verdict.PROVED]
    pearson = _verdicts("Let $x \\in \\mathbb{R}^n$ and $a = x - \\mathbf{1}$. Then\n$$\nr = \\frac{a^\\top a}{n}\n$$\n\n"
                        "and shifting changes nothing, $r(x + c \\mathbf{1}) = r(x)$, while $r(1 - r) = r - r^2$.\n")
    assert pearson[-2][1] is Verdict.UNKNOWN and "another point" in pearson[-2][2]
    assert pearson[-1][1] is Verdict.PROVED


def test_a_mean_of_the_data_written_on_both_sides_is_never_any_number():
    """\\bar x of data x_i ("with means $\\bar x$ and $\\bar y$"), never defined, is their mean: a link holding it on
    both sides, directly or through a definition, is not refuted at another value of it."""
    found = _verdicts("We observe pairs $(x_i, y_i)$, $i = 1, \\dots, n$, with means $\\bar x$ and $\\bar y$, and\n$$\n"
                      "S_{xx} = \\sum_{i=1}^{n} (x_i - \\bar x)^2\n$$\n\n"
                      "$$\nS_{xx} = \\sum_{i=1}^{n} x_i^2 - n \\bar x^2\n$$\n")
    assert found[-1][1] is Verdict.UNKNOWN and "statistic of the data" in found[-1][2]


def test_what_the_words_say_log_means_holds_in_the_definitions_too():
    """"Logs are base 2 and $h(p) = -p \\log p - (1 - p) \\log (1 - p)$": h is read with that base, so h'(p) = log((1 - p) /
    p) holds (in the same base) and is never refuted against a natural-log h."""
    found = _verdicts("Logs are base 2 and $h(p) = -p \\log p - (1 - p) \\log (1 - p)$ is the binary entropy.\n\n"
                      "The derivative is $h'(p) = \\log \\frac{1 - p}{p}$, not $h'(p) = \\ln \\frac{1 - p}{p}$.\n")
    assert [v for _, v, _ in found][-2:] == [Verdict.PROVED, Verdict.REFUTED]


def test_a_value_given_again_for_a_new_example_or_after_words_that_take_it_back_is_not_checked_against_the_first():
    """W = y_1 y_2' - y_1' y_2 of a first example, then "A second example ...: $$W = e^x 2 e^{2x} - e^x e^{2x}$$": the
    new example's W; "My first thought was ... $\\varepsilon_2 = 2 \\varepsilon$. But ...: $$\\varepsilon_2 = ...$$" and
    "... must be measured in units of $\\mathbf{n}$: $$\\mathbf{q} = ...$$" give a name a formula again after words that
    may take the first back: none of them is refuted against the first formula."""
    second = _verdicts("The solutions are $y_1 = \\cos x$ and $y_2 = \\sin x$, with\n$$\nW = y_1 y_2' - y_1' y_2 = 1 .\n$$\n\n"
                       "A second example to practise on: here the solutions are $e^{x}$ and $e^{2x}$, and\n$$\n"
                       "W = e^{x} \\cdot 2 e^{2x} - e^{x} \\cdot e^{2x} = e^{3x}\n$$\n")
    assert all(v is not Verdict.REFUTED for _, v, _ in second)
    assert second[-1][1] is Verdict.PROVED  # (the arithmetic of the new example still is)
    thought = _verdicts("Let $0 < \\varepsilon < 1$. My first thought was that the errors add, $\\varepsilon_2 = 2 \\varepsilon$. "
                        "But two flips cancel:\n$$\n\\varepsilon_2 = \\varepsilon (1 - \\varepsilon) + (1 - \\varepsilon) "
                        "\\varepsilon = 2 \\varepsilon (1 - \\varepsilon) .\n$$\n")
    assert all(v is not Verdict.REFUTED for _, v, _ in thought)
    foot = _verdicts("Let $\\mathbf{p}, \\mathbf{n} \\in \\mathbb{R}^3$ and $d \\in \\mathbb{R}$.\n$$\n\\mathbf{q} = \\mathbf{p} - "
                     "\\frac{\\mathbf{n}^\\top \\mathbf{p} - d}{\\lVert \\mathbf{n} \\rVert} \\, \\mathbf{n}\n$$\n"
                     "The step along $\\mathbf{n}$ must be measured in units of $\\mathbf{n}$ itself:\n$$\n\\mathbf{q} = "
                     "\\mathbf{p} - \\frac{\\mathbf{n}^\\top \\mathbf{p} - d}{\\lVert \\mathbf{n} \\rVert^2} \\, \\mathbf{n}\n$$\n")
    assert foot[-1][1] is Verdict.UNKNOWN and "given a formula again" in foot[-1][2]


def test_a_table_an_index_substitution_and_a_range_on_a_function_are_never_read_as_free_numbers():
    """Names a Markdown table relates (margins R_1 = a + b) are not refuted at other values; "the index of the sum is
    $k = 2j$" relates indices, never a claim for every k and j; "Let $f \\ge 0$ be continuous" of an f written f(x) is
    a function, never the number f times x; H(p) = (numbers) is H at an example's p, never a function constant in p."""
    table = _verdicts("| | yes | no | total |\n|---|---|---|---|\n| group 1 | $a$ | $b$ | $R_1$ |\n"
                      "| group 2 | $c$ | $d$ | $R_2$ |\n| total | $C_1$ | $C_2$ | $n$ |\n\n"
                      "Then\n$$\n\\left( \\frac{1}{R_1} + \\frac{1}{R_2} \\right) \\left( \\frac{1}{C_1} + \\frac{1}{C_2} \\right) "
                      "= \\frac{n^2}{R_1 R_2 C_1 C_2}\n$$\n")
    assert table[-1][1] is Verdict.UNKNOWN and "table" in table[-1][2]
    sheet = _verdicts("| identity | remark |\n|---|---|\n| $a b = b a$ | commutative |\n\nFor real $a, b$, "
                      "$(a + b)^2 = a^2 + b^2$.\n")
    assert sheet[-1][1] is Verdict.REFUTED  # (a table of formulas relates no names it holds alone)
    powers = _verdicts("Let $n \\ge 1$. Summing $(k+1)^3 - k^3 = 3k^2 + 3k + 1$ over $k = 1, \\dots, n$ telescopes.\n")
    assert powers[0][1] is Verdict.PROVED  # (an identity in an index letter is claimed)
    index = _verdicts("Let $a \\in \\mathbb{R}^n$. In $\\sum_{k=1}^{n} a_k$ the index of the sum is $k = 2j$, not $j$.\n")
    assert all(v is not Verdict.REFUTED for _, v, _ in index)
    area = _verdicts("Let $f \\ge 0$ be continuous on $[a, b]$, with area $A = \\int_a^b f(x) \\, dx$.\n\n"
                     "For the semicircle, $\\frac{1}{A} \\int_{-a}^{a} (a^2 - x^2) \\, dx = \\frac{2}{\\pi a^2} \\cdot "
                     "\\frac{4 a^3}{3}$.\n")
    assert all(v is not Verdict.REFUTED for _, v, _ in area)
    entropy = _verdicts("**Problem 1.** Here\n$$\nH(p) = \\frac{1}{2} \\cdot 1 + \\frac{1}{4} \\cdot 2 + \\frac{1}{4} \\cdot 2 = "
                        "\\frac{3}{2} .\n$$\n\n**Problem 2.** Now $H(p) = 2 - \\frac{1}{2} \\log 3$.\n")
    assert all(v is not Verdict.REFUTED for _, v, _ in entropy)


def test_a_name_a_definition_holds_that_is_defined_only_after_it_is_never_free_there():
    """L = \\sum_i p_i l_i (line 1), then "with $l_i = \\log(1/q_i)$": as read L holds l free, never its later meaning,
    so L = \\sum_i p_i \\log(1/q_i) is not refuted at some other l; a formula of vectors typed from their use said to be
    a number in a display ("$p$ is $(3/8, ...)$" in the words) is not refuted either."""
    found = _verdicts("The expected length is $L = \\sum_{i} p_i l_i$.\n\nWith $l_i = \\log (1/q_i)$,\n$$\n"
                      "L = \\sum_i p_i \\log (1/q_i)\n$$\n\n"
                      "$$\n\\sum_{i} q_i \\log \\frac{q_i}{p_i} = \\frac{1}{2} \\log \\frac{4}{3} + \\frac{1}{4} \\log \\frac{2}{3}\n$$\n")
    assert all(v is not Verdict.REFUTED for _, v, _ in found)
    stale = _verdicts("The expected length is $L = \\sum_{i} p_i l_i$.\n\nThe code has lengths\n$$\nl_i = \\log (1/q_i)\n$$\n\n"
                      "$$\nL = \\sum_i p_i \\log (1/q_i)\n$$\n")
    assert stale[-1][1] is Verdict.UNKNOWN


def test_a_plain_name_whose_definition_is_not_read_is_any_number_where_nothing_could_see_what_it_depends_on():
    """h = <a formula not read> (a hatted function at two points): the steps after it that hold h are read with h any
    number, so a true identity in h is proved and a false one is unknown (its counterexample need not be the defined h);
    a derivative by another variable of a formula holding h, or a prime, is never read with h a constant."""
    text = ("The reward is $\\hat r(y) = \\beta \\log \\frac{a(y)}{b(y)}$ and the margin $h = \\hat r(y_w) - \\hat r(y_l)$.\n\n"
            "$$\n1 - \\sigma(h) = \\sigma(-h)\n$$\n\n$$\n-\\log \\sigma(-h) = \\log(1 + e^{-h})\n$$\n\n"
            "$$\n\\frac{d}{dh} \\log \\sigma(h) = 1 - \\sigma(h)\n$$\n\n$$\n\\frac{d}{d\\beta} \\log \\sigma(h) = 0\n$$\n\n"
            "Let $f(x) = h x^2$. Then $f'(x) = 2 h x$.\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found[2:]] == [Verdict.PROVED, Verdict.UNKNOWN, Verdict.PROVED, Verdict.UNKNOWN,
                                            Verdict.UNKNOWN, Verdict.UNKNOWN]
    assert "refuted as read" in found[3][2]
    assert "refuted" not in found[5][2] and "uses h, which line 1 defines" in found[-1][2]  # (h may depend on x)
    row = _verdicts("The row is $v = \\hat g(x)^{\\top}$ here.\n\n$$\n\\sigma(v) + \\sigma(-v) = 1\n$$\n")
    assert row[-1][1] is Verdict.UNKNOWN and "uses v, which line 1 defines" in row[-1][2]  # (a transpose: no number)


def test_a_function_defined_in_a_heading_is_the_one_of_the_part_the_heading_opens():
    """"## Example: $f(x) = e^x$" after an "## Example: $f(x) = x^2$": each part reads its own f (e^x holds x, a
    value: never a value of f at a point), and a claim under the second heading is checked with the second f."""
    found = _verdicts("# Notes\n\n## Example: $f(x) = x^2$ on $[0, 1]$\n\nHere $f'(1) - f'(0) = 2$.\n\n"
                      "## Example: $f(x) = e^x$ on $[0, 1]$\n\nThe values are $f(2 h) = (e^h)^2$ and $f'(1) - f'(0) = e - 1$.\n")
    assert [v for _, v, _ in found if v is not Verdict.UNKNOWN] == [Verdict.PROVED] * 3


def test_a_default_size_the_document_applies_as_a_function_is_never_a_size_times_a_point():
    """"$x_{k+1} = N(x_k)$ with the map $N(x) = ...$": N(x_k) is never the default size N times x_k, and a later step
    of x written otherwise (another method's) is no claim refuted against the first."""
    found = _verdicts("Newton's method is $x_{k+1} = N(x_k)$ with the map $N(x) = x - \\frac{f(x)}{f'(x)}$, on\n"
                      "$$\nf(x) = x^3 - 3x + 2 .\n$$\nThen $N(2) = 2 - \\frac{4}{9}$.\n\n"
                      "Use instead $x_{k+1} = x_k - 2 \\frac{f(x_k)}{f'(x_k)}$.\n")
    assert all(v is not Verdict.REFUTED for _, v, _ in found)
    steps = _verdicts("Let $x_{k+1} = x_k - \\frac{x_k^2 - 2}{2 x_k}$.\n\nAnother method uses $x_{k+1} = x_k - "
                      "\\frac{x_k^2 - 2}{3}$, and again $x_{k+1} = \\frac{x_k}{2} + \\frac{1}{x_k}$.\n")
    assert steps[0][1] is Verdict.UNKNOWN and "another method's step" in steps[0][2]
    assert steps[1][1] is Verdict.PROVED  # (the first step written out: a proof stands)


def test_a_curve_its_implicit_derivative_and_an_example_said_in_words_are_never_refuted_for_every_value():
    """"the folium is the curve $$x^3 + y^3 = 3axy$$": what its points satisfy; y' of a y given no formula is the
    derivative the words speak of, never any number; "In the example $p(b) = b^2/4$" is at the example's values."""
    found = _verdicts("Fix $a > 0$. The folium is the curve\n$$\nx^3 + y^3 = 3 a x y .\n$$\n"
                      "Differentiating, with $y$ a function of $x$,\n$$\n3x^2 + 3y^2 y' = 3a ( y + x y' ) .\n$$\n")
    assert [v for _, v, _ in found] == [Verdict.UNKNOWN, Verdict.UNKNOWN]
    assert "equation to solve" in found[0][2] and "primed" in found[1][2]
    example = _verdicts("Let $a > 0$, $b \\in \\mathbb{R}$ and $p(b) = \\frac{b^2}{2a}$.\n\nIn the example $p(b) = \\tfrac14 b^2$, "
                        "and $p(b) = \\frac{b^2}{2 a}$.\n\nFor the running example $p(1) = 1$ too.\n")
    assert example[-3][1] is Verdict.UNKNOWN and "in the example" in example[-3][2]
    assert example[-2][1] is Verdict.PROVED
    assert example[-1][1] is Verdict.UNKNOWN  # (p(1) holds a, which the example gives)
    running = _verdicts("Let $f(x, y) = x^3 - 3xy + y^3$.\n\nA slip for the running example: $f(1, 1) = 1$.\n")
    assert running[-1][1] is Verdict.REFUTED  # (f is given by a formula: nothing the words give is left open)


def test_what_a_law_needs_of_its_parameters_and_an_order_of_sizes_said_with_shapes_hold_everywhere():
    """N ~ Poisson(lambda): lambda > 0 in every claim (sqrt(lambda^2) = lambda is proved); "with $A \\in R^{m x n}$ of
    full row rank $m < n$" holds under a later heading too; V^{\\mathsf T} is a transpose."""
    found = _verdicts("The count is $N \\sim \\mathrm{Poisson}(\\lambda)$.\n\n$$\n\\frac{\\lambda}{\\sqrt{\\lambda^2}} = 1\n$$\n")
    assert found[-1][1] is Verdict.PROVED
    sizes = _verdicts("We study it with $Q \\in \\mathbb{R}^{n \\times n}$ symmetric, $A \\in \\mathbb{R}^{m \\times n}$ of "
                      "full row rank $m < n$.\n\n## Least norm\n\n$$\nA^\\top (A A^\\top)^{-1} b = (A^\\top A)^{-1} A^\\top b\n$$\n")
    assert sizes[-1][1] is Verdict.UNKNOWN  # (A^T A is singular for m < n: never "numerically consistent")
    sans = _verdicts("Let $A \\in \\mathbb{R}^{m \\times n}$.\n\n$$\n(A^{\\mathsf T})^{\\mathsf T} = A\n$$\n")
    assert sans[-1][1] is Verdict.PROVED


def test_an_interval_beside_an_equation_and_a_class_said_in_words_are_read():
    """"L_q(p) = (1 - p^q)/q, \\qquad q \\in (0, 1]": the definition holds for 0 < q <= 1 (a condition, not a refusal);
    "for a labelled example with class $y$": y is the index of the correct class, so s_y is an entry of s."""
    interval = _verdicts("$$\nL_q(p) = \\frac{1 - p^q}{q} , \\qquad q \\in (0, 1] .\n$$\n\n$$\nL_q(1) = 0 , \\qquad "
                         "q \\in (0, \\infty)\n$$\n")
    assert "condition" not in interval[0][2] and interval[-1][1] is Verdict.PROVED
    classes = _verdicts("A classifier has logits $z \\in \\mathbb{R}^K$ and $s = \\operatorname{softmax}(z)$. For a labelled "
                        "example with class $y$,\n$$\n\\sum_{j \\neq y} s_j = 1 - s_y\n$$\n")
    assert classes[-1][1] is Verdict.PROVED


def test_a_delta_the_document_defines_is_a_name_and_an_interval_in_the_words_bounds_a_parameter():
    """"Writing $\\delta = (a - y) a$": delta is the document's name (an error signal), never an increment or
    Kronecker's delta, so $\\delta x = ...$ is a product; "momentum $\\mu \\in [0, 1)$" bounds mu in every claim."""
    found = _verdicts("Let $a, y \\in \\mathbb{R}$ and write $\\delta = (a - y) a$. Then $\\delta x = (a - y) a x$ and "
                      "$\\delta_2 = 2$.\n\n$$\n\\delta_2 + \\delta = 2 + (a - y) a\n$$\n")
    assert [v for _, v, _ in found][1:2] == [Verdict.PROVED]
    assert all("increment" not in d and "Kronecker" not in d for _, _, d in found)
    bounded = _verdicts("With step size $\\eta > 0$ and momentum $\\mu \\in [0, 1)$, the factor is "
                        "$\\sqrt{(1 - \\mu)^2} = 1 - \\mu$.\n")
    assert bounded[-1][1] in (Verdict.PROVED, Verdict.NUMERIC)  # (never refuted at mu = 2)


def test_a_step_written_at_k_from_the_term_before_is_read_with_its_data_at_each_step():
    """m_k = F(m_{k-1}, x_k): the same step as m_{k+1} = F(m_k, x_{k+1}); a claim's m_k is written in m_{k-1}, which
    stays any number, as the data x_k, x_{k+1} of each step do; the step letter is a whole number."""
    text = ("Let the running mean be updated by\n\n$$\nm_k = \\frac{(k - 1) m_{k-1} + x_k}{k} = m_{k-1} + "
            "\\frac{x_k - m_{k-1}}{k}\n$$\n\nThen\n\n$$\nx_k - m_k = \\frac{k - 1}{k} (x_k - m_{k-1})\n$$\n\nand\n\n$$\n"
            "x_k - m_k = \\frac{k}{k + 1} (x_k - m_{k-1})\n$$\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found] == [Verdict.UNKNOWN, Verdict.PROVED, Verdict.PROVED, Verdict.REFUTED]
    readings = " ".join(r.text for r in _readings(text, 1))
    assert "$k$ is the step" in readings and "whole number" in readings


def test_data_of_a_step_at_the_next_step_are_numbers_of_their_own():
    """v_{t+1} = beta v_t + (1 - beta) g_t^2: g_{t+1} is the gradient at the next step, any number; v_{t+2} is the
    step twice."""
    text = ("Adam keeps\n\n$$\nv_{t+1} = \\beta v_t + (1 - \\beta) g_t^2\n$$\n\nso that\n\n$$\nv_{t+2} = \\beta^2 v_t + "
            "\\beta (1 - \\beta) g_t^2 + (1 - \\beta) g_{t+1}^2\n$$\n\nnot\n\n$$\nv_{t+2} = \\beta^2 v_t + (1 - \\beta) "
            "g_t^2 + (1 - \\beta) g_{t+1}^2\n$$\n")
    assert [v for _, v, _ in _verdicts(text)] == [Verdict.UNKNOWN, Verdict.PROVED, Verdict.REFUTED]


def test_a_step_whose_claim_writes_two_steps_it_cannot_relate_is_not_read_as_free_numbers():
    """Terms of a step at two steps that are not written in one another (a claim at another letter, or x_{k+2}
    beside x_{k-1} beyond the steps unrolled) are never two free numbers: a true claim is not refuted."""
    text = ("The iteration is\n\n$$\nx_k = \\frac{1}{2} x_{k-1}\n$$\n\nso\n\n$$\nx_j - x_{j-1} = -\\frac{1}{2} "
            "x_{j-1}\n$$\n")
    assert Verdict.REFUTED not in [v for _, v, _ in _verdicts(text)]


def test_a_name_an_equation_gives_is_no_free_number_at_the_next_step():
    """x_k = k^2 given, beside the step m_{k+1} = m_k + x_{k+1}: x_{k+1} is the formula's, never any number."""
    text = ("Let $x_k = k^2$ and\n\n$$\nm_{k+1} = m_k + x_{k+1}\n$$\n\nso\n\n$$\nm_{k+1} - m_k = (k + 1)^2\n$$\n")
    assert Verdict.REFUTED not in [v for _, v, _ in _verdicts(text)]


def test_a_function_the_words_name_related_to_its_derivative_is_never_refuted_as_any_function():
    """"$\\varphi$ and $\\Phi$ the standard normal pdf and cdf": phi'(x) = -x phi(x) holds of the phi meant, whatever
    other functions do; "for any differentiable $f$", (f^2)' = f' stays refuted, as a wrong chain rule does."""
    meant = ("Notation: $\\varphi$ and $\\Phi$ the standard normal pdf and cdf.\n\n"
             "$$\n\\varphi'(x) = -x \\varphi(x)\n$$\n")
    (only,) = _verdicts(meant)
    assert only[1] is Verdict.UNKNOWN and "the function the words may give" in only[2]
    arbitrary = "For any differentiable $f$,\n\n$$\n\\frac{d}{dx} f(x)^2 = f'(x)\n$$\n"
    assert [v for _, v, _ in _verdicts(arbitrary)] == [Verdict.REFUTED]


def test_a_name_the_words_give_a_value_is_never_any_number_on_either_side():
    """"with $q$ short for $1 - p$" defines q; "$q$, that is $1 - p$" gives it a value derive does not read: M'(0) = np
    (q through M's definition) and q M(0) = q (q on both sides) are then never refuted at another q."""
    short = ("For $X \\sim \\mathrm{Bin}(n, p)$ with $q$ short for $1 - p$ the MGF is\n\n$$\nM(t) = (q + p e^t)^n\n$$\n\n"
             "Then $M'(0) = np$ and $M'(0) = nq$.\n")
    found = _verdicts(short)
    assert [v for _, v, _ in found] == [Verdict.UNKNOWN, Verdict.UNKNOWN, Verdict.PROVED, Verdict.REFUTED], found
    assert "the definition of q" in found[0][2]
    worded = ("For $X \\sim \\mathrm{Bin}(n, p)$ and $q$, that is $1 - p$, the MGF is\n\n$$\nM(t) = (q + p e^t)^n\n$$\n\n"
              "Then $M'(0) = np$ and $M(0) = q + p$.\n")
    found = _verdicts(worded)
    assert Verdict.REFUTED not in [v for _, v, _ in found], found
    assert any("given a value in the words" in why for _, _, why in found), found


def test_a_product_over_a_letter_ends_before_another_product_over_the_same_letter():
    """\\prod_{k=2}^{n} a_k \\cdot \\prod_{k=2}^{n} b_k: two factors, never the second inside the first."""
    text = ("Let $n \\ge 2$.\n\n$$\n\\prod_{k=2}^{n} \\left( 1 - \\frac{1}{k^2} \\right) = \\prod_{k=2}^{n} \\frac{k-1}{k} "
            "\\cdot \\prod_{k=2}^{n} \\frac{k+1}{k}\n$$\n\n$$\n\\sum_{k=1}^{n} k \\sum_{k=1}^{n} 1 = \\frac{n^2 (n + 1)}{2}\n$$\n")
    assert Verdict.REFUTED not in [v for _, v, _ in _verdicts(text)]
    wrong = "Let $n \\ge 2$.\n\n$$\n\\sum_{k=1}^{n} k \\sum_{k=1}^{n} 1 = \\frac{n (n + 1)}{2}\n$$\n"
    assert [v for _, v, _ in _verdicts(wrong)] == [Verdict.REFUTED]


def test_the_latest_example_of_a_vector_in_a_paragraph_is_the_one_a_claim_is_about():
    text = ("Let $x, y \\in \\mathbb{R}^n$.\n\nFor $x = (3, 4)$ we have $\\|x\\|_2 = 5$. For $x = (1, 2)$ and "
            "$y = (1, 4)$: $\\sum_i x_i y_i = 9$.\n")
    assert [v for _, v, _ in _verdicts(text)][-1] is Verdict.PROVED


def test_a_definition_read_with_a_function_defined_anew_after_it_is_not_refuted_through_the_old_one():
    """R_n = (1/n) sum f(k/n) read with f(x) = sin x, then f(x) = x^2 given anew: R_n as read holds the old f; and
    "For $f(x) = x^2$ we get $f(3) = 9$" of the earlier f supposes the new one."""
    text = ("Let $f(x) = \\sin x$.\n\n## Riemann sums\n\nFor smooth $f$ let $R_n = \\frac{1}{n} \\sum_{k=1}^{n} f(k/n)$.\n\n"
            "Problem 1 takes\n\n$$\nf(x) = x^2\n$$\n\nand gets $n R_n = \\frac{(n + 1)(2n + 1)}{6n}$.\n")
    found = _verdicts(text)
    assert found[-1][1] is not Verdict.REFUTED and "defines anew" in found[-1][2], found
    same = "Let $f(x) = \\sin x$.\n\nFor $f(x) = x^2$ we get $f(3) = 9$.\n"
    assert [v for _, v, _ in _verdicts(same)] == [Verdict.UNKNOWN, Verdict.UNKNOWN]


def test_a_matrix_and_a_vector_of_one_letter_are_never_two_free_arrays_in_a_refutation():
    """X in R^{n x p} and "one regressor $x \\in \\mathbb{R}^n$": the words may make x a column of X (simple regression),
    so det(X^T X) = n sum x_j^2 - (sum x_j)^2 is not refuted with X and x apart; a claim in X alone still is."""
    text = ("Let $X \\in \\mathbb{R}^{n \\times p}$. For simple regression (an intercept and one regressor $x \\in "
            "\\mathbb{R}^n$),\n\n$$\n\\det(X^\\top X) = n \\sum_j x_j^2 - \\left( \\sum_j x_j \\right)^2\n$$\n\n"
            "$$\n\\operatorname{tr}(X^\\top X) = \\operatorname{tr}(X X^\\top) + 1\n$$\n")
    found = _verdicts(text)
    assert found[0][1] is Verdict.UNKNOWN and "a column or a row of" in found[0][2], found
    assert found[1][1] is Verdict.REFUTED


def test_a_letter_written_only_as_a_subscript_is_an_index_of_what_it_subscripts():
    """l = -log p_y, y written nowhere but as a subscript: the correct class, an index from 1 to C, so the gradient
    p_j - delta_{jy} is proved for every y and a wrong one refuted; the reading says so."""
    text = ("Let $z \\in \\mathbb{R}^C$ be the logits, $p = \\operatorname{softmax}(z)$, and the loss\n\n$$\n\\ell = "
            "-\\log p_y\n$$\n\nThen\n\n$$\n\\frac{\\partial \\ell}{\\partial z_j} = p_j - \\delta_{jy}\n$$\n\nand not "
            "$\\frac{\\partial \\ell}{\\partial z_y} = p_y$.\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found][-2:] == [Verdict.PROVED, Verdict.REFUTED], found
    assert any("only as a subscript" in r.text for r in _readings(text, len(found) - 1))


def test_rows_named_in_parentheses_are_the_rows_of_the_matrix_even_of_an_index_letter():
    """"$K \\in \\mathbb{R}^{n \\times d}$ the keys (rows $k_j^\\top$)": k_j is row j of K, a vector, though k is by default
    an index letter; o = sum_j a_j v_j = V^T a is proved."""
    text = ("Let $q \\in \\mathbb{R}^d$, $a \\in \\mathbb{R}^n$, $K \\in \\mathbb{R}^{n \\times d}$ the keys (rows $k_j^\\top$) and "
            "$V \\in \\mathbb{R}^{n \\times d}$ the values (rows $v_j^\\top$).\n\n$$\n\\sum_{j=1}^{n} a_j v_j = V^\\top a\n$$\n\n"
            "$$\n\\sum_{j=1}^{n} a_j (q^\\top k_j) = q^\\top K a\n$$\n\n$$\n\\sum_{j=1}^{n} a_j (q^\\top k_j) = a^\\top K q\n$$\n")
    assert [v for _, v, _ in _verdicts(text)] == [Verdict.PROVED, Verdict.REFUTED, Verdict.PROVED]


def test_a_size_letter_may_be_the_index_a_series_binds():
    """\\sum_{n \\ge 0} x^n, n otherwise the size: bound by the sum, a dummy inside it."""
    text = ("For $|x| < 1$,\n\n$$\n\\sum_{n \\ge 0} x^n = \\frac{1}{1 - x}\n$$\n\nand so\n\n$$\n\\sum_{n \\ge 0} n x^n = "
            "\\frac{1}{(1 - x)^2}\n$$\n")
    assert [v for _, v, _ in _verdicts(text)] == [Verdict.PROVED, Verdict.REFUTED]


def test_a_supposition_after_a_part_label_or_a_bold_run_in_heading_is_no_claim():
    """"(c) Suppose now $\\frac{1}{n} X^\\top X = I_p$", "**Orthonormal design.** Suppose now ...": supposed, never refuted;
    and a claim after it that holds only under it is not refuted either."""
    for lead in ("(c) Suppose now", "**Orthonormal design.** Suppose now", "**(c)** Suppose now"):
        text = (f"Let $X \\in \\mathbb{{R}}^{{n \\times p}}$ and $z \\in \\mathbb{{R}}^p$.\n\n{lead} $\\frac{{1}}{{n}} X^\\top X "
                "= I_p$. Then\n\n$$\n\\frac{1}{n} X^\\top X z = z\n$$\n")
        assert Verdict.REFUTED not in [v for _, v, _ in _verdicts(text)], lead


def test_words_that_take_back_a_definition_end_it_before_the_new_formula_is_given():
    """"so my $\\lambda_2$ is wrong. Moving ... gives $z_2 - \\rho z_1 = \\lambda_2 (1 - \\rho)$, hence $\\lambda_2 = ...$":
    the claim between the words and the new formula uses neither formula."""
    text = ("Let $z_1 > z_2 > 0$ and $0 \\le \\rho < 1$.\n\n$$\n\\lambda_2 = \\frac{z_2 - \\rho z_1}{1 + \\rho}\n$$\n\n"
            "That contradicts the check above, so my $\\lambda_2$ is wrong. Moving $\\rho \\lambda$ to the right gives "
            "$z_2 - \\rho z_1 = (1 - \\rho) \\lambda_2$, hence\n$$\n\\lambda_2 = \\frac{z_2 - \\rho z_1}{1 - \\rho}\n$$\n")
    found = _verdicts(text)
    claim = [f for f in found if f[0] == 7]
    assert claim and all(v is not Verdict.REFUTED for _, v, _ in claim), found


def test_an_example_value_given_again_ends_the_first_one_for_the_claims_after_it():
    """alpha = (3, 1)/8, then corrected to alpha = (3, -1)/8 (not read: a new example's value?): alpha^T yhat after it
    is never checked with the first alpha."""
    text = ("Let $\\alpha, \\hat y \\in \\mathbb{R}^2$.\n\n$$\n\\alpha = \\frac{1}{8} \\begin{pmatrix} 3 \\\\ 1 \\end{pmatrix}\n$$\n\n"
            "The sign of the off-diagonal entries flips, so\n\n$$\n\\alpha = \\frac{1}{8} \\begin{pmatrix} 3 \\\\ -1 \\end{pmatrix}\n"
            "$$\n\nWith $\\hat y = \\frac18 (5, 1)^\\top$, $\\alpha^\\top \\hat y = \\frac{15 + 1}{64}$.\n")
    found = _verdicts(text)
    last = found[-1]
    assert last[1] is Verdict.UNKNOWN and "another value on line" in last[2], found


def test_sizes_given_side_by_side_are_the_sizes_of_the_claims_of_their_sentence():
    """"with $(D, H) = (64, 128)$ the model has $H^2 + HD = 16384 + 8192$ parameters": the tuple is supposed, and the
    claim is checked at those sizes (proved there; a wrong count refuted), never at small ones."""
    text = ("Let $x \\in \\mathbb{R}^D$ and $h \\in \\mathbb{R}^H$.\n\nFor the count, with $(D, H) = (64, 128)$ the model has "
            "$H^2 + HD = 16384 + 8192$ parameters, not $H^2 + HD = 16384 + 8000$.\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found] == [Verdict.PROVED, Verdict.REFUTED], found
    assert "at the sizes the document gives (D = 64, H = 128)" in found[0][2]


def test_a_capital_before_a_function_value_on_the_left_of_a_display_is_an_operator():
    """D_2 f(x) = (f(x + h) - 2 f(x) + f(x - h))/h^2 defines an operator: D_2 f(0) later is never D_2 times f(0)."""
    text = ("Let $h > 0$. The second difference is\n\n$$\nD_2 f(x) = \\frac{f(x + h) - 2 f(x) + f(x - h)}{h^2}\n$$\n\n"
            "With $f(x) = x^3$ at the origin,\n\n$$\nD_2 f(0) = 5\n$$\n")
    found = _verdicts(text)
    assert found[-1][1] is Verdict.UNKNOWN and "operator on functions" in found[-1][2], found


def test_a_number_defined_by_a_formula_written_with_a_letter_in_parentheses_is_refused():
    """gamma = 1/sqrt(1 - v^2/c^2), then d/du gamma(u): gamma at speed u, or gamma times u? refused, never refuted."""
    text = ("A particle moves with speed $v$, and\n\n$$\n\\gamma = \\frac{1}{\\sqrt{1 - v^2/c^2}}\n$$\n\n"
            "Since $\\frac{d}{du} \\gamma(u) = \\frac{u}{c^2} \\gamma(u)^3$, fine.\n")
    found = _verdicts(text)
    assert found[-1][1] is Verdict.UNKNOWN and "as a function at u" in found[-1][2], found


def test_the_words_is_the_ratio_define_a_name():
    """"$\\beta$ is the ratio $v / c$": beta = v/c, so gamma^2 - 1 = gamma^2 beta^2 is proved, and a wrong form refuted."""
    text = ("A particle of speed $v$, and $\\beta$ is the ratio $v / c$, with\n\n$$\n\\gamma = \\frac{1}{\\sqrt{1 - \\beta^2}}\n"
            "$$\n\nThen $\\gamma^2 - 1 = \\gamma^2 \\beta^2$ and $\\gamma^2 - 1 = \\beta^2 - v^2$.\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found][-2:] == [Verdict.PROVED, Verdict.REFUTED], found


def test_a_run_in_example_label_opens_a_new_example_of_a_function():
    """"**Example.** $p(x) = x^3 - 6x^2 + 11x - 6$" of a p defined before: the example's p, never a claim refuted
    against the general one."""
    text = ("Throughout,\n\n$$\np(x) = x^3 + a x^2 + b x + c\n$$\n\n**Example.** $p(x) = x^3 - 6x^2 + 11x - 6$, whose "
            "roots are $1, 2, 3$.\n")
    assert Verdict.REFUTED not in [v for _, v, _ in _verdicts(text)]


def test_an_angle_function_of_a_coefficient_in_parentheses_before_a_letter_is_refused():
    """cos(n + 1/2) x: the cosine of (n + 1/2)x as trigonometry writes it, or cos(n + 1/2) times x? refused; sin(x) y,
    a variable inside, is a product."""
    found = _verdicts("$$\n\\cos \\frac{x}{2} - \\cos \\left( n + \\tfrac12 \\right) x = 2 \\sin \\frac{(n + 1) x}{2} "
                      "\\sin \\frac{n x}{2}\n$$\n")
    assert found[0][1] is Verdict.UNKNOWN and "followed by a letter" in found[0][2], found
    assert [v for _, v, _ in _verdicts("$$\n\\sin(x) y = y \\sin x\n$$\n")] == [Verdict.PROVED]


def test_a_jacobian_of_a_name_typed_a_vector_only_from_its_use_never_refutes_a_number():
    """x bold and multiplied after a matrix in one display, d/dx of a "scalar block" in x in another: the Jacobian's
    shape is a guess, and a number on the other side is no refutation; a declared vector still is one."""
    guessed = ("For a block $\\mathbf{y} = \\mathbf{x} + W \\mathbf{x}$ with $W \\in \\mathbb{R}^{n \\times n}$. "
               "With scalar gains $a$ and $b$:\n\n$$\n\\frac{d}{dx} \\Big( (x + a x) + b (x + a x) \\Big) = (1 + a)(1 + b)"
               "\n$$\n")
    found = _verdicts(guessed)
    assert found[-1][1] is Verdict.UNKNOWN and "shape is guessed" in found[-1][2], found
    declared = ("Let $x \\in \\mathbb{R}^n$ and $a, b$ be numbers.\n\n$$\n\\frac{\\partial}{\\partial x} \\Big( (x + a x) "
                "+ b (x + a x) \\Big) = (1 + a)(1 + b)\n$$\n")
    assert _verdicts(declared)[-1][1] is Verdict.REFUTED, _verdicts(declared)


def test_a_display_after_corrected_replaces_the_formula_it_corrects():
    """"Corrected:" before a display that gives y(t) again: the claims after it use the corrected formula."""
    text = ("Inverting, $y(t) = 2 e^{-t} + e^{-2t}$. Check at the origin: that gives $3$, not $1$, so the partial "
            "fractions are off. Corrected:\n$$\ny(t) = 2 e^{-t} - e^{-2t}\n$$\nand now $y(0) = 1$ and $y'(0) = 0$.\n")
    assert [v for _, v, _ in _verdicts(text)][-2:] == [Verdict.PROVED, Verdict.PROVED], _verdicts(text)


def test_a_claim_in_an_example_paragraph_never_refutes_through_a_definitions_general_names():
    """p(lambda) defined from a general A; "**Example.** For $B = ...$ ... $p(\\lambda) = (\\lambda - 1)^2 (\\lambda - 3)$"
    means the example's matrix: no refutation at some other A. Outside an example the same claim is refuted."""
    general = ("For $A \\in \\mathbb{R}^{3 \\times 3}$,\n$$\np(\\lambda) = \\lambda^3 - (\\operatorname{tr} A) \\lambda^2 "
               "+ \\lambda - \\det A\n$$\n")
    example = general + "**Example.** For the matrix $B$ below, $p(\\lambda) = (\\lambda - 1)^2 (\\lambda - 3)$.\n"
    found = _verdicts(example)
    assert found[-1][1] is Verdict.UNKNOWN and "an example means" in found[-1][2], found
    plain = general + "\nHence $p(\\lambda) = (\\lambda - 1)^2 (\\lambda - 3)$.\n"
    assert _verdicts(plain)[-1][1] is Verdict.REFUTED, _verdicts(plain)


def test_a_matrix_the_words_build_of_columns_is_never_any_matrix():
    """"Put $a$ and $b$ as the columns of $A$": A^T A = (numbers) is not refuted at some other A."""
    text = ("Let $a = (1, 2, 2)^\\top$ and $b = (3, 0, 4)^\\top$. Put $a$ and $b$ as the columns of "
            "$A \\in \\mathbb{R}^{3 \\times 2}$:\n$$\nA^\\top A = \\begin{pmatrix} 9 & 11 \\\\ 11 & 25 \\end{pmatrix}\n$$\n")
    found = _verdicts(text)
    assert found[-1][1] is Verdict.UNKNOWN and "which the words build" in found[-1][2], found


def test_a_law_said_under_a_later_heading_is_not_used_before_it():
    """X ~ Exp(lambda) said in Problem 2 is never the law of a moment in Problem 1."""
    text = ("Let $X$ and $Y$ be independent and $S = X + Y$.\n\n**Problem 1.** Here\n$$\n\\mathbb{E}[S^2] = \\frac76\n$$\n\n"
            "**Problem 2.** Now $X, Y \\sim \\mathrm{Exp}(\\lambda)$ are independent, and $\\mathbb{E}[S] = 2/\\lambda$.\n")
    found = _verdicts(text)
    assert [v for line, v, _ in found if line == 5] == [Verdict.UNKNOWN], found
    assert found[-1][1] is Verdict.PROVED, found


def test_a_prior_law_is_not_the_law_of_moments_said_after_a_posterior():
    """p ~ Beta(alpha, beta) as a prior; after "the posterior", a moment of p may be the posterior's: refused."""
    text = ("A uniform prior, $p \\sim \\mathrm{Beta}(\\alpha, \\beta)$, and $\\mathbb{E}[p] = \\frac{\\alpha}{\\alpha + "
            "\\beta}$.\n\nAfter the data, the posterior has $a = \\alpha + 3$ and $b = \\beta + 1$, so\n$$\n"
            "\\mathbb{E}[p] = \\frac{a}{a + b}\n$$\n")
    found = _verdicts(text)
    assert found[0][1] is Verdict.PROVED, found
    assert found[-1][1] is Verdict.UNKNOWN and "may have changed" in found[-1][2], found


def test_a_name_the_words_call_a_length_of_a_formula_is_that_formula():
    """"$r$ its length $\\sqrt{x^2 + y^2 + z^2}$": r depends on x, so d/dx (x / r^3) is checked with it."""
    text = ("Here $r$ is its length $\\sqrt{x^2 + y^2 + z^2}$.\n$$\n\\frac{\\partial}{\\partial x} \\left( \\frac{x}{r^3}"
            " \\right) = \\frac{1}{r^3} - \\frac{3 x^2}{r^5}\n$$\n$$\n\\frac{\\partial}{\\partial x} \\left( \\frac{x}{r^3}"
            " \\right) = \\frac{1}{r^3}\n$$\n")
    assert [v for _, v, _ in _verdicts(text)][-2:] == [Verdict.PROVED, Verdict.REFUTED], _verdicts(text)


def test_a_product_that_does_not_fit_under_a_guessed_shape_is_no_refutation():
    """G typed N x N from its use elsewhere, tr(G^T B A) with B d x r: the misfit is the guess's."""
    text = ("Let $B \\in \\mathbb{R}^{d \\times r}$ and $A \\in \\mathbb{R}^{r \\times k}$.\n$$\n\\operatorname{tr}(G^\\top "
            "B \\, A) = \\operatorname{tr}(A G^\\top B)\n$$\nand $G_{ij} = G_{ji}$ with $G H = H G$.\n")
    found = _verdicts(text)
    assert found[0][1] is not Verdict.REFUTED, found


def test_d_before_a_matrix_with_d_a_size_is_refused():
    """tr(G^T dB A), d the number of B's rows: the differential dB or d times B? refused, never read as a product."""
    text = ("Let $G \\in \\mathbb{R}^{d \\times k}$, $B \\in \\mathbb{R}^{d \\times r}$, $A \\in \\mathbb{R}^{r \\times k}$."
            "\n$$\n\\operatorname{tr}(G^\\top dB \\, A) = 2 \\operatorname{tr}(A G^\\top B)\n$$\n")
    found = _verdicts(text)
    assert found[0][1] is Verdict.UNKNOWN and "differential" in found[0][2], found


def test_a_count_in_sizes_said_to_be_a_number_is_not_refuted_at_small_sizes():
    """r (d + k) = 65536 "for a 4096 x 4096 projection", the sizes not read: unknown, never refuted at d = k = 1;
    a difference free of the sizes (d - d = 1) is still refuted."""
    text = ("Let $W \\in \\mathbb{R}^{d \\times k}$, of rank $r = 8$. The adapter has $r (d + k) = 65536$ parameters.\n")
    found = _verdicts(text)
    assert found[-1][1] is Verdict.UNKNOWN and "sizes it is meant at" in found[-1][2], found
    wrong = "Let $W \\in \\mathbb{R}^{d \\times k}$.\n$$\nd k - k d = 1\n$$\n"
    assert _verdicts(wrong)[-1][1] is Verdict.REFUTED, _verdicts(wrong)


def test_a_total_under_the_letter_of_counts_defined_by_entry_is_no_shape_refutation():
    """n_k = |S_k| defines the counts; "with $n = \\sum_k n_k$" is their total, never the vector n refuted by shape
    (tests/corpus_blind/590, line 79, where the counts are defined before, not typed from use)."""
    path = next(Path(__file__).parent.joinpath("corpus_blind").glob("590_*.md"))
    found = [f for f in _verdicts(path.read_text()) if f[0] == 79]
    assert found and Verdict.REFUTED not in [v for _, v, _ in found], found


def test_a_formula_taken_back_on_its_own_line_is_never_the_one_checked():
    """"$w^\\ast = \\rho$. No: ... so $w^\\ast = -\\rho$": the second formula is not checked against the first, and a
    use after it means neither; with no words between, the second is a claim about the first."""
    text = ("Let $\\rho > 0$. The fixed point is $w^\\ast = \\rho$. No: the fixed point solves $w = -\\rho$, so "
            "$w^\\ast = -\\rho$.\n\nHence $w^\\ast + \\rho = 0$.\n")
    found = _verdicts(text)
    assert [v for line, v, _ in found if line == 1][-1] is Verdict.UNKNOWN, found
    assert "take it back" in [d for line, _, d in found if line == 1][-1], found
    assert found[-1][1] is Verdict.UNKNOWN and "two formulas" in found[-1][2], found
    plain = "Let $\\rho > 0$. The fixed point is $w^\\ast = \\rho$, so $w^\\ast = -\\rho$.\n"
    assert _verdicts(plain)[-1][1] is Verdict.REFUTED, _verdicts(plain)


def test_a_condition_whose_sentence_runs_on_into_the_display_holds_there():
    """"In practice ... foreground. Whenever $a + b = 1$ the denominator splits into two parts," then the display: the
    sentence before the condition is long, yet the condition is the display's (checked under it, never for every a, b);
    the same identity with the sentence ended by a full stop is refuted."""
    display = "$$\nt + a f + b g = a (t + f) + b (t + g)\n$$\n"
    text = ("In practice people use $(a, b) = (0.3, 0.7)$, which makes missed foreground more expensive than spurious "
            "foreground. Whenever $a + b = 1$ the denominator splits into two parts,\n\n" + display)
    found = _verdicts(text)
    assert found[-1][1] is not Verdict.REFUTED and "a + b = 1" in found[-1][2], found
    ended = "Weights are chosen by hand in practice, as people do.\n\n" + display
    assert _verdicts(ended)[-1][1] is Verdict.REFUTED, _verdicts(ended)


def test_a_power_of_a_name_before_a_lone_letter_in_parentheses_is_refused():
    """\\sigma^2(x) of a sigma the words make a number (a standard deviation): the variance as a function of x, or
    sigma^2 times x? Never read as the product, which refutes a true definition; a^2(x + 1) stays a product."""
    head = "At a point $x$ the model gives $f(x) \\sim \\mathcal{N}(\\mu, \\sigma^2)$.\n\n"
    found = _verdicts(head + "$$\n\\sigma^2(x) = 1 - e^{-x^2 / 2}\n$$\n")
    assert found[-1][1] is Verdict.UNKNOWN and "a power of the function" in found[-1][2], found
    found = _verdicts(head + "$$\n2 \\sigma(x) = 2 - 2 e^{-x^2 / 2}\n$$\n")
    assert found[-1][1] is Verdict.UNKNOWN and "declared a number" in found[-1][2], found
    product = "Let $a > 0$ be the slope.\n\n$$\na^2(x + 1) = a^2 x + a^2\n$$\n"
    assert _verdicts(product)[-1][1] is Verdict.PROVED, _verdicts(product)


def test_the_parameters_of_a_normal_law_of_a_value_are_numbers():
    """"$f(x) \\sim \\mathcal{N}(\\mu, \\sigma^2)$": no random variable is named, yet sigma is the law's standard
    deviation, a number, never the logistic function."""
    text = ("At a point $x$ the posterior gives $f(x) \\sim \\mathcal{N}(\\mu, \\sigma^2)$.\n\n"
            "$$\n\\sigma \\cdot 2 = 2 \\sigma\n$$\n")
    d = read_document(text, "doc.md", default_notation())
    checks = [c for c in checks_of(d) if c.part != "ends"]
    assert any("parameter" in r.text and "σ" in r.text or "\\sigma" in r.text for r in checks[-1].readings), \
        checks[-1].readings
    assert verify_check(checks[-1], SETTINGS).verdict is Verdict.PROVED


def test_the_logistic_sigma_is_named_as_a_default_where_a_verdict_uses_it():
    """sigma read as the logistic function with nothing in the document saying so: the reading is a default, named,
    and a refutation under it is counted apart; where the words say what sigma is, it is no default."""
    display = "$$\n\\sigma(x)^2 = 1 - e^{-x}\n$$\n"
    d = read_document(display, "doc.md", default_notation())
    r = verify_check(checks_of(d)[0], SETTINGS)
    assert r.verdict is Verdict.REFUTED and r.refuted_under_default, r.readings
    assert any("logistic" in x.text for x in r.defaults), r.readings
    said = read_document("Here $\\sigma$ is the logistic function.\n\n" + display, "doc.md", default_notation())
    r = verify_check(checks_of(said)[0], SETTINGS)
    assert r.verdict is Verdict.REFUTED and not r.refuted_under_default, r.readings


def test_a_value_right_after_a_point_is_at_that_point_never_a_new_definition():
    """"At $0.6 c$, $\\gamma = 1.25$": gamma at that speed, not gamma's value from there on; E = gamma m c^2 and
    p = gamma m v after it still hold gamma's formula, so E^2 = (p c)^2 + (m c^2)^2 is proved (it was refuted with
    gamma = 1.25 and p from the formula). A claim of the sentence in the point's letters is only proved, never
    refuted: the point is of a speed the words do not name."""
    text = ("A particle moves with speed $v$, $\\beta$ is the ratio $v / c$, and\n$$\n\\gamma = \\frac{1}{\\sqrt{1 - "
            "\\beta^2}} .\n$$\nThe momentum is $p = \\gamma m v$.\n\n## Numbers\n\nAt $0.8 c$, $\\gamma = \\frac53$, so "
            "the tempting $\\frac12 \\gamma m v^2 = \\frac{8}{15} m c^2$.\n\n## Energy\n\nWith $E = \\gamma m c^2$ the "
            "total energy,\n$$\nE^2 = (p c)^2 + (m c^2)^2 .\n$$\n")
    found = _verdicts(text)
    assert found[-1][1] is Verdict.PROVED, found
    tempting = [f for f in found if f[0] == 9]
    assert tempting and all(v is not Verdict.REFUTED for _, v, _ in tempting), found


def test_a_number_the_document_defines_twice_before_a_lone_letter_is_refused():
    """gamma defined by a formula and given a number under a later heading: gamma(u) is gamma as a function of u or
    gamma times u, never read as the product (which refuted d/du gamma(u) = u/c^2 gamma(u)^3)."""
    text = ("Let $\\beta$ be the ratio $v / c$, and\n$$\n\\gamma = \\frac{1}{\\sqrt{1 - \\beta^2}} .\n$$\n\n## Work\n\n"
            "Since $\\frac{d}{du} \\gamma(u) = \\frac{u}{c^2} \\gamma(u)^3$, the integrand is exact.\n\n## Numbers\n\n"
            "Then $\\gamma = 1.25$ and the rest follows.\n")
    found = [f for f in _verdicts(text) if f[0] == 8]
    assert found and found[0][1] is Verdict.UNKNOWN and "times u" in found[0][2], found


def test_a_law_asked_about_in_a_question_is_not_the_documents():
    """"Why can't I just say $X \\sim \\mathrm{Bin}(n, \\frac{1}{2})$? Then $\\operatorname{Var}(X) = \\frac{n}{4}$": a law
    asked about, after "$X \\mid P \\sim \\mathrm{Bin}(n, P)$" gave X's law only given P; never the law of Var(X), which
    was proved under it. The same law stated is read."""
    head = ("Draw $P \\sim \\mathrm{Uniform}(0, 1)$, then flip a coin $n$ times: $X \\mid P \\sim \\mathrm{Bin}(n, P)$.\n\n")
    asked = head + "*Why can't I just say $X \\sim \\mathrm{Bin}(n, \\frac{1}{2})$? Then $\\operatorname{Var}(X) = \\frac{n}{4}$.*\n"
    found = _verdicts(asked)
    assert found and found[-1][1] is Verdict.UNKNOWN, found
    stated = "Let $X \\sim \\mathrm{Bin}(n, \\frac{1}{2})$. Then $\\operatorname{Var}(X) = \\frac{n}{4}$.\n"
    assert _verdicts(stated)[-1][1] is Verdict.PROVED, _verdicts(stated)


def test_names_set_apart_in_brackets_are_refused_never_a_product():
    """"$P = [\\, v_1 \\; v_2 \\; v_3 \\,]$", the matrix of the columns v_i: never the product v_1 v_2 v_3 (P^{-1} was
    refuted as a scalar against a 3 x 3 matrix); an expectation E[X \\; Y] is still a product."""
    text = ("We get\n$$\nv_1 = (1, 0, 1)^\\top, \\qquad v_2 = (1, 1, 1)^\\top, \\qquad v_3 = (0, 1, 1)^\\top .\n$$\n"
            "With $P = [\\, v_1 \\; v_2 \\; v_3 \\,]$,\n$$\nP^{-1} = \\begin{pmatrix} 0 & -1 & 1 \\\\ 1 & 1 & -1 \\\\ -1 & 0 & 1"
            " \\end{pmatrix}\n$$\n")
    found = _verdicts(text)
    assert Verdict.REFUTED not in [v for _, v, _ in found], found
    from derive.errors import FormulaError
    from derive.read.reader import Reader

    with pytest.raises(FormulaError, match="matrix of columns"):
        Reader(default_notation()).read("[\\, v_1 \\; v_2 \\; v_3 \\,]")
    for product in ("\\mathbb{E}[X \\; Y]", "2 [a \\, b]"):
        try:
            Reader(default_notation()).read(product)
        except FormulaError as exc:
            assert "matrix of columns" not in str(exc), product


def test_a_function_defined_in_two_numbered_parts_is_neither_in_a_third():
    """"**1.** ... D(x, y) = 36xy - 9", "**2.** ... D(x, y) = g_xx g_yy - g_xy^2 = 144 x^2 y^2 - 4", then "**3.** ...
    $D(0, 0) = -1$": bold numbered labels open parts, the second display defines D anew (its last term holds x and
    y), and D(0, 0) in the third part is never refuted with the first part's D."""
    text = ("**1.** Here\n\n$$\nD(x, y) = 36xy - 9 .\n$$\n\n$D(0, 0) = -9$: saddle.\n\n**2.** Now\n\n$$\nD(x, y) = "
            "g_{xx} g_{yy} - g_{xy}^2 = 144x^2y^2 - 4 .\n$$\n\n**3.** At the origin, so $D(0, 0) = -1$: a saddle.\n")
    found = _verdicts(text)
    assert found[1][1] is Verdict.PROVED, found
    assert found[-1][0] == 15 and found[-1][1] is Verdict.UNKNOWN, found
    # (the new formula not read, g_{xx} of a function g: D is then neither, never the first part's D)
    unread = text.replace("**2.** Now", "**2.** For $g(x, y) = x^4 + y^4$, now")
    found = _verdicts(unread)
    assert found[-1][1] is Verdict.UNKNOWN and "not read" in found[-1][2], found


def test_a_default_name_past_the_heading_that_ends_its_definition_is_refused():
    """y_i = softmax entries, defined under "## One": past "## Two" y is no longer that definition, and never
    silently the default (it was read as any vector, and y_1 (1 - y_1) = y_1 y_2 refuted at y = (1, 1))."""
    text = ("## One\n\nThe sample is\n$$\ny_i = \\frac{\\exp(a_i / \\tau)}{\\sum_{j=1}^{K} \\exp(a_j / \\tau)} ,\n$$\n"
            "with temperature $\\tau > 0$.\n\n## Two\n\n$$\n\\frac{1}{\\tau} y_1 (1 - y_1) = \\frac{1}{\\tau} y_1 y_2\n$$\n")
    found = _verdicts(text)
    assert found[-1][1] is Verdict.UNKNOWN and "heading" in found[-1][2], found


def test_a_default_names_definition_holds_to_the_end_of_its_section():
    """What the text before the first heading, or under the title, defines holds in the sections below it (a
    deeper heading); a heading as deep as the definition's own ends it. Markdown's # and ##, LaTeX's \\section and
    \\subsection alike."""
    body = ("The scores are\n$$\ny_i = \\frac{\\exp(a_i)}{\\sum_{j=1}^{K} \\exp(a_j)} .\n$$\n\n{sub}\n\n"
            "$$\n\\sum_{i=1}^{K} y_i a_i = \\frac{\\sum_{i=1}^{K} a_i \\exp(a_i)}{\\sum_{j=1}^{K} \\exp(a_j)}\n$$\n")
    for top, sub in (("", "## Sums"), ("# Notes\n\n", "## Sums"), ("# Notes\n\n", "### Sums")):
        found = _verdicts(top + body.replace("{sub}", sub))
        assert found[-1][1] is Verdict.PROVED, (top, sub, found)
    for top, sub in (("# Notes\n\n", "# Sums"), ("## Notes\n\n", "## Sums"), ("## Notes\n\n", "# Sums")):
        found = _verdicts(top + body.replace("{sub}", sub))
        assert found[-1][1] is Verdict.UNKNOWN and "heading" in found[-1][2], (top, sub, found)
    latex = ("\\documentclass{article}\n\\begin{document}\n\\section{Setup}\nThe scores are\n\\[\n"
             "y_i = \\frac{\\exp(a_i)}{\\sum_{j=1}^{K} \\exp(a_j)} .\n\\]\n{sub}\n\\[\n\\sum_{i=1}^{K} y_i a_i = "
             "\\frac{\\sum_{i=1}^{K} a_i \\exp(a_i)}{\\sum_{j=1}^{K} \\exp(a_j)}\n\\]\n"
             "\\end{document}\n")
    deeper = _verdicts(latex.replace("{sub}", "\\subsection{Sums}"), "doc.tex")
    assert deeper[-1][1] is Verdict.PROVED, deeper
    same = _verdicts(latex.replace("{sub}", "\\section{Sums}"), "doc.tex")
    assert same[-1][1] is Verdict.UNKNOWN and "heading" in same[-1][2], same


def test_a_vector_said_to_be_a_softmax_and_never_applied_is_refused():
    """"so $y$ is a softmax": the vector a softmax gives, of what not read; read as any vector it refuted
    y_1 (1 - y_1) = y_1 y_2 at y = (1, 1). Where a display defines y, the formula is what y is."""
    claim = "$$\ny_1 (1 - y_1) = y_1 y_2\n$$\n"
    found = _verdicts("The noise is fixed, so $y$ is a softmax and\n\n" + claim)
    assert found[-1][1] is Verdict.UNKNOWN and "never applied" in found[-1][2], found
    defined = ("$$\ny_i = \\frac{\\exp(a_i)}{\\sum_{j=1}^{K} \\exp(a_j)}\n$$\n\nso $y$ is a softmax and\n\n"
               "$$\n\\sum_{i=1}^{K} y_i = 1\n$$\n")
    found = _verdicts(defined)
    assert found[-1][1] is Verdict.PROVED, found
    applied = _verdicts("Here $f$ is a softmax.\n\n$$\n\\sum_{i=1}^{K} f(z)_i = 1\n$$\n")
    assert "never applied" not in applied[-1][2], applied


def test_a_question_that_sets_an_exercise_keeps_its_law():
    """"What is $\\mathbb{E}[X]$ for $X \\sim \\mathrm{Poisson}(\\lambda)$?" states the law the answer uses."""
    text = ("What is $\\mathbb{E}[X^2]$ for $X \\sim \\mathrm{Poisson}(\\lambda)$?\n\n"
            "$$\n\\mathbb{E}[X^2] = \\lambda + \\lambda^2\n$$\n")
    assert _verdicts(text)[-1][1] is Verdict.PROVED, _verdicts(text)


def test_a_subscript_of_a_defined_functions_variables_is_its_partial_derivative():
    """f_x, f_{xy}, f_{yy} of an f(x, y) the document defines: its partial derivatives, the reading named; a letter
    that is not one of its variables, or a formula with a kink, keeps the subscript refused."""
    text = ("Let $f(x, y) = x^3 - 3xy + y^3$.\n\nThen $f_x(1, 2) = -3$ and $f_{xy}(1, 1) = -3$, while "
            "$f_{yy}(0, 1) = 5$.\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found][-3:] == [Verdict.PROVED, Verdict.PROVED, Verdict.REFUTED], found
    d = read_document(text, "doc.md", default_notation())
    assert any("partial derivative of $f$ by x, y" in r.text for c in checks_of(d) for r in c.readings)
    other = _verdicts("Let $f(x, y) = x^3 - 3xy + y^3$.\n\nThen $f_t(1, 2) = -3$.\n")
    assert other[-1][1] is Verdict.UNKNOWN, other
    kink = _verdicts("Let $g(x, y) = |x| + y$.\n\nThen $g_x(1, 2) = 1$.\n")
    assert kink[-1][1] is Verdict.UNKNOWN, kink


def test_a_derivative_by_a_matrix_holds_in_one_layout_in_a_document():
    """dE/dF = (G - A) F in F's shape, then dE/dF = F^T (G - A) copied from a source that stores F transposed: the
    second holds only transposed, and with the document's layout shown by the first it is not proved. Alone, a
    transposed claim is proved under transposition, the convention named."""
    from derive.results import in_one_layout

    setup = ("Let $F \\in \\mathbb{R}^{N \\times M}$ and $A \\in \\mathbb{R}^{N \\times N}$, with $G = F F^\\top$ and\n\n"
             "$$\nE = \\frac{1}{4} \\sum_{i=1}^{N} \\sum_{j=1}^{N} (G_{ij} - A_{ij})^2 .\n$$\n\n")
    shape = "$$\n\\frac{\\partial E}{\\partial F} = \\frac{1}{2} (G - A + (G - A)^\\top) F\n$$\n\n"
    transposed = "$$\n\\frac{\\partial E}{\\partial F} = \\frac{1}{2} F^\\top (G - A + (G - A)^\\top)\n$$\n"

    def results(text):
        d = read_document(text, "doc.md", default_notation())
        return in_one_layout([verify_check(c, SETTINGS) for c in checks_of(d) if c.part != "ends"])

    both = results(setup + shape + transposed)
    assert both[-2].verdict is Verdict.PROVED and not any("transposition" in c for c in both[-2].conventions)
    assert both[-1].verdict is Verdict.UNKNOWN and "holds only transposed" in both[-1].detail, both[-1].detail
    alone = results(setup + transposed)
    assert alone[-1].verdict is Verdict.PROVED and any("transposition" in c for c in alone[-1].conventions)


def test_an_equation_in_one_undeclared_name_in_the_words_may_be_one_being_solved():
    """"The balance is $0.8 (4 - m) = 0.2 ((m - 0) + (m - 1))$": an equation the words solve, true at the m they find;
    never refuted for every m. A true one is proved, and a wrong expansion in the words is still refuted."""
    found = _verdicts("The balance is $0.8 (4 - m) = 0.2 ((m - 0) + (m - 1))$, so $m = 17/6$.\n")
    assert found[0][1] is Verdict.UNKNOWN and "may be solving" in found[0][2], found
    assert _verdicts("The balance is $2 (m + 1) = 2m + 2$.\n")[0][1] is Verdict.PROVED
    assert _verdicts("Expanding, $(x + 1)^2 = x^2 + 1$.\n")[0][1] is Verdict.REFUTED


def test_a_claim_in_a_sentence_under_a_condition_said_in_words():
    """"If $V$ is already rank one, ..., $\\hat V = V$", "When every weight has the same magnitude, $\\|w\\|_1 / \\|w\\|_2 =
    \\sqrt{d}$", "Both vanish when ..., and then $r c^\\top = ...$": claims under a condition not read; a proof
    stands, a refutation does not. "If we expand" is no condition."""
    found = _verdicts("Let $w \\in \\mathbb{R}^d$. When every weight has the same magnitude, "
                      "$\\|w\\|_1 / \\|w\\|_2 = \\sqrt{d}$.\n")
    assert found[-1][1] is Verdict.UNKNOWN and "condition in words" in found[-1][2], found
    found = _verdicts("Let $r \\in \\mathbb{R}^n$ and $c \\in \\mathbb{R}^n$. Both vanish when $r$ is $c$, and then "
                      "$r^\\top r = c^\\top c$.\n")
    assert found[-1][1] is Verdict.UNKNOWN and "condition in words" in found[-1][2], found
    assert _verdicts("If we expand, $(a + b)^2 = a^2 + b^2$.\n")[-1][1] is Verdict.REFUTED
    assert _verdicts("If $x$ is positive, then $x + x = 2x$.\n")[-1][1] is Verdict.PROVED


def test_a_second_example_of_a_matrix_in_one_paragraph_replaces_the_first():
    """"For $V = [1\\ 3; 2\\ 2]$: ... For the rank-one $V = [1\\ 2; 3\\ 6]$": the second is an example too, never a claim
    checked against the first (it was refuted at V_12 = 3)."""
    text = ("Let $V \\in \\mathbb{R}^{n \\times m}$.\n\nFor $V = \\begin{bmatrix} 1 & 3 \\\\ 2 & 2 \\end{bmatrix}$ the "
            "total is $8$, and\n$$\n\\sum_{i=1}^{n} \\sum_{j=1}^{m} V_{ij} = 8\n$$\nFor the rank-one "
            "$V = \\begin{bmatrix} 1 & 2 \\\\ 3 & 6 \\end{bmatrix}$ the total is $12$.\n")
    found = _verdicts(text)
    assert all(v is not Verdict.REFUTED for _, v, _ in found), found
    assert "second example" in found[-1][2], found


def test_a_derivative_by_a_name_the_formula_is_read_without_is_not_zero():
    """h = sigma(W x + b) "of the pre-activation z", s = h (1 - h): ds_j/dz_j as read is a derivative of a formula in W,
    x and b by a z it does not hold; refused, never 0 (it refuted h_j (1 - h_j)(1 - 2 h_j))."""
    text = ("Let $x \\in \\mathbb{R}^{n}$, $W \\in \\mathbb{R}^{N \\times n}$ and $b \\in \\mathbb{R}^{N}$. The encoder is "
            "$h = \\sigma(W x + b)$, the logistic function of the pre-activation $z$, and $s = h \\odot (1 - h)$.\n\n"
            "$$\n\\frac{\\partial s_j}{\\partial z_j} = h_j (1 - h_j) (1 - 2 h_j)\n$$\n")
    found = _verdicts(text)
    assert found[-1][1] is Verdict.UNKNOWN and "is read without z" in found[-1][2], found


def test_a_formula_corrected_after_a_slip_is_refused_to_the_next_heading():
    """"Sign slip in the last step: ... $y(x) = 2 / (2 - x^2)$": which y later lines mean is not read (y' was refuted
    with the first formula), up to the next heading, where a new problem defines y anew."""
    text = ("## Problem 1\n\n$$\ny(x) = \\frac{2}{x^2 - 2}\n$$\n\n> Sign slip in the last step: so "
            "$y(x) = \\frac{2}{2 - x^2}$. Check: $y'(x) = \\frac{4x}{(2 - x^2)^2}$.\n\n## Problem 2\n\n"
            "$$\ny(x) = x^3\n$$\n\n$$\ny'(x) = 3x^2\n$$\n")
    found = _verdicts(text)
    assert all(v is not Verdict.REFUTED for _, v, _ in found), found
    assert found[-1][1] is Verdict.PROVED, found


def test_a_bare_partial_subscript_is_the_partial_derivative_at_the_functions_own_variables():
    """f_x = 3x^2 - 3y of an f(x, y) the document defines: the partial derivative at x and y as written, the reading
    named; a wrong one refuted. Not where x is bound (a sum's index) or given a value."""
    text = ("Let $f(x, y) = x^3 - 3xy + y^3$.\n\nThen $f_x = 3x^2 - 3y$ and $f_y = 3y^2 + 3x$, $f_{xy} = -3$.\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found][-3:] == [Verdict.PROVED, Verdict.REFUTED, Verdict.PROVED], found
    d = read_document(text, "doc.md", default_notation())
    assert any("partial derivative of $f$ by x" in r.text for c in checks_of(d) for r in c.readings)
    given = _verdicts("Let $f(x, y) = x^2 y$ and $x = 2$.\n\nThen $f_x = 4 y$.\n")
    assert given[-1][1] is not Verdict.REFUTED, given
    # (a display that opens with f_y, under a later heading: a claim about f, never a definition of f_y nor a new f)
    later = _verdicts("## Setup\n\n$$\nf(x, y) = x^2 y - 3y^3\n$$\n\n### Partials\n\n$$\nf_y = x^2 - 9y^2\n$$\n\n"
                      "$$\nf_x = 2xy + 1\n$$\n")
    assert [v for _, v, _ in later][-2:] == [Verdict.PROVED, Verdict.REFUTED], later


def test_an_expectation_without_brackets_is_refused_naming_the_construct():
    found = _verdicts("Let $g \\in \\mathbb{R}^n$.\n\n$$\n\\mathbb{E} \\|g\\|^2 = 1\n$$\n")
    assert found[-1][1] is Verdict.UNKNOWN and "write \\mathbb{E}[...]" in found[-1][2], found


def test_a_determinant_written_out_as_a_vmatrix():
    """|a b; c d| as a vmatrix of a square matrix written out in full: its determinant (cofactor expansions checked)."""
    text = ("$$\n\\begin{vmatrix} a & b \\\\ c & d \\end{vmatrix} = ad - bc\n$$\n\n$$\n\\begin{vmatrix} 2 & 0 & 1 \\\\ "
            "1 & 3 & 2 \\\\ 1 & 1 & 1 \\end{vmatrix} = 2 \\begin{vmatrix} 3 & 2 \\\\ 1 & 1 \\end{vmatrix} + "
            "\\begin{vmatrix} 1 & 3 \\\\ 1 & 1 \\end{vmatrix} = 1\n$$\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found] == [Verdict.PROVED, Verdict.PROVED, Verdict.REFUTED], found
    row = _verdicts("$$\n\\begin{vmatrix} 1 & 2 \\end{vmatrix} = 3\n$$\n")
    assert row[-1][1] is Verdict.UNKNOWN, row


def test_a_divergence_the_document_defines_is_read_where_it_is_used():
    """\\mathrm{KL}(\\rho \\| q) = formula: a function of two numbers the document defines (KL alone stays refused)."""
    text = ("$$\n\\mathrm{KL}(\\rho \\,\\|\\, q) = \\rho \\log \\frac{\\rho}{q} + (1 - \\rho) \\log \\frac{1 - \\rho}{1 - q}\n$$\n\n"
            "$$\n\\frac{d}{d q} \\mathrm{KL}(\\rho \\,\\|\\, q) = -\\frac{\\rho}{q} + \\frac{1 - \\rho}{1 - q}\n$$\n\n"
            "$$\n\\mathrm{KL}(\\rho \\,\\|\\, q) = \\mathrm{KL}(q \\,\\|\\, \\rho)\n$$\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found][1:] == [Verdict.PROVED, Verdict.REFUTED], found
    alone = _verdicts("$$\n\\mathrm{KL}(p \\,\\|\\, q) \\ge 0\n$$\n\n$$\n\\mathrm{KL}(p \\,\\|\\, p) = 0\n$$\n")
    assert alone[-1][1] is Verdict.UNKNOWN, alone
    # (p and q naming two laws, a formula in their parameters: no function of p and q, and the swap never proved)
    laws = _verdicts("$$\n\\operatorname{KL}(p \\,\\|\\, q) = \\log \\frac{s_2}{s_1} + \\frac{s_1^2}{2 s_2^2} - \\frac{1}{2}\n$$\n\n"
                     "Not symmetric: $\\operatorname{KL}(p \\,\\|\\, q) = \\operatorname{KL}(q \\,\\|\\, p)$ fails.\n")
    assert laws[-1][1] is Verdict.UNKNOWN, laws


def test_a_function_whose_formula_holds_none_of_its_arguments_is_not_read_as_one():
    # p and q name what s_1 and s_2 belong to (two laws): read as a constant, f(q, p) would be the same formula
    for text in ("Let $f(p, q) = s_1 + 2 s_2$.\n\nThen $f(p, q) = f(q, p)$.\n",
                 "$$\nD(p \\| q) = \\log \\frac{s_2}{s_1} + \\frac{s_1^2}{2 s_2^2}\n$$\n\n$$\nD(p \\| q) = D(q \\| p)\n$$\n"):
        found = _verdicts(text)
        assert found[-1][1] is Verdict.UNKNOWN, found
        assert "holds none of its arguments" in found[-1][2], found
    # a formula in its arguments, or in numbers only, is still that function
    assert [v for _, v, _ in _verdicts("Let $f(x, y) = x^2 y$.\n\nThen $f(x, y) = f(y, x)$ and $f(2, 1) = 4$.\n")][1:] \
        == [Verdict.REFUTED, Verdict.PROVED]
    assert _verdicts("Let $f(x, y) = 3$.\n\nThen $f(x, y) = f(y, x)$.\n")[-1][1] is Verdict.PROVED


def test_a_name_with_an_index_used_as_a_vector_is_a_family_of_vectors():
    # x_i^T w: x_1, ..., x_n are vectors (data points), w a vector of their length; never entries of a vector x
    text = ("The loss is $L(w) = \\sum_{i=1}^n (x_i^\\top w - y_i)^2$, so\n\n$$\n\\nabla_w L = 2 \\sum_{i=1}^n "
            "(x_i^\\top w - y_i) x_i\n$$\n\n$$\n\\nabla_w L = \\sum_{i=1}^n (x_i^\\top w - y_i) x_i\n$$\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found][1:] == [Verdict.PROVED, Verdict.REFUTED], found
    d = read_document(text, "doc.md", default_notation())
    shown = " ".join(r.text for c in checks_of(d) for r in c.readings)
    assert "a family, from the use of $x_i$ as a vector" in shown, shown
    # prototypes c_k beside a free vector c, nothing declared
    assert [v for _, v, _ in _verdicts(
        "A query $z$ and prototypes $c_k$:\n\n$$\n-\\|z - c_k\\|^2 = -z^\\top z + 2 c_k^\\top z - c_k^\\top c_k\n$$\n\n"
        "$$\n\\nabla_c \\|z - c\\|^2 = -2 (z - c)\n$$\n\n$$\n\\|z - c_k\\|^2 = z^\\top z - c_k^\\top z + c_k^\\top c_k\n$$\n")] \
        == [Verdict.PROVED, Verdict.PROVED, Verdict.REFUTED]
    # a vector x the prose declares keeps x_i its entry: x_i^T is then no family's (not read)
    declared = _verdicts("Let $x \\in \\mathbb{R}^n$ and $w \\in \\mathbb{R}^n$.\n\n$$\n\\nabla_w (x_i^\\top w) = x_i\n$$\n")
    assert declared[-1][1] is Verdict.UNKNOWN, declared
    # a bare x (a vector inside a norm) beside x_i used as a vector: x_i^2 is never refuted by shape
    mixed = _verdicts("$$\n\\sum_i x_i^2 = \\|x\\|^2 + 1\n$$\n\nand\n\n$$\n\\nabla_w (w^\\top x_i) = x_i\n$$\n")
    assert mixed[0][1] is Verdict.UNKNOWN, mixed


def test_the_default_constant_c_applied_to_an_argument_is_a_function():
    # c(8) of a c(n) the document defines by cases (or never): never the default constant c times 8
    found = _verdicts("For a tree on eight points, $H(7) = \\frac{363}{140}$ and\n$$\nc(8) = 2 \\cdot \\frac{363}{140} - "
                      "\\frac{14}{8} = \\frac{481}{140}\n$$\n")
    assert all(v is not Verdict.REFUTED for _, v, _ in found), found
    cases = _verdicts("$$\nc(n) = \\begin{cases} 2 n & n > 2 \\\\ 1 & n \\le 2 \\end{cases}\n$$\n\nSo\n\n$$\nc(8) = 16\n$$\n\n"
                      "$$\nc(8) = 6\n$$\n")
    assert [v for _, v, _ in cases][-2:] == [Verdict.PROVED, Verdict.REFUTED], cases


def test_a_second_number_for_a_name_in_one_paragraph_is_another_case():
    found = _verdicts("A point at mean depth $2$ gets $s = 2^{-280/481}$, about $0.67$, and a point at mean depth $5$ gets "
                      "$s = 2^{-700/481}$, about $0.36$.\n")
    assert found[-1][1] is Verdict.UNKNOWN and "another in the same paragraph" in found[-1][2], found
    # (a name given a formula, then its value worked out: claims about it)
    assert [v for _, v, _ in _verdicts("Let $w = 3$ and $z = 2 w$. Then $z = 6$, $z = 5$.\n")][-2:] \
        == [Verdict.PROVED, Verdict.REFUTED]


def test_held_fixed_in_words_a_declared_vector_stays_a_vector():
    text = ("Let $q \\in \\mathbb{R}^d$ and $z \\in \\mathbb{R}^d$, and write $\\bar{q} = q / \\|q\\|$, $\\bar{z} = z / \\|z\\|$.\n\n"
            "$$\n\\ell(q, z) = \\|\\bar{q} - \\bar{z}\\|^2\n$$\n\nSince $z$ is a constant,\n\n$$\n\\frac{\\partial \\ell}"
            "{\\partial q} = -\\frac{2}{\\|q\\|} \\left( I - \\bar{q} \\bar{q}^\\top \\right) \\bar{z}\n$$\n")
    assert _verdicts(text)[-1][1] is Verdict.PROVED


def test_an_inequality_an_earlier_sentence_of_the_paragraph_states_holds_for_its_claims():
    found = _verdicts("For $n \\ge 2$ the roots of unity add to zero. Similarly $\\sum_{k=1}^{n} \\sin^2 \\frac{k\\pi}{n} "
                      "= \\frac{n}{2}$ and $\\sum_{k=1}^{n} 1 = n + 1$.\n")
    assert [v for _, v, _ in found] != [] and found[0][1] is not Verdict.REFUTED, found  # (false at n = 1 only)
    assert found[-1][1] is Verdict.REFUTED and "n = 1" not in found[-1][2].replace("N = 1", "n = 1"), found


def test_a_number_the_words_give_a_name_a_definition_brings_in_is_never_varied_by_a_refutation():
    found = _verdicts("Here $a = 2$. I set $v = y^{1-a}$. Then\n\n$$\ny = \\frac{1}{v}\n$$\n")
    assert found[-1][1] is Verdict.UNKNOWN and "line 1 gives" in found[-1][2], found


def test_a_claim_before_the_value_it_finds_on_the_same_line_is_not_checked_against_it():
    found = _verdicts("The constants satisfy $2c_1 + c_2 = 1$ and\n$3c_1 - c_2 = 4$, so $c_1 = 1$ and $c_2 = 1$.\n")
    claim = next(f for f in found if f[0] == 2)
    # (the values the words find are results, never definitions: the claim holds c_1, c_2 as any values)
    assert claim[1] is Verdict.UNKNOWN and "only a proof for every value stands" in claim[2], found


def test_a_second_formula_in_words_that_set_another_case_is_not_refuted():
    found = _verdicts("With annual compounding the balance doubles when $(1 + r)^T = 2$, that is after\n$$\nT = \\frac{\\ln 2}"
                      "{\\ln(1 + r)}\n$$\nyears, and with continuous compounding after $T = \\frac{\\ln 2}{r}$ years.\n")
    assert found[-1][1] is Verdict.UNKNOWN and "another case" in found[-1][2], found


def test_a_prime_on_a_formula_in_a_function_the_document_differentiates_is_not_read():
    # v = 1/y with y a function of x (y', y(1)): v' is dv/dx, never d(1/y)/dy
    found = _verdicts("Solve $y' + \\frac{y}{x} = x y^2$ with $y(1) = 1$. Set $v = \\frac{1}{y}$.\n\n$$\nv' - \\frac{v}{x} = -x\n$$\n")
    assert found[-1][1] is Verdict.UNKNOWN and "the variable ' differentiates by" in found[-1][2], found


def test_a_function_of_an_index_letter_is_its_entries_formula():
    # P_s(j) = e^{s_j} / sum_k e^{s_k} (ListNet's top-one probabilities): a function of the index j, applied at
    # other indices and summed over one
    text = ("Scores $s \\in \\mathbb{R}^n$.\n\n$$\nP_s(j) = \\frac{e^{s_j}}{\\sum_{k=1}^{n} e^{s_k}}\n$$\n\n"
            "$$\n\\frac{\\partial P_s(j)}{\\partial s_i} = P_s(j) (\\delta_{ij} - P_s(i))\n$$\n\n"
            "$$\n\\frac{\\partial P_s(j)}{\\partial s_i} = P_s(j) (1 - P_s(i))\n$$\n\n"
            "$$\n\\sum_{k=1}^{n} P_s(k) = 1\n$$\n\n$$\nP_s(x) = P_s(1)\n$$\n")
    assert [v for _, v, _ in _verdicts(text)] == [Verdict.UNKNOWN, Verdict.PROVED, Verdict.REFUTED, Verdict.PROVED,
                                                  Verdict.UNKNOWN]


def test_a_list_of_names_said_to_be_positive_real_numbers_declares_each():
    text = ("Throughout, $a$, $b$, $c$ and $x$ are positive real numbers.\n\n- $\\ln(a^2 b) - 2\\ln(ab) = \\ln b$,\n"
            "- $\\ln(a^2 b) - 2\\ln(ab) = -\\ln b$.\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found] == [Verdict.REFUTED, Verdict.PROVED], found
    d = read_document(text, "doc.md", default_notation())
    assert any("a > 0" in r.text for r in checks_of(d)[0].readings)


def test_a_supposition_opening_a_sentence_holds_for_the_paragraphs_later_claims():
    # (|x| = x is false at x = -1: never refuted there, where the paragraph supposes x > 1)
    opening = _verdicts("For $x > 1$ we have $x^2 = x \\cdot x$. Also $|x| = x$.\n")
    assert opening[-1][1] in (Verdict.PROVED, Verdict.NUMERIC), opening


def test_a_second_formula_for_a_labelled_name_in_another_case_is_not_refuted():
    found = _verdicts("The effective rate is $r_{\\text{eff}} = \\left(1 + \\frac{r}{m}\\right)^m - 1$. With continuous "
                      "compounding $r_{\\text{eff}} = e^{r} - 1$.\n")
    assert found[-1][1] is Verdict.UNKNOWN and "another case" in found[-1][2], found


def test_a_default_size_name_before_parentheses_is_the_documents_function():
    # n(i), the index of the point nearest p_i: never the size N times 1
    found = _verdicts("Let $x_1, \\dots, x_N$ be numbers.\n\nSo $n(1) = 1$ and $n(2) = 2$.\n")
    assert [v for _, v, _ in found] == [Verdict.UNKNOWN, Verdict.UNKNOWN], found


def test_a_cross_of_bold_names_never_declared_is_not_a_product_of_numbers():
    # v . ((b - a) x u) = u . ((b - a) x v) is false for vectors (the order in the cross product is reversed)
    found = _verdicts("For lines $\\mathbf{a} + s\\mathbf{u}$ and $\\mathbf{b} + t\\mathbf{v}$, "
                      "$\\mathbf{v} \\cdot ((\\mathbf{b} - \\mathbf{a}) \\times \\mathbf{u}) = "
                      "\\mathbf{u} \\cdot ((\\mathbf{b} - \\mathbf{a}) \\times \\mathbf{v})$.\n")
    assert [v for _, v, _ in found] == [Verdict.UNKNOWN] and "cross product" in found[0][2], found
    declared = _verdicts("Let $\\mathbf{u}, \\mathbf{v}, \\mathbf{w} \\in \\mathbb{R}^3$.\n\n"
                         "$$\\mathbf{v} \\cdot (\\mathbf{w} \\times \\mathbf{u}) = \\mathbf{u} \\cdot (\\mathbf{w} \\times "
                         "\\mathbf{v})$$\n")
    assert [v for _, v, _ in declared] == [Verdict.REFUTED], declared


def test_a_derivative_of_a_formula_holding_a_primed_name_never_defined_is_not_zero():
    # T = s r' with r never defined: dT/ds is not r' (r' changes along the curve); dL/dy of L(y, y') is read
    found = _verdicts("Let $L = \\sqrt{1 + (y^\\prime)^2} + y$.\n\n$$\\frac{\\partial L}{\\partial y} = 1$$\n\n"
                      "Let $T = s r^\\prime$.\n\n$$\\frac{dT}{ds} = r^\\prime$$\n")
    assert [v for _, v, _ in found] == [Verdict.UNKNOWN, Verdict.PROVED, Verdict.UNKNOWN, Verdict.UNKNOWN], found
    assert "how r' changes is not known" in found[-1][2], found


def test_the_default_constant_c_is_a_guess_so_a_refutation_by_it_alone_does_not_stand():
    # c, the point of the mean value theorem, is no constant for every value: |sin v - sin u| = |cos c| |v - u|
    found = _verdicts("For real $u < v$, $|\\sin v - \\sin u| = |\\cos c| \\, |v - u|$ where $c$ is the theorem's "
                      "point.\n")
    assert [v for _, v, _ in found] == [Verdict.UNKNOWN] and "c" in found[0][2], found


def test_a_number_for_a_formula_in_a_default_size_is_not_refuted_at_another_size():
    found = _verdicts("For $16$ measurements use Student's $t$ with $\\nu = n - 1 = 15$ degrees of freedom.\n")
    assert [v for _, v, _ in found] == [Verdict.UNKNOWN, Verdict.UNKNOWN], found
    assert "a number for a formula in" in found[1][2], found


def test_a_number_the_words_give_a_name_brought_in_by_a_definition_holds_the_refutation():
    found = _verdicts("For which $k$ does $x + 2$ divide $f(x) = x^3 + k x^2 + x + 6$? We need $f(-2) = 0$, which "
                      "holds exactly when $k$ is $1$, and then $f(x) = (x + 2)(x^2 - x + 3)$.\n")
    assert found[-1][1] is Verdict.UNKNOWN and "gives $k$" in found[-1][2], found


def test_a_formula_opening_an_item_of_a_list_is_that_items_own():
    found = _verdicts("1. $u = x^3 - 3xy^2$: $\\frac{\\partial u}{\\partial x} = 3x^2 - 3y^2$.\n"
                      "2. $u = \\ln(x^2 + y^2)$ away from the origin: $\\frac{\\partial u}{\\partial x} = "
                      "\\frac{2x}{x^2 + y^2}$.\n")
    assert [v for _, v, _ in found] == [Verdict.UNKNOWN, Verdict.PROVED, Verdict.UNKNOWN, Verdict.UNKNOWN], found


def test_a_bold_name_read_as_a_number_never_refutes_by_shape():
    found = _verdicts("Let $F = \\begin{pmatrix} 1 & 0 \\\\ 0 & -1 \\end{pmatrix}$ and "
                      "$\\mathbf{u} = (1, 0)^T$. Then $F \\mathbf{x} = 2 (\\mathbf{u}^T \\mathbf{x}) \\mathbf{u} - "
                      "\\mathbf{x}$.\n")
    assert found[-1][1] is Verdict.UNKNOWN and "in bold" in found[-1][2], found


def test_a_function_labelled_by_an_upright_word_is_defined_and_applied():
    found = _verdicts("Let $L_{\\text{sat}}(a) = a^3$ and $J_{\\mathrm{reg}}(w) = w^2 + 1$.\n\n"
                      "$$\\frac{d L_{\\text{sat}}}{d a} = 3a^2$$\n\n$$L_{\\text{sat}}(2) = 8 = J_{\\mathrm{reg}}(1) + 5$$\n\n"
                      "$$\\frac{d J_{\\mathrm{reg}}}{d w} = w$$\n")
    assert [v for _, v, _ in found][-4:] == [Verdict.PROVED, Verdict.PROVED, Verdict.REFUTED, Verdict.REFUTED], found


def test_a_law_beside_an_equation_is_a_statement_of_its_own():
    found = _verdicts("Let $x, \\alpha$ be numbers.\n\n$$\nz = \\alpha x + s \\epsilon , \\qquad \\epsilon \\sim "
                      "\\mathcal{N}(0, 1) ,\n$$\n\nso $\\frac{\\partial z}{\\partial x} = \\alpha$ and "
                      "$\\frac{\\partial z}{\\partial x} = x$.\n")
    assert [v for _, v, _ in found][-2:] == [Verdict.PROVED, Verdict.REFUTED], found


def test_a_numbered_point_or_bold_direction_written_out_is_that_vector():
    found = _verdicts("Let $P_1 = (1, 2, 0)$ and take the direction $\\mathbf{d}_1 = (1, -1, 2)$ and "
                      "$\\mathbf{v} = (2, 1, 1)$.\n\nThen $\\mathbf{d}_1 \\cdot \\mathbf{v} = 3$ and "
                      "$P_1 + \\mathbf{v} = (3, 3, 1)$, but not $\\mathbf{d}_1 \\cdot \\mathbf{v} = 4$.\n")
    assert [v for _, v, _ in found][-3:] == [Verdict.PROVED, Verdict.PROVED, Verdict.REFUTED], found
    d = read_document("Take $\\mathbf{d}_1 = (1, -1, 2)$.\n\nThen $\\mathbf{d}_1 \\cdot \\mathbf{d}_1 = 6$.\n", "doc.md",
                      default_notation())
    assert any("d_{1}" in r.text and "defines" in r.text for r in checks_of(d)[-1].readings)


def test_the_letter_c_with_subscripts_is_the_documents_name_not_the_default_constant():
    found = _verdicts("The general solution is $y(x) = c_1 e^{x} + c_2 e^{-x}$, so $y''(x) = c_1 e^{x} + c_2 e^{-x}$ "
                      "and $y'(x) = c_1 e^{x} + c_2 e^{-x}$.\n")
    assert [v for _, v, _ in found][-2:] == [Verdict.PROVED, Verdict.REFUTED], found


def test_a_formula_the_words_say_was_used_instead_is_that_settings_own():
    found = _verdicts("Dropout rescales: $\\tilde x = 2 x$.\n\nOld implementations used $\\tilde x = 3 x$ during "
                      "training. Then $\\tilde x - x = 2 x$.\n")
    assert [v for _, v, _ in found] == [Verdict.UNKNOWN, Verdict.UNKNOWN, Verdict.UNKNOWN], found
    assert "used" in found[1][2] and "which one a use means is not read" in found[2][2], found


def test_the_length_of_the_vector_of_ones_from_the_words():
    """"Let $\\mathbf{1} \\in \\mathbb{R}^n$": a vector of ones written without a size has that length, so the all-ones
    matrix and the centring matrix defined from it are read; without the words its size is still refused."""
    said = ("Let $\\mathbf{1} \\in \\mathbb{R}^n$ be the vector of ones, $J = \\mathbf{1}\\mathbf{1}^\\top$ the all-ones "
            "matrix, and\n$$\nH = I_n - \\frac{1}{n} J .\n$$\n\n$$\nH^\\top = H\n$$\n\n$$\nH \\mathbf{1} = 0\n$$\n\n"
            "$$\nJ^2 = J\n$$\n")
    got = _verdicts(said)
    assert [v for _, v, _ in got[2:]] == [Verdict.PROVED, Verdict.PROVED, Verdict.REFUTED]
    d = read_document(said, "doc.md", default_notation())
    assert any("length of the vector of ones" in g.text for c in checks_of(d) if c.line == 11 for g in c.readings)
    unsaid = _verdicts(said.replace("Let $\\mathbf{1} \\in \\mathbb{R}^n$ be the vector of ones, ", "Let "))
    assert all(v is Verdict.UNKNOWN for _, v, _ in unsaid)


def test_a_case_whose_condition_is_not_read_ends_the_case_before_it():
    """"*Case 2: the constraint is active*, $g(x) = 0$.": the condition of case 1 ($\\mu = 0$) no longer holds under it
    (a true mu = 1 was refuted against it); what case 2 says is not read, so only a proof stands there."""
    text = ("*Case 1: the constraint is inactive*, $\\mu = 0$. Then the minimiser is infeasible.\n\n"
            "*Case 2: the constraint is active*, $g(x) = 0$. Stationarity gives\n\n$$\nx_1 = 2 - \\frac{\\mu}{2}\n$$\n\n"
            "Hence $\\mu = 1$ and\n\n$$\n(\\mu + 1)^2 = \\mu^2 + 2\\mu + 1\n$$\n")
    got = _verdicts(text)
    mu = [(v, detail) for line, v, detail in got if line == 9]
    assert mu and all(v is Verdict.UNKNOWN for v, _ in mu) and "Case 2" in mu[0][1]
    assert [v for line, v, _ in got if line == 12] == [Verdict.PROVED]


def test_a_value_worked_out_for_a_function_never_defined_is_not_its_definition():
    """"The eigenvalues satisfy ..., so $$\\rho(T_J) = \\frac{1}{12}$$": a result, which may be the mistake; the later
    corrected value is never refuted against it (the values of rho are not read). Written as a definition, with no
    such words, the value is still rho's at that argument."""
    text = ("The eigenvalues $\\mu$ of $T_J$ satisfy $\\mu^2 = \\frac{1}{12}$, so\n$$\n\\rho(T_J) = \\frac{1}{12} .\n$$\n"
            "Of course, $\\rho(T_J) = \\frac{1}{\\sqrt{12}}$.\n")
    got = _verdicts(text)
    assert all(v is Verdict.UNKNOWN for line, v, _ in got if line >= 3)
    assert "worked out" in [d for line, v, d in got if line == 5][0]
    given = _verdicts("Here\n$$\n\\rho(M_J) = \\frac{1}{12}\n$$\n\nThen $2 \\rho(M_J) = \\frac{1}{6}$.\n")
    assert [v for _, v, _ in given] == [Verdict.UNKNOWN, Verdict.PROVED]


def test_a_formula_the_words_report_is_no_definition_where_a_later_chain_gives_another():
    """"a classmate told me that means $S(v) = v - \\lambda \\operatorname{sign}(v)$ for every $v$", then the right
    formula in a display: the first is a claim, and a claim after the second is never judged by the first."""
    text = ("Let $\\lambda > 0$. A classmate told me that means $S(v) = v - \\lambda \\operatorname{sign}(v)$ for every $v$."
            "\n\nIn fact\n$$\nS(v) = \\operatorname{sign}(v) \\max(|v| - \\lambda, 0)\n$$\n\nso $S(0) = 0$.\n")
    got = _verdicts(text)
    assert [v for line, v, _ in got if line == 8] == [Verdict.PROVED]
    assert not any(v is Verdict.REFUTED for _, v, _ in got)


def test_superscripts_that_count_iterations_are_never_read_as_powers():
    """x^{k+1} = x^k - t(x^k - b) alone on the left: x^0 = 0 is the start of the iteration, never x to the power 0
    (refuted as 1 = 0); every superscript on x is refused, saying how to write an iterate."""
    text = "One iteration is\n$$\nx^{k+1} = x^k - t (x^k - b)\n$$\n\nWe claim $x^0 = 0$ and $y^0 = 1$.\n"
    got = _verdicts(text)
    start = [(v, d) for line, v, d in got if line == 6]
    assert start[0][0] is Verdict.UNKNOWN and "iterate" in start[0][1]
    assert start[1][0] is Verdict.PROVED  # (y is no iterate: y^0 is a power)


def test_a_sign_said_in_words_is_the_sentence_s_condition():
    """"for negative $\\beta$ the derivative of $\\lambda|\\beta|$ is $-\\lambda$, so $f'(\\beta) = a\\beta - c - \\lambda$
    there": checked where beta < 0 (it was checked for every beta, and refuted)."""
    text = ("Let $f(\\beta) = \\frac{1}{2} a \\beta^2 - c \\beta + \\lambda |\\beta|$ with $\\lambda > 0$.\n\n"
            "For negative $\\beta$ the derivative of $\\lambda|\\beta|$ is $-\\lambda$, so "
            "$f'(\\beta) = a\\beta - c - \\lambda$ there. For positive $\\beta$, $f'(\\beta) = a\\beta - c - \\lambda$.\n")
    got = [(v, d) for line, v, d in _verdicts(text) if line == 3]
    assert [v for v, _ in got][-2:] == [Verdict.PROVED, Verdict.REFUTED], got


def test_a_name_an_earlier_claim_gives_a_value_is_meant_at_it():
    """p = (1 + \\sqrt 5)/2 said as a result (p was used before): 1 + 1/p = p, true there, is never refuted for every p;
    w = 2, then w + w = 3w: refuted, as it is at w = 2 too."""
    text = ("Matching the powers gives $p = 1 + 1/p$, whose positive root is\n$$\np = \\frac{1 + \\sqrt{5}}{2} ,\n$$\n\n"
            "and since $1 + 1/p = p$ we get $p^2 = p + 1$.\n")
    got = [(line, v) for line, v, _ in _verdicts(text)]
    assert all(v is not Verdict.REFUTED for line, v in got if line == 6), got


def test_accented_names_are_declared_as_vectors_and_matrices():
    """"$\\tilde X \\in \\mathbb{R}^{4 \\times 2}$", "$\\hat{w}, x \\in \\mathbb{R}^d$": an accented name declared like a
    letter (it was refused, or read as a number and its transpose refused)."""
    got = _verdicts("Let $\\tilde X \\in \\mathbb{R}^{n \\times p}$ and $S = \\frac{1}{3} \\tilde X^\\top \\tilde X$.\n\n"
                    "$$\nS^\\top = S\n$$\n\nLet $\\hat{w}, x \\in \\mathbb{R}^d$ and $\\bar x \\in \\mathbb{R}^d$.\n\n"
                    "$$\n\\hat{w}^\\top x = x^\\top \\hat{w}\n$$\n\n$$\n\\|\\hat w - \\bar x\\|^2 = \\|\\hat w\\|^2 + \\|\\bar x\\|^2\n$$\n")
    assert [v for line, v, _ in got if line > 1] == [Verdict.PROVED, Verdict.PROVED, Verdict.REFUTED], got


def test_a_name_given_in_numbers_its_formula_hides_is_meant_at_them_after():
    """S = X^T X / 3 of data X not read, then "$$S = \\frac{1}{3} [[5, 4], [4, 5]]$$": a claim after it in S (or in a
    name made from S) may be at those numbers, so det(S - \\lambda I) = (5/3 - \\lambda)^2 - 16/9 is never refuted for
    every X; a proof for every X still stands."""
    text = ("Let $X \\in \\mathbb{R}^{4 \\times 2}$ hold the data, and $S = \\frac{1}{3} X^\\top X$. The sums give\n"
            "$$\nS = \\frac{1}{3} \\begin{pmatrix} 5 & 4 \\\\ 4 & 5 \\end{pmatrix} .\n$$\n\nThen $T = S - I$ and\n\n"
            "$$\n\\det(S - \\lambda I) = \\left(\\tfrac{5}{3} - \\lambda\\right)^2 - \\tfrac{16}{9}\n$$\n\n"
            "$$\nT + I = S\n$$\n\n$$\nS^\\top = S\n$$\n")
    got = _verdicts(text)
    assert [v for line, v, _ in got if line == 9] == [Verdict.UNKNOWN]
    assert "$S$ (line 3) at the numbers given for it" in [d for line, v, d in got if line == 9][0]
    assert [v for line, v, _ in got if line in (13, 17)] == [Verdict.PROVED, Verdict.PROVED]


def test_a_default_size_name_given_a_written_out_matrix_is_that_matrix():
    """K = [[1, 1/2], [1/2, 1]], a kernel matrix: K is by default another name of the size N, and a formula for it was
    refused as one that may define a count; a size is never a matrix written out."""
    got = _verdicts("The kernel matrix is\n$$\nK = \\begin{pmatrix} 1 & 1/2 \\\\ 1/2 & 1 \\end{pmatrix} .\n$$\n\n"
                    "$$\n\\det K = \\frac{3}{4}\n$$\n\n$$\nK^\\top = K\n$$\n\n$$\n\\det K = 1\n$$\n")
    assert [v for _, v, _ in got] == [Verdict.UNKNOWN, Verdict.PROVED, Verdict.PROVED, Verdict.REFUTED]


def test_a_value_worked_out_in_numbers_after_for_is_claimed_and_a_worded_condition_keeps_only_proofs():
    text = ("The impurity is\n\n$$\nG(S) = 1 - \\sum_{k} p_k^2\n$$\n\n"
            "For Gini, $G(S_L) = 1 - \\left(\\tfrac{3}{4}\\right)^2 - \\left(\\tfrac{1}{4}\\right)^2 = \\tfrac{5}{8}$.\n\n"
            "Let $A$ be a square matrix. For an even size $\\det(-A) = -\\det A$.\n")
    found = _verdicts(text)
    arithmetic = [v for line, v, detail in found if line == 7]
    assert Verdict.REFUTED in arithmetic  # 1 - 9/16 - 1/16 = 3/8, whatever the words before it
    worded = [(v, detail) for line, v, detail in found if line == 9]
    # (false for an even size, true for an odd one: the words' condition is not read, so no refutation stands)
    assert worded and all(v is Verdict.UNKNOWN and "For an even size" in detail for v, detail in worded)


def test_the_determinant_of_a_power_of_a_written_out_matrix_is_decided():
    text = ("$$\nM = \\begin{pmatrix} 1 & 2 & -1 & 0 \\\\ 2 & 4 & 1 & 3 \\\\ 0 & 1 & 2 & 1 \\\\ -1 & 0 & 3 & 2 "
            "\\end{pmatrix}\n$$\n\n$$\n\\det(M^3) = -216\n$$\n\n$$\n\\det(M^3) = 216\n$$\n")
    found = [(line, v) for line, v, _ in _verdicts(text) if line > 3]
    assert found == [(6, Verdict.PROVED), (10, Verdict.REFUTED)]


def test_a_function_defined_by_a_sum_keeps_its_index_bound_at_a_number():
    """T(n) = sum_{k=1}^n k^2 at 3 is 14: the summand's k stays the sum's (never a free k, which made T(3) = 3 k^2)."""
    text = "$$\nT(n) = \\sum_{k=1}^{n} k^2\n$$\n\n$$\nT(3) = 14\n$$\n\n$$\nT(3) = 13\n$$\n\n$$\nT(n + 1) = T(n) + (n + 1)^2\n$$\n"
    assert [(line, v) for line, v, _ in _verdicts(text) if line > 2] == [
        (6, Verdict.PROVED), (10, Verdict.REFUTED), (14, Verdict.PROVED)]


def test_ell_is_a_sum_index_and_a_name_before_square_brackets_is_never_a_product():
    text = ("Let $c \\in \\mathbb{R}^L$.\n\n$$\n\\sum_{\\ell=1}^{L} (c_\\ell + 1) = L + \\sum_{\\ell=1}^{L} c_\\ell\n$$\n\n"
            "$$\n\\sum_{\\ell=1}^{L} \\sum_{j=1}^{\\ell} 1 = \\frac{L(L-1)}{2}\n$$\n\n$$\nY[0] = 20\n$$\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found] == [Verdict.PROVED, Verdict.REFUTED, Verdict.UNKNOWN]
    assert "ell" not in found[1][2]  # (no guess: the inner limit is the outer sum's index)
    assert "square brackets" in found[2][2]


def test_an_equation_the_words_solve_or_set_up_to_solve_is_never_refuted_for_every_value():
    roots = _verdicts("Trying $r^n$ in the recurrence gives $r^2 = r + 1$, whose roots are the golden ratio and its "
                      "conjugate.\n")
    assert roots[0][1] is Verdict.UNKNOWN and "may be solving" in roots[0][2]
    trial = _verdicts("Let $n \\ge 1$ be an integer. Now $2$ is a root, so try $C n 2^n$:\n$$\n"
                      "C n 2^n = 2 C (n-1) 2^{n-1} + 2^n .\n$$\n")
    assert trial[-1][1] is Verdict.UNKNOWN and "set up to solve" in trial[-1][2]


def test_a_function_given_a_formula_again_in_words_not_read_is_neither_formula_after_it():
    text = ("$$\nT(n) = 3^k + 3n\n$$\n\n**5. $T(n) = 2T(n/4) + \\sqrt{n}$.** By hand, $T(4) = 4$.\n\n"
            "$$\nT(1) = 3 + 3\n$$\n")
    found = [(line, v, detail) for line, v, detail in _verdicts(text) if line > 2]
    assert [v for _, v, _ in found] == [Verdict.UNKNOWN, Verdict.UNKNOWN, Verdict.UNKNOWN]
    assert "given a formula again on line 5" in found[1][2] and "given a formula again on line 5" in found[2][2]


def test_a_name_given_a_value_anew_in_numbers_after_with_is_never_refuted_against_the_first():
    text = ("Data $2, 4, 9$: $\\sum_i (x_i - \\bar{x})^2 = 26$, so $s^2 = 26 / 3$.\n\n"
            "With Bessel's correction $s^2 = 26 / 2 = 13$.\n")
    assert not [v for line, v, _ in _verdicts(text) if line == 3 and v is Verdict.REFUTED]


def test_a_function_taken_anew_twice_is_neither_formula_after_the_second():
    text = ("Let $f$ be differentiable, $L(x) = f(a) + f'(a)(x - a)$.\n\n"
            "Take $f(x) = \\sqrt{x}$ and $a = 4$. Then $f'(4) = \\frac{1}{4}$.\n\n"
            "For the cube root take $f(x) = x^{1/3}$:\n\n$$\nf'(27) = \\frac{1}{3} \\cdot 27^{-2/3}\n$$\n")
    assert not [v for line, v, _ in _verdicts(text) if line == 8 and v is Verdict.REFUTED]


def test_an_inline_supposition_is_shown_never_dropped():
    text = ("Let $p \\in \\mathbb{R}^n$ and suppose $\\sum_i p_i = 1$.\n\n$$\n\\sum_i (p_i + 1) = 1 + n\n$$\n")
    d = read_document(text, "doc.md", default_notation())
    shown = [c for c in checks_of(d) if c.problem.startswith("read as a supposition")]
    assert [(c.line, c.latex) for c in shown] == [(1, "\\sum_i p_i = 1")]
    result = verify_check(shown[0], SETTINGS)
    assert result.verdict is Verdict.UNKNOWN and result.matches and 'after "and suppose"' in result.detail
    assert [verify_check(c, SETTINGS).verdict for c in _claims(d)] == [Verdict.PROVED]


def test_a_member_of_a_family_whose_formula_is_not_read_is_a_claim_never_a_definition():
    """T_n(x) = sum_k f^{(k)}(a) (x - a)^k / k! is not read: T_2(x) = ... later is T at n = 2 (here with a wrong
    coefficient), never T_2's definition, so T_2(4.1) worked out from it is not proved."""
    text = ("The Taylor polynomial of degree $n$ is\n$$\nT_n(x) = \\sum_{k=0}^{n} \\frac{f^{(k)}(a)}{k!}(x - a)^k\n$$\n\n"
            "For $f(x) = \\sqrt{x}$ and $a = 4$:\n$$\nT_2(x) = 2 + \\frac{1}{4}(x - 4) - \\frac{1}{32}(x - 4)^2\n$$\n\n"
            "$$\nT_2(4.1) = 2 + 0.025 - 0.0003125\n$$\n")
    found = _verdicts(text)
    assert [v for line, v, _ in found if line in (8, 12)] == [Verdict.UNKNOWN, Verdict.UNKNOWN]


def test_matrices_of_transposed_shapes_are_no_proof_without_a_derivative():
    """u v^T written out as v u^T is a different matrix (a layout convention is a derivative's only)."""
    text = ("For $\\mathbf{u} = (1, 2, 3)^\\top$ and $\\mathbf{v} = (4, 5)^\\top$:\n\n$$\n\\mathbf{u}\\mathbf{v}^\\top = "
            "\\begin{pmatrix} 4 & 8 & 12 \\\\ 5 & 10 & 15 \\end{pmatrix}, \\qquad \\mathbf{u}\\mathbf{v}^\\top = "
            "\\begin{pmatrix} 4 & 5 \\\\ 8 & 10 \\\\ 12 & 15 \\end{pmatrix}\n$$\n")
    assert [v for line, v, _ in _verdicts(text) if line == 4] == [Verdict.REFUTED, Verdict.PROVED]


def test_numbers_the_words_draw_for_a_name_are_a_result_never_its_definition():
    """"since only the first unit is active, $\\delta_1 = (0, 0)^T$": the numbers may be the mistake, carried on; a
    later claim is never proved through them."""
    text = ("Let $x \\in \\mathbb{R}^2$. Since only the first hidden unit is active, $\\delta_1 = (0, 0)^T$ and "
            "$\\nabla_{W} L = \\delta_1 x^T = 0$.\n\nWe get $q = 3$, so $q^2 = 9$.\n\nLet $r = 3$, so $r^2 = 9$.\n")
    found = _verdicts(text)
    assert Verdict.PROVED not in [v for line, v, _ in found if line < 5]
    assert all("works it out" in d for line, _, d in found if line == 3)
    assert [v for line, v, _ in found if line == 5][-1] is Verdict.PROVED  # (r^2 = 9 of r = 3 after "let")


def test_a_later_part_that_defines_a_name_again_does_not_reach_back():
    """sigma^2 = 9 in a later worked example leaves the first part's sigma^2 = (1/N) sum (x_i - mu)^2 as it was,
    in its claims and in the formulas unfolded for a derivative through sigma."""
    text = ("# One\n\nLet $\\sigma^2 = \\frac{1}{N} \\sum_{i=1}^{N} (x_i - \\mu)^2$ with $\\mu = \\frac{1}{N} \\sum_{i=1}^{N} "
            "x_i$ and $s = \\sqrt{\\sigma^2 + \\epsilon}$.\n\n$$\n\\frac{\\partial \\sigma^2}{\\partial x_1} = \\frac{2}{N}"
            "(x_1 - \\mu), \\qquad s^2 = \\sigma^2 + \\epsilon\n$$\n\n# Two\n\nTake the data $(0, 6, 6, 8)$:\n\n$$\n"
            "\\sigma^2 = \\frac{25 + 1 + 1 + 9}{4} = 9\n$$\n")
    assert [v for line, v, _ in _verdicts(text) if line == 6] == [Verdict.PROVED, Verdict.PROVED]


def test_a_function_an_example_defines_is_not_known_in_the_next_example():
    text = ("\\paragraph{Example 1.} Here\n\\[\nL(x) = \\ln 2 + (x - 1).\n\\]\n\n"
            "\\paragraph{Example 2.} For $f(x) = \\sqrt{x}$ at $a = 9$:\n\\[\nL(9.2) = 3 + \\frac{0.2}{6}\n\\]\n\n"
            "\\paragraph{Remark.} Also\n\\[\nL(1) = \\ln 2\n\\]\n")
    found = _verdicts(text, "doc.tex")
    assert [(line, v) for line, v, _ in found if line > 6] == [(8, Verdict.UNKNOWN), (13, Verdict.UNKNOWN)]
    assert "never defined" in found[-2][2]


def test_nabla_of_a_formula_in_one_vector_is_its_gradient_in_that_vector():
    text = ("Let $g \\in \\mathbb{R}^n$ and $c > 0$.\n\n$$\n\\nabla \\lVert g \\rVert = g / \\lVert g \\rVert, \\qquad "
            "\\nabla (1/\\lVert g \\rVert) = -g / \\lVert g \\rVert^2\n$$\n\n$$\n\\nabla (c \\lVert g \\rVert^2) = 2 c g\n$$\n"
            "\nLet $h \\in \\mathbb{R}^n$.\n\n$$\n\\nabla (g^\\top h) = h\n$$\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found] == [Verdict.PROVED, Verdict.REFUTED, Verdict.PROVED, Verdict.UNKNOWN]
    assert "subscript" in found[-1][2]  # (two vectors: which one is the variable is not read)


def test_a_product_whose_sizes_do_not_fit_leaves_the_types_an_earlier_line_settles():
    """X (sigma(X w) - y), X declared n x d: the claim's own mistake, never a reason to refuse w (typed from x_i^T w
    on an earlier line) in every other claim."""
    text = ("Data $x_i \\in \\mathbb{R}^d$ for $1 \\le i \\le n$, stacked into $X \\in \\mathbb{R}^{n \\times d}$ (rows "
            "$x_i^\\top$), and labels $y$.\n\n$$\nL(w) = \\frac{1}{n} \\sum_{i=1}^{n} \\log\\left(1 + e^{x_i^\\top w}\\right)\n"
            "$$\n\n$$\n\\nabla L(w) = \\frac{1}{n} \\sum_{i=1}^{n} \\sigma(x_i^\\top w) x_i = \\frac{1}{n} X \\sigma(X w)\n$$\n")
    found = _verdicts(text)
    assert found[-2][1] in (Verdict.PROVED, Verdict.BOUNDED), found
    assert found[-1][1] in (Verdict.REFUTED, Verdict.UNKNOWN) and "multiply" in found[-1][2], found


def test_a_name_the_words_hold_fixed_is_no_random_variable():
    text = ("Let $0 < p < 1$. Each unit keeps an independent mask $m_i \\sim \\operatorname{Bernoulli}(1 - p)$ and outputs $\\tilde h_i = "
            "\\frac{m_i h_i}{1 - p}$. Expectations are over the masks, with $h$ fixed.\n\n$$\n\\mathbb{E}[\\tilde h_i] = h_i, "
            "\\qquad \\mathbb{E}[\\tilde h_i^2] = \\frac{h_i^2}{1 - p}, \\qquad \\mathbb{E}[\\tilde h_i^2] = h_i^2\n$$\n")
    found = _verdicts(text)
    assert [v for line, v, _ in found if line == 4] == [Verdict.PROVED, Verdict.PROVED, Verdict.REFUTED]
    assert any("is fixed, not random" in r.text for r in _readings(text, 1))
    unsaid = _verdicts(text.replace(", with $h$ fixed", ""))
    assert [v for line, v, _ in unsaid if line == 4] == [Verdict.UNKNOWN] * 3


def test_what_the_words_choose_so_that_it_holds_is_a_supposition():
    text = ("Let $\\beta \\in [0, 1)$, smallest eigenvalue $\\mu > 0$, largest eigenvalue $L$ and condition number "
            "$\\kappa = L / \\mu$.\n\nChoose $\\alpha$ and $\\beta$ so that $\\alpha \\mu = (1 - \\sqrt{\\beta})^2$ and "
            "$\\alpha L = (1 + \\sqrt{\\beta})^2$. Dividing, $\\sqrt{\\kappa} = \\frac{1 + \\sqrt{\\beta}}{1 - \\sqrt{\\beta}}$.\n")
    d = read_document(text, "doc.md", default_notation())
    assert [c.latex for c in checks_of(d) if c.problem.startswith("read as a supposition")] == [
        "\\alpha \\mu = (1 - \\sqrt{\\beta})^2", "\\alpha L = (1 + \\sqrt{\\beta})^2"]
    claim = [verify_check(c, SETTINGS) for c in _claims(d) if "kappa" in c.latex and c.line == 3][0]
    assert claim.verdict is Verdict.UNKNOWN and "\\alpha \\mu" in claim.detail


def test_a_matrix_an_example_writes_out_is_not_known_past_the_example():
    """L written out under "Example: the path on three vertices", then "(I + lambda L)^{-1} y" under the next heading:
    neither that L nor a number L guessed (which refuted 1^T x* = 1^T y)."""
    text = ("## Example: the path on three vertices\n\n$$\nL = \\begin{pmatrix} 1 & -1 & 0 \\\\ -1 & 2 & -1 \\\\ 0 & -1 & 1 "
            "\\end{pmatrix}\n$$\n\n## Laplacian smoothing\n\nFor a signal $y$ and $\\lambda > 0$,\n$$\nx^\\star = (I + "
            "\\lambda L)^{-1} y ,\n$$\nso $\\mathbf{1}^\\top x^\\star = \\mathbf{1}^\\top y$.\n")
    found = _verdicts(text)
    assert Verdict.REFUTED not in [v for _, v, _ in found]
    assert any("in the example under the heading of line 1" in d for _, _, d in found)


def test_agreement_at_size_one_alone_is_no_numeric_evidence():
    """sum_i y_i log y_i = -sum_i y_i log y_i for y the softmax holds at N = 1 only (y_1 = 1); where the larger
    sizes cannot be evaluated, it was "numerically consistent" on the two points of size 1."""
    text = ("Let $x \\in \\mathbb{R}^n$ and $y = \\nabla_x \\operatorname{lse}(x)$.\n\n$$\n\\sum_{i=1}^n y_i \\log y_i + "
            "\\operatorname{lse}(x) \\left( \\sum_{i=1}^n y_i - 1 \\right) = -\\sum_{i=1}^n y_i \\log y_i\n$$\n")
    assert [v for line, v, _ in _verdicts(text) if line == 4] in ([Verdict.UNKNOWN], [Verdict.REFUTED])


def test_vectors_and_matrices_named_by_a_layer_number():
    """z_1 = W_1 x + b_1, Z_1 = W_1 X + b_1 1^T: the vector z_1 and the matrix Z_1 a network's layer numbers name
    (z never given an entry by an index, nor used alone), read as their formulas where used."""
    text = ("Let $x \\in \\mathbb{R}^{d}$, $X \\in \\mathbb{R}^{d \\times B}$, $W_1 \\in \\mathbb{R}^{h \\times d}$, "
            "$b_1 \\in \\mathbb{R}^{h}$ and $w_2 \\in \\mathbb{R}^h$.\n\n$$\nz_1 = W_1 x + b_1, \\qquad a = \\tanh(z_1), "
            "\\qquad f = w_2^T a, \\qquad Z_1 = W_1 X + b_1 \\mathbf{1}^T\n$$\n\n"
            "$$\n\\nabla_{b_1} f = (1 - a \\odot a) \\odot w_2\n$$\n\n$$\n\\nabla_{b_1} f = (1 - a) \\odot w_2\n$$\n\n"
            "$$\nZ_1^T = X^T W_1^T\n$$\n\n$$\n\\operatorname{tr}(Z_1^T Z_1) = \\operatorname{tr}(Z_1 Z_1^T)\n$$\n")
    found = _verdicts(text)
    assert [(line, v) for line, v, _ in found if line > 4] == [
        (8, Verdict.PROVED), (12, Verdict.REFUTED), (16, Verdict.REFUTED), (20, Verdict.PROVED)]
    d = read_document(text, "doc.md", default_notation())
    last = [verify_check(c, SETTINGS) for c in checks_of(d) if c.line == 20][0]
    assert any("$Z_{1}$ as the document defines it" in r.text for r in last.readings)
    # z used with an index elsewhere: z_1 may be its entry, so no vector z_1 is defined
    indexed = _verdicts(text + "\nFor every $i$, $z_i = z_i$.\n")
    assert [v for line, v, _ in indexed if line in (8, 12)] == [Verdict.UNKNOWN, Verdict.UNKNOWN]


def test_a_defined_name_given_a_number_is_its_value_at_a_point_the_words_give():
    """"At $\\ln 3$ with label $0$ ... the loss is $\\ell = -\\log(1 - 3/4)$": the formula of line 1 holds z and y free,
    so a refutation at another point says nothing; a proof would stand."""
    text = ("Let $\\ell = -y \\log \\sigma(z) - (1 - y) \\log(1 - \\sigma(z))$.\n\nAt $z = \\ln 3$ with label $0$ the loss is\n\n"
            "$$\n\\ell = -\\log\\left(1 - \\tfrac34\\right)\n$$\n\nand in general\n\n$$\n\\ell = -\\log 4\n$$\n")
    found = _verdicts(text)
    assert [v for line, v, _ in found if line in (6, 12)] == [Verdict.UNKNOWN, Verdict.UNKNOWN]
    assert all("its value at a point the words give" in d for line, _, d in found if line in (6, 12))


def test_a_vector_only_the_default_types_is_a_reading_and_no_refutation_alone():
    text = ("Consider\n\n$$\n\\sum_i x_i^2 = \\sum_i x_i x_i\n$$\n\nA unit $j$ receives $x_j = \\sum_i y_i w_{ji}$ and outputs "
            "$y_j = \\frac{1}{1 + e^{-x_j}}$.\n\n$$\ny_j = \\frac34\n$$\n")
    found = _verdicts(text)
    d = read_document(text, "doc.md", default_notation())
    first = verify_check(checks_of(d)[0], SETTINGS)
    assert first.verdict is Verdict.PROVED
    assert any(r.kind == "default" and "$x$ is read as a vector of length $N$" in r.text for r in first.readings)
    # (y_j = sigma(x_j), x_j = sum_i y_i w_ji: not read, so y is the default's any vector, on one side only)
    assert [v for line, v, _ in found if line == 10] == [Verdict.UNKNOWN]
    assert "a meaning for y, never declared" in [d for line, _, d in found if line == 10][0]


def test_an_index_range_beside_a_definition_and_a_name_written_for_a_formula():
    text = ("Let $\\mathbf{z} \\in \\mathbb{R}^K$ and\n\n$$\ns_i = \\frac{e^{z_i}}{\\sum_{k=1}^{K} e^{z_k}}, \\qquad i \\in \\{1, "
            "\\dots, K\\}.\n$$\n\nI'll write $S$ for the denominator $\\sum_k e^{z_k}$.\n\n$$\n\\frac{\\partial s_i}{\\partial z_i} = "
            "\\frac{e^{z_i} S - e^{z_i} e^{z_i}}{S^2} = s_i (1 - s_i)\n$$\n\n$$\n\\frac{\\partial s_i}{\\partial z_i} = s_i (1 + s_i)\n$$\n")
    found = _verdicts(text)
    assert [v for line, v, _ in found if line > 7] == [Verdict.PROVED, Verdict.PROVED, Verdict.REFUTED]


def test_a_name_the_words_let_be_something_else_loses_its_formula():
    """"For $T > 0$ let $\\mathbf{s}$ be the softmax of $\\mathbf{z}/T$ instead": s_i(delta_ij - s_j) is no longer the
    Jacobian (a factor 1/T), and the earlier formula of s must not prove it."""
    text = ("Let $z \\in \\mathbb{R}^K$ and $s_i = \\frac{e^{z_i}}{\\sum_{k} e^{z_k}}$.\n\n$$\n\\frac{\\partial s_i}{\\partial z_j} = "
            "s_i(\\delta_{ij} - s_j)\n$$\n\nFor $T > 0$ let $\\mathbf{s}$ be the softmax of $\\mathbf{z}/T$ instead.\n\n$$\n"
            "\\frac{\\partial s_i}{\\partial z_j} = s_i(\\delta_{ij} - s_j)\n$$\n")
    found = _verdicts(text)
    assert [v for line, v, _ in found if line > 1] == [Verdict.PROVED, Verdict.UNKNOWN]


def test_a_property_said_right_after_a_claim_is_its_condition():
    text = ("Let $w \\in \\mathbb{R}^d$ and $A \\in \\mathbb{R}^{d \\times d}$. Then $\\nabla_{w}(w^\\top A w) = 2Aw$ for "
            "symmetric $A$.\n\n$$\n\\nabla_{w}(w^\\top A w) = 2Aw\n$$\n")
    found = _verdicts(text)
    # (the display after it is about every A: the words said nothing of it, so it is refuted)
    assert [v for _, v, _ in found] == [Verdict.PROVED, Verdict.REFUTED]
    unsaid = _verdicts(text.replace(" for symmetric $A$", ""))
    assert [v for _, v, _ in unsaid] == [Verdict.REFUTED, Verdict.REFUTED]


def test_a_law_whose_parameter_changes_with_the_index_is_not_read():
    """y_i ~ Poisson(lambda t_i): E[y_1] was lambda t_2 at i = 2 (the index left free), and E[Y] = lambda T refuted."""
    text = ("Let $y_i \\sim \\operatorname{Poisson}(\\lambda t_i)$ independently, with $\\lambda > 0$ and $t_i > 0$. Write "
            "$Y = \\sum_i y_i$ and $T = \\sum_i t_i$.\n\n$$\n\\mathbb{E}[Y] = \\lambda T\n$$\n\n$$\n\\mathbb{E}[y_1] = "
            "\\lambda t_1\n$$\n")
    found = _verdicts(text)
    assert [v for line, v, _ in found if line > 1] == [Verdict.UNKNOWN, Verdict.UNKNOWN]
    assert all("changes with the index" in d for line, _, d in found if line > 1)


def test_a_declared_number_an_example_gives_a_value_is_no_refutation_at_another():
    text = ("Let $\\sigma > 0$ and $\\tau > 0$.\n\n## Example\n\nTake $\\sigma^2 = 1$ and $\\tau^2 = \\tfrac12$.\n\n$$\n"
            "\\frac{1}{5/\\sigma^2 + 1/\\tau^2} = \\frac{1}{7}\n$$\n")
    found = _verdicts(text)
    assert [v for line, v, _ in found if line > 5] in ([Verdict.UNKNOWN], [Verdict.PROVED])


def test_two_letters_the_defaults_make_one_size_are_two_sizes():
    """n and K are both other names of the default size N: where a document uses both (x in R^n, z in R^K, or sums
    to n and to K), n = K was proved. Each is a size of its own (K keeps the classes' meaning)."""
    declared = _verdicts("Let $x \\in \\mathbb{R}^n$ and $z \\in \\mathbb{R}^K$.\n\n$$\n\\sum_{i=1}^n x_i^2 + "
                         "\\sum_{k=1}^K z_k = \\sum_{k=1}^K z_k + \\sum_{j=1}^n x_j^2\n$$\n\n$$\n\\sum_{i=1}^n 1 = "
                         "\\sum_{k=1}^K 1\n$$\n")
    assert [v for _, v, _ in declared] == [Verdict.PROVED, Verdict.REFUTED]
    limits = _verdicts("Consider\n\n$$\n\\sum_{i=1}^n 1 = \\sum_{k=1}^K 1\n$$\n\n$$\n\\sum_{i=1}^n 1 = \\sum_{k=1}^N 1\n$$\n")
    assert [v for _, v, _ in limits] == [Verdict.REFUTED, Verdict.REFUTED]
    classes = _verdicts("Let $X \\in \\mathbb{R}^{n \\times d}$ hold $n$ examples, $z \\in \\mathbb{R}^K$ the logits, $p = "
                        "\\operatorname{softmax}(z)$, and $y$ the one-hot label, with $L = -\\sum_{k=1}^K y_k \\log p_k$.\n\n"
                        "$$\n\\frac{\\partial L}{\\partial z_j} = p_j - y_j\n$$\n\n$$\n\\sum_{i=1}^n \\sum_{k=1}^K y_k = n\n$$\n")
    assert [v for line, v, _ in classes if line > 1] == [Verdict.PROVED, Verdict.PROVED]


def test_a_step_formula_holds_the_function_a_later_part_defines_only_in_that_part():
    """x_{n+1} = x_n - f(x_n)/f'(x_n) of a general f, "Take $f(x) = x^2 - 5$" under **Q1.**: Q2's update for (x - 1)^2
    was refuted against Q1's f, with no reading naming it."""
    text = ("For a root of a differentiable $f$, Newton's step is\n\n$$\nx_{n+1} = x_n - \\frac{f(x_n)}{f'(x_n)} .\n$$\n\n"
            "**Q1.** Take $f(x) = x^2 - 5$. Then\n\n$$\nx_{n+1} = \\frac{1}{2}\\left(x_n + \\frac{5}{x_n}\\right) .\n$$\n\n"
            "**Q2.** On $(x-1)^2$ the update is\n\n$$\nx_{n+1} = \\frac{x_n + 1}{2} .\n$$\n")
    found = _verdicts(text)
    assert [(line, v) for line, v, _ in found if line > 7] == [(10, Verdict.PROVED), (16, Verdict.UNKNOWN)]
    assert "defines after it, in another part" in found[-1][2]
    d = read_document(text, "doc.md", default_notation())
    proof = [verify_check(c, SETTINGS) for c in checks_of(d) if c.line == 10][0]
    assert any("$f$ in that step as line 7 defines it" in r.text for r in proof.readings)


def test_numbers_a_name_is_given_in_two_parts_are_each_parts_data():
    """"**Q2.** Given $A = 60^\\circ$", "**Q4.** Given $A = 30^\\circ$": Q5's identity of a triangle's angles was refuted
    at Q4's A (and, with A's value ended, at any A): neither."""
    text = ("**Q2.** Given $b = 5$ and $A = 60^\\circ$, find $a$.\n\n**Q4.** Given $a = 7$ and $A = 30^\\circ$, find "
            "$\\sin B$.\n\n**Q5.** Show the following hold in every triangle: if no angle is a right angle, "
            "$\\tan A + \\tan B + \\tan C = \\tan A \\tan B \\tan C$.\n")
    found = _verdicts(text)
    assert Verdict.REFUTED not in [v for _, v, _ in found]


def test_a_recurrence_written_one_step_ahead_is_unrolled_from_its_start_value():
    text = ("Newton's method for $f(x) = x^2 - 2$ gives\n\n$$\nx_{k+1} = \\frac{1}{2}\\left(x_k + \\frac{2}{x_k}\\right)\n$$\n\n"
            "Starting from $x_0 = 1$:\n\n$$\nx_1 = \\frac{3}{2}, \\qquad x_2 = \\frac{17}{12}, \\qquad x_2 = \\frac{9}{8}\n$$\n")
    found = _verdicts(text)
    by_line = [(line, v) for line, v, _ in found]
    # (x_0 = 1 is the start value: a definition, not a claim proved against itself)
    assert (7, Verdict.UNKNOWN) in by_line and "definition of x_0" in [d for line, _, d in found if line == 7][0]
    # (a number that disagrees with the unrolled term may be a new example's: never proved)
    assert [v for _, v, _ in found][-3:] == [Verdict.PROVED, Verdict.PROVED, Verdict.UNKNOWN]


def test_a_step_ahead_with_a_start_under_a_later_heading_or_two_terms_back_is_not_unrolled():
    later = ("## Method\n\n$$\nx_{k+1} = \\frac{1}{2}\\left(x_k + \\frac{a}{x_k}\\right)\n$$\n\n## Example\n\n"
             "Take $a = 3$ and $x_0 = 1$.\n\n$$\nx_1 = 5\n$$\n")
    assert _verdicts(later)[-1][1] is Verdict.UNKNOWN
    two = ("Let\n\n$$\nx_{k+1} = x_k + x_{k-1}\n$$\n\nwith $x_0 = 1$.\n\n$$\nx_1 = 7\n$$\n")
    assert _verdicts(two)[-1][1] is not Verdict.REFUTED


def test_the_class_a_one_hot_label_is_at_is_the_one_the_words_name_or_else_unsaid():
    setup = ("Logits $\\mathbf{z} \\in \\mathbb{R}^K$, probabilities $p_k = \\frac{e^{z_k}}{\\sum_{j=1}^{K} e^{z_j}}$, "
             "and a one-hot label $\\mathbf{y}${said}. The loss is\n\n$$\nL = -\\sum_{k=1}^{K} y_k \\log p_k\n$$\n\n"
             "$$\nL = -\\log p_c\n$$\n\n$$\n\\frac{\\partial L}{\\partial z_k} = p_k + y_k\n$$\n")
    named = _verdicts(setup.replace("{said}", " whose only nonzero entry is at the true class $c$"))
    # (the class the words name: -sum_k y_k log p_k = -log p_c holds)
    assert [v for _, v, _ in named][-2:] == [Verdict.PROVED, Verdict.REFUTED]
    unsaid = _verdicts(setup.replace("{said}", ""))
    # (never said: c may be the class meant, and a refutation at c other than the default class says nothing;
    # a claim about y's entries at k is refuted whatever the class)
    assert unsaid[-2][1] is Verdict.UNKNOWN and "never says at which class" in unsaid[-2][2]
    assert unsaid[-1][1] is Verdict.REFUTED


def test_a_name_given_a_new_formula_for_a_new_example_is_not_checked_against_the_old_one():
    text = ("The sheet has $y = x^x$ for $x > 0$, so $\\ln y = x \\ln x$.\n\n"
            "Same recipe for $y = x^{\\sin x}$, $x > 0$:\n\n$$\n\\ln y = \\sin x \\ln x\n$$\n")
    found = _verdicts(text)
    assert all(v is not Verdict.REFUTED for line, v, _ in found if line >= 3), found


def test_the_entries_the_words_give_a_matrix_are_never_another_matrix_s_refutation():
    text = ("Take a square $n \\times n$ matrix $A$ with entries $a_{ij}$ and a vector $\\mathbf{x} \\in \\mathbb{R}^n$.\n\n"
            "$$\n\\mathbf{x}^\\top A \\mathbf{x} = \\sum_{i=1}^{n}\\sum_{j=1}^{n} a_{ij} x_i x_j\n$$\n\n"
            "For two coordinates,\n\n$$\n\\mathbf{x}^\\top A \\mathbf{x} = a x_1^2 + c x_2^2\n$$\n")
    found = _verdicts(text)
    # (a written elsewhere, a_ij is not read as A's entry: a matrix of its own, which the words tie to A)
    assert found[0][1] is Verdict.UNKNOWN and "a meaning for a" in found[0][2], found


def test_an_example_value_of_a_declared_matrix_may_be_what_later_claims_of_its_part_mean():
    setup = ("For a $2 \\times 2$ matrix $A$, $A^2 - (\\operatorname{tr} A) A + (\\det A) I = 0$.\n\n## Example\n\n"
             "We used $A = \\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix}$, with $\\operatorname{tr} A = 5$.\n\n"
             "{heading}$$\nA^2 = 5A + 2I\n$$\n")
    same = _verdicts(setup.replace("{heading}", ""))
    assert same[-1][1] is Verdict.UNKNOWN and "example's value in this part" in same[-1][2]
    # (under a heading of its own the claim is about every A again, and refuted)
    assert _verdicts(setup.replace("{heading}", "## General\n\n"))[-1][1] is Verdict.REFUTED


def test_an_equation_the_words_after_it_solve_or_one_at_a_minimiser_is_not_refuted_as_an_identity():
    solved = _verdicts("Substituting $y = x^2/2$ in the curve gives\n\n$$\nx^3 + \\frac{x^6}{8} = 3x^3,\n$$\n\n"
                       "hence, for $x \\neq 0$, $x^3 = 16$.\n")
    display = [(v, d) for line, v, d in solved if line == 4]
    assert display[0][0] is Verdict.UNKNOWN and "equation to solve" in display[0][1], solved
    unsolved = _verdicts("Expanding,\n\n$$\nx^3 + \\frac{x^6}{8} = 3x^3\n$$\n\nfor every $x$.\n")
    assert unsolved[0][1] is Verdict.REFUTED
    minimiser = _verdicts("Let $f(x) = (x - 3)^2$.\n\nAt a minimiser the derivative vanishes, therefore:\n\n"
                          "$$\nx = 3 + f(x)\n$$\n")
    assert minimiser[-1][1] is Verdict.UNKNOWN


def test_two_values_of_an_accented_vector_on_one_line_are_not_a_claim_about_the_first():
    text = ("Let $\\mathbf{h} = (1, 2)$. My first attempt gave $\\tilde{\\mathbf{h}} = (0.8, 1.6)$. Dividing instead, "
            "$\\tilde{\\mathbf{h}} = (1.25, 2.5)$.\n")
    found = _verdicts(text)
    assert found[-1][1] is Verdict.UNKNOWN and "\\tilde{h} has the value line 1 gave it" in found[-1][2]


def test_a_number_the_words_set_a_declared_parameter_to_holds_a_refutation_back():
    text = ("For a fixed $\\alpha > 0$,\n\n$$\nf(x) = \\alpha (e^{x} - 1)\n$$\n\n"
            "Numbers with $\\alpha$ set to $2$:\n\n$$\nf(-\\ln 2) = 2\\left(e^{-\\ln 2} - 1\\right)\n$$\n")
    found = _verdicts(text)
    assert found[-1][1] is Verdict.UNKNOWN and "\\alpha" in found[-1][2]


def test_a_function_given_a_formula_again_after_so_is_a_result_never_its_definition():
    text = ("## General\n\n$$\np(\\lambda) = \\lambda^2 - 5 \\lambda + 6\n$$\n\n## Another matrix\n\n"
            "Expanding the determinant of $M$. So the characteristic polynomial of $M$ is\n\n"
            "$$\np(\\lambda) = \\lambda^3 - 6\\lambda^2 + 11\\lambda + 7\n$$\n\nand $p(1) = 13$.\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found][-2:] == [Verdict.UNKNOWN, Verdict.UNKNOWN]
    assert "after words that draw it" in found[-1][2]


def test_lse_of_several_numbers_is_the_log_of_their_exponentials():
    found = _verdicts("$$\n\\operatorname{LSE}(a, b) = \\log\\left(e^a + e^b\\right)\n$$\n\n"
                      "$$\n\\frac{\\partial}{\\partial a}\\operatorname{LSE}(a, b) = \\sigma(b - a)\n$$\n")
    assert [v for _, v, _ in found] == [Verdict.PROVED, Verdict.REFUTED]


def test_predictions_differentiated_by_are_variables_never_the_default_softmax():
    text = ("For predictions $\\hat y_i$ and targets $y_i$ over $n$ examples,\n\n$$\nL = \\frac{1}{n}\\sum_{i=1}^{n} "
            "(\\hat y_i - y_i)^2, \\qquad \\frac{\\partial L}{\\partial \\hat y_i} = \\frac{2}{n}(\\hat y_i - y_i)\n$$\n")
    found = _verdicts(text)
    assert found[-1][1] is Verdict.PROVED, found
