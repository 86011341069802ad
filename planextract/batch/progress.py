"""Progress of a batch on stderr: a bar on a terminal, one line per file otherwise."""

from __future__ import annotations

import shutil
import time
from typing import Any, TextIO

from planextract.errors import printable


def _clock(seconds: float) -> str:
    seconds = int(seconds)
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


def ocr_text(page: int, pages: int) -> str:
    return f"OCR pagina {page}/{pages}"


def failure_line(row: dict[str, Any]) -> str:
    return printable(f"{row['file']}: {row['error']}")


class Progress:
    """Silent (`--quiet`); the base of the two visible kinds."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.total = 0
        self.done = 0
        self.current = ""
        self.started_at = time.monotonic()

    def start(self, total: int) -> None:
        self.total = total
        self.started_at = time.monotonic()

    def started(self, source: str) -> None:
        self.current = printable(source)

    def finished(self, row: dict[str, Any]) -> None:
        self.done += 1

    def ocr_page(self, source: str, page: int, pages: int) -> None:
        """Page `page` of the `pages` of `source` is being read with OCR (seconds each)."""

    def close(self) -> None:
        pass

    def eta(self) -> str:
        if not self.done:
            return "--:--"
        elapsed = time.monotonic() - self.started_at
        return _clock(elapsed / self.done * (self.total - self.done))


class LineProgress(Progress):
    """One plain line per finished file, for logs."""

    def finished(self, row: dict[str, Any]) -> None:
        super().finished(row)
        width = len(str(self.total))
        head = f"[{self.done:>{width}}/{self.total}] {row['status']:<9}"
        if row["status"] == "failed":
            print(f"{head} {failure_line(row)}", file=self.stream, flush=True)
        else:
            print(f"{head} {printable(row['file'])}", file=self.stream, flush=True)

    def ocr_page(self, source: str, page: int, pages: int) -> None:
        width = len(str(self.total))
        head = f"[{self.done:>{width}}/{self.total}] {'ocr':<9}"
        print(f"{head} {printable(source)}: {ocr_text(page, pages)}", file=self.stream, flush=True)


class BarProgress(Progress):
    """A bar redrawn in place: count, share, ETA and the file being worked on; failures
    are printed above it as they happen."""

    def _draw(self) -> None:
        columns = shutil.get_terminal_size((80, 24)).columns
        share = self.done / self.total if self.total else 1.0
        bar = "#" * int(20 * share)
        head = f"{self.done}/{self.total} [{bar:<20}] {share:4.0%} ETA {self.eta()}  "
        room = max(columns - 1 - len(head), 10)
        current = self.current if len(self.current) <= room else "…" + self.current[1 - room :]
        self.stream.write("\r\x1b[K" + head + current)
        self.stream.flush()

    def start(self, total: int) -> None:
        super().start(total)
        self._draw()

    def started(self, source: str) -> None:
        super().started(source)
        self._draw()

    def finished(self, row: dict[str, Any]) -> None:
        super().finished(row)
        if row["status"] == "failed":
            self.stream.write(f"\r\x1b[Kfailed: {failure_line(row)}\n")
        self._draw()

    def ocr_page(self, source: str, page: int, pages: int) -> None:
        self.current = f"{printable(source)} ({ocr_text(page, pages)})"
        self._draw()

    def close(self) -> None:
        self.stream.write("\r\x1b[K")
        self.stream.flush()


def make_progress(stream: TextIO, quiet: bool) -> Progress:
    if quiet:
        return Progress(stream)
    return BarProgress(stream) if stream.isatty() else LineProgress(stream)
