"""The derivative of the logistic function can be written with its value: sigma' = sigma (1 - sigma)."""

from __future__ import annotations

import sympy as sp

from ..notation import dsigmoid, scalar, sigmoid
from .build import assume, define, derivation, step

x = scalar("x")
y = scalar("y")
z = scalar("z")
r = scalar("r")
# Bound variables of the chain rule's outer derivatives: dy/dz is taken with z free, then
# evaluated at z = 1 + e^{-x}, which Subs says without the definition of z leaking into it.
zeta = scalar("zeta")
rho = scalar("rho")

TITLE = "Derivative of the sigmoid"
STATEMENT = r"\sigma'(x) = \sigma(x)\,(1 - \sigma(x))"


def _frydenlund():
    e = sp.exp
    s = sigmoid(x)
    z_of_x = 1 + e(-x)
    return derivation(
        "sigmoid/000",
        topic="sigmoid",
        source="000_e316718807a0f1a9.txt",
        title=TITLE,
        statement=r"\frac{dy}{dx} = (1 - \sigma(x))\,\sigma(x),\quad y = \sigma(x)",
        assume=assume(definitions=[define(y, 1 / z_of_x), define(z, z_of_x), define(r, -x)]),
        steps=[
            step("(3)", r"y = \frac{1}{1 + e^{-x}} = \sigma(x) = (1 + e^{-x})^{-1} = (z)^{-1}",
                 y, 1 / z_of_x, s, z_of_x ** -1, z ** -1),
            step("z", r"z = 1 + e^{-x} = 1 + e^{r}", z, z_of_x, 1 + e(r),
                 reading="$r = -x$, as the document states next to $z$."),
            step("(4)", r"\frac{dy}{dx} = \frac{dy}{dz} * \frac{dz}{dr} * \frac{dr}{dx}",
                 sp.Derivative(y, x),
                 sp.Subs(sp.Derivative(zeta ** -1, zeta), zeta, z)
                 * sp.Subs(sp.Derivative(1 + e(rho), rho), rho, r)
                 * sp.Derivative(r, x),
                 reading="$y = z^{-1}$ and $z = 1 + e^{r}$ as functions of their own variable; $dy/dz$ is taken "
                         "at $z = 1 + e^{-x}$ and $dz/dr$ at $r = -x$, as the chain rule means."),
            step("(5)", r"\frac{dy}{dx} = -(1 + e^{-x})^{-2} * e^{-x} * (-1) = e^{-x} * \left(\frac{1}{1 + e^{-x}}\right)^2"
                        r" = e^{-x}\sigma(x)\sigma(x)",
                 sp.Derivative(y, x),
                 -(z_of_x ** -2) * e(-x) * (-1),
                 e(-x) * (1 / z_of_x) ** 2,
                 e(-x) * s * s),
            step("since", r"e^{-x} = \frac{1-\sigma(x)}{\sigma(x)}", e(-x), (1 - s) / s),
            step("(6)", r"\frac{1 - \frac{1}{1 + e^{-x}}}{\frac{1}{1 + e^{-x}}} = (1 + e^{-x}) - \frac{1 + e^{-x}}{1 + e^{-x}}"
                        r" = (1 + e^{-x}) - 1 = e^{-x}",
                 (1 - 1 / z_of_x) / (1 / z_of_x),
                 z_of_x - sp.Mul(z_of_x, sp.Pow(z_of_x, -1, evaluate=False), evaluate=False),
                 z_of_x - 1,
                 e(-x)),
            step("(7)", r"e^{-x}\sigma(x)\sigma(x) = \frac{1 - \sigma(x)}{\sigma(x)}\sigma(x) = (1 - \sigma(x))(\sigma(x))",
                 e(-x) * s * s,
                 sp.Mul((1 - s) / s, s, evaluate=False),
                 (1 - s) * s,
                 expect=("refuted", "refuted"), ends="proved",
                 correction=sp.Mul((1 - s) / s, s, s, evaluate=False),
                 note="The middle term substitutes $e^{-x} = (1 - \\sigma)/\\sigma$ but keeps only one of the two "
                      "factors $\\sigma(x)$, so it equals $1 - \\sigma(x)$; the two ends agree."),
        ],
    )


def _assignment():
    e = sp.exp
    s = sigmoid(x)
    d = 1 + e(-x)
    return derivation(
        "sigmoid/002",
        topic="sigmoid",
        source="002_659694377acdb9c6.txt",
        title=TITLE,
        statement=STATEMENT,
        steps=[
            step("2(a)",
                 r"\sigma'(x) =\left(\frac{1}{1+e^{-x}}\right)' =-\frac{1}{(1+e^{-x})^2} \cdot -e^{-x}"
                 r" =\frac{e^{-x}}{(1+e^{-x})^2} =\frac{e^{-x}}{1+e^{-x}} \cdot (1 - \frac{e^{-x}}{1+e^{-x}} )"
                 r" =\sigma(x) \cdot \left(1 - \sigma(x) \right)",
                 dsigmoid(x),
                 sp.Derivative(1 / d, x),
                 -1 / d ** 2 * (-e(-x)),
                 e(-x) / d ** 2,
                 e(-x) / d * (1 - e(-x) / d),
                 s * (1 - s),
                 reading="the prime is the derivative with respect to $x$."),
        ],
    )


def _cs224n_solutions():
    e = sp.exp
    s = sigmoid(x)
    d = 1 + e(-x)
    return derivation(
        "sigmoid/003",
        topic="sigmoid",
        source="003_3b09a87a2fbfafa4.txt",
        title=TITLE,
        statement=STATEMENT,
        steps=[
            step("(a), sigma", r"\sigma(x) = \frac{1}{1+e^{-x}}", s, 1 / d),
            step("(a)",
                 r"\sigma'(x) = \frac{e^{-x}}{(1+e^{-x})^2} = \frac{1}{1+e^{-x}} \left(\frac{1-1+e^{-x}}{1+e^{-x}} \right)"
                 r" = \frac{1}{1+e^{-x}} \left(1 - \frac{1}{1+e^{-x}} \right) = \sigma(x)(1 - \sigma(x))",
                 dsigmoid(x),
                 e(-x) / d ** 2,
                 1 / d * ((1 - 1 + e(-x)) / d),
                 1 / d * (1 - 1 / d),
                 s * (1 - s)),
        ],
    )


DERIVATIONS = (_frydenlund(), _assignment(), _cs224n_solutions())
