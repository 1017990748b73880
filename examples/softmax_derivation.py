"""Softmax is unchanged when a constant is added to every input, written with derive's Python API."""

import sympy as sp

from derive import derivation, entry, index, scalar, size, softmax, step, summation, vector

N = size("N")
x = vector("x")
c = scalar("c")
i, j = index("i", N), index("j", N)

shifted = summation(sp.exp(x[j] + c), j)

SHIFT = derivation(
    "softmax-shift",
    topic="softmax",
    source="softmax_derivation.py",
    title="Softmax is invariant to constant offsets",
    statement=r"\operatorname{softmax}(x + c) = \operatorname{softmax}(x)",
    steps=[
        step("split", r"\frac{e^{x_i + c}}{\sum_j e^{x_j + c}} = \frac{e^{x_i} e^c}{e^c \sum_j e^{x_j}}",
             entry(sp.exp(x[i] + c) / shifted, i),
             entry(sp.exp(x[i]) * sp.exp(c) / (sp.exp(c) * summation(sp.exp(x[j]), j)), i)),
        step("cancel", r"\frac{e^{x_i} e^c}{e^c \sum_j e^{x_j}} = \operatorname{softmax}(x)_i",
             entry(sp.exp(x[i]) * sp.exp(c) / (sp.exp(c) * summation(sp.exp(x[j]), j)), i),
             entry(softmax(sp.Lambda(j, x[j]), i), i)),
        step("a slip", r"\frac{e^{x_i + c}}{\sum_j e^{x_j + c}} = \frac{e^{x_i}}{\sum_j e^{x_j}} + c",
             entry(sp.exp(x[i] + c) / shifted, i),
             entry(sp.exp(x[i]) / summation(sp.exp(x[j]), j) + c, i), expect="refuted"),
    ],
)
