"""Sequences at a general step (derive.read.sequences): a step x_{k+1} = F(x_k) and terms e_k = G(k), written out
in the terms at the claim's step before a claim is read."""

from derive.read.sequences import expand, find


def _chains(*pairs):
    return [(10 * n, [left, right], "=") for n, (left, right) in enumerate(pairs)]


def test_a_step_and_a_term_by_formula_are_found_in_order_and_the_first_step_wins():
    found = find(_chains(("x_{k+1}", "x_k - g(x_k)/g'(x_k)"), ("e_k", "x_k - \\sqrt{a}"), ("x_{k+1}", "x_k + 1"),
                         ("e_{k+1}", "e_k^2"), ("q_k", "x_k^2")), lambda offset: offset // 10 + 1, set())
    # (q_k = x_k^2, never written at another step, is an entry's definition: the reader's)
    assert [(s.name, s.letter, s.step, s.line) for s in found] == [("x", "k", True, 1), ("e", "k", False, 2)]


def test_a_declared_vector_a_sum_over_the_step_letter_and_a_step_that_skips_are_no_sequences():
    assert find(_chains(("x_{k+1}", "x_k + 1")), lambda o: 1, {"x"}) == []
    assert find(_chains(("m_k", "\\frac{1}{k} \\sum_{k=1}^{n} x_k")), lambda o: 1, set()) == []
    assert find(_chains(("x_{k+1}", "x_{k-1} + x_k")), lambda o: 1, set()) == []


def test_terms_at_later_steps_are_written_in_the_term_at_the_claim_s_step():
    found = find(_chains(("x_{k+1}", "x_k (2 - a x_k)"), ("e_k", "1 - a x_k"), ("e_{k+1}", "e_k^2")), lambda o: 1, set())
    texts, used = expand(["e_{t+1}", "e_t^2"], found, 100)
    assert texts == ["\\left(1 - a \\left(x_{t} (2 - a x_{t})\\right)\\right)", "\\left(1 - a x_{t}\\right)^2"]
    assert {s.name for s in used} == {"x", "e"}


def test_what_cannot_be_written_so_is_left_as_written():
    found = find(_chains(("x_{k+1}", "x_k + \\sum_{i=1}^{k} i")), lambda o: 1, set())
    assert expand(["x_{i+1}", "x_i"], found, 100) == (["x_{i+1}", "x_i"], [])      # the sum would capture i
    assert expand(["x_{k+1}", "x_{j}"], found, 100) == (["x_{k+1}", "x_{j}"], [])  # two steps
    assert expand(["x_{k+9}", "x_k"], found, 100) == (["x_{k+9}", "x_k"], [])      # beyond the steps unrolled


def test_the_lowest_term_a_claim_writes_stays_and_a_step_may_be_written_at_k():
    found = find(_chains(("x_{k+1}", "x_k + \\sum_{i=1}^{k} i")), lambda o: 1, set())
    assert expand(["x_{k-1}", "x_k"], found, 100)[0] == ["x_{k-1}", "\\left(x_{k-1} + \\sum_{i=1}^{k-1} i\\right)"]
    (back,) = find(_chains(("x_k", "x_{k-1} + g_k \\beta^k")), lambda o: 1, set())
    assert back.step and back.formula == "x_{k} + g_{k+1} \\beta^{k+1}" and back.written == "x_{k}"
    # (never where the document writes x_0: its recurrence is unrolled from that start, read.context)
    assert find(_chains(("x_k", "x_{k-1} + 1"), ("x_0", "0")), lambda o: 1, set()) == []
    assert expand(["x_{k+1}", "x_k"], found, -1) == (["x_{k+1}", "x_k"], [])       # before the step is given
