"""Kernels printed for PyTorch: the same values as NumPy's, and the same gradients as torch.autograd.

PyTorch starts threads as it computes, and the verifier's runner forks worker processes, which
may deadlock: so these tests run in a pytest process of their own, started by the first one.
"""

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import derive
from derive.emit import EmitRefused, render_module, select_kernels
from derive.emit.evaluate import evaluate_kernels, load_module
from derive.read.sources import load_path

INNER = os.environ.get("DERIVE_TEST_TORCH_INNER") == "1"
HAVE_TORCH = importlib.util.find_spec("torch") is not None


@pytest.mark.skipif(INNER or not HAVE_TORCH, reason="the outer run only, with torch installed")
def test_the_torch_tests_pass_in_a_process_of_their_own():
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", __file__],
                         env={**os.environ, "DERIVE_TEST_TORCH_INNER": "1"}, capture_output=True, text=True,
                         cwd=Path(__file__).resolve().parent.parent, timeout=600)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
    assert "7 passed, 1 skipped" in run.stdout


inner = pytest.mark.skipif(not INNER, reason="runs in the process the test above starts")
torch = pytest.importorskip("torch") if INNER else None

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _kernels(path, notation=None, requests=()):
    ds = load_path(path, notation)
    return select_kernels(ds, [r for d in ds for r in derive.check(d)], requests)


@pytest.fixture(scope="module")
def lsq():
    kernels = _kernels(EXAMPLES / "least_squares.md", EXAMPLES / "least_squares.toml")
    return kernels, load_module(render_module(kernels, "torch")), load_module(render_module(kernels))


@inner
def test_the_torch_module_imports_torch_only(lsq):
    kernels, _, _ = lsq
    text = render_module(kernels, "torch")
    assert "\nimport torch\n" in text and "numpy" not in text


@inner
def test_torch_kernels_give_what_numpy_kernels_give(lsq):
    _, t, n = lsq
    rng = np.random.default_rng(5)
    x, y, w, b = rng.normal(size=(2, 6)), rng.normal(size=(2, 6)), rng.normal(size=2), rng.normal(size=2)
    for name, args in (("L", (b, w, x, y)), ("dL_dw", (w, b, x, y)), ("dL_db", (b, w, x, y)),
                       ("dL_dx", (x, b, w, y))):
        got = getattr(t, name)(*[torch.from_numpy(a) for a in args])
        assert isinstance(got, torch.Tensor) and got.dtype == torch.float64
        np.testing.assert_allclose(got.numpy(), getattr(n, name)(*args), rtol=1e-14)
    assert t.dL_dx(torch.ones(3, dtype=torch.float32), 0.5, 2.0, torch.zeros(3)).dtype == torch.float32


@inner
def test_hand_derived_gradients_match_autograd(lsq):
    _, t, _ = lsq
    gen = torch.Generator().manual_seed(0)
    x, y = torch.randn(4, 7, generator=gen, dtype=torch.float64), torch.randn(4, 7, generator=gen, dtype=torch.float64)
    w = torch.randn(4, generator=gen, dtype=torch.float64, requires_grad=True)
    b = torch.randn(4, generator=gen, dtype=torch.float64, requires_grad=True)
    xg = x.clone().requires_grad_(True)
    gw, gb, gx = torch.autograd.grad(t.L(b, w, xg, y).sum(), (w, b, xg))
    with torch.no_grad():
        torch.testing.assert_close(t.dL_dw(w, b, x, y), gw, rtol=1e-12, atol=0)
        torch.testing.assert_close(t.dL_db(b, w, x, y), gb, rtol=1e-12, atol=0)
        torch.testing.assert_close(t.dL_dx(x, b, w, y), gx, rtol=1e-12, atol=0)


@inner
def test_the_cross_entropy_gradient_matches_autograd():
    (kernel,) = _kernels(EXAMPLES / "cross_entropy.md", requests=["3"])
    module = load_module(render_module((kernel,), "torch"))
    theta = torch.randn(5, 4, dtype=torch.float64, generator=torch.Generator().manual_seed(1), requires_grad=True)
    y = torch.nn.functional.one_hot(torch.tensor([0, 3, 1, 1, 2]), 4).to(torch.float64)
    (auto,) = torch.autograd.grad(-(y * torch.log_softmax(theta, -1)).sum(), theta)
    torch.testing.assert_close(module.grad_theta_CE(theta.detach(), y), auto, rtol=1e-13, atol=1e-15)


@inner
def test_torch_kernels_are_verified_like_numpy_ones(lsq):
    kernels, t, _ = lsq
    assert all(e.ok for e in evaluate_kernels(kernels, t))


@inner
def test_an_unknown_backend_is_refused(lsq):
    with pytest.raises(EmitRefused, match="no backend 'tensorflow'"):
        render_module(lsq[0], "tensorflow")


@inner
def test_torch_argument_errors_name_the_argument(lsq):
    _, t, _ = lsq
    with pytest.raises(ValueError, match="the lengths of x, y must agree: x has 3, y has 2"):
        t.dL_dw(1.0, 0.0, torch.ones(3), torch.ones(2))
    with pytest.raises(TypeError, match="w must be a number"):
        t.dL_dw("w", 0.0, torch.ones(3), torch.ones(3))
