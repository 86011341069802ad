"""Checkboxes inserted from Wingdings 2 (Word's Insert > Symbol boxes ☑ 'R', ☒ 'T', ☐ '£'),
as some coordinators tick the evaluation types: read as ☒/☐ like those from Wingdings.

The variants are the samples' Word files with every Wingdings and typed checkbox rewritten
as a w:sym of Wingdings 2 (tests/docx_zone_styles.py); the states must stay those of the
text export.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from conftest import ELZOH_TXT, KEMP_TXT
from docx_zone_styles import write_variant
from test_docx_parity import _states_in_plan, _states_in_text
from test_pdf_parity import contract

from planextract.models.plan import Plan
from planextract.pipeline import extract_file
from planextract.rules.pdf import CHECKED, UNCHECKED, load_pdf_rules, symbol_glyph

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _symbols(path: Path) -> list[tuple[str, str]]:
    from lxml import etree

    with zipfile.ZipFile(path) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    return [(s.get(f"{W}font"), s.get(f"{W}char")) for s in root.iter(f"{W}sym")]


@pytest.mark.parametrize(("name", "txt"), [("elzoh", ELZOH_TXT), ("kemp", KEMP_TXT)])
def test_wingdings2_boxes_keep_their_states(
    name: str, txt: Path, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    sample: Path = request.getfixturevalue(f"{name}_docx")
    variant = write_variant(sample, "wingdings2-boxes", tmp_path)
    symbols = set(_symbols(variant))
    ticked, empty = ("Wingdings 2", "F054"), ("Wingdings 2", "F0A3")
    assert ticked in symbols and symbols <= {ticked, empty}
    assert (empty in symbols) == (name == "kemp")  # ELZOH's symbol boxes are all ticked
    plan = extract_file(variant, enrich=False).plan
    expected = [checked for checked, _ in _states_in_text(txt)]
    assert _states_in_plan(plan) == expected
    assert True in expected and False in expected
    original: Plan = extract_file(sample, enrich=False).plan
    assert contract(plan) == contract(original)
    assert not [f for f in plan.quality.findings if f.code == "evaluation.checkbox_unreadable"]


def test_wingdings2_glyphs_in_pdf_font_names_too() -> None:
    """The rule is the PDF reader's too: 'ABCDEF+Wingdings2' is Wingdings 2, and
    Wingdings 2 is not Wingdings ('þ' is a ticked box only in Wingdings)."""
    rules = load_pdf_rules()
    assert symbol_glyph("ABCDEF+Wingdings2-Regular", "\uf054", rules) == CHECKED
    assert symbol_glyph("Wingdings 2", "\uf052", rules) == CHECKED
    assert symbol_glyph("Wingdings 2", "\uf0a3", rules) == UNCHECKED
    assert symbol_glyph("Wingdings 2", "\u00fe", rules) is None
    assert symbol_glyph("Wingdings", "\uf054", rules) is None
