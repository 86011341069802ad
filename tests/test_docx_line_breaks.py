"""Answers typed with Shift+Enter (a manual line break, w:br) instead of new paragraphs:
the line after a manual break starts a line of its own, as Word shows it; it is not a
wrapped line to be joined to the one before. A heading broken by Shift+Enter still joins
into one title (headings wrap over lines).

Variants: tests/docx_zone_styles.py 'answer-line-breaks' (the plain paragraphs of each
answer joined into one paragraph with w:br between them) and 'heading-line-breaks'.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from docx_zone_styles import write_variant
from test_pdf_parity import contract

from planextract.pipeline import extract_file

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _breaks_in_cells(path: Path) -> int:
    from lxml import etree

    with zipfile.ZipFile(path) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    return sum(
        1
        for tc in root.iter(f"{W}tc")
        for br in tc.iter(f"{W}br")
        if br.get(f"{W}type") in (None, "textWrapping")
    )


@pytest.mark.parametrize("name", ["elzoh", "kemp"])
def test_line_breaks_in_answers_keep_the_lines(
    name: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    sample: Path = request.getfixturevalue(f"{name}_docx")
    variant = write_variant(sample, "answer-line-breaks", tmp_path)
    assert _breaks_in_cells(variant) > 0 and _breaks_in_cells(sample) == 0
    original = extract_file(sample, enrich=False).plan
    plan = extract_file(variant, enrich=False).plan
    assert contract(plan) == contract(original)


def test_elzoh_what_keeps_its_second_line(elzoh_docx: Path, tmp_path: Path) -> None:
    """samples/zuidoost-hageland…txt: 'netwerkpartners.' ends a line, 'In 2024 vonden er
    gesprekken plaats' starts the next (action 1.2-1, Wat?)."""
    plan = extract_file(
        write_variant(elzoh_docx, "answer-line-breaks", tmp_path), enrich=False
    ).plan
    action = next(a for a in plan.actions() if a.id == "1.2-1")
    assert "belangrijke netwerkpartners.\nIn 2024 vonden er gesprekken plaats" in action.what.text


@pytest.mark.parametrize("name", ["elzoh", "kemp"])
def test_a_heading_broken_by_shift_enter_is_one_title(
    name: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    sample: Path = request.getfixturevalue(f"{name}_docx")
    original = extract_file(sample, enrich=False).plan
    plan = extract_file(write_variant(sample, "heading-line-breaks", tmp_path), enrich=False).plan
    assert [(g.number, g.title) for g in plan.strategic_goals] == [
        (g.number, g.title) for g in original.strategic_goals
    ]
    assert contract(plan) == contract(original)
