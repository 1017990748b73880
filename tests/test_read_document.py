"""Markdown derivations read into steps and verified: true links prove, false links are refuted."""

from __future__ import annotations

import pytest

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
    assert unknown.verdict is Verdict.UNKNOWN and "det is not read" in unknown.detail


def test_the_one_hot_class_comes_from_the_notation():
    doc = r"$$-\sum_i y_i \log \hat{y}_i = -\log \hat{y}_k$$"
    default = read_document(doc, "a.md", default_notation())
    extra, _ = parse_notation('[onehot]\ny = "k"\n')
    declared = read_document(doc, "a.md", extra.over(default_notation()))
    (c_default,), (c_declared,) = checks_of(default), checks_of(declared)
    assert verify_check(c_default, SETTINGS).verdict is Verdict.REFUTED  # k need not be the class t
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


# --- what the prose says of sizes, index ranges and layout ---------------------------------------

def _checked(text: str) -> dict:
    d = read_document(text, "doc.md", default_notation())
    return {c.label: verify_check(c, SETTINGS) for c in checks_of(d)}


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
    # without the sentence, m is no size: the sum is not read
    bare = _checked("$$\n\\sum_{i=1}^{m} 1 = m\n$$\n")
    assert bare["line 2"].verdict is Verdict.UNKNOWN


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
    text = ("Let $W \\in \\mathbb{R}^{N \\times D}$ and $x \\in \\mathbb{R}^D$, with scores $\\theta = W x$.\n\n"
            "$$\nL = -\\log \\operatorname{softmax}(\\theta)_k\n$$\n\n"
            "$$\n\\frac{\\partial L}{\\partial x_l} = \\sum_{i=1}^{N} (\\operatorname{softmax}(\\theta)_i - "
            "\\delta_{ik}) W_{il}\n$$\n\n## Afterwards\n\n"
            "$$\n\\frac{\\partial L}{\\partial x_l} = \\sum_{i=1}^{N} (\\operatorname{softmax}(\\theta)_i - "
            "\\delta_{ik}) W_{il}\n$$\n")
    r = _checked(text)
    assert r["line 8"].verdict is Verdict.PROVED
    # past the heading theta is the default vector again, and L, read with theta = Wx, is not read
    assert r["line 14"].verdict is Verdict.UNKNOWN


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
