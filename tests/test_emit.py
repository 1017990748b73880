"""The kernel module is printed deterministically from proved claims, and refused from anything less."""

import ast
from dataclasses import replace

import pytest

from derive.catalog import checks
from derive.emit import KERNELS, EmitRefused, claims_used, default_path, emit_kernels, render_kernels
from derive.model import Verdict
from derive.results import CheckResult
from derive.verify import Settings, verify_check


def proved(check):
    return CheckResult(id=check.id, derivation=check.derivation, source=check.source, label=check.label,
                       part=check.part, verdict=Verdict.PROVED, detail="stub", expected="proved", seconds=0.0)


def test_committed_module_is_exactly_what_the_catalog_prints():
    assert default_path().read_text(encoding="utf-8") == render_kernels(), \
        "derive/kernels/_generated.py is out of date: run `derive emit`"


def test_rendering_is_deterministic():
    assert render_kernels() == render_kernels()


def test_each_kernel_is_headed_by_the_claims_it_comes_from():
    text = render_kernels()
    ids = {c.id for c in checks()}
    for k in KERNELS:
        header = "".join(f"# from {c}\n" for c in k.claims) + f"def {k.name}("
        assert header in text, k.name
        assert set(k.claims) <= ids


def test_no_generated_kernel_loops_in_python():
    tree = ast.parse(render_kernels())
    loops = (ast.For, ast.While, ast.ListComp, ast.GeneratorExp, ast.SetComp, ast.DictComp)
    assert not [n for n in ast.walk(tree) if isinstance(n, loops)]


def _results(weak=None, **change):
    by_id = {c.id: c for c in checks()}
    out = []
    for cid in claims_used():
        r = proved(by_id[cid])
        out.append(replace(r, **change) if cid == weak else r)
    return out


def test_emission_refuses_a_claim_that_is_not_proved(tmp_path):
    weak = claims_used()[1]
    target = tmp_path / "k.py"
    with pytest.raises(EmitRefused, match=weak) as info:
        emit_kernels(_results(weak, verdict=Verdict.BOUNDED, bound=3, detail="not proved in general"), target)
    assert "proved for N = 1..3" in str(info.value)
    assert not target.exists()


def test_emission_refuses_a_claim_proved_only_under_a_convention(tmp_path):
    weak = claims_used()[0]
    with pytest.raises(EmitRefused, match="under broadcasting"):
        emit_kernels(_results(weak, conventions=("broadcasting",)), tmp_path / "k.py")


def test_emission_refuses_when_a_claim_has_no_result(tmp_path):
    missing = claims_used()[2]
    results = [r for r in _results() if r.id != missing]
    with pytest.raises(EmitRefused, match=f"no verification result for {missing}"):
        emit_kernels(results, tmp_path / "k.py")


def test_emission_writes_the_module_and_check_only_compares(tmp_path):
    target = tmp_path / "k.py"
    first = emit_kernels(_results(), target, check=True)
    assert first.changed and not target.exists()
    done = emit_kernels(_results(), target)
    assert done.changed and target.read_text(encoding="utf-8") == render_kernels()
    assert not emit_kernels(_results(), target, check=True).changed
    assert set(done.verdicts) == set(claims_used())


@pytest.mark.slow
@pytest.mark.parametrize("cid", claims_used())
def test_every_claim_a_kernel_uses_is_proved(cid):
    check = {c.id: c for c in checks()}[cid]
    assert verify_check(check, Settings(timeout=60)).verdict is Verdict.PROVED


def test_cli_check_of_the_built_in_kernels_verifies_and_compares():
    from typer.testing import CliRunner

    from derive.cli import app

    result = CliRunner().invoke(app, ["emit", "--check", "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert f"checked {default_path()} ({len(claims_used())} claims proved)" in result.output
