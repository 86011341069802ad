"""The PDF reader: lines with layout, reading order, label column, tables, page numbers.

Page numbers are checked against PDFium's text of each page (tests/pdftext.py), not
against our own reader.
"""

from __future__ import annotations

import json
import re
import tomllib

import jsonschema
import pytest
from conftest import ELZOH_PDF, KEMP_PDF, SAMPLES
from pdftext import phrase_box, printed_on

from planextract.extract.limits import Limits
from planextract.models.contract import plan_from_json
from planextract.models.document import Noise
from planextract.models.plan import Box, Plan
from planextract.models.tokens import Kind
from planextract.output import schema_json
from planextract.pipeline import Result, extract_file, plan_to_json
from planextract.quality.assess import assess
from planextract.rules.pdf import is_grey, load_pdf_rules

MARKER = re.compile(r"^\s*(?:[-•➔o]|\(?\d+[.)]) ")
LABELS = {"Wat?", "Waarom?", "Voor wie?", "Met wie?", "Hoe?", "Evaluatie"}


def first_words(text: str, n: int = 6) -> str:
    """The first words of a value's text, without a list marker."""
    first = text.split("\n", 1)[0]
    return " ".join(MARKER.sub("", first).split()[:n])


def last_words(text: str, n: int = 5) -> str:
    return " ".join(text.split()[-n:])


def test_document_from_a_pdf(elzoh_pdf_result: Result, kemp_pdf_result: Result) -> None:
    for result, pages in ((elzoh_pdf_result, 22), (kemp_pdf_result, 38)):
        doc = result.document
        assert doc.format == "pdf" and doc.has_layout and doc.page_count == pages
        assert doc.pagination["method"] == "reader"
        assert {line.page for line in doc.lines} == set(range(1, pages + 1))
        content = [line for line in doc.lines if line.text]
        assert all(line.bbox is not None and line.font and line.size for line in content)
        assert [line.no for line in doc.lines] == list(range(1, len(doc.lines) + 1))


def test_running_header_and_footer_are_noise(kemp_pdf_result: Result) -> None:
    doc = kemp_pdf_result.document
    for page in range(1, 39):
        lines = [line for line in doc.lines if line.page == page and line.text]
        header, footer = lines[0], lines[-1]
        assert header.text == "Actieplan ELZ Kemp en Duin" and header.noise == Noise.HEADER
        assert footer.text == f"Pagina {page} van 38" and footer.noise == Noise.FOOTER
    assert kemp_pdf_result.plan.organisation == "ELZ Kemp en Duin"


def test_labels_come_from_the_left_column(elzoh_pdf_result: Result, elzoh: Plan) -> None:
    doc = elzoh_pdf_result.document
    labels = [line for line in doc.lines if line.hint == "label"]
    assert {line.text for line in labels} == LABELS
    assert all(line.bold for line in labels)
    # One label per field of every form in the text export (none is absent in ELZOH).
    fields = sum(
        getattr(a, key) is not None
        for a in elzoh.actions()
        for key in ("what", "why", "for_whom", "with_whom", "how", "evaluation")
    )
    assert len(labels) == fields == 7 * 6


def test_prompts_are_grey_italic(elzoh_pdf_result: Result) -> None:
    doc, rules = elzoh_pdf_result.document, load_pdf_rules()
    prompts = [t for t in elzoh_pdf_result.tokens if t.kind in (Kind.PROMPT, Kind.PART)]
    assert len(prompts) > 30
    for tok in prompts:
        line = doc.lines[tok.index]
        assert line.italic and is_grey(line.color, rules), line.text


def test_reading_order_inside_the_form(elzoh_pdf_result: Result) -> None:
    # ELZOH 1.1-1 on page 4: label, then its prompt, then the answer; then the next row.
    lines = [line.text for line in elzoh_pdf_result.document.lines if line.page == 4 and line.text]
    wat = lines.index("Wat?")
    assert lines[wat + 1] == "Geef een korte beschrijving van wat je gaat doen."
    assert lines[wat + 2].startswith("ELZOH werkt verder aan de actie van 2024")
    assert lines.index("Waarom?") > lines.index("1) Wat ga je wel doen?")


def test_headings_are_bold_and_larger(elzoh_pdf_result: Result) -> None:
    doc = elzoh_pdf_result.document
    by_kind = {Kind.SECTION: [], Kind.GOAL: []}
    for tok in elzoh_pdf_result.tokens:
        if tok.kind in by_kind:
            by_kind[tok.kind].append(doc.lines[tok.index])
    body = max((line.size or 0) for line in doc.lines if line.text.startswith("ELZOH werkt"))
    for lines in by_kind.values():
        assert lines and all(line.bold and (line.size or 0) > body for line in lines)


@pytest.mark.parametrize(("path", "fixture"), [(ELZOH_PDF, "elzoh"), (KEMP_PDF, "kemp")])
def test_action_pages_are_where_they_are_printed(
    path: object, fixture: str, request: pytest.FixtureRequest
) -> None:
    plan: Plan = request.getfixturevalue(f"{fixture}_pdf_result").plan
    actions = plan.actions()
    for n, action in enumerate(actions):
        # The title is printed on the action's first page (Kemp's titles are also
        # column headings of the timeline tables, printed earlier)...
        assert action.pages[0] in printed_on(path, first_words(action.title)), action.id
        # ...the action ends where the next one starts, or before...
        if n + 1 < len(actions):
            assert action.pages[-1] <= actions[n + 1].pages[0]
        # ...and every evaluation criterion is where it is printed; a form ends with its
        # last evaluation type.
        if action.evaluation is not None:
            ev = action.evaluation
            types = [t for t in (ev.process, ev.output, ev.outcome) if t is not None]
            assert types[-1].pages[-1] == action.pages[-1], action.id
            for item in (item for t in types for item in t.criteria):
                assert item.pages[-1] in printed_on(path, last_words(item.text, 10)), item


def test_field_pages_are_where_they_are_printed(elzoh_pdf_result: Result) -> None:
    plan = elzoh_pdf_result.plan
    checked = 0
    for action in plan.actions():
        for key in ("what", "why", "for_whom", "with_whom", "how"):
            value = getattr(action, key)
            if value is None or not value.text:
                continue
            printed = printed_on(ELZOH_PDF, first_words(value.text, 6))
            assert printed, (action.id, key)
            if len(printed) == 1:  # a phrase printed once: on a page of the value
                assert printed[0] in value.pages, (action.id, key)
                checked += 1
    assert checked >= 30
    # Seen in the rendered pages: ELZOH 1.1-1 has Wat? to Met wie? on page 4, Hoe? and
    # Evaluatie on page 5.
    first = plan.action("1.1-1")
    assert first.what and first.what.pages == [4]
    assert first.with_whom and first.with_whom.pages == [4]
    assert first.how and first.how.pages == [5]
    assert first.evaluation and first.evaluation.pages == [5]


def test_timeline_tables_are_kept_as_cells(kemp_pdf_result: Result) -> None:
    tables = kemp_pdf_result.document.tables
    assert [t.page for t in tables] == [3, 4, 5, 6]  # two tables, each over two pages
    transcription = tomllib.loads((SAMPLES / "kemp-en-duin-tijdslijn.toml").read_text("utf-8"))
    got: dict[str, dict[str, list[str | None]]] = {}
    for table in tables:
        header = [cell.text if cell else None for cell in table.rows[0]]
        assert header[0] == "Maand"  # the header row is repeated on the next page
        for row in table.rows[1:]:
            assert row[0] is not None and all(cell is not None for cell in row)
            got.setdefault(header[1] or "", {})[row[0].text] = [c.text for c in row[1:] if c]
    expected = {
        table["columns"][0]: {month: cells for month, cells in table["rows"].items()}
        for table in transcription["tables"]
    }
    assert got == expected
    # Every cell knows its page, its box and its lines.
    doc = kemp_pdf_result.document
    januari = tables[0].rows[1]
    assert januari[0] is not None and januari[0].text == "Januari"
    cell = januari[1]
    assert cell is not None and cell.page == 3 and cell.line_indices
    assert all(doc.lines[i].page == 3 for i in cell.line_indices)
    x0, top, x1, bottom = cell.bbox
    for i in cell.line_indices:
        line = doc.lines[i]
        assert x0 <= (line.x0 or 0) and (line.x1 or 0) <= x1
        assert top <= (line.top or 0) and (line.bottom or 0) <= bottom


def test_no_tables_without_a_data_grid(elzoh_pdf_result: Result) -> None:
    # The forms are ruled tables too, but they are read as forms, not as data tables.
    assert elzoh_pdf_result.document.tables == []


def test_picture_pages_are_reported(elzoh_pdf_result: Result) -> None:
    issues = elzoh_pdf_result.document.page_issues
    assert [(i.page, i.code) for i in issues] == [(21, "no-text-layer"), (22, "no-text-layer")]
    annex = elzoh_pdf_result.plan.sections[-1]
    assert annex.title == "BIJLAGE I" and annex.pages == [21] and annex.text == ""
    # In the plan, and as a quality finding per page; checks read only the plan, so the
    # plan read back from its JSON gives the same findings.
    plan = elzoh_pdf_result.plan
    assert [(i.page, i.code) for i in plan.extraction.page_issues] == [
        (21, "no-text-layer"),
        (22, "no-text-layer"),
    ]
    found = [f for f in plan.quality.findings if f.code == "pages.no_text"]
    assert [f.pages for f in found] == [[21], [22]]
    assert found[0].message.startswith("Pagina 21 heeft geen tekstlaag (")
    again = plan_from_json(plan_to_json(plan))
    assert assess(again) == plan.quality


def inside(inner: tuple[float, float, float, float], box: Box, slack: float = 2.0) -> bool:
    x0, top, x1, bottom = inner
    return (
        box.x0 - slack <= x0
        and box.top - slack <= top
        and x1 <= box.x1 + slack
        and bottom <= box.bottom + slack
    )


def test_values_carry_boxes(elzoh_pdf_result: Result, elzoh: Plan) -> None:
    plan = elzoh_pdf_result.plan
    action = plan.action("1.1-1")
    # One box per page the value is on, around what PDFium prints there.
    assert [b.page for b in action.boxes] == action.pages == [4, 5]
    title = phrase_box(ELZOH_PDF, 4, "ELZOH inventariseert en zet verdere stappen")
    assert inside(title, action.boxes[0])
    what = action.what
    assert what is not None and [b.page for b in what.boxes] == [4]
    assert inside(phrase_box(ELZOH_PDF, 4, "ELZOH werkt verder aan de actie"), what.boxes[0])
    assert inside(phrase_box(ELZOH_PDF, 4, "Wat?"), what.boxes[0])  # its label too
    assert not inside(title, what.boxes[0])
    item = (what.do or [])[0]
    assert [b.page for b in item.boxes] == [4]
    assert inside(phrase_box(ELZOH_PDF, 4, "ELZOH gaat een samenwerkingsverband"), item.boxes[0])
    assert not inside(phrase_box(ELZOH_PDF, 4, "ELZOH werkt verder aan de actie"), item.boxes[0])
    # A row broken over two pages has a box on each.
    how = plan.action("2.1-1").how
    assert how is not None and [b.page for b in how.boxes] == how.pages == [13, 14]
    # The text export has no positions: no boxes, not made-up ones.
    assert elzoh.action("1.1-1").boxes == [] and elzoh.sections[0].boxes == []


def test_pdf_json_is_deterministic_and_valid(elzoh_pdf_result: Result) -> None:
    text = plan_to_json(elzoh_pdf_result.plan)
    assert plan_to_json(extract_file(ELZOH_PDF, limits=Limits(ocr=False)).plan) == text
    data = json.loads(text)
    jsonschema.validate(data, json.loads(schema_json()))
    assert data["source"]["format"] == "pdf" and data["source"]["pages"] == 22
