"""Kernels from users' derivations: chosen by the documented rules, emitted only when proved, run as NumPy."""

import ast
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import derive
from derive.cli import app
from derive.emit import EmitRefused, KernelRequest, emit_module, render_module, select_kernels
from derive.emit.evaluate import load_module
from derive.model import Verdict
from derive.read.sources import load_path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
LSQ = EXAMPLES / "least_squares.md"
LSQ_NOTATION = EXAMPLES / "least_squares.toml"
runner = CliRunner()


def _checked(path, notation=None):
    derivations = load_path(path, notation)
    return derivations, [r for d in derivations for r in derive.check(d)]


@pytest.fixture(scope="module")
def lsq():
    return _checked(LSQ, LSQ_NOTATION)


@pytest.fixture(scope="module")
def ce():
    return _checked(EXAMPLES / "cross_entropy.md")


@pytest.fixture(scope="module")
def lsq_module(lsq):
    return load_module(emit_module(*lsq))


def test_default_rule_takes_every_derivative_and_defined_name(lsq):
    kernels = select_kernels(*lsq)
    assert [k.name for k in kernels] == ["L", "dL_dw", "dL_db", "dL_dx"]
    assert [k.label for k in kernels] == ["line 5", "(1)", "(2)", "(3)"]


def test_arguments_the_variable_first_then_alphabetical(lsq):
    params = {k.name: [p.name for p in k.params] for k in select_kernels(*lsq)}
    assert params == {"L": ["b", "w", "x", "y"], "dL_dw": ["w", "b", "x", "y"], "dL_db": ["b", "w", "x", "y"],
                      "dL_dx": ["x", "b", "w", "y"]}


def test_docstring_has_formula_file_line_and_tier(lsq_module):
    doc = lsq_module.dL_dw.__doc__
    assert doc.splitlines()[0] == "dL/dw = 2*sum_i((b - y[i] + w*x[i])*x[i])"
    assert "least_squares.md, line 12, step (1): proved for all N" in doc
    assert "w: a number" in doc and "x: a vector (..., N)" in doc


def test_emitted_functions_compute_the_formulas(lsq_module):
    rng = np.random.default_rng(1)
    x, y = rng.normal(size=(3, 7)), rng.normal(size=(3, 7))
    w, b = rng.normal(size=3), rng.normal(size=3)
    r = w[:, None] * x + b[:, None] - y
    np.testing.assert_allclose(lsq_module.L(b, w, x, y), (r ** 2).sum(-1), rtol=1e-13)
    np.testing.assert_allclose(lsq_module.dL_dw(w, b, x, y), 2 * (r * x).sum(-1), rtol=1e-13)
    np.testing.assert_allclose(lsq_module.dL_db(b, w, x, y), 2 * r.sum(-1), rtol=1e-13)
    np.testing.assert_allclose(lsq_module.dL_dx(x, b, w, y), 2 * w[:, None] * r, rtol=1e-13)


def test_dtype_is_kept_and_batch_axes_pass_through(lsq_module):
    x = np.linspace(-1, 1, 2 * 3 * 5, dtype=np.float32).reshape(2, 3, 5)
    out = lsq_module.dL_dx(x, 0.5, 2.0, x[::-1])
    assert out.dtype == np.float32 and out.shape == (2, 3, 5)
    g = lsq_module.dL_dw(2.0, 0.5, x, x)
    assert g.dtype == np.float32 and g.shape == (2, 3)
    assert lsq_module.dL_dw(2.0, 0.5, x.astype(np.float64), x).dtype == np.float64
    assert isinstance(lsq_module.dL_dw(1.0, 0.0, [1, 2], [0, 0]), np.float64)  # a number, not a 0-d array


@pytest.mark.parametrize("call, message", [
    (lambda m: m.dL_dw(1.0, 0.0, [1.0, 2.0, 3.0], [1.0, 2.0]), "lengths of x, y must agree: x has 3, y has 2"),
    (lambda m: m.dL_dw("w", 0.0, [1.0], [1.0]), "w must be a number"),
    (lambda m: m.dL_dw(1.0, 0.0, 2.0, [1.0]), "x must be a vector"),
    (lambda m: m.dL_dw(1.0, 0.0, [[1.0, 2.0]] * 3, [[1.0, 2.0]] * 2), "batch axes of the arguments do not broadcast"),
    (lambda m: m.dL_dw(1.0, 0.0, [], []), "x is empty"),
    (lambda m: m.dL_dw(1.0, 0.0, ["a"], [1.0]), "x must hold real numbers"),
])
def test_bad_arguments_are_named(lsq_module, call, message):
    with pytest.raises((TypeError, ValueError), match=message):
        call(lsq_module)


def test_module_imports_numpy_only_and_has_no_python_loop_outside_validation(lsq):
    tree = ast.parse(emit_module(*lsq))
    imports = [a.name for n in ast.walk(tree) if isinstance(n, (ast.Import, ast.ImportFrom))
               for a in n.names]
    assert imports == ["numpy"]
    loops = (ast.For, ast.While, ast.ListComp, ast.GeneratorExp, ast.SetComp, ast.DictComp)
    kernels = [n for n in tree.body if isinstance(n, ast.FunctionDef) and not n.name.startswith("_")]
    assert len(kernels) == 4
    assert not [n for k in kernels for n in ast.walk(k) if isinstance(n, loops)]


def test_a_refuted_link_refuses_the_whole_module(ce):
    with pytest.raises(EmitRefused) as info:
        emit_module(*ce)
    text = str(info.value)
    assert "(2) (cross_entropy.md, line 16): link 2 of 2 is refuted: at N = 2" in text


def test_a_request_chooses_and_names_a_step(ce):
    (kernel,) = select_kernels(*ce, ["3=ce_grad"])
    assert kernel.name == "ce_grad" and [p.name for p in kernel.params] == ["theta", "y"]
    module = load_module(render_module((kernel,)))
    theta = np.array([[0.0, 1.0, 2.0], [3.0, -1.0, 0.5]])
    y = np.array([[0.0, 1.0, 0.0], [1.0, 0.0, 0.0]])
    e = np.exp(theta - theta.max(-1, keepdims=True))
    np.testing.assert_allclose(module.ce_grad(theta, y), e / e.sum(-1, keepdims=True) - y, rtol=1e-14)
    with pytest.raises(ValueError, match="y must be one-hot"):
        module.ce_grad(theta, y * 0.5)


def test_default_names_a_gradient_after_the_document_word(ce):
    (kernel,) = select_kernels(*ce, ["(3)"])
    assert kernel.name == "grad_theta_CE"


def test_a_request_for_no_such_step_is_refused(ce):
    with pytest.raises(EmitRefused, match=r"no step labelled '9' to emit \(labels: line 3, line 7, \(2\), \(3\)\)"):
        select_kernels(*ce, [KernelRequest("9")])


@pytest.mark.parametrize("change, said", [
    (dict(verdict=Verdict.UNKNOWN, detail="time limit"), "is unknown: time limit"),
    (dict(verdict=Verdict.NUMERIC, detail="agrees at random points"), "numerically consistent only"),
    (dict(verdict=Verdict.BOUNDED, bound=3, detail="sums expanded"), "proved for N = 1..3"),
    (dict(conventions=("broadcasting",)), "under broadcasting, not proved as written"),
])
def test_less_than_proved_is_refused(lsq, change, said):
    derivations, results = lsq
    weakened = [replace(r, **change) if r.id == "least-squares/1#2" else r for r in results]
    with pytest.raises(EmitRefused, match="refusing to emit") as info:
        emit_module(derivations, weakened)
    assert "(1) (least_squares.md, line 12): link 2 of 2" in str(info.value) and said in str(info.value)


def test_a_missing_result_is_refused(lsq):
    derivations, results = lsq
    with pytest.raises(EmitRefused, match="least-squares/2#1 has no verification result"):
        emit_module(derivations, [r for r in results if r.id != "least-squares/2#1"])


def test_two_kernels_of_one_name_are_refused(lsq):
    with pytest.raises(EmitRefused, match="two kernels would be named g"):
        select_kernels(*lsq, ["1=g", "2=g"])


@pytest.mark.parametrize("name", ["_hidden", "class", "2x", "numpy"])
def test_a_name_that_cannot_name_a_function_is_refused(lsq, name):
    with pytest.raises(EmitRefused, match="cannot name a function"):
        select_kernels(*lsq, [f"1={name}"])


PYTHON_DERIVATION = '''
import sympy as sp
from derive import derivation, entry, index, size, step, summation, vector

N = size("N")
x, w = vector("x"), vector("w")
i, k = index("i", N), index("k", N)

DOT = derivation(
    "dot", topic="dot", source="dot_derivation.py", title="Gradient of a dot product",
    statement="d/dw_k sum_i w_i x_i = x_k",
    steps=[step("grad", "", entry(sp.Derivative(summation(w[i] * x[i], i), w[k]), k), entry(x[k], k)),
           step("grad-exp", "", entry(sp.Derivative(summation(sp.exp(w[i]) * x[i], i), w[k]), k),
                entry(sp.exp(w[k]) * x[k], k))],
    kernels={"dot_grad": "grad"},
)
'''


def test_python_derivations_choose_and_name_steps_with_kernels(tmp_path):
    path = tmp_path / "dot_derivation.py"
    path.write_text(PYTHON_DERIVATION)
    derivations, results = _checked(path)
    (kernel,) = select_kernels(derivations, results)
    assert kernel.name == "dot_grad" and [p.name for p in kernel.params] == ["w", "x"]
    module = load_module(render_module((kernel,)))
    x = np.arange(4.0)
    np.testing.assert_array_equal(module.dot_grad(np.ones(4), x), x)


def _cli(*args):
    return runner.invoke(app, ["emit", *args, "--jobs", "1"])


def test_cli_writes_checks_and_verifies(tmp_path):
    out = tmp_path / "lsq_kernels.py"
    args = [str(LSQ), "--notation", str(LSQ_NOTATION), "--out", str(out)]
    assert _cli(*args, "--check").exit_code == 1 and not out.exists()
    done = _cli(*args, "--verify")
    assert done.exit_code == 0, done.output
    assert "wrote" in done.output and "verified dL_dw:" in done.output
    assert _cli(*args, "--check").exit_code == 0
    out.write_text(out.read_text() + "# edited\n")
    assert _cli(*args, "--check").exit_code == 1


def test_cli_refusal_exits_1_and_writes_nothing(tmp_path):
    out = tmp_path / "k.py"
    result = _cli(str(EXAMPLES / "cross_entropy.md"), "--out", str(out))
    assert result.exit_code == 1 and not out.exists()
    assert "refuted" in result.output and "Traceback" not in result.output


def test_cli_prints_the_module_without_out():
    result = _cli(str(EXAMPLES / "cross_entropy.md"), "--kernel", "3")
    assert result.exit_code == 0 and "def grad_theta_CE(theta, y):" in result.output


def test_cli_usage_errors():
    assert _cli("--kernel", "3").exit_code == 2
    assert _cli(str(EXAMPLES / "cross_entropy.md"), "--check").exit_code == 2


def test_module_is_the_same_in_another_process_and_hash_seed():
    code = ("import sys, derive; from derive.read.sources import load_path; "
            f"ds = load_path({str(LSQ)!r}, {str(LSQ_NOTATION)!r}); "
            "sys.stdout.write(derive.emit_module(ds, [r for d in ds for r in derive.check(d)]))")
    texts = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True,
                            env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2")]
    assert texts[0] == texts[1] and "def dL_dw(" in texts[0]


def test_a_kernel_of_numbers_only_takes_numbers_and_arrays_of_them():
    derivations, results = _checked(EXAMPLES / "sigmoid.md", EXAMPLES / "scalar.toml")
    (kernel,) = select_kernels(derivations, results, ["line 6=slope"])
    module = load_module(render_module((kernel,)))
    s = 1 / (1 + np.exp(-0.3))
    assert np.asarray(module.slope(0.3)).shape == ()
    np.testing.assert_allclose(module.slope(0.3), s * (1 - s), rtol=1e-15)
    x = np.linspace(-3, 3, 12, dtype=np.float32).reshape(3, 4)
    out = module.slope(x)
    assert out.shape == (3, 4) and out.dtype == np.float32
    np.testing.assert_allclose(out, np.exp(-x) / (1 + np.exp(-x)) ** 2, rtol=1e-6)


def test_the_fast_path_for_ready_arguments_gives_what_the_checked_path_gives(lsq_module):
    x = np.linspace(-1, 1, 6, dtype=np.float32)
    y = x[::-1].copy()
    fast = lsq_module.dL_dw(0.5, 0.25, x, y)
    checked = lsq_module.dL_dw(np.float32(0.5), np.float32(0.25), x[None], y[None])[0]
    assert fast.dtype == checked.dtype == np.float32 and fast == checked
    assert lsq_module.dL_dw(0.5, 0.25, x.astype(np.float16), y.astype(np.float16)).dtype == np.float64
    with pytest.raises(ValueError, match="x has 6, y has 5"):
        lsq_module.dL_dw(0.5, 0.25, x, y[:5])


MATRIX_DERIVATION = '''
import sympy as sp
from derive import derivation, entry, index, scalar, size, step, summation, vector
from derive.catalog.build import matrix  # derive.matrix is also a module, which shadows the name once imported

N, M = size("N"), size("M")
x, y, W = vector("x"), vector("y"), vector("W")
w = scalar("w")
i, k = index("i", N), index("k", N)
a, j = index("a", M), index("j", M)
form = summation(summation(W[j, i] * x[i], i) * y[j], j)

BILINEAR = derivation(
    "bilinear", topic="bilinear", source="bilinear_derivation.py", title="Gradients of y W x",
    statement="", steps=[
        step("outer", "", matrix(sp.Derivative(form, W[a, k]), a, k), matrix(y[a] * x[k], a, k)),
        step("vecmat", "", entry(sp.Derivative(form, x[k]), k), entry(summation(W[j, k] * y[j], j), k)),
        step("const", "", entry(sp.Derivative(summation(w * x[i], i), x[k]), k), entry(w, k)),
    ],
)
'''


@pytest.fixture(scope="module")
def bilinear(tmp_path_factory):
    path = tmp_path_factory.mktemp("bilinear") / "bilinear_derivation.py"
    path.write_text(MATRIX_DERIVATION)
    return _checked(path)


def test_matrix_arguments_and_a_stack_of_matrices(bilinear):
    kernels = select_kernels(*bilinear, ["outer", "vecmat"])
    assert [(k.name, [p.name for p in k.params]) for k in kernels] == [
        ("grad_W_outer", ["W", "x", "y"]), ("grad_x_vecmat", ["x", "W", "y"])]
    module = load_module(render_module(kernels))
    rng = np.random.default_rng(2)
    W, x, y = rng.normal(size=(3, 4, 5)), rng.normal(size=(3, 5)), rng.normal(size=(3, 4))
    np.testing.assert_allclose(module.grad_x_vecmat(x, W, y), np.einsum("bjk,bj->bk", W, y), rtol=1e-13)
    np.testing.assert_allclose(module.grad_x_vecmat(x, W[0], y), y @ W[0], rtol=1e-13)  # one matrix for all rows
    np.testing.assert_allclose(module.grad_W_outer(W, x, y), y[:, :, None] * x[:, None, :], rtol=1e-15)
    with pytest.raises(ValueError, match="lengths of x, W must agree: x has 5, W has 4"):
        module.grad_x_vecmat(x, W[..., :4], y)


def test_a_side_constant_along_an_output_axis_is_refused(bilinear):
    with pytest.raises(EmitRefused, match="does not depend on k"):
        select_kernels(*bilinear, ["const"])


def test_cli_backend_is_checked_before_any_work():
    result = _cli(str(LSQ), "--notation", str(LSQ_NOTATION), "--backend", "tensorflow")
    assert result.exit_code == 2 and "use one of numpy, torch, jax" in result.output
    assert _cli("--backend", "torch").exit_code == 2  # backends are for the steps of your files
    for bad in ("=x", "1=a.b", "1=class"):
        result = _cli(str(LSQ), "--notation", str(LSQ_NOTATION), "--kernel", bad)
        assert result.exit_code == 2 and "--kernel" in result.output


@settings(max_examples=40, deadline=None)
@given(shape=st.tuples(st.integers(1, 3), st.integers(1, 6)), dtype=st.sampled_from([np.float32, np.float64]),
       seed=st.integers(0, 2 ** 16))
def test_property_emitted_gradients_follow_the_formula_on_any_batch_and_dtype(lsq_module, shape, dtype, seed):
    rng = np.random.default_rng(seed)
    x, y = rng.normal(size=shape).astype(dtype), rng.normal(size=shape).astype(dtype)
    w, b = rng.normal(size=shape[:1]).astype(dtype), rng.normal(size=shape[:1]).astype(dtype)
    r = w[:, None] * x + b[:, None] - y
    tol = 1e-4 if dtype == np.float32 else 1e-12
    gx, gw = lsq_module.dL_dx(x, b, w, y), lsq_module.dL_dw(w, b, x, y)
    assert gx.dtype == gw.dtype == dtype and gx.shape == shape and gw.shape == shape[:1]
    np.testing.assert_allclose(gx, 2 * w[:, None] * r, rtol=tol, atol=tol)
    np.testing.assert_allclose(gw, 2 * (r * x).sum(-1), rtol=tol, atol=tol * shape[1])


def test_an_unreadable_derivative_is_refused_not_left_out(tmp_path):
    path = tmp_path / "jac.md"
    path.write_text("# J\n\n$$\\frac{\\partial}{\\partial x_k} \\sum_{i=1}^{N} x_i^2 = 2 x_k \\tag{1}$$\n\n"
                    "$$\\frac{\\partial \\hat{y}_i}{\\partial \\theta_j} = \\lim_{h \\to 0} \\hat{y}_i \\tag{2}$$\n")
    derivations, results = _checked(path)
    with pytest.raises(EmitRefused, match=r"\(2\) \(jac.md, line 5\) could not be read: .*\\lim"):
        select_kernels(derivations, results)
    (kernel,) = select_kernels(derivations, results, ["1"])
    assert kernel.name == "df_dx"  # no name for the function in the formula: f


def test_the_committed_example_module_is_up_to_date():
    # Regenerate with: derive emit examples/least_squares.md --notation examples/least_squares.toml
    #                  --out examples/least_squares_kernels.py
    result = _cli(str(LSQ), "--notation", str(LSQ_NOTATION), "--out", str(EXAMPLES / "least_squares_kernels.py"),
                  "--check")
    assert result.exit_code == 0, result.output


def test_the_notation_file_can_choose_and_name_the_steps(tmp_path):
    notation = tmp_path / "lsq.toml"
    notation.write_text(LSQ_NOTATION.read_text() + '\n[kernels]\nloss_slope = "(1)"\nloss = "line 5"\n')
    result = _cli(str(LSQ), "--notation", str(notation))
    assert result.exit_code == 0, result.output
    assert "def loss_slope(w, b, x, y):" in result.output and "def loss(b, w, x, y):" in result.output
    assert "def dL_db(" not in result.output
    given = _cli(str(LSQ), "--notation", str(notation), "--kernel", "2")  # the command line wins
    assert "def dL_db(" in given.output and "def loss(" not in given.output
    notation.write_text(LSQ_NOTATION.read_text() + "\n[kernels]\nloss = 3\n")
    bad = _cli(str(LSQ), "--notation", str(notation))
    assert bad.exit_code == 2 and "[kernels] loss: the step label must be a string, got 3" in bad.output


def test_an_argument_named_like_a_computed_value_is_refused(tmp_path):
    # softmax(theta) is computed into a variable s: an argument s would be overwritten by it.
    path = tmp_path / "s.md"
    path.write_text("# s\n\n$$\\frac{\\partial}{\\partial \\theta_k} s \\log \\sum_{j=1}^{N} e^{\\theta_j}"
                    " = s \\operatorname{softmax}(\\theta)_k \\tag{1}$$\n")
    notation = tmp_path / "s.toml"
    notation.write_text('scalars = ["s"]\n')
    derivations, results = _checked(path, notation)
    with pytest.raises(EmitRefused, match=r"\(1\) \(s.md, line 3\): the argument s has the name of a value"):
        emit_module(derivations, results)
