"""Names read from their use across a document: functions defined by f(x) = ..., vectors by their entries."""

from __future__ import annotations

import pytest

from derive.model import Verdict, checks_of
from derive.read.document import read_document
from derive.read.notation_file import default_notation
from derive.read.usage import scan
from derive.verify import Settings, verify_check

SETTINGS = Settings(timeout=20)


def test_scan_records_each_kind_of_use_with_its_line():
    usage = scan([(r"f(x) = x^2 + a(b+c)", 3), (r"f'(x) = 2x w_i + w^\top v + W_{ij} + u_1", 5)])
    assert usage.applied == {"f": 3, "a": 3}
    assert usage.primed == {"f": 5}
    assert usage.entries == {"w": 5, "W": 5}
    assert usage.subscripts == {"w": ("i",), "W": ("i", "j")}
    assert usage.numbered == {"u": 5}
    assert usage.transposed == {"w": 5}
    assert {"x", "b", "c", "v"} <= set(usage.factors)


DOC = r"""# Calculus without a notation file

Let

$$ f(x) = x^2 \sin x $$

Then

$$ f'(x) = 2x \sin x + x^2 \cos x = 2x \cos x $$

$$ (a+b)^2 = a^2 + 2ab + b^2 $$

$$ \frac{d}{dx} \sigma(x) = \sigma(x)(1 - \sigma(x)) $$

$$ \frac{d}{dx} g(h(x)) = g'(h(x)) h'(x) $$

$$ \sum_{i=1}^{n} w_i^2 = \|w\|^2 $$

$$ a(b + c) = ab + ac $$
"""


@pytest.fixture(scope="module")
def checked():
    d = read_document(DOC, "doc.md", default_notation())
    return d, {c.id: verify_check(c, SETTINGS).verdict for c in checks_of(d)}


def test_a_function_defined_in_one_display_is_that_formula_in_the_next(checked):
    d, r = checked
    assert r["doc/line-5#1"] is Verdict.UNKNOWN  # the definition itself is not a claim
    assert "definition of f" in d.steps[0].problem
    assert r["doc/line-9#1"] is Verdict.PROVED
    assert r["doc/line-9#2"] is Verdict.REFUTED


def test_undeclared_letters_are_real_scalars_and_x_is_a_scalar_when_never_a_vector(checked):
    d, r = checked
    assert r["doc/line-11#1"] is Verdict.PROVED
    assert r["doc/line-13#1"] is Verdict.PROVED  # x is never used as a vector here
    assert r["doc/line-19#1"] is Verdict.PROVED  # a is used as a factor: a(b + c) is a product


def test_functions_the_document_never_defines_follow_the_chain_rule(checked):
    _, r = checked
    assert r["doc/line-15#1"] is Verdict.PROVED


def test_a_letter_with_entries_is_a_vector(checked):
    d, r = checked
    assert r["doc/line-17#1"] is Verdict.PROVED
    assert [s.line for s in d.steps if s.problem] == [5]


def test_x_stays_the_default_vector_when_the_document_takes_its_entries():
    d = read_document(r"$$ \frac{d}{dx} \sigma(x) = \sigma(x)(1 - \sigma(x)) $$" "\n\n$$ x_1 = x_1 $$\n",
                      "v.md", default_notation())
    assert "product of two vectors" in d.steps[0].problem


def test_a_name_defined_by_a_display_holds_from_there_on_and_is_not_a_claim():
    doc = ("$$ z = 2a + 1 $$\n\n$$ z - 1 = 2a $$\n\n$$ \\frac{dz}{da} = 3 $$\n\n"
           "$$ (z + 1)^2 = 4a^2 + 8a + 4 $$\n")
    d = read_document(doc, "z.md", default_notation())
    verdicts = [verify_check(c, SETTINGS).verdict for c in checks_of(d)]
    assert verdicts == [Verdict.UNKNOWN, Verdict.PROVED, Verdict.REFUTED, Verdict.PROVED]
    assert "definition of z" in d.steps[0].problem


def test_a_name_used_before_is_a_claim_not_a_definition():
    doc = "$$ (w + 1)^2 = w^2 + 2w + 1 $$\n\n$$ w = 2 $$\n\n$$ w + w = 3w $$\n"
    d = read_document(doc, "w.md", default_notation())
    checks = checks_of(d)
    verdicts = [verify_check(c, SETTINGS).verdict for c in checks]
    # w = 2 is not a definition (w was used before), and not refuted either: an undeclared name on
    # one side only may mean something nobody wrote, so only a proof for every w would stand; w + w = 3w is refuted
    assert verdicts == [Verdict.PROVED, Verdict.UNKNOWN, Verdict.REFUTED]
    assert any("one side only" in h for h in checks[1].hypotheses)


def test_a_prime_on_an_undeclared_name_is_a_name_of_its_own():
    doc = "$$ a' = 2a $$\n\n$$ a' - a = a $$\n\n$$ b' - b = b - b' $$\n"
    d = read_document(doc, "p.md", default_notation())
    verdicts = [verify_check(c, SETTINGS).verdict for c in checks_of(d)]
    # a' is defined by the first display; b' is an unrelated name, so the last claim is not an identity
    assert verdicts == [Verdict.UNKNOWN, Verdict.PROVED, Verdict.REFUTED]


def test_the_guesses_a_display_relies_on_are_named_in_its_reading():
    doc = ("$$ (a + b)^2 = a^2 + 2ab + b^2 $$\n\n$$ \\sum_{j=1}^{n} w_j^2 = \\|w\\|^2 $$\n\n"
           "$$ -\\sum_{j=1}^{N} y_j \\log \\hat{y}_j = -\\log \\hat{y}_t $$\n")
    d = read_document(doc, "r.md", default_notation())
    assert d.steps[0].reading == "$a$, $b$ are read as real numbers (not declared)"
    assert [r.kind for r in d.steps[0].readings] == ["guess"]
    # (n and N are two sizes where a document writes both: w's length is the n its sum runs to)
    assert "$w$ is read as a vector of length $n$" in d.steps[1].reading
    assert "$n$ is a size of its own" in d.steps[1].reading
    assert ("inferred", 3) in [(r.kind, r.line) for r in d.steps[1].readings]
    assert "$y$ is read as one-hot at class $t$" in d.steps[2].reading
    assert "default" in [r.kind for r in d.steps[2].readings]


def test_the_default_one_hot_label_is_dropped_where_nothing_speaks_of_a_classifier():
    doc = "$$ \\sum_{i=1}^{N} y_i^2 = \\sum_{i=1}^{N} y_i $$\n"
    d = read_document(doc, "o.md", default_notation())
    (c,) = checks_of(d)
    assert verify_check(c, SETTINGS).verdict is Verdict.REFUTED  # true only for a one-hot y
    assert "one-hot" not in d.steps[0].reading


def test_a_derivative_with_respect_to_a_defined_name_follows_the_chain_of_definitions():
    doc = "\n\n".join([
        "$$ z = w u + b $$", "$$ a = \\sigma(z) $$", "$$ L = \\frac{1}{2}(a - y)^2 $$",
        "$$ \\frac{\\partial L}{\\partial z} = (a - y) a (1 - a) $$",
        "$$ \\frac{\\partial L}{\\partial z} = (a - y) a $$",
        "$$ \\frac{\\partial L}{\\partial w} = (a - y) a (1 - a) u $$",
        "$$ \\frac{\\partial L}{\\partial b} = \\frac{\\partial L}{\\partial z} $$",
    ]) + "\n"
    d = read_document(doc, "bp.md", default_notation())
    verdicts = [verify_check(c, SETTINGS).verdict for c in checks_of(d)]
    assert verdicts == [Verdict.UNKNOWN] * 3 + [Verdict.PROVED, Verdict.REFUTED, Verdict.PROVED, Verdict.PROVED]


def test_a_name_used_as_a_function_and_as_a_vector_is_unknown_citing_both_lines():
    d = read_document("$$ f'(u) = 2u $$\n\n$$ \\sum_{i=1}^{N} f_i = 1 $$\n", "c.md", default_notation())
    for step in d.steps:
        assert "f' on line 1" in step.problem and "vector (line 3)" in step.problem


def test_derivatives_taken_while_reading_have_a_bounded_order():
    d = read_document("$$ g(u) = e^{u^2} $$\n\n$$ g'''''(u) = 0 $$\n\n$$ \\frac{d^5}{du^5} u = 0 $$\n",
                      "o.md", default_notation())
    assert "order more than 4" in d.steps[1].problem
    assert "from 1 to 4" in d.steps[2].problem


def test_a_matrix_typed_from_its_entries_multiplies_vectors():
    doc = "\n\n".join([
        "$$ (A w)_i = \\sum_{j=1}^{n} A_{ij} w_j + 0 b_i $$",
        "$$ \\frac{\\partial}{\\partial w_k} \\frac{1}{2} \\|A w - b\\|^2 = (A^\\top (A w - b))_k $$",
        "$$ \\frac{\\partial}{\\partial w_k} \\frac{1}{2} \\|A w - b\\|^2 = (A (A w - b))_k $$",
    ]) + "\n"
    d = read_document(doc, "m.md", default_notation())
    verdicts = [verify_check(c, SETTINGS).verdict for c in checks_of(d)]
    assert verdicts == [Verdict.PROVED, Verdict.PROVED, Verdict.REFUTED]
    assert "$A$ is read as a $N \\times N$ matrix" in d.steps[0].reading


def test_an_undeclared_name_subtracted_from_a_vector_is_a_vector_of_its_length():
    d = read_document("$$ \\|A w - b\\|^2 = 0 $$\n\n$$ A_{ij} = A_{ij} $$\n\n$$ w_i = w_i $$\n", "b.md",
                      default_notation())
    assert not d.steps[0].problem
    assert "$b$ is read as a vector of length $N$ from its use" in d.steps[0].reading
    # (b and A, never declared, stand on the left only: what the claim says of them is not refuted for every b)
    found = verify_check(checks_of(d)[0], SETTINGS)
    assert found.verdict is Verdict.UNKNOWN and "never declared and on one side only" in found.detail


def test_a_scalar_prediction_y_hat_is_not_the_default_softmax_vector():
    doc = "\n\n".join([
        "$$ \\hat{y} = \\sigma(w u + b) $$",
        "$$ \\frac{\\partial}{\\partial w} \\left( -\\log \\hat{y} \\right) = -(1 - \\hat{y}) u $$",
        "$$ \\frac{\\partial \\hat{y}}{\\partial b} = \\hat{y} $$",
        "$$ \\bar{x} = \\frac{1}{2}(a + b) $$",
        "$$ 2\\bar{x} - a = b $$",
    ]) + "\n"
    d = read_document(doc, "yhat.md", default_notation())
    verdicts = [verify_check(c, SETTINGS).verdict for c in checks_of(d)]
    assert verdicts == [Verdict.UNKNOWN, Verdict.PROVED, Verdict.REFUTED, Verdict.UNKNOWN, Verdict.PROVED]
    assert "definition of \\hat{y}" in d.steps[0].problem


def test_without_sums_indices_or_vectors_n_is_a_real_number_not_the_default_size():
    doc = "$$ \\sin(n \\pi)^2 + n = n $$\n\n$$ \\sin^2\\theta + \\cos^2\\theta = 1 $$\n"
    d = read_document(doc, "n.md", default_notation())
    (first, second) = checks_of(d)
    assert verify_check(first, SETTINGS).verdict is Verdict.REFUTED  # true only for whole numbers n
    assert not second.lhs.axes  # theta is a number here, not the default vector


def test_a_definition_is_expected_to_be_not_checked():
    d = read_document("$$ z = 2a $$\n\n$$ z - a = a $$\n", "ok.md", default_notation())
    (definition, claim) = checks_of(d)
    assert str(definition.expect) == "unknown" and str(claim.expect) == "proved"
    assert verify_check(definition, SETTINGS).verdict is Verdict.UNKNOWN
