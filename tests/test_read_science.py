"""Reading derivations as science and engineering courses write them: functions of time and their
derivatives without arguments (y'' + 3y' + 2y = 0, \\ddot x = -\\omega^2 x), Fourier and Laplace integrals,
probabilities of events under stated laws, whole numbers said in words, \\pi as a name, quantities divided."""

from __future__ import annotations

from derive.model import Verdict, checks_of
from derive.read.document import read_document
from derive.read.notation_file import default_notation
from derive.verify import Settings, verify_check

SETTINGS = Settings(timeout=20)

P, R, U = Verdict.PROVED, Verdict.REFUTED, Verdict.UNKNOWN


def _verdicts(text: str) -> list[tuple[int, Verdict, str]]:
    """(line, verdict, detail) of every link of the document, in order (the ends of chains, and the inline
    equations read as suppositions, left out)."""
    d = read_document(text, "doc.md", default_notation())
    return [(c.line, r.verdict, r.detail) for c in checks_of(d) if c.part != "ends"
            and not c.problem.startswith("read as a supposition") for r in [verify_check(c, SETTINGS)]]


def _by_line(text: str) -> dict[int, list[Verdict]]:
    out: dict[int, list[Verdict]] = {}
    for line, verdict, _ in _verdicts(text):
        out.setdefault(line, []).append(verdict)
    return out


def test_an_identity_of_a_defined_function_of_time_written_without_its_argument():
    """y'' + 3y' + 2y = 0 of a y(t) the document defines: read at every point (a fresh letter), which is never a name
    "on one side only" (the right side is 0); a wrong one is refuted."""
    text = ("Let $y(t) = e^{-2t}$. Then $y' = -2y$ and $y' = 2y$.\n\n$$\ny'' + 3y' + 2y = 0\n$$\n\n"
            "$$\ny'' + 3y' - 2y = 0\n$$\n")
    found = _by_line(text)
    assert found[1] == [U, P, R], found
    assert found[4] == [P] and found[8] == [R], found


def test_newton_dots_are_time_derivatives_of_a_defined_function():
    """\\dot x and \\ddot{x} of an x(t) the document defines are x' and x'' (never an unread accent)."""
    text = ("For the oscillator $x(t) = A \\cos(\\omega t + \\phi)$ we have $\\ddot{x} = -\\omega^2 x$ and "
            "$\\dot x(t) = -A\\omega \\sin(\\omega t + \\phi)$, while $\\ddot x = \\omega^2 x$ is a slip.\n\n"
            "$$\n\\dot{x}^2 + \\omega^2 x^2 = A^2 \\omega^2\n$$\n")
    found = _by_line(text)
    assert found[1] == [U, P, P, R], found
    assert found[4] == [P], found


def test_a_value_worked_out_after_with_is_a_claim():
    """"with value $f(1, 1) = 1 - 3 + 1 = -1$" of a defined f, "With $n(n^2 - 1) = 6 \\cdot 35$" of an n given a
    number: worked out from what is known, checked (a slip refuted); "Let $g(1) = 2$" stays a supposition."""
    text = ("Let $f(x, y) = x^3 - 3xy + y^3$.\n\nA minimum, with value $f(1, 1) = 1 - 3 + 1 = -1$; another reader "
            "wrote it with value $f(1, 1) = 1 - 3 + 1 = 1$.\n\nLet $g(1) = 2$.\n")
    found = _verdicts(text)
    assert [(line, v) for line, v, _ in found if line == 3] == [(3, P), (3, P), (3, P), (3, R)], found
    assert not [line for line, _, _ in found if line == 5], found


def test_what_a_supposition_gives_after_so_is_a_claim():
    text = "Let $Y \\sim \\mathrm{Binomial}(4, 0.5)$, so $P(Y = 2) = 6 \\cdot 0.5^4 = 0.375$.\n"
    assert [v for _, v, _ in _verdicts(text)] == [P, P]


def test_probabilities_of_ranges_of_a_poisson_binomial_or_uniform_variable():
    text = ("Let $X \\sim \\mathrm{Poisson}(3)$. Then $P(X \\le 1) = 4e^{-3}$, while $P(X \\ge 1) = 1 - e^{-3}$ and "
            "$P(X > 1) = 1 - 4e^{-3}$ and $P(X < 2) = 3e^{-3}$.\n\n"
            "Let $Y \\sim \\mathrm{Binomial}(4, 0.5)$. Then $P(Y \\ge 3) = \\frac{5}{16}$ and $P(Y \\le 10) = 1$ and "
            "$P(Y \\neq 0) = \\frac{15}{16}$ and $P(Y < 0) = 0$ and $P(Y > 2) = \\frac{1}{2}$.\n\n"
            "Let $U \\sim \\mathrm{Uniform}(0, 2)$. Then $P(U \\le 0.5) = 0.25$ and $P(U > 3) = 0$ and "
            "$P(U > 1.5) = 0.5$.\n")
    found = _by_line(text)
    assert found[1] == [P, P, P, R], found
    assert found[3] == [P, P, P, P, R], found
    assert found[5] == [P, P, R], found


def test_pi_used_as_a_name_is_never_read_as_the_number():
    """"stationary distribution $\\pi = (5/6, 1/6)$" and $\\pi P = \\pi$: pi is the vector, and these were refuted
    as shapes of the number pi; now refused, naming the other use. 2\\pi and \\sqrt{2\\pi} stay the number."""
    text = ("The chain with $P = \\begin{pmatrix} 0.9 & 0.1 \\\\ 0.5 & 0.5 \\end{pmatrix}$ has stationary "
            "distribution $\\pi = (5/6, 1/6)$, and $\\pi P = \\pi$.\n\n"
            "$$\n\\int_0^{2\\pi} \\frac{1}{\\sqrt{2\\pi}} \\, dx = \\sqrt{2\\pi}\n$$\n")
    found = _verdicts(text)
    assert [v for line, v, _ in found if line == 1] == [U, U, U], found
    assert "uses \\pi as a name" in found[1][2], found
    assert [v for line, v, _ in found if line == 4] == [P], found


def test_numbered_pi_alone_keeps_the_number():
    """\\pi_1, \\pi_0 (class priors) are names of their own, which say nothing of a bare \\pi."""
    text = "$$\n\\pi_1 \\pi = \\pi \\pi_1\n$$\n\n$$\n\\pi_1 + \\pi = \\pi_1 + 3.2\n$$\n"
    assert [v for _, v, _ in _verdicts(text)] == [P, R]


def test_a_positive_integer_said_in_words_and_cos_n_pi():
    """"Let $n$ be a positive integer": n a whole number >= 1 (by default another name of the size), so
    cos(n pi) = (-1)^n is proved for every n, and \\cos n\\pi reads as cos(n pi); an integer n may be negative,
    and is not read so."""
    for said in ("Let $n$ be a positive integer.", "For every positive integer $n$,"):
        text = f"{said}\n\n$$\n\\cos n\\pi = (-1)^n\n$$\n\n$$\n\\cos(n\\pi) = 1\n$$\n"
        assert [v for _, v, _ in _verdicts(text)] == [P, R], said
    text = "Let $n \\in \\mathbb{Z}$.\n\n$$\n\\cos(n\\pi) = (-1)^n\n$$\n"
    assert [v for _, v, _ in _verdicts(text)] == [U]


def test_fourier_and_laplace_integrals():
    """An integral with a whole-number parameter (a Fourier coefficient), and one SymPy gives where |arg s| < pi/2
    (a Laplace transform): taken for s > 0 and read there only; a wrong value is refuted at such an s."""
    text = ("For each positive integer $n$,\n$$\n\\int_0^\\pi \\sin(nx) \\, dx = \\frac{1 - \\cos(n\\pi)}{n}\n$$\n\n"
            "$$\n\\int_0^\\pi \\sin(nx) \\, dx = \\frac{2}{n}\n$$\n\n"
            "$$\n\\int_0^\\infty t e^{-st} \\, dt = \\frac{1}{s^2}\n$$\n\n"
            "$$\n\\int_0^\\infty t e^{-st} \\, dt = \\frac{1}{s}\n$$\n\n"
            "$$\n\\int_0^\\infty e^{-st} \\sin(t) \\, dt = \\frac{1}{s^2 + 1}\n$$\n")
    assert [v for _, v, _ in _verdicts(text)] == [P, R, P, R, P]
    d = read_document(text, "doc.md", default_notation())
    wrong = [r for c in checks_of(d) for r in [verify_check(c, SETTINGS)] if r.verdict is R][1]
    s = wrong.counterexample.values["s"].entries[0].exact
    assert s > 0, wrong.counterexample  # (never where the integral diverges)


def test_capitals_that_divide_are_numbers():
    """q(t) = C V (1 - e^{-t/(RC)}): R and C divide, so they are numbers, and C, V multiplied are numbers too
    (they were refused as maybe matrices)."""
    text = ("The charge obeys $q(t) = C V (1 - e^{-t/(RC)})$, so $\\frac{dq}{dt} = \\frac{V}{R} e^{-t/(RC)}$, not "
            "$\\frac{dq}{dt} = V e^{-t/(RC)}$.\n")
    assert [v for _, v, _ in _verdicts(text)] == [U, P, R]


def test_kl_of_laws_written_out_and_of_probability_vectors():
    """KL(Ber(q) || Ber(p)), KL(N(mu, sigma^2) || N(0, 1)), KL(Exp(a) || Exp(b)) in closed form (a dropped square
    refuted); N(mu, sigma) refused (a standard deviation or a variance?); KL(p || q) of two vectors is
    sum_i p_i log(p_i / q_i)."""
    text = ("$$\n\\operatorname{KL}\\big(\\operatorname{Ber}(q) \\,\\|\\, \\operatorname{Ber}(p)\\big) = q \\log \\frac{q}{p}"
            " + (1 - q) \\log \\frac{1 - q}{1 - p}\n$$\n\n"
            "$$\n\\mathrm{KL}\\big(\\mathcal{N}(\\mu, \\sigma^2) \\,\\|\\, \\mathcal{N}(0, 1)\\big) = \\frac{1}{2}\\left(\\mu^2"
            " + \\sigma^2 - \\log \\sigma^2 - 1\\right)\n$$\n\n"
            "$$\n\\mathrm{KL}\\big(\\mathcal{N}(\\mu, \\sigma^2) \\,\\|\\, \\mathcal{N}(0, 1)\\big) = \\frac{1}{2}\\left(\\mu^2"
            " + \\sigma^2 - \\log \\sigma - 1\\right)\n$$\n\n"
            "$$\n\\mathrm{KL}(\\mathrm{Exp}(a) \\,\\|\\, \\mathrm{Exp}(b)) = \\log \\frac{a}{b} + \\frac{b}{a} - 1\n$$\n\n"
            "$$\n\\mathrm{KL}(\\mathcal{N}(\\mu, \\sigma) \\,\\|\\, \\mathcal{N}(0, 1)) = 0\n$$\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found] == [P, P, R, P, U], found
    assert "standard deviation or a variance" in found[4][2]
    vectors = ("Let $p, q \\in \\mathbb{R}^n$ have positive entries.\n\n"
               "$$\n\\mathrm{KL}(p \\,\\|\\, q) + \\sum_{i=1}^{n} p_i \\log q_i = \\sum_{i=1}^{n} p_i \\log p_i\n$$\n\n"
               "$$\n\\mathrm{KL}(p \\,\\|\\, q) - \\sum_{i=1}^{n} q_i \\log \\frac{q_i}{p_i} = 0\n$$\n")
    assert [v for _, v, _ in _verdicts(vectors)] == [P, R]


def test_a_vector_named_with_a_subscript_gives_its_length_to_what_it_is_added_to():
    """z_0 \\in R^d and z - z_0: z has length d (it was given a length of its own, and refused as a sum of vectors of
    different lengths)."""
    text = ("Let $z_0 \\in \\mathbb{R}^d$.\n\n$$\n\\|z - z_0\\|^2 = (z - z_0)^\\top (z - z_0)\n$$\n\n"
            "$$\n\\|z - z_0\\|^2 = (z - z_0)^\\top (z + z_0)\n$$\n")
    assert [v for _, v, _ in _verdicts(text)] == [P, R]


def test_a_function_named_in_words_and_a_gradient_named_in_words():
    """"Let $\\sigma$ be the ReLU", "the ReLU $\\phi$": those functions (sigma was the logistic default, refuted); "Let
    the column vector $g$ be the upstream gradient $\\partial L / \\partial y$": g is a vector of y's length and a
    derivative of L is the chain rule through y (it was a number, and dL/dx = (dy/dx)^T g was refuted by shape)."""
    words = "Let $\\sigma$ be the ReLU. With the ReLU $\\phi$,\n\n$$\n\\sigma(-1) + \\phi(2) = 2\n$$\n"
    assert [v for _, v, _ in _verdicts(words)] == [P]
    text = ("For an input $x \\in \\mathbb{R}^d$, with $W_1 \\in \\mathbb{R}^{h \\times d}$ and "
            "$W_2 \\in \\mathbb{R}^{d \\times h}$,\n\n$$\nu = W_1 x , \\qquad y = x + W_2 u .\n$$\n\n"
            "Let the column vector $g$ be the upstream gradient $\\partial L / \\partial y$. Then\n\n"
            "$$\n\\frac{\\partial L}{\\partial x} = g + W_1^\\top W_2^\\top g\n$$\n\n"
            "$$\n\\frac{\\partial L}{\\partial x} = g + W_2 W_1 g\n$$\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found][-2:] == [P, R], found


def test_an_angle_in_degrees_is_read_in_radians_and_a_temperature_is_refused():
    """\\cos 60^\\circ = 1/2 (the ring operator had nothing on one side); 37^\\circ C is a temperature, not an angle."""
    text = ("$$\n\\cos 60^\\circ = \\frac{1}{2}\n$$\n\n$$\n\\sin 30^{\\circ} = 0.6\n$$\n\n"
            "$$\n\\tan 45^\\circ + 180^\\circ = 1 + \\pi\n$$\n\nThe body is at $T + 1 = 38^\\circ C$.\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found] == [P, R, P, U], found
    assert "temperature" in found[3][2], found


def test_e_with_a_subscript_and_a_name_labelled_by_a_size_are_names():
    """e_1 (an error, a basis vector) was Euler's number with a subscript, and m_n of a posterior after n data was
    refused as entry n; a name also written with an index (x_N beside x_i) keeps N an entry."""
    text = ("The errors are $e_0 = 3$ and\n\n$$\ne_1 + 1 = e_1 + 2 - 1\n$$\n\nThe posterior mean after $n$ data is "
            "$m_n$, with\n\n$$\nm_n - m_0 = -(m_0 - m_n)\n$$\n\n$$\n\\sum_{i=1}^{N} x_i = x_N + \\sum_{i=1}^{N-1} x_i\n"
            "$$\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found][-3:-1] == [P, P], found
    assert found[-1][1] is not R, found


def test_geometric_laws_say_what_they_count_and_uniform_laws_in_words():
    """A geometric law is read where the words say whether it counts trials (1, 2, ...) or failures (0, 1, ...),
    refused otherwise; "independent and uniform on an unknown interval $[a, b]$" gives the uniform law."""
    text = ("Let $X_1, \\dots, X_n$ be independent and geometric with success probability $p \\in (0, 1)$, where $X$ "
            "counts the trials up to and including the first success.\n\n$$\nE[X] = \\frac{1}{p}, \\qquad "
            "\\operatorname{Var}(X) = \\frac{1}{p^2}, \\qquad P(X > 2) = (1 - p)^2\n$$\n\n"
            "Let $Y$ be geometric with success probability $q$, the number of failures before the first success.\n\n"
            "$$\nE[Y] = \\frac{1 - q}{q}\n$$\n\nLet $Z$ be geometric with success probability $r$.\n\n"
            "$$\nE[Z] = \\frac{1}{r}\n$$\n\n"
            "Let $U$ be uniform on an unknown interval $[a, b]$ with $a < b$.\n\n$$\nE[U^2] = \\frac{a^2 + ab + b^2}{3}\n$$\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found] == [P, R, P, P, U, P], found
    assert "trials up to and including the first success" in found[4][2], found


def test_lists_of_numbers_added_are_vectors():
    """(0.4, 0.2) - (0.24, 0.18) = (0.16, 0.02) was refused (a list in parentheses is not a value): a list in a sum
    of numbers is a vector, as a whole side's is; a name right before a list is still refused."""
    text = ("$$\n(1, 2) + \\frac{2}{2} (1, -1) = (2, 1)\n$$\n\n$$\n(0.4, 0.2) - (0.24, 0.18) = (0.16, 0.12)\n$$\n\n"
            "$$\nN(1, 2) + 1 = 3\n$$\n")
    found = _verdicts(text)
    assert [v for _, v, _ in found] == [P, R, U], found


def test_probabilities_of_named_events_in_the_probabilities_of_their_intersections():
    """P(A \\cup B), P(A^c \\cap B), P(A \\mid B) of named events: written in the probabilities of the events'
    intersections, so that inclusion-exclusion and Bayes' rule are proved for all events; a refutation stands only
    where the probabilities the document gives fix every one of them (the words may make events independent)."""
    text = ("For events $A$ and $B$,\n\n$$\nP(A \\cup B) = P(A) + P(B) - P(A \\cap B), \\qquad "
            "P(A^c \\cap B) = P(B) - P(A \\cap B), \\qquad P(\\bar A) = 1 - P(A)\n$$\n\n"
            "$$\nP(A \\mid B) = \\frac{P(B \\mid A) P(A)}{P(B)}\n$$\n\n"
            "$$\nP(A \\cup B) = P(A) + P(B)\n$$\n\n"
            "We are given\n\n$$\nP(A) = 0.5, \\quad P(B) = 0.4, \\quad P(A \\cap B) = 0.2\n$$\n\n"
            "$$\nP(A \\cup B) = 0.5 + 0.4 - 0.2 = 0.7\n$$\n\n"
            "$$\nP(A \\cup B) = 0.5 + 0.4 = 0.9\n$$\n\n"
            "$$\nP(A \\mid B) = \\frac{0.2}{0.5}\n$$\n\n"
            "$$\nP(A^c \\mid B^c) = \\frac{0.3}{0.6} = \\frac{1}{2}\n$$\n")
    found = _verdicts(text)
    verdicts = [v for _, v, _ in found]
    # the three identities and Bayes; A and B exclusive is not for all events, but the words may say so
    assert verdicts[:5] == [P, P, P, P, U], found
    assert "relations between the events" in found[4][2], found
    assert verdicts[5:8] == [U, U, U] and "the document gives" in found[5][2], found  # the givens, not checked
    assert verdicts[8:] == [P, P, R, P, R, P, P], found


def test_a_test_result_and_its_complement_and_the_givens_of_a_bayes_problem():
    """+ and - are the two results of one test; a probability stated as a number is a given where the ones before
    leave it open, a claim where they fix it; "Likewise $P(...) = ...$" is a result, never a given; P(+, +) of two
    tests is refused (the same event twice)."""
    text = ("Let $D$ be the disease. We're given\n\n$$\nP(D) = 0.01, \\qquad P(+ \\mid D) = 0.9, \\qquad "
            "P(- \\mid \\bar D) = 0.95\n$$\n\n"
            "$$\nP(+) = P(+ \\mid D) P(D) + P(+ \\mid \\bar D) P(\\bar D) = 0.9 \\cdot 0.01 + 0.05 \\cdot 0.99 = 0.0585\n$$\n\n"
            "$$\nP(D \\mid +) = \\frac{0.009}{0.0585} = \\frac{2}{11}\n$$\n\n"
            "Likewise $P(\\bar D \\mid -) = 0.5$.\n\n"
            "$$\nP(- \\mid D) = 0.1\n$$\n\n"
            "$$\nP(+, +) = P(+)^2\n$$\n")
    found = _by_line(text)
    lines = sorted(found)
    assert found[lines[0]] == [U, U, U], found  # the givens
    assert found[lines[1]] == [P, P, P], found
    assert found[lines[2]] == [P, R], found
    assert found[lines[3]] == [R], found  # P(not D | -) = 0.9405 / 0.9415: drawn by "Likewise", checked
    assert found[lines[4]] == [P], found  # fixed by P(+ | D) = 0.9: a claim
    assert found[lines[5]] == [U], found
    detail = _verdicts(text)[-1][2]
    assert "the same event written twice" in detail, detail
