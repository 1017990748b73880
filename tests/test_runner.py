"""Parallel runs keep order, and a check that hangs is stopped and reported, never waited on."""

import time

import sympy as sp

import derive.runner as runner
from derive.model import Verdict
from derive.notation import scalar
from derive.verify import Settings

u = scalar("u")


def test_results_come_back_in_order(check_of):
    checks = [check_of(u + n, n + u, id=f"t/claim/{n}#1") for n in range(5)]
    results = runner.run_checks(checks, Settings(timeout=10), jobs=2)
    assert [r.id for r in results] == [c.id for c in checks]
    assert all(r.verdict is Verdict.PROVED for r in results)


def test_a_hung_worker_is_killed_and_reported(check_of, monkeypatch):
    real = runner.verify_check

    def hang_on_second(check, settings):
        if check.id.endswith("/1#1"):
            while True:  # ignores the verifier's own alarms, as a stuck C extension would
                time.sleep(0.01)
        return real(check, settings)

    monkeypatch.setattr(runner, "verify_check", hang_on_second)
    monkeypatch.setattr(runner, "_GRACE", 0.5)
    checks = [check_of(u, u, id=f"t/claim/{n}#1") for n in range(3)]
    start = time.perf_counter()
    results = runner.run_checks(checks, Settings(timeout=0.5), jobs=1)
    assert time.perf_counter() - start < 10
    assert [r.verdict for r in results] == [Verdict.PROVED, Verdict.UNKNOWN, Verdict.PROVED]
    assert "time limit" in results[1].detail


def test_jobs_must_be_positive(check_of):
    import pytest

    with pytest.raises(ValueError, match="jobs"):
        runner.run_checks([check_of(u, u)], jobs=0)
