"""Layout rules of the shared core, for PDF input: the label column, prompts by style,
running lines by position, headings and titles that end where the type changes, and a
glued dash on a wrapped line.

Each test changes the Document read from a sample PDF (the real plan) the way another
submission could differ, runs the shared core on it and compares with the unchanged
plan; where it helps, the same change made to the text export shows what the layout
adds.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from conftest import ELZOH_PDF, ELZOH_TXT, KEMP_PDF
from test_pdf_parity import contract, without_keys

from planextract.extract.limits import Limits
from planextract.models.document import Document, Line, Noise
from planextract.models.plan import Plan
from planextract.models.tokens import Kind
from planextract.pipeline import Result, extract_document, extract_file, read_document
from planextract.rules.profile import load_profile

P = load_profile()


def changed(path: Path, change: Callable[[Document], Any]) -> Result:
    doc = read_document(path, P, Limits(ocr=False))  # as elzoh_pdf_result
    change(doc)
    return extract_document(doc, P)


def replace_lines(doc: Document, old: str, new: str, **attrs: object) -> int:
    n = 0
    for line in doc.lines:
        if line.text == old:
            line.text = line.raw = new
            for key, value in attrs.items():
                setattr(line, key, value)
            n += 1
    return n


def test_reworded_labels_are_read_from_the_label_column(elzoh_pdf_result: Result) -> None:
    rewording = {
        "Met wie?": "Met wie werk je samen?",
        "Hoe?": "Hoe pak je het aan?",
        "Evaluatie": "Evaluatie van de actie",
    }

    def reword(doc: Document) -> None:
        for old, new in rewording.items():
            assert replace_lines(doc, old, new) == 7  # one per form

    result = changed(ELZOH_PDF, reword)
    assert contract(result.plan) == contract(elzoh_pdf_result.plan)
    labels = [t for t in result.tokens if t.kind == Kind.LABEL]
    assert {t.text for t in labels} >= set(rewording.values())
    # In a text export the same words are just text: 'Hoe pak je het aan?' ends up as a
    # stakeholder of the action before it.
    text = ELZOH_TXT.read_text("utf-8")
    for old, new in rewording.items():
        text = text.replace(f"\n{old} \n", f"\n{new} \n")
    plan = _text_plan(text)
    stakeholders = plan.action("1.1-1").with_whom.stakeholders  # type: ignore[union-attr]
    assert [i.text for i in stakeholders or []][-1] == "Hoe pak je het aan?"


def test_label_cell_that_also_holds_a_sub_part(elzoh_pdf_result: Result) -> None:
    # Another layout of the form: the sub-part 'Wie is de trekker van de actie?' printed
    # in the label cell under 'Met wie?', not in the answer column.
    lead = "Wie is de trekker van de actie?"

    def move(doc: Document) -> None:
        assert replace_lines(doc, "Met wie?", f"Met wie? {lead}") == 7
        assert replace_lines(doc, lead, "") == 7

    result = changed(ELZOH_PDF, move)
    assert contract(result.plan) == contract(elzoh_pdf_result.plan)
    assert result.plan.action("1.1-1").with_whom.lead == "ELZOH vzw"  # type: ignore[union-attr]


def _text_plan(text: str) -> Plan:
    from planextract.extract.read_text import read_text_bytes

    doc = read_text_bytes(text.encode("utf-8"), "variant.txt", P, Limits())
    return extract_document(doc, P).plan


def test_reworded_prompt_in_prompt_style_is_a_prompt(elzoh_pdf_result: Result) -> None:
    old, new = (
        "Geef een korte beschrijving van wat je gaat doen.",
        "Beschrijf kort wat je gaat doen.",
    )
    result = changed(ELZOH_PDF, lambda doc: replace_lines(doc, old, new))
    assert contract(result.plan) == contract(elzoh_pdf_result.plan)
    prompts = [t for t in result.tokens if t.kind == Kind.PROMPT and t.text == new]
    assert len(prompts) == 7 and {t.key for t in prompts} == {"what"}
    # The same words in the answer's style are the author's words, kept as an answer.
    plain = changed(ELZOH_PDF, lambda doc: replace_lines(doc, old, new, italic=False))
    what = plain.plan.action("1.1-1").what
    assert what is not None and what.text.startswith(new)
    # A text export has no style to go by: there the place (right after the label) and
    # the wording close to the field's own prompt make it the prompt reworded
    # (rules/labels.reworded_prompt_score), and the answer is the author's text after it.
    text = ELZOH_TXT.read_text("utf-8").replace(old, new)
    what = _text_plan(text).action("1.1-1").what
    assert what is not None and what.text.startswith("ELZOH werkt verder aan de actie van 2024")


def test_running_lines_by_position_and_repetition(kemp_pdf_result: Result) -> None:
    # Another zone's template: a header and footer the wording rules do not know.
    def restyle(doc: Document) -> None:
        for line in doc.lines:
            if line.text == "Actieplan ELZ Kemp en Duin":
                line.text = line.raw = "ELZ Kemp en Duin – jaarplanning 2025"
            elif line.text.startswith("Pagina "):
                line.text = line.raw = f"Versie 3 – p. {line.page}"

    result = changed(KEMP_PDF, restyle)
    doc = result.document
    for page in range(1, 39):
        lines = [line for line in doc.lines if line.page == page and line.text]
        assert lines[0].noise == Noise.HEADER and lines[-1].noise == Noise.FOOTER
    expected = contract(kemp_pdf_result.plan)
    got = contract(result.plan)
    # The organisation (and its zone key) is read from the 'Actieplan <zone>' header only.
    assert (got.pop("organisation"), got.pop("title"), got.pop("zone_key")) == (None,) * 3
    expected.pop("organisation"), expected.pop("title"), expected.pop("zone_key")
    # Without the zone's name fewer partners are recognised as the zone itself ('own').
    assert without_keys(got, {"own"}) == without_keys(expected, {"own"})


def test_heading_and_title_end_where_the_type_changes(elzoh_pdf_result: Result) -> None:
    # No paragraph spacing at all: headings, titles and text follow each other directly.
    def squeeze(doc: Document) -> None:
        doc.lines[:] = [line for line in doc.lines if line.text]
        for no, line in enumerate(doc.lines, start=1):
            line.no = no

    result = changed(ELZOH_PDF, squeeze)
    plan, expected = result.plan, elzoh_pdf_result.plan
    assert [a.title for a in plan.actions()] == [a.title for a in expected.actions()]
    assert [od.title for sd in plan.strategic_goals for od in sd.operational_goals] == [
        od.title for sd in expected.strategic_goals for od in sd.operational_goals
    ]
    narrative = plan.action("3.2-1")
    assert narrative.text.startswith("In 2024 voorzagen we geen specifieke acties")

    # Without the change of type the title runs on into the text under it.
    def squeeze_and_unbold(doc: Document) -> None:
        squeeze(doc)
        for line in doc.lines:
            line.bold = False

    flat = changed(ELZOH_PDF, squeeze_and_unbold).plan
    assert [a.title for a in flat.actions()] != [a.title for a in expected.actions()]


def test_glued_dash_on_a_wrapped_line_is_not_a_list_item(kemp_pdf_result: Result) -> None:
    # 'Implementatie communicatiebeleid en -plan' wraps before '-plan' in its timeline cell.
    timeline = kemp_pdf_result.plan.timeline
    assert timeline is not None
    cells = [c for t in timeline.tables for r in t.rows for c in r.cells if c is not None]
    assert "Implementatie communicatiebeleid en -plan" in cells
    # The line '-plan' is classified as text, not as a bullet.
    lines = kemp_pdf_result.document.lines
    (glued,) = [t for t in kemp_pdf_result.tokens if lines[t.index].text.strip() == "-plan"]
    assert glued.kind == Kind.TEXT
    # Real list items with a dash still are list items.
    action = kemp_pdf_result.plan.action("1.1-1")
    assert action.what is not None and [i.marker for i in action.what.do or []] == ["-", "-"]


def test_lines_in_the_margins_are_hinted(kemp_pdf_result: Result) -> None:
    lines: list[Line] = kemp_pdf_result.document.lines
    tops = {line.text for line in lines if line.hint == "page-top"}
    bottoms = {line.text for line in lines if line.hint == "page-bottom"}
    assert tops == {"Actieplan ELZ Kemp en Duin"}
    assert bottoms == {f"Pagina {n} van 38" for n in range(1, 39)}
    assert extract_file(KEMP_PDF).plan.organisation == "ELZ Kemp en Duin"
