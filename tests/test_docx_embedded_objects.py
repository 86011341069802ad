"""An embedded object (the Tijdslijn pasted from Excel as an OLE object, w:object) or an
ActiveX control keeps its content in a binary part of the package: it is not text, so it
is not read, but it is counted and said in the plan's notes and the quality report
instead of vanishing without a word.

Variant: tests/docx_zone_styles.py 'timeline-as-excel' (each Kemp en Duin Tijdslijn table
replaced by an embedded Excel sheet).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from docx_zone_styles import write_variant
from test_pdf_parity import contract

from planextract.pipeline import extract_file

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _timeline_tables(path: Path) -> int:
    from lxml import etree

    with zipfile.ZipFile(path) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    body = root.find(f"{W}body")
    return sum(1 for t in body.findall(f"{W}tbl") if len(t.findall(f"{W}tblGrid/{W}gridCol")) > 2)


def test_an_excel_timeline_is_noted_not_dropped(kemp_docx: Path, tmp_path: Path) -> None:
    tables = _timeline_tables(kemp_docx)
    assert tables >= 2
    variant = write_variant(kemp_docx, "timeline-as-excel", tmp_path)
    assert _timeline_tables(variant) == 0
    original = extract_file(kemp_docx, enrich=False).plan
    plan = extract_file(variant, enrich=False).plan
    notes = {n.code: n.detail for n in plan.source.notes}
    assert notes["embedded-objects"].startswith(f"{tables} ingesloten object(en)")
    assert "embedded-objects" not in {n.code for n in original.source.notes}
    assert any(
        f.code == "source.note" and f.message.startswith(f"{tables} ingesloten object")
        for f in plan.quality.findings
    )
    # the Tijdslijn section is there, without its table; goals and actions are untouched
    assert original.timeline is not None and plan.timeline is None
    assert plan.timeline_status.status == "image-only"
    assert plan.timeline_status.pages == original.timeline.tables[0].pages[:1]
    a, b = contract(plan), contract(original)
    for key in ("timeline", "timeline_status"):
        a.pop(key)
        b.pop(key)
    assert a == b
