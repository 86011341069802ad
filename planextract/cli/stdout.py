"""Standard output that cannot be written: a full disk (`> /dev/full`) or a reader that is
gone (`| head`) ends the command with one line, never a traceback."""

from __future__ import annotations

import contextlib
import os
import sys
from typing import NoReturn

import click

EXIT_FAILED = 1


def _discard_stdout() -> None:
    """Point standard output at /dev/null, so the flush at exit finds nothing to fail on."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def write_stdout(text: str) -> None:
    """Write `text` to standard output and flush it. A closed pipe ends the command quietly
    (the reader wanted no more), any other failure with one line on stderr; both exit 1."""
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except OSError as exc:
        stdout_failed(exc)


def stdout_failed(exc: OSError) -> NoReturn:
    """End the command after standard output failed: quietly for a closed pipe, with one
    line on stderr otherwise (the file it names, else standard output); exit 1."""
    _discard_stdout()
    if not isinstance(exc, BrokenPipeError):
        where = exc.filename or "standard output"
        click.echo(f"error: cannot write to {where} ({exc.strerror or exc})", err=True)
    sys.exit(EXIT_FAILED)
