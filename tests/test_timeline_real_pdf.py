"""The 'Tijdslijn' read from the sample PDFs (rendered from the real plans by
scripts/make_sample_pdfs.py): Kemp en Duin's two ruled tables that break across pages,
ELZOH's timeline that points to an annex holding only an image."""

from __future__ import annotations

import tomllib

from test_timeline import ACTIONS, TITLES, TRANSCRIPTION, column

from planextract.models.plan import Plan
from planextract.pipeline import Result
from planextract.rules.text import collapse


def test_kemp_pdf_tables_titles_and_pages(kemp_pdf_result: Result) -> None:
    timeline = kemp_pdf_result.plan.timeline
    assert timeline is not None
    assert [[c.title for c in t.columns] for t in timeline.tables] == TITLES
    # Each table breaks over two pages with its header row repeated (pages 3-4 and 5-6).
    assert [t.pages for t in timeline.tables] == [[3, 4], [5, 6]]
    assert all(t.source == "pdf-table" for t in timeline.tables)
    for table in timeline.tables:
        assert [r.month for r in table.rows] == list(range(1, 13))


def test_kemp_pdf_columns_link_to_their_actions(kemp_pdf_result: Result) -> None:
    plan = kemp_pdf_result.plan
    assert plan.timeline is not None
    for table, expected in zip(plan.timeline.tables, ACTIONS, strict=True):
        assert [c.action_id for c in table.columns] == [a for a, _ in expected]
    assert plan.timeline.unlinked_columns == [] and plan.timeline.actions_without_column == []


def test_kemp_pdf_cells_equal_the_transcription(kemp_pdf_result: Result) -> None:
    timeline = kemp_pdf_result.plan.timeline
    assert timeline is not None
    truth = tomllib.loads(TRANSCRIPTION.read_text("utf-8"))["tables"]
    for table, expected in zip(timeline.tables, truth, strict=True):
        for row in table.rows:
            assert row.cells == [collapse(c) or None for c in expected["rows"][row.label]]
    assert timeline.stats.cells == 46


def test_kemp_pdf_cells_checked_by_hand(kemp_pdf_result: Result) -> None:
    timeline = kemp_pdf_result.plan.timeline
    assert timeline is not None
    first, second = timeline.tables
    # The inspiration session (2.1-1) in April, on the table's first page.
    assert column(first, 1)[4] == "Inspiratiesessie"
    april = first.rows[3].details[1]
    assert april is not None and april.pages == [3]
    # Network lunches (4.5b-1): February, March, November.
    assert column(second, 0) == {
        2: "Voorbereiding netwerklunches",
        3: "Netwerklunches",
        11: "Evaluatie en bijsturing",
    }
    # A cell that wraps before '-plan' keeps the compound hyphen, not a list dash.
    assert column(second, 1)[1] == "Implementatie communicatiebeleid en -plan"
    # December of the second table, on page 6, holds only the Logo/IGP cell.
    december = second.rows[11]
    assert december.cells == [None] * 5 + [
        "Samenwerking evalueren + structureel plannen van overleg"
    ]
    assert december.pages == [6]


def test_kemp_pdf_milestones_link_to_cells(kemp_pdf_result: Result) -> None:
    plan = kemp_pdf_result.plan
    assert plan.timeline is not None
    months = {
        (link.action_id, link.milestone): link.month
        for link in plan.timeline.milestone_links
        if link.action_id == "4.5b-1"
    }
    assert months == {
        ("4.5b-1", "Voorbereiding netwerklunches"): 2,
        ("4.5b-1", "Netwerklunches"): 3,
        ("4.5b-1", "Evaluatie en bijsturing"): 11,
    }


def test_kemp_pdf_table_text_belongs_to_the_timeline(kemp_pdf_result: Result) -> None:
    plan = kemp_pdf_result.plan
    section = next(s for s in plan.sections if s.title == "Tijdslijn")
    assert section.kind == "timeline" and section.text == ""
    assert plan.timeline_status is not None and plan.timeline_status.status == "table"
    assert plan.timeline_status.pages == [3, 4, 5, 6]
    assert plan.extraction.coverage == 100.0


def test_elzoh_pdf_timeline_is_an_annex_image(elzoh_pdf_result: Result) -> None:
    plan: Plan = elzoh_pdf_result.plan
    assert plan.timeline is None
    status = plan.timeline_status
    assert status is not None and status.status == "referenced"
    assert status.reference == "Bijlage I" and "afbeelding" in status.reason
    # The annex page (21) is reported as a page without a text layer.
    assert 21 in status.pages
    assert [i.page for i in plan.extraction.page_issues] == [21, 22]
