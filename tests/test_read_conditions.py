"""Conditions on a number's range (x > 0, x \\geq 0, 0 < \\alpha < 1) read from the prose and from
\\begin{cases}: a step is checked where its condition holds, a function defined by cases on its
argument's range is read as that function."""

from __future__ import annotations

import pytest

from derive.model import Verdict, checks_of
from derive.read.document import read_document
from derive.read.notation_file import default_notation
from derive.read.statements import inequalities
from derive.verify import Settings, verify_check

SETTINGS = Settings(timeout=20)


def _verdicts(text: str) -> dict:
    d = read_document(text, "doc.md", default_notation())
    return {c.id.split("/", 1)[1]: verify_check(c, SETTINGS) for c in checks_of(d)}


def _point(result) -> dict:
    return {name: a.entries[0].exact for name, a in result.counterexample.values.items()}


@pytest.mark.parametrize("math, expected", [
    ("x > 0", [("x", ">", "0")]),
    ("x \\geq 0", [("x", ">=", "0")]),
    ("x \\le -1", [("x", "<=", "-1")]),
    ("0 < x", [("x", ">", "0")]),
    ("0 < \\alpha < 1", [("\\alpha", ">", "0"), ("\\alpha", "<", "1")]),
    ("x > y", [("x", ">", "y")]),
    ("r \\le \\delta", [("r", "<=", "\\delta")]),
    ("x > x", []),
    ("x = 0", []),
])
def test_an_inequality_of_a_name_and_numbers_is_read(math, expected):
    assert [(c.left, c.order, c.right) for c in inequalities(math, 0)] == expected


RELU = r"""# The rectifier's derivative

Let $x \in \mathbb{R}$.

For $x > 0$:

$$
\frac{d}{dx} \mathrm{ReLU}(x) = 1
$$

For $x > 0$ again:

$$
\frac{d}{dx} \mathrm{ReLU}(x) = 0
$$

Case 2: $x < 0$.

$$
\frac{d}{dx} \mathrm{ReLU}(x) = 0
$$

## Without a condition

$$
\frac{d}{dx} \mathrm{ReLU}(x) = 1
$$
"""


def test_a_step_under_x_positive_is_checked_where_x_is_positive():
    r = _verdicts(RELU)
    assert r["line-8#1"].verdict is Verdict.PROVED
    assert any("x > 0" in reading.text for reading in r["line-8#1"].readings)
    assert r["line-14#1"].verdict is Verdict.REFUTED
    assert r["line-20#1"].verdict is Verdict.PROVED
    # the same claim with no condition: refuted, at a point where x is not positive
    free = r["line-26#1"]
    assert free.verdict is Verdict.REFUTED and _point(free)["x"] <= 0


def test_a_counterexample_satisfies_the_condition():
    r = _verdicts("Let $x \\in \\mathbb{R}$.\n\nFor $x \\leq 0$:\n\n$$\n\\sqrt{x^2} = x\n$$\n\n"
                  "For $x \\geq 0$:\n\n$$\n\\sqrt{x^2} = x\n$$\n")
    wrong, right = r["line-6#1"], r["line-12#1"]
    assert wrong.verdict is Verdict.REFUTED and _point(wrong)["x"] < 0
    assert right.verdict is Verdict.PROVED


CASES = r"""# A function by cases

Let $x \in \mathbb{R}$ and define

$$
r(x) = \begin{cases} x & \text{if } x > 0 \\ 0 & \text{otherwise} \end{cases}
$$

For $x > 0$:

$$
r'(x) = 1
$$

Everywhere:

$$
r(x) - r(-x) = x
$$

$$
r(x) \, r(-x) = x
$$

$$
r'(x) = 1
$$

The absolute value:

$$
\frac{d}{dx} |x| = \begin{cases} 1 & \text{if } x > 0 \\ 1 & \text{if } x < 0 \end{cases}
$$
"""


def test_a_function_defined_by_cases_on_its_argument_is_read():
    r = _verdicts(CASES)
    assert r["line-6#1"].verdict is Verdict.UNKNOWN  # the definition, not checked
    assert r["line-12#1"].verdict is Verdict.PROVED
    assert r["line-18#1"].verdict is Verdict.PROVED  # on each side of 0
    assert r["line-22#1"].verdict is Verdict.REFUTED
    # r' = 1, said with no words: it holds where x > 0, and may be said of that case only
    bare = r["line-26#1"]
    assert bare.verdict is Verdict.UNKNOWN and "holds where x > 0" in bare.detail
    # said of every point, it is wrong for x < 0 (and at 0 there is no derivative to claim)
    said = _verdicts(CASES.replace("$$\nr'(x) = 1\n$$", "For every real $x$,\n$$\nr'(x) = 1\n$$"))
    everywhere = next(v for v in said.values() if v.latex == "r'(x) = 1" and v.line > 25)
    assert everywhere.verdict is Verdict.REFUTED and _point(everywhere)["x"] < 0


def test_each_branch_of_cases_is_checked_under_its_inequality():
    r = _verdicts(CASES)
    assert r["line-32#1"].verdict is Verdict.PROVED  # 1 for x > 0
    wrong = r["line-32-2#1"]  # 1 for x < 0: it is -1
    assert wrong.verdict is Verdict.REFUTED and _point(wrong)["x"] < 0


STANDING = r"""# Ranges said of constants

Take a constant $c > 0$. Here $s < 0$ is a fixed number.

$$
\sqrt{c^2} = c
$$

$$
\sqrt{s^2} = s
$$

$$
\frac{\partial}{\partial \sigma} \log \sigma^2 = \frac{2}{\sigma}
$$
"""


def test_a_range_said_of_a_constant_holds_in_every_later_step():
    r = _verdicts(STANDING)
    assert r["line-6#1"].verdict is Verdict.PROVED
    assert r["line-10#1"].verdict is Verdict.REFUTED
    # sigma, never applied to an argument, is a number here, not the logistic function: d/dsigma log sigma^2 = 2/sigma
    assert r["line-14#1"].verdict is Verdict.PROVED


def test_a_range_makes_a_default_function_name_a_number():
    text = ("Here $\\sigma > 0$ is a standard deviation.\n\n$$\n\\frac{\\partial}{\\partial \\sigma} "
            "\\log \\sigma^2 = \\frac{2}{\\sigma}\n$$\n\n$$\n\\frac{\\partial}{\\partial \\sigma} "
            "\\log \\sigma^2 = \\frac{1}{\\sigma}\n$$\n")
    r = _verdicts(text)
    assert r["line-4#1"].verdict is Verdict.PROVED
    assert r["line-8#1"].verdict is Verdict.REFUTED
    assert any("\\sigma > 0" in reading.text and reading.line == 1 for reading in r["line-4#1"].readings)


def test_a_condition_on_a_vector_is_not_applied():
    text = "Let $x \\in \\mathbb{R}^N$.\n\nFor $x > 0$:\n\n$$\n\\sum_{i=1}^{N} x_i = \\sum_{i=1}^{N} |x_i|\n$$\n"
    (result,) = _verdicts(text).values()
    assert result.verdict is Verdict.UNKNOWN and "x > 0" in result.detail


ORDER_OF_TWO_NAMES = r"""# An order between two names

Let $a > 0$.

When $x > a$,

$$
|x| = x
$$

$$
|x - a| = a - x
$$

For $i < j$:

$$
\delta_{ij} = 0
$$
"""


def test_an_order_between_two_names_restricts_the_step_with_the_ranges_of_both():
    """x > a with a > 0: no counterexample may take a <= 0 (|x| = x holds there); a step false where
    x > a is refuted at a point where it holds, and an order of index letters is refused, not dropped."""
    v = _verdicts(ORDER_OF_TWO_NAMES)
    assert v["line-8#1"].verdict is not Verdict.REFUTED
    wrong = v["line-12#1"]
    assert wrong.verdict is Verdict.REFUTED
    point = _point(wrong)
    assert point["a"] > 0 and point["x"] > point["a"]
    assert v["line-18#1"].verdict is Verdict.UNKNOWN and "i < j" in v["line-18#1"].detail


def test_a_lower_bound_on_a_size_keeps_refutations_at_the_sizes_it_allows():
    """'let n >= 2' of a size: a step false only at n = 1 is never refuted (it is checked at the sizes the
    bound allows only, where it agrees); one false at an allowed size is refuted; a proof for every size stands."""
    text = ("Let $x \\in \\mathbb{R}^n$ and let $n \\geq 2$.\n\n$$\n\\min(n, 2) = 2\n$$\n\n"
            "$$\n\\min(n, 2) = n\n$$\n\n$$\n\\sum_{i=1}^{n} 2 x_i = 2 \\sum_{i=1}^{n} x_i\n$$\n")
    v = _verdicts(text)
    assert v["line-4#1"].verdict is Verdict.NUMERIC and "N = 1" not in v["line-4#1"].detail
    assert v["line-8#1"].verdict is Verdict.REFUTED and v["line-8#1"].counterexample.sizes["N"] >= 2
    assert v["line-12#1"].verdict is Verdict.PROVED
