"""Bounds on what one input file may cost, so one hostile file cannot hang the tool."""

from __future__ import annotations

import math
import resource
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from planextract.errors import LimitExceeded, OutOfMemory, UnreadableInput
from planextract.models.record import record

DEFAULT_MEMORY_MB = 2048  # address space per file: batch workers, extract and report


@record(frozen=True, slots=True)
class Limits:
    max_bytes: int = 100 * 1024 * 1024  # bytes read from one file
    max_lines: int = 200_000  # lines in a text export
    max_pages: int = 500  # pages read from a PDF
    max_stream_bytes: int = 256 * 1024 * 1024  # one PDF stream, inflated
    # The JSON of a plan may be this many times its input, plus a floor: the samples give
    # 1-6x; text made of repeated labels gave 177x (95 MB from 538 KB).
    max_output_ratio: int = 25
    min_output_bytes: int = 5 * 1024 * 1024
    # And never more than this: every command reads a result back (report, the batch's
    # skip check, export) after this size check, and parsing costs about 8x its size.
    max_output_bytes: int = 32 * 1024 * 1024
    seconds: float = 120.0  # wall-clock budget per file
    ocr: bool = True  # read pages without a text layer with OCR (--no-ocr: report them)
    # Each page read with OCR adds this to the file's time budget (OCR takes 4-5 s a page on
    # 2 shared cores), so a scanned plan needs no larger --timeout; the grants of one file
    # add up to at most `ocr_seconds`, which bounds a PDF of a thousand pictures.
    ocr_page_seconds: float = 20.0
    ocr_seconds: float = 1200.0


def check_seconds(seconds: float) -> float:
    """A time budget must be a positive finite number: 'nan' would disable every check."""
    if not (math.isfinite(seconds) and seconds > 0):
        raise ValueError(f"the time limit must be a positive number of seconds, not {seconds}")
    return seconds


def _address_space() -> int:
    """This process's current address space in bytes (0 where /proc is missing)."""
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[0]) * resource.getpagesize()
    except (OSError, ValueError, IndexError):
        return 0


def limit_memory(megabytes: int | None, relative: bool = False) -> tuple[int, int] | None:
    """Cap the address space (RLIMIT_AS) at `megabytes`, or at the current size plus
    `megabytes` when `relative`; returns the previous limits (None: nothing set)."""
    if not megabytes or not hasattr(resource, "RLIMIT_AS"):
        return None
    previous = resource.getrlimit(resource.RLIMIT_AS)
    limit = megabytes * 1024 * 1024 + (_address_space() if relative else 0)
    hard = previous[1]
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    if previous[0] != resource.RLIM_INFINITY:
        limit = min(limit, previous[0])
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    return previous


@contextmanager
def memory_budget(megabytes: int | None, file: str) -> Iterator[None]:
    """Run the block with at most `megabytes` more address space; running out raises
    OutOfMemory naming the file, and the limit is lifted again afterwards (so a command
    run inside a test or another program leaves it as it was)."""
    previous = limit_memory(megabytes, relative=True)
    try:
        yield
    except MemoryError as exc:
        raise OutOfMemory(file, f"out of memory (limit {megabytes} MB)") from exc
    finally:
        if previous is not None:
            resource.setrlimit(resource.RLIMIT_AS, previous)


# The running time budget's extension (time_budget below), while one runs.
_extend: list[Callable[[float], float]] = []


def extend_time_budget(seconds: float) -> float:
    """Give the file whose time budget is running `seconds` more (a page read with OCR
    earns Limits.ocr_page_seconds); returns the total added so far (0 without a budget)."""
    return _extend[-1](seconds) if _extend else 0.0


@contextmanager
def time_budget(seconds: float, file: str) -> Iterator[None]:
    """Raise LimitExceeded when the block runs longer than `seconds`, plus what
    extend_time_budget adds (Unix, main thread).

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

    expired = False
    added = 0.0

    def _message() -> str:
        extra = f" plus {added:g} s for its pages read with OCR" if added else ""
        return f"took longer than the time limit of {seconds:g} s{extra}"

    def _expired(signum: int, frame: object) -> None:
        nonlocal expired
        expired = True
        raise LimitExceeded(file, _message())

    def _more(extra: float) -> float:
        nonlocal added
        left = signal.getitimer(signal.ITIMER_REAL)[0]
        if extra > 0 and left > 0:
            added += extra
            signal.setitimer(signal.ITIMER_REAL, left + extra)
        return added

    previous = signal.signal(signal.SIGALRM, _expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    _extend.append(_more)
    try:
        yield
    except (LimitExceeded, MemoryError):
        raise
    except Exception as exc:
        # A library that catches the alarm's exception and raises its own (spaCy's config
        # parser says 'Invalid YAML') must not turn a timeout into a mystery.
        if expired:
            raise LimitExceeded(file, _message()) from exc
        raise
    finally:
        _extend.remove(_more)
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def check_output(json_text: str, input_bytes: int, name: str, limits: Limits) -> None:
    """Refuse a result out of proportion to its input (it would be held and written whole),
    or larger than any command reads back (both in bytes of UTF-8, as written)."""
    size = len(json_text) if json_text.isascii() else len(json_text.encode("utf-8"))
    allowed = limits.max_output_ratio * input_bytes + limits.min_output_bytes
    if size > allowed:
        raise LimitExceeded(
            name,
            f"the result would be {size // 1024} KB, more than "
            f"{limits.max_output_ratio} times the input plus {limits.min_output_bytes >> 20} MB",
        )
    if size > limits.max_output_bytes:
        raise LimitExceeded(
            name,
            f"the result would be {size // 1024} KB, more than the "
            f"{limits.max_output_bytes >> 20} MB a result may have",
        )


def check_size(path: Path, name: str, limits: Limits) -> None:
    """Refuse a file larger than the byte limit before reading it (raises OSError too)."""
    size = path.stat().st_size
    if size > limits.max_bytes:
        raise LimitExceeded(name, f"file is {size} bytes, more than the limit {limits.max_bytes}")


def read_bounded(path: Path, limits: Limits) -> bytes:
    """The file's bytes, refused when larger than the limit; errors name the file.

    Reads at most one byte more than the limit, so a device or a pipe that never ends
    (/dev/zero) is refused like a big file."""
    name = path.name
    try:
        check_size(path, name, limits)
        with path.open("rb") as fh:
            data = fh.read(limits.max_bytes + 1)
    except OSError as exc:
        raise UnreadableInput(name, f"cannot read file ({exc.strerror or exc})") from exc
    if len(data) > limits.max_bytes:
        raise LimitExceeded(name, f"more than the limit of {limits.max_bytes} bytes")
    return data
