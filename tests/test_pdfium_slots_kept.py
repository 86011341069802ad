"""The PDFium reader keeps the output slots of its per-character calls from page to page
(zeroed before each page) and reads a page denser than _KEPT_SLOTS in pieces that fit
them: either way a page's characters are those read with fresh slots, whatever page came
before it (here the Kemp en Duin pages in reverse, with the bound lowered so that both
ways and the growing of the kept slots are taken)."""

from __future__ import annotations

import pytest
from conftest import KEMP_PDF, pdfium_pages

from planextract.extract import pdfium_page
from planextract.extract.pdfium_page import page_chars


def chars_of_pages(order: list[int]) -> dict[int, list[tuple[object, ...]]]:
    return {index: page_chars(tp, top) for index, _, tp, top in pdfium_pages(KEMP_PDF, order)}


def test_kept_slots_and_pieces_give_the_same_characters(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdfium_page._THREAD, "slots", None, raising=False)
    pages = list(range(38))
    expected = chars_of_pages(pages)
    sizes = [len(expected[k]) for k in pages]
    assert min(sizes) < 1200 < max(sizes)  # pages on both sides of the lowered bound
    monkeypatch.setattr(pdfium_page, "_KEPT_SLOTS", 1200)
    monkeypatch.setattr(pdfium_page._THREAD, "slots", None)
    found = chars_of_pages(pages[::-1])
    assert all(repr(found[k]) == repr(expected[k]) for k in pages)
    assert pdfium_page._THREAD.slots.size == 1200  # never more than the bound, kept
    text = "".join(str(c[0]) for k in pages for c in expected[k])
    assert "Strategische doelstelling" in text
