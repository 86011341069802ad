"""The timeline from ruled PDF tables (Document.tables), with tables built in the test from
the hand transcription of Kemp en Duin's grids: split over pages, a repeated header, a row
cut by a page break, wrapped cell text, and a form table that is not a timeline.

The real generated PDF is tested once the PDF reader is merged.
"""

from __future__ import annotations

import textwrap
import tomllib
from copy import deepcopy

from conftest import SAMPLES

from planextract.models.document import Document, Line, Table, TableCell
from planextract.models.plan import Plan
from planextract.rules.profile import load_profile
from planextract.rules.text import collapse
from planextract.timeline.build import build_timeline
from planextract.timeline.pdf_table import timeline_grids

TRUTH = tomllib.loads((SAMPLES / "kemp-en-duin-tijdslijn.toml").read_text("utf-8"))["tables"]
MONTHS = list(TRUTH[0]["rows"])


class _Builder:
    """Lines and cells of a synthetic PDF document."""

    def __init__(self) -> None:
        self.lines: list[Line] = []
        self.tables: list[Table] = []

    def cell(self, text: str, page: int, width: int = 24) -> TableCell:
        wrapped = textwrap.wrap(text, width, break_long_words=False) if text else []
        indices = []
        for part in wrapped:
            indices.append(len(self.lines))
            no = len(self.lines) + 1
            self.lines.append(Line(no=no, raw=part, text=part, page=page))
        return TableCell("\n".join(wrapped), page, (0.0, 0.0, 10.0, 10.0), indices)

    def table(self, page: int, rows: list[list[str]]) -> None:
        cells: list[list[TableCell | None]] = [[self.cell(t, page) for t in row] for row in rows]
        self.tables.append(Table(page, (0.0, 0.0, 800.0, 500.0), cells))

    def document(self) -> Document:
        return Document("kemp.pdf", "0" * 64, "pdf", self.lines, tables=self.tables)


def _grid_rows(t: int, months: list[str]) -> list[list[str]]:
    return [[m, *TRUTH[t]["rows"][m]] for m in months]


def kemp_document() -> Document:
    b = _Builder()
    b.table(4, [["Wat?", "Geef een korte beschrijving van wat je gaat doen."]])  # a form
    first_header = ["Maand", *TRUTH[0]["columns"]]
    # Table 1: January-June on page 9, the June row cut by the page break (its first
    # cell goes on at the top of page 10), July-December on page 10 without a header.
    june = TRUTH[0]["rows"]["Juni"]
    b.table(9, [first_header, *_grid_rows(0, MONTHS[:5]), ["Juni", "Uitproberen van", *june[1:]]])
    b.table(10, [["", "relevante methodiek(en)", "", "", "", "", ""], *_grid_rows(0, MONTHS[6:])])
    # Table 2: its own header; on page 11 with the header repeated on page 12.
    second_header = ["Maand", *TRUTH[1]["columns"]]
    b.table(11, [second_header, *_grid_rows(1, MONTHS[:6])])
    b.table(12, [second_header, *_grid_rows(1, MONTHS[6:])])
    return b.document()


def test_timeline_grids_join_pages_and_skip_other_tables() -> None:
    grids = timeline_grids(kemp_document())
    assert len(grids) == 2
    assert [g.titles for g in grids] == [TRUTH[0]["columns"], TRUTH[1]["columns"]]
    assert [g.pages for g in grids] == [[9, 10], [11, 12]]
    for grid, truth in zip(grids, TRUTH, strict=True):
        assert [r.label.first for r in grid.rows] == list(range(1, 13))
        for row in grid.rows:
            assert row.cells == [collapse(c) or None for c in truth["rows"][row.label.text]]
    june = grids[0].rows[5]
    assert june.cells[0] == "Uitproberen van relevante methodiek(en)"
    assert june.pages == [9, 10] and june.cell_pages[0] == [9, 10]


def test_build_timeline_from_pdf_tables(kemp: Plan) -> None:
    doc = kemp_document()
    plan = deepcopy(kemp)
    found = build_timeline(plan, doc, load_profile())
    timeline = found.timeline
    assert timeline is not None and found.status.status == "table"
    assert found.status.pages == [9, 10, 11, 12]
    for table, truth in zip(timeline.tables, TRUTH, strict=True):
        assert table.source == "pdf-table"
        assert [c.title for c in table.columns] == truth["columns"]
        assert [c.action_id for c in table.columns] == truth["actions"]
        for row in table.rows:
            assert row.cells == [collapse(c) or None for c in truth["rows"][row.label]]
            for cell, detail in zip(row.cells, row.details, strict=True):
                assert (cell is None) == (detail is None)
    assert timeline.stats.cells == 46
    april = timeline.tables[0].rows[3]
    assert april.cells[1] == "Inspiratiesessie"
    assert april.details[1] is not None and april.details[1].pages == [9]
    # The cells' lines belong to the timeline, the repeated header's too; the form table's
    # lines do not.
    form = doc.tables[0].rows[0]
    form_lines = {i for c in form if c is not None for i in c.line_indices}
    assert set(found.owners) == set(range(len(doc.lines))) - form_lines
    assert found.owners[len(doc.lines) - 1] == "timeline.tables[1]"
    links = {(m.action_id, m.milestone, m.month) for m in timeline.milestone_links}
    assert ("4.5b-1", "Netwerklunches", 3) in links
    assert ("2.1-1", "Inspiratiesessie", 4) in links
