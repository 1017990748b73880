"""The `derive` command line: thin commands over the library, mapping outcomes to exit codes."""

from __future__ import annotations

import sys
import time
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

app = typer.Typer(
    name="derive",
    help="Check mathematical derivations step by step: prove true steps for every size, "
         "refute false ones with a small counterexample.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

EXIT_OK, EXIT_DIFFERS, EXIT_USAGE = 0, 1, 2


class OutputFormat(str, Enum):
    text = "text"
    json = "json"


def _fail(message: str, code: int = EXIT_USAGE) -> "typer.Exit":
    typer.echo(f"derive: error: {message}", err=True)
    return typer.Exit(code)


def _positive(value: float | int | None, name: str):
    if value is not None and not value > 0:  # also refuses NaN
        raise typer.BadParameter(f"must be positive, got {value}", param_hint=name)
    return value


def _seconds(value: float) -> float:
    from .runner import MAX_TIMEOUT

    if not 0 < value <= MAX_TIMEOUT:  # also refuses NaN and infinity
        raise typer.BadParameter(f"must be a number of seconds above 0 and at most {MAX_TIMEOUT:g}, got {value}",
                                 param_hint="--timeout")
    return value


def _megabytes(value: int | None) -> int | None:
    if value is not None and value < 64:
        raise typer.BadParameter(f"must be at least 64 (MB), got {value}", param_hint="--memory")
    return value


def _targets(values: list[str] | None) -> list[str] | None:
    for v in values or []:
        if not v.strip():
            raise typer.BadParameter("an empty argument names nothing; give a claim ID, a file or a folder",
                                     param_hint="CLAIM_ID|PATH")
    return values


# Options shared by the commands that verify.
JOBS = typer.Option(None, "--jobs", "-j", help="Worker processes that read a folder's documents and run the "
                    "checks (default: the number of CPUs; fewer when the open-file limit or the number of checks "
                    "calls for fewer).",
                    callback=lambda v: _positive(v, "--jobs"))
TIMEOUT = typer.Option(30.0, "--timeout", "-t", help="Time limit per check, in seconds (at most one day).",
                       callback=_seconds)
MEMORY = typer.Option(None, "--memory", help="Memory limit per worker process, in MB (default 2048).",
                      callback=_megabytes)
NOTATION = typer.Option(None, "--notation", help="TOML file saying what the symbols in Markdown/LaTeX input mean.")


@app.command()
def check(
    targets: list[str] = typer.Argument(None, metavar="[CLAIM_ID|PATH]...", callback=_targets,
                                        help="Catalog IDs (a topic, derivation, step or check ID; see `derive list`) "
                                             "or files/folders with your own derivations (.py, .md, .tex). "
                                             "Default: the whole built-in catalog."),
    format: OutputFormat = typer.Option(OutputFormat.text, "--format", "-f", help="text for people, json for programs."),
    jobs: Optional[int] = JOBS,
    timeout: float = TIMEOUT,
    memory: Optional[int] = MEMORY,
    notation: Optional[Path] = NOTATION,
) -> None:
    """Verify every step of the derivations and say how strong each verdict is.

    Exit code 0 when every verdict is the one the catalog expects, 1 when any differs, 2 on a usage error.
    """
    from rich.console import Console

    from .errors import DeriveError
    from .targets import resolve

    try:
        selection = resolve(targets or [], notation, timeout, jobs)
    except DeriveError as exc:
        raise _fail(str(exc))
    out = Console(highlight=False, soft_wrap=True)
    start = time.perf_counter()
    results = _run_with_progress(selection.checks, timeout, jobs, memory)
    seconds = time.perf_counter() - start
    if format is OutputFormat.json:
        from .results import results_document

        typer.echo(results_document(results, seconds))
    else:
        from .terminal import render_results, render_summary

        render_results(out, selection.derivations, results, selection.catalog)
        render_summary(out, results, seconds, selection.catalog)
    raise typer.Exit(EXIT_OK if all(r.matches for r in results) else EXIT_DIFFERS)


def _run_with_progress(checks, timeout: float, jobs: int | None, memory: int | None = None):
    """Run the checks, with a progress bar on the terminal (stderr) while they run."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from .runner import MEMORY_LIMIT_MB, default_jobs, run_checks
    from .verify import Settings

    err = Console(stderr=True, highlight=False)
    # No auto-refresh thread: the runner forks worker processes while the bar is live.
    progress = Progress(TextColumn("{task.description:<28}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                        console=err, transient=True, auto_refresh=False,
                        disable=not err.is_terminal or not checks)
    with progress:
        task = progress.add_task("checking", total=len(checks))
        return run_checks(checks, Settings(timeout=timeout), jobs or default_jobs(),
                          on_result=lambda r: progress.update(task, advance=1, description=r.derivation,
                                                              refresh=True),
                          memory_mb=memory or MEMORY_LIMIT_MB)


@app.command("list")
def list_(
    targets: list[str] = typer.Argument(None, metavar="[CLAIM_ID|PATH]...", help="Restrict the listing.",
                                        callback=_targets),
    notation: Optional[Path] = NOTATION,
) -> None:
    """List the steps of the catalog (or of your files) with their IDs and expected verdicts."""
    from rich.console import Console

    from .errors import DeriveError
    from .targets import resolve
    from .terminal import render_catalog

    try:
        selection = resolve(targets or [], notation)
    except DeriveError as exc:
        raise _fail(str(exc))
    render_catalog(Console(highlight=False), selection.derivations)


class ReportFormat(str, Enum):
    md = "md"
    tex = "tex"
    html = "html"
    pdf = "pdf"
    all = "all"


@app.command()
def report(
    targets: list[str] = typer.Argument(None, metavar="[CLAIM_ID|PATH]...", callback=_targets,
                                        help="Catalog IDs or files/folders with your own derivations "
                                             "(default: the whole built-in catalog)."),
    format: ReportFormat = typer.Option(ReportFormat.all, "--format", "-f",
                                        help="md, tex, html, pdf, or all: md, tex and html, and pdf when a LaTeX engine is on PATH."),
    out: str = typer.Option("reports", "--out", "-o", help="Folder the reports are written to."),
    jobs: Optional[int] = JOBS,
    timeout: float = TIMEOUT,
    memory: Optional[int] = MEMORY,
    notation: Optional[Path] = NOTATION,
) -> None:
    """Verify the derivations and write reports: derivations.md, .tex, .html, .pdf and results.json.

    Exit code 0 when the reports are written, 1 when writing or typesetting fails, 2 on a usage error.
    """
    from .errors import DeriveError, OutputError
    from .files import check_output_folder
    from .report import FORMATS, load_kernel_specs, write_reports
    from .targets import looks_like_path, resolve

    try:
        out = check_output_folder(out)
    except OutputError as exc:
        raise _fail(str(exc), EXIT_DIFFERS)
    try:
        selection = resolve(targets or [], notation, timeout, jobs)
    except DeriveError as exc:
        raise _fail(str(exc))
    results = _run_with_progress(selection.checks, timeout, jobs, memory)
    formats = FORMATS if format is ReportFormat.all else (format.value,)
    # The kernels section belongs to the built-in catalog, not to a report on the user's own files.
    kernels = () if any(looks_like_path(t) for t in targets or []) else load_kernel_specs()
    try:
        written = write_reports(selection.derivations, results, out, formats, kernels=kernels,
                                require_pdf=format is ReportFormat.pdf)
    except DeriveError as exc:
        raise _fail(str(exc), EXIT_DIFFERS)
    for path in written.paths:
        typer.echo(f"wrote {path}")
    for why in written.skipped:
        typer.echo(f"derive: {why}", err=True)


@app.command()
def emit(
    targets: list[str] = typer.Argument(None, metavar="[PATH]...",
                                        help="Files or folders with your derivations (.py, .md, .tex). "
                                             "Default: the built-in kernels, from the catalog's claims."),
    out: Optional[str] = typer.Option(None, "--out", "-o", help="Where to write the module (default for the "
                                       "built-in kernels: derive/kernels/_generated.py inside the package; "
                                       "for PATHs: standard output)."),
    kernel: list[str] = typer.Option(None, "--kernel", "-k", metavar="LABEL[=NAME]",
                                     help="Emit this step (by its label, as in 2 or line-7), named NAME; "
                                          "repeatable. Default: every step whose left side is a derivative "
                                          "or a defined name."),
    backend: str = typer.Option("numpy", "--backend", "-b", help="numpy (the module imports numpy only), "
                                "torch or jax (their arrays in and out, for comparing with their autodiff)."),
    check_only: bool = typer.Option(False, "--check", help="Write nothing; exit 1 if the module is out of date."),
    verify_kernels: bool = typer.Option(False, "--verify", help="Evaluate each emitted function at random points "
                                        "against its formula at high precision (and a derivative against a "
                                        "central difference of its left side); exit 1 on any disagreement."),
    jobs: Optional[int] = JOBS,
    timeout: float = TIMEOUT,
    notation: Optional[Path] = NOTATION,
) -> None:
    """Print proved formulas as NumPy functions: your derivations' steps, or the built-in kernels (derive.kernels).

    Exit code 0 when the module is written (or up to date), 1 when a formula asked for is not proved for
    every size, when --verify finds a disagreement, or (with --check) when the module differs; 2 on a
    usage error.
    """
    from .errors import DeriveError, EmitRefused
    from .targets import looks_like_path, resolve

    from .errors import OutputError
    from .files import check_output_file

    try:
        out = check_output_file(out) if out is not None and not check_only else out
    except OutputError as exc:
        raise _fail(str(exc), EXIT_DIFFERS)
    targets = targets or []
    if not targets:
        if kernel or verify_kernels or backend != "numpy":
            raise _fail("--kernel, --backend and --verify apply to the steps of your files: give a PATH")
        _emit_builtin(out, check_only, jobs)
        return
    if not all(looks_like_path(t) for t in targets):
        raise _fail(f"not a file or folder: {next(t for t in targets if not looks_like_path(t))!r}")
    if check_only and out is None:
        raise _fail("--check needs --out FILE, the module to compare with")
    from .emit import KernelRequest
    from .emit.backends import BACKENDS

    if backend not in BACKENDS:
        raise _fail(f"--backend {backend!r}: use one of {', '.join(BACKENDS)}")
    from .emit.user import requests_in

    try:
        requests = [KernelRequest.parse(k) for k in kernel or ()] or list(requests_in(notation))
    except EmitRefused as exc:
        raise _fail(str(exc))
    try:
        selection = resolve(targets, notation)
    except DeriveError as exc:
        raise _fail(str(exc))
    results = _run_with_progress(selection.checks, timeout, jobs)
    from .emit import render_module, select_kernels, write_module

    try:
        chosen = select_kernels(selection.derivations, results, requests)
        text = render_module(chosen, backend)
    except EmitRefused as exc:
        raise _fail(str(exc), EXIT_DIFFERS)
    if verify_kernels:
        from .emit.backends import enable_float64
        from .emit.evaluate import evaluate_kernels, load_module

        enable_float64(backend)
        evaluations = evaluate_kernels(chosen, load_module(text))
        for e in evaluations:
            typer.echo(("verified " if e.ok else "") + e.describe(), err=True)
        if not all(e.ok for e in evaluations):
            raise _fail("an emitted function disagrees with its formula; nothing written", EXIT_DIFFERS)
    if out is None:
        typer.echo(text, nl=False)
        return
    try:
        done = write_module(text, out, check=check_only)
    except DeriveError as exc:
        raise _fail(str(exc), EXIT_DIFFERS)
    if check_only and done.changed:
        raise _fail(f"{done.path} is out of date: run `derive emit` with --out {done.path}", EXIT_DIFFERS)
    names = ", ".join(k.name for k in chosen)
    typer.echo(f"{'checked' if check_only else 'wrote' if done.changed else 'up to date:'} {done.path} ({names})")


def _emit_builtin(out: Optional[Path], check_only: bool, jobs: Optional[int]) -> None:
    """The built-in kernels: verify the claims they use, then write (or compare) derive/kernels/_generated.py."""
    from .catalog import checks as catalog_checks
    from .emit import EmitRefused, claims_used, emit_kernels

    wanted = set(claims_used())
    results = _run_with_progress([c for c in catalog_checks() if c.id in wanted], 60.0, jobs)
    try:
        done = emit_kernels(results, out, check=check_only)
    except EmitRefused as exc:
        raise _fail(str(exc), EXIT_DIFFERS)
    if check_only and done.changed:
        raise _fail(f"{done.path} is out of date: run `derive emit`", EXIT_DIFFERS)
    typer.echo(f"{'checked' if check_only else 'wrote' if done.changed else 'up to date:'} {done.path} "
               f"({len(done.verdicts)} claims proved)")


def main() -> None:
    from .errors import DeriveError

    try:
        app()
    except DeriveError as exc:  # anything a command did not map itself: still one line, never a traceback
        typer.echo(f"derive: error: {exc}", err=True)
        sys.exit(EXIT_DIFFERS)
    except KeyboardInterrupt:
        typer.echo("derive: interrupted", err=True)
        sys.exit(130)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
