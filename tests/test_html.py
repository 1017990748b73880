"""The HTML report: self-contained (KaTeX and its fonts inside), and its mathematics renders in a real browser."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
from pathlib import Path

import pytest

from derive.html import katex_assets
from derive.model import checks_of
from derive.report import render_report

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# CI installs Debian's chromium (.ci/run): there the browser test must run, never be skipped.
needs_chromium = pytest.mark.skipif(CHROMIUM is None and not os.environ.get("CI"),
                                    reason="no chromium on PATH (CI installs it)")


@pytest.fixture(scope="module")
def examples_html():
    from derive.runner import run_checks
    from derive.read.sources import load_path
    from derive.verify import Settings

    derivations = load_path(EXAMPLES)
    results = run_checks([c for d in derivations for c in checks_of(d)], Settings(timeout=20.0), 1)
    return render_report(derivations, results, "html")


def test_the_page_carries_katex_and_its_fonts_and_fetches_nothing(examples_html):
    css, js = katex_assets()
    assert css in examples_html and js in examples_html
    assert "url(fonts/" not in examples_html and examples_html.count("data:font/woff2;base64,") >= 19
    for attribute in ("src", "href"):
        assert not re.search(rf'{attribute}="(https?:)?//', examples_html), attribute
    assert "url(http" not in examples_html and "@import" not in examples_html


def test_the_page_has_a_contents_list_and_a_section_per_file(examples_html):
    for source in ("cross_entropy.md", "sigmoid.md", "softmax_derivation.py"):
        assert f'<section class="document" id="doc-{source.replace("_", "-").replace(".", "-")}">' in examples_html
    assert '<nav class="toc">' in examples_html
    assert 'class="mark refuted"' in examples_html and 'class="mark proved"' in examples_html


def _page(tmp_path, text: str) -> str:
    """The HTML report of a Markdown document of this text."""
    from derive.runner import run_checks
    from derive.read.sources import load_path
    from derive.verify import Settings

    path = tmp_path / "x.md"
    path.write_text(text)
    derivations = load_path(path)
    results = run_checks([c for d in derivations for c in checks_of(d)], Settings(timeout=20.0), 1)
    return render_report(derivations, results, "html")


def test_a_users_text_is_escaped_in_html(tmp_path):
    page = _page(tmp_path, "# <script>alert(1)</script>\n\n$$ <b>x</b> = 1 $$\n")
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<b>x</b>" not in page


def test_a_heading_s_mathematics_is_shown_as_text_in_the_title_and_the_contents(tmp_path):
    page = _page(tmp_path, "# Gradients of $x_t^2$ and <i>$\\tanh$</i>\n\n$$ \\frac{d}{dx} x^2 = 2x $$\n")
    assert page.count("Gradients of x_t^2 and &lt;i&gt;tanh&lt;/i&gt;") == 2  # the heading and its entry in the contents
    assert "$x_t^2$" not in page and "<i>" not in page


def _browser(*args: str, profile: Path, timeout: float = 120) -> str:
    """Run headless Chromium on its own profile; past the time limit its whole process group is killed."""
    command = [CHROMIUM or "chromium", "--headless", "--no-sandbox", "--disable-gpu",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               "--no-first-run", f"--user-data-dir={profile}", "--virtual-time-budget=10000", *args]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL,
                            start_new_session=True, text=True)
    try:
        out, _ = proc.communicate(timeout=timeout)
    finally:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait()
    return out


@needs_chromium
def test_the_math_renders_in_a_real_browser(examples_html, tmp_path):
    assert CHROMIUM is not None, "chromium is not installed: .ci/run installs Debian's chromium package"
    page = tmp_path / "derivations.html"
    page.write_text(examples_html, encoding="utf-8")
    dom = _browser("--dump-dom", page.as_uri(), profile=tmp_path / "profile")
    math = re.findall(r'<(?:span|div) class="math[^"]*">(.*?)</(?:span|div)>', examples_html, re.S)
    assert len(math) > 20
    # Every math element was rendered by KaTeX, and none into an error node.
    assert dom.count('<span class="katex">') >= len(math)
    assert 'class="katex-error"' not in dom
    # No raw display delimiters are left in what a reader sees (scripts and the author's sources aside).
    visible = re.sub(r"<script.*?</script>|<pre.*?</pre>", "", dom, flags=re.S)
    assert "$$" not in visible and "\\frac" not in re.sub(r'<annotation.*?</annotation>', "", visible, flags=re.S)
    shot = tmp_path / "derivations.png"
    _browser("--hide-scrollbars", "--window-size=1100,2400", f"--screenshot={shot}", page.as_uri(),
             profile=tmp_path / "profile")
    assert shot.read_bytes().startswith(b"\x89PNG") and shot.stat().st_size > 20_000


@needs_chromium
def test_the_committed_catalog_page_renders_without_a_katex_error(tmp_path):
    assert CHROMIUM is not None, "chromium is not installed: .ci/run installs Debian's chromium package"
    page = Path(__file__).resolve().parent.parent / "reports" / "derivations.html"
    dom = _browser("--dump-dom", page.as_uri(), profile=tmp_path / "profile")
    math = page.read_text(encoding="utf-8").count('class="math')
    assert math > 100 and dom.count('<span class="katex">') >= math
    assert 'class="katex-error"' not in dom
