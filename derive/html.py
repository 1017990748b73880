"""The assets of the HTML report: KaTeX's script and style sheet with its fonts, read from the copy
shipped inside the package (derive/vendor/katex, MIT licence) so that a report opens offline."""

from __future__ import annotations

import base64
import re
from functools import lru_cache
from importlib import resources

__all__ = ["katex_assets"]

# An @font-face source list of the KaTeX style sheet: woff2, woff and ttf files beside it.
_FONT_SOURCES = re.compile(r'url\(fonts/(KaTeX_[A-Za-z0-9_-]+)\.woff2\) format\("woff2"\)(?:,url\(fonts/[^)]+\) format\("[a-z]+"\))*')


@lru_cache(maxsize=1)
def katex_assets() -> tuple[str, str]:
    """KaTeX's style sheet, its fonts inlined as data URIs (woff2 only), and its script."""
    folder = resources.files("derive") / "vendor" / "katex"
    css = (folder / "katex.min.css").read_text(encoding="utf-8")
    js = (folder / "katex.min.js").read_text(encoding="utf-8")

    def inline(match: re.Match) -> str:
        data = (folder / "fonts" / f"{match.group(1)}.woff2").read_bytes()
        return f'url(data:font/woff2;base64,{base64.b64encode(data).decode("ascii")}) format("woff2")'

    css = _FONT_SOURCES.sub(inline, css)
    if "url(fonts/" in css or "</" in css or "</script" in js.lower():
        raise RuntimeError("the vendored KaTeX files are not the expected ones")
    return css, js
