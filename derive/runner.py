"""Runs checks in worker processes, in parallel, each under a hard time limit."""

from __future__ import annotations

import multiprocessing as mp
import os
import time
from collections.abc import Callable, Sequence
from multiprocessing.connection import wait

from sympy import preorder_traversal

from .model import Check, Verdict
from .results import CheckResult
from .verify import Settings, verify_check

__all__ = ["run_checks", "default_jobs"]

# Beyond the verifier's own limit: room for the numeric cross-check to finish and the result to travel.
_GRACE = 5.0


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def _worker(conn, checks: Sequence[Check], settings: Settings) -> None:
    while True:
        try:
            n = conn.recv()
        except EOFError:
            return
        if n is None:
            return
        conn.send((n, verify_check(checks[n], settings).to_dict()))


class _Worker:
    def __init__(self, ctx, checks, settings):
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_worker, args=(child, checks, settings), daemon=True)
        self.process.start()
        child.close()
        self.task: int | None = None
        self.started = 0.0

    def give(self, n: int) -> None:
        self.task = n
        self.started = time.perf_counter()
        self.conn.send(n)

    def stop(self, kill: bool = False) -> None:
        if kill:
            self.process.kill()
        else:
            try:
                self.conn.send(None)
            except (BrokenPipeError, OSError):
                pass
        self.process.join(timeout=2)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()


def _timed_out(check: Check, settings: Settings, seconds: float, why: str) -> CheckResult:
    return CheckResult(
        id=check.id, derivation=check.derivation, source=check.source, label=check.label, part=check.part,
        verdict=Verdict.UNKNOWN, detail=why, expected=str(check.expect), seconds=round(seconds, 3),
    )


def _weight(check: Check) -> int:
    """A rough measure of how long a check takes: the size of its two sides' expression trees."""
    return sum(1 for side in (check.lhs, check.rhs) for _ in preorder_traversal(side.expr))


def run_checks(checks: Sequence[Check], settings: Settings = Settings(), jobs: int = 1,
               on_result: Callable[[CheckResult], None] | None = None) -> list[CheckResult]:
    """Verify every check; results come back in the order of ``checks``.

    Each check runs in a worker process (forked, so the catalog need not be pickled). A worker that
    exceeds the time limit by more than a grace period is killed and replaced, and its check becomes
    'unknown: time limit' — a hang never stops the run.
    """
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, got {jobs}")
    checks = list(checks)
    results: list[CheckResult | None] = [None] * len(checks)
    if not checks:
        return []
    ctx = mp.get_context("fork")
    # Largest first, so that no long check starts last and leaves the other workers idle.
    pending = sorted(range(len(checks)), key=lambda n: _weight(checks[n]))
    workers = [_Worker(ctx, checks, settings) for _ in range(min(jobs, len(checks)))]
    limit = settings.timeout + _GRACE
    try:
        for w in workers:
            if pending:
                w.give(pending.pop())
        while any(w.task is not None for w in workers):
            busy = [w for w in workers if w.task is not None]
            now = time.perf_counter()
            wait_for = max(0.05, min(limit - (now - w.started) for w in busy))
            ready = wait([w.conn for w in busy] + [w.process.sentinel for w in busy], timeout=wait_for)
            for i, w in enumerate(workers):
                task = w.task
                if task is None:
                    continue
                result = None
                if w.conn in ready:
                    try:
                        _, data = w.conn.recv()
                        result = CheckResult.from_dict(data)
                    except (EOFError, OSError):
                        result = None
                elapsed = time.perf_counter() - w.started
                if result is None and (w.process.sentinel in ready or elapsed > limit):
                    why = (f"time limit of {settings.timeout:g} s reached (worker stopped)" if elapsed > limit
                           else f"the verifier process died (exit code {w.process.exitcode})")
                    result = _timed_out(checks[task], settings, elapsed, why)
                    w.stop(kill=True)
                    w = workers[i] = _Worker(ctx, checks, settings)
                if result is None:
                    continue
                results[task] = result
                w.task = None
                if on_result:
                    on_result(result)
                if pending:
                    w.give(pending.pop())
    finally:
        for w in workers:
            w.stop(kill=w.task is not None)
    return [r for r in results if r is not None]
