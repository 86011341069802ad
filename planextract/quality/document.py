"""Checks on the document as a whole: text that fits nowhere, pages that could not be read."""

from __future__ import annotations

from collections.abc import Iterable

from planextract.extract.ocr_issues import OCR_CHECKBOX_UNSURE, OCR_LOW_CONFIDENCE, OCR_PAGE
from planextract.models.document import NO_TEXT_LAYER
from planextract.models.plan import Finding
from planextract.quality.registry import Context, check, finding, quote


@check
def unassigned_text(ctx: Context) -> Iterable[Finding]:
    for chunk in ctx.plan.unassigned:
        yield finding(
            code="text.unassigned",
            message=f"Tekst die nergens in het sjabloon past: {quote(chunk.text)}.",
            pages=chunk.pages,
        )


@check
def unknown_labels(ctx: Context) -> Iterable[Finding]:
    for label in ctx.plan.unknown_labels:
        yield finding(
            code="template.unknown_label",
            message=(
                f"{quote(label.text)} lijkt een label van het formulier, maar het sjabloon kent "
                "het niet; de tekst eronder staat bij het vorige onderdeel."
            ),
            action_id=label.action_id,
            field=label.field,
            pages=label.pages,
        )


@check
def uncertain_pages(ctx: Context) -> Iterable[Finding]:
    n = ctx.plan.extraction.pages_uncertain_lines
    if n:
        yield finding(
            code="pages.uncertain",
            message=(
                f"Voor {n} regels is het paginanummer niet met zekerheid te bepalen; "
                "die pagina's ontbreken bij de betrokken onderdelen."
            ),
        )


# Pages read with OCR: what the reader says about them, as (code, message start).
OCR_FINDINGS = {
    OCR_PAGE: ("pages.ocr", "Pagina {page} heeft geen tekstlaag en is {detail}."),
    OCR_LOW_CONFIDENCE: (
        "text.low_confidence",
        "Op pagina {page} is tekst met OCR onzeker gelezen: {detail}. Controleer die pagina.",
    ),
    OCR_CHECKBOX_UNSURE: ("pages.ocr_checkbox_unsure", "Op pagina {page}: {detail}."),
}


@check
def pages_without_text(ctx: Context) -> Iterable[Finding]:
    for issue in ctx.plan.extraction.page_issues:
        if issue.code in OCR_FINDINGS:
            code, message = OCR_FINDINGS[issue.code]
            yield finding(
                code=code,
                message=message.format(page=issue.page, detail=issue.detail),
                pages=[issue.page],
            )
        elif issue.code == NO_TEXT_LAYER:
            yield finding(
                code="pages.no_text",
                message=(
                    f"Pagina {issue.page} heeft geen tekstlaag ({issue.detail}): het is een "
                    "scan of een afbeelding en wat erop staat, is niet gelezen."
                ),
                pages=[issue.page],
            )
        else:
            yield finding(
                code="pages.reader_issue",
                message=(
                    f"Pagina {issue.page} is niet volledig gelezen ({issue.code}): {issue.detail}."
                ),
                pages=[issue.page],
            )


@check
def source_notes(ctx: Context) -> Iterable[Finding]:
    """What the reader did with the file (DOCX: approximate pages, tracked changes taken
    as accepted, comments not read), so the reader of the report knows it too."""
    for note in ctx.plan.source.notes:
        yield finding(code="source.note", message=f"{note.detail[:1].upper()}{note.detail[1:]}.")
