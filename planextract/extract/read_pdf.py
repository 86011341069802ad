"""Read a PDF plan into a Document: the same lines the text reader makes, plus page
numbers, positions, font, size, bold/italic, colour, ruled tables as cells, and per-page
problems (no text layer). Everything after the Document is shared.

Two readers give the same Document: PDFium (pypdfium2, the default: about ten times
faster) and pdfplumber (`--reader pdfplumber`, kept to compare with). Each gives every
page as PageData (words, rulings, images) and its checkbox widgets; the layout rules
that make lines and tables of them (pdf_page) are shared.

Untrusted input: the file size, the page count and the time are bounded (Limits); a
password, a damaged file or a non-PDF gives one error naming the file.
"""

from __future__ import annotations

import hashlib
import logging
import time
from pathlib import Path
from typing import Protocol

from planextract.errors import (
    LimitExceeded,
    NoTextLayer,
    OutOfMemory,
    PlanExtractError,
    UnreadableInput,
)
from planextract.extract.limits import Limits, read_bounded
from planextract.extract.ocr_hook import (
    granted,
    ocr_session,
    read_scanned,
    time_limit,
    unread_note,
    warn_once,
)
from planextract.extract.pdf_checkboxes import CheckboxField, place_checkboxes
from planextract.extract.pdf_inflate import StreamTooLarge, bounded_inflation, check_streams
from planextract.extract.pdf_page import PageContent, PageData, read_page
from planextract.models.document import (
    NO_TEXT_LAYER,
    UNPLACED_CHECKBOX,
    Document,
    Line,
    PageIssue,
    Table,
    TableCell,
)
from planextract.rules.pdf import PdfRules, load_pdf_rules
from planextract.rules.profile import Profile

READERS = ("pdfium", "pdfplumber")
DEFAULT_READER = "pdfium"

# pdfminer logs warnings about damaged files; without a handler Python prints them on
# stderr next to the tool's own one-line error. The reader reports problems itself.
logging.getLogger("pdfminer").addHandler(logging.NullHandler())


class PdfSource(Protocol):
    """An open PDF, page by page; open errors are raised as PlanExtractError."""

    page_count: int

    def page(self, index: int, rules: PdfRules) -> tuple[PageData, list[CheckboxField]]: ...

    def close(self) -> None: ...


def reason(exc: BaseException) -> str:
    """The first line of an error, for a one-line message."""
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0][:120]


def _inner(exc: BaseException) -> BaseException:
    """pdfplumber wraps pdfminer's errors: the original one."""
    return exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else exc


def _bound_error(name: str, exc: BaseException) -> PlanExtractError | None:
    """A bound reached while reading, not damage: an inflated stream over its limit, or the
    memory budget."""
    inner = _inner(exc)
    if isinstance(inner, StreamTooLarge):
        return LimitExceeded(name, str(inner))
    if isinstance(inner, MemoryError):
        return OutOfMemory(name, "out of memory (the memory limit was reached)")
    return None


def _open(name: str, data: bytes, reader: str) -> PdfSource:
    if reader == "pdfium":
        from planextract.extract.pdfium_page import PdfiumSource

        return PdfiumSource(name, data)
    if reader == "pdfplumber":
        from planextract.extract.plumber_page import PlumberSource

        return PlumberSource(name, data)
    raise ValueError(f"unknown PDF reader {reader!r}")


def _page_issue(content: PageContent, page_no: int, rules: PdfRules) -> PageIssue | None:
    """Rule 'no text layer': a scanned page, or a page that is one picture."""
    pictured = content.image_coverage >= rules.image_coverage
    if (content.body_chars < rules.min_chars and pictured) or (
        not content.lines and content.image_coverage > 0
    ):
        detail = (
            f"afbeelding(en) over {content.image_coverage:.0%} van de pagina, "
            f"{content.body_chars} tekens tekst"
        )
        return PageIssue(page=page_no, code=NO_TEXT_LAYER, detail=detail)
    return None


def read_pdf(
    path: Path, profile: Profile, limits: Limits, reader: str = DEFAULT_READER
) -> Document:
    """Every Flate stream is checked before a reader inflates it (pdf_inflate.py), and
    pdfminer's own inflation is bounded too when pdfplumber reads."""
    if reader != "pdfplumber":
        return _read_pdf(path, limits, reader)
    with bounded_inflation(limits.max_stream_bytes):
        return _read_pdf(path, limits, reader)


def _read_pdf(path: Path, limits: Limits, reader: str) -> Document:
    if reader not in READERS:
        raise ValueError(f"unknown PDF reader {reader!r}")
    name = path.name
    data = read_bounded(path, limits)
    deadline = time.monotonic() + limits.seconds
    rules = load_pdf_rules()
    try:
        # PDFium inflates in C and aborts the process when memory runs out: a stream that
        # would pass the limit is refused before any reader sees it.
        check_streams(data, limits.max_stream_bytes)
        source = _open(name, data, reader)
    # Out of memory is the budget's, not the file's; a library that cannot be imported is
    # the installation's (errors.installation_problem): neither is a damaged PDF.
    except (PlanExtractError, MemoryError, ImportError):
        raise
    except Exception as exc:
        raise _bound_error(name, exc) or UnreadableInput(
            name, f"damaged or truncated PDF ({reason(_inner(exc))})"
        ) from exc
    try:
        with ocr_session(data, limits) as ocr:
            count = source.page_count
            if not count:
                raise UnreadableInput(name, "PDF without pages")
            if count > limits.max_pages:
                raise LimitExceeded(name, f"{count} pages, more than the limit {limits.max_pages}")
            lines: list[Line] = []
            tables: list[Table] = []
            issues: list[PageIssue] = []
            for number in range(1, count + 1):
                if time.monotonic() > deadline + granted(ocr):
                    raise LimitExceeded(
                        name,
                        f"took longer than the time limit of {time_limit(limits, ocr)} "
                        f"(stopped at page {number} of {count})",
                    )
                try:
                    page, fields = source.page(number - 1, rules)
                    content = read_page(page, number, rules)
                except (PlanExtractError, MemoryError, ImportError):
                    raise
                except Exception as exc:  # untrusted bytes: any parser error is a damaged page
                    bound = _bound_error(name, exc)
                    if bound is not None:
                        raise bound from exc
                    raise UnreadableInput(
                        name, f"damaged PDF: page {number} cannot be read ({reason(exc)})"
                    ) from exc
                for box in place_checkboxes(content.lines, fields, rules):
                    issues.append(
                        PageIssue(
                            number, UNPLACED_CHECKBOX, f"selectievakje ‘{box.name}’ zonder label"
                        )
                    )
                issue = _page_issue(content, number, rules)
                if issue is not None and ocr is not None:
                    # A scanned page: read it with OCR instead (extract/ocr_page.py).
                    scanned = read_scanned(ocr, name, number, count, rules, limits, deadline, issue)
                    if scanned is not None:
                        content, issue = scanned.content, None
                        issues.extend(scanned.issues)
                if issue is not None:
                    issues.append(issue)
                _append_page(lines, tables, content)
    finally:
        source.close()
    no_text = {i.page for i in issues if i.code == NO_TEXT_LAYER}
    if not any(line.text for line in lines) or len(no_text) == count:
        why = f"; OCR unavailable: {ocr.unavailable}" if ocr and ocr.unavailable else ""
        raise NoTextLayer(
            name,
            f"no text layer on any of its {count} pages (scanned or image-only PDF){why}",
        )
    if no_text and ocr is not None and ocr.unavailable:
        warn_once(f"{name}: OCR unavailable ({ocr.unavailable}); pages {_pages(no_text)} not read")
    return Document(
        file=name,
        sha256=hashlib.sha256(data).hexdigest(),
        format="pdf",
        lines=lines,
        page_count=count,
        page_issues=issues,
        tables=tables,
        has_layout=True,
        notes=unread_note(no_text, ocr),
    )


def _pages(numbers: set[int]) -> str:
    return ", ".join(str(n) for n in sorted(numbers))


def _append_page(lines: list[Line], tables: list[Table], content: PageContent) -> None:
    offset = len(lines)
    for k, line in enumerate(content.lines):
        line.no = offset + k + 1
        line.page_mark = k == 0
    lines.extend(content.lines)
    for table in content.tables:
        for row in table.rows:
            for cell in row:
                if isinstance(cell, TableCell):
                    cell.line_indices = [offset + i for i in cell.line_indices]
        tables.append(table)
