"""The PDF reader's hook for pages without a text layer: OCR them when asked and possible.

Kept apart from read_pdf so that the OCR modules (numpy, PIL, PDFium, Tesseract) load only
when a scanned page turns up, and the reader itself stays small.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, TextIO

from planextract.errors import LimitExceeded, PlanExtractError, UnreadableInput, printable
from planextract.extract.limits import Limits, extend_time_budget
from planextract.extract.ocr_issues import OCR_OFF
from planextract.models.document import PageIssue, ReaderNote
from planextract.models.record import record
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
        self.granted = 0.0  # added to the file's time budget for its pages read with OCR

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


def unread_note(pages: set[int], ocr: OcrSession | None) -> list[ReaderNote]:
    """The plan says when pages without a text layer were left unread because OCR was not
    asked: a later batch run that asks for OCR redoes such a result (batch/resume.py)."""
    if not pages or ocr is not None:
        return []
    listed = ", ".join(str(n) for n in sorted(pages))
    detail = f"pagina's zonder tekstlaag niet met OCR gelezen (--no-ocr): {listed}"
    return [ReaderNote(OCR_OFF, detail)]


@record(frozen=True, slots=True)
class OcrNote:
    """A page about to be read with OCR, for a progress display ("OCR pagina 3/22"), and
    the seconds the file's time budget has grown by so far (a batch worker sends it to the
    supervisor, whose deadline for the file grows alike)."""

    page: int
    pages: int
    granted: float


_listeners: list[Callable[[OcrNote], None]] = []


@contextmanager
def ocr_listener(listener: Callable[[OcrNote], None] | None) -> Iterator[None]:
    """Tell `listener` of every page read with OCR in the block (None: nobody). A listener
    must not raise; it sees nothing that goes into the JSON."""
    if listener is None:
        yield
        return
    _listeners.append(listener)
    try:
        yield
    finally:
        _listeners.remove(listener)


@contextmanager
def ocr_on_terminal(name: str, stream: TextIO) -> Iterator[None]:
    """On a terminal, one line redrawn in place while pages of `name` are read with OCR
    (`extract`, `report`; a batch shows them in its own progress bar)."""
    if not stream.isatty():
        yield
        return
    shown = False

    def show(note: OcrNote) -> None:
        nonlocal shown
        shown = True
        stream.write(f"\r\x1b[K{printable(name)}: OCR pagina {note.page}/{note.pages}")
        stream.flush()

    try:
        with ocr_listener(show):
            yield
    finally:
        if shown:
            stream.write("\r\x1b[K")
            stream.flush()


def granted(ocr: OcrSession | None) -> float:
    """Seconds the file's time budget has grown by for its pages read with OCR."""
    return ocr.granted if ocr is not None else 0.0


def time_limit(limits: Limits, ocr: OcrSession | None) -> str:
    """The file's time limit as it stands, for a message."""
    extra = granted(ocr)
    return f"{limits.seconds:g} s" + (
        f" plus {extra:g} s for its pages read with OCR" if extra else ""
    )


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
    or gave up on this page. Each page read with OCR adds Limits.ocr_page_seconds to the
    file's time budget (`deadline`, and the running time_budget), all pages together at
    most Limits.ocr_seconds; past the budget the file ends."""
    if ocr.unavailable:
        issue.detail += f"; OCR niet beschikbaar ({ocr.unavailable})"
        return None
    grant = max(0.0, min(limits.ocr_page_seconds, limits.ocr_seconds - ocr.granted))
    ocr.granted += grant
    extend_time_budget(grant)
    note = OcrNote(number, total, ocr.granted)
    for listener in _listeners:
        listener(note)

    def left() -> float:
        return deadline + ocr.granted - time.monotonic()

    over = LimitExceeded(
        name,
        f"took longer than the time limit of {time_limit(limits, ocr)} "
        f"(OCR stopped at page {number} of {total})",
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
