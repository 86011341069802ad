"""What PDFium (pypdfium2) prints on each page: an independent check of our PDF reader."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pypdfium2 as pdfium

_SPACE = re.compile(r"\s+")


@cache
def page_texts(path: Path) -> tuple[str, ...]:
    pdf = pdfium.PdfDocument(path)
    try:
        return tuple(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    finally:
        pdf.close()


def printed_on(path: Path, phrase: str) -> list[int]:
    """Pages (1-based) whose text contains the phrase, whitespace and line breaks aside."""
    key = _SPACE.sub("", phrase)
    return [n for n, text in enumerate(page_texts(path), start=1) if key in _SPACE.sub("", text)]


def phrase_box(path: Path, page: int, phrase: str) -> tuple[float, float, float, float]:
    """PDFium's box (x0, top, x1, bottom; points from the top-left) of a phrase printed on
    one line of a page."""
    pdf = pdfium.PdfDocument(path)
    try:
        pdf_page = pdf[page - 1]
        height = pdf_page.get_height()
        textpage = pdf_page.get_textpage()
        found = textpage.search(phrase).get_next()
        assert found is not None, phrase
        start, count = found
        boxes = [textpage.get_charbox(k) for k in range(start, start + count)]
        left, bottom, right, top = (
            min(b[0] for b in boxes),
            min(b[1] for b in boxes),
            max(b[2] for b in boxes),
            max(b[3] for b in boxes),
        )
        return left, height - top, right, height - bottom
    finally:
        pdf.close()
