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
