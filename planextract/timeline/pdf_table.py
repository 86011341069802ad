"""Month x action tables from the ruled tables a PDF reader found (``Document.tables``).

A timeline table has a header row whose first cell is the month column's title ('Maand')
and one row per month. A table that goes on over a page break arrives as two tables: the
second either repeats the header or starts directly with rows; a row cut by the page break
goes on in a row with an empty month cell. Several timeline tables in a row (one per
group of actions) stay separate.
"""

from __future__ import annotations

from dataclasses import field

from planextract.models.document import Document, Table, TableCell
from planextract.models.record import record
from planextract.rules.reflow import join
from planextract.rules.text import collapse, norm
from planextract.rules.timeline import header_word_at_start, load_timeline_rules
from planextract.timeline.months import MonthLabel, parse_month_label


@record(slots=True)
class PdfRow:
    label: MonthLabel
    cells: list[str | None]
    cell_pages: list[list[int]]
    cell_lines: list[list[int]]  # indices in doc.lines
    pages: list[int]


@record(slots=True)
class PdfGrid:
    titles: list[str]
    rows: list[PdfRow] = field(default_factory=list)
    pages: list[int] = field(default_factory=list)
    lines: set[int] = field(default_factory=set)


def cell_text(cell: TableCell | None) -> str:
    """The text of a cell with its wrapped lines joined (compound hyphens kept)."""
    if cell is None:
        return ""
    out = ""
    prev = ""
    for line in cell.text.splitlines():
        line = line.strip()
        if line:
            out = join(prev, out, line)
            prev = line
    return collapse(out)


def _month_label(text: str) -> MonthLabel | None:
    """The cell holds a month label and nothing else."""
    label = parse_month_label(text)
    if label is None or text[label.end :].strip(" :.") != "":
        return None
    return label


Cells = list[TableCell | None]


def _split(table: Table, grid: PdfGrid | None) -> tuple[PdfGrid | None, Cells, list[Cells]]:
    """(the grid the table's rows belong to, its header row or [], the other rows).
    A header that repeats the open grid's titles continues that grid."""
    rows = table.rows
    first = cell_text(rows[0][0]) if rows and rows[0] else ""
    if header_word_at_start(first, load_timeline_rules().table) == first:
        titles = [cell_text(c) for c in rows[0][1:]]
        if grid is None or [norm(t) for t in titles] != [norm(t) for t in grid.titles]:
            grid = PdfGrid(titles=titles)
        return grid, rows[0], rows[1:]
    width = len(grid.titles) + 1 if grid is not None else 0
    if grid is not None and rows and len(rows[0]) == width and (not first or _month_label(first)):
        return grid, [], rows  # the table goes on without its header
    return None, [], []


def _line_indices(cells: Cells) -> set[int]:
    return {i for c in cells if c is not None for i in c.line_indices}


def _add_row(grid: PdfGrid, cells: Cells, label: MonthLabel | None) -> bool:
    n = len(grid.titles)
    body = (cells[1 : n + 1] + [None] * n)[:n]
    texts = [cell_text(c) or None for c in body]
    pages = [[c.page] if c is not None and c.page and cell_text(c) else [] for c in body]
    lines = [list(c.line_indices) if c is not None else [] for c in body]
    if label is not None:
        if grid.rows and not grid.rows[-1].label.before(label):
            return False
        grid.rows.append(PdfRow(label, texts, pages, lines, []))
    elif grid.rows:  # a row cut by a page break: its cells go on here
        last = grid.rows[-1]
        for k in range(n):
            if texts[k]:
                last.cells[k] = f"{last.cells[k]} {texts[k]}" if last.cells[k] else texts[k]
                last.cell_pages[k] = sorted({*last.cell_pages[k], *pages[k]})
            last.cell_lines[k].extend(lines[k])
    else:
        return False
    row = grid.rows[-1]
    page_set = {c.page for c in cells if c is not None and c.page}
    row.pages = sorted({*row.pages, *page_set})
    return True


def timeline_grids(doc: Document) -> list[PdfGrid]:
    """The timeline tables among the document's ruled tables, continuations joined."""
    grids: list[PdfGrid] = []
    grid: PdfGrid | None = None
    for table in doc.tables:
        grid, header, body = _split(table, grid)
        if grid is None:
            continue
        if not grids or grids[-1] is not grid:
            grids.append(grid)
        grid.lines.update(_line_indices(header))
        for cells in body:
            if not cells:
                continue
            first = cell_text(cells[0])
            label = _month_label(first) if first else None
            if first and label is None:
                continue  # not a month row (a note under the table): left to the section
            if _add_row(grid, list(cells), label):
                grid.lines.update(_line_indices(cells))
        grid.pages = sorted({*grid.pages, *([table.page] if table.page else [])})
    return [g for g in grids if g.rows and g.titles]
