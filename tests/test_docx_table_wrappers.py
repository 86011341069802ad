"""Rows wrapped at table level: a repeating-section content control (w15:repeatingSection,
each row a repeatingSectionItem: the form rows a zone can add to) and custom XML around
rows. Every row is read, as if unwrapped: the forms' fields and the Tijdslijn's months.

Variant: tests/docx_zone_styles.py 'repeating-sections' (form rows in repeating-section
controls, the Tijdslijn rows in w:customXml).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from docx_zone_styles import write_variant
from test_pdf_parity import contract

from planextract.pipeline import extract_file

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
W15 = "{http://schemas.microsoft.com/office/word/2012/wordml}"


def _wrapped_rows(path: Path) -> tuple[int, int]:
    """(rows in repeating-section items, rows in custom XML) of the Word file."""
    from lxml import etree

    with zipfile.ZipFile(path) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    items = sum(
        1
        for sdt in root.iter(f"{W}sdt")
        if sdt.find(f"{W}sdtPr/{W15}repeatingSectionItem") is not None
        and sdt.find(f"{W}sdtContent/{W}tr") is not None
    )
    custom = sum(1 for el in root.iter(f"{W}customXml") if el.find(f"{W}tr") is not None)
    return items, custom


@pytest.mark.parametrize("name", ["elzoh", "kemp"])
def test_rows_in_repeating_sections_are_read(
    name: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    sample: Path = request.getfixturevalue(f"{name}_docx")
    variant = write_variant(sample, "repeating-sections", tmp_path)
    items, custom = _wrapped_rows(variant)
    assert items > 0 and (custom > 0) == (name == "kemp")  # only Kemp en Duin has a Tijdslijn table
    original = extract_file(sample, enrich=False).plan
    plan = extract_file(variant, enrich=False).plan
    assert [a.title for a in plan.actions()] == [a.title for a in original.actions()]
    assert contract(plan) == contract(original)
    assert [a.pages for a in plan.actions()] == [a.pages for a in original.actions()]


def test_the_timeline_months_in_custom_xml(kemp_docx: Path, tmp_path: Path) -> None:
    variant = write_variant(kemp_docx, "repeating-sections", tmp_path)
    plan = extract_file(variant, enrich=False).plan
    assert plan.timeline is not None
    months = [[r.label for r in t.rows] for t in plan.timeline.tables]
    assert months and all(m[0] == "Januari" and m[-1] == "December" for m in months)
    original = extract_file(kemp_docx, enrich=False).plan
    assert plan.timeline == original.timeline
