"""Word's heading numbering ('1', '1.1', '1.1.1' linked to Heading 1-3, as many
coordinators switch it on) puts a number before every heading: '1 Instructies',
'2.1 Communicatie naar specifieke doelgroepen', '3 Tijdslijn'. The sections are still the
template's sections (with the number the document shows in their title), their text
stays theirs, and the goals and actions are those of the sample.

Variant: tests/docx_zone_styles.py 'outline-numbered-headings' (the Word file), and the
text export with the same numbers typed before its section names.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import KEMP_TXT
from docx_zone_styles import write_variant
from sample_rewrite import rewrite_sample
from test_pdf_parity import contract

from planextract.models.plan import Plan
from planextract.pipeline import extract_file

# The numbers Word gives the samples' Heading 1 / Heading 2 sections, in document order.
NUMBERED = {
    "elzoh": [
        "1 Inleiding",
        "1.1 Communicatie naar specifieke doelgroepen",
        "1.2 Functioneren als netwerkorganisatie",
        "2 Tijdslijn",
        "3 Acties 2025",
        "4 BIJLAGE I",
    ],
    "kemp": [
        "1 Instructies",
        "2 Algemeen",
        "2.1 Communicatie naar specifieke doelgroepen",
        "2.2 Functioneren als netwerkorganisatie",
        "3 Tijdslijn",
        "4 Acties 2025",
    ],
}


def _unnumbered(title: str) -> str:
    return re.sub(r"^\d+(?:\.\d+)* ", "", title)


@pytest.mark.parametrize("name", ["elzoh", "kemp"])
def test_numbered_headings_keep_their_sections(
    name: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    sample: Path = request.getfixturevalue(f"{name}_docx")
    original = extract_file(sample, enrich=False).plan
    plan = extract_file(
        write_variant(sample, "outline-numbered-headings", tmp_path), enrich=False
    ).plan
    assert [s.title for s in plan.sections] == NUMBERED[name]
    assert [_unnumbered(s.title) for s in plan.sections] == [s.title for s in original.sections]
    assert [(s.kind, s.level, s.text) for s in plan.sections] == [
        (s.kind, s.level, s.text) for s in original.sections
    ]
    assert plan.unassigned == []
    a, b = contract(plan), contract(original)
    for key in ("sections", "timeline_status"):  # the section's title is quoted there
        a.pop(key), b.pop(key)
    assert a == b
    assert [x.pages for x in plan.actions()] == [x.pages for x in original.actions()]


def _kemp_numbered_text(tmp_path: Path) -> Path:
    path = KEMP_TXT
    for old, new in (
        (" Instructies \n", " 1 Instructies \n"),
        (" Algemeen \n", " 2 Algemeen \n"),
        (
            "\nCommunicatie naar specifieke doelgroepen  \n",
            "\n2.1 Communicatie naar specifieke doelgroepen  \n",
        ),
        (" Tijdslijn \n", " 3 Tijdslijn \n"),
        (" Acties 2025 \n", " 4 Acties 2025 \n"),
    ):
        path = rewrite_sample(tmp_path, path, old, new, 1)
    return path


def test_numbered_section_names_in_a_text_export(tmp_path: Path, kemp_result) -> None:
    plan: Plan = extract_file(_kemp_numbered_text(tmp_path), enrich=False).plan
    original: Plan = kemp_result.plan
    titles = [s.title for s in plan.sections]
    assert titles[:3] == [
        "1 Instructies",
        "2 Algemeen",
        "2.1 Communicatie naar specifieke doelgroepen",
    ]
    assert "3 Tijdslijn" in titles and "4 Acties 2025" in titles
    assert [_unnumbered(t) for t in titles] == [s.title for s in original.sections]
    assert [s.text for s in plan.sections] == [s.text for s in original.sections]
    assert plan.unassigned == original.unassigned
    assert [a.title for a in plan.actions()] == [a.title for a in original.actions()]
