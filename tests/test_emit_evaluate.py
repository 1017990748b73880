"""Emitted functions are evaluated against their formulas at high precision, and a wrong one is caught."""

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
import sympy as sp

import derive
from derive.emit import render_module, select_kernels
from derive.emit.evaluate import TOLERANCE, evaluate_kernels, load_module
from derive.model import Side
from derive.read.sources import load_path

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture(scope="module")
def kernels():
    ds = load_path(EXAMPLES / "least_squares.md", EXAMPLES / "least_squares.toml")
    return select_kernels(ds, [r for d in ds for r in derive.check(d)])


def test_the_example_kernels_agree_with_their_formulas(kernels):
    evaluations = evaluate_kernels(kernels, load_module(render_module(kernels)))
    assert [e.kernel for e in evaluations] == ["L", "dL_dw", "dL_db", "dL_dx"]
    for e in evaluations:
        assert e.ok, e.describe()
        assert e.entries > 0 and e.max_error < 1e-14 and e.max_ulp < 16
    assert evaluations[0].derivative_error is None  # L is no derivative
    assert all(e.derivative_error < 1e-14 for e in evaluations[1:])


def test_a_function_that_computes_something_else_is_caught(kernels):
    module = load_module(render_module(kernels))
    honest = module.dL_dw
    module.dL_dw = lambda w, b, x, y: honest(w, b, x, y) * (1 + 1e-7)
    (e,) = evaluate_kernels([kernels[1]], module)
    assert not e.ok and "right side" in e.problem and e.max_error > TOLERANCE


def test_a_right_side_that_is_not_the_derivative_is_caught_by_the_central_difference(kernels):
    # Printed faithfully from a wrong right side: only the left side's derivative can tell.
    k = kernels[2]
    wrong = replace(k, rhs=Side(k.rhs.expr + sp.Rational(1, 1000), k.rhs.axes))
    (e,) = evaluate_kernels([wrong], load_module(render_module([wrong])))
    assert not e.ok and "central difference" in e.problem
    assert e.max_error < 1e-14 and e.derivative_error > 1e-4


def test_evaluation_is_reproducible(kernels):
    module = load_module(render_module(kernels))
    first = evaluate_kernels(kernels, module, seed=3)
    assert first == evaluate_kernels(kernels, module, seed=3)
    assert np.isfinite([e.max_ulp for e in first]).all()


def test_a_wrong_shape_or_an_exception_is_a_finding_not_a_crash(kernels):
    module = load_module(render_module(kernels))
    honest = module.dL_dx
    module.dL_dx = lambda x, b, w, y: honest(x, b, w, y)[..., :1]
    (e,) = evaluate_kernels([kernels[3]], module)
    assert not e.ok and "returned shape (2, 1), not (2, 1)" not in e.problem and "returned shape" in e.problem

    def broken(*args):
        raise ZeroDivisionError("boom")

    module.dL_dx = broken
    (e,) = evaluate_kernels([kernels[3]], module)
    assert not e.ok and "raised ZeroDivisionError: boom" in e.problem
