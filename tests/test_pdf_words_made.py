"""The PDFium reader makes its Words at once from the grouped characters (make_words with
word_maker); checked here against the two-step way (group_words, then make_word for each
word) on the samples and the PDF fixtures, value for value."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ELZOH_PDF, KEMP_PDF, PDF_VARIANTS, pdfium_pages

from planextract.extract.pdf_page import make_word
from planextract.extract.pdf_words import group_words
from planextract.extract.pdfium_page import page_chars, page_data
from planextract.rules.pdf import load_pdf_rules

PDFS = [KEMP_PDF, ELZOH_PDF, *sorted(PDF_VARIANTS.glob("*.pdf"))]
RULES = load_pdf_rules()


@pytest.mark.parametrize("path", PDFS, ids=lambda p: Path(p).name)
def test_words_made_at_once_are_the_two_step_words(path: Path) -> None:
    for index, page, textpage, top in pdfium_pages(path):
        chars = page_chars(textpage, top)
        grouped = group_words(chars, RULES.word_x_tolerance, RULES.word_y_tolerance)
        expected = [
            make_word(w.text, w.x0, w.x1, w.top, w.bottom, *w.style, RULES)  # type: ignore[misc]
            for w in grouped
        ]
        words = page_data(page, RULES).words
        assert repr(words) == repr(expected), f"page {index + 1}"


def test_the_sample_words_hold_the_plan() -> None:
    texts = [
        w.text for _, page, _, _ in pdfium_pages(KEMP_PDF) for w in page_data(page, RULES).words
    ]
    assert "Strategische" in texts and "doelstelling" in texts
    assert "Januari" in texts
