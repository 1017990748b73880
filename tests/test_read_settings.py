"""A value or formula given again in another setting the words open, a correction, a point the words name, a
factorisation's factors, a rounded decimal: never refuted as if it were a claim about the first (each of these was a
false refutation, or a false proof, on documents written by others)."""

from __future__ import annotations

from derive.model import Verdict, checks_of
from derive.read.document import read_document
from derive.read.notation_file import default_notation
from derive.verify import Settings, verify_check

SETTINGS = Settings(timeout=20)
P, R, U = Verdict.PROVED, Verdict.REFUTED, Verdict.UNKNOWN


def _verdicts(text: str, name: str = "doc.md") -> list[tuple[int, Verdict, str]]:
    d = read_document(text, name, default_notation(), markdown=not name.endswith(".tex"))
    return [(c.line, r.verdict, r.detail) for c in checks_of(d) if c.part != "ends"
            for r in [verify_check(c, SETTINGS)]]


def test_bars_around_a_vector_are_its_length_only_where_the_words_say_so():
    """|tau| / |F| of vectors was read entry by entry and refuted by shape against a number."""
    body = ("Let $\\mathbf{F} = (3, -2, 4)$ and $\\mathbf{r} = (2, 1, -1)$.\n\n"
            "$$\n|\\mathbf{F}| = \\sqrt{29}\n$$\n")
    said = "Vectors live in $\\mathbb{R}^3$; $|\\mathbf{a}|$ is the length.\n\n" + body
    assert [v for _, v, _ in _verdicts(said)][-1] is P
    found = _verdicts(body)
    assert found[-1][1] is U and "its length or its entries" in found[-1][2], found


def test_a_display_that_opens_another_setting_gives_a_defined_name_anew():
    """"Laid flat, ..., the same bar has $$I = \\frac{h b^3}{12}$$" after I = b h^3 / 12: that setting's I, never a
    claim about the first (refuted before); a later use means neither."""
    text = ("The second moment of the section is\n\n$$\nI = \\frac{b h^3}{12} .\n$$\n\n"
            "Laid flat, so that it bends about its weaker axis, the same bar has\n\n$$\nI = \\frac{h b^3}{12} .\n$$\n\n"
            "$$\nI b = 3\n$$\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found] == [U, U, U], found
    assert "Laid flat" in found[1][2] and "which one a use means is not read" in found[2][2], found


def test_a_note_that_corrects_gives_the_corrected_value():
    """"> **Note from the TA.** ... so $a = \\pi \\cdot 0.01^2$" after a = pi 0.02^2: the corrected value, never a claim
    refuted against the first."""
    text = ("A hole of diameter $2$ cm, so $a = \\pi \\cdot 0.02^2$ in square metres.\n\n"
            "> **Note from the TA.** The radius is $1$ cm, so $a = \\pi \\cdot 0.01^2$.\n")
    found = _verdicts(text)
    assert [v for line, v, _ in found if line == 3] == [U], found
    assert "a note that corrects" in [d for line, _, d in found if line == 3][0]


def test_words_that_change_the_setting_of_a_number():
    """"Halving the step gives $v = \\frac{40}{39}$" of a v = 20/19 worked out before: another setting's value."""
    text = ("With step $0.1$,\n\n$$\nv = \\frac{0.2}{1 - 0.81} = \\frac{20}{19}\n$$\n\n"
            "Halving the step gives $v = \\frac{1}{1 - 0.025} = \\frac{40}{39}$, and then $v = \\frac{20}{19}$ again.\n")
    found = _verdicts(text)
    assert R not in [v for _, v, _ in found], found


def test_a_function_at_a_state_and_action_worked_out_in_numbers_is_no_function():
    """Q_new(s_1, R) = 1 + 0.5 (2.6 - 1) = 1.8 in part (a), 1 + 0.5 (0.8 - 1) = 1.1 in part (b): never a constant
    function whose value (b) contradicts; the slip in (b)'s arithmetic is refuted."""
    text = ("**(a)** $$\nQ_{\\text{new}}(s_1, R) = 1 + 0.5 \\, (2.6 - 1) = 1.8\n$$\n\n"
            "**(b)** $$\nQ_{\\text{new}}(s_1, R) = 1 + 0.5 \\, (0.8 - 1) = 1.1\n$$\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found] == [U, P, U, R], found


def test_a_function_read_past_a_side_that_is_not_read_decides_nothing():
    """eps(B) = |G|^2 / (G^T H G + tr(H Sigma) / B) = eps_max / (1 + B / B_noise), a wrong second link: a later
    eps(100) through that side was a false proof."""
    text = ("$$\n\\varepsilon_{\\text{opt}}(B) = \\frac{|G|^2}{G^\\top H G + \\operatorname{tr}(H \\Sigma) / B} = "
            "\\frac{\\varepsilon_{\\max}}{1 + B / B_{\\text{noise}}}\n$$\n\n"
            "$$\nB_{\\text{noise}} = 25 , \\qquad \\varepsilon_{\\max} = 2\n$$\n\n"
            "$$\n\\varepsilon_{\\text{opt}}(100) = 0.4\n$$\n")
    found = _verdicts(text)
    assert found[-1][1] is U and "the side between is not read" in found[-1][2], found


def test_a_point_the_words_name_and_an_equation_solved_for_a_name():
    """"At a budget of $6 \\times 10^{20}$ FLOPs, $(C/6)^{1/2} = 10^{10}$" of a C = 6 N D, and "solving for $N$, $$N^2 =
    ...$$": neither is an identity for every N and D."""
    text = ("The compute is $C = 6 N D$.\n\nAt a budget of $6 \\times 10^{20}$ FLOPs, $(C/6)^{1/2} = 10^{10}$.\n\n"
            "Substituting for $D$ and solving for $N$,\n$$\nN^{2} = \\frac{C}{6}\n$$\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found][1:] == [U, U], found


def test_the_factors_of_a_factorisation_have_what_it_gives_them():
    """"If $U \\Sigma V^\\top$ is a thin SVD of $G$": U^T U = I is what the SVD gives, so tr(V U^T U V^T) = n is no
    identity refuted at U = 0."""
    text = ("Let $G \\in \\mathbb{R}^{m \\times n}$ have rank $n$. If $U \\Sigma V^\\top$ is a thin SVD of $G$, then\n\n"
            "$$\n\\operatorname{tr}\\big( V U^\\top U V^\\top \\big) = n\n$$\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found] == [U], found
    assert "factor of a thin SVD" in found[0][2], found


def test_a_decimal_that_rounds_the_value_is_not_refuted():
    text = ("$$\n\\sqrt{2} = 1.414\n$$\n\n$$\n\\sqrt{2} = 1.415\n$$\n\n$$\n\\sqrt{2} = 1.5\n$$\n\n"
            "Let $X \\sim \\mathrm{Binomial}(20, 0.5)$. Then $1 - P(X \\le 15) = 0.005909$.\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found] == [U, R, R, U], found
    assert "rounded value" in found[0][2]


def test_a_rounded_decimal_worked_with_is_not_refuted():
    """"1 - P(X <= 15) = 1 - 0.99409" of P(X <= 15) = 0.9940889...: the decimal rounds the value it stands for (it was
    refuted as a claim of exact equality); a slip past the decimals' rounding, or with short exact decimals, is."""
    text = ("Let $X \\sim \\mathrm{Binomial}(20, 0.5)$.\n\n$$\n1 - P(X \\le 15) = 1 - 0.99409\n$$\n\n"
            "$$\n1 - P(X \\le 15) = 1 - 0.99509\n$$\n\n"
            "$$\n2 \\cdot 1.414 = \\sqrt{8}\n$$\n\n$$\n0.9 \\cdot 0.01 + 0.05 \\cdot 0.99 = 0.0586\n$$\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found] == [U, R, U, R], found
    assert "rounded value" in found[0][2] and "rounded value" in found[2][2], found


def test_a_cumulative_binomial_probability_needs_its_number_of_trials():
    """P(X < 35) = P(X <= 35) of X ~ Binomial(n, p) holds for every n < 35: read only with n a number."""
    text = "Let $X \\sim \\mathrm{Binomial}(n, p)$.\n\n$$\nP(X < 35) = P(X \\le 35)\n$$\n"
    assert [v for _, v, _ in _verdicts(text)] == [U]


def test_a_function_whose_terms_are_named_with_subscripts_stays_a_function():
    """\\ell(w) = ... and "the $i$-th term $\\ell_i$": \\nabla \\ell(w) is the gradient of the function (\\ell was read
    as a vector by its entries)."""
    text = ("Let $w \\in \\mathbb{R}^d$ and $x_1, \\dots, x_N \\in \\mathbb{R}^d$.\n\n"
            "$$\n\\ell(w) = \\sum_{i=1}^{N} (x_i^\\top w)^2\n$$\n\n"
            "For the $i$-th term $\\ell_i$ we get, summing,\n\n"
            "$$\n\\nabla \\ell(w) = \\sum_{i=1}^{N} 2 (x_i^\\top w) \\, x_i\n$$\n")
    found = _verdicts(text)
    assert found[-1][1] in (P, Verdict.BOUNDED), found


def test_a_number_against_a_matrix_of_sizes_that_may_all_be_one():
    """"Take a one-dimensional layer ...: $$\\frac{dy}{dx} = \\frac12 \\cdot 1 + \\frac12 = 1$$" of an n x n Jacobian:
    the shapes fit where n = 1, which the words give; never refuted by shape (a vector against a number in names
    still is)."""
    text = ("For $x \\in \\mathbb{R}^n$ and $W \\in \\mathbb{R}^{n \\times n}$ let $y = \\tanh(W x)$.\n\n"
            "Take a one-dimensional layer with unit weight at the origin:\n\n"
            "$$\n\\frac{\\partial y}{\\partial x} = \\frac{1}{2} \\cdot 1 + \\frac{1}{2}\n$$\n\n"
            "$$\n\\frac{\\partial y}{\\partial x} = x^\\top x\n$$\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found][-2:] == [U, R], found
    assert "sizes may all be 1" in found[-2][2], found


def test_a_relation_the_words_say_holds_never_defines_a_sequence():
    """"My notes say the error satisfies $q_{k+1} = q_k^2 / (2 \\sqrt{a})$" was read as the step defining q, and
    eps_{k+1} = eps_k^2 / 2 (false: the step is Heron's, eps_{k+1} = eps_k^2 / (2 (1 + eps_k))) was proved."""
    text = ("Heron's method for $\\sqrt{a}$ takes the step\n\n$$\nx_{k+1} = \\frac{1}{2} \\left( x_k + \\frac{a}{x_k} "
            "\\right) .\n$$\n\nMy notes say the error satisfies $q_{k+1} = \\frac{q_k^2}{2\\sqrt{a}}$ with $q_k = x_k - "
            "\\sqrt{a}$. In relative terms, with $\\varepsilon_k = q_k / \\sqrt{a}$,\n\n$$\n\\varepsilon_{k+1} = "
            "\\frac{1}{2} \\varepsilon_k^2 .\n$$\n")
    found = _verdicts(text)
    assert found and found[-1][0] == 10 and found[-1][1] is not P, found


def test_data_listed_in_the_words_before_a_display_may_be_what_it_sums():
    """"The eight waiting times were $3, 1, 4, 2, 5, 1, 2, 6$, so $$\\sum_{i=1}^{8} x_i = 24$$" and "There $x = (0, 1,
    2, 3, 4)$, so ... Then $$\\det(X^\\top X) = 50$$" were refuted at x = 0, X = 0: the data are not read, so only a
    proof stands."""
    text = ("The eight waiting times were $3, 1, 4, 2, 5, 1, 2, 6$, so\n\n$$\n\\sum_{i=1}^{8} x_i = 24\n$$\n\n"
            "Let $X \\in \\mathbb{R}^{n \\times p}$ be a design matrix. There $x = (0, 1, 2, 3, 4)$, so the sums are "
            "$10$ and $30$. Then\n$$\n\\det(X^\\top X) = 50\n$$\n")
    found = _verdicts(text)
    assert [(line, v) for line, v, _ in found] == [(4, U), (7, U), (9, U)], found
    assert "data line 1 gives" in found[0][2] and "a number for a formula in $X$" in found[2][2], found


def test_an_order_said_after_a_display_and_a_number_for_an_array_formula():
    """"$$\\max(t, \\alpha t) = \\alpha t$$ (for t < 0) where $0 < \\alpha < 1$" was refuted at alpha = 2; a number for
    a formula in a declared matrix or a family of vectors (det(X^T X) = 50, the cosine of x_1 and x_2 = -1/sqrt(10))
    was refuted at some X: it is about an example, whose values are not read (a 0 or 1, an identity's, still is)."""
    text = ("For a scalar $t < 0$,\n$$\n\\max(t, \\alpha t) = \\alpha t\n$$\nwhere $0 < \\alpha < 1$.\n\n"
            "Let $X \\in \\mathbb{R}^{n \\times p}$ and $z \\in \\mathbb{R}^n$.\n\n$$\n\\det(X^\\top X) = 50\n$$\n\n"
            "$$\n\\sum_{i=1}^{n} \\sigma(z_i) = 1\n$$\n")
    found = _verdicts(text)
    assert [(line, v) for line, v, _ in found] == [(3, Verdict.NUMERIC), (10, U), (14, R)], found
    assert "a number for a formula in $X$" in found[1][2], found


def test_arithmetic_written_in_numbers_alone_is_refuted_whatever_the_document_defines():
    """Var(S_3) = 3/0.09 = 30: what the document supposes or defines cannot change numbers written alone, so the
    arithmetic link is refuted (in a chain whose check carries definitions it stayed unknown)."""
    text = ("Let $T_1, \\dots, T_n$ be i.i.d. exponential waiting times with rate $\\lambda > 0$. The total waiting "
            "time is $S_n = \\sum_{i=1}^{n} T_i$.\n\n**Example.** Waits of $2$, $3$ and $5$ minutes: at the rate $0.3$ "
            "the variance of the total is $\\operatorname{Var}(S_3) = \\frac{3}{0.09} = 30$.\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found][-1] is R, found
