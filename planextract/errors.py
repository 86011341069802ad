"""Errors that name the file and the reason, for one-line messages instead of tracebacks."""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def printable(text: str) -> str:
    """`text` safe for a terminal line: control characters (ESC, newline…) as \\xNN."""
    return _CONTROL.sub(
        lambda m: (
            f"\\x{ord(m.group()):02x}" if ord(m.group()) < 256 else f"\\u{ord(m.group()):04x}"
        ),
        text,
    )


# The code of a failure that is the installation's, not the input's: a library planextract
# needs cannot be imported. A batch does not remember it, so the next run tries again.
SETUP = "setup"


def installation_problem(exc: ImportError) -> str:
    """One line for a library that cannot be loaded (never the document's fault)."""
    first = (str(exc).strip() or type(exc).__name__).splitlines()[0][:200]
    return f"a library planextract needs cannot be loaded ({first}); reinstall planextract"


class PlanExtractError(Exception):
    """A plan could not be processed. ``code`` is stable, ``reason`` is for humans."""

    code = "error"

    def __init__(self, file: str, reason: str) -> None:
        super().__init__(f"{file}: {reason}")
        self.file = file
        self.reason = reason

    def one_line(self) -> str:
        return printable(f"{self.file}: {self.reason}")


class UnreadableInput(PlanExtractError):
    """Missing, empty, binary, corrupt or undecodable input."""

    code = "unreadable"


class EncryptedInput(PlanExtractError):
    code = "encrypted"


class NoTextLayer(PlanExtractError):
    """A scanned or image-only document: there is no text to extract."""

    code = "no-text"


class NotAPlan(PlanExtractError):
    """Readable text, but nothing of the action-plan template was found."""

    code = "not-a-plan"


class LimitExceeded(PlanExtractError):
    """The input is larger or slower than the configured limits allow."""

    code = "limit"


class OutOfMemory(PlanExtractError):
    """The input needs more memory than the budget allows (a bomb, a huge stream)."""

    code = "memory"
