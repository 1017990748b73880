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
