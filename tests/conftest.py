"""Shared fixtures: small claims built directly from the notation, and check construction."""

from __future__ import annotations

import pytest
import sympy as sp

from derive.model import Assumptions, Check, Expect, Side


def make_check(lhs, rhs, *, expect="proved", assume=Assumptions(), lhs_axes=(), rhs_axes=(), id="t/claim/1#1"):
    return Check(id=id, derivation="t/claim", source="tests", label="(1)", part="link",
                 lhs=Side(sp.sympify(lhs), tuple(lhs_axes)), rhs=Side(sp.sympify(rhs), tuple(rhs_axes)),
                 assume=assume, expect=Expect.parse(expect))


@pytest.fixture
def check_of():
    return make_check
