"""The PDF reader's hook for pages without a text layer: OCR them when asked and possible.

Kept apart from read_pdf so that the OCR modules (numpy, PIL, PDFium, Tesseract) load only
when a scanned page turns up, and the reader itself stays small.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from planextract.errors import LimitExceeded, PlanExtractError, UnreadableInput
from planextract.extract.limits import Limits
from planextract.models.document import PageIssue
from planextract.rules.pdf import PdfRules

if TYPE_CHECKING:
    from planextract.extract.ocr_page import OcrPage, OcrReader

_warned: set[str] = set()


def warn_once(message: str) -> None:
    """One line on stderr, once per process (a batch worker reads many files)."""
    key = message.split(": ", 1)[-1]
    if key not in _warned:
        _warned.add(key)
        print(f"warning: {message}", file=sys.stderr)


class OcrSession:
    """The OCR reader of one PDF, made on the first scanned page: a PDF with a text layer
    on every page never imports the OCR modules (numpy, PIL, pdfplumber: about 0.3 s)."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._reader: OcrReader | None = None

    @property
    def reader(self) -> OcrReader:
        if self._reader is None:
            from planextract.extract.ocr_page import OcrReader

            self._reader = OcrReader(self._data)
        return self._reader

    @property
    def unavailable(self) -> str | None:
        return self.reader.unavailable

    @property
    def seconds(self) -> list[float]:
        return self.reader.seconds

    def read(self, page_no: int, rules: PdfRules, seconds: float) -> OcrPage:
        return self.reader.read(page_no, rules, seconds)

    def close(self) -> None:
        if self._reader is not None:
            self._reader.close()


@contextmanager
def ocr_session(data: bytes, limits: Limits) -> Iterator[OcrSession | None]:
    """OCR for this PDF's scanned pages; None with --no-ocr (they stay reported)."""
    if not limits.ocr:
        yield None
        return
    session = OcrSession(data)
    try:
        yield session
    finally:
        session.close()


def read_scanned(
    ocr: OcrSession,
    name: str,
    number: int,
    total: int,
    rules: PdfRules,
    limits: Limits,
    deadline: float,
    issue: PageIssue,
) -> OcrPage | None:
    """The page read with OCR; None (and the reason in the issue) when OCR is unavailable
    or gave up on this page. The file's time limit, and its share for OCR
    (Limits.ocr_seconds), end the file."""
    if ocr.unavailable:
        issue.detail += f"; OCR niet beschikbaar ({ocr.unavailable})"
        return None

    def left() -> float:
        return min(limits.ocr_seconds - sum(ocr.seconds), deadline - time.monotonic())

    over = LimitExceeded(
        name,
        f"OCR took longer than its time limit of "
        f"{min(limits.ocr_seconds, limits.seconds):g} s (stopped at page {number} of {total})",
    )
    if left() <= 0:
        raise over
    try:
        return ocr.read(number, rules, left())
    except TimeoutError as exc:
        if left() <= 0.5:
            raise over from exc
        issue.detail += "; OCR gaf op (tijdslimiet per pagina)"
        return None
    except PlanExtractError:
        raise
    except Exception as exc:  # untrusted bytes: a page PDFium cannot render
        reason = (str(exc).strip() or type(exc).__name__).splitlines()[0][:120]
        raise UnreadableInput(name, f"page {number} cannot be read with OCR ({reason})") from exc
