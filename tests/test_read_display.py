"""Display mathematics in documents: blocks, rows, chains, labels and line numbers."""

from __future__ import annotations

import pytest

from derive.read.display import chains_of


def _terms(chain):
    return [" ".join(t.text.split()) for t in chain.terms]


def _line(text, chain):
    return text.count("\n", 0, chain.offset) + 1


def test_dollar_blocks_split_into_terms_with_lines_and_tags():
    text = "# T\n\nintro $a = b$ inline is skipped\n\n$$x_1 = x_2 = x_3 \\tag{4}$$\n"
    (chain,) = chains_of(text, markdown=True)
    assert _terms(chain) == ["x_1", "x_2", "x_3"]
    assert chain.relations == ("=", "=")
    assert chain.label == "4"
    assert _line(text, chain) == 5


def test_brackets_equation_and_align_environments():
    text = ("\\[a_1 = a_2\\]\n"
            "\\begin{equation}b_1 = b_2\\label{eq:b}\\end{equation}\n"
            "\\begin{align*}\nc_1 &= c_2 \\\\\n  &= c_3\n\\end{align*}\n")
    chains = chains_of(text, markdown=False)
    assert [_terms(c) for c in chains] == [["a_1", "a_2"], ["b_1", "b_2"], ["c_1", "c_2", "c_3"]]
    assert [_line(text, c) for c in chains] == [1, 2, 4]


def test_aligned_rows_that_start_with_a_name_start_a_new_chain():
    text = "$$\\begin{aligned}p &= q \\\\ &= r \\\\ s &= t\\end{aligned}$$"
    assert [_terms(c) for c in chains_of(text, True)] == [["p", "q", "r"], ["s", "t"]]


def test_relations_inside_braces_do_not_split():
    (chain,) = chains_of("$$\\sum_{j=1}^N x_j = S$$", True)
    assert _terms(chain) == ["\\sum_{j=1}^N x_j", "S"]


def test_other_relations_are_kept_for_the_report():
    (chain,) = chains_of("$$a \\approx b := c$$", True)
    assert chain.relations == ("≈", ":=")


def test_code_fences_and_comments_are_not_mathematics():
    md = "```\n$$a = b$$\n```\n<!-- $$c = d$$ -->\n$$e_1 = e_2$$\n"
    assert [_terms(c) for c in chains_of(md, True)] == [["e_1", "e_2"]]
    tex = "% $$a = b$$\n\\[f_1 = f_2\\]"
    assert [_terms(c) for c in chains_of(tex, False)] == [["f_1", "f_2"]]


def test_a_display_opening_with_equals_continues_the_previous_chain():
    text = "$$a_1 = a_2 \\tag{1}$$\n\n$$= a_3 \\tag{2}$$"
    first, second = chains_of(text, True)
    assert _terms(second) == ["a_2", "a_3"] and second.label == "2"


def test_equation_number_after_the_display_is_its_label():
    (chain,) = chains_of("$$a_1 = a_2$$\n(7)\n", True)
    assert chain.label == "7"


def test_unbalanced_row_is_a_problem_not_dropped():
    (chain,) = chains_of("$$(a + b = c$$", True)
    assert "unbalanced" in chain.problem
    (chain,) = chains_of("$$a) + b = c$$", True)
    assert "unbalanced" in chain.problem


def test_a_parenthesis_left_open_inside_braces_ends_with_them():
    (chain,) = chains_of("$$\\frac{\\partial(\\log x_1}{\\partial x_1} = 1$$", True)
    assert not chain.problem and _terms(chain) == ["\\frac{\\partial(\\log x_1}{\\partial x_1}", "1"]


def test_unclosed_display_is_a_problem():
    (chain,) = chains_of("text\n$$a = b\n", True)
    assert "never closed" in chain.problem


def test_display_without_relation_is_not_a_claim():
    assert chains_of("$$\\left[x_1, x_2\\right]$$", True) == []


def test_markdown_code_and_comments_are_never_mathematics():
    md = ("Inline `$$a = b$$` code, an escaped \\$\\$ pair, <!-- $$c = d$$ --> a comment.\n\n"
          "    $$indented = code$$\n\n"
          "<!--\n$$e = f$$\n-->\n\n"
          "> $$g_1 = g_2$$\n\n"
          "text $$h_1 = h_2$$ text \\[k_1 = k_2\\]\n")
    chains = chains_of(md, True)
    assert [_terms(c) for c in chains] == [["g_1", "g_2"], ["h_1", "h_2"], ["k_1", "k_2"]]
    assert [_line(md, c) for c in chains] == [9, 11, 11]


def test_a_display_in_a_list_keeps_its_line():
    md = "# T\n\n- item\n  $$\n  m_1 = m_2\n  $$\n- other\n"
    (chain,) = chains_of(md, True)
    assert _terms(chain) == ["m_1", "m_2"] and _line(md, chain) == 5


def test_a_thousand_and_one_displays_on_one_line():
    from derive.read.document import read_document
    from derive.read.notation_file import default_notation

    md = "$$x_1 = x_1$$ " * 1001 + "\n"
    assert len(chains_of(md, True)) == 1001
    d = read_document(md, "many.md", default_notation())
    assert len(d.steps) == 1001 and len({s.label for s in d.steps}) == 1001


@pytest.mark.slow
@pytest.mark.parametrize("unit, markdown", [
    ("<!-- a a a a a a a a -->\n", True), ("$$x_1 = y$$\n\n", True), ("\\$", True), ("$$a\n", True),
    ("\\begin{align}\n", True), ("[", True), ("\\[a ", True), ("`a $", True), ("\\[x_1 = y\\]\n", False),
    ("\\$", False), ("\\begin{align}\n", False),
])
def test_reading_takes_linear_time(unit, markdown):
    """Four times the input may take at most about four times as long (ten, for a busy machine)."""
    import time

    from derive.read.markdown import math_blocks

    def seconds(n):
        text = "$$x_1 = x_1$$\n\n" + unit * n
        best = float("inf")
        for _ in range(3):
            math_blocks.cache_clear()
            start = time.perf_counter()
            chains_of(text, markdown)
            best = min(best, time.perf_counter() - start)
        return best

    n = 40_000 // len(unit)
    assert seconds(4 * n) < 10 * seconds(n) + 1.0


def test_a_leading_number_in_a_row_is_its_label():
    text = "intro\n\n$$(3) a_1 = a_2$$\n\n$$\\begin{aligned}(4) b_1 &= b_2 \\\\ c_1 &= c_2 \\quad (5)\\end{aligned}$$\n"
    labels = [c.label for c in chains_of(text, True)]
    assert labels == ["3", "4", "5"]


@pytest.mark.parametrize("row", [
    r"a = b, \quad c = d",
    r"a = b,\; c = d",
    r"a = b \quad\text{and}\quad c = d",
    r"a = b,\ c = d",
    r"a = b \qquad c = d.",
])
def test_two_equations_in_a_row_are_two_chains(row):
    chains = chains_of(f"$$\n{row}\n$$\n", True)
    assert [_terms(c) for c in chains] == [["a", "b"], ["c", "d"]]
    assert [c.part for c in chains] == [1, 2]
    assert all(c.latex and not c.problem for c in chains)


def test_three_equations_and_a_chain_among_them():
    chains = chains_of(r"$$p = q = r, \quad s = t, \quad u = v \tag{5}$$", True)
    assert [_terms(c) for c in chains] == [["p", "q", "r"], ["s", "t"], ["u", "v"]]
    assert [c.part for c in chains] == [1, 2, 3] and {c.label for c in chains} == {"5"}


@pytest.mark.parametrize("row, terms", [
    (r"f(a, b) = c", ["f(a, b)", "c"]),
    (r"A_{i,j} = B_{j,i}", ["A_{i,j}", "B_{j,i}"]),
    (r"s = [x_1, \dots, x_N]", ["s", "[x_1, \\dots, x_N]"]),
    (r"\left\langle u, v \right\rangle = 1", ["\\left\\langle u, v \\right\\rangle", "1"]),
    (r"\langle u, v \rangle = \langle v, u \rangle", ["\\langle u, v \\rangle", "\\langle v, u \\rangle"]),
    (r"\left. f \right|_{a, b} = c", ["\\left. f \\right|_{a, b}", "c"]),
    (r"g = \{a, b\}, \quad h", ["g", "\\{a, b\\}, \\quad h"]),
])
def test_a_comma_inside_a_term_never_splits(row, terms):
    (chain,) = chains_of(f"$${row}$$", True)
    assert _terms(chain) == terms and chain.part == 0


@pytest.mark.parametrize("row", [r"a = b,", r"a = b.", r"a = b .", r"a = b;"])
def test_a_trailing_comma_or_full_stop_is_punctuation(row):
    (chain,) = chains_of(f"$$\n{row}\n$$", True)
    assert _terms(chain) == ["a", "b"]


def test_punctuation_at_the_end_of_each_aligned_row():
    chains = chains_of("\\begin{align}\na &= b, \\\\\nc &= d.\n\\end{align}\n", False)
    assert [_terms(c) for c in chains] == [["a", "b"], ["c", "d"]]


def test_a_delimiter_dot_is_not_punctuation():
    (chain,) = chains_of(r"$$a = \left| b \right.$$", True)
    assert _terms(chain) == ["a", "\\left| b \\right."]


def test_a_range_written_after_an_equation_is_its_condition():
    (chain,) = chains_of(r"$$\sqrt{x^2} = x, \quad x \geq 0$$", True)
    assert not chain.problem and _terms(chain) == ["\\sqrt{x^2}", "x"]
    assert [(c[0], c[1], c[2]) for c in chain.conditions] == [("x", ">=", "0")]


@pytest.mark.parametrize("row, why", [
    (r"x > 0, \quad \sqrt{x^2} = x", "condition beside an equation"),
    (r"f(x) = 0, \quad x = 0", "x = 0 beside f(x) = 0 is a condition on it or a second equation"),
    (r"i = j, \quad \delta_{ij} = 1", "i = j beside \\delta_{ij} = 1 is a condition"),
])
def test_a_relation_that_may_be_a_condition_is_a_problem_not_a_second_equation(row, why):
    (chain,) = chains_of(f"$${row}$$", True)
    assert why in chain.problem and chain.part == 0


def test_a_value_given_first_in_a_row_to_a_name_written_nowhere_before_is_an_equation_of_its_own():
    """y_1 = -2 beside y_2 = ...: other names, two equations; x_3 = 4 beside x_2 = (6 - x_3)/4, x_3 new to the document:
    its definition, then the equation that uses it. Where the document wrote x before (Ux = y: x_3 is its entry), the
    pair may be a condition and a claim, and stays a problem."""
    chains = chains_of(r"$$y_1 = -2, \qquad y_2 = 5 - \tfrac{1}{2}(-2) = 6$$", True)
    assert [_terms(c) for c in chains] == [["y_1", "-2"], ["y_2", "5 - \\tfrac{1}{2}(-2)", "6"]]
    row = r"$$x_3 = 4, \qquad x_2 = \frac{6 - x_3}{4} = \frac{1}{2}$$"
    assert [_terms(c)[0] for c in chains_of(f"Then\n\n{row}\n", True)] == ["x_3", "x_2"]
    (before,) = chains_of(f"Back substitution $Ux = y$:\n\n{row}\n", True)
    assert "condition on it or a second equation" in before.problem
    (latex,) = chains_of(f"Back substitution $Ux = y$:\n\\[ {row[2:-2]} \\]\n", False)
    assert "condition on it" in latex.problem


def test_a_comma_that_stands_between_no_two_relations_stays_in_its_term():
    (chain,) = chains_of(r"$$x_i = 0, \quad i$$", True)
    assert _terms(chain) == ["x_i", "0, \\quad i"]


def test_two_equations_in_aligned_rows_keep_their_lines():
    text = "$$\\begin{aligned}\na &= b \\\\\n  &= c, \\quad d = e\n\\end{aligned}$$"
    first, second = chains_of(text, True)
    assert _terms(first) == ["a", "b", "c"] and _terms(second) == ["d", "e"]
    assert (_line(text, first), _line(text, second)) == (2, 3)


def test_a_long_run_of_spacing_takes_linear_time():
    import time

    row = "a = b" + "\\, " * 30_000 + ", c = d"
    began = time.perf_counter()
    chains = chains_of(f"$${row}$$", True)
    assert time.perf_counter() - began < 2
    assert [_terms(c) for c in chains] == [["a", "b"], ["c", "d"]]


def test_a_relation_inside_set_braces_does_not_split():
    (chain,) = chains_of(r"$$\sum_{j=1}^N \mathbf{1}\{j = k\} x_j = x_k$$", True)
    assert _terms(chain) == ["\\sum_{j=1}^N \\mathbf{1}\\{j = k\\} x_j", "x_k"]


def test_an_equation_beside_one_whose_side_is_a_name_is_a_second_equation():
    chains = chains_of(r"$$\frac{\partial}{\partial v} u^\top v = u, \qquad \sum_j y_j = N$$", True)
    assert [_terms(c)[-1] for c in chains] == ["u", "N"]

def test_a_display_opening_with_a_relation_never_skips_a_formula_before_it():
    first, last = chains_of("$$a = b$$\n\n$$c + d$$\n\n$$= e$$\n", True)
    assert _terms(first) == ["a", "b"]
    assert _terms(last) == ["c + d", "e"] and not last.problem  # the formula right before it goes on
    first, last = chains_of("$$a = b$$\n\n$$= e$$\n", True)
    assert _terms(last) == ["b", "e"] and not last.problem


def test_latex_macros_are_expanded_and_terms_keep_their_place_in_the_file():
    text = ("\\newcommand{\\norm}[1]{\\left\\|#1\\right\\|}\n"
            "\\newcommand{\\both}{\\begin{equation} p = q \\end{equation}}\n"  # a display inside a definition
            "\\def\\long{a + b\n  + c}\n"
            "\\[ \\norm{x} = \\long \\]\n"
            "\\both\n")
    first, second = chains_of(text, markdown=False)
    assert _terms(first) == ["\\left\\|x\\right\\|", "a + b + c"]
    left, right = first.terms

    def start(term):  # of its first character that is not white space
        return term.offset + len(term.text) - len(term.text.lstrip())

    assert (start(left), left.end) == (text.index("\\norm{x}"), text.index("\\norm{x}") + len("\\norm{x}"))
    assert (start(right), right.end) == (text.index("\\long \\]"), text.index("\\long \\]") + len("\\long"))
    assert _line(text, first) == 5
    # The display a macro writes is read where the macro is used, never where it is defined.
    assert _terms(second) == ["p", "q"] and _line(text, second) == 6


def test_latex_comments_and_what_is_never_typeset_hold_no_mathematics():
    text = ("a \\\\% \\[ b_1 = b_2 \\]\n"
            "\\iffalse \\[ c_1 = c_2 \\] \\fi\n"
            "\\begin{comment}\n\\[ d_1 = d_2 \\]\n\\end{comment}\n"
            "\\verb|\\[ e_1 = e_2 \\]|\n"
            "% \\newcommand{\\x}{f_1 = f_2}\n"
            "\\[ g_1 = g_2 \\]  100\\% \\x\n")
    (chain,) = chains_of(text, markdown=False)
    assert _terms(chain) == ["g_1", "g_2"] and _line(text, chain) == 8


@pytest.mark.parametrize("row, conditions", [
    (r"\delta_{ij} = 1 \quad \text{for } i = j", (("i", True, "j"),)),
    (r"\ell'(m) = -1 \quad \text{for } m < 0", (("m", "<", "0"),)),
    (r"f(x) = x \quad \text{if } 0 < x < 1", (("x", ">", "0"), ("x", "<", "1"))),
])
def test_a_condition_written_beside_an_equation_is_its_condition(row, conditions):
    (chain,) = chains_of(f"$${row}$$", True)
    assert not chain.problem and [c[:3] for c in chain.conditions] == list(conditions)
    assert "\\text" not in chain.latex


def test_each_equation_of_a_row_keeps_the_condition_beside_it():
    first, second = chains_of(r"$$f'(x) = 1 \quad \text{for } x > 0, \qquad f'(x) = 0 \quad \text{for } x < 0$$", True)
    assert [c[:3] for c in first.conditions] == [("x", ">", "0")]
    assert [c[:3] for c in second.conditions] == [("x", "<", "0")]


def test_brackets_inside_words_never_unbalance_a_row():
    text = ("$$\n2 \\cdot 4096 = 8192 \\quad \\text{(MHA)}, \\qquad 2 \\cdot 1024 = 2048 \\quad "
            "\\text{(GQA, } n = 8\\text{)}\n$$\n")
    chains = chains_of(text, markdown=True)
    # (the remark "(GQA, n = 8)" holds an equation: what it says of the row is refused, never a bracket left open)
    assert [c.problem.split(" (")[0] for c in chains] == ["a condition beside an equation"]


def test_so_between_two_equations_separates_them():
    text = "$$\n\\frac{1}{t} = \\frac19 + \\frac{1}{36} = \\frac{5}{36}, \\qquad \\text{so} \\qquad t = \\frac{36}{5} .\n$$\n"
    chains = chains_of(text, markdown=True)
    assert [_terms(c) for c in chains] == [["\\frac{1}{t}", "\\frac19 + \\frac{1}{36}", "\\frac{5}{36}"],
                                           ["t", "\\frac{36}{5}"]]
    assert not any(c.problem for c in chains)


def test_an_order_beside_an_equation_is_its_condition_and_an_index_range_stays_refused():
    text = "$$\n\\frac{d}{ds} \\sqrt{s} = \\frac{1}{2\\sqrt{s}} \\quad (s > 0)\n$$\n\n$$\ny_i = x_i \\quad (0 \\le i \\le n)\n$$\n"
    ordered, ranged = chains_of(text, markdown=True)
    assert not ordered.problem and [(c[0], c[1], c[2]) for c in ordered.conditions] == [("s", ">", "0")]
    assert "a condition beside an equation" in ranged.problem
