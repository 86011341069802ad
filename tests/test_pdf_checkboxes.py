"""Checkboxes in PDFs: ☒/☐ glyphs, the same boxes from symbol fonts, AcroForm fields,
and a glyph nobody knows (reported, never guessed).

The variants are rendered from the real plans by scripts/make_sample_pdfs.py --variants;
what each file contains is checked with pdfplumber's raw characters and annotations.
"""

from __future__ import annotations

import pdfplumber
import pytest
from conftest import ELZOH_PDF, PDF_VARIANTS

from planextract.extract.limits import Limits
from planextract.models.plan import Plan
from planextract.pipeline import Result, extract_file
from planextract.rules.pdf import font_family, load_pdf_rules

SYMBOL_FONTS = PDF_VARIANTS / "kemp-en-duin-symbol-fonts.pdf"
ACROFORM = PDF_VARIANTS / "zuidoost-hageland-acroform.pdf"
UNKNOWN = PDF_VARIANTS / "zuidoost-hageland-unknown-glyph.pdf"


def boxes(plan: Plan) -> list[tuple[str, str, bool | None]]:
    out = []
    for action in plan.actions():
        if action.evaluation is None:
            continue
        for key in ("process", "output", "outcome"):
            ev = getattr(action.evaluation, key)
            if ev is not None:
                out.append((action.id, key, ev.selected))
    return out


def glyph_chars(path: object) -> set[tuple[str, str]]:
    """(font family, character) of every character that is not a letter, digit or mark
    of ordinary text: the checkbox glyphs as the PDF stores them."""
    found = set()
    style_words = load_pdf_rules().style_words
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            for char in page.chars:
                if "\u2600" <= char["text"] <= "\u27bf" or char["text"] >= "\ue000":
                    found.add((font_family(char["fontname"], style_words), char["text"]))
    return found


def test_glyphs_in_the_sample_pdfs(elzoh_pdf_result: Result, elzoh: Plan) -> None:
    assert boxes(elzoh_pdf_result.plan) == boxes(elzoh)
    assert ("dejavusans", "☒") in glyph_chars(ELZOH_PDF)
    states = [s for _, _, s in boxes(elzoh)]
    assert states.count(True) == 12 and states.count(False) == 2


def test_symbol_fonts(kemp: Plan) -> None:
    # Wingdings with private-use code points (both pairs), MS Gothic and Segoe UI Symbol,
    # each for checked and unchecked boxes; no plain DejaVu boxes left.
    chars = glyph_chars(SYMBOL_FONTS)
    assert chars >= {
        ("wingdings", "\uf0fd"),
        ("wingdings", "\uf0a8"),
        ("wingdings", "\uf078"),
        ("wingdings", "\uf06f"),
        ("msgothic", "☒"),
        ("msgothic", "☐"),
        ("segoeuisymbol", "☒"),
        ("segoeuisymbol", "☐"),
    }
    assert not {c for c in chars if c[0] == "dejavusans" and c[1] in "☒☐"}
    plan = extract_file(SYMBOL_FONTS).plan
    assert boxes(plan) == boxes(kemp)
    assert len(boxes(kemp)) == 36
    assert not [f for f in plan.quality.findings if f.code == "evaluation.checkbox_unreadable"]


def test_acroform_fields(elzoh: Plan) -> None:
    with pdfplumber.open(ACROFORM) as pdf:
        widgets = [a for page in pdf.pages for a in page.annots]
        assert len(widgets) == 14
        assert not any(c["text"] in "☒☐" for page in pdf.pages for c in page.chars)
    plan = extract_file(ACROFORM).plan
    assert boxes(plan) == boxes(elzoh)
    first = plan.action("1.1-1").evaluation
    assert first is not None and first.process is not None
    assert first.process.label == "Procesevaluatie" and first.process.glyph == "☒"


def test_acroform_criteria_stay_under_their_box(elzoh_pdf_result: Result) -> None:
    """The field's border is a small closed rectangle: its edges must not cut a text cell,
    or a short first word ('We', a bullet) under the box becomes a line of its own and the
    criteria fall out of the ticked type into the evaluation's own text."""
    plan = extract_file(ACROFORM, limits=Limits(ocr=False)).plan  # as elzoh_pdf_result
    ev = plan.action("1.2-1").evaluation
    assert ev is not None and ev.output is not None and ev.process is not None
    assert ev.process.text.startswith("We evalueren eind 2025 of er voldoende ingezet is")
    assert [c.text for c in ev.output.criteria] == [
        "We willen alle 9 lokale besturen gesproken hebben tegen de zomer van 2025",
        "Er is een gedragen afsprakenkader lokaal sociaal beleid dat ingediend kan worden op "
        "31/05/2024 bij het departement Zorg.",
        "Er is een gedragen vertegenwoordiging van 9 lokale besturen binnen ons bestuursorgaan "
        "na de verkiezingen door de zorgraad eind 2025",
    ]
    assert ev.text == ""
    codes = [f.code for f in plan.quality.findings]
    assert "evaluation.criteria_missing" not in codes
    assert codes == [f.code for f in elzoh_pdf_result.plan.quality.findings]
    assert plan.quality.completeness == elzoh_pdf_result.plan.quality.completeness == 62.1


def test_unknown_glyph_is_reported_not_guessed(elzoh: Plan) -> None:
    assert ("webdings", "\uf063") in glyph_chars(UNKNOWN)
    plan = extract_file(UNKNOWN).plan
    expected = boxes(elzoh)
    expected[0] = ("1.1-1", "process", None)  # drawn with Webdings U+F063: unknown
    assert boxes(plan) == expected
    process = plan.action("1.1-1").evaluation.process  # type: ignore[union-attr]
    assert process is not None and process.glyph == "\uf063"
    text_process = elzoh.action("1.1-1").evaluation.process  # type: ignore[union-attr]
    assert text_process is not None and process.text == text_process.text
    unreadable = [f for f in plan.quality.findings if f.code == "evaluation.checkbox_unreadable"]
    assert len(unreadable) == 1
    assert unreadable[0].action_id == "1.1-1" and unreadable[0].field == "evaluation.process"
    assert unreadable[0].pages == [5]


@pytest.mark.parametrize("path", [SYMBOL_FONTS, ACROFORM, UNKNOWN], ids=lambda p: p.stem)
def test_variants_are_complete_plans(path: object) -> None:
    plan = extract_file(path).plan  # type: ignore[arg-type]
    assert plan.extraction.coverage == 100.0 and plan.unassigned == []
