"""Display mathematics in documents: blocks, rows, chains, labels and line numbers."""

from __future__ import annotations

from derive.texmath.display import chains_of


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
    (chain,) = chains_of("$$\\frac{\\partial(\\log x_1}{\\partial x_1} = 1$$", True)
    assert "unbalanced" in chain.problem


def test_unclosed_display_is_a_problem():
    (chain,) = chains_of("text\n$$a = b\n", True)
    assert "never closed" in chain.problem


def test_display_without_relation_is_not_a_claim():
    assert chains_of("$$\\left[x_1, x_2\\right]$$", True) == []
