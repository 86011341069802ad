"""Open a report in headless Chromium (Debian's `chromium`): the DOM it renders and a
screenshot. Used by test_browser.py and scripts/report_screenshots.py."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
]
TIMEOUT = 90


def find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if found := shutil.which(name):
            return found
    return None


def _run(page: Path, *args: str) -> subprocess.CompletedProcess[str]:
    exe = find_chromium()
    if exe is None:
        raise FileNotFoundError("chromium is not installed (apt-get install chromium)")
    with tempfile.TemporaryDirectory(prefix="chromium-") as profile:
        return subprocess.run(
            [exe, *FLAGS, f"--user-data-dir={profile}", *args, page.resolve().as_uri()],
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            check=True,
        )


def dump_dom(page: Path) -> str:
    """The page's DOM after rendering, serialised by the browser."""
    return _run(page, "--dump-dom").stdout


def screenshot(page: Path, png: Path, width: int = 1400, height: int = 3000) -> Path:
    png.parent.mkdir(parents=True, exist_ok=True)
    _run(page, f"--window-size={width},{height}", f"--screenshot={png.resolve()}")
    return png


def print_pdf(page: Path, pdf: Path) -> Path:
    """The page printed to PDF as a browser prints it (the page's own @page sizes)."""
    pdf.parent.mkdir(parents=True, exist_ok=True)
    _run(page, "--no-pdf-header-footer", f"--print-to-pdf={pdf.resolve()}")
    return pdf


PROBE = """<!DOCTYPE html><html><body>
<iframe id="f" src="{src}" width="{width}" height="900"></iframe>
<script>
document.getElementById("f").onload = function () {{
  const d = this.contentDocument;
  const over = [...d.querySelectorAll(".scroll, table")]
    .filter(e => e.scrollWidth > e.clientWidth + 1).map(e => e.className || e.tagName);
  document.body.setAttribute("data-page-width", d.documentElement.scrollWidth);
  document.body.setAttribute("data-overflow", over.join(","));
}};
</script></body></html>"""


def layout_at(page: Path, width: int) -> tuple[int, str]:
    """Render `page` in a frame `width` CSS pixels wide: the page's scroll width and the
    classes of the tables (or their scroll boxes) wider than their box. The report itself
    runs no script (its CSP forbids it); the probe is a separate page around it."""
    probe = page.parent / f".probe-{width}.html"
    probe.write_text(PROBE.format(src=page.name, width=width), encoding="utf-8")
    try:
        dom = _run(
            probe, "--allow-file-access-from-files", "--virtual-time-budget=5000", "--dump-dom"
        ).stdout
    finally:
        probe.unlink()
    import re

    found = re.search(r'data-page-width="(\d+)"', dom)
    over = re.search(r'data-overflow="([^"]*)"', dom)
    assert found is not None and over is not None, "the probe did not run"
    return int(found.group(1)), over.group(1)
