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


def test_a_symbol_whose_square_is_zero_is_no_real_number():
    """"a symbol satisfying $\\varepsilon^2 = 0$" was read as an equation solved for epsilon = 0, so that
    1/(a + b eps) = 1/a + (b/a^2) eps, false for dual numbers, was proved: such a symbol is refused wherever it is
    used. A name given by its square (u^2 = 4) is the root >= 0, and the reading says so."""
    text = ("A dual number uses a symbol satisfying $\\varepsilon^2 = 0$.\n\n$$\n\\frac{1}{a + b\\varepsilon} = "
            "\\frac{1}{a} + \\frac{b}{a^2}\\varepsilon\n$$\n\nTake $u$ with $u^2 = 4$.\n\n$$\nu^3 = 8\n$$\n")
    found = _verdicts(text)
    assert found[1][1] is U and "a dual number's unit" in found[1][2], found
    d = read_document(text, "doc.md", default_notation())
    last = [c for c in checks_of(d) if c.line == 10][0]
    assert verify_check(last, SETTINGS).verdict is P
    assert any("root >= 0" in r.text for r in last.readings), last.readings


def test_sizes_given_together_and_names_defined_through_formulas_that_are_not_read():
    """Measured on documents of the neural-network exercises, each refuted a true link: "With $D = 100$ and
    $H = 128$" applied D only (P = 128 * 229 refuted at H = 1); Y_{ij} = b + sum X_{i+a-1, j+c-1} K_{ac} not read,
    then Y_{11} = 3 refuted for every Y; "Adding a linear term, $F(x) = x_1 x_2 + 3 x_1$" refuted as a claim about the
    F defined before; a matrix the words build ("Let $Q$ be the matrix with columns ...") refuted for every Q."""
    text = ("Inputs $x_t \\in \\mathbb{R}^D$, hidden states $h_t \\in \\mathbb{R}^H$.\n\n$$\nP = H (D + H + 1)\n$$\n\n"
            "**(b) Numbers.** With $D = 100$ and $H = 128$:\n\n$$\nP = 128 \\cdot 229\n$$\n\n"
            "For $X \\in \\mathbb{R}^{3 \\times 3}$, $K \\in \\mathbb{R}^{2 \\times 2}$ the output $Y \\in \\mathbb{R}^{2 "
            "\\times 2}$ is\n\n$$\nY_{ij} = b + \\sum_{a=1}^{2} \\sum_{c=1}^{2} X_{i + a - 1, j + c - 1} K_{ac}\n$$\n\n"
            "Sliding the kernel,\n\n$$\nY_{11} = 1 \\cdot 1 + 2 \\cdot 0 = 3\n$$\n\n"
            "Take $F(x) = x_1 x_2$. Adding a linear term, $F(x) = x_1 x_2 + 3 x_1$ at the point $(2, 1)$.\n\n"
            "Let $Q$ be the matrix with columns $u_1, u_2, u_3$. Then $Q^{-1} = Q^{\\top}$.\n")
    found = _by_line_detail(text)
    assert found[10][0] == P, found
    assert found[22][0] == U and "uses Y, which line 16 defines" in found[22][1], found
    assert found[27][0] == U and "a meaning for Q" in found[27][1], found
    text = ("Let $x \\in \\mathbb{R}^2$.\n\n## A product\n\nTake $F(x) = x_1 x_2$ and the zero baseline.\n\n"
            "Adding a linear term, $F(x) = x_1 x_2 + 3 x_1$ at the point $(2, 1)$.\n")
    found = _verdicts(text)
    assert found[-1][1] is U and "a function defined before" in found[-1][2], found


def _by_line_detail(text: str) -> dict:
    out: dict = {}
    for line, verdict, detail in _verdicts(text):
        out.setdefault(line, (verdict, detail))
    return out


def test_a_value_drawn_from_an_earlier_formula_and_a_definition_holding_a_name_given_anew():
    """"Then ..., so [c = (1/4, 3/4)^T]" of a c an earlier display gives a formula (not read): a claim about that c,
    never c's new definition (g^T c = 3/4 was refuted through it); p^* = w pi / (w pi + 1 - pi) read with the w of an
    earlier example after "w = 10" gave w anew (p^* = 1/2 refuted by shape); J v = [[0, 3], [1, 1]] (1, 2)^T of a J
    in x_1, x_2 given at a point in words (refuted at random x)."""
    text = ("The weights are $\\alpha = \\operatorname{softmax}(e)$ for scores $e$ of length $n$, and the context is\n\n"
            "$$\nc = \\sum_{i=1}^{n} \\alpha_i s_i\n$$\n\n## Example\n\nThen $e_1 = \\log 3$ and $e_2 = 0$, so\n\n"
            "$$\nc = (\\tfrac{1}{4}, \\tfrac{3}{4})^\\top\n$$\n\nWith $g = (1, 0)^\\top$ we have $g^\\top c = \\frac{3}{4}$.\n\n"
            "## Jacobians\n\nFor $F(x_1, x_2) = (x_1 x_2, x_1 + \\sin x_2)$ the Jacobian is\n\n$$\nJ = \\begin{bmatrix} "
            "x_2 & x_1 \\\\ 1 & \\cos x_2 \\end{bmatrix}\n$$\n\nAt $(x_1, x_2) = (3, 0)$, with $v = (1, 2)^\\top$,\n\n"
            "$$\nJ v = \\begin{bmatrix} 0 & 3 \\\\ 1 & 1 \\end{bmatrix} \\begin{bmatrix} 1 \\\\ 2 \\end{bmatrix}\n$$\n")
    found = _verdicts(text)
    assert all(v is not R for _, v, _ in found), found
    jv = [detail for line, v, detail in found if line == 28]
    assert jv and "given in numbers, while it depends on x" in jv[0], found
