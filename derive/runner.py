"""Runs checks in worker processes, in parallel, each under a hard time limit and a memory limit.

Workers are forked. Each one limits its own address space (``resource.RLIMIT_AS``), and ends when
the process that started it ends, however that happens (a SIGKILL or the OOM killer included): it
holds no copy of the parent's ends of the pipes, so an idle worker reads end-of-file; on Linux the
kernel sends it SIGKILL when the parent dies (``PR_SET_PDEATHSIG``); and a watchdog thread checks
the parent's pid every second elsewhere.
"""

from __future__ import annotations

import contextlib
import ctypes
import math
import multiprocessing as mp
import os
import pickle
import resource
import signal
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from multiprocessing.connection import wait

from sympy import preorder_traversal

from .errors import DeriveError, InternalError, WorkerError
from .model import Check, Verdict
from .results import CheckResult, in_one_layout
from .verify import Settings, verify_check

__all__ = ["run_checks", "run_limited", "run_limited_each", "default_jobs", "MEMORY_LIMIT_MB", "MAX_TIMEOUT",
           "max_jobs", "user_output_to_stderr"]

# Beyond the verifier's own limit: room for the numeric cross-check to finish and the result to travel.
_GRACE = 5.0
# The address space each worker may use, in MiB. A check that needs more ends as 'unknown'.
MEMORY_LIMIT_MB = 2048
# The longest time limit accepted (one day): longer ones overflow the operating system's timers.
MAX_TIMEOUT = 86_400.0
# The exit code of a worker that ran out of memory where it could not say so through its pipe.
_MEMORY_EXIT = 86
# File descriptors the parent keeps per worker (its end of the pipe, the process sentinel) with room
# to spare, and the number it keeps for everything else.
_FDS_PER_WORKER = 3
_FDS_RESERVED = 32


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def max_jobs() -> int:
    """How many workers the open-file limit leaves room for."""
    soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft == resource.RLIM_INFINITY:
        return 1024
    return max(1, (soft - _FDS_RESERVED) // _FDS_PER_WORKER)


def check_settings(settings: Settings, memory_mb: int) -> None:
    """Raise ValueError for a time limit or memory limit no worker can keep."""
    if not isinstance(settings.timeout, (int, float)) or math.isnan(settings.timeout) or settings.timeout <= 0:
        raise ValueError(f"the time limit must be a positive number of seconds, got {settings.timeout!r}")
    if not isinstance(memory_mb, int) or memory_mb < 64:
        raise ValueError(f"the memory limit must be at least 64 MB, got {memory_mb!r}")


@contextlib.contextmanager
def user_output_to_stderr():
    """Inside the block, whatever is written to standard output goes to standard error instead: a user's
    file that prints while it loads, a class of it that prints while its pickle is read back here, or
    while a check runs in a worker forked in the block. derive's own output (JSON, an emitted module)
    is written after the block and stays what it says it is."""
    sys.stdout.flush()
    try:
        saved = os.dup(1)
    except OSError:  # no standard output to keep clean
        saved = None
    try:
        if saved is not None:
            os.dup2(2, 1)
    except OSError:
        os.close(saved)
        saved = None
    try:
        with contextlib.redirect_stdout(sys.stderr):
            yield
    finally:
        sys.stderr.flush()
        if saved is not None:
            os.dup2(saved, 1)
            os.close(saved)


# --- inside a worker ----------------------------------------------------------------------------

def _die_with_parent(parent: int) -> None:
    """End this process when ``parent`` ends: a parent-death signal on Linux, a watchdog thread anywhere."""
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # the parent died before the signal was armed
        os._exit(1)

    def watch() -> None:
        while True:
            time.sleep(1.0)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="derive-parent-watchdog", daemon=True).start()


def _limit_memory(memory_mb: int) -> None:
    limit = memory_mb * 1024 * 1024
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _enter_worker(inherited, parent: int, memory_mb: int) -> None:
    for conn in inherited:  # the parent's ends: holding them would keep our own pipe open forever
        conn.close()
    # A worker answers through its pipe only: what user code prints here goes to standard error.
    with contextlib.suppress(OSError):
        os.dup2(2, 1)
    sys.stdout = sys.stderr
    _die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _limit_memory(memory_mb)


def _worker(conn, inherited, parent: int, memory_mb: int, checks: Sequence[Check], settings: Settings) -> None:
    _enter_worker(inherited, parent, memory_mb)
    while True:
        try:
            n = conn.recv()
        except (EOFError, OSError):
            return
        if n is None:
            return
        try:
            data = verify_check(checks[n], settings).to_dict()
        except MemoryError:
            data = None
        try:
            conn.send((n, data))
        except MemoryError:
            os._exit(_MEMORY_EXIT)
        if data is None:  # the heap may be in pieces after a MemoryError: start afresh
            return


class _Worker:
    def __init__(self, ctx, target, args, others, memory_mb: int):
        self.conn, child = ctx.Pipe()
        inherited = [w.conn for w in others] + [self.conn]
        self.process = ctx.Process(target=target, args=(child, inherited, os.getpid(), memory_mb, *args),
                                   daemon=True)
        try:
            self.process.start()
        except BaseException:
            self.conn.close()
            raise
        finally:
            child.close()
        self.task: int | None = None
        self.started = 0.0
        self.stopped = False

    def give(self, n: int) -> None:
        self.task = n
        self.started = time.perf_counter()
        self.conn.send(n)

    def stop(self, kill: bool = False) -> None:
        if self.stopped:
            return
        self.stopped = True
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
        self.process.close()


def _unknown(check: Check, seconds: float, why: str) -> CheckResult:
    return CheckResult.of(check, Verdict.UNKNOWN, why, round(seconds, 3))


def _weight(check: Check) -> int:
    """A rough measure of how long a check takes: the size of its two sides' expression trees."""
    return sum(1 for side in (check.lhs, check.rhs) for _ in preorder_traversal(side.expr))


def _start_workers(ctx, count: int, target, args, memory_mb: int, others=()) -> list[_Worker]:
    """Up to ``count`` workers; fewer when the system refuses more (open files, processes, memory).
    ``others`` are running workers whose pipe ends the new ones must not keep."""
    workers: list[_Worker] = []
    for _ in range(count):
        try:
            workers.append(_Worker(ctx, target, args, [*others, *workers], memory_mb))
        except OSError as exc:
            if not workers:
                raise WorkerError(f"cannot start a worker process: {exc.strerror or exc}") from None
            break
    return workers


def run_checks(checks: Sequence[Check], settings: Settings = Settings(), jobs: int = 1,
               on_result: Callable[[CheckResult], None] | None = None,
               memory_mb: int = MEMORY_LIMIT_MB) -> list[CheckResult]:
    """Verify every check; results come back in the order of ``checks``.

    Each check runs in a worker process (forked, so the catalog need not be pickled) whose address
    space is limited to ``memory_mb`` MiB. A worker that exceeds the time limit by more than a grace
    period is killed and replaced, and its check becomes 'unknown: time limit'; a check that runs out
    of memory becomes 'unknown: memory limit' — a hang or a runaway never stops the run. ``jobs`` is
    capped by the number of checks and by what the open-file limit allows.
    """
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, got {jobs}")
    check_settings(settings, memory_mb)
    settings = replace(settings, timeout=min(float(settings.timeout), MAX_TIMEOUT))
    checks = list(checks)
    results: list[CheckResult | None] = [None] * len(checks)
    if not checks:
        return []
    ctx = mp.get_context("fork")
    # Largest first, so that no long check starts last and leaves the other workers idle.
    pending = sorted(range(len(checks)), key=lambda n: _weight(checks[n]))
    args = (checks, settings)
    workers = _start_workers(ctx, min(jobs, len(checks), max_jobs()), _worker, args, memory_mb)
    limit = settings.timeout + _GRACE
    memory_text = f"memory limit of {memory_mb} MB reached (worker stopped)"
    try:
        for w in workers:
            if pending:
                w.give(pending.pop())
        while any(w.task is not None for w in workers):
            busy = [w for w in workers if w.task is not None]
            now = time.perf_counter()
            wait_for = min(60.0, max(0.05, min(limit - (now - w.started) for w in busy)))
            ready = wait([w.conn for w in busy] + [w.process.sentinel for w in busy], timeout=wait_for)
            for i, w in enumerate(workers):
                task = w.task
                if task is None:
                    continue
                result, replace_worker = None, False
                if w.conn in ready:
                    try:
                        _, data = w.conn.recv()
                    except (EOFError, OSError):
                        pass
                    else:
                        if data is None:
                            result = _unknown(checks[task], time.perf_counter() - w.started, memory_text)
                            replace_worker = True
                        else:
                            result = CheckResult.from_dict(data)
                elapsed = time.perf_counter() - w.started
                if result is None and (w.process.sentinel in ready or elapsed > limit):
                    w.process.join(timeout=0.5)
                    code = w.process.exitcode
                    if elapsed > limit:
                        why = f"time limit of {settings.timeout:g} s reached (worker stopped)"
                    elif code == _MEMORY_EXIT:
                        why = memory_text
                    elif code == -signal.SIGABRT:
                        why = f"the verifier process aborted, most likely at the memory limit of {memory_mb} MB"
                    else:
                        why = f"the verifier process died (exit code {code})"
                    result = _unknown(checks[task], elapsed, why)
                    replace_worker = True
                if result is None:
                    continue
                results[task] = result
                w.task = None
                if replace_worker:
                    w.stop(kill=True)
                    others = [o for o in workers if o is not w]
                    w = workers[i] = _start_workers(ctx, 1, _worker, args, memory_mb, others)[0]
                if on_result:
                    on_result(result)
                if pending:
                    w.give(pending.pop())
    finally:
        for w in workers:
            w.stop(kill=w.task is not None)
    return in_one_layout([r for r in results if r is not None])


# --- one call in a worker -------------------------------------------------------------------------

def _call_worker(conn, inherited, parent: int, memory_mb: int, fn, args, timeout: float) -> None:
    _enter_worker(inherited, parent, memory_mb)
    try:
        signal.signal(signal.SIGALRM, signal.SIG_DFL)  # the time limit ends the process itself
        signal.setitimer(signal.ITIMER_REAL, timeout)
        value = ("ok", fn(*args))
    except DeriveError as exc:
        value = ("error", exc)
    except MemoryError:
        value = ("memory", None)
    except Exception as exc:  # noqa: BLE001 - reported to the parent as one line
        value = ("error", InternalError(f"{type(exc).__name__}: {exc}"))
    except BaseException as exc:  # noqa: BLE001
        value = ("error", WorkerError(f"{type(exc).__name__}: {exc}"))
    try:
        data = pickle.dumps(value)
    except Exception as exc:  # noqa: BLE001
        data = pickle.dumps(("error", WorkerError(f"the result cannot be sent back: {type(exc).__name__}: {exc}")))
    try:
        conn.send_bytes(data)
    except MemoryError:
        os._exit(_MEMORY_EXIT)


def run_limited(fn: Callable, *args, timeout: float, what: str, memory_mb: int = MEMORY_LIMIT_MB):
    """``fn(*args)`` in a worker process under a time and memory limit; its value (which must pickle).

    A DeriveError that ``fn`` raises is raised here; running out of time or memory, or a worker
    that dies, raises WorkerError naming ``what`` and the limit.
    """
    ((status, value),) = run_limited_each(fn, [args], timeout=timeout, what=lambda _: what, memory_mb=memory_mb)
    if status == "ok":
        return value
    raise value


def run_limited_each(fn: Callable, calls: Sequence[tuple], *, timeout: float, what: Callable[[int], str],
                     jobs: int = 1, memory_mb: int = MEMORY_LIMIT_MB) -> list[tuple[str, object]]:
    """``fn(*args)`` for each ``args`` of ``calls``, each in a worker process of its own under the limits of
    `run_limited`, up to ``jobs`` at a time. Returns, in the order of ``calls``, ``("ok", value)`` or
    ``("error", exception)``: the exception `run_limited` would raise (``what(n)`` names call n in it)."""
    check_settings(Settings(timeout=timeout), memory_mb)
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, got {jobs}")
    timeout = min(float(timeout), MAX_TIMEOUT)
    ctx = mp.get_context("fork")
    out: list[tuple[str, object] | None] = [None] * len(calls)
    pending = list(range(len(calls)))[::-1]
    running: dict[int, tuple[_Worker, float]] = {}  # call -> its worker, its deadline
    try:
        while pending or running:
            while pending and len(running) < min(jobs, max_jobs()):
                n = pending.pop()
                others = [w for w, _ in running.values()]
                (worker,) = _start_workers(ctx, 1, _call_worker, (fn, calls[n], timeout), memory_mb, others)
                running[n] = (worker, time.perf_counter() + timeout + 1.0)  # the worker's own alarm ends it first
            now = time.perf_counter()
            left = min(deadline for _, deadline in running.values()) - now
            ready = wait([c for w, _ in running.values() for c in (w.conn, w.process.sentinel)],
                         timeout=min(60.0, max(0.0, left)))
            for n, (worker, deadline) in list(running.items()):
                outcome = _outcome(worker, ready, deadline, what(n), timeout, memory_mb)
                if outcome is None:
                    continue
                del running[n]
                status, value, sent = outcome
                worker.stop(kill=not sent)  # (a worker that sent its value ends by itself)
                out[n] = (status, value)
    finally:
        for worker, _ in running.values():
            worker.stop(kill=True)
    return out


def _outcome(worker: "_Worker", ready, deadline: float, what: str, timeout: float, memory_mb: int):
    """The outcome of one worker of `run_limited_each` once it is ready, (status, value, whether the worker sent
    it); None while it runs."""
    if worker.conn in ready:
        try:
            data = worker.conn.recv_bytes()
        except (EOFError, OSError):
            data = None
        if data is not None:
            try:
                with user_output_to_stderr():  # reading it back may import the user's modules
                    status, value = pickle.loads(data)
            except Exception as exc:  # noqa: BLE001 - e.g. a class only the worker knows
                return ("error", WorkerError(f"{what}: the result cannot be read back ({type(exc).__name__}: {exc})"),
                        True)
            if status == "memory":
                return ("error", WorkerError(f"{what}: memory limit of {memory_mb} MB reached"), True)
            return (status, value, True)
    if worker.process.sentinel in ready:
        worker.process.join(timeout=0.5)
        code = worker.process.exitcode
        if code == -signal.SIGALRM:
            return ("error", WorkerError(f"{what}: time limit of {timeout:g} s reached"), False)
        if code == _MEMORY_EXIT:
            return ("error", WorkerError(f"{what}: memory limit of {memory_mb} MB reached"), False)
        return ("error", WorkerError(f"{what}: the process stopped (exit code {code})"), False)
    if time.perf_counter() >= deadline:
        return ("error", WorkerError(f"{what}: time limit of {timeout:g} s reached"), False)
    return None
