"""Parallel runs keep order, and a check that hangs is stopped and reported, never waited on."""

import os
import signal
import sys
import time
from pathlib import Path

import pytest

import derive.runner as runner
from derive.errors import WorkerError
from derive.model import Verdict
from derive.notation import scalar
from derive.verify import Settings

u = scalar("u")
ROOT = Path(__file__).resolve().parents[1]


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


def test_a_check_beyond_the_memory_limit_is_unknown_and_the_run_goes_on(check_of, monkeypatch):
    real = runner.verify_check

    def greedy_on_first(check, settings):
        if check.id.endswith("/0#1"):
            hoard = [bytearray(64 * 2**20) for _ in range(16)]  # 1 GiB, far above the limit below
            return hoard
        return real(check, settings)

    monkeypatch.setattr(runner, "verify_check", greedy_on_first)
    checks = [check_of(u, u, id=f"t/claim/{n}#1") for n in range(3)]
    results = runner.run_checks(checks, Settings(timeout=20), jobs=1, memory_mb=400)
    assert [r.verdict for r in results] == [Verdict.UNKNOWN, Verdict.PROVED, Verdict.PROVED]
    assert results[0].detail == "memory limit of 400 MB reached (worker stopped)"


def test_an_endless_time_limit_is_accepted_and_nan_refused(check_of):
    import pytest

    (r,) = runner.run_checks([check_of(u, u)], Settings(timeout=float("inf")), jobs=1)
    assert r.verdict is Verdict.PROVED
    (r,) = runner.run_checks([check_of(u, u)], Settings(timeout=1e300), jobs=1)
    assert r.verdict is Verdict.PROVED
    with pytest.raises(ValueError, match="time limit"):
        runner.run_checks([check_of(u, u)], Settings(timeout=float("nan")), jobs=1)


def test_more_jobs_than_the_open_file_limit_allows_are_capped(check_of):
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(64, hard), hard))
    try:
        assert runner.max_jobs() == (min(64, hard) - 32) // 3
        checks = [check_of(u + n, n + u, id=f"t/claim/{n}#1") for n in range(30)]
        results = runner.run_checks(checks, Settings(timeout=10), jobs=1000)
    finally:
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
    assert all(r.verdict is Verdict.PROVED for r in results) and len(results) == 30


def _not_triple(n):
    if n == 3:
        raise WorkerError("three")
    return n * 2


def test_run_limited_returns_the_value_and_raises_the_error():
    import pytest

    assert runner.run_limited(_not_triple, 4, timeout=10, what="doubling") == 8
    with pytest.raises(WorkerError, match="three"):
        runner.run_limited(_not_triple, 3, timeout=10, what="doubling")


def _forever():
    while True:
        pass


def test_run_limited_stops_an_endless_loop():
    import pytest

    start = time.perf_counter()
    with pytest.raises(WorkerError, match="looping: time limit of 0.5 s reached"):
        runner.run_limited(_forever, timeout=0.5, what="looping")
    assert time.perf_counter() - start < 5


def _children(pid: int) -> set[int]:
    found = set()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.add(int(entry))
    return found


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_workers_end_when_the_main_process_is_killed(sig):
    import subprocess

    main = subprocess.Popen([sys.executable, "-m", "derive", "check", "--jobs", "2", "--timeout", "30"],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: set[int] = set()
    try:
        deadline = time.monotonic() + 60
        while len(workers) < 2 and time.monotonic() < deadline and main.poll() is None:
            time.sleep(0.1)
            workers = _children(main.pid)
        assert len(workers) == 2, "the workers never started"
        main.send_signal(sig)
        main.wait(timeout=10)
        deadline = time.monotonic() + 5
        while any(_alive(p) for p in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not any(_alive(p) for p in workers), f"workers {workers} outlived the main process"
    finally:
        if main.poll() is None:
            main.kill()
        for pid in workers:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
