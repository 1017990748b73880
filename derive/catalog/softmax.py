"""Softmax is invariant to adding a constant to every input: softmax(x) = softmax(x + c)."""

from __future__ import annotations

import sympy as sp

from ..notation import index, scalar, size, softmax, summation, vector
from .build import derivation, row, step

N = size("N")
n = size("n")
x = vector("x")
c = scalar("c")
m = scalar("m")

TITLE = "Softmax is invariant to constant offsets"


def _sm(entry, i, j):
    """softmax of the vector whose entry j is ``entry(j)``, at i."""
    return softmax(sp.Lambda(j, entry(j)), i)


def _frydenlund():
    i, j = index("i", N), index("j", N)
    e = sp.exp
    S = summation(e(x[j]), j)
    Sc = summation(e(x[j] + c), j)
    Sc_split = summation(e(x[j]) * e(c), j)
    return derivation(
        "softmax-shift/000",
        topic="softmax",
        source="000_e316718807a0f1a9.txt",
        title=TITLE,
        statement=r"\operatorname{softmax}(\mathbf{x}) = \operatorname{softmax}(\mathbf{x} + c)",
        steps=[
            step("(1)", r"\frac{e^{x_i}}{\sum_j e^{x_j}} = \frac{e^{x_i + c}}{\sum_j e^{x_j + c}}",
                 e(x[i]) / S, e(x[i] + c) / Sc),
            step("(1)-(2)", r"\frac{e^{x_i + c}}{\sum_j e^{x_j + c}} = \frac{e^{x_i}e^c}{\sum_j e^{x_j}e^c}",
                 e(x[i] + c) / Sc, e(x[i]) * e(c) / Sc_split,
                 note="The 'since' that joins (1) to (2): (1)'s right side with the exponentials split."),
            step("(2)", r"\frac{e^{x_i}e^c}{\sum_j e^{x_j}e^c} = \frac{e^{x_i}e^c}{\sum_j e^{x_j}e^c}",
                 e(x[i]) * e(c) / Sc_split, e(x[i]) * e(c) / Sc_split,
                 note="As written, (2) equates a term with itself; the argument it stands for is checked as (1)-(2)."),
            step("c = -max x", r"\operatorname{softmax}(\mathbf{x}) = \operatorname{softmax}(\mathbf{x} - \max_i x_i)",
                 _sm(lambda k: x[k], i, j), _sm(lambda k: x[k] - m, i, j),
                 reading="$\\max_i x_i$ is written $m$; the identity needs only that it is the same constant for every entry."),
        ],
    )


def _exercise_sheet():
    i, j = index("i", N), index("j", N)
    e = sp.exp
    S = summation(e(x[j]), j)
    Sc = summation(e(x[j] + c), j)
    return derivation(
        "softmax-shift/001",
        topic="softmax",
        source="001_b330cdde1d10fb3a.txt",
        title=TITLE,
        statement=r"\text{softmax}(\mathbf{x}) = \text{softmax}(\mathbf{x} + \mathbf{c}),\ \mathbf{c} \in \mathbb{R}",
        steps=[
            step("4-a, line 1", r"\text{softmax}(\mathbf{x}) = \sigma(\mathbf{x}) = \frac{e^x}{\sum_{j=1}^N e^{x_j}}",
                 row(_sm(lambda k: x[k], i, j), i), row(_sm(lambda k: x[k], i, j), i), row(e(x[i]) / S, i),
                 reading="$\\sigma$ here names softmax, as the document defines it, not the logistic function; "
                         "$e^x$ is the exponential taken entry by entry, so entry $i$ of the row is $e^{x_i}$."),
            step("4-a, lines 2-4",
                 r"\text{softmax}(\mathbf{x}+\mathbf{c}) = \sigma(\mathbf{x}+\mathbf{c}) = \frac{e^{x+c}}{\sum_{j=1}^N e^{x_j+c}}"
                 r" = \frac{e^x * e^c}{\sum_{j=1}^N e^{x_j} e^c} = \frac{e^x * e^c}{e^c \sum_{j=1}^N e^{x_j}}"
                 r" = \frac{e^x}{\sum_{j=1}^N e^{x_j}} = \text{softmax}(\mathbf{x})",
                 row(_sm(lambda k: x[k] + c, i, j), i),
                 row(_sm(lambda k: x[k] + c, i, j), i),
                 row(e(x[i] + c) / Sc, i),
                 row(e(x[i] + c) / Sc, i),
                 row(e(x[i]) * e(c) / summation(e(x[j]) * e(c), j), i),
                 row(e(x[i]) * e(c) / (e(c) * S), i),
                 row(e(x[i]) / S, i),
                 row(_sm(lambda k: x[k], i, j), i),
                 reading="$c$ is a real number added to every entry of $x$; $e^{x+c}$ is taken entry by entry."),
        ],
    )


def _assignment():
    i, j = index("i", n), index("j", n)
    e = sp.exp
    S = summation(e(x[j]), j)
    return derivation(
        "softmax-shift/002",
        topic="softmax",
        source="002_659694377acdb9c6.txt",
        title=TITLE,
        statement=r"\text{softmax}(x)=\text{softmax}(x+c)",
        steps=[
            step("1(a)",
                 r"\text{softmax}(x+c)_i =\frac{e^{x_i+c}}{\sum_{j=1}^n e^{x_j+c}} =\frac{e^{x_i} \cdot e^c}{e^c \cdot \sum_{j=1}^n e^{x_j}}"
                 r" =\frac{e^{x_i}}{\sum_{j=1}^n e^{x_j}} =\text{softmax}(x)_i",
                 _sm(lambda k: x[k] + c, i, j),
                 e(x[i] + c) / summation(e(x[j] + c), j),
                 e(x[i]) * e(c) / (e(c) * S),
                 e(x[i]) / S,
                 _sm(lambda k: x[k], i, j)),
        ],
    )


DERIVATIONS = (_frydenlund(), _exercise_sheet(), _assignment())
