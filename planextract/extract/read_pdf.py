"""Read a PDF plan into a Document with pdfplumber: the same lines the text reader makes,
plus page numbers, positions, font, size, bold/italic, colour, ruled tables as cells, and
per-page problems (no text layer). Everything after the Document is shared.

Untrusted input: the file size, the page count and the time are bounded (Limits); a
password, a damaged file or a non-PDF gives one error naming the file.
"""

from __future__ import annotations

import hashlib
import io
import time
from pathlib import Path

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

from planextract.errors import (
    EncryptedInput,
    LimitExceeded,
    NoTextLayer,
    PlanExtractError,
    UnreadableInput,
)
from planextract.extract.limits import Limits, read_bounded
from planextract.extract.ocr_hook import ocr_session, read_scanned, warn_once
from planextract.extract.pdf_checkboxes import checkbox_fields, place_checkboxes
from planextract.extract.pdf_page import PageContent, read_page
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


def _inner(exc: BaseException) -> BaseException:
    """pdfplumber wraps pdfminer's errors: the original one."""
    return exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else exc


def _reason(exc: BaseException) -> str:
    inner = _inner(exc)
    text = str(inner).strip() or type(inner).__name__
    return text.splitlines()[0][:120]


def _is_encryption_error(exc: BaseException) -> bool:
    return any(isinstance(e, PDFPasswordIncorrect | PDFEncryptionError) for e in (exc, _inner(exc)))


def _open_error(name: str, exc: BaseException) -> PlanExtractError:
    if _is_encryption_error(exc):
        return EncryptedInput(name, "encrypted PDF: it needs a password to be read")
    return UnreadableInput(name, f"damaged or truncated PDF ({_reason(exc)})")


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


def read_pdf(path: Path, profile: Profile, limits: Limits) -> Document:
    name = path.name
    data = read_bounded(path, limits)
    deadline = time.monotonic() + limits.seconds
    rules = load_pdf_rules()
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        pages = pdf.pages
    except PlanExtractError:
        raise
    except Exception as exc:  # untrusted bytes: any parser error is a damaged file
        raise _open_error(name, exc) from exc
    with pdf, ocr_session(data, limits) as ocr:
        if not pages:
            raise UnreadableInput(name, "PDF without pages")
        if len(pages) > limits.max_pages:
            raise LimitExceeded(name, f"{len(pages)} pages, more than the limit {limits.max_pages}")
        lines: list[Line] = []
        tables: list[Table] = []
        issues: list[PageIssue] = []
        for number, page in enumerate(pages, start=1):
            if time.monotonic() > deadline:
                raise LimitExceeded(
                    name,
                    f"took longer than the time limit of {limits.seconds:g} s "
                    f"(stopped at page {number} of {len(pages)})",
                )
            try:
                content = read_page(page, number, rules)
                fields = checkbox_fields(page)
            except PlanExtractError:
                raise
            except Exception as exc:
                raise UnreadableInput(
                    name, f"damaged PDF: page {number} cannot be read ({_reason(exc)})"
                ) from exc
            finally:
                page.close()  # drop pdfplumber's per-page caches
            for box in place_checkboxes(content.lines, fields, rules):
                issues.append(
                    PageIssue(number, UNPLACED_CHECKBOX, f"selectievakje ‘{box.name}’ zonder label")
                )
            issue = _page_issue(content, number, rules)
            if issue is not None and ocr is not None:
                # A scanned page: read it with OCR instead (extract/ocr_page.py).
                scanned = read_scanned(
                    ocr, name, number, len(pages), rules, limits, deadline, issue
                )
                if scanned is not None:
                    content, issue = scanned.content, None
                    issues.extend(scanned.issues)
            if issue is not None:
                issues.append(issue)
            _append_page(lines, tables, content)
    no_text = {i.page for i in issues if i.code == NO_TEXT_LAYER}
    if not any(line.text for line in lines) or len(no_text) == len(pages):
        why = f"; OCR unavailable: {ocr.unavailable}" if ocr and ocr.unavailable else ""
        raise NoTextLayer(
            name,
            f"no text layer on any of its {len(pages)} pages (scanned or image-only PDF){why}",
        )
    if no_text and ocr is not None and ocr.unavailable:
        warn_once(f"{name}: OCR unavailable ({ocr.unavailable}); pages {_pages(no_text)} not read")
    return Document(
        file=name,
        sha256=hashlib.sha256(data).hexdigest(),
        format="pdf",
        lines=lines,
        page_count=len(pages),
        page_issues=issues,
        tables=tables,
        has_layout=True,
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
