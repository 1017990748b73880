"""Kernels printed for JAX: the same values as NumPy's, the same gradients as jax.grad, traceable by jax.jit.

JAX starts threads when imported, and the verifier's runner forks worker processes afterwards,
which may deadlock: so these tests run in a pytest process of their own, started by the first one.
"""

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import derive
from derive.emit import render_module, select_kernels
from derive.emit.backends import enable_float64
from derive.emit.evaluate import evaluate_kernels, load_module
from derive.read.sources import load_path

INNER = os.environ.get("DERIVE_TEST_JAX_INNER") == "1"
HAVE_JAX = importlib.util.find_spec("jax") is not None


@pytest.mark.skipif(INNER or not HAVE_JAX, reason="the outer run only, with jax installed")
def test_the_jax_tests_pass_in_a_process_of_their_own():
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", __file__],
                         env={**os.environ, "DERIVE_TEST_JAX_INNER": "1"}, capture_output=True, text=True,
                         cwd=Path(__file__).resolve().parent.parent, timeout=600)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
    assert "5 passed, 1 skipped" in run.stdout


inner = pytest.mark.skipif(not INNER, reason="runs in the process the test above starts")
jax = pytest.importorskip("jax") if INNER else None

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture(scope="module")
def float64():
    before = jax.config.jax_enable_x64
    enable_float64("jax")
    yield
    jax.config.update("jax_enable_x64", before)


@pytest.fixture(scope="module")
def lsq(float64):
    ds = load_path(EXAMPLES / "least_squares.md", EXAMPLES / "least_squares.toml")
    kernels = select_kernels(ds, [r for d in ds for r in derive.check(d)])
    return kernels, load_module(render_module(kernels, "jax")), load_module(render_module(kernels))


@inner
def test_the_jax_module_imports_jax_only(lsq):
    text = render_module(lsq[0], "jax")
    assert "\nimport jax.numpy\n" in text and "import numpy" not in text and "import torch" not in text


@inner
def test_jax_kernels_give_what_numpy_kernels_give_and_keep_the_dtype(lsq):
    _, j, n = lsq
    rng = np.random.default_rng(6)
    x, y, w, b = rng.normal(size=(2, 5)), rng.normal(size=(2, 5)), rng.normal(size=2), rng.normal(size=2)
    got = j.dL_dx(x, b, w, y)
    assert got.dtype == np.float64
    np.testing.assert_allclose(np.asarray(got), n.dL_dx(x, b, w, y), rtol=1e-14)
    assert j.dL_dx(x.astype(np.float32), 0.5, 2.0, y.astype(np.float32)).dtype == np.float32


@inner
def test_hand_derived_gradients_match_jax_grad_also_under_jit(lsq):
    _, j, _ = lsq
    rng = np.random.default_rng(7)
    x, y = rng.normal(size=6), rng.normal(size=6)
    w, b = 0.7, -0.3
    gw, gb, gx = jax.grad(j.L, argnums=(1, 0, 2))(b, w, x, y)
    np.testing.assert_allclose(j.dL_dw(w, b, x, y), gw, rtol=1e-12)
    np.testing.assert_allclose(j.dL_db(b, w, x, y), gb, rtol=1e-12)
    np.testing.assert_allclose(jax.jit(j.dL_dx)(x, b, w, y), gx, rtol=1e-12)


@inner
def test_jax_kernels_are_verified_like_numpy_ones(lsq):
    kernels, j, _ = lsq
    assert all(e.ok for e in evaluate_kernels(kernels, j))


@inner
def test_the_cross_entropy_gradient_matches_jax_grad_and_checks_one_hot_outside_jit(float64):
    ds = load_path(EXAMPLES / "cross_entropy.md")
    kernels = select_kernels(ds, [r for d in ds for r in derive.check(d)], ["3"])
    module = load_module(render_module(kernels, "jax"))
    theta = np.random.default_rng(8).normal(size=(3, 4))
    y = np.eye(4)[[0, 3, 1]]
    auto = jax.grad(lambda t: -(y * jax.nn.log_softmax(t, axis=-1)).sum())(theta)
    np.testing.assert_allclose(jax.jit(module.grad_theta_CE)(theta, y), auto, rtol=1e-13, atol=1e-15)
    with pytest.raises(ValueError, match="y must be one-hot"):
        module.grad_theta_CE(theta, y * 0.5)
