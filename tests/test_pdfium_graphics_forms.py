"""The PDFium reader's rulings and images inside form XObjects (nested, moved by their
matrices): page objects are read by address, forms followed to their children."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest

from planextract.extract.pdfium_page import page_data
from planextract.rules.pdf import load_pdf_rules

reportlab = pytest.importorskip("reportlab")
from reportlab.pdfgen import canvas  # noqa: E402


def _pdf_with_forms(path: Path) -> Path:
    c = canvas.Canvas(str(path), pagesize=(600, 800))
    c.beginForm("inner")
    c.line(100, 700, 300, 700)  # horizontal, in the inner form
    c.endForm()
    c.beginForm("outer")
    c.line(50, 100, 50, 400)  # vertical, in the outer form
    c.doForm("inner")
    c.endForm()
    c.drawString(72, 72, "tekst")
    c.line(20, 30, 400, 30)  # on the page itself
    c.saveState()
    c.translate(10, -20)
    c.doForm("outer")
    c.restoreState()
    c.showPage()
    c.save()
    return path


def test_rulings_inside_nested_forms_are_found_where_they_are_drawn(tmp_path: Path) -> None:
    pdf = pdfium.PdfDocument(_pdf_with_forms(tmp_path / "forms.pdf"))
    try:
        data = page_data(pdf[0], load_pdf_rules())
    finally:
        pdf.close()
    assert sorted(data.h_edges) == [(120.0, 110.0, 310.0), (770.0, 20.0, 400.0)]
    assert data.v_edges == [(60.0, 420.0, 720.0)]
    assert [w.text for w in data.words] == ["tekst"]


def test_a_page_lists_only_the_objects_its_bound_lets_it_visit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A hostile page's millions of objects are not listed first and visited up to the
    bound after: the lists stop where the bound stops the visit."""
    from planextract.extract import pdfium_page

    monkeypatch.setattr(pdfium_page, "_MAX_OBJECTS", 1)
    listed: list[int] = []
    visit = pdfium_page._Graphics.visit

    def counting(self: pdfium_page._Graphics, objects: list[int | None], *args: object) -> None:
        listed.append(len(objects))
        visit(self, objects, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(pdfium_page._Graphics, "visit", counting)
    pdf = pdfium.PdfDocument(_pdf_with_forms(tmp_path / "forms.pdf"))
    try:
        assert pdfium.raw.FPDFPage_CountObjects(pdf[0].raw) == 3  # text, line, form
        data = page_data(pdf[0], load_pdf_rules())
    finally:
        pdf.close()
    assert listed == [2]  # the bound, and the one that stops the visit (not the form)
    assert [w.text for w in data.words] == ["tekst"]
