"""Bounds on what one input file may cost, so one hostile file cannot hang the tool."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from planextract.errors import LimitExceeded, UnreadableInput


@dataclass(frozen=True, slots=True)
class Limits:
    max_bytes: int = 100 * 1024 * 1024  # bytes read from one file
    max_lines: int = 200_000  # lines in a text export
    max_pages: int = 500  # pages read from a PDF
    seconds: float = 120.0  # wall-clock budget per file
    ocr: bool = True  # read pages without a text layer with OCR (--no-ocr: report them)
    # Of `seconds`, at most this much for OCR (about 3-7 s per scanned page: a scanned
    # plan needs a larger --timeout than the default).
    ocr_seconds: float = 600.0


@contextmanager
def time_budget(seconds: float, file: str) -> Iterator[None]:
    """Raise LimitExceeded when the block runs longer than `seconds` (Unix, main thread).

    Elsewhere the block runs unbounded; batch workers are also bounded from outside.
    """
    usable = (
        seconds > 0
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return

    message = f"took longer than the time limit of {seconds:g} s"
    expired = False

    def _expired(signum: int, frame: object) -> None:
        nonlocal expired
        expired = True
        raise LimitExceeded(file, message)

    previous = signal.signal(signal.SIGALRM, _expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except LimitExceeded:
        raise
    except Exception as exc:
        # A library that catches the alarm's exception and raises its own (spaCy's config
        # parser says 'Invalid YAML') must not turn a timeout into a mystery.
        if expired:
            raise LimitExceeded(file, message) from exc
        raise
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def check_size(path: Path, name: str, limits: Limits) -> None:
    """Refuse a file larger than the byte limit before reading it (raises OSError too)."""
    size = path.stat().st_size
    if size > limits.max_bytes:
        raise LimitExceeded(name, f"file is {size} bytes, more than the limit {limits.max_bytes}")


def read_bounded(path: Path, limits: Limits) -> bytes:
    """The file's bytes, refused when larger than the limit; errors name the file."""
    name = path.name
    try:
        check_size(path, name, limits)
        return path.read_bytes()
    except OSError as exc:
        raise UnreadableInput(name, f"cannot read file ({exc.strerror or exc})") from exc
