"""The PDFium reader makes its Words at once from the grouped characters (make_words with
word_maker); checked here against the two-step way (group_words, then make_word for each
word) on the samples and the PDF fixtures, value for value."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from conftest import ELZOH_PDF, KEMP_PDF, PDF_VARIANTS

from planextract.extract.pdf_page import make_word
from planextract.extract.pdf_words import group_words
from planextract.extract.pdfium_page import page_chars, page_data
from planextract.rules.pdf import load_pdf_rules

PDFS = [KEMP_PDF, ELZOH_PDF, *sorted(PDF_VARIANTS.glob("*.pdf"))]
RULES = load_pdf_rules()


@pytest.mark.parametrize("path", PDFS, ids=lambda p: Path(p).name)
def test_words_made_at_once_are_the_two_step_words(path: Path) -> None:
    pdf = pdfium.PdfDocument(path)
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            top = page.get_mediabox()[3]
            textpage = pdfium_c.FPDFText_LoadPage(page.raw)
            try:
                chars = page_chars(textpage, top)
            finally:
                pdfium_c.FPDFText_ClosePage(textpage)
            grouped = group_words(chars, RULES.word_x_tolerance, RULES.word_y_tolerance)
            expected = [
                make_word(w.text, w.x0, w.x1, w.top, w.bottom, *w.style, RULES)  # type: ignore[misc]
                for w in grouped
            ]
            words = page_data(page, RULES).words
            assert repr(words) == repr(expected), f"page {index + 1}"
            page.close()
    finally:
        pdf.close()


def test_the_sample_words_hold_the_plan() -> None:
    pdf = pdfium.PdfDocument(KEMP_PDF)
    try:
        texts = [w.text for k in range(len(pdf)) for w in page_data(pdf[k], RULES).words]
    finally:
        pdf.close()
    assert "Strategische" in texts and "doelstelling" in texts
    assert "Januari" in texts
